"""Answer keys left in a student's kernel: the walker that looks for them.

Runs inside the kernel of an evaluated blank notebook (its text is appended as the last cell,
see ``esn_fixtures.evaluated_release``) and in the test process (its unit test). Only the
standard library here; numpy and pandas are used when the kernel has them.

A *leak* is an object the student's kernel holds after the visible cells ran — a global, an
attribute, a dictionary or list item, a table cell — whose value is the answer of a question:

- a number equal to a numeric answer at the question's precision (its ``decimals``); a key with
  fewer than two significant digits (3, 0,5) is not looked for (every kernel holds such values);
  an integer answer (92) is looked for only in objects' fields (``explorateur.seuil``), not in
  globals, loop variables and arrays of bounds, where it is a coincidence;
  an array, list or table column of more than SMALL numbers matches only the exact float a
  computation gives, and only for a key of EXACT_DIGITS significant digits or more (a curve or a
  column of scores holds any two- or three-decimal value);
- a dictionary, list or pandas Series equal to a choices answer (item -> option), or to its
  options in order.
"""

import contextlib
import dataclasses
import functools
import math
import re
import types

#: Names IPython binds (history, output cache) and the answers' own names are not looked at.
IPYTHON_NAMES = re.compile(r"^(_+|_i+|_i?\d+|_[iod]h|In|Out|get_ipython|exit|quit)$")
#: Objects whose attributes are not walked: the kernel, plots, widgets, I/O.
OPAQUE_MODULES = (
    "IPython",
    "ipykernel",
    "ipywidgets",
    "traitlets",
    "matplotlib",
    "zmq",
    "tornado",
    "asyncio",
    "logging",
    "threading",
    "_io",
    "io",
    "re",
    "builtins",
    "typing",
    "pathlib",
    "sqlalchemy",
    "scipy.stats",
)
#: Zero-argument methods the walker never calls (they draw, write or change the object).
UNSAFE_METHOD = re.compile(
    r"show|display|plot|draw|render|widget|save|write|export|reset|clear|update|set|run|fit|"
    r"start|stop|close|open|download|delete|remove|pop|copy|play|interact|print|html|repr"
)
_FUNCTIONS = (
    types.FunctionType,
    types.MethodType,
    types.BuiltinFunctionType,
    types.BuiltinMethodType,
    functools.partial,
)
#: Items of a container looked into (recursion), and the size from which an array or a table
#: matches only exact floats.
MAX_ITEMS = 60
SMALL = 12
#: A key looked for in a larger array is a computed float (0,873015873…), not a grid value.
EXACT_DIGITS = 6


def significant_digits(value: float, decimals: int) -> int:
    """Significant digits of ``value`` rounded to ``decimals`` (0,10 -> 1; 40 -> 2)."""
    text = f"{abs(value):.{max(decimals, 0)}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return len(text.replace(".", "").lstrip("0"))


def full_digits(value: float) -> int:
    """Significant digits of ``value`` as Python writes it (0,31 -> 2; 0,873015873015873 -> 15)."""
    mantissa = repr(abs(float(value))).split("e")[0]
    if "." in mantissa:
        mantissa = mantissa.rstrip("0").rstrip(".")
    return len(mantissa.replace(".", "").lstrip("0"))


def _round(value: float, decimals: int) -> float:
    return round(float(value), decimals)


def _is_number(value) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return math.isfinite(value)
    kind = type(value).__module__
    if kind == "numpy" and hasattr(value, "dtype") and getattr(value, "ndim", 1) == 0:
        return value.dtype.kind in "iuf" and bool(math.isfinite(float(value)))
    return False


def _choice_forms(key) -> list:
    """The forms under which a choices answer may be kept: the mapping, its options in order."""
    if isinstance(key, dict):
        mapping = {str(k): str(v) for k, v in key.items()}
        return [mapping, [str(v) for v in key.values()]]
    if isinstance(key, list | tuple):
        return [[str(v) for v in key]]
    return []


def _as_choice(value):
    """``value`` as a mapping or list of strings, or None when it cannot be an answer."""
    try:
        if isinstance(value, dict):
            return {str(k): str(v) for k, v in value.items()} if len(value) <= MAX_ITEMS else None
        if isinstance(value, list | tuple):
            return [str(v) for v in value] if len(value) <= MAX_ITEMS else None
        series = type(value).__module__.startswith("pandas") and type(value).__name__ == "Series"
        if series and len(value) <= MAX_ITEMS:
            return {str(k): str(v) for k, v in value.items()}
    except Exception:  # an object whose str() fails is no answer
        return None
    return None


