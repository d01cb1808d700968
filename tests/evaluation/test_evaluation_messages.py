"""A wrong argument to a diagnostic metric is refused in French.

scikit-learn's own checks (``check_consistent_length``, ``check_array``...) answer in
English ("Found input variables with inconsistent numbers of samples", "Input contains
NaN"); the course's functions check first, and say it in French.
"""

import math
import warnings

import numpy as np
import pytest
from esn_fixtures import (
    check_no_english_nor_decimal_point,
    check_refused_in_french,
    english_pattern,
)
from sklearn.exceptions import UndefinedMetricWarning

import esn_teach.evaluation as ev

#: Words of scikit-learn's English messages about lengths and shapes, too.
ENGLISH = english_pattern("differ", "inconsistent", "samples", "shape")

WRONG_CALLS = [
    pytest.param(
        lambda: ev.sensitivity([0, 2, 1, 3], [0, 1, 1, 1]),
        ValueError,
        r"^« y_true » ne doit contenir que des 0 et des 1 \(ou True et False\), 1 = malade ;"
        r" valeurs refusées : 2, 3\.$",
        id="y_true-values",
    ),
    pytest.param(
        lambda: ev.specificity([0, 1, 1], [0.2, 0.7, 0.9]),
        ValueError,
        r"^« y_pred » ne doit contenir que des 0 et des 1 .* ; valeurs refusées : 0,2 ; 0,7 ;"
        r" 0,9\. Si ce sont des scores, choisissez d'abord un seuil :"
        r" predict_at_threshold\(scores, seuil\)\.$",
        id="y_pred-scores",
    ),
    pytest.param(
        lambda: ev.ppv(["0", "1"], [0, 1]),
        ValueError,
        r"^« y_true » ne doit contenir que des 0 et des 1 .* ; valeurs refusées : '0', '1'\.$",
        id="y_true-text",
    ),
    pytest.param(
        lambda: ev.npv([0, None, 1], [0, 1, 1]),
        ValueError,
        r"^« y_true » ne doit contenir que des 0 et des 1 .* ; valeurs refusées : None\.$",
        id="y_true-none",
    ),
    pytest.param(
        lambda: ev.sensitivity([[0, 1]], [[0, 1]]),
        ValueError,
        r"^« y_true » doit être une liste de valeurs à une dimension, une par cas ;"
        r" reçu : un tableau à 2 dimensions, de forme \(1, 2\)\.$",
        id="y_true-table",
    ),
    pytest.param(
        lambda: ev.sensitivity(1, 1),
        ValueError,
        r"^« y_true » doit être une liste de valeurs à une dimension, une par cas ;"
        r" valeur reçue : 1 \(un nombre entier\)\.$",
        id="y_true-single",
    ),
    pytest.param(
        lambda: ev.sensitivity([], []),
        ValueError,
        r"^« y_true » est vide : il faut au moins un cas\.$",
        id="y_true-empty",
    ),
    pytest.param(
        lambda: ev.sensitivity([0, 1, 1], [0, 1]),
        ValueError,
        r"^« y_true » et « y_pred » doivent avoir la même longueur \(une valeur par cas\) ;"
        r" longueurs reçues : 3 et 2\.$",
        id="y_pred-length",
    ),
    pytest.param(
        lambda: ev.confusion_at_threshold([0, 1, 1], [0.2, 0.4], 0.5),
        ValueError,
        r"^« y_true » et « scores » doivent avoir la même longueur .* reçues : 3 et 2\.$",
        id="scores-length",
    ),
    pytest.param(
        lambda: ev.diagnostic_metrics([0, 1], [[0.2, 0.4]], 0.5),
        ValueError,
        r"^« scores » doit être une liste de valeurs à une dimension",
        id="scores-table",
    ),
    pytest.param(
        lambda: ev.confusion_at_threshold([0, 1], [0.2, 0.4], "0.5"),
        TypeError,
        r"^« threshold » doit être un nombre ; valeur reçue : '0\.5' \(du texte\)\. Écrivez le"
        r" nombre sans guillemets",
        id="threshold-text",
    ),
    pytest.param(
        lambda: ev.diagnostic_metrics([0, 1], [0.2, 0.4], None),
        TypeError,
        r"^« threshold » doit être un nombre ; valeur reçue : None \(aucune valeur\)\.$",
        id="threshold-none",
    ),
    pytest.param(
        lambda: ev.predict_at_threshold([0.2, 0.4], math.nan),
        ValueError,
        r"^« threshold » doit être un nombre ; valeur reçue : NaN \(« pas un nombre »\)\.$",
        id="threshold-nan",
    ),
    pytest.param(
        lambda: ev.predict_at_threshold([0.2, "élevé"], 0.5),
        ValueError,
        r"^« scores » doit contenir des nombres ; valeurs refusées : 'élevé'\.$",
        id="scores-text",
    ),
    pytest.param(
        lambda: ev.predict_at_threshold([0.2, math.nan], 0.5),
        ValueError,
        r"^« scores » contient des valeurs manquantes \(NaN\) : chaque cas doit avoir un score\.$",
        id="scores-nan",
    ),
    pytest.param(
        lambda: ev.roc([0, 1, 1], [0.2, math.nan, 0.3]),
        ValueError,
        r"^« scores » contient des valeurs manquantes \(NaN\)",
        id="roc-nan",
    ),
    pytest.param(
        lambda: ev.roc([0, 1], [0.2, math.inf]),
        ValueError,
        r"^« scores » contient des valeurs infinies : la courbe ROC demande des scores finis\.$",
        id="roc-infinite",
    ),
    pytest.param(
        lambda: ev.roc([0, 1, 1], [0.2, 0.3]),
        ValueError,
        r"^« y_true » et « scores » doivent avoir la même longueur",
        id="roc-length",
    ),
    pytest.param(
        lambda: ev.predictive_values(sensitivity="0,9", specificity=0.5, prevalence=0.1),
        TypeError,
        r"^« sensitivity » doit être un nombre compris entre 0 \(inclus\) et 1 \(inclus\) ;"
        r" valeur reçue : '0,9' \(du texte\)\.",
        id="predictive_values",
    ),
]


