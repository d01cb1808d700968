"""Feedback in French from top to bottom, never showing hidden tests or tracebacks.

:class:`FrenchFeedback` runs inside nbgrader's ``GenerateFeedback``, after
``GetGrades`` (so the scores are nbgrader's), and esn-teach's ``feedback`` template
(``templates/feedback``, in place of nbgrader's) renders the page: ``lang="fr"``, French headings,
scores with the decimal comma, no script and nothing fetched from the network.

For each question the student reads one French sentence saying what happened
(passed, not answered, incorrect with the check's message naming the mistake,
the answer cell ran out of time or raised an error, the copy stopped before the
check), the points, and the instructor's comment. Hidden-test regions are
removed from test cells (nbgrader's ``ClearHiddenTests`` logic), tracebacks
become one French line, and the instructors' marking guides that
:func:`insert_marking_guides` adds to autograded notebooks for the formgrader
are taken out.

Everything the submission contains is made safe for the browser: the strings
this module prepares are escaped here (the template prints them as they are),
and :func:`~esn_teach.grading._sanitise.sanitise_notebook` sanitises markdown
cells and outputs. The student's code is shown as written, escaped by the template.
"""

from __future__ import annotations

import ast
import base64
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

import nbformat
from bs4 import BeautifulSoup
from nbgrader.converters import Autograde
from nbgrader.preprocessors import ClearHiddenTests, GetGrades, NbGraderPreprocessor
from traitlets.config import Config

from esn_teach.checks import RECORDED_LINE
from esn_teach.course import (
    EVALUATION_BANNER,
    GENERATED,
    GRADED,
    GRADED_IN_CLASS,
    METADATA_KEY,
    SELF_PACED,
    last_heading,
    module_title,
)
from esn_teach.grading._cells import grade_id, is_solution, is_test, nbgrader_meta
from esn_teach.grading._execute import _NOT_RUN, _RECHECK
from esn_teach.grading._export import in_class_cells
from esn_teach.grading._plain import RefusePlainAutograde
from esn_teach.grading._recheck import ERROR_LIMIT, MARKER_LINE
from esn_teach.grading._sanitise import printable, sanitise_notebook

__all__ = [
    "GUIDES_NOT_INSERTED",
    "TEMPLATES",
    "FrenchFeedback",
    "check_message",
    "configure_feedback",
    "feedback_html",
    "feedback_is_configured",
    "insert_marking_guides",
    "is_marking_guide",
    "marking_guides",
]

#: Folder holding esn-teach's ``feedback`` nbconvert template.
TEMPLATES = Path(__file__).parent / "templates"

#: Code cells a release adds for the learner at work (progress table, solution and guide
#: buttons, self-grading): tools, not content; a feedback page leaves them out.
_LEARNER_TOOLS = {"show_progress", "solution_button", "guide_button", "selfgrade_button"}


def _is_learner_tool(cell: dict[str, Any]) -> bool:
    """Whether ``cell`` is one of those tools, as released: literal calls of ``checks`` only.

    A student's own code carrying the tools' metadata stays on the page (nothing hidden).
    """
    if cell.get("cell_type") != "code" or not cell.get("metadata", {}).get(GENERATED):
        return False
    try:
        tree = ast.parse(str(cell.get("source", "")))
    except SyntaxError:
        return False
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == "esn_teach":
            continue
        call = node.value if isinstance(node, ast.Expr) else None
        if not (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and isinstance(call.func.value, ast.Name)
            and call.func.value.id == "checks"
            and call.func.attr in _LEARNER_TOOLS
        ):
            return False
        try:
            for argument in [*call.args, *(keyword.value for keyword in call.keywords)]:
                ast.literal_eval(argument)
        except ValueError:
            return False
    return bool(tree.body)


#: nbgrader's automatic comment on a blank answer, and what students read instead.
_NO_RESPONSE = "No response."
_NO_RESPONSE_FR = "Aucune réponse rédigée."

#: French gloss of the Python errors a student's cell most often raises.
_ERRORS = {
    "NameError": "un nom utilisé n'est pas défini",
    "ZeroDivisionError": "division par zéro",
    "SyntaxError": "erreur de syntaxe (parenthèse, guillemet ou deux-points manquant ?)",
    "IndentationError": "erreur d'indentation (décalage des lignes)",
    "TypeError": "opération sur des valeurs de types incompatibles",
    "ValueError": "valeur invalide",
    "KeyError": "clé ou colonne absente",
    "IndexError": "indice hors limites",
    "AttributeError": "attribut ou méthode inexistant",
    "ModuleNotFoundError": "module introuvable",
    "ImportError": "import impossible",
    "MemoryError": "mémoire dépassée",
    "RecursionError": "récursion trop profonde",
    "FileNotFoundError": "fichier introuvable",
    "PermissionError": "accès refusé",
}

