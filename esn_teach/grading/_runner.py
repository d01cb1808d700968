"""Grade a whole cohort: worker processes, each with a warm sandboxed template.

A pool of worker processes (one nbgrader and one
:class:`~esn_teach.grading._sandbox.Template` each) runs nbgrader's own
``autograde`` (through ``NbGraderAPI``) for one student at a time, with
``Execute`` replaced by :class:`~esn_teach.grading._execute.SandboxedExecute`.
nbgrader reads a staged copy of each submission (regular files only, never a
link followed, sizes capped). Before any student, the module's own solution and
its blank version are graded the same way (the canary): unless the solution
gets every point and the blank none, the batch stops and changes nothing.

A failure of the grader itself is never charged to a student: the submission
gets :attr:`SubmissionOutcome.GRADER_ERROR`, no score is recorded, and the run can be
resumed once the cause is fixed. The gradebook is nbgrader's (SQLite or
PostgreSQL); the parent process appends every finished submission to a journal
at once, so a killed batch resumes where it stopped.
"""

from __future__ import annotations

import ast
import contextlib
import hashlib
import json
import multiprocessing
import multiprocessing.util
import os
import pickle
import shutil
import stat
import time
import warnings
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import nbformat
from nbconvert.preprocessors import ClearMetadataPreprocessor
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.apps.api import NbGraderAPI
from nbgrader.preprocessors import (
    AssignLatePenalties,
    CheckCellMetadata,
    ClearOutput,
    DeduplicateIds,
    IgnorePattern,
    OverwriteCells,
    OverwriteKernelspec,
    SaveAutoGrades,
)
from sqlalchemy.exc import SAWarning

from esn_teach.course import Course, CourseError
from esn_teach.grading import _recheck as _recheck_module
from esn_teach.grading._cells import grade_id, is_solution, nbgrader_meta
from esn_teach.grading._execute import Job, NormalizeGradeIds, SandboxedExecute, current_job
from esn_teach.grading._feedback import (
    GUIDES_NOT_INSERTED,
    feedback_is_configured,
    insert_marking_guides,
    marking_guides,
)
from esn_teach.grading._integrity import cell_tampering, code_tampering, variant_owners
from esn_teach.grading._outcomes import (
    PRIORITY,
    BatchResult,
    SubmissionOutcome,
    SubmissionResult,
    read_results,
    write_results,
)
from esn_teach.grading._recheck import course_types
from esn_teach.grading._sandbox import (
    Limits,
    Template,
    clean_stale_scratch,
    owned_scratch,
    protections,
)
from esn_teach.grading._sanitise import LimitOutputSize, printable

if TYPE_CHECKING:
    from multiprocessing.sharedctypes import Synchronized

    from traitlets.config import Config

__all__ = [
    "CANARIES",
    "GradingAborted",
    "Progress",
    "grade_cohort",
    "results_path",
]

#: Always imported by the template, on top of what the notebook imports.
BASE_PRELOAD = [
    "numpy",
    "pandas",
    "matplotlib",
    "matplotlib.pyplot",
    "matplotlib_inline.backend_inline",
    "ipywidgets",
    "esn_teach",
    "esn_teach.checks",
]

#: The canary's two "students": the module's solution and its blank release.
CANARY_SOLUTION = "esn-teach-temoin-solution"
CANARY_BLANK = "esn-teach-temoin-vierge"
CANARIES = (CANARY_SOLUTION, CANARY_BLANK)

#: Largest file of a submission that is graded, and largest submission (bytes).
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_SUBMISSION_BYTES = 200 * 1024 * 1024

Progress = Callable[[int, int, SubmissionResult, float], None]


class GradingAborted(CourseError):
    """The batch stopped before grading any submission; nothing was changed."""


#: How the outcome table starts the detail of a copy filed under another folder name.
MISPLACED = "copie rangée dans"


def misplaced_folders(course: Course, module: str, student: str) -> list[str]:
    """Folders of ``submitted/<student>/`` that name ``module`` without being its folder.

    ``submitted/hugo/01/`` is what an instructor naturally makes, since the
    command line accepts ``01`` for the module; nbgrader only looks in
    ``submitted/hugo/<module>/``. Such a copy must be reported, never ignored.
    """
    base = course.root / "submitted" / student
    if not base.is_dir() or base.is_symlink() or (base / module).is_dir():
        return []
    found = []
    for folder in sorted(base.iterdir()):
        if folder.name == module or not folder.is_dir():
            continue
        try:
            if course.module_name(folder.name) == module:
                found.append(folder.name)
        except CourseError:
            continue
    return found


def misplaced_copies(course: Course, module: str) -> dict[str, list[str]]:
    """Return, per student, the folders that name ``module`` under another name."""
    base = course.root / "submitted"
    if not base.is_dir():
        return {}
    found = {}
    for student in sorted(p.name for p in base.iterdir() if p.is_dir() and not p.is_symlink()):
        folders = misplaced_folders(course, module, student)
        if folders:
            found[student] = folders
    return found


