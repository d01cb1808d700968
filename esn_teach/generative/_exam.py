"""Each student's own cases for module 14's evaluated session.

The evaluated session draws, from the student's seed (``checks.student_seed``),
the probabilities of the two calculation questions and which messages of a pool
the student judges, in which order. The notebook shows the cases it draws; the
hidden tests call the same function with the copy's seed, so both always agree.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = [
    "LEAK_POOL",
    "CaseDraw",
    "ExamCase",
    "ExamCases",
    "NameCounts",
    "draw_cases",
    "exam_cases",
    "name_counts",
]

#: Probabilities a sentence's words may get in question 1 (one or two decimals,
#: easy to type).
SENTENCE_VALUES = (0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.75, 0.8, 0.9)
#: The evaluated question 1's sentence.
SENTENCE = ("la", "plaie", "est", "propre")
#: The temperature of question 2 (its hints say 1/T = 2).
TEMPERATURE = 0.5
#: Question 6: how many notes of the module's corpus there are, how many are scored.
N_NOTES, N_SCORED = 400, 100


@dataclass(frozen=True)
class ExamCase:
    """One message to judge: its text, the right answer, why a wrong one is wrong."""

    text: str
    answer: str
    mistake: str


#: Question 4's pool: messages a caregiver pastes into an online chatbot. Does an
#: outside reader recognise the patient? Each wrong answer's message ends with
#: the same words for every case of a kind (the named mistakes match on them).
LEAK_POOL = (
    ExamCase(
        "« Ma patiente, la seule pharmacienne de Saint-Aubin-des-Prés, vient d'apprendre "
        "qu'elle a une sclérose en plaques : comment l'accompagner ? »",
        "oui",
        "« la seule pharmacienne » d'une petite commune désigne une seule personne, et le "
        "texte révèle sa maladie : ce message laisse reconnaître la personne.",
    ),
    ExamCase(
        "« Rédige la transmission de Mme L., 87 ans, entrée le 2 novembre à l'unité de soins "
        "palliatifs de la clinique de Saint-Aubin-des-Prés, chambre 3. »",
        "oui",
        "une initiale ne protège pas : l'âge, la date d'entrée, le service, la chambre et une "
        "petite commune désignent une seule patiente : ce message laisse reconnaître la "
        "personne.",
    ),
    ExamCase(
        "« Mon patient, l'entraîneur de l'équipe de rugby de Saint-Aubin-des-Prés, a fait un "
        "malaise pendant le match de dimanche dernier : quel bilan demander ? »",
        "oui",
        "sans nom, une fonction unique dans une petite commune, avec une date, désigne une "
        "seule personne : ce message laisse reconnaître la personne.",
    ),
    ExamCase(
        "« Résume l'observation de M. Karim Benali, né le 4 avril 1971, admis pour une "
        "pancréatite aiguë. »",
        "oui",
        "un nom et une date de naissance désignent directement la personne, quels que soient "
        "les autres détails : ce message laisse reconnaître la personne.",
    ),
    ExamCase(
        "« Ma patiente, la directrice de l'unique école de Saint-Aubin-des-Prés, est enceinte "
        "de jumeaux : peut-elle continuer à travailler jusqu'au terme ? »",
        "oui",
        "« la directrice de l'unique école » d'une petite commune désigne une seule personne, "
        "et le texte révèle sa grossesse : ce message laisse reconnaître la personne.",
    ),
    ExamCase(
        "« Un de mes patients, la quarantaine, me demande combien de temps attendre après une "
        "appendicite sans complication pour reprendre le football : que lui répondre ? »",
        "non",
        "une tranche d'âge et une opération courante, sans nom, sans lieu, sans date ni détail "
        "rare : beaucoup d'adultes correspondent à ce message, qui ne laisse reconnaître "
        "personne. (L'éditeur sait quel compte l'envoie : n'envoyez que le nécessaire.)",
    ),
    ExamCase(
        "« Quels examens demander devant une fièvre au retour d'un séjour en Afrique de "
        "l'Ouest ? »",
        "non",
        "une question générale ne parle d'aucun patient : ce message ne laisse reconnaître "
        "personne.",
    ),
    ExamCase(
        "« Comment expliquer la maladie de Parkinson, avec des mots simples, à un patient qui "
        "vient d'en apprendre le diagnostic ? »",
        "non",
        "« Parkinson » est le nom d'une maladie, pas d'un patient ; sans aucun détail, ce "
        "message ne laisse reconnaître personne.",
    ),
    ExamCase(
        "« Quelle est la posologie habituelle de l'amoxicilline dans une otite aiguë de "
        "l'enfant ? »",
        "non",
        "une question de posologie générale ne parle d'aucun patient : ce message ne laisse "
        "reconnaître personne.",
    ),
    ExamCase(
        "« Une patiente de 70 ans, hypertendue, me demande si elle peut prendre de "
        "l'ibuprofène pour une douleur au genou : que lui répondre ? »",
        "non",
        "un âge et une maladie courante, sans nom, sans lieu, sans date : des centaines de "
        "milliers de personnes correspondent, et ce message ne laisse reconnaître personne. "
        "(L'éditeur sait quel compte l'envoie : n'envoyez que le nécessaire.)",
    ),
)

#: The common ends of question 4's messages, for a « oui » case and a « non » case.
LEAK_YES = "ce message laisse reconnaître la personne"
LEAK_NO = "ne laisse reconnaître personne"


@dataclass(frozen=True)
class ExamCases:
    """One student's cases for module 14's evaluated session."""

    sentence: tuple[str, ...]
    sentence_probabilities: tuple[float, ...]
    temperature_probabilities: tuple[float, float, float]
    temperature: float
    leaks: dict[str, ExamCase]
    scored_notes: tuple[int, ...]

    @property
    def perplexity(self) -> float:
        """Question 1's answer: 1 / geometric mean of the sentence's probabilities."""
        product = float(np.prod(self.sentence_probabilities))
        return 1 / product ** (1 / len(self.sentence_probabilities))

    @property
    def cold_probability(self) -> float:
        """Question 2's answer: the second word's probability at the temperature."""
        powered = [p ** (1 / self.temperature) for p in self.temperature_probabilities]
        return powered[1] / sum(powered)

    @property
    def leak_answers(self) -> dict[str, str]:
        """Question 4's answers, by letter."""
        return {letter: case.answer for letter, case in self.leaks.items()}

    @property
    def leak_mistakes(self) -> dict[str, list[Any]]:
        """Question 4's named mistakes: each message's wrong answer and why it is wrong."""
        from esn_teach.checks import Mistake

        return {
            letter: [Mistake("non" if case.answer == "oui" else "oui", case.mistake)]
            for letter, case in self.leaks.items()
        }


