"""Simulated students using the hub at once (tests/hub/test_load.py, bench/bench_hub.py).

Each student does what a session asks of them, through the hub's and their server's REST APIs:
the Moodle launch (LTI 1.3), their server starting, module 01 fetched from the exchange, a kernel
opened, every code cell of the module run with the solution's answers, the copy submitted.
"""

from __future__ import annotations

import json
import math
import os
import statistics
import subprocess
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
        # On the 2-core test machine, beside the other test process, the last kernels wait for
        # the CPU the others spend running module 01 (about 15 s each): the wait covers the
        # whole cohort's run; how long it took is the bench's login -> kernel figure.
        student.wait_alive(kernel, timeout=900)
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
            timeout=600,
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


#: Window in which a class starts the module together (the first minutes of the session).
START_WINDOW_S = 300


def cpu_seconds(user: str) -> float:
    """CPU time (user + system) of all of ``user``'s live processes, in seconds."""
    out = subprocess.run(
        ["ps", "-u", user, "-o", "cputimes="], capture_output=True, text=True
    ).stdout
    return float(sum(int(value) for value in out.split()))


def hub_rss_mb(hub_pid_file: Path) -> float:
    """Resident memory of the hub process and its proxy, in MB."""
    total = 0.0
    for pid_file in (hub_pid_file, hub_pid_file.with_name("proxy.pid")):
        try:
            pid = int(pid_file.read_text())
            status = Path(f"/proc/{pid}/status").read_text()
        except (OSError, ValueError):
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) / 1024
    return total


def measure(hub: Hub, students: int, *, target: int) -> tuple[list[str], list[Run]]:
    """One student alone, then ``students`` at once, module 01 released; the report's lines
    (bench/bench_hub.py prints them) and the runs that failed."""
    alone = run_cohort(hub, 1, label="seul")
    started = time.monotonic()
    cohort = run_cohort(hub, students, label="charge")
    wall = time.monotonic() - started
    cpu = {run.name: cpu_seconds(run.name) for run in (*alone, *cohort)}
    hub_mb = hub_rss_mb(hub.state / "etat/jupyterhub.pid")
    failed = [run for run in (*alone, *cohort) if not run.ok]
    lines = [f"FAILED {run.name}: {run.error}" for run in failed]
    ok: list[Run] = [run for run in cohort if run.ok]
    if not ok or not alone[0].ok:
        return lines, failed
    ready = [run.ready_s for run in ok]
    module = [run.module_s for run in ok]
    peak = [run.peak_mb for run in ok]
    cpu_user = [cpu[run.name] for run in ok]
    lines.append(f"{'measure':<34}{'alone':>10}{'p50':>10}{'p95':>10}{'ratio p50/alone':>18}")
    for label, solo, values in (
        ("login -> kernel ready (s)", alone[0].ready_s, ready),
        ("run module 01 (s)", alone[0].module_s, module),
        ("peak memory per student (MB)", alone[0].peak_mb, peak),
        ("CPU per student, all procs (s)", cpu[alone[0].name], cpu_user),
    ):
        p50, p95 = percentile(values, 50), percentile(values, 95)
        lines.append(f"{label:<34}{solo:>10.1f}{p50:>10.1f}{p95:>10.1f}{p50 / solo:>18.2f}")
    lines.append(
        f"{len(ok)}/{students} students succeeded at once in {wall:.0f} s of wall time "
        f"on {len(os.sched_getaffinity(0))} cores; hub + proxy RSS {hub_mb:.0f} MB"
    )
    m95, c50 = percentile(peak, 95), percentile(cpu_user, 50)
    memory_gb = (target * m95 + hub_mb) / 1024
    cores = target * c50 / START_WINDOW_S
    lines.append(
        f"extrapolation to {target} students (all in the same session, every one running the "
        f"module):\n"
        f"  memory  = N x p95 peak per student + hub = {target} x {m95:.0f} MB + {hub_mb:.0f} MB"
        f" = {memory_gb:.1f} GB (+ 20 % for the system: {memory_gb * 1.2:.0f} GB)\n"
        f"  cores   = N x p50 CPU per student / start window = {target} x {c50:.1f} s / "
        f"{START_WINDOW_S} s = {cores:.1f} -> {math.ceil(cores * 1.5)} cores with 50 % headroom\n"
        f"  (start window: the class starts the module within {START_WINDOW_S // 60} minutes; "
        "the rest of the hour is reading and widgets, far below this peak)"
    )
    return lines, failed
