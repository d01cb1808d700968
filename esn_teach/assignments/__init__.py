"""« Mes devoirs »: the students' page for nbgrader's exchange, in French.

A Jupyter server extension (``jpserver_extensions: {"esn_teach.assignments": true}``, set for
students in ``etc/jupyter-etudiant``): the page at ``<base_url>esn-teach/devoirs`` lists the
modules released to the course's exchange, fetches them, hands copies in and fetches the
feedback, through nbgrader's own assignment-list manager.
"""

from __future__ import annotations

from typing import Any

from esn_teach.assignments._listing import (
    DUE_DATES_FILE,
    PAGE_PATH,
    PARIS,
    Assignment,
    Submission,
    assignments_from_listing,
    explain_failure,
    paris_time,
    read_due_dates,
    write_due_date,
)

__all__ = [
    "DUE_DATES_FILE",
    "PAGE_PATH",
    "PARIS",
    "Assignment",
    "Submission",
    "assignments_from_listing",
    "explain_failure",
    "paris_time",
    "read_due_dates",
    "write_due_date",
]


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "esn_teach.assignments"}]


def _load_jupyter_server_extension(serverapp: Any) -> None:
    # Imported here: the listing logic stays importable without a Jupyter server.
    from esn_teach.assignments._page import setup_page

    setup_page(serverapp)
