"""Self-grading: a learner grades their own notebook with the instructor's grader.

``esn-teach selfgrade CHEMIN.ipynb`` takes a notebook of a self-paced release
(``esn-teach release --autonome``), which carries its module's source and the
course settings grading depends on, as checked data
(:func:`esn_teach.course.read_self_paced`). In a temporary folder it rebuilds
the course of that one module, with a configuration esn-teach writes itself
from those values (nothing the notebook carries is ever run outside the
sandbox), releases it the same way, places the notebook as a submission and
grades it with
:func:`grade_cohort` — the same engine as ``esn-teach autograde``: sandbox,
canary (the solution must get full marks and the blank version zero before
anything is graded), integrity checks, independent re-check. The score is
therefore the one the instructor's autograde gives. The learner reads French
feedback, one line per question and the HTML page instructors return, with no
hidden test and no traceback; the notebook itself is never modified.

Nothing is written to any gradebook but the temporary one, and nothing leaves
the machine.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbgrader.preprocessors import GetGrades

from esn_teach.course import (
    Course,
    CourseError,
    SelfGradeSettings,
    SelfPacedPayload,
    read_self_paced,
)
from esn_teach.grading._commands import generate_feedback
from esn_teach.grading._feedback import FrenchFeedback, configure_feedback
from esn_teach.grading._outcomes import SubmissionOutcome
from esn_teach.grading._runner import grade_cohort
from esn_teach.grading._sandbox import Limits

__all__ = ["LEARNER", "QuestionLine", "SelfGrade", "selfgrade"]

#: The learners' ids in the temporary course: ``autocorrection-1``, ``autocorrection-2``…
LEARNER = "autocorrection"

#: Settings of an instructor's environment that must not reach the temporary course.
_COURSE_ENVIRONMENT = ("ESN_TEACH_GRADEBOOK_URL", "ESN_EXCHANGE_DIR")


@dataclass(frozen=True)
class QuestionLine:
    """One question of a self-graded notebook, as the feedback page states it."""

    question: str
    points: str
    reason: str


@dataclass
class SelfGrade:
    """The result of grading one notebook.

    Attributes
    ----------
    notebook : pathlib.Path
        The learner's notebook (unchanged).
    module : str
    outcome : SubmissionOutcome
        As for an instructor's autograde; a grader error gives no score.
    score, max_score : float or None
        Only when graded (nbgrader's, reflections counted in ``max_score`` at 0
        until a teacher grades them).
    questions : list of QuestionLine
    details : list of str
        The grader's French notes (tampering found, cell stopped…).
    feedback : pathlib.Path or None
        The HTML feedback written beside the notebook.
    written_points : float
        Points of the written reflections, in ``max_score`` but never given by
        self-grading (a teacher, or the learner with the guide, assesses them).
    """

    notebook: Path
    module: str
    outcome: SubmissionOutcome
    score: float | None = None
    max_score: float | None = None
    questions: list[QuestionLine] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    feedback: Path | None = None
    written_points: float = 0.0


@contextlib.contextmanager
def _without_course_environment() -> Iterator[None]:
    saved = {key: os.environ.pop(key) for key in _COURSE_ENVIRONMENT if key in os.environ}
    try:
        yield
    finally:
        os.environ.update(saved)


def _read(path: Path) -> nbformat.NotebookNode:
    if not path.is_file():
        raise CourseError(f"Notebook introuvable : {path}.")
    try:
        return nbformat.read(path, as_version=4)
    except Exception as error:  # nbformat raises JSON, validation and encoding errors
        raise CourseError(
            f"{path} n'est pas un notebook lisible ({type(error).__name__}) : a-t-il été "
            "enregistré jusqu'au bout ? Rouvrez-le dans JupyterLab et enregistrez-le (Ctrl + S)."
        ) from error


def _question_lines(course: Course, module: str, learner: str) -> list[QuestionLine]:
    """Read each question's points and reason as the French feedback page states them."""
    path = course.root / "autograded" / learner / module / f"{module}.ipynb"
    notebook = nbformat.read(path, as_version=4)
    config = configure_feedback(course.config())
    resources = {
        "nbgrader": {
            "notebook": module,
            "assignment": module,
            "student": learner,
            "db_url": course.db_url,
        }
    }
    notebook, resources = GetGrades(config=config).preprocess(notebook, resources)
    notebook, resources = FrenchFeedback(config=config).preprocess(notebook, resources)
    written = course.module(module).written
    lines = []
    for row in resources["esn_feedback"]["rows"]:
        if row["anchor"] in written:  # no automatic grade: the learner assesses it
            points = f"{written[row['anchor']]:g}".replace(".", ",")
            lines.append(
                QuestionLine(
                    row["question"],
                    f"à auto-évaluer sur {points}",
                    "pas notée par l'autocorrection : comparez votre texte au guide "
                    "d'auto-évaluation, sous la réflexion.",
                )
            )
        else:
            lines.append(QuestionLine(row["question"], row["points"], row["reason"]))
    return lines


