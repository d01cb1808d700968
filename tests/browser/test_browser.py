"""The students' and instructors' experience, in a real JupyterLab and a real Chromium.

A JupyterLab server is started as ``make lab`` starts it (127.0.0.1, interface in
French), on a free port with a token and a temporary home; Debian's Chromium is driven
headless by Playwright. Parametrised over the modules of notebooks/, so every new
module is covered as soon as it is released. Screenshots go to test-artifacts/browser/.

Where Chromium or the Python package playwright is missing, the whole suite is skipped
with one line saying why and how to enable it.
"""

from __future__ import annotations

import json
import re
import secrets
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from esn_browser import skip_reason
from esn_fixtures import MODULE_NAMES, NOTEBOOKS, make_course
from nbgrader.api import Gradebook

REASON = skip_reason()
if REASON:
    pytest.skip(REASON, allow_module_level=True)

from esn_browser import (  # noqa: E402  (only once the suite can run)
    ARTIFACTS,
    AXE,
    CELL_SELECTOR,
    CONTROL_SELECTOR,
    LabServer,
    axe_audit,
    axe_blocking,
    cell_states,
    cells,
    chromium,
    executed,
    listening_addresses,
    menu,
    open_notebook,
    record_audit,
    run_all_cells,
    run_cell_and_advance,
    running_lab,
    snapshot,
    wait_idle,
)
from playwright.sync_api import Browser, FrameLocator, Locator, Page  # noqa: E402

from esn_teach.course import Course, ModuleSource  # noqa: E402
from esn_teach.course._source import SOLUTION_BEGIN, SOLUTION_END  # noqa: E402
from esn_teach.grading import autograde, generate_feedback  # noqa: E402
from esn_teach.grading._cells import is_test  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.timeout(420)]

STUDENT = "etudiant-navigateur"
VIEWPORT = {"width": 1400, "height": 1000}
NOT_ATTEMPTED = "Question non traitée"
#: Where the workspace holds the self-paced version of the first module.
SELF_PACED_DIR = "autonome"
#: French labels of JupyterLab's menu bar once the language pack is active.
FRENCH_MENUS = ["Fichier", "Édition", "Affichage", "Exécution", "Noyau"]


@dataclass
class BrowserCourse:
    """A temporary course: built, released, and copied into a student workspace."""

    root: Path
    workspace: Path
    course: Course
    modules: dict[str, ModuleSource]

    def released(self, module: str) -> nbformat.NotebookNode:
        return nbformat.read(self.course.release_path(module), as_version=4)

    def source(self, module: str) -> nbformat.NotebookNode:
        return nbformat.read(self.course.source_path(module), as_version=4)


def _grade_index(notebook: nbformat.NotebookNode, grade_id: str) -> int:
    for index, cell in enumerate(notebook.cells):
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
            return index
    raise KeyError(grade_id)


def _solution_code(cell_source: str) -> str:
    """The lines between the solution markers of an answer cell."""
    lines = cell_source.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == SOLUTION_BEGIN)
    end = next(i for i, line in enumerate(lines) if line.strip() == SOLUTION_END)
    return "\n".join(lines[start + 1 : end]).strip("\n")


def _uses_widgets(module: ModuleSource) -> bool:
    code = "\n".join(c.source for c in module.notebook.cells if c.cell_type == "code")
    return bool(re.search(r"\b(esn_teach\.explorers|ipywidgets)\b", code))


def _keyboard_module() -> str | None:
    """The module whose explorer is operated with the keyboard: the first with a slider."""
    for name in MODULE_NAMES:
        code = (NOTEBOOKS / f"{name}.py").read_text(encoding="utf-8")
        if re.search(r"ThresholdExplorer\(|Slider\(", code):
            return name
    return None


KEYBOARD_MODULE = _keyboard_module()


