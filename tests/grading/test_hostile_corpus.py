"""The hostile and broken corpus, graded in one parallel batch alongside correct submissions."""

from __future__ import annotations

import csv
import hashlib
import json
import os
from pathlib import Path

import nbformat
import pytest
from esn_fixtures import cli
from grading_corpus import LIMITS, MODULE, Listener, build_course, corpus

import esn_teach
from esn_teach.course import Course
from esn_teach.grading import SubmissionOutcome, autograde, protections

pytestmark = pytest.mark.slow


def _files(root: Path) -> dict[str, str]:
    """Digest of every file under ``root``; a link is recorded by its target, never read."""
    return {
        str(path.relative_to(root)): (
            f"-> {os.readlink(path)}"
            if path.is_symlink()
            else hashlib.sha256(path.read_bytes()).hexdigest()
        )
        for path in sorted(root.rglob("*"))
        if path.is_symlink() or path.is_file()
    }


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    course_root, notebooks = build_course(tmp)
    listener = Listener()
    cases = corpus(course_root, listener.port)
    before = _files(course_root / "submitted")
    course = Course(course_root, notebooks)
    batch = autograde(course, MODULE, jobs=2, limits=LIMITS)
    reached = listener.reached()
    listener.close()
    return {
        "course": course,
        "root": course_root,
        "notebooks": notebooks,
        "cases": {case.student: case for case in cases},
        "batch": batch,
        "before": before,
        "reached": reached,
    }


def test_every_submission_has_its_expected_outcome_and_score(graded):
    results = {result.student: result for result in graded["batch"].results}
    assert set(results) == set(graded["cases"])  # none dropped, none invented
    wrong = []
    for student, case in graded["cases"].items():
        result = results[student]
        if (result.outcome, result.score) != (case.outcome, case.score):
            wrong.append(
                f"{student}: {result.outcome.name} {result.score} (details: {result.details}), "
                f"expected {case.outcome.name} {case.score}"
            )
    assert not wrong, "\n".join(wrong)


def test_outcome_table_in_french_with_reasons(graded):
    batch = graded["batch"]
    with batch.csv_path.open(encoding="utf-8") as handle:
        rows = {row["etudiant"]: row for row in csv.DictReader(handle)}
    assert set(rows) == set(graded["cases"])
    assert rows["invalid-json"]["libelle"] == "notebook illisible"
    assert "pas un notebook valide" in rows["invalid-json"]["details"]
    assert "texte JSON invalide ligne 1" in rows["invalid-json"]["details"]
    assert "does not appear" not in rows["invalid-json"]["details"]  # nbformat's English
    assert "UTF-8" in rows["not-utf8"]["details"]
    assert "vide" in rows["empty-file"]["details"]
    assert "mal nommé" in rows["wrong-name"]["details"]
    assert "mini.ipynb" in rows["wrong-name"]["details"]
    details = rows["ignores-sigint"]["details"]
    assert "durée maximale" in details or "ignoré l'interruption" in details
    assert "noyau s'est arrêté" in rows["os-exit"]["details"]
    assert "supprimée" in rows["deleted-test"]["details"]
    assert "dupliquée" in rows["duplicated-test"]["details"]
    assert "modifiée" in rows["edited-test"]["details"]
    assert "x_tests_autre" in rows["renamed-grade-id"]["details"]
    assert "après le test" in rows["redefines-after-test"]["details"]
    assert "métadonnées nbgrader" in rows["ungraded-test"]["details"]
    assert "métadonnées nbgrader" in rows["graded-answer"]["details"]
    assert "lien symbolique" in rows["link-notebook"]["details"]
    for name in ("solution.ipynb", "carnet.db", "aleatoire.bin", "autres"):
        assert f"lien symbolique « {name} » ignoré" in rows["link-data"]["details"]
    for student in ("setattr-loop", "input-transformer"):
        assert "vérification indépendante" in rows[student]["details"], student
    summary = batch.summary()
    for outcome in SubmissionOutcome:
        if batch.counts()[outcome]:
            assert outcome.label in summary


def test_submitted_files_are_never_modified(graded):
    assert _files(graded["root"] / "submitted") == graded["before"]


