"""esn_teach.privacy against small tables whose answers are computed by hand."""

from collections import Counter, defaultdict

import numpy as np
import pandas as pd
import pytest

from esn_teach import privacy as pv
from esn_teach.privacy._measures import _column_codes, _combine_codes, _distinct_per_class

# Eight patients. Classes on (age_band, sex, dept), sizes written by hand:
#   (40-49, F, 34): rows 0, 2, 5      -> 3 rows, diagnoses I10, E11, I10  -> 2 distinct
#   (40-49, M, 34): rows 1, 6         -> 2 rows, diagnoses J18, J18       -> 1 distinct
#   (50-59, F, 30): rows 3, 4         -> 2 rows, diagnoses F32, I10       -> 2 distinct
#   (50-59, M, 30): row 7             -> 1 row,  diagnosis B20            -> 1 distinct
TABLE = pd.DataFrame(
    {
        "age_band": ["40-49", "40-49", "40-49", "50-59", "50-59", "40-49", "40-49", "50-59"],
        "sex": ["F", "M", "F", "F", "F", "F", "M", "M"],
        "dept": ["34", "34", "34", "30", "30", "34", "34", "30"],
        "diagnosis": ["I10", "J18", "E11", "F32", "I10", "I10", "J18", "B20"],
    }
)
QI = ["age_band", "sex", "dept"]


def test_class_sizes_k_and_unique_share_by_hand():
    sizes = pv.class_sizes(TABLE, QI)
    assert sorted(sizes.tolist()) == [1, 2, 2, 3]
    assert sizes.iloc[0] == 1  # sorted from the smallest class
    assert pv.k_anonymity(TABLE, QI) == 1
    assert pv.unique_share(TABLE, QI) == pytest.approx(1 / 8)
    without_unique = TABLE.drop(index=7)
    assert pv.k_anonymity(without_unique, QI) == 2
    assert pv.unique_share(without_unique, QI) == 0.0
    # Fewer quasi-identifiers, bigger classes: on (sex) alone, F = 5 rows, M = 3 rows.
    assert pv.k_anonymity(TABLE, ["sex"]) == 3


def test_l_diversity_is_per_class_not_over_the_table():
    assert pv.l_diversity(TABLE, QI, "diagnosis") == 1
    assert TABLE["diagnosis"].nunique() == 5  # the mistake "l over the whole table"
    # Remove the two homogeneous classes: remaining classes have 2 distinct diagnoses each.
    kept = TABLE[TABLE["sex"] == "F"]
    assert pv.l_diversity(kept, QI, "diagnosis") == 2
    # On (sex) alone: F has I10, E11, F32 (3 distinct); M has J18, B20 (2 distinct).
    assert pv.l_diversity(TABLE, ["sex"], "diagnosis") == 2


def test_missing_values_form_their_own_class():
    table = pd.DataFrame({"a": ["x", None, None, "x"], "s": [1, 2, 3, 1]})
    assert pv.k_anonymity(table, ["a"]) == 2
    assert pv.l_diversity(table, ["a"], "s") == 1


def _key(row):
    """A row's values, with every kind of missing value (None, NaN, NaT) made one value."""
    return tuple("<manquant>" if pd.isna(value) else value for value in row)


def _messy_table(seed, n):
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "cat": pd.Categorical(rng.choice(["a", "b", None], n), categories=["a", "b", "vide"]),
            "num": np.where(rng.random(n) < 0.1, np.nan, rng.integers(0, 4, n)),
            "obj": pd.Series(rng.choice(["x", "y", None], n), dtype=object),
            "diag": rng.choice(["I10", "E11", "J18", None], n),
        }
    )


@pytest.mark.parametrize("seed", range(4))
def test_measures_match_a_plain_python_count_with_missing_values(seed):
    # Missing values form a class of their own; unused categories form none.
    frame = _messy_table(seed, 150)
    qi = ["cat", "num", "obj"]
    keys = [_key(row) for row in frame[qi].itertuples(index=False)]
    counts = Counter(keys)
    diagnoses = defaultdict(set)
    for key, diagnosis in zip(keys, frame["diag"], strict=True):
        diagnoses[key].add(_key([diagnosis]))
    assert pv.k_anonymity(frame, qi) == min(counts.values())
    assert pv.unique_share(frame, qi) == sum(counts[k] == 1 for k in keys) / len(frame)
    assert pv.l_diversity(frame, qi, "diag") == min(len(d) for d in diagnoses.values())
    assert sorted(pv.class_sizes(frame, qi)) == sorted(counts.values())
    # The code helpers of the anonymisation explorer give the same classes.
    codes = _combine_codes([_column_codes(frame[c]) for c in qi])
    assert sorted(Counter(codes.tolist()).values()) == sorted(counts.values())
    values = _column_codes(frame["diag"])[0]
    assert sorted(_distinct_per_class(codes, values)) == sorted(len(d) for d in diagnoses.values())


