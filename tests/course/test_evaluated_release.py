"""The release for an evaluated session: checks of form only, grades by the hidden tests."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from esn_fixtures import (
    MODULE_PATHS,
    NOTEBOOKS,
    answer_cell,
    cli,
    error_text,
    make_course,
    submit,
    test_cell,
)

from esn_teach import checks, law
from esn_teach.checks import IncorrectAnswer, NotAttempted, Outcome
from esn_teach.course import REVEAL, Course, read_module
from esn_teach.course._evaluation import (
    EVALUATION_BANNER,
    EVALUATION_NOTE,
    PRACTICE_NOTE,
    REVEAL_CODE,
    REVEAL_NOTE,
    answer_leaks,
    evaluation_check,
    output_leaks,
    reveal_echoes,
    reveal_note,
    submission_session,
    to_evaluation,
)
from esn_teach.course._outline import question_titles
from esn_teach.course._selfpaced import EVALUATED_PROGRESS, add_progress

MODULE = "01_evaluer_test_diagnostique"


@pytest.mark.parametrize(
    ("visible", "expected"),
    [
        (
            'checks.check_number(se, name="se", digest="abc")',
            "checks.check_form(se, name='se', kind='number', decimals=3)",
        ),
        (
            'checks.check_number(se, name="se", digest="abc", decimals=2)',
            "checks.check_form(se, name='se', kind='number', decimals=2)",
        ),
        # The quantity's range (a definition, not the answer) is kept; a computed one is not.
        (
            'checks.check_number(se, name="se", digest="abc", bounds=(0, 1))',
            "checks.check_form(se, name='se', kind='number', decimals=3, bounds=(0, 1))",
        ),
        (
            'checks.check_number(se, name="se", digest="abc", bounds=(-5, 5), '
            "percent_is_mistake=False)",
            "checks.check_form(se, name='se', kind='number', decimals=3, bounds=(-5, 5), "
            "percent_is_mistake=False)",
        ),
        (
            'checks.check_number(se, name="se", digest="abc", bounds=(0, n_appels))',
            "checks.check_form(se, name='se', kind='number', decimals=3)",
        ),
        (
            "checks.require_number(se, name='se')",
            "checks.check_form(se, name='se', kind='number')",
        ),
        # A count: the form check refuses 3,5 patients too.
        (
            'checks.check_number(se, name="se", digest="abc", bounds=(1, 14), integer=True)',
            "checks.check_form(se, name='se', kind='number', decimals=3, bounds=(1, 14), "
            "integer=True)",
        ),
        # require_number first (to print the value on success), then the check_number
        # that states precision and range: the form check keeps both (module 14).
        (
            "valeur = checks.require_number(se, name='se')\n"
            'checks.check_number(se, name="se", digest="abc", decimals=2, bounds=(0, 1))',
            "checks.check_form(se, name='se', kind='number', decimals=2, bounds=(0, 1))",
        ),
        (
            'checks.check_choice(se, name="se", options=["licite", "illicite"], digest="x")',
            "checks.check_form(se, name='se', kind='choice', options=['licite', 'illicite'])",
        ),
        (
            'checks.check_choices(se, name="se", options=["oui", "non"], digests={"a": "x"})',
            "checks.check_form(se, name='se', kind='choices', options=['oui', 'non'], items=['a'])",
        ),
        # Options that are not a literal list cannot be copied safely: form "any".
        (
            'checks.check_choice(se, name="se", options=OPTIONS, digest="x")',
            "checks.check_form(se, name='se', kind='any')",
        ),
        (
            'checks.expect(se > 0.5, "trop bas", name="se")',
            "checks.check_form(se, name='se', kind='any')",
        ),
        ("this is ( not python", "checks.check_form(se, name='se', kind='any')"),
        # Written as a form check by the module (each student's own cases: no digest).
        (
            'checks.check_form(se, name="se", kind="choice", options=["a", "b"])',
            "checks.check_form(se, name='se', kind='choice', options=['a', 'b'])",
        ),
        (
            'checks.check_form(se, name="se", kind="number", decimals=2, bounds=(0, 1))',
            "checks.check_form(se, name='se', kind='number', decimals=2, bounds=(0, 1))",
        ),
        # A slider's grid and the names a calculation may use are form: kept.
        (
            'checks.check_form(se, name="se", kind="number", decimals=2, bounds=(0, 1), '
            "on_grid=True)",
            "checks.check_form(se, name='se', kind='number', decimals=2, bounds=(0, 1), "
            "on_grid=True)",
        ),
        (
            'checks.check_form(se, name="se", kind="number", decimals=3, '
            'written_from={"vp", "fn"})',
            "checks.check_form(se, name='se', kind='number', decimals=3, "
            "written_from=['fn', 'vp'])",
        ),
        # check_choices: its options and item names (never the digests), literal in the call…
        (
            'checks.check_choices(se, name="se", options=["a", "b"], digests={"x": "1", "y": "2"})',
            "checks.check_form(se, name='se', kind='choices', options=['a', 'b'], "
            "items=['x', 'y'])",
        ),
        # … or bound once to a name earlier in the cell.
        (
            'OPTIONS = ["a", "b"]\nempreintes = {"x": "d1"}\n'
            'checks.check_choices(se, name="se", options=OPTIONS, digests=empreintes)',
            "checks.check_form(se, name='se', kind='choices', options=['a', 'b'], items=['x'])",
        ),
        # Keys that are not a literal: the options only.
        (
            'checks.check_choices(se, name="se", options=("a", "b"), digests=DIGESTS)',
            "checks.check_form(se, name='se', kind='choices', options=['a', 'b'])",
        ),
        # A name bound twice is not a literal one can trust.
        (
            'OPTIONS = ["a"]\nOPTIONS = ["a", "b"]\n'
            'checks.check_choices(se, name="se", options=OPTIONS, digests={"x": "d"})',
            "checks.check_form(se, name='se', kind='any')",
        ),
    ],
)
def test_evaluation_check_keeps_only_the_form(visible, expected):
    cell = evaluation_check(f"# Vérification\nx = 1\n{visible}\n", "se")
    assert cell.splitlines()[-1] == expected
    assert "digest" not in cell and "Séance évaluée" in cell


def test_evaluation_check_keeps_the_normalisation_of_the_answer():
    # « art. 9.2.j » is graded right by the hidden test, which normalises it first: the form
    # check must normalise it too, or it would call a right answer ill-formed.
    visible = (
        "ex = law.normalise_answer(ex)  # « art. 9.2.h »…\n"
        "other = law.normalise_answer(ex)\n"
        'checks.check_choice(ex, name="ex", options=["9(2)(a)", "9(2)(j)"], digest="d")\n'
    )
    lines = evaluation_check(visible, "ex").splitlines()
    assert lines[1:] == [
        "ex = law.normalise_answer(ex)",
        "checks.check_form(ex, name='ex', kind='choice', options=['9(2)(a)', '9(2)(j)'])",
    ]
    namespace = {"law": law, "checks": checks, "ex": "art. 9.2.j"}
    exec("\n".join(lines), namespace)  # well-formed, as the hidden test reads it
    assert namespace["ex"] == "9(2)(j)"


def test_check_form_says_nothing_about_correctness(capsys):
    assert checks.check_form(0.123, name="se", kind="number") is Outcome.RECORDED
    assert "Réponse enregistrée (se)" in capsys.readouterr().out
    # A rounded copy (0,68 for 0,682) would score 0 at the question's 3 decimals: the same
    # reminder for every number, right or wrong, short or long, so it reveals nothing.
    for value in (0.68, 0.5, -1.25, 0.682, 0.79545, -42, 1.0, 3):
        checks.check_form(value, name="se", kind="number", decimals=3)
        out = capsys.readouterr().out
        assert "Rappel : la correction compare à 3 décimales." in out
        assert "Attention" not in out and "moins de" not in out
    for value in (57, 56.8, 56.83):
        checks.check_form(value, name="se", kind="number", decimals=1)
        assert "compare à 1 décimale." in capsys.readouterr().out
    with pytest.raises(IncorrectAnswer, match="nombre entier") as caught:
        checks.check_form(3.5, name="k", kind="number", integer=True)
    assert caught.value.form
    assert checks.check_form(3.0, name="k", kind="number", integer=True) is Outcome.RECORDED
    # A count has no decimals (module 06's Q4): its reminder speaks of a whole number, for
    # every count, right or wrong.
    for value in (60, 59, 0):
        checks.check_form(value, name="k", kind="number", decimals=3, integer=True)
        out = capsys.readouterr().out
        assert "Rappel : on attend un nombre entier (un compte fait à la main" in out
        assert "décimales" not in out and "Écrivez plutôt le calcul" not in out
    with pytest.raises(IncorrectAnswer, match="nombre entier"):
        checks.check_number(3.5, name="k", expected=3, integer=True)
    with pytest.raises(NotAttempted):
        checks.check_form(..., name="se", kind="number")
    # A percentage given for a proportion: badly formed, said before grading (module 05's
    # review: 18.16 for 0.18 was « recorded », then scored 0).
    with pytest.raises(IncorrectAnswer, match="pourcentage") as caught:
        checks.check_form(18.16, name="se", kind="number", bounds=(0, 1))
    assert caught.value.form
    with pytest.raises(IncorrectAnswer, match="hors de l'intervalle possible"):
        checks.check_form(-0.2, name="se", kind="number", bounds=(0, 1))
    with pytest.raises(IncorrectAnswer, match="hors de l'intervalle possible"):
        checks.check_form(18.16, name="se", kind="number", bounds=(0, 1), percent_is_mistake=False)
    assert checks.check_form(0.18, name="se", kind="number", bounds=(0, 1)) is Outcome.RECORDED
    with pytest.raises(IncorrectAnswer, match="on attend un nombre"):
        checks.check_form("0,5", name="se", kind="number")
    with pytest.raises(IncorrectAnswer, match="l'une des options"):
        checks.check_form("peut-être", name="v", kind="choice", options=["licite", "illicite"])
    assert checks.check_form("Illicite ", name="v", kind="choice", options=["licite", "illicite"])
    # The same option matching as check_choice: what the graded check accepts is well-formed.
    role = ["quasi-identifiant", "identifiant direct"]
    assert checks.check_form("quasi identifiant", name="r", kind="choice", options=role)
    assert checks.check_form([1, 2], name="v") is Outcome.RECORDED
    # kind="choices": a dictionary whose every item is one of the options, right or wrong.
    roles = {"name": "r", "kind": "choices", "options": ["licite", "illicite"], "items": ["a", "b"]}
    assert checks.check_form({"a": "Licite", "b": "licite"}, **roles) is Outcome.RECORDED
    assert checks.check_form({"a": "illicite", "b": "licite"}, **roles) is Outcome.RECORDED
    # Some items left « ... »: recorded, the blank ones named (review 07 d18: the hidden
    # partial credit counts the given items); every item blank: not attempted.
    capsys.readouterr()
    assert checks.check_form({"a": "licite", "b": ...}, **roles) is Outcome.RECORDED
    assert "« b »" in capsys.readouterr().out
    with pytest.raises(NotAttempted, match="« a », « b »"):
        checks.check_form({"a": ..., "b": ...}, **roles)
    with pytest.raises(IncorrectAnswer, match="l'une des options") as error:
        checks.check_form({"a": "peut-être", "b": ...}, **roles)
    assert error.value.form
    with pytest.raises(IncorrectAnswer, match="dictionnaire avec ces 2 clés"):
        checks.check_form({"a": "licite"}, **roles)
    with pytest.raises(IncorrectAnswer, match="dictionnaire"):
        checks.check_form("licite", name="r", kind="choices", options=["licite"])
    # A dictionary of choices (check_choices): each given item one of the options.
    capsys.readouterr()
    assert checks.check_form(
        {"un mois": "quasi-identifiant", "un an": ...}, name="d", kind="choices", options=role
    )
    assert "« un an »" in capsys.readouterr().out
    with pytest.raises(NotAttempted):
        checks.check_form({"a": ...}, name="d")  # whatever the kind
    with pytest.raises(IncorrectAnswer, match=r"l'une des options"):
        checks.check_form({"a": "peut-être"}, name="d", kind="choices", options=role)
    with pytest.raises(IncorrectAnswer, match="dictionnaire"):
        checks.check_form("quasi-identifiant", name="d", kind="choices", options=role)
    assert checks.check_form({"a": "Quasi identifiant"}, name="d", kind="choices", options=role)
    with pytest.raises(ValueError):
        checks.check_form(1, name="v", kind="texte")


@pytest.mark.slow
def test_evaluated_release_grades_with_the_hidden_tests(tmp_path, capsys):
    root = make_course(tmp_path / "grading")
    # The solution is executed (build) by the graded course; the evaluated blank version is
    # executed here (release validates it) and both are graded below.
    assert cli(root, "build", "--no-validate", MODULE) == 0
    assert cli(root, "release", MODULE, "--evaluation") == 0
    assert "séance évaluée" in capsys.readouterr().out
    course = Course(root, NOTEBOOKS)
    released = nbformat.read(course.release_path(MODULE), as_version=4)
    assert released.cells[1].source == EVALUATION_BANNER
    check_cells = [
        cell
        for cell in released.cells
        if cell.metadata.get("nbgrader", {}).get("grade") and cell.cell_type == "code"
    ]
    assert check_cells
    for cell in check_cells:
        assert "checks.check_form(" in cell.source and "digest" not in cell.source
        assert "Mistake" not in cell.source

    # A copy whose first answer is a plausible wrong value: the student's own check says it is
    # well-formed; the grade is 0 for that question, and the copy is not taken as tampered.
    wrong = nbformat.reads(nbformat.writes(released), as_version=4)
    answer_cell(wrong, "sensibilite").source = "sensibilite = 0.5"
    source = nbformat.read(course.source_path(MODULE), as_version=4)
    submit(root, "solution", MODULE, source)
    submit(root, "mauvaise", MODULE, wrong)
    submit(root, "vierge", MODULE, released)
    assert cli(root, "autograde", MODULE) == 0
    out = capsys.readouterr()
    assert "falsifi" not in out.out + out.err
    module = course.module(MODULE)
    solution = course.grades(MODULE, "solution").grades
    for answer, points in module.answers.items():
        assert solution[f"{answer}_tests"] == (points, points), answer
        assert course.grades(MODULE, "vierge").grades[f"{answer}_tests"] == (0.0, points)
    assert course.grades(MODULE, "mauvaise").grades["sensibilite_tests"][0] == 0.0
    graded = nbformat.read(
        root / "autograded" / "mauvaise" / MODULE / f"{MODULE}.ipynb", as_version=4
    )
    # Graded by the instructor's cell (hidden tests included), not the form check.
    assert "Réponse à revoir" in error_text(test_cell(graded, "sensibilite"))
    # A passage that comments on an answer: a note during the session, the text in the
    # graded copy (and so in the feedback), whatever the student's copy held.
    passages = [cell for cell in source.cells if REVEAL in cell.metadata]
    assert passages, "module 01 marks at least one passage reveal="
    noted = [cell for cell in released.cells if REVEAL in cell.metadata]
    titles = question_titles(released)
    assert [cell.source for cell in noted] == [
        reveal_note(cell.metadata[REVEAL], titles) for cell in passages
    ]
    # Named by the question the student reads, not by the answer's variable.
    assert all("« Question " in cell.source and "`" not in cell.source for cell in noted)
    graded_texts = {cell.source for cell in graded.cells if cell.cell_type == "markdown"}
    assert all(cell.source in graded_texts for cell in passages)

    # Plain nbgrader (the formgrader's Autograde button) would run the copy without the
    # student's identifier, so with another account's cases: it refuses, saves nothing.
    before = {name: course.grades(MODULE, name).grades for name in ("solution", "mauvaise")}
    plain = subprocess.run(
        [str(Path(sys.executable).parent / "nbgrader"), "autograde", MODULE, "--force"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert plain.returncode != 0
    assert "esn-teach autograde" in plain.stdout + plain.stderr
    assert {name: course.grades(MODULE, name).grades for name in before} == before


#: An answer digest (:func:`esn_teach.checks.answer_digest`): sixteen hexadecimal characters.
DIGEST = re.compile(r"^[0-9a-f]{16}$")


def _check_cell_digests(notebook: nbformat.NotebookNode) -> set[str]:
    """Every digest a source's check cells hold: the answers' and the mistakes'."""
    found = set()
    for cell in notebook.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or not meta.get("grade") or meta.get("solution"):
            continue
        for node in ast.walk(ast.parse(cell.source)):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and DIGEST.match(node.value)
            ):
                found.add(node.value)
    return found


