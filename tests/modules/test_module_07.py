"""Module 07's questions 2 and 7 are graded with the student's own inputs of question 1.

A plausible input slip of question 1 (creatinine rounded to 0,1 mg/dL; femme=True) costs
question 1 only: question 2, right with the same inputs, gets its points, with a message
saying it is consistent with a wrong question 1 (never « Correct »). A unit error (creatinine
not converted, or converted the wrong way) gives an impossible DFGe and is not carried over
(lecturer's review d19). The visible check (digests) and the hidden test (recomputed with
the library's equations) must say the same thing for every pair of answers. Both parts of the
test cell are run here, after the module's setup cell, without a kernel.

The statement of question 1 promises half the points for an integer (57, 62, 54 for
questions 1, 2 and 7): checked in-process for both parts of each test cell, and through
nbgrader on the evaluated release, where the grade is made.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import re
from difflib import SequenceMatcher
from pathlib import Path

import nbformat
import pytest
from esn_fixtures import NOTEBOOKS, answer_cell, cli, make_course, submit

from esn_teach import checks
from esn_teach.checks import IncorrectAnswer, PartialCredit
from esn_teach.course import Course, read_module
from esn_teach.datasets import _egfr_tasks, egfr_ckd_epi_2009, egfr_ckd_epi_2021, make_egfr_cohort
from esn_teach.datasets._egfr_tasks import (
    _Q4_BANK,
    _Q5_RESERVES,
    _admissible,
    _copy_creatinines,
    _question_4_statements,
    _question_5_statements,
    _share_task,
)

SOURCE = NOTEBOOKS / "07_race_dans_les_equations.py"
HIDDEN = "### BEGIN HIDDEN TESTS"

C = "CREATININE_M_A / 88.4"
Q1_RIGHT = f"dfge_2021({C}, AGE_M_A, False)"
Q2_RIGHT = f"dfge_2009_sans_coefficient({C}, AGE_M_A, False) * 1.159"
# (creatinine, femme) as a student may type them in question 1
INPUTS = {
    "not converted": ("CREATININE_M_A", "False"),
    "wrong way": ("CREATININE_M_A * 88.4", "False"),
    "rounded to 0.1": ("1.4", "False"),
    "woman": (C, "True"),
}
# Lecturer's review d19 (finding 2): only plausible slips are carried forward; an unconverted
# or inverted creatinine gives an impossible DFGe (0,27), never carried into Q2, Q5, Q7.
PLAUSIBLE = {k: v for k, v in INPUTS.items() if k in ("rounded to 0.1", "woman")}
IMPOSSIBLE = {k: v for k, v in INPUTS.items() if k not in PLAUSIBLE}
CARRIED = "elle-même fausse"


def _q1(inputs: tuple[str, str]) -> str:
    return f"dfge_2021({inputs[0]}, AGE_M_A, {inputs[1]})"


def _q2(inputs: tuple[str, str], coefficient: str = " * 1.159") -> str:
    return f"dfge_2009_sans_coefficient({inputs[0]}, AGE_M_A, {inputs[1]}){coefficient}"


CASES = [
    # (question 1, question 2, question 2 gets its points, message fragment)
    (Q1_RIGHT, Q2_RIGHT, True, ""),
    *[(_q1(i), _q2(i), True, CARRIED) for i in PLAUSIBLE.values()],
    *[(_q1(i), _q2(i), False, "") for i in IMPOSSIBLE.values()],
    *[(_q1(i), Q2_RIGHT, True, "") for i in INPUTS.values()],
    *[(_q1(i), _q2(i, ""), False, "") for i in INPUTS.values()],  # coefficient forgotten
    *[(_q1(i), _q2(i, " / 1.159"), False, "") for i in INPUTS.values()],
    (Q1_RIGHT, _q2(INPUTS["not converted"]), False, "mg/dL"),  # the error made in Q2 only
    (Q1_RIGHT, _q2(INPUTS["woman"]), False, "M. A. est un homme"),
    (_q1(INPUTS["woman"]), _q2(INPUTS["not converted"]), False, ""),  # another error
]


@pytest.fixture(scope="module")
def setup() -> tuple[dict, str, str]:
    notebook = read_module(SOURCE).notebook
    code = [c for c in notebook.cells if c.cell_type == "code"]
    space: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        for cell in code[:2]:  # M. A. and the cohort's seed, then the setup
            exec(compile(cell.source, "setup", "exec"), space)
    cell = next(
        c.source
        for c in code
        if c.metadata.get("nbgrader", {}).get("grade_id") == "dfg_2009_m_a_tests"
    )
    visible, hidden = cell.split(HIDDEN, 1)
    return space, visible, hidden


def _run(space: dict, code: str) -> tuple[bool, str]:
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code, "check", "exec"), space)
    except IncorrectAnswer as error:
        return False, str(error)
    return True, out.getvalue()


@pytest.mark.parametrize(("q1", "q2", "gets_points", "message"), CASES)
def test_module_07_question_2_is_graded_with_question_1s_inputs(
    setup, q1, q2, gets_points, message
):
    base, visible, hidden = setup
    space = dict(base)
    exec(f"dfg_2021_m_a = {q1}\ndfg_2009_m_a = {q2}", space)
    seen, said = _run(space, visible)
    graded, hidden_said = _run(space, hidden)
    assert seen == graded == gets_points, (q1, q2, said)
    assert message in said, said
    if message == CARRIED:  # carried over: never called « Correct », in either check
        assert "Correct" not in said and "Correct" not in hidden_said, (said, hidden_said)
        assert CARRIED in hidden_said, hidden_said


Q7_RIGHT = f"dfge_2009_sans_coefficient({C}, AGE_M_A, False)"


def _q7(inputs: tuple[str, str], coefficient: str = "") -> str:
    return f"dfge_2009_sans_coefficient({inputs[0]}, AGE_M_A, {inputs[1]}){coefficient}"


CASES_Q7 = [
    # (question 1, question 7, question 7 gets its points, message fragment): same policy
    (Q1_RIGHT, Q7_RIGHT, True, ""),
    *[(_q1(i), _q7(i), True, CARRIED) for i in PLAUSIBLE.values()],
    *[(_q1(i), _q7(i), False, "") for i in IMPOSSIBLE.values()],
    *[(_q1(i), Q7_RIGHT, True, "") for i in INPUTS.values()],
    *[(_q1(i), _q7(i, " * 1.159"), False, "") for i in INPUTS.values()],  # coefficient kept
    *[(_q1(i), f"dfge_2021({i[0]}, AGE_M_A, {i[1]})", False, "") for i in INPUTS.values()],
    (Q1_RIGHT, _q7(INPUTS["not converted"]), False, "mg/dL"),  # the error made in Q7 only
    (Q1_RIGHT, _q7(INPUTS["woman"]), False, "M. A. est un homme"),
    (_q1(INPUTS["woman"]), _q7(INPUTS["not converted"]), False, ""),  # another error
]


@pytest.fixture(scope="module")
def setup_q7(setup) -> tuple[dict, str, str]:
    notebook = read_module(SOURCE).notebook
    cell = next(
        c.source
        for c in notebook.cells
        if c.cell_type == "code"
        and c.metadata.get("nbgrader", {}).get("grade_id") == "dfg_eflm_m_a_tests"
    )
    visible, hidden = cell.split(HIDDEN, 1)
    return setup[0], visible, hidden


@pytest.mark.parametrize(("q1", "q7", "gets_points", "message"), CASES_Q7)
def test_module_07_question_7_is_graded_with_question_1s_inputs(
    setup_q7, q1, q7, gets_points, message
):
    base, visible, hidden = setup_q7
    space = dict(base)
    exec(f"dfg_2021_m_a = {q1}\ndfg_eflm_m_a = {q7}", space)
    seen, said = _run(space, visible)
    graded, hidden_said = _run(space, hidden)
    assert seen == graded == gets_points, (q1, q7, said)
    assert message in said, said
    if message == CARRIED:
        assert "Correct" not in said and "Correct" not in hidden_said, (said, hidden_said)


# The right value rounded to an integer (questions asked at 0,1): half the points.
INTEGERS = {"dfg_2021_m_a": "57", "dfg_2009_m_a": "62", "dfg_eflm_m_a": "54"}


def _test_cell(answer: str) -> tuple[str, str]:
    notebook = read_module(SOURCE).notebook
    cell = next(
        c.source
        for c in notebook.cells
        if c.cell_type == "code"
        and c.metadata.get("nbgrader", {}).get("grade_id") == f"{answer}_tests"
    )
    visible, hidden = cell.split(HIDDEN, 1)
    return visible, hidden


@pytest.mark.parametrize("answer", INTEGERS)
def test_module_07_an_integer_earns_half_the_points_in_both_checks(setup, answer):
    space = dict(setup[0])
    exec("\n".join(f"{name} = {value}" for name, value in INTEGERS.items()), space)
    for part in _test_cell(answer):
        out = io.StringIO()
        code = part.replace("checks.check_number(", "_result = checks.check_number(")
        with contextlib.redirect_stdout(out):
            exec(compile(code, "check", "exec"), space)
        result = space.pop("_result")
        assert isinstance(result, PartialCredit), (answer, out.getvalue())
        assert result.points == result.maximum / 2, (answer, result)
        assert "trop arrondi" in out.getvalue()


def test_module_07_question_2_accepts_62_0_from_the_rounded_conversion(setup):
    """62,0 is the value with the creatinine converted to 0,01 mg/dL (62,03), which the
    statement accepts: full marks in both checks, not the half of the integer 62 (lecturer)."""
    space = dict(setup[0])
    exec("\n".join(f"{name} = {value}" for name, value in INTEGERS.items()), space)
    space["dfg_2009_m_a"] = 62.0
    for part in _test_cell("dfg_2009_m_a"):
        code = part.replace("checks.check_number(", "_result = checks.check_number(")
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(code, "check", "exec"), space)
        assert not isinstance(space.pop("_result"), PartialCredit)


# Each student's own cases in the evaluated session (checks.student_seed).
STUDENTS = [f"etudiant{i:02d}" for i in range(20)]


def _patient(student: str, monkeypatch) -> tuple[int, int]:
    """(age, creatinine in µmol/L) of ``student``'s M. A. at the dosage their copy asks."""
    monkeypatch.setenv(checks.STUDENT_ENV, student)
    age, creatinine, _ = _copy_creatinines(checks.student_seed("07", announce=False))
    return age, creatinine


