"""A value a visible check calls correct gets the points from the hidden test.

The student runs the visible part of a test cell and reads « Correct » ; the
autograder runs the whole cell, hidden part included. For every autograded
question of every module, the solution notebook is executed, and before each
test cell the answer is replaced by values near the correct one (the value
rounded to 0-5 decimals, nudged by fractions of a unit of the 2nd-4th decimal,
or a text in other case and spacing). Whenever the visible part accepts such a
value, the hidden part must accept it too. And the evaluated session's form check
(which cannot say whether an answer is right) must not warn about the correct
answer itself, e.g. « fewer decimals than the correction » for a whole count.

The same run reads the names a module lists for the student to write in their
calculations (the printed block under « sous le nom à écrire dans vos calculs : »,
then indented lines of « name = value ») and checks, right after the cell that
prints them, that each name exists in the kernel with the value shown: a name shown
only as a dictionary key raised NameError in module 07.
"""

from __future__ import annotations

import functools
import json
import re

import nbformat
import pytest
from esn_fixtures import MODULE_NAMES, GradedCourse
from nbclient import NotebookClient

pytestmark = pytest.mark.slow

HIDDEN = "### BEGIN HIDDEN TESTS"

# Runs in the module's kernel; prints one JSON line.
PROBE = r"""
def _esn_probe(name, visible, hidden):
    import contextlib, io, json, numbers, unicodedata
    import numpy as np

    space = globals()
    original = space[name]

    def near(value):
        out = [value]
        if isinstance(value, np.ndarray) and value.size == 1:
            value = value.reshape(()).item()
        if isinstance(value, numbers.Real) and not isinstance(value, bool):
            x = float(value)
            out += [round(x, d) for d in range(6)] + [np.float64(x)]
            for d in (2, 3, 4):
                for f in (0.4, 0.5, 0.6, 0.9, 1.0, 1.1, 1.4, 1.5, 1.6, 2.0, 2.5):
                    out += [x + f * 10.0**-d, x - f * 10.0**-d]
            if x == int(x):
                out += [int(x), int(x) + 1, int(x) - 1]
        elif isinstance(value, str):
            plain = "".join(c for c in unicodedata.normalize("NFKD", value)
                            if not unicodedata.combining(c))
            out += [value.upper(), value.lower(), f"  {value} ", plain]
        return out

    def passes(code):
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(code, "<check>", "exec"), space)
        except Exception:
            return False
        return True

    tried = accepted = 0
    disagree = []
    for candidate in near(original):
        space[name] = candidate
        tried += 1
        if passes(visible):
            accepted += 1
            if not passes(hidden):
                disagree.append(repr(candidate))
    space[name] = original

    # The evaluated release turns the visible check into check_form(..., decimals=d),
    # d read from the visible check_number (3 unless told): the correct answer itself
    # must not be told it looks like a rounded copy.
    warned = ""
    checks = space.get("checks")
    if checks is not None and isinstance(original, numbers.Real) and not isinstance(original, bool):
        seen = []
        real_check_number = checks.check_number

        def spy(value, *args, **kwargs):
            seen.append(kwargs.get("decimals", 3))
            return real_check_number(value, *args, **kwargs)

        checks.check_number = spy
        try:
            passes(visible)
        finally:
            checks.check_number = real_check_number
        for decimals in seen[:1]:
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                checks.check_form(original, name=name, kind="number", decimals=decimals)
            if "Attention" in out.getvalue():
                warned = out.getvalue().strip()
    print(json.dumps({"tried": tried, "accepted": accepted, "disagree": disagree,
                      "warned": warned}))
"""


LISTED = "sous le nom à écrire dans vos calculs :"
NAME_VALUE = re.compile(r"(?<![\w.])([A-Za-z_]\w*) = (-?[\d.,]+)(?= ;|$)")

# Runs in the module's kernel: for each listed (name, shown value), what is wrong, if anything.
CHECK_LISTED = r"""
def _esn_listed(pairs):
    import json
    space = globals()
    problems = []
    for name, shown in pairs:
        if name not in space:
            problems.append(f"{name} is shown but not defined (NameError)")
        elif str(space[name]) != shown and not (
            "," in shown
            and isinstance(space[name], (int, float))
            and round(float(space[name]), len(shown.split(",")[1]))
            == float(shown.replace(",", "."))
        ):
            problems.append(f"{name} is shown as {shown} but holds {space[name]!r}")
    print(json.dumps(problems))
"""


