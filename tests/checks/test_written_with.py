"""checks.written_with: the formula, not a ready-made function, in the cell run last."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from IPython.core.interactiveshell import InteractiveShell

from esn_teach import checks

COUNTS = {"vp", "fp", "fn", "vn"}


@pytest.fixture
def shell() -> Iterator[InteractiveShell]:
    """A real IPython shell (the kernel's), its history of cells run in ``In``."""
    shell = InteractiveShell.instance()
    shell.run_cell("vp, fp, fn, vn = 58, 2, 27, 40\nse = vp / (vp + fn)", store_history=True)
    try:
        yield shell
    finally:
        InteractiveShell.clear_instance()


@pytest.mark.parametrize(
    "cell",
    [
        "sensibilite = vp / (vp + fn)",
        "sensibilite = 58 / 85",
        "sensibilite = (vp) / (vp + fn) * 1.0",
        "x = 1\nsensibilite = vp / (vp + fn)",
    ],
)
def test_a_formula_of_the_counts_is_accepted(shell: InteractiveShell, cell: str) -> None:
    shell.run_cell(cell, store_history=True)
    assert checks.written_with("sensibilite", COUNTS)


@pytest.mark.parametrize(
    "cell",
    [
        "sensibilite = se",  # another answer reused
        "sensibilite = round(vp / (vp + fn), 3)",  # a function
        "import math\nsensibilite = math.fsum([vp]) / (vp + fn)",
        "sensibilite = [vp][0] / (vp + fn)",
    ],
)
def test_a_function_or_another_name_is_refused(shell: InteractiveShell, cell: str) -> None:
    shell.run_cell(cell, store_history=True)
    assert not checks.written_with("sensibilite", COUNTS)


def test_the_last_cell_that_assigns_the_answer_decides(shell: InteractiveShell) -> None:
    shell.run_cell("sensibilite = se", store_history=True)
    shell.run_cell("sensibilite = vp / (vp + fn)", store_history=True)
    shell.run_cell("print(sensibilite)", store_history=True)  # assigns nothing: skipped
    shell.run_cell("sensibilite = (", store_history=True)  # a syntax error: skipped
    assert checks.written_with("sensibilite", COUNTS)
    shell.run_cell("sensibilite = se", store_history=True)
    assert not checks.written_with("sensibilite", COUNTS)


def test_nothing_to_judge_outside_ipython_or_without_an_assignment(
    shell: InteractiveShell,
) -> None:
    assert checks.written_with("autre", COUNTS)  # never assigned with « = »
    InteractiveShell.clear_instance()
    assert checks.written_with("sensibilite", COUNTS)  # no shell: the value check decides


RESIDUAL = {"fn2": 3, "vn2": 400}


def _formula(fn2, vn2):
    return fn2 / (fn2 + vn2)


@pytest.mark.parametrize(
    ("cell", "verdict"),
    [
        ("risque = fn2 / (fn2 + vn2)", True),
        ("risque = 1 - vn2 / (vn2 + fn2)", True),  # the same formula, written otherwise
        ("risque = 3 / (3 + 400)", True),  # the copy's own counts, typed
        ("risque = fn2 / vn2", False),  # within 0,001 of the right value here
        ("risque = 3 / 400", False),
        ("risque = fn2 / (fn2 + vn2) + 0.0001", False),
        ("risque = fn2 ** 7", False),  # a large power is refused, never computed
        ("risque = round(fn2 / (fn2 + vn2), 3)", False),
        ("risque = 0.0074", None),  # a number alone: the value check decides
        ("autre = 1", None),  # nothing assigns the answer
    ],
)
def test_written_formula_judges_the_formula_not_the_value(shell, cell, verdict) -> None:
    """A wrong formula can land within the tolerance on some copies' counts (fn2/vn2 for a
    residual risk near 0): the formula is judged on other counts."""
    shell.run_cell("fn2, vn2 = 3, 400", store_history=True)
    shell.run_cell(cell, store_history=True)
    assert checks.written_formula("risque", _formula, values=RESIDUAL) is verdict


def test_written_formula_does_not_guess_between_equal_counts(shell) -> None:
    shell.run_cell("risque = 5 / (5 + 400)", store_history=True)
    assert checks.written_formula("risque", _formula, values={"fn2": 5, "vn2": 5}) is None
    assert checks.written_formula("risque", _formula) is None  # no counts given


def test_a_blank_answer_is_left_to_the_value_check(shell) -> None:
    """« ... » left as is is not a refused calculation: the value check says « non traitée »."""
    shell.run_cell("risque = ...", store_history=True)
    assert checks.written_with("risque", {"fn2", "vn2"})
    assert checks.written_formula("risque", _formula, values=RESIDUAL) is None


def test_the_form_check_refuses_a_calculation_not_written_with_the_counts(
    shell: InteractiveShell, capsys: pytest.CaptureFixture[str]
) -> None:
    """Module 01's evaluated Q1/Q8/Q9: the statement refuses ``sensibilite = se``; the visible
    form check says so before hand-in, as a form error, without judging the value."""

    def form_check(value: float) -> checks.Outcome:
        return checks.check_form(
            value, name="sensibilite", kind="number", decimals=3, bounds=(0, 1), written_from=COUNTS
        )

    shell.run_cell("sensibilite = se", store_history=True)
    with pytest.raises(checks.IncorrectAnswer) as refused:
        form_check(0.682)
    assert refused.value.form and "calcul refusé" in str(refused.value)
    assert "vp" in str(refused.value) and "forme" in str(refused.value)
    shell.run_cell("sensibilite = vp / (vp + fn)", store_history=True)
    # a wrong value of the right form is recorded
    assert form_check(0.1) is checks.Outcome.RECORDED
    assert "Réponse enregistrée" in capsys.readouterr().out


@pytest.mark.parametrize("cell", ["sensibilite = 0.682", "sensibilite = -0.5", "sensibilite = 1"])
def test_a_number_alone_is_not_a_calculation(shell: InteractiveShell, cell: str) -> None:
    """The audit of 6 December: in module 01's evaluated session, ``se`` holds question 1's
    key; typed alone, its value scored as the calculation the statement asks for."""
    shell.run_cell(cell, store_history=True)
    assert checks.written_with("sensibilite", {"vp", "fn"})  # the formative rule: allowed
    assert not checks.written_with("sensibilite", {"vp", "fn"}, calculation=True)
    with pytest.raises(checks.IncorrectAnswer, match="ni un nombre seul") as refused:
        checks.check_form(
            0.682, name="sensibilite", kind="number", decimals=3, written_from={"vp", "fn"}
        )
    assert refused.value.form


@pytest.mark.parametrize("cell", ["sensibilite = 58 / (58 + 27)", "sensibilite = vp / (vp + fn)"])
def test_a_calculation_with_numbers_is_still_one(shell: InteractiveShell, cell: str) -> None:
    shell.run_cell(cell, store_history=True)
    assert checks.written_with("sensibilite", {"vp", "fn"}, calculation=True)


@pytest.mark.parametrize(
    "cell",
    [
        "sensibilite = 0.682 * 1",  # the result, dressed as a calculation
        "sensibilite = 682 / 1000",
        "sensibilite = -(-0.682)",
        "sensibilite = 0.5 + 0.182",
    ],
)
def test_numbers_that_are_not_the_counts_are_not_a_calculation(
    shell: InteractiveShell, cell: str
) -> None:
    """The diff read of 6 December: a number dressed as a calculation passed the bare-number
    rule; the numbers of a calculation must be the copy's counts, sums of them, 1 or 100."""
    shell.run_cell(cell, store_history=True)
    assert checks.written_with("sensibilite", COUNTS)  # the formative rule: allowed
    assert not checks.written_with("sensibilite", COUNTS, calculation=True)  # kernel's counts
    counts = {"vp": 58, "fp": 2, "fn": 27, "vn": 40}
    assert not checks.written_with("sensibilite", COUNTS, calculation=True, values=counts)
    with pytest.raises(checks.IncorrectAnswer, match="pas vos comptes") as refused:
        checks.check_form(0.682, name="sensibilite", kind="number", decimals=3, written_from=COUNTS)
    assert refused.value.form


@pytest.mark.parametrize(
    "cell",
    [
        "sensibilite = 58 / 85",  # 85 is vp + fn
        "sensibilite = 1 - 27 / (58 + 27)",
        "sensibilite = 100 * 58 / 85 / 100",
        "sensibilite = 58.0 / (58 + 27)",
    ],
)
def test_numbers_made_of_the_counts_are_a_calculation(shell: InteractiveShell, cell: str) -> None:
    shell.run_cell(cell, store_history=True)
    assert checks.written_with("sensibilite", COUNTS, calculation=True)
    counts = {"vp": 58, "fp": 2, "fn": 27, "vn": 40}
    assert checks.written_with("sensibilite", COUNTS, calculation=True, values=counts)


def test_the_counts_given_outrank_those_of_the_kernel(shell: InteractiveShell) -> None:
    """The hidden tests pass the counts they recompute: a student who sets ``vp, vn = 682, 1000`` in
    a cell cannot make ``682 / 1000`` a calculation of the counts."""
    shell.run_cell("vp, vn = 682, 1000\nsensibilite = 682 / 1000", store_history=True)
    assert checks.written_with("sensibilite", COUNTS, calculation=True)  # fooled: the kernel's
    counts = {"vp": 58, "fp": 2, "fn": 27, "vn": 40}
    assert not checks.written_with("sensibilite", COUNTS, calculation=True, values=counts)


def test_without_counts_only_the_bare_number_is_refused(shell: InteractiveShell) -> None:
    shell.run_cell("del vp, fp, fn, vn\nsensibilite = 0.682 * 1", store_history=True)
    assert checks.written_with("sensibilite", COUNTS, calculation=True)
    shell.run_cell("sensibilite = 0.682", store_history=True)
    assert not checks.written_with("sensibilite", COUNTS, calculation=True)


@pytest.mark.parametrize(
    "cell",
    [
        "if True:\n    sensibilite = 0.682",  # inside a block: not read as « sensibilite = … »
        "for sensibilite in [0.682]:\n    pass",
        "sensibilite = 0\nsensibilite += 0.682",
        "sensibilite, autre = 0.682, 1",
        "from math import pi as sensibilite",
        "def f():\n    global sensibilite\n    sensibilite = 0.682\nf()",
    ],
)
def test_an_answer_bound_otherwise_than_by_a_line_of_its_own_is_refused(
    shell: InteractiveShell, cell: str
) -> None:
    """The diff read of 6 December, night: ``_last_assignment`` read only the top of a cell;
    the answer set inside ``if True:`` was not seen, and an older line was judged."""
    shell.run_cell("sensibilite = vp / (vp + fn)", store_history=True)
    shell.run_cell(cell, store_history=True)
    assert not checks.written_with("sensibilite", COUNTS)
    assert not checks.written_with("sensibilite", COUNTS, calculation=True)
    assert checks.written_formula("sensibilite", lambda vp, fn: vp / (vp + fn)) is False


@pytest.mark.parametrize(
    "cell",
    ['exec("sensibilite = 0.682")', 'globals()["sensibilite"] = 0.682'],
)
def test_a_value_that_does_not_come_from_the_calculation_is_refused(
    shell: InteractiveShell, cell: str
) -> None:
    """The calculation found in the history must give the value the kernel holds."""
    shell.run_cell("sensibilite = vp / (vp + fn)", store_history=True)
    assert checks.written_with("sensibilite", COUNTS, calculation=True)
    shell.run_cell(cell, store_history=True)
    assert not checks.written_with("sensibilite", COUNTS, calculation=True)


def test_a_value_set_without_any_line_is_refused_as_a_calculation(shell) -> None:
    shell.run_cell('exec("sensibilite = 0.682")', store_history=True)
    assert checks.written_with("sensibilite", COUNTS)  # formative: the value check decides
    assert not checks.written_with("sensibilite", COUNTS, calculation=True)
    shell.run_cell("sensibilite = ...", store_history=True)
    assert checks.written_with("sensibilite", COUNTS, calculation=True)  # blank: not attempted


@pytest.mark.parametrize(
    "cell",
    [
        "sensibilite = " + "-" * 5000 + "1",  # nested past what the parser takes
        "sensibilite = (" * 300 + "vp" + ")" * 300,
        "sensibilite = vp / (vp + fn)\x00",  # a null byte in the cell's text
    ],
)
def test_a_cell_the_parser_cannot_read_is_skipped_not_an_error(
    shell: InteractiveShell, cell: str
) -> None:
    """A hostile cell must not make the check itself fail (nbgrader would record 0 with a
    traceback): it is not read, and the last readable line decides."""
    shell.run_cell("sensibilite = vp / (vp + fn)", store_history=True)
    shell.user_ns["In"].append(cell)  # as stored, whether or not the cell ran
    assert checks.written_with("sensibilite", COUNTS, calculation=True)
    assert checks.written_formula("sensibilite", lambda vp, fn: vp / (vp + fn)) is True
