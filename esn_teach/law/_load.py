"""Read the law data files (TOML) into the typed dataclasses, checking every entry.

The legal facts of this subpackage live in ``esn_teach/law/data/*.toml`` so that
a jurist can review them without reading Python. Each file is parsed once, at
import, with the standard library's :mod:`tomllib`, and every entry is checked
against the dataclass it becomes: an unknown field, a missing one, a value of
the wrong type or a key that does not exist raises :class:`LawDataError`, whose
French message names the file and the entry, so that a typo fails in the tests
rather than in class.

Text values are written on as many lines as the reviewer likes: line breaks
inside a value, with the spaces around them, become one space.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import tomllib
import types
import typing
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any, TypeVar, cast

__all__ = [
    "Converter",
    "LawDataError",
    "Place",
    "build",
    "check_allowed",
    "check_references",
    "data_file",
    "entries",
    "may_be_absent",
    "read_document",
    "read_value",
]

T = TypeVar("T")

_LINE_BREAK = re.compile(r"[ \t\r]*\n[ \t\r]*")
_TOML_POSITION = re.compile(r"^(?P<reason>.*) \(at line (?P<line>\d+), column (?P<column>\d+)\)$")
#: French wording for a key of a table: unknown, the allowed ones, missing.
_WORDING = {
    "champ": ("champ inconnu", "champs possibles", "champ obligatoire « {key} » manquant"),
    "section": (
        "section inconnue",
        "sections possibles",
        "section obligatoire « {key} » manquante",
    ),
}


class LawDataError(ValueError):
    """A law data file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Place:
    """Where a value sits in a data file, to name it in error messages.

    Parameters
    ----------
    file : str
        The data file, as shown to the reviewer.
    path : tuple of str
        From the entry down to the value, in French (e.g. ``"référence « 9(1) »"``,
        ``"champ « date »"``).
    """

    file: str
    path: tuple[str, ...] = ()

    def at(self, label: str) -> Place:
        """Return the place one level further down, named ``label``."""
        return Place(self.file, (*self.path, label))

    def error(self, problem: str) -> LawDataError:
        """Return the error to raise for ``problem`` (French) at this place."""
        return LawDataError(f"{', '.join((self.file, *self.path))} : {problem}")


#: Key of a dataclass field's metadata: the value when the data file leaves it out.
_WHEN_ABSENT = "esn_teach.law: when absent"


def may_be_absent(default: Any) -> dict[str, Any]:
    """Mark a dataclass field that a data entry may leave out.

    Used as ``quote: str = dataclasses.field(metadata=may_be_absent(""))``: the
    constructor still requires the field (the public signature does not
    change); only the data file may omit it, and then gets ``default``. A text
    field whose default is ``""`` may also be written empty.

    Parameters
    ----------
    default : object
        The value of the field when the entry does not give it (immutable).

    Returns
    -------
    dict
        The field's metadata.
    """
    return {_WHEN_ABSENT: default}


#: A converter for one field: (raw TOML value, place of the entry) → the field's value.
Converter = Callable[[Any, Place], Any]


def data_file(name: str) -> Traversable:
    """Return the packaged data file ``name`` (e.g. ``"references.toml"``).

    Parameters
    ----------
    name : str
        File name in ``esn_teach/law/data``.

    Returns
    -------
    importlib.resources.abc.Traversable
        The file, readable whether the package is installed or in a checkout.
    """
    return resources.files("esn_teach.law").joinpath("data", name)


def _quoted(values: Collection[str]) -> str:
    return ", ".join(f"« {value} »" for value in values)


def _describe(value: Any) -> str:
    """Name a TOML value in French, for "expected …, got …" messages."""
    if isinstance(value, bool):
        return f"la valeur {str(value).lower()}"
    if isinstance(value, int):
        return f"le nombre {value}"
    if isinstance(value, float):
        return f"le nombre décimal {str(value).replace('.', ',')}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else f"{value[:40]}…"
        return f"le texte « {shown} »"
    if isinstance(value, datetime.datetime):
        return f"la date et heure {value.isoformat()}"
    if isinstance(value, datetime.date):
        return f"la date {value.isoformat()}"
    if isinstance(value, datetime.time):
        return f"l'heure {value.isoformat()}"
    if isinstance(value, list):
        return "une liste"
    return "une table"


