"""Generalisation: replace precise values by coarser ones (age bands, places, dates)."""

from __future__ import annotations

import numbers
import warnings
from typing import Any

import numpy as np
import pandas as pd

from esn_teach._validation import check_finite_scalar, fr_items, received

__all__ = [
    "DATE_LEVELS",
    "PLACE_LEVELS",
    "REGIONS",
    "age_bands",
    "age_on",
    "departement_of",
    "generalise_date",
    "generalise_place",
]

#: The 18 French regions (2016 map) and their départements.
REGIONS: dict[str, tuple[str, ...]] = {
    "Auvergne-Rhône-Alpes": (
        "01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74",
    ),
    "Bourgogne-Franche-Comté": ("21", "25", "39", "58", "70", "71", "89", "90"),
    "Bretagne": ("22", "29", "35", "56"),
    "Centre-Val de Loire": ("18", "28", "36", "37", "41", "45"),
    "Corse": ("2A", "2B"),
    "Grand Est": ("08", "10", "51", "52", "54", "55", "57", "67", "68", "88"),
    "Hauts-de-France": ("02", "59", "60", "62", "80"),
    "Île-de-France": ("75", "77", "78", "91", "92", "93", "94", "95"),
    "Normandie": ("14", "27", "50", "61", "76"),
    "Nouvelle-Aquitaine": (
        "16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87",
    ),
    "Occitanie": (
        "09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82",
    ),
    "Pays de la Loire": ("44", "49", "53", "72", "85"),
    "Provence-Alpes-Côte d'Azur": ("04", "05", "06", "13", "83", "84"),
    "Guadeloupe": ("971",),
    "Martinique": ("972",),
    "Guyane": ("973",),
    "La Réunion": ("974",),
    "Mayotte": ("976",),
}  # fmt: skip

_REGION_OF = {dept: region for region, depts in REGIONS.items() for dept in depts}

#: Levels accepted by :func:`generalise_place`, from the most to the least precise.
PLACE_LEVELS: tuple[str, ...] = ("postcode", "departement", "region")
#: Levels accepted by :func:`generalise_date`, from the most to the least precise.
DATE_LEVELS: tuple[str, ...] = ("day", "month", "year")


def _choices(options: tuple[str, ...]) -> str:
    """``"'day', 'month' ou 'year'"``."""
    quoted = [repr(option) for option in options]
    return f"{', '.join(quoted[:-1])} ou {quoted[-1]}"


def _check_level(level: Any, levels: tuple[str, ...]) -> None:
    if not isinstance(level, str) or level not in levels:
        raise ValueError(
            f"« level » doit être {_choices(levels)} ; {received(level, show_lists=False)}."
        )


def _as_series(values: object, name: str) -> pd.Series:
    series = values if isinstance(values, pd.Series) else pd.Series(np.asarray(values))
    if len(series) == 0:
        raise ValueError(f"« {name} » est vide : il faut au moins une valeur.")
    return series


def _to_dates(series: pd.Series, name: str, *, type_error: type[Exception]) -> pd.DatetimeIndex:
    """Read the values of ``series`` as dates, refusing in French a value that is no date.

    ``type_error`` is the exception raised when pandas raises a ``TypeError`` (a
    value of a kind that cannot be a date); a text that is not a date raises a
    ``ValueError``.
    """
    try:
        return pd.DatetimeIndex(pd.to_datetime(series))
    except (TypeError, ValueError, OverflowError) as error:
        shown = received(series.iloc[0]) if len(series) == 1 else ""
        if not shown:
            try:
                with warnings.catch_warnings():  # pandas warns (in English) while guessing
                    warnings.simplefilter("ignore")
                    dates = pd.to_datetime(series, errors="coerce")
                bad = series[pd.isna(dates) & series.notna()]
            except (TypeError, ValueError, OverflowError):
                bad = series.iloc[:0]
            shown = f"valeurs refusées : {fr_items(bad)}" if len(bad) else received(series)
        kind = type_error if isinstance(error, TypeError) else ValueError
        raise kind(
            f"« {name} » doit contenir des dates, par exemple '1957-03-14' ; {shown}."
        ) from None


