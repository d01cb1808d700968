"""What submissions contain reaches terminals, spreadsheets and browsers inert (no kernel)."""

from __future__ import annotations

import base64
import csv
import os
import re
import sys
import unicodedata
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from nbgrader.api import Gradebook
from nbgrader.utils import determine_grade

from esn_teach.grading import QuestionStats, format_table, write_moodle
from esn_teach.grading._export import finish_csv_export
from esn_teach.grading._feedback import feedback_html
from esn_teach.grading._report import write_report
from esn_teach.grading._sanitise import (
    _SUSPECT,
    LimitOutputSize,
    csv_restore,
    csv_safe,
    printable,
    safe_html,
    safe_markdown,
    sanitise_notebook,
    truncation_note,
)

IMG = "<img src=x onerror=alert(1)>"
MESSAGE = f"Vous avez répondu « {IMG} » : ce n'est pas la valeur attendue."
# Anything the tests below find in an attribute or a script means the attack worked.
PAYLOAD = re.compile(r"alert\(|javascript:|onerror|onload|onclick", re.IGNORECASE)


# -- printable ------------------------------------------------------------------------


def test_printable_removes_ansi_sequences_and_escapes_controls():
    text = "\x1b]0;pwned\x07\x1b[2J\x1b[31mErreur\x1b[0m : x\x07y\x00z\x9bA\x85"
    assert printable(text) == "Erreur : x\\x07y\\x00z\\x85"
    assert "\x1b" not in printable("\x1b]8;;http://x\x1b\\lien\x1b]8;;\x1b\\ \x1bc \x1b")
    # An unterminated OSC sequence does not swallow the rest (and stays linear).
    assert printable("\x1b]0;titre sans fin") == "0;titre sans fin"
    assert printable("\x1b]" * 50_000).count("\\x") == 0


def test_printable_shows_bidi_and_invisible_characters():
    for code in [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200B, 0x200F, 0xFEFF, 0x2028]:
        assert printable(f"a{chr(code)}b") == f"a\\u{code:04x}b"
    assert printable("x\U000e0041y") == "x\\U000e0041y"
    assert printable("\ud800") == "\\ud800"  # a lone surrogate would crash print()


def test_printable_keeps_french_text_and_newlines_when_asked():
    french = "Élève : « déjà vu » – 12\u202f% d’écart, à l’œil\u00a0! 🎓"
    assert printable(french) == french
    assert printable("un\r\ndeux\ntrois\ttab") == "un deux trois tab"
    assert printable("un\r\ndeux\rtrois", newlines=True) == "un\ndeux\\x0dtrois"


def test_printable_limit():
    assert printable("abcdef", limit=4) == "abc…"
    assert printable("abc", limit=3) == "abc"
    huge = "é" * 10_000_000
    assert printable(huge, limit=10) == "é" * 9 + "…"
    assert printable(None) == ""


def test_suspect_characters_match_unicode_categories():
    categories = {"Cc", "Cf", "Cs", "Zl", "Zp"}
    for code in range(sys.maxunicode + 1):
        character = chr(code)
        if unicodedata.category(character) in categories:
            assert _SUSPECT.fullmatch(character), hex(code)
    assert not _SUSPECT.search("\u202f\u00a0é«»’")


# -- CSV ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        '=HYPERLINK("http://x")',
        "+1+1",
        "-1+1",
        "@SUM(A1)",
        "\t=1",
        " =1+1",
        "＝1+1",
        "'=1",
        "'",
    ],
)
def test_csv_safe_neutralises_formulas_reversibly(value):
    cell = csv_safe(value, newlines=False)
    assert cell.startswith("'")
    if printable(value) == value:
        assert csv_restore(cell) == value


@pytest.mark.parametrize("value", ["ana", "p-0123abcd", "-1.5", "+2", "3e-4", "1,5", "", "l'an"])
def test_csv_safe_leaves_ordinary_cells(value):
    assert csv_safe(value) == value
    assert csv_restore(value) == value


def test_csv_safe_escapes_controls():
    assert csv_safe("\x1b[2Jeffacé\u202e") == "effacé\\u202e"
    assert csv_safe("\r=1") == "\\x0d=1"
    assert csv_safe("ligne 1\nligne 2") == "ligne 1\nligne 2"
    assert csv_safe(None) == "" and csv_safe(1.5) == "1.5"


