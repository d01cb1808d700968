"""Module 03's evaluated session: each copy's cohort seed, places, Q3's situation, Q4's statements.

Only what a copy is shown is drawn here: the seed of its cohort, picked from a fixed pool of
cohorts where the module's texts stay true (:data:`_COHORT_SEEDS`), and which pairs of
wordings of question 4 a copy shows, in which order. No function here computes, stores or
returns an answer of the evaluated session (review 07, finding 1): the keys of questions 1
to 4 are in the notebook's hidden tests and the module's notes, and the vetting of the pool,
which measures the keys of questions 1 and 2, is in the test suite
(tests/cost_need_vetting.py).
"""

from __future__ import annotations

import numbers

import numpy as np

from esn_teach._validation import check_finite_scalar

__all__ = ["cost_need_places", "cost_need_reading", "cost_need_seed", "cost_need_statements"]

#: The pool of cohort seeds (``make_cost_vs_need_cohort(random_state=...)``, and the split's
#: ``random_state``), in the order they were found by tests/cost_need_vetting.py (candidates
#: ``SeedSequence([20261207, k])``): each shows every pattern the texts rely on, and no named
#: mistake of questions 1 and 2 comes close to its keys, and none of its keys is the formative
#: session's (review 03 d16, finding 4: 8 of 150 cohorts left out, 142 kept; review 03 d18:
#: 26 more left out, see :data:`_COHORT_PLACES`; review 03 d18, finding 4, vetted under the
#: grading tolerance: 44 more, 72 kept, see :data:`_COHORT_PLACES`). Copies that draw the same
#: slot share a cohort and its number of places (not always their questions 3 and 4).
_COHORT_SEEDS: tuple[int, ...] = (
    741819868,
    1527149538,
    2539103851,
    2085877930,
    2732735661,
    3982055991,
    1171362362,
    420840204,
    875166819,
    3643447201,
    2663664338,
    1386524532,
    458317712,
    2779443055,
    2040643559,
    2803429776,
    3248472758,
    2767975146,
    4246540468,
    1603090349,
    3146698699,
    1805798278,
    3580681007,
    2979160160,
    1980198020,
    1102415105,
    410432644,
    3060841196,
    3134902779,
    1920720079,
    1978467039,
    324135586,
    199243730,
    2155321145,
    2571381082,
    195627518,
    1962578818,
    2244885454,
    1294860796,
    3478494370,
    3734351891,
    3602205954,
    2992920698,
    1692924810,
    259104432,
    1175549014,
    3967121945,
    1173577995,
    3219511544,
    3746602086,
    2094515648,
    4177660701,
    1068044767,
    718581901,
    1205578378,
    1188566219,
    1417458028,
    2443941418,
    2493564880,
    3648364711,
    1578709092,
    67431267,
    2707139798,
    802559215,
    1637232379,
    1992698430,
    2399733618,
    3306499136,
    3531469578,
    3160186654,
    1610746324,
    558700524,
)

#: The number of places of each slot's programme (question 1, review 03 d18): one of
#: tests/cost_need_vetting.py's candidates (383 to 778 places, no multiple of 5, neither the
#: 97th centile's 497 nor the formative 640) with which question 1 keeps its texts true, its
#: named mistakes apart from its key and from each other, and no answer recalled from the
#: formative session earns a point under the grading tolerance; among those, the one whose
#: key is farthest from the keys already chosen (``choose_places``: a blind guess earns full
#: marks on no copy). Left out: the cohorts with no such number, those whose question 2 the
#: formative 1,64 or 1,645 would pass, and those whose key of question 2 (which does not
#: depend on the places) crowds the keys kept before it (``apart``): 72 kept of 116.
_COHORT_PLACES: tuple[int, ...] = (
    383,
    409,
    433,
    458,
    479,
    521,
    547,
    569,
    593,
    661,
    661,
    683,
    709,
    733,
    778,
    778,
    383,
    479,
    433,
    479,
    569,
    547,
    661,
    733,
    683,
    661,
    383,
    709,
    733,
    778,
    757,
    433,
    433,
    458,
    614,
    661,
    733,
    778,
    479,
    683,
    683,
    778,
    683,
    709,
    409,
    383,
    593,
    433,
    458,
    661,
    409,
    661,
    683,
    383,
    683,
    458,
    409,
    479,
    614,
    521,
    709,
    778,
    733,
    409,
    733,
    479,
    683,
    661,
    521,
    683,
    683,
    547,
)


