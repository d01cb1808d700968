"""The students' feedback page: French from top to bottom, one reason per question."""

from __future__ import annotations

import re

import nbformat
import pytest
from bs4 import BeautifulSoup

from esn_teach.course._source import SOLUTION_BEGIN, SOLUTION_END
from esn_teach.grading import configure_feedback, insert_marking_guides
from esn_teach.grading._feedback import feedback_html, is_marking_guide, marking_guides

GUIDE = "1 point si la réponse cite la perte de chance (GUIDE_SECRET)."
#: What nbgrader's own feedback template and Python's tracebacks would show.
ENGLISH = [
    "Score",
    "Test cell",
    "Student's answer",
    "Written response",
    "Comments:",
    "No response",
    "Traceback (most recent",
    "KeyboardInterrupt",
    "CellTimeoutError",
    "In&nbsp;[",
    "Out[",
    "(Top)",
    "Late submission",
]


def _meta(**values) -> dict:
    return {"schema_version": 3, "locked": False, "solution": False, "grade": False, **values}


def _answer(name: str, code: str, *errors: tuple[str, str], count: int | None = 1):
    cell = nbformat.v4.new_code_cell(code, execution_count=count)
    cell.metadata["nbgrader"] = _meta(grade_id=name, solution=True)
    cell.outputs = [
        nbformat.v4.new_output(
            "error", ename=e, evalue=v, traceback=["Traceback (most recent call last)", f"{e}"]
        )
        for e, v in errors
    ]
    return cell


def _tests(name: str, score: float, *errors: tuple[str, str], count: int | None = 2):
    cell = nbformat.v4.new_code_cell(
        f"checks.check_number({name}, name='{name}')\n### BEGIN HIDDEN TESTS\n"
        f"assert {name} == 42  # HIDDEN_SECRET\n### END HIDDEN TESTS",
        execution_count=count,
    )
    cell.metadata["nbgrader"] = _meta(
        grade_id=f"{name}_tests", grade=True, locked=True, points=2, score=score
    )
    cell.outputs = [
        nbformat.v4.new_output("error", ename=e, evalue=v, traceback=["Traceback", "line 3"])
        for e, v in errors
    ]
    return cell


def _written(name: str, text: str, score: float | None, comment: str) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_markdown_cell(text)
    cell.metadata["nbgrader"] = _meta(
        grade_id=name, grade=True, solution=True, points=3, score=score, comment=comment
    )
    return cell


def _autograded() -> nbformat.NotebookNode:
    incorrect = "Réponse à revoir (faux) : vous avez calculé la spécificité."
    cells = [
        _answer("boucle", "while True: pass", ("KeyboardInterrupt", ""), ("CellTimeoutError", "")),
        _tests("boucle", 0, ("NameError", "name 'boucle' is not defined")),
        _answer("erreur", "erreur = 1 / 0", ("ZeroDivisionError", "division by zero")),
        _tests("erreur", 0, ("NameError", "name 'erreur' is not defined")),
        _answer("faux", "faux = 0.3"),
        _tests("faux", 0, ("IncorrectAnswer", incorrect)),
        _answer("vide", "vide = ..."),
        _tests("vide", 0, ("NotAttempted", "Question non traitée (vide) : remplacez « ... ».")),
        _answer("juste", "juste = 42"),
        _tests("juste", 1.5),
        _answer("arret", "import os; os._exit(1)"),
        _tests("arret", 0, count=None),
        _written("reflexion", "VOTRE RÉPONSE ICI", 0, "No response."),
        _written("avis", "La perte de chance.", 2.5, "Bien vu ; citez la source."),
        _written("attente", "Mon avis.", None, ""),
    ]
    cells[9].metadata["nbgrader"]["points"] = 2
    cells[8].metadata["nbgrader"]["comment"] = "No response."  # nbgrader's, on blank code too
    notebook = nbformat.v4.new_notebook(cells=cells)
    insert_marking_guides(notebook, {"avis": GUIDE})
    return notebook


@pytest.fixture(scope="module")
def page() -> BeautifulSoup:
    html = feedback_html(_autograded(), name="01_module", score=4.0, max_score=17.0)
    return BeautifulSoup(html, "html.parser")


def _rows(page: BeautifulSoup) -> dict[str, list[str]]:
    rows = {}
    for row in page.select(".esn-summary tbody tr"):
        cells = [td.get_text(" ", strip=True) for td in row.find_all("td")]
        rows[re.sub(r".*\((\w+)\)$", r"\1", cells[0])] = cells[1:]
    return rows


