"""The cohort report: which notions the cohort missed.

Per question (nbgrader grade cell): how many submissions were graded, the share
that earned full marks, and the most frequent failure messages (the checks'
French sentences, read from the autograded notebooks). Written as a CSV table
and a bar chart. The messages quote student answers: the CSV cells go through
:func:`~esn_teach.grading._sanitise.csv_safe` and the printed table through
:func:`~esn_teach.grading._sanitise.printable`.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry

from esn_teach.course import CourseError
from esn_teach.grading._cells import grade_id
from esn_teach.grading._feedback import check_message
from esn_teach.grading._sanitise import csv_safe, printable

__all__ = ["QuestionStats", "cohort_report", "format_table", "write_report"]


@dataclass
class QuestionStats:
    """Success of the cohort on one question."""

    question: str
    max_score: float
    graded: int = 0
    full_marks: int = 0
    mean_score: float = 0.0
    failures: Counter = field(default_factory=Counter)

    @property
    def success_rate(self) -> float:
        """Share of graded submissions with full marks (0 when none graded)."""
        return self.full_marks / self.graded if self.graded else 0.0


def cohort_report(root: Path, db_url: str, course_id: str, module: str) -> list[QuestionStats]:
    """Compute per-question statistics of ``module`` from the gradebook and autograded notebooks.

    Raises
    ------
    CourseError
        If the module was never graded.
    """
    stats: dict[str, QuestionStats] = {}
    totals: dict[str, float] = {}
    with Gradebook(db_url, course_id) as gradebook:
        try:
            assignment = gradebook.find_assignment(module)
        except MissingEntry as error:
            raise CourseError(
                f"{module} n'a pas encore été corrigé : lancez « esn-teach autograde {module} »."
            ) from error
        for notebook in assignment.notebooks:
            for cell in notebook.grade_cells:
                stats[cell.name] = QuestionStats(cell.name, float(cell.max_score))
                totals[cell.name] = 0.0
        for submission in assignment.submissions:
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    if grade.score is None or grade.name not in stats:
                        continue
                    entry = stats[grade.name]
                    entry.graded += 1
                    totals[grade.name] += float(grade.score)
                    if float(grade.score) >= entry.max_score:
                        entry.full_marks += 1
    if not any(entry.graded for entry in stats.values()):
        raise CourseError(f"Aucune copie de {module} n'a encore de note.")
    for name, entry in stats.items():
        entry.mean_score = totals[name] / entry.graded if entry.graded else 0.0
    for path in sorted((root / "autograded").glob(f"*/{module}/*.ipynb")):
        try:
            notebook = nbformat.read(path, as_version=4)
        except Exception:
            continue
        for cell in notebook.cells:
            cell_id = grade_id(cell)
            if cell_id in stats and cell.cell_type == "code":
                message = check_message(cell)
                if message:
                    stats[cell_id].failures[message[:200]] += 1
    return list(stats.values())


def write_report(stats: list[QuestionStats], folder: Path, module: str) -> tuple[Path, Path]:
    """Write ``questions.csv`` and ``reussite.png`` in ``folder``; return both paths."""
    folder.mkdir(parents=True, exist_ok=True)
    table = folder / "questions.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["question", "copies_notees", "reussite_pct", "note_moyenne", "bareme", "erreurs"]
        )
        for entry in stats:
            failures = " | ".join(f"{n} × {m}" for m, n in entry.failures.most_common(3))
            writer.writerow(
                [
                    csv_safe(entry.question),
                    entry.graded,
                    f"{100 * entry.success_rate:.0f}",
                    f"{entry.mean_score:.2f}",
                    f"{entry.max_score:g}",
                    csv_safe(failures),
                ]
            )
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(7, 0.5 * len(stats) + 1.5))
    labels = [printable(entry.question.removesuffix("_tests"), limit=40) for entry in stats]
    rates = [100 * entry.success_rate for entry in stats]
    axes.barh(labels, rates, color="#1f77b4")
    axes.set_xlim(0, 100)
    axes.invert_yaxis()
    axes.set_xlabel("Copies avec tous les points (%)")
    axes.set_title(f"{module} : réussite par question")
    for y, rate in enumerate(rates):
        axes.text(min(rate + 1, 92), y, f"{rate:.0f} %", va="center")
    figure.tight_layout()
    plot = folder / "reussite.png"
    figure.savefig(plot, dpi=100)
    plt.close(figure)
    return table, plot


def format_table(stats: list[QuestionStats]) -> str:
    """Return the report as a text table (French), safe to print in a terminal.

    Question ids and failure messages come from submissions: control, escape
    and bidi characters are shown escaped (see
    :func:`~esn_teach.grading._sanitise.printable`).
    """
    lines = [f"{'Question':<28} {'Notées':>6} {'Réussite':>9} {'Moyenne':>9}  Erreurs fréquentes"]
    for entry in stats:
        failures = "; ".join(
            f"{n} × {printable(m, limit=70)}" for m, n in entry.failures.most_common(2)
        )
        question = printable(entry.question.removesuffix("_tests"), limit=60)
        lines.append(
            f"{question:<28} {entry.graded:>6} "
            f"{100 * entry.success_rate:>8.0f} % {entry.mean_score:>5.2f}/{entry.max_score:<3g} "
            f" {failures or '—'}"
        )
    return "\n".join(lines)
