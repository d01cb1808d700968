"""Module 06's evaluated session gives each student their own cases.

The cohort (and its splits) come from one of the library's checked case seeds
(``readmission_case_seed``), picked by the student's identifier; the other
hospital of question 5 is drawn from the identifier itself. These tests compute
the answers the hidden tests expect, with the library only (no notebook run), for
a few identifiers: they must differ from one student to the next and stay in the
range the questions assume.
"""

from __future__ import annotations

import ast
import difflib
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from fairlearn.metrics import demographic_parity_difference
from fairlearn.postprocessing import ThresholdOptimizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from esn_teach import checks
from esn_teach.datasets import (
    READMISSION_CASE_SEEDS,
    _readmission_tasks,
    make_readmission_cohort,
    other_hospital_audit,
    readmission_case_seed,
)
from esn_teach.datasets._readmission import _audit_mistakes
from esn_teach.datasets._readmission_tasks import (
    _QUESTION_7,
    _question_7_statements,
    _question_7_versions,
)

STUDENTS = ("alice", "bruno", "chloe", "david", "emma", "farid")
NOTEBOOK = Path(__file__).parents[2] / "notebooks" / "06_mesurer_equite.py"

#: Question 7 (evaluated): the phrase that makes each subject's statement true, written here
#: independently of the notebook's hidden test (whose table gives each version's key by its
#: number). The other version of each subject is false.
_Q7_TRUE_PHRASE = {
    "calibration et VPP": "les VPP des deux groupes ne sont pas forcément égales",
    "seuil et fiabilité": "le diagramme de fiabilité reste identique",
    # The age derogation of art. 2, 3°, al. 2 applies; it is excluded for origin (al. 3).
    "seuils par âge": "l'hôpital peut invoquer pour cette règle l'exception du but légitime",
    "seuils par pays de naissance": "l'hôpital ne peut pas invoquer pour cette règle",
}


def _q7_truth(subject: str, text: str) -> str:
    """« vrai » or « faux » for a statement of question 7 (independent of the notebook's
    hidden test: read from the statement's wording, see ``_Q7_TRUE_PHRASE``)."""
    return "vrai" if _Q7_TRUE_PHRASE[subject] in " ".join(text.split()) else "faux"


def _q7_hidden_tables() -> dict[str, dict]:
    """The literal tables (``verites_q7h``, ``retours_q7h``) of question 7's evaluated hidden
    test, read from the notebook's source without running it."""
    source = NOTEBOOK.read_text()
    start = source.index(
        "### BEGIN HIDDEN TESTS\nfrom esn_teach.datasets._readmission_tasks import"
    )
    block = source[start : source.index("### END HIDDEN TESTS", start)]
    tables = {}
    for node in ast.parse(block).body:
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.targets[0], ast.Name)
            and node.targets[0].id in ("verites_q7h", "retours_q7h")
        ):
            tables[node.targets[0].id] = ast.literal_eval(node.value)
    assert set(tables) == {"verites_q7h", "retours_q7h"}, tables
    return tables


def _case(seed: int) -> dict:
    """The answers of questions 1, 3 and 4 on the case drawn with ``seed``."""
    frame = make_readmission_cohort(
        n_samples=6000, prevalence={"A": 0.15, "B": 0.30}, random_state=seed
    ).frame
    x = frame[["age", "prior_admissions", "length_of_stay", "n_medications"]]
    x = x.assign(groupe_B=(frame["group"] == "B").astype(int))
    x_app, x_test, y_app, y_test, g_app, g_test = train_test_split(
        x, frame["readmitted"], frame["group"], test_size=0.5, random_state=seed
    )
    x_app, x_valid, y_app, y_valid, _, g_valid = train_test_split(
        x_app, y_app, g_app, test_size=1 / 3, random_state=seed
    )
    model = make_pipeline(StandardScaler(), LogisticRegression()).fit(x_app, y_app)
    scores = model.predict_proba(x_test)[:, 1]
    calls = (scores >= 0.3).astype(int)
    rates = y_test.groupby(g_test, observed=True).mean()
    odds = rates / (1 - rates)
    selected = {g: calls[(g_test == g).to_numpy()].mean() for g in ("A", "B")}
    mitigation = ThresholdOptimizer(
        estimator=model,
        constraints="equalized_odds",
        objective="balanced_accuracy_score",
        prefit=True,
        predict_method="predict_proba",
    ).fit(x_valid, y_valid, sensitive_features=g_valid)
    mitigated = mitigation.predict(x_test, sensitive_features=g_test, random_state=0)
    same_number = scores >= np.sort(scores)[::-1][mitigated.sum() - 1]
    readmitted = y_test.to_numpy() == 1
    in_b = (g_test == "B").to_numpy()
    return {
        "ecart_parite": demographic_parity_difference(y_test, calls, sensitive_features=g_test),
        "b_more_selected": selected["B"] > selected["A"],
        "rapport_tfp": odds["B"] / odds["A"],
        "vp_perdus": int(same_number[readmitted].sum() - mitigated[readmitted].sum()),
        "extra_calls": int(mitigated.sum() - calls.sum()),
        # An evaluated-session mistake cell of question 4 reads the column joints_B: positive.
        "joints_b_lost": int(
            same_number[readmitted & in_b].sum() - mitigated[readmitted & in_b].sum()
        ),
    }


