"""Module 03's evaluated session: each copy's cohort seed and question 4's statements.

Only what a copy is shown is drawn here: the seed of its cohort, picked from a fixed pool of
cohorts where the module's texts stay true (:data:`_COHORT_SEEDS`), and the wordings of
question 4 with their display order. No function here computes, stores or returns an answer
of the evaluated session (review 07, finding 1): the keys of questions 1 to 4 are in the
notebook's hidden tests and the module's notes, and the vetting of the pool, which measures
the keys of questions 1 to 3, is in the test suite (tests/cost_need_vetting.py).
"""

from __future__ import annotations

import numbers

import numpy as np

from esn_teach._validation import check_finite_scalar

__all__ = ["cost_need_seed", "cost_need_statements"]

#: The pool of cohort seeds (``make_cost_vs_need_cohort(random_state=...)``, and the split's
#: ``random_state``), in the order they were found by tests/cost_need_vetting.py (candidates
#: ``SeedSequence([20261207, k])``): each shows every pattern the texts rely on, and no named
#: mistake of questions 1 to 3 comes close to its keys. Copies that draw the same slot share a
#: cohort (not their question 4).
_COHORT_SEEDS: tuple[int, ...] = (
    741819868,
    1527149538,
    2539103851,
    2085877930,
    651548159,
    2732735661,
    175968954,
    3982055991,
    1171362362,
    420840204,
    875166819,
    1609783043,
    3643447201,
    4032067814,
    2663664338,
    3344326434,
    1386524532,
    458317712,
    602813424,
    2779443055,
    2040643559,
    2803429776,
    3248472758,
    1136795384,
    3412952638,
    2767975146,
    3868621755,
    3902612205,
    817929057,
    1896217937,
    4246540468,
    2993115883,
    106229120,
    1603090349,
    3146698699,
    1008486408,
    1805798278,
    3683998373,
    3580681007,
    2979160160,
    1980198020,
    1102415105,
    410432644,
    1676280344,
    2953911188,
    1179328385,
    1796117985,
    1872891144,
    3707245762,
    3060841196,
    3134902779,
    2457209428,
    1189268631,
    2781841225,
    1920720079,
    1978467039,
    324135586,
    199243730,
    2835184686,
    3573956367,
    2576342570,
    2155321145,
    2571381082,
    166067358,
    2020001082,
    1572892631,
    195627518,
    1534552314,
    4173383817,
    780213186,
    1962578818,
    3182841600,
    867938213,
    1924243761,
    2244885454,
    1294860796,
    3478494370,
    2970808004,
    1887893666,
    2084523380,
    3734351891,
    3602205954,
    2992920698,
    3450996223,
    551748710,
    1692924810,
    3372508818,
    259104432,
    1175549014,
    428217695,
    1358522400,
    925732727,
    3967121945,
    1173577995,
    2055601109,
    3219511544,
    4160450538,
    4285251324,
    1497723370,
    3914067196,
    3104926330,
    1010989026,
    3746602086,
    2614080098,
    2094515648,
    2074539156,
    4177660701,
    2548025330,
    2110271395,
    1068044767,
    4078018401,
    718581901,
    1205578378,
    1188566219,
    254296036,
    3896549094,
    1417458028,
    2203333874,
    2443941418,
    685272622,
    2493564880,
    3648364711,
    2988078189,
    3068659351,
    1297876461,
    1981664095,
    2436350336,
    4278467195,
    3133311931,
    1578709092,
    754073936,
    2338336731,
    689810703,
    67431267,
    2707139798,
    2645102639,
    1332605577,
    802559215,
    1933421184,
    1637232379,
    1497947484,
    1992698430,
    2399733618,
    3306499136,
    2925308483,
    3531469578,
    3160186654,
    1610746324,
    2760909342,
    558700524,
)


def cost_need_seed(student_seed: int) -> int:
    """Return the seed of a student's cohort for module 03's evaluated session.

    The slot of the pool is drawn from the student's seed alone
    (``default_rng([student_seed, 3])``); the cohort needs no search, and nothing about its
    answers is computed here.

    Parameters
    ----------
    student_seed : int
        From ``checks.student_seed("03")``.

    Returns
    -------
    int
        The cohort's seed (``make_cost_vs_need_cohort(random_state=...)``).
    """
    check_finite_scalar(student_seed, "student_seed", numbers.Integral, min_val=0)
    slot = np.random.default_rng([int(student_seed), 3]).integers(len(_COHORT_SEEDS))
    return int(_COHORT_SEEDS[int(slot)])


