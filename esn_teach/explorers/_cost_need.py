"""Cost-versus-need explorer: the training label and the programme threshold decide who is enrolled.

A care-management programme enrols the patients whose risk score is at or above
a percentile. The explorer lets the student choose what the score was trained to
predict (next year's cost of care, or next year's number of active chronic
conditions) and the percentile, and shows, per group, who is enrolled and how
sick the enrolled patients are; a figure shows illness against the score
percentile for each group (at equal score, is one group sicker?).
"""

from __future__ import annotations

import numbers
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from esn_teach._formatting import fr_count, fr_number, fr_percent
from esn_teach._validation import check_finite_scalar, kind_of
from esn_teach.datasets import enrolled
from esn_teach.explorers._blit import blit_png, freeze_background
from esn_teach.explorers._controls import french_readout, show_explorer
from esn_teach.explorers._figure import ExplorerFigure, side_by_side
from esn_teach.explorers._table import new_table_id, styled_table
from esn_teach.plotting import LINESTYLES, MARKERS, PALETTE, accessible_style

__all__ = ["LABEL_NAMES", "CostNeedExplorer", "selection_by_group"]

#: The two training labels offered by the dropdown, with their French names.
LABEL_NAMES: dict[str, str] = {
    "cost": "Coût des soins de l'année suivante",
    "health": "Maladies chroniques de l'année suivante",
}

_GROUP_NAMES = {"White": "Patients blancs", "Black": "Patients noirs"}
_GROUP_STYLES = [
    (PALETTE["blue"], MARKERS[0], LINESTYLES[0]),
    (PALETTE["vermillion"], MARKERS[1], LINESTYLES[1]),
    (PALETTE["bluish_green"], MARKERS[2], LINESTYLES[2]),
    (PALETTE["reddish_purple"], MARKERS[3], LINESTYLES[3]),
]
_MIN_PERCENTILE, _MAX_PERCENTILE = 50.0, 99.5


