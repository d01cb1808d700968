"""The law data files are checked on load: a reviewer's typo fails loudly, naming file and entry.

Each test edits a copy of a packaged data file in ``tmp_path`` and loads it with
the same private loader that builds :mod:`esn_teach.law` at import, or a copy of
the instructor's file of module 10's question cards (kept out of the package)
and loads it with the public :func:`esn_teach.law.load_scenarios`.
"""

from __future__ import annotations

import datetime
import re
import shutil
from pathlib import Path

import pytest

from esn_teach.law import (
    LEGAL_FACTS_LAST_CHECKED,
    LEGAL_QUESTIONS,
    REFERENCES,
    load_scenarios,
    reference,
    scenario,
)
from esn_teach.law._decisions import _load_decisions
from esn_teach.law._load import LawDataError, Place, data_file, read_value
from esn_teach.law._references import _load_references
from esn_teach.law._scenarios import _load_scenarios

FILES = ("references.toml", "decisions.toml", "scenarios.toml")
#: Module 10's question cards, for instructors: in the course repository, not in the package.
QUESTION_CARDS_FILE = (
    Path(__file__).resolve().parents[2] / "notebooks/notes/10_scenarios_des_questions.toml"
)
QUESTIONS = QUESTION_CARDS_FILE.name
KNOWN = [ref.key for ref in REFERENCES]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the packaged data files and of the instructor's question cards, to break."""
    for name in FILES:
        with data_file(name).open("rb") as source, (tmp_path / name).open("wb") as target:
            shutil.copyfileobj(source, target)
    shutil.copyfile(QUESTION_CARDS_FILE, tmp_path / QUESTIONS)
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` in ``path``; ``old`` must occur exactly once."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def load(path: Path):
    """Load one data file with its loader, as :mod:`esn_teach.law` does."""
    if path.name == "references.toml":
        return _load_references(path)
    if path.name == "decisions.toml":
        return _load_decisions(path, last_checked=LEGAL_FACTS_LAST_CHECKED)
    if path.name == QUESTIONS:
        return load_scenarios(path)
    return _load_scenarios(path, known_references=KNOWN)


LAST = f"legal_facts_last_checked = {LEGAL_FACTS_LAST_CHECKED.isoformat()}"

BROKEN = {
    "unknown field": (
        "references.toml",
        'title = "Définition du consentement"',
        'titel = "Définition du consentement"',
        ["référence « 4(11) »", "champ inconnu « titel »", "« title »"],
    ),
    "missing field": (
        "references.toml",
        'article = "article 4, point 11"\n',
        "",
        ["référence « 4(11) »", "champ obligatoire « article » manquant"],
    ),
    "empty text": (
        "references.toml",
        'title = "Définition du consentement"',
        'title = ""',
        ["référence « 4(11) »", "champ « title »", "le texte est vide"],
    ),
    "date written as text": (
        "references.toml",
        "date = 2025-09-04",
        'date = "2025-09-04"',
        ["référence « CJUE C-413/23 P »", "champ « date »", "une date AAAA-MM-JJ sans guillemets"],
    ),
    "date with a time": (
        "references.toml",
        "date = 2025-09-04",
        "date = 2025-09-04T10:00:00",
        ["référence « CJUE C-413/23 P »", "champ « date »", "la date et heure"],
    ),
    "duplicate reference key": (
        "references.toml",
        'key = "4(5)"',
        'key = "4(15)"',
        ["référence « 4(15) »", "déjà celle d'une référence précédente"],
    ),
    "reference dated after the last check": (
        "references.toml",
        "date = 2024-04-26",
        "date = 2099-04-26",
        ["référence « HDS 2024 »", "26/04/2099", "postérieure à la dernière vérification"],
    ),
    "last check written as text": (
        "references.toml",
        LAST,
        LAST.replace("= ", '= "') + '"',
        ["champ « legal_facts_last_checked »", "une date"],
    ),
    "misspelt top-level key": (
        "references.toml",
        LAST,
        LAST.replace("checked", "check"),
        ["section inconnue « legal_facts_last_check »"],
    ),
    "reference address without https": (
        "references.toml",
        'url = "https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:62023CJ0413"',
        'url = "eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:62023CJ0413"',
        ["référence « CJUE C-413/23 P »", "champ « url »", "https://"],
    ),
    "principle label that is not text": (
        "decisions.toml",
        'consentement = """\nrecueillir l\'accord explicite des personnes pour traiter leurs '
        "données de santé (RGPD,\narticle 9(2)(a))\n"
        '"""',
        "consentement = 3",
        ["table [principles], clé « consentement »", "un texte entre guillemets"],
    ),
    "duplicate decision number": (
        "decisions.toml",
        'number = "SAN-2022-009"',
        'number = "SAN-2024-013"',
        ["décision « SAN-2024-013 »", "déjà celui d'une décision précédente"],
    ),
    "amount of zero": (
        "decisions.toml",
        "amount_eur = 6_000",
        "amount_eur = 0",
        ["décision « SAN-2020-015 »", "champ « amount_eur »", "positif"],
    ),
    "decision address without https": (
        "decisions.toml",
        'url = "https://www.legifrance.gouv.fr/cnil/id/CNILTEXT000047552103"',
        'url = "http://www.legifrance.gouv.fr/cnil/id/CNILTEXT000047552103"',
        ["décision « SAN-2023-006 »", "champ « url »", "https://"],
    ),
    "principle of a decision (the answer of question 8)": (
        "decisions.toml",
        "amount_eur = 380_000\n",
        'amount_eur = 380_000\nprinciple = "consentement"\n',
        ["décision « SAN-2023-006 »", "champ inconnu « principle »", "« facts »"],
    ),
    "articles of a decision (they name the principle of question 8)": (
        "decisions.toml",
        "amount_eur = 800_000\n",
        'amount_eur = 800_000\narticles = ["loi Informatique et Libertés, art. 66"]\n',
        ["décision « SAN-2024-013 »", "champ inconnu « articles »"],
    ),
    "amount written as text": (
        "decisions.toml",
        "amount_eur = 800_000",
        'amount_eur = "800 000 €"',
        ["décision « SAN-2024-013 »", "champ « amount_eur »", "un nombre entier"],
    ),
    "decimal amount": (
        "decisions.toml",
        "amount_eur = 800_000",
        "amount_eur = 800000.5",
        ["décision « SAN-2024-013 »", "le nombre décimal 800000,5"],
    ),
    "year of the number not that of the date": (
        "decisions.toml",
        'number = "SAN-2020-015"',
        'number = "SAN-2021-015"',
        ["décision « SAN-2021-015 »", "champ « date »", "n'est pas celle du numéro"],
    ),
    "malformed number": (
        "decisions.toml",
        'number = "SAN-2020-015"',
        'number = "SAN 2020-015"',
        ["décision « SAN 2020-015 »", "SAN-AAAA-NNN"],
    ),
    "misconceptions of a decision (they named the right principle)": (
        "decisions.toml",
        'url = "https://www.legifrance.gouv.fr/search/cnil?query=SAN-2020-015"\n',
        'url = "https://www.legifrance.gouv.fr/search/cnil?query=SAN-2020-015"\n\n'
        '[decisions.misconceptions]\nanonymisation = "les images portaient les noms"\n',
        ["décision « SAN-2020-015 »", "champ inconnu « misconceptions »"],
    ),
    "step citing an unknown reference": (
        QUESTIONS,
        'reference_keys = ["9(1)", "9(2)(a)", "4(11)"]',
        'reference_keys = ["9(1)", "9(2)(z)", "4(11)"]',
        [
            "scénario « pharmacie_revente »",
            "[scenarios.steps.base]",
            "« 9(2)(z) » n'existe pas dans references.toml",
        ],
    ),
    "missing step": (
        QUESTIONS,
        "[scenarios.steps.hebergement]\nanswer = \"Les données sortent vers un tiers qui n'est "
        'ni hébergeur ni soignant."\nstatus = "sans objet"\n',
        "",
        ["scénario « pharmacie_revente »", "[scenarios.steps.hebergement]", "manque"],
    ),
    "step for an unknown question": (
        QUESTIONS,
        '[scenarios.steps.hebergement]\nanswer = "Les données sortent',
        '[scenarios.steps.hebergment]\nanswer = "Les données sortent',
        ["scénario « pharmacie_revente »", "« hebergment »", "« hebergement »"],
    ),
    "status not in STATUSES": (
        QUESTIONS,
        'l\'accord du patient."\nstatus = "bloquant"',
        'l\'accord du patient."\nstatus = "bloqant"',
        ["scénario « pharmacie_revente »", "[scenarios.steps.finalite]", "« bloqant »"],
    ),
    "verdict not in VERDICTS": (
        "scenarios.toml",
        'verdict = "sous condition"\n# exception : aucune',
        'verdict = "sous conditions"\n# exception : aucune',
        ["scénario « vente_statistiques »", "champ « verdict »", "« sous condition »"],
    ),
    "exception that is not an article 9(2) exception": (
        "scenarios.toml",
        'verdict = "licite"\nexception = "9(2)(h)"',
        'verdict = "licite"\nexception = "L1110-4"',
        ["scénario « infirmiere_dossier »", "champ « exception »", "« L1110-4 »"],
    ),
    "missing scenario field": (
        QUESTIONS,
        'identification = "nominatives"\ndeciding_keys = ["L1111-8", "9(1)"]',
        'deciding_keys = ["L1111-8", "9(1)"]',
        ["scénario « pharmacie_revente »", "champ obligatoire « identification » manquant"],
    ),
    "no deciding key": (
        QUESTIONS,
        'deciding_keys = ["L1111-8", "9(1)"]',
        "deciding_keys = []",
        ["scénario « pharmacie_revente »", "champ « deciding_keys »", "au moins une clé"],
    ),
    "list item that is not text": (
        QUESTIONS,
        'deciding_keys = ["L1111-8", "9(1)"]',
        'deciding_keys = ["L1111-8", 9]',
        ["scénario « pharmacie_revente »", "champ « deciding_keys », élément n° 2", "le nombre 9"],
    ),
    "misconception about the right answer": (
        QUESTIONS,
        '"sous condition" = """\naucune condition',
        'illicite = """\naucune condition',
        ["scénario « pharmacie_revente »", "clé « illicite »", "la bonne réponse"],
    ),
    "misconception about an answer nobody can give": (
        QUESTIONS,
        '"sous condition" = """\naucune condition',
        '"sous-condition" = """\naucune condition',
        ["scénario « pharmacie_revente »", "[scenarios.misconceptions]", "« sous-condition »"],
    ),
    "duplicate scenario key": (
        QUESTIONS,
        'key = "assureur_snds"',
        'key = "pharmacie_revente"',
        ["scénario « pharmacie_revente »", "déjà celle d'un scénario précédent"],
    ),
    "question card reusing the key of a packaged card": (
        QUESTIONS,
        'key = "assureur_snds"',
        'key = "labo_promotion_snds"',
        ["scénario « labo_promotion_snds »", "déjà celle d'un scénario de la bibliothèque"],
    ),
    "questions written again in the question cards": (
        QUESTIONS,
        '[[scenarios]]\nkey = "pharmacie_revente"',
        '[[questions]]\nkey = "sante"\n\n[[scenarios]]\nkey = "pharmacie_revente"',
        ["section inconnue « questions »", "« scenarios »"],
    ),
    "packaged step citing an unknown reference": (
        "scenarios.toml",
        'reference_keys = ["9(2)(j)", "L1461-3"]',
        'reference_keys = ["9(2)(j)", "L1461-33"]',
        [
            "scénario « labo_promotion_snds »",
            "[scenarios.steps.base]",
            "« L1461-33 » n'existe pas dans references.toml",
        ],
    ),
    "packaged duplicate scenario key": (
        "scenarios.toml",
        'key = "medecin_chatbot"',
        'key = "labo_promotion_snds"',
        ["scénario « labo_promotion_snds »", "déjà celle d'un scénario précédent"],
    ),
    "duplicate question key": (
        "scenarios.toml",
        'key = "base"',
        'key = "sante"',
        ["question « sante »", "déjà celle d'une question précédente"],
    ),
    "question citing an unknown reference": (
        "scenarios.toml",
        'question = "Qui héberge les données ? Faut-il un hébergeur HDS ?"\n'
        'reference_keys = ["L1111-8"]',
        'question = "Qui héberge les données ? Faut-il un hébergeur HDS ?"\n'
        'reference_keys = ["L1111-9"]',
        ["question « hebergement »", "« L1111-9 » n'existe pas"],
    ),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_data_file_names_the_file_and_the_entry(data: Path, case: str):
    name, old, new, expected = BROKEN[case]
    path = data / name
    edit(path, old, new)
    with pytest.raises(LawDataError) as raised:
        load(path)
    message = str(raised.value)
    assert message.startswith(f"{path}, ") or message.startswith(f"{path} : "), message
    for fragment in expected:
        assert fragment in message, (fragment, message)


def test_entries_must_be_a_list_of_tables(tmp_path: Path):
    path = tmp_path / "references.toml"
    path.write_text(f'{LAST}\n[references]\nkey = "4(15)"\n', encoding="utf-8")
    with pytest.raises(LawDataError) as raised:
        load(path)
    assert str(raised.value) == (
        f"{path} : « references » doit être une liste d'entrées écrites [[references]], "
        "pas une table"
    )


def test_a_decision_after_the_last_check_is_refused(data: Path):
    with pytest.raises(LawDataError) as raised:
        _load_decisions(
            data / "decisions.toml",
            last_checked=datetime.date(2024, 1, 1),
        )
    message = str(raised.value)
    assert message.startswith(f"{data / 'decisions.toml'}, décision « SAN-2024-013 »"), message
    assert "la date du 05/09/2024 est postérieure à la dernière vérification" in message
    assert "01/01/2024" in message


def test_the_error_is_a_value_error():
    assert issubclass(LawDataError, ValueError)


def test_a_toml_syntax_error_gives_the_line(data: Path):
    path = data / "references.toml"
    text = path.read_text(encoding="utf-8")
    old = 'title = "Définition du consentement"'
    line = text[: text.index(old)].count("\n") + 1
    edit(path, old, 'title = "Définition du consentement')  # closing quote forgotten
    with pytest.raises(LawDataError, match=rf"syntaxe TOML invalide à la ligne {line}, colonne"):
        load(path)


@pytest.mark.parametrize("name", [*FILES, QUESTIONS])
def test_the_packaged_files_load_from_a_copy(data: Path, name: str):
    # The copies load without error, so every broken case above fails because of its edit.
    load(data / name)


def test_line_breaks_in_a_text_become_spaces(data: Path):
    path = data / "references.toml"
    edit(
        path,
        'title = "Définition du consentement"',
        'title = """\n    Définition\n    du   consentement\n"""',
    )
    _, references = load(path)
    consent = next(ref for ref in references if ref.key == "4(11)")
    # Only line breaks (and the spaces around them) are folded; other spacing is kept.
    assert consent.title == "Définition du   consentement"


def test_optional_fields_take_their_value_when_absent_and_quote_may_be_empty(data: Path):
    assert reference("4(5)").quote == ""  # no ``quote`` in the file
    assert scenario("labo_promotion_snds").exception is None  # no ``exception`` in the file
    assert load_scenarios(QUESTION_CARDS_FILE)[0].exception is None  # pharmacie_revente: idem
    path = data / "references.toml"
    edit(path, 'key = "4(5)"', 'key = "4(5)"\nquote = ""')
    _, references = load(path)
    assert next(ref for ref in references if ref.key == "4(5)").quote == ""


def test_steps_come_in_the_order_of_the_questions_whatever_the_file_order(data: Path):
    path = data / QUESTIONS
    text = path.read_text(encoding="utf-8")
    start = text.index('[scenarios.steps.sante]\nanswer = "Oui : une ordonnance')
    end = text.index("[scenarios.steps.base]", start)
    block = text[start:end]
    moved = text[:start] + text[end:]
    anchor = moved.index("[scenarios.misconceptions]", start)
    path.write_text(moved[:anchor] + block + moved[anchor:], encoding="utf-8")
    cards = load(path)
    card = next(c for c in cards if c.key == "pharmacie_revente")
    assert list(card.steps) == [q.key for q in LEGAL_QUESTIONS]
    assert card == next(c for c in load_scenarios(QUESTION_CARDS_FILE) if c.key == card.key)


def test_a_later_last_check_is_read_from_the_data(data: Path):
    path = data / "references.toml"
    edit(path, LAST, "legal_facts_last_checked = 2099-01-02")
    last_checked, _ = load(path)
    assert last_checked == datetime.date(2099, 1, 2)


def test_an_unsupported_field_type_is_a_programming_error():
    with pytest.raises(TypeError, match="no reader"):
        read_value(float, 1.5, Place("x.toml"))


def test_the_question_cards_file_must_exist(tmp_path: Path):
    absent = tmp_path / "absent.toml"
    with pytest.raises(FileNotFoundError, match=rf"introuvable : {re.escape(str(absent))} "):
        load_scenarios(absent)


def test_the_question_cards_load_from_a_text_path_as_in_class(data: Path, monkeypatch):
    # In class the instructor types a relative path, from the notebooks/ folder.
    (data / "notes").mkdir()
    shutil.copyfile(QUESTION_CARDS_FILE, data / "notes" / QUESTIONS)
    monkeypatch.chdir(data)
    cards = load_scenarios(f"notes/{QUESTIONS}")
    assert cards == load_scenarios(QUESTION_CARDS_FILE)
    assert [card.key for card in cards] == [
        "pharmacie_revente",
        "assureur_snds",
        "cohorte_recherche",
        "hopital_startup",
        "cabinet_kine_cloud",
        "etude_prothese_hanche",
    ]
