"""The instructor's grading operations on a course: autograde, feedback, export, report.

Each takes a :class:`esn_teach.course.Course` (the course layout) and is called
by the command line. Grading depends on the course layout, never the reverse.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook
from nbgrader.apps.api import NbGraderAPI
from nbgrader.plugins.export import CsvExportPlugin

from esn_teach._formatting import fr_plural
from esn_teach.course import HANDED_APART, Course, CourseError
from esn_teach.course._evaluation import submission_session
from esn_teach.grading._export import (
    ExportCheck,
    check_export,
    finish_csv_export,
    in_class_scores,
    pseudonym_key,
    write_moodle,
)
from esn_teach.grading._feedback import configure_feedback
from esn_teach.grading._outcomes import BatchResult, SubmissionOutcome, read_results
from esn_teach.grading._report import cohort_report, format_table, write_report
from esn_teach.grading._runner import (
    CANARIES,
    Progress,
    grade_cohort,
    misplaced_copies,
    results_path,
)
from esn_teach.grading._sandbox import Limits

__all__ = [
    "GradeExport",
    "autograde",
    "export_grades",
    "generate_feedback",
    "grade_status",
    "module_report",
]


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
    library_changed: bool = False,
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
    library_changed : bool, default=False
        Grade even if ``esn_teach`` changed since the evaluated release
        (:func:`grade_cohort`).

    Returns
    -------
    BatchResult
    """
    module = course.module_name(name)
    submitted = [s for s in course.submitted_students(module) if s not in CANARIES]
    misplaced = [s for s in misplaced_copies(course, module) if s not in CANARIES]
    if not submitted and not misplaced:
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
            s
            for s in sorted({*course.enrolled(), *misplaced})
            if s not in submitted and s not in CANARIES
        ]
    _check_sessions(course, module, submitted if not students else list(students))
    if limits is None:
        timeout = course.config().Execute.get("timeout", 120)
        limits = Limits(cell_timeout=int(timeout or 120))
    result = grade_cohort(
        course,
        module,
        targets,
        limits=limits,
        jobs=jobs,
        sandbox=sandbox,
        force=force,
        progress=progress,
        library_changed=library_changed,
    )
    await_handed_apart(course, module)
    return result


def await_handed_apart(course: Course, module: str) -> int:
    """Leave to the teacher the empty written answers students hand in apart.

    An evaluated copy is collected at the end of the session; the reflection written
    after it is handed in apart (the header says so; the build lists those cells in
    the built module's metadata, :data:`esn_teach.course.HANDED_APART`). nbgrader
    scores an empty written cell 0, « no response », and does not flag it: every copy
    got 0 / 3 silently (module 13's lecturer, d21). Such a cell, not graded by hand
    yet, now needs a manual grade: the formgrader lists it, the export calls the grade
    provisional until the teacher enters it (0 included), the feedback says it is to
    come. A grade the teacher entered is never touched.

    Returns
    -------
    int
        The grades changed.
    """
    try:
        built = nbformat.read(course.source_path(module), as_version=4)
    except (OSError, ValueError):
        return 0
    names = set(built.metadata.get(HANDED_APART) or ())
    if not names:
        return 0
    changed = 0
    with Gradebook(course.db_url, course.course_id) as gradebook:
        for submission in gradebook.find_assignment(module).submissions:
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    if (
                        grade.name in names
                        and grade.manual_score is None
                        and grade.auto_score == 0
                        and not grade.needs_manual_grade
                    ):
                        grade.auto_score = None
                        grade.needs_manual_grade = True
                        changed += 1
        gradebook.db.commit()
    return changed


