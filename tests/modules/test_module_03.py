"""Module 03's evaluated session gives each student their own cohort (``checks.student_seed``).

The cohort seed and the number of places of question 1's programme are drawn by
:func:`esn_teach.explorers.cost_need_seed` and :func:`~esn_teach.explorers.cost_need_places`
from a fixed pool of (cohort, places) vetted by tests/cost_need_vetting.py (test side: it
computes the keys of questions 1 and 2, which the installed package does not; review 07,
finding 1). The answers to questions 1 and 2 are recomputed here independently, as the hidden
tests do, for a few identifiers: they must differ from one student to the next, and the task
must stay the same for each (a minority group among the retained, sicker enrolled patients).
Every cohort of the pool is re-vetted here, at its number of places. Since review 03 d18,
question 3 is a choice (what the figures say of the choice of the target).
"""

from __future__ import annotations

import ast
import inspect
import re

import numpy as np
import pandas as pd
import pytest
from cost_need_vetting import (
    _BANK_PATTERNS,
    _DECIMALS,
    _PLACES_CANDIDATES,
    FORMATIVE_ANSWERS,
    FORMATIVE_PLACES,
    _fits,
    _measure,
    _q1_fits,
    _rounds_like_key,
    answer_points,
    best_blind_guess,
    candidate,
    vetted,
)
from esn_fixtures import NOTEBOOKS
from sklearn.linear_model import PoissonRegressor
from sklearn.model_selection import train_test_split

import esn_teach.explorers as explorers
from esn_teach import checks
from esn_teach.datasets import make_cost_vs_need_cohort
from esn_teach.explorers import _cost_need_variant as variant_module
from esn_teach.explorers import (
    cost_need_places,
    cost_need_seed,
    cost_need_statements,
    selection_by_group,
)
from esn_teach.explorers._cost_need_variant import (
    _COHORT_PLACES,
    _COHORT_SEEDS,
    _PAIRS,
    _READINGS,
    cost_need_reading,
)

SOURCE = NOTEBOOKS / "03_cout_et_besoin.py"
STUDENTS = ("alice", "bruno", "chloe", "david", "esn-teach-construction")

#: The keys of question 4's wordings 0 (evaluated bank), written here independently of the
#: notebook's hidden test; wording 1 has the opposite key (the module's notes).
_WORDING_0_KEYS = {
    "erreur sur le coût": "non",
    "entre inscrits": "oui",
    "part qui double": "non",
    "inscrits et score juste": "oui",
    "centile par centile": "non",
    "près du seuil": "oui",
}
#: The formative keys (the formative solution).
_FORMATIVE_KEYS = {
    "erreur sur le coût": "non",
    "entre inscrits": "non",
    "part qui double": "non",
    "inscrits et score juste": "non",
    "centile par centile": "oui",
    "près du seuil": "oui",
}
#: The formative session's keys of questions 1 and 2, written here independently of the
#: vetting (review 03 d16, finding 4: no cohort of the pool has one, at the judged precision;
#: question 1 is judged at 4 decimals since review 03 d18, finding 4).
_FORMATIVE_ANSWERS = {"part_noirs_cout": 0.1469, "ecart_maladies": 1.645}


def _q4_keys(statements: list[tuple[str, int, str]]) -> list[str]:
    """Question 4's keys for a copy, A to F (independent of the notebook's hidden test)."""
    flip = {"oui": "non", "non": "oui"}
    return [
        _WORDING_0_KEYS[item] if wording == 0 else flip[_WORDING_0_KEYS[item]]
        for item, wording, _ in statements
    ]


def _seed_of(student: str) -> int:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(checks.STUDENT_ENV, student)
        return checks.student_seed("03", announce=False)


def _answers(seed: int, places: int) -> dict[str, float]:
    """Questions 1-2 on the cohort and split drawn from ``seed``, as the module computes them.

    Question 1 keeps the ``places`` first patients of the cost score's ranking.
    """
    data = make_cost_vs_need_cohort(random_state=seed)
    train, judged = train_test_split(data.frame, test_size=1 / 3, random_state=seed)
    features = []
    for frame in (train, judged):
        x = frame[list(data.feature_names)].astype(float)
        x["prior_cost"] = np.log1p(x["prior_cost"])
        features.append(x)
    model = PoissonRegressor(alpha=0, solver="newton-cholesky")
    scores = model.fit(features[0], train["cost"]).predict(features[1])
    race = judged["race"].to_numpy(dtype=str)
    need = judged["n_chronic_next"].to_numpy()
    top = selection_by_group(scores, race, need, percentile=97)
    # The places first of the ranking, as the module's classement.head(places) keeps them.
    ranking = pd.DataFrame({"race": race, "score": scores}).sort_values(
        "score", ascending=False, kind="stable"
    )
    retained = ranking.head(places)
    return {
        "part_noirs_cout": float((retained["race"] == "Black").mean()),
        "ecart_maladies": float(
            top.loc["Black", "mean_need_selected"] - top.loc["White", "mean_need_selected"]
        ),
        "part_inscrits_97": float(top.loc["Black", "share_of_selected"]),
        "n_inscrits_97": float(top.loc["Black", "n_selected"]),
        "n_noirs_retenus": float((retained["race"] == "Black").sum()),
        "part_cohorte": float((race == "Black").mean()),
        "n_noirs": float((race == "Black").sum()),
        "places": float(places),
    }


@pytest.fixture(scope="module")
def answers():
    return {
        student: _answers(cost_need_seed(_seed_of(student)), cost_need_places(_seed_of(student)))
        for student in STUDENTS
    }


