"""What a cell is for nbgrader, on trusted and hostile notebooks alike.

nbgrader's own predicates (:func:`nbgrader.utils.is_grade`, ``is_solution``,
``is_locked``) read ``cell.metadata["nbgrader"]`` and fail when a submission
replaces it by something other than a mapping. These wrappers give them a
clean view of the metadata first: the grader never crashes on a forged cell,
and the integrity checks (which compare the copy with the release) name it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import nbformat
from nbgrader import utils

__all__ = [
    "grade_id",
    "is_graded",
    "is_graded_code",
    "is_locked",
    "is_solution",
    "is_test",
    "nbgrader_meta",
]


def nbgrader_meta(cell: Mapping[str, Any]) -> dict[str, Any]:
    """Return the cell's nbgrader metadata, ``{}`` when absent or not a mapping."""
    metadata = cell.get("metadata")
    meta = metadata.get("nbgrader") if isinstance(metadata, Mapping) else None
    return dict(meta) if isinstance(meta, Mapping) else {}


def _view(cell: Mapping[str, Any]) -> nbformat.NotebookNode:
    return nbformat.from_dict({"metadata": {"nbgrader": nbgrader_meta(cell)}})


def grade_id(cell: Mapping[str, Any]) -> str | None:
    """Return the cell's nbgrader ``grade_id`` (``None`` when it has none)."""
    value = nbgrader_meta(cell).get("grade_id")
    return str(value) if value else None


def is_solution(cell: Mapping[str, Any]) -> bool:
    """Whether nbgrader treats the cell as an answer cell."""
    return bool(utils.is_solution(_view(cell)))


def is_locked(cell: Mapping[str, Any]) -> bool:
    """Whether nbgrader restores the cell from the release (read-only, tests included)."""
    return bool(utils.is_locked(_view(cell)))


def is_graded(cell: Mapping[str, Any]) -> bool:
    """Whether nbgrader records a grade for the cell: a grade cell (code or written) or a task."""
    view = _view(cell)
    return bool(utils.is_grade(view) or utils.is_task(view))


def is_graded_code(cell: Mapping[str, Any]) -> bool:
    """Whether the cell is code worth points: a test cell or an autograded answer."""
    return cell.get("cell_type") == "code" and bool(utils.is_grade(_view(cell)))


def is_test(cell: Mapping[str, Any]) -> bool:
    """Whether the cell is a test cell: code worth points that the student does not write."""
    return is_graded_code(cell) and not is_solution(cell)
