"""The « AI suggestion » simulator: read a case alone, then accept or override the AI."""

from __future__ import annotations

from html import escape

import ipywidgets as widgets
import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from esn_teach._formatting import fr_number, fr_percent
from esn_teach.explorers._controls import show_explorer
from esn_teach.explorers._table import new_table_id, styled_table

__all__ = ["DIAGNOSES", "AiSuggestionExplorer", "team_accuracy"]

#: The two diagnoses, indexed by the label (0 = benign, 1 = malignant).
DIAGNOSES = ("bénin", "malin")

#: Values of the two decision menus ("" = not decided yet).
_TODO = ""
_FOLLOW = "suivre"
_OVERRIDE = "passer outre"

_NARROW_NBSP = "\u202f"

#: Above this confidence the simulator shows « > 99 % », never « 100 % » (a model's score is
#: never certain; module 09's table of Camille writes it the same way: review d19).
_SURE = 0.99


def _confidence_text(confidence: float) -> str:
    """Return the AI's confidence as shown: a whole percentage, or « > 99 % » near 1."""
    if confidence >= _SURE:
        return f">{_NARROW_NBSP}99{_NARROW_NBSP}%"
    return fr_percent(confidence, 0)


def team_accuracy(
    truth: ArrayLike,
    suggestion: ArrayLike,
    alone: ArrayLike,
    final: ArrayLike,
) -> dict[str, int]:
    """Count the right answers of the AI, the reader alone and the reader with the AI.

    Parameters
    ----------
    truth, suggestion, alone, final : array-like of int
        For each case, 1 = malignant, 0 = benign: the reference diagnosis, the
        AI's suggestion, the reader's first reading (without the AI) and the
        final decision (with the AI). All of the same length.

    Returns
    -------
    dict
        ``n`` and ``n_ai_wrong`` (cases), ``ai``, ``alone``, ``final`` (right
        answers on all cases), ``ai_wrong_alone`` and ``ai_wrong_final`` (right
        answers on the cases where the AI is wrong), ``followed_wrong_ai`` (right
        alone, then wrong by following a wrong AI: automation bias) and
        ``overrode_right_ai`` (final decision against a right AI) and
        ``shared_errors`` (final decision wrong, the same as the AI's: agreeing with the AI,
        one can be wrong together; review 09 d20, student 6).
    """
    arrays = [np.asarray(v, dtype=int) for v in (truth, suggestion, alone, final)]
    t, s, a, f = arrays
    if len({len(v) for v in arrays}) != 1:
        raise ValueError("les quatre listes doivent avoir la même longueur (une valeur par cas).")
    if any(np.any((v != 0) & (v != 1)) for v in arrays):
        raise ValueError("chaque valeur doit être 0 (bénin) ou 1 (malin).")
    ai_wrong = s != t
    return {
        "n": len(t),
        "n_ai_wrong": int(ai_wrong.sum()),
        "ai": int((s == t).sum()),
        "alone": int((a == t).sum()),
        "final": int((f == t).sum()),
        "ai_wrong_alone": int((ai_wrong & (a == t)).sum()),
        "ai_wrong_final": int((ai_wrong & (f == t)).sum()),
        "followed_wrong_ai": int((ai_wrong & (a == t) & (f == s)).sum()),
        "overrode_right_ai": int((~ai_wrong & (f != s)).sum()),
        "shared_errors": int((ai_wrong & (f == s)).sum()),
    }