def test_module_03_draws_the_cohort_through_cost_need_seed_in_the_evaluated_session():
    text = SOURCE.read_text(encoding="utf-8")
    assert 'graine = cost_need_seed(checks.student_seed("03"))' in text
    assert 'places = cost_need_places(checks.student_seed("03", announce=False))' in text
    # The two numeric hidden tests draw the same cohort from the copy's identifier, and
    # question 1's the same number of places (review 03 d18).
    assert (
        text.count('graine_copie = cost_need_seed(checks.student_seed("03", announce=False))') == 2
    )
    assert (
        text.count('places_copie = cost_need_places(checks.student_seed("03", announce=False))')
        == 1
    )
    # No cell calls the function that also returned the keys (the kernel audit of 6 December:
    # « cost_need_variant(...).answers » gave questions 1 to 3); it is gone from the package.
    assert "cost_need_variant" not in text
    assert 'checks.student_seed("03", announce=False)\n' not in text
    assert "make_cost_vs_need_cohort(random_state=graine)" in text
    assert "train_test_split(patients, test_size=1 / 3, random_state=graine)" in text


def test_module_03_the_library_exposes_no_key_of_the_evaluated_session():
    # Review 07, finding 1 (brief of 7 December 2026): nothing importable from esn_teach gives
    # an answer of the evaluated session, its named mistakes, or which wording is right.
    for gone in ("cost_need_variant", "CostNeedVariant"):
        assert not hasattr(explorers, gone), gone
    for gone in (
        "cost_need_variant",
        "CostNeedVariant",
        "_measure",
        "_fits",
        "_close_mistake",
        "_draw",
        "_FIRST_KEYS",
        "_statement_keys",
        "_YES_PER_COPY",
        "_SECOND_PATTERNS",
        "_bank_fits",
    ):
        assert not hasattr(variant_module, gone), gone
    assert variant_module.__all__ == [
        "cost_need_places",
        "cost_need_reading",
        "cost_need_seed",
        "cost_need_statements",
    ]
    source = inspect.getsource(variant_module)
    # No model, no selection, no key word: the module only draws texts and a seed.
    for word in ("sklearn", "selection_by_group", "esn_teach.datasets", '"oui"', '"non"'):
        assert word not in source, word
    assert "opposite key" not in source
    # What the two functions return: a seed, and texts with which wording is shown.
    seed = cost_need_seed(_seed_of("alice"))
    assert isinstance(seed, int)
    places = cost_need_places(_seed_of("alice"))
    assert isinstance(places, int) and places in _PLACES_CANDIDATES
    statements = cost_need_statements(np.random.default_rng(1))
    assert [tuple(map(type, row)) for row in statements] == [(str, int, str)] * 6
    assert "_WORDING_0_KEYS" not in source and "_FORMATIVE_KEYS" not in source


def test_cost_need_seed_is_a_slot_of_the_pool():
    drawn = {student: cost_need_seed(_seed_of(student)) for student in STUDENTS}
    assert all(seed in _COHORT_SEEDS for seed in drawn.values())
    assert cost_need_seed(_seed_of("alice")) == drawn["alice"]  # the same for a copy
    # The pool's seeds are distinct, in the order of the vetting's candidates.
    assert len(set(_COHORT_SEEDS)) == len(_COHORT_SEEDS) >= 50
    order = {candidate(k): k for k in range(20_000)}
    positions = [order[seed] for seed in _COHORT_SEEDS]
    assert positions == sorted(positions)
    # The slots spread over the pool (the draw reads the student's seed alone).
    slots = {cost_need_seed(s) for s in range(2_000)}
    assert len(slots) == len(_COHORT_SEEDS)
    with pytest.raises((TypeError, ValueError)):
        cost_need_seed(-1)
    # Review 03 d18: each slot has its number of places, one of the vetting's candidates,
    # never the 97th centile's 497 nor the formative 640; copies get different ones.
    assert len(_COHORT_PLACES) == len(_COHORT_SEEDS)
    assert set(_COHORT_PLACES) <= set(_PLACES_CANDIDATES)
    assert 497 not in _COHORT_PLACES and FORMATIVE_PLACES not in _COHORT_PLACES
    assert len({cost_need_places(s) for s in range(2_000)}) == len(set(_COHORT_PLACES)) >= 6
    for s in range(50):
        slot = _COHORT_SEEDS.index(cost_need_seed(s))
        assert cost_need_places(s) == _COHORT_PLACES[slot]
    with pytest.raises((TypeError, ValueError)):
        cost_need_places(-1)


@pytest.mark.parametrize(
    ("name", "decimals"),
    [("part_noirs_cout", 4), ("ecart_maladies", 3)],
)
@pytest.mark.slow
def test_module_03_answers_differ_between_students(answers, name, decimals):
    values = {round(row[name], decimals) for row in answers.values()}
    assert len(values) >= len(STUDENTS) - 1, (name, values)


def test_module_03_every_students_cases_keep_the_same_task(answers):
    for student, row in answers.items():
        # A minority among the retained, close to their share of the cohort (above or below:
        # the evaluated reveal says so), though much sicker.
        assert row["n_noirs_retenus"] >= 40, (student, row)
        assert 0.8 < row["part_noirs_cout"] / row["part_cohorte"] < 1.6, (student, row)
        assert row["part_noirs_cout"] < 0.3, (student, row)
        # Question 1's cut-off is the copy's own: its key is not the 97th centile's share.
        assert round(row["part_noirs_cout"], 3) != round(row["part_inscrits_97"], 3), student
        # Sicker enrolled patients: the gap clearly positive, inside the visible check's bounds.
        assert 0.8 < row["ecart_maladies"] < 3, (student, row)
    # Review 03 d18: the copies do not all have the same number of places.
    assert len({row["places"] for row in answers.values()}) >= 3


@pytest.mark.slow
def test_module_03_the_vetting_agrees_with_an_independent_computation(answers):
    for student, row in answers.items():
        places = cost_need_places(_seed_of(student))
        measured = _measure(cost_need_seed(_seed_of(student)), places=places)
        assert measured["answers"]["ecart_maladies"] == pytest.approx(
            row["ecart_maladies"], abs=1e-12
        )
        assert measured["q1"][places]["answer"] == pytest.approx(row["part_noirs_cout"], abs=1e-12)


