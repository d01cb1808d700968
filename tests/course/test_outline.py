"""Module header: estimated duration, navigation, school values; the course map and glossary."""

from __future__ import annotations

import nbformat
import pytest
from esn_fixtures import NOTEBOOKS, cli, make_course

from esn_teach.course import (
    AFTER_CLASS_HEADING,
    GENERATED,
    SCHOOL_VALUES,
    VALUES_BOX_TITLE,
    Course,
    CourseError,
    estimate_duration,
    read_module,
    values_problems,
)
from esn_teach.course._outline import (
    MINUTES_PER_CODE_CELL,
    MINUTES_PER_EXPLORER,
    MINUTES_PER_QUESTION,
    MINUTES_PER_REFLECTION,
    WORDS_PER_MINUTE,
    outline_markdown,
)
from esn_teach.course._pipeline import _scoring_markdown


def _md(text: str, **meta) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_markdown_cell(text)
    cell.metadata.update(meta)
    return cell


def _code(text: str, **meta) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(text)
    cell.metadata.update(meta)
    return cell


def _notebook(*cells) -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = list(cells)
    return notebook


def test_school_values_are_the_schools_exact_names():
    assert list(SCHOOL_VALUES) == [f"V{n}" for n in range(1, 8)]
    assert SCHOOL_VALUES["V4"] == "Prudence, esprit critique et inclusivité"
    assert SCHOOL_VALUES["V5"] == "Utilisation responsable et éclairée"


