import time

import numpy as np
import pytest

from esn_teach.datasets import fit_risk_score, make_cost_vs_need_cohort, top_share
from esn_teach.explorers._cost_need import CostNeedExplorer, selection_by_group

FRAME = make_cost_vs_need_cohort(n_samples=5_000, random_state=0).frame
SCORES = {label: fit_risk_score(FRAME, label) for label in ("cost", "health")}


@pytest.fixture
def explorer():
    return CostNeedExplorer(FRAME, SCORES)


def test_controls_change_the_output(explorer):
    assert set(explorer.controls) == {"cible", "centile"}
    png, html, table = bytes(explorer.image.value), explorer.summary.value, explorer.table.copy()
    assert png.startswith(b"\x89PNG")
    explorer.controls["cible"].value = "health"  # what a student does
    assert bytes(explorer.image.value) != png
    assert explorer.summary.value != html
    assert not explorer.table.equals(table)
    png = bytes(explorer.image.value)
    explorer.controls["centile"].value = 90.0
    assert bytes(explorer.image.value) != png
    assert "90ᵉ centile" in explorer.summary.value


def test_numbers_match_a_direct_computation(explorer):
    for label in ("cost", "health"):
        for percentile in (50.0, 90.0, 97.0, 99.5):
            explorer.controls["cible"].value = label
            explorer.controls["centile"].value = percentile
            scores = SCORES[label]
            selected = scores >= np.percentile(scores, percentile)
            race = FRAME["race"].astype(str).to_numpy()
            table = explorer.table
            assert table.loc["Black", "share_of_selected"] == pytest.approx(
                top_share(scores, FRAME["race"], percentile=percentile)
            )
            for group in ("White", "Black"):
                in_group = race == group
                assert table.loc[group, "n_patients"] == in_group.sum()
                assert table.loc[group, "n_selected"] == (selected & in_group).sum()
                assert table.loc[group, "selection_rate"] == pytest.approx(
                    selected[in_group].mean()
                )
                assert table.loc[group, "mean_need_selected"] == pytest.approx(
                    FRAME["n_chronic_next"].to_numpy()[selected & in_group].mean()
                )
            assert table["share_of_selected"].sum() == pytest.approx(1.0)


def test_cost_label_selects_fewer_and_sicker_black_patients(explorer):
    cost = explorer.compute("cost", 97.0)
    health = explorer.compute("health", 97.0)
    assert cost.loc["Black", "share_of_selected"] < health.loc["Black", "share_of_selected"]
    gap_cost = cost.loc["Black", "mean_need_selected"] - cost.loc["White", "mean_need_selected"]
    gap_health = (
        health.loc["Black", "mean_need_selected"] - health.loc["White", "mean_need_selected"]
    )
    assert gap_cost > gap_health


def test_interface_is_french_and_text(explorer):
    html = explorer.summary.value
    for words in (
        "Patients noirs",
        "Patients blancs",
        "Taux de sélection",
        "Part parmi les inscrits",
    ):
        assert words in html
    assert "Cible" in explorer.label_dropdown.description
    assert "centile" in explorer.percentile_slider.description
    ax = explorer.figure.axes[0]
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    # never colour alone: each group has its own marker and dash
    assert len({line.get_marker() for line in explorer._lines}) == 2
    assert len({str(line.get_linestyle()) for line in explorer._lines}) == 2


@pytest.mark.slow  # a timing measure (p95 < 100 ms): make test, not make check
def test_update_is_fast(explorer):
    times = []
    for percentile in np.linspace(50, 99.5, 30):
        start = time.thread_time()
        explorer.controls["centile"].value = float(percentile)
        times.append(time.thread_time() - start)
    # CPU time of this thread: other processes' load does not count (wall time flaked
    # under load). The 100 ms target is measured side by side in bench/bench_modules.py.
    assert np.percentile(times, 95) < 0.5


@pytest.mark.parametrize(
    ("args", "kwargs", "exc", "msg"),
    [
        (([1, 2], SCORES), {}, TypeError, "« frame » doit être un tableau pandas"),
        ((FRAME, [1, 2]), {}, TypeError, "« scores » doit être un dictionnaire"),
        ((FRAME, {"cost": SCORES["cost"]}), {}, ValueError, "il manque 'health'"),
        ((FRAME, {**SCORES, "cost": SCORES["cost"][:10]}), {}, ValueError, "une valeur par ligne"),
        (
            (FRAME, SCORES),
            {"label": "mortality"},
            ValueError,
            "« label » doit être l'une des cibles 'cost', 'health' ; valeur reçue : 'mortality'",
        ),
        (
            (FRAME, SCORES),
            {"percentile": 100},
            ValueError,
            r"« percentile » .* et 99,5 \(inclus\) ; valeur reçue : 100\.",
        ),
        ((FRAME, SCORES), {"percentile": "97"}, TypeError, "« percentile » doit être un nombre"),
        ((FRAME, SCORES), {"percentile": True}, TypeError, "« percentile » .* pas un booléen"),
        (
            (FRAME, SCORES),
            {"need_column": "frailty"},
            ValueError,
            "colonnes absentes du tableau « frame » : frailty",
        ),
        (
            (FRAME, SCORES),
            {"n_bins": 1},
            ValueError,
            r"« n_bins » doit être un nombre entier compris entre 2 \(inclus\) et 100 \(inclus\)"
            r" ; valeur reçue : 1\.",
        ),
        (
            (FRAME, SCORES),
            {"n_bins": 20.0},
            TypeError,
            r"« n_bins » .* valeur reçue : 20,0 \(un nombre décimal\)",
        ),
    ],
)
def test_bad_arguments(args, kwargs, exc, msg):
    with pytest.raises(exc, match=msg):
        CostNeedExplorer(*args, **kwargs)


