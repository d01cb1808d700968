"""Each student's own cases: the seed, where the identifier comes from, what is shown."""

from __future__ import annotations

import builtins
import getpass
import types

import numpy as np
import pytest

from esn_teach import checks
from esn_teach.checks import _variant


@pytest.fixture
def nobody(monkeypatch):
    """No identifier in the environment (the system user name remains), none typed yet."""
    monkeypatch.delenv(checks.STUDENT_ENV, raising=False)
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    monkeypatch.setattr(_variant, "_TYPED", [])
    return monkeypatch


def test_off_a_hub_the_student_types_their_identifier_once(nobody):
    """On a student's own computer the account name is not the course's: they are asked."""
    import IPython

    asked = []
    answers = iter(["", "  12345678 "])

    def fake_input(prompt=""):
        asked.append(prompt)
        return next(answers)

    kernel = types.SimpleNamespace(_allow_stdin=True)
    nobody.setattr(IPython, "get_ipython", lambda: types.SimpleNamespace(kernel=kernel))
    nobody.setattr(builtins, "input", fake_input)
    assert checks.student_id() == "12345678"
    assert len(asked) == 2 and "identifiant du cours" in asked[0]  # an empty line: asked again
    assert checks.student_id() == "12345678" and len(asked) == 2  # once per kernel
    # The grader and the build never ask: the copy's identifier is given.
    nobody.setenv(checks.STUDENT_ENV, "alice")
    assert checks.student_id() == "alice"
    # Without a person at the keyboard (nbconvert, a test), nothing is asked.
    nobody.delenv(checks.STUDENT_ENV)
    nobody.setattr(_variant, "_TYPED", [])
    kernel._allow_stdin = False
    assert checks.student_id() == getpass.getuser() and len(asked) == 2


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


def test_a_question_draws_its_own_order_and_variants():
    """draw_slots: the same for the same seed and question, another stream per question,
    every slot shown once, and a variant within its slot's count."""
    variants = {"interdit": 2, "haut": 3, "minimal": 1}
    slots, chosen = checks.draw_slots(7, "q1", list(variants), variants=variants)
    assert (slots, chosen) == checks.draw_slots(7, "q1", list(variants), variants=variants)
    assert list(slots) == ["A", "B", "C"] and sorted(slots.values()) == sorted(variants)
    assert all(0 <= chosen[letter] < variants[slot] for letter, slot in slots.items())
    draws = {
        str(checks.draw_slots(7, f"q{n}", list(variants), variants=variants)) for n in range(20)
    }
    assert len(draws) > 1
    shown, _ = checks.draw_slots(7, "q5b", ["E", "F", "G"], letters="EFG")
    assert list(shown) == ["E", "F", "G"] and sorted(shown.values()) == ["E", "F", "G"]
    with pytest.raises(ValueError, match="au moins une variante"):
        checks.draw_slots(7, "q", ["a"], variants={"a": 0})
    with pytest.raises(ValueError, match="emplacements"):
        checks.draw_slots(7, "q", [])
