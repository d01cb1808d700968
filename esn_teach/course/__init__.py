"""The course pipeline: module sources → nbgrader course → grades and feedback."""

from esn_teach.course._errors import CourseError
from esn_teach.course._evaluation import EVALUATION_BANNER
from esn_teach.course._outline import (
    AFTER_CLASS_HEADING,
    CENS_PRINCIPLES,
    GENERATED,
    MAX_SESSION_MINUTES,
    SCHOOL_VALUES,
    VALUES_BOX_TITLE,
    Duration,
    after_class_start,
    estimate_duration,
    last_heading,
    module_title,
    values_problems,
)
from esn_teach.course._pipeline import (
    Course,
    GradeReport,
    StepResult,
    hidden_test_lines,
    library_digest,
    solution_lines,
)
from esn_teach.course._selfpaced import (
    METADATA_KEY,
    SELF_PACED,
    SELF_PACED_BANNER,
    SelfGradeSettings,
    SelfPacedPayload,
    read_self_paced,
)
from esn_teach.course._source import (
    GRADED,
    GRADED_IN_CLASS,
    REVEAL,
    ModuleSource,
    WrongAnswer,
    find_modules,
    read_module,
)

__all__ = [
    "AFTER_CLASS_HEADING",
    "CENS_PRINCIPLES",
    "EVALUATION_BANNER",
    "GENERATED",
    "GRADED",
    "GRADED_IN_CLASS",
    "MAX_SESSION_MINUTES",
    "METADATA_KEY",
    "REVEAL",
    "SCHOOL_VALUES",
    "SELF_PACED",
    "SELF_PACED_BANNER",
    "VALUES_BOX_TITLE",
    "Course",
    "CourseError",
    "Duration",
    "GradeReport",
    "ModuleSource",
    "SelfGradeSettings",
    "SelfPacedPayload",
    "StepResult",
    "WrongAnswer",
    "after_class_start",
    "estimate_duration",
    "find_modules",
    "hidden_test_lines",
    "last_heading",
    "library_digest",
    "module_title",
    "read_module",
    "read_self_paced",
    "solution_lines",
    "values_problems",
]
