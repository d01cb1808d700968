"""The benchmark scripts run (their figures go in closing notes, not in assertions)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_bench_modules_runs_and_reports_ratios():
    result = subprocess.run(
        [sys.executable, "bench/bench_modules.py", "01", "--repeat", "1"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["module", "full", "s", "imports"]
    assert lines[1].startswith("01_evaluer_test_diagnostique")
    assert "ThresholdExplorer" in lines[1]
    assert lines[-1].startswith("worst: time ratio")
