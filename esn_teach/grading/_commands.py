"""The instructor's grading operations on a course: autograde, feedback, export, report.

Each takes a :class:`esn_teach.course.Course` (the course layout) and is called
by the command line. Grading depends on the course layout, never the reverse.
"""

from __future__ import annotations

from pathlib import Path

from nbgrader.api import Gradebook
from nbgrader.apps.api import NbGraderAPI
from nbgrader.plugins.export import CsvExportPlugin

from esn_teach.course import Course, CourseError
from esn_teach.grading._export import finish_csv_export, pseudonym_key, write_moodle
from esn_teach.grading._feedback import FrenchFeedback
from esn_teach.grading._outcomes import BatchResult
from esn_teach.grading._report import cohort_report, format_table, write_report
from esn_teach.grading._runner import CANARIES, Progress, grade_cohort
from esn_teach.grading._sandbox import Limits

__all__ = ["autograde", "export_grades", "generate_feedback", "module_report"]


def autograde(
    course: Course,
    name: str,
    students: list[str] | None = None,
    *,
    jobs: int = 2,
    limits: Limits | None = None,
    sandbox: bool = True,
    force: bool = False,
    progress: Progress | None = None,
) -> BatchResult:
    """Autograde the submissions of a module: parallel, sandboxed, nothing lost.

    nbgrader grades each submission (its gradebook, preprocessors and
    checksums); :func:`grade_cohort` runs it on warm sandboxed kernels, checks
    integrity and gives every submission one named outcome.

    Parameters
    ----------
    course : esn_teach.course.Course
    name : str
        Module name or prefix.
    students : list of str, optional
        Only these students (default: every submission, and every student
        of the gradebook without one, reported as missing).
    jobs : int, default=2
        Submissions graded in parallel (worker processes).
    limits : Limits, optional
        Time, memory, process and file limits (default: safe values, the
        cell timeout of ``nbgrader_config.py``).
    sandbox : bool, default=True
        Isolate student code with bubblewrap when available.
    force : bool, default=False
        Grade again the submissions already graded and unchanged.
    progress : callable, optional
        Called after each submission (done, total, result, elapsed).

    Returns
    -------
    BatchResult
    """
    module = course.module(name).name
    submitted = [s for s in course.submitted_students(module) if s not in CANARIES]
    if not submitted:
        raise CourseError(
            f"Aucune copie à corriger pour {module} : le dossier "
            f"{course.root / 'submitted'}/<étudiant>/{module}/ est vide ou absent."
        )
    if students:
        unknown = sorted(set(students) - set(submitted))
        if unknown:
            raise CourseError(f"Pas de copie de {module} pour : {', '.join(unknown)}.")
        targets = list(students)
    else:
        targets = submitted + [
            s for s in course.enrolled() if s not in submitted and s not in CANARIES
        ]
    if limits is None:
        timeout = course.config().Execute.get("timeout", 120)
        limits = Limits(cell_timeout=int(timeout or 120))
    return grade_cohort(
        course,
        module,
        targets,
        limits=limits,
        jobs=jobs,
        sandbox=sandbox,
        force=force,
        progress=progress,
    )


def generate_feedback(course: Course, name: str) -> list[Path]:
    """Generate the French HTML feedback of every autograded submission of a module.

    nbgrader's ``generate_feedback`` with one more preprocessor
    (:class:`FrenchFeedback`): a French summary per question, and never the
    source of hidden tests.

    Returns
    -------
    list of pathlib.Path
        The feedback files of the module.
    """
    from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
    from nbgrader.preprocessors import GetGrades

    module = course.module(name).name
    if not (course.root / "autograded").is_dir():
        raise CourseError(f"Rien à restituer : lancez d'abord « esn-teach autograde {module} ».")
    config = course.config()
    config.GenerateFeedback.preprocessors = [
        GetGrades,
        FrenchFeedback,
        CSSHTMLHeaderPreprocessor,
    ]
    result = NbGraderAPI(config=config).generate_feedback(module, force=True)
    if not result.get("success"):
        raise CourseError(
            f"{module} : nbgrader generate_feedback a échoué :\n{result.get('error', '')[-2000:]}"
        )
    return sorted((course.root / "feedback").glob(f"*/{module}/*.html"))


def export_grades(
    course: Course,
    destination: str | Path,
    names: list[str] | None = None,
    *,
    format: str = "csv",
    pseudonymise: bool = False,
    key_file: str | Path | None = None,
) -> Path:
    """Export the grades to a CSV file.

    Parameters
    ----------
    course : esn_teach.course.Course
    destination : path-like
        The CSV file to write.
    names : list of str, optional
        Only these modules.
    format : {"csv", "moodle"}, default="csv"
        ``csv``: nbgrader's columns; ``moodle``: an identifier column and
        one column per module, for Moodle's "import grades from CSV".
    pseudonymise : bool, default=False
        Replace identities with a keyed hash (HMAC-SHA256), for sharing
        statistics.
    key_file : path-like, optional
        File holding the key (default: ``$ESN_TEACH_PSEUDONYM_KEY``).

    Returns
    -------
    pathlib.Path
    """
    if format not in ("csv", "moodle"):
        raise CourseError(f"Format d'export inconnu : {format} (csv ou moodle).")
    destination = Path(destination)
    if not destination.parent.is_dir():
        raise CourseError(f"Le dossier de destination n'existe pas : {destination.parent}")
    key = pseudonym_key(key_file) if pseudonymise else None
    modules = [course.module(name).name for name in names] if names else []
    if format == "moodle":
        return write_moodle(destination, course.db_url, course.course_id, modules, key)
    plugin = CsvExportPlugin(config=course.config())
    plugin.to = str(destination)
    plugin.assignment = modules
    with Gradebook(course.db_url, course.course_id) as gradebook:
        plugin.export(gradebook)
    finish_csv_export(destination, key)
    return destination


def module_report(
    course: Course, name: str, folder: str | Path | None = None
) -> tuple[str, Path, Path]:
    """Per-question success rates and frequent failure messages of a module.

    Parameters
    ----------
    course : esn_teach.course.Course
    name : str
        Module name or prefix.
    folder : path-like, optional
        Where to write ``questions.csv`` and ``reussite.png`` (default:
        ``rapports/<module>/`` in the course).

    Returns
    -------
    tuple
        The text table, the CSV path and the plot path.
    """
    module = course.module(name).name
    stats = cohort_report(course.root, course.db_url, course.course_id, module)
    target = Path(folder) if folder else course.root / "rapports" / module
    table, plot = write_report(stats, target, module)
    return format_table(stats), table, plot
