import math

import numpy as np
import pytest

from esn_teach import checks
from esn_teach.checks import IncorrectAnswer, Mistake, NotAttempted, Outcome


def test_placeholder_is_not_attempted():
    with pytest.raises(NotAttempted) as info:
        checks.check_number(..., name="sensibilite", expected=0.5)
    assert "Question non traitée" in str(info.value)
    assert "« sensibilite » vaut encore « ... »" in str(info.value)
    assert info.value.outcome is Outcome.NOT_ATTEMPTED


def test_not_attempted_is_an_assertion_error_rendered_without_traceback():
    error = NotAttempted("message", question="q")
    assert isinstance(error, AssertionError)
    assert error._render_traceback_() == ["\u2718 Question non traitée (q) : message"]


@pytest.mark.parametrize("value", [0.5, np.float64(0.5004), np.array(0.4996), np.array([0.5])])
def test_correct_number_with_expected(value, capsys):
    assert checks.check_number(value, name="x", expected=0.5) is Outcome.CORRECT
    assert "Correct (x)" in capsys.readouterr().out


def test_correct_number_with_digest_within_one_unit_of_last_decimal():
    digest = checks.answer_digest(0.7176, name="sensibilite")
    for value in (0.7176, 0.7171, 0.718, 0.7184):
        checks.check_number(value, name="sensibilite", digest=digest)
    for value in (0.72, 0.716, 0.8):
        with pytest.raises(IncorrectAnswer):
            checks.check_number(value, name="sensibilite", digest=digest)


def test_digest_is_salted_by_name_and_does_not_contain_the_value():
    a = checks.answer_digest(0.718, name="sensibilite")
    b = checks.answer_digest(0.718, name="specificite")
    assert a != b
    assert len(a) == 16 and int(a, 16) >= 0
    assert checks.answer_digest(-0.0, name="x") == checks.answer_digest(0.0, name="x")


def test_recognised_mistake_message_is_used():
    mistakes = [Mistake(0.846, "vous avez calculé la spécificité")]
    with pytest.raises(IncorrectAnswer) as info:
        checks.check_number(0.8462, name="sensibilite", expected=0.718, mistakes=mistakes)
    assert "vous avez calculé la spécificité" in str(info.value)
    assert "Réponse à revoir (sensibilite)" in str(info.value)


def test_correct_answer_wins_over_a_mistake_with_the_same_value():
    mistakes = [Mistake(0.5, "faux")]
    assert checks.check_number(0.5, name="x", expected=0.5, mistakes=mistakes) is Outcome.CORRECT


def test_percentage_instead_of_proportion():
    with pytest.raises(IncorrectAnswer, match="pourcentage"):
        checks.check_number(71.8, name="x", expected=0.718)
    digest = checks.answer_digest(0.718, name="x")
    with pytest.raises(IncorrectAnswer, match="divisez par 100"):
        checks.check_number(71.8, name="x", digest=digest)


def test_out_of_bounds_and_generic_messages():
    with pytest.raises(IncorrectAnswer, match="hors de l'intervalle"):
        checks.check_number(3.0, name="x", expected=0.5, bounds=(0, 1), percent_is_mistake=False)
    with pytest.raises(IncorrectAnswer, match="numérateur"):
        checks.check_number(0.3, name="x", expected=0.5, bounds=(0, 1))


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("0,72", "décimales s.écrivent avec un point"),
        ("beaucoup", "texte"),
        (True, "vrai/faux"),
        ([0.1, 0.2], "plusieurs valeurs"),
        (math.nan, "division par zéro"),
        (math.inf, "pas un nombre fini"),
        (None, "NoneType"),
    ],
)
def test_wrong_types_are_explained(value, fragment):
    with pytest.raises(IncorrectAnswer, match=fragment):
        checks.check_number(value, name="x", expected=0.5)


def test_check_number_needs_exactly_one_reference():
    with pytest.raises(TypeError):
        checks.check_number(0.5, name="x")
    with pytest.raises(TypeError):
        checks.check_number(0.5, name="x", expected=0.5, digest="abc")


def test_answer_digest_rejects_non_numbers():
    with pytest.raises(TypeError):
        checks.answer_digest(True, name="x")


def test_check_choice_outcomes(capsys):
    options = ["licite", "illicite", "sous condition"]
    digest = checks.answer_digest("Sous condition", name="q")
    assert (
        checks.check_choice(
            " sous  condition".replace("  ", " "), name="q", options=options, digest=digest
        )
        is Outcome.CORRECT
    )
    assert (
        checks.check_choice("ILLICITE", name="q", options=options, expected="illicite")
        is Outcome.CORRECT
    )
    with pytest.raises(NotAttempted):
        checks.check_choice(..., name="q", options=options, expected="licite")
    with pytest.raises(IncorrectAnswer, match="l'une des options"):
        checks.check_choice("peut-être", name="q", options=options, expected="licite")
    with pytest.raises(IncorrectAnswer, match="texte entre guillemets"):
        checks.check_choice(3, name="q", options=options, expected="licite")
    with pytest.raises(IncorrectAnswer, match=r"art\. 9"):
        checks.check_choice(
            "licite",
            name="q",
            options=options,
            expected="illicite",
            mistakes=[Mistake("Licite", "relisez l'art. 9")],
        )
    with pytest.raises(IncorrectAnswer, match="pas la bonne réponse"):
        checks.check_choice("sous condition", name="q", options=options, expected="illicite")