def _other_hospital(student: str, monkeypatch) -> tuple[float, float]:
    """Questions 5 a and 5 b: the other hospital's TFN and its margin, for ``student``."""
    monkeypatch.setenv(checks.STUDENT_ENV, student)
    rng = checks.variant_rng("06", announce=False)
    patients, readmitted, called, missed = other_hospital_audit(rng)
    assert readmitted - missed <= called < patients - readmitted  # a coherent audit
    fnr = missed / readmitted
    return fnr, 1.96 * np.sqrt(fnr * (1 - fnr) / readmitted)


def test_case_seed_is_one_of_the_checked_seeds():
    assert len(set(READMISSION_CASE_SEEDS)) == len(READMISSION_CASE_SEEDS) >= 40
    # Partages 1 to 3 of the « autre jeu de validation » cell must differ from the case's own.
    assert min(READMISSION_CASE_SEEDS) > 3
    assert {readmission_case_seed(n) for n in range(400)} == set(READMISSION_CASE_SEEDS)
    with pytest.raises(TypeError):
        readmission_case_seed(True)


def test_each_student_has_their_own_answers(monkeypatch):
    seeds, cases, hospitals = [], [], []
    for student in STUDENTS:
        monkeypatch.setenv(checks.STUDENT_ENV, student)
        seeds.append(readmission_case_seed(checks.student_seed("06", announce=False)))
        hospitals.append(_other_hospital(student, monkeypatch))
    for seed in dict.fromkeys(seeds):
        cases.append(_case(seed))
    assert len(cases) >= 4, "six identifiers, at least four different cohorts"
    for question in ("ecart_parite", "rapport_tfp", "vp_perdus"):
        answers = {round(float(case[question]), 3) for case in cases}
        # A count (question 4) may coincide on two cohorts; a rate hardly ever.
        assert len(answers) >= len(cases) - (question == "vp_perdus"), (question, answers)
    assert len({round(fnr, 3) for fnr, _ in hospitals}) >= 5
    assert len({round(margin, 3) for _, margin in hospitals}) >= 5
    for case in cases:  # the range each question's text and bounds assume
        assert 0.15 < case["ecart_parite"] < 0.5 and case["b_more_selected"]
        assert 1.6 < case["rapport_tfp"] < 3.5
        assert 0 < case["vp_perdus"] < 150
        assert case["extra_calls"] > 0  # « malgré … appels de plus »
        assert case["joints_b_lost"] > 0
    for fnr, margin in hospitals:
        assert 0.25 <= fnr < 0.5 and 0.05 < margin < 0.2


def _complaint_rates(seed: int) -> dict:
    """Per-group selection rate and TFN at threshold 0.3 on the case drawn with ``seed``."""
    frame = make_readmission_cohort(
        n_samples=6000, prevalence={"A": 0.15, "B": 0.30}, random_state=seed
    ).frame
    x = frame[["age", "prior_admissions", "length_of_stay", "n_medications"]]
    x = x.assign(groupe_B=(frame["group"] == "B").astype(int))
    x_app, x_test, y_app, y_test, _g_app, g_test = train_test_split(
        x, frame["readmitted"], frame["group"], test_size=0.5, random_state=seed
    )
    x_app, _, y_app, _ = train_test_split(x_app, y_app, test_size=1 / 3, random_state=seed)
    model = make_pipeline(StandardScaler(), LogisticRegression()).fit(x_app, y_app)
    calls = model.predict_proba(x_test)[:, 1] >= 0.3
    readmitted = y_test.to_numpy() == 1
    rates = {}
    for group in ("A", "B"):
        in_group = (g_test == group).to_numpy()
        rates[group] = {
            "selection": calls[in_group].mean(),
            "tfn": (~calls & readmitted & in_group).sum() / (readmitted & in_group).sum(),
            "tfp": (calls & ~readmitted & in_group).sum() / (~readmitted & in_group).sum(),
            "ppv": readmitted[calls & in_group].mean(),
        }
    return rates


@pytest.mark.slow
def test_question_2_complaints_hold_on_every_case():
    """The facts the complaints of question 2 state hold on every checked cohort.

    The formative complaint: « c'est le sort de la plupart de ceux qui y retournent »
    (group A's TFN above one half, group B's below, well apart). The evaluated
    complaints state one rate only: « chez nous, bien moins de patients reçoivent un
    appel que dans le groupe B » (group A's selection rate well below group B's); the others
    are anecdotes and requests, with no direction (on some cohorts group A's VPP is the
    higher one). The hidden test's message for « égalité des chances » on the « égalité des
    erreurs » complaint calls group A's extra calls « les appels pour rien »: group A's TFP
    is well below group B's, so asking for group B's TFP adds unnecessary calls in group A
    (the complaint itself no longer says so since review d16, finding 4).
    """
    for seed in READMISSION_CASE_SEEDS:
        rates = _complaint_rates(seed)
        assert rates["A"]["tfn"] > 0.5 > rates["B"]["tfn"], (seed, rates)
        assert rates["A"]["tfn"] - rates["B"]["tfn"] > 0.15, (seed, rates)
        assert rates["A"]["selection"] < rates["B"]["selection"] / 2, (seed, rates)
        assert rates["A"]["tfp"] < rates["B"]["tfp"] / 2, (seed, rates)


