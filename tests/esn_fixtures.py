"""Helpers shared by the tests: the course layout, the CLI in-process, submissions.

Imported by test modules (``from esn_fixtures import cli``); pytest fixtures
live in conftest.py, which uses these helpers.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from esn_teach.cli import main
from esn_teach.course import Course, ModuleSource, find_modules

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
MODULE_PATHS = find_modules(NOTEBOOKS)
if os.environ.get("ESN_TEACH_MODULES"):
    # While writing one module: ESN_TEACH_MODULES=03,04 pytest tests/modules
    _wanted = os.environ["ESN_TEACH_MODULES"].split(",")
    MODULE_PATHS = [p for p in MODULE_PATHS if any(p.stem.startswith(w) for w in _wanted)]
MODULE_NAMES = [path.stem for path in MODULE_PATHS]


def make_course(root: Path) -> Path:
    """Create an empty nbgrader course at ``root`` with the project's configuration."""
    root.mkdir(parents=True)
    shutil.copy(REPO / "grading" / "nbgrader_config.py", root / "nbgrader_config.py")
    return root


def cli(course: Path, *args: str, notebooks: Path = NOTEBOOKS) -> int:
    """Run ``esn-teach`` in-process on a course."""
    return main(["--course", str(course), "--notebooks", str(notebooks), *args])


def submit(course: Path, student: str, module: str, notebook: nbformat.NotebookNode) -> Path:
    """Place a student's notebook where nbgrader expects submissions."""
    path = course / "submitted" / student / module / f"{module}.ipynb"
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, path)
    return path


def answer_cell(notebook: nbformat.NotebookNode, answer: str) -> nbformat.NotebookNode:
    """The answer cell ``answer`` of a notebook."""
    for cell in notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == answer:
            return cell
    raise KeyError(answer)


def test_cell(notebook: nbformat.NotebookNode, answer: str) -> nbformat.NotebookNode:
    """The autograder-tests cell of ``answer``."""
    return answer_cell(notebook, f"{answer}_tests")


test_cell.__test__ = False  # a helper, not a pytest test


def error_text(cell: nbformat.NotebookNode) -> str:
    """Everything a cell printed, errors included, as one string."""
    parts = []
    for output in cell.get("outputs", []):
        if output.output_type == "error":
            parts.extend([output.ename, output.evalue, *output.traceback])
        elif output.output_type == "stream":
            parts.append(output.text)
    return "\n".join(parts)


@dataclass
class GradedModule:
    """One module graded for the synthetic students of the test suite."""

    source: ModuleSource
    released: nbformat.NotebookNode
    mistake_rounds: int
    students: list[str] = field(default_factory=list)


@dataclass
class GradedCourse:
    """The temporary course and what was done to it."""

    root: Path
    course: Course
    modules: dict[str, GradedModule]

    def autograded(self, student: str, module: str) -> nbformat.NotebookNode:
        path = self.root / "autograded" / student / module / f"{module}.ipynb"
        return nbformat.read(path, as_version=4)
