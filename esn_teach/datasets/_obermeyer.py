"""Cost is not need: a synthetic cohort calibrated on Obermeyer et al. (Science, 2019)."""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from sklearn.linear_model import PoissonRegressor
from sklearn.utils import Bunch

from esn_teach._validation import (
    as_float_array,
    check_finite_scalar,
    column_list,
    fr_items,
    received,
)

from ._base import (
    RandomStateLike,
    build_bunch,
    check_as_frame_args,
    check_random_state,
    mark_synthetic,
)

#: Table 1 of Obermeyer et al. (2019): number of patients by race.
OBERMEYER_N_WHITE = 43_539
OBERMEYER_N_BLACK = 6_079

#: Group labels used in the ``race`` column (as in the paper).
OBERMEYER_GROUPS: tuple[str, str] = ("White", "Black")

#: Default access gap: at equal latent illness, the Black group generates
#: ``1 - DEFAULT_ACCESS_GAP`` times the cost of the White group (0.26 times, i.e.
#: 74 % less). With :func:`fit_risk_score`'s model, the share of Black patients in the
#: top 3 % of the cost-trained score is then close to the 14.1 % of the paper's
#: retrained total-cost model (Obermeyer et al. 2019, Table 2); the commercial score
#: gave 17.7 % (abstract). The paper's 46.5 % (a swapping simulation, Fig. 1B) was
#: corrected by its authors to about 59 % (README of their dissecting-bias repository,
#: note of 1 September 2022: a coding error; the one-way swap itself is disputed); the
#: cohort is not calibrated on it, so the correction changes nothing here. Invented, and
#: much larger than the paper's gap: $1,801 less a year at an equal number of chronic
#: illnesses (Obermeyer et al. 2019, Fig. 3B).
DEFAULT_ACCESS_GAP = 0.74

# Illness model (gamma frailty). Means of the latent illness are Table 1's
# mean number of active chronic illnesses: 1.20 (White) and 1.90 (Black).
_ILLNESS_MEAN = {"White": 1.20, "Black": 1.90}
_ILLNESS_SHAPE = 3.0
# Biomarkers: linear in the latent illness so that group means match Table 1
# (HbA1c 5.9 / 6.4 %, systolic BP 126.6 / 130.3 mmHg, creatinine 0.89 / 0.98 mg/dL).
_HBA1C = (5.9 - 1.20 * 0.5 / 0.7, 0.5 / 0.7, 0.25)  # intercept, slope, noise sd
_SBP = (126.6 - 1.20 * 3.7 / 0.7, 3.7 / 0.7, 6.0)
_CREAT = (0.89 - 1.20 * 0.09 / 0.7, 0.09 / 0.7, 0.08)
# Cost model: cost = C * (0.1 + illness ** 3) * (1 - gap if Black) * lognormal noise,
# with C chosen so that the White mean cost is close to Table 1's $7,540. The noise has
# a persistent part (the patient's own propensity to use care, the same both years) and
# a yearly part: costs persist from one year to the next, as in claims data, so a score
# fed with this year's cost can predict next year's cost equally well in both groups
# (calibrated by group, as the commercial score was: Obermeyer et al. 2019, Fig. 3A).
# Total log-scale sd sqrt(0.45^2 + 0.2^2) = 0.49, as the former single noise (0.5).
_COST_POWER = 3.0
_COST_FLOOR = 0.1
_COST_PERSISTENT_SD = 0.45
_COST_YEARLY_SD = 0.2
# E[z^3] of a gamma(shape k, scale m/k) is (m/k)^3 k (k+1) (k+2); for k = 3, m = 1.2: 3.84.
_COST_SCALE = 7540.0 / (
    _COST_FLOOR
    + (1.20 / _ILLNESS_SHAPE) ** 3 * _ILLNESS_SHAPE * (_ILLNESS_SHAPE + 1) * (_ILLNESS_SHAPE + 2)
)

