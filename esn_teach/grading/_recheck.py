"""Re-run test cells on pristine libraries, with only plain data from the student.

Imported by the template process (a sibling script module, no package import)
inside a freshly forked child: numpy, pandas, the checks module and the
builtins there have never seen a line of student code. The student's kernel
only hands over a snapshot of the names each test cell reads, taken just
before the test ran; a restricted unpickler turns it back into numbers,
strings, arrays and data frames, refusing anything else (no student class,
no function). Each test runs in a fresh namespace.

Also defines :data:`SNAPSHOT_CODE`, run silently in the student's kernel.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import importlib
import io
import pickle
import re
import types
from typing import Any, ClassVar

#: Run in the student's kernel before a test cell (``NAMES`` and ``PATH`` are given).
SNAPSHOT_CODE = r"""
def _esn_snapshot(names, path, ns):
    import pickle, types
    out = {}
    for name in names:
        if name not in ns:
            out[name] = ("missing",)
            continue
        value = ns[name]
        if isinstance(value, types.ModuleType):
            out[name] = ("module", value.__name__)
            continue
        module = getattr(value, "__module__", None)
        qualname = getattr(value, "__qualname__", None)
        if (isinstance(value, type) or callable(value)) and isinstance(module, str) \
                and isinstance(qualname, str) and module != "__main__" and "<" not in qualname:
            out[name] = ("ref", module, qualname)
            continue
        try:
            out[name] = ("value", pickle.dumps(value, protocol=4))
        except Exception as error:
            out[name] = ("unpicklable", type(value).__name__)
    # The cells run (IPython's In), which checks.written_with reads: the checker keeps only
    # those the notebook holds (a line appended to In by code is no cell run).
    try:
        history = ns.get("In")
        history = [str(text) for text in history] if isinstance(history, list) else []
        out[HISTORY] = ("value", pickle.dumps(history[-2000:], protocol=4))
    except Exception:
        out[HISTORY] = ("value", pickle.dumps([], protocol=4))
    # The names bound since the kernel first asked whose copy it is (checks.student_id):
    # they may hold that student's own data, never the course's (the canaries' reference).
    try:
        import sys
        before = getattr(sys.modules.get("esn_teach.checks._variant"), "NAMES_BEFORE_DRAW", None)
        if before:
            drawn = [name for name in names
                     if name in ns and (name not in before[0] or before[0][name] is not ns[name])]
            out[DRAWN] = ("value", pickle.dumps(drawn, protocol=4))
    except Exception:
        pass
    with open(path, "wb") as handle:
        pickle.dump(out, handle, protocol=4)
