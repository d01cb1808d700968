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

import pytest
from esn_fixtures import MODULE_PATHS, walker_keys
from kernel_keys import find_leaks, imported_modules, package_results

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
LEAKING: dict[str, str] = {}
#: Values the student is meant to read: ``(module, question, path)`` -> why.
ALLOWED = {
    ("05", "ecart_max_48", "ecarts[np.float64(0.48)][2]"): (
        "le tableau des écarts affiché : la question 4a se lit dans ce tableau"
    ),
    # Module 05 (review d23): for the construction's identifier, question 2's key is the V-VI
    # share of the vendor's cancers, 21 / 388 = 0,0541; the explorer shown after the session
    # gives type I-II's rate at 28 % of V-VI, 43 / 795 = 0,0541: a miss rate, not a share of
    # cancers, equal by chance at three decimals.
    ("05", "lecture_global", "melange._by_share[0.28]['fnr']['I–II']"): (
        "le taux des I–II à 28 % dans l'explorateur d'après la séance, par hasard égal"
    ),
    # Module 01's question 1 asks the calculation, written with vp, fp, fn and vn only: a
    # number alone or another variable is refused (checks.written_with(calculation=True)).
    ("01", "sensibilite", "se"): "la question 4 utilise se ; la question 1 refuse se et un nombre",
    # Since the night of 6 December, question 1 asks the specificity on half the copies.
    ("01", "sensibilite", "sp"): "la question 4 utilise sp ; la question 1 refuse sp et un nombre",
    # The index is that of the construction identifier's split (WDBC_CASE_SEEDS, 7 December).
    ("01", "sensibilite", "courbe.tpr[20]"): "la courbe ROC ; la question 1 refuse un nombre seul",
    # A coincidence at three decimals for the construction's identifier: a coefficient of the
    # model is not a share of patients.
    ("03", "part_noirs_cout", "modele_sd.coef_[3]"): "un coefficient du modèle, par hasard égal",
    # Module 09 (review d18): for the construction's identifier, Q4's key is 1/6 (0,17 at two
    # decimals) and the importance of concave points, printed in section 1, rounds to 0,17 on
    # its split: a loss of accuracy, not a share of Camille's changes of mind.
    ("09", "part_camille_ia_fausse", "imp['importances_mean'][4]"): (
        "l'importance des points concaves affichée, par hasard égale à deux décimales"
    ),
    ("09", "part_camille_ia_fausse", "importances['moyenne']['points concaves']"): (
        "l'importance des points concaves affichée, par hasard égale à deux décimales"
    ),
}


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
    assert numeric, "aucune question dont chercher la réponse"
    assert any(module.keys.get(q.variable) is not None for q in numeric), module.keys
    found = [
        (question, where)
        for question, where in module.leaks
        if (path.stem[:2], question, where) not in ALLOWED
    ]
    leaks = "\n".join(
        f"- question « {question} » : « {where} » vaut la réponse" for question, where in found
    )
    assert not found, (
        f"{path.stem} : en séance évaluée, après les cellules visibles, le noyau de l'étudiant "
        "garde la réponse de ces questions (ses propres cas). Gardez les réponses dans une "
        "fonction privée que seuls les tests cachés appellent, ou calculez-les sous "
        f'if checks.passed("…") :\n{leaks}'
    )


#: Modules whose installed package gives answers to a student who calls its functions with
#: their seed, today (strict: remove a module's entry when its fix is merged).
PACKAGE_LEAKING: dict[str, str] = {}


def _package_cases():
    for path in WITH_SESSIONS:
        reason = PACKAGE_LEAKING.get(path.stem[:2])
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        yield pytest.param(path, marks=marks, id=path.stem)


@pytest.mark.parametrize("path", list(_package_cases()))
def test_the_installed_package_gives_no_answer(evaluated_modules, path):
    # On the hub, the student's kernel imports the same installed package as the grader: a
    # private function that returns a copy's keys is one tab completion away (review 07 d14,
    # finding 1). Keys belong in the source notebook's hidden tests, which never reach students.
    module = evaluated_modules[path.stem]
    numbers, choices = walker_keys(module.questions, module.keys)
    code = "\n".join(
        cell.source
        for cell in module.source.notebook.cells
        if cell.cell_type == "code" and not cell.source.lstrip().startswith(("%", "!"))
    )
    results = package_results(module.seed, imported_modules(code))
    # A module that draws in its own cells (11) may have no such function: nothing to give.
    leaks = find_leaks(results, numbers, choices)
    found = "\n".join(
        f"- question « {question} » : « {where} » donne la réponse" for question, where in leaks
    )
    assert not leaks, (
        f"{path.stem} : une fonction du paquet installé, appelée avec la graine de "
        "l'étudiant, rend la réponse de ces questions. Calculez les clés dans les tests cachés "
        f"du notebook source, pas dans la bibliothèque :\n{found}"
    )