@pytest.mark.slow
@pytest.mark.beside_hub
def test_module_03_every_cohort_of_the_pool_keeps_the_texts_true():
    for seed, places in zip(_COHORT_SEEDS, _COHORT_PLACES, strict=True):
        measured = _measure(seed, places=places)
        assert _fits(measured, places), (seed, places)
        patterns, answers = measured["patterns"], measured["answers"]
        # Section 2: « Les patients noirs coûtent donc x % de plus en moyenne ».
        assert patterns["extra_cost"] > 0, (seed, patterns)
        # Section 4, « À retenir », Q4 « erreur sur le coût »: « tout en bas, et aussi tout en
        # haut, […] les patients noirs coûtent moins » (printed « soit x % de moins », x >= 3).
        assert patterns["top_cost_gap"] <= -0.03, (seed, patterns)
        assert patterns["bottom_cost_gap"] <= -0.1, (seed, patterns)
        # Q4 « entre inscrits »: the fair score too enrols sicker Black patients (95 % CI).
        assert patterns["fair_enrolled_low"] > 0, (seed, patterns)
        # Q4's bank: every wording is true for every cohort (any copy may show it). Review 03
        # d16, finding 1: « entre inscrits »'s « oui » wording compares the gap in centiles 97
        # to 99 to the fair score's in its own centiles 97 to 99 (CI of the difference).
        for key, holds in _BANK_PATTERNS.items():
            assert holds(patterns), (seed, key, patterns)
        assert patterns["enrolled_centile_excess_low"] > 0, (seed, patterns)
        assert patterns["band_excess_low"] > 0, (seed, patterns)
        # Review 03 d16, finding 4: no key of question 2 equals the formative one (question 1:
        # below, at the copy's places).
        assert round(answers["ecart_maladies"], 3) != _FORMATIVE_ANSWERS["ecart_maladies"], seed
        # Q4 « centile par centile »: the audit of the study shows the bias.
        assert patterns["centile_low"] > 0, (seed, patterns)
        assert "cette année" in measured["mistakes"]["ecart_maladies"]
        # Question 1 at the copy's places (review 03 d18): a key apart from the formative one
        # and from the 97th centile's share, named mistakes apart from each other.
        q1 = measured["q1"][places]
        assert round(q1["answer"], 4) != _FORMATIVE_ANSWERS["part_noirs_cout"], seed
        assert not q1["tie"], seed
        shown = [round(value, 4) for value in q1["mistakes"].values()]
        assert len(set(shown)) == len(shown), (seed, places, q1["mistakes"])
        keys = {**answers, "part_noirs_cout": q1["answer"]}
        named = {**measured["mistakes"], "part_noirs_cout": q1["mistakes"]}
        # No named mistake within two units of the last judged decimal of the key, and none
        # that scores, fully or half, given as asked or one decimal coarser (the checker itself).
        for name, key in keys.items():
            decimals = _DECIMALS[name]
            unit = 10.0**-decimals
            for mistake, value in named[name].items():
                assert abs(value - key) > 2 * unit, (seed, name, mistake, value, key)
                for given in (value, round(value, decimals), round(value, decimals - 1)):
                    with pytest.raises(checks.IncorrectAnswer):
                        checks.check_number(
                            given, name=name, expected=key, decimals=decimals, points=2
                        )


def test_module_03_the_vetting_rejects_the_reviews_cohorts():
    # The review's « bruno » (top band only 4 % below, Q1's « part dans la cohorte » 0,1267
    # for the key 0,1288: both 0,13) and « etu47 » (top band with Black patients costing
    # more) would not enter the pool.
    assert not _fits(_measure(_seed_of("bruno")))
    assert not _fits(_measure(_seed_of("etu47")))
    assert not vetted(_seed_of("etu47"))
    # Before review 03 d18, bruno's Q1 (97th centile) had « part dans la cohorte » 0,1267 for
    # the key 0,1288: that cut-off is still rejected for it.
    assert not _q1_fits(_measure(_seed_of("bruno"), places=497), 497)
    # Review 03 d16, finding 4: a (cohort, places) with the formative Q1 key is left out
    # (0,147 at 640 places in the formative session; this cohort has it at 380 places).
    assert FORMATIVE_ANSWERS == _FORMATIVE_ANSWERS
    measured = _measure(175968954, places=380)
    assert round(measured["q1"][380]["answer"], 3) == 0.147
    assert not _q1_fits(measured, 380)
    assert 175968954 not in _COHORT_SEEDS


def test_module_03_a_mistake_that_rounds_like_the_key_is_caught():
    # The review's cases: 0,1267 and the key 0,1288 are both 0,13 (Q1, asked at 3 decimals);
    # 1,316 and 1,294 are both 1,3 (Q3, asked at 2). The checker would give half the points.
    assert _rounds_like_key(0.1267, 0.1288, 3)
    assert _rounds_like_key(1.316, 1.294, 2)
    for value, key, decimals in [(0.1267, 0.1288, 3), (1.316, 1.294, 2)]:
        outcome = checks.check_number(
            round(value, decimals - 1), name="q", expected=key, decimals=decimals, points=2
        )
        assert isinstance(outcome, checks.PartialCredit)
    # Apart by more than half a unit of the coarser decimal: no clash.
    assert not _rounds_like_key(0.1388, 0.1288, 3)
    assert not _rounds_like_key(1.41, 1.29, 2)


def test_module_03_questions_1_to_3_have_one_task_for_every_copy():
    # Review 03 d14, findings 1 and 5: no per-copy task (« cette année », « part des blancs »)
    # in the evaluated session; the library no longer draws one.
    assert not hasattr(explorers, "cost_need_tasks")
    assert not hasattr(explorers, "cost_need_task_text")
    text = SOURCE.read_text(encoding="utf-8")
    for gone in ("cost_need_task", "CETTE ANNÉE", "rangez-la quand même", "autre consigne"):
        assert gone not in text, gone