def _missing(course: Course, module: str, student: str) -> SubmissionResult:
    """Return the outcome of a student without a copy: absent, or filed under another name."""
    details = [
        f"{MISPLACED} submitted/{student}/{name}/ : renommez ce dossier en « {module} », "
        "puis relancez la correction"
        for name in misplaced_folders(course, module, student)
    ]
    return SubmissionResult(
        student, module, SubmissionOutcome.MISSING, details or ["aucune copie rendue"]
    )


def results_path(root: Path, module: str) -> Path:
    """Where the outcome table of a module is written."""
    return root / "rapports" / module / "resultats.csv"


def _journal_path(root: Path, module: str) -> Path:
    return root / "rapports" / module / "journal.jsonl"


def _scan(folder: Path, staged: Path | None = None) -> tuple[str, list[str], list[str]]:
    """Digest a submission folder without following links; copy it to ``staged`` if given.

    Only regular files are read (opened with ``O_NOFOLLOW``), each and all of
    them within :data:`MAX_FILE_BYTES` and :data:`MAX_SUBMISSION_BYTES`.

    Returns
    -------
    tuple
        (digest, tampering flags for links and special files, other notes in French).
    """
    digest = hashlib.sha256()
    flags: list[str] = []
    notes: list[str] = []
    total = 0
    for directory, subfolders, files in os.walk(folder, followlinks=False):
        subfolders.sort()
        base = Path(directory)
        for name in list(subfolders):
            if (base / name).is_symlink():
                flags.append(f"lien symbolique « {(base / name).relative_to(folder)} » ignoré")
                digest.update(f"link:{(base / name).relative_to(folder)}".encode())
        for name in sorted(files):
            path = base / name
            relative = path.relative_to(folder)
            digest.update(str(relative).encode())
            info = os.lstat(path)
            if not stat.S_ISREG(info.st_mode):
                kind = "lien symbolique" if stat.S_ISLNK(info.st_mode) else "fichier spécial"
                flags.append(f"{kind} « {relative} » ignoré")
                continue
            if info.st_size > MAX_FILE_BYTES or total + info.st_size > MAX_SUBMISSION_BYTES:
                notes.append(
                    f"fichier « {relative} » ignoré : trop volumineux "
                    f"({info.st_size / 1024**2:.0f} Mo)".replace(".", ",")
                )
                digest.update(f"big:{info.st_size}".encode())
                continue
            descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
            with os.fdopen(descriptor, "rb") as handle:
                if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                    flags.append(f"fichier spécial « {relative} » ignoré")
                    continue
                data = handle.read(MAX_FILE_BYTES + 1)[:MAX_FILE_BYTES]
            total += len(data)
            digest.update(data)
            if staged is not None:
                target = staged / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
    return digest.hexdigest()[:16], flags, notes


def _digest(folder: Path) -> str:
    return _scan(folder)[0]


@dataclass(frozen=True)
class _ModuleInfo:
    """What grading needs to know about a module, read from its source and release."""

    released: nbformat.NotebookNode
    source: nbformat.NotebookNode
    preload: list[str]
    grade_ids: list[str]
    metadata: dict[str, dict]
    imports: dict[str, list[str | None]]
    libraries: list[str]
    guides: dict[str, str]

    @classmethod
    def read(cls, course: Course, module: str) -> _ModuleInfo:
        release = course.release_path(module)
        if not release.is_file():
            raise CourseError(
                f"{module} n'a pas été publié : lancez d'abord « esn-teach release {module} »."
            )
        released = nbformat.read(release, as_version=4)
        source = nbformat.read(course.source_path(module), as_version=4)
        preload = _preload(source)
        metadata = {
            name: nbgrader_meta(cell)
            for cell in released.cells
            if (name := grade_id(cell)) is not None
        }
        grade_ids = list(metadata)
        libraries = sorted({name.split(".")[0] for name in preload} - {"esn_teach"})
        imports = _instructor_imports(released)
        # Guides go into the autograded copies only when the course's feedback removes
        # them (esn-teach's FrenchFeedback): stock nbgrader feedback would publish them.
        guides = marking_guides(source) if feedback_is_configured(course.config()) else {}
        return cls(released, source, preload, grade_ids, metadata, imports, libraries, guides)


