"""Site and alert-threshold explorer: one sepsis score, several hospitals (module 08).

A site selector and a threshold slider drive the ROC point of the chosen site
and the alert burden in clinicians' units: alerts and missed cases per 100
stays, and how many true sepsis cases there are among 10 alerts. Scores are
given once, per site; each update only counts, on a few thousand stays, and
redraws the point on a cached background.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from html import escape
from typing import Any, cast

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from esn_teach._formatting import fr_count, fr_number
from esn_teach._validation import check_finite_scalar, received
from esn_teach.checks import passed
from esn_teach.evaluation import RocCurve, roc
from esn_teach.explorers._blit import blit_png, freeze_background
from esn_teach.explorers._controls import french_readout, show_explorer
from esn_teach.explorers._figure import ExplorerFigure, side_by_side
from esn_teach.explorers._table import new_table_id, styled_table
from esn_teach.plotting import LINESTYLES, PALETTE, accessible_style

__all__ = ["HIDEABLE_METRICS", "SiteAlertExplorer", "SiteAlertStats", "site_alert_stats"]

#: Metrics a notebook may hide for one site until a question is answered.
HIDEABLE_METRICS = ("auc", "alerts_per_100", "missed_per_100", "ppv")

#: Half-width of the window of thresholds, around ``hidden_threshold``, where
#: the threshold-dependent metrics stay hidden (in slider steps).
_HIDDEN_WINDOW_STEPS = 1.5

#: The rows of the explorer's table, in order.
_ROWS = (
    "AUC (tous seuils confondus)",
    "Sensibilité : sepsis détectés",
    "Spécificité : autres séjours sans alerte",
    "Alertes pour 100 séjours",
    "Sepsis manqués pour 100 séjours",
    "Valeur prédictive positive (VPP)",
)


def _token(key: object) -> str:
    """Return a placeholder that pandas' HTML keeps as is, replaced at each update."""
    return f"@@{key}@@"


_COLOURS = (PALETTE["blue"], PALETTE["vermillion"], PALETTE["bluish_green"], PALETTE["orange"])


@dataclass(frozen=True)
class SiteAlertStats:
    """What an alert threshold means at one site.

    Attributes
    ----------
    stays, sepsis, alerts, true_alerts, missed : int
        Counts: stays, sepsis cases, alerts (score ≥ threshold), alerts on a
        sepsis case, sepsis cases without an alert.
    sensitivity, specificity : float
        True positive and true negative rates.
    alerts_per_100, missed_per_100 : float
        Alerts and missed sepsis cases per 100 stays (not per 100 sepsis cases).
    ppv : float
        Share of true sepsis cases among the alerts (NaN without any alert).
    """

    stays: int
    sepsis: int
    alerts: int
    true_alerts: int
    missed: int
    sensitivity: float
    specificity: float
    alerts_per_100: float
    missed_per_100: float
    ppv: float


def site_alert_stats(y_true: ArrayLike, scores: ArrayLike, threshold: float) -> SiteAlertStats:
    """Alert burden of ``scores ≥ threshold`` against ``y_true`` (1 = sepsis).

    Parameters
    ----------
    y_true : array-like of shape (n,)
        Truth, 1 = sepsis.
    scores : array-like of shape (n,)
        Predicted risks.
    threshold : float
        Alert when the score is at least this value.

    Returns
    -------
    SiteAlertStats
    """
    y = np.asarray(y_true).astype(bool)
    alert = np.asarray(scores, dtype=float) >= threshold
    stays, sepsis = int(y.size), int(y.sum())
    alerts = int(alert.sum())
    true_alerts = int((alert & y).sum())
    false_alerts = alerts - true_alerts
    return SiteAlertStats(
        stays=stays,
        sepsis=sepsis,
        alerts=alerts,
        true_alerts=true_alerts,
        missed=sepsis - true_alerts,
        sensitivity=true_alerts / sepsis if sepsis else math.nan,
        specificity=1 - false_alerts / (stays - sepsis) if stays > sepsis else math.nan,
        alerts_per_100=100 * alerts / stays if stays else math.nan,
        missed_per_100=100 * (sepsis - true_alerts) / stays if stays else math.nan,
        ppv=true_alerts / alerts if alerts else math.nan,
    )


