"""Each student's own cases for module 14's evaluated session.

The evaluated session draws, from the student's seed (``checks.student_seed``),
the probabilities of the two calculation questions, each copy's task, and which
messages or prescriptions of a pool the student judges, in which order. The notebook
shows the cases it draws; the hidden tests call the same functions with the copy's
seed, so both always agree.

This module holds **no answer key** (review 07, finding 1; 7 December 2026): no right
answer, no verdict, no named mistake that says which answer is right, no expected
number. A student's kernel imports this package: everything here is readable. The
draws look at nothing but the seed and the pools' shape (which texts are variants of
one slot); the keys, the truth tables and the named mistakes are in the source
notebook's hidden tests, solution and ``mistake=`` cells, which stay with the
instructor. Tests/modules/test_module_14.py checks the keys against its own, independent
truth tables.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
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
#: Question 3b's tasks: two imagined corpora, each copy's statement (what each one
#: implies, and which option answers it, is the hidden test's and the notes', not here).
_CORPUS_TASKS = (
    "Imaginez un autre corpus, identique, sauf que chaque prescription s'y écrit sans "
    "« un comprimé de » : « Traitement : ramipril 5 mg ». On entraîne le même modèle à "
    "trigrammes sur ce corpus, puis on lui fait compléter « Traitement : ramipril » 200 fois, "
    "à la température 0,2.",
    "Imaginez un autre corpus, identique, sauf que chaque prescription s'y écrit avec le "
    "médicament après « comprimé de » : « Traitement : un comprimé de ramipril dosé à 5 mg ». "
    "On entraîne le même modèle à trigrammes sur ce corpus, puis on lui fait compléter "
    "« Traitement : un comprimé de ramipril dosé à » 200 fois, à la température 0,2.",
)

#: Question 4's pool: messages a caregiver pastes into an online chatbot (does an outside
#: reader recognise the patient?), in a mixed order. Texts only: whether each one lets a
#: reader recognise the patient, and why, is the hidden test's truth table.
_LEAK_TEXTS = (
    (
        "« Un de mes patients, la quarantaine, me demande combien de temps attendre après une "
        "appendicite sans complication pour reprendre le football : que lui répondre ? »"
    ),
    (
        "« Une patiente de 70 ans, hypertendue, me demande si elle peut prendre de l'ibuprofène"
        " pour une douleur au genou : que lui répondre ? »"
    ),
    (
        "« Un patient de 55 ans, fumeur et diabétique, me demande quand il pourra reprendre le "
        "vélo après son infarctus : que lui répondre ? »"
    ),
    (
        "« Mon patient a le numéro de sécurité sociale 1 71 04 34 172 045 12 (numéro fictif) ; "
        "voici ses traitements : y a-t-il une interaction ? »"
    ),
    (
        "« Mon patient, l'entraîneur de l'équipe de rugby de Saint-Aubin-des-Prés, a fait un "
        "malaise pendant le match de dimanche dernier : quel bilan demander ? »"
    ),
    (
        "« Ma patiente, la seule pharmacienne de Saint-Aubin-des-Prés, vient d'apprendre "
        "qu'elle a une sclérose en plaques : comment l'accompagner ? »"
    ),
    (
        "« Quels signes d'une phlébite doivent faire rappeler le médecin, après une opération "
        "du genou ? »"
    ),
    ("« Quels examens demander devant une fièvre au retour d'un séjour en Afrique de l'Ouest ? »"),
    (
        "« Mon patient, le maire de Saint-Aubin-des-Prés, a été hospitalisé la semaine dernière"
        " pour une dépression : quand peut-il reprendre ses fonctions ? »"
    ),
    (
        "« Ma patiente, 34 ans, a accouché de triplés dimanche dernier à la maternité de Saint-"
        "Aubin-des-Prés : quels conseils lui donner pour l'allaitement ? »"
    ),
    ("« Quels sont les effets indésirables les plus fréquents de la metformine ? »"),
    (
        "« Rédige un courrier au cardiologue pour Mme Sophie Lefèvre, 12 rue des Tilleuls à "
        "Saint-Aubin-des-Prés, suivie pour une insuffisance cardiaque. »"
    ),
    (
        "« Rédige la transmission de Mme L., 87 ans, entrée le 2 novembre à l'unité de soins "
        "palliatifs de la clinique de Saint-Aubin-des-Prés, chambre 3. »"
    ),
    (
        "« Traduis en anglais le compte rendu opératoire de Jean-Pierre Morel, opéré hier d'un "
        "pontage coronarien, pour son transfert à l'étranger. »"
    ),
    (
        "« Ma patiente, la directrice de l'unique école de Saint-Aubin-des-Prés, est enceinte "
        "de jumeaux : peut-elle continuer à travailler jusqu'au terme ? »"
    ),
    (
        "« Rédige une affiche sur la vaccination contre la grippe pour la salle d'attente d'un "
        "cabinet infirmier. »"
    ),
    ("« Quelle est la posologie habituelle de l'amoxicilline dans une otite aiguë de l'enfant ? »"),
    (
        "« Comment expliquer la maladie de Parkinson, avec des mots simples, à un patient qui "
        "vient d'en apprendre le diagnostic ? »"
    ),
    (
        "« Une de mes patientes, la trentaine, enceinte de cinq mois, me demande si elle peut "
        "prendre l'avion pour ses vacances : que lui répondre ? »"
    ),
    (
        "« Résume l'observation de M. Karim Benali, né le 4 avril 1971, admis pour une "
        "pancréatite aiguë. »"
    ),
)

#: The common ends of question 4's named mistakes, for a « oui » case and a « non » case
#: (every message of the hidden test ends with one of them; neither says which case is which).
LEAK_YES = "ce message laisse reconnaître la personne"
LEAK_NO = "ne laisse reconnaître personne"


@dataclass(frozen=True)
class ExamCases:
    """One student's statement for module 14's evaluated session: what the notebook shows.

    Only texts and numbers: no answer, no verdict, no named mistake (the hidden
    tests compute them, from the same seed, with their own truth tables).
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