_esn_snapshot(NAMES, PATH, get_ipython().user_ns)
""".replace("HISTORY", repr("\x00In")).replace("DRAWN", repr("\x00drawn"))

#: The snapshot's entry for IPython's list of cells run (no Python name holds a NUL).
HISTORY = "\x00In"
#: The snapshot's entry for the names bound after the kernel's first ``checks.student_id``.
DRAWN = "\x00drawn"

_SAFE_BUILTINS = {
    "set",
    "frozenset",
    "complex",
    "slice",
    "range",
    "bytearray",
    "list",
    "dict",
    "tuple",
    "int",
    "float",
    "str",
    "bytes",
    "bool",
    "object",
    # The « ... » a student leaves in an item of a dictionary answer (partial credit).
    "Ellipsis",
}
_SAFE_MODULES = ("numpy", "pandas", "datetime", "collections", "decimal", "fractions")
_SAFE_CALLABLE = re.compile(
    r"^(_reconstruct|scalar|_frombuffer|_unpickle\w*|__pyx_unpickle\w*|_new_\w*|new_block\w*|_restore\w*|"
    r"__newobj__|_reconstructor|dtype|ndarray)$"
)
_UNSAFE = re.compile(r"(read|load|eval|exec|system|query|open|save|to_|memmap|import)", re.I)


#: Top-level packages the instructor's notebook imports: their classes may be rebuilt too
#: (a fitted scikit-learn model is an honest answer). Set by :func:`run`.
_LIBRARIES: list[str] = []


class _RestrictedUnpickler(pickle.Unpickler):
    """Unpickle only plain data: numpy/pandas containers and safe builtins."""

    def find_class(self, module: str, name: str) -> object:
        if module == "builtins" and name in _SAFE_BUILTINS:
            return getattr(builtins, name)
        if module == "copyreg" and name == "_reconstructor":
            import copyreg

            # Private to copyreg (pickle protocol 0/1 objects), so absent from typeshed.
            return copyreg._reconstructor  # type: ignore[attr-defined]
        allowed = _SAFE_MODULES + tuple(_LIBRARIES)
        if module.split(".")[0] in allowed and not _UNSAFE.search(name):
            obj = importlib.import_module(module)
            for part in name.split("."):
                obj = getattr(obj, part)
            if isinstance(obj, type) or _SAFE_CALLABLE.match(name.split(".")[-1]):
                return obj
        raise pickle.UnpicklingError(f"type refusé : {module}.{name}")


def _loads(data: bytes) -> object:
    """Load the instructor's data (the canary's runs): library classes allowed."""
    return _RestrictedUnpickler(io.BytesIO(data)).load()


#: What a student's plain data may be made of, whatever the course: builtin containers,
#: numpy arrays and scalars (numpy 1 and 2 paths). The course adds the types its own data
#: uses (learnt from the canary's snapshots, see :func:`course_types`).
BASE_TYPES = frozenset(
    {("builtins", name) for name in _SAFE_BUILTINS - {"object"}}
    | {
        (module, name)
        for module in ("numpy.core.multiarray", "numpy._core.multiarray")
        for name in ("_reconstruct", "scalar")
    }
    | {("numpy.core.numeric", "_frombuffer"), ("numpy._core.numeric", "_frombuffer")}
    | {("numpy", "ndarray"), ("numpy", "dtype"), ("copyreg", "_reconstructor")}
)
_NEVER = re.compile(
    r"^(builtins|operator|functools|itertools|os|posix|sys|subprocess|importlib|types|"
    r"codecs|ctypes|pickle|_pickle|io|_io|runpy|code|pdb|shutil|socket|unittest|inspect|"
    r"marshal|gc|weakref|threading|multiprocessing|signal|contextlib|pathlib)(\.|$)"
)
#: The (module, name) pairs a student's data may use; set by :func:`run`.
_STUDENT_TYPES: set[tuple[str, str]] = set(BASE_TYPES)


def course_types(data: bytes) -> set[tuple[str, str]]:
    """Return the (module, name) pairs the instructor's pickled ``data`` uses.

    Only pairs that are safe to offer to a student's data are kept: no dotted
    name, nothing of a module that reaches code, files or the interpreter.
    """
    found: set[tuple[str, str]] = set()

    class _Recording(_RestrictedUnpickler):
        def find_class(self, module: str, name: str) -> object:
            found.add((module, name))
            return super().find_class(module, name)

    _Recording(io.BytesIO(data)).load()
    return {
        (module, name)
        for module, name in found
        if "." not in name and not _NEVER.match(module) and not _UNSAFE.search(name)
    } | (found & BASE_TYPES)


class _StudentUnpickler(pickle._Unpickler):
    """Unpickle a student's plain data: exact types only, nothing else called.

    Python's own unpickler calls whatever ``REDUCE`` finds on its stack and sets
    attributes on whatever ``BUILD`` targets; chained with a lenient
    ``find_class`` (dotted names, whole packages) that runs any code. Here
    ``find_class`` gives only the exact (module, name) pairs of
    ``_STUDENT_TYPES``, ``REDUCE`` and ``NEWOBJ`` call only what ``find_class``
    gave, and ``BUILD`` never targets a class, a function or a module.
    """

    dispatch: ClassVar[dict] = dict(pickle._Unpickler.dispatch)
    # Set by the pure-Python unpickler's ``load``; typeshed's stub declares neither it nor
    # the opcode handlers (``load_reduce``...) called below, hence their ignores.
    stack: list[Any]

    def __init__(self, file: io.BytesIO) -> None:
        super().__init__(file)
        self._given: set[int] = set()

    def find_class(self, module: str, name: str) -> object:
        if (module, name) not in _STUDENT_TYPES:
            raise pickle.UnpicklingError(f"type refusé : {module}.{name}")
        obj = getattr(importlib.import_module(module), name)
        self._given.add(id(obj))
        return obj

    def _callable(self, obj: object) -> None:
        if id(obj) not in self._given:
            raise pickle.UnpicklingError("appel refusé dans les données")

    def load_reduce(self) -> None:
        self._callable(self.stack[-2])
        pickle._Unpickler.load_reduce(self)  # type: ignore[attr-defined]

    def load_newobj(self) -> None:
        self._callable(self.stack[-2])
        pickle._Unpickler.load_newobj(self)  # type: ignore[attr-defined]

    def load_newobj_ex(self) -> None:
        self._callable(self.stack[-3])
        pickle._Unpickler.load_newobj_ex(self)  # type: ignore[attr-defined]

    def load_build(self) -> None:
        target = self.stack[-2]
        if isinstance(target, type | types.FunctionType | types.BuiltinFunctionType):
            raise pickle.UnpicklingError("modification refusée dans les données")
        if isinstance(target, types.ModuleType | types.MethodType):
            raise pickle.UnpicklingError("modification refusée dans les données")
        pickle._Unpickler.load_build(self)  # type: ignore[attr-defined]

    def load_obj(self) -> None:
        raise pickle.UnpicklingError("instruction refusée dans les données")

    def load_inst(self) -> None:
        raise pickle.UnpicklingError("instruction refusée dans les données")

    def persistent_load(self, pid: object) -> object:
        raise pickle.UnpicklingError("instruction refusée dans les données")

    dispatch[pickle.REDUCE[0]] = load_reduce
    dispatch[pickle.NEWOBJ[0]] = load_newobj
    dispatch[pickle.NEWOBJ_EX[0]] = load_newobj_ex
    dispatch[pickle.BUILD[0]] = load_build
    dispatch[pickle.OBJ[0]] = load_obj
    dispatch[pickle.INST[0]] = load_inst


class _StructureUnpickler(_StudentUnpickler):
    """Read a snapshot file's frame: dicts, tuples, strings and bytes, no type at all."""

    def find_class(self, module: str, name: str) -> object:
        raise pickle.UnpicklingError(f"type refusé : {module}.{name}")


