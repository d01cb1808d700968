"""Questions are numbered in the order students meet them (the progress table lists them so)."""

from __future__ import annotations

import copy
import re

import nbformat
import pytest
from esn_fixtures import MODULE_PATHS

from esn_teach.course import read_module
from esn_teach.course._outline import question_titles

NUMBER = re.compile(r"^Question (\d+)([a-z]?)\b")


@pytest.mark.parametrize("path", MODULE_PATHS, ids=lambda p: p.stem)
def test_question_numbers_follow_the_module(path):
    titles = list(question_titles(read_module(path).notebook).values())
    numbers = []
    for title in titles:
        found = NUMBER.match(title)
        assert found, f"{path.name} : question sans numéro ({title!r})"
        numbers.append((int(found[1]), found[2]))
    assert numbers == sorted(numbers), f"{path.name} : questions dans le désordre : {titles}"
    assert sorted({n for n, _ in numbers}) == list(range(1, len({n for n, _ in numbers}) + 1))


def test_answers_under_one_heading_are_told_apart():
    # Module 06's lecturer (d23): « Question 5 » twice in the progress table, same words.
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell("### Question 5 — Deux nombres")]
    for name in ("premier", "second"):
        cell = nbformat.v4.new_code_cell("pass")
        cell.metadata["nbgrader"] = {"grade": True, "grade_id": f"{name}_tests", "points": 1}
        notebook.cells.append(cell)
    notebook.cells.append(nbformat.v4.new_markdown_cell("### Question 6 — Seule"))
    notebook.cells.append(copy.deepcopy(notebook.cells[1]))
    notebook.cells[-1].metadata["nbgrader"]["grade_id"] = "seule_tests"
    assert question_titles(notebook) == {
        "premier": "Question 5 — Deux nombres (réponse 1 sur 2)",
        "second": "Question 5 — Deux nombres (réponse 2 sur 2)",
        "seule": "Question 6 — Seule",
    }


@pytest.mark.parametrize("path", MODULE_PATHS, ids=lambda p: p.stem)
def test_every_question_title_is_unique(path):
    for session in ("formative", "evaluation"):
        titles = list(question_titles(read_module(path, session=session).notebook).values())
        assert len(titles) == len(set(titles)), f"{path.name} ({session}) : {titles}"