FEATURES: tuple[str, ...] = (
    "age",
    "female",
    "n_chronic",
    "hba1c",
    "systolic_bp",
    "creatinine",
    "prior_cost",
)
"""Columns a care-management algorithm may use (race is deliberately excluded)."""

LABELS: dict[str, str] = {"cost": "cost", "health": "n_chronic_next"}
"""Candidate training labels: total cost next year vs active chronic conditions next year."""

LOG_FEATURES: tuple[str, ...] = ("prior_cost",)
"""Features :func:`fit_risk_score` takes on a log scale (``log(1 + x)``): costs, whose
effect on next year's cost is multiplicative."""

_LABELS_FR: dict[str, str] = {
    "race": "groupe (catégories de l'étude, déclarées par les patients)",
    "age": "âge (années)",
    "female": "femme (1 = oui)",
    "n_chronic": "nombre de maladies chroniques actives (année t)",
    "hba1c": "HbA1c (%)",
    "systolic_bp": "pression artérielle systolique (mmHg)",
    "creatinine": "créatinine (mg/dL)",
    "prior_cost": "coût des soins année t (USD)",
    "cost": "coût des soins année t+1 (USD)",
    "n_chronic_next": "nombre de maladies chroniques actives (année t+1)",
    "latent_illness": (
        "charge de maladie latente z (inventée par le générateur ; inconnue dans des données "
        "réelles)"
    ),
}

_SOURCE = (
    "Synthetic. Group sizes, age, sex, chronic-illness and biomarker means from Table 1 of "
    "Obermeyer Z et al., Science 2019;366:447-453; access gap invented, calibrated on the "
    "14.1 % share of Black patients in the top 3 % of the paper's retrained total-cost "
    "model (Table 2; 17.7 % with the commercial score, abstract)."
)


