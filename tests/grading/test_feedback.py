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
        f"# Vérification : exécutez cette cellule.\nchecks.check_number({name}, name='{name}')\n"
        "### BEGIN HIDDEN TESTS\n"
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
    placeholder = "Question non traitée (vide) : la variable « vide » vaut encore « ... »."
    title = nbformat.v4.new_markdown_cell("# Module 99 — Un module d'essai\n\nIntroduction.")
    heading = nbformat.v4.new_markdown_cell(
        "### Question 1 — La boucle (2 points)\n\n$$\\text{VPP} = \\frac{a}{b}$$"
    )
    explorer = nbformat.v4.new_code_cell("explorateur", execution_count=1)
    explorer.outputs = [
        nbformat.v4.new_output(
            "display_data",
            data={
                "text/html": "<script>x()</script>",
                "text/plain": "<IPython.core.display.HTML object>",
            },
        ),
        nbformat.v4.new_output(
            "display_data",
            data={
                "application/vnd.jupyter.widget-view+json": {"model_id": "x"},
                "text/plain": "VBox(children=(FloatSlider(value=0.5),))",
            },
        ),
    ]
    recheck = _tests("refait", 0, ("VerificationIndependante", "Ce test ne passe pas…"))
    cells = [
        title,
        heading,
        _answer("boucle", "while True: pass", ("KeyboardInterrupt", ""), ("CellTimeoutError", "")),
        _tests("boucle", 0, ("NameError", "name 'boucle' is not defined")),
        _answer("erreur", "erreur = 1 / 0", ("ZeroDivisionError", "division by zero")),
        _tests("erreur", 0, ("NameError", "name 'erreur' is not defined")),
        _answer("faux", "faux = 0.3"),
        _tests("faux", 0, ("IncorrectAnswer", incorrect)),
        _answer("vide", "vide = ..."),
        _tests("vide", 0, ("NotAttempted", placeholder)),
        _answer("juste", "juste = 42"),
        _tests("juste", 1.5),
        explorer,
        _answer("arret", "import os; os._exit(1)"),
        _tests("arret", 0, count=None),
        _answer("tue", "x = 1"),
        _tests(
            "tue", 0, ("CelluleNonExecutee", "Cellule non exécutée : mémoire dépassée"), count=None
        ),
        _answer("refait", "refait = 42"),
        recheck,
        _written("reflexion", "VOTRE RÉPONSE ICI", 0, "No response."),
        _written("avis", "La perte de chance.", 2.5, "Bien vu ; citez la source."),
        _written("attente", "Mon avis.", None, ""),
    ]
    cells[11].metadata["nbgrader"]["points"] = 2
    cells[10].metadata["nbgrader"]["comment"] = "No response."  # nbgrader's, on blank code too
    notebook = nbformat.v4.new_notebook(cells=cells)
    insert_marking_guides(notebook, {"avis": GUIDE})
    return notebook


@pytest.fixture(scope="module")
def page() -> BeautifulSoup:
    html = feedback_html(_autograded(), name="01_module", score=4.0, max_score=17.0)
    return BeautifulSoup(html, "html.parser")


def _rows(page: BeautifulSoup) -> dict[str, list[str]]:
    """Summary rows by grade id (the link's target), each as its cells' text."""
    rows = {}
    for row in page.select(".esn-summary tbody tr"):
        cells = [td.get_text(" ", strip=True) for td in row.find_all("td")]
        rows[row.find("a")["href"][1:].removesuffix("_tests")] = cells
    return rows


def test_one_french_reason_per_question(page):
    rows = _rows(page)
    assert list(rows) == [
        "boucle", "erreur", "faux", "vide", "juste", "arret", "tue", "refait",
        "reflexion", "avis", "attente",
    ]  # fmt: skip
    # Questions are named by the module's headings, without « (2 points) ».
    assert rows["boucle"][0] == "Question 1 — La boucle"
    assert rows["boucle"][2].startswith(
        "Délai dépassé : votre cellule de réponse ne s'est pas terminée dans le temps autorisé"
    )
    assert "not defined" not in rows["boucle"][2]  # the consequence, never the cause
    assert rows["erreur"][2].startswith(
        "Erreur dans votre cellule de réponse : division par zéro (nom technique : "
        "ZeroDivisionError) ;"
    )
    assert "division by zero" not in rows["erreur"][2]
    assert rows["faux"][2] == "Incorrecte : vous avez calculé la spécificité."
    assert rows["vide"][2] == "Non traitée : les trois points « ... » n'ont pas été remplacés."
    # A passed check with fewer points: the instructor changed them in the formgrader.
    assert rows["juste"][1:] == [
        "1,5 / 2",
        "Points modifiés par l'enseignant après examen (1,5 / 2).",
        "—",
    ]
    assert rows["arret"][2].startswith("Non vérifiée : l'exécution de votre copie s'est arrêtée")
    assert rows["tue"][2] == (
        "Non vérifiée : l'exécution de votre copie s'est arrêtée avant (mémoire dépassée)."
    )
    assert rows["refait"][2].startswith("À examiner : ") and "l'enseignant" in rows["refait"][2]
    # True before and after the instructor's decision (the page cannot tell which).
    assert "elle reste à 0 tant qu'il ne l'a pas examinée" in rows["refait"][2]
    assert rows["reflexion"][1:] == ["0 / 3", "Aucune réponse rédigée.", "—"]
    assert rows["avis"][1:] == [
        "2,5 / 3",
        "Réponse rédigée, notée par l'enseignant.",
        "Bien vu ; citez la source.",
    ]
    assert rows["attente"][1:3] == [
        "à noter",
        "Réponse rédigée, pas encore notée par l'enseignant.",
    ]


