"""nbgrader's Execute preprocessor, on a forked sandboxed kernel, losing nothing.

:class:`SandboxedExecute` replaces ``Execute`` in nbgrader's autograde
preprocessors. It differs in four ways only:

- the kernel is forked from the worker's warm template (no start-up, no
  imports to pay) into a private working folder, and killed afterwards;
- a watchdog kills the kernel when the whole submission exceeds its time;
- when the kernel dies, nothing is thrown away: the cells that ran keep their
  outputs, every graded cell that did not finish gets an error output (so it
  earns no points), and the reason is recorded;
- before each test cell, the values it reads are snapshotted; afterwards the
  passed tests are re-run on pristine libraries (``_recheck``). A test that
  only passed thanks to a monkeypatch, or that cannot be re-checked, gets an
  error output (no points) and the submission is flagged.

The grader's own failures (a kernel that never started, a template that died,
a re-check that could not run) are never charged to the student: they are
recorded in :attr:`Job.grader_error` and :class:`GraderFailure` is raised, so
nbgrader stops before saving any grade for that submission.

Everything else (timeouts per cell, error outputs, what counts as a failed
test) is nbgrader's own code, so scores equal plain ``nbgrader autograde``.
"""

from __future__ import annotations

import ast
import contextlib
import shutil
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from queue import Empty
from typing import TYPE_CHECKING

import nbformat
import zmq
from jupyter_core.utils import ensure_async
from nbclient.util import run_hook, run_sync
from nbconvert.preprocessors import ExecutePreprocessor
from nbgrader.preprocessors import Execute, NbGraderPreprocessor

from esn_teach.checks import STUDENT_ENV
from esn_teach.course._source import HIDDEN_BEGIN, HIDDEN_END
from esn_teach.grading._cells import is_graded_code, is_test
from esn_teach.grading._integrity import read_names
from esn_teach.grading._recheck import SNAPSHOT_CODE
from esn_teach.grading._sandbox import Limits, Template, _TemplateProvisioner
from esn_teach.grading._sanitise import truncation_note

if TYPE_CHECKING:
    from jupyter_client.asynchronous.client import AsyncKernelClient
    from jupyter_client.client import KernelClient

__all__ = [
    "GraderFailure",
    "Job",
    "NormalizeGradeIds",
    "SandboxedExecute",
    "current_job",
    "without_hidden",
]

#: Bytes of outputs kept while one notebook runs; an error's text is cut, never dropped.
_MAX_RUN_OUTPUT = 20 * 1024 * 1024
_MAX_LINE = 10_000
_MAX_FRAMES = 50
_RECONNECT_MS = 5  # ZeroMQ reconnection interval while a kernel starts
_NOT_RUN = "CelluleNonExecutee"
_RECHECK = "VerificationIndependante"


@dataclass
class Job:
    """What the execute preprocessor needs and reports for one submission."""

    template: Template
    limits: Limits
    grade_ids: list[str] = field(default_factory=list)
    metadata: dict[str, dict] = field(default_factory=dict)
    imports: dict[str, list[str | None]] = field(default_factory=dict)
    libraries: list[str] = field(default_factory=list)
    crash: str | None = None
    reference: Path | None = None
    types: list[list[str]] = field(default_factory=list)
    trusted: bool = False
    keep_snapshots: Path | None = None
    grader_error: str | None = None
    out_of_memory: bool = False
    deadline_hit: bool = False
    flags: list[str] = field(default_factory=list)
    to_examine: list[str] = field(default_factory=list)
    #: The identifier of the copy graded: its kernel draws this student's variant.
    student: str = ""


def _identity(job: Job) -> dict[str, str]:
    """Return the environment that makes a kernel draw the graded student's variant."""
    return {STUDENT_ENV: job.student} if job.student else {}


class GraderFailure(Exception):
    """The grader failed (not the student): nbgrader must not save any grade."""


_CURRENT: list[Job] = []  # one grading worker process grades one submission at a time


def current_job(job: Job | None = None) -> Job | None:
    """Set (when given) and return the job of this grading worker process."""
    if job is not None:
        _CURRENT[:] = [job]
    return _CURRENT[0] if _CURRENT else None


