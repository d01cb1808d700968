"""Module 11's own statements, read from its source (nothing executed).

Question 6 must be answerable without widgets: its fallback cell sets the five publications
of the question's table. Question 7's table must hold what its graded option says: an
8-anonymous table where one class, and one only, has a single diagnosis.
"""

from __future__ import annotations

import ast
import itertools
import os
import re

import numpy as np
import pandas as pd
import pytest
from esn_fixtures import NOTEBOOKS

from esn_teach import checks
from esn_teach import privacy as pv
from esn_teach.datasets import make_french_registry, make_voter_list
from esn_teach.explorers import AnonymisationExplorer
from esn_teach.explorers._anonymisation import BIRTH_DATE_OPTIONS, PLACE_OPTIONS

SOURCE = NOTEBOOKS / "11_pseudonymiser_anonymiser.py"


def _text() -> str:
    return SOURCE.read_text(encoding="utf-8")


def _solution(name: str) -> str:
    found = re.search(rf"### BEGIN SOLUTION\n{name} = \"(.*?)\"\n### END SOLUTION", _text())
    assert found, name
    return found.group(1)


def _option(question: str, letter: str) -> str:
    statement = _text().split(f"### Question {question} ")[1].split("# %%")[0]
    found = re.search(rf"# - \*\*{letter}\.\*\* (.*?)\n# (?:- \*\*|\n|<)", statement, re.S)
    assert found, (question, letter)
    return " ".join(found.group(1).replace("\n#  ", " ").split())


def test_module_11_question_6_fallback_cell_sets_the_five_publications_of_its_table():
    text = _text()
    statement = text.split("### Question 6 ")[1].split("# %%")[0]
    births = {label: level for label, level in BIRTH_DATE_OPTIONS}
    places = {label: level for label, level in PLACE_OPTIONS}
    table = {}
    for letter, birth, width, place in re.findall(
        r"# \| \*\*([A-E])\.\*\* \| (.+?) \| (.+?) \| (.+?) \|", statement
    ):
        table[letter] = (
            births[birth],
            None if width == "—" else int(width.split()[0]),
            places[place],
        )
    assert sorted(table) == list("ABCDE")
    fallback = next(
        node.value
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.Assign)
        and any(getattr(t, "id", None) == "publications_q6" for t in node.targets)
    )
    cell = ast.literal_eval(fallback)
    assert sorted(cell) == sorted(table)
    for letter, (birth, width, place) in table.items():
        assert cell[letter][0] == birth and cell[letter][2] == place, letter
        if width is not None:  # « — »: the slider is off when a birth date is published
            assert cell[letter][1] == width, letter


def test_module_11_question_7_table_has_one_homogeneous_class_named_by_the_answer():
    statement = _text().split("### Question 7 ")[1].split("# %%")[0]
    rows = re.findall(r"# \| (\d) \| .+? \| .+? \| (\d+) \| (.+?) \|", statement)
    assert len(rows) == 5
    single, dominant = [], []
    for number, patients, diagnoses in rows:
        counts = [int(n) for n in re.findall(r"\((\d+)\)", diagnoses)]
        assert sum(counts) == int(patients), number  # the row adds up
        assert int(patients) >= 8, number  # « 8-anonyme »
        if len(counts) == 1:
            single.append(number)
        elif max(counts) >= 0.9 * int(patients):  # l = 2, yet the diagnosis is all but certain
            dominant.append(number)
    assert len(single) == 1 and len(dominant) == 1
    # Seventh edition: a trap class (l = 2, one diagnosis for 10 patients out of 11) is an
    # inference too, « with significant probability » (WP216); the answer names both classes.
    answer = _option("7", _solution("classe_exposee"))
    assert answer.startswith(f"Les classes {single[0]} et {dominant[0]} : inférence")


def test_module_11_section_4_states_article_l37_exactly():
    # Code électoral, article L37: every voter may obtain a copy on condition of committing
    # not to use it commercially; candidates and parties may obtain one too. Whether the
    # commitment is also theirs is read both ways (the 2011 ministerial answer on the former
    # R16: voters only; two lecturers, on the text the CADA quotes in 20225915: all three):
    # until the text in force is read on Légifrance, the module states what both readings
    # share, and never that the commitment is the voters' alone.
    flat = " ".join(
        _text()
        .split("## 4. L'attaque par croisement")[1]
        .split("# %%")[0]
        .replace("\n#", " ")
        .split()
    )
    # Review 11_lecturer_d18, finding 6: « les électeurs, au moins » still read as « the
    # electors only »; the text in force was not read at the source, so the module states who
    # may obtain a copy and nothing about whose commitment it is.
    assert (
        "seuls les électeurs, les candidats et les partis peuvent obtenir copie de la liste "
        "électorale (Code électoral, article L37)"
    ) in flat
    assert "au moins" not in flat
    sources = " ".join(_text().split("## Sources")[1].replace("\n#", " ").split())
    assert "électeurs, qui s'engagent" not in sources


def test_module_11_question_3_needs_the_recipient_side_reasoning():
    # Ninth edition (7 December): two recipients of the same extract, both under contract;
    # only their own means differ. Each item is a verdict with its reason, partial credit per
    # recipient; the two answers differ, so "the same verdict for both" earns nothing, and the
    # contract option (C) is wrong for both (it does not tell them apart).
    text = _text()
    statement = text.split("### Question 3 ")[1].split("# %%")[0]
    flat = " ".join(statement.replace("\n#", " ").split())
    assert "contrat" in flat and "fichier nominatif" in flat
    # Finding 3 of review d10: the extract is transmitted, so the laboratory works in its own
    # premises (in an EHDS secure processing environment nothing would be transmitted and the
    # GDPR would apply, recital 77): D is then the one right answer.
    assert "environnement sécurisé" not in flat and flat.count("dans ses propres locaux") == 2
    options = {letter: _option("3", letter) for letter in "ABCDE"}
    assert [o.split(" :")[0] for o in options.values()] == (
        ["Personnelles pour lui"] * 2 + ["Pas personnelles pour lui"] * 3
    )
    solution = text.split("### BEGIN SOLUTION\nqualification = ")[1].split("### END SOLUTION")[0]
    answer = ast.literal_eval(solution)
    assert answer == {"laboratoire": "D", "prestataire": "B"}
    assert "moyen raisonnable" in options["B"] and "moyen raisonnable" in options["D"]
    check = text.split('# %% tests="qualification"')[1].split("# %%")[0]
    assert "check_choices(" in check and check.count("    points=2,") == 2
    guide = text.split('written="reflexion_anonymat"')[1].split("### END SOLUTION")[0]
    flat_guide = " ".join(guide.replace("\n#", " ").split())
    assert "toute conclusion bien argumentée" in flat_guide


