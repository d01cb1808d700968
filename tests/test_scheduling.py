"""How make test shares the tests between its two processes (tests/conftest.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

# tests/conftest.py by its path: under xdist, « conftest » may name tests/hub/conftest.py.
_SPEC = importlib.util.spec_from_file_location(
    "esn_tests_root_conftest", Path(__file__).with_name("conftest.py")
)
assert _SPEC and _SPEC.loader
_ROOT = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_ROOT)
EVALUATED_FILES, group_of = _ROOT.EVALUATED_FILES, _ROOT.group_of

SESSIONS = "tests/modules/test_sessions_modules.py"
KEYS = "tests/modules/test_kernel_keys.py"


def test_each_evaluated_module_is_a_group_shared_by_its_tests():
    """Twelve evaluated builds of about 17 s each: as one file they ran 205 s in one process.
    Each module's build is now its own group, shared by the two files that read it."""
    assert {SESSIONS, KEYS} <= EVALUATED_FILES
    case = "test_the_evaluated_version_is_built_released_and_names_its_mistakes"
    one = f"{SESSIONS}::{case}[01_evaluer_test_diagnostique]"
    other = f"{SESSIONS}::{case}[03_cout_et_besoin]"
    assert group_of(one) == "evaluee:01_evaluer_test_diagnostique"
    assert group_of(other) == "evaluee:03_cout_et_besoin"
    assert group_of(f"{KEYS}::test_x[03_cout_et_besoin]") == group_of(other)


def test_a_module_course_a_hub_and_a_file_keep_their_groups():
    assert group_of("tests/hub/test_idle.py::test_idle") == "hub"
    assert group_of("tests/law/test_law.py::test_x[a]") == "tests/law/test_law.py"
    course = "tests/course/test_pipeline.py::test_exact_scores_feedback_and_export"
    assert group_of(f"{course}[03_cout_et_besoin]") == "cours:03_cout_et_besoin"
