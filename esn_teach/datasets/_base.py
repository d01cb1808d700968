"""Shared helpers: argument validation, data cards and Bunch construction."""

from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
import pandas as pd
from sklearn.utils import Bunch

from esn_teach._validation import check_finite_scalar, fr_items, received

RandomStateLike = (
    None
    | int
    | np.integer
    | Sequence[int]
    | np.random.SeedSequence
    | np.random.BitGenerator
    | np.random.Generator
    | np.random.RandomState
)
"""What ``random_state`` accepts: whatever :func:`numpy.random.default_rng` accepts."""

#: Level-2 headings every data card must contain, in this order.
CARD_SECTIONS: tuple[str, ...] = (
    "Origin",
    "How it was made",
    "Known issues and biases",
    "Possible harms",
    "Intended use",
    "Licence",
    "Citation",
)

#: What ``random_state`` accepts, in the words of an error message (the common cases).
_RANDOM_STATE_EXPECTED = "un entier positif ou nul, un numpy.random.Generator ou None"


def check_random_state(random_state: RandomStateLike) -> np.random.Generator:
    """Turn ``random_state`` into a :class:`numpy.random.Generator`.

    This is :func:`numpy.random.default_rng`, which refuses booleans only for
    ``numpy.bool_``: a Python ``True`` would silently seed like ``[1]``, so it is
    refused here too.

    Parameters
    ----------
    random_state : None, int, sequence of int, SeedSequence, BitGenerator, Generator or RandomState
        ``None`` gives fresh operating-system entropy (not reproducible); an
        integer (or a sequence of integers) seeds a new PCG64 generator; a
        ``Generator`` is used as is (and therefore advanced by the caller's draws).

    Returns
    -------
    numpy.random.Generator
        The generator to draw from.

    Raises
    ------
    TypeError
        If ``random_state`` is of another type (booleans and floats included).
    ValueError
        If ``random_state`` is a negative integer.
    """
    if isinstance(random_state, bool | np.bool_):
        raise TypeError(
            f"« random_state » doit être {_RANDOM_STATE_EXPECTED}, pas un booléen ; "
            f"valeur reçue : {bool(random_state)}."
        )
    try:
        return np.random.default_rng(random_state)
    except (TypeError, ValueError) as error:
        # numpy's own message (about SeedSequence entropy) would only puzzle a student.
        raise type(error)(
            f"« random_state » doit être {_RANDOM_STATE_EXPECTED} ; {received(random_state)}."
        ) from None


def describe_random_state(random_state: RandomStateLike) -> int | list[int] | str | None:
    """Return a small, copy-friendly description of ``random_state`` for ``frame.attrs``.

    Parameters
    ----------
    random_state : None, int, sequence of int, SeedSequence, BitGenerator, Generator or RandomState
        The value the caller passed (already accepted by :func:`check_random_state`).

    Returns
    -------
    int, list of int, str or None
        The integer seed (or the list of integers), ``None``, or the name of the
        object's type (e.g. ``"numpy.random.Generator"``) when the seed cannot be
        written down.
    """
    if random_state is None:
        return None
    if isinstance(random_state, numbers.Integral):
        return int(random_state)
    if isinstance(
        random_state,
        np.random.SeedSequence
        | np.random.BitGenerator
        | np.random.Generator
        | np.random.RandomState,
    ):
        return f"numpy.random.{type(random_state).__name__}"
    return np.asarray(random_state).tolist()


def pick_case_seed(student_seed: int, seeds: Sequence[int]) -> int:
    """Return one of ``seeds`` (checked case seeds), the same for the same student seed.

    A module whose every draw must be checked in advance (its texts and keys hold only for
    some cohorts) keeps a list of the seeds that pass; each student gets one of them.
    """
    if isinstance(student_seed, bool) or not isinstance(student_seed, numbers.Integral):
        raise TypeError(f"student_seed must be an integer, not {received(student_seed)}")
    return int(seeds[int(student_seed) % len(seeds)])


