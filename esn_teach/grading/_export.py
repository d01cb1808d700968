"""Grade exports: Moodle's "import grades from CSV", nbgrader's CSV, pseudonymised.

Scores are read from nbgrader's gradebook (autograded plus manual grades,
late penalties included, as nbgrader computes them). Every cell we write goes
through :func:`~esn_teach.grading._sanitise.csv_safe`: a student id such as
``=HYPERLINK(…)`` stays text in a spreadsheet.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry

from esn_teach.course import CourseError
from esn_teach.grading._sanitise import csv_safe, printable

__all__ = [
    "KEY_VARIABLE",
    "ExportCheck",
    "check_export",
    "finish_csv_export",
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
    """

    modules: list[str]
    untaken: list[str] = field(default_factory=list)
    pending: dict[tuple[str, str], list[str]] = field(default_factory=dict)

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

    Returns
    -------
    ExportCheck

    Raises
    ------
    CourseError
        If a module asked for is not in the gradebook.
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
            for submission in assignment.submissions:
                student = submission.student.id
                examine = set(to_examine.get(name, {}).get(student, ()))
                for notebook in submission.notebooks:
                    for grade in notebook.grades:
                        if grade.needs_manual_grade:
                            check.pending.setdefault((student, name), []).append(
                                f"réflexion « {grade.name} » pas encore notée"
                            )
                        elif grade.name in examine and grade.manual_score is None:
                            check.pending.setdefault((student, name), []).append(
                                f"question « {grade.name} » à examiner (refusée par la "
                                "vérification indépendante), sans note de l'enseignant"
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

    Returns
    -------
    pathlib.Path
    """
    check = check_export(db_url, course_id, modules)
    names = check.modules
    rows = []
    with Gradebook(db_url, course_id) as gradebook:
        for student in sorted(gradebook.students, key=lambda s: s.id):
            row = [csv_safe(pseudonym(student.id, key) if key else student.id)]
            for name in names:
                try:
                    score = gradebook.find_submission(name, student.id).score
                    row.append(f"{float(score):.2f}")
                except MissingEntry:
                    row.append("")
            if statuses is not None:
                notes = [
                    f"{name} {statuses[(student.id, name)]}"
                    for name in names
                    if (student.id, name) in statuses
                ]
                row.append(csv_safe(" | ".join(notes) or FINAL))
            rows.append(row)
    header = [MOODLE_ID, *(csv_safe(name) for name in names)]
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

    Returns
    -------
    pathlib.Path
    """
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    if statuses is not None:
        fields.append(STATUS)
    for row in rows:
        if statuses is not None:
            pair = (row.get("student_id") or "", row.get("assignment") or "")
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
