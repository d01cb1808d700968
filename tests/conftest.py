"""Shared fixtures: a temporary nbgrader course built from notebooks/ and graded once."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import nbformat
import pytest
from esn_fixtures import (
    MODULE_NAMES,
    MODULE_PATHS,
    NOTEBOOKS,
    GradedCourse,
    GradedModule,
    LazyModules,
    SelfPacedCourse,
    answer_cell,
    cli,
    evaluated_release,
    make_course,
    probe_mistakes,
    submit,
)

from esn_teach.course import Course, read_module

# The notebooks the tests run (nbclient, JupyterLab in Chromium) record a learner's
# progress: into a throw-away file, never the home of whoever runs the tests.
os.environ.setdefault(
    "ESN_TEACH_PROGRESS", os.path.join(tempfile.mkdtemp(prefix="esn-progress-"), "progression.json")
)


def _grade_module(root: Path, course: Course, name: str) -> GradedModule:
    """Build, release, submit and autograde module ``name`` through the CLI."""
    assert cli(root, "build", name) == 0
    assert cli(root, "release", name) == 0
    source = read_module(next(path for path in MODULE_PATHS if path.stem == name))
    released = nbformat.read(course.release_path(name), as_version=4)
    graded = GradedModule(source, released, mistake_rounds=0)
    solution_nb = nbformat.read(course.source_path(name), as_version=4)
    submit(root, "solution", name, solution_nb)
    submit(root, "blank", name, released)
    by_answer: dict[str, list[str]] = {}
    for mistake in source.wrong_answers:
        by_answer.setdefault(mistake.answer, []).append(mistake.code)
    # One mixed copy: the first question answered right, every other question with its first
    # named mistake (or left blank). It checks that the scores do not leak from one question
    # to another and grades the mistakes through nbgrader in the same run of the notebook;
    # every mistake is also checked by probe_mistakes, in one kernel.
    partial = nbformat.reads(nbformat.writes(released), as_version=4)
    first = next(iter(source.answers))
    answer_cell(partial, first).source = answer_cell(solution_nb, first).source
    for answer, codes in by_answer.items():
        if answer != first:
            answer_cell(partial, answer).source = codes[0]
    submit(root, "partial", name, partial)
    graded.mistake_rounds = int(any(answer != first for answer in by_answer))
    assert cli(root, "autograde", name) == 0
    graded.probed = probe_mistakes(source, solution_nb)
    return graded


@pytest.fixture(scope="session")
def graded_course(tmp_path_factory: pytest.TempPathFactory) -> GradedCourse:
    """A course in which each module is built, released, submitted and autograded on first use.

    Students, for each module:
    - ``solution``: the instructor's solution notebook;
    - ``blank``: the released student version, untouched;
    - ``partial``: the released version with the first question answered (the
      solution's code) and each other answer's first declared mistake (blank for an
      answer without one).
    """
    root = make_course(tmp_path_factory.mktemp("course") / "grading")
    course = Course(root, NOTEBOOKS)
    return GradedCourse(
        root, course, LazyModules(MODULE_NAMES, lambda name: _grade_module(root, course, name))
    )


@pytest.fixture(scope="session")
def self_paced_course(tmp_path_factory: pytest.TempPathFactory) -> SelfPacedCourse:
    """Modules built and released for self-paced learners (``release --autonome``), on first use.

    The solutions are executed by graded_course's build (the same sources); the release
    still executes each blank self-paced version, which must fail every test.
    """
    return SelfPacedCourse(make_course(tmp_path_factory.mktemp("autonome") / "grading"), NOTEBOOKS)


@pytest.fixture(scope="session")
def evaluated_modules(tmp_path_factory: pytest.TempPathFactory) -> LazyModules:
    """Each module with an evaluated session, built and released for it on first use
    (``esn_fixtures.evaluated_release``: its solution and blank kernels probed for answers)."""
    return LazyModules(
        MODULE_NAMES,
        lambda name: evaluated_release(  # type: ignore[arg-type,return-value]
            tmp_path_factory.mktemp(f"evaluee-{name}") / "grading",
            next(path for path in MODULE_PATHS if path.stem == name),
        ),
    )


@pytest.fixture(autouse=True)
def _module_ready(request: pytest.FixtureRequest) -> None:
    """Before a test about one module, that module is ready in the shared courses it uses."""
    callspec = getattr(request.node, "callspec", None)
    params = callspec.params if callspec else {}
    name = params.get("name", params.get("module"))
    if name not in MODULE_NAMES:
        return
    for fixture in SHARED_COURSE:
        if fixture in request.fixturenames:
            request.getfixturevalue(fixture).ready(name)


#: Tests that share session fixtures run in one pytest-xdist worker (``make test`` runs two):
#: a module's tests of the shared courses (the module is built and graded once, where they
#: run), and the hubs (30 servers at once must not meet a second hub). Every other test runs
#: with the rest of its file, so module fixtures are built once. The scheduler sees only test
#: ids, so the files using the shared courses are found by name.
TESTS = Path(__file__).resolve().parent
SHARED_COURSE = ("graded_course", "self_paced_course")
COURSE_FILES = frozenset(
    path.relative_to(TESTS.parent).as_posix()
    for path in TESTS.rglob("test_*.py")
    if any(name in path.read_text(encoding="utf-8") for name in SHARED_COURSE)
)

#: Files of tests about a module's evaluated session (built and released once per module and
#: process, shared by these files' tests of that module): one group per module.
EVALUATED = "evaluated_modules"
EVALUATED_FILES = frozenset(
    path.relative_to(TESTS.parent).as_posix()
    for path in TESTS.rglob("test_*.py")
    if EVALUATED in path.read_text(encoding="utf-8")
)


def group_of(nodeid: str) -> str:
    """The group a test runs in: « cours:MODULE », « evaluee:MODULE », « hub », itself or its
    own file.

    A test of the shared courses runs with the other tests of its module (the first
    module when it names none), so each process builds only the modules it tests; so do
    the tests of a module's evaluated session (:data:`EVALUATED`): twelve builds of about
    17 s were one file of 205 s in one process.
    """
    path, _, rest = nodeid.partition("::")
    if path in EVALUATED_FILES:
        _, _, params = rest.partition("[")
        module = next((name for name in MODULE_NAMES if name in params), MODULE_NAMES[0])
        return f"evaluee:{module}"
    if path in COURSE_FILES:
        _, _, params = rest.partition("[")
        module = next((name for name in MODULE_NAMES if name in params), MODULE_NAMES[0])
        return f"cours:{module}"
    if path.startswith("tests/hub/"):
        return "hub"
    return path


#: How a test file says all its tests are slow (``make check`` deselects them).
ALL_SLOW = ("\npytestmark = pytest.mark.slow\n", "\npytestmark = [pytest.mark.slow,")


#: How a test file says its tests need the machine to themselves (``make test`` runs them last).
ALONE = "pytest.mark.alone"


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Files that the marker expression deselects whole are not imported (importing the hub's,
    the browser's and the modules' tests costs seconds): in the fast loop (``-m "not slow"``),
    a file whose tests are all slow; in ``make test``'s last step (``-m alone``), a file with no
    test that needs the machine alone."""
    markexpr = config.option.markexpr
    if markexpr not in ("not slow", "alone") or collection_path.suffix != ".py":
        return None
    if not collection_path.name.startswith("test_"):
        return None
    text = collection_path.read_text(encoding="utf-8")
    if markexpr == "not slow":
        return any(marker in text for marker in ALL_SLOW) or None
    return ALONE not in text or None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The longest groups first — the hub, then each module's courses —, then the files."""

    def rank(item: pytest.Item) -> int:
        # Within the hub's group, the files keep their order: the exchange test counts the
        # copies in the shared exchange, which the browser test adds to after it.
        group = group_of(item.nodeid)
        if group == "hub":
            return 0
        return 1 if group.startswith(("cours:", "evaluee:")) else 2

    items.sort(key=rank)


try:
    from xdist.scheduler import LoadScopeScheduling
except ImportError:  # without pytest-xdist the tests run in one process
    pass
else:

    class _GroupScheduling(LoadScopeScheduling):
        """pytest-xdist's scope scheduling with :func:`group_of` as the scope."""

        def _split_scope(self, nodeid: str) -> str:
            return group_of(nodeid)

    def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> LoadScopeScheduling:
        config.option.loadscopereorder = False  # the groups in collection order, as sorted above
        return _GroupScheduling(config, log)


# -- where the time goes: each process's busy time and each group's, after a run -------------
_SPANS: list[tuple[str, str, float, float]] = []  # (process, group, start, stop)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Note when each test phase ran and in which process (the controller sees them all)."""
    node = getattr(report, "node", None)  # pytest-xdist: the worker that ran the test
    process = getattr(getattr(node, "gateway", None), "id", "main")
    _SPANS.append((process, group_of(report.nodeid), report.start, report.stop))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print each process's busy time and end, and the longest groups: the critical path."""
    if not _SPANS:
        return
    origin = min(start for _, _, start, _ in _SPANS)
    processes: dict[str, list[float]] = {}
    groups: dict[tuple[str, str], float] = {}
    for process, group, start, stop in _SPANS:
        busy_end = processes.setdefault(process, [0.0, 0.0])
        busy_end[0] += stop - start
        busy_end[1] = max(busy_end[1], stop - origin)
        groups[process, group] = groups.get((process, group), 0.0) + stop - start
    terminalreporter.section("répartition du temps entre processus")
    for process, (busy, end) in sorted(processes.items()):
        terminalreporter.write_line(f"{process} : occupé {busy:.0f} s, fini à {end:.0f} s")
    longest = sorted(groups.items(), key=lambda item: -item[1])[:8]
    for (process, group), seconds in longest:
        terminalreporter.write_line(f"  {seconds:6.0f} s  {process}  {group}")
    if path := os.environ.get("ESN_TEACH_TIMELINE"):  # appended: make test runs pytest twice
        with Path(path).open("a", encoding="utf-8") as timeline:
            timeline.writelines(
                f"{p}\t{g}\t{a - origin:.1f}\t{b - origin:.1f}\n" for p, g, a, b in _SPANS
            )