def make_cost_vs_need_cohort(
    *,
    n_samples: int | None = None,
    access_gap: float = DEFAULT_ACCESS_GAP,
    diagnosis_gap: float = 0.0,
    random_state: RandomStateLike = None,
    as_frame: bool = True,
    return_X_y: bool = False,  # noqa: N803
) -> Bunch | tuple[Any, Any]:
    """Generate a cohort where cost is a biased proxy for health need.

    Each patient has a latent illness burden (gamma distributed, group means
    1.20 and 1.90 as Table 1's mean number of active chronic illnesses). From it
    come the observed chronic conditions (Poisson, in years t and t+1), HbA1c,
    systolic blood pressure and creatinine, and the annual cost of care in years
    t and t+1 (a persistent and a yearly log-normal noise: costs persist). At
    equal illness the Black group generates less cost, by the factor
    ``1 - access_gap`` (unequal access to care; invented and exaggerated, see the
    data card), and, with ``diagnosis_gap``, has fewer of its chronic conditions
    recorded (under-diagnosis).

    Parameters
    ----------
    n_samples : int or None, default=None
        Number of patients. ``None`` gives Table 1's cohort exactly: 43,539 White
        and 6,079 Black patients (49,618). Otherwise the same proportions
        (12.25 % Black) are kept, rounded.
    access_gap : float, default=0.74
        Relative cost reduction of Black patients at equal latent illness, in
        [0, 1): the default 0.74 makes their cost 0.26 times that of a White
        patient, far more than in the paper ($1,801 less a year at an equal
        number of chronic illnesses). The default is calibrated so that the
        share of Black patients at or above the 97th percentile of the
        cost-trained score of :func:`fit_risk_score` is close to the 14.1 % of
        the paper's retrained total-cost model (Obermeyer et al. 2019, Table 2),
        and a score trained on the health label selects markedly more Black
        patients (about 32 % at the default size; 26.7 % with the paper's
        chronic-conditions label). ``0`` means equal cost at equal illness: the
        two labels then select about the same share of Black patients.
    diagnosis_gap : float, default=0.0
        Share of the Black group's active chronic conditions that go unrecorded,
        at equal latent illness, in [0, 1) (under-diagnosis, e.g. from fewer
        visits). ``0`` records them as often as the White group's. Invented: a
        way to show that the chronic-conditions label, too, depends on access.
    random_state : None, int or numpy.random.Generator, default=None
        Seed or generator, for reproducibility: anything
        :func:`numpy.random.default_rng` accepts, except a boolean.
    as_frame : bool, default=True
        Return pandas objects (else numpy arrays).
    return_X_y : bool, default=False
        Return ``(data, target)`` with ``data`` = :data:`FEATURES` and
        ``target`` = next-year ``cost``.

    Returns
    -------
    sklearn.utils.Bunch or tuple
        ``frame`` has ``race`` ("White"/"Black"), the features, the two
        candidate labels ``cost`` and ``n_chronic_next``, and ``latent_illness``,
        the latent illness burden the other columns are drawn from (synthetic
        truth that real data never hold: use it only to show what a measure
        misses, never as a feature). ``data`` is the
        feature table, ``target`` the cost label; also ``feature_names``,
        ``DESCR``, ``labels_fr`` and ``groups`` (the ``race`` column).

    Raises
    ------
    ValueError
        If ``n_samples`` < 2, or ``access_gap`` or ``diagnosis_gap`` is not in
        [0, 1).
    TypeError
        If an argument has the wrong type.

    See Also
    --------
    programme_shares : share of each group selected under each label.
    """
    as_frame, return_x_y = check_as_frame_args(as_frame, return_X_y)
    access_gap = check_finite_scalar(
        access_gap, "access_gap", numbers.Real, min_val=0.0, max_val=1.0, include_boundaries="left"
    )
    diagnosis_gap = check_finite_scalar(
        diagnosis_gap,
        "diagnosis_gap",
        numbers.Real,
        min_val=0.0,
        max_val=1.0,
        include_boundaries="left",
    )
    if n_samples is None:
        n_black, n_total = OBERMEYER_N_BLACK, OBERMEYER_N_WHITE + OBERMEYER_N_BLACK
    else:
        n_total = check_finite_scalar(n_samples, "n_samples", numbers.Integral, min_val=2)
        share = OBERMEYER_N_BLACK / (OBERMEYER_N_WHITE + OBERMEYER_N_BLACK)
        n_black = min(max(round(n_total * share), 1), n_total - 1)
    rng = check_random_state(random_state)

    black = np.zeros(n_total, dtype=bool)
    black[:n_black] = True
    black = black[rng.permutation(n_total)]

    mean_illness = np.where(black, _ILLNESS_MEAN["Black"], _ILLNESS_MEAN["White"])
    illness = rng.gamma(_ILLNESS_SHAPE, mean_illness / _ILLNESS_SHAPE)
    # Recorded conditions: Poisson of the illness, thinned by under-diagnosis.
    recorded = illness * np.where(black, 1.0 - diagnosis_gap, 1.0)
    n_chronic = rng.poisson(recorded)
    n_chronic_next = rng.poisson(recorded)
    noise = rng.standard_normal((n_total, 7))
    hba1c = np.clip(_HBA1C[0] + _HBA1C[1] * illness + _HBA1C[2] * noise[:, 0], 4.0, 15.0)
    sbp = np.clip(_SBP[0] + _SBP[1] * illness + _SBP[2] * noise[:, 1], 85.0, 220.0)
    creat = np.clip(_CREAT[0] + _CREAT[1] * illness + _CREAT[2] * noise[:, 2], 0.3, 10.0)
    age = np.clip(np.where(black, 48.6, 51.3) + 14.0 * noise[:, 3], 18.0, 90.0).round(0)
    female = (rng.random(n_total) < np.where(black, 0.69, 0.62)).astype(np.int64)

    access = np.where(black, 1.0 - access_gap, 1.0)
    base_cost = _COST_SCALE * (_COST_FLOOR + illness**_COST_POWER) * access
    # Mean-one log-normal factors: the patient's own (both years), then each year's.
    persistent = np.exp(_COST_PERSISTENT_SD * noise[:, 6] - _COST_PERSISTENT_SD**2 / 2)
    yearly = np.exp(_COST_YEARLY_SD * noise[:, 4:6] - _COST_YEARLY_SD**2 / 2)
    prior_cost = (base_cost * persistent * yearly[:, 0]).round(0)
    cost = (base_cost * persistent * yearly[:, 1]).round(0)

    # pandas-stubs accepts only an Index of categories; pandas converts a list itself.
    race = pd.Categorical.from_codes(black.astype(np.int8), categories=list(OBERMEYER_GROUPS))  # type: ignore[call-overload]
    frame = pd.DataFrame(
        {
            "race": race,
            "age": age,
            "female": female,
            "n_chronic": n_chronic.astype(np.int64),
            "hba1c": hba1c.round(1),
            "systolic_bp": sbp.round(1),
            "creatinine": creat.round(2),
            "prior_cost": prior_cost,
            "cost": cost,
            "n_chronic_next": n_chronic_next.astype(np.int64),
            # The generator's own illness level: what an audit would need and never has.
            "latent_illness": illness.round(3),
        }
    )
    mark_synthetic(frame, source=_SOURCE, labels_fr=_LABELS_FR, random_state=random_state)
    frame.attrs["access_gap"] = access_gap
    frame.attrs["diagnosis_gap"] = diagnosis_gap
    return build_bunch(
        frame,
        feature_names=FEATURES,
        target_name="cost",
        card="cost_vs_need_cohort",
        labels_fr=_LABELS_FR,
        as_frame=as_frame,
        return_X_y=return_x_y,
        groups=frame["race"] if as_frame else frame["race"].to_numpy(),
    )


