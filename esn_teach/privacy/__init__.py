"""Measures of re-identification risk, generalisation (module 11), de-identification (14).

Computed with pandas and numpy, vectorised so that an explorer can recompute
them live on about ten thousand rows.
"""

from esn_teach.privacy._deidentify import (
    DATE_RULE,
    NAME_RULE,
    entity_spans,
    mark_detected,
    rule_spans,
    spacy_spans,
)
from esn_teach.privacy._generalise import (
    DATE_LEVELS,
    PLACE_LEVELS,
    REGIONS,
    age_bands,
    age_on,
    departement_of,
    generalise_date,
    generalise_place,
)
from esn_teach.privacy._measures import (
    LinkageResult,
    birth_date_span,
    class_sizes,
    information_loss,
    k_anonymity,
    l_diversity,
    linkage_attack,
    unique_share,
    values_merged,
)

__all__ = [
    "DATE_LEVELS",
    "DATE_RULE",
    "NAME_RULE",
    "PLACE_LEVELS",
    "REGIONS",
    "LinkageResult",
    "age_bands",
    "age_on",
    "birth_date_span",
    "class_sizes",
    "departement_of",
    "entity_spans",
    "generalise_date",
    "generalise_place",
    "information_loss",
    "k_anonymity",
    "l_diversity",
    "linkage_attack",
    "mark_detected",
    "rule_spans",
    "spacy_spans",
    "unique_share",
    "values_merged",
]
