"""Hand out, submit, collect, grade and return a module through the hub and nbgrader's exchange.

Instructors work as the grader account (what the course service's terminal runs); students
use their own server's « Mes devoirs » page (esn_teach.assignments) as a browser does.
Nothing is faked: nbgrader's exchange, the sandboxed autograder and the French feedback are
the real ones.
"""

from __future__ import annotations

import json
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import nbformat
import pytest
import requests
from esn_fixtures import answer_cell
from kernels import Student
from lti_platform import INSTRUCTOR, LEARNER

from esn_teach.hub import COURSE_SERVICE

# A real hub, real accounts and kernels: minutes, not seconds (make test, not make check).
pytestmark = pytest.mark.slow

MODULE = "01_evaluer_test_diagnostique"
NOTEBOOK = f"{MODULE}/{MODULE}.ipynb"


def _student(hub, label: str) -> tuple[str, Student]:
    person = hub.person(LEARNER, label)
    session = requests.Session()
    assert hub.platform.launch(session, hub.url, person).ok
    name = f"moodle-{person.sub}"
    hub.wait_ready(session, name)
    return name, Student(hub.url, name, session)


def _ok(process) -> str:
    assert process.returncode == 0, process.stdout + process.stderr
    return process.stdout


@pytest.fixture(scope="module")
def students(hub) -> dict[str, tuple[str, Student]]:
    """Four students logged in from Moodle, their servers started (before the release: the
    due date below leaves time for handing in, not for starting servers)."""
    return {label: _student(hub, label) for label in ("bon", "double", "tard", "fraude")}


def _release(hub, due: datetime) -> str:
    return _ok(hub.as_grader("release", "01", "--exchange", "--due", f"{due:%Y-%m-%d %H:%M:%S}"))


@pytest.fixture(scope="module")
def released(hub, students):
    """Module 01 built, released and put in the exchange, due tomorrow (the cohort below
    moves the due date, as an instructor closing the hand-in does: no race with the clock)."""
    _ok(hub.as_grader("build", "01", "--no-validate"))
    due = datetime.now(ZoneInfo("Europe/Paris")) + timedelta(days=1)
    out = _release(hub, due)
    assert f"Dans l'échange : {MODULE}" in out and f"à rendre avant le {due:%d/%m/%Y}" in out
    return due


