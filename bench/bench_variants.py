"""Benchmark: grading a module's evaluated session (each student's own cases) vs its formative one.

Usage::

    .venv/bin/python bench/bench_variants.py [--module 03] [--submissions 8] [--jobs 2]

In the evaluated session each copy's hidden tests redraw that student's cases
(``checks.student_seed``) and recompute the keys, in the student's kernel and
again in the pristine re-check. This builds two temporary courses from
notebooks/, one released as formative and one as evaluated, submits the module's
solution under N identifiers to each, grades both with ``esn-teach autograde``
in the same run, and prints the time per copy of each and their ratio. Every
copy must get full marks on the autograded questions (each solution computes its
answers from its own student's cases).
"""

from __future__ import annotations

import argparse
import os
import shutil
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


def _course(tmp: Path, name: str, module: str, evaluation: bool, count: int) -> Course:
    root = tmp / name
    root.mkdir()
    shutil.copy(REPO / "grading" / "nbgrader_config.py", root / "nbgrader_config.py")
    course = Course(root, REPO / "notebooks")
    full = course.module(module).name
    course.release([full], evaluation=evaluation)
    solution = nbformat.read(course.source_path(full), as_version=4)
    for index in range(count):
        path = root / "submitted" / f"etu{index:03d}" / full / f"{full}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(solution, path)
    return course


def _grade(course: Course, module: str, jobs: int) -> float:
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    start = time.perf_counter()
    done = subprocess.run(
        [
            *(str(bin_dir / "esn-teach"), "--course", str(course.root)),
            *("--notebooks", str(REPO / "notebooks"), "autograde", module),
            *("--jobs", str(jobs), "--force"),
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        sys.exit(f"esn-teach autograde failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return time.perf_counter() - start


def _full_marks(course: Course, module: str) -> bool:
    with Gradebook(course.db_url, course.course_id) as gradebook:
        submissions = gradebook.find_assignment(module).submissions
        return bool(submissions) and all(
            grade.score == grade.max_score
            for submission in submissions
            for notebook in submission.notebooks
            for grade in notebook.grades
            if grade.auto_score is not None
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", default="03")
    parser.add_argument("--submissions", type=int, default=8)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    n = args.submissions
    with tempfile.TemporaryDirectory(prefix="bench-variants-") as tmp:
        formative = _course(Path(tmp), "formative", args.module, False, n)
        evaluated = _course(Path(tmp), "evaluated", args.module, True, n)
        module = formative.module(args.module).name
        print(f"{n} copies of {module} per session, --jobs {args.jobs}, {os.cpu_count()} CPU(s)")
        plain = _grade(formative, module, args.jobs)
        own = _grade(evaluated, module, args.jobs)
        correct = _full_marks(formative, module) and _full_marks(evaluated, module)
    print(f"formative session (common cases) : {plain:6.1f} s ({plain / n:.2f} s per copy)")
    print(f"evaluated session (own cases)    : {own:6.1f} s ({own / n:.2f} s per copy)")
    print(f"ratio evaluated / formative      : {own / plain:.2f}x (canary included in both)")
    print(f"every copy full marks            : {correct}")
    if not correct:
        sys.exit(1)


if __name__ == "__main__":
    main()