def _sentence(rng: np.random.Generator) -> tuple[float, ...]:
    while True:
        values = tuple(float(v) for v in rng.choice(SENTENCE_VALUES, size=len(SENTENCE)))
        if len(set(values)) >= 3:  # all equal: several named mistakes give the answer
            return values


def _temperature(rng: np.random.Generator) -> tuple[float, float, float]:
    while True:
        first = float(rng.choice((0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)))
        third = float(rng.choice((0.05, 0.1, 0.15, 0.2)))
        second = round(1 - first - third, 2)
        squares = first**2 + second**2 + third**2
        # Three distinct words, the first the most likely; cooling lowers the second (the
        # feedback says so): the sum of the squares exceeds its probability.
        if third + 0.05 < second < first and second < squares - 0.02:
            return first, second, third


def _leaks(rng: np.random.Generator) -> dict[str, ExamCase]:
    yes = [case for case in LEAK_POOL if case.answer == "oui"]
    no = [case for case in LEAK_POOL if case.answer == "non"]
    n_yes = int(rng.choice((2, 3)))
    chosen = [yes[i] for i in rng.choice(len(yes), size=n_yes, replace=False)]
    chosen += [no[i] for i in rng.choice(len(no), size=5 - n_yes, replace=False)]
    order = rng.permutation(len(chosen))
    return {letter: chosen[i] for letter, i in zip("ABCDE", order, strict=True)}


