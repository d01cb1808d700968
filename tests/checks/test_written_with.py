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
