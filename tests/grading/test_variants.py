"""Per-student variants of an evaluated session, graded through real nbgrader.

Each student's cases are drawn from their identifier (``checks.student_seed``):
the grader draws the same ones for the copy it grades, so a student's own answers
earn their points and a classmate's answers do not; a copy saved with another
identifier's cases is set aside for the instructor, never silently scored.
"""

from __future__ import annotations

import nbformat
import numpy as np
import pytest
from esn_fixtures import answer_cell, cli, error_text, make_course, submit, test_cell

from esn_teach import checks
from esn_teach.course import Course, CourseError, read_module
from esn_teach.grading import SubmissionOutcome, check_export, results_path
from esn_teach.grading._outcomes import read_results

pytestmark = pytest.mark.slow

MODULE = "02_variantes"

SOURCE = """# %% [markdown]
# # Variantes
#
# **Prérequis** : aucun.

# %%
import numpy as np

from esn_teach import checks

# %% session="formative"
graine = 0

# %% session="evaluation"
graine = checks.student_seed("02")

# %%
mesures = np.random.default_rng(graine).integers(10, 100, size=5)
print("Vos mesures :", ", ".join(str(int(m)) for m in mesures))

# %% [markdown]
# ### Question 1 — Le total des mesures

# %% answer="total"
total = ...
### BEGIN SOLUTION
total = int(mesures.sum())
### END SOLUTION

# %% tests="total" points=1 session="formative"
checks.check_number(total, name="total", digest=DIGEST, integer=True)
### BEGIN HIDDEN TESTS
checks.check_number(total, name="total", expected=EXPECTED, integer=True)
### END HIDDEN TESTS

# %% tests="total" points=1 session="evaluation"
checks.check_form(total, name="total", kind="number", integer=True)
### BEGIN HIDDEN TESTS
graine_copie = checks.student_seed("02", announce=False)
vos_mesures = np.random.default_rng(graine_copie).integers(10, 100, size=5)
plus_grande = checks.Mistake(int(vos_mesures.max()), "vous avez gardé la plus grande mesure")
attendu = int(vos_mesures.sum())
checks.check_number(total, name="total", expected=attendu, integer=True, mistakes=[plus_grande])
### END HIDDEN TESTS

# %% mistake="total" session="formative"
# message : Réponse à revoir
total = 0

# %% mistake="total" session="evaluation"
# message : la plus grande mesure
total = int(mesures.max())
"""


def _total(student: str, monkeypatch) -> int:
    monkeypatch.setenv(checks.STUDENT_ENV, student)
    rng = np.random.default_rng(checks.student_seed("02", announce=False))
    return int(rng.integers(10, 100, size=5).sum())


def _copy(released: nbformat.NotebookNode, answer: str, owner: str | None):
    """A copy whose answer cell is ``answer``, saved with ``owner``'s cases (or no output)."""
    copy_ = nbformat.reads(nbformat.writes(released), as_version=4)
    answer_cell(copy_, "total").source = answer
    if owner is not None:
        (draw,) = [cell for cell in copy_.cells if "student_seed(" in cell.source]
        draw.outputs = [
            nbformat.v4.new_output(
                "display_data",
                data={
                    "text/plain": f"… votre identifiant « {owner} » …",
                    checks.VARIANT_MIMETYPE: {"module": "02", "student": owner},
                },
            )
        ]
    return copy_


