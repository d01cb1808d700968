"""Module 05's evaluated session: each copy's tasks and statements (private).

The notebook's draw cells and its hidden tests both call these functions with the
student's seed (``checks.student_seed("05")``): the draw cells print only the drawn
statement and its options (in alphabetical order, the letters being drawn apart), so
that the texts of the versions a copy did not draw are not in its notebook.
"""

from __future__ import annotations

import numpy as np

#: Question 1: each copy computes the false-negative rate of one dark phototype.
_Q1_TYPES = ("VI", "V")

#: Question 3a (review d20, lecturer 2): each copy compares, on the balanced test, one pair of
#: groups fixed for its slot of the pool (keyed by the slot's training seed). The pairs were
#: spread over the pool so that, within each comparison, about as many slots have intervals
#: apart as have each rate inside the other's interval: the pair a copy shows tells nothing
#: of its answer (before, V-VI against I-II was always « apart », II against I almost always
#: « inside »). Which answer is right is computed from the copy's data by the notebook's
#: hidden test; the balance is checked by the test suite (tests/modules/test_module_05.py).
_Q3A_PAIRS: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {
    7315058: (("I",), ("IV",)),
    11066222: (("I",), ("II",)),
    15403647: (("I",), ("IV",)),
    19417482: (("II",), ("VI",)),
    19946078: (("IV",), ("V",)),
    43200311: (("III",), ("I", "II")),
    48816144: (("I",), ("IV",)),
    59148118: (("II",), ("IV",)),
    76513729: (("III",), ("I", "II")),
    85088172: (("I",), ("IV",)),
    91416039: (("I",), ("III",)),
    91631686: (("I",), ("II",)),
    96655082: (("II",), ("IV",)),
    116062735: (("II",), ("III",)),
    128969859: (("II",), ("III",)),
    146829917: (("II",), ("III",)),
    148399856: (("I",), ("III",)),
    164398360: (("IV",), ("VI",)),
    169668119: (("IV",), ("VI",)),
    187288205: (("V",), ("III", "IV")),
    188648850: (("I",), ("II",)),
    195631991: (("IV",), ("V",)),
    196421712: (("III",), ("I", "II")),
    198646113: (("III",), ("I", "II")),
    203773534: (("V",), ("III", "IV")),
    207114881: (("III",), ("I", "II")),
    210577136: (("IV",), ("VI",)),
    211943625: (("II",), ("III",)),
    213812951: (("III",), ("V",)),
    217959773: (("II",), ("III",)),
    219226814: (("I",), ("II",)),
    228336599: (("IV",), ("VI",)),
    236378367: (("I",), ("II",)),
    250183017: (("III",), ("V",)),
    307495633: (("I",), ("III",)),
    313366783: (("I",), ("III",)),
    333695509: (("I",), ("III",)),
    334753365: (("II",), ("III",)),
    339190686: (("V",), ("III", "IV")),
    351022333: (("I",), ("III",)),
    352657633: (("III",), ("I", "II")),
    357985500: (("II",), ("IV",)),
    377042837: (("I",), ("III",)),
    402404179: (("III",), ("I", "II")),
    408614544: (("II",), ("III",)),
    435016590: (("IV",), ("V",)),
    444403563: (("IV",), ("V",)),
    457176318: (("I",), ("II",)),
    465131533: (("IV",), ("V",)),
    473656301: (("III",), ("I", "II")),
    480299558: (("IV",), ("V",)),
    486912223: (("III",), ("V",)),
    522152915: (("IV",), ("VI",)),
    538708088: (("II",), ("VI",)),
    541155168: (("IV",), ("VI",)),
    541840438: (("IV",), ("V",)),
    543441190: (("V",), ("III", "IV")),
    546347062: (("III",), ("V",)),
    577688210: (("I",), ("III",)),
    580949207: (("I",), ("IV",)),
    586850382: (("II",), ("VI",)),
    623712544: (("III",), ("V",)),
    664290049: (("III",), ("V",)),
    682156354: (("V",), ("III", "IV")),
    689937804: (("II",), ("III",)),
    725796052: (("I",), ("IV",)),
    748695613: (("II",), ("VI",)),
    767043417: (("III",), ("V",)),
    769663755: (("IV",), ("VI",)),
    790645780: (("II",), ("IV",)),
    825280259: (("IV",), ("VI",)),
    850059695: (("I",), ("IV",)),
    893061990: (("V",), ("III", "IV")),
    893933608: (("III",), ("I", "II")),
    899985487: (("III",), ("I", "II")),
    960076967: (("IV",), ("VI",)),
    972201991: (("III",), ("V",)),
    979115777: (("IV",), ("VI",)),
    981288183: (("IV",), ("VI",)),
    1020352288: (("II",), ("IV",)),
    1022596944: (("IV",), ("VI",)),
    1023734918: (("I",), ("IV",)),
}
#: The four options, the same for every pair (alphabetical). None repeats the words of the
#: module's reading rule (« séparés », « contiennent chacun l'autre taux », « établi »): the
#: student maps the bounds to a conclusion (review d20, student 2).
_Q3A_OPTIONS = [
    "non : chacun des deux taux tombe entre les bornes de l'autre groupe, le hasard suffit à "
    "expliquer la différence",
    "non : les deux taux diffèrent de peu, les deux groupes ont donc le même taux",
    "oui : aucune valeur n'est commune aux deux intervalles, le hasard l'explique mal",
    "oui : l'un des deux taux observés est plus haut, cela suffit",
]


