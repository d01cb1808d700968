"""Accessible plotting: Okabe–Ito colours, markers and dashes, labelled axes."""

from esn_teach.plotting._style import (
    LINESTYLES,
    MARKERS,
    PALETTE,
    accessible_style,
    check_figure,
    plot_confusion_matrix,
    plot_roc,
)

__all__ = [
    "LINESTYLES",
    "MARKERS",
    "PALETTE",
    "accessible_style",
    "check_figure",
    "plot_confusion_matrix",
    "plot_roc",
]