def test_module_03_question_4_bank_has_two_wordings_for_every_item():
    assert set(_PAIRS) == set(_WORDING_0_KEYS) == set(_FORMATIVE_KEYS) == set(_BANK_PATTERNS)
    text = SOURCE.read_text(encoding="utf-8")
    # The formative solution keeps its keys.
    for key, answer in _FORMATIVE_KEYS.items():
        assert f'    "{key}": "{answer}",' in text, key
    formative = text[text.index("# | « erreur sur le coût » |") :]
    formative = formative[: formative.index("\n#\n")]
    wordings = [wording for pair in _PAIRS.values() for wording in pair]
    assert len(set(wordings)) == 12
    allowed = ("(le même besoin réel)", "(le besoin réel)", "(97e, 98e et 99e centiles)")
    for wording in wordings:
        # Review 03 d16, finding 2: no cue of form (« calcul non montré », a source for some
        # wordings only), no formative statement quoted, no figure of a copy.
        bare = wording
        for aside in allowed:
            bare = bare.replace(aside, "")
        assert "(" not in bare, wording
        assert wording[:60] not in formative, wording
        assert not re.search(r"\d,\d", wording), wording
    # Review 03 d16, finding 3: three pairs per copy, so three « oui » on every copy, drawn
    # from the seed alone; every item and both orders of a pair occur.
    draws = [cost_need_statements(np.random.default_rng(seed)) for seed in range(400)]
    for statements in draws:
        keys = _q4_keys(statements)
        assert keys.count("oui") == 3
        assert [statements[k][0] for k in (0, 2, 4)] == [statements[k][0] for k in (1, 3, 5)]
        assert all(keys[k] != keys[k + 1] for k in (0, 2, 4))
        # Review 03 d18: every copy is asked the same three steps of reasoning, one pair each
        # (a free draw gave some copies three pairs of one kind).
        steps = [_STEP_OF[statements[k][0]] for k in (0, 2, 4)]
        assert sorted(steps) == ["mesure", "référence", "à besoin égal"], steps
    assert {row[:2] for statements in draws for row in statements} == {
        (item, wording) for item in _PAIRS for wording in (0, 1)
    }
    assert len({tuple(_q4_keys(statements)) for statements in draws}) == 8
    assert "une\n# seule des deux suffit" in text
    assert "Le nombre de\n# « oui » varie" not in text


#: The step of reasoning each item of question 4 tests (review 03 d18), written here
#: independently of the library's grouping.
_STEP_OF = {
    "erreur sur le coût": "à besoin égal",
    "part qui double": "à besoin égal",
    "entre inscrits": "référence",
    "centile par centile": "référence",
    "inscrits et score juste": "mesure",
    "près du seuil": "mesure",
}


#: A fragment of each item's message, for each wording (the evaluated hidden test of Q4).
_Q4_MESSAGES = {
    "erreur sur le coût": ("ce qui les classe plus haut", "à besoin réel égal (même maladie"),
    "entre inscrits": ("c'est lui, pas zéro", "peut exister sans biais"),
    "part qui double": ("pas lequel se trompe", "à même maladie latente"),
    "inscrits et score juste": ("sont mesurés de la même façon", "ne sont pas mesurés de la"),
    "centile par centile": ("ne dit rien du besoin", "pas zéro, qui compte"),
    "près du seuil": ("la tranche est large", "même le score juste garde"),
}


def test_module_03_question_4_hidden_test_grades_each_copys_wordings(capsys):
    text = SOURCE.read_text(encoding="utf-8")
    cell = text[text.index('# %% tests="preuve_biais" points=2 session="evaluation"') :]
    hidden = cell[cell.index("### BEGIN HIDDEN TESTS") : cell.index("### END HIDDEN TESTS")]
    flip = {"oui": "non", "non": "oui"}
    shown = set()
    for student in ("esn-teach-construction", "etu017", "alice", "bruno", "chloe", "david"):
        statements = cost_need_statements(np.random.default_rng(_seed_of(student)))
        key = dict(zip("ABCDEF", _q4_keys(statements), strict=True))
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv(checks.STUDENT_ENV, student)
            names = {"checks": checks, "cost_need_statements": cost_need_statements}
            exec(hidden, {**names, "preuve_biais": key})
            assert "✔ Correct" in capsys.readouterr().out
            for letter, (item, wording, _) in zip("ABCDEF", statements, strict=True):
                wrong = {**key, letter: flip[key[letter]]}
                exec(hidden, {**names, "preuve_biais": wrong})
                out = " ".join(capsys.readouterr().out.split())
                assert "1 réponse sur 6" in out, (student, item, out)
                assert _Q4_MESSAGES[item][wording] in out, (student, item, out)
                assert ("suffit pourtant" if key[letter] == "oui" else "ne suffit pas") in out
                shown.add((item, wording))
                assert "autre copie" not in out, out
    # Together, these identifiers show both wordings of every item.
    assert len(shown) == 12, sorted(shown)
    # The evaluated answer names the items by letter only: no formative key labels a statement
    # whose wording may differ.
    answer = text[text.index('# %% answer="preuve_biais" session="evaluation"') :]
    answer = answer[: answer.index("### BEGIN SOLUTION")]
    assert all(f'"{letter}": ...,' in answer for letter in "ABCDEF")
    assert not any(item in answer for item in _PAIRS)


def _cell(text: str, header: str) -> str:
    """The source of the cell that starts with ``header``."""
    cell = text[text.index(header) + len(header) :]
    return cell[: cell.index("\n# %%")]