def test_page_is_french_without_traceback_hidden_test_or_guide(page):
    html = str(page)
    assert page.html["lang"] == "fr"
    assert page.title.get_text() == "Retour sur votre copie : Module 99 — Un module d'essai"
    assert page.select_one(".esn-total").get_text(strip=True) == "Note : 4 / 17 (provisoire)"
    assert "Note provisoire" in page.get_text()  # a written answer is not graded yet
    for word in ENGLISH:
        assert word not in html, word
    assert "HIDDEN_SECRET" not in html
    assert "GUIDE_SECRET" not in html and "Guide de correction" not in html
    assert not page.find_all("script")  # nothing runs, nothing is fetched
    assert not re.search(r"""(src|href)=["']?https?:""", html)
    # Every error shown in the copy is one French line.
    errors = [pre.get_text(strip=True) for pre in page.select(".output_error pre")]
    assert "Cellule arrêtée : elle a dépassé le temps de calcul autorisé." in errors
    assert "Erreur : division par zéro (nom technique : ZeroDivisionError)." in errors
    assert all("\n" not in error for error in errors)
    # No programmer's leftovers: explorers are announced, empty outputs dropped.
    text = page.get_text()
    assert "object>" not in text and "VBox" not in text
    assert "Explorateur interactif" in text
    # The formula is drawn (no MathJax here), described in words.
    formula = page.find("img", alt=re.compile("^Formule"))
    assert formula["alt"] == "Formule : VPP = (a) ÷ (b)"
    assert formula["src"].startswith("data:image/png;base64,") and "$$" not in text
    # A check shows its opening comment, not its code.
    assert "checks.check_number" not in text
    # Each question of the summary links to its place in the copy.
    for link in page.select(".esn-summary tbody a"):
        assert page.find(id=link["href"][1:]) is not None


def test_instructor_comment_under_the_answer(page):
    footers = [f.get_text(" ", strip=True) for f in page.select(".esn-panel-footer")]
    assert footers == ["Commentaire de l'enseignant : Bien vu ; citez la source."]


def test_late_penalty_in_french():
    html = feedback_html(_autograded(), name="m", score=3.0, max_score=17.0, late_penalty=1.5)
    assert "Pénalité de retard : −1,5 point, déjà retirée de la note." in html


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
        "GetGradesPending",
        "FrenchFeedback",
        "CSSHTMLHeaderPreprocessor",
    ]


def test_guides_need_the_french_feedback():
    """Without FrenchFeedback in the course's configuration, no guide goes into the copies."""
    from traitlets.config import Config

    from esn_teach.grading._feedback import feedback_is_configured

    assert feedback_is_configured(configure_feedback(Config()))
    stock = Config()
    stock.GenerateFeedback.preprocessors = ["nbgrader.preprocessors.GetGrades"]
    assert not feedback_is_configured(stock)
    assert not feedback_is_configured(Config())
    named = Config()
    named.GenerateFeedback.preprocessors = ["esn_teach.grading.FrenchFeedback"]
    assert feedback_is_configured(named)


def test_instructor_override_is_said():
    """Points changed in the formgrader are never shown beside « Incorrecte » alone."""
    notebook = nbformat.v4.new_notebook(
        cells=[
            _answer("faux", "faux = 0.3"),
            _tests("faux", 2, ("IncorrectAnswer", "Réponse à revoir (faux) : trop petit.")),
            _answer("juste", "juste = 42"),
            _tests("juste", 1),
        ]
    )
    notebook.cells[0].metadata["nbgrader"]["comment"] = "No response. Valeur juste, arrondie."
    rows = _rows(
        BeautifulSoup(feedback_html(notebook, name="m", score=3, max_score=4), "html.parser")
    )
    assert rows["faux"][2].startswith("Points accordés par l'enseignant après examen (2 / 2)")
    assert rows["faux"][3] == "Valeur juste, arrondie."  # nbgrader's « No response. » removed
    assert rows["juste"][2] == "Points modifiés par l'enseignant après examen (1 / 2)."