def _leak_draw(seed: int) -> CaseDraw:
    """Question 4: which message of :data:`_LEAK_TEXTS` each letter shows (five letters).

    Five slots' worth of messages, the same shape for every copy: one of slot ``"A"``,
    one of slot ``"C"``, and three of slots ``"B"`` and ``"D"`` together, one or two of
    ``"D"`` as the seed alone draws it (two variants of a slot are never the same text).
    The draw reads no answer: what each slot's messages answer is the hidden test's.
    """
    slots = _POOL_SLOTS["fuite"]
    rng = np.random.default_rng([seed, 4])
    n_d = int(rng.choice((1, 2)))
    wanted = {"A": 1, "B": 3 - n_d, "C": 1, "D": n_d}
    chosen = [
        (slot, int(i))
        for slot, count in wanted.items()
        for i in rng.choice(len(slots[slot]), size=count, replace=False)
    ]
    order = rng.permutation(len(chosen))
    shown = {letter: chosen[i] for letter, i in zip("ABCDE", order, strict=True)}
    return CaseDraw(
        slots={letter: slot for letter, (slot, _) in shown.items()},
        variants={letter: v for letter, (_, v) in shown.items()},
    )


def _leak_texts(seed: int) -> dict[str, str]:
    draw = _leak_draw(seed)
    slots = _POOL_SLOTS["fuite"]
    return {
        letter: _LEAK_TEXTS[slots[draw.slots[letter]][draw.variants[letter]]]
        for letter in draw.slots
    }


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
        leaks=_leak_texts(seed),
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


#: Questions 3a, 4, 5a and 5b: which texts of a flat list (by position) are the variants
#: of each slot (a slot: cases of one kind; the kind, and so the answer, is the hidden
#: test's). The lists hold the texts in a mixed order, so that no visible cell and no
#: listing shows which cases are of the same kind. Questions 5a and 5b's texts are in
#: the notebook; question 4's in :data:`_LEAK_TEXTS`, question 3a's in :data:`_DOSE_POOL`.
_POOL_SLOTS: dict[str, dict[str, tuple[int, ...]]] = {
    "fuite": {
        "A": (0, 1, 2, 18),
        "B": (6, 7, 10, 15, 16, 17),
        "C": (3, 11, 13, 19),
        "D": (4, 5, 8, 9, 12, 14),
    },
    "verdict_doses": {
        "P": (0, 1, 2, 4, 5, 6, 7, 8, 10, 11, 14, 15, 16, 17, 18, 19),
        "Q": (3, 9, 13),
        "T": (12,),
    },
    "texte_obligation": {"A": (1, 6), "B": (5, 9, 2), "C": (4, 0, 8), "D": (7, 3)},
    "texte_ia": {"E": (1, 6), "F": (5, 9, 2), "G": (7, 3), "H": (4, 0, 8)},
}