@pytest.mark.parametrize(("call", "error", "pattern"), WRONG_CALLS)
def test_a_wrong_argument_is_refused_in_french(call, error, pattern):
    check_refused_in_french(call, error, pattern)


def test_no_message_of_a_wrong_call_has_english_words_or_decimal_points():
    check_no_english_nor_decimal_point(WRONG_CALLS, ENGLISH)


@pytest.mark.parametrize(("y_true", "absent"), [([1, 1, 1], "non malade"), ([0, 0], "malade")])
def test_a_roc_curve_of_one_class_warns_in_french_only(y_true, absent):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        curve = ev.roc(y_true, np.linspace(0.1, 0.9, len(y_true)))
    assert math.isnan(curve.auc)
    messages = [str(w.message) for w in caught]
    assert len(messages) == 1, messages
    assert caught[0].category is UndefinedMetricWarning
    assert messages[0].startswith(f"« y_true » ne contient aucun cas {absent} ")


def test_an_infinite_threshold_is_still_a_threshold():
    # roc_curve's first threshold is infinite: nobody is called positive there.
    curve = ev.roc([0, 1, 1, 0], [0.1, 0.8, 0.6, 0.3])
    assert math.isinf(curve.thresholds[0])
    assert ev.predict_at_threshold([0.1, 0.8], curve.thresholds[0]).tolist() == [0, 0]
    assert ev.predict_at_threshold([0.1, 0.8], -math.inf).tolist() == [1, 1]
    assert ev.confusion_at_threshold([0, 1], [0.1, 0.8], np.float32(0.5)).tp == 1
