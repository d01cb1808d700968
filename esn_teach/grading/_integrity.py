"""Integrity of a submission: tampered cells and monkeypatching.

Two layers, both reported as flags (French) that make the outcome "falsifiée":

1. Cells, against the released notebook: a locked or test cell edited, deleted
   or duplicated, a grade id changed or invented (a ``reveal=`` passage, text
   that nbgrader restores, may be edited freely). nbgrader restores them
   (``OverwriteCells`` with ``add_missing_cells``, ``DeduplicateIds``): the
   grade comes from the instructor's cells, never the student's copy.
2. Code, statically: assignments to attributes of imported modules (``np.mean
   = …``), ``setattr``/``delattr`` on them, ``builtins``/``__builtins__``,
   ``sys.modules``, and a name read by a test cell assigned again after that
   test. The points themselves are protected dynamically by the pristine
   re-check (``_recheck``): this scan only explains the flag.
"""

from __future__ import annotations

import ast

import nbformat

from esn_teach.checks import VARIANT_MIMETYPE
from esn_teach.course import REVEAL
from esn_teach.grading._cells import is_locked, is_solution, is_test, nbgrader_meta

__all__ = [
    "cell_tampering",
    "code_tampering",
    "read_names",
    "student_cells",
    "variant_owners",
]

_PATCHABLE = {"builtins", "__builtins__", "sys", "importlib"}


def cell_tampering(
    submitted: nbformat.NotebookNode,
    released: nbformat.NotebookNode,
    source: nbformat.NotebookNode | None = None,
) -> list[str]:
    """Compare a submission's graded cells with the released notebook.

    Parameters
    ----------
    submitted, released : nbformat.NotebookNode
    source : nbformat.NotebookNode, optional
        The instructor's version: its test cells (hidden tests included) count
        as intact too.

    Returns
    -------
    list of str
        French descriptions of each change found (empty when intact).
    """
    expected = {}
    for cell in released.cells:
        grade_id = nbgrader_meta(cell).get("grade_id")
        if grade_id:
            expected[grade_id] = cell
    instructor = {
        nbgrader_meta(cell).get("grade_id"): cell.source.strip()
        for cell in (source.cells if source is not None else [])
        if nbgrader_meta(cell).get("grade_id")
    }
    found: dict[str, list[nbformat.NotebookNode]] = {}
    problems = []
    for cell in submitted.cells:
        grade_id = nbgrader_meta(cell).get("grade_id")
        if not grade_id:
            continue
        if grade_id not in expected:
            problems.append(f"identifiant de cellule inconnu « {grade_id} » (modifié ?)")
            continue
        found.setdefault(grade_id, []).append(cell)
    for grade_id, original in expected.items():
        if REVEAL in original.metadata:
            # A passage that comments on an answer: text only, put back by nbgrader at
            # autograde; editing or deleting it changes no grade and is no fraud.
            continue
        copies = found.get(grade_id, [])
        meta = nbgrader_meta(original)
        protected = is_locked(original)
        if not copies:
            problems.append(f"cellule « {grade_id} » supprimée")
            continue
        if len(copies) > 1:
            problems.append(f"cellule « {grade_id} » dupliquée ({len(copies)} fois)")
        copy = copies[0]
        changed = [
            flag
            for flag in ("grade", "solution", "locked", "task")
            if bool(nbgrader_meta(copy).get(flag)) != bool(meta.get(flag))
        ]
        if changed:
            problems.append(
                f"métadonnées nbgrader de la cellule « {grade_id} » modifiées "
                f"({', '.join(changed)})"
            )
        intact = {original.source.strip(), instructor.get(grade_id, original.source.strip())}
        if protected and (
            copy.source.strip() not in intact or copy.cell_type != original.cell_type
        ):
            kind = "de test" if is_test(original) else "verrouillée"
            problems.append(f"cellule {kind} « {grade_id} » modifiée")
        elif nbgrader_meta(copy).get("points") != meta.get("points") and meta.get("grade"):
            problems.append(f"barème de la cellule « {grade_id} » modifié")
    return problems


def student_cells(
    submitted: nbformat.NotebookNode, released: nbformat.NotebookNode
) -> list[tuple[int, str]]:
    """(index, source) of the code cells the student could write in.

    Locked and test cells of the release are the instructor's: nbgrader's
    ``OverwriteCells`` runs the instructor's source in their place, whatever the
    copy holds (edits are reported by :func:`cell_tampering`). Everything else
    (solution cells, cells the student added) is the student's.
    """
    protected = {
        nbgrader_meta(cell).get("grade_id")
        for cell in released.cells
        if nbgrader_meta(cell).get("grade_id") and is_locked(cell)
    }
    locked = {
        cell.source.strip()
        for cell in released.cells
        if cell.cell_type == "code" and is_locked(cell)
    }
    return [
        (index, cell.source)
        for index, cell in enumerate(submitted.cells)
        if cell.cell_type == "code"
        and nbgrader_meta(cell).get("grade_id") not in protected
        and cell.source.strip() not in locked
    ]


