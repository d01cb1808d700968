"""Pulse oximetry measurement bias, calibrated on Sjoding et al. (NEJM, 2020)."""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from sklearn.utils import Bunch

from esn_teach._validation import check_finite_scalar, fr_items, received

from ._base import (
    RandomStateLike,
    build_bunch,
    check_as_frame_args,
    check_random_state,
    mark_synthetic,
    pick_case_seed,
)

OXIMETRY_GROUPS: tuple[str, str] = ("White", "Black")

#: Share of Black patients in Sjoding's University of Michigan cohort: 276 of 1,609
#: patients (10,789 pairs in all). Used here as the share of *pairs* from Black patients,
#: as if every patient contributed the same number of pairs (a simplification).
DEFAULT_BLACK_FRACTION = 276 / (1333 + 276)

#: Extra over-estimation of SaO2 by SpO2 in Black patients at SaO2 = 88 %, in
#: percentage points; calibrated so that, among pairs with SpO2 92-96 %, SaO2 < 88 % in
#: close to 11.7 % of the pairs of Black patients vs 3.6 % of White patients.
DEFAULT_DEVICE_BIAS = 2.9

#: SaO2 (%) at which ``device_bias`` is the extra over-estimation: the hypoxemia threshold.
#: The extra over-estimation is proportional to the desaturation ``100 - SaO2`` (Bickler
#: et al., Anesthesiology 2005: the pigment-related bias "increased approximately in
#: proportion to desaturation"): ``device_bias * (100 - SaO2) / (100 - 88)``.
BIAS_REFERENCE_SAO2 = 88.0

# True arterial saturation of patients on supplemental oxygen: 100 - Gamma(2, 4),
# i.e. mean 92 %, with a tail of hypoxemic values (invented shape).
_SAO2_SHAPE = 2.0
_SAO2_SCALE = 4.0
# Device error common to all patients: mean +0.75 point, sd 3.5 points (calibrated so
# that White patients reach 3.6 % occult hypoxemia).
_BASE_BIAS = 0.75
_NOISE_SD = 3.5

_LABELS_FR: dict[str, str] = {
    "race": "groupe (race déclarée, comme dans l'étude)",
    "sao2": "SaO2 artérielle (gaz du sang, %)",
    "spo2": "SpO2 de l'oxymètre de pouls (%)",
    "hypoxemia": "hypoxémie (SaO2 < 88 %, seuil de l'étude)",
    "occult_hypoxemia": "hypoxémie occulte (SaO2 < 88 % et SpO2 entre 92 et 96 %)",
}

_SOURCE = (
    "Synthetic. Device bias calibrated on Sjoding MW et al., NEJM 2020;383:2477-2478: "
    "among SaO2/SpO2 measurement pairs with SpO2 92-96 %, SaO2 < 88 % (occult hypoxemia) "
    "in 11.7 % of the pairs of Black patients vs 3.6 % of the pairs of White patients "
    "(University of Michigan cohort); bias growing with desaturation as in Bickler PE et "
    "al., Anesthesiology 2005;102:715-719."
)


