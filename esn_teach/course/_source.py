"""Module sources (jupytext percent scripts) and their conversion for nbgrader.

A source declares its graded cells with a few cell-metadata keys on the
``# %%`` line (see ``notebooks/README.md``):

``answer="NAME"``
    autograded answer cell (nbgrader *solution* cell, id ``NAME``);
``tests="NAME" points=N``
    the tests of answer ``NAME`` (nbgrader *autograder tests* cell,
    id ``NAME_tests``), worth ``N`` points;
``written="NAME" points=N``
    a written answer graded by hand (nbgrader *manually graded answer*);
``mistake="NAME"``
    a typical wrong answer to ``NAME``; its first line is a comment
    ``# message : TEXT`` giving a fragment of the message its check must
    print. Never part of the course: used by the tests.
``session="formative"`` or ``session="evaluation"``
    a cell of one release only: the formative (and self-paced) one, or the
    evaluated session's. A question may thus have its own cases in the
    evaluated session, so that the formative copy, which names the right
    answers, is no key to it. Both versions must have the same graded cells
    (names and points): nbgrader's gradebook holds one of them at a time.
``reveal="NAME"``
    a passage that comments on question ``NAME``'s answer (nbgrader read-only
    cell, id ``NAME_reveal_K``): Markdown text, or a code cell whose output gives
    the answer away (an explorer). The evaluated release replaces it by a note;
    nbgrader restores it at autograde, so the feedback has it. A code cell
    ``reveal=`` must not define a name that a later cell uses: the evaluated
    session would fail there.
``graded="in-class"``
    on the ``## Après la séance`` Markdown cell (usually its ``session="evaluation"``
    version): the grade of this release counts the autograded questions of the in-class
    part and the written answers only (``esn-teach export --partie seance``, the written
    answers graded by hand); the autograded questions after the session are practice. The
    header's « Notation » line says so.
"""

from __future__ import annotations

import ast
import copy
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import jupytext
import nbformat
from nbformat import NotebookNode

from esn_teach.course._errors import CourseError

__all__ = [
    "GRADED",
    "GRADED_IN_CLASS",
    "HANDED_APART",
    "MODULE_NAME",
    "REVEAL",
    "SESSION",
    "SESSIONS",
    "ModuleSource",
    "WrongAnswer",
    "find_modules",
    "read_module",
    "resolve_module",
    "session_text",
]

SOLUTION_BEGIN = "### BEGIN SOLUTION"
SOLUTION_END = "### END SOLUTION"
HIDDEN_BEGIN = "### BEGIN HIDDEN TESTS"
HIDDEN_END = "### END HIDDEN TESTS"
#: A call that draws a student's own cases (``esn_teach.checks._variant``).
_VARIANT_CALL = re.compile(r"\b(student_seed|variant_rng)\s*\(")
_KEYS = {"answer", "tests", "written", "points", "mistake", "reveal", "session", "graded"}
#: The one value of ``graded=``, on the after-class heading (:data:`AFTER_CLASS_HEADING`).
GRADED_IN_CLASS = "in-class"
#: The heading that opens a module's after-class part (``_outline.after_class_start``).
AFTER_CLASS_HEADING = "## Après la séance"
#: The two versions a module source may differ in (``session=`` cells).
SESSIONS = ("formative", "evaluation")
#: Notebook metadata key: the version a built notebook or a release was made from.
SESSION = "esn_session"
#: Notebook metadata key: ``GRADED_IN_CLASS`` when the version declares ``graded="in-class"``
#: (its grade: the in-class autograded questions and the written answers; the in-class
#: export, ``grading.in_class_part``, reads it in the module built for grading).
GRADED = "esn_graded"
#: Notebook metadata key of a module built for its evaluated session: the written answers
#: its students hand in apart, after the session (their cells are empty in the collected
#: copy; ``esn-teach autograde`` leaves them to the teacher, never scoring them 0).
HANDED_APART = "esn_handed_apart"
_ROLES = ("answer", "tests", "written", "mistake", "reveal")
#: Cell metadata key of a passage that comments on a question's answer (``reveal=``).
REVEAL = "esn_reveal"
_MESSAGE = re.compile(r"^#\s*message\s*:\s*(?P<text>.+?)\s*$")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
#: A module's name: two digits, then lowercase letters, digits and underscores.
MODULE_NAME = re.compile(r"^\d{2}_[a-z0-9_]+$")
_KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


