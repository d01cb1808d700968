import re

import nbformat
import numpy as np
import pandas as pd
import pytest
from nbclient import NotebookClient

from esn_teach.checks._friendly import french_explanation, install_french_errors

RUN_ABOVE = "menu Exécution › Exécuter tout au-dessus de la cellule sélectionnée"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def syntax_error(source):
    """The SyntaxError Python raises on ``source`` (its real message, for this Python)."""
    with pytest.raises(SyntaxError) as info:
        compile(source, "<cellule>", "exec")
    return info.value


def runtime_error(source, namespace=None):
    with pytest.raises(Exception) as info:
        exec(source, dict(namespace or {}))
    return info.value


# --- Case 1: decimal comma ----------------------------------------------------------------


def test_decimal_comma_gives_the_number_with_a_point():
    error = syntax_error("sensibilite = 0,045")
    assert "leading zeros" in error.msg
    text = french_explanation(error)
    assert "les décimales s'écrivent avec un point : écrivez 0.045 et non 0,045" in text
    assert text.splitlines()[-1] == "Ligne corrigée : sensibilite = 0.045"


def test_decimal_comma_found_in_a_multiline_cell_and_every_number_corrected():
    source = "vp = 12\nseuils = [0,045, 0,5]\nx = 1"
    text = french_explanation(syntax_error(source), source)
    assert "écrivez 0.045 et non 0,045 ; 0.5 et non 0,5." in text
    assert "Ligne corrigée : seuils = [0.045, 0.5]" in text


def test_decimal_comma_in_a_call_leaves_the_other_arguments_alone():
    text = french_explanation(syntax_error("round(0,045, 2)"))
    assert "Ligne corrigée : round(0.045, 2)" in text


def test_decimal_comma_line_taken_from_the_source_when_the_error_has_none():
    error = syntax_error("a = 1\nx = 1,08")
    error.text = None
    text = french_explanation(error, "a = 1\nx = 1,08")
    assert "écrivez 1.08 et non 1,08" in text


def test_decimal_comma_that_gives_a_function_one_value_too_many():
    """dfge(127/88,4, 57): valid Python, one value too many; the comma is named, not the call."""
    line = "resultat = dfge(127 / 88,4, 57)"
    error = runtime_error(line, {"dfge": lambda creatinine, age: creatinine * age})
    text = french_explanation(error, line)
    assert "écrivez 88.4 et non 88,4" in text
    assert "Ligne corrigée : resultat = dfge(127 / 88.4, 57)" in text
    # Without a decimal comma, one value too many is said as such (module-neutral).
    error = runtime_error("dfge(1.5, 57, 3)", {"dfge": lambda creatinine, age: 0})
    text = french_explanation(error, "dfge(1.5, 57, 3)")
    assert "plus de valeurs qu'elle n'en attend" in text and "sensitivity" not in text


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("x = 57 ans", "Un nombre est suivi d'un mot (57 ans) : si la réponse est un nombre"),
        ("x = 2 août 2026", "si c'est un texte (une date, par exemple), mettez-le entre"),
        ('x = {"a": "oui" "b": "non"}', "Deux textes se suivent sans virgule"),
        ("x = a > 1 et b < 2", "Python ne connaît pas « et » : entre deux conditions, écrivez and"),
        ("x = (a > 1) ou (b < 2)", "Python ne connaît pas « ou »"),
        ("x = 3 sur 10", "« 3 sur 10 » s'écrit avec le signe de la division : 3 / 10."),
    ],
)
def test_french_words_and_missing_commas_are_named(source, expected):
    """What French students type where Python wants a sign (module 07, 09, 13 reviews)."""
    assert expected in french_explanation(syntax_error(source), source)


def test_leading_zeros_without_comma():
    text = french_explanation(syntax_error("x = 007"))
    assert text == "En Python, un nombre entier ne peut pas commencer par 0 : écrivez 7 et non 007."


# --- Cases 2 and 3: unknown name ------------------------------------------------------------


def test_unknown_name_suggests_the_same_name_in_another_case():
    error = runtime_error("VP/(VP+FN)")
    text = french_explanation(error, namespace={"vp": 12, "fn": 3, "seuil": 0.5})
    assert text.startswith("Python ne connaît pas le nom « VP ». Causes possibles :")
    assert "vouliez-vous dire « vp » ?" in text
    assert "Python distingue les majuscules des minuscules" in text
    assert "exécutez les cellules du dessus dans l'ordre" in text
    assert RUN_ABOVE in text
    assert "seuil" not in text


