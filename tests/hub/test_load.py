"""Thirty students at once on this 2-core machine: every one logs in, runs module 01, submits.

The same run is bench/bench_hub.py's measure (one student alone, then the cohort): its report
is printed here and checked, so the benchmark cannot rot without this test failing.
"""

from __future__ import annotations

import pytest
from load import measure, release_module

# Alone: ``make test`` runs it after the rest of the suite, with nothing else on the machine.
# Beside the other test process it measured that process's load, not the cohort's, and
# failed when grading happened to overlap the cohort's start (CI, 5 December).
pytestmark = [pytest.mark.slow, pytest.mark.alone]

COHORT = 30


def test_thirty_students_at_once_all_succeed(hub, capsys):
    release_module(hub)
    lines, failed = measure(hub, COHORT, target=300)
    assert not failed, "\n".join(f"{run.name} : {run.error}" for run in failed)
    inbound = hub.exchange_dir / "esn-teach/inbound"
    assert len(list(inbound.glob("*+01_evaluer_test_diagnostique+*"))) >= COHORT + 1
    report = "\n".join(lines)
    assert lines[0].split()[:2] == ["measure", "alone"]
    assert lines[1].startswith("login -> kernel ready (s)")
    peak = next(line for line in lines if line.startswith("peak memory per student (MB)"))
    assert float(peak.split()[-3]) > 0  # p50 of the students' cgroup peaks
    assert f"{COHORT}/{COHORT} students succeeded" in report
    assert "memory  = N x p95 peak per student + hub = 300 x" in report
    with capsys.disabled():
        print(f"\n{report}")
