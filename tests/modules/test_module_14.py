"""Module 14's evaluated session gives each student their own cases.

The statements come from ``esn_teach.generative`` (``exam_cases``, ``dose_cases``,
``incident_scenario``, ``copy_order``: texts and numbers only). The package holds no key
(review 07, finding 1; 7 December 2026): the keys are in the source notebook's hidden
tests. These tests draw the cases for many identifiers and compute each copy's truth
with their own small functions (``_truth_*`` below, independent of the notebook's
hidden tests): the answers must differ between students, stay sensible (a real
probability, a perplexity a hand calculation gives), and no named mistake may give the
right answer. The notebook's truth tables are checked against these.
"""

from __future__ import annotations

import ast
import re

import pytest

from esn_teach import checks
from esn_teach.datasets import REFERENCE_DOSES, dose_in_mg
from esn_teach.generative import _exam as exam_module
from esn_teach.generative import copy_order, dose_cases, exam_cases, incident_scenario
from esn_teach.generative._exam import (
    _CORPUS_TASKS,
    _DOSE_POOL,
    _INCIDENT_SCENARIOS,
    _LEAK_TEXTS,
    LEAK_NO,
    LEAK_YES,
    N_NOTES,
    N_SCORED,
    TRAINING_TRIPLET,
    _cold_task,
    _corpus_task,
    _dose_draw,
    _draw_cases,
    _perplexity_task,
)

DOSE_POOL, INCIDENT_SCENARIOS = _DOSE_POOL, _INCIDENT_SCENARIOS
draw_cases = _draw_cases
SENTENCE_WORDS = ("la", "plaie", "est", "propre")

STUDENTS = [f"etudiant{number:02d}" for number in range(12)] + ["esn-teach-construction"]


# --- The truth, computed here, independent of the notebook's hidden tests ---


def _truth_perplexity(seed: int) -> float:
    """Question 1: 1 / geometric mean of the asked words' probabilities."""
    asked = [exam_cases(seed).sentence_probabilities[i] for i in _perplexity_task(seed)]
    return 1 / (asked[0] * asked[1] * asked[2]) ** (1 / 3)


def _truth_cold(seed: int) -> float:
    """Question 2: the asked word's probability at T = 0,5 (squares, renormalised)."""
    probabilities = exam_cases(seed).temperature_probabilities
    return probabilities[_cold_task(seed)] ** 2 / sum(p**2 for p in probabilities)


#: Question 4, by a word of each message: its kind (a direct identifier, details that single
#: a person out, a borderline patient, a general question). Independent of the notebook's
#: hidden test (which keys its own table by other fragments).
LEAK_KINDS_BY_WORD = {
    "pharmacienne": "quasi",
    "Mme L.": "quasi",
    "rugby": "quasi",
    "Benali": "nom",
    "directrice": "quasi",
    "football": "limite",
    "Afrique": "générale",
    "Parkinson": "générale",
    "otite": "générale",
    "ibuprofène": "limite",
    "Lefèvre": "nom",
    "Morel": "nom",
    "sécurité sociale": "nom",
    "maire": "quasi",
    "triplés": "quasi",
    "vélo": "limite",
    "avion": "limite",
    "metformine": "générale",
    "grippe": "générale",
    "phlébite": "générale",
}


def _leak_kind(text: str) -> str:
    (kind,) = [k for word, k in LEAK_KINDS_BY_WORD.items() if word in text]
    return kind


def _truth_leak(text: str) -> str:
    return "oui" if _leak_kind(text) in ("nom", "quasi") else "non"


def _truth_dose(drug: str, dose: str, unit: str) -> str:
    """Question 3a: « corpus » if the corpus table writes this dose (in mg) for this drug."""
    written = [dose_in_mg(v, u) for v, u in REFERENCE_DOSES[drug]]
    in_mg = dose_in_mg(dose, unit)
    return "corpus" if any(abs(in_mg - d) < 1e-9 for d in written) else "hors corpus"


def _truth_incident(text: str) -> dict[str, str]:
    """Question 7, by slot: A, B, G and H follow the scenario (device? serious? any effect?
    data sent to a consumer chatbot?)."""
    device = "dispositif médical" in text
    severe = "réanimation" in text
    effect = "aucun signe anormal" not in text
    return {
        "A": "ensuite" if device else "non",
        "B": "ensuite" if severe else "non",
        "C": "d'abord",
        "D": "non",
        "E": "ensuite",
        "F": "d'abord",
        "G": "ensuite" if effect else "non",
        "H": "non" if device else "ensuite",
    }


