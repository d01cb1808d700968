"""In an evaluated session, the student's kernel holds none of their answers.

Each student has their own cases (``checks.student_seed``): the keys are computed in the
notebook from the student's identifier. A visible cell that keeps them in an object — a draw's
``cas.perplexity``, a draw variable ``k_voulu``, an explorer's hidden statistic — gives the
answer to whoever types the object's name. For each module with an evaluated session, the
build's execution of the solution reads the answers, and the release's execution of the blank
copy, as the same student, ends with the walker of tests/kernel_keys.py (globals, underscore
names included; their fields, properties and zero-argument methods; dictionary and list items;
table cells; arrays; three steps deep). Both executions are those the release runs anyway
(tests/modules/test_sessions_modules.py checks the same release).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from esn_fixtures import MODULE_PATHS
from kernel_keys import find_leaks, significant_digits

from esn_teach.course import read_module

pytestmark = pytest.mark.slow
# make test: each module is a group of its own, with its test of test_sessions_modules.py
# (the evaluated_modules fixture: one build and one release per module, shared)

#: Module 10's answers are all one letter (kind="choice"): any string of the kernel is one; the
#: walker looks for numbers and item -> option mappings only.
WITH_SESSIONS = [
    path
    for path in MODULE_PATHS
    if read_module(path).has_sessions and not path.stem.startswith("10_")
]

#: Modules whose kernel holds answers today. Remove a module's entry when its fix is merged
#: (strict: a module that no longer leaks fails here until its entry goes).
LEAKING = {}


def _cases():
    for path in WITH_SESSIONS:
        reason = LEAKING.get(path.stem[:2])
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        yield pytest.param(path, marks=marks, id=path.stem)


@pytest.mark.parametrize("path", list(_cases()))
def test_the_blank_kernel_holds_no_answer(evaluated_modules, path):
    module = evaluated_modules[path.stem]
    # The cost of the probe (pytest -s): the walker's time in the blank kernel.
    print(
        f"{path.stem} : sonde {module.probe_seconds:.2f} s, "
        f"publication {module.release_seconds:.0f} s"
    )
    numeric = [q for q in module.questions if q.kind in ("number", "choices")]
    assert numeric, "aucune question à cas propres dont chercher la réponse"
    assert any(module.keys.get(q.variable) is not None for q in numeric), module.keys
    leaks = "\n".join(
        f"- question « {question} » : « {where} » vaut la réponse"
        for question, where in module.leaks
    )
    assert not module.leaks, (
        f"{path.stem} : en séance évaluée, après les cellules visibles, le noyau de l'étudiant "
        "garde la réponse de ces questions (ses propres cas). Gardez les réponses dans une "
        "fonction privée que seuls les tests cachés appellent, ou calculez-les sous "
        f'if checks.passed("…") :\n{leaks}'
    )


# -- the walker itself -----------------------------------------------------------------------
class _Case:
    def __init__(self, perplexity: float) -> None:
        self.sentence = "Le patient a de la fièvre"
        self.perplexity = perplexity

    def answers(self) -> dict[str, str]:
        return {"A": "oui", "B": "non", "C": "oui"}


_Case.__module__ = "esn_teach.generative.fake"  # its zero-argument methods are called


def _namespace(perplexity=12.3456, occult=0.1234, sensitivity=0.8731, mapping=None):
    return {
        "cas": _Case(perplexity),
        "stats": {"Black": {"occult_rate": occult}},
        "cadre": pd.DataFrame(
            {"sensibilité": [0.91, sensitivity]}, index=["patients blancs", "patients noirs"]
        ),
        "_j": 3,
        "scores": np.linspace(0, 1, 5000),  # every three-decimal value: no match (not exact)
        "courbe": np.linspace(0, 1, 101),  # every two-decimal value: no match (a grid)
        "choix": mapping or {"A": "non", "B": "non", "C": "oui"},
    }


NUMBERS = {"perplexite": (12.35, 2), "taux": (0.123, 3), "sensibilite": (0.873, 3), "k": (3, 0)}
CHOICES = {"fuite": {"A": "oui", "B": "non", "C": "oui"}}


def test_the_walker_finds_a_key_in_an_attribute_a_dict_a_table_and_a_method():
    found = find_leaks(_namespace(), NUMBERS, CHOICES, skip=["perplexite"])
    assert ("perplexite", "cas.perplexity") in found
    assert ("taux", "stats['Black']['occult_rate']") in found
    assert ("sensibilite", "cadre['sensibilité']['patients noirs']") in found
    assert ("k", "_j") in found  # a one-digit key: in the globals only
    assert ("fuite", "cas.answers()") in found
    assert not [where for _, where in found if where.startswith("scores")]


def test_the_walker_finds_nothing_where_no_key_is():
    namespace = _namespace(perplexity=14.2, occult=0.2, sensitivity=0.7)
    namespace["_j"] = 4
    namespace["cas"].answers = lambda: {"A": "non"}
    found = find_leaks(namespace, NUMBERS, CHOICES, skip=["choix"])
    assert found == []


def test_the_answers_themselves_are_not_leaks():
    assert find_leaks({"sensibilite": 0.873}, NUMBERS, CHOICES, skip=["sensibilite"]) == []


def test_a_key_with_one_significant_digit_is_looked_for_only_in_the_globals():
    assert significant_digits(0.1, 2) == 1
    assert significant_digits(40, 0) == 2
    assert significant_digits(0.873, 3) == 3
    numbers = {"k": (3, 0)}
    assert find_leaks({"tirage": {"k": 3}}, numbers, {}) == []
    assert find_leaks({"k_voulu": 3}, numbers, {}) == [("k", "k_voulu")]
