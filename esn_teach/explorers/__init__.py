"""Interactive explorers (ipywidgets) used in the modules."""

from esn_teach.explorers._threshold import ThresholdExplorer

__all__ = ["ThresholdExplorer"]
