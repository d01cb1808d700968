import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pytest
from matplotlib.colors import to_rgb

from esn_teach import evaluation as ev
from esn_teach.plotting import (
    LINESTYLES,
    MARKERS,
    PALETTE,
    accessible_style,
    check_figure,
    plot_confusion_matrix,
    plot_roc,
)


def test_palette_is_okabe_ito():
    assert PALETTE["orange"] == "#E69F00" and PALETTE["vermillion"] == "#D55E00"
    assert len(set(PALETTE.values())) == 8


def test_style_pairs_each_colour_with_a_marker_and_a_dash():
    with accessible_style():
        fig, ax = plt.subplots()
        lines = [ax.plot([0, 1], [i, i + 1])[0] for i in range(4)]
        plt.close(fig)
    assert len({line.get_marker() for line in lines}) == 4
    assert len({str(line.get_linestyle()) for line in lines}) == 4
    assert len({to_rgb(line.get_color()) for line in lines}) == 4
    assert len(MARKERS) == len(LINESTYLES)
    assert plt.rcParams["image.cmap"] == "viridis"  # the style is scoped to the context


def test_plots_are_titled_and_labelled():
    counts = ev.ConfusionCounts(tn=5, fp=1, fn=2, tp=3)
    curve = ev.roc([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.9])
    with accessible_style():
        fig, (a, b) = plt.subplots(1, 2)
        plot_confusion_matrix(counts, ax=a)
        plot_roc(curve, ax=b, point=(0.5, 0.5))
    check_figure(fig)
    # Counts and cell names are written: never colour alone.
    texts = [t.get_text() for t in a.texts]
    assert any(t == "Faux négatifs (FN)\n2" for t in texts)
    assert any("AUC" in t.get_text() for t in b.get_legend().get_texts())
    plt.close(fig)


def test_check_figure_names_what_is_missing():
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1])
    ax.set_xlabel("x")
    with pytest.raises(ValueError, match="no title, y label"):
        check_figure(fig)
    plt.close(fig)
