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
  only passed thanks to a monkeypatch gets an error output and the submission
  is flagged.

Everything else (timeouts per cell, error outputs, what counts as a failed
test) is nbgrader's own code, so scores equal plain ``nbgrader autograde``.
"""

from __future__ import annotations

import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbconvert.preprocessors import ExecutePreprocessor
from nbgrader.preprocessors import Execute, NbGraderPreprocessor

from esn_teach.grading._integrity import read_names
from esn_teach.grading._recheck import SNAPSHOT_CODE
from esn_teach.grading._sandbox import Limits, Template

__all__ = ["Job", "NormalizeGradeIds", "SandboxedExecute", "current_job"]

_CONTEXT = threading.local()
_NOT_RUN = "CelluleNonExecutee"
_RECHECK = "VerificationIndependante"


@dataclass
class Job:
    """What the execute preprocessor needs and reports for one submission."""

    template: Template
    limits: Limits
    owned: list[str]
    grade_ids: list[str] = field(default_factory=list)
    modules: dict[str, str] = field(default_factory=dict)
    libraries: list[str] = field(default_factory=list)
    crash: str | None = None
    deadline_hit: bool = False
    flags: list[str] = field(default_factory=list)


def current_job(job: Job | None = None) -> Job | None:
    """Set (when given) and return the job of the calling worker thread."""
    if job is not None:
        _CONTEXT.job = job
    return getattr(_CONTEXT, "job", None)


def _is_test(cell: nbformat.NotebookNode) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {}) or {}
    return bool(meta.get("grade")) and not meta.get("solution") and cell.cell_type == "code"


def _is_graded_code(cell: nbformat.NotebookNode) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {}) or {}
    return bool(meta.get("grade")) and cell.cell_type == "code"


def _error(ename: str, evalue: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_output("error", ename=ename, evalue=evalue, traceback=[f"{evalue}"])


class SandboxedExecute(Execute):
    """nbgrader's Execute, on a kernel forked from the worker's sandboxed template."""

    def preprocess(self, nb, resources, retries=None):  # type: ignore[override]
        """Execute the notebook; never raises for a student's fault."""
        job = current_job()
        if job is None:  # used outside esn-teach's runner: plain nbgrader behaviour
            return super().preprocess(nb, resources, retries)
        source_dir = Path(resources.get("metadata", {}).get("path") or ".")
        cwd = job.template.workdir()
        for path in source_dir.rglob("*"):
            if path.is_file() and path.suffix != ".ipynb":
                target = cwd / path.relative_to(source_dir)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(path, target)
        (cwd / ".esn").mkdir()
        for path in [cwd, *cwd.rglob("*")]:  # the kernel runs unprivileged
            path.chmod(0o777 if path.is_dir() else 0o666)
        self._esn_cwd = cwd
        self._esn_executed: set[int] = set()
        self._esn_snapshots: dict[int, str] = {}
        km = job.template.start_kernel(cwd, {"NBGRADER_EXECUTION": "autograde"})
        pid = km.provisioner.pid

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
            elif type(error).__name__ == "CellTimeoutError":
                job.crash = (
                    f"le noyau ne répond plus : une cellule hors délai ({self.timeout} s) "
                    "a ignoré l'interruption"
                )
            else:
                status = job.template.request(op="poll", pid=pid).get("status")
                code = f" (code de sortie {status})" if status is not None else ""
                job.crash = f"le noyau s'est arrêté{code} : {type(error).__name__}"
        finally:
            watchdog.cancel()
            if self.kc is not None:
                self.kc.stop_channels()
            job.template.kill(pid)
        self.nb = nb
        if job.crash:
            for index, cell in enumerate(nb.cells):
                if _is_graded_code(cell) and index not in self._esn_executed:
                    cell.outputs.append(_error(_NOT_RUN, f"Cellule non exécutée : {job.crash}"))
        self._recheck(nb, job)
        shutil.rmtree(cwd, ignore_errors=True)
        return nb, resources

    def preprocess_cell(self, cell, resources, index):  # type: ignore[override]
        """Snapshot what a test cell reads, then execute the cell as nbgrader does."""
        job = current_job()
        if job is not None and _is_test(cell) and self.kc is not None:
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
        result = super().preprocess_cell(cell, resources, index)
        self._esn_executed.add(index)
        return result

    def _recheck(self, nb: nbformat.NotebookNode, job: Job) -> None:
        tests = []
        for index, cell in enumerate(nb.cells):
            if not _is_test(cell) or index not in self._esn_snapshots:
                continue
            if any(output.output_type == "error" for output in cell.outputs):
                continue  # failed already: nothing to protect
            grade_id = cell.metadata.nbgrader["grade_id"]
            tests.append(
                {
                    "grade_id": grade_id,
                    "index": index,
                    "source": cell.source,
                    "snapshot": self._esn_snapshots[index],
                    "owned": job.owned,
                    "modules": job.modules,
                    "libraries": job.libraries,
                }
            )
        if not tests:
            return
        timeout = max(30.0, float(self.timeout or 30) * len(tests))
        results = job.template.check(self._esn_cwd, tests, timeout=timeout) or {}
        for test in tests:
            verdict = results.get(test["grade_id"]) or {
                "status": "failed",
                "error": "la vérification indépendante n'a pas abouti",
            }
            if verdict["status"] != "failed":
                continue
            cell = nb.cells[test["index"]]
            cell.outputs.append(
                _error(
                    _RECHECK,
                    f"Ce test ne passe pas sur des bibliothèques intactes : {verdict['error']}",
                )
            )
            job.flags.append(
                f"le test « {test['grade_id']} » ne passait que grâce à une modification "
                f"de l'environnement ({verdict['error'][:120]})"
            )


class NormalizeGradeIds(NbGraderPreprocessor):
    """Turn duplicated and unknown graded cells into plain cells before ``OverwriteCells``.

    nbgrader 0.9's ``DeduplicateIds`` and ``OverwriteCells`` leave such cells
    with nbgrader metadata but no ``grade_id``, and ``add_missing_cells`` then
    fails on them (``KeyError: 'grade_id'``). Stripped here, the instructor's
    cell is restored by ``OverwriteCells`` like a deleted one; the tampering is
    reported by ``cell_tampering``.
    """

    def preprocess(self, nb, resources):  # type: ignore[override]
        """Strip the nbgrader metadata of later duplicates and of unknown grade ids."""
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
        return nb, resources