_TIMEOUT = ("CellTimeoutError", "KeyboardInterrupt")
_CHECKS = {"NotAttempted": "Non traitée", "IncorrectAnswer": "Incorrecte"}
_CHECKS |= {"CheckFailed": "Incorrecte", "AssertionError": "Incorrecte"}


def configure_feedback(config: Config) -> Config:
    """Make nbgrader's ``generate_feedback`` produce esn-teach's French feedback.

    It also puts :class:`~esn_teach.grading._plain.RefusePlainAutograde` first among
    plain nbgrader's autograde preprocessors: an evaluated copy is graded by
    ``esn-teach autograde`` only.

    Used by the course's ``nbgrader_config.py`` (so the formgrader's own
    feedback button gives the same page) and by ``esn-teach feedback``.

    Parameters
    ----------
    config : traitlets.config.Config
        nbgrader's configuration, changed in place.

    Returns
    -------
    traitlets.config.Config
        The same object.
    """
    from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor

    config.GenerateFeedback.preprocessors = [
        GetGradesPending,
        FrenchFeedback,
        CSSHTMLHeaderPreprocessor,
    ]
    # Pygments' "xcode" colours keep every code token above WCAG's 4.5:1 contrast.
    config.CSSHTMLHeaderPreprocessor.style = "xcode"
    # nbgrader renders feedback with the template named "feedback" (its API insists on
    # that name): ours is found first. The template name itself is not set here, since
    # the formgrader reads this configuration too and renders with its own "formgrade"
    # template, which the second folder keeps within reach.
    config.HTMLExporter.extra_template_basedirs = [str(TEMPLATES), str(_nbgrader_templates())]
    # Plain nbgrader (the formgrader's Autograde button) would grade an evaluated copy with
    # the cases of the grader's account: it refuses it instead (esn_teach.grading._plain).
    # ``esn-teach autograde`` replaces this list with its own.
    config.Autograde.autograde_preprocessors = [
        RefusePlainAutograde,
        *Autograde().autograde_preprocessors,
    ]
    return config


#: Said by autograde when the course's configuration lacks ``configure_feedback(c)``.
GUIDES_NOT_INSERTED = (
    "Attention : guides de correction non insérés dans les copies corrigées : "
    "nbgrader_config.py ne produit pas les retours d'esn-teach (ajoutez "
    "« from esn_teach.grading import configure_feedback » puis « configure_feedback(c) »), "
    "et les retours standard de nbgrader les montreraient aux étudiants."
)


def feedback_is_configured(config: Config) -> bool:
    """Whether nbgrader's feedback, with ``config``, goes through :class:`FrenchFeedback`."""
    preprocessors = config.GenerateFeedback.get("preprocessors", []) if config else []
    names = [
        item if isinstance(item, str) else getattr(item, "__name__", "") for item in preprocessors
    ]
    return any(name.rsplit(".", 1)[-1] == "FrenchFeedback" for name in names)


def feedback_html(
    notebook: nbformat.NotebookNode,
    *,
    name: str,
    score: float | None,
    max_score: float | None,
    late_penalty: float = 0.0,
) -> str:
    """Render an autograded notebook (grades already in its metadata) as the feedback page.

    What ``generate_feedback`` does after ``GetGrades``, for a notebook in memory.

    Parameters
    ----------
    notebook : nbformat.NotebookNode
        An autograded notebook whose graded cells carry ``score`` (and ``comment``).
    name : str
        The notebook's name, shown in the title.
    score, max_score : float or None
        The total and the maximum.
    late_penalty : float, default=0
        Points taken off for lateness.

    Returns
    -------
    str
        The HTML page.
    """
    import copy

    from nbconvert.exporters import HTMLExporter
    from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor

    config = configure_feedback(Config())
    config.HTMLExporter.template_name = "feedback"
    exporter = HTMLExporter(config=config)
    exporter.register_preprocessor(FrenchFeedback(), enabled=True)
    exporter.register_preprocessor(CSSHTMLHeaderPreprocessor(config=config), enabled=True)
    resources = {
        "nbgrader": {
            "notebook": name,
            "score": score,
            "max_score": max_score,
            "late_penalty": late_penalty,
        }
    }
    page, _ = exporter.from_notebook_node(copy.deepcopy(notebook), resources=resources)
    return str(page)


