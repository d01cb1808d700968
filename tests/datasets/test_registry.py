import re

import numpy as np
import pandas as pd
import pytest

import esn_teach.datasets
from esn_teach.datasets import make_french_registry, make_voter_list
from esn_teach.datasets._registry import ADMISSION_END, DEPARTEMENTS, ICD10_PATTERN
from esn_teach.privacy import unique_share

QI = ["birth_date", "sex", "postcode"]


@pytest.fixture(scope="module")
def registry():
    return make_french_registry(n_samples=20_000, random_state=0).frame


def test_reproducible_and_attrs():
    a = make_french_registry(n_samples=2_000, random_state=3).frame
    b = make_french_registry(n_samples=2_000, random_state=3).frame
    pd.testing.assert_frame_equal(a, b)
    assert a.attrs["synthetic"] is True and a.attrs["random_state"] == 3
    assert set(a.attrs["labels_fr"]) == set(a.columns)


def test_dates_are_consistent(registry):
    f = registry
    assert (f["birth_date"] < f["admission_date"]).all()
    assert (f["admission_date"] <= pd.Timestamp(str(ADMISSION_END))).all()
    assert (f["admission_date"] <= pd.Timestamp.now()).all()
    assert f["age"].between(0, 102).all()
    # age is the exact number of completed years between birth and admission
    b, a = f["birth_date"].dt, f["admission_date"].dt
    before = (a.month < b.month) | ((a.month == b.month) & (a.day < b.day))
    np.testing.assert_array_equal(f["age"], a.year - b.year - before.astype(int))


def test_geography_is_well_formed(registry):
    f = registry
    codes = {c: n for c, n, _ in DEPARTEMENTS}
    assert set(f["departement"].astype(str)) <= set(codes)
    postcode = f["postcode"].astype(str)
    dept = f["departement"].astype(str)
    assert postcode.str.fullmatch(r"[0-9]{5}").all()
    # a postcode starts with its département (Corse-du-Sud: 20xxx)
    prefix = np.where(dept == "2A", "20", dept)
    assert all(p.startswith(d) for p, d in zip(postcode, prefix, strict=True))
    names = f["departement_name"].astype(str)
    assert (names == dept.map(codes)).all()
    assert names[dept == "34"].iloc[0] == "Hérault"


def test_icd10_codes_and_skew(registry):
    f = registry
    assert f["diagnosis"].astype(str).str.match(ICD10_PATTERN).all()
    assert all(re.match(ICD10_PATTERN, c) for c in f["diagnosis"].cat.categories)
    freq = f["diagnosis"].value_counts(normalize=True)
    # skewed: the most frequent code is at least 10 times as frequent as the rarest
    assert freq.iloc[0] > 10 * freq[freq > 0].iloc[-1]
    assert freq.index[0] == "I10"
    births = f[f["diagnosis"] == "O80"]
    assert len(births) > 0
    assert (births["sex"] == "F").all() and births["age"].between(15, 49).all()


def test_most_rows_unique_on_quasi_identifiers(registry):
    # Sweeney's triple isolates (nearly) everyone: at least 95 % unique here
    assert unique_share(registry, QI) >= 0.95
    # generalising (year of birth, sex, département) makes far fewer rows unique
    coarse = registry.assign(year=registry["birth_date"].dt.year)
    assert unique_share(coarse, ["year", "sex", "departement"]) < 0.5


def test_pseudonyms_unique(registry):
    assert registry["pseudonym"].is_unique
    assert registry["pseudonym"].between(0, 10**8 - 1).all()


def test_voter_list_linkage(registry):
    v = make_voter_list(registry, overlap=0.3, error_rate=0.0, random_state=1)
    f = v.frame
    truth = v.true_pseudonym
    adults = int((registry["age"] >= 18).sum())
    assert int((truth >= 0).sum()) == round(0.3 * adults)
    assert len(f) == 2 * round(0.3 * adults)
    assert set(f.columns) == {"last_name", "first_name", "sex", "birth_date", "postcode"}
    assert not v.inexact.any()
    # the answer key is consistent with the registry
    listed = registry.set_index("pseudonym").loc[truth[truth >= 0]]
    mine = f[truth >= 0]
    np.testing.assert_array_equal(listed["birth_date"].to_numpy(), mine["birth_date"].to_numpy())
    np.testing.assert_array_equal(
        listed["postcode"].astype(str).to_numpy(), mine["postcode"].to_numpy()
    )
    # a join on the quasi-identifiers re-identifies most listed patients correctly
    assert _correct_share(registry, v) > 0.9


