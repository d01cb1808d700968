"""Accessible plotting defaults: colour-blind-safe, never colour alone."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import matplotlib as mpl
import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.rcsetup import cycler

from esn_teach._formatting import fr_number
from esn_teach.evaluation import ConfusionCounts, RocCurve

if TYPE_CHECKING:  # matplotlib.typing's names are not all in matplotlib 3.8
    from matplotlib.typing import LineStyleType, RcKeyType

__all__ = [
    "LINESTYLES",
    "MARKERS",
    "PALETTE",
    "accessible_style",
    "check_figure",
    "plot_confusion_matrix",
    "plot_roc",
]

#: Okabe & Ito (2008) palette, distinguishable with the common colour-vision
#: deficiencies. Black first; order chosen so that neighbours contrast.
PALETTE: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
_CYCLE_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
#: Markers and line styles paired with the colours, so that series differ by
#: shape and dash as well as by colour (never colour alone).
MARKERS: list[str] = ["o", "s", "^", "D", "v", "P", "X"]
LINESTYLES: list[LineStyleType] = [
    "-",
    "--",
    "-.",
    ":",
    (0, (5, 1)),
    (0, (3, 1, 1, 1)),
    (0, (1, 1)),
]

_RC: dict[RcKeyType, Any] = {
    "axes.prop_cycle": cycler(color=_CYCLE_COLOURS)
    + cycler(marker=MARKERS)
    + cycler(linestyle=LINESTYLES),
    "lines.markersize": 5,
    "lines.linewidth": 2,
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.grid": True,
    "grid.alpha": 0.3,
    "image.cmap": "cividis",
    "figure.dpi": 90,
    "savefig.dpi": 90,
    "legend.frameon": True,
}


@contextmanager
def accessible_style() -> Iterator[None]:
    """Context manager applying the accessible defaults to matplotlib.

    Colour cycle from the Okabe–Ito palette, with a marker and a line style
    per series; ``cividis`` (perceptually uniform, colour-blind-safe) as the
    default colour map.

    Yields
    ------
    None
    """
    # Only the style's own keys are saved and restored. ``matplotlib.rc_context`` would
    # restore every parameter, including ``interactive``: if IPython's inline backend is
    # first activated inside the context, later figures would no longer be shown.
    saved = {key: mpl.rcParams[key] for key in _RC}
    mpl.rcParams.update(_RC)
    try:
        yield
    finally:
        mpl.rcParams.update(saved)


def check_figure(fig: Figure) -> None:
    """Raise ``ValueError`` unless every axes of ``fig`` has a title and axis labels.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure to inspect. Colour bars and axes turned off are ignored.

    Raises
    ------
    ValueError
        Naming the axes and what it lacks.
    """
    problems = []
    for index, ax in enumerate(fig.axes):
        if not ax.axison or ax.get_label() == "<colorbar>":
            continue
        missing = [
            what
            for what, text in (
                ("title", ax.get_title()),
                ("x label", ax.get_xlabel()),
                ("y label", ax.get_ylabel()),
            )
            if not text.strip()
        ]
        if missing:
            problems.append(f"axes {index}: no {', '.join(missing)}")
    if problems:
        raise ValueError("figure not accessible: " + "; ".join(problems))


_CELL_NAMES = [
    ["Vrais négatifs (VN)", "Faux positifs (FP)"],
    ["Faux négatifs (FN)", "Vrais positifs (VP)"],
]


def plot_confusion_matrix(
    counts: ConfusionCounts,
    *,
    ax: Axes | None = None,
    title: str = "Matrice de confusion",
    negative: str = "Non malade",
    positive: str = "Malade",
) -> Axes:
    """Draw a confusion matrix whose cells are named and counted in text.

    The shading only doubles the numbers: each cell carries its name (VP, FP,
    FN, VN) and its count, so no information is in the colour alone.

    Parameters
    ----------
    counts : ConfusionCounts
        The counts to draw.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure is created when omitted.
    title : str
        Axes title.
    negative, positive : str
        Names of the two classes.

    Returns
    -------
    matplotlib.axes.Axes
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(4.5, 4))
    matrix = counts.as_array()
    ax.imshow(matrix, cmap="Greys", vmin=0, vmax=max(int(matrix.max()), 1) * 2.5)
    for row in range(2):
        for col in range(2):
            ax.text(
                col,
                row,
                f"{_CELL_NAMES[row][col]}\n{matrix[row, col]}",
                ha="center",
                va="center",
                fontsize=11,
            )
    ax.set_xticks([0, 1], [f"Test négatif\n({negative})", f"Test positif\n({positive})"])
    ax.set_yticks([0, 1], [negative, positive])
    ax.set_xlabel("Résultat du test")
    ax.set_ylabel("Réalité")
    ax.set_title(title)
    ax.grid(False)
    return ax


def plot_roc(
    curve: RocCurve,
    *,
    ax: Axes | None = None,
    point: tuple[float, float] | None = None,
    title: str = "Courbe ROC",
    show_auc: bool = True,
) -> Axes:
    """Draw a ROC curve, the chance diagonal and optionally the current point.

    Parameters
    ----------
    curve : RocCurve
        From :func:`esn_teach.evaluation.roc`.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure is created when omitted.
    point : (float, float), optional
        ``(1 − specificity, sensitivity)`` of the current threshold, drawn as a
        large diamond with a text label.
    title : str
        Axes title.
    show_auc : bool, default=True
        Write the AUC in the legend.

    Returns
    -------
    matplotlib.axes.Axes
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(4.5, 4))
    label = f"Modèle (AUC = {fr_number(curve.auc)})" if show_auc else "Modèle"
    ax.plot(
        curve.fpr,
        curve.tpr,
        color=PALETTE["blue"],
        linestyle="-",
        marker="",
        label=label,
    )
    ax.plot(
        [0, 1], [0, 1], color=PALETTE["black"], linestyle=":", marker="", label="Hasard (AUC = 0,5)"
    )
    if point is not None:
        ax.plot(
            [point[0]],
            [point[1]],
            linestyle="none",
            marker="D",
            markersize=10,
            color=PALETTE["vermillion"],
            markeredgecolor="black",
            label="Seuil choisi",
        )
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.02, 1.02)
    ax.set_xlabel("1 − spécificité (taux de faux positifs)")
    ax.set_ylabel("Sensibilité (taux de vrais positifs)")
    ax.set_title(title)
    ax.legend(loc="lower right")
    ax.set_aspect("equal")
    return ax
