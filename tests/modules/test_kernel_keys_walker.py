"""The walker that looks for answer keys in a kernel (tests/kernel_keys.py), on a fake namespace.

Fast: it runs in ``make check``; tests/modules/test_kernel_keys.py runs it in each evaluated
module's blank kernel.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from kernel_keys import find_leaks, full_digits, significant_digits


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
    assert ("k", "_j") not in found  # a one-digit key: a coincidence anywhere
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


def test_small_and_integer_keys_are_looked_for_where_they_are_no_coincidence():
    assert significant_digits(0.1, 2) == 1
    assert significant_digits(40, 0) == 2
    assert significant_digits(0.873, 3) == 3
    assert full_digits(0.31) == 2
    assert full_digits(6.2) == 2
    assert full_digits(0.873015873015873) == 15
    assert find_leaks({"k_voulu": 3}, {"k": (3, 0)}, {}) == []
    seuil = {"seuil_alarme": (92, 0)}
    assert find_leaks({"v": 92, "bornes": list(range(80, 101))}, seuil, {}) == []
    assert find_leaks({"cas": _Case(92)}, seuil, {}) == [("seuil_alarme", "cas.perplexity")]
    # In a long array, only a computed float: not 6,2 (a measurement), but 6,2137… exactly
    mesures = {"diametre": np.round(np.linspace(0, 10, 500), 1)}
    assert find_leaks(mesures, {"ecart": (6.2, 1)}, {}) == []
    x = np.linspace(0, 10, 500)
    assert find_leaks({"x": x}, {"ecart": (float(x[70]), 1)}, {}) == [("ecart", "x[70]")]


def test_package_results_calls_the_course_functions_of_a_seed(monkeypatch):
    import sys
    import types

    from kernel_keys import package_results

    fake = types.ModuleType("esn_teach.datasets._fake_tasks")

    def _question_keys(seed):
        return {"A": ("oui", "relisez A"), "B": ("non", "relisez B")}

    def _two_arguments(seed, question):  # not called: a second required argument
        return {"A": "oui", "B": "non"}

    _question_keys.__module__ = _two_arguments.__module__ = fake.__name__
    fake._question_keys = _question_keys
    fake._two_arguments = _two_arguments
    monkeypatch.setitem(sys.modules, fake.__name__, fake)
    monkeypatch.setattr(
        "pkgutil.walk_packages",
        lambda path, prefix: [types.SimpleNamespace(name=fake.__name__)],
    )
    results = package_results(7)
    where = "esn_teach.datasets._fake_tasks._question_keys(graine)"
    assert results[where + "[…][0]"] == {"A": "oui", "B": "non"}
    leaks = find_leaks(results, {}, {"lecture": {"A": "oui", "B": "non"}})
    assert ("lecture", where + "[…][0]") in leaks
    assert not [name for name in results if "_two_arguments" in name]


def test_imported_modules_names_where_the_imported_functions_live():
    from kernel_keys import imported_modules

    source = (
        "from esn_teach.datasets import egfr_ckd_epi_2021\n"
        "import esn_teach.checks\n"
        "def f():\n"
        "    from esn_teach.datasets._egfr_tasks import _share_task\n"
        "import numpy\n"
    )
    found = imported_modules(source)
    assert {"esn_teach.datasets", "esn_teach.checks", "esn_teach.datasets._egfr_tasks"} <= found
    assert egfr_module() in found
    assert not [name for name in found if not name.startswith("esn_teach")]


def egfr_module():
    from esn_teach.datasets import egfr_ckd_epi_2021

    return egfr_ckd_epi_2021.__module__