async def _wait_for_ready(client: AsyncKernelClient, timeout: float) -> None:
    """Send ``kernel_info`` until both its reply and its IOPub ``idle`` status arrive."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        request = client.kernel_info()
        reply = None
        idle = False
        attempt_end = min(time.monotonic() + 1.0, deadline)
        while time.monotonic() < attempt_end and not (reply is not None and idle):
            if reply is None:
                with contextlib.suppress(Empty):
                    message = await client.shell_channel.get_msg(timeout=0.02)
                    if message.get("parent_header", {}).get("msg_id") == request:
                        reply = message
                        # IOPub may have subscribed too late for this request's status
                        # (ZeroMQ's slow joiner): ask again soon rather than wait.
                        attempt_end = min(time.monotonic() + 0.1, deadline)
            with contextlib.suppress(Empty):
                message = await client.iopub_channel.get_msg(timeout=0.02)
                idle = idle or (
                    message.get("parent_header", {}).get("msg_id") == request
                    and message.get("msg_type") == "status"
                    and message.get("content", {}).get("execution_state") == "idle"
                )
        if reply is not None and idle:
            client._handle_kernel_info_reply(reply)
            return
        if reply is not None:
            continue
        if not await client._async_is_alive():
            raise RuntimeError("Kernel died before replying to kernel_info")
    raise RuntimeError(f"Kernel didn't respond in {timeout:g} seconds")


def _insert_printed(cell: nbformat.NotebookNode, printed: object, index: int) -> None:
    """Insert the pristine checker's kept lines (``_recheck._KEPT_LINES``) as a stream output."""
    lines = [line for line in printed if isinstance(line, str)] if isinstance(printed, list) else []
    if lines:
        output = nbformat.v4.new_output("stream", name="stdout", text="\n".join(lines) + "\n")
        cell.outputs.insert(index, output)


def _pristine_score(cell: nbformat.NotebookNode, score: object, printed: object = None) -> None:
    """Make a passed test cell's result the partial credit computed on pristine libraries.

    nbgrader scores a test cell by its first error, else its first numeric result,
    else all its points. The student's kernel ran only the visible check, with
    whatever it had patched: its results are dropped, and the pristine checker's
    partial credit (``score``; None for all the points) becomes the first output.
    ``printed``: the checker's verdict lines (its success message, the items to
    revise), which the feedback reads; they come before the kernel's own output.
    """
    cell.outputs = [output for output in cell.outputs if output.output_type != "execute_result"]
    _insert_printed(cell, printed, 0)
    if isinstance(score, (int, float)) and not isinstance(score, bool):
        number = f"{float(score):g}"
        maximum = f"{float(cell.metadata.get('nbgrader', {}).get('points', 0)):g}"
        cell.outputs.insert(
            0,
            nbformat.v4.new_output(
                "execute_result",
                data={
                    "text/plain": number,
                    "text/markdown": f"**Note partielle : {number.replace('.', ',')} sur "
                    f"{maximum.replace('.', ',')} points.**",
                },
                execution_count=cell.get("execution_count"),
            ),
        )