@pytest.mark.slow
def test_question_7_calibration_feedback_holds_on_every_case():
    """Question 7, « calibration et VPP »: what the statements and the message say holds on
    every checked cohort. Version 0 (« les VPP des deux groupes ne peuvent pas différer ») is
    false and version 1 (« ne sont pas forcément égales ») true as logic: the
    cohorts have VPPs in both orders and well apart on some, so calibration fixes no VPP. On
    some cohorts group A's VPP equals or exceeds group B's (3043: both 0,496), so the
    message states no direction of the gap and no figure of the copy's table.
    """
    rates = [_complaint_rates(seed) for seed in READMISSION_CASE_SEEDS]
    gaps = [rate["B"]["ppv"] - rate["A"]["ppv"] for rate in rates]
    assert min(gaps) <= 0 < max(gaps)  # both orders: no direction holds everywhere
    assert max(abs(gap) for gap in gaps) > 0.05  # calibrated, and the VPPs differ
    message = _q7_hidden_tables()["retours_q7h"]["calibration et VPP"]
    for claim in ("groupe A", "groupe B", "plus élevé", "plus de réhospitalisés", "diffèrent"):
        assert claim not in message, claim
    assert "Calibration et parité prédictive sont deux critères distincts" in message


def test_question_7_form_gives_no_key():
    """Question 7 of the evaluated session: in each subject one version is true and the other
    false (the test's own reading, ``_q7_truth``), and neither a negation (« ne », « n' ») nor
    its absence gives the key: the true versions are not the negated ones, and each rule
    « negated → vrai » or « negated → faux » is right on at most half the versions (review
    d14, finding 1)."""
    negation = re.compile(r"\bne\b|\bn'", re.IGNORECASE)
    true_ones, negated, rule_right = set(), set(), 0
    for subject, versions in _QUESTION_7.items():
        assert sorted(_q7_truth(subject, text) for text in versions) == ["faux", "vrai"], subject
        for number, text in enumerate(versions):
            key = _q7_truth(subject, text)
            is_negated = bool(negation.search(text))
            if key == "vrai":
                true_ones.add((subject, number))
            if is_negated:
                negated.add((subject, number))
            rule_right += (key == "vrai") == is_negated
    assert true_ones != negated
    assert rule_right <= 4 and 8 - rule_right <= 4, rule_right
    for number in range(200):  # the draw gives the drawn version's text, and only it
        statements = _question_7_statements(number)
        versions = _question_7_versions(number)
        for (subject, pair), version in zip(_QUESTION_7.items(), versions, strict=True):
            assert statements[subject] == pair[version]


def test_question_7_register_gives_no_key():
    """Review d18: the true version of a subject was the longer, more hedged one (« peut
    pourtant », « tandis que … reste le même », « reste insuffisante »). The two versions of
    each subject now differ by a few words of the same register: at most five words and ten
    characters; no hedge or emphasis marker is in one version only; and both legal subjects
    end with the same two sentences, true for one subject and false for the other, so that
    the wording of a conclusion gives no key."""
    markers = ("pourtant", "tandis", "même si", "aucune", "reste insuffisante", "donc", "seul")
    for subject, (first, second) in _QUESTION_7.items():
        words = [text.split() for text in (first, second)]
        changed = [
            opcode
            for opcode in difflib.SequenceMatcher(None, *words).get_opcodes()
            if opcode[0] != "equal"
        ]
        differing = sum(max(i2 - i1, j2 - j1) for _, i1, i2, j1, j2 in changed)
        assert differing <= 5, (subject, differing)
        assert abs(len(first) - len(second)) <= 10, subject
        for marker in markers:
            assert (marker in first) == (marker in second), (subject, marker)
    legal = ("seuils par âge", "seuils par pays de naissance")
    endings = [{text.split(". ", 1)[1] for text in _QUESTION_7[subject]} for subject in legal]
    assert endings[0] == endings[1] and len(endings[0]) == 2
    for ending in endings[0]:
        keys = {
            _q7_truth(subject, text)
            for subject in legal
            for text in _QUESTION_7[subject]
            if text.endswith(ending)
        }
        assert keys == {"vrai", "faux"}, ending


def test_question_7_hidden_test_keys_agree_with_an_independent_reading():
    """The hidden test's table (the key of version 0, then of version 1) agrees with the
    test's own reading of each statement, and each subject's message is in it."""
    tables = _q7_hidden_tables()
    assert list(tables["verites_q7h"]) == list(_QUESTION_7)
    assert list(tables["retours_q7h"]) == list(_QUESTION_7)
    for subject, versions in _QUESTION_7.items():
        expected = tuple(_q7_truth(subject, text) for text in versions)
        assert tables["verites_q7h"][subject] == expected, subject


def test_question_7_keys_vary_between_copies(monkeypatch):
    """Over 400 identifiers, each subject has both keys, and the number of true statements
    takes every value from 0 to 4 (as the statement says): the versions are drawn from the
    seed alone, never from which one is true."""
    keys: dict[str, set[str]] = {}
    counts = set()
    for number in range(400):
        monkeypatch.setenv(checks.STUDENT_ENV, f"etudiant{number}")
        statements = _question_7_statements(checks.student_seed("06", announce=False))
        truths = {subject: _q7_truth(subject, text) for subject, text in statements.items()}
        for subject, key in truths.items():
            keys.setdefault(subject, set()).add(key)
        counts.add(sum(key == "vrai" for key in truths.values()))
    assert all(found == {"vrai", "faux"} for found in keys.values()), keys
    assert counts == {0, 1, 2, 3, 4}, counts
    statement = NOTEBOOK.read_text()
    assert "Le nombre d'affirmations vraies varie donc d'une copie à l'autre" in statement


