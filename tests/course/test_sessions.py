"""Questions of their own in the evaluated session (``session=`` cells).

The formative copy names the right answers of its questions; an evaluated session
that asks the same ones can be answered from it. A module may therefore give some
questions other cases in the evaluated session: both versions keep the same graded
cells (nbgrader's gradebook holds one at a time), and autograde refuses copies of
the version not currently built.
"""

from __future__ import annotations

import nbformat
import pytest
from esn_fixtures import answer_cell, cli, make_course, submit

from esn_teach import checks
from esn_teach.course import Course, CourseError, read_module
from esn_teach.course._evaluation import submission_session
from esn_teach.course._source import SESSION, session_text

MODULE = "02_deux_versions"

SOURCE = f"""# %% [markdown]
# # Module à deux versions

# %%
from esn_teach import checks

# %% [markdown] session="formative"
# ### Question 1 — Le patient A
# Faut-il l'appeler ?

# %% [markdown] session="evaluation"
# ### Question 1 — La patiente B
# Faut-il l'appeler ?

# %% answer="cas" session="formative"
cas = ...
### BEGIN SOLUTION
cas = "oui"
### END SOLUTION

# %% tests="cas" points=1 session="formative"
checks.check_choice(cas, name="cas", options=["oui", "non"],
                    digest={checks.answer_digest("oui", name="cas")!r})
### BEGIN HIDDEN TESTS
checks.check_choice(cas, name="cas", options=["oui", "non"], expected="oui")
### END HIDDEN TESTS

# %% mistake="cas" session="formative"
# message : n'est pas la bonne réponse
cas = "non"

# %% answer="cas" session="evaluation"
cas = ...
### BEGIN SOLUTION
cas = "non"
### END SOLUTION

# %% tests="cas" points=1 session="evaluation"
checks.check_choice(cas, name="cas", options=["oui", "non"],
                    digest={checks.answer_digest("non", name="cas")!r})
### BEGIN HIDDEN TESTS
checks.check_choice(cas, name="cas", options=["oui", "non"], expected="non")
### END HIDDEN TESTS

# %% mistake="cas" session="evaluation"
# message : n'est pas la bonne réponse
cas = "oui"
"""


def _write(folder, text=SOURCE):
    folder.mkdir(exist_ok=True)
    path = folder / f"{MODULE}.py"
    path.write_text(text, encoding="utf-8")
    return path


def test_each_version_keeps_its_own_cells_and_the_same_graded_cells(tmp_path):
    path = _write(tmp_path)
    formative = read_module(path)
    evaluation = read_module(path, session="evaluation")
    assert formative.has_sessions and evaluation.has_sessions
    text = {
        m.session: "\n".join(c.source for c in m.notebook.cells) for m in (formative, evaluation)
    }
    assert "Le patient A" in text["formative"] and "patiente B" not in text["formative"]
    assert "La patiente B" in text["evaluation"] and "patient A" not in text["evaluation"]
    assert formative.answers == evaluation.answers == {"cas": 1.0}
    assert [m.code for m in evaluation.wrong_answers] == ['cas = "oui"']
    assert evaluation.notebook.metadata[SESSION] == "evaluation"
    # A module without session= cells is unchanged, and says nothing about a version.
    plain = read_module(
        _write(
            tmp_path,
            SOURCE.replace(' session="formative"', "").split(
                '# %% [markdown] session="evaluation"'
            )[0],
        )
    )
    assert not plain.has_sessions and SESSION not in plain.notebook.metadata


def test_one_versions_text_holds_nothing_of_the_other(tmp_path):
    """What a self-paced copy carries for selfgrade (review 09 d19: the whole source, with
    the evaluated session's keys and hidden tests, only encoded)."""
    formative = session_text(SOURCE, "formative")
    assert 'expected="non"' not in formative and "patiente B" not in formative
    assert "session=" not in formative
    alone = read_module(_write(tmp_path, formative))
    whole = read_module(_write(tmp_path / "entier"), session="formative")
    assert not alone.has_sessions
    assert [(c.cell_type, c.source) for c in alone.notebook.cells] == [
        (c.cell_type, c.source) for c in whole.notebook.cells
    ]
    assert 'expected="oui"' not in session_text(SOURCE, "evaluation")
    with pytest.raises(ValueError):
        session_text(SOURCE, "autonome")


@pytest.mark.parametrize(
    ("broken", "fragment"),
    [
        (
            SOURCE.replace('points=1 session="evaluation"', 'points=2 session="evaluation"'),
            "mêmes cellules notées",
        ),
        (
            SOURCE.replace('session="evaluation"\n# ### Q', 'session="examen"\n# ### Q'),
            'écrivez session="formative"',
        ),
    ],
)
def test_inconsistent_versions_are_refused_in_french(tmp_path, broken, fragment):
    with pytest.raises(CourseError, match=fragment):
        read_module(_write(tmp_path, broken))


