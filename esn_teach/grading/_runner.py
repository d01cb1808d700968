"""Grade a whole cohort: parallel workers, each with a warm sandboxed template.

Each worker thread owns one :class:`~esn_teach.grading._sandbox.Template` and
runs nbgrader's own ``autograde`` (through ``NbGraderAPI``) for one student
at a time, with ``Execute`` replaced by
:class:`~esn_teach.grading._execute.SandboxedExecute`. The gradebook is
nbgrader's (SQLite or PostgreSQL); every finished submission is appended to a
journal at once, so a killed batch resumes where it stopped.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import json
import os
import queue
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

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
    LimitOutput,
    OverwriteCells,
    OverwriteKernelspec,
    SaveAutoGrades,
)
from sqlalchemy.exc import SAWarning

from esn_teach.course import CourseError
from esn_teach.grading._execute import Job, NormalizeGradeIds, SandboxedExecute, current_job
from esn_teach.grading._integrity import cell_tampering, code_tampering, student_cells
from esn_teach.grading._outcomes import (
    PRIORITY,
    BatchResult,
    Outcome,
    SubmissionResult,
    read_results,
    write_results,
)
from esn_teach.grading._sandbox import Limits, Template, protections

__all__ = ["Progress", "grade_cohort", "results_path"]

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

Progress = Callable[[int, int, SubmissionResult, float], None]


def results_path(root: Path, module: str) -> Path:
    """Where the outcome table of a module is written."""
    return root / "rapports" / module / "resultats.csv"


def _journal_path(root: Path, module: str) -> Path:
    return root / "rapports" / module / "journal.jsonl"


def _digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


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


def _locked_trees(released: nbformat.NotebookNode) -> Iterator[ast.AST]:
    """Yield the parsed code of the instructor's locked cells."""
    for cell in released.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {}) or {}
        if cell.cell_type != "code" or meta.get("solution") or not meta.get("locked"):
            continue
        try:
            yield ast.parse(cell.source)
        except SyntaxError:
            continue


def _owned_names(released: nbformat.NotebookNode) -> list[str]:
    """Names bound by the instructor's locked cells."""
    owned: set[str] = set()
    for tree in _locked_trees(released):
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                owned.add(node.id)
            elif isinstance(node, ast.Import | ast.ImportFrom):
                owned |= {(a.asname or a.name).split(".")[0] for a in node.names}
    return sorted(owned)


def _owned_modules(released: nbformat.NotebookNode) -> dict[str, str]:
    """Alias → module name, for the modules the instructor's locked cells import."""
    modules: dict[str, str] = {}
    for tree in _locked_trees(released):
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        modules[alias.asname] = alias.name
                    else:
                        top = alias.name.split(".")[0]
                        modules[top] = top
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    try:
                        importlib.util.find_spec(full)
                    except (ImportError, ValueError):
                        continue
                    if importlib.util.find_spec(full) is not None:
                        modules[alias.asname or alias.name] = full
    return modules


def _rebound(submitted: nbformat.NotebookNode, released: nbformat.NotebookNode) -> set[str]:
    """Names the student's own cells assign."""
    names: set[str] = set()
    for _, source in student_cells(submitted, released):
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef):
                names.add(node.name)
            elif isinstance(node, ast.Import | ast.ImportFrom):
                names |= {(a.asname or a.name).split(".")[0] for a in node.names}
    return names


def _read_submission(folder: Path, module: str) -> tuple[Outcome | None, str, object]:
    """Check a submission folder; return (problem outcome or None, detail, notebook)."""
    expected = folder / f"{module}.ipynb"
    if not expected.is_file():
        others = sorted(p.name for p in folder.glob("*.ipynb"))
        if others:
            return (
                Outcome.MISSING,
                f"fichier mal nommé : {', '.join(others)} (attendu : {expected.name})",
                None,
            )
        return Outcome.MISSING, f"aucun fichier {expected.name} dans la copie", None
    raw = expected.read_bytes()
    if not raw.strip():
        return Outcome.UNREADABLE, f"{expected.name} est vide", None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return (
            Outcome.UNREADABLE,
            f"{expected.name} n'est pas un texte UTF-8 (octet {error.start})",
            None,
        )
    try:
        notebook = nbformat.reads(text, as_version=4)
    except Exception as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        return Outcome.UNREADABLE, f"{expected.name} n'est pas un notebook valide : {first}", None
    if not isinstance(notebook.get("cells"), list):
        return Outcome.UNREADABLE, f"{expected.name} n'a pas de cellules", None
    return None, "", notebook


