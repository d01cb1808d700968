"""Fast checks of the grading building blocks (no kernel, no nbgrader run)."""

from __future__ import annotations

import copy
import pickle

import nbformat
import numpy as np
import pandas as pd
import pytest

from esn_teach.course import REVEAL, CourseError
from esn_teach.grading import (
    KEY_VARIABLE,
    BatchResult,
    SubmissionOutcome,
    SubmissionResult,
    _recheck,
    pseudonym,
    pseudonym_key,
)
from esn_teach.grading._integrity import cell_tampering, code_tampering, read_names
from esn_teach.grading._outcomes import read_results, write_results
from esn_teach.grading._recheck import _loads, run


def _released() -> nbformat.NotebookNode:
    def cell(source, **meta):
        new = nbformat.v4.new_code_cell(source)
        if meta:
            new.metadata["nbgrader"] = meta
        return new

    return nbformat.v4.new_notebook(
        cells=[
            cell("import numpy as np\nfrom esn_teach import checks", grade_id="setup", locked=True),
            cell("x = ...", grade_id="x", solution=True, grade=False),
            cell(
                "checks.check_number(x, name='x', expected=1)",
                grade_id="x_tests",
                grade=True,
                solution=False,
                locked=True,
                points=1,
            ),
        ]
    )


def test_intact_submission_has_no_flag():
    released = _released()
    submitted = copy.deepcopy(released)
    submitted.cells[1].source = "x = 2 - 1"
    assert cell_tampering(submitted, released) == []
    assert code_tampering(submitted, released) == []


def test_instructor_version_of_a_test_cell_is_intact():
    released = _released()
    source = copy.deepcopy(released)
    source.cells[2].source += "\n### BEGIN HIDDEN TESTS\nassert x == 1\n### END HIDDEN TESTS"
    assert cell_tampering(source, released, source) == []
    assert cell_tampering(source, released) != []


def test_cell_tampering_is_described():
    released = _released()
    edited = copy.deepcopy(released)
    edited.cells[2].source = "pass"
    assert any("modifiée" in p for p in cell_tampering(edited, released))
    deleted = copy.deepcopy(released)
    del deleted.cells[2]
    assert any("supprimée" in p for p in cell_tampering(deleted, released))
    duplicated = copy.deepcopy(released)
    duplicated.cells.append(copy.deepcopy(duplicated.cells[2]))
    assert any("dupliquée" in p for p in cell_tampering(duplicated, released))
    renamed = copy.deepcopy(released)
    renamed.cells[2].metadata.nbgrader["grade_id"] = "autre"
    problems = cell_tampering(renamed, released)
    assert any("autre" in p for p in problems) and any("supprimée" in p for p in problems)


def test_a_passage_that_comments_on_an_answer_may_be_edited_or_deleted():
    """reveal= text is put back by nbgrader and grades nothing: changing it is no fraud."""
    released = _released()
    passage = nbformat.v4.new_markdown_cell("La réponse était 1.")
    passage.metadata["nbgrader"] = {"grade_id": "x_reveal_1", "locked": True}
    passage.metadata[REVEAL] = "x"
    released.cells.append(passage)
    edited = copy.deepcopy(released)
    edited.cells[3].source = "Mes notes."
    assert cell_tampering(edited, released) == []
    deleted = copy.deepcopy(released)
    del deleted.cells[3]
    assert cell_tampering(deleted, released) == []
    # A locked cell that is not such a passage stays protected.
    edited.cells[0].source = "import numpy as np"
    assert any("verrouillée" in p for p in cell_tampering(edited, released))


@pytest.mark.parametrize(
    "code",
    [
        "np.isclose = lambda *a: True\nx = 3",
        "import builtins\nbuiltins.abs = lambda v: 0\nx = 3",
        "setattr(checks, 'check_number', print)\nx = 3",
        "checks = None\nx = 3",
        "__builtins__.abs = len\nx = 3",
    ],
)
def test_monkeypatching_is_flagged(code):
    released = _released()
    submitted = copy.deepcopy(released)
    submitted.cells[1].source = code
    assert code_tampering(submitted, released)


def test_redefinition_after_the_test_is_flagged():
    released = _released()
    submitted = copy.deepcopy(released)
    submitted.cells.append(nbformat.v4.new_code_cell("x = 1"))
    assert any("après le test" in p for p in code_tampering(submitted, released))


def test_read_names():
    assert set(read_names("checks.check_number(x, name='x')\ny = z")) == {"checks", "x", "z"}
    assert read_names("def (:") == []
    # A name the test binds before reading it is not read from the notebook (module 10).
    cell = "carte = law.scenario('x')\nchecks.check(v, mistakes=carte.misconceptions)"
    assert set(read_names(cell)) == {"law", "checks", "v"}
    assert read_names("x = x + 1\ny = x") == ["x"]  # read before it is bound