def test_module_11_exercises_are_numbered_like_their_questions():
    # Reviewers were lost between exercises lettered A-G and options lettered A-E.
    text = _text()
    after = text.split("## Après la séance")[1]
    assert not re.search(r"# ### [A-G]\. ", after)
    assert not re.search(r"(exercice|lecture|réflexion) [A-G]\b", text)
    for number in range(4, 9):
        exercise = after.split(f"### Exercice {number} — ")[1].split("### Exercice ")[0]
        assert f"### Question {number}" in exercise, number
    assert "### Exercice 9 — Réflexion" in after


def test_module_11_questions_5_and_6_are_not_read_off_a_printed_table():
    # Tenth-edition review: the Hérault table showed the smallest class (Q5's answer) and the
    # Q6 fallback printed k for the five options every time; the fallback now runs on demand.
    text = _text()
    before_q5 = text.split("### Question 5 ")[0].split("### Exercice 5 — Réduire le périmètre")[1]
    assert '"plus petite classe"' not in before_q5
    fallback = text.split("def mesurer_publication(option):")[0].rsplit("# %%", 1)[1]
    assert "display(" not in fallback and "update()" not in fallback


def test_module_11_question_8_names_the_two_parts_instead_of_copying_them():
    # The two shares are printed by section 3's cell; a number copied by hand into the
    # statement would go stale when the generator changes.
    statement = _text().split("### Question 8 ")[1].split("# %%")[0]
    assert not re.search(r"\d+,\d+ %", statement)
    assert "part du registre" in statement and "**part de la population**" in statement


def test_module_11_question_4_gives_partial_credit_over_the_seven_columns():
    # One check over seven labels gave 0 for six right out of seven: two graded parts.
    text = _text()
    parts = dict(re.findall(r'# %% tests="(roles_\w+)" points=(\d+)', text))
    assert parts == {"roles_personne": "1", "roles_sejour": "1"}
    columns = set()
    for name in parts:
        solution = text.split(f"### BEGIN SOLUTION\n{name} = ")[1].split("### END SOLUTION")[0]
        columns |= set(ast.literal_eval(solution))
    assert columns == {
        "nom",
        "sexe",
        "date_naissance",
        "commune",
        "date_admission",
        "service",
        "diagnostic",
    }


def test_module_11_text_before_questions_3_7_and_8_does_not_state_their_answers():
    # Ninth-edition review: section 3 said the population share "baisse" (the population
    # question's option D) and the law section's summary said the prudent reading answers
    # "oui" (the law question's option C).
    text = _text()
    before_q8 = " ".join(text.split("### Question 8 ")[0].replace("\n#", " ").split())
    assert "La part baisse donc dans la population" not in before_q8
    assert "c'est l'unicité dans la population qui compte" not in before_q8
    # Student review d16: the session's « À retenir » said the l spots « le cas le plus
    # grossier où l'on apprend le diagnostic sans isoler personne », question 7's answer (an
    # inference with k > 1, certain or probable); it now only defines k and l.
    before_q7 = " ".join(text.split("### Question 7 ")[0].replace("\n#", " ").split())
    assert "sans isoler personne" not in before_q7
    assert "le cas le plus grossier" not in before_q7
    section_e = text.split("## 6. Personnelles pour qui ?")[1].split("### Question 3 ")[0]
    flat_e = " ".join(section_e.replace("\n#", " ").split())
    assert "lecture prudente : oui" not in flat_e


def test_module_11_cites_no_sanction_whose_appeal_outcome_is_unverified():
    # GERS appealed SAN-2024-010 (Conseil d'État, 13 February 2026, n° 498628); the ruling's
    # outcome could not be read, so the module cites Cegedim Santé (SAN-2024-013) alone.
    text = _text()
    assert "GERS" not in text and "SAN-2024-010" not in text
    assert "SAN-2024-013" in text


def test_module_11_evaluates_the_law_objective_in_class():
    # Ninth-edition review (lecturer's condition): objective 1, the module's title, is graded
    # in class; the population question moves after the class.
    text = _text()
    in_class, after = text.split("## Après la séance")
    assert 'answer="qualification"' in in_class and 'answer="risque_population"' in after


def test_module_11_tenth_edition_lecturer_conditions():
    # Lecturer review d7d (6 December): the laboratory's "no reasonable means" (D) only holds
    # for an extract it cannot single out; recital 26 is quoted with "tels que le ciblage";
    # Q5 asks for a number the statement does not designate; the after-class part says how
    # its points count.
    text = _text()
    statement = text.split("### Question 3 ")[1].split("# %%")[0]
    lab_row = [line for line in statement.splitlines() if line.startswith("# | reçoit |")]
    assert lab_row and "ni date de naissance ni lieu" in lab_row[0]
    in_class, after = text.split("## Après la séance")
    flat_in_class = " ".join(in_class.replace("\n# >", " ").replace("\n#", " ").split())
    assert "« tels que le ciblage »" in flat_in_class
    assert re.search(r"### BEGIN SOLUTION\ndebut_classe = 88\n", text)
    q5 = " ".join(
        text.split("### Question 5 ")[1].split("<details>")[0].replace("\n#", " ").split()
    )
    assert "0-10" not in q5 and "11-21" not in q5
    regime = " ".join(after.split("### Exercice 4")[0].replace("\n#", " ").split())
    # One rule (review 11 d18b): practice, out of the certificate and the module's grade alike.
    assert "ne comptent ni pour le certificat ni dans la note du module" in regime
    assert "seulement si votre enseignant" not in regime
    assert "vérifiées comme en séance" not in regime
    assert "justice et équité" in text.split("## Mode d'emploi")[0]


