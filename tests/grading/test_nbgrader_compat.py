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


@pytest.mark.slow
def test_the_gradebook_version_read_in_process_is_the_alembic_commands(tmp_path: Path):
    """esn-teach reads nbgrader's schema version with alembic's API (nbgrader runs the
    ``alembic`` command each time it opens a gradebook): the same version, and a gradebook
    it creates is one that nbgrader opens as up to date."""
    import nbgrader.api

    import esn_teach.course  # noqa: F401  (installs the in-process reader)

    with nbgrader.api._temp_alembic_ini("sqlite:////tmp/gradebook.db") as ini:
        command = _run("alembic", "-c", ini, "heads", cwd=tmp_path)
    assert command.returncode == 0, command.stderr
    assert nbgrader.api.get_alembic_version() == command.stdout.split()[0]
    url = f"sqlite:///{tmp_path / 'gradebook.db'}"
    with nbgrader.api.Gradebook(url) as gradebook:
        gradebook.add_student("s1")
    with nbgrader.api.Gradebook(url) as gradebook:
        assert [s.id for s in gradebook.students] == ["s1"]