def _read_frame(path: str) -> object:
    """Read a snapshot or reference file (written where a student's kernel could write)."""
    with open(path, "rb") as handle:
        return _StructureUnpickler(io.BytesIO(handle.read())).load()


def _student_loads(data: bytes) -> object:
    """Load a student's value: only plain data of known types (see ``_StudentUnpickler``)."""
    return _StudentUnpickler(io.BytesIO(data)).load()


def run(tests: list[dict]) -> dict[str, dict]:
    """Re-run each test cell in a fresh namespace; return its verdict by grade id.

    Parameters
    ----------
    tests : list of dict
        ``grade_id``, ``source`` and ``snapshot`` (path written by
        :data:`SNAPSHOT_CODE`); optionally ``imports`` (name → ``[module,
        attribute or None]`` for every name the instructor's cells import:
        such names are always rebuilt from the instructor's import, never from
        the student's kernel), ``reference`` (a snapshot of the course's own
        data, taken from the canary: these values replace the student's) and
        ``libraries`` (packages whose classes may be rebuilt), ``sources`` (the
        texts of the cells run since the previous test, see ``_history``; in the
        notebook's order). Anything else must be plain data: a module or a
        function bound by the student fails.

    Returns
    -------
    dict
        grade id → ``{"status": "passed" | "failed" | "hidden_failed", "error":
        str}``. A test that cannot be re-checked (a name that is not plain data,
        an unreadable snapshot) fails: only a test that passes here keeps its
        points. ``hidden_failed``: the visible part (``visible``, all the
        student's kernel ran) passes and only the hidden tests fail.
    """
    results: dict[str, dict] = {}
    sources: list[str] = []
    for test in tests:
        _LIBRARIES[:] = [name for name in test.get("libraries", []) if name != "builtins"]
        _STUDENT_TYPES.clear()
        _STUDENT_TYPES.update(BASE_TYPES)
        _STUDENT_TYPES.update(tuple(pair) for pair in test.get("types", []))
        if test.get("sources") is not None:
            sources += list(test["sources"])
            test = {**test, "sources": sources}
        results[test["grade_id"]] = _run_one(test)
    return results


