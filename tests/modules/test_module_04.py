"""Module 04's question 5 b is graded at the student's own threshold of question 5 a.

Its visible check keeps, for every threshold 5 a can take, the digest of the right answer at
that threshold. The pipeline tests only run the solution (the right threshold); these digests
must follow the generated data at every other threshold too.
"""

from __future__ import annotations

import ast
import functools
import re

import numpy as np
import pytest
from esn_fixtures import NOTEBOOKS

from esn_teach import checks
from esn_teach.datasets import make_pulse_oximetry, oximetry_case_seed

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


def _newcombe_bounds(black: tuple[int, int], white: tuple[int, int]) -> tuple[float, float]:
    """The Newcombe 95 % interval of the gap (Black minus White rate), as the hidden test."""
    from esn_teach.evaluation import proportion_ci

    (k1, n1), (k2, n2) = black, white
    p1, p2 = k1 / n1, k2 / n2
    (low1, high1), (low2, high2) = proportion_ci(k1, n1), proportion_ci(k2, n2)
    return p1 - p2 - np.hypot(p1 - low1, high2 - p2), p1 - p2 + np.hypot(high1 - p1, p2 - low2)


def _newcombe_excludes_zero(black: tuple[int, int], white: tuple[int, int]) -> bool:
    low, high = _newcombe_bounds(black, white)
    return bool(low > 0 or high < 0)


def _gap(black: tuple[int, int], white: tuple[int, int]) -> float:
    """The gap between the two rates (Black minus White), without its margin."""
    return black[0] / black[1] - white[0] / white[1]


@functools.cache
def _pool(name: str) -> list:
    """A pool of audits the evaluated session draws from, read from the notebook (once per
    name: the tests draw hundreds of copies)."""
    text = SOURCE.read_text(encoding="utf-8")
    found = re.search(rf"^{name} = (\[.*?\])$", text, flags=re.M | re.S)
    assert found, f"{name} is no longer defined in module 04"
    pool = ast.literal_eval(found.group(1))
    # The hidden test of question 2 recomputes the draw from the same pool.
    assert str(pool).replace(" ", "") in text.replace(" ", "").replace("\n", ""), name
    return pool


def _drawn_audits(seed: int) -> dict[str, tuple]:
    """The three audits of a copy by role: "un mois" (small or large; its gap interval holds
    0), "un an" (its gap interval clearly excludes 0, or, on one copy in two, a medium audit
    whose gap interval holds 0), "six mois" (medium: overlapping rate intervals and a gap
    interval that excludes 0, on every copy: review 04 d23, lecturer finding 2).
    How many audits cannot conclude varies, 1 or 2 (reviews 04 d18 and d22, lecturer finding 2
    then 3: never 0, so that « écart » everywhere never pays in full)."""
    draw = np.random.default_rng([seed, 2])
    months = _pool("UN_MOIS_POSSIBLES")
    i_month = draw.integers(3)
    six = _pool("SIX_MOIS_POSSIBLES")[draw.integers(4)]
    clears = _pool("ECART_NET_POSSIBLES")
    i_clear = draw.integers(4)
    close = _pool("TAUX_PROCHES_POSSIBLES")[draw.integers(4)]
    small = draw.integers(2) == 0
    variant = draw.integers(6)
    six_bis = _pool("SIX_MOIS_BIS_POSSIBLES")[draw.integers(4)]
    tenfold = [tuple((10 * k, 10 * n) for k, n in audit) for audit in months]
    audits = [months[i_month], clears[i_clear], six] if small else [close, tenfold[i_month], six]
    if variant >= 3:
        audits[1] = six_bis
    return dict(zip(AUDIT_LABELS, audits, strict=True))


def _drawn_patients(seed: int) -> tuple[int, int, int, int]:
    """M. K.'s and Mme R.'s measures for a copy, read from the notebook's draw (review 04 d22,
    lecturer finding 1: M. K. is always hypoxaemic; Mme R.'s cell varies between copies)."""
    cases = np.random.default_rng([seed, 7])
    r_pool = _pool("MESURES_MME_R_POSSIBLES")
    (spo2_r, sao2_r) = r_pool[cases.integers(len(r_pool))]
    spo2_mk, sao2_mk = _constant("MESURES_M_K")  # type: ignore[misc]
    return (
        int(cases.integers(*spo2_mk)),
        int(cases.integers(*sao2_mk)),
        int(cases.integers(*spo2_r)),
        int(cases.integers(*sao2_r)),
    )


