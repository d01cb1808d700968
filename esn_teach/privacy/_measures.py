"""Re-identification measures on a table: unique rows, k-anonymity, l-diversity, linkage."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from pandas.api.typing import DataFrameGroupBy

from esn_teach._validation import column_list, fr_items, received

__all__ = [
    "LinkageResult",
    "birth_date_span",
    "class_sizes",
    "information_loss",
    "k_anonymity",
    "l_diversity",
    "linkage_attack",
    "unique_share",
    "values_merged",
]

#: Days in an average year, to write spans of birth dates in years.
_DAYS_PER_YEAR = 365.25


#: What a list of columns must be, in an error message.
_COLUMNS_EXPECTED = (
    "un nom de colonne ou une liste de noms de colonnes, "
    "par exemple ['birth_date', 'sex', 'postcode']"
)


def _check_table(
    frame: object,
    columns: Sequence[str],
    *,
    what: str = "frame",
    columns_name: str = "quasi_identifiers",
) -> list[str]:
    """Validate ``frame`` and ``columns``; return the columns as a list.

    ``what`` and ``columns_name`` are the names of the two arguments, for the messages.
    """
    if not isinstance(frame, pd.DataFrame):
        shown = received(frame, show_lists=False)
        raise TypeError(f"« {what} » doit être un tableau pandas (DataFrame) ; {shown}.")
    columns = column_list(columns, columns_name, expected=_COLUMNS_EXPECTED)
    if not columns:
        raise ValueError(f"« {columns_name} » doit contenir au moins une colonne.")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(
            f"colonnes absentes du tableau « {what} » : {fr_items(missing, len(missing))} ; "
            f"colonnes disponibles : {fr_items(frame.columns, 12)}."
        )
    if len(frame) == 0:
        raise ValueError(
            f"le tableau « {what} » est vide : la mesure n'est pas définie sur un tableau "
            "sans lignes."
        )
    return columns


def _classes(frame: pd.DataFrame, columns: list[str], *, sort: bool = False) -> DataFrameGroupBy:
    """Group the rows of ``frame`` into equivalence classes (rows equal on ``columns``).

    Missing values form a class of their own (``dropna=False``), and unused
    categories of a categorical column form no class (``observed=True``). With
    ``sort``, classes come in the order of their values, else of first appearance.
    """
    return frame.groupby(columns, observed=True, dropna=False, sort=sort)


def _column_codes(values: pd.Series) -> tuple[np.ndarray, int]:
    """Integer codes of a column (missing values get a code of their own) and their count.

    Used by :class:`esn_teach.explorers.AnonymisationExplorer`, which caches the codes
    of each generalised column and combines them with :func:`_combine_codes`.
    """
    if isinstance(values.dtype, pd.CategoricalDtype):
        codes = values.cat.codes.to_numpy().astype(np.int64) + 1  # -1 (missing) -> 0
        return codes, len(values.cat.categories) + 1
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    return codes.astype(np.int64), len(uniques)


def _combine_codes(columns: list[tuple[np.ndarray, int]]) -> np.ndarray:
    """One code per combination of the columns' codes (0, 1, 2...), numbered by :func:`_classes`.

    ``columns`` holds ``(codes, count)`` pairs from :func:`_column_codes` (the count is
    not needed here; the pairs are what the explorer caches).
    """
    codes = pd.DataFrame({position: codes for position, (codes, _) in enumerate(columns)})
    return _classes(codes, list(codes.columns)).ngroup().to_numpy()


def _distinct_per_class(codes: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Count the distinct ``values`` in each class of ``codes`` (classes present only)."""
    return pd.Series(values).groupby(codes, sort=False).nunique(dropna=False).to_numpy()