def test_one_french_reason_per_question(page):
    rows = _rows(page)
    assert list(rows) == [
        "boucle",
        "erreur",
        "faux",
        "vide",
        "juste",
        "arret",
        "reflexion",
        "avis",
        "attente",
    ]
    assert rows["boucle"][1].startswith("Délai dépassé : votre cellule de réponse")
    assert "not defined" not in rows["boucle"][1]  # the consequence, never the cause
    assert rows["erreur"][1].startswith("Erreur dans votre cellule de réponse : division par zéro")
    assert rows["faux"][1] == "Incorrecte : vous avez calculé la spécificité."
    assert rows["vide"][1] == "Non traitée : remplacez « ... »."
    assert rows["juste"] == ["1,5 / 2", "Réussie.", "—"]
    assert rows["arret"][1].startswith("Non vérifiée : l'exécution de votre copie s'est arrêtée")
    assert rows["reflexion"] == ["0 / 3", "Aucune réponse rédigée.", "—"]
    assert rows["avis"] == [
        "2,5 / 3",
        "Réponse rédigée, notée par l'enseignant.",
        "Bien vu ; citez la source.",
    ]
    assert rows["attente"][:2] == ["à noter", "Réponse rédigée, pas encore notée par l'enseignant."]


def test_page_is_french_without_traceback_hidden_test_or_guide(page):
    html = str(page)
    assert page.html["lang"] == "fr"
    assert page.title.get_text().startswith("Retour sur votre copie : 01_module")
    assert page.select_one(".esn-total").get_text(strip=True) == "Note : 4 / 17"
    for word in ENGLISH:
        assert word not in html, word
    assert "HIDDEN_SECRET" not in html
    assert "GUIDE_SECRET" not in html and "Guide de correction" not in html
    assert not page.find_all("script")  # nothing runs, nothing is fetched
    assert not re.search(r"""(src|href)=["']?https?:""", html)
    # Every error shown in the copy is one French line.
    errors = [pre.get_text(strip=True) for pre in page.select(".output_error pre")]
    assert "Cellule arrêtée : elle a dépassé le temps de calcul autorisé." in errors
    assert "Erreur : division par zéro (ZeroDivisionError : division by zero)." in errors
    assert all("\n" not in error for error in errors)
    # Each question of the summary links to its place in the copy.
    for link in page.select(".esn-summary tbody a"):
        assert page.find(id=link["href"][1:]) is not None


def test_instructor_comment_under_the_answer(page):
    footers = [f.get_text(" ", strip=True) for f in page.select(".esn-panel-footer")]
    assert footers == ["Commentaire de l'enseignant : Bien vu ; citez la source."]


def test_late_penalty_in_french():
    html = feedback_html(_autograded(), name="m", score=3.0, max_score=17.0, late_penalty=1.5)
    assert "Pénalité de retard : −1,5 point(s)." in html


def test_marking_guides_from_source_inserted_once():
    written = nbformat.v4.new_markdown_cell(f"Consigne.\n{SOLUTION_BEGIN}\n{GUIDE}\n{SOLUTION_END}")
    written.metadata["nbgrader"] = _meta(grade_id="avis", grade=True, solution=True, points=3)
    other = nbformat.v4.new_markdown_cell(f"{SOLUTION_BEGIN}\nx\n{SOLUTION_END}")  # not graded
    source = nbformat.v4.new_notebook(cells=[written, other])
    assert marking_guides(source) == {"avis": GUIDE}
    autograded = nbformat.v4.new_notebook(cells=[_written("avis", "Réponse.", None, "")])
    assert insert_marking_guides(autograded, marking_guides(source)) == 1
    assert insert_marking_guides(autograded, marking_guides(source)) == 1  # replaced
    assert [is_marking_guide(cell) for cell in autograded.cells] == [False, True]
    guide = autograded.cells[1]
    assert GUIDE in guide.source and "jamais montré aux étudiants" in guide.source
    assert "nbgrader" not in guide.metadata  # worth nothing, never graded


def test_course_configuration_uses_the_french_template():
    from traitlets.config import Config

    config = configure_feedback(Config())
    assert "template_name" not in config.HTMLExporter  # the formgrader keeps its own
    assert config.HTMLExporter.extra_template_basedirs[0].endswith("grading/templates")
    assert config.GenerateFeedback.preprocessors[1].__name__ == "FrenchFeedback"


def test_the_course_configuration_gives_french_feedback(tmp_path):
    from esn_fixtures import make_course

    from esn_teach.course import Course

    config = Course(make_course(tmp_path / "cours"), tmp_path).config()
    assert "template_name" not in config.HTMLExporter
    assert [p.__name__ for p in config.GenerateFeedback.preprocessors] == [
        "GetGrades",
        "FrenchFeedback",
        "CSSHTMLHeaderPreprocessor",
    ]
