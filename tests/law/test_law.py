import ast
import dataclasses
import datetime
import re
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from esn_teach import law
from esn_teach.law import (
    CNIL_DECISIONS,
    IDENTIFICATION_LEVELS,
    LEGAL_FACTS_LAST_CHECKED,
    LEGAL_QUESTIONS,
    PRINCIPLES,
    REFERENCES,
    SCENARIOS,
    STATUSES,
    VERDICTS,
    CnilDecision,
    LegalQuestion,
    LegalReference,
    Scenario,
    Step,
)
from esn_teach.law._load import data_file

ROOT = Path(__file__).resolve().parents[2]
#: Module 10's question cards, for instructors: in the course repository, not in the package.
QUESTION_CARDS_FILE = ROOT / "notebooks/notes/10_scenarios_des_questions.toml"
QUESTION_CARDS = law.load_scenarios(QUESTION_CARDS_FILE)
QUESTION_KEYS = (
    "pharmacie_revente",
    "assureur_snds",
    "cohorte_recherche",
    "hopital_startup",
    "cabinet_kine_cloud",
    "etude_prothese_hanche",
)
MODULE_10_NOTES = ROOT / "notebooks/notes/10_monetiser_partager_reutiliser.md"
ALL_CARDS = (*SCENARIOS, *QUESTION_CARDS)


def test_last_checked_is_one_real_date_not_in_the_future_of_the_texts():
    assert type(LEGAL_FACTS_LAST_CHECKED) is datetime.date
    assert datetime.date.fromisoformat(LEGAL_FACTS_LAST_CHECKED.isoformat()) == (
        LEGAL_FACTS_LAST_CHECKED
    )
    newest = max([r.date for r in REFERENCES] + [d.date for d in CNIL_DECISIONS])
    assert newest <= LEGAL_FACTS_LAST_CHECKED


def test_references_are_well_formed_and_unique():
    keys = [r.key for r in REFERENCES]
    assert len(keys) == len(set(keys))
    for ref in REFERENCES:
        assert isinstance(ref.date, datetime.date)
        for text in (ref.text, ref.article, ref.date_label, ref.title, ref.summary):
            assert text.strip(), ref.key
        assert ref.url.startswith(
            (
                "https://eur-lex.europa.eu/",
                "https://www.legifrance.gouv.fr/",
                "https://www.cnil.fr/",
                "https://health.ec.europa.eu/",  # the Commission's MDCG guidance (module 13)
            )
        ), ref.key
        assert ref.citation.endswith(ref.article)
    assert law.reference("L1111-8").quote.startswith("Tout acte de cession à titre onéreux")


def test_unknown_keys_raise_with_the_known_ones():
    with pytest.raises(KeyError, match="connues : 4\\(15\\)"):
        law.reference("article 9000")
    with pytest.raises(KeyError, match="SAN-2024-013"):
        law.decision("SAN-1999-001")
    with pytest.raises(KeyError, match="labo_promotion_snds"):
        law.scenario("nope")


def test_at_least_ten_scenarios_well_formed():
    # The packaged cards and the instructor's question cards, checked alike. The cards of
    # graded questions left the package (five of them), so the explorer keeps six.
    assert len(SCENARIOS) >= 6 and len(ALL_CARDS) >= 10
    keys = [s.key for s in ALL_CARDS]
    assert len(keys) == len(set(keys))
    known = {r.key for r in REFERENCES}
    question_keys = [q.key for q in LEGAL_QUESTIONS]
    for card in ALL_CARDS:
        assert card.verdict in VERDICTS, card.key
        assert card.identification in IDENTIFICATION_LEVELS, card.key
        assert list(card.steps) == question_keys, card.key
        for step in card.steps.values():
            assert step.status in STATUSES, card.key
            assert step.answer.strip()
        assert card.deciding_keys, card.key
        assert set(card.reference_keys) <= known, card.key
        assert card.exception is None or card.exception.startswith("9(2)")
        assert card.exception is None or card.exception in known
        for wrong, message in card.misconceptions.items():
            assert wrong not in (card.verdict, card.exception, card.identification), card.key
            assert re.search(r"art|L\d{4}|considérant", message), (card.key, wrong)
    # The students' explorer still shows all three verdicts.
    assert {s.verdict for s in SCENARIOS} == set(VERDICTS)


def test_a_blocking_step_means_not_lawful_and_lawful_means_no_block():
    for card in ALL_CARDS:
        statuses = {step.status for step in card.steps.values()}
        if "bloquant" in statuses:
            assert card.verdict == "illicite", card.key
        if card.verdict == "licite":
            assert statuses <= {"ok", "sans objet"}, card.key


#: The texts that forbid a purpose whatever the consent: the sale of identifying data
#: (CSP L1111-8, VII) and the two uses of the SNDS (CSP L1461-1, V).
FORBIDDEN_PURPOSE_KEYS = {"L1111-8", "L1461-1"}


