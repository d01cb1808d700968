"""French formatting of numbers and tables for display to students."""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Hashable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pandas is imported on demand: ``import esn_teach`` stays light
    import pandas as pd
    from pandas.io.formats.style import Styler

__all__ = [
    "DECIMAL_POINT",
    "fr_count",
    "fr_date",
    "fr_datetime",
    "fr_number",
    "fr_percent",
    "fr_plural",
    "fr_spacing",
    "fr_table",
    "fr_value",
]

#: A decimal written the English way: a digit, a dot, a digit ("0.8"). What students must
#: never see in a number; used by the tests and by :func:`fr_value`.
DECIMAL_POINT = re.compile(r"\d\.\d")

#: No-break space: the French thousands separator, which never wraps.
_THOUSANDS = "\u00a0"


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


def fr_count(count: object) -> str:
    """Write a count with a no-break space between thousands: ``10000`` → ``"10 000"``."""
    return f"{int(count):,}".replace(",", "\u00a0")  # type: ignore[call-overload]


_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def fr_date(value: date) -> str:
    """Write a date the French way: ``date(2026, 12, 4)`` → ``"4 décembre 2026"`` (``1er``)."""
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {_MONTHS[value.month - 1]} {value.year}"


def fr_datetime(value: datetime) -> str:
    """Write a moment the French way: ``"5 décembre 2026 à 14 h 03"`` (the time as given).

    The spaces around ``h`` are non-breaking: « 14 h 03 » is never split across lines.
    """
    return f"{fr_date(value)} à {value.hour}\u00a0h\u00a0{value.minute:02d}"


_BEFORE = re.compile(r" ([:;!?»])")
_AFTER = re.compile(r"« ")


def fr_spacing(text: str) -> str:
    """Make the spaces French typography keeps with a sign non-breaking.

    Before ``: ; ! ? »`` and after ``«``: a line never starts with a colon or a closing
    guillemet. Apply it to text (or an HTML body), not to code or CSS.
    """
    return _AFTER.sub("«\u00a0", _BEFORE.sub("\u00a0\\1", text))


def fr_plural(count: int, words: str) -> str:
    """Return ``count`` and ``words``, each word in the plural from 2 on (French: 0 and 1 singular).

    For example ``fr_plural(3, "copie corrigée")`` → ``"3 copies corrigées"``.
    """
    plural = " ".join(word + "s" for word in words.split()) if abs(count) >= 2 else words
    return f"{fr_count(count)} {plural}"


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


def fr_value(value: Any) -> str:
    """Write a value the way a student typed it, in French, for an error message.

    Numbers keep all their digits but take a decimal comma (``0.25`` → ``"0,25"``,
    ``2.0`` → ``"2,0"``, ``1e-05`` → ``"1e-05"``); NaN and the infinities are named
    in words; text keeps its quotes, so that ``"0.5"`` is seen to be text.

    Parameters
    ----------
    value : Any
        Any value.

    Returns
    -------
    str
    """
    kind = type(value)
    if isinstance(value, bool) or (kind.__module__ == "numpy" and kind.__name__.startswith("bool")):
        return str(bool(value))
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        number = float(value)
        if math.isnan(number):
            return "NaN (« pas un nombre »)"
        if math.isinf(number):
            return "l'infini" if number > 0 else "moins l'infini"
        return repr(number).replace(".", ",")
    return repr(value)


def fr_table(
    data: pd.DataFrame | pd.Series,
    *,
    name: str | None = None,
    columns: Mapping[Hashable, str] | None = None,
    index: Mapping[str, str] | None = None,
    caption: str | None = None,
    digits: int = 3,
    show_index: bool = True,
) -> Styler:
    """Show a pandas table to students: French headers, decimal comma, no ``dtype`` line.

    A bare ``Series`` or ``DataFrame`` left as a cell's last expression, or
    printed, shows English and programmer's details (``Name: size, dtype:
    int64``, decimal points). This returns a ``Styler``, which Jupyter shows as
    an HTML table: numbers with a decimal comma and ``digits`` decimals (integers
    stay integers), a no-break space between thousands, ``"non défini"`` for a
    missing value.

    Parameters
    ----------
    data : pandas.DataFrame or pandas.Series
        The table; a Series becomes a one-column table.
    name : str, optional
        Header of a Series' column (by default the Series' name).
    columns : mapping, optional
        Column → French header.
    index : mapping, optional
        Index level name → French header (e.g. ``{"sex": "Sexe"}``).
    caption : str, optional
        Title of the table, as plain text.
    digits : int, default=3
        Decimals of the non-integer numbers.
    show_index : bool, default=True
        Show the row labels (hide a meaningless 0, 1, 2… numbering).

    Returns
    -------
    pandas.io.formats.style.Styler

    Raises
    ------
    TypeError
        If ``data`` is neither a DataFrame nor a Series.
    """
    import pandas as pd

    if isinstance(data, pd.Series):
        frame = data.to_frame(name if name is not None else data.name)
    elif isinstance(data, pd.DataFrame):
        frame = data
    else:
        raise TypeError(
            "fr_table attend un tableau pandas (DataFrame ou Series) ; "
            f"reçu : un objet de type {type(data).__name__}."
        )
    if columns:
        frame = frame.rename(columns=dict(columns))
    if index:
        levels: dict[str | int, str] = {name: label for name, label in index.items()}
        frame = frame.rename_axis(index=levels)  # renames the index levels
    styler = frame.style.format(
        precision=digits, decimal=",", thousands=_THOUSANDS, na_rep="non défini", escape="html"
    ).format_index(escape="html", axis=1)
    # Row labels may be numbers too (a threshold, a width): decimal comma, but no thousands
    # separator, which would split a year or a postcode.
    styler.format_index(precision=digits, decimal=",", escape="html", axis=0)
    if caption:
        from html import escape

        styler.set_caption(escape(caption, quote=False))
    if not show_index:
        styler.hide(axis="index")
    return styler
