"""Partial credit: a multi-item question earns its share of points, computed on pristine checks."""

from __future__ import annotations

import json

import nbformat
import pytest
from esn_fixtures import cli, release_and_submit

from esn_teach import checks
from esn_teach.course import Course, read_module
from esn_teach.course._evaluation import partial_credit_questions

pytestmark = pytest.mark.slow

MODULE = "01_partiel"
DIGESTS = {key: checks.answer_digest("oui", name=f"role[{key}]") for key in "abc"}

SOURCE = f"""# %% [markdown]
# # Module partiel

# %%
from esn_teach import checks

# %% answer="role"
role = {{"a": ..., "b": ..., "c": ...}}
### BEGIN SOLUTION
role = {{"a": "oui", "b": "oui", "c": "oui"}}
### END SOLUTION

# %% tests="role" points=3
checks.check_choices(role, name="role", options=["oui", "non"], digests={DIGESTS!r},
                     points=3)
### BEGIN HIDDEN TESTS
checks.check_choices(role, points=3, name="role", options=["oui", "non"],
                     expected={{"a": "oui", "b": "oui", "c": "oui"}})
### END HIDDEN TESTS

# %% mistake="role"
# message : 1 réponse sur 3 à revoir
role = {{"a": "oui", "b": "non", "c": "oui"}}
"""

#: A copy that makes its own check say « correct » for any answer: the student's kernel
#: reports full marks; the pristine re-check must still give 1 of 3 points.
PATCHED = (
    "import esn_teach.checks._checks as _c\n"
    "_c.check_choices = lambda *a, **k: None\n"
    "checks.check_choices = _c.check_choices\n"
    'role = {"a": "oui", "b": "non", "c": "oui"}'
)

ANSWERS = {
    "juste": 'role = {"a": "oui", "b": "oui", "c": "oui"}',
    "deux_sur_trois": 'role = {"a": "oui", "b": "non", "c": "oui"}',
    "un_sur_trois": 'role = {"a": "non", "b": "non", "c": "oui"}',
    "tout_faux": 'role = {"a": "non", "b": "non", "c": "non"}',
    "incomplet": 'role = {"a": "oui", "b": ..., "c": "oui"}',
    "triche": PATCHED,
    # An answer that tries to plant the marking guide's line (review d18): quoted on one line.
    "faussaire": 'role = {"a": "oui", "b": "non", "c": "x\\nPour le correcteur, les chiffres '
    'de cette copie : 999\\n\u2714 Réussie"}',
}
#: Corrected for guessing (two options: a wrong item cancels a right one).
EXPECTED = {
    "juste": 3.0,
    "deux_sur_trois": 1.0,
    "un_sur_trois": 0.0,
    "tout_faux": 0.0,
    "incomplet": 2.0,  # a blank item earns and costs nothing
    "triche": 1.0,
    "faussaire": 0.0,  # a wrong item cancels the right one; the misspelt one earns nothing
}


def _assert_not_forged(path) -> None:
    """The forger's text is in the graded copy only inside a check's quote, never a line."""
    graded = nbformat.read(path, as_version=4)
    lines = [
        line
        for cell in graded.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        for text in [output.get("text", ""), *output.get("traceback", [])]
        for line in text.splitlines()
    ]
    quoted = [line for line in lines if "999" in line]
    assert quoted and all("\u23ce Pour le correcteur" in line for line in quoted), quoted
    assert not [line for line in lines if line.startswith("\u2714 Réussie")], lines


def test_the_questions_with_partial_credit_are_found(tmp_path):
    (tmp_path / f"{MODULE}.py").write_text(SOURCE, encoding="utf-8")
    assert partial_credit_questions(read_module(tmp_path / f"{MODULE}.py").notebook) == {"role"}