def _nbgrader_templates() -> Path:
    """Folder of nbgrader's own templates (``formgrade``, ``feedback``)."""
    import nbgrader

    return Path(nbgrader.__file__).parent / "server_extensions" / "formgrader" / "templates"


def check_message(cell: nbformat.NotebookNode) -> str:
    """Return the message of a failed test cell (the check's French sentence), or ``""``."""
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            value = str(output.get("evalue", "")).strip()
            name = str(output.get("ename", ""))
            return value.splitlines()[0] if value else name
    return ""


# -- marking guides -------------------------------------------------------------------------
def is_marking_guide(cell: dict[str, Any]) -> bool:
    """Whether ``cell`` is a marking guide inserted for the formgrader."""
    metadata = cell.get("metadata")
    tag = metadata.get("esn_teach") if isinstance(metadata, dict) else None
    return isinstance(tag, dict) and bool(tag.get("marking_guide"))


def marking_guides(source: nbformat.NotebookNode) -> dict[str, str]:
    """Return the marking guide of each written answer of a module's nbgrader source.

    The guide is the solution region of a graded markdown cell (what nbgrader
    replaces by « VOTRE RÉPONSE ICI » in the students' version).
    """
    from esn_teach.course._source import SOLUTION_BEGIN, SOLUTION_END

    guides = {}
    for cell in source.cells:
        name = grade_id(cell)
        if cell.cell_type != "markdown" or not name or not is_solution(cell):
            continue
        lines = cell.source.splitlines()
        try:
            start = next(i for i, line in enumerate(lines) if line.strip() == SOLUTION_BEGIN)
            end = next(i for i, line in enumerate(lines) if line.strip() == SOLUTION_END)
        except StopIteration:
            continue
        guide = "\n".join(lines[start + 1 : end]).strip()
        if guide:
            guides[name] = guide
    return guides


def insert_marking_guides(notebook: nbformat.NotebookNode, guides: dict[str, str]) -> int:
    """Put each written answer's marking guide right after it, for the formgrader.

    The formgrader shows autograded notebooks: the instructor reads the guide
    beside the answer being graded. The inserted cells carry
    ``metadata["esn_teach"]["marking_guide"]`` and no nbgrader metadata (they
    are worth nothing); :class:`FrenchFeedback` removes them from the students'
    feedback. Guides already present are replaced, never duplicated.

    Returns
    -------
    int
        The number of guides inserted.
    """
    notebook.cells = [cell for cell in notebook.cells if not is_marking_guide(cell)]
    cells, inserted = [], 0
    for cell in notebook.cells:
        cells.append(cell)
        name = grade_id(cell)
        if cell.get("cell_type") == "markdown" and name in guides:
            text = (
                "> **Guide de correction (enseignants ; jamais montré aux étudiants)**\n>\n"
                + "\n".join(f"> {line}" for line in guides[name].splitlines())
            )
            guide = nbformat.v4.new_markdown_cell(text)
            guide.metadata["esn_teach"] = {"marking_guide": True, "for": name}
            cells.append(guide)
            inserted += 1
    notebook.cells = cells
    return inserted


# -- what happened to each question ----------------------------------------------------------
def _number(value: object) -> str:
    """Return a score or a number of points in French (``—`` if it is not a number)."""
    try:
        # Any JSON value by design: float() rejects the non-numbers with the errors below.
        return f"{float(value):g}".replace(".", ",")  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "—"


def _text(value: object, limit: int = 500) -> str:
    """Return submission text as escaped HTML on one line."""
    return escape(printable(value, limit=limit), quote=False)


def _first_line(value: object) -> str:
    lines = str(value or "").strip().splitlines()
    return lines[0] if lines else ""


def _error_sentence(ename: str, evalue: str) -> str:
    """One French line for a Python error: what it means, then the error's name."""
    detail = _first_line(evalue)
    if ename == "NameError" and (found := re.search(r"name '([^']+)' is not defined", detail)):
        return f"le nom « {found.group(1)} » n'est pas défini (nom technique : NameError)"
    if ename == "KeyError" and detail:
        return f"la clé ou colonne {detail} n'existe pas (nom technique : KeyError)"
    return f"{_ERRORS.get(ename, 'erreur Python')} (nom technique : {ename})"