def _rebuild_import(module: str, attribute: str | None) -> object:
    """Import what ``import module`` or ``from module import attribute`` binds, pristine."""
    obj = importlib.import_module(module)
    if attribute is None:
        return obj
    try:
        return getattr(obj, attribute)
    except AttributeError:
        return importlib.import_module(f"{module}.{attribute}")


def _reference(path: str | None) -> dict:
    """Read the course's own data for a test: name → ``("value", pickle)``, or nothing."""
    if not path:
        return {}
    try:
        entries = _read_frame(path)
    except Exception:
        return {}
    return {
        name: entry
        for name, entry in (entries.items() if isinstance(entries, dict) else [])
        if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == "value"
    }


def _run_one(test: dict) -> dict:
    try:
        entries = _read_frame(test["snapshot"])
    except Exception as error:
        return {"status": "failed", "error": f"instantané illisible ({error})"}
    if not isinstance(entries, dict):
        return {"status": "failed", "error": "instantané invalide"}
    namespace: dict = {"__name__": "__main__", "__builtins__": builtins}
    try:
        history = _history(entries.pop(HISTORY, None), test.get("sources"))
        entries.pop(DRAWN, None)  # the canaries' business (the reference), not a name
    except BaseException as error:
        return {"status": "failed", "error": f"historique des cellules illisible ({error})"}
    imports = {name: tuple(value) for name, value in dict(test.get("imports", {})).items()}
    reference = _reference(test.get("reference"))
    for name in reference:
        entries.setdefault(name, ("missing",))
    for name, entry in entries.items():
        if not isinstance(name, str) or not isinstance(entry, tuple) or not entry:
            return {"status": "failed", "error": f"instantané invalide pour {name!r}"}
        kind = entry[0]
        try:
            if name in imports:  # the instructor's import, whatever the student bound to it
                module, attribute = imports[name]
                namespace[name] = _rebuild_import(str(module), attribute)
            elif name in reference:  # the course's own data, as the instructor's cells made it
                namespace[name] = _loads(reference[name][1])
            elif kind == "missing":
                continue
            elif kind == "value":
                # The canary's own runs are the instructor's: their data may be any library
                # type. A student's value must be plain data of known types.
                load = _loads if test.get("trusted") else _student_loads
                namespace[name] = load(entry[1])
            else:
                # A module or a function the student bound: never imported or resolved here
                # (a name could make the checker run anything).
                raise pickle.UnpicklingError(f"objet non transférable ({kind})")
        except BaseException as error:  # SystemExit included: a failed test, never a crash
            return {
                "status": "failed",
                "error": f"« {name} » n'est pas une donnée simple ({error})",
            }
    fresh = dict(namespace)
    with _cells_run(history, namespace):
        printed: list[str] = []
        failure, score = _execute_scored(test["source"], test["grade_id"], namespace, printed)
    if failure is None:
        # ``score``: the partial credit the test computed here (None: all its points).
        return {"status": "passed", "error": "", "score": score, "printed": printed}
    visible = test.get("visible")
    # The student's kernel ran only the visible part, and it passed there. If it passes
    # here too, only the hidden tests fail: a wrong answer, not a tampering.
    if visible is not None and visible != test["source"]:
        with _cells_run(history, fresh):
            if _execute(visible, test["grade_id"], fresh) is None:
                return {"status": "hidden_failed", "error": failure, "printed": printed}
    return {"status": "failed", "error": failure}


