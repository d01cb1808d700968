from pathlib import Path

import jupytext
import pytest
from esn_fixtures import MODULE_PATHS, NOTEBOOKS, make_course

from esn_teach.course import CourseError, _source, read_module
from esn_teach.course._source import resolve_module

GOOD = """# %% [markdown]
# # Module de test

# %% answer="x"
x = ...
### BEGIN SOLUTION
x = 1
### END SOLUTION

# %% tests="x" points=2
assert x == 1

# %% mistake="x"
# message : faux
x = 2

# %% [markdown] written="avis" points=1
# ### BEGIN SOLUTION
# guide
# ### END SOLUTION
"""


def write(tmp_path: Path, text: str, name: str = "99_essai.py") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_translates_to_nbgrader_metadata(tmp_path):
    module = read_module(write(tmp_path, GOOD))
    # A path given as text reads the same (it was refused as « pas un script jupytext »).
    assert read_module(str(write(tmp_path, GOOD))).notebook == module.notebook
    cells = module.notebook.cells
    assert [c.metadata.get("nbgrader", {}).get("grade_id") for c in cells] == [
        None,
        "x",
        "x_tests",
        "avis",
    ]
    answer, tests, written = (c.metadata["nbgrader"] for c in cells[1:])
    assert answer == {
        "grade": False,
        "grade_id": "x",
        "locked": False,
        "schema_version": 3,
        "solution": True,
        "task": False,
    }
    assert tests["grade"] and tests["locked"] and tests["points"] == 2.0
    assert written["grade"] and written["solution"] and written["points"] == 1.0
    assert module.answers == {"x": 2.0} and module.written == {"avis": 1.0}
    assert module.wrong_answers[0].code == "x = 2" and module.wrong_answers[0].message == "faux"
    assert module.notebook.metadata.kernelspec.name == "python3"
    assert "jupytext" not in module.notebook.metadata
    assert all(set(c.metadata) <= {"nbgrader", "tags", "jupyter"} for c in cells)
    # The check's code is folded for students; nothing else is.
    assert [c.metadata.get("jupyter") for c in cells] == [
        None,
        None,
        {"source_hidden": True},
        None,
    ]
    # « Exécuter toutes les cellules » goes past an unanswered question's failing check.
    assert [c.metadata.get("tags", []) for c in cells] == [
        [],
        ["raises-exception"],
        ["raises-exception"],
        [],
    ]


@pytest.mark.parametrize(
    ("broken", "fragment"),
    [
        (
            GOOD.replace("### BEGIN SOLUTION\nx = 1\n### END SOLUTION\n", "x = 1\n"),
            "il manque la zone",
        ),
        (GOOD.replace('tests="x" points=2', 'tests="x" points=0'), "nombre positif"),
        (GOOD.replace('tests="x" points=2', 'tests="x"'), "nombre positif"),
        (GOOD.replace('tests="x"', 'tests="y"'), "questions sans cellule de tests"),
        (GOOD.replace('mistake="x"', 'mistake="z"'), "questions inconnues"),
        (GOOD.replace('answer="x"', 'answer="x" tests="x"'), "à la fois"),
        (GOOD.replace('answer="x"', 'answer="x y"'), "pas un nom valide"),
        (
            GOOD + '\n# %% answer="x"\nx = ...\n### BEGIN SOLUTION\nx=1\n### END SOLUTION\n',
            "déjà utilisé",
        ),
        (
            GOOD + "\n# %%\n### BEGIN SOLUTION\nsecret = 1\n### END SOLUTION\n",
            "publiée telle quelle",
        ),
        (GOOD.replace("### END SOLUTION\n\n# %% tests", "\n# %% tests"), "par paires"),
        (GOOD.replace('[markdown] written="avis"', 'written="avis"'), "Markdown"),
        (GOOD.replace("# message : faux\n", ""), "première ligne"),
        (
            GOOD.replace("# ### BEGIN SOLUTION\n# guide", "### BEGIN SOLUTION\n# guide"),
            "marqueur mal écrit",
        ),
    ],
)
def test_invalid_sources_are_explained_in_french(tmp_path, broken, fragment):
    with pytest.raises(CourseError, match=fragment):
        read_module(write(tmp_path, broken))