def _answers(student: str, monkeypatch) -> dict[str, float]:
    """The right answers of ``student``'s evaluated copy, computed with the library."""
    age, creatinine = _patient(student, monkeypatch)
    mg = creatinine / 88.4
    seed = checks.student_seed("07", announce=False)
    frame = make_egfr_cohort(
        n_samples=5_000, random_state=seed, **_egfr_tasks._cohort_parameters(seed)
    ).frame
    black = frame["black"].to_numpy() == 1
    d09, d21 = frame["egfr_2009"].to_numpy(), frame["egfr_2021"].to_numpy()
    down, up = (d09 >= 60) & (d21 < 60), (d09 < 60) & (d21 >= 60)
    among = black if _share_task(seed) == 0 else black & (d09 >= 60)
    return {
        "dfg_2021_m_a": float(egfr_ckd_epi_2021(mg, age, False)),
        "dfg_2009_m_a": float(egfr_ckd_epi_2009(mg, age, False, True)),
        "dfg_eflm_m_a": float(egfr_ckd_epi_2009(mg, age, False, False)),
        "part_noirs_sous_60": float((black & down).sum() / among.sum()),
        "solde_sous_60": int(down.sum() - up.sum()),
    }


def test_module_07_the_notebook_draws_the_patient_of_the_tests(monkeypatch):
    """The evaluated draw cell shows the M. A. of the hidden tests: both dosages, and the one
    the copy asks is the one the hidden tests grade."""
    notebook = read_module(SOURCE, session="evaluation").notebook
    (draw,) = [c for c in notebook.cells if 'GRAINE = checks.student_seed("07")' in c.source]
    tasks = set()
    for student in STUDENTS[:8]:
        expected = _patient(student, monkeypatch)
        space: dict = {}
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(draw.source, "draw", "exec"), space)
        asked = space[
            "CREATININE_PREMIER_M_A"
            if space["DOSAGE_M_A"] == "premier"
            else "CREATININE_CONTROLE_M_A"
        ]
        assert (space["AGE_M_A"], asked) == expected
        assert abs(space["CREATININE_PREMIER_M_A"] - space["CREATININE_CONTROLE_M_A"]) >= 2
        tasks.add(space["DOSAGE_M_A"])
    assert tasks == {"premier", "contrôle"}


def test_module_07_each_student_has_their_own_sensible_answers(monkeypatch):
    """Answers vary across identifiers (the copy's story: 2009 with its coefficient and 2021
    on either side of 60, both at 60 or more, or both below) and the cohort has Black patients
    who cross 60 and a negative balance."""
    answers = [_answers(student, monkeypatch) for student in STUDENTS[:6]]
    for name, low, high in [
        ("dfg_2021_m_a", 46, 68),
        ("dfg_2009_m_a", 50, 80),
        ("dfg_eflm_m_a", 38, 66),
        # each copy's cohort has its own parameters since d21b: Q3's keys spread to about 0,33
        ("part_noirs_sous_60", 0.005, 0.35),
        ("solde_sous_60", -150, -1),
    ]:
        values = [a[name] for a in answers]
        assert all(low <= v < high for v in values), (name, values)
        distinct = {round(v, 1) if name.startswith("dfg") else round(v, 3) for v in values}
        assert len(distinct) >= 3, (name, values)


