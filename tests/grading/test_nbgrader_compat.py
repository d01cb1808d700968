"""Instructors who know nbgrader keep their habits on the generated course."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from esn_fixtures import MODULE_NAMES, GradedCourse

BIN = Path(sys.executable).parent


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run(
        [str(BIN / args[0]), *args[1:]],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.slow
def test_plain_nbgrader_commands_work_in_the_course_folder(graded_course: GradedCourse):
    name = MODULE_NAMES[0]
    graded_course.ready(name)
    listing = _run("nbgrader", "db", "assignment", "list", cwd=graded_course.root)
    assert listing.returncode == 0, listing.stderr
    assert name in listing.stdout
    before = graded_course.course.grades(name, "partial").score
    result = _run(
        "nbgrader", "autograde", name, "--student", "partial", "--force", cwd=graded_course.root
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert graded_course.course.grades(name, "partial").score == before


@pytest.mark.slow  # starts `jupyter server extension list` (6 s): make test, not make check
def test_formgrader_is_enabled():
    result = _run("jupyter", "server", "extension", "list", cwd=Path.cwd())
    listing = result.stdout + result.stderr
    assert "nbgrader.server_extensions.formgrader" in listing
    line = next(
        line for line in listing.splitlines() if "nbgrader.server_extensions.formgrader" in line
    )
    assert "enabled" in line