REVEALED = (
    GOOD
    + """
# %% [markdown] reveal="x"
# La réponse était 1 : voici pourquoi.

# %% [markdown] reveal="x"
# Et ce qu'on en retient.
"""
)


def test_a_passage_that_comments_on_an_answer_is_a_read_only_cell(tmp_path):
    """reveal= cells: read-only for nbgrader (restored at autograde), named after the question."""
    cells = read_module(write(tmp_path, REVEALED)).notebook.cells
    first, second = cells[-2:]
    assert first.metadata["nbgrader"] == {
        "grade": False,
        "grade_id": "x_reveal_1",
        "locked": True,
        "schema_version": 3,
        "solution": False,
        "task": False,
    }
    assert second.metadata["nbgrader"]["grade_id"] == "x_reveal_2"
    assert first.metadata[_source.REVEAL] == "x" and first.cell_type == "markdown"


@pytest.mark.parametrize(
    ("broken", "fragment"),
    [
        (REVEALED.replace('reveal="x"\n# La', 'reveal="y"\n# La'), "aucune question"),
        (REVEALED.replace('reveal="x"\n# La', 'reveal="x" written="x"\n# La'), "à la fois"),
        (REVEALED.replace("# La réponse", "# ### BEGIN SOLUTION\n# La réponse"), "sans zone"),
    ],
)
def test_invalid_reveal_cells_are_explained_in_french(tmp_path, broken, fragment):
    with pytest.raises(CourseError, match=fragment):
        read_module(write(tmp_path, broken))


HIDDEN_CODE = (
    GOOD
    + """
# %% reveal="x"
verdict = "x vaut 1"
print(verdict)

# %%
print("suite")
"""
)


def test_code_that_gives_an_answer_away_can_be_a_reveal_cell(tmp_path):
    """reveal= on code (an explorer): read-only for nbgrader, like a Markdown passage."""
    cells = read_module(write(tmp_path, HIDDEN_CODE)).notebook.cells
    hidden = cells[-2]
    assert hidden.cell_type == "code" and hidden.metadata[_source.REVEAL] == "x"
    assert hidden.metadata["nbgrader"]["grade_id"] == "x_reveal_1"
    assert hidden.metadata["nbgrader"]["locked"] and not hidden.metadata["nbgrader"]["grade"]


def test_a_hidden_code_cell_must_not_define_what_later_cells_use(tmp_path):
    """In the evaluated session the cell does not run: a later use would fail there."""
    broken = HIDDEN_CODE.replace('print("suite")', "print(verdict)")
    with pytest.raises(CourseError, match=r"masquée en séance évaluée.*\(verdict\)"):
        read_module(write(tmp_path, broken))
    # Defined again in a cell that always runs: nothing depends on the hidden one.
    redefined = broken.replace('print("suite")', "").replace(
        "# %%\nprint(verdict)", '# %%\nverdict = "?"\nprint(verdict)'
    )
    read_module(write(tmp_path, redefined))


def test_unreadable_source(tmp_path):
    path = tmp_path / "99_bin.py"
    path.write_bytes(b"\xff\xfe\x00not utf8")
    with pytest.raises(CourseError, match="Impossible de lire"):
        read_module(path)


def test_resolve_module_by_prefix_and_errors(tmp_path):
    write(tmp_path, GOOD, "01_un.py")
    write(tmp_path, GOOD, "02_deux.py")
    write(tmp_path, GOOD, "021_pas_un_module.py")
    assert resolve_module(tmp_path, "01").name == "01_un.py"
    assert resolve_module(tmp_path, "02_deux").name == "02_deux.py"
    with pytest.raises(CourseError, match=r"introuvable\. Modules disponibles : 01_un, 02_deux"):
        resolve_module(tmp_path, "03")
    with pytest.raises(CourseError, match="plusieurs modules"):
        resolve_module(tmp_path, "0")
    with pytest.raises(CourseError, match="Dossier des modules introuvable"):
        resolve_module(tmp_path / "absent", "01")