def _oracles(source: str, digests: set[str]) -> list[str]:
    """What, in a cell of a student version, could tell whether an answer is right."""
    found = [digest for digest in sorted(digests) if digest in source]
    found += [call for call in ("matches_digest(", "answer_digest(") if call in source]
    return found


@pytest.mark.slow
def test_no_answer_digest_outside_the_hidden_tests_of_an_evaluated_release(tmp_path):
    """In an evaluated session nothing may tell a student whether an answer is right.

    The visible checks become form checks; a cell that compared an answer with its digest
    to show a result « once the question is right » stayed, an oracle with the digest in
    sight. Such cells use ``checks.passed`` instead, which nothing sets during the session.
    """
    names = [path.stem for path in MODULE_PATHS]
    course = Course(make_course(tmp_path / "grading"), NOTEBOOKS)
    course.build(names, validate=False)
    course.release(names, evaluation=True, validate=False)
    found = {}
    for path in MODULE_PATHS:
        module = read_module(path)
        digests = _check_cell_digests(module.notebook)
        assert digests, f"{module.name}: its visible checks compare with digests"
        released = nbformat.read(course.release_path(module.name), as_version=4)
        for index, cell in enumerate(released.cells):
            texts = [json.dumps(cell.metadata, ensure_ascii=False)]
            if cell.cell_type == "code":
                texts.append(cell.source)
            oracles = [oracle for text in texts for oracle in _oracles(text, digests)]
            if oracles:
                found[f"{module.name}, cellule {index}"] = oracles
        assert "digest" not in json.dumps(released.metadata), module.name
    assert not found, found