def test_question_7_keys_are_not_in_the_installed_package():
    """Review 07, finding 1: the installed esn_teach gives question 7's texts and versions
    only. No function or constant gives a key, a truth table or a message of a wrong answer
    (which would say which version is true)."""
    module = _readmission_tasks
    assert not hasattr(module, "_question_7_keys")
    assert not hasattr(module, "_QUESTION_7_FEEDBACK")
    for name, value in vars(module).items():
        if name.startswith("__"):
            continue
        for text in (value if isinstance(value, dict) else {}).values():
            assert not {"vrai", "faux"} & set(text if isinstance(text, tuple) else ()), name
        assert value not in ("vrai", "faux"), name
    texts = [
        node.value
        for node in ast.walk(ast.parse(Path(module.__file__).read_text()))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    assert not {"vrai", "faux"} & set(texts)
    for message in _q7_hidden_tables()["retours_q7h"].values():
        assert not any(message[:50] in text for text in texts), message
    for number in range(50):
        assert all(
            text in _QUESTION_7[subject] for subject, text in _question_7_statements(number).items()
        )


def test_question_5_mistakes_never_score_as_the_key(monkeypatch):
    """On 400 identifiers, no named mistake of 5 a or 5 b lies within 0,002 of its key."""
    redrawn = 0
    for number in range(400):
        monkeypatch.setenv(checks.STUDENT_ENV, f"etudiant{number}")
        audit = other_hospital_audit(checks.variant_rng("06", announce=False))
        tfn, margin, rates, margins = _audit_mistakes(*audit)
        assert min(abs(x - tfn) for x in rates) > 0.002, (number, audit)
        assert min(abs(x - margin) for x in margins) > 0.002, (number, audit)
        rng = checks.variant_rng("06", announce=False)
        first = (
            int(rng.integers(40, 81)) * 10,
            int(rng.integers(45, 91)),
        )
        redrawn += first != audit[:2]
    assert redrawn < 20  # a redraw is rare: most students keep their first draw


def _case_mistakes(seed: int) -> dict:
    """Keys and named mistakes of questions 1, 3 and 4 (as the hidden tests name them)."""
    frame = make_readmission_cohort(
        n_samples=6000, prevalence={"A": 0.15, "B": 0.30}, random_state=seed
    ).frame
    x = frame[["age", "prior_admissions", "length_of_stay", "n_medications"]]
    x = x.assign(groupe_B=(frame["group"] == "B").astype(int))
    x_app, x_test, y_app, y_test, g_app, g_test = train_test_split(
        x, frame["readmitted"], frame["group"], test_size=0.5, random_state=seed
    )
    x_app, x_valid, y_app, y_valid, _, g_valid = train_test_split(
        x_app, y_app, g_app, test_size=1 / 3, random_state=seed
    )
    model = make_pipeline(StandardScaler(), LogisticRegression()).fit(x_app, y_app)
    scores = model.predict_proba(x_test)[:, 1]
    calls = (scores >= 0.3).astype(int)
    readmitted = y_test.to_numpy() == 1
    rate = {g: readmitted[(g_test == g).to_numpy()].mean() for g in "AB"}
    sel = {g: calls[(g_test == g).to_numpy()].mean() for g in "AB"}
    odds = {g: rate[g] / (1 - rate[g]) for g in "AB"}
    fpr = {g: calls[~readmitted & (g_test == g).to_numpy()].mean() for g in "AB"}
    fnr = {g: 1 - calls[readmitted & (g_test == g).to_numpy()].mean() for g in "AB"}
    ppv = {g: readmitted[(calls == 1) & (g_test == g).to_numpy()].mean() for g in "AB"}
    gap = demographic_parity_difference(y_test, calls, sensitive_features=g_test)
    mitigated = (
        ThresholdOptimizer(
            estimator=model,
            constraints="equalized_odds",
            objective="balanced_accuracy_score",
            prefit=True,
            predict_method="predict_proba",
        )
        .fit(x_valid, y_valid, sensitive_features=g_valid)
        .predict(x_test, sensitive_features=g_test, random_state=0)
    )
    same = (scores >= np.sort(scores)[::-1][mitigated.sum() - 1]).astype(int)
    joints = {
        rule: {
            "all": int(d[readmitted].sum()),
            **{g: int(d[readmitted & (g_test == g).to_numpy()].sum()) for g in "AB"},
        }
        for rule, d in (("seuil", calls), ("meme", same), ("correction", mitigated))
    }
    loss = joints["meme"]["all"] - joints["correction"]["all"]
    return {
        "ecart_parite": (
            gap,
            [
                *(-gap, rate["B"] - rate["A"], rate["A"] - rate["B"], calls.mean()),
                *(sel["A"] / sel["B"], sel["B"] / sel["A"]),
                # Review d18, lecturer 5: the gaps of the other rates are named too.
                *(s * (other["B"] - other["A"]) for other in (fnr, fpr, ppv) for s in (1, -1)),
            ],
        ),
        "rapport_tfp": (
            odds["B"] / odds["A"],
            [
                *(odds["A"] / odds["B"], rate["B"] / rate["A"], odds["B"], odds["B"] / rate["A"]),
                *(rate["B"] / odds["A"], fpr["B"] / fpr["A"], 1, (0.3 / 0.7) / (0.15 / 0.85), 2),
            ],
        ),
        "vp_perdus": (
            loss,
            [-loss]
            + [s * (joints["correction"]["all"] - joints["seuil"]["all"]) for s in (1, -1)]
            + [s * (joints["meme"]["all"] - joints["seuil"]["all"]) for s in (1, -1)]
            + [joints[a][g] - joints[b][g] for g in "AB" for a in joints for b in joints if a != b],
        ),
        # The evaluated session's other task of question 4: group B's loss only.
        "vp_perdus_B": (
            joints["meme"]["B"] - joints["correction"]["B"],
            [loss, joints["correction"]["B"] - joints["meme"]["B"]]
            + [
                s * (joints["correction"][c] - joints["seuil"][c])
                for c in ("B", "all")
                for s in (1, -1)
            ]
            + [s * (joints["meme"][c] - joints["seuil"][c]) for c in ("B", "all") for s in (1, -1)]
            + [
                joints[a][g] - joints[b][g]
                for g in ("A", "all")
                for a in joints
                for b in joints
                if a != b
            ],
        ),
    }


@pytest.mark.slow
def test_named_mistakes_never_score_as_the_key_on_any_case():
    """Questions 1 (three decimals) and 3 (two): no named mistake within two units of the
    last asked decimal of the key; question 4 (a count): none equal to it."""
    for seed in READMISSION_CASE_SEEDS:
        case = _case_mistakes(seed)
        for name, unit in (
            ("ecart_parite", 0.001),
            ("rapport_tfp", 0.01),
            ("vp_perdus", 0.5),
            ("vp_perdus_B", 0.5),
        ):
            key, mistakes = case[name]
            assert min(abs(m - key) for m in mistakes) > 2 * unit - 1e-9 or (
                name.startswith("vp_perdus") and min(abs(m - key) for m in mistakes) > 0
            ), (seed, name, key, mistakes)
            if name == "vp_perdus_B":
                assert key > 0, (seed, key)  # a loss for group B on every case


@pytest.mark.slow
def test_question_6_bootstrap_excludes_zero_on_every_case():
    """The bootstrap interval of the loss (question 6) starts at 5 or more on every case."""
    for seed in READMISSION_CASE_SEEDS:
        frame = make_readmission_cohort(
            n_samples=6000, prevalence={"A": 0.15, "B": 0.30}, random_state=seed
        ).frame
        x = frame[["age", "prior_admissions", "length_of_stay", "n_medications"]]
        x = x.assign(groupe_B=(frame["group"] == "B").astype(int))
        x_app, x_test, y_app, y_test, g_app, g_test = train_test_split(
            x, frame["readmitted"], frame["group"], test_size=0.5, random_state=seed
        )
        x_app, x_valid, y_app, y_valid, _, g_valid = train_test_split(
            x_app, y_app, g_app, test_size=1 / 3, random_state=seed
        )
        model = make_pipeline(StandardScaler(), LogisticRegression()).fit(x_app, y_app)
        scores = model.predict_proba(x_test)[:, 1]
        mitigation = ThresholdOptimizer(
            estimator=model,
            constraints="equalized_odds",
            objective="balanced_accuracy_score",
            prefit=True,
            predict_method="predict_proba",
        ).fit(x_valid, y_valid, sensitive_features=g_valid)
        proba = np.zeros(len(scores))
        for group, rule in mitigation.interpolated_thresholder_.interpolation_dict.items():
            thresholds = rule["p0"] * rule["operation0"](scores)
            thresholds = thresholds + rule["p1"] * rule["operation1"](scores)
            ignore = rule.get("p_ignore", 0.0)
            lottery = ignore * rule.get("prediction_constant", 0.0) + (1 - ignore) * thresholds
            proba = np.where((g_test == group).to_numpy(), lottery, proba)
        readmitted = y_test.to_numpy() == 1
        draw, losses = np.random.default_rng(0), []
        for number in range(1000):
            picked = draw.integers(0, len(scores), len(scores))
            other = proba[picked] >= np.random.RandomState(number).rand(len(picked))
            best = np.argsort(-scores[picked])[: other.sum()]
            losses.append(int(readmitted[picked][best].sum() - readmitted[picked][other].sum()))
        low = np.quantile(losses, 0.025, method="inverted_cdf")
        assert low >= 5, (seed, low)


def test_evaluated_tasks_vary_between_copies(monkeypatch):
    """Questions 4, 6 and 7 of the evaluated session: each copy's task, margins and statement
    versions are drawn from its seed (streams 4, 6 and 7, as the draw cells and the hidden
    tests do); over 200 identifiers every task is frequent and the key patterns differ."""
    tasks, margins, versions = [], [], []
    for number in range(200):
        monkeypatch.setenv(checks.STUDENT_ENV, f"etudiant{number:03d}")
        seed = checks.student_seed("06", announce=False)
        tasks.append(int(np.random.default_rng([seed, 4]).integers(2)))
        draw = np.random.default_rng([seed, 6])
        pair = [float(draw.choice([0.15, 0.20])), float(draw.choice([0.03, 0.05]))]
        margins.append(tuple(pair[::-1] if draw.integers(2) == 1 else pair))
        versions.append(tuple(np.random.default_rng([seed, 7]).integers(2, size=4)))
    assert 60 < sum(tasks) < 140  # both tasks of question 4, about half each
    assert len(set(margins)) == 8  # 2 wide × 2 narrow margins × 2 orders
    assert 60 < sum(m[0] > m[1] for m in margins) < 140  # the wide margin first in about half
    assert len(set(versions)) == 16  # every pattern of the four statements
    assert max(versions.count(v) for v in set(versions)) < 30  # none dominates


def _evaluated_hidden_test(name: str) -> str:
    """The hidden-test code of ``name``'s evaluated test cell, read from the notebook."""
    source = NOTEBOOK.read_text()
    cell = re.search(rf'^# %% tests="{name}" points=\S+ session="evaluation"$', source, re.M)
    assert cell, name
    start = source.index("### BEGIN HIDDEN TESTS", cell.end())
    return source[start : source.index("### END HIDDEN TESTS", start)]


def _run_hidden_test(name: str, seed: int, answer: object, monkeypatch) -> None:
    """Run ``name``'s evaluated hidden test on the cohort ``seed`` with ``answer``."""
    monkeypatch.setenv(checks.STUDENT_ENV, "alice")
    namespace = {
        "checks": checks,
        "readmission_case_seed": lambda _student_seed: seed,
        "make_readmission_cohort": make_readmission_cohort,
        "train_test_split": train_test_split,
        "make_pipeline": make_pipeline,
        "StandardScaler": StandardScaler,
        "LogisticRegression": LogisticRegression,
        "demographic_parity_difference": demographic_parity_difference,
        "pd": pd,
        name: answer,
    }
    exec(_evaluated_hidden_test(name), namespace)  # the notebook's own hidden test


@pytest.mark.slow
def test_question_3_accepts_the_identity_on_the_shown_rates_on_every_case(monkeypatch):
    """Review d18, lecturer 1: the identity applied to the three-decimal rates of the table
    of section 3 is right reasoning; it landed two hundredths off on cohorts 1073 and 2071
    (0/2). The hidden test accepts it, and the exact value, on every cohort of the pool."""
    for seed in READMISSION_CASE_SEEDS:
        frame = make_readmission_cohort(
            n_samples=6000, prevalence={"A": 0.15, "B": 0.30}, random_state=seed
        ).frame
        _, _, _, y_test, _, g_test = train_test_split(
            frame[["age"]], frame["readmitted"], frame["group"], test_size=0.5, random_state=seed
        )
        rates = y_test.groupby(g_test, observed=True).mean()
        shown = {g: float(f"{rates[g]:.3f}") for g in "AB"}  # as the table prints them
        from_shown = (shown["B"] / (1 - shown["B"])) / (shown["A"] / (1 - shown["A"]))
        exact = (rates["B"] / (1 - rates["B"])) / (rates["A"] / (1 - rates["A"]))
        for answer in (round(from_shown, 2), round(exact, 2)):
            _run_hidden_test("rapport_tfp", seed, answer, monkeypatch)
    with pytest.raises(checks.NotAttempted):
        _run_hidden_test("rapport_tfp", READMISSION_CASE_SEEDS[0], ..., monkeypatch)
    with pytest.raises(checks.IncorrectAnswer):  # a shown-rates ratio of p, not of p / (1 − p)
        _run_hidden_test("rapport_tfp", 1073, 0.30 / 0.15 + 0.5, monkeypatch)


def test_question_1_evaluated_names_the_gaps_of_the_other_rates(monkeypatch):
    """Review d18, lecturer 5: an evaluated answer built from the TFN, TFP or VPP gap got the
    fallback about numerator and denominator; the hidden test names each, as the formative
    one does (either order of the groups)."""
    for seed in READMISSION_CASE_SEEDS[:3]:
        frame = make_readmission_cohort(
            n_samples=6000, prevalence={"A": 0.15, "B": 0.30}, random_state=seed
        ).frame
        x = frame[["age", "prior_admissions", "length_of_stay", "n_medications"]]
        x = x.assign(groupe_B=(frame["group"] == "B").astype(int))
        x_app, x_test, y_app, y_test, _, g_test = train_test_split(
            x, frame["readmitted"], frame["group"], test_size=0.5, random_state=seed
        )
        x_app, _, y_app, _ = train_test_split(x_app, y_app, test_size=1 / 3, random_state=seed)
        model = make_pipeline(StandardScaler(), LogisticRegression()).fit(x_app, y_app)
        calls = model.predict_proba(x_test)[:, 1] >= 0.3
        sick = y_test.to_numpy() == 1
        group = {g: (g_test == g).to_numpy() for g in "AB"}
        rates = {
            "TFN": {g: 1 - calls[sick & group[g]].mean() for g in "AB"},
            "TFP": {g: calls[~sick & group[g]].mean() for g in "AB"},
            "VPP": {g: sick[calls & group[g]].mean() for g in "AB"},
        }
        for name, rate in rates.items():
            for sign in (1, -1):
                answer = round(sign * (rate["B"] - rate["A"]), 3)
                with pytest.raises(checks.IncorrectAnswer, match=f"comparé les {name}"):
                    _run_hidden_test("ecart_parite", seed, answer, monkeypatch)


def _evaluated_test_cell(name: str) -> str:
    """The whole evaluated test cell of ``name`` (visible check and hidden tests), as the
    grader runs it after restoring the hidden tests."""
    source = NOTEBOOK.read_text()
    cell = re.search(rf'^# %% tests="{name}" points=\S+ session="evaluation"$', source, re.M)
    assert cell, name
    return source[cell.end() : source.index("\n# %%", cell.end())]


@pytest.mark.slow
def test_question_6_markers_line_prints_on_a_blank_copy(monkeypatch):
    """Lecturer's review d22, finding 1: Q6 is practice done after the session, so it is blank
    on a copy collected at the end of it; the « Pour le correcteur » line (the figures that
    criterion 2 of the reflection is marked against) must print before the visible check
    raises NotAttempted, with this copy's own figures and decimal commas."""
    import contextlib
    import io

    from fairlearn.postprocessing import ThresholdOptimizer as _ThresholdOptimizer

    from esn_teach import fr_number

    monkeypatch.setenv(checks.STUDENT_ENV, "etu07")
    blank = dict.fromkeys(
        (
            "différence des TFN",
            "perte de la question 4",
            "différence des TFN, première marge",
            "différence des TFN, seconde marge",
        ),
        ...,
    )
    namespace = {
        "checks": checks,
        "np": np,
        "fr_number": fr_number,
        "readmission_case_seed": readmission_case_seed,
        "make_readmission_cohort": make_readmission_cohort,
        "train_test_split": train_test_split,
        "make_pipeline": make_pipeline,
        "StandardScaler": StandardScaler,
        "LogisticRegression": LogisticRegression,
        "ThresholdOptimizer": _ThresholdOptimizer,
        "conclusions": blank,
    }
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(checks.NotAttempted):
        exec(compile(_evaluated_test_cell("conclusions"), "q6", "exec"), namespace)
    line = next(x for x in out.getvalue().splitlines() if x.startswith("Pour le correcteur"))
    case = _case(readmission_case_seed(checks.student_seed("06", announce=False)))
    assert fr_number(case["rapport_tfp"], 2) in line, line
    assert "intervalle bootstrap des deux groupes de" in line, line
    # Lecturer d22, finding 3: the group-B loss (one task of Q4) is on the line too.
    assert f"(question 4) {case['vp_perdus']} (dont groupe B : {case['joints_b_lost']})" in line


def _evaluated_complaints() -> list[str]:
    """The four complaints of question 2's evaluated version, read from the notebook."""
    source = NOTEBOOK.read_text()
    start = source.index("plaintes = [")
    return ast.literal_eval(source[start + len("plaintes = ") : source.index("]\n", start) + 1])


def test_question_2_no_complaint_uses_the_definitions_wording():
    """Lecturer's review d23, finding 1: the complaint asking for predictive parity wrote
    « parmi les patients appelés, la part de ceux qui retournent … », section 3's definition
    of the VPP almost word for word (a near-giveaway for one copy in four). Every complaint
    is a story and a request (« aussi souvent »): none uses a definition's « parmi les …, la
    part … », and each still asks its question with « aussi souvent »."""
    complaints = _evaluated_complaints()
    assert len(complaints) == 4
    definition = re.compile(r"parmi (les|ceux|celles)\b[^.;:]*?,? la part", re.IGNORECASE)
    for complaint in complaints:
        assert not definition.search(complaint), complaint
        assert "aussi souvent" in complaint, complaint
        # The question's table of section 4 (« Un appel signifie-t-il le même risque … »).
        assert "même risque" not in complaint, complaint


def test_question_1_evaluated_form_check_says_nothing_about_the_sign(monkeypatch):
    """Lecturer's review d23, finding 4: the evaluated form check of Q1 answered -0,382 with
    « hors de l'intervalle possible [0 ; 1] », giving away the sign error worth the whole
    point. Its bounds are symmetric, as Q4's are: a negative gap of the right form passes the
    visible check, and the hidden test still names the inverted groups."""
    cell = _evaluated_test_cell("ecart_parite")
    visible = cell[: cell.index("### BEGIN HIDDEN TESTS")]
    monkeypatch.setenv(checks.STUDENT_ENV, "alice")
    for answer in (-0.382, 0.382, -0.05):
        exec(visible, {"checks": checks, "ecart_parite": answer})  # no error, no hint
    seed = READMISSION_CASE_SEEDS[0]
    case = _case(seed)
    with pytest.raises(checks.IncorrectAnswer, match="groupes inversés"):
        _run_hidden_test("ecart_parite", seed, -round(case["ecart_parite"], 3), monkeypatch)


def _selection_and_calls(seed: int) -> dict:
    """Per-group selection rates at 0.3, and the calls of the three rules of section 7."""
    frame = make_readmission_cohort(
        n_samples=6000, prevalence={"A": 0.15, "B": 0.30}, random_state=seed
    ).frame
    x = frame[["age", "prior_admissions", "length_of_stay", "n_medications"]]
    x = x.assign(groupe_B=(frame["group"] == "B").astype(int))
    x_app, x_test, y_app, _y_test, g_app, g_test = train_test_split(
        x, frame["readmitted"], frame["group"], test_size=0.5, random_state=seed
    )
    x_app, x_valid, y_app, y_valid, _, g_valid = train_test_split(
        x_app, y_app, g_app, test_size=1 / 3, random_state=seed
    )
    model = make_pipeline(StandardScaler(), LogisticRegression()).fit(x_app, y_app)
    scores = model.predict_proba(x_test)[:, 1]
    calls = (scores >= 0.3).astype(int)
    mitigated = (
        ThresholdOptimizer(
            estimator=model,
            constraints="equalized_odds",
            objective="balanced_accuracy_score",
            prefit=True,
            predict_method="predict_proba",
        )
        .fit(x_valid, y_valid, sensitive_features=g_valid)
        .predict(x_test, sensitive_features=g_test, random_state=0)
    )
    in_a = (g_test == "A").to_numpy()
    return {
        "selection": {g: calls[(g_test == g).to_numpy()].mean() for g in "AB"},
        # « appeles_A » column: threshold 0.3 minus correction, a count of calls, not of joints.
        "calls_a_gap": int(calls[in_a].sum() - mitigated[in_a].sum()),
    }


def test_generic_fallback_replaced_by_named_mistakes(monkeypatch):
    """Lecturer's review d23, finding 5: three plausible wrong answers got the generic
    « quel est le numérateur, quel est le dénominateur ? »: Q1 with group B's selection rate
    alone, Q3 as the ratio of selection rates, Q4 read in an « appelés » column. Each is
    named now, and the fallback fits the kind of answer (difference, ratio, count)."""
    monkeypatch.setenv(checks.STUDENT_ENV, "alice")
    seed = READMISSION_CASE_SEEDS[0]
    facts = _selection_and_calls(seed)
    with pytest.raises(checks.IncorrectAnswer, match="seul groupe B"):
        _run_hidden_test("ecart_parite", seed, round(facts["selection"]["B"], 3), monkeypatch)
    ratio = facts["selection"]["B"] / facts["selection"]["A"]
    with pytest.raises(checks.IncorrectAnswer, match="divisé les taux de sélection"):
        _run_hidden_test("rapport_tfp", seed, round(ratio, 2), monkeypatch)
    namespace = {
        "checks": checks,
        "np": np,
        "readmission_case_seed": lambda _student_seed: seed,
        "make_readmission_cohort": make_readmission_cohort,
        "train_test_split": train_test_split,
        "make_pipeline": make_pipeline,
        "StandardScaler": StandardScaler,
        "LogisticRegression": LogisticRegression,
        "ThresholdOptimizer": ThresholdOptimizer,
        "vp_perdus": facts["calls_a_gap"],
    }
    with pytest.raises(checks.IncorrectAnswer, match="patients appelés"):
        exec(_evaluated_hidden_test("vp_perdus"), namespace)
    # The fallbacks: a difference, a ratio, a count; never « numérateur » for a difference.
    with pytest.raises(checks.IncorrectAnswer, match="différence") as caught:
        _run_hidden_test("ecart_parite", seed, 0.987, monkeypatch)
    assert "numérateur" not in str(caught.value)
    with pytest.raises(checks.IncorrectAnswer, match="division de deux TFP"):
        _run_hidden_test("rapport_tfp", seed, 17.5, monkeypatch)
    namespace["vp_perdus"] = 2999
    with pytest.raises(checks.IncorrectAnswer, match="compte de réhospitalisés"):
        exec(_evaluated_hidden_test("vp_perdus"), namespace)


def test_question_3a_grades_which_group_per_copy(monkeypatch):
    """Lecturer's review d23, finding 2: Q3 asked « quel groupe… et combien de fois plus ? »
    but graded only the ratio (3 points that decided the certificate alone). Q3 a (1 point)
    now grades the group, with an instruction drawn per copy (highest or lowest TFP), and
    Q3 b (2 points) the ratio; the in-class total stays 8 points."""
    source = NOTEBOOK.read_text()
    for version in ("formative", "evaluation"):
        points = {
            name: float(value)
            for name, value in re.findall(
                rf'^# %% tests="(\w+)" points=(\S+) session="{version}"$', source, re.M
            )
        }
        assert points["groupe_tfp"] == 1 and points["rapport_tfp"] == 2, points
        in_class = ("ecart_parite", "critere_plainte", "groupe_tfp", "rapport_tfp", "vp_perdus")
        assert sum(points[name] for name in in_class) == 8
    instructions = set()
    for student in (*STUDENTS, "etu01", "etu02", "etu03", "etu04"):
        monkeypatch.setenv(checks.STUDENT_ENV, student)
        seed = checks.student_seed("06", announce=False)
        instruction = ["le plus élevé", "le plus bas"][
            int(np.random.default_rng([seed, 3]).integers(2))
        ]
        instructions.add(instruction)
        key = "B" if instruction == "le plus élevé" else "A"  # group B: the higher p
        namespace = {
            "checks": checks,
            "np": np,
            "readmission_case_seed": readmission_case_seed,
            "make_readmission_cohort": make_readmission_cohort,
            "train_test_split": train_test_split,
        }
        exec(_evaluated_hidden_test("groupe_tfp"), {**namespace, "groupe_tfp": key})
        with pytest.raises(checks.IncorrectAnswer, match="TFP égaux"):
            exec(_evaluated_hidden_test("groupe_tfp"), {**namespace, "groupe_tfp": "aucun"})
        other = "A" if key == "B" else "B"
        with pytest.raises(checks.IncorrectAnswer, match=f"TFP {instruction}"):
            exec(_evaluated_hidden_test("groupe_tfp"), {**namespace, "groupe_tfp": other})
        with pytest.raises(checks.NotAttempted):
            exec(_evaluated_hidden_test("groupe_tfp"), {**namespace, "groupe_tfp": ...})
    assert instructions == {"le plus élevé", "le plus bas"}