def _check_sessions(course: Course, module: str, students: list[str]) -> None:
    """Refuse to grade copies of the other version of a module with two (``session=`` cells).

    nbgrader grades with the tests of the version last released. A copy of the
    evaluated session graded after the formative version was released again would
    be graded on the wrong cases: nothing is graded, and the instructor is told
    how to put it right.
    """
    built = course.built_session(module)
    if built is None:
        return
    other = []
    for student in students:
        path = course.root / "submitted" / student / module / f"{module}.ipynb"
        try:
            notebook = nbformat.read(path, as_version=4)
        except Exception:  # an unreadable copy: grade_cohort reports it
            continue
        if submission_session(notebook) != built:
            other.append(student)
    if other:
        version = {"evaluation": "la séance évaluée", "formative": "la version formative"}
        command = "--evaluation " if built == "formative" else ""
        listed = ", ".join(sorted(other)[:5]) + ("…" if len(other) > 5 else "")
        raise CourseError(
            f"{module} a des questions propres à la séance évaluée. Il est construit pour "
            f"{version[built]}, mais {len(other)} copie(s) viennent de l'autre version, ou "
            f"ont perdu sa marque ({listed}) : corrigées ainsi, elles le seraient sur d'autres "
            "cas. Rien n'a été corrigé. Si ces copies sont bien de l'autre version, "
            f"republiez-la (esn-teach release {module} {command}".rstrip()
            + "), puis relancez la correction ; sinon, examinez-les et corrigez les autres "
            "avec --student."
        )


def generate_feedback(course: Course, name: str) -> list[Path]:
    """Generate the French HTML feedback of every autograded submission of a module.

    nbgrader's ``generate_feedback`` configured by
    :func:`~esn_teach.grading._feedback.configure_feedback`: French from top to
    bottom, one reason per question, never a traceback or a hidden test.

    Returns
    -------
    list of pathlib.Path
        The feedback files of the module.
    """
    module = course.module_name(name)
    if not (course.root / "autograded").is_dir():
        raise CourseError(f"Rien à restituer : lancez d'abord « esn-teach autograde {module} ».")
    config = configure_feedback(course.config())
    result = NbGraderAPI(config=config).generate_feedback(module, force=True)
    if not result.get("success"):
        raise CourseError(
            f"{module} : nbgrader generate_feedback a échoué :\n{result.get('error', '')[-2000:]}"
        )
    return sorted((course.root / "feedback").glob(f"*/{module}/*.html"))


@dataclass(frozen=True)
class GradeExport:
    """A grade file written by :func:`export_grades`, and what it leaves out.

    Attributes
    ----------
    path : pathlib.Path
        The CSV file.
    check : ExportCheck
        The modules exported, those nobody took (left out) and, in a
        provisional export, the grades that are not final.
    provisional : bool
        Whether some grade in the file is not final (the file says which).
    """

    path: Path
    check: ExportCheck
    provisional: bool


def _unsettled(course: Course) -> tuple[dict[str, set[str]], dict[str, dict[str, list[str]]]]:
    """Read the outcome tables: what the last autograde left for the instructor.

    Returns
    -------
    grader_errors : dict
        Module → students whose last autograde was a grader error.
    to_examine : dict
        Module → student → test cells whose pass the independent re-check refused.
    """
    errors: dict[str, set[str]] = {}
    to_examine: dict[str, dict[str, list[str]]] = {}
    pattern = results_path(course.root, "*").relative_to(course.root)
    for table in sorted(course.root.glob(str(pattern))):
        for result in read_results(table):
            if result.outcome is SubmissionOutcome.GRADER_ERROR:
                errors.setdefault(result.module, set()).add(result.student)
            elif result.to_examine:
                to_examine.setdefault(result.module, {})[result.student] = result.to_examine
    return errors, to_examine


def grade_status(
    course: Course, names: list[str] | None = None, *, in_class_only: bool | None = None
) -> ExportCheck:
    """Find the modules nobody took and every grade that is not final, in the gradebook.

    Parameters
    ----------
    course : esn_teach.course.Course
    names : list of str, optional
        Only these modules (names or prefixes; default: every module).
    in_class_only : bool, optional
        ``True``: count only each module's in-class part, read from the
        module as built for grading (``source/``): the grades after « Après
        la séance » are then never pending. ``False``: every module whole.
        Default: as each module's header tells students, the in-class part of
        a module built from a version declaring ``graded="in-class"``, the
        others whole.

    Returns
    -------
    ExportCheck
    """
    modules = [course.module_name(name) for name in names] if names else []
    grader_errors, to_examine = _unsettled(course)
    return check_export(
        course.db_url,
        course.course_id,
        modules,
        grader_errors,
        to_examine=to_examine,
        in_class_source=course.root / "source" if in_class_only is not False else None,
        declared_only=in_class_only is None,
    )


