import numpy as np
import pandas as pd
import pytest

from esn_teach.datasets import (
    fit_risk_score,
    make_cost_vs_need_cohort,
    programme_shares,
    top_share,
)


def test_default_sizes_are_table_1():
    b = make_cost_vs_need_cohort(random_state=0)
    counts = b.frame["race"].value_counts()
    assert counts["White"] == 43_539
    assert counts["Black"] == 6_079
    assert list(b.feature_names) == list(b.data.columns)
    assert "race" not in b.feature_names
    assert b.target.name == "cost"


def test_reproducible_and_attrs():
    a = make_cost_vs_need_cohort(n_samples=3_000, random_state=42).frame
    b = make_cost_vs_need_cohort(n_samples=3_000, random_state=42).frame
    pd.testing.assert_frame_equal(a, b)
    c = make_cost_vs_need_cohort(n_samples=3_000, random_state=np.random.default_rng(42)).frame
    pd.testing.assert_frame_equal(a, c)
    assert not a.equals(make_cost_vs_need_cohort(n_samples=3_000, random_state=43).frame)
    assert a.attrs["synthetic"] is True
    assert "Obermeyer" in a.attrs["source"]
    assert a.attrs["random_state"] == 42
    assert set(a.attrs["labels_fr"]) == set(a.columns)


def test_group_means_close_to_table_1():
    f = make_cost_vs_need_cohort(n_samples=200_000, random_state=1).frame
    m = f.groupby("race", observed=True).mean(numeric_only=True)
    # tolerances: ±0.05 chronic illnesses, ±0.05 % HbA1c, ±0.5 mmHg, ±0.5 year, ±1.5 pp female
    assert m.loc["White", "n_chronic"] == pytest.approx(1.20, abs=0.05)
    assert m.loc["Black", "n_chronic"] == pytest.approx(1.90, abs=0.05)
    assert m.loc["White", "hba1c"] == pytest.approx(5.9, abs=0.05)
    assert m.loc["Black", "hba1c"] == pytest.approx(6.4, abs=0.05)
    assert m.loc["White", "systolic_bp"] == pytest.approx(126.6, abs=0.5)
    assert m.loc["Black", "systolic_bp"] == pytest.approx(130.3, abs=0.5)
    assert m.loc["White", "age"] == pytest.approx(51.3, abs=0.5)
    assert m.loc["Black", "age"] == pytest.approx(48.6, abs=0.5)
    assert m.loc["White", "female"] == pytest.approx(0.62, abs=0.015)
    assert m.loc["Black", "female"] == pytest.approx(0.69, abs=0.015)
    # White mean cost close to Table 1's $7,540 (±3 %)
    assert m.loc["White", "cost"] == pytest.approx(7540, rel=0.03)


def test_columns_valid():
    f = make_cost_vs_need_cohort(n_samples=20_000, random_state=2).frame
    assert f["hba1c"].between(4, 15).all()
    assert f["systolic_bp"].between(85, 220).all()
    assert (f[["cost", "prior_cost", "n_chronic", "n_chronic_next"]] >= 0).all().all()
    assert set(f["female"].unique()) <= {0, 1}
    assert f["n_chronic"].dtype == np.int64
    assert isinstance(f["race"].dtype, pd.CategoricalDtype)


def test_published_shares_reproduced_at_defaults():
    # Obermeyer 2019: 17.7 % Black among auto-enrolled (>= 97th pct) with the cost label,
    # 46.5 % without the disparity. Tolerance: ±1.5 pp for the cost label; the health
    # label must be markedly higher, within ±3.5 pp of 46.5 %.
    f = make_cost_vs_need_cohort(n_samples=300_000, random_state=7).frame
    shares = programme_shares(f)
    assert shares["cost"] == pytest.approx(0.177, abs=0.015)
    assert shares["health"] == pytest.approx(0.465, abs=0.035)


def test_equal_cost_at_equal_illness_removes_disparity():
    f = make_cost_vs_need_cohort(n_samples=300_000, access_gap=0.0, random_state=7).frame
    shares = programme_shares(f)
    # tolerance: the two labels select the same share of Black patients within 3 pp
    assert abs(shares["cost"] - shares["health"]) < 0.03
    # and Black patients, sicker on average, cost more on average
    m = f.groupby("race", observed=True)["cost"].mean()
    assert m["Black"] > m["White"]


