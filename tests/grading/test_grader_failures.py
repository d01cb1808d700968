"""The grader's own failures are never charged to a student, and say so."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from esn_fixtures import cli
from grading_corpus import LIMITS, MODULE, built_once, course_copy
from nbgrader.api import Gradebook, MissingEntry

from esn_teach.course import Course, CourseError
from esn_teach.grading import (
    CANARIES,
    GradingAborted,
    SubmissionOutcome,
    _runner,
    autograde,
    results_path,
)
from esn_teach.grading._sandbox import Template

pytestmark = pytest.mark.slow

ANSWERS = {"ana": "x = 1", "ben": "x = 1", "chloe": "x = 3"}


@pytest.fixture
def tiny(tmp_path_factory, tmp_path):
    return course_copy(built_once(tmp_path_factory), tmp_path / "grading", ANSWERS)


def _submissions(course: Course) -> dict[str, float]:
    with Gradebook(course.db_url, course.course_id) as gradebook:
        return {
            submission.student.id: float(submission.score)
            for submission in gradebook.find_assignment(MODULE).submissions
        }


def _students(course: Course) -> set[str]:
    with Gradebook(course.db_url, course.course_id) as gradebook:
        return {student.id for student in gradebook.students}


def test_canary_failure_grades_nothing_changes_nothing_and_exits_3(tiny, monkeypatch, capsys):
    """A kernel that cannot start (here: simulated) stops the batch before any student."""
    root, notebooks, course = tiny

    def broken(self, cwd, env):
        raise RuntimeError("démarrage impossible (simulé)")

    monkeypatch.setattr(Template, "start_kernel", broken)  # inherited by the forked workers
    students_before = _students(course)
    capsys.readouterr()
    assert cli(root, "autograde", MODULE, notebooks=notebooks) == 3
    err = capsys.readouterr().err
    assert "vérification préalable a échoué" in err
    assert "la solution du module" in err and "démarrage impossible (simulé)" in err
    assert "Aucune copie n'a été corrigée" in err
    assert _submissions(course) == {}
    assert _students(course) == students_before
    assert not (root / "autograded").exists() or not any((root / "autograded").iterdir())
    assert not results_path(root, MODULE).exists()
    for canary in CANARIES:
        assert not (root / "submitted" / canary).exists()
    with pytest.raises(GradingAborted):
        autograde(course, MODULE, limits=LIMITS)


def test_a_grader_error_records_no_score_exits_3_and_resumes(tiny, monkeypatch, capsys):
    root, notebooks, course = tiny
    original = _runner._Worker._grade_staged

    def flaky(self, student, *args):
        if student == "ben":
            raise RuntimeError("bogue simulé du correcteur")
        return original(self, student, *args)

    monkeypatch.setattr(_runner._Worker, "_grade_staged", flaky)
    capsys.readouterr()
    assert cli(root, "autograde", MODULE, notebooks=notebooks) == 3
    out, err = capsys.readouterr()
    assert "ben : pas de note — non corrigée : erreur du correcteur" in out
    assert "jamais de l'étudiant" in err and "bogue simulé du correcteur" in err
    assert _submissions(course) == {"ana": 1.0, "chloe": 0.0}  # no 0 recorded for ben
    monkeypatch.setattr(_runner._Worker, "_grade_staged", original)
    batch = autograde(course, MODULE, limits=LIMITS)
    assert batch.resumed == 2
    assert {r.student: (r.outcome, r.score) for r in batch.results} == {
        "ana": (SubmissionOutcome.GRADED, 1.0),
        "ben": (SubmissionOutcome.GRADED, 1.0),
        "chloe": (SubmissionOutcome.GRADED, 0.0),
    }


def test_a_worker_whose_template_died_grades_on_with_a_new_one(tiny, monkeypatch, tmp_path):
    """A template killed mid-batch (out of memory, an operator) costs no copy its grade."""
    _, _, course = tiny
    original = _runner._Worker._grade_staged
    killed = tmp_path / "killed"  # written by the worker process

    def killing(self, student, *args):
        if student == "ben" and self.template is not None:
            self.template._process.kill()
            self.template._process.wait()
            killed.write_text(student)
        return original(self, student, *args)

    monkeypatch.setattr(_runner._Worker, "_grade_staged", killing)
    batch = autograde(course, MODULE, limits=LIMITS, jobs=1)
    assert killed.read_text() == "ben"
    assert {r.student: (r.outcome, r.score) for r in batch.results} == {
        "ana": (SubmissionOutcome.GRADED, 1.0),
        "ben": (SubmissionOutcome.GRADED, 1.0),
        "chloe": (SubmissionOutcome.GRADED, 0.0),
    }


def test_a_gradebook_without_the_module_stops_before_anything(tiny, capsys):
    root, notebooks, course = tiny
    with Gradebook(course.db_url, course.course_id) as gradebook:
        gradebook.remove_assignment(MODULE)
    capsys.readouterr()
    assert cli(root, "autograde", MODULE, notebooks=notebooks) == 2
    err = capsys.readouterr().err
    assert "ne contient pas le module" in err and "esn-teach release" in err
    assert not results_path(root, MODULE).exists()
    (root / "gradebook.db").unlink()
    with pytest.raises(CourseError, match="n'existe pas"):
        autograde(course, MODULE, limits=LIMITS)
    assert not (root / "gradebook.db").exists()


def test_canary_leftovers_of_a_killed_run_are_removed(tiny):
    root, _, course = tiny
    with Gradebook(course.db_url, course.course_id) as gradebook:
        gradebook.add_student(CANARIES[0])
    shutil.copytree(root / "submitted" / "ana", root / "submitted" / CANARIES[0])
    (root / "submitted" / CANARIES[0] / MODULE / ".esn-teach-temoin").write_text("")
    batch = autograde(course, MODULE, limits=LIMITS)
    assert {r.student for r in batch.results} == set(ANSWERS)
    assert not set(CANARIES) & _students(course)
    assert not (root / "submitted" / CANARIES[0]).exists()
    with Gradebook(course.db_url, course.course_id) as gradebook, pytest.raises(MissingEntry):
        gradebook.find_student(CANARIES[0])


@pytest.mark.parametrize("variant", ["home", "tmpdir", "cwd", "no-sandbox"])
def test_grades_are_right_in_any_environment(tiny, tmp_path, monkeypatch, variant):
    """An empty HOME, a private TMPDIR, another working folder, no bubblewrap: same grades."""
    import tempfile

    _, _, course = tiny
    sandbox = True
    if variant == "home":
        (tmp_path / "maison-vide").mkdir()
        monkeypatch.setenv("HOME", str(tmp_path / "maison-vide"))
    elif variant == "tmpdir":
        private = tmp_path / "prive" / "tmp"
        private.mkdir(parents=True)
        (tmp_path / "prive").chmod(0o700)  # not traversable by an unprivileged user
        monkeypatch.setenv("TMPDIR", str(private))
        monkeypatch.setattr(tempfile, "tempdir", None)
    elif variant == "cwd":
        (tmp_path / "ailleurs").mkdir()
        monkeypatch.chdir(tmp_path / "ailleurs")
    else:
        sandbox = False
    batch = autograde(course, MODULE, limits=LIMITS, sandbox=sandbox)
    assert {r.student: (r.outcome, r.score) for r in batch.results} == {
        "ana": (SubmissionOutcome.GRADED, 1.0),
        "ben": (SubmissionOutcome.GRADED, 1.0),
        "chloe": (SubmissionOutcome.GRADED, 0.0),
    }


def test_grades_are_right_as_a_non_root_user(tiny):
    """Run by an ordinary user (a user namespace when the suite runs as root)."""
    root, notebooks, course = tiny
    command = [
        *(sys.executable, "-m", "esn_teach.cli", "--course", str(root)),
        *("--notebooks", str(notebooks), "autograde", MODULE),
    ]
    if os.getuid() == 0:
        if not shutil.which("unshare"):
            pytest.skip("unshare absent : impossible de tester un utilisateur ordinaire en root")
        command = ["unshare", "--user", "--map-user=1000", "--map-group=1000", *command]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "ne tourne pas en root" in done.stderr  # said once, at the start
    assert done.stderr.count("ne tourne pas en root") == 1
    assert done.stderr.index("ne tourne pas en root") < done.stderr.index("ana")
    assert _submissions(course) == {"ana": 1.0, "ben": 1.0, "chloe": 0.0}


def test_a_real_folder_with_a_reserved_name_is_never_touched(tiny):
    """A student folder named like the canary (without its mark) stops the run, intact."""
    root, _, course = tiny
    shutil.copytree(root / "submitted" / "ana", root / "submitted" / CANARIES[1])
    with pytest.raises(CourseError, match="nom réservé"):
        autograde(course, MODULE, limits=LIMITS)
    assert (root / "submitted" / CANARIES[1] / MODULE / f"{MODULE}.ipynb").is_file()
