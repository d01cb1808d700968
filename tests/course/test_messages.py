"""The messages of visible checks, encoded at release: unreadable in the cell, the same when run."""

from __future__ import annotations

import ast
import re

import nbformat
import pytest

from esn_teach import checks
from esn_teach.course._messages import MESSAGE_NOTE, encode_check_messages, encode_messages

CHOICE = """# Vérification de la question 3 : exécutez cette cellule.
checks.check_choice(
    marge,
    name="marge",
    options=["A", "é", "C", "D"],
    digest=checks.answer_digest("C", name="marge"),
    mistakes=[
        checks.Mistake(None, "un intervalle de confiance n'est pas une garantie pour de "
                       "nouvelles patientes : il décrit l'incertitude de la mesure.",
                       digest=checks.answer_digest("A", name="marge")),
        checks.Mistake("é", "régler le seuil sur le jeu de test, c'est refaire l'erreur."),
        checks.Mistake(
            value="D",
            message="l'intervalle contient 0,95, mais aussi 0,84 : il ne confirme pas la "
            "promesse.",  # one of three
        ),
    ],
    success="la marge est bien mesurée.",
)
"""
#: The options are A, é, C, D; each wrong one has its message.
CHOICE_MESSAGES = {
    "A": "un intervalle de confiance n'est pas une garantie pour de nouvelles patientes : il "
    "décrit l'incertitude de la mesure.",
    "é": "régler le seuil sur le jeu de test, c'est refaire l'erreur.",
    "D": "l'intervalle contient 0,95, mais aussi 0,84 : il ne confirme pas la promesse.",
}
#: CHOICE encoded, each ``checks.decode_text("…")`` written ``M``: the rest is unchanged.
CHOICE_LAYOUT = f"""# Vérification de la question 3 : exécutez cette cellule.
{MESSAGE_NOTE}
checks.check_choice(
    marge,
    name="marge",
    options=["A", "é", "C", "D"],
    digest=checks.answer_digest("C", name="marge"),
    mistakes=[
        checks.Mistake(None, M,
                       digest=checks.answer_digest("A", name="marge")),
        checks.Mistake("é", M),
        checks.Mistake(
            value="D",
            message=M,  # one of three
        ),
    ],
    success=M,
)
"""
DECODE = re.compile(r'checks\.decode_text\("[A-Za-z0-9+/=]+"\)')


def run(source: str, **names: object) -> dict[str, object]:
    """Execute a cell with ``checks`` and ``names`` defined; return its namespace."""
    namespace: dict[str, object] = {"checks": checks, **names}
    exec(compile(source, "<cell>", "exec"), namespace)
    return namespace


def failure(source: str, **names: object) -> str:
    with pytest.raises(checks.IncorrectAnswer) as raised:
        run(source, **names)
    return str(raised.value)


def test_messages_are_unreadable_in_the_cell_and_the_same_when_it_runs(capsys):
    result = encode_messages(CHOICE)
    assert (result.encoded, result.formatted) == (4, 0)  # three mistakes and the success
    ast.parse(result.source)
    for answer, message in CHOICE_MESSAGES.items():
        assert message in failure(CHOICE, marge=answer)
        assert failure(result.source, marge=answer) == failure(CHOICE, marge=answer)
        for part in (message[:25], message[-25:], "0,84", "refaire", "bien mesurée"):
            assert part not in result.source
    run(result.source, marge="C")  # the right option still passes
    assert "la marge est bien mesurée." in capsys.readouterr().out


def test_everything_but_the_messages_is_left_as_it_was():
    # The options, digests, the value « é » before a message on its line (UTF-8 columns),
    # the comments, the layout, character for character.
    assert DECODE.sub("M", encode_messages(CHOICE).source) == CHOICE_LAYOUT


def test_rewriting_twice_changes_nothing():
    once = encode_messages(CHOICE).source
    twice = encode_messages(once)
    assert twice.source == once and twice.encoded == 0


@pytest.mark.parametrize(
    "source",
    [
        "checks.check_number(x, name='x', digest='ab12', hint='Relisez la définition du taux.')\n",
        "# Vérification : exécutez cette cellule.\nprint('✔ Correct : bravo.')\n",
        "checks.check_choice(x, name='x', options=['a b c', 'd e f'], expected='a b c')\n",
        "",
    ],
)
def test_a_cell_without_message_is_untouched(source):
    result = encode_messages(source)
    assert result.source == source and (result.encoded, result.formatted) == (0, 0)


