"""The AI Act classification path of module 13, as data, and the logic that walks it.

Five questions (:data:`AI_ACT_QUESTIONS`: a practice prohibited by art. 5? a
medical device by its intended purpose? which MDR class by rule 11? an Annex III
use? does it talk to people or generate text, art. 50?) lead to one of
:data:`AI_ACT_CATEGORIES` and to the obligations of :data:`AI_ACT_OBLIGATIONS`
that follow, each with its legal references and the date from which it
applies. The questions, obligations and the explorer's system cards
(:data:`AI_SYSTEMS`) are read from ``esn_teach/law/data/ai_act.toml`` so that
a jurist can review them; :func:`classify_ai_system` is the flowchart itself.
Teaching simplification, not legal advice.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from esn_teach.law._load import (
    Place,
    build,
    check_allowed,
    check_references,
    data_file,
    entries,
    read_document,
)
from esn_teach.law._references import LEGAL_FACTS_LAST_CHECKED, REFERENCES

__all__ = [
    "AI_ACT_CATEGORIES",
    "AI_ACT_OBLIGATIONS",
    "AI_ACT_QUESTIONS",
    "AI_SYSTEMS",
    "UNANSWERED",
    "AiActOutcome",
    "AiActQuestion",
    "AiSystem",
    "Obligation",
    "ai_system",
    "classify_ai_system",
]

#: The four categories of the path, from the most to the least regulated, with the
#: label the explorer writes (a symbol and words: never colour alone).
AI_ACT_CATEGORIES: Mapping[str, str] = {
    "interdit": "✖ PRATIQUE INTERDITE",
    "haut risque": "▲ HAUT RISQUE",
    "transparence": "◆ RISQUE LIMITÉ : OBLIGATION DE TRANSPARENCE",
    "minimal": "● RISQUE MINIMAL",
}
#: When an obligation applies (the ``condition`` of ``[[obligations]]``).
CONDITIONS: tuple[str, ...] = (
    "toujours",
    "interdit",
    "dispositif",
    "haut risque annexe I",
    "haut risque annexe III",
    "dialogue",
)
#: Who owes an obligation.
DUTY_HOLDERS: tuple[str, ...] = ("fournisseur", "déployeur", "fournisseur et déployeur")
#: The answer of a question not answered yet.
UNANSWERED = ""
#: The question keys the flowchart reads, in order.
_KEYS = ("interdit", "dispositif", "classe", "annexe_iii", "dialogue")
#: MDR classes that need a notified body, hence high-risk by art. 6(1).
_NOTIFIED_BODY_CLASSES = ("IIa", "IIb", "III")


@dataclass(frozen=True)
class AiActQuestion:
    """One question of the path.

    Parameters
    ----------
    key : str
        One of ``interdit``, ``dispositif``, ``classe``, ``annexe_iii``, ``dialogue``.
    question : str
        The question, in French.
    options : tuple of str
        The possible answers.
    reference_keys : tuple of str
        The provisions that answer it.
    """

    key: str
    question: str
    options: tuple[str, ...]
    reference_keys: tuple[str, ...]


@dataclass(frozen=True)
class Obligation:
    """An obligation the path may lead to.

    Parameters
    ----------
    key : str
        Identifier.
    condition : str
        One of :data:`CONDITIONS`.
    who : str
        One of :data:`DUTY_HOLDERS`.
    what : str
        What it asks, in French.
    reference_keys : tuple of str
        The provisions it rests on, the main one first.
    applies_from : datetime.date
        The date from which it applies.
    """

    key: str
    condition: str
    who: str
    what: str
    reference_keys: tuple[str, ...]
    applies_from: datetime.date

    @property
    def in_force(self) -> bool:
        """Whether it applied on :data:`LEGAL_FACTS_LAST_CHECKED`."""
        return self.applies_from <= LEGAL_FACTS_LAST_CHECKED


@dataclass(frozen=True)
class AiSystem:
    """A system card of the explorer, with the course's answer to each question.

    Parameters
    ----------
    key : str
        Identifier.
    title : str
        French title.
    situation : str
        The situation, with the intended purpose stated by the manufacturer.
    comment : str
        The course's analysis, in French.
    answers : mapping of str to str
        The course's answer to each question, by question key.
    """

    key: str
    title: str
    situation: str
    comment: str
    answers: Mapping[str, str]


class AiActOutcome(NamedTuple):
    """Where the path leads.

    Attributes
    ----------
    category : str or None
        A key of :data:`AI_ACT_CATEGORIES`, or None while a question that
        decides is unanswered.
    routes : tuple of str
        The high-risk routes taken: ``"annexe I"`` (art. 6(1), through the
        MDR), ``"annexe III"`` (art. 6(2)); empty if not high-risk.
    steps : tuple of (str, str)
        For each question, in order: the key and what the answer means on the
        path (French), or ``"sans objet"`` once the path has ended.
    obligations : tuple of Obligation
        The obligations that follow, in file order.
    missing : tuple of str
        Keys of the questions still to answer before the category is known.
    """

    category: str | None
    routes: tuple[str, ...]
    steps: tuple[tuple[str, str], ...]
    obligations: tuple[Obligation, ...]
    missing: tuple[str, ...]


class _AiActData(NamedTuple):
    questions: tuple[AiActQuestion, ...]
    obligations: tuple[Obligation, ...]
    systems: tuple[AiSystem, ...]


def _answers_reader(questions: tuple[AiActQuestion, ...]) -> Any:
    by_key = {question.key: question for question in questions}

    def read_answers(value: Any, place: Place) -> dict[str, str]:
        where = place.at("table [systems.answers]")
        if not isinstance(value, dict):
            raise where.error("une table [systems.answers] est attendue")
        for key in value:
            check_allowed(key, list(by_key), where.at(f"question « {key} »"))
        answers = {}
        for key, question in by_key.items():
            if key not in value:
                raise where.error(f"la réponse à la question « {key} » manque")
            check_allowed(value[key], question.options, where.at(f"question « {key} »"))
            answers[key] = value[key]
        return answers

    return read_answers


def _load_ai_act(source: Any, *, known_references: list[str]) -> _AiActData:
    """Read and check ``ai_act.toml``.

    Raises
    ------
    esn_teach.law._load.LawDataError
        Naming the file and the entry: malformed file, unknown or missing field,
        a value not allowed, a duplicate key, a reference key that does not exist,
        questions other than the five the flowchart reads, or an obligation dated
        in words nowhere in the references it cites.
    """
    document, place = read_document(source, sections=("questions", "obligations", "systems"))
    questions: dict[str, AiActQuestion] = {}
    for table, where in entries(document, "questions", place, label="question", key="key"):
        question = build(AiActQuestion, table, where)
        if question.key in questions:
            raise where.error(f"la clé « {question.key} » est déjà celle d'une question")
        check_references(
            question.reference_keys, known_references, where.at("champ « reference_keys »")
        )
        questions[question.key] = question
    if tuple(questions) != _KEYS:
        raise place.error(
            f"les questions doivent être, dans cet ordre : {', '.join(_KEYS)} "
            f"(lues : {', '.join(questions)})"
        )
    obligations: dict[str, Obligation] = {}
    for table, where in entries(document, "obligations", place, label="obligation", key="key"):
        obligation = build(Obligation, table, where)
        if obligation.key in obligations:
            raise where.error(f"la clé « {obligation.key} » est déjà celle d'une obligation")
        check_allowed(obligation.condition, CONDITIONS, where.at("champ « condition »"))
        check_allowed(obligation.who, DUTY_HOLDERS, where.at("champ « who »"))
        check_references(
            obligation.reference_keys, known_references, where.at("champ « reference_keys »")
        )
        obligations[obligation.key] = obligation
    systems: dict[str, AiSystem] = {}
    read_answers = _answers_reader(tuple(questions.values()))
    for table, where in entries(document, "systems", place, label="système", key="key"):
        system = build(AiSystem, table, where, converters={"answers": read_answers})
        if system.key in systems:
            raise where.error(f"la clé « {system.key} » est déjà celle d'un système")
        systems[system.key] = system
    return _AiActData(
        tuple(questions.values()), tuple(obligations.values()), tuple(systems.values())
    )


_DATA = _load_ai_act(data_file("ai_act.toml"), known_references=[r.key for r in REFERENCES])

#: The five questions of the path, in order.
AI_ACT_QUESTIONS: tuple[AiActQuestion, ...] = _DATA.questions
#: Every obligation the path may lead to, in file order.
AI_ACT_OBLIGATIONS: tuple[Obligation, ...] = _DATA.obligations
#: The explorer's system cards (not those of the graded questions).
AI_SYSTEMS: tuple[AiSystem, ...] = _DATA.systems

_SYSTEMS_BY_KEY = {system.key: system for system in AI_SYSTEMS}


def ai_system(key: str) -> AiSystem:
    """Return the system card whose key is ``key`` (``KeyError`` naming the known ones)."""
    try:
        return _SYSTEMS_BY_KEY[key]
    except KeyError:
        known = ", ".join(_SYSTEMS_BY_KEY)
        raise KeyError(f"système inconnu : {key!r} ; connus : {known}") from None


def classify_ai_system(answers: Mapping[str, str]) -> AiActOutcome:
    """Walk the path with ``answers`` and return the category and obligations.

    The path: a prohibited practice ends it (art. 5). A medical device of class
    IIa, IIb or III needs a notified body, hence is high-risk through Annex I
    (art. 6(1)); class I is not, by that route. An Annex III use is high-risk
    (art. 6(2)). A system that talks to people or generates text owes
    transparency (art. 50), alongside its other duties. Otherwise: minimal
    risk. AI literacy (art. 4) is owed in every case but the prohibited one.

    Parameters
    ----------
    answers : mapping of str to str
        Question key → one of its options, or :data:`UNANSWERED` (or absent).

    Returns
    -------
    AiActOutcome

    Raises
    ------
    ValueError
        If an answer is not one of its question's options.
    """
    given: dict[str, str] = {}
    for question in AI_ACT_QUESTIONS:
        value = answers.get(question.key, UNANSWERED)
        if value != UNANSWERED and value not in question.options:
            raise ValueError(
                f"réponse « {value} » impossible à la question « {question.key} » ; "
                f"réponses possibles : {', '.join(question.options)}"
            )
        given[question.key] = value
    steps: list[tuple[str, str]] = []
    missing: list[str] = []
    conditions: set[str] = set()

    def step(key: str, meaning: str) -> None:
        if given[key] == UNANSWERED:
            missing.append(key)
            steps.append((key, "à répondre"))
        else:
            steps.append((key, meaning))

    if given["interdit"] == "oui":
        steps.append(("interdit", "pratique interdite : le parcours s'arrête ici"))
        steps.extend((key, "sans objet") for key in _KEYS[1:])
        return AiActOutcome("interdit", (), tuple(steps), _obligations({"interdit"}), ())
    step("interdit", "pas une pratique interdite")
    device = given["dispositif"] == "oui"
    step(
        "dispositif",
        "dispositif médical : le MDR s'applique" if device else "pas un dispositif médical",
    )
    routes: list[str] = []
    if device:
        conditions.add("dispositif")
        mdr_class = given["classe"]
        if mdr_class == "sans objet":
            missing.append("classe")
            steps.append(("classe", "à répondre : un dispositif médical a une classe"))
        elif mdr_class in _NOTIFIED_BODY_CLASSES:
            routes.append("annexe I")
            step(
                "classe", f"classe {mdr_class} : organisme notifié, donc haut risque (article 6(1))"
            )
        else:
            step("classe", "classe I : pas d'organisme notifié, pas de haut risque par le MDR")
    elif given["dispositif"] == UNANSWERED:
        steps.append(("classe", "à répondre après l'étape 2"))
    else:
        steps.append(("classe", "sans objet (pas un dispositif médical)"))
    annex_iii = given["annexe_iii"] == "oui"
    if annex_iii:
        routes.append("annexe III")
    step(
        "annexe_iii",
        "usage de l'annexe III : haut risque (article 6(2))"
        if annex_iii
        else "pas d'usage de l'annexe III",
    )
    talks = given["dialogue"] == "oui"
    if talks:
        conditions.add("dialogue")
    step(
        "dialogue", "transparence due (article 50)" if talks else "pas d'obligation de l'article 50"
    )
    conditions.add("toujours")
    conditions.update(f"haut risque {route}" for route in routes)
    if missing:
        category = None
    elif routes:
        category = "haut risque"
    elif talks:
        category = "transparence"
    else:
        category = "minimal"
    return AiActOutcome(
        category, tuple(routes), tuple(steps), _obligations(conditions), tuple(missing)
    )


def _obligations(conditions: set[str]) -> tuple[Obligation, ...]:
    return tuple(o for o in AI_ACT_OBLIGATIONS if o.condition in conditions)