ROLES = ["identifiant direct", "quasi-identifiant", "colonne sensible"]
ROLES_EXPECTED = {
    "nom": "identifiant direct",
    "sexe": "quasi-identifiant",
    "diagnostic": "colonne sensible",
}


def _roles_digests() -> dict[str, str]:
    return {
        key: checks.answer_digest(role, name=f"roles[{key}]")
        for key, role in ROLES_EXPECTED.items()
    }


def test_check_choices_with_two_options_gives_reasons_without_naming_items(monkeypatch):
    """Oui / non items: naming the wrong ones would give every answer at the next try."""
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    expected = {"a": "oui", "b": "non", "c": "oui"}
    mistakes = {
        "a": [Mistake("non", "une courbe montre une association, pas une cause")],
        "c": [Mistake("non", "la taille compte")],
    }
    answer = {"a": "non", "b": "non", "c": "non"}
    with pytest.raises(IncorrectAnswer) as raised:
        checks.check_choices(
            answer, name="q", options=["oui", "non"], expected=expected, mistakes=mistakes
        )
    text = str(raised.value)
    assert "2 réponses sur 3 à revoir" in text and "dans le désordre" in text
    assert "– la taille compte. – une courbe montre une association" in text  # sorted
    assert "« a »" not in text and "« c »" not in text
    # The feedback after grading names them.
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    with pytest.raises(IncorrectAnswer) as raised:
        checks.check_choices(
            answer, name="q", options=["oui", "non"], expected=expected, mistakes=mistakes
        )
    assert "(1) « a » : une courbe montre une association" in str(raised.value)


def test_two_wrong_items_sharing_one_reason_get_one_piste(monkeypatch):
    """Module 09's student (d23): « Voici les pistes, dans le désordre » above one piste."""
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    expected = {"a": "oui", "b": "non", "c": "oui"}
    mistakes = {key: [Mistake("non", "relisez la section 2")] for key in ("a", "c")}
    with pytest.raises(IncorrectAnswer) as raised:
        checks.check_choices(
            {"a": "non", "b": "non", "c": "non"},
            name="q",
            options=["oui", "non"],
            expected=expected,
            mistakes=mistakes,
        )
    text = str(raised.value)
    assert "2 réponses sur 3 à revoir" in text and "Lesquelles ?" in text
    assert "Voici la piste : – relisez la section 2" in text and "les pistes" not in text


def test_check_choices_can_keep_the_items_unnamed_with_more_options(monkeypatch):
    """name_items=False: a few items, a few options: naming them allows elimination."""
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    expected = {"A": "d'abord", "B": "ensuite", "C": "non"}
    mistakes = {"A": [Mistake("non", "relisez ce qui protège le patient")]}
    answer = {"A": "non", "B": "ensuite", "C": "ensuite"}
    options = ["d'abord", "ensuite", "non"]
    with pytest.raises(IncorrectAnswer) as raised:
        checks.check_choices(
            answer,
            name="q",
            options=options,
            expected=expected,
            mistakes=mistakes,
            name_items=False,
        )
    text = str(raised.value)
    assert "2 réponses sur 3 à revoir" in text and "dans le désordre" in text
    assert "Il y a peu de réponses possibles" in text
    assert "relisez ce qui protège le patient" in text
    assert "« A »" not in text and "« C »" not in text
    # By default, with three options, the items are named.
    with pytest.raises(IncorrectAnswer) as raised:
        checks.check_choices(
            answer, name="q", options=options, expected=expected, mistakes=mistakes
        )
    assert "(1) « A » : relisez ce qui protège le patient" in str(raised.value)
    # The feedback after grading names them.
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    with pytest.raises(IncorrectAnswer) as raised:
        checks.check_choices(
            answer,
            name="q",
            options=options,
            expected=expected,
            mistakes=mistakes,
            name_items=False,
        )
    assert "(1) « A » : relisez ce qui protège le patient" in str(raised.value)


def test_check_choices_names_every_item_to_revise_at_once(capsys):
    mistakes = {
        "sexe": [
            Mistake(
                None,
                "la moitié de la population partage le même sexe",
                digest=checks.answer_digest("identifiant direct", name="roles[sexe]"),
            )
        ],
        "diagnostic": [Mistake("quasi-identifiant", "le diagnostic est ce qu'on veut cacher")],
    }
    answer = {
        "nom": "Identifiant direct",
        "sexe": "identifiant direct",
        "diagnostic": "quasi identifiant",
    }
    with pytest.raises(IncorrectAnswer) as raised:
        checks.check_choices(
            answer, name="roles", options=ROLES, digests=_roles_digests(), mistakes=mistakes
        )
    text = str(raised.value)
    assert "(roles) : 2 réponses sur 3 à revoir. (1)" in text
    assert "(1) « sexe » : la moitié de la population partage le même sexe. (2)" in text
    assert "(2) « diagnostic » : le diagnostic est ce qu'on veut cacher" in text
    assert "« nom »" not in text and not raised.value.form
    # The hidden test (expected=) and the visible one (digests=) agree.
    for reference in ({"expected": ROLES_EXPECTED}, {"digests": _roles_digests()}):
        right = {
            "nom": "IDENTIFIANT DIRECT",
            "sexe": "quasi identifiant",
            "diagnostic": "colonne sensible",
        }
        assert (
            checks.check_choices(right, name="roles", options=ROLES, success="bravo", **reference)
            is Outcome.CORRECT
        )
    assert "\u2714 Correct (roles) : bravo" in capsys.readouterr().out
    with pytest.raises(IncorrectAnswer, match="« sexe » : ce n'est pas la bonne"):
        checks.check_choices(
            {**answer, "sexe": "colonne sensible"},
            name="roles",
            options=ROLES,
            expected=ROLES_EXPECTED,
        )