class _Keyed:
    """A copy's statement and keys together, for these tests only."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.statement = exam_cases(seed)
        self.sentence_probabilities = self.statement.sentence_probabilities
        self.temperature_probabilities = self.statement.temperature_probabilities
        self.scored_notes = self.statement.scored_notes
        self.perplexity = _truth_perplexity(seed)
        self.cold_probability = _truth_cold(seed)
        self.leaks = self.statement.leaks
        self.leak_answers = {letter: _truth_leak(t) for letter, t in self.leaks.items()}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Keyed) and self.statement == other.statement


def _cases(student: str, monkeypatch):
    monkeypatch.setenv(checks.STUDENT_ENV, student)
    return _Keyed(checks.student_seed("14", announce=False))


def test_each_student_draws_other_answers(monkeypatch):
    drawn = [_cases(student, monkeypatch) for student in STUDENTS]
    assert len({round(c.perplexity, 2) for c in drawn}) >= 9
    assert len({round(c.cold_probability, 3) for c in drawn}) >= 6
    assert len({tuple(c.leak_answers.items()) for c in drawn}) >= 6
    assert len({tuple(c.leaks.values()) for c in drawn}) == len(drawn)
    assert len({c.scored_notes for c in drawn}) == len(drawn)
    # The same identifier always draws the same cases (in class and at grading).
    assert _cases("etudiant03", monkeypatch) == drawn[3]


@pytest.mark.parametrize("student", STUDENTS)
def test_the_cases_stay_sensible(student, monkeypatch):
    cases = _cases(student, monkeypatch)
    probabilities = cases.sentence_probabilities
    assert len(probabilities) == 4 and len(set(probabilities)) >= 3
    assert all(0 < p < 1 for p in probabilities)
    assert 1 < cases.perplexity < 20
    task = _perplexity_task(cases.seed)
    asked = [probabilities[i] for i in task]
    other = [probabilities[i] for i in ({(0, 1, 2): (1, 2, 3), (1, 2, 3): (0, 1, 2)}[task])]
    product = asked[0] * asked[1] * asked[2]
    assert cases.perplexity == pytest.approx(1 / product ** (1 / 3))
    mistakes = [
        sum(1 / p for p in asked) / 3,
        1 / product,
        3 / sum(asked),
        product ** (1 / 3),
        1 / product / 3,
        1 / product**0.25,
        # The other version's key, and the four words' perplexity, are named mistakes.
        1 / (other[0] * other[1] * other[2]) ** (1 / 3),
        1 / (probabilities[0] * probabilities[1] * probabilities[2] * probabilities[3]) ** 0.25,
    ]
    assert all(round(m, 2) != round(cases.perplexity, 2) for m in mistakes)

    first, second, third = cases.temperature_probabilities
    assert first > second > third > 0 and abs(first + second + third - 1) < 1e-9
    answer = cases.cold_probability
    word = _cold_task(cases.seed)
    chosen = cases.temperature_probabilities[word]
    squares = first**2 + second**2 + third**2
    assert answer == pytest.approx(chosen**2 / squares)
    # A cold temperature raises the first word and lowers the others (the feedback says so).
    assert (answer > chosen) if word == 0 else (0.03 < answer < chosen)
    others = [p**2 / squares for i, p in enumerate((first, second, third)) if i != word]
    named = [chosen, chosen**2, chosen * 0.5, chosen / 0.5, *others, 0.36 / 0.46]
    assert all(round(m, 3) != round(answer, 3) for m in named)

    leaks = list(cases.leaks.values())
    assert list(cases.leaks) == list("ABCDE") and len(set(leaks)) == 5
    assert cases.temperature_probabilities != TRAINING_TRIPLET
    assert all(text in _LEAK_TEXTS for text in leaks)
    assert len(cases.scored_notes) == N_SCORED and len(set(cases.scored_notes)) == N_SCORED
    assert all(0 <= i < N_NOTES for i in cases.scored_notes)


def test_question_4_pool_holds_every_kind_twice_over():
    assert len(_LEAK_TEXTS) >= 4 * 5 and len(set(_LEAK_TEXTS)) == len(_LEAK_TEXTS)
    kinds = [_leak_kind(text) for text in _LEAK_TEXTS]
    assert {k: kinds.count(k) for k in set(kinds)} == {
        "limite": 4,
        "générale": 6,
        "nom": 4,
        "quasi": 6,
    }


SEEDS = range(1000)


def test_question_4_draws_messages_without_reading_their_answers():
    """Review 14 d21b: a uniform draw of five of the twenty messages (the former draw
    grouped them by kind of answer). Each message is in a quarter of the copies; almost
    every copy has both answers, and the patterns vary."""
    from collections import Counter

    answers, shares, mixed = set(), Counter(), 0
    for seed in SEEDS:
        leaks = exam_cases(seed).leaks
        shares.update(leaks.values())
        key = tuple((letter, _truth_leak(text)) for letter, text in leaks.items())
        mixed += len({answer for _, answer in key}) == 2
        answers.add(key)
    assert max(shares.values()) / len(SEEDS) < 0.33
    assert mixed / len(SEEDS) > 0.95
    assert len(answers) >= 28


def test_question_2_never_draws_the_training_triplet():
    drawn = {exam_cases(seed).temperature_probabilities for seed in SEEDS}
    assert TRAINING_TRIPLET not in drawn and len(drawn) >= 8


FORMATIVE_3A = {
    ("amoxicilline", "1000", "mg"),
    ("furosémide", "10", "mg"),
    ("bisoprolol", "1,25", "mg"),
    ("amlodipine", "2,5", "mg"),
}


POOL_3A = [(drug, dose, unit) for drug, doses in DOSE_POOL.items() for dose, unit in doses]


def test_question_3a_draws_doses_without_reading_their_verdicts():
    """Review 14 d21b: four different drugs drawn uniformly, one strength of each (the former
    draw grouped the pool by verdict, « Q » and « T », which a student's kernel could read)."""
    from collections import Counter

    pool = set(POOL_3A)
    assert len(pool) == len(POOL_3A)
    assert not pool & FORMATIVE_3A and "paracétamol" not in DOSE_POOL
    shares, answers, no_outside = Counter(), set(), 0
    for seed in SEEDS:
        drawn = _dose_draw(seed)
        assert dose_cases(seed) == {
            letter: f"{d}, un comprimé de {v} {u}" for letter, (d, v, u) in drawn.items()
        }
        assert list(drawn) == list("ABCD") and len({c[0] for c in drawn.values()}) == 4
        assert set(drawn.values()) <= pool
        shares.update(drawn.values())
        key = tuple((letter, _truth_dose(*c)) for letter, c in drawn.items())
        no_outside += all(answer == "corpus" for _, answer in key)
        answers.add(key)
    # Four of nine drugs: no case in more than about 45 % of the copies (the drugs with one
    # strength); a sixth of the copies or fewer have no « hors corpus » dose.
    assert max(shares.values()) / len(SEEDS) < 0.5
    assert no_outside / len(SEEDS) < 0.17
    assert len(answers) >= 14
    # Review d16, finding 5: every « hors corpus » case is a strength marketed in France
    # (checked in the ANSM's public database: a pharmacy student cannot class it without
    # the table). They are the only marketed strengths outside the corpus that the model
    # writes outside the formative question (review 14 d21b: the pool cannot grow).
    assert {c for c in POOL_3A if _truth_dose(*c) == "hors corpus"} == {
        ("ramipril", "1,25", "mg"),
        ("bisoprolol", "10", "mg"),
        ("furosémide", "500", "mg"),
    }
    # The unit trap: 1000 mg in the corpus, written « 1 g ».
    assert [c for c in POOL_3A if c[2] == "g"] == [("metformine", "1", "g")]
    assert _truth_dose("metformine", "1", "g") == "corpus"
    # No dose outside any usual range (review d12): nothing in micrograms but lévothyroxine.
    assert all(unit != "µg" or drug == "lévothyroxine" for drug, _, unit in POOL_3A)


def test_question_3a_pool_was_written_by_the_module_model():
    from esn_teach.datasets import make_clinical_notes
    from esn_teach.generative import NGramModel, prescription_audit

    notes = make_clinical_notes(n_samples=400, random_state=14)
    model = NGramModel(n=3).fit(notes.frame["text"])
    audit = prescription_audit(
        model, notes.reference_doses, [0.2, 0.5, 1.0, 1.5, 2.0], n_per_drug=200, random_state=14
    )
    written = set(zip(audit["drug"], audit["dose"], audit["unit"], strict=True))
    assert all(p in written for p in POOL_3A)
    # The examples section 3 prints (it leaves out paracetamol and the formative question's
    # drugs) are never among the drawn prescriptions.
    examples = (
        audit[
            (audit["verdict"] == "dose hors corpus")
            & ~audit["drug"].isin(["paracétamol", *{d for d, _, _ in FORMATIVE_3A}])
        ]
        .drop_duplicates("drug")
        .head(3)
    )
    shown = set(zip(examples["drug"], examples["dose"], examples["unit"], strict=True))
    assert not shown & set(POOL_3A)


# question: (letters, the right answer of the case at each position of the notebook's list).
# These mirror the evaluated cells of question 5, read here from the texts (question 5b,
# « texte_ia », was removed in review d22 to bring part 2 under one hour).
QUESTIONS = {
    "texte_obligation": (
        "ABCD",
        ["HDS", "RGPD", "aucun", "secret", "HDS", "aucun", "RGPD", "secret", "HDS", "aucun"],
    ),
}


def _notebook_source():
    from pathlib import Path

    return (Path(__file__).parents[2] / "notebooks" / "14_ia_generative_sante.py").read_text()


def _pool_list(name: str) -> list[str]:
    """The list of cases a question 5 cell shows (``cas_5a = [...]``), from the source."""
    source = _notebook_source()
    start = source.index(f"{name} = [")
    return ast.literal_eval(source[start + len(name) + 3 : source.index("\n]\n", start) + 2])


def test_question_5_position_tables_match_the_texts():
    """The hidden tests key each case by its position in the list: check each position's
    answer against the texts' words (review 14 d21b)."""
    texts_5a = _pool_list("cas_5a")
    words_5a = {
        "HDS": "pas de certification",
        "secret": "dossier d",
        "RGPD": "médical",
    }
    for text, answer in zip(texts_5a, QUESTIONS["texte_obligation"][1], strict=True):
        if "employeur" in text or "propriétaire" in text:
            assert answer == "RGPD", text
        elif "raconte" in text or "recopie" in text:
            assert answer == "secret", text
        elif any(w in text for w in ("son propre local", "ordinateur de son", "certifié** garde")):
            assert answer == "aucun", text
        else:
            assert answer == "HDS" and words_5a["HDS"] in text, text
    for question, (_, right) in QUESTIONS.items():
        assert str(right).replace("'", '"') in _notebook_source(), question


@pytest.mark.parametrize("question", sorted(QUESTIONS))
def test_the_answers_of_question_5_change_from_copy_to_copy(question):
    from collections import Counter

    letters, right = QUESTIONS[question]
    assert f'copy_order(graine, "{question}", range(len(' in _notebook_source()
    answers, shares = set(), Counter()
    for seed in SEEDS:
        positions = copy_order(seed, question, range(10))
        assert list(positions) == list(letters) and len(set(positions.values())) == 4
        shares.update(positions.values())
        answers.add(tuple(right[positions[letter]] for letter in letters))
    # Uniform: each case in about 40 % of the copies; the key pattern changes.
    assert max(shares.values()) / len(SEEDS) < 0.45
    assert len({tuple(sorted(a)) for a in answers}) >= 10
    assert len(answers) >= 90


def test_no_attribute_of_the_package_groups_a_pool_by_answer():
    """Review 14 d21b: the kernel imports esn_teach.generative._exam. No attribute may group
    a pool's cases (by position or by text) into sets of one answer, nor name a drawn text's
    key: the former ``_POOL_SLOTS`` (« Q » was exactly the doses outside the corpus, « T »
    the unit trap) failed here."""

    def walk(value, depth=0):
        yield value
        if depth > 4:
            return
        if isinstance(value, dict):
            for v in value.values():
                yield from walk(v, depth + 1)
        elif isinstance(value, (tuple, list)):
            for v in value:
                yield from walk(v, depth + 1)

    leak_pool = set(_LEAK_TEXTS)
    for name in dir(exam_module):
        value = getattr(exam_module, name)
        if callable(value) and not isinstance(value, dict):
            continue
        for node in walk(value):
            # A mapping from labels to collections of positions that cover a pool: a grouping.
            if (
                isinstance(node, dict)
                and node
                and all(
                    isinstance(v, (tuple, list)) and v and all(isinstance(i, int) for i in v)
                    for v in node.values()
                )
            ):
                pytest.fail(f"{name}: groups positions of a pool ({sorted(node)})")
            # A strict part of question 4's pool whose messages all have one answer.
            if isinstance(node, (tuple, list)) and 2 <= len(node) < len(leak_pool):
                texts = [t for t in node if isinstance(t, str) and t in leak_pool]
                if len(texts) == len(node):
                    assert len({_truth_leak(t) for t in texts}) == 2, name
            # A mapping that gives a key value for a drawn text.
            if isinstance(node, dict):
                keys = {"oui", "non", "corpus", "hors corpus", "secret", "HDS", "RGPD", "IA"}
                assert not (set(map(str, node.values())) & keys), name
    # The draws' functions return texts or positions, never labels of a kind.
    for seed in range(50):
        assert set(copy_order(seed, "texte_obligation", range(10)).values()) <= set(range(10))
        assert all(isinstance(t, str) for t in dose_cases(seed).values())


def test_question_7_keys_change_with_the_scenario():
    keys = {tuple(_truth_incident(t)[x] for x in "ABG") for t in INCIDENT_SCENARIOS}
    # Review 14 d20, lecturer 3: five scenarios, three actions that change between them.
    assert len(keys) == len(INCIDENT_SCENARIOS) == 5
    # The formative scenario (not serious, consumer chatbot, an adverse effect) is not drawn.
    assert ("non", "non", "ensuite") not in keys
    for action in "ABG":
        assert len({_truth_incident(t)[action] for t in INCIDENT_SCENARIOS}) == 2
    # Review 14 d20, lecturer 5: no hindsight in a scenario (facts known at discovery).
    assert not any("lendemain" in t or "ira bien" in t for t in INCIDENT_SCENARIOS)
    assert {incident_scenario(seed) for seed in SEEDS} == set(INCIDENT_SCENARIOS)
    answers = set()
    for seed in SEEDS:
        draw = draw_cases(seed, "signalement", "ABCDEFGH")
        answers.add(tuple(draw.by_letter(_truth_incident(incident_scenario(seed))).items()))
    assert len(answers) >= 200
    # The notebook's hidden test reads the same three facts in the text, with its own words.
    for text in INCIDENT_SCENARIOS:
        assert ("dispositif médical marqué CE" in text) == ("dispositif médical" in text)
    source = _notebook_source()
    assert '"aucun signe anormal" not in texte_7' in source


def test_whispered_contents_are_worth_little():
    """Review 14 d20, lecturer 3: over 2 000 ids, each question 7 scenario is in about a
    fifth of the copies, each question 3a « corpus » case in under 40 %; the unit trap is in
    every copy and the three « hors corpus » cases in about two thirds (the only marketed
    strengths the model wrote outside the formative question), which is why question 3a is
    cut to 1 point of 11: a whispered list of them is worth at most 1 point."""
    ids = range(5000, 7000)
    scenario_share = {t: 0 for t in INCIDENT_SCENARIOS}
    case_share: dict[tuple[str, str, str], int] = {}
    for seed in ids:
        scenario_share[incident_scenario(seed)] += 1
        for case in _dose_draw(seed).values():
            case_share[case] = case_share.get(case, 0) + 1
    assert max(scenario_share.values()) / len(ids) < 0.25
    assert max(case_share.values()) / len(ids) < 0.48
    # A neighbour's question 7 answers score about nothing by letter (the letters are
    # shuffled); by content (action texts, the same in every copy), five of the eight
    # actions keep their answer, so a whisper keeps some value: with five scenarios it is
    # below 1,5 point of 2 on average (about 1,65 with the three scenarios of d19).
    by_letter, by_content = [], []

    def score(mine: dict[str, str], theirs: dict[str, str]) -> float:
        right = sum(mine[x] == theirs[x] for x in mine)
        return max(0.0, 0.25 * right - 0.125 * (len(mine) - right))

    for seed in ids:
        mine, theirs = (_truth_incident(incident_scenario(s)) for s in (seed, seed + 1))
        by_content.append(score(mine, theirs))
        by_letter.append(
            score(
                draw_cases(seed, "signalement", "ABCDEFGH").by_letter(mine),
                draw_cases(seed + 1, "signalement", "ABCDEFGH").by_letter(theirs),
            )
        )
    assert sum(by_letter) / len(ids) < 0.5
    assert sum(by_content) / len(ids) < 1.5
    # Review 14 d20b, lecturer 4 (d22): the best fixed crib by content (one answer per action
    # text, whatever the scenario) was worth 1,54 of 2 on average; with the DPO action that
    # depends on the tool it is 1,39. Still above half: C, D, E and F (the patient first, the
    # order, the incident form) keep one answer in every scenario (notes, « Relecture d22 »).
    truths = [_truth_incident(incident_scenario(seed)) for seed in ids]
    crib = {
        slot: max(("d'abord", "ensuite", "non"), key=[t[slot] for t in truths].count)
        for slot in "ABCDEFGH"
    }
    assert sum(score(crib, truth) for truth in truths) / len(ids) < 1.4
    assert re.search(r'tests="verdict_doses" points=1 session="evaluation"', _notebook_source())


def test_the_right_option_of_question_3b_moves(monkeypatch):
    letters = set()
    for student in STUDENTS:
        monkeypatch.setenv(checks.STUDENT_ENV, student)
        draw = draw_cases(checks.student_seed("14", announce=False), "origine_dose", "ABCD")
        letters.add(draw.letter_of("B"))
    assert len(letters) >= 3  # the right option is not always under the same letter


# --- Nothing a visible cell of the evaluated notebook creates holds a key (review d12) ---

FORBIDDEN_NAMES = re.compile(
    r"perplex|cold|verdict|answer|mistake|key|expected|recall|solution|letter_of|by_letter|"
    r"slots|variants|stratum|severe|device|kind|leak_|pool",
    re.IGNORECASE,
)


def _public_attributes(value):
    """Yield (name, attribute) for each public attribute of a value, its items too."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _public_attributes(item)
            yield str(key), item
        return
    if isinstance(value, (str, int, float, tuple, list)):
        return
    for name in dir(value):
        if not name.startswith("_"):
            yield name, getattr(value, name)


def _flat_values(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _flat_values(item)
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _flat_values(item)
    else:
        yield value


def _visible_evaluation_cells():
    """The code of the evaluated notebook's cells a student sees (not answers, tests, mistakes)."""
    cells = re.split(r"^# %%", _notebook_source(), flags=re.M)[1:]
    for cell in cells:
        header, _, body = cell.partition("\n")
        if "[markdown]" in header or 'session="formative"' in header:
            continue
        if any(f'{tag}="' in header for tag in ("answer", "tests", "mistake")):
            continue
        yield body


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 7, 14, 2026, 99999])
def test_no_object_a_visible_cell_creates_exposes_a_key(seed):
    statement = exam_cases(seed)
    doses = dose_cases(seed)
    incident = incident_scenario(seed)
    orders = {
        "origine_dose": copy_order(seed, "origine_dose", {k: f"option {k}" for k in "ABCD"}),
        "signalement": copy_order(seed, "signalement", {k: f"action {k}" for k in "ABCDEFGH"}),
        "texte_obligation": copy_order(seed, "texte_obligation", [f"cas {i}" for i in range(10)]),
    }
    visible = [statement, doses, incident, *orders.values()]
    for value in visible:
        for name, attribute in _public_attributes(value):
            assert not FORBIDDEN_NAMES.search(name), (type(value), name)
            assert not callable(attribute) or isinstance(attribute, type), (type(value), name)
    values = [v for value in visible for v in _flat_values(value)]
    values += [v for _, a in _public_attributes(statement) for v in _flat_values(a)]
    drawn = statement.sentence_probabilities + statement.temperature_probabilities
    floats = [v for v in values if isinstance(v, float) and v not in drawn]
    assert all(round(v, 2) != round(_truth_perplexity(seed), 2) for v in floats)
    assert all(round(v, 3) != round(_truth_cold(seed), 3) for v in floats)
    for value in values:
        if isinstance(value, str):
            # No key value among the statement's strings (« oui », « corpus », « ensuite »...).
            assert value not in {"oui", "non", "corpus", "hors corpus", "d'abord", "ensuite"}
            assert value not in {"secret", "HDS", "RGPD", "IA", "aucun"}
    assert isinstance(incident, str) and all(isinstance(t, str) for t in doses.values())
    assert all(isinstance(t, str) for t in statement.leaks.values())
    assert set(doses) == set("ABCD") and set(statement.leaks) == set("ABCDE")


