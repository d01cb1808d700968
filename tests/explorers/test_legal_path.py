import time

import numpy as np
import pytest

from esn_teach.explorers._legal_path import LegalPathExplorer
from esn_teach.law import LEGAL_QUESTIONS, SCENARIOS, reference, scenario


def test_controls_drive_the_explorer():
    explorer = LegalPathExplorer()
    assert set(explorer.controls) == {"scenario", "etape"}
    assert explorer.state["step"] == 1 and explorer.state["verdict"] is None
    explorer.controls["scenario"].value = "assureur_snds"  # what a student does
    explorer.controls["etape"].value = 6
    card = scenario("assureur_snds")
    assert explorer.state["verdict"] == card.verdict == "illicite"
    html = explorer.output.value
    assert "ILLICITE" in html
    assert "article L1461-1, V" in html
    assert reference("L1461-1").date_label in html
    assert len(explorer.state["statuses"]) == len(LEGAL_QUESTIONS)


def test_steps_are_revealed_one_by_one_with_text_statuses():
    explorer = LegalPathExplorer(scenario="pharmacie_revente", step=2)
    assert len(explorer.state["statuses"]) == 2
    assert "avancez le curseur" in explorer.output.value
    assert "✔ sans obstacle" in explorer.output.value
    explorer.controls["etape"].value = 5
    assert "✖ bloquant" in explorer.output.value
    assert explorer.state["verdict"] is None
    assert "pas un conseil juridique" in explorer.output.value


def test_every_scenario_renders_its_verdict_and_deciding_texts():
    explorer = LegalPathExplorer(step=6)
    for card in SCENARIOS:
        state = explorer.update(card.key, 6)
        assert state["verdict"] == card.verdict
        for key in card.deciding_keys:
            assert key in state["references"]


def test_subset_of_scenarios():
    cards = [c for c in SCENARIOS if c.key != "assureur_snds"]
    explorer = LegalPathExplorer(cards)
    keys = [value for _, value in explorer.dropdown.options]
    assert "assureur_snds" not in keys and len(keys) == len(SCENARIOS) - 1


def test_update_is_fast():
    explorer = LegalPathExplorer()
    times = []
    keys = [c.key for c in SCENARIOS]
    for i in range(30):
        start = time.perf_counter()
        explorer.controls["scenario"].value = keys[i % len(keys)]
        explorer.controls["etape"].value = 1 + i % 6
        times.append(time.perf_counter() - start)
    assert np.percentile(times, 95) < 0.1


def test_bad_arguments():
    with pytest.raises(ValueError, match="au moins une fiche"):
        LegalPathExplorer([])
    with pytest.raises(ValueError, match="scénario inconnu"):
        LegalPathExplorer(scenario="nope")
    with pytest.raises(
        ValueError,
        match=r"« step » doit être un nombre entier compris entre 1 \(inclus\) et 6 \(inclus\)"
        r" ; valeur reçue : 7\.",
    ):
        LegalPathExplorer(step=7)
    with pytest.raises(TypeError, match="« step » doit être un nombre entier"):
        LegalPathExplorer(step=2.0)
    with pytest.raises(ValueError, match="une clé différente"):
        LegalPathExplorer([SCENARIOS[0], SCENARIOS[0]])
