"""Feedback in French, never showing the source of hidden tests.

:class:`FrenchFeedback` runs inside nbgrader's ``GenerateFeedback``, after
``GetGrades`` (so the scores are nbgrader's). It removes hidden-test regions
from test cells (nbgrader's ``ClearHiddenTests`` logic), keeps only the
check's message of each error (a traceback would quote hidden lines), and puts
a French summary on top: per question, points and the check's message. The
student's own code and outputs are left as they are.
"""

from __future__ import annotations

import nbformat
from nbgrader.preprocessors import ClearHiddenTests, NbGraderPreprocessor

__all__ = ["FrenchFeedback", "check_message"]


def _meta(cell: nbformat.NotebookNode) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {}) or {}


def check_message(cell: nbformat.NotebookNode) -> str:
    """Return the message of a failed test cell (the check's French sentence), or ``""``."""
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            value = str(output.get("evalue", "")).strip()
            name = str(output.get("ename", ""))
            return value.splitlines()[0] if value else name
    return ""


class FrenchFeedback(NbGraderPreprocessor):
    """Hide hidden tests and tracebacks; add a French per-question summary."""

    def preprocess(self, nb, resources):  # type: ignore[override]
        """Clean test cells and insert the summary cell."""
        hider = ClearHiddenTests(enforce_metadata=False)
        rows = []
        for cell in nb.cells:
            meta = _meta(cell)
            if not meta.get("grade"):
                continue
            message = check_message(cell) if cell.cell_type == "code" else ""
            if cell.cell_type == "code" and not meta.get("solution"):
                hider._remove_hidden_test_region(cell)
                for output in cell.get("outputs", []):
                    if output.get("output_type") == "error":
                        output["traceback"] = [
                            f"{output.get('ename', '')}: {output.get('evalue', '')}"
                        ]
            score = meta.get("score")
            points = meta.get("points")
            question = str(meta.get("grade_id", "")).removesuffix("_tests")
            shown = "—" if score is None else f"{float(score):g}"
            status = "réussi" if not message else message.replace("|", "/")
            if cell.cell_type != "code":
                comment = str(meta.get("comment") or "").replace("|", "/").replace("\n", " ")
                status = "réponse rédigée, notée par l'enseignant" + (
                    f" : {comment}" if comment else ""
                )
                if score is None:
                    shown = "à noter"
            rows.append(f"| {question} | {shown} / {float(points or 0):g} | {status} |")
        info = resources.get("nbgrader", {})
        total = info.get("score")
        maximum = info.get("max_score")
        lines = ["## Votre résultat"]
        if total is not None and maximum is not None:
            lines.append(f"**Note : {float(total):g} / {float(maximum):g}**")
        if rows:
            lines += ["", "| Question | Points | Message de la vérification |", "|---|---|---|"]
            lines += rows
        lines += [
            "",
            "Votre code et ses résultats suivent, tels que vous les avez rendus. Les "
            "vérifications cachées ne sont pas montrées.",
        ]
        nb.cells.insert(0, nbformat.v4.new_markdown_cell("\n".join(lines)))
        return nb, resources
