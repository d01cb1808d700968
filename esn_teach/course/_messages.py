"""Visible checks whose mistake messages are not readable in the cell, only when it runs.

A visible check names the mistake behind each wrong answer: « régler le seuil sur
le jeu de test… » refutes option C. Written in clear in the cell, these messages
answer a multiple-choice question by elimination: a student reads the three
refutations and picks the fourth option without understanding. Every student
version except the evaluated one (whose checks only look at the form) therefore
replaces, in each visible check, the text of each message with
``checks.decode_text("…")``: the same text, compressed and base64-encoded
(:func:`esn_teach.checks.encode_text`), decoded when the check runs. The check
behaves exactly as before; only reading the cell no longer tells the answer. This
is no secret (anyone can decode it), just as the digests are no proof.

A message is the message argument of ``Mistake(value, message, …)`` and of
``expect(condition, message, …)`` and ``not_judged(message, …)`` (positional or
``message=``), and the ``success=`` (and ``carried_over=``)
explanation of ``check_number``, ``check_choice`` and ``check_choices`` (which
explains, so names, the right option). Its string
literals are found through what a check cell does with them: a literal, implicitly
concatenated or joined with ``+``; a name bound to one in the cell; a value of a
dictionary or an element of a list the cell iterates over; the argument of a
helper function the cell defines and calls; the template of ``"….format(…)"``.
An f-string is left readable (its parts are code), though the names it
interpolates are followed: :class:`EncodedMessages` counts them. Everything else
in the cell (layout, comments, hints, options, digests) is left as it is,
character for character.
"""

from __future__ import annotations

import ast
import io
import tokenize
from dataclasses import dataclass

from nbformat import NotebookNode

from esn_teach.checks import encode_text
from esn_teach.course._errors import CourseError

__all__ = ["MESSAGE_NOTE", "EncodedMessages", "encode_check_messages", "encode_messages"]

#: The line a rewritten check gets under its first comments, for a reader puzzled by the codes.
MESSAGE_NOTE = (
    "# Les messages d'erreur sont codés pour ne pas trahir la réponse : exécutez la cellule."
)

#: Calls whose argument at this position (or ``message=``) is a message naming a mistake.
_MESSAGE_CALLS = {"Mistake": 1, "expect": 1, "not_judged": 0, "partial_credit": 0}

#: Checks whose ``success=`` message explains the right answer: it would give it away too.
_SUCCESS_CALLS = frozenset({"check_number", "check_choice", "check_choices"})

#: How a rewritten cell reaches ``decode_text`` when its checks are not called as ``x.Mistake``.
_FALLBACK_PREFIX = '__import__("esn_teach.checks").checks'


@dataclass(frozen=True)
class EncodedMessages:
    """What :func:`encode_messages` did to one cell (or, summed, to a notebook).

    Attributes
    ----------
    source : str
        The cell's new source (empty for a notebook's total).
    encoded : int
        String literals of messages replaced by ``decode_text("…")``.
    formatted : int
        f-strings in message position, left readable.
    """

    source: str
    encoded: int
    formatted: int


