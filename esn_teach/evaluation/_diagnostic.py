"""Diagnostic-test metrics, built on scikit-learn.

Convention used throughout the course: the positive class is ``1`` (the
disease is present) and a case is called positive when its score is at or
above the threshold.
"""

from __future__ import annotations

import math
import numbers
import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike
from sklearn.exceptions import UndefinedMetricWarning
from sklearn.metrics import (
    accuracy_score,
    confusion_matrix,
    precision_score,
    recall_score,
    roc_auc_score,
    roc_curve,
)

from esn_teach._validation import as_float_array, check_finite_scalar, fr_items, received

__all__ = [
    "ConfusionCounts",
    "RocCurve",
    "confusion_at_threshold",
    "diagnostic_metrics",
    "npv",
    "ppv",
    "predict_at_threshold",
    "predictive_values",
    "proportion_ci",
    "roc",
    "sensitivity",
    "specificity",
]


@dataclass(frozen=True)
class ConfusionCounts:
    """Counts of a 2 × 2 confusion matrix.

    Attributes
    ----------
    tn, fp, fn, tp : int
        True negatives, false positives, false negatives, true positives.
    """

    tn: int
    fp: int
    fn: int
    tp: int

    @property
    def total(self) -> int:
        """Number of cases."""
        return self.tn + self.fp + self.fn + self.tp

    def as_array(self) -> np.ndarray:
        """Return ``[[tn, fp], [fn, tp]]`` (rows: truth, columns: prediction)."""
        return np.array([[self.tn, self.fp], [self.fn, self.tp]])


@dataclass(frozen=True)
class RocCurve:
    """A ROC curve as returned by :func:`roc`.

    Attributes
    ----------
    fpr, tpr, thresholds : numpy.ndarray
        As :func:`sklearn.metrics.roc_curve` returns them.
    auc : float
        Area under the curve (:func:`sklearn.metrics.roc_auc_score`).
    """

    fpr: np.ndarray
    tpr: np.ndarray
    thresholds: np.ndarray
    auc: float


def _one_dimension(array: np.ndarray, name: str) -> None:
    """Refuse a single value or a table where a list of values (one per case) is expected."""
    if array.ndim == 1:
        return
    if array.ndim == 0:
        shown = received(array.item())
    else:
        shown = f"reçu : un tableau à {array.ndim} dimensions, de forme {array.shape}"
    raise ValueError(
        f"« {name} » doit être une liste de valeurs à une dimension, une par cas ; {shown}."
    )


def _binary(y: ArrayLike, name: str) -> np.ndarray:
    array = np.asarray(y)
    _one_dimension(array, name)
    if array.size == 0:
        raise ValueError(f"« {name} » est vide : il faut au moins un cas.")
    try:
        values = np.unique(array).tolist()
    except TypeError:  # values that cannot be sorted together, e.g. None and 1
        values = list(dict.fromkeys(array.tolist()))
    refused = [value for value in values if value not in (0, 1)]
    if refused:
        hint = ""
        if name == "y_pred" and all(isinstance(v, numbers.Real) for v in refused):
            hint = (
                " Si ce sont des scores, choisissez d'abord un seuil : "
                "predict_at_threshold(scores, seuil)."
            )
        raise ValueError(
            f"« {name} » ne doit contenir que des 0 et des 1 (ou True et False), 1 = malade ; "
            f"valeurs refusées : {fr_items(refused)}.{hint}"
        )
    return array.astype(int)


def _scores(scores: ArrayLike, *, finite: bool = False) -> np.ndarray:
    """Scores as floats: numbers only, no missing value (nor infinity, with ``finite``)."""
    array = as_float_array(scores, "scores")
    if np.isnan(array).any():
        raise ValueError(
            "« scores » contient des valeurs manquantes (NaN) : chaque cas doit avoir un score."
        )
    if finite and np.isinf(array).any():
        raise ValueError(
            "« scores » contient des valeurs infinies : la courbe ROC demande des scores finis."
        )
    return array


def _same_length(first: np.ndarray, second: np.ndarray, names: tuple[str, str]) -> None:
    _one_dimension(second, names[1])
    if first.shape[0] != second.shape[0]:
        raise ValueError(
            f"« {names[0]} » et « {names[1]} » doivent avoir la même longueur (une valeur par "
            f"cas) ; longueurs reçues : {first.shape[0]} et {second.shape[0]}."
        )


def _threshold(threshold: Any) -> float:
    """Check a decision threshold: any number, infinities included (as roc_curve returns)."""
    if (
        isinstance(threshold, numbers.Real)
        and not isinstance(threshold, bool | np.bool_)
        and math.isinf(threshold)
    ):
        return float(threshold)
    if isinstance(threshold, numbers.Real) and math.isnan(threshold):
        raise ValueError(
            "« threshold » doit être un nombre ; valeur reçue : NaN (« pas un nombre »)."
        )
    return check_finite_scalar(threshold, "threshold", numbers.Real)