def fit_risk_score(
    frame: pd.DataFrame, label: str, *, features: Sequence[str] = FEATURES
) -> np.ndarray:
    """Fit a risk score on ``label`` and return its in-sample predictions.

    A teaching reproduction of a care-management algorithm: the same features
    (without race) and a chosen training label. The model is a Poisson
    regression (scikit-learn's :class:`~sklearn.linear_model.PoissonRegressor`,
    unpenalised): the prediction is ``exp`` of a weighted sum of the features,
    so it is never negative, and the costs in :data:`LOG_FEATURES` enter on a
    log scale, ``log(1 + x)``. For the cohort of :func:`make_cost_vs_need_cohort`
    this model is close to well specified for the cost label: its predictions
    match the observed cost about as well in both groups (calibrated by group,
    as the commercial score was; Obermeyer et al. 2019, Fig. 3A), where a
    linear regression predicts negative costs for some patients and, at low
    scores, errs differently in the two groups. It is not the commercial
    algorithm Obermeyer et al. studied, which was trained on insurance claims;
    and it is fitted and applied on the same rows (no held-out set; module 03
    fits the same model on two thirds of the patients and scores the last
    third).

    Parameters
    ----------
    frame : pandas.DataFrame
        A frame from :func:`make_cost_vs_need_cohort`.
    label : str
        ``"cost"`` or ``"health"`` (aliases for the columns in :data:`LABELS`), or
        any numeric column name of ``frame`` with no negative value.
    features : sequence of str, default=FEATURES
        Predictor columns.

    Returns
    -------
    numpy.ndarray
        The predicted label for every row (higher = higher priority).

    Raises
    ------
    TypeError
        If ``frame`` is not a DataFrame, ``label`` not a text or ``features`` not a
        list of column names.
    ValueError
        If ``label`` or a feature is not a column of ``frame``, a column is not
        numeric or has missing values, the label has a negative value or is
        zero everywhere, a column of :data:`LOG_FEATURES` has a negative value,
        or there is no row or no feature.
    """
    _check_cohort(frame)
    if not isinstance(label, str):
        raise TypeError(
            f"« label » doit être 'cost', 'health' ou le nom d'une colonne de « frame » ; "
            f"{received(label)}."
        )
    features = column_list(features, "features")
    if not features:
        raise ValueError("« features » doit contenir au moins une colonne.")
    column = LABELS.get(label, label)
    missing = [c for c in dict.fromkeys((column, *features)) if c not in frame.columns]
    if missing:
        raise ValueError(
            f"colonnes absentes du tableau « frame » : {fr_items(missing, len(missing))}. "
            "« label » doit être 'cost', 'health' ou le nom d'une colonne du tableau, "
            "et « features » une liste de colonnes du tableau."
        )
    if len(frame) == 0:
        raise ValueError(
            "le tableau « frame » est vide : il faut des patients pour ajuster un score."
        )
    used = list(dict.fromkeys((*features, column)))
    text = [c for c in used if not pd.api.types.is_numeric_dtype(frame[c])]
    if text:
        raise ValueError(
            f"colonnes non numériques : {fr_items(text, len(text))} ; le score ne prend "
            "que des nombres (dans « label » comme dans « features »)."
        )
    values = {c: frame[c].to_numpy(dtype=float, na_value=np.nan) for c in used}
    holes = [c for c, v in values.items() if not np.isfinite(v).all()]
    if holes:
        raise ValueError(
            f"colonnes avec des valeurs manquantes (NaN) ou infinies : "
            f"{fr_items(holes, len(holes))} ; le score demande une valeur par patient."
        )
    negative = [
        c
        for c in dict.fromkeys((column, *(f for f in features if f in LOG_FEATURES)))
        if (values[c] < 0).any()
    ]
    if negative:
        raise ValueError(
            f"valeurs négatives dans {fr_items(negative, len(negative))} : le score (une "
            "régression de Poisson) prédit une grandeur positive ou nulle, comme un coût ou "
            "un nombre de maladies, et prend les coûts en logarithme."
        )
    y = values[column]
    if not y.any():
        raise ValueError(
            f"la colonne {fr_items([column])} vaut 0 pour tous les patients : il n'y a rien "
            "à prédire."
        )
    x = _risk_features(frame, features)
    model = PoissonRegressor(alpha=0.0, solver="newton-cholesky")
    return np.asarray(model.fit(x, y).predict(x))


