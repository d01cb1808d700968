"""« Mes devoirs »: nbgrader's listing in French terms (no server: the page's logic alone)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import nbformat
import pytest

from esn_teach.assignments import (
    DUE_DATES_FILE,
    PARIS,
    assignments_from_listing,
    explain_failure,
    read_due_dates,
    write_due_date,
)

MODULE = "01_evaluer_test_diagnostique"


def _notebook(path: Path, *headings: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(h) for h in headings]
    nbformat.write(nb, path)
    return str(path)


def _submitted(stamp: str, *, returned: bool, here: bool, updated: bool = False) -> dict:
    return {
        "timestamp": stamp,
        "has_exchange_feedback": returned,
        "has_local_feedback": here,
        "feedback_updated": updated,
        "local_feedback_path": f"{MODULE}/feedback/{stamp}" if here else None,
        "notebooks": [{"notebook_id": MODULE}],
    }


def test_released_fetched_and_submitted_entries_make_one_module(tmp_path):
    released = _notebook(tmp_path / "exchange" / f"{MODULE}.ipynb", "Intro", "# Évaluer un test")
    _notebook(tmp_path / "root" / MODULE / f"{MODULE}.ipynb", "# Évaluer un test")
    listing = [
        {
            "course_id": "esn-teach",
            "assignment_id": MODULE,
            "status": "fetched",
            "path": MODULE,
            "notebooks": [{"path": f"{MODULE}/{MODULE}.ipynb"}],
        },
        {
            "course_id": "esn-teach",
            "assignment_id": MODULE,
            "status": "submitted",
            "submissions": [
                _submitted("2026-12-05 13:10:00.000000 UTC", returned=False, here=False),
                _submitted("2026-12-05 09:00:00.000000 UTC", returned=True, here=True),
            ],
        },
        {
            "course_id": "esn-teach",
            "assignment_id": "03_cout_et_besoin",
            "status": "released",
            "path": str(Path(released).parent),
            "notebooks": [{"path": released}],
        },
    ]
    due = {MODULE: datetime(2026, 12, 5, 12, 0, tzinfo=PARIS)}
    first, second = assignments_from_listing(listing, root=tmp_path / "root", due_dates=due)
    assert (first.module, first.title, first.status) == (MODULE, "Évaluer un test", "fetched")
    assert first.notebooks == (f"{MODULE}/{MODULE}.ipynb",)
    # Oldest first, Paris time (UTC + 1 in December); the graded copy keeps its feedback.
    assert [s.when for s in first.submissions] == [
        "5 décembre 2026 à 10\u00a0h\u00a000",  # « 10 h 00 » never split across lines
        "5 décembre 2026 à 14\u00a0h\u00a010",
    ]
    assert first.last is first.submissions[1] and first.late(first.last)
    assert not first.late(first.submissions[0])
    assert first.feedback is first.submissions[0]
    assert first.feedback.feedback_pages == (
        f"{MODULE}/feedback/2026-12-05 09:00:00.000000 UTC/{MODULE}.html",
    )
    assert not first.feedback_to_fetch
    assert first.due_text == "5 décembre 2026 à 12\u00a0h\u00a000"
    assert first.overdue(datetime(2026, 12, 5, 12, 1, tzinfo=PARIS))
    assert not first.overdue(datetime(2026, 12, 5, 11, 59, tzinfo=PARIS))
    # Released, not fetched: the title is read from the exchange's copy (first level-1 heading).
    assert (second.title, second.status, second.to_fetch) == ("Évaluer un test", "released", True)
    assert second.due is None and second.due_text is None


def test_feedback_waiting_or_updated_in_the_exchange_is_to_fetch(tmp_path):
    stamp = "2026-12-05 09:00:00.000000 UTC"
    listing = [
        {"course_id": "c", "assignment_id": MODULE, "status": "submitted", "submissions": [s]}
        for s in (
            _submitted(stamp, returned=True, here=False),
            _submitted(stamp, returned=True, here=True, updated=True),
        )
    ]
    for info in listing:
        (entry,) = assignments_from_listing([info], root=tmp_path)
        assert entry.feedback_to_fetch and entry.feedback is None
        assert entry.status == "gone"  # neither in the exchange nor in the folder any more


def test_an_unreadable_notebook_falls_back_to_the_module_name(tmp_path):
    broken = tmp_path / MODULE / f"{MODULE}.ipynb"
    broken.parent.mkdir()
    broken.write_text("{ pas du json")
    listing = [
        {
            "course_id": "c",
            "assignment_id": MODULE,
            "status": "fetched",
            "path": MODULE,
            "notebooks": [{"path": str(broken)}],
        }
    ]
    (entry,) = assignments_from_listing(listing, root=tmp_path)
    assert entry.title == MODULE and entry.folder == MODULE


def test_due_dates_round_trip_through_the_exchange_file(tmp_path):
    write_due_date(tmp_path, MODULE, datetime(2026, 12, 5, 13, 0))  # naive: UTC
    write_due_date(tmp_path, "03_cout_et_besoin", datetime(2027, 6, 1, 8, 0, tzinfo=PARIS))
    dates = read_due_dates(tmp_path)
    assert dates[MODULE] == datetime(2026, 12, 5, 14, 0, tzinfo=PARIS)
    assert dates["03_cout_et_besoin"].hour == 8  # summer time kept
    assert (tmp_path / DUE_DATES_FILE).stat().st_mode & 0o777 == 0o644
    write_due_date(tmp_path, MODULE, None)  # released again without a due date
    assert set(read_due_dates(tmp_path)) == {"03_cout_et_besoin"}


@pytest.mark.parametrize("content", ["", "[1, 2]", '{"m": "pas une date"}', "{"])
def test_a_bad_due_dates_file_shows_no_date_and_is_rewritten(tmp_path, content):
    (tmp_path / DUE_DATES_FILE).write_text(content)
    assert read_due_dates(tmp_path) == {}
    write_due_date(tmp_path, MODULE, datetime(2026, 12, 5, 13, 0))
    assert json.loads((tmp_path / DUE_DATES_FILE).read_text()).keys() == {MODULE}


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ("ExchangeError: You already have a copy of the assignment in this directory: 01", "déjà"),
        ("RuntimeError: Directory size is too big. Size is 5, maximum size is 1", "volumineuse"),
        ("Assignment 01 not submitted. There are missing notebooks for the submission", "manque"),
        ("ExchangeError: Assignment not found at: /srv/x/outbound/01", "n'est plus proposé"),
        ("ExchangeError: Assignment not found: /home/x/01", "introuvable dans vos fichiers"),
        ("You don't have write permissions to the directory: /srv/inbound", "refusé l'accès"),
        ("PermissionError: [Errno 13] Permission denied: '/srv'", "refusé l'accès"),
        ("Unwritable directory, please contact your instructor: /srv", "refusé l'accès"),
        ("KeyError: 'quelque chose'", "n'en a pas donné la raison"),
    ],
)
def test_failures_are_explained_in_french_and_say_the_files_are_safe(details, expected):
    traceback = f"Traceback (most recent call last):\n{details}"
    message = explain_failure(traceback, action="submit", module=MODULE)
    assert message.startswith("Votre copie n'a pas été rendue. ")  # never believed handed in
    assert expected in message
    assert message.endswith("Vos fichiers n'ont pas été modifiés.")
    assert "Traceback" not in message and "Error" not in message


def test_the_extension_loads_without_importing_nbgrader():
    """Each student's server imports the page when it starts; nbgrader (about two seconds of
    CPU) waits for the first request, or thirty servers starting together pay it at once."""
    import subprocess
    import sys

    code = (
        "import sys, esn_teach.assignments, esn_teach.assignments._page; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'nbgrader', 'sklearn'}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", done.stdout
