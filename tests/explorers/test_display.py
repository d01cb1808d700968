"""What every explorer shows in the browser: figure size, text alternative, French numbers.

Each explorer is built small, then checked in its default state and after each
of its controls is moved the way a student moves it.
"""

import re
import struct
from dataclasses import dataclass, field
from functools import cache
from html import unescape

import ipywidgets as widgets
import numpy as np
import pandas as pd
import pytest
from bs4 import BeautifulSoup

from esn_teach.datasets import (
    fit_risk_score,
    make_cost_vs_need_cohort,
    make_french_registry,
    make_voter_list,
)
from esn_teach.explorers import (
    READOUT_CLASS,
    AnonymisationExplorer,
    CostNeedExplorer,
    FairnessExplorer,
    LegalPathExplorer,
    OximetryExplorer,
    ThresholdExplorer,
    TrainingMixExplorer,
)
from esn_teach.explorers._figure import DESCRIPTION_CLASS, FIGURE_CLASS, png_size

#: An English decimal: what a student must never read in a number.
DECIMAL_POINT = re.compile(r"\d\.\d")


@cache
def _registry():
    registry = make_french_registry(n_samples=2_000, random_state=5).frame
    return registry, make_voter_list(registry, random_state=6).frame


@cache
def _cohort():
    frame = make_cost_vs_need_cohort(n_samples=3_000, random_state=0).frame
    return frame, {label: fit_risk_score(frame, label) for label in ("cost", "health")}


def _threshold():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 300)
    return ThresholdExplorer(y, np.clip(y * 0.3 + rng.random(300) * 0.7, 0, 1))


def _fairness():
    rng = np.random.default_rng(1)
    groups = rng.choice(["A", "B"], 1_000)
    y = (rng.random(1_000) < np.where(groups == "A", 0.15, 0.30)).astype(int)
    scores = np.clip(0.25 * y + rng.random(1_000) * 0.75, 0, 1)
    return FairnessExplorer(
        {"Cohorte : A 15 %, B 30 %": {"A": 0.15, "B": 0.30}, "Égales": {"A": 0.2, "B": 0.2}},
        y_true=y,
        y_pred=(scores >= 0.5).astype(int),
        y_pred_mitigated=(scores >= np.where(groups == "A", 0.45, 0.55)).astype(int),
        sensitive_features=groups,
    )


def _mix_grid():
    """Rates of a training-mix grid, without training (the explorer only reads them)."""
    rows = []
    for index, gap in enumerate((0.12, 0.08, 0.06, 0.04, 0.02)):
        rates = {"I–II": 0.10, "III–IV": 0.12, "V–VI": 0.10 + gap}
        for group, rate in rates.items():
            rows.append((0.04 * index, group, 400, round(400 * rate)))
        rows.append((0.04 * index, "Tous", 1200, sum(round(400 * r) for r in rates.values())))
    grid = pd.DataFrame(rows, columns=["share", "group", "cancers", "missed"])
    return grid.assign(share=grid["share"].round(2), fnr=grid["missed"] / grid["cancers"])


FACTORIES = {
    "seuil": _threshold,
    # Without a published birth date, so that the age slider is enabled and has an effect.
    "anonymisation": lambda: AnonymisationExplorer(*_registry(), birth_date="none"),
    "cout_besoin": lambda: CostNeedExplorer(*_cohort()),
    "equite": _fairness,
    "oxymetre": lambda: OximetryExplorer(n_samples=3_000),
    "parcours_juridique": lambda: LegalPathExplorer(),
    "melange": lambda: TrainingMixExplorer(_mix_grid()),
}
WITH_FIGURE = [name for name in FACTORIES if name != "parcours_juridique"]


def _new_value(control):
    """Another value of ``control``, as a student would choose it."""
    options = getattr(control, "options", None)
    if options:
        values = [o[1] if isinstance(o, tuple) else o for o in options]
        return values[(values.index(control.value) + 1) % len(values)]
    if isinstance(control.value, bool):
        return not control.value
    low, high = control.min, control.max
    target = low + 0.37 * (high - low)
    if isinstance(control, widgets.IntSlider):
        return round(target)
    return round(round(target / control.step) * control.step, 6)


def _states(name):
    """The explorer in its default state, then after each control was moved."""
    explorer = FACTORIES[name]()
    yield explorer, "état initial"
    for key, control in explorer.controls.items():
        control.value = _new_value(control)
        yield explorer, f"après « {key} »"


@dataclass(frozen=True)
class Seen:
    """What a student sees of an explorer in one state (recorded once, checked by each test)."""

    state: str
    images: list = field(default_factory=list)  # each Image widget in the explorer's boxes
    image: object = None  # the explorer's own figure image, if it draws one
    png: tuple[int, int] | None = None  # the size written in the PNG header
    layout: dict = field(default_factory=dict)  # the image's layout and size attributes
    alt: str = ""  # the image's text alternative and what is written under the figure
    figure_alt: str = ""
    description: str = ""
    description_state: str | None = None
    figure_texts: list = field(default_factory=list)
    ytick_texts: list = field(default_factory=list)
    sliders: dict = field(default_factory=dict)  # control -> (kind, readout, format, labels, value)
    html: str = ""  # the text of every HTML widget (tables, readouts)


