"""Module 06's evaluated session: each copy's statements of question 7 (private).

The notebook's draw cell calls ``_question_7_statements`` with the student's seed
(``checks.student_seed("06")``) and shows only the drawn statement of each subject; the
keys (``_question_7_keys``) are called by the solution and the hidden test only, so that
neither the student's kernel nor the notebook holds the other version's text or a key.
"""

from __future__ import annotations

import numpy as np

_THRESHOLD = (
    "L'équipe passe du seuil 0,3 au seuil 0,2 sans toucher au modèle : les TFN et les TFP des "
    "deux groupes changent, "
)
_AGE = (
    "Un service fixe un seuil d'appel plus bas pour les patients de plus de 75 ans, parce "
    "qu'une réhospitalisation y est plus grave. L'article 2 (3°) de la loi de 2008 "
)
_ORIGIN = (
    "Pour réduire l'écart de TFN, un hôpital fixe des seuils d'appel différents selon le pays "
    "de naissance des patients (un critère d'origine), et démontre que c'est le seul moyen de "
    "joindre autant de réhospitalisés dans chaque groupe. "
)

#: Each subject: (statement, key) of version 0, then of version 1 (opposite keys). The form
#: gives no key: a grammatical negation (« ne ») is in both versions of « seuils par âge »
#: and in no other statement (tests/modules/test_module_06.py).
_QUESTION_7: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "calibration et VPP": (
        (
            "Notre score est calibré dans chaque groupe ; au seuil 0,3, un appel signifie donc "
            "le même risque (la même VPP) dans les deux groupes.",
            "faux",
        ),
        (
            "Notre score est calibré dans chaque groupe ; au seuil 0,3, un appel peut pourtant "
            "signifier un risque différent (une VPP différente) dans les deux groupes.",
            "vrai",
        ),
    ),
    "seuil et fiabilité": (
        (_THRESHOLD + "tandis que le diagramme de fiabilité reste le même.", "vrai"),
        (_THRESHOLD + "et le diagramme de fiabilité aussi.", "faux"),
    ),
    "seuils par âge": (
        (
            _AGE + "ne s'y oppose pas si l'hôpital démontre un but légitime et des moyens "
            "nécessaires et appropriés.",
            "vrai",
        ),
        (
            _AGE + "ne laisse aucune place à ce seuil, même si l'hôpital démontre un but "
            "légitime et des moyens nécessaires et appropriés.",
            "faux",
        ),
    ),
    "seuils par pays de naissance": (
        (_ORIGIN + "Cette démonstration suffit au regard de l'article 2 (3°).", "faux"),
        (_ORIGIN + "Cette démonstration reste insuffisante au regard de l'article 2 (3°).", "vrai"),
    ),
}

#: The message for a wrong answer to each subject (the same misunderstanding in both
#: versions). The calibration message rests on the logic only: on some checked cohorts group
#: A's VPP equals or exceeds group B's at 0,3 (cohort 3043: both 0,496), so it states no
#: direction of the gap.
_QUESTION_7_FEEDBACK = {
    "calibration et VPP": (
        "la calibration compare, score par score, le risque annoncé à la part réhospitalisée ; "
        "elle ne fixe pas la part réhospitalisée parmi les appelés (la VPP). Celle-ci dépend "
        "aussi de la façon dont les scores des appelés se répartissent au-dessus de 0,3 dans "
        "chaque groupe : des VPP égales seraient une coïncidence, pas une conséquence de la "
        "calibration. Calibration et parité prédictive sont deux critères distincts."
    ),
    "seuil et fiabilité": (
        "le diagramme de fiabilité compare le risque annoncé par le score à la part réellement "
        "réhospitalisée : il ne dépend d'aucun seuil, et le modèle n'a pas changé. Les TFN et "
        "TFP comptent les erreurs des décisions (appeler ou non), qui changent avec le seuil."
    ),
    "seuils par âge": (
        "l'âge est un motif de l'article 1er, mais l'article 2, 3° de la loi de 2008 ne retire "
        "l'exception du but légitime qu'aux différences fondées sur l'origine, le patronyme, "
        "l'ethnie ou la race. Pour l'âge, comme pour le lieu de résidence, l'interdiction ne "
        "vise pas une différence justifiée par un but légitime avec des moyens nécessaires et "
        "appropriés (ce qui ne la rend pas licite pour autant : d'autres règles demeurent)."
    ),
    "seuils par pays de naissance": (
        "le pays de naissance est ici un critère d'origine (l'affirmation le dit) : une règle "
        "fondée sur lui est une différence fondée sur l'origine, et l'exception du but "
        "légitime (article 2, 3° de la loi de 2008) ne s'applique pas aux différences fondées "
        "sur l'origine : aucune démonstration de nécessité ne suffit."
    ),
}


def _question_7_versions(seed: int) -> list[int]:
    """Return the version (0 or 1) of each subject for a copy (stream ``[seed, 7]``), in order."""
    draw = np.random.default_rng([int(seed), 7]).integers(2, size=len(_QUESTION_7))
    return [int(version) for version in draw]


def _question_7_statements(seed: int) -> dict[str, str]:
    """Return the copy's statement of each subject (the drawn version's text only)."""
    versions = _question_7_versions(seed)
    return {
        subject: pair[version][0]
        for (subject, pair), version in zip(_QUESTION_7.items(), versions, strict=True)
    }


def _question_7_keys(seed: int) -> dict[str, str]:
    """Return the key (« vrai » or « faux ») of the copy's statement of each subject."""
    versions = _question_7_versions(seed)
    return {
        subject: pair[version][1]
        for (subject, pair), version in zip(_QUESTION_7.items(), versions, strict=True)
    }
