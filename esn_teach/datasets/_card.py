"""A data card as students see it: French headings only, folded under a title."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from sklearn.utils import Bunch

from esn_teach._validation import received
from esn_teach.datasets._base import CARD_SECTIONS, load_card

__all__ = ["DataCard", "data_card"]

#: A card heading « ## Origin — Origine »: the English name (for the tests), then the French.
_BILINGUAL = re.compile(
    r"^## (?:" + "|".join(re.escape(s) for s in CARD_SECTIONS) + r") — (.+)$", re.MULTILINE
)


@dataclass(frozen=True)
class DataCard:
    """A data card rendered for students (Markdown in a notebook).

    Attributes
    ----------
    text : str
        The card's Markdown, with French headings only.
    title : str
        The line a student clicks to unfold the card.
    folded : bool
        Whether the notebook shows the card folded under ``title``.
    """

    text: str
    title: str
    folded: bool = True

    def _repr_markdown_(self) -> str:
        if not self.folded:
            return self.text
        return (
            f"<details><summary><b>{html.escape(self.title)}</b> (cliquez pour la déplier)"
            f"</summary>\n\n{self.text}\n\n</details>"
        )

    def __str__(self) -> str:
        return self.text


def data_card(
    dataset: Bunch | str,
    *,
    title: str = "Fiche descriptive du jeu de données",
    folded: bool = True,
) -> DataCard:
    """Return the data card of a dataset, ready to show in a notebook.

    The cards keep bilingual section headings (« Origin — Origine ») so that
    tests and English readers find the seven sections; students see the
    French half only.

    Parameters
    ----------
    dataset : Bunch or str
        What a loader returned (its ``DESCR`` is used) or a card name, e.g.
        ``"pulse_oximetry"``.
    title : str, default="Fiche descriptive du jeu de données"
        What the student clicks to unfold the card.
    folded : bool, default=True
        Show the card folded under ``title`` (``False``: the whole card).

    Returns
    -------
    DataCard
        Displayed as Markdown by Jupyter; ``str()`` gives the text.

    Raises
    ------
    TypeError
        If ``dataset`` is neither a loader's result with a card nor a card name.
    ValueError
        If no card has this name.
    """
    if isinstance(dataset, str):
        text = load_card(dataset)
    elif isinstance(dataset, Bunch) and isinstance(dataset.get("DESCR"), str):
        text = dataset["DESCR"]
    else:
        raise TypeError(
            "« dataset » doit être ce qu'a rendu un chargeur de esn_teach.datasets (avec sa "
            f"fiche, DESCR) ou le nom d'une fiche, par exemple 'pulse_oximetry' ; "
            f"{received(dataset)}."
        )
    if not isinstance(title, str) or not title.strip():
        raise TypeError(f"« title » doit être un texte non vide ; {received(title)}.")
    return DataCard(_BILINGUAL.sub(r"## \1", text), title.strip(), bool(folded))
