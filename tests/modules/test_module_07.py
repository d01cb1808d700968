"""Module 07's questions 2 and 7 are graded with the student's own inputs of question 1.

An input error of question 1 (creatinine not converted, converted the wrong way or rounded
to 0,1 mg/dL; femme=True) costs question 1 only: question 2, right with the same inputs, gets
its points. The visible check (digests) and the hidden test (recomputed with the library's
equations) must say the same thing for every pair of answers. Both parts of the test cell are
run here, after the module's setup cell, without a kernel.
"""

from __future__ import annotations

import contextlib
import io

import pytest
from esn_fixtures import NOTEBOOKS

from esn_teach.checks import IncorrectAnswer
from esn_teach.course import read_module

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


def _q1(inputs: tuple[str, str]) -> str:
    return f"dfge_2021({inputs[0]}, AGE_M_A, {inputs[1]})"


def _q2(inputs: tuple[str, str], coefficient: str = " * 1.159") -> str:
    return f"dfge_2009_sans_coefficient({inputs[0]}, AGE_M_A, {inputs[1]}){coefficient}"


CASES = [
    # (question 1, question 2, question 2 gets its points, message fragment)
    (Q1_RIGHT, Q2_RIGHT, True, ""),
    *[(_q1(i), _q2(i), True, "pas comptée deux fois") for i in INPUTS.values()],
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
        exec(compile(code[0].source, "setup", "exec"), space)
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
    graded, _ = _run(space, hidden)
    assert seen == graded == gets_points, (q1, q2, said)
    assert message in said, said


Q7_RIGHT = f"dfge_2009_sans_coefficient({C}, AGE_M_A, False)"


def _q7(inputs: tuple[str, str], coefficient: str = "") -> str:
    return f"dfge_2009_sans_coefficient({inputs[0]}, AGE_M_A, {inputs[1]}){coefficient}"


CASES_Q7 = [
    # (question 1, question 7, question 7 gets its points, message fragment): same policy
    (Q1_RIGHT, Q7_RIGHT, True, ""),
    *[(_q1(i), _q7(i), True, "pas comptée deux fois") for i in INPUTS.values()],
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
    graded, _ = _run(space, hidden)
    assert seen == graded == gets_points, (q1, q7, said)
    assert message in said, said
