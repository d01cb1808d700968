"""Accessible plotting defaults: colour-blind-safe, never colour alone, French numbers."""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator
from contextlib import contextmanager
from html import escape
from typing import TYPE_CHECKING, Any

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
from matplotlib import scale as mscale
from matplotlib import ticker
from matplotlib.axes import Axes
from matplotlib.axis import Axis
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
    "DecimalCommaFormatter",
    "accessible_style",
    "check_figure",
    "decimal_comma",
    "describe_confusion_matrix",
    "describe_roc",
    "figure_html",
    "plot_confusion_matrix",
    "plot_roc",
    "show_figure",
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


def _comma(text: str) -> str:
    # In mathtext a bare comma is spaced as punctuation ("0, 5"); "{,}" is not.
    return text.replace(".", "{,}" if "$" in text else ",")


class DecimalCommaFormatter(ticker.ScalarFormatter):
    """Matplotlib's default tick formatter, writing a decimal comma: ``0,8``, not ``0.8``.

    Everything else (choice of decimals, offset, scientific notation, minus
    sign) is :class:`matplotlib.ticker.ScalarFormatter`'s. It does not rely on
    ``axes.formatter.use_locale``, which needs a French locale installed on the
    machine.
    """

    def __call__(self, x: float, pos: int | None = None) -> str:
        return _comma(super().__call__(x, pos))

    def get_offset(self) -> str:
        """Return the offset or scale text (``"1e−3"``, ``"+1,5"``), with a comma."""
        return _comma(super().get_offset())

    def format_data(self, value: float) -> str:
        """Return ``value`` in full, with a comma."""
        return _comma(super().format_data(value))

    def format_data_short(self, value: Any) -> str:
        """Return ``value`` as in the status bar, with a comma."""
        return _comma(super().format_data_short(value))


def _use_comma(axis: Axis) -> None:
    """Give ``axis`` decimal-comma tick labels, if it uses the default number formatter."""
    for get, set_, default in (
        (axis.get_major_formatter, axis.set_major_formatter, "isDefault_majfmt"),
        (axis.get_minor_formatter, axis.set_minor_formatter, "isDefault_minfmt"),
    ):
        current = get()
        if type(current) is not ticker.ScalarFormatter:  # text, dates, percent...: left alone
            continue
        french = DecimalCommaFormatter(
            useOffset=current.get_useOffset(),
            useMathText=current.get_useMathText(),
            useLocale=current.get_useLocale(),
        )
        was_default = getattr(axis, default, False)
        set_(french)
        # Still "default": a later date or category axis may replace it, as it would
        # have replaced matplotlib's own formatter.
        setattr(axis, default, was_default)


def decimal_comma(target: Figure | Axes) -> None:
    """Write the tick labels of ``target`` with a decimal comma (``0,8``).

    Axes created inside :func:`accessible_style` already do; this converts a
    figure or axes made elsewhere. Only axes using matplotlib's default number
    formatter change: tick labels set as text, dates and percentages stay.

    Parameters
    ----------
    target : matplotlib.figure.Figure or matplotlib.axes.Axes
        A figure (all its axes) or one axes.
    """
    axes = target.axes if isinstance(target, Figure) else [target]
    for ax in axes:
        for axis in (ax.xaxis, ax.yaxis):
            _use_comma(axis)


_LINEAR_DEFAULTS = mscale.LinearScale.set_default_locators_and_formatters


def _french_linear_defaults(self: mscale.LinearScale, axis: Axis) -> None:
    _LINEAR_DEFAULTS(self, axis)
    _use_comma(axis)


@contextmanager
def accessible_style() -> Iterator[None]:
    """Context manager applying the accessible defaults to matplotlib.

    Colour cycle from the Okabe–Ito palette, with a marker and a line style
    per series; ``cividis`` (perceptually uniform, colour-blind-safe) as the
    default colour map; tick labels of the axes created inside the context
    written with a decimal comma (``0,8``), which they keep once it is left.

    Yields
    ------
    None
    """
    # Only the style's own keys are saved and restored. ``matplotlib.rc_context`` would
    # restore every parameter, including ``interactive``: if IPython's inline backend is
    # first activated inside the context, later figures would no longer be shown.
    saved = {key: mpl.rcParams[key] for key in _RC}
    mpl.rcParams.update(_RC)
    # No rcParam chooses the tick formatter, and ``axes.formatter.use_locale`` needs a
    # French locale installed: every linear axis created in the context gets its default
    # locator and formatter from this hook instead, as matplotlib's would.
    saved_defaults = mscale.LinearScale.set_default_locators_and_formatters
    setattr(mscale.LinearScale, "set_default_locators_and_formatters", _french_linear_defaults)  # noqa: B010
    try:
        yield
    finally:
        mpl.rcParams.update(saved)
        setattr(mscale.LinearScale, "set_default_locators_and_formatters", saved_defaults)  # noqa: B010


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
        Names of the two classes, the rows (the truth). The columns are the test's result,
        « Test négatif » and « Test positif », without a class name.

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
    # The test's result alone: « Test positif (Malade) » would say that positive means ill,
    # which is what the confusion matrix exists to question.
    ax.set_xticks([0, 1], ["Test négatif", "Test positif"])
    ax.set_yticks([0, 1], [negative, positive])
    ax.set_xlabel("Résultat du test")
    ax.set_ylabel("Réalité")
    ax.set_title(title)
    ax.grid(False)
    decimal_comma(ax)
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
    decimal_comma(ax)  # an ``ax`` made outside accessible_style() too
    return ax


