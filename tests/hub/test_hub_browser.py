"""In Chromium: a student enters from Moodle and lands on « Mes devoirs », fetches module 01,
answers, submits; the instructor collects, grades and returns feedback; the student reads it —
all through the hub, in French."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from lti_platform import LEARNER

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "browser"))
from esn_browser import (
    ARTIFACTS,
    AXE,
    axe_audit,
    axe_blocking,
    chromium,
    record_audit,
    skip_reason,
)

from esn_teach.assignments import PAGE_PATH

pytestmark = pytest.mark.slow

MODULE = "01_evaluer_test_diagnostique"


@pytest.fixture(scope="module")
def browser():
    reason = skip_reason()
    if reason:
        pytest.skip(reason)
    with chromium() as launched:
        yield launched


def _section(page):
    return page.locator(f'section[data-module="{MODULE}"]')


def _done(page) -> str:
    """The page's message after an action (Post/Redirect/Get), which must say it worked."""
    message = page.locator("#resultat")
    message.wait_for(timeout=120_000)
    text = message.inner_text()
    assert message.get_attribute("data-outcome") == "succes", text
    return text


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
        # Moodle opens the activity: the launch goes through the platform and lands on the
        # student's « Mes devoirs » page, in French.
        page.goto(hub.platform.login_url(hub.url, person))
        page.wait_for_url(f"**/user/{name}/{PAGE_PATH}**", timeout=120_000)
        assert page.get_by_role("heading", level=1).inner_text() == "Mes devoirs"
        if AXE.is_file():
            violations = axe_audit(page)
            record_audit("mes-devoirs", violations)
            assert not axe_blocking(violations), axe_blocking(violations)
        # Keyboard only: the button is reached with Tab and pressed with Enter.
        fetch = _section(page).get_by_role("button", name="Récupérer le module")
        fetch.focus()
        page.keyboard.press("Enter")
        assert "est dans vos fichiers" in _done(page)

        # The notebook opens in a new tab; the student answers the first question and saves.
        with context.expect_page() as opened:
            _section(page).get_by_role("link", name="Ouvrir le carnet (nouvel onglet)").click()
        lab = opened.value
        cell = lab.locator(".jp-CodeCell", has_text="sensibilite = ...").first
        cell.wait_for(timeout=120_000)
        assert lab.get_by_role("menuitem", name="Fichier").is_visible()  # JupyterLab in French
        cell.locator(".cm-content").click()
        lab.keyboard.press("Control+a")
        lab.keyboard.insert_text("sensibilite = vp / (vp + fn)")
        lab.keyboard.press("Control+s")
        lab.wait_for_timeout(1500)

        # JupyterLab's « Devoirs » menu leads back to the page (a new tab, through the hub).
        lab.get_by_role("menuitem", name="Devoirs").click()
        with context.expect_page() as opened:
            lab.get_by_role("menuitem", name="Mes devoirs").click()
        page = opened.value
        page.wait_for_url(f"**/user/{name}/{PAGE_PATH}**", timeout=60_000)
        _section(page).get_by_role("button", name="Rendre ma copie").click()
        assert "seule la dernière copie rendue sera corrigée" in _done(page)

        # The instructor collects, grades this student's copy (the copies other tests handed in
        # are not this test's) and returns the feedback (course service terminal).
        for step in (
            ("collect", "01"),
            ("autograde", "01", "--student", name, "--jobs", "1"),
            ("feedback", "01", "--exchange"),
        ):
            done = hub.as_grader(*step, timeout=900)
            assert done.returncode == 0, done.stdout + done.stderr

        page.get_by_role("link", name="Actualiser la liste").click()
        _section(page).get_by_role("button", name="Récupérer mon retour").click()
        assert "est arrivé" in _done(page)
        with context.expect_page() as opened:
            _section(page).get_by_role("link", name="Lire mon retour").click()
        feedback = opened.value
        body = feedback.locator("body")
        body.wait_for(timeout=60_000)
        text = body.inner_text()
        assert "Retour" in text and "sensibilit" in text.lower(), text[:2000]
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "hub-mes-devoirs.png"), full_page=True)
        feedback.screenshot(path=str(ARTIFACTS / "hub-retour.png"))
    except Exception:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        for number, opened_page in enumerate(context.pages):
            opened_page.screenshot(path=str(ARTIFACTS / f"hub-echec-{number}.png"))
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