def _pair(y_true: ArrayLike, y_pred: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    truth = _binary(y_true, "y_true")
    pred = _binary(y_pred, "y_pred")
    _same_length(truth, pred, ("y_true", "y_pred"))
    return truth, pred


def _truth_and_scores(
    y_true: ArrayLike, scores: ArrayLike, *, finite: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """Check ``y_true`` (0 and 1) and ``scores`` (numbers, one per case); return both."""
    truth = _binary(y_true, "y_true")
    score = _scores(scores, finite=finite)
    _same_length(truth, score, ("y_true", "scores"))
    return truth, score


def _truth_and_calls(
    y_true: ArrayLike, scores: ArrayLike, threshold: float
) -> tuple[np.ndarray, np.ndarray]:
    """Check the arguments of the test "score ≥ threshold"; return the truth and its 0/1 calls."""
    truth, score = _truth_and_scores(y_true, scores)
    return truth, (score >= _threshold(threshold)).astype(int)


def predict_at_threshold(scores: ArrayLike, threshold: float) -> np.ndarray:
    """Call a case positive (1) when its score is at or above ``threshold``.

    Parameters
    ----------
    scores : array-like of shape (n,)
        Scores or probabilities; higher means more likely diseased.
    threshold : float
        Decision threshold.

    Returns
    -------
    numpy.ndarray of int
        0/1 predictions.

    Raises
    ------
    TypeError
        If ``threshold`` is not a number.
    ValueError
        If a score is not a number or is missing (NaN), or ``threshold`` is NaN.
    """
    return (_scores(scores) >= _threshold(threshold)).astype(int)


def confusion_at_threshold(
    y_true: ArrayLike, scores: ArrayLike, threshold: float
) -> ConfusionCounts:
    """Return the confusion counts of the test "score ≥ threshold".

    Parameters
    ----------
    y_true : array-like of shape (n,)
        Truth, 1 = diseased.
    scores : array-like of shape (n,)
        Scores; higher means more likely diseased.
    threshold : float
        Decision threshold.

    Returns
    -------
    ConfusionCounts

    Raises
    ------
    ValueError
        If ``y_true`` holds other values than 0 and 1, the lengths differ, or a
        score is not a number.
    TypeError
        If ``threshold`` is not a number.
    """
    truth, pred = _truth_and_calls(y_true, scores, threshold)
    tn, fp, fn, tp = confusion_matrix(truth, pred, labels=[0, 1]).ravel()
    return ConfusionCounts(int(tn), int(fp), int(fn), int(tp))


def sensitivity(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    """Sensitivity (recall of the diseased): TP / (TP + FN).

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n,)
        Truth and prediction, 1 = diseased.

    Returns
    -------
    float
        NaN when there is no diseased case.

    Raises
    ------
    ValueError
        If a value is not 0 or 1, an array is empty, or the lengths differ.
    """
    truth, pred = _pair(y_true, y_pred)
    return float(recall_score(truth, pred, pos_label=1, zero_division=np.nan))


def specificity(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    """Specificity (recall of the healthy): TN / (TN + FP).

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n,)
        Truth and prediction, 1 = diseased.

    Returns
    -------
    float
        NaN when there is no healthy case.

    Raises
    ------
    ValueError
        If a value is not 0 or 1, an array is empty, or the lengths differ.
    """
    truth, pred = _pair(y_true, y_pred)
    return float(recall_score(truth, pred, pos_label=0, zero_division=np.nan))


def ppv(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    """Positive predictive value (precision): TP / (TP + FP).

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n,)
        Truth and prediction, 1 = diseased.

    Returns
    -------
    float
        NaN when nothing is called positive.

    Raises
    ------
    ValueError
        If a value is not 0 or 1, an array is empty, or the lengths differ.
    """
    truth, pred = _pair(y_true, y_pred)
    return float(precision_score(truth, pred, pos_label=1, zero_division=np.nan))


def npv(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    """Negative predictive value: TN / (TN + FN).

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n,)
        Truth and prediction, 1 = diseased.

    Returns
    -------
    float
        NaN when nothing is called negative.

    Raises
    ------
    ValueError
        If a value is not 0 or 1, an array is empty, or the lengths differ.
    """
    truth, pred = _pair(y_true, y_pred)
    return float(precision_score(truth, pred, pos_label=0, zero_division=np.nan))


def diagnostic_metrics(y_true: ArrayLike, scores: ArrayLike, threshold: float) -> dict[str, float]:
    """Sensitivity, specificity, PPV, NPV and accuracy of "score ≥ threshold".

    Parameters
    ----------
    y_true : array-like of shape (n,)
        Truth, 1 = diseased.
    scores : array-like of shape (n,)
        Scores; higher means more likely diseased.
    threshold : float
        Decision threshold.

    Returns
    -------
    dict
        Keys ``sensitivity``, ``specificity``, ``ppv``, ``npv``, ``accuracy``,
        ``prevalence``.

    Raises
    ------
    ValueError
        If ``y_true`` holds other values than 0 and 1, the lengths differ, or a
        score is not a number.
    TypeError
        If ``threshold`` is not a number.
    """
    truth, pred = _truth_and_calls(y_true, scores, threshold)
    return {
        "sensitivity": sensitivity(truth, pred),
        "specificity": specificity(truth, pred),
        "ppv": ppv(truth, pred),
        "npv": npv(truth, pred),
        "accuracy": float(accuracy_score(truth, pred)),
        "prevalence": float(np.mean(truth)),
    }


def _probability(value: float, name: str) -> float:
    """Check a proportion (a number between 0 and 1)."""
    return check_finite_scalar(value, name, numbers.Real, min_val=0.0, max_val=1.0)


def predictive_values(
    *, sensitivity: float, specificity: float, prevalence: float
) -> tuple[float, float]:
    """PPV and NPV of a test applied where the disease has ``prevalence``.

    Bayes' rule: PPV = Se·p / (Se·p + (1 − Sp)(1 − p)) and
    NPV = Sp(1 − p) / (Sp(1 − p) + (1 − Se)·p).

    Parameters
    ----------
    sensitivity, specificity, prevalence : float
        Proportions between 0 and 1.

    Returns
    -------
    (float, float)
        PPV and NPV (NaN when undefined, e.g. nobody tests positive).

    Raises
    ------
    TypeError
        A value is not a number (a text such as ``"0.01"`` included).
    ValueError
        A value is below 0, above 1, or NaN.
    """
    se = _probability(sensitivity, "sensitivity")
    sp = _probability(specificity, "specificity")
    p = _probability(prevalence, "prevalence")
    true_pos, false_pos = se * p, (1 - sp) * (1 - p)
    true_neg, false_neg = sp * (1 - p), (1 - se) * p
    ppv_value = true_pos / (true_pos + false_pos) if true_pos + false_pos > 0 else float("nan")
    npv_value = true_neg / (true_neg + false_neg) if true_neg + false_neg > 0 else float("nan")
    return ppv_value, npv_value


def roc(y_true: ArrayLike, scores: ArrayLike) -> RocCurve:
    """ROC curve and its area, from :mod:`sklearn.metrics`.

    Parameters
    ----------
    y_true : array-like of shape (n,)
        Truth, 1 = diseased.
    scores : array-like of shape (n,)
        Scores; higher means more likely diseased.

    Returns
    -------
    RocCurve
        With ``y_true`` of a single class, the curve is undefined: ``auc`` is NaN
        and an :class:`~sklearn.exceptions.UndefinedMetricWarning` says why.

    Raises
    ------
    ValueError
        If ``y_true`` holds other values than 0 and 1, the lengths differ, or a
        score is not a finite number.
    """
    truth, score = _truth_and_scores(y_true, scores, finite=True)
    with warnings.catch_warnings():  # scikit-learn's English warnings, replaced below
        warnings.simplefilter("ignore", UndefinedMetricWarning)
        fpr, tpr, thresholds = roc_curve(truth, score, pos_label=1)
    if truth.min() == truth.max():
        absent = "malade (1)" if truth[0] == 0 else "non malade (0)"
        warnings.warn(
            f"« y_true » ne contient aucun cas {absent} : la courbe ROC et son aire (AUC) "
            "ne sont pas définies.",
            UndefinedMetricWarning,
            stacklevel=2,
        )
        return RocCurve(fpr=fpr, tpr=tpr, thresholds=thresholds, auc=float("nan"))
    return RocCurve(fpr=fpr, tpr=tpr, thresholds=thresholds, auc=float(roc_auc_score(truth, score)))


def proportion_ci(successes: int, total: int, *, confidence: float = 0.95) -> tuple[float, float]:
    """Return the Wilson confidence interval of the proportion ``successes / total``.

    The interval students see wherever the course computes a rate on a sample
    (Wilson, Journal of the American Statistical Association, 1927), computed by
    :meth:`scipy.stats.binomtest` (``proportion_ci(method="wilson")``).

    Parameters
    ----------
    successes : int
        Count of the event, e.g. cancers detected.
    total : int
        Size of the group it is counted in, e.g. patients with cancer (at least 1).
    confidence : float, default=0.95
        Confidence level, strictly between 0 and 1.

    Returns
    -------
    (float, float)
        Lower and upper bounds, between 0 and 1.

    Raises
    ------
    ValueError
        In French, when the counts are not whole numbers with 0 ≤ successes ≤ total and
        total ≥ 1, or the confidence level is not between 0 and 1.
    """
    from scipy.stats import binomtest

    counts = (successes, total)
    if not all(isinstance(c, numbers.Integral) and not isinstance(c, bool) for c in counts):
        raise ValueError(
            "proportion_ci attend deux nombres entiers (un effectif et le total du groupe) ; "
            f"{received(successes)} et {received(total)}."
        )
    if not 0 <= successes <= total or total < 1:
        raise ValueError(
            f"proportion_ci : il faut 0 ≤ effectif ≤ total et un total d'au moins 1 ; reçu "
            f"{successes} sur {total}."
        )
    if not 0 < confidence < 1:
        raise ValueError(
            f"proportion_ci : le niveau de confiance doit être entre 0 et 1 ; reçu {confidence}."
        )
    interval = binomtest(int(successes), int(total)).proportion_ci(
        confidence_level=confidence, method="wilson"
    )
    return float(interval.low), float(interval.high)
