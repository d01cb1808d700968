"""Text-generation explorer: prompt and temperature → next words and a drawn continuation."""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from html import escape

import ipywidgets as widgets
import pandas as pd

from esn_teach._formatting import fr_number, fr_percent
from esn_teach._validation import check_finite_scalar
from esn_teach.explorers._controls import french_readout, show_explorer
from esn_teach.explorers._table import new_table_id, styled_table
from esn_teach.generative import END, NGramModel, detokenize

__all__ = ["GenerationExplorer"]

_COLUMNS = ["Mot suivant", "Probabilité à la température 1", "Probabilité à la température choisie"]


def _shown(token: str) -> str:
    return "(fin de la note)" if token == END else token


class GenerationExplorer:
    """Choose a prompt and a temperature; see the next-word probabilities and a drawn text.

    A table lists the ``k`` most probable next words after the prompt, with
    their probability at temperature 1 and at the chosen temperature; below it,
    a continuation drawn with that temperature and the draw number as seed (the
    same setting always gives the same text). Everything is text: no figure, no
    colour. An update computes ``max_tokens`` distributions of a few hundred
    words and one small table: a few milliseconds.

    Parameters
    ----------
    model : NGramModel
        A fitted model.
    prompts : sequence of str
        The prompts offered in the dropdown.
    temperature : float, default=1.0
        Initial temperature, 0.1 to 2.
    draw : int, default=1
        Initial draw number (1 to 20), the seed of the drawn continuation.
    max_tokens : int, default=20
        Length of the drawn continuation, in tokens.
    k : int, default=8
        Number of next words listed.

    Attributes
    ----------
    controls : dict
        ``prompt`` (dropdown), ``temperature`` (slider), ``tirage`` (slider).
    widget : ipywidgets.VBox
        What the notebook displays.
    state : dict
        ``prompt``, ``temperature``, ``draw``, ``top`` (the table, a DataFrame
        with ``token``, ``p``, ``p_temperature``) and ``continuation`` (text).
    """

    def __init__(
        self,
        model: NGramModel,
        prompts: Sequence[str],
        *,
        temperature: float = 1.0,
        draw: int = 1,
        max_tokens: int = 20,
        k: int = 8,
    ) -> None:
        if not isinstance(model, NGramModel) or not model.vocabulary:
            raise TypeError("« model » doit être un NGramModel déjà entraîné (fit).")
        prompts = [str(p) for p in prompts]
        if not prompts:
            raise ValueError("« prompts » doit contenir au moins un début de texte.")
        check_finite_scalar(temperature, "temperature", numbers.Real, min_val=0.1, max_val=2.0)
        check_finite_scalar(draw, "draw", numbers.Integral, min_val=1, max_val=20)
        self.model = model
        self.max_tokens = int(max_tokens)
        self.k = int(k)
        self.dropdown = widgets.Dropdown(
            options=prompts,
            value=prompts[0],
            description="Début du texte (prompt)",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="95%"),
        )
        self.slider = widgets.FloatSlider(
            value=float(temperature),
            min=0.1,
            max=2.0,
            step=0.1,
            description="Température",
            continuous_update=True,
            style={"description_width": "initial"},
        )
        slider_box, _ = french_readout(self.slider, digits=1)
        self.draw_slider = widgets.IntSlider(
            value=int(draw),
            min=1,
            max=20,
            step=1,
            description="Tirage n°",
            continuous_update=True,
            style={"description_width": "initial"},
        )
        self.output = widgets.HTML()
        for control in (self.dropdown, self.slider, self.draw_slider):
            control.observe(self._on_change, names="value")
        self.controls: dict[str, widgets.ValueWidget] = {
            "prompt": self.dropdown,
            "temperature": self.slider,
            "tirage": self.draw_slider,
        }
        self.widget = widgets.VBox([self.dropdown, slider_box, self.draw_slider, self.output])
        self._table_id = new_table_id()
        self.state: dict[str, object] = {}
        self.update(self.dropdown.value, self.slider.value, self.draw_slider.value)

    def _on_change(self, change: dict) -> None:
        self.update(self.dropdown.value, self.slider.value, self.draw_slider.value)

    def update(self, prompt: str, temperature: float, draw: int) -> dict[str, object]:
        """Show the next words after ``prompt`` and a continuation drawn at ``temperature``.

        Parameters
        ----------
        prompt : str
            The beginning of the text.
        temperature : float
            0.1 to 2.
        draw : int
            Seed of the drawn continuation.

        Returns
        -------
        dict
            The new :attr:`state`.
        """
        temperature = round(float(temperature), 2)
        top = self.model.top_next(prompt, temperature=temperature, k=self.k)
        tokens = self.model.generate(
            prompt, temperature=temperature, max_tokens=self.max_tokens, random_state=int(draw)
        )
        continuation = detokenize(tokens)
        table = pd.DataFrame(
            {
                _COLUMNS[0]: [_shown(t) for t in top["token"]],
                _COLUMNS[1]: [fr_percent(p, 1) for p in top["p"]],
                _COLUMNS[2]: [fr_percent(p, 1) for p in top["p_temperature"]],
            },
            index=range(1, len(top) + 1),
        )
        html = styled_table(
            table,
            caption=(
                f"Les {len(top)} mots suivants les plus probables après « {prompt} » "
                f"(température {fr_number(temperature, 1)})"
            ),
            table_id=f"{self._table_id}_suivants",
            corner="Rang",
            text_columns=_COLUMNS,
        ).to_html()
        ended = (
            " La note s'arrête là (le modèle a choisi « fin de la note »)."
            if (tokens and tokens[-1] == END)
            else ""
        )
        self.output.value = (
            html + f"<p><b>Suite tirée au sort</b> (température {fr_number(temperature, 1)}, "
            f"tirage n° {int(draw)}) :<br><i>{escape(prompt)}</i> "
            f"<b>{escape(continuation)}</b></p>"
            + (f"<p>{escape(ended.strip())}</p>" if ended else "")
            + "<p style='font-size:90%'>Le même début, la même température et le même numéro "
            "de tirage donnent toujours la même suite. Changez le numéro pour un autre tirage."
            "</p>"
        )
        self.state = {
            "prompt": prompt,
            "temperature": temperature,
            "draw": int(draw),
            "top": top,
            "continuation": continuation,
        }
        return self.state

    def _ipython_display_(self) -> None:
        show_explorer(self.widget)