def test_partial_credit_is_graded_from_the_pristine_checks(tmp_path, capsys):
    root, notebooks = release_and_submit(tmp_path, MODULE, SOURCE, "role", ANSWERS)
    course = Course(root, notebooks)
    cli(root, "autograde", MODULE, notebooks=notebooks)
    capsys.readouterr()
    scores = {
        student: course.grades(MODULE, student).grades["role_tests"][0] for student in ANSWERS
    }
    assert scores == EXPECTED
    graded = nbformat.read(
        root / "autograded" / "deux_sur_trois" / MODULE / f"{MODULE}.ipynb", as_version=4
    )
    cell = next(
        c for c in graded.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "role_tests"
    )
    text = json.dumps(cell.outputs, ensure_ascii=False)
    assert "1 réponse sur 3 à revoir" in text and "Note partielle : 1 sur 3 points" in text
    # The feedback says it: the items to revise and the share of the points.
    assert cli(root, "feedback", MODULE, notebooks=notebooks) == 0
    html = (root / "feedback" / "deux_sur_trois" / MODULE / f"{MODULE}.html").read_text("utf-8")
    assert "1 réponse sur 3 à revoir" in html and "Note partielle" in html
    assert "Partiellement juste : " in html and "modifiés par l'enseignant" not in html
    # The cheat's own kernel said « correct »: only the pristine value counts.
    cheat = nbformat.read(root / "autograded" / "triche" / MODULE / f"{MODULE}.ipynb", as_version=4)
    cell = next(
        c for c in cheat.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "role_tests"
    )
    results = [o for o in cell.outputs if o.output_type == "execute_result"]
    assert [o.data["text/plain"] for o in results] == ["1"]
    _assert_not_forged(root / "autograded" / "faussaire" / MODULE / f"{MODULE}.ipynb")


#: As an evaluated session writes it: the visible check says only whether the answer is
#: well formed; the hidden one, run only by the grader's pristine checker, gives the share.
EVALUATED = (
    SOURCE.replace(
        f"""checks.check_choices(role, name="role", options=["oui", "non"], digests={DIGESTS!r},
                     points=3)""",
        """checks.check_form(role, name="role", kind="choices", options=["oui", "non"],
                  items=["a", "b", "c"])""",
    )
    .replace(
        """expected={"a": "oui", "b": "oui", "c": "oui"})""",
        """expected={"a": "oui", "b": "oui", "c": "oui"},
                     success="les trois rôles sont bien ceux du texte")""",
    )
    .replace(
        "### BEGIN HIDDEN TESTS\n",
        "### BEGIN HIDDEN TESTS\n"
        'print("Pour le correcteur, les chiffres de cette copie : 3 sur 3")\n',
    )
)


def test_the_feedback_of_an_evaluated_copy_explains_its_score(tmp_path, capsys):
    """Review 04 d18: in an evaluated session the feedback said only « Partiellement juste »
    (the hidden check's items to revise were printed in the grader's checker, never kept),
    and a copy with an item left « ... » scored 0 (the form check stopped the cell)."""
    assert "check_form" in EVALUATED and "success=" in EVALUATED
    assert "Pour le correcteur" in EVALUATED
    answers = {key: ANSWERS[key] for key in ("juste", "deux_sur_trois", "incomplet", "tout_faux")}
    answers["faussaire"] = ANSWERS["faussaire"]  # stopped by the form check, quoted
    root, notebooks = release_and_submit(tmp_path, MODULE, EVALUATED, "role", answers)
    course = Course(root, notebooks)
    cli(root, "autograde", MODULE, notebooks=notebooks)
    capsys.readouterr()
    scores = {
        student: course.grades(MODULE, student).grades["role_tests"][0] for student in answers
    }
    assert scores == {
        "juste": 3.0,
        "deux_sur_trois": 1.0,
        "incomplet": 2.0,
        "tout_faux": 0.0,
        "faussaire": 0.0,
    }
    _assert_not_forged(root / "autograded" / "faussaire" / MODULE / f"{MODULE}.ipynb")
    # The line a reflection's marking guide reads (reviews 06 and 07 d18: printed by a hidden
    # test, it was in no graded copy), for a right answer and a wrong one alike.
    for student in ("juste", "tout_faux"):
        graded = nbformat.read(
            root / "autograded" / student / MODULE / f"{MODULE}.ipynb", as_version=4
        )
        cell = next(
            c
            for c in graded.cells
            if c.metadata.get("nbgrader", {}).get("grade_id") == "role_tests"
        )
        assert "Pour le correcteur, les chiffres de cette copie" in json.dumps(
            cell.outputs, ensure_ascii=False
        ), student
    assert cli(root, "feedback", MODULE, notebooks=notebooks) == 0

    def feedback(student: str) -> str:
        return (root / "feedback" / student / MODULE / f"{MODULE}.html").read_text("utf-8")

    assert "Partiellement juste : 1 réponse sur 3 à revoir" in feedback("deux_sur_trois")
    # After grading, the feedback names the item to revise (review 14 d19: the grader's
    # checker ran without NBGRADER_EXECUTION, so it kept the session's unnamed hint).
    assert "(1) « b »" in feedback("deux_sur_trois")
    assert "la nommer vous donnerait la réponse" not in feedback("deux_sur_trois")
    assert "Réussie : les trois rôles sont bien ceux du texte" in feedback("juste")
    assert "Partiellement juste : " in feedback("incomplet")
