"""The course pipeline: module sources → nbgrader course → grades and feedback."""

from esn_teach.course._errors import CourseError
from esn_teach.course._pipeline import (
    Course,
    GradeReport,
    StepResult,
    hidden_test_lines,
    library_digest,
    solution_lines,
)
from esn_teach.course._source import ModuleSource, WrongAnswer, find_modules, read_module

__all__ = [
    "Course",
    "CourseError",
    "GradeReport",
    "ModuleSource",
    "StepResult",
    "WrongAnswer",
    "find_modules",
    "hidden_test_lines",
    "library_digest",
    "read_module",
    "solution_lines",
]
