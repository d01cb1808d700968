"""The legal facts module 08 shows: the deployer's duties (AI Act art. 26)."""

from __future__ import annotations

from esn_teach.law import LEGAL_FACTS_LAST_CHECKED, reference


def test_the_deployer_duties_are_the_ai_act_not_the_gdpr_joint_controllers():
    ref = reference("ai_act_art26")
    assert ref.text.startswith("Règlement (UE) 2024/1689")
    assert ref.article.startswith("article 26")
    # The GDPR's article 26 (joint controllers) is another key.
    assert reference("art. 26").text.startswith("Règlement (UE) 2016/679")
    for duty in ("contrôle humain", "compétence", "surveille", "journaux", "six mois",
                 "travailleurs", "suspend"):
        assert duty in ref.summary
    assert ref.date <= LEGAL_FACTS_LAST_CHECKED