@dataclass
class _Problem:
    """What went wrong in a cell the student ran before a check."""

    kind: str  # "timeout", "memory" or "error"
    sentence: str
    answer: bool  # in the question's own answer cell (else in another cell before the check)


def _problem(cell: nbformat.NotebookNode, *, answer: bool) -> _Problem | None:
    """Return what went wrong in a cell the student wrote (or ran), if anything."""
    errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    names = [str(o.get("ename", "")) for o in errors]
    if any(name in _TIMEOUT for name in names):
        return _Problem("timeout", "temps de calcul dépassé", answer)
    if "MemoryError" in names:
        return _Problem("memory", "mémoire dépassée", answer)
    if errors:
        error = errors[-1]
        sentence = _error_sentence(str(error.get("ename", "")), str(error.get("evalue", "")))
        return _Problem("error", sentence, answer)
    return None


def _not_run(cell: nbformat.NotebookNode) -> bool:
    return cell.get("execution_count") is None and bool(str(cell.get("source", "")).strip())


#: What a check says when the placeholder was left, shortened for a feedback page.
_PLACEHOLDER_LEFT = re.compile(r"vaut encore « \.\.\. »")


def _where(problem: _Problem) -> str:
    return "votre cellule de réponse" if problem.answer else "une cellule avant cette vérification"


def _reason(cell: nbformat.NotebookNode, problem: _Problem | None) -> tuple[bool, str]:
    """Return (passed, French one-line reason) for a test cell.

    nbgrader grades a test cell from its first error: so does this.
    """
    errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    first = errors[0] if errors else None
    ename = str(first.get("ename", "")) if first else ""
    evalue = str(first.get("evalue", "")) if first else ""
    if ename == _NOT_RUN:  # the grader's own record of why the copy stopped
        cause = _first_line(evalue).removeprefix("Cellule non exécutée : ")
        return False, f"Non vérifiée : l'exécution de votre copie s'est arrêtée avant ({cause})."
    if _not_run(cell):
        return False, (
            "Non vérifiée : l'exécution de votre copie s'est arrêtée avant cette vérification."
        )
    if first is None:
        return True, _success_reason(cell)
    if ename == _RECHECK:
        return False, (
            "À examiner : votre réponse n'a pas pu être confirmée par la vérification "
            "indépendante du correcteur. Sa note est celle que l'enseignant lui donne après "
            "examen ; elle reste à 0 tant qu'il ne l'a pas examinée."
        )
    is_check = ename in _CHECKS and (ename != "AssertionError" or bool(evalue.strip()))
    if is_check:
        message = _first_line(evalue)
        if ename == "NotAttempted" and _PLACEHOLDER_LEFT.search(message):
            return False, "Non traitée : les trois points « ... » n'ont pas été remplacés."
        # The check's headline ("Réponse à revoir (x) : …") is replaced by a shorter one.
        _, separator, rest = message.partition(" : ")
        if separator and message.startswith(("Réponse à revoir", "Question non traitée")):
            message = rest
        return False, f"{_CHECKS.get(ename, 'Incorrecte')} : {message}"
    if problem and problem.kind == "timeout":
        return False, (
            f"Délai dépassé : {_where(problem)} ne s'est pas terminée dans le temps autorisé et "
            "a été arrêtée ; la question n'a donc pas pu être vérifiée. La réponse attendue tient "
            "en une ligne de calcul : effacez les lignes que vous avez ajoutées."
        )
    if problem and problem.kind == "memory":
        return False, (
            f"Mémoire dépassée : {_where(problem)} a été arrêtée ; la question n'a donc pas pu "
            "être vérifiée."
        )
    if problem:
        return False, (
            f"Erreur dans {_where(problem)} : {problem.sentence} ; la question n'a donc pas pu "
            "être vérifiée. Corrigez cette cellule dans votre notebook, exécutez-la, puis la "
            "vérification."
        )
    if ename in _TIMEOUT:
        return False, "Délai dépassé : la vérification a été arrêtée (calcul trop long)."
    if ename == "AssertionError":
        return False, "Incorrecte."
    return False, f"Vérification impossible : {_error_sentence(ename, evalue)}."