def test_module_03_question_1_formative_key_is_read_at_the_programmes_places():
    # Review 03 d18: question 1 applies a number of places to the ranking; the formative
    # session's 640 places give 0,147 on the common cohort, which the visible check's digest
    # accepts, and the 97th centile's share (the former key, 0,157) is a named mistake.
    text = SOURCE.read_text(encoding="utf-8")
    assert f"places = {FORMATIVE_PLACES}\n" in text
    row = _answers(0, FORMATIVE_PLACES)
    assert round(row["part_noirs_cout"], 4) == _FORMATIVE_ANSWERS["part_noirs_cout"]
    visible = _cell(text, '# %% tests="part_noirs_cout" points=2 session="formative"')
    key_digest = re.search(r'    digest="([0-9a-f]{16})"', visible).group(1)
    assert checks.matches_digest(
        row["part_noirs_cout"], key_digest, name="part_noirs_cout", decimals=4
    )
    assert not checks.matches_digest(
        row["part_inscrits_97"], key_digest, name="part_noirs_cout", decimals=4
    )
    assert (
        checks.answer_digest(row["part_inscrits_97"], name="part_noirs_cout", decimals=4) in visible
    )
    # Review 03 d18, finding 5: the count of retained Black patients (94) has its own message,
    # not « pourcentage, divisez par 100 », and so has n_noirs_inscrits / places (at 3
    # decimals it was the cohort's share, 0,122 against 0,123).
    assert (
        checks.answer_digest(row["n_noirs_retenus"], name="part_noirs_cout", decimals=4) in visible
    )
    mixed = 78 / FORMATIVE_PLACES  # the 97th centile's Black enrolled (section 3) / places
    assert checks.answer_digest(mixed, name="part_noirs_cout", decimals=4) in visible
    assert round(mixed, 4) != round(row["part_cohorte"], 4)
    assert visible.count("decimals=4") == 2
    # The student applies the cut-off: the solution reads the ranking and the places.
    solution = text[text.index('# %% answer="part_noirs_cout"') :]
    solution = solution[: solution.index("### END SOLUTION")]
    assert "classement.head(places)" in solution
    assert "n_noirs_inscrits" not in solution


def test_module_03_question_1_hidden_test_grades_each_copys_places(capsys):
    # Review 03 d18: every copy has its own number of places; the evaluated hidden test
    # recomputes it from the copy's identifier, accepts the copy's key and names the 97th
    # centile's share (the answer a whispered « n_noirs_inscrits / … » gives) as a mistake.
    text = SOURCE.read_text(encoding="utf-8")
    cell = _cell(text, '# %% tests="part_noirs_cout" points=2 session="evaluation"')
    hidden = cell[cell.index("### BEGIN HIDDEN TESTS") : cell.index("### END HIDDEN TESTS")]
    names = {
        "checks": checks,
        "cost_need_seed": cost_need_seed,
        "cost_need_places": cost_need_places,
        "make_cost_vs_need_cohort": make_cost_vs_need_cohort,
        "train_test_split": train_test_split,
        "PoissonRegressor": PoissonRegressor,
        "selection_by_group": selection_by_group,
        "np": np,
    }
    keys = {}
    for student in ("alice", "david"):
        row = _answers(cost_need_seed(_seed_of(student)), cost_need_places(_seed_of(student)))
        keys[student] = row["part_noirs_cout"]
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv(checks.STUDENT_ENV, student)
            exec(hidden, {**names, "part_noirs_cout": row["part_noirs_cout"]})
            assert "✔ Correct" in capsys.readouterr().out
            with pytest.raises(checks.IncorrectAnswer, match="inscrits du 97e centile"):
                exec(hidden, {**names, "part_noirs_cout": row["part_inscrits_97"]})
            with pytest.raises(checks.IncorrectAnswer, match="taux de sélection"):
                exec(hidden, {**names, "part_noirs_cout": row["n_noirs_retenus"] / row["n_noirs"]})
            # Review 03 d18, finding 5: n_noirs_inscrits / places, a mixed denominator, is named.
            with pytest.raises(checks.IncorrectAnswer, match="ne parlent pas des mêmes"):
                exec(hidden, {**names, "part_noirs_cout": row["n_inscrits_97"] / row["places"]})
    assert round(keys["alice"], 3) != round(keys["david"], 3)


#: Question 3's options and, for each wrong one, a fragment of its message (review 03 d18),
#: written here independently of the notebook.
_Q3_MISTAKES = {
    "race": "le score n'utilise pas la race",
    "précision": "prédirait encore mieux le coût",
    "taille du biais": "existe aussi avec un score juste",
    "intention": "pas pourquoi",
}


def test_module_03_question_3_is_an_interpretation_with_a_named_mistake_per_option():
    # Review 03 d17/d18: question 3 no longer repeats question 2's mean difference; it asks
    # what the figures and the gap show of the choice of the target, and what they do not.
    text = SOURCE.read_text(encoding="utf-8")
    assert "ecart_score_egal" not in text
    assert "tranche_haute_sante" not in text
    visible = _cell(text, '# %% tests="lecture_cible" points=2 session="formative"')
    options = ["race", "précision", "cible", "taille du biais", "intention"]
    assert visible.count(f"options={options!r}".replace("'", '"')) == 2
    assert checks.answer_digest("cible", name="lecture_cible") in visible
    for option, fragment in _Q3_MISTAKES.items():
        assert checks.answer_digest(option, name="lecture_cible") in visible, option
        assert f'lecture_cible = "{option}"' in text, option
        assert " ".join(fragment.split()) in " ".join(visible.replace('"\n', "").split()), option
        # Each option is described to the student.
        assert f'# - `"{option}"` :' in text, option
    assert '# - `"cible"` :' in text


@pytest.fixture(scope="module")
def pool_keys():
    """Question 1's and question 2's keys over the pool, each cohort at its places."""
    keys = {"part_noirs_cout": [], "ecart_maladies": []}
    for seed, places in zip(_COHORT_SEEDS, _COHORT_PLACES, strict=True):
        measured = _measure(seed, places=places)
        keys["part_noirs_cout"].append(measured["q1"][places]["answer"])
        keys["ecart_maladies"].append(measured["answers"]["ecart_maladies"])
    return keys


