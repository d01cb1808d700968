"""Estimated GFR with CKD-EPI 2009 (race coefficient) and 2021 (race-free)."""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np
import pandas as pd
from sklearn.utils import Bunch

from esn_teach._validation import as_float_array, check_finite_scalar, fr_items, received

from ._base import (
    RandomStateLike,
    build_bunch,
    check_as_frame_args,
    check_random_state,
    mark_synthetic,
)

#: KDIGO GFR categories (mL/min/1.73 m²): lower bound of each category.
GFR_CATEGORIES: tuple[tuple[str, float], ...] = (
    ("G1", 90.0),
    ("G2", 60.0),
    ("G3a", 45.0),
    ("G3b", 30.0),
    ("G4", 15.0),
    ("G5", 0.0),
)

_LABELS_FR: dict[str, str] = {
    "age": "âge (années)",
    "female": "femme (1 = oui)",
    "black": "noir·e déclaré·e (1 = oui)",
    "scr": "créatinine sérique (mg/dL)",
    "egfr_2009": "DFGe CKD-EPI 2009 (mL/min/1,73 m²)",
    "egfr_2021": "DFGe CKD-EPI 2021 (mL/min/1,73 m²)",
    "category_2009": "stade KDIGO selon CKD-EPI 2009",
    "category_2021": "stade KDIGO selon CKD-EPI 2021",
}

_SOURCE = (
    "Synthetic creatinine values (invented distribution). Equations: Levey AS et al., "
    "Ann Intern Med 2009;150:604-612 (CKD-EPI 2009) and Inker LA et al., NEJM "
    "2021;385:1737-1749 (CKD-EPI 2021, race-free)."
)


def _refused(values: Any, arrays: np.ndarray, ok: np.ndarray) -> str:
    """Write the first refused values as the student typed them (``ok`` is False there)."""
    raw = np.asarray(values, dtype=object).ravel()
    if raw.size != arrays.size:  # pragma: no cover - values that numpy reshaped
        raw = arrays.ravel()
    if raw.size == 1:
        return received(raw[0])
    return f"valeurs refusées : {fr_items(raw[np.flatnonzero(~ok.ravel())])}"


def _check_flag(values: Any, name: str) -> np.ndarray:
    """Check a sex or race flag: booleans, or the integers 1 and 0."""
    flag = np.asarray(values)
    if flag.dtype.kind == "b":
        return flag
    ok = np.isin(flag, (0, 1)) if flag.dtype.kind in "ui" else np.zeros(flag.shape, dtype=bool)
    if not ok.all():
        raise ValueError(
            f"« {name} » doit valoir True ou False (ou 1 ou 0) pour chaque patient ; "
            f"{_refused(values, flag, ok)}."
        )
    return flag.astype(bool)


def _check_shapes(**arrays: np.ndarray) -> None:
    """Refuse inputs of different lengths (a single value goes with any length)."""
    try:
        np.broadcast_shapes(*(array.shape for array in arrays.values()))
    except ValueError:
        names = [f"« {name} »" for name in arrays]
        sizes = [str(array.size) for array in arrays.values()]
        raise ValueError(
            f"{', '.join(names[:-1])} et {names[-1]} doivent avoir le même nombre de valeurs "
            "(une par patient), ou une seule valeur commune à tous ; "
            f"nombres de valeurs reçus : {', '.join(sizes[:-1])} et {sizes[-1]}."
        ) from None