def _link_codes(code_r: np.ndarray, code_e: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions of the linked rows: (released rows, their external row), from class codes.

    Both arrays hold codes from one numbering shared by the two tables (0, 1, 2...).
    A class links when it holds exactly one released row and exactly one external row.
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
    sizes = _classes(frame, columns, sort=True).size()
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
    TypeError
        A table is not a DataFrame, or the columns are not column names.
    """
    columns = _check_table(frame, quasi_identifiers)
    return int(_classes(frame, columns).size().min())


def unique_share(frame: pd.DataFrame, quasi_identifiers: Sequence[str]) -> float:
    """Share of rows that are alone in their equivalence class (class of size 1).

    These rows are singled out by their quasi-identifiers: whoever knows them
    finds the row. Missing values count as a value (two rows missing the same
    column are alike there).

    Parameters
    ----------
    frame : pandas.DataFrame
        The released table (at least one row).
    quasi_identifiers : sequence of str
        Quasi-identifier columns.

    Returns
    -------
    float
        In [0, 1]: rows alone in their class, divided by all rows.

    Raises
    ------
    ValueError
        Unknown column, no column, or empty table. A table without rows has no
        share of unique rows (0 / 0); answering 0 would read as "nobody can be
        singled out", so the measure refuses it, like :func:`k_anonymity` and
        :func:`l_diversity`.
    TypeError
        A table is not a DataFrame, or the columns are not column names.
    """
    columns = _check_table(frame, quasi_identifiers)
    return float((_classes(frame, columns).size() == 1).sum() / len(frame))


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
    TypeError
        A table is not a DataFrame, or the columns are not column names.
    """
    columns = _check_table(frame, quasi_identifiers)
    if not isinstance(sensitive, Hashable) or isinstance(sensitive, tuple):
        raise TypeError(
            f"« sensitive » doit être le nom d'une colonne, par exemple 'diagnosis' ; "
            f"{received(sensitive, show_lists=False)}."
        )
    _check_table(frame, [sensitive], columns_name="sensitive")
    if sensitive in columns:
        raise ValueError(
            f"la colonne sensible {sensitive!r} ne peut pas être aussi un quasi-identifiant : "
            "retirez-la de « quasi_identifiers »."
        )
    return int(_classes(frame, columns)[sensitive].nunique(dropna=False).min())


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
    TypeError
        A table is not a DataFrame, or the columns are not column names.
    """
    columns = _check_table(released, quasi_identifiers, what="released")
    _check_table(external, columns, what="external")
    both = pd.concat([released[columns], external[columns]], ignore_index=True)
    codes = _classes(both, columns).ngroup().to_numpy()
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
    TypeError
        A table is not a DataFrame, or the columns are not column names.
    """
    columns = _check_table(original, columns, what="original", columns_name="columns")
    _check_table(generalised, columns, what="generalised", columns_name="columns")
    if len(original) != len(generalised):
        raise ValueError(
            "« original » et « generalised » doivent avoir les mêmes lignes, dans le même "
            f"ordre ; nombres de lignes reçus : {len(original)} et {len(generalised)}."
        )
    losses = []
    for column in columns:
        before = original[column].reset_index(drop=True)
        after = generalised[column].reset_index(drop=True)
        n_distinct = before.nunique(dropna=False)
        if n_distinct <= 1:
            losses.append(np.zeros(len(before)))
            continue
        # Distinct original values merged into each generalised value, row by row.
        merged = before.groupby(after, observed=True, dropna=False, sort=False).transform(
            "nunique", dropna=False
        )
        losses.append((merged.to_numpy() - 1) / (n_distinct - 1))
    return float(np.mean(losses))


def _check_pair(original: object, published: object, names: tuple[str, str]) -> pd.Series:
    """Validate two aligned columns; return ``published`` as a Series on ``original``'s rows."""
    for value, name in zip((original, published), names, strict=True):
        if not isinstance(value, pd.Series):
            shown = received(value, show_lists=False)
            raise TypeError(f"« {name} » doit être une colonne pandas (Series) ; {shown}.")
    assert isinstance(original, pd.Series) and isinstance(published, pd.Series)
    if len(original) == 0:
        raise ValueError(f"« {names[0]} » est vide : la mesure n'est pas définie sans lignes.")
    if len(original) != len(published):
        raise ValueError(
            f"« {names[0]} » et « {names[1]} » doivent avoir les mêmes lignes, dans le même "
            f"ordre ; nombres de lignes reçus : {len(original)} et {len(published)}."
        )
    return pd.Series(published.to_numpy(), index=original.index)


def birth_date_span(birth_dates: pd.Series, published: pd.Series) -> float:
    """Mean width, in years, of the birth dates a published value still leaves possible.

    One scale for every way of publishing the age: for each row, the earliest and
    latest birth dates among the rows that share its published value (a birth date
    generalised to a month or a year, an age band, or the same constant for all when
    nothing about the age is published), plus one day; then the mean over rows, in
    years of 365.25 days. A full birth date gives 1/365 year; a birth year or a
    one-year age band about one year; a ten-year band about ten years; nothing
    published, the whole range of the table. Compare with :func:`information_loss`,
    which counts merged values column by column and so cannot compare a published
    birth year with a published age band.

    Parameters
    ----------
    birth_dates : pandas.Series
        The exact birth dates (datetime, no missing value).
    published : pandas.Series
        Same rows, same order: what is published about the age of each row.
        Missing values form a class of their own.

    Returns
    -------
    float
        Mean width in years (at least 1/365.25).

    Raises
    ------
    ValueError
        Empty column, columns of different lengths, or missing birth dates.
    TypeError
        An argument is not a pandas Series, or ``birth_dates`` holds no dates.
    """
    published = _check_pair(birth_dates, published, ("birth_dates", "published"))
    if not pd.api.types.is_datetime64_any_dtype(birth_dates):
        raise TypeError(
            "« birth_dates » doit contenir des dates (type datetime), par exemple la colonne "
            f"'birth_date' du registre ; type reçu : {birth_dates.dtype}."
        )
    if birth_dates.isna().any():
        raise ValueError(
            "« birth_dates » contient des dates manquantes : la largeur n'est pas définie."
        )
    days = (birth_dates - birth_dates.min()).dt.days.to_numpy()
    groups = pd.Series(days).groupby(published.to_numpy(), dropna=False, sort=False)
    span = groups.transform("max") - groups.transform("min") + 1
    return float(np.mean(span.to_numpy()) / _DAYS_PER_YEAR)


def values_merged(original: pd.Series, published: pd.Series) -> float:
    """Mean number of distinct original values that share a row's published value.

    1 means nothing is merged (the exact value is published); for postcodes published
    as départements, the mean number of postcodes a reader can no longer tell apart.
    Missing values count as a value.

    Parameters
    ----------
    original : pandas.Series
        The exact values (e.g. the postcodes).
    published : pandas.Series
        Same rows, same order, after generalisation (e.g. the départements).

    Returns
    -------
    float
        At least 1.

    Raises
    ------
    ValueError
        Empty column or columns of different lengths.
    TypeError
        An argument is not a pandas Series.
    """
    published = _check_pair(original, published, ("original", "published"))
    merged = (
        original.reset_index(drop=True)
        .groupby(published.to_numpy(), dropna=False, sort=False)
        .transform("nunique", dropna=False)
    )
    return float(merged.mean())