def test_module_11_afternoon_edition_lecturer_d7g():
    # Lecturer review d7g (6 December, afternoon): Q3 asks whether the extract is personal
    # "for this recipient"; the contractor's panel consented to matching (not the disputed
    # start-up case), and D for the contractor gets its own message; the small table of Q1 is
    # shown unsorted and needs all three columns; Q5 states where the classes start and end.
    text = _text()
    statement = " ".join(
        text.split("### Question 3 ")[1].split("# %%")[0].replace("\n#", " ").split()
    )
    assert "pour ce destinataire" in statement
    assert "acceptent les rapprochements pour des études" in statement
    check = text.split('# %% tests="qualification"')[1].split("### BEGIN HIDDEN")[0]
    assert "Ce n'est pas la question discutée de l'exercice 9" in " ".join(check.split())
    small = text.split("petit = pd.DataFrame(")[1].split("# %%")[0]
    assert "sort_values" not in small
    q5 = " ".join(
        text.split("### Question 5 ")[1].split("<details>")[0].replace("\n#", " ").split()
    )
    assert "**0 an**" in q5 and "« 90 ans et plus »" in q5


# --- The evaluated session: each student's own cases -------------------------------------
# The same draws as the notebook's evaluation cells and hidden tests, made with the library
# (no notebook run): the answers must vary across identifiers and stay sensible.

_IDENTIFIERS = ("alice", "bruno", "chloe", "david", "emma", "farid")
_QUASI = ["birth_date", "sex", "postcode"]
_PUBLICATIONS = {
    "A": ("year", 1, "none"),
    "B": ("none", 2, "none"),
    "C": ("none", 5, "none"),
    "D": ("none", 10, "none"),
    "E": ("none", 10, "region"),
}


def _letter(seed: int, question: str, options: list[str], option: str) -> str:
    """The letter under which the student's copy shows ``option`` (as the notebook draws it)."""
    shown = checks.draw_slots(seed, question, options)[0]
    return next(letter for letter, name in shown.items() if name == option)


_Q3 = ["table_chu", "moyen_propre", "contrat", "aucun_moyen", "pas_identifie"]
_Q7 = ["seule", "vih", "correlation", "aucune", "deux"]
_Q8 = ["baisse", "hausse", "inchangee", "registre", "question2"]


def _small_table_generators() -> list[str]:
    """The three copies of the evaluated small table's draw (the table cell, then the hidden
    tests of questions 1a and 1b), each renamed ``draw_table``."""
    text = _text()
    found = re.findall(
        r"^def (?:tirer_petit_tableau|petit_de_la_copie)\(graine\):\n(?:(?:    .*)?\n)+",
        text,
        re.M,
    )
    return [re.sub(r"^def \w+", "def draw_table", code.rstrip()) for code in found]


def _draw_small_table(seed: int) -> tuple[pd.DataFrame, dict[str, tuple[str, str, str]]]:
    """The copy's small table and its four proposed combinations, by letter."""
    namespace: dict[str, object] = {"np": np, "pd": pd, "checks": checks}
    exec(_small_table_generators()[0], namespace)  # the module's own source
    return namespace["draw_table"](seed)  # type: ignore[operator]


_QUASI_Q1 = ["tranche_age", "sexe", "departement"]


def _small_table(seed: int) -> tuple[str, str]:
    """The letters that answer questions 1a (the class that sets k) and 1b (the class that
    sets l) on the student's copy, drawn as in the notebook."""
    table, proposed = _draw_small_table(seed)
    groups = table.groupby(_QUASI_Q1)
    smallest = groups.size().idxmin()
    least_diverse = groups["diagnostic"].nunique().idxmin()
    return (
        next(letter for letter, combo in proposed.items() if combo == smallest),
        next(letter for letter, combo in proposed.items() if combo == least_diverse),
    )


def test_module_11_small_table_copies_are_one_draw():
    """The hidden tests of questions 1a and 1b redraw the copy's table with the table cell's
    own code: a copy that drifted would grade another table."""
    copies = _small_table_generators()
    assert len(copies) == 3, len(copies)
    assert copies[0] == copies[1] == copies[2]


def test_module_11_small_table_pool_is_even_and_its_mistakes_never_clash():
    """Review d17: the table ran from 14 to 26 rows between copies; every table has 22 rows.

    Review 11_lecturer_d20, finding 1: ``pv.k_anonymity(petit, …)`` and ``pv.l_diversity``
    (shown in the folded cell of section 5) gave questions 1a and 1b's numbers on every copy.
    The evaluated questions now ask which of four proposed combinations sets k, then l: the
    smallest class, the largest, a middle one and a combination absent from the table. In every
    copy the smallest class and the least diverse class are each unique, never the same class,
    and the least diverse class is among the proposals (the largest or the middle one)."""
    keys = set()
    for seed in range(500):
        table, proposed = _draw_small_table(seed)
        groups = table.groupby(_QUASI_Q1)
        sizes = groups.size()
        diverse = groups["diagnostic"].nunique()
        assert len(table) == 22, seed
        assert sorted(proposed) == ["A", "B", "C", "D"], seed
        combos = list(proposed.values())
        assert len(set(combos)) == 4, seed
        assert (sizes == sizes.min()).sum() == 1 and (diverse == diverse.min()).sum() == 1, seed
        smallest, least_diverse = sizes.idxmin(), diverse.idxmin()
        assert smallest != least_diverse, seed  # Q1a and Q1b are never keyed on one class
        assert smallest in combos and least_diverse in combos, seed
        assert sizes.idxmax() in combos, seed
        assert sum(combo not in sizes.index for combo in combos) == 1, seed
        keys.add((int(sizes.min()), int(diverse.min())))
    assert {size for size, _ in keys} == {4, 5, 6}
    assert {distinct for _, distinct in keys} == {2, 3}


