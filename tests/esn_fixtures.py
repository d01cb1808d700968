"""Helpers shared by the tests: the course layout, the CLI in-process, submissions, messages.

Imported by test modules (``from esn_fixtures import cli``); pytest fixtures
live in conftest.py, which uses these helpers.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest

from esn_teach._formatting import DECIMAL_POINT
from esn_teach.cli import main
from esn_teach.course import Course, ModuleSource, find_modules, read_module

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
MODULE_PATHS = find_modules(NOTEBOOKS)
if os.environ.get("ESN_TEACH_MODULES"):
    # While writing one module: ESN_TEACH_MODULES=03,04 pytest tests/modules
    _wanted = os.environ["ESN_TEACH_MODULES"].split(",")
    MODULE_PATHS = [p for p in MODULE_PATHS if any(p.stem.startswith(w) for w in _wanted)]
MODULE_NAMES = [path.stem for path in MODULE_PATHS]


def make_course(root: Path) -> Path:
    """Create an empty nbgrader course at ``root`` with the project's configuration."""
    root.mkdir(parents=True)
    shutil.copy(REPO / "grading" / "nbgrader_config.py", root / "nbgrader_config.py")
    return root


def cli(course: Path, *args: str, notebooks: Path = NOTEBOOKS) -> int:
    """Run ``esn-teach`` in-process on a course."""
    return main(["--course", str(course), "--notebooks", str(notebooks), *args])


def submit(course: Path, student: str, module: str, notebook: nbformat.NotebookNode) -> Path:
    """Place a student's notebook where nbgrader expects submissions."""
    path = course / "submitted" / student / module / f"{module}.ipynb"
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, path)
    return path


def release_and_submit(
    tmp_path: Path, module: str, source: str, answer: str, codes: dict[str, str]
) -> tuple[Path, Path]:
    """Build and release a one-file module, then submit one copy per student.

    ``codes``: student -> the code of answer cell ``answer`` in their copy. Returns the
    course root and the notebooks folder (for ``cli(root, "autograde", …)``).
    """
    import copy

    from esn_teach.course import Course

    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    (notebooks / f"{module}.py").write_text(source, encoding="utf-8")
    root = make_course(tmp_path / "grading")
    assert cli(root, "build", module, notebooks=notebooks) == 0
    assert cli(root, "release", module, notebooks=notebooks) == 0
    released = nbformat.read(Course(root, notebooks).release_path(module), as_version=4)
    for student, code in codes.items():
        copy_ = copy.deepcopy(released)
        answer_cell(copy_, answer).source = code
        submit(root, student, module, copy_)
    return root, notebooks


def answer_cell(notebook: nbformat.NotebookNode, answer: str) -> nbformat.NotebookNode:
    """The answer cell ``answer`` of a notebook."""
    for cell in notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == answer:
            return cell
    raise KeyError(answer)


def test_cell(notebook: nbformat.NotebookNode, answer: str) -> nbformat.NotebookNode:
    """The autograder-tests cell of ``answer``."""
    return answer_cell(notebook, f"{answer}_tests")


test_cell.__test__ = False  # a helper, not a pytest test


def error_text(cell: nbformat.NotebookNode) -> str:
    """Everything a cell printed, errors included, as one string."""
    parts = []
    for output in cell.get("outputs", []):
        if output.output_type == "error":
            parts.extend([output.ename, output.evalue, *output.traceback])
        elif output.output_type == "stream":
            parts.append(output.text)
    return "\n".join(parts)


@dataclass
class GradedModule:
    """One module graded for the synthetic students of the test suite."""

    source: ModuleSource
    released: nbformat.NotebookNode
    #: 1 when ``partial`` carries first mistakes (of the answers after the first), else 0.
    mistake_rounds: int
    students: list[str] = field(default_factory=list)
    #: What each declared mistake's check printed, and whether it failed (probe_mistakes).
    probed: list[Probe] = field(default_factory=list)


@dataclass(frozen=True)
class Probe:
    """A declared mistake run in the graded notebook's place, then its answer's test cell."""

    failed: bool  # the test cell raised: nbgrader gives the question 0
    output: str  # what the test cell printed, errors included
    #: The errors other than the checks' own (wrong answer, not attempted) raised by the cells
    #: that use the answer before the next question (« ce que coûte votre seuil », say).
    crashes: tuple[str, ...] = ()


