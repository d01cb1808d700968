"""The in-class export: only the grade cells before « Après la séance » count (real gradebook)."""

from __future__ import annotations

import copy
import csv
import inspect
import shutil
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from esn_fixtures import cli, make_course, submit
from grading_corpus import MODULE, TINY, submit_answers
from nbgrader.api import Gradebook

from esn_teach.cli import main
from esn_teach.course import Course
from esn_teach.grading import KEY_VARIABLE, export_grades, pseudonym

#: A module in two parts: 2 + 1 points in class, 3 + 4 points after class.
SESSION = "02_seance"
SESSION_SOURCE = """# %% [markdown]
# # Module en deux parties

# %%
from esn_teach import checks

# %% answer="a"
a = ...
### BEGIN SOLUTION
a = 1
### END SOLUTION

# %% tests="a" points=2
checks.check_number(a, name="a", expected=1)
### BEGIN HIDDEN TESTS
print("Pour le correcteur (réflexion) : a vaut", a)
assert a == 1
### END HIDDEN TESTS

# %% mistake="a"
# message : pas la valeur attendue
a = 3

# %% [markdown] written="avis_seance" points=1
# ### BEGIN SOLUTION
# guide
# ### END SOLUTION

# %% [markdown]
# ## Après la séance
#
# À faire chez soi.

# %% answer="b"
b = ...
### BEGIN SOLUTION
b = 2
### END SOLUTION

# %% tests="b" points=3
checks.check_number(b, name="b", expected=2)
### BEGIN HIDDEN TESTS
assert b == 2
### END HIDDEN TESTS

# %% mistake="b"
# message : pas la valeur attendue
b = 5

# %% [markdown] written="bilan" points=4
# ### BEGIN SOLUTION
# guide
# ### END SOLUTION
"""

IN_CLASS_CELLS = {"a_tests", "avis_seance"}
AFTER_CLASS_CELLS = {"b_tests", "bilan"}
#: Answers to the module in two parts: (a, b, in-class reflection, after-class reflection).
ANSWERS = {
    "ana": ("a = 1", "b = 2", "Mon avis en séance.", "Mon bilan, écrit chez moi."),
    "ben": ("a = 1", "b = ...", "Mon avis en séance.", ""),  # collected at the end of class
    "chloe": ("a = 3", "b = 2", "Mon avis en séance.", ""),
}
ID = "Numéro d'identification"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """Both modules built and released once: the tiny one (no after-class part) and SESSION."""
    base = tmp_path_factory.mktemp("in-class")
    notebooks = base / "notebooks"
    notebooks.mkdir()
    (notebooks / f"{MODULE}.py").write_text(TINY, encoding="utf-8")
    (notebooks / f"{SESSION}.py").write_text(SESSION_SOURCE, encoding="utf-8")
    course = make_course(base / "grading")
    assert cli(course, "build", notebooks=notebooks) == 0
    assert cli(course, "release", notebooks=notebooks) == 0
    return course, notebooks


@pytest.fixture
def graded(built, tmp_path) -> tuple[Path, Path, Course]:
    """A copy of the course, every copy autograded; no reflection graded yet."""
    course_root = shutil.copytree(built[0], tmp_path / "grading")
    notebooks = built[1]
    submit_answers(course_root, {"ana": "x = 1", "ben": "x = 3"})  # chloe skipped 01
    released = nbformat.read(course_root / "release" / SESSION / f"{SESSION}.ipynb", as_version=4)
    for student, texts in ANSWERS.items():
        notebook = copy.deepcopy(released)
        by_id = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in notebook.cells}
        for cell_id, text in zip(("a", "b", "avis_seance", "bilan"), texts, strict=True):
            if text:
                by_id[cell_id].source = text
        submit(course_root, student, SESSION, notebook)
    for module in (MODULE, SESSION):
        assert cli(course_root, "autograde", module, notebooks=notebooks) == 0
    return course_root, notebooks, Course(course_root, notebooks)