@pytest.fixture(scope="module")
def hostile_gradebook(tmp_path_factory) -> str:
    """A gradebook whose student ids (and a first name) are spreadsheet formulas."""
    root = tmp_path_factory.mktemp("gradebook")
    url = f"sqlite:///{root / 'gradebook.db'}"
    path = os.environ.get("PATH", "")
    # nbgrader runs the alembic command to create the gradebook.
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{path}"
    try:
        with Gradebook(url, "cours") as gradebook:
            gradebook.add_assignment("01_mini")
            gradebook.add_student('=HYPERLINK("http://x")')
            gradebook.add_student("+1+1")
            gradebook.add_student("ana", first_name="=cmd|' /C calc'!A0")
            gradebook.add_submission("01_mini", "ana")  # a module column needs a submission
    finally:
        os.environ["PATH"] = path
    return url


def _assert_inert(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    for row in rows:
        for cell in row:
            stripped = cell.lstrip(" \u00a0")
            assert (
                not stripped[:1]
                or stripped[0] not in "=+-@\t\r"
                or re.fullmatch(r"[+-]?[\d.]+", cell)
            ), cell
    return rows


@pytest.mark.slow  # several seconds: make test, not the fast loop
def test_moodle_csv_keeps_hostile_student_ids_inert(hostile_gradebook, tmp_path):
    destination = write_moodle(tmp_path / "moodle.csv", hostile_gradebook, "cours", [])
    rows = _assert_inert(destination)
    ids = {row[0] for row in rows[1:]}
    assert ids == {'\'=HYPERLINK("http://x")', "'+1+1", "ana"}
    assert rows[0] == ["Numéro d'identification", "01_mini"]
    assert {row[0]: row[1] for row in rows[1:]}["ana"] == "0.00"  # the others: empty, not 0
    assert {csv_restore(cell) for cell in ids} == {'=HYPERLINK("http://x")', "+1+1", "ana"}


def test_nbgrader_csv_export_is_neutralised_and_pseudonymised(hostile_gradebook, tmp_path):
    from nbgrader.plugins import CsvExportPlugin

    url = hostile_gradebook
    for key in (None, b"une-cle-de-seize-caracteres"):
        path = tmp_path / f"notes-{key is None}.csv"
        plugin = CsvExportPlugin(to=str(path), assignment=[], student=[])
        with Gradebook(url, "cours") as gradebook:
            plugin.export(gradebook)
        assert "=HYPERLINK" in path.read_text(encoding="utf-8")  # nbgrader writes it raw
        rows = _assert_inert(finish_csv_export(path, key))
        header, *rows = rows
        student = {row[header.index("student_id")]: row for row in rows}
        if key is None:
            assert set(student) == {'\'=HYPERLINK("http://x")', "'+1+1", "ana"}
            assert student["ana"][header.index("first_name")] == "'=cmd|' /C calc'!A0"
        else:
            assert all(identity.startswith("p-") for identity in student)
            assert all(row[header.index("first_name")] == "" for row in rows)
        assert all(row[header.index("score")] == "0.0" for row in rows)


def test_report_csv_and_table_are_inert(tmp_path):
    entry = QuestionStats("q\x1b]0;pwned\x07_tests", 1.0, graded=2, full_marks=1)
    entry.failures["=1+1 \x1b[2J\u202eeuqilbup"] = 2
    text = format_table([entry])
    assert "\x1b" not in text and "\u202e" not in text
    assert "\\u202e" in text
    table, _plot = write_report([entry], tmp_path / "rapport", "01_mini")
    with table.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert "\x1b" not in table.read_text(encoding="utf-8")
    assert rows[1][0] == "q_tests"
    assert rows[1][-1].startswith("2 × =1+1")  # not the first character: no formula


# -- HTML -----------------------------------------------------------------------------


def _active(markup: str) -> list[str]:
    """What in ``markup`` could run script (ignoring the page's own MathJax scripts)."""
    found = []
    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup.find_all(True):
        if tag.name in ("script", "iframe", "object", "embed", "svg") and PAYLOAD.search(
            tag.decode()
        ):
            found.append(tag.decode()[:200])
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on") or PAYLOAD.search(value):
                found.append(f"<{tag.name} {name}={value[:100]!r}>")
    return found


def test_the_detector_sees_active_html():
    assert _active(f"<p>{IMG}</p><a href='javascript:alert(1)'>x</a><script>alert(1)</script>")
    assert len(_active(f"<p>{IMG}</p><a href='javascript:alert(1)'>x</a>")) == 2


def test_safe_html_removes_script_and_keeps_tables():
    markup = (
        "<div><style scoped>.dataframe{}</style><table border='1' class='dataframe'>"
        "<tr><th style='text-align: right; position: fixed'>a</th><td colspan='2'>1</td></tr>"
        f"</table>{IMG}<script>alert(1)</script><a href='javascript:alert(1)'>j</a>"
        "<a href=' jav&#x09;ascript:alert(1)'>k</a><a href='data:text/html,x'>d</a>"
        "<a href='https://ens.fr' target='_blank' id='top'>ok</a>"
        "<iframe src='https://x'></iframe><svg onload=alert(1)></svg></div>"
    )
    cleaned = safe_html(markup)
    assert _active(cleaned) == []
    assert "<table" in cleaned and 'class="dataframe"' in cleaned
    assert "text-align: right" in cleaned and "position" not in cleaned
    assert ".dataframe{}" not in cleaned and "alert" not in cleaned
    assert '<a href="https://ens.fr">ok</a>' in cleaned
    assert safe_html("<img src='data:image/png;base64,iVBO' width='10 onerror=x'>") == (
        '<img src="data:image/png;base64,iVBO">'
    )


def test_safe_markdown_drops_javascript_links_and_keeps_math():
    source = (
        "# Titre\n\n[clic](javascript:alert(1)) [bis]( JaVaScRiPt:alert(1)) "
        "<javascript:alert(1)> ![i](javascript:alert(1))\n\n"
        f"{IMG}\n\n$a<b$ et `<code>`\n\n> citation"
    )
    cleaned = safe_markdown(source)
    assert _active(cleaned) == []
    assert "<h1>Titre</h1>" in cleaned
    assert "$a&lt;b$" in cleaned and "<code>&lt;code&gt;</code>" in cleaned
    assert "<blockquote>" in cleaned
    attached = safe_markdown(
        "![fig](attachment:f.png)", attachments={"f.png": {"image/png": "iVBO"}}
    )
    assert 'src="data:image/png;base64,iVBO"' in attached
    assert safe_markdown("![x](attachment:absent.png)").startswith("<pre>")


# -- the feedback page ----------------------------------------------------------------


def _grading(**meta) -> dict:
    return {"schema_version": 3, "locked": False, "solution": False, "grade": False, **meta}


def _hostile_autograded() -> nbformat.NotebookNode:
    """An autograded notebook whose student tried every way into the feedback page."""
    answer = nbformat.v4.new_code_cell(
        f"x = {IMG!r}\nfrom IPython.display import HTML\n"
        "display(HTML('<script>alert(1)</script>'))",
        execution_count=1,
    )
    answer.metadata["nbgrader"] = _grading(grade_id="x", solution=True)
    answer.outputs = [
        nbformat.v4.new_output(
            "display_data",
            data={"text/html": "<script>alert(1)</script>", "text/plain": "<HTML object>"},
        ),
        nbformat.v4.new_output(
            "display_data", data={"application/javascript": "alert(1)", "text/plain": "js"}
        ),
        nbformat.v4.new_output(
            "display_data",
            data={"image/png": "iVBORw0KGgo="},
            metadata={"image/png": {"width": "1 onerror=alert(1)", "height": 20}},
        ),
        nbformat.v4.new_output(
            "display_data", data={"text/markdown": "[m](javascript:alert(1)) **gras**"}
        ),
        nbformat.v4.new_output("stream", name="stdout", text=f"{IMG}\n"),
    ]
    tests = nbformat.v4.new_code_cell(
        "checks.check_text(x, expected='Paris')\n### BEGIN HIDDEN TESTS\nassert x == 'Paris'"
        "  # SECRET_HIDDEN_CHECK\n### END HIDDEN TESTS",
        execution_count=2,
    )
    tests.metadata["nbgrader"] = _grading(
        grade_id="x_tests", grade=True, locked=True, points=1, score=0.0
    )
    tests.outputs = [
        nbformat.v4.new_output(
            "error", ename="AssertionError", evalue=MESSAGE, traceback=[f"\x1b[31m{MESSAGE}"]
        )
    ]
    written = nbformat.v4.new_markdown_cell(
        f"Mon avis : [lien](javascript:alert(1)) {IMG} <script>alert(1)</script>"
        "<a href='javascript:alert(1)'>a</a>"
    )
    written.metadata["nbgrader"] = _grading(
        grade_id="avis", grade=True, solution=True, points=1, score=0.5, comment=f"Voir {IMG}"
    )
    own = nbformat.v4.new_markdown_cell("[encore](javascript:alert(1))\n\n<svg onload=alert(1)>")
    raw = nbformat.v4.new_raw_cell("<script>alert(1)</script>", metadata={"format": "text/html"})
    notebook = nbformat.v4.new_notebook(cells=[answer, tests, written, own, raw])
    notebook.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"x": 1}}
    return notebook