def test_unknown_name_suggests_close_spellings_and_ignores_accents():
    error = runtime_error("print(sensibilte)")
    text = french_explanation(error, namespace={"sensibilité": 0.7, "specificite": 0.9})
    assert "vouliez-vous dire « sensibilité » ?" in text


@pytest.mark.parametrize("typed", ["Non", "non", "OUI"])
def test_yes_or_no_without_quotes_is_told_to_quote_not_sent_to_none(typed):
    # Module 03's student typed Non and read « vouliez-vous dire « None » ? ».
    text = french_explanation(runtime_error(f'reponses = {{"a": {typed}}}'), namespace={})
    assert f'entre guillemets droits : "{typed.lower()}"' in text
    assert "None" not in text


def test_unknown_name_suggests_a_builtin():
    text = french_explanation(runtime_error("Print(1)"), namespace={})
    assert "vouliez-vous dire « print » ?" in text


def test_unknown_name_without_close_name_still_gives_both_causes():
    # Case 3: a name defined further up in a cell not run (or before a restart).
    text = french_explanation(runtime_error("taux = vrais_positifs / 10"), namespace={"x": 1})
    assert "« vrais_positifs »" in text
    assert "vouliez-vous dire" not in text
    assert "vérifiez l'orthographe" in text
    assert (
        "n'a pas été exécutée, ou le noyau (le programme qui exécute vos cellules) a "
        "redémarré depuis" in text
    )
    assert RUN_ABOVE in text


def test_unknown_library_alias_points_to_the_import_cell():
    text = french_explanation(runtime_error("np.mean([1, 2])"))
    assert "« import numpy as np »" in text
    assert RUN_ABOVE in text


def test_other_name_errors_have_no_explanation():
    error = runtime_error("def f():\n    print(x)\n    x = 1\nf()")
    assert isinstance(error, UnboundLocalError)
    assert french_explanation(error) is None


# --- Case 4: other syntax errors -------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("x = (VP / (VP+FN)", "Le signe « ( » n'est jamais refermé : ajoutez le « ) »"),
        ("x = VP / (VP+FN))", "Le signe « ) » est en trop : il ne ferme aucun « ( »."),
        ("x = [1, 2)", "« [ » se ferme avec « ] », pas avec « ) »."),
        ("x = 'abc", "Un texte entre guillemets n'est pas refermé"),
        ('x = """abc', "Un texte entre guillemets n'est pas refermé"),
        ("x = 3 +", "Python ne comprend pas cette ligne : vérifiez-la autour de l'endroit"),
        ("if x = 3:\n    pass", "Pour comparer deux valeurs, écrivez =="),
        ("taux-vp = 3", "À gauche du signe =, il faut un seul nom de variable"),
        ("x = [1 2]", "Il manque sans doute une virgule"),
        ("x = 2x", "pour multiplier, écrivez 2 * x et non 2x"),
        ("for i in range(3)\n    print(i)", "Il manque les deux-points « : »"),
        ("x = ‘abc’", "Python ne comprend pas le guillemet ‘"),
        ("x = 2 × 3", "écrivez * à la place"),
        ("x\u00a0= 3", "espace insécable"),
        ("print 'a'", "écrivez print(...)"),
        ("  x = 3", "Cette ligne commence par des espaces en trop"),
        ("if x:\nprint(1)", "la ligne suivante doit être décalée vers la droite"),
        ("x = 1 if", "Python ne comprend pas cette ligne"),
    ],
)
def test_syntax_errors_have_a_french_gloss(source, expected):
    text = french_explanation(syntax_error(source), source)
    assert expected in text
    assert text.isprintable() or "\n" in text


@pytest.mark.parametrize(
    ("source", "words"),
    [
        # The slip of module 11's question 4: a role typed without its quotes.
        ('roles = {\n    "nom": identifiant direct,\n    "sexe": 1,\n}', "identifiant direct"),
        ('roles = {"sexe": quasi-identifiant direct}', "quasi-identifiant direct"),
        ("reponse = colonne sensible", "colonne sensible"),
        ("reponse = a b c", "a b c"),
        ("checks.f(x, option=quasi identifiant)", "quasi identifiant"),
    ],
)
def test_bare_words_where_a_value_is_expected_are_a_text_without_quotes(source, words):
    text = french_explanation(syntax_error(source), source)
    assert f"Des mots sans guillemets se suivent (« {words} »)" in text
    assert f'Un texte s\'écrit entre guillemets droits : écrivez "{words}".' in text
    assert "virgule" in text  # two values are still possible