#: Questions 5a and 5b: the slots every copy shows (review d16, finding 3: every copy
#: covers the same notions), with how many of the slot's first variants may stand for it.
#: The doubling below never replaces them; a slot's other variants (here the third of
#: 5a's slot ``"B"``) appear only as a second case of that slot. Which answer a slot has
#: stays the hidden test's.
_POOL_KEPT: dict[str, dict[str, int]] = {
    "texte_obligation": {"B": 2, "D": 2},
    "texte_ia": {"H": 3},
}


def _pool_draw(seed: int, question: str) -> CaseDraw:
    """Questions 5a and 5b: which case of the flat pool each letter shows (hidden tests).

    Half of the copies get one case of each kind (four different answers); the other half
    get two cases of one kind (two different variants of a slot with several) in place of
    another kind's case: three different answers, one of them twice. The key pattern then
    differs from copy to copy, and no copy can fill its last case by elimination (review
    d13, finding 3); each case is still judged alone, with the same four-row table. The
    slots of :data:`_POOL_KEPT` are in every copy, each shown by one of its first variants
    (review d16, finding 3): the draw picks which case of these kinds, not whether the
    kind appears.
    """
    slots = _POOL_SLOTS[question]
    kept = _POOL_KEPT.get(question, {})
    letters = "".join(slots)
    draw = _draw_cases(
        seed, question, letters, {slot: kept.get(slot, len(ix)) for slot, ix in slots.items()}
    )
    rng = np.random.default_rng([seed, 15, len(question)])
    if rng.random() < 0.5:
        return draw
    shown, chosen = dict(draw.slots), dict(draw.variants)
    open_letters = [letter for letter in letters if shown[letter] not in kept]
    replaced = open_letters[int(rng.integers(len(open_letters)))]
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


#: Question 3a's pool, in a mixed order: prescriptions « Traitement : drug, un comprimé
#: de dose unit » that the model wrote in the module's audit (``prescription_audit``,
#: ``random_state=14``; tests/modules/test_module_14.py checks it). Every dose is a
#: marketed strength (review d16, finding 5; the sources are in the notes). Whether a
#: dose is in the corpus is read in the corpus table (``esn_teach.datasets.REFERENCE_DOSES``),
#: as the statement asks: the hidden test does it, nothing here does.
_DOSE_POOL: tuple[tuple[str, str, str], ...] = (
    ("furosémide", "20", "mg"), ("lévothyroxine", "25", "µg"), ("atorvastatine", "20", "mg"),
    ("bisoprolol", "10", "mg"), ("amlodipine", "10", "mg"), ("ramipril", "2,5", "mg"),
    ("bisoprolol", "5", "mg"), ("lévothyroxine", "75", "µg"), ("bisoprolol", "2,5", "mg"),
    ("furosémide", "500", "mg"), ("amoxicilline", "500", "mg"), ("amlodipine", "5", "mg"),
    ("metformine", "1", "g"), ("ramipril", "1,25", "mg"), ("lévothyroxine", "50", "µg"),
    ("atorvastatine", "40", "mg"), ("apixaban", "5", "mg"), ("ramipril", "10", "mg"),
    ("furosémide", "40", "mg"), ("apixaban", "2,5", "mg"),
)  # fmt: skip
#: The common fragments of question 3a's named mistakes (wrong « corpus », wrong « hors
#: corpus »): the hidden test's messages hold them; neither says which case is which.
DOSE_NOT_THIS_DRUG = "n'est pas pour autant une dose de ce médicament"
DOSE_CHECK_IT_TOO = "se vérifie, elle aussi"


