import time

import numpy as np
import pytest
from fairlearn.metrics import MetricFrame
from sklearn.metrics import recall_score

from esn_teach import checks, fr_number, fr_percent
from esn_teach.datasets import make_pulse_oximetry, occult_hypoxemia_rate
from esn_teach.explorers._oximetry import OximetryExplorer

SEED = 3
N = 4_000


@pytest.fixture(scope="module")
def explorer():
    return OximetryExplorer(random_state=SEED, n_samples=N, threshold=92)


def _direct(threshold, device_bias):
    frame = make_pulse_oximetry(n_samples=N, device_bias=device_bias, random_state=SEED).frame
    alarm = frame["spo2"] < threshold
    sensitivity = MetricFrame(
        metrics=recall_score,
        y_true=frame["hypoxemia"],
        y_pred=alarm,
        sensitive_features=frame["race"].astype(str),
    ).by_group
    return frame, alarm, sensitivity


def test_controls_drive_table_image_and_stats(explorer):
    assert set(explorer.controls) == {"seuil", "biais"}
    before_png, before_html = bytes(explorer.image.value), explorer.table.value
    assert before_png.startswith(b"\x89PNG")
    explorer.controls["seuil"].value = 95  # what a student does
    after_threshold_png, after_threshold_html = bytes(explorer.image.value), explorer.table.value
    assert after_threshold_png != before_png
    assert after_threshold_html != before_html
    assert explorer.stats["Black"].sensitivity > explorer.compute(92, 2.7)["Black"].sensitivity
    explorer.controls["biais"].value = 0.0
    assert bytes(explorer.image.value) != after_threshold_png
    assert explorer.table.value != after_threshold_html
    explorer.controls["seuil"].value = 92
    explorer.controls["biais"].value = 2.7


@pytest.mark.parametrize(("threshold", "device_bias"), [(92, 2.7), (95, 2.7), (90, 0.0), (97, 5.0)])
def test_numbers_match_a_direct_computation(explorer, threshold, device_bias):
    frame, alarm, sensitivity = _direct(threshold, device_bias)
    stats = explorer.compute(threshold, device_bias)
    occult = occult_hypoxemia_rate(frame)
    for group in ("White", "Black"):
        in_group = frame["race"] == group
        hypoxemic = in_group & (frame["hypoxemia"] == 1)
        assert stats[group].pairs == in_group.sum()
        assert stats[group].hypoxemic == hypoxemic.sum()
        assert stats[group].missed == (hypoxemic & ~alarm).sum()
        assert stats[group].false_alarms == (in_group & (frame["hypoxemia"] == 0) & alarm).sum()
        assert stats[group].sensitivity == pytest.approx(sensitivity[group])
        assert stats[group].occult_rate == pytest.approx(occult[group])


def test_table_is_french_text_with_the_numbers(explorer):
    explorer.update(92, 2.7)
    html = explorer.table.value
    for words in ("Patients noirs", "Patients blancs", "Sensibilité", "Hypoxémies manquées"):
        assert words in html
    missed = explorer.stats["Black"].missed
    assert f">{missed}</td>" in html
    assert "Seuil d'alarme" in explorer.controls["seuil"].description


def test_zero_bias_brings_groups_close(explorer):
    stats = explorer.compute(92, 0.0)
    biased = explorer.compute(92, 2.7)
    gap_zero = abs(stats["White"].sensitivity - stats["Black"].sensitivity)
    gap_biased = abs(biased["White"].sensitivity - biased["Black"].sensitivity)
    assert gap_zero < gap_biased


def test_bad_arguments():
    with pytest.raises(
        TypeError, match="« random_state » doit être un nombre entier ; valeur reçue"
    ):
        OximetryExplorer(random_state=None)
    with pytest.raises(
        TypeError, match="« random_state » doit être un nombre entier ; valeur reçue"
    ):
        OximetryExplorer(random_state=np.random.default_rng(0))
    with pytest.raises(
        TypeError, match="« threshold » doit être un nombre entier compris entre 85"
    ):
        OximetryExplorer(threshold=0.92)
    with pytest.raises(
        ValueError, match=r"« threshold » .* et 100 \(inclus\) ; valeur reçue : 120\."
    ):
        OximetryExplorer(threshold=120)
    with pytest.raises(
        ValueError, match=r"« device_bias » .* et 6 \(inclus\) ; valeur reçue : 20\."
    ):
        OximetryExplorer(device_bias=20)
    with pytest.raises(ValueError, match="n_samples"):
        OximetryExplorer(n_samples=0)


@pytest.mark.slow  # a timing measure (p95 < 100 ms): make test, not make check
def test_update_is_fast(explorer):
    times = []
    for threshold, bias in zip(
        [*range(85, 101), *range(100, 86, -1)], np.linspace(0, 6, 30), strict=True
    ):
        start = time.thread_time()
        explorer.controls["seuil"].value = int(threshold)
        explorer.controls["biais"].value = round(float(bias), 1)
        times.append((time.thread_time() - start) / 2)
    # CPU time of this thread: other processes' load does not count (wall time flaked
    # under load). The 100 ms target is measured side by side in bench/bench_modules.py.
    assert np.percentile(times, 95) < 0.5


