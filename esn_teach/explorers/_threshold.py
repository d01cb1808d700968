"""Threshold explorer: a slider drives the confusion matrix, metrics and ROC point."""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable
from typing import cast

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from esn_teach._formatting import fr_number
from esn_teach._validation import check_finite_scalar
from esn_teach.evaluation import (
    ConfusionCounts,
    confusion_at_threshold,
    diagnostic_metrics,
    roc,
)
from esn_teach.explorers._blit import blit_png, freeze_background
from esn_teach.explorers._controls import french_readout, show_explorer
from esn_teach.explorers._figure import ExplorerFigure, side_by_side
from esn_teach.explorers._table import new_table_id, styled_table
from esn_teach.plotting import accessible_style, describe_roc, plot_roc

__all__ = ["ThresholdExplorer"]

_METRIC_LABELS = [
    ("sensitivity", "Sensibilité", "VP / (VP + FN) : parmi les malades, part détectée"),
    ("specificity", "Spécificité", "VN / (VN + FP) : parmi les non-malades, part rassurée"),
    (
        "ppv",
        "Valeur prédictive positive (VPP)",
        "VP / (VP + FP) : parmi les tests positifs, part de personnes réellement malades",
    ),
    (
        "npv",
        "Valeur prédictive négative (VPN)",
        "VN / (VN + FN) : parmi les tests négatifs, part de personnes non malades",
    ),
    ("accuracy", "Exactitude", "(VP + VN) / total : part de bonnes réponses"),
]

_TRUTH = ["Non malade", "Malade"]
_TEST = ["Test négatif", "Test positif"]
_CELL_NAMES = pd.DataFrame(
    [["Vrais négatifs (VN)", "Faux positifs (FP)"], ["Faux négatifs (FN)", "Vrais positifs (VP)"]],
    index=_TRUTH,
    columns=_TEST,
)


class ThresholdExplorer:
    """Interactive explorer of a diagnostic score's threshold.

    Moving the slider recomputes the confusion matrix (a table whose cells
    are named and counted in text), the metrics, and moves the current point
    along the ROC curve. The ROC curve is drawn once; each update only redraws
    the point on a cached background (Agg blitting), which keeps the callback
    well under 100 ms.

    Parameters
    ----------
    y_true : array-like of shape (n,)
        Truth, 1 = diseased.
    scores : array-like of shape (n,)
        Scores in [0, 1]; higher means more likely diseased.
    threshold : float, default=0.5
        Initial threshold.
    step : float, default=0.01
        Slider step.
    show_auc : bool, default=True
        Write the AUC in the legend (hide it while a question asks for it).
    show_formulas : bool, default=True
        Write each metric's formula (``VP / (VP + FN)``) beside its meaning; hide
        the formulas while a question asks to compute one of them, keeping the
        meaning in words.

    Attributes
    ----------
    slider : ipywidgets.FloatSlider
        The threshold control (keyboard: arrow keys once focused); its value is
        written beside it with a decimal comma (``readout``).
    readout : ipywidgets.Label
        The slider's value, e.g. ``"0,50"``.
    matrix : ipywidgets.HTML
        Confusion matrix and metrics, as text.
    image : ipywidgets.Image
        The ROC curve with the current point, shown at its drawn size; its
        ``tooltip`` (the ``<img>``'s title) is the text alternative.
    figure_view : ExplorerFigure
        The image and its text alternative, also written under it.
    widget : ipywidgets.VBox
        What to display in the notebook.
    controls : dict
        The explorer's controls by name (what a student moves), used by the
        benchmarks and browser tests to drive any explorer the same way.
    metrics : dict
        The metrics currently shown.
    """

    def __init__(
        self,
        y_true: ArrayLike,
        scores: ArrayLike,
        *,
        threshold: float = 0.5,
        step: float = 0.01,
        show_auc: bool = True,
        show_formulas: bool = True,
    ) -> None:
        self.y_true = np.asarray(y_true).astype(int)
        self.scores = np.asarray(scores, dtype=float)
        if self.y_true.shape != self.scores.shape:
            raise ValueError(
                "y_true et scores doivent avoir la même longueur : "
                f"{self.y_true.size} et {self.scores.size} valeurs reçues."
            )
        check_finite_scalar(threshold, "threshold", numbers.Real, min_val=0.0, max_val=1.0)
        step = check_finite_scalar(
            step, "step", numbers.Real, min_val=0.0, max_val=1.0, include_boundaries="right"
        )
        self.curve = roc(self.y_true, self.scores)
        with accessible_style():
            self.figure = Figure(figsize=(4.6, 4.4), layout="constrained")
            self._canvas = FigureCanvasAgg(self.figure)
            ax = self.figure.add_subplot()
            plot_roc(
                self.curve,
                ax=ax,
                point=(0.0, 0.0),
                title="Courbe ROC et point du seuil choisi",
                show_auc=show_auc,
            )
            self._ax = ax
            self._point = ax.lines[-1]
            self._label = ax.annotate(
                "",
                (0, 0),
                xytext=(8, -14),
                textcoords="offset points",
                fontsize=10,
                fontweight="bold",
            )
            self._point.set_animated(True)
            self._label.set_animated(True)
            self._background = freeze_background(self._canvas)
        self.slider = widgets.FloatSlider(
            value=threshold,
            min=0.0,
            max=1.0,
            step=step,
            description="Seuil de décision",
            continuous_update=True,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="80%"),
        )
        # As many decimals as the step needs, and at least two: 0,50 ; 0,505.
        digits = max(2, -math.floor(math.log10(step) + 1e-9))
        slider_box, self.readout = french_readout(self.slider, digits=digits)
        self.matrix = widgets.HTML()
        self.figure_view = ExplorerFigure()
        self.image = self.figure_view.image
        self._show_auc = show_auc
        self._show_formulas = show_formulas
        self.slider.observe(self._on_change, names="value")
        self.controls: dict[str, widgets.ValueWidget] = {"seuil": self.slider}
        self.widget = widgets.VBox([slider_box, side_by_side(self.matrix, self.figure_view.widget)])
        self.metrics: dict[str, float] = {}
        self._table_id = new_table_id()
        self.update(threshold)

    def _on_change(self, change: dict) -> None:
        self.update(float(change["new"]))

    def render_png(self) -> bytes:
        """Return the ROC figure, with the current point, as PNG bytes."""
        return blit_png(self._canvas, self._background, (self._point, self._label))

    def update(self, threshold: float) -> dict[str, float]:
        """Recompute everything for ``threshold`` and redraw.

        Parameters
        ----------
        threshold : float
            The new threshold.

        Returns
        -------
        dict
            The metrics shown (see :func:`esn_teach.evaluation.diagnostic_metrics`).
        """
        counts = confusion_at_threshold(self.y_true, self.scores, threshold)
        metrics = diagnostic_metrics(self.y_true, self.scores, threshold)
        x, y = 1 - metrics["specificity"], metrics["sensitivity"]
        self._point.set_data([x], [y])
        self._label.xy = (x, y)
        # Keep the label inside the axes: to the left of points near the right edge.
        self._label.set_position((-70 if x > 0.7 else 8, 8 if y < 0.15 else -14))
        self._label.set_text(f"seuil {fr_number(threshold, 2)}")
        self.figure_view.show(
            self.render_png(),
            describe_roc(self.curve, point=(x, y), threshold=threshold, show_auc=self._show_auc),
        )
        self.matrix.value = _matrix_html(counts, threshold, self._table_id) + _metrics_html(
            metrics, self._table_id, formulas=self._show_formulas
        )
        self.metrics = metrics
        return metrics

    def _ipython_display_(self) -> None:
        show_explorer(self.widget)


