"""Each student's own cases for module 14's evaluated session.

The evaluated session draws, from the student's seed (``checks.student_seed``),
the probabilities of the two calculation questions and which messages of a pool
the student judges, in which order. The notebook shows the cases it draws; the
hidden tests call the same functions with the copy's seed, so both always agree.

The public functions (``exam_cases``, ``dose_cases``, ``incident_scenario``,
``copy_order``) return **only what the statement shows**: texts and numbers. The keys
and the named mistakes are computed by private functions (``_perplexity_key``,
``_cold_key``, ``_leak_key``, ``_dose_key``, ``_incident_key``, ``_draw_cases``,
``_name_counts``) that only the hidden tests call: nothing a visible cell of the
evaluated notebook creates holds an answer (tests/modules/test_module_14.py walks
them).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from esn_teach.checks import SlotDraw, draw_slots

__all__ = [
    "ExamCases",
    "copy_order",
    "dose_cases",
    "exam_cases",
    "incident_scenario",
]

#: Probabilities a sentence's words may get in question 1 (one or two decimals,
#: easy to type).
SENTENCE_VALUES = (0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.75, 0.8, 0.9)
#: The evaluated question 1's sentence.
SENTENCE = ("la", "plaie", "est", "propre")
#: The temperature of question 2 (its hints say 1/T = 2).
TEMPERATURE = 0.5
#: The probabilities the formative question 2 and its explanation work through.
TRAINING_TRIPLET = (0.6, 0.3, 0.1)
#: Question 6: how many notes of the module's corpus there are, how many are scored.
N_NOTES, N_SCORED = 400, 100

# --- One task per copy (6 December 2026, night) ---------------------------------------
# Each in-class calculation question draws, besides its values, which of two or three
# tasks of equal difficulty the copy asks; the statement says it in words (the public
# ``*_task`` texts of :class:`ExamCases`), the hidden test recomputes it from the seed
# with the private ``_*_task`` functions and grades that task.

#: Question 1's tasks: the perplexity over three of the sentence's four words, the
#: first three or the last three. Same steps (product of three probabilities, cube
#: root, inverse); neither is the formative four-word calculation.
_PERPLEXITY_TASKS: tuple[tuple[int, ...], ...] = ((0, 1, 2), (1, 2, 3))
#: Question 2's tasks: whose probability is asked at T = 0,5, the first word's or the
#: second's (the same calculation; the third word's, often below 0,01 when cooled, would
#: be graded on one significant digit).
_COLD_TASKS = (0, 1)
#: French ordinals of question 2's words.
WORD_ORDINALS = ("premier", "deuxième", "troisième")
#: Question 3b's tasks: how the imagined corpus writes a prescription, and what the
#: model is asked to complete. In the first, the two words before the dose are
#: « : ramipril » (the drug: the share of doses outside the corpus falls); in the
#: second, « dosé à », the same for every drug (the share stays about the same). The
#: option that answers the copy's task is slot ``"B"`` for the first, ``"C"`` for the
#: second (the notebook's option texts).
_CORPUS_TASKS = (
    "Imaginez un autre corpus, identique, sauf que chaque prescription s'y écrit sans "
    "« un comprimé de » : « Traitement : ramipril 5 mg ». On entraîne le même modèle à "
    "trigrammes sur ce corpus, puis on lui fait compléter « Traitement : ramipril » 200 fois, "
    "à la température 0,2.",
    "Imaginez un autre corpus, identique, sauf que chaque prescription s'y écrit « dosé à » "
    "au lieu de « de » : « Traitement : ramipril, un comprimé dosé à 5 mg ». On entraîne le "
    "même modèle à trigrammes sur ce corpus, puis on lui fait compléter « Traitement : "
    "ramipril, un comprimé dosé à » 200 fois, à la température 0,2.",
)
#: Question 3b: the slot of the option that answers each corpus task.
_CORPUS_TASK_SLOTS = ("B", "C")


@dataclass(frozen=True)
class ExamCase:
    """One message to judge: its text, the right answer, why a wrong one is wrong."""

    text: str
    # Not in the repr: printing a drawn case in the notebook must not show its answer.
    answer: str = field(repr=False)
    mistake: str = field(repr=False)
    kind: str = field(default="", repr=False)


#: Question 4's pool: messages a caregiver pastes into an online chatbot. Does an
#: outside reader recognise the patient? Each wrong answer's message ends with
#: the same words for every case of a kind (the named mistakes match on them).
#: Each case has a stratum (``kind``): a direct identifier (``"nom"``), details
#: that single a person out (``"quasi"``), a patient described without them, the
#: borderline « non » (``"limite"``), a general question (``"générale"``).
_LEAK_POOL = (
    ExamCase(
        "« Ma patiente, la seule pharmacienne de Saint-Aubin-des-Prés, vient d'apprendre "
        "qu'elle a une sclérose en plaques : comment l'accompagner ? »",
        "oui",
        "« la seule pharmacienne » d'une petite commune désigne une seule personne, et le "
        "texte révèle sa maladie : ce message laisse reconnaître la personne.",
        "quasi",
    ),
    ExamCase(
        "« Rédige la transmission de Mme L., 87 ans, entrée le 2 novembre à l'unité de soins "
        "palliatifs de la clinique de Saint-Aubin-des-Prés, chambre 3. »",
        "oui",
        "une initiale ne protège pas : l'âge, la date d'entrée, le service, la chambre et une "
        "petite commune désignent une seule patiente : ce message laisse reconnaître la "
        "personne.",
        "quasi",
    ),
    ExamCase(
        "« Mon patient, l'entraîneur de l'équipe de rugby de Saint-Aubin-des-Prés, a fait un "
        "malaise pendant le match de dimanche dernier : quel bilan demander ? »",
        "oui",
        "sans nom, une fonction unique dans une petite commune, avec une date, désigne une "
        "seule personne : ce message laisse reconnaître la personne.",
        "quasi",
    ),
    ExamCase(
        "« Résume l'observation de M. Karim Benali, né le 4 avril 1971, admis pour une "
        "pancréatite aiguë. »",
        "oui",
        "un nom et une date de naissance désignent directement la personne, quels que soient "
        "les autres détails : ce message laisse reconnaître la personne.",
        "nom",
    ),
    ExamCase(
        "« Ma patiente, la directrice de l'unique école de Saint-Aubin-des-Prés, est enceinte "
        "de jumeaux : peut-elle continuer à travailler jusqu'au terme ? »",
        "oui",
        "« la directrice de l'unique école » d'une petite commune désigne une seule personne, "
        "et le texte révèle sa grossesse : ce message laisse reconnaître la personne.",
        "quasi",
    ),
    ExamCase(
        "« Un de mes patients, la quarantaine, me demande combien de temps attendre après une "
        "appendicite sans complication pour reprendre le football : que lui répondre ? »",
        "non",
        "une tranche d'âge et une opération courante, sans nom, sans lieu, sans date ni détail "
        "rare : beaucoup d'adultes correspondent à ce message, qui ne laisse reconnaître "
        "personne. (L'éditeur sait quel compte l'envoie : n'envoyez que le nécessaire.)",
        "limite",
    ),
    ExamCase(
        "« Quels examens demander devant une fièvre au retour d'un séjour en Afrique de "
        "l'Ouest ? »",
        "non",
        "une question générale ne parle d'aucun patient : ce message ne laisse reconnaître "
        "personne.",
        "générale",
    ),
    ExamCase(
        "« Comment expliquer la maladie de Parkinson, avec des mots simples, à un patient qui "
        "vient d'en apprendre le diagnostic ? »",
        "non",
        "« Parkinson » est le nom d'une maladie, pas d'un patient ; sans aucun détail, ce "
        "message ne laisse reconnaître personne.",
        "générale",
    ),
    ExamCase(
        "« Quelle est la posologie habituelle de l'amoxicilline dans une otite aiguë de "
        "l'enfant ? »",
        "non",
        "une question de posologie générale ne parle d'aucun patient : ce message ne laisse "
        "reconnaître personne.",
        "générale",
    ),
    ExamCase(
        "« Une patiente de 70 ans, hypertendue, me demande si elle peut prendre de "
        "l'ibuprofène pour une douleur au genou : que lui répondre ? »",
        "non",
        "un âge et une maladie courante, sans nom, sans lieu, sans date : des centaines de "
        "milliers de personnes correspondent, et ce message ne laisse reconnaître personne. "
        "(L'éditeur sait quel compte l'envoie : n'envoyez que le nécessaire.)",
        "limite",
    ),
    ExamCase(
        "« Rédige un courrier au cardiologue pour Mme Sophie Lefèvre, 12 rue des Tilleuls à "
        "Saint-Aubin-des-Prés, suivie pour une insuffisance cardiaque. »",
        "oui",
        "un nom et une adresse désignent directement la personne, quels que soient les autres "
        "détails : ce message laisse reconnaître la personne.",
        "nom",
    ),
    ExamCase(
        "« Traduis en anglais le compte rendu opératoire de Jean-Pierre Morel, opéré hier d'un "
        "pontage coronarien, pour son transfert à l'étranger. »",
        "oui",
        "un prénom et un nom désignent directement la personne, même sans date de naissance : "
        "ce message laisse reconnaître la personne.",
        "nom",
    ),
    ExamCase(
        "« Mon patient a le numéro de sécurité sociale 1 71 04 34 172 045 12 (numéro fictif) ; "
        "voici ses traitements : y a-t-il une interaction ? »",
        "oui",
        "un numéro de sécurité sociale est attribué à une seule personne : même si un voisin ne "
        "sait pas le lire, l'éditeur ou quiconque peut le relier à un fichier la reconnaît ; "
        "même sans nom, ce message laisse reconnaître la personne.",
        "nom",
    ),
    ExamCase(
        "« Mon patient, le maire de Saint-Aubin-des-Prés, a été hospitalisé la semaine dernière "
        "pour une dépression : quand peut-il reprendre ses fonctions ? »",
        "oui",
        "« le maire » d'une commune est une seule personne, et le texte révèle sa maladie : ce "
        "message laisse reconnaître la personne.",
        "quasi",
    ),
    ExamCase(
        "« Ma patiente, 34 ans, a accouché de triplés dimanche dernier à la maternité de "
        "Saint-Aubin-des-Prés : quels conseils lui donner pour l'allaitement ? »",
        "oui",
        "une naissance de triplés, avec un lieu et une date, est un événement rare qui désigne "
        "une seule famille : ce message laisse reconnaître la personne.",
        "quasi",
    ),
    ExamCase(
        "« Un patient de 55 ans, fumeur et diabétique, me demande quand il pourra reprendre le "
        "vélo après son infarctus : que lui répondre ? »",
        "non",
        "un âge et des maladies fréquentes, sans nom, sans lieu, sans date ni détail rare : des "
        "dizaines de milliers de personnes correspondent, et ce message ne laisse reconnaître "
        "personne. (L'éditeur sait quel compte l'envoie : n'envoyez que le nécessaire.)",
        "limite",
    ),
    ExamCase(
        "« Une de mes patientes, la trentaine, enceinte de cinq mois, me demande si elle peut "
        "prendre l'avion pour ses vacances : que lui répondre ? »",
        "non",
        "une tranche d'âge et une grossesse, sans nom, sans lieu, sans date ni détail rare : "
        "beaucoup de femmes correspondent à ce message, qui ne laisse reconnaître personne. "
        "(L'éditeur sait quel compte l'envoie : n'envoyez que le nécessaire.)",
        "limite",
    ),
    ExamCase(
        "« Quels sont les effets indésirables les plus fréquents de la metformine ? »",
        "non",
        "une question générale sur un médicament ne parle d'aucun patient : ce message ne "
        "laisse reconnaître personne.",
        "générale",
    ),
    ExamCase(
        "« Rédige une affiche sur la vaccination contre la grippe pour la salle d'attente d'un "
        "cabinet infirmier. »",
        "non",
        "une affiche générale ne parle d'aucun patient : ce message ne laisse reconnaître "
        "personne.",
        "générale",
    ),
    ExamCase(
        "« Quels signes d'une phlébite doivent faire rappeler le médecin, après une "
        "opération du genou ? »",
        "non",
        "une question clinique générale ne parle d'aucun patient : ce message ne laisse "
        "reconnaître personne.",
        "générale",
    ),
)

#: Question 4's strata.
LEAK_KINDS = ("limite", "générale", "nom", "quasi")

#: The common ends of question 4's messages, for a « oui » case and a « non » case.
LEAK_YES = "ce message laisse reconnaître la personne"
LEAK_NO = "ne laisse reconnaître personne"


@dataclass(frozen=True)
class ExamCases:
    """One student's statement for module 14's evaluated session: what the notebook shows.

    Only texts and numbers: no answer, no verdict, no named mistake (the hidden
    tests compute them with the private ``_*_key`` functions from the same seed).
    """

    sentence: tuple[str, ...]
    sentence_probabilities: tuple[float, ...]
    temperature_probabilities: tuple[float, float, float]
    temperature: float
    #: Question 4's messages, by letter (their texts only).
    leaks: dict[str, str]
    scored_notes: tuple[int, ...]
    #: This copy's task in questions 1, 2 and 3b, in words (the statement shows them).
    sentence_task: str = ""
    temperature_task: str = ""
    corpus_task: str = ""


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
        # The training triplet (0,6 ; 0,3 ; 0,1) is a worked example: never drawn.
        if (
            third + 0.05 < second < first
            and second < squares - 0.02
            and (first, second, third) != TRAINING_TRIPLET
        ):
            return first, second, third


def _leaks(rng: np.random.Generator) -> dict[str, ExamCase]:
    """Five messages, one stratum each: the same task for every student.

    Exactly one borderline « non », one general question, one direct identifier,
    one or two cases with details that single a person out; with only one of
    those, a second general question.
    """
    by_kind = {kind: [c for c in _LEAK_POOL if c.kind == kind] for kind in LEAK_KINDS}
    n_quasi = int(rng.choice((1, 2)))
    wanted = {"limite": 1, "générale": 3 - n_quasi, "nom": 1, "quasi": n_quasi}
    chosen = []
    for kind, count in wanted.items():
        pool = by_kind[kind]
        chosen += [pool[i] for i in rng.choice(len(pool), size=count, replace=False)]
    order = rng.permutation(len(chosen))
    return {letter: chosen[i] for letter, i in zip("ABCDE", order, strict=True)}


def exam_cases(seed: int) -> ExamCases:
    """Draw module 14's evaluated statement (questions 1, 2, 4 and 6) from a student's seed.

    Parameters
    ----------
    seed : int
        ``checks.student_seed("14")`` (each question draws from its own stream).

    Returns
    -------
    ExamCases
        Texts and numbers only.
    """
    return ExamCases(
        sentence=SENTENCE,
        sentence_probabilities=_sentence(np.random.default_rng([seed, 1])),
        temperature_probabilities=_temperature(np.random.default_rng([seed, 2])),
        temperature=TEMPERATURE,
        leaks={letter: case.text for letter, case in _leak_cases(seed).items()},
        scored_notes=_scored_notes(seed),
        sentence_task=_sentence_task_text(_perplexity_task(seed)),
        temperature_task=f"la probabilité du {WORD_ORDINALS[_cold_task(seed)]} mot",
        corpus_task=_CORPUS_TASKS[_corpus_task(seed)],
    )


def _perplexity_task(seed: int) -> tuple[int, ...]:
    """Question 1: the positions of the words this copy's perplexity is asked over."""
    rng = np.random.default_rng([seed, 11])
    return _PERPLEXITY_TASKS[int(rng.integers(len(_PERPLEXITY_TASKS)))]


