"""A wrong argument to a loader, a generator or a helper is refused in French.

Students call these functions in a notebook cell and read the message: it names the
argument (« n_samples »), says what is allowed and repeats the value received, without
scikit-learn's, numpy's or pandas' English messages above it.
"""

import numpy as np
import pandas as pd
import pytest
from esn_fixtures import (
    check_no_english_nor_decimal_point,
    check_refused_in_french,
    english_pattern,
)

from esn_teach._validation import as_float_array, column_list, fr_items, received
from esn_teach.datasets import (
    egfr_ckd_epi_2009,
    egfr_ckd_epi_2021,
    enrolled,
    fit_risk_score,
    gfr_category,
    load_breast_cancer_wdbc,
    load_card,
    load_diabetes_progression,
    make_cost_vs_need_cohort,
    make_egfr_cohort,
    make_french_registry,
    make_pulse_oximetry,
    make_readmission_cohort,
    make_sepsis_hospitals,
    make_skin_lesions,
    make_voter_list,
    occult_hypoxemia_rate,
    programme_shares,
    top_share,
)
from esn_teach.datasets._base import check_random_state

#: Words of pandas' English messages about missing columns and lengths, too.
ENGLISH = english_pattern("lacks", "length")

COHORT = make_cost_vs_need_cohort(n_samples=300, random_state=0).frame
OXIMETRY = make_pulse_oximetry(n_samples=200, random_state=0).frame
REGISTRY = make_french_registry(n_samples=50, random_state=0).frame