@pytest.fixture(scope="module")
def cohort(hub, students, released):
    """Three students: one answers and submits on time, one submits twice, one submits late;
    a fourth drops a copy in the first one's name."""
    solution = nbformat.read(
        hub.course_dir / "grading/source" / MODULE / f"{MODULE}.ipynb", as_version=4
    )
    for _, server in students.values():
        listed = {a["module"]: a for a in server.assignments()}
        assert listed[MODULE]["status"] == "released"
        server.action("fetch", MODULE)
    good_name, good = students["bon"]
    notebook = nbformat.from_dict(good.read(NOTEBOOK)["content"])
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if cell.metadata.get("nbgrader", {}).get("solution"):
            cell.source = answer_cell(solution, grade_id).source
    good.write_notebook(NOTEBOOK, json.loads(nbformat.writes(notebook)))
    on_time = good.action("submit", MODULE)
    assert on_time["success"] and "retard" not in str(on_time["message"]), on_time
    twice = students["double"][1]
    assert twice.action("submit", MODULE)["success"]
    assert twice.action("submit", MODULE)["success"]
    # A forged copy: the « fraude » account drops a copy named after « bon ».
    forger = students["fraude"][0]
    inbound = hub.exchange_dir / "esn-teach/inbound"
    stamp = datetime.now(ZoneInfo("UTC")).strftime("%Y-%m-%d %H:%M:%S.%f UTC")
    forged = inbound / f"{good_name}+{MODULE}+{stamp}+deadbeef"
    home = Path(f"/home/{forger}")
    _ok(hub.as_user(forger, "cp", "-r", str(home / MODULE), str(forged)))
    # And one named after « tard », before the due date: « tard » hands in only after it. The
    # forged copy must not stand for theirs (chosen by nbgrader among all copies, it hid
    # their own late copy, then collected by no one).
    late_name = students["tard"][0]
    _ok(
        hub.as_user(
            forger,
            "cp",
            "-r",
            str(home / MODULE),
            str(inbound / f"{late_name}+{MODULE}+{stamp}+deadbeef"),
        )
    )
    # A copy in the forger's own name that is a link to the course's solutions (the grader
    # would follow it with its own rights), and one holding such a link.
    solutions = hub.course_dir / "grading/source" / MODULE
    _ok(
        hub.as_user(
            forger, "ln", "-s", str(solutions), str(inbound / f"{forger}+{MODULE}+{stamp}+1ien")
        )
    )
    linked = home / "copie-liee"
    _ok(hub.as_user(forger, "mkdir", str(linked)))
    _ok(
        hub.as_user(
            forger, "ln", "-s", str(solutions / f"{MODULE}.ipynb"), str(linked / f"{MODULE}.ipynb")
        )
    )
    _ok(
        hub.as_user(
            forger, "cp", "-a", str(linked), str(inbound / f"{forger}+{MODULE}+{stamp}+2ien")
        )
    )
    # The instructor closes the hand-in: the due date becomes now (to the second, hence the
    # pauses: every copy above is older, the late one below newer), then the late student submits.
    time.sleep(1.1)
    closed = datetime.now(ZoneInfo("Europe/Paris"))
    assert "à rendre avant le" in _release(hub, closed)
    time.sleep(1.1)
    late = students["tard"][1].action("submit", MODULE)
    assert late["success"] and "elle sera marquée en retard" in str(late["message"]), late
    # « double » hands in a third time, after the due date (an evaluated copy completed at
    # home): their last copy before the due date is the one collected (module 06, d22).
    again = students["double"][1].action("submit", MODULE)
    assert again["success"], again
    return students


def test_students_cannot_read_the_exchange_inbound_the_course_or_the_gradebook(hub, cohort):
    name = cohort["bon"][0]
    inbound = hub.exchange_dir / "esn-teach/inbound"
    assert hub.as_user(name, "ls", str(inbound)).returncode != 0
    assert hub.as_user(name, "ls", str(hub.course_dir)).returncode != 0
    gradebook = hub.course_dir / "grading/gradebook.db"
    assert hub.as_user(name, "cat", str(gradebook)).returncode != 0
    # The released version is readable (that is how students fetch it).
    assert hub.as_user(name, "ls", str(hub.exchange_dir / "esn-teach/outbound")).returncode == 0


def test_collect_autograde_and_feedback_round_trip(hub, cohort):
    names = {label: name for label, (name, _) in cohort.items()}
    out = _ok(hub.as_grader("collect", "01"))
    assert f"{MODULE} : 3 copies dans submitted/" in out  # bon, double, tard
    assert "(la dernière avant la date limite de chaque étudiant)" in out
    assert f"en retard : {names['tard']}" in out
    assert (
        f"REFUSÉE : une copie au nom de {names['tard']} a été déposée par le compte "
        f"{names['fraude']}" in out
    )
    assert f"en retard : {names['double']}" not in out
    assert (
        f"non ramassée : 1 copie de {names['double']} déposée(s) après la date limite ; sa "
        "copie ramassée est la dernière déposée avant" in out
    )
    assert (
        f"REFUSÉE : une copie au nom de {names['bon']} a été déposée par le compte "
        f"{names['fraude']}" in out
    )
    inbound = hub.exchange_dir / "esn-teach/inbound"
    assert len(list(inbound.glob(f"{names['bon']}+*+deadbeef"))) == 1  # left, not deleted
    assert len(list(inbound.glob(f"{names['tard']}+*+deadbeef"))) == 1
    assert out.count(f"REFUSÉE : une copie au nom de {names['fraude']} contient un lien") == 2
    assert not (hub.course_dir / "grading/submitted" / names["fraude"]).exists()
    _ok(hub.as_grader("autograde", "01", "--jobs", "1", timeout=900))
    out = _ok(hub.as_grader("feedback", "01", "--exchange"))
    assert "Retours rendus dans l'échange pour 3 étudiants" in out
    # The on-time student's collected copy is their own (the forged one was not taken).
    good = cohort["bon"][1]
    result = good.action("fetch_feedback", MODULE)
    assert result["success"] and "est arrivé" in str(result["message"]), result
    feedback = [f for f in good.read(f"{MODULE}/feedback")["content"] if f["type"] == "directory"]
    assert len(feedback) == 1
    pages = good.read(feedback[0]["path"])["content"]
    page = good.read(next(p["path"] for p in pages if p["name"].endswith(".html")))
    html = page["content"]
    assert 'lang="fr"' in html and "Retour" in html
    scores = _scores(hub)
    # Full marks on every autograded question (the reflection waits for the instructor).
    assert scores[names["bon"]][0] == scores[names["bon"]][1] > 0
    assert scores[names["double"]][0] == 0
    assert scores[names["tard"]][2] > 0  # flagged late, as nbgrader does
    assert scores[names["double"]][2] == 0  # the copy before the due date, not the later one