def test_a_copy_says_which_version_it_comes_from():
    notebook = nbformat.v4.new_notebook()
    assert submission_session(notebook) == "formative"
    notebook.metadata[SESSION] = "evaluation"
    assert submission_session(notebook) == "evaluation"
    lost = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("x", id="esn-evaluation")])
    assert submission_session(lost) == "evaluation"  # metadata lost by an editor: the banner


@pytest.mark.slow
def test_the_evaluated_session_asks_its_own_cases_and_is_graded_on_them(tmp_path, capsys):
    notebooks = tmp_path / "notebooks"
    _write(notebooks)
    root = make_course(tmp_path / "grading")
    assert cli(root, "build", MODULE, notebooks=notebooks) == 0
    assert cli(root, "release", MODULE, notebooks=notebooks) == 0
    course = Course(root, notebooks)
    text = course.release_path(MODULE).read_text(encoding="utf-8")
    assert "Le patient A" in text and "patiente B" not in text
    assert course.built_session(MODULE) == "formative"

    assert cli(root, "release", MODULE, "--evaluation", notebooks=notebooks) == 0
    released = nbformat.read(course.release_path(MODULE), as_version=4)
    text = nbformat.writes(released)
    assert "La patiente B" in text and "patient A" not in text
    assert course.built_session(MODULE) == "evaluation"
    assert submission_session(released) == "evaluation"
    for student, answer in (("juste", '"non"'), ("copie_du_formatif", '"oui"')):
        copy_ = nbformat.reads(nbformat.writes(released), as_version=4)
        answer_cell(copy_, "cas").source = f"cas = {answer}"
        submit(root, student, MODULE, copy_)
    assert cli(root, "autograde", MODULE, notebooks=notebooks) == 0
    grades = {
        s: course.grades(MODULE, s).grades["cas_tests"][0] for s in ("juste", "copie_du_formatif")
    }
    assert grades == {"juste": 1.0, "copie_du_formatif": 0.0}  # the formative key is wrong here

    # A hostile copy: an evaluated copy stripped of its version's marks (metadata, banner,
    # form checks' note). Nothing is graded, the copy is named, the others can be graded.
    hostile = nbformat.reads(nbformat.writes(released), as_version=4)
    hostile.metadata.pop(SESSION)
    hostile.cells = [c for c in hostile.cells if c.get("id") != "esn-evaluation"]
    for cell in hostile.cells:
        cell.source = cell.source.replace("Séance évaluée", "Séance")
    answer_cell(hostile, "cas").source = 'cas = "non"'
    submit(root, "marque_perdue", MODULE, hostile)
    capsys.readouterr()
    assert cli(root, "autograde", MODULE, "--force", notebooks=notebooks) != 0
    out = capsys.readouterr()
    assert "Rien n'a été corrigé" in out.err + out.out and "marque_perdue" in out.err + out.out
    with pytest.raises(CourseError, match="Pas de note"):
        course.grades(MODULE, "marque_perdue")  # nothing recorded for it
    assert cli(root, "autograde", MODULE, "--student", "juste", notebooks=notebooks) == 0

    # Released again in its formative version: the evaluated copies are not graded on it.
    assert cli(root, "release", MODULE, notebooks=notebooks) == 0
    capsys.readouterr()
    assert cli(root, "autograde", MODULE, "--force", notebooks=notebooks) != 0
    out = capsys.readouterr()
    assert "Rien n'a été corrigé" in out.out + out.err
    assert f"esn-teach release {MODULE} --evaluation" in out.out + out.err
    assert course.grades(MODULE, "juste").grades["cas_tests"][0] == 1.0
    assert not checks.passed("cas")  # nothing ran in this process


def test_saving_from_jupyterlab_keeps_the_session_key(tmp_path):
    """jupytext writes back only the cell metadata its filter keeps (notebooks/jupytext.toml)."""
    import jupytext
    from esn_fixtures import NOTEBOOKS

    notebook = jupytext.reads(SOURCE, fmt="py:percent")
    config = jupytext.config.load_jupytext_configuration_file(str(NOTEBOOKS / "jupytext.toml"))
    notebook.metadata["jupytext"] = {
        "notebook_metadata_filter": config.notebook_metadata_filter,
        "cell_metadata_filter": config.cell_metadata_filter,
    }
    assert 'session="evaluation"' in jupytext.writes(notebook, fmt="py:percent")
