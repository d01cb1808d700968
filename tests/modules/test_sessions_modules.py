"""Modules whose evaluated session has its own cases (``session=`` cells).

For each: the evaluated version is built (its solution passes its tests), released
for an evaluated session (its blank copy fails every test, no text or output shows
an answer), and each of its typical mistakes gets its message from the hidden tests.
"""

from __future__ import annotations

import nbformat
import pytest
from esn_fixtures import MODULE_PATHS, probe_mistakes

from esn_teach.course import read_module
from esn_teach.course._evaluation import partial_credit_questions

pytestmark = pytest.mark.slow
# make test: each module is a group of its own (about 17 s each), with its test of
# tests/modules/test_kernel_keys.py, which reads the same release (the evaluated_modules fixture)

WITH_SESSIONS = [path for path in MODULE_PATHS if read_module(path).has_sessions]


@pytest.mark.parametrize("path", WITH_SESSIONS, ids=[path.stem for path in WITH_SESSIONS])
def test_the_evaluated_version_is_built_released_and_names_its_mistakes(evaluated_modules, path):
    # Builds the evaluated version (solution executed: every test passes), then releases it
    # (blank copy executed: every test fails; no passage nor output shows an answer).
    course = evaluated_modules[path.stem].course
    assert course.built_session(path.stem) == "evaluation"
    source = read_module(path, session="evaluation")
    solution = nbformat.read(course.source_path(path.stem), as_version=4)
    probes = probe_mistakes(source, solution)
    partial = partial_credit_questions(source.notebook)
    for mistake, probe in zip(source.wrong_answers, probes, strict=True):
        assert mistake.message in probe.output, (mistake.answer, probe.output[-600:])
        assert probe.failed or mistake.answer in partial, mistake.answer
        assert not probe.crashes, probe.crashes
