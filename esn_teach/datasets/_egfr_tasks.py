"""Module 07's evaluated session: each copy's M. A., tasks and statements (private).

The notebook's draw cells and its hidden tests both call these functions with the
student's seed (``checks.student_seed("07")``): the draw cells show only what the
statement needs (M. A.'s age and creatinines, which dosage and which share the copy
asks, the statements of questions 4 and 5 under their letters). This module is part of
the package installed on the hub, which the student's kernel imports too: it holds no
answer key. It draws which statement (notion, version) each slot gets from the seed
alone and returns its text; which statement is right, and the keys of question 8, are
computed in the notebook's hidden tests and solutions only (from the copy's DFGe).
"""

from __future__ import annotations

import numpy as np

from ._egfr import egfr_ckd_epi_2009, egfr_ckd_epi_2021, make_egfr_cohort

#: µmol/L in one mg/dL of creatinine.
_UMOL_PER_MG = 88.4
#: The creatinines a copy's M. A. may have, in µmol/L.
_GRID = np.arange(70, 200)  # story 2 needs up to about 165
# The three stories of M. A. (each copy gets one, with the same probability, see ``_cases``):
# 0, the change of equation takes him below 60 (2009 with its coefficient at 61 or more,
# 2021 from 46 to less than 59); 1, he stays at 60 or more with both equations (2021 from 61
# to less than 68); 2, he is below 60 with both equations (2009 with its coefficient under
# 59, 2021 at 46 or more: stage G3a either way). Story 2 makes the key of the statements on
# his 2009 DFGe differ between copies (lecturer's review d17). No function returns a copy's
# story: its DFGe says it.
_STORY_COUNT = 3


def _admissible(age: int, story: int) -> np.ndarray:
    """Return the creatinines (µmol/L) that keep ``story`` for a Black man of ``age``.

    Every story keeps every statement of questions 5 and 8 one unit or more away from its
    thresholds (60, 45, 30 for the DFG deindexed with 1.50 m²), the 2009 equation without
    its coefficient at least 2 away from 2021, and the named mistake « creatinine converted and
    rounded to 0.1 mg/dL » more than two tenths from question 1's key (converted exactly or
    rounded to 0.01).
    """
    mg = _GRID / _UMOL_PER_MG
    with_race = egfr_ckd_epi_2009(mg, age, False, True)
    without = egfr_ckd_epi_2009(mg, age, False, False)
    new = egfr_ckd_epi_2021(mg, age, False)
    if story == 0:
        keep = (with_race >= 61) & (new >= 46) & (new < 59)
        small = without * 1.50 / 1.73
        keep &= (small >= 46) & (small < 59)
    elif story == 1:
        keep = (new >= 61) & (new < 68)
        small = without * 1.50 / 1.73
        keep &= (small >= 46) & (small < 59)
    else:
        keep = (with_race < 59) & (new >= 46)
        keep &= without * 1.50 / 1.73 >= 31  # under 60, away from the contraindication (30)
    keep &= np.abs(without * 2.10 / 1.73 - 60) >= 1
    keep &= np.abs(without - new) >= 2
    tenth = np.round(egfr_ckd_epi_2021(np.round(mg, 1), age, False), 1)
    hundredth = np.round(egfr_ckd_epi_2021(np.round(mg, 2), age, False), 1)
    keep &= (np.abs(tenth - np.round(new, 1)) > 0.25) & (np.abs(tenth - hundredth) > 0.25)
    return _GRID[keep]


def _cases(seed: int) -> tuple[int, int, int]:
    """Return a copy's M. A.: age (40 to 75), first and control creatinines (µmol/L).

    Both dosages, a month apart, keep the copy's story (one of ``_STORY_COUNT``) and differ
    by 2 µmol/L or more (so that their DFGe differ by about one unit or more at 0.1).
    """
    rng = np.random.default_rng(int(seed))
    story = int(np.random.default_rng([int(seed), 70]).integers(_STORY_COUNT))
    while True:
        age = int(rng.integers(40, 76))
        found = _admissible(age, story)
        pairs = [(int(a), int(b)) for a in found for b in found if abs(int(a) - int(b)) >= 2]
        if pairs:
            first, control = pairs[int(rng.integers(len(pairs)))]
            return age, first, control


