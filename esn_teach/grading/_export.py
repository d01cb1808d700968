"""Grade exports: Moodle's "import grades from CSV", nbgrader's CSV, pseudonymised.

Scores are read from nbgrader's gradebook (autograded plus manual grades,
as nbgrader computes them). Every cell we write goes
through :func:`~esn_teach.grading._sanitise.csv_safe`: a student id such as
``=HYPERLINK(…)`` stays text in a spreadsheet.

An export may count only the in-class part of each module
(:class:`InClassPart`): the grade cells before the heading « ## Après la
séance » of the module as built for grading. A copy collected at the end of
an evaluated session has not done the after-class questions yet; they score 0
there and must not weigh on that grade.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat
from nbgrader.api import Gradebook, MissingEntry

from esn_teach._formatting import fr_plural
from esn_teach.course import GRADED, GRADED_IN_CLASS, CourseError, after_class_start
from esn_teach.grading._cells import grade_id, is_graded
from esn_teach.grading._sanitise import csv_safe, printable

__all__ = [
    "KEY_VARIABLE",
    "ExportCheck",
    "InClassPart",
    "check_export",
    "declares_in_class",
    "finish_csv_export",
    "in_class_cells",
    "in_class_part",
    "in_class_scores",
    "pseudonym",
    "pseudonym_key",
    "rewrite_pseudonymised",
    "write_moodle",
]

#: Environment variable holding the pseudonymisation key.
KEY_VARIABLE = "ESN_TEACH_PSEUDONYM_KEY"

#: The identifier column of the Moodle file (map it to "ID number" when importing).
MOODLE_ID = "Numéro d'identification"

#: The column that says, in a provisional export, which grades are not final.
STATUS = "Statut"
FINAL = "définitive"

#: The column of nbgrader's CSV that says, in an in-class export, which part of the module counts.
PART = "Partie"

#: What every in-class export says, in each column name (Moodle) or row (nbgrader's CSV).
IN_CLASS = "partie en séance"
#: What nbgrader's CSV says, in the column « Partie », of a module counted whole beside others.
WHOLE = "module entier"


def _points(value: float) -> str:
    return f"{value:g}".replace(".", ",")


@dataclass(frozen=True)
class InClassPart:
    """The grade cells a module's in-class part counts, and their points.

    The boundary is read from the module as built for grading
    (``source/NN_…/NN_….ipynb``, what ``autograde`` grades against): every
    grade cell nbgrader records (autograded test or answer, written answer,
    task) before the heading « ## Après la séance »
    (:func:`esn_teach.course.after_class_start`) counts; those after it are
    left out, points and maximum alike. A module without that heading counts whole.

    A module built from a version that declares ``graded="in-class"``
    (notebook metadata :data:`esn_teach.course.GRADED`) announces a grade of its
    in-class questions **and its written answers**: those after the heading (the
    reflection written at home) count too, as the module tells its students.

    Attributes
    ----------
    module : str
    counted : frozenset of tuple
        ``(notebook, grade cell)`` pairs of the in-class part.
    left_out : tuple of str
        The grade cells after the boundary, in notebook order.
    max_score : float
        Points of the in-class part.
    module_max_score : float
        Points of the whole module.
    with_written : bool
        Whether written answers after the heading count (``graded="in-class"``).
    """

    module: str
    counted: frozenset[tuple[str, str]]
    left_out: tuple[str, ...]
    max_score: float
    module_max_score: float
    with_written: bool = False

    def label(self) -> str:
        """Return what the score counts, in French: « partie en séance (sur 3 au lieu de 7) »."""
        if not self.left_out:
            return f"{IN_CLASS} (module entier, sur {_points(self.max_score)})"
        part = f"{IN_CLASS}, réflexion comprise" if self.with_written else IN_CLASS
        return f"{part} (sur {_points(self.max_score)} au lieu de {_points(self.module_max_score)})"

    def describe(self) -> str:
        """Return one French line for the instructor: what the in-class total leaves out."""
        module = printable(self.module, limit=80)
        if not self.left_out:
            return (
                f"  - {module} : pas de partie « Après la séance », module compté en entier "
                f"(sur {_points(self.max_score)})"
            )
        cells = ", ".join(printable(cell, limit=80) for cell in self.left_out)
        return (
            f"  - {module} : sur {_points(self.max_score)} au lieu de "
            f"{_points(self.module_max_score)} ; laissées de côté (après la séance) : {cells}"
        )


def in_class_cells(built: nbformat.NotebookNode) -> tuple[list[str], list[str], bool]:
    """Split the grade cells of a module notebook as built for grading: counted or not.

    Parameters
    ----------
    built : nbformat.NotebookNode
        A notebook of the course's ``source/`` folder.

    Returns
    -------
    counted : list of str
        Grade cells before « Après la séance » (all of them without that heading), and the
        written answers after it when the version declares ``graded="in-class"``.
    left_out : list of str
        The other grade cells (the after-class questions).
    with_written : bool
        Whether some written answer after the heading counts.
    """
    start = after_class_start(built)
    # graded="in-class": the grade counts the written answers after the heading too.
    written_count = built.metadata.get(GRADED) == GRADED_IN_CLASS
    counted: list[str] = []
    left_out: list[str] = []
    with_written = False
    for index, cell in enumerate(built.cells):
        cell_id = grade_id(cell)
        if cell_id and is_graded(cell):
            in_class = start is None or index < start
            if not in_class and written_count and cell.cell_type != "code":
                in_class = with_written = True
            (counted if in_class else left_out).append(cell_id)
    return counted, left_out, with_written


def declares_in_class(assignment: Any, source: Path) -> bool:
    """Tell whether a module, as built for grading, announces a grade on its in-class part.

    A version declaring ``graded="in-class"`` tells students, in its header,
    that the grade counts the in-class questions and the written answers, the
    autograded questions after « Après la séance » being practice; the build
    records it in the notebook metadata (:data:`esn_teach.course.GRADED`).

    Parameters
    ----------
    assignment : nbgrader.api.Assignment
        The module in an open gradebook.
    source : pathlib.Path
        The course's ``source/`` folder.

    Returns
    -------
    bool

    Raises
    ------
    CourseError
        If the built module is missing or unreadable: what its grade counts
        cannot then be known.
    """
    name = assignment.name
    for notebook in assignment.notebooks:
        missing = (
            f"{name} : le module tel qu'il est construit pour la correction est introuvable "
            "({path}) : impossible de savoir si sa note porte sur la séance seule. Lancez "
            f"« esn-teach build {name} », ou choisissez « --partie tout » (module entier) "
            "ou « --partie seance »."
        )
        built = _read_built(source / name / f"{notebook.name}.ipynb", missing)
        if built.metadata.get(GRADED) == GRADED_IN_CLASS:
            return True
    return False


def _read_built(path: Path, missing: str) -> nbformat.NotebookNode:
    """Read a notebook of ``source/``; a French :class:`CourseError` if it is not there.

    ``missing``: the message when the file does not exist, ``{path}`` standing for it.
    """
    try:
        return nbformat.read(path, as_version=4)
    except FileNotFoundError as error:
        raise CourseError(missing.replace("{path}", str(path))) from error
    except Exception as error:  # nbformat raises several kinds on a damaged file
        raise CourseError(f"{path} est illisible : {error}") from error


def in_class_part(assignment: Any, source: Path) -> InClassPart:
    """Find which grade cells of a module lie before its « Après la séance » heading.

    Parameters
    ----------
    assignment : nbgrader.api.Assignment
        The module in an open gradebook.
    source : pathlib.Path
        The course's ``source/`` folder (the modules as built for grading; an
        instructor on a hub has it without the module sources).

    Returns
    -------
    InClassPart

    Raises
    ------
    CourseError
        If the built module is missing or unreadable, or if the gradebook
        holds a grade cell that the built module does not (the module changed
        since it was graded: the boundary could not be trusted).
    """
    name = assignment.name
    counted: set[tuple[str, str]] = set()
    left_out: list[str] = []
    max_score = module_max_score = 0.0
    with_written = False
    for notebook in assignment.notebooks:
        path = source / name / f"{notebook.name}.ipynb"
        built = _read_built(
            path,
            f"Partie en séance de {name} introuvable : {{path}} n'existe pas (le module tel "
            f"qu'il est construit pour la correction). Lancez « esn-teach build {name} », "
            "ou exportez le module entier (« --partie tout »).",
        )
        before, after, written = in_class_cells(built)
        with_written = with_written or written
        cells = {cell.name: float(cell.max_score or 0.0) for cell in notebook.grade_cells}
        cells.update({cell.name: float(cell.max_score or 0.0) for cell in notebook.task_cells})
        unknown = sorted(set(cells) - set(before) - set(after))
        if unknown:
            raise CourseError(
                f"{name} : le carnet de notes compte "
                f"{fr_plural(len(unknown), 'question')} que le module construit ({path}) "
                f"n'a plus : {', '.join(printable(c, limit=80) for c in unknown)}. Le module a "
                "changé depuis la correction : la limite « Après la séance » ne peut pas s'y "
                "lire. Reconstruisez-le tel qu'il a été corrigé, ou exportez le module entier "
                "(« --partie tout »)."
            )
        for cell_name, points in cells.items():
            module_max_score += points
            if cell_name in before:
                counted.add((notebook.name, cell_name))
                max_score += points
        left_out += [cell_id for cell_id in after if cell_id in cells]
    return InClassPart(
        name, frozenset(counted), tuple(left_out), max_score, module_max_score, with_written
    )


def in_class_scores(
    db_url: str, course_id: str, parts: Mapping[str, InClassPart]
) -> dict[tuple[str, str], float]:
    """Score each submission on its module's in-class part only.

    Each grade scores as nbgrader scores it (the instructor's score when there
    is one, else the autograder's, plus any extra credit); the sum over every
    grade cell of a submission is nbgrader's total.

    Returns
    -------
    dict
        ``(student, module)`` → in-class score, for every submission of ``parts``.
    """
    scores: dict[tuple[str, str], float] = {}
    with Gradebook(db_url, course_id) as gradebook:
        for module, part in parts.items():
            for submission in gradebook.find_assignment(module).submissions:
                scores[(submission.student.id, module)] = sum(
                    float(grade.score or 0.0)
                    for notebook in submission.notebooks
                    for grade in notebook.grades
                    if (notebook.name, grade.name) in part.counted
                )
    return scores


@dataclass
class ExportCheck:
    """What stands between the gradebook and a grade file that can be trusted.

    Attributes
    ----------
    modules : list of str
        The modules to export: those with at least one submission.
    untaken : list of str
        Modules nobody has submitted (never exported: a column of zeros would
        overwrite grades when imported into Moodle).
    pending : dict
        ``(student, module)`` → French reasons why that grade is not final: a
        reflection still waiting for manual grading, or a copy whose last
        autograde failed on the grader's side (the gradebook holds an older grade).
    parts : dict
        Module → its :class:`InClassPart`, when only the in-class part counts
        (empty otherwise); grade cells it leaves out are never pending.
    """

    modules: list[str]
    untaken: list[str] = field(default_factory=list)
    pending: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    parts: dict[str, InClassPart] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """One French line per grade that is not final (identities made printable)."""
        return [
            f"  - {printable(student, limit=80)} — {printable(module, limit=80)} : "
            f"{' ; '.join(reasons)}"
            for (student, module), reasons in sorted(self.pending.items())
        ]

    def statuses(self) -> dict[tuple[str, str], str]:
        """``(student, module)`` → the status written in a provisional export."""
        return {key: "provisoire : " + " ; ".join(reasons) for key, reasons in self.pending.items()}


def check_export(
    db_url: str,
    course_id: str,
    modules: list[str],
    grader_errors: Mapping[str, set[str]] | None = None,
    *,
    to_examine: Mapping[str, Mapping[str, list[str]]] | None = None,
    in_class_source: Path | None = None,
    declared_only: bool = False,
) -> ExportCheck:
    """Find the modules nobody took and every grade that is not final yet.

    Parameters
    ----------
    db_url, course_id : str
        nbgrader's gradebook.
    modules : list of str
        Modules asked for (empty: every module of the gradebook).
    grader_errors : mapping, optional
        Module → students whose last autograde was a grader error.
    to_examine : mapping, optional
        Module → student → test cells the independent re-check refused; each
        stays pending until the instructor gives it a score in the formgrader.
    in_class_source : pathlib.Path, optional
        The course's ``source/`` folder: count only the in-class part of each
        module (:attr:`ExportCheck.parts`). A grade after « Après la séance »
        is then neither exported nor pending; a grader error on the copy
        still is.
    declared_only : bool, default=False
        With ``in_class_source``: count only the in-class part of the modules
        that announce it to students (:func:`declares_in_class`), the others
        whole (absent from :attr:`ExportCheck.parts`).

    Returns
    -------
    ExportCheck

    Raises
    ------
    CourseError
        If a module asked for is not in the gradebook, or (in-class part)
        as :func:`in_class_part` and :func:`declares_in_class`.
    """
    grader_errors = grader_errors or {}
    to_examine = to_examine or {}
    check = ExportCheck(modules=[])
    with Gradebook(db_url, course_id) as gradebook:
        names = modules or sorted(a.name for a in gradebook.assignments)
        for name in names:
            try:
                assignment = gradebook.find_assignment(name)
            except MissingEntry as error:
                raise CourseError(
                    f"{name} n'est pas dans le carnet de notes (corrigez-le d'abord)."
                ) from error
            if not assignment.submissions:
                check.untaken.append(name)
                continue
            check.modules.append(name)
            part = None
            if in_class_source is not None and (
                not declared_only or declares_in_class(assignment, in_class_source)
            ):
                part = check.parts[name] = in_class_part(assignment, in_class_source)
            for submission in assignment.submissions:
                student = submission.student.id
                examine = set(to_examine.get(name, {}).get(student, ()))
                for notebook in submission.notebooks:
                    for grade in notebook.grades:
                        if part is not None and (notebook.name, grade.name) not in part.counted:
                            continue
                        if grade.needs_manual_grade:
                            check.pending.setdefault((student, name), []).append(
                                f"réflexion « {grade.name} » pas encore notée"
                            )
                        elif grade.name in examine and grade.manual_score is None:
                            check.pending.setdefault((student, name), []).append(
                                f"question « {grade.name} » à examiner (signalée par la "
                                "correction automatique : voir son détail), sans note de "
                                "l'enseignant"
                            )
                if student in grader_errors.get(name, set()):
                    check.pending.setdefault((student, name), []).append(
                        "dernière correction automatique en erreur du correcteur "
                        "(le carnet garde une note plus ancienne)"
                    )
    return check


def pseudonym_key(key_file: str | Path | None = None) -> bytes:
    """Read the pseudonymisation key from ``key_file`` or ``$ESN_TEACH_PSEUDONYM_KEY``.

    Raises
    ------
    CourseError
        If there is no key, or it is too short (under 16 characters).
    """
    if key_file is not None:
        path = Path(key_file)
        if not path.is_file():
            raise CourseError(f"Fichier de clé introuvable : {path}")
        key = path.read_bytes().strip()
    else:
        key = os.environ.get(KEY_VARIABLE, "").encode("utf-8").strip()
    if not key:
        raise CourseError(
            f"--pseudonymise demande une clé secrète : définissez la variable {KEY_VARIABLE} "
            "ou indiquez --key-file FICHIER (gardez la même clé pour relier deux exports)."
        )
    if len(key) < 16:
        raise CourseError("La clé de pseudonymisation doit faire au moins 16 caractères.")
    return key


def pseudonym(student: str, key: bytes) -> str:
    """Return the keyed hash (HMAC-SHA256, 16 hex digits) standing for ``student``."""
    return "p-" + hmac.new(key, student.encode("utf-8"), hashlib.sha256).hexdigest()[:16]


def write_moodle(
    destination: Path,
    db_url: str,
    course_id: str,
    modules: list[str],
    key: bytes | None = None,
    *,
    statuses: Mapping[tuple[str, str], str] | None = None,
    parts: Mapping[str, InClassPart] | None = None,
) -> Path:
    """Write one row per student: identifier, then one column per module (total score).

    Modules nobody submitted get no column, and a student without a submission
    gets an empty cell, which Moodle's import leaves alone (a 0 would overwrite
    the grade Moodle holds).

    Parameters
    ----------
    destination : pathlib.Path
    db_url, course_id : str
        nbgrader's gradebook.
    modules : list of str
        Modules to export (empty: every module of the gradebook).
    key : bytes, optional
        Pseudonymise identities with this key.
    statuses : mapping, optional
        ``(student, module)`` → why that grade is provisional; when given, a
        last column « Statut » says, per student, which grades are not final.
    parts : mapping, optional
        Module → :class:`InClassPart`: that module's column then holds the
        in-class score only, and its name says so, with the in-class maximum
        (« 02_x — partie en séance (sur 3 au lieu de 7) »); a module absent
        from it counts whole.

    Returns
    -------
    pathlib.Path
    """
    check = check_export(db_url, course_id, modules)
    names = check.modules
    parts = {name: parts[name] for name in names if name in parts} if parts else {}
    scores = in_class_scores(db_url, course_id, parts)
    rows = []
    with Gradebook(db_url, course_id) as gradebook:
        for student in sorted(gradebook.students, key=lambda s: s.id):
            row = [csv_safe(pseudonym(student.id, key) if key else student.id)]
            for name in names:
                try:
                    score = gradebook.find_submission(name, student.id).score
                except MissingEntry:
                    row.append("")
                    continue
                if name in parts:
                    score = scores[(student.id, name)]
                row.append(f"{float(score):.2f}")
            if statuses is not None:
                notes = [
                    f"{name} {statuses[(student.id, name)]}"
                    for name in names
                    if (student.id, name) in statuses
                ]
                row.append(csv_safe(" | ".join(notes) or FINAL))
            rows.append(row)
    columns = [f"{name} — {parts[name].label()}" if name in parts else name for name in names]
    header = [MOODLE_ID, *(csv_safe(column) for column in columns)]
    if statuses is not None:
        header.append(STATUS)
    with destination.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return destination


def finish_csv_export(
    path: Path,
    key: bytes | None = None,
    *,
    statuses: Mapping[tuple[str, str], str] | None = None,
    parts: Mapping[str, InClassPart] | None = None,
    scores: Mapping[tuple[str, str], float] | None = None,
) -> Path:
    """Make nbgrader's CSV export safe to open in a spreadsheet, pseudonymised if ``key`` is given.

    Rewrites ``path`` in place: with a key, identities become keyed hashes
    (:func:`pseudonym`) and names, emails and LMS ids are blanked; in every
    case each cell goes through :func:`~esn_teach.grading._sanitise.csv_safe`
    (no formula, no control character). Call it once on the file nbgrader
    wrote.

    Parameters
    ----------
    path : pathlib.Path
        The CSV written by nbgrader's ``CsvExportPlugin``.
    key : bytes, optional
        The pseudonymisation key.
    statuses : mapping, optional
        ``(student, module)`` → why that grade is provisional; when given, a
        last column « Statut » says so on each row (« définitive » otherwise).
    parts, scores : mapping, optional
        Module → :class:`InClassPart` and ``(student, module)`` → in-class
        score (:func:`in_class_scores`), given together: ``raw_score``,
        ``score`` (less nbgrader's late penalty, never below 0) and
        ``max_score`` then count the in-class part only, and a column
        « Partie » says so on each row (« module entier » for a module absent
        from ``parts``, whose scores stay nbgrader's).

    Returns
    -------
    pathlib.Path
    """
    if (parts is None) != (scores is None):
        raise ValueError("parts and scores go together")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    if parts is not None:
        fields.append(PART)
    if statuses is not None:
        fields.append(STATUS)
    for row in rows:
        pair = (row.get("student_id") or "", row.get("assignment") or "")
        if parts is not None and scores is not None and pair[1] not in parts:
            row[PART] = WHOLE
        elif parts is not None and scores is not None:
            part = parts[pair[1]]
            raw = scores.get(pair, 0.0)
            penalty = float(row.get("late_submission_penalty") or 0.0)
            row["raw_score"] = str(raw)
            row["score"] = str(max(0.0, raw - penalty))
            row["max_score"] = str(part.max_score)
            row[PART] = part.label()
        if statuses is not None:
            row[STATUS] = statuses.get(pair, FINAL)
        if key is not None:
            if "student_id" in row:
                row["student_id"] = pseudonym(row["student_id"], key)
            for column in ("first_name", "last_name", "email", "lms_user_id"):
                if column in row:
                    row[column] = ""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([csv_safe(field) for field in fields])
        writer.writerows([csv_safe(row.get(field) or "") for field in fields] for row in rows)
    return path


def rewrite_pseudonymised(path: Path, key: bytes) -> Path:
    """Replace identities in nbgrader's CSV export by keyed hashes (names and emails blanked).

    The same as :func:`finish_csv_export` with a key: every cell is made safe too.
    """
    return finish_csv_export(path, key)
