"""Legal-path explorer: walk a health-data scenario through the five legal questions."""

from __future__ import annotations

import numbers
import re
from collections.abc import Sequence
from html import escape

import ipywidgets as widgets
import pandas as pd

from esn_teach._validation import check_finite_scalar
from esn_teach.explorers._controls import show_explorer
from esn_teach.explorers._table import new_table_id, styled_table
from esn_teach.law import (
    LEGAL_FACTS_LAST_CHECKED,
    LEGAL_QUESTIONS,
    SCENARIOS,
    STATUSES,
    Scenario,
    reference,
)

__all__ = ["LegalPathExplorer"]

#: Columns of the steps table; its row headers are the step numbers.
_STEP_COLUMNS = ["Question", "Réponse pour ce scénario", "Statut", "Textes"]
#: Runs of text a line must not break inside: a reference and its number
#: (« article 9, », « L1111-8, VII », « (UE) 2016/679 », « 9(2)(h) », « C-413/23 P »,
#: « SAN-2024-013 »), a date, and a verb joined to its pronoun (« Faut-il »). Without
#: this, a narrow column wrapped « L1111- » / « 8 » or « 9(2) » / « (h) ».
_UNBREAKABLE = re.compile(
    r"\(UE\) \d{4}/\d+"
    r"|\b(?:art\.|articles?|point|paragraphe|considérant|chapitre|affaire|loi n°|n°) \S+"
    r"|\b[LR]\d{4}-\d+(?:, [IVX]+\b)?"
    r"|\b\d+\(\d+\)(?:\([a-z]\))*"
    r"|\bC-\d+/\d+(?: P)?"
    r"|\bSAN-\d{4}-\d{3}"
    r"|\b(?:1er|\d{1,2}) (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre"
    r"|octobre|novembre|décembre) \d{4}"
    r"|\b\w+-(?:il|elle|on|ils|elles|ce)\b"
)
#: French typography: a narrow no-break space before « ? ! : ; » and inside « », so
#: that a question mark never starts a line on its own.
_BEFORE_PUNCTUATION = re.compile(r" ([?!:;»])")
_NARROW_NBSP = "\u202f"

_VERDICT_LABELS = {
    "licite": "✔ LICITE",
    "illicite": "✖ ILLICITE",
    "sous condition": "⚠ LICITE SOUS CONDITION",
}


