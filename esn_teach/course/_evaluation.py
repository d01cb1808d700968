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
import html
import math
import re
import unicodedata

import nbformat
from nbformat import NotebookNode

from esn_teach.checks import answer_digest, matches_digest
from esn_teach.course._outline import (
    GENERATED,
    after_class_start,
    opens_sources,
    question_titles,
)
from esn_teach.course._source import GRADED, GRADED_IN_CLASS, REVEAL, SESSION

__all__ = [
    "EVALUATION_BANNER",
    "EVALUATION_NOTE",
    "PRACTICE_NOTE",
    "REVEAL_CODE",
    "REVEAL_NOTE",
    "answer_leaks",
    "evaluation_check",
    "output_leaks",
    "partial_credit_kinds",
    "partial_credit_questions",
    "reveal_echoes",
    "reveal_note",
    "submission_session",
    "to_evaluation",
]

#: First line of an evaluated release's check cells.
EVALUATION_NOTE = (
    "# Séance évaluée : cette cellule vérifie seulement que votre réponse est donnée et a la "
    "forme attendue. Sa justesse sera corrigée après la remise."
)

#: First line of an evaluated release's check cells for after-class practice questions
#: (``graded="in-class"``): outside the grade and the collected copy, so never « corrigée
#: après la remise » (module 06's fix round, d22).
PRACTICE_NOTE = (
    "# Séance évaluée : question d'entraînement, hors de la note et de la copie ramassée. "
    "Cette cellule vérifie seulement que votre réponse est donnée et a la forme attendue."
)

#: What an evaluated release says at its top.
EVALUATION_BANNER = (
    "**Séance évaluée.** Les cellules de vérification disent seulement si votre réponse est "
    "donnée et a la forme attendue (par exemple un nombre, ou l'une des options proposées) ; elles "
    "ne disent pas si elle est juste. Votre copie est corrigée après la remise, et votre retour "
    "explique chaque réponse. Le premier indice de chaque question reste à votre disposition "
    "(les suivants, qui donnent presque la réponse, sont retirés de cette version)."
)

#: A later hint (« Indice 2 », « Indice 3 ») of an evaluated release: it often all but gives
#: the answer; the first hint stays.
_LATER_HINT = re.compile(
    r"\n?<details>\s*<summary>\s*Indice\s+(?:[2-9]|\d{2,})\s*</summary>.*?</details>[ \t]*\n?",
    re.DOTALL,
)

#: What an evaluated release shows in place of a passage that comments on an answer.
REVEAL_NOTE = (
    "*Séance évaluée : ce passage commente votre réponse à « {question} ». Il paraîtra dans "
    "votre retour de correction, après la remise.*"
)
#: A question title's points, left out where a passage names its question.
_POINTS = re.compile(r"\s*\([^()]*\bpoints?\)\s*$")

