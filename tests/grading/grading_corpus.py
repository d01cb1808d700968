"""A tiny module and a corpus of hostile and broken submissions, with expected outcomes."""

from __future__ import annotations

import copy
import shutil
import socket
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from esn_fixtures import cli, make_course, submit

from esn_teach.course import Course
from esn_teach.grading import Limits, SubmissionOutcome

MODULE = "01_mini"

TINY = """# %% [markdown]
# # Module minuscule

# %%
import numpy as np
from esn_teach import checks

# %% answer="x"
x = ...
### BEGIN SOLUTION
x = 1
### END SOLUTION

# %% tests="x" points=1
checks.check_number(x, name="x", expected=1)
### BEGIN HIDDEN TESTS
assert x == 1  # SECRET_HIDDEN_CHECK
### END HIDDEN TESTS

# %% mistake="x"
# message : pas la valeur attendue
x = 3

# %% [markdown] written="avis" points=1
# ### BEGIN SOLUTION
# guide
# ### END SOLUTION
"""

#: Limits small enough for the test suite.
LIMITS = Limits(cell_timeout=5, submission_timeout=20, memory_mb=1024, processes=64, file_mb=5)


@dataclass(frozen=True)
class Case:
    """One submission of the corpus and what must become of it."""

    student: str
    outcome: SubmissionOutcome
    score: float | None
    answer: str | None = None  # code of the answer cell (None: file-level cases)
    why: str = ""


def build_course(tmp: Path, db_url: str | None = None) -> tuple[Path, Path]:
    """Build and release the tiny module; return (course root, notebooks folder)."""
    notebooks = tmp / "notebooks"
    notebooks.mkdir(parents=True)
    (notebooks / f"{MODULE}.py").write_text(TINY, encoding="utf-8")
    course = make_course(tmp / "grading")
    if db_url:
        config = course / "nbgrader_config.py"
        text = config.read_text(encoding="utf-8")
        config.write_text(text + f"\nc.CourseDirectory.db_url = {db_url!r}\n", encoding="utf-8")
    assert cli(course, "build", notebooks=notebooks) == 0
    assert cli(course, "release", notebooks=notebooks) == 0
    return course, notebooks


_BUILT: dict[Path, tuple[Path, Path]] = {}


