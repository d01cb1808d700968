"""Checks used in nbgrader test cells, with French pedagogical messages.

The checks never contain an answer. A test cell gives either the expected
value (hidden tests, removed from the student version by nbgrader) or a
salted digest of it (visible self-checks), plus the values that common
mistakes would produce, each with the message that names the mistake.
"""

from __future__ import annotations

import ast
import contextlib
import copy
import hashlib
import inspect
import math
import numbers
import os
import random
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from esn_teach.checks._outcome import (
    CheckFailed,
    IncorrectAnswer,
    NotAttempted,
    Outcome,
    PartialCredit,
    partially_right,
    unjudged,
)
from esn_teach.checks._progress import note_answer
from esn_teach.checks._stale import unassigned_after_error

__all__ = [
    "RECORDED_LINE",
    "Mistake",
    "answer_digest",
    "check_choice",
    "check_choices",
    "check_form",
    "check_number",
    "chosen_option",
    "expect",
    "is_placeholder",
    "matches_digest",
    "partial_credit",
    "passed",
    "require_attempted",
    "require_number",
]

#: How an evaluated check's verdict line opens: the answer is recorded, not judged. The
#: feedback page leaves these lines out (module 07's lecturer, d21: « vous saurez si elle
#: est juste » stood under the verdict it announced).
RECORDED_LINE = "\u2192 Réponse enregistrée"

# The questions whose last verification by a judging check, in this kernel, found the
# answer correct (see :func:`passed`). Memory only: a new kernel starts empty.
_passed: set[str] = set()


@dataclass(frozen=True)
class Mistake:
    """A value that a known mistake produces, and the message that names it.

    In a visible self-check, the code that computes a mistake's value can give
    the answer away (``1 - sensitivity(...)`` shows how to compute the
    sensitivity). Give the mistake's :func:`answer_digest` instead, with
    ``value=None``: ``Mistake(None, "message", digest="…")``, digest made with
    the question's name and precision.

    Parameters
    ----------
    value : float or str or None
        What the student would obtain by making this mistake (``None`` with ``digest``).
    message : str
        The French message naming the misconception, e.g.
        ``"vous avez calculé la spécificité (vrais négatifs / malades) ..."``.
    digest : str, optional
        :func:`answer_digest` of the mistake's value, salted with the question's name.
    rel_tol : float, optional
        Also recognise an answer within this relative distance of ``value``, for a
        mistake made with rounded inputs (``0.465 / 0.109`` for an exact ratio of
        4,255): it then misses the value at the question's precision.
    """

    value: Any
    message: str
    digest: str | None = None
    rel_tol: float | None = None

    def __post_init__(self) -> None:
        if (self.value is None) == (self.digest is None):
            raise TypeError("Mistake needs exactly one of a value or digest=")
        if self.rel_tol is not None and not isinstance(self.value, numbers.Real):
            raise TypeError("Mistake(rel_tol=) needs a numeric value")


def _fr(number: float, decimals: int | None = None) -> str:
    """Write ``number`` as a French reader does: ``0,5`` (``decimals`` fixed, else shortest).

    A whole number is written without decimals and with a thin space between
    thousands (``40``, ``1 299``): « 40,000 » reads as forty thousand in French.
    """
    if math.isfinite(number) and number == int(number) and abs(number) < 1e15:
        return f"{int(number):,}".replace(",", "\u202f")
    text = f"{number:g}" if decimals is None else f"{number:.{decimals}f}"
    return text.replace(".", ",")


def not_judged(message: str, *, name: str) -> None:
    """Say that this verification cannot judge the answer yet, and keep it « à faire ».

    For a check that judges only under a condition (« at the right threshold of
    question 2 »): when the condition fails, the cell prints ``message`` and
    passes, without a verdict. The learner's progress must not read that pass as
    « juste »: the question stays « à faire » until a verification judges it.

    Parameters
    ----------
    message : str
        The French explanation printed (what to do first).
    name : str
        The question's answer name.
    """
    _passed.discard(name)
    unjudged.add(name)
    print(f"\u2139 Non jugée ({name}) : {message}")


def passed(name: str) -> bool:
    """Tell whether, in this kernel, question ``name`` was last verified correct.

    A notebook shows some results only once a question is answered right, without
    writing the answer or its digest in the cell: ``if checks.passed("sensibilite"):``.
    True when the last verification of ``name`` by a check that judges the answer
    (:func:`check_number`, :func:`check_choice`, :func:`check_choices`, which say
    « Correct ») found it correct. Each of these clears it when it starts, and it
    stays cleared when the answer is wrong or not attempted; a failing
    :func:`expect` or :func:`require_number` for ``name`` clears it too. The
    form-only check of an evaluated session (:func:`check_form`) never sets nor
    clears it: during such a session nothing judges, so it stays False. It stays
    False in the graded copy too (the hidden checks run apart from the copy's
    kernel, on pristine libraries), so a cell it gates must not promise its result
    in the feedback (``tests/modules/test_modules.py`` checks the modules' texts).

    Nothing is written to a file: the state lives in this kernel's memory and a
    restarted kernel starts with no question passed.

    Parameters
    ----------
    name : str
        The question's answer name, as given to the checks (``name=``).

    Returns
    -------
    bool
        True if the last judging check of ``name`` in this kernel said « Correct ».

    Examples
    --------
    >>> from esn_teach import checks
    >>> checks.passed("exemple_de_doc")
    False
    >>> _ = checks.check_number(0.5, name="exemple_de_doc", expected=0.5)
    ✔ Correct (exemple_de_doc).
    >>> checks.passed("exemple_de_doc")
    True
    """
    return name in _passed


def is_placeholder(value: object) -> bool:
    """Tell whether ``value`` is the untouched placeholder of a student cell.

    The student version of an answer cell assigns ``...`` (Python's
    ``Ellipsis``) to the answer's name; a student who has not answered still
    has it.

    Parameters
    ----------
    value : object
        The value bound to the answer's name.

    Returns
    -------
    bool
        True for ``...`` or the string ``"..."``.
    """
    return value is Ellipsis or (isinstance(value, str) and value.strip() in {"...", "…"})


def require_attempted(value: object, *, name: str) -> None:
    """Raise :class:`NotAttempted` if ``value`` is still the placeholder.

    Parameters
    ----------
    value : object
        The student's answer.
    name : str
        The variable name the student must assign, shown in the message.

    Raises
    ------
    IncorrectAnswer
        If the cell of the question stopped on an error before assigning ``name``
        (the value is then the previous answer): a form error, not a try.
    NotAttempted
        If the placeholder ``...`` is still there.
    """
    __tracebackhide__ = True
    if unassigned_after_error(name) and not is_placeholder(value):  # « ... »: said below
        raise IncorrectAnswer(
            f"la cellule de la question (celle qui définit « {name} ») s'est arrêtée sur une "
            f"erreur avant de donner sa valeur à « {name} », qui garde donc la précédente : "
            "cette vérification ne la juge pas. Lisez le message affiché sous cette cellule, "
            "corrigez-la, exécutez-la de nouveau, puis relancez cette vérification.",
            question=name,
            form=True,
        )
    note_answer(name, value)
    if is_placeholder(value):
        raise NotAttempted(
            f"la variable « {name} » vaut encore « ... ». Remplacez « ... » par votre "
            "réponse dans la cellule de la question, exécutez cette cellule, "
            "puis relancez cette vérification. Si vous l'avez déjà fait, la cellule de la "
            "question s'est arrêtée sur une erreur (par exemple un texte écrit sans ses "
            "guillemets droits) : lisez le message affiché sous elle, corrigez, exécutez-la "
            "de nouveau.",
            question=name,
        )


def _round_key(value: float, decimals: int) -> str:
    rounded = round(float(value), decimals)
    if rounded == 0:
        rounded = 0.0  # no "-0.000"
    return f"{rounded:.{decimals}f}"


def _digest(name: str, key: str) -> str:
    return hashlib.sha256(f"esn-teach|{name}|{key}".encode()).hexdigest()[:16]