def _q1_check(question: str, seed: int, answer: object) -> None:
    """Run the evaluated hidden test of question 1a or 1b on ``answer`` for the copy ``seed``."""
    text = _text()
    name = {"1a": "k_petit", "1b": "l_petit"}[question]
    cell = text.split(f'# %% tests="{name}" points=1 session="evaluation"')[1].split("# %%")[0]
    hidden = cell.split("### BEGIN HIDDEN TESTS")[1].split("### END HIDDEN TESTS")[0]
    hidden = hidden.replace('checks.student_seed("11", announce=False)', str(seed))
    exec(hidden, {"np": np, "pd": pd, "checks": checks, name: answer})


def test_module_11_question_1_library_call_and_neighbour_letters_do_not_score():
    """Review 11_lecturer_d20, finding 1: the numbers ``pv.k_anonymity`` and ``pv.l_diversity``
    return, typed as the answer, do not score; over 500 identifiers, a neighbour's letters
    (the next identifier's keys) score on average at most a third of the two points, and every
    wrong letter gets its own message."""
    scored = 0
    for seed in range(500):
        table, _ = _draw_small_table(seed)
        k_key, l_key = _small_table(seed)
        _q1_check("1a", seed, k_key)
        _q1_check("1b", seed, l_key)
        if seed < 60:
            for question, value in (
                ("1a", pv.k_anonymity(table, _QUASI_Q1)),
                ("1b", pv.l_diversity(table, _QUASI_Q1, "diagnostic")),
            ):
                for typed in (value, str(value)):
                    with pytest.raises(checks.IncorrectAnswer):
                        _q1_check(question, seed, typed)
            for question, key in (("1a", k_key), ("1b", l_key)):
                for letter in "ABCD":
                    if letter != key:
                        with pytest.raises(checks.IncorrectAnswer) as wrong:
                            _q1_check(question, seed, letter)
                        assert "n'est pas la bonne réponse" not in str(wrong.value), (
                            question,
                            seed,
                            letter,
                        )
        neighbour = _small_table(seed + 1)
        scored += (neighbour[0] == k_key) + (neighbour[1] == l_key)
    assert scored / (2 * 500) <= 1 / 3, scored


def _voter_list(registry: pd.DataFrame, seed: int):
    """The student's name list, drawn as in the notebook: the first draw where no two divisions
    of the displayed counts are within 2 units of the 4th decimal, nor close to 0,75.

    Returns question 2's key for the copy's version (0: among the listed patients, 1: among
    the registry's adult patients; drawn from ``[seed, 2]``) and the values of its named
    mistakes, among which the other version's key.

    Review d17: the second version used to be « among the links made » (the attacker's
    reliability, above 0,99), whose « all links » trap gave exactly 1; both versions now take
    the same two steps, and their traps are equally plausible."""
    released = registry.drop(columns=["pseudonym"])
    adults = int((registry["age"] >= 18).sum())
    uniques = pv.unique_share(released, _QUASI)
    for attempt in range(200):
        voters = make_voter_list(registry, random_state=seed + 2 + 7919 * attempt)
        attack = pv.linkage_attack(released, voters.frame, _QUASI)
        truth = pd.Series(voters.true_pseudonym, index=voters.frame.index)
        right = int(
            (
                registry.loc[attack.matches["released_index"], "pseudonym"].to_numpy()
                == truth.loc[attack.matches["external_index"]].to_numpy()
            ).sum()
        )
        present = int((truth >= 0).sum())
        counts = [len(registry), len(voters.frame), adults, present, attack.n_reidentified, right]
        shares = [a / b for a in counts for b in counts if a < b]
        rounded = sorted(round(share, 4) for share in [*shares, uniques, 0.75])
        keys = [right / present, right / adults, right / len(registry)]
        if (
            min(b - a for a, b in itertools.pairwise(rounded)) > 0.00025
            and all(abs(round(share, 3) - 0.75) > 0.0015 for share in shares)
            and all(
                round(key, 3) != round(share, 3)
                for key in keys
                for share in [*shares, 0.75, uniques]
                if share != key
            )
        ):
            linked = attack.n_reidentified
            mistakes = [
                uniques,
                right / len(registry),
                linked / len(registry),
                right / len(voters.frame),
                present / len(registry),
                linked / len(voters.frame),
                right / linked,
                linked / present,
                right / adults,
                present / adults,
                0.75,
            ]
            version = int(np.random.default_rng([seed, 2]).integers(3))
            mistakes = [value for value in mistakes if value != keys[version]]
            mistakes += [key for other, key in enumerate(keys) if other != version]
            mistakes.append(linked / [present, adults, len(registry)][version])
            return keys[version], mistakes
    raise AssertionError("no name list drawn")


def _q5_start(registry: pd.DataFrame, seed: int) -> int:
    """Question 5's key as in the notebook: where the smallest age class starts, for the drawn
    width (8 to 15 years, not 10) and top class (80, 85, 90 or 95 years and over).

    Review d13, finding 3: widths of 27 to 43 years made two or three classes to write; the
    night edition of 6 December draws plausible widths and top classes, among those where one
    age class alone sets k, the class cut short by the top class (1 to 5 years)."""
    return _q5_draw(registry, seed)[0]


_Q5_POOLS = [
    ((80, 85, 90, 95), (8, 9, 11, 12, 13, 14, 15)),
    ((75, 100), (8, 9, 11, 12, 13, 14, 15)),
    ((70, 75, 80, 85, 90, 95, 100), (6, 7, 16, 17, 18, 19, 20)),
]


