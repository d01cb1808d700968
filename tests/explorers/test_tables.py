"""The explorers' shared table helper and the HTML every explorer shows."""

import math
import re
from functools import cache

import numpy as np
import pandas as pd
import pytest
from bs4 import BeautifulSoup

from esn_teach._formatting import fr_percent
from esn_teach.datasets import (
    fit_risk_score,
    make_cost_vs_need_cohort,
    make_french_registry,
    make_voter_list,
)
from esn_teach.explorers import (
    AnonymisationExplorer,
    CostNeedExplorer,
    FairnessExplorer,
    LegalPathExplorer,
    OximetryExplorer,
    ThresholdExplorer,
)
from esn_teach.explorers._table import new_table_id, styled_table

NBSP = "\u00a0"


def _soup(html: str) -> BeautifulSoup:
    soup = BeautifulSoup(html, "html.parser")
    for style in soup("style"):
        style.decompose()  # CSS rules are not shown
    return soup


def _cells(html: str) -> dict[tuple[str, str], str]:
    """Shown text of each data cell, keyed by (row header, column header)."""
    table = _soup(html).table
    headers = [th.get_text() for th in table.thead("th")]
    cells = {}
    for tr in table.tbody("tr"):
        row = tr.th.get_text()
        for header, td in zip(headers[1:], tr("td"), strict=True):
            cells[row, header] = td.get_text()
    return cells


# -- styled_table ---------------------------------------------------------------------------


def test_numbers_are_french_and_text_is_escaped():
    frame = pd.DataFrame(
        {"Groupe <A>": [12_345, 0.5, math.nan, "a < b"]},
        index=["Effectif", "Part", "Inconnu", "Note"],
        dtype=object,
    )
    html = styled_table(frame, caption="Titre & <b>", table_id="t").to_html()
    cells = _cells(html)
    assert cells["Effectif", "Groupe <A>"] == f"12{NBSP}345"  # an int stays an int
    assert cells["Part", "Groupe <A>"] == "0,500"
    assert cells["Inconnu", "Groupe <A>"] == "non défini"
    assert cells["Note", "Groupe <A>"] == "a < b"
    assert "Groupe &lt;A&gt;" in html and "a &lt; b" in html
    assert _soup(html).caption.get_text() == "Titre & <b>"
    assert '<table id="T_t">' in html


def test_row_formats_leave_text_columns_alone():
    frame = pd.DataFrame(
        {"Valeur": [0.25, 0.123456], "Définition": ["part < 1", "autre"]}, index=["Taux", "Score"]
    )
    styler = styled_table(
        frame,
        caption="Indicateurs",
        table_id="r",
        corner="Mesure",
        row_formats={"Taux": fr_percent},
        text_columns=["Définition"],
        bold_columns=["Valeur"],
    )
    html = styler.to_html()
    cells = _cells(html)
    assert cells["Taux", "Valeur"] == f"25,0{NBSP}%"
    assert cells["Taux", "Définition"] == "part < 1"
    assert cells["Score", "Valeur"] == "0,123"
    assert _soup(html).thead.th.get_text() == "Mesure"  # the corner names the row headers
    styles = "".join(style.get_text() for style in BeautifulSoup(html, "html.parser")("style"))
    # By column, so that they outrank the table-wide right alignment of the cells.
    assert re.search(r"#T_r td\.col0 \{\s*font-weight: bold;", styles)
    assert re.search(
        r"#T_r td \{\s*text-align: right;[^}]*\}\s*#T_r td\.col1 \{\s*text-align: left;", styles
    )


def test_header_can_be_hidden():
    frame = pd.DataFrame({"Valeur": [1, 2]}, index=["k", "l"])
    soup = _soup(styled_table(frame, caption="c", table_id="h", header=False).to_html())
    assert not soup.thead("th")
    assert [th.get_text() for th in soup.tbody("th")] == ["k", "l"]