#: (call, exception type, what the message says), one per kind of wrong argument.
WRONG_CALLS = [
    pytest.param(
        lambda: make_french_registry(random_state="abc"),
        TypeError,
        r"^« random_state » doit être un entier positif ou nul, un numpy\.random\.Generator"
        r" ou None ; valeur reçue : 'abc' \(du texte\)\.$",
        id="random_state-text",
    ),
    pytest.param(
        lambda: make_skin_lesions(random_state=-1),
        ValueError,
        r"^« random_state » doit être .* ; valeur reçue : -1 \(un nombre entier\)\.$",
        id="random_state-negative",
    ),
    pytest.param(
        lambda: make_pulse_oximetry(random_state=1.5),
        TypeError,
        r"^« random_state » .* ; valeur reçue : 1,5 \(un nombre décimal\)\.$",
        id="random_state-float",
    ),
    pytest.param(
        lambda: check_random_state(True),
        TypeError,
        r"^« random_state » .*, pas un booléen ; valeur reçue : True\.$",
        id="random_state-bool",
    ),
    pytest.param(
        lambda: load_breast_cancer_wdbc(as_frame="oui"),
        TypeError,
        r"^« as_frame » doit être True ou False ; valeur reçue : 'oui' \(du texte\)\.$",
        id="as_frame",
    ),
    pytest.param(
        lambda: make_readmission_cohort(return_X_y=None),
        TypeError,
        r"^« return_X_y » doit être True ou False ; valeur reçue : None \(aucune valeur\)\.$",
        id="return_X_y",
    ),
    pytest.param(
        lambda: load_diabetes_progression(scaled=1),
        TypeError,
        r"^« scaled » doit être True ou False ; valeur reçue : 1 \(un nombre entier\)\.$",
        id="scaled",
    ),
    pytest.param(
        lambda: load_card("cohorte"),
        ValueError,
        r"^fiche descriptive inconnue : 'cohorte' ; fiches disponibles : 'breast_cancer_wdbc', ",
        id="card-unknown",
    ),
    pytest.param(
        lambda: load_card(3),
        TypeError,
        r"^« name » doit être le nom d'une fiche descriptive .* valeur reçue : 3 ",
        id="card-not-text",
    ),
    pytest.param(
        lambda: make_egfr_cohort(n_samples="beaucoup"),
        TypeError,
        r"^« n_samples » doit être un nombre entier .* ; valeur reçue : 'beaucoup' \(du texte\)\.$",
        id="n_samples",
    ),
    pytest.param(
        lambda: make_skin_lesions(type_shares={"I": 1, "VII": 1}),
        ValueError,
        r"^« type_shares » doit avoir exactement les clés 'I', 'II', 'III', 'IV', 'V', 'VI' ;"
        r" clés inconnues : 'VII' ; clés manquantes : 'II', 'III', 'IV', 'V', 'VI'\.$",
        id="shares-keys",
    ),
    pytest.param(
        lambda: make_skin_lesions(type_shares="abc"),
        TypeError,
        r"^« type_shares » doit être une liste de 6 nombres ou un dictionnaire de clés 'I', .*"
        r" ; valeur reçue : 'abc' \(du texte\)\.$",
        id="shares-type",
    ),
    pytest.param(
        lambda: make_skin_lesions(type_shares=[1, 2]),
        ValueError,
        r"^« type_shares » doit avoir 6 valeurs \(une par groupe : 'I', .*\) ;"
        r" nombre de valeurs reçues : 2\.$",
        id="shares-length",
    ),
    pytest.param(
        lambda: make_readmission_cohort(group_shares=[0, 0]),
        ValueError,
        r"^« group_shares » ne peut pas être nul pour tous les groupes",
        id="shares-zero",
    ),
    pytest.param(
        lambda: egfr_ckd_epi_2021("abc", 50, True),
        ValueError,
        r"^« scr » doit contenir des nombres ; valeur reçue : 'abc' \(du texte\)\.$",
        id="scr-text",
    ),
    pytest.param(
        lambda: egfr_ckd_epi_2021([1.0, -0.5, 0.0], 50, True),
        ValueError,
        r"^« scr » \(créatinine sérique, en mg/dL\) doit être un nombre fini et strictement"
        r" positif pour chaque patient ; valeurs refusées : -0,5 ; 0,0\.$",
        id="scr-negative",
    ),
    pytest.param(
        lambda: egfr_ckd_epi_2021(1.0, 12, True),
        ValueError,
        r"^« age » doit être compris entre 18 et 120 ans pour chaque patient : .*"
        r" ; valeur reçue : 12 \(un nombre entier\)\.$",
        id="age",
    ),
    pytest.param(
        lambda: egfr_ckd_epi_2021(1.0, 50, ["F", "H"]),
        ValueError,
        r"^« female » doit valoir True ou False \(ou 1 ou 0\) pour chaque patient ;"
        r" valeurs refusées : 'F', 'H'\.$",
        id="female",
    ),
    pytest.param(
        lambda: egfr_ckd_epi_2009(1.0, 50, True, 2),
        ValueError,
        r"^« black » doit valoir True ou False .* ; valeur reçue : 2 \(un nombre entier\)\.$",
        id="black",
    ),
    pytest.param(
        lambda: egfr_ckd_epi_2009([1.0, 1.2], [50, 60, 70], True, False),
        ValueError,
        r"^« scr », « age », « female » et « black » doivent avoir le même nombre de valeurs"
        r" .* ; nombres de valeurs reçus : 2, 3, 1 et 1\.$",
        id="egfr-lengths",
    ),
    pytest.param(
        lambda: gfr_category(["45", "abc"]),
        ValueError,
        r"^« egfr » doit contenir des nombres ; valeurs refusées : 'abc'\.$",
        id="egfr",
    ),
    pytest.param(
        lambda: fit_risk_score([1, 2], "cost"),
        TypeError,
        r"^« frame » doit être un tableau pandas \(DataFrame\), par exemple"
        r" make_cost_vs_need_cohort\(\)\.frame ; valeur reçue : \[1, 2\] \(une liste\)\.$",
        id="fit-frame",
    ),
    pytest.param(
        lambda: fit_risk_score(COHORT, ["cost"]),
        TypeError,
        r"^« label » doit être 'cost', 'health' ou le nom d'une colonne de « frame » ;",
        id="fit-label-type",
    ),
    pytest.param(
        lambda: fit_risk_score(COHORT, "mortalite"),
        ValueError,
        r"^colonnes absentes du tableau « frame » : 'mortalite'\. « label » doit être",
        id="fit-label-unknown",
    ),
    pytest.param(
        lambda: fit_risk_score(COHORT, "race"),
        ValueError,
        r"^colonnes non numériques : 'race' ; le score ne prend que des nombres",
        id="fit-label-text",
    ),
    pytest.param(
        lambda: fit_risk_score(COHORT, "cost", features=None),
        TypeError,
        r"^« features » doit être une liste de noms de colonnes",
        id="fit-features-type",
    ),
    pytest.param(
        lambda: fit_risk_score(COHORT, "cost", features=[]),
        ValueError,
        r"^« features » doit contenir au moins une colonne\.$",
        id="fit-features-none",
    ),
    pytest.param(
        lambda: fit_risk_score(COHORT.assign(age=np.nan), "cost"),
        ValueError,
        r"^colonnes avec des valeurs manquantes \(NaN\) ou infinies : 'age' ;",
        id="fit-nan",
    ),
    pytest.param(
        lambda: fit_risk_score(COHORT.assign(cost=-COHORT["cost"]), "cost"),
        ValueError,
        r"^valeurs négatives dans 'cost' : le score \(une régression de Poisson\) prédit une "
        r"grandeur positive ou nulle",
        id="fit-negative",
    ),
    pytest.param(
        lambda: fit_risk_score(COHORT.assign(cost=0.0), "cost"),
        ValueError,
        r"^la colonne 'cost' vaut 0 pour tous les patients : il n'y a rien à prédire\.$",
        id="fit-all-zero",
    ),
    pytest.param(
        lambda: fit_risk_score(COHORT.iloc[:0], "cost"),
        ValueError,
        r"^le tableau « frame » est vide",
        id="fit-empty",
    ),
    pytest.param(
        lambda: enrolled([]),
        ValueError,
        r"^« scores » est vide : il faut au moins un score\.$",
        id="enrolled-empty",
    ),
    pytest.param(
        lambda: enrolled([0.5, "haut"]),
        ValueError,
        r"^« scores » doit contenir des nombres ; valeurs refusées : 'haut'\.$",
        id="enrolled-text",
    ),
    pytest.param(
        lambda: enrolled([0.5, np.nan]),
        ValueError,
        r"^« scores » contient des valeurs manquantes \(NaN\)",
        id="enrolled-nan",
    ),
    pytest.param(
        lambda: enrolled([1, 2], percentile=100),
        ValueError,
        r"^« percentile » doit être un nombre compris entre 0 \(inclus\) et 100 \(exclu\)",
        id="percentile",
    ),
    pytest.param(
        lambda: top_share([1, 2], ["a"]),
        ValueError,
        r"^« scores » et « groups » doivent être deux listes de même longueur \(une valeur par"
        r" patient\) ; longueurs reçues : 2 et 1\.$",
        id="top_share-lengths",
    ),
    pytest.param(
        lambda: top_share([1, 2], ["a", "b"], group="c"),
        ValueError,
        r"^groupe inconnu : 'c' ; groupes présents : 'a', 'b'\.$",
        id="top_share-group",
    ),
    pytest.param(
        lambda: programme_shares(None),
        TypeError,
        r"^« frame » doit être un tableau pandas \(DataFrame\)",
        id="programme-frame",
    ),
    pytest.param(
        lambda: programme_shares(COHORT.drop(columns="race")),
        KeyError,
        r"il manque au tableau « frame » la colonne 'race'",
        id="programme-race",
    ),
    pytest.param(
        lambda: occult_hypoxemia_rate([1]),
        TypeError,
        r"^« frame » doit être un tableau pandas \(DataFrame\), par exemple"
        r" make_pulse_oximetry\(\)\.frame ;",
        id="oximetry-frame",
    ),
    pytest.param(
        lambda: occult_hypoxemia_rate(OXIMETRY.drop(columns="sao2")),
        ValueError,
        r"^colonnes absentes du tableau « frame » : 'sao2' ; il faut les colonnes 'sao2',"
        r" 'spo2' et 'race'\.$",
        id="oximetry-columns",
    ),
    pytest.param(
        lambda: occult_hypoxemia_rate(OXIMETRY, by=3),
        TypeError,
        r"^« by » doit être le nom d'une colonne de « frame » ; valeur reçue : 3 ",
        id="oximetry-by",
    ),
    pytest.param(
        lambda: occult_hypoxemia_rate(OXIMETRY, spo2_range=95),
        TypeError,
        r"^« spo2_range » doit être un couple de deux nombres \(bas, haut\), par exemple"
        r" \(92, 96\) ; valeur reçue : 95 \(un nombre entier\)\.$",
        id="spo2_range-number",
    ),
    pytest.param(
        lambda: occult_hypoxemia_rate(OXIMETRY, spo2_range=(90, 92, 96)),
        ValueError,
        r"^« spo2_range » doit être un couple .* ; nombre de valeurs reçues : 3\.$",
        id="spo2_range-three",
    ),
    pytest.param(
        lambda: occult_hypoxemia_rate(OXIMETRY, spo2_range=("92", 96)),
        TypeError,
        r"^« spo2_range\[0\] » doit être un nombre ; valeur reçue : '92' \(du texte\)\.",
        id="spo2_range-text",
    ),
    pytest.param(
        lambda: occult_hypoxemia_rate(OXIMETRY, spo2_range=(96.5, 92)),
        ValueError,
        r"^« spo2_range » .*, avec bas ≤ haut ; valeurs reçues : bas = 96,5 ; haut = 92\.$",
        id="spo2_range-order",
    ),
    pytest.param(
        lambda: make_readmission_cohort(prevalence=[0.1, 0.2]),
        TypeError,
        r"^« prevalence » doit être un dictionnaire qui associe à chaque groupe son taux de "
        r"réhospitalisation à 30 jours"
        r" .* ; valeur reçue : \[0,1 ; 0,2\] \(une liste\)\.$",
        id="readmission-prevalence-type",
    ),
    pytest.param(
        lambda: make_readmission_cohort(prevalence={"A": 0.1}),
        ValueError,
        r"^« prevalence » doit définir au moins 2 groupes ; nombre de groupes reçus : 1\.$",
        id="readmission-prevalence-one",
    ),
    pytest.param(
        lambda: make_readmission_cohort(prevalence={1: 0.1, "B": 0.2}),
        TypeError,
        r"^les noms des groupes de « prevalence » doivent être des textes non vides, comme 'A'"
        r" ; nom reçu : 1 \(un nombre entier\)\.$",
        id="readmission-group-name",
    ),
    pytest.param(
        lambda: make_sepsis_hospitals(prevalence=0.1),
        TypeError,
        r"^« prevalence » doit être une liste de 3 prévalences \(une par hôpital, chacune entre"
        r" 0 et 1\) ; valeur reçue : 0,1 \(un nombre décimal\)\.$",
        id="sepsis-prevalence-type",
    ),
    pytest.param(
        lambda: make_sepsis_hospitals(prevalence=[0.1]),
        ValueError,
        r"^« prevalence » doit avoir une valeur par hôpital \(3\) ;"
        r" nombre de valeurs reçues : 1\.$",
        id="sepsis-prevalence-length",
    ),
    pytest.param(
        lambda: make_voter_list(pd.Series([1, 2])),
        TypeError,
        r"^« registry » doit être le tableau pandas \(DataFrame\) renvoyé par"
        r" make_french_registry\(\.\.\.\)\.frame ; reçu : un objet de type Series\.$",
        id="voter-registry-type",
    ),
    pytest.param(
        lambda: make_voter_list(REGISTRY.drop(columns=["age", "sex"])),
        ValueError,
        r"^il manque à « registry » les colonnes 'sex', 'age' ;"
        r" utilisez make_french_registry\(\)\.frame\.$",
        id="voter-registry-columns",
    ),
]