class _Worker:
    """One grading thread: a template, an nbgrader API object, a queue of students."""

    def __init__(self, batch: _Batch) -> None:
        self.batch = batch
        self.template: Template | None = None

    def run(self) -> None:
        try:
            while True:
                try:
                    student = self.batch.todo.get_nowait()
                except queue.Empty:
                    return
                if self.batch.stopping.is_set():
                    return
                started = time.perf_counter()
                try:
                    result = self.grade(student)
                except Exception as error:  # never lose a submission
                    result = SubmissionResult(
                        student,
                        self.batch.module,
                        Outcome.CRASHED,
                        [f"erreur du correcteur : {type(error).__name__}: {error}"[:300]],
                    )
                result.seconds = time.perf_counter() - started
                self.batch.finish(result)
        finally:
            if self.template is not None:
                self.template.close()

    def grade(self, student: str) -> SubmissionResult:
        batch = self.batch
        folder = batch.root / "submitted" / student / batch.module
        digest = _digest(folder) if folder.is_dir() else ""
        if not folder.is_dir():
            return SubmissionResult(
                student, batch.module, Outcome.MISSING, ["aucune copie rendue"], digest=digest
            )
        problem, detail, submitted = _read_submission(folder, batch.module)
        if problem is not None:
            return SubmissionResult(student, batch.module, problem, [detail], digest=digest)
        assert isinstance(submitted, nbformat.NotebookNode)
        flags = cell_tampering(submitted, batch.released, batch.source) + code_tampering(
            submitted, batch.released
        )
        if self.template is None:
            self.template = Template(
                batch.preload, batch.limits, batch.hidden, sandbox=batch.sandbox
            )
        job = Job(
            self.template,
            batch.limits,
            [name for name in batch.owned if name not in _rebound(submitted, batch.released)],
            batch.grade_ids,
            batch.modules,
            sorted({name.split(".")[0] for name in batch.preload} - {"esn_teach"}),
        )
        current_job(job)
        api = NbGraderAPI(config=batch.config)
        for _attempt in range(3):
            answer = api.autograde(batch.module, student, force=True, create=True)
            log = f"{answer.get('log', '')}\n{answer.get('error', '')}"
            if answer.get("success") or "locked" not in log:
                break
            time.sleep(0.5)
        if not answer.get("success"):
            reason = _last_error(log)
            if os.environ.get("ESN_TEACH_DEBUG"):
                print(log)
            return SubmissionResult(
                student,
                batch.module,
                Outcome.CRASHED,
                [f"nbgrader n'a pas pu corriger la copie ({reason})"],
                digest=digest,
            )
        autograded = batch.root / "autograded" / student / batch.module / f"{batch.module}.ipynb"
        executed = nbformat.read(autograded, as_version=4)
        timed_out = memory = 0
        for cell in executed.cells:
            for output in cell.get("outputs", []):
                if output.get("output_type") != "error":
                    continue
                if output.get("ename") == "CellTimeoutError":
                    timed_out += 1
                elif output.get("ename") == "MemoryError":
                    memory += 1
        details = list(flags) + job.flags
        outcomes = [Outcome.GRADED]
        if flags or job.flags:
            outcomes.append(Outcome.TAMPERED)
        if memory:
            outcomes.append(Outcome.OUT_OF_MEMORY)
            details.append(
                f"mémoire dépassée ({batch.limits.memory_mb} Mio) dans {memory} cellule(s)"
            )
        if job.crash:
            outcomes.append(Outcome.CRASHED)
            details.append(job.crash)
        if timed_out:
            outcomes.append(Outcome.TIMED_OUT)
            details.append(
                f"{timed_out} cellule(s) hors délai ({batch.limits.cell_timeout} s par cellule)"
            )
        outcome = min(outcomes, key=PRIORITY.index)
        score, max_score = batch.score(student)
        return SubmissionResult(
            student, batch.module, outcome, details, score, max_score, digest=digest
        )


def _last_error(text: str) -> str:
    for line in reversed(text.strip().splitlines()):
        stripped = line.strip()
        if stripped and not stripped.startswith(("File ", "^", "Traceback", "[")):
            return stripped[:300]
    return "erreur inconnue"


class _Batch:
    def __init__(
        self,
        course: object,
        module: str,
        students: list[str],
        *,
        limits: Limits,
        jobs: int,
        sandbox: bool,
        progress: Progress | None,
    ) -> None:
        from esn_teach.course import Course

        assert isinstance(course, Course)
        self.course = course
        self.root = course.root
        self.module = module
        self.limits = limits
        self.sandbox = sandbox
        self.progress = progress
        self.jobs = jobs
        release = course.release_path(module)
        if not release.is_file():
            raise CourseError(
                f"{module} n'a pas été publié : lancez d'abord « esn-teach release {module} »."
            )
        self.released = nbformat.read(release, as_version=4)
        self.source = nbformat.read(course.source_path(module), as_version=4)
        self.preload = _preload(self.source)
        self.owned = _owned_names(self.released)
        self.modules = _owned_modules(self.released)
        self.grade_ids = [
            cell.metadata.nbgrader["grade_id"]
            for cell in self.released.cells
            if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        ]
        self.hidden = [self.root, course.notebooks, Path.home()]
        self.config = course.config()
        self.config.Execute.timeout = limits.cell_timeout
        self.config.Execute.interrupt_on_timeout = True
        self.config.OverwriteCells.add_missing_cells = True
        self.config.Autograde.sanitize_preprocessors = [
            ClearOutput,
            NormalizeGradeIds,
            DeduplicateIds,
            OverwriteKernelspec,
            OverwriteCells,
            CheckCellMetadata,
        ]
        self.config.Autograde.autograde_preprocessors = [
            SandboxedExecute,
            IgnorePattern,
            ClearMetadataPreprocessor,
            LimitOutput,
            SaveAutoGrades,
            AssignLatePenalties,
            CheckCellMetadata,
        ]
        self.students = students
        self.todo: queue.Queue[str] = queue.Queue()
        self.results: list[SubmissionResult] = []
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self.started = time.perf_counter()
        self.total = len(students)
        self.done = 0

    def score(self, student: str) -> tuple[float | None, float | None]:
        with Gradebook(self.course.db_url, self.course.course_id) as gradebook:
            try:
                submission = gradebook.find_submission(self.module, student)
            except MissingEntry:
                return None, None
            return float(submission.score), float(submission.max_score)

    def finish(self, result: SubmissionResult) -> None:
        with self._lock:
            self.results.append(result)
            self.done += 1
            journal = _journal_path(self.root, self.module)
            journal.parent.mkdir(parents=True, exist_ok=True)
            with journal.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(result.as_row(), ensure_ascii=False) + "\n")
                handle.flush()
                os.fsync(handle.fileno())
            if self.progress is not None:
                elapsed = time.perf_counter() - self.started
                self.progress(self.done, self.total, result, elapsed)


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