def _scores(hub) -> dict[str, tuple[float, float, float]]:
    """(score, autograded max score, seconds late) per student, read from the gradebook."""
    from nbgrader.api import Gradebook

    db = f"sqlite:///{hub.course_dir / 'grading/gradebook.db'}"
    with Gradebook(db, "esn-teach") as gradebook:
        return {
            s.student.id: (
                s.score,
                sum(g.max_score for n in s.notebooks for g in n.grades if g.auto_score is not None),
                s.total_seconds_late,
            )
            for s in gradebook.assignment_submissions(MODULE)
        }


def test_a_students_kernel_draws_the_cases_of_the_name_their_copy_is_collected_under(hub, cohort):
    """checks.student_seed in a student's own server: the identifier is the one nbgrader's
    exchange filed the copy under (the grader draws that one's cases at grading)."""
    name, server = cohort["bon"]
    kernel = server.new_kernel()
    result = server.execute(kernel, "from esn_teach import checks\nprint(checks.student_id())")
    assert result.status == "ok", result.text
    assert result.text.strip() == name
    collected = hub.course_dir / "grading/submitted" / name / MODULE
    assert collected.is_dir() or any(
        (hub.exchange_dir / "esn-teach/inbound").glob(f"{name}+{MODULE}+*")
    )


def test_only_instructors_open_the_course_service(hub):
    teacher = hub.person(INSTRUCTOR, "prof")
    session = requests.Session()
    assert hub.platform.launch(session, hub.url, teacher).ok
    # The service starts with the hub, in a few seconds (longer on a loaded machine).
    deadline = time.monotonic() + 60
    while (
        page := session.get(f"{hub.url}/services/{COURSE_SERVICE}/lab", timeout=60)
    ).status_code == 503:
        assert time.monotonic() < deadline, hub.log_text()[-3000:]
        time.sleep(1)
    assert page.ok and "JupyterLab" in page.text, page.status_code
    student = hub.person(LEARNER, "curieux")
    other = requests.Session()
    assert hub.platform.launch(other, hub.url, student).ok
    refused = other.get(f"{hub.url}/services/{COURSE_SERVICE}/lab", timeout=60)
    assert refused.status_code == 403 or "JupyterLab" not in refused.text


def test_submitting_a_module_that_does_not_exist_is_refused_and_loses_nothing(hub, cohort):
    name, student = cohort["double"]
    before = student.read(NOTEBOOK)["content"]
    result = student.action("submit", "99_module_inexistant")
    assert result["success"] is False
    assert "n'est pas dans vos devoirs. Aucune action effectuée" in str(result["message"])
    inbound = hub.exchange_dir / "esn-teach/inbound"
    assert not list(inbound.glob(f"{name}+99_module_inexistant+*"))
    assert student.read(NOTEBOOK)["content"] == before  # the student's work is untouched
