"""Error messages a student can trigger are French, name the argument and what it accepts.

``check_finite_scalar`` (esn_teach._validation) checks every number the course's
functions receive, explorers' arguments included; it wraps scikit-learn's
``check_scalar``, whose own messages are English (``x == 2, must be <= 1.``).
"""

import numbers
import re

import numpy as np
import pytest

from esn_teach._formatting import fr_value
from esn_teach._validation import check_finite_scalar, expected_range
from esn_teach.explorers import (
    AnonymisationExplorer,
    FairnessExplorer,
    LegalPathExplorer,
    OximetryExplorer,
    ThresholdExplorer,
    forced_fpr,
    selection_by_group,
)

#: Words of scikit-learn's and Python's English messages.
ENGLISH = re.compile(r"\b(must|should|instance|not|got|found|unknown|value|between)\b|==")
DECIMAL_POINT = re.compile(r"\d\.\d")


def _message(call, *args, **kwargs) -> str:
    with pytest.raises((TypeError, ValueError)) as caught:
        call(*args, **kwargs)
    message = str(caught.value)
    assert not ENGLISH.search(message), message
    return message


@pytest.mark.parametrize(
    ("value", "kwargs", "expected"),
    [
        (
            2,
            {"min_val": 0.0, "max_val": 1.0},
            "« p » doit être un nombre compris entre 0 (inclus) et 1 (inclus) ; valeur reçue : 2.",
        ),
        (
            0.99,
            {"min_val": 0.05, "max_val": 0.95},
            "« p » doit être un nombre compris entre 0,05 (inclus) et 0,95 (inclus) ; "
            "valeur reçue : 0,99.",
        ),
        (
            0.0,
            {"min_val": 0, "max_val": 1, "include_boundaries": "right"},
            "« p » doit être un nombre compris entre 0 (exclu) et 1 (inclus) ; valeur reçue : 0,0.",
        ),
        (
            1.0,
            {"min_val": 0, "max_val": 1, "include_boundaries": "left"},
            "« p » doit être un nombre compris entre 0 (inclus) et 1 (exclu) ; valeur reçue : 1,0.",
        ),
        (
            -1,
            {"min_val": 0},
            "« p » doit être un nombre supérieur ou égal à 0 ; valeur reçue : -1.",
        ),
        (
            5,
            {"max_val": 2.5, "include_boundaries": "neither"},
            "« p » doit être un nombre strictement inférieur à 2,5 ; valeur reçue : 5.",
        ),
        (
            float("nan"),
            {"min_val": 0, "max_val": 1},
            "« p » doit être un nombre compris entre 0 (inclus) et 1 (inclus) ; "
            "valeur reçue : NaN (« pas un nombre »).",
        ),
        (
            float("-inf"),
            {},
            "« p » doit être un nombre fini ; valeur reçue : moins l'infini.",
        ),
    ],
)
def test_out_of_range_values_are_refused_in_french(value, kwargs, expected):
    message = _message(check_finite_scalar, value, "p", numbers.Real, **kwargs)
    assert message == expected


@pytest.mark.parametrize(
    ("value", "target", "expected"),
    [
        (
            "0.5",
            numbers.Real,
            "« x » doit être un nombre ; valeur reçue : '0.5' (du texte). Écrivez le nombre "
            "sans guillemets, avec un point pour les décimales.",
        ),
        (
            2.5,
            numbers.Integral,
            "« x » doit être un nombre entier ; valeur reçue : 2,5 (un nombre décimal).",
        ),
        (None, numbers.Real, "« x » doit être un nombre ; valeur reçue : None (aucune valeur)."),
        (
            "beaucoup",
            numbers.Integral,
            "« x » doit être un nombre entier ; valeur reçue : 'beaucoup' (du texte).",
        ),
        ([1, 2], numbers.Real, "« x » doit être un nombre ; valeur reçue : [1, 2] (une liste)."),
        (
            np.True_,
            numbers.Integral,
            "« x » doit être un nombre entier, pas un booléen ; valeur reçue : True.",
        ),
    ],
)
def test_values_of_the_wrong_kind_are_refused_in_french(value, target, expected):
    with pytest.raises(TypeError) as caught:
        check_finite_scalar(value, "x", target)
    assert str(caught.value) == expected
    # No English traceback of scikit-learn's above it.
    assert caught.value.__context__ is None or caught.value.__suppress_context__


def test_accepted_values_come_back_unchanged():
    assert check_finite_scalar(0.95, "p", numbers.Real, min_val=0.05, max_val=0.95) == 0.95
    assert check_finite_scalar(np.int64(3), "n", numbers.Integral, min_val=3) == 3


def test_a_mistake_of_the_calling_code_stays_for_its_developer():
    # Not something a student typed: scikit-learn's own message, unchanged.
    with pytest.raises(ValueError, match="include_boundaries"):
        check_finite_scalar(0.5, "p", numbers.Real, min_val=0, include_boundaries="right")


def test_expected_range_says_which_bounds_are_allowed():
    assert expected_range(numbers.Integral, 1, None, "both") == (
        "un nombre entier supérieur ou égal à 1"
    )
    assert expected_range(numbers.Real, 0, 99.5, "neither") == (
        "un nombre compris entre 0 (exclu) et 99,5 (exclu)"
    )
    assert expected_range(numbers.Real, None, None, "both") == "un nombre"


def test_fr_value_writes_what_was_received_the_french_way():
    assert fr_value(0.25) == "0,25" and fr_value(np.float32(0.5)) == "0,5"
    assert fr_value(12) == "12" and fr_value(True) == "True" and fr_value("a") == "'a'"
    assert fr_value(float("inf")) == "l'infini"


# -- what students can trigger through the explorers -----------------------------------------


@pytest.mark.parametrize(
    ("call", "args", "kwargs", "name"),
    [
        (ThresholdExplorer, ([0, 1], [0.2, 0.4]), {"threshold": 1.5}, "threshold"),
        (ThresholdExplorer, ([0, 1], [0.2, 0.4]), {"threshold": "0,5"}, "threshold"),
        (ThresholdExplorer, ([0, 1, 1], [0.2, 0.4]), {}, "y_true"),
        (FairnessExplorer, ({"A": 0.1, "B": 0.2},), {"ppv": 0.99}, "ppv"),
        (FairnessExplorer, ({"A": 0.1, "B": "0.2"},), {}, "prevalences['B']"),
        (FairnessExplorer, ({"A": 0.1},), {}, "prevalences"),
        (forced_fpr, (0.2, 0.5, 1.5), {}, "fnr"),
        (OximetryExplorer, (), {"threshold": 92.5}, "threshold"),
        (OximetryExplorer, (), {"device_bias": -1}, "device_bias"),
        (LegalPathExplorer, (), {"step": 0}, "step"),
        (LegalPathExplorer, (), {"scenario": "inconnu"}, "scénario"),
        (selection_by_group, ([0.1, 0.2], ["a", "b"], [1, 2]), {"percentile": -5}, "percentile"),
        (AnonymisationExplorer, (None, None), {}, "registry"),
    ],
)
def test_explorer_arguments_are_refused_in_french(call, args, kwargs, name):
    message = _message(call, *args, **kwargs)
    assert name in message
    assert re.search(r"[éèêàùâç]", message), message
    assert not DECIMAL_POINT.search(message.replace("'0.2'", "")), message
