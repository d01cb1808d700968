"""Module 01's own statements, read from its source (nothing executed).

Two numbers of module 01 are written in its text and must follow the code: the scale in the
introduction (the points carried by its cells) and how many patients a 95 % promise needs.
"""

from __future__ import annotations

import re

import pytest
from esn_fixtures import NOTEBOOKS

from esn_teach import evaluation as ev
from esn_teach.course import read_module

SOURCE = NOTEBOOKS / "01_evaluer_test_diagnostique.py"


def _markdown() -> str:
    module = read_module(SOURCE)
    return "\n".join(c.source for c in module.notebook.cells if c.cell_type == "markdown")


def test_module_01_states_its_real_scale():
    """The introduction's « Barème » adds up the points the cells carry; the evaluated session
    says what its grade counts (Q1 to Q4 and the reflection, out of 7)."""
    module = read_module(SOURCE)
    intro = re.sub(r"\s+", " ", " ".join(c.source for c in module.notebook.cells[:4]))
    evaluated = read_module(SOURCE, session="evaluation")
    told = re.sub(r"\s+", " ", " ".join(c.source for c in evaluated.notebook.cells[:4]))
    assert "questions 1 à 4 (4 points" in told and "réflexion écrite (3 points" in told
    assert "5 à 9 ne comptent pas" in told
    assert "sur 7** (et non sur les 12 points de la ligne « Notation »)" in told
    # The header's generated « Notation » line counts every graded cell (12 points): the
    # evaluated box says it is not the grade here, and where the reflection goes (review d11).
    assert "rendue à part après la séance" in told
    reflection_note = [
        c.source
        for c in evaluated.notebook.cells
        if c.cell_type == "markdown" and "la réflexion se rend à part" in c.source
    ]
    assert reflection_note and "Laissez vide la cellule ci-dessous" in reflection_note[0]
    stated = re.search(
        r"\*\*Barème\*\* : (\d+) points, (\d+) pour les questions vérifiées par l'ordinateur "
        r"et (\d+) pour la réflexion écrite, corrigée par l'enseignant",
        intro,
    )
    assert stated, "the introduction no longer states the scale"
    total, autograded, written = (int(group) for group in stated.groups())
    assert autograded == module.autograded_points
    assert written == sum(module.written.values())
    assert total == autograded + written


def test_module_01_promise_needs_the_computed_number_of_patients():
    """« au moins N malades, tous détectés » is the smallest n whose Wilson lower bound of
    n/n reaches 0,95, as the notebook computes it."""
    text = re.sub(r"\s+", " ", _markdown())
    stated = re.search(r"il faut au moins (\d+) malades, tous détectés", text)
    assert stated, "the text after question 3 no longer gives the number of patients"
    needed = next(n for n in range(1, 1000) if ev.proportion_ci(n, n)[0] >= 0.95)
    assert int(stated.group(1)) == needed
    assert ev.proportion_ci(needed - 1, needed - 1)[0] < 0.95


def _question_statement(number: int) -> str:
    module = read_module(SOURCE)
    heading = f"### Question {number} "
    cell = next(
        c.source for c in module.notebook.cells if c.cell_type == "markdown" and heading in c.source
    )
    return re.sub(r"\s+", " ", cell)


def test_module_01_question_7_does_not_give_question_1s_answer():
    """Q7 (same notebook, evaluated session) quotes the interval, not the counts or the value."""
    statement = _question_statement(7)
    assert "0,68" not in statement, statement
    assert not re.search(r"\b\d+ (?:cancers )?sur \d+", statement), statement