def test_the_public_namespace_holds_no_key_and_no_pool():
    import esn_teach.generative as generative

    for name in generative.__all__:
        assert not name.startswith("_")
        assert not FORBIDDEN_NAMES.search(name), name
        assert name not in {"perplexity", "apply_temperature", "name_counts", "draw_cases"}
    public = {name for name in dir(generative) if not name.startswith("_")}
    assert not any(FORBIDDEN_NAMES.search(name) for name in public), public


def test_visible_evaluation_cells_call_no_private_function():
    visible = "\n".join(_visible_evaluation_cells())
    assert "copy_order(graine" in visible and "exam_cases(graine)" in visible
    assert "._exam" not in visible and "import _" not in visible
    # The audit's per-prescription verdicts would answer question 3a: only its totals stay.
    assert "\ndel audit\n" in visible
    assert not re.search(r"\b_(?:dose|leak|incident|perplexity|cold|draw|name)", visible)
    assert not re.search(
        r"\.(?:verdict|answers?|mistakes?|perplexity|cold_probability|leak_\w+|slots|variants|"
        r"letter_of|by_letter)\b",
        visible,
    )


@pytest.mark.parametrize("seed", range(30))
def test_the_statement_and_the_hidden_tests_draw_the_same_cases(seed):
    pool = {k: f"option {k}" for k in "ABCDEFGH"}
    shown = copy_order(seed, "signalement", pool)
    draw = _draw_cases(seed, "signalement", "ABCDEFGH")
    assert shown == {letter: pool[slot] for letter, slot in draw.slots.items()}
    for question in ("texte_obligation",):
        texts = [f"cas {i}" for i in range(10)]
        positions = copy_order(seed, question, range(10))
        assert copy_order(seed, question, texts) == {
            letter: texts[i] for letter, i in positions.items()
        }