def _dose_draw(seed: int) -> dict[str, tuple[str, str, str]]:
    """Draw question 3a's four prescriptions for a student, by letter: (drug, dose, unit).

    From the seed alone: how many letters show a case of slot ``"P"`` or ``"T"`` (one to
    three, at any letters: 14 patterns), which of them shows slot ``"T"`` (one case,
    every copy judges it), and one case of its slot for every letter, four different
    drugs. Which slot's doses are in the corpus is the hidden test's (it reads the
    corpus table); the draw reads no verdict.
    """
    rng = np.random.default_rng([seed, 3, 14])
    slots = _POOL_SLOTS["verdict_doses"]
    patterns = [
        pattern for pattern in itertools.product("PQ", repeat=4) if 1 <= pattern.count("P") <= 3
    ]
    pattern = patterns[int(rng.integers(len(patterns)))]
    p_letters = [letter for letter, slot in zip("ABCD", pattern, strict=True) if slot == "P"]
    trap = p_letters[int(rng.integers(len(p_letters)))]
    chosen: dict[str, tuple[str, str, str]] = {trap: _DOSE_POOL[slots["T"][0]]}
    for letter, slot in zip("ABCD", pattern, strict=True):
        if letter == trap:
            continue
        used = {case[0] for case in chosen.values()}
        fits = [_DOSE_POOL[i] for i in slots[slot] if _DOSE_POOL[i][0] not in used]
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
    return {
        letter: f"{drug}, un comprimé de {dose} {unit}"
        for letter, (drug, dose, unit) in _dose_draw(seed).items()
    }


_ANTICOAGULANT = (
    "a multiplié par quatre la dose de son anticoagulant ; personne ne l'a vu, et il la reçoit "
    "depuis. Ce matin, il saigne (hémorragie digestive), sa tension s'effondre : il est "
    "transféré en réanimation et transfusé. C'est en relisant son traitement que vous "
    "découvrez l'erreur."
)
# Scenario texts only (review 14 d21, lecturer 5: what each one implies is in the notes).
_ANTIHYPERTENSEUR = (
    "a doublé la dose de son antihypertenseur ; il la reçoit depuis. Ce matin, il a des "
    "vertiges et sa tension est basse : en se levant seul, il a failli tomber, et une chute, à "
    "son âge, peut causer une fracture du col du fémur. Allongé et surveillé dans le service, "
    "sans autre traitement, sa tension est redevenue normale en deux heures, et le médecin "
    "n'attend aucune séquelle. C'est en relisant son traitement que vous découvrez l'erreur."
)
_SANS_EFFET = (
    "a multiplié par quatre la dose de son anticoagulant ; il en a reçu une prise, hier soir. "
    "C'est en relisant son traitement, ce matin, que vous découvrez l'erreur. Vous "
    "l'examinez : il ne présente aucun signe anormal (aucun saignement, tension et pouls "
    "normaux), et il ne se plaint de rien."
)
_CONSUMER = "une synthèse écrite par un agent conversationnel grand public"
_DEVICE = (
    "la synthèse écrite par le logiciel d'aide à la prescription de l'établissement (un "
    "dispositif médical marqué CE, que son fabricant destine à préparer les prescriptions)"
)

#: Question 7's scenarios: texts only (the formative one is left out). What each one
#: answers is the hidden test's truth table.
_INCIDENT_SCENARIOS = (
    f"M. T., 81 ans, est hospitalisé en gériatrie. Il y a deux jours, {_CONSUMER} "
    + _ANTICOAGULANT,
    f"M. T., 81 ans, est hospitalisé en gériatrie. Il y a deux jours, {_DEVICE} " + _ANTICOAGULANT,
    f"M. T., 81 ans, est hospitalisé en gériatrie. Il y a deux jours, {_DEVICE} "
    + _ANTIHYPERTENSEUR,
    f"M. T., 81 ans, est hospitalisé en gériatrie. Hier, {_CONSUMER} " + _SANS_EFFET,
    f"M. T., 81 ans, est hospitalisé en gériatrie. Hier, {_DEVICE} " + _SANS_EFFET,
)


def incident_scenario(seed: int) -> str:
    """Question 7's case for a student (``checks.student_seed("14")``): its text only."""
    rng = np.random.default_rng([seed, 7])
    return _INCIDENT_SCENARIOS[int(rng.integers(len(_INCIDENT_SCENARIOS)))]
