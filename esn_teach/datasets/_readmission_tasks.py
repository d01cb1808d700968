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
    "deux groupes changent, et le diagramme de fiabilité "
)
_AGE = (
    "Un service fixe un seuil d'appel plus bas pour les patients de plus de 75 ans, parce "
    "qu'une réhospitalisation y est plus grave. "
)
_ORIGIN = (
    "Pour réduire l'écart de TFN, un hôpital fixe des seuils d'appel différents selon le pays "
    "de naissance des patients (un critère d'origine). "
)
#: The two conclusions of both legal subjects: the same two sentences, with opposite keys
#: on the two subjects, so that their register (affirmative or negated) gives no key.
#: Lecturer d22, finding 7: « peut justifier » read as « is justified », which only a judge
#: decides; the statements now say whether the hospital may *invoke* the exception, and both
#: say that a judge would decide case by case whether the justification holds.
_MAY = (
    "Au regard de l'article 2 (3°) de la loi de 2008 (un juge dirait, au cas par cas, si la "
    "justification tient), l'hôpital peut invoquer pour cette règle l'exception du but "
    "légitime, poursuivi avec des moyens nécessaires et appropriés."
)
_MAY_NOT = (
    "Au regard de l'article 2 (3°) de la loi de 2008 (un juge dirait, au cas par cas, si la "
    "justification tient), l'hôpital ne peut pas invoquer pour cette règle l'exception du but "
    "légitime, poursuivi avec des moyens nécessaires et appropriés."
)

#: Each subject: the text of version 0, then of version 1 (one of them is true, the other
#: false; which one is not said here). The two versions of a subject differ by a few words
#: of the same register and length (review d18: the true version was the longer, more
#: hedged one); both legal subjects end with the same two sentences (``_MAY``,
#: ``_MAY_NOT``). A negation is in both versions of « calibration et VPP », in neither of
#: « seuil et fiabilité », and in one version of each legal subject
#: (tests/modules/test_module_06.py).
_QUESTION_7: dict[str, tuple[str, str]] = {
    "calibration et VPP": (
        "Notre score est calibré dans chaque groupe ; au seuil 0,3, les VPP des deux groupes "
        "ne peuvent pas différer.",
        "Notre score est calibré dans chaque groupe ; au seuil 0,3, les VPP des deux groupes "
        "ne sont pas forcément égales.",
    ),
    "seuil et fiabilité": (
        _THRESHOLD + "reste identique.",
        _THRESHOLD + "change lui aussi.",
    ),
    "seuils par âge": (_AGE + _MAY, _AGE + _MAY_NOT),
    "seuils par pays de naissance": (_ORIGIN + _MAY, _ORIGIN + _MAY_NOT),
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
