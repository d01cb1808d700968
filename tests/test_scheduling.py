"""How make test shares the tests between its two processes (tests/conftest.py)."""

from __future__ import annotations

from conftest import SPREAD_FILES, group_of

SESSIONS = "tests/modules/test_sessions_modules.py"


def test_each_evaluated_build_is_a_group_of_its_own():
    """Twelve builds of about 17 s each: as one file they ran 205 s in one process."""
    assert SESSIONS in SPREAD_FILES
    one = f"{SESSIONS}::test_the_evaluated_version_is_built_released_and_names_its_mistakes[01_x]"
    other = one.replace("[01_x]", "[03_y]")
    assert group_of(one) == one and group_of(other) == other


def test_a_module_course_a_hub_and_a_file_keep_their_groups():
    assert group_of("tests/hub/test_idle.py::test_idle") == "hub"
    assert group_of("tests/law/test_law.py::test_x[a]") == "tests/law/test_law.py"
    course = "tests/course/test_pipeline.py::test_exact_scores_feedback_and_export"
    assert group_of(f"{course}[03_cout_et_besoin]") == "cours:03_cout_et_besoin"