def test_duration_counts_each_part_with_its_rate():
    words = " ".join(["mot"] * (2 * WORDS_PER_MINUTE))  # two minutes of reading
    question = {"nbgrader": {"grade": True, "solution": False, "grade_id": "x_tests"}}
    answer = {"nbgrader": {"grade": False, "solution": True, "grade_id": "x"}}
    written = {"nbgrader": {"grade": True, "solution": True, "grade_id": "r"}}
    notebook = _notebook(
        _md(words + " <details><summary>Indice</summary>" + "caché " * 500 + "</details>"),
        _code("x = ...", **answer),
        _code("checks.check_number(x)", **question),
        _code("show_explorer(explorer)"),
        _code("print(1)"),
        _md("Séance évaluée : …", **{GENERATED: "evaluation"}),  # generated: not counted
        _md(f"{AFTER_CLASS_HEADING}\n\nÀ faire chez vous."),
        _md("Réponse", **written),
        _md("## Sources\n\n" + "référence " * 1000),
    )
    duration = estimate_duration(notebook)
    minutes = 2 + MINUTES_PER_QUESTION + MINUTES_PER_EXPLORER + MINUTES_PER_CODE_CELL
    assert duration.in_class == 5 * -(-int(minutes) // 5)
    assert (duration.questions, duration.explorers, duration.code_cells) == (1, 1, 1)
    assert duration.words == 2 * WORDS_PER_MINUTE
    assert duration.after_class == 5 * -(-int(MINUTES_PER_REFLECTION + 1) // 5)
    assert "après la séance" in duration.describe()


def test_an_evaluated_session_does_not_count_the_passages_it_shows_after_grading():
    from esn_teach.course import REVEAL
    from esn_teach.course._source import SESSION

    words = " ".join(["mot"] * WORDS_PER_MINUTE)
    passage = _md(" ".join(["commentaire"] * 400), **{REVEAL: "x"})
    formative = _notebook(_md(words), passage)
    evaluated = _notebook(_md(words), passage)
    evaluated.metadata[SESSION] = "evaluation"
    # The evaluated release shows a one-line note instead; the formative one, the passage.
    assert estimate_duration(formative).words == WORDS_PER_MINUTE + 400
    assert estimate_duration(evaluated).words == WORDS_PER_MINUTE


def test_values_must_be_named_exactly_and_boxed():
    box = _md(
        f"> **{VALUES_BOX_TITLE}**\n> - **V4 — Prudence, esprit critique et inclusivité** : …"
    )
    assert values_problems(_notebook(box)) == []
    wrong = _md("Guide : 1 point (V6, justice et équité).")
    problems = values_problems(_notebook(box, wrong))
    assert len(problems) == 1 and "V6 — Intégrité et transparence" in problems[0]
    assert any(VALUES_BOX_TITLE in p for p in values_problems(_notebook(wrong)))
    assert values_problems(_notebook(box, _md("Voir V1 (Priorité à la relation humaine)."))) == []


@pytest.mark.slow
def test_built_modules_carry_header_and_release_writes_course_pages(tmp_path):
    root = make_course(tmp_path / "grading")
    first, second = "01_evaluer_test_diagnostique", "03_cout_et_besoin"
    assert cli(root, "build", "--no-validate", first, second) == 0
    course = Course(root, NOTEBOOKS)
    built = nbformat.read(course.source_path(second), as_version=4)
    header = built.cells[1]
    assert header.metadata[GENERATED] == "outline"
    assert "**Durée estimée** : environ" in header.source
    assert f"../{first}/{first}.ipynb" in header.source  # previous module
    assert "../carte_du_cours.ipynb" in header.source and "../glossaire.ipynb" in header.source
    # A wrong answer's red box is explained before any question (reviews 13 and 14 d20).
    assert "Un message ✘ sur fond rouge n'est pas une panne du notebook" in header.source
    checks_cells = [
        c
        for c in built.cells
        if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("grade")
    ]
    assert checks_cells and all(c.metadata["jupyter"]["source_hidden"] for c in checks_cells)

    # Released from the unvalidated build: every module's solution is executed by the graded
    # course's build (tests/modules), not again here for the pages.
    assert cli(root, "release", first) == 0
    pages = course.course_pages()
    assert all(page.is_file() for page in pages)
    course_map = nbformat.read(pages[0], as_version=4)
    text = "\n".join(cell.source for cell in course_map.cells)
    assert f"({first}/{first}.ipynb)" in text and "En séance" in text
    assert "glossaire.ipynb" in text
    glossary = "\n".join(c.source for c in nbformat.read(pages[1], as_version=4).cells)
    assert "Sensibilité" in glossary

    # The workspace gets the pages, and a newer course map replaces the old one; a
    # student's notebook is never overwritten.
    workspace = tmp_path / "workspace"
    course.workspace(workspace)
    student = workspace / first / f"{first}.ipynb"
    student.write_text(student.read_text(encoding="utf-8").replace("Madame L.", "Mme L."))
    (workspace / "carte_du_cours.ipynb").write_text("{}", encoding="utf-8")
    course.workspace(workspace)
    assert "Mme L." in student.read_text(encoding="utf-8")
    assert nbformat.read(workspace / "carte_du_cours.ipynb", as_version=4).cells


SCORED = """# %% [markdown]
# # Module noté

# %% answer="a"
a = ...
### BEGIN SOLUTION
a = {"x": "oui", "y": "non"}
### END SOLUTION

# %% tests="a" points=2
checks.check_choices(a, name="a", options=["oui", "non"], points=2,
                     expected={"x": "oui", "y": "non"})

# %% [markdown]
# ## Après la séance

# %% answer="b"
b = ...
### BEGIN SOLUTION
b = 0.25
### END SOLUTION

# %% tests="b" points=1.5
checks.check_number(b, name="b", expected=0.25, points=1.5)

# %% [markdown] written="avis" points=3
# ### BEGIN SOLUTION
# guide
# ### END SOLUTION
"""


def test_header_states_points_in_class_and_after_and_the_partial_credit_rules(tmp_path):
    """Reviewers found the scoring rules hidden: they are in every module's header."""
    path = tmp_path / "99_note.py"
    path.write_text(SCORED, encoding="utf-8")
    text = _scoring_markdown(read_module(path))
    assert text.startswith(
        "**Notation** : questions autocorrigées, 2 points en séance et 1,5 point après la "
        "séance ; réflexion rédigée, 3 points, notée d'après un guide de correction."
    )
    assert "chaque item faux en reprend une partie" in text
    assert (
        "trop arrondi, avec une décimale de moins que demandé (0,68 pour 0,682 ; un entier "
        "quand la question se corrige à 0,1 près), rapporte la moitié des points" in text
    )
    # Above a certificate's box, the line sends to it for what the certificate counts.
    boxed = _scoring_markdown(read_module(path), certificate=True)
    assert "notée d'après un guide de correction (ce qui compte pour le certificat : voir " in boxed
    # No certificate requiring the module counts the reflection: the line says it first
    # (module 14's lecturer and student, d23: « 4 points » read before the box).
    apart = _scoring_markdown(read_module(path), certificate=True, reflection_counted=False)
    assert (
        "réflexion rédigée, hors certificat : elle ne compte que si votre enseignant·e annonce "
        "la corriger (3 points, d'après un guide de correction)" in apart
    )
    assert "ce qui compte pour le certificat" not in apart
    # graded="in-class" on the after-class heading: the grade counts the in-class part and
    # the reflection; the autograded questions after the session are practice (review 04 d16).
    heading = "# %% [markdown]\n# ## Après la séance"
    assert heading in SCORED
    path.write_text(
        SCORED.replace(heading, '# %% [markdown] graded="in-class"\n# ## Après la séance')
    )
    practice_module = read_module(path)
    # The built notebook says it: the in-class export counts the reflection (review 04 d18).
    assert practice_module.notebook.metadata["esn_graded"] == "in-class"
    practice = _scoring_markdown(practice_module)
    assert practice.startswith(
        "**Notation** : questions autocorrigées de la séance, 2 points ; réflexion rédigée, "
        "3 points, notée d'après un guide de correction. La note porte sur ces 5 points : les "
        "questions autocorrigées faites après la séance (1,5 point) sont un entraînement, corrigé "
        "mais hors de la note."
    ), practice
    # Evaluated, they are not corrected: the copy is collected before them and the checks
    # only look at the form (module 06's lecturer, d22, read « corrigé »).
    evaluated = _scoring_markdown(read_module(path, session="evaluation"))
    assert "corrigé" not in evaluated.split("entraînement")[1].split("\n")[0], evaluated
    assert (
        "sont un entraînement hors de la note, que la copie ramassée à la fin de la séance ne "
        "contient pas ; leurs vérifications disent seulement si la réponse est bien écrite."
        in evaluated
    )
    path.write_text(SCORED.replace(heading, '# %% [markdown] graded="yes"\n# ## Après la séance'))
    with pytest.raises(CourseError, match="graded="):
        read_module(path)
    path.write_text(SCORED, encoding="utf-8")
    plain = SCORED.replace(", points=2,", ",").replace(", points=1.5)", ")")
    path.write_text(plain, encoding="utf-8")
    text = _scoring_markdown(read_module(path))
    assert "item" not in text and "arrondi" not in text


def test_the_evaluated_header_says_how_a_reflection_after_the_session_is_handed_in(tmp_path):
    """Reviews 08, 11 and 13 d20: the graded reflection sat in the notebook collected at the
    end of the session while the module said « Moodle » and the certificate box « .ipynb »;
    the reflection got lost or was marked against an empty cell. One rule, the README's."""
    path = tmp_path / "99_note.py"
    heading = "# %% [markdown]\n# ## Après la séance"
    path.write_text(SCORED, encoding="utf-8")
    # The formative version is handed in whole: no such line.
    assert "**Rendre**" not in _scoring_markdown(read_module(path))
    # Autograded questions after the session count in the grade: the teacher chooses.
    chosen = _scoring_markdown(read_module(path, session="evaluation"))
    assert "**Rendre** : votre enseignant·e dit au début de la séance comment la copie" in chosen
    assert "Soit vous rendez le notebook complet, réflexion comprise" in chosen
    # graded="in-class": collected at the end of the session, the reflection apart.
    path.write_text(
        SCORED.replace(heading, '# %% [markdown] graded="in-class"\n# ## Après la séance'),
        encoding="utf-8",
    )
    collected = _scoring_markdown(read_module(path, session="evaluation"))
    assert (
        "**Rendre** : enregistrez le notebook ; la copie est ramassée à la fin de la séance. "
        "Ne la déposez pas une seconde fois après la séance. "
        "La réflexion se rédige après la séance et se rend à part, comme votre enseignant·e "
        "l'indique (par exemple un devoir Moodle), avant la date annoncée" in collected
    )
    # A certificate's box says it instead (tests/certificates); a reflection written in
    # class is in the collected copy: no line.
    assert "**Rendre**" not in _scoring_markdown(
        read_module(path, session="evaluation"), certificate=True
    )
    in_class = SCORED.replace(heading + "\n", "").replace(
        "# guide\n# ### END SOLUTION\n", "# guide\n# ### END SOLUTION\n\n" + heading + "\n"
    )
    path.write_text(in_class, encoding="utf-8")
    assert "**Rendre**" not in _scoring_markdown(read_module(path, session="evaluation"))


def test_folded_words_are_left_out_of_the_estimate_but_counted():
    """Module 03's student read about 3 700 words where the estimate counted 1 925: the
    folded reading is reported beside the estimate (« esn-teach outline »)."""
    folded = " ".join(["mot"] * 30)
    duration = estimate_duration(
        _notebook(_md(f"Trois mots visibles.\n<details><summary>Plus</summary>{folded}</details>"))
    )
    assert duration.words == 3  # « Trois mots visibles »: the folded part and its title out
    assert duration.folded_words == 31


def test_the_header_says_what_a_check_mark_means_in_each_version():
    """Review 05 d20: « ✔ veut dire juste » stood above evaluated checks that only say the
    answer is recorded and well formed (« ✔ Réponse enregistrée »)."""
    duration = estimate_duration(_notebook(_md("Un texte court.")))
    formative = outline_markdown(duration, previous=None, following=None)
    evaluated = outline_markdown(duration, previous=None, following=None, evaluation=True)
    assert "✔ veut dire juste" in formative and "pas** qu'elle est juste" not in formative
    assert "✔ veut dire juste" not in evaluated
    assert "« → Réponse enregistrée » veut dire que votre réponse est enregistrée" in evaluated
    assert "bien écrite, **pas** qu'elle est juste" in evaluated
    for header in (formative, evaluated):
        assert "Un message ✘ sur fond rouge n'est pas une panne du notebook" in header


def test_outline_reports_the_evaluated_session_of_a_module_with_two_versions(tmp_path, capsys):
    """The 60-minute rule is about the graded session: module 11's author estimated it by
    hand, the command gave the formative version's estimate only."""
    import shutil

    from esn_fixtures import REPO, cli

    path = tmp_path / "99_note.py"
    path.write_text(
        SCORED.replace(
            "# %% [markdown]\n# # Module noté",
            '# %% [markdown]\n# # Module noté\n\n# %% [markdown] session="evaluation"\n'
            "# " + " ".join(["mot"] * 5000),
        ),
        encoding="utf-8",
    )
    (tmp_path / "grading").mkdir()
    shutil.copy(REPO / "grading" / "nbgrader_config.py", tmp_path / "grading")
    status = cli(tmp_path / "grading", "outline", "99", notebooks=tmp_path)
    out = capsys.readouterr().out
    formative, evaluated = out.splitlines()[:2]
    assert formative.startswith("99_note : environ ") and "séance évaluée" not in formative
    assert evaluated.startswith("  séance évaluée : environ ")
    # 5 000 more words in the evaluated version alone: too long, said and failed.
    assert "trop long" in out and status == 1
