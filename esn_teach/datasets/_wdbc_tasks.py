"""Module 09's evaluated session: each copy's statements of question 5 (private).

The notebook's draw cell calls :func:`_question_5_statements` with the student's seed
(``checks.student_seed("09")``) and shows only the four statements drawn for the copy and
its month. This module draws indices (:func:`_question_5_draw`, from the seed alone) and
gives texts only: which statements are true and the keys are in the notebook's source (the
hidden test, the solution and the ``mistake=`` cells), which the release strips (review 07,
finding 1); the tools' keys are read there from esn_teach.law's dates.
"""

from __future__ import annotations

import numpy as np

#: Per notion, the reserve of four statements a copy draws one from (none is the formative
#: session's; which are true is not said here).
_INFORMATION = (
    "une sage-femme qui décide d'utiliser, pour un acte de prévention, un dispositif visé par "
    "l'article L. 4001-3 doit s'assurer que la personne en a été informée",
    "l'article L. 4001-3 laisse au concepteur de l'outil, et à lui seul, le soin d'informer la "
    "patiente",
    "l'obligation d'informer de l'article L. 4001-3 vaut pour un acte de diagnostic, mais pas "
    "pour un acte de soin",
    "l'article L. 4001-3 demande aussi aux concepteurs de s'assurer que le fonctionnement du "
    "traitement est explicable pour ses utilisateurs",
)
_WHEN = (
    "l'article 14 oblige le soignant à suivre l'outil tant qu'il n'a pas prouvé son erreur",
    "l'article 14 demande que la personne qui contrôle l'outil puisse, dans une situation "
    "donnée, décider de ne pas l'utiliser",
    "l'article 14 demande un outil conçu pour que la personne qui le contrôle puisse rester "
    "consciente du biais d'automatisation",
    "l'article 14 fixe le score de confiance au-dessous duquel le soignant doit passer outre",
)
#: The months a copy's tools are placed on the market.
_MONTHS = ("janvier 2028", "mars 2028", "mai 2028")
_ANNEX_III = "une IA de tri des urgences qui n'est pas un dispositif médical (annexe III)"
_DEVICES = (
    "une IA d'aide à la lecture des mammographies, dispositif médical évalué par un organisme "
    "notifié,",
    "une IA qui analyse les électrocardiogrammes, dispositif médical évalué par un organisme "
    "notifié,",
)


def _question_5_draw(seed: int) -> tuple[int, int, int, int, int]:
    """(information, when, month, device, order) drawn for a copy, in this order."""
    rng = np.random.default_rng([int(seed), 5])
    information, when = (int(b) for b in rng.integers(4, size=2))
    month, device, order = int(rng.integers(3)), int(rng.integers(2)), int(rng.integers(2))
    return information, when, month, device, order


def _tools(device: int, order: int) -> list[str]:
    """Return the texts of tools A and B, in this order (Annex III's and a medical device)."""
    tools = [_ANNEX_III, _DEVICES[device]]
    return tools[::-1] if order else tools


def _question_5_statements(seed: int) -> tuple[dict[str, str], str]:
    """Return the copy's four statements (item -> text, in French) and its month."""
    information, when, month, device, order = _question_5_draw(seed)
    statements = {"information": _INFORMATION[information], "quand": _WHEN[when]}
    for letter, text in zip("AB", _tools(device, order), strict=True):
        statements[f"outil {letter}"] = (
            f"d'après les textes en vigueur au 06/12/2026, {text} doit respecter l'article 14 "
            f"au moment de sa mise sur le marché, en {_MONTHS[month]}"
        )
    return statements, _MONTHS[month]