@pytest.mark.parametrize("seed", range(4))
def test_linkage_matches_a_plain_python_count_with_missing_values(seed):
    released = _messy_table(seed, 80)
    external = _messy_table(seed + 100, 60).set_index(np.arange(1000, 1060))
    qi = ["cat", "num", "obj"]
    keys_r = [_key(row) for row in released[qi].itertuples(index=False)]
    keys_e = [_key(row) for row in external[qi].itertuples(index=False)]
    count_r, count_e = Counter(keys_r), Counter(keys_e)
    expected = [
        (label, external.index[keys_e.index(key)])
        for label, key in zip(released.index, keys_r, strict=True)
        if count_r[key] == 1 and count_e[key] == 1
    ]
    result = pv.linkage_attack(released, external, qi)
    assert list(result.matches.itertuples(index=False, name=None)) == expected
    assert result.n_reidentified == len(expected)


def test_information_loss_matches_a_plain_python_count_with_missing_values():
    original = _messy_table(7, 120)
    generalised = pd.DataFrame(
        {
            "num": original["num"] // 2,  # 0-1 -> 0, 2-3 -> 1, missing stays missing
            "obj": original["obj"].where(original["obj"] != "y", "x"),  # y merged into x
        }
    )
    losses = []
    for column in ["num", "obj"]:
        before = [_key([v]) for v in original[column]]
        after = [_key([v]) for v in generalised[column]]
        merged = defaultdict(set)
        for b, a in zip(before, after, strict=True):
            merged[a].add(b)
        n_distinct = len(set(before))
        losses += [(len(merged[a]) - 1) / (n_distinct - 1) for a in after]
    expected = sum(losses) / len(losses)
    assert pv.information_loss(original, generalised, ["num", "obj"]) == pytest.approx(expected)


def test_linkage_attack_by_hand():
    released = pd.DataFrame(
        {"birth": ["1950", "1950", "1960", "1970", "1980"], "sex": ["F", "F", "M", "F", "M"]},
        index=[10, 11, 12, 13, 14],
    )
    external = pd.DataFrame(
        {
            "name": ["Ada", "Bob", "Cyd", "Dan", "Eve", "Fox"],
            "birth": ["1950", "1960", "1970", "1970", "1980", "1990"],
            "sex": ["F", "M", "F", "F", "M", "M"],
        }
    )
    # (1950, F): twice in released -> ambiguous. (1960, M): once and once -> Bob.
    # (1970, F): once in released, twice in external -> ambiguous. (1980, M): Eve.
    result = pv.linkage_attack(released, external, ["birth", "sex"])
    assert result.n_reidentified == 2
    assert (result.n_released, result.n_external) == (5, 6)
    pairs = dict(
        zip(result.matches["released_index"], result.matches["external_index"], strict=True)
    )
    assert pairs == {12: 1, 14: 4}


def test_linkage_with_categorical_and_object_columns():
    released = pd.DataFrame({"pc": pd.Categorical(["34000", "30000"]), "sex": ["F", "M"]})
    external = pd.DataFrame({"pc": ["30000", "75001"], "sex": ["M", "F"]})
    result = pv.linkage_attack(released, external, ["pc", "sex"])
    assert result.n_reidentified == 1
    assert result.matches.iloc[0].tolist() == [1, 0]


def test_age_bands():
    bands = pv.age_bands(pd.Series([0, 4, 5, 47, 89, 90, 101]), 5, top=90)
    assert bands.astype(str).tolist() == [
        "0-4 ans", "0-4 ans", "5-9 ans", "45-49 ans", "85-89 ans",
        "90 ans et plus", "90 ans et plus",
    ]  # fmt: skip
    assert pv.age_bands([40, 41], 1).astype(str).tolist() == ["40 ans", "41 ans"]
    # A band crossing the top is cut at top - 1.
    assert pv.age_bands([85, 95], 20, top=90).astype(str).tolist() == [
        "80-89 ans",
        "90 ans et plus",
    ]


def test_age_on_counts_completed_years():
    ages = pv.age_on(pd.to_datetime(["2000-01-01", "2000-01-02", "1990-06-30"]), "2025-01-01")
    assert ages.tolist() == [25, 24, 34]