def check_bool(value: Any, name: str) -> bool:
    """Validate a boolean flag.

    Parameters
    ----------
    value : bool
        The value to check.
    name : str
        Argument name, used in the error message.

    Returns
    -------
    bool
        ``value`` as a Python bool.

    Raises
    ------
    TypeError
        If ``value`` is not a bool.
    """
    if not isinstance(value, bool | np.bool_):
        raise TypeError(f"« {name} » doit être True ou False ; {received(value)}.")
    return bool(value)


def check_shares(
    shares: Any, name: str, keys: Sequence[str], *, allow_zero: bool = True
) -> np.ndarray:
    """Validate a vector of group shares and normalise it to sum to 1.

    Parameters
    ----------
    shares : sequence of float or mapping
        One non-negative weight per key (a mapping must have exactly ``keys``).
    name : str
        Argument name, used in the error message.
    keys : sequence of str
        Group names, in order.
    allow_zero : bool, default=True
        Whether a zero weight is allowed for a group.

    Returns
    -------
    numpy.ndarray
        Weights divided by their sum, in the order of ``keys``.

    Raises
    ------
    TypeError
        If ``shares`` is neither a mapping nor a sequence of numbers.
    ValueError
        If the length or the keys do not match, a weight is negative or not finite,
        or all weights are zero.
    """
    all_keys = fr_items(keys, limit=len(keys))
    if isinstance(shares, Mapping):
        unknown = sorted(set(map(str, shares)) - set(keys))
        missing = [k for k in keys if k not in shares]
        if unknown or missing:
            found = [
                f"{label} : {fr_items(items, limit=len(items))}"
                for label, items in (("clés inconnues", unknown), ("clés manquantes", missing))
                if items
            ]
            raise ValueError(
                f"« {name} » doit avoir exactement les clés {all_keys} ; {' ; '.join(found)}."
            )
        values = [shares[k] for k in keys]
    elif isinstance(shares, str) or not isinstance(shares, Sequence | np.ndarray):
        raise TypeError(
            f"« {name} » doit être une liste de {len(keys)} nombres ou un dictionnaire "
            f"de clés {all_keys} ; {received(shares)}."
        )
    else:
        values = list(shares)
        if len(values) != len(keys):
            raise ValueError(
                f"« {name} » doit avoir {len(keys)} valeurs (une par groupe : {all_keys}) ; "
                f"nombre de valeurs reçues : {len(values)}."
            )
    checked = np.array(
        [
            check_finite_scalar(v, f"{name}[{k!r}]", numbers.Real, min_val=0.0)
            for k, v in zip(keys, values, strict=True)
        ]
    )
    if not allow_zero and np.any(checked == 0):
        zero = [k for k, v in zip(keys, checked, strict=True) if v == 0]
        raise ValueError(
            f"« {name} » doit donner une part strictement positive à chaque groupe ; "
            f"part nulle pour : {fr_items(zero, limit=len(zero))}."
        )
    total = checked.sum()
    if total <= 0:
        raise ValueError(
            f"« {name} » ne peut pas être nul pour tous les groupes : "
            "au moins une part doit être strictement positive."
        )
    return checked / total


def _cards_root() -> Any:
    return resources.files("esn_teach.datasets").joinpath("cards")


def available_cards() -> list[str]:
    """List the names of the data cards shipped with the package.

    Returns
    -------
    list of str
        Card names (file stems), sorted.
    """
    return sorted(
        entry.name.removesuffix(".md")
        for entry in _cards_root().iterdir()
        if entry.name.endswith(".md")
    )


def load_card(name: str) -> str:
    """Return the Markdown text of the data card ``name``.

    Parameters
    ----------
    name : str
        Card name, e.g. ``"breast_cancer_wdbc"``.

    Returns
    -------
    str
        The card text, as stored in ``esn_teach/datasets/cards/<name>.md``.

    Raises
    ------
    TypeError
        If ``name`` is not a text.
    ValueError
        If no card has this name.
    """
    if not isinstance(name, str):
        raise TypeError(
            "« name » doit être le nom d'une fiche descriptive (du texte), "
            f"par exemple 'pulse_oximetry' ; {received(name)}."
        )
    return _read_card(name)


