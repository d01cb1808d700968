"""The self-paced release: solutions after trying, progress, and what selfgrade needs."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import nbformat
import pytest
from esn_fixtures import MODULE_NAMES, NOTEBOOKS, answer_cell, cli, make_course
from nbclient import NotebookClient

from esn_teach.checks import decode_text
from esn_teach.course import (
    GENERATED,
    METADATA_KEY,
    SELF_PACED_BANNER,
    Course,
    CourseError,
    ModuleSource,
    SelfGradeSettings,
    read_module,
    read_self_paced,
    solution_lines,
)
from esn_teach.course._selfpaced import _wrap
from esn_teach.course._source import session_text

pytestmark = pytest.mark.slow

#: A message as the release encodes it in a visible check.
ENCODED = re.compile(r'decode_text\("([A-Za-z0-9+/=]+)"\)')


def answer_grade_id(cell: nbformat.NotebookNode) -> str:
    return cell.metadata.get("nbgrader", {}).get("grade_id", "")


def generated(notebook: nbformat.NotebookNode, kind: str) -> list[nbformat.NotebookNode]:
    return [cell for cell in notebook.cells if cell.metadata.get(GENERATED) == kind]


def test_wrapping_refuses_a_check_whose_meaning_would_change() -> None:
    assert _wrap("x = 1\ncheck(x)", "01_m", "x", evaluation=False).splitlines()[1] == "    x = 1"
    with pytest.raises(CourseError, match="plusieurs lignes"):
        _wrap('message = """deux\nlignes"""\ncheck(message)', "01_m", "x", evaluation=False)
    with pytest.raises(CourseError, match="pas du Python valide"):
        _wrap("check(", "01_m", "x", evaluation=False)


@pytest.mark.parametrize("module", MODULE_NAMES)
def test_each_question_gets_its_solution_after_its_check(
    self_paced_course: Course, module: str
) -> None:
    course = self_paced_course
    released = nbformat.read(course.release_path(module), as_version=4)
    source = course.module(module)
    assert released.cells[1].source == SELF_PACED_BANNER
    (progress,) = generated(released, "progress")
    call = ast.parse(progress.source).body[-1].value
    assert ast.unparse(call.func) == "checks.show_progress" and call.args[0].value == module
    titles = ast.literal_eval(call.args[1])  # each question with its title, as the module heads it
    assert list(titles) == list(source.answers)
    assert all(title.startswith("Question ") for title in titles.values()), titles
    buttons = generated(released, "solution")
    assert len(buttons) == len(source.answers)
    built = nbformat.read(course.source_path(module), as_version=4)
    for name, button in zip(source.answers, buttons, strict=True):
        index = released.cells.index(button)
        tests = released.cells[index - 1]
        assert tests.metadata.nbgrader.grade_id == f"{name}_tests"
        assert tests.source.startswith(f"with checks.question({module!r}, {name!r}):\n")
        encoded = button.source.rsplit("'", 2)[-2]
        solution = decode_text(encoded)
        assert solution.strip() and solution.strip() in answer_cell(built, name).source
    # Solutions are never in clear in the cells; the selfgrade payload is the module itself.
    text = "\n".join(cell.source for cell in released.cells)
    assert not [line for line in solution_lines(source) if line in text]
    payload = read_self_paced(released)
    assert payload.module == module
    whole = (NOTEBOOKS / f"{module}.py").read_text(encoding="utf-8")
    assert payload.source == session_text(whole, "formative")
    # An evaluated session's cells (its cases, keys, hidden tests) are not in it (review 09
    # d19: the whole source travelled, only encoded, in every self-paced copy).
    evaluation = read_module(NOTEBOOKS / f"{module}.py", session="evaluation")
    formative = read_module(NOTEBOOKS / f"{module}.py", session="formative")
    own = {c.source for c in evaluation.notebook.cells} - {
        c.source for c in formative.notebook.cells
    }
    assert not [cell for cell in own if cell.strip() and cell in payload.source]
    assert 'session="' not in payload.source
    # The course's settings as data, read from its configuration; never its program text.
    config = course.config()
    assert payload.settings == SelfGradeSettings(
        course.course_id,
        config.Execute.timeout,
        tuple(config.ClearSolutions.code_stub.items()),
        config.ClearSolutions.text_stub,
    )
    carried = json.loads(decode_text(released.metadata[METADATA_KEY]["selfgrade"]))
    assert set(carried) == {"module", "source", "settings"}
    assert "get_config" not in json.dumps(carried["settings"])
    assert "selfgrade_button" in released.cells[-1].source
    # Each written reflection is followed by its marking guide, for self-assessment.
    guides = generated(released, "guide")
    assert len(guides) == len(source.written)
    for name, guide in zip(source.written, guides, strict=True):
        before = released.cells[released.cells.index(guide) - 1]
        assert before.metadata.nbgrader.grade_id == name
        text = decode_text(guide.source.rsplit("'", 2)[-2])
        assert text and "BEGIN SOLUTION" not in text
        written = next(c for c in source.notebook.cells if answer_grade_id(c) == name)
        assert text in written.source


@pytest.mark.parametrize("module", MODULE_NAMES)
def test_the_formative_release_has_progress_but_never_solutions(graded_course, module) -> None:
    released = nbformat.read(graded_course.course.release_path(module), as_version=4)
    assert len(generated(released, "progress")) == 1
    assert not generated(released, "solution") and not generated(released, "selfgrade")
    assert METADATA_KEY not in released.metadata
    with pytest.raises(CourseError, match="publication en autonomie"):
        read_self_paced(released)


def test_one_release_mode_at_a_time(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_course(tmp_path / "grading")
    assert cli(root, "release", "01", "--evaluation", "--autonome") == 2
    assert "une seule publication" in capsys.readouterr().err


def run(notebook: nbformat.NotebookNode, folder: Path) -> nbformat.NotebookNode:
    copy = nbformat.reads(nbformat.writes(notebook), as_version=4)
    NotebookClient(copy, timeout=120, resources={"metadata": {"path": str(folder)}}).execute()
    return copy


def outputs_text(cell: nbformat.NotebookNode) -> str:
    parts = []
    for output in cell.get("outputs", []):
        parts.extend(str(v) for v in output.get("data", {}).values())
        parts.append(str(output.get("text", "")) + str(output.get("evalue", "")))
    return "\n".join(parts)


def test_progress_survives_a_new_session(
    self_paced_course: Course, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = MODULE_NAMES[0]
    self_paced_course.ready(module)
    progress = tmp_path / "progression.json"
    monkeypatch.setenv("ESN_TEACH_PROGRESS", str(progress))
    released = nbformat.read(self_paced_course.release_path(module), as_version=4)
    built = nbformat.read(self_paced_course.source_path(module), as_version=4)
    first = next(iter(self_paced_course.module(module).answers))
    answered = nbformat.reads(nbformat.writes(released), as_version=4)
    answer_cell(answered, first).source = answer_cell(built, first).source
    run(answered, tmp_path)  # first session: the first question answered and checked
    entry = json.loads(progress.read_text(encoding="utf-8"))["modules"][module]
    found = entry["questions"][first]
    assert (found["state"], found["attempts"]) == ("correct", 1)
    assert entry["seconds"] > 0  # every cell run after the table counts as activity
    # A new kernel, the next day: the table at the top shows the question done.
    again = run(released, tmp_path)
    (table,) = generated(again, "progress")
    assert "1 juste, 0 à revoir" in outputs_text(table)
    assert "\u2714 juste" in outputs_text(table)


def message_texts(module: ModuleSource) -> dict[str, list[str]]:
    """The prose of each visible check of a module's source: the messages naming mistakes.

    Read independently of how the release finds them: every string literal of three
    words or more (success sentences included: they explain the right option), except
    the options, the hints, dictionary keys (the items of ``check_choices``), what is
    printed, what is put into a template, and the parts of f-strings (left readable).
    """
    texts = {}
    for cell in module.notebook.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or not meta.get("grade") or meta.get("solution"):
            continue
        tree = ast.parse(cell.source.split("### BEGIN HIDDEN TESTS")[0])
        skipped: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.keyword) and node.arg in {"options", "hint"}:
                skipped |= {id(inner) for inner in ast.walk(node.value)}
            elif isinstance(node, ast.JoinedStr):
                skipped |= {id(inner) for inner in ast.walk(node)}
            elif isinstance(node, ast.Dict):  # the items of check_choices: names, not prose
                skipped |= {id(key) for key in node.keys if key is not None}
            elif isinstance(node, ast.Call) and (
                getattr(node.func, "id", "") == "print"
                or getattr(node.func, "attr", "") == "format"
            ):
                skipped |= {id(inner) for arg in node.args for inner in ast.walk(arg)}
        texts[meta["grade_id"]] = [
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and len(node.value.split()) >= 3
            and id(node) not in skipped
        ]
    return texts


@pytest.mark.parametrize("module", MODULE_NAMES)
def test_visible_checks_carry_their_messages_encoded(
    graded_course, self_paced_course: Course, module: str
) -> None:
    """Reading a check's messages would answer a choice by elimination: none is readable."""
    texts = message_texts(self_paced_course.module(module))
    assert sum(map(len, texts.values())) >= len(texts), "each check names some mistake"
    for course in (graded_course.course, self_paced_course):  # formative, self-paced
        released = nbformat.read(course.release_path(module), as_version=4)
        checks_cells = {
            answer_grade_id(cell): cell.source
            for cell in released.cells
            if answer_grade_id(cell).endswith("_tests")
        }
        assert set(checks_cells) == set(texts)
        for grade_id, messages in texts.items():
            cell = checks_cells[grade_id]
            readable = [
                node.value
                for node in ast.walk(ast.parse(cell))
                if isinstance(node, ast.Constant) and isinstance(node.value, str)
            ]
            leaked = [m for m in messages if m in cell or any(m in text for text in readable)]
            assert not leaked, f"{course.root.name} {grade_id}: {leaked}"
            carried = [decode_text(blob) for blob in ENCODED.findall(cell)]
            assert [m for m in messages if m not in carried] == [], grade_id


def test_a_released_check_still_names_the_mistake(
    graded_course, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The encoded messages are decoded when the student runs the check."""
    monkeypatch.setenv("ESN_TEACH_PROGRESS", str(tmp_path / "progression.json"))
    module = MODULE_NAMES[0]
    mistake = graded_course.modules[module].source.wrong_answers[0]
    released = nbformat.read(graded_course.course.release_path(module), as_version=4)
    answer_cell(released, mistake.answer).source = mistake.code
    check = answer_cell(run(released, tmp_path), f"{mistake.answer}_tests")
    assert mistake.message not in check.source
    assert mistake.message in outputs_text(check)