def _prepare(scr: Any, age: Any, female: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    scr_a = as_float_array(scr, "scr")
    age_a = as_float_array(age, "age")
    female_a = _check_flag(female, "female")
    with np.errstate(invalid="ignore"):
        scr_ok = np.isfinite(scr_a) & (scr_a > 0)
        age_ok = np.isfinite(age_a) & (age_a >= 18) & (age_a <= 120)
    if not scr_ok.all():
        raise ValueError(
            "« scr » (créatinine sérique, en mg/dL) doit être un nombre fini et strictement "
            f"positif pour chaque patient ; {_refused(scr, scr_a, scr_ok)}."
        )
    if not age_ok.all():
        raise ValueError(
            "« age » doit être compris entre 18 et 120 ans pour chaque patient : les équations "
            f"CKD-EPI sont faites pour les adultes ; {_refused(age, age_a, age_ok)}."
        )
    return scr_a, age_a, female_a


def _ckd_epi(
    scr: np.ndarray,
    age: np.ndarray,
    female: np.ndarray,
    *,
    intercept: float,
    alpha_f: float,
    alpha_m: float,
    high_exp: float,
    age_base: float,
    female_coef: float,
) -> np.ndarray:
    kappa = np.where(female, 0.7, 0.9)
    alpha = np.where(female, alpha_f, alpha_m)
    ratio = scr / kappa
    return (
        intercept
        * np.minimum(ratio, 1.0) ** alpha
        * np.maximum(ratio, 1.0) ** high_exp
        * age_base**age
        * np.where(female, female_coef, 1.0)
    )


def egfr_ckd_epi_2009(scr: Any, age: Any, female: Any, black: Any) -> np.ndarray:
    """Estimate GFR with the CKD-EPI 2009 creatinine equation (with race coefficient).

    ``141 × min(Scr/κ, 1)^α × max(Scr/κ, 1)^-1.209 × 0.993^age × 1.018 [female]
    × 1.159 [Black]``, with κ = 0.7 (female) / 0.9 (male) and α = -0.329
    (female) / -0.411 (male) (Levey et al., Ann Intern Med 2009).

    Parameters
    ----------
    scr : float or array-like
        Serum creatinine in mg/dL (> 0). Divide µmol/L by 88.4.
    age : float or array-like
        Age in years, in [18, 120].
    female : bool or array-like of bool
        True for women.
    black : bool or array-like of bool
        True for patients recorded as Black: multiplies the estimate by 1.159.

    Returns
    -------
    numpy.ndarray
        eGFR in mL/min/1.73 m² (broadcast shape of the inputs).

    Raises
    ------
    ValueError
        If creatinine is not a positive number, age is out of range, a flag is not
        boolean, or the inputs differ in length.
    """
    scr_a, age_a, female_a = _prepare(scr, age, female)
    black_a = _check_flag(black, "black")
    _check_shapes(scr=scr_a, age=age_a, female=female_a, black=black_a)
    egfr = _ckd_epi(
        scr_a,
        age_a,
        female_a,
        intercept=141.0,
        alpha_f=-0.329,
        alpha_m=-0.411,
        high_exp=-1.209,
        age_base=0.993,
        female_coef=1.018,
    )
    return egfr * np.where(black_a, 1.159, 1.0)


def egfr_ckd_epi_2021(scr: Any, age: Any, female: Any) -> np.ndarray:
    """Estimate GFR with the race-free CKD-EPI 2021 creatinine equation.

    ``142 × min(Scr/κ, 1)^α × max(Scr/κ, 1)^-1.200 × 0.9938^age × 1.012 [female]``,
    with κ = 0.7 (female) / 0.9 (male) and α = -0.241 (female) / -0.302 (male)
    (Inker et al., NEJM 2021).

    Parameters
    ----------
    scr : float or array-like
        Serum creatinine in mg/dL (> 0). Divide µmol/L by 88.4.
    age : float or array-like
        Age in years, in [18, 120].
    female : bool or array-like of bool
        True for women.

    Returns
    -------
    numpy.ndarray
        eGFR in mL/min/1.73 m² (broadcast shape of the inputs).

    Raises
    ------
    ValueError
        If creatinine is not a positive number, age is out of range, ``female`` is not
        boolean, or the inputs differ in length.
    """
    scr_a, age_a, female_a = _prepare(scr, age, female)
    _check_shapes(scr=scr_a, age=age_a, female=female_a)
    return _ckd_epi(
        scr_a,
        age_a,
        female_a,
        intercept=142.0,
        alpha_f=-0.241,
        alpha_m=-0.302,
        high_exp=-1.200,
        age_base=0.9938,
        female_coef=1.012,
    )


def gfr_category(egfr: Any) -> np.ndarray:
    """Map eGFR values to KDIGO categories G1 to G5.

    Parameters
    ----------
    egfr : float or array-like
        eGFR in mL/min/1.73 m².

    Returns
    -------
    numpy.ndarray of str
        ``"G1"`` (>= 90), ``"G2"`` (60-89), ``"G3a"`` (45-59), ``"G3b"`` (30-44),
        ``"G4"`` (15-29) or ``"G5"`` (< 15).

    Raises
    ------
    ValueError
        If a value is a text that is not a number.
    """
    values = as_float_array(egfr, "egfr")
    bounds = np.array([b for _, b in GFR_CATEGORIES[:-1]])[::-1]  # 15, 30, 45, 60, 90
    names = np.array([name for name, _ in GFR_CATEGORIES])[::-1]  # G5 ... G1
    return names[np.searchsorted(bounds, values, side="right")]


def make_egfr_cohort(
    *,
    n_samples: int = 5_000,
    black_fraction: float = 0.3,
    ckd_fraction: float = 0.3,
    creatinine_scale: float = 1.0,
    random_state: RandomStateLike = None,
    as_frame: bool = True,
) -> Bunch:
    """Generate adults with serum creatinine and both CKD-EPI estimates.

    Creatinine is invented: log-normal around 0.7 mg/dL (women) or 0.9 mg/dL
    (men) for patients without kidney disease, and a wider, higher log-normal
    for the ``ckd_fraction`` with chronic kidney disease. Nothing here is
    calibrated on a real population; the equations are exact.

    Parameters
    ----------
    n_samples : int, default=5_000
        Number of adults.
    black_fraction : float, default=0.3
        Share of patients recorded as Black, in [0, 1]. With 0 the 2009 race
        coefficient never applies, and the two equations differ only by their
        other coefficients.
    ckd_fraction : float, default=0.3
        Share of patients with chronic kidney disease, in [0, 1].
    creatinine_scale : float, default=1.0
        Factor on every patient's median creatinine, in [0.5, 2]: above 1, a
        population whose creatinines are higher (and its DFGe lower) at the same
        age, sex and disease; module 07 draws it per copy so that the shares it
        asks differ between copies.
    random_state : None, int or numpy.random.Generator, default=None
        Seed or generator, for reproducibility: anything
        :func:`numpy.random.default_rng` accepts, except a boolean.
    as_frame : bool, default=True
        Return pandas objects (else numpy arrays).

    Returns
    -------
    sklearn.utils.Bunch
        ``frame`` has ``age``, ``female``, ``black``, ``scr`` (mg/dL),
        ``egfr_2009``, ``egfr_2021`` and their KDIGO categories. ``data`` holds
        the four inputs; there is no target.

    Raises
    ------
    ValueError
        If a size or a fraction is out of range.
    TypeError
        If an argument has the wrong type.
    """
    as_frame, _ = check_as_frame_args(as_frame, False)
    n = check_finite_scalar(n_samples, "n_samples", numbers.Integral, min_val=1)
    black_fraction = check_finite_scalar(
        black_fraction, "black_fraction", numbers.Real, min_val=0.0, max_val=1.0
    )
    ckd_fraction = check_finite_scalar(
        ckd_fraction, "ckd_fraction", numbers.Real, min_val=0.0, max_val=1.0
    )
    creatinine_scale = check_finite_scalar(
        creatinine_scale, "creatinine_scale", numbers.Real, min_val=0.5, max_val=2.0
    )
    rng = check_random_state(random_state)

    female = rng.random(n) < 0.5
    black = rng.random(n) < black_fraction
    ckd = rng.random(n) < ckd_fraction
    age = np.clip(rng.normal(55, 16, n), 18, 95).round(0)
    z = rng.standard_normal(n)
    median = np.where(female, 0.7, 0.9) * np.where(ckd, 2.0, 1.0) * (1 + 0.004 * (age - 50))
    median = median * creatinine_scale
    scr = np.clip(median * np.exp(np.where(ckd, 0.5, 0.15) * z), 0.3, 12.0).round(2)
    egfr09 = egfr_ckd_epi_2009(scr, age, female, black)
    egfr21 = egfr_ckd_epi_2021(scr, age, female)

    frame = pd.DataFrame(
        {
            "age": age,
            "female": female.astype(np.int64),
            "black": black.astype(np.int64),
            "scr": scr,
            "egfr_2009": egfr09.round(1),
            "egfr_2021": egfr21.round(1),
            "category_2009": pd.Categorical(
                gfr_category(egfr09), categories=[c for c, _ in GFR_CATEGORIES]
            ),
            "category_2021": pd.Categorical(
                gfr_category(egfr21), categories=[c for c, _ in GFR_CATEGORIES]
            ),
        }
    )
    mark_synthetic(frame, source=_SOURCE, labels_fr=_LABELS_FR, random_state=random_state)
    result = build_bunch(
        frame,
        feature_names=["age", "female", "black", "scr"],
        target_name=None,
        card="egfr_cohort",
        labels_fr=_LABELS_FR,
        as_frame=as_frame,
    )
    assert isinstance(result, Bunch)
    return result