def grade_cohort(
    course: object,
    module: str,
    students: list[str],
    *,
    limits: Limits | None = None,
    jobs: int = 2,
    sandbox: bool = True,
    force: bool = False,
    progress: Progress | None = None,
) -> BatchResult:
    """Grade every listed student's submission of ``module``; lose none.

    Parameters
    ----------
    course : esn_teach.course.Course
    module : str
        The module name (already resolved).
    students : list of str
        Everyone to account for (submitted or expected).
    limits : Limits, optional
        Resource limits (default: :class:`Limits` with the course's cell timeout).
    jobs : int, default=2
        Parallel workers.
    sandbox : bool, default=True
        Use bubblewrap when available.
    force : bool, default=False
        Grade again submissions already graded and unchanged since.
    progress : callable, optional
        Called after each submission with (done, total, result, elapsed seconds).

    Returns
    -------
    BatchResult
    """
    if jobs < 1:
        raise CourseError("--jobs doit être au moins 1.")
    limits = limits or Limits()
    previous = {} if force else _previous(course.root, module)  # type: ignore[attr-defined]
    batch = _Batch(
        course,
        module,
        students,
        limits=limits,
        jobs=jobs,
        sandbox=sandbox,
        progress=progress,
    )
    kept: list[SubmissionResult] = []
    autograded = course.root / "autograded"  # type: ignore[attr-defined]
    for student in students:
        folder = course.root / "submitted" / student / module  # type: ignore[attr-defined]
        old = previous.get(student)
        digest = _digest(folder) if folder.is_dir() else ""
        still_valid = (
            old is not None
            and old.digest == digest
            and (not old.outcome.graded or (autograded / student / module).is_dir())
        )
        if still_valid and old is not None:
            if old.outcome.graded:
                old.score, old.max_score = batch.score(student)
            kept.append(old)
        else:
            batch.todo.put(student)
    batch.total = batch.todo.qsize()
    journal = _journal_path(course.root, module)  # type: ignore[attr-defined]
    if journal.exists() and not batch.total:
        journal.unlink()
    missing = protections(sandbox).missing
    # nbgrader 0.9's ``utils.setenv`` saves ``os.environ.get(value)`` instead of
    # ``os.environ.get(key)``, then deletes the variable: with several threads, one thread
    # deletes it under another (KeyError). With a variable named after the value, it
    # restores instead of deleting. nbgrader's ``start`` also changes the process's
    # working folder: it is restored at the end.
    saved_env = {key: os.environ.get(key) for key in ("NBGRADER_EXECUTION", "autograde")}
    os.environ["NBGRADER_EXECUTION"] = os.environ["autograde"] = "autograde"  # noqa: SIM112
    saved_cwd = os.getcwd()
    warnings.filterwarnings("ignore", category=SAWarning)
    workers = [_Worker(batch) for _ in range(min(jobs, max(batch.total, 1)))]
    threads = [threading.Thread(target=w.run, daemon=True) for w in workers]
    for thread in threads:
        thread.start()
    try:
        for thread in threads:
            while thread.is_alive():
                thread.join(0.2)
    except KeyboardInterrupt:
        batch.stopping.set()
        raise
    finally:
        for key, value in saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        os.chdir(saved_cwd)
    results = kept + batch.results
    order = {student: i for i, student in enumerate(students)}
    results.sort(key=lambda r: order.get(r.student, len(order)))
    csv_path = results_path(course.root, module)  # type: ignore[attr-defined]
    old_rows = {r.student: r for r in read_results(csv_path)}
    old_rows.update({r.student: r for r in results})
    write_results(csv_path, list(old_rows.values()))
    if journal.exists():
        journal.unlink()
    return BatchResult(
        module,
        results,
        csv_path,
        missing,
        time.perf_counter() - batch.started,
        resumed=len(kept),
    )