def _not_near_an_integer(student: str, monkeypatch) -> dict[str, float]:
    answers = _answers(student, monkeypatch)
    return answers if all(abs(answers[a] - round(answers[a])) >= 0.06 for a in INTEGERS) else {}


@pytest.mark.slow
def test_module_07_an_integer_earns_half_the_points_through_nbgrader(tmp_path, capsys, monkeypatch):
    """The evaluated release, graded by nbgrader: each of questions 1, 2 and 7 answered with
    the student's own right value rounded to an integer earns half its points."""
    student = next(s for s in STUDENTS if _not_near_an_integer(s, monkeypatch))
    answers = _answers(student, monkeypatch)
    monkeypatch.delenv(checks.STUDENT_ENV)
    name = SOURCE.stem
    root = make_course(tmp_path / "grading")
    assert cli(root, "build", "--no-validate", name) == 0
    assert cli(root, "release", name, "--evaluation") == 0
    course = Course(root, NOTEBOOKS)
    released = nbformat.read(course.release_path(name), as_version=4)
    solution = nbformat.read(course.source_path(name), as_version=4)
    copy = nbformat.reads(nbformat.writes(released), as_version=4)
    for answer in read_module(SOURCE).answers:
        answer_cell(copy, answer).source = answer_cell(solution, answer).source
    for answer in INTEGERS:
        answer_cell(copy, answer).source = f"{answer} = {round(answers[answer])}"
    submit(root, student, name, copy)
    assert cli(root, "autograde", name) == 0
    capsys.readouterr()
    grades = course.grades(name, student).grades
    module = read_module(SOURCE)
    for answer in INTEGERS:
        points = module.answers[answer]
        assert grades[f"{answer}_tests"] == (points / 2, points), answer
    for answer in set(module.answers) - set(INTEGERS):
        points = module.answers[answer]
        assert grades[f"{answer}_tests"] == (points, points), answer


def _unit_error_changes_q5(student: str, monkeypatch) -> bool:
    age, creatinine = _patient(student, monkeypatch)
    seed = checks.student_seed("07", announce=False)
    return _q5_keys(seed, creatinine, False, age) != _q5_keys(seed, creatinine / 88.4, False, age)


def test_module_07_a_unit_error_is_not_carried_through_nbgrader(tmp_path, capsys, monkeypatch):
    """Lecturer's review d19 (finding 2), graded end to end: a copy whose creatinine was never
    converted (DFGe about 0,3) and that carries this error into Q2, Q5 and Q7 gets none of
    those points; the other answers keep theirs."""
    student = next(s for s in STUDENTS if _unit_error_changes_q5(s, monkeypatch))
    age, creatinine = _patient(student, monkeypatch)
    carried = _q5_keys(checks.student_seed("07", announce=False), creatinine, False, age)
    monkeypatch.delenv(checks.STUDENT_ENV)
    name = SOURCE.stem
    root = make_course(tmp_path / "grading")
    assert cli(root, "build", "--no-validate", name) == 0
    assert cli(root, "release", name, "--evaluation") == 0
    course = Course(root, NOTEBOOKS)
    released = nbformat.read(course.release_path(name), as_version=4)
    solution = nbformat.read(course.source_path(name), as_version=4)
    copy = nbformat.reads(nbformat.writes(released), as_version=4)
    for answer in read_module(SOURCE).answers:
        answer_cell(copy, answer).source = answer_cell(solution, answer).source
    unit_error = {
        "dfg_2021_m_a": f"dfge_2021({creatinine}, AGE_M_A, False)",
        "dfg_2009_m_a": f"dfge_2009_sans_coefficient({creatinine}, AGE_M_A, False) * 1.159",
        "dfg_eflm_m_a": f"dfge_2009_sans_coefficient({creatinine}, AGE_M_A, False)",
        "decisions_m_a": repr(carried),
    }
    for answer, expression in unit_error.items():
        answer_cell(copy, answer).source = f"{answer} = {expression}"
    submit(root, student, name, copy)
    assert cli(root, "autograde", name) == 0
    capsys.readouterr()
    grades = course.grades(name, student).grades
    module = read_module(SOURCE)
    for answer in ("dfg_2021_m_a", "dfg_2009_m_a", "dfg_eflm_m_a"):
        assert grades[f"{answer}_tests"] == (0, module.answers[answer]), answer
    got, points = grades["decisions_m_a_tests"]
    assert got < points, grades["decisions_m_a_tests"]
    for answer in set(module.answers) - set(unit_error):
        points = module.answers[answer]
        assert grades[f"{answer}_tests"] == (points, points), answer


def test_module_07_a_carried_answer_is_not_called_right_in_the_feedback():
    """The feedback's reason for a carried-over answer says so, never « Réussie » alone."""
    from esn_teach.grading._feedback import _success_reason

    cell = nbformat.v4.new_code_cell()
    cell.outputs = [
        nbformat.v4.new_output(
            "stream",
            name="stdout",
            text="\u2248 Cohérent avec une réponse précédente fausse (dfg_2009_m_a) : juste "
            "avec les données de votre question 1, elle-même fausse.\n",
        )
    ]
    reason = _success_reason(cell)
    assert "elle-même fausse" in reason and not reason.startswith("Réussie"), reason


def _evaluated_hidden(answer: str) -> str:
    notebook = read_module(SOURCE, session="evaluation").notebook
    cell = next(
        c.source
        for c in notebook.cells
        if c.cell_type == "code"
        and c.metadata.get("nbgrader", {}).get("grade_id") == f"{answer}_tests"
    )
    return cell.split(HIDDEN, 1)[1].replace(
        "checks.check_number(", "_result = checks.check_number("
    )


def _full(code: str, answers: dict[str, float]) -> bool:
    """Whether the hidden test gives all its points to these answers."""
    import math

    space = {"checks": checks, "math": math, **answers}
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(code, "hidden", "exec"), space)
    except IncorrectAnswer:
        return False
    return not isinstance(space.get("_result"), PartialCredit)


