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
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests/hub"), str(REPO / "tests"), str(REPO)]

from hub_process import running_hub, skip_reason  # noqa: E402
from load import measure, release_module  # noqa: E402


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
        lines, failed = measure(hub, args.students, target=args.target)
    print("\n".join(lines))
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main())