#: What a check raises: a French message for the student, not a crash.
CHECK_ERRORS = frozenset({"IncorrectAnswer", "NotAttempted"})


def _uses_of_answers(notebook: nbformat.NotebookNode) -> dict[str, list[int]]:
    """For each answer, the code cells after its test cell and before the next answer that a
    student runs with their answer in place: from the test cell's successor to the last
    cell naming the answer (the cells between included: they may define what it needs)."""
    meta = [cell.metadata.get("nbgrader", {}) for cell in notebook.cells]
    answers = [i for i, m in enumerate(meta) if m.get("solution") and m.get("grade_id")]
    uses: dict[str, list[int]] = {}
    for k, start in enumerate(answers):
        name = meta[start]["grade_id"]
        stop = answers[k + 1] if k + 1 < len(answers) else len(notebook.cells)
        code = [
            i
            for i in range(start + 1, stop)
            if notebook.cells[i].cell_type == "code" and not meta[i].get("grade_id")
        ]
        naming = [i for i in code if re.search(rf"\b{name}\b", notebook.cells[i].source)]
        if naming:
            uses[name] = [i for i in code if i <= naming[-1]]
    return uses


# A mistake may rebind a name the rest of the notebook uses (a selection redefined, say):
# the names are put back before the next mistake and the solution. A change made in place
# (a column added to a table) is not undone: the solution's test, run after, catches it.
_SNAPSHOT = "_esn_probe_names = dict(globals())"
_RESTORE = (
    "for _esn_name in [n for n in globals() if n not in _esn_probe_names]:\n"
    "    if _esn_name != '_esn_probe_names':\n"
    "        globals().pop(_esn_name, None)\n"
    "globals().update(_esn_probe_names)"
)


def probe_mistakes(source: ModuleSource, solution: nbformat.NotebookNode) -> list[Probe]:
    """Run every declared mistake of a module in one kernel, in ``source.wrong_answers`` order.

    The instructor's notebook runs as nbgrader grades it (``NBGRADER_EXECUTION``); before
    each answer cell, each of its mistakes is run in its place, followed by the answer's
    test cell (hidden tests included), whose output is kept, then the cells that use the
    answer before the next question (a student who keeps the mistake runs them too: they
    must not crash), then the names the mistake bound are put back as they were. The
    solution then runs and its test must pass again: a mistake that damaged the notebook's
    state is an error here,
    not a silent change of what the next ones see. Grading one submission per mistake
    through nbgrader would run the whole notebook once per mistake rank, a dozen times for
    some modules; the ``partial`` copy (each answer's first mistake) keeps that path tested.
    """
    from nbclient import NotebookClient

    by_answer: dict[str, list[int]] = {}
    for index, mistake in enumerate(source.wrong_answers):
        by_answer.setdefault(mistake.answer, []).append(index)
    notebook = nbformat.reads(nbformat.writes(solution), as_version=4)
    tests = {
        cell.metadata["nbgrader"]["grade_id"]: cell
        for cell in notebook.cells
        if cell.metadata.get("nbgrader", {}).get("grade_id", "").endswith("_tests")
    }
    client = NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        allow_errors=True,
        resources={"metadata": {"path": tempfile.mkdtemp(prefix="esn-erreurs-")}},
    )

    uses = _uses_of_answers(notebook)

    def run(source_code: str, where: int) -> tuple[bool, str]:
        cell = nbformat.v4.new_code_cell(source_code)
        client.execute_cell(cell, where)
        failed = any(output.output_type == "error" for output in cell.outputs)
        return failed, error_text(cell)

    def crashes(answer: str) -> tuple[str, ...]:
        found = []
        for where in uses.get(answer, []):
            cell = nbformat.v4.new_code_cell(notebook.cells[where].source)
            client.execute_cell(cell, where)
            found += [
                f"cellule {where + 1} : {output.ename}: {output.evalue}"
                for output in cell.outputs
                if output.output_type == "error" and output.ename not in CHECK_ERRORS
            ]
        return tuple(found)

    probes: dict[int, Probe] = {}
    previous = os.environ.get("NBGRADER_EXECUTION")
    os.environ["NBGRADER_EXECUTION"] = "autograde"
    try:
        with client.setup_kernel():
            for where, cell in enumerate(notebook.cells):
                if cell.cell_type != "code":
                    continue
                answer = cell.metadata.get("nbgrader", {}).get("grade_id", "")
                for index in by_answer.get(answer, []):
                    run(_SNAPSHOT, where)
                    run(source.wrong_answers[index].code, where)
                    probes[index] = Probe(
                        *run(tests[f"{answer}_tests"].source, where), crashes(answer)
                    )
                    broken, trace = run(_RESTORE, where)
                    assert not broken, trace
                failed, output = run(cell.source, where)
                if answer in by_answer:
                    failed, output = run(tests[f"{answer}_tests"].source, where)
                    assert not failed, f"after {answer}'s mistakes, the solution fails:\n{output}"
    finally:
        if previous is None:
            del os.environ["NBGRADER_EXECUTION"]
        else:
            os.environ["NBGRADER_EXECUTION"] = previous
    missing = sorted(set(range(len(source.wrong_answers))) - set(probes))
    assert not missing, f"mistakes whose answer cell was not found: {missing}"
    return [probes[index] for index in range(len(source.wrong_answers))]


