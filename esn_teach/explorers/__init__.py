"""Interactive explorers (ipywidgets) used in the modules.

Each explorer exposes ``widget`` (what the notebook displays), ``controls``
(name → the ipywidgets control a student moves) and an ``update`` method; its
callback stays under 100 ms p95 (``bench/bench_modules.py``).

What every explorer shows follows the same rules: its figure is displayed at
the size it was drawn, never stretched, with the CSS class
:data:`FIGURE_CLASS` and a French text alternative (the ``<img>``'s title,
also written under the figure) that follows the controls; numbers, tick
labels and slider readouts (CSS class :data:`READOUT_CLASS`) use the decimal
comma.
"""

from esn_teach.explorers._ai_act_path import AiActPathExplorer
from esn_teach.explorers._ai_suggestion import AiSuggestionExplorer, team_accuracy
from esn_teach.explorers._anonymisation import AnonymisationExplorer
from esn_teach.explorers._controls import READOUT_CLASS
from esn_teach.explorers._cost_need import CostNeedExplorer, selection_by_group
from esn_teach.explorers._cost_need_variant import (
    cost_need_places,
    cost_need_reading,
    cost_need_seed,
    cost_need_statements,
)
from esn_teach.explorers._egfr import EgfrExplorer
from esn_teach.explorers._fairness import FairnessExplorer, forced_fpr
from esn_teach.explorers._figure import DESCRIPTION_CLASS, FIGURE_CLASS
from esn_teach.explorers._generation import GenerationExplorer
from esn_teach.explorers._legal_path import LegalPathExplorer
from esn_teach.explorers._oximetry import GroupAlarmStats, OximetryExplorer
from esn_teach.explorers._site_alert import SiteAlertExplorer, SiteAlertStats, site_alert_stats
from esn_teach.explorers._skin_mix import (
    SkinVariant,
    TrainingMixExplorer,
    missed_by_group,
    sensitivity_threshold,
    skin_variant,
    train_on_mix,
    training_mix_grid,
)
from esn_teach.explorers._threshold import ThresholdExplorer

__all__ = [
    "DESCRIPTION_CLASS",
    "FIGURE_CLASS",
    "READOUT_CLASS",
    "AiActPathExplorer",
    "AiSuggestionExplorer",
    "AnonymisationExplorer",
    "CostNeedExplorer",
    "EgfrExplorer",
    "FairnessExplorer",
    "GenerationExplorer",
    "GroupAlarmStats",
    "LegalPathExplorer",
    "OximetryExplorer",
    "SiteAlertExplorer",
    "SiteAlertStats",
    "SkinVariant",
    "ThresholdExplorer",
    "TrainingMixExplorer",
    "cost_need_places",
    "cost_need_reading",
    "cost_need_seed",
    "cost_need_statements",
    "forced_fpr",
    "missed_by_group",
    "selection_by_group",
    "sensitivity_threshold",
    "site_alert_stats",
    "skin_variant",
    "team_accuracy",
    "train_on_mix",
    "training_mix_grid",
]
