"""The course pipeline: module sources → nbgrader course → grades and feedback."""

from esn_teach.course._errors import CourseError
from esn_teach.course._pipeline import Course, GradeReport, hidden_test_lines, solution_lines
from esn_teach.course._source import ModuleSource, WrongAnswer, find_modules, read_module

__all__ = [
    "Course",
    "CourseError",
    "GradeReport",
    "ModuleSource",
    "WrongAnswer",
    "find_modules",
    "hidden_test_lines",
    "read_module",
    "solution_lines",
]