LEAKY = """# %% [markdown]
# # Module de test
#
# Avant la question, « à score égal » se lit librement : c'est la leçon.
#
# <details><summary>Indice 1</summary>
#
# Relisez la leçon.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Presque la réponse : comparez tranche par tranche.
# </details>

# %% answer="preuve"
preuve = ...
### BEGIN SOLUTION
preuve = "à score égal"
### END SOLUTION

# %% tests="preuve" points=1
checks.check_choice(preuve, name="preuve", options=["entre inscrits", "à score égal", "oui"],
                    digest="8894763de650b131")

# %% answer="part"
part = ...
### BEGIN SOLUTION
part = 0.157
### END SOLUTION

# %% tests="part" points=1
checks.check_number(part, name="part", digest="eb494eb90fc0da22", bounds=(0, 1))

# %% answer="l"
l = ...
### BEGIN SOLUTION
l = 1
### END SOLUTION

# %% tests="l" points=1
checks.check_number(l, name="l", digest="c5b8869e6c6c2e2d")

# %% [markdown]
# Comparer **à score égal** montre le biais.

# %%
if checks.passed("preuve"):
    print("Oui : à score égal.")
else:
    print("Relancez après la question.")

# %%
print("Résultat : la comparaison à score égal")

# %% [markdown]
# Seuls 15,7 % des inscrits étaient noirs. Rocher et al. : 99,98 % ; 1 204 appels ; question 3.

# %% [markdown] reveal="preuve"
# Après avoir répondu : l'écart à score égal (0,157) est la preuve.

# %% reveal="preuve"
print("Explorateur : la comparaison à score égal")

# %% [markdown]
# ## Sources
#
# À score égal, 15,7 %.
"""