def test_restricted_unpickler_accepts_data_refuses_code():
    frame = pd.DataFrame({"a": [1.0, 2.0], "b": ["u", "v"]})
    for value in (1.5, "texte", [1, 2], {"k": (1, 2)}, np.arange(3), np.float64(2.5), frame):
        restored = _loads(pickle.dumps(value, protocol=4))
        if isinstance(value, pd.DataFrame):
            pd.testing.assert_frame_equal(restored, value)
        elif isinstance(value, np.ndarray):
            np.testing.assert_array_equal(restored, value)
        else:
            assert restored == value
    with pytest.raises(pickle.UnpicklingError):
        _loads(pickle.dumps(print))
    evil = b"cos\nsystem\n(S'true'\ntR."
    with pytest.raises(pickle.UnpicklingError):
        _loads(evil)


def test_recheck_runs_test_on_pristine_namespace(tmp_path):
    snapshot = tmp_path / "snap.pkl"
    good = {"x": ("value", pickle.dumps(1.0)), "checks": ("module", "esn_teach.checks")}
    snapshot.write_bytes(pickle.dumps(good))
    test = {
        "grade_id": "t",
        "source": "checks.check_number(x, name='x', expected=1)",
        "snapshot": str(snapshot),
        "imports": {"checks": ["esn_teach", "checks"]},
    }
    assert run([test])["t"]["status"] == "passed"
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression().fit([[0.0], [1.0]], [0, 1])
    model_test = {**test, "source": "assert m.predict([[1.0]])[0] == 1", "grade_id": "m"}
    snapshot.write_bytes(pickle.dumps({"m": ("value", pickle.dumps(model))}))
    assert run([model_test])["m"]["status"] == "failed"  # sklearn not imported by the course
    assert run([{**model_test, "libraries": ["sklearn"]}])["m"]["status"] == "failed"
    _recheck._LIBRARIES[:] = ["sklearn"]  # the course's own data holds such a model
    types = sorted(_recheck.course_types(pickle.dumps(model)))
    assert all("." not in name for _, name in types)
    verdict = run([{**model_test, "libraries": ["sklearn"], "types": types}])["m"]
    assert verdict["status"] == "passed", verdict
    snapshot.write_bytes(pickle.dumps(good))
    bad = {**good, "checks": ("unpicklable", "type")}
    snapshot.write_bytes(pickle.dumps(bad))
    assert run([test])["t"]["status"] == "passed"  # rebuilt from the instructor's import
    assert run([{**test, "imports": {}}])["t"]["status"] == "failed"  # not plain data
    snapshot.write_bytes(pickle.dumps({**good, "x": ("value", pickle.dumps(3.0))}))
    assert run([test])["t"]["status"] == "failed"


@pytest.mark.parametrize(
    "entry",
    [
        ("unpicklable", "function"),  # rebound to a lambda: cannot be rebuilt
        ("ref", "builtins", "print"),  # rebound to a harmless builtin
        ("ref", "esn_teach.checks", "check_text"),  # rebound to another check
        ("missing",),  # deleted
    ],
)
def test_recheck_rebuilds_instructor_imports_whatever_the_student_bound(tmp_path, entry):
    """The attack: rebind what the instructor imported, so the re-check used to be skipped."""
    snapshot = tmp_path / "snap.pkl"
    test = {
        "grade_id": "t",
        "source": "check_number(x, name='x', expected=1)",
        "snapshot": str(snapshot),
        "imports": {"check_number": ["esn_teach.checks", "check_number"]},
    }
    snapshot.write_bytes(pickle.dumps({"x": ("value", pickle.dumps(3.0)), "check_number": entry}))
    assert run([test])["t"]["status"] == "failed"
    snapshot.write_bytes(pickle.dumps({"x": ("value", pickle.dumps(1.0)), "check_number": entry}))
    assert run([test])["t"]["status"] == "passed"


def test_a_test_that_cannot_be_rechecked_fails(tmp_path):
    """Data the instructor's cells made, replaced by something not plain: no points."""
    snapshot = tmp_path / "snap.pkl"
    snapshot.write_bytes(pickle.dumps({"table": ("unpicklable", "function")}))
    test = {"grade_id": "t", "source": "assert len(table) == 3", "snapshot": str(snapshot)}
    verdict = run([test])["t"]
    assert verdict["status"] == "failed" and "table" in verdict["error"]
    assert run([{**test, "snapshot": str(tmp_path / "absent.pkl")}])["t"]["status"] == "failed"


