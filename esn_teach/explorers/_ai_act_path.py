"""AI Act path explorer: classify a health AI system, question by question (module 13)."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from html import escape

import ipywidgets as widgets
import pandas as pd

from esn_teach._formatting import fr_date
from esn_teach.explorers._controls import show_explorer
from esn_teach.explorers._legal_path import (
    _NARROW_NBSP,
    _french_spaces,
    _references_html,
    _refs_html,
    _typeset,
    _typeset_cell,
)
from esn_teach.explorers._table import new_table_id, styled_table
from esn_teach.law import (
    AI_ACT_CATEGORIES,
    AI_ACT_QUESTIONS,
    AI_SYSTEMS,
    LEGAL_FACTS_LAST_CHECKED,
    UNANSWERED,
    AiSystem,
    classify_ai_system,
)

__all__ = ["AiActPathExplorer"]

#: Columns of the path table; its row headers are the step numbers.
_PATH_COLUMNS: list[Hashable] = ["Étape", "Votre réponse", "Ce que cela veut dire", "Textes"]
#: Columns of the obligations table.
_DUTY_COLUMNS: list[Hashable] = ["Qui", "Quoi", "Textes", "S'applique"]
_CHOOSE = "— à choisir —"
#: The heading of the legal texts, folded under a summary line (long to read).
_TEXTS_HEADING = "<p><b>Les textes qui s'appliquent</b></p>"


class AiActPathExplorer:
    """Classify a system card under the AI Act by answering the path's questions.

    A dropdown chooses the card (:data:`esn_teach.law.AI_SYSTEMS`); one dropdown
    per question of :data:`esn_teach.law.AI_ACT_QUESTIONS` takes the learner's
    answer (prohibited practice? medical device? MDR class? Annex III use? talks
    to people?). The explorer shows the path those answers take, the category
    they lead to and the obligations that follow, each with its article and the
    date from which it applies, read from :mod:`esn_teach.law`. A checkbox
    compares the answers with the course's analysis of the card; it stays
    disabled until the answers lead to a category. Choosing another card clears
    the answers and the comparison. Dates are written in words (« 2 août 2028 »),
    as the module's questions ask; the legal summaries are folded. Everything is
    text in HTML tables, each category written in words with a symbol; an update
    only rebuilds a short HTML string, well under 100 ms.

    Parameters
    ----------
    systems : sequence of AiSystem, optional
        The cards offered; by default all of :data:`esn_teach.law.AI_SYSTEMS`.
    system : str, optional
        Key of the card shown first; by default the first one.

    Attributes
    ----------
    controls : dict
        ``"systeme"`` (the card), one dropdown per question key (``"interdit"``,
        ``"dispositif"``, ``"classe"``, ``"annexe_iii"``, ``"dialogue"``) and
        ``"analyse"`` (checkbox: show the course's analysis).
    output : ipywidgets.HTML
        The situation, the path, the category and the obligations.
    widget : ipywidgets.VBox
        What to display in the notebook.
    state : dict
        ``system``, ``answers``, ``category`` (None while a deciding question is
        unanswered), ``routes``, ``obligations`` (keys), ``references`` (keys
        cited), ``differences`` (question keys where the answers differ from the
        course's, when the analysis is shown, else empty).
    """

    def __init__(self, systems: Sequence[AiSystem] | None = None, *, system: str | None = None):
        cards = tuple(AI_SYSTEMS if systems is None else systems)
        if not cards:
            raise ValueError("« systems » doit contenir au moins une fiche de système.")
        self._cards = {card.key: card for card in cards}
        if len(self._cards) != len(cards):
            raise ValueError("chaque fiche de système doit avoir une clé différente des autres.")
        first = cards[0].key if system is None else system
        if first not in self._cards:
            raise ValueError(f"système inconnu : {first!r} ; proposés : {', '.join(self._cards)}.")
        layout = widgets.Layout(width="95%")
        style = {"description_width": "initial"}
        self.controls: dict[str, widgets.ValueWidget] = {
            "systeme": widgets.Dropdown(
                options=[(card.title, card.key) for card in cards],
                value=first,
                description="Système",
                style=style,
                layout=layout,
            )
        }
        for number, question in enumerate(AI_ACT_QUESTIONS, start=1):
            self.controls[question.key] = widgets.Dropdown(
                options=[(_CHOOSE, UNANSWERED), *((o, o) for o in question.options)],
                value=UNANSWERED,
                description=f"{number}. {_french_spaces(question.question)}",
                style=style,
                layout=layout,
            )
        self.controls["analyse"] = widgets.Checkbox(
            value=False, description="Comparer avec l'analyse du cours", indent=False
        )
        self.output = widgets.HTML()
        self._clearing = False
        self.controls["systeme"].observe(self._on_system, names="value")
        for name, control in self.controls.items():
            if name != "systeme":
                control.observe(self._on_change, names="value")
        self.widget = widgets.VBox([*self.controls.values(), self.output])
        self.state: dict[str, object] = {}
        self._table_id = new_table_id()
        self._refresh()

    def _answers(self) -> dict[str, str]:
        return {q.key: self.controls[q.key].value for q in AI_ACT_QUESTIONS}

    def _on_system(self, change: dict) -> None:
        self._clearing = True  # one update for the card, not one per cleared answer
        try:
            for question in AI_ACT_QUESTIONS:
                self.controls[question.key].value = UNANSWERED
            self.controls["analyse"].value = False
        finally:
            self._clearing = False
        self._refresh()

    def _on_change(self, change: dict) -> None:
        if not self._clearing:
            self._refresh()

    def _refresh(self) -> None:
        self.update(self.controls["systeme"].value, self._answers(), self.controls["analyse"].value)

    def update(
        self, system: str, answers: dict[str, str], compare: bool = False
    ) -> dict[str, object]:
        """Show ``system`` walked with ``answers``; ``compare`` adds the course's analysis.

        Parameters
        ----------
        system : str
            Key of an offered card.
        answers : dict
            Question key → option, or :data:`esn_teach.law.UNANSWERED`.
        compare : bool, optional
            Whether to show the course's analysis and where the answers differ.

        Returns
        -------
        dict
            The new :attr:`state`.
        """
        card = self._cards[system]
        outcome = classify_ai_system(answers)
        cited = [key for q in AI_ACT_QUESTIONS for key in q.reference_keys]
        cited += [key for o in outcome.obligations for key in o.reference_keys]
        cited = list(dict.fromkeys(cited))
        # A step the path makes « sans objet » (no class for what is not a device) is
        # answered by the path itself, whatever its dropdown still shows.
        settled = {
            key
            for key, meaning in outcome.steps
            if key == "classe" and meaning.startswith("sans objet")
        }
        given = {
            q.key: "sans objet" if q.key in settled else answers.get(q.key, UNANSWERED)
            for q in AI_ACT_QUESTIONS
        }
        differences = [
            q.key for q in AI_ACT_QUESTIONS if compare and given[q.key] != card.answers[q.key]
        ]
        html = [
            f"<p><b>{_typeset(card.title)}.</b> {_typeset(card.situation)}</p>",
            self._path_html(card, answers, outcome.steps),
            _category_html(outcome.category, outcome.routes, outcome.missing),
        ]
        if outcome.category is not None:
            html.append(self._duties_html(outcome.obligations))
        if compare:
            html.append(_analysis_html(card, differences))
        if outcome.category is not None:
            texts = _references_html(cited).removeprefix(_TEXTS_HEADING)
            html.append(
                f"<details><summary><b>Les textes qui s'appliquent</b> ({len(cited)} résumés, "
                f"repliés{_NARROW_NBSP}: cliquez pour les lire)</summary>{texts}</details>"
            )
        # The comparison gives the course's answers: only once the learner's lead somewhere.
        self.controls["analyse"].disabled = outcome.category is None
        html.append(
            "<p style='font-size:90%'>Enseignement, pas un conseil juridique. Faits juridiques "
            f"vérifiés le {LEGAL_FACTS_LAST_CHECKED:%d/%m/%Y}.</p>"
        )
        self.output.value = "".join(html)
        self.state = {
            "system": system,
            "answers": dict(answers),
            "category": outcome.category,
            "routes": outcome.routes,
            "obligations": [o.key for o in outcome.obligations],
            "references": cited,
            "differences": differences,
        }
        return self.state

    def _path_html(self, card: AiSystem, answers: dict[str, str], steps) -> str:
        meanings = dict(steps)
        rows = []
        for question in AI_ACT_QUESTIONS:
            answer = answers.get(question.key, UNANSWERED) or "…"
            rows.append(
                [
                    question.question,
                    answer,
                    meanings[question.key],
                    _refs_html(question.reference_keys),
                ]
            )
        frame = pd.DataFrame(rows, index=range(1, len(rows) + 1), columns=_PATH_COLUMNS)
        styler = styled_table(
            frame,
            caption=_french_spaces(f"Votre parcours : {card.title}"),
            table_id=f"{self._table_id}_parcours",
            corner="Étape",
            text_columns=_PATH_COLUMNS,
        )
        styler.format(_typeset_cell, subset=_PATH_COLUMNS[:3], escape=None)
        styler.format(str, subset=["Textes"], escape=None)  # HTML already, from _refs_html
        return styler.set_table_styles(
            {"Textes": [{"selector": "td", "props": "font-size:90%"}]}, overwrite=False
        ).to_html()

    def _duties_html(self, obligations) -> str:
        rows = [
            [
                o.who,
                o.what,
                _refs_html(o.reference_keys),
                (
                    f"depuis le {fr_date(o.applies_from)}"
                    if o.in_force
                    else f"à partir du {fr_date(o.applies_from)} (à venir)"
                ),
            ]
            for o in obligations
        ]
        frame = pd.DataFrame(rows, index=range(1, len(rows) + 1), columns=_DUTY_COLUMNS)
        styler = styled_table(
            frame,
            caption="Les obligations qui en découlent",
            table_id=f"{self._table_id}_obligations",
            corner="N°",
            text_columns=_DUTY_COLUMNS,
        )
        styler.format(_typeset_cell, subset=["Qui", "Quoi", "S'applique"], escape=None)
        styler.format(str, subset=["Textes"], escape=None)
        return styler.to_html()

    def _ipython_display_(self) -> None:
        show_explorer(self.widget)


def _category_html(category: str | None, routes: Sequence[str], missing: Sequence[str]) -> str:
    if category is None:
        numbers = [str(i) for i, q in enumerate(AI_ACT_QUESTIONS, 1) if q.key in missing]
        return (
            "<p><i>"
            + _typeset(f"Répondez aux étapes {', '.join(numbers)} pour voir la catégorie.")
            + "</i></p>"
        )
    via = f" ({', '.join(f'voie de l’{route}' for route in routes)})" if routes else ""
    return (
        "<p style='border:2px solid #444;padding:6px'>"
        f"<b>Catégorie{_NARROW_NBSP}: {escape(AI_ACT_CATEGORIES[category])}</b>{escape(via)}</p>"
    )


def _analysis_html(card: AiSystem, differences: Sequence[str]) -> str:
    numbers = [str(i) for i, q in enumerate(AI_ACT_QUESTIONS, 1) if q.key in differences]
    verdict = (
        "Vos réponses sont celles du cours."
        if not numbers
        else f"Vos réponses diffèrent de celles du cours à l'étape {numbers[0]}."
        if len(numbers) == 1
        else f"Vos réponses diffèrent de celles du cours aux étapes {', '.join(numbers)}."
    )
    answers = " ; ".join(f"{i}. {card.answers[q.key]}" for i, q in enumerate(AI_ACT_QUESTIONS, 1))
    return (
        "<p style='border:1px dashed #444;padding:6px'>"
        f"<b>Analyse du cours{_NARROW_NBSP}:</b> {_typeset(answers)}.<br>{_typeset(verdict)} "
        f"{_typeset(card.comment)}</p>"
    )
