"""Figures in French: decimal comma on the ticks, text alternatives, French tables."""

import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from bs4 import BeautifulSoup
from matplotlib import ticker

from esn_teach import evaluation as ev
from esn_teach.plotting import (
    DecimalCommaFormatter,
    accessible_style,
    decimal_comma,
    describe_confusion_matrix,
    describe_roc,
    figure_html,
    fr_table,
    plot_confusion_matrix,
    plot_roc,
    show_figure,
)

DECIMAL_POINT = re.compile(r"\d\.\d")
NBSP = "\u00a0"
CURVE = ev.roc([0, 0, 1, 1, 0, 1], [0.1, 0.6, 0.4, 0.9, 0.3, 0.8])


def _ticks(ax):
    ax.figure.canvas.draw()
    return [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# -- decimal comma on the ticks ------------------------------------------------------------


def test_axes_made_in_the_style_write_a_decimal_comma():
    with accessible_style():
        _, ax = plt.subplots()
        ax.plot([0, 1], [0.1, 0.35])
    ticks = _ticks(ax)  # drawn after the context: the axes keep their formatter
    assert "0,2" in ticks and "0,10" in ticks
    assert not any(DECIMAL_POINT.search(t) for t in ticks)
    assert isinstance(ax.yaxis.get_major_formatter(), DecimalCommaFormatter)


def test_the_style_leaves_matplotlib_as_it_found_it():
    with accessible_style(), accessible_style():  # nested, as a helper inside a module's cell
        pass
    _, ax = plt.subplots()
    ax.plot([0, 1], [0.1, 0.35])
    assert type(ax.yaxis.get_major_formatter()) is ticker.ScalarFormatter
    assert "0.2" in _ticks(ax)


def test_offsets_and_mathtext_take_a_comma_too():
    formatter = DecimalCommaFormatter(useMathText=True)
    _, ax = plt.subplots()
    ax.plot([0, 1], [1000.1, 1000.3])
    ax.yaxis.set_major_formatter(formatter)
    ax.figure.canvas.draw()
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert all(t.startswith("$") for t in ticks)
    assert any("{,}" in t for t in ticks) and not any(DECIMAL_POINT.search(t) for t in ticks)
    plain = DecimalCommaFormatter()
    ax.yaxis.set_major_formatter(plain)
    _ticks(ax)
    assert plain.get_offset() == "+1e3"  # ticks 0,10 to 0,30, plus 1000
    for text in (plain.format_data(0.25), plain.format_data_short(0.25)):
        assert "," in text and not DECIMAL_POINT.search(text)


def test_decimal_comma_converts_a_figure_made_elsewhere_and_leaves_text_ticks_alone():
    fig, (numbers, names) = plt.subplots(1, 2)
    numbers.plot([0, 1], [0.5, 0.75])
    names.set_xticks([0, 1], ["Test 1.0", "Test 2.5"])  # text: not for a formatter to change
    decimal_comma(fig)
    assert "0,50" in _ticks(numbers) and not any(DECIMAL_POINT.search(t) for t in _ticks(numbers))
    assert [t.get_text() for t in names.get_xticklabels()] == ["Test 1.0", "Test 2.5"]
    # Still matplotlib's default: a category axis set later replaces it as usual.
    assert numbers.xaxis.isDefault_majfmt


def test_plot_roc_writes_commas_even_on_axes_made_outside_the_style():
    _, ax = plt.subplots()
    plot_roc(CURVE, ax=ax)
    ticks = _ticks(ax)
    assert "0,4" in ticks and not any(DECIMAL_POINT.search(t) for t in ticks)


def test_the_confusion_matrix_keeps_its_named_ticks():
    counts = ev.ConfusionCounts(tn=5, fp=1, fn=2, tp=3)
    ax = plot_confusion_matrix(counts)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Non malade", "Malade"]
    # The columns are the test's result only: « Test positif (Malade) » would equate the two.
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Test négatif", "Test positif"]


# -- text alternatives of the static figures -----------------------------------------------


def test_describe_roc_in_french_with_the_point_and_an_optional_auc():
    text = describe_roc(CURVE, point=(0.25, 0.8), threshold=0.5)
    assert "point au seuil 0,50 : sensibilité 0,80, spécificité 0,75" in text
    assert f"AUC = {CURVE.auc:.3f}".replace(".", ",") in text
    assert "AUC" not in describe_roc(CURVE, show_auc=False)
    assert not DECIMAL_POINT.search(text)
    worse = ev.roc([1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9])  # a model worse than chance
    assert "ne passe jamais au-dessus de la diagonale" in describe_roc(worse)
    assert "ne passe jamais sous la diagonale" in describe_roc(CURVE)


def test_describe_confusion_matrix_names_and_counts_every_cell():
    counts = ev.ConfusionCounts(tn=50, fp=7, fn=3, tp=40)
    text = describe_confusion_matrix(counts)
    for part in ("100 cas", "vrais négatifs (VN) 50", "faux positifs (FP) 7"):
        assert part in text
    assert "faux négatifs (FN) 3" in text and "vrais positifs (VP) 40" in text


def test_figure_html_gives_the_image_its_alt_text_and_size():
    fig, ax = plt.subplots(figsize=(4, 3), dpi=50)
    ax.plot([0, 1], [0, 1])
    html = figure_html(fig, 'Une « droite » & "rien" <d\'autre>')
    img = BeautifulSoup(html, "html.parser").img
    assert img["alt"] == 'Une « droite » & "rien" <d\'autre>'  # escaped, then read back
    assert img["src"].startswith("data:image/png;base64,")
    assert int(img["width"]) <= 200 and int(img["height"]) <= 150  # tight bounding box
    assert BeautifulSoup(html, "html.parser").figcaption.get_text() == img["alt"]


def test_show_figure_displays_html_png_and_text_then_closes(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda bundle, raw: shown.append((bundle, raw)))
    ax = plot_roc(CURVE)
    show_figure(ax, describe_roc(CURVE))
    ((bundle, raw),) = shown
    assert raw and set(bundle) == {"text/html", "image/png", "text/plain"}
    assert bundle["text/plain"] == describe_roc(CURVE)
    assert f'alt="{describe_roc(CURVE)}"' in bundle["text/html"]
    assert not plt.fignum_exists(ax.figure.number)  # not shown a second time by Jupyter


# -- French tables -------------------------------------------------------------------------


def test_fr_table_replaces_the_raw_pandas_output():
    sizes = pd.Series(
        [1, 12_345],
        index=pd.MultiIndex.from_tuples([("F", "0-9 ans"), ("M", "90 ans et plus")]),
        name="size",
    ).rename_axis(["sex", "age"])
    html = fr_table(
        sizes, name="Patients dans la classe", index={"sex": "Sexe", "age": "Âge"}
    ).to_html()
    soup = BeautifulSoup(html, "html.parser")
    headers = [th.get_text() for th in soup("th")]
    assert "Patients dans la classe" in headers and "Sexe" in headers and "Âge" in headers
    assert [td.get_text() for td in soup("td")] == ["1", f"12{NBSP}345"]
    assert "dtype" not in html and "size" not in headers


def test_fr_table_writes_decimals_with_a_comma_and_names_missing_values():
    frame = pd.DataFrame({"rate": [0.123456, np.nan], "n": [3, 4]}, index=["A", "B"])
    html = fr_table(frame, columns={"rate": "Taux"}, digits=2, caption="Titre").to_html()
    cells = [td.get_text() for td in BeautifulSoup(html, "html.parser")("td")]
    assert cells == ["0,12", "3", "non défini", "4"]
    assert "<caption>Titre</caption>" in html
    hidden = fr_table(frame, show_index=False).to_html()
    assert ">A<" not in hidden


def test_fr_table_refuses_what_is_not_a_table_in_french():
    with pytest.raises(TypeError, match=r"fr_table attend un tableau pandas .* type list"):
        fr_table([1, 2])