def test_outcome_table_round_trip(tmp_path):
    results = [
        SubmissionResult("ana", "m", SubmissionOutcome.GRADED, [], 1.0, 2.0, 1.2, "abc"),
        SubmissionResult("bob", "m", SubmissionOutcome.UNREADABLE, ["pas du JSON", "autre"]),
    ]
    path = write_results(tmp_path / "r.csv", results)
    assert read_results(path) == results
    summary = BatchResult("m", results).summary()
    assert "notebook illisible : 1" in summary and "bob" in summary
    assert {o.label for o in SubmissionOutcome} >= {"corrigée", "absente", "mémoire dépassée"}


def test_pseudonym_key_required_and_stable(tmp_path, monkeypatch):
    monkeypatch.delenv(KEY_VARIABLE, raising=False)
    with pytest.raises(CourseError, match=KEY_VARIABLE):
        pseudonym_key()
    monkeypatch.setenv(KEY_VARIABLE, "court")
    with pytest.raises(CourseError, match="16"):
        pseudonym_key()
    key_file = tmp_path / "cle"
    key_file.write_text("une clé assez longue pour le cours\n")
    key = pseudonym_key(key_file)
    assert pseudonym("ana", key) == pseudonym("ana", key) != pseudonym("bob", key)
    assert "ana" not in pseudonym("ana", key)


def test_sandbox_keeps_a_project_checked_out_under_tmp_visible(tmp_path, monkeypatch):
    """CI may clone the project under /tmp, which the sandbox empties: its venv must stay."""
    import sys

    from esn_teach.grading import _sandbox

    venv = tmp_path / "clone" / ".venv"
    venv.mkdir(parents=True)
    monkeypatch.setattr(sys, "prefix", str(venv))
    command = _sandbox._bwrap_command([], tmp_path / "scratch")
    tmpfs_tmp = command.index("/tmp") if "/tmp" in command else -1
    assert command[tmpfs_tmp - 1] == "--tmpfs"
    rebinds = [command[i + 1] for i, arg in enumerate(command) if arg == "--ro-bind"]
    assert str(venv.resolve()) in rebinds
    assert command.index(str(venv.resolve())) > tmpfs_tmp


def test_recheck_never_imports_or_resolves_what_the_student_named(tmp_path):
    """A module or function named by the student's snapshot fails; nothing is imported."""
    import sys

    snapshot = tmp_path / "snap.pkl"
    test = {"grade_id": "t", "source": "assert x == 1", "snapshot": str(snapshot)}
    sys.modules.pop("unittest.__main__", None)
    for entry in [("module", "unittest.__main__"), ("ref", "unittest.mock", "ANY")]:
        snapshot.write_bytes(pickle.dumps({"x": entry}))
        assert run([test])["t"]["status"] == "failed"
    assert "unittest.__main__" not in sys.modules


def test_recheck_uses_the_course_data_of_the_reference(tmp_path):
    """Data the instructor's cells make comes from the canary, not from the student."""
    snapshot, reference = tmp_path / "snap.pkl", tmp_path / "ref.pkl"
    forged = {"x": ("value", pickle.dumps(0.9)), "scores": ("value", pickle.dumps([0.9]))}
    snapshot.write_bytes(pickle.dumps(forged))
    reference.write_bytes(pickle.dumps({"scores": ("value", pickle.dumps([0.1]))}))
    test = {"grade_id": "t", "source": "assert x == max(scores)", "snapshot": str(snapshot)}
    assert run([test])["t"]["status"] == "passed"  # the forged data agrees with the answer
    assert run([{**test, "reference": str(reference)}])["t"]["status"] == "failed"


def _gadget(code: str) -> bytes:
    """The second attack's chain: dotted names to operator.*, REDUCE on anything, eval."""

    def text(value: str) -> bytes:
        data = value.encode()
        return b"X" + len(data).to_bytes(4, "little") + data

    def find(module: str, name: str) -> bytes:
        return b"c" + module.encode() + b"\n" + name.encode() + b"\n"

    return (
        b"\x80\x02"
        + find("pandas.core.frame", "operator.methodcaller")
        + text("get")
        + text("eval")
        + b"\x86R("
        + find("pandas.core.frame", "operator.methodcaller")
        + text("get")
        + text("__builtins__")
        + b"\x86R("
        + find("pandas.core.frame", "operator.attrgetter")
        + text("__init__.__globals__")
        + b"\x85R"
        + find("pandas.core", "frame.DataFrame")
        + b"\x85RtRtR"
        + text(code)
        + b"\x85R."
    )


