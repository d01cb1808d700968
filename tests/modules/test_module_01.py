"""Module 01's own statements, read from its source (nothing executed).

Two numbers of module 01 are written in its text and must follow the code: the scale in the
introduction (the points carried by its cells) and how many patients a 95 % promise needs.
"""

from __future__ import annotations

import re

from esn_fixtures import NOTEBOOKS

from esn_teach import evaluation as ev
from esn_teach.course import read_module

SOURCE = NOTEBOOKS / "01_evaluer_test_diagnostique.py"


def _markdown() -> str:
    module = read_module(SOURCE)
    return "\n".join(c.source for c in module.notebook.cells if c.cell_type == "markdown")


def test_module_01_states_its_real_scale():
    """The introduction's « Barème » adds up the points the cells carry."""
    module = read_module(SOURCE)
    intro = re.sub(r"\s+", " ", module.notebook.cells[0].source)
    stated = re.search(
        r"\*\*Barème\*\* : (\d+) points, (\d+) pour les questions vérifiées par l'ordinateur "
        r"et (\d+) pour la réflexion écrite, corrigée par l'enseignant",
        intro,
    )
    assert stated, "the introduction no longer states the scale"
    total, autograded, written = (int(group) for group in stated.groups())
    assert autograded == module.autograded_points
    assert written == sum(module.written.values())
    assert total == autograded + written


def test_module_01_promise_needs_the_computed_number_of_patients():
    """« au moins N malades, tous détectés » is the smallest n whose Wilson lower bound of
    n/n reaches 0,95, as the notebook computes it."""
    text = re.sub(r"\s+", " ", _markdown())
    stated = re.search(r"il faut au moins (\d+) malades, tous détectés", text)
    assert stated, "the text after question 3 no longer gives the number of patients"
    needed = next(n for n in range(1, 1000) if ev.proportion_ci(n, n)[0] >= 0.95)
    assert int(stated.group(1)) == needed
    assert ev.proportion_ci(needed - 1, needed - 1)[0] < 0.95