def test_hidden_until_hides_answers_at_their_setting_until_the_question_is_passed(capsys):
    """A notebook hides the values its questions ask, not the rest of the explorer."""
    reference = OximetryExplorer(random_state=SEED, n_samples=N, threshold=92, device_bias=2.9)
    answer = reference.stats["Black"].sensitivity
    occult = reference.stats["Black"].occult_rate
    questions = {"sensitivity": "expl_sensibilite", "occult_rate": "expl_occulte"}
    explorer = OximetryExplorer(
        random_state=SEED, n_samples=N, threshold=92, device_bias=2.9, hidden_until=questions
    )
    assert explorer.hidden == {("sensitivity", "Black"), ("occult_rate", "Black")}
    html = explorer.table.value
    assert html.count("cachée") >= 2 and "« expl_sensibilite » et « expl_occulte »" in html
    assert "aura dit « juste »" in html and "En séance évaluée" in html  # says why
    assert fr_percent(answer) not in html and fr_percent(occult) not in html
    assert fr_percent(explorer.stats["White"].sensitivity) in html  # the rest stays
    assert fr_percent(explorer.stats["White"].occult_rate) in html
    assert "patients noirs cachée" in explorer.image.tooltip
    assert fr_number(answer, 2) not in explorer.image.tooltip
    assert "?" in [label.get_text() for label in explorer._labels]
    # Nor can the kernel read them (the audit of 6 December: ``explorateur.stats``).
    for shown in (explorer.stats, explorer.compute(92, 2.9)):
        assert np.isnan(shown["Black"].sensitivity) and np.isnan(shown["Black"].occult_rate)
        assert shown["White"].sensitivity == reference.stats["White"].sensitivity
    assert (
        explorer.compute(93, 2.9)["Black"].sensitivity
        == reference.compute(93, 2.9)["Black"].sensitivity
    )
    # Another threshold: the sensitivity is not the answer any more, the occult rate still is
    # (it does not depend on the threshold).
    explorer.controls["seuil"].value = 95
    assert explorer.hidden == {("occult_rate", "Black")}
    assert "« expl_occulte »" in explorer.table.value
    assert "expl_sensibilite" not in explorer.table.value
    assert "de la question « expl_occulte », affichée" in explorer.table.value
    # Another bias: neither value is an answer.
    explorer.controls["biais"].value = 3.0
    assert explorer.hidden == frozenset()
    assert "cachée" not in explorer.table.value and "?" not in explorer.image.tooltip
    # Back at the answers' setting: hidden until the question's check says « juste ».
    explorer.controls["biais"].value = 2.9
    explorer.controls["seuil"].value = 92
    assert explorer.hidden == {("sensitivity", "Black"), ("occult_rate", "Black")}
    checks.check_number(answer, name="expl_sensibilite", expected=answer)
    explorer.controls["seuil"].value = 93
    explorer.controls["seuil"].value = 92
    assert explorer.hidden == {("occult_rate", "Black")}
    assert fr_percent(answer) in explorer.table.value
    assert fr_number(answer, 2) in explorer.image.tooltip
    assert explorer.stats["Black"].sensitivity == answer
    # A form-only check (evaluated session) says nothing about correctness: still hidden.
    checks.check_form(occult, name="expl_occulte", kind="number")
    explorer.update(92, 2.9)
    assert ("occult_rate", "Black") in explorer.hidden
    checks.check_number(occult, name="expl_occulte", expected=occult)
    assert explorer.update(92, 2.9) and explorer.hidden == frozenset()
    # A wrong answer checked afterwards hides it again.
    with pytest.raises(checks.IncorrectAnswer):
        checks.check_number(0.5, name="expl_occulte", expected=occult)
    explorer.update(92, 2.9)
    assert explorer.hidden == {("occult_rate", "Black")}


def test_without_hidden_until_nothing_is_hidden():
    explorer = OximetryExplorer(random_state=SEED, n_samples=N, threshold=92)
    assert explorer.hidden == frozenset() and "cachée" not in explorer.table.value


@pytest.mark.parametrize(
    ("hidden_until", "error", "fragment"),
    [
        (True, TypeError, "doit être un dictionnaire ligne → nom de question"),
        ({"sensitivity": 3}, TypeError, "doit être un dictionnaire"),
        ({"missed": "q"}, ValueError, "ligne inconnue 'missed'"),
    ],
)
def test_hidden_until_is_checked(hidden_until, error, fragment):
    with pytest.raises(error, match=fragment):
        OximetryExplorer(n_samples=N, hidden_until=hidden_until)


def test_hiding_keeps_the_callback_fast():
    """The check is a set lookup: the callback stays well under the bench's 100 ms."""
    explorer = OximetryExplorer(
        random_state=SEED,
        n_samples=N,
        hidden_until={"sensitivity": "expl_rapide", "occult_rate": "expl_rapide_2"},
    )
    times = []
    for threshold in [*range(85, 101), *range(100, 84, -1)]:
        start = time.thread_time()
        explorer.controls["seuil"].value = threshold
        times.append(time.thread_time() - start)
    assert np.percentile(times, 95) < 0.5  # CPU time, as above