@dataclass(frozen=True)
class WrongAnswer:
    """A typical wrong answer declared in a source (a ``mistake`` cell).

    The build runs it in place of the solution and requires the check to print
    ``message``; at run time the check itself recognises the mistake by the value
    it produces (:class:`esn_teach.checks.Mistake`).

    Attributes
    ----------
    answer : str
        The answer cell it replaces.
    code : str
        The wrong code, in place of the solution.
    message : str
        A fragment of the message that the check must print for it.
    """

    answer: str
    code: str
    message: str


@dataclass
class ModuleSource:
    """A parsed module source.

    Attributes
    ----------
    path : pathlib.Path
        The jupytext source.
    name : str
        The module (assignment) name, e.g. ``01_evaluer_test_diagnostique``.
    notebook : nbformat.NotebookNode
        The nbgrader source notebook (solutions and hidden tests included).
    answers : dict
        Answer name → points of its tests.
    written : dict
        Written answer name → points.
    wrong_answers : list of WrongAnswer
    session : str
        The version read: ``"formative"`` or ``"evaluation"``.
    has_sessions : bool
        Whether some cells belong to one version only (``session=``).
    graded_in_class : bool
        Whether this version's grade counts the in-class autograded questions and the
        written answers only (``graded="in-class"`` on its after-class heading).
    """

    path: Path
    name: str
    notebook: NotebookNode
    answers: dict[str, float] = field(default_factory=dict)
    written: dict[str, float] = field(default_factory=dict)
    wrong_answers: list[WrongAnswer] = field(default_factory=list)
    session: str = "formative"
    has_sessions: bool = False
    graded_in_class: bool = False

    @property
    def autograded_points(self) -> float:
        """Total points of the autograded tests."""
        return float(sum(self.answers.values()))


def find_modules(notebooks_dir: Path) -> list[Path]:
    """Return the module sources in ``notebooks_dir``, sorted by name.

    Parameters
    ----------
    notebooks_dir : pathlib.Path
        The folder of the jupytext sources.

    Returns
    -------
    list of pathlib.Path

    Raises
    ------
    CourseError
        If the folder does not exist.
    """
    if not notebooks_dir.is_dir():
        raise CourseError(
            f"Dossier des modules introuvable : {notebooks_dir}. Lancez la commande depuis la "
            "racine du projet ou indiquez --notebooks DOSSIER."
        )
    return sorted(p for p in notebooks_dir.glob("*.py") if MODULE_NAME.match(p.stem))


def match_module(names: list[str], name: str) -> str:
    """Pick module ``name`` (full name, or unique prefix such as ``01``) among ``names``.

    Raises
    ------
    CourseError
        If no module, or several, match.
    """
    matches = [n for n in names if n == name] or [n for n in names if n.startswith(name)]
    if not matches:
        available = ", ".join(names) or "aucun"
        raise CourseError(f"Module « {name} » introuvable. Modules disponibles : {available}.")
    if len(matches) > 1:
        raise CourseError(
            f"« {name} » désigne plusieurs modules ({', '.join(matches)}) : précisez."
        )
    return matches[0]


def resolve_module(notebooks_dir: Path, name: str) -> Path:
    """Find the source of module ``name`` (full name, or unique prefix such as ``01``).

    Parameters
    ----------
    notebooks_dir : pathlib.Path
        The folder of the jupytext sources.
    name : str
        Module name or prefix.

    Returns
    -------
    pathlib.Path

    Raises
    ------
    CourseError
        If no module, or several, match.
    """
    modules = {p.stem: p for p in find_modules(notebooks_dir)}
    return modules[match_module(list(modules), name)]


#: JupyterLab's tag for a cell whose error must not stop « Exécuter toutes les cellules ».
RAISES_EXCEPTION = "raises-exception"


def _keep_running(cell: nbformat.NotebookNode) -> None:
    """Tag an answer or test cell so that running the whole module goes past its error.

    A self-check fails on purpose while its question is unanswered; without the
    tag, JupyterLab would stop « Exécuter toutes les cellules » there and the
    student would see nothing run below. nbgrader ignores the tag (it grades
    every cell whatever happens).
    """
    tags = [tag for tag in cell.metadata.get("tags", []) if tag != RAISES_EXCEPTION]
    cell.metadata["tags"] = [*tags, RAISES_EXCEPTION]


def _nbgrader_meta(
    grade_id: str, *, grade: bool, solution: bool, locked: bool, points: float | None = None
) -> dict:
    meta: dict = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": locked,
        "schema_version": 3,
        "solution": solution,
        "task": False,
    }
    if points is not None:
        meta["points"] = points
    return meta