def test_answer_leaks_finds_the_text_that_gives_an_answer_away(tmp_path):
    """After a question, its right option or value in the text; not before, not in reveal=."""
    path = tmp_path / "99_essai.py"
    path.write_text(LEAKY, encoding="utf-8")
    leaks = answer_leaks(read_module(path).notebook)
    assert leaks == [
        "« à score égal », la réponse de « preuve », dans le passage « Comparer **à score "
        "égal** montre le biais. »",
        '« à score égal », la réponse de « preuve », dans le passage « print("Résultat : la '
        'comparaison à score égal") »',
        "« 15,7 % », la réponse de « part », dans le passage « Seuls 15,7 % des inscrits "
        "étaient noirs. Rocher et al. : 99,98 % ; 1 … »",
    ]


ECHOED = LEAKY.replace(
    "# Comparer **à score égal** montre le biais.",
    "# Comparer **à score égal** montre le biais.\n#\n"
    "# > **À retenir** : l'écart entre les groupes se lit *à score égal*, tranche par tranche.",
).replace(
    "# Après avoir répondu : l'écart à score égal (0,157) est la preuve.",
    "# Après avoir répondu : l'écart à score égal (0,157) est la preuve.\n#\n"
    "# L'écart entre les groupes se lit à score égal, tranche par tranche ; court.",
)