def test_only_a_forbidden_purpose_blocks_the_purpose_step():
    # Seventh review: the chatbot blocked « La finalité est-elle interdite ? » on « le secret
    # médical est rompu », which is no purpose. The step blocks only on a text that forbids a
    # purpose; and then no exception can cover it, so the « base » step cannot be a mere
    # condition (the SNDS promotion card said « condition »).
    for card in ALL_CARDS:
        purpose = card.steps["finalite"]
        if purpose.status == "bloquant":
            assert set(purpose.reference_keys) & FORBIDDEN_PURPOSE_KEYS, card.key
            assert card.steps["base"].status == "bloquant", card.key
    chatbot = law.scenario("medecin_chatbot")
    assert chatbot.steps["finalite"].status == "ok"
    assert "L1110-4" in chatbot.steps["hebergement"].reference_keys  # the secret, at the host


def test_the_snds_promotion_card_tells_patients_from_prescribers():
    # « Pseudonymisées, et l'objectif est justement de retrouver les prescripteurs » mixed the
    # patients' pseudonyms with the doctors the laboratory wants to name.
    answer = " ".join(law.scenario("labo_promotion_snds").steps["identification"].answer.split())
    assert "patients" in answer and "médecins" in answer and "prescripteurs" in answer


def test_the_steps_follow_the_module_numbering():
    # Module 10 teaches steps 1 to 4 in class and step 5 (identification) after: the
    # explorer asks the questions in that order.
    keys = [q.key for q in LEGAL_QUESTIONS]
    assert keys == ["sante", "base", "hebergement", "finalite", "identification"]
    text = MODULE_10.read_text(encoding="utf-8")
    titles = re.findall(r"^# #{2,3} Étape (\d) sur 5 — (.+)$", text, re.MULTILINE)
    assert [int(number) for number, _ in titles] == [1, 2, 3, 4, 5], titles


def test_legal_questions_cite_existing_references():
    for question in LEGAL_QUESTIONS:
        for key in question.reference_keys:
            law.reference(key)


def test_cnil_decisions_well_formed():
    numbers = [d.number for d in CNIL_DECISIONS]
    assert len(numbers) == len(set(numbers))
    for d in CNIL_DECISIONS:
        assert re.fullmatch(r"SAN-(\d{4})-\d{3}", d.number)
        assert int(d.number[4:8]) == d.date.year
        assert isinstance(d.amount_eur, int) and d.amount_eur > 0
        assert d.url.startswith("https://www.legifrance.gouv.fr/")
    assert len(PRINCIPLES) >= 3 and all(label.strip() for label in PRINCIPLES.values())
    assert law.decision("SAN-2024-013").amount_eur == 800_000
    assert law.decision("SAN-2024-013").date == datetime.date(2024, 9, 5)


def test_identifiable_data_alone_never_blocks():
    # Nominative or pseudonymised data make the RGPD apply; they are not a blocker in themselves.
    for card in ALL_CARDS:
        assert card.steps["identification"].status != "bloquant", card.key


def test_snds_controllers_and_transfers_are_up_to_date():
    assert "responsables conjoints" in law.reference("R1461-3").quote
    cards = {card.key: card for card in ALL_CARDS}
    for key in ("assureur_snds", "labo_promotion_snds"):
        assert "R1461-3" in cards[key].reference_keys, key
    chatbot = law.scenario("medecin_chatbot")
    assert "hors d'Europe" in chatbot.situation
    assert "chap. V" in chatbot.reference_keys
    startup = cards["hopital_startup"]
    assert "art. 26" in startup.deciding_keys
    assert "CJUE C-413/23 P" in startup.reference_keys
    assert law.reference("CJUE C-413/23 P").date == datetime.date(2025, 9, 4)


DATA_FILES = ("references.toml", "decisions.toml", "scenarios.toml", "ai_act.toml")
#: The instructor's file of question cards, reviewed like the packaged files.
QUESTION_CARDS_NAME = QUESTION_CARDS_FILE.name


def _data_text(name: str) -> str:
    if name == QUESTION_CARDS_NAME:
        return QUESTION_CARDS_FILE.read_text(encoding="utf-8")
    return data_file(name).read_text(encoding="utf-8")


def test_law_data_is_packaged_toml_with_a_french_header_for_reviewers():
    for name in (*DATA_FILES, QUESTION_CARDS_NAME):
        text = _data_text(name)
        header = text[: text.index("\n\n")]
        assert all(line.startswith("#") for line in header.splitlines()), name
        # The header tells a jurist where the date of the last check lives and what to do.
        assert "legal_facts_last_checked" in header and "Mettez-la à jour" in header, name
        assert "pas un conseil juridique" in header, name