# --- One task per copy (6 December 2026, night) ---


def test_every_task_of_questions_1_2_and_3b_is_drawn_about_as_often():
    from collections import Counter

    seeds = range(3000)
    q1 = Counter(_perplexity_task(seed) for seed in seeds)
    q2 = Counter(_cold_task(seed) for seed in seeds)
    q3b = Counter(_corpus_task(seed) for seed in seeds)
    assert set(q1) == {(0, 1, 2), (1, 2, 3)} and min(q1.values()) > 1300
    assert set(q2) == {0, 1} and min(q2.values()) > 1300
    assert set(q3b) == {0, 1} and min(q3b.values()) > 1300
    # The statement says the task in words, and the words name it.
    for seed in range(40):
        statement = exam_cases(seed)
        words = " ".join(SENTENCE_WORDS[i] for i in _perplexity_task(seed))
        assert f"« {words} »" in statement.sentence_task
        assert ("premiers" in statement.sentence_task) == (_perplexity_task(seed)[0] == 0)
        assert statement.temperature_task.endswith(
            ("premier mot", "deuxième mot")[_cold_task(seed)]
        )
        assert statement.corpus_task == _CORPUS_TASKS[_corpus_task(seed)]
    # Two students next to each other: about half the pairs have another task somewhere.
    differ = sum(
        (_perplexity_task(s), _cold_task(s), _corpus_task(s))
        != (_perplexity_task(s + 1), _cold_task(s + 1), _corpus_task(s + 1))
        for s in range(0, 2000, 2)
    )
    assert differ > 800


