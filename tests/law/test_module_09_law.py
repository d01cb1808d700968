"""The legal facts module 09 shows: patient information (CSP) and human oversight (AI Act)."""

from __future__ import annotations

from pathlib import Path

from test_law import _dated_problems

from esn_teach import law
from esn_teach.law import LEGAL_FACTS_LAST_CHECKED, reference

ROOT = Path(__file__).resolve().parents[2]
MODULE_09 = ROOT / "notebooks/09_expliquer_garder_la_main.py"


def test_the_patient_information_article_is_dated_by_the_bioethics_law():
    ref = reference("L4001-3")
    assert ref.text == "Code de la santé publique (CSP)"
    assert ref.date.isoformat() == "2021-08-02"
    # the article of the law that created it is not named: no source at hand confirmed it
    assert "2021-1017" in ref.date_label and "article 17" not in ref.date_label
    assert "informée" in ref.quote and "données massives" in ref.quote
    assert "arrêté" in ref.summary  # the devices concerned are set by an order (IV)
    assert law.normalise_answer("L. 4001-3") == "L4001-3"


def test_human_oversight_names_automation_bias_and_the_power_to_override():
    ref = reference("IA 14")
    assert ref.text.startswith("Règlement (UE) 2024/1689")
    assert "biais d'automatisation" in ref.summary
    assert "passer outre" in ref.summary
    assert "2 août 2027" in ref.summary and "version consolidée" in ref.summary
    assert ref.date <= LEGAL_FACTS_LAST_CHECKED


def test_module_09_dated_statements_read_true_on_the_last_check():
    lines = MODULE_09.read_text(encoding="utf-8").splitlines()
    markdown = "\n".join(line[2:] for line in lines if line.startswith("# "))
    problems = []
    for key in ("L4001-3", "IA 14"):
        ref = reference(key)
        problems += _dated_problems(key, ref.summary) + _dated_problems(key, ref.date_label)
    problems += _dated_problems("module 09", markdown)
    assert not problems, "\n".join(problems)
