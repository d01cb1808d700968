"""Grading a whole cohort: parallel, sandboxed, nothing lost, Moodle export.

Built on nbgrader (its gradebook, preprocessors, metadata and checksums):
:func:`autograde` (through :func:`grade_cohort`) runs nbgrader's autograde in
worker processes, on kernels forked from a warm sandboxed template, after a
canary (the module's solution and blank version) proved the set-up right;
it checks each submission's integrity and gives every submission one named
:class:`SubmissionOutcome` — the grader's own failures are never charged to a student;
:class:`FrenchFeedback` makes nbgrader's feedback French without hidden tests;
:func:`write_moodle` and :func:`cohort_report` export grades and show what the
cohort missed.
"""

from esn_teach.grading._commands import (
    GradeExport,
    autograde,
    export_grades,
    generate_feedback,
    grade_status,
    module_report,
)
from esn_teach.grading._exchange import Collected, collect, publish, publish_feedback
from esn_teach.grading._export import (
    KEY_VARIABLE,
    ExportCheck,
    InClassPart,
    check_export,
    in_class_part,
    in_class_scores,
    pseudonym,
    pseudonym_key,
    rewrite_pseudonymised,
    write_moodle,
)
from esn_teach.grading._feedback import FrenchFeedback, configure_feedback, insert_marking_guides
from esn_teach.grading._outcomes import BatchResult, SubmissionOutcome, SubmissionResult
from esn_teach.grading._report import QuestionStats, cohort_report, format_table, write_report
from esn_teach.grading._runner import (
    CANARIES,
    MISPLACED,
    GradingAborted,
    Progress,
    grade_cohort,
    results_path,
)
from esn_teach.grading._sandbox import Limits, protections
from esn_teach.grading._sanitise import csv_safe, printable
from esn_teach.grading._selfgrade import LEARNER, QuestionLine, SelfGrade, selfgrade

__all__ = [
    "CANARIES",
    "KEY_VARIABLE",
    "LEARNER",
    "MISPLACED",
    "BatchResult",
    "Collected",
    "ExportCheck",
    "FrenchFeedback",
    "GradeExport",
    "GradingAborted",
    "InClassPart",
    "Limits",
    "Progress",
    "QuestionLine",
    "QuestionStats",
    "SelfGrade",
    "SubmissionOutcome",
    "SubmissionResult",
    "autograde",
    "check_export",
    "cohort_report",
    "collect",
    "configure_feedback",
    "csv_safe",
    "export_grades",
    "format_table",
    "generate_feedback",
    "grade_cohort",
    "grade_status",
    "in_class_part",
    "in_class_scores",
    "insert_marking_guides",
    "module_report",
    "printable",
    "protections",
    "pseudonym",
    "pseudonym_key",
    "publish",
    "publish_feedback",
    "results_path",
    "rewrite_pseudonymised",
    "selfgrade",
    "write_moodle",
    "write_report",
]