class SiteAlertExplorer:
    """Interactive explorer of one score at several hospitals, at an alert threshold.

    A dropdown chooses the site, a slider the alert threshold (both keyboard
    operable). The table gives, for the chosen site, the AUC, sensitivity,
    specificity, alerts and missed sepsis cases per 100 stays and the positive
    predictive value, in numbers and in words; the figure draws every site's
    ROC curve (each with its own line style) and the chosen site's point.

    Parameters
    ----------
    sites : mapping of str to (y_true, scores)
        Site label (e.g. ``"H1 interne"``) → truth (1 = sepsis) and scores.
    threshold : float, default=0.1
        Initial alert threshold.
    step : float, default=0.01
        Slider step.
    max_threshold : float, default=0.6
        Upper end of the slider (sepsis risks are mostly low).
    hidden_until : mapping of str to str, optional
        Metric (one of :data:`HIDEABLE_METRICS`) → name of the question whose
        answer it is, for the site ``hidden_site``: while
        :func:`esn_teach.checks.passed` is False for that question, the value
        is written « cachée ». The AUC is hidden at every threshold; the other
        metrics only within 1.5 slider steps of ``hidden_threshold``.
    hidden_site : str, optional
        The site whose values ``hidden_until`` hides (required with it).
    hidden_threshold : float, optional
        The threshold a question asks about (required with ``alerts_per_100``
        or ``ppv`` in ``hidden_until``).

    Attributes
    ----------
    site : ipywidgets.Dropdown
    slider : ipywidgets.FloatSlider
    readout : ipywidgets.Label
        The slider's value with a decimal comma.
    table : ipywidgets.HTML
        The metrics of the chosen site, with a sentence in words.
    image : ipywidgets.Image
    figure_view : ExplorerFigure
    widget : ipywidgets.VBox
    controls : dict
        ``{"site": dropdown, "seuil": slider}``.
    stats : SiteAlertStats
        What the table currently shows (hidden values included).
    hidden : set of str
        The metrics currently written « cachée ».
    """

    def __init__(
        self,
        sites: Mapping[str, tuple[ArrayLike, ArrayLike]],
        *,
        threshold: float = 0.1,
        step: float = 0.01,
        max_threshold: float = 0.6,
        hidden_until: Mapping[str, str] | None = None,
        hidden_site: str | None = None,
        hidden_threshold: float | None = None,
    ) -> None:
        if not isinstance(sites, Mapping) or not sites:
            raise TypeError(
                "« sites » doit être un dictionnaire non vide : nom de l'hôpital → "
                f"(vérité, scores) ; {received(sites)}."
            )
        if len(sites) > len(_COLOURS):
            raise ValueError(f"« sites » : au plus {len(_COLOURS)} hôpitaux ; reçu {len(sites)}.")
        step = check_finite_scalar(
            step, "step", numbers.Real, min_val=0.0, max_val=1.0, include_boundaries="right"
        )
        max_threshold = check_finite_scalar(
            max_threshold,
            "max_threshold",
            numbers.Real,
            min_val=0.0,
            max_val=1.0,
            include_boundaries="right",
        )
        threshold = check_finite_scalar(
            threshold, "threshold", numbers.Real, min_val=0.0, max_val=max_threshold
        )
        self._data: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._curves: dict[str, RocCurve] = {}
        for name, pair in sites.items():
            if not isinstance(pair, tuple | list) or len(pair) != 2:
                raise TypeError(
                    f"« sites['{name}'] » doit être une paire (vérité, scores) ; {received(pair)}."
                )
            y = np.asarray(pair[0]).astype(int)
            s = np.asarray(pair[1], dtype=float)
            if y.shape != s.shape or y.ndim != 1:
                raise ValueError(
                    f"« sites['{name}'] » : la vérité et les scores doivent avoir la même "
                    f"longueur ; {y.size} et {s.size} valeurs reçues."
                )
            self._data[str(name)] = (y, s)
            self._curves[str(name)] = roc(y, s)
        self._hidden_until = dict(hidden_until or {})
        if "auc" in self._hidden_until and hidden_site in self._curves:
            # Kept only for drawing: the area a question asks is computed when shown (an
            # evaluated session's student could otherwise read it from the object).
            self._curves[hidden_site] = replace(self._curves[hidden_site], auc=float("nan"))
        unknown = set(self._hidden_until) - set(HIDEABLE_METRICS)
        if unknown:
            raise ValueError(
                f"« hidden_until » : indicateur inconnu {sorted(unknown)} ; "
                f"possibles : {', '.join(HIDEABLE_METRICS)}."
            )
        if self._hidden_until and hidden_site not in self._data:
            raise ValueError(
                "« hidden_site » doit nommer l'un des hôpitaux de « sites » quand "
                f"« hidden_until » est donné ; {received(hidden_site)}."
            )
        if set(self._hidden_until) - {"auc"} and hidden_threshold is None:
            raise ValueError(
                "« hidden_threshold » est nécessaire pour cacher un indicateur qui dépend du seuil."
            )
        self._hidden_site = hidden_site
        self._hidden_threshold = hidden_threshold
        self._step = step

        names = list(self._data)
        with accessible_style():
            self.figure = Figure(figsize=(4.6, 4.4), layout="constrained")
            self._canvas = FigureCanvasAgg(self.figure)
            ax = self.figure.add_subplot()
            for i, name in enumerate(names):
                curve = self._curves[name]
                ax.plot(
                    curve.fpr,
                    curve.tpr,
                    color=_COLOURS[i],
                    linestyle=LINESTYLES[i % len(LINESTYLES)],
                    marker="",
                    label=name,
                )
            ax.plot([0, 1], [0, 1], color=PALETTE["black"], linestyle=":", label="Hasard")
            (self._point,) = ax.plot(
                [0.0],
                [0.0],
                linestyle="none",
                marker="D",
                markersize=10,
                color=PALETTE["black"],
                markeredgecolor="white",
                label="Seuil choisi",
            )
            ax.set_xlim(-0.02, 1.02)
            ax.set_ylim(-0.02, 1.02)
            ax.set_xlabel("1 − spécificité (taux de faux positifs)")
            ax.set_ylabel("Sensibilité (taux de vrais positifs)")
            ax.set_title("Courbes ROC par hôpital")
            ax.legend(loc="lower right", fontsize=9)
            ax.set_aspect("equal")
            self._ax = ax
            self._point.set_animated(True)
            self._background = freeze_background(self._canvas)

        self.site = widgets.Dropdown(
            options=names,
            value=names[0],
            description="Hôpital",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="22em"),
        )
        self.slider = widgets.FloatSlider(
            value=threshold,
            min=0.0,
            max=max_threshold,
            step=step,
            description="Seuil d'alerte (risque prédit)",
            continuous_update=True,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="80%"),
        )
        digits = max(2, -math.floor(math.log10(step) + 1e-9))
        slider_box, self.readout = french_readout(self.slider, digits=digits)
        self.table = widgets.HTML()
        self.figure_view = ExplorerFigure()
        self.image = self.figure_view.image
        self._table_id = new_table_id()
        self._template = self._table_template()
        self.controls: dict[str, widgets.ValueWidget] = {"site": self.site, "seuil": self.slider}
        self.widget = widgets.VBox(
            [self.site, slider_box, side_by_side(self.table, self.figure_view.widget)]
        )
        self.hidden: set[str] = set()
        self.site.observe(self._on_change, names="value")
        self.slider.observe(self._on_change, names="value")
        self.update(names[0], threshold)

    def _on_change(self, change: Any) -> None:
        self.update(str(self.site.value), float(self.slider.value))

    def _hidden_now(self, site: str, threshold: float) -> set[str]:
        if site != self._hidden_site:
            return set()
        hidden = set()
        near = self._hidden_threshold is not None and (
            abs(threshold - self._hidden_threshold) < _HIDDEN_WINDOW_STEPS * self._step
        )
        for metric, question in self._hidden_until.items():
            if (metric == "auc" or near) and not passed(question):
                hidden.add(metric)
        return hidden

    def render_png(self) -> bytes:
        """Return the ROC figure, with the current point, as PNG bytes."""
        return blit_png(self._canvas, self._background, (self._point,))

    def update(self, site: str, threshold: float) -> SiteAlertStats:
        """Recompute everything for ``site`` at ``threshold`` and redraw.

        Parameters
        ----------
        site : str
            One of the sites' names.
        threshold : float
            Alert threshold.

        Returns
        -------
        SiteAlertStats
        """
        y, scores = self._data[site]
        stats = site_alert_stats(y, scores, threshold)
        self.hidden = self._hidden_now(site, threshold)
        x, sens = 1 - stats.specificity, stats.sensitivity
        self._point.set_data([x], [sens])
        self.figure_view.show(self.render_png(), self._describe(site, threshold, stats))
        self.table.value = self._table_html(site, threshold, stats)
        # A rate the table shows « cachée » is NaN here too.
        if "alerts_per_100" in self.hidden:
            stats = replace(stats, alerts_per_100=float("nan"))
        if "missed_per_100" in self.hidden:
            stats = replace(stats, missed_per_100=float("nan"))
        if "ppv" in self.hidden:
            stats = replace(stats, ppv=float("nan"))
        self.stats = stats
        return stats

    def _describe(self, site: str, threshold: float, stats: SiteAlertStats) -> str:
        others = ", ".join(name for name in self._data if name != site)
        return (
            f"Courbes ROC de chaque hôpital ({', '.join(self._data)}), chacune avec son style "
            f"de trait, et la diagonale du hasard en pointillés. Le losange marque, pour "
            f"{site} au seuil {fr_number(threshold, 2)}, le point de sensibilité "
            f"{fr_number(stats.sensitivity, 2)} et de spécificité "
            f"{fr_number(stats.specificity, 2)}. Comparez-le aux courbes de {others} : plus "
            f"une courbe s'éloigne de la diagonale, mieux le score sépare sepsis et autres "
            f"séjours."
        )

    def _table_template(self) -> str:
        """Render the table's HTML once, with a token in each place that changes.

        Rendering a ``Styler`` costs tens of milliseconds; replacing the tokens, microseconds.
        """
        frame = pd.DataFrame({"Valeur": [_token(i) for i in range(len(_ROWS))]}, index=list(_ROWS))
        return (
            styled_table(
                frame,
                caption=_token("caption"),
                table_id=self._table_id,
                header=False,
                text_columns=["Valeur"],
            )
            .format(cast("Callable[[object], str]", str))
            .to_html()
        )

    def _table_html(self, site: str, threshold: float, stats: SiteAlertStats) -> str:
        hidden = "cachée (question pas encore dite juste)"

        def stays_of(n: int) -> str:
            return f"{fr_count(n)} sur {fr_count(stats.stays)}"

        auc = hidden if "auc" in self.hidden else fr_number(roc(*self._data[site]).auc, 3)
        per_100 = (
            hidden
            if "alerts_per_100" in self.hidden
            else f"{fr_number(stats.alerts_per_100, 1)} ({stays_of(stats.alerts)})"
        )
        if "ppv" in self.hidden:
            ppv = hidden
        elif stats.alerts == 0:
            ppv = "non définie (aucune alerte)"
        else:
            ppv = (
                f"{fr_number(stats.ppv, 3)} : sur 10 alertes, {fr_number(10 * stats.ppv, 1)} "
                f"vrais sepsis"
            )
        rows = {
            _ROWS[0]: auc,
            _ROWS[1]: (
                f"{fr_number(stats.sensitivity, 3)} "
                f"({fr_count(stats.true_alerts)} sur {fr_count(stats.sepsis)})"
            ),
            _ROWS[2]: fr_number(stats.specificity, 3),
            _ROWS[3]: per_100,
            _ROWS[4]: (
                hidden
                if "missed_per_100" in self.hidden
                else f"{fr_number(stats.missed_per_100, 1)} ({stays_of(stats.missed)})"
            ),
            _ROWS[5]: ppv,
        }
        caption = f"{site}, seuil d'alerte {fr_number(threshold, 2)}"
        html = self._template.replace(_token("caption"), escape(caption, quote=False))
        for i, value in enumerate(rows.values()):
            html = html.replace(_token(i), escape(value, quote=False))
        if "missed_per_100" in self.hidden:
            words = (
                f"À {site}, {fr_count(stats.alerts)} alertes pour {fr_count(stats.stays)} "
                "séjours ; les sepsis manqués restent cachés près du seuil de la question."
                if "alerts_per_100" not in self.hidden
                else "La charge d'alertes et les sepsis manqués restent cachés près du seuil "
                "de la question."
            )
        elif "alerts_per_100" in self.hidden:
            words = (
                f"À {site}, {fr_count(stats.missed)} sepsis sur {fr_count(stats.sepsis)} passent "
                "sans alerte ; "
                "la charge d'alertes reste cachée près du seuil de la question."
            )
        else:
            words = (
                f"En clair : à {site}, pour 100 séjours, le score déclenche "
                f"{fr_number(stats.alerts_per_100, 1)} alertes et laisse passer "
                f"{fr_number(stats.missed_per_100, 1)} sepsis sans alerte."
            )
        return html + f'<p style="margin:4px 0">{words}</p>'

    def _ipython_display_(self) -> None:
        show_explorer(self.widget)