def _render_feedback(notebook: nbformat.NotebookNode) -> str:
    """Render as nbgrader's GenerateFeedback does with the course's configuration."""
    return feedback_html(notebook, name="01_mini", score=0.0, max_score=2.0)


def test_feedback_page_runs_no_student_script():
    page = _render_feedback(_hostile_autograded())
    assert _active(page) == []
    soup = BeautifulSoup(page, "html.parser")
    for script in soup.find_all("script"):
        assert "alert" not in script.decode()
    for link in soup.find_all(href=True):
        assert not link["href"].strip().lower().startswith(("javascript", "data:text"))
    # What the student wrote is still there, as text.
    assert "Retour sur votre copie" in page and "Ce qui s'est passé" in page
    summary = soup.find(class_="esn-summary")
    assert IMG in summary.get_text()
    assert summary.find("img") is None
    assert "Réponse rédigée, notée par l'enseignant" in summary.get_text()
    assert "Mon avis" in page and "gras" in page
    assert "SECRET_HIDDEN_CHECK" not in page
    assert "application/vnd.jupyter.widget-state" not in page


def test_sanitise_notebook_outputs():
    notebook = _hostile_autograded()
    # Set by the kernel, which student code controls (nbconvert refuses such a notebook).
    notebook.cells[0]["execution_count"] = IMG
    sanitise_notebook(notebook)
    answer = notebook.cells[0]
    assert answer.execution_count is None
    html_output, js_output, image, markdown, stream = answer.outputs
    assert html_output.data == {"text/plain": "<HTML object>"}  # nothing left to show as HTML
    assert js_output.data == {"text/plain": "js"}
    assert image.metadata == {"image/png": {"height": 20}}
    assert "<strong>gras</strong>" in markdown.data["text/html"]
    assert "javascript" not in markdown.data["text/html"]
    assert stream.text == f"{IMG}\n"  # escaped by the template itself
    assert "format" not in notebook.cells[4].metadata
    svg = nbformat.v4.new_output("display_data", data={"image/svg+xml": "<svg onload='x'/>"})
    cell = nbformat.v4.new_code_cell(outputs=[svg])
    sanitise_notebook(nbformat.v4.new_notebook(cells=[cell]))
    assert cell.outputs[0].data["text/html"].startswith('<img src="data:image/svg+xml;base64,')