@cache
def _seen(name) -> tuple[Seen, ...]:
    """Each state of explorer ``name``, drawn once: the tests below read the recording."""
    recorded = []
    for explorer, state in _states(name):
        seen: dict = {"state": state}
        boxes = list(_walk(explorer.widget))
        if name in WITH_FIGURE:
            image = explorer.image
            layout = image.layout
            seen |= {
                "images": [w for w, _ in boxes if isinstance(w, widgets.Image)],
                "image": image,
                "png": _header_size(bytes(image.value)),
                "layout": {
                    "width": layout.width,
                    "height": layout.height,
                    "max_width": layout.max_width,
                    "object_fit": layout.object_fit,
                    "attributes": (image.width, image.height),
                },
                "alt": image.tooltip,
                "figure_alt": explorer.figure_view.alt,
                "description": unescape(_text(explorer.figure_view.description.value)),
                "description_state": image.get_state()["description"],
                "figure_texts": _figure_texts(explorer),
                "ytick_texts": [
                    t.get_text() for ax in explorer.figure.axes for t in ax.get_yticklabels()
                ],
            }
        sliders = {}
        for key, control in explorer.controls.items():
            labels = [
                (child.value, tuple(child._dom_classes))
                for box, _ in boxes
                if control in getattr(box, "children", ())
                for child in box.children
                if isinstance(child, widgets.Label)
            ]
            kind = (
                "IntSlider"
                if isinstance(control, widgets.IntSlider)
                else "FloatSlider"
                if isinstance(control, widgets.FloatSlider)
                else type(control).__name__
            )
            readout = getattr(control, "readout", None)
            sliders[key] = (
                kind,
                readout,
                getattr(control, "readout_format", None),
                labels,
                control.value,
            )
        seen["sliders"] = sliders
        seen["html"] = "".join(w.value for w, _ in boxes if isinstance(w, widgets.HTML))
        recorded.append(Seen(**seen))
    return tuple(recorded)


def _walk(widget, parents=()):
    yield widget, parents
    for child in getattr(widget, "children", ()):
        yield from _walk(child, (*parents, widget))


def _header_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR"
    return struct.unpack(">II", png[16:24])


def _text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for style in soup("style"):
        style.decompose()
    return soup.get_text(" ")


# -- the figure keeps the size it was drawn at ---------------------------------------------


@pytest.mark.parametrize("name", WITH_FIGURE)
def test_the_image_is_shown_at_the_png_size(name):
    for seen in _seen(name):
        state, layout = seen.state, seen.layout
        assert seen.images == [seen.image], state
        width, height = seen.png
        assert (layout["width"], layout["height"]) == (f"{width}px", f"{height}px"), state
        # Scaled down only if the notebook is narrower, and then without distortion.
        assert layout["max_width"] == "100%" and layout["object_fit"] == "contain"
        assert layout["attributes"] == (str(width), str(height))


@pytest.mark.parametrize("name", WITH_FIGURE)
def test_no_box_stretches_the_image(name):
    explorer = FACTORIES[name]()
    for widget, parents in _walk(explorer.widget):
        if not isinstance(widget, widgets.Image):
            continue
        assert widget.layout.align_self == "flex-start"
        # Its own column, and every row holding it (a row stretches its items' height).
        column = parents[-1]
        assert column.layout.align_items == "flex-start"
        for box in parents:
            if isinstance(box, widgets.HBox):
                assert box.layout.align_items == "flex-start", box
                # Too narrow a notebook puts the figure under the table: no scrolling row.
                assert box.layout.flex_flow == "row wrap"
        # The table beside it yields space first: the figure never shrinks.
        assert column.layout.flex == "0 0 auto" == widget.layout.flex


@pytest.mark.parametrize("name", WITH_FIGURE)
def test_the_figure_carries_the_stable_css_class(name):
    explorer = FACTORIES[name]()
    assert FIGURE_CLASS == "esn-explorer-figure"
    assert FIGURE_CLASS in explorer.image._dom_classes
    assert DESCRIPTION_CLASS in explorer.figure_view.description._dom_classes


def test_png_size_reads_the_header_and_refuses_anything_else():
    png = bytes(_threshold().image.value)
    assert png_size(png) == _header_size(png) == (414, 396)  # 4,6 × 4,4 inches at 90 dpi
    with pytest.raises(ValueError, match="not a PNG"):
        png_size(b"GIF89a" + png[6:])


# -- the text alternative ------------------------------------------------------------------