def _preload(notebook: nbformat.NotebookNode) -> list[str]:
    """Return the modules the instructor's cells import, plus the usual heavy ones."""
    names = list(BASE_PRELOAD)
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names += [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.append(node.module)
                names += [f"{node.module}.{alias.name}" for alias in node.names]
    return list(dict.fromkeys(names))


def _instructor_imports(released: nbformat.NotebookNode) -> dict[str, list[str | None]]:
    """Name → [module, attribute or None] for every import the instructor wrote.

    Every code cell of the release that is not an answer cell is the
    instructor's, locked or not (a student may edit an unlocked cell in their
    copy: the release's text is what counts). The re-check always rebuilds these
    names from the import itself: whatever a student binds to them (a
    look-alike, a module of another name, a builtin) never reaches a test.
    """
    imports: dict[str, list[str | None]] = {}
    for cell in released.cells:
        if cell.cell_type != "code" or is_solution(cell):
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        imports[alias.asname] = [alias.name, None]
                    else:
                        top = alias.name.split(".")[0]
                        imports[top] = [top, None]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                for alias in node.names:
                    if alias.name != "*":
                        imports[alias.asname or alias.name] = [node.module, alias.name]
    return imports


def _replace_notebook(path: Path, notebook: nbformat.NotebookNode) -> None:
    """Write ``notebook`` over ``path`` atomically, keeping the file's permissions."""
    mode = path.stat().st_mode & 0o777
    partial = path.with_name(f".{path.name}.partiel")
    try:
        nbformat.write(notebook, partial)
        partial.chmod(mode)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


def _read_submission(folder: Path, module: str) -> tuple[SubmissionOutcome | None, str, object]:
    """Check a submission folder; return (problem outcome or None, detail, notebook)."""
    expected = folder / f"{module}.ipynb"
    if not expected.is_file():
        others = sorted(p.name for p in folder.glob("*.ipynb"))
        if others:
            return (
                SubmissionOutcome.MISSING,
                f"fichier mal nommé : {', '.join(others)} (attendu : {expected.name})",
                None,
            )
        return SubmissionOutcome.MISSING, f"aucun fichier {expected.name} dans la copie", None
    raw = expected.read_bytes()
    if not raw.strip():
        return SubmissionOutcome.UNREADABLE, f"{expected.name} est vide", None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return (
            SubmissionOutcome.UNREADABLE,
            f"{expected.name} n'est pas un texte UTF-8 (octet {error.start})",
            None,
        )
    try:
        json.loads(text)
    except json.JSONDecodeError as error:  # nbformat's own message is English
        return (
            SubmissionOutcome.UNREADABLE,
            f"{expected.name} n'est pas un notebook valide : le fichier est abîmé (texte JSON "
            f"invalide ligne {error.lineno}, colonne {error.colno})",
            None,
        )
    except RecursionError:
        return (
            SubmissionOutcome.UNREADABLE,
            f"{expected.name} n'est pas un notebook valide : structure imbriquée trop profonde",
            None,
        )
    try:
        notebook = nbformat.reads(text, as_version=4)
    except Exception as error:
        return (
            SubmissionOutcome.UNREADABLE,
            f"{expected.name} n'est pas un notebook valide : le contenu n'a pas la structure "
            f"d'un notebook Jupyter ({type(error).__name__})",
            None,
        )
    if not isinstance(notebook.get("cells"), list):
        return SubmissionOutcome.UNREADABLE, f"{expected.name} n'a pas de cellules", None
    return None, "", notebook


@dataclass(frozen=True)
class _Plan:
    """What every worker process needs (picklable)."""

    root: Path
    notebooks: Path
    module: str
    limits: Limits
    sandbox: bool
    staging: Path


def _grading_config(course: Course, plan: _Plan) -> Config:
    """Return nbgrader's configuration for autograde, with esn-teach's preprocessors."""
    config = course.config()
    config.CourseDirectory.submitted_directory = str(plan.staging)
    config.Execute.timeout = plan.limits.cell_timeout
    config.Execute.interrupt_on_timeout = True
    config.OverwriteCells.add_missing_cells = True
    config.Autograde.sanitize_preprocessors = [
        ClearOutput,
        NormalizeGradeIds,
        DeduplicateIds,
        OverwriteKernelspec,
        OverwriteCells,
        CheckCellMetadata,
    ]
    config.Autograde.autograde_preprocessors = [
        SandboxedExecute,
        IgnorePattern,
        ClearMetadataPreprocessor,
        LimitOutputSize,
        SaveAutoGrades,
        AssignLatePenalties,
        CheckCellMetadata,
    ]
    return config


class _Worker:
    """One grading process: a template, an nbgrader API object, one student at a time."""

    def __init__(self, plan: _Plan, index: int | None = None) -> None:
        self.plan = plan
        self.index = index
        self.course = Course(plan.root, plan.notebooks)
        self.module = plan.module
        self.info = _ModuleInfo.read(self.course, plan.module)
        self.template: Template | None = None
        multiprocessing.util.Finalize(self, self.close, exitpriority=10)
        # Started first: its imports run while nbgrader is set up and the first copy read.
        # A template that cannot start is reported by the first copy (a grader error).
        with contextlib.suppress(Exception):
            self._template()
        # nbgrader reads these while executing; each worker process owns its environment.
        os.environ["NBGRADER_EXECUTION"] = os.environ["autograde"] = "autograde"  # noqa: SIM112
        warnings.filterwarnings("ignore", category=SAWarning)
        self.api = NbGraderAPI(config=_grading_config(self.course, plan))

    def _template(self) -> Template:
        """Return this worker's template, started again if it died."""
        if self.template is not None and not self.template.alive():
            self.close()
        if self.template is None:
            hidden = [self.course.root, self.course.notebooks, Path.home()]
            self.template = Template(
                self.info.preload,
                self.plan.limits,
                hidden,
                sandbox=self.plan.sandbox,
                core=self.index,
                wait=False,  # it imports while this worker reads the submission
            )
        return self.template

    def close(self) -> None:
        if self.template is not None:
            self.template.close()
            self.template = None

    def _submission_exists(self, student: str) -> bool:
        with Gradebook(self.course.db_url, self.course.course_id) as gradebook:
            try:
                gradebook.find_submission(self.module, student)
            except MissingEntry:
                return False
            return True

    def _forget(self, student: str) -> None:
        """Remove a submission this run created but could not grade (no score, not even 0)."""
        with (
            Gradebook(self.course.db_url, self.course.course_id) as gradebook,
            contextlib.suppress(MissingEntry),
        ):
            gradebook.remove_submission(self.module, student)
        shutil.rmtree(self.course.root / "autograded" / student / self.module, ignore_errors=True)

    def _score(self, student: str) -> tuple[float | None, float | None]:
        with Gradebook(self.course.db_url, self.course.course_id) as gradebook:
            try:
                submission = gradebook.find_submission(self.module, student)
            except MissingEntry:
                return None, None
            return float(submission.score), float(submission.max_score)

    def grade(self, student: str) -> SubmissionResult:
        """Grade one submission; the grader's own failures become GRADER_ERROR."""
        folder = self.course.root / "submitted" / student / self.module
        if folder.is_symlink() or not folder.is_dir():
            return _missing(self.course, self.module, student)
        staged = self.plan.staging / student / self.module
        shutil.rmtree(staged, ignore_errors=True)
        staged.mkdir(parents=True)
        try:
            return self._grade_staged(student, staged, *_scan(folder, staged))
        finally:
            shutil.rmtree(self.plan.staging / student, ignore_errors=True)

    def _grade_staged(
        self, student: str, staged: Path, digest: str, file_flags: list[str], notes: list[str]
    ) -> SubmissionResult:
        module = self.module
        problem, detail, submitted = _read_submission(staged, module)
        if problem is not None:
            return SubmissionResult(student, module, problem, [detail, *file_flags], digest=digest)
        assert isinstance(submitted, nbformat.NotebookNode)
        flags = (
            file_flags
            + cell_tampering(submitted, self.info.released, self.info.source)
            + code_tampering(submitted, self.info.released)
        )
        job = Job(
            self._template(),
            self.plan.limits,
            self.info.grade_ids,
            self.info.metadata,
            self.info.imports,
            self.info.libraries,
        )
        job.student = student
        if student in CANARIES:  # the instructor's own notebooks: their data is trusted
            job.keep_snapshots = self.plan.staging / "temoin" / student
            job.trusted = True
        else:
            job.reference = self.plan.staging / "reference"
            with contextlib.suppress(OSError, ValueError):
                job.types = json.loads((job.reference / _TYPES_FILE).read_text(encoding="utf-8"))
        current_job(job)
        existed = self._submission_exists(student)
        answer = self._autograde(student)
        log = f"{answer.get('log', '')}\n{answer.get('error', '')}"
        if job.grader_error or not answer.get("success"):
            reason = job.grader_error or f"nbgrader : {_last_error(log)}"
            if os.environ.get("ESN_TEACH_DEBUG"):
                print(printable(log, newlines=True))
            if not existed:
                self._forget(student)
            return SubmissionResult(
                student,
                module,
                SubmissionOutcome.GRADER_ERROR,
                [f"erreur du correcteur : {reason}", *flags],
                digest=digest,
            )
        autograded = self.course.root / "autograded" / student / module / f"{module}.ipynb"
        executed = nbformat.read(autograded, as_version=4)
        if insert_marking_guides(executed, self.info.guides):
            # For the formgrader; never in the feedback. nbgrader may leave the file
            # read-only: a new file replaces it, with the same permissions.
            try:
                _replace_notebook(autograded, executed)
            except OSError as error:
                notes.append(f"guide de correction non inséré pour le formgrader : {error}")
        timed_out = memory = 0
        for cell in executed.cells:
            for output in cell.get("outputs", []):
                if output.get("output_type") != "error":
                    continue
                if output.get("ename") == "CellTimeoutError":
                    timed_out += 1
                elif output.get("ename") == "MemoryError":
                    memory += 1
        details = flags + job.flags + notes
        outcomes = [SubmissionOutcome.GRADED]
        if flags or job.flags:
            outcomes.append(SubmissionOutcome.TAMPERED)
        if memory or job.out_of_memory:
            outcomes.append(SubmissionOutcome.OUT_OF_MEMORY)
            details.append(
                f"mémoire dépassée ({self.plan.limits.memory_mb} Mio) dans {memory} cellule(s)"
            )
        if job.crash:
            outcomes.append(SubmissionOutcome.CRASHED)
            details.append(job.crash)
        if timed_out:
            outcomes.append(SubmissionOutcome.TIMED_OUT)
            details.append(
                f"{timed_out} cellule(s) hors délai ({self.plan.limits.cell_timeout} s par cellule)"
            )
        outcome = min(outcomes, key=PRIORITY.index)
        to_examine = list(job.to_examine)
        others = [owner for owner in variant_owners(submitted, module) if owner != student]
        if others:
            # Graded on this student's own cases; the instructor decides (copied work, or
            # a hub that names students otherwise than the gradebook). Never final alone.
            tests = [
                name
                for name, meta in self.info.metadata.items()
                if meta.get("grade") and not meta.get("solution")
            ]
            to_examine += [name for name in tests if name not in to_examine]
            named = ", ".join(f"« {printable(owner, limit=80)} »" for owner in others[:3])
            if len(others) > 3:  # a copy may hold any number of forged records
                named += f" et {len(others) - 3} autre(s)"
            details.append(
                "cas tirés pour un autre identifiant que celui de la copie ("
                + named
                + f", au lieu de « {printable(student, limit=80)} ») : copie d'un camarade, ou "
                "identifiant du "
                "serveur différent de celui du carnet de notes ; corrigée sur les cas de "
                f"« {student} », questions autocorrigées à examiner"
            )
        score, max_score = self._score(student)
        return SubmissionResult(
            student,
            module,
            outcome,
            details,
            score,
            max_score,
            digest=digest,
            to_examine=to_examine,
        )

    def _autograde(self, student: str) -> dict:
        """Run nbgrader's autograde, retrying SQLite's "database is locked" (another writer)."""
        for attempt in range(5):
            answer = self.api.autograde(self.module, student, force=True, create=True)
            log = f"{answer.get('log', '')}\n{answer.get('error', '')}"
            if answer.get("success") or "database is locked" not in log:
                return answer
            time.sleep(0.2 * (attempt + 1))
        return answer


_WORKER: list[_Worker] = []  # the worker of this process (set by the pool's initializer)


def _start_worker(plan: _Plan, counter: Synchronized[int]) -> None:
    with counter.get_lock():  # each worker its own index, hence its own core
        index = counter.value
        counter.value += 1
    _WORKER[:] = [_Worker(plan, index)]


def _grade_task(student: str) -> SubmissionResult:
    """Grade one student in a worker process; never raises for the grader's own bugs."""
    started = time.perf_counter()
    module = _WORKER[0].module if _WORKER else ""
    try:
        result = _WORKER[0].grade(student)
    except KeyboardInterrupt:
        raise
    except BaseException as error:  # the grader's bug: reported, never charged to the student
        result = SubmissionResult(
            student,
            module,
            SubmissionOutcome.GRADER_ERROR,
            [f"erreur du correcteur : {type(error).__name__} : {error}"[:300]],
        )
    result.seconds = time.perf_counter() - started
    return result


def _last_error(text: str) -> str:
    for line in reversed(text.strip().splitlines()):
        stripped = line.strip()
        if stripped and not stripped.startswith(("File ", "^", "Traceback", "[")):
            return stripped[:300]
    return "erreur inconnue"


def _previous(root: Path, module: str) -> dict[str, SubmissionResult]:
    """Results of earlier runs: the outcome table, then the journal of an interrupted run."""
    previous = {r.student: r for r in read_results(results_path(root, module))}
    journal = _journal_path(root, module)
    if journal.is_file():
        for line in journal.read_text(encoding="utf-8").splitlines():
            try:
                result = SubmissionResult.from_row(json.loads(line))
            except (ValueError, KeyError):
                continue  # a line cut by a kill: that submission is graded again
            previous[result.student] = result
    return previous


def _check_gradebook(course: Course, module: str) -> None:
    """Stop before anything runs when the gradebook cannot hold this module's grades."""
    advice = (
        f"publiez de nouveau le module (« esn-teach release {module} »), puis relancez la "
        "correction. Aucune copie n'a été corrigée."
    )
    if course.db_url.startswith("sqlite:///") and not Path(course.db_url[10:]).is_file():
        raise CourseError(f"Le carnet de notes {course.db_url[10:]} n'existe pas : {advice}")
    with Gradebook(course.db_url, course.course_id) as gradebook:
        try:
            assignment = gradebook.find_assignment(module)
        except MissingEntry:
            raise CourseError(
                f"Le carnet de notes ne contient pas le module {module} : {advice}"
            ) from None
        if not any(notebook.grade_cells for notebook in assignment.notebooks):
            raise CourseError(
                f"Le carnet de notes ne connaît aucune question notée de {module} : {advice}"
            )


#: Written in each canary folder: only such folders are ever removed as the canary's.
_CANARY_MARK = ".esn-teach-temoin"


def _check_reserved(course: Course) -> None:
    """Refuse to run when a real submission folder bears a canary's reserved name."""
    for student in CANARIES:
        folder = course.root / "submitted" / student
        if folder.exists() and not any(folder.glob(f"*/{_CANARY_MARK}")):
            raise CourseError(
                f"Le dossier {folder} porte un nom réservé à la vérification préalable "
                f"d'esn-teach ({', '.join(CANARIES)}) : renommez-le (identifiant d'étudiant) "
                "puis relancez. Rien n'a été modifié."
            )


def _remove_canaries(course: Course, module: str) -> None:
    """Remove every trace of the canary (also what a killed run left behind)."""
    _check_reserved(course)
    if not course.db_url.startswith("sqlite:///") or Path(course.db_url[10:]).is_file():
        with Gradebook(course.db_url, course.course_id) as gradebook:
            for student in CANARIES:
                with contextlib.suppress(MissingEntry):
                    gradebook.remove_student(student)
    for step in ("submitted", "autograded", "feedback"):
        for student in CANARIES:
            shutil.rmtree(course.root / step / student, ignore_errors=True)


def _write_canaries(course: Course, module: str) -> None:
    release = course.release_path(module).parent
    for student, notebook in (
        (CANARY_SOLUTION, course.source_path(module)),
        (CANARY_BLANK, course.release_path(module)),
    ):
        folder = course.root / "submitted" / student / module
        folder.mkdir(parents=True)
        (folder / _CANARY_MARK).write_text("vérification préalable d'esn-teach\n")
        shutil.copytree(release, folder, symlinks=True, dirs_exist_ok=True)
        shutil.copyfile(notebook, folder / f"{module}.ipynb")


def _canary_verdict(course: Course, module: str, result: SubmissionResult) -> str | None:
    """Say what is wrong with a canary's grading (None when it is as expected)."""
    solution = result.student == CANARY_SOLUTION
    who = "la solution du module" if solution else "la version vierge du module"
    if result.outcome is not SubmissionOutcome.GRADED:
        detail = f" — {'; '.join(result.details)}" if result.details else ""
        return f"{who} : {result.outcome.label}{detail}"
    with Gradebook(course.db_url, course.course_id) as gradebook:
        submission = gradebook.find_submission(module, result.student)
        tests = [
            (grade.name, float(grade.auto_score), float(grade.max_score))
            for notebook in submission.notebooks
            for grade in notebook.grades
            if grade.auto_score is not None
        ]
    if not tests:
        return f"{who} : aucun test autocorrigé n'a été noté"
    executed = course.root / "autograded" / result.student / module / f"{module}.ipynb"
    try:
        drawn = variant_owners(nbformat.read(executed, as_version=4), module)
    except (OSError, ValueError) as error:
        return f"{who} : copie corrigée illisible ({error})"
    strangers = [owner for owner in drawn if owner != result.student]
    if strangers:
        # Each copy must be graded on its own student's cases: if the grader's kernel drew
        # another identifier's, every student's answers would be judged on cases they
        # never saw (a grader failure, never a student's score).
        return (
            f"{who} : le correcteur a tiré les cas de « {printable(strangers[0], limit=80)} » au "
            f"lieu de ceux de la copie (« {result.student} ») : l'identifiant de la copie "
            "n'atteint pas le noyau qui la corrige"
        )
    got = sum(score for _, score, _ in tests)
    full = sum(maximum for _, _, maximum in tests)
    wrong = [name for name, score, maximum in tests if score != (maximum if solution else 0)]
    if not wrong:
        return None
    expected = f"{full:g} / {full:g}" if solution else f"0 / {full:g}"
    return (
        f"{who} obtient {got:g} / {full:g} aux tests autocorrigés (attendu : {expected} ; "
        f"tests en cause : {', '.join(wrong)})"
    )


def _canary_message(module: str, problems: list[str]) -> str:
    return (
        f"La correction de {module} n'a pas commencé : la vérification préalable a échoué. "
        "Aucune copie n'a été corrigée et rien n'a été modifié.\n"
        + "\n".join(f"  - {problem}" for problem in problems)
        + "\nCauses possibles : l'isolement (bubblewrap), l'environnement de la machine "
        "(HOME, TMPDIR, droits d'accès au dossier de Python), le carnet de notes (module à "
        f"republier : « esn-teach release {module} »), les chemins du cours, ou une solution "
        "qui ne passe plus ses propres tests (« esn-teach build "
        f"{module} » le dit). Pour le journal complet de nbgrader : ESN_TEACH_DEBUG=1. Une "
        "fois la cause corrigée, relancez la même commande."
    )


def _run_canary(pool: ProcessPoolExecutor, course: Course, module: str, staging: Path) -> None:
    """Grade the solution and the blank release first; raise GradingAborted unless exact."""
    _remove_canaries(course, module)
    _write_canaries(course, module)
    try:
        futures = [pool.submit(_grade_task, student) for student in CANARIES]
        problems = []
        for future in futures:
            try:
                result = future.result()
            except BrokenProcessPool as error:
                problems.append(f"un processus de correction s'est arrêté ({error})")
                continue
            verdict = _canary_verdict(course, module, result)
            if verdict:
                problems.append(verdict)
    finally:
        _remove_canaries(course, module)
    if problems:
        raise GradingAborted(_canary_message(module, problems))
    _write_reference(staging, _ModuleInfo.read(course, module).libraries)


_TYPES_FILE = "types.json"


def _write_reference(staging: Path, libraries: list[str]) -> None:
    """Keep, for each test, the course's data: values equal in the solution and blank runs.

    A value that the solution and the blank version both give is computed by
    the instructor's cells alone (no answer changes it): the re-check of every
    student's test uses it instead of the student's, so a student who rewrites
    the course's data (the scores a threshold is tested on, say) gains nothing.
    A name bound after the kernel first asked whose copy it is
    (``checks.student_id``, which ``student_seed`` calls) is never kept: it
    may be each student's own data, which the hidden tests recompute from the
    copy's identifier.
    """
    solution_folder = staging / "temoin" / CANARY_SOLUTION
    target = staging / "reference"
    target.mkdir(parents=True, exist_ok=True)
    found: set[tuple[str, str]] = set()
    _recheck_module._LIBRARIES[:] = libraries  # classes of what the notebook imports
    for folder in (solution_folder, staging / "temoin" / CANARY_BLANK):
        for path in folder.glob("*.pkl"):
            for entry in pickle.loads(path.read_bytes()).values():
                if isinstance(entry, tuple) and entry[:1] == ("value",):
                    with contextlib.suppress(Exception):  # a type the checker refuses anyway
                        found |= course_types(entry[1])
    (target / _TYPES_FILE).write_text(json.dumps(sorted(found)), encoding="utf-8")
    for path in sorted(solution_folder.glob("*.pkl")):
        blank_path = staging / "temoin" / CANARY_BLANK / path.name
        if not blank_path.is_file():
            continue
        solution = pickle.loads(path.read_bytes())  # written by the canary: the course's code
        blank = pickle.loads(blank_path.read_bytes())
        # A name bound after the canary's kernel first asked whose copy it is may hold that
        # copy's own data (each student's cases): equal in the two canaries by chance (a small
        # draw, say k in {2, 5}), it would replace every student's own value in the re-check.
        drawn = _drawn_names(solution) | _drawn_names(blank)
        common = {
            name: entry
            for name, entry in solution.items()
            if isinstance(entry, tuple)
            and entry[:1] == ("value",)
            and blank.get(name) == entry
            and not name.startswith("\x00")  # the snapshot's own entries (In, drawn names)
            and name not in drawn
        }
        (target / path.name).write_bytes(pickle.dumps(common, protocol=4))


def _drawn_names(snapshot: dict) -> set[str]:
    """Return the names a canary's snapshot marks as bound after its first ``student_id``."""
    entry = snapshot.get(_recheck_module.DRAWN)
    if not (isinstance(entry, tuple) and entry[:1] == ("value",)):
        return set()
    names = pickle.loads(entry[1])  # written by the canary: the course's code
    return {name for name in names if isinstance(name, str)}


class _Journal:
    """Results as they arrive: appended to the journal at once, then reported."""

    def __init__(self, root: Path, module: str, total: int, progress: Progress | None) -> None:
        self.path = _journal_path(root, module)
        self.total = total
        self.progress = progress
        self.results: list[SubmissionResult] = []
        self.started = time.perf_counter()

    def add(self, result: SubmissionResult) -> None:
        self.results.append(result)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(result.as_row(), ensure_ascii=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        if self.progress is not None:
            elapsed = time.perf_counter() - self.started
            self.progress(len(self.results), self.total, result, elapsed)


def grade_cohort(
    course: Course,
    module: str,
    students: list[str],
    *,
    limits: Limits | None = None,
    jobs: int = 2,
    sandbox: bool = True,
    force: bool = False,
    progress: Progress | None = None,
    library_changed: bool = False,
) -> BatchResult:
    """Grade every listed student's submission of ``module``; lose none.

    Parameters
    ----------
    course : esn_teach.course.Course
        The course layout.
    module : str
        The module name (already resolved).
    students : list of str
        Everyone to account for (submitted or expected).
    limits : Limits, optional
        Resource limits (default: :class:`Limits` with the course's cell timeout).
    jobs : int, default=2
        Worker processes.
    sandbox : bool, default=True
        Use bubblewrap when available.
    force : bool, default=False
        Grade again submissions already graded and unchanged since.
    progress : callable, optional
        Called after each submission with (done, total, result, elapsed seconds).
    library_changed : bool, default=False
        Grade even if ``esn_teach`` changed since the module's evaluated release
        (by default that stops the batch before anything is graded: the copies'
        cases are redrawn with the installed library).

    Returns
    -------
    BatchResult

    Raises
    ------
    GradingAborted
        When ``esn_teach`` changed since the evaluated release (unless
        ``library_changed``), or when the canary (the module's solution and blank
        version, graded first) does not get exactly full marks and zero: nothing was
        graded or changed.
    esn_teach.course.CourseError
        When the module is not released or the gradebook does not hold it.
    """
    if jobs < 1:
        raise CourseError("--jobs doit être au moins 1.")
    limits = limits or Limits()
    started = time.perf_counter()
    root = course.root
    _check_reserved(course)
    students = [student for student in students if student not in CANARIES]
    info = _ModuleInfo.read(course, module)  # released? readable?
    if not library_changed and course.library_changed_since_release(module):
        raise GradingAborted(
            f"La correction de {module} n'a pas commencé : la bibliothèque esn_teach a changé "
            "depuis la publication de la séance évaluée. Chaque copie y est corrigée sur ses "
            "propres cas, que la bibliothèque installée tire de nouveau : une autre version peut "
            "tirer d'autres cas ou d'autres énoncés que ceux que les étudiants ont vus, et "
            "changer leurs notes sans le dire. Réinstallez la version d'esn-teach de la "
            "publication, puis relancez la même commande. Si vous savez que le changement ne "
            "touche aucun tirage (un texte corrigé, par exemple), relancez avec "
            "--bibliotheque-modifiee. Rien n'a été corrigé ni modifié."
        )
    _check_gradebook(course, module)
    _remove_canaries(course, module)
    previous = {} if force else _previous(root, module)
    kept: list[SubmissionResult] = []
    absent: list[SubmissionResult] = []  # nothing to run: said at once, never resumed
    todo: list[str] = []
    for student in students:
        folder = root / "submitted" / student / module
        if folder.is_symlink() or not folder.is_dir():
            absent.append(_missing(course, module, student))
            continue
        old = previous.get(student)
        digest = _digest(folder) if folder.is_dir() and not folder.is_symlink() else ""
        still_valid = (
            old is not None
            and not old.outcome.grader_fault
            and old.digest == digest
            and (not old.outcome.graded or (root / "autograded" / student / module).is_dir())
        )
        if still_valid and old is not None:
            if old.outcome.graded:
                old.score, old.max_score = _gradebook_score(course, module, student)
            kept.append(old)
        else:
            todo.append(student)
    journal = _Journal(root, module, len(todo), progress)
    if journal.path.exists() and not todo:
        journal.path.unlink()
    missing = protections(sandbox).missing
    if not info.guides and not feedback_is_configured(course.config()):
        missing = [*missing, GUIDES_NOT_INSERTED]
    if todo:
        _grade_all(course, module, todo, journal, limits=limits, jobs=jobs, sandbox=sandbox)
    results = kept + absent + journal.results
    order = {student: i for i, student in enumerate(students)}
    results.sort(key=lambda r: order.get(r.student, len(order)))
    csv_path = results_path(root, module)
    old_rows = {r.student: r for r in read_results(csv_path)}
    old_rows.update({r.student: r for r in results})
    write_results(csv_path, list(old_rows.values()))
    if journal.path.exists():
        journal.path.unlink()
    return BatchResult(
        module,
        results,
        csv_path,
        missing,
        time.perf_counter() - started,
        resumed=len(kept),
    )


def _gradebook_score(
    course: Course, module: str, student: str
) -> tuple[float | None, float | None]:
    with Gradebook(course.db_url, course.course_id) as gradebook:
        try:
            submission = gradebook.find_submission(module, student)
        except MissingEntry:
            return None, None
        return float(submission.score), float(submission.max_score)


def _grade_all(
    course: Course,
    module: str,
    todo: list[str],
    journal: _Journal,
    *,
    limits: Limits,
    jobs: int,
    sandbox: bool,
) -> None:
    """Run the canary, then every submission of ``todo``, on a pool of worker processes."""
    clean_stale_scratch()  # what graders killed with SIGKILL left behind
    staging = owned_scratch()
    plan = _Plan(course.root, course.notebooks, module, limits, sandbox, staging)
    # Forked, not spawned: a worker starts at once with nbgrader already imported, and the
    # caller's ``__main__`` (an instructor's script, a notebook) is never run again.
    context = multiprocessing.get_context("fork")
    workers = max(1, min(jobs, max(len(todo), len(CANARIES))))
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_start_worker,
        initargs=(plan, context.Value("i", 0)),
    )
    try:
        _run_canary(pool, course, module, staging)
        futures: dict[Future[SubmissionResult], str] = {
            pool.submit(_grade_task, student): student for student in todo
        }
        for future in as_completed(futures):
            try:
                result = future.result()
            except BrokenProcessPool:
                result = SubmissionResult(
                    futures[future],
                    module,
                    SubmissionOutcome.GRADER_ERROR,
                    ["erreur du correcteur : un processus de correction s'est arrêté"],
                )
            journal.add(result)
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    else:
        pool.shutdown(wait=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
