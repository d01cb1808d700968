"""End to end, through the CLI: build → release → submissions → autograde → feedback → export."""

from __future__ import annotations

import csv

import nbformat
import pytest
from esn_fixtures import MODULE_NAMES, GradedCourse, cli

from esn_teach.course import GRADED, GRADED_IN_CLASS
from esn_teach.course._evaluation import partial_credit_questions

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("name", MODULE_NAMES)
def test_exact_scores_feedback_and_export(graded_course: GradedCourse, name, tmp_path, capsys):
    graded = graded_course.modules[name]
    module = graded.source
    first = next(iter(module.answers))
    total = module.autograded_points + sum(module.written.values())
    expected = {"solution": module.autograded_points, "blank": 0.0}
    # The « partial » copy: the first question right, every other one with its first named
    # mistake (or blank). A mistake scores 0, except the share a question with partial credit
    # gives to its right items (check_choices(..., points=N)): never all its points.
    partial_credit = partial_credit_questions(module.notebook)
    with_mistakes = {mistake.answer for mistake in module.wrong_answers}
    grades = graded_course.course.grades(name, "partial").grades
    for answer, points in module.answers.items():
        score = grades[f"{answer}_tests"][0]
        if answer == first:
            assert score == points, (answer, score)
        elif answer in partial_credit and answer in with_mistakes:
            assert 0.0 <= score < points, (answer, score)
        else:
            assert score == 0.0, (answer, score)
    expected["partial"] = sum(grades[f"{answer}_tests"][0] for answer in module.answers)

    for student, score in expected.items():
        report = graded_course.course.grades(name, student)
        assert report.score == pytest.approx(score) and report.max_score == total, student

    assert cli(graded_course.root, "feedback", name) == 0
    for student in expected:
        html = (graded_course.root / "feedback" / student / name / f"{name}.html").read_text()
        # The check mark is printed only by a passing check (the code shows it as "\\u2714").
        passed = "\u2714 Correct (" in html
        assert passed == (student in {"solution", "partial"}), student
    blank = (graded_course.root / "feedback" / "blank" / name / f"{name}.html").read_text()
    assert "Non traitée : " in blank and 'lang="fr"' in blank
    if graded.mistake_rounds:  # each wrong answer's feedback says what was wrong
        wrong = (graded_course.root / "feedback" / "partial" / name / f"{name}.html").read_text()
        # A question with partial credit says which items to revise, as « partiellement juste ».
        assert "Incorrecte : " in wrong or "Partiellement juste : " in wrong

    # The solution's reflections wait for the instructor: no final export before they are graded.
    destination = tmp_path / "notes.csv"
    capsys.readouterr()
    written = bool(module.written)
    # The whole module (a module announcing a grade on its session exports that by default).
    whole = ("--partie", "tout")
    code = cli(graded_course.root, "export", *whole, "--to", str(destination), name)
    assert code == (2 if written else 0)
    if written:
        assert "Export refusé" in capsys.readouterr().err and not destination.exists()
        assert (
            cli(
                graded_course.root,
                "export",
                *whole,
                "--provisoire",
                "--to",
                str(destination),
                name,
            )
            == 0
        )
        assert "Export PROVISOIRE" in capsys.readouterr().out
    else:
        assert "Notes exportées" in capsys.readouterr().out
    with destination.open(encoding="utf-8") as handle:
        rows = {row["student_id"]: row for row in csv.DictReader(handle)}
    assert set(expected) <= set(rows)
    for student, score in expected.items():
        assert float(rows[student]["score"]) == pytest.approx(score, abs=0.01), student
        assert float(rows[student]["max_score"]) == total
        assert rows[student]["assignment"] == name
        if written:
            final = rows[student]["Statut"] == "définitive"
            assert final == (student != "solution"), student  # only the solution wrote them

    # By default, what the module's header announces: its in-class part and reflection when
    # the version built for grading declares graded="in-class", else the whole module.
    built = nbformat.read(graded_course.root / "source" / name / f"{name}.ipynb", as_version=4)
    declared = built.metadata.get(GRADED) == GRADED_IN_CLASS
    default = tmp_path / "defaut.csv"
    assert cli(graded_course.root, "export", "--provisoire", "--to", str(default), name) == 0
    with default.open(encoding="utf-8") as handle:
        rows = {row["student_id"]: row for row in csv.DictReader(handle)}
    part = rows["solution"].get("Partie", "")
    assert part.startswith("partie en séance") == declared, part
    if declared:
        assert float(rows["solution"]["max_score"]) < total
