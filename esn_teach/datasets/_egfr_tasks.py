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


def _share_task(seed: int) -> int:
    """Which share question 3 of a copy asks, among the Black patients who cross 60.

    0: among all Black patients; 1: among the Black patients that 2009 placed at 60 or
    more. A copy whose two shares lie within 0.003 of each other (at three decimals) asks
    share 0, so that the other version's key never scores.
    """
    task = int(np.random.default_rng([int(seed), 73]).integers(2))
    if task == 0:
        return 0
    frame = make_egfr_cohort(n_samples=5_000, random_state=int(seed)).frame
    black = frame["black"].to_numpy() == 1
    d09, d21 = frame["egfr_2009"].to_numpy(), frame["egfr_2021"].to_numpy()
    k = int((black & (d09 >= 60) & (d21 < 60)).sum())
    among_all = k / int(black.sum())
    among_60 = k / int((black & (d09 >= 60)).sum())
    return 1 if abs(round(among_all, 3) - round(among_60, 3)) >= 0.003 - 1e-12 else 0


# Question 4: one notion per slot, each with two statements of opposite truth. The bank holds
# the texts only, in no fixed order of truth: which one is right is in the notebook's hidden
# test (and its solution), never in the package. The texts say each notion in other words
# (and another case) than the formative version's items, so that a key learnt by heart in
# the formative version does not answer them (lecturer's review d17).
_Q4_BANK: dict[str, tuple[str, str]] = {
    "hasard": (
        "un autre tirage fait de la même façon aurait donné d'autres patients, donc une part "
        "un peu différente : l'intervalle tient compte de ce hasard ; la méthode donne, dans "
        "environ 95 tirages sur 100 ou plus, un intervalle qui contient la part de la "
        "population synthétique dont on tire",
        "une autre cohorte tirée de la même façon donnerait forcément la même part : "
        "l'intervalle ne mesure donc pas le hasard",
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
        "la méthode donne, dans environ 95 tirages sur 100 ou plus, un intervalle qui contient "
        "la part que l'on compterait chez les vrais patients d'un hôpital de Montpellier",
        "il ne dit rien de la part que l'on compterait chez les vrais patients d'un hôpital de "
        "Montpellier",
    ),
}


def _question_4_draw(seed: int) -> dict[str, tuple[str, int]]:
    """Letter -> (notion, version) of a copy's question 4, from the seed alone.

    Each notion's version is drawn on its own, without looking at which one is right: the
    number of right statements varies from copy to copy (0 to 4, as the statement says).
    """
    rng = np.random.default_rng([int(seed), 74])
    notions = list(_Q4_BANK)
    versions = rng.integers(2, size=len(notions)).tolist()
    order = rng.permutation(len(notions)).tolist()
    return {
        "ABCD"[position]: (notions[index], int(versions[index]))
        for position, index in enumerate(order)
    }


def _question_4_statements(seed: int) -> dict[str, str]:
    """Letter -> statement shown in a copy's question 4."""
    return {
        letter: _Q4_BANK[notion][version]
        for letter, (notion, version) in _question_4_draw(seed).items()
    }


