"""What a student's « Mes devoirs » page shows: nbgrader's exchange listing, in French terms.

The listing comes from nbgrader's own ``AssignmentList`` (the manager behind JupyterLab's
« Assignments » panel); this module only turns it into one entry per module and says, in
French, what a failure means for the student. Nothing here touches a file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from esn_teach._formatting import fr_datetime

# nbgrader, nbformat and esn_teach.course are imported where they are used: this module is
# imported when each student's server starts (the « Mes devoirs » extension), and importing
# nbgrader costs about two seconds of CPU — thirty servers starting at once pay it in turn.

__all__ = [
    "DUE_DATES_FILE",
    "PAGE_PATH",
    "PARIS",
    "Assignment",
    "Submission",
    "assignments_from_listing",
    "explain_failure",
    "paris_time",
    "read_due_dates",
    "write_due_date",
]

#: Where the « Mes devoirs » page is, under the Jupyter server's base URL.
PAGE_PATH = "esn-teach/devoirs"

#: The course's time zone: every date a student reads is Paris time, and says so.
PARIS = ZoneInfo("Europe/Paris")

#: Due dates of the modules in the exchange, written by ``esn-teach release --exchange --due``
#: beside the modules in ``outbound/`` (a hidden file: nbgrader lists ``outbound/*`` only).
DUE_DATES_FILE = ".esn-teach-echeances.json"

# Modules are named NN_words (esn_teach.course): anything else in a listing is not ours.
_LONGEST_TITLE = 200


def paris_time(value: datetime) -> datetime:
    """Return ``value`` in Paris time (a naive ``value`` is taken as UTC, as nbgrader stores it)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(PARIS)


@dataclass(frozen=True)
class Submission:
    """One copy a student handed in, as nbgrader's exchange lists it."""

    #: When it was handed in, Paris time.
    handed_in: datetime
    #: The instructor returned feedback on it, in the exchange.
    feedback_returned: bool
    #: The feedback is in the student's folder (``feedback/<timestamp>/``), up to date.
    feedback_here: bool
    #: The feedback pages, relative to the student's folder (empty until fetched).
    feedback_pages: tuple[str, ...] = ()

    @property
    def when(self) -> str:
        """The moment, in words: ``"5 décembre 2026 à 14 h 03"``."""
        return fr_datetime(self.handed_in)

    @property
    def feedback_to_fetch(self) -> bool:
        """Feedback is waiting in the exchange that is not (or not the latest) in the folder."""
        return self.feedback_returned and not self.feedback_here


@dataclass
class Assignment:
    """A module as one student sees it in the exchange."""

    #: The module's name (its folder), e.g. ``01_evaluer_test_diagnostique``.
    module: str
    #: Its title, from its notebook (the name when the notebook cannot be read).
    title: str
    #: The nbgrader course it belongs to.
    course: str
    #: Still in the exchange for students to fetch.
    released: bool = False
    #: The student's copy, relative to their folder, once fetched.
    folder: str | None = None
    #: The notebooks of that copy, relative to the student's folder.
    notebooks: tuple[str, ...] = ()
    #: When the student's notebooks were last saved, Paris time (None until fetched).
    saved: datetime | None = None
    #: Copies handed in, oldest first.
    submissions: list[Submission] = field(default_factory=list)
    #: Due date, Paris time, when the instructor set one.
    due: datetime | None = None

    @property
    def fetched(self) -> bool:
        return self.folder is not None

    @property
    def to_fetch(self) -> bool:
        """In the exchange and not yet in the student's folder."""
        return self.released and not self.fetched

    @property
    def last(self) -> Submission | None:
        """The latest copy handed in: the one the instructor collects."""
        return self.submissions[-1] if self.submissions else None

    @property
    def saved_text(self) -> str | None:
        return fr_datetime(self.saved) if self.saved is not None else None

    @property
    def changed_since_handed_in(self) -> bool:
        """The notebooks were saved after the latest copy was handed in: that copy lacks them."""
        last = self.last
        return last is not None and self.saved is not None and self.saved > last.handed_in

    @property
    def due_text(self) -> str | None:
        return fr_datetime(self.due) if self.due is not None else None

    def overdue(self, now: datetime) -> bool:
        """Tell whether the due date is past at ``now``."""
        return self.due is not None and now > self.due

    def late(self, submission: Submission) -> bool:
        """``submission`` was handed in after the due date (nbgrader flags it late)."""
        return self.due is not None and submission.handed_in > self.due

    @property
    def feedback_to_fetch(self) -> bool:
        """Feedback is waiting in the exchange for one of the copies."""
        return any(s.feedback_to_fetch for s in self.submissions)

    @property
    def feedback(self) -> Submission | None:
        """The latest copy whose feedback is in the student's folder.

        A copy handed in again after grading has none yet: the graded one keeps its feedback.
        """
        return next((s for s in reversed(self.submissions) if s.feedback_pages), None)

    @property
    def stage(self) -> str:
        """Where the student is, in one word.

        ``a-recuperer``, ``a-faire``, ``rendu``, ``corrige`` (feedback returned, fetched or
        not) or ``indisponible`` (neither in the exchange nor fetched).
        """
        if self.feedback is not None or self.feedback_to_fetch:
            return "corrige"
        if self.submissions:
            return "rendu"
        return {"released": "a-recuperer", "fetched": "a-faire"}.get(self.status, "indisponible")

    @property
    def status(self) -> str:
        """Where the module is: ``released``, ``fetched`` or ``gone``.

        ``released``: to fetch; ``fetched``: in the student's folder; ``gone``: neither
        (withdrawn from the exchange, or the folder renamed).
        """
        return "fetched" if self.fetched else "released" if self.released else "gone"


