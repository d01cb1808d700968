"""Find names and dates in clinical notes: hand-written rules, or a spaCy pipeline (module 14).

Both detectors return character spans; :func:`mark_detected` scores them
against the spans a generator planted (``make_clinical_notes().entities``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

__all__ = [
    "DATE_RULE",
    "NAME_RULE",
    "mark_detected",
    "rule_spans",
    "spacy_spans",
]

_MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"

#: Dates written with figures: 12/03/2024, 12/03/24, 2024-03-12, 12 mars 2024, 1er mars.
DATE_RULE = re.compile(
    rf"\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b"
    rf"|\b\d{{1,2}}(?:er)? (?:{_MONTHS})(?: \d{{4}})?\b"
)
#: One or two capitalised words after a title: « M. », « Mme », « Dr », « Pr »…
NAME_RULE = re.compile(
    r"\b(?:M\.|Mme|Mlle|Madame|Monsieur|Dr|Docteur|Pr|Professeur)\s+"
    r"((?:[A-ZÀ-Ý][a-zà-ÿ'-]+)(?:\s+[A-ZÀ-Ý][a-zà-ÿ'-]+)?)"
)


def rule_spans(text: str) -> list[tuple[str, int, int]]:
    """Find dates and names in ``text`` with the two rules :data:`DATE_RULE` and :data:`NAME_RULE`.

    Parameters
    ----------
    text : str
        A note.

    Returns
    -------
    list of (str, int, int)
        ``(kind, start, end)`` with ``kind`` « date » or « nom ».
    """
    spans = [("date", m.start(), m.end()) for m in DATE_RULE.finditer(text)]
    spans += [("nom", m.start(1), m.end(1)) for m in NAME_RULE.finditer(text)]
    return spans


def entity_spans(
    docs: Iterable[Any], labels: Iterable[str] = ("PER",)
) -> list[list[tuple[str, int, int]]]:
    """Return, for each spaCy document, its entities with one of ``labels`` as name spans.

    Parameters
    ----------
    docs : iterable of spacy.tokens.Doc
        Documents already processed by a pipeline (``list(nlp.pipe(texts))``), so
        that several choices of labels are compared without running it again.
    labels : iterable of str, default=("PER",)
        The entity labels counted as names: ``("PER",)`` for persons only,
        ``("PER", "MISC")`` to add the « divers » entities.

    Returns
    -------
    list of list of (str, int, int)
        For each document, ``("nom", start, end)`` of each entity kept.
    """
    wanted = set(labels)
    return [
        [("nom", ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in wanted]
        for doc in docs
    ]


def spacy_spans(texts: Iterable[str], nlp: Any) -> list[list[tuple[str, int, int]]]:
    """Find person names with a spaCy pipeline (entities labelled ``PER``).

    The French pipelines of spaCy (``fr_core_news_sm``) label persons, places,
    organisations and miscellaneous entities (``PER``, ``LOC``, ``ORG``,
    ``MISC``): they have no date label, so no date is returned.

    Parameters
    ----------
    texts : iterable of str
        The notes.
    nlp : spacy.language.Language
        A loaded pipeline, e.g. ``spacy.load("fr_core_news_sm")``.

    Returns
    -------
    list of list of (str, int, int)
        For each text, ``("nom", start, end)`` of each person entity.
    """
    return [
        [("nom", ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "PER"]
        for doc in nlp.pipe(list(texts))
    ]


def mark_detected(
    entities: pd.DataFrame, spans: Mapping[int, Sequence[tuple[str, int, int]]]
) -> pd.Series:
    """Whether each planted name or date overlaps a detected span of the same kind.

    Parameters
    ----------
    entities : pandas.DataFrame
        Columns ``note_id``, ``kind``, ``start``, ``end`` (the answer key).
    spans : mapping
        Note id → detected ``(kind, start, end)`` spans.

    Returns
    -------
    pandas.Series of bool
        Indexed like ``entities``.
    """
    found = [
        any(
            kind == wanted and start < stop and begin < end
            for kind, start, end in spans.get(int(note), ())
        )
        for note, wanted, begin, stop in zip(
            entities["note_id"].tolist(),
            entities["kind"].tolist(),
            entities["start"].tolist(),
            entities["end"].tolist(),
            strict=True,
        )
    ]
    return pd.Series(found, index=entities.index, name="detected")