@pytest.mark.slow
def test_module_03_no_recalled_or_blind_answer_scores_under_the_tolerance(pool_keys):
    # Review 03 d18, finding 4: the pool was vetted on exact equality, but the grader accepts
    # one unit of the last decimal (and half the points one decimal coarser): the formative
    # 0,147 got full marks on 11 of 116 copies, a blind 0,149 on 22, a neighbour's value on
    # about 9 % of pairs of copies. Measured here with the grader's own rule.
    q1, q2 = pool_keys["part_noirs_cout"], pool_keys["ecart_maladies"]
    for recalled in (0.146875, 0.1469, 0.147, 0.15):  # the formative key, as written or rounded
        assert all(answer_points(recalled, key, 4) == 0 for key in q1), recalled
    for recalled in (1.6446, 1.645, 1.64):  # the formative key of question 2
        assert all(answer_points(recalled, key, 3) == 0 for key in q2), recalled
    # The best constant answer (every key, and every key one decimal coarser, tried): full
    # marks on at most 2 copies of the pool, and at most 3 % of the points on average (half
    # marks for a coarse value that stands for a few keys).
    guess, mean, full, half = best_blind_guess(q1, 4)
    assert full <= 2 and mean <= 0.03, (guess, mean, full, half)
    # A neighbour's exact value (copies draw slots uniformly): full marks for at most 3 % of
    # the pairs of copies, against 8,4 % before.
    n = len(q1)
    pairs = sum(answer_points(round(a, 4), b, 4) == 1.0 for a in q1 for b in q1)
    assert pairs / n**2 <= 0.03, pairs / n**2
    # Question 2, at 3 decimals since this review (at 2, a blind 1,9 earned 15 % of its points
    # over the pool: full marks on 8 copies of 89, half on 10).
    guess, mean, full, half = best_blind_guess(q2, 3)
    assert full <= 2 and mean <= 0.03, (guess, mean, full, half)
    pairs = sum(answer_points(round(a, 3), b, 3) == 1.0 for a in q2 for b in q2)
    assert pairs / len(q2) ** 2 <= 0.03, pairs / len(q2) ** 2


#: For each situation of question 3's evaluated bank, the index of the right reading, written
#: here independently of the notebook's hidden test (review 03 d18, finding 2).
_Q3_RIGHT = {0: 2, 1: 0, 2: 3}
#: A fragment of the message of each wrong reading's role, and a word of the reading itself.
_Q3_ROLES = {
    "groupe": ("n'utilise pas cette information", "retirer cette information"),
    "précision": ("le constat (1) dit le contraire", "plus précis"),
    "taille": ("existe aussi avec un score juste", "le constat (3)"),
    "intention": ("pas pourquoi", "choisissent"),
}


def test_module_03_evaluated_question_3_is_its_own_item(capsys):
    # Review 03 d18, finding 2: the evaluated Q3 was the formative item word for word (same
    # options, the same key « cible » on every copy). It now shows another situation (another
    # predicted quantity, another group), its readings in an order drawn per copy, answered by
    # letter; every wrong letter gets the message of its reading.
    text = SOURCE.read_text(encoding="utf-8")
    cell = _cell(text, '# %% tests="lecture_cible" points=2 session="evaluation"')
    hidden = cell[cell.index("### BEGIN HIDDEN TESTS") : cell.index("### END HIDDEN TESTS")]
    names = {"checks": checks, "cost_need_reading": cost_need_reading}
    for _situation, readings in _READINGS:
        # No cue: the readings never say « cible », the word of the formative key and title.
        assert all("cible" not in reading for reading in readings)
        assert "cible" not in _situation
    keys, situations = set(), set()
    for student in ("esn-teach-construction", "alice", "bruno", "chloe", "david", "etu017"):
        situation, _, shown = cost_need_reading(_seed_of(student))
        situations.add(situation)
        assert sorted(rank for rank, _ in shown) == [0, 1, 2, 3, 4]
        key = "ABCDE"[[rank for rank, _ in shown].index(_Q3_RIGHT[situation])]
        keys.add(key)
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv(checks.STUDENT_ENV, student)
            exec(hidden, {**names, "lecture_cible": key})
            assert "✔ Correct" in capsys.readouterr().out
            for letter, (_, reading) in zip("ABCDE", shown, strict=True):
                if letter == key:
                    continue
                role = next(r for r, (_, word) in _Q3_ROLES.items() if word in reading)
                with pytest.raises(checks.IncorrectAnswer) as raised:
                    exec(hidden, {**names, "lecture_cible": letter})
                assert _Q3_ROLES[role][0] in " ".join(str(raised.value).split()), (student, role)
    # The key varies across copies, and so does the situation.
    assert len(keys) >= 3 and len(situations) >= 2
    # Over many copies: every situation, every letter as the key.
    drawn = [cost_need_reading(seed) for seed in range(300)]
    assert {situation for situation, _, _ in drawn} == {0, 1, 2}
    assert {
        "ABCDE"[[rank for rank, _ in shown].index(_Q3_RIGHT[situation])]
        for situation, _, shown in drawn
    } == set("ABCDE")


#: Surface cues a student could use without reading a statement for its content (review 03
#: d20, lecturer 1, student 3): the lecturer's five-phrase rule for question 4, the wording of
#: the formative key for question 3, and « take the longest / the most hedged ».
_HEDGES = ("sans doute", "à peu près", "sans que", "de combien", "plutôt", "environ", "en moyenne")
_Q4_CUES = (
    "maladie latente",
    "de la même façon",
    "propre tranche",
    "tous ensemble",
    "coûtent",
    "coût réel",
    "centile par centile",
    "score juste",
    "besoin réel",
)
_Q3_CUES = (
    "prévoit à peu près bien",
    "sans que ces constats disent",
    "de combien",
    "prévoit bien",
    "mesure mal",
    "mesurent mal",
    "plus malades",
    "besoin",
)


