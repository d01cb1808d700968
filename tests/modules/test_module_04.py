"""Module 04's question 5 b is graded at the student's own threshold of question 5 a.

Its visible check keeps, for every threshold 5 a can take, the digest of the right answer at
that threshold. The pipeline tests only run the solution (the right threshold); these digests
must follow the generated data at every other threshold too.
"""

from __future__ import annotations

import ast
import re

from esn_fixtures import NOTEBOOKS

from esn_teach import checks
from esn_teach.datasets import make_pulse_oximetry

SOURCE = NOTEBOOKS / "04_oxymetre_biais_mesure.py"


def _constant(name: str) -> object:
    text = SOURCE.read_text(encoding="utf-8")
    found = re.search(rf"^{name} = (.+?)(?:  #|$)", text, flags=re.M)
    assert found, f"{name} is no longer defined in module 04"
    return ast.literal_eval(found.group(1))


def _digests_q5b() -> dict[int, str]:
    text = SOURCE.read_text(encoding="utf-8")
    found = re.search(r"^EMPREINTES_Q5B = (\{.*?^\})", text, flags=re.M | re.S)
    assert found, "question 5 b no longer keeps one digest per threshold"
    digests = ast.literal_eval(found.group(1))
    assert isinstance(digests, dict)
    return digests


def test_module_04_question_5b_digests_follow_the_data_at_every_threshold():
    frame = make_pulse_oximetry(
        n_samples=_constant("N_PAIRES"),
        device_bias=_constant("BIAIS_APPAREIL"),
        random_state=_constant("GRAINE"),
    ).frame
    spo2 = frame["spo2"].to_numpy()
    hypox = (frame["sao2"] < _constant("SEUIL_HYPOXEMIE")).to_numpy()
    digests = _digests_q5b()
    assert sorted(digests) == list(range(_constant("SEUIL_ALARME") + 1, 101))
    for seuil, digest in digests.items():
        alarms = spo2 < seuil
        share = (alarms & ~hypox).sum() / alarms.sum()
        assert checks.answer_digest(share, name="part_alarmes_sans_hypoxemie") == digest, seuil
    # Distinct digests: a right calculation at one threshold is never taken for another's.
    assert len(set(digests.values())) == len(digests)
