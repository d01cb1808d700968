"""Accessible figures and tables.

Okabe–Ito colours, markers and dashes, labelled axes, decimal commas on the
ticks, text alternatives of the figures, and French tables (:func:`fr_table`).
"""

from esn_teach._formatting import fr_table
from esn_teach.plotting._style import (
    LINESTYLES,
    MARKERS,
    PALETTE,
    DecimalCommaFormatter,
    accessible_style,
    check_figure,
    decimal_comma,
    describe_confusion_matrix,
    describe_roc,
    figure_html,
    plot_confusion_matrix,
    plot_roc,
    show_figure,
)

__all__ = [
    "LINESTYLES",
    "MARKERS",
    "PALETTE",
    "DecimalCommaFormatter",
    "accessible_style",
    "check_figure",
    "decimal_comma",
    "describe_confusion_matrix",
    "describe_roc",
    "figure_html",
    "fr_table",
    "plot_confusion_matrix",
    "plot_roc",
    "show_figure",
]