# -- fixtures -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def browser_course(tmp_path_factory: pytest.TempPathFactory) -> BrowserCourse:
    """Build and release every module, then copy them into a student workspace.

    The solutions are not executed here (``tests/modules`` does that through
    ``esn-teach build``/``release``): the released notebooks are the same files.
    """
    base = tmp_path_factory.mktemp("browser-course")
    root = make_course(base / "grading")
    course = Course(root, NOTEBOOKS)
    modules = course.build(list(MODULE_NAMES), validate=False) if MODULE_NAMES else []
    if modules:  # what students get: nbgrader's release plus esn-teach's (progress table…)
        course.release([m.name for m in modules], validate=False)
    course.write_course_pages()
    workspace = base / "workspace"
    if modules:
        course.workspace(workspace)
        # The first module also as a self-paced learner gets it (release --autonome).
        alone = Course(make_course(base / "autonome"), NOTEBOOKS)
        alone.build([modules[0].name], validate=False)
        (released,) = alone.release([modules[0].name], self_paced=True, validate=False)
        (workspace / SELF_PACED_DIR).mkdir()
        shutil.copy(released, workspace / SELF_PACED_DIR / released.name)
    return BrowserCourse(root, workspace, course, {m.name: m for m in modules})


@pytest.fixture(scope="module")
def student_lab(
    browser_course: BrowserCourse, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LabServer]:
    """JupyterLab on the student workspace, as ``make lab`` starts it."""
    home = tmp_path_factory.mktemp("student-home")
    with running_lab(
        browser_course.workspace, home, cwd=browser_course.workspace, student=True
    ) as server:
        yield server


@pytest.fixture
def student_server(student_lab: LabServer) -> Iterator[LabServer]:
    """The student server; the test's kernels are shut down after it."""
    try:
        yield student_lab
    finally:
        student_lab.shutdown_kernels()


@pytest.fixture(scope="module")
def instructor_lab(
    browser_course: BrowserCourse, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LabServer]:
    """JupyterLab on the course root, as ``make formgrader`` starts it."""
    home = tmp_path_factory.mktemp("instructor-home")
    with running_lab(browser_course.root, home, cwd=browser_course.root) as server:
        yield server


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, driven by Playwright; always closed."""
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh browser tab; on failure, a screenshot of it goes to test-artifacts/."""
    failures_before = request.session.testsfailed
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(60_000)
    tab = context.new_page()
    try:
        yield tab
    finally:
        if request.session.testsfailed > failures_before:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            name = re.sub(r"[^\w.-]+", "_", request.node.name)
            try:
                tab.screenshot(path=ARTIFACTS / f"ECHEC-{name}.png", full_page=True, timeout=15_000)
            except Exception as error:  # the page may be the reason of the failure
                print(f"no failure screenshot: {error}")
        context.close()


# -- student ------------------------------------------------------------------------------
def check_french_interface(page: Page) -> None:
    menubar = page.locator(".lm-MenuBar")
    for label in FRENCH_MENUS:
        menubar.get_by_role("menuitem", name=label, exact=True).wait_for(timeout=30_000)
    assert page.evaluate("document.documentElement.lang").startswith("fr")


def check_outputs(page: Page, released: nbformat.NotebookNode) -> None:
    """No cell shows an error, except the self-checks of unanswered questions."""
    states = cell_states(page)
    assert len(states) == len(released.cells), "the page does not show every cell"
    problems = []
    for index, (state, cell) in enumerate(zip(states, released.cells, strict=True)):
        if not state["code"]:
            continue
        if not executed(state):
            problems.append(f"cell {index} did not run (prompt {state['prompt']!r})")
        errors = [o["text"] for o in state["outputs"] if o["mime"].endswith("stderr")]
        if is_test(cell):
            grade_id = cell.metadata["nbgrader"]["grade_id"]
            if len(errors) != 1 or NOT_ATTEMPTED not in errors[0]:
                problems.append(
                    f"self-check {grade_id} (cell {index}) should say {NOT_ATTEMPTED!r}, "
                    f"shows {errors!r}"
                )
        elif errors:
            problems.append(f"cell {index} shows an error: {errors[0][:500]}")
    assert not problems, "\n".join(problems)
    shown = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)").inner_text()
    assert "Error displaying widget" not in shown


#: What nbgrader's instructor extensions add to JupyterLab, and students must not see.
INSTRUCTOR_TOOLS = ["Formgrader", "Create Assignment", "Course List", "Validate"]


