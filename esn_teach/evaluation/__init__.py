"""Evaluating a diagnostic test: confusion matrix, rates, predictive values, ROC.

Thin, documented wrappers over :mod:`sklearn.metrics` with the course's
convention (1 = diseased; positive when score ≥ threshold).
"""

from esn_teach.evaluation._diagnostic import (
    ConfusionCounts,
    RocCurve,
    confusion_at_threshold,
    diagnostic_metrics,
    npv,
    ppv,
    predict_at_threshold,
    predictive_values,
    proportion_ci,
    roc,
    sensitivity,
    specificity,
)
from esn_teach.evaluation._wdbc_cases import WDBC_CASE_SEEDS, wdbc_case_seed

__all__ = [
    "WDBC_CASE_SEEDS",
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
    "wdbc_case_seed",
]
