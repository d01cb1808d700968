"""Pulse-oximetry explorer: alarm threshold and device bias → per-group alarm sensitivity."""

from __future__ import annotations

import numbers
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from esn_teach._formatting import fr_number, fr_percent
from esn_teach._validation import check_finite_scalar
from esn_teach.checks import passed
from esn_teach.datasets import make_pulse_oximetry
from esn_teach.datasets._oximetry import DEFAULT_BLACK_FRACTION, DEFAULT_DEVICE_BIAS
from esn_teach.explorers._blit import blit_png, freeze_background
from esn_teach.explorers._controls import french_readout, show_explorer
from esn_teach.explorers._figure import ExplorerFigure, side_by_side
from esn_teach.explorers._table import new_table_id, styled_table
from esn_teach.plotting import LINESTYLES, MARKERS, PALETTE, accessible_style

__all__ = ["GroupAlarmStats", "OximetryExplorer"]

#: SaO2 below which a patient is truly hypoxemic (Sjoding et al., 2020).
HYPOXEMIA_SAO2 = 88.0
#: Displayed SpO2 range that looks reassuring (inclusive), as in Sjoding et al. (2020).
REASSURING_SPO2 = (92, 96)

_GROUPS = (("White", "Patients blancs"), ("Black", "Patients noirs"))
_STYLES = (
    (PALETTE["blue"], MARKERS[0], LINESTYLES[0]),
    (PALETTE["vermillion"], MARKERS[1], LINESTYLES[1]),
)
_THRESHOLD_RANGE = (85, 100)
_BIAS_RANGE = (0.0, 6.0)
#: Rows whose Black patients' value ``hidden_until`` may hide: the rates a notebook asks
#: students to compute, each with the sliders its value depends on (the occult hypoxemia rate
#: does not depend on the alarm threshold).
HIDEABLE_ROWS = {"sensitivity": ("threshold", "bias"), "occult_rate": ("bias",)}
#: The group whose values the questions ask.
_HIDDEN_GROUP = "Black"
#: What a hidden cell shows.
_HIDDEN = "cachée"


def _hidden_note(questions: list[str]) -> str:
    """Return the caption's explanation of « cachée », naming the questions it hides."""
    names = " et ".join(f"« {name} »" for name in questions)
    if len(questions) > 1:
        what, shown, stays = (
            f"ce sont les réponses des questions {names}",
            "affichées",
            "elles restent cachées",
        )
    else:
        what, shown, stays = (
            f"c'est la réponse de la question {names}",
            "affichée",
            "elle reste cachée",
        )
    return (
        f" ; « cachée » : à ce réglage, {what}, {shown} quand la vérification de votre réponse "
        "aura dit « juste » (bougez alors un curseur). En séance évaluée, aucune vérification "
        f"ne dit « juste » pendant la séance : {stays} ; les autres réglages restent visibles"
    )


@dataclass(frozen=True)
class GroupAlarmStats:
    """What the alarm does in one group, for one threshold and one device bias.

    Attributes
    ----------
    pairs : int
        SaO2/SpO2 pairs in the group.
    hypoxemic : int
        Pairs with true hypoxemia (SaO2 < 88 %).
    detected : int
        Hypoxemic pairs for which the alarm sounds (SpO2 below the threshold).
    missed : int
        Hypoxemic pairs for which the alarm stays silent (false negatives).
    false_alarms : int
        Pairs without severe hypoxemia (SaO2 ≥ 88 %) for which the alarm sounds (false
        positives).
    sensitivity : float
        ``detected / hypoxemic`` (NaN without hypoxemic pair).
    reassuring : int
        Pairs whose SpO2 lies in the reassuring range 92-96 %.
    occult : int
        Reassuring pairs with true hypoxemia (occult hypoxemia).
    occult_rate : float
        ``occult / reassuring`` (NaN without reassuring pair).
    """

    pairs: int
    hypoxemic: int
    detected: int
    missed: int
    false_alarms: int
    sensitivity: float
    reassuring: int
    occult: int
    occult_rate: float


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else float("nan")


def _group_stats(spo2: np.ndarray, hypoxemic: np.ndarray, threshold: int) -> GroupAlarmStats:
    alarm = spo2 < threshold
    n_hypoxemic = int(hypoxemic.sum())
    detected = int((alarm & hypoxemic).sum())
    reassuring = (spo2 >= REASSURING_SPO2[0]) & (spo2 <= REASSURING_SPO2[1])
    n_reassuring = int(reassuring.sum())
    occult = int((reassuring & hypoxemic).sum())
    return GroupAlarmStats(
        pairs=int(spo2.size),
        hypoxemic=n_hypoxemic,
        detected=detected,
        missed=n_hypoxemic - detected,
        false_alarms=int((alarm & ~hypoxemic).sum()),
        sensitivity=_ratio(detected, n_hypoxemic),
        reassuring=n_reassuring,
        occult=occult,
        occult_rate=_ratio(occult, n_reassuring),
    )