def _q5_draw(registry: pd.DataFrame, seed: int) -> tuple[int, int | None]:
    """Question 5's key and the pool it was drawn from (0, 1 or 2; None: last resort).

    Review 11_lecturer_d18b: about one copy in 500 had no pair in the first pool and fell back
    on (11 years, 90 years), whose key is 88, the formative key. The draw now tries two wider
    pools in turn; the last resort (12 years, 90 years) never gives 88."""
    herault = registry[registry["departement"] == "34"]
    ages = pd.Series(pv.age_on(herault["birth_date"], "2025-01-01").to_numpy())
    for pool, (tops, widths) in enumerate(_Q5_POOLS):
        pairs = []
        for top in tops:
            for width in widths:
                sizes = (
                    pd.DataFrame(
                        {
                            "sexe": herault["sex"].to_numpy(),
                            "classe": pv.age_bands(ages, width, top=top),
                        }
                    )
                    .groupby(["sexe", "classe"], observed=True)
                    .size()
                )
                smallest = sizes[sizes == sizes.min()].index.get_level_values("classe")
                cut = (top - 1) // width * width
                if (
                    0 < top - cut <= 5
                    and cut != 88
                    and width != 10
                    and smallest.nunique() == 1
                    and (str(smallest[0]).startswith(f"{cut}-") or str(smallest[0]) == f"{cut} ans")
                ):
                    pairs.append((width, top))
        if pairs:
            width, top = pairs[int(np.random.default_rng([seed, 5]).choice(len(pairs)))]
            return (top - 1) // width * width, pool
    return (90 - 1) // 12 * 12, None


@pytest.mark.slow
def test_module_11_question_5_never_falls_back_on_the_formative_key():
    """Seed 1101 has no pair in the first pool (found by the d18 second-round measure, where
    it drew the formative key 88); the wider pools give it its own key. The notebook's draw
    (display cell and hidden test) tries the same pools in the same order."""
    text = _text()
    assert text.count("((75, 100), (8, 9, 11, 12, 13, 14, 15))") == 2
    assert text.count("((70, 75, 80, 85, 90, 95, 100), (6, 7, 16, 17, 18, 19, 20))") == 2
    assert "(11, 90, k_herault(11))" not in text and "[(11, 90)]" not in text
    for seed in (1101, 1102, 7):
        registry = make_french_registry(n_samples=10_000, random_state=seed).frame
        key, pool = _q5_draw(registry, seed)
        assert pool is not None and key != 88, (seed, key, pool)
        assert (pool == 0) == (seed != 1101), (seed, pool)


def student_answers(student: str) -> dict[str, object]:
    """Each autograded question's expected answer for ``student``'s evaluated copy."""
    os.environ[checks.STUDENT_ENV] = student
    seed = checks.student_seed("11", announce=False)
    registry = make_french_registry(n_samples=10_000, random_state=seed).frame
    voters = make_voter_list(registry, random_state=seed + 2)
    rate, mistakes = _voter_list(registry, seed)
    explorer = AnonymisationExplorer(
        registry, voters.frame, sensitive="diagnosis", reference="2025-01-01"
    )
    measures = {}
    for letter, (birth, width, place) in _PUBLICATIONS.items():
        explorer.controls["date_naissance"].value = birth
        explorer.controls["largeur_age"].value = width
        explorer.controls["lieu"].value = place
        result = explorer.update()
        measures[letter] = (result["k"], result["age_span_years"])
    reaching = [letter for letter, (k, _) in measures.items() if k >= 5]
    k_small, l_small = _small_table(seed)
    # Question 7: two tables, drawn per copy; in the second, no diagnosis dominates among men
    # aged 50-59, and the key is « la classe sûre seule ».
    variant_q7 = int(np.random.default_rng([seed, 71]).integers(2))
    return {
        "k_petit": k_small,
        "l_petit": l_small,
        "taux_reussite": round(rate, 4),
        # Question 3 (review 11_lecturer_d18b, finding 1): an evaluation-only scenario in two
        # versions; in version 0 the research team has no means and the patients' association
        # has its own, in version 1 the reverse.
        "qualification": tuple(
            _letter(seed, "qualification", _Q3, option)
            for option in [
                ("aucun_moyen", "moyen_propre"),
                ("moyen_propre", "aucun_moyen"),
            ][int(np.random.default_rng([seed, 31]).integers(6)) % 2]
        ),
        "_version_q3": int(np.random.default_rng([seed, 31]).integers(6)),
        "debut_classe": _q5_start(registry, seed),
        "choix_publication": min(reaching, key=lambda letter: measures[letter][1]),
        "classe_exposee": _letter(seed, "classe_exposee", _Q7, "seule" if variant_q7 else "deux"),
        "_variant_q7": variant_q7,
        "risque_population": _letter(seed, "risque_population", _Q8, "baisse"),
        "_reaching": reaching,
        "_mistakes": mistakes,
        "_rate": rate,
    }


@pytest.mark.slow
def test_module_11_evaluated_answers_vary_across_students_and_stay_sensible(monkeypatch):
    monkeypatch.setenv(checks.STUDENT_ENV, "x")  # restored after the test
    answers = [student_answers(student) for student in _IDENTIFIERS]
    for name in answers[0]:
        if not name.startswith("_"):
            values = {repr(row[name]) for row in answers}
            assert len(values) >= 2, (name, values)
    for row in answers:
        # Questions 1a and 1b: two letters, never the same class (review 11_lecturer_d20).
        assert row["k_petit"] in "ABCD" and row["l_petit"] in "ABCD"
        assert row["k_petit"] != row["l_petit"]
        # Question 2: the share among the listed patients (about 0,75) or among the adult
        # patients (about 0,2).
        assert 0.6 < row["taux_reussite"] < 0.9 or 0.15 < row["taux_reussite"] < 0.35
        # Not the formative key (88): the copy's width and top class set the answer.
        assert 66 <= row["debut_classe"] <= 99 and row["debut_classe"] != 88
        # Finding 1 of review d10: no named mistake of question 2 scores as the key.
        for value in row["_mistakes"]:
            with pytest.raises(checks.IncorrectAnswer):
                checks.check_number(value, name="q2", expected=row["_rate"], decimals=4, points=2)
        # A publication reaches k ≥ 5 (D always does) and the region (E) never does.
        assert "D" in row["_reaching"] and "E" not in row["_reaching"]
        assert row["qualification"][0] != row["qualification"][1]