def _slot(student_seed: int) -> int:
    """Return the slot of the pool a copy draws (``default_rng([student_seed, 3])``)."""
    check_finite_scalar(student_seed, "student_seed", numbers.Integral, min_val=0)
    return int(np.random.default_rng([int(student_seed), 3]).integers(len(_COHORT_SEEDS)))


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
    return int(_COHORT_SEEDS[_slot(student_seed)])


def cost_need_places(student_seed: int) -> int:
    """Return the number of places of a student's programme (module 03, question 1).

    The number of places belongs to the copy's slot of the pool, like its cohort
    (:func:`cost_need_seed`): each cohort was vetted with that number of places, and nothing
    about the answer is computed here.

    Parameters
    ----------
    student_seed : int
        From ``checks.student_seed("03")``.

    Returns
    -------
    int
        How many patients, from the top of the cost score's ranking, the programme keeps.
    """
    return int(_COHORT_PLACES[_slot(student_seed)])


#: Question 4's bank (evaluated session): for each item of the formative answer, two wordings
#: in no particular order, the same for every copy. A copy shows three items, each as its two
#: wordings side by side (review 03 d16, finding 3): which wording is right is the hidden
#: test's and the module's notes' business, not this module's. No wording quotes the
#: formative statement word for word (finding 2), none names where its figure would be
#: found, and none quotes a figure (the same texts for every copy); tests/cost_need_vetting.py
#: checks that every wording is true for every cohort of the pool.
#: Review 03 d20 (lecturer 1): both wordings of an item share their vocabulary and hedging
#: (« maladie latente », « de la même façon », « propre tranche », « tous ensemble »), so the
#: wrong one fails on its content; each wording states the same fact as before d20.
_PAIRS: dict[str, tuple[str, str]] = {
    "erreur sur le coût": (
        "Parmi des patients de même score « coût », tout en haut, le coût réel de "
        "l'année suivante des patients noirs est plus bas que celui des patients "
        "blancs ; ce coût dépend à la fois de la maladie latente (le besoin réel) et "
        "de l'accès aux soins.",
        "Parmi des patients de même maladie latente (le même besoin réel), le score « "
        "coût » des patients noirs est en moyenne plus bas que celui des patients "
        "blancs.",
    ),
    "entre inscrits": (
        "Parmi les inscrits du score « coût », comparés centile par centile (97e, 98e "
        "et 99e centiles) plutôt que pris tous ensemble, l'écart de maladies "
        "chroniques entre patients noirs et blancs dépasse celui du score juste mesuré"
        " de la même façon.",
        "Parmi les inscrits du score « coût », pris tous ensemble, l'écart de maladies"
        " chroniques de l'année suivante entre patients noirs et blancs, mesuré de la "
        "même façon dans les deux groupes, est positif.",
    ),
    "part qui double": (
        "Le score « maladies », plus proche de la maladie latente (le besoin réel) que"
        " le coût, inscrit environ deux fois plus de patients noirs que le score « "
        "coût ».",
        "Parmi des patients de même maladie latente (le même besoin réel), le score « "
        "coût » inscrit en moyenne les patients noirs moins souvent que les patients "
        "blancs.",
    ),
    "inscrits et score juste": (
        "L'écart de maladies chroniques du score « coût », mesuré centile par centile "
        "sur tous les scores, dépasse celui du score juste, mesuré centile par centile"
        " sur tous les scores.",
        "L'écart de maladies chroniques du score « coût », mesuré entre ses seuls "
        "inscrits au-dessus du 97e centile, dépasse celui du score juste, mesuré "
        "centile par centile sur tous les scores.",
    ),
    "centile par centile": (
        "Comparés centile par centile du score « coût », sur tous les scores, les "
        "patients noirs et blancs ont à peu près les mêmes dépenses de soins l'année "
        "suivante.",
        "Comparés centile par centile du score « coût », sur tous les scores, les "
        "patients noirs ont plus de maladies chroniques l'année suivante que les "
        "patients blancs, et cet écart dépasse celui du score juste, comparé de la même "
        "façon.",
    ),
    "près du seuil": (
        "Du 95e au 100e centile du score « coût », l'écart de maladies chroniques "
        "entre patients noirs et blancs dépasse celui du score juste dans sa propre "
        "tranche du 95e au 100e centile, plutôt que centile par centile sur tous les "
        "scores.",
        "Du 95e au 100e centile du score « coût », l'écart de maladies chroniques "
        "entre patients noirs et blancs dépasse celui du score juste mesuré centile "
        "par centile sur tous les scores, au lieu de sa propre tranche du 95e au 100e "
        "centile.",
    ),
}