def check_student_tools(page: Page) -> None:
    """The student's JupyterLab has none of nbgrader's instructor tools."""
    page.locator(".jp-NotebookPanel-toolbar").first.wait_for(timeout=30_000)
    config = page.evaluate("JSON.parse(document.getElementById('jupyter-config-data').textContent)")
    disabled = config.get("disabledExtensions", [])
    for plugin in ("create-assignment", "formgrader", "course-list", "validate-assignment"):
        assert f"@jupyter/nbgrader:{plugin}" in disabled, plugin
    toolbar = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-NotebookPanel-toolbar")
    assert "Validate" not in toolbar.inner_text()
    tabs = " ".join(
        page.locator(".jp-SideBar .lm-TabBar-tab").evaluate_all(
            "tabs => tabs.map(t => (t.title || '') + ' ' + t.textContent)"
        )
    )
    assert "Create Assignment" not in tabs and "Assignment" not in tabs, tabs
    menubar = page.locator(".lm-MenuBar").inner_text()
    if "Nbgrader" in menubar:  # only the assignment list may remain
        page.locator(".lm-MenuBar").get_by_role("menuitem", name="Nbgrader").click()
        items = page.locator(".lm-Menu:visible").inner_text()
        page.keyboard.press("Escape")
        for tool in INSTRUCTOR_TOOLS:
            assert tool not in items, f"the student sees nbgrader's « {tool} »: {items}"


def check_figures(page: Page) -> None:
    """Explorer figures: shown at the size they are drawn, each with a French text alternative."""
    images = page.locator(
        ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output img.esn-explorer-figure"
    )
    problems = []
    for index in range(images.count()):
        image = images.nth(index)
        image.scroll_into_view_if_needed()
        size = image.evaluate(
            "i => ({w: i.naturalWidth, h: i.naturalHeight, cw: i.clientWidth, "
            "ch: i.clientHeight, alt: i.alt || i.getAttribute('aria-label') || i.title || ''})"
        )
        if abs(size["cw"] - size["w"]) > 3 or abs(size["ch"] - size["h"]) > 3:
            problems.append(
                f"image {index}: drawn {size['w']}×{size['h']}, shown {size['cw']}×{size['ch']}"
            )
        if len(size["alt"].strip()) < 20:
            problems.append(f"image {index}: no text alternative ({size['alt']!r})")
    assert not problems, "\n".join(problems)


#: What the course puts on the page: rendered text, outputs and explorers. The rest is
#: JupyterLab's own interface, audited and recorded too (see check_accessibility) but
#: not the course's to fix: its code editors have no accessible name
#: (aria-input-field-name), its cell list's role "feed" has no "article" children
#: (aria-required-children), its heading-collapse buttons have no text (button-name).
COURSE_CONTENT = (
    ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-RenderedMarkdown, "
    ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea"
)


def check_accessibility(page: Page, name: str, selector: str | None = None) -> None:
    """axe-core on the page (or ``selector``): no serious or critical violation.

    With a ``selector``, the whole notebook is audited as well and recorded as
    ``NAME-jupyterlab`` in test-artifacts/browser/accessibilite.json.
    """
    if not AXE.is_file():  # make test installs it (make node-deps); said, never hidden
        print(f"accessibility audit not run: axe-core absent ({AXE}); run 'make node-deps'")
        return
    if selector:
        whole = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook"
        record_audit(f"{name}-jupyterlab", axe_audit(page, whole))
    violations = axe_audit(page, selector)
    record_audit(name, violations)
    blocking = axe_blocking(violations)
    assert not blocking, "\n".join(blocking)


def widget_cells(page: Page) -> list[int]:
    """Indices of the cells whose output is an ipywidgets view (the explorers)."""
    return [
        index
        for index, state in enumerate(cell_states(page))
        if any(output["widget"] for output in state["outputs"])
    ]


def move_control(page: Page, control: Locator) -> None:
    """Move a control with the mouse, as a student would."""
    kind = control.get_attribute("class") or ""
    if "widget-slider" in kind:
        handle = control.locator(".noUi-handle").first
        track = control.locator(".noUi-base").first
        handle.scroll_into_view_if_needed()
        box, bar = handle.bounding_box(), track.bounding_box()
        assert box and bar, "slider not visible"
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        position = (x - bar["x"]) / bar["width"]
        target = bar["x"] + bar["width"] * (0.25 if position > 0.5 else 0.75)
        page.mouse.move(x, y)
        page.mouse.down()
        page.mouse.move(target, y, steps=8)
        page.mouse.up()
    elif "widget-dropdown" in kind:
        select = control.locator("select")
        options = select.locator("option").all_inner_texts()
        current = select.evaluate("s => s.selectedIndex")
        assert len(options) > 1, "dropdown with a single choice"
        select.select_option(index=(current + 1) % len(options))
    elif "widget-toggle-buttons" in kind:
        control.locator("button:not(.mod-active)").first.click()
    elif "widget-radio-box" in kind:
        control.locator("input:not(:checked)").first.check()
    elif "widget-checkbox" in kind:
        control.locator("input").click()
    else:
        field = control.locator("input, textarea").first
        field.fill((field.input_value() or "") + "1")
        field.press("Enter")


