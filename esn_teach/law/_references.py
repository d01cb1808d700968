"""The legal texts quoted in module 10: text, article, date, summary, URL.

The entries are data, read from ``esn_teach/law/data/references.toml`` (one
``[[references]]`` table each), so that a jurist can review them; this module
turns them into :class:`LegalReference` objects and checks them on import.
Every entry was checked on the date held in :data:`LEGAL_FACTS_LAST_CHECKED`,
written once, at the top of that file, for the whole subpackage. ``quote``
holds the exact wording when it was checked word for word; otherwise it is
empty and ``summary`` paraphrases the article (the notebook says so). Nothing
here is legal advice.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from typing import NamedTuple

from esn_teach.law._load import (
    build,
    data_file,
    entries,
    may_be_absent,
    read_document,
    read_value,
)

__all__ = [
    "LEGAL_FACTS_LAST_CHECKED",
    "REFERENCES",
    "LegalReference",
    "reference",
]


@dataclass(frozen=True)
class LegalReference:
    """One legal provision, with its exact reference.

    Parameters
    ----------
    key : str
        Short identifier, also what students type (e.g. ``"9(2)(j)"``, ``"L1461-1"``).
    text : str
        The instrument (regulation, code, law, order).
    article : str
        The article, paragraph or recital, as written in the instrument.
    date : datetime.date
        Date of the instrument, or of the law that introduced the provision.
    date_label : str
        That date in words, with the instrument's number (French).
    title : str
        What the provision is about, in a few French words.
    summary : str
        French paraphrase for students.
    quote : str
        Exact wording when checked word for word, else ``""`` (what a data
        entry without ``quote`` gives).
    url : str
        Where an instructor can read it (EUR-Lex, Légifrance).
    """

    key: str
    text: str
    article: str
    date: datetime.date
    date_label: str
    title: str
    summary: str
    quote: str = dataclasses.field(metadata=may_be_absent(""))
    url: str

    @property
    def citation(self) -> str:
        """The reference in one line, e.g. ``"RGPD (UE) 2016/679, art. 9(2)(j)"``."""
        return f"{self.text}, {self.article}"


class _ReferenceData(NamedTuple):
    last_checked: datetime.date
    references: tuple[LegalReference, ...]


def _load_references(source: Traversable) -> _ReferenceData:
    """Read and check the references data file.

    Parameters
    ----------
    source : importlib.resources.abc.Traversable
        ``references.toml`` (a :class:`pathlib.Path` works too).

    Returns
    -------
    _ReferenceData
        The date of the last check and the references, in file order.

    Raises
    ------
    esn_teach.law._load.LawDataError
        Naming the file and the entry: malformed file, unknown or missing
        field, wrong type, duplicate key, or a date after the last check.
    """
    document, place = read_document(source, sections=("legal_facts_last_checked", "references"))
    last_checked = read_value(
        datetime.date,
        document["legal_facts_last_checked"],
        place.at("champ « legal_facts_last_checked »"),
    )
    found: dict[str, LegalReference] = {}
    for table, where in entries(document, "references", place, label="référence", key="key"):
        ref = build(LegalReference, table, where)
        if ref.key in found:
            raise where.error(f"la clé « {ref.key} » est déjà celle d'une référence précédente")
        if ref.date > last_checked:
            raise where.at("champ « date »").error(
                f"la date du {ref.date:%d/%m/%Y} est postérieure à la dernière vérification "
                f"(legal_facts_last_checked = {last_checked:%d/%m/%Y}) : corrigez la date, "
                "ou revérifiez tout et mettez à jour legal_facts_last_checked"
            )
        if not ref.url.startswith("https://"):
            raise where.at("champ « url »").error(
                f"une adresse https:// est attendue, pas « {ref.url} »"
            )
        found[ref.key] = ref
    return _ReferenceData(last_checked, tuple(found.values()))


_DATA = _load_references(data_file("references.toml"))

#: The date on which every legal fact of this subpackage (texts, articles,
#: CNIL decisions, dates, amounts) was last checked against a primary or
#: official source. Shown in the notebook. Written once, as
#: ``legal_facts_last_checked`` at the top of ``data/references.toml``: update
#: it there when you re-check.
LEGAL_FACTS_LAST_CHECKED: datetime.date = _DATA.last_checked

#: The legal provisions quoted in module 10, in the order of ``references.toml``.
REFERENCES: tuple[LegalReference, ...] = _DATA.references

_BY_KEY = {ref.key: ref for ref in REFERENCES}


def reference(key: str) -> LegalReference:
    """Return the legal reference whose key is ``key``.

    Parameters
    ----------
    key : str
        E.g. ``"9(2)(j)"`` or ``"L1461-1"``.

    Returns
    -------
    LegalReference

    Raises
    ------
    KeyError
        If no reference has this key; the message lists the known keys.
    """
    try:
        return _BY_KEY[key]
    except KeyError:
        known = ", ".join(_BY_KEY)
        raise KeyError(f"référence juridique inconnue : {key!r} ; connues : {known}") from None
