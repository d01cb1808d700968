"""Anonymisation explorer: generalisation controls drive k, l, unique rows and a linkage attack."""

from __future__ import annotations

from html import escape
from typing import TypedDict

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from esn_teach._formatting import fr_number, fr_percent
from esn_teach.explorers._blit import blit_png, freeze_background
from esn_teach.plotting import PALETTE, accessible_style
from esn_teach.privacy import (
    age_bands,
    age_on,
    generalise_date,
    generalise_place,
    information_loss,
)
from esn_teach.privacy._measures import (
    _column_codes,
    _combine_codes,
    _distinct_per_class,
    _link_codes,
)

__all__ = ["AnonymisationExplorer"]

#: Date levels offered for the birth date: (label, level); ``"none"`` = not published.
BIRTH_DATE_OPTIONS: list[tuple[str, str]] = [
    ("date complète (jour)", "day"),
    ("mois et année", "month"),
    ("année seule", "year"),
    ("non publiée", "none"),
]
PLACE_OPTIONS: list[tuple[str, str]] = [
    ("code postal", "postcode"),
    ("département", "departement"),
    ("région", "region"),
]
#: Groups of equivalence-class sizes shown in the figure: (label, smallest, largest).
SIZE_GROUPS: list[tuple[str, int, float]] = [
    ("seul (classe de 1)", 1, 1),
    ("classe de 2 à 4", 2, 4),
    ("classe de 5 à 9", 5, 9),
    ("classe de 10 ou plus", 10, np.inf),
]
_HATCHES = ["xx", "//", "..", ""]
_COLOURS = [PALETTE["vermillion"], PALETTE["orange"], PALETTE["sky_blue"], PALETTE["blue"]]


class _Measures(TypedDict):
    """The measures shown, as :meth:`AnonymisationExplorer.update` returns them."""

    k: int
    l: int  # noqa: E741 (the l of l-diversity)
    unique_share: float
    n_reidentified: int
    reidentification_rate: float
    information_loss: float
    size_shares: list[float]