def test_question_3b_tasks_say_what_the_model_would_do():
    """Both imagined corpora, rebuilt and audited: the answer each task's key gives is true.

    « Traitement : ramipril 5 mg »: among the doses written, the share outside the corpus
    falls (to about zero); « un comprimé de ramipril dosé à 5 mg »: it stays about the same
    (the drug is three words before the dose; the two before it are the same for every
    drug).
    """
    from esn_teach.datasets import make_clinical_notes
    from esn_teach.generative import NGramModel, prescription_audit

    notes = make_clinical_notes(n_samples=400, random_state=14)
    texts = notes.frame["text"]
    assert texts.str.count(", un comprimé de ").sum() == len(texts)

    def share(corpus, prompt):
        model = NGramModel(n=3).fit(corpus)
        audit = prescription_audit(
            model, notes.reference_doses, [0.2], prompt=prompt, n_per_drug=200, random_state=14
        )
        counts = audit["verdict"].value_counts()
        outside = counts.get("dose hors corpus", 0)
        return outside / (outside + counts.get("dose du corpus", 0))

    now = share(texts, "Traitement : {drug}, un comprimé de")
    without = share(texts.str.replace(", un comprimé de ", " ", regex=False), "Traitement : {drug}")
    dosed = share(
        texts.str.replace(
            r"Traitement : (\S+), un comprimé de ",
            r"Traitement : un comprimé de \1 dosé à ",
            regex=True,
        ),
        "Traitement : un comprimé de {drug} dosé à",
    )
    assert now > 0.5
    assert without < 0.05  # task 0, key slot B: « baisserait nettement »
    assert abs(dosed - now) < 0.05  # task 1, key slot C: « resterait à peu près la même »
    # The notebook's hidden test gives task 0 the option B, task 1 the option C.
    source = _notebook_source()
    assert 'cle_3b, autre_3b, mots_3b = "B", "C"' in source
    assert 'cle_3b, autre_3b, mots_3b = "C", "B"' in source
    assert "ramipril 5 mg" in _CORPUS_TASKS[0]
    assert "un comprimé de ramipril dosé à 5 mg" in _CORPUS_TASKS[1]