def export_grades(
    course: Course,
    destination: str | Path,
    names: list[str] | None = None,
    *,
    format: str = "csv",
    pseudonymise: bool = False,
    key_file: str | Path | None = None,
    provisional: bool = False,
    in_class_only: bool | None = None,
) -> GradeExport:
    """Export the grades to a CSV file, only when every exported grade is final.

    A grade is not final while a reflection of that copy waits for manual
    grading, while a test the grader's independent re-check refused (« À
    examiner » in the feedback) has no score from the instructor, or when the
    copy's last autograde failed on the grader's side (the gradebook then
    holds an older grade). Modules nobody submitted are
    left out (a column of zeros would overwrite grades in Moodle).

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
    provisional : bool, default=False
        Write the file even with grades that are not final; a column
        « Statut » then says which ones, and why.
    in_class_only : bool, optional
        ``True``: count, for each module, only the grade cells (autograded and
        written) before its heading « ## Après la séance », in the module as
        built for grading (``source/``): what a copy collected at the end of
        an evaluated session can score. The maximum follows; each Moodle
        column name, or a column « Partie » of nbgrader's CSV, says « partie
        en séance » with that maximum. A module without that heading counts
        whole. ``False``: every module whole. Default: what each module's
        header announces to students: the in-class part (written answers
        after the heading included) of a module built from a version
        declaring ``graded="in-class"``, every other module whole (« module
        entier » in the column « Partie » when both kinds are exported).

    Returns
    -------
    GradeExport

    Raises
    ------
    esn_teach.course.CourseError
        If some grade is not final and ``provisional`` is false (the message
        lists them), if no module has a submission, on a bad argument, or
        (``in_class_only``) if a built module is missing or no longer matches
        the gradebook.
    """
    if format not in ("csv", "moodle"):
        raise CourseError(f"Format d'export inconnu : {format} (csv ou moodle).")
    destination = Path(destination)
    if not destination.parent.is_dir():
        raise CourseError(f"Le dossier de destination n'existe pas : {destination.parent}")
    key = pseudonym_key(key_file) if pseudonymise else None
    check = grade_status(course, names, in_class_only=in_class_only)
    if not check.modules:
        raise CourseError(
            "Aucune copie dans le carnet de notes pour "
            + (", ".join(check.untaken) if check.untaken else "ce cours")
            + " : rien à exporter."
        )
    if check.pending and not provisional:
        verb = "ne sont pas définitives" if len(check.pending) > 1 else "n'est pas définitive"
        raise CourseError(
            f"Export refusé : {fr_plural(len(check.pending), 'note')} "
            f"{verb}.\n"
            + "\n".join(check.lines())
            + "\nNotez les réflexions et les questions à examiner dans le formgrader (make "
            "formgrader) et relancez la "
            "correction des copies en erreur (esn-teach autograde MODULE), puis exportez à "
            "nouveau. Pour un export provisoire malgré tout : ajoutez --provisoire (le fichier "
            "le dira, copie par copie, dans la colonne « Statut »)."
        )
    statuses = check.statuses() if provisional else None
    parts = check.parts or None
    if format == "moodle":
        write_moodle(
            destination,
            course.db_url,
            course.course_id,
            check.modules,
            key,
            statuses=statuses,
            parts=parts,
        )
    else:
        plugin = CsvExportPlugin(config=course.config())
        plugin.to = str(destination)
        plugin.assignment = check.modules
        with Gradebook(course.db_url, course.course_id) as gradebook:
            plugin.export(gradebook)
        scores = (
            in_class_scores(course.db_url, course.course_id, parts) if parts is not None else None
        )
        finish_csv_export(destination, key, statuses=statuses, parts=parts, scores=scores)
    return GradeExport(destination, check, provisional=bool(check.pending) and provisional)


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
    module = course.module_name(name)
    stats = cohort_report(course.root, course.db_url, course.course_id, module)
    target = Path(folder) if folder else course.root / "rapports" / module
    table, plot = write_report(stats, target, module)
    return format_table(stats), table, plot
