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

import nbformat
import pytest
from esn_fixtures import cli
from grading_corpus import LIMITS, MODULE, built_once, course_copy
from nbgrader.api import Gradebook
from nbgrader.apps.api import NbGraderAPI

from esn_teach.course import Course
from esn_teach.grading import (
    KEY_VARIABLE,
    SubmissionOutcome,
    autograde,
    pseudonym,
    results_path,
)
from esn_teach.grading._outcomes import read_results, write_results

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


def _grade_reflections(course: Course, students) -> None:
    """What an instructor does in the formgrader: a manual score for each reflection."""
    with Gradebook(course.db_url, course.course_id) as gradebook:
        for student in students:
            grade = gradebook.find_grade("avis", MODULE, MODULE, student)
            grade.manual_score = 1.0
            grade.needs_manual_grade = False
        gradebook.db.commit()


def _write_reflections(course_root: Path) -> None:
    """Every student writes their reflection (a blank one is scored 0 by nbgrader itself)."""
    for student in ANSWERS:
        path = course_root / "submitted" / student / MODULE / f"{MODULE}.ipynb"
        notebook = nbformat.read(path, as_version=4)
        for cell in notebook.cells:
            if cell.metadata.get("nbgrader", {}).get("grade_id") == "avis":
                cell.source = f"Avis de {student} : le test est utile mais imparfait."
        nbformat.write(notebook, path)


def test_export_refuses_grades_that_are_not_final_unless_provisional(tiny, tmp_path, capsys):
    course_root, notebooks, course = tiny
    _write_reflections(course_root)
    assert cli(course_root, "autograde", MODULE, notebooks=notebooks) == 0
    with Gradebook(course.db_url, course.course_id) as gradebook:
        gradebook.add_assignment("99_personne")  # released, nobody submitted
        gradebook.add_student("zoe")  # enrolled, submitted nothing
    moodle = tmp_path / "moodle.csv"
    capsys.readouterr()
    assert cli(course_root, "export", "--format", "moodle", "--to", str(moodle)) == 2
    err = capsys.readouterr().err
    assert "Export refusé : 6 notes ne sont pas définitives" in err
    assert f"ana — {MODULE} : réflexion « avis » pas encore notée" in err
    assert "--provisoire" in err
    assert not moodle.exists()

    # Provisional on request: the file and the message say so, grade by grade.
    assert (
        cli(course_root, "export", "--format", "moodle", "--provisoire", "--to", str(moodle)) == 0
    )
    out = capsys.readouterr().out
    assert "Export PROVISOIRE" in out and "99_personne" in out
    with moodle.open(encoding="utf-8") as handle:
        rows = {row["Numéro d'identification"]: row for row in csv.DictReader(handle)}
    assert list(rows["ana"]) == ["Numéro d'identification", MODULE, "Statut"]  # no 99_personne
    assert rows["ana"]["Statut"] == f"{MODULE} provisoire : réflexion « avis » pas encore notée"
    assert rows["zoe"][MODULE] == "" and rows["zoe"]["Statut"] == "définitive"

    # Feedback can go out, but the instructor is told which grades are not final.
    assert cli(course_root, "feedback", MODULE, notebooks=notebooks) == 0
    out = capsys.readouterr().out
    assert "6 de ces retours montrent une note qui n'est pas définitive" in out
    assert f"chloe — {MODULE} : réflexion « avis » pas encore notée" in out

    # Reflections graded, except ben's: still refused, naming only ben.
    _grade_reflections(course, [s for s in ANSWERS if s != "ben"])
    assert cli(course_root, "export", "--format", "moodle", "--to", str(moodle)) == 2
    err = capsys.readouterr().err
    assert "1 note n'est pas définitive" in err and f"ben — {MODULE}" in err and "ana —" not in err

    # Everything final: a plain file, no status column, empty cells where nothing was handed in.
    _grade_reflections(course, ["ben"])
    for kind in ("moodle", "csv"):
        target = tmp_path / f"{kind}.csv"
        assert cli(course_root, "export", "--format", kind, "--to", str(target)) == 0
        out = capsys.readouterr().out
        assert "Notes exportées" in out and "PROVISOIRE" not in out
        with target.open(encoding="utf-8") as handle:
            rows_list = list(csv.DictReader(handle))
        assert "Statut" not in rows_list[0]
        assert all(row.get("assignment", MODULE) == MODULE for row in rows_list)
    with (tmp_path / "moodle.csv").open(encoding="utf-8") as handle:
        scores = {r["Numéro d'identification"]: r[MODULE] for r in csv.DictReader(handle)}
    assert scores["ana"] == "2.00" and scores["ben"] == "1.00" and scores["zoe"] == ""


