"""Interactive explorers (ipywidgets) used in the modules.

Each explorer exposes ``widget`` (what the notebook displays), ``controls``
(name → the ipywidgets control a student moves) and an ``update`` method; its
callback stays under 100 ms p95 (``bench/bench_modules.py``).
"""

from esn_teach.explorers._anonymisation import AnonymisationExplorer
from esn_teach.explorers._cost_need import CostNeedExplorer, selection_by_group
from esn_teach.explorers._fairness import FairnessExplorer, forced_fpr
from esn_teach.explorers._legal_path import LegalPathExplorer
from esn_teach.explorers._oximetry import GroupAlarmStats, OximetryExplorer
from esn_teach.explorers._threshold import ThresholdExplorer

__all__ = [
    "AnonymisationExplorer",
    "CostNeedExplorer",
    "FairnessExplorer",
    "GroupAlarmStats",
    "LegalPathExplorer",
    "OximetryExplorer",
    "ThresholdExplorer",
    "forced_fpr",
    "selection_by_group",
]