def _cold_task(seed: int) -> int:
    """Question 2: the position of the word whose probability this copy asks."""
    rng = np.random.default_rng([seed, 12])
    return _COLD_TASKS[int(rng.integers(len(_COLD_TASKS)))]


def _corpus_task(seed: int) -> int:
    """Question 3b: which imagined corpus this copy asks about (index in ``_CORPUS_TASKS``)."""
    rng = np.random.default_rng([seed, 13])
    return int(rng.integers(len(_CORPUS_TASKS)))


def _sentence_task_text(positions: tuple[int, ...]) -> str:
    words = " ".join(SENTENCE[i] for i in positions)
    left = [SENTENCE[i] for i in range(len(SENTENCE)) if i not in positions]
    which = "premiers" if positions[0] == 0 else "derniers"
    return (
        f"la perplexité des trois {which} mots seulement, « {words} » (sans « {left[0]} », "
        "dont vous ne tenez pas compte)"
    )


def _scored_notes(seed: int) -> tuple[int, ...]:
    rng = np.random.default_rng([seed, 6])
    return tuple(int(i) for i in np.sort(rng.choice(N_NOTES, size=N_SCORED, replace=False)))


def _leak_cases(seed: int) -> dict[str, ExamCase]:
    """Question 4's drawn cases, with their answers (hidden tests only)."""
    return _leaks(np.random.default_rng([seed, 4]))