def test_export_refuses_a_grade_left_over_from_before_a_grader_error(tiny, tmp_path, capsys):
    """The gradebook keeps the old grade of a copy whose last autograde failed: never exported."""
    course_root, notebooks, course = tiny
    assert cli(course_root, "autograde", MODULE, notebooks=notebooks) == 0
    _grade_reflections(course, ANSWERS)
    table = results_path(course_root, MODULE)
    results = read_results(table)
    for result in results:
        if result.student == "eve":
            result.outcome = SubmissionOutcome.GRADER_ERROR
    write_results(table, results)
    capsys.readouterr()
    target = tmp_path / "notes.csv"
    assert cli(course_root, "export", "--to", str(target)) == 2
    err = capsys.readouterr().err
    assert f"eve — {MODULE} : dernière correction automatique en erreur du correcteur" in err
    assert cli(course_root, "export", "--provisoire", "--to", str(target)) == 0
    with target.open(encoding="utf-8") as handle:
        status = {row["student_id"]: row["Statut"] for row in csv.DictReader(handle)}
    assert status["eve"].startswith("provisoire : dernière correction") and status["ana"] == (
        "définitive"
    )


def test_export_waits_for_the_instructor_on_a_test_the_recheck_refused(
    tmp_path_factory, tmp_path, capsys
):
    """« À examiner » in the feedback: scored 0 until the instructor decides, never exported."""
    hostile = "x = 1\nget_ipython().input_transformers_post.append(lambda lines: ['pass\\n'])"
    answers = {"ana": "x = 1", "gus": hostile}
    course_root, notebooks, course = course_copy(
        built_once(tmp_path_factory), tmp_path / "grading", answers
    )
    assert cli(course_root, "autograde", MODULE, notebooks=notebooks) == 0
    gus = {r.student: r for r in read_results(results_path(course_root, MODULE))}["gus"]
    assert gus.outcome is SubmissionOutcome.TAMPERED and gus.to_examine == ["x_tests"]
    assert _grades(course)["gus"]["x_tests"] == 0.0
    _grade_reflections(course, answers)
    target = tmp_path / "notes.csv"
    capsys.readouterr()
    assert cli(course_root, "export", "--to", str(target)) == 2
    err = capsys.readouterr().err
    assert "1 note n'est pas définitive" in err and "ana —" not in err
    assert f"gus — {MODULE} : question « x_tests » à examiner" in err
    assert not target.exists()

    # The instructor looks at the copy and gives the test a score in the formgrader.
    with Gradebook(course.db_url, course.course_id) as gradebook:
        gradebook.find_grade("x_tests", MODULE, MODULE, "gus").manual_score = 0.0
        gradebook.db.commit()
    assert cli(course_root, "export", "--to", str(target)) == 0
    assert "PROVISOIRE" not in capsys.readouterr().out
    # A second autograde of the unchanged copy keeps the flag and the instructor's decision.
    assert cli(course_root, "autograde", MODULE, notebooks=notebooks) == 0
    assert cli(course_root, "export", "--to", str(target)) == 0


def test_exports_moodle_csv_and_pseudonymised(tiny, tmp_path, capsys, monkeypatch):
    course_root, notebooks, course = tiny
    assert cli(course_root, "autograde", MODULE, notebooks=notebooks) == 0
    _grade_reflections(course, ANSWERS)
    moodle = tmp_path / "moodle.csv"
    assert cli(course_root, "export", "--format", "moodle", "--to", str(moodle)) == 0
    with moodle.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["Numéro d'identification", MODULE]
    scores = {row["Numéro d'identification"]: row[MODULE] for row in rows}
    assert scores["ana"] == "2.00" and scores["ben"] == "1.00"

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


def test_a_copy_filed_under_the_module_number_is_reported_not_ignored(tiny, capsys):
    """``submitted/hugo/01/`` (the number the command line accepts) is named, with the fix."""
    course_root, notebooks, _course = tiny
    proper = course_root / "submitted" / "ana" / MODULE
    misplaced = course_root / "submitted" / "hugo" / MODULE.split("_")[0]
    misplaced.parent.mkdir()
    shutil.copytree(proper, misplaced)
    capsys.readouterr()
    assert cli(course_root, "autograde", MODULE, notebooks=notebooks) == 2
    out, err = capsys.readouterr()
    assert "hugo : pas de note — absente" in out
    assert (
        f"hugo (copie rangée dans submitted/hugo/{misplaced.name}/ : renommez ce dossier en "
        f"« {MODULE} », puis relancez la correction)" in err
    )
    assert list(misplaced.iterdir())  # left untouched
    misplaced.rename(misplaced.parent / MODULE)
    assert cli(course_root, "autograde", MODULE, notebooks=notebooks) == 0
    assert "hugo : 1 / 2 — corrigée" in capsys.readouterr().out


def test_grading_works_from_the_course_folder_alone(tiny, tmp_path, capsys):
    """An instructor on a hub holds only the nbgrader course, not the module sources."""
    course_root, _, course = tiny
    nowhere = tmp_path / "pas-de-sources"
    assert cli(course_root, "autograde", "01", notebooks=nowhere) == 0
    out = capsys.readouterr().out
    assert "ana : 1 / 2 — corrigée" in out
    _grade_reflections(course, ANSWERS)
    assert cli(course_root, "feedback", "01", notebooks=nowhere) == 0
    assert cli(course_root, "export", "--to", str(tmp_path / "n.csv"), notebooks=nowhere) == 0
    capsys.readouterr()
    assert cli(course_root, "autograde", "99", notebooks=nowhere) == 2
    assert f"Module « 99 » introuvable. Modules disponibles : {MODULE}." in capsys.readouterr().err
