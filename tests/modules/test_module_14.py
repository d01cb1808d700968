"""Module 14's evaluated session gives each student their own cases.

The cases come from ``esn_teach.generative.exam_cases`` (the notebook and the hidden
tests call it with the same seed). These tests draw them for a few identifiers, with
the library only: the answers must differ between students, stay sensible (a real
probability, a perplexity a hand calculation gives), and no named mistake may give the
right answer.
"""

from __future__ import annotations

import pytest

from esn_teach import checks
from esn_teach.generative import dose_cases, draw_cases, exam_cases
from esn_teach.generative._exam import (
    DOSE_CHECK_IT_TOO,
    DOSE_NOT_THIS_DRUG,
    DOSE_POOL,
    DOSE_STRATA,
    LEAK_KINDS,
    LEAK_NO,
    LEAK_POOL,
    LEAK_YES,
    N_NOTES,
    N_SCORED,
    TRAINING_TRIPLET,
)

STUDENTS = [f"etudiant{number:02d}" for number in range(12)] + ["esn-teach-construction"]


def _cases(student: str, monkeypatch):
    monkeypatch.setenv(checks.STUDENT_ENV, student)
    return exam_cases(checks.student_seed("14", announce=False))


def test_each_student_draws_other_answers(monkeypatch):
    drawn = [_cases(student, monkeypatch) for student in STUDENTS]
    assert len({round(c.perplexity, 2) for c in drawn}) >= 9
    assert len({round(c.cold_probability, 3) for c in drawn}) >= 6
    assert len({tuple(c.leak_answers.items()) for c in drawn}) >= 6
    assert len({tuple(m.text for m in c.leaks.values()) for c in drawn}) == len(drawn)
    assert len({c.scored_notes for c in drawn}) == len(drawn)
    # The same identifier always draws the same cases (in class and at grading).
    assert _cases("etudiant03", monkeypatch) == drawn[3]


@pytest.mark.parametrize("student", STUDENTS)
def test_the_cases_stay_sensible(student, monkeypatch):
    cases = _cases(student, monkeypatch)
    probabilities = cases.sentence_probabilities
    assert len(probabilities) == 4 and len(set(probabilities)) >= 3
    assert all(0 < p < 1 for p in probabilities)
    assert 1 < cases.perplexity < 20
    product = 1.0
    for p in probabilities:
        product *= p
    mistakes = [
        sum(1 / p for p in probabilities) / 4,
        1 / product,
        4 / sum(probabilities),
        product**0.25,
        1 / product / 4,
    ]
    assert all(round(m, 2) != round(cases.perplexity, 2) for m in mistakes)

    first, second, third = cases.temperature_probabilities
    assert first > second > third > 0 and abs(first + second + third - 1) < 1e-9
    answer = cases.cold_probability
    assert 0.03 < answer < second  # a cold temperature lowers the second word
    squares = first**2 + second**2 + third**2
    named = [second, second**2, second * 0.5, second / 0.5, first**2 / squares]
    assert all(round(m, 3) != round(answer, 3) for m in named)

    leaks = list(cases.leaks.values())
    assert list(cases.leaks) == list("ABCDE") and len(set(leaks)) == 5
    assert 2 <= sum(case.answer == "oui" for case in leaks) <= 3
    assert cases.temperature_probabilities != TRAINING_TRIPLET
    assert all(case in LEAK_POOL for case in leaks)
    assert len(cases.scored_notes) == N_SCORED and len(set(cases.scored_notes)) == N_SCORED
    assert all(0 <= i < N_NOTES for i in cases.scored_notes)


def test_the_pool_is_twice_the_question_and_its_messages_match_the_named_mistakes():
    assert len(LEAK_POOL) >= 4 * 5
    for case in LEAK_POOL:
        assert (LEAK_YES in case.mistake) == (case.answer == "oui")
        assert (LEAK_NO in case.mistake) == (case.answer == "non")
        assert case.kind in LEAK_KINDS
        assert (case.answer == "oui") == (case.kind in ("nom", "quasi"))
    # Each stratum holds at least twice what one copy draws from it.
    per_kind = {kind: sum(c.kind == kind for c in LEAK_POOL) for kind in LEAK_KINDS}
    assert per_kind["limite"] >= 4 and per_kind["nom"] >= 3
    assert per_kind["générale"] >= 4 and per_kind["quasi"] >= 4


SEEDS = range(1000)


def test_question_4_is_the_same_task_for_every_copy():
    answers = set()
    for seed in SEEDS:
        leaks = exam_cases(seed).leaks
        kinds = [case.kind for case in leaks.values()]
        assert kinds.count("limite") == 1 and kinds.count("nom") == 1
        assert kinds.count("quasi") in (1, 2)
        assert kinds.count("générale") == 3 - kinds.count("quasi")
        answers.add(tuple((letter, case.answer) for letter, case in leaks.items()))
    assert len(answers) >= 15


def test_question_2_never_draws_the_training_triplet():
    drawn = {exam_cases(seed).temperature_probabilities for seed in SEEDS}
    assert TRAINING_TRIPLET not in drawn and len(drawn) >= 8


FORMATIVE_3A = {
    ("amoxicilline", "1000", "mg"),
    ("furosémide", "10", "mg"),
    ("bisoprolol", "1,25", "mg"),
    ("amlodipine", "2,5", "mg"),
}


