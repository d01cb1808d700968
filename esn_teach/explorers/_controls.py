"""Explorer controls written the French way.

ipywidgets writes a ``FloatSlider``'s value with a d3 format (``readout_format``),
which only knows the decimal point: ``0.50``. :func:`french_readout` hides that
readout and writes the value beside the slider with a decimal comma. The slider
itself is unchanged: the keyboard still moves it, and an explorer's
``controls`` still holds the slider.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from esn_teach._formatting import fr_number

__all__ = ["READOUT_CLASS", "SLIDER_NAMES_SCRIPT", "french_readout", "show_explorer"]

#: CSS class of the French readout written beside a slider.
READOUT_CLASS = "esn-slider-readout"


def french_readout(
    slider: widgets.FloatSlider,
    *,
    digits: int = 2,
    suffix: str = "",
    formatter: Callable[[float], str] | None = None,
) -> tuple[widgets.HBox, widgets.Label]:
    """Replace the readout of ``slider`` by its value written with a decimal comma.

    Parameters
    ----------
    slider : ipywidgets.FloatSlider
        The slider; its own readout is turned off.
    digits : int, default=2
        Decimals written.
    suffix : str, default=""
        Written after the number (a unit), e.g. ``" points"``.
    formatter : callable, optional
        Writes the value instead of :func:`esn_teach._formatting.fr_number`
        (``digits`` and ``suffix`` are then ignored).

    Returns
    -------
    box : ipywidgets.HBox
        The slider and its readout, to display instead of the slider.
    readout : ipywidgets.Label
        The readout (CSS class :data:`READOUT_CLASS`), updated whenever the
        slider moves.
    """
    slider.readout = False
    readout = widgets.Label(layout=widgets.Layout(min_width="4em", margin="0 0 0 6px"))
    readout.add_class(READOUT_CLASS)

    def write(change: object = None) -> None:
        value = float(slider.value)
        readout.value = formatter(value) if formatter else f"{fr_number(value, digits)}{suffix}"

    write()
    slider.observe(write, names="value")
    box = widgets.HBox([slider, readout], layout=widgets.Layout(align_items="center"))
    return box, readout


#: Gives every ipywidgets slider handle an accessible name and a French value.
#:
#: ipywidgets draws a slider with noUiSlider, whose handle (``role="slider"``, the
#: element that takes the keyboard focus) has no accessible name: a screen reader
#: says "curseur, 0.52" without saying which setting, and axe-core reports a serious
#: violation (aria-input-field-name). Neither ipywidgets nor noUiSlider's
#: ipywidgets binding lets Python name it, and noUiSlider writes ``aria-valuetext``
#: with a decimal point. This script, shown (invisibly) with each explorer, names
#: each handle after its slider's French description and writes its value with a
#: decimal comma, and keeps doing so as JupyterLab redraws sliders. It runs where
#: the explorer runs (JupyterLab executes scripts of the outputs it trusts, i.e.
#: those of the session) and does nothing else.
SLIDER_NAMES_SCRIPT = r"""<script>
(() => {
  if (window.esnTeachSliderNames) return;
  window.esnTeachSliderNames = true;
  const name = (handle) => {
    const slider = handle.closest('.widget-slider');
    const label = slider && slider.querySelector('.widget-label');
    return label ? label.textContent.trim() : '';
  };
  const fix = () => {
    document.querySelectorAll('.widget-slider .noUi-handle').forEach((handle) => {
      const wanted = name(handle);
      if (wanted && handle.getAttribute('aria-label') !== wanted) {
        handle.setAttribute('aria-label', wanted);
      }
      const text = handle.getAttribute('aria-valuetext');
      if (text && /\d\.\d/.test(text)) {
        handle.setAttribute('aria-valuetext', text.replace(/(\d)\.(\d)/g, '$1,$2'));
      }
    });
  };
  let pending = false;
  const later = () => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(() => { pending = false; fix(); });
    }
  };
  new MutationObserver(later).observe(document.body, {
    subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuetext'],
  });
  fix();
})();
</script>"""


def show_explorer(widget: Any) -> None:
    """Display an explorer's widget, with :data:`SLIDER_NAMES_SCRIPT` before it.

    Parameters
    ----------
    widget : ipywidgets.Widget
        The explorer's whole view.
    """
    from IPython.display import HTML, display

    display(HTML(SLIDER_NAMES_SCRIPT), widget)
