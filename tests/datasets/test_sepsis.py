import numpy as np
import pandas as pd
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from esn_teach.datasets import make_sepsis_hospitals
from esn_teach.datasets._sepsis import FEATURES


def _internal_external_auc(frame):
    x = frame[list(FEATURES)].to_numpy(float)
    y = frame["sepsis"].to_numpy()
    h = frame["hospital"].to_numpy()
    dev = np.flatnonzero(h == "H1")
    train, test = dev[: len(dev) // 2], dev[len(dev) // 2 :]
    model = make_pipeline(StandardScaler(), LogisticRegression()).fit(x[train], y[train])
    s = model.predict_proba(x)[:, 1]
    internal = roc_auc_score(y[test], s[test])
    external = {k: roc_auc_score(y[h == k], s[h == k]) for k in np.unique(h) if k != "H1"}
    return internal, external


@pytest.fixture(scope="module")
def default_frame():
    return make_sepsis_hospitals(n_samples=240_000, random_state=0).frame


def test_reproducible_and_attrs():
    a = make_sepsis_hospitals(n_samples=3_000, random_state=8).frame
    b = make_sepsis_hospitals(n_samples=3_000, random_state=8).frame
    pd.testing.assert_frame_equal(a, b)
    assert a.attrs["synthetic"] is True and "Wong" in a.attrs["source"]
    assert list(a["hospital"].cat.categories) == ["H1", "H2", "H3"]


def test_ranges_and_prevalence(default_frame):
    f = default_frame
    assert f["heart_rate"].between(35, 200).all()
    assert f["temperature"].between(33, 42).all()
    assert f["lactate"].between(0.3, 20).all()
    assert set(f["antibiotics_ordered"].unique()) <= {0, 1}
    prev = f.groupby("hospital", observed=True)["sepsis"].mean()
    # tolerance ±1 pp around (0.07, 0.12, 0.05); H1's 7 % is Wong et al.'s prevalence
    np.testing.assert_allclose(prev.to_numpy(), [0.07, 0.12, 0.05], atol=0.01)


def test_published_auc_drop_at_defaults(default_frame):
    # Wong 2021: external AUC 0.63, below the developer's claim. Tolerance: internal 0.80 ± 0.03,
    # each external hospital 0.63 ± 0.03.
    internal, external = _internal_external_auc(default_frame)
    assert internal == pytest.approx(0.80, abs=0.03)
    for auc in external.values():
        assert auc == pytest.approx(0.63, abs=0.03)


def test_zero_shift_removes_the_drop():
    f = make_sepsis_hospitals(n_samples=240_000, shift=0.0, random_state=0).frame
    internal, external = _internal_external_auc(f)
    for auc in external.values():
        assert abs(auc - internal) < 0.02


def _site_accuracy(frame):
    x = frame[list(FEATURES)].to_numpy(float)
    h = frame["hospital"].astype(str).to_numpy()
    clf = make_pipeline(StandardScaler(), LogisticRegression(max_iter=500))
    return cross_val_score(clf, x, h, cv=3).mean()


def test_hospital_is_learnable_from_features(default_frame):
    # chance = 1/3; the hospital is predicted well above chance (>= 0.55)
    assert _site_accuracy(default_frame.iloc[:12_000]) > 0.55


def test_hospital_not_learnable_without_shift():
    f = make_sepsis_hospitals(
        n_samples=12_000, shift=0.0, prevalence=[0.07, 0.07, 0.07], random_state=1
    ).frame
    # chance = 1/3, tolerance 0.03
    assert _site_accuracy(f) < 1 / 3 + 0.03


def test_n_hospitals():
    f = make_sepsis_hospitals(n_samples=4_000, n_hospitals=4, random_state=0).frame
    assert list(f["hospital"].cat.categories) == ["H1", "H2", "H3", "H4"]
    x, y = make_sepsis_hospitals(n_samples=100, random_state=0, return_X_y=True)
    assert list(x.columns) == list(FEATURES) and y.name == "sepsis"


@pytest.mark.parametrize(
    ("kwargs", "exc", "msg"),
    [
        (
            {"n_hospitals": 1},
            ValueError,
            r"« n_hospitals » .* entre 2 \(inclus\) .*" r" ; valeur reçue : 1\.",
        ),
        (
            {"n_hospitals": 9},
            ValueError,
            r"« n_hospitals » .* et 4 \(inclus\)" r" ; valeur reçue : 9\.",
        ),
        (
            {"prevalence": [0.1, 0.2]},
            ValueError,
            r"« prevalence » doit avoir une valeur par hôpital \(3\) ;"
            r" nombre de valeurs reçues : 2\.",
        ),
        (
            {"prevalence": [0.1, 0.2, 1.0]},
            ValueError,
            r"« prevalence\[2\] » .* et 1 \(exclu\)" r" ; valeur reçue : 1,0\.",
        ),
        (
            {"prevalence": 0.1},
            TypeError,
            r"« prevalence » doit être une liste de 3 prévalences .* valeur reçue : 0,1 ",
        ),
        (
            {"shift": -1},
            ValueError,
            r"« shift » .* entre 0 \(inclus\) .*" r" ; valeur reçue : -1\.",
        ),
        (
            {"shift": "high"},
            TypeError,
            r"« shift » doit être un nombre .*" r" ; valeur reçue : 'high' \(du texte\)",
        ),
    ],
)
def test_bad_arguments(kwargs, exc, msg):
    with pytest.raises(exc, match=msg):
        make_sepsis_hospitals(**kwargs)


def test_sepsis_case_prevalence_varies_h2_only_and_keeps_h1_h3_stays():
    from esn_teach.datasets import (
        SEPSIS_CASE_SEEDS,
        SEPSIS_H2_PREVALENCES,
        sepsis_case_prevalence,
    )

    drawn = [sepsis_case_prevalence(seed) for seed in SEPSIS_CASE_SEEDS]
    assert {p[0] for p in drawn} == {0.07} and {p[2] for p in drawn} == {0.05}
    h2 = {p[1] for p in drawn}
    assert h2 <= set(SEPSIS_H2_PREVALENCES) and len(h2) >= 8
    assert min(h2) > 0.07  # H2 keeps more sepsis than H1, as the module says
    assert sepsis_case_prevalence(1001) == sepsis_case_prevalence(1001)
    seed = SEPSIS_CASE_SEEDS[0]
    default = make_sepsis_hospitals(n_samples=3000, random_state=seed).frame
    varied = make_sepsis_hospitals(
        n_samples=3000, random_state=seed, prevalence=sepsis_case_prevalence(seed)
    ).frame
    for hospital in ("H1", "H3"):
        assert default[default["hospital"] == hospital].equals(
            varied[varied["hospital"] == hospital]
        )


def test_sepsis_case_mix_spreads_h2_only_and_keeps_h1_h3_stays():
    """Review 08 d20b, lecturer 4: H2's AUC varied too little between copies (0,586 to 0,649)
    for question 1; H2's case mix, drawn per case seed, moves its stays only."""
    from esn_teach.datasets import SEPSIS_CASE_SEEDS, SEPSIS_H2_CASE_MIXES, sepsis_case_mix

    drawn = [sepsis_case_mix(seed) for seed in SEPSIS_CASE_SEEDS]
    assert {m[0] for m in drawn} == {0.0} and {m[2] for m in drawn} == {0.05}
    assert {m[1] for m in drawn} <= set(SEPSIS_H2_CASE_MIXES) and len({m[1] for m in drawn}) >= 10
    assert sepsis_case_mix(1001) == sepsis_case_mix(1001)
    seed = SEPSIS_CASE_SEEDS[0]
    default = make_sepsis_hospitals(n_samples=3000, random_state=seed).frame
    same = make_sepsis_hospitals(n_samples=3000, random_state=seed, case_mix=(0, 0.06, 0.05)).frame
    assert default.equals(same)  # the default case mix, written out
    varied = make_sepsis_hospitals(
        n_samples=3000, random_state=seed, case_mix=(0, 0.24, 0.05)
    ).frame
    for hospital in ("H1", "H3"):
        assert default[default["hospital"] == hospital].equals(
            varied[varied["hospital"] == hospital]
        )
    h2 = default["hospital"] == "H2"
    calm = default.loc[h2 & (default["sepsis"] == 0), "heart_rate"].mean()
    sick = varied.loc[h2 & (varied["sepsis"] == 0), "heart_rate"].mean()
    assert sick > calm + 2  # sicker non-septic patients at H2


@pytest.mark.parametrize(
    ("case_mix", "exc", "match"),
    [
        ("0.1", TypeError, "« case_mix » doit être une liste"),
        ((0, 0.1), ValueError, "une valeur par hôpital"),
        ((0, 3.0, 0.05), ValueError, "case_mix"),
    ],
)
def test_bad_case_mix_is_refused_in_french(case_mix, exc, match):
    with pytest.raises(exc, match=match):
        make_sepsis_hospitals(n_samples=300, random_state=0, case_mix=case_mix)