# -- output size ----------------------------------------------------------------------


def _code(*outputs, **grading) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell("print(...)", outputs=list(outputs))
    if grading:
        cell.metadata["nbgrader"] = _grading(grade_id="t", grade=True, points=1, **grading)
    return cell


def _limit(*cells, **traits) -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook(cells=list(cells))
    LimitOutputSize(**traits).preprocess(notebook, {})
    return notebook


def test_single_line_of_5_mb_is_cut():
    line = "é" * 2_500_000  # 5 MB of UTF-8 on one line
    stream = nbformat.v4.new_output("stream", name="stdout", text=line)
    result = nbformat.v4.new_output("execute_result", data={"text/plain": line}, execution_count=1)
    notebook = _limit(_code(stream, result), max_output_bytes=1000)
    stream, result = notebook.cells[0].outputs
    assert len(stream.text.encode()) < 1200
    assert stream.text.startswith("é" * 500)
    assert truncation_note(5_000_000 - 1000) in stream.text
    assert "octets supprimés" in stream.text and "4\u202f999\u202f000" in stream.text
    assert len(result.data["text/plain"].encode()) < 1200
    nbformat.validate(notebook)


def test_errors_stay_errors_and_grades_do_not_change():
    huge = "x" * 5_000_000
    error = nbformat.v4.new_output(
        "error", ename="AssertionError", evalue=f"message {huge}", traceback=["a", huge, "fin"]
    )
    stderr = nbformat.v4.new_output("stream", name="stderr", text=huge)
    partial = nbformat.v4.new_output(
        "execute_result", data={"text/plain": "0." + "0" * 3_000_000 + "5"}, execution_count=1
    )
    cells = [_code(error), _code(stderr), _code(partial)]
    for cell in cells:
        cell.metadata["nbgrader"] = _grading(grade_id=f"t{id(cell)}", grade=True, points=1)
    before = [determine_grade(cell) for cell in cells]
    notebook = _limit(*cells, max_output_bytes=10_000)
    assert (
        [determine_grade(cell) for cell in notebook.cells]
        == before
        == [
            (0, 1.0),
            (0, 1.0),
            (0.0, 1.0),
        ]
    )
    error = notebook.cells[0].outputs[0]
    assert error.output_type == "error" and error.ename == "AssertionError"
    assert error.evalue.startswith("message xxx") and "octets supprimés" in error.evalue
    assert error.traceback[0] == "a" and error.traceback[1].startswith("xxx")
    assert "octets supprimés" in error.traceback[2] and error.traceback[-1] == "fin"
    assert sum(len(line) for line in error.traceback) < 11_000
    assert notebook.cells[2].outputs[0].data["text/plain"] == "0.0"
    nbformat.validate(notebook)