@pytest.mark.parametrize("source", ["x = [1 2]", "if x y: pass", "x = a b + 1", 'x = "a" b'])
def test_other_missing_signs_are_not_taken_for_a_text(source):
    assert "guillemets droits" not in french_explanation(syntax_error(source), source)


def test_incomplete_input_is_located_precisely():
    # IPython compiles cells as codeop does: an unclosed parenthesis is "incomplete input".
    source = "a = 1\nb = (2\n"
    error = SyntaxError("incomplete input", ("<cellule>", 2, 7, "b = (2\n", 2, 7))
    text = french_explanation(error, source)
    assert text.splitlines() == [
        "Le signe « ( » n'est jamais refermé : ajoutez le « ) » qui lui correspond.",
        "À la ligne 2 :",
        "    b = (2",
        "        ^",
    ]


def test_incomplete_input_without_source_has_a_generic_gloss():
    error = SyntaxError("incomplete input", ("<cellule>", 1, 5, "x = (1\n", 1, 5))
    assert "s'arrête avant la fin" in french_explanation(error)


# --- Case 5: the ... placeholder ---------------------------------------------------------


@pytest.mark.parametrize("source", ["... + 1", "1 / ...", "-...", "... > 0.5", "float(...)"])
def test_placeholder_in_a_calculation(source):
    text = french_explanation(runtime_error(source), source)
    assert "Le calcul contient encore les trois points « ... » de la question" in text
    assert "remplacez-les par votre réponse" in text


def test_placeholder_held_by_a_variable_is_named():
    namespace = {"sensibilite": ..., "vp": 12}
    error = runtime_error("sensibilite * 100", namespace)
    text = french_explanation(error, "pourcentage = sensibilite * 100", namespace=namespace)
    assert text.startswith("« sensibilite » vaut encore « ... »")
    assert "dans la cellule « sensibilite = ... »" in text


def test_scores_given_to_a_metric_that_counts_decisions_are_explained():
    from sklearn.metrics import confusion_matrix, precision_score, roc_auc_score

    truth, scores = [0, 1, 0, 1, 1], [0.1, 0.8, 0.3, 0.6, 0.4]

    def explained(metric, *args):
        with pytest.raises(ValueError) as caught:
            metric(*args)
        return french_explanation(caught.value)

    # Arguments swapped: the scores come first.
    for metric in (roc_auc_score, precision_score, confusion_matrix):
        assert "inversé l'ordre" in explained(metric, scores, truth)
    # Right order, but the scores were not turned into decisions with a threshold.
    text = explained(precision_score, truth, scores)
    assert "inversé" not in text and "(score >= seuil)" in text


def test_other_errors_have_no_explanation():
    assert french_explanation(runtime_error("len(3)")) is None
    assert french_explanation(runtime_error("1 / 0")) is None
    assert french_explanation(AssertionError("x")) is None


# --- IPython ----------------------------------------------------------------------------


def test_install_outside_ipython_does_nothing(monkeypatch):
    import IPython

    # Another test may have created an in-process IPython shell: get_ipython() would find it.
    monkeypatch.setattr(IPython, "get_ipython", lambda: None)
    assert install_french_errors() is False


@pytest.fixture
def shell():
    """An in-process IPython shell whose error displays are recorded, restored afterwards."""
    from IPython.core.interactiveshell import InteractiveShell

    created = not InteractiveShell.initialized()
    shell = InteractiveShell.instance()
    saved = shell.custom_exceptions, shell.CustomTB
    shown = []
    shell._showtraceback = lambda etype, evalue, stb: shown.append((etype.__name__, stb))
    shell.shown = shown
    yield shell
    shell.custom_exceptions, shell.CustomTB = saved
    for name in ("showsyntaxerror", "_showtraceback", "shown"):
        shell.__dict__.pop(name, None)
    if created:
        InteractiveShell.clear_instance()


