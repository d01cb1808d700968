"""The legal facts module 08 shows: the deployer's duties (AI Act art. 26), patient information."""

from __future__ import annotations

from pathlib import Path

from test_law import _dated_problems

from esn_teach.law import LEGAL_FACTS_LAST_CHECKED, reference

ROOT = Path(__file__).resolve().parents[2]
MODULE_08 = ROOT / "notebooks/08_validation_externe_derive.py"


def test_the_deployer_duties_are_the_ai_act_not_the_gdpr_joint_controllers():
    ref = reference("IA 26")
    assert ref.text.startswith("Règlement (UE) 2024/1689")
    assert ref.article.startswith("article 26")
    # The GDPR's article 26 (joint controllers) is another key.
    assert reference("art. 26").text.startswith("Règlement (UE) 2016/679")
    for duty in (
        "contrôle humain",
        "compétence",
        "surveille",
        "journaux",
        "six mois",
        "travailleurs",
        "suspend",
    ):
        assert duty in ref.summary
    assert ref.date <= LEGAL_FACTS_LAST_CHECKED


def test_module_08_cites_its_law_through_the_library_and_its_dates_read_true():
    source = MODULE_08.read_text(encoding="utf-8")
    keys = ("MDR règle 11", "IA 25", "IA 26", "IA 113", "IA 4", "L4001-3")
    assert all(f'"{key}"' in source for key in keys) and "reference(cle)" in source
    # The sources' reading dates (« lu le 6 décembre 2026 ») are not legal statements.
    body = source.split("# ## Sources")[0]
    markdown = "\n".join(line[2:] for line in body.splitlines() if line.startswith("# "))
    problems = []
    for key in keys:
        ref = reference(key)
        problems += _dated_problems(key, ref.summary) + _dated_problems(key, ref.date_label)
    problems += _dated_problems("module 08", markdown)
    assert not problems, "\n".join(problems)


def test_module_08_dates_the_deployer_duties_for_medical_devices():
    # Regulation (EU) 2026/1744 moved the Annex I high-risk rules (medical devices) to
    # 2 August 2028: the module says so, as the library does, and that the transitional
    # article 111(2) may leave a system already in service outside them; its graded
    # question 7 holds whatever that article says (no date in the item).
    source = " ".join(MODULE_08.read_text(encoding="utf-8").replace("\n# ", " ").split())
    assert "2 août 2028" in reference("IA 113").summary
    assert "2 août 2028" in source and "article 111, paragraphe 2" in source
    # Vigilance binds H3 whatever article 26 says.
    assert "dépend ni de l'article 26 ni de sa date" in source
    assert "règlement (UE) 2026/1744" in source
    # What already binds a deployer in January 2027: AI literacy, vigilance (the local
    # correspondent of R5212-17, read at the source; L5212-2 in force was not).
    assert "depuis le 2 février 2025" in reference("IA 4").summary
    assert "s'applique depuis le 2 février 2025" in source and "R5212-17" in source


def test_a_deployer_who_substantially_modifies_becomes_the_provider():
    ref = reference("IA 25")
    assert ref.article.startswith("article 25, paragraphe 1")
    for words in (
        "modification substantielle",
        "fournisseur",
        "article 16",
        "2 août 2028",
        "texte de 2024",
        "version consolidée",
    ):
        assert words in ref.summary