@pytest.mark.parametrize(("call", "error", "pattern"), WRONG_CALLS)
def test_a_wrong_argument_is_refused_in_french(call, error, pattern):
    check_refused_in_french(call, error, pattern)


def test_no_message_of_a_wrong_call_has_english_words_or_decimal_points():
    check_no_english_nor_decimal_point(WRONG_CALLS, ENGLISH)


def test_fr_items_and_received_write_values_the_french_way():
    assert fr_items(["a", "b", "c", "d"]) == "'a', 'b', 'c', …"
    assert fr_items([1, 2.5]) == "1 ; 2,5"
    assert fr_items(np.array(["F"])) == "'F'"  # a numpy text shows as a text, not np.str_
    assert received(np.int64(3)) == "valeur reçue : 3 (un nombre entier)"
    assert received(np.True_) == "valeur reçue : True (un booléen)"
    assert received((1.5,)) == "valeur reçue : (1,5,) (un tuple)"
    assert received("x" * 100) == f"valeur reçue : '{'x' * 59}…' (du texte)"
    assert received(pd.DataFrame()) == "reçu : un objet de type DataFrame"
    assert received(list(range(10))) == "reçu : une liste"
    assert received(["year"], show_lists=False) == "reçu : une liste"
    assert fr_items(pd.to_datetime(["2030-05-17"])) == "17/05/2030"