def test_hidden_tests_never_reach_the_students_kernel(graded):
    """A hook printing each cell's code as it runs sees no hidden test (plain or encoded)."""
    import base64

    path = graded["root"] / "autograded" / "hook-leak" / MODULE / f"{MODULE}.ipynb"
    notebook = nbformat.read(path, as_version=4)
    leaked = "".join(
        json.dumps(cell.get("outputs", []), ensure_ascii=False) for cell in notebook.cells
    )
    assert "check_number" in leaked  # the hook did print the visible test
    assert "SECRET_HIDDEN_CHECK" not in leaked
    assert base64.b64encode(b"SECRET_HIDDEN_CHECK")[:12].decode() not in leaked
    assert "HIDDEN" not in leaked


def test_links_in_a_submission_are_never_followed(graded):
    """Nothing a link points to reaches the graded copy (nor, through it, the feedback)."""
    graded_copy = graded["root"] / "autograded" / "link-data" / MODULE
    assert sorted(p.name for p in graded_copy.iterdir()) == [
        f"{MODULE}.ipynb",
        "timestamp.txt",
    ] or (sorted(p.name for p in graded_copy.iterdir()) == [f"{MODULE}.ipynb"])
    assert not (graded["root"] / "autograded" / "link-notebook").exists()


def _outputs(graded, student: str) -> str:
    path = graded["root"] / "autograded" / student / MODULE / f"{MODULE}.ipynb"
    notebook = nbformat.read(path, as_version=4)
    return nbformat.writes(notebook)


def test_isolation(graded):
    if not protections().bubblewrap:
        pytest.skip("bubblewrap indisponible : isolement réseau et fichiers non testable ici")
    assert "SOLUTION" not in _outputs(graded, "reads-source")
    assert "FileNotFoundError" in _outputs(graded, "reads-source")
    assert "correct-1" not in _outputs(graded, "reads-others")
    assert not (graded["root"] / "pwned.txt").exists()
    assert not (Path(esn_teach.__file__).parent / "pwn.py").exists()  # the package is read-only
    assert not graded["reached"], "student code reached a server on the host"
    assert "Network is unreachable" in _outputs(graded, "socket") or "Errno" in _outputs(
        graded, "socket"
    )


def test_limits_show_in_the_outputs(graded):
    assert "MemoryError" in _outputs(graded, "memory-bomb")
    assert "CellTimeoutError" in _outputs(graded, "infinite-loop")
    assert "File too large" in _outputs(graded, "huge-file")
    flood = _outputs(graded, "output-flood")
    assert "sortie tronquée" in flood and len(flood) < 25_000_000


def test_rerun_is_idempotent_and_skips_unchanged(graded):
    first = {r.student: (r.outcome, r.score) for r in graded["batch"].results}
    again = autograde(graded["course"], MODULE, jobs=2, limits=LIMITS)
    assert again.resumed == len(first)
    assert {r.student: (r.outcome, r.score) for r in again.results} == first


def test_feedback_is_french_and_hides_hidden_tests(graded, capsys):
    assert cli(graded["root"], "feedback", MODULE, notebooks=graded["notebooks"]) == 0
    html = (graded["root"] / "feedback" / "hidden-fail" / MODULE / f"{MODULE}.html").read_text()
    assert "Retour sur votre copie" in html
    assert "Ce qui s'est passé" in html
    assert "1.0004" in html  # the student's own code
    assert "SECRET_HIDDEN_CHECK" not in html
    wrong = (graded["root"] / "feedback" / "wrong" / MODULE / f"{MODULE}.html").read_text()
    assert "pas la valeur attendue" in wrong or "Réponse à revoir" in wrong
    for path in (graded["root"] / "feedback").rglob("*.html"):
        assert "SECRET_HIDDEN_CHECK" not in path.read_text(), path


def test_report_per_question(graded, capsys):
    assert cli(graded["root"], "report", MODULE, notebooks=graded["notebooks"]) == 0
    out = capsys.readouterr().out
    assert "Réussite" in out and "x" in out
    folder = graded["root"] / "rapports" / MODULE
    assert (folder / "reussite.png").stat().st_size > 1000
    with (folder / "questions.csv").open(encoding="utf-8") as handle:
        rows = {row["question"]: row for row in csv.DictReader(handle)}
    assert int(rows["x_tests"]["copies_notees"]) > 20
    assert "Réponse à revoir" in rows["x_tests"]["erreurs"]