def make_pulse_oximetry(
    *,
    n_samples: int = 10_000,
    device_bias: float = DEFAULT_DEVICE_BIAS,
    black_fraction: float = DEFAULT_BLACK_FRACTION,
    random_state: RandomStateLike = None,
    as_frame: bool = True,
    return_X_y: bool = False,  # noqa: N803
) -> Bunch | tuple[Any, Any]:
    """Generate paired arterial (SaO2) and pulse-oximetry (SpO2) saturations.

    Each row is one measurement pair (an arterial blood gas and the pulse
    oximeter's reading), not one patient. SaO2 is drawn as ``100 - Gamma(2, 4)``
    (patients on supplemental oxygen), clipped to [60, 100]. The oximeter reads
    ``SpO2 = SaO2 + 0.75 + e`` with ``e ~ N(0, 3.5)`` for everyone, plus, for
    Black patients, an extra over-estimation that grows with desaturation:
    ``device_bias * (100 - SaO2) / 12`` (``device_bias`` at SaO2 = 88 %, half
    of it at 94 %, twice it at 76 %), as the pigment-related bias measured by
    Bickler et al. (2005). SpO2 is rounded to an integer (as displayed) and
    clipped to [70, 100].

    Parameters
    ----------
    n_samples : int, default=10_000
        Number of SaO2/SpO2 pairs.
    device_bias : float, default=2.9
        Additional over-estimation (SpO2 minus SaO2, in percentage points) in
        Black patients at SaO2 = 88 %, in [-10, 10]; proportional to
        ``100 - SaO2`` elsewhere. The default reproduces Sjoding et al. (2020):
        among measurement pairs with SpO2 92-96 %, SaO2 < 88 % in about 11.7 %
        of the pairs of Black patients vs 3.6 % of the pairs of White patients.
        ``0`` removes the difference between groups.
    black_fraction : float, default=276/1609
        Share of pairs from Black patients, in (0, 1); the default is the
        share of Black patients in the University of Michigan cohort of the
        paper (276 Black, 1,333 White patients).
    random_state : None, int or numpy.random.Generator, default=None
        Seed or generator, for reproducibility: anything
        :func:`numpy.random.default_rng` accepts, except a boolean.
    as_frame : bool, default=True
        Return pandas objects (else numpy arrays).
    return_X_y : bool, default=False
        Return ``(data, target)``: ``data`` = ``spo2``, ``target`` = ``hypoxemia``.

    Returns
    -------
    sklearn.utils.Bunch or tuple
        ``frame`` has ``race``, ``sao2``, ``spo2``, ``hypoxemia`` (SaO2 < 88 %)
        and ``occult_hypoxemia`` (SaO2 < 88 % while SpO2 is 92-96 %).

    Raises
    ------
    ValueError
        If a size or a value is out of range.
    TypeError
        If an argument has the wrong type.

    See Also
    --------
    occult_hypoxemia_rate : the rate per group, computed as in the paper.
    """
    as_frame, return_x_y = check_as_frame_args(as_frame, return_X_y)
    n = check_finite_scalar(n_samples, "n_samples", numbers.Integral, min_val=1)
    device_bias = check_finite_scalar(
        device_bias, "device_bias", numbers.Real, min_val=-10.0, max_val=10.0
    )
    black_fraction = check_finite_scalar(
        black_fraction,
        "black_fraction",
        numbers.Real,
        min_val=0.0,
        max_val=1.0,
        include_boundaries="neither",
    )
    rng = check_random_state(random_state)

    black = rng.random(n) < black_fraction
    sao2 = np.clip(100.0 - rng.gamma(_SAO2_SHAPE, _SAO2_SCALE, n), 60.0, 100.0).round(1)
    # The pigment-related over-estimation grows in proportion to desaturation (Bickler 2005).
    extra = device_bias * (100.0 - sao2) / (100.0 - BIAS_REFERENCE_SAO2)
    error = _BASE_BIAS + _NOISE_SD * rng.standard_normal(n) + np.where(black, extra, 0.0)
    spo2 = np.clip(np.round(sao2 + error), 70.0, 100.0).astype(np.int64)
    hypoxemia = sao2 < 88.0
    occult = hypoxemia & (spo2 >= 92) & (spo2 <= 96)

    frame = pd.DataFrame(
        {
            # pandas-stubs accepts only an Index of categories; pandas converts a list itself.
            "race": pd.Categorical.from_codes(  # type: ignore[call-overload]
                black.astype(np.int8), categories=list(OXIMETRY_GROUPS)
            ),
            "sao2": sao2,
            "spo2": spo2,
            "hypoxemia": hypoxemia.astype(np.int64),
            "occult_hypoxemia": occult.astype(np.int64),
        }
    )
    mark_synthetic(frame, source=_SOURCE, labels_fr=_LABELS_FR, random_state=random_state)
    frame.attrs["device_bias"] = device_bias
    frame.attrs["device_bias_reference_sao2"] = BIAS_REFERENCE_SAO2
    return build_bunch(
        frame,
        feature_names=["spo2"],
        target_name="hypoxemia",
        card="pulse_oximetry",
        labels_fr=_LABELS_FR,
        as_frame=as_frame,
        return_X_y=return_x_y,
        groups=frame["race"] if as_frame else frame["race"].to_numpy(),
    )


