import dataclasses
import datetime
import re

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
            )
        ), ref.key
        assert ref.citation.endswith(ref.article)
    assert law.reference("L1111-8").quote.startswith("Tout acte de cession à titre onéreux")


def test_unknown_keys_raise_with_the_known_ones():
    with pytest.raises(KeyError, match="connues : 4\\(15\\)"):
        law.reference("article 9000")
    with pytest.raises(KeyError, match="SAN-2024-013"):
        law.decision("SAN-1999-001")
    with pytest.raises(KeyError, match="assureur_snds"):
        law.scenario("nope")


def test_at_least_ten_scenarios_well_formed():
    assert len(SCENARIOS) >= 10
    keys = [s.key for s in SCENARIOS]
    assert len(keys) == len(set(keys))
    known = {r.key for r in REFERENCES}
    question_keys = [q.key for q in LEGAL_QUESTIONS]
    for card in SCENARIOS:
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
    assert {s.verdict for s in SCENARIOS} == set(VERDICTS)


def test_a_blocking_step_means_not_lawful_and_lawful_means_no_block():
    for card in SCENARIOS:
        statuses = {step.status for step in card.steps.values()}
        if "bloquant" in statuses:
            assert card.verdict == "illicite", card.key
        if card.verdict == "licite":
            assert statuses <= {"ok", "sans objet"}, card.key


def test_legal_questions_cite_existing_references():
    for question in LEGAL_QUESTIONS:
        for key in question.reference_keys:
            law.reference(key)


def test_cnil_decisions_well_formed():
    numbers = [d.number for d in CNIL_DECISIONS]
    assert len(numbers) == len(set(numbers))
    known = {r.key for r in REFERENCES}
    for d in CNIL_DECISIONS:
        assert re.fullmatch(r"SAN-(\d{4})-\d{3}", d.number)
        assert int(d.number[4:8]) == d.date.year
        assert isinstance(d.amount_eur, int) and d.amount_eur > 0
        assert d.principle in PRINCIPLES
        assert set(d.reference_keys) <= known
        assert d.url.startswith("https://www.legifrance.gouv.fr/")
        assert set(d.misconceptions) == set(PRINCIPLES) - {d.principle}, d.number
        for message in d.misconceptions.values():
            assert d.number in message
    assert law.decision("SAN-2024-013").amount_eur == 800_000
    assert law.decision("SAN-2024-013").date == datetime.date(2024, 9, 5)


def test_identifiable_data_alone_never_blocks():
    # Nominative or pseudonymised data make the RGPD apply; they are not a blocker in themselves.
    for card in SCENARIOS:
        assert card.steps["identification"].status != "bloquant", card.key


def test_snds_controllers_and_transfers_are_up_to_date():
    assert "responsables conjoints" in law.reference("R1461-3").quote
    for key in ("assureur_snds", "labo_promotion_snds"):
        assert "R1461-3" in law.scenario(key).reference_keys, key
    chatbot = law.scenario("medecin_chatbot")
    assert "hors d'Europe" in chatbot.situation
    assert "chap. V" in chatbot.reference_keys
    startup = law.scenario("hopital_startup")
    assert "art. 26" in startup.deciding_keys
    assert "CJUE C-413/23 P" in startup.reference_keys
    assert law.reference("CJUE C-413/23 P").date == datetime.date(2025, 9, 4)


DATA_FILES = ("references.toml", "decisions.toml", "scenarios.toml")


def _data_text(name: str) -> str:
    return data_file(name).read_text(encoding="utf-8")


def test_law_data_is_packaged_toml_with_a_french_header_for_reviewers():
    for name in DATA_FILES:
        text = _data_text(name)
        header = text[: text.index("\n\n")]
        assert all(line.startswith("#") for line in header.splitlines()), name
        # The header tells a jurist where the date of the last check lives and what to do.
        assert "legal_facts_last_checked" in header and "Mettez-la à jour" in header, name
        assert "pas un conseil juridique" in header, name


def test_last_checked_is_written_in_one_place_only():
    assignments = [
        (name, line)
        for name in DATA_FILES
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
    }
    for name, classes in documented.items():
        text = _data_text(name)
        header = text[: text.index("\n\n")]
        for cls in classes:
            for field in dataclasses.fields(cls):
                assert re.search(rf"#\s+{field.name}\s", header) or (
                    f"[{name.removesuffix('.toml')}.{field.name}" in header
                ), (name, field.name)
    scenarios_header = _data_text("scenarios.toml").split("\n\n")[0]
    for value in (*VERDICTS, *IDENTIFICATION_LEVELS, *STATUSES):
        assert f'"{value}"' in scenarios_header, value


def test_references_of_one_instrument_name_it_the_same_way():
    by_url: dict[str, set[str]] = {}
    for ref in REFERENCES:
        by_url.setdefault(ref.url, set()).add(ref.text)
    assert all(len(texts) == 1 for texts in by_url.values()), by_url


def test_cnil_decision_links_lead_to_the_decision():
    for d in CNIL_DECISIONS:
        assert d.url.endswith(f"query={d.number}") or "/cnil/id/CNILTEXT" in d.url, d.number
