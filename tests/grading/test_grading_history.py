"""The calculation a question asks for is judged on the cells the notebook ran, not on ``In``.

``checks.written_with`` reads IPython's list of cells run (``In``), which the student's code
can change (``In.append("sensibilite = vp / (vp + fn)")``). In the grader's pristine checker,
it reads the kernel's list with only the texts the notebook's cells hold (``_recheck``).
"""

from __future__ import annotations

import nbformat
import pytest
from esn_fixtures import cli, release_and_submit, submit

from esn_teach.course import Course
from esn_teach.grading._execute import _cell_texts
from esn_teach.grading._recheck import _history

pytestmark = pytest.mark.slow

MODULE = "01_calcul"

SOURCE = """# %% [markdown]
# # Module calcul

# %%
from esn_teach import checks

# Each copy has its own counts (as in an evaluated session): the checker's course data are
# the instructor's run's, so the copy's own counts come from the hidden test (values=).
vp, fn = 25 + len(checks.student_id()), 10
reference = vp / (vp + fn)

# %% answer="part"
part = ...
### BEGIN SOLUTION
from IPython import get_ipython

get_ipython().run_cell("part = vp / (vp + fn)", store_history=True).raise_error()
### END SOLUTION

# %% tests="part" points=1
checks.check_form(part, name="part", kind="number", decimals=3, bounds=(0, 1),
                  written_from={"vp", "fn"})
### BEGIN HIDDEN TESTS
comptes = {"vp": 25 + len(checks.student_id()), "fn": 10}
checks.expect(checks.written_with("part", {"vp", "fn"}, calculation=True, values=comptes),
              "calcul refusé", name="part")
# The formula as module 01 writes it: the checker's snapshot then holds the kernel's vp and fn
# (a lambda's arguments read as names), replaced there by the instructor's run's values.
formule = lambda vp, fn: vp / (vp + fn)  # noqa: E731
checks.check_number(part, name="part", expected=formule(**comptes))
### END HIDDEN TESTS

# %% mistake="part"
# message : calcul refusé
part = reference
"""

ANSWERS = {
    "ligne": "part = vp / (vp + fn)",
    "magie": "%xmode Plain\npart = vp / (vp + fn)",  # In holds the transformed text
    "reference": "part = reference",
    # The value from elsewhere, and a calculation appended to In without being run.
    "forge": "In.append('part = ' + 'vp / (vp + fn)')\npart = reference",
    "forge_globals": "_ih.append('part = vp/(vp+fn)'.replace('/', ' / '))\npart = reference",
}
EXPECTED = {"ligne": 1.0, "magie": 1.0, "reference": 0.0, "forge": 0.0, "forge_globals": 0.0}


def test_history_keeps_only_the_texts_of_cells_run():
    import pickle

    sources = _cell_texts("x = 1\nget_ipython().run_cell('part = vp / (vp + fn)')")
    assert "part = vp / (vp + fn)" in sources  # a run_cell's text, as the solution runs it
    entry = ("value", pickle.dumps(["", "x = 1", "part = vp / (vp + fn)", "part = 0.75"]))
    assert _history(entry, sources) == ["", "part = vp / (vp + fn)"]
    assert _history(entry, None) is None  # no sources: the history is not judged
    assert _history(("value", pickle.dumps(None)), sources) == [""]
    magic = _cell_texts("%time part = vp / (vp + fn)")
    assert any("run_line_magic" in text for text in magic)  # as IPython's In holds it


def test_the_grader_judges_the_cells_run(tmp_path, capsys):
    root, notebooks = release_and_submit(tmp_path, MODULE, SOURCE, "part", ANSWERS)
    course = Course(root, notebooks)
    # The instructor's solution (its answer is run by get_ipython().run_cell) as a copy too.
    submit(root, "solution", MODULE, nbformat.read(course.source_path(MODULE), as_version=4))
    cli(root, "autograde", MODULE, notebooks=notebooks)
    capsys.readouterr()
    scores = {
        student: course.grades(MODULE, student).grades["part_tests"][0]
        for student in [*ANSWERS, "solution"]
    }
    assert scores == {**EXPECTED, "solution": 1.0}