def test_reveal_echoes_finds_a_masked_reasoning_written_again_elsewhere(tmp_path):
    """Review 05 d21 (lecturer 1): a summary box said again, unmasked, what a reveal=
    passage comments; emphasis, quote marks and accents do not hide it; a clause of fewer
    than six words, the masked passage itself and the Sources are not searched."""
    path = tmp_path / "99_essai.py"
    path.write_text(ECHOED, encoding="utf-8")
    notebook = read_module(path).notebook
    assert reveal_echoes(notebook) == [
        "« L'écart entre les groupes se lit à score égal, tranche par tranche », du passage "
        "masqué qui commente « preuve », se lit aussi dans « Comparer **à score égal** montre "
        "le biais. »"
    ]
    path.write_text(LEAKY, encoding="utf-8")
    assert reveal_echoes(read_module(path).notebook) == []  # « court » clauses, Sources: not read


@pytest.mark.slow
def test_an_evaluated_release_with_a_masked_reasoning_written_again_is_refused(tmp_path, capsys):
    """The release gate refuses, in French, an evaluated release that shows a reveal=
    passage's reasoning elsewhere, and releases nothing; the formative release is fine."""
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    module = "02_echo"
    source = HIDDEN_EXPLORER.replace(
        "DIGEST", repr(checks.answer_digest("oui", name="choix"))
    ).replace(
        '# %% reveal="choix" jupyter={"source_hidden": true}',
        "# %% [markdown]\n# > À retenir : la réponse est oui parce que le test le montre.\n\n"
        '# %% [markdown] reveal="choix"\n# La réponse est oui parce que le test le montre.\n\n'
        '# %% reveal="choix" jupyter={"source_hidden": true}',
    )
    (notebooks / f"{module}.py").write_text(source, encoding="utf-8")
    root = make_course(tmp_path / "grading")
    assert cli(root, "build", module, notebooks=notebooks) == 0
    course = Course(root, notebooks)
    capsys.readouterr()
    code = cli(root, "release", module, "--evaluation", notebooks=notebooks)
    err = capsys.readouterr().err
    assert code != 0
    assert "la même phrase, écrite ailleurs, la montre quand même" in err, err
    assert "« La réponse est oui parce que le test le montre. », du passage masqué" in err, err
    assert course.release_mode(module) is None
    assert cli(root, "release", module, notebooks=notebooks) == 0
    assert course.release_mode(module) == "formative"


