"""Feedback in French, never showing the source of hidden tests.

:class:`FrenchFeedback` runs inside nbgrader's ``GenerateFeedback``, after
``GetGrades`` (so the scores are nbgrader's). It removes hidden-test regions
from test cells (nbgrader's ``ClearHiddenTests`` logic), keeps only the
check's message of each error (a traceback would quote hidden lines), and puts
a French summary on top: per question, points and the check's message.

Everything the submission contains is made safe for the browser: the summary
escapes what it quotes (grade ids, messages, comments), and
:func:`~esn_teach.grading._sanitise.sanitise_notebook` sanitises markdown cells
and outputs (no script, no event handler, no ``javascript:`` link). The
student's code is shown as written, escaped by the template.
"""

from __future__ import annotations

from html import escape

import nbformat
from nbgrader.preprocessors import ClearHiddenTests, NbGraderPreprocessor

from esn_teach.grading._cells import is_test, nbgrader_meta
from esn_teach.grading._sanitise import printable, sanitise_notebook

__all__ = ["FrenchFeedback", "check_message"]


def check_message(cell: nbformat.NotebookNode) -> str:
    """Return the message of a failed test cell (the check's French sentence), or ``""``."""
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            value = str(output.get("evalue", "")).strip()
            name = str(output.get("ename", ""))
            return value.splitlines()[0] if value else name
    return ""


def _number(value: object) -> str:
    """Return a score or a number of points as shown (``—`` if it is not a number)."""
    try:
        # Any JSON value by design: float() rejects the non-numbers with the errors below.
        return f"{float(value):g}"  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "—"


def _text(value: object, limit: int = 500) -> str:
    """Return submission text as escaped HTML on one line."""
    return escape(printable(value, limit=limit), quote=False)


def _summary(rows: list[tuple[str, str, str]], total: object, maximum: object) -> str:
    """Return the French summary as one line of HTML (copied as is by ``markdown2html``)."""
    parts = ['<div class="esn-summary">', "<h2>Votre résultat</h2>"]
    if total is not None and maximum is not None:
        parts.append(f"<p><strong>Note : {_number(total)} / {_number(maximum)}</strong></p>")
    if rows:
        parts.append(
            '<table class="table table-condensed"><thead><tr><th>Question</th><th>Points</th>'
            "<th>Message de la vérification</th></tr></thead><tbody>"
        )
        parts += [
            f"<tr><td>{question}</td><td>{points}</td><td>{status}</td></tr>"
            for question, points, status in rows
        ]
        parts.append("</tbody></table>")
    parts.append(
        "<p>Votre code et ses résultats suivent, tels que vous les avez rendus. Les "
        "vérifications cachées ne sont pas montrées.</p></div>"
    )
    return "".join(parts)


class FrenchFeedback(NbGraderPreprocessor):
    """Hide hidden tests and tracebacks, sanitise the notebook, add a French summary."""

    def preprocess(self, nb, resources):
        """Clean test cells, sanitise every cell for HTML and insert the summary cell."""
        hider = ClearHiddenTests(enforce_metadata=False)
        rows = []
        for cell in nb.cells:
            meta = nbgrader_meta(cell)
            if not meta.get("grade"):
                continue
            message = check_message(cell) if cell.cell_type == "code" else ""
            if is_test(cell):
                hider._remove_hidden_test_region(cell)
                for output in cell.get("outputs", []):
                    if output.get("output_type") == "error":
                        output["traceback"] = [
                            f"{output.get('ename', '')}: {output.get('evalue', '')}"
                        ]
            score = meta.get("score")
            points = meta.get("points")
            question = str(meta.get("grade_id", "")).removesuffix("_tests")
            shown = "—" if score is None else _number(score)
            status = _text(message) if message else "réussi"
            if cell.cell_type != "code":
                comment = printable(meta.get("comment") or "", limit=500)
                status = "réponse rédigée, notée par l'enseignant" + (
                    f" : {escape(comment, quote=False)}" if comment else ""
                )
                if score is None:
                    shown = "à noter"
            rows.append((_text(question, 100), f"{shown} / {_number(points or 0)}", status))
        info = resources.get("nbgrader", {})
        sanitise_notebook(nb)
        summary = nbformat.v4.new_markdown_cell(
            _summary(rows, info.get("score"), info.get("max_score"))
        )
        nb.cells.insert(0, summary)
        return nb, resources