#: The three steps of reasoning question 4 tests, each with the two items of the bank that
#: test it (review 03 d18: drawn freely, a copy could get three pairs of one kind and its
#: neighbour three of another). A copy shows one pair of each group, so every copy is asked
#: the same three steps: does the comparison hold the real need equal (« erreur sur le coût »,
#: « part qui double »); does it measure the illness against a reference at all (« entre
#: inscrits », « centile par centile »); is the fair score's gap measured the same way
#: (« inscrits et score juste », « près du seuil »). The groups say nothing of the keys.
_STEPS: tuple[tuple[str, str], ...] = (
    ("erreur sur le coût", "part qui double"),
    ("entre inscrits", "centile par centile"),
    ("inscrits et score juste", "près du seuil"),
)

#: How many items a copy shows, each as a pair of wordings (six statements, A to F).
_PAIRS_PER_COPY = len(_STEPS)


def cost_need_statements(rng: np.random.Generator) -> list[tuple[str, int, str]]:
    """Draw question 4's statements for one copy of module 03's evaluated session.

    Kept in the library rather than in the notebook, whose folded code a student can read.
    The draw reads the seed only: one item of each step of reasoning (:data:`_STEPS`), the
    order of the three pairs, then, for each, the order of its two wordings. Both wordings of
    an item are shown, side by side, so every copy has the same task (judge, in each pair,
    which statement suffices) whatever the keys, which are in the hidden test and the
    module's notes, not here.

    Parameters
    ----------
    rng : numpy.random.Generator
        From ``checks.variant_rng("03")``; the draw takes one item of each step
        (``rng.integers(2, size=3)``), the order of the three pairs (``rng.permutation(3)``),
        then the order of each pair (``rng.permutation(2)``), so that a hidden test recomputes
        it.

    Returns
    -------
    list of (str, int, str)
        ``(item, wording, statement)`` for the six statements in display order (A to F): the
        two wordings (0 and 1, as in ``_PAIRS``) of the first item drawn, then of the second,
        then of the third.
    """
    picked = rng.integers(2, size=len(_STEPS))
    order = rng.permutation(len(_STEPS))
    shown = []
    for step in order:
        item = _STEPS[int(step)][int(picked[int(step)])]
        for wording in rng.permutation(2):
            shown.append((item, int(wording), _PAIRS[item][int(wording)]))
    return shown


