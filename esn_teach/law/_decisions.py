"""Real CNIL sanctions in health: number, date, amount, facts.

The entries are data, read from ``esn_teach/law/data/decisions.toml`` so that a
jurist can review them; this module turns them into :class:`CnilDecision`
objects and checks them on import. Only decisions whose number, date and
amount were checked (see :data:`esn_teach.law.LEGAL_FACTS_LAST_CHECKED`) are
listed. :data:`PRINCIPLES`, given in the same file, are the teaching
categories among which module 10's students choose the principle each decision
enforces; which one is right is deliberately not in the package (a student
could read it): it is in the module's instructor notes, with the articles each decision
found breached and the references it applies (they name the principle: review 07, finding 1,
7 December 2026).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from typing import NamedTuple

from esn_teach.law._load import (
    build,
    data_file,
    entries,
    read_document,
    read_value,
)
from esn_teach.law._references import LEGAL_FACTS_LAST_CHECKED

__all__ = ["CNIL_DECISIONS", "PRINCIPLES", "CnilDecision", "decision"]

_NUMBER = re.compile(r"SAN-(?P<year>\d{4})-\d{3}")


@dataclass(frozen=True)
class CnilDecision:
    """A sanction of the CNIL's restricted committee (formation restreinte).

    Parameters
    ----------
    number : str
        The deliberation number, e.g. ``"SAN-2024-013"``.
    date : datetime.date
        Date of the deliberation.
    organisation : str
        Who was sanctioned.
    amount_eur : int
        Total fine, in euros.
    facts : str
        What happened, in French.
    url : str
        Where to read it (Légifrance).
    """

    number: str
    date: datetime.date
    organisation: str
    amount_eur: int
    facts: str
    url: str


class _DecisionData(NamedTuple):
    principles: dict[str, str]
    decisions: tuple[CnilDecision, ...]


def _load_decisions(source: Traversable, *, last_checked: datetime.date) -> _DecisionData:
    """Read and check the CNIL decisions data file.

    Parameters
    ----------
    source : importlib.resources.abc.Traversable
        ``decisions.toml`` (a :class:`pathlib.Path` works too).
    last_checked : datetime.date
        The date of the last check; no decision may be later.

    Returns
    -------
    _DecisionData
        The principles (key → French label) and the decisions, in file order.

    Raises
    ------
    esn_teach.law._load.LawDataError
        Naming the file and the entry: malformed file, unknown or missing
        field, wrong type, duplicate or malformed number, or a date after the
        last check.
    """
    document, place = read_document(source, sections=("principles", "decisions"))
    principles: dict[str, str] = read_value(
        Mapping[str, str], document["principles"], place.at("table [principles]")
    )
    found: dict[str, CnilDecision] = {}
    for table, where in entries(document, "decisions", place, label="décision", key="number"):
        item = build(CnilDecision, table, where)
        number = _NUMBER.fullmatch(item.number)
        if number is None:
            raise where.at("champ « number »").error(
                f"« {item.number} » n'est pas un numéro de la forme SAN-AAAA-NNN"
            )
        if item.number in found:
            raise where.error(
                f"le numéro « {item.number} » est déjà celui d'une décision précédente"
            )
        if int(number["year"]) != item.date.year:
            raise where.at("champ « date »").error(
                f"l'année de la date ({item.date.year}) n'est pas celle du numéro {item.number}"
            )
        if item.date > last_checked:
            raise where.at("champ « date »").error(
                f"la date du {item.date:%d/%m/%Y} est postérieure à la dernière vérification "
                f"(legal_facts_last_checked = {last_checked:%d/%m/%Y}, dans references.toml)"
            )
        if item.amount_eur <= 0:
            raise where.at("champ « amount_eur »").error("le montant doit être positif")
        if not item.url.startswith("https://"):
            raise where.at("champ « url »").error(
                f"une adresse https:// est attendue, pas « {item.url} »"
            )
        found[item.number] = item
    return _DecisionData(principles, tuple(found.values()))


_DATA = _load_decisions(
    data_file("decisions.toml"),
    last_checked=LEGAL_FACTS_LAST_CHECKED,
)

#: Teaching categories for the principle a sanction enforces (key → French label),
#: from the ``[principles]`` table of ``decisions.toml``; module 10 asks students to
#: choose one per decision.
PRINCIPLES: Mapping[str, str] = _DATA.principles

#: The CNIL sanctions of module 10, in the order of ``decisions.toml``.
CNIL_DECISIONS: tuple[CnilDecision, ...] = _DATA.decisions

_BY_NUMBER = {d.number: d for d in CNIL_DECISIONS}


def decision(number: str) -> CnilDecision:
    """Return the CNIL decision numbered ``number``.

    Parameters
    ----------
    number : str
        E.g. ``"SAN-2024-013"``.

    Returns
    -------
    CnilDecision

    Raises
    ------
    KeyError
        If the decision is not in :data:`CNIL_DECISIONS`.
    """
    try:
        return _BY_NUMBER[number]
    except KeyError:
        known = ", ".join(_BY_NUMBER)
        raise KeyError(f"décision de la CNIL inconnue : {number!r} ; connues : {known}") from None