def _one_line_errors(cell: nbformat.NotebookNode, reason: str | None = None) -> None:
    """Replace every traceback of ``cell`` by one French line (``reason`` for a test cell)."""
    outputs, seen_timeout = [], False
    for output in cell.get("outputs", []):
        if output.get("output_type") != "error":
            outputs.append(output)
            continue
        ename = str(output.get("ename", ""))
        if reason is not None:
            line = reason
        elif ename in _TIMEOUT:
            if seen_timeout:
                continue
            seen_timeout = True
            line = "Cellule arrêtée : elle a dépassé le temps de calcul autorisé."
        else:
            line = f"Erreur : {_error_sentence(ename, str(output.get('evalue', '')))}."
        outputs.append(nbformat.v4.new_output("error", ename="", evalue=line, traceback=[line]))
        if reason is not None:
            break
    cell.outputs = outputs


def _partial_score(cell: nbformat.NotebookNode) -> float | None:
    """Return the partial credit a test cell's result gave (nbgrader reads it), if any.

    The grader keeps in a passed test cell only the result computed on pristine
    checks (``checks.PartialCredit``): a number, some of the question's points.
    """
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            return None
        if output.get("output_type") == "execute_result":
            text = output.get("data", {}).get("text/plain", "")
            try:
                return float("".join(text) if isinstance(text, list) else text)
            except (TypeError, ValueError):
                return None
    return None


def _success_reason(cell: nbformat.NotebookNode) -> str:
    """Return « Réussie », with the check's success message when it gave one (why it is right).

    A right answer graded against a key carried over from an earlier wrong answer (the
    check printed « ≈ Cohérent … ») is not called « Réussie »: the feedback says so.
    """
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            for line in str(output.get("text", "")).splitlines():
                if line.startswith("\u2714 Correct") and " : " in line:
                    return f"Réussie : {line.partition(' : ')[2]}"
                if line.startswith("\u2248 ") and " : " in line:
                    # Points given against a key carried over from an earlier wrong answer.
                    reason = line.partition(" : ")[2]
                    return f"Points accordés, cohérente avec une réponse fausse : {reason}"
    return "Réussie."


def _partial_reason(cell: nbformat.NotebookNode) -> str:
    """Return the items to revise, as the check printed them (a question with partial credit)."""
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            for line in str(output.get("text", "")).splitlines():
                if line.startswith("\u2718 "):
                    _, separator, rest = line.partition(" : ")
                    return f"Partiellement juste : {rest if separator else line[2:]}"
    return "Partiellement juste."


def _override(
    passed: bool, reason: str, score: object, points: object, automatic: float | None = None
) -> str:
    """Say so when the instructor changed the points the check gave (formgrader).

    ``automatic``: the partial credit the check gave, when it gave some.
    """
    try:
        given, maximum = float(score), float(points)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return reason
    if automatic is not None:
        if abs(given - automatic) < 1e-9:
            return reason
        return (
            f"Points modifiés par l'enseignant après examen ({_number(given)} / "
            f"{_number(maximum)}) ; la vérification automatique en donnait "
            f"{_number(automatic)} : {reason}"
        )
    if not passed and given > 0:
        return (
            f"Points accordés par l'enseignant après examen ({_number(given)} / "
            f"{_number(maximum)}) ; la vérification automatique disait : {reason}"
        )
    if passed and given < maximum:
        shown = f"{_number(given)} / {_number(maximum)}"
        return f"Points modifiés par l'enseignant après examen ({shown})."
    return reason


def _comment(meta: dict[str, Any]) -> str:
    """Return the instructor's comment; ``""`` for nbgrader's automatic « No response. »."""
    comment = str(meta.get("comment") or "").strip()
    return comment.removeprefix(_NO_RESPONSE).strip()


def _is_evaluation_banner(cell: nbformat.NotebookNode) -> bool:
    """Tell whether a cell is the evaluated-session banner (instructions, not feedback).

    Its metadata alone is not enough: a student could put it on their own cells
    to hide them from their feedback; the text must be the banner's too.
    """
    return (
        cell.get("cell_type") == "markdown"
        and cell.get("metadata", {}).get(GENERATED) == "evaluation"
        and str(cell.get("source", "")).strip() in (EVALUATION_BANNER, *_EARLIER_BANNERS)
    )


# The banner's wording before 6 December 2026: copies released then still carry it.
_EARLIER_BANNERS = (
    "**Séance évaluée.** Les cellules de vérification disent seulement si votre réponse est "
    "donnée et a la forme attendue (un nombre, l'une des options) ; elles ne disent pas si elle "
    "est juste. Votre copie est corrigée après la remise, et votre retour explique chaque "
    "réponse. Les indices restent à votre disposition.",
    "**Séance évaluée.** Les cellules de vérification disent seulement si votre réponse est "
    "donnée et a la forme attendue (par exemple un nombre, ou l'une des options proposées) ; elles "
    "ne disent pas si elle est juste. Votre copie est corrigée après la remise, et votre retour "
    "explique chaque réponse. Les indices restent à votre disposition.",
)


