"""A small language model that runs anywhere: word n-grams with temperature (module 14).

A word trigram model, trained in a fraction of a second on the bundled synthetic
clinical notes, gives the probability of each next word; the temperature
reshapes those probabilities before a word is drawn. Everything is counted, so
every probability shown to a student can be checked by hand. Nothing is
downloaded.

The evaluated session's statement functions (``exam_cases``, ``dose_cases``,
``incident_scenario``, ``copy_order``) return texts and numbers only; no function,
constant or field of the package holds a key (the keys are in the source notebook's
hidden tests, which stay with the instructor). The formulas of
questions 1 and 2 (``perplexity``, ``apply_temperature``) are not re-exported either:
a student computes them by hand, not by finding a library function.
"""

from esn_teach.generative._exam import (
    ExamCases,
    copy_order,
    dose_cases,
    exam_cases,
    incident_scenario,
)
from esn_teach.generative._ner import load_french_ner
from esn_teach.generative._ngram import (
    END,
    PRESCRIPTION_PROMPT,
    NGramModel,
    detokenize,
    prescription_audit,
    tokenize,
)

__all__ = [
    "END",
    "PRESCRIPTION_PROMPT",
    "ExamCases",
    "NGramModel",
    "copy_order",
    "detokenize",
    "dose_cases",
    "exam_cases",
    "incident_scenario",
    "load_french_ner",
    "prescription_audit",
    "tokenize",
]