def test_place_levels():
    codes = pd.Series(["34000", "34400", "30900", "75013", "97400", "20090", "20200", "01000"])
    assert pv.departement_of(codes).astype(str).tolist() == [
        "34", "34", "30", "75", "974", "2A", "2B", "01",
    ]  # fmt: skip
    regions = pv.generalise_place(codes, "region").astype(str).tolist()
    assert regions == [
        "Occitanie", "Occitanie", "Occitanie", "Île-de-France", "La Réunion", "Corse", "Corse",
        "Auvergne-Rhône-Alpes",
    ]  # fmt: skip
    assert pv.generalise_place(codes, "postcode").astype(str).tolist() == codes.tolist()
    assert sum(len(d) for d in pv.REGIONS.values()) == 101  # 96 + 5 overseas départements


def test_date_levels():
    dates = pd.Series(pd.to_datetime(["1957-03-14", "1957-03-30", "1957-11-02"]))
    assert pv.generalise_date(dates, "month").astype(str).tolist() == [
        "1957-03",
        "1957-03",
        "1957-11",
    ]
    assert pv.generalise_date(dates, "year").nunique() == 1
    assert pv.generalise_date(dates, "day").nunique() == 3


def test_information_loss_by_hand():
    original = pd.DataFrame({"age": [40, 41, 42, 43]})
    assert pv.information_loss(original, original, ["age"]) == 0.0
    everything = pd.DataFrame({"age": ["all"] * 4})
    assert pv.information_loss(original, everything, ["age"]) == 1.0
    # Two bands of two ages: each row is merged with 2 of the 4 values -> (2 - 1) / (4 - 1).
    halves = pd.DataFrame({"age": ["40-41", "40-41", "42-43", "42-43"]})
    assert pv.information_loss(original, halves, ["age"]) == pytest.approx(1 / 3)


def test_birth_date_span_by_hand():
    births = pd.Series(pd.to_datetime(["1960-01-01", "1960-12-31", "1961-06-15", "1990-03-01"]))
    # Exact dates: one day each.
    assert pv.birth_date_span(births, births) == pytest.approx(1 / 365.25)
    # Years: 1960 (a leap year) spans 366 days for two rows; 1961 and 1990 one day each.
    years = pv.generalise_date(births, "year")
    assert pv.birth_date_span(births, years) == pytest.approx((366 + 366 + 1 + 1) / 4 / 365.25)
    # An age band: the same scale as a birth year.
    bands = pd.Series(["60-64", "60-64", "60-64", "30-34"])
    expected = (3 * (births[2] - births[0]).days + 3 + 1) / 4 / 365.25
    assert pv.birth_date_span(births, bands) == pytest.approx(expected)
    # Nothing published: the whole range, for every row.
    nothing = pd.Series([0, 0, 0, 0])
    whole = ((births.max() - births.min()).days + 1) / 365.25
    assert pv.birth_date_span(births, nothing) == pytest.approx(whole)
    # A missing published value is a class of its own.
    assert pv.birth_date_span(births, pd.Series([None, None, 1, 2])) == pytest.approx(
        (366 + 366 + 1 + 1) / 4 / 365.25
    )


def test_values_merged_by_hand():
    postcodes = pd.Series(["34000", "34070", "34000", "30000", "30900"])
    assert pv.values_merged(postcodes, postcodes) == 1.0
    departements = pv.generalise_place(postcodes, "departement")
    assert pv.values_merged(postcodes, departements) == 2.0
    assert pv.values_merged(postcodes, pd.Series(["all"] * 5)) == 4.0


def test_birth_date_span_and_values_merged_refuse_bad_input():
    births = pd.Series(pd.to_datetime(["1960-01-01", "1970-01-01"]))
    with pytest.raises(ValueError, match="mêmes lignes"):
        pv.birth_date_span(births, pd.Series([1]))
    with pytest.raises(TypeError, match="« published » doit être une colonne pandas"):
        pv.birth_date_span(births, [1, 2])
    with pytest.raises(TypeError, match="doit contenir des dates"):
        pv.birth_date_span(pd.Series([1960, 1970]), pd.Series([1, 1]))
    with pytest.raises(ValueError, match="dates manquantes"):
        pv.birth_date_span(pd.Series(pd.to_datetime(["1960-01-01", None])), pd.Series([1, 1]))
    with pytest.raises(ValueError, match="est vide"):
        pv.values_merged(pd.Series([], dtype=str), pd.Series([], dtype=str))
    with pytest.raises(TypeError, match="« original » doit être une colonne pandas"):
        pv.values_merged(["34000"], pd.Series(["34"]))


