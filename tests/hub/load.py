"""Simulated students using the hub at once (tests/hub/test_load.py, bench/bench_hub.py).

Each student does what a session asks of them, through the hub's and their server's REST APIs:
the Moodle launch (LTI 1.3), their server starting, module 01 fetched from the exchange, a kernel
opened, every code cell of the module run with the solution's answers, the copy submitted.
"""

from __future__ import annotations

import json
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat
import requests
from hub_process import Hub
from kernels import Student
from lti_platform import LEARNER

MODULE = "01_evaluer_test_diagnostique"
NOTEBOOK = f"{MODULE}/{MODULE}.ipynb"


@dataclass
class Run:
    """One simulated student's session."""

    name: str
    ok: bool
    error: str = ""
    ready_s: float = 0.0  # from the Moodle launch to a kernel that answers
    module_s: float = 0.0  # running every code cell of module 01
    cpu_s: float = 0.0  # CPU time of the kernel (user + system)
    peak_mb: float = 0.0  # peak memory of all the student's processes (cgroup)


def release_module(hub: Hub) -> None:
    """The instructor builds module 01 and puts it in the exchange."""
    for step in (("build", "01", "--no-validate"), ("release", "01", "--exchange")):
        done = hub.as_grader(*step)
        assert done.returncode == 0, done.stdout + done.stderr


def memory_peak_mb(user: str, root: Path = Path("/sys/fs/cgroup")) -> float:
    """Peak memory of ``user``'s processes since their limits were created, in MB."""
    for path in (
        root / "esn-teach" / user / "memory.peak",
        root / "memory/esn-teach" / user / "memory.max_usage_in_bytes",
    ):
        if path.exists():
            return int(path.read_text()) / 1024**2
    return float("nan")


def _answered(hub: Hub, released: dict) -> dict:
    solution = nbformat.read(
        hub.course_dir / "grading/source" / MODULE / f"{MODULE}.ipynb", as_version=4
    )
    answers = {
        cell.metadata["nbgrader"]["grade_id"]: cell.source
        for cell in solution.cells
        if cell.metadata.get("nbgrader", {}).get("solution")
    }
    notebook = nbformat.from_dict(released)
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell.source = answers[grade_id]
    return json.loads(nbformat.writes(notebook))


def one_student(hub: Hub, label: str) -> Run:
    person = hub.person(LEARNER, label)
    name = f"moodle-{person.sub}"
    started = time.monotonic()
    try:
        session = requests.Session()
        response = hub.platform.launch(session, hub.url, person)
        response.raise_for_status()
        hub.wait_ready(session, name, timeout=600)
        student = Student(hub.url, name, session)
        kernel = student.new_kernel()
        student.wait_alive(kernel, timeout=300)
        ready = time.monotonic() - started
        fetched = student.action("fetch", MODULE)
        if not fetched.get("success"):
            return Run(name, False, f"récupération refusée : {fetched}"[:800])
        notebook = _answered(hub, student.read(NOTEBOOK)["content"])
        student.write_notebook(NOTEBOOK, notebook)
        begin = time.monotonic()
        for cell in notebook["cells"]:
            if cell["cell_type"] != "code":
                continue
            source = cell["source"]
            source = "".join(source) if isinstance(source, list) else source
            result = student.execute(kernel, source, timeout=600)
            if result.status != "ok":
                errors = [m["content"] for m in result.messages if m["msg_type"] == "error"]
                return Run(name, False, f"cellule en échec ({result.status}) : {errors}"[:500])
        module = time.monotonic() - begin
        usage = student.execute(
            kernel,
            "import resource as _r; _u = _r.getrusage(_r.RUSAGE_SELF); "
            "print(_u.ru_utime + _u.ru_stime)",
        )
        submitted = student.action("submit", MODULE)
        if not submitted.get("success"):
            return Run(name, False, f"dépôt refusé : {submitted}"[:500])
        return Run(
            name,
            True,
            ready_s=ready,
            module_s=module,
            cpu_s=float(usage.text.strip()),
            peak_mb=memory_peak_mb(name),
        )
    except Exception as error:  # a failed student is a result, not a crash of the cohort
        return Run(name, False, f"{type(error).__name__}: {error}"[:500])


def run_cohort(hub: Hub, size: int, *, label: str = "charge") -> list[Run]:
    """``size`` students at once; returns each one's session."""
    with ThreadPoolExecutor(max_workers=size) as pool:
        return list(pool.map(lambda i: one_student(hub, f"{label}{i:03d}"), range(size)))


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0–100), by linear interpolation (as numpy's default)."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    return statistics.quantiles(ordered, n=100, method="inclusive")[round(q) - 1]
