"""Benchmark: plain ``nbgrader autograde`` vs ``esn-teach autograde`` on the same submissions.

Usage::

    .venv/bin/python bench/bench_autograde.py [--submissions 40] [--jobs 2] [--module 01]

Builds a temporary course from notebooks/, submits N copies (solution, blank and
mistaken versions), grades them all with plain nbgrader (one process, one
submission at a time), then with esn-teach (warm sandboxed kernels, --jobs worker
processes, the canary included), in the same run. Checks that every grade is
identical, and prints the throughput ratio measured side by side, the
per-submission floor, submissions per core-hour and the extrapolated time for a
5,000-student cohort on a 16-core server.
"""

from __future__ import annotations

import argparse
import copy
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from esn_teach.course import Course  # noqa: E402
from esn_teach.grading import results_path  # noqa: E402
from esn_teach.grading._outcomes import read_results  # noqa: E402


def _submissions(course: Course, module: str, count: int) -> None:
    source = course.module(module)
    solution = nbformat.read(course.source_path(module), as_version=4)
    released = nbformat.read(course.release_path(module), as_version=4)
    variants = [solution, released]
    for mistake in source.wrong_answers:
        notebook = copy.deepcopy(solution)
        for cell in notebook.cells:
            if cell.metadata.get("nbgrader", {}).get("grade_id") == mistake.answer:
                cell.source = mistake.code
        variants.append(notebook)
    for index in range(count):
        path = course.root / "submitted" / f"etu{index:03d}" / module / f"{module}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(variants[index % len(variants)], path)


def _grades(course: Course, module: str) -> dict[tuple[str, str], float]:
    with Gradebook(course.db_url, course.course_id) as gradebook:
        return {
            (submission.student.id, grade.name): float(grade.score)
            for submission in gradebook.find_assignment(module).submissions
            for notebook in submission.notebooks
            for grade in notebook.grades
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--module", default="01")
    args = parser.parse_args()

    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    with tempfile.TemporaryDirectory(prefix="bench-autograde-") as tmp:
        root = Path(tmp) / "grading"
        root.mkdir()
        shutil.copy(REPO / "grading" / "nbgrader_config.py", root / "nbgrader_config.py")
        course = Course(root, REPO / "notebooks")
        module = course.module(args.module).name
        course.build([module], validate=False)
        course.release([module])
        _submissions(course, module, args.submissions)
        n = args.submissions
        print(f"{n} submissions of {module}, {os.cpu_count()} CPU(s)")

        start = time.perf_counter()
        subprocess.run(
            [str(bin_dir / "nbgrader"), "autograde", module, "--force"],
            cwd=root,
            env=env,
            check=True,
            capture_output=True,
        )
        plain = time.perf_counter() - start
        plain_grades = _grades(course, module)

        start = time.perf_counter()
        subprocess.run(
            [
                *(str(bin_dir / "esn-teach"), "--course", str(root)),
                *("--notebooks", str(REPO / "notebooks"), "autograde", module),
                *("--jobs", str(args.jobs), "--force"),
            ],
            env=env,
            check=True,
            capture_output=True,
        )
        ours = time.perf_counter() - start
        our_grades = _grades(course, module)
        results = read_results(results_path(root, module))

    same = plain_grades == our_grades and len(plain_grades) > 0
    floor = statistics.median(r.seconds for r in results) if results else float("nan")
    print(f"plain nbgrader autograde      : {plain:7.1f} s  ({plain / n:.2f} s per submission)")
    print(
        f"esn-teach autograde --jobs {args.jobs} : {ours:7.1f} s  ({ours / n:.2f} s per "
        "submission, sandboxed, integrity re-check included)"
    )
    print(f"throughput ratio              : {plain / ours:.2f}x")
    print(
        f"per-submission floor          : {floor:.2f} s (median time of one submission on a "
        "warm worker)"
    )
    cores = min(args.jobs, os.cpu_count() or 1)
    per_core_hour = n / (ours * cores) * 3600
    cohort_hours = 5000 / (per_core_hour * 16)
    print(
        f"throughput                    : {per_core_hour:.0f} submissions per core-hour "
        f"({cores} core(s) busy; canary included)"
    )
    print(
        f"5,000 students, 16-core server: {cohort_hours * 60:.0f} min per module "
        "(linear extrapolation from this run, --jobs 16)"
    )
    print(f"grades identical              : {same} ({len(plain_grades)} grades compared)")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
