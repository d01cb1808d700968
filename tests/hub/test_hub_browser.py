"""In Chromium: a student enters from Moodle, fetches module 01, answers, submits; the instructor
collects, grades and returns feedback; the student reads it — all through the hub."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from lti_platform import LEARNER

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "browser"))
from esn_browser import ARTIFACTS, chromium, skip_reason

pytestmark = pytest.mark.slow

MODULE = "01_evaluer_test_diagnostique"


@pytest.fixture(scope="module")
def browser():
    reason = skip_reason()
    if reason:
        pytest.skip(reason)
    with chromium() as launched:
        yield launched


def _assignments(page):
    """Open nbgrader's « Assignments » panel from the Nbgrader menu."""
    page.get_by_role("menuitem", name="Nbgrader").click()
    page.get_by_role("menuitem", name="Assignment List").click()
    panel = page.locator("#assignments")
    panel.wait_for(timeout=60_000)
    return panel


def test_a_student_fetches_answers_submits_and_reads_feedback_in_chromium(hub, browser):
    build = hub.as_grader("build", "01", "--no-validate")
    assert build.returncode == 0, build.stdout + build.stderr
    release = hub.as_grader("release", "01", "--exchange")
    assert release.returncode == 0, release.stdout + release.stderr
    person = hub.person(LEARNER, "chromium")
    name = f"moodle-{person.sub}"
    context = browser.new_context(locale="fr-FR", viewport={"width": 1400, "height": 900})
    page = context.new_page()
    try:
        # Moodle opens the activity: the launch goes through the platform, lands in JupyterLab.
        page.goto(hub.platform.login_url(hub.url, person))
        page.wait_for_url(f"**/user/{name}/lab**", timeout=120_000)
        page.wait_for_selector(".jp-LabShell", timeout=120_000)
        assert page.get_by_role("menuitem", name="Fichier").is_visible()  # JupyterLab in French

        panel = _assignments(page)
        released = panel.locator("#released_assignments_list .list_item", has_text=MODULE)
        released.get_by_role("button", name="Fetch").click()
        fetched = panel.locator("#fetched_assignments_list .list_item", has_text=MODULE)
        fetched.first.wait_for(timeout=60_000)

        # Open the notebook and answer the first question in its answer cell.
        page.goto(f"{hub.url}/user/{name}/lab/tree/{MODULE}/{MODULE}.ipynb")
        cell = page.locator(".jp-CodeCell", has_text="sensibilite = ...").first
        cell.wait_for(timeout=120_000)
        cell.locator(".cm-content").click()
        page.keyboard.press("Control+a")
        page.keyboard.insert_text("sensibilite = vp / (vp + fn)")
        page.keyboard.press("Control+s")
        page.wait_for_timeout(1500)

        panel = _assignments(page)
        fetched = panel.locator("#fetched_assignments_list .list_item", has_text=MODULE).first
        fetched.get_by_role("button", name="Submit").click()
        submitted = panel.locator("#submitted_assignments_list .list_item", has_text=MODULE)
        submitted.first.wait_for(timeout=60_000)

        # The instructor collects, grades and returns the feedback (course service terminal).
        for step in (
            ("collect", "01"),
            ("autograde", "01", "--jobs", "1"),
            ("feedback", "01", "--exchange"),
        ):
            done = hub.as_grader(*step, timeout=900)
            assert done.returncode == 0, done.stdout + done.stderr

        page.get_by_title("Refresh assignments list").click()
        item = panel.locator("#submitted_assignments_list .list_item", has_text=MODULE).first
        item.get_by_role("button", name="Fetch Feedback").click()
        link = panel.locator("#submitted_assignments_list a", has_text="view feedback").first
        link.wait_for(timeout=60_000)
        link.click()  # the file browser opens the feedback folder
        page.locator(".jp-DirListing-item", has_text=MODULE).first.dblclick()
        viewer = page.frame_locator(".jp-HTMLViewer iframe").first
        body = viewer.locator("body")
        body.wait_for(timeout=60_000)
        text = body.inner_text()
        assert "Retour" in text and "sensibilit" in text.lower(), text[:2000]
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "hub-retour.png"))
    except Exception:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "hub-echec.png"))
        raise
    finally:
        context.close()
    # The answer typed in the browser is what was graded: question 1 has its points.
    from nbgrader.api import Gradebook

    db = f"sqlite:///{hub.course_dir / 'grading/gradebook.db'}"
    with Gradebook(db, "esn-teach") as gradebook:
        grades = {
            g.name: g.score for g in gradebook.find_submission_notebook(MODULE, MODULE, name).grades
        }
    assert grades["sensibilite_tests"] > 0
    assert grades["seuil_tests"] == 0