class _Walker:
    def __init__(self, numbers, choices, max_depth):
        # numbers: {question: (key, decimals)}; choices: {question: key}
        self.numbers = {
            question: (float(key), int(decimals), significant_digits(float(key), int(decimals)))
            for question, (key, decimals) in numbers.items()
        }
        self.choices = {
            question: forms
            for question, key in choices.items()
            if len(forms := _choice_forms(key)) and len(forms[-1]) >= 2
        }
        self.max_depth = max_depth
        self.found: list[tuple[str, str]] = []
        self.seen: set[int] = set()

    def note(self, question, path):
        if (question, path) not in self.found:
            self.found.append((question, path))

    # -- what a value may hold -----------------------------------------------------------------
    def scalar(self, path, value, top):
        for question, (key, decimals, digits) in self.numbers.items():
            if digits < 2:
                continue  # 3, 0,5: every kernel holds such a value
            if decimals == 0 and not re.search(r"\.\w+(\(\))?$", path):
                continue  # an integer (92): loop variables, bounds; looked for in objects' fields
            if float(value) == key or (
                significant_digits(float(value), decimals) == digits
                and _round(value, decimals) == _round(key, decimals)
            ):
                self.note(question, path)

    def array(self, path, values):
        """A numeric numpy array (any shape): the first matching cell, by index."""
        import numpy as np

        flat = np.asarray(values, dtype=float).ravel()
        if flat.size == 0:
            return
        for question, (key, decimals, digits) in self.numbers.items():
            if digits < 2 or decimals == 0:
                continue
            if flat.size <= SMALL:
                hits = np.flatnonzero(np.round(flat, decimals) == _round(key, decimals))
            elif full_digits(key) < EXACT_DIGITS:
                continue  # a value on a grid (0,31, 92): any curve or column holds it
            else:
                hits = np.flatnonzero(flat == key)
            if hits.size:
                where = np.unravel_index(hits[0], np.shape(values))
                index = ", ".join(str(int(i)) for i in where)
                self.note(question, f"{path}[{index}]")

    def choice(self, path, value):
        form = _as_choice(value)
        if form is None:
            return
        for question, forms in self.choices.items():
            if form in forms or (isinstance(form, dict) and list(form.values()) == forms[-1]):
                self.note(question, path)

    # -- the walk ------------------------------------------------------------------------------
    def walk(self, path, value, depth, top=False):
        if value is None or isinstance(value, (str, bytes, bool, type, *_FUNCTIONS)):
            return  # a function's result is not an object of the kernel (nor is its code)
        if _is_number(value):
            self.scalar(path, value, top)
            return
        if id(value) in self.seen:
            return
        self.seen.add(id(value))
        module = type(value).__module__ or ""
        if module.startswith("numpy") and hasattr(value, "dtype"):
            if value.dtype.kind in "iuf":
                self.array(path, value)
            elif value.dtype.kind == "O" and value.size <= MAX_ITEMS and depth < self.max_depth:
                for i, item in enumerate(value.ravel()):
                    self.walk(f"{path}[{i}]", item, depth + 1)
            return
        if module.startswith("pandas"):
            self.pandas(path, value, depth)
            return
        if isinstance(value, dict):
            self.choice(path, value)
            if depth < self.max_depth:
                for key, item in list(value.items())[:MAX_ITEMS]:
                    self.walk(f"{path}[{key!r}]", item, depth + 1)
            return
        if isinstance(value, list | tuple | set | frozenset):
            items = list(value)
            if not isinstance(value, set | frozenset):
                self.choice(path, value)
            if items and all(_is_number(item) for item in items):
                self.numbers_in(path, items)
            elif depth < self.max_depth:
                for i, item in enumerate(items[:MAX_ITEMS]):
                    self.walk(f"{path}[{i}]", item, depth + 1)
            return
        if type(value).__name__ == "module" or module.startswith(OPAQUE_MODULES):
            return
        if depth < self.max_depth:
            for name, item in self.attributes(value):
                self.walk(f"{path}.{name}", item, depth + 1)

    def numbers_in(self, path, items):
        try:
            import numpy as np
        except ImportError:  # pragma: no cover - the kernels have numpy
            for i, item in enumerate(items[:MAX_ITEMS]):
                self.scalar(f"{path}[{i}]", item, False)
            return
        self.array(path, np.asarray(items, dtype=float))

    def pandas(self, path, value, depth):
        import numpy as np

        kind = type(value).__name__
        if kind == "DataFrame":
            small = value.size <= SMALL
            for column in list(value.columns)[:MAX_ITEMS]:
                series = value[column]
                if isinstance(series, type(value)):  # duplicated column names
                    continue
                self.series(f"{path}[{column!r}]", series, small)
        elif kind == "Series":
            self.choice(path, value)
            self.series(path, value, len(value) <= SMALL)
        elif (
            kind in ("Index", "RangeIndex") and depth < self.max_depth and value.dtype.kind in "iuf"
        ):
            self.array(path, np.asarray(value))

    def series(self, path, series, small):
        import numpy as np

        if series.dtype.kind in "iuf":
            values = series.to_numpy(dtype=float, na_value=np.nan)
            before = len(self.found)
            self.array(path, values)
            # Name the cell by its row label, as the author reads the table.
            for k in range(before, len(self.found)):
                question, where = self.found[k]
                position = int(where[len(path) + 1 : -1])
                self.found[k] = (question, f"{path}[{series.index[position]!r}]")
        elif small and series.dtype.kind == "O":
            for label, item in series.items():
                if _is_number(item):
                    self.scalar(f"{path}[{label!r}]", item, False)

    def attributes(self, value):
        """An object's fields, properties and safe zero-argument methods' results."""
        names: dict[str, object] = {}
        if dataclasses.is_dataclass(value):
            for field in dataclasses.fields(value):
                names[field.name] = None
        with contextlib.suppress(TypeError):
            names.update(dict.fromkeys(vars(value)))
        for cls in type(value).__mro__:
            for name in getattr(cls, "__slots__", ()):
                names[name] = None
        own = (type(value).__module__ or "").startswith(("esn_teach", "__main__"))
        for name in dir(type(value)):
            if name.startswith("_"):
                continue
            member = getattr(type(value), name, None)
            if isinstance(member, property) or type(member).__name__ == "cached_property":
                names[name] = None
            elif own and callable(member) and not UNSAFE_METHOD.search(name):
                names[name + "()"] = None
        for name in names:
            if name.startswith("__"):
                continue
            try:
                if name.endswith("()"):
                    item = self.call(getattr(value, name[:-2]))
                    if item is _NO_CALL:
                        continue
                else:
                    item = getattr(value, name)
            except Exception:
                continue
            yield name, item

    @staticmethod
    def call(method):
        import inspect

        try:
            signature = inspect.signature(method)
        except (TypeError, ValueError):
            return _NO_CALL
        required = [
            p
            for p in signature.parameters.values()
            if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        ]
        if required:
            return _NO_CALL
        return method()