def test_the_question_cards_file_says_it_is_for_instructors_and_how_to_load_it():
    text = _data_text(QUESTION_CARDS_NAME)
    header = " ".join(line.lstrip("# ") for line in text[: text.index("\n\n")].splitlines())
    assert "RÉSERVÉES AUX ENSEIGNANTS" in header
    assert "hors de la bibliothèque installée" in header
    assert 'law.load_scenarios("notes/10_scenarios_des_questions.toml")' in header
    # The packaged file says where the question cards went.
    assert "notebooks/notes/10_scenarios_des_questions.toml" in _data_text("scenarios.toml")


def test_last_checked_is_written_in_one_place_only():
    assignments = [
        (name, line)
        for name in (*DATA_FILES, QUESTION_CARDS_NAME)
        for line in _data_text(name).splitlines()
        if re.match(r"\s*legal_facts_last_checked\s*=", line)
    ]
    assert assignments == [
        ("references.toml", f"legal_facts_last_checked = {LEGAL_FACTS_LAST_CHECKED.isoformat()}")
    ]


def test_every_field_and_allowed_value_is_explained_in_the_header():
    documented = {
        "references.toml": [LegalReference],
        "decisions.toml": [CnilDecision],
        "scenarios.toml": [LegalQuestion, Scenario, Step],
        QUESTION_CARDS_NAME: [Scenario, Step],
    }
    tables = {"references.toml": "references", "decisions.toml": "decisions"}
    for name, classes in documented.items():
        text = _data_text(name)
        header = text[: text.index("\n\n")]
        table = tables.get(name, "scenarios")
        for cls in classes:
            for field in dataclasses.fields(cls):
                assert re.search(rf"#\s+{field.name}\s", header) or (
                    f"[{table}.{field.name}" in header
                ), (name, field.name)
    for name in ("scenarios.toml", QUESTION_CARDS_NAME):
        scenarios_header = _data_text(name).split("\n\n")[0]
        for value in (*VERDICTS, *IDENTIFICATION_LEVELS, *STATUSES):
            assert f'"{value}"' in scenarios_header, (name, value)


def test_references_of_one_instrument_name_it_the_same_way():
    by_url: dict[str, set[str]] = {}
    for ref in REFERENCES:
        by_url.setdefault(ref.url, set()).add(ref.text)
    assert all(len(texts) == 1 for texts in by_url.values()), by_url


def test_cnil_decision_links_lead_to_the_decision():
    for d in CNIL_DECISIONS:
        assert d.url.endswith(f"query={d.number}") or "/cnil/id/CNILTEXT" in d.url, d.number


# -- Answers written in any standard citation form ---------------------------------------------


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("9(2)(j)", "9(2)(j)"),
        ("art. 9(2)(j)", "9(2)(j)"),
        ("Art. 9.2.j", "9(2)(j)"),
        ("9.2.j", "9(2)(j)"),
        ("9-2-j", "9(2)(j)"),
        ("9 2 j", "9(2)(j)"),
        ("9(2) j", "9(2)(j)"),
        ("9§2 j", "9(2)(j)"),
        ("article 9, paragraphe 2, point j", "9(2)(j)"),
        ("RGPD, art. 9(2)(a)", "9(2)(a)"),
        ("L1461-1", "L1461-1"),
        ("L. 1461-1", "L1461-1"),
        ("L.1461-1", "L1461-1"),
        ("l 1461-1", "L1461-1"),
        ("L1461-1, V", "L1461-1"),
        ("L. 1461-1, V, 2°", "L1461-1"),
        ("article L. 1461-1 du code de la santé publique", "L1461-1"),
        ("CSP, art. L1461-1", "L1461-1"),
        ("L. 1111-8, VII", "L1111-8"),
        ("L\u00a01110\u20114", "L1110-4"),  # no-break space and hyphen, copied from a page
        ("licite sous condition", "sous condition"),
        ("sous-condition", "sous condition"),
        ("Pseudonymisée", "pseudonymisées"),
        ("anonyme", "anonymes"),
    ],
)
def test_standard_citation_forms_become_the_key_the_checks_expect(written, key):
    assert law.normalise_answer(written) == key


@pytest.mark.parametrize("other", ["interdit", "L1461", "9(3)", "consentement", "", "b"])
def test_answers_that_are_no_citation_are_left_for_the_check_to_name(other):
    assert law.normalise_answer(other) == other


def test_non_text_answers_are_left_unchanged():
    assert law.normalise_answer(...) is Ellipsis
    assert law.normalise_answer(3) == 3


def test_every_key_students_may_type_is_its_own_normal_form():
    for key in [r.key for r in REFERENCES if re.fullmatch(r"9\(2\)\([a-j]\)|[LR]\d{4}-\d+", r.key)]:
        assert law.normalise_answer(key) == key
    for value in (*VERDICTS, *IDENTIFICATION_LEVELS):
        assert law.normalise_answer(value) == value


# -- Dated statements read true on the date of the last check ---------------------------------

MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
DATE = re.compile(rf"\b(1er|\d{{1,2}}) ({'|'.join(MONTHS)})\s+(\d{{4}})\b")
#: Verbs in the future tense, and present-tense deadlines (« ont jusqu'au »): a clause
#: with one of them speaks of what is still to come.
FUTURE = re.compile(
    r"\b(?:\w+(?:era|eront)|aura|auront|devra|devront|pourra|pourront|prendra|prendront"
    r"|deviendra|deviendront|ont jusqu'au|a jusqu'au|doivent .* avant le|à venir)\b",
    re.IGNORECASE,
)
MODULE_10 = Path(__file__).resolve().parents[2] / "notebooks/10_monetiser_partager_reutiliser.py"


def _law_texts() -> list[tuple[str, str]]:
    """(where, text) of every French sentence the law data shows (question cards included)."""
    texts = []
    for ref in REFERENCES:
        texts += [(ref.key, ref.summary), (ref.key, ref.date_label), (ref.key, ref.title)]
    for d in CNIL_DECISIONS:
        texts += [(d.number, d.facts)]
    for card in ALL_CARDS:
        texts += [(card.key, card.situation), (card.key, card.conclusion)]
        texts += [(card.key, step.answer) for step in card.steps.values()]
        texts += [(card.key, m) for m in card.misconceptions.values()]
    return texts


def _module_10_markdown() -> str:
    lines = MODULE_10.read_text(encoding="utf-8").splitlines()
    return "\n".join(line[2:] for line in lines if line.startswith("# "))


def _clauses(text: str) -> list[str]:
    """Split at sentence ends and semicolons: each clause states one thing."""
    return [c for c in re.split(r"(?<=[.;!?])\s+|\s;\s", " ".join(text.split())) if c]


def _dated_problems(
    where: str, text: str, last_checked: datetime.date = LEGAL_FACTS_LAST_CHECKED
) -> list[str]:
    problems = []
    for clause in _clauses(text):
        for day, month, year in DATE.findall(clause):
            number = 1 if day == "1er" else int(day)
            date = datetime.date(int(year), MONTHS.index(month) + 1, number)
            future = FUTURE.search(clause)
            if date > last_checked and not future:
                problems.append(f"{where}: « {clause} » parle d'une date à venir au présent")
            if date <= last_checked and future:
                problems.append(f"{where}: « {clause} » parle d'une date passée au futur")
    return problems


def test_the_dated_sentence_checker_catches_a_stale_deadline():
    stale = "Les hébergeurs déjà certifiés ont jusqu'au 16 mai 2026."
    assert _dated_problems("x", stale, datetime.date(2026, 12, 4))
    assert not _dated_problems("x", stale, datetime.date(2026, 1, 1))
    past = "Les hébergeurs déjà certifiés avaient jusqu'au 16 mai 2026 pour s'y conformer."
    assert not _dated_problems("x", past, datetime.date(2026, 12, 4))
    assert not _dated_problems("x", "Il s'appliquera à partir du 26 mars 2099.")
    assert _dated_problems("x", "Il s'applique à partir du 26 mars 2099.")
    both = "Le règlement du 27 avril 2016 interdit ; il sera revu le 1er mai 2099."
    assert not _dated_problems("x", both)


def test_every_dated_statement_reads_true_on_the_date_of_the_last_check():
    problems = []
    for where, text in _law_texts():
        problems += _dated_problems(where, text)
    problems += _dated_problems("module 10", _module_10_markdown())
    assert not problems, "\n".join(problems)


def test_no_article_9_2_exception_is_called_a_lawful_basis():
    # Article 9(2) lifts the prohibition; the lawful basis is one of article 6 (CJEU, C-667/21).
    wrong = re.compile(r"base(?: légale)?\s*\((?:art\.\s*|article\s*)?9\(2\)", re.IGNORECASE)
    texts = [*_law_texts(), ("module 10", _module_10_markdown())]
    assert not [where for where, text in texts if wrong.search(" ".join(text.split()))]
    base = next(q for q in LEGAL_QUESTIONS if q.key == "base")
    assert "article 6" in base.question and base.reference_keys[0] == "6(1)"


def test_the_two_european_data_protection_bodies_are_never_the_ambiguous_cepd():
    # « CEPD » is both the EDPS (Contrôleur) and the EDPB (Comité): always spell them out.
    texts = [*_law_texts(), ("module 10", _module_10_markdown())]
    texts += [(r.key, r.text) for r in REFERENCES]
    assert not [where for where, text in texts if re.search(r"\bCEPD\b", text)]
    assert "Contrôleur européen de la protection des données (EDPS)" in " ".join(
        law.reference("CJUE C-413/23 P").text.split()
    )


# -- Module 10's own checks accept every standard form of a correct answer ---------------------


def _module_10_test_cell(answer: str) -> str:
    from esn_teach.course import read_module

    notebook = read_module(MODULE_10, session="formative").notebook
    for cell in notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == f"{answer}_tests":
            return cell.source
    raise KeyError(answer)