def test_generalisation_never_lowers_k_on_a_hierarchy():
    rng = np.random.default_rng(0)
    frame = pd.DataFrame(
        {
            "pc": rng.choice(["34000", "34400", "30900", "11000", "75013"], 300),
            "sex": rng.choice(["F", "M"], 300),
        }
    )
    ks = []
    for level in pv.PLACE_LEVELS:
        released = frame.assign(pc=pv.generalise_place(frame["pc"], level))
        ks.append(pv.k_anonymity(released, ["pc", "sex"]))
    assert ks == sorted(ks)


@pytest.mark.parametrize(
    "call",
    [
        lambda: pv.k_anonymity(TABLE, ["age_band", "zip"]),
        lambda: pv.unique_share(TABLE, ["nope"]),
        lambda: pv.class_sizes(TABLE, ["nope"]),
        lambda: pv.l_diversity(TABLE, QI, "nope"),
        lambda: pv.linkage_attack(TABLE, TABLE.drop(columns="sex"), QI),
    ],
)
def test_unknown_column(call):
    with pytest.raises(ValueError, match="colonnes absentes du tableau"):
        call()


def test_empty_table_and_no_column():
    empty = TABLE.iloc[0:0]
    for function in (pv.k_anonymity, pv.unique_share, pv.class_sizes):
        with pytest.raises(ValueError, match="est vide"):
            function(empty, QI)
    with pytest.raises(ValueError, match="est vide"):
        pv.l_diversity(empty, QI, "diagnosis")
    with pytest.raises(ValueError, match="est vide"):
        pv.linkage_attack(TABLE, TABLE.iloc[0:0], QI)
    with pytest.raises(
        ValueError, match="« quasi_identifiers » doit contenir au moins une colonne"
    ):
        pv.k_anonymity(TABLE, [])
    with pytest.raises(ValueError, match="est vide"):
        pv.age_bands([], 5)


def test_other_bad_inputs():
    with pytest.raises(
        TypeError, match=r"« frame » doit être un tableau pandas \(DataFrame\) ; reçu : une liste\."
    ):
        pv.k_anonymity([[1, 2]], ["a"])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="ne peut pas être aussi un quasi-identifiant"):
        pv.l_diversity(TABLE, QI, "sex")
    with pytest.raises(ValueError, match="doivent avoir les mêmes lignes"):
        pv.information_loss(TABLE, TABLE.iloc[:3], ["sex"])
    with pytest.raises(ValueError, match="« level » doit être"):
        pv.generalise_place(["34000"], "commune")
    with pytest.raises(ValueError, match="« level » doit être"):
        pv.generalise_date(pd.to_datetime(["2020-01-01"]), "week")
    with pytest.raises(
        ValueError, match="codes postaux français à cinq chiffres ; valeurs refusées : '3400'"
    ):
        pv.generalise_place(["3400"], "departement")
    with pytest.raises(ValueError, match=r"positifs ou nuls .* valeurs refusées : -1"):
        pv.age_bands([-1, 3], 5)
    with pytest.raises(
        ValueError, match=r"postérieures à la date de référence \(01/01/2025\) : 01/01/2030\."
    ):
        pv.age_on(pd.to_datetime(["2030-01-01"]), "2025-01-01")


@pytest.mark.parametrize(
    ("years", "error", "message"),
    [
        (0, ValueError, r"supérieur ou égal à 1 ; valeur reçue : 0\."),
        (-5, ValueError, r"supérieur ou égal à 1 ; valeur reçue : -5\."),
        (2.5, TypeError, r"supérieur ou égal à 1 ; valeur reçue : 2,5 \(un nombre décimal\)"),
        ("5", TypeError, r"supérieur ou égal à 1 ; valeur reçue : '5' \(du texte\)"),
        (True, TypeError, r"supérieur ou égal à 1, pas un booléen ; valeur reçue : True"),
        (np.True_, TypeError, r"supérieur ou égal à 1, pas un booléen ; valeur reçue : True"),
    ],
)
def test_bad_band_width_or_top(years, error, message):
    with pytest.raises(error, match=f"^« width » doit être un nombre entier {message}"):
        pv.age_bands([30, 40], years)
    with pytest.raises(error, match=f"^« top » doit être un nombre entier {message}"):
        pv.age_bands([30, 40], 5, top=years)
    # a numpy integer is a whole number
    assert pv.age_bands([30, 40], np.int64(10), top=np.int64(90)).astype(str).tolist() == [
        "30-39 ans",
        "40-49 ans",
    ]