_NO_CALL = object()


def find_leaks(namespace, numbers, choices, skip=(), max_depth=3):
    """Where ``namespace`` holds an answer: a list of ``(question, path)``.

    Parameters
    ----------
    namespace : dict
        The kernel's globals (underscore names included; IPython's own are left out).
    numbers : dict
        ``{question: (key, decimals)}`` of the numeric answers (decimals 0 for an integer).
    choices : dict
        ``{question: key}`` of the choices answers (a dict item -> option, or a list).
    skip : iterable of str
        Names not looked at: the answers themselves.
    max_depth : int
        How many steps (attribute, item, cell) below a global are looked at.
    """
    walker = _Walker(numbers, choices, max_depth)
    skip = set(skip)
    for name, value in list(namespace.items()):
        if name in skip or name.startswith("__") or IPYTHON_NAMES.match(name):
            continue
        if isinstance(value, type) or type(value).__name__ == "module":
            continue
        try:
            walker.walk(name, value, 0, top=True)
        except Exception:  # an object that breaks when looked at hides nothing we can read
            continue
    return walker.found


#: Subpackages whose functions are not the course's content (grading, hub, certificates, the
#: course pipeline, the command line): their seed arguments are not a student's.
PACKAGE_SKIP = re.compile(r"^esn_teach\.(grading|hub|certificates|course|cli|evaluation)\b")


def package_results(seed, modules=None):
    """What the installed package gives a student who calls its functions with their seed.

    Every function of ``esn_teach`` (private modules and names included, as tab completion
    shows them) whose one required argument is named ``*seed*`` is called with ``seed``; its
    result is returned under ``module.function(graine)``. A dictionary of tuples (letter ->
    (key, message)) is also given as its first elements. A function that fails is skipped.
    ``modules``: the names of the modules to look into (default: the whole package).
    """
    import importlib
    import inspect
    import pkgutil

    import esn_teach

    results = {}
    for info in pkgutil.walk_packages(esn_teach.__path__, "esn_teach."):
        if PACKAGE_SKIP.match(info.name) or (modules is not None and info.name not in modules):
            continue
        try:
            module = importlib.import_module(info.name)
        except Exception:
            continue
        for name, function in vars(module).items():
            if not inspect.isfunction(function) or function.__module__ != info.name:
                continue
            try:
                parameters = list(inspect.signature(function).parameters.values())
            except (TypeError, ValueError):
                continue
            required = [
                p
                for p in parameters
                if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
            ]
            if len(required) != 1 or "seed" not in required[0].name:
                continue
            try:
                with contextlib.redirect_stdout(None):
                    value = function(seed)
            except Exception:
                continue
            where = f"{info.name}.{name}(graine)"
            results[where] = value
            if (
                isinstance(value, dict)
                and value
                and all(
                    isinstance(v, (tuple, list)) and v and isinstance(v[0], str)
                    for v in value.values()
                )
            ):
                results[where + "[…][0]"] = {k: v[0] for k, v in value.items()}
    return results


def imported_modules(source):
    """The ``esn_teach`` modules a notebook's code uses: those it imports, and those that
    define what it imports (``from esn_teach.datasets import f``: ``f``'s own module).

    A module's draws and its keys sit together: the functions worth calling with a student's
    seed are there (calling the whole package for every module would cost seconds each).
    """
    import ast
    import importlib

    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names if alias.name.startswith("esn_teach")}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("esn_teach"):
            names.add(node.module)
            module = importlib.import_module(node.module)
            for alias in node.names:
                value = getattr(module, alias.name, None)
                if isinstance(value, types.ModuleType):
                    names.add(value.__name__)
                elif getattr(value, "__module__", None):
                    names.add(value.__module__)
    return {name for name in names if name.startswith("esn_teach")}