@pytest.mark.parametrize(
    ("answer", "written"),
    [
        ("acces_assureur", "C"),
        ("acces_assureur", " c "),
        ("exception_recherche", "D"),
        ("exception_recherche", " d "),
        ("verdict_prothese", "licite sous condition"),
        ("verdict_prothese", "Sous-condition"),
        ("reponse_pharmacie", "B"),
        ("fondement_soins", " b "),
        ("hebergeur_kine", "A"),
        ("statut_startup", "C"),
        ("statut_startup", " c "),
        ("intrus", "A"),
    ],
)
def test_module_10_scores_a_correct_answer_in_any_standard_form(answer, written, capsys):
    # The whole tests cell, visible check and hidden test, as nbgrader runs it.
    from esn_teach import checks

    namespace = {"checks": checks, "law": law, answer: written}
    exec(_module_10_test_cell(answer), namespace)  # raises if the answer is refused
    assert "Correct" in capsys.readouterr().out


def test_module_10_visible_checks_read_no_answer_from_the_library():
    # A student can type law.scenario("…").verdict: the visible checks must not need it.
    # Only the citation-form normaliser (it holds no answer) may be called.
    from esn_teach.course import read_module

    notebook = read_module(MODULE_10, session="formative").notebook
    checked = 0
    for cell in notebook.cells:
        if not cell.metadata.get("nbgrader", {}).get("grade_id", "").endswith("_tests"):
            continue
        visible = cell.source.split("### BEGIN HIDDEN TESTS")[0]
        calls = set(re.findall(r"\blaw\.\w+", visible))
        assert calls <= {"law.normalise_answer"}, (cell.source[:60], calls)
        assert "misconceptions" not in visible
        checked += 1
    assert checked == 12  # questions 1 to 7, 8 a to 8 d, 9


# -- The answers of module 10 are not in the installed package ---------------------------------


def _package_texts() -> list[tuple[str, str]]:
    """(path, text) of every text file of the esn_teach package, code and data alike."""
    found = []
    pending = [resources.files("esn_teach")]
    while pending:
        folder = pending.pop()
        for item in folder.iterdir():
            if item.is_dir():
                if item.name != "__pycache__":
                    pending.append(item)
                continue
            try:
                found.append((str(item), item.read_text(encoding="utf-8")))
            except UnicodeDecodeError:
                continue  # binary files hold no sentence
    return found


def test_the_question_cards_are_not_in_the_installed_package():
    # A student on the hub has only the package: law.scenario("pharmacie_revente").verdict
    # must not exist, nor any file of the package name these cards.
    texts = _package_texts()
    assert any(path.endswith("scenarios.toml") for path, _ in texts)  # the walk reaches data
    assert [card.key for card in QUESTION_CARDS] == list(QUESTION_KEYS)
    assert not set(QUESTION_KEYS) & {card.key for card in SCENARIOS}
    for key in QUESTION_KEYS:
        with pytest.raises(KeyError):
            law.scenario(key)
    leaks = [
        (path, needle)
        for path, text in texts
        for card in QUESTION_CARDS
        for needle in (card.key, card.title, card.situation[:60])
        if needle in " ".join(text.split())
    ]
    assert not leaks, leaks


def test_no_decision_in_the_package_says_which_principle_it_enforces():
    names = {field.name for field in dataclasses.fields(CnilDecision)}
    assert not names & {"principle", "principles", "misconceptions"}, names
    # Review 07, finding 1 (7 December 2026): the articles a decision found breached, and the
    # references it applies, name its principle (« art. 66 » is the label of « formalité »,
    # « art. 9 (… sans consentement explicite) » that of « consentement »): not in the package.
    assert names == {"number", "date", "organisation", "amount_eur", "facts", "url"}, names
    for d in CNIL_DECISIONS:
        shown = f"{d.organisation} {d.facts}"
        assert not re.search(r"\bart(?:icle|\.)\s*\d", shown), d.number
    for card in SCENARIOS:  # the explorer's cards (installed) tie no decision to a breach
        assert not re.search(r"SAN-\d{4}-\d{3}", f"{card.situation} {card.conclusion}"), card.key
    for d in CNIL_DECISIONS:
        for field in dataclasses.fields(d):
            value = getattr(d, field.name)
            values = value if isinstance(value, tuple) else (value,)
            assert not [v for v in values if isinstance(v, str) and v in PRINCIPLES], d.number
    numbers = {d.number for d in CNIL_DECISIONS}
    for name in dir(law):
        value = getattr(law, name)
        if isinstance(value, dict | type(PRINCIPLES)) and hasattr(value, "keys"):
            assert not numbers & set(value.keys()), name  # no decision → anything table
    decisions = _data_text("decisions.toml")
    assert not re.search(r"^\s*principles?\s*=", decisions, re.MULTILINE)
    assert "misconceptions" not in decisions
    # Nor a line anywhere in the package pairing a decision with a principle.
    quoted = [f'"{key}"' for key in PRINCIPLES]
    pairs = [
        (path, line)
        for path, text in _package_texts()
        for line in text.splitlines()
        if any(number in line for number in numbers) and any(q in line for q in quoted)
    ]
    assert not pairs, pairs