def test_module_01_marking_guide_quotes_the_test_set_values_at_question_2s_threshold():
    """The guide's VPP, VPN and residual risk for Madame L. are those the notebook prints."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import train_test_split
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    from esn_teach.datasets import load_breast_cancer_wdbc

    data = load_breast_cancer_wdbc()
    features = data.data[["mean texture", "mean compactness"]]
    x_rest, x_test, y_rest, y_test = train_test_split(
        features, data.target, test_size=0.4, stratify=data.target, random_state=0
    )
    x_train, x_val, y_train, y_val = train_test_split(
        x_rest, y_rest, test_size=0.2 / 0.6, stratify=y_rest, random_state=0
    )
    model = make_pipeline(StandardScaler(), LogisticRegression()).fit(x_train, y_train)
    scores_val = model.predict_proba(x_val)[:, 1]
    grid = np.round(np.arange(0, 1.001, 0.01), 2)
    threshold = max(t for t in grid if ev.sensitivity(y_val, scores_val >= t) >= 0.95)
    counts = ev.confusion_at_threshold(y_test, model.predict_proba(x_test)[:, 1], threshold)

    text = re.sub(r"\s+", " ", _markdown().replace("#", " "))
    assert f"seuil de la question 2 ({threshold:.2f})".replace(".", ",") in text
    assert f"VPP {counts.tp} sur {counts.tp + counts.fp}" in text
    assert f"VPN {counts.tn} sur {counts.tn + counts.fn}" in text
    residual = counts.fn / (counts.tn + counts.fn)
    assert f"environ {round(100 * residual)} % de risque de cancer" in text
    assert round(10 * residual) == 1, "« environ une patiente sur dix » no longer holds"
    assert "environ une patiente sur dix dont le test est négatif" in text


def _cases(student: str, monkeypatch):
    """Module 01's evaluated cases for ``student``, drawn as the notebook and the grader do."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import train_test_split
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    from esn_teach import checks
    from esn_teach.datasets import load_breast_cancer_wdbc

    monkeypatch.setenv(checks.STUDENT_ENV, student)
    seed = checks.student_seed("01", announce=False)
    split = ev.wdbc_case_seed(seed)  # a checked split; Q3, Q5-Q7 use ``seed``
    data = load_breast_cancer_wdbc()
    features = data.data[["mean texture", "mean compactness"]]
    x_rest, x_test, y_rest, y_test = train_test_split(
        features, data.target, test_size=0.4, stratify=data.target, random_state=split
    )
    x_train, x_val, y_train, y_val = train_test_split(
        x_rest, y_rest, test_size=0.2 / 0.6, stratify=y_rest, random_state=split
    )
    model = make_pipeline(StandardScaler(), LogisticRegression()).fit(x_train, y_train)
    s_val, s_test = model.predict_proba(x_val)[:, 1], model.predict_proba(x_test)[:, 1]
    grid = np.round(np.arange(0, 1.001, 0.01), 2)
    threshold = max(t for t in grid if ev.sensitivity(y_val, s_val >= t) >= 0.95)
    at_05 = ev.confusion_at_threshold(y_test, s_test, 0.5)
    at_q2 = ev.confusion_at_threshold(y_test, s_test, threshold)
    se, sp = at_05.tp / (at_05.tp + at_05.fn), at_05.tn / (at_05.tn + at_05.fp)
    draw5 = np.random.default_rng([seed, 5])
    cancers = int(draw5.choice([80, 90, 100, 110, 120]))
    missed = int(draw5.integers(8, 16))
    detected = round((cancers - missed) * draw5.uniform(0.7, 0.9))
    # The night edition of 6 December: one task per copy for Q1 (sensitivity or specificity),
    # Q3 (threshold set on the 41 patients, or measured on them) and Q4 (share of the sick or
    # of the healthy among the positive tests at 1 %).
    task_q1, version_q3, task_q4 = (
        int(np.random.default_rng([seed, number]).integers(2)) for number in (11, 13, 14)
    )
    letters = {}
    for number, right in ((3, (1, 0)[version_q3]), (7, 0)):
        order = list(np.random.default_rng([seed, number]).permutation(4))
        letters[number] = "ABCD"[order.index(right)]
    sick, healthy = se * 0.01, (1 - sp) * 0.99
    return {
        "malades_validation": int(y_val.sum()),
        "tache_q1": task_q1,
        "version_q3": version_q3,
        "tache_q4": task_q4,
        "sensibilite": round((se, sp)[task_q1], 3),
        "autre_tache_q1": round((sp, se)[task_q1], 3),
        "seuil": float(threshold),
        "vpp_depistage": round((sick, healthy)[task_q4] / (sick + healthy), 4),
        "autre_tache_q4": round((healthy, sick)[task_q4] / (sick + healthy), 4),
        "sensibilite_apparente": round(detected / (cancers - missed), 3),
        "vraie_sensibilite_q5": round(detected / cancers, 3),
        "marge": letters[3],
        "intervalle": letters[7],
        "groupe_q6": int(np.random.default_rng([seed, 6]).integers(2)),
        "risque_negatif": round(at_q2.fn / (at_q2.fn + at_q2.tn), 3),
        "risque_negatif_05": round(at_05.fn / (at_05.fn + at_05.tn), 3),
        "specificite": round(at_q2.tn / (at_q2.tn + at_q2.fp), 3),
        "sensibilite_test_q2": at_q2.tp / (at_q2.tp + at_q2.fn),
    }