def _dosage_task(seed: int) -> int:
    """Which dosage questions 1, 2 and 7 of a copy use: 0, the first; 1, the control."""
    return int(np.random.default_rng([int(seed), 71]).integers(2))


def _copy_creatinines(seed: int) -> tuple[int, int, int]:
    """(age, the copy's creatinine, the other dosage's creatinine), for the hidden tests."""
    age, first, control = _cases(seed)
    return (age, first, control) if _dosage_task(seed) == 0 else (age, control, first)


def _cohort_parameters(seed: int) -> dict[str, float]:
    """Return the generator's parameters of a copy's cohort (lecturer's review d21, finding 3).

    With the default parameters, the share question 3 asks spans only 0.016 to 0.041 across
    copies, so that a constant or a neighbour's value often scores. Each copy draws the share
    of Black patients (0.15 to 0.45) and of chronic kidney disease (0.1 to 0.5) and a factor
    on the median creatinine (0.95 to 1.7), at two decimals: its keys spread over about 0.01
    to 0.3 (tests/modules/test_module_07.py). These are data of the copy, as its seed is; no
    key is computed here.
    """
    rng = np.random.default_rng([int(seed), 72])
    return {
        "black_fraction": round(float(rng.uniform(0.15, 0.45)), 2),
        "ckd_fraction": round(float(rng.uniform(0.1, 0.5)), 2),
        "creatinine_scale": round(float(rng.uniform(0.95, 1.7)), 2),
    }


def _share_task(seed: int) -> int:
    """Which share question 3 of a copy asks, among the Black patients who cross 60.

    0: among all Black patients; 1: among the Black patients that 2009 placed at 60 or
    more. A copy whose two shares lie within 0.003 of each other (at three decimals) asks
    share 0, so that the other version's key never scores.
    """
    task = int(np.random.default_rng([int(seed), 73]).integers(2))
    if task == 0:
        return 0
    parameters = _cohort_parameters(seed)
    frame = make_egfr_cohort(
        n_samples=5_000,
        random_state=int(seed),
        black_fraction=parameters["black_fraction"],
        ckd_fraction=parameters["ckd_fraction"],
        creatinine_scale=parameters["creatinine_scale"],
    ).frame
    black = frame["black"].to_numpy() == 1
    d09, d21 = frame["egfr_2009"].to_numpy(), frame["egfr_2021"].to_numpy()
    k = int((black & (d09 >= 60) & (d21 < 60)).sum())
    among_all = k / int(black.sum())
    among_60 = k / int((black & (d09 >= 60)).sum())
    return 1 if abs(round(among_all, 3) - round(among_60, 3)) >= 0.003 - 1e-12 else 0


# Question 4: one notion per slot, each with two statements of opposite truth. The bank holds
# the texts only, in no fixed order of truth: which one is right is in the notebook's hidden
# test (and its solution), as digests of the right texts, never in the package. The texts say
# each notion in other words (and another case) than the formative version's items, so that a
# key learnt by heart in the formative version does not answer them (lecturer's review d17).
# The two statements of a notion have the same shape and about the same length, without a word
# such as « forcément » that marks one as false (lecturer's review d21, finding 8).
_Q4_BANK: dict[str, tuple[str, str]] = {
    "hasard": (
        "un autre tirage fait de la même façon aurait donné d'autres patients, donc une part "
        "un peu différente : l'intervalle tient compte de ce hasard du tirage",
        "un autre tirage fait de la même façon aurait donné d'autres patients, donc une part "
        "un peu différente : l'intervalle ne tient pas compte de ce hasard du tirage",
    ),
    "taille": (
        "sur une cohorte de 20 000 patients au lieu de 5 000, avec la même part, l'intervalle "
        "serait plus large",
        "sur une cohorte de 20 000 patients au lieu de 5 000, avec la même part, l'intervalle "
        "serait plus étroit",
    ),
    "biais": (
        "si les données avaient donné à tous les patients noirs des créatinines trop basses, "
        "l'intervalle ne permettrait pas de s'en apercevoir",
        "si les données avaient donné à tous les patients noirs des créatinines trop basses, "
        "l'intervalle le signalerait en s'élargissant",
    ),
    "hopital": (
        "il contient aussi, avec la même garantie, la part que l'on compterait chez les vrais "
        "patients d'un hôpital de Montpellier",
        "il ne dit rien de la part que l'on compterait chez les vrais patients d'un hôpital de "
        "Montpellier",
    ),
}