def test_in_process_shell_shows_french_and_keeps_the_error(shell):
    assert install_french_errors(shell) is True
    assert install_french_errors(shell) is True
    shell.run_cell("vp = 12")
    for cell, ename, french in [
        ("VP + 1", "NameError", "Python ne connaît pas le nom « VP »"),
        ("x = 0,045", "SyntaxError", "écrivez 0.045 et non 0,045"),
        ("... + 1", "TypeError", "les trois points"),
    ]:
        shell.shown.clear()
        result = shell.run_cell(cell)
        assert not result.success
        assert type(result.error_in_exec or result.error_before_exec).__name__ == ename
        [(shown_ename, stb)] = shell.shown  # shown once: installing twice did not stack
        assert shown_ename == ename
        assert french in stb[0]
    # The wrapper put IPython's own _showtraceback back.
    assert shell.__dict__["_showtraceback"].__name__ == "<lambda>"


def test_in_process_shell_keeps_other_errors_and_check_failures(shell):
    install_french_errors(shell)
    shell.run_cell("1 / 0")
    shell.run_cell(
        "from esn_teach.checks import check_number\ncheck_number(..., name='x', expected=1)"
    )
    shell.run_cell("import json\njson.loads(3)")
    (zero, stb0), (check, stb1), (typeerror, stb2) = shell.shown
    assert zero == "ZeroDivisionError" and any("Traceback" in line for line in stb0)
    assert check == "NotAttempted" and stb1 == [
        "\u2718 Question non traitée (x) : la variable « x » vaut encore « ... ». Remplacez "
        "« ... » par votre réponse dans la cellule de la question, exécutez cette "
        "cellule, puis relancez cette vérification. Si vous l'avez déjà fait, la cellule de "
        "la question s'est arrêtée sur une erreur (par exemple un texte écrit sans ses "
        "guillemets droits) : lisez le message affiché sous elle, corrigez, exécutez-la de "
        "nouveau."
    ]
    assert typeerror == "TypeError" and any("Traceback" in line for line in stb2)