#: Question 3's situations (evaluated session; review 03 d18, finding 2: the evaluated Q3 was
#: the formative item word for word). Each is an invented audit of another score, with another
#: predicted quantity and another group of patients, followed by five readings in no
#: particular order, the same for every copy. A copy shows one situation and its five readings
#: in an order drawn from its seed, designated by letters. Which reading is right is the hidden
#: test's and the module's notes' business, not this module's.
#: Review 03 d20 (lecturer 1, student 3): the readings of a situation share their vocabulary
#: and hedging (« prévoit bien », « mesure mal », « plus malades », « sans que ces constats
#: disent de combien »); one wrong reading is cautious, and the right one is hedged in one
#: situation only.
_READINGS: tuple[tuple[str, tuple[str, str, str, str, str]], ...] = (
    (
        "Un réseau de soins veut repérer des patients âgés pour des visites "
        "d'infirmières à domicile. Son score prédit le nombre de jours "
        "d'hospitalisation de l'année suivante, à partir des diagnostics, des "
        "traitements et de l'âge, sans le lieu de vie des patients. Un audit compare "
        "les patients des communes rurales, loin de l'hôpital, à ceux des villes. Il "
        "constate : (1) à même score, les deux groupes passent à peu près autant de "
        "jours à l'hôpital l'année suivante ; (2) à même score, les patients ruraux "
        "ont plus de maladies chroniques ; (3) parmi les patients retenus, les ruraux "
        "ont en moyenne plus de maladies chroniques que les urbains.",
        (
            "D'après ces constats, le score prévoit bien les jours d'hospitalisation, "
            "mais il tient sans doute compte du lieu de vie des patients, plus malades"
            " à même score quand ils sont ruraux : lui retirer cette information "
            "réduirait l'écart de maladies, sans que ces constats disent de combien.",
            "D'après ces constats, le score prévoit sans doute moins bien les jours "
            "d'hospitalisation des patients ruraux, plus malades à même score : un "
            "modèle plus précis, appris sur plus de patients, réduirait l'écart de "
            "maladies, sans que ces constats disent de combien.",
            "D'après ces constats, le score prévoit bien les jours d'hospitalisation "
            "des patients ruraux comme des urbains ; ce sont les jours "
            "d'hospitalisation eux-mêmes qui mesurent mal le besoin des ruraux, "
            "puisqu'à même score ils sont plus malades.",
            "D'après ces constats, le score prévoit bien les jours d'hospitalisation, "
            "qui mesurent mal le besoin des patients ruraux, plus malades à même score"
            " ; l'écart de maladies entre patients retenus, le constat (3), en donne à"
            " peu près la mesure.",
            "D'après ces constats, les jours d'hospitalisation mesurent mal le besoin "
            "des patients ruraux, plus malades à même score, parce que les médecins "
            "choisissent de les hospitaliser moins souvent, et le score reproduit ce "
            "choix.",
        ),
    ),
    (
        "Une caisse d'assurance maladie veut proposer un accompagnement téléphonique "
        "par des infirmières aux patients diabétiques qui en ont le plus besoin. Son "
        "score prédit le nombre de consultations médicales de l'année suivante, à "
        "partir des remboursements de l'année (actes, médicaments, examens), sans "
        "savoir qui bénéficie de la complémentaire santé solidaire (C2S). Un audit "
        "compare les bénéficiaires de la C2S aux autres patients. Il constate : (1) à "
        "même score, les deux groupes ont à peu près autant de consultations l'année "
        "suivante ; (2) à même score, les bénéficiaires de la C2S ont une HbA1c plus "
        "élevée (un diabète moins bien équilibré) ; (3) parmi les patients retenus, "
        "les bénéficiaires de la C2S ont en moyenne une HbA1c plus élevée que les "
        "autres.",
        (
            "Le score prévoit à peu près bien les consultations ; mais le nombre de "
            "consultations mesure mal le besoin des bénéficiaires de la C2S, plus "
            "malades à même score, sans que ces constats disent de combien.",
            "Le score prévoit à peu près bien les consultations ; mais il tient compte"
            " de la C2S, et lui retirer cette information réduirait l'écart d'HbA1c "
            "des bénéficiaires de la C2S, plus malades à même score, sans que ces "
            "constats disent de combien.",
            "Le score prévoit mal les consultations des bénéficiaires de la C2S ; "
            "c'est pourquoi le nombre de consultations mesure mal leur besoin, et un "
            "modèle plus précis, appris sur plus de patients, réduirait l'écart "
            "d'HbA1c.",
            "Le score prévoit à peu près bien les consultations, qui mesurent mal le "
            "besoin des bénéficiaires de la C2S, plus malades à même score, parce que "
            "les médecins choisissent de les recevoir moins souvent, ce que ces "
            "constats montrent.",
            "Le score prévoit à peu près bien les consultations ; mais le nombre de "
            "consultations mesure mal le besoin des bénéficiaires de la C2S, plus "
            "malades à même score, et l'écart d'HbA1c entre patients retenus, le "
            "constat (3), dit de combien.",
        ),
    ),
    (
        "Un hôpital veut proposer un bilan de médication par un pharmacien aux "
        "patients âgés qui en ont le plus besoin. Son score prédit le montant des "
        "médicaments remboursés l'année suivante, à partir des remboursements de "
        "l'année et des diagnostics, sans l'adresse des patients. Un audit compare les"
        " patients des quartiers les plus défavorisés (selon l'indice FDep) aux "
        "autres. Il constate : (1) à même score, les deux groupes ont à peu près le "
        "même montant de médicaments remboursés l'année suivante ; (2) à même score, "
        "les patients des quartiers défavorisés ont plus de maladies chroniques ; (3) "
        "parmi les patients retenus, ceux des quartiers défavorisés ont en moyenne "
        "plus de maladies chroniques que les autres.",
        (
            "À même score, les patients des quartiers défavorisés sont plus malades : "
            "le score, qui prévoit bien ce montant, sous-estime leur besoin, et de "
            "combien, c'est l'écart de maladies entre patients retenus, le constat "
            "(3), qui le dit.",
            "À même score, les patients des quartiers défavorisés sont plus malades : "
            "d'après ces constats, le montant remboursé, que le score prévoit bien, "
            "mesure mal leur besoin parce que les médecins choisissent de leur "
            "prescrire moins.",
            "À même score, les patients des quartiers défavorisés sont plus malades : "
            "le score tient compte de leur quartier, et lui retirer cette information "
            "réduirait l'écart de maladies.",
            "À même score, les patients des quartiers défavorisés sont plus malades : "
            "le montant des médicaments remboursés, que le score prévoit bien pour les"
            " deux groupes, mesure mal leur besoin.",
            "À même score, les patients des quartiers défavorisés sont plus malades : "
            "le score prévoit mal leur montant de médicaments, et un modèle plus "
            "précis, appris sur plus de patients, réduirait l'écart de maladies.",
        ),
    ),
)


def cost_need_reading(student_seed: int) -> tuple[int, str, list[tuple[int, str]]]:
    """Draw question 3's situation and the order of its readings (module 03, evaluated session).

    Kept in the library rather than in the notebook, whose folded code a student can read. The
    draw reads the student's seed alone (``default_rng([student_seed, 4])``, a stream apart
    from the cohort's): one situation of :data:`_READINGS`, then the order of its five
    readings. Nothing about which reading is right is computed or stored here.

    Parameters
    ----------
    student_seed : int
        From ``checks.student_seed("03")``.

    Returns
    -------
    (int, str, list of (int, str))
        The situation's index in the bank, its text, and its five readings in display order
        (A to E), each with its index in the bank, so that a hidden test recomputes the draw.
    """
    check_finite_scalar(student_seed, "student_seed", numbers.Integral, min_val=0)
    rng = np.random.default_rng([int(student_seed), 4])
    situation = int(rng.integers(len(_READINGS)))
    text, readings = _READINGS[situation]
    order = rng.permutation(len(readings))
    return situation, text, [(int(i), readings[int(i)]) for i in order]