@pytest.mark.slow
def test_module_07_evaluated_questions_1_2_7_are_fair_for_many_identifiers(monkeypatch):
    """For 100 identifiers (300 were measured once, 6 December 2026), with the evaluated
    hidden tests: question 1 accepts the creatinine converted and rounded to 0,01 mg/dL (as
    its statement promises); an input error of question 1 carried into questions 2 and 7
    costs question 1 only; no named mistake of question 1 earns its points (the draw keeps
    them more than two tenths from the key)."""
    q1, q2, q7 = (_evaluated_hidden(a) for a in ("dfg_2021_m_a", "dfg_2009_m_a", "dfg_eflm_m_a"))
    for i in range(100):
        age, creatinine = _patient(f"identifiant{i:03d}", monkeypatch)
        mg = creatinine / 88.4

        def f21(c, woman=False, age=age):
            return float(egfr_ckd_epi_2021(c, age, woman))

        def f09(c, woman=False, race=True, age=age):
            return float(egfr_ckd_epi_2009(c, age, woman, race))

        right = {
            "dfg_2021_m_a": f21(mg),
            "dfg_2009_m_a": f09(mg),
            "dfg_eflm_m_a": f09(mg, race=False),
        }
        assert all(_full(code, right) for code in (q1, q2, q7)), i
        # The other dosage (another version's task) never earns the points.
        other = _copy_creatinines(checks.student_seed("07", announce=False))[2] / 88.4
        assert not _full(q1, {"dfg_2021_m_a": f21(other)}), i
        assert not _full(q2, {**right, "dfg_2009_m_a": f09(other)}), i
        assert not _full(q7, {**right, "dfg_eflm_m_a": f09(other, race=False)}), i
        both = {
            "dfg_2021_m_a": f21(other),
            "dfg_2009_m_a": f09(other),
            "dfg_eflm_m_a": f09(other, race=False),
        }
        assert not _full(q2, both) and not _full(q7, both), i
        rounded = round(mg, 2)
        assert _full(q1, {"dfg_2021_m_a": f21(rounded)}), (i, age, creatinine)
        assert _full(q2, {**right, "dfg_2009_m_a": f09(rounded)}), i
        assert _full(q7, {**right, "dfg_eflm_m_a": f09(rounded, race=False)}), i
        for c, woman in [
            (creatinine, False),
            (creatinine * 88.4, False),
            (round(mg, 1), False),
            (mg, True),
        ]:
            assert not _full(q1, {"dfg_2021_m_a": f21(c, woman)}), (i, c, woman)
            carried = {
                "dfg_2021_m_a": f21(c, woman),
                "dfg_2009_m_a": f09(c, woman),
                "dfg_eflm_m_a": f09(c, woman, False),
            }
            # Plausible slips are carried over; a unit error's impossible DFGe never is.
            plausible = c in (round(mg, 1), mg)
            assert _full(q2, carried) == plausible and _full(q7, carried) == plausible, (i, c)
            made_in_q2 = {
                **right,
                "dfg_2009_m_a": f09(c, woman),
                "dfg_eflm_m_a": f09(c, woman, False),
            }
            assert not _full(q2, made_in_q2) and not _full(q7, made_in_q2), (i, c, woman)
        for wrong in (f21(mg) * 1.159, f09(mg, race=False), f09(mg)):
            assert not _full(q1, {"dfg_2021_m_a": wrong}), i


def test_module_07_evaluated_statements_are_drawn_per_copy(monkeypatch):
    """Evaluated Q4, Q5, Q8: each copy sees its own statements (Q4, Q5) or order (Q8) under
    the letters A to D; the solution gives the keys of the test-side truth
    (``_independent_keys``) and earns every point in the hidden test; the copies do not
    share one yes/no pattern; the opposite answers earn nothing."""
    notebook = read_module(SOURCE, session="evaluation").notebook
    by_id = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source for c in notebook.cells}
    (setup,) = [
        c.source for c in notebook.cells if 'GRAINE = checks.student_seed("07")' in c.source
    ]
    draws = {
        "lecture_intervalle": "_afficher_q4()",
        "decisions_m_a": "_afficher_q5()",
        "interpretation_m_a": "_affirmations_q8 = {",
    }
    for name, marker in draws.items():
        (draw,) = [
            c.source for c in notebook.cells if marker in c.source and HIDDEN not in c.source
        ]
        solution = by_id[name].split("### BEGIN SOLUTION", 1)[1].split("### END SOLUTION")[0]
        hidden = by_id[f"{name}_tests"].split(HIDDEN, 1)[1].split("### END HIDDEN TESTS")[0]
        patterns = {}
        for i in range(60):
            monkeypatch.setenv(checks.STUDENT_ENV, f"identifiant{i:03d}")
            space: dict = {"checks": checks}
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(setup, "setup", "exec"), space)
                exec(compile(draw, "draw", "exec"), space)
                exec(compile(solution, "solution", "exec"), space)
                answer = space[name]
                assert sorted(answer) == ["A", "B", "C", "D"]
                graded = {"checks": checks, name: answer}
                code = hidden.replace("checks.check_choices(", "_r = checks.check_choices(", 1)
                exec(compile(code, "hidden", "exec"), graded)
                assert not isinstance(graded["_r"], PartialCredit), (name, i)
                patterns[i] = "".join(answer[k] for k in "ABCD")
                seed = checks.student_seed("07", announce=False)
                assert answer == _independent_keys(name, seed, space), (name, i)
                other = {k: ("non" if v == "oui" else "oui") for k, v in answer.items()}
                with pytest.raises(IncorrectAnswer):
                    exec(compile(hidden, "hidden", "exec"), {"checks": checks, name: other})
        assert len(set(patterns.values())) >= 5, (name, patterns)


# Independent of the notebook's hidden tests: each statement of the banks, found by its
# words, with its truth for M. A.'s DFGe (2021, 2009 with and without its coefficient).
Q4_TRUTH = {
    "l'intervalle tient compte de ce hasard": True,
    "l'intervalle ne tient pas compte de ce hasard": False,
    "l'intervalle serait plus étroit": True,
    "l'intervalle serait plus large": False,
    "ne permettrait pas de s'en apercevoir": True,
    "le signalerait en s'élargissant": False,
    "il ne dit rien de la part": True,
    "il contient aussi, avec la même garantie": False,
}
Q5_TRUTH = {
    # Slot 1, the change of equation (stage only since d21b, lecturer d21 finding 7)
    "il serait classé en stade G3a": lambda d21, d09, bare, low: 45 <= d21 < 60,
    "2021, ce DFGe est à 60 ou plus : même": lambda d21, d09, bare, low: d21 >= 60,
    "le fait passer sous 60": lambda d21, d09, bare, low: d09 >= 60 > d21,
    "il reste du même côté": lambda d21, d09, bare, low: (d09 >= 60) == (d21 >= 60),
    # Slot 2, the 2009 DFGe with its coefficient
    "coefficient, si ce DFGe durait plus de 3 mois, il serait classé en stade G3": (
        lambda d21, d09, bare, low: d09 < 60
    ),
    "coefficient, ce DFGe est à 60 ou plus": lambda d21, d09, bare, low: d09 >= 60,
    "coefficient, ce DFGe n'atteint pas 60": lambda d21, d09, bare, low: d09 < 60,
    "coefficient, même s'il durait plus de 3 mois, ce DFGe ne": (
        lambda d21, d09, bare, low: d09 >= 60
    ),
    # Slots 3 and 4 (objective 2, since d21b, lecturer d21 finding 1): the same on every copy
    "DFGe 15,9 % plus haut": lambda d21, d09, bare, low: True,
    "DFGe 15,9 % plus bas": lambda d21, d09, bare, low: False,
    "dépendait de la race déclarée du patient": lambda d21, d09, bare, low: True,
    "dépendait d'une mesure du muscle": lambda d21, d09, bare, low: False,
    "est une construction sociale": lambda d21, d09, bare, low: True,
    "est une mesure biologique": lambda d21, d09, bare, low: False,
    "ses autres coefficients ont été réestimés": lambda d21, d09, bare, low: True,
    "ses autres coefficients n'ont pas changé": lambda d21, d09, bare, low: False,
}