class AiSuggestionExplorer:
    """Decide on a series of cases, first alone, then with an AI's suggestion.

    For each case the student sees a few measurements (and, beside them, typical
    values of benign and malignant tumours), gives a first reading without the
    AI, then sees the AI's suggestion with its confidence and decides to follow
    it or to override it. The AI's suggestion of a case stays hidden until its
    first reading is given, and a first reading cannot be changed once the
    suggestion is shown (it is the reading *alone*). When every case is decided,
    the accuracy of the AI alone, of the student alone and of the student with
    the AI is shown, on all cases and on the cases where the AI is wrong,
    recomputed from the student's own choices, with each case's reference
    diagnosis (✔/✘ symbols and words, never colour alone). Nothing is shown of
    the reference diagnoses before. All controls are keyboard-operable (a
    slider and two menus); an update rebuilds short HTML tables: well under
    100 ms.

    Parameters
    ----------
    measurements : pandas.DataFrame
        One row per case, one column per measurement shown (French names).
    truth, suggestion : array-like of int
        Reference diagnosis and AI suggestion of each case (1 = malignant, 0 = benign).
    confidence : array-like of float
        The AI's confidence in its suggestion, between 0.5 and 1.
    reference : pandas.DataFrame, optional
        Typical values shown under each case (rows: e.g. median of benign and of
        malignant tumours; columns: those of ``measurements``).
    digits : int, default=2
        Decimals of the measurements shown.

    Attributes
    ----------
    widget : ipywidgets.VBox
        What to display.
    controls : dict
        ``cas`` (slider), ``lecture`` and ``decision`` (menus).
    output : ipywidgets.HTML
        The case, the suggestion, and at the end the results.
    readings, decisions : list of str
        Per case: ``"bénin"``/``"malin"`` or ``""``; ``"suivre"``/``"passer outre"`` or ``""``.
    """

    def __init__(
        self,
        measurements: pd.DataFrame,
        truth: ArrayLike,
        suggestion: ArrayLike,
        confidence: ArrayLike,
        *,
        reference: pd.DataFrame | None = None,
        digits: int = 2,
    ) -> None:
        if not isinstance(measurements, pd.DataFrame) or measurements.empty:
            raise TypeError("« measurements » doit être un DataFrame non vide (un cas par ligne).")
        n = len(measurements)
        self._truth = np.asarray(truth, dtype=int)
        self._suggestion = np.asarray(suggestion, dtype=int)
        self._confidence = np.asarray(confidence, dtype=float)
        for name, values in (
            ("truth", self._truth),
            ("suggestion", self._suggestion),
            ("confidence", self._confidence),
        ):
            if len(values) != n:
                raise ValueError(f"« {name} » doit avoir une valeur par cas ({n}).")
        for name, values in (("truth", self._truth), ("suggestion", self._suggestion)):
            if np.any((values != 0) & (values != 1)):
                raise ValueError(f"« {name} » : 0 (bénin) ou 1 (malin) seulement.")
        if np.any((self._confidence < 0.5) | (self._confidence > 1)):
            raise ValueError("« confidence » : entre 0.5 et 1 (la confiance dans la suggestion).")
        if reference is not None and list(reference.columns) != list(measurements.columns):
            raise ValueError("« reference » doit avoir les mêmes colonnes que « measurements ».")
        self._measurements = measurements.reset_index(drop=True)
        self._reference = reference
        self._digits = int(digits)
        self.readings: list[str] = [_TODO] * n
        self.decisions: list[str] = [_TODO] * n
        self._loading = False
        self._notice = ""
        style = {"description_width": "initial"}
        self.case = widgets.IntSlider(
            value=1,
            min=1,
            max=n,
            step=1,
            description="Cas n°",
            continuous_update=True,
            style=style,
            layout=widgets.Layout(width="60%"),
        )
        self.reading = widgets.Dropdown(
            options=[("— à faire —", _TODO), ("bénin", "bénin"), ("malin", "malin")],
            value=_TODO,
            description="1. Votre lecture, sans l'IA",
            style=style,
            layout=widgets.Layout(width="480px"),
        )
        self.decision = widgets.Dropdown(
            options=[
                ("— à faire —", _TODO),
                ("suivre la suggestion de l'IA", _FOLLOW),
                ("passer outre (choisir l'autre diagnostic)", _OVERRIDE),
            ],
            value=_TODO,
            description="2. Votre décision, avec l'IA",
            style=style,
            layout=widgets.Layout(width="560px"),
        )
        self.output = widgets.HTML()
        self.controls: dict[str, widgets.ValueWidget] = {
            "cas": self.case,
            "lecture": self.reading,
            "decision": self.decision,
        }
        self.case.observe(self._on_case, names="value")
        self.reading.observe(self._on_reading, names="value")
        self.decision.observe(self._on_decision, names="value")
        self.widget = widgets.VBox([self.case, self.reading, self.decision, self.output])
        self._table_ids = (new_table_id(), new_table_id(), new_table_id(), new_table_id())
        self._load_menus()
        self._show()

    # -- what the student does ---------------------------------------------------------------

    @property
    def index(self) -> int:
        """The current case, counted from 0."""
        return int(self.case.value) - 1

    def _on_case(self, change: dict) -> None:
        self._notice = ""
        self._load_menus()
        self._show()

    def _on_reading(self, change: dict) -> None:
        if self._loading:
            return
        i = self.index
        if self.readings[i] and change["new"] != self.readings[i]:
            # The suggestion is already shown: the first reading stays the one given alone.
            self._notice = (
                "Votre première lecture de ce cas est déjà enregistrée : la changer après avoir "
                "vu l'IA ne serait plus une lecture « sans l'IA ». Changez plutôt votre décision."
            )
            self._load_menus()
        else:
            self._notice = ""
            self.readings[i] = str(change["new"])
            self._load_menus()
        self._show()

    def _on_decision(self, change: dict) -> None:
        if self._loading:
            return
        i = self.index
        if not self.readings[i]:
            self._notice = "Donnez d'abord votre lecture sans l'IA (menu 1)."
            self._load_menus()
        else:
            self._notice = ""
            self.decisions[i] = str(change["new"])
        self._show()

    def _load_menus(self) -> None:
        """Put the stored choices of the current case in the two menus."""
        i = self.index
        self._loading = True
        try:
            self.reading.value = self.readings[i]
            self.decision.value = self.decisions[i]
            self.reading.disabled = bool(self.readings[i])
            self.decision.disabled = not self.readings[i]
        finally:
            self._loading = False

    def set_choices(self, case: int, reading: str, decision: str) -> None:
        """Record both choices of one case, as the menus would (for tests and demonstrations).

        Parameters
        ----------
        case : int
            Case number, from 1.
        reading : str
            ``"bénin"`` or ``"malin"``.
        decision : str
            ``"suivre"`` or ``"passer outre"``.
        """
        self.case.value = case
        self.reading.value = reading
        self.decision.value = decision

    # -- results -----------------------------------------------------------------------------

    @property
    def complete(self) -> bool:
        """True when every case has a first reading and a final decision."""
        return all(self.readings) and all(self.decisions)

    def final_labels(self) -> list[int]:
        """Return the final diagnosis of each case (1 = malignant, 0 = benign, -1 = undecided)."""
        labels = []
        for s, d in zip(self._suggestion, self.decisions, strict=True):
            if d == _FOLLOW:
                labels.append(int(s))
            elif d == _OVERRIDE:
                labels.append(1 - int(s))
            else:
                labels.append(-1)
        return labels

    def results(self) -> dict[str, int] | None:
        """:func:`team_accuracy` of the student's choices, or None before the last decision."""
        if not self.complete:
            return None
        alone = [DIAGNOSES.index(r) for r in self.readings]
        return team_accuracy(self._truth, self._suggestion, alone, self.final_labels())

    # -- display ------------------------------------------------------------------------------

    def _show(self) -> None:
        self.output.value = self._html()

    def _html(self) -> str:
        i = self.index
        n = len(self.readings)
        done_readings = sum(bool(r) for r in self.readings)
        done_decisions = sum(bool(d) for d in self.decisions)
        parts = [
            f"<p><b>Cas {i + 1} sur {n}</b> — lectures faites{_NARROW_NBSP}: {done_readings} ; "
            f"décisions faites{_NARROW_NBSP}: {done_decisions}.</p>",
            self._case_table(i),
        ]
        if self.readings[i]:
            label = DIAGNOSES[int(self._suggestion[i])]
            parts.append(
                f"<p>Votre lecture sans l'IA{_NARROW_NBSP}: <b>{self.readings[i]}</b>. "
                f"<b>Suggestion de l'IA{_NARROW_NBSP}: {label}</b> (confiance "
                f"{_confidence_text(float(self._confidence[i]))}).</p>"
            )
        else:
            parts.append(
                "<p>La suggestion de l'IA s'affichera quand vous aurez choisi votre lecture "
                "(menu 1).</p>"
            )
        if self._notice:
            parts.append(f"<p><b>ℹ {escape(self._notice)}</b></p>")
        results = self.results()
        if results is None:
            parts.append(
                f"<p>Les résultats s'afficheront quand les {n} décisions seront prises (il en "
                f"reste {n - done_decisions}). Passez au cas suivant avec le curseur.</p>"
            )
        else:
            parts.append(self._results_html(results))
        return "".join(parts)

    def _case_table(self, i: int) -> str:
        row = self._measurements.iloc[[i]].copy()
        row.index = [f"Cas {i + 1}"]
        frame = row if self._reference is None else pd.concat([row, self._reference])
        shown = frame.map(lambda v: fr_number(float(v), self._digits))
        return styled_table(
            shown,
            caption="Les mesures du cas (et, dessous, des valeurs typiques pour comparer)",
            table_id=self._table_ids[0],
            corner="Ligne",
            text_columns=list(shown.columns),
        ).to_html()

    def _results_html(self, r: dict[str, int]) -> str:
        def share(k: int, n: int) -> str:
            return f"{k} sur {n} ({fr_percent(k / n, 0)})" if n else "aucun cas"

        frame = pd.DataFrame(
            {
                f"Tous les cas (n = {r['n']})": [
                    share(r["ai"], r["n"]),
                    share(r["alone"], r["n"]),
                    share(r["final"], r["n"]),
                ],
                f"Cas où l'IA se trompe (n = {r['n_ai_wrong']})": [
                    share(0, r["n_ai_wrong"]),
                    share(r["ai_wrong_alone"], r["n_ai_wrong"]),
                    share(r["ai_wrong_final"], r["n_ai_wrong"]),
                ],
            },
            index=["L'IA seule", "Vous seul·e (lecture 1)", "Vous avec l'IA (décision 2)"],
        )
        table = styled_table(
            frame,
            caption="Vos résultats : diagnostics justes",
            table_id=self._table_ids[1],
            corner="Qui décide",
            text_columns=list(frame.columns),
        ).to_html()
        final = self.final_labels()
        errors_table = self._errors_html(final)
        truth = [int(t) for t in self._truth]
        suggestion = [int(s) for s in self._suggestion]
        symbol = {True: "✔ juste", False: "✘ faux"}
        recap = pd.DataFrame(
            {
                "Votre lecture": [
                    f"{r_} ({symbol[DIAGNOSES.index(r_) == t]})"
                    for r_, t in zip(self.readings, truth, strict=True)
                ],
                "IA": [
                    f"{DIAGNOSES[s]} ({symbol[s == t]})"
                    for s, t in zip(suggestion, truth, strict=True)
                ],
                "Votre décision": [
                    f"{DIAGNOSES[f]} ({symbol[f == t]})" for f, t in zip(final, truth, strict=True)
                ],
                "Diagnostic de référence": [DIAGNOSES[t] for t in truth],
            },
            index=[f"Cas {k + 1}" for k in range(len(final))],
        )
        recap_table = styled_table(
            recap,
            caption="Cas par cas",
            table_id=self._table_ids[2],
            corner="Cas",
            text_columns=list(recap.columns),
        ).to_html()
        return (
            table
            + errors_table
            + "<ul>"
            + f"<li>Vous aviez raison seul·e, puis avez suivi l'IA qui se trompait{_NARROW_NBSP}: "
            f"<b>{r['followed_wrong_ai']}</b> fois (biais d'automatisation).</li>"
            + f"<li>Vous êtes passé·e outre une IA qui avait raison{_NARROW_NBSP}: "
            f"<b>{r['overrode_right_ai']}</b> fois.</li>"
            + f"<li>D'accord avec l'IA, on peut se tromper ensemble{_NARROW_NBSP}: votre "
            f"décision finale a repris l'erreur de l'IA <b>{r['shared_errors']}</b> fois, sur "
            f"les {r['n_ai_wrong']} cas où elle se trompe.</li>"
            + "</ul>"
            + recap_table
            + "<p style='font-size:90%'>Simulateur d'enseignement : les cas où l'IA se trompe "
            "sont plus nombreux ici qu'en réalité, exprès. Jamais d'usage clinique.</p>"
        )

    def _errors_html(self, final: list[int]) -> str:
        """Return the table of the two kinds of error, counted apart, for each reader.

        Missed cancers and false alarms (review d19: the module asks to count them apart, the
        results table did not).
        """
        truth = self._truth
        alone = np.array([DIAGNOSES.index(r) for r in self.readings])
        cancers, benign = int((truth == 1).sum()), int((truth == 0).sum())
        rows = {}
        for name, labels in (
            ("L'IA seule", self._suggestion),
            ("Vous seul·e (lecture 1)", alone),
            ("Vous avec l'IA (décision 2)", np.array(final)),
        ):
            rows[name] = [
                f"{int(((labels == 0) & (truth == 1)).sum())} sur {cancers}",
                f"{int(((labels == 1) & (truth == 0)).sum())} sur {benign}",
            ]
        frame = pd.DataFrame.from_dict(
            rows,
            orient="index",
            columns=[
                "Cancers manqués (dits bénins)",
                "Fausses alertes (tumeurs bénignes dites malignes)",
            ],
        )
        return styled_table(
            frame,
            caption="Vos erreurs, de deux sortes, comptées à part",
            table_id=self._table_ids[3],
            corner="Qui décide",
            text_columns=list(frame.columns),
        ).to_html()

    def _ipython_display_(self) -> None:
        show_explorer(self.widget)