def _cell(shown: int, measured: int) -> str:
    alarm = shown < 92
    truth = "vrai " if alarm == (measured < 88) else "faux "
    return truth + ("positif" if alarm else "négatif")


def _severinghaus_pao2(sao2: float) -> float:
    """PaO2 (mmHg) for a SaO2 (%), inverting Severinghaus (1979)."""
    from scipy.optimize import brentq

    return brentq(lambda p: 100 / (23400 / (p**3 + 150 * p) + 1) - sao2, 1, 200)


def evaluation_answers(student: str, monkeypatch) -> dict[str, object]:
    """Each autograded answer of module 04's evaluated session for ``student``, and the
    figures its questions take for granted (computed with the library, as the hidden tests do)."""
    from sklearn.metrics import recall_score

    from esn_teach.datasets import occult_hypoxemia_rate

    monkeypatch.setenv(checks.STUDENT_ENV, student)
    seed = checks.student_seed("04", announce=False)
    frame = make_pulse_oximetry(
        n_samples=_constant("N_PAIRES"),
        device_bias=_constant("BIAIS_APPAREIL"),
        random_state=oximetry_case_seed(seed),
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
    audits = _drawn_audits(seed)
    spo2_mk, sao2_mk, spo2_r, sao2_r = _drawn_patients(seed)

    order = list(np.random.default_rng([seed, 6]).permutation(4))
    service = spo2 < 92
    calm = frame["spo2"].between(92, 96).to_numpy()
    # Question 1 asks one of two tasks per copy (the draw cell's stream 11).
    return {
        "taux_occulte_noirs": round(float((hypox & calm & black).sum() / (calm & black).sum()), 3),
        "conclusion_audit": tuple(
            "écart" if _newcombe_excludes_zero(*audits[label]) else "?" for label in AUDIT_LABELS
        ),
        # The letters (A, B, C) under which the copy shows the three audits (review d12, 1).
        "_audit_letters": tuple(
            checks.draw_slots(seed, "conclusion_audit", list(AUDIT_LABELS))[0].values()
        ),
        # Question 4's three measures under drawn letters, the exact oximeter on M. K. (a true
        # positive) on every copy (review 04 d16, finding 3): the letter key varies.
        "_q4_letters": tuple(
            checks.draw_slots(seed, "situations", ["M. K.", "oxymètre exact", "Mme R."])[0].values()
        ),
        "sensibilite_noirs": round(float(recall_score(hypox[black], service[black])), 3),
        "situations": (_cell(spo2_mk, sao2_mk), _cell(sao2_mk, sao2_mk), _cell(spo2_r, sao2_r)),
        # Questions 5 and 7 show their answers under letters drawn per copy (streams 15, 16).
        "_q5_q7_letters": tuple(
            "ABCDEF"[list(np.random.default_rng([seed, stream]).permutation(size)).index(key)]
            for stream, size, key in ((15, 6, 2), (16, 5, 1))
        ),
        "seuil_alarme": threshold,
        "part_alarmes_sans_hypoxemie": round(float((rings & ~hypox).sum() / rings.sum()), 3),
        "ecart_seuil_releve": "ABCD"[order.index(2)],
        "ecart_biais": round(float(error[black & hypox].mean() - error[~black & hypox].mean()), 1),
        # What the questions' texts take for granted, for every student:
        "_rate_white": float((hypox & calm & ~black).sum() / (calm & ~black).sum()),
        "_study_rates": tuple(
            float(occult_hypoxemia_rate(frame.assign(noir=black), by="noir")[group])
            for group in (True, False)
        ),
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
    # Questions 2 and 4 show their items under letters in a drawn order, and (review 04 d18,
    # lecturer findings 1 and 2) their keys themselves vary between copies.
    assert len({a["_audit_letters"] for a in answers}) >= 3
    assert len({a["_q4_letters"] for a in answers}) >= 3
    for name in ("ecart_biais", "seuil_alarme", "ecart_seuil_releve"):
        assert len({a[name] for a in answers}) >= 2, name
    assert len({a["_q5_q7_letters"] for a in answers}) >= 4
    for a in answers:
        # The study's published rate is 11.7 % (Sjoding et al., 2020); each sample stays near.
        assert 0.07 < a["_study_rates"][0] < 0.17
        assert a["_study_rates"][1] < a["_study_rates"][0]
        assert a["_rate_white"] < a["taux_occulte_noirs"] < 0.17
        assert 0.4 < a["sensibilite_noirs"] < 0.9
        assert 93 <= a["seuil_alarme"] <= 97, "a raised threshold exists, a few points up"
        assert 0.3 < a["part_alarmes_sans_hypoxemie"] < 0.9
        assert 2.5 < a["ecart_biais"] < 6
        # The medium audit whose rate intervals overlap always concludes (d23, finding 2).
        assert a["conclusion_audit"][2] == "écart", "the medium overlapping audit concludes"
        # M. K. is always a false negative, a true positive with the exact oximeter (d22, 1).
        assert a["situations"][:2] == ("faux négatif", "vrai positif"), a["situations"]
        # Question 7: fewer alarms without hypoxaemia in Black patients; question 6 c: White
        # patients stay better protected at the raised threshold.
        assert a["_false_alarms"][0] < a["_false_alarms"][1]
        assert a["_raised"][0] < a["_raised"][1]
    assert len({a["conclusion_audit"] for a in answers}) >= 2, "question 2's keys vary"
    assert len({a["situations"] for a in answers}) >= 2, "question 4's keys vary"


def _rates_overlap(black: tuple[int, int], white: tuple[int, int]) -> bool:
    from esn_teach.evaluation import proportion_ci

    (low1, high1), (low2, high2) = proportion_ci(*black), proportion_ci(*white)
    return bool(low1 < high2 and low2 < high1)


@pytest.mark.slow
def test_module_04_every_draw_keeps_each_trap(monkeypatch):
    """Equal difficulty with varying keys (lecturer's reviews d10, d18 and d22): over 600
    identifiers, questions 2 and 4 keep their traps, their keys vary between copies, no
    constant answer earns a sure point, and reading the screen as the truth earns at most a
    third of question 4's points on average (d22, finding 1)."""
    keys, sets, inconclusive, q4_keys = set(), set(), {}, {}
    constant_scores: dict[str, list[float]] = {}
    formative_scores, screen_scores = [], []
    options = ("vrai positif", "faux positif", "faux négatif", "vrai négatif")
    for number in range(600):
        monkeypatch.setenv(checks.STUDENT_ENV, f"etu{number:03d}")
        seed = checks.student_seed("04", announce=False)
        audits = _drawn_audits(seed)
        key = {label: _newcombe_excludes_zero(*audits[label]) for label in AUDIT_LABELS}
        # The medium audit always concludes while its rate intervals overlap (d23, finding 2:
        # the overlap rule never pays in full); « un an » concludes clearly, or, on one copy in
        # two, is a medium audit whose gap interval holds 0.
        assert key["six mois"], audits
        if key["un an"]:
            assert not _rates_overlap(*audits["un an"]), audits["un an"]
        else:
            assert audits["un an"][0][1] in range(100, 121), audits
        n_open = sum(not v for v in key.values())
        inconclusive[n_open] = inconclusive.get(n_open, 0) + 1
        assert audits["six mois"][0][1] in range(100, 121), audits
        sizes = audits["un mois"][0][1]
        assert sizes in (20, 200), audits
        sets.add(sizes)
        # The medium audit keeps the overlap trap: its rate intervals overlap whatever its key.
        assert _rates_overlap(*audits["six mois"]), audits["six mois"]
        for label in AUDIT_LABELS:
            # Decided at a glance: the deciding bound is at least a point away from 0 (the cell
            # prints whole points); the White patients' rate stays between 3 and 10 %.
            low, high = _newcombe_bounds(*audits[label])
            assert low >= 0.01 or low <= -0.01 < 0.01 <= high, (label, audits[label])
            k_white, n_white = audits[label][1]
            assert 0.03 <= k_white / n_white <= 0.10, (label, audits[label])
        for answer in (True, False):  # « écart » everywhere, or « on ne peut pas conclure »
            score = sum(1 if answer == key[lab] else -1 for lab in AUDIT_LABELS)
            constant_scores.setdefault(f"q2 {answer}", []).append(max(score, 0))
        spo2_mk, sao2_mk, spo2_r, sao2_r = _drawn_patients(seed)
        answer = (_cell(spo2_mk, sao2_mk), _cell(sao2_mk, sao2_mk), _cell(spo2_r, sao2_r))
        q4_keys[answer] = q4_keys.get(answer, 0) + 1
        # Never one answer for all three. M. K. is always hypoxaemic under a reassuring screen,
        # as in section 1 (d22, finding 1: a confused patient at SaO2 90 % is no « vrai
        # négatif »): a false negative, a true positive with the exact oximeter (the bias
        # changes the cell, not the disease).
        assert len(set(answer)) >= 2, answer
        assert 93 <= spo2_mk <= 95 and 84 <= sao2_mk <= 87, (spo2_mk, sao2_mk)
        assert answer[:2] == ("faux négatif", "vrai positif"), answer
        # A non-hypoxaemic Mme R. never has a SaO2 under 92 % (PaO2 under 60 mmHg near 90 %).
        assert sao2_r < 88 or sao2_r >= 92, sao2_r
        screen = (_cell(spo2_mk, spo2_mk), _cell(sao2_mk, sao2_mk), _cell(spo2_r, spo2_r))
        right = sum(s == cell for s, cell in zip(screen, answer, strict=True))
        screen_scores.append(max(right - (3 - right) / 3, 0))
        # Values away from the thresholds: no SpO2 of 92, no SaO2 of 88.
        assert 92 not in (spo2_mk, spo2_r) and 88 not in (sao2_mk, sao2_r)
        # Mme R. called hypoxaemic in the French sense only where the source allows it (lecturer
        # finding 7): a false positive has a SaO2 of 92 to 94 % (PaO2 under 80 mmHg).
        if answer[2] == "faux positif":
            assert 92 <= sao2_r <= 94 and _severinghaus_pao2(sao2_r) < 80, sao2_r
        # « The screen tells the truth » never scores on M. K. when he is a false negative.
        if answer[0] == "faux négatif":
            assert _cell(spo2_mk, spo2_mk) != answer[0]
        for option in options:
            right = sum(option == cell for cell in answer)
            constant_scores.setdefault(f"q4 {option}", []).append(max(right - (3 - right) / 3, 0))
        formative = ("faux négatif", "vrai positif", "faux positif")
        right = sum(f == cell for f, cell in zip(formative, answer, strict=True))
        formative_scores.append(max(right - (3 - right) / 3, 0))
        keys.add((audits["six mois"], spo2_mk, sao2_mk, spo2_r, sao2_r))
    assert len(keys) >= 50, "the draw still gives different cases to different students"
    assert sets == {20, 200}, "both sets of audits are drawn"
    # Question 2: 1 or 2 audits cannot conclude, each on a fair share of copies; never 0.
    assert set(inconclusive) == {1, 2} and min(inconclusive.values()) >= 200, inconclusive
    # Question 4: several keys, none on most copies.
    assert len(q4_keys) >= 4 and max(q4_keys.values()) < 0.45 * 600, q4_keys
    # No constant answer earns a sure point, nor more than 1 point of 3 on average. Since M. K.
    # is always a false negative and a true positive with the exact oximeter (d22, 1), « vrai
    # positif » or « faux négatif » everywhere is sure of one measure of three: 1/3 of a point.
    # The screen taken as the truth earns at most a third of the points on average, never 3.
    for name, found in constant_scores.items():
        assert min(found) <= 1 / 3 + 1e-9 and np.mean(found) <= 1, (name, np.mean(found))
        if name.startswith("q2"):
            assert min(found) == 0, name
    assert max(screen_scores) <= 5 / 3 + 1e-9 and np.mean(screen_scores) <= 1, np.mean(
        screen_scores
    )
    # The formative's answers (by name) keep M. K.'s two cells, the module's lesson, but full
    # marks on fewer than half of the copies (Mme R. a false positive on three ranges of 8).
    assert np.mean([s == 3 for s in formative_scores]) < 0.45, formative_scores


def test_module_04_every_copy_has_an_inconclusive_audit():
    """Review 04 d22, lecturer finding 3: whatever the draw (every combination of the pools,
    so every identifier), at least one audit of question 2 cannot conclude and at least one
    can: neither « écart » everywhere nor « on ne peut pas conclure » everywhere pays in full."""
    import itertools

    months = _pool("UN_MOIS_POSSIBLES")
    six_pool, six_bis_pool = _pool("SIX_MOIS_POSSIBLES"), _pool("SIX_MOIS_BIS_POSSIBLES")
    clears, close_pool = _pool("ECART_NET_POSSIBLES"), _pool("TAUX_PROCHES_POSSIBLES")
    tenfold = [tuple((10 * k, 10 * n) for k, n in audit) for audit in months]
    seen = 0
    for i_month, six, clear, close, small, bis in itertools.product(
        range(3), six_pool, clears, close_pool, (True, False), [None, *six_bis_pool]
    ):
        audits = [months[i_month], clear, six] if small else [close, tenfold[i_month], six]
        if bis is not None:
            audits[1] = bis
        open_ = sum(not _newcombe_excludes_zero(*audit) for audit in audits)
        assert 1 <= open_ <= 2, audits
        seen += 1
    assert seen == 3 * 4 * 4 * 4 * 2 * 5


def _rate_intervals_overlap(black: tuple[int, int], white: tuple[int, int]) -> bool:
    from esn_teach.evaluation import proportion_ci

    (low1, high1), (low2, high2) = proportion_ci(*black), proportion_ci(*white)
    return bool(low1 < high2 and low2 < high1)


def test_module_04_overlap_rule_never_pays_more_than_a_third():
    """Review 04 d23, lecturer finding 2: « overlapping rate intervals → cannot conclude »
    is the fallacy section 4 teaches against. Over every combination of the pools (so every
    identifier), that rule earns at most 1 of question 2's 3 points (+1 right, −1 wrong, floor
    0), because every copy keeps one audit whose rate intervals overlap while its gap interval
    excludes 0."""
    import itertools

    months = _pool("UN_MOIS_POSSIBLES")
    six_pool, six_bis_pool = _pool("SIX_MOIS_POSSIBLES"), _pool("SIX_MOIS_BIS_POSSIBLES")
    clears, close_pool = _pool("ECART_NET_POSSIBLES"), _pool("TAUX_PROCHES_POSSIBLES")
    tenfold = [tuple((10 * k, 10 * n) for k, n in audit) for audit in months]
    scores = []
    for i_month, six, clear, close, small, bis in itertools.product(
        range(3), six_pool, clears, close_pool, (True, False), [None, *six_bis_pool]
    ):
        audits = [months[i_month], clear, six] if small else [close, tenfold[i_month], six]
        if bis is not None:
            audits[1] = bis
        trap = [a for a in audits if _rate_intervals_overlap(*a) and _newcombe_excludes_zero(*a)]
        assert trap, audits
        right = sum(_rate_intervals_overlap(*a) != _newcombe_excludes_zero(*a) for a in audits)
        scores.append(max(0, right - (3 - right)))
    assert max(scores) <= 1, max(scores)


def test_module_04_overlap_rule_on_drawn_copies(monkeypatch):
    """The same over 500 identifiers, through the draw the notebook makes for each copy."""
    for i in range(500):
        monkeypatch.setenv(checks.STUDENT_ENV, f"etudiant{i}")
        audits = _drawn_audits(checks.student_seed("04", announce=False))
        assert _rate_intervals_overlap(*audits["six mois"])
        assert _newcombe_excludes_zero(*audits["six mois"])
        right = sum(
            _rate_intervals_overlap(*a) != _newcombe_excludes_zero(*a) for a in audits.values()
        )
        assert max(0, right - (3 - right)) <= 1


def _near_key(key: float, mistake: float, decimals: int) -> bool:
    """A named mistake within two units of the last graded decimal of the key."""
    return abs(round(key, decimals) - round(mistake, decimals)) <= 2 * 10**-decimals + 1e-12


@pytest.mark.slow
def test_module_04_no_named_mistake_scores_near_the_key(monkeypatch):
    """A named mistake never scores as the key (all reviews' rule): over 300 identifiers, each
    numeric named mistake of the evaluated hidden tests of questions 1, 3, 6 b and 8 stays more
    than two units of the last graded decimal away from the copy's key (library only)."""
    from sklearn.metrics import precision_score, recall_score

    for number in range(300):
        monkeypatch.setenv(checks.STUDENT_ENV, f"etu{number:03d}")
        frame = make_pulse_oximetry(
            n_samples=_constant("N_PAIRES"),
            device_bias=_constant("BIAIS_APPAREIL"),
            random_state=oximetry_case_seed(checks.student_seed("04", announce=False)),
        ).frame
        black = (frame["race"].astype(str) == "Black").to_numpy()
        hypox = (frame["sao2"] < 88).to_numpy()
        spo2 = frame["spo2"].to_numpy()
        calm = frame["spo2"].between(92, 96).to_numpy()
        ring92 = spo2 < 92
        error = spo2 - frame["sao2"].to_numpy()
        cases = []
        occult = (hypox & calm & black).sum()
        # Question 1: the occult rate among the reassuring pairs, one task for every copy
        # (review 04 d14, finding 2).
        key1 = occult / (calm & black).sum()
        cases += [
            (key1, m, 3)
            for m in (
                occult / (hypox & black).sum(),
                occult / black.sum(),
                (hypox & calm & ~black).sum() / (calm & ~black).sum(),
                (hypox & black).sum() / black.sum(),
                (hypox & black).sum() / (calm & black).sum(),
                (hypox & calm).sum() / calm.sum(),  # both groups pooled (d22, finding 6)
            )
        ]
        # Question 3: the sensitivity, one task for every copy (review 04 d14, finding 3).
        key3 = recall_score(hypox[black], ring92[black])
        cases += [
            (key3, m, 3)
            for m in (
                precision_score(hypox[black], ring92[black]),
                recall_score(~hypox[black], ~ring92[black]),
                recall_score(hypox[~black], ring92[~black]),
                1 - key3,
                np.mean(hypox[black] == ring92[black]),
                recall_score(hypox, ring92),  # both groups pooled (d22, finding 6)
                np.mean(hypox[black & ~ring92]),  # FN / (FN + VN) (d22, finding 6)
            )
        ]
        target = recall_score(hypox[~black], ring92[~black])
        sens = (spo2[black & hypox][:, np.newaxis] < np.arange(92, 101)).mean(axis=0)
        rings = spo2 < 92 + int(np.argmax(sens >= target))
        key6 = (rings & ~hypox).sum() / rings.sum()
        cases += [
            (key6, m, 3)
            for m in (
                1 - key6,
                (ring92 & ~hypox).sum() / ring92.sum(),
                (rings & ~hypox).sum() / ring92.sum(),
                (ring92 & ~hypox).sum() / rings.sum(),
                (rings & ~hypox).sum() / len(spo2),
            )
        ]
        bias_b, bias_w = error[black & hypox].mean(), error[~black & hypox].mean()
        cases += [
            (bias_b - bias_w, m, 1)
            for m in (
                bias_b,
                bias_w,
                bias_w - bias_b,
                error[black & hypox].std(ddof=1) - error[~black & hypox].std(ddof=1),
                bias_b + bias_w,
                bias_b / bias_w,
            )
        ]
        for key, mistake, decimals in cases:
            assert not _near_key(key, mistake, decimals), (number, key, mistake)


# --- The evaluated session graded end to end: own, copied and foreign copies (review d17) ----

IN_CLASS = ("taux_occulte_noirs", "conclusion_audit", "sensibilite_noirs", "situations")
SOLUTION_MARKERS = ("### BEGIN SOLUTION", "### END SOLUTION")


def _without_markers(code: str) -> str:
    """A solution cell as a student would type it: the nbgrader markers removed."""
    return "\n".join(line for line in code.splitlines() if line.strip() not in SOLUTION_MARKERS)


def _executed(notebook, student: str, monkeypatch, folder):
    """``notebook`` run top to bottom in a kernel whose student is ``student``, as a student
    saves it (outputs kept, the draw cell's record of the identifier included)."""
    import nbformat
    from nbclient import NotebookClient

    monkeypatch.setenv(checks.STUDENT_ENV, student)
    copy_ = nbformat.reads(nbformat.writes(notebook), as_version=4)
    NotebookClient(
        copy_,
        timeout=600,
        kernel_name="python3",
        allow_errors=True,
        resources={"metadata": {"path": str(folder)}},
    ).execute()
    monkeypatch.delenv(checks.STUDENT_ENV)
    return copy_


# Beside the hub (its own course, no shared one): nine executions of the module, off the
# critical path of the shared run (make test).
@pytest.mark.slow
@pytest.mark.beside_hub
def test_module_04_evaluated_copies_own_copied_and_foreign(tmp_path, monkeypatch, capsys):
    """Lecturer review d17: module 04's evaluated release, graded by ``esn-teach autograde``
    (real nbgrader, sandboxed re-check), with three copies as an instructor receives them.

    - alice computes every answer in her own notebook: full marks, not set aside;
    - bruno pastes alice's answers (values) into his own notebook: graded on his cases, so
      questions 1 and 3 earn nothing; not set aside (nothing in his copy names alice);
    - chloé hands in alice's notebook (saved with alice's cases on screen): graded on
      chloé's own cases, and set aside « à examiner » (provisional in an export, reason given).
    """
    import json

    import nbformat
    from esn_fixtures import answer_cell, cli, error_text, make_course, submit, test_cell

    from esn_teach.course import Course
    from esn_teach.grading import SubmissionOutcome, check_export, results_path
    from esn_teach.grading._outcomes import read_results

    root = make_course(tmp_path / "grading")
    assert cli(root, "release", "04", "--evaluation") == 0
    course = Course(root, NOTEBOOKS)
    name = course.module("04").name
    module = course.module(name)
    released = nbformat.read(course.release_path(name), as_version=4)
    source = nbformat.read(course.source_path(name), as_version=4)
    answers = list(module.answers)
    assert set(IN_CLASS) <= set(answers)

    # Alice: each answer cell holds the source's solution code, run as alice.
    alice = nbformat.reads(nbformat.writes(released), as_version=4)
    for answer in answers:
        answer_cell(alice, answer).source = _without_markers(answer_cell(source, answer).source)
    reader = nbformat.v4.new_code_cell(
        "import json\nprint(json.dumps({"
        + ", ".join(
            f"{a!r}: ({a} if isinstance({a}, (str, dict)) else float({a}))" for a in answers
        )
        + "}))"
    )
    alice.cells.append(reader)
    alice = _executed(alice, "alice", monkeypatch, tmp_path)
    # One print, but the kernel may flush its text and its newline as two stream outputs
    # (seen on a loaded machine, d23): join them.
    printed = "".join(o["text"] for o in alice.cells[-1].outputs if o.get("name") == "stdout")
    values = json.loads(printed)
    del alice.cells[-1]

    # Bruno: alice's values, pasted into his own notebook and run as bruno.
    bruno = nbformat.reads(nbformat.writes(released), as_version=4)
    for answer in answers:
        answer_cell(bruno, answer).source = f"{answer} = {values[answer]!r}"
    bruno = _executed(bruno, "bruno", monkeypatch, tmp_path)
    own = evaluation_answers("bruno", monkeypatch)
    monkeypatch.delenv(checks.STUDENT_ENV)
    for answer in ("taux_occulte_noirs", "sensibilite_noirs"):
        assert round(values[answer], 3) != own[answer], f"{answer}: alice and bruno agree"

    submit(root, "alice", name, alice)
    submit(root, "bruno", name, bruno)
    submit(root, "chloe", name, alice)  # alice's notebook, handed in by chloé
    status = cli(root, "autograde", "04")
    out = capsys.readouterr().out
    assert status == 0, out

    def grades(student: str) -> dict[str, tuple[float, float]]:
        found = course.grades(name, student).grades
        return {answer: found[f"{answer}_tests"] for answer in answers}

    full = {answer: (points, points) for answer, points in module.answers.items()}
    assert grades("alice") == full
    # Chloé's notebook computes from the cases of the kernel that grades it: chloé's.
    assert grades("chloe") == full
    copied = grades("bruno")
    assert copied["taux_occulte_noirs"][0] == 0 and copied["sensibilite_noirs"][0] == 0
    in_class = sum(copied[answer][0] for answer in IN_CLASS)
    assert in_class < sum(full[answer][0] for answer in IN_CLASS)
    graded = nbformat.read(root / "autograded" / "bruno" / name / f"{name}.ipynb", as_version=4)
    assert "Réponse à revoir" in error_text(test_cell(graded, "taux_occulte_noirs"))

    rows = {row.student: row for row in read_results(results_path(root, name))}
    assert all(row.outcome is SubmissionOutcome.GRADED for row in rows.values())
    assert not rows["alice"].to_examine and not rows["bruno"].to_examine
    assert sorted(rows["chloe"].to_examine) == sorted(f"{a}_tests" for a in answers)
    assert "« alice »" in " ".join(rows["chloe"].details)
    assert "  - chloe : corrigée, à examiner (note provisoire) — cas tirés pour" in out
    assert "  - alice" not in out and "  - bruno" not in out
    report = check_export(
        course.db_url,
        course.course_id,
        [name],
        to_examine={name: {"chloe": rows["chloe"].to_examine}},
    )
    # Chloé's copy is to examine; every copy's reflection, handed in apart after the
    # session (the header says so), waits for the teacher's grade, never a silent 0.
    assert sorted(report.pending) == [("alice", name), ("bruno", name), ("chloe", name)]
    assert all(
        reason.startswith("réflexion « ") and reason.endswith(" » pas encore notée")
        for student in ("alice", "bruno")
        for reason in report.pending[(student, name)]
    )
    assert any("à examiner" in reason for reason in report.pending[("chloe", name)])
    print(
        "module 04, séance évaluée :",
        {student: sum(p for p, _ in grades(student).values()) for student in rows},
        "en séance (bruno) :",
        in_class,
    )


def test_module_04_question_1_never_pays_the_published_rate(monkeypatch):
    """Review 04 d23, lecturer finding 3: the published 11,7 % (0,117), copied from Sjoding's
    sentence, or its rounding 0,12, never earns a point on an evaluated copy: over 500
    identifiers, the copy's key (three decimals) stays outside 0,113–0,127, beyond the graded
    tolerance (one unit of the last decimal) and the « trop arrondi » half points (the key
    within half a unit of the second decimal, plus one unit of tolerance)."""
    from esn_teach.checks._checks import _too_rounded

    keys = set()
    for number in range(500):
        monkeypatch.setenv(checks.STUDENT_ENV, f"etu{number:03d}")
        frame = make_pulse_oximetry(
            n_samples=_constant("N_PAIRES"),
            device_bias=_constant("BIAIS_APPAREIL"),
            random_state=oximetry_case_seed(checks.student_seed("04", announce=False)),
        ).frame
        black = (frame["race"].astype(str) == "Black").to_numpy()
        calm = frame["spo2"].between(92, 96).to_numpy()
        hidden = calm & (frame["sao2"] < 88).to_numpy()
        key = round(float((hidden & black).sum() / (calm & black).sum()), 3)
        keys.add(key)
        assert not 0.113 <= key <= 0.127, key

        def is_key(x: float, key: float = key) -> bool:
            return abs(round(x, 3) - key) <= 0.001 + 1e-9

        assert not is_key(0.117)
        assert not _too_rounded(0.12, 3, is_key)
    assert len(keys) > 30  # the keys still vary between copies