def _matrix_html(counts: ConfusionCounts, threshold: float, table_id: str) -> str:
    count_frame = pd.DataFrame(counts.as_array(), index=_TRUTH, columns=_TEST)
    # Each cell names its kind of result and writes its count.
    cells = _CELL_NAMES + "<br><b>" + count_frame.astype(str) + "</b>"
    styler = styled_table(
        cells,
        caption=f"Matrice de confusion au seuil {fr_number(threshold, 2)}",
        table_id=f"{table_id}_matrice",
        corner="Réalité \\ Test",
    ).format(escape=None)
    # Grey shading doubles the count, which is always written: never colour alone. Black
    # text on the darkest grey (half of the colour map) keeps a contrast of 7:1.
    styler.background_gradient(
        cmap="Greys",
        axis=None,
        gmap=count_frame,
        vmin=0,
        vmax=max(counts.total, 1),
        high=1.0,
        text_color_threshold=0,
    )
    return styler.set_table_styles(
        [{"selector": "td", "props": "text-align:center"}], overwrite=False
    ).to_html()


def _metrics_html(metrics: dict[str, float], table_id: str, *, formulas: bool = True) -> str:
    column = "Formule et sens" if formulas else "Sens"
    frame = pd.DataFrame(
        {
            "Valeur": [metrics[key] for key, _, _ in _METRIC_LABELS],
            column: [
                text if formulas else text.split(" : ", 1)[1] for _, _, text in _METRIC_LABELS
            ],
        },
        index=[label for _, label, _ in _METRIC_LABELS],
    )
    return (
        styled_table(
            frame,
            caption="Indicateurs",
            table_id=f"{table_id}_indicateurs",
            header=False,
            text_columns=[column],
            bold_columns=["Valeur"],
        )
        .format(cast("Callable[[object], str]", fr_number), subset=["Valeur"])
        .to_html()
    )
