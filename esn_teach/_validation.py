"""Checks of students' arguments, shared by every subpackage, with French messages.

:func:`sklearn.utils.validation.check_scalar` checks a number's type and
bounds; :func:`check_finite_scalar` adds what it lets through and no course
function accepts (booleans and non-finite values), and words every refusal in
French: students type these values, in a module's cell or in an explorer's
arguments, and read the message. :func:`as_float_array` and :func:`column_list`
check a list of numbers and a list of column names the same way, and
:func:`received`, :func:`fr_items` and :func:`kind_of` write the pieces of any
such message: the value received, a few values, the kind of a value.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Hashable, Iterable, Mapping
from itertools import islice
from typing import Any, Literal, get_args

import numpy as np
import pandas as pd
from sklearn.utils.validation import check_scalar

from esn_teach._formatting import fr_value

__all__ = [
    "Boundaries",
    "as_float_array",
    "check_finite_scalar",
    "column_list",
    "expected_range",
    "fr_items",
    "kind_of",
    "received",
]

Boundaries = Literal["both", "left", "right", "neither"]

#: What a value is, in the words of an error message, by type.
_KINDS: dict[type, str] = {
    str: "du texte",
    float: "un nombre décimal",
    int: "un nombre entier",
    list: "une liste",
    tuple: "un tuple",
    dict: "un dictionnaire",
    np.ndarray: "un tableau numpy",
    type(None): "aucune valeur",
}

#: Longest text of a received value repeated in an error message.
_LONGEST_SHOWN = 60


def kind_of(value: Any) -> str:
    """Say in French what kind of value ``value`` is: ``"du texte"``, ``"une liste"``...

    Parameters
    ----------
    value : Any
        Any value.

    Returns
    -------
    str
    """
    for kind, words in _KINDS.items():
        if isinstance(value, kind):
            return words
    if isinstance(value, numbers.Real):
        return "un nombre décimal"
    return f"un objet de type {type(value).__name__}"


def _plain(value: Any) -> Any:
    """Return a numpy scalar as the Python scalar it holds (``np.str_("a")`` → ``"a"``)."""
    return value.item() if isinstance(value, np.generic) else value


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(_plain(value), str | numbers.Number)


def fr_items(values: Iterable[Any], limit: int = 3) -> str:
    """Write the first ``limit`` values for an error message: ``"'a', 'b'"``, ``"2,5 ; 3"``.

    Numbers take a decimal comma (:func:`esn_teach._formatting.fr_value`), so a list
    holding one is separated by semicolons; a date (a ``pandas.Timestamp``) is written
    ``"14/03/1957"``; an ellipsis says that more values follow.

    Parameters
    ----------
    values : iterable
        The values (the first ``limit + 1`` are read).
    limit : int, default=3
        How many values to write.

    Returns
    -------
    str
    """
    texts = []
    for value in islice(values, limit + 1):
        value = _plain(value)
        texts.append(f"{value:%d/%m/%Y}" if isinstance(value, pd.Timestamp) else fr_value(value))
    more = len(texts) > limit
    texts = texts[:limit]
    separator = " ; " if any("," in text for text in texts) else ", "
    return separator.join(texts) + (separator + "…" if more else "")


def received(value: Any, *, show_lists: bool = True) -> str:
    """Say what a student passed, for an error message: ``"valeur reçue : 'abc' (du texte)"``.

    A number or a text is repeated (a long text is cut), followed by its kind; so
    is a short list or tuple of them, with ``show_lists``. Any other object (a
    table, a long list...) is only named by its kind (``"reçu : un objet de type
    DataFrame"``).

    Parameters
    ----------
    value : Any
        The value received.
    show_lists : bool, default=True
        Repeat a list or tuple of at most six numbers or texts; with ``False``,
        name it only by its kind (``"reçu : une liste"``).

    Returns
    -------
    str
        Without a final full stop.
    """
    value = _plain(value)
    if isinstance(value, bool):
        return f"valeur reçue : {value} (un booléen)"
    if _is_scalar(value):
        shown = value
        if isinstance(value, str) and len(value) > _LONGEST_SHOWN:
            shown = value[: _LONGEST_SHOWN - 1] + "…"
        return f"valeur reçue : {fr_value(shown)} ({kind_of(value)})"
    if (
        show_lists
        and isinstance(value, list | tuple)
        and len(value) <= 6
        and all(map(_is_scalar, value))
    ):
        inner = fr_items(value, limit=6)
        if isinstance(value, list):
            text = f"[{inner}]"
        else:
            text = f"({inner},)" if len(value) == 1 else f"({inner})"
        return f"valeur reçue : {text} ({kind_of(value)})"
    return f"reçu : {kind_of(value)}"


def as_float_array(values: Any, name: str) -> np.ndarray:
    """``numpy.asarray(values, dtype=float)``, refusing in French what is not a number.

    Parameters
    ----------
    values : array-like
        Numbers (missing values become NaN, as in numpy).
    name : str
        Argument name, used in the error message.

    Returns
    -------
    numpy.ndarray of float

    Raises
    ------
    ValueError
        If a value is a text that is not a number, e.g. ``"abc"``, or a list
        where a number is expected (lists of different lengths).
    TypeError
        If a value cannot be a number at all, e.g. a dictionary.
    """
    try:
        return np.asarray(values, dtype=float)
    except (TypeError, ValueError) as error:
        bad: list[Any] = []
        several = False
        try:
            items = np.asarray(values, dtype=object)
            several = items.ndim > 0
            for item in items.ravel():
                try:
                    float(item)
                except (TypeError, ValueError):
                    bad.append(item)
        except (TypeError, ValueError):  # pragma: no cover - ragged nested arrays
            pass
        shown = f"valeurs refusées : {fr_items(bad)}" if bad and several else received(values)
        raise type(error)(f"« {name} » doit contenir des nombres ; {shown}.") from None


def column_list(
    columns: Any,
    name: str,
    *,
    expected: str = "une liste de noms de colonnes, par exemple ['age', 'sex']",
) -> list[Any]:
    """Return column names as a list, from one name (a text) or an iterable of names.

    Parameters
    ----------
    columns : str or iterable of str
        What the student passed.
    name : str
        Argument name, used in the error message.
    expected : str, default="une liste de noms de colonnes, par exemple ['age', 'sex']"
        What ``columns`` must be, in the error message (with an example of the
        caller's columns).

    Returns
    -------
    list

    Raises
    ------
    TypeError
        If ``columns`` is neither a name nor an iterable of names (a dictionary and
        a table are refused).
    """
    if isinstance(columns, str):
        return [columns]
    if isinstance(columns, Iterable) and not isinstance(columns, Mapping | pd.DataFrame):
        names = list(columns)
        if all(isinstance(column, Hashable) for column in names):
            return names
    raise TypeError(f"« {name} » doit être {expected} ; {received(columns)}.")


def _is_number(text: str) -> bool:
    """Whether ``text`` is a number typed as text, e.g. ``"0.5"`` or ``"0,5"``."""
    try:
        float(text.strip().replace(",", "."))
    except ValueError:
        return False
    return True


def _bound(value: float) -> str:
    """Write a bound in French: ``0.0`` → ``"0"``, ``99.5`` → ``"99,5"``."""
    number = float(value)
    return str(int(number)) if number.is_integer() else fr_value(number)


def expected_range(
    target_type: type,
    min_val: float | None,
    max_val: float | None,
    include_boundaries: Boundaries,
) -> str:
    """Describe in French what a check accepts, e.g. ``"un nombre compris entre 0 (inclus) …"``.

    Parameters
    ----------
    target_type : numbers.Integral or numbers.Real
        Expected kind of number.
    min_val, max_val : float or None
        Bounds (``None`` = unbounded).
    include_boundaries : {"both", "left", "right", "neither"}
        Which bounds are allowed values.

    Returns
    -------
    str
        Without a final full stop.
    """
    kind = "un nombre entier" if issubclass(target_type, numbers.Integral) else "un nombre"
    low_in = include_boundaries in ("left", "both")
    high_in = include_boundaries in ("right", "both")
    if min_val is not None and max_val is not None:
        return (
            f"{kind} compris entre {_bound(min_val)} ({'inclus' if low_in else 'exclu'}) "
            f"et {_bound(max_val)} ({'inclus' if high_in else 'exclu'})"
        )
    if min_val is not None:
        relation = "supérieur ou égal à" if low_in else "strictement supérieur à"
        return f"{kind} {relation} {_bound(min_val)}"
    if max_val is not None:
        relation = "inférieur ou égal à" if high_in else "strictement inférieur à"
        return f"{kind} {relation} {_bound(max_val)}"
    return kind


def _out_of_bounds(
    value: Any, min_val: float | None, max_val: float | None, include: Boundaries
) -> bool:
    low_in = include in ("left", "both")
    high_in = include in ("right", "both")
    if min_val is not None and (value < min_val if low_in else value <= min_val):
        return True
    return max_val is not None and (value > max_val if high_in else value >= max_val)


def check_finite_scalar(
    value: Any,
    name: str,
    target_type: type,
    *,
    min_val: float | None = None,
    max_val: float | None = None,
    include_boundaries: Boundaries = "both",
) -> Any:
    """Validate a numeric argument with :func:`sklearn.utils.validation.check_scalar`.

    ``check_scalar`` checks the type and the bounds. It lets two things through
    that no course function accepts, and this function refuses them: booleans (a
    ``bool`` is an ``int`` in Python, so ``n_samples=True`` would mean 1) and NaN
    (it fails no comparison, so no bound catches it), as well as infinities.
    Every refusal is worded in French: it names the argument, says what is
    accepted (bounds with a decimal comma, included or excluded) and repeats the
    value received, e.g. ``« threshold » doit être un nombre compris entre 0
    (inclus) et 1 (inclus) ; valeur reçue : 2.``

    Parameters
    ----------
    value : Any
        The value to check.
    name : str
        Argument name, used in the error message.
    target_type : numbers.Integral or numbers.Real
        Expected kind of number.
    min_val, max_val : float or None, default=None
        Bounds (``None`` = unbounded).
    include_boundaries : {"both", "left", "right", "neither"}, default="both"
        Which bounds are allowed values, as in ``check_scalar``.

    Returns
    -------
    int or float
        ``value`` as a Python ``int`` (``numbers.Integral``) or ``float``
        (``numbers.Real``).

    Raises
    ------
    TypeError
        If ``value`` is not of ``target_type``, or is a boolean.
    ValueError
        If ``value`` is out of bounds, NaN or infinite.
    """
    expected = expected_range(target_type, min_val, max_val, include_boundaries)
    shown = f"valeur reçue : {fr_value(value)}"
    if isinstance(value, bool | np.bool_):
        raise TypeError(f"« {name} » doit être {expected}, pas un booléen ; {shown}.")
    try:
        check_scalar(
            value,
            name,
            target_type,
            min_val=min_val,
            max_val=max_val,
            include_boundaries=include_boundaries,
        )
    except TypeError:
        hint = ""
        if isinstance(value, str) and _is_number(value):
            hint = " Écrivez le nombre sans guillemets, avec un point pour les décimales."
        raise TypeError(
            f"« {name} » doit être {expected} ; {shown} ({kind_of(value)}).{hint}"
        ) from None
    except ValueError:
        if include_boundaries not in get_args(Boundaries) or not _out_of_bounds(
            value, min_val, max_val, include_boundaries
        ):
            raise  # bad bounds in the calling code: for its developer, not a student
        raise ValueError(f"« {name} » doit être {expected} ; {shown}.") from None
    if issubclass(target_type, numbers.Integral):
        return int(value)
    if not math.isfinite(value):
        if min_val is None and max_val is None:
            expected = "un nombre fini"
        raise ValueError(f"« {name} » doit être {expected} ; {shown}.")
    return float(value)
