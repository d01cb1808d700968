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

#: Question 3a (review d18): each copy compares, on the balanced test, one pair of groups
#: drawn from its seed: types V-VI against I-II, or type II against type I. Which answer is
#: right depends on the copy's own intervals (computed by the notebook's hidden test), not on
#: the pair: the four options are the same for both pairs.
_Q3A_GROUPS = ((("V", "VI"), ("I", "II")), (("II",), ("I",)))
_Q3A_OPTIONS = [
    "non : chaque taux est dans l'intervalle de l'autre, le hasard peut expliquer l'écart",
    "non : les deux taux sont proches, il n'y a donc aucun écart",
    "oui : intervalles séparés, sur des centaines de cancers",
    "oui : un taux observé plus haut suffit à l'établir",
]


def _of_group(types: tuple[str, ...]) -> str:
    return f"des phototypes {'–'.join(types)}" if len(types) > 1 else f"du phototype {types[0]}"


_Q3B = (
    (
        "sur le test de l'éditeur, que conclure ?",
        [
            "l'application manque moins souvent les cancers des V–VI (taux plus bas)",
            "l'application manque plus souvent les cancers des V–VI (taux plus haut)",
            "pas d'écart : chaque taux est dans l'intervalle de l'autre",
            "rien d'établi : un écart de plusieurs points reste compatible",
        ],
    ),
    (
        "sur le test de l'éditeur, un collègue affirme : « les V–VI et les I–II ont le même "
        "taux de faux négatifs : pas d'écart ». A-t-il raison ?",
        [
            "non : l'application manque moins souvent les cancers des V–VI (taux plus bas)",
            "non : l'application manque plus souvent les cancers des V–VI (taux plus haut)",
            "non : rien d'établi, un écart de plusieurs points reste compatible",
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
    return _Q3A_GROUPS[int(np.random.default_rng([int(seed), 53]).integers(2))]


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