def _points(meta: dict, where: str) -> float:
    value = meta.get("points")
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise CourseError(f"{where} : « points » doit être un nombre positif (trouvé : {value!r}).")
    return float(value)


_MARKER_WORDS = re.compile(r"^[#\s]*(BEGIN|END) (SOLUTION|HIDDEN TESTS)\s*$")


def _check_marker_spelling(source: str, where: str) -> None:
    for line in source.splitlines():
        found = _MARKER_WORDS.match(line)
        if found and line.strip() != f"### {found[1]} {found[2]}":
            raise CourseError(
                f"{where} : marqueur mal écrit « {line.strip()} » : nbgrader attend exactement "
                f"« ### {found[1]} {found[2]} » (dans une cellule Markdown du script : "
                f"« # ### {found[1]} {found[2]} »)."
            )


def _check_markers(source: str, begin: str, end: str, where: str, *, required: bool) -> None:
    lines = [line.strip() for line in source.splitlines()]
    n_begin, n_end = lines.count(begin), lines.count(end)
    if n_begin != n_end:
        raise CourseError(f"{where} : « {begin} » et « {end} » ne vont pas par paires.")
    if required and n_begin == 0:
        raise CourseError(f"{where} : il manque la zone « {begin} » … « {end} ».")


#: Parsed sources by the SHA-256 of their text: jupytext takes 0,3 s to parse a module, and
#: one command (or test process) reads the same modules many times.
_PARSED: dict[str, NotebookNode] = {}
_PARSED_MAX = 32