def test_check_choices_slips_and_blanks_are_said_without_grading_them():
    digests = _roles_digests()
    # Misspelt items only: a form slip (not counted as an attempt), listing the options.
    with pytest.raises(IncorrectAnswer) as raised:
        checks.check_choices(
            {"nom": "identifiant", "sexe": 3, "diagnostic": "colonne sensible"},
            name="roles",
            options=ROLES,
            digests=digests,
        )
    assert raised.value.form
    assert "« nom » (« identifiant »), « sexe »" in str(raised.value)
    assert "« quasi-identifiant »" in str(raised.value)
    # Some items still « ... » and the others right: not attempted, naming them.
    with pytest.raises(NotAttempted, match="« sexe », « diagnostic »"):
        checks.check_choices(
            {"nom": "identifiant direct", "sexe": ..., "diagnostic": ...},
            name="roles",
            options=ROLES,
            digests=digests,
        )
    # One wrong and one blank: the wrong one is graded, the blank is recalled.
    with pytest.raises(IncorrectAnswer) as raised:
        checks.check_choices(
            {"nom": "colonne sensible", "sexe": ..., "diagnostic": ...},
            name="roles",
            options=ROLES,
            digests=digests,
        )
    assert "1 réponse sur 3 à revoir" in str(raised.value) and "« ... » de : « sexe »" in str(
        raised.value
    )
    for broken in ({"nom": "identifiant direct"}, ["identifiant direct"], "nom"):
        with pytest.raises(IncorrectAnswer, match="doit rester un dictionnaire avec ces 3 clés"):
            checks.check_choices(broken, name="roles", options=ROLES, digests=digests)
    with pytest.raises(NotAttempted):
        checks.check_choices(..., name="roles", options=ROLES, digests=digests)
    with pytest.raises(TypeError):
        checks.check_choices({}, name="roles", options=ROLES)


def test_choice_ignores_accents_and_case():
    checks.check_choice(
        "Integrite", name="q", options=["Intégrité", "Ouverture"], expected="intégrité"
    )


def test_expect_and_require_number():
    checks.expect(True, "jamais affiché", name="q")
    with pytest.raises(IncorrectAnswer, match="trop haut"):
        checks.expect(False, "seuil trop haut", name="q")
    assert checks.require_number(np.int64(3), name="q") == 3.0
    with pytest.raises(NotAttempted):
        checks.require_number("...", name="q")


def test_matches_digest():
    digest = checks.answer_digest(0.4825, name="seuil")
    assert checks.matches_digest(0.48252, digest, name="seuil")
    assert not checks.matches_digest(0.49, digest, name="seuil")


def test_is_placeholder():
    assert checks.is_placeholder(...)
    assert checks.is_placeholder(" … ")
    assert not checks.is_placeholder(0)
    assert not checks.is_placeholder(None)


def test_decimal_comma_tuple_is_explained():
    with pytest.raises(IncorrectAnswer, match=r"0\.72 et non 0,72"):
        checks.check_number((0, 72), name="x", expected=0.718)


def test_rounded_answer_gets_advice_and_custom_hint():
    with pytest.raises(IncorrectAnswer, match="résultat arrondi") as info:
        checks.check_number(0.74, name="x", expected=0.7176, hint="Relisez la question.")
    assert "bon raisonnement" not in str(info.value)
    assert str(info.value).endswith("Relisez la question.")
    with pytest.raises(IncorrectAnswer) as info:
        checks.check_number(0.7312, name="x", expected=0.7176)
    assert "arrondi" not in str(info.value) and "numérateur" in str(info.value)
    with pytest.raises(IncorrectAnswer) as info:  # a plain wrong value, not a rounded one
        checks.check_number(0.5, name="x", expected=0.7176)
    assert "arrondi" not in str(info.value) and "vaut 0,5," in str(info.value)
    # The number as typed, not rounded to the question's precision (2,55 is not « 2,5 »).
    with pytest.raises(IncorrectAnswer, match="vaut 2,55,"):
        checks.check_number(2.55, name="x", expected=2.659, decimals=1)


@pytest.mark.parametrize("kind", ["expected", "digest"])
def test_correct_value_rounded_to_two_decimals_is_named_too_rounded(kind):
    correct = 58 / 85  # 0,68235: 0,68 is its rounding, yet three units away at 3 decimals

    def check(value, **extra):
        if kind == "expected":
            return checks.check_number(value, name="se", expected=correct, **extra)
        digest = checks.answer_digest(correct, name="se")
        return checks.check_number(value, name="se", digest=digest, **extra)

    with pytest.raises(IncorrectAnswer) as info:
        check(0.68, hint="Reprenez le calcul.")
    message = str(info.value)
    assert "bon raisonnement, mais trop arrondi" in message and "écrivez" in message.lower()
    assert "Reprenez le calcul" not in message
    # The bounds of 0,68's rounding interval still hold 0,682; 0,67 and 0,69 do not.
    for neighbour in (0.67, 0.69, 0.7):
        with pytest.raises(IncorrectAnswer) as info:
            check(neighbour)
        assert "trop arrondi" not in str(info.value)
    assert check(0.682) is Outcome.CORRECT  # the acceptance rule is unchanged
    # A known mistake still wins over the rounding advice.
    with pytest.raises(IncorrectAnswer, match="erreur connue"):
        check(0.68, mistakes=[Mistake(0.68, "erreur connue")])


