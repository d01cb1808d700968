"""The instructors' CLI: French messages, exit status 2, no traceback, nothing lost."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from esn_fixtures import cli, make_course, submit

from esn_teach.checks import answer_digest
from esn_teach.cli import main

TINY = """# %% [markdown]
# # Module minuscule

# %%
from esn_teach import checks

# %% answer="x"
x = ...
### BEGIN SOLUTION
x = 1
### END SOLUTION

# %% tests="x" points=1
checks.check_number(x, name="x", expected=1)

# %% mistake="x"
# message : pas la valeur attendue
x = 3

# %% [markdown] written="avis" points=1
# ### BEGIN SOLUTION
# guide
# ### END SOLUTION
"""


@pytest.fixture
def tiny(tmp_path: Path) -> tuple[Path, Path]:
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    (notebooks / "01_mini.py").write_text(TINY, encoding="utf-8")
    return make_course(tmp_path / "grading"), notebooks


def fails(capsys, code: int, *fragments: str) -> str:
    captured = capsys.readouterr()
    output = captured.out + captured.err
    assert code == 2, output
    assert output.startswith("Erreur") or "Erreur :" in output
    assert "Traceback" not in output
    for fragment in fragments:
        assert fragment in output
    return output


def test_missing_course_folder(tmp_path, capsys):
    fails(
        capsys, main(["--course", str(tmp_path / "nope"), "build"]), "Dossier de cours introuvable"
    )


def test_missing_notebooks_folder(tiny, tmp_path, capsys):
    course, _ = tiny
    fails(
        capsys, cli(course, "build", notebooks=tmp_path / "nope"), "Dossier des modules introuvable"
    )


def test_unknown_module(tiny, capsys):
    course, notebooks = tiny
    fails(
        capsys,
        cli(course, "build", "99", notebooks=notebooks),
        "Module « 99 » introuvable",
        "01_mini",
    )


def test_broken_source(tiny, capsys):
    course, notebooks = tiny
    (notebooks / "02_casse.py").write_text(TINY.replace("### END SOLUTION\n", "", 1))
    fails(capsys, cli(course, "build", "02", notebooks=notebooks), "02_casse.py", "paires")


def test_unknown_command_and_missing_argument(capsys):
    with pytest.raises(SystemExit) as info:
        main(["compile"])
    fails(capsys, info.value.code, "choix invalide")
    with pytest.raises(SystemExit) as info:
        main(["autograde"])
    fails(capsys, info.value.code, "arguments obligatoires manquants")
    with pytest.raises(SystemExit) as info:
        main(["export", "--format", "xls"])
    err = fails(capsys, info.value.code, "choix invalide", "(valeurs possibles : 'csv', 'moodle')")
    assert "choose from" not in err and "usage:" not in err
    assert "utilisation : esn-teach export" in err
    with pytest.raises(SystemExit) as info:
        main(["export", "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("utilisation : esn-teach export") and "--provisoire" in out


def test_release_before_build_and_autograde_without_submissions(tiny, capsys):
    course, notebooks = tiny
    fails(capsys, cli(course, "release", "01", notebooks=notebooks), "esn-teach build 01_mini")
    fails(capsys, cli(course, "autograde", "01", notebooks=notebooks), "Aucune copie à corriger")
    fails(capsys, cli(course, "feedback", "01", notebooks=notebooks), "Rien à restituer")
    fails(
        capsys,
        cli(course, "export", "--to", str(course / "no" / "x.csv"), notebooks=notebooks),
        "n'existe pas",
    )


@pytest.mark.slow
def test_solution_that_fails_its_tests_is_refused(tiny, capsys):
    course, notebooks = tiny
    (notebooks / "01_mini.py").write_text(TINY.replace("x = 1\n### END", "x = 2\n### END"))
    fails(
        capsys, cli(course, "build", notebooks=notebooks), "la solution échoue à ses propres tests"
    )


@pytest.mark.slow
def test_blank_that_passes_a_test_is_refused(tiny, capsys):
    course, notebooks = tiny
    (notebooks / "01_mini.py").write_text(
        TINY.replace('checks.check_number(x, name="x", expected=1)', "assert True")
    )
    assert cli(course, "build", notebooks=notebooks) == 0
    fails(capsys, cli(course, "release", notebooks=notebooks), "version étudiante vierge réussit")


@pytest.mark.slow
def test_broken_submission_is_reported_and_others_are_graded(tiny, capsys):
    course, notebooks = tiny
    assert cli(course, "build", notebooks=notebooks) == 0
    assert cli(course, "release", notebooks=notebooks) == 0
    solution = nbformat.read(course / "source" / "01_mini" / "01_mini.ipynb", as_version=4)
    submit(course, "alice", "01_mini", solution)
    broken = course / "submitted" / "bob" / "01_mini" / "01_mini.ipynb"
    broken.parent.mkdir(parents=True)
    broken.write_text("{ pas du JSON", encoding="utf-8")
    capsys.readouterr()
    fails(capsys, cli(course, "autograde", "01", notebooks=notebooks), "bob")
    assert broken.read_text(encoding="utf-8") == "{ pas du JSON"  # never modified
    from esn_teach.course import Course

    assert Course(course, notebooks).grades("01_mini", "alice").score == 1.0
    assert cli(course, "autograde", "01", "--student", "alice", notebooks=notebooks) == 0
    assert "alice : 1 / 2" in capsys.readouterr().out
    fails(capsys, cli(course, "autograde", "01", "--student", "zoe", notebooks=notebooks), "zoe")


def test_digest_command(capsys):
    assert main(["digest", "0,718", "--name", "sensibilite"]) == 0
    assert capsys.readouterr().out.strip() == answer_digest(0.718, name="sensibilite")
    assert main(["digest", "Illicite", "--name", "q"]) == 0
    assert capsys.readouterr().out.strip() == answer_digest("illicite", name="q")


@pytest.fixture
def library_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of esn_teach as the build's library input: edits elsewhere do not count."""
    import shutil

    from esn_teach.course import _pipeline

    library = tmp_path / "esn_teach_copy"
    shutil.copytree(_pipeline.LIBRARY_ROOT, library, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(_pipeline, "LIBRARY_ROOT", library)
    return library


def test_build_is_incremental_and_force_rebuilds(tiny, library_copy, capsys):
    course, notebooks = tiny
    assert cli(course, "build", "--no-validate", notebooks=notebooks) == 0
    out = capsys.readouterr().out
    assert out.startswith("Construit : 01_mini (1 question autocorrigée, 1 réponse rédigée, ")
    assert "aucune construction réussie enregistrée" in out
    assert cli(course, "build", "--no-validate", notebooks=notebooks) == 0
    assert capsys.readouterr().out.splitlines() == [
        "01_mini : à jour, rien à reconstruire",
        "1 module à jour, 0 reconstruit (« esn-teach build --force » pour tout refaire).",
    ]
    assert cli(course, "build", "--no-validate", "--force", "01", notebooks=notebooks) == 0
    out = capsys.readouterr().out
    assert out.startswith("Construit : 01_mini") and "reconstruction demandée (--force)" in out
    (library_copy / "checks" / "__init__.py").write_text("# changed\n", encoding="utf-8")
    assert cli(course, "build", "--no-validate", notebooks=notebooks) == 0
    assert "code ou données d'esn_teach modifiés" in capsys.readouterr().out
    for command in ("build", "release"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        assert "--force" in capsys.readouterr().out


def test_workspace_never_overwrites_a_students_work(tiny, tmp_path, capsys):
    course, notebooks = tiny
    released = course / "release" / "01_mini" / "01_mini.ipynb"
    released.parent.mkdir(parents=True)
    released.write_text("version 1", encoding="utf-8")
    workspace = tmp_path / "workspace"
    assert cli(course, "workspace", "--to", str(workspace), notebooks=notebooks) == 0
    assert "1 fichier(s) ajouté(s)" in capsys.readouterr().out
    mine = workspace / "01_mini" / "01_mini.ipynb"
    mine.write_text("mon travail", encoding="utf-8")
    released.write_text("version 2", encoding="utf-8")  # the module released again
    (released.parent / "donnees.csv").write_text("a,b\n", encoding="utf-8")
    assert cli(course, "workspace", "--to", str(workspace), notebooks=notebooks) == 0
    assert "1 fichier(s) ajouté(s), travail existant conservé" in capsys.readouterr().out
    assert mine.read_text(encoding="utf-8") == "mon travail"
    assert (workspace / "01_mini" / "donnees.csv").read_text(encoding="utf-8") == "a,b\n"


@pytest.mark.slow
def test_second_build_and_release_execute_nothing(tiny, library_copy, monkeypatch, capsys):
    course, notebooks = tiny
    assert cli(course, "build", notebooks=notebooks) == 0
    assert cli(course, "release", notebooks=notebooks) == 0
    out = capsys.readouterr().out
    assert "Construit : 01_mini" in out and "Publié : " in out
    from nbgrader.apps.api import NbGraderAPI

    from esn_teach.course import _pipeline

    def never(*args, **kwargs):
        raise AssertionError("a kernel was started or nbgrader ran for an up-to-date module")

    with monkeypatch.context() as patch:
        patch.setattr(_pipeline, "Validator", never)
        patch.setattr(NbGraderAPI, "generate_assignment", never)
        assert cli(course, "build", notebooks=notebooks) == 0
        assert cli(course, "release", notebooks=notebooks) == 0
    assert capsys.readouterr().out.splitlines() == [
        "01_mini : à jour, rien à reconstruire",
        "1 module à jour, 0 reconstruit (« esn-teach build --force » pour tout refaire).",
        "01_mini : à jour, rien à republier",
        "1 module à jour, 0 republié (« esn-teach release --force » pour tout refaire).",
    ]
    # Edited by hand, the student version is generated and checked again.
    released = course / "release" / "01_mini" / "01_mini.ipynb"
    original = released.read_text(encoding="utf-8")
    released.write_text(original.replace("VOTRE RÉPONSE", "x = 1"), encoding="utf-8")
    assert cli(course, "build", notebooks=notebooks) == 0
    assert cli(course, "release", notebooks=notebooks) == 0
    out = capsys.readouterr().out
    assert "01_mini : à jour, rien à reconstruire" in out
    assert "fichier produit modifié à la main : release/01_mini/01_mini.ipynb" in out
    assert released.read_text(encoding="utf-8") == original
    assert cli(course, "build", "--force", notebooks=notebooks) == 0
    assert "solution vérifiée) — reconstruction demandée (--force)" in capsys.readouterr().out