def _evaluated_visible_code_cells() -> list[str]:
    """The code the evaluated release shows: cells of both sessions or of the evaluation,
    without solutions, hidden tests and mistake cells."""
    cells = re.split(r"^# %%", _text(), flags=re.M)[1:]
    shown = []
    for cell in cells:
        header, _, body = cell.partition("\n")
        if "[markdown]" in header or 'session="formative"' in header or "mistake=" in header:
            continue
        body = re.sub(r"### BEGIN SOLUTION.*?### END SOLUTION", "", body, flags=re.S)
        body = re.sub(r"### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS", "", body, flags=re.S)
        shown.append(body)
    return shown


def test_module_11_evaluated_release_holds_no_key_to_the_formative_letters():
    """Review d12, finding 2: a visible cell translated the formative letters into the copy's
    (« lettres_q3["D"] »): with the formative key, it scored without understanding. No visible
    code of the evaluated version may bind the drawn order of a question's options, nor mention
    the formative version's letters; the hidden tests recompute it from the seed."""
    draws = 0
    for code in _evaluated_visible_code_cells():
        assert "version d'entraînement" not in code
        assert not re.search(r"\blettres?_q\d|\bordre_q\d|\bvues_q\d", code)
        for node in ast.walk(ast.parse(code)):
            if isinstance(node, ast.Assign | ast.AnnAssign | ast.NamedExpr):
                value = ast.unparse(node.value)
                if "draw_slots" in value or "argsort" in value:
                    raise AssertionError(f"a visible cell binds a drawn order: {value[:80]}")
                # A permutation of five options; question 7's class numbers are drawn too, but
                # they number the table's rows and say nothing about which option is right.
                if "permutation(5)" in value:
                    assert "numeros_q7" in ast.unparse(node), value[:80]
            if isinstance(node, ast.Call) and ast.unparse(node.func).endswith("draw_slots"):
                draws += 1
    # Questions 1a-1b (inside the table's draw, returned), 3, 7 and 8 display their
    # options, binding nothing.
    assert draws == 4


def test_module_11_question_7_variants_have_each_key():
    """Review d12, finding 3: question 7's content varies. Its two tables give two keys."""
    evaluated = _text().split("variante_q7 = int(")[1]
    assert '"dépression (10), asthme (1)", "dépression (4), asthme (4), diabète (3)"' in evaluated
    # Night edition of 6 December (review d13, finding 3): each table has a class where a
    # diagnosis dominates without being unanimous, so every copy is asked about a probable
    # inference.
    assert '["dépression (9)", "dépression (8), asthme (1)"][variante_q7]' in evaluated
    keys = set()
    for student in (*_IDENTIFIERS, "gaspard", "hugo", "ines", "jade"):
        os.environ[checks.STUDENT_ENV] = student
        seed = checks.student_seed("11", announce=False)
        keys.add(int(np.random.default_rng([seed, 71]).integers(2)))
    os.environ.pop(checks.STUDENT_ENV, None)
    assert keys == {0, 1}


def _evaluated_unfolded_code_cells() -> list[str]:
    """The code a student reads in the evaluated release without unfolding anything: the
    evaluated (or shared) code cells not marked ``source_hidden``, without solutions, hidden
    tests and mistake cells."""
    cells = re.split(r"^# %%", _text(), flags=re.M)[1:]
    shown = []
    for cell in cells:
        header, _, body = cell.partition("\n")
        if (
            "[markdown]" in header
            or 'session="formative"' in header
            or "mistake=" in header
            or "source_hidden" in header
        ):
            continue
        body = re.sub(r"### BEGIN SOLUTION.*?### END SOLUTION", "", body, flags=re.S)
        body = re.sub(r"### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS", "", body, flags=re.S)
        shown.append(body)
    return shown


def test_module_11_evaluated_unfolded_code_names_no_key():
    """Review 11_lecturer_d18, finding 2, and 11_student_d18, point 1: unfolded evaluated
    cells named question 5's usual keys (« 78-79 ans », « 84 ans »), question 7's deciding
    classes (a comment, ``sure_q7``/``probable_q7``) and showed option dictionaries in another
    order than the A–E list. Every cell that draws a copy's case or its options is folded;
    the code left unfolded names no age, no class, no option and no drawn order."""
    shown = "\n".join(_evaluated_unfolded_code_cells())
    assert "draw_slots" not in shown and "student_seed" not in shown
    assert not re.search(r"\b\d{1,2}(-\d{1,2})? ans\b", shown), "an age class is shown"
    assert not re.search(r"\b(7\d|8\d|9[0-4])\b", shown), "a value of question 5's keys"
    for word in ("sure", "probable", "femmes", "hommes", "dépression", "options_q", "inférence"):
        assert word not in shown, word
    # The cells that do draw are there, folded.
    text = _text()
    for name in ("options_q3 = {", "def q5_tirer_classes", "variante_q7 = int(", "options_q8 = {"):
        header = text.split(name)[0].rsplit("# %%", 1)[1].split("\n")[0]
        assert "source_hidden" in header and 'session="evaluation"' in header, name