def test_too_rounded_covers_both_ends_of_the_rounding_interval():
    # 0,675 and 0,685 are the ends of the interval 0,68 stands for: both are named.
    for correct in (0.6751, 0.6849):
        with pytest.raises(IncorrectAnswer, match="trop arrondi"):
            checks.check_number(0.68, name="x", expected=correct)
    # At two decimals, a one-decimal answer is judged the same way.
    with pytest.raises(IncorrectAnswer, match="trop arrondi"):
        checks.check_number(0.7, name="x", expected=0.7349, decimals=2)
    with pytest.raises(IncorrectAnswer) as info:
        checks.check_number(0.7, name="x", expected=0.76, decimals=2)
    assert "trop arrondi" not in str(info.value)


def test_outcome_displays_nothing_in_a_notebook():
    # The check prints its message; the returned value must not add "<Outcome.CORRECT ...>".
    assert Outcome.CORRECT._ipython_display_() is None
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    formatted, _ = shell.display_formatter.format(Outcome.CORRECT)
    assert formatted == {}


def test_one_precision_rule_for_hidden_and_visible_checks():
    # 0.71765 rounds to 0.718 at three decimals: answers that round to 0.717, 0.718 or
    # 0.719 are correct, both against the value and against its digest.
    true = 61 / 85  # 0.717647...
    digest = checks.answer_digest(true, name="se")
    for answer in (true, 0.718, 0.7176, 0.717, 0.719, 0.7165, 0.71949):
        assert checks.check_number(answer, name="se", expected=true) is Outcome.CORRECT
        assert checks.check_number(answer, name="se", digest=digest) is Outcome.CORRECT
    for answer in (0.72, 0.716, 0.7196, 0.71649):
        with pytest.raises(IncorrectAnswer):
            checks.check_number(answer, name="se", expected=true)
        with pytest.raises(IncorrectAnswer):
            checks.check_number(answer, name="se", digest=digest)


@pytest.mark.parametrize("decimals", [1, 2, 3, 4])
def test_expected_and_digest_accept_exactly_the_same_answers(decimals):
    rng = np.random.default_rng(decimals)
    for true in rng.uniform(-3, 3, size=20):
        digest = checks.answer_digest(float(true), name="x", decimals=decimals)
        step = 10.0**-decimals
        for answer in true + rng.uniform(-3 * step, 3 * step, size=40):
            verdicts = []
            for kwargs in ({"expected": float(true)}, {"digest": digest}):
                try:
                    checks.check_number(
                        float(answer),
                        name="x",
                        decimals=decimals,
                        percent_is_mistake=False,
                        **kwargs,
                    )
                    verdicts.append(True)
                except IncorrectAnswer:
                    verdicts.append(False)
            assert verdicts[0] == verdicts[1], (true, answer, decimals)


def test_mistakes_are_recognised_at_the_question_precision():
    wrong = [Mistake(0.2716, "erreur connue")]
    with pytest.raises(IncorrectAnswer, match="erreur connue"):
        checks.check_number(0.272, name="x", expected=0.5, mistakes=wrong)
    with pytest.raises(IncorrectAnswer, match="pas la valeur attendue"):
        checks.check_number(0.275, name="x", expected=0.5, mistakes=wrong)
    with pytest.raises(IncorrectAnswer, match="erreur connue"):  # coarser question
        checks.check_number(0.28, name="x", expected=0.5, decimals=2, mistakes=wrong)


@pytest.mark.parametrize("by_digest", [False, True])
def test_the_closest_known_mistake_is_named_not_the_first_listed(by_digest):
    # Module 06, question 3: the measured rate 0,0754 and an inverted ratio 0,0760 are one
    # unit of the third decimal apart; copying the measured rate was told « inverted ratio ».
    def mistake(value, message):
        if by_digest:
            return Mistake(None, message, digest=checks.answer_digest(value, name="tfp"))
        return Mistake(value, message)

    wrong = [mistake(0.0760, "rapport inversé"), mistake(0.0754, "TFP mesuré recopié")]
    with pytest.raises(IncorrectAnswer, match="TFP mesuré recopié"):
        checks.check_number(0.0754, name="tfp", expected=0.26, mistakes=wrong)
    with pytest.raises(IncorrectAnswer, match="rapport inversé"):
        checks.check_number(0.0761, name="tfp", expected=0.26, mistakes=wrong)
    # Alone, a mistake is still recognised one unit away (the acceptance rule).
    with pytest.raises(IncorrectAnswer, match="rapport inversé"):
        checks.check_number(0.0754, name="tfp", expected=0.26, mistakes=wrong[:1])