class LazyModules(Mapping[str, GradedModule]):
    """Every module of the suite, each built and graded the first time a test asks for it.

    Iterating gives the names without building anything; ``modules[name]`` (and
    ``values()``, ``items()``) builds. A pytest-xdist process thus builds only the
    modules its tests use, and ``pytest -k 04`` only module 04.
    """

    def __init__(self, names: Iterable[str], make: Callable[[str], GradedModule]) -> None:
        self._names = list(names)
        self._make = make
        self._done: dict[str, GradedModule] = {}

    def __getitem__(self, name: str) -> GradedModule:
        if name not in self._names:
            raise KeyError(name)
        if name not in self._done:
            self._done[name] = self._make(name)
        return self._done[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


@dataclass
class GradedCourse:
    """The temporary course and what was done to it (modules graded on first use)."""

    root: Path
    course: Course
    modules: LazyModules

    def ready(self, module: str) -> GradedModule:
        """Module ``module``, built, released, submitted and autograded."""
        return self.modules[module]

    def autograded(self, student: str, module: str) -> nbformat.NotebookNode:
        self.ready(module)
        path = self.root / "autograded" / student / module / f"{module}.ipynb"
        return nbformat.read(path, as_version=4)


class SelfPacedCourse(Course):
    """A course released for self-paced learners, one module at a time on first use."""

    def __init__(self, root: Path, notebooks: Path) -> None:
        super().__init__(root, notebooks)
        self._ready: set[str] = set()

    def ready(self, module: str) -> None:
        """Build ``module`` (its solution is executed by the graded course) and release it.

        The first module goes through ``esn-teach release --autonome``, which executes its
        blank self-paced version (every test must fail). The others are released the same
        way without that execution: ``tests/grading/test_selfgrade.py`` grades each one's
        blank version, after selfgrade's canary required zero for it, so the same fact is
        checked there, and a notebook run is saved per module.
        """
        if module not in self._ready:
            assert cli(self.root, "build", "--no-validate", module) == 0
            if module == MODULE_NAMES[0]:
                assert cli(self.root, "release", "--autonome", module) == 0
            else:
                self.release([module], self_paced=True, validate=False)
            self._ready.add(module)


#: Words of scikit-learn's, numpy's, pandas' and the old English messages, which no French
#: message holds; a test module adds those of the library messages it replaces.
ENGLISH_WORDS = (
    "must",
    "should",
    "expected",
    "got",
    "invalid",
    "Input contains",
    "not",
    "found",
    "unknown",
    "value",
    "values",
    "between",
    "instance",
    "cannot",
    "could",
    "empty",
    "missing",
    "only",
)


def english_pattern(*words: str) -> re.Pattern[str]:
    """An English message: a word of :data:`ENGLISH_WORDS` or ``words``, ``==``, ``>=``, ``<=``."""
    return re.compile(rf"\b({'|'.join((*ENGLISH_WORDS, *words))})\b|==|>=|<=")


def raised(call: Callable[[], object], error: type[Exception]) -> tuple[Exception, str]:
    """Call ``call``, which must raise ``error``; return the exception and its message.

    The message is what the student reads: a ``KeyError``'s argument, not its quoted ``str()``.
    """
    with pytest.raises(error) as caught:
        call()
    exception = caught.value
    message = exception.args[0] if isinstance(exception, KeyError) else str(exception)
    return exception, message


def check_refused_in_french(
    call: Callable[[], object], error: type[Exception], pattern: str
) -> None:
    """``call`` raises ``error`` with a message that matches ``pattern``, and nothing above it.

    No library's English message shows in the traceback: the exception has no
    cause, and its context (the library's exception it replaces) is suppressed.
    """
    exception, message = raised(call, error)
    assert re.search(pattern, message), message
    assert exception.__cause__ is None
    assert exception.__context__ is None or exception.__suppress_context__


def check_no_english_nor_decimal_point(cases: Iterable, words: re.Pattern[str]) -> None:
    """No message of the ``(call, error, pattern)`` cases holds ``words`` or a decimal point.

    Text the student typed keeps its quotes, and a Python example in braces its
    point: both are left out of the search for a decimal point.
    """
    english, points = [], []
    for case in cases:
        call, error, _ = case.values
        _, message = raised(call, error)
        if words.search(message):
            english.append(message)
        if DECIMAL_POINT.search(re.sub(r"'[^']*'|\{[^}]*\}", "", message)):
            points.append(message)
    assert not english, english
    assert not points, points


# -- the evaluated session, built and released once per module, its kernel probed ----------------
#: The walker that looks for answers in a kernel (tests/kernel_keys.py), run in the blank kernel.
KERNEL_KEYS = Path(__file__).resolve().parent / "kernel_keys.py"


@dataclass(frozen=True)
class Question:
    """An autograded answer as its visible check reads it (``checks.check_form``)."""

    name: str  # the question (``name=``)
    variable: str  # the answer's variable
    kind: str  # "number", "choice", "choices", "any"
    decimals: int | None  # numbers: the precision the hidden test compares at (0: an integer)


def checked_questions(notebook: nbformat.NotebookNode) -> list[Question]:
    """The questions of a notebook's test cells, with their ``check_form`` kind and precision."""
    import ast

    found = []
    for cell in notebook.cells:
        if not cell.metadata.get("nbgrader", {}).get("grade_id", "").endswith("_tests"):
            continue
        for node in ast.walk(ast.parse(cell.source)):
            if not (isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "check_form"):
                continue
            if not node.args or not isinstance(node.args[0], ast.Name):
                continue
            options = {k.arg: k.value for k in node.keywords if k.arg}

            def literal(name: str, default: object, options: dict = options) -> object:
                try:
                    return ast.literal_eval(options[name]) if name in options else default
                except ValueError:
                    return default

            decimals = literal("decimals", None)
            if literal("integer", False):
                decimals = 0
            name = literal("name", node.args[0].id)
            kind = literal("kind", "any")
            found.append(Question(str(name), node.args[0].id, str(kind), decimals))  # type: ignore[arg-type]
    return found


def walker_keys(
    questions: list[Question], keys: dict[str, object]
) -> tuple[dict[str, tuple[float, int]], dict[str, object]]:
    """The answers the walker looks for: ``{question: (key, decimals)}`` and ``{question: key}``."""
    numbers, choices = {}, {}
    for q in questions:
        key = keys.get(q.variable)
        if q.kind == "number" and isinstance(key, float):
            decimals = q.decimals
            if decimals is None:  # compared exactly: an integer, or three decimals
                decimals = 0 if key.is_integer() else 3
            numbers[q.name] = (key, decimals)
        elif q.kind == "choices" and isinstance(key, dict | list):
            choices[q.name] = key
    return numbers, choices


_KEYS_CELL = """\
import json as _kk_json
def _kk_plain(value):
    if isinstance(value, bool) or value is None or value is Ellipsis:
        return None
    if isinstance(value, dict):
        return {{str(k): str(v) for k, v in value.items()}}
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    if isinstance(value, str):
        return value
    try:
        return float(value)
    except (TypeError, ValueError):
        return None
with open({path!r}, "w", encoding="utf-8") as _kk_file:
    _kk_json.dump({{_kk_name: _kk_plain(globals().get(_kk_name)) for _kk_name in {names!r}}},
                  _kk_file)
"""

_WALK_CELL = """\
import json as _kk_json, time as _kk_time
_kk_start = _kk_time.perf_counter()
_kk_namespace = {{k: v for k, v in globals().items() if not k.startswith("_kk_")}}
_kk_walker = {{}}
exec({walker!r}, _kk_walker)
_kk_found = _kk_walker["find_leaks"](_kk_namespace, {numbers!r}, {choices!r}, skip={skip!r})
from esn_teach import checks as _kk_checks
with open({path!r}, "w", encoding="utf-8") as _kk_file:
    _kk_json.dump({{"found": _kk_found, "seed": _kk_checks.student_seed({module!r}, announce=False),
                   "seconds": _kk_time.perf_counter() - _kk_start}}, _kk_file)
"""


@dataclass
class EvaluatedModule:
    """A module's evaluated session, built and released, and what its blank kernel held."""

    course: Course
    source: ModuleSource
    questions: list[Question]
    #: The solution's answers, read in its kernel after the build ran it (as the build's student).
    keys: dict[str, object]
    #: ``(question, path)``: where the blank kernel, as the same student, holds an answer.
    leaks: list[tuple[str, str]]
    #: The build's student's seed for this module (``checks.student_seed``), read in its kernel.
    seed: int
    probe_seconds: float  # the walker's time in the blank kernel
    release_seconds: float  # the build and the release, probes included


class _KernelProbe:
    """Appends a last cell to the notebooks the course's validator executes: in the solution
    (the build), a cell that writes the answers' values; in the blank copy (the release
    gate), the walker of tests/kernel_keys.py, given those values. The cell is removed from
    the executed notebook before the course reads it: the build and the release check the
    same notebook as without the probe."""

    def __init__(self, folder: Path, questions: list[Question], module: str) -> None:
        self.folder = folder
        self.module = module
        self.questions = questions
        self.keys: dict[str, object] | None = None
        self.found: dict | None = None
        self.errors: list[str] = []

    def cell(self, invert: bool) -> str:
        if not invert:
            names = sorted({q.variable for q in self.questions})
            return _KEYS_CELL.format(path=str(self.folder / "keys.json"), names=names)
        assert self.keys is not None, "the blank copy ran before the solution"
        numbers, choices = walker_keys(self.questions, self.keys)
        return _WALK_CELL.format(
            walker=KERNEL_KEYS.read_text(encoding="utf-8"),
            numbers=numbers,
            choices=choices,
            skip=sorted({q.variable for q in self.questions}),
            module=self.module,
            path=str(self.folder / "found.json"),
        )

    @contextlib.contextmanager
    def installed(self) -> Iterator[None]:
        import json

        from esn_teach.course import _pipeline

        validator = _pipeline._KeepingValidator
        original = validator._preprocess
        probe = self

        def _preprocess(self, nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
            invert = bool(self.invert)
            probe_cell = nbformat.v4.new_code_cell(probe.cell(invert))
            probe_cell.metadata["esn_kernel_probe"] = True
            nb.cells.append(probe_cell)
            executed = original(self, nb)
            cell = executed.cells.pop()
            assert cell.metadata.get("esn_kernel_probe"), cell.source[:200]
            errors = [o for o in cell.get("outputs", []) if o.output_type == "error"]
            probe.errors += [f"{o.ename}: {o.evalue}" for o in errors]
            written = probe.folder / ("found.json" if invert else "keys.json")
            if not errors and written.exists():
                value = json.loads(written.read_text(encoding="utf-8"))
                if invert:
                    probe.found = value
                else:
                    probe.keys = value
            return executed

        validator._preprocess = _preprocess  # type: ignore[method-assign]
        try:
            yield
        finally:
            validator._preprocess = original  # type: ignore[method-assign]


def evaluated_release(root: Path, path: Path) -> EvaluatedModule:
    """Build and release ``path``'s evaluated session in a new course at ``root``, probed.

    The build executes the solution, the release the blank copy, both as the build's student
    (``esn-teach-construction``): the same cases. One execution each, as without the probes.
    """
    import time

    course = Course(make_course(root), path.parent)
    source = read_module(path, session="evaluation")
    questions = checked_questions(source.notebook)
    probe = _KernelProbe(root, questions, path.stem[:2])
    start = time.perf_counter()
    with probe.installed():
        course.release([path.stem], evaluation=True)
    seconds = time.perf_counter() - start
    assert not probe.errors, f"{path.stem} : la sonde du noyau a échoué : {probe.errors}"
    assert probe.keys is not None and probe.found is not None, "the probes did not run"
    leaks = [(str(q), str(p)) for q, p in probe.found["found"]]
    return EvaluatedModule(
        course,
        source,
        questions,
        probe.keys,
        leaks,
        int(probe.found["seed"]),
        probe.found["seconds"],
        seconds,
    )
