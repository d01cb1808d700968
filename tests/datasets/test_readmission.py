import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import roc_auc_score

from esn_teach.datasets import make_readmission_cohort


def _rates(frame, threshold):
    out = {}
    for g, sub in frame.groupby("group", observed=True):
        y = sub["readmitted"].to_numpy() == 1
        pred = sub["score"].to_numpy() >= threshold
        tp, fp = np.sum(pred & y), np.sum(pred & ~y)
        fn = np.sum(~pred & y)
        out[g] = {
            "p": y.mean(),
            "ppv": tp / (tp + fp),
            "fnr": fn / (tp + fn),
            "fpr": fp / np.sum(~y),
        }
    return out


def test_reproducible_and_attrs():
    a = make_readmission_cohort(n_samples=3_000, random_state=9).frame
    b = make_readmission_cohort(n_samples=3_000, random_state=9).frame
    pd.testing.assert_frame_equal(a, b)
    assert a.attrs["synthetic"] is True
    assert "Chouldechova" in a.attrs["source"]


def test_prevalence_per_group():
    f = make_readmission_cohort(n_samples=200_000, random_state=0).frame
    prev = f.groupby("group", observed=True)["readmitted"].mean()
    # tolerance ±1 pp around the defaults (15 % and 30 %)
    assert prev["A"] == pytest.approx(0.15, abs=0.01)
    assert prev["B"] == pytest.approx(0.30, abs=0.01)
    assert f["score"].between(0, 1).all()
    # theoretical AUC for d' = 1.5: Phi(1.5 / sqrt 2) = 0.856 (±0.01)
    assert roc_auc_score(f["readmitted"], f["score"]) == pytest.approx(0.856, abs=0.01)


@pytest.mark.parametrize("threshold", [0.2, 0.35, 0.5])
def test_chouldechova_identity_holds_numerically(threshold):
    f = make_readmission_cohort(n_samples=100_000, random_state=1).frame
    for r in _rates(f, threshold).values():
        implied = r["p"] / (1 - r["p"]) * (1 - r["ppv"]) / r["ppv"] * (1 - r["fnr"])
        assert r["fpr"] == pytest.approx(implied, rel=1e-9)


def test_unequal_prevalence_forces_unequal_error_rates():
    f = make_readmission_cohort(n_samples=200_000, random_state=2).frame
    r = _rates(f, 0.3)
    # the score is calibrated within groups: at one threshold PPV, FNR and FPR cannot all match
    differences = [abs(r["A"][k] - r["B"][k]) for k in ("ppv", "fnr", "fpr")]
    assert max(differences) > 0.05


def test_equal_prevalence_removes_disparity():
    f = make_readmission_cohort(
        n_samples=200_000, prevalence={"A": 0.2, "B": 0.2}, random_state=2
    ).frame
    r = _rates(f, 0.3)
    # tolerance: every rate within 1.5 pp across groups
    for k in ("ppv", "fnr", "fpr"):
        assert abs(r["A"][k] - r["B"][k]) < 0.015


def test_more_than_two_groups_and_shares():
    f = make_readmission_cohort(
        n_samples=60_000,
        prevalence={"x": 0.1, "y": 0.2, "z": 0.4},
        group_shares=[0.5, 0.25, 0.25],
        random_state=0,
    ).frame
    share = f["group"].value_counts(normalize=True)
    assert share["x"] == pytest.approx(0.5, abs=0.01)
    assert list(f["group"].cat.categories) == ["x", "y", "z"]


@pytest.mark.parametrize(
    ("kwargs", "exc", "msg"),
    [
        ({"prevalence": {"A": 0.2}}, ValueError, "« prevalence » doit définir au moins 2 groupes"),
        (
            {"prevalence": {"A": 0.2, "B": 1.2}},
            ValueError,
            r"« prevalence\['B'\] » .* et 1 \(exclu\)" r" ; valeur reçue : 1,2\.",
        ),
        ({"prevalence": [0.1, 0.2]}, TypeError, "« prevalence » doit être un dictionnaire"),
        ({"group_shares": [1, 2, 3]}, ValueError, "« group_shares » doit avoir 2 valeurs"),
        (
            {"separation": 0},
            ValueError,
            r"« separation » .* entre 0 \(exclu\) .*" r" ; valeur reçue : 0\.",
        ),
        ({"n_samples": 0}, ValueError, "n_samples"),
    ],
)
def test_bad_arguments(kwargs, exc, msg):
    with pytest.raises(exc, match=msg):
        make_readmission_cohort(**kwargs)


def test_card_names_the_rate_and_the_limits_of_the_label():
    # A 30-day readmission risk is a cumulative incidence, not a prevalence; and the
    # label itself depends on access to care (issue 13, module 06).
    card = make_readmission_cohort(n_samples=100, random_state=0).DESCR
    assert "incidence cumulée" in card
    assert "accès inégal aux soins" in card
    assert "L'étiquette est supposée parfaite" in card