def test_the_shared_checks_of_lists_word_their_refusals_the_french_way():
    with pytest.raises(ValueError, match=r" ; valeurs refusées : \[1, 2\] ; \[3\]\.$"):
        as_float_array([[1, 2], [3]], "scores")  # lists of different lengths
    with pytest.raises(ValueError, match=r" ; valeur reçue : 'abc' \(du texte\)\.$"):
        as_float_array("abc", "scores")
    with pytest.raises(TypeError, match=r"^« labels » doit être une liste de noms de colonnes, "):
        column_list({"cost": 1}, "labels")
    with pytest.raises(TypeError, match=r"^« columns » doit être un nom, par exemple 'age' ; "):
        column_list(3, "columns", expected="un nom, par exemple 'age'")


def test_accepted_values_still_work():
    # The checks refuse wrong values only: a boolean flag given as 0/1, a single value
    # broadcast against a list, and a list of column names as features all pass.
    np.testing.assert_allclose(
        egfr_ckd_epi_2009([1.0, 1.2], [50, 60], 1, [0, 1]),
        egfr_ckd_epi_2009([1.0, 1.2], [50, 60], [True, True], [False, True]),
    )
    assert fit_risk_score(COHORT, "health", features=["age", "n_chronic"]).shape == (300,)
    assert fit_risk_score(COHORT, "health", features="n_chronic").shape == (300,)
    assert list(programme_shares(COHORT, labels="cost").index) == ["cost"]