@pytest.mark.slow
def test_module_01_evaluated_cases_differ_between_students_and_stay_sensible(monkeypatch):
    """Each identifier draws its own split (and Q3/Q5/Q6/Q7 cases): the answers vary, and the
    task keeps its meaning (42 cancers in validation, a threshold below 0,5 that exists, a
    residual risk lower than at 0,5, a sensible apparent sensitivity)."""
    students = ["esn-teach-construction", "alice", "bruno", "chloe", "david", "emma", "farid"]
    cases = [_cases(student, monkeypatch) for student in students]
    for case in cases:
        assert case["malades_validation"] == 42  # the text's « avec 42 malades »
        assert 0.5 <= case["sensibilite"] <= 0.97
        assert abs(case["sensibilite"] - case["autre_tache_q1"]) > 0.002  # the tasks differ
        assert 0.05 <= case["seuil"] < 0.5
        low = (0.01, 0.8)[case["tache_q4"]]
        assert low < case["vpp_depistage"] < low + 0.19
        assert abs(case["vpp_depistage"] - case["autre_tache_q4"]) > 0.5
        assert 0.6 < case["sensibilite_apparente"] < 0.95
        assert case["vraie_sensibilite_q5"] < case["sensibilite_apparente"]
        assert 0 < case["risque_negatif"] < case["risque_negatif_05"]  # no degenerate copy
        assert 0.3 < case["specificite"] < 1
        assert case["sensibilite_test_q2"] > 0.7
    for question in (
        "sensibilite",
        "seuil",
        "vpp_depistage",
        "sensibilite_apparente",
        "risque_negatif",
        "specificite",
        "marge",
        "intervalle",
    ):
        assert len({case[question] for case in cases}) >= 3, question
    assert len({case["groupe_q6"] for case in cases}) == 2
    for task in ("tache_q1", "version_q3", "tache_q4"):  # both tasks occur among 7 copies
        assert {case[task] for case in cases} == {0, 1}, task


def test_module_01_evaluated_form_checks_refuse_what_the_statements_refuse():
    """Student review d11, findings 1 and 5: the evaluated visible checks (rewritten to a form
    check at release) keep the slider's grid for Q2 and the allowed counts for Q1, Q8, Q9."""
    from esn_teach.course._evaluation import evaluation_check

    evaluated = read_module(SOURCE, session="evaluation")
    visible = {}
    for cell in evaluated.notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if cell.cell_type == "code" and grade_id.endswith("_tests"):
            name = grade_id.removesuffix("_tests")
            source = cell.source.split("### BEGIN HIDDEN TESTS")[0]
            visible[name] = evaluation_check(source, name).splitlines()[-1]
    assert "on_grid=True" in visible["seuil"] and "decimals=2" in visible["seuil"]
    assert "bounds=(0, 1)" in visible["seuil"]
    assert "written_from=['fn', 'fp', 'vn', 'vp']" in visible["sensibilite"]
    for name in ("risque_negatif", "specificite"):
        assert "'vn2'" in visible[name] and "'vp'" in visible[name], name


def test_module_01_question_5_named_mistakes_never_score_as_the_key():
    """Every draw the evaluated Q5 can make (cancers, missed, detected): each named mistake
    is more than two units of the 3rd decimal away from the key."""
    for cancers in (80, 90, 100, 110, 120):
        for missed in range(8, 16):
            rest = cancers - missed
            for detected in range(round(rest * 0.7), round(rest * 0.9) + 1):
                key = round(detected / rest, 3)
                for wrong in (
                    detected / cancers,
                    (detected + missed) / cancers,
                    detected / (cancers + missed),
                ):
                    assert abs(key - round(wrong, 3)) > 0.002, (cancers, missed, detected)