def built_once(factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The tiny module, built and released once per test session (copy it with course_copy)."""
    base = factory.getbasetemp()
    if base not in _BUILT:
        _BUILT[base] = build_course(factory.mktemp("built"))
    return _BUILT[base]


def course_copy(
    built: tuple[Path, Path], destination: Path, answers: dict[str, str]
) -> tuple[Path, Path, Course]:
    """A fresh copy of a built tiny course, with one submission per student of ``answers``."""
    course_root, notebooks = built
    root = shutil.copytree(course_root, destination)
    submit_answers(root, answers)
    return root, notebooks, Course(root, notebooks)


def submit_answers(course: Path, answers: dict[str, str]) -> None:
    """Submit, for each student, the released tiny module with this answer code."""
    released = nbformat.read(course / "release" / MODULE / f"{MODULE}.ipynb", as_version=4)
    for student, code in answers.items():
        submit(course, student, MODULE, _with_answer(released, code))


def _cell(notebook: nbformat.NotebookNode, grade_id: str) -> int:
    for index, cell in enumerate(notebook.cells):
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
            return index
    raise KeyError(grade_id)


def _with_answer(released: nbformat.NotebookNode, code: str) -> nbformat.NotebookNode:
    notebook = copy.deepcopy(released)
    notebook.cells[_cell(notebook, "x")].source = code
    return notebook


#: An independent attack: every name the test reads made to look like something else.
_LOOKALIKE = """import types
class _Eq:
    def __init__(self):
        self.__module__ = "unittest.mock"
        self.__qualname__ = "ANY"
    def __call__(self, *a, **k):
        return None
    def __eq__(self, other):
        return True
    __hash__ = object.__hash__
_fake = types.ModuleType("unittest.__main__")
_fake.check_number = lambda *a, **k: None
globals()["chec" + "ks"] = _fake
x = _Eq()
"""
_CHECKER_EXEC = """import sys, os, json
frame = sys._getframe()
while frame is not None:
    if "write_fd" in frame.f_locals and "request" in frame.f_locals:
        verdicts = {t["grade_id"]: {"status": "passed", "error": ""}
                    for t in frame.f_locals["request"]["tests"]}
        os.write(frame.f_locals["write_fd"], json.dumps(verdicts).encode())
        os._exit(0)
    frame = frame.f_back
"""


def corpus(course: Path, server_port: int) -> list[Case]:
    """Write every submission of the corpus into ``course``; return the expectations."""
    released = nbformat.read(Course(course, course).release_path(MODULE), as_version=4)
    source_notebook = course / "source" / MODULE / f"{MODULE}.ipynb"
    gradebook = course / "gradebook.db"
    cases = [
        Case("correct-1", SubmissionOutcome.GRADED, 1.0, "x = 1"),
        Case("correct-2", SubmissionOutcome.GRADED, 1.0, "x = 2 - 1"),
        Case("wrong", SubmissionOutcome.GRADED, 0.0, "x = 3"),
        Case("blank", SubmissionOutcome.GRADED, 0.0, "x = ..."),
        Case(
            "hidden-fail",
            SubmissionOutcome.GRADED,
            0.0,
            "x = 1.0004",
            "passes the visible check only",
        ),
        Case(
            "infinite-loop",
            SubmissionOutcome.TIMED_OUT,
            1.0,
            "x = 1\nwhile True:\n    pass",
            "interrupted at the cell timeout; x was set before",
        ),
        Case(
            "ignores-sigint",
            SubmissionOutcome.CRASHED,
            0.0,
            "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nx = 1\n"
            "while True:\n    pass",
            "deaf to interrupts: killed at the submission deadline, test never ran",
        ),
        Case("os-exit", SubmissionOutcome.CRASHED, 0.0, "import os\nx = 1\nos._exit(3)"),
        Case(
            "memory-bomb",
            SubmissionOutcome.OUT_OF_MEMORY,
            1.0,
            "x = 1\nbomb = bytearray(8 * 1024**3)",
        ),
        Case(
            "fork-bomb",
            SubmissionOutcome.GRADED,
            1.0,
            "import os, time\nx = 1\nchildren = 0\nfor _ in range(5000):\n    try:\n"
            "        pid = os.fork()\n    except OSError:\n        break\n"
            "    if pid == 0:\n        time.sleep(60)\n        os._exit(0)\n"
            "    children += 1\nassert children < 100, children",
            "bounded by the process limit",
        ),
        Case("huge-output", SubmissionOutcome.GRADED, 1.0, "x = 1\nprint('a' * 5_000_000)"),
        Case(
            "output-flood",
            SubmissionOutcome.GRADED,
            1.0,
            "x = 1\nfor _ in range(300):\n    print('a' * 100_000)",
            "30 MB in small prints: kept within the budget while the notebook runs",
        ),
        Case(
            "huge-file",
            SubmissionOutcome.GRADED,
            1.0,
            "x = 1\nwith open('big.bin', 'wb') as f:\n    f.write(b'a' * 50_000_000)",
            "file size limit: OSError in the cell, grading goes on",
        ),
        Case(
            "reads-source",
            SubmissionOutcome.GRADED,
            1.0,
            f"x = 1\nleak = open({str(source_notebook)!r}).read()\n"
            f"db = open({str(gradebook)!r}, 'rb').read()\nprint(leak[:50])",
        ),
        Case(
            "reads-others",
            SubmissionOutcome.GRADED,
            1.0,
            f"import os\nx = 1\nprint(os.listdir({str(course / 'submitted')!r}))",
        ),
        Case(
            "writes-outside",
            SubmissionOutcome.GRADED,
            1.0,
            f"x = 1\nopen({str(course / 'pwned.txt')!r}, 'w').write('x')",
        ),
        Case(
            "socket",
            SubmissionOutcome.GRADED,
            1.0,
            f"import socket\nx = 1\nsocket.create_connection(('127.0.0.1', {server_port}), "
            "timeout=2).sendall(b'stolen')",
        ),
        Case(
            "patch-builtins",
            SubmissionOutcome.TAMPERED,
            0.0,
            "import builtins\nbuiltins.abs = lambda value: 0\nx = 3",
            "abs() makes every comparison succeed in plain nbgrader",
        ),
        Case(
            "patch-checks",
            SubmissionOutcome.TAMPERED,
            0.0,
            "import esn_teach.checks as c\nc.check_number = lambda *a, **k: None\n"
            "checks.check_number = c.check_number\nx = 3",
        ),
        Case(
            "patch-numpy",
            SubmissionOutcome.TAMPERED,
            0.0,
            "np.isclose = lambda *a, **k: True\nnp.float64 = float\nx = 3",
        ),
        Case(
            "patch-pandas",
            SubmissionOutcome.TAMPERED,
            0.0,
            "import pandas as pd\npd.isna = lambda *a, **k: False\nx = 3",
        ),
        Case(
            "shadow-checks",
            SubmissionOutcome.TAMPERED,
            0.0,
            "class FakeChecks:\n    @staticmethod\n    def check_number(*args, **kwargs):\n"
            "        return None\nchecks = FakeChecks\nx = 3",
            "replaces the checks module by a look-alike",
        ),
        Case(
            "reimport-from-cwd",
            SubmissionOutcome.TAMPERED,
            0.0,
            "import os, pathlib, sys, esn_teach\n"
            "real = pathlib.Path(esn_teach.__file__).parent\n"
            "try:\n    (real / 'pwn.py').write_text('x')\nexcept OSError:\n    pass\n"
            "fake = pathlib.Path(os.getcwd()) / 'esn_teach'\n"
            "fake.mkdir(exist_ok=True)\n(fake / '__init__.py').write_text('')\n"
            "(fake / 'checks.py').write_text('def check_number(*a, **k):\\n    return None\\n')\n"
            "for name in [m for m in sys.modules if m.startswith('esn_teach')]:\n"
            "    del sys.modules[name]\n"
            "sys.path.insert(0, os.getcwd())\nimport esn_teach.checks as checks\nx = 3",
            "a look-alike package written next to the notebook and imported in place of the "
            "real one (which is read-only: the write into it fails)",
        ),
        Case(
            "setattr-loop",
            SubmissionOutcome.TAMPERED,
            0.0,
            "import builtins, importlib\nclass Eq(float):\n    def __eq__(self, other):\n"
            "        return True\nx = Eq(3)\nmod = importlib.import_module('esn_' + "
            "'teach.checks')\nput = getattr(builtins, 'set' + 'attr')\nfor name in dir(mod):\n"
            "    if not name.startswith('_'):\n        put(mod, name, lambda *a, **k: None)",
            "every check replaced with no literal assignment for the static scan to see, "
            "and an answer equal to anything for the hidden assert",
        ),
        Case(
            "input-transformer",
            SubmissionOutcome.TAMPERED,
            0.0,
            "x = 3\nget_ipython().input_transformers_post.append(lambda lines: ['pass\\n'])",
            "every later cell, tests included, runs as 'pass'",
        ),
        Case(
            "custom-exc",
            SubmissionOutcome.GRADED,
            0.0,
            "x = 3\nget_ipython().set_custom_exc((BaseException,), lambda *a, **k: None)",
            "tries to hide failures: IPython still sends the error, no gain, nothing to flag",
        ),
        Case(
            "unpicklable-checks",
            SubmissionOutcome.TAMPERED,
            0.0,
            "import types\nx = 3\nchecks = types.SimpleNamespace(check_number=lambda *a, **k: "
            "None)",
            "the name the test reads cannot be rebuilt: it used to skip the re-check",
        ),
        Case(
            "lookalike-refs",
            SubmissionOutcome.TAMPERED,
            0.0,
            _LOOKALIKE,
            "checks replaced by a module of another name (not a Name store) and an answer "
            "equal to anything whose snapshot names a library object",
        ),
        Case(
            "checker-exec",
            SubmissionOutcome.TAMPERED,
            0.0,
            _LOOKALIKE + f"open('test_zz.py', 'w').write({_CHECKER_EXEC!r})",
            "asks the checker to import unittest.__main__, whose test discovery would run "
            "a file of the student's that writes every verdict",
        ),
        Case(
            "hook-leak",
            SubmissionOutcome.GRADED,
            1.0,
            "import base64\nx = 1\nget_ipython().events.register('pre_run_cell', lambda info: "
            "print(info.raw_cell, base64.b64encode(info.raw_cell.encode()).decode()))",
            "prints every cell's code as it runs: the hidden tests must never reach the kernel",
        ),
        Case(
            "sneaky-object",
            SubmissionOutcome.GRADED,
            0.0,
            "class Always(float):\n    def __sub__(self, other):\n        return 0.0\n"
            "    def __rsub__(self, other):\n        return 0.0\nx = Always(3)",
            "check_number converts to float: no gain, nothing to flag",
        ),
    ]
    for case in cases:
        submit(course, case.student, MODULE, _with_answer(released, case.answer or ""))

    # Cell tampering (answer wrong each time: tampering must not earn the point).
    tests_index = _cell(released, "x_tests")
    edited = _with_answer(released, "x = 3")
    edited.cells[tests_index].source = "print('tout va bien')"
    submit(course, "edited-test", MODULE, edited)
    deleted = _with_answer(released, "x = 3")
    del deleted.cells[tests_index]
    submit(course, "deleted-test", MODULE, deleted)
    duplicated = _with_answer(released, "x = 3")
    duplicated.cells.insert(tests_index, copy.deepcopy(duplicated.cells[tests_index]))
    submit(course, "duplicated-test", MODULE, duplicated)
    renamed = _with_answer(released, "x = 3")
    renamed.cells[tests_index].metadata.nbgrader["grade_id"] = "x_tests_autre"
    renamed.cells[tests_index].source = "pass"
    submit(course, "renamed-grade-id", MODULE, renamed)
    late = _with_answer(released, "x = 3")
    late.cells.insert(tests_index + 1, nbformat.v4.new_code_cell("x = 1"))
    submit(course, "redefines-after-test", MODULE, late)
    ungraded = _with_answer(released, "x = 3")
    ungraded.cells[tests_index].metadata.nbgrader["grade"] = False
    submit(course, "ungraded-test", MODULE, ungraded)
    graded_answer = _with_answer(released, "x = 3")
    graded_answer.cells[_cell(released, "x")].metadata.nbgrader.update(grade=True, points=5)
    submit(course, "graded-answer", MODULE, graded_answer)
    cases += [
        Case("ungraded-test", SubmissionOutcome.TAMPERED, 0.0),
        Case("graded-answer", SubmissionOutcome.TAMPERED, 0.0),
        Case("edited-test", SubmissionOutcome.TAMPERED, 0.0),
        Case("deleted-test", SubmissionOutcome.TAMPERED, 0.0),
        Case("duplicated-test", SubmissionOutcome.TAMPERED, 0.0),
        Case("renamed-grade-id", SubmissionOutcome.TAMPERED, 0.0),
        Case("redefines-after-test", SubmissionOutcome.TAMPERED, 0.0),
    ]

    # Files that are not notebooks.
    def raw(student: str, data: bytes, name: str = f"{MODULE}.ipynb") -> None:
        path = course / "submitted" / student / MODULE / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    # Links are never followed: not the notebook, not a data file (the instructor's files,
    # a classmate's copy, a device that never ends).
    linked = course / "submitted" / "link-notebook" / MODULE
    linked.mkdir(parents=True)
    (linked / f"{MODULE}.ipynb").symlink_to(
        course / "submitted" / "correct-1" / MODULE / f"{MODULE}.ipynb"
    )
    folder = submit(course, "link-data", MODULE, _with_answer(released, "x = 1")).parent
    (folder / "solution.ipynb").symlink_to(source_notebook)
    (folder / "carnet.db").symlink_to(gradebook)
    (folder / "aleatoire.bin").symlink_to("/dev/urandom")
    (folder / "autres").symlink_to(course / "submitted", target_is_directory=True)
    cases += [
        Case(
            "link-notebook", SubmissionOutcome.MISSING, None, why="a link to a classmate's notebook"
        ),
        Case(
            "link-data",
            SubmissionOutcome.TAMPERED,
            1.0,
            why="links flagged and left out, answer graded",
        ),
    ]

    raw("invalid-json", b"{ pas du JSON")
    raw("empty-file", b"")
    raw("not-utf8", b'{"cells": [], "metadata": {}, "nbformat": 4, "x": "\xff\xfe"}')
    raw("wrong-name", nbformat.writes(_with_answer(released, "x = 1")).encode(), "mini.ipynb")
    cases += [
        Case("invalid-json", SubmissionOutcome.UNREADABLE, None),
        Case("empty-file", SubmissionOutcome.UNREADABLE, None),
        Case("not-utf8", SubmissionOutcome.UNREADABLE, None),
        Case("wrong-name", SubmissionOutcome.MISSING, None),
    ]
    return cases


class Listener:
    """A TCP server on the host's loopback that student code must not reach."""

    def __init__(self) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(5)
        self.socket.settimeout(0.1)
        self.port = self.socket.getsockname()[1]

    def reached(self) -> bool:
        try:
            connection, _ = self.socket.accept()
        except OSError:
            return False
        connection.close()
        return True

    def close(self) -> None:
        self.socket.close()
