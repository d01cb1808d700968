import numpy as np
import pandas as pd
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from esn_teach.datasets import make_skin_lesions
from esn_teach.datasets._skin import DEFAULT_TYPE_SHARES, FEATURES, FITZPATRICK_TYPES

THRESHOLD = 0.2


def _fnr_by_type(train_shares, shift):
    train = make_skin_lesions(
        n_samples=40_000, type_shares=train_shares, presentation_shift=shift, random_state=0
    ).frame
    test = make_skin_lesions(
        n_samples=120_000, type_shares=[1] * 6, presentation_shift=shift, random_state=1
    ).frame
    model = make_pipeline(StandardScaler(), LogisticRegression())
    model.fit(train[list(FEATURES)], train["malignant"])
    p = model.predict_proba(test[list(FEATURES)])[:, 1]
    sick = test["malignant"].to_numpy() == 1
    missed = pd.Series(p < THRESHOLD)[sick]
    return missed.groupby(test["fitzpatrick"].to_numpy()[sick]).mean()


def _gap(fnr):
    return fnr[["V", "VI"]].mean() - fnr[["I", "II"]].mean()


def test_reproducible_and_attrs():
    a = make_skin_lesions(n_samples=2_000, random_state=2).frame
    b = make_skin_lesions(n_samples=2_000, random_state=2).frame
    pd.testing.assert_frame_equal(a, b)
    assert a.attrs["synthetic"] is True
    assert list(a["fitzpatrick"].cat.categories) == list(FITZPATRICK_TYPES)
    assert a.attrs["type_shares"]["VI"] == pytest.approx(0.03)


def test_ranges_and_shares():
    f = make_skin_lesions(n_samples=100_000, random_state=0).frame
    assert f["skin_lightness"].between(0, 100).all()
    assert f[["asymmetry", "border_irregularity"]].stack().between(0, 1).all()
    assert (f["diameter_mm"] > 0).all()
    assert (f[["colour_contrast", "colour_variegation"]] >= 0).all().all()
    share = f["fitzpatrick"].value_counts(normalize=True).reindex(list(FITZPATRICK_TYPES))
    np.testing.assert_allclose(share.to_numpy(), DEFAULT_TYPE_SHARES, atol=0.01)
    assert f["malignant"].mean() == pytest.approx(0.2, abs=0.01)
    # lighter skin types have higher measured lightness
    means = f.groupby("fitzpatrick", observed=True)["skin_lightness"].mean()
    assert means.is_monotonic_decreasing


def test_default_mix_misses_more_cancers_on_dark_skin():
    fnr = _fnr_by_type(DEFAULT_TYPE_SHARES, 1.0)
    # types V-VI have at least 8 pp more false negatives than types I-II
    assert _gap(fnr) > 0.08


def test_more_dark_skin_in_training_narrows_the_gap():
    default_gap = _gap(_fnr_by_type(DEFAULT_TYPE_SHARES, 1.0))
    rich_gap = _gap(_fnr_by_type([0.1, 0.1, 0.1, 0.1, 0.3, 0.3], 1.0))
    assert rich_gap < default_gap - 0.05


def test_zero_shift_removes_the_disparity():
    fnr = _fnr_by_type(DEFAULT_TYPE_SHARES, 0.0)
    # tolerance: every skin type within 2.5 pp of type I
    assert (fnr - fnr["I"]).abs().max() < 0.025


def test_mapping_shares_and_return_x_y():
    shares = dict.fromkeys(FITZPATRICK_TYPES, 1.0)
    f = make_skin_lesions(n_samples=60_000, type_shares=shares, random_state=0).frame
    np.testing.assert_allclose(f["fitzpatrick"].value_counts(normalize=True), 1 / 6, atol=0.01)
    x, y = make_skin_lesions(n_samples=50, random_state=0, return_X_y=True)
    assert list(x.columns) == list(FEATURES) and y.name == "malignant"


@pytest.mark.parametrize(
    ("kwargs", "exc", "msg"),
    [
        ({"type_shares": [1, 1, 1]}, ValueError, "« type_shares » doit avoir 6 valeurs"),
        ({"type_shares": {"I": 1, "VII": 1}}, ValueError, "clés inconnues : 'VII'"),
        ({"type_shares": [1, 1, 1, 1, 1, -1]}, ValueError, "type_shares"),
        (
            {"presentation_shift": 2},
            ValueError,
            r"« presentation_shift » .* et 1 \(inclus\)" r" ; valeur reçue : 2\.",
        ),
        (
            {"prevalence": 0},
            ValueError,
            r"« prevalence » .* entre 0 \(exclu\) .*" r" ; valeur reçue : 0\.",
        ),
        ({"n_samples": 0}, ValueError, "n_samples"),
    ],
)
def test_bad_arguments(kwargs, exc, msg):
    with pytest.raises(exc, match=msg):
        make_skin_lesions(**kwargs)