def _history(entry: object, sources: object) -> list[str] | None:
    """Return the kernel's list of cells run, keeping only what the notebook's cells hold.

    ``entry`` is the snapshot's (the student's kernel wrote it: plain data only);
    ``sources`` the texts the grader sent to that kernel before this test (each code
    cell, as sent and as IPython transforms it, and the strings it holds, which a
    ``get_ipython().run_cell("…")`` runs). A line appended to ``In`` by code matches no
    cell: it is left out, so ``checks.written_with`` judges the lines really run.
    None when the grader gave no sources (the history is then not judged here).
    """
    if sources is None:
        return None
    allowed = {str(text).strip() for text in sources}  # type: ignore[attr-defined]
    kept = [""]
    if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == "value":
        texts = _student_loads(entry[1])
        if isinstance(texts, list):
            kept += [t for t in texts[1:] if isinstance(t, str) and t.strip() in allowed]
    return kept


@contextlib.contextmanager
def _cells_run(history: list[str] | None, namespace: dict):
    """Let the pristine checks read ``history`` and ``namespace`` as the kernel's (``In``)."""
    if history is None:
        yield
        return
    checks = importlib.import_module("esn_teach.checks._checks")
    with checks._graded_kernel(namespace, history):
        yield


#: What a check returns for partial credit (``esn_teach.checks.PartialCredit``).
_PARTIAL = ("esn_teach.checks._outcome", "PartialCredit")


#: How a line printed for the marker starts (kept in the graded copy, not in the feedback).
MARKER_LINE = "Pour le correcteur"
#: The lines of a hidden test's output kept for the graded copy: the checks' verdicts and
#: the line a reflection's marking guide reads (« Pour le correcteur », the copy's figures);
#: « ≈ » is a right answer graded against a key carried over from an earlier wrong one.
_KEPT_LINES = ("\u2714 ", "\u2718 ", "\u2248 ", MARKER_LINE)


#: Characters kept of a failed test's message: a bound against a runaway message, wide enough
#: for a multi-item check naming every wrong item (module 07's lecturer, d21: cut at 500, a
#: copy with four wrong items lost the last messages).
ERROR_LIMIT = 4000


def _execute_scored(
    source: str, grade_id: str, namespace: dict, printed: list[str] | None = None
) -> tuple[str | None, float | None]:
    """Run a test's code like :func:`_execute`; also return its partial credit, if any.

    nbgrader scores a test cell by its last value when that is a number: a check
    with ``points=`` returns ``PartialCredit`` when only some items are right. The
    value is read here, from the pristine checks, never from the student's kernel.
    ``printed`` receives the checks' verdict lines (« ✔ … », « ✘ … »: a success
    message, the items to revise of a partial credit) and the « Pour le correcteur »
    lines, passed or failed, for the graded copy: in an evaluated session the hidden
    checks run only here.
    """
    try:
        tree = ast.parse(source, f"<test {grade_id}>")
    except BaseException as error:
        return f"{type(error).__name__}: {error}"[:ERROR_LIMIT], None
    last = tree.body[-1] if tree.body else None
    if isinstance(last, ast.Expr):
        tree.body.pop()
    else:
        last = None
    holder: dict = {}
    out = io.StringIO()
    try:
        code = compile(tree, f"<test {grade_id}>", "exec")
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            exec(code, namespace)
            if last is not None:
                expression = compile(ast.Expression(last.value), f"<test {grade_id}>", "eval")
                holder["value"] = eval(expression, namespace)
    except BaseException as error:
        return f"{type(error).__name__}: {error}"[:ERROR_LIMIT], None
    finally:
        if printed is not None:
            printed += [
                line[:2000]
                for line in out.getvalue().splitlines()
                if line.startswith(_KEPT_LINES) and "Réponse enregistrée" not in line
            ][:20]
    value = holder.get("value")
    kind = type(value)
    if (kind.__module__, kind.__qualname__) == _PARTIAL:
        points = getattr(value, "points", None)
        if isinstance(points, (int, float)) and not isinstance(points, bool):
            return None, float(points)
        return "PartialCredit: points illisibles", None
    return None, None


def _execute(source: str, grade_id: str, namespace: dict) -> str | None:
    """Run a test's code in ``namespace``; return its error (``"Type: message"``) or None."""
    return _execute_scored(source, grade_id, namespace)[0]
