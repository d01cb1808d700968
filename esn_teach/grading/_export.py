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
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry

from esn_teach.course import CourseError
from esn_teach.grading._sanitise import csv_safe

__all__ = [
    "KEY_VARIABLE",
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
) -> Path:
    """Write one row per student: identifier, then one column per module (total score).

    Parameters
    ----------
    destination : pathlib.Path
    db_url, course_id : str
        nbgrader's gradebook.
    modules : list of str
        Modules to export (empty: every module of the gradebook).
    key : bytes, optional
        Pseudonymise identities with this key.

    Returns
    -------
    pathlib.Path
    """
    with Gradebook(db_url, course_id) as gradebook:
        names = modules or sorted(a.name for a in gradebook.assignments)
        for name in names:
            try:
                gradebook.find_assignment(name)
            except MissingEntry as error:
                raise CourseError(
                    f"{name} n'est pas dans le carnet de notes (corrigez-le d'abord)."
                ) from error
        rows = []
        for student in sorted(gradebook.students, key=lambda s: s.id):
            row = {MOODLE_ID: csv_safe(pseudonym(student.id, key) if key else student.id)}
            for name in names:
                try:
                    score = gradebook.find_submission(name, student.id).score
                    row[name] = f"{float(score):.2f}"
                except MissingEntry:
                    row[name] = "0.00"
            rows.append(row)
    with destination.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([MOODLE_ID, *(csv_safe(name) for name in names)])
        writer.writerows([row[MOODLE_ID], *(row[name] for name in names)] for row in rows)
    return destination


def finish_csv_export(path: Path, key: bytes | None = None) -> Path:
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

    Returns
    -------
    pathlib.Path
    """
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    for row in rows:
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
