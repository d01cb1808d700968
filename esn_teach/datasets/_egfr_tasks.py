"""Module 07's evaluated session: each copy's M. A., tasks and statements (private).

The notebook's draw cells and its hidden tests both call these functions with the
student's seed (``checks.student_seed("07")``): the draw cells show only what the
statement needs (M. A.'s age and creatinines, which dosage and which share the copy
asks, the statements of questions 4 and 5 under their letters); the keys
(``_question_4_keys``, ``_question_5_keys``, ``_question_8_keys``) are called by the
hidden tests only, so that the student's kernel never holds them.
"""

from __future__ import annotations

import numpy as np

from ._egfr import egfr_ckd_epi_2009, egfr_ckd_epi_2021, make_egfr_cohort

#: µmol/L in one mg/dL of creatinine.
_UMOL_PER_MG = 88.4
#: The creatinines a copy's M. A. may have, in µmol/L.
_GRID = np.arange(70, 200)
#: The two stories of M. A. (each copy gets one, with the same probability): 0, the change
#: of equation takes him below 60 (2009 with its coefficient at 61 or more, 2021 from 46 to
#: less than 59); 1, he stays at 60 or more with both equations (2021 from 61 to less than 68).
_STORIES = ("passe sous 60", "reste à 60 ou plus")


def _admissible(age: int, story: int) -> np.ndarray:
    """Return the creatinines (µmol/L) that keep ``story`` for a Black man of ``age``.

    Both stories keep every statement of questions 5 and 8 one unit or more away from its
    thresholds, the 2009 equation without its coefficient at least 2 below 2021, and the
    named mistake « creatinine converted and rounded to 0.1 mg/dL » more than two tenths
    from question 1's key (converted exactly or rounded to 0.01).
    """
    mg = _GRID / _UMOL_PER_MG
    with_race = egfr_ckd_epi_2009(mg, age, False, True)
    without = egfr_ckd_epi_2009(mg, age, False, False)
    new = egfr_ckd_epi_2021(mg, age, False)
    crosses = (with_race >= 61) & (new >= 46) & (new < 59)
    keep = crosses if story == 0 else (new >= 61) & (new < 68)
    keep &= np.abs(without * 2.10 / 1.73 - 60) >= 1
    keep &= (without * 1.50 / 1.73 >= 46) & (without * 1.50 / 1.73 < 59)
    keep &= without <= new - 2
    tenth = np.round(egfr_ckd_epi_2021(np.round(mg, 1), age, False), 1)
    hundredth = np.round(egfr_ckd_epi_2021(np.round(mg, 2), age, False), 1)
    keep &= (np.abs(tenth - np.round(new, 1)) > 0.25) & (np.abs(tenth - hundredth) > 0.25)
    return _GRID[keep]


def _story(seed: int) -> int:
    """Which story (0 or 1, see ``_STORIES``) a copy's M. A. has."""
    return int(np.random.default_rng([int(seed), 70]).integers(2))


def _cases(seed: int) -> tuple[int, int, int]:
    """Return a copy's M. A.: age (40 to 75), first and control creatinines (µmol/L).

    Both dosages, a month apart, keep the copy's story and differ by 2 µmol/L or more (so
    that their DFGe differ by about one unit or more at 0.1).
    """
    rng = np.random.default_rng(int(seed))
    story = _story(seed)
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


# Question 4: one notion per slot, each with a right ("oui") and a wrong ("non") statement.
_Q4_BANK: dict[str, dict[str, str]] = {
    "hasard": {
        "oui": "il tient compte du hasard qui a mis ces patients-là dans la cohorte, plutôt "
        "que d'autres fabriqués de la même façon",
        "non": "il ne tient aucun compte du hasard qui a mis ces patients-là dans la cohorte, "
        "plutôt que d'autres fabriqués de la même façon",
    },
    "taille": {
        "oui": "avec quatre fois moins de patients noirs et la même part, il serait plus large",
        "non": "avec quatre fois plus de patients noirs et la même part, il serait plus large",
    },
    "biais": {
        "oui": "si les règles de la fiche avaient donné des créatinines trop hautes à tous les "
        "patients, il ne l'aurait pas signalé",
        "non": "si les règles de la fiche avaient donné des créatinines trop hautes à tous les "
        "patients, il l'aurait signalé",
    },
    "hopital": {
        "oui": "il ne dit pas quelle part l'on trouverait dans un hôpital français",
        "non": "il donne, à quelques points près, la part que l'on trouverait dans un hôpital "
        "français",
    },
}


def _question_4_draw(seed: int) -> dict[str, tuple[str, str]]:
    """Letter -> (notion, key) of a copy's question 4: two right, two wrong, shuffled."""
    rng = np.random.default_rng([int(seed), 74])
    notions = list(_Q4_BANK)
    right = set(rng.choice(len(notions), 2, replace=False).tolist())
    order = rng.permutation(len(notions))
    return {
        "ABCD"[position]: (notions[index], "oui" if index in right else "non")
        for position, index in enumerate(order.tolist())
    }


def _question_4_statements(seed: int) -> dict[str, str]:
    """Letter -> statement shown in a copy's question 4 (no key)."""
    return {
        letter: _Q4_BANK[notion][key] for letter, (notion, key) in _question_4_draw(seed).items()
    }


def _question_4_keys(seed: int) -> dict[str, str]:
    """Letter -> key of a copy's question 4 (hidden tests only)."""
    return {letter: key for letter, (_, key) in _question_4_draw(seed).items()}