def describe_confusion_matrix(
    counts: ConfusionCounts, *, negative: str = "Non malade", positive: str = "Malade"
) -> str:
    """Text alternative of :func:`plot_confusion_matrix`'s figure, in French.

    Parameters
    ----------
    counts : ConfusionCounts
        The counts drawn.
    negative, positive : str
        Names of the two classes, as given to :func:`plot_confusion_matrix`.

    Returns
    -------
    str
    """
    return (
        f"Matrice de confusion de {counts.total} cas, lignes « {negative} » et "
        f"« {positive} » (réalité), colonnes test négatif et test positif : vrais négatifs "
        f"(VN) {counts.tn}, faux positifs (FP) {counts.fp}, faux négatifs (FN) {counts.fn}, "
        f"vrais positifs (VP) {counts.tp}."
    )


def describe_roc(
    curve: RocCurve,
    *,
    point: tuple[float, float] | None = None,
    threshold: float | None = None,
    show_auc: bool = True,
) -> str:
    """Text alternative of :func:`plot_roc`'s figure, in French, with decimal commas.

    Parameters
    ----------
    curve : RocCurve
        The curve drawn.
    point : (float, float), optional
        ``(1 − specificity, sensitivity)`` of the point drawn.
    threshold : float, optional
        The threshold of that point, named in the text.
    show_auc : bool, default=True
        Give the AUC (leave it out while a question asks for it).

    Returns
    -------
    str
    """
    gap = np.asarray(curve.tpr, dtype=float) - np.asarray(curve.fpr, dtype=float)
    if np.all(gap >= 0):
        shape = "ne passe jamais sous la diagonale du hasard"
    elif np.all(gap <= 0):
        shape = "ne passe jamais au-dessus de la diagonale du hasard"
    else:
        shape = "croise la diagonale du hasard"
    text = "Courbe ROC"
    if point is not None:
        where = f"au seuil {fr_number(threshold, 2)}" if threshold is not None else "choisi"
        text += (
            f", point {where} : sensibilité {fr_number(point[1], 2)}, "
            f"spécificité {fr_number(1 - point[0], 2)} "
            f"(1 − spécificité = {fr_number(point[0], 2)})"
        )
    text += (
        ". En abscisse, 1 − spécificité (taux de faux positifs) ; en ordonnée, sensibilité "
        f"(taux de vrais positifs), de 0 à 1. La courbe du modèle {shape}"
    )
    return text + (f" ; AUC = {fr_number(curve.auc)}." if show_auc else ".")


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", bbox_inches="tight")  # as the inline backend does
    return buffer.getvalue()


def _figure_html(png: bytes, description: str, caption: bool) -> str:
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    text = escape(description)
    html = (
        f'<figure style="margin:0"><img src="data:image/png;base64,'
        f'{base64.b64encode(png).decode("ascii")}" alt="{text}" width="{width}" '
        f'height="{height}" style="max-width:100%;height:auto">'
    )
    if caption:
        html += f'<figcaption style="font-size:90%;max-width:{width}px">{text}</figcaption>'
    return html + "</figure>"


def figure_html(figure: Figure, description: str, *, caption: bool = True) -> str:
    """Return ``figure`` as an HTML ``<figure>`` whose ``<img>`` has ``description`` as ``alt``.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        The figure, drawn as a notebook shows it (tight bounding box).
    description : str
        Its text alternative, in French.
    caption : bool, default=True
        Also write the description under the image, for every reader.

    Returns
    -------
    str
    """
    return _figure_html(_png(figure), description, caption)


def show_figure(target: Figure | Axes, description: str, *, caption: bool = True) -> None:
    """Show a figure in the notebook with a text alternative, then close it.

    Jupyter shows a matplotlib figure as a bare image, without ``alt`` text: a
    screen reader says only "image". This displays it as HTML, whose ``<img>``
    carries ``description``, written under it too (``caption``); a PNG copy
    and the plain text go with it for the viewers that do not show HTML.

    Parameters
    ----------
    target : matplotlib.figure.Figure or matplotlib.axes.Axes
        The figure, or one of its axes (e.g. what :func:`plot_roc` returns).
    description : str
        What the figure shows, in French (:func:`describe_roc`,
        :func:`describe_confusion_matrix`, or a sentence of the module).
    caption : bool, default=True
        Also write the description under the image.
    """
    from IPython.display import display

    figure: Any = target
    while not isinstance(figure, Figure):  # an axes, or a subfigure: up to the figure
        figure = figure.figure
    png = _png(figure)
    bundle = {
        "text/html": _figure_html(png, description, caption),
        "image/png": base64.b64encode(png).decode("ascii"),
        "text/plain": description,
    }
    display(bundle, raw=True)
    plt.close(figure)
