"""Checks of numeric arguments, shared by every subpackage, with French messages.

:func:`sklearn.utils.validation.check_scalar` checks a number's type and
bounds; :func:`check_finite_scalar` adds what it lets through and no course
function accepts (booleans and non-finite values), and words every refusal in
French: students type these values, in a module's cell or in an explorer's
arguments, and read the message.
"""

from __future__ import annotations

import math
import numbers
from typing import Any, Literal, get_args

import numpy as np
from sklearn.utils.validation import check_scalar

from esn_teach._formatting import fr_value

__all__ = ["Boundaries", "check_finite_scalar", "expected_range", "kind_of"]

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
    received = f"valeur reçue : {fr_value(value)}"
    if isinstance(value, bool | np.bool_):
        raise TypeError(f"« {name} » doit être {expected}, pas un booléen ; {received}.")
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
            f"« {name} » doit être {expected} ; {received} ({kind_of(value)}).{hint}"
        ) from None
    except ValueError:
        if include_boundaries not in get_args(Boundaries) or not _out_of_bounds(
            value, min_val, max_val, include_boundaries
        ):
            raise  # bad bounds in the calling code: for its developer, not a student
        raise ValueError(f"« {name} » doit être {expected} ; {received}.") from None
    if issubclass(target_type, numbers.Integral):
        return int(value)
    if not math.isfinite(value):
        if min_val is None and max_val is None:
            expected = "un nombre fini"
        raise ValueError(f"« {name} » doit être {expected} ; {received}.")
    return float(value)