def test_many_outputs_share_the_notebook_budget():
    chunk = "y" * 1000 + "\n"
    outputs = [nbformat.v4.new_output("stream", name="stdout", text=chunk) for _ in range(500)]
    outputs.append(nbformat.v4.new_output("stream", name="stderr", text="warning\n"))
    outputs.append(nbformat.v4.new_output("error", ename="ValueError", evalue="v", traceback=[]))
    images = [
        nbformat.v4.new_output(
            "display_data",
            data={"image/png": base64.b64encode(b"p" * 30_000).decode(), "text/plain": "<Fig>"},
        )
        for _ in range(5)
    ]
    notebook = _limit(_code(*outputs), _code(*images), max_notebook_bytes=50_000)
    first, second = notebook.cells
    total = sum(len(o.get("text", "")) for o in first.outputs)
    assert total < 60_000
    kinds = [(o.output_type, o.get("name")) for o in first.outputs]
    assert ("stream", "stderr") in kinds and ("error", None) in kinds
    assert "sortie(s) supprimée(s)" in first.outputs[-1].text
    assert len(second.outputs) == 1 and "sortie(s) supprimée(s)" in second.outputs[0].text
    nbformat.validate(notebook)


def test_images_that_do_not_fit_are_replaced_by_a_note():
    image = nbformat.v4.new_output(
        "display_data",
        data={"image/png": "A" * 50_000, "text/html": "<b>" + "z" * 50_000 + "</b>"},
    )
    small = nbformat.v4.new_output("display_data", data={"image/png": "A" * 100})
    notebook = _limit(_code(image, small), max_output_bytes=10_000)
    image, small = notebook.cells[0].outputs
    assert set(image.data) == {"text/plain"}
    assert image.data["text/plain"] == truncation_note(100_007)
    assert small.data == {"image/png": "A" * 100}


def test_line_limits_keep_every_stream():
    many = "\n".join(f"ligne {k}" for k in range(50))
    outputs = [
        nbformat.v4.new_output("stream", name="stdout", text=many),
        nbformat.v4.new_output("stream", name="stderr", text="erreur\n"),
    ]
    notebook = _limit(_code(*outputs), max_lines=10)
    stdout, stderr = notebook.cells[0].outputs
    assert stdout.text.count("\n") == 9 and "lignes supprimées" in stdout.text
    assert stderr.name == "stderr" and "lignes supprimées" in stderr.text
    assert determine_grade(_code(*notebook.cells[0].outputs, locked=True)) == (0, 1.0)


def test_limits_come_from_the_nbgrader_configuration():
    from traitlets.config import Config

    config = Config()
    config.LimitOutput.max_lines = 3  # the course's existing setting still applies
    config.LimitOutputSize.max_output_bytes = 20
    limiter = LimitOutputSize(config=config)
    assert (limiter.max_lines, limiter.max_output_bytes) == (3, 20)
    cell = _code(nbformat.v4.new_output("stream", name="stdout", text="é" * 100))
    cell, _ = limiter.preprocess_cell(cell, {}, 0)
    assert cell.outputs[0].text == "é" * 10 + "\n" + truncation_note(180) + "\n"