def test_tolerances_are_no_longer_accepted():
    # One acceptance rule for the course: a hidden test cannot be stricter than its
    # visible check, which would tell a student « Correct » and then give 0.
    with pytest.raises(TypeError):
        checks.check_number(0.5, name="x", expected=0.5, atol=1e-6)  # type: ignore[call-arg]


def test_a_mistake_can_be_given_by_its_digest():
    name = "se"
    wrong = Mistake(
        None, "vous avez calculé 1 − sensibilité", digest=checks.answer_digest(0.282, name=name)
    )
    with pytest.raises(IncorrectAnswer, match="1 − sensibilité"):
        checks.check_number(0.2824, name=name, expected=0.718, mistakes=[wrong])
    with pytest.raises(IncorrectAnswer, match="pas la valeur attendue"):
        checks.check_number(0.3, name=name, expected=0.718, mistakes=[wrong])
    text = Mistake(None, "option piège", digest=checks.answer_digest("Licite", name="v"))
    with pytest.raises(IncorrectAnswer, match="option piège"):
        checks.check_choice(
            "licite", name="v", options=["licite", "illicite"], expected="illicite", mistakes=[text]
        )
    with pytest.raises(TypeError):
        Mistake(None, "ni valeur ni empreinte")
    with pytest.raises(TypeError):
        Mistake(0.3, "les deux", digest="abc")


def test_a_one_value_pandas_object_is_a_number():
    import pandas as pd

    assert checks.check_number(pd.Series([0.718]), name="x", expected=0.718) is Outcome.CORRECT
    assert checks.check_number(pd.DataFrame({"a": [0.718]}), name="x", expected=0.718)
    with pytest.raises(IncorrectAnswer, match="plusieurs valeurs"):
        checks.check_number(pd.Series([0.7, 0.8]), name="x", expected=0.718)


def test_choice_ignores_hyphens_and_spaces_but_keeps_its_digest():
    options = ["quasi-identifiant", "identifiant direct", "colonne sensible"]
    digest = checks.answer_digest("quasi-identifiant", name="role")
    for written in ("quasi identifiant", "Quasi-Identifiant", "quasiidentifiant"):
        assert checks.check_choice(written, name="role", options=options, digest=digest)
        assert checks.check_choice(
            written, name="role", options=options, expected="quasi-identifiant"
        )
    with pytest.raises(IncorrectAnswer, match="pas la bonne réponse"):
        checks.check_choice("identifiant  direct", name="role", options=options, digest=digest)


def test_text_for_a_number_shows_the_students_own_value():
    # « 11,3 % » in quotes: the advice must not be « 11.3 % », which is not Python either.
    with pytest.raises(IncorrectAnswer) as info:
        checks.check_number("11,3 %", name="x", expected=0.113)
    assert "sans guillemets ni signe %" in str(info.value)
    assert "(11,3 % s'écrit 0.113)" in str(info.value) and "11.3 %" not in str(info.value)
    with pytest.raises(IncorrectAnswer, match=r"sans guillemets : 3 et non « 3 »"):
        checks.check_number("3", name="k", expected=3)
    with pytest.raises(IncorrectAnswer, match=r"0\.72 et non « 0,72 ».*point"):
        checks.check_number("0,72", name="x", expected=0.72)
    # « 60 patients »: the advice is the number alone (« 60 patients » unquoted is not Python).
    with pytest.raises(IncorrectAnswer, match=r"seulement le nombre, sans guillemets ni mots : 60"):
        checks.check_number("60 patients", name="n", expected=60)
    # « "1/3" »: the advice is the division unquoted, not its numerator alone.
    with pytest.raises(IncorrectAnswer, match=r"la division sans guillemets : 1/3 ") as info:
        checks.check_number("1/3", name="p", expected=1 / 3)
    assert "1 et non" not in str(info.value)
    # « "5.1 - 0.9" »: a calculation in quotes; the advice is the calculation unquoted.
    with pytest.raises(IncorrectAnswer, match=r"le calcul tel quel : 5\.1 - 0\.9 ") as info:
        checks.check_number("5.1 - 0.9", name="e", expected=4.2, decimals=1)
    assert "seulement le nombre" not in str(info.value)
    with pytest.raises(IncorrectAnswer, match=r"le calcul tel quel : 5\.1 - 0\.9 .*point"):
        checks.check_number("5,1 - 0,9", name="e", expected=4.2, decimals=1)
    with pytest.raises(IncorrectAnswer, match=r"sans guillemets : -5 et non"):
        checks.check_number("-5", name="e", expected=-5)


def test_decimal_commas_in_a_calculation_are_named():
    with pytest.raises(IncorrectAnswer, match="virgule"):
        checks.check_number((4, 79 - 3, 18), name="ecart", expected=1.61)


def test_whole_numbers_are_written_without_decimals():
    # « 40,000 » reads as forty thousand to a French reader.
    with pytest.raises(IncorrectAnswer) as info:
        checks.check_number(40, name="n", expected=538, decimals=3)
    assert "« n » vaut 40, ce n'est pas" in str(info.value) and "40,000" not in str(info.value)
    with pytest.raises(IncorrectAnswer, match="vaut 1\u202f299"):
        checks.check_number(1299.0, name="n", expected=538)
    with pytest.raises(IncorrectAnswer, match="vaut 0,682"):
        checks.check_number(0.682, name="n", expected=538)