class AnonymisationExplorer:
    """Generalise a pseudonymised registry and watch the re-identification risk.

    Three controls choose what is published for each patient besides the sex:
    the width of the age bands (age on ``reference``, 90 and over grouped),
    the place (postcode, département or region) and the birth date (day,
    month, year or not published). Each change recomputes, on the registry and
    on the attacker's external list generalised in the same way: k
    (k-anonymity), l (distinct l-diversity of the sensitive column), the share
    of unique rows, the patients re-identified by linkage and the information
    lost. Numbers are written in a table; a bar chart, drawn once and updated
    by blitting, shows the share of patients by size of their class.

    Parameters
    ----------
    registry : pandas.DataFrame
        With ``sex``, ``birth_date``, ``postcode`` and the sensitive column
        (e.g. from :func:`esn_teach.datasets.make_french_registry`).
    external : pandas.DataFrame
        The attacker's named list with ``sex``, ``birth_date`` and ``postcode``
        (e.g. from :func:`esn_teach.datasets.make_voter_list`).
    sensitive : str, default="diagnosis"
        The sensitive column of ``registry``.
    reference : str, default="2025-01-01"
        Date at which ages are computed (the date of the extract).
    age_width : int, default=1
        Initial width of the age bands, in years (1 to 30).
    place : {"postcode", "departement", "region"}, default="postcode"
        Initial level of the place.
    birth_date : {"day", "month", "year", "none"}, default="day"
        Initial level of the birth date.

    Attributes
    ----------
    controls : dict
        ``"largeur_age"`` (IntSlider), ``"lieu"`` and ``"date_naissance"``
        (Dropdowns): what a student moves.
    table : ipywidgets.HTML
        The measures, as text.
    image : ipywidgets.Image
        The bar chart.
    widget : ipywidgets.VBox
        What to display.
    measures : dict
        The measures currently shown: ``k``, ``l``, ``unique_share``,
        ``n_reidentified``, ``reidentification_rate``, ``information_loss``,
        ``size_shares`` (one share per group of :data:`SIZE_GROUPS`).
    """

    def __init__(
        self,
        registry: pd.DataFrame,
        external: pd.DataFrame,
        *,
        sensitive: str = "diagnosis",
        reference: str = "2025-01-01",
        age_width: int = 1,
        place: str = "postcode",
        birth_date: str = "day",
    ) -> None:
        for name, frame, needed in (
            ("registry", registry, ["sex", "birth_date", "postcode", sensitive]),
            ("external", external, ["sex", "birth_date", "postcode"]),
        ):
            if not isinstance(frame, pd.DataFrame):
                raise TypeError(f"{name} must be a pandas DataFrame, got {type(frame).__name__}")
            missing = [c for c in needed if c not in frame.columns]
            if missing:
                raise ValueError(f"{name} lacks the columns {missing}")
            if len(frame) == 0:
                raise ValueError(f"{name} is empty")
        if birth_date not in dict((v, k) for k, v in BIRTH_DATE_OPTIONS):
            raise ValueError(f"unknown birth_date level {birth_date!r}")
        if place not in dict((v, k) for k, v in PLACE_OPTIONS):
            raise ValueError(f"unknown place level {place!r}")
        if not 1 <= int(age_width) <= 30:
            raise ValueError(f"age_width must be between 1 and 30, got {age_width!r}")
        self.sensitive = sensitive
        self._n_registry = len(registry)
        self._sex = pd.concat(
            [registry["sex"].astype(str), external["sex"].astype(str)], ignore_index=True
        ).astype("category")
        births = pd.concat([registry["birth_date"], external["birth_date"]], ignore_index=True)
        postcodes = pd.concat(
            [registry["postcode"].astype(str), external["postcode"].astype(str)],
            ignore_index=True,
        )
        self._ages = age_on(births, reference)
        self._births = births
        self._postcodes = postcodes
        self._sensitive = pd.Series(registry[sensitive].to_numpy())
        self._sensitive_codes = _column_codes(self._sensitive)[0]
        self._sex_codes = _column_codes(self._sex)
        self._cache: dict[tuple[str, int | str], pd.Series] = {}
        self._codes_cache: dict[tuple[str, int | str], tuple[np.ndarray, int]] = {}
        self._loss_cache: dict[tuple[str, int | str], float] = {}
        self._original = pd.DataFrame(
            {"age_band": self._ages, "place": postcodes, "birth": births}
        ).iloc[: self._n_registry]

        for level in PLACE_OPTIONS:  # precompute the slow generalisations once
            self._loss("place", level[1])
        for level in BIRTH_DATE_OPTIONS:
            self._loss("birth", level[1])
        self._build_figure()
        style = {"description_width": "initial"}
        slider = widgets.IntSlider(
            value=int(age_width),
            min=1,
            max=30,
            step=1,
            description="Largeur des classes d'âge (années)",
            continuous_update=True,
            style=style,
            layout=widgets.Layout(width="70%"),
        )
        place_menu = widgets.Dropdown(
            options=PLACE_OPTIONS, value=place, description="Lieu publié", style=style
        )
        birth_menu = widgets.Dropdown(
            options=BIRTH_DATE_OPTIONS,
            value=birth_date,
            description="Date de naissance publiée",
            style=style,
        )
        self.controls: dict[str, widgets.ValueWidget] = {
            "largeur_age": slider,
            "lieu": place_menu,
            "date_naissance": birth_menu,
        }
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.table = widgets.HTML()
        self.image = widgets.Image(format="png", layout=widgets.Layout(width="540px"))
        self.widget = widgets.VBox(
            [slider, widgets.HBox([place_menu, birth_menu]), widgets.HBox([self.table, self.image])]
        )
        self.measures: _Measures | dict = {}  # empty until the update just below
        self.update()

    # -- figure -----------------------------------------------------------------
    def _build_figure(self) -> None:
        with accessible_style():
            self.figure = Figure(figsize=(6.0, 3.2), layout="constrained")
            self._canvas = FigureCanvasAgg(self.figure)
            ax = self.figure.add_subplot()
            positions = np.arange(len(SIZE_GROUPS))[::-1]
            self._bars = ax.barh(
                positions,
                np.zeros(len(SIZE_GROUPS)),
                color=_COLOURS,
                edgecolor="black",
                hatch=_HATCHES,
                height=0.6,
            )
            ax.set_yticks(positions, [label for label, _, _ in SIZE_GROUPS])
            ax.set_xlim(0, 1.18)
            ax.set_xticks(np.linspace(0, 1, 6), [f"{int(100 * t)} %" for t in np.linspace(0, 1, 6)])
            ax.set_xlabel("Part des patients du registre")
            ax.set_ylabel("Taille de leur classe")
            ax.set_title("Patients selon la taille de leur classe")
            ax.grid(axis="y", visible=False)
            self._texts = [
                ax.text(0, pos, "", va="center", ha="left", fontsize=10, fontweight="bold")
                for pos in positions
            ]
            self._ax = ax
            for artist in [*self._bars, *self._texts]:
                artist.set_animated(True)
            self._background = freeze_background(self._canvas)

    def render_png(self) -> bytes:
        """Return the bar chart, with the current shares, as PNG bytes."""
        return blit_png(self._canvas, self._background, [*self._bars, *self._texts])

    # -- computation ------------------------------------------------------------
    def _column(self, name: str, level: int | str) -> pd.Series:
        key = (name, level)
        if key not in self._cache:
            if name == "age_band":
                column = age_bands(self._ages, int(level), top=90)
            elif name == "place":
                column = generalise_place(self._postcodes, str(level))
            elif level == "none":
                column = pd.Series(np.zeros(len(self._births), dtype=np.int8))
            else:
                column = generalise_date(self._births, str(level))
            self._cache[key] = column.reset_index(drop=True)
        return self._cache[key]

    def _codes(self, name: str, level: int | str) -> tuple[np.ndarray, int]:
        key = (name, level)
        if key not in self._codes_cache:
            self._codes_cache[key] = _column_codes(self._column(name, level))
        return self._codes_cache[key]

    def _loss(self, name: str, level: int | str) -> float:
        key = (name, level)
        if key not in self._loss_cache:
            generalised = pd.DataFrame({name: self._column(name, level).iloc[: self._n_registry]})
            self._loss_cache[key] = information_loss(self._original, generalised, [name])
        return self._loss_cache[key]

    def released(self) -> pd.DataFrame:
        """Return the registry as currently published (generalised quasi-identifiers)."""
        frame = self._both().iloc[: self._n_registry].copy()
        frame[self.sensitive] = self._sensitive.to_numpy()
        return frame

    def _both(self) -> pd.DataFrame:
        levels = self._levels()
        return pd.DataFrame(
            {
                "sex": self._sex,
                "age_band": self._column("age_band", levels["age_band"]),
                "place": self._column("place", levels["place"]),
                "birth": self._column("birth", levels["birth"]),
            }
        )

    def _levels(self) -> dict[str, int | str]:
        return {
            "age_band": int(self.controls["largeur_age"].value),
            "place": self.controls["lieu"].value,
            "birth": self.controls["date_naissance"].value,
        }

    def _on_change(self, change: dict) -> None:
        self.update()

    def update(self) -> _Measures:
        """Recompute every measure for the current controls, and redraw.

        Returns
        -------
        dict
            The measures shown (see :attr:`measures`).
        """
        levels = self._levels()
        n = self._n_registry
        codes = _combine_codes(
            [self._sex_codes, *(self._codes(name, level) for name, level in levels.items())]
        )
        code_r, code_e = codes[:n], codes[n:]
        sizes = np.bincount(code_r)[code_r]
        n_reidentified = len(_link_codes(code_r, code_e)[0])
        loss = float(np.mean([self._loss(name, level) for name, level in levels.items()]))
        shares = [float(np.mean((sizes >= low) & (sizes <= high))) for _, low, high in SIZE_GROUPS]
        measures: _Measures = {
            "k": int(sizes.min()),
            "l": int(_distinct_per_class(code_r, self._sensitive_codes).min()),
            "unique_share": float(np.mean(sizes == 1)),
            "n_reidentified": n_reidentified,
            "reidentification_rate": n_reidentified / n,
            "information_loss": loss,
            "size_shares": shares,
        }
        for bar, text, share in zip(self._bars, self._texts, shares, strict=True):
            bar.set_width(share)
            text.set_x(share + 0.01)
            text.set_text(fr_percent(share, 2 if 0 < share < 0.001 else 1))
        self.image.value = self.render_png()
        self.table.value = _measures_html(measures, self._n_registry)
        self.measures = measures
        return measures

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def _measures_html(measures: _Measures, n_registry: int) -> str:
    k, l_value = measures["k"], measures["l"]
    rows = [
        (
            "k (k-anonymat)",
            f"{k}",
            "taille de la plus petite classe : chaque patient est confondu avec au moins k − 1 "
            "autres" + (" ; k = 1 : au moins un patient est seul" if k == 1 else ""),
        ),
        (
            "l (l-diversité du diagnostic)",
            f"{l_value}",
            "le plus petit nombre de diagnostics différents dans une classe"
            + (" ; l = 1 : une classe entière a le même diagnostic" if l_value == 1 else ""),
        ),
        (
            "Lignes uniques",
            fr_percent(float(measures["unique_share"])),
            "part des patients seuls dans leur classe (individualisables)",
        ),
        (
            "Dossiers reliés à un nom",
            f"{measures['n_reidentified']} sur {n_registry} "
            f"({fr_percent(float(measures['reidentification_rate']))})",
            "dossiers reliés à un seul nom de la liste externe (croisement) ; certains "
            "liens peuvent être faux",
        ),
        (
            "Perte d'information",
            fr_number(float(measures["information_loss"]), 2),
            "0 = rien perdu ; 1 = tout est confondu (moyenne sur âge, lieu, date)",
        ),
    ]
    body = "".join(
        f"<tr><th style='text-align:left;padding-right:8px'>{escape(label)}</th>"
        f"<td style='padding-right:8px'><b>{escape(value)}</b></td><td>{escape(note)}</td></tr>"
        for label, value, note in rows
    )
    return f"<table><caption><b>Risque et utilité de la publication</b></caption>{body}</table>"
