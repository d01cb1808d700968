"""A small language model that runs anywhere: word n-grams with temperature (module 14).

A word trigram model, trained in a fraction of a second on the bundled synthetic
clinical notes, gives the probability of each next word; the temperature
reshapes those probabilities before a word is drawn. Everything is counted, so
every probability shown to a student can be checked by hand. Nothing is
downloaded.
"""

from esn_teach.generative._exam import (
    CaseDraw,
    DoseCase,
    ExamCase,
    ExamCases,
    NameCounts,
    dose_cases,
    draw_cases,
    exam_cases,
    incident_scenario,
    name_counts,
)
from esn_teach.generative._ner import load_french_ner
from esn_teach.generative._ngram import (
    END,
    PRESCRIPTION_PROMPT,
    NGramModel,
    apply_temperature,
    detokenize,
    perplexity,
    prescription_audit,
    tokenize,
)

__all__ = [
    "END",
    "PRESCRIPTION_PROMPT",
    "CaseDraw",
    "DoseCase",
    "ExamCase",
    "ExamCases",
    "NGramModel",
    "NameCounts",
    "apply_temperature",
    "detokenize",
    "dose_cases",
    "draw_cases",
    "exam_cases",
    "incident_scenario",
    "load_french_ner",
    "name_counts",
    "perplexity",
    "prescription_audit",
    "tokenize",
]
