"""Scenario cards from French health practice, with their expected legal analysis.

Each card walks through the same questions (:data:`LEGAL_QUESTIONS`, five of
them) and ends with a verdict among :data:`VERDICTS`, the deciding provisions
and, optionally, the messages that name each wrong answer. The questions and
the cards are data, read from ``esn_teach/law/data/scenarios.toml`` so that a
jurist can review them; this module turns them into :class:`LegalQuestion`
and :class:`Scenario` objects and checks them on import. These are teaching
simplifications of real situations, not legal advice.

The cards that module 10's graded questions ask about are deliberately not in
the package (a student could read their verdicts): the instructor keeps them in
the course repository and reads them with :func:`load_scenarios`, which checks
them exactly as the packaged ones.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, NamedTuple

from esn_teach.law._load import (
    Converter,
    Place,
    build,
    check_allowed,
    check_references,
    data_file,
    entries,
    may_be_absent,
    read_document,
)
from esn_teach.law._references import REFERENCES

__all__ = [
    "IDENTIFICATION_LEVELS",
    "LEGAL_QUESTIONS",
    "SCENARIOS",
    "STATUSES",
    "VERDICTS",
    "LegalQuestion",
    "Scenario",
    "Step",
    "load_scenarios",
    "scenario",
]

#: The three possible verdicts, as students type them.
VERDICTS: tuple[str, ...] = ("licite", "illicite", "sous condition")

#: How identifying the data is (RGPD art. 4(5) and recital 26).
IDENTIFICATION_LEVELS: tuple[str, ...] = ("nominatives", "pseudonymisées", "anonymes")

#: Status of one step: key → French label written in the explorer (never colour alone).
STATUSES: Mapping[str, str] = {
    "ok": "✔ sans obstacle",
    "condition": "⚠ sous condition",
    "bloquant": "✖ bloquant",
    "sans objet": "— sans objet",
}


@dataclass(frozen=True)
class LegalQuestion:
    """One of the five questions asked of every scenario.

    Parameters
    ----------
    key : str
        Identifier (``"sante"``, ``"base"``, ``"hebergement"``, ``"finalite"``,
        ``"identification"``, in the file's order).
    question : str
        The question, in French.
    reference_keys : tuple of str
        The provisions that answer it.
    """

    key: str
    question: str
    reference_keys: tuple[str, ...]


@dataclass(frozen=True)
class Step:
    """The answer of one scenario to one of :data:`LEGAL_QUESTIONS`.

    Parameters
    ----------
    answer : str
        French answer, one or two sentences.
    status : str
        Key of :data:`STATUSES`.
    reference_keys : tuple of str
        The provisions this answer rests on.
    """

    answer: str
    status: str
    reference_keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class Scenario:
    """A short, realistic situation and its expected legal analysis.

    Parameters
    ----------
    key : str
        Identifier, e.g. ``"labo_promotion_snds"``.
    title : str
        French title.
    situation : str
        The situation, as a student reads it.
    steps : mapping of str to Step
        The answer to each of :data:`LEGAL_QUESTIONS`, by question key.
    verdict : str
        One of :data:`VERDICTS`.
    exception : str or None
        The art. 9(2) exception that applies (a reference key), if any (a data
        entry without ``exception`` gives None).
    identification : str
        One of :data:`IDENTIFICATION_LEVELS`.
    deciding_keys : tuple of str
        The provisions that decide the verdict, the main one first.
    conclusion : str
        French explanation of the verdict, with the condition if there is one.
    misconceptions : mapping of str to str
        For each wrong answer a student may give about this scenario (a wrong
        verdict, article or identification level), the French message naming
        the misconception and the article missed.
    """

    key: str
    title: str
    situation: str
    steps: Mapping[str, Step]
    verdict: str
    exception: str | None = dataclasses.field(metadata=may_be_absent(None))
    identification: str
    deciding_keys: tuple[str, ...]
    conclusion: str
    misconceptions: Mapping[str, str] = field(default_factory=dict)

    @property
    def reference_keys(self) -> tuple[str, ...]:
        """Every provision the analysis cites, in order of first use, without repeats."""
        keys: list[str] = []
        for step in self.steps.values():
            keys.extend(step.reference_keys)
        keys.extend(self.deciding_keys)
        return tuple(dict.fromkeys(keys))


class _ScenarioData(NamedTuple):
    questions: tuple[LegalQuestion, ...]
    scenarios: tuple[Scenario, ...]


def _steps_reader(
    questions: tuple[LegalQuestion, ...], known_references: Collection[str]
) -> Converter:
    """Return the converter of a card's ``steps``: one checked :class:`Step` per question."""
    keys = [question.key for question in questions]

    def read_steps(value: Any, place: Place) -> dict[str, Step]:
        where = place.at("table [scenarios.steps]")
        if not isinstance(value, dict):
            raise where.error("une table [scenarios.steps.<question>] par question est attendue")
        for key in value:
            check_allowed(key, keys, where.at(f"question « {key} »"))
        steps: dict[str, Step] = {}
        for key in keys:  # in the order of the questions, whatever the file's order
            step_place = place.at(f"table [scenarios.steps.{key}]")
            if key not in value:
                raise step_place.error("la réponse à cette question manque")
            step = build(Step, value[key], step_place)
            check_allowed(step.status, STATUSES, step_place.at("champ « status »"))
            check_references(
                step.reference_keys, known_references, step_place.at("champ « reference_keys »")
            )
            steps[key] = step
        return steps

    return read_steps


def _read_questions(
    document: Mapping[str, Any], place: Place, *, known_references: Collection[str]
) -> tuple[LegalQuestion, ...]:
    """Read and check the ``[[questions]]`` of a parsed data file, in file order."""
    questions: dict[str, LegalQuestion] = {}
    for table, where in entries(document, "questions", place, label="question", key="key"):
        question = build(LegalQuestion, table, where)
        if question.key in questions:
            raise where.error(f"la clé « {question.key} » est déjà celle d'une question précédente")
        check_references(
            question.reference_keys, known_references, where.at("champ « reference_keys »")
        )
        questions[question.key] = question
    return tuple(questions.values())


def _read_cards(
    document: Mapping[str, Any],
    place: Place,
    *,
    questions: tuple[LegalQuestion, ...],
    known_references: Collection[str],
    taken: Collection[str] = (),
) -> tuple[Scenario, ...]:
    """Read and check the ``[[scenarios]]`` of a parsed data file, in file order.

    Parameters
    ----------
    document : mapping
        The parsed file.
    place : Place
        The file, to name it in errors.
    questions : tuple of LegalQuestion
        The questions every card answers; its steps come in their order.
    known_references : collection of str
        The keys of the legal references, which cards may cite.
    taken : collection of str, optional
        Card keys already used elsewhere (the packaged cards, for a file read
        with :func:`load_scenarios`), which a card of this file may not reuse.

    Returns
    -------
    tuple of Scenario

    Raises
    ------
    esn_teach.law._load.LawDataError
        Naming the file, the card and the question (see :func:`_load_scenarios`).
    """
    read_steps = _steps_reader(questions, known_references)
    wrong_answers = [*VERDICTS, *IDENTIFICATION_LEVELS, *known_references]
    cards: dict[str, Scenario] = {}
    for table, where in entries(document, "scenarios", place, label="scénario", key="key"):
        card = build(Scenario, table, where, converters={"steps": read_steps})
        if card.key in cards:
            raise where.error(f"la clé « {card.key} » est déjà celle d'un scénario précédent")
        if card.key in taken:
            raise where.error(
                f"la clé « {card.key} » est déjà celle d'un scénario de la bibliothèque "
                "(esn_teach/law/data/scenarios.toml) ; choisissez-en une autre"
            )
        check_allowed(card.verdict, VERDICTS, where.at("champ « verdict »"))
        check_allowed(
            card.identification, IDENTIFICATION_LEVELS, where.at("champ « identification »")
        )
        if card.exception is not None:
            exceptions = [key for key in known_references if key.startswith("9(2)")]
            check_allowed(card.exception, exceptions, where.at("champ « exception »"))
        if not card.deciding_keys:
            raise where.at("champ « deciding_keys »").error("au moins une clé est attendue")
        check_references(card.deciding_keys, known_references, where.at("champ « deciding_keys »"))
        misconceptions = where.at("table [scenarios.misconceptions]")
        for wrong in card.misconceptions:
            check_allowed(wrong, wrong_answers, misconceptions)
            if wrong in (card.verdict, card.exception, card.identification):
                raise misconceptions.at(f"clé « {wrong} »").error(
                    "c'est la bonne réponse de ce scénario : "
                    "un message d'erreur ne peut pas la viser"
                )
        cards[card.key] = card
    return tuple(cards.values())


def _load_scenarios(source: Traversable, *, known_references: Collection[str]) -> _ScenarioData:
    """Read and check the questions and scenario cards data file.

    Parameters
    ----------
    source : importlib.resources.abc.Traversable
        ``scenarios.toml`` (a :class:`pathlib.Path` works too).
    known_references : collection of str
        The keys of the legal references, which questions and cards may cite.

    Returns
    -------
    _ScenarioData
        The questions and the cards, in file order; each card's steps are in
        the order of the questions.

    Raises
    ------
    esn_teach.law._load.LawDataError
        Naming the file, the card and the question: malformed file, unknown
        or missing field or step, wrong type, a value not allowed (verdict,
        status, identification level), duplicate key, a reference key that
        does not exist, or a misconception message about the right answer.
    """
    document, place = read_document(source, sections=("questions", "scenarios"))
    questions = _read_questions(document, place, known_references=known_references)
    cards = _read_cards(document, place, questions=questions, known_references=known_references)
    return _ScenarioData(questions, cards)


_DATA = _load_scenarios(
    data_file("scenarios.toml"), known_references=[ref.key for ref in REFERENCES]
)

#: The questions asked of every scenario, in order (``[[questions]]`` of
#: ``scenarios.toml``).
LEGAL_QUESTIONS: tuple[LegalQuestion, ...] = _DATA.questions

#: The scenario cards, in the order of ``scenarios.toml``.
SCENARIOS: tuple[Scenario, ...] = _DATA.scenarios

_BY_KEY = {s.key: s for s in SCENARIOS}


def scenario(key: str) -> Scenario:
    """Return the scenario card whose key is ``key``.

    Parameters
    ----------
    key : str
        E.g. ``"labo_promotion_snds"``.

    Returns
    -------
    Scenario

    Raises
    ------
    KeyError
        If no scenario has this key; the message lists the known keys.
    """
    try:
        return _BY_KEY[key]
    except KeyError:
        known = ", ".join(_BY_KEY)
        raise KeyError(f"scénario inconnu : {key!r} ; connus : {known}") from None


def load_scenarios(path: str | os.PathLike[str]) -> tuple[Scenario, ...]:
    """Read scenario cards kept outside the package, checked like the packaged ones.

    Module 10's questions ask about cards that are not in the installed
    package, so that a student cannot read their verdicts from the library;
    the instructor keeps them in the course repository
    (``notebooks/notes/10_scenarios_des_questions.toml``) and loads them to
    correct in class. The file has the same format as ``scenarios.toml``,
    without its ``[[questions]]``: the cards answer :data:`LEGAL_QUESTIONS`.

    Parameters
    ----------
    path : str or os.PathLike
        The TOML file of ``[[scenarios]]``.

    Returns
    -------
    tuple of Scenario
        The cards, in file order; each card's steps are in the order of
        :data:`LEGAL_QUESTIONS`.

    Raises
    ------
    FileNotFoundError
        If there is no such file.
    esn_teach.law.LawDataError
        Naming the file, the card and the question, for the same faults as in
        the packaged file, and for a card key that is already a packaged card's.

    Examples
    --------
    >>> from esn_teach.explorers import LegalPathExplorer
    >>> path = "notebooks/notes/10_scenarios_des_questions.toml"  # from the course repository
    >>> cards = load_scenarios(path)  # doctest: +SKIP
    >>> LegalPathExplorer(cards, step=6)  # doctest: +SKIP
    """
    source = Path(path)
    if not source.is_file():
        raise FileNotFoundError(
            f"fichier de scénarios introuvable : {source} (dossier courant : {Path.cwd()})"
        )
    document, place = read_document(source, sections=("scenarios",))
    return _read_cards(
        document,
        place,
        questions=LEGAL_QUESTIONS,
        known_references=[ref.key for ref in REFERENCES],
        taken=_BY_KEY,
    )
