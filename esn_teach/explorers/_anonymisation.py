"""Anonymisation explorer: generalisation controls drive k, l, unique rows and a linkage attack."""

from __future__ import annotations

import numbers
from functools import partial

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from esn_teach._formatting import fr_count, fr_number, fr_percent
from esn_teach._validation import check_finite_scalar, kind_of
from esn_teach.explorers._blit import blit_png, freeze_background
from esn_teach.explorers._controls import show_explorer
from esn_teach.explorers._figure import ExplorerFigure, side_by_side
from esn_teach.explorers._table import new_table_id, styled_table
from esn_teach.plotting import PALETTE, accessible_style
from esn_teach.privacy import (
    age_bands,
    age_on,
    birth_date_span,
    generalise_date,
    generalise_place,
    values_merged,
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
    ("non publié", "none"),
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


class AnonymisationExplorer:
    """Generalise a pseudonymised registry and watch the re-identification risk.

    Three controls choose what is published for each patient besides the sex:
    the width of the age bands (age on ``reference``, 90 and over grouped;
    published only when the birth date is not), the place (postcode,
    département or region) and the birth date (day, month, year or not
    published). Each change recomputes, on the registry and
    on the attacker's external list generalised in the same way: k
    (k-anonymity), l (distinct l-diversity of the sensitive column), the share
    of unique rows, the patients re-identified by linkage, and what is lost on
    one scale whatever the choice: the mean width in years of the birth dates
    still possible (from the published birth date, or else from the age band),
    and the mean number of postcodes merged into the published place. Numbers
    are written in a table; a bar chart, drawn once and updated by blitting,
    shows the share of patients by size of their class.

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
    place : {"postcode", "departement", "region", "none"}, default="postcode"
        Initial level of the place (``"none"`` = not published).
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
        The bar chart, shown at its drawn size; its ``tooltip`` (the
        ``<img>``'s title) is the text alternative.
    figure_view : ExplorerFigure
        The image and its text alternative, also written under it.
    widget : ipywidgets.VBox
        What to display.
    measures : dict
        The measures currently shown: ``k``, ``l``, ``unique_share``,
        ``n_reidentified``, ``reidentification_rate``, ``age_span_years``
        (:func:`esn_teach.privacy.birth_date_span`), ``postcodes_merged``
        (:func:`esn_teach.privacy.values_merged`), ``size_shares`` (one share
        per group of :data:`SIZE_GROUPS`).
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
                raise TypeError(
                    f"« {name} » doit être un tableau pandas (DataFrame) ; reçu : {kind_of(frame)}."
                )
            missing = [c for c in needed if c not in frame.columns]
            if missing:
                raise ValueError(f"il manque à « {name} » les colonnes {', '.join(missing)}.")
            if len(frame) == 0:
                raise ValueError(f"le tableau « {name} » est vide.")
        for name, value, options in (
            ("birth_date", birth_date, BIRTH_DATE_OPTIONS),
            ("place", place, PLACE_OPTIONS),
        ):
            levels = [level for _, level in options]
            if value not in levels:
                raise ValueError(
                    f"niveau inconnu pour « {name} » : {value!r} ; "
                    f"niveaux possibles : {', '.join(map(repr, levels))}."
                )
        check_finite_scalar(age_width, "age_width", numbers.Integral, min_val=1, max_val=30)
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
        self._cache: dict[tuple[str, object], pd.Series] = {}
        self._codes_cache: dict[tuple[str, object], tuple[np.ndarray, int]] = {}
        self._loss_cache: dict[tuple[str, object], float] = {}
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
            disabled=birth_date != "none",
            style=style,
            layout=widgets.Layout(width="70%"),
        )
        # A dropdown is 300 px wide by default, label included: the list of a long label
        # was cut. Each is as wide as its label and its longest option.
        place_menu = widgets.Dropdown(
            options=PLACE_OPTIONS,
            value=place,
            description="Lieu publié",
            style=style,
            layout=widgets.Layout(width="max-content", margin="2px 24px 2px 2px"),
        )
        birth_menu = widgets.Dropdown(
            options=BIRTH_DATE_OPTIONS,
            value=birth_date,
            description="Date de naissance publiée",
            style=style,
            layout=widgets.Layout(width="max-content"),
        )
        self.controls: dict[str, widgets.ValueWidget] = {
            "largeur_age": slider,
            "lieu": place_menu,
            "date_naissance": birth_menu,
        }
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.table = widgets.HTML()
        self.figure_view = ExplorerFigure()
        self.image = self.figure_view.image
        menus = widgets.HBox([place_menu, birth_menu], layout=widgets.Layout(flex_flow="row wrap"))
        self.widget = widgets.VBox(
            [slider, menus, side_by_side(self.table, self.figure_view.widget)]
        )
        self.measures: dict[str, object] = {}
        self._table_id = new_table_id()
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
    def _column(self, name: str, level: object) -> pd.Series:
        key = (name, level)
        if key not in self._cache:
            if level == "none":
                column = pd.Series(np.zeros(len(self._births), dtype=np.int8))
            elif name == "age_band":
                column = age_bands(self._ages, int(level), top=90)  # type: ignore[call-overload]
            elif name == "place":
                column = generalise_place(self._postcodes, str(level))
            else:
                column = generalise_date(self._births, str(level))
            self._cache[key] = column.reset_index(drop=True)
        return self._cache[key]

    def _codes(self, name: str, level: object) -> tuple[np.ndarray, int]:
        key = (name, level)
        if key not in self._codes_cache:
            self._codes_cache[key] = _column_codes(self._column(name, level))
        return self._codes_cache[key]

    def _loss(self, name: str, level: object) -> float:
        """Detail lost on the registry: years of possible birth dates, or postcodes merged."""
        key = (name, level)
        if key not in self._loss_cache:
            n = self._n_registry
            published = self._column(name, level).iloc[:n]
            if name == "place":
                original = self._postcodes.iloc[:n].reset_index(drop=True)
                self._loss_cache[key] = values_merged(original, published)
            else:
                births = pd.Series(pd.to_datetime(self._births.iloc[:n]).to_numpy())
                self._loss_cache[key] = birth_date_span(births, published)
        return self._loss_cache[key]

    def _age_span(self, levels: dict[str, object]) -> float:
        """Years of possible birth dates: from the birth date if published, else the age band."""
        if levels["birth"] != "none":
            return self._loss("birth", levels["birth"])
        return self._loss("age_band", levels["age_band"])

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

    def _levels(self) -> dict[str, object]:
        """Return what is published: with a birth date, the (disabled) age slider adds nothing.

        The age band then adds no information of its own, but its class would: an age on
        ``reference`` splits the people born on 1 January from the others of their year,
        so k, l and the linkage would depend on a slider the student cannot see move.
        """
        birth = self.controls["date_naissance"].value
        return {
            "age_band": int(self.controls["largeur_age"].value) if birth == "none" else "none",
            "place": self.controls["lieu"].value,
            "birth": birth,
        }

    def _on_change(self, change: dict) -> None:
        # The age follows from any published birth date: the age slider then changes nothing.
        self.controls["largeur_age"].disabled = self.controls["date_naissance"].value != "none"
        self.update()

    def _describe(self, levels: dict[str, object], shares: list[float]) -> str:
        """Text alternative of the bar chart."""
        place = dict((level, label) for label, level in PLACE_OPTIONS)[str(levels["place"])]
        birth = dict((level, label) for label, level in BIRTH_DATE_OPTIONS)[str(levels["birth"])]
        place_text = "sans lieu" if levels["place"] == "none" else f"le lieu « {place} »"
        bars = " ; ".join(
            f"{label} : {fr_percent(share, 2 if 0 < share < 0.001 else 1)}"
            for (label, _, _), share in zip(SIZE_GROUPS, shares, strict=True)
        )
        if levels["birth"] == "none":
            width = int(levels["age_band"])  # type: ignore[call-overload]
            age_text = f"l'âge en classes de {width} an{'s' if width > 1 else ''}"
        else:
            age_text = "l'âge (connu par la date de naissance)"
        return (
            "Diagramme en barres de la part des patients du registre selon la taille de leur "
            f"classe, quand on publie le sexe, {age_text}, {place_text} "
            f"et la date de naissance « {birth} ». {bars[:1].upper()}{bars[1:]}."
        )

    def update(self) -> dict[str, object]:
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
        shares = [float(np.mean((sizes >= low) & (sizes <= high))) for _, low, high in SIZE_GROUPS]
        measures: dict[str, object] = {
            "k": int(sizes.min()),
            "l": int(_distinct_per_class(code_r, self._sensitive_codes).min()),
            "unique_share": float(np.mean(sizes == 1)),
            "n_reidentified": n_reidentified,
            "reidentification_rate": n_reidentified / n,
            "age_span_years": self._age_span(levels),
            "postcodes_merged": self._loss("place", levels["place"]),
            "size_shares": shares,
        }
        for bar, text, share in zip(self._bars, self._texts, shares, strict=True):
            bar.set_width(share)
            text.set_x(share + 0.01)
            text.set_text(fr_percent(share, 2 if 0 < share < 0.001 else 1))
        self.figure_view.show(self.render_png(), self._describe(levels, shares))
        self.table.value = _measures_html(measures, self._n_registry, self._table_id)
        self.measures = measures
        return measures

    def _ipython_display_(self) -> None:
        show_explorer(self.widget)


def _fine_percent(share: float) -> str:
    """Write a share as a percentage, with two decimals if it would print as 0,0 %."""
    return fr_percent(share, 2 if 0 < share < 0.001 else 1)


def _measures_html(measures: dict[str, object], n_registry: int, table_id: str) -> str:
    k, l_value = measures["k"], measures["l"]
    rows = {
        "k (k-anonymat)": (
            k,
            "taille de la plus petite classe : chaque patient est confondu avec au moins k − 1 "
            "autres" + (" ; k = 1 : au moins un patient est seul" if k == 1 else ""),
        ),
        "l (l-diversité du diagnostic)": (
            l_value,
            "le plus petit nombre de diagnostics différents dans une classe"
            + (" ; l = 1 : une classe entière a le même diagnostic" if l_value == 1 else ""),
        ),
        "Lignes uniques": (
            measures["unique_share"],
            "part des patients seuls dans leur classe (individualisables)",
        ),
        "Dossiers reliés à un nom": (
            f"{fr_count(measures['n_reidentified'])} sur {fr_count(n_registry)} "
            f"({_fine_percent(float(measures['reidentification_rate']))})",  # type: ignore[arg-type]
            "dossiers reliés à un seul nom de la liste externe (croisement) ; certains "
            "liens peuvent être faux",
        ),
        "Âge : années confondues": (
            measures["age_span_years"],
            "détail perdu sur l'âge : largeur moyenne, en années, de la période où peut tomber "
            "la date de naissance d'un patient (date complète : 0,00 ; année ou classe d'un an : "
            "1 environ, plus pour les 90 ans et plus regroupés)",
        ),
        "Lieu : codes postaux confondus": (
            measures["postcodes_merged"],
            "détail perdu sur le lieu : nombre moyen de codes postaux que le lieu publié ne "
            "distingue plus (code postal publié : 1)",
        ),
    }
    frame = pd.DataFrame.from_dict(
        rows, orient="index", columns=["Valeur", "Signification"], dtype=object
    )
    return styled_table(
        frame,
        caption="Risque et perte de détail de la publication",
        table_id=f"{table_id}_mesures",
        header=False,
        row_formats={
            "Lignes uniques": _fine_percent,
            "Âge : années confondues": partial(fr_number, digits=2),
            "Lieu : codes postaux confondus": partial(fr_number, digits=1),
        },
        text_columns=["Signification"],
        bold_columns=["Valeur"],
    ).to_html()