def read_names(source: str) -> list[str]:
    """Names a test cell reads from the notebook (without duplicates).

    A name the cell binds itself before reading it (``carte = law.scenario(…)``
    then ``carte.misconceptions``) is not read from the notebook: statements are
    taken in order, and what an earlier statement binds is left out.
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    names: list[str] = []
    bound: set[str] = set()
    for statement in tree.body:
        loads = [
            node.id
            for node in ast.walk(statement)
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)
        ]
        names += [name for name in loads if name not in bound]
        for node in ast.walk(statement):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store | ast.Del):
                bound.add(node.id)
            elif isinstance(node, ast.Import | ast.ImportFrom):
                bound |= {(a.asname or a.name).split(".")[0] for a in node.names}
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                bound.add(node.name)
    return list(dict.fromkeys(names))


def _imported_aliases(tree: ast.AST) -> set[str]:
    aliases = set(_PATCHABLE)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            aliases |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            aliases |= {alias.asname or alias.name for alias in node.names}
    return aliases


def _root(node: ast.AST) -> str | None:
    while isinstance(node, ast.Attribute | ast.Subscript):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def code_tampering(submitted: nbformat.NotebookNode, released: nbformat.NotebookNode) -> list[str]:
    """Find monkeypatching and late redefinitions of tested names in the student's code.

    Parameters
    ----------
    submitted, released : nbformat.NotebookNode

    Returns
    -------
    list of str
        French descriptions (empty when nothing suspicious).
    """
    module_names = set()
    for cell in released.cells:
        if cell.cell_type == "code":
            try:
                module_names |= _imported_aliases(ast.parse(cell.source))
            except SyntaxError:
                continue
    answer_names: set[str] = set()
    for cell in released.cells:
        if cell.cell_type == "code" and is_solution(cell):
            try:
                tree = ast.parse(cell.source)
            except SyntaxError:
                continue
            answer_names |= {
                node.id
                for node in ast.walk(tree)
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)
            }
    tests = [
        (index, set(read_names(cell.source)) & answer_names)
        for index, cell in enumerate(submitted.cells)
        if is_test(cell)
    ]
    problems = []
    for index, source in student_cells(submitted, released):
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        aliases = module_names | _imported_aliases(tree)
        for node in ast.walk(tree):
            targets: list[ast.AST] = []
            if isinstance(node, ast.Assign):
                targets = list(node.targets)
            elif isinstance(node, ast.AugAssign | ast.AnnAssign):
                targets = [node.target]
            elif isinstance(node, ast.Delete):
                targets = list(node.targets)
            for target in targets:
                if isinstance(target, ast.Attribute | ast.Subscript) and _root(target) in aliases:
                    problems.append(
                        f"modifie la bibliothèque « {ast.unparse(target)[:60]} » "
                        f"(cellule {index + 1})"
                    )
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in {"setattr", "delattr"}
                and node.args
                and _root(node.args[0]) in aliases
            ):
                problems.append(f"modifie la bibliothèque via {node.func.id} (cellule {index + 1})")
            if (
                isinstance(node, ast.Name)
                and isinstance(node.ctx, ast.Store)
                and node.id in module_names
                and node.id not in _PATCHABLE
            ):
                problems.append(f"remplace le module « {node.id} » (cellule {index + 1})")
            if isinstance(node, ast.Name) and node.id == "__builtins__":
                problems.append(f"touche à __builtins__ (cellule {index + 1})")
        assigned = {
            node.id
            for node in ast.walk(tree)
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store | ast.Del)
        } | {
            node.name
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef)
        }
        for test_index, names in tests:
            late = sorted(assigned & names)
            if test_index < index and late:
                problems.append(f"redéfinit {', '.join(late)} après le test (cellule {index + 1})")
    return list(dict.fromkeys(problems))


def variant_owners(submitted: nbformat.NotebookNode, module: str) -> list[str]:
    """Return the identifiers whose variant the copy's saved outputs were drawn for.

    ``checks.student_seed`` records, in the output of the cell that draws a
    student's own cases, the module and the identifier it used. A copy saved
    with another identifier's cases than the one it is graded under was copied
    from a classmate, or the course's hub names students otherwise than its
    gradebook: the grader cannot tell which, so the instructor examines it.

    Parameters
    ----------
    submitted : nbformat.NotebookNode
        The copy as submitted (its outputs as the student saved them).
    module : str
        The module's name (``"03_cout_et_besoin"``) or number.

    Returns
    -------
    list of str
        The identifiers found, in order of appearance, without repeats (empty:
        the module has no variant, or the copy was saved without outputs).
    """
    number = module[:2]
    found: dict[str, None] = {}  # ordered, and linear however many records a copy forges
    for cell in submitted.get("cells", []):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        outputs = cell.get("outputs", [])
        for output in outputs if isinstance(outputs, list) else []:
            data = output.get("data") if isinstance(output, dict) else None
            record = data.get(VARIANT_MIMETYPE) if isinstance(data, dict) else None
            if not isinstance(record, dict) or record.get("module") != number:
                continue
            student = record.get("student")
            if isinstance(student, str):
                found.setdefault(student[:200])
    return list(found)
