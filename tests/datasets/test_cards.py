import inspect
import re
from pathlib import Path

import pytest

import esn_teach.datasets as ds
from esn_teach.datasets import (
    CARD_SECTIONS,
    DATASET_CARDS,
    available_cards,
    data_card,
    load_card,
)

REPO = Path(__file__).resolve().parents[2]
HEADING = re.compile(r"^## (.+?)(?: — .+)?$", re.MULTILINE)


def test_every_public_loader_has_a_card():
    public = {
        name
        for name in ds.__all__
        if callable(getattr(ds, name))
        and name.startswith(("load_", "make_"))
        and name not in ("load_card", "data_card")
    }
    assert public == set(DATASET_CARDS)
    for card in DATASET_CARDS.values():
        assert card in available_cards()


def test_no_orphan_card():
    assert set(available_cards()) == set(DATASET_CARDS.values())


@pytest.mark.parametrize("card", sorted(set(DATASET_CARDS.values())))
def test_card_has_the_seven_sections_in_order(card):
    text = load_card(card)
    headings = HEADING.findall(text)
    assert tuple(headings) == CARD_SECTIONS
    assert text.startswith("# ")
    # every section has content
    for block in re.split(r"^## .*$", text, flags=re.MULTILINE)[1:]:
        assert len(block.strip()) > 40
    intended = text.split("## Intended use")[1].split("\n## ")[0]
    flat = " ".join(intended.replace("*", "").split()).lower()
    assert "enseignement uniquement" in flat
    assert "jamais d'usage clinique" in flat


REAL_CARDS = {"breast_cancer_wdbc", "diabetes_progression"}


@pytest.mark.parametrize("card", sorted(set(DATASET_CARDS.values()) - REAL_CARDS))
def test_synthetic_cards_say_what_is_real_and_invented(card):
    text = load_card(card)
    assert "synthétique" in text.split("## Origin")[0]
    made = text.split("## How it was made")[1].split("\n## ")[0]
    assert "inventé" in made


@pytest.mark.parametrize(("func", "card"), sorted(DATASET_CARDS.items()))
def test_descr_is_the_card_text(func, card):
    loader = getattr(ds, func)
    kwargs = {}
    params = inspect.signature(loader).parameters
    if "n_samples" in params:
        kwargs["n_samples"] = 500
    if "random_state" in params:
        kwargs["random_state"] = 0
    if func == "make_voter_list":
        registry = ds.make_french_registry(n_samples=500, random_state=0).frame
        bunch = loader(registry, random_state=0)
    else:
        bunch = loader(**kwargs)
    assert load_card(card) == bunch.DESCR
    assert set(bunch.labels_fr) >= set(bunch.frame.columns)


def test_readme_links_every_card():
    readme = (REPO / "datasets" / "README.md").read_text(encoding="utf-8")
    for card in available_cards():
        assert f"../esn_teach/datasets/cards/{card}.md" in readme
        assert (REPO / "esn_teach" / "datasets" / "cards" / f"{card}.md").is_file()


def test_unknown_card():
    with pytest.raises(ValueError, match="fiche descriptive inconnue : 'nope'"):
        load_card("nope")


SYNTHETIC = sorted(
    name for name in DATASET_CARDS if name.startswith("make_") and name != "make_voter_list"
)


@pytest.mark.parametrize("func", SYNTHETIC)
def test_synthetic_frames_carry_provenance(func):
    frame = getattr(ds, func)(n_samples=300, random_state=0).frame
    assert frame.attrs["synthetic"] is True
    assert isinstance(frame.attrs["source"], str) and len(frame.attrs["source"]) > 20
    assert set(frame.attrs["labels_fr"]) == set(frame.columns)
    assert frame.attrs["random_state"] == 0


@pytest.mark.parametrize("card", sorted(set(DATASET_CARDS.values())))
def test_students_see_french_headings_only(card):
    shown = data_card(card)
    headings = re.findall(r"^## (.+)$", shown.text, flags=re.MULTILINE)
    assert len(headings) == len(CARD_SECTIONS)
    stored = re.findall(r"^## (.+) — (.+)$", load_card(card), flags=re.MULTILINE)
    assert [english for english, _ in stored] == list(CARD_SECTIONS)
    assert headings == [french for _, french in stored]
    # Only the headings change: the body is the stored card's.
    assert re.sub(r"^## .*$", "", shown.text, flags=re.MULTILINE) == re.sub(
        r"^## .*$", "", load_card(card), flags=re.MULTILINE
    )


def test_data_card_folds_under_its_title_and_takes_a_loader_result():
    jeu = ds.make_pulse_oximetry(n_samples=50, random_state=0)
    shown = data_card(jeu, title="Fiche <des> paires")
    markdown = shown._repr_markdown_()
    assert markdown.startswith("<details><summary><b>Fiche &lt;des&gt; paires</b>")
    assert markdown.rstrip().endswith("</details>") and "## Origine" in markdown
    assert data_card(jeu, folded=False)._repr_markdown_() == str(shown)
    with pytest.raises(TypeError, match="ce qu'a rendu un chargeur"):
        data_card(jeu.frame)
    with pytest.raises(TypeError, match="« title » doit être un texte non vide"):
        data_card(jeu, title=" ")
    with pytest.raises(ValueError, match="fiche descriptive inconnue"):
        data_card("pas_de_fiche")
