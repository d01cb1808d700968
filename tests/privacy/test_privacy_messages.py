"""A wrong argument to a privacy measure or a generalisation is refused in French.

The message names the argument (« quasi_identifiers »), says what is allowed and
repeats what was received, without pandas' English message above it.
"""

import pandas as pd
import pytest
from esn_fixtures import (
    check_no_english_nor_decimal_point,
    check_refused_in_french,
    english_pattern,
)

import esn_teach.privacy as pv

#: Words of pandas' and Python's English messages about dates and columns, too.
ENGLISH = english_pattern("give", "after", "belong", "contains")

TABLE = pd.DataFrame(
    {
        "age_band": ["30-39 ans", "30-39 ans", "40-49 ans"],
        "zip": ["34000", "34000", "75001"],
        "sex": ["F", "F", "M"],
        "diagnosis": ["I10", "E11.9", "I10"],
    }
)
QI = ["age_band", "sex"]

WRONG_CALLS = [
    pytest.param(
        lambda: pv.generalise_place(["34000"], "ville"),
        ValueError,
        r"^« level » doit être 'postcode', 'departement' ou 'region' ;"
        r" valeur reçue : 'ville' \(du texte\)\.$",
        id="place-level",
    ),
    pytest.param(
        lambda: pv.generalise_date(["2020-01-01"], ["year"]),
        ValueError,
        r"^« level » doit être 'day', 'month' ou 'year' ; reçu : une liste\.$",
        id="date-level",
    ),
    pytest.param(
        lambda: pv.generalise_date(["2020-01-01", "hier"], "year"),
        ValueError,
        r"^« dates » doit contenir des dates, par exemple '1957-03-14' ;"
        r" valeurs refusées : 'hier'\.$",
        id="dates",
    ),
    pytest.param(
        lambda: pv.age_bands([], 5),
        ValueError,
        r"^« ages » est vide : il faut au moins une valeur\.$",
        id="ages-empty",
    ),
    pytest.param(
        lambda: pv.age_bands([30, -1, "abc", 2.5, -0.5], 5),
        ValueError,
        r"^« ages » doit contenir des âges connus, positifs ou nuls \(en années\) ;"
        r" valeurs refusées : -1 ; 'abc' ; -0,5\.$",
        id="ages-values",
    ),
    pytest.param(
        lambda: pv.age_bands([30], 0),
        ValueError,
        r"^« width » doit être un nombre entier supérieur ou égal à 1 ; valeur reçue : 0\.$",
        id="width",
    ),
    pytest.param(
        lambda: pv.age_on([None, "2000-01-01"], "2020-01-01"),
        ValueError,
        r"^« birth_dates » contient des dates manquantes",
        id="birth_dates-missing",
    ),
    pytest.param(
        lambda: pv.age_on(["abc"], "2020-01-01"),
        ValueError,
        r"^« birth_dates » doit contenir des dates, par exemple '1957-03-14' ;"
        r" valeur reçue : 'abc' \(du texte\)\.$",
        id="birth_dates-text",
    ),
    pytest.param(
        lambda: pv.age_on([{"jour": 1}], "2020-01-01"),
        TypeError,
        r"^« birth_dates » doit contenir des dates, par exemple '1957-03-14' ;"
        r" reçu : un dictionnaire\.$",
        id="birth_dates-kind",
    ),
    pytest.param(
        lambda: pv.age_on(["2000-01-01"], "demain"),
        ValueError,
        r"^« reference » doit être une date, par exemple '2025-01-01' ;"
        r" valeur reçue : 'demain' \(du texte\)\.$",
        id="reference-text",
    ),
    pytest.param(
        lambda: pv.age_on(["2000-01-01"], None),
        ValueError,
        r"^« reference » doit être une date, .* ; valeur reçue : None \(aucune valeur\)\.$",
        id="reference-none",
    ),
    pytest.param(
        lambda: pv.age_on(["2030-05-17", "1990-01-01"], "2025-01-01"),
        ValueError,
        r"^des dates de naissance sont postérieures à la date de référence \(01/01/2025\) :"
        r" 17/05/2030\.$",
        id="birth-after-reference",
    ),
    pytest.param(
        lambda: pv.departement_of(["34000", "3400", "1000"]),
        ValueError,
        r"^« postcodes » doit contenir des codes postaux français à cinq chiffres ;"
        r" valeurs refusées : '1000', '3400'\. Écrivez-les comme du texte, par exemple"
        r" '01000', pour garder le zéro initial\.$",
        id="postcodes",
    ),
    pytest.param(
        lambda: pv.generalise_place(["98000"], "region"),
        ValueError,
        r"^départements sans région connue d'esn_teach : '98'\.$",
        id="region",
    ),
    pytest.param(
        lambda: pv.k_anonymity([[1, 2]], ["a"]),
        TypeError,
        r"^« frame » doit être un tableau pandas \(DataFrame\) ; reçu : une liste\.$",
        id="frame-type",
    ),
    pytest.param(
        lambda: pv.unique_share(TABLE, None),
        TypeError,
        r"^« quasi_identifiers » doit être un nom de colonne ou une liste de noms de colonnes,"
        r" par exemple \['birth_date', 'sex', 'postcode'\] ; valeur reçue : None"
        r" \(aucune valeur\)\.$",
        id="quasi_identifiers-type",
    ),
    pytest.param(
        lambda: pv.class_sizes(TABLE, [["sex"]]),
        TypeError,
        r"^« quasi_identifiers » doit être un nom de colonne ou une liste de noms de colonnes",
        id="quasi_identifiers-nested",
    ),
    pytest.param(
        lambda: pv.k_anonymity(TABLE, []),
        ValueError,
        r"^« quasi_identifiers » doit contenir au moins une colonne\.$",
        id="quasi_identifiers-none",
    ),
    pytest.param(
        lambda: pv.k_anonymity(TABLE, ["age_band", "ville"]),
        ValueError,
        r"^colonnes absentes du tableau « frame » : 'ville' ; colonnes disponibles :"
        r" 'age_band', 'zip', 'sex', 'diagnosis'\.$",
        id="quasi_identifiers-absent",
    ),
    pytest.param(
        lambda: pv.k_anonymity(TABLE.iloc[:0], QI),
        ValueError,
        r"^le tableau « frame » est vide : la mesure n'est pas définie sur un tableau"
        r" sans lignes\.$",
        id="frame-empty",
    ),
    pytest.param(
        lambda: pv.l_diversity(TABLE, QI, "sex"),
        ValueError,
        r"^la colonne sensible 'sex' ne peut pas être aussi un quasi-identifiant : retirez-la"
        r" de « quasi_identifiers »\.$",
        id="sensitive-in-quasi_identifiers",
    ),
    pytest.param(
        lambda: pv.l_diversity(TABLE, QI, ["diagnosis"]),
        TypeError,
        r"^« sensitive » doit être le nom d'une colonne, par exemple 'diagnosis' ;"
        r" reçu : une liste\.$",
        id="sensitive-type",
    ),
    pytest.param(
        lambda: pv.l_diversity(TABLE, QI, "diagnostic"),
        ValueError,
        r"^colonnes absentes du tableau « frame » : 'diagnostic' ;",
        id="sensitive-absent",
    ),
    pytest.param(
        lambda: pv.information_loss(TABLE, TABLE.iloc[:2], ["sex"]),
        ValueError,
        r"^« original » et « generalised » doivent avoir les mêmes lignes, dans le même ordre ;"
        r" nombres de lignes reçus : 3 et 2\.$",
        id="information_loss-rows",
    ),
    pytest.param(
        lambda: pv.information_loss(TABLE, TABLE, 3),
        TypeError,
        r"^« columns » doit être un nom de colonne ou une liste de noms de colonnes, .*"
        r" ; valeur reçue : 3 \(un nombre entier\)\.$",
        id="information_loss-columns",
    ),
    pytest.param(
        lambda: pv.linkage_attack(TABLE, "liste", QI),
        TypeError,
        r"^« external » doit être un tableau pandas \(DataFrame\) ;"
        r" valeur reçue : 'liste' \(du texte\)\.$",
        id="linkage-external",
    ),
    pytest.param(
        lambda: pv.linkage_attack(TABLE, TABLE.drop(columns="sex"), QI),
        ValueError,
        r"^colonnes absentes du tableau « external » : 'sex' ;",
        id="linkage-columns",
    ),
]


@pytest.mark.parametrize(("call", "error", "pattern"), WRONG_CALLS)
def test_a_wrong_argument_is_refused_in_french(call, error, pattern):
    check_refused_in_french(call, error, pattern)


def test_no_message_of_a_wrong_call_has_english_words_or_decimal_points():
    check_no_english_nor_decimal_point(WRONG_CALLS, ENGLISH)


def test_a_column_name_or_a_tuple_of_names_is_still_accepted():
    assert pv.k_anonymity(TABLE, "sex") == 1
    assert pv.k_anonymity(TABLE, ("age_band", "sex")) == 1
    assert pv.information_loss(TABLE, TABLE, "sex") == 0.0
    assert pv.generalise_date(pd.Series(["2020-03-14"]), "month").astype(str).tolist() == [
        "2020-03"
    ]
