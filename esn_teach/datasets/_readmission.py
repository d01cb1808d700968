"""Readmission cohort with unequal base rates, for Chouldechova's impossibility result.

The base rate of a group is its 30-day readmission risk: the share of its patients
readmitted within 30 days of discharge, a cumulative incidence. Chouldechova (2017)
calls it the prevalence, hence the argument's name ``prevalence``; students are
told it is not a prevalence in the epidemiological sense.
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
from scipy.special import expit, logit
from sklearn.utils import Bunch

from esn_teach._validation import check_finite_scalar, received

from ._base import (
    RandomStateLike,
    build_bunch,
    check_as_frame_args,
    check_random_state,
    check_shares,
    mark_synthetic,
    pick_case_seed,
)

#: Default 30-day readmission risk per group (invented, for teaching).
DEFAULT_PREVALENCE: dict[str, float] = {"A": 0.15, "B": 0.30}

_LABELS_FR: dict[str, str] = {
    "group": "groupe",
    "age": "âge (années)",
    "prior_admissions": "hospitalisations dans l'année précédente",
    "length_of_stay": "durée du séjour (jours)",
    "n_medications": "nombre de médicaments à la sortie",
    "score": "score de risque de réhospitalisation (0 à 1)",
    "readmitted": "réhospitalisé dans les 30 jours (1 = oui)",
}

_SOURCE = (
    "Synthetic, invented parameters. Built to illustrate Chouldechova A, Big Data "
    "2017;5(2):153-163: FPR = p/(1-p) * (1-PPV)/PPV * (1-FNR)."
)


def _check_prevalence(prevalence: Any) -> dict[str, float]:
    if not isinstance(prevalence, Mapping):
        raise TypeError(
            "« prevalence » doit être un dictionnaire qui associe à chaque groupe son taux de "
            "réhospitalisation à 30 jours (un nombre entre 0 et 1), comme {'A': 0.15, 'B': 0.30} ; "
            f"{received(prevalence)}."
        )
    if len(prevalence) < 2:
        raise ValueError(
            "« prevalence » doit définir au moins 2 groupes ; "
            f"nombre de groupes reçus : {len(prevalence)}."
        )
    checked: dict[str, float] = {}
    for name, p in prevalence.items():
        if not isinstance(name, str) or not name:
            raise TypeError(
                "les noms des groupes de « prevalence » doivent être des textes non vides, "
                f"comme 'A' ; nom reçu : {received(name).removeprefix('valeur reçue : ')}."
            )
        checked[name] = check_finite_scalar(
            p,
            f"prevalence[{name!r}]",
            numbers.Real,
            min_val=0.0,
            max_val=1.0,
            include_boundaries="neither",
        )
    return checked


def make_readmission_cohort(
    *,
    n_samples: int = 20_000,
    prevalence: Mapping[str, float] | None = None,
    group_shares: Any = None,
    separation: float = 1.5,
    random_state: RandomStateLike = None,
    as_frame: bool = True,
    return_X_y: bool = False,  # noqa: N803
) -> Bunch | tuple[Any, Any]:
    """Generate a 30-day readmission cohort with groups of different readmission risk.

    For each patient, readmission is drawn with the group's 30-day readmission
    risk (its base rate, ``prevalence`` in Chouldechova's words). A latent
    clinical signal ``x`` is normal with mean ``separation`` if readmitted and 0
    otherwise (standard deviation 1, identical in every group), and the observed
    features (age, prior admissions, length of stay, medications) are noisy
    functions of ``x``. ``score`` is the exact probability of readmission given
    ``x`` and the group (so it is calibrated within each group). Because the
    base rates differ, a single threshold cannot give equal PPV, equal FNR and
    equal FPR at once (Chouldechova 2017). Every readmission is observed: the
    label is perfect here, unlike real data where readmissions elsewhere go
    unrecorded and access to care shapes the label (see the data card).

    Parameters
    ----------
    n_samples : int, default=20_000
        Number of hospital stays, drawn independently: one stay per patient (no
        patient has several, correlated stays).
    prevalence : mapping of str to float, default={"A": 0.15, "B": 0.30}
        30-day readmission risk per group (a cumulative incidence, the base rate
        Chouldechova calls prevalence), each in (0, 1); at least two groups.
        The defaults are invented for teaching. Giving every group the same
        rate removes the disparity (all error rates then agree).
    group_shares : sequence of float or mapping, default=None
        Relative size of each group (``None`` = equal sizes).
    separation : float, default=1.5
        Distance between the means of ``x`` in readmitted and other patients
        (d'), in (0, 6]; larger = better score (AUC = Phi(d'/sqrt 2), 0.86 for 1.5).
    random_state : None, int or numpy.random.Generator, default=None
        Seed or generator, for reproducibility: anything
        :func:`numpy.random.default_rng` accepts, except a boolean.
    as_frame : bool, default=True
        Return pandas objects (else numpy arrays).
    return_X_y : bool, default=False
        Return ``(data, target)``: the four clinical features and ``readmitted``.

    Returns
    -------
    sklearn.utils.Bunch or tuple
        ``frame`` has ``group``, ``age``, ``prior_admissions``,
        ``length_of_stay``, ``n_medications``, ``score`` and ``readmitted``.

    Raises
    ------
    ValueError
        If a size, a prevalence, a share or ``separation`` is out of range.
    TypeError
        If an argument has the wrong type.
    """
    as_frame, return_x_y = check_as_frame_args(as_frame, return_X_y)
    n = check_finite_scalar(n_samples, "n_samples", numbers.Integral, min_val=1)
    prev = _check_prevalence(DEFAULT_PREVALENCE if prevalence is None else prevalence)
    names = list(prev)
    shares = (
        np.full(len(names), 1.0 / len(names))
        if group_shares is None
        else check_shares(group_shares, "group_shares", names)
    )
    separation = check_finite_scalar(
        separation, "separation", numbers.Real, min_val=0.0, max_val=6.0, include_boundaries="right"
    )
    rng = check_random_state(random_state)

    codes = rng.choice(len(names), size=n, p=shares)
    p = np.array([prev[g] for g in names])[codes]
    readmitted = rng.random(n) < p
    x = rng.standard_normal(n) + separation * readmitted
    # P(Y=1 | x, group) for two unit-variance normals (means 0 and d): a logistic in x.
    score = expit(logit(p) + separation * x - separation**2 / 2)

    noise = rng.standard_normal((n, 4))
    age = np.clip(62 + 6 * x + 14 * noise[:, 0], 18, 100).round(0)
    prior = rng.poisson(np.exp(-0.6 + 0.45 * x + 0.3 * noise[:, 1]))
    los = np.clip(np.exp(1.3 + 0.25 * x + 0.45 * noise[:, 2]), 1, 90).round(0)
    meds = rng.poisson(np.exp(1.7 + 0.15 * x + 0.2 * noise[:, 3]))

    frame = pd.DataFrame(
        {
            # pandas-stubs accepts only an Index of categories; pandas converts a list itself.
            "group": pd.Categorical.from_codes(codes, categories=names),  # type: ignore[call-overload]
            "age": age,
            "prior_admissions": prior.astype(np.int64),
            "length_of_stay": los,
            "n_medications": meds.astype(np.int64),
            "score": score,
            "readmitted": readmitted.astype(np.int64),
        }
    )
    mark_synthetic(frame, source=_SOURCE, labels_fr=_LABELS_FR, random_state=random_state)
    frame.attrs["prevalence"] = dict(prev)
    return build_bunch(
        frame,
        feature_names=["age", "prior_admissions", "length_of_stay", "n_medications"],
        target_name="readmitted",
        card="readmission_cohort",
        labels_fr=_LABELS_FR,
        as_frame=as_frame,
        return_X_y=return_x_y,
        groups=frame["group"] if as_frame else frame["group"].to_numpy(),
    )


#: Cohort seeds of module 06's evaluated session (``n_samples=6000``, target
#: rates 15 % and 30 %, and the same seed for its splits). On each, the module's
#: threshold correction shows what its text says (a lottery, a lower balanced
#: accuracy, fewer readmitted patients reached at equal calls, group B levelled
#: down), and question 1's ratio mistake stays apart from its answer. The seeds
#: were searched by running the module's code (notebooks/notes/06_*.md): seeds 4 to
#: about 230 and 1000 to about 1130, then 2000 to 2455 and 3000 to 3460 (82 seeds).
#: Of those, only the 54 whose bootstrap interval of the readmitted patients lost at
#: equal calls (question 6) starts at 5 or more were kept: on every copy that interval
#: excludes 0 with a margin, as the module's text and feedback say. Then 8 more were
#: dropped where a named mistake of question 1 or 3 lies within two units of the last
#: asked decimal of the key, or one of question 4 equals it (46 seeds). Review d18
#: (lecturer 5) named the TFN, TFP and VPP gaps in question 1's evaluated test: on
#: seed 5 the TFN gap (A minus B) lies one unit from the key, so that wrong reasoning
#: scored full marks; seed 5 was dropped (45 seeds).
#: ``tests/modules/test_module_06.py`` checks the cases of a few identifiers, and the
#: facts question 2's complaints state on every seed.
READMISSION_CASE_SEEDS: tuple[int, ...] = (
    52,
    113,
    127,
    130,
    131,
    188,
    1009,
    1018,
    1030,
    1039,
    1072,
    1073,
    1082,
    1116,
    2001,
    2007,
    2015,
    2019,
    2052,
    2071,
    2073,
    2188,
    2193,
    2280,
    2307,
    2313,
    2314,
    2380,
    2392,
    2433,
    3036,
    3043,
    3055,
    3073,
    3093,
    3094,
    3178,
    3203,
    3232,
    3237,
    3272,
    3279,
    3300,
    3303,
    3383,
)


def readmission_case_seed(student_seed: int) -> int:
    """Return the cohort seed of a student's own case in module 06's evaluated session.

    Parameters
    ----------
    student_seed : int
        The student's seed (:func:`esn_teach.checks.student_seed`).

    Returns
    -------
    int
        One of :data:`READMISSION_CASE_SEEDS`, the same for the same student.
    """
    return pick_case_seed(student_seed, READMISSION_CASE_SEEDS)


def _audit_mistakes(patients: int, readmitted: int, called: int, missed: int) -> tuple:
    """Return question 5's keys and the values of its named mistakes (5 a, then 5 b)."""
    n, r, c, m = patients, readmitted, called, missed
    f = m / r
    margin = 1.96 * np.sqrt(f * (1 - f) / r)
    rates = (
        *(m / n, m / c, m / (n - r), (r - m) / r, m / (r - m), r / n, c / n, (r - m) / c),
        (c - r + m) / (n - r),
    )
    margins = tuple(1.96 * np.sqrt(f * (1 - f) / d) for d in (n, c, n - r, r - m))
    margins += (np.sqrt(f * (1 - f) / r), 1.96 * (f * (1 - f) / r))
    margins += (1.96 * np.sqrt(f * (1 - f)) / r, f, f - margin, f + margin)
    return f, margin, rates, margins