def _question_4_statements(seed: int) -> dict[str, str]:
    """Letter -> statement shown in a copy's question 4, from the seed alone.

    Each notion's statement is drawn on its own, without looking at which one is right (the
    number of right statements varies from copy to copy, 0 to 4, as the statement says), and
    the notions are shuffled over the letters. Only the texts are returned: which notion and
    which version each letter holds stays inside this function (lecturer's review d21 of the
    module 09 fix: the package gives texts only).
    """
    rng = np.random.default_rng([int(seed), 74])
    notions = list(_Q4_BANK)
    versions = rng.integers(2, size=len(notions)).tolist()
    order = rng.permutation(len(notions)).tolist()
    return {
        "ABCD"[position]: _Q4_BANK[notions[index]][int(versions[index])]
        for position, index in enumerate(order)
    }


# Question 5 (lecturer's review d21, findings 1 and 7): four slots, each drawn from its own
# reserve of texts, in-session statements phrased by stage only (the dose of metformin, whose
# threshold the RCP writes in mL/min, is question 8's). Slot 1 places M. A. by the change of
# equation, slot 2 places his 2009 DFGe by 60 (both keys follow the copy's DFGe); slots 3 and
# 4 ask what the 2009 coefficient did and why it was removed (objective 2; their keys are the
# same on every copy that draws the same text). Each reserve is shuffled, so that no position
# is always right; the package returns texts only, never which text or slot was drawn: which
# condition makes a text right is in the notebook's hidden test, solution and ``mistake=``
# cells, as a table from the text's digest (sha256, 12 hex digits) to that condition.
_Q5_RESERVES: tuple[tuple[str, ...], ...] = (
    (
        "avec l'équation 2021, si ce DFGe durait plus de 3 mois, il serait classé en stade G3a",
        "le seul passage de l'équation 2009 avec coefficient à l'équation 2021 le fait passer "
        "sous 60",
        "avec l'équation 2021, ce DFGe est à 60 ou plus : même s'il durait plus de 3 mois, il "
        "ne serait pas classé en stade G3",
        "avec l'équation 2009 avec coefficient comme avec l'équation 2021, il reste du même côté "
        "du seuil de 60",
    ),
    (
        "avec l'équation 2009 et son coefficient, ce DFGe n'atteint pas 60",
        "avec l'équation 2009 et son coefficient, même s'il durait plus de 3 mois, ce DFGe ne "
        "serait pas classé en stade G3",
        "avec l'équation 2009 et son coefficient, si ce DFGe durait plus de 3 mois, il serait "
        "classé en stade G3",
        "avec l'équation 2009 et son coefficient, ce DFGe est à 60 ou plus",
    ),
    (
        "le coefficient de 2009 dépendait d'une mesure du muscle du patient, pas de sa race "
        "déclarée",
        "à créatinine, âge et sexe égaux, l'équation 2009 donnait à un patient déclaré noir un "
        "DFGe 15,9 % plus haut",
        "le coefficient de 2009 dépendait de la race déclarée du patient, pas d'une mesure de son "
        "muscle",
        "à créatinine, âge et sexe égaux, l'équation 2009 donnait à un patient déclaré noir un "
        "DFGe 15,9 % plus bas",
    ),
    (
        "la catégorie raciale déclarée est une construction sociale : elle ne mesure pas le "
        "muscle du patient que l'on soigne",
        "l'équation 2021 est l'équation 2009 privée de son coefficient : ses autres coefficients "
        "n'ont pas changé",
        "la catégorie raciale déclarée est une mesure biologique : elle donne le muscle du "
        "patient que l'on soigne",
        "l'équation 2021 n'est pas l'équation 2009 privée de son coefficient : ses autres "
        "coefficients ont été réestimés",
    ),
)


def _question_5_statements(seed: int) -> dict[str, str]:
    """Letter -> statement shown in a copy's question 5, from the seed alone.

    One text per reserve, drawn without reading the copy's DFGe or which text is right; the
    four slots are shuffled over the letters. Only the texts are returned.
    """
    rng = np.random.default_rng([int(seed), 75])
    texts = [reserve[int(rng.integers(len(reserve)))] for reserve in _Q5_RESERVES]
    order = rng.permutation(len(texts)).tolist()
    return {"ABCD"[position]: texts[index] for position, index in enumerate(order)}