class CostNeedExplorer:
    """Interactive explorer of the label choice in a care-management algorithm.

    Two controls: the label the risk score was trained on (``"cost"`` or
    ``"health"``) and the programme threshold, a percentile of the score.
    Patients whose score is at or above that percentile are enrolled (the same
    rule as :func:`esn_teach.datasets.top_share`). For each group the explorer
    shows, as a French HTML table, the number of patients and of enrolled
    patients, the selection rate (enrolled / patients of the group), the group's
    share of the enrolled, and the mean illness of its enrolled patients. The
    figure plots the mean illness against the score percentile, one line per
    group, with the threshold as a vertical line: it is drawn once, and each
    update only redraws the lines, the threshold and a caption on a cached
    background (Agg blitting), which keeps the callback well under 100 ms.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per patient, e.g. from
        :func:`esn_teach.datasets.make_cost_vs_need_cohort`.
    scores : mapping of str to array-like
        The risk score of every row for each label: keys ``"cost"`` and
        ``"health"`` (e.g. from :func:`esn_teach.datasets.fit_risk_score`).
    label : {"cost", "health"}, default="cost"
        Initial label; one of ``labels``.
    labels : sequence of {"cost", "health"}, optional
        The labels the dropdown offers, both by default. A notebook can hold
        one back, e.g. the label whose numbers answer questions not yet
        solved: a label left out is neither offered nor computed, and
        ``scores`` need not have it.
    percentile : float, default=97.0
        Initial threshold, in [50, 99.5]; 97 enrols the top 3 %.
    group_column : str, default="race"
        Column of ``frame`` holding the group of each patient.
    need_column : str, default="n_chronic_next"
        Column of ``frame`` measuring illness (the need for care).
    n_bins : int, default=20
        Number of equal-width percentile bins of the figure.
    show_need : bool, default=True
        Whether the table shows the mean illness of each group's enrolled
        patients. A notebook can hide that row while it would give away, or
        let a student rebuild, answers not yet solved; ``compute`` and
        ``table`` still hold the numbers, and the figure is unchanged.

    Attributes
    ----------
    label_dropdown : ipywidgets.Dropdown
        The label control.
    percentile_slider : ipywidgets.FloatSlider
        The threshold control (keyboard: arrow keys once focused); its value
        is written beside it the French way (``readout``, e.g. ``"97,5ᵉ centile"``).
    readout : ipywidgets.Label
        The slider's value, in French.
    controls : dict
        The controls by name (``"cible"`` when more than one label is offered,
        ``"centile"``), used by the
        benchmarks and browser tests to drive any explorer the same way.
    table : pandas.DataFrame
        The numbers currently shown, one row per group, columns
        ``n_patients``, ``n_selected``, ``selection_rate``,
        ``share_of_selected`` and ``mean_need_selected``.
    threshold_score : float
        The score at the chosen percentile.
    summary : ipywidgets.HTML
        The numbers, as text.
    image : ipywidgets.Image
        The figure, shown at its drawn size; its ``tooltip`` (the ``<img>``'s
        title) is the text alternative.
    figure_view : ExplorerFigure
        The image and its text alternative, also written under it.
    widget : ipywidgets.VBox
        What to display in the notebook.

    Raises
    ------
    TypeError
        If ``frame`` is not a DataFrame, ``scores`` not a mapping,
        ``percentile`` not a number or ``n_bins`` not an int.
    ValueError
        If a column is missing, a score array has the wrong length or is not
        finite, ``label`` is unknown or not offered, ``labels`` is empty or
        holds an unknown label, ``percentile`` is out of range, there are
        fewer than two or more than four groups, or ``n_bins`` is not between
        2 and 100.
    """

    def __init__(
        self,
        frame: pd.DataFrame,
        scores: Mapping[str, ArrayLike],
        *,
        label: str = "cost",
        labels: Sequence[str] | None = None,
        percentile: float = 97.0,
        group_column: str = "race",
        need_column: str = "n_chronic_next",
        n_bins: int = 20,
        show_need: bool = True,
    ) -> None:
        if not isinstance(frame, pd.DataFrame):
            raise TypeError(
                f"« frame » doit être un tableau pandas (DataFrame) ; reçu : {kind_of(frame)}."
            )
        if not isinstance(scores, Mapping):
            raise TypeError(
                f"« scores » doit être un dictionnaire {{cible: scores}}, reçu : {kind_of(scores)}."
            )
        missing = [c for c in (group_column, need_column) if c not in frame.columns]
        if missing:
            raise ValueError(f"colonnes absentes du tableau « frame » : {', '.join(missing)}.")
        check_finite_scalar(n_bins, "n_bins", numbers.Integral, min_val=2, max_val=100)
        if not isinstance(show_need, bool):
            raise TypeError(f"« show_need » doit être True ou False ; reçu : {kind_of(show_need)}.")
        self.show_need = show_need
        offered = list(LABEL_NAMES) if labels is None else list(labels)
        if not offered or isinstance(labels, str):
            raise ValueError(
                f"« labels » doit être une liste non vide de cibles parmi "
                f"{', '.join(map(repr, LABEL_NAMES))} ; valeur reçue : {labels!r}."
            )
        for key in offered:
            _check_label(key)
        _check_label(label)
        if label not in offered:
            raise ValueError(
                f"« label » ({label!r}) doit être l'une des cibles offertes : "
                f"{', '.join(map(repr, offered))}."
            )
        _check_percentile(percentile)
        n = len(frame)
        self.labels: list[str] = [key for key in LABEL_NAMES if key in offered]
        self.scores: dict[str, np.ndarray] = {}
        for key in self.labels:
            if key not in scores:
                raise ValueError(
                    f"« scores » doit avoir les clés {', '.join(map(repr, self.labels))} ; "
                    f"il manque {key!r}."
                )
            values = np.asarray(scores[key], dtype=float)
            if values.shape != (n,):
                raise ValueError(
                    f"scores[{key!r}] doit avoir une valeur par ligne du tableau ({n}) ; "
                    f"forme reçue : {values.shape}."
                )
            if not np.all(np.isfinite(values)):
                raise ValueError(
                    f"scores[{key!r}] contient des valeurs manquantes (NaN) ou infinies."
                )
            self.scores[key] = values
        group_values = frame[group_column].astype(str).to_numpy()
        self.groups: list[str] = [str(g) for g in pd.unique(group_values)]
        self.groups.sort(key=lambda g: list(_GROUP_NAMES).index(g) if g in _GROUP_NAMES else 99)
        if not 2 <= len(self.groups) <= len(_GROUP_STYLES):
            raise ValueError(
                f"l'explorateur compare de 2 à {len(_GROUP_STYLES)} groupes ; "
                f"la colonne {group_column!r} en compte {len(self.groups)}."
            )
        index = {g: i for i, g in enumerate(self.groups)}
        self._codes = np.fromiter((index[g] for g in group_values), dtype=np.int64, count=n)
        self.need = frame[need_column].to_numpy(dtype=float)
        self._n_groups = np.bincount(self._codes, minlength=len(self.groups))
        self.group_column, self.need_column = group_column, need_column
        self._curves = {
            key: self._binned_need(values, n_bins) for key, values in self.scores.items()
        }

        self._build_figure()
        self.label_dropdown = widgets.Dropdown(
            options=[(LABEL_NAMES[key], key) for key in self.labels],
            value=label,
            description="Cible prédite par le score",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="max-content", max_width="100%"),
        )
        self.percentile_slider = widgets.FloatSlider(
            value=float(percentile),
            min=_MIN_PERCENTILE,
            max=_MAX_PERCENTILE,
            step=0.5,
            description="Seuil du programme (centile du score)",
            continuous_update=True,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="80%"),
        )
        slider_box, self.readout = french_readout(
            self.percentile_slider, formatter=lambda value: f"{_fr_percentile(value)} centile"
        )
        self.summary = widgets.HTML()
        self.figure_view = ExplorerFigure()
        self.image = self.figure_view.image
        self._shapes = {key: self._curve_shape(means) for key, (_, means) in self._curves.items()}
        self.label_dropdown.observe(self._on_change, names="value")
        self.percentile_slider.observe(self._on_change, names="value")
        # A menu with a single choice offers nothing to choose: a single label is stated in
        # words, and only the slider is a control.
        if len(self.labels) > 1:
            self.controls: dict[str, widgets.ValueWidget] = {
                "cible": self.label_dropdown,
                "centile": self.percentile_slider,
            }
            target: widgets.Widget = self.label_dropdown
        else:
            self.controls = {"centile": self.percentile_slider}
            target = widgets.HTML(
                f"Cible prédite par le score : <b>{LABEL_NAMES[self.labels[0]]}</b>"
            )
        self.widget = widgets.VBox(
            [target, slider_box, side_by_side(self.summary, self.figure_view.widget)]
        )
        self.table = pd.DataFrame()
        self.threshold_score = float("nan")
        self._table_id = new_table_id()
        self.update(label, percentile)

    # -- computations -------------------------------------------------------------------------

    def _binned_need(self, values: np.ndarray, n_bins: int) -> tuple[np.ndarray, np.ndarray]:
        """Mean need per (group, percentile bin) of ``values``; NaN for empty cells."""
        ranks = np.argsort(np.argsort(values, kind="stable"), kind="stable")
        bins = np.minimum(ranks * n_bins // len(values), n_bins - 1)
        cell = self._codes * n_bins + bins
        size = len(self.groups) * n_bins
        counts = np.bincount(cell, minlength=size).reshape(len(self.groups), n_bins)
        sums = np.bincount(cell, weights=self.need, minlength=size).reshape(counts.shape)
        with np.errstate(invalid="ignore", divide="ignore"):
            means = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
        centres = (np.arange(n_bins) + 0.5) * 100 / n_bins
        return centres, means

    def compute(self, label: str, percentile: float) -> pd.DataFrame:
        """Return the per-group numbers for ``label`` and ``percentile``, without redrawing.

        Parameters
        ----------
        label : {"cost", "health"}
            The training label of the score, one of the labels offered.
        percentile : float
            The threshold, in [50, 99.5]: patients whose score is at or above this
            percentile of the scores are enrolled.

        Returns
        -------
        pandas.DataFrame
            One row per group; see the ``table`` attribute.
        """
        _check_label(label)
        if label not in self.scores:
            raise ValueError(
                f"la cible {label!r} n'est pas offerte par cet explorateur "
                f"(cibles offertes : {', '.join(map(repr, self.labels))})."
            )
        _check_percentile(percentile)
        values = self.scores[label]
        self.threshold_score = float(np.percentile(values, percentile))
        selected = values >= self.threshold_score
        k = len(self.groups)
        n_selected = np.bincount(self._codes[selected], minlength=k)
        need_sum = np.bincount(self._codes[selected], weights=self.need[selected], minlength=k)
        total = max(int(n_selected.sum()), 1)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean_need = np.where(n_selected > 0, need_sum / np.maximum(n_selected, 1), np.nan)
        return pd.DataFrame(
            {
                "n_patients": self._n_groups,
                "n_selected": n_selected,
                "selection_rate": n_selected / self._n_groups,
                "share_of_selected": n_selected / total,
                "mean_need_selected": mean_need,
            },
            index=pd.Index(self.groups, name=self.group_column),
        )

    # -- drawing ------------------------------------------------------------------------------

    def _build_figure(self) -> None:
        top = max(np.nanmax(means) for _, means in self._curves.values())
        with accessible_style():
            self.figure = Figure(figsize=(5.0, 4.4), layout="constrained")
            self._canvas = FigureCanvasAgg(self.figure)
            ax = self.figure.add_subplot()
            self._lines = []
            for group, (colour, marker, dash) in zip(self.groups, _GROUP_STYLES, strict=False):
                (line,) = ax.plot(
                    [],
                    [],
                    color=colour,
                    marker=marker,
                    linestyle=dash,
                    label=_GROUP_NAMES.get(group, group),
                )
                line.set_animated(True)
                self._lines.append(line)
            self._vline = ax.axvline(
                97.0,
                color=PALETTE["black"],
                linestyle=":",
                marker="",
                linewidth=1.5,
                label="Seuil du programme",
            )
            self._vline.set_animated(True)
            self._caption = ax.text(
                0.03, 0.97, "", transform=ax.transAxes, va="top", ha="left", fontsize=10
            )
            self._caption.set_animated(True)
            ax.set_xlim(0, 100)
            ax.set_ylim(0, top * 1.15)
            ax.set_xlabel("Centile du score de risque (100 = risque le plus élevé)")
            ax.set_ylabel("Maladies chroniques actives\n(moyenne, année suivante)")
            ax.set_title("À score égal, qui est le plus malade ?")
            ax.legend(loc="center left")
            self._ax = ax
            self._background = freeze_background(self._canvas)

    def _curve_shape(self, means: np.ndarray) -> str:
        """Say which group's curve is the highest, in how many percentile bins."""
        filled = ~np.isnan(means).any(axis=0)
        if not filled.any():
            return ""
        highest = np.bincount(np.nanargmax(means[:, filled], axis=0), minlength=len(self.groups))
        top = int(np.argmax(highest))
        name = _GROUP_NAMES.get(self.groups[top], f"groupe {self.groups[top]}")
        return (
            f" La courbe des {name[0].lower()}{name[1:]} est la plus haute dans {highest[top]} "
            f"tranches de centile sur {int(filled.sum())}."
        )

    def _describe(self, label: str, percentile: float) -> str:
        """Text alternative of the figure."""
        groups = ", ".join(_GROUP_NAMES.get(g, f"groupe {g}").lower() for g in self.groups)
        return (
            "Courbes du nombre moyen de maladies chroniques actives l'année suivante selon le "
            f"centile du score de risque, une par groupe ({groups}) ; score entraîné à prédire "
            f"la cible « {LABEL_NAMES[label].lower()} » ; seuil du programme au "
            f"{_fr_percentile(percentile)} centile (ligne verticale).{self._shapes[label]}"
        )

    def render_png(self) -> bytes:
        """Return the figure, in its current state, as PNG bytes."""
        return blit_png(self._canvas, self._background, (*self._lines, self._vline, self._caption))

    # -- interaction --------------------------------------------------------------------------

    def _on_change(self, change: dict) -> None:
        self.update(self.label_dropdown.value, float(self.percentile_slider.value))

    def update(self, label: str | None = None, percentile: float | None = None) -> pd.DataFrame:
        """Recompute the numbers for ``label`` and ``percentile`` and redraw.

        Parameters
        ----------
        label : {"cost", "health"}, optional
            The training label; the dropdown's value when omitted.
        percentile : float, optional
            The threshold percentile; the slider's value when omitted.

        Returns
        -------
        pandas.DataFrame
            The per-group numbers shown (also kept in ``table``).
        """
        label = self.label_dropdown.value if label is None else label
        percentile = float(self.percentile_slider.value if percentile is None else percentile)
        table = self.compute(label, percentile)
        centres, means = self._curves[label]
        for line, row in zip(self._lines, means, strict=True):
            line.set_data(centres, row)
        self._vline.set_xdata([percentile, percentile])
        self._caption.set_text(
            f"Cible : {LABEL_NAMES[label].lower()}\nSeuil : {_fr_percentile(percentile)} centile"
        )
        self.figure_view.show(self.render_png(), self._describe(label, percentile))
        shown = table if self.show_need else table.drop(columns="mean_need_selected")
        self.summary.value = _summary_html(shown, label, percentile, self._table_id)
        self.table = table
        return table

    def _ipython_display_(self) -> None:
        show_explorer(self.widget)


def selection_by_group(
    scores: ArrayLike, groups: ArrayLike, need: ArrayLike, *, percentile: float = 97.0
) -> pd.DataFrame:
    """Who a programme enrols at a percentile of ``scores``, group by group.

    The same numbers as the explorer's table, from plain arrays: patients whose
    score is at or above ``percentile`` are enrolled (the rule of
    :func:`esn_teach.datasets.top_share`).

    Parameters
    ----------
    scores : array-like of float, shape (n,)
        Risk score of each patient.
    groups : array-like, shape (n,)
        Group of each patient (converted to text).
    need : array-like of float, shape (n,)
        Illness of each patient, e.g. next year's active chronic conditions.
    percentile : float, default=97.0
        Threshold, in [0, 100); ``0`` enrols everyone.

    Returns
    -------
    pandas.DataFrame
        One row per group (in order of first appearance), columns
        ``n_patients``, ``n_selected``, ``selection_rate``,
        ``share_of_selected`` and ``mean_need_selected`` (NaN for a group with
        nobody enrolled).

    Raises
    ------
    TypeError
        If ``percentile`` is not a number.
    ValueError
        If the arrays are not 1-D of equal length, are empty, hold NaN scores,
        or ``percentile`` is out of range.
    """
    s = np.asarray(scores, dtype=float)
    g = np.asarray(groups).astype(str)
    y = np.asarray(need, dtype=float)
    if s.ndim != 1 or s.shape != g.shape or s.shape != y.shape or s.size == 0:
        raise ValueError(
            "scores, groups et need doivent être des listes de valeurs non vides et de même "
            f"longueur ; formes reçues : {s.shape}, {g.shape} et {y.shape}."
        )
    if not np.all(np.isfinite(s)):
        raise ValueError("scores contient des valeurs manquantes (NaN) ou infinies.")
    selected = enrolled(s, percentile=percentile)
    rows = {}
    for group in pd.unique(g):
        in_group = g == group
        chosen = selected & in_group
        rows[str(group)] = {
            "n_patients": int(in_group.sum()),
            "n_selected": int(chosen.sum()),
            "selection_rate": float(chosen.sum() / in_group.sum()),
            "share_of_selected": float(chosen.sum() / selected.sum()),
            "mean_need_selected": float(y[chosen].mean()) if chosen.any() else float("nan"),
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def _check_label(label: object) -> None:
    if label not in LABEL_NAMES:
        raise ValueError(
            f"« label » doit être l'une des cibles {', '.join(map(repr, LABEL_NAMES))} ; "
            f"valeur reçue : {label!r}."
        )


def _check_percentile(percentile: object) -> None:
    check_finite_scalar(
        percentile, "percentile", numbers.Real, min_val=_MIN_PERCENTILE, max_val=_MAX_PERCENTILE
    )


def _fr_percentile(percentile: float) -> str:
    """French ordinal of a percentile: ``97.0`` → ``"97ᵉ"``, ``97.5`` → ``"97,5ᵉ"``."""
    digits = 0 if float(percentile).is_integer() else 1
    return f"{fr_number(float(percentile), digits)}ᵉ"


#: Rows of the summary table: column of :meth:`CostNeedExplorer.compute` → French label.
_SUMMARY_ROWS = {
    "n_patients": "Patients",
    "n_selected": "Inscrits au programme",
    "selection_rate": "Taux de sélection (inscrits / patients du groupe)",
    "share_of_selected": "Part parmi les inscrits",
    "mean_need_selected": "Maladies chroniques des inscrits (moyenne)",
}


_ROW_FORMATS: dict[str, Callable[[Any], str]] = {
    "selection_rate": fr_percent,
    "share_of_selected": fr_percent,
    "mean_need_selected": partial(fr_number, digits=2),
}


def _summary_html(table: pd.DataFrame, label: str, percentile: float, table_id: str) -> str:
    # object dtype keeps the counts integers once groups become columns.
    shown = table.astype(object).rename(columns=_SUMMARY_ROWS).T
    shown.columns = [_GROUP_NAMES.get(str(g), str(g)) for g in table.index]
    n_total = int(table["n_selected"].sum())
    return styled_table(
        shown,
        caption=(
            f"Cible : {LABEL_NAMES[label].lower()} ; seuil : {_fr_percentile(percentile)} "
            f"centile ({fr_count(n_total)} inscrits)"
        ),
        table_id=f"{table_id}_inscrits",
        corner="Groupe",
        row_formats={
            _SUMMARY_ROWS[column]: formatter
            for column, formatter in _ROW_FORMATS.items()
            if column in table.columns  # the need row may be hidden
        },
    ).to_html()
