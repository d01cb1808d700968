"""Re-identification measures on a table: unique rows, k-anonymity, l-diversity, linkage."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = [
    "LinkageResult",
    "class_sizes",
    "information_loss",
    "k_anonymity",
    "l_diversity",
    "linkage_attack",
    "unique_share",
]


def _check_table(frame: object, columns: Sequence[str], *, what: str = "frame") -> list[str]:
    """Validate ``frame`` and ``columns``; return the columns as a list."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{what} must be a pandas DataFrame, got {type(frame).__name__}")
    if isinstance(columns, str):
        columns = [columns]
    columns = list(columns)
    if not columns:
        raise ValueError("give at least one quasi-identifier column")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(
            f"unknown column(s) {missing} in {what}; available columns: {list(frame.columns)}"
        )
    if len(frame) == 0:
        raise ValueError(f"{what} is empty: the measure is not defined on a table without rows")
    return columns


def _column_codes(values: pd.Series) -> tuple[np.ndarray, int]:
    """Integer codes of a column (missing values get a code of their own) and their count."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        codes = values.cat.codes.to_numpy().astype(np.int64) + 1  # -1 (missing) -> 0
        return codes, len(values.cat.categories) + 1
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    return codes.astype(np.int64), len(uniques)


def _combine_codes(columns: list[tuple[np.ndarray, int]]) -> np.ndarray:
    """One code per combination of the columns' codes (0, 1, 2...)."""
    key = np.zeros(len(columns[0][0]), dtype=np.int64)
    for codes, cardinality in columns:
        key, _ = pd.factorize(key * cardinality + codes)  # stays below the number of rows
        key = key.astype(np.int64)
    return key


def _group_codes(frame: pd.DataFrame, columns: list[str]) -> np.ndarray:
    """Integer code of each row's combination of values in ``columns`` (0, 1, 2...)."""
    return _combine_codes([_column_codes(frame[column]) for column in columns])


def _row_class_sizes(frame: pd.DataFrame, columns: list[str]) -> np.ndarray:
    """Size of each row's equivalence class (rows equal on ``columns``)."""
    codes = _group_codes(frame, columns)
    return np.bincount(codes)[codes]


def class_sizes(frame: pd.DataFrame, quasi_identifiers: Sequence[str]) -> pd.Series:
    """Size of each equivalence class: the groups of rows equal on the quasi-identifiers.

    Parameters
    ----------
    frame : pandas.DataFrame
        The released table.
    quasi_identifiers : sequence of str
        Columns an attacker may know from elsewhere (birth date, sex, postcode...).

    Returns
    -------
    pandas.Series
        One entry per class present in the table (indexed by its values), the
        number of rows it holds; sorted from the smallest class.

    Raises
    ------
    ValueError
        Unknown column, no column, or empty table.
    TypeError
        ``frame`` is not a DataFrame.
    """
    columns = _check_table(frame, quasi_identifiers)
    sizes = frame.groupby(columns, observed=True, dropna=False).size()
    return sizes.sort_values(kind="stable").rename("size")


def k_anonymity(frame: pd.DataFrame, quasi_identifiers: Sequence[str]) -> int:
    """Return the *k* of k-anonymity: the size of the **smallest** equivalence class.

    Every row shares its quasi-identifiers with at least ``k - 1`` other rows;
    ``k = 1`` means at least one row is unique (it can be singled out).

    Parameters
    ----------
    frame : pandas.DataFrame
        The released table.
    quasi_identifiers : sequence of str
        Quasi-identifier columns.

    Returns
    -------
    int

    Raises
    ------
    ValueError
        Unknown column, no column, or empty table.
    """
    columns = _check_table(frame, quasi_identifiers)
    return int(_row_class_sizes(frame, columns).min())


def unique_share(frame: pd.DataFrame, quasi_identifiers: Sequence[str]) -> float:
    """Share of rows that are alone in their equivalence class (class of size 1).

    Parameters
    ----------
    frame : pandas.DataFrame
        The released table.
    quasi_identifiers : sequence of str
        Quasi-identifier columns.

    Returns
    -------
    float
        In [0, 1].

    Raises
    ------
    ValueError
        Unknown column, no column, or empty table.
    """
    columns = _check_table(frame, quasi_identifiers)
    return float(np.mean(_row_class_sizes(frame, columns) == 1))


def l_diversity(frame: pd.DataFrame, quasi_identifiers: Sequence[str], sensitive: str) -> int:
    """Distinct l-diversity: the fewest distinct sensitive values found in one class.

    Computed **per equivalence class**, then the minimum over classes: ``l = 1``
    means that in at least one class everybody has the same sensitive value
    (e.g. the same diagnosis), which an attacker learns without singling anyone out.

    Parameters
    ----------
    frame : pandas.DataFrame
        The released table.
    quasi_identifiers : sequence of str
        Quasi-identifier columns.
    sensitive : str
        The sensitive column (e.g. the diagnosis).

    Returns
    -------
    int

    Raises
    ------
    ValueError
        Unknown column, no column, empty table, or ``sensitive`` among the
        quasi-identifiers.
    """
    columns = _check_table(frame, quasi_identifiers)
    _check_table(frame, [sensitive])
    if sensitive in columns:
        raise ValueError(f"the sensitive column {sensitive!r} cannot also be a quasi-identifier")
    codes = _group_codes(frame, columns)
    values, _ = pd.factorize(frame[sensitive], use_na_sentinel=False)
    return int(_distinct_per_class(codes, values.astype(np.int64)).min())


