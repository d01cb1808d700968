"""Diagnostic-test metrics, built on scikit-learn.

Convention used throughout the course: the positive class is ``1`` (the
disease is present) and a case is called positive when its score is at or
above the threshold.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike
from sklearn.metrics import (
    accuracy_score,
    confusion_matrix,
    precision_score,
    recall_score,
    roc_auc_score,
    roc_curve,
)

from esn_teach._validation import check_finite_scalar

__all__ = [
    "ConfusionCounts",
    "RocCurve",
    "confusion_at_threshold",
    "diagnostic_metrics",
    "npv",
    "ppv",
    "predict_at_threshold",
    "predictive_values",
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


def _binary(y: ArrayLike, name: str) -> np.ndarray:
    array = np.asarray(y)
    if array.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional, got shape {array.shape}")
    values = set(np.unique(array).tolist())
    if not values <= {0, 1}:
        raise ValueError(f"{name} must contain only 0/1 (or booleans), got values {sorted(values)}")
    return array.astype(int)


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
    """
    return (np.asarray(scores, dtype=float) >= threshold).astype(int)


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
    """
    truth = _binary(y_true, "y_true")
    pred = predict_at_threshold(scores, threshold)
    if pred.shape != truth.shape:
        raise ValueError(f"y_true and scores differ in length: {truth.shape[0]} vs {pred.shape[0]}")
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
    """
    return float(
        recall_score(
            _binary(y_true, "y_true"), _binary(y_pred, "y_pred"), pos_label=1, zero_division=np.nan
        )
    )


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
    """
    return float(
        recall_score(
            _binary(y_true, "y_true"), _binary(y_pred, "y_pred"), pos_label=0, zero_division=np.nan
        )
    )


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
    """
    return float(
        precision_score(
            _binary(y_true, "y_true"), _binary(y_pred, "y_pred"), pos_label=1, zero_division=np.nan
        )
    )


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
    """
    return float(
        precision_score(
            _binary(y_true, "y_true"), _binary(y_pred, "y_pred"), pos_label=0, zero_division=np.nan
        )
    )


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
    """
    truth = _binary(y_true, "y_true")
    pred = predict_at_threshold(scores, threshold)
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
    """
    truth = _binary(y_true, "y_true")
    score = np.asarray(scores, dtype=float)
    fpr, tpr, thresholds = roc_curve(truth, score, pos_label=1)
    return RocCurve(fpr=fpr, tpr=tpr, thresholds=thresholds, auc=float(roc_auc_score(truth, score)))