def _fragment(text: str, table: dict) -> str:
    (fragment,) = [f for f in table if f in text]
    return fragment


def _dfge(seed: int) -> tuple[float, float, float, bool]:
    """The copy's DFGe (2021, 2009 with and without its coefficient), at its dosage, and
    whether its first dosage has the lower creatinine."""
    age, creatinine, _ = _copy_creatinines(seed)
    _, first, control = _egfr_tasks._cases(seed)
    mg = creatinine / 88.4
    return (
        float(egfr_ckd_epi_2021(mg, age, False)),
        float(egfr_ckd_epi_2009(mg, age, False, True)),
        float(egfr_ckd_epi_2009(mg, age, False, False)),
        first < control,
    )


def _yes(truth: bool) -> str:
    return "oui" if truth else "non"


def _independent_keys(name: str, seed: int, space: dict) -> dict[str, str]:
    """A copy's keys of evaluated Q4, Q5 or Q8, independent of the notebook's hidden test."""
    if name == "lecture_intervalle":
        shown = _question_4_statements(seed)
        return {k: _yes(Q4_TRUTH[_fragment(t, Q4_TRUTH)]) for k, t in shown.items()}
    d21, d09, bare, low = _dfge(seed)
    if name == "decisions_m_a":
        shown = _question_5_statements(seed)
        return {
            k: _yes(Q5_TRUTH[_fragment(t, Q5_TRUTH)](d21, d09, bare, low)) for k, t in shown.items()
        }
    truth = {
        "stade": False,
        "surface_210": bare * 2.10 / 1.73 < 60,
        "surface_150": bare * 1.50 / 1.73 < 60,
        "surface_173": d21 < 60,
    }
    return {k: _yes(truth[slot]) for k, slot in space["_ordre_q8"].items()}


def test_module_07_the_package_holds_no_key_of_the_evaluated_session():
    """The package installed on the hub (which the student's kernel imports) holds no key of
    questions 4, 5 and 8: no key function, no truth table, no story of M. A., and since d21b
    (the rule of CONTRIBUTING.md, as module 09 did) no draw that returns which notion and
    version a letter holds (``_question_4_draw``, ``_question_5_draw``, ``_question_5_pair``),
    nor the messages per notion: the statement functions return texts only."""
    for name in (
        "_question_4_keys",
        "_question_5_keys",
        "_question_8_keys",
        "_question_5_truths",
        "_question_4_draw",
        "_question_5_draw",
        "_question_5_pair",
        "_Q5_MESSAGES",
        "_Q5_BANK",
        "_story",
        "_STORIES",
    ):
        assert not hasattr(_egfr_tasks, name), name
    assert all(isinstance(texts, tuple) for texts in _Q4_BANK.values())
    assert all(isinstance(text, str) for texts in _Q4_BANK.values() for text in texts)
    assert all(isinstance(text, str) for texts in _Q5_RESERVES for text in texts)
    for seed in range(50):
        for draw in (_question_4_statements(seed), _question_5_statements(seed)):
            assert sorted(draw) == ["A", "B", "C", "D"], draw
            assert all(isinstance(text, str) and len(text) > 40 for text in draw.values()), draw
    # Lecturer's review d18: its comments said which statement of the « sans_coef » pair is
    # right (2021 above 2009 without its coefficient); that is in the teacher's notes now.
    source = Path(_egfr_tasks.__file__).read_text(encoding="utf-8")
    for said in ("always exceeds", "below 2021", "without <= new"):
        assert said not in source, said


def test_module_07_question_5_reserves_have_no_position_always_right():
    """Lecturer's review d21 (the module 09 fix): each reserve of Q5 is shuffled, so that no
    position of the package's tuples is right on every copy; the two slots on the coefficient
    have two right and two wrong texts each, in different orders."""
    fixed = [
        [Q5_TRUTH[_fragment(t, Q5_TRUTH)](0, 0, 0, False) for t in r] for r in _Q5_RESERVES[2:]
    ]
    assert all(sorted(truths) == [False, False, True, True] for truths in fixed), fixed
    for position in range(4):
        assert {truths[position] for truths in fixed} == {False, True}, position
    for texts in _Q4_BANK.values():
        assert [Q4_TRUTH[_fragment(t, Q4_TRUTH)] for t in texts] in ([True, False], [False, True])
    assert {Q4_TRUTH[_fragment(texts[0], Q4_TRUTH)] for texts in _Q4_BANK.values()} == {
        False,
        True,
    }


def test_module_07_the_draws_do_not_read_the_copys_data(monkeypatch):
    """A draw that forced the number of right statements would read the truths: these
    draws run with M. A.'s functions and the equations broken."""
    expected = {
        seed: (_question_4_statements(seed), _question_5_statements(seed)) for seed in range(20)
    }

    def broken(*args, **kwargs):
        raise AssertionError("the draw reads the copy's data")

    for name in ("_cases", "_copy_creatinines", "egfr_ckd_epi_2009", "egfr_ckd_epi_2021"):
        monkeypatch.setattr(_egfr_tasks, name, broken)
    for seed, (q4, q5) in expected.items():
        assert _question_4_statements(seed) == q4 and _question_5_statements(seed) == q5


def test_module_07_question_4_false_statements_carry_no_cue():
    """Lecturer's review d21, finding 8: the two statements of a Q4 notion have about the
    same length (within a third) and no absolute word (« forcément », « toujours »)."""
    for notion, texts in _Q4_BANK.items():
        short, long = sorted(len(t) for t in texts)
        assert short >= 0.75 * long, (notion, texts)
        for text in texts:
            assert "forcément" not in text and "toujours" not in text, text


def test_module_07_question_4_bank_has_both_keys_for_every_notion(monkeypatch):
    """Q4 (test-side truth): each notion has one right and one wrong statement; the number of
    right statements varies from copy to copy (0 to 4, as the statement says), and both
    versions of each notion are drawn."""
    for texts in _Q4_BANK.values():
        assert sorted(Q4_TRUTH[_fragment(t, Q4_TRUTH)] for t in texts) == [False, True]
    counts, shown = set(), set()
    for i in range(120):
        monkeypatch.setenv(checks.STUDENT_ENV, f"identifiant{i:03d}")
        statements = _question_4_statements(checks.student_seed("07", announce=False))
        counts.add(sum(Q4_TRUTH[_fragment(t, Q4_TRUTH)] for t in statements.values()))
        shown.update(statements.values())
    assert counts == {0, 1, 2, 3, 4}
    assert shown == {t for texts in _Q4_BANK.values() for t in texts}
    source = SOURCE.read_text(encoding="utf-8")
    assert "**De 0 à 4 sont justes selon la copie** : jugez chacune pour elle-même" in source


