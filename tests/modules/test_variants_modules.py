"""Modules whose evaluated session gives each student their own cases (``checks.student_seed``).

The hidden tests recompute each copy's right answer from its own seed: a test cell
may read, from the notebook, only the answers and what the module imports. Any other
name (the cohort, the seed) is the student's to rewrite, and the grader's reference
data (the canary's) is another identifier's cases.
"""

from __future__ import annotations

import ast
import builtins

import pytest
from esn_fixtures import MODULE_PATHS

from esn_teach.course import read_module
from esn_teach.grading._integrity import read_names

WITH_VARIANTS = [
    path
    for path in MODULE_PATHS
    if read_module(path).has_sessions and "student_seed(" in path.read_text(encoding="utf-8")
]


def _assigned(source: str) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.FunctionDef | ast.Lambda):
            names |= {getattr(node, "name", "")}
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
    return names


@pytest.mark.parametrize("path", WITH_VARIANTS, ids=[path.stem for path in WITH_VARIANTS])
def test_hidden_tests_read_only_the_answers(path):
    notebook = read_module(path, session="evaluation").notebook
    answers: set[str] = set()
    imported: set[str] = set()
    tests = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution"):
            answers |= _assigned(cell.source)
        elif meta.get("grade"):
            tests.append(cell)
        tree = ast.parse(cell.source)
        imported |= {
            (alias.asname or alias.name).split(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in node.names
        }
    assert tests
    allowed = answers | imported | set(dir(builtins))
    for cell in tests:
        # Names the cell binds itself (loop and comprehension variables, arguments of the
        # functions it defines) are its own, not the notebook's.
        own = _assigned(cell.source) | {
            node.arg for node in ast.walk(ast.parse(cell.source)) if isinstance(node, ast.arg)
        }
        read = set(read_names(cell.source)) - allowed - own
        assert not read, (
            f"{path.stem}, {cell.metadata['nbgrader']['grade_id']} : ce test lit {sorted(read)} "
            "dans le notebook ; recalculez-les à partir de checks.student_seed(…, "
            "announce=False) dans la cellule"
        )
