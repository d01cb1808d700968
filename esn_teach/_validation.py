"""Checks of numeric arguments, shared by every subpackage.

:func:`sklearn.utils.validation.check_scalar` checks a number's type and
bounds; :func:`check_finite_scalar` adds what it lets through and no course
function accepts: booleans and non-finite values.
"""

from __future__ import annotations

import math
import numbers
from typing import Any, Literal

import numpy as np
from sklearn.utils.validation import check_scalar

__all__ = ["Boundaries", "check_finite_scalar"]

Boundaries = Literal["both", "left", "right", "neither"]


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
    if isinstance(value, bool | np.bool_):
        raise TypeError(f"{name} must be a number, not bool.")
    check_scalar(
        value,
        name,
        target_type,
        min_val=min_val,
        max_val=max_val,
        include_boundaries=include_boundaries,
    )
    if issubclass(target_type, numbers.Integral):
        return int(value)
    if not math.isfinite(value):
        raise ValueError(f"{name} == {value}, must be a finite number.")
    return float(value)