@pytest.mark.slow
def test_module_07_question_3_is_graded_at_three_decimals(monkeypatch):
    """Lecturer's review d19 (finding 3): Q3 evaluated is graded at three decimals, like the
    formative version (d18 had four, which half-penalised a sensible 0,027 whose 95 % interval
    spans two points). Each copy's own key at three decimals earns full marks, at two decimals
    half; a neighbour's share stays rarely accepted (per-copy cohorts and two groups of
    departure): in under a fifth of pairs of copies. The draw cell gives the group in words
    only, and the statement no longer invites a percentage."""
    code = _evaluated_hidden("part_noirs_sous_60")
    students = [f"identifiant{i:03d}" for i in range(40)]
    keys = {s: _answers(s, monkeypatch)["part_noirs_sous_60"] for s in students}
    for s in students[:10]:
        monkeypatch.setenv(checks.STUDENT_ENV, s)
        assert _full(code, {"part_noirs_sous_60": round(keys[s], 3)}), s
    pairs = [(a, b) for a in students for b in students if a != b]
    close = [(a, b) for a, b in pairs if abs(round(keys[a], 3) - round(keys[b], 3)) <= 0.0011]
    accepted = 0
    for a, b in close:
        monkeypatch.setenv(checks.STUDENT_ENV, a)
        accepted += _full(code, {"part_noirs_sous_60": keys[b]})
    assert accepted / len(pairs) < 0.2, accepted
    notebook = read_module(SOURCE, session="evaluation").notebook
    (draw,) = [c.source for c in notebook.cells if "TACHE_Q3 = _tache_q3()" in c.source]
    assert "dénominateur" not in draw.lower()
    statement = next(c.source for c in notebook.cells if "### Question 3" in c.source)
    assert "pourcentage à deux" not in statement and "quatre" not in statement


def _q5_keys(seed: int, creatinine_mg: float, woman: bool, age: int) -> dict[str, str]:
    """Evaluated Q5's keys of a copy whose M. A. has these inputs (independent of the notebook)."""
    d21 = float(egfr_ckd_epi_2021(creatinine_mg, age, woman))
    d09 = float(egfr_ckd_epi_2009(creatinine_mg, age, woman, True))
    bare = float(egfr_ckd_epi_2009(creatinine_mg, age, woman, False))
    low = False  # unused since d21b (the pair on the two dosages is gone)
    shown = _question_5_statements(seed)
    return {
        k: _yes(Q5_TRUTH[_fragment(t, Q5_TRUTH)](d21, d09, bare, low)) for k, t in shown.items()
    }


@pytest.mark.slow
def test_module_07_question_5_is_graded_with_question_1s_inputs(monkeypatch):
    """Lecturer's review d18: Q5 carries an input error of question 1 forward, as Q2 and Q7
    do. A copy whose Q1 shows a named input error (femme=True, creatinine not converted,
    converted the wrong way or rounded to 0,1 mg/dL) and that places the DFGe this error
    gives gets Q5's points; the same answers without that Q1 do not (when the keys differ);
    the right answers keep their points whatever Q1 says."""
    code = _evaluated_hidden("decisions_m_a").replace(
        "checks.check_choices(", "_result = checks.check_choices("
    )
    differing = 0
    for i in range(60):
        age, creatinine = _patient(f"identifiant{i:03d}", monkeypatch)
        seed = checks.student_seed("07", announce=False)
        mg = creatinine / 88.4
        right = _q5_keys(seed, mg, False, age)
        assert _full(code, {"decisions_m_a": right}), i
        for c, woman in [(creatinine, False), (creatinine * 88.4, False)]:
            # An impossible DFGe (unit error) is not carried over (lecturer d19, finding 2).
            q1 = float(egfr_ckd_epi_2021(c, age, woman))
            carried = _q5_keys(seed, c, woman, age)
            assert _full(code, {"dfg_2021_m_a": q1, "decisions_m_a": right}), (i, c)
            if carried != right:
                assert not _full(code, {"dfg_2021_m_a": q1, "decisions_m_a": carried}), (i, c)
        for c, woman in [(round(mg, 1), False), (mg, True)]:
            q1 = float(egfr_ckd_epi_2021(c, age, woman))
            carried = _q5_keys(seed, c, woman, age)
            assert _full(code, {"dfg_2021_m_a": q1, "decisions_m_a": carried}), (i, c, woman)
            assert _full(code, {"dfg_2021_m_a": q1, "decisions_m_a": right}), (i, c, woman)
            if carried != right:
                differing += 1
                assert not _full(code, {"decisions_m_a": carried}), (i, c, woman)
                assert not _full(
                    code, {"dfg_2021_m_a": _right_q1(mg, age), "decisions_m_a": carried}
                )
    assert differing >= 10, differing


def _right_q1(mg: float, age: int) -> float:
    return float(egfr_ckd_epi_2021(mg, age, False))


def test_module_07_questions_2_and_7_are_graded_without_question_1(monkeypatch):
    """When question 1's cell stopped on an error, the evaluated hidden tests of questions 2
    and 7 still grade them (they skip the cross-check instead of failing on the name)."""
    monkeypatch.setenv(checks.STUDENT_ENV, "identifiant000")
    right = _answers("identifiant000", monkeypatch)
    for name in ("dfg_2009_m_a", "dfg_eflm_m_a"):
        assert _full(_evaluated_hidden(name), {name: right[name]}), name


def _admissible_patients(story: int) -> list[tuple[int, int]]:
    """Every (age, creatinine in µmol/L) the evaluated draw can give M. A. in ``story``."""
    return [(age, int(c)) for age in range(40, 76) for c in _admissible(age, story)]