class GetGradesPending(GetGrades):
    """nbgrader's ``GetGrades``, a grade still to be given by hand left without a score.

    nbgrader's score of a grade with neither an automatic nor a manual score is 0: a
    reflection the teacher had not graded yet read « 0 / 3, notée par l'enseignant »
    on the student's page, the total as final (found with module 13's reflections
    handed in apart, d21). Such a grade has no score here: the page says « à noter »,
    « pas encore notée », and its total « provisoire ».
    """

    def _get_score(self, cell, resources):
        super()._get_score(cell, resources)
        grade = self.gradebook.find_grade(
            cell.metadata["nbgrader"]["grade_id"],
            self.notebook_id,
            self.assignment_id,
            self.student_id,
        )
        if grade.needs_manual_grade and grade.manual_score is None:
            cell.metadata.nbgrader["score"] = None


class FrenchFeedback(NbGraderPreprocessor):
    """Prepare an autograded notebook for esn-teach's ``feedback`` template, in French.

    Sets ``resources["esn_feedback"]`` (the summary: one row per question) and,
    on each graded cell, ``metadata["esn_feedback"]`` (its heading and score),
    all escaped; removes hidden tests, tracebacks and marking guides.
    """

    def _after_class_practice(self, resources: dict[str, Any]) -> set[str] | None:
        """Return the grade cells left out of the grade, for a module graded on its session.

        Read in the module as built for grading (``source/``), never in the copy: a
        version declaring ``graded="in-class"`` announces a grade on the in-class
        questions and the written answers, the after-class questions being practice
        (``esn-teach export`` counts the same). ``None`` otherwise.
        """
        from nbgrader.coursedir import CourseDirectory

        info = resources.get("nbgrader", {})
        assignment, notebook = info.get("assignment"), info.get("notebook")
        if not assignment or not notebook:
            return None
        coursedir = CourseDirectory(config=self.config)
        folder = coursedir.format_path(coursedir.source_directory, ".", assignment)
        path = Path(folder) / f"{notebook}.ipynb"
        try:
            built = nbformat.read(path, as_version=4)
        except Exception:  # no built module: nbgrader's total, as the whole export gives
            # Said, not silent: the header may have announced the in-class grade, which
            # ``esn-teach export`` then refuses to compute without this file.
            self.log.warning(
                "Module construit introuvable (%s) : le retour de %s affiche le total de "
                "nbgrader, sans pouvoir mettre à part des questions d'après la séance. "
                "Reconstruisez le module (« esn-teach build »), puis refaites les retours.",
                path,
                notebook,
            )
            return None
        if built.metadata.get(GRADED) != GRADED_IN_CLASS:
            return None
        _, left_out, _ = in_class_cells(built)
        return set(left_out) or None

    def preprocess(self, nb, resources):
        """Summarise each question, clean its cells and sanitise the notebook."""
        hider = ClearHiddenTests(enforce_metadata=False)
        practice = self._after_class_practice(resources)
        counted_score = counted_points = practice_score = practice_points = 0.0
        nb.cells = [
            cell
            for cell in nb.cells
            if not is_marking_guide(cell)
            and not _is_evaluation_banner(cell)
            and not _is_learner_tool(cell)
        ]
        for cell in nb.cells:  # the template prints this metadata as is: only ours counts
            if isinstance(cell.get("metadata"), dict):
                cell.metadata.pop("esn_feedback", None)
        answers = {grade_id(c): c for c in nb.cells if c.cell_type == "code" and is_solution(c)}
        numbers: dict[str, int] = {}
        titles: dict[str, str] = {}
        rows: list[dict[str, str]] = []
        problem: _Problem | None = None
        problem_in = ""
        heading = ""
        provisional = False
        # A learner's own self-grading (esn-teach selfgrade): no teacher, reflections self-assessed.
        entry = nb.get("metadata", {}).get(METADATA_KEY)
        self_paced = isinstance(entry, dict) and entry.get("mode") == SELF_PACED
        written_points = 0.0
        for cell in nb.cells:
            meta = nbgrader_meta(cell)
            name = grade_id(cell) or ""
            question = name.removesuffix("_tests")
            if cell.cell_type == "markdown" and not (meta.get("grade") or meta.get("solution")):
                # Text, read-only passages (``reveal=``) included.
                heading = last_heading(str(cell.source)) or heading
                _render_formulas(cell)
            if meta.get("grade") or meta.get("solution"):
                numbers.setdefault(question, len(numbers) + 1)
                titles.setdefault(question, heading or f"Question {numbers[question]}")
            label = titles.get(question, "")
            if cell.cell_type == "code" and not is_test(cell):
                found = _problem(cell, answer=False)
                if found:
                    problem, problem_in = found, name
                _one_line_errors(cell)
                _plain_outputs(cell)
                if is_solution(cell):
                    cell.metadata["esn_feedback"] = {
                        "heading": f"Votre réponse — {_text(label, 200)}",
                        "anchor": _text(name, 100),
                    }
                continue
            if not meta.get("grade"):
                continue
            score, points = meta.get("score"), meta.get("points") or 0
            shown = f"{_number(score)} / {_number(points)}" if score is not None else None
            if cell.cell_type == "code":
                hider._remove_hidden_test_region(cell)
                if problem is not None:
                    problem.answer = problem_in == question
                passed, reason = _reason(cell, problem)
                partial = _partial_score(cell) if passed else None
                if partial is not None:  # some items right (check_choices(..., points=N))
                    passed, reason = False, _partial_reason(cell)
                reason = _override(passed, reason, score, points, automatic=partial)
                problem, problem_in = None, ""
                _one_line_errors(cell, None if passed else reason)
                _plain_outputs(cell)
                _without_marker_lines(cell)
                _only_comments(cell)
                comment = _comment(nbgrader_meta(answers.get(question) or {}))
                title = f"Vérification — {_text(label, 200)}"
            elif self_paced:
                comment = ""
                written_points += float(points)
                reason = (
                    "À évaluer vous-même avec le guide d'auto-évaluation, sous la réflexion dans "
                    "votre notebook : l'autocorrection ne la note pas."
                )
                shown = f"à auto-évaluer, sur {_number(points)}"
                title = f"Votre réponse rédigée — {_text(label, 200)}"
            else:
                comment = _comment(meta)
                if score is None and str(meta.get("comment") or "").strip() == _NO_RESPONSE:
                    # Handed in apart after the session (esn-teach autograde leaves it to
                    # the teacher): its grade is to come, never « 0, no answer ».
                    reason = (
                        "Réflexion rendue à part, après la séance : pas encore notée par "
                        "l'enseignant."
                    )
                    provisional = True
                elif str(meta.get("comment") or "").strip() == _NO_RESPONSE:
                    reason = _NO_RESPONSE_FR
                elif score is None:
                    reason = "Réponse rédigée, pas encore notée par l'enseignant."
                    provisional = True
                else:
                    reason = "Réponse rédigée, notée par l'enseignant."
                title = f"Votre réponse rédigée — {_text(label, 200)}"
            shown = shown or "à noter"
            if practice is not None and not self_paced:
                if name in practice:
                    practice_score += float(score or 0)
                    practice_points += float(points)
                    shown += " (entraînement, hors note)"
                else:
                    counted_score += float(score or 0)
                    counted_points += float(points)
            cell.metadata["esn_feedback"] = {
                "heading": title,
                "anchor": _text(name, 100),
                "score": shown,
                "comment": _text(comment, 2000),
            }
            rows.append(
                {
                    "question": _text(label, 200),
                    "anchor": _text(name, 100),
                    "points": shown,
                    "reason": _text(reason, ERROR_LIMIT),
                    "comment": _text(comment, 2000),
                }
            )
        info = resources.get("nbgrader", {})
        score, maximum = info.get("score"), info.get("max_score")
        penalty = info.get("late_penalty") or 0
        shown_penalty = _number(penalty) if _number(penalty) not in ("0", "—") else ""
        if self_paced and maximum is not None:
            maximum = float(maximum) - written_points  # the questions it grades
        in_class = practice is not None and not self_paced and score is not None
        if in_class:  # what the header announced and the export gives (late penalty too)
            score = max(0.0, counted_score - float(penalty))
            maximum = counted_points
        resources["esn_feedback"] = {
            "title": _text(module_title(nb, "") or info.get("notebook") or "", 200),
            "self_paced": self_paced,
            "total": (
                f"{_number(score)} / {_number(maximum)}"
                if score is not None and maximum is not None
                else "—"
            ),
            "penalty": shown_penalty,
            "penalty_unit": "point" if _is_singular(penalty) else "points",
            "provisional": provisional,
            "rows": rows,
            "practice": (
                f"{_number(practice_score)} / {_number(practice_points)}" if in_class else ""
            ),
        }
        sanitise_notebook(nb)
        return nb, resources