PRACTICE = """# %% [markdown]
# # Module noté en séance

# %% answer="a"
a = ...
### BEGIN SOLUTION
a = "oui"
### END SOLUTION

# %% tests="a" points=2
checks.check_choice(a, name="a", options=["oui", "non"], digest="0")

# %% [markdown] GRADED
# ## Après la séance

# %% answer="b"
b = ...
### BEGIN SOLUTION
b = 0.25
### END SOLUTION

# %% tests="b" points=1
checks.check_number(b, name="b", digest="0")
"""


@pytest.mark.parametrize("graded", ['graded="in-class"', ""])
def test_an_after_class_practice_check_is_not_promised_a_correction(tmp_path, graded):
    """Module 06's fix round (d22): with graded="in-class", the after-class questions are
    practice, outside the grade and the copy collected at the end of the session; their
    evaluated checks said « Sa justesse sera corrigée après la remise ». Without it, they
    count and keep the evaluated note. The copy is still read as an evaluated one."""
    path = tmp_path / "99_essai.py"
    path.write_text(PRACTICE.replace("GRADED", graded), encoding="utf-8")
    notebook = read_module(path).notebook
    to_evaluation(notebook)
    checks_ = {
        cell.metadata["nbgrader"]["grade_id"]: cell.source.splitlines()[0]
        for cell in notebook.cells
        if cell.metadata.get("nbgrader", {}).get("grade_id", "").endswith("_tests")
    }
    assert checks_["a_tests"] == EVALUATION_NOTE
    assert checks_["b_tests"] == (PRACTICE_NOTE if graded else EVALUATION_NOTE)
    notebook.metadata.pop("esn_session", None)
    notebook.cells = [c for c in notebook.cells if c.get("id") != "esn-evaluation"]
    assert submission_session(notebook) == "evaluation"


