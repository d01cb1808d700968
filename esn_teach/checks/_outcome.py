"""Outcomes of a check: correct, not attempted, incorrect."""

from __future__ import annotations

import enum

__all__ = ["CheckFailed", "IncorrectAnswer", "NotAttempted", "Outcome", "PartialCredit"]


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


#: Questions whose last check gave partial credit (some items right, some wrong), in
#: this kernel: the learner's progress records them « à revoir », not « juste ».
partially_right: set[str] = set()

#: Questions whose last verification cell said it could not judge (:func:`not_judged`):
#: the learner's progress keeps them « à faire ».
unjudged: set[str] = set()


def _fr_points(value: float) -> str:
    text = f"{round(value, 2):g}".replace(".", ",")
    return f"{text} point" + ("s" if value >= 2 else "")


class PartialCredit:
    """Some items of a question right, some wrong: the points they earn.

    Returned by a check with ``points=`` as the last value of a test cell. nbgrader
    reads a test cell's result as its partial score when it is a number: the plain
    text of this object is that number (``"1.5"``), its Markdown the French sentence
    the learner reads. The grader re-computes it on pristine libraries
    (``esn_teach.grading``) and keeps only that value.

    Parameters
    ----------
    points : float
        The points earned (``maximum * right / total``, two decimals).
    maximum : float
        The points of the question.
    right, total : int
        The items answered right, and all the items.
    wrong : int, default=0
        The items answered wrong.
    penalty : float, default=0.0
        What each wrong item takes back, in right items (correction for guessing).
    blank : int, default=0
        The items left ``...`` or not written as one of the options (no points).
    detail : str, optional
        What earned the share, said instead of the items' counts (a number too
        rounded: « bon raisonnement, résultat trop arrondi »).
    """

    def __init__(
        self,
        points: float,
        maximum: float,
        right: int,
        total: int,
        wrong: int = 0,
        penalty: float = 0.0,
        *,
        blank: int = 0,
        detail: str | None = None,
    ) -> None:
        self.points = points
        self.maximum = maximum
        self.right = right
        self.total = total
        self.wrong = wrong
        self.penalty = penalty
        self.blank = blank
        self.detail = detail

    def __float__(self) -> float:
        return float(self.points)

    def __repr__(self) -> str:
        return f"{self.points:g}"

    def _repr_markdown_(self) -> str:
        if self.detail:
            return (
                f"**Note partielle : {_fr_points(self.points)} sur "
                f"{_fr_points(self.maximum)}** ({self.detail})."
            )
        counts = [f"{self.right} juste{'s' if self.right > 1 else ''}"]
        if self.wrong:
            counts.append(f"{self.wrong} fausse{'s' if self.wrong > 1 else ''}")
        if self.blank:
            counts.append(f"{self.blank} sans réponse valable")
        listed = ", ".join(counts[:-1]) + " et " + counts[-1] if len(counts) > 1 else counts[0]
        text = (
            f"**Note partielle : {_fr_points(self.points)} sur {_fr_points(self.maximum)}** "
            f"({listed} sur {self.total} réponses"
        )
        if self.wrong and self.penalty:
            taken = (
                "une réponse juste"
                if self.penalty == 1
                else (f"{round(self.penalty, 2):g}".replace(".", ",") + " réponse juste")
            )
            text += (
                f" ; chaque réponse fausse retire {taken}, pour que répondre au hasard rapporte peu"
            )
        return text + ")."