def _cell_texts(source: str) -> list[str]:
    """Return what a code cell may leave in IPython's ``In``.

    Its text as sent and as IPython transforms it (magics), and the strings it holds
    (``get_ipython().run_cell("…")``). The pristine checker keeps only these among the
    kernel's ``In`` (``_recheck._history``): a line appended to ``In`` by code is no cell run.
    """
    from IPython.core.inputtransformer2 import TransformerManager

    texts = [source]
    try:
        transformed = TransformerManager().transform_cell(source)
    except Exception:  # IPython could not read it: the kernel could not run it either
        return texts
    texts.append(transformed)
    try:
        tree = ast.parse(transformed)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return texts
    texts += [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    return texts


def without_hidden(source: str) -> str:
    """Return a test cell's code without its hidden tests (``BEGIN``/``END HIDDEN TESTS``)."""
    kept, hidden = [], False
    for line in source.splitlines(keepends=True):
        if HIDDEN_BEGIN in line:
            hidden = True
        elif HIDDEN_END in line:
            hidden = False
        elif not hidden:
            kept.append(line)
    return "".join(kept)


def _child_error(cwd: Path) -> str:
    """Return the last line of the traceback a kernel left when it could not start."""
    try:
        lines = (cwd / ".child-error").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return "aucune trace laissée par le noyau"
    lines = [line.strip() for line in lines if line.strip()]
    return lines[-1][:300] if lines else "aucune trace laissée par le noyau"


def _error(ename: str, evalue: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_output("error", ename=ename, evalue=evalue, traceback=[f"{evalue}"])


class SandboxedExecute(Execute):
    """nbgrader's Execute, on a kernel forked from the worker's sandboxed template."""

    def preprocess(self, nb, resources, retries=None):
        """Execute the notebook; never raises for a student's fault.

        Raises
        ------
        GraderFailure
            When the grader itself failed (see :attr:`Job.grader_error`).
        """
        job = current_job()
        if job is None:  # used outside esn-teach's runner: plain nbgrader behaviour
            return super().preprocess(nb, resources, retries)
        try:
            return self._preprocess(nb, resources, job)
        except GraderFailure:
            raise
        except Exception as error:  # the grader's own failure, never the student's
            job.grader_error = job.grader_error or f"{type(error).__name__} : {error}"[:300]
            raise GraderFailure(job.grader_error) from error

    def _preprocess(
        self, nb: nbformat.NotebookNode, resources: dict, job: Job
    ) -> tuple[nbformat.NotebookNode, dict]:
        source_dir = Path(resources.get("metadata", {}).get("path") or ".")
        cwd = job.template.workdir()
        for path in source_dir.rglob("*"):
            if path.is_file() and not path.is_symlink() and path.suffix != ".ipynb":
                target = cwd / path.relative_to(source_dir)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target, follow_symlinks=False)
        (cwd / ".esn").mkdir()
        for path in [cwd, *cwd.rglob("*")]:  # the kernel runs unprivileged
            path.chmod(0o777 if path.is_dir() else 0o666)
        self._esn_cwd = cwd
        self._esn_started = False
        self._esn_executed: set[int] = set()
        self._esn_snapshots: dict[int, str] = {}
        km = job.template.start_kernel(cwd, {"NBGRADER_EXECUTION": "autograde", **_identity(job)})
        provisioner = km.provisioner
        assert isinstance(provisioner, _TemplateProvisioner) and provisioner.pid is not None
        pid = provisioner.pid

        def expire() -> None:
            job.deadline_hit = True
            job.template.kill(pid)

        watchdog = threading.Timer(job.limits.submission_timeout, expire)
        watchdog.daemon = True
        watchdog.start()
        try:
            ExecutePreprocessor.preprocess(self, nb, resources, km=km)
        except Exception as error:
            if job.deadline_hit:
                job.crash = f"durée maximale par copie dépassée ({job.limits.submission_timeout} s)"
            elif not self._esn_started:
                # No cell of the notebook ran: nothing the student wrote can be the cause.
                job.grader_error = (
                    f"le noyau n'a pas pu démarrer ({type(error).__name__} : "
                    f"{str(error)[:200]}) ; trace du noyau : {_child_error(cwd)}"
                )
            elif type(error).__name__ == "CellTimeoutError":
                job.crash = (
                    f"le noyau ne répond plus : une cellule hors délai ({self.timeout} s) "
                    "a ignoré l'interruption"
                )
            else:
                reason = job.template.stop_reason(pid)  # the sandbox's own bounds
                status = job.template.request(op="poll", pid=pid).get("status")
                code = f" (code de sortie {status})" if status is not None else ""
                job.crash = f"le noyau s'est arrêté{code} : {reason or type(error).__name__}"
                job.out_of_memory = bool(reason and "mémoire" in reason)
        finally:
            watchdog.cancel()
            if self.kc is not None:
                self.kc.stop_channels()
            job.template.kill(pid)
        if job.grader_error:
            shutil.rmtree(cwd, ignore_errors=True)
            raise GraderFailure(job.grader_error)
        self.nb = nb
        if job.crash:
            for index, cell in enumerate(nb.cells):
                if is_graded_code(cell) and index not in self._esn_executed:
                    cell.outputs.insert(0, _error(_NOT_RUN, f"Cellule non exécutée : {job.crash}"))
        try:
            self._recheck(nb, job)
            if job.keep_snapshots is not None:  # the canary: the course's data, as run
                job.keep_snapshots.mkdir(parents=True, exist_ok=True)
                for index, snapshot in self._esn_snapshots.items():
                    grade_id = nb.cells[index].metadata.nbgrader["grade_id"]
                    if Path(snapshot).is_file():
                        shutil.copyfile(snapshot, job.keep_snapshots / f"{grade_id}.pkl")
        finally:
            shutil.rmtree(cwd, ignore_errors=True)
        return nb, resources

    async def async_start_new_kernel_client(self) -> KernelClient:
        """Connect to the forked kernel and wait until it is ready, without idle waits.

        jupyter_client's ``wait_for_ready`` ends by waiting for 0.2 s of silence
        on IOPub, on every kernel. The kernel's ``idle`` status for our
        ``kernel_info`` request proves the same (IOPub connected, nothing
        pending) as soon as it arrives.
        """
        if current_job() is None:
            return await super().async_start_new_kernel_client()
        assert self.km is not None
        self.kc = self.km.client()
        # The client connects while the kernel is still binding its sockets; ZeroMQ's
        # default retry after a refused connection is 100 ms, more than the kernel
        # takes to start.
        self.kc.context.setsockopt(zmq.RECONNECT_IVL, _RECONNECT_MS)
        await ensure_async(self.kc.start_channels())
        try:
            await _wait_for_ready(self.kc, float(self.startup_timeout))
        except Exception:
            await self._async_cleanup_kernel()
            raise
        self.kc.allow_stdin = False
        await run_hook(self.on_notebook_start, notebook=self.nb)
        return self.kc

    start_new_kernel_client = run_sync(async_start_new_kernel_client)

    def output(
        self, outs: list, msg: dict, display_id: str | None, cell_index: int
    ) -> nbformat.NotebookNode | None:
        """Keep outputs within a byte budget while the notebook runs (errors always kept).

        ``LimitOutputSize`` trims outputs after execution; this keeps a flood of
        small outputs (a print in a loop) from piling up in the grader's memory.
        """
        job = current_job()
        if job is None:
            return super().output(outs, msg, display_id, cell_index)
        content = msg.get("content", {})
        kind = msg.get("msg_type")
        if kind == "error":
            traceback = content.get("traceback") or []
            content["traceback"] = [str(line)[:_MAX_LINE] for line in traceback[-_MAX_FRAMES:]]
            content["evalue"] = str(content.get("evalue", ""))[:_MAX_LINE]
            return super().output(outs, msg, display_id, cell_index)
        size = len(str(content.get("text", ""))) + sum(
            len(value) if isinstance(value, str) else len(str(value))
            for value in (content.get("data") or {}).values()
        )
        self._esn_output_bytes = getattr(self, "_esn_output_bytes", 0) + size
        if self._esn_output_bytes <= _MAX_RUN_OUTPUT:
            return super().output(outs, msg, display_id, cell_index)
        dropped: set[int] = getattr(self, "_esn_dropped", set())
        self._esn_dropped = dropped
        if cell_index not in dropped:
            dropped.add(cell_index)
            outs.append(
                nbformat.v4.new_output(
                    "stream",
                    name="stdout",
                    text=f"\n{truncation_note(size)} : sorties de la copie au-delà de "
                    f"{_MAX_RUN_OUTPUT // 1024**2} Mo non conservées\n",
                )
            )
        return None

    def preprocess_cell(self, cell, resources, index):
        """Snapshot what a test cell reads, then execute the cell as nbgrader does."""
        job = current_job()
        self._esn_started = True
        if job is not None and is_test(cell) and self.kc is not None:
            names = read_names(cell.source)
            path = str(self._esn_cwd / ".esn" / f"{index}.pkl")
            code = (
                f"exec({SNAPSHOT_CODE!r}, {{'NAMES': {names!r}, 'PATH': {path!r}, "
                "'get_ipython': get_ipython})"
            )
            try:
                self.wait_for_reply(self.kc.execute(code, silent=True, store_history=False))
                self._esn_snapshots[index] = path
            except Exception:  # the kernel died or hangs: the cell itself will tell
                pass
        full = cell.source
        if job is not None and is_test(cell):
            # Hidden tests never reach the student's kernel (a hook there could print them
            # into the feedback): they run in the pristine checker only (``_recheck``).
            cell.source = without_hidden(full)
        try:
            result = super().preprocess_cell(cell, resources, index)
        finally:
            cell.source = full
        self._esn_executed.add(index)
        return result

    def _recheck(self, nb: nbformat.NotebookNode, job: Job) -> None:
        """Re-run every passed test on pristine libraries; a test not re-checked fails."""
        tests = []
        unchecked = []
        # What the grader sent to the kernel since the previous test (``_cell_texts``); the
        # checker adds each test's to the previous ones (``_recheck.run``).
        run: list[str] = []
        given = 0  # how many of ``run`` the tests already appended carry
        for index, cell in enumerate(nb.cells):
            before = len(run)
            if cell.cell_type == "code" and index in self._esn_executed:
                run += _cell_texts(without_hidden(cell.source) if is_test(cell) else cell.source)
            if not is_test(cell):
                continue
            if any(output.output_type == "error" for output in cell.outputs):
                continue  # failed already: nothing to protect
            if index not in self._esn_snapshots:
                unchecked.append(index)
                continue
            sources, given = run[given:before], before
            grade_id = cell.metadata.nbgrader["grade_id"]
            test = {
                "grade_id": grade_id,
                "index": index,
                "source": cell.source,
                "visible": without_hidden(cell.source),
                "snapshot": self._esn_snapshots[index],
                "imports": job.imports,
                "libraries": job.libraries,
                "types": job.types,
                "trusted": job.trusted,
                "sources": sources,
            }
            reference = job.reference / f"{grade_id}.pkl" if job.reference else None
            if reference is not None and reference.is_file():
                # Copied in after the student's kernel is gone: nothing of theirs replaces it.
                copy = self._esn_cwd / ".esn" / f"reference-{index}.pkl"
                copy.unlink(missing_ok=True)
                shutil.copyfile(reference, copy)
                test["reference"] = str(copy)
            tests.append(test)
        for index in unchecked:
            self._refuse(
                nb,
                job,
                index,
                "l'instantané des valeurs lues par le test n'a pas pu être pris",
            )
        if not tests:
            return
        timeout = max(30.0, float(self.timeout or 30) * len(tests))
        # As in the copy's kernel: the checks know they grade (they name a choices answer's
        # items to revise, which the session's hint keeps unnamed; review 14 d19).
        env = {"NBGRADER_EXECUTION": "autograde", **_identity(job)}
        results = job.template.check(self._esn_cwd, tests, timeout=timeout, env=env)
        if not isinstance(results, dict):
            # The checker is the grader's: its failure must not cost the student a point.
            job.grader_error = "la vérification indépendante des tests n'a pas abouti"
            raise GraderFailure(job.grader_error)
        for test in tests:
            verdict = results.get(test["grade_id"])
            if not isinstance(verdict, dict):
                job.grader_error = (
                    f"la vérification indépendante n'a pas rendu de verdict pour "
                    f"« {test['grade_id']} »"
                )
                raise GraderFailure(job.grader_error)
            if verdict.get("status") == "hidden_failed":
                # An ordinary wrong answer that only the hidden tests catch: no flag.
                error = str(verdict.get("error", ""))
                ename, _, evalue = error.partition(": ")
                cell = nb.cells[test["index"]]
                cell.outputs.insert(0, _error(ename or "AssertionError", evalue or error))
                _insert_printed(cell, verdict.get("printed"), 1)
            elif verdict.get("status") != "passed":
                self._refuse(nb, job, test["index"], str(verdict.get("error", "")))
            else:
                _pristine_score(
                    nb.cells[test["index"]], verdict.get("score"), verdict.get("printed")
                )

    @staticmethod
    def _refuse(nb: nbformat.NotebookNode, job: Job, index: int, reason: str) -> None:
        """Take a passed test's points away (an error output) and flag the submission."""
        cell = nb.cells[index]
        grade_id = cell.metadata.nbgrader["grade_id"]
        # First: nbgrader grades from the first error or numeric result it meets.
        cell.outputs.insert(
            0,
            _error(
                _RECHECK,
                f"Ce test ne passe pas sur des bibliothèques intactes : {reason}",
            ),
        )
        job.to_examine.append(grade_id)
        job.flags.append(
            f"le test « {grade_id} » ne passe pas la vérification indépendante "
            f"(environnement modifié ou valeur non vérifiable : {reason[:120]})"
        )


class NormalizeGradeIds(NbGraderPreprocessor):
    """Put the instructor's nbgrader metadata back before ``OverwriteCells``.

    nbgrader 0.9's ``DeduplicateIds`` and ``OverwriteCells`` leave duplicated
    or unknown graded cells with nbgrader metadata but no ``grade_id``, and
    ``add_missing_cells`` then fails on them (``KeyError: 'grade_id'``); a
    known cell whose flags were changed (a test cell marked ungraded, an answer
    marked graded) makes nbgrader fail too. Unknown and duplicated cells become
    plain cells (the instructor's cell is restored by ``OverwriteCells`` like a
    deleted one); a known cell gets the released metadata back. The tampering
    itself is reported by ``cell_tampering``.
    """

    def preprocess(self, nb, resources):
        """Strip unknown and duplicated grade ids; restore the metadata of known ones."""
        job = current_job()
        known = set(job.grade_ids) if job is not None else None
        seen: set[str] = set()
        for cell in nb.cells:
            meta = cell.get("metadata", {}).get("nbgrader")
            if meta is None:
                continue
            grade_id = meta.get("grade_id")
            if not grade_id or grade_id in seen or (known is not None and grade_id not in known):
                del cell.metadata["nbgrader"]
                continue
            seen.add(grade_id)
            if job is not None and grade_id in job.metadata:
                cell.metadata["nbgrader"] = nbformat.from_dict(job.metadata[grade_id])
        return nb, resources