def _is_singular(value: object) -> bool:
    try:
        return abs(float(value)) < 2  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return True


#: What a widget (an explorer) becomes in the feedback page, which runs no code.
_WIDGET_NOTE = (
    "[Explorateur interactif : il ne s'affiche que dans JupyterLab. Rouvrez votre notebook "
    "pour l'utiliser.]"
)
_OBJECT_REPR = re.compile(r"^<[\w.]+ object( at 0x[0-9a-fA-F]+)?>$")


def _plain_outputs(cell: nbformat.NotebookNode) -> None:
    """Replace explorers by a French note; drop outputs that only say ``<… object>``."""
    outputs = []
    for output in cell.get("outputs", []):
        data = output.get("data") or {}
        if "application/vnd.jupyter.widget-view+json" in data:
            outputs.append(
                nbformat.v4.new_output("display_data", data={"text/plain": _WIDGET_NOTE})
            )
            continue
        plain = data.get("text/plain")
        plain = "".join(plain) if isinstance(plain, list) else plain
        html = data.get("text/html")
        html = "".join(html) if isinstance(html, list) else html
        visible = set(data) - {"text/plain", "text/html"}
        if (
            isinstance(plain, str)
            and _OBJECT_REPR.match(plain.strip())
            and not visible
            and not (isinstance(html, str) and _visible_text(html))
        ):
            continue  # e.g. the explorers' accessibility script: nothing to show
        outputs.append(output)
    cell.outputs = outputs