def test_student_data_can_never_run_code_in_the_checker(tmp_path):
    marker = tmp_path / "executed"
    snapshot = tmp_path / "snap.pkl"
    payload = _gadget(f"open({str(marker)!r}, 'w').write('x') or 1")
    snapshot.write_bytes(pickle.dumps({"x": ("value", payload)}))
    test = {"grade_id": "t", "source": "assert x == 1", "snapshot": str(snapshot)}
    # Even with the course's types (pandas) and its library allowed, nothing runs.
    types = [["pandas.core.frame", "DataFrame"], ["operator", "methodcaller"]]
    verdict = run([{**test, "libraries": ["pandas"], "types": types}])["t"]
    assert verdict["status"] == "failed" and "refusé" in verdict["error"]
    assert not marker.exists()
    # A numpy array and a float from a student are plain data.
    np_value = pickle.dumps(np.float64(1.0))
    snapshot.write_bytes(pickle.dumps({"x": ("value", np_value)}))
    assert run([test])["t"]["status"] == "passed"
    snapshot.write_bytes(pickle.dumps({"x": ("value", pickle.dumps(np.array([1.0])))}))
    assert run([{**test, "source": "assert x[0] == 1"}])["t"]["status"] == "passed"


def test_the_snapshot_file_itself_can_never_run_code(tmp_path):
    """The student's kernel writes the snapshot file: the gadget as the whole file, not a value."""
    marker = tmp_path / "executed"
    snapshot = tmp_path / "snap.pkl"
    snapshot.write_bytes(_gadget(f"open({str(marker)!r}, 'w').write('x') or {{}}"))
    test = {"grade_id": "t", "source": "assert x == 1", "snapshot": str(snapshot)}
    verdict = run([{**test, "libraries": ["pandas"]}])["t"]
    assert verdict["status"] == "failed"
    assert not marker.exists()
    reference = tmp_path / "reference.pkl"  # copied from the canary, but read the same way
    reference.write_bytes(_gadget(f"open({str(marker)!r}, 'w').write('x') or {{}}"))
    snapshot.write_bytes(pickle.dumps({"x": ("value", pickle.dumps(1))}))
    assert run([{**test, "reference": str(reference)}])["t"]["status"] == "passed"
    assert not marker.exists()


@pytest.mark.parametrize(
    ("metadata", "cell_type", "expected"),
    [
        ({"grade": True, "solution": False, "grade_id": "q1_tests", "points": 1}, "code", "test"),
        ({"grade": True, "solution": True, "grade_id": "q1", "points": 1}, "code", "answer"),
        ({"grade": False, "solution": True, "grade_id": "q1"}, "code", "solution"),
        (
            {"grade": False, "solution": False, "locked": True, "grade_id": "setup"},
            "code",
            "locked",
        ),
        ({"grade": True, "solution": False, "task": True, "grade_id": "t1"}, "markdown", "task"),
        (None, "code", "plain"),
        ("forged", "code", "plain"),
        (["grade", "solution"], "code", "plain"),
    ],
)
def test_cell_predicates_follow_nbgrader_and_survive_forged_metadata(metadata, cell_type, expected):
    from esn_teach.grading._cells import (
        grade_id,
        is_graded_code,
        is_locked,
        is_solution,
        is_test,
        nbgrader_meta,
    )

    cell = nbformat.from_dict({"cell_type": cell_type, "source": "", "metadata": {}})
    if metadata is not None:
        cell.metadata["nbgrader"] = metadata
    kinds = {
        "test": (True, True, False, True),
        "answer": (False, True, True, False),
        "solution": (False, False, True, False),
        "locked": (False, False, False, True),
        "task": (False, False, False, True),
        "plain": (False, False, False, False),
    }
    assert (is_test(cell), is_graded_code(cell), is_solution(cell), is_locked(cell)) == kinds[
        expected
    ]
    assert nbgrader_meta(cell) == (metadata if isinstance(metadata, dict) else {})
    assert grade_id(cell) == (metadata.get("grade_id") if isinstance(metadata, dict) else None)


def test_export_check_lines_never_carry_a_students_control_characters():
    from esn_teach.grading import ExportCheck

    check = ExportCheck(modules=["01_mini"])
    check.pending[("\x1b[2Jeve\n  - ana — 01_mini : forgé", "01_mini")] = ["réflexion « avis »"]
    (line,) = check.lines()
    assert "\x1b" not in line and "\n" not in line
    assert line.endswith("01_mini : réflexion « avis »")


def test_a_long_check_message_reaches_the_grade_whole():
    """Module 07's lecturer (d21): hidden-test messages were cut at 500 characters, so a
    copy with four wrong items lost its last items' messages."""
    from esn_teach.grading import _recheck

    items = " ".join(
        f"Item {n} : relisez la section {n}, le raisonnement est à revoir." for n in range(12)
    )
    assert 600 < len(items) < _recheck.ERROR_LIMIT
    error = _recheck._execute(f"raise AssertionError({items!r})", "q", {})
    assert error == f"AssertionError: {items}"
    runaway = _recheck._execute("raise AssertionError('x' * 100_000)", "q", {})
    assert len(runaway) == _recheck.ERROR_LIMIT