def _perplexity_key(seed: int) -> float:
    """Question 1's answer: 1 / geometric mean of the asked words' probabilities."""
    sentence = _sentence(np.random.default_rng([seed, 1]))
    probabilities = [sentence[i] for i in _perplexity_task(seed)]
    return 1 / float(np.prod(probabilities)) ** (1 / len(probabilities))


def _cold_key(seed: int) -> float:
    """Question 2's answer: the asked word's probability at the temperature."""
    powered = [p ** (1 / TEMPERATURE) for p in _temperature(np.random.default_rng([seed, 2]))]
    return powered[_cold_task(seed)] / sum(powered)


def _leak_key(seed: int) -> tuple[dict[str, str], dict[str, list[Any]]]:
    """Question 4's answers by letter, and each message's named mistake."""
    from esn_teach.checks import Mistake

    cases = _leak_cases(seed)
    answers = {letter: case.answer for letter, case in cases.items()}
    mistakes = {
        letter: [Mistake("non" if case.answer == "oui" else "oui", case.mistake)]
        for letter, case in cases.items()
    }
    return answers, mistakes


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


def _name_counts(notes: Any, positions: Sequence[int], nlp: Any) -> NameCounts:
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
class CaseDraw(SlotDraw):
    """Which case a student judges under each letter: its slot and the slot's variant."""

    def by_letter(self, per_slot: Mapping[str, Any]) -> dict[str, Any]:
        """Relabel a mapping slot → value (an answer, named mistakes) by this draw's letters."""
        return {letter: per_slot[slot] for letter, slot in self.slots.items()}