def _of_group(types: tuple[str, ...]) -> str:
    return f"des phototypes {'–'.join(types)}" if len(types) > 1 else f"du phototype {types[0]}"


#: Question 3b (review d22, lecturer 2): the vendor's test has 2 000 lesions on half the slots
#: of the pool (a handful of dark-skin cancers: nothing established) and 10 000 on the other
#: half (intervals apart: gap established), so the key differs between copies; which one is
#: right is computed from the copy's data by the notebook's hidden test. Five options each,
#: in alphabetical order; none repeats the words of the reading rule.
_Q3B = (
    (
        "sur le test de l'éditeur, comparez les V–VI aux I–II : que conclure ?",
        [
            "assez de cancers pour trancher : aucune valeur n'est commune aux deux intervalles, "
            "les V–VI sont plus souvent manqués",
            "l'application manque moins souvent les cancers des V–VI (taux plus bas)",
            "l'application manque plus souvent les cancers des V–VI (taux plus haut)",
            "pas d'écart : chaque taux est dans l'intervalle de l'autre",
            "trop peu de cancers pour trancher : un écart de plusieurs points reste compatible",
        ],
    ),
    (
        "sur le test de l'éditeur, un collègue affirme : « les V–VI et les I–II ont le même "
        "taux de faux négatifs : pas d'écart ». A-t-il raison ?",
        [
            "non : assez de cancers pour trancher, aucune valeur n'est commune aux deux "
            "intervalles : les V–VI sont plus souvent manqués",
            "non : l'application manque moins souvent les cancers des V–VI (taux plus bas)",
            "non : l'application manque plus souvent les cancers des V–VI (taux plus haut)",
            "non : trop peu de cancers pour trancher, un écart de plusieurs points reste "
            "compatible",
            "oui : chaque taux est dans l'intervalle de l'autre",
        ],
    ),
)


def question_1_version(seed: int) -> int:
    """Return which task of question 1 (0: type VI, 1: type V) a copy draws."""
    return int(np.random.default_rng([int(seed), 51]).integers(2))


def question_1_type(seed: int) -> str:
    """Return the phototype whose false-negative rate a copy computes (« VI » or « V »)."""
    return _Q1_TYPES[question_1_version(seed)]


def question_1_statement(seed: int) -> str:
    """Return the copy's task for question 1 (its own phototype only)."""
    phototype = question_1_type(seed)
    # Review d18 (lecturer, finding 3): the task names the rate only, as the formative does;
    # choosing its denominator is what question 1 assesses, so no definition is printed here.
    return f"taux de faux négatifs de l'application sur le phototype {phototype}."


def question_3a_groups(seed: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return the two groups of phototypes a copy compares in question 3a (first, second)."""
    from esn_teach.explorers import skin_variant  # not at import: explorers imports datasets

    return _Q3A_PAIRS[skin_variant(int(seed)).seed]


def question_3a(seed: int) -> tuple[str, list[str]]:
    """Return the copy's statement of question 3a and its four options (alphabetical)."""
    first, second = question_3a_groups(seed)
    statement = (
        f"sur le test équilibré, comparez le taux de faux négatifs {_of_group(first)} à celui "
        f"{_of_group(second)} : l'écart est-il établi (pour ce modèle, sur ce test), et pourquoi ?"
    )
    return statement, list(_Q3A_OPTIONS)


def question_3b(seed: int) -> tuple[str, list[str]]:
    """Return the copy's statement of question 3b and its four options (alphabetical)."""
    statement, options = _Q3B[int(np.random.default_rng([int(seed), 54]).integers(2))]
    return statement, list(options)
