"""The nbgrader exchange on a hub: hand modules out, collect copies, return feedback.

nbgrader's default exchange does the moving (``release_assignment``, ``collect``,
``release_feedback``); this module adds what a course on a shared server needs: a due date the
late flag is computed from, a collect that never takes a copy dropped in a student's name by
someone else (nbgrader only warns about those; they are set aside, not deleted), and French
results.
"""

from __future__ import annotations

import os
import pwd
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from nbgrader.api import Gradebook
from nbgrader.apps.api import NbGraderAPI
from nbgrader.exchange.default.collect import ExchangeCollect
from nbgrader.utils import capture_log, parse_utc, temp_attrs

from esn_teach.assignments import write_due_date
from esn_teach.course import Course, CourseError

__all__ = ["Collected", "OwnerCheckedCollect", "collect", "publish", "publish_feedback"]


def _api(course: Course, **options: object) -> NbGraderAPI:
    config = course.config()
    for key, value in options.items():
        section, _, name = key.partition("__")
        setattr(config[section], name, value)
    return NbGraderAPI(config=config)


def _exchange_course(api: NbGraderAPI, course: Course) -> Path:
    root = Path(api.exchange_root or "/srv/nbgrader/exchange")
    return root / str(course.config().CourseDirectory.course_id)


def _checked(result: dict, what: str) -> None:
    if not result.get("success"):
        detail = (result.get("error") or result.get("log") or "").strip()[-1500:]
        raise CourseError(f"{what} a échoué (nbgrader) :\n{detail}")


def publish(course: Course, name: str, *, due: datetime | None = None) -> Path:
    """Put a released module in the exchange, where students fetch it.

    Parameters
    ----------
    course : Course
        The course (its ``release/`` holds the student version).
    name : str
        Module name or prefix.
    due : datetime, optional
        Due date, in UTC (naive) or with a time zone: copies submitted after it are flagged
        late when graded, as nbgrader does.

    Returns
    -------
    Path
        The module's folder in the exchange (``outbound``).
    """
    module = course.module_name(name)
    if not (course.root / "release" / module).is_dir():
        raise CourseError(
            f"{module} n'a pas de version étudiante : lancez d'abord "
            f"« esn-teach release {module} »."
        )
    config = course.config()
    with Gradebook(config.CourseDirectory.db_url, config.CourseDirectory.course_id) as gradebook:
        duedate = parse_utc(due.isoformat()) if due is not None else None
        gradebook.update_or_create_assignment(module, duedate=duedate)
    api = _api(course, ExchangeReleaseAssignment__force=True)
    _checked(api.release_assignment(module), f"Le dépôt de {module} dans l'échange")
    outbound = _exchange_course(api, course) / "outbound"
    write_due_date(outbound, module, duedate)  # shown on the students' « Mes devoirs » page
    return outbound / module


@dataclass
class Collected:
    """What `collect` took from the exchange."""

    module: str
    #: Students whose newest copy is now in ``submitted/``.
    students: list[str] = field(default_factory=list)
    #: Copies not collected (student named, why in French, path): dropped in a student's name by
    #: another account, or holding a symbolic link. Left in the exchange, not graded.
    refused: list[tuple[str, str, Path]] = field(default_factory=list)
    #: Students whose collected copy was submitted after the due date, and by how long.
    late: dict[str, float] = field(default_factory=dict)
    #: Students who handed in again after the due date, with how many such copies: not
    #: collected, their last copy before the due date is (module 06's lecturer, d22: a copy
    #: handed in again after an evaluated session replaced the supervised one).
    ignored: dict[str, int] = field(default_factory=dict)
    #: The due date, if the module has one.
    due: datetime | None = None


def _owner(path: Path) -> str:
    """Return the account owning ``path`` itself (a symbolic link is not followed)."""
    uid = path.lstat().st_uid
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"uid {uid}"


def _holds_link(path: Path) -> bool:
    """Whether ``path`` is, or contains, a symbolic link (never followed)."""
    if path.is_symlink():
        return True
    for folder, dirs, files in os.walk(path, followlinks=False):
        if any((Path(folder) / name).is_symlink() for name in (*dirs, *files)):
            return True
    return False