# Question 5: one notion per slot, each with two statements of opposite truth. For the
# notions « seuil60_2021 » and « bascule », which statement is right depends on the copy's
# story (computed from its DFGe): version 0 is right when M. A. crosses 60.
_Q5_BANK: dict[str, tuple[str, str]] = {
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
    # For the four others, version 0 is wrong and version 1 right, for every copy.
    "seuil60_2009": (
        "avec l'équation 2009 et son coefficient, si ce DFGe se confirmait, sa dose maximale de "
        "metformine serait réduite",
        "avec l'équation 2009 et son coefficient, ce DFGe est à 60 ou plus : il ne serait pas "
        "classé en stade G3a",
    ),
    "seuil30": (
        "avec l'équation 2021, si ce DFGe se confirmait, la metformine lui serait contre-indiquée",
        "avec l'équation 2021, même si ce DFGe se confirmait, la metformine ne lui serait pas "
        "contre-indiquée",
    ),
    "seuil20": (
        "s'il était un jour candidat à la greffe aux États-Unis, son DFGe 2021 ferait déjà "
        "compter son temps d'attente (seuil de 20)",
        "s'il était un jour candidat à la greffe aux États-Unis, son DFGe 2021 ne ferait pas "
        "encore compter son temps d'attente (seuil de 20)",
    ),
    "sans_coef": (
        "sans son coefficient, l'équation 2009 lui donnerait le même DFGe que l'équation 2021",
        "sans son coefficient, l'équation 2009 lui donnerait un DFGe plus bas que l'équation 2021",
    ),
}

#: Question 5's named mistake of each notion (each names M. A. and the DFGe to place).
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
    "sans_coef": "calculez le DFGe 2009 sans coefficient de votre M. A. et comparez-le à celui "
    "de 2021 (question 1) : l'équation 2021 a réestimé ses autres coefficients.",
}


def _question_5_truths(seed: int) -> dict[str, tuple[bool, bool]]:
    """Notion -> (is version 0 right, is version 1 right), from the copy's own DFGe."""
    age, creatinine, _ = _copy_creatinines(seed)
    mg = creatinine / _UMOL_PER_MG
    d21 = float(egfr_ckd_epi_2021(mg, age, False))
    d09 = float(egfr_ckd_epi_2009(mg, age, False, True))
    bare = float(egfr_ckd_epi_2009(mg, age, False, False))
    return {
        "seuil60_2021": (45 <= d21 < 60, d21 >= 60),
        "bascule": (d09 >= 60 > d21, (d09 >= 60) == (d21 >= 60)),
        "seuil60_2009": (d09 < 60, d09 >= 60),
        "seuil30": (d21 < 30, d21 >= 30),
        "seuil20": (d21 <= 20, d21 > 20),
        "sans_coef": (round(bare, 1) == round(d21, 1), bare < d21),
    }


def _question_5_draw(seed: int) -> dict[str, tuple[str, int, str]]:
    """Letter -> (notion, version, key) of a copy's question 5.

    One of the two notions that depend on the copy's story, three of the four others;
    versions drawn so that two statements are right and two wrong; order shuffled.
    """
    rng = np.random.default_rng([int(seed), 75])
    truths = _question_5_truths(seed)
    story_notion = ("seuil60_2021", "bascule")[int(rng.integers(2))]
    story_version = int(rng.integers(2))
    others = ["seuil60_2009", "seuil30", "seuil20", "sans_coef"]
    chosen = [others[i] for i in sorted(rng.choice(4, 3, replace=False).tolist())]
    right_needed = 2 - int(truths[story_notion][story_version])
    right = set(rng.choice(3, right_needed, replace=False).tolist())
    slots = [(story_notion, story_version)]
    for index, notion in enumerate(chosen):
        wanted = index in right
        slots.append((notion, next(v for v in (0, 1) if truths[notion][v] == wanted)))
    order = rng.permutation(4)
    return {
        "ABCD"[position]: (
            slots[index][0],
            slots[index][1],
            "oui" if truths[slots[index][0]][slots[index][1]] else "non",
        )
        for position, index in enumerate(order.tolist())
    }


def _question_5_statements(seed: int) -> dict[str, str]:
    """Letter -> statement shown in a copy's question 5 (no key)."""
    return {
        letter: _Q5_BANK[notion][version]
        for letter, (notion, version, _) in _question_5_draw(seed).items()
    }


def _question_5_keys(seed: int) -> dict[str, tuple[str, str]]:
    """Letter -> (key, named mistake's message) of a copy's question 5 (hidden tests only)."""
    return {
        letter: (key, _Q5_MESSAGES[notion])
        for letter, (notion, _, key) in _question_5_draw(seed).items()
    }


def _question_8_keys(seed: int) -> dict[str, str]:
    """Slot -> key of a copy's question 8, from its own DFGe (hidden tests only).

    « stade »: one dosage never makes a stage; « surface_210 », « surface_150 »: the
    2009 equation without its coefficient, deindexed with 2.10 or 1.50 m², under 60;
    « surface_173 »: 2021 under 60.
    """
    age, creatinine, _ = _copy_creatinines(seed)
    mg = creatinine / _UMOL_PER_MG
    bare = float(egfr_ckd_epi_2009(mg, age, False, False))
    d21 = float(egfr_ckd_epi_2021(mg, age, False))
    yes = {True: "oui", False: "non"}
    return {
        "stade": "non",
        "surface_210": yes[bare * 2.10 / 1.73 < 60],
        "surface_150": yes[bare * 1.50 / 1.73 < 60],
        "surface_173": yes[d21 < 60],
    }
