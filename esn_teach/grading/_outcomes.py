"""The named outcome of every submission, and the batch summary (French)."""

from __future__ import annotations

import csv
import enum
from dataclasses import dataclass, field
from pathlib import Path

from esn_teach._formatting import fr_plural
from esn_teach.grading._sanitise import csv_restore, csv_safe, printable

__all__ = ["BatchResult", "SubmissionOutcome", "SubmissionResult"]


class SubmissionOutcome(enum.Enum):
    """What happened to one submission (value: CSV code, label: French)."""

    GRADED = "corrigee"
    TIMED_OUT = "hors_delai"
    CRASHED = "noyau_arrete"
    OUT_OF_MEMORY = "memoire_depassee"
    TAMPERED = "falsifiee"
    UNREADABLE = "illisible"
    MISSING = "absente"
    GRADER_ERROR = "erreur_correcteur"

    @property
    def label(self) -> str:
        """The French label shown to instructors."""
        return {
            SubmissionOutcome.GRADED: "corrigée",
            SubmissionOutcome.TIMED_OUT: "corrigée avec cellules hors délai",
            SubmissionOutcome.CRASHED: "noyau arrêté (noté sur ce qui a tourné)",
            SubmissionOutcome.OUT_OF_MEMORY: "mémoire dépassée",
            SubmissionOutcome.TAMPERED: "falsifiée (restaurée et signalée)",
            SubmissionOutcome.UNREADABLE: "notebook illisible",
            SubmissionOutcome.MISSING: "absente",
            SubmissionOutcome.GRADER_ERROR: (
                "non corrigée : erreur du correcteur (aucune note enregistrée)"
            ),
        }[self]

    @property
    def graded(self) -> bool:
        """Whether the gradebook holds a score computed from this submission."""
        return self not in (
            SubmissionOutcome.UNREADABLE,
            SubmissionOutcome.MISSING,
            SubmissionOutcome.GRADER_ERROR,
        )

    @property
    def grader_fault(self) -> bool:
        """Whether the grader itself failed (never the student's fault; nothing recorded)."""
        return self is SubmissionOutcome.GRADER_ERROR


#: When several things went wrong, the outcome shown is the first in this order.
PRIORITY = [
    SubmissionOutcome.GRADER_ERROR,
    SubmissionOutcome.UNREADABLE,
    SubmissionOutcome.MISSING,
    SubmissionOutcome.TAMPERED,
    SubmissionOutcome.OUT_OF_MEMORY,
    SubmissionOutcome.CRASHED,
    SubmissionOutcome.TIMED_OUT,
    SubmissionOutcome.GRADED,
]


@dataclass
class SubmissionResult:
    """The outcome of one submission.

    Attributes
    ----------
    student, module : str
    outcome : SubmissionOutcome
    details : list of str
        Reasons, in French (parse error, crash reason, tampering found…).
    score, max_score : float or None
        From the gradebook, when graded.
    seconds : float
        Wall time spent on this submission.
    digest : str
        SHA-256 of the submitted files (a changed submission is graded again).
    to_examine : list of str
        Test cells whose pass the grader's independent re-check refused: scored
        0 until the instructor gives them a score in the formgrader (the grade
        is not final before that).
    """

    student: str
    module: str
    outcome: SubmissionOutcome
    details: list[str] = field(default_factory=list)
    score: float | None = None
    max_score: float | None = None
    seconds: float = 0.0
    digest: str = ""
    to_examine: list[str] = field(default_factory=list)

    def as_row(self) -> dict[str, str]:
        """One CSV row."""
        return {
            "etudiant": self.student,
            "module": self.module,
            "resultat": self.outcome.value,
            "libelle": self.outcome.label,
            "note": "" if self.score is None else f"{self.score:g}",
            "bareme": "" if self.max_score is None else f"{self.max_score:g}",
            "details": " | ".join(self.details),
            "secondes": f"{self.seconds:.2f}",
            "empreinte": self.digest,
            "a_examiner": " | ".join(self.to_examine),
        }

    @classmethod
    def from_row(cls, row: dict[str, str]) -> SubmissionResult:
        """Read back a CSV row."""
        return cls(
            student=row["etudiant"],
            module=row["module"],
            outcome=SubmissionOutcome(row["resultat"]),
            details=[part for part in row.get("details", "").split(" | ") if part],
            score=float(row["note"]) if row.get("note") else None,
            max_score=float(row["bareme"]) if row.get("bareme") else None,
            seconds=float(row.get("secondes") or 0),
            digest=row.get("empreinte", ""),
            to_examine=[part for part in row.get("a_examiner", "").split(" | ") if part],
        )