class OwnerCheckedCollect(ExchangeCollect):
    """nbgrader's collect, which never takes a copy dropped in a student's name by another account.

    nbgrader names each copy in the exchange after the student who submitted it and only warns
    when the file's Unix owner is someone else. Here such a copy is never chosen: each
    student's newest copy *they own* (before the due date, if any) is collected; the others
    stay in the exchange, untouched, and are listed in ``refused`` (student named, reason,
    path). A copy that is or holds a symbolic link is refused too: nbgrader copies what a
    link points to, with the grader's rights, so a link to the course's solutions would be
    collected and graded as the student's.
    """

    refused: list[tuple[str, str, Path]]
    #: Every copy read in the exchange (own or not), to tell which later ones were left.
    seen: list[dict[str, Any]]

    def _path_to_record(self, path: str) -> dict[str, Any]:
        record: dict[str, Any] = super()._path_to_record(path)
        if not hasattr(self, "seen"):
            self.seen = []
        self.seen.append(record)
        copy = Path(path)
        owner = _owner(copy)
        reason = ""
        if owner != record["username"]:
            reason = f"a été déposée par le compte {owner}"
        elif _holds_link(copy):
            reason = "contient un lien symbolique (vers des fichiers qui ne sont pas la copie)"
        record["own"] = not reason
        if reason:
            if not hasattr(self, "refused"):
                self.refused = []
            self.refused.append((record["username"], reason, copy))
        return record

    def init_src(self) -> None:
        self.refused = []
        self.seen = []
        # nbgrader's own option: with a due date, it keeps a copy collected earlier only if it
        # is still the one chosen below (it copies the chosen one over a different one).
        self.before_duedate = True
        super().init_src()
        # nbgrader chooses among every copy named after a student, another account's
        # included; a foreign copy before the due date then hid the student's own late one,
        # collected by no one. The choice is made here among the student's own copies: the
        # last one before the due date, else (late) the newest.
        due = getattr(self, "duedate", None)
        chosen: list[dict[str, Any]] = []
        for student in sorted({record["username"] for record in self.seen}):
            own = [r for r in self.seen if r["username"] == student and r["own"]]
            before = [r for r in own if due is None or r["timestamp"] <= due]
            if own:
                chosen.append(max(before or own, key=lambda r: r["timestamp"]))
        self.src_records = chosen


def collect(course: Course, name: str) -> Collected:
    """Collect each student's copy from the exchange into ``submitted/``.

    Without a due date, the newest copy. With one, the last copy handed in before it:
    a copy handed in again afterwards (an evaluated session's copy completed at home)
    is left in the exchange and listed in ``ignored``; a student with no copy before
    the due date has their newest one collected, listed in ``late``. A copy whose Unix
    owner is not the student it is named after is not collected
    (`OwnerCheckedCollect`); it stays in the exchange and is reported.
    """
    module = course.module_name(name)
    api = _api(course, ExchangeFactory__collect=f"{__name__}.OwnerCheckedCollect")
    inbound = _exchange_course(api, course) / "inbound"
    if not inbound.is_dir():
        raise CourseError(
            f"Aucun dépôt possible pour {module} : le module n'a jamais été mis dans l'échange "
            f"(« esn-teach release {module} --exchange »)."
        )
    result = Collected(module)
    collector = api.exchange.Collect(
        coursedir=api.coursedir, authenticator=api.authenticator, parent=api
    )
    collector.update = True
    with temp_attrs(api.coursedir, assignment_id=module):
        _checked(capture_log(collector), f"Le ramassage de {module}")
    result.refused = list(getattr(collector, "refused", []))
    due = getattr(collector, "duedate", None)  # read by nbgrader from the gradebook
    result.due = due
    if due is not None:
        chosen = {record["username"]: record for record in collector.src_records}
        for record in getattr(collector, "seen", []):
            taken = chosen.get(record["username"])
            if (
                taken is not None
                and record["own"]
                and taken["timestamp"] <= due < record["timestamp"]
            ):
                result.ignored[record["username"]] = result.ignored.get(record["username"], 0) + 1
    submitted = course.root / "submitted"
    for folder in sorted(submitted.glob(f"*/{module}")):
        student = folder.parent.name
        result.students.append(student)
        stamp = folder / "timestamp.txt"
        if due is not None and stamp.is_file():
            late = (parse_utc(stamp.read_text().strip()) - due).total_seconds()
            if late > 0:
                result.late[student] = late
    return result


def publish_feedback(course: Course, name: str) -> list[str]:
    """Put the module's feedback pages in the exchange; each student fetches only their own.

    Returns
    -------
    list of str
        The students whose feedback was published.
    """
    module = course.module_name(name)
    pages = sorted((course.root / "feedback").glob(f"*/{module}/*.html"))
    if not pages:
        raise CourseError(
            f"Aucun retour à rendre pour {module} : lancez d'abord « esn-teach feedback {module} »."
        )
    api = _api(course)
    _checked(api.release_feedback(module), f"La restitution des retours de {module}")
    return sorted({page.parents[1].name for page in pages})