def read_due_dates(outbound: Path) -> dict[str, datetime]:
    """Return the modules' due dates from the exchange (none when the file is absent or bad)."""
    try:
        raw = json.loads((outbound / DUE_DATES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(raw, dict):
        return {}
    dates = {}
    for module, text in raw.items():
        try:
            dates[str(module)] = paris_time(datetime.fromisoformat(str(text)))
        except ValueError:
            continue
    return dates


def write_due_date(outbound: Path, module: str, due: datetime | None) -> Path:
    """Record ``module``'s due date (or that it has none) for the students' page.

    Parameters
    ----------
    outbound : Path
        The course's ``outbound`` folder in the exchange.
    module : str
        The module's name.
    due : datetime or None
        The due date (naive: UTC, as nbgrader stores it); None removes the module's date.

    Returns
    -------
    Path
        The file, readable by every account (as the released modules are).
    """
    path = outbound / DUE_DATES_FILE
    dates = {
        name: when.astimezone(UTC).isoformat() for name, when in read_due_dates(outbound).items()
    }
    if due is None:
        dates.pop(module, None)
    else:
        dates[module] = paris_time(due).astimezone(UTC).isoformat()
    written = path.with_name(path.name + ".tmp")
    written.write_text(json.dumps(dates, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    written.chmod(0o644)
    written.replace(path)  # atomic: a student's page never reads half a file
    return path


def _title(root: Path, notebooks: Iterable[str], fallback: str) -> str:
    import nbformat

    from esn_teach.course import module_title

    for notebook in notebooks:
        path = Path(notebook) if os.path.isabs(notebook) else root / notebook
        try:
            title = module_title(nbformat.read(path, as_version=4), fallback)
        except Exception:  # unreadable or broken notebook: its name will do
            continue
        return title[:_LONGEST_TITLE]
    return fallback


def _relative(root: Path, path: str) -> str:
    absolute = Path(path) if os.path.isabs(path) else root / path
    return os.path.relpath(absolute, root)


def _last_saved(root: Path, notebooks: Iterable[str]) -> datetime | None:
    times = []
    for notebook in notebooks:
        try:
            times.append((root / notebook).stat().st_mtime)
        except OSError:
            continue
    return paris_time(datetime.fromtimestamp(max(times), UTC)) if times else None


def _submission(root: Path, info: Mapping) -> Submission:
    from nbgrader.utils import parse_utc

    feedback = info.get("local_feedback_path")
    pages: tuple[str, ...] = ()
    here = bool(info.get("has_local_feedback")) and not info.get("feedback_updated")
    if here and feedback:
        pages = tuple(
            _relative(root, str(Path(feedback) / f"{nb['notebook_id']}.html"))
            for nb in info.get("notebooks", [])
        )
    return Submission(
        handed_in=paris_time(parse_utc(info["timestamp"])),
        feedback_returned=bool(info.get("has_exchange_feedback")),
        feedback_here=here,
        feedback_pages=pages,
    )


def assignments_from_listing(
    listing: Iterable[Mapping], *, root: Path, due_dates: Mapping[str, datetime] | None = None
) -> list[Assignment]:
    """Merge nbgrader's listing (released, fetched and submitted entries) into one per module.

    Parameters
    ----------
    listing : iterable of mapping
        ``AssignmentList.list_assignments(...)["value"]``: paths of fetched copies relative
        to ``root``; released ones point into the exchange.
    root : Path
        The student's folder (the Jupyter server's root).
    due_dates : mapping, optional
        Due dates by module, Paris time (`read_due_dates`).

    Returns
    -------
    list of Assignment
        Sorted by module name (01, 03, 04…).
    """
    due_dates = due_dates or {}
    found: dict[str, Assignment] = {}
    for info in listing:
        module = str(info["assignment_id"])
        entry = found.get(module)
        if entry is None:
            entry = found[module] = Assignment(
                module, module, str(info.get("course_id", "")), due=due_dates.get(module)
            )
        status = info.get("status")
        notebooks = [str(nb["path"]) for nb in info.get("notebooks", []) if nb.get("path")]
        if status in ("released", "fetched"):
            entry.released = True  # nbgrader lists both from the exchange's outbound
            if entry.title == module:
                entry.title = _title(root, notebooks, module)
        if status == "fetched":
            entry.folder = _relative(root, str(info["path"]))
            entry.notebooks = tuple(_relative(root, nb) for nb in notebooks)
            entry.saved = _last_saved(root, entry.notebooks)
        elif status == "submitted":
            entry.submissions = sorted(
                (_submission(root, s) for s in info.get("submissions", [])),
                key=lambda s: s.handed_in,
            )
    return sorted(found.values(), key=lambda a: a.module)


# nbgrader's failures (tracebacks and log lines), in what they mean for a student. The first
# match wins; the student's files are never touched by a failed action, and every message says so.
_REFUSED = (
    "Le serveur du cours a refusé l'accès. Prévenez votre enseignant : c'est un réglage du "
    "serveur, pas une erreur de votre part."
)
_FAILURES = (
    (
        "already have a copy",
        "Ce module est déjà dans vos fichiers (dossier {module}) : il n'a pas été récupéré à "
        "nouveau, pour ne pas écraser votre travail. Pour repartir de zéro, demandez à votre "
        "enseignant.",
    ),
    (
        "Directory size is too big",
        "Votre copie est trop volumineuse : retirez du dossier {module} les fichiers que vous y "
        "avez ajoutés (images, données ; dans JupyterLab, clic droit sur le fichier, puis "
        "« Supprimer »), ou demandez de l'aide à votre enseignant, puis rendez-la à nouveau.",
    ),
    (
        "missing notebooks",
        "Le carnet du module manque dans votre dossier {module} (renommé ou déplacé ?) : "
        "remettez-le sous son nom d'origine, {module}.ipynb, puis rendez votre copie à nouveau.",
    ),
    (
        "Assignment not found at",
        "Ce module n'est plus proposé par votre enseignant : demandez-lui.",
    ),
    (
        "Assignment not found",
        "Le dossier {module} est introuvable dans vos fichiers (renommé ou supprimé ?) : "
        "remettez-le sous son nom d'origine, ou prévenez votre enseignant.",
    ),
    ("permission", _REFUSED),
    ("Unwritable directory", _REFUSED),
)

#: What did not happen, said first: the student must never believe a copy was handed in.
_NOT_DONE = {
    "fetch": "Le module n'a pas été récupéré.",
    "submit": "Votre copie n'a pas été rendue.",
    "fetch_feedback": "Votre retour n'a pas été récupéré.",
}

_ALWAYS = " Vos fichiers n'ont pas été modifiés."


def explain_failure(details: str, *, action: str, module: str) -> str:
    """Say in French what a failed nbgrader action means, and that the student's files are safe.

    Parameters
    ----------
    details : str
        nbgrader's traceback or message.
    action : {"fetch", "submit", "fetch_feedback"}
        What the student asked for.
    module : str
        The module's name (its folder).
    """
    first = _NOT_DONE.get(action, "L'opération n'a pas abouti.")
    for marker, message in _FAILURES:
        if marker.lower() in details.lower():
            return f"{first} {message.format(module=module)}{_ALWAYS}"
    return (
        f"{first} Le serveur n'en a pas donné la raison : réessayez dans une minute ; si cela "
        f"recommence, prévenez votre enseignant.{_ALWAYS}"
    )