def exam_cases(seed: int) -> ExamCases:
    """Draw module 14's evaluated cases from a student's seed.

    Parameters
    ----------
    seed : int
        ``checks.student_seed("14")`` (each question draws from its own stream).

    Returns
    -------
    ExamCases
    """
    return ExamCases(
        sentence=SENTENCE,
        sentence_probabilities=_sentence(np.random.default_rng([seed, 1])),
        temperature_probabilities=_temperature(np.random.default_rng([seed, 2])),
        temperature=TEMPERATURE,
        leaks=_leaks(np.random.default_rng([seed, 4])),
        scored_notes=tuple(
            int(i)
            for i in np.sort(
                np.random.default_rng([seed, 6]).choice(N_NOTES, size=N_SCORED, replace=False)
            )
        ),
    )


@dataclass(frozen=True)
class NameCounts:
    """Question 6's counts: names present and found, by whose name it is."""

    patients: int
    patients_spacy: int
    patients_rules: int
    relatives: int
    relatives_spacy: int
    names: int
    names_spacy: int

    @property
    def patient_recall(self) -> float:
        """SpaCy's recall (« personne » entities) for the patients' names alone."""
        return self.patients_spacy / self.patients


def name_counts(notes: Any, positions: Sequence[int], nlp: Any) -> NameCounts:
    """Count, on the notes at ``positions``, the names present and found by each tool.

    Parameters
    ----------
    notes : Dataset
        ``make_clinical_notes(...)`` (its ``frame`` and ``entities``).
    positions : sequence of int
        Row positions of the scored notes in ``notes.frame``.
    nlp : spacy.Language
        ``load_french_ner("fr_core_news_sm")``.

    Returns
    -------
    NameCounts
    """
    from esn_teach import privacy as pv

    scored = notes.frame.iloc[list(positions)]
    ids, texts = scored["note_id"].tolist(), scored["text"].tolist()
    entities = notes.entities[notes.entities["note_id"].isin(ids)].copy()
    documents = list(nlp.pipe(texts))
    entities["spacy"] = pv.mark_detected(
        entities, dict(zip(ids, pv.entity_spans(documents, ["PER"]), strict=True))
    )
    entities["rules"] = pv.mark_detected(
        entities, {i: pv.rule_spans(t) for i, t in zip(ids, texts, strict=True)}
    )
    names = entities[entities["kind"] == "nom"]
    patients = names[names["role"] == "patient"]
    relatives = names[names["role"] == "proche"]
    return NameCounts(
        patients=len(patients),
        patients_spacy=int(patients["spacy"].sum()),
        patients_rules=int(patients["rules"].sum()),
        relatives=len(relatives),
        relatives_spacy=int(relatives["spacy"].sum()),
        names=len(names),
        names_spacy=int(names["spacy"].sum()),
    )


@dataclass(frozen=True)
class CaseDraw:
    """Which case a student judges under each letter: its slot and the slot's variant."""

    slots: dict[str, str]
    variants: dict[str, int]

    def by_letter(self, per_slot: Mapping[str, Any]) -> dict[str, Any]:
        """Relabel a mapping slot → value (an answer, named mistakes) by this draw's letters."""
        return {letter: per_slot[slot] for letter, slot in self.slots.items()}

    def letter_of(self, slot: str) -> str:
        """Return the letter under which this student sees ``slot``."""
        (letter,) = [letter for letter, shown in self.slots.items() if shown == slot]
        return letter


def draw_cases(
    seed: int, question: str, letters: str, variants: Mapping[str, int] | None = None
) -> CaseDraw:
    """Draw, for a question, which case each letter shows, in this student's order.

    Parameters
    ----------
    seed : int
        ``checks.student_seed("14")``.
    question : str
        The question's name (each question draws from its own stream).
    letters : str
        The question's letters, in order (``"ABCD"``; ``"EFGH"``). The slots are
        the same letters: slot ``"A"`` is the case the formative text calls A.
    variants : mapping of str to int, optional
        How many equivalent variants each slot has in the pool (default one):
        each student gets one of them.

    Returns
    -------
    CaseDraw
    """
    rng = np.random.default_rng([seed, zlib.crc32(question.encode())])
    order = rng.permutation(len(letters))
    chosen = {slot: int(rng.integers((variants or {}).get(slot, 1))) for slot in letters}
    slots = {letter: letters[i] for letter, i in zip(letters, order, strict=True)}
    return CaseDraw(slots=slots, variants={letter: chosen[slot] for letter, slot in slots.items()})
