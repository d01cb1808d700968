"""Refuse plain nbgrader's autograde of an evaluated copy.

An evaluated copy draws its own cases from the student's identifier, which
``esn-teach autograde`` gives the grading kernel (``ESN_TEACH_STUDENT``). Plain
``nbgrader autograde``, and the formgrader's *Autograde* button, start the kernel
without it: the copy then draws the cases of the grader's account, and a right
answer is marked wrong with no error anywhere (module 07's lecturer, review d23).
:class:`RefusePlainAutograde`, placed first among nbgrader's autograde
preprocessors by :func:`esn_teach.grading.configure_feedback` (the line every
course's ``nbgrader_config.py`` holds), stops such a copy before it is executed:
nbgrader saves no grade for it, names it among the failures and exits non-zero.
``esn-teach autograde`` sets its own preprocessors and never meets it.
"""

from __future__ import annotations

from typing import Any

from nbformat import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor

from esn_teach.course._evaluation import submission_session

__all__ = ["PLAIN_AUTOGRADE_REFUSED", "RefusePlainAutograde"]

#: Why plain nbgrader does not grade an evaluated copy (in nbgrader's log and the formgrader).
PLAIN_AUTOGRADE_REFUSED = (
    "Copie de séance évaluée : corrigez-la avec « esn-teach autograde MODULE ». nbgrader "
    "seul (commande « nbgrader autograde » ou bouton Autograde du formgrader) ne donne pas "
    "au programme qui exécute la copie l'identifiant de l'étudiant : la copie tirerait les "
    "cas d'un autre compte et une bonne réponse serait comptée fausse. Aucune note n'a été "
    "enregistrée pour cette copie."
)


class RefusePlainAutograde(NbGraderPreprocessor):
    """Stop plain nbgrader's autograde on an evaluated copy, before any cell runs."""

    def preprocess(
        self, nb: NotebookNode, resources: dict[str, Any]
    ) -> tuple[NotebookNode, dict[str, Any]]:
        """Raise on an evaluated copy; pass any other notebook through unchanged.

        Raises
        ------
        RuntimeError
            If ``nb`` is a copy of an evaluated session.
        """
        if submission_session(nb) == "evaluation":
            raise RuntimeError(PLAIN_AUTOGRADE_REFUSED)
        return nb, resources