def _normalise_text(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _loose(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


#: What ``str.splitlines`` breaks a line on: a student's text quoted in a message keeps none
#: (the grader keeps the lines a check prints that start with « ✔ », « ✘ » or « Pour le
#: correcteur » for the graded copy: a quoted answer must not start a line of its own).
_LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")


def _quoted(text: object, *, limit: int = 80) -> str:
    """Return a student's ``text`` as a message quotes it: one line, ``limit`` characters."""
    shown = _LINE_BREAKS.sub(" \u23ce ", str(text)).strip()
    return shown if len(shown) <= limit else shown[: limit - 1] + "\u2026"


def answer_digest(value: float | str, *, name: str, decimals: int = 3) -> str:
    """Return the salted digest that a visible self-check compares against.

    Visible tests stay in the student version, so they cannot hold the
    answer. They hold this digest instead: the answer rounded to ``decimals``
    (or, for a text answer, normalised: case, accents and surrounding spaces
    ignored), salted with the question name and hashed. Authors compute it
    once, for instance ``esn-teach digest 0.924 --name sensibilite``.

    Parameters
    ----------
    value : float or str
        The correct answer.
    name : str
        The answer's variable name (the salt).
    decimals : int, default=3
        Rounding used for numbers; the self-check accepts the answer within one
        unit of the last decimal.

    Returns
    -------
    str
        Sixteen hexadecimal characters.
    """
    if isinstance(value, str):
        return _digest(name, "text:" + _normalise_text(value))
    if not isinstance(value, numbers.Real) or isinstance(value, bool):
        raise TypeError(f"answer_digest expects a number or a string, got {type(value).__name__}")
    return _digest(name, _round_key(value, decimals))


def require_number(value: object, *, name: str) -> float:
    """Return the student's answer as a float, or explain in French why it is not one.

    Parameters
    ----------
    value : object
        The student's answer.
    name : str
        The answer's variable name.

    Returns
    -------
    float

    Raises
    ------
    NotAttempted
        The placeholder ``...`` is still there.
    IncorrectAnswer
        Text, several values, a boolean, NaN or infinity.
    """
    __tracebackhide__ = True
    try:
        return _as_number(value, name)
    except CheckFailed:
        _passed.discard(name)
        raise


def _is_float(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _as_number(value: object, name: str) -> float:
    __tracebackhide__ = True
    require_attempted(value, name=name)
    if isinstance(value, np.ndarray) and value.size == 1:
        value = value.reshape(()).item()
    elif type(value).__module__.startswith("pandas") and getattr(value, "size", None) == 1:
        value = np.asarray(value).reshape(()).item()  # a one-value Series or DataFrame
    if isinstance(value, bool | np.bool_):
        raise IncorrectAnswer(
            f"« {name} » vaut {value} (vrai/faux) ; on attend un nombre.", question=name, form=True
        )
    if isinstance(value, str):
        hint = ""
        if any(ch.isdigit() for ch in value):
            written = value.strip().replace(",", ".")
            percent = written.endswith("%")
            written = written.removesuffix("%").strip()
            if re.fullmatch(r"\d+(?:\.\d+)?\s*/\s*\d+(?:\.\d+)?", written):
                # « "1/3" » : the division itself is the answer, not its first number.
                hint = (
                    f" Écrivez la division sans guillemets : {_quoted(written)} (entre "
                    "guillemets, c'est un texte, pas un calcul)."
                )
            elif re.fullmatch(r"[\d.\s()+*/-]+", written) and re.search(
                r"\d\s*\)?\s*[-+*/]\s*\(?\s*\d", written
            ):
                # « "5.1 - 0.9" » : a calculation written between quotes, not its first number.
                hint = (
                    " Enlevez les guillemets et écrivez le calcul tel quel : "
                    f"{_quoted(written)} (entre guillemets, c'est un texte, pas un calcul)."
                )
            elif not _is_float(written):  # « 60 patients » : only the number goes in the answer
                written = re.findall(r"[-+]?\d+(?:\.\d+)?", written)[0]
                hint = (
                    f" Écrivez seulement le nombre, sans guillemets ni mots : {written} et non "
                    f"« {_quoted(value)} »."
                )
            else:
                hint = (
                    f" Écrivez le nombre sans guillemets : {written} et non « {_quoted(value)} »."
                )
            if percent:
                # « 11,3 % » → 11.3 % is not Python, and a percentage is not a proportion.
                try:
                    example = f" ({_quoted(value)} s'écrit {round(float(written) / 100, 6)!r})"
                except ValueError:
                    example = ""
                hint = (
                    " Écrivez un nombre, sans guillemets ni signe % : une proportion entre 0 "
                    f"et 1{example}, ou mieux le calcul lui-même."
                )
            elif "," in value:
                hint += " Les décimales s'écrivent avec un point."
        raise IncorrectAnswer(
            f"« {name} » est un texte ({value!r}) ; on attend un nombre.{hint}",
            question=name,
            form=True,
        )
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, int) for v in value):
        raise IncorrectAnswer(
            f"« {name} » vaut {value} : en Python, la virgule sépare deux valeurs. Écrivez les "
            f"décimales avec un point : {value[0]}.{value[1]} et non {value[0]},{value[1]}.",
            question=name,
            form=True,
        )
    if isinstance(value, tuple) and len(value) > 2 and all(isinstance(v, int) for v in value):
        raise IncorrectAnswer(
            f"« {name} » vaut {value} : plusieurs valeurs séparées par des virgules. Avez-vous "
            "écrit des nombres décimaux avec une virgule (4,79 - 3,18) ? En Python, les "
            "décimales s'écrivent avec un point : 4.79 - 3.18.",
            question=name,
            form=True,
        )
    if isinstance(value, Iterable) and not isinstance(value, numbers.Real):
        raise IncorrectAnswer(
            f"« {name} » contient plusieurs valeurs ; on attend un seul nombre.",
            question=name,
            form=True,
        )
    if not isinstance(value, numbers.Real):
        raise IncorrectAnswer(
            f"« {name} » est de type {type(value).__name__} ; on attend un nombre.",
            question=name,
            form=True,
        )
    number = float(value)
    if not math.isfinite(number):
        raise IncorrectAnswer(
            f"« {name} » vaut {number} : ce n'est pas un nombre fini. Une division par zéro ? "
            "Vérifiez le dénominateur.",
            question=name,
        )
    return number


def _keys_near(number: float, decimals: int) -> tuple[str, ...]:
    """Return the rounded keys of ``number`` and of its neighbours one last-decimal unit away.

    The one acceptance rule of the course: an answer is correct when, rounded to
    ``decimals``, it is at most one unit of the last decimal away from the rounded
    correct value. Visible self-checks (digest) and hidden tests (expected value)
    both apply it, so a value a student is told is correct always gets the points.
    """
    # In whole units of the last decimal: rounding number ± one step would skip a key at a
    # half-unit boundary (0.0395 gave 0.038, 0.040, 0.041 and refused 0.039's answer).
    scaled = float(_round_key(number, decimals)) * 10**decimals
    if not math.isfinite(scaled):  # 1e308 at 3 decimals: no neighbours, and no OverflowError
        return (_round_key(number, decimals),) * 3
    units = round(scaled)
    return tuple(_round_key((units + k) / 10**decimals, decimals) for k in (-1, 0, 1))


def _matches_digest(number: float, digest: str, name: str, decimals: int) -> bool:
    return any(_digest(name, key) == digest for key in _keys_near(number, decimals))


def _matches_value(number: float, reference: float, decimals: int) -> bool:
    return _round_key(reference, decimals) in _keys_near(number, decimals)


def _closest_mistake(
    number: float, mistakes: list[Mistake], name: str, decimals: int
) -> Mistake | None:
    """Return the known mistake that explains ``number``, the closest one first.

    A mistake is recognised by the acceptance rule (within one unit of the last
    decimal). When two known mistakes are that close to each other, the one whose
    rounded value is exactly the answer's is named, not the first listed: a student
    who copies 0,0754 is not told about the mistake that gives 0,0760.
    """
    below, centre, above = _keys_near(number, decimals)
    for keys in ((centre,), (below, above)):
        for mistake in mistakes:
            if mistake.digest is not None:
                if any(_digest(name, key) == mistake.digest for key in keys):
                    return mistake
            elif isinstance(mistake.value, numbers.Real) and (
                _round_key(float(mistake.value), decimals) in keys
            ):
                return mistake
    for mistake in mistakes:  # made with rounded inputs: near, not equal at this precision
        if mistake.rel_tol is not None and math.isclose(
            number, float(mistake.value), rel_tol=mistake.rel_tol
        ):
            return mistake
    return None


def matches_digest(value: float, digest: str, *, name: str, decimals: int = 3) -> bool:
    """Tell whether ``value`` matches :func:`answer_digest` within one unit of the last decimal.

    For self-checks that build their own message, e.g. about a quantity
    derived from the student's answer.

    Parameters
    ----------
    value : float
        The value to test.
    digest : str
        From :func:`answer_digest`.
    name : str
        The salt used for the digest.
    decimals : int, default=3
        The rounding used for the digest.

    Returns
    -------
    bool
    """
    return _matches_digest(float(value), digest, name, decimals)


def _success(name: str, message: str | None, carried_over: str | None = None) -> Outcome:
    _passed.add(name)
    if carried_over:
        # Right only against a key carried over from an earlier wrong answer: the points are
        # given (one slip is not counted twice), but the answer is not called « Correct ».
        print(f"\u2248 Cohérent avec une réponse précédente fausse ({name}) : {carried_over}")
        return Outcome.CORRECT
    text = f"\u2714 Correct ({name})"
    print(f"{text} : {message}" if message else f"{text}.")
    return Outcome.CORRECT


def _too_rounded(number: float, decimals: int, is_key: Callable[[float], bool]) -> bool:
    """Whether ``number`` is the correct value rounded to one decimal fewer than asked.

    0,68 for 58/85 = 0,68235: rounded to three decimals, every value of the interval that
    0,68 stands for (0,675 to 0,685) is tried against the correct key. The acceptance rule
    (one unit of the last decimal) is unchanged: this only chooses the message.
    """
    if decimals < 1 or not math.isfinite(number) or number == 0:
        return False  # 0 is never « the right value, too rounded » (0,004 asked at 0,01)
    coarse = decimals - 1
    if number != round(number, coarse):
        return False
    if not math.isfinite(number * 10**decimals):
        return False
    units = round(number * 10**decimals)
    half = 5  # half a unit of the coarse decimal, in units of the last decimal
    return any(is_key((units + k) / 10**decimals) for k in range(-half, half + 1))


def _short_of_key(number: float, decimals: int, is_key: Callable[[float], bool]) -> bool:
    """Whether ``number`` has one decimal fewer than asked and is the key only when rounded."""
    return (
        decimals >= 1
        and math.isfinite(number)
        and number == round(number, decimals - 1)
        and not is_key(number)
        and _too_rounded(number, decimals, is_key)
    )


def _precision(decimals: int) -> str:
    """Return « à 0,1 près » or « à 3 décimales »: how a question is corrected, in French."""
    return "à 0,1 près" if decimals == 1 else f"à {decimals} décimales"


def _too_rounded_error(number: float, name: str, decimals: int) -> IncorrectAnswer:
    """Return the message for the right value rounded one decimal too far."""
    return IncorrectAnswer(
        f"bon raisonnement, mais trop arrondi : « {name} » vaut {_fr(number)}, et la "
        f"question se corrige {_precision(decimals)}. Écrivez le calcul lui-même (Python "
        "garde toutes les décimales) plutôt que son résultat arrondi.",
        question=name,
    )


def _mistake_closer(
    number: float, found: Mistake | None, expected: float | None, decimals: int
) -> bool:
    """Whether a named mistake, other than the key's rounding, explains ``number`` better.

    A value with one decimal fewer than asked can be the key too rounded and, at the same
    time, another quantity (another version's key, the share of uniques) at the asked
    precision: 0,33 for a key of 0,3333 and a mistake of 0,3312. The closer one decides;
    a mistake whose value is the key rounded (« trop arrondi ») keeps the half points.
    Known only where the key is (hidden tests, ``expected=``).
    """
    if found is None or expected is None or not isinstance(found.value, numbers.Real):
        return False
    value, key = float(found.value), float(expected)
    if math.isclose(value, round(key, decimals - 1), rel_tol=0, abs_tol=1e-12):
        return False
    return abs(number - value) < abs(number - key)


#: What the message of a named mistake about rounding says (« trop arrondi », « vous avez
#: arrondi l'intermédiaire »): such a mistake keeps the half points that the header
#: promises a right value too rounded.
_ROUNDING_MISTAKE = "arrondi"


def _names_exactly(number: float, found: Mistake | None, name: str, decimals: int) -> bool:
    """Whether ``number`` is, at the asked precision, exactly a named mistake's value.

    Another method's result that happens to be the key rounded one decimal too far
    (module 14, review d20: key 2,03, the inverse of the ordinary mean 3 / 1,5 = 2,0)
    is that mistake, not the right reasoning too rounded: no half points. A mistake
    about rounding (its message says « arrondi ») is not one.
    """
    if found is None or _ROUNDING_MISTAKE in found.message:
        return False
    centre = _round_key(number, decimals)
    if found.digest is not None:
        return _digest(name, centre) == found.digest
    return isinstance(found.value, numbers.Real) and _round_key(float(found.value), decimals) == (
        centre
    )


def _another_method(found: Mistake, decimals: int) -> str:
    """Return the message for a value that is a named mistake's and the key too rounded."""
    message = found.message.rstrip()
    end = "" if message.endswith((".", "!", "?", "»")) else "."
    return (
        f"{message}{end} (Si vous avez arrondi la bonne valeur, elle l'était trop pour la "
        f"distinguer de cette erreur : la question se corrige {_precision(decimals)}, écrivez "
        "le calcul lui-même.)"
    )


def _half_points(
    number: float, name: str, decimals: int, points: float, found: Mistake | None
) -> PartialCredit:
    """Return half the points for a right value too rounded, with the named mistake's message."""
    _positive_points(points)
    error = (
        IncorrectAnswer(found.message, question=name)
        if found is not None
        else _too_rounded_error(number, name, decimals)
    )
    partially_right.add(name)  # half the points: the reasoning, not the precision
    said = str(error)
    if "moitié des points" not in said:  # the student reads what the grade will be
        said += " (la moitié des points)"
    print(f"\u2718 {said}")
    return PartialCredit(
        round(float(points) / 2, 2),
        float(points),
        0,
        1,
        detail="bon raisonnement, résultat trop arrondi : la moitié des points",
    )


def _positive_points(points: object) -> None:
    """Refuse a ``points=`` that is not a positive number (an authoring error)."""
    if isinstance(points, bool) or not isinstance(points, int | float) or not points > 0:
        raise ValueError(f"points= must be a positive number, got {points!r}")


def _require_whole(number: float, name: str) -> None:
    """Refuse, as badly formed, a count written with a fractional part (3,5 patients)."""
    __tracebackhide__ = True
    if number != round(number):
        raise IncorrectAnswer(
            f"« {name} » vaut {_fr(number)} : on attend un nombre entier. Écrivez le "
            "calcul ou la valeur entière qui le donne.",
            question=name,
            form=True,
        )


def check_number(
    value: object,
    *,
    name: str,
    expected: float | None = None,
    digest: str | None = None,
    decimals: int = 3,
    bounds: tuple[float, float] | None = None,
    mistakes: Iterable[Mistake] = (),
    percent_is_mistake: bool = True,
    hint: str = "Reprenez le calcul pas à pas : quel est le numérateur, quel est le dénominateur ?",
    success: str | None = None,
    carried_over: str | None = None,
    integer: bool = False,
    points: float | None = None,
) -> Outcome | PartialCredit:
    """Check a numerical answer and explain what is wrong in French.

    Give exactly one of ``expected`` (hidden tests) or ``digest`` (visible
    self-checks, see :func:`answer_digest`).

    Parameters
    ----------
    value : object
        The student's answer.
    name : str
        The answer's variable name, used in messages (and as the digest salt).
    expected : float, optional
        The correct value.
    digest : str, optional
        :func:`answer_digest` of the correct value.
    decimals : int, default=3
        The question's precision, the same in its visible and hidden checks.
        An answer is correct when, rounded to ``decimals``, it is at most one
        unit of the last decimal away from the correct value rounded the same
        way (0,718 and 0,7176 both match 0,71765 at three decimals); the same
        rule recognises a mistake's value. With ``digest``, it must be the
        rounding the digest was made with.
    bounds : (float, float), optional
        Range of plausible values (e.g. ``(0, 1)`` for a proportion). An
        answer outside is reported as such when no mistake explains it.
    mistakes : iterable of Mistake
        Values produced by known mistakes, each with the message naming it.
        Checked after the correct answer, in order.
    percent_is_mistake : bool, default=True
        Recognise the correct value multiplied by 100 (a percentage given
        where a proportion was asked).
    hint : str
        French advice ending the message when no known mistake explains the
        answer.
    success : str, optional
        French sentence printed when the answer is correct.
    carried_over : str, optional
        The key was carried over from an earlier wrong answer (an input slip of question 1
        graded once only): when given, a right answer prints this French sentence after
        « ≈ Cohérent avec une réponse précédente fausse » instead of « ✔ Correct », so
        neither the learner nor the feedback reads the carried value as right.
    integer : bool, default=False
        The answer is a count (patients, a class size): a number with a
        fractional part is badly formed, said as such (``form=True``).
    points : float, optional
        Partial credit, the question's points (those of its test cell): the right
        value rounded to one decimal fewer than asked (an integer at ``decimals=1``;
        « bon raisonnement, mais trop arrondi ») earns half of them, even when a
        named mistake describes that rounding (its message is then the one shown);
        the message is printed instead of raised and the check returns
        :class:`PartialCredit`. Give the same ``points=`` to the visible and the
        hidden check.

    Returns
    -------
    Outcome or PartialCredit
        ``Outcome.CORRECT``; with ``points=``, :class:`PartialCredit` for a value
        too rounded (the other failures raise).

    Raises
    ------
    NotAttempted
        The placeholder ``...`` is still there.
    IncorrectAnswer
        Anything else that is not the correct value, with the most specific
        message available.
    """
    __tracebackhide__ = True
    _passed.discard(name)
    partially_right.discard(name)
    if (expected is None) == (digest is None):
        raise TypeError("check_number needs exactly one of expected= or digest=")
    number = _as_number(value, name)
    if integer:
        _require_whole(number, name)

    def is_correct(candidate: float) -> bool:
        if expected is not None:
            return _matches_value(candidate, float(expected), decimals)
        assert digest is not None
        return _matches_digest(candidate, digest, name, decimals)

    def is_key(candidate: float) -> bool:
        # The correct value, rounded to ``decimals``, is exactly ``candidate``'s rounding.
        if expected is not None:
            return _round_key(candidate, decimals) == _round_key(float(expected), decimals)
        assert digest is not None
        return _digest(name, _round_key(candidate, decimals)) == digest

    if _short_of_key(number, decimals, is_key):
        # One decimal fewer than asked, and not the key itself (0,63 for 0,631): too rounded,
        # even within the tolerance of one unit, which is there for answers at the asked
        # precision (0,7176 for 0,71765). Otherwise the same 0,63 would earn all the points
        # when the key ends in 9, 0 or 1 and half of them otherwise: with each student's own
        # cases, the grade would depend on the draw.
        found = _closest_mistake(number, list(mistakes), name, decimals)
        if found is not None and _names_exactly(number, found, name, decimals):
            raise IncorrectAnswer(_another_method(found, decimals), question=name)
        if points is not None and not _mistake_closer(number, found, expected, decimals):
            return _half_points(number, name, decimals, points, found)
        if found is not None:
            raise IncorrectAnswer(found.message, question=name)
        raise _too_rounded_error(number, name, decimals)
    if is_correct(number):
        return _success(name, success, carried_over)
    found = _closest_mistake(number, list(mistakes), name, decimals)
    if (
        points is not None
        and _too_rounded(number, decimals, is_key)
        and not _mistake_closer(number, found, expected, decimals)
        and not _names_exactly(number, found, name, decimals)
    ):
        # The header promises half the points for the right value rounded one decimal too
        # far: a named mistake for that rounding (module 07's « trop arrondi », module 08's
        # ambiguous 0,61) changes the message, never the points.
        return _half_points(number, name, decimals, points, found)
    if found is not None:
        raise IncorrectAnswer(found.message, question=name)
    if percent_is_mistake and is_correct(number / 100):
        raise IncorrectAnswer(
            f"vous avez donné un pourcentage ({_fr(number)}). On attend une proportion entre "
            "0 et 1 : divisez par 100.",
            question=name,
        )
    if percent_is_mistake and bounds == (0, 1) and 1 < number <= 100:
        # A proportion given as a rounded percentage (99,9 for 0,9993): say so, whatever
        # the rounding; « outside [0 ; 1] » alone sends the student to the definition.
        raise IncorrectAnswer(
            f"« {name} » vaut {_fr(number)} : vous avez sans doute donné un pourcentage. On "
            "attend une proportion entre 0 et 1 : divisez par 100, ou mieux, écrivez le calcul.",
            question=name,
        )
    if bounds is not None and not bounds[0] <= number <= bounds[1]:
        raise IncorrectAnswer(
            f"« {name} » vaut {_fr(number)}, hors de l'intervalle attendu "
            f"[{_fr(bounds[0])} ; {_fr(bounds[1])}]. Relisez la définition de la grandeur "
            "demandée.",
            question=name,
        )
    if _too_rounded(number, decimals, is_key):
        raise _too_rounded_error(number, name, decimals)
    rounded = ""
    # Two decimals exactly (0,72), the mark of a copied, rounded result; not 0,5, which is
    # a plain wrong value that the advice would send down a false trail.
    if number == round(number, 2) and number != round(number, 1):
        rounded = (
            " Si vous avez recopié un résultat arrondi, écrivez plutôt le calcul lui-même : "
            "Python garde toutes les décimales."
        )
    raise IncorrectAnswer(
        f"« {name} » vaut {_fr(number)}, ce n'est pas la valeur attendue.{rounded} {hint}",
        question=name,
    )


def _option_key(
    value: object, options: Sequence[str], name: str, *, item: str | None = None
) -> str:
    """Return the normalised option ``value`` designates, or say in French why none does.

    Case, accents and surrounding spaces are ignored; so are hyphens, inner spaces and
    apostrophes (« quasi identifiant » is « quasi-identifiant »), the key returned being the
    option's own spelling: digests made from the options never change. ``item`` names the
    entry of a dictionary answer the value is (« la réponse « E » de « dates » », not
    Python's ``dates[E]``).
    """
    __tracebackhide__ = True
    listed = ", ".join(f"« {option} »" for option in options)
    where = f"La réponse « {_quoted(item)} » de « {name} »" if item is not None else f"« {name} »"
    if not isinstance(value, str):
        raise IncorrectAnswer(
            f"{where} doit être un texte entre guillemets, l'une des options : {listed}.",
            question=name,
            form=True,
        )
    answer = _normalise_text(value)
    keys = [_normalise_text(option) for option in options]
    if answer in keys:
        return answer
    loose = {_loose(key): key for key in keys}
    if _loose(answer) in loose:
        return loose[_loose(answer)]
    prefix = f"{where} : " if item is not None else ""
    raise IncorrectAnswer(
        f"{prefix}« {_quoted(value)} » n'est pas l'une des options proposées : {listed}.",
        question=name,
        form=True,
    )


def chosen_option(value: object, *, name: str, options: Sequence[str]) -> str:
    """Return the option a student's text designates, in the option's own spelling.

    The matching of :func:`check_choice` (case, accents, spaces and hyphens
    ignored: « quasi identifiant » is « quasi-identifiant »), for checks that build
    their own messages, e.g. one per column of a dictionary answer.

    Parameters
    ----------
    value : object
        The student's answer.
    name : str
        The answer's name, in the messages.
    options : sequence of str
        The allowed answers.

    Returns
    -------
    str
        The option, spelt as in ``options``.

    Raises
    ------
    IncorrectAnswer
        Not a text, or none of the options.
    """
    __tracebackhide__ = True
    key = _option_key(value, options, name)
    return next(option for option in options if _normalise_text(option) == key)


def check_choice(
    value: object,
    *,
    name: str,
    options: Sequence[str],
    expected: str | None = None,
    digest: str | None = None,
    mistakes: Iterable[Mistake] = (),
    success: str | None = None,
) -> Outcome:
    """Check an answer chosen among ``options`` (case and accents ignored).

    Parameters
    ----------
    value : object
        The student's answer (a string).
    name : str
        The answer's variable name.
    options : sequence of str
        The allowed answers, shown to the student when the answer is not one
        of them.
    expected : str, optional
        The correct option (hidden tests).
    digest : str, optional
        :func:`answer_digest` of the correct option (visible self-checks).
    mistakes : iterable of Mistake
        Wrong options with the message that explains each.
    success : str, optional
        French sentence printed when the answer is correct.

    Returns
    -------
    Outcome
        ``Outcome.CORRECT`` (the failures raise).

    Raises
    ------
    NotAttempted
        The placeholder is still there.
    IncorrectAnswer
        A wrong option, or something that is not one of the options.
    """
    __tracebackhide__ = True
    _passed.discard(name)
    if (expected is None) == (digest is None):
        raise TypeError("check_choice needs exactly one of expected= or digest=")
    require_attempted(value, name=name)
    chosen = chosen_option(value, name=name, options=options)
    answer = _normalise_text(chosen)
    if expected is not None:
        correct = answer == _normalise_text(expected)
    else:
        correct = _digest(name, "text:" + answer) == digest
    if correct:
        return _success(name, success)
    raise IncorrectAnswer(
        _wrong_option_message(
            name,
            answer,
            mistakes,
            default=f"« {_quoted(chosen)} » n'est pas la bonne réponse. "
            "Relisez l'énoncé et les définitions.",
        ),
        question=name,
    )


def _wrong_option_message(
    name: str, answer: str, mistakes: Iterable[Mistake], *, default: str
) -> str:
    """Return the message of the mistake ``answer`` (a normalised option) makes, or ``default``."""
    for mistake in mistakes:
        if mistake.digest is not None:
            found = _digest(name, "text:" + answer) == mistake.digest
        else:
            found = _normalise_text(str(mistake.value)) == answer
        if found:
            return mistake.message
    return default


def check_choices(
    value: object,
    *,
    name: str,
    options: Sequence[str],
    expected: Mapping[str, str] | None = None,
    digests: Mapping[str, str] | None = None,
    mistakes: Mapping[str, Iterable[Mistake]] | None = None,
    success: str | None = None,
    carried_over: str | None = None,
    points: float | None = None,
    name_items: bool | None = None,
) -> Outcome | PartialCredit:
    """Check a dictionary of answers, each chosen among ``options``, and say every slip at once.

    For questions such as « the role of each column »: ``value`` maps each item (a
    column, a decision) to an option. Every item is read; the message lists all the
    items to revise, each with the message of its mistake, then those not written as
    one of the options, then those still ``...``. Each item is matched as by
    :func:`check_choice` (case, accents, spaces and hyphens ignored).

    Parameters
    ----------
    value : object
        The student's dictionary.
    name : str
        The answer's variable name. Item ``key`` is salted as ``f"{name}[{key}]"``:
        its digest is ``answer_digest(option, name=f"{name}[{key}]")``.
    options : sequence of str
        The allowed answers of every item.
    expected : mapping of str to str, optional
        The correct option of each item (hidden tests).
    digests : mapping of str to str, optional
        The digest of each item's correct option (visible self-checks).
    mistakes : mapping of str to iterable of Mistake, optional
        For an item, wrong options with the message that explains each (a
        ``Mistake`` digest is salted with the item's name, as above).
    success : str, optional
        French sentence printed when every item is correct.
    carried_over : str, optional
        The key was carried over from an earlier wrong answer (an input slip of question 1
        graded once only): when given, a right answer prints this French sentence after
        « ≈ Cohérent avec une réponse précédente fausse » instead of « ✔ Correct », so
        neither the learner nor the feedback reads the carried value as right.
    points : float, optional
        Partial credit: the question's points (those of its test cell). When some
        items are right and others wrong, every item written as one of the options,
        the share ``(right - wrong / (options - 1)) / items`` is corrected for
        guessing (a random answer earns nothing on average before the floor at 0, little
        after it; with two options a
        wrong item cancels a right one); an item left ``...`` or not written as one
        of the options earns and costs nothing. When it is above 0, the message is printed
        instead of raised and the check returns :class:`PartialCredit` (``points`` ×
        that share), which nbgrader reads as the cell's score when it is the cell's
        last value. Give the same ``points=`` to the visible and the hidden check.
    name_items : bool, optional
        Whether the message names the wrong items, each with its reason. By default,
        only with more than two options: with two (oui / non), naming an item gives its
        answer at the next try, so the student gets the count and the reasons, unordered.
        ``False`` does the same with more options (a few items, few options: naming the
        wrong ones lets a student answer by elimination). After grading
        (``NBGRADER_EXECUTION``), the feedback always names them.

    Returns
    -------
    Outcome or PartialCredit
        ``Outcome.CORRECT``; with ``points=``, :class:`PartialCredit` when only some
        items are right (the other failures raise).

    Raises
    ------
    NotAttempted
        The answer, or some items with nothing wrong elsewhere, are still ``...``.
    IncorrectAnswer
        Not a dictionary of the expected items, or some items wrong or not one of the
        options (``form=True`` when none is wrong).
    """
    __tracebackhide__ = True
    _passed.discard(name)
    partially_right.discard(name)
    unjudged.discard(name)
    if (expected is None) == (digests is None):
        raise TypeError("check_choices needs exactly one of expected= or digests=")
    if points is not None:
        _positive_points(points)
    reference: Mapping[str, str] = expected if expected is not None else digests  # type: ignore[assignment]
    require_attempted(value, name=name)
    items = ", ".join(f"« {key} »" for key in reference)
    if not isinstance(value, Mapping) or set(value) != set(reference):
        raise IncorrectAnswer(
            f"« {name} » doit rester un dictionnaire avec ces {len(reference)} clés : {items}. "
            "Réexécutez la cellule de la question en remplaçant seulement les « ... ».",
            question=name,
            form=True,
        )
    to_fill: list[str] = []  # the keys still « ... »
    misspelt: list[str] = []
    wrong: list[tuple[str, str]] = []  # (item, message)
    for key, correct in reference.items():
        item = f"{name}[{key}]"
        answer = value[key]
        if is_placeholder(answer):
            to_fill.append(key)
            continue
        try:
            chosen = _normalise_text(chosen_option(answer, name=item, options=options))
        except IncorrectAnswer:
            misspelt.append(
                f"« {key} » (« {_quoted(answer)} »)" if isinstance(answer, str) else f"« {key} »"
            )
            continue
        if expected is not None:
            right = chosen == _normalise_text(correct)
        else:
            right = _digest(item, "text:" + chosen) == correct
        if not right:
            message = _wrong_option_message(
                item,
                chosen,
                (mistakes or {}).get(key, ()),
                default="ce n'est pas la bonne réponse ; relisez l'énoncé et les définitions.",
            )
            end = "" if message.rstrip().endswith((".", "!", "?", "»")) else "."
            wrong.append((key, f"{message.rstrip()}{end}"))
    parts = []
    if wrong:
        plural = "s" if len(wrong) > 1 else ""
        head = f"{len(wrong)} réponse{plural} sur {len(reference)} à revoir. "
        unnamed = (len(options) == 2) if name_items is None else not name_items
        if unnamed and not os.environ.get("NBGRADER_EXECUTION"):
            # Two options (oui / non), or name_items=False: naming the wrong items would
            # give their answers at the next try, or by elimination. The student gets the
            # reasons, unordered; the feedback after grading names the items.
            # « Dans le désordre » for real: ordered by a hash of each reason, never by the
            # items' order (review 09 d20b: alphabetical order followed « phrase 1… 5 »).
            reasons = sorted(
                {message for _, message in wrong},
                key=lambda reason: hashlib.sha256(reason.encode()).hexdigest(),
            )
            why = (
                "Chaque item n'a que deux réponses"
                if len(options) == 2
                else "Il y a peu de réponses possibles"
            )
            which = (
                f"Laquelle ? {why} : la nommer vous donnerait la réponse. "
                if len(wrong) == 1
                else f"Lesquelles ? {why} : les nommer vous donnerait la réponse. "
            )
            # One piste for several wrong items that share it (module 09's student, d23:
            # « Voici les pistes, dans le désordre » above a single one).
            which += (
                "Voici la piste : "
                if len(reasons) == 1
                else "Voici les pistes, dans le désordre : "
            )
            parts.append(head + which + " ".join(f"– {reason}" for reason in reasons))
        else:
            parts.append(
                head
                + " ".join(
                    f"({number}) « {key} » : {message}"
                    for number, (key, message) in enumerate(wrong, start=1)
                )
            )
    if misspelt:
        listed = ", ".join(f"« {option} »" for option in options)
        parts.append(
            f"À écrire comme l'une des options ({listed}, entre guillemets droits) : "
            + ", ".join(misspelt)
            + "."
        )
    if to_fill:
        parts.append(_left_to_fill(to_fill))
    n_right = len(reference) - len(wrong) - len(misspelt) - len(to_fill)
    # Corrected for guessing: a wrong item takes back what a guess earns on average
    # (1 / (options - 1) of a right item): a random answer is worth nothing on average
    # before the floor at 0, little after it.
    penalty = 1 / (len(options) - 1) if len(options) > 1 else 1.0
    share = max(0.0, n_right - penalty * len(wrong)) / len(reference)
    if points is not None and share > 0 and (wrong or misspelt or to_fill):
        # Partial credit: the same message, printed (an error would cost every point). An
        # item left « ... » or not written as an option earns nothing and costs nothing.
        partially_right.add(name)
        if wrong or misspelt:
            print(f"\u2718 {IncorrectAnswer(' '.join(parts), question=name)}")
        else:  # nothing wrong: some items are still « ... » (review 09 d20: not « à revoir »)
            print(f"\u2718 Réponse incomplète ({name}) : {' '.join(parts)}")
        earned = round(float(points) * share, 2)
        return PartialCredit(
            earned,
            float(points),
            n_right,
            len(reference),
            len(wrong),
            penalty,
            blank=len(to_fill) + len(misspelt),
        )
    if wrong or misspelt:
        raise IncorrectAnswer(" ".join(parts), question=name, form=not wrong)
    if to_fill:
        raise NotAttempted(" ".join(parts), question=name)
    return _success(name, success, carried_over)


def expect(condition: object, message: str, *, name: str) -> None:
    """Raise :class:`IncorrectAnswer` with ``message`` unless ``condition`` holds.

    For properties that a correct answer must have and that do not give the
    answer away, e.g. "at this threshold the sensitivity is at least 95 %".

    Parameters
    ----------
    condition : object
        Truthy when the property holds.
    message : str
        French message explaining what is wrong.
    name : str
        The answer's variable name.

    Raises
    ------
    IncorrectAnswer
        If ``condition`` is falsy.
    """
    __tracebackhide__ = True
    if not condition:
        _passed.discard(name)
        raise IncorrectAnswer(message, question=name)


def written_with(
    name: str,
    allowed: Iterable[str],
    *,
    calculation: bool = False,
    values: Mapping[str, float] | None = None,
) -> bool:
    """Tell whether the last cell run that assigns ``name`` computes it from ``allowed`` only.

    For a question that measures which counts go into a formula (module 01: « parmi
    les malades, la part détectée » is ``vp / (vp + fn)``): the value alone does not
    tell a student who wrote the formula from one who called a ready-made function
    (``ev.sensitivity(...)``) or reused another answer. The expression may hold the
    names in ``allowed``, numbers, arithmetic operators and brackets; nothing else.
    Read from IPython's list of the cells run (``In``), in the student's kernel and
    when nbgrader runs the copy.

    Parameters
    ----------
    name : str
        The answer's variable name.
    allowed : iterable of str
        The variable names the calculation may use.
    calculation : bool, default=False
        Refuse the result typed instead of its calculation: a bare number
        (``sensibilite = 0.682``), and a calculation of numbers alone when one of them
        is not made of the counts (``0.682 * 1``, ``682 / 1000``). A number is made of
        the counts when it is one of them, a sum of several, 1 or 100 (``58 / 85``
        stays a calculation when 85 is vp + fn). In an evaluated session, a number
        read from an object of the kernel or a neighbour's screen would otherwise
        score as the calculation.
    values : mapping, optional
        The copy's counts (name → value) for ``calculation=True``: the hidden tests
        pass those they recompute. Without it, the values the names in ``allowed``
        hold in the kernel; when none is a number, only the bare number is refused.

    Returns
    -------
    bool
        False when the last cell that binds ``name`` binds it otherwise than by a
        ``name = …`` line of its own (inside ``if``, a loop, ``+=``…) and, with
        ``calculation=True``, when the kernel's value of ``name`` is not what that
        line gives (set by ``exec`` or ``globals()``). True as well when no cell run
        assigns ``name`` (nothing to judge: the value check decides; with
        ``calculation=True`` only while ``name`` holds nothing or « ... »), or outside
        IPython.
    """
    try:
        expression = _last_assignment(name)
    except _NotPlain:
        return False
    if expression is None:
        if not calculation:
            return True
        held = _kernel_value(name)  # a value without a « name = … » line: set some other way
        return held is None or held is Ellipsis
    permitted = set(allowed)
    if not _arithmetic_of(expression, permitted):
        return False
    if not calculation:
        return True
    if _bare_number(expression):
        return False
    kernel_counts = _kernel_counts(permitted)
    # The grader's checker has no counts of its own: the recomputed ones stand in for those
    # the kernel held (the same data for an honest copy).
    if not _gives_the_value(expression, name, {**kernel_counts, **(values or {})}):
        return False
    counts = dict(values) if values is not None else kernel_counts
    if any(isinstance(node, ast.Name) for node in ast.walk(expression)):
        return True
    return not counts or all(
        _made_of_counts(node.value, counts)
        for node in ast.walk(expression)
        if isinstance(node, ast.Constant)
    )


#: Set by the grader's pristine checker while it re-runs a test cell: the namespace the test
#: reads and the cells the notebook really ran (``esn_teach.grading._recheck``).
_GRADED_KERNEL: list[tuple[dict[str, Any], list[str]]] = []


@contextlib.contextmanager
def _graded_kernel(namespace: dict[str, Any], history: list[str]) -> Iterator[None]:
    """Read ``namespace`` and ``history`` (``In``) as the kernel's, outside IPython."""
    _GRADED_KERNEL.append((namespace, history))
    try:
        yield
    finally:
        _GRADED_KERNEL.pop()


def _user_namespace() -> dict[str, Any]:
    """Return the kernel's namespace (empty outside IPython)."""
    if _GRADED_KERNEL:
        namespace, history = _GRADED_KERNEL[-1]
        return {**namespace, "In": history}
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with Jupyter
        return {}
    shell = get_ipython()
    return shell.user_ns if shell is not None else {}


def _kernel_counts(names: set[str]) -> dict[str, float]:
    """Return the numbers the kernel holds under ``names`` (those that hold one).

    None in the grader's checker: the names it holds are those the test reads, and the
    course's data there are the instructor's run's (``_recheck``), not always the copy's
    (each student has their own cases). The hidden test passes the copy's own (``values=``).
    """
    if _GRADED_KERNEL:
        return {}
    namespace = _user_namespace()
    return {
        key: float(namespace[key])
        for key in names
        if isinstance(namespace.get(key), int | float) and not isinstance(namespace[key], bool)
    }


def _made_of_counts(number: object, counts: Mapping[str, float]) -> bool:
    """Whether ``number`` is one of ``counts``, a sum of several, 1 or 100."""
    if isinstance(number, bool) or not isinstance(number, int | float):
        return False
    if float(number) in (1.0, 100.0):
        return True
    sums: set[float] = set()
    for count in counts.values():  # the sums of every non-empty subset (a dozen counts at most)
        sums |= {total + float(count) for total in sums} | {float(count)}
    return float(number) in sums


def _bare_number(expression: ast.expr) -> bool:
    """Whether ``expression`` is a number alone, signed or not (no operation on counts)."""
    while isinstance(expression, ast.UnaryOp) and isinstance(expression.op, ast.UAdd | ast.USub):
        expression = expression.operand
    return isinstance(expression, ast.Constant) and isinstance(expression.value, int | float)


_ARITHMETIC = (ast.BinOp, ast.UnaryOp, ast.Constant, ast.operator, ast.unaryop, ast.Load)


def _arithmetic_of(expression: ast.expr, permitted: set[str]) -> bool:
    """Whether ``expression`` holds only ``permitted`` names, numbers and arithmetic."""
    return all(
        (isinstance(node, ast.Name) and node.id in permitted)
        or (isinstance(node, ast.Constant) and type(node.value) in (int, float))
        or (isinstance(node, _ARITHMETIC) and not isinstance(node, ast.Constant))
        for node in ast.walk(expression)
    )


class _NotPlain(Exception):
    """The answer is bound otherwise than by one ``name = expression`` line of its own."""


def _last_assignment(name: str) -> ast.expr | None:
    """Return the expression last assigned to ``name`` in a cell run (IPython's ``In``).

    Raises
    ------
    _NotPlain
        If the last cell run that binds ``name`` binds it otherwise than by a
        ``name = expression`` statement at the top of the cell: inside a block
        (``if True:``), a loop, a function, with ``+=``, by unpacking, by an import.
    """
    history = _user_namespace().get("In", [])
    for text in reversed(list(history)):
        try:
            tree = ast.parse(str(text))
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue  # not Python, a null byte, or nested past what the parser takes
        plain = [
            node
            for node in tree.body
            if isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and node.targets[0].id == name
        ]
        plain_targets = {id(node.targets[0]) for node in plain}
        others = [
            node
            for node in ast.walk(tree)
            if (
                isinstance(node, ast.Name)
                and node.id == name
                and isinstance(node.ctx, ast.Store | ast.Del)
                and id(node) not in plain_targets
            )
            or (isinstance(node, ast.alias) and (node.asname or node.name) == name)
            or (
                isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
                and node.name == name
            )
            or (isinstance(node, ast.Global | ast.Nonlocal) and name in node.names)
        ]
        if others:
            raise _NotPlain(name)
        if plain:
            value = plain[-1].value
            if isinstance(value, ast.Constant) and value.value is Ellipsis:
                return None  # the blank « ... » left as is: the value check says « non traitée »
            return value
    return None


def _kernel_value(name: str) -> object:
    """Return what ``name`` holds in the kernel (None outside IPython or when unbound)."""
    return _user_namespace().get(name)


def _small_powers(expression: ast.expr) -> bool:
    """Whether every power in ``expression`` has a number of at most 4 as exponent."""
    for node in ast.walk(expression):  # 500 ** 10**9 would not end
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
            exponent = node.right
            power = exponent.value if isinstance(exponent, ast.Constant) else None
            if not isinstance(power, int | float) or isinstance(power, bool) or abs(power) > 4:
                return False
    return True


def _gives_the_value(expression: ast.expr, name: str, counts: Mapping[str, float]) -> bool:
    """Whether ``expression``, computed with ``counts``, is what ``name`` holds in the kernel.

    The calculation found in the history must be where the value comes from: a value set
    by ``exec`` or ``globals()`` would not be. ``counts`` are the kernel's own (the
    calculation gave the value with them). True when it cannot be told (a name without a
    count, a value that is not a number).
    """
    held = _kernel_value(name)
    names = {node.id for node in ast.walk(expression) if isinstance(node, ast.Name)}
    if not isinstance(held, int | float) or isinstance(held, bool) or not names <= set(counts):
        return True
    if not _small_powers(expression):
        return False
    code = compile(ast.Expression(expression), f"<{name}>", "eval")
    try:
        computed = eval(code, {"__builtins__": {}}, {k: counts[k] for k in names})
    except (ArithmeticError, ValueError, TypeError, RecursionError):
        return False
    return isinstance(computed, int | float) and math.isclose(
        float(computed), float(held), rel_tol=1e-9, abs_tol=1e-12
    )


class _NameCounts(ast.NodeTransformer):
    """Replace each number equal to exactly one count by that count's name."""

    def __init__(self, values: dict[str, float]) -> None:
        self.values = values
        self.ambiguous = False

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        if isinstance(node.value, bool) or not isinstance(node.value, int | float):
            return node
        names = [k for k, v in self.values.items() if float(v) == float(node.value)]
        if len(names) > 1:
            self.ambiguous = True
        if len(names) == 1:
            return ast.copy_location(ast.Name(id=names[0], ctx=ast.Load()), node)
        return node


def _counts_named(expression: ast.expr, values: dict[str, float]) -> ast.expr | None:
    """Return ``expression`` with the copy's counts named; None when a number is ambiguous."""
    transformer = _NameCounts(values)
    named = transformer.visit(copy.deepcopy(expression))
    if transformer.ambiguous:
        return None
    return ast.fix_missing_locations(named)


def written_formula(
    name: str,
    formula: Callable[..., float],
    *,
    values: Mapping[str, float] | None = None,
    trials: int = 12,
    seed: int = 0,
) -> bool | None:
    """Tell whether the calculation written for ``name`` is ``formula``, whatever the counts.

    With each student's own cases, two formulas may give values within the
    tolerance of one unit for some cases (a residual risk near 0: ``fn / vn`` and
    ``fn / (fn + vn)``): the value alone would accept a wrong formula for some
    students and not others. This reads the last cell run that assigns ``name``
    (as :func:`written_with`), and evaluates its expression with other counts:
    random whole numbers from 1 to 500 for each argument of ``formula``.

    Parameters
    ----------
    name : str
        The answer's variable name.
    formula : callable
        The right calculation, a function of the allowed names (its arguments):
        ``lambda vp, fn: vp / (vp + fn)``.
    values : mapping, optional
        The copy's own counts (argument → value). A number written in the
        calculation that equals exactly one of them stands for that count
        (``12 / (12 + 300)`` is ``fn / (fn + vn)`` when fn is 12 and vn 300).
        Without it, or when a number matches several counts, a calculation
        written with numbers only is not judged (None).
    trials : int, default=12
        Sets of counts tried.
    seed : int, default=0
        Seed of the counts (the same for every student: the formula is judged, not
        the student's cases).

    Returns
    -------
    bool or None
        None when there is nothing to judge (no cell run assigns ``name`` with
        ``=``, or outside IPython): the value check decides. False when the
        expression uses anything but the arguments, numbers and arithmetic, or
        differs from ``formula`` on some counts; True otherwise.
    """
    try:
        expression = _last_assignment(name)
    except _NotPlain:
        return False
    if expression is None:
        return None
    arguments = list(inspect.signature(formula).parameters)
    if not _arithmetic_of(expression, set(arguments)):
        return False
    expression = _counts_named(expression, dict(values or {}))
    if expression is None or not any(isinstance(n, ast.Name) for n in ast.walk(expression)):
        return None  # numbers that cannot be told apart: the value check decides
    if not _small_powers(expression):
        return False
    code = compile(ast.Expression(expression), f"<{name}>", "eval")
    rng = random.Random(seed)
    for _ in range(trials):
        counts = {argument: rng.randint(1, 500) for argument in arguments}
        try:
            written = eval(code, {"__builtins__": {}}, dict(counts))
            right = formula(**counts)
        except (ArithmeticError, ValueError, TypeError, RecursionError):
            return False
        if not isinstance(written, int | float) or not math.isclose(
            float(written), float(right), rel_tol=1e-9, abs_tol=1e-12
        ):
            return False
    return True


def partial_credit(
    message: str,
    *,
    name: str,
    points: float,
    share: float = 0.5,
    detail: str = "bon raisonnement, réponse incomplète : une part des points",
) -> PartialCredit:
    """Give part of a question's points: the reasoning is right, the answer is not.

    For a question checked by :func:`expect` rather than :func:`check_number` (a
    threshold with no single value, for example), when the answer shows the right
    reasoning with a slip: the message is printed instead of raised, the question
    stays « à revoir » in the learner's progress, and the check returns
    :class:`PartialCredit`, which nbgrader reads as the cell's score when it is the
    cell's last value. Call it in the visible and in the hidden check, with the same
    ``points=``.

    Parameters
    ----------
    message : str
        The French message naming the slip.
    name : str
        The answer's variable name.
    points : float
        The question's points (those of its test cell).
    share : float, default=0.5
        The share of the points earned, strictly between 0 and 1.
    detail : str, optional
        What earned the share, in French. A visible check leaves the default: a literal
        written there would stay readable in the release (only ``message`` is encoded).

    Returns
    -------
    PartialCredit
        ``points × share``, two decimals.
    """
    __tracebackhide__ = True
    _positive_points(points)
    if isinstance(share, bool) or not isinstance(share, int | float) or not 0 < share < 1:
        raise ValueError(f"share= must be strictly between 0 and 1, got {share!r}")
    _passed.discard(name)
    partially_right.add(name)
    print(f"\u2718 {IncorrectAnswer(message, question=name)}")
    return PartialCredit(round(float(points) * share, 2), float(points), 0, 1, detail=detail)


def _left_to_fill(keys: Iterable[object]) -> str:
    """Return the sentence naming the items of a dictionary answer still ``...``."""
    return (
        "Il reste à remplacer les « ... » de : "
        + ", ".join(f"« {_quoted(k)} »" for k in keys)
        + "."
    )


def _require_items_given(value: Mapping[Any, object], name: str) -> None:
    """Raise :class:`NotAttempted` naming the items of ``value`` still ``...``, if any."""
    __tracebackhide__ = True
    left = [key for key, item in value.items() if is_placeholder(item)]
    if left:
        raise NotAttempted(_left_to_fill(left), question=name)


def _check_choices_form(
    value: object, *, name: str, options: list[str], items: Sequence[str] | None
) -> tuple[list[object], list[str]]:
    """Raise unless ``value`` is a dictionary (of ``items``) with at least one option given.

    Return the items still ``...`` and, quoted, those not written as one of the options
    (an answer with some items given is recorded: the hidden test's partial credit
    counts the given ones, an item left ``...`` or not written as an option neither
    earns nor costs); raise :class:`NotAttempted` when every item is still ``...``,
    :class:`IncorrectAnswer` when no item is written as an option.
    """
    __tracebackhide__ = True
    if not isinstance(value, Mapping) or (items is not None and set(value) != set(items)):
        listed = (
            f" avec ces {len(items)} clés : " + ", ".join(f"« {k} »" for k in items)
            if items
            else ""
        )
        raise IncorrectAnswer(
            f"« {name} » doit rester un dictionnaire{listed}. Réexécutez la cellule de la "
            "question en remplaçant seulement les « ... ».",
            question=name,
            form=True,
        )
    left = [key for key, item in value.items() if is_placeholder(item)]
    if left and len(left) == len(value):
        raise NotAttempted(_left_to_fill(left), question=name)
    misspelt: list[str] = []
    for key, answer in value.items():
        if is_placeholder(answer):
            continue
        try:
            _option_key(answer, options, name, item=str(key))
        except IncorrectAnswer as error:
            misspelt.append(error.message)  # « La réponse « E » de « dates » : … »
    if misspelt and len(misspelt) + len(left) == len(value):
        # no item written as an option: nothing to record
        raise IncorrectAnswer(" ".join(misspelt), question=name, form=True)
    return left, misspelt


#: The kinds of answer :func:`check_form` recognises.
FORM_KINDS = ("number", "choice", "choices", "any")


def check_form(
    value: object,
    *,
    name: str,
    kind: str = "any",
    options: Sequence[str] | None = None,
    decimals: int | None = None,
    items: Sequence[str] | None = None,
    bounds: tuple[float, float] | None = None,
    percent_is_mistake: bool = True,
    integer: bool = False,
    on_grid: bool = False,
    from_table: bool = False,
    written_from: Iterable[str] | None = None,
) -> Outcome:
    """Say whether an answer is well-formed, never whether it is right.

    In a release for an evaluated session, the visible checks are replaced by
    this one: the student learns that the answer was given and has the right
    form (a number, one of the options), not whether it is correct. The hidden
    tests grade it after submission, and the feedback explains.

    Parameters
    ----------
    value : object
        The student's answer.
    name : str
        The answer's variable name.
    kind : {"number", "choice", "choices", "any"}, default="any"
        What a well-formed answer is: a number, one of the options, a dictionary
        whose every item is one of the options (as :func:`check_choices` reads
        it), or anything but the placeholder (a dictionary with items still
        ``...`` is not attempted, whatever the kind).
    options : sequence of str, optional
        With ``kind="choice"`` or ``kind="choices"``: the allowed answers.
    decimals : int, optional
        With ``kind="number"``: the precision the hidden test compares at. Every
        number is recorded with the same reminder of it on a line of its own (a
        rounded copy may be counted wrong): a warning for « short » numbers only
        would hint that a formula giving 0,7 is not the one giving 0,795….
    items : sequence of str, optional
        With ``kind="choices"``: the dictionary's keys, when known.
    bounds : (float, float), optional
        With ``kind="number"``: the range of the quantity, as the visible check
        states it (a proportion lies in [0 ; 1]). A number outside is badly
        formed; part of the quantity's definition, it says nothing of the answer.
    percent_is_mistake : bool, default=True
        With ``bounds=(0, 1)``: a number in ]1 ; 100] is said to be a percentage.
    integer : bool, default=False
        With ``kind="number"``: a count; a fractional part is badly formed.
    on_grid : bool, default=False
        With ``kind="number"`` and ``decimals``: the answer is a position of a slider
        that moves by ``10**-decimals`` (module 01's threshold, 0,25): more decimals
        (0,253) is badly formed, and the reminder names the slider, not a calculation.
    from_table : bool, default=False
        With ``kind="number"`` and ``decimals``: the answer is a number read in a table
        the module prints (module 05's interval bound): the reminder says to copy it with
        its decimals, not to write a calculation there is none of.
    written_from : iterable of str, optional
        The only variable names the answer's calculation may use (as
        :func:`written_with` reads the cell that assigns it): a calculation written
        otherwise (a ready-made function, another answer reused) or a number alone
        (the result, not its calculation) is badly formed, as the question's
        statement says. This tells nothing of correctness.

    Returns
    -------
    Outcome
        ``Outcome.RECORDED``.

    Raises
    ------
    NotAttempted
        The placeholder ``...`` is still there (for ``kind="choices"``: in every item;
        an answer with some items given is recorded, the items left named).
    IncorrectAnswer
        Not a number, not one of the options, or (``kind="choices"``) not a
        dictionary of the expected items, or no item written as one of the options
        (an item written otherwise is recorded like one left ``...``, and said).
    """
    __tracebackhide__ = True
    if kind not in FORM_KINDS:
        raise ValueError(f"kind must be one of {FORM_KINDS}, got {kind!r}")
    require_attempted(value, name=name)
    if kind == "any" and isinstance(value, Mapping):  # a dictionary given with parts to fill
        _require_items_given(value, name)
    warning = ""
    if kind == "number":
        number = _as_number(value, name)
        if integer:
            _require_whole(number, name)
        if on_grid and decimals is not None and abs(number - round(number, decimals)) > 1e-9:
            raise IncorrectAnswer(
                f"« {name} » vaut {_fr(number)} : on attend l'une des positions du curseur, "
                f"qui avance de {_fr(10.0**-decimals)} en {_fr(10.0**-decimals)} "
                + (
                    "(un nombre entier)."
                    if decimals == 0
                    else f"({decimals} décimale{'s' if decimals > 1 else ''})."
                ),
                question=name,
                form=True,
            )
        if bounds is not None and not bounds[0] <= number <= bounds[1]:
            if percent_is_mistake and tuple(bounds) == (0, 1) and 1 < number <= 100:
                # No named mistake is published here: 1,2 may be a wrong formula as well as
                # a percentage, so both readings are given.
                # A whole number may also be a count (53 patients, not their share): said
                # too, as a reading of the form, never a judgement (review 03 d19).
                count = (
                    " Un nombre entier est peut-être un compte : la part demandée est un compte "
                    "divisé par un autre."
                    if float(number).is_integer()
                    else ""
                )
                raise IncorrectAnswer(
                    f"« {name} » vaut {_fr(number)} : on attend une proportion entre 0 et 1. "
                    "Si vous avez donné un pourcentage, divisez par 100 (ou mieux, écrivez le "
                    f"calcul) ; sinon, relisez la définition de la grandeur demandée.{count}",
                    question=name,
                    form=True,
                )
            raise IncorrectAnswer(
                f"« {name} » vaut {_fr(number)}, hors de l'intervalle possible "
                f"[{_fr(bounds[0])} ; {_fr(bounds[1])}]. Relisez la définition de la grandeur "
                "demandée.",
                question=name,
                form=True,
            )
        # The same reminder for every number, right or wrong: a warning only for « short »
        # numbers told a student whose formula gave 0,7 that it differs from the right
        # answer's 0,795… (module 01's review): in a graded session, no hint of that kind.
        if integer:  # a count has no decimals to round: « 3 décimales » made no sense
            warning = (
                "\nRappel : on attend un nombre entier (un compte fait à la main, ou le "
                "calcul qui le donne)."
            )
        elif on_grid and decimals:
            warning = ""  # a slider's position is read, not calculated: nothing to recall
        elif from_table and decimals and decimals > 0:
            precision = "1 décimale" if decimals == 1 else f"{decimals} décimales"
            warning = (
                f"\nRappel : la correction compare à {precision}. Recopiez le nombre du "
                "tableau avec toutes ses décimales."
            )
        elif decimals and decimals > 0:
            precision = "1 décimale" if decimals == 1 else f"{decimals} décimales"
            warning = (
                f"\nRappel : la correction compare à {precision}. Si vous avez recopié un "
                "nombre arrondi, écrivez plutôt le calcul lui-même (Python garde toutes les "
                "décimales)."
            )
    elif kind == "choice":
        _option_key(value, list(options or []), name)
    elif kind == "choices":
        # Some items left « ... »: recorded all the same (review 07 d18: the form check
        # stopped the cell, so two right items and two blank scored 0, not their share).
        left, misspelt = _check_choices_form(
            value, name=name, options=list(options or []), items=items
        )
        if left:
            warning = (
                f"\n{_left_to_fill(left)} Votre réponse est enregistrée telle quelle : un item "
                "laissé « ... » ne compte pas comme juste (ni comme faux)."
            )
        if misspelt:
            # Review 13 d19: one item written otherwise than an option (« 2 août 2027 »)
            # stopped the cell, and four right items of five scored 0. It is recorded like
            # an item left « ... », said first and loudly.
            print(
                f"\u2718 Réponse enregistrée ({name}), mais pas toute sous la forme attendue. "
                + " ".join(misspelt)
                + " Corrigez puis réexécutez la cellule de la question et celle-ci : telle "
                "quelle, une réponse qui n'est pas l'une des options ne compte ni comme juste "
                "ni comme fausse." + (f"\n{_left_to_fill(left)}" if left else "")
            )
            return Outcome.RECORDED
    if written_from is not None and not written_with(name, written_from, calculation=True):
        # the counts are read in the kernel: the hidden tests pass those they recompute
        allowed = ", ".join(sorted(written_from))
        raise IncorrectAnswer(
            f"calcul refusé pour « {name} » : écrivez-le, sur une ligne, avec seulement "
            f"{allowed} (ou leurs nombres), des opérations et des parenthèses : ni fonction "
            "toute faite, ni autre variable, ni un nombre seul ou des nombres qui ne sont "
            "pas vos comptes (le résultat au lieu du "
            "calcul). C'est une question de forme, pas de justesse.",
            question=name,
            form=True,
        )
    # « → », not « ✔ »: in every version ✔ means right (review 07 d20b: a student read a
    # green tick under an impossible value as « juste »).
    print(
        f"{RECORDED_LINE} ({name}) : elle a la forme attendue. Séance évaluée : "
        f"vous saurez si elle est juste dans votre retour, après la correction.{warning}"
    )
    return Outcome.RECORDED