def _risk_features(frame: pd.DataFrame, features: Sequence[str] = FEATURES) -> np.ndarray:
    """Return the feature matrix of :func:`fit_risk_score`, costs on a log scale.

    Parameters
    ----------
    frame : pandas.DataFrame
        A frame from :func:`make_cost_vs_need_cohort`.
    features : sequence of str, default=FEATURES
        Predictor columns; those in :data:`LOG_FEATURES` become ``log(1 + x)``.

    Returns
    -------
    numpy.ndarray
        One row per patient, one column per feature, as floats.
    """
    return np.column_stack(
        [
            np.log1p(frame[c].to_numpy(dtype=float))
            if c in LOG_FEATURES
            else frame[c].to_numpy(dtype=float)
            for c in features
        ]
    )


def _check_cohort(frame: Any) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(
            "« frame » doit être un tableau pandas (DataFrame), par exemple "
            f"make_cost_vs_need_cohort().frame ; {received(frame)}."
        )


def _check_scores(scores: Any) -> np.ndarray:
    s = as_float_array(scores, "scores")
    if s.size == 0:
        raise ValueError("« scores » est vide : il faut au moins un score.")
    if np.isnan(s).any():
        raise ValueError(
            "« scores » contient des valeurs manquantes (NaN) : chaque patient doit avoir un score."
        )
    return s


