"""Every explorer is shown with the script that names its sliders for screen readers."""

from __future__ import annotations

import pytest

from esn_teach.explorers import ThresholdExplorer
from esn_teach.explorers._controls import SLIDER_NAMES_SCRIPT, show_explorer


def test_script_names_handles_and_writes_a_decimal_comma():
    assert SLIDER_NAMES_SCRIPT.startswith("<script>") and SLIDER_NAMES_SCRIPT.endswith("</script>")
    assert "setAttribute('aria-label'" in SLIDER_NAMES_SCRIPT
    assert "aria-valuetext" in SLIDER_NAMES_SCRIPT and "'$1,$2'" in SLIDER_NAMES_SCRIPT
    assert "window.esnTeachSliderNames" in SLIDER_NAMES_SCRIPT  # one observer per page
    assert "http" not in SLIDER_NAMES_SCRIPT  # nothing fetched


def test_explorers_display_the_script_then_the_widget(monkeypatch: pytest.MonkeyPatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda *objects: shown.append(objects))
    explorer = ThresholdExplorer([0, 1, 0, 1], [0.1, 0.8, 0.4, 0.6])
    explorer._ipython_display_()
    ((script, widget),) = shown
    assert script.data == SLIDER_NAMES_SCRIPT
    assert widget is explorer.widget
    show_explorer(explorer.widget)
    assert len(shown) == 2