def test_each_student_is_graded_on_their_own_cases(tmp_path, monkeypatch, capsys):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    zero = int(np.random.default_rng(0).integers(10, 100, size=5).sum())
    source = SOURCE.replace(
        "DIGEST", repr(checks.answer_digest(zero, name="total", decimals=3))
    ).replace("EXPECTED", str(zero))
    (notebooks / f"{MODULE}.py").write_text(source, encoding="utf-8")
    root = make_course(tmp_path / "grading")
    assert cli(root, "release", MODULE, "--evaluation", notebooks=notebooks) == 0
    course = Course(root, notebooks)
    released = nbformat.read(course.release_path(MODULE), as_version=4)

    alice, bruno, david = (_total(name, monkeypatch) for name in ("alice", "bruno", "david"))
    monkeypatch.delenv(checks.STUDENT_ENV)
    assert len({alice, bruno, david}) == 3, "three identifiers, three different answers"
    submit(root, "alice", MODULE, _copy(released, f"total = {alice}", "alice"))
    # Bruno hands in Alice's copy (her answer, her cases on screen).
    submit(root, "bruno", MODULE, _copy(released, f"total = {alice}", "alice"))
    # Chloé computes from her own cases, and saved her notebook without outputs.
    submit(root, "chloe", MODULE, _copy(released, "total = int(mesures.sum())", None))
    # David's kernel draws Alice's cases: the test in his kernel agrees, the grader's
    # pristine re-check draws David's and refuses.
    hack = f'import os\nos.environ["ESN_TEACH_STUDENT"] = "alice"\ntotal = {alice}'
    submit(root, "david", MODULE, _copy(released, hack, "david"))
    # Eve forges 30 000 records naming other students (escape sequences, newlines, a
    # 10 000-character name, records of another module, malformed records) around her own
    # right answer: the grader reads them in linear time, says so briefly, grades her cases.
    eve = _copy(released, "total = int(mesures.sum())", "eve")
    (draw,) = [cell for cell in eve.cells if "student_seed(" in cell.source]
    forged = [
        {"module": "02", "student": f"\x1b[2Jx{n}\n=cmd|' /C calc'!A0"} for n in range(30_000)
    ]
    forged += [{"module": "02", "student": "y" * 10_000}, {"module": "03", "student": "zoé"}]
    forged += [{"module": "02", "student": ["liste"]}, "pas un dictionnaire"]
    draw.outputs += [
        nbformat.v4.new_output("display_data", data={checks.VARIANT_MIMETYPE: record})
        for record in forged
    ]
    submit(root, "eve", MODULE, eve)
    status = cli(root, "autograde", MODULE, notebooks=notebooks)
    out = capsys.readouterr().out
    assert status == 0, out

    assert course.grades(MODULE, "alice").grades["total_tests"] == (1.0, 1.0)
    assert course.grades(MODULE, "chloe").grades["total_tests"] == (1.0, 1.0)
    assert course.grades(MODULE, "bruno").grades["total_tests"] == (0.0, 1.0)
    assert course.grades(MODULE, "david").grades["total_tests"] == (0.0, 1.0)
    # Each graded copy shows its own student's cases and their message.
    graded = nbformat.read(root / "autograded" / "bruno" / MODULE / f"{MODULE}.ipynb", as_version=4)
    assert "« bruno »" in "".join(
        str(output.get("data", {}).get("text/plain", ""))
        for cell in graded.cells
        for output in cell.get("outputs", [])
    )
    assert "Réponse à revoir" in error_text(test_cell(graded, "total"))

    # Bruno's copy is set aside (provisional in an export) and says why; the others are not.
    rows = {row.student: row for row in read_results(results_path(root, MODULE))}
    assert rows["bruno"].to_examine == ["total_tests"]
    assert rows["bruno"].outcome is SubmissionOutcome.GRADED
    assert "« alice »" in " ".join(rows["bruno"].details)
    assert "à examiner" in " ".join(rows["bruno"].details)
    assert all(not rows[name].to_examine for name in ("alice", "chloe", "david"))
    assert course.grades(MODULE, "eve").grades["total_tests"] == (1.0, 1.0)
    assert rows["eve"].to_examine == ["total_tests"]
    (said,) = [d for d in rows["eve"].details if d.startswith("cas tirés")]
    assert "et 29998 autre(s)" in said and "\x1b" not in said and len(said) < 1_000
    assert "zoé" not in said
    report = check_export(
        course.db_url, course.course_id, [MODULE], to_examine={MODULE: {"bruno": ["total_tests"]}}
    )
    assert list(report.pending) == [("bruno", MODULE)]
    # The instructor reads it at the end of the batch too.
    assert "dont à examiner dans le formgrader : 2" in out
    assert "  - bruno : corrigée, à examiner (note provisoire) — cas tirés pour" in out
    assert "  - alice" not in out and "  - chloe" not in out


def test_a_formative_cell_cannot_draw_a_students_cases(tmp_path):
    path = tmp_path / "02_variantes.py"
    path.write_text(
        SOURCE.replace(
            '# %% session="formative"\ngraine = 0', '# %%\ngraine = checks.student_seed("02")'
        ),
        encoding="utf-8",
    )
    with pytest.raises(CourseError, match='session="evaluation"'):
        read_module(path, session="evaluation")


def test_a_grader_that_draws_other_cases_grades_no_one(tmp_path, monkeypatch, capsys):
    """If the copy's identifier did not reach the kernel that grades it, every student would be
    judged on cases they never saw: the check of the module's own solution (the canary) finds
    it first, nothing is graded, and the command fails in French."""
    from esn_teach.grading import _execute

    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    zero = int(np.random.default_rng(0).integers(10, 100, size=5).sum())
    source = SOURCE.replace(
        "DIGEST", repr(checks.answer_digest(zero, name="total", decimals=3))
    ).replace("EXPECTED", str(zero))
    (notebooks / f"{MODULE}.py").write_text(source, encoding="utf-8")
    root = make_course(tmp_path / "grading")
    assert cli(root, "release", MODULE, "--evaluation", notebooks=notebooks) == 0
    course = Course(root, notebooks)
    released = nbformat.read(course.release_path(MODULE), as_version=4)
    submit(root, "alice", MODULE, _copy(released, "total = int(mesures.sum())", "alice"))
    # The grading workers are forked: they inherit the broken hand-over.
    monkeypatch.setattr(_execute, "_identity", lambda job: {})
    assert cli(root, "autograde", MODULE, notebooks=notebooks) != 0
    said = capsys.readouterr()
    assert "la vérification préalable a échoué" in said.out + said.err
    assert "n'atteint pas le noyau qui la corrige" in said.out + said.err
    with pytest.raises(CourseError):
        course.grades(MODULE, "alice")