# --- The package holds no key (review 07, finding 1; 7 December 2026) ---

KEY_WORDS = {"oui", "non", "corpus", "hors corpus", "d'abord", "ensuite"}
KEY_WORDS |= {"secret", "HDS", "RGPD", "IA", "aucun"}


def test_the_package_exposes_no_key_function_field_or_constant():
    for name in (
        "_perplexity_key",
        "_cold_key",
        "_leak_key",
        "_dose_key",
        "_incident_key",
        "_incident",
        "_leak_cases",
        "_name_counts",
        "NameCounts",
        "DoseCase",
        "ExamCase",
        "IncidentScenario",
        "_LEAK_POOL",
        "_CORPUS_TASK_SLOTS",
        "DOSE_PATTERNS",
        "LEAK_KINDS",
    ):
        assert not hasattr(exam_module, name), name
    # No class of the module has a field or method that holds an answer.
    for value in vars(exam_module).values():
        if isinstance(value, type) and value.__module__ == exam_module.__name__:
            for attribute in dir(value):
                assert not re.search(
                    r"answer|verdict|mistake|key|severe|device|kind|stratum|recall", attribute
                ), (value, attribute)
    # No string literal of the module is an answer (« oui », « corpus », « ensuite », « HDS »…).
    with open(exam_module.__file__, encoding="utf-8") as source:
        tree = ast.parse(source.read())
    literals = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    assert not literals & KEY_WORDS, literals & KEY_WORDS


# Review 14 d21 (lecturer d20b, finding 5): the package's comments, which a student's kernel
# can read, said which imagined corpus of question 3b lowers the « hors corpus » share
# (« : ramipril », task 0: the drug is among the two words read: option B; « dosé à »,
# task 1: the same two words for every drug: option C), that the no-effect case of
# question 7 means « pharmacovigilance non », that the antihypertensive's near fall is
# not an EIGS, and which doses of question 3a are marketed strengths outside the corpus
# (Triatec 1,25 mg, Cardensiel/Detensiel 10 mg, Lasilix Spécial 500 mg; ANSM database
# and Vidal, 7 December 2026). These explanations now live here and in the notes.
COMMENT_HINTS = (
    r"share[^\n]*(falls|stays)",
    r"pharmacovigilance\s*« non »",
    r"no EIGS",
    r"nothing serious",
    r"no adverse effect",
    r"Triatec|Cardensiel|Detensiel|Lasilix",
    r"not serious",
)