def test_module_11_certificate_counts_the_class_part_only_and_no_text_says_otherwise():
    """Review 11_lecturer_d18, finding 1: 10 of the 16 autograded points came from work done
    « seul ou en binôme », and two texts disagreed on whether it counted. The certificate
    counts the in-class part only (``autocorrige_seance``), and the module says so."""
    import tomllib

    config = tomllib.loads((NOTEBOOKS / "certificats.toml").read_text("utf-8"))
    entry = next(
        item
        for item in config["certificats"]["ethique-donnees-sante"]["modules"]
        if item["module"] == "11"
    )
    assert entry["autocorrige_seance"] is True
    text = _text()
    assert "binôme" not in text
    head = " ".join(text.split("## 1. ")[0].replace("\n#", " ").split())
    assert "seules comptent les questions de la séance" in head


def _evaluated_text_after(cell_header: str) -> str:
    """What the evaluated release shows after the cell whose header line is ``cell_header``
    (during the session): shared and evaluated cells, markdown and code, without formative,
    ``reveal=`` and mistake cells, solutions and hidden tests; lines joined, comment marks
    dropped."""
    cells = re.split(r"^# %%", _text(), flags=re.M)[1:]
    index = next(i for i, cell in enumerate(cells) if cell.startswith(cell_header))
    shown = []
    for cell in cells[index + 1 :]:
        header, _, body = cell.partition("\n")
        if "## Sources" in body.split("\n")[0] or body.startswith("# ## Sources"):
            break
        if 'session="formative"' in header or "mistake=" in header or "reveal=" in header:
            continue
        body = re.sub(r"### BEGIN SOLUTION.*?### END SOLUTION", "", body, flags=re.S)
        body = re.sub(r"### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS", "", body, flags=re.S)
        shown.append(body)
    text = "\n".join(shown).replace('"\n    "', "").replace('" "', "")
    return " ".join(re.sub(r"^\s*# ?", "", text, flags=re.M).split())


def test_module_11_evaluated_session_paraphrases_no_key_of_questions_2_and_3():
    """Review 11_lecturer_d18b, finding 2: a question 8 option displayed during the evaluated
    session read « la part des patients de la liste nommés correctement (section 4) : le
    risque d'un patient de la liste », question 2's key in other words; the release scan
    looks for the answer as written only. After question 2, no shown text describes a share
    of listed patients named correctly; after question 3, none pairs a recipient of the
    evaluated scenario with a verdict."""
    after_q2 = _evaluated_text_after(' answer="taux_reussite" session="evaluation"')
    for phrase in (
        "nommés correctement",
        "nommé correctement",
        "risque d'un patient de la liste",
        "risque d'un patient qui figure",
        "n_justes / n_dans_liste",
        "n_justes / n_adultes",
        "son propre nom",
    ):
        assert phrase not in after_q2, phrase
    after_q3 = _evaluated_text_after(' answer="qualification" session="evaluation"')
    for recipient in ("l'équipe", "l'association", "la cohorte", "ses adhérents"):
        for sentence in re.split(r"(?<=[.;:?!])\s", after_q3):
            if recipient in sentence:
                assert "moyen" not in sentence and "personnel" not in sentence, sentence


def test_module_11_evaluated_question_3_has_its_own_scenario_in_two_versions(monkeypatch):
    """Review 11_lecturer_d18b, finding 1: the evaluated question 3 was the formative scenario
    word for word, whose success message gives the answer. The evaluated question has its own
    recipients (a pharmacy research team, a patients' association), two tables drawn per copy
    with opposite keys, and the formative recipients' names never appear in it."""
    text = _text()
    evaluated = text.split('# %% [markdown] session="evaluation"\n# ## 6. Personnelles')[1]
    evaluated = evaluated.split('# %% answer="qualification" session="formative"')[0]
    assert "laboratoire" not in evaluated and "prestataire" not in evaluated
    assert "équipe de recherche" in evaluated and "association de patients" in evaluated
    keys = set()
    for student in (*_IDENTIFIERS, "gaspard", "hugo", "ines", "jade"):
        monkeypatch.setenv(checks.STUDENT_ENV, student)
        keys.add(student_answers_q3(student))
    assert {version % 2 for version, _ in keys} == {0, 1}
    # The same letters do not carry over: the key depends on the version, not only on the
    # drawn order.
    assert all(team != association for _, (team, association) in keys)


def student_answers_q3(student: str) -> tuple[int, tuple[str, str]]:
    """Question 3's version and key (team, association) for ``student``'s evaluated copy."""
    seed = checks.student_seed("11", announce=False)
    version = int(np.random.default_rng([seed, 31]).integers(6))
    options = [("aucun_moyen", "moyen_propre"), ("moyen_propre", "aucun_moyen")][version % 2]
    return version, (
        _letter(seed, "qualification", _Q3, options[0]),
        _letter(seed, "qualification", _Q3, options[1]),
    )


