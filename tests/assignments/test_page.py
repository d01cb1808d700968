"""« Mes devoirs » on a real student JupyterLab (the settings `make lab` and the hub give
students), over a real nbgrader exchange in a temporary folder: fetch, hand in, feedback.

The page is driven as a browser does (login cookie, forms with the _xsrf field, redirects);
tests/hub/test_hub_browser.py does the same through the hub, in Chromium.
"""

from __future__ import annotations

import getpass
import os
import re
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import nbformat
import pytest
import requests
from nbgrader.utils import notebook_hash

from esn_teach.assignments import PARIS, write_due_date

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "browser"))
from devoirs_client import PAGE_PATH, AssignmentsPage
from esn_browser import LabServer, running_lab

pytestmark = pytest.mark.slow

COURSE = "esn-teach"
MODULE = "01_evaluer_test_diagnostique"
OTHER = "03_cout_et_besoin"


def _page(server: LabServer) -> AssignmentsPage:
    """A student's browser on the page, logged in with the server's token."""
    page = AssignmentsPage(requests.Session(), f"{server.base_url}/{PAGE_PATH}")
    page.session.get(server.url(PAGE_PATH), timeout=30).raise_for_status()  # login cookie
    page.get()
    return page


def _release(exchange: Path, module: str, title: str) -> None:
    folder = exchange / COURSE / "outbound" / module
    folder.mkdir(parents=True)
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {title}"), nbformat.v4.new_code_cell("x = ...")]
    nbformat.write(nb, folder / f"{module}.ipynb")


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LabServer, Path]]:
    base = tmp_path_factory.mktemp("devoirs")
    exchange, root = base / "echange", base / "etudiant"
    for folder in ("inbound", "feedback"):
        (exchange / COURSE / folder).mkdir(parents=True)
    _release(exchange, MODULE, "Module 01 — Évaluer un test diagnostique")
    _release(exchange, OTHER, "Module 03 — Coût & besoin <script>")
    due = datetime.now(PARIS) - timedelta(hours=1)  # module 01: already past its due date
    write_due_date(exchange / COURSE / "outbound", MODULE, due)
    root.mkdir()
    (root / "nbgrader_config.py").write_text(
        "c = get_config()\n"
        f"c.CourseDirectory.course_id = {COURSE!r}\n"
        f"c.Exchange.root = {str(exchange)!r}\n"
        f"c.Exchange.cache = {str(base / 'cache')!r}\n"
    )
    with running_lab(root, base / "home", student=True) as server:
        yield server, exchange


def test_nbgraders_english_panel_and_api_are_off_for_students(lab):
    server, _ = lab
    page = _page(server)
    assert 'lang="fr"' in page.html and "<h1>Mes devoirs</h1>" in page.html
    # French typography: no line starts with a colon or a closing guillemet.
    assert "Récupérer</strong>\u00a0:" in page.raw
    assert "«\u00a0Actualiser la liste\u00a0»" in page.raw
    assert "color: #1a1a1a;" in page.raw  # the style sheet is left alone
    status = page.session.get(f"{server.base_url}/assignments?course_id={COURSE}", timeout=30)
    assert status.status_code == 404  # nbgrader's English assignment list is replaced
    lab_page = page.session.get(f"{server.base_url}/lab", timeout=30).text
    disabled = re.search(r'disabledExtensions": \[([^]]*)\]', lab_page)
    assert disabled, lab_page[:2000]
    for plugin in ("assignment-list", "menu"):  # nbgrader's English panel and its menu
        assert f'"@jupyter/nbgrader:{plugin}"' in disabled[1]


def test_the_page_lists_released_modules_with_title_due_date_and_next_step(lab):
    server, _ = lab
    page = _page(server)
    first = page.section(MODULE)
    assert 'data-status="released"' in first
    assert "Module 01 — Évaluer un test diagnostique" in first
    assert "À rendre avant le" in first and "(heure de Paris)" in first
    assert "La date limite est passée" in first
    assert "Récupérer le module" in first and "pas encore rendu" in first
    other = page.section(OTHER)
    assert "Coût &amp; besoin &lt;script&gt;" in other  # a title is text, never markup
    assert "À rendre avant" not in other
    for english in ("Fetch", "Submit", "Released", "Assignment", "feedback"):
        assert english not in re.sub(r"<[^>]+>", " ", page.html), english