def test_name_error_raised_by_library_code_keeps_its_traceback(shell, tmp_path, monkeypatch):
    (tmp_path / "esn_tmp_buggy.py").write_text("def f():\n    return undefined_in_library\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    install_french_errors(shell)
    shell.run_cell("import esn_tmp_buggy\nesn_tmp_buggy.f()")
    [(ename, stb)] = shell.shown
    assert ename == "NameError"
    assert not any("Python ne connaît pas" in line for line in stb)


def test_install_chains_an_earlier_custom_handler(shell):
    seen = []

    def earlier(self, etype, value, tb, tb_offset=None):
        seen.append(etype)
        return ["earlier"]

    shell.set_custom_exc((KeyError,), earlier)
    install_french_errors(shell)
    shell.run_cell("{}['a']")
    shell.run_cell("VP")
    assert seen == [KeyError]
    assert [ename for ename, _ in shell.shown] == ["NameError"]


# --- A real kernel ------------------------------------------------------------------------

CELLS = [
    "from esn_teach.checks._friendly import install_french_errors\n"
    "print(install_french_errors(), install_french_errors())",
    "vp = 12\nfn = 3",
    "x = 0,045",
    "VP/(VP+FN)",
    "... + 1",
    "a = 1\nb = (2",
    "from esn_teach.checks import check_number\ncheck_number(..., name='x', expected=1)",
    "1 / 0",
    "print(vp / (vp + fn))",
    "from sklearn.metrics import roc_auc_score\nroc_auc_score([0.2, 0.9, 0.4], [0, 1, 1])",
    "roc_auc_score([0, 1, 1], [0.2, 0.9])",
    "from esn_teach.evaluation import predictive_values\npredictive_values(0.9, 0.8, 0.01)",
    "int('douze')",
    "article = 9(2)(j)",
    "article = L1461-1",
    "import pandas as pd\npd.DataFrame({'x': [1, 2, 3]}).loc[pd.Series([True, False]).to_numpy()]",
]


@pytest.mark.slow
def test_kernel_shows_french_errors_and_keeps_error_outputs(tmp_path):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in CELLS])
    client = NotebookClient(
        notebook,
        timeout=60,
        kernel_name="python3",
        allow_errors=True,
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()  # each cell within the client's timeout (no wall-clock bound: shared CPUs)

    def error(index):
        [output] = [o for o in notebook.cells[index].outputs if o.output_type == "error"]
        return output.ename, output.evalue, ANSI.sub("", "\n".join(output.traceback))

    assert notebook.cells[0].outputs[0].text == "True True\n"

    ename, evalue, text = error(2)
    assert ename == "SyntaxError" and evalue.startswith("leading zeros")
    assert text.startswith("En Python, la virgule sépare deux valeurs")
    assert "Ligne corrigée : x = 0.045" in text
    assert "x = 0,045\n" in text and "^" in text  # IPython's own line and caret, below

    ename, evalue, text = error(3)
    assert (ename, evalue) == ("NameError", "name 'VP' is not defined")
    assert text.count("Python ne connaît pas le nom « VP »") == 1
    assert "vouliez-vous dire « vp » ?" in text
    assert "Traceback" not in text
    assert text.splitlines()[-2:] == ["Ligne 1 : VP/(VP+FN)", "NameError: name 'VP' is not defined"]

    ename, evalue, text = error(4)
    assert ename == "TypeError" and "'ellipsis'" in evalue
    assert text.startswith("Le calcul contient encore les trois points « ... »")

    ename, evalue, text = error(5)
    assert (ename, evalue.split(" (")[0]) == ("SyntaxError", "incomplete input")
    assert "Le signe « ( » n'est jamais refermé" in text and "À la ligne 2 :" in text

    ename, _, text = error(6)
    assert ename == "NotAttempted" and text.startswith("\u2718 Question non traitée (x)")

    ename, _, text = error(7)
    assert ename == "ZeroDivisionError" and "Traceback" in text

    # Library errors a beginner meets, explained; the English line stays last.
    ename, evalue, text = error(9)
    assert ename == "ValueError" and "continuous format" in evalue
    assert text.startswith("La fonction a reçu des scores") and "inversé l'ordre" in text
    assert text.splitlines()[-1].startswith("ValueError:") and "Traceback" not in text
    _, _, text = error(10)
    assert text.startswith("Les deux séries n'ont pas le même nombre de patients")
    ename, _, text = error(11)
    assert ename == "TypeError" and text.startswith("Cette fonction demande des valeurs nommées")
    ename, _, text = error(12)  # any other ValueError keeps IPython's traceback
    assert ename == "ValueError" and "Traceback" in text
    ename, _, text = error(13)  # a legal citation typed without quotes
    assert ename == "TypeError" and '"9(2)(j)"' in text and "guillemets droits" in text
    ename, _, text = error(14)
    assert ename == "NameError" and 'doit être entre guillemets : "L1461"' in text
    ename, _, text = error(15)  # a table filtered with another table's rows
    assert ename == "IndexError" and text.startswith("Le filtre (une série de vrai/faux)")

    assert notebook.cells[8].outputs == [
        nbformat.v4.new_output("stream", name="stdout", text="0.8\n")
    ]


def test_an_option_without_quotes_is_named():
    text = french_explanation(NameError("name 'b' is not defined"), "intrus = b", namespace={})
    assert text is not None and 'entre guillemets : "b"' in text
    other = french_explanation(NameError("name 'b' is not defined"), "x = b + 1", namespace={})
    assert other is not None and "guillemets" not in other


def test_a_missing_table_label_lists_the_labels():
    import pandas as pd

    table = pd.DataFrame({"taux_selection": [0.1, 0.2]}, index=["A", "B"])
    try:
        table.loc["A", "taux_sélection"]
    except KeyError as error:
        text = french_explanation(
            error, 'x = par_groupe.loc["A", "taux_sélection"]', namespace={"par_groupe": table}
        )
    assert text is not None
    assert "« taux_sélection » n'est ni une ligne ni une colonne du tableau « par_groupe »" in text
    assert "« taux_selection »" in text and "« A », « B »" in text
    assert french_explanation(KeyError("x"), "d['x']", namespace={"d": {}}) is None


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("anonymisation", '    "SAN-2024-013": anonymisation,'),
        ("L1461", "article_assureur = L1461-1"),
        ("b", "reponses = [b, 'c']"),
    ],
)
def test_quotes_suggested_for_an_unquoted_answer_anywhere_in_a_value(name, line):
    text = french_explanation(NameError(f"name '{name}' is not defined"), line, namespace={})
    assert text is not None and f'entre guillemets : "{name}"' in text