def test_access_gap_lowers_cost_at_equal_illness():
    f = make_cost_vs_need_cohort(n_samples=100_000, random_state=3).frame
    same = f[f["n_chronic"] == 2]
    m = same.groupby("race", observed=True)["prior_cost"].mean()
    # at equal observed chronic conditions, Black patients cost markedly less (>= 25 % less)
    assert m["Black"] < 0.75 * m["White"]


def test_helpers():
    f = make_cost_vs_need_cohort(n_samples=5_000, random_state=0).frame
    s = fit_risk_score(f, "health")
    assert s.shape == (5_000,)
    assert 0 <= top_share(s, f["race"]) <= 1
    assert top_share([1, 2, 3, 4], ["a", "a", "b", "b"], group="b", percentile=50) == 1.0
    with pytest.raises(
        ValueError, match="groupe inconnu : 'Asian' ; groupes présents : 'Black', 'White'"
    ):
        top_share(s, f["race"], group="Asian")
    with pytest.raises(
        ValueError, match=r"« percentile » .* et 100 \(exclu\)" r" ; valeur reçue : 100\."
    ):
        top_share(s, f["race"], percentile=100)
    with pytest.raises(ValueError, match="colonnes absentes du tableau « frame » : 'mortality'"):
        fit_risk_score(f, "mortality")
    with pytest.raises(
        ValueError, match="« scores » et « groups » doivent être deux listes de même longueur"
    ):
        top_share([1, 2], ["a"])


@pytest.mark.parametrize(
    ("kwargs", "exc", "msg"),
    [
        (
            {"n_samples": 0},
            ValueError,
            r"« n_samples » .* supérieur ou égal à 2" r" ; valeur reçue : 0\.",
        ),
        (
            {"n_samples": 10.5},
            TypeError,
            r"« n_samples » doit être un nombre entier .*"
            r" ; valeur reçue : 10,5 \(un nombre décimal\)",
        ),
        (
            {"access_gap": 1.0},
            ValueError,
            r"« access_gap » .* et 1 \(exclu\)" r" ; valeur reçue : 1,0\.",
        ),
        ({"access_gap": -0.1}, ValueError, "access_gap"),
        (
            {"access_gap": "big"},
            TypeError,
            r"« access_gap » doit être un nombre .*" r" ; valeur reçue : 'big' \(du texte\)",
        ),
        ({"random_state": "seed"}, TypeError, "random_state"),
    ],
)
def test_bad_arguments(kwargs, exc, msg):
    with pytest.raises(exc, match=msg):
        make_cost_vs_need_cohort(**kwargs)


def test_return_x_y_and_numpy():
    x, y = make_cost_vs_need_cohort(n_samples=100, random_state=0, return_X_y=True)
    assert x.shape == (100, 7) and y.shape == (100,)
    b = make_cost_vs_need_cohort(n_samples=100, random_state=0, as_frame=False)
    assert isinstance(b.data, np.ndarray) and b.frame is None


def test_enrolled_is_the_rule_top_share_and_the_explorer_share():
    from esn_teach.datasets import enrolled, top_share
    from esn_teach.explorers import selection_by_group

    rng = np.random.default_rng(3)
    scores = rng.normal(size=1000)
    groups = np.where(rng.random(1000) < 0.3, "Black", "White")
    mask = enrolled(scores, percentile=97.0)
    assert mask.dtype == bool and mask.sum() == 30
    assert enrolled(scores, percentile=0.0).all()
    assert top_share(scores, groups, percentile=97.0) == pytest.approx(
        np.mean(groups[mask] == "Black")
    )
    table = selection_by_group(scores, groups, scores, percentile=97.0)
    assert table["n_selected"].sum() == mask.sum()
    with pytest.raises(ValueError, match="percentile"):
        enrolled(scores, percentile=100.0)
    with pytest.raises(TypeError):
        enrolled(scores, percentile="97")
