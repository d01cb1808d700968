"""Each student's own scenario cards for module 13's evaluated session.

Module 13 asks students to classify scenario cards. In the evaluated session,
each question's cards come from a pool: the pool has *slots* (one per card the
question asks, each for one notion, so that every draw asks the same notions)
and each slot has equivalent *variants* (cards written in the same style,
decided by the same articles; in most slots, some whose answer is one option
and some whose answer is another, so that copies' keys differ). From the student's seed
(``checks.student_seed("13")``) a draw picks one variant per slot and shows the
slots under the letters A, B, C… in a shuffled order. The notebook prints the
cards it draws; the hidden tests call the same function with the copy's seed,
so both always agree.

The cards and their answers are not in the package (a student could read the
answers): the notebook holds the texts, the hidden tests the answers. This
module only draws.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from esn_teach.checks import SlotDraw, draw_slots

__all__ = ["CardDraw", "draw_cards"]


@dataclass(frozen=True)
class CardDraw(SlotDraw):
    """Which card a student sees under each letter: its slot and the slot's variant.

    Parameters
    ----------
    slots : dict of str to str
        Letter → slot shown under it, in letter order.
    variants : dict of str to int
        Letter → index of the slot's variant drawn for this student.
    """

    def by_letter(self, per_slot: Mapping[str, Any]) -> dict[str, Any]:
        """Relabel a mapping slot → value (an answer, named mistakes) by this draw's letters.

        A value that is a list or tuple holds one entry per variant of its slot:
        each letter gets the entry of the variant drawn.
        """
        relabelled = {}
        for letter, slot in self.slots.items():
            value = per_slot[slot]
            if isinstance(value, list | tuple):
                value = value[self.variants[letter]]
            relabelled[letter] = value
        return relabelled


def draw_cards(seed: int, question: str, variants: Mapping[str, int]) -> CardDraw:
    """Draw, for one question, a variant of each slot and the order of the slots.

    Parameters
    ----------
    seed : int
        ``checks.student_seed("13")``.
    question : str
        The question's name: each question draws from its own stream, so that a
        question's draw does not depend on the others.
    variants : mapping of str to int
        Slot → how many equivalent variants it has in the pool (at least one),
        in the pool's order.

    Returns
    -------
    CardDraw
        The slots under the letters A, B, C…, shuffled.

    Raises
    ------
    ValueError
        If a slot has no variant, or there are more slots than letters.
    """
    slots, chosen = draw_slots(seed, question, list(variants), variants=variants)
    return CardDraw(slots=slots, variants=chosen)