def read_document(source: Traversable, *, sections: Collection[str]) -> tuple[dict, Place]:
    """Parse one data file and check that it has exactly the top-level ``sections``.

    Parameters
    ----------
    source : importlib.resources.abc.Traversable
        The file (a :class:`pathlib.Path` works too).
    sections : collection of str
        The top-level keys the file must have, no more, no fewer.

    Returns
    -------
    document : dict
        The parsed TOML.
    place : Place
        The file, to name it in later errors.

    Raises
    ------
    LawDataError
        If the file is not valid TOML or its top-level keys are not ``sections``.
    """
    place = Place(str(source))
    try:
        document = tomllib.loads(source.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_POSITION.match(str(exc))
        if found is None:
            raise place.error(f"syntaxe TOML invalide ({exc})") from None
        raise place.error(
            f"syntaxe TOML invalide à la ligne {found['line']}, colonne {found['column']} "
            f"(détail en anglais : {found['reason']})"
        ) from None
    _check_keys(document, allowed=sections, required=sections, place=place, what="section")
    return document, place


def _check_keys(
    table: Mapping[str, Any],
    *,
    allowed: Collection[str],
    required: Collection[str],
    place: Place,
    what: str,
) -> None:
    """Raise if ``table`` has a key not in ``allowed`` or lacks one of ``required``.

    ``what`` is ``"champ"`` or ``"section"``, to word the French message.
    """
    unknown, plural, missing = _WORDING[what]
    for key in table:
        if key not in allowed:
            raise place.error(f"{unknown} « {key} » ; {plural} : {_quoted(allowed)}")
    for key in required:
        if key not in table:
            raise place.error(missing.format(key=key))


def entries(
    document: Mapping[str, Any], section: str, place: Place, *, label: str, key: str
) -> Iterator[tuple[Any, Place]]:
    """Yield each entry of the array of tables ``[[section]]`` with its place.

    Parameters
    ----------
    document : mapping
        The parsed file.
    section : str
        Name of the array of tables, e.g. ``"references"``.
    place : Place
        The file.
    label : str
        French name of one entry (``"référence"``), used with its key or its
        number in error messages.
    key : str
        The field that identifies an entry (``"key"``, ``"number"``).

    Yields
    ------
    entry : object
        The raw entry (checked later by :func:`build`).
    place : Place
        E.g. ``"references.toml, référence « 9(1) »"``.

    Raises
    ------
    LawDataError
        If the section is not an array of tables.
    """
    items = document[section]
    if not isinstance(items, list):
        raise place.error(
            f"« {section} » doit être une liste d'entrées écrites [[{section}]], "
            f"pas {_describe(items)}"
        )
    for number, item in enumerate(items, start=1):
        ident = item.get(key) if isinstance(item, dict) else None
        name = f"{label} « {ident} »" if isinstance(ident, str) else f"{label} n° {number}"
        yield item, place.at(name)


def _text(value: Any, place: Place, *, may_be_empty: bool = False) -> str:
    if not isinstance(value, str):
        raise place.error(f"un texte entre guillemets est attendu, pas {_describe(value)}")
    text = _LINE_BREAK.sub(" ", value.strip())
    if not text and not may_be_empty:
        raise place.error("le texte est vide")
    return text


def _integer(value: Any, place: Place) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise place.error(
            f"un nombre entier sans guillemets est attendu (par exemple 1_500_000), "
            f"pas {_describe(value)}"
        )
    return value


def _date(value: Any, place: Place) -> datetime.date:
    if type(value) is not datetime.date:
        raise place.error(
            f"une date AAAA-MM-JJ sans guillemets ni heure est attendue (par exemple "
            f"2016-04-27), pas {_describe(value)}"
        )
    return value


def _texts(value: Any, place: Place) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise place.error(
            f'une liste de textes est attendue (par exemple ["…", "…"]), pas {_describe(value)}'
        )
    return tuple(_text(item, place.at(f"élément n° {i}")) for i, item in enumerate(value, 1))


def _text_table(value: Any, place: Place) -> dict[str, str]:
    if not isinstance(value, dict):
        raise place.error(f'une table clé = "texte" est attendue, pas {_describe(value)}')
    return {key: _text(item, place.at(f"clé « {key} »")) for key, item in value.items()}


def read_value(hint: Any, value: Any, place: Place, *, may_be_empty: bool = False) -> Any:
    """Check and convert one raw TOML value to the type ``hint``.

    Parameters
    ----------
    hint : type
        One of ``str``, ``int``, ``datetime.date``, ``tuple[str, ...]``,
        ``Mapping[str, str]``, or one of these ``| None``.
    value : object
        The raw TOML value.
    place : Place
        Where it is, for the error message.
    may_be_empty : bool, optional
        Whether a text may be empty.

    Returns
    -------
    object
        The value: texts with their line breaks folded, lists as tuples,
        tables as dicts.

    Raises
    ------
    LawDataError
        If the value does not have the expected type.
    TypeError
        If ``hint`` is not a supported type (a programming error).
    """
    if hint is str:
        return _text(value, place, may_be_empty=may_be_empty)
    if hint is int:
        return _integer(value, place)
    if hint is datetime.date:
        return _date(value, place)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is tuple and args == (str, Ellipsis):
        return _texts(value, place)
    if origin is Mapping and args == (str, str):
        return _text_table(value, place)
    if origin in (types.UnionType, typing.Union) and type(None) in args:
        (inner,) = (arg for arg in args if arg is not type(None))
        return read_value(inner, value, place, may_be_empty=may_be_empty)
    raise TypeError(f"no reader for type {hint!r}")


def _when_absent(field: dataclasses.Field) -> tuple[bool, Any]:
    """Whether a data entry may leave ``field`` out, and the value it then gets.

    The value is ``dataclasses.MISSING`` when the dataclass's own default applies.
    """
    if _WHEN_ABSENT in field.metadata:
        return True, field.metadata[_WHEN_ABSENT]
    has_default = (
        field.default is not dataclasses.MISSING or field.default_factory is not dataclasses.MISSING
    )
    return has_default, dataclasses.MISSING


def build(
    cls: type[T], table: Any, place: Place, *, converters: Mapping[str, Converter] | None = None
) -> T:
    """Build the dataclass ``cls`` from one TOML table, checking every field.

    The dataclass is the schema: its fields are the keys the table may have;
    a field with a default, or declared with :func:`may_be_absent`, may be left
    out; a text field that defaults to ``""`` may be empty.

    Parameters
    ----------
    cls : type
        A dataclass.
    table : object
        The raw TOML entry.
    place : Place
        The entry, for error messages.
    converters : mapping of str to callable, optional
        For fields of a type :func:`read_value` does not read (e.g. nested
        tables): field name → ``f(raw value, place of the entry)``.

    Returns
    -------
    object
        The instance of ``cls``.

    Raises
    ------
    LawDataError
        If a field is unknown, missing or of the wrong type.
    """
    if not isinstance(table, dict):
        raise place.error(f"une table de champs est attendue, pas {_describe(table)}")
    converters = converters or {}
    hints = typing.get_type_hints(cls)
    fields = {field.name: field for field in dataclasses.fields(cast(Any, cls))}
    optional = {
        name: _when_absent(field)[1] for name, field in fields.items() if _when_absent(field)[0]
    }
    _check_keys(
        table,
        allowed=list(fields),
        required=[name for name in fields if name not in optional],
        place=place,
        what="champ",
    )
    values: dict[str, Any] = {}
    for name in fields:
        if name not in table:
            if optional[name] is not dataclasses.MISSING:
                values[name] = optional[name]
            continue
        if name in converters:
            values[name] = converters[name](table[name], place)
        else:
            values[name] = read_value(
                hints[name],
                table[name],
                place.at(f"champ « {name} »"),
                may_be_empty=optional.get(name) == "",
            )
    return cls(**values)


def check_allowed(value: str, allowed: Collection[str], place: Place) -> None:
    """Raise unless ``value`` is one of ``allowed``, listing the allowed values.

    Parameters
    ----------
    value : str
        The value read.
    allowed : collection of str
        The values permitted.
    place : Place
        Where the value is.

    Raises
    ------
    LawDataError
        If ``value`` is not in ``allowed``.
    """
    if value not in allowed:
        raise place.error(
            f"« {value} » n'est pas une valeur permise ; valeurs possibles : {_quoted(allowed)}"
        )


def check_references(keys: Collection[str], known: Collection[str], place: Place) -> None:
    """Raise unless every key in ``keys`` is the key of a legal reference.

    Parameters
    ----------
    keys : collection of str
        Reference keys cited.
    known : collection of str
        The keys of references.toml.
    place : Place
        Where they are cited.

    Raises
    ------
    LawDataError
        Naming the first key absent from references.toml.
    """
    for key in keys:
        if key not in known:
            raise place.error(
                f"la clé « {key} » n'existe pas dans references.toml ; clés existantes : "
                f"{_quoted(known)}"
            )
