"""Grading a whole cohort: parallel, sandboxed, nothing lost, Moodle export.

Built on nbgrader (its gradebook, preprocessors, metadata and checksums):
:func:`grade_cohort` runs nbgrader's autograde on kernels forked from a warm
sandboxed template, checks each submission's integrity and gives every
submission one named :class:`Outcome`; :class:`FrenchFeedback` makes
nbgrader's feedback French without hidden tests; :func:`write_moodle` and
:func:`cohort_report` export grades and show what the cohort missed.
"""

from esn_teach.grading._export import (
    KEY_VARIABLE,
    pseudonym,
    pseudonym_key,
    rewrite_pseudonymised,
    write_moodle,
)
from esn_teach.grading._feedback import FrenchFeedback
from esn_teach.grading._outcomes import BatchResult, Outcome, SubmissionResult
from esn_teach.grading._report import QuestionStats, cohort_report, format_table, write_report
from esn_teach.grading._runner import Progress, grade_cohort, results_path
from esn_teach.grading._sandbox import Limits, protections

__all__ = [
    "KEY_VARIABLE",
    "BatchResult",
    "FrenchFeedback",
    "Limits",
    "Outcome",
    "Progress",
    "QuestionStats",
    "SubmissionResult",
    "cohort_report",
    "format_table",
    "grade_cohort",
    "protections",
    "pseudonym",
    "pseudonym_key",
    "results_path",
    "rewrite_pseudonymised",
    "write_moodle",
    "write_report",
]
