import math

import numpy as np
import pytest
from sklearn.metrics import roc_auc_score

from esn_teach import evaluation as ev

Y = np.array([1, 1, 1, 1, 0, 0, 0, 0, 0, 0])
S = np.array([0.9, 0.8, 0.4, 0.3, 0.7, 0.2, 0.1, 0.1, 0.05, 0.6])


def test_confusion_at_threshold_counts_by_hand():
    # score >= 0.5: positives 0.9, 0.8 (diseased) and 0.7, 0.6 (healthy)
    counts = ev.confusion_at_threshold(Y, S, 0.5)
    assert counts == ev.ConfusionCounts(tn=4, fp=2, fn=2, tp=2)
    assert counts.total == 10
    assert counts.as_array().tolist() == [[4, 2], [2, 2]]


def test_threshold_is_inclusive():
    assert ev.predict_at_threshold([0.5, 0.49], 0.5).tolist() == [1, 0]


def test_rates_by_hand():
    pred = ev.predict_at_threshold(S, 0.5)
    assert ev.sensitivity(Y, pred) == pytest.approx(2 / 4)
    assert ev.specificity(Y, pred) == pytest.approx(4 / 6)
    assert ev.ppv(Y, pred) == pytest.approx(2 / 4)
    assert ev.npv(Y, pred) == pytest.approx(4 / 6)


def test_diagnostic_metrics():
    metrics = ev.diagnostic_metrics(Y, S, 0.35)
    # >= 0.35: 0.9, 0.8, 0.4 (diseased), 0.7, 0.6 (healthy)
    assert metrics["sensitivity"] == pytest.approx(3 / 4)
    assert metrics["specificity"] == pytest.approx(4 / 6)
    assert metrics["ppv"] == pytest.approx(3 / 5)
    assert metrics["npv"] == pytest.approx(4 / 5)
    assert metrics["accuracy"] == pytest.approx(7 / 10)
    assert metrics["prevalence"] == pytest.approx(0.4)


def test_undefined_rates_are_nan():
    assert math.isnan(ev.ppv([1, 0], [0, 0]))
    assert math.isnan(ev.sensitivity([0, 0], [0, 1]))


def test_predictive_values_by_bayes():
    # Se 0.9, Sp 0.8, p 0.01: PPV = 0.009 / (0.009 + 0.198), NPV = 0.792 / (0.792 + 0.001)
    ppv, npv = ev.predictive_values(sensitivity=0.9, specificity=0.8, prevalence=0.01)
    assert ppv == pytest.approx(0.009 / 0.207)
    assert npv == pytest.approx(0.792 / 0.793)


def test_predictive_values_match_counts_at_sample_prevalence():
    pred = ev.predict_at_threshold(S, 0.5)
    ppv, npv = ev.predictive_values(
        sensitivity=ev.sensitivity(Y, pred), specificity=ev.specificity(Y, pred), prevalence=0.4
    )
    assert ppv == pytest.approx(ev.ppv(Y, pred))
    assert npv == pytest.approx(ev.npv(Y, pred))


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        (
            dict(sensitivity=1.2, specificity=0.5, prevalence=0.1),
            ValueError,
            r"« sensitivity » .* ; valeur reçue : 1,2\.",
        ),
        (
            dict(sensitivity=0.5, specificity=-0.1, prevalence=0.1),
            ValueError,
            r"« specificity » .* ; valeur reçue : -0,1\.",
        ),
        (
            dict(sensitivity=0.5, specificity=0.5, prevalence=2),
            ValueError,
            r"« prevalence » .* ; valeur reçue : 2\.",
        ),
        (
            dict(sensitivity=math.nan, specificity=0.5, prevalence=0.1),
            ValueError,
            r"« sensitivity » .* et 1 \(inclus\) ; valeur reçue : NaN",
        ),
        (
            dict(sensitivity=0.5, specificity=0.5, prevalence="0.01"),
            TypeError,
            r"« prevalence » doit être un nombre .* ; valeur reçue : '0\.01' \(du texte\)",
        ),
    ],
)
def test_predictive_values_reject_non_proportions(kwargs, error, message):
    with pytest.raises(error, match=message):
        ev.predictive_values(**kwargs)


def test_predictive_values_accept_the_bounds_and_numpy_numbers():
    assert ev.predictive_values(sensitivity=1, specificity=np.float64(1.0), prevalence=0.5) == (
        1.0,
        1.0,
    )
    ppv, npv = ev.predictive_values(sensitivity=0.9, specificity=0.8, prevalence=0)
    assert (ppv, npv) == (0.0, 1.0)  # nobody is diseased: every positive call is wrong


def test_accuracy_is_the_share_of_right_calls():
    # score >= 0.5: right calls are the 2 true positives and the 4 true negatives
    assert ev.diagnostic_metrics(Y, S, 0.5)["accuracy"] == 6 / 10


def test_roc_matches_scikit_learn():
    curve = ev.roc(Y, S)
    assert curve.auc == pytest.approx(roc_auc_score(Y, S))
    assert curve.fpr[0] == 0 and curve.tpr[-1] == 1


def test_bad_labels_and_lengths():
    with pytest.raises(
        ValueError, match=r"« y_true » ne doit contenir que des 0 et des 1 .* valeurs refusées : 2"
    ):
        ev.confusion_at_threshold([0, 2], [0.1, 0.2], 0.5)
    with pytest.raises(
        ValueError,
        match=r"« y_true » et « scores » doivent avoir la même longueur .* reçues : 3 et 2\.",
    ):
        ev.confusion_at_threshold([0, 1, 1], [0.1, 0.2], 0.5)
    with pytest.raises(
        ValueError, match="« y_true » doit être une liste de valeurs à une dimension"
    ):
        ev.sensitivity([[0, 1]], [[0, 1]])


def test_proportion_ci_is_wilsons_interval():
    # Wilson's closed form, written out independently of scipy.
    k, n, z = 61, 85, 1.959963984540054
    p = k / n
    centre = (p + z**2 / (2 * n)) / (1 + z**2 / n)
    half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / (1 + z**2 / n)
    low, high = ev.proportion_ci(k, n)
    assert (low, high) == pytest.approx((centre - half, centre + half), abs=1e-9)
    assert ev.proportion_ci(np.int64(0), np.int64(20))[0] == 0.0
    narrow = ev.proportion_ci(610, 850)
    assert narrow[1] - narrow[0] < high - low  # more patients, narrower interval


@pytest.mark.parametrize(
    ("args", "kwargs", "match"),
    [
        ((0.5, 10), {}, "deux nombres entiers"),
        ((11, 10), {}, "0 ≤ effectif ≤ total"),
        ((0, 0), {}, "total d'au moins 1"),
        ((True, 10), {}, "deux nombres entiers"),
        ((3, 10), {"confidence": 95}, "entre 0 et 1"),
    ],
)
def test_proportion_ci_refuses_bad_counts_in_french(args, kwargs, match):
    with pytest.raises(ValueError, match=match):
        ev.proportion_ci(*args, **kwargs)