def age_bands(ages: object, width: int, *, top: int | None = None) -> pd.Series:
    """Replace ages by bands of ``width`` years: 0-4, 5-9, ... for ``width=5``.

    Parameters
    ----------
    ages : array-like of int
        Ages in completed years (0 or more).
    width : int
        Band width in years, 1 or more (1 keeps the exact age).
    top : int, optional
        Top-coding: every age from ``top`` on falls in one last band
        (« 90 ans et plus » for ``top=90``).

    Returns
    -------
    pandas.Series
        Categorical, ordered, labelled in French (« 40-44 ans »), same index as
        ``ages`` when it is a Series.

    Raises
    ------
    TypeError
        ``width`` or ``top`` is not a whole number (a float, a text, a boolean).
    ValueError
        ``width`` or ``top`` is less than 1, negative or missing ages, or no ages.
    """
    whole_years = {"width": width} if top is None else {"width": width, "top": top}
    for name, years in whole_years.items():
        check_finite_scalar(years, name, numbers.Integral, min_val=1)
    series = _as_series(ages, "ages")
    values = pd.to_numeric(series, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    refused = np.isnan(values) | (values < 0)
    if refused.any():
        typed = ages if isinstance(ages, pd.Series) else np.asarray(ages, dtype=object).ravel()
        shown = np.asarray(typed) if len(typed) == len(series) else series.to_numpy()
        raise ValueError(
            "« ages » doit contenir des âges connus, positifs ou nuls (en années) ; "
            f"valeurs refusées : {fr_items(shown[refused])}."
        )
    years = np.floor(values).astype(np.int64)
    if top is not None:
        years = np.minimum(years, top)
    codes = years // width
    n_bands = int(codes.max()) + 1
    labels = []
    for band in range(n_bands):
        low = band * width
        high = low + width - 1 if top is None else min(low + width - 1, top - 1)
        labels.append(f"{low} ans" if high == low else f"{low}-{high} ans")
    if top is not None and years.max() >= top:
        # Ages from `top` on form one band of their own, whatever the width.
        top_band = top // width + (1 if top % width else 0)
        codes = np.where(years >= top, top_band, codes)
        labels = [*labels[:top_band], f"{top} ans et plus"]
    # pandas-stubs accepts only an Index as categories; pandas takes the list as is.
    result = pd.Categorical.from_codes(codes, categories=labels, ordered=True)  # type: ignore[call-overload]
    return pd.Series(result, index=series.index, name=series.name)


def age_on(birth_dates: object, reference: str | pd.Timestamp) -> pd.Series:
    """Age in completed years on a reference date (e.g. the date of an extract).

    Parameters
    ----------
    birth_dates : array-like of dates
        Dates of birth.
    reference : str or pandas.Timestamp
        The date at which ages are computed, e.g. ``"2025-01-01"``.

    Returns
    -------
    pandas.Series
        Integer ages.

    Raises
    ------
    ValueError
        No dates, a value that is not a date, a missing date, or a birth after the
        reference date.
    TypeError
        A value of a kind that cannot be a date (a dictionary...).
    """
    series = _as_series(birth_dates, "birth_dates")
    born = _to_dates(series, "birth_dates", type_error=TypeError)
    if born.isna().any():
        raise ValueError(
            "« birth_dates » contient des dates manquantes : il faut la date de naissance "
            "de chaque personne pour calculer son âge."
        )
    ref = _reference_date(reference)
    after = np.asarray(born > ref)
    if after.any():
        raise ValueError(
            f"des dates de naissance sont postérieures à la date de référence ({ref:%d/%m/%Y}) : "
            f"{fr_items(born[after])}."
        )
    before = (ref.month < born.month) | ((ref.month == born.month) & (ref.day < born.day))
    ages = ref.year - born.year - before.astype(np.int64)
    return pd.Series(np.asarray(ages, dtype=np.int64), index=series.index, name=series.name)


def _reference_date(reference: Any) -> pd.Timestamp:
    expected = "« reference » doit être une date, par exemple '2025-01-01'"
    try:
        ref = pd.Timestamp(reference)
    except (TypeError, ValueError, OverflowError) as error:
        kind = TypeError if isinstance(error, TypeError) else ValueError
        raise kind(f"{expected} ; {received(reference, show_lists=False)}.") from None
    if pd.isna(ref):
        raise ValueError(f"{expected} ; {received(reference, show_lists=False)}.")
    return ref


def departement_of(postcodes: object) -> pd.Series:
    """Département code of French postcodes (« 34000 » → « 34 », « 97400 » → « 974 »).

    Corsican postcodes (20xxx) map to « 2A » below 20200 and « 2B » from 20200.

    Parameters
    ----------
    postcodes : array-like of str
        Five-digit French postcodes.

    Returns
    -------
    pandas.Series
        Categorical of département codes.

    Raises
    ------
    ValueError
        No postcodes, or a value that is not a five-digit postcode.
    """
    series = _as_series(postcodes, "postcodes")
    if isinstance(series.dtype, pd.CategoricalDtype):
        categories = pd.Series(series.cat.categories.astype(str))
        mapped = _departements(categories)
        result = pd.Categorical(np.asarray(mapped)[series.cat.codes.to_numpy()])
        return pd.Series(result, index=series.index, name=series.name)
    uniques, inverse = np.unique(series.astype(str).to_numpy(), return_inverse=True)
    mapped = _departements(pd.Series(uniques))
    return pd.Series(
        pd.Categorical(np.asarray(mapped)[inverse]), index=series.index, name=series.name
    )


def _departements(codes: pd.Series) -> pd.Series:
    bad = ~codes.str.fullmatch(r"\d{5}")
    if bad.any():
        raise ValueError(
            "« postcodes » doit contenir des codes postaux français à cinq chiffres ; "
            f"valeurs refusées : {fr_items(codes[bad])}. Écrivez-les comme du texte, par "
            "exemple '01000', pour garder le zéro initial."
        )
    dept = codes.str[:2]
    overseas = dept == "97"
    dept = dept.where(~overseas, codes.str[:3])
    corsica = dept == "20"
    # pandas-stubs accepts no ndarray as ``other``; pandas takes any array-like.
    dept = dept.where(~corsica, np.where(codes.str[:3].astype(int) < 202, "2A", "2B"))  # type: ignore[call-overload]
    return dept


def generalise_place(postcodes: object, level: str) -> pd.Series:
    """Generalise postcodes to ``level``: the postcode, its département or its region.

    Parameters
    ----------
    postcodes : array-like of str
        Five-digit French postcodes.
    level : {"postcode", "departement", "region"}
        What to keep.

    Returns
    -------
    pandas.Series
        Categorical.

    Raises
    ------
    ValueError
        Unknown level, postcodes that are not five-digit codes, or a
        département that belongs to no region.
    """
    _check_level(level, PLACE_LEVELS)
    series = _as_series(postcodes, "postcodes")
    if level == "postcode":
        departement_of(series)  # validates the codes
        return series.astype("category")
    dept = departement_of(series)
    if level == "departement":
        return dept
    unknown = sorted(set(dept.cat.categories) - set(_REGION_OF))
    if unknown:
        raise ValueError(
            f"départements sans région connue d'esn_teach : {fr_items(unknown, len(unknown))}."
        )
    regions = np.array([_REGION_OF[code] for code in dept.cat.categories], dtype=object)
    result = pd.Categorical(regions[dept.cat.codes.to_numpy()], categories=sorted(set(regions)))
    return pd.Series(result, index=series.index, name=series.name)


def generalise_date(dates: object, level: str) -> pd.Series:
    """Generalise dates to ``level``: the day itself, the month or the year.

    Parameters
    ----------
    dates : array-like of dates
        The dates (of birth, of admission...).
    level : {"day", "month", "year"}
        What to keep.

    Returns
    -------
    pandas.Series
        Periods (``"1957-03-14"``, ``"1957-03"`` or ``"1957"``).

    Raises
    ------
    ValueError
        Unknown level, no dates, or values that are not dates.
    """
    _check_level(level, DATE_LEVELS)
    series = _as_series(dates, "dates")
    as_dates = _to_dates(series, "dates", type_error=ValueError)
    freq = {"day": "D", "month": "M", "year": "Y"}[level]
    return pd.Series(pd.PeriodIndex(as_dates, freq=freq), index=series.index, name=series.name)
