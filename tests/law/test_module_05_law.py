"""The legal fact module 05 shows: data governance and representativeness (AI Act, article 10)."""

from __future__ import annotations

from pathlib import Path

from test_law import _dated_problems

from esn_teach.law import LEGAL_FACTS_LAST_CHECKED, reference

ROOT = Path(__file__).resolve().parents[2]
MODULE_05 = ROOT / "notebooks/05_qui_est_dans_les_donnees.py"


def test_article_10_asks_for_representative_training_validation_and_test_data():
    ref = reference("IA 10")
    assert ref.text.startswith("Règlement (UE) 2024/1689")
    assert ref.date.isoformat() == "2024-06-13" and ref.date <= LEGAL_FACTS_LAST_CHECKED
    for words in (
        "entraînement, de validation et de test",
        "suffisamment représentatifs",
        "biais",
        "groupes de",
    ):
        assert words in ref.summary, words
    assert not ref.quote  # a paraphrase: the French text was not checked word for word


def test_module_05_shows_article_10_and_its_dated_statements_read_true():
    source = MODULE_05.read_text(encoding="utf-8")
    # The summaries shown: article 10 and the MDR rules that make the app high-risk; the
    # 2026 amending regulation is named in the text (its long summary was off-topic here).
    for key in ("IA 10", "MDR 61", "MDR règle 11"):
        assert f'"{key}"' in source, key
    markdown = "\n".join(line[2:] for line in source.splitlines() if line.startswith("# "))
    assert "règlement (UE) 2026/1744" in " ".join(markdown.split())
    # The legal section only: the Sources list dates when a web page was read, not a law.
    markdown = markdown.split("### Ce que dit le droit")[1].split("### Réflexion")[0]
    ref = reference("IA 10")
    problems = _dated_problems("IA 10", ref.summary) + _dated_problems("IA 10", ref.date_label)
    problems += _dated_problems("module 05", markdown)
    assert not problems, "\n".join(problems)


def test_module_05_says_when_and_for_which_devices_article_10_applies():
    source = MODULE_05.read_text(encoding="utf-8")
    markdown = " ".join(line[2:] for line in source.splitlines() if line.startswith("# "))
    section = markdown.split("### Ce que dit le droit")[1].split("### Réflexion")[0]
    section = " ".join(section.split())
    # Only devices that need a notified body are high-risk through article 6(1).
    assert "organisme notifié" in section and "article 6, paragraphe 1" in section
    # The application date follows the law data (annex I, after Regulation (EU) 2026/1744).
    assert "2 août 2028" in reference("UE 2026/1744").summary
    assert "2 août 2028" in section and "2026/1744" in section


def test_module_05_says_the_medical_device_rules_already_apply():
    """The third review of 6 December: « pas encore » for the AI Act must not hide the MDR."""
    source = MODULE_05.read_text(encoding="utf-8")
    for key in ("MDR 61", "MDR règle 11"):
        assert f'"{key}"' in source, key
    ref = reference("MDR 61")
    assert ref.text.startswith("Règlement (UE) 2017/745")
    assert "groupes cibles" in ref.summary and "évaluation clinique" in ref.summary
    assert "classe IIa" in reference("MDR règle 11").summary
    markdown = " ".join(line[2:] for line in source.splitlines() if line.startswith("# "))
    section = " ".join(
        markdown.split("### Ce que dit le droit")[1].split("### Réflexion")[0].split()
    )
    for words in ("2017/745", "évaluation clinique", "article 61", "classe IIa", "règle 11"):
        assert words in section, words
    assert not _dated_problems("MDR 61", ref.summary)