class OximetryExplorer:
    """Interactive explorer of an oximeter alarm and of the device's bias.

    The data are the synthetic SaO2/SpO2 pairs of
    :func:`esn_teach.datasets.make_pulse_oximetry`, regenerated with the same
    ``random_state`` for each device bias: the patients, their true SaO2 and
    the measurement noise stay the same, only the extra over-estimation of
    SpO2 in Black patients changes (given at SaO2 = 88 %; it grows with
    desaturation, see the generator). The alarm sounds when the displayed SpO2
    is strictly below the threshold; a pair is truly hypoxemic when SaO2 < 88 %.

    Two sliders (the alarm threshold, the device bias) drive a table, per
    group, of the alarm's sensitivity, missed hypoxemias, false alarms and
    occult hypoxemia rate, and a figure of sensitivity against threshold with
    the current threshold marked. The figure's frame is drawn once; each update
    only redraws the curves and markers on a cached background (Agg
    blitting), which keeps the callback well under 100 ms.

    Parameters
    ----------
    random_state : int, default=2020
        Seed of the generator. Use the seed of the notebook's data so that the
        explorer shows the same patients.
    n_samples : int, default=20_000
        Number of SaO2/SpO2 pairs.
    threshold : int, default=92
        Initial alarm threshold (alarm if SpO2 < threshold), in [85, 100].
    device_bias : float, default=2.9
        Initial extra over-estimation of SpO2 in Black patients at SaO2 = 88 %,
        in percentage points, in [0, 6].
    black_fraction : float, default=276/1609
        Share of Black patients, passed to the generator.
    hidden_until : mapping of str to str, optional
        Row → question, e.g. ``{"occult_rate": "taux_occulte_noirs",
        "sensitivity": "sensibilite_noirs"}`` (rows of :data:`HIDEABLE_ROWS`).
        While the sliders a row depends on are at their initial setting (the
        one the notebook's questions ask about: threshold and bias for the
        sensitivity, the bias alone for the occult hypoxemia rate) and
        :func:`esn_teach.checks.passed` is False for its question, the Black
        patients' value of that row is hidden: the table writes « cachée » and
        its caption says why, and the figure (« ? ») and its text alternative
        hide that sensitivity too. The explorer, which a stuck student still
        needs, thus does not show an answer before it is verified right, and
        the notebook holds neither the answer nor its digest. Checked at every
        update (a set lookup): once the question is passed, moving a slider
        shows the value.

    Attributes
    ----------
    threshold_slider : ipywidgets.IntSlider
        The alarm threshold.
    bias_slider : ipywidgets.FloatSlider
        The device bias in Black patients; its value is written beside it
        with a decimal comma (``readout``).
    readout : ipywidgets.Label
        The bias, e.g. ``"2,7 points"``.
    table : ipywidgets.HTML
        Per-group numbers, as text.
    image : ipywidgets.Image
        Sensitivity against threshold, per group, shown at its drawn size; its
        ``tooltip`` (the ``<img>``'s title) is the text alternative.
    figure_view : ExplorerFigure
        The image and its text alternative, also written under it.
    widget : ipywidgets.VBox
        What to display in the notebook.
    controls : dict
        The explorer's controls by name (``"seuil"``, ``"biais"``).
    stats : dict
        The :class:`GroupAlarmStats` currently shown, keyed by ``"White"`` and
        ``"Black"``.
    hidden : frozenset
        The ``(row, group)`` values hidden by ``hidden_until`` in the current view.

    Raises
    ------
    TypeError
        If ``random_state`` is not an int (every bias must reuse the same
        draws), ``threshold`` not an int, ``device_bias`` not a number or
        ``hidden_until`` not a mapping of row to question name.
    ValueError
        If ``threshold`` or ``device_bias`` is out of range, or a row of
        ``hidden_until`` is not one of :data:`HIDEABLE_ROWS`.
    """

    def __init__(
        self,
        *,
        random_state: int = 2020,
        n_samples: int = 20_000,
        threshold: int = 92,
        device_bias: float = DEFAULT_DEVICE_BIAS,
        black_fraction: float = DEFAULT_BLACK_FRACTION,
        hidden_until: Mapping[str, str] | None = None,
    ) -> None:
        # A seed, not a generator: every device bias reuses the same patients and noise.
        check_finite_scalar(random_state, "random_state", numbers.Integral)
        check_finite_scalar(
            threshold,
            "threshold",
            numbers.Integral,
            min_val=_THRESHOLD_RANGE[0],
            max_val=_THRESHOLD_RANGE[1],
        )
        _check_bias(device_bias)
        self.random_state = int(random_state)
        self.n_samples = n_samples
        self.black_fraction = black_fraction
        self.hidden_until = _check_hidden_until(hidden_until)
        # The setting the questions ask about: their answers are hidden there only.
        self._initial = {"threshold": int(threshold), "bias": round(float(device_bias), 6)}
        self.hidden: frozenset[tuple[str, str]] = frozenset()
        self._cache: dict[float, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self._grid = np.arange(_THRESHOLD_RANGE[0], _THRESHOLD_RANGE[1] + 1)
        self._simulate(float(device_bias))  # validates n_samples and black_fraction early
        self._build_figure()
        self.threshold_slider = widgets.IntSlider(
            value=int(threshold),
            min=_THRESHOLD_RANGE[0],
            max=_THRESHOLD_RANGE[1],
            step=1,
            description="Seuil d'alarme (alarme si SpO2 < seuil, %)",
            continuous_update=True,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="80%"),
        )
        self.bias_slider = widgets.FloatSlider(
            value=float(device_bias),
            min=_BIAS_RANGE[0],
            max=_BIAS_RANGE[1],
            step=0.1,
            description="Biais de l'appareil chez les patients noirs, à SaO2 88 % (points)",
            continuous_update=True,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="80%"),
        )
        bias_box, self.readout = french_readout(self.bias_slider, digits=1, suffix=" points")
        self.table = widgets.HTML()
        self.figure_view = ExplorerFigure()
        self.image = self.figure_view.image
        self.threshold_slider.observe(self._on_change, names="value")
        self.bias_slider.observe(self._on_change, names="value")
        self.controls: dict[str, widgets.ValueWidget] = {
            "seuil": self.threshold_slider,
            "biais": self.bias_slider,
        }
        self.widget = widgets.VBox(
            [self.threshold_slider, bias_box, side_by_side(self.table, self.figure_view.widget)]
        )
        self.stats: dict[str, GroupAlarmStats] = {}
        self._table_id = new_table_id()
        self.update(int(threshold), float(device_bias))

    def _simulate(self, device_bias: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        key = round(device_bias, 6)
        if key not in self._cache:
            data = make_pulse_oximetry(
                n_samples=self.n_samples,
                device_bias=key,
                black_fraction=self.black_fraction,
                random_state=self.random_state,
                as_frame=False,
            )
            assert not isinstance(data, tuple)  # return_X_y is False: a Bunch
            self._cache[key] = (
                np.asarray(data.data).ravel(),
                np.asarray(data.target).astype(bool),
                np.asarray(data.groups) == "Black",
            )
        return self._cache[key]

    def _build_figure(self) -> None:
        with accessible_style():
            self.figure = Figure(figsize=(5.2, 4.2), layout="constrained")
            self._canvas = FigureCanvasAgg(self.figure)
            ax = self.figure.add_subplot()
            ax.set_xlim(_THRESHOLD_RANGE[0] - 0.5, _THRESHOLD_RANGE[1] + 0.5)
            ax.set_ylim(0.0, 1.05)
            ax.set_title("Sensibilité de l'alarme selon le seuil, par groupe")
            ax.set_xlabel("Seuil d'alarme : alarme si SpO2 affichée < seuil (%)")
            ax.set_ylabel("Sensibilité (hypoxémies détectées)")
            self._curves = []
            self._points = []
            self._labels = []
            for (_, label), (colour, marker, dash) in zip(_GROUPS, _STYLES, strict=True):
                (curve,) = ax.plot(
                    [], [], color=colour, marker=marker, linestyle=dash, markersize=4, label=label
                )
                (point,) = ax.plot(
                    [], [], color=colour, marker=marker, markersize=11, linestyle="none"
                )
                text = ax.annotate(
                    "",
                    (0, 0),
                    xytext=(-8, 0),
                    textcoords="offset points",
                    ha="right",
                    va="center",
                    fontsize=9,
                    fontweight="bold",
                    color=colour,
                )
                self._curves.append(curve)
                self._points.append(point)
                self._labels.append(text)
            self._vline = ax.axvline(
                _THRESHOLD_RANGE[0], color=PALETTE["black"], linestyle=":", linewidth=1.5
            )
            ax.legend(loc="lower right", fontsize=9)
            self._ax = ax
            self._animated = [*self._curves, *self._points, *self._labels, self._vline]
            for artist in self._animated:
                artist.set_animated(True)
            self._background = freeze_background(self._canvas)

    def _on_change(self, change: dict) -> None:
        self.update(int(self.threshold_slider.value), float(self.bias_slider.value))

    def compute(self, threshold: int, device_bias: float) -> dict[str, GroupAlarmStats]:
        """Return the per-group statistics without touching the display.

        Parameters
        ----------
        threshold : int
            Alarm threshold (alarm if SpO2 < threshold).
        device_bias : float
            Extra over-estimation of SpO2 in Black patients at SaO2 = 88 %, in points.

        Returns
        -------
        dict
            :class:`GroupAlarmStats` keyed by ``"White"`` and ``"Black"``; a rate that
            ``hidden_until`` hides at this setting is NaN, as the table shows it
            « cachée » (an evaluated session's student could otherwise read it here).
        """
        stats = self._compute(threshold, device_bias)
        return _masked(stats, self._hidden(stats, threshold, device_bias))

    def _compute(self, threshold: int, device_bias: float) -> dict[str, GroupAlarmStats]:
        """Return the per-group statistics, hidden rates included (for drawing)."""
        _check_bias(device_bias)
        spo2, hypoxemic, black = self._simulate(float(device_bias))
        return {
            "White": _group_stats(spo2[~black], hypoxemic[~black], int(threshold)),
            "Black": _group_stats(spo2[black], hypoxemic[black], int(threshold)),
        }

    def render_png(self) -> bytes:
        """Return the figure, with the current curves and markers, as PNG bytes."""
        return blit_png(self._canvas, self._background, self._animated)

    def update(self, threshold: int, device_bias: float) -> dict[str, GroupAlarmStats]:
        """Recompute everything for ``threshold`` and ``device_bias`` and redraw.

        Parameters
        ----------
        threshold : int
            Alarm threshold (alarm if SpO2 < threshold).
        device_bias : float
            Extra over-estimation of SpO2 in Black patients at SaO2 = 88 %, in points.

        Returns
        -------
        dict
            The statistics shown (see :meth:`compute`).
        """
        stats = self._compute(threshold, device_bias)
        hidden = self._hidden(stats, threshold, device_bias)
        spo2, hypoxemic, black = self._simulate(float(device_bias))
        for index, (mask, (key, _)) in enumerate(zip((~black, black), _GROUPS, strict=True)):
            readings = np.sort(spo2[mask & hypoxemic])
            # Sensitivity at each threshold t: share of hypoxemic readings below t.
            curve = np.searchsorted(readings, self._grid, side="left") / max(readings.size, 1)
            self._curves[index].set_data(self._grid, curve)
            value = stats[key].sensitivity
            self._points[index].set_data([threshold], [value])
            self._labels[index].xy = (threshold, value)
            # The curves rise to the right: write the upper group's label above-left of its
            # point and the lower group's below-right (below-left near the right edge).
            if index == 0 or threshold > _THRESHOLD_RANGE[1] - 3:
                self._labels[index].set_horizontalalignment("right")
                self._labels[index].set_position((-10, 8 if index == 0 else -12))
            else:
                self._labels[index].set_horizontalalignment("left")
                self._labels[index].set_position((10, -12))
            hide = ("sensitivity", key) in hidden
            self._labels[index].set_text("?" if hide else fr_number(value, 2))
        self._vline.set_xdata([threshold, threshold])
        self.figure_view.show(self.render_png(), _describe(stats, threshold, device_bias, hidden))
        questions = [q for row, q in self.hidden_until.items() if (row, _HIDDEN_GROUP) in hidden]
        note = _hidden_note(questions) if questions else ""
        self.table.value = _table_html(stats, threshold, device_bias, self._table_id, hidden, note)
        self.stats = _masked(stats, hidden)
        self.hidden = hidden
        return self.stats

    def _hidden(
        self, stats: dict[str, GroupAlarmStats], threshold: int, device_bias: float
    ) -> frozenset[tuple[str, str]]:
        """Return the ``(row, group)`` values that ``hidden_until`` hides now (NaN never is)."""
        setting = {"threshold": int(threshold), "bias": round(float(device_bias), 6)}
        hidden = set()
        for row, question in self.hidden_until.items():
            at_answer = all(setting[s] == self._initial[s] for s in HIDEABLE_ROWS[row])
            value = float(getattr(stats[_HIDDEN_GROUP], row))
            if at_answer and not np.isnan(value) and not passed(question):
                hidden.add((row, _HIDDEN_GROUP))
        return frozenset(hidden)

    def _ipython_display_(self) -> None:
        show_explorer(self.widget)


def _masked(
    stats: dict[str, GroupAlarmStats], hidden: frozenset[tuple[str, str]]
) -> dict[str, GroupAlarmStats]:
    """Return ``stats`` with each hidden ``(rate, group)`` set to NaN."""
    masked = dict(stats)
    for row, group in hidden:
        if row == "sensitivity":
            masked[group] = replace(masked[group], sensitivity=float("nan"))
        else:
            masked[group] = replace(masked[group], occult_rate=float("nan"))
    return masked


def _describe(
    stats: dict[str, GroupAlarmStats],
    threshold: int,
    device_bias: float,
    hidden: frozenset[tuple[str, str]] = frozenset(),
) -> str:
    """Text alternative of the figure."""
    points = " ; ".join(
        f"{label.lower()} "
        + (_HIDDEN if ("sensitivity", key) in hidden else fr_number(stats[key].sensitivity, 2))
        for key, label in _GROUPS
    )
    return (
        "Courbes de la sensibilité de l'alarme (part des hypoxémies détectées) selon le seuil "
        f"d'alarme, de {_THRESHOLD_RANGE[0]} à {_THRESHOLD_RANGE[1]} %, une par groupe ; "
        f"biais de l'appareil chez les patients noirs : {fr_number(device_bias, 1)} points à "
        "SaO2 88 %. "
        f"Au seuil de {threshold} % (ligne verticale), sensibilité : {points}."
    )


def _check_hidden_until(hidden_until: object) -> dict[str, str]:
    """Return ``hidden_until`` as a dictionary, or say in French what is wrong with it."""
    if hidden_until is None:
        return {}
    if not isinstance(hidden_until, Mapping) or not all(
        isinstance(question, str) and question for question in hidden_until.values()
    ):
        raise TypeError(
            "« hidden_until » doit être un dictionnaire ligne → nom de question, par exemple "
            f'{{"sensitivity": "sensibilite_noirs"}} ; valeur reçue : {hidden_until!r}.'
        )
    unknown = [row for row in hidden_until if row not in HIDEABLE_ROWS]
    if unknown:
        rows = ", ".join(f"« {row} »" for row in HIDEABLE_ROWS)
        raise ValueError(
            f"« hidden_until » : ligne inconnue {unknown[0]!r} ; lignes possibles : {rows}."
        )
    return dict(hidden_until)


def _check_bias(device_bias: object) -> None:
    check_finite_scalar(
        device_bias, "device_bias", numbers.Real, min_val=_BIAS_RANGE[0], max_val=_BIAS_RANGE[1]
    )


#: Rows of the table: field of :class:`GroupAlarmStats` → French label; rates in percent.
_ROWS = {
    "pairs": "Paires de mesures",
    "hypoxemic": "Hypoxémies (SaO2 < 88 %, seuil de l'étude)",
    "detected": "Hypoxémies détectées par l'alarme",
    "missed": "Hypoxémies manquées (faux négatifs)",
    "sensitivity": "Sensibilité de l'alarme",
    "false_alarms": "Alarmes sans hypoxémie (SaO2 ≥ 88 %)",
    "occult_rate": "Hypoxémie occulte (parmi les SpO2 de 92 à 96 %)",
}
_RATES = ("sensitivity", "occult_rate")


def _rate_or_hidden(value: str | float) -> str:
    return value if isinstance(value, str) else fr_percent(value)


def _table_html(
    stats: dict[str, GroupAlarmStats],
    threshold: int,
    device_bias: float,
    table_id: str,
    hidden: frozenset[tuple[str, str]] = frozenset(),
    note: str = "",
) -> str:
    # One row per group first: a row keeps its counts integers, then groups become columns.
    rows = []
    for key, _ in _GROUPS:
        row = asdict(stats[key])
        row.update({field: _HIDDEN for field, group in hidden if group == key})
        rows.append(row)
    frame = pd.DataFrame(rows, index=[label for _, label in _GROUPS], dtype=object)[list(_ROWS)].T
    return styled_table(
        frame.rename(index=_ROWS),
        caption=(
            f"Alarme si SpO2 < {threshold} % ; biais de l'appareil chez les patients noirs : "
            f"{fr_number(device_bias, 1)} points à SaO2 88 %{note}"
        ),
        table_id=f"{table_id}_alarme",
        row_formats={_ROWS[field]: _rate_or_hidden for field in _RATES},
        bold_columns=list(frame.columns),
    ).to_html()
