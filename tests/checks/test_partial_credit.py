"""Partial credit in the checks: a share of the points when only some items are right."""

from __future__ import annotations

import pytest

from esn_teach import checks


def test_a_check_gives_partial_credit_only_when_asked_and_some_items_are_right(capsys):
    options = ["oui", "non"]
    expected = {"a": "oui", "b": "oui", "c": "oui", "d": "oui"}
    credit = checks.check_choices(
        {"a": "oui", "b": "non", "c": "oui", "d": "oui"},
        name="r",
        options=options,
        expected=expected,
        points=2,
    )
    # Corrected for guessing: with two options, a wrong item cancels a right one.
    assert isinstance(credit, checks.PartialCredit)
    assert (credit.points, credit.maximum, credit.right, credit.total) == (1.0, 2.0, 3, 4)
    assert repr(credit) == "1" and float(credit) == 1.0
    text = credit._repr_markdown_()
    assert "Note partielle : 1 point sur 2 points" in text
    assert "3 justes et 1 fausse sur 4 réponses" in text
    assert "retire une réponse juste" in text and "hasard" in text
    assert "1 réponse sur 4 à revoir" in capsys.readouterr().out
    assert not checks.passed("r")
    # With five options a wrong item takes back a quarter: (3 - 1/4) / 4 of 2 points.
    five = ["A", "B", "C", "D", "E"]
    credit = checks.check_choices(
        {"a": "A", "b": "B", "c": "A", "d": "A"},
        name="r",
        options=five,
        expected=dict.fromkeys("abcd", "A"),
        points=2,
    )
    assert credit.points == 1.38 and "retire 0,25 réponse juste" in credit._repr_markdown_()
    # Half right, half wrong with two options: what guessing earns, nothing (0, raised).
    with pytest.raises(checks.IncorrectAnswer):
        checks.check_choices(
            {"a": "oui", "b": "oui", "c": "non", "d": "non"},
            name="r",
            options=options,
            expected=expected,
            points=2,
        )
    # Without points=, or with nothing right, or an item misspelt or left blank: raise.
    wrong = {"a": "oui", "b": "non", "c": "oui", "d": "oui"}
    with pytest.raises(checks.IncorrectAnswer):
        checks.check_choices(wrong, name="r", options=options, expected=expected)
    with pytest.raises(checks.IncorrectAnswer):
        checks.check_choices(
            dict.fromkeys(expected, "non"), name="r", options=options, expected=expected, points=2
        )
    # An item left « ... » or misspelt earns and costs nothing: 3 right, 1 blank of 4.
    capsys.readouterr()
    for blank, headline in ((..., "Réponse incomplète (r)"), ("peut-être", "Réponse à revoir (r)")):
        credit = checks.check_choices(
            {**expected, "d": blank}, name="r", options=options, expected=expected, points=2
        )
        assert credit.points == 1.5 and "1 sans réponse valable" in credit._repr_markdown_()
        out = capsys.readouterr().out
        # Review 09 d20: only an item left « ... », the others right: incomplete, not wrong.
        assert out.startswith(f"\u2718 {headline} : ")
        assert ("Il reste à remplacer les « ... » de : « d »." in out) == (blank is ...)
    # Right and wrong cancel out, the blank adds nothing: 0, raised.
    with pytest.raises(checks.IncorrectAnswer, match="remplacer les"):
        checks.check_choices(
            {"a": "oui", "b": "non", "c": ..., "d": ...},
            name="r",
            options=options,
            expected=expected,
            points=2,
        )
    with pytest.raises(checks.NotAttempted):
        checks.check_choices(
            dict.fromkeys(expected, ...), name="r", options=options, expected=expected, points=2
        )
    with pytest.raises(ValueError):
        checks.check_choices(wrong, name="r", options=options, expected=expected, points=0)
    assert (
        checks.check_choices(expected, name="r", options=options, expected=expected, points=2)
        is checks.Outcome.CORRECT
    )
    assert checks.passed("r")


def test_a_number_too_rounded_earns_half_the_points_only_when_asked(capsys):
    """« Bon raisonnement, mais trop arrondi » : half the points with points=, else 0."""
    credit = checks.check_number(0.68, name="se", expected=58 / 85, points=2)
    assert isinstance(credit, checks.PartialCredit) and credit.points == 1.0
    assert "trop arrondi : la moitié des points" in credit._repr_markdown_()
    assert "bon raisonnement, mais trop arrondi" in capsys.readouterr().out
    assert not checks.passed("se")
    with pytest.raises(checks.IncorrectAnswer, match="trop arrondi"):
        checks.check_number(0.68, name="se", expected=58 / 85)
    # A plain wrong value, or a right one: unchanged.
    with pytest.raises(checks.IncorrectAnswer):
        checks.check_number(0.5, name="se", expected=58 / 85, points=2)
    assert checks.check_number(58 / 85, name="se", expected=58 / 85, points=2) is (
        checks.Outcome.CORRECT
    )
    assert checks.passed("se")


