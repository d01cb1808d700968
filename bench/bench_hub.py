"""Benchmark the hub: a cohort logging in from Moodle and running module 01 at once.

Measured side by side in one run, on a real hub started on loopback (tests/hub/hub_process.py,
as root: one Unix account and cgroup per student):

- one student alone (the baseline), then ``--students`` students at once (default 30): each one
  launches from the simulated Moodle (LTI 1.3), gets a server, fetches module 01 from the
  exchange, opens a kernel, runs every code cell with the solution's answers and submits;
- per student: time from the launch to a kernel that answers (p50/p95), time to run the module,
  peak memory of all their processes (their cgroup), CPU time of all their processes;
- the ratio cohort p50 / alone, for the login-to-kernel and module times (the machine is shared
  and absolute times are noisy: the ratio is the figure);
- an extrapolation to a session of ``--target`` students (default 300), formula printed.

Usage (root): ``.venv/bin/python bench/bench_hub.py [--students 30] [--target 300]``
"""

from __future__ import annotations

import argparse
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests/hub"), str(REPO / "tests"), str(REPO)]

from hub_process import running_hub, skip_reason  # noqa: E402
from load import Run, percentile, release_module, run_cohort  # noqa: E402

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--target", type=int, default=300)
    args = parser.parse_args()
    reason = skip_reason()
    if reason:
        print(f"bench_hub skipped: {reason}")
        return 0
    with running_hub(Path(tempfile.mkdtemp(prefix="bench-hub-"))) as hub:
        release_module(hub)
        alone = run_cohort(hub, 1, label="seul")
        started = time.monotonic()
        cohort = run_cohort(hub, args.students, label="charge")
        wall = time.monotonic() - started
        cpu = {run.name: cpu_seconds(run.name) for run in (*alone, *cohort)}
        hub_mb = hub_rss_mb(hub.state / "etat/jupyterhub.pid")
    failed = [run for run in (*alone, *cohort) if not run.ok]
    for run in failed:
        print(f"FAILED {run.name}: {run.error}")
    ok: list[Run] = [run for run in cohort if run.ok]
    if not ok or not alone[0].ok:
        return 1
    ready = [run.ready_s for run in ok]
    module = [run.module_s for run in ok]
    peak = [run.peak_mb for run in ok]
    cpu_user = [cpu[run.name] for run in ok]
    print(f"{'measure':<34}{'alone':>10}{'p50':>10}{'p95':>10}{'ratio p50/alone':>18}")
    for label, solo, values in (
        ("login -> kernel ready (s)", alone[0].ready_s, ready),
        ("run module 01 (s)", alone[0].module_s, module),
        ("peak memory per student (MB)", alone[0].peak_mb, peak),
        ("CPU per student, all procs (s)", cpu[alone[0].name], cpu_user),
    ):
        p50, p95 = percentile(values, 50), percentile(values, 95)
        print(f"{label:<34}{solo:>10.1f}{p50:>10.1f}{p95:>10.1f}{p50 / solo:>18.2f}")
    print(
        f"{len(ok)}/{args.students} students succeeded at once in {wall:.0f} s of wall time "
        f"on {len(os.sched_getaffinity(0))} cores; hub + proxy RSS {hub_mb:.0f} MB"
    )
    m95, c50 = percentile(peak, 95), percentile(cpu_user, 50)
    n = args.target
    memory_gb = (n * m95 + hub_mb) / 1024
    cores = n * c50 / START_WINDOW_S
    print(
        f"extrapolation to {n} students (all in the same session, every one running the module):\n"
        f"  memory  = N x p95 peak per student + hub = {n} x {m95:.0f} MB + {hub_mb:.0f} MB"
        f" = {memory_gb:.1f} GB (+ 20 % for the system: {memory_gb * 1.2:.0f} GB)\n"
        f"  cores   = N x p50 CPU per student / start window = {n} x {c50:.1f} s / "
        f"{START_WINDOW_S} s = {cores:.1f} -> {math.ceil(cores * 1.5)} cores with 50 % headroom\n"
        f"  (start window: the class starts the module within {START_WINDOW_S // 60} minutes; "
        "the rest of the hour is reading and widgets, far below this peak)"
    )
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main())