def selfgrade(
    paths: str | Path | list[str | Path],
    *,
    jobs: int = 2,
    sandbox: bool = True,
    feedback_dir: str | Path | None = None,
) -> list[SelfGrade]:
    """Grade self-paced notebooks as the instructor's autograde would.

    Notebooks of the same module are graded together in one temporary course
    (one canary for all).

    Parameters
    ----------
    paths : path-like or list of path-like
        The learner's notebooks (self-paced releases, saved).
    jobs : int, default=2
        Worker processes (the canary's two notebooks run side by side).
    sandbox : bool, default=True
        Isolate the notebooks with bubblewrap when available, as autograde does.
    feedback_dir : path-like, optional
        Where to write the HTML feedback (default: beside each notebook; the
        current folder if that one is read-only).

    Returns
    -------
    list of SelfGrade
        One per notebook, in the order given.

    Raises
    ------
    CourseError
        If a notebook cannot be read, is not a self-paced release, or carries
        settings that are damaged, out of bounds or of the former format (which
        carried the configuration as a program): nothing is graded.
    esn_teach.grading.GradingAborted
        If the canary failed: the grading environment is broken, nothing graded.
    """
    listed = paths if isinstance(paths, list) else [paths]
    resolved = [Path(p).expanduser().resolve() for p in listed]
    groups: dict[SelfPacedPayload, list[int]] = {}
    for index, path in enumerate(resolved):
        notebook = _read(path)
        try:
            payload = read_self_paced(notebook)
        except CourseError as error:  # say which one when several are given
            raise CourseError(f"{path.name} : {error}") from error
        groups.setdefault(payload, []).append(index)
    results: dict[int, SelfGrade] = {}
    for payload, indices in groups.items():
        graded = _grade_module(
            payload,
            [resolved[i] for i in indices],
            jobs=jobs,
            sandbox=sandbox,
            feedback_dir=feedback_dir,
        )
        results.update(zip(indices, graded, strict=True))
    return [results[i] for i in range(len(resolved))]


def _config_text(root: Path, settings: SelfGradeSettings) -> str:
    """Return the temporary course's ``nbgrader_config.py``, written from checked values only.

    Every value is the ``repr`` of a ``str``, ``int`` or ``dict`` of ``str``
    checked by :class:`esn_teach.course.SelfGradeSettings`: a literal, never code.
    """
    values = {
        "CourseDirectory.root": str(root),
        "CourseDirectory.course_id": settings.course_id,
        "CourseDirectory.db_url": f"sqlite:///{root / 'gradebook.db'}",
        "Execute.timeout": settings.timeout,
        "Execute.interrupt_on_timeout": True,
        "ClearSolutions.code_stub": dict(settings.code_stub),
        "ClearSolutions.text_stub": settings.text_stub,
    }
    lines = [
        "# Written by esn-teach selfgrade from checked settings (nothing from the notebook runs).",
        "c = get_config()  # noqa: F821",
        *(f"c.{name} = {value!r}" for name, value in values.items()),
        "from esn_teach.grading import configure_feedback  # noqa: E402",
        "",
        "configure_feedback(c)",
    ]
    return "\n".join(lines) + "\n"


def _grade_module(
    payload: SelfPacedPayload,
    paths: list[Path],
    *,
    jobs: int,
    sandbox: bool,
    feedback_dir: str | Path | None,
) -> list[SelfGrade]:
    """Rebuild the module's course in a temporary folder and grade ``paths`` there."""
    module, settings = payload.module, payload.settings
    learners = [f"{LEARNER}-{i}" for i in range(1, len(paths) + 1)]
    with tempfile.TemporaryDirectory(prefix="esn-autocorrection-") as temporary:
        folder = Path(temporary)
        root, notebooks = folder / "cours", folder / "modules"
        root.mkdir()
        notebooks.mkdir()
        (root / "nbgrader_config.py").write_text(_config_text(root, settings), encoding="utf-8")
        (notebooks / f"{module}.py").write_text(payload.source, encoding="utf-8")
        with _without_course_environment():
            course = Course(root, notebooks)
            course.build([module], validate=False)
            course.release([module], self_paced=True, validate=False)
            for learner, path in zip(learners, paths, strict=True):
                submitted = root / "submitted" / learner / module / f"{module}.ipynb"
                submitted.parent.mkdir(parents=True)
                shutil.copyfile(path, submitted)
            batch = grade_cohort(
                course,
                module,
                learners,
                limits=Limits(cell_timeout=settings.timeout),
                jobs=jobs,
                sandbox=sandbox,
            )
            by_learner = {result.student: result for result in batch.results}
            pages: list[Path] = []
            if any(r.outcome.graded for r in batch.results):
                pages = generate_feedback(course, module)
            graded = []
            written = float(sum(course.module(module).written.values()))
            for learner, path in zip(learners, paths, strict=True):
                result = by_learner[learner]
                one = SelfGrade(
                    path,
                    module,
                    result.outcome,
                    details=list(result.details),
                    written_points=written,
                )
                if result.outcome.graded:
                    one.score, one.max_score = result.score, result.max_score
                    one.questions = _question_lines(course, module, learner)
                    page = next((p for p in pages if learner in p.parts), None)
                    if page is not None:
                        one.feedback = _keep_feedback(page, path, feedback_dir)
                graded.append(one)
    return graded


def _keep_feedback(page: Path, notebook: Path, folder: str | Path | None) -> Path | None:
    """Copy the feedback page beside the notebook (or into ``folder``); return where."""
    name = f"{notebook.stem}_retour.html"
    for target in [Path(folder)] if folder else [notebook.parent, Path.cwd()]:
        try:
            target.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(page, target / name)
        except OSError:
            continue
        return target / name
    return None