COLUMNS = ["etudiant", "module", "resultat", "libelle", "note", "bareme", "details"]
COLUMNS += ["secondes", "empreinte", "a_examiner"]


@dataclass
class BatchResult:
    """Every submission of a batch, each with exactly one outcome.

    Attributes
    ----------
    module : str
    results : list of SubmissionResult
    csv_path : pathlib.Path or None
        Where the outcome table was written.
    warnings : list of str
        Protections missing on this machine, said once.
    seconds : float
        Wall time of the batch.
    resumed : int
        Submissions skipped because an earlier run already graded them unchanged.
    """

    module: str
    results: list[SubmissionResult]
    csv_path: Path | None = None
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    resumed: int = 0

    def counts(self) -> dict[SubmissionOutcome, int]:
        """Count the submissions per outcome (every outcome listed, in priority order)."""
        counts = {outcome: 0 for outcome in PRIORITY}
        for result in self.results:
            counts[result.outcome] += 1
        return counts

    def summary(self) -> str:
        """Return the French summary printed at the end of a batch."""
        lines = [
            f"{self.module} : {fr_plural(len(self.results), 'copie')} en "
            f"{self.seconds:.1f} s".replace(".", ",")
            + (
                f" ({self.resumed} déjà {'corrigées' if self.resumed > 1 else 'corrigée'}, "
                f"{'reprises' if self.resumed > 1 else 'reprise'} telle"
                f"{'s' if self.resumed > 1 else ''} quelle{'s' if self.resumed > 1 else ''})"
                if self.resumed
                else ""
            )
        ]
        for outcome, count in self.counts().items():
            if count:
                lines.append(f"  {outcome.label} : {count}")
        examine = sum(
            1 for r in self.results if r.outcome is SubmissionOutcome.GRADED and r.to_examine
        )
        if examine:
            lines.append(f"  dont à examiner dans le formgrader : {examine}")
        for result in self.results:
            if result.outcome is not SubmissionOutcome.GRADED or result.to_examine:
                details = printable("; ".join(result.details), limit=300)
                detail = f" — {details}" if details else ""
                student = printable(result.student, limit=80)
                label = result.outcome.label
                if result.to_examine and result.outcome is SubmissionOutcome.GRADED:
                    label += ", à examiner (note provisoire)"
                lines.append(f"  - {student} : {label}{detail}")
        if self.csv_path:
            lines.append(f"Tableau des résultats : {self.csv_path}")
        return "\n".join(lines)


def write_results(path: Path, results: list[SubmissionResult]) -> Path:
    """Write the outcome table (UTF-8 CSV, one row per submission)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    with temporary.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for result in sorted(results, key=lambda r: r.student):
            writer.writerow({key: csv_safe(value) for key, value in result.as_row().items()})
    temporary.replace(path)
    return path


def read_results(path: Path) -> list[SubmissionResult]:
    """Read an outcome table written by :func:`write_results` (empty if absent or damaged)."""
    if not path.is_file():
        return []
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return [
                SubmissionResult.from_row({key: csv_restore(value) for key, value in row.items()})
                for row in csv.DictReader(handle)
            ]
    except (ValueError, KeyError, csv.Error):
        return []
