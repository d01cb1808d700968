import numpy as np
import pandas as pd
import pytest

from esn_teach.datasets import (
    egfr_ckd_epi_2009,
    egfr_ckd_epi_2021,
    gfr_category,
    make_egfr_cohort,
)

# Reference values derived by hand, step by step (rounded to 6 decimals at each step).
#
# CKD-EPI 2009 = 141 * min(Scr/k,1)^a * max(Scr/k,1)^-1.209 * 0.993^age * 1.018[F] * 1.159[Black]
#   k = 0.7 (F) / 0.9 (M); a = -0.329 (F) / -0.411 (M)
# CKD-EPI 2021 = 142 * min(Scr/k,1)^a * max(Scr/k,1)^-1.200 * 0.9938^age * 1.012[F]
#   k = 0.7 (F) / 0.9 (M); a = -0.241 (F) / -0.302 (M)
#
# Woman, 50 y, Scr 0.5 mg/dL (below k = 0.7): Scr/k = 0.714286
#   2009: 0.714286^-0.329 = 1.117059; max term = 1; 0.993^50 = 0.703821
#         141 * 1.117059 * 0.703821 * 1.018 = 112.851
#   2021: 0.714286^-0.241 = 1.084468; 0.9938^50 = 0.732740
#         142 * 1.084468 * 0.732740 * 1.012 = 114.192
# Woman, 50 y, Scr 1.4 mg/dL (above k): Scr/k = 2
#   2009: min term = 1; 2^-1.209 = 0.432568; 141 * 0.432568 * 0.703821 * 1.018 = 43.700
#   2021: 2^-1.200 = 0.435275; 142 * 0.435275 * 0.732740 * 1.012 = 45.833
# Man, 60 y, Scr 0.7 mg/dL (below k = 0.9): Scr/k = 0.777778
#   2009: 0.777778^-0.411 = 1.108813; 0.993^60 = 0.656077; 141 * 1.108813 * 0.656077 = 102.573
#   2021: 0.777778^-0.302 = 1.078851; 0.9938^60 = 0.688556; 142 * 1.078851 * 0.688556 = 105.485
# Man, 60 y, Scr 1.8 mg/dL (above k): Scr/k = 2
#   2009: 141 * 0.432568 * 0.656077 = 40.016 ; recorded Black: 40.016 * 1.159 = 46.378
#   2021: 142 * 0.435275 * 0.688556 = 42.559
CASES = [
    # scr, age, female, egfr_2009 (not Black), egfr_2021
    (0.5, 50, True, 112.851, 114.192),
    (1.4, 50, True, 43.700, 45.833),
    (0.7, 60, False, 102.573, 105.485),
    (1.8, 60, False, 40.016, 42.559),
]


@pytest.mark.parametrize(("scr", "age", "female", "ref09", "ref21"), CASES)
def test_reference_values(scr, age, female, ref09, ref21):
    assert float(egfr_ckd_epi_2009(scr, age, female, False)) == pytest.approx(ref09, abs=0.002)
    assert float(egfr_ckd_epi_2021(scr, age, female)) == pytest.approx(ref21, abs=0.002)


def test_race_coefficient_2009():
    assert float(egfr_ckd_epi_2009(1.8, 60, False, True)) == pytest.approx(46.378, abs=0.002)
    ratio = egfr_ckd_epi_2009([0.5, 2.0], [30, 80], [True, False], True) / egfr_ckd_epi_2009(
        [0.5, 2.0], [30, 80], [True, False], False
    )
    np.testing.assert_allclose(ratio, 1.159)


def test_vectorised_and_broadcast():
    scr = np.array([0.5, 1.4, 0.7, 1.8])
    age = np.array([50, 50, 60, 60])
    female = np.array([1, 1, 0, 0])
    out = egfr_ckd_epi_2021(scr, age, female)
    np.testing.assert_allclose(out, [c[4] for c in CASES], atol=0.002)
    assert egfr_ckd_epi_2021(1.0, [40, 50, 60], True).shape == (3,)


def test_continuity_at_kappa():
    # both branches give the same value at Scr = k
    for female, k in ((True, 0.7), (False, 0.9)):
        below = egfr_ckd_epi_2021(k - 1e-9, 50, female)
        above = egfr_ckd_epi_2021(k + 1e-9, 50, female)
        assert float(below) == pytest.approx(float(above), rel=1e-6)