def test_an_evaluated_session_keeps_its_own_progress_record(tmp_path):
    """Practising later in the formative version must not read the session's answers."""
    path = tmp_path / "99_essai.py"
    path.write_text(LEAKY, encoding="utf-8")
    module = read_module(path)
    for evaluation, key in ((False, "99_essai"), (True, "99_essai" + EVALUATED_PROGRESS)):
        notebook = read_module(path).notebook
        add_progress(notebook, module, evaluation=evaluation)
        sources = "\n".join(cell.source for cell in notebook.cells)
        assert f"checks.show_progress({key!r}," in sources
        assert f"with checks.question({key!r}, 'preuve'" in sources


def test_evaluated_release_shows_a_note_in_place_of_a_revealing_passage(tmp_path):
    path = tmp_path / "99_essai.py"
    path.write_text(LEAKY, encoding="utf-8")
    notebook = read_module(path).notebook
    to_evaluation(notebook)
    revealing, code = [cell for cell in notebook.cells if REVEAL in cell.metadata]
    assert revealing.source == REVEAL_NOTE.format(question="preuve")  # no « Question » heading
    assert code.source == REVEAL_CODE.format(name="preuve") and "score égal" not in code.source
    assert "retour de correction" in revealing.source and "0,157" not in revealing.source
    assert answer_leaks(notebook) == []  # the form checks hold no digest any more
    # Only the first hint stays in an evaluated session: the later ones nearly answer.
    question = notebook.cells[0].source
    assert "Indice 1" in question and "Relisez la leçon." in question
    assert "Indice 2" not in question and "Presque la réponse" not in question
    assert question.rstrip().endswith("</details>")


HIDDEN_EXPLORER = """# %% [markdown]
# # Module masqué

# %%
from esn_teach import checks

# %% answer="choix"
choix = ...
### BEGIN SOLUTION
choix = "oui"
### END SOLUTION

# %% tests="choix" points=1
checks.check_choice(choix, name="choix", options=["oui", "non"], digest=DIGEST)
### BEGIN HIDDEN TESTS
checks.check_choice(choix, name="choix", options=["oui", "non"], expected="oui")
### END HIDDEN TESTS

# %% mistake="choix"
# message : non
choix = "non"

# %% reveal="choix" jupyter={"source_hidden": true}
print("Verdict de l'explorateur : oui")
"""


@pytest.mark.slow
def test_a_hidden_code_cell_is_a_note_in_session_and_runs_again_at_grading(tmp_path, capsys):
    """reveal= code: replaced in the evaluated session, restored and run by nbgrader."""
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    module = "02_masque"
    source = HIDDEN_EXPLORER.replace("DIGEST", repr(checks.answer_digest("oui", name="choix")))
    (notebooks / f"{module}.py").write_text(source, encoding="utf-8")
    root = make_course(tmp_path / "grading")
    assert cli(root, "build", module, notebooks=notebooks) == 0
    assert cli(root, "release", module, "--evaluation", notebooks=notebooks) == 0
    course = Course(root, notebooks)
    released = nbformat.read(course.release_path(module), as_version=4)
    (hidden,) = [cell for cell in released.cells if REVEAL in cell.metadata]
    assert hidden.source == REVEAL_CODE.format(name="choix") and not hidden.outputs
    assert "source_hidden" not in json.dumps(hidden.metadata)  # shown, so seen to have run
    copy_ = nbformat.reads(nbformat.writes(released), as_version=4)
    answer_cell(copy_, "choix").source = 'choix = "oui"'
    submit(root, "etudiant", module, copy_)
    assert cli(root, "autograde", module, notebooks=notebooks) == 0
    out = capsys.readouterr()
    assert "falsifi" not in out.out + out.err
    assert course.grades(module, "etudiant").grades["choix_tests"] == (1.0, 1.0)
    graded = nbformat.read(
        root / "autograded" / "etudiant" / module / f"{module}.ipynb", as_version=4
    )
    (restored,) = [cell for cell in graded.cells if REVEAL in cell.metadata]
    assert restored.source == 'print("Verdict de l\'explorateur : oui")'
    assert "Verdict de l'explorateur : oui" in error_text(restored)