def test_question_3a_draws_answers_that_change_from_copy_to_copy():
    pool = {p for cases in DOSE_POOL.values() for p in cases}
    assert not pool & FORMATIVE_3A and not any(p[0] == "paracétamol" for p in pool)
    answers, cases_seen = set(), set()
    for seed in SEEDS:
        drawn = dose_cases(seed)
        assert list(drawn) == list("ABCD")
        assert sorted(c.stratum for c in drawn.values()) == sorted(DOSE_STRATA)
        assert len({c.drug for c in drawn.values()}) == 4
        assert 1 <= sum(c.verdict == "corpus" for c in drawn.values()) <= 3
        for case in drawn.values():
            assert case.mistake.value != case.verdict
            fragment = DOSE_NOT_THIS_DRUG if case.verdict == "hors corpus" else DOSE_CHECK_IT_TOO
            assert fragment in case.mistake.message
        answers.add(tuple((letter, c.verdict) for letter, c in drawn.items()))
        cases_seen |= {(c.drug, c.dose, c.unit) for c in drawn.values()}
    assert len(answers) == 14  # every split of « corpus » / « hors corpus » but the two uniform
    assert len(cases_seen) >= 0.9 * len(pool)
    # A given prescription's verdict is not a fact about the drug: both occur for each stratum.
    for stratum, cases in DOSE_POOL.items():
        verdicts = {dose_cases_verdict(stratum, p) for p in cases}
        assert verdicts == {"corpus", "hors corpus"}


def dose_cases_verdict(stratum, prescription):
    from esn_teach.generative import DoseCase

    return DoseCase(*prescription, stratum).verdict


def test_question_3a_pool_was_written_by_the_module_model():
    from esn_teach.datasets import make_clinical_notes
    from esn_teach.generative import NGramModel, prescription_audit

    notes = make_clinical_notes(n_samples=400, random_state=14)
    model = NGramModel(n=3).fit(notes.frame["text"])
    audit = prescription_audit(
        model, notes.reference_doses, [0.2, 0.5, 1.0, 1.5, 2.0], n_per_drug=200, random_state=14
    )
    written = set(zip(audit["drug"], audit["dose"], audit["unit"], strict=True))
    assert all(p in written for cases in DOSE_POOL.values() for p in cases)


# question: (letters, the right answer of each slot's variants). These mirror the evaluated
# cells of questions 5a and 5b (a slot's last variant changes its answer).
QUESTIONS = {
    "texte_obligation": (
        "ABCD",
        {
            "A": ["RGPD"] * 2,
            "B": ["aucun", "aucun", "HDS"],
            "C": ["HDS", "HDS", "aucun"],
            "D": ["secret"] * 2,
        },
    ),
    "texte_ia": (
        "EFGH",
        {
            "E": ["RGPD"] * 2,
            "F": ["IA", "IA", "aucun"],
            "G": ["secret"] * 2,
            "H": ["aucun", "aucun", "IA"],
        },
    ),
}


def _notebook_source():
    from pathlib import Path

    return (Path(__file__).parents[2] / "notebooks" / "14_ia_generative_sante.py").read_text()


@pytest.mark.parametrize("question", sorted(QUESTIONS))
def test_the_answers_of_question_5_change_from_copy_to_copy(question):
    letters, right = QUESTIONS[question]
    variants = {slot: len(answers) for slot, answers in right.items()}
    # The notebook draws with the same number of variants per slot.
    drawn = "{" + ", ".join(f'"{k}": {v}' for k, v in variants.items()) + "}"
    assert f'draw_cases(graine, "{question}", "{letters}", {drawn})' in _notebook_source()
    answers = set()
    for seed in SEEDS:
        draw = draw_cases(seed, question, letters, variants)
        assert sorted(draw.slots) == sorted(draw.slots.values()) == list(letters)
        answers.add(tuple(right[draw.slots[letter]][draw.variants[letter]] for letter in letters))
    # Not only the order: the multiset of answers changes too.
    assert len({tuple(sorted(a)) for a in answers}) >= 3
    assert len(answers) >= 40


def test_question_7_keys_change_with_the_scenario():
    from esn_teach.generative import incident_scenario
    from esn_teach.generative._exam import INCIDENT_SCENARIOS

    keys = {(s.answers()["A"], s.answers()["B"]) for s in INCIDENT_SCENARIOS}
    assert len(keys) == len(INCIDENT_SCENARIOS) == 3
    # The formative scenario (not serious, consumer chatbot) is not drawn.
    assert ("non", "non") not in keys
    drawn = {incident_scenario(seed).key for seed in SEEDS}
    assert drawn == {s.key for s in INCIDENT_SCENARIOS}
    answers = set()
    for seed in SEEDS:
        draw = draw_cases(seed, "signalement", "ABCDEFGH")
        answers.add(tuple(draw.by_letter(incident_scenario(seed).answers()).items()))
    assert len(answers) >= 200
    for scenario in INCIDENT_SCENARIOS:
        assert ("réanimation" in scenario.text) == scenario.severe
        assert ("dispositif médical" in scenario.text) == scenario.device


def test_the_right_option_of_question_3b_moves(monkeypatch):
    letters = set()
    for student in STUDENTS:
        monkeypatch.setenv(checks.STUDENT_ENV, student)
        draw = draw_cases(checks.student_seed("14", announce=False), "origine_dose", "ABCD")
        letters.add(draw.letter_of("B"))
    assert len(letters) >= 3  # the right option is not always under the same letter
