"""Errors of the course pipeline, worded in French for instructors."""

from __future__ import annotations

__all__ = ["CourseError"]


class CourseError(Exception):
    """A user mistake or an invalid course: the message says what to do, in French.

    The command-line tool prints the message alone (no traceback) and exits
    with status 2.
    """
