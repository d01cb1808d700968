"""Module 10's evaluated session: each student judges their own cases.

The hidden tests of the evaluated version rebuild the student's draw (option order of
questions 1 to 7, letters of question 8's rules, question 9's project) from their identifier.
These tests run those hidden tests alone, for a few identifiers, and check that each has
exactly one right answer among its options and that the right answers vary between students.
"""

from __future__ import annotations

import ast
import collections
import contextlib
import inspect
import io
import re

import numpy as np
import pytest
from esn_fixtures import NOTEBOOKS

from esn_teach import checks, law
from esn_teach.course import read_module
from esn_teach.law import _tasks10

SOURCE = NOTEBOOKS / "10_monetiser_partager_reutiliser.py"
STUDENTS = tuple(f"etudiant{numero:02d}" for numero in range(1, 11))


def graded_cells() -> dict[str, tuple[str, list[str]]]:
    """Each evaluated test cell: its source and the options its visible check accepts."""
    notebook = read_module(SOURCE, session="evaluation").notebook
    cells = {}
    for cell in notebook.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or not meta.get("grade"):
            continue
        if "### BEGIN HIDDEN TESTS" not in cell.source:
            continue
        form = next(
            {keyword.arg: ast.literal_eval(keyword.value) for keyword in node.keywords}
            for node in ast.walk(ast.parse(cell.source))
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "check_form"
        )
        cells[form["name"]] = (cell.source, form["options"])
    return cells


def _passes(source: str, name: str, answer: str) -> bool:
    namespace = {"checks": checks, "law": law, "np": np, name: answer}
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(source, f"<hidden test {name}>", "exec"), namespace)
    except checks.CheckFailed:
        return False
    return True


def right_answers(student: str, monkeypatch) -> dict[str, str]:
    """The one option each evaluated hidden test accepts for ``student``."""
    monkeypatch.setenv(checks.STUDENT_ENV, student)
    monkeypatch.setenv("ESN_TEACH_PROGRESS", "off")
    answers = {}
    for name, (source, options) in graded_cells().items():
        right = [option for option in options if _passes(source, name, option)]
        assert len(right) == 1, f"{student}, {name}: options acceptées {right}"
        answers[name] = right[0]
    return answers


def test_module_10_has_twelve_evaluated_questions():
    assert sorted(graded_cells()) == sorted(
        [
            "intrus",
            "fondement_soins",
            "exception_recherche",
            "hebergeur_kine",
            "reponse_pharmacie",
            "acces_assureur",
            "statut_startup",
            "principe_cegedim",
            "principe_dedalus",
            "principe_doctissimo",
            "principe_medecin",
            "verdict_prothese",
        ]
    )


@pytest.mark.parametrize("student", STUDENTS[:2])
def test_module_10_each_copy_has_one_right_answer_per_question(student, monkeypatch):
    answers = right_answers(student, monkeypatch)
    # Question 8: four decisions, four rules among six: the letters of the right rules
    # (formalité, sécurité, consentement, sécurité) follow the drawn order.
    assert answers["principe_dedalus"] == answers["principe_medecin"]
    assert (
        len(
            {
                answers["principe_cegedim"],
                answers["principe_dedalus"],
                answers["principe_doctissimo"],
            }
        )
        == 3
    )
    assert answers["verdict_prothese"] in {"licite", "sous condition", "illicite"}


def test_module_10_right_answers_vary_between_students(monkeypatch):
    seen: dict[str, set[str]] = {}
    for student in STUDENTS:
        for name, answer in right_answers(student, monkeypatch).items():
            seen.setdefault(name, set()).add(answer)
    for name, answers in seen.items():
        assert len(answers) >= 2, f"{name} : même réponse pour {len(STUDENTS)} étudiants"


def test_module_10_question_9_draws_every_verdict(monkeypatch):
    """Q9's three projects have three different verdicts, and the draw reaches each one."""
    verdicts = {right_answers(student, monkeypatch)["verdict_prothese"] for student in STUDENTS}
    assert verdicts == {"licite", "sous condition", "illicite"}


IN_CLASS = (
    "intrus",
    "fondement_soins",
    "exception_recherche",
    "hebergeur_kine",
    "reponse_pharmacie",
)
#: Review d18: questions 6 and 7 draw two tasks too (they were the formative statement with
#: the options in another order, so the formative answer's text got the point).
VARIED = (*IN_CLASS, "acces_assureur", "statut_startup")
OTHER_VERSION = "cette réponse correspond à une autre consigne que la vôtre"
#: Questions whose two tasks each have their own options (review 10_lecturer_d16, finding 1).
OWN_OPTIONS = ("intrus", "reponse_pharmacie")


def _message(source: str, name: str, answer: str) -> str:
    """What the hidden test says to ``answer`` (empty when it passes)."""
    namespace = {"checks": checks, "law": law, "np": np, name: answer}
    output = io.StringIO()
    try:
        with contextlib.redirect_stdout(output):
            exec(compile(source, f"<hidden test {name}>", "exec"), namespace)
    except checks.CheckFailed as error:
        return f"{output.getvalue()}\n{error}"
    return ""