def _cue_rules(cues: tuple[str, ...]) -> dict[str, object]:
    """Rules scoring a statement by its surface: a phrase present or absent, length, hedges."""
    rules: dict[str, object] = {}
    for cue in cues:
        rules[f"+{cue}"] = lambda text, cue=cue: cue in text
        rules[f"-{cue}"] = lambda text, cue=cue: cue not in text
    rules["longest"] = len
    rules["shortest"] = lambda text: -len(text)
    rules["most hedged"] = lambda text: sum(text.count(h) for h in _HEDGES)
    rules["least hedged"] = lambda text: -sum(text.count(h) for h in _HEDGES)
    return rules


def test_module_03_surface_cues_score_about_chance():
    # Review 03 d20, lecturer 1: a five-phrase rule (favour « maladie latente », « de la même
    # façon », « propre tranche », avoid « tous ensemble », « coûtent ») picked question 4's
    # right statement in 6 pairs of 6, and question 3's right reading was always the one
    # reworded from the formative key. Each rule now picks its favourite statement (a tie
    # counts as a coin toss): in question 4, at most 4 of the 6 pairs (chance: 3); in question
    # 3, at most one situation in three on average (chance: one in five).
    for name, rule in _cue_rules(_Q4_CUES).items():
        right = 0.0
        for item, (first, second) in _PAIRS.items():
            score_0, score_1 = rule(first), rule(second)  # type: ignore[operator]
            if score_0 == score_1:
                right += 0.5
            else:
                right += float((score_0 > score_1) == (_WORDING_0_KEYS[item] == "oui"))
        assert 2 <= right <= 4, (name, right)
    for name, rule in _cue_rules(_Q3_CUES).items():
        hits = 0.0
        for situation, (_, readings) in enumerate(_READINGS):
            scores = [rule(reading) for reading in readings]  # type: ignore[operator]
            best = [k for k, score in enumerate(scores) if score == max(scores)]
            hits += (_Q3_RIGHT[situation] in best) / len(best)
        assert hits / len(_READINGS) <= 0.35, (name, hits / len(_READINGS))
    # The right reading is not always the hedged one: in one situation at least, it carries no
    # hedge while a wrong reading of the same situation does (a cautious but wrong reading).
    hedges = _cue_rules(())["most hedged"]
    assert any(
        hedges(readings[_Q3_RIGHT[k]]) == 0  # type: ignore[operator]
        and max(hedges(r) for r in readings) > 0  # type: ignore[operator]
        for k, (_, readings) in enumerate(_READINGS)
    )


def test_module_03_section_5_tools_do_not_compute_question_2_on_the_copys_cohort():
    # Review 03 d20, lecturer 3: in the evaluated release, the folded section-5 cell defined
    # ecart_avec_ic, and ecart_avec_ic(inscrits_cout)[0] returned question 2's key. On a copy's
    # cohort (graine != 0, before the after-class cell returns to the common cohort), the
    # section's tools now refuse the cost score's enrolled patients with the default measure,
    # and the table does not compute a cell it hides.
    text = SOURCE.read_text(encoding="utf-8")
    start = text.index("# Inutile de lire ce code (replié) : il compare les cibles")
    cell = text[start : text.index("\n# %%", start)]
    tree = ast.parse(cell)
    wanted = {"refuser_la_question_2", "ecart_avec_ic", "ecart_du_haut", "en_clair", "colonne"}
    functions = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
    assert wanted <= {node.name for node in functions}
    module = ast.Module(body=[n for n in functions if n.name in wanted], type_ignores=[])
    rng = np.random.default_rng(0)
    size = 2_000
    scores = rng.normal(size=size)
    race = rng.choice(["Black", "White"], size=size)
    names: dict = {
        "np": np,
        "besoin": rng.poisson(2, size=size).astype(float),
        "noirs": race == "Black",
        "blancs": race == "White",
        "centile_programme": 97,
        "proportion_ci": lambda k, n: (0.0, 1.0),
        "fr_number": lambda value, decimals: f"{value:.{decimals}f}",
        "fr_percent": lambda value: f"{value:.0%}",
        "ecart_par_tranches": lambda scores: (0.0, 0.0, 0.0),
    }
    names["inscrits_cout"] = scores >= np.percentile(scores, 97)
    exec(compile(module, "section5", "exec"), names)
    everyone = np.arange(size)
    for seed in (1_527_149_538, 0):
        names["graine"] = seed
        if seed:
            with pytest.raises(ValueError, match="question 2"):
                names["ecart_avec_ic"](names["inscrits_cout"])
            with pytest.raises(ValueError, match="question 2"):
                names["ecart_du_haut"](scores, everyone, 97)
            # Review 03 d21, lecturer 8: a copy of the measure (the column read again from
            # the table) was let through by an identity test; the values are compared now.
            with pytest.raises(ValueError, match="question 2"):
                names["ecart_avec_ic"](names["inscrits_cout"], names["besoin"].copy())
            hidden = [("Écart entre inscrits (noirs moins blancs)", "question 2")]
            cases = names["colonne"](scores, cachees=hidden, juste=True)
            assert cases["Écart entre inscrits (noirs moins blancs)"] == "après la question 2"
        else:  # the common cohort (formative, after class): the tools compute
            key = names["ecart_avec_ic"](names["inscrits_cout"])[0]
            assert key == pytest.approx(names["ecart_du_haut"](scores, everyone, 97))
        # Other selections are computed on every cohort (the table's other cells).
        names["ecart_avec_ic"](scores >= np.percentile(scores, 95))


