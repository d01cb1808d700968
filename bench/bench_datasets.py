"""Time each dataset generator on 1,000,000 rows.

Run as ``.venv/bin/python bench/bench_datasets.py``. For each generator, prints the
median wall time of a few runs, and its ratio to a reference operation measured in
the same run (``numpy.random.default_rng(0).normal(size=(1_000_000, 8))``), which
is more stable than raw seconds on a shared machine. Target: <= 2 s per generator.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import numpy as np

from esn_teach.datasets import (
    make_cost_vs_need_cohort,
    make_egfr_cohort,
    make_french_registry,
    make_pulse_oximetry,
    make_readmission_cohort,
    make_sepsis_hospitals,
    make_skin_lesions,
    make_voter_list,
)

N_ROWS = 1_000_000
TARGET_SECONDS = 2.0


def _median_time(func: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=N_ROWS, help="rows per generator")
    parser.add_argument("--repeats", type=int, default=3, help="runs per generator (median)")
    args = parser.parse_args()
    n = args.rows

    registry = make_french_registry(n_samples=n, random_state=0).frame
    generators: dict[str, Callable[[], object]] = {
        "make_cost_vs_need_cohort": lambda: make_cost_vs_need_cohort(n_samples=n, random_state=0),
        "make_pulse_oximetry": lambda: make_pulse_oximetry(n_samples=n, random_state=0),
        "make_readmission_cohort": lambda: make_readmission_cohort(n_samples=n, random_state=0),
        "make_egfr_cohort": lambda: make_egfr_cohort(n_samples=n, random_state=0),
        "make_sepsis_hospitals": lambda: make_sepsis_hospitals(n_samples=n, random_state=0),
        "make_french_registry": lambda: make_french_registry(n_samples=n, random_state=0),
        # overlap 1.0 with n_others = 0 lists every adult of the n-row registry
        "make_voter_list": lambda: make_voter_list(
            registry, overlap=1.0, n_others=0, random_state=0
        ),
        "make_skin_lesions": lambda: make_skin_lesions(n_samples=n, random_state=0),
    }

    reference = _median_time(
        lambda: np.random.default_rng(0).normal(size=(1_000_000, 8)), args.repeats
    )
    print(f"rows per generator: {n:,}; median of {args.repeats} runs")
    print(f"reference: default_rng(0).normal(size=(1_000_000, 8)) = {reference:.3f} s")
    print()
    header = f"{'generator':<28} {'seconds':>8} {'x reference':>12} {'<= 2 s':>7}"
    print(header)
    print("-" * len(header))
    for name, func in generators.items():
        seconds = _median_time(func, args.repeats)
        ok = "yes" if seconds <= TARGET_SECONDS else "NO"
        print(f"{name:<28} {seconds:>8.3f} {seconds / reference:>12.1f} {ok:>7}")


if __name__ == "__main__":
    main()