def enrolled(scores: Any, *, percentile: float = 97.0) -> np.ndarray:
    """Who the programme enrols: the rows whose score is at or above ``percentile``.

    Parameters
    ----------
    scores : array-like of float
        Priority score per row.
    percentile : float, default=97.0
        Enrolment threshold, in [0, 100); ``0`` enrols everyone. In Obermeyer's
        hospital, patients at or above the 97th percentile (top 3 %) were
        automatically identified for enrolment, and from the 55th percentile the
        primary care physician was asked to consider enrolment; here everyone
        at or above the threshold counts as enrolled.

    Returns
    -------
    numpy.ndarray of bool
        True for an enrolled row.

    Raises
    ------
    TypeError
        If ``percentile`` is not a number.
    ValueError
        If ``percentile`` is out of range, or ``scores`` is empty, holds a text or a
        missing value.
    """
    percentile = check_finite_scalar(
        percentile,
        "percentile",
        numbers.Real,
        min_val=0.0,
        max_val=100.0,
        include_boundaries="left",
    )
    s = _check_scores(scores)
    return np.asarray(s >= np.percentile(s, percentile))


def top_share(scores: Any, groups: Any, *, group: str = "Black", percentile: float = 97.0) -> float:
    """Share of ``group`` among rows whose score is at or above ``percentile``.

    Parameters
    ----------
    scores : array-like of float
        Priority score per row.
    groups : array-like of str
        Group label per row.
    group : str, default="Black"
        Group whose share is returned.
    percentile : float, default=97.0
        Enrolment threshold, in [0, 100); in Obermeyer's hospital, patients at or
        above the 97th percentile (top 3 %) were automatically identified for
        enrolment.

    Returns
    -------
    float
        Share in [0, 1].

    Raises
    ------
    ValueError
        If lengths differ, ``percentile`` is out of range or ``group`` is absent.
    """
    s = _check_scores(scores)
    g = np.asarray(groups).astype(str)
    if s.shape != g.shape or s.ndim != 1:
        sizes = (
            f"longueurs reçues : {s.size} et {g.size}"
            if s.ndim == g.ndim == 1
            else f"formes reçues : {s.shape} et {g.shape}"
        )
        raise ValueError(
            "« scores » et « groups » doivent être deux listes de même longueur "
            f"(une valeur par patient) ; {sizes}."
        )
    present = np.unique(g)
    if group not in present:
        raise ValueError(
            f"groupe inconnu : {fr_items([group])} ; "
            f"groupes présents : {fr_items(present, len(present))}."
        )
    return float(np.mean(g[enrolled(s, percentile=percentile)] == group))


def programme_shares(
    frame: pd.DataFrame,
    *,
    labels: Sequence[str] = ("cost", "health"),
    group: str = "Black",
    percentile: float = 97.0,
) -> pd.Series:
    """Share of ``group`` in the programme when the algorithm is trained on each label.

    Parameters
    ----------
    frame : pandas.DataFrame
        A frame from :func:`make_cost_vs_need_cohort`.
    labels : sequence of str, default=("cost", "health")
        Training labels to compare (see :func:`fit_risk_score`).
    group : str, default="Black"
        Group whose share is reported.
    percentile : float, default=97.0
        Enrolment threshold (top 3 % by default).

    Returns
    -------
    pandas.Series
        Share of ``group`` among enrolled patients, indexed by label.

    Raises
    ------
    TypeError
        If ``frame`` is not a DataFrame.
    KeyError
        If ``frame`` has no ``race`` column.
    ValueError
        See :func:`fit_risk_score` and :func:`top_share`.
    """
    _check_cohort(frame)
    if "race" not in frame.columns:
        raise KeyError(
            "il manque au tableau « frame » la colonne 'race' (le groupe de chaque patient) ; "
            "utilisez make_cost_vs_need_cohort().frame."
        )
    labels = column_list(labels, "labels")
    return pd.Series(
        {
            label: top_share(
                fit_risk_score(frame, label), frame["race"], group=group, percentile=percentile
            )
            for label in labels
        },
        name=f"share_{group}",
    )