# Question 5: the same three notions for every copy. One places M. A. by the change of
# equation (« seuil60_2021 » or « bascule », the same question in two wordings), one places
# his 2009 DFGe by 60 (« seuil60_2009 »), and one compares the copy's two dosages
# (« deux_dosages », since d20b; « sans_coef » before) and comes as a pair of statements
# that contradict each other, so that one of the two is right whatever the copy: a copy has
# 1 to 3 right statements by construction, and the draw never reads which one is right.
# Texts only, in no fixed order of truth: whether each is right for a copy is computed from
# its own DFGe and creatinines by the notebook's hidden test. « seuil30 », « seuil20 » and
# « sans_coef » stay in the bank (the tests read their truth) but are no longer drawn. The keys
# of the story statement and of « seuil60_2009 » follow the copy's story (M. A.'s 2009 DFGe is
# under 60 in story 2); what is known of the pair's key is in the teacher's notes.
_Q5_STORY_NOTIONS = ("seuil60_2021", "bascule")
#: Pairs of versions of « sans_coef » that say the contrary of each other (which one is
#: right is not said here).
_Q5_PAIRS: tuple[tuple[int, int], ...] = ((0, 3), (1, 2))
#: The notion drawn as the pair (lecturer's review d20, finding 1): it compares the copy's two
#: dosages, so that its key depends on the copy (« sans_coef », drawn up to d20, kept the same
#: key on every copy and stays in the bank, no longer drawn).
_Q5_PAIR_NOTION = "deux_dosages"
_Q5_PAIR_VERSIONS: tuple[int, int] = (0, 1)
_Q5_BANK: dict[str, tuple[str, ...]] = {
    "seuil60_2021": (
        "avec l'équation 2021, si ce DFGe durait plus de 3 mois, il serait classé en stade G3a",
        "avec l'équation 2021, ce DFGe est à 60 ou plus : même s'il se confirmait, sa dose "
        "maximale de metformine ne serait pas réduite",
    ),
    "bascule": (
        "le seul passage de l'équation 2009 avec coefficient à l'équation 2021 le fait passer "
        "sous 60",
        "avec l'équation 2009 avec coefficient comme avec l'équation 2021, il reste du même côté "
        "du seuil de 60",
    ),
    "seuil60_2009": (
        "avec l'équation 2009 et son coefficient, si ce DFGe se confirmait, sa dose maximale de "
        "metformine serait réduite",
        "avec l'équation 2009 et son coefficient, ce DFGe est à 60 ou plus",
        "avec l'équation 2009 et son coefficient, ce DFGe n'atteint pas 60",
        "avec l'équation 2009 et son coefficient, même si ce DFGe se confirmait, sa dose "
        "maximale de metformine ne serait pas réduite",
    ),
    "seuil30": (
        "avec l'équation 2021, même si ce DFGe se confirmait, la metformine ne lui serait pas "
        "contre-indiquée",
        "avec l'équation 2021, si ce DFGe se confirmait, la metformine lui serait contre-indiquée",
        "avec l'équation 2021, ce DFGe est au-dessus de 30, le seuil de contre-indication de la "
        "metformine",
        "avec l'équation 2021, ce DFGe n'atteint pas 30, le seuil de contre-indication de la "
        "metformine",
    ),
    "seuil20": (
        "s'il était un jour candidat à la greffe aux États-Unis, son DFGe 2021 ferait déjà "
        "compter son temps d'attente (seuil de 20)",
        "s'il était un jour candidat à la greffe aux États-Unis, son DFGe 2021 ne ferait pas "
        "encore compter son temps d'attente (seuil de 20)",
        "s'il était un jour candidat à la greffe aux États-Unis, son DFGe 2021 serait encore "
        "au-dessus du seuil de 20 qui fait compter le temps d'attente",
        "s'il était un jour candidat à la greffe aux États-Unis, son DFGe 2021 ne dépasserait "
        "pas le seuil de 20 qui fait compter le temps d'attente",
    ),
    "deux_dosages": (
        "avec l'équation 2021, son DFGe au premier dosage est plus haut qu'au dosage de contrôle",
        "avec l'équation 2021, son DFGe au premier dosage est plus bas qu'au dosage de contrôle",
    ),
    "sans_coef": (
        "sans son coefficient, l'équation 2009 lui donnerait un DFGe plus bas que l'équation 2021",
        "sans son coefficient, l'équation 2009 lui donnerait le même DFGe que l'équation 2021",
        "sans son coefficient, l'équation 2009 ne lui donnerait pas le même DFGe que l'équation "
        "2021",
        "sans son coefficient, l'équation 2009 ne lui donnerait pas un DFGe plus bas que "
        "l'équation 2021",
    ),
}

#: Question 5's named mistake of each notion (each names M. A. and the DFGe to place; none
#: says which statement is right).
_Q5_MESSAGES: dict[str, str] = {
    "seuil60_2021": "placez le DFGe 2021 de votre M. A. (question 1) par rapport à 60 et à 45 "
    "(section 1).",
    "bascule": "placez les deux DFGe de votre M. A. (questions 1 et 2) par rapport à 60 : "
    "sont-ils du même côté ?",
    "seuil60_2009": "placez le DFGe 2009 de votre M. A., avec son coefficient (question 2), par "
    "rapport à 60 (section 1).",
    "seuil30": "placez le DFGe 2021 de votre M. A. (question 1) par rapport au seuil de 30 "
    "(section 1).",
    "seuil20": "placez le DFGe 2021 de votre M. A. (question 1) par rapport au seuil de 20 : le "
    "temps d'attente compte à 20 ou moins (section 1).",
    "deux_dosages": "comparez les deux créatinines de votre M. A. : plus la créatinine est "
    "haute, plus le DFGe est bas (section 1) ; ou calculez son DFGe 2021 aux deux dosages.",
    "sans_coef": "calculez le DFGe 2009 sans coefficient de votre M. A. et comparez-le à celui "
    "de 2021 (question 1) : l'équation 2021 a réestimé ses autres coefficients.",
}


def _question_5_draw(seed: int) -> dict[str, tuple[str, int]]:
    """Letter -> (notion, version) of a copy's question 5, from the seed alone.

    Every copy gets the same notions: one of the two wordings on the change of equation,
    « seuil60_2009 », and a pair of contradictory statements of « deux_dosages » (two letters
    that follow each other). The draw takes the versions, the pair and the order, without
    reading the copy's DFGe or which text is right.
    """
    rng = np.random.default_rng([int(seed), 75])
    story_notion = _Q5_STORY_NOTIONS[int(rng.integers(2))]
    story = (story_notion, int(rng.integers(len(_Q5_BANK[story_notion]))))
    old = ("seuil60_2009", int(rng.integers(len(_Q5_BANK["seuil60_2009"]))))
    pair = [(_Q5_PAIR_NOTION, version) for version in _Q5_PAIR_VERSIONS]
    if rng.integers(2):
        pair.reverse()
    blocks = [[story], [old], pair]
    slots = [slot for index in rng.permutation(3).tolist() for slot in blocks[index]]
    return {"ABCD"[position]: slot for position, slot in enumerate(slots)}


def _question_5_pair(seed: int) -> tuple[str, str]:
    """Return the letters of a copy's two contradictory statements (one of them is right)."""
    first, second = (
        letter
        for letter, (notion, _) in _question_5_draw(seed).items()
        if notion == _Q5_PAIR_NOTION
    )
    return first, second


def _question_5_statements(seed: int) -> dict[str, str]:
    """Letter -> statement shown in a copy's question 5."""
    return {
        letter: _Q5_BANK[notion][version]
        for letter, (notion, version) in _question_5_draw(seed).items()
    }