def test_messages_reached_through_names_loops_helpers_and_templates():
    source = """\
message_seuil = (
    "vous avez comparé la correction à la règle du seuil 0,3, "
    "qui appelle moins de patients."
)
autres = {"tfn": "vous avez comparé les TFN.", "tfp": "vous avez comparé les TFP."}
faux = [checks.Mistake(v, message) for v, message in zip((1, 2), autres.values())]
par_paire = [checks.Mistake(3, texte) for cle, texte in autres.items() if cle == "tfn"]
deja_connu = "le collègue connaît déjà {} : ce n'est pas ce que la publication lui cache."
piege = " Avez-vous donné une sensibilité au lieu du seuil ?"


def erreur(message, empreinte=None):
    return checks.Mistake(None, message, digest=empreinte or "ab")


choix = [
    checks.Mistake(4, message_seuil),
    erreur(deja_connu.format("le sexe de la patiente"), "cd"),
    erreur(message="le nom désigne directement la patiente."),
    checks.Mistake(5, "votre écart est négatif : " + "vous avez inversé les groupes."),
]
checks.expect(x != 0.95, "0.95 est la sensibilité visée, pas le seuil.", name="x")
checks.expect(x < 1, f"vous avez donné {x}.{piege}", name="x")
"""
    result = encode_messages(source)
    hidden = [
        "vous avez comparé la correction",
        "vous avez comparé les TFN.",
        "vous avez comparé les TFP.",
        "le collègue connaît déjà",
        "Avez-vous donné une sensibilité",
        "le nom désigne directement",
        "votre écart est négatif",
        "vous avez inversé les groupes",
        "0.95 est la sensibilité visée",
    ]
    assert [text for text in hidden if text in result.source] == []
    # The f-string itself stays readable (and counted); the name it interpolates is encoded.
    assert result.formatted == 1 and 'f"vous avez donné {x}.{piege}"' in result.source
    assert '"le sexe de la patiente"' in result.source  # a template's argument is not a message
    assert '"tfn"' in result.source and 'cle == "tfn"' in result.source  # keys are not messages
    before, after = run(source, x=0.5), run(result.source, x=0.5)
    for name in ("faux", "par_paire", "choix"):
        assert after[name] == before[name], name
    assert failure(result.source, x=0.95) == failure(source, x=0.95)
    assert failure(result.source, x=2.0) == failure(source, x=2.0)
    assert encode_messages(result.source).source == result.source


def test_a_comment_inside_a_message_is_kept_above_it():
    source = (
        "found = [\n"
        "    checks.Mistake(2, 'vous avez pris le TFN '  # from the table\n"
        "                      'du groupe A.'),\n"
        "]\n"
    )
    result = encode_messages(source)
    assert DECODE.sub("M", result.source) == (
        f"{MESSAGE_NOTE}\n"
        "found = [\n"
        "    checks.Mistake(2, # from the table\n"
        "                      M),\n"
        "]\n"
    )
    expected = [checks.Mistake(2, "vous avez pris le TFN du groupe A.")]
    assert run(result.source)["found"] == run(source)["found"] == expected


def test_checks_imported_by_name_still_find_the_decoder():
    source = (
        "from esn_teach.checks import Mistake, expect\n"
        "expect(x > 0, 'votre nombre est négatif : soustrayez dans l’autre sens.', name='x')\n"
    )
    result = encode_messages(source)
    assert result.encoded == 1 and "négatif" not in result.source
    messages = []
    for cell in (source, result.source):  # no « checks » in the cell's namespace
        with pytest.raises(checks.IncorrectAnswer) as raised:
            exec(compile(cell, "<cell>", "exec"), {"x": -1})
        messages.append(str(raised.value))
    assert messages[0] == messages[1] and "négatif" in messages[0]


def test_only_the_visible_checks_of_a_notebook_are_rewritten():
    answer = 'reponse = ...\nchecks.Mistake(None, "pas un test : laissé tel quel.", digest="ab")'
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell('checks.Mistake(None, "du texte", digest="ab")'),
            nbformat.v4.new_code_cell(answer, metadata={"nbgrader": {"grade_id": "marge"}}),
            nbformat.v4.new_code_cell(
                CHOICE, metadata={"nbgrader": {"grade": True, "grade_id": "marge_tests"}}
            ),
        ]
    )
    result = encode_check_messages(notebook)
    assert (result.encoded, result.formatted) == (4, 0)
    assert notebook.cells[0].source == 'checks.Mistake(None, "du texte", digest="ab")'
    assert notebook.cells[1].source == answer
    assert notebook.cells[2].source == encode_messages(CHOICE).source


def test_literals_inside_an_f_string_stay_and_the_cell_still_parses():
    # Module 11's success sentence: literals concatenated with an f-string are part of it,
    # and one inside its braces cannot become a call with double quotes in Python 3.11.
    cell = (
        "valeur = k\n"
        'checks.check_number(k, name="k", expected=3,\n'
        '    success=f"la classe compte {valeur:.0f} diagnostic"\n'
        "    f\"{'s différents' if valeur > 1 else ''} : qui sait \"\n"
        '    "que son voisin y figure ne devine pas le sien.")\n'
    )
    result = encode_messages(cell)
    assert (result.source, result.encoded, result.formatted) == (cell, 0, 1)