def test_the_package_does_not_ship_the_instructor_files():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = config["tool"]["setuptools"]
    assert set(setuptools) <= {"packages", "package-data"}, set(setuptools)  # no data-files
    assert all(
        pattern.startswith("esn_teach") for pattern in setuptools["packages"]["find"]["include"]
    )
    patterns = [p for group in setuptools["package-data"].values() for p in group]
    assert set(setuptools["package-data"]) == {"esn_teach"}
    assert not [p for p in patterns if "notes" in p or "notebooks" in p or ".." in p], patterns
    # The instructor file is in no package directory: package-data cannot reach it.
    assert not QUESTION_CARDS_FILE.is_relative_to(ROOT / "esn_teach")
    assert not any((folder / "__init__.py").exists() for folder in QUESTION_CARDS_FILE.parents[:2])
    manifest = ROOT / "MANIFEST.in"
    assert not manifest.exists() or "notebooks" not in manifest.read_text(encoding="utf-8")


def _hidden_tests(answer: str) -> ast.Module:
    cell = _module_10_test_cell(answer)
    hidden = cell.split("### BEGIN HIDDEN TESTS")[1].split("### END HIDDEN TESTS")[0]
    return ast.parse(hidden)


def _hidden_expected(answer: str) -> object:
    """The ``expected=`` of the hidden test of one of module 10's answers."""
    (expected,) = [
        ast.literal_eval(keyword.value)
        for node in ast.walk(_hidden_tests(answer))
        if isinstance(node, ast.Call)
        for keyword in node.keywords
        if keyword.arg == "expected"
    ]
    return expected


def _option(question: str, letter: str) -> str:
    """The text of option ``letter`` of module 10's ``### Question N``, on one line."""
    text = MODULE_10.read_text(encoding="utf-8").split(f"### Question {question} ")[1]
    # The options are in the question's formative cell (the evaluated session prints them in
    # an order drawn for each student), before the answer cell.
    text = text.split("# %% answer=")[0]
    found = re.search(rf"^# - \*\*{letter}\.\*\* (.+?)(?=^# - \*\*|^#\s*$|^$)", text, re.M | re.S)
    assert found is not None, (question, letter)
    return " ".join(line.removeprefix("#").strip() for line in found[1].splitlines())


@pytest.mark.slow  # several seconds: make test, not the fast loop
def test_the_question_cards_give_the_answers_the_hidden_tests_expect():
    # What the instructor shows in class must be what the module grades.
    cards = {card.key: card for card in QUESTION_CARDS}
    # Question 6: what the insurer must do, as its card concludes (CSP L1461-3).
    assureur = cards["assureur_snds"]
    assert assureur.verdict == "sous condition" and assureur.deciding_keys[0] == "L1461-3"
    access = _option("6", _hidden_expected("acces_assureur"))
    assert "bureau d'études" in access
    assert "bureau d'études" in " ".join(assureur.conclusion.split())
    # Question 3: the research exception, for the right reason (the other « 9(2)(j) » option
    # gives a wrong one).
    research = _option("3", _hidden_expected("exception_recherche"))
    assert research.startswith(cards["cohorte_recherche"].exception + " :")
    assert "connaissances" in research
    # Question 9: the verdict of its own project, as its card concludes.
    assert _hidden_expected("verdict_prothese") == cards["etude_prothese_hanche"].verdict
    # Question 4: the card blocks at the host, and says a certified host would make the
    # project lawful; the graded option is that lawful way (a case to recognise as permitted),
    # and no other option keeps a certified host.
    kine = cards["cabinet_kine_cloud"]
    assert kine.verdict == "illicite" and kine.steps["hebergement"].status == "bloquant"
    assert kine.deciding_keys[0] == "L1111-8"
    assert "serait licite" in " ".join(kine.conclusion.split())
    answer = _option("4", _hidden_expected("hebergeur_kine"))
    assert "certifié HDS" in answer and "informer ses patients" in answer
    right = _hidden_expected("hebergeur_kine")
    others = [_option("4", letter) for letter in "abcd" if letter != right]
    assert not any("certifié" in option for option in others)
    # Question 5: an illicit sale, whatever the consent or the name.
    assert cards["pharmacie_revente"].verdict == "illicite"
    assert _option("5", _hidden_expected("reponse_pharmacie")).startswith("Refuser :")
    # Question 7: personal or anonymous for the start-up, as the card concludes.
    option = _option("7", _hidden_expected("statut_startup")).split(" :")[0]
    personal = cards["hopital_startup"].identification != "anonymes"
    assert (option == "Personnelles") == personal and option in ("Personnelles", "Anonymes")
    # And each card is the situation the student reads, word for word.
    quoted = " ".join(
        " ".join(
            line[4:] for line in MODULE_10.read_text().splitlines() if line.startswith("# > ")
        ).split()
    )
    for card in QUESTION_CARDS:
        assert card.situation in quoted, card.key


