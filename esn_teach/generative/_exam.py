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


def _leak_texts(seed: int) -> dict[str, str]:
    """Question 4: five messages of :data:`_LEAK_TEXTS`, drawn from the seed alone (letters A to E).

    A uniform draw without replacement (review 14 d21b: the former draw grouped the pool by
    kind of answer, which a student's kernel could read): the draw knows the texts only, and
    how many messages of each answer a copy gets is left to chance. The hidden test reads each
    message's answer in its own truth table, by a fragment of the text.
    """
    rng = np.random.default_rng([seed, 4, 21])
    drawn = rng.choice(len(_LEAK_TEXTS), size=5, replace=False)
    return {letter: _LEAK_TEXTS[int(i)] for letter, i in zip("ABCDE", drawn, strict=True)}


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


#: Question 5: the letters a copy's four cases are shown under (the statement's
#: letters; they say nothing of the answers).
_POOL_LETTERS: dict[str, str] = {"texte_obligation": "ABCD"}


def _pool_positions(seed: int, question: str, size: int) -> dict[str, int]:
    """Questions 5a and 5b: which positions of a flat list of ``size`` cases each letter shows.

    A uniform draw without replacement, from the seed alone (review 14 d21b: the former draw
    grouped the list by kind of answer, which a student's kernel could read). Positions
    only: what the case at a position answers is the hidden test's table.
    """
    letters = _POOL_LETTERS[question]
    rng = np.random.default_rng([seed, 5, 21, len(question)])
    drawn = rng.choice(size, size=len(letters), replace=False)
    return {letter: int(i) for letter, i in zip(letters, drawn, strict=True)}


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
        flat list of a question's cases (questions 5a and 5b: each copy sees four of
        them, drawn without replacement; a list of positions, ``range(len(cases))``,
        gives the positions shown, which the hidden tests key).

    Returns
    -------
    dict of str to str
        Letter → the element of ``pool`` shown under it: the statement only.
    """
    if isinstance(pool, Mapping):
        letters = "".join(pool)
        draw = _draw_cases(seed, question, letters)
        return {letter: pool[draw.slots[letter]] for letter in letters}
    if question not in _POOL_LETTERS or len(pool) < len(_POOL_LETTERS[question]):
        raise ValueError(f"{question}: no flat pool of at least four cases")
    return {
        letter: pool[position]
        for letter, position in _pool_positions(seed, question, len(pool)).items()
    }


#: Question 3a's pool: for each drug, the strengths its prescriptions « Traitement : drug,
#: un comprimé de dose unit » may show, all written by the model in the module's audit
#: (``prescription_audit``, ``random_state=14``; tests/modules/test_module_14.py checks it).
#: Every dose is a marketed strength (review d16, finding 5; the sources are in the notes).
#: Grouped by drug only: whether a dose is in the corpus is read in the corpus table
#: (``esn_teach.datasets.REFERENCE_DOSES``), as the statement asks; the hidden test does
#: it, nothing here does.
_DOSE_POOL: dict[str, tuple[tuple[str, str], ...]] = {
    "lévothyroxine": (("25", "µg"), ("50", "µg"), ("75", "µg")),
    "bisoprolol": (("10", "mg"),),
    "atorvastatine": (("20", "mg"), ("40", "mg")),
    "metformine": (("1", "g"),),
    "amlodipine": (("5", "mg"), ("10", "mg")),
    "furosémide": (("500", "mg"),),
    "apixaban": (("2,5", "mg"), ("5", "mg")),
    "ramipril": (("1,25", "mg"),),
    "amoxicilline": (("500", "mg"),),
}
#: The common fragments of question 3a's named mistakes (wrong « corpus », wrong « hors
#: corpus »): the hidden test's messages hold them; neither says which case is which.
DOSE_NOT_THIS_DRUG = "n'est pas pour autant une dose de ce médicament"
DOSE_CHECK_IT_TOO = "se vérifie, elle aussi"


def _dose_draw(seed: int) -> dict[str, tuple[str, str, str]]:
    """Draw question 3a's four prescriptions for a student, by letter: (drug, dose, unit).

    From the seed alone: four different drugs of :data:`_DOSE_POOL`, in a random order, and
    one of each drug's strengths. The draw reads no verdict (review 14 d21b: the former draw
    grouped the pool by verdict, which a student's kernel could read).
    """
    rng = np.random.default_rng([seed, 3, 21])
    drugs = list(_DOSE_POOL)
    chosen = rng.choice(len(drugs), size=4, replace=False)
    drawn: dict[str, tuple[str, str, str]] = {}
    for letter, i in zip("ABCD", chosen, strict=True):
        drug = drugs[int(i)]
        dose, unit = _DOSE_POOL[drug][int(rng.integers(len(_DOSE_POOL[drug])))]
        drawn[letter] = (drug, dose, unit)
    return drawn


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