@pytest.mark.parametrize("name", WITH_FIGURE)
def test_the_figure_has_a_french_text_alternative_that_follows_the_controls(name):
    previous = None
    for seen in _seen(name):
        alt, state = seen.alt, seen.state
        assert alt and alt == seen.figure_alt, state
        assert re.search(r"[éèàù]", alt) and not DECIMAL_POINT.search(alt), alt
        assert not re.search(r"\b(the|and|of|with|threshold)\b", alt), alt
        # The same text is written under the figure, for every reader.
        assert seen.description.endswith(alt)
        # The front end reads the (empty) description before setting the title: without
        # it, ipywidgets 8.1 fails to display an Image that has a tooltip.
        assert seen.description_state == ""
        # Each control changes the figure, and so its description; the fairness
        # explorer's "correction" toggle only switches a table.
        if previous is not None and state != "après « correction »":
            assert alt != previous, f"{state}: {alt}"
        previous = alt


def test_the_roc_text_gives_the_point_of_the_threshold():
    explorer = _threshold()
    explorer.controls["seuil"].value = 0.3
    metrics = explorer.metrics
    alt = explorer.image.tooltip
    sensitivity = f"{metrics['sensitivity']:.2f}".replace(".", ",")
    specificity = f"{metrics['specificity']:.2f}".replace(".", ",")
    assert f"point au seuil 0,30 : sensibilité {sensitivity}, spécificité {specificity}" in alt


def test_a_hidden_auc_is_not_given_away_by_the_text_alternative():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 100)
    hidden = ThresholdExplorer(y, rng.random(100), show_auc=False)
    shown = ThresholdExplorer(y, rng.random(100))
    assert "AUC" not in hidden.image.tooltip and "AUC = 0," in shown.image.tooltip


# -- French numbers everywhere -------------------------------------------------------------


def _figure_texts(explorer):
    """Every text drawn in the explorer's figure: ticks, titles, legend, labels on the data."""
    texts = []
    for ax in explorer.figure.axes:
        texts += [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
        texts += [ax.xaxis.get_offset_text().get_text(), ax.yaxis.get_offset_text().get_text()]
    texts += [t.get_text() for t in explorer.figure.findobj(lambda a: hasattr(a, "get_text"))]
    return texts


@pytest.mark.parametrize("name", WITH_FIGURE)
def test_tick_labels_and_figure_texts_use_the_decimal_comma(name):
    for seen in _seen(name):
        assert any(seen.ytick_texts), "the figure was never drawn"
        bad = [t for t in seen.figure_texts if DECIMAL_POINT.search(t)]
        assert not bad, f"{seen.state}: {bad}"


def test_a_decimal_tick_is_written_with_a_comma():
    # The test above would pass on integer ticks: the ROC curve has decimal ones.
    ticks = [t.get_text() for t in _threshold()._ax.get_xticklabels()]
    assert "0,2" in ticks and "0,8" in ticks


@pytest.mark.parametrize("name", list(FACTORIES))
def test_slider_readouts_are_french(name):
    for seen in _seen(name):
        for key, (kind, readout, readout_format, labels, value) in seen.sliders.items():
            if kind == "IntSlider":
                # d3's integer format: no decimal to write.
                assert readout and readout_format == "d", key
            elif kind == "FloatSlider":
                assert not readout, f"{key}: ipywidgets' readout writes 0.5"
                assert len(labels) == 1, key
                text, classes = labels[0]
                assert READOUT_CLASS in classes
                assert not DECIMAL_POINT.search(text), f"{seen.state}: {text}"
                shown = float(re.search(r"\d+(,\d+)?", text).group(0).replace(",", "."))
                assert shown == pytest.approx(value, abs=0.051), (seen.state, key, text)


@pytest.mark.parametrize("name", list(FACTORIES))
def test_tables_use_the_decimal_comma(name):
    for seen in _seen(name):
        bad = DECIMAL_POINT.findall(_text(seen.html))
        assert not bad, f"{seen.state}: {bad}"


@pytest.mark.slow  # several seconds: make test, not the fast loop
def test_the_readout_follows_the_slider_and_the_slider_stays_the_control():
    explorer = _threshold()
    assert explorer.controls["seuil"] is explorer.slider
    explorer.slider.value = 0.37
    assert explorer.readout.value == "0,37"
    fine = ThresholdExplorer([0, 1, 1], [0.2, 0.4, 0.9], step=0.005)
    fine.slider.value = 0.305
    assert fine.readout.value == "0,305"
    explorer = OximetryExplorer(n_samples=2_000)
    explorer.controls["biais"].value = 4.5
    assert explorer.readout.value == "4,5 points"


# -- controls wide enough ------------------------------------------------------------------


@pytest.mark.parametrize("name", list(FACTORIES))
def test_every_dropdown_is_wider_than_the_300px_default(name):
    # ipywidgets gives a dropdown 300 px, its label included: with a long label
    # ("Date de naissance publiée") the list itself was cut.
    explorer = FACTORIES[name]()
    for widget, _ in _walk(explorer.widget):
        if isinstance(widget, widgets.Dropdown):
            assert widget.layout.width not in (None, ""), widget.description
            assert widget.style.description_width == "initial"
