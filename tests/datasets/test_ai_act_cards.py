"""Module 13's evaluated cards: each copy gets only its own, balanced, and with even clues."""

from __future__ import annotations

import re
from pathlib import Path

from esn_teach.checks import student_seed
from esn_teach.datasets import AI_ACT_CARD_COUNTS, ai_act_cards
from esn_teach.datasets._ai_act_cards import _POOLS
from esn_teach.law import draw_cards

NOTEBOOK = Path(__file__).parents[2] / "notebooks" / "13_ia_act_dispositifs_medicaux.py"


def _seeds(n: int) -> list[int]:
    import os

    seeds = []
    old = os.environ.get("ESN_TEACH_STUDENT")
    try:
        for i in range(n):
            os.environ["ESN_TEACH_STUDENT"] = f"etudiant{i:04d}"
            seeds.append(student_seed("13", announce=False))
    finally:
        if old is None:
            os.environ.pop("ESN_TEACH_STUDENT", None)
        else:
            os.environ["ESN_TEACH_STUDENT"] = old
    return seeds


def _hidden_keys(name: str) -> dict[str, object]:
    """The notebook's hidden-test keys (cles_qN), read from the source notebook."""
    source = NOTEBOOK.read_text(encoding="utf-8")
    block = re.search(rf"^{name} = \{{\n.*?^\}}\n", source, re.S | re.M)
    assert block, name
    namespace: dict[str, object] = {}
    exec(block.group(0), namespace)
    keys = namespace[name]
    assert isinstance(keys, dict)
    return keys


def test_the_notebook_no_longer_holds_the_pools() -> None:
    # Lecturer d21, finding 4: a released copy printed from the notebook held all 78 cards.
    source = NOTEBOOK.read_text(encoding="utf-8")
    for pool in _POOLS.values():
        for cards in pool.values():
            for card in cards:
                assert card[:60] not in source


def test_a_copy_prints_only_its_own_cards() -> None:
    seeds = _seeds(40)
    for question in AI_ACT_CARD_COUNTS:
        shown = [set(ai_act_cards(seed, question).values()) for seed in seeds]
        everything = {card for pool in _POOLS[question].values() for card in pool}
        for cards in shown:
            assert len(cards) == len(_POOLS[question])
            assert len(everything - cards) >= len(everything) // 2
        # a card drawn for the first copy is absent from some other copy's print
        card = next(iter(shown[0]))
        assert any(card not in other for other in shown[1:])


def test_cards_follow_the_hidden_tests_draw() -> None:
    for seed in _seeds(20):
        for question, counts in AI_ACT_CARD_COUNTS.items():
            draw = draw_cards(seed, question, counts)
            assert ai_act_cards(seed, question) == draw.by_letter(_POOLS[question])


def test_key_lists_match_the_pools() -> None:
    for name, question in [
        ("cles_q1", "categories"),
        ("cles_q2", "classes_mdr"),
        ("cles_q3", "devoirs"),
        ("cles_q4", "dates"),
    ]:
        keys = _hidden_keys(name)
        assert set(keys) == set(AI_ACT_CARD_COUNTS[question])
        for slot, value in keys.items():
            if isinstance(value, list):
                assert len(value) == AI_ACT_CARD_COUNTS[question][slot], (question, slot)


def test_q4_never_asks_one_date_twice() -> None:
    # Student d21, finding 5: three prohibited practices (three « 2 février 2025 ») in one copy.
    keys = _hidden_keys("cles_q4")
    for seed in _seeds(500):
        draw = draw_cards(seed, "dates", AI_ACT_CARD_COUNTS["dates"])
        dates = list(draw.by_letter(keys).values())
        assert len(dates) == len(set(dates)) == 5


def test_q2_a_keyword_rule_does_not_find_the_class() -> None:
    # Lecturer d21 finding 6 / student finding 4: only the higher-class cards ended with an
    # alarming extra sentence. Every card now ends with one consequence sentence.
    keys = _hidden_keys("cles_q2")
    higher = {"cas_1": "IIb", "cas_2": "III", "cas_3": "III", "cas_4": "IIb"}
    lower = {"cas_1": "IIa", "cas_2": "IIb", "cas_3": "IIa", "cas_4": "IIa"}
    words = ("sain", "chut", "arrêt", "arrête", "bouch", "emporte", "aggrave", "brutal")
    right = total = 0
    for slot, cards in _POOLS["classes_mdr"].items():
        slot_keys = keys[slot]
        assert isinstance(slot_keys, list)
        for card, key in zip(cards, slot_keys, strict=True):
            guess = higher[slot] if any(w in card.lower() for w in words) else lower[slot]
            right += guess == key
            total += 1
            assert card.count(". ") >= 1 and card.rstrip().endswith(".")
    assert right / total <= 0.5


def test_q1_drops_the_cards_where_the_ai_is_obvious() -> None:
    # Lecturer d21, finding 7: art. 50(1) lifts the duty when the AI is obvious.
    texts = " ".join(c for pool in _POOLS["categories"].values() for c in pool)
    assert "borne parlante" not in texts
    assert "course à pied" not in texts


# Words that say a system converses with people (article 50, § 1, applies to it as well).
_CONVERSES = (
    "conversationnel",
    "assistant vocal",
    "qui parle",
    "répond",
    "interroge",
    "dialogu",
    "au téléphone",
)


def test_q4_only_the_transparency_slot_converses_with_people() -> None:
    # Lecturer d23, finding 3: a chatbot that is a medical device (cas_1) and a voice
    # assistant that proposes an aid (cas_2) are also under article 50, so « 2 août 2026 »
    # was defensible for them. No card whose key is another date may converse with people.
    keys = _hidden_keys("cles_q4")
    for slot, cards in _POOLS["dates"].items():
        if keys[slot] == "2 août 2026":
            continue
        for card in cards:
            text = " ".join(card.lower().split())
            assert not any(word in text for word in _CONVERSES), (slot, card)
    # The keyword list does find the cards that converse.
    transparency = [" ".join(c.lower().split()) for c in _POOLS["dates"]["cas_5"]]
    assert sum(any(w in c for w in _CONVERSES) for c in transparency) >= 6
