"""How an explorer shows its figure: at its drawn size, with a French text alternative.

An explorer's figure is a PNG in an ipywidgets ``Image``, beside a table in an
``HBox``. Two things go wrong by default in the browser:

- flexbox stretches an item whose height is ``auto`` to the height of its row
  (``align-items: stretch``), so a figure beside a taller table was shown
  distorted (414 × 396 pixels drawn, 414 × 514 shown). :class:`ExplorerFigure`
  gives the image the PNG's own size, read from its header, and its boxes
  ``align-items: flex-start``;
- an ``<img>`` without a text alternative is announced as "image". ipywidgets
  8.1's ``Image`` has no ``alt`` trait; its only attribute a widget can set on
  the ``<img>`` is ``title``, through the ``tooltip`` trait of every
  ``DOMWidget``. The text alternative therefore goes into ``tooltip`` (the
  ``<img>``'s ``title``, which is its accessible name when it has no ``alt``)
  and, for every reader, in a caption written under the figure.
"""

from __future__ import annotations

from html import escape

import ipywidgets as widgets
from traitlets import Unicode

__all__ = [
    "DESCRIPTION_CLASS",
    "FIGURE_CLASS",
    "ExplorerFigure",
    "png_size",
    "side_by_side",
]

#: CSS class of every explorer's figure (the ``<img>``), for the browser tests.
FIGURE_CLASS = "esn-explorer-figure"
#: CSS class of the caption that writes the figure's text alternative under it.
DESCRIPTION_CLASS = "esn-explorer-figure-description"

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(png: bytes) -> tuple[int, int]:
    """Return the ``(width, height)`` in pixels written in a PNG's header.

    Parameters
    ----------
    png : bytes
        A PNG image.

    Returns
    -------
    (int, int)

    Raises
    ------
    ValueError
        If ``png`` does not start with a PNG signature and header.
    """
    if len(png) < 24 or png[:8] != _PNG_SIGNATURE or png[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


class _TitledImage(widgets.Image):
    """An ``Image`` whose ``tooltip`` becomes the ``<img>``'s ``title``.

    ipywidgets 8.1's front end sets the ``title`` in ``DOMWidgetView.updateTooltip``
    only when ``model.get("description").length === 0``. ``Image`` has no
    ``description``, so there that reads the length of ``undefined`` and the
    view fails ("Error displaying widget") as soon as a tooltip is set. An
    empty, synchronised ``description`` makes the test pass; it is shown nowhere.
    """

    description = Unicode("", help="Always empty: lets the front end show the tooltip.").tag(
        sync=True
    )


def side_by_side(*children: widgets.Widget) -> widgets.HBox:
    """Put a table and a figure in a row, each at its own height (a figure is never stretched).

    The row wraps: in a notebook too narrow for both, the figure goes under the
    table instead of making the row scroll. A child that is not a figure (a
    table) takes the width the figure leaves, and at least 360 pixels.

    Parameters
    ----------
    *children : ipywidgets.Widget
        Left to right, e.g. a table and an :attr:`ExplorerFigure.widget`.

    Returns
    -------
    ipywidgets.HBox
    """
    for child in children:
        if not any(isinstance(w, widgets.Image) for w in getattr(child, "children", ())):
            child.layout.flex = "1 1 360px"
    return widgets.HBox(
        list(children), layout=widgets.Layout(align_items="flex-start", flex_flow="row wrap")
    )


class ExplorerFigure:
    """An explorer's figure, shown at the size it was drawn, with a text alternative.

    Attributes
    ----------
    image : ipywidgets.Image
        The figure (CSS class :data:`FIGURE_CLASS`); its ``tooltip`` is the
        text alternative, which the browser puts in the ``<img>``'s ``title``.
    description : ipywidgets.HTML
        The same text, written under the figure (CSS class :data:`DESCRIPTION_CLASS`).
    widget : ipywidgets.VBox
        The image and its caption, which wraps at the image's width.
    alt : str
        The current text alternative.
    """

    def __init__(self) -> None:
        self.image = _TitledImage(format="png")
        self.image.add_class(FIGURE_CLASS)
        self.description = widgets.HTML()
        self.description.add_class(DESCRIPTION_CLASS)
        self.widget = widgets.VBox(
            [self.image, self.description], layout=widgets.Layout(align_items="flex-start")
        )
        self.alt = ""
        self._size: tuple[int, int] | None = None

    def show(self, png: bytes, alt: str) -> None:
        """Show ``png`` at its own size, described by ``alt``.

        Parameters
        ----------
        png : bytes
            The figure, as drawn by the explorer.
        alt : str
            What it shows, in French.
        """
        size = png_size(png)
        if size != self._size:
            self._size = size
            width, height = (f"{pixels}px" for pixels in size)
            # The drawn size, never stretched by the row; narrower only if the notebook
            # is narrower than the figure, and then scaled without distortion.
            self.image.layout = widgets.Layout(
                width=width,
                height=height,
                max_width="100%",
                object_fit="contain",
                align_self="flex-start",
                flex="0 0 auto",
            )
            self.image.width, self.image.height = (str(pixels) for pixels in size)
            # The caption wraps at the figure's width; the column fits both, margins
            # included (a column as wide as the image would scroll by their 4 px).
            self.description.layout = widgets.Layout(width=width, max_width="100%")
            self.widget.layout.flex = "0 0 auto"  # a table beside it yields its space first
        self.image.value = png
        if alt != self.alt:
            self.alt = alt
            self.image.tooltip = alt
            self.description.value = (
                f'<p style="font-size:90%;margin:2px 0 0;line-height:1.3">'
                f"<i>Ce que montre la figure :</i> {escape(alt)}</p>"
            )