def test_question_2_grades_a_lawful_basis_and_an_exception_together():
    # CJEU C-667/21: an article 9(2) exception does not replace an article 6 lawful basis.
    answer = _option("2", _hidden_expected("fondement_soins"))
    assert answer.startswith("Non :") and "article 6" in answer
    others = [
        _option("2", letter) for letter in "abcd" if letter != _hidden_expected("fondement_soins")
    ]
    assert sorted(o.split(" :")[0] for o in others) == ["Non", "Oui", "Oui"]
    assert law.reference("CJUE C-667/21").summary.count("article 6") == 1


def test_reasoned_choices_cannot_be_told_apart_by_their_length():
    # Third review: the right option stood out (longest, most hedged). Each option of these
    # questions states a conclusion and its reason, in comparable length.
    for question, letters in (
        ("2", "abcd"),
        ("3", "abcd"),
        ("4", "abcde"),
        ("5", "abcdef"),
        ("6", "abcd"),
        ("7", "abcd"),
    ):
        lengths = [len(_option(question, letter)) for letter in letters]
        assert min(lengths) >= 0.75 * max(lengths), (question, lengths)


@pytest.mark.slow  # several seconds: make test, not the fast loop
def test_right_conclusions_for_a_wrong_reason_are_graded_wrong():
    # Seventh review: questions 3 and 5 were answered by the adjacent text. Each now offers
    # the right conclusion with a wrong reason, which the check refuses with its own message.
    # Review of 6 December 2026 (afternoon): question 5 had four « Accepter » and two
    # « Refuser », so whoever only knew that selling is forbidden kept two options; it now
    # has three of each (two « Refuser » for a wrong reason).
    for question, letters, count in (("3", "abcd", 1), ("5", "abcdef", 2)):
        right = _option(question, _hidden_expected(_ANSWERS[question]))
        conclusion = right.split(" :")[0]
        twins = [
            letter
            for letter in letters
            if letter != _hidden_expected(_ANSWERS[question])
            and _option(question, letter).split(" :")[0] == conclusion
        ]
        assert len(twins) == count, (question, twins)
        conclusions = [_option(question, letter).split(" :")[0] for letter in letters]
        assert max(conclusions.count(c) for c in set(conclusions)) <= len(letters) // 2, (
            question,
            conclusions,
        )


_ANSWERS = {"3": "exception_recherche", "5": "reponse_pharmacie"}


def test_module_10_success_messages_are_at_most_60_words():
    # Review of 6 December 2026 (afternoon): success messages of 150 words made the hour too
    # full; each says why the answer is right in 60 words at most.
    source = MODULE_10.read_text(encoding="utf-8")
    names = re.findall(r'^# %% tests="(\w+)"', source, re.MULTILINE)
    assert len(names) >= 12
    for name in names:
        visible = _module_10_test_cell(name).split("### BEGIN HIDDEN TESTS")[0]
        (success,) = [
            ast.literal_eval(keyword.value)
            for node in ast.walk(ast.parse(visible))
            if isinstance(node, ast.Call)
            for keyword in node.keywords
            if keyword.arg == "success"
        ]
        words = re.findall(r"[^\W\d_][\w'’-]*", success)
        assert 0 < len(words) <= 60, (name, len(words))


def test_the_right_letters_are_spread_over_the_options():
    # Eighth review: the right answers were always c or d, so a student could rule out a and b
    # without reading them. No letter may carry more than a third of the lettered answers, and
    # the first two letters must each be right at least once.
    names = (
        "intrus",
        "fondement_soins",
        "exception_recherche",
        "hebergeur_kine",
        "reponse_pharmacie",
        "acces_assureur",
        "statut_startup",
    )
    letters = [_hidden_expected(name) for name in names]
    assert all(letter in "abcde" for letter in letters), letters
    assert max(letters.count(letter) for letter in set(letters)) <= len(letters) // 3, letters
    assert "a" in letters and "b" in letters, letters


def test_the_research_projects_are_not_internal_studies():
    # The CNIL exempts « internal » studies (by the carers who follow the patients, for their
    # own use) from the formality: the two research cases whose verdict needs the formality
    # say that their authors never treated these patients.
    cards = {card.key: card for card in QUESTION_CARDS}
    for key in ("cohorte_recherche", "etude_prothese_hanche"):
        assert "n'ont soigné aucun de ces patients" in " ".join(cards[key].situation.split())
    text = " ".join(_module_10_markdown().split())
    assert "études **internes** en sont dispensées" in text
    assert "internes" in law.reference("LIL 66").summary