def occult_hypoxemia_rate(
    frame: pd.DataFrame,
    *,
    by: str = "race",
    spo2_range: tuple[float, float] = (92.0, 96.0),
    sao2_threshold: float = 88.0,
) -> pd.Series:
    """Occult hypoxemia rate per group, as defined by Sjoding et al. (2020).

    Among measurement pairs whose SpO2 lies in ``spo2_range`` (inclusive), the
    share with SaO2 below ``sao2_threshold``: a share of pairs, not of patients.

    Parameters
    ----------
    frame : pandas.DataFrame
        Must contain ``sao2``, ``spo2`` and the ``by`` column.
    by : str, default="race"
        Grouping column.
    spo2_range : tuple of float, default=(92, 96)
        Reassuring SpO2 range (inclusive bounds).
    sao2_threshold : float, default=88
        SaO2 below which the patient is hypoxemic.

    Returns
    -------
    pandas.Series
        Share of pairs, in [0, 1], per group (NaN for a group without any pair
        in range).

    Raises
    ------
    TypeError
        If ``frame`` is not a DataFrame, or ``spo2_range`` not a pair of numbers.
    ValueError
        If a column is missing or ``spo2_range`` is not increasing.
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(
            "« frame » doit être un tableau pandas (DataFrame), par exemple "
            f"make_pulse_oximetry().frame ; {received(frame)}."
        )
    if not isinstance(by, str):
        raise TypeError(f"« by » doit être le nom d'une colonne de « frame » ; {received(by)}.")
    missing = [c for c in dict.fromkeys(("sao2", "spo2", by)) if c not in frame.columns]
    if missing:
        raise ValueError(
            f"colonnes absentes du tableau « frame » : {fr_items(missing, len(missing))} ; "
            f"il faut les colonnes 'sao2', 'spo2' et {by!r}."
        )
    pair = "un couple de deux nombres (bas, haut), par exemple (92, 96)"
    if isinstance(spo2_range, str) or not isinstance(spo2_range, Sequence | np.ndarray):
        raise TypeError(f"« spo2_range » doit être {pair} ; {received(spo2_range)}.")
    if len(spo2_range) != 2:
        raise ValueError(
            f"« spo2_range » doit être {pair} ; nombre de valeurs reçues : {len(spo2_range)}."
        )
    low, high = (
        check_finite_scalar(v, f"spo2_range[{i}]", numbers.Real) for i, v in enumerate(spo2_range)
    )
    if low > high:
        raise ValueError(
            f"« spo2_range » doit être {pair}, avec bas ≤ haut ; "
            f"valeurs reçues : bas = {fr_items(spo2_range[:1])} ; "
            f"haut = {fr_items(spo2_range[1:])}."
        )
    sao2_threshold = check_finite_scalar(
        sao2_threshold, "sao2_threshold", numbers.Real, min_val=0.0, max_val=100.0
    )
    in_range = frame["spo2"].between(low, high)
    hidden = (frame["sao2"] < sao2_threshold).astype(float)
    rate = hidden[in_range].groupby(frame.loc[in_range, by], observed=False).mean()
    return rate.rename("occult_hypoxemia_rate")


#: Seeds of :func:`make_pulse_oximetry` (10 789 pairs, device bias 2.9) whose occult
#: hypoxaemia rate among Black patients' pairs, rounded to three decimals, lies outside
#: 0.113–0.127: on module 04's evaluated copies, the published 11.7 % (0.117) and its rounding
#: 0.12 are never within the graded tolerance, nor the « too rounded » half points, of the
#: copy's rate (review 04 d23, lecturer finding 3). The seeds of 0–699 that pass, in order.
OXIMETRY_CASE_SEEDS: tuple[int, ...] = (
    0,
    1,
    2,
    5,
    7,
    8,
    9,
    10,
    11,
    12,
    13,
    14,
    15,
    17,
    20,
    21,
    22,
    25,
    26,
    27,
    28,
    29,
    30,
    31,
    33,
    35,
    36,
    37,
    38,
    39,
    42,
    43,
    45,
    46,
    47,
    49,
    52,
    55,
    56,
    58,
    60,
    62,
    63,
    65,
    66,
    69,
    70,
    72,
    73,
    75,
    76,
    77,
    79,
    80,
    82,
    83,
    84,
    86,
    89,
    90,
    91,
    92,
    95,
    98,
    99,
    106,
    109,
    111,
    112,
    113,
    114,
    116,
    121,
    122,
    123,
    125,
    126,
    127,
    128,
    130,
    133,
    134,
    135,
    137,
    138,
    139,
    140,
    141,
    147,
    149,
    154,
    156,
    159,
    162,
    165,
    166,
    169,
    170,
    172,
    176,
    177,
    178,
    179,
    180,
    182,
    183,
    184,
    187,
    188,
    190,
    192,
    193,
    196,
    201,
    203,
    204,
    207,
    210,
    211,
    215,
    217,
    219,
    221,
    222,
    224,
    225,
    226,
    228,
    230,
    233,
    234,
    237,
    238,
    239,
    240,
    241,
    242,
    243,
    244,
    245,
    248,
    250,
    253,
    254,
    255,
    256,
    257,
    258,
    259,
    260,
    262,
    263,
    264,
    265,
    266,
    267,
    268,
    269,
    270,
    273,
    274,
    279,
    280,
    281,
    288,
    292,
    293,
    294,
    296,
    297,
    298,
    300,
    301,
    303,
    304,
    306,
    307,
    308,
    311,
    312,
    313,
    314,
    315,
    318,
    320,
    321,
    322,
    326,
    328,
    334,
    335,
    336,
    337,
    340,
    342,
    343,
    347,
    348,
    349,
    351,
    354,
    356,
    357,
    360,
    361,
    364,
    365,
    366,
    367,
    368,
    369,
    371,
    372,
    373,
    374,
    380,
    383,
    384,
    387,
    388,
    389,
    393,
    394,
    395,
    397,
    398,
    400,
    401,
    403,
    404,
    405,
    407,
    409,
    411,
    412,
    416,
    417,
    420,
    425,
    426,
    428,
    429,
    431,
    434,
    436,
    437,
    438,
    441,
    443,
    444,
    446,
    447,
    448,
    449,
    453,
    454,
    455,
    456,
    460,
    461,
    463,
    465,
    466,
    468,
    473,
    476,
    479,
    480,
    481,
    482,
    485,
    486,
    489,
    491,
    492,
    493,
    494,
    496,
    497,
    498,
    503,
    504,
    506,
    507,
    510,
    511,
    513,
    515,
    516,
    517,
    518,
    520,
    521,
    523,
    525,
    526,
    527,
    530,
    533,
    534,
    535,
    540,
    541,
    542,
    543,
    546,
    547,
    549,
    550,
    551,
    553,
    554,
    557,
    559,
    560,
    562,
    563,
    564,
    566,
    570,
    571,
    572,
    573,
    577,
    578,
    580,
    582,
    584,
    586,
    587,
    592,
    593,
    594,
    595,
    597,
    598,
    599,
    601,
    603,
    604,
    605,
    607,
    608,
    609,
    610,
    611,
    612,
    613,
    614,
    616,
    620,
    621,
    622,
    623,
    625,
    629,
    631,
    632,
    636,
    637,
    640,
    641,
    645,
    646,
    647,
    650,
    652,
    653,
    655,
    656,
    658,
    659,
    660,
    661,
    663,
    664,
    666,
    667,
    671,
    672,
    673,
    676,
    678,
    679,
    680,
    681,
    682,
    683,
    684,
    685,
    686,
    687,
    688,
    689,
    690,
    692,
    695,
)


def oximetry_case_seed(student_seed: int) -> int:
    """Return one of :data:`OXIMETRY_CASE_SEEDS`, the same for the same student seed.

    Parameters
    ----------
    student_seed : int
        The student's seed (``checks.student_seed``).

    Returns
    -------
    int
        The seed of the copy's generated pairs.
    """
    return pick_case_seed(student_seed, OXIMETRY_CASE_SEEDS)
