"""Same scores as plain nbgrader, kill and resume, idempotence with manual grades, exports."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from esn_fixtures import cli
from grading_corpus import LIMITS, MODULE, built_once, course_copy
from nbgrader.api import Gradebook
from nbgrader.apps.api import NbGraderAPI

from esn_teach.course import Course
from esn_teach.grading import KEY_VARIABLE, SubmissionOutcome, autograde, pseudonym

pytestmark = pytest.mark.slow

ANSWERS = {
    "ana": "x = 1",
    "ben": "x = 3",
    "chloe": "x = ...",
    "dan": "x = 1.0004",
    "eve": "x = 0.5 + 0.5",
    "fred": "x = 'un'",
}


def _grades(course: Course) -> dict[str, dict[str, float]]:
    with Gradebook(course.db_url, course.course_id) as gradebook:
        return {
            submission.student.id: {
                grade.name: float(grade.score)
                for notebook in submission.notebooks
                for grade in notebook.grades
            }
            for submission in gradebook.find_assignment(MODULE).submissions
        }


@pytest.fixture
def tiny(tmp_path_factory, tmp_path):
    """A fresh copy of the built and released tiny course, with the submissions of ANSWERS."""
    return course_copy(built_once(tmp_path_factory), tmp_path / "grading", ANSWERS)


def test_scores_identical_to_plain_nbgrader(tiny):
    _course_root, _, course = tiny
    api = NbGraderAPI(config=course.config())
    for student in ANSWERS:
        assert api.autograde(MODULE, student, force=True, create=True)["success"], student
    plain = _grades(course)
    batch = autograde(course, MODULE, jobs=2, limits=LIMITS, force=True)
    assert {r.outcome for r in batch.results} == {SubmissionOutcome.GRADED}
    assert _grades(course) == plain
    assert plain["ana"]["x_tests"] == 1.0 and plain["ben"]["x_tests"] == 0.0


def test_idempotent_rerun_keeps_manual_grades_and_comments(tiny, capsys):
    course_root, notebooks, course = tiny
    assert cli(course_root, "autograde", MODULE, "--jobs", "2", notebooks=notebooks) == 0
    with Gradebook(course.db_url, course.course_id) as gradebook:
        grade = gradebook.find_grade("avis", MODULE, MODULE, "ana")
        grade.manual_score = 1.0
        comment = gradebook.find_comment("avis", MODULE, MODULE, "ana")
        comment.manual_comment = "Bien argumenté."
        gradebook.db.commit()
    first = _grades(course)
    assert first["ana"] == {"x_tests": 1.0, "avis": 1.0}
    for extra in ([], ["--force"]):
        capsys.readouterr()
        assert cli(course_root, "autograde", MODULE, *extra, notebooks=notebooks) == 0
        assert "ana : 2 / 2 — corrigée" in capsys.readouterr().out
        assert _grades(course) == first
    with Gradebook(course.db_url, course.course_id) as gradebook:
        comment = gradebook.find_comment("avis", MODULE, MODULE, "ana")
        assert comment.manual_comment == "Bien argumenté."


def test_exports_moodle_csv_and_pseudonymised(tiny, tmp_path, capsys, monkeypatch):
    course_root, notebooks, _course = tiny
    assert cli(course_root, "autograde", MODULE, notebooks=notebooks) == 0
    moodle = tmp_path / "moodle.csv"
    assert cli(course_root, "export", "--format", "moodle", "--to", str(moodle)) == 0
    with moodle.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["Numéro d'identification", MODULE]
    scores = {row["Numéro d'identification"]: row[MODULE] for row in rows}
    assert scores["ana"] == "1.00" and scores["ben"] == "0.00"

    plain = tmp_path / "notes.csv"
    assert cli(course_root, "export", "--to", str(plain)) == 0
    with plain.open(encoding="utf-8") as handle:
        assert {"student_id", "score", "max_score"} <= set(next(csv.DictReader(handle)))

    monkeypatch.delenv(KEY_VARIABLE, raising=False)
    capsys.readouterr()
    code = cli(course_root, "export", "--format", "moodle", "--pseudonymise", "--to", str(moodle))
    assert code == 2
    assert KEY_VARIABLE in capsys.readouterr().err
    key = "une-clé-secrète-du-cours-2026"
    monkeypatch.setenv(KEY_VARIABLE, key)
    for kind in ("moodle", "csv"):
        target = tmp_path / f"pseudo-{kind}.csv"
        assert (
            cli(course_root, "export", "--format", kind, "--pseudonymise", "--to", str(target)) == 0
        )
        text = target.read_text(encoding="utf-8")
        assert "ana" not in text and "ben" not in text
        assert pseudonym("ana", key.encode()) in text


def test_killed_batch_leaves_consistent_gradebook_and_resumes(tiny):
    course_root, notebooks, course = tiny
    journal = course_root / "rapports" / MODULE / "journal.jsonl"
    command = [
        *(sys.executable, "-m", "esn_teach.cli", "--course", str(course_root)),
        *("--notebooks", str(notebooks), "autograde", MODULE, "--jobs", "1"),
    ]
    process = subprocess.Popen(
        command,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if journal.is_file() and journal.read_text(encoding="utf-8").count("\n") >= 2:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the batch ended before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    done = [json.loads(line)["etudiant"] for line in journal.read_text().splitlines()]
    assert 2 <= len(done) < len(ANSWERS)
    # The gradebook opens and holds complete grades for every journaled submission.
    grades = _grades(course)
    for student in done:
        assert set(grades[student]) == {"x_tests", "avis"}
    batch = autograde(course, MODULE, jobs=2, limits=LIMITS)
    assert batch.resumed == len(done)
    results = {r.student: r for r in batch.results}
    assert set(results) == set(ANSWERS)
    assert all(r.outcome is SubmissionOutcome.GRADED for r in results.values())
    expected = {"ana": 1.0, "ben": 0.0, "chloe": 0.0, "dan": 0.0, "eve": 1.0, "fred": 0.0}
    assert {s: r.score for s, r in results.items()} == expected
    assert not journal.exists()
    # The killed grader's scratch and staging folders are gone (removed at the next start).
    assert not _stale_scratch_folders()


def _stale_scratch_folders() -> list[Path]:
    """Scratch folders of graders that no longer run, in every place they are made."""
    from esn_teach.grading._sandbox import _owner_alive, scratch_base

    stale = []
    for base in {Path(tempfile.gettempdir()), scratch_base()}:
        for folder in base.glob("esn-teach-grading-*"):
            try:
                owner = json.loads((folder / ".owner").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if not _owner_alive(int(owner["pid"]), owner.get("start")):
                stale.append(folder)
    return stale


def test_missing_student_is_accounted_for(tiny):
    course_root, _, course = tiny
    autograde(course, MODULE, limits=LIMITS)
    with Gradebook(course.db_url, course.course_id) as gradebook:
        gradebook.add_student("zoe", first_name="Zoé")
    shutil.rmtree(course_root / "submitted" / "fred")
    batch = autograde(course, MODULE, limits=LIMITS)
    results = {r.student: r for r in batch.results}
    assert results["zoe"].outcome is SubmissionOutcome.MISSING
    assert set(ANSWERS) - {"fred"} <= set(results)