def _draw_cases(
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
    slots, chosen = draw_slots(seed, question, list(letters), variants=variants, letters=letters)
    return CaseDraw(slots=slots, variants=chosen)


#: Questions 5a and 5b: which texts of the notebook's flat list (by position) are the
#: variants of each slot. The notebook lists the texts in a mixed order, so that its
#: visible cell does not show which cases are of the same kind.
_POOL_SLOTS: dict[str, dict[str, tuple[int, ...]]] = {
    "texte_obligation": {"A": (1, 6), "B": (5, 9, 2), "C": (4, 0, 8), "D": (7, 3)},
    "texte_ia": {"E": (1, 6), "F": (5, 9, 2), "G": (7, 3), "H": (4, 0, 8)},
}


def _pool_draw(seed: int, question: str) -> CaseDraw:
    """Questions 5a and 5b: which case of the flat pool each letter shows (hidden tests).

    Half of the copies get one case of each kind (four different answers); the other half
    get two cases of one kind (two different variants of a slot with several) in place of
    another kind's case: three different answers, one of them twice. The key pattern then
    differs from copy to copy, and no copy can fill its last case by elimination (review
    d13, finding 3); each case is still judged alone, with the same four-row table.
    """
    slots = _POOL_SLOTS[question]
    letters = "".join(slots)
    draw = _draw_cases(seed, question, letters, {slot: len(ix) for slot, ix in slots.items()})
    rng = np.random.default_rng([seed, 15, len(question)])
    if rng.random() < 0.5:
        return draw
    shown, chosen = dict(draw.slots), dict(draw.variants)
    replaced = letters[int(rng.integers(len(letters)))]
    doubled = [slot for slot, ix in slots.items() if len(ix) > 1 and slot != shown[replaced]]
    slot = doubled[int(rng.integers(len(doubled)))]
    (twin,) = [letter for letter in letters if shown[letter] == slot]
    free = [v for v in range(len(slots[slot])) if v != chosen[twin]]
    shown[replaced], chosen[replaced] = slot, free[int(rng.integers(len(free)))]
    return CaseDraw(slots=shown, variants=chosen)


def copy_order(seed: int, question: str, pool: Mapping[str, str] | Sequence[str]) -> dict[str, str]:
    """Return the texts a student sees, by letter, for a question drawn from a pool.

    Parameters
    ----------
    seed : int
        ``checks.student_seed("14")``.
    question : str
        The question's name (each question draws from its own stream).
    pool : mapping of str to str, or sequence of str
        Slot → its text (questions 3b and 7: every copy sees every slot), or the
        flat list of a question's cases (questions 5a and 5b: each copy sees one
        variant of each slot; which texts are variants of which slot is kept here).

    Returns
    -------
    dict of str to str
        Letter → the text shown under it: the statement only (which slot a letter
        shows is kept by the hidden tests, which call ``_draw_cases``).
    """
    if isinstance(pool, Mapping):
        letters = "".join(pool)
        draw = _draw_cases(seed, question, letters)
        return {letter: pool[draw.slots[letter]] for letter in letters}
    slots = _POOL_SLOTS[question]
    if sorted(i for indices in slots.values() for i in indices) != list(range(len(pool))):
        raise ValueError(f"{question}: the pool must hold {sum(map(len, slots.values()))} texts")
    draw = _pool_draw(seed, question)
    return {letter: pool[slots[draw.slots[letter]][draw.variants[letter]]] for letter in draw.slots}


#: Question 3a's pool, by stratum: prescriptions « Traitement : drug, un comprimé de
#: dose unit » that the model wrote in the module's audit (``prescription_audit``,
#: ``random_state=14``; tests/modules/test_module_14.py checks it). Every copy judges
#: the unit trap (the only one the model wrote outside paracetamol and the formative
#: cases) and three more cases, each « corpus » or « hors corpus » as its copy's drawn
#: pattern says (review d14: all positions shuffled, 14 patterns). No dose outside any
#: usual range (review d12: « bisoprolol 1000 mg » was classed by common sense). Left
#: out: paracetamol (the explorer's start), the formative question's four cases and the
#: three examples the evaluated session prints.
_DOSE_POOL: dict[str, tuple[tuple[str, str, str], ...]] = {
    # The corpus writes 1000 mg; the model wrote 1 g: compare in the same unit.
    "unité": (("metformine", "1", "g"),),
    # Strengths in use for this drug, absent from the corpus for it (the model read
    # them after another drug): « hors corpus » does not mean « false in pharmacy ».
    "réelle hors corpus": (
        ("bisoprolol", "10", "mg"),
        ("ramipril", "1,25", "mg"),
        ("furosémide", "500", "mg"),
    ),
    # Ordinary-looking doses of another drug of the corpus (review d14: a wider pool).
    # Nothing is claimed about pharmacy: only the corpus table decides.
    "autre médicament": (
        ("apixaban", "10", "mg"),
        ("atorvastatine", "5", "mg"),
        ("amlodipine", "1,25", "mg"),
        ("furosémide", "5", "mg"),
        ("bisoprolol", "20", "mg"),
        ("ramipril", "20", "mg"),
    ),
    # Corpus doses, some in micrograms.
    "corpus": (
        ("ramipril", "2,5", "mg"),
        ("ramipril", "10", "mg"),
        ("bisoprolol", "2,5", "mg"),
        ("bisoprolol", "5", "mg"),
        ("atorvastatine", "20", "mg"),
        ("atorvastatine", "40", "mg"),
        ("furosémide", "20", "mg"),
        ("furosémide", "40", "mg"),
        ("apixaban", "2,5", "mg"),
        ("apixaban", "5", "mg"),
        ("amlodipine", "5", "mg"),
        ("amlodipine", "10", "mg"),
        ("amoxicilline", "500", "mg"),
        ("lévothyroxine", "25", "µg"),
        ("lévothyroxine", "50", "µg"),
        ("lévothyroxine", "75", "µg"),
    ),
}
#: Question 3a's verdict patterns: every split of four letters with one to three
#: « corpus » (never all the same, which answering everywhere the same would exploit).
DOSE_PATTERNS = tuple(
    pattern
    for pattern in itertools.product(("corpus", "hors corpus"), repeat=4)
    if 1 <= pattern.count("corpus") <= 3
)
#: The common fragments of question 3a's named mistakes (wrong « corpus », wrong « hors corpus »).
DOSE_NOT_THIS_DRUG = "n'est pas pour autant une dose de ce médicament"
DOSE_CHECK_IT_TOO = "se vérifie, elle aussi"


def _corpus_doses(drug: str) -> list[float]:
    from esn_teach.datasets import REFERENCE_DOSES, dose_in_mg

    return [dose_in_mg(v, u) for v, u in REFERENCE_DOSES[drug]]


@dataclass(frozen=True)
class DoseCase:
    """One prescription of question 3a: what the model wrote, and its verdict."""

    drug: str
    dose: str
    unit: str
    stratum: str

    @property
    def text(self) -> str:
        """The prescription's end, as the notebook prints it."""
        return f"{self.drug}, un comprimé de {self.dose} {self.unit}"

    @property
    def verdict(self) -> str:
        """« corpus » if the corpus writes this dose for this drug (in mg), else « hors corpus »."""
        from esn_teach.datasets import dose_in_mg

        in_mg = dose_in_mg(self.dose, self.unit)
        return (
            "corpus"
            if any(abs(in_mg - d) < 1e-9 for d in _corpus_doses(self.drug))
            else ("hors corpus")
        )

    @property
    def mistake(self) -> Any:
        """The named mistake of the wrong verdict, with this case's figures."""
        from esn_teach.checks import Mistake
        from esn_teach.datasets import REFERENCE_DOSES, dose_in_mg

        written = ", ".join(f"{v} {u}" for v, u in REFERENCE_DOSES[self.drug])
        if self.verdict == "hors corpus":
            in_mg = dose_in_mg(self.dose, self.unit)
            others = sorted(
                drug
                for drug, doses in REFERENCE_DOSES.items()
                if drug != self.drug and any(abs(dose_in_mg(v, u) - in_mg) < 1e-9 for v, u in doses)
            )
            assert others, self
            return Mistake(
                "corpus",
                f"« {self.text} » : le corpus n'écrit le médicament {self.drug} qu'aux doses "
                f"{written} ; "
                f"{self.dose} {self.unit} y est une dose d'autres médicaments "
                f"({', '.join(others)}). Une dose banale {DOSE_NOT_THIS_DRUG} : le modèle l'a "
                "lue après un autre médicament.",
            )
        same_unit = any((v, u) == (self.dose, self.unit) for v, u in REFERENCE_DOSES[self.drug])
        unit_note = (
            ""
            if same_unit
            else " Comparez les doses dans la même unité : un gramme vaut mille milligrammes."
        )
        return Mistake(
            "hors corpus",
            f"« {self.text} » : c'est bien une dose du médicament {self.drug} dans le corpus "
            f"({written}).{unit_note} Une dose, qu'elle paraisse banale ou inhabituelle, "
            f"{DOSE_CHECK_IT_TOO}, dans le tableau : elle peut y être.",
        )


def _dose_draw(seed: int) -> dict[str, DoseCase]:
    """Draw question 3a's four prescriptions for a student, by letter (hidden tests only).

    The copy's verdict pattern is one of :data:`DOSE_PATTERNS` (one to three « corpus »,
    at any letters); the unit trap takes one of the « corpus » letters, at random; every
    other letter gets a case of its verdict, uniformly among the cases of that verdict
    (« hors corpus »: a strength in use or a dose of another drug), four different drugs.
    """
    rng = np.random.default_rng([seed, 3, 14])
    pool = {
        stratum: [DoseCase(d, v, u, stratum) for d, v, u in cases]
        for stratum, cases in _DOSE_POOL.items()
    }
    pattern = DOSE_PATTERNS[int(rng.integers(len(DOSE_PATTERNS)))]
    corpus_letters = [letter for letter, v in zip("ABCD", pattern, strict=True) if v == "corpus"]
    trap = corpus_letters[int(rng.integers(len(corpus_letters)))]
    chosen: dict[str, DoseCase] = {trap: pool["unité"][0]}
    for letter, verdict in zip("ABCD", pattern, strict=True):
        if letter == trap:
            continue
        strata = ("corpus",) if verdict == "corpus" else ("réelle hors corpus", "autre médicament")
        used = {c.drug for c in chosen.values()}
        fits = [c for stratum in strata for c in pool[stratum] if c.drug not in used]
        chosen[letter] = fits[int(rng.integers(len(fits)))]
    return {letter: chosen[letter] for letter in "ABCD"}


def dose_cases(seed: int) -> dict[str, str]:
    """Question 3a's four prescriptions for a student, by letter: their texts only.

    Parameters
    ----------
    seed : int
        ``checks.student_seed("14")``.

    Returns
    -------
    dict of str to str
        Letters ``"A"`` to ``"D"`` → « drug, un comprimé de dose unit ».
    """
    return {letter: case.text for letter, case in _dose_draw(seed).items()}


def _dose_key(seed: int) -> tuple[dict[str, str], dict[str, list[Any]]]:
    """Question 3a's verdicts by letter, and each case's named mistake."""
    drawn = _dose_draw(seed)
    return (
        {letter: case.verdict for letter, case in drawn.items()},
        {letter: [case.mistake] for letter, case in drawn.items()},
    )


@dataclass(frozen=True)
class IncidentScenario:
    """Question 7's case: how serious the harm is, and which tool wrote the wrong dose.

    The evaluated question's actions are the same for every scenario; two answers
    follow the scenario: matériovigilance (« ensuite » only for a medical device)
    and the EIGS declared to the ARS (« ensuite » only for a serious event).
    """

    key: str
    severe: bool
    device: bool
    text: str

    def answers(self) -> dict[str, str]:
        """Return the right answer of each action (slots ``"A"`` to ``"H"``)."""
        return {
            "A": "ensuite" if self.device else "non",
            "B": "ensuite" if self.severe else "non",
            "C": "d'abord",
            "D": "non",
            "E": "ensuite",
            "F": "d'abord",
            "G": "ensuite",
            "H": "non",
        }


_ANTICOAGULANT = (
    "a multiplié par quatre la dose de son anticoagulant ; personne ne l'a vu, et il la reçoit "
    "depuis. Ce matin, il saigne (hémorragie digestive), sa tension s'effondre : il est "
    "transféré en réanimation et transfusé. C'est en relisant son traitement que vous "
    "découvrez l'erreur."
)
# Review d14, finding 6: the users' duty (CSP L5212-2) covers an incident that caused, or
# could have caused, death or a serious deterioration of health; the near fall of an
# 81-year-old makes that risk explicit, while nothing serious happened (no EIGS).
_ANTIHYPERTENSEUR = (
    "a doublé la dose de son antihypertenseur ; il la reçoit depuis. Ce matin, il a des "
    "vertiges et sa tension est basse : en se levant seul, il a failli tomber, et une chute, à "
    "son âge, peut causer une fracture du col du fémur. Allongé et surveillé dans le service, "
    "sans autre traitement, il ira bien le lendemain, sans séquelle. C'est en relisant son "
    "traitement que vous découvrez l'erreur."
)
_CONSUMER = "une synthèse écrite par un agent conversationnel grand public"
_DEVICE = (
    "la synthèse écrite par le logiciel d'aide à la prescription de l'établissement (un "
    "dispositif médical marqué CE, que son fabricant destine à préparer les prescriptions)"
)

#: Question 7's scenarios (the formative one, not serious with a consumer chatbot, is left out).
_INCIDENT_SCENARIOS = (
    IncidentScenario(
        "grave, agent grand public",
        True,
        False,
        f"M. T., 81 ans, est hospitalisé en gériatrie. Il y a deux jours, {_CONSUMER} "
        + _ANTICOAGULANT,
    ),
    IncidentScenario(
        "grave, dispositif médical",
        True,
        True,
        f"M. T., 81 ans, est hospitalisé en gériatrie. Il y a deux jours, {_DEVICE} "
        + _ANTICOAGULANT,
    ),
    IncidentScenario(
        "sans gravité, dispositif médical",
        False,
        True,
        f"M. T., 81 ans, est hospitalisé en gériatrie. Il y a deux jours, {_DEVICE} "
        + _ANTIHYPERTENSEUR,
    ),
)


def _incident(seed: int) -> IncidentScenario:
    """Question 7's scenario for a student, with its keys (hidden tests only)."""
    rng = np.random.default_rng([seed, 7])
    return _INCIDENT_SCENARIOS[int(rng.integers(len(_INCIDENT_SCENARIOS)))]


def incident_scenario(seed: int) -> str:
    """Question 7's case for a student (``checks.student_seed("14")``): its text only."""
    return _incident(seed).text


def _incident_key(seed: int) -> dict[str, str]:
    """Question 7's answers, by the letters of this student's copy."""
    draw = _draw_cases(seed, "signalement", "ABCDEFGH")
    return draw.by_letter(_incident(seed).answers())