def listed_names(text: str) -> list[tuple[str, str]]:
    """The (name, value) pairs printed under « sous le nom à écrire dans vos calculs : »."""
    pairs: list[tuple[str, str]] = []
    inside = False
    for line in text.splitlines():
        if LISTED in line:
            inside = True
        elif inside and line.startswith("  "):
            pairs += NAME_VALUE.findall(line)
        else:
            inside = False
    return pairs


def test_listed_names_reads_the_printed_block():
    text = (
        "Les mêmes nombres, sous le nom à écrire dans vos calculs :\n"
        "  Toute la cohorte : n_patients = 5000\n"
        "  2009 : 60 ou plus : n_noirs_60_en_2009 = 1240 ; n_non_noirs_60_en_2009 = 2684\n"
        "Seuil de 60 : x = 3\n"
    )
    assert listed_names(text) == [
        ("n_patients", "5000"),
        ("n_noirs_60_en_2009", "1240"),
        ("n_non_noirs_60_en_2009", "2684"),
    ]


@functools.cache
def _probe_module(notebook_path) -> tuple[dict[str, dict], list[tuple[str, str]], list[str]]:
    notebook = nbformat.read(notebook_path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(notebook_path.parent)}},
    )
    found: dict[str, dict] = {}
    listed: list[tuple[str, str]] = []
    problems: list[str] = []
    with client.setup_kernel():
        setup = nbformat.v4.new_code_cell(PROBE + CHECK_LISTED)
        client.execute_cell(setup, 0)
        for index, cell in enumerate(list(notebook.cells)):
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
            if cell.cell_type == "code" and grade_id.endswith("_tests") and HIDDEN in cell.source:
                answer = grade_id.removesuffix("_tests")
                visible, hidden = cell.source.split(HIDDEN, 1)
                probe = nbformat.v4.new_code_cell(
                    f"_esn_probe({answer!r}, {visible!r}, {hidden!r})"
                )
                client.execute_cell(probe, index)
                text = "".join(o.get("text", "") for o in probe.outputs)
                found[answer] = json.loads(text.strip().splitlines()[-1])
            client.execute_cell(cell, index)
            if cell.cell_type != "code":
                continue
            printed = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
            pairs = listed_names(printed)
            if pairs:
                check = nbformat.v4.new_code_cell(f"_esn_listed({pairs!r})")
                client.execute_cell(check, index)
                text = "".join(o.get("text", "") for o in check.outputs)
                listed += pairs
                problems += json.loads(text.strip().splitlines()[-1])
    return found, listed, problems


@pytest.mark.parametrize("name", MODULE_NAMES)
def test_what_a_visible_check_accepts_gets_the_points(graded_course: GradedCourse, name):
    module = graded_course.modules[name].source
    found, _, _ = _probe_module(graded_course.course.source_path(name))
    assert set(found) == set(module.answers), "every autograded question has a hidden test"
    for answer, result in found.items():
        # The correct value itself, at least, is accepted: the probe is not vacuous.
        assert result["accepted"] >= 1, answer
        assert not result["disagree"], (
            f"{name}: {answer}: the visible check says « Correct » for "
            f"{result['disagree']} but the hidden test refuses it"
        )
        assert not result["warned"], (
            f"{name}: {answer}: in the evaluated session, the correct answer itself gets "
            f"a warning: {result['warned']!r} (give the check the precision the answer "
            "really has, e.g. decimals=0 for a count)"
        )


@pytest.mark.parametrize("name", MODULE_NAMES)
def test_every_name_listed_for_the_student_exists(graded_course: GradedCourse, name):
    """Each name printed « à écrire dans vos calculs » is defined, with the value shown."""
    module = graded_course.modules[name].source
    _, listed, problems = _probe_module(graded_course.course.source_path(name))
    source = "\n".join(cell.source for cell in module.notebook.cells)
    if LISTED in source:
        assert listed, f"{name}: the module prints a list of names, the test read none"
    assert not problems, f"{name}: " + " ; ".join(problems)