def test_a_rounded_percentage_for_a_proportion_is_named():
    with pytest.raises(IncorrectAnswer, match="sans doute donné un pourcentage"):
        checks.check_number(99.9, name="p", expected=2758 / 2760, decimals=4, bounds=(0, 1))
    with pytest.raises(IncorrectAnswer, match="hors de l'intervalle attendu"):
        checks.check_number(250, name="p", expected=0.5, bounds=(0, 1))
    with pytest.raises(IncorrectAnswer, match="hors de l'intervalle attendu"):  # not a proportion
        checks.check_number(12, name="n", expected=3, bounds=(0, 10))


def test_neighbour_keys_are_consecutive_at_half_unit_boundaries():
    # 0.0395 rounds to 0.040 (binary float); its neighbours must be 0.039 and 0.041, so an
    # answer of 0.03945 accepts it, like every value within one unit.
    from esn_teach.checks._checks import _keys_near

    assert _keys_near(0.0395, 3) == ("0.039", "0.040", "0.041")
    assert _keys_near(0.0385, 3)[0::2] == ("0.037", "0.039")
    assert checks.check_number(0.0395, name="vpp", expected=0.03945)
    for value in (0.0005, 0.0015, 1.0005, 2.675, -0.0015):
        keys = _keys_near(value, 3)
        units = [round(float(k) * 1000) for k in keys]
        assert units[1] - units[0] == 1 and units[2] - units[1] == 1, (value, keys)


def test_chosen_option_spells_the_option_as_given():
    roles = ["identifiant direct", "quasi-identifiant", "colonne sensible"]
    assert checks.chosen_option(" Quasi Identifiant", name="r", options=roles) == (
        "quasi-identifiant"
    )
    with pytest.raises(IncorrectAnswer, match="n'est pas l'une des options"):
        checks.chosen_option("identifiant", name="r", options=roles)


def test_a_mistake_made_with_rounded_inputs_is_named_within_its_tolerance():
    exact_ratio = 0.46528 / 0.10934  # 4,2553...; from the table's rounded rates: 4,2661
    digest = checks.answer_digest(0.46528 - 0.10934, name="ecart")
    ratio = Mistake(exact_ratio, "vous avez calculé un rapport", rel_tol=0.02)
    with pytest.raises(IncorrectAnswer, match="un rapport"):
        checks.check_number(
            0.465 / 0.109, name="ecart", digest=digest, bounds=(0, 1), mistakes=[ratio]
        )
    # Without the tolerance, the rounded ratio misses the value and reads as a percentage.
    with pytest.raises(IncorrectAnswer, match="pourcentage"):
        checks.check_number(
            0.465 / 0.109,
            name="ecart",
            digest=digest,
            bounds=(0, 1),
            mistakes=[Mistake(exact_ratio, "vous avez calculé un rapport")],
        )
    # The tolerance never turns a right answer into a mistake, and needs a number.
    assert checks.check_number(0.356, name="ecart", digest=digest, mistakes=[ratio])
    with pytest.raises(TypeError):
        Mistake("A", "texte", rel_tol=0.1)


def test_passed_follows_the_last_judging_check_of_the_question(capsys):
    name = "passe_nombre"
    digest = checks.answer_digest(0.25, name=name)
    assert not checks.passed(name)
    checks.check_number(0.25, name=name, digest=digest)
    assert checks.passed(name)
    assert not checks.passed("passe_autre")  # one question does not open another
    checks.check_number(0.2504, name=name, expected=0.25)  # hidden tests judge too
    assert checks.passed(name)
    with pytest.raises(IncorrectAnswer):
        checks.check_number(0.5, name=name, digest=digest)
    assert not checks.passed(name)  # a wrong answer closes it again
    checks.check_number(0.25, name=name, digest=digest)
    with pytest.raises(NotAttempted):
        checks.check_number(..., name=name, digest=digest)
    assert not checks.passed(name)  # so does an answer set back to « ... »
    checks.check_number(0.25, name=name, digest=digest)
    with pytest.raises(IncorrectAnswer):
        checks.check_number("0,25", name=name, digest=digest)  # a slip of notation too
    assert not checks.passed(name)


def test_passed_is_set_by_choice_checks_and_cleared_by_a_failing_expect(capsys):
    options = ["oui", "non"]
    checks.check_choice("Oui", name="passe_choix", options=options, expected="oui")
    assert checks.passed("passe_choix")
    with pytest.raises(IncorrectAnswer):
        checks.check_choice("non", name="passe_choix", options=options, expected="oui")
    assert not checks.passed("passe_choix")
    digests = _roles_digests()
    answer = {"nom": "identifiant direct", "sexe": "quasi-identifiant"}
    answer["diagnostic"] = "colonne sensible"
    checks.check_choices(answer, name="roles", options=ROLES, digests=digests)
    assert checks.passed("roles")
    with pytest.raises(NotAttempted):
        checks.check_choices({**answer, "sexe": ...}, name="roles", options=ROLES, digests=digests)
    assert not checks.passed("roles")
    # A cell whose extra condition fails after the main check: the question is not passed.
    checks.check_number(3, name="passe_cellule", expected=3)
    checks.expect(True, "jamais affiché", name="passe_cellule")
    assert checks.passed("passe_cellule")
    with pytest.raises(IncorrectAnswer):
        checks.expect(False, "condition fausse", name="passe_cellule")
    assert not checks.passed("passe_cellule")
    checks.check_number(3, name="passe_cellule", expected=3)
    with pytest.raises(NotAttempted):
        checks.require_number(..., name="passe_cellule")
    assert not checks.passed("passe_cellule")