@pytest.mark.parametrize(
    ("args", "msg"),
    [
        ((0.0, 50, True), "scr"),
        ((-1.0, 50, True), "scr"),
        ((1.0, 10, True), r"« age » doit être compris entre 18 et 120 ans"),
        ((1.0, 50, 2), r"« female » doit valoir True ou False \(ou 1 ou 0\)"),
        ((1.0, 50, "F"), r"« female » .* valeur reçue : 'F' \(du texte\)\."),
    ],
)
def test_bad_inputs(args, msg):
    with pytest.raises(ValueError, match=msg):
        egfr_ckd_epi_2021(*args)


def test_bad_black_flag():
    with pytest.raises(
        ValueError, match=r"« black » doit valoir True ou False .* valeur reçue : 3 "
    ):
        egfr_ckd_epi_2009(1.0, 50, True, 3)


def test_categories():
    cats = gfr_category([120, 90, 89.9, 60, 59, 45, 44, 30, 29, 15, 14.9, 3])
    assert list(cats) == [
        "G1",
        "G1",
        "G2",
        "G2",
        "G3a",
        "G3a",
        "G3b",
        "G3b",
        "G4",
        "G4",
        "G5",
        "G5",
    ]


def test_cohort():
    a = make_egfr_cohort(n_samples=20_000, random_state=4)
    b = make_egfr_cohort(n_samples=20_000, random_state=4)
    pd.testing.assert_frame_equal(a.frame, b.frame)
    f = a.frame
    assert f.attrs["synthetic"] is True and "Inker" in f.attrs["source"]
    assert f["age"].between(18, 95).all() and f["scr"].between(0.3, 12).all()
    assert a.target is None
    np.testing.assert_allclose(
        f["egfr_2021"], egfr_ckd_epi_2021(f["scr"], f["age"], f["female"]).round(1)
    )
    black = f["black"] == 1
    # with the race coefficient, Black patients are never in a worse stage with 2009 than
    # with the same 2009 equation without it
    no_race = egfr_ckd_epi_2009(f["scr"], f["age"], f["female"], False)
    assert (f.loc[black, "egfr_2009"] >= no_race[black.to_numpy()].round(1) - 0.05).all()
    assert f["black"].mean() == pytest.approx(0.3, abs=0.015)


def test_cohort_without_black_patients():
    f = make_egfr_cohort(n_samples=5_000, black_fraction=0.0, random_state=0).frame
    assert f["black"].sum() == 0
    no_race = egfr_ckd_epi_2009(f["scr"], f["age"], f["female"], False).round(1)
    np.testing.assert_allclose(f["egfr_2009"], no_race)


@pytest.mark.parametrize(
    ("kwargs", "exc", "msg"),
    [
        (
            {"black_fraction": 2},
            ValueError,
            r"« black_fraction » .* et 1 \(inclus\)" r" ; valeur reçue : 2\.",
        ),
        ({"ckd_fraction": -0.5}, ValueError, "ckd_fraction"),
        (
            {"n_samples": "many"},
            TypeError,
            r"« n_samples » doit être un nombre entier .*" r" ; valeur reçue : 'many' \(du texte\)",
        ),
    ],
)
def test_cohort_bad_arguments(kwargs, exc, msg):
    with pytest.raises(exc, match=msg):
        make_egfr_cohort(**kwargs)


def test_cohort_creatinine_scale():
    """A factor above 1 on the median creatinine lowers every DFGe (same seed, same patients);
    out of [0.5, 2] it is refused with the parameter's name."""
    base = make_egfr_cohort(n_samples=2_000, random_state=3).frame
    same = make_egfr_cohort(n_samples=2_000, random_state=3, creatinine_scale=1.0).frame
    pd.testing.assert_frame_equal(base, same)
    high = make_egfr_cohort(n_samples=2_000, random_state=3, creatinine_scale=1.4).frame
    assert (high["scr"] >= base["scr"]).all() and high["scr"].mean() > base["scr"].mean() * 1.3
    assert (high["egfr_2021"] <= base["egfr_2021"]).all()
    with pytest.raises(ValueError, match="creatinine_scale"):
        make_egfr_cohort(creatinine_scale=3)
