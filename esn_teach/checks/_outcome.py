"""Outcomes of a check: correct, not attempted, incorrect."""

from __future__ import annotations

import enum

__all__ = ["CheckFailed", "IncorrectAnswer", "NotAttempted", "Outcome"]


class Outcome(enum.Enum):
    """The three outcomes of a check (as in Kaggle's learntools)."""

    CORRECT = "correct"
    NOT_ATTEMPTED = "not_attempted"
    INCORRECT = "incorrect"
    #: Well-formed, graded after submission (a release for an evaluated session).
    RECORDED = "recorded"


def _display_nothing(self: Outcome) -> None:
    """Show nothing in a notebook: the check has already printed its French message."""


# A check is usually the last line of a test cell; without this, IPython would add
# "<Outcome.CORRECT: 'correct'>" under the French message. (Enum forbids defining
# _sunder_ names in the class body, hence the assignment.)
Outcome._ipython_display_ = _display_nothing  # type: ignore[attr-defined]


#: French headline shown before the message, one per failing outcome.
_HEADLINES = {
    Outcome.NOT_ATTEMPTED: "Question non traitée",
    Outcome.INCORRECT: "Réponse à revoir",
}


class CheckFailed(AssertionError):
    """Base class of the failures raised by the checks.

    It derives from :class:`AssertionError` so that nbgrader, pytest and any
    test runner count it as a failed test. In IPython it renders as a short
    French message rather than a traceback (``_render_traceback_``), so that a
    student who is not a programmer reads the explanation and nothing else.

    Parameters
    ----------
    message : str
        The pedagogical message, in French.
    question : str, optional
        The name of the answer being checked, shown in the headline.
    form : bool, default=False
        The answer is not of the expected form (not a number, not one of the
        options): a slip of notation, which the learner's progress does not
        count as an attempt.
    """

    outcome: Outcome = Outcome.INCORRECT

    def __init__(self, message: str, *, question: str | None = None, form: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.question = question
        self.form = form

    @property
    def headline(self) -> str:
        """French headline naming the outcome and the question."""
        head = _HEADLINES[self.outcome]
        return f"{head} ({self.question})" if self.question else head

    def __str__(self) -> str:
        return f"{self.headline} : {self.message}"

    def _render_traceback_(self) -> list[str]:
        """Return the lines IPython shows instead of a traceback."""
        return [f"\u2718 {self}"]


class NotAttempted(CheckFailed):
    """The student left the placeholder (``...``) or did not define the answer."""

    outcome = Outcome.NOT_ATTEMPTED


class IncorrectAnswer(CheckFailed):
    """The answer is wrong; the message names the likely mistake when known."""

    outcome = Outcome.INCORRECT