def _link_codes(code_r: np.ndarray, code_e: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions of the linked rows: (released rows, their external row), from class codes.

    Both arrays hold codes from one numbering shared by the two tables.
    """
    n_groups = int(max(code_r.max(initial=-1), code_e.max(initial=-1))) + 1
    count_r = np.bincount(code_r, minlength=n_groups)
    count_e = np.bincount(code_e, minlength=n_groups)
    linked = (count_r == 1) & (count_e == 1)
    rows_r = np.flatnonzero(linked[code_r])
    external_row_of_group = np.full(n_groups, -1, dtype=np.int64)
    rows_e = np.flatnonzero(linked[code_e])
    external_row_of_group[code_e[rows_e]] = rows_e
    return rows_r, external_row_of_group[code_r[rows_r]]


def _distinct_per_class(codes: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Count the distinct ``values`` (integer codes, 0 or more) in each class of ``codes``."""
    base = int(values.max()) + 1
    pairs = np.unique(codes * base + values)
    counts = np.bincount(pairs // base)
    return counts[counts > 0]


@dataclass(frozen=True)
class LinkageResult:
    """Outcome of a linkage attack (see :func:`linkage_attack`).

    Attributes
    ----------
    matches : pandas.DataFrame
        One row per re-identified record: ``released_index`` (index label in
        the released table) and ``external_index`` (index label in the
        external table).
    n_reidentified : int
        Records of the released table linked to exactly one external row.
    n_released : int
        Rows of the released table.
    n_external : int
        Rows of the external table.
    """

    matches: pd.DataFrame
    n_reidentified: int
    n_released: int
    n_external: int


def linkage_attack(
    released: pd.DataFrame, external: pd.DataFrame, quasi_identifiers: Sequence[str]
) -> LinkageResult:
    """Join a released table with a named external table on the quasi-identifiers.

    A released record is **re-identified** when its combination of
    quasi-identifiers occurs exactly once in the released table and exactly once
    in the external table: the attacker can then put the external row's name on
    it without ambiguity. Some of these links may be wrong (a person of the
    external table who is not in the released table but happens to share the
    combination); compare with the truth when it is known.

    Parameters
    ----------
    released : pandas.DataFrame
        The pseudonymised table (e.g. a hospital registry).
    external : pandas.DataFrame
        A table with names and the same quasi-identifier columns (e.g. a
        voter list), generalised in the same way as ``released``.
    quasi_identifiers : sequence of str
        Columns present in both tables.

    Returns
    -------
    LinkageResult

    Raises
    ------
    ValueError
        Unknown column in either table, no column, or an empty table.
    """
    columns = _check_table(released, quasi_identifiers, what="released")
    _check_table(external, columns, what="external")
    both = pd.concat([released[columns], external[columns]], ignore_index=True)
    codes = _group_codes(both, columns)
    n_r = len(released)
    rows_r, rows_e = _link_codes(codes[:n_r], codes[n_r:])
    matches = pd.DataFrame(
        {
            "released_index": released.index.to_numpy()[rows_r],
            "external_index": external.index.to_numpy()[rows_e],
        }
    )
    return LinkageResult(
        matches=matches,
        n_reidentified=len(rows_r),
        n_released=n_r,
        n_external=len(external),
    )


def information_loss(
    original: pd.DataFrame, generalised: pd.DataFrame, columns: Sequence[str]
) -> float:
    """Share of the detail lost by generalising ``columns`` (0 = nothing lost, 1 = all).

    For each column and each row, the loss is the number of distinct original
    values merged into the row's generalised value, minus one, divided by the
    number of distinct original values minus one (in the spirit of the
    normalised certainty penalty of Xu et al., KDD 2006). Exact values lose 0;
    a value replaced by "everything" loses 1. The result is the mean over rows
    and columns.

    Parameters
    ----------
    original : pandas.DataFrame
        The table before generalisation.
    generalised : pandas.DataFrame
        The same rows, in the same order, after generalisation.
    columns : sequence of str
        Columns present in both tables.

    Returns
    -------
    float
        In [0, 1].

    Raises
    ------
    ValueError
        Unknown column, empty tables, or tables of different lengths.
    """
    columns = _check_table(original, columns, what="original")
    _check_table(generalised, columns, what="generalised")
    if len(original) != len(generalised):
        raise ValueError(
            f"original and generalised must have the same rows ({len(original)} != "
            f"{len(generalised)})"
        )
    losses = []
    for column in columns:
        before, n_before = _column_codes(original[column].reset_index(drop=True))
        after, _ = _column_codes(generalised[column].reset_index(drop=True))
        n_distinct = len(np.unique(before))
        if n_distinct <= 1:
            losses.append(np.zeros(len(before)))
            continue
        # Distinct original values merged into each generalised value, row by row.
        pairs = np.unique(after * n_before + before)
        merged = np.bincount(pairs // n_before, minlength=int(after.max()) + 1)[after]
        losses.append((merged - 1) / (n_distinct - 1))
    return float(np.mean(losses))