def _called(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _dotted(node: ast.expr) -> bool:
    """Whether ``node`` is a name or a dotted name (``checks``, ``esn_teach.checks``)."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name)


def _argument(call: ast.Call, position: int, keyword: str) -> ast.expr | None:
    """Return the argument of ``call`` at ``position`` or named ``keyword`` (None: none)."""
    if any(isinstance(arg, ast.Starred) for arg in call.args[: position + 1]):
        return None
    if position < len(call.args):
        return call.args[position]
    return next((kw.value for kw in call.keywords if kw.arg == keyword), None)


@dataclass(frozen=True)
class _Binding:
    """One way the cell binds a name: to a value, to what a loop takes, or as a parameter."""

    value: ast.expr | None = None
    iterated: ast.expr | None = None
    path: tuple[int, ...] = ()
    function: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | None = None
    position: int = -1
    keyword: str = ""


class _MessageFlow:
    """The string literals that end up as messages in one cell, by following names and calls.

    Names are looked up in the whole cell, whatever their scope: a literal bound
    to a name that is not a message after all is still decoded to the same text,
    so following too much never changes what the cell does.
    """

    def __init__(self, tree: ast.Module, source: str) -> None:
        self.source = source
        self.bindings: dict[str, list[_Binding]] = {}
        self.calls: dict[str, list[ast.Call]] = {}
        self.found: dict[ast.Constant, str] = {}  # literal → how the cell reaches the checks
        self.formatted: set[ast.JoinedStr] = set()
        self._seen: set[tuple[int, str]] = set()
        # A literal inside an f-string (f"{'s' if n > 1 else ''}") cannot be replaced by a
        # call with quotes in Python 3.11: it stays, like the f-string itself.
        self._in_fstring = {
            id(inner)
            for node in ast.walk(tree)
            if isinstance(node, ast.JoinedStr)
            for inner in ast.walk(node)
        }
        for node in ast.walk(tree):
            self._note(node)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _called(node) in _MESSAGE_CALLS:
                message = _argument(node, _MESSAGE_CALLS[_called(node)], "message")
                if message is not None:
                    self.follow(message, self._prefix(node))
            if isinstance(node, ast.Call) and _called(node) in _SUCCESS_CALLS:
                for keyword in node.keywords:
                    if keyword.arg in {"success", "carried_over"}:
                        self.follow(keyword.value, self._prefix(node))

    def _bind(self, target: ast.expr, binding: _Binding, path: tuple[int, ...] = ()) -> None:
        if isinstance(target, ast.Name):
            if binding.iterated is not None:
                binding = _Binding(iterated=binding.iterated, path=path)
            self.bindings.setdefault(target.id, []).append(binding)
        elif isinstance(target, ast.Tuple | ast.List):
            for index, element in enumerate(target.elts):
                if binding.iterated is not None:
                    self._bind(element, binding, (*path, index))
                elif isinstance(binding.value, ast.Tuple | ast.List) and len(
                    binding.value.elts
                ) == len(target.elts):
                    self._bind(element, _Binding(value=binding.value.elts[index]))

    def _note(self, node: ast.AST) -> None:
        """Record the bindings and calls of ``node``."""
        if isinstance(node, ast.Assign):
            for target in node.targets:
                self._bind(target, _Binding(value=node.value))
        elif isinstance(node, ast.AnnAssign | ast.NamedExpr) and node.value is not None:
            self._bind(node.target, _Binding(value=node.value))
        elif isinstance(node, ast.For | ast.AsyncFor | ast.comprehension):
            self._bind(node.target, _Binding(iterated=node.iter))
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            arguments = node.args
            positional = [*arguments.posonlyargs, *arguments.args]
            for position, arg in enumerate(positional):
                self.bindings.setdefault(arg.arg, []).append(
                    _Binding(function=node, position=position, keyword=arg.arg)
                )
            for arg in arguments.kwonlyargs:
                self.bindings.setdefault(arg.arg, []).append(
                    _Binding(function=node, keyword=arg.arg)
                )
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            self.calls.setdefault(node.func.id, []).append(node)

    def _prefix(self, call: ast.Call) -> str:
        """Return where the cell finds ``decode_text``: ``checks`` for ``checks.Mistake(…)``."""
        func = call.func
        if isinstance(func, ast.Attribute) and _dotted(func.value):
            segment = ast.get_source_segment(self.source, func.value)
            if segment is not None:
                return segment
        return _FALLBACK_PREFIX

    def follow(self, node: ast.expr, prefix: str) -> None:
        """Record the string literals that flow into ``node``, a message."""
        key = (id(node), prefix)
        if key in self._seen:
            return
        self._seen.add(key)
        if isinstance(node, ast.Constant):
            if isinstance(node.value, str) and id(node) not in self._in_fstring:
                self.found.setdefault(node, prefix)
        elif isinstance(node, ast.JoinedStr):
            self.formatted.add(node)
            for part in node.values:  # f"…{piege}": what piege holds is a message too
                if isinstance(part, ast.FormattedValue):
                    self.follow(part.value, prefix)
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            self.follow(node.left, prefix)
            self.follow(node.right, prefix)
        elif isinstance(node, ast.IfExp):
            self.follow(node.body, prefix)
            self.follow(node.orelse, prefix)
        elif isinstance(node, ast.BoolOp):
            for value in node.values:
                self.follow(value, prefix)
        elif isinstance(node, ast.Call) and _called(node) == "format":
            if isinstance(node.func, ast.Attribute):  # "… {} …".format(x): the template
                self.follow(node.func.value, prefix)
        elif isinstance(node, ast.Subscript):  # messages[key]: any of them
            for element in self._elements(node.value, "values"):
                self.follow(element, prefix)
        elif isinstance(node, ast.Name):
            for binding in self.bindings.get(node.id, []):
                for value in self._bound(binding):
                    self.follow(value, prefix)

    def _bound(self, binding: _Binding) -> list[ast.expr]:
        """Return the expressions a name may hold under ``binding``."""
        if binding.value is not None:
            return [binding.value]
        if binding.iterated is not None:
            return self._iterated(binding.iterated, binding.path)
        if binding.function is None:
            return []
        values: list[ast.expr] = []
        defaults = binding.function.args.defaults
        positional = [*binding.function.args.posonlyargs, *binding.function.args.args]
        if binding.position >= 0 and binding.position >= len(positional) - len(defaults):
            values.append(defaults[binding.position - (len(positional) - len(defaults))])
        name = getattr(binding.function, "name", None)
        for call in self.calls.get(name, []) if name else []:
            argument = (
                _argument(call, binding.position, binding.keyword)
                if binding.position >= 0
                else next((kw.value for kw in call.keywords if kw.arg == binding.keyword), None)
            )
            if argument is not None:
                values.append(argument)
        return values

    def _containers(self, node: ast.expr, depth: int = 0) -> list[ast.expr]:
        """Return the literal lists, tuples, sets and dictionaries ``node`` may be (via names)."""
        if isinstance(node, ast.List | ast.Tuple | ast.Set | ast.Dict):
            return [node]
        if isinstance(node, ast.Name) and depth < 20:
            found = []
            for binding in self.bindings.get(node.id, []):
                if binding.value is not None:
                    found += self._containers(binding.value, depth + 1)
            return found
        return []

    def _elements(self, node: ast.expr, part: str) -> list[ast.expr]:
        """Return the elements of the containers ``node`` may be (a dictionary's ``part``)."""
        elements: list[ast.expr] = []
        for container in self._containers(node):
            if isinstance(container, ast.Dict):
                chosen = container.keys if part == "keys" else container.values
                elements += [element for element in chosen if element is not None]
            elif isinstance(container, ast.List | ast.Tuple | ast.Set):
                elements += container.elts
        return elements

    def _iterated(self, iterated: ast.expr, path: tuple[int, ...]) -> list[ast.expr]:
        """Return what a loop target at ``path`` takes when the loop runs over ``iterated``."""
        method = _called(iterated) if isinstance(iterated, ast.Call) else ""
        if (
            isinstance(iterated, ast.Call)
            and isinstance(iterated.func, ast.Attribute)
            and method in {"items", "keys", "values"}
            and not iterated.args
        ):
            if method == "items":
                if not path or path[0] not in (0, 1):
                    return []
                method, path = ("keys" if path[0] == 0 else "values"), path[1:]
            elements = self._elements(iterated.func.value, method)
        else:
            elements = self._elements(iterated, "keys")
        for index in path:
            elements = [
                element.elts[index]
                for element in elements
                if isinstance(element, ast.Tuple | ast.List) and index < len(element.elts)
            ]
        return elements


def _offsets(source: str) -> list[int]:
    """Return where each line of ``source`` starts (``ast`` breaks lines at newlines only)."""
    starts, position = [0], 0
    for line in source.split("\n")[:-1]:
        position += len(line) + 1
        starts.append(position)
    return starts


def _position(source: str, starts: list[int], line: int, column: int) -> int:
    """Return the index in ``source`` of ``ast``'s (line, UTF-8 byte column)."""
    start = starts[line - 1]
    text = source[start : starts[line] if line < len(starts) else len(source)]
    return start + len(text.encode("utf-8")[:column].decode("utf-8"))


def encode_messages(source: str) -> EncodedMessages:
    """Replace the message literals of a visible check by ``checks.decode_text("…")``.

    Running the new cell builds the same ``Mistake`` objects and raises the same
    messages; reading it no longer tells which option each message refutes. A cell
    without a message literal, or whose messages are encoded already, is returned
    unchanged: rewriting twice changes nothing.

    Parameters
    ----------
    source : str
        The visible check (a released test cell: hidden tests already removed).

    Returns
    -------
    EncodedMessages
        The new source, with :data:`MESSAGE_NOTE` under its first comments when
        something was encoded, and the counts.

    Raises
    ------
    CourseError
        If the rewritten cell would not parse (it cannot happen for a cell that does).
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return EncodedMessages(source, 0, 0)  # the release's wrapping says what is wrong
    flow = _MessageFlow(tree, source)
    starts = _offsets(source)
    comments = [
        (_position(source, starts, *token.start), token.string)
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type == tokenize.COMMENT
    ]
    spans = []
    for node, prefix in flow.found.items():
        assert node.end_lineno is not None and node.end_col_offset is not None
        begin = _position(source, starts, node.lineno, node.col_offset)
        end = _position(source, starts, node.end_lineno, node.end_col_offset)
        call = f'{prefix}.decode_text("{encode_text(str(node.value))}")'
        # A comment between the parts of a literal ("…"  # why\n "…") is kept, above the call:
        # the literal spans lines, so it is inside brackets, where a line may break anywhere.
        indent = " " * (begin - source.rfind("\n", 0, begin) - 1)
        kept = "".join(f"{text}\n{indent}" for at, text in comments if begin < at < end)
        spans.append((begin, end, kept + call))
    rewritten = source
    for begin, end, replacement in sorted(spans, reverse=True):
        rewritten = rewritten[:begin] + replacement + rewritten[end:]
    if spans and MESSAGE_NOTE not in rewritten:
        lines = rewritten.split("\n")
        first_code = next(
            (i for i, line in enumerate(lines) if not line.lstrip().startswith("#")), 0
        )
        lines.insert(first_code, MESSAGE_NOTE)
        rewritten = "\n".join(lines)
    try:
        ast.parse(rewritten)
    except SyntaxError as error:  # pragma: no cover - a bug here, never the author's
        raise CourseError(
            f"Le codage des messages d'une cellule de vérification a produit du Python "
            f"invalide ({error.msg}, ligne {error.lineno}) :\n{rewritten[:600]}"
        ) from error
    return EncodedMessages(rewritten, len(spans), len(flow.formatted))


def encode_check_messages(notebook: NotebookNode) -> EncodedMessages:
    """Encode the messages of every visible check of a student version, in place.

    Parameters
    ----------
    notebook : nbformat.NotebookNode
        A student version produced by nbgrader (hidden tests already removed).

    Returns
    -------
    EncodedMessages
        The totals over the notebook (``source`` is empty).
    """
    encoded = formatted = 0
    for cell in notebook.cells:
        meta = cell.metadata.get("nbgrader", {})
        grade_id = meta.get("grade_id", "")
        if cell.cell_type == "code" and meta.get("grade") and grade_id.endswith("_tests"):
            result = encode_messages(cell.source)
            cell.source = result.source
            encoded += result.encoded
            formatted += result.formatted
    return EncodedMessages("", encoded, formatted)