def _correct_share(registry, voters):
    """Share of the listed patients whose row joins their own record (exact join on QI)."""
    f, truth = voters.frame, voters.true_pseudonym
    reg = registry.assign(
        postcode=registry["postcode"].astype(str), sex=registry["sex"].astype(str)
    )
    vot = f.assign(sex=f["sex"].astype(str), truth=truth)
    joined = vot.merge(reg[["pseudonym", *QI]], on=QI, how="inner")
    return (joined["pseudonym"] == joined["truth"]).sum() / (truth >= 0).sum()


def test_voter_list_inexact_profiles(registry):
    # Like real public profiles, a share of rows carries a shifted birth date or another
    # postcode; the rest of the list is drawn as with error_rate=0 (same seed, same rows).
    exact = make_voter_list(registry, error_rate=0.0, random_state=1)
    v = make_voter_list(registry, random_state=1)  # default error_rate=0.25
    np.testing.assert_array_equal(exact.true_pseudonym, v.true_pseudonym)
    pd.testing.assert_series_equal(exact.frame["last_name"], v.frame["last_name"])
    assert 0.22 < v.inexact.mean() < 0.28
    changed = (exact.frame["birth_date"] != v.frame["birth_date"]) | (
        exact.frame["postcode"] != v.frame["postcode"]
    )
    np.testing.assert_array_equal(changed.to_numpy(), v.inexact)
    both = (exact.frame["birth_date"] != v.frame["birth_date"]) & (
        exact.frame["postcode"] != v.frame["postcode"]
    )
    assert not both.any()  # one error per inexact row
    shift = (v.frame["birth_date"] - exact.frame["birth_date"]).dt.days.abs()
    assert shift[shift > 0].between(1, 365).all()
    # the inexact profiles are no longer linked: the share named drops accordingly
    share = _correct_share(registry, v)
    assert 0.7 < share < 0.8
    assert share < 1 - v.inexact[v.true_pseudonym >= 0].mean() + 0.01


def test_voter_list_reproducible_and_options(registry):
    a = make_voter_list(registry, random_state=5)
    b = make_voter_list(registry, random_state=5)
    pd.testing.assert_frame_equal(a.frame, b.frame)
    np.testing.assert_array_equal(a.true_pseudonym, b.true_pseudonym)
    c = make_voter_list(registry, overlap=0.1, n_others=0, random_state=0)
    assert (c.true_pseudonym >= 0).all()
    assert c.frame.attrs["synthetic"] is True


@pytest.mark.parametrize(
    ("kwargs", "exc", "msg"),
    [
        (
            {"overlap": 1.5},
            ValueError,
            r"« overlap » .* et 1 \(inclus\)" r" ; valeur reçue : 1,5\.",
        ),
        (
            {"error_rate": 1.5},
            ValueError,
            r"« error_rate » .* et 1 \(inclus\)" r" ; valeur reçue : 1,5\.",
        ),
        (
            {"n_others": -1},
            ValueError,
            r"« n_others » .* supérieur ou égal à 0" r" ; valeur reçue : -1\.",
        ),
        (
            {"n_others": 2.5},
            TypeError,
            r"« n_others » doit être un nombre entier .*"
            r" ; valeur reçue : 2,5 \(un nombre décimal\)",
        ),
    ],
)
def test_voter_list_bad_arguments(registry, kwargs, exc, msg):
    with pytest.raises(exc, match=msg):
        make_voter_list(registry, **kwargs)


def test_voter_list_bad_registry():
    with pytest.raises(TypeError, match="« registry » doit être le tableau pandas"):
        make_voter_list([1, 2, 3])
    with pytest.raises(ValueError, match="il manque à « registry » les colonnes"):
        make_voter_list(pd.DataFrame({"a": [1]}))


def test_registry_bad_arguments():
    with pytest.raises(
        ValueError, match=r"« n_samples » .* supérieur ou égal à 1" r" ; valeur reçue : 0\."
    ):
        make_french_registry(n_samples=0)
    with pytest.raises(TypeError, match="random_state"):
        make_french_registry(random_state=1.5)


def test_unique_share_is_the_privacy_measure():
    # One function, defined in esn_teach.privacy; esn_teach.datasets re-exports it.
    assert esn_teach.datasets.unique_share is unique_share
    with pytest.raises(ValueError, match="colonnes absentes du tableau « frame » : 'b'"):
        esn_teach.datasets.unique_share(pd.DataFrame({"a": [1]}), ["b"])
