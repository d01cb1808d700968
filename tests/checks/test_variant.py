"""Each student's own cases: the seed, where the identifier comes from, what is shown."""

from __future__ import annotations

import getpass

import numpy as np
import pytest

from esn_teach import checks


@pytest.fixture
def nobody(monkeypatch):
    """No identifier in the environment (the system user name remains)."""
    monkeypatch.delenv(checks.STUDENT_ENV, raising=False)
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    return monkeypatch


def test_the_identifier_is_the_one_nbgrader_submits_under(nobody):
    # nbgrader.utils.get_username: the system user, or the hub's name in a "jovyan" container.
    assert checks.student_id() == getpass.getuser()
    nobody.setenv("JUPYTERHUB_USER", "marie")
    assert checks.student_id() == getpass.getuser()
    nobody.setattr(getpass, "getuser", lambda: "jovyan")
    assert checks.student_id() == "marie"
    nobody.delenv("JUPYTERHUB_USER")
    assert checks.student_id() == "jovyan"
    # The grader (and the build) name the copy explicitly.
    nobody.setenv(checks.STUDENT_ENV, " etudiant-42 ")
    assert checks.student_id() == "etudiant-42"
    nobody.setenv(checks.STUDENT_ENV, "   ")  # empty: skipped
    assert checks.student_id() == "jovyan"


def test_the_seed_is_the_students_own_and_the_same_every_time(nobody):
    seeds = {}
    for student in ("alice", "bruno", "chloe", "david", "emma"):
        nobody.setenv(checks.STUDENT_ENV, student)
        seeds[student] = checks.student_seed("03", announce=False)
        assert checks.student_seed("03", announce=False) == seeds[student]
        assert 0 <= seeds[student] < 2**31
        # Another module, other cases.
        assert checks.student_seed("06", announce=False) != seeds[student]
    assert len(set(seeds.values())) == 5
    nobody.setenv(checks.STUDENT_ENV, "alice")
    draws = [checks.variant_rng("03", announce=False).permutation(10) for _ in range(2)]
    assert np.array_equal(*draws)


def test_the_seed_does_not_depend_on_the_machine(nobody):
    # SHA-256 of "esn-teach/03/alice", first 31 bits: the same in class and at grading.
    nobody.setenv(checks.STUDENT_ENV, "alice")
    assert checks.student_seed("03", announce=False) == 1810847740


@pytest.mark.parametrize("module", ["3", "003", "ab", 3, "03_cout"])
def test_a_module_is_named_by_its_two_digits(module, nobody):
    with pytest.raises(ValueError, match="deux chiffres"):
        checks.student_seed(module)


def test_the_cell_says_in_french_whose_cases_they_are(nobody, capsys):
    nobody.setenv(checks.STUDENT_ENV, "alice")
    checks.student_seed("03")
    out = capsys.readouterr().out
    assert "« alice »" in out and "propres à votre copie" in out and "prévenez" in out
    checks.student_seed("03", announce=False)
    assert capsys.readouterr().out == ""


def test_a_notebook_records_whose_cases_it_drew(nobody):
    """In IPython, the output carries a record the grader reads (``variant_owners``)."""
    from IPython.core.interactiveshell import InteractiveShell

    from esn_teach.grading._integrity import variant_owners

    shell = InteractiveShell.instance()
    published = []
    shell.display_pub.publish = lambda data, metadata=None, **kw: published.append(data)
    try:
        nobody.setenv(checks.STUDENT_ENV, "alice")
        checks.student_seed("03")
    finally:
        InteractiveShell.clear_instance()
    (data,) = published
    assert data[checks.VARIANT_MIMETYPE] == {"module": "03", "student": "alice"}
    assert "« alice »" in data["text/plain"]
    output = {"output_type": "display_data", "data": data, "metadata": {}}
    notebook = {"cells": [{"cell_type": "code", "source": "", "outputs": [output]}]}
    assert variant_owners(notebook, "03_cout_et_besoin") == ["alice"]
    assert variant_owners(notebook, "06_mesurer_equite") == []
