"""The release for an evaluated session: visible checks that only check the form.

In the formative release, a visible check says whether an answer is correct and
names the likely mistake: generous feedback, but trial and error then collects
the points. For an evaluated session, ``esn-teach release --evaluation`` keeps
the module identical except its visible checks, each replaced by
:func:`esn_teach.checks.check_form`: the student learns that the answer is given
and well-formed (a number, one of the options), not whether it is right. The
hidden tests, which nbgrader restores from the instructor's version at
autograde, grade it; the feedback then explains each answer as in the formative
mode.
"""

from __future__ import annotations

import ast

import nbformat
from nbformat import NotebookNode

from esn_teach.course._outline import GENERATED

__all__ = ["EVALUATION_BANNER", "EVALUATION_NOTE", "evaluation_check", "to_evaluation"]

#: First line of an evaluated release's check cells.
EVALUATION_NOTE = (
    "# Séance évaluée : cette cellule vérifie seulement que votre réponse est donnée et a la "
    "forme attendue. Sa justesse sera corrigée après la remise."
)

#: What an evaluated release says at its top.
EVALUATION_BANNER = (
    "**Séance évaluée.** Les cellules de vérification disent seulement si votre réponse est "
    "donnée et a la forme attendue (par exemple un nombre, ou l'une des options proposées) ; elles "
    "ne disent pas si elle est juste. Votre copie est corrigée après la remise, et votre retour "
    "explique chaque réponse. Les indices restent à votre disposition."
)

_NUMBER_CHECKS = {"check_number", "require_number"}


def _called(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _checks_answer(node: ast.Call, answer: str) -> bool:
    return bool(node.args) and isinstance(node.args[0], ast.Name) and node.args[0].id == answer


def _assigned_literals(tree: ast.Module) -> dict[str, ast.expr]:
    """Names the cell binds once, at top level, to an expression (read as a literal later)."""
    bound: dict[str, ast.expr] = {}
    twice: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                if target.id in bound:
                    twice.add(target.id)
                bound[target.id] = node.value
    return {name: value for name, value in bound.items() if name not in twice}


def _keyword_literal(node: ast.Call, keyword: str, bound: dict[str, ast.expr]) -> object:
    """Return a keyword argument's literal value, written in the call or bound to a name."""
    value = next((kw.value for kw in node.keywords if kw.arg == keyword), None)
    if isinstance(value, ast.Name):
        value = bound.get(value.id)
    if value is None:
        return None
    try:
        return ast.literal_eval(value)
    except ValueError:
        return None


def _strings(values: object) -> list[str] | None:
    if isinstance(values, list | tuple) and all(isinstance(v, str) for v in values):
        return list(values)
    return None


def _normalisations(tree: ast.Module, source: str, answer: str) -> list[str]:
    """Top-level ``answer = ….normalise_answer(answer)`` lines: they hold no answer, keep them.

    Without them the form check would call « art. 9.2.j » ill-formed while the hidden
    test, which normalises first, accepts it.
    """
    kept = []
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and node.targets[0].id == answer
            and isinstance(node.value, ast.Call)
            and _called(node.value) == "normalise_answer"
            and _checks_answer(node.value, answer)
            and len(node.value.args) == 1
            and not node.value.keywords
        ):
            segment = ast.get_source_segment(source, node)
            if segment is not None:
                kept.append(segment)
    return kept