def test_output_leaks_reads_what_cells_printed_after_the_question(tmp_path):
    """A value computed by a later cell gives the answer away; reveal= and gates do not."""
    path = tmp_path / "99_essai.py"
    path.write_text(LEAKY, encoding="utf-8")
    released = read_module(path).notebook
    executed = nbformat.reads(nbformat.writes(released), as_version=4)
    position = {
        c.metadata.get("nbgrader", {}).get("grade_id"): i for i, c in enumerate(executed.cells)
    }
    printed = nbformat.v4.new_code_cell("print(resume)")
    printed.outputs = [nbformat.v4.new_output("stream", text="Part des inscrits : 0,157\n")]
    table = nbformat.v4.new_code_cell("tableau")
    table.outputs = [
        nbformat.v4.new_output(
            "execute_result", data={"text/html": "<td>comparaison &agrave; score &eacute;gal</td>"}
        )
    ]
    hidden = nbformat.v4.new_code_cell("explorateur", metadata={REVEAL: "preuve"})
    hidden.outputs = [nbformat.v4.new_output("stream", text="à score égal ; 0,157")]
    before = nbformat.v4.new_code_cell("print(avant)")
    before.outputs = [nbformat.v4.new_output("stream", text="0,157 à score égal")]
    at = position["part_tests"] + 1
    executed.cells[at:at] = [printed, table, hidden]
    executed.cells.insert(0, before)  # before every question: the lesson, free to show
    assert output_leaks(released, executed) == [
        "« à score égal », la réponse de « preuve », affichée par la cellule « tableau » : "
        "« comparaison à score égal »",
        "« 0,157 », la réponse de « part », affichée par la cellule « print(resume) » : "
        "« Part des inscrits : 0,157 »",
    ]


@pytest.mark.slow
def test_an_evaluated_release_whose_cells_print_an_answer_is_refused(tmp_path, capsys):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    module = "02_masque"
    source = (
        HIDDEN_EXPLORER.replace("DIGEST", repr(checks.answer_digest("oui", name="choix")))
        .replace(
            '# %% reveal="choix" jupyter={"source_hidden": true}\n',
            "# %% [markdown]\n# Le verdict.\n\n# %%\n",
        )
        .replace('options=["oui", "non"]', 'options=["tout à fait", "non"]')
    )
    source = source.replace('choix = "oui"', 'choix = "tout à fait"').replace(
        'print("Verdict de l\'explorateur : oui")', 'print("Verdict :", "tiaf à tuot"[::-1])'
    )
    source = source.replace(
        repr(checks.answer_digest("oui", name="choix")),
        repr(checks.answer_digest("tout à fait", name="choix")),
    ).replace('expected="oui"', 'expected="tout à fait"')
    (notebooks / f"{module}.py").write_text(source, encoding="utf-8")
    root = make_course(tmp_path / "grading")
    assert cli(root, "build", module, notebooks=notebooks) == 0
    assert cli(root, "release", module, notebooks=notebooks) == 0  # formative: nothing to hide
    capsys.readouterr()
    assert cli(root, "release", module, "--evaluation", notebooks=notebooks) != 0
    out = capsys.readouterr()
    assert "« tout à fait », la réponse de « choix », affichée par la cellule" in out.out + out.err
    assert Course(root, notebooks).release_mode(module) is None  # a failed release: no stamp


def test_plain_nbgrader_autograde_refuses_an_evaluated_copy_only():
    # Module 07's lecturer (d23): the formgrader's Autograde button drew the grader's cases.
    from traitlets.config import Config

    from esn_teach.grading import configure_feedback
    from esn_teach.grading._plain import PLAIN_AUTOGRADE_REFUSED, RefusePlainAutograde

    preprocessors = configure_feedback(Config()).Autograde.autograde_preprocessors
    assert preprocessors[0] is RefusePlainAutograde
    assert [p.__name__ for p in preprocessors[1:]][:1] == ["Execute"]
    formative = nbformat.v4.new_notebook()
    assert RefusePlainAutograde().preprocess(formative, {})[0] is formative
    evaluated = nbformat.v4.new_notebook()
    to_evaluation(evaluated)
    with pytest.raises(RuntimeError, match="esn-teach autograde") as refused:
        RefusePlainAutograde().preprocess(evaluated, {})
    assert str(refused.value) == PLAIN_AUTOGRADE_REFUSED
