"""Module 04's question 5 b is graded at the student's own threshold of question 5 a.

Its visible check keeps, for every threshold 5 a can take, the digest of the right answer at
that threshold. The pipeline tests only run the solution (the right threshold); these digests
must follow the generated data at every other threshold too.
"""

from __future__ import annotations

import ast
import re

import numpy as np
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


# --- The evaluated session: each student's own cases (checks.student_seed) -------------------

AUDIT_LABELS = ("un mois", "un an", "six mois")


def _newcombe_excludes_zero(black: tuple[int, int], white: tuple[int, int]) -> bool:
    from esn_teach.evaluation import proportion_ci

    (k1, n1), (k2, n2) = black, white
    p1, p2 = k1 / n1, k2 / n2
    (low1, high1), (low2, high2) = proportion_ci(k1, n1), proportion_ci(k2, n2)
    low = p1 - p2 - np.hypot(p1 - low1, high2 - p2)
    high = p1 - p2 + np.hypot(high1 - p1, p2 - low2)
    return bool(low > 0 or high < 0)


def evaluation_answers(student: str, monkeypatch) -> dict[str, object]:
    """Each autograded answer of module 04's evaluated session for ``student``, and the
    figures its questions take for granted (computed with the library, as the hidden tests do)."""
    from sklearn.metrics import recall_score

    from esn_teach.datasets import occult_hypoxemia_rate

    monkeypatch.setenv(checks.STUDENT_ENV, student)
    seed = checks.student_seed("04", announce=False)
    frame = make_pulse_oximetry(
        n_samples=_constant("N_PAIRES"), device_bias=_constant("BIAIS_APPAREIL"), random_state=seed
    ).frame
    black = (frame["race"].astype(str) == "Black").to_numpy()
    hypox = (frame["sao2"] < 88).to_numpy()
    spo2, sao2 = frame["spo2"].to_numpy(), frame["sao2"].to_numpy()
    target = recall_score(hypox[~black], spo2[~black] < 92)
    threshold = min(
        s for s in range(92, 101) if recall_score(hypox[black], spo2[black] < s) >= target
    )
    rings = spo2 < threshold
    error = spo2 - sao2
    draw = np.random.default_rng([seed, 2])
    month = [((3, 20), (4, 80)), ((3, 20), (3, 60)), ((4, 20), (6, 80))][draw.integers(3)]
    six = [((12, 100), (20, 400)), ((13, 100), (24, 400)), ((10, 100), (24, 400)),
           ((11, 120), (24, 400))][draw.integers(4)]  # fmt: skip
    audits = {"un mois": month, "un an": tuple((10 * k, 10 * n) for k, n in month),
              "six mois": six}  # fmt: skip
    cases = np.random.default_rng([seed, 7])
    spo2_mk, sao2_mk, spo2_r, sao2_r = (
        int(cases.integers(low, high)) for low, high in ((92, 97), (82, 88), (89, 96), (89, 95))
    )

    def cell(shown: int, measured: int) -> str:
        alarm = shown < 92
        truth = "vrai " if alarm == (measured < 88) else "faux "
        return truth + ("positif" if alarm else "négatif")

    order = list(np.random.default_rng([seed, 6]).permutation(4))
    service = spo2 < 92
    return {
        "taux_occulte_noirs": round(
            float(occult_hypoxemia_rate(frame.assign(noir=black), by="noir")[True]), 3
        ),
        "conclusion_audit": tuple(
            "écart" if _newcombe_excludes_zero(*audits[label]) else "?" for label in AUDIT_LABELS
        ),
        "sensibilite_noirs": round(float(recall_score(hypox[black], service[black])), 3),
        "situations": (cell(spo2_mk, sao2_mk), cell(sao2_mk, sao2_mk), cell(spo2_r, sao2_r)),
        "seuil_alarme": threshold,
        "part_alarmes_sans_hypoxemie": round(float((rings & ~hypox).sum() / rings.sum()), 3),
        "ecart_seuil_releve": "ABCD"[order.index(2)],
        "ecart_biais": round(float(error[black & hypox].mean() - error[~black & hypox].mean()), 1),
        # What the questions' texts take for granted, for every student:
        "_rate_white": float(occult_hypoxemia_rate(frame.assign(noir=black), by="noir")[False]),
        "_false_alarms": tuple(
            float((service[group] & ~hypox[group]).sum() / (~hypox[group]).sum())
            for group in (black, ~black)
        ),
        "_raised": tuple(
            float(recall_score(hypox[group], rings[group])) for group in (black, ~black)
        ),
    }


STUDENTS = ("alice", "bruno", "chloe", "david", "emma", "farid")


def test_module_04_evaluation_answers_vary_and_stay_sensible(monkeypatch):
    answers = [evaluation_answers(student, monkeypatch) for student in STUDENTS]
    for name in ("taux_occulte_noirs", "sensibilite_noirs", "part_alarmes_sans_hypoxemie"):
        assert len({a[name] for a in answers}) >= 4, name
    for name in ("ecart_biais", "seuil_alarme", "ecart_seuil_releve", "conclusion_audit"):
        assert len({a[name] for a in answers}) >= 2, name
    for a in answers:
        # The study's published rate is 11.7 % (Sjoding et al., 2020); each sample stays near.
        assert 0.07 < a["taux_occulte_noirs"] < 0.17
        assert a["_rate_white"] < a["taux_occulte_noirs"]
        assert 0.4 < a["sensibilite_noirs"] < 0.9
        assert 93 <= a["seuil_alarme"] <= 97, "a raised threshold exists, a few points up"
        assert 0.3 < a["part_alarmes_sans_hypoxemie"] < 0.9
        assert 2.5 < a["ecart_biais"] < 6
        assert a["conclusion_audit"][:2] == ("?", "écart"), "one month: inconclusive; a year: not"
        assert a["situations"][:2] == ("faux négatif", "vrai positif"), "M. K.'s story holds"
        assert a["situations"][2] in ("faux positif", "vrai négatif")
        # Question 7: fewer alarms without hypoxaemia in Black patients; question 6 c: White
        # patients stay better protected at the raised threshold.
        assert a["_false_alarms"][0] < a["_false_alarms"][1]
        assert a["_raised"][0] < a["_raised"][1]
