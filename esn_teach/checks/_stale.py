"""Answers whose cell stopped on an error before assigning them: checks do not judge them.

A student edits an answer, makes an error (a text without its quotes, a misspelt name) and
runs the verification again: the variable still holds the previous answer, which the check
would judge — « ✔ Correct » for an answer no longer on screen, or a message about another
one. After each cell, the kernel notes the names the cell assigns at its top level and that
still hold, after an error, the object they held before it (a name that held nothing is left
to Python's own error); the checks refuse to judge those until the cell runs without error
(:func:`esn_teach.checks.require_attempted`; a value still ``...`` keeps its own message).

Nothing is noted while nbgrader validates or grades a notebook (``NBGRADER_EXECUTION``):
there, each answer comes from the one run being graded.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from IPython.core.interactiveshell import InteractiveShell

__all__ = ["assigned_names", "unassigned_after_error", "watch_answer_cells"]

#: ``name = …`` (or ``name: type = …``) at the start of a line: the cell's answers.
_ASSIGNMENT = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*(?::[^=\n]*)?=(?!=)", re.MULTILINE)

_MISSING = object()

#: Names whose last cell stopped on an error before assigning them (this kernel only).
_STALE: set[str] = set()

_WATCHED = "_esn_teach_watches_answers"


def assigned_names(source: str) -> list[str]:
    """Return the names ``source`` assigns at the start of a line, in order, without repeats.

    Parameters
    ----------
    source : str
        A cell's code (it may not parse: a syntax error is what is being watched for).

    Returns
    -------
    list of str
    """
    return list(dict.fromkeys(_ASSIGNMENT.findall(source)))


def unassigned_after_error(name: str) -> bool:
    """Whether the last cell meant to assign ``name`` stopped on an error before doing so.

    Parameters
    ----------
    name : str
        The answer's variable.

    Returns
    -------
    bool
    """
    return name in _STALE


def watch_answer_cells(shell: InteractiveShell) -> None:
    """Note, after each cell of ``shell``, the answers an error left unassigned.

    Installing twice does not stack.

    Parameters
    ----------
    shell : IPython.core.interactiveshell.InteractiveShell
        The running shell.
    """
    if getattr(shell, _WATCHED, False):
        return
    before: dict[str, Any] = {}

    def pre_run_cell(info: Any) -> None:
        before.clear()
        for name in assigned_names(getattr(info, "raw_cell", "") or ""):
            before[name] = shell.user_ns.get(name, _MISSING)

    def post_run_cell(result: Any) -> None:
        if os.environ.get("NBGRADER_EXECUTION"):
            before.clear()
            return
        failed = result.error_before_exec is not None or result.error_in_exec is not None
        for name, old in before.items():
            if failed and old is not _MISSING and shell.user_ns.get(name, _MISSING) is old:
                _STALE.add(name)
            else:
                _STALE.discard(name)
        before.clear()

    shell.events.register("pre_run_cell", pre_run_cell)
    shell.events.register("post_run_cell", post_run_cell)
    setattr(shell, _WATCHED, True)
