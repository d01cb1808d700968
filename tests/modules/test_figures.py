"""Every figure quoted in a module's text is recomputed in the notebook or cited.

A number in the Markdown text (a percentage, a decimal, or a count written with
thousands separators) passes when one of these holds:

- it is printed by the executed solution notebook (recomputed from the data or
  the generator, at the precision written in the text);
- it is a parameter of the exercise, written in a code cell (``95 %`` ↔ ``0.95``);
- its paragraph cites a source — ``(Nom et al., 2019)`` or ``Nom … (2019)`` — whose
  author and year appear in the "Sources" section.
"""

from __future__ import annotations

import re

import pytest
from esn_fixtures import MODULE_NAMES, GradedCourse

pytestmark = pytest.mark.slow

NUMBER = re.compile(
    r"(?<![\w,.])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+,\d+|\d+(?=[ \u00a0\u202f]?%))"
    r"(?:[ \u00a0\u202f]?(%))?"
)
CITATION = re.compile(
    r"([A-ZÉ][\w'\-]+)(?: et al\.?| \*et al\.\*|,? [A-Z][\w'\-]+)*,? \(?(\d{4})\)?"
)


def _value(text: str, percent: bool) -> float:
    value = float(re.sub(r"[ \u00a0\u202f]", "", text).replace(",", "."))
    return value / 100 if percent else value


def _decimals(text: str) -> int:
    return len(text.split(",")[1]) if "," in text else 0


def _numbers_in(text: str) -> set[float]:
    found = set()
    # A count printed with thousands separators (« 10 000 ») is one number.
    text = re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))", "", text)
    for match in re.finditer(r"-?\d+(?:[.,]\d+)?(?:e-?\d+)?(\s?%)?", text):
        raw = match.group(0).replace(",", ".").replace("%", "").strip()
        try:
            value = float(raw)
        except ValueError:
            continue
        found.add(value / 100 if match.group(1) else value)
    return found


def _quoted_figures(markdown: str) -> list[tuple[str, str, bool]]:
    """(paragraph, number text, is percent) for each figure outside the Sources section."""
    body = markdown.split("## Sources")[0]
    body = re.sub(r"`[^`]*`|\$[^$]*\$", " ", body)  # code and formulas are not quotes
    figures = []
    for paragraph in re.split(r"\n\s*\n", body):
        for match in NUMBER.finditer(paragraph):
            figures.append((paragraph, match.group(1), bool(match.group(2))))
    return figures


@pytest.mark.parametrize("name", MODULE_NAMES)
def test_every_quoted_figure_is_recomputed_or_cited(graded_course: GradedCourse, name):
    module = graded_course.modules[name].source
    markdown = "\n\n".join(c.source for c in module.notebook.cells if c.cell_type == "markdown")
    sources = markdown.split("## Sources")[-1] if "## Sources" in markdown else ""
    executed = graded_course.autograded("solution", name)
    printed: set[float] = set()
    code: set[float] = set()
    for cell in executed.cells:
        if cell.cell_type != "code":
            continue
        code |= _numbers_in(cell.source)
        for output in cell.get("outputs", []):
            text = output.get("text", "") + str(output.get("data", {}).get("text/plain", ""))
            text += str(output.get("data", {}).get("text/html", ""))
            printed |= _numbers_in(text)
    problems = []
    for paragraph, text, percent in _quoted_figures(markdown):
        value = _value(text, percent)
        digits = _decimals(text) + (2 if percent else 0)
        if any(round(p, digits) == round(value, digits) for p in printed):
            continue
        if any(abs(c - value) < 1e-12 for c in code):
            continue
        cited = [
            (author, year)
            for author, year in CITATION.findall(paragraph)
            if author in sources and year in sources
        ]
        if cited:
            continue
        problems.append(f"{text}{' %' if percent else ''} in: {paragraph.strip()[:160]!r}")
    assert not problems, "figures neither recomputed nor cited:\n" + "\n".join(problems)


def test_detector_finds_figures_and_accepts_citations():
    figures = _quoted_figures(
        "Le programme retenait 17,7 % de patients noirs (Obermeyer et al., 2019).\n\n"
        "Sur 43 539 patients, `0.5` et $p = 0,01$ ne comptent pas.\n\n## Sources\n- 12,5 %"
    )
    assert [(t, p) for _, t, p in figures] == [("17,7", True), ("43 539", False)]
    assert CITATION.findall("(Obermeyer et al., 2019)") == [("Obermeyer", "2019")]
    assert CITATION.findall("Sjoding *et al.* (2020)") == [("Sjoding", "2020")]