def test_question_8_facts_do_not_use_the_words_of_the_principles():
    # Third review: « l'éditeur les disait anonymes », « sans chiffrement », « sans
    # consentement » named the answer. The main failing (first clause) is told in other words.
    stems = (
        "anonym",
        "pseudonym",
        "sécurit",
        "chiffr",
        "consent",
        "formalit",
        "vend",
        "vente",
        "héberg",
        "inform",
    )
    for d in CNIL_DECISIONS:
        first = re.split(r"[.;]", d.facts)[0].casefold()
        assert not [stem for stem in stems if stem in first], (d.number, first)
        # Eighth review: « en clair » gave « sécurité » away, « sans accord exprès » gave
        # « consentement ».
        assert "en clair" not in d.facts and "accord exprès" not in d.facts, d.number


def test_question_8_offers_more_rules_than_the_decisions_use_and_names_each_wrong_one():
    # Seventh review: three labels for four decisions were found in two tries. Six rules now,
    # two of them applied by none of the decisions, and every wrong one has its message.
    key = _question_8_key()
    assert len(PRINCIPLES) >= 6 and len(set(p for p, _ in key.values())) < len(PRINCIPLES) - 1
    source = MODULE_10.read_text(encoding="utf-8")
    for number in key:
        # One answer cell per session (formative, evaluation), both for the same variable.
        (answer,) = set(
            re.findall(
                rf"^# Question 8 [a-d] — {number} .*\n(principe_\w+) = \.\.\.$",
                source,
                re.MULTILINE,
            )
        )
        visible = _module_10_test_cell(answer).split("### BEGIN HIDDEN TESTS")[0]
        assert visible.count("checks.Mistake(") == len(PRINCIPLES) - 1, answer
        assert "première phrase" not in visible and "manquement principal" not in visible
        # Each sub-question has its own heading: the progress table shows distinct titles.
        assert re.search(rf"^# #### Question 8 [a-d] — .*\({number}\)$", source, re.MULTILINE)


def _question_8_key() -> dict[str, tuple[str, str]]:
    """Decision number → (principle, reason), from the table of module 10's notes."""
    rows = re.findall(
        r"^\| (SAN-\d{4}-\d{3})\b[^|]*\| `([^`|]+)` \| ([^|]+) \|$",
        MODULE_10_NOTES.read_text(encoding="utf-8"),
        re.MULTILINE,
    )
    key = {number: (principle, reason.strip()) for number, principle, reason in rows}
    assert len(key) == len(rows), "a decision appears twice in the answer key"
    return key


def test_the_question_8_answer_key_is_in_the_notes_and_graded_by_the_hidden_tests():
    key = _question_8_key()
    assert set(key) == {d.number for d in CNIL_DECISIONS}  # each one exists, none is missing
    for number, (principle, reason) in key.items():
        assert principle in PRINCIPLES, number
        assert re.search(r"article \d+", reason), number  # the reason cites the article
    # One answer per decision (partial credit: nbgrader grades each test cell whole), each
    # answer cell naming its decision.
    source = MODULE_10.read_text(encoding="utf-8")
    graded = {}
    for number in key:
        # One answer cell per session (formative, evaluation), both for the same variable.
        (answer,) = set(
            re.findall(
                rf"^# Question 8 [a-d] — {number} .*\n(principe_\w+) = \.\.\.$",
                source,
                re.MULTILINE,
            )
        )
        graded[number] = _hidden_expected(answer)
    assert graded == {number: principle for number, (principle, _) in key.items()}


def test_module_11_cites_the_breyer_judgment_as_the_law_data_holds_it():
    # Module 11 rests question 3 (a contract is not a law) on this judgment: the case number,
    # date, ECLI and paragraphs it cites must be those checked in references.toml.
    breyer = law.reference("CJUE C-582/14")
    module = (ROOT / "notebooks/11_pseudonymiser_anonymiser.py").read_text(encoding="utf-8")
    text = " ".join(line.removeprefix("# ").strip() for line in module.splitlines())
    text = text.replace("**", "")
    assert breyer.date == datetime.date(2016, 10, 19)
    assert "19 octobre 2016" in breyer.date_label and "ECLI:EU:C:2016:779" in breyer.date_label
    assert "points 46 à 48" in breyer.summary
    sources = text.split("## Sources")[1]
    assert "arrêt du 19 octobre 2016, Patrick Breyer" in sources
    assert "affaire C-582/14, ECLI:EU:C:2016:779, points 46 à 48" in sources
    assert "Breyer (19 octobre 2016, affaire C-582/14, points 46 à 48)" in text


def test_article_9_1_names_racial_or_ethnic_origin_and_french_law_refers_to_9_2():
    # Module 07 (review d12, finding 4): the displayed summary of GDPR art. 9(1) names racial
    # or ethnic origin, the module's subject, and the « cas prévus par la loi » of Code pénal
    # art. 226-19 are read with the loi Informatique et Libertés, which refers to art. 9(2).
    assert "origine raciale ou ethnique" in " ".join(law.reference("9(1)").summary.split())
    lil = law.reference("LIL 6")
    text = " ".join(lil.summary.split())
    assert "« prétendue origine raciale »" in text and "article 9, paragraphe 2" in text
    assert "78-17" in lil.text