def test_the_package_comments_say_nothing_of_which_option_is_right():
    with open(exam_module.__file__, encoding="utf-8") as source:
        text = source.read()
    for pattern in COMMENT_HINTS:
        assert not re.search(pattern, text), pattern


def _hidden_table(name: str):
    """A dict literal the notebook's evaluated hidden test defines (``name = {...}``)."""
    tree = ast.parse(_notebook_source())
    (node,) = [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Assign)
        and isinstance(n.targets[0], ast.Name)
        and n.targets[0].id == name
    ]
    return ast.literal_eval(node.value)


def test_the_notebooks_question_4_table_agrees_with_an_independent_one():
    table = _hidden_table("raisons_q4")
    for text in _LEAK_TEXTS:
        (fragment,) = [f for f in table if f in text]
        answer, why = table[fragment]
        assert answer == _truth_leak(text), text
        # The named mistake (the other answer's message) ends with the common words.
        assert (LEAK_YES in why) == (answer == "oui") and (LEAK_NO in why) == (answer == "non")
    assert len(table) == len(_LEAK_TEXTS)


def test_formative_questions_5_and_7_do_not_name_the_wrong_items():
    """Review d15, finding 1: naming them let a student answer by elimination."""
    source = _notebook_source()
    for name in ("texte_obligation", "signalement"):
        check = source.split(f'    name="{name}",\n', 1)[1].split("points=", 1)[0]
        assert "name_items=False" in check, name
        assert "Le bon circuit est" not in check, name
        assert "cette certification est bien obligatoire" not in check, name


def _module(session):
    from pathlib import Path

    from esn_teach.course._source import read_module

    return read_module(
        Path(__file__).parents[2] / "notebooks" / "14_ia_generative_sante.py", session=session
    )


def test_each_version_opens_with_its_own_rule():
    """Review 14 d19, lecturer 1-2: the evaluated header said « à distance, à votre rythme »
    for both versions, above « Séance évaluée, 60 min en séance », and never said when the
    copy is handed in nor what the feedback's total out of 16 means. Review 14 d20, lecturer 1
    and student 1: the module's own box says only what the generated banner, « Notation » and
    certificate box do not (where and when, chatbots, hand in once): no points, no threshold."""
    evaluated = _module("evaluation").notebook.cells[0].source
    formative = _module("formative").notebook.cells[0].source
    for repeated in ("8,4", "sur 16", "12 points", "11 points"):
        assert repeated not in evaluated, repeated
    assert len(evaluated.split()) < 150 and len(formative.split()) < 110
    for needed in (
        "sans surveillance",
        "une seule fois",
        "les deux parties faites",
        "« en séance »",
        "**Prérequis** :",
    ):
        assert needed in evaluated, needed
    assert "entraînement" in formative and "sur 16" not in formative
    assert evaluated.startswith("# Module 14") and formative.startswith("# Module 14")


def test_the_evaluated_part_two_fits_in_one_hour():
    """Review 14 d20b, lecturer 2 and student 2 (decision d22): part 2, taken alone at a
    distance, was estimated at 85 min; it must be 60 or less, with at least four autograded
    questions and the reflection still in it."""
    from esn_teach.course._outline import after_class_start, estimate_duration

    module = _module("evaluation")
    module.notebook.metadata["esn_session"] = "evaluation"
    assert estimate_duration(module.notebook).after_class <= 60
    cells = module.notebook.cells[after_class_start(module.notebook) :]
    graded = [c for c in cells if c.metadata.get("nbgrader", {}).get("grade")]
    assert len([c for c in graded if c.cell_type == "code"]) >= 4
    assert any(c.cell_type == "markdown" for c in graded)  # the reflection


def test_part_one_leaves_a_margin_under_one_hour():
    """Review 14 d19, lecturer 3 and student 1: part 1 was estimated at exactly 60 min."""
    from esn_teach.course._outline import estimate_duration

    for session in ("formative", "evaluation"):
        module = _module(session)
        if session == "evaluation":
            module.notebook.metadata["esn_session"] = "evaluation"
        assert estimate_duration(module.notebook).in_class <= 55, session


def test_medical_secrecy_binds_everyone_in_the_health_system():
    """Review 14 d19, lecturer 4: L1110-4 binds every professional working in the health
    system (administrative and IT staff too), not only those who treat the patient."""
    from esn_teach import law

    source = _notebook_source()
    assert "qui prennent en charge le patient" not in source
    assert 'prennent en "\n' not in source
    who = source.split('"L1110-4": "**Qui ?**', 1)[1].split("**Quoi ?**", 1)[0]
    assert "système de santé" in who
    assert "système de santé" in " ".join(law.reference("L1110-4").summary.split())


def test_evaluated_feedback_names_the_wrong_items_of_questions_3a_and_4():
    """Review 14 d19, lecturer 5: after grading there is nothing left to protect."""
    source = _notebook_source()
    for mistakes in ("mistakes=erreurs_3a", "mistakes=erreurs_q4"):
        call = source.split(mistakes, 1)[1].split("points=", 1)[0]
        assert "name_items=True" in call, mistakes


def test_question_7_formative_practice_has_a_serious_case_with_a_device():
    """Review 14 d19, student 3: the formative case only trained « non » for EIGS and
    matériovigilance; the statements say who « vous » is."""
    formative = "\n".join(c.source for c in _module("formative").notebook.cells)
    evaluated = "\n".join(c.source for c in _module("evaluation").notebook.cells)
    practice = formative.split("**Un second cas, pour vous entraîner**", 1)[1]
    practice = practice.split("</details>", 1)[0]
    assert "réanimation" in practice and "marqué CE" in practice
    assert "**B : « ensuite »**" in practice and "**D : « ensuite »**" in practice
    assert "Un second cas, pour vous entraîner" not in evaluated
    for text in (formative, evaluated):
        assert re.search(r"Vous êtes (l'|son )infirmier ou (l'|son )infirmière", text)