def _names(source: str) -> tuple[set[str], set[str]]:
    """Return the names a code cell binds and the names it reads (none if it is not Python)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:  # IPython magics: nothing is known
        return set(), set()
    bound: set[str] = set()
    read: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (read if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
    return bound, read


def _names_needed_later(cells: list[NotebookNode], position: int) -> list[str]:
    """Names bound only by the code cell at ``position`` (or other hidden cells) and read later."""
    bound, _ = _names(cells[position].source)
    elsewhere: set[str] = set()
    read_later: set[str] = set()
    for index, cell in enumerate(cells):
        if cell.cell_type != "code" or REVEAL in cell.metadata:
            continue
        cell_bound, cell_read = _names(cell.source)
        elsewhere |= cell_bound
        if index > position:
            read_later |= cell_read
    return sorted((bound & read_later) - elsewhere)


def _parse(text: str) -> NotebookNode:
    """Parse ``text`` with jupytext; return a fresh copy (``read_module`` edits its cells)."""
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if key not in _PARSED:
        if len(_PARSED) >= _PARSED_MAX:
            del _PARSED[next(iter(_PARSED))]
        _PARSED[key] = jupytext.reads(text, fmt="py:percent")
    return copy.deepcopy(_PARSED[key])


def session_text(text: str, session: str) -> str:
    """Return a module source's text with only the cells of ``session``, unmarked.

    The cells marked for the other version (``session=``) are dropped and the
    others lose their mark: the result is one version's source, with nothing of
    the other (an evaluated session's cases and hidden tests are never in the
    formative's text). It reads as that version does in the whole source.

    Parameters
    ----------
    text : str
        A module's jupytext percent source.
    session : {"formative", "evaluation"}

    Returns
    -------
    str
        The jupytext percent source of that version alone.
    """
    if session not in SESSIONS:
        raise ValueError(f"session must be one of {SESSIONS}, not {session!r}")
    notebook = _parse(text)
    kept = []
    for cell in notebook.cells:
        marked = cell.metadata.pop("session", None)
        if marked is None or marked == session:
            kept.append(cell)
    notebook.cells = kept
    return str(jupytext.writes(notebook, fmt="py:percent"))


def read_module(path: str | os.PathLike[str], *, session: str = "formative") -> ModuleSource:
    """Read a module source and convert it to an nbgrader source notebook.

    Parameters
    ----------
    path : str or path-like
        The jupytext percent script.
    session : {"formative", "evaluation"}, default="formative"
        The version to read: cells marked for the other one (``session=``) are
        left out. When the source has such cells, the other version is read too
        and must have the same graded cells.

    Returns
    -------
    ModuleSource

    Raises
    ------
    CourseError
        If the source cannot be read or its graded cells are inconsistent; the
        message names the cell.
    """
    if session not in SESSIONS:
        raise ValueError(f"session must be one of {SESSIONS}, not {session!r}")
    path = Path(path)
    module = _read_module(path, session)
    if module.has_sessions:
        other = _read_module(path, SESSIONS[1 - SESSIONS.index(session)])
        mine, theirs = _graded_layout(module.notebook), _graded_layout(other.notebook)
        if mine != theirs:
            differ = sorted(set(mine.items()) ^ set(theirs.items()))
            raise CourseError(
                f"{path.name} : la version formative et la version évaluée (cellules "
                "session=) doivent avoir les mêmes cellules notées, de mêmes noms et de mêmes "
                f"points ; elles diffèrent sur : {', '.join(sorted({d[0] for d in differ}))}."
            )
    return module


def _graded_layout(notebook: NotebookNode) -> dict[str, tuple[str, float]]:
    """Graded cell name → (cell type, points): what nbgrader's gradebook holds."""
    layout = {}
    for cell in notebook.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade"):
            layout[meta["grade_id"]] = (cell.cell_type, float(meta.get("points", 0)))
    return layout


def _read_module(path: Path, session: str) -> ModuleSource:
    """Read one version of a module source (see :func:`read_module`)."""
    try:
        text = path.read_text(encoding="utf-8")
        notebook = _parse(text)
    except (OSError, UnicodeDecodeError) as error:
        raise CourseError(f"Impossible de lire le module {path} : {error}") from error
    except Exception as error:  # jupytext raises various errors on malformed input
        raise CourseError(
            f"Le module {path} n'est pas un script jupytext valide : {error}"
        ) from error
    module = ModuleSource(path=path, name=path.stem, notebook=notebook, session=session)
    kept: list[NotebookNode] = []
    grade_ids: set[str] = set()
    tests_for: set[str] = set()
    reveals: dict[str, int] = {}
    revealed_at: dict[str, str] = {}
    hidden_code: list[tuple[int, str, str]] = []  # (position in kept, where, question)

    def claim(grade_id: str, where: str) -> None:
        if grade_id in grade_ids:
            raise CourseError(f"{where} : l'identifiant « {grade_id} » est déjà utilisé.")
        grade_ids.add(grade_id)

    for index, cell in enumerate(notebook.cells, start=1):
        meta = dict(cell.metadata)
        where = f"{path.name}, cellule {index}"
        unknown = set(meta) & set(_ROLES)
        if len(unknown) > 1:
            raise CourseError(
                f"{where} : une cellule ne peut pas porter à la fois {sorted(unknown)}."
            )
        for key in _ROLES:
            if key in meta and not (isinstance(meta[key], str) and _NAME.match(meta[key])):
                raise CourseError(f"{where} : {key}={meta[key]!r} n'est pas un nom valide.")
        for key in _KEYS:
            cell.metadata.pop(key, None)
        if "session" in meta:
            if meta["session"] not in SESSIONS:
                raise CourseError(
                    f'{where} : session={meta["session"]!r} : écrivez session="formative" '
                    '(version formative et parcours en autonomie) ou session="evaluation" '
                    "(séance évaluée)."
                )
            module.has_sessions = True
            if meta["session"] != session:
                continue
        if (
            cell.cell_type == "code"
            and meta.get("session") != "evaluation"
            and _VARIANT_CALL.search(cell.source)
        ):
            raise CourseError(
                f"{where} : checks.student_seed et checks.variant_rng (les cas propres à "
                'chaque étudiant) ne servent que dans une cellule session="evaluation" : la '
                "version formative et le parcours en autonomie donnent à tous les mêmes cas, "
                "ceux que leurs textes, indices et messages commentent."
            )
        _check_marker_spelling(cell.source, where)
        if "graded" in meta:
            if (
                meta["graded"] != GRADED_IN_CLASS
                or cell.cell_type != "markdown"
                or not cell.source.lstrip().startswith(AFTER_CLASS_HEADING)
            ):
                raise CourseError(
                    f'{where} : graded="{GRADED_IN_CLASS}" se place sur la cellule Markdown qui '
                    f"commence par « {AFTER_CLASS_HEADING} » : la note de cette version ne "
                    "compte que les questions autocorrigées de la séance et la réflexion."
                )
            module.graded_in_class = True
        if "mistake" in meta:
            first, _, code = cell.source.partition("\n")
            found = _MESSAGE.match(first)
            if cell.cell_type != "code" or not found or not code.strip():
                raise CourseError(
                    f"{where} : une cellule « mistake » est du code dont la première ligne est "
                    "« # message : fragment du message attendu »."
                )
            module.wrong_answers.append(
                WrongAnswer(meta["mistake"], code.strip("\n"), found["text"])
            )
            continue
        if "answer" in meta:
            if cell.cell_type != "code":
                raise CourseError(
                    f"{where} : une cellule « answer » doit être une cellule de code."
                )
            _check_markers(cell.source, SOLUTION_BEGIN, SOLUTION_END, where, required=True)
            claim(meta["answer"], where)
            cell.metadata["nbgrader"] = _nbgrader_meta(
                meta["answer"], grade=False, solution=True, locked=False
            )
            _keep_running(cell)
            module.answers.setdefault(meta["answer"], 0.0)
        elif "tests" in meta:
            if cell.cell_type != "code":
                raise CourseError(f"{where} : une cellule « tests » doit être une cellule de code.")
            _check_markers(cell.source, HIDDEN_BEGIN, HIDDEN_END, where, required=False)
            name = meta["tests"]
            if name in tests_for:
                raise CourseError(f"{where} : la question « {name} » a déjà une cellule de tests.")
            tests_for.add(name)
            points = _points(meta, where)
            claim(f"{name}_tests", where)
            cell.metadata["nbgrader"] = _nbgrader_meta(
                f"{name}_tests", grade=True, solution=False, locked=True, points=points
            )
            _keep_running(cell)
            # Folded: students read the question and its result, not the checking code
            # (« … » unfolds it). Running it is unchanged.
            cell.metadata["jupyter"] = {"source_hidden": True}
            module.answers[name] = points
        elif "written" in meta:
            if cell.cell_type != "markdown":
                raise CourseError(
                    f"{where} : une cellule « written » doit être une cellule Markdown."
                )
            _check_markers(cell.source, SOLUTION_BEGIN, SOLUTION_END, where, required=False)
            points = _points(meta, where)
            claim(meta["written"], where)
            cell.metadata["nbgrader"] = _nbgrader_meta(
                meta["written"], grade=True, solution=True, locked=False, points=points
            )
            module.written[meta["written"]] = points
        elif "reveal" in meta:
            if any(marker in cell.source for marker in (SOLUTION_BEGIN, HIDDEN_BEGIN)):
                raise CourseError(
                    f"{where} : une cellule « reveal » est sans zone de solution : le texte "
                    "(Markdown) ou le code qui commente la réponse d'une question."
                )
            name = meta["reveal"]
            reveals[name] = reveals.get(name, 0) + 1
            claim(f"{name}_reveal_{reveals[name]}", where)
            cell.metadata["nbgrader"] = _nbgrader_meta(
                f"{name}_reveal_{reveals[name]}", grade=False, solution=False, locked=True
            )
            cell.metadata[REVEAL] = name
            revealed_at[name] = where
            if cell.cell_type == "code":
                hidden_code.append((len(kept), where, name))
        elif any(marker in cell.source for marker in (SOLUTION_BEGIN, HIDDEN_BEGIN)):
            raise CourseError(
                f"{where} : cette cellule contient une zone de solution ou de tests cachés mais "
                "n'est déclarée ni answer= ni tests= : elle serait publiée telle quelle."
            )
        kept.append(cell)

    answers_without_tests = sorted(name for name in module.answers if name not in tests_for)
    if answers_without_tests:
        raise CourseError(
            f"{path.name} : questions sans cellule de tests : {answers_without_tests}."
        )
    tests_without_answer = sorted(tests_for - grade_ids)
    if tests_without_answer:
        raise CourseError(f"{path.name} : tests sans cellule answer= : {tests_without_answer}.")
    for name, where in revealed_at.items():
        if name not in module.answers:
            raise CourseError(
                f'{where} : reveal="{name}" ne désigne aucune question autocorrigée du module.'
            )
    for position, where, name in hidden_code:
        needed = _names_needed_later(kept, position)
        if needed:
            raise CourseError(
                f'{where} : la cellule reveal="{name}" est masquée en séance évaluée, mais des '
                f"cellules suivantes utilisent ce qu'elle définit ({', '.join(needed)}) : elles "
                "échoueraient. Définissez-le dans une cellule non masquée."
            )
    orphan = sorted({m.answer for m in module.wrong_answers} - set(module.answers))
    if orphan:
        raise CourseError(f"{path.name} : erreurs types pour des questions inconnues : {orphan}.")
    notebook.cells = kept
    notebook.metadata = nbformat.from_dict(
        {"kernelspec": copy.deepcopy(_KERNELSPEC), "language_info": {"name": "python"}}
    )
    if module.has_sessions:
        notebook.metadata[SESSION] = session
    if module.graded_in_class:
        notebook.metadata[GRADED] = GRADED_IN_CLASS
    notebook.nbformat, notebook.nbformat_minor = 4, 5
    for index, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{index:03d}"  # deterministic: rebuilding gives the same file
    return module