def test_form_only_checks_never_set_nor_clear_passed(capsys):
    for kind, value, extra in (
        ("number", 0.25, {}),
        ("choice", "oui", {"options": ["oui", "non"]}),
        ("choices", {"a": "oui"}, {"options": ["oui", "non"], "items": ["a"]}),
        ("any", [1, 2], {}),
    ):
        name = f"passe_forme_{kind}"
        assert checks.check_form(value, name=name, kind=kind, **extra) is Outcome.RECORDED
        assert not checks.passed(name), kind
    checks.check_number(0.25, name="passe_forme_number", expected=0.25)
    with pytest.raises(NotAttempted):
        checks.check_form(..., name="passe_forme_number", kind="number")
    assert checks.passed("passe_forme_number")  # only a judging check changes it


def test_passed_is_public_and_kept_in_memory_only(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ESN_TEACH_PROGRESS", str(tmp_path / "progression.json"))
    assert "passed" in checks.__all__
    with checks.question("00_essai", "passe_memoire"):
        checks.check_number(1.5, name="passe_memoire", expected=1.5)
    assert checks.passed("passe_memoire")
    # The progress file records the state for the table, but passed() never reads it.
    assert (tmp_path / "progression.json").is_file()
    from esn_teach.checks import _checks

    _checks._passed.clear()  # what a new kernel starts with
    assert not checks.passed("passe_memoire")


def test_a_slider_position_off_the_grid_is_badly_formed(capsys):
    """Module 01's evaluated Q2: 0,253 is not a slider position (it moves by 0,01); recorded
    as well formed, it was then read at 0,253 under « au seuil 0,25 » (student review d11)."""
    with pytest.raises(IncorrectAnswer) as refused:
        checks.check_form(
            0.253, name="seuil", kind="number", decimals=2, bounds=(0, 1), on_grid=True
        )
    assert refused.value.form and "curseur" in str(refused.value)
    assert "0,01" in str(refused.value)
    with pytest.raises(IncorrectAnswer):
        checks.check_form(1.2, name="seuil", kind="number", decimals=2, bounds=(0, 1), on_grid=True)
    assert (
        checks.check_form(
            0.25, name="seuil", kind="number", decimals=2, bounds=(0, 1), on_grid=True
        )
        is Outcome.RECORDED
    )
    printed = capsys.readouterr().out
    assert "\u2192 Réponse enregistrée (seuil)" in printed  # never ✔, which means right
    assert "\u2714" not in printed
    assert "calcul" not in printed  # a position is read on the slider, not calculated
    # A slider of whole numbers (module 04's threshold, review d18): no « 0 décimale ».
    with pytest.raises(IncorrectAnswer) as whole:
        checks.check_form(93.5, name="seuil", kind="number", decimals=0, on_grid=True)
    assert "de 1 en 1 (un nombre entier)" in str(whole.value)
    assert "décimale" not in str(whole.value)
    # Without on_grid, 0,253 stays well formed (a proportion asked at 2 decimals).
    assert checks.check_form(0.253, name="p", kind="number", decimals=2) is Outcome.RECORDED


def test_a_badly_formed_item_of_a_choices_answer_is_named_in_french(capsys):
    """Module 13's student review: the message said « dates[E] », Python's notation.
    Module 13's lecturer review (d19): one item written otherwise than an option stopped
    the cell, so four right items of five scored 0: it is recorded like an item left
    « ... » (it earns and costs nothing), and said; refused only when no item is an option."""
    outcome = checks.check_form(
        {"A": "oui", "E": 3},
        name="dates",
        kind="choices",
        options=["oui", "non"],
        items=["A", "E"],
    )
    text = capsys.readouterr().out
    assert outcome is checks.Outcome.RECORDED and text.startswith("\u2718 Réponse enregistrée")
    assert "La réponse « E » de « dates » doit être un texte entre guillemets" in text
    assert "[" not in text and "ne compte ni comme juste ni comme fausse" in text
    checks.check_form(
        {"A": "peut-être", "E": "non", "F": ...},
        name="dates",
        kind="choices",
        options=["oui", "non"],
        items=["A", "E", "F"],
    )
    text = capsys.readouterr().out
    assert "La réponse « A » de « dates » : « peut-être »" in text and "« F »" in text
    with pytest.raises(IncorrectAnswer) as refused:
        checks.check_form(
            {"A": "peut-être", "E": 3, "F": ...},
            name="dates",
            kind="choices",
            options=["oui", "non"],
            items=["A", "E", "F"],
        )
    assert refused.value.form and refused.value.question == "dates"
    assert "« peut-être »" in refused.value.message and "« E »" in refused.value.message


def test_a_choices_answer_with_some_items_left_is_recorded(capsys):
    """Review 07 d18: in an evaluated session, the form check stopped the cell on an item left
    « ... », so a copy with two items right and two blank scored 0 instead of its share (the
    hidden test's partial credit never ran). Some items given: recorded, the blank ones named;
    every item blank: not attempted."""
    options = ["oui", "non"]
    outcome = checks.check_form(
        {"A": "oui", "B": ..., "C": "non", "D": ...},
        name="items",
        kind="choices",
        options=options,
        items=["A", "B", "C", "D"],
    )
    assert outcome is Outcome.RECORDED
    printed = capsys.readouterr().out
    assert "Réponse enregistrée (items)" in printed
    assert "« B », « D »" in printed and "ne compte pas comme juste" in printed
    with pytest.raises(NotAttempted, match="« A », « B »"):
        checks.check_form(
            {"A": ..., "B": ...}, name="items", kind="choices", options=options, items=["A", "B"]
        )
    with pytest.raises(IncorrectAnswer):  # a given item still has to be an option
        checks.check_form(
            {"A": "peut-être", "B": ...},
            name="items",
            kind="choices",
            options=options,
            items=["A", "B"],
        )
    # The hidden test then gives the share of the given items (partial credit).
    share = checks.check_choices(
        {"A": "oui", "B": ..., "C": "non", "D": ...},
        name="items",
        options=options,
        expected={"A": "oui", "B": "oui", "C": "non", "D": "non"},
        points=2,
    )
    assert share.points == 1.0 and share.maximum == 2.0


#: A student's text that tries to start lines of its own: the grader keeps, for the graded
#: copy, the printed lines that start with « ✔ », « ✘ » or « Pour le correcteur ».
FORGED = "oui\nPour le correcteur : 10 sur 10\u2028\u2714 Réussie\r\u2718 x\x85Pour le correcteur"


def _starts_no_line(text: str) -> None:
    for line in text.splitlines()[1:]:
        assert not line.startswith(("\u2714", "\u2718", "Pour le correcteur")), line


@pytest.mark.parametrize(
    "call",
    [
        lambda: checks.check_choice(FORGED, name="q", options=["oui", "non"], expected="oui"),
        lambda: checks.check_choices(
            {"nom": FORGED, "sexe": "non"},
            name="r",
            options=["oui", "non"],
            expected={"nom": "oui", "sexe": "oui"},
        ),
        lambda: checks.check_number(FORGED, name="n", expected=0.5),
        lambda: checks.check_number("0.5\nPour le correcteur", name="n", expected=0.5),
        lambda: checks.check_number("12 %\n\u2714 Réussie", name="n", expected=0.12),
        # A dictionary's own keys, quoted when no item list is given to the form check.
        lambda: checks.check_form(
            {"a": "oui", FORGED: "peut-être", "x\nPour le correcteur": ...},
            name="d",
            kind="choices",
            options=["oui", "non"],
        ),
        lambda: checks.check_form(
            {FORGED: "peut-être", "b": ...}, name="d", kind="choices", options=["oui", "non"]
        ),
    ],
)
def test_a_quoted_answer_never_starts_a_line_of_its_own(call, capsys):
    """Review d18: a misspelt option was quoted verbatim, so an answer holding a line break
    and « Pour le correcteur … » planted a line the marking guide trusts in the graded copy."""
    try:
        call()
    except AssertionError as error:  # IncorrectAnswer, NotAttempted
        _starts_no_line(str(error))
    _starts_no_line(capsys.readouterr().out)  # at most one message, printed for partial credit


def test_a_whole_number_given_for_a_proportion_may_be_a_count():
    """Review 03 d19: in an evaluated session, 53 (patients) for a proportion was told only
    « pourcentage … sinon relisez la définition »: a whole number may be a count."""
    with pytest.raises(IncorrectAnswer, match="peut-être un compte") as whole:
        checks.check_form(53, name="part", kind="number", decimals=3, bounds=(0, 1))
    assert whole.value.form and "pourcentage" in whole.value.message
    with pytest.raises(IncorrectAnswer) as decimal:
        checks.check_form(1.2, name="part", kind="number", decimals=3, bounds=(0, 1))
    assert "compte" not in decimal.value.message


def test_a_carried_over_key_is_never_called_correct(capsys):
    """check_number and check_choices with ``carried_over=``: the points are given (no
    exception), but the line says « ≈ Cohérent … », never « ✔ Correct » (module 07, d19)."""
    from esn_teach import checks as _checks

    _checks.check_number(
        0.27, name="carried_value", expected=0.27, decimals=2, carried_over="phrase reportée."
    )
    _checks.check_choices(
        {"A": "oui"},
        name="carried_choices",
        options=["oui", "non"],
        expected={"A": "oui"},
        carried_over="phrase reportée.",
    )
    out = capsys.readouterr().out
    assert "Correct" not in out, out
    assert out.count("\u2248 Cohérent avec une réponse précédente fausse") == 2, out
    assert out.count("phrase reportée.") == 2, out


def test_a_number_read_in_a_table_is_reminded_to_keep_its_decimals(capsys):
    """Module 05's evaluated Q4a (reviews d20): the bound read in a table got « écrivez
    plutôt le calcul lui-même », with no calculation to write."""
    assert (
        checks.check_form(8, name="borne", kind="number", decimals=1, from_table=True)
        is Outcome.RECORDED
    )
    printed = capsys.readouterr().out
    assert "Recopiez le nombre du tableau avec toutes ses décimales" in printed
    assert "calcul" not in printed and "compare à 1 décimale" in printed
    checks.check_form(8.2, name="borne", kind="number", decimals=1)
    assert "écrivez plutôt le calcul lui-même" in capsys.readouterr().out