def test_forged_feedback_metadata_never_reaches_the_page():
    """A student's cell claiming esn-teach's display metadata is printed escaped, never as HTML."""
    notebook = _autograded()
    forged = nbformat.v4.new_code_cell("x = 1", execution_count=3)
    forged.metadata["esn_feedback"] = {"heading": "<script>alert(1)</script>", "anchor": "x"}
    notebook.cells.insert(2, forged)
    page = feedback_html(notebook, name="m", score=0, max_score=1)
    assert "<script>alert(1)</script>" not in page


def test_only_the_real_evaluation_banner_is_left_out_of_the_feedback():
    """The banner is dropped; a student's cell carrying its metadata is not (nothing hidden)."""
    from esn_teach.course import EVALUATION_BANNER, GENERATED

    notebook = _autograded()
    banner = nbformat.v4.new_markdown_cell(EVALUATION_BANNER)
    banner.metadata[GENERATED] = "evaluation"
    own = nbformat.v4.new_markdown_cell("Mon raisonnement : VP sur VP plus FN.")
    own.metadata[GENERATED] = "evaluation"  # forged, to hide it from the teacher's view
    notebook.cells[1:1] = [banner, own]
    page = feedback_html(notebook, name="m", score=0, max_score=1)
    assert "Séance évaluée" not in page
    assert "Mon raisonnement : VP sur VP plus FN." in page


def test_learner_tools_are_left_out_of_the_feedback_but_not_a_students_code():
    """Progress table and solution buttons are tools; a forged cell with real code stays."""
    from esn_teach.course import GENERATED

    notebook = _autograded()
    tool = nbformat.v4.new_code_cell(
        "# Voir la solution : …\nchecks.solution_button('01_m', 'x', 'ZW5jb2RlZA==')"
    )
    tool.metadata[GENERATED] = "solution"
    table = nbformat.v4.new_code_cell(
        "from esn_teach import checks\n\n"
        "checks.show_progress('01_m', {'x': 'Question 1'}, minutes=5)"
    )
    table.metadata[GENERATED] = "progress"
    forged = nbformat.v4.new_code_cell("mon_calcul = 41 + 1\nchecks.solution_button('m', 'x', 'y')")
    forged.metadata[GENERATED] = "solution"
    notebook.cells[1:1] = [tool, table, forged]
    page = feedback_html(notebook, name="m", score=0, max_score=1)
    assert "ZW5jb2RlZA" not in page and "show_progress" not in page
    assert "mon_calcul" in page


def test_a_self_graded_copy_speaks_to_a_learner_alone():
    """esn-teach selfgrade: no teacher, reflections self-assessed, score of the graded questions."""
    notebook = _autograded()
    notebook.metadata["esn_teach"] = {"mode": "autonome"}
    written = sum(
        float(c.metadata["nbgrader"]["points"])
        for c in notebook.cells
        if c.cell_type == "markdown" and c.metadata.get("nbgrader", {}).get("grade")
    )
    assert written > 0
    html = feedback_html(notebook, name="m", score=4.0, max_score=17.0)
    text = BeautifulSoup(html, "html.parser").get_text(" ", strip=True)
    total = f"{17 - written:g}".replace(".", ",")
    assert f"Note des questions autocorrigées : 4 / {total}" in text
    assert "ne compte pas pour un certificat" in text
    assert "enseignant, qui peut" not in text and "Commentaire de l'enseignant" not in text
    assert "telle que vous l'avez rendue" not in text and "provisoire" not in text
    assert "Retour sur votre copie" not in html
    assert "à auto-évaluer" in text and "Aucune réponse rédigée" not in text
    # The same copy without the mark of a self-paced release: the teacher's feedback.
    graded = BeautifulSoup(
        feedback_html(_autograded(), name="m", score=4.0, max_score=17.0), "html.parser"
    ).get_text(" ", strip=True)
    assert "Note : 4 / 17" in graded and "Commentaire de l'enseignant" in graded


def test_the_page_drops_the_evaluated_sessions_recorded_line():
    """Module 07's lecturer (d21): under a partly right answer's verdict, the page still said
    « → Réponse enregistrée … vous saurez si elle est juste dans votre retour »."""
    import nbformat

    from esn_teach.checks import RECORDED_LINE
    from esn_teach.grading._feedback import _without_marker_lines

    cell = nbformat.v4.new_code_cell("checks.check_form(q5, name='q5')")
    cell.outputs = [
        nbformat.v4.new_output(
            "stream",
            name="stdout",
            text=(
                f"{RECORDED_LINE} (q5) : elle a la forme attendue. Séance évaluée : vous saurez "
                "si elle est juste dans votre retour, après la correction.\n"
                "✘ 1 réponse sur 4 à revoir (q5).\n"
                "Pour le correcteur (réflexion) : q5 vaut 2\n"
            ),
        )
    ]
    _without_marker_lines(cell)
    (output,) = cell.outputs
    assert output["text"] == "✘ 1 réponse sur 4 à revoir (q5).\n"