def test_a_named_mistake_for_the_rounding_changes_the_message_not_the_half_points(capsys):
    """The header's promise holds even where the author named the rounding as a mistake.

    Module 07 named « 57 » (56,8 rounded to the unit) and module 08 named « 0,61 »: the
    named mistake came first and the promised half point became 0.
    """
    named = checks.Mistake(57, "bon raisonnement, mais trop arrondi : à l'unité.")
    other = checks.Mistake(61.4, "vous avez utilisé l'équation 2009.")
    credit = checks.check_number(
        57, name="dfg", expected=56.83, decimals=1, mistakes=[named, other], points=1
    )
    assert isinstance(credit, checks.PartialCredit) and credit.points == 0.5
    assert "à l'unité" in capsys.readouterr().out
    assert not checks.passed("dfg")
    # Without points=, the named mistake is raised as before; a full-precision mistake too.
    with pytest.raises(checks.IncorrectAnswer, match="à l'unité"):
        checks.check_number(57, name="dfg", expected=56.83, decimals=1, mistakes=[named])
    with pytest.raises(checks.IncorrectAnswer, match="2009"):
        checks.check_number(
            61.43, name="dfg", expected=56.83, decimals=1, mistakes=[named, other], points=1
        )
    # Asked at 0,1 with no named mistake: the plain message says so, in French.
    checks.check_number(57, name="dfg", expected=56.83, decimals=1, points=1)
    printed = capsys.readouterr().out
    assert "se corrige à 0,1 près" in printed and "(la moitié des points)" in printed
    # An absurd magnitude is a plain wrong answer, told in French (it raised OverflowError).
    for absurd in (1e308, -1e308):
        with pytest.raises(checks.IncorrectAnswer):
            checks.check_number(absurd, name="dfg", expected=56.83, decimals=1, points=1)
        with pytest.raises(checks.IncorrectAnswer):
            checks.check_number(absurd, name="dfg", digest=checks.answer_digest(56.83, name="dfg"))
    # 0 is never the right value too rounded (0,26 asked at 0,1): no half point for it.
    with pytest.raises(checks.IncorrectAnswer) as info:
        checks.check_number(0, name="ecart", expected=0.26, decimals=1, points=1)
    assert "trop arrondi" not in str(info.value)


def test_another_method_landing_on_the_rounded_key_earns_nothing(capsys):
    """Review 14 d20: key 2,03 at 2 decimals; the inverse of the ordinary mean gives exactly
    3 / 1,5 = 2,0, the key rounded one decimal too far. It earned half a point as « trop
    arrondi » with the wrong method's message (71 copies of 3 000)."""
    inverse = checks.Mistake(2.0, "vous avez pris l'inverse de la moyenne ordinaire")
    for answer in (2.0, 3 / 1.5, 2):
        with pytest.raises(checks.IncorrectAnswer) as info:
            checks.check_number(
                answer, name="perplexite", expected=2.0266, decimals=2, mistakes=[inverse], points=1
            )
        said = str(info.value)
        assert said.startswith("Réponse à revoir (perplexite) : vous avez pris l'inverse")
        assert "elle l'était trop pour la distinguer de cette erreur" in said
        assert "se corrige à 2 décimales" in said and "moitié" not in said
    # The same value with that mistake at another value stays the key too rounded: half.
    elsewhere = checks.Mistake(2.41, "vous avez pris l'inverse de la moyenne ordinaire")
    credit = checks.check_number(
        2.0, name="perplexite", expected=2.0266, decimals=2, mistakes=[elsewhere], points=1
    )
    assert isinstance(credit, checks.PartialCredit) and credit.points == 0.5
    # A digest-only mistake (visible check) is recognised the same way.
    digest = checks.answer_digest(2.0, name="perplexite", decimals=2)
    hidden = checks.Mistake(None, "vous avez pris l'inverse de la moyenne ordinaire", digest=digest)
    with pytest.raises(checks.IncorrectAnswer, match="distinguer de cette erreur"):
        checks.check_number(
            2.0, name="perplexite", expected=2.0266, decimals=2, mistakes=[hidden], points=1
        )
    # A mistake about rounding keeps its half point (module 07's « 57 »).
    rounding = checks.Mistake(2.0, "bon raisonnement, mais trop arrondi")
    credit = checks.check_number(
        2.0, name="perplexite", expected=2.0266, decimals=2, mistakes=[rounding], points=1
    )
    assert credit.points == 0.5
    capsys.readouterr()


def test_partial_credit_prints_the_slip_and_returns_a_share_of_the_points(capsys):
    _ = checks.check_number(0.5, name="seuil_pc", expected=0.5)
    assert checks.passed("seuil_pc")
    credit = checks.partial_credit(
        "le seuil atteint 95 %, mais un seuil plus élevé aussi.",
        name="seuil_pc",
        points=1,
        detail="seuil qui atteint la cible, pas le plus élevé : la moitié des points",
    )
    assert isinstance(credit, checks.PartialCredit)
    assert (credit.points, credit.maximum) == (0.5, 1.0)
    assert "Note partielle : 0,5 point sur 1 point" in credit._repr_markdown_()
    assert "un seuil plus élevé aussi" in capsys.readouterr().out
    assert not checks.passed("seuil_pc")
    for share in (0, 1, 1.5, True):
        with pytest.raises(ValueError):
            checks.partial_credit("x", name="seuil_pc", points=1, share=share, detail="x")
    with pytest.raises(ValueError):
        checks.partial_credit("x", name="seuil_pc", points=0, detail="x")
    credit = checks.partial_credit("x", name="seuil_pc", points=2)
    assert credit.points == 1.0 and "bon raisonnement" in credit._repr_markdown_()