#: Question 4's statements (evaluated session), in the order of the formative answer's items:
#: the first wording of each, as in the formative version (without its figures, and naming
#: the table rather than questions 1 to 3, whose values vary from copy to copy).
_STATEMENTS = {
    "erreur sur le coût": "Tout en haut, le score se trompe sur le coût : les patients noirs y "
    "coûtent moins que les blancs de même score (section 4).",
    "entre inscrits": "Les inscrits noirs ont plus de maladies chroniques que les inscrits "
    "blancs, et l'IC 95 % de cet écart exclut 0 (tableau, écart entre inscrits).",
    "part qui double": "La cible « maladies » inscrit à peu près deux fois plus de patients "
    "noirs que la cible « coût » (tableau, première ligne).",
    "inscrits et score juste": "L'écart entre inscrits du score « coût » est bien plus grand "
    "que l'écart du score juste sur tous les scores (tableau, dernière colonne).",
    "centile par centile": "Comparés centile par centile du score « coût », les patients noirs "
    "ont en moyenne plus de maladies chroniques que les blancs, et l'IC 95 % de cet écart "
    "exclut 0 (ligne sous le tableau).",
    "près du seuil": "Du 95e au 100e centile, l'écart du score « coût » dépasse celui du score "
    "juste dans sa tranche du haut, et l'IC 95 % de cette différence exclut 0 (tableau).",
}
#: The second wordings (the module's notes give the keys; they are not in the package). Each
#: is true for every cohort of the pool (tests/cost_need_vetting.py checks it).
_SECOND_WORDINGS = {
    "erreur sur le coût": "À maladie latente égale (le même besoin réel), le score « coût » "
    "donne aux patients noirs un score plus bas qu'aux patients blancs, parce qu'on dépense "
    "moins pour eux ; l'IC 95 % de cet écart exclut 0 (calcul non montré).",
    "entre inscrits": "Parmi les inscrits, comparés centile par centile du score « coût » "
    "(97e, 98e et 99e centiles), les patients noirs ont en moyenne plus de maladies "
    "chroniques que les blancs, et l'IC 95 % de cet écart exclut 0 (calcul non montré).",
    "part qui double": "Parmi des patients de même maladie latente (le même besoin réel), le "
    "score « coût » inscrit moins souvent les patients noirs que les patients blancs (un taux "
    "d'inscription plus faible), et l'IC 95 % de cet écart exclut 0 (calcul non montré).",
    "inscrits et score juste": "Mesuré non plus entre inscrits mais centile par centile, sur "
    "tous les scores, l'écart du score « coût » dépasse celui du score juste mesuré de la "
    "même façon, et l'IC 95 % de leur différence exclut 0 (calcul non montré).",
    "centile par centile": "Comparés centile par centile du score « coût », les patients "
    "noirs et blancs coûtent à peu près autant l'année suivante : le score est à peu près "
    "calibré pour le coût (section 4, figure de gauche).",
    "près du seuil": "Du 95e au 100e centile du score « coût », les patients noirs ont plus de "
    "maladies chroniques que les patients blancs, et l'IC 95 % de cet écart exclut 0 "
    "(tableau, tranche du haut).",
}


#: How many of a copy's six items show their second wording (always three: the draw reads
#: the seed only, never the keys).
_SECOND_PER_COPY = 3


def cost_need_statements(rng: np.random.Generator) -> tuple[list[tuple[str, str]], dict[str, bool]]:
    """Draw question 4's statements for one copy of module 03's evaluated session.

    Kept in the library rather than in the notebook, whose folded code a student can read:
    the drawn wording is shown, not the other one. Each item has two wordings; the draw
    reads the seed only (the keys are in the hidden test and the module's notes, not here).

    Parameters
    ----------
    rng : numpy.random.Generator
        From ``checks.variant_rng("03")``; the draw takes the display order first
        (``rng.permutation(6)``), then which three items show their second wording
        (``rng.choice(6, size=3, replace=False)``, indices in the order of
        ``_STATEMENTS``), so that a hidden test recomputes it.

    Returns
    -------
    statements : list of (str, str)
        ``(item, statement)`` in the drawn display order.
    second : dict of str to bool
        For each item, whether its second wording was drawn (what the copy is shown).
    """
    order = rng.permutation(len(_STATEMENTS))
    flipped = {int(i) for i in rng.choice(len(_STATEMENTS), size=_SECOND_PER_COPY, replace=False)}
    second = {key: i in flipped for i, key in enumerate(_STATEMENTS)}
    texts = {
        key: _SECOND_WORDINGS[key] if second[key] else text for key, text in _STATEMENTS.items()
    }
    keys = list(texts)
    return [(keys[i], texts[keys[i]]) for i in order], second
