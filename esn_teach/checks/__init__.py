"""Checks for nbgrader test cells, with French pedagogical messages.

Three outcomes, as in Kaggle's learntools: the student has not attempted the
question (the ``...`` placeholder is still there), the answer is incorrect
(with a message naming the likely mistake when it is recognisable), or it is
correct. Failures are :class:`AssertionError` subclasses, so nbgrader counts
them as failed tests; in a notebook they show as one French sentence instead
of a traceback.
"""

from esn_teach.checks._checks import (
    RECORDED_LINE,
    Mistake,
    answer_digest,
    check_choice,
    check_choices,
    check_form,
    check_number,
    chosen_option,
    expect,
    is_placeholder,
    matches_digest,
    not_judged,
    partial_credit,
    passed,
    require_attempted,
    require_number,
    written_formula,
    written_with,
)
from esn_teach.checks._encoded import decode_text, encode_text
from esn_teach.checks._friendly import french_explanation, install_french_errors
from esn_teach.checks._outcome import (
    CheckFailed,
    IncorrectAnswer,
    NotAttempted,
    Outcome,
    PartialCredit,
)
from esn_teach.checks._progress import (
    ATTEMPTS_BEFORE_SOLUTION,
    EVALUATED_PROGRESS,
    PROGRESS_ENV,
    course_progress,
    guide_button,
    load_progress,
    progress_path,
    question,
    reveal_solution,
    selfgrade_button,
    show_progress,
    solution_button,
)
from esn_teach.checks._variant import (
    STUDENT_ENV,
    VARIANT_MIMETYPE,
    SlotDraw,
    draw_slots,
    student_id,
    student_seed,
    variant_rng,
)

# Every module imports the checks in its first code cell: from then on, in a notebook, the
# errors beginners hit (0,045, a misspelt or not yet defined name, ... left in a calculation,
# an unclosed parenthesis) are explained in French. Outside IPython this does nothing.
install_french_errors()

__all__ = [
    "ATTEMPTS_BEFORE_SOLUTION",
    "EVALUATED_PROGRESS",
    "PROGRESS_ENV",
    "RECORDED_LINE",
    "STUDENT_ENV",
    "VARIANT_MIMETYPE",
    "CheckFailed",
    "IncorrectAnswer",
    "Mistake",
    "NotAttempted",
    "Outcome",
    "PartialCredit",
    "SlotDraw",
    "answer_digest",
    "check_choice",
    "check_choices",
    "check_form",
    "check_number",
    "chosen_option",
    "course_progress",
    "decode_text",
    "draw_slots",
    "encode_text",
    "expect",
    "french_explanation",
    "guide_button",
    "install_french_errors",
    "is_placeholder",
    "load_progress",
    "matches_digest",
    "not_judged",
    "partial_credit",
    "passed",
    "progress_path",
    "question",
    "require_attempted",
    "require_number",
    "reveal_solution",
    "selfgrade_button",
    "show_progress",
    "solution_button",
    "student_id",
    "student_seed",
    "variant_rng",
    "written_formula",
    "written_with",
]