@cache
def _read_card(name: str) -> str:
    path = _cards_root().joinpath(f"{name}.md")
    if not path.is_file():
        cards = available_cards()
        raise ValueError(
            f"fiche descriptive inconnue : {name!r} ; "
            f"fiches disponibles : {fr_items(cards, limit=len(cards))}."
        )
    return path.read_text(encoding="utf-8")


def mark_synthetic(
    frame: pd.DataFrame,
    *,
    source: str,
    labels_fr: Mapping[str, str],
    random_state: RandomStateLike,
) -> pd.DataFrame:
    """Attach the provenance attributes every synthetic frame carries.

    Parameters
    ----------
    frame : pandas.DataFrame
        The generated frame (modified in place and returned).
    source : str
        Short text citing the calibration source.
    labels_fr : mapping of str to str
        French display label of each column.
    random_state : None, int, sequence of int, SeedSequence, BitGenerator, Generator or RandomState
        What the caller passed as ``random_state`` (see :func:`describe_random_state`).

    Returns
    -------
    pandas.DataFrame
        ``frame``, with ``attrs`` filled in.
    """
    frame.attrs["synthetic"] = True
    frame.attrs["source"] = source
    frame.attrs["labels_fr"] = dict(labels_fr)
    frame.attrs["random_state"] = describe_random_state(random_state)
    return frame


def build_bunch(
    frame: pd.DataFrame,
    *,
    feature_names: Sequence[str],
    target_name: str | None,
    card: str,
    labels_fr: Mapping[str, str],
    as_frame: bool,
    return_X_y: bool = False,  # noqa: N803
    target_names: Sequence[str] | None = None,
    **extra: Any,
) -> Bunch | tuple[Any, Any]:
    """Assemble a scikit-learn style :class:`~sklearn.utils.Bunch`.

    Parameters
    ----------
    frame : pandas.DataFrame
        Full table (features, target and any other column).
    feature_names : sequence of str
        Columns that make up ``data``.
    target_name : str or None
        Column that makes up ``target`` (``None`` if there is no natural target).
    card : str
        Name of the data card whose text becomes ``DESCR``.
    labels_fr : mapping of str to str
        French display label of each column.
    as_frame : bool
        If True, ``data`` and ``target`` are pandas objects and ``frame`` is set;
        otherwise they are numpy arrays and ``frame`` is None.
    return_X_y : bool, default=False
        If True, return ``(data, target)`` instead of the Bunch.
    target_names : sequence of str or None, default=None
        Meaning of each target value, for classification targets.
    **extra : Any
        Additional Bunch entries.

    Returns
    -------
    sklearn.utils.Bunch or tuple
        The Bunch, or ``(data, target)`` when ``return_X_y`` is True.
    """
    as_frame = check_bool(as_frame, "as_frame")
    return_x_y = check_bool(return_X_y, "return_X_y")
    data: Any = frame[list(feature_names)]
    target: Any = None if target_name is None else frame[target_name]
    if not as_frame:
        data = data.to_numpy()
        target = None if target is None else target.to_numpy()
    if return_x_y:
        if target is None:
            raise ValueError(
                "« return_X_y » ne peut pas valoir True : ce jeu de données n'a pas de cible."
            )
        return data, target
    bunch = Bunch(
        data=data,
        target=target,
        frame=frame if as_frame else None,
        feature_names=list(feature_names),
        target_name=target_name,
        DESCR=load_card(card),
        labels_fr=dict(labels_fr),
        **extra,
    )
    if target_names is not None:
        bunch["target_names"] = np.asarray(target_names)
    return bunch


def check_as_frame_args(as_frame: Any, return_X_y: Any) -> tuple[bool, bool]:  # noqa: N803
    """Validate the ``as_frame`` and ``return_X_y`` flags early (before any work).

    Parameters
    ----------
    as_frame : bool
        Value passed by the caller.
    return_X_y : bool
        Value passed by the caller.

    Returns
    -------
    tuple of bool
        The two flags.
    """
    return check_bool(as_frame, "as_frame"), check_bool(return_X_y, "return_X_y")