def test_nan_scores_and_single_group_are_refused():
    bad = {**SCORES, "health": np.full(len(FRAME), np.nan)}
    with pytest.raises(ValueError, match="NaN"):
        CostNeedExplorer(FRAME, bad)
    one_group = FRAME.assign(race="White")
    with pytest.raises(ValueError, match="de 2 à 4 groupes ; la colonne 'race' en compte 1"):
        CostNeedExplorer(one_group, SCORES)
    explorer = CostNeedExplorer(FRAME, SCORES)
    with pytest.raises(ValueError, match="percentile"):
        explorer.update("cost", 10.0)


def test_selection_by_group_agrees_with_the_explorer(explorer):
    race = FRAME["race"].to_numpy(dtype=str)
    need = FRAME["n_chronic_next"].to_numpy()
    for label in ("cost", "health"):
        table = selection_by_group(SCORES[label], race, need, percentile=97.0)
        shown = explorer.compute(label, 97.0)
        for column in table.columns:
            for group in ("White", "Black"):
                assert table.loc[group, column] == pytest.approx(shown.loc[group, column])
    everyone = selection_by_group(SCORES["cost"], race, need, percentile=0)
    assert everyone["selection_rate"].tolist() == [1.0, 1.0]
    assert everyone.loc["Black", "mean_need_selected"] == pytest.approx(
        need[race == "Black"].mean()
    )


def test_selection_by_group_bad_arguments():
    with pytest.raises(ValueError, match="de même longueur"):
        selection_by_group([1.0, 2.0], ["a"], [0, 1])
    with pytest.raises(ValueError, match="NaN"):
        selection_by_group([np.nan, 2.0], ["a", "b"], [0, 1])
    with pytest.raises(
        ValueError,
        match=r"« percentile » doit être un nombre compris entre 0 \(inclus\) et 100 \(exclu\)"
        r" ; valeur reçue : 100\.",
    ):
        selection_by_group([1.0, 2.0], ["a", "b"], [0, 1], percentile=100)
    with pytest.raises(ValueError, match=r"« percentile » .* valeur reçue : NaN"):
        selection_by_group([1.0, 2.0], ["a", "b"], [0, 1], percentile=float("nan"))


def test_a_label_held_back_is_neither_offered_nor_computed():
    # Module 03 holds the « cost » label back until the questions it answers are solved.
    explorer = CostNeedExplorer(
        FRAME, {"health": SCORES["health"]}, labels=["health"], label="health"
    )
    # One label: stated in words, no one-choice menu (the browser test refuses those).
    assert list(explorer.controls) == ["centile"]
    assert explorer.label_dropdown not in explorer.widget.children
    assert "Maladies chroniques" in explorer.widget.children[0].value
    assert explorer.labels == ["health"]
    with pytest.raises(ValueError, match="n'est pas offerte"):
        explorer.compute("cost", 97.0)
    with pytest.raises(ValueError, match="cibles offertes"):
        CostNeedExplorer(FRAME, SCORES, labels=["health"])  # label defaults to « cost »
    with pytest.raises(ValueError, match="non vide"):
        CostNeedExplorer(FRAME, SCORES, labels=[], label="health")
    with pytest.raises(ValueError, match="il manque 'health'"):
        CostNeedExplorer(FRAME, {"cost": SCORES["cost"]}, labels=["cost", "health"])
    both = CostNeedExplorer(FRAME, SCORES, labels=["health", "cost"])
    assert [key for _, key in both.controls["cible"].options] == ["cost", "health"]


def test_the_need_row_can_be_hidden():
    # Module 03 hides the enrolled patients' mean illness until questions 2 and 3 are solved:
    # with the « health » label at the 95th or 97th percentile it lets a student rebuild them.
    hidden = CostNeedExplorer(FRAME, SCORES, label="health", show_need=False)
    shown = CostNeedExplorer(FRAME, SCORES, label="health")
    assert "Maladies chroniques des inscrits" in shown.summary.value
    assert "Maladies chroniques des inscrits" not in hidden.summary.value
    assert "Part parmi les inscrits" in hidden.summary.value
    hidden.controls["centile"].value = 95.0
    assert "Maladies chroniques des inscrits" not in hidden.summary.value
    assert "mean_need_selected" in hidden.table.columns  # computed, only not shown
    with pytest.raises(TypeError, match="show_need"):
        CostNeedExplorer(FRAME, SCORES, show_need="non")
