"""Real datasets bundled with scikit-learn (no network access)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from sklearn.datasets import load_breast_cancer, load_diabetes
from sklearn.utils import Bunch

from ._base import build_bunch, check_as_frame_args, check_bool

_WDBC_BASES_FR: dict[str, str] = {
    "radius": "rayon",
    "texture": "texture",
    "perimeter": "périmètre",
    "area": "aire",
    "smoothness": "variation locale du rayon",
    "compactness": "compacité",
    "concavity": "concavité",
    "concave points": "points concaves",
    "symmetry": "symétrie",
    "fractal dimension": "dimension fractale",
}


def _wdbc_label_fr(feature: str) -> str:
    if feature.startswith("mean "):
        return f"{_WDBC_BASES_FR[feature[5:]]} (moyenne)"
    if feature.startswith("worst "):
        return f"{_WDBC_BASES_FR[feature[6:]]} (pire valeur)"
    if feature.endswith(" error"):
        return f"{_WDBC_BASES_FR[feature[:-6]]} (erreur type)"
    raise ValueError(f"unexpected WDBC feature name {feature!r}")  # pragma: no cover


def load_breast_cancer_wdbc(
    *,
    as_frame: bool = True,
    return_X_y: bool = False,  # noqa: N803
) -> Bunch | tuple[Any, Any]:
    """Load the Breast Cancer Wisconsin (Diagnostic) data, with malignant = 1.

    Wraps :func:`sklearn.datasets.load_breast_cancer` (bundled, no download).
    **Unlike scikit-learn**, the target here is ``malignant``: 1 = malignant
    (the positive class, the disease), 0 = benign. scikit-learn's own coding is
    the reverse (0 = malignant, 1 = benign), a classic trap when computing a
    sensitivity; it is kept in ``frame["target_sklearn"]`` for reference only and is
    not part of ``data``.

    Parameters
    ----------
    as_frame : bool, default=True
        If True, ``data`` is a DataFrame and ``target`` a Series; ``frame`` holds
        the 30 features, ``malignant`` and ``target_sklearn``.
    return_X_y : bool, default=False
        If True, return ``(data, target)`` instead of a Bunch.

    Returns
    -------
    sklearn.utils.Bunch or tuple
        Bunch with ``data`` (569 x 30), ``target`` (``malignant``, 1 = malignant),
        ``frame``, ``feature_names``, ``target_names`` (``["benign", "malignant"]``,
        indexed by the target value), ``DESCR`` (the data card) and ``labels_fr``.

    Examples
    --------
    >>> wdbc = load_breast_cancer_wdbc()
    >>> int(wdbc.target.sum()), len(wdbc.target)
    (212, 569)
    """
    as_frame, return_x_y = check_as_frame_args(as_frame, return_X_y)
    raw = load_breast_cancer(as_frame=True)
    features = raw.data.copy()
    feature_names = [str(c) for c in features.columns]
    frame = features
    frame["malignant"] = (raw.target.to_numpy() == 0).astype(np.int64)
    frame["target_sklearn"] = raw.target.to_numpy().astype(np.int64)
    labels_fr = {name: _wdbc_label_fr(name) for name in feature_names}
    labels_fr["malignant"] = "malin (1 = malin, 0 = bénin)"
    labels_fr["target_sklearn"] = "codage scikit-learn (0 = malin, 1 = bénin)"
    frame.attrs["synthetic"] = False
    frame.attrs["source"] = (
        "Breast Cancer Wisconsin (Diagnostic), Wolberg, Street & Mangasarian, "
        "UCI Machine Learning Repository, 1995; copy bundled with scikit-learn"
    )
    frame.attrs["labels_fr"] = dict(labels_fr)
    return build_bunch(
        frame,
        feature_names=feature_names,
        target_name="malignant",
        card="breast_cancer_wdbc",
        labels_fr=labels_fr,
        as_frame=as_frame,
        return_X_y=return_x_y,
        target_names=["benign", "malignant"],
    )


_DIABETES_LABELS_FR: dict[str, str] = {
    "age": "âge",
    "sex": "sexe (codé, signification non documentée)",
    "bmi": "indice de masse corporelle",
    "bp": "pression artérielle moyenne",
    "s1": "cholestérol total (s1)",
    "s2": "LDL-cholestérol (s2)",
    "s3": "HDL-cholestérol (s3)",
    "s4": "rapport cholestérol total / HDL (s4)",
    "s5": "triglycérides, probablement en logarithme (s5)",
    "s6": "glycémie (s6)",
    "progression": "progression de la maladie à un an",
}


def load_diabetes_progression(
    *,
    scaled: bool = True,
    as_frame: bool = True,
    return_X_y: bool = False,  # noqa: N803
) -> Bunch | tuple[Any, Any]:
    """Load the diabetes progression data of Efron et al. (2004).

    Wraps :func:`sklearn.datasets.load_diabetes` (bundled, no download): 442
    patients, 10 baseline variables, and a quantitative measure of disease
    progression one year after baseline (``progression``, regression target).

    Parameters
    ----------
    scaled : bool, default=True
        If True (scikit-learn's default), each feature is mean-centred and scaled
        so that its sum of squares is 1 (values are then not in clinical units).
        If False, features are in their original units (age in years, BMI in
        kg/m², blood pressure in mmHg, sex coded 1/2, serum measurements as
        distributed).
    as_frame : bool, default=True
        If True, ``data`` is a DataFrame and ``target`` a Series.
    return_X_y : bool, default=False
        If True, return ``(data, target)`` instead of a Bunch.

    Returns
    -------
    sklearn.utils.Bunch or tuple
        Bunch with ``data`` (442 x 10), ``target`` (``progression``), ``frame``,
        ``feature_names``, ``DESCR`` (the data card) and ``labels_fr``.
    """
    as_frame, return_x_y = check_as_frame_args(as_frame, return_X_y)
    scaled = check_bool(scaled, "scaled")
    raw = load_diabetes(as_frame=True, scaled=scaled)
    frame: pd.DataFrame = raw.data.copy()
    feature_names = [str(c) for c in frame.columns]
    frame["progression"] = raw.target.to_numpy().astype(np.float64)
    frame.attrs["synthetic"] = False
    frame.attrs["source"] = (
        "Efron, Hastie, Johnstone & Tibshirani, Least Angle Regression, "
        "Annals of Statistics 2004; copy bundled with scikit-learn"
    )
    frame.attrs["labels_fr"] = dict(_DIABETES_LABELS_FR)
    frame.attrs["scaled"] = scaled
    return build_bunch(
        frame,
        feature_names=feature_names,
        target_name="progression",
        card="diabetes_progression",
        labels_fr=_DIABETES_LABELS_FR,
        as_frame=as_frame,
        return_X_y=return_x_y,
    )