def test_module_07_question_5_statements_are_true_or_false_for_every_patient():
    """Evaluated Q5 draws its statements from a bank: each statement's truth holds for every
    M. A. of its story, computed with the exact conversion and with the one rounded to
    0,01 mg/dL (each value also rounded to 0,1, as a student reads it). In story 0 the change
    of equation takes M. A. below 60; in story 1 he stays at 60 or more; in story 2 he is below
    60 (stage G3a) with both equations."""
    for story in (0, 1, 2):
        patients = _admissible_patients(story)
        assert len(patients) > 150, (story, len(patients))
        for age, creatinine in patients:
            for mg in (creatinine / 88.4, round(creatinine / 88.4, 2)):
                new = float(egfr_ckd_epi_2021(mg, age, False))
                old = float(egfr_ckd_epi_2009(mg, age, False, True))
                bare = float(egfr_ckd_epi_2009(mg, age, False, False))
                for d21, d09, d09_bare in [
                    (new, old, bare),
                    (round(new, 1), round(old, 1), round(bare, 1)),
                ]:
                    truth = {
                        "2021 G3a": 45 <= d21 < 60,
                        "2021 à 60 ou plus, dose non réduite": d21 >= 60,
                        "passe sous 60": d09 >= 60 > d21,
                        "même côté de 60": (d09 >= 60) == (d21 >= 60),
                        "2009 dose réduite": d09 < 60,
                        "2009 à 60 ou plus, pas G3a": d09 >= 60,
                        "2021 contre-indiquée": d21 < 30,
                        "2021 pas contre-indiquée": d21 >= 30,
                        "greffe : temps compté": d21 <= 20,
                        "greffe : pas encore": d21 > 20,
                        "2009 sans coefficient égal": d09_bare == d21,
                        "2009 sans coefficient plus bas": d09_bare < d21,
                        # Q8's items, deindexed (2.10 and 1.50 m²) or not
                        "Q8 2,10 m² dose réduite": d09_bare * 2.10 / 1.73 < 60,
                        "Q8 1,50 m² dose réduite": 30 < d09_bare * 1.50 / 1.73 < 60,
                        "Q8 2021 dose réduite": d21 < 60,
                    }
                    crosses, below = story == 0, story == 2
                    expected = {
                        "2021 G3a": crosses or below,
                        "2021 à 60 ou plus, dose non réduite": story == 1,
                        "passe sous 60": crosses,
                        "même côté de 60": not crosses,
                        "2009 dose réduite": below,
                        "2009 à 60 ou plus, pas G3a": not below,
                        "2021 contre-indiquée": False,
                        "2021 pas contre-indiquée": True,
                        "greffe : temps compté": False,
                        "greffe : pas encore": True,
                        "2009 sans coefficient égal": False,
                        "2009 sans coefficient plus bas": True,
                        "Q8 2,10 m² dose réduite": below and truth["Q8 2,10 m² dose réduite"],
                        "Q8 1,50 m² dose réduite": True,
                        "Q8 2021 dose réduite": crosses or below,
                    }
                    assert truth == expected, (story, age, creatinine, mg)


def test_module_07_question_5_keys_follow_each_copys_data(monkeypatch):
    """Q5 (test-side truth, from each copy's DFGe): every text of the reserves is right or
    wrong for every M. A. the draw admits; a copy shows one text of each reserve (the change
    of equation, the 2009 DFGe, what the coefficient did, why it was removed); the statements
    on the change of equation follow the copy's story (every story occurs); the number of
    right statements varies from 0 to 4, as the statement says."""
    fragments = {_fragment(t, Q5_TRUTH) for r in _Q5_RESERVES for t in r}
    assert len(fragments) == sum(len(r) for r in _Q5_RESERVES)
    stories, counts = set(), set()
    for i in range(300):
        monkeypatch.setenv(checks.STUDENT_ENV, f"identifiant{i:03d}")
        seed = checks.student_seed("07", announce=False)
        d21, d09, bare, low = _dfge(seed)
        stories.add((d09 >= 60, d21 >= 60))
        shown = _question_5_statements(seed)
        assert sorted(
            next(k for k, r in enumerate(_Q5_RESERVES) if t in r) for t in shown.values()
        ) == [0, 1, 2, 3], shown
        counts.add(
            sum(Q5_TRUTH[_fragment(t, Q5_TRUTH)](d21, d09, bare, low) for t in shown.values())
        )
    assert stories == {(True, False), (True, True), (False, False)}
    assert counts == {0, 1, 2, 3, 4}, counts


def test_module_07_question_5_copies_get_different_statements(monkeypatch):
    """Evaluated Q5: the statements themselves vary between copies (not only their order);
    each copy gets one statement of each reserve: the change of equation, the 2009 DFGe, what
    the coefficient did and why it was removed (no pair of contradictory statements since
    d21b)."""
    notebook = read_module(SOURCE, session="evaluation").notebook
    (setup,) = [
        c.source for c in notebook.cells if 'GRAINE = checks.student_seed("07")' in c.source
    ]
    (draw,) = [c.source for c in notebook.cells if "_afficher_q5()" in c.source]
    sets = set()
    for i in range(60):
        monkeypatch.setenv(checks.STUDENT_ENV, f"identifiant{i:03d}")
        space: dict = {"checks": checks}
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(setup, "setup", "exec"), space)
            exec(compile(draw, "draw", "exec"), space)
        shown = " ".join(out.getvalue().split("lettre.", 1)[1].split())
        assert all(f"{letter} : " in shown for letter in "ABCD"), shown
        story = ("classé en stade G3a" in shown and "avec l'équation 2021, si" in shown) or (
            "60 ou plus : même" in shown or "seul passage" in shown or "même côté" in shown
        )
        assert story, shown
        assert "contraire" not in shown and "premier dosage" not in shown, shown
        assert "coefficient de 2009" in shown or "15,9 %" in shown, shown
        assert "2021 n'est pas" in shown or "2021 est l'" in shown or "catégorie raciale" in shown
        sets.add(shown)
    assert len(sets) >= 30, len(sets)


def test_module_07_question_5_keys_differ_between_copies_for_the_same_text(monkeypatch):
    """Lecturer's review d17: a key learnt from a neighbour's sheet (or by heart) must not
    answer evaluated Q5. Every text of the story notions and of « seuil60_2009 » that the draw
    shows is right in some copies and wrong in others (M. A.'s 2009 DFGe is under 60 in story
    2). The two slots on the coefficient (since d21b) have fixed keys, two right and two wrong
    texts per reserve (test_module_07_question_5_reserves_have_no_position_always_right)."""
    keys: dict[str, set[bool]] = {}
    for i in range(200):
        monkeypatch.setenv(checks.STUDENT_ENV, f"identifiant{i:03d}")
        seed = checks.student_seed("07", announce=False)
        d21, d09, bare, low = _dfge(seed)
        for text in _question_5_statements(seed).values():
            keys.setdefault(text, set()).add(
                Q5_TRUTH[_fragment(text, Q5_TRUTH)](d21, d09, bare, low)
            )
    for reserve in _Q5_RESERVES[:2]:
        for text in reserve:
            assert keys[text] == {False, True}, (text, keys.get(text))


def test_module_07_evaluated_question_4_is_not_the_formative_wording():
    """Lecturer's review d17: the evaluated Q4 statements say each notion in other words than
    the formative items, so that the formative key learnt by heart does not answer them (no
    run of 25 characters in common with a formative item)."""
    notebook = read_module(SOURCE, session="formative").notebook
    (cell,) = [
        c.source
        for c in notebook.cells
        if c.metadata.get("nbgrader", {}).get("grade_id") == "lecture_intervalle"
    ]
    formative = re.findall(r'^    "(.+)": \.\.\.,$', cell, flags=re.MULTILINE)
    assert len(formative) == 4, cell
    for texts in _Q4_BANK.values():
        for text in texts:
            for item in formative:
                common = SequenceMatcher(None, text, item).find_longest_match()
                assert common.size < 25, (text, item, text[common.a : common.a + common.size])


