"""French formatting of numbers for display to students."""

from __future__ import annotations

import math

__all__ = ["fr_number", "fr_percent"]


def fr_number(value: float, digits: int = 3) -> str:
    """Format ``value`` with a decimal comma, as French readers expect.

    Parameters
    ----------
    value : float
        The number.
    digits : int, default=3
        Decimals shown.

    Returns
    -------
    str
        For example ``"0,718"``; ``"non défini"`` for NaN.
    """
    if isinstance(value, float) and math.isnan(value):
        return "non défini"
    return f"{value:.{digits}f}".replace(".", ",")


def fr_percent(value: float, digits: int = 1) -> str:
    """Format a proportion as a French percentage, e.g. ``0.373`` → ``"37,3 %"``.

    Parameters
    ----------
    value : float
        A proportion (1 = 100 %).
    digits : int, default=1
        Decimals shown.

    Returns
    -------
    str
    """
    if isinstance(value, float) and math.isnan(value):
        return "non défini"
    return f"{fr_number(100 * value, digits)}\u00a0%"
