"""Fairness explorer: Chouldechova's identity and the effect of a mitigation.

Two sliders (positive predictive value and false-negative rate, imposed equal in
every group) and a choice of group prevalences drive the false-positive rate
that Chouldechova's identity forces in each group,

    FPR = p / (1 - p) * (1 - PPV) / PPV * (1 - FNR),

drawn as labelled bars and written in a table. An optional toggle switches
between the group rates of a model before and after a mitigation (for instance
fairlearn's ``ThresholdOptimizer``); both views are computed once, at
construction, so the toggle only switches what is shown.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Mapping
from functools import partial
from html import escape
from typing import Any, cast

import ipywidgets as widgets
import numpy as np
import pandas as pd
from fairlearn.metrics import (
    MetricFrame,
    false_negative_rate,
    false_positive_rate,
    selection_rate,
)
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from numpy.typing import ArrayLike
from sklearn.metrics import accuracy_score

from esn_teach import evaluation as ev
from esn_teach._formatting import fr_number, fr_percent
from esn_teach._validation import check_finite_scalar
from esn_teach.explorers._blit import blit_png, freeze_background
from esn_teach.explorers._controls import french_readout, show_explorer
from esn_teach.explorers._figure import ExplorerFigure, side_by_side
from esn_teach.explorers._table import new_table_id, styled_table
from esn_teach.plotting import PALETTE, accessible_style

__all__ = ["FairnessExplorer", "forced_fpr"]

_BAR_COLOURS = [PALETTE["blue"], PALETTE["vermillion"], PALETTE["bluish_green"], PALETTE["orange"]]
_BAR_HATCHES = ["", "//", "..", "xx"]

_RATE_LABELS = [
    ("taux_appel", "Taux de sélection", "part des patients sélectionnés (test positif)"),
    ("fnr", "Taux de faux négatifs (TFN)", "parmi les patients qui ont l'événement, part manquée"),
    ("fpr", "Taux de faux positifs (TFP)", "parmi ceux qui ne l'ont pas, part sélectionnée"),
    ("vpp", "Valeur prédictive positive (VPP)", "parmi les sélectionnés, part qui a l'événement"),
]


def forced_fpr(prevalence: float, ppv: float, fnr: float) -> float:
    """Return the false-positive rate forced by Chouldechova's identity.

    For any binary decision in a group of prevalence ``p``,
    ``FPR = p / (1 - p) * (1 - PPV) / PPV * (1 - FNR)`` (Chouldechova, Big Data
    2017;5(2):153-163). A value above 1 means that the combination of
    prevalence, PPV and FNR is impossible.

    Parameters
    ----------
    prevalence : float
        Share of the group with the event, in (0, 1).
    ppv : float
        Positive predictive value, in (0, 1].
    fnr : float
        False-negative rate, in [0, 1].

    Returns
    -------
    float
        The false-positive rate, which may exceed 1 for impossible combinations.

    Raises
    ------
    TypeError
        If an argument is not a number.
    ValueError
        If an argument is NaN, infinite or outside its range.
    """
    p = check_finite_scalar(
        prevalence, "prevalence", numbers.Real, min_val=0, max_val=1, include_boundaries="neither"
    )
    ppv = check_finite_scalar(
        ppv, "ppv", numbers.Real, min_val=0, max_val=1, include_boundaries="right"
    )
    fnr = check_finite_scalar(fnr, "fnr", numbers.Real, min_val=0, max_val=1)
    return p / (1 - p) * (1 - ppv) / ppv * (1 - fnr)


def _check_options(
    prevalences: Mapping[str, Any],
) -> tuple[dict[str, dict[str, float]], list[str]]:
    if not isinstance(prevalences, Mapping) or not prevalences:
        raise TypeError(
            "« prevalences » doit être un dictionnaire non vide : soit groupe → prévalence "
            "(par exemple {'A': 0.15, 'B': 0.30}), soit libellé → {groupe: prévalence}."
        )
    single = not isinstance(next(iter(prevalences.values())), Mapping)
    if single:  # a single option: group -> prevalence, named after its values
        checked = {g: _check_prevalence(p, f"prevalences[{g!r}]") for g, p in prevalences.items()}
        label = " ; ".join(f"{g} : {fr_percent(p, 0)}" for g, p in checked.items())
        prevalences = {label: prevalences}
    options: dict[str, dict[str, float]] = {}
    groups: list[str] | None = None
    for label, option in prevalences.items():
        if not isinstance(option, Mapping):
            raise TypeError(
                f"l'option {label!r} doit associer chaque groupe à sa prévalence "
                "(un dictionnaire {groupe: prévalence})."
            )
        names = [str(g) for g in option]
        if groups is None:
            groups = names
            if not 2 <= len(groups) <= len(_BAR_COLOURS):
                raise ValueError(
                    f"« prevalences » doit définir de 2 à {len(_BAR_COLOURS)} groupes ; "
                    f"reçu : {len(groups)}."
                )
        elif names != groups:
            raise ValueError(
                f"chaque option doit avoir les mêmes groupes ({', '.join(groups)}) ; "
                f"l'option {label!r} a les groupes {', '.join(names)}."
            )
        options[str(label)] = {
            str(g): _check_prevalence(
                p, f"prevalences[{g!r}]" if single else f"prevalences[{label!r}][{g!r}]"
            )
            for g, p in option.items()
        }
    assert groups is not None
    return options, groups


def _check_prevalence(value: object, name: str) -> float:
    return float(
        check_finite_scalar(
            value, name, numbers.Real, min_val=0, max_val=1, include_boundaries="neither"
        )
    )


def _group_rates(y_true: np.ndarray, y_pred: np.ndarray, groups: np.ndarray) -> dict[str, Any]:
    """Per-group rates and the overall figures, from one fairlearn MetricFrame.

    The two gaps are the frame's between-group differences: demographic parity
    is the selection rate's, equalised odds the larger of the FNR's (that is the
    TPR's) and the FPR's -- what fairlearn's ``demographic_parity_difference``
    and ``equalized_odds_difference`` compute, each with a frame of its own.
    """
    shown = ["taux_appel", "fnr", "fpr", "vpp"]
    frame = MetricFrame(
        metrics={
            "taux_appel": selection_rate,
            "fnr": false_negative_rate,
            "fpr": false_positive_rate,
            "vpp": ev.ppv,
            "exactitude": accuracy_score,
        },
        y_true=y_true,
        y_pred=y_pred,
        sensitive_features=groups,
    )
    overall = frame.overall
    gaps = frame.difference(method="between_groups")
    return {
        "by_group": frame.by_group[shown],
        "accuracy": float(overall["exactitude"]),
        "ppv": float(overall["vpp"]),
        "selection_rate": float(overall["taux_appel"]),
        "dp_difference": float(gaps["taux_appel"]),
        "eo_difference": float(max(gaps["fnr"], gaps["fpr"])),
    }


class FairnessExplorer:
    """Interactive explorer of Chouldechova's identity and of a mitigation.

    The sliders impose the same positive predictive value (PPV) and the same
    false-negative rate (FNR) in every group; the bars show the false-positive
    rate (FPR) that each group's prevalence then forces. The bar chart is drawn
    once; each update only redraws the bars and their labels on a cached
    background (Agg blitting), which keeps the callback well under 100 ms.

    Parameters
    ----------
    prevalences : mapping
        Either group -> prevalence (one option), or label -> {group: prevalence}
        (the labels fill a drop-down list). Every option has the same 2 to 4
        groups; each prevalence is in (0, 1).
    ppv : float, default=0.5
        Initial PPV, in [0.05, 0.95].
    fnr : float, default=0.3
        Initial FNR, in [0, 0.95].
    y_true, y_pred, y_pred_mitigated, sensitive_features : array-like, optional
        Give all four to add the mitigation toggle: the truth (1 = event), the
        decisions before and after the mitigation, and each person's group.
    base_rate : str, default="prévalence"
        French name of the share of each group with the event (``p``), lower
        case, as the students' module calls it: "prévalence" for a disease at a
        given time, "taux de réhospitalisation" for a 30-day incidence. It names
        the drop-down list, the table row and the text alternative.
    parity_gap_note : str, optional
        If given, the view without mitigation shows this French note instead of
        the demographic-parity difference (when that number is the answer of a
        question the students have not yet solved). The view after mitigation
        always shows its own difference.

    Attributes
    ----------
    controls : dict
        The controls by name: ``"vpp"``, ``"fnr"``, ``"prevalences"`` and, with
        mitigation data, ``"correction"`` (False = before, True = after).
    image : ipywidgets.Image
        The bar chart of the forced FPR, shown at its drawn size; its
        ``tooltip`` (the ``<img>``'s title) is the text alternative.
    figure_view : ExplorerFigure
        The image and its text alternative, also written under it.
    readouts : dict
        The sliders' values written with a decimal comma, by control name.
    table : ipywidgets.HTML
        The same numbers as text.
    mitigation_table : ipywidgets.HTML
        The group rates before or after the mitigation (empty without data).
    widget : ipywidgets.VBox
        What to display in the notebook.
    result : dict
        What is currently shown: ``"ppv"``, ``"fnr"``, ``"prevalences"``,
        ``"fpr"`` (group -> forced FPR) and ``"mitigated"``.
    base_rate : str
        The name given to each group's share with the event.
    rates : dict
        With mitigation data, ``{False: ..., True: ...}``: per-group rates
        (a DataFrame under ``"by_group"``), overall accuracy, PPV, selection rate,
        demographic-parity and equalised-odds differences.
    """

    def __init__(
        self,
        prevalences: Mapping[str, Any],
        *,
        ppv: float = 0.5,
        fnr: float = 0.3,
        y_true: ArrayLike | None = None,
        y_pred: ArrayLike | None = None,
        y_pred_mitigated: ArrayLike | None = None,
        sensitive_features: ArrayLike | None = None,
        base_rate: str = "prévalence",
        parity_gap_note: str | None = None,
    ) -> None:
        if not isinstance(base_rate, str) or not base_rate.strip():
            raise TypeError(
                "« base_rate » doit être un texte non vide, le nom de la part de chaque groupe "
                "qui a l'événement (par exemple « prévalence »)."
            )
        self.base_rate = base_rate.strip()
        if parity_gap_note is not None and (
            not isinstance(parity_gap_note, str) or not parity_gap_note.strip()
        ):
            raise TypeError(
                "« parity_gap_note » doit être None ou un texte non vide, affiché à la place de "
                "l'écart de parité démographique sans correction."
            )
        self.options, self.groups = _check_options(prevalences)
        check_finite_scalar(ppv, "ppv", numbers.Real, min_val=0.05, max_val=0.95)
        check_finite_scalar(fnr, "fnr", numbers.Real, min_val=0.0, max_val=0.95)
        self._table_id = new_table_id()
        self.rates = self._mitigation_rates(y_true, y_pred, y_pred_mitigated, sensitive_features)
        if parity_gap_note is not None and self.rates:
            # The gap the note stands for is not kept either (an evaluated session's student
            # could otherwise read it from the object).
            self.rates[False] = {**self.rates[False], "dp_difference": float("nan")}
        self._build_figure()

        slider_style = {
            "style": {"description_width": "initial"},
            "layout": widgets.Layout(width="80%"),
            "continuous_update": True,
        }
        self.ppv_slider = widgets.FloatSlider(
            value=ppv,
            min=0.05,
            max=0.95,
            step=0.01,
            description="VPP imposée dans chaque groupe",
            **slider_style,
        )
        self.fnr_slider = widgets.FloatSlider(
            value=fnr,
            min=0.0,
            max=0.95,
            step=0.01,
            description="Taux de faux négatifs (TFN) imposé",
            **slider_style,
        )
        self.prevalence_menu = widgets.Dropdown(
            options=list(self.options),
            description=f"{_capitalised(self.base_rate)} par groupe",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="80%"),
        )
        self.controls: dict[str, widgets.ValueWidget] = {
            "vpp": self.ppv_slider,
            "fnr": self.fnr_slider,
            "prevalences": self.prevalence_menu,
        }
        self.table = widgets.HTML()
        self.figure_view = ExplorerFigure()
        self.image = self.figure_view.image
        ppv_box, ppv_readout = french_readout(self.ppv_slider, digits=2)
        fnr_box, fnr_readout = french_readout(self.fnr_slider, digits=2)
        self.readouts = {"vpp": ppv_readout, "fnr": fnr_readout}
        self.mitigation_table = widgets.HTML()
        children: list[widgets.Widget] = [
            widgets.HTML("<b>1. L'identité de Chouldechova</b>"),
            ppv_box,
            fnr_box,
            self.prevalence_menu,
            side_by_side(self.figure_view.widget, self.table),
        ]
        if self.rates:
            self.toggle = widgets.ToggleButtons(
                options=[("Sans correction", False), ("Avec correction", True)],
                value=False,
                description="Correction",
                tooltips=[
                    "Décisions du modèle au seuil unique",
                    "Décisions après la correction (seuils par groupe)",
                ],
                style={"description_width": "initial"},
            )
            self.controls["correction"] = self.toggle
            self._mitigation_html = {
                flag: _rates_html(
                    self.rates[flag],
                    flag,
                    self._table_id,
                    parity_gap_note=None if flag else parity_gap_note,
                )
                for flag in (False, True)
            }
            children += [
                widgets.HTML("<b>2. Corriger le modèle : ce que l'on gagne, ce que l'on perd</b>"),
                self.toggle,
                self.mitigation_table,
            ]
        for name in ("vpp", "fnr", "prevalences"):
            self.controls[name].observe(self._on_change, names="value")
        if self.rates:
            self.toggle.observe(self._on_toggle, names="value")
        self.widget = widgets.VBox(children)
        self.result: dict[str, Any] = {}
        self.update()

    @staticmethod
    def _mitigation_rates(
        y_true: ArrayLike | None,
        y_pred: ArrayLike | None,
        y_pred_mitigated: ArrayLike | None,
        sensitive_features: ArrayLike | None,
    ) -> dict[bool, dict[str, Any]]:
        given = [a is not None for a in (y_true, y_pred, y_pred_mitigated, sensitive_features)]
        if not any(given):
            return {}
        if not all(given):
            raise ValueError(
                "donnez y_true, y_pred, y_pred_mitigated et sensitive_features tous les quatre, "
                "ou aucun."
            )
        arrays = [
            np.asarray(a).ravel() for a in (y_true, y_pred, y_pred_mitigated, sensitive_features)
        ]
        if len({a.shape[0] for a in arrays}) != 1:
            raise ValueError(
                "y_true, y_pred, y_pred_mitigated et sensitive_features doivent avoir la même "
                f"longueur ; longueurs reçues : {', '.join(str(a.shape[0]) for a in arrays)}."
            )
        truth, before, after, groups = arrays
        for name, values in (("y_true", truth), ("y_pred", before), ("y_pred_mitigated", after)):
            if not np.isin(values, (0, 1)).all():
                raise ValueError(f"« {name} » ne doit contenir que des 0 et des 1.")
        truth, before, after = (a.astype(int) for a in (truth, before, after))
        groups = groups.astype(str)
        return {
            False: _group_rates(truth, before, groups),
            True: _group_rates(truth, after, groups),
        }

    def _build_figure(self) -> None:
        with accessible_style():
            self.figure = Figure(figsize=(4.8, 3.9), layout="constrained")
            self._canvas = FigureCanvasAgg(self.figure)
            ax = self.figure.add_subplot()
            positions = np.arange(len(self.groups))
            self._bars = ax.bar(
                positions,
                np.zeros(len(self.groups)),
                width=0.6,
                color=_BAR_COLOURS[: len(self.groups)],
                hatch=_BAR_HATCHES[: len(self.groups)],
                edgecolor="black",
                linewidth=1.2,
            )
            ax.set_xticks(positions, [f"Groupe {g}" for g in self.groups])
            ax.set_xlim(-0.6, len(self.groups) - 0.4)
            ax.set_ylim(0, 1.3)
            ax.set_yticks(np.linspace(0, 1, 6))
            ax.set_xlabel("Groupe de patients")
            ax.set_ylabel("Taux de faux positifs imposé (TFP)")
            ax.set_title("TFP imposé par l'identité de Chouldechova")
            ax.axhline(1, color=PALETTE["black"], linestyle=":", linewidth=1, marker="")
            self._labels = [
                ax.text(float(x), 0, "", ha="center", va="bottom", fontsize=10, fontweight="bold")
                for x in positions
            ]
            self._ax = ax
            for artist in [*self._bars, *self._labels]:
                artist.set_animated(True)
            self._background = freeze_background(self._canvas)

    def _on_change(self, change: dict) -> None:
        self.update()

    def _on_toggle(self, change: dict) -> None:
        # Both views were computed at construction: only switch the table shown.
        self.show_mitigated(bool(change["new"]))

    def show_mitigated(self, mitigated: bool) -> None:
        """Show the group rates after (True) or before (False) the mitigation.

        Parameters
        ----------
        mitigated : bool
            Which of the two precomputed views to show.

        Raises
        ------
        ValueError
            If the explorer was built without mitigation data.
        """
        if not self.rates:
            raise ValueError(
                "cet explorateur a été construit sans les données de la correction "
                "(y_true, y_pred, y_pred_mitigated, sensitive_features)."
            )
        self.mitigation_table.value = self._mitigation_html[bool(mitigated)]
        self.result["mitigated"] = bool(mitigated)

    def render_png(self) -> bytes:
        """Return the bar chart, with the current bars, as PNG bytes."""
        return blit_png(self._canvas, self._background, [*self._bars, *self._labels])

    def update(
        self,
        *,
        ppv: float | None = None,
        fnr: float | None = None,
        prevalences: str | None = None,
        mitigated: bool | None = None,
    ) -> dict[str, Any]:
        """Recompute the forced FPR and redraw; switch the mitigation view.

        Arguments left to ``None`` take the current value of their control.

        Parameters
        ----------
        ppv : float, optional
            The PPV imposed in every group.
        fnr : float, optional
            The FNR imposed in every group.
        prevalences : str, optional
            The label of a prevalence option.
        mitigated : bool, optional
            Show the rates after (True) or before (False) the mitigation.

        Returns
        -------
        dict
            What is shown (see the ``result`` attribute).
        """
        ppv = self.ppv_slider.value if ppv is None else ppv
        fnr = self.fnr_slider.value if fnr is None else fnr
        label = self.prevalence_menu.value if prevalences is None else prevalences
        if label not in self.options:
            raise ValueError(
                f"option de prévalences inconnue : {label!r} ; options possibles : "
                f"{', '.join(map(repr, self.options))}."
            )
        prevalence = self.options[label]
        fpr = {g: forced_fpr(prevalence[g], ppv, fnr) for g in self.groups}  # checks ppv, fnr
        ppv, fnr = float(ppv), float(fnr)
        for bar, text, group in zip(self._bars, self._labels, self.groups, strict=True):
            height = min(fpr[group], 1.0)
            bar.set_height(height)
            text.set_y(height + 0.01)
            text.set_text(
                f"{fr_number(fpr[group], 3)}\n(> 1 : impossible)"
                if fpr[group] > 1
                else fr_number(fpr[group], 3)
            )
        self.figure_view.show(
            self.render_png(), _describe(prevalence, ppv, fnr, fpr, self.base_rate)
        )
        self.table.value = _identity_html(prevalence, ppv, fnr, fpr, self._table_id, self.base_rate)
        self.result = {
            "ppv": ppv,
            "fnr": fnr,
            "prevalences": dict(prevalence),
            "fpr": fpr,
            "mitigated": False,
        }
        if self.rates:
            self.show_mitigated(self.toggle.value if mitigated is None else mitigated)
        return self.result

    def _ipython_display_(self) -> None:
        show_explorer(self.widget)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _describe(
    prevalence: Mapping[str, float],
    ppv: float,
    fnr: float,
    fpr: Mapping[str, float],
    base_rate: str = "prévalence",
) -> str:
    """Text alternative of the bar chart."""
    bars = " ; ".join(
        f"groupe {g} ({base_rate} {fr_percent(p)}) : {fr_number(fpr[g], 3)}"
        + (", impossible car supérieur à 1" if fpr[g] > 1 else "")
        for g, p in prevalence.items()
    )
    return (
        "Diagramme en barres du taux de faux positifs (TFP) que l'identité de Chouldechova "
        f"impose à chaque groupe, avec la même VPP ({fr_number(ppv, 2)}) et le même taux de "
        f"faux négatifs (TFN, {fr_number(fnr, 2)}) dans tous les groupes. "
        f"{bars[:1].upper()}{bars[1:]}."
    )


def _fpr_cell(value: float) -> str:
    impossible = " (impossible : &gt; 1)" if value > 1 else ""
    return f"<b>{fr_number(value, 3)}</b>{impossible}"


def _identity_html(
    prevalence: Mapping[str, float],
    ppv: float,
    fnr: float,
    fpr: Mapping[str, float],
    table_id: str,
    base_rate: str = "prévalence",
) -> str:
    frame = pd.DataFrame(
        {f"Groupe {g}": [p, ppv, fnr, fpr[g]] for g, p in prevalence.items()},
        index=[f"{_capitalised(base_rate)} p", "VPP (imposée)", "TFN (imposé)", "TFP imposé"],
    )
    table = (
        styled_table(
            frame,
            caption="TFP = p/(1 − p) × (1 − VPP)/VPP × (1 − TFN)",
            table_id=f"{table_id}_identite",
            row_formats={"TFP imposé": _fpr_cell},
        )
        .format(partial(fr_number, digits=2), subset=pd.IndexSlice[frame.index[:3], :])
        .to_html()
    )
    values = list(fpr.values())
    low, high = min(values), max(values)
    if math.isclose(low, high, rel_tol=1e-9, abs_tol=1e-12):
        note = f"Les TFP imposés sont égaux : même {base_rate} dans tous les groupes."
    elif low == 0:
        note = "Avec un TFN de 1, personne n'est sélectionné : le TFP est nul partout."
    else:
        note = (
            f"Même VPP, même TFN, mais le TFP le plus élevé vaut {fr_number(high / low, 2)} fois "
            "le plus bas."
        )
    if high > 1:
        note += (
            " Un TFP supérieur à 1 est impossible : aucun modèle ne peut avoir cette VPP et ce "
            "TFN dans ce groupe."
        )
    return f"{table}<p>{escape(note)}</p>"


def _rates_html(
    rates: Mapping[str, Any],
    mitigated: bool,
    table_id: str,
    *,
    parity_gap_note: str | None = None,
) -> str:
    by_group: pd.DataFrame = rates["by_group"]
    frame = by_group[[key for key, _, _ in _RATE_LABELS]].T
    frame.columns = [f"Groupe {g}" for g in by_group.index]
    frame.index = [label for _, label, _ in _RATE_LABELS]
    frame["Définition"] = [definition for _, _, definition in _RATE_LABELS]
    state = "après la correction" if mitigated else "sans correction (seuil unique)"
    parity_gap = (
        escape(parity_gap_note.strip())
        if parity_gap_note is not None
        else f"<b>{fr_number(rates['dp_difference'])}</b>"
    )
    overall = (
        f"<ul><li>Écart de parité démographique : {parity_gap}</li>"
        f"<li>Écart d'égalité des erreurs (le plus grand écart de TFN ou de TFP) : "
        f"<b>{fr_number(rates['eo_difference'])}</b></li>"
        f"<li>Exactitude globale (part de décisions justes) : "
        f"<b>{fr_number(rates['accuracy'])}</b> ; VPP globale : "
        f"<b>{fr_number(rates['ppv'])}</b> ; part de patients sélectionnés : "
        f"<b>{fr_percent(rates['selection_rate'])}</b></li></ul>"
    )
    table = (
        styled_table(
            frame,
            caption=f"Taux par groupe, {state}",
            table_id=f"{table_id}_taux_{'apres' if mitigated else 'avant'}",
            text_columns=["Définition"],
        )
        .format(cast("Callable[[object], str]", fr_number), subset=list(frame.columns[:-1]))
        .to_html()
    )
    return f"{table}{overall}"