class LegalPathExplorer:
    """Walk a scenario card step by step through the legal questions.

    A dropdown chooses the scenario; a slider reveals the five questions one by
    one, in the order of :data:`esn_teach.law.LEGAL_QUESTIONS` (is it health
    data? which lawful basis and art. 9(2) exception? who hosts it, HDS? a
    forbidden purpose? nominative, pseudonymised or anonymous for whoever holds
    it?), then the verdict and the texts that apply, each with its reference and date.
    Everything is text in an HTML table: each status is written in words with
    a symbol, never shown by colour alone. An update only rebuilds a short HTML
    string, well under 100 ms.

    Parameters
    ----------
    scenarios : sequence of Scenario, optional
        The cards offered in the dropdown; by default all of
        :data:`esn_teach.law.SCENARIOS`. The instructor passes the cards of
        module 10's graded questions, kept outside the package, read with
        :func:`esn_teach.law.load_scenarios`.
    scenario : str, optional
        Key of the card shown first; by default the first one.
    step : int, optional
        Number of steps revealed at first (1 to 6, 6 = verdict); by default 1.

    Attributes
    ----------
    dropdown : ipywidgets.Dropdown
        The scenario control.
    slider : ipywidgets.IntSlider
        How many steps are revealed (keyboard: arrow keys once focused).
    output : ipywidgets.HTML
        The situation, the steps revealed, and at the last step the verdict and texts.
    widget : ipywidgets.VBox
        What to display in the notebook.
    controls : dict
        The explorer's controls by name (what a student moves), used by the
        benchmarks and browser tests to drive any explorer the same way.
    state : dict
        What is shown: ``scenario`` (key), ``step``, ``statuses`` (one per step
        revealed), ``verdict`` (or None before the last step), ``references``
        (keys of the texts cited so far).
    """

    n_steps = len(LEGAL_QUESTIONS) + 1

    def __init__(
        self,
        scenarios: Sequence[Scenario] | None = None,
        *,
        scenario: str | None = None,
        step: int = 1,
    ) -> None:
        cards = tuple(SCENARIOS if scenarios is None else scenarios)
        if not cards:
            raise ValueError("« scenarios » doit contenir au moins une fiche de scénario.")
        keys = [card.key for card in cards]
        if len(set(keys)) != len(keys):
            raise ValueError("chaque scénario doit avoir une clé différente des autres.")
        self._cards = {card.key: card for card in cards}
        first = keys[0] if scenario is None else scenario
        if first not in self._cards:
            raise ValueError(
                f"scénario inconnu : {first!r} ; scénarios proposés : {', '.join(keys)}."
            )
        check_finite_scalar(step, "step", numbers.Integral, min_val=1, max_val=self.n_steps)
        self.dropdown = widgets.Dropdown(
            options=[(card.title, card.key) for card in cards],
            value=first,
            description="Scénario",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="95%"),
        )
        self.slider = widgets.IntSlider(
            value=step,
            min=1,
            max=self.n_steps,
            step=1,
            description="Étapes montrées",
            continuous_update=True,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="60%"),
        )
        self.output = widgets.HTML()
        self.dropdown.observe(self._on_change, names="value")
        self.slider.observe(self._on_change, names="value")
        self.controls: dict[str, widgets.ValueWidget] = {
            "scenario": self.dropdown,
            "etape": self.slider,
        }
        self.widget = widgets.VBox([self.dropdown, self.slider, self.output])
        self.state: dict[str, object] = {}
        self._table_id = new_table_id()
        self.update(first, step)

    def _on_change(self, change: dict) -> None:
        self.update(self.dropdown.value, self.slider.value)

    def update(self, scenario: str, step: int) -> dict[str, object]:
        """Show ``scenario`` with its first ``step`` steps revealed.

        Parameters
        ----------
        scenario : str
            Key of an offered scenario card.
        step : int
            1 to 6; 6 also shows the verdict and the texts that apply.

        Returns
        -------
        dict
            The new :attr:`state`.
        """
        card = self._cards[scenario]
        step = max(1, min(int(step), self.n_steps))
        shown = LEGAL_QUESTIONS[: min(step, len(LEGAL_QUESTIONS))]
        statuses = [card.steps[question.key].status for question in shown]
        cited: list[str] = []
        for question in shown:
            cited.extend(card.steps[question.key].reference_keys)
        verdict = card.verdict if step == self.n_steps else None
        if verdict is not None:
            cited.extend(card.deciding_keys)
        cited = list(dict.fromkeys(cited))
        html = [
            f"<p><b>Situation.</b> {_typeset(card.situation)}</p>",
            _steps_html(card, step, self._table_id),
        ]
        if verdict is not None:
            html.append(_verdict_html(card))
            html.append(_references_html(cited))
        else:
            html.append(
                "<p><i>"
                + _typeset(
                    f"Avancez le curseur « Étapes montrées » jusqu'à {self.n_steps} pour voir "
                    "le verdict et les textes qui s'appliquent."
                )
                + "</i></p>"
            )
        html.append(
            "<p style='font-size:90%'>Enseignement, pas un conseil juridique. Faits juridiques "
            f"vérifiés le {LEGAL_FACTS_LAST_CHECKED:%d/%m/%Y}.</p>"
        )
        self.output.value = "".join(html)
        self.state = {
            "scenario": scenario,
            "step": step,
            "statuses": statuses,
            "verdict": verdict,
            "references": cited,
        }
        return self.state

    def _ipython_display_(self) -> None:
        show_explorer(self.widget)


def _french_spaces(text: str) -> str:
    """Put a narrow no-break space before « ? ! : ; » and inside « », as French does."""
    return _BEFORE_PUNCTUATION.sub(_NARROW_NBSP + r"\1", text).replace("« ", "«" + _NARROW_NBSP)