def other_hospital_audit(rng: np.random.Generator) -> tuple[int, int, int, int]:
    """Draw the other hospital's audit of module 06's question 5 (evaluated session).

    Parameters
    ----------
    rng : numpy.random.Generator
        The student's generator (:func:`esn_teach.checks.variant_rng`).

    Returns
    -------
    tuple of int
        Group A's patients, its readmitted patients, the patients called, and the
        readmitted patients not called. Draws are repeated while a named mistake of
        5 a (the TFN) or 5 b (its margin) lies within 0,002 (two units of the third,
        last asked decimal) of its key, so that no mistake ever scores as the key.
    """
    for _ in range(1_000):  # about 1 draw in 130 is redrawn: 1 000 tries never all fail
        patients = int(rng.integers(40, 81)) * 10
        readmitted = int(rng.integers(45, 91))
        called = 2 * readmitted + int(rng.integers(-10, 11))
        missed = int(rng.integers(readmitted // 4 + 1, readmitted * 45 // 100 + 1))
        tfn, margin, rates, margins = _audit_mistakes(patients, readmitted, called, missed)
        if all(abs(x - tfn) > 0.002 for x in rates) and all(
            abs(x - margin) > 0.002 for x in margins
        ):
            return patients, readmitted, called, missed
    raise RuntimeError("other_hospital_audit : aucun tirage ne convient (signalez-le).")