def test_a_check_reading_a_missing_answer_points_to_the_answer_cell():
    line = 'checks.check_number(taux_occulte_noirs, name="taux_occulte_noirs", digest="x")'
    text = french_explanation(
        NameError("name 'taux_occulte_noirs' is not defined"),
        line,
        namespace={"n_occultes_noirs": 75},
    )
    assert text is not None and "votre cellule de réponse (au-dessus)" in text
    assert "vouliez-vous dire" not in text


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("conclusion = 'l'écart est démontré'", "entourez-le de guillemets doubles"),
        # Two apostrophes close the text: Python says « invalid syntax » or « forgot a comma ».
        ("x = 'l'alarme n'a pas sonné'", "entourez-le de guillemets doubles"),
        ("q = {'a': 'faux négatif', 'b': 'l'alarme n'a pas'}", "entourez-le de guillemets doubles"),
        ("x = 'd'abord l'écart'", "entourez-le de guillemets doubles"),
        ("vp_perdus = 458/(1 502)", "écrivez-le sans espace, 1502"),
        ("n = 1 502", "écrivez-le sans espace, 1502"),
        ("x = [1 2]", "Il manque sans doute une virgule"),
    ],
)
def test_apostrophes_and_thousands_spaces_are_explained(source, expected):
    try:
        compile(source, "<cellule>", "exec")
    except SyntaxError as error:
        assert expected in french_explanation(error, source)
    else:
        raise AssertionError("expected a syntax error")


def test_a_check_does_not_judge_an_answer_its_failed_cell_left_unassigned(shell, monkeypatch):
    """« marge = B » (no quotes) fails: the check must not judge marge's previous value."""
    from esn_teach.checks import IncorrectAnswer, check_choice

    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    install_french_errors(shell)
    install_french_errors(shell)  # once only: the hooks do not stack
    shell.run_cell('marge = "B"')
    check_choice(shell.user_ns["marge"], name="marge", options=["A", "B"], expected="B")
    assert not shell.run_cell("marge = B").success  # NameError: marge is still "B"
    with pytest.raises(IncorrectAnswer, match="arrêtée sur une erreur avant de donner sa valeur"):
        check_choice(shell.user_ns["marge"], name="marge", options=["A", "B"], expected="B")
    assert not shell.run_cell('marge = "A\nx = 1').success  # a syntax error: nothing ran
    with pytest.raises(IncorrectAnswer, match="arrêtée sur une erreur"):
        check_choice(shell.user_ns["marge"], name="marge", options=["A", "B"], expected="B")
    # Assigned, then an error further down: the new value is judged.
    assert not shell.run_cell('marge = "A"\n1 / 0').success
    with pytest.raises(IncorrectAnswer) as wrong:
        check_choice(shell.user_ns["marge"], name="marge", options=["A", "B"], expected="B")
    assert "arrêtée sur une erreur" not in str(wrong.value)
    shell.run_cell('marge = "B"')  # fixed: judged again
    check_choice(shell.user_ns["marge"], name="marge", options=["A", "B"], expected="B")
    # While nbgrader grades, nothing is noted: each answer comes from the graded run.
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert not shell.run_cell("marge = B").success
    check_choice(shell.user_ns["marge"], name="marge", options=["A", "B"], expected="B")


def test_assigned_names_reads_a_cell_that_does_not_parse():
    from esn_teach.checks._stale import assigned_names

    source = 'marge = "A\nseuil: float = 0.3\n  indented = 1\nx == 2\nmarge = 1\n'
    assert assigned_names(source) == ["marge", "seuil"]


@pytest.mark.parametrize(
    ("source", "word", "fix"),
    [
        # Module 03's question 2: « et » between two conditions, the French way.
        (
            'x = cohorte.loc[inscrits_cout et noirs, "n_chronic_next"].mean()',
            "et",
            "inscrits_cout & noirs",
        ),
        ("x = inscrits_cout et noirs", "et", "inscrits_cout & noirs"),
        ("x = (a ou b)", "ou", "a | b"),
    ],
)
def test_french_et_ou_between_conditions_asks_for_the_sign(source, word, fix):
    text = french_explanation(syntax_error(source), source)
    assert f"« {word} » n'est pas un mot de Python" in text
    assert f"écrivez {'&' if word == 'et' else '|'} : {fix}." in text


def test_a_text_with_et_inside_its_quotes_is_not_taken_for_a_condition():
    source = 'reponse = "oui et non" peut-être'
    assert "n'est pas un mot de Python" not in (
        french_explanation(syntax_error(source), source) or ""
    )


@pytest.mark.parametrize("make", [np.array, pd.Series])
def test_and_between_two_conditions_asks_for_the_ampersand(make):
    conditions = make([True, False])
    with pytest.raises(ValueError) as raised:
        conditions and conditions  # noqa: B018 - the beginner's slip itself
    text = french_explanation(raised.value, "x = inscrits and noirs")
    assert "écrivez & pour « et »" in text