def test_section_3_shows_one_denominator_per_table():
    """Review 14 d20b, student 4: one table mixed two denominators (all prescriptions, and
    written doses only); each table now has one, said in its caption."""
    source = _notebook_source()
    section = source.split("# ## 3. Une hallucination", 1)[1].split("### Question 3a", 1)[0]
    assert 'caption="Tableau 1 — Parmi toutes les prescriptions générées' in section
    assert 'caption="Tableau 2 — Parmi les seules doses écrites' in section
    assert "dernière colonne" not in source and 'parmi les doses écrites": parts' not in section


def test_formative_multi_item_messages_point_to_what_to_reread():
    """Review 14 d20b, student 5: a message that describes the case (« mon patient » seul,
    an EIGS, a sport app) shows which item is wrong; each now names the kind of mistake and
    the box or table to re-read."""
    source = _notebook_source()
    for name, words in (
        ("fuite", ("mon patient", "surnom", "petite commune", "aucun patient")),
        ("signalement", ("EIGS", "matériovigilance", "pharmacovigilance", "DPO", "fiche avant")),
        ("texte_obligation", ("application de sport", "hôpital qui garde", "ses propres")),
    ):
        cell = source.split(f'# %% tests="{name}" points=', 1)[1].split("### BEGIN HIDDEN", 1)[0]
        messages = cell.split("success=", 1)[0]
        for word in words:
            assert word not in messages, (name, word)
        assert "relisez" in messages.lower(), name


def test_question_3a_statement_says_how_many_corpus_doses_every_copy_has():
    """Review 14 d23, lecturer 2: the statement said « d'une à trois doses "corpus" » while
    about 11 % of copies had four. Over 2 000 ids (checks.student_seed), the count of « corpus »
    doses stays within what the evaluated statement says."""
    from collections import Counter

    source = _notebook_source()
    match = re.search(r"\(d'une à (\w+) doses « corpus », selon la\n# copie", source)
    assert match, "the evaluated Q3a statement no longer says how many doses are « corpus »"
    upper = {"deux": 2, "trois": 3, "quatre": 4}[match.group(1)]
    counts = Counter(
        sum(_truth_dose(*case) == "corpus" for case in _dose_draw(seed).values())
        for seed in range(2000)
    )
    assert min(counts) >= 1 and max(counts) <= upper, counts


def test_section_2_box_says_what_the_explorer_shows_at_low_temperature():
    """Review 14 d23, student 3: the box said the continuation is « presque la même » at low
    temperature, while the dose changed from draw to draw (5 mg, 2,5 mg, 10 mg…). Run the
    explorer at 0,2 on the module's paracetamol prompt: the plan stays, the dose changes."""
    from esn_teach.datasets import make_clinical_notes
    from esn_teach.explorers import GenerationExplorer
    from esn_teach.generative import NGramModel

    source = _notebook_source()
    box = source[source.index("Ce qu'il fallait voir (ouvrez après avoir essayé)") :]
    box = box[: box.index("</details>")]
    assert "presque la même" not in box and "la dose change" in box and "même plan" in box
    notes = make_clinical_notes(n_samples=400, random_state=14)
    model = NGramModel(n=3).fit(notes.frame["text"])
    prompt = "Traitement : paracétamol, un comprimé de"
    explorer = GenerationExplorer(model, [prompt], temperature=0.2, draw=1)
    texts = [explorer.update(prompt, 0.2, draw)["continuation"] for draw in range(1, 11)]
    planned = [t for t in texts if re.match(r"[\d,]+ mg .*Prochain rendez-vous", t)]
    assert len(planned) >= 6, texts  # the plan stays on most draws
    assert len({t.split()[0] for t in planned}) >= 3, texts  # the dose still changes


def test_question_7_formative_trains_the_near_miss_with_a_device():
    """Review 14 d23, student 1: the evaluated Q7 rests on « aurait pu causer » (a device, no
    harm); the formative now has a near-miss practice case whose correction says it."""
    formative = "\n".join(c.source for c in _module("formative").notebook.cells)
    evaluated = "\n".join(c.source for c in _module("evaluation").notebook.cells)
    practice = formative.split("**Un troisième cas : le presque-accident**", 1)[1]
    practice = practice.split("</details>", 1)[0]
    assert "marqué CE" in practice and "n'a rien reçu" in practice
    assert "**D : « ensuite »**" in practice and "**aurait pu**" in practice
    assert "**F : « non »**" in practice and "**B : « non »**" in practice
    assert "Pharmacien·ne" in practice and "ordonnance" in practice  # student 6
    assert "presque-accident" not in evaluated


def test_question_7_formative_gives_one_pointer_per_circuit():
    """Review 14 d23, student 4: leaving out F (pharmacovigilance) or H (DPO) gave the same
    message; each now points to its own point of the detail box, without naming the letter."""
    source = _notebook_source()
    cell = source[source.index('# %% tests="signalement" points=2 session="formative"') :]
    cell = cell[: cell.index("### BEGIN HIDDEN TESTS")]
    f_cell = cell[cell.index('"F": [') : cell.index('"G": [')]
    h_cell = cell[cell.index('"H": [') :]
    assert "piste_pharmaco" in f_cell and "piste_donnees" in h_cell
    assert "piste_ecartee" not in f_cell and "piste_ecartee" not in h_cell
    for name in ("piste_pharmaco", "piste_donnees"):
        text = cell[cell.index(f"{name} = (") :].split(")\n", 1)[0]
        assert "« F »" not in text and "« H »" not in text and "le point «" in text