def test_module_11_question_3_surface_rule_scores_at_most_half(monkeypatch):
    """Review 11_lecturer_d20, finding 2: in both tables the recipient of the detailed extract
    also held a nominative file, so « more detail = personal data » scored 2/2 without
    weighing the holder's means. Two crossed versions give the most detailed extract (clinical
    details, no date nor place) to the recipient with no other data, and an extract without
    birth date nor place, but with the admission date, to the holder of a file with the dates
    of stay. Over 240 identifiers, the surface rule (the more detailed extract: « personal, own
    means »; the other: « not personal, no means ») averages at most half of the 2 points,
    graded by the copy's hidden test (crossed versions are drawn for two copies in three, so
    it averages about 2/3 of a point); the key gets 2 points on every copy."""
    text = _text()
    display = text.split("faits_q3 = [")[1].split("display(Markdown(")[0]
    namespace: dict[str, object] = {"np": np}
    exec("faits_q3 = [" + display.split("tableau_q3 = ")[0], namespace)
    facts = namespace["faits_q3"]
    assert isinstance(facts, list) and len(facts) == 6
    # (team, association) facts of each draw; draws 4 and 5 repeat the crossed versions.
    pairs = [(0, 1), (2, 0), (3, 4), (5, 3), (3, 4), (5, 3)]
    assert "[(faits_q3[0], faits_q3[1]), (faits_q3[2], faits_q3[0]),\n" in display
    detailed = {1, 2, 3}  # the extracts with more columns (« more detail »)
    for index in detailed:
        assert len(facts[index][0].split(",")) > len(facts[0][0].split(",")) - 1
    assert "date d'admission" in facts[4][0] and "dates de leurs séjours" in facts[4][1]
    hidden = _evaluated_hidden_test("qualification")
    assert hidden.count("\nchecks.check_choices(\n") == 1
    hidden = hidden.replace("\nchecks.check_choices(\n", "\nresultat = checks.check_choices(\n")
    total = 0.0
    versions = set()
    for number in range(240):
        monkeypatch.setenv(checks.STUDENT_ENV, f"etudiant{number}")
        seed = checks.student_seed("11", announce=False)
        version = int(np.random.default_rng([seed, 31]).integers(6))
        versions.add(version)
        team, association = pairs[version]
        surface = {
            "equipe": _letter(
                seed, "qualification", _Q3, "moyen_propre" if team in detailed else "aucun_moyen"
            ),
            "association": _letter(
                seed,
                "qualification",
                _Q3,
                "moyen_propre" if association in detailed else "aucun_moyen",
            ),
        }
        base = {"checks": checks, "np": np, "pd": pd}
        graded = {**base, "qualification": surface}
        try:
            exec(hidden, graded)
        except checks.IncorrectAnswer:
            continue  # no point
        result = graded["resultat"]
        total += result.points if isinstance(result, checks.PartialCredit) else 2.0
        if number < 40:
            _, key = student_answers_q3(f"etudiant{number}")
            answer = dict(zip(("equipe", "association"), key, strict=True))
            exec(hidden, {**base, "qualification": answer})
    assert versions == set(range(6))
    assert total / 240 <= 1.0, total / 240


def _evaluated_hidden_test(name: str) -> str:
    """The hidden test of question ``name`` in the evaluated session, as the grader runs it."""
    cell = _text().split(f'# %% tests="{name}" points=2 session="evaluation"\n')[1]
    return cell.split("### BEGIN HIDDEN TESTS\n")[1].split("### END HIDDEN TESTS")[0]


@pytest.mark.slow
def test_module_11_question_2_two_decimals_is_called_too_rounded(monkeypatch):
    """Review 11_lecturer_d18b, finding 4: version 0's keys lie between 0,745 and 0,755, so a
    right answer rounded to 2 decimals (0,75) matched the named mistake « vous avez déduit la
    part d'un réglage du générateur » and scored 0 with a wrong diagnosis. The hidden test
    calls it too rounded, in every version."""
    versions = set()
    for student in ("alice", "bruno", "chloe", "david"):
        monkeypatch.setenv(checks.STUDENT_ENV, student)
        seed = checks.student_seed("11", announce=False)
        version = int(np.random.default_rng([seed, 2]).integers(3))
        if version in versions:
            continue
        versions.add(version)
        registry = make_french_registry(n_samples=10_000, random_state=seed).frame
        key, _ = _voter_list(registry, seed)
        namespace = {
            "checks": checks,
            "np": np,
            "pd": pd,
            "pv": pv,
            "make_french_registry": make_french_registry,
            "make_voter_list": make_voter_list,
            "taux_reussite": round(key, 2),
        }
        with pytest.raises(checks.IncorrectAnswer, match="trop arrondi"):
            exec(_evaluated_hidden_test("taux_reussite"), namespace)
        namespace["taux_reussite"] = key
        exec(_evaluated_hidden_test("taux_reussite"), namespace)  # the key passes
        # Review 11_lecturer_d20 (Q2): the other versions' keys, whispered, do not score.
        for other in _voter_list(registry, seed)[1][-3:-1]:
            namespace["taux_reussite"] = other
            with pytest.raises(checks.IncorrectAnswer, match="autre consigne"):
                exec(_evaluated_hidden_test("taux_reussite"), namespace)
    assert versions == {0, 1, 2}


def test_module_11_question_2_whispered_formula_fits_about_a_third_of_the_copies():
    """Review 11_lecturer_d20 (Q2): with two versions, « n_justes / n_dans_liste » whispered to
    a neighbour fitted half the copies. Three versions (among the listed patients, the adult
    patients, every patient of the registry) are drawn about a third each, so one formula fits
    about a third of the copies."""
    counts = [0, 0, 0]
    for seed in range(900):
        counts[int(np.random.default_rng([seed, 2]).integers(3))] += 1
    assert all(0.28 < count / 900 < 0.39 for count in counts), counts
    assert "integers(3))]" in _text().split("Question 2, version de votre copie")[1][:900]


@pytest.mark.slow
def test_module_11_question_2_no_named_mistake_rounds_like_the_key():
    """Review 11_lecturer_d20, finding 3: for « alice » (version 1) the key 0,22406 and the
    mistake « all links » 0,22449 both rounded to 0,224, which the checks take as the key one
    decimal short (half the points). The name list is now drawn so that, at 3 decimals, no
    named mistake rounds like the key: over 500 identifiers, none does."""
    for seed in range(500):
        registry = make_french_registry(n_samples=10_000, random_state=seed).frame
        key, mistakes = _voter_list(registry, seed)
        for value in mistakes:
            assert round(value, 3) != round(key, 3), (seed, key, value)
    # The student of the review now draws another list, whose « all links » mistake scores 0.
    os.environ[checks.STUDENT_ENV] = "alice"
    seed = checks.student_seed("11", announce=False)
    os.environ.pop(checks.STUDENT_ENV, None)
    registry = make_french_registry(n_samples=10_000, random_state=seed).frame
    key, mistakes = _voter_list(registry, seed)
    assert all(round(value, 3) != round(key, 3) for value in mistakes)