#: What an evaluated release runs in place of code whose output comments on an answer.
REVEAL_CODE = (
    "# Séance évaluée : cette cellule (un explorateur, un affichage) donnerait des réponses.\n"
    "# Elle paraîtra dans votre retour de correction, après la remise.\n"
    'print("Cellule masquée pendant la séance évaluée : elle paraîtra dans votre retour de '
    'correction.")'
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


def evaluation_check(source: str, answer: str, *, practice: bool = False) -> str:
    """Return the evaluated release's version of a visible check cell.

    Parameters
    ----------
    source : str
        The visible check (the released test cell: hidden tests already removed).
    answer : str
        The answer's variable name.
    practice : bool, default=False
        Whether the question is after-class practice, outside the grade: its first
        line is then :data:`PRACTICE_NOTE` instead of :data:`EVALUATION_NOTE`.

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
    integer = False
    on_grid = False
    written_from: list[str] | None = None
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
                integer = _keyword_literal(node, "integer", bound) is True
            break
        if name == "check_form":
            # Written as such by the module (a question with each student's own cases has
            # no answer digest to check against): its literal arguments are kept.
            written = _keyword_literal(node, "kind", bound)
            if isinstance(written, str) and written in ("number", "choice", "choices", "any"):
                kind = written
            options = _strings(_keyword_literal(node, "options", bound))
            items = _strings(_keyword_literal(node, "items", bound))
            places = _keyword_literal(node, "decimals", bound)
            decimals = places if isinstance(places, int) and not isinstance(places, bool) else None
            bounds = _literal_bounds(_keyword_literal(node, "bounds", bound))
            flag = _keyword_literal(node, "percent_is_mistake", bound)
            percent_is_mistake = flag if isinstance(flag, bool) else True
            integer = _keyword_literal(node, "integer", bound) is True
            on_grid = _keyword_literal(node, "on_grid", bound) is True
            names = _keyword_literal(node, "written_from", bound)
            if isinstance(names, set | frozenset):
                names = sorted(names)
            written_from = _strings(names)
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
    extra += ", integer=True" if integer else ""
    extra += ", on_grid=True" if on_grid else ""
    # The calculation's allowed names say nothing of correctness: the statement refuses a
    # ready-made function, and the student hears it before handing in.
    extra += f", written_from={written_from!r}" if written_from is not None else ""
    lines = [PRACTICE_NOTE if practice else EVALUATION_NOTE, *_normalisations(tree, source, answer)]
    lines.append(f"checks.check_form({answer}, name={answer!r}, kind={kind!r}{extra})")
    return "\n".join(lines)


#: Checks that give partial credit with ``points=``, and the kind of credit each gives.
_PARTIAL_CREDIT_CALLS = {
    "check_choices": "items",
    "check_number": "number",
    "partial_credit": "share",
}


def _partial_credit_calls(notebook: NotebookNode) -> list[tuple[str, str]]:
    """Return ``(answer, kind)`` for each check call with ``points=`` in a test cell."""
    found = []
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if cell.cell_type != "code" or not grade_id.endswith("_tests"):
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:
            continue
        found += [
            (grade_id.removesuffix("_tests"), _PARTIAL_CREDIT_CALLS[_called(node)])
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and _called(node) in _PARTIAL_CREDIT_CALLS
            and any(keyword.arg == "points" for keyword in node.keywords)
        ]
    return found


def partial_credit_kinds(notebook: NotebookNode) -> set[str]:
    """Return which kinds of partial credit a module's checks give.

    ``"items"``: a question of several items (``check_choices(..., points=N)``)
    earns a share of its points; ``"number"``: a number rounded one decimal too far
    (``check_number(..., points=N)``) earns half of them; ``"share"``: a share set
    by the module (``partial_credit``).
    """
    return {kind for _, kind in _partial_credit_calls(notebook)}


def partial_credit_questions(notebook: NotebookNode) -> set[str]:
    """Return the questions whose check may give partial credit (``points=N``).

    Their score may be a fraction of their points (a share of right items, half
    for a number too rounded), not all or nothing.

    Parameters
    ----------
    notebook : nbformat.NotebookNode
        A module's source or built notebook.

    Returns
    -------
    set of str
        The answers' names.
    """
    return {answer for answer, _ in _partial_credit_calls(notebook)}


def _literal_bounds(value: object) -> tuple[float, float] | None:
    """Return ``bounds=`` as two numbers when the check wrote them as a literal pair."""
    if (
        isinstance(value, (tuple, list))
        and len(value) == 2
        and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
    ):
        return (value[0], value[1])
    return None


def reveal_note(name: str, titles: dict[str, str]) -> str:
    """Return :data:`REVEAL_NOTE` for a passage commenting on answer ``name``.

    It names the question by its title, points left out (« Question 3 b — L'origine de
    la dose »), as the student sees it: the answer's variable name means nothing to them
    (module 14's review of 6 December). An answer without a verification cell keeps its
    name, as does one whose heading is not a question's (« Question … »).
    """
    title = _POINTS.sub("", titles.get(name, "")).strip()
    return REVEAL_NOTE.format(question=title if title.startswith("Question") else name)


def to_evaluation(notebook: NotebookNode) -> int:
    """Turn a released notebook, in place, into its evaluated version; return the checks replaced.

    A banner under the first cell says what the checks do now. A passage that
    comments on an answer (``reveal=``) shows :data:`REVEAL_NOTE` instead (code:
    :data:`REVEAL_CODE`, which prints a note). Only
    the first hint of each question stays: the later ones (« Indice 2 »…) often
    all but give the answer, which the grade must not measure.

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
    notebook.metadata[SESSION] = "evaluation"  # autograde checks it against the build
    banner = nbformat.v4.new_markdown_cell(EVALUATION_BANNER, id="esn-evaluation")
    banner.metadata[GENERATED] = "evaluation"
    notebook.cells.insert(1, banner)
    titles = question_titles(notebook)
    start = after_class_start(notebook)
    practice_from = (
        start if start is not None and notebook.metadata.get(GRADED) == GRADED_IN_CLASS else None
    )
    for index, cell in enumerate(notebook.cells):
        if REVEAL in cell.metadata:  # nbgrader puts it back at autograde (locked cell)
            if cell.cell_type == "code":
                cell.source = REVEAL_CODE.format(name=cell.metadata[REVEAL])
            else:
                cell.source = reveal_note(cell.metadata[REVEAL], titles)
            if cell.cell_type == "code":
                cell.outputs = []
                cell.execution_count = None
                cell.metadata.pop("jupyter", None)  # shown: a folded cell would look not run
            continue
        if cell.cell_type == "markdown" and "Indice" in cell.source:
            cell.source = _LATER_HINT.sub("\n", cell.source).rstrip("\n")
        meta = cell.metadata.get("nbgrader", {})
        grade_id = meta.get("grade_id", "")
        if cell.cell_type == "code" and meta.get("grade") and grade_id.endswith("_tests"):
            practice = practice_from is not None and index > practice_from
            cell.source = evaluation_check(
                cell.source, grade_id.removesuffix("_tests"), practice=practice
            )
            replaced += 1
    return replaced


# -- answers given away by the text -------------------------------------------------------

#: A number written in the text: 0,718 ; 1 204 ; 15,7 % (the percent sign read too).
_NUMBER = re.compile(r"(?<![\w,./(])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(,\d+)?(\s*%)?")


def _fold(text: str) -> str:
    """Lower case, no accents, one space, straight apostrophes: how a key is searched."""
    decomposed = unicodedata.normalize("NFKD", text.replace("\u2019", "'").casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.split())


def _visible_keys(source: str, answer: str) -> list[tuple[str, str, int]]:
    """Return the keys a visible check compares with: the right option, or a digest.

    The right option of ``check_choice`` is the literal option whose digest is the
    check's ``digest=``; a ``check_number`` key is its digest and precision. Each key
    is ``(kind, text, decimals)``: ``("option", option, 0)`` or ``("number", digest, n)``.
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    bound = _assigned_literals(tree)
    keys: list[tuple[str, str, int]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not _checks_answer(node, answer):
            continue
        digest = _keyword_literal(node, "digest", bound)
        if not isinstance(digest, str):
            continue
        name = _called(node)
        if name == "check_choice":
            for option in _strings(_keyword_literal(node, "options", bound)) or []:
                if answer_digest(option, name=answer) == digest:
                    keys.append(("option", option, 0))
        elif name == "check_number":
            decimals = _keyword_literal(node, "decimals", bound)
            keys.append(("number", digest, decimals if isinstance(decimals, int) else 3))
    return keys


def _distinctive(option: str) -> bool:
    """Tell whether an option is worth searching: several words, or one long word."""
    folded = _fold(option)
    return " " in folded or len(folded) >= 8


def _numbers(text: str) -> list[tuple[str, list[float]]]:
    """Return the numbers of a text worth comparing with an answer, and what they may mean.

    Small whole numbers (a question's number, « 3 points ») say nothing about an answer:
    only numbers with a decimal part, a percent sign or three digits are kept. A
    percentage may give a proportion: 15,7 % is read as 15.7 and 0.157.
    """
    found = []
    for match in _NUMBER.finditer(text):
        whole, fraction, percent = match[1], match[2] or "", match[3]
        digits = re.sub(r"\D", "", whole)
        if not fraction and not percent and len(digits) < 3:
            continue
        value = float(digits + fraction.replace(",", "."))
        found.append((match[0].strip(), [value, value / 100] if percent else [value]))
    return found


def _gated(node: ast.AST) -> bool:
    """Tell whether an ``if`` runs only once a question is right (``checks.passed(...)``)."""
    return isinstance(node, ast.If) and any(
        isinstance(call, ast.Call) and _called(call) == "passed" for call in ast.walk(node.test)
    )


def _printed_texts(source: str) -> str:
    """Return the string literals a code cell may show, outside ``if checks.passed(...)``.

    In an evaluated session nothing is « passed »: what such a block prints never
    shows. The rest (a message printed, a table's labels) shows when the cell runs.
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return ""
    texts: list[str] = []

    def visit(node: ast.AST) -> None:
        if _gated(node):
            assert isinstance(node, ast.If)
            for statement in node.orelse:  # the « else » shows
                visit(statement)
            return
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            texts.append(node.value)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return "\n".join(texts)


def _excerpt(text: str) -> str:
    """Return the first non-empty line of a text, at most 70 characters."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first if len(first) <= 70 else first[:69] + "…"


def _leak(written: str, answer: str, text: str) -> str:
    return f"« {written} », la réponse de « {answer} », dans le passage « {_excerpt(text)} »"


def _sources_index(cells: list[NotebookNode]) -> int:
    """Return the index of the « ## Sources » cell (the reference material), or the cell count."""
    return next((i for i, cell in enumerate(cells) if opens_sources(cell)), len(cells))


def answer_leaks(notebook: NotebookNode) -> list[str]:
    """Find the text, after a question, that gives its answer away.

    In an evaluated session the whole notebook is open: a paragraph after a question
    that names its right option, or prints its value, answers it. This reads the
    released notebook (visible checks with their digests, solutions removed) and
    looks, in every Markdown cell after a question's check up to « ## Sources »,
    for the question's right option (options of several words or at least eight
    letters) and for a number that matches its digest at its precision; and, in
    the code cells a student runs, for the right option in the texts they may
    print (outside ``if checks.passed(...)``, which stays false in that session).
    Passages marked ``reveal=`` are hidden in that session and not searched.

    Parameters
    ----------
    notebook : nbformat.NotebookNode
        A released notebook (formative form: visible checks still hold digests).

    Returns
    -------
    list of str
        One French description per passage found (empty when none).
    """
    cells = notebook.cells
    end = _sources_index(cells)
    leaks: list[str] = []
    for index, cell in enumerate(cells[:end]):
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if cell.cell_type != "code" or not grade_id.endswith("_tests"):
            continue
        answer = grade_id.removesuffix("_tests")
        for kind, key, decimals in _visible_keys(cell.source, answer):
            for later in range(index + 1, end):
                text = cells[later]
                nbgrader = text.metadata.get("nbgrader", {})
                if REVEAL in text.metadata:
                    continue
                if text.cell_type == "code":
                    # Code a student runs (not a question's cells): what it prints shows.
                    if kind != "option" or nbgrader.get("grade") or nbgrader.get("solution"):
                        continue
                    shown = _printed_texts(text.source)
                else:
                    shown = text.source
                leaks.extend(
                    _leak(written, answer, text.source)
                    for written in _found(kind, key, decimals, answer, shown)
                )
    return leaks


#: Where a passage is cut into clauses: the end of a sentence or of a paragraph.
_CLAUSE_END = re.compile(r"[.;:!?]\s|\n\s*\n")

#: The shortest clause of a ``reveal=`` passage looked for elsewhere: shorter ones (« voir
#: la question 2 ») are common phrases, not reasoning.
ECHO_WORDS = 6


def _prose(text: str) -> str:
    """Fold Markdown for comparison: no emphasis, no quote marks, then :func:`_fold`."""
    return _fold(re.sub(r"[*_`]", "", text).replace(">", " "))


def reveal_echoes(notebook: NotebookNode) -> list[str]:
    """Find the reasoning of a masked passage shown, in other words, elsewhere in the session.

    An evaluated release masks each ``reveal=`` passage, which comments on an
    answer. The same reasoning written again elsewhere (a summary box, « À retenir »,
    an introduction) shows it unmasked: module 05's lecturer (d21) read the answers
    of three questions that way. This looks, in every Markdown cell that is not
    masked, up to « ## Sources », for each clause of at least :data:`ECHO_WORDS`
    words of a masked Markdown passage, emphasis, accents and spacing folded.

    Parameters
    ----------
    notebook : nbformat.NotebookNode
        A released notebook before :func:`to_evaluation` (masked passages still
        hold their text; solutions removed).

    Returns
    -------
    list of str
        One French description per clause found (empty when none).
    """
    cells = notebook.cells
    end = _sources_index(cells)
    shown = [
        (cell, _prose(str(cell.source)))
        for cell in cells[:end]
        if cell.cell_type == "markdown"
        and REVEAL not in cell.metadata
        and GENERATED not in cell.metadata
    ]
    echoes: list[str] = []
    for cell in cells:
        if cell.cell_type != "markdown" or REVEAL not in cell.metadata:
            continue
        for clause in _CLAUSE_END.split(str(cell.source)):
            folded = _prose(clause).strip(" -.,")
            if len(folded.split()) < ECHO_WORDS:
                continue
            for other, text in shown:
                if folded in text:
                    written = " ".join(clause.split()).strip(" -")
                    answer = cell.metadata[REVEAL]
                    echoes.append(
                        f"« {written} », du passage masqué qui commente « {answer} », "
                        f"se lit aussi dans « {_excerpt(str(other.source))} »"
                    )
                    break
    return echoes


def _found(kind: str, key: str, decimals: int, answer: str, text: str) -> list[str]:
    """Return how ``text`` writes a question's key: its right option, or an accepted number."""
    if kind == "option":
        if not _distinctive(key):
            return []
        pattern = r"(?<!\w)" + re.escape(_fold(key)) + r"(?!\w)"
        return [key] if re.search(pattern, _fold(text)) else []
    return [
        written
        for written, values in _numbers(text)
        if any(
            matches_digest(value, key, name=answer, decimals=decimals)
            # 99,98 % is not « 1 » rounded: a percent read as a proportion counts only
            # when it has the answer's precision.
            and (value == values[0] or math.isclose(round(value, decimals), value))
            for value in values
        )
    ]


def _output_text(cell: NotebookNode) -> str:
    """Return what a code cell showed: printed text, results, displays (HTML untagged)."""
    parts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            parts.append(str(output.get("text", "")))
        elif output.get("output_type") in ("execute_result", "display_data"):
            data = output.get("data", {})
            if "text/html" in data:
                parts.append(html.unescape(re.sub(r"<[^>]+>", " ", str(data["text/html"]))))
            elif "text/markdown" in data:
                parts.append(str(data["text/markdown"]))
            elif "text/plain" in data:
                parts.append(str(data["text/plain"]))
    return "\n".join(parts)


def submission_session(notebook: NotebookNode) -> str:
    """Return the version a student's copy comes from: ``"evaluation"`` or ``"formative"``.

    Read from the release's metadata, or, if a student's editor lost it, from the
    evaluated session's banner or form checks.
    """
    if notebook.metadata.get(SESSION) == "evaluation":
        return "evaluation"
    for cell in notebook.cells:
        if (
            cell.get("id") == "esn-evaluation"
            or EVALUATION_NOTE in cell.source
            or PRACTICE_NOTE in cell.source
        ):
            return "evaluation"
    return "formative"


def output_leaks(released: NotebookNode, executed: NotebookNode) -> list[str]:
    """Find what a blank copy's code cells show that answers a question asked before them.

    :func:`answer_leaks` reads texts; this reads what the cells *printed*. A table
    or a summary computed from the data (« Se = 0,682 ») after the question that asks
    for that value answers it in an evaluated session, where the whole notebook is
    open. The keys come from ``released`` (the formative form: visible checks with
    their digests); the outputs from ``executed``, the same release run with no
    answer (nothing is « passed », so ``if checks.passed(...)`` blocks show nothing).
    Cells marked ``reveal=`` are hidden in that session and not searched. Only
    options of several words are searched: one word in a table or a data card is
    chance more often than an answer.

    Parameters
    ----------
    released : nbformat.NotebookNode
        A released notebook, formative form.
    executed : nbformat.NotebookNode
        The same release (or its evaluated form) executed without answers.

    Returns
    -------
    list of str
        One French description per output found (empty when none).
    """
    keys = {
        grade_id.removesuffix("_tests"): _visible_keys(cell.source, grade_id.removesuffix("_tests"))
        for cell in released.cells
        if cell.cell_type == "code"
        and (grade_id := cell.metadata.get("nbgrader", {}).get("grade_id", "")).endswith("_tests")
    }
    cells = executed.cells
    end = _sources_index(cells)
    position = {
        cell.metadata.get("nbgrader", {}).get("grade_id", ""): index
        for index, cell in enumerate(cells[:end])
    }
    leaks: list[str] = []
    for answer, answer_keys in keys.items():
        start = position.get(f"{answer}_tests")
        if start is None:
            continue
        for cell in cells[start + 1 : end]:
            nbgrader = cell.metadata.get("nbgrader", {})
            if (
                cell.cell_type != "code"
                or REVEAL in cell.metadata
                or nbgrader.get("grade")
                or nbgrader.get("solution")
            ):
                continue
            shown = _output_text(cell)
            for kind, key, decimals in answer_keys:
                if kind == "option" and " " not in _fold(key):
                    continue  # one word (« reproduit ») in a table or a data card: chance
                for written in _found(kind, key, decimals, answer, shown):
                    line = next(
                        (line for line in shown.splitlines() if _fold(written) in _fold(line)),
                        shown,
                    )
                    leaks.append(
                        f"« {written} », la réponse de « {answer} », affichée par la cellule "
                        f"« {_excerpt(cell.source)} » : « {_excerpt(line)} »"
                    )
    return leaks
