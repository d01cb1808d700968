"""The patient calculator of module 07: both CKD-EPI equations, in French, fast."""

from __future__ import annotations

import time

import numpy as np
import pytest
from bs4 import BeautifulSoup

from esn_teach.datasets import egfr_ckd_epi_2009, egfr_ckd_epi_2021
from esn_teach.explorers import EgfrExplorer
from esn_teach.explorers._controls import SLIDER_NAMES_SCRIPT


def test_state_follows_the_equations_and_the_unit_conversion():
    explorer = EgfrExplorer(creatinine=125, age=57, female=False, black=True)
    state = explorer.state
    scr = 125 / 88.4
    assert state["scr_mg_dl"] == pytest.approx(scr)
    assert state["egfr_2009"] == pytest.approx(float(egfr_ckd_epi_2009(scr, 57, False, True)))
    assert state["egfr_2021"] == pytest.approx(float(egfr_ckd_epi_2021(scr, 57, False)))
    assert (state["stage_2009"], state["stage_2021"]) == ("G2", "G3a")
    assert state["crosses_60"] is True and state["crosses_20"] is False


def test_the_race_control_changes_only_the_2009_estimate():
    explorer = EgfrExplorer(creatinine=125, age=57, female=False, black=True)
    with_coefficient = dict(explorer.state)
    explorer.controls["race"].value = False
    without = explorer.state
    assert with_coefficient["egfr_2009"] == pytest.approx(1.159 * without["egfr_2009"])
    assert with_coefficient["egfr_2021"] == without["egfr_2021"]


def test_moving_each_control_updates_the_view():
    explorer = EgfrExplorer()
    assert set(explorer.controls) == {"creatinine", "age", "sexe", "race"}
    before = explorer.output.value
    for name, value in (("creatinine", 400), ("age", 80), ("sexe", False), ("race", True)):
        explorer.controls[name].value = value
        assert explorer.output.value != before, name
        before = explorer.output.value
    assert explorer.state["creatinine"] == 400 and explorer.state["age"] == 80
    assert explorer.state["female"] is False and explorer.state["black"] is True


def test_crossings_are_said_in_words_with_a_symbol():
    # 20: an older Black man with a creatinine just high enough.
    crossing_20 = next(
        EgfrExplorer(creatinine=c, age=70, female=False, black=True)
        for c in range(200, 1000, 5)
        if EgfrExplorer(creatinine=c, age=70, female=False, black=True).state["crosses_20"]
    )
    text = BeautifulSoup(crossing_20.output.value, "html.parser").get_text(" ")
    assert "⚠ Seuil de 20 franchi" in text
    assert "l'équation 2009 place la personne au-dessus de 20" in text
    assert "l'équation 2021 à 20 ou moins" in text
    same_side = EgfrExplorer(creatinine=60, age=30, female=True, black=False)
    text = BeautifulSoup(same_side.output.value, "html.parser").get_text(" ")
    assert "✔ Seuil de 60" in text and "✔ Seuil de 20" in text
    assert "franchi" not in text


def test_text_and_table_are_french():
    explorer = EgfrExplorer(creatinine=125, age=57, female=False, black=True)
    soup = BeautifulSoup(explorer.output.value, "html.parser")
    assert "125 µmol/L ÷ 88,4 = 1,41 mg/dL" in soup.get_text()
    (table,) = soup("table")
    assert table.caption.get_text().startswith("Le même patient")
    cells = [td.get_text(strip=True) for td in table("td")]
    assert cells == ["63", "G2", "non", "non", "58", "G3a", "oui", "non"]
    assert "jamais d'usage clinique" in soup.get_text()
    assert explorer.creatinine.description == "Créatinine sérique (µmol/L)"
    assert explorer.age.description == "Âge (ans)"
    assert explorer.race.options[0][0].startswith("noir·e")


def test_display_names_the_sliders(monkeypatch: pytest.MonkeyPatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda *objects: shown.append(objects))
    explorer = EgfrExplorer()
    explorer._ipython_display_()
    ((script, widget),) = shown
    assert script.data == SLIDER_NAMES_SCRIPT and widget is explorer.widget


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"creatinine": 30}, "creatinine"),
        ({"creatinine": 50.5}, "creatinine"),
        ({"age": 17}, "age"),
        ({"female": 1}, "female"),
        ({"black": "oui"}, "black"),
    ],
)
def test_bad_arguments_are_refused_in_french(kwargs, fragment):
    with pytest.raises((ValueError, TypeError), match=fragment):
        EgfrExplorer(**kwargs)


@pytest.mark.slow  # a timing measure (CPU time of this thread); bench/ reports the real p95
def test_update_is_fast():
    explorer = EgfrExplorer()
    times = []
    for value in np.linspace(40, 1000, 30):
        start = time.thread_time()
        explorer.controls["creatinine"].value = int(value) // 5 * 5
        times.append(time.thread_time() - start)
    assert np.percentile(times, 95) < 0.2