def test_module_03_selection_by_group_is_not_handed_to_the_students_cells():
    # Review 03 d21, lecturer 8: the imported selection_by_group returned question 2's key on
    # a copy's cohort; only the hidden tests, which the students never see, import it now.
    text = SOURCE.read_text(encoding="utf-8")
    for match in re.finditer(r"selection_by_group", text):
        before = text[: match.start()]
        cell_start = before.rindex("\n# %%")
        cell = text[cell_start : text.index("\n# %%", match.start())]
        hidden = cell.find("### BEGIN HIDDEN TESTS")
        assert 0 <= hidden < match.start() - cell_start, cell[:200]


def test_module_03_question_1_first_hint_gives_the_syntax_without_the_answer():
    # Review 03 d20, student 4: the evaluated release keeps only a question's first hint, and
    # question 1's was conceptual; a student who never programmed could not write the code.
    # The first hint is now the syntax pattern, with the values left out.
    text = SOURCE.read_text(encoding="utf-8")
    question = text[text.index("# ### Question 1 — Le seuil d'un programme") :]
    question = question[: question.index('# %% answer="part_noirs_cout"')]
    first = question[question.index("Indice 1") : question.index("Indice 2")]
    assert "classement.head(…)" in first and ".sum() / …" in first
    for value in ("head(places)", '"Black"', "len(retenus)"):
        assert value not in first, value


def test_module_03_section_5_centile_line_is_defined_when_a_band_is_sparse():
    # Review 03 d23, lecturer 1: on some copies (etu07, etu12) a one-centile band held fewer
    # than two Black patients, and the line under the table read « IC 95 % : non défini à non
    # défini » with a RuntimeWarning. Such bands are left out, as the vetting's _bands_gap does.
    text = SOURCE.read_text(encoding="utf-8")
    start = text.index("# Inutile de lire ce code (replié) : il compare les cibles")
    cell = text[start : text.index("\n# %%", start)]
    tree = ast.parse(cell)
    function = next(
        node
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and node.name == "ecart_par_tranches"
    )
    rng = np.random.default_rng(1)
    size = 5_000
    scores = rng.normal(size=size)
    black = rng.random(size) < 0.12
    # The top centile holds one Black patient only: its variance is undefined.
    top = scores >= np.percentile(scores, 99)
    black[top] = False
    black[np.flatnonzero(top)[0]] = True
    names: dict = {
        "np": np,
        "besoin": rng.poisson(2, size=size).astype(float),
        "noirs": black,
        "blancs": ~black,
    }
    exec(compile(ast.Module(body=[function], type_ignores=[]), "section5", "exec"), names)
    with np.errstate(all="raise"):
        gap, low, high = names["ecart_par_tranches"](scores, largeur=1)
    assert np.isfinite([gap, low, high]).all() and low < gap < high


def test_module_03_question_4_centile_item_compares_with_the_fair_score():
    # Review 03 d23, lecturer 1: the « suffit » wording of « centile par centile » rested on
    # « a fair score leaves no gap », false on a quarter of the pool (etu13: 0,13, CI 0,06 to
    # 0,21). It now states the comparison with the fair score measured the same way, which the
    # vetting checks on every cohort of the pool (centile_excess_low > 0), and its message no
    # longer says the reference is zero.
    assert "score juste, comparé de la même façon" in _PAIRS["centile par centile"][1]
    text = SOURCE.read_text(encoding="utf-8")
    cell = text[text.index('# %% tests="preuve_biais" points=2 session="evaluation"') :]
    hidden = cell[cell.index("### BEGIN HIDDEN TESTS") : cell.index("### END HIDDEN TESTS")]
    assert "référence y est nulle" not in hidden
    probe = {"centile_excess_low": -0.01}
    assert not _BANK_PATTERNS["centile par centile"](probe)


def test_module_03_question_2_grading_ignores_the_after_class_reset():
    # Review 03 d23, lecturer 5: the evaluated « Après la séance » cell returns to the common
    # cohort (graine 0) under the names of the session (cohorte, inscrits_cout...). The hidden
    # test of question 2 must grade the copy's own value whatever ran before it: it reads none
    # of the names that cell reassigns, and that cell tells the student to re-run the notebook
    # from the start before going back to question 2.
    text = SOURCE.read_text(encoding="utf-8")
    start = text.index("# Inutile de lire ce code (replié) : après la séance, toute la promotion")
    reset = ast.parse(text[start : text.index("\n# %%", start)])
    reassigned = {
        target.id
        for node in reset.body  # the cell's own names, not a comprehension's
        if isinstance(node, ast.Assign)
        for assigned in node.targets
        for target in ast.walk(assigned)
        if isinstance(target, ast.Name)
    }
    assert {"cohorte", "inscrits_cout", "besoin", "noirs", "graine"} <= reassigned
    cell = text[text.index('# %% tests="ecart_maladies" points=2 session="evaluation"') :]
    visible = cell[: cell.index("### BEGIN HIDDEN TESTS")]
    hidden = cell[cell.index("### BEGIN HIDDEN TESTS") : cell.index("### END HIDDEN TESTS")]
    read = {
        node.id
        for node in ast.walk(ast.parse(hidden))
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)
    }
    assert not (read & (reassigned - {"ecart_maladies"})), read & reassigned
    assert "graine" not in visible  # a tests cell reads only the answer (test_variants_modules)
    reset_text = text[start : text.index("\n# %%", start)]
    assert "relancez les cellules dans l'ordre depuis le début" in reset_text
    # The after-class cell shows the section-5 table of the common cohort that the later
    # texts (0,49 to 0,16, question 8's hint) point to.
    assert "display(tableau_cibles)" in text[start : text.index("\n# %%", start)]


def test_module_03_legal_cross_references_point_where_the_law_is_discussed():
    # Review 03 d23, lecturer 6: « décision n° 2007-557 DC ; voir la section 1 » and « très
    # encadrées (section 1) » pointed to section 1, which does not discuss the law.
    text = SOURCE.read_text(encoding="utf-8")
    assert "voir la section 1 du module" not in text
    assert "très encadrées (section 1)" not in text
    assert "« Le cadre juridique européen », dans « Pour aller plus" in text
