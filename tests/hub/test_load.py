"""Thirty students at once on this 2-core machine: every one logs in, runs module 01, submits."""

from __future__ import annotations

import pytest
from load import release_module, run_cohort

pytestmark = pytest.mark.slow

COHORT = 30


def test_thirty_students_at_once_all_succeed(hub):
    release_module(hub)
    runs = run_cohort(hub, COHORT)
    failed = [f"{run.name} : {run.error}" for run in runs if not run.ok]
    assert not failed, "\n".join(failed)
    inbound = hub.exchange_dir / "esn-teach/inbound"
    assert len(list(inbound.glob("*+01_evaluer_test_diagnostique+*"))) >= COHORT
    assert all(run.peak_mb > 0 for run in runs)
