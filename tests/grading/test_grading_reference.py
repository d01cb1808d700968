"""The re-check never gives a copy the canaries' draw in place of the copy's own.

The grader's pristine re-check replaces the course's data (values equal in the instructor's
solution and blank runs) by the instructor's. A per-student draw can give the two canaries the
same value by chance (a small draw: here ``k`` is 4 for both and 3 for a student with a
two-letter identifier); it must stay each copy's own.
"""

from __future__ import annotations

import pickle

import pytest
from esn_fixtures import cli, release_and_submit

from esn_teach.course import Course
from esn_teach.grading import _recheck
from esn_teach.grading._runner import CANARIES, _drawn_names

pytestmark = pytest.mark.slow

MODULE = "01_tirage"

SOURCE = """# %% [markdown]
# # Module tirage

# %%
from esn_teach import checks

cas = 7  # the course's data: the same for every copy
# Each copy's own draw: 4 for both canaries (identifiers of 25 and 23 characters), 3 for « ab ».
k = 3 + len(checks.student_id()) % 2

# %% answer="reponse"
reponse = ...
### BEGIN SOLUTION
reponse = cas * k
### END SOLUTION

# %% tests="reponse" points=1
checks.check_form(reponse, name="reponse", kind="number")
### BEGIN HIDDEN TESTS
checks.check_number(reponse, name="reponse", expected=cas * k)
### END HIDDEN TESTS

# %% mistake="reponse"
# message : faux
reponse = cas
"""


def test_canaries_draw_the_same_value():
    assert {3 + len(name) % 2 for name in CANARIES} == {4}
    assert 3 + len("ab") % 2 == 3


def test_drawn_names_are_read_from_a_snapshot():
    snapshot = {_recheck.DRAWN: ("value", pickle.dumps(["k", 3]))}
    assert _drawn_names(snapshot) == {"k"}
    assert _drawn_names({}) == set()


def test_a_copy_keeps_its_own_draw_in_the_recheck(tmp_path, capsys):
    answers = {"ab": "reponse = cas * k", "abc": "reponse = cas * k", "faux": "reponse = cas"}
    root, notebooks = release_and_submit(tmp_path, MODULE, SOURCE, "reponse", answers)
    assert cli(root, "autograde", MODULE, notebooks=notebooks) == 0
    capsys.readouterr()
    course = Course(root, notebooks)
    scores = {
        student: course.grades(MODULE, student).grades["reponse_tests"][0] for student in answers
    }
    # « ab » drew k = 3: with the canaries' k = 4 in its re-check, its right answer scored 0.
    assert scores == {"ab": 1.0, "abc": 1.0, "faux": 0.0}


def test_autograde_refuses_a_library_changed_since_the_evaluated_release(
    tmp_path, capsys, monkeypatch
):
    """Review 09 d18: an evaluated session's hidden tests redraw each copy's cases with the
    installed esn_teach; a different version may draw others than the students saw and change
    their marks silently. autograde stops before grading anything, unless told the change is
    known (--bibliotheque-modifiee)."""
    import nbformat

    from esn_teach.course import _pipeline

    root, notebooks = release_and_submit(
        tmp_path, MODULE, SOURCE, "reponse", {"ab": "reponse = cas * k"}
    )
    assert cli(root, "release", MODULE, "--evaluation", "--force", notebooks=notebooks) == 0
    course = Course(root, notebooks)
    released = nbformat.read(course.release_path(MODULE), as_version=4)
    assert released.metadata.get("esn_session") == "evaluation"
    assert not course.library_changed_since_release(MODULE)
    monkeypatch.setattr(_pipeline, "library_digest", lambda root=None: "autre version")
    assert course.library_changed_since_release(MODULE)
    capsys.readouterr()
    assert cli(root, "autograde", MODULE, notebooks=notebooks) == 3
    err = capsys.readouterr().err
    assert "la bibliothèque esn_teach a changé depuis la publication" in err
    assert "--bibliotheque-modifiee" in err and "Rien n'a été corrigé" in err
    assert not (root / "autograded").exists()
    args = ("autograde", MODULE, "--bibliotheque-modifiee")
    assert cli(root, *args, notebooks=notebooks) == 0
    assert course.grades(MODULE, "ab").grades["reponse_tests"][0] == 1.0