def test_module_07_a_neighbours_question_5_scores_about_chance(monkeypatch):
    """Lecturer's review d21, finding 1: with the pair on the two dosages gone, a neighbour's
    Q5 answers (letter by letter) are right on about half of the items only, over 300
    identifiers, and a constant answer (all « oui » or all « non ») too."""
    keys = []
    for i in range(300):
        monkeypatch.setenv(checks.STUDENT_ENV, f"identifiant{i:03d}")
        seed = checks.student_seed("07", announce=False)
        d21, d09, bare, low = _dfge(seed)
        shown = _question_5_statements(seed)
        keys.append(
            {k: Q5_TRUTH[_fragment(t, Q5_TRUTH)](d21, d09, bare, low) for k, t in shown.items()}
        )
    copied = sum(a[k] == b[k] for a, b in itertools.pairwise(keys) for k in "ABCD") / (4 * 299)
    assert 0.35 <= copied <= 0.65, copied
    share_true = sum(sum(k.values()) for k in keys) / (4 * 300)
    assert 0.35 <= share_true <= 0.65, share_true


def test_module_07_evaluated_copy_shows_the_students_own_dfge_and_the_plausibility_warning():
    """Review d20 (student 1, lecturer 7): the evaluated release replaces every check cell by
    ``check_form``, so Q1, Q2 and Q7 have a plain cell before their check that shows the
    student's own value and, outside 2-200, the plausibility warning; it says nothing of
    whether the value is right."""
    import math

    notebook = read_module(SOURCE, session="evaluation").notebook
    for question, name in (("1", "dfg_2021_m_a"), ("2", "dfg_2009_m_a"), ("7", "dfg_eflm_m_a")):
        (cell,) = [
            c
            for c in notebook.cells
            if c.cell_type == "code" and f"Votre valeur de la question {question}," in c.source
        ]
        assert not cell.metadata.get("nbgrader", {}).get("grade"), question  # kept in release
        for value, warned in ((0.3, True), (56.8, False), (4300.0, True), (..., False)):
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                exec(compile(cell.source, "own", "exec"), {"math": math, name: value})
            text = out.getvalue()
            assert ("⚠" in text) == warned, (question, value, text)
            assert "juste" not in text and "correct" not in text.lower(), text
            if isinstance(value, float):
                assert f"{value:.1f}".replace(".", ",") in text, text


def test_module_07_question_6_names_the_one_movement_slip(monkeypatch):
    """Review d20, lecturer 3: counting only the patients who cross below 60 (or only those
    who go back up) gets « un seul mouvement », never « vous n'avez compté que les patients
    noirs », on every copy; any other wrong answer gets the two-movement hint."""
    hidden = _evaluated_hidden("solde_sous_60")
    for i in range(0, 40, 4):
        monkeypatch.setenv(checks.STUDENT_ENV, f"identifiant{i:03d}")
        seed = checks.student_seed("07", announce=False)
        frame = make_egfr_cohort(
            n_samples=5_000, random_state=seed, **_egfr_tasks._cohort_parameters(seed)
        ).frame
        d09, d21 = frame["egfr_2009"].to_numpy(), frame["egfr_2021"].to_numpy()
        down, up = int(((d09 >= 60) & (d21 < 60)).sum()), int(((d09 < 60) & (d21 >= 60)).sum())
        for answer, expected in (
            (down, "un seul mouvement"),
            (-down, "un seul mouvement"),
            (-up, "un seul mouvement"),
            (up, "un seul mouvement"),
            (down - up + 7, "deux mouvements"),
        ):
            space = {"checks": checks, "solde_sous_60": answer}
            with pytest.raises(IncorrectAnswer) as error, contextlib.redirect_stdout(io.StringIO()):
                exec(compile(hidden, "hidden", "exec"), space)
            assert expected in str(error.value), (i, answer, str(error.value))
            assert "que les patients noirs" not in str(error.value)


@pytest.mark.slow
def test_module_07_question_3_keys_spread_between_copies(monkeypatch):
    """Lecturer's review d21, finding 3: with one generator for every copy, Q3's keys spanned
    0,016 to 0,041, and the constant 0,024 got full marks on 21,5 % of copies. Each copy now
    draws its cohort's parameters: over 500 identifiers the keys span at least 0,1, and no
    constant answer at three decimals gets full marks (within one unit of the last decimal)
    on more than 5 % of copies."""
    keys = []
    for i in range(500):
        monkeypatch.setenv(checks.STUDENT_ENV, f"etudiant{i:04d}")
        seed = checks.student_seed("07", announce=False)
        frame = make_egfr_cohort(
            n_samples=5_000, random_state=seed, **_egfr_tasks._cohort_parameters(seed)
        ).frame
        black = frame["black"].to_numpy() == 1
        d09, d21 = frame["egfr_2009"].to_numpy(), frame["egfr_2021"].to_numpy()
        among = black if _share_task(seed) == 0 else black & (d09 >= 60)
        keys.append(round(float((black & (d09 >= 60) & (d21 < 60)).sum() / among.sum()), 3))
    assert max(keys) - min(keys) >= 0.1, (min(keys), max(keys))
    thousandths = [round(k * 1000) for k in keys]
    best = max(sum(abs(k - c) <= 1 for k in thousandths) for c in range(0, 301))
    assert best <= 0.05 * len(keys), best


def test_module_07_question_3_hidden_test_prints_the_markers_line(monkeypatch):
    """Lecturer's review d21, finding 9: the reflection's criterion 2b needs the copy's own
    figures; Q3's hidden test prints them (« Pour le correcteur »: both DFGe of M. A., Q3's
    k sur n and Q6's balance), with decimal commas, whatever the answer."""
    monkeypatch.setenv(checks.STUDENT_ENV, "identifiant007")
    right = _answers("identifiant007", monkeypatch)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.suppress(IncorrectAnswer):
        exec(
            compile(_evaluated_hidden("part_noirs_sous_60"), "hidden", "exec"),
            {"checks": checks, "part_noirs_sous_60": 0.5},
        )
    line = next(x for x in out.getvalue().splitlines() if x.startswith("Pour le correcteur"))
    for name in ("dfg_2021_m_a", "dfg_2009_m_a"):
        assert f"{right[name]:.1f}".replace(".", ",") in line, (name, line)
    assert f"{right['part_noirs_sous_60']:.3f}".replace(".", ",") in line, line
    assert f"(solde) : {right['solde_sous_60']}." in line, line
