"""Self-grading gives the instructor's score, with French feedback and no hidden test."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from esn_fixtures import MODULE_NAMES, cli

from esn_teach.course import Course, hidden_test_lines
from esn_teach.grading import LEARNER, selfgrade
from esn_teach.grading._cells import grade_id, is_solution

pytestmark = pytest.mark.slow

#: The copies self-graded: full marks, nothing, and the first question right with the others'
#: first named mistakes.
SAMPLE = {"solution", "blank", "partial"}
#: For the other modules, the copy whose score is neither all nor nothing: selfgrade's canary
#: already grades each module's solution (full marks required) and blank version (zero
#: required) before any copy. Each copy is a whole module run: the three kinds for every
#: module cost make test about two minutes.
SAMPLE_OTHERS = {"partial"}


def learner_copy(released: nbformat.NotebookNode, answers: nbformat.NotebookNode):
    """The self-paced notebook with the answers (code and written) of another copy."""
    given = {grade_id(cell): cell.source for cell in answers.cells if is_solution(cell)}
    copy = nbformat.reads(nbformat.writes(released), as_version=4)
    for cell in copy.cells:
        if is_solution(cell) and grade_id(cell) in given:
            cell.source = given[grade_id(cell)]
    return copy


@pytest.mark.parametrize("module", MODULE_NAMES)
def test_selfgrade_gives_the_score_of_the_instructors_autograde(
    graded_course, self_paced_course: Course, module: str, tmp_path: Path
) -> None:
    released = nbformat.read(self_paced_course.release_path(module), as_version=4)
    submitted = graded_course.root / "submitted"
    handed_in = {p.name for p in submitted.iterdir() if (p / module).is_dir()}
    # One copy of each kind: the named mistakes themselves are graded by the instructor's
    # autograde (tests/modules); here the two graders must agree on every kind of copy.
    students = sorted(SAMPLE if module == MODULE_NAMES[0] else SAMPLE_OTHERS)
    assert handed_in >= SAMPLE
    paths = []
    for student in students:
        answers = nbformat.read(submitted / student / module / f"{module}.ipynb", as_version=4)
        path = tmp_path / student / f"{module}.ipynb"
        path.parent.mkdir()
        nbformat.write(learner_copy(released, answers), path)
        paths.append(path)
    before = {path: path.read_bytes() for path in paths}
    results = selfgrade(paths, jobs=2)
    hidden = hidden_test_lines(self_paced_course.module(module))
    for student, path, result in zip(students, paths, results, strict=True):
        expected = graded_course.course.grades(module, student)
        assert (result.score, result.max_score) == (expected.score, expected.max_score), student
        assert path.read_bytes() == before[path]  # the learner's notebook is never changed
        assert result.feedback == path.parent / f"{module}_retour.html"
        page = result.feedback.read_text(encoding="utf-8")
        assert '<html lang="fr"' in page
        text = BeautifulSoup(page, "html.parser").get_text(" ", strip=True)
        graded = f"{result.score:g} / {result.max_score - result.written_points:g}"
        assert f"Note des questions autocorrigées : {graded.replace('.', ',')}" in text, student
        assert "Commentaire de l'enseignant" not in text
        said = page + "\n".join(f"{q.question} {q.points} {q.reason}" for q in result.questions)
        assert not [line for line in hidden if line in said], student
        assert f"{LEARNER}-" not in "".join(q.reason for q in result.questions)  # no inner id
    by_student = dict(zip(students, results, strict=True))
    written = sum(self_paced_course.module(module).written.values())
    assert all(result.written_points == written for result in results)
    if module == MODULE_NAMES[0]:
        assert by_student["solution"].score == by_student["solution"].max_score - written
        assert by_student["blank"].score == 0


def test_selfgrade_cli_refuses_what_it_cannot_grade(
    graded_course, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    module = next(iter(graded_course.modules))
    graded_course.ready(module)
    formative = graded_course.course.release_path(module)
    assert cli(graded_course.root, "selfgrade", str(formative)) == 2
    assert "publication en autonomie" in capsys.readouterr().err
    broken = tmp_path / "abime.ipynb"
    broken.write_text('{"cells": [', encoding="utf-8")
    assert cli(graded_course.root, "selfgrade", str(broken)) == 2
    assert "pas un notebook lisible" in capsys.readouterr().err
    assert cli(graded_course.root, "selfgrade", str(tmp_path / "absent.ipynb")) == 2
    assert "Notebook introuvable" in capsys.readouterr().err


def test_selfgrade_cli_prints_a_french_report(
    self_paced_course: Course, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    module = MODULE_NAMES[0]
    self_paced_course.ready(module)
    path = tmp_path / f"{module}.ipynb"
    path.write_bytes(self_paced_course.release_path(module).read_bytes())
    assert cli(self_paced_course.root, "selfgrade", str(path)) == 0
    out = capsys.readouterr().out
    assert "Non traitée : les trois points « ... » n'ont pas été remplacés." in out
    assert "Note des questions autocorrigées : 0 / " in out
    assert "elle ne compte pas pour un certificat" in out
    assert f"Retour détaillé : {module}_retour.html, dans le même dossier que votre notebook" in out
    assert (tmp_path / f"{module}_retour.html").is_file()
