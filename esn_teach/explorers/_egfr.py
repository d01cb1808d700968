"""Patient calculator: one patient's eGFR with CKD-EPI 2009 (race coefficient) and 2021."""

from __future__ import annotations

import numbers
from collections.abc import Callable
from html import escape

import ipywidgets as widgets
import pandas as pd

from esn_teach._formatting import fr_number
from esn_teach._validation import check_finite_scalar
from esn_teach.datasets import egfr_ckd_epi_2009, egfr_ckd_epi_2021, gfr_category
from esn_teach.explorers._controls import show_explorer
from esn_teach.explorers._table import new_table_id, styled_table

__all__ = ["UMOL_PER_MG", "EgfrExplorer"]

#: µmol/L of creatinine in 1 mg/dL (molar mass of creatinine 113.12 g/mol).
UMOL_PER_MG = 88.4

#: The two thresholds the module discusses (mL/min/1.73 m²): CKD stage G3 starts
#: below 60; in the United States, kidney-transplant waiting time accrues from 20 or less.
STAGE_G3_BELOW = 60.0
WAITLIST_AT_OR_BELOW = 20.0

_NARROW_NBSP = "\u202f"


class EgfrExplorer:
    """Compute one patient's eGFR with both CKD-EPI equations and flag threshold crossings.

    Four controls: serum creatinine in µmol/L (as French laboratories report it;
    converted to mg/dL by dividing by 88.4), age, sex, and the race recorded for
    the 2009 equation (its × 1.159 coefficient; the 2021 equation ignores it).
    The output is text only: the conversion, a table of both estimates (rounded
    to the unit, as a report would show them) with their KDIGO stages, and one
    sentence per threshold (60 and 20 mL/min/1.73 m²) saying in words whether
    the two equations fall on the same side, with a symbol, never by colour
    alone. An update computes two formulas and rebuilds a short HTML string:
    well under 100 ms.

    Parameters
    ----------
    creatinine : int, default=100
        Serum creatinine (µmol/L), 40 to 1000, a multiple of 5 (the slider's step).
    age : int, default=50
        Age in years, 18 to 95.
    female : bool, default=True
        Sex used by the equations.
    black : bool, default=False
        Race recorded for the 2009 equation.

    Attributes
    ----------
    widget : ipywidgets.VBox
        What to display in the notebook.
    controls : dict
        ``creatinine``, ``age`` (sliders), ``sexe``, ``race`` (dropdowns): what a
        student moves, also driven by the benchmarks and browser tests.
    output : ipywidgets.HTML
        The conversion, the table and the threshold sentences.
    state : dict
        What is shown: ``creatinine`` (µmol/L), ``scr_mg_dl``, ``age``, ``female``,
        ``black``, ``egfr_2009``, ``egfr_2021`` (unrounded), ``stage_2009``,
        ``stage_2021``, ``crosses_60``, ``crosses_20``.
    """

    def __init__(
        self,
        *,
        creatinine: int = 100,
        age: int = 50,
        female: bool = True,
        black: bool = False,
    ) -> None:
        check_finite_scalar(creatinine, "creatinine", numbers.Integral, min_val=40, max_val=1000)
        check_finite_scalar(age, "age", numbers.Integral, min_val=18, max_val=95)
        for name, flag in (("female", female), ("black", black)):
            if not isinstance(flag, bool):
                raise TypeError(f"« {name} » doit valoir True ou False ; reçu : {flag!r}.")
        style = {"description_width": "initial"}
        self.creatinine = widgets.IntSlider(
            value=int(creatinine),
            min=40,
            max=1000,
            step=5,
            description="Créatinine sérique (µmol/L)",
            continuous_update=True,
            style=style,
            layout=widgets.Layout(width="70%"),
        )
        self.age = widgets.IntSlider(
            value=int(age),
            min=18,
            max=95,
            step=1,
            description="Âge (ans)",
            continuous_update=True,
            style=style,
            layout=widgets.Layout(width="70%"),
        )
        self.sex = widgets.Dropdown(
            options=[("femme", True), ("homme", False)],
            value=female,
            description="Sexe",
            style=style,
            layout=widgets.Layout(width="420px"),
        )
        self.race = widgets.Dropdown(
            options=[
                ("noir·e (coefficient × 1,159 de 2009)", True),
                ("non noir·e (pas de coefficient)", False),
            ],
            value=black,
            description="Race déclarée (équation 2009 seulement)",
            style=style,
            layout=widgets.Layout(width="640px"),
        )
        self.output = widgets.HTML()
        self.controls: dict[str, widgets.ValueWidget] = {
            "creatinine": self.creatinine,
            "age": self.age,
            "sexe": self.sex,
            "race": self.race,
        }
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.widget = widgets.VBox([self.creatinine, self.age, self.sex, self.race, self.output])
        self.state: dict[str, object] = {}
        self._table_id = new_table_id()
        self.update(int(creatinine), int(age), female, black)

    def _on_change(self, change: dict) -> None:
        self.update(self.creatinine.value, self.age.value, self.sex.value, self.race.value)

    def update(self, creatinine: int, age: int, female: bool, black: bool) -> dict[str, object]:
        """Show the patient with these values.

        Parameters
        ----------
        creatinine : int
            Serum creatinine (µmol/L).
        age : int
            Age in years.
        female : bool
            Sex used by the equations.
        black : bool
            Race recorded for the 2009 equation.

        Returns
        -------
        dict
            The new :attr:`state`.
        """
        scr = creatinine / UMOL_PER_MG
        egfr_2009 = float(egfr_ckd_epi_2009(scr, age, female, black))
        egfr_2021 = float(egfr_ckd_epi_2021(scr, age, female))
        stage_2009, stage_2021 = (str(gfr_category(value)) for value in (egfr_2009, egfr_2021))
        crosses_60 = (egfr_2009 < STAGE_G3_BELOW) != (egfr_2021 < STAGE_G3_BELOW)
        crosses_20 = (egfr_2009 <= WAITLIST_AT_OR_BELOW) != (egfr_2021 <= WAITLIST_AT_OR_BELOW)
        self.state = {
            "creatinine": int(creatinine),
            "scr_mg_dl": scr,
            "age": int(age),
            "female": bool(female),
            "black": bool(black),
            "egfr_2009": egfr_2009,
            "egfr_2021": egfr_2021,
            "stage_2009": stage_2009,
            "stage_2021": stage_2021,
            "crosses_60": crosses_60,
            "crosses_20": crosses_20,
        }
        self.output.value = self._html()
        return self.state

    def _html(self) -> str:
        s = self.state
        e09, e21 = float(self._number("egfr_2009")), float(self._number("egfr_2021"))
        frame = pd.DataFrame(
            {
                "DFGe (mL/min/1,73 m²)": [f"{e09:.0f}", f"{e21:.0f}"],
                "Catégorie de DFG (KDIGO)": [s["stage_2009"], s["stage_2021"]],
                "Sous 60 ?": [_yes_no(e09 < STAGE_G3_BELOW), _yes_no(e21 < STAGE_G3_BELOW)],
                "20 ou moins ?": [
                    _yes_no(e09 <= WAITLIST_AT_OR_BELOW),
                    _yes_no(e21 <= WAITLIST_AT_OR_BELOW),
                ],
            },
            index=["CKD-EPI 2009", "CKD-EPI 2021"],
        )
        table = styled_table(
            frame,
            caption=(
                "Le même patient, deux équations (DFGe arrondis à l'unité ; les seuils jugent la "
                "valeur non arrondie)"
            ),
            table_id=self._table_id,
            corner="Équation",
            text_columns=list(frame.columns),
        ).to_html()
        coefficient = (
            "coefficient × 1,159 appliqué par l'équation 2009"
            if s["black"]
            else "pas de coefficient racial (patient·e déclaré·e non noir·e)"
        )
        conversion = (
            f"<p><b>Créatinine{_NARROW_NBSP}:</b> {s['creatinine']} µmol/L ÷ 88,4 = "
            f"{fr_number(self._number('scr_mg_dl'), 2)} mg/dL, la valeur que prennent les "
            f"équations. {escape(coefficient.capitalize())}.</p>"
        )
        sentences = [
            _threshold_sentence(
                e09,
                e21,
                crossed=bool(s["crosses_60"]),
                threshold="60",
                meaning=(
                    "sous 60 : catégorie de DFG G3a ou au-delà ; maladie rénale chronique "
                    "seulement si la baisse dure plus de 3 mois"
                ),
                below=lambda v: v < STAGE_G3_BELOW,
                below_words="sous 60",
                above_words="à 60 ou plus",
            ),
            _threshold_sentence(
                e09,
                e21,
                crossed=bool(s["crosses_20"]),
                threshold="20",
                meaning=(
                    "aux États-Unis, pour un candidat inscrit, 20 ou moins est l'un des "
                    "critères qui font compter le temps d'attente de greffe rénale"
                ),
                below=lambda v: v <= WAITLIST_AT_OR_BELOW,
                below_words="à 20 ou moins",
                above_words="au-dessus de 20",
            ),
        ]
        items = "".join(f"<li>{sentence}</li>" for sentence in sentences)
        return (
            conversion
            + table
            + f"<ul>{items}</ul>"
            + "<p style='font-size:90%'>Calculatrice d'enseignement : jamais d'usage clinique. "
            "Aucune des deux valeurs n'est le DFG mesuré.</p>"
        )

    def _number(self, key: str) -> float:
        value = self.state[key]
        assert isinstance(value, float)
        return value

    def _ipython_display_(self) -> None:
        show_explorer(self.widget)


def _yes_no(flag: bool) -> str:
    return "oui" if flag else "non"


def _threshold_sentence(
    egfr_2009: float,
    egfr_2021: float,
    *,
    crossed: bool,
    threshold: str,
    meaning: str,
    below: Callable[[float], bool],
    below_words: str,
    above_words: str,
) -> str:
    """Say in words, with a symbol, on which side of a threshold each equation falls."""
    side_2009 = below_words if below(egfr_2009) else above_words
    side_2021 = below_words if below(egfr_2021) else above_words
    if crossed:
        return (
            f"<b>⚠ Seuil de {threshold} franchi</b> ({escape(meaning)}){_NARROW_NBSP}: "
            f"l'équation 2009 place la personne {side_2009}, l'équation 2021 {side_2021}."
        )
    return (
        f"✔ Seuil de {threshold} ({escape(meaning)}){_NARROW_NBSP}: les deux équations "
        f"placent la personne du même côté ({side_2021})."
    )
