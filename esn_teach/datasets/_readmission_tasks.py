"""Module 06's evaluated session: each copy's statements of question 7 (private).

The notebook's draw cell calls ``_question_7_statements`` with the student's seed
(``checks.student_seed("06")``) and shows only the drawn statement of each subject, so that
neither the student's kernel nor the notebook holds the other version's text. This module
draws versions and gives texts only: which version is true, the keys and the messages of
the wrong answers are in the notebook's source (the hidden test, the solution and the
``mistake=`` cells), which the release strips (review 07, finding 1). The versions are drawn
from the seed alone, independently of the truth: the number of true statements varies from
copy to copy (0 to 4), as the statement says.
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

#: Each subject: the text of version 0, then of version 1 (one of them is true, the other
#: false; which one is not said here). A grammatical negation (« ne ») is in both versions
#: of « seuils par âge » and in no other statement (tests/modules/test_module_06.py).
_QUESTION_7: dict[str, tuple[str, str]] = {
    "calibration et VPP": (
        "Notre score est calibré dans chaque groupe ; au seuil 0,3, un appel signifie donc "
        "le même risque (la même VPP) dans les deux groupes.",
        "Notre score est calibré dans chaque groupe ; au seuil 0,3, un appel peut pourtant "
        "signifier un risque différent (une VPP différente) dans les deux groupes.",
    ),
    "seuil et fiabilité": (
        _THRESHOLD + "tandis que le diagramme de fiabilité reste le même.",
        _THRESHOLD + "et le diagramme de fiabilité aussi.",
    ),
    "seuils par âge": (
        _AGE + "ne s'y oppose pas si l'hôpital démontre un but légitime et des moyens "
        "nécessaires et appropriés.",
        _AGE + "ne laisse aucune place à ce seuil, même si l'hôpital démontre un but "
        "légitime et des moyens nécessaires et appropriés.",
    ),
    "seuils par pays de naissance": (
        _ORIGIN + "Cette démonstration suffit au regard de l'article 2 (3°).",
        _ORIGIN + "Cette démonstration reste insuffisante au regard de l'article 2 (3°).",
    ),
}


def _question_7_versions(seed: int) -> list[int]:
    """Return the version (0 or 1) of each subject for a copy (stream ``[seed, 7]``), in order.

    Each version is drawn from the seed alone (never from which version is true).
    """
    draw = np.random.default_rng([int(seed), 7]).integers(2, size=len(_QUESTION_7))
    return [int(version) for version in draw]


def _question_7_statements(seed: int) -> dict[str, str]:
    """Return the copy's statement of each subject (the drawn version's text only)."""
    versions = _question_7_versions(seed)
    return {
        subject: pair[version]
        for (subject, pair), version in zip(_QUESTION_7.items(), versions, strict=True)
    }