def evaluation_check(source: str, answer: str) -> str:
    """Return the evaluated release's version of a visible check cell.

    Parameters
    ----------
    source : str
        The visible check (the released test cell: hidden tests already removed).
    answer : str
        The answer's variable name.

    Returns
    -------
    str
        A cell that calls :func:`esn_teach.checks.check_form` on the answer: kind
        ``"number"`` when the visible check was ``check_number``, ``"choice"``
        with the same literal options when it was ``check_choice``, ``"choices"``
        with the same literal options and the item names (the keys of its
        ``digests=`` or ``expected=``, never their values) when it was
        ``check_choices``, ``"any"`` otherwise. A literal may be written in the
        call or bound once to a name earlier in the cell. A line that only
        normalises the answer (``answer = law.normalise_answer(answer)``) is kept
        before it, so that the form is judged on what the hidden test grades.
    """
    kind, options, decimals = "any", None, None
    bounds: tuple[float, float] | None = None
    percent_is_mistake = True
    try:
        tree = ast.parse(source)
    except SyntaxError:
        tree = ast.Module(body=[], type_ignores=[])
    bound = _assigned_literals(tree)
    items: list[str] | None = None
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not _checks_answer(node, answer):
            continue
        name = _called(node)
        if name in _NUMBER_CHECKS:
            kind = "number"
            if name != "check_number":
                # ``require_number`` often comes first, to read the value for the success
                # message: keep looking for the ``check_number`` that states the precision
                # and the range, or the form check would accept 78.3 for a proportion.
                continue
            if name == "check_number":  # its precision, 3 decimals unless told
                literal = next((kw.value for kw in node.keywords if kw.arg == "decimals"), None)
                try:
                    value = ast.literal_eval(literal) if literal is not None else 3
                except ValueError:
                    value = None  # not a literal: unknown precision, no warning
                decimals = value if isinstance(value, int) else None
                bounds = _literal_bounds(_keyword_literal(node, "bounds", bound))
                flag = _keyword_literal(node, "percent_is_mistake", bound)
                percent_is_mistake = flag if isinstance(flag, bool) else True
            break
        if name == "check_choice":
            values = _strings(_keyword_literal(node, "options", bound))
            if values is not None:
                kind, options = "choice", values
            break
        if name == "check_choices":
            values = _strings(_keyword_literal(node, "options", bound))
            if values is not None:
                kind, options = "choices", values
                for keyword in ("digests", "expected"):
                    reference = _keyword_literal(node, keyword, bound)
                    if isinstance(reference, dict):
                        items = _strings(list(reference))
                        break
            break
    extra = f", options={options!r}" if options is not None else ""
    extra += f", items={items!r}" if items is not None else ""
    extra += f", decimals={decimals}" if decimals is not None else ""
    # The range of the quantity (a proportion lies in [0 ; 1]) is part of its definition, not
    # of the answer: a percentage given for a proportion is badly formed, said before grading.
    extra += f", bounds={bounds!r}" if bounds is not None else ""
    extra += ", percent_is_mistake=False" if bounds is not None and not percent_is_mistake else ""
    lines = [EVALUATION_NOTE, *_normalisations(tree, source, answer)]
    lines.append(f"checks.check_form({answer}, name={answer!r}, kind={kind!r}{extra})")
    return "\n".join(lines)


def _literal_bounds(value: object) -> tuple[float, float] | None:
    """Return ``bounds=`` as two numbers when the check wrote them as a literal pair."""
    if (
        isinstance(value, (tuple, list))
        and len(value) == 2
        and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
    ):
        return (value[0], value[1])
    return None


def to_evaluation(notebook: NotebookNode) -> int:
    """Turn a released notebook, in place, into its evaluated version; return the checks replaced.

    A banner under the first cell says what the checks do now.

    Parameters
    ----------
    notebook : nbformat.NotebookNode
        The student version produced by nbgrader.

    Returns
    -------
    int
        The number of check cells replaced.
    """
    replaced = 0
    banner = nbformat.v4.new_markdown_cell(EVALUATION_BANNER, id="esn-evaluation")
    banner.metadata[GENERATED] = "evaluation"
    notebook.cells.insert(1, banner)
    for cell in notebook.cells:
        meta = cell.metadata.get("nbgrader", {})
        grade_id = meta.get("grade_id", "")
        if cell.cell_type == "code" and meta.get("grade") and grade_id.endswith("_tests"):
            cell.source = evaluation_check(cell.source, grade_id.removesuffix("_tests"))
            replaced += 1
    return replaced