def _grade(course: Course, cell: str, scores: dict[str, float]) -> None:
    """What an instructor does in the formgrader: a manual score for a reflection."""
    with Gradebook(course.db_url, course.course_id) as gradebook:
        for student, score in scores.items():
            grade = gradebook.find_grade(cell, SESSION, SESSION, student)
            grade.manual_score = score
            grade.needs_manual_grade = False
        gradebook.db.commit()


def _gradebook_scores(course: Course) -> dict[str, dict[str, float]]:
    with Gradebook(course.db_url, course.course_id) as gradebook:
        return {
            submission.student.id: {
                grade.name: float(grade.score)
                for notebook in submission.notebooks
                for grade in notebook.grades
            }
            for submission in gradebook.find_assignment(SESSION).submissions
        }


def _rows(path: Path, key: str = ID) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return {row[key]: row for row in csv.DictReader(handle)}


def _nbgrader_rows(path: Path) -> dict[tuple[str, str], dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return {(row["student_id"], row["assignment"]): row for row in csv.DictReader(handle)}


@pytest.mark.slow
def test_in_class_export_counts_only_the_cells_before_the_boundary(graded, tmp_path, capsys):
    course_root, _, course = graded
    moodle = tmp_path / "moodle.csv"
    in_class = tmp_path / "moodle-seance.csv"
    capsys.readouterr()

    # Every in-class reflection waits for the instructor: refused either way, and only the
    # in-class reflections are named for the in-class export (the after-class one is not
    # exported, so it holds nothing back).
    assert cli(course_root, "export", "--format", "moodle", "--to", str(moodle)) == 2
    err = capsys.readouterr().err
    assert "Export refusé : 3 notes ne sont pas définitives" in err
    assert f"ana — {SESSION} : réflexion « avis_seance » pas encore notée ; réflexion " in err
    args = ("export", "--format", "moodle", "--partie", "seance", "--to", str(in_class))
    assert cli(course_root, *args) == 2
    err = capsys.readouterr().err
    assert "Export refusé : 3 notes ne sont pas définitives" in err and "bilan" not in err
    assert not in_class.exists()
    assert cli(course_root, *args, "--provisoire") == 0
    out = capsys.readouterr().out
    assert "Export PROVISOIRE (format Moodle), partie en séance seulement" in out
    status = _rows(in_class)["ana"]["Statut"]
    assert status == f"{SESSION} provisoire : réflexion « avis_seance » pas encore notée"

    # In-class reflections graded: the in-class export is final, the whole one is not (ana's
    # after-class reflection waits).
    _grade(course, "avis_seance", {"ana": 1.0, "ben": 0.5, "chloe": 1.0})
    assert cli(course_root, "export", "--format", "moodle", "--to", str(moodle)) == 2
    err = capsys.readouterr().err
    assert "1 note n'est pas définitive" in err and f"ana — {SESSION} : réflexion « bilan »" in err
    assert cli(course_root, *args) == 0
    out = capsys.readouterr().out
    assert "Notes exportées (format Moodle), partie en séance seulement" in out
    assert f"  - {MODULE} : pas de partie « Après la séance », module compté en entier (sur 2)" in (
        out
    )
    assert (
        f"  - {SESSION} : sur 3 au lieu de 10 ; laissées de côté (après la séance) : "
        "b_tests, bilan" in out
    )
    seance = _rows(in_class)
    column = f"{SESSION} — partie en séance (sur 3 au lieu de 10)"
    whole_column = f"{MODULE} — partie en séance (module entier, sur 2)"
    assert list(seance["ana"]) == [ID, whole_column, column]
    assert {s: row[column] for s, row in seance.items()} == {
        "ana": "3.00",
        "ben": "2.50",
        "chloe": "1.00",
    }

    # Everything graded: the whole export, and the in-class one, which has not moved.
    _grade(course, "bilan", {"ana": 4.0})
    assert cli(course_root, "export", "--format", "moodle", "--to", str(moodle)) == 0
    assert "partie en séance" not in capsys.readouterr().out
    whole = _rows(moodle)
    assert list(whole["ana"]) == [ID, MODULE, SESSION]
    assert {s: row[SESSION] for s, row in whole.items()} == {
        "ana": "10.00",
        "ben": "2.50",
        "chloe": "4.00",
    }
    assert cli(course_root, *args) == 0
    assert _rows(in_class) == seance

    # The two exports differ, student by student, by exactly the after-class cells' scores.
    grades = _gradebook_scores(course)
    assert set(grades["ana"]) == IN_CLASS_CELLS | AFTER_CLASS_CELLS
    for student, cells in grades.items():
        after = sum(cells[c] for c in AFTER_CLASS_CELLS)
        assert float(whole[student][SESSION]) - float(seance[student][column]) == after
        assert float(seance[student][column]) == sum(cells[c] for c in IN_CLASS_CELLS)
    # The module without an after-class part is unchanged, empty cell (chloe) included.
    assert {s: r[whole_column] for s, r in seance.items()} == {
        s: r[MODULE] for s, r in whole.items()
    }
    assert whole["chloe"][MODULE] == ""

    # nbgrader's CSV: same scores, the maximum follows, and each row says which part it counts.
    plain, part = tmp_path / "notes.csv", tmp_path / "notes-seance.csv"
    assert cli(course_root, "export", "--to", str(plain)) == 0
    assert cli(course_root, "export", "--partie", "séance", "--to", str(part)) == 0
    plain_rows, part_rows = _nbgrader_rows(plain), _nbgrader_rows(part)
    assert set(plain_rows) == set(part_rows)
    assert "Partie" not in next(iter(plain_rows.values()))
    with Gradebook(course.db_url, course.course_id) as gradebook:
        maxima = {
            cell.name: float(cell.max_score)
            for notebook in gradebook.find_assignment(SESSION).notebooks
            for cell in [*notebook.grade_cells, *notebook.task_cells]
        }
    for (student, module), row in part_rows.items():
        full = plain_rows[(student, module)]
        if module == MODULE:
            assert row["Partie"] == "partie en séance (module entier, sur 2)"
            assert (row["score"], row["max_score"]) == (full["score"], full["max_score"])
            continue
        assert row["Partie"] == "partie en séance (sur 3 au lieu de 10)"
        assert float(full["max_score"]) - float(row["max_score"]) == sum(
            maxima[c] for c in AFTER_CLASS_CELLS
        )
        assert float(row["max_score"]) == 3.0 and float(full["max_score"]) == 10.0
        after = sum(grades[student][c] for c in AFTER_CLASS_CELLS)
        assert float(full["score"]) - float(row["score"]) == after
        assert float(row["score"]) == float(seance[student][column])
        assert float(row["raw_score"]) == float(row["score"])  # no late penalty configured

    # Pseudonymised: scores are looked up before identities are replaced.
    key = "une-clé-secrète-du-cours-2026"
    pseudo = tmp_path / "pseudo.csv"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(KEY_VARIABLE, key)
        assert (
            cli(course_root, "export", "--partie", "seance", "--pseudonymise", "--to", str(pseudo))
            == 0
        )
    pseudo_rows = _nbgrader_rows(pseudo)
    for (student, module), row in part_rows.items():
        assert pseudo_rows[(pseudonym(student, key.encode()), module)]["score"] == row["score"]


@pytest.mark.slow
def test_in_class_export_counts_the_reflection_of_a_version_graded_in_class(
    graded, tmp_path, capsys
):
    """Review 04 d18: a version declaring graded="in-class" announces a grade of the in-class
    questions and the reflection (module 04: 8 + 3 = 11 points), but ``--partie seance`` gave
    8 without the reflection, marked final. The built module says it (notebook metadata)."""
    from esn_teach.course import GRADED, GRADED_IN_CLASS

    course_root, _, course = graded
    built = course_root / "source" / SESSION / f"{SESSION}.ipynb"
    notebook = nbformat.read(built, as_version=4)
    notebook.metadata[GRADED] = GRADED_IN_CLASS  # as the build writes it for such a version
    nbformat.write(notebook, built)
    _grade(course, "avis_seance", {"ana": 1.0, "ben": 0.5, "chloe": 1.0})
    target = tmp_path / "seance.csv"
    args = ("export", "--format", "moodle", "--partie", "seance", "--to", str(target))
    capsys.readouterr()
    assert cli(course_root, *args) == 2  # ana's reflection written at home waits
    err = capsys.readouterr().err
    assert f"ana — {SESSION} : réflexion « bilan » pas encore notée" in err
    _grade(course, "bilan", {"ana": 4.0})
    assert cli(course_root, *args) == 0
    out = capsys.readouterr().out
    assert (
        f"  - {SESSION} : sur 7 au lieu de 10 ; laissées de côté (après la séance) : b_tests"
        in (out)
    )
    column = f"{SESSION} — partie en séance, réflexion comprise (sur 7 au lieu de 10)"
    assert {s: row[column] for s, row in _rows(target).items()} == {
        "ana": "7.00",
        "ben": "2.50",
        "chloe": "1.00",
    }

    # Review 07 d19: the default export counted the whole module (/10, practice questions
    # included) although the header tells students the grade is the session and the
    # reflection. By default, each module counts what its header announces.
    default = tmp_path / "defaut.csv"
    assert cli(course_root, "export", "--format", "moodle", "--to", str(default)) == 0
    out = capsys.readouterr().out
    assert "partie en séance des modules dont l'en-tête l'annonce aux étudiants" in out
    assert f"  - {SESSION} : sur 7 au lieu de 10" in out
    rows = _rows(default)
    assert {s: row[column] for s, row in rows.items()} == {
        "ana": "7.00",
        "ben": "2.50",
        "chloe": "1.00",
    }
    whole = tmp_path / "entier.csv"
    assert (
        cli(course_root, "export", "--format", "moodle", "--partie", "tout", "--to", str(whole))
        == 0
    )
    whole_rows = _rows(whole)
    assert {s: row[SESSION] for s, row in whole_rows.items()} == {
        "ana": "10.00",  # b_tests' 3 points, practice after class, count here
        "ben": "2.50",
        "chloe": "4.00",
    }
    assert {s: row[MODULE] for s, row in rows.items()} == {  # not declared: whole in both
        s: row[MODULE] for s, row in whole_rows.items()
    }
    # nbgrader's CSV: the column « Partie » says which part each row counts.
    plain = tmp_path / "defaut-nbgrader.csv"
    assert cli(course_root, "export", "--to", str(plain)) == 0
    parts = {key: row["Partie"] for key, row in _nbgrader_rows(plain).items()}
    assert {part for (_, module), part in parts.items() if module == MODULE} == {"module entier"}
    assert {part for (_, module), part in parts.items() if module == SESSION} == {
        "partie en séance, réflexion comprise (sur 7 au lieu de 10)"
    }


@pytest.mark.slow
def test_in_class_export_reads_the_built_module_on_a_hub(graded, tmp_path, capsys):
    """Only the nbgrader course folder: the boundary comes from source/, never from notebooks/."""
    course_root, _, course = graded
    _grade(course, "avis_seance", {s: 1.0 for s in ANSWERS})
    _grade(course, "bilan", {"ana": 4.0})
    nowhere = tmp_path / "pas-de-sources"
    target = tmp_path / "seance.csv"
    args = ("export", "--format", "moodle", "--partie", "seance", "--to", str(target))
    assert cli(course_root, *args, SESSION[:2], notebooks=nowhere) == 0
    assert list(_rows(target)["ana"]) == [ID, f"{SESSION} — partie en séance (sur 3 au lieu de 10)"]

    # The library: keyword-only, same file.
    parameter = inspect.signature(export_grades).parameters["in_class_only"]
    assert parameter.kind is inspect.Parameter.KEYWORD_ONLY and parameter.default is None
    same = tmp_path / "api.csv"
    exported = export_grades(
        Course(course_root, nowhere), same, [SESSION], format="moodle", in_class_only=True
    )
    assert not exported.provisional and exported.check.parts[SESSION].left_out == (
        "b_tests",
        "bilan",
    )
    assert same.read_text(encoding="utf-8") == target.read_text(encoding="utf-8")

    # A built module that no longer matches the gradebook is refused, in French.
    built = course_root / "source" / SESSION / f"{SESSION}.ipynb"
    notebook = nbformat.read(built, as_version=4)
    for cell in notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "b_tests":
            cell.metadata["nbgrader"]["grade_id"] = "b_renomme"
    nbformat.write(notebook, built)
    capsys.readouterr()
    assert cli(course_root, *args, notebooks=nowhere) == 2
    err = capsys.readouterr().err
    assert f"{SESSION} : le carnet de notes compte 1 question que le module construit" in err
    assert "n'a plus : b_tests" in err and "Traceback" not in err
    # Without the built module, no in-class export; the whole export does not need it.
    built.unlink()
    assert cli(course_root, *args, notebooks=nowhere) == 2
    err = capsys.readouterr().err
    assert f"Partie en séance de {SESSION} introuvable" in err and "« --partie tout »" in err
    # The whole export does not need it; the default one does (what does the header announce?).
    assert cli(course_root, "export", "--to", str(target), notebooks=nowhere) == 2
    err = capsys.readouterr().err
    assert "impossible de savoir si sa note porte sur la séance seule" in err
    assert f"esn-teach build {SESSION}" in err and "Traceback" not in err
    assert (
        cli(course_root, "export", "--partie", "tout", "--to", str(target), notebooks=nowhere) == 0
    )


def test_export_help_and_errors_are_french(capsys):
    with pytest.raises(SystemExit) as info:
        main(["export", "--help"])
    assert info.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert out.startswith("utilisation : esn-teach export")
    assert "--partie {tout,seance}" in out
    assert "tout : le module entier ; seance : seulement la partie en séance" in out
    assert "Par défaut : ce que l'en-" in out and "de chaque module annonce aux étudiants" in out
    assert "show this help" not in out
    with pytest.raises(SystemExit) as info:
        main(["export", "--partie", "moitie"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "choix invalide" in err and "(valeurs possibles : 'tout', 'seance')" in err


@pytest.mark.slow
def test_feedback_shows_the_grade_the_header_announced(graded, capsys, caplog):
    """Review 08 d20: for a version declaring graded="in-class", the feedback page said
    « Note : 13 / 16 », the after-class practice included, while the notebook announced a
    grade out of 10 and the export gave 7 / 10. And the hidden test's « Pour le
    correcteur » line, meant for the marking guide, was on the student's page."""
    from esn_teach.course import GRADED, GRADED_IN_CLASS

    course_root, notebooks, course = graded
    _grade(course, "avis_seance", {"ana": 1.0, "ben": 0.5, "chloe": 1.0})
    _grade(course, "bilan", {"ana": 4.0, "ben": 0.0, "chloe": 0.0})
    page = course_root / "feedback" / "ana" / SESSION / f"{SESSION}.html"

    def text() -> str:
        return " ".join(BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").text.split())

    # Not declared: nbgrader's total, whole module.
    assert cli(course_root, "feedback", SESSION, notebooks=notebooks) == 0
    assert "Note : 10 / 10" in text() and "hors note" not in text()
    # The marker's line stays in the graded copy, never on the student's page.
    graded_copy = course_root / "autograded" / "ana" / SESSION / f"{SESSION}.ipynb"
    assert "Pour le correcteur (réflexion) : a vaut 1" in graded_copy.read_text(encoding="utf-8")
    assert "Pour le correcteur" not in page.read_text(encoding="utf-8")

    built = course_root / "source" / SESSION / f"{SESSION}.ipynb"
    notebook = nbformat.read(built, as_version=4)
    notebook.metadata[GRADED] = GRADED_IN_CLASS  # as the build writes it for such a version
    nbformat.write(notebook, built)
    assert cli(course_root, "feedback", SESSION, notebooks=notebooks) == 0
    said = text()
    # a (2) + avis_seance (1) + bilan (4): 7 of 7 counted; b (3 points) is practice.
    assert "Note : 7 / 7" in said and "Note : 10 / 10" not in said
    assert "hors de la note : 3 / 3" in said
    assert "3 / 3 (entraînement, hors note)" in said
    chloe = " ".join(
        BeautifulSoup(
            (course_root / "feedback" / "chloe" / SESSION / f"{SESSION}.html").read_text(
                encoding="utf-8"
            ),
            "html.parser",
        ).text.split()
    )
    assert "Note : 1 / 7" in chloe and "hors de la note : 3 / 3" in chloe
    # The copy's own metadata does not decide it: the built module does.
    notebook.metadata.pop(GRADED)
    nbformat.write(notebook, built)
    assert cli(course_root, "feedback", SESSION, notebooks=notebooks) == 0
    assert "Note : 10 / 10" in text()
    # Without the built module the page cannot set the practice apart: the command says so.
    hidden = built.with_name("ailleurs.ipynb")
    built.rename(hidden)
    capsys.readouterr()
    try:
        cli(course_root, "feedback", SESSION, notebooks=notebooks)
    finally:
        hidden.rename(built)
    captured = capsys.readouterr()
    said = captured.out + captured.err + caplog.text
    assert "Module construit introuvable" in said and "esn-teach build" in said


def test_a_reflection_handed_in_apart_waits_for_the_teacher(tmp_path):
    """Module 13's lecturer (d21): in an evaluated session the copy is collected at the end
    and the reflection written after it is handed in apart, as the header says; its empty
    cell was scored 0 « no response » on every copy, never flagged, and the feedback said
    « 0 / 4 Aucune réponse rédigée ». It now waits for the teacher's grade (0 included)."""
    from esn_teach.course import HANDED_APART
    from esn_teach.grading import grade_status

    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    # Two versions, as every module of the course: the evaluated one is built for the session.
    two_versions = SESSION_SOURCE.replace(
        "# %%\nfrom esn_teach import checks",
        '# %% [markdown] session="evaluation"\n# Séance évaluée.\n\n'
        "# %%\nfrom esn_teach import checks",
    )
    (notebooks / f"{SESSION}.py").write_text(two_versions, encoding="utf-8")
    course_root = make_course(tmp_path / "grading")
    assert cli(course_root, "release", "--evaluation", SESSION, notebooks=notebooks) == 0
    course = Course(course_root, notebooks)
    assert nbformat.read(course.source_path(SESSION), as_version=4).metadata[HANDED_APART] == [
        "bilan"
    ]
    released = nbformat.read(course_root / "release" / SESSION / f"{SESSION}.ipynb", as_version=4)
    header = next(c.source for c in released.cells if c.get("id") == "esn-outline")
    assert "se rend à part" in header
    for student in ("ana", "ben"):
        notebook = copy.deepcopy(released)
        by_id = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in notebook.cells}
        for cell_id, text in (("a", "a = 1"), ("b", "b = 2"), ("avis_seance", "Mon avis.")):
            by_id[cell_id].source = text
        submit(course_root, student, SESSION, notebook)  # « bilan » left empty: handed apart
    assert cli(course_root, "autograde", SESSION, notebooks=notebooks) == 0
    with Gradebook(course.db_url, course.course_id) as gradebook:
        grade = gradebook.find_grade("bilan", SESSION, SESSION, "ben")
        assert grade.needs_manual_grade and grade.auto_score is None and grade.score == 0
    pending = grade_status(course, [SESSION]).pending
    assert "réflexion « bilan » pas encore notée" in pending[("ben", SESSION)]
    assert cli(course_root, "feedback", SESSION, notebooks=notebooks) == 0
    page = course_root / "feedback" / "ben" / SESSION / f"{SESSION}.html"
    said = " ".join(BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").text.split())
    assert "Réflexion rendue à part, après la séance : pas encore notée" in said
    assert "Aucune réponse rédigée" not in said
    # The teacher's grade, 0 included, is final; a new autograde never wipes it (nbgrader
    # itself then asks to review a manual grade again).
    _grade(course, "bilan", {"ben": 0, "ana": 3})
    _grade(course, "avis_seance", {"ben": 1, "ana": 1})
    assert ("ben", SESSION) not in grade_status(course, [SESSION]).pending
    assert cli(course_root, "autograde", "--force", SESSION, notebooks=notebooks) == 0
    with Gradebook(course.db_url, course.course_id) as gradebook:
        assert gradebook.find_grade("bilan", SESSION, SESSION, "ben").manual_score == 0