def wait_changed(area: Locator, control: Locator, before: str, what: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if snapshot(area, control) != before:
            return
        time.sleep(0.2)
    raise AssertionError(f"{what}: the explorer's figure and numbers did not change")


def check_explorers(page: Page, module: str, expected: bool) -> int:
    """Move each explorer's main control; its output must change."""
    indices = widget_cells(page)
    if expected:
        assert indices, "the module uses ipywidgets but no explorer is rendered"
    for index in indices:
        area = cells(page).nth(index).locator(".jp-OutputArea").first
        # The first control a student can move (a control may start disabled, e.g. the age
        # bands while the full birth date is published).
        control = area.locator(CONTROL_SELECTOR).filter(has_not=page.locator("[disabled]")).first
        assert control.count(), f"explorer of cell {index}: no enabled control found"
        control.scroll_into_view_if_needed()
        before = snapshot(area, control)
        move_control(page, control)
        wait_changed(area, control, before, f"explorer of cell {index} (mouse)")
        wait_idle(page)
    return len(indices)


def check_keyboard(page: Page) -> None:
    """Operate the first slider without the mouse: arrows to its cell, Tab, arrow keys."""
    index = next(
        i for i in widget_cells(page) if cells(page).nth(i).locator(".widget-slider").count()
    )
    area = cells(page).nth(index).locator(".jp-OutputArea").first
    slider = area.locator(".widget-slider").first
    handle = slider.locator(".noUi-handle").first
    page.keyboard.press("Escape")  # command mode: arrows move from cell to cell
    for _ in range(len(cell_states(page)) + 1):
        active = page.evaluate(
            "sel => Array.from(document.querySelectorAll(sel))"
            ".findIndex(c => c.classList.contains('jp-mod-active'))",
            CELL_SELECTOR,
        )
        if active == index:
            break
        page.keyboard.press("ArrowDown" if active < index else "ArrowUp")
    else:
        raise AssertionError("the arrow keys did not reach the explorer's cell")
    for _ in range(8):
        page.keyboard.press("Tab")
        if handle.evaluate("h => h === document.activeElement"):
            break
    else:
        raise AssertionError("Tab never reaches the slider of the explorer")
    value = handle.get_attribute("aria-valuenow")
    before = snapshot(area, slider)
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    wait_changed(area, slider, before, "explorer operated with the keyboard")
    assert handle.get_attribute("aria-valuenow") != value, "ArrowRight did not move the slider"
    wait_idle(page)


#: The element of each kind of control that takes the keyboard focus.
_FOCUSABLE_JS = """(area) => Array.from(area.querySelectorAll(
    '.noUi-handle, .widget-dropdown select, .widget-toggle-buttons button, '
    + '.widget-radio-box input, .widget-checkbox input, .widget-text input, '
    + '.widget-button, textarea'))
    .filter(e => !e.disabled && e.offsetParent !== null)"""


def check_controls_keyboard(page: Page) -> int:
    """Every control of every explorer is reached with Tab alone; return how many."""
    reached_total = 0
    for index in widget_cells(page):
        area = cells(page).nth(index).locator(".jp-OutputArea").first
        controls = area.evaluate_handle(_FOCUSABLE_JS)
        count = controls.evaluate("c => c.length")
        if not count:
            continue
        controls.evaluate("c => c[0].focus()")
        seen = set()
        for _ in range(3 * count + 5):
            position = controls.evaluate("c => c.indexOf(document.activeElement)")
            if position >= 0:
                seen.add(position)
            if len(seen) == count:
                break
            page.keyboard.press("Tab")
        names = area.locator(".noUi-handle").evaluate_all(
            "hs => hs.map(h => [h.getAttribute('aria-label'), h.getAttribute('aria-valuetext')])"
        )
        for label, value in names:  # read by screen readers: named, in French
            assert label and len(label) > 2, f"explorer of cell {index}: unnamed slider"
            assert not re.search(r"\d\.\d", value or ""), f"slider value {value!r} not French"
        missing = sorted(set(range(count)) - seen)
        assert not missing, f"explorer of cell {index}: controls {missing} never get the focus"
        reached_total += count
        page.keyboard.press("Escape")
    return reached_total


def answer_one_question(page: Page, course: BrowserCourse, module: str) -> str:
    """Type the correct answer of the first question, run it and its self-check."""
    answer = next(iter(course.modules[module].answers))
    released = course.released(module)
    source = course.source(module)
    index = _grade_index(released, answer)
    tests_index = _grade_index(released, f"{answer}_tests")
    code = _solution_code(source.cells[_grade_index(source, answer)].source)
    editor = cells(page).nth(index).locator(".cm-content").first
    editor.scroll_into_view_if_needed()
    editor.click()
    page.keyboard.press("Control+a")
    if "\n" in code:
        page.keyboard.insert_text(code)  # a pasted block: no auto-indentation
    else:
        page.keyboard.type(code)
    run_cell_and_advance(page, index)  # runs the answer, selects its self-check
    assert tests_index == index + 1, "the self-check should follow its question"
    run_cell_and_advance(page, tests_index)
    state = cell_states(page)[tests_index]
    texts = [o["text"] for o in state["outputs"]]
    errors = [o["text"] for o in state["outputs"] if o["mime"].endswith("stderr")]
    assert not errors, f"the self-check of {answer} fails on the correct answer: {errors}"
    assert any("\u2714" in text for text in texts), f"no success message for {answer}: {texts}"
    cells(page).nth(tests_index).scroll_into_view_if_needed()
    return code


@pytest.mark.parametrize("module", MODULE_NAMES)
def test_student_notebook(
    module: str, browser_course: BrowserCourse, student_server: LabServer, page: Page
) -> None:
    """French interface, every cell runs, explorers respond, a correct answer passes."""
    started = time.monotonic()
    released = browser_course.released(module)
    open_notebook(page, student_server, f"{module}/{module}.ipynb")
    check_french_interface(page)
    check_student_tools(page)
    rounds = run_all_cells(page, sum(cell.cell_type == "code" for cell in released.cells))
    assert rounds == 1, f"« Exécuter toutes les cellules » stopped {rounds - 1} time(s)"
    check_outputs(page, released)
    check_accessibility(page, module, COURSE_CONTENT)
    check_figures(page)

    if module == KEYBOARD_MODULE:
        check_keyboard(page)
    print(f"{module}: {check_controls_keyboard(page)} explorer controls reached with Tab")
    explorers = check_explorers(page, module, _uses_widgets(browser_course.modules[module]))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    if explorers:
        page.screenshot(path=ARTIFACTS / f"{module}-explorateur.png", full_page=True)

    code = answer_one_question(page, browser_course, module)
    page.screenshot(path=ARTIFACTS / f"{module}.png", full_page=True)
    # The progress table under the header has followed the check, without running it again.
    table = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .esn-progression").first
    questions = len(browser_course.modules[module].answers)
    assert f"1 juste, 0 à revoir, {questions - 1} à faire" in (table.text_content() or "")

    # Saved to disk (Ctrl+S), as the student will hand it in (the instructor test grades it).
    page.keyboard.press("Control+s")
    saved = browser_course.workspace / module / f"{module}.ipynb"
    answer = next(iter(browser_course.modules[module].answers))

    def saved_answer() -> str:
        # JupyterLab clears the tab's "unsaved" mark once the server has answered the
        # save, i.e. after the file was written (atomically): never read it before.
        dirty = page.locator(".lm-TabBar-tab.jp-mod-current.jp-mod-dirty")
        dirty.wait_for(state="detached", timeout=30_000)
        notebook = nbformat.read(saved, as_version=4)
        return str(notebook.cells[_grade_index(notebook, answer)].source)

    deadline = time.monotonic() + 30
    while code not in saved_answer() and time.monotonic() < deadline:
        page.keyboard.press("Control+s")  # an autosave may have raced the first one
        time.sleep(0.3)
    assert code in saved_answer(), "the answer was not saved to disk"

    # Nothing listens beyond 127.0.0.1: the server and its kernels.
    addresses = listening_addresses(student_server.processes())
    assert addresses and all(a.startswith("127.0.0.1:") for a in addresses), addresses
    print(f"{module}: {time.monotonic() - started:.0f} s in the browser")


def test_course_map_opens_first(student_server: LabServer, page: Page) -> None:
    """``make lab`` opens on the course map, which links to every module and the glossary."""
    page.goto(student_server.url("/"), wait_until="commit")
    page.locator(CELL_SELECTOR).first.wait_for(state="attached", timeout=90_000)
    tab = page.locator(".lm-TabBar-tab.jp-mod-current")
    assert "carte_du_cours.ipynb" in (tab.first.text_content() or "")
    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    panel.get_by_text("Les parcours conseillés").first.wait_for(timeout=60_000)
    assert "Premiers pas dans Jupyter" in (panel.text_content() or "")
    hrefs = panel.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    for module in MODULE_NAMES:
        assert any(f"{module}/{module}.ipynb" in (h or "") for h in hrefs), (module, hrefs)


def test_self_paced_solution_opens_after_trying(
    browser_course: BrowserCourse, student_server: LabServer, page: Page
) -> None:
    """« Voir la solution » says to try first, then shows the solution; keyboard operable."""
    module = MODULE_NAMES[0]
    path = f"{SELF_PACED_DIR}/{module}.ipynb"
    # A learner who never checked this module (the formative test answered its first question).
    progress = student_server.home / ".esn-teach" / "progression.json"
    progress.unlink(missing_ok=True)
    released = nbformat.read(browser_course.workspace / path, as_version=4)
    open_notebook(page, student_server, path)
    rounds = run_all_cells(page, sum(cell.cell_type == "code" for cell in released.cells))
    assert rounds == 1
    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    assert "Parcours en autonomie" in (panel.text_content() or "")
    button = panel.get_by_role("button", name="Voir la solution").first
    button.scroll_into_view_if_needed()
    button.focus()
    page.keyboard.press("Enter")  # a real <button>: the keyboard opens it as a click does
    box = panel.locator(".esn-solution").first
    box.get_by_text("Essayez d'abord").wait_for(timeout=30_000)
    assert "Vous n'avez encore essayé aucune réponse" in (box.text_content() or "")
    # Two wrong answers checked (in the kernel, as the check cell would record them).
    answer = next(iter(browser_course.modules[module].answers))
    index = _grade_index(released, f"{answer}_tests")
    assert _grade_index(released, answer) == index - 1
    # Two different wrong answers (their checks must print different messages).
    for wrong in (f"{answer} = -1", f"{answer} = vn / (vn + fp)"):
        editor = cells(page).nth(index - 1).locator(".cm-content").first
        editor.scroll_into_view_if_needed()
        editor.click()
        page.keyboard.press("Control+a")
        page.keyboard.type(wrong)
        run_cell_and_advance(page, index - 1)
        run_cell_and_advance(page, index)
    button.click()
    # Only the opened solution says this (« Solution » alone also matches the button).
    box.get_by_text("comparez-la à votre réponse").wait_for(timeout=30_000)
    shown = box.text_content() or ""
    assert "Essayez d'abord" not in shown
    built = browser_course.source(module)
    solution = _solution_code(built.cells[_grade_index(built, answer)].source)
    assert solution.strip().splitlines()[0] in shown
    # Recorded in the learner's own files, where the next session reads it.
    recorded = json.loads(progress.read_text(encoding="utf-8"))["modules"][module]
    found = recorded["questions"][answer]
    assert (found["state"], found["attempts"], found["solution_seen"]) == ("incorrect", 2, True)
    check_accessibility(page, f"{module}-autonome", COURSE_CONTENT)


# -- instructor ---------------------------------------------------------------------------
#: Hands in the released copy untouched: its feedback page is read by test_feedback_page.
FEEDBACK_STUDENT = "etudiant-retour"


def handed_in(browser_course: BrowserCourse, module: str) -> None:
    """Hand in and autograde, once, the two copies the instructor tests read.

    The student's workspace copy (answered and saved by the student test when it ran
    first) and the released copy untouched, graded together as ``esn-teach autograde``
    does: one run of the grader and its canary for both tests (half a minute each).
    """
    if (browser_course.root, module) in _GRADED:
        return
    copies = {
        STUDENT: browser_course.workspace / module / f"{module}.ipynb",
        FEEDBACK_STUDENT: browser_course.course.release_path(module),
    }
    for student, copy in copies.items():
        submitted = browser_course.root / "submitted" / student / module / f"{module}.ipynb"
        submitted.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(copy, submitted)
    autograde(browser_course.course, module, list(copies))
    _GRADED.add((browser_course.root, module))


_GRADED: set[tuple[Path, str]] = set()


def formgrader(page: Page, server: LabServer) -> FrameLocator:
    """Open nbgrader's formgrader through JupyterLab's menu; return its frame."""
    page.goto(server.url(f"lab/workspaces/{secrets.token_hex(6)}?reset"), wait_until="commit")
    menu(page, "Nbgrader", "Formgrader")
    return page.frame_locator("iframe[src*='formgrader']").first


# One module is enough to follow the manual-grading path; the listing checks them all.
@pytest.mark.parametrize("module", MODULE_NAMES[:1])
def test_formgrader_manual_grading(
    module: str, browser_course: BrowserCourse, instructor_lab: LabServer, page: Page
) -> None:
    """The formgrader lists the module; an autograded copy is graded by hand."""
    source = browser_course.modules[module]
    handed_in(browser_course, module)

    frame = formgrader(page, instructor_lab)
    listed = frame.locator("table").first
    for name in browser_course.modules:
        listed.get_by_role("link", name=name, exact=True).wait_for(timeout=90_000)

    # Manual Grading › the module › its notebook › the (only) submission.
    frame.get_by_role("link", name="Manual Grading").first.click()
    for column in ("Assignment ID", "Notebook ID"):
        table = frame.locator("table").filter(has_text=column)
        table.get_by_role("link", name=module, exact=True).click(timeout=90_000)
    table = frame.locator("table").filter(has_text="Submission ID")
    # Two copies are graded (the feedback test's too): open the student's, by its id.
    with Gradebook(browser_course.course.db_url, browser_course.course.course_id) as gradebook:
        wanted = gradebook.find_submission_notebook(module, module, STUDENT).id
    link = table.get_by_role("link", name=re.compile(r"Submission #\d+"))
    link.and_(table.locator(f"a[href$='/submissions/{wanted}']")).first.click(timeout=90_000)
    # The submission opens in the same frame.

    for name, points in source.written.items():
        score_box = frame.locator(f"input.score#{name}")
        score_box.wait_for(timeout=60_000)
        panel = score_box.locator("xpath=ancestor::div[contains(@class,'nbgrader_cell')]")
        assert "VOTRE RÉPONSE ICI" in panel.inner_text(), "the student's answer is not shown"
        # The marking guide is shown right after the answer being graded.
        guide = panel.locator("xpath=following::div[contains(@class,'text_cell')][1]").inner_text()
        assert "Guide de correction (enseignants" in guide, f"no marking guide: {guide[:200]}"
        score = max(points - 1, 0)
        # The formgrader saves on change. Its page renders each grade again when the grade's
        # data arrives, which can wipe a score typed in the meantime (a loaded machine): type
        # it again then, up to three times; a formgrader that never saves still fails.
        for _ in range(3):
            score_box.fill(f"{score:g}")
            score_box.press("Tab")
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline:
                grades = browser_course.course.grades(module, STUDENT).grades
                if grades.get(name) == (score, points):
                    break
                time.sleep(0.5)
            if grades.get(name) == (score, points):
                break
        assert grades.get(name) == (score, points), f"manual grade of {name} not saved: {grades}"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{module}-formgrader.png", full_page=True)


# -- feedback -----------------------------------------------------------------------------
@pytest.mark.parametrize("module", MODULE_NAMES[:1])
def test_feedback_page(module: str, browser_course: BrowserCourse, page: Page) -> None:
    """The feedback of a blank copy: French, one reason per question, accessible."""
    student = FEEDBACK_STUDENT
    handed_in(browser_course, module)
    generate_feedback(browser_course.course, module)
    html = browser_course.root / "feedback" / student / module / f"{module}.html"
    page.goto(html.as_uri())
    assert page.evaluate("document.documentElement.lang") == "fr"
    summary = page.locator(".esn-summary")
    assert summary.locator("tbody tr").count() == len(browser_course.modules[module].answers) + len(
        browser_course.modules[module].written
    )
    text = summary.inner_text()
    assert "Non traitée" in text and "Aucune réponse rédigée." in text
    for english in ("Score", "Test cell", "No response", "Traceback"):
        assert english not in page.locator("body").inner_text(), english
    assert "Guide de correction" not in page.content()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{module}-retour.png")
    check_accessibility(page, f"{module}-retour")
