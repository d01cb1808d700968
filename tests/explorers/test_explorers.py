import pathlib
import time

import numpy as np
import pytest

from esn_teach import evaluation as ev
from esn_teach.explorers import ThresholdExplorer

RNG = np.random.default_rng(0)
Y = RNG.integers(0, 2, 200)
S = np.clip(Y * 0.3 + RNG.random(200) * 0.7, 0, 1)


def test_slider_updates_table_image_and_metrics():
    explorer = ThresholdExplorer(Y, S, threshold=0.5)
    before_png, before_html = bytes(explorer.image.value), explorer.matrix.value
    assert before_png.startswith(b"\x89PNG")
    explorer.slider.value = 0.2  # what a student does
    assert bytes(explorer.image.value) != before_png
    assert explorer.matrix.value != before_html
    counts = ev.confusion_at_threshold(Y, S, 0.2)
    assert f"Vrais positifs (VP)<br><b>{counts.tp}</b>" in explorer.matrix.value
    assert explorer.metrics == ev.diagnostic_metrics(Y, S, 0.2)


def test_metrics_are_written_in_french_as_text():
    explorer = ThresholdExplorer(Y, S)
    html = explorer.matrix.value
    for word in ("Sensibilité", "Spécificité", "VPP", "VPN", "Faux négatifs (FN)"):
        assert word in html
    assert explorer.slider.description == "Seuil de décision"


@pytest.mark.slow  # a timing measure (p95 < 100 ms): make test, not make check
def test_update_is_fast():
    explorer = ThresholdExplorer(Y, S)
    times = []
    for threshold in np.linspace(0, 1, 30):
        start = time.thread_time()
        explorer.update(float(threshold))
        times.append(time.thread_time() - start)
    # CPU time of this thread: other processes' load does not count (wall time flaked
    # under load). The 100 ms target is measured side by side in bench/bench_modules.py.
    assert np.percentile(times, 95) < 0.5


def test_bad_arguments():
    with pytest.raises(ValueError, match="même longueur : 2 et 1 valeurs reçues"):
        ThresholdExplorer([0, 1], [0.2])
    with pytest.raises(
        ValueError,
        match=r"« threshold » doit être un nombre compris entre 0 \(inclus\) et 1 \(inclus\)"
        r" ; valeur reçue : 2\.",
    ):
        ThresholdExplorer([0, 1], [0.2, 0.4], threshold=2)
    with pytest.raises(ValueError, match=r"« threshold » .* ; valeur reçue : NaN"):
        ThresholdExplorer([0, 1], [0.2, 0.4], threshold=float("nan"))
    with pytest.raises(
        TypeError,
        match=r"« threshold » doit être un nombre .*"
        r" ; valeur reçue : '0\.5' \(du texte\)\. Écrivez le nombre sans guillemets",
    ):
        ThresholdExplorer([0, 1], [0.2, 0.4], threshold="0.5")


def test_auc_can_be_hidden_while_a_question_asks_for_it():
    shown = ThresholdExplorer(Y, S)
    hidden = ThresholdExplorer(Y, S, show_auc=False)
    labels = [t.get_text() for t in hidden._ax.get_legend().get_texts()]
    assert labels[0] == "Modèle"  # the chance line keeps its textbook "AUC = 0,5"
    assert shown._ax.get_legend().get_texts()[0].get_text().startswith("Modèle (AUC = 0,")


def test_formulas_can_be_hidden_while_a_question_asks_for_one():
    shown = ThresholdExplorer(Y, S).matrix.value
    hidden = ThresholdExplorer(Y, S, show_formulas=False).matrix.value
    assert "VP / (VP + FN)" in shown and "VN / (VN + FN)" in shown
    formulas = ("VP / (VP + FN)", "VN / (VN + FP)", "VP / (VP + FP)", "VN / (VN + FN)", "total")
    for formula in formulas:
        assert formula not in hidden
    # The meaning in words stays.
    assert "parmi les malades, part détectée" in hidden
    assert "parmi les tests négatifs, part de personnes non malades" in hidden


def test_explorer_timings_read_cpu_time_not_wall_time():
    """A wall-clock bound fails whenever the machine is busy: the suite must not flake."""
    here = pathlib.Path(__file__).parent
    wall_clock = "perf_" + "counter"  # spelt in two, or this file would name itself
    offenders = [path.name for path in here.glob("test_*.py") if wall_clock in path.read_text()]
    assert not offenders, offenders