@pytest.mark.parametrize("key", [0.629, 0.6295, 0.630, 0.631, 0.634, 0.6349, 0.626])
def test_one_decimal_too_few_earns_half_whatever_the_keys_last_digit(key, capsys):
    """0,63 for a key asked at 3 decimals: half the points, whether the key is 0,629 (within
    the tolerance of one unit) or 0,634 — with each student's own cases, the key's last digit
    is drawn, and the grade must not depend on it. The key itself, written short (0,63 for
    0,630), is the answer."""
    exact = round(key, 3) == 0.63
    credit = checks.check_number(0.63, name="q", expected=key, points=2)
    if exact:
        assert credit is checks.Outcome.CORRECT
    else:
        assert isinstance(credit, checks.PartialCredit) and credit.points == 1.0
        assert "trop arrondi" in capsys.readouterr().out
        with pytest.raises(checks.IncorrectAnswer, match="trop arrondi"):
            checks.check_number(0.63, name="q", expected=key)  # no points=: no half
    # At the asked precision, the tolerance of one unit still holds.
    for near in (round(key, 3) - 0.001, round(key, 3) + 0.001):
        if near != round(near, 2):
            assert checks.check_number(near, name="q", expected=key) is checks.Outcome.CORRECT


def test_one_decimal_too_few_keeps_the_named_mistakes_message(capsys):
    mistake = checks.Mistake(0.63, "vous avez arrondi l'intermédiaire")
    credit = checks.check_number(0.63, name="q", expected=0.629, points=2, mistakes=[mistake])
    assert credit.points == 1.0 and "arrondi l'intermédiaire" in capsys.readouterr().out
    with pytest.raises(checks.IncorrectAnswer, match="arrondi l'intermédiaire"):
        checks.check_number(0.63, name="q", expected=0.629, mistakes=[mistake])
    # An integer for a question asked at 0,1: 57 for 56,9 is half, as 57 for 56,8.
    assert checks.check_number(57, name="d", expected=56.9, decimals=1, points=2).points == 1.0


def test_a_closer_named_mistake_outranks_the_key_too_rounded(capsys):
    """Review 07 d14, finding 5: where two versions' keys lie within 0,005 of each other, the
    other version's key rounded to two decimals earned half the points as « trop arrondi »."""
    other = checks.Mistake(0.3312, "cette réponse correspond à une autre consigne que la vôtre.")
    with pytest.raises(checks.IncorrectAnswer, match="autre consigne"):
        checks.check_number(0.33, name="part", expected=0.3333, mistakes=[other], points=2)
    assert not checks.passed("part")
    # A mistake that does not explain the answer leaves the half points.
    far = checks.Mistake(0.3412, "vous avez pris l'autre groupe.")
    credit = checks.check_number(0.33, name="part", expected=0.3333, mistakes=[far], points=2)
    assert isinstance(credit, checks.PartialCredit) and credit.points == 1.0
    # A named mistake that is the key's rounding keeps the half points (the header's promise).
    rounding = checks.Mistake(0.33, "bon raisonnement, mais trop arrondi.")
    credit = checks.check_number(0.33, name="part", expected=0.3333, mistakes=[rounding], points=2)
    assert isinstance(credit, checks.PartialCredit) and credit.points == 1.0
    capsys.readouterr()


def test_unnamed_reasons_are_not_in_the_items_order(capsys):
    """Review 09 d20b: the reasons « dans le désordre » were sorted alphabetically, so reasons
    starting « Phrase 1 … », « Phrase 2 … » told which items were wrong."""
    import hashlib

    expected = {f"p{n}": "oui" for n in range(1, 7)}
    mistakes = {
        key: [checks.Mistake("non", f"Phrase {n} : relisez la section {n}.")]
        for n, key in enumerate(expected, start=1)
    }
    answer = dict.fromkeys(expected, "non")
    with pytest.raises(checks.IncorrectAnswer) as info:
        checks.check_choices(
            answer, name="r", options=["oui", "non"], expected=expected, mistakes=mistakes
        )
    said = str(info.value)
    printed = [said.index(f"Phrase {n} :") for n in range(1, 7)]
    reasons = [f"Phrase {n} : relisez la section {n}." for n in range(1, 7)]
    by_hash = sorted(reasons, key=lambda r: hashlib.sha256(r.encode()).hexdigest())
    assert [reasons[i] for i in sorted(range(6), key=printed.__getitem__)] == by_hash
    assert by_hash != reasons  # the items' order would have told which ones are wrong
    capsys.readouterr()