def test_module_10_questions_1_to_7_vary_the_task(monkeypatch):
    """Each of questions 1 to 7 has two tasks (different keys); the draw reaches both. Where the
    two tasks share their options (Q2 to Q4, Q6, Q7), the other task's key gets « une autre
    consigne que la vôtre »; Q1 and Q5 give each task its own options, so no such message."""
    monkeypatch.setenv("ESN_TEACH_PROGRESS", "off")
    cells = graded_cells()
    seen: dict[str, set[str]] = {name: set() for name in VARIED}
    for student in STUDENTS:
        monkeypatch.setenv(checks.STUDENT_ENV, student)
        for name in VARIED:
            source, options = cells[name]
            messages = {option: _message(source, name, option) for option in options}
            assert sum(not message for message in messages.values()) == 1, (student, name)
            other = [m for m in messages.values() if OTHER_VERSION in m]
            wrong = [m for m in messages.values() if m]
            if name in OWN_OPTIONS:
                assert not other, (student, name, messages)
                # The messages name this copy's task: two tasks, two sets of messages.
                seen[name].add("|".join(sorted(wrong)))
            else:
                assert len(other) == 1, (student, name, messages)
                # The sentence after the prefix names this copy's task: two tasks, two sentences.
                seen[name].add(other[0].split(OTHER_VERSION, 1)[1][:160])
            # Every wrong option gets a message of its own, not the generic refusal.
            assert len(set(wrong)) == len(wrong), (student, name)
    for name, tasks in seen.items():
        assert len(tasks) == 2, (
            f"{name} : {len(tasks)} tâche(s) tirée(s) pour {len(STUDENTS)} étudiants"
        )


#: Question number of each drawn question's answer (the solution calls ``_letter(GRAINE, n, …)``).
DRAWN = dict(zip(VARIED, range(1, 8), strict=True))


def _solution_ids() -> dict[str, tuple[str, str]]:
    """Each drawn question's right option id in task 0 and task 1, read from its solution."""
    notebook = read_module(SOURCE, session="evaluation").notebook
    found = {}
    for cell in notebook.cells:
        name = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if name in DRAWN and "### BEGIN SOLUTION" in cell.source:
            (ids,) = re.findall(r"_letter\(GRAINE, \d, \(\"(\w)\", \"(\w)\"\)\)", cell.source)
            found[name] = ids
    assert sorted(found) == sorted(DRAWN)
    return found


def test_module_10_package_order_does_not_point_to_the_right_option():
    """Review d18: ``_tasks10.py`` (readable in the installed package) lists each task's option
    ids; the right one was first in 5 of the 10 tasks of questions 1 to 5, so « take the first
    listed option » beat chance. The right option's place in each listing must not follow a
    pattern: no place holds more than 4 of the 14 tasks' right options, the first at most 1."""
    positions = []
    for name, ids in _solution_ids().items():
        _statements, texts, items = _tasks10._QUESTIONS[DRAWN[name]]
        for task in (0, 1):
            positions.append(items[task].index(ids[task]))
            listed = [item for item in texts if item in items[task]]
            positions.append(listed.index(ids[task]))
    counts = collections.Counter(positions)
    assert counts[0] <= 2, counts  # two listings (ids string, dictionary) per task
    assert max(counts.values()) <= 8, counts


def test_module_10_package_comments_say_nothing_of_the_grading():
    """The package's comments and docstrings describe the draw, never which option is right."""
    source = inspect.getsource(_tasks10)
    strings = [
        node.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value[:1] != "Q"
        and "\n" in node.value
    ]
    comments = [
        line.split("#", 1)[1] for line in source.splitlines() if line.lstrip().startswith("#")
    ]
    prose = " ".join(strings + comments)
    for word in ("verdict", "key", "wrong option", "right option", "licite"):
        assert word not in prose, word


def test_module_10_display_cells_run_after_a_kernel_restart(monkeypatch):
    """Review 10_lecturer_d18, finding 8: the display cells of questions 2 to 9 used
    ``_afficher``, ``GRAINE`` and ``np`` from question 1's cell, so after a kernel restart a
    student got a ``NameError``. Each evaluated display cell must run in a fresh namespace."""
    monkeypatch.setenv(checks.STUDENT_ENV, STUDENTS[0])
    monkeypatch.setenv("ESN_TEACH_PROGRESS", "off")
    notebook = read_module(SOURCE, session="evaluation").notebook
    cells = [
        cell.source
        for cell in notebook.cells
        if cell.cell_type == "code"
        and cell.source.startswith("# Inutile de lire ce code")
        and not cell.metadata.get("nbgrader", {}).get("grade_id")
    ]
    assert len(cells) >= 9, len(cells)
    for source in cells:
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(source, "<display cell>", "exec"), {})


def test_module_10_statements_show_as_markdown():
    """Review 10_lecturer_d18, finding 9: the tasks are shown as Markdown (bold negation in
    question 1, one bullet per option), and the plain text keeps no emphasis marks."""
    for seed in (1, 2):
        markdown = _tasks10._statement(seed, 1, markdown=True)
        assert "**ne l'est pas**" in markdown
        assert markdown.count("\n- **") == 4
        assert "**" not in _tasks10._statement(seed, 1)


def _output(source: str, name: str, answer: str) -> str:
    namespace = {"checks": checks, "law": law, "np": np, name: answer}
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(source, f"<hidden test {name}>", "exec"), namespace)
    return output.getvalue()


def test_module_10_right_answers_are_explained(monkeypatch):
    """Review 10_lecturer_d18, finding 6: the evaluated hidden tests of questions 1 to 8 said only
    « Correct », so a lucky guess learnt nothing. Every right answer, in each task, gets a
    message that says why (as question 9's did), and the two tasks get different messages."""
    cells = graded_cells()
    seen: dict[str, set[str]] = {name: set() for name in cells}
    for student in STUDENTS[:6]:
        for name, answer in right_answers(student, monkeypatch).items():
            text = _output(cells[name][0], name, answer)
            assert "c'est la bonne" in text or "au regard" in text, (student, name, text)
            seen[name].add(text.split(":", 1)[1])
    for name in VARIED:
        assert len(seen[name]) == 2, (name, seen[name])
