"""The explorers' tables: French HTML rendered by pandas' ``Styler``."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Hashable, Mapping, Sequence
from html import escape
from typing import Any

import pandas as pd
from pandas.io.formats.style import Styler

__all__ = ["Formatter", "new_table_id", "styled_table"]

#: Turns one value into the HTML shown in its cell (already escaped).
Formatter = Callable[[Any], str]

#: No-break space: the French thousands separator, which never wraps.
_THOUSANDS = "\u00a0"

_TABLE_STYLES = [
    {"selector": "", "props": "border-collapse:collapse;margin:0 12px 8px 0"},
    {"selector": "caption", "props": "font-weight:bold;text-align:left;padding:2px 0 4px"},
    {"selector": "th, td", "props": "padding:3px 8px;border:1px solid #444;vertical-align:top"},
    {"selector": "th", "props": "text-align:left"},
    {"selector": "td", "props": "text-align:right"},
]


def new_table_id() -> str:
    """Return a fresh identifier for an explorer's tables.

    An explorer keeps one for its lifetime, so that its HTML changes only when
    what it shows changes, while two explorers on a page never share the CSS
    rules ``Styler`` scopes by this identifier.

    Returns
    -------
    str
        Eight hexadecimal digits.
    """
    return uuid.uuid4().hex[:8]


def styled_table(
    frame: pd.DataFrame,
    *,
    caption: str,
    table_id: str,
    corner: str = "",
    header: bool = True,
    row_formats: Mapping[Hashable, Formatter] | None = None,
    text_columns: Sequence[Hashable] = (),
    bold_columns: Sequence[Hashable] = (),
) -> Styler:
    """Prepare a table of an explorer for display, in French.

    The index of ``frame`` gives the row headers and its columns the column
    headers; both are escaped. A number without a formatter in
    ``row_formats`` is written the French way by ``Styler.format`` (decimal
    comma, three decimals, no-break space between thousands, ``"non défini"``
    for NaN), unless a later ``Styler.format`` call says otherwise; text is
    escaped. Call ``.to_html()`` on the result, after any
    table-specific ``format`` or ``set_properties``.

    Parameters
    ----------
    frame : pandas.DataFrame
        What to show, one cell per value.
    caption : str
        The table's title, as plain text: read first by a screen reader.
    table_id : str
        From :func:`new_table_id`, suffixed to tell an explorer's tables apart.
    corner : str, default=""
        Header of the row headers (top-left cell).
    header : bool, default=True
        Show the column headers.
    row_formats : mapping, optional
        Row label → formatter of the row's cells outside ``text_columns``,
        e.g. :func:`esn_teach._formatting.fr_percent`. Its output is inserted
        as HTML, unescaped (it may emphasise part of a cell).
    text_columns : sequence, default=()
        Columns of text (definitions, notes): escaped and left-aligned.
    bold_columns : sequence, default=()
        Columns written in bold.

    Returns
    -------
    pandas.io.formats.style.Styler
    """
    frame = frame.rename_axis(index=None, columns=corner or None)
    styler = (
        frame.style.set_uuid(table_id)
        .set_caption(escape(caption, quote=False))
        .set_table_styles(_TABLE_STYLES)  # type: ignore[arg-type]  # stubs: TypedDict only
        .format(precision=3, decimal=",", thousands=_THOUSANDS, na_rep="non défini", escape="html")
        .format_index(escape="html", axis=0)
        .format_index(escape="html", axis=1)
    )
    values = [column for column in frame.columns if column not in text_columns]
    for label, formatter in (row_formats or {}).items():
        styler.format(formatter, subset=pd.IndexSlice[[label], values])  # type: ignore[type-var]
    # Rules by column (``td.colN``) outrank the table's ``td`` rule, unlike rules by cell.
    by_column: dict[Hashable, list[dict[str, str]]] = {}
    for column in text_columns:
        by_column.setdefault(column, []).append({"selector": "td", "props": "text-align:left"})
    for column in bold_columns:
        by_column.setdefault(column, []).append({"selector": "td", "props": "font-weight:bold"})
    if by_column:
        styler.set_table_styles(by_column, overwrite=False)  # type: ignore[arg-type]
    if not header:
        styler.hide(axis="columns")
    return styler
