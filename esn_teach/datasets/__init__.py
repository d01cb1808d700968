"""Datasets for the course: real data bundled with scikit-learn and synthetic generators.

Every loader and generator returns a scikit-learn style :class:`~sklearn.utils.Bunch`
whose ``DESCR`` is the dataset's data card (in French), and whose ``labels_fr``
maps each column to a French display label. Synthetic frames carry
``frame.attrs["synthetic"] = True`` and the calibration source in
``frame.attrs["source"]``. Nothing is downloaded.
"""

from esn_teach.privacy import unique_share  # the measure lives in privacy

from ._ai_act_cards import AI_ACT_CARD_COUNTS, ai_act_cards
from ._base import CARD_SECTIONS, available_cards, load_card
from ._card import DataCard, data_card
from ._clinical_notes import REFERENCE_DOSES, dose_in_mg, make_clinical_notes
from ._egfr import egfr_ckd_epi_2009, egfr_ckd_epi_2021, gfr_category, make_egfr_cohort
from ._obermeyer import (
    enrolled,
    fit_risk_score,
    make_cost_vs_need_cohort,
    programme_shares,
    top_share,
)
from ._oximetry import (
    OXIMETRY_CASE_SEEDS,
    make_pulse_oximetry,
    occult_hypoxemia_rate,
    oximetry_case_seed,
)
from ._readmission import (
    READMISSION_CASE_SEEDS,
    make_readmission_cohort,
    other_hospital_audit,
    readmission_case_seed,
)
from ._real import load_breast_cancer_wdbc, load_diabetes_progression
from ._registry import make_french_registry, make_voter_list
from ._sepsis import (
    SEPSIS_CASE_SEEDS,
    SEPSIS_H2_CASE_MIXES,
    SEPSIS_H2_PREVALENCES,
    make_sepsis_hospitals,
    sepsis_case_mix,
    sepsis_case_prevalence,
    sepsis_case_seed,
)
from ._skin import make_skin_lesions

__all__ = [
    "AI_ACT_CARD_COUNTS",
    "CARD_SECTIONS",
    "DATASET_CARDS",
    "OXIMETRY_CASE_SEEDS",
    "READMISSION_CASE_SEEDS",
    "REFERENCE_DOSES",
    "SEPSIS_CASE_SEEDS",
    "SEPSIS_H2_CASE_MIXES",
    "SEPSIS_H2_PREVALENCES",
    "DataCard",
    "ai_act_cards",
    "available_cards",
    "data_card",
    "dose_in_mg",
    "egfr_ckd_epi_2009",
    "egfr_ckd_epi_2021",
    "enrolled",
    "fit_risk_score",
    "gfr_category",
    "load_breast_cancer_wdbc",
    "load_card",
    "load_diabetes_progression",
    "make_clinical_notes",
    "make_cost_vs_need_cohort",
    "make_egfr_cohort",
    "make_french_registry",
    "make_pulse_oximetry",
    "make_readmission_cohort",
    "make_sepsis_hospitals",
    "make_skin_lesions",
    "make_voter_list",
    "occult_hypoxemia_rate",
    "other_hospital_audit",
    "oximetry_case_seed",
    "programme_shares",
    "readmission_case_seed",
    "sepsis_case_mix",
    "sepsis_case_prevalence",
    "sepsis_case_seed",
    "top_share",
    "unique_share",
]

#: Public loaders and generators, each with the name of its data card.
DATASET_CARDS: dict[str, str] = {
    "load_breast_cancer_wdbc": "breast_cancer_wdbc",
    "load_diabetes_progression": "diabetes_progression",
    "make_cost_vs_need_cohort": "cost_vs_need_cohort",
    "make_pulse_oximetry": "pulse_oximetry",
    "make_readmission_cohort": "readmission_cohort",
    "make_egfr_cohort": "egfr_cohort",
    "make_sepsis_hospitals": "sepsis_hospitals",
    "make_french_registry": "french_registry",
    "make_voter_list": "voter_list",
    "make_skin_lesions": "skin_lesions",
    "make_clinical_notes": "clinical_notes",
}