def _typeset(text: str) -> str:
    """Escape ``text`` for HTML and keep together what a line must not split.

    Citations and their numbers, dates and « verb-pronoun » pairs are wrapped in
    a ``white-space:nowrap`` span; the space before French high punctuation
    becomes a narrow no-break space. The text read (and copied) is unchanged
    but for those spaces.

    Parameters
    ----------
    text : str
        Plain French text.

    Returns
    -------
    str
        HTML.
    """
    html = escape(_french_spaces(text), quote=False)
    return _UNBREAKABLE.sub(
        lambda found: f"<span style='white-space:nowrap'>{found[0]}</span>", html
    )


def _typeset_cell(value: object) -> str:
    """Typeset one cell of the steps table (a text), for ``Styler.format``."""
    return _typeset(str(value))


def _refs_text(keys: Sequence[str]) -> str:
    return "; ".join(reference(key).citation for key in keys) or "—"


def _short_citation(key: str) -> str:
    """Return the citation of ``key`` with the instrument's usual short name (RGPD, CSP…).

    The steps table is narrow: it names « RGPD, article 9, paragraphe 2, point h »;
    the full titles come with the verdict, under « Les textes qui s'appliquent ».
    """
    ref = reference(key)
    if ref.text.startswith("Cour de justice de l'Union européenne"):
        return f"CJUE, {ref.article}"
    if "Informatique et Libertés" in ref.text:
        return f"loi Informatique et Libertés, {ref.article}"
    if ref.text.startswith("Règlement (UE) 2024/1689"):
        return f"règlement sur l'IA, {ref.article}"
    acronym = re.search(r"\(([A-Z]{2,})\)$", ref.text)
    return f"{acronym[1]}, {ref.article}" if acronym else ref.citation


def _refs_html(keys: Sequence[str]) -> str:
    """Return the short citations of ``keys``, one per line, typeset."""
    return "<br>".join(_typeset(_short_citation(key)) for key in keys) or "—"


def _steps_html(card: Scenario, step: int, table_id: str) -> str:
    rows = []
    for number, question in enumerate(LEGAL_QUESTIONS, start=1):
        if number > step:
            rows.append([question.question, "… (avancez le curseur)", "", ""])
            continue
        answer = card.steps[question.key]
        rows.append(
            [
                question.question,
                answer.answer,
                STATUSES[answer.status],
                _refs_html(answer.reference_keys),
            ]
        )
    frame = pd.DataFrame(rows, index=range(1, len(rows) + 1), columns=_STEP_COLUMNS)
    styler = styled_table(
        frame,
        caption=_french_spaces(f"Le parcours juridique : {card.title}"),
        table_id=f"{table_id}_parcours",
        corner="Étape",
        text_columns=_STEP_COLUMNS,
    )
    hidden = pd.IndexSlice[step + 1 :, ["Réponse pour ce scénario"]]
    styler.format(_typeset_cell, subset=["Question", "Réponse pour ce scénario"], escape=None)
    styler.format(str, subset=["Textes"], escape=None)  # HTML already, from _refs_html
    return (
        styler.set_table_styles(
            {
                "Statut": [{"selector": "td", "props": "font-weight:bold;white-space:nowrap"}],
                "Textes": [{"selector": "td", "props": "font-size:90%"}],
            },
            overwrite=False,
        )
        .set_properties(subset=hidden, **{"font-style": "italic"})
        .to_html()
    )


def _verdict_html(card: Scenario) -> str:
    return (
        "<p style='border:2px solid #444;padding:6px'>"
        f"<b>Verdict{_NARROW_NBSP}: {escape(_VERDICT_LABELS[card.verdict])}</b><br>"
        f"{_typeset(card.conclusion)}<br>"
        f"<b>Textes décisifs{_NARROW_NBSP}:</b> {_typeset(_refs_text(card.deciding_keys))}</p>"
    )


def _references_html(keys: Sequence[str]) -> str:
    items = "".join(
        f"<li><b>{_typeset(ref.citation)}</b> ({_typeset(ref.date_label)}) — "
        f"{_typeset(ref.title)}. {_typeset(ref.summary)} "
        f"<a href='{escape(ref.url)}' target='_blank'>texte</a></li>"
        for ref in (reference(key) for key in keys)
    )
    return f"<p><b>Les textes qui s'appliquent</b></p><ul>{items}</ul>"