def test_table_ids_are_fresh():
    ids = {new_table_id() for _ in range(100)}
    assert len(ids) == 100
    assert all(re.fullmatch(r"[0-9a-f]{8}", i) for i in ids)


# -- what every explorer shows ----------------------------------------------------------------

RNG = np.random.default_rng(1)


@cache
def _threshold():
    y = RNG.integers(0, 2, 300)
    return ThresholdExplorer(y, np.clip(0.3 * y + 0.7 * RNG.random(300), 0, 1)), ["matrix"]


@cache
def _cost_need():
    frame = make_cost_vs_need_cohort(n_samples=3_000, random_state=0).frame
    scores = {label: fit_risk_score(frame, label) for label in ("cost", "health")}
    return CostNeedExplorer(frame, scores), ["summary"]


@cache
def _oximetry():
    return OximetryExplorer(random_state=1, n_samples=3_000), ["table"]


@cache
def _fairness():
    groups = RNG.choice(["A", "B"], 1_000)
    y = (RNG.random(1_000) < np.where(groups == "A", 0.15, 0.3)).astype(int)
    before, after = (RNG.random((2, 1_000)) < 0.3).astype(int)
    explorer = FairnessExplorer(
        {"A 15 %, B 30 %": {"A": 0.15, "B": 0.3}, "A 10 %, B 50 %": {"A": 0.1, "B": 0.5}},
        y_true=y,
        y_pred=before,
        y_pred_mitigated=after,
        sensitive_features=groups,
    )
    return explorer, ["table", "mitigation_table"]


@cache
def _legal_path():
    return LegalPathExplorer(), ["output"]


@cache
def _anonymisation():
    registry = make_french_registry(n_samples=1_500, random_state=5).frame
    return AnonymisationExplorer(registry, make_voter_list(registry, random_state=6).frame), [
        "table"
    ]


def _settings(control):
    """First, middle and last setting of a control, then back to where it was."""
    options = getattr(control, "options", None)
    if options:
        values = [o[1] if isinstance(o, tuple) else o for o in options]
    else:
        values = [control.min, type(control.value)((control.min + control.max) / 2), control.max]
    return [*dict.fromkeys([values[0], values[len(values) // 2], values[-1]]), control.value]


@pytest.mark.parametrize(
    ("build", "decimals"),
    [
        (_threshold, True),
        (_cost_need, True),
        (_oximetry, True),
        (_fairness, True),
        (_legal_path, False),
        (_anonymisation, True),
    ],
    ids=["seuil", "cout_besoin", "oxymetrie", "equite", "parcours_juridique", "anonymisation"],
)
def test_every_table_is_captioned_and_french(build, decimals):
    explorer, attributes = build()
    shown = []
    for control in explorer.controls.values():
        for value in _settings(control):
            control.value = value  # what a student does
            shown += [getattr(explorer, name).value for name in attributes]
    for html in shown:
        soup = _soup(html)
        tables = soup("table")
        assert tables, "every explorer shows its numbers in a table"
        for table in tables:
            assert table.caption and table.caption.get_text().strip(), "a caption says what it is"
            assert table("th"), "header cells name the rows or columns"
        text = soup.get_text(" ")
        assert not re.search(r"\d\.\d", text), re.search(r".{30}\d\.\d.{30}", text)
    if decimals:
        assert any(re.search(r"\d,\d", _soup(html).get_text()) for html in shown)


def test_an_explorer_shows_the_same_html_for_the_same_setting():
    explorer, _ = _threshold()
    slider = explorer.controls["seuil"]
    start = slider.value
    html = explorer.matrix.value
    slider.value = 0.9
    assert explorer.matrix.value != html
    slider.value = start
    assert explorer.matrix.value == html
    # Another explorer scopes its table styles under other identifiers.
    other = ThresholdExplorer(explorer.y_true, explorer.scores, threshold=start)
    ids = {table["id"] for table in _soup(html)("table")}
    assert ids.isdisjoint(table["id"] for table in _soup(other.matrix.value)("table"))