@pytest.mark.parametrize("path", MODULE_PATHS, ids=[p.stem for p in MODULE_PATHS])
def test_sources_are_stable_under_jupytext_round_trip(path):
    """Opening a source in JupyterLab and saving it changes nothing (no volatile metadata)."""
    text = path.read_text(encoding="utf-8")
    notebook = jupytext.reads(text, fmt="py:percent")
    config = jupytext.config.load_jupytext_configuration_file(str(NOTEBOOKS / "jupytext.toml"))
    notebook.metadata["jupytext"] = {
        "notebook_metadata_filter": config.notebook_metadata_filter,
        "cell_metadata_filter": config.cell_metadata_filter,
    }
    assert jupytext.writes(notebook, fmt="py:percent") == text


@pytest.mark.parametrize("path", MODULE_PATHS, ids=[p.stem for p in MODULE_PATHS])
def test_conversion_is_deterministic(path):
    import nbformat

    assert nbformat.writes(read_module(path).notebook) == nbformat.writes(
        read_module(path).notebook
    )


def test_module_name_without_the_sources_comes_from_the_built_course(tmp_path):
    from esn_teach.course import Course, CourseError

    root = make_course(tmp_path / "grading")
    for name in ("01_evaluer", "03_cout", "03_cout_bis"):
        (root / "source" / name).mkdir(parents=True)
        (root / "source" / name / f"{name}.ipynb").write_text("{}", encoding="utf-8")
    course = Course(root, tmp_path / "absent")
    assert course.module_name("01") == "01_evaluer"
    assert course.module_name("03_cout") == "03_cout"  # an exact name wins over prefixes
    with pytest.raises(CourseError, match="plusieurs modules"):
        course.module_name("03")
    with pytest.raises(CourseError, match="introuvable"):
        course.module_name("99")
    with pytest.raises(CourseError, match="Aucun module"):
        Course(make_course(tmp_path / "vide"), tmp_path / "absent").module_name("01")


def test_a_module_read_twice_is_parsed_once_and_each_copy_is_its_own(tmp_path, monkeypatch):
    calls = []
    real = jupytext.reads
    monkeypatch.setattr(jupytext, "reads", lambda *a, **k: calls.append(1) or real(*a, **k))
    monkeypatch.setattr(_source, "_PARSED", {})
    path = tmp_path / MODULE_PATHS[0].name
    path.write_text(MODULE_PATHS[0].read_text(encoding="utf-8"), encoding="utf-8")
    first, second = read_module(path), read_module(path)
    assert len(calls) == 1
    assert first.notebook == second.notebook and first.wrong_answers == second.wrong_answers
    first.notebook.cells[0].source = "changé"  # the build edits cells: the next read is intact
    assert read_module(path).notebook.cells[0].source == second.notebook.cells[0].source
    path.write_text(path.read_text(encoding="utf-8") + "\n# %%\nx = 1\n", encoding="utf-8")
    assert read_module(path).notebook.cells[-1].source == "x = 1"  # an edited file is re-read
    assert len(calls) == 2


def test_hidden_test_lines_leave_out_bare_syntax(tmp_path):
    # « break » turns up in any HTML page (CSS word-break): a leak check on it failed a
    # correct feedback page (module 07's carry-forward loop).
    source = GOOD.replace(
        "assert x == 1\n",
        "assert x == 1\n### BEGIN HIDDEN TESTS\nfor valeur in (1, 2):\n    if x == valeur:\n"
        "        break\n    else:\n        continue\nattendu_secret = 1\n### END HIDDEN TESTS\n",
    )
    from esn_teach.course import hidden_test_lines

    lines = hidden_test_lines(read_module(write(tmp_path, source)))
    assert "attendu_secret = 1" in lines and "if x == valeur:" in lines
    assert not {"break", "else:", "continue"} & set(lines)