def test_fetch_submit_and_feedback_round_trip(lab):
    server, exchange = lab
    page = _page(server)
    assert 'data-stage="a-recuperer"' in page.section(MODULE)
    assert "État : à récupérer" in page.section(MODULE)
    outcome, text = page.act("fetch", MODULE)
    assert outcome == "succes" and f"dossier {MODULE}" in text
    assert "État : à faire" in page.section(MODULE)
    notebook = server.root / MODULE / f"{MODULE}.ipynb"
    assert f'href="/lab/tree/{MODULE}/{MODULE}.ipynb"' in page.html
    work = nbformat.read(notebook, as_version=4)
    work.cells[1].source = "x = 42"
    nbformat.write(work, notebook)
    # A second fetch (a stale page, a double click) never overwrites the student's work.
    outcome, text = page.act("fetch", MODULE)
    assert outcome == "echec" and "Aucune action effectuée ; vos fichiers sont intacts" in text
    assert "x = 42" in notebook.read_text()

    outcome, text = page.act("submit", MODULE)
    assert outcome == "succes" and "(heure de Paris)" in text
    assert "marquée en retard" in text  # the due date was an hour ago
    assert "seule la dernière copie rendue sera corrigée" in text
    (copy,) = (exchange / COURSE / "inbound").iterdir()
    assert copy.name.startswith(f"{getpass.getuser()}+{MODULE}+")
    assert "x = 42" in (copy / f"{MODULE}.ipynb").read_text()
    section = page.section(MODULE)
    assert 'data-submissions="1"' in section and "Rendre à nouveau" in section
    assert "après la date limite : marquée en retard" in section
    assert "pas encore de retour" in section
    assert "État : rendu, en attente de correction" in section
    outcome, text = page.act("fetch_feedback", MODULE)  # nothing yet: said, not an error
    assert outcome == "info" and "n'a pas encore corrigé" in text
    assert "Dernier enregistrement : le" in section
    assert "modifié votre carnet depuis votre dernier rendu" not in section
    # Saved again after handing in: the page says the copy to be graded lacks the changes.
    work.cells[1].source = "x = 43"
    nbformat.write(work, notebook)
    page.get()
    assert "modifié votre carnet depuis votre dernier rendu" in page.section(MODULE)

    # The instructor returns feedback (what nbgrader's release_feedback puts in the exchange).
    secret = (copy / "submission_secret.txt").read_text()
    digest = notebook_hash(secret=secret, notebook_id=MODULE)
    feedback = "<html lang='fr'><body><h1>Retour sur votre copie</h1></body></html>"
    (exchange / COURSE / "feedback" / f"{digest}.html").write_text(feedback)
    page.get()
    assert 'data-feedback="a-recuperer"' in page.section(MODULE)
    assert "Récupérer mon retour" in page.section(MODULE)
    outcome, text = page.act("fetch_feedback", MODULE)
    assert outcome == "succes" and "Votre retour sur" in text and "est arrivé" in text
    link = re.search(r'<a href="([^"]+)" target="_blank">Lire mon retour', page.html)
    assert link and link[1].startswith("/files/")
    # Followed as a browser follows a link (Jupyter refuses files without a same-site referer).
    read = page.session.get(server.base_url + link[1], headers={"Referer": page.url}, timeout=30)
    assert read.ok and "Retour sur votre copie" in read.text, server.log_tail()
    section = page.section(MODULE)
    assert 'data-feedback="ici"' in section and "État : corrigé" in section
    assert "modifié votre carnet depuis votre dernier rendu" in section  # x = 43, above
    # Not changed since the graded copy: no reason to hand it in again, and the page says so.
    handed_in = (copy / "timestamp.txt").stat().st_mtime
    os.utime(notebook, (handed_in - 60, handed_in - 60))
    page.get()
    assert "ne la rendez à nouveau que si votre enseignant vous le demande" in page.section(MODULE)


@pytest.mark.parametrize(
    ("action", "module", "expected"),
    [
        ("submit", OTHER, "récupérez-le d'abord"),  # not fetched yet
        ("fetch_feedback", OTHER, "aucune copie"),  # nothing handed in
        ("submit", "99_module_inexistant", "n'est pas dans vos devoirs"),
        ("submit", "../../etc", "n'a pas pu être traitée"),
        ("effacer", MODULE, "n'a pas pu être traitée"),
    ],
)
def test_impossible_requests_are_refused_in_french_and_do_nothing(lab, action, module, expected):
    server, exchange = lab
    page = _page(server)
    before = sorted(p.name for p in (exchange / COURSE / "inbound").iterdir())
    outcome, text = page.act(action, module)
    assert outcome == "echec" and expected in text, text
    assert sorted(p.name for p in (exchange / COURSE / "inbound").iterdir()) == before
    assert not (server.root / OTHER).exists()


def test_a_request_without_the_xsrf_field_is_refused(lab):
    server, _ = lab
    page = _page(server)
    assert page.post("fetch", OTHER, xsrf=False).status_code == 403
    assert not (server.root / OTHER).exists()