def _visible_text(html: str) -> bool:
    return bool(BeautifulSoup(html, "html.parser").get_text(strip=True))


def _without_marker_lines(cell: nbformat.NotebookNode) -> None:
    """Drop the lines a hidden test prints for the marker (« Pour le correcteur … »).

    They give the copy's checked figures to the reflection's marking guide, in the
    graded copy the formgrader shows; the student's feedback page is not for them
    (review 08 d20: a student could read the figures a criterion rewards). The
    evaluated session's « → Réponse enregistrée … vous saurez si elle est juste dans
    votre retour » goes too: the page is that feedback (module 07's lecturer, d21).
    """
    outputs = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            text = output.get("text", "")
            text = "".join(text) if isinstance(text, list) else str(text)
            kept = "".join(
                line
                for line in text.splitlines(keepends=True)
                if not line.startswith((MARKER_LINE, RECORDED_LINE))
            )
            if not kept.strip():
                continue
            output["text"] = kept
        outputs.append(output)
    cell.outputs = outputs


def _only_comments(cell: nbformat.NotebookNode) -> None:
    """Keep of a check cell's code only its opening comment (« Vérification de la question 1 »)."""
    lines = []
    for line in str(cell.source).splitlines():
        if not line.startswith("#"):
            break
        lines.append(line)
    cell.source = "\n".join(lines)


_DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.DOTALL)


def _render_formulas(cell: nbformat.NotebookNode) -> None:
    """Draw each ``$$…$$`` formula as an image: the feedback page loads no MathJax."""

    def image(match: re.Match[str]) -> str:
        import io

        from matplotlib import mathtext
        from matplotlib.font_manager import FontProperties

        latex = " ".join(match.group(1).split())
        buffer = io.BytesIO()
        try:
            mathtext.math_to_image(
                f"${latex}$", buffer, format="png", dpi=110, prop=FontProperties(size=24)
            )
        except (ValueError, RuntimeError):
            return match.group(0)
        encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
        alt = _text(_readable_formula(latex), 300)
        return f"\n\n![Formule : {alt}](data:image/png;base64,{encoded})\n\n"

    cell.source = _DISPLAY_MATH.sub(image, str(cell.source))


def _readable_formula(latex: str) -> str:
    """Write a simple LaTeX formula as text, for the image's text alternative."""
    text = re.sub(r"\\(?:text|mathrm)\{([^{}]*)\}", r"\1", latex)
    text = text.replace("\\times", "×").replace("\\cdot", "·").replace("-", "−")
    for _ in range(3):  # nested fractions, innermost first
        text = re.sub(r"\\frac\{([^{}]*)\}\{([^{}]*)\}", r"(\1) ÷ (\2)", text)
    return " ".join(text.replace("\\", "").split())
