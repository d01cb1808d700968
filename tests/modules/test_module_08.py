"""Module 08's evaluated session draws each student's own stays from their identifier.

The hidden tests of questions 1, 3 and 4 regenerate the copy's stays from
``checks.student_seed("08")`` and refit the score; these tests recompute the same
answers with the library for a few identifiers (no notebook run): the answers must
differ between students and stay in a sensible range, and the answers the module keeps
fixed (questions 2, 5, 6 and 7) must still be right with every student's stays.
"""

from __future__ import annotations

import ast
import functools
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pytest
from esn_fixtures import NOTEBOOKS
from scipy.optimize import brentq
from scipy.special import expit, logit
from scipy.stats import norm, rankdata
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from esn_teach import checks
from esn_teach.datasets import (
    SEPSIS_CASE_SEEDS,
    make_sepsis_hospitals,
    sepsis_case_mix,
    sepsis_case_prevalence,
    sepsis_case_seed,
)
from esn_teach.datasets._sepsis import _AUDIT_SIZES
from esn_teach.explorers import site_alert_stats

SOURCE = NOTEBOOKS / "08_validation_externe_derive.py"
STUDENTS = ("alice", "bruno", "chloe", "david", "emma", "farid")


def _constant(name: str) -> object:
    text = SOURCE.read_text(encoding="utf-8")
    found = re.search(rf"^{name} = (.+?)(?:  #|$)", text, flags=re.M)
    assert found, f"{name} is no longer defined in module 08"
    return ast.literal_eval(found.group(1))


@dataclass
class Cases:
    """One student's stays, split and scored as in the module."""

    seed: int
    frame: pd.DataFrame
    features: list[str]
    h1_test: pd.DataFrame
    h2: pd.DataFrame
    h3: pd.DataFrame
    threshold: float
    model: object

    def risk(self, group: pd.DataFrame) -> np.ndarray:
        return self.model.predict_proba(group[self.features])[:, 1]


def cases(seed: int) -> Cases:
    bunch = make_sepsis_hospitals(
        n_samples=_constant("N_SEJOURS"),
        random_state=seed,
        prevalence=sepsis_case_prevalence(seed),
        case_mix=sepsis_case_mix(seed),
    )
    frame, features = bunch.frame, list(bunch.feature_names)
    h1 = frame[frame["hospital"] == "H1"]
    app, rest = train_test_split(h1, test_size=0.5, random_state=seed, stratify=h1["sepsis"])
    tuning, test = train_test_split(rest, test_size=0.5, random_state=seed, stratify=rest["sepsis"])
    model = make_pipeline(StandardScaler(), LogisticRegression()).fit(app[features], app["sepsis"])
    risk = model.predict_proba(tuning[features])[:, 1]
    septic = np.sort(risk[tuning["sepsis"].to_numpy() == 1])[::-1]
    threshold = septic[int(np.ceil(_constant("SENSIBILITE_VISEE") * len(septic))) - 1]
    return Cases(
        seed,
        frame,
        features,
        test,
        frame[frame["hospital"] == "H2"],
        frame[frame["hospital"] == "H3"],
        float(threshold),
        model,
    )


def answers(seed: int) -> dict[str, float]:
    """The expected answers of questions 1, 3 and 4, as the hidden tests grade them."""
    c = cases(seed)
    stats = site_alert_stats(c.h2["sepsis"].to_numpy(), c.risk(c.h2), c.threshold)
    return {
        "auc_h2": round(roc_auc_score(c.h2["sepsis"], c.risk(c.h2)), 3),
        "alertes_pour_100_h2": round(100 * stats.alerts / len(c.h2), 1),
        "vpp_h2": round(stats.ppv, 3),
        "auc_interne": round(roc_auc_score(c.h1_test["sepsis"], c.risk(c.h1_test)), 3),
    }


def _seed(student: str, monkeypatch) -> int:
    monkeypatch.setenv(checks.STUDENT_ENV, student)
    return sepsis_case_seed(checks.student_seed("08", announce=False))


def test_module_08_answers_differ_between_students_and_stay_sensible(monkeypatch):
    found = [answers(_seed(student, monkeypatch)) for student in STUDENTS]
    for name in ("auc_h2", "alertes_pour_100_h2", "vpp_h2"):
        values = [a[name] for a in found]
        # Drawn from SEPSIS_CASE_SEEDS (171 seeds, H2's prevalence and case mix per seed):
        # two of six students may share an answer by chance.
        assert len(set(values)) >= len(STUDENTS) - 2, (name, values)
    for a in found:
        assert 0.52 < a["auc_h2"] < 0.72, a  # H2's case mix drawn per copy (d22)
        # The external AUC still drops: by 0,086 at least over the 171 seeds with H2's case mix
        # drawn per copy (d22), the bootstrap interval of the drop excluding 0 on every seed.
        assert a["auc_interne"] - a["auc_h2"] > 0.08, a
        assert 15 < a["alertes_pour_100_h2"] < 60, a
        assert 0.10 < a["vpp_h2"] < 0.25, a


def _auc_by_ranks(truth, score):
    n_septic = truth.sum()
    return (rankdata(score)[truth == 1].sum() - n_septic * (n_septic + 1) / 2) / (
        n_septic * (len(truth) - n_septic)
    )


def _bootstrap(seed, truth, score):
    n = _constant("N_BOOTSTRAP")
    draw = np.random.default_rng([seed, len(truth)])
    return np.array(
        [
            _auc_by_ranks(truth[i], score[i])
            for i in (draw.integers(0, len(truth), len(truth)) for _ in range(n))
        ]
    )


def _hanley(truth, score):
    auc = roc_auc_score(truth, score)
    n1, n0 = truth.sum(), len(truth) - truth.sum()
    q1, q2 = auc / (2 - auc), 2 * auc**2 / (1 + auc)
    se = np.sqrt(
        (auc * (1 - auc) + (n1 - 1) * (q1 - auc**2) + (n0 - 1) * (q2 - auc**2)) / (n1 * n0)
    )
    z = norm.ppf(0.975)
    return max(0.0, auc - z * se), min(1.0, auc + z * se)


#: The evaluated session's TOLERANCE_REGLAGE (the formative one keeps 0.1 for seed 2018).
_EVALUATED_TOLERANCE = 0.05


def _audit_interval(c, seed, auc_1, size=None):
    """The audit's interval for these stays, drawn as section 3 draws the audit (``size``
    stays, the formative N_AUDIT by default; the evaluated session draws it per copy)."""
    size = _constant("N_AUDIT") if size is None else size
    for attempt in range(100):
        audit = c.h3.sample(size, random_state=seed + attempt)
        if audit["sepsis"].sum() < 3:
            continue
        low, high = _hanley(audit["sepsis"].to_numpy(), c.risk(audit))
        if min(abs(round(low, 2) - auc_1), abs(round(high, 2) - auc_1)) >= 0.05:
            return low, high
    pytest.fail("no readable audit in 100 draws")


def _audit_key(c, seed, auc_1, size=None):
    """Question 2's « audit » key for these stays, drawn as section 3 draws the audit."""
    low, high = (round(b, 2) for b in _audit_interval(c, seed, auc_1, size))
    if low <= auc_1 <= high:
        return "il contient un écart nul"
    assert high < auc_1, "an audit above H1's AUC: the feedback would say « absence de baisse »"
    return "il exclut un écart nul"


def _evaluated_mistake_cells(answer: str) -> list[str]:
    """The code of the evaluated session's ``mistake=`` cells of ``answer``."""
    text = SOURCE.read_text(encoding="utf-8")
    header = f'# %% mistake="{answer}" session="evaluation"\n'
    return [part.split("\n# %%")[0] for part in text.split(header)[1:]]


def _conclusion_h3_mistakes(low: float, high: float, auc_1: float) -> list[dict]:
    """Each evaluated named mistake of question 2, run with a copy's audit and H1's AUC."""
    found = []
    for code in _evaluated_mistake_cells("conclusion_h3"):
        names = {"bas_audit": low, "haut_audit": high, "auc_interne": auc_1}
        exec(compile(code, "mistake", "exec"), names)  # the module's own cell, read as text
        found.append(names["conclusion_h3"])
    return found


def test_module_08_evaluated_tolerance_matches_the_module():
    text = SOURCE.read_text(encoding="utf-8")
    assert f"TOLERANCE_REGLAGE = {_EVALUATED_TOLERANCE}  #" in text
    assert "à 10 points près (de 0,50 à 0,70" in text  # question 6's evaluated statement


@pytest.mark.slow
def test_module_08_audit_key_and_local_sensitivity_over_the_seed_list():
    """Over every checked seed: Q2's audit key varies and is never a bound-reading; Q5's
    local sensitivity stays 0.05 from the stated bounds within a few redraws."""
    keys = {}
    keys_by_size: dict[int, list[str]] = {size: [] for size in _AUDIT_SIZES}
    target = _constant("SENSIBILITE_VISEE")
    for seed in SEPSIS_CASE_SEEDS:
        c = cases(seed)
        auc_1 = roc_auc_score(c.h1_test["sepsis"], c.risk(c.h1_test))
        keys[seed] = _audit_key(c, seed, auc_1)
        # Every (case seed, audit size) pair a copy can get (the size is drawn from the
        # student's seed, independently of the case seed): no named mistake of question 2 is
        # the key (d22: a fixed « exclut / exclut » was the key on the copies whose audit
        # excludes a zero gap, the build's own copy among them).
        for size in _AUDIT_SIZES:
            low, high = _audit_interval(c, seed, auc_1, size)
            key = _audit_key(c, seed, auc_1, size)
            keys_by_size[size].append(key)
            solution = {"tous les séjours": "il exclut un écart nul", "audit": key}
            for mistake in _conclusion_h3_mistakes(low, high, auc_1):
                assert mistake != solution, (seed, size, mistake)
        for attempt in range(100):
            local, test = train_test_split(
                c.h3,
                train_size=_constant("N_LOCAL"),
                random_state=seed + attempt,
                stratify=c.h3["sepsis"],
            )
            septic = np.sort(c.risk(local)[local["sepsis"].to_numpy() == 1])[::-1]
            threshold = septic[int(np.ceil(target * len(septic))) - 1]
            sens = site_alert_stats(test["sepsis"].to_numpy(), c.risk(test), threshold).sensitivity
            if abs(sens - target) <= _EVALUATED_TOLERANCE:
                break
        else:
            pytest.fail(f"seed {seed}: no local sensitivity within 0.05 in 100 draws")
        assert 0.55 - 1e-9 <= sens <= 0.65 + 1e-9, seed
    counts = {k: list(keys.values()).count(k) for k in set(keys.values())}
    # Measured on 6 December 2026: 28 « exclut » (a drop), 85 « contient ».
    assert counts.get("il exclut un écart nul", 0) >= 10, counts
    assert counts.get("il contient un écart nul", 0) >= 50, counts
    # Both readings are keys of both audit sizes (so the mistakes above had to be per copy).
    for size, found in keys_by_size.items():
        assert set(found) == {"il exclut un écart nul", "il contient un écart nul"}, size


@pytest.mark.slow
@pytest.mark.parametrize("student", STUDENTS[:4])
def test_module_08_fixed_answers_hold_with_each_students_stays(student, monkeypatch):
    seed = _seed(student, monkeypatch)
    c = cases(seed)
    truth_1, score_1 = c.h1_test["sepsis"].to_numpy(), c.risk(c.h1_test)
    truth_3, score_3 = c.h3["sepsis"].to_numpy(), c.risk(c.h3)
    auc_1 = roc_auc_score(truth_1, score_1)
    # Question 2, « tous les séjours » : the drop is established (its interval excludes 0).
    low, _ = np.quantile(
        _bootstrap(seed, truth_1, score_1) - _bootstrap(seed, truth_3, score_3), [0.025, 0.975]
    )
    assert low > 0
    # Question 2, « audit » : the copy's audit is readable (see the seed-list test below).
    assert _audit_key(c, seed, auc_1) in ("il exclut un écart nul", "il contient un écart nul")
    # Questions 5 and 7 : H3's local adaptation.
    # The evaluated session redraws H3's tuning stays until the local sensitivity lands within
    # 0.05 of its target on the local test: 0.05 away from the stated bounds (0.50 and 0.70).
    target = _constant("SENSIBILITE_VISEE")
    for attempt in range(100):
        local, test = train_test_split(
            c.h3,
            train_size=_constant("N_LOCAL"),
            random_state=seed + attempt,
            stratify=c.h3["sepsis"],
        )
        truth_l, score_l = local["sepsis"].to_numpy(), c.risk(local)
        truth_t, score_t = test["sepsis"].to_numpy(), c.risk(test)
        septic = np.sort(score_l[truth_l == 1])[::-1]
        local_threshold = septic[int(np.ceil(target * len(septic))) - 1]
        adapted = site_alert_stats(truth_t, score_t, local_threshold)
        if abs(adapted.sensitivity - target) <= _EVALUATED_TOLERANCE:
            break
    else:
        pytest.fail("no typical local adaptation in 100 draws")
    # Question 7, fourth statement : the local threshold is within the notice's range.
    low_notice, high_notice = _constant("NOTICE_SEUILS")
    assert low_notice <= local_threshold <= high_notice
    shift = brentq(lambda d: expit(logit(score_l) + d).mean() - truth_l.mean(), -10, 10)
    recalibrated = expit(logit(score_t) + shift)
    assert abs(recalibrated.mean() - truth_t.mean()) < 0.01  # « le risque moyen » : corrigé
    fifth = pd.qcut(score_t, 5, labels=False)
    by_fifth = pd.DataFrame({"p": recalibrated, "o": truth_t}).groupby(fifth).mean()
    assert by_fifth["p"].iloc[-1] > 1.5 * by_fifth["o"].iloc[-1]  # « chaque tranche » : pas corrigé
    at_h1 = site_alert_stats(truth_t, score_t, c.threshold)
    assert adapted.sensitivity > at_h1.sensitivity  # « la sensibilité visée » : corrigé
    assert adapted.ppv < 2 * truth_t.mean()  # question 7, first statement : « non »


def _near(a: float, b: float, decimals: int) -> bool:
    return abs(round(a, decimals) - round(b, decimals)) <= 2 * 10**-decimals + 1e-9


@pytest.mark.parametrize("seed", SEPSIS_CASE_SEEDS[::28])
def test_module_08_no_named_mistake_lands_near_the_key(seed):
    """A named mistake of questions 1, 3 and 4 is never within two units of the key."""
    c = cases(seed)
    h2_truth, h2_risk = c.h2["sepsis"].to_numpy(), c.risk(c.h2)
    h1_truth, h1_risk = c.h1_test["sepsis"].to_numpy(), c.risk(c.h1_test)
    auc = roc_auc_score(h2_truth, h2_risk)
    auc_mistakes = [
        roc_auc_score(h1_truth, h1_risk),
        roc_auc_score(c.h3["sepsis"], c.risk(c.h3)),
        1 - auc,
        0.63,
    ]
    assert not any(_near(m, auc, 3) for m in auc_mistakes), seed
    s2 = site_alert_stats(h2_truth, h2_risk, c.threshold)
    s1 = site_alert_stats(h1_truth, h1_risk, c.threshold)
    load = 100 * s2.alerts / len(c.h2)
    load_mistakes = [
        100 * s2.alerts / s2.sepsis,
        100 * s1.alerts / len(c.h1_test),
        100 * s2.true_alerts / len(c.h2),
        load / 100,
        100 * s2.alerts / (len(c.h2) - s2.sepsis),
        load / 10,
    ]
    assert not any(_near(m, load, 1) for m in load_mistakes), seed
    ppv_mistakes = [s2.sensitivity, s2.sepsis / len(c.h2), 1 - s2.ppv, s1.ppv, 10 * s2.ppv]
    assert not any(_near(m, s2.ppv, 3) for m in ppv_mistakes), seed


def test_module_08_case_seeds_cover_hundreds_of_identifiers(monkeypatch):
    """Every identifier gets a checked seed, and the seeds spread across students."""
    seeds = [_seed(f"etu{i:03d}", monkeypatch) for i in range(300)]
    assert set(seeds) <= set(SEPSIS_CASE_SEEDS)
    assert len(set(seeds)) > 80


def test_module_08_no_named_mistake_claims_the_rounding_half_points():
    """« Trop arrondi » is said by check_number's own rule, never by a named mistake.

    A named mistake is matched within one unit of the last decimal: one for the key rounded
    (« bon raisonnement, mais trop arrondi, la moitié des points ») told 37,9 for a key of
    38,2, or 0,629 for 0,626, that it had half the points, and scored it 0 (review 08 d19).
    The built-in rule gives half the points to the exact coarser rounding only, and says so.
    """
    text = SOURCE.read_text(encoding="utf-8")
    calls = re.findall(r"checks\.Mistake\((.*?)\)(?:,|\n)", text, flags=re.S)
    assert calls
    claiming = [c for c in calls if "arrondi" in c and ("moitié" in c or "bon raisonnement" in c)]
    assert not claiming, claiming
    # Nor a mistake whose value is the key rounded or cut by the author.
    assert not re.search(r"checks\.Mistake\(\s*(round|int)\(", text)


@pytest.mark.parametrize("decimals", [1, 3])
def test_module_08_only_the_exact_coarser_rounding_earns_half_points(decimals, capsys):
    """With the module's hidden checks as written (no rounding mistake), a wrong value one
    unit from the coarser rounding is wrong with no « trop arrondi » message; the exact
    coarser rounding earns half the points."""
    key = 38.24 if decimals == 1 else 0.6262
    coarse = round(key, decimals - 1)
    got = checks.check_number(coarse, name="q", expected=key, decimals=decimals, points=2)
    assert isinstance(got, checks.PartialCredit) and got.points == 1
    assert "trop arrondi" in capsys.readouterr().out
    # The reviewer's copies: 37,9 for 38,2 and 0,629 for 0,626, then other near misses.
    for wrong in (37.9, 37.8, 38.5) if decimals == 1 else (0.629, 0.623, 0.631):
        with pytest.raises(checks.IncorrectAnswer) as raised:
            checks.check_number(wrong, name="q", expected=key, decimals=decimals, points=2)
        assert "arrondi" not in str(raised.value).split("Si vous avez")[0], wrong


def _graded(answer: float, key: float, decimals: int, points: float) -> float:
    """The points the hidden check gives ``answer`` for ``key`` (its printed message muted)."""
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()):
        try:
            got = checks.check_number(
                answer, name="q", expected=key, decimals=decimals, points=points
            )
        except checks.IncorrectAnswer:
            return 0.0
    return float(points) if got == checks.Outcome.CORRECT else float(got.points)


@pytest.mark.slow
def test_module_08_ppv_is_not_guessed_over_the_pool():
    """Question 4 over every case seed: neither the formative key nor a blind guess pays.

    With H2's prevalence at 12 % for everyone, the PPV ran from 0,134 to 0,179: the
    formative « 0,16 » earned half the points on 40 % of copies (review 08 d19). With H2's
    prevalence drawn per copy (8 % to 18 %), on 7 December 2026 over the 102 case seeds: PPV
    0,092 to 0,250; the formative key scores on 2 % of copies as 0,157 and on 10 % as 0,16
    (mean 0,11 of 2 points), the best blind guess (0,19) on 15 % (mean 0,15 of 2). With H2's
    case mix drawn too (d22, 171 seeds): PPV 0,091 to 0,279; 0,16 scores on 8 % of copies
    (mean 0,09 of 2), 0,157 on 2 %, the best blind guess (0,15) on 11 % (mean 0,12 of 2);
    see the module's notes.
    """
    formative = answers_formative()
    keys = [answers(seed)["vpp_h2"] for seed in SEPSIS_CASE_SEEDS]
    assert max(keys) - min(keys) > 0.12
    guesses = {round(k, d) for k in keys for d in (2, 3)} | {
        round(formative["vpp_h2"], 3),
        round(formative["vpp_h2"], 2),
    }
    mean = {g: np.mean([_graded(g, k, 3, 2) for k in keys]) for g in guesses}
    assert mean[round(formative["vpp_h2"], 2)] <= 0.2, mean[round(formative["vpp_h2"], 2)]
    assert mean[round(formative["vpp_h2"], 3)] <= 0.2
    assert max(mean.values()) <= 0.25, max(mean, key=mean.get)


def answers_formative() -> dict[str, float]:
    """The formative keys (graine 2018, default prevalences), as its hidden tests grade them."""
    bunch = make_sepsis_hospitals(n_samples=_constant("N_SEJOURS"), random_state=2018)
    frame, features = bunch.frame, list(bunch.feature_names)
    h1 = frame[frame["hospital"] == "H1"]
    app, rest = train_test_split(h1, test_size=0.5, random_state=2018, stratify=h1["sepsis"])
    tuning, _ = train_test_split(rest, test_size=0.5, random_state=2018, stratify=rest["sepsis"])
    model = make_pipeline(StandardScaler(), LogisticRegression()).fit(app[features], app["sepsis"])
    risk = model.predict_proba(tuning[features])[:, 1]
    septic = np.sort(risk[tuning["sepsis"].to_numpy() == 1])[::-1]
    threshold = septic[int(np.ceil(_constant("SENSIBILITE_VISEE") * len(septic))) - 1]
    h2 = frame[frame["hospital"] == "H2"]
    stats = site_alert_stats(
        h2["sepsis"].to_numpy(), model.predict_proba(h2[features])[:, 1], threshold
    )
    return {"vpp_h2": stats.ppv, "alertes_pour_100_h2": 100 * stats.alerts / len(h2)}


def _task_q3(student: str, monkeypatch) -> int:
    """Question 3's task for this identifier, drawn as the module draws it."""
    monkeypatch.setenv(checks.STUDENT_ENV, student)
    seed = checks.student_seed("08", announce=False)
    return int(np.random.default_rng([seed, 8, 3]).integers(2))


def test_module_08_question_3_task_is_drawn_in_the_module():
    text = SOURCE.read_text(encoding="utf-8")
    draw = (
        'int(np.random.default_rng([checks.student_seed("08", announce=False), 8, 3]).integers(2))'
    )
    # The cell under the statement and the hidden test draw the task the same way.
    assert text.count(draw) == 2


@pytest.mark.slow
def test_module_08_a_whispered_question_3_fails_on_most_other_tasks(monkeypatch):
    """Over 200 identifiers, one whispered expression (either task's) earns the points only on
    the copies that have its task: never on the others, where it is the other task's key,
    named as such, and never within the tolerance of the right answer (review 08 d20,
    lecturer 3)."""
    keys: dict[int, tuple[float, float]] = {}
    full = {0: 0, 1: 0}
    tasks = []
    for k in range(200):
        student = f"etudiant{k:03d}"
        task = _task_q3(student, monkeypatch)
        tasks.append(task)
        seed = sepsis_case_seed(checks.student_seed("08", announce=False))
        if seed not in keys:
            c = cases(seed)
            stats = site_alert_stats(c.h2["sepsis"].to_numpy(), c.risk(c.h2), c.threshold)
            keys[seed] = (
                100 * stats.alerts / len(c.h2),
                100 * (stats.alerts - stats.true_alerts) / len(c.h2),
            )
        right = keys[seed][task]
        for whispered in (0, 1):
            # check_number's rule at one decimal: within one unit of the last decimal.
            if abs(round(keys[seed][whispered], 1) - round(right, 1)) <= 0.1 + 1e-9:
                full[whispered] += 1
        # The other task's key is not the too-rounded key either (no half point).
        assert abs(keys[seed][1 - task] - right) > 1, (student, keys[seed])
    assert 70 <= sum(tasks) <= 130, sum(tasks)
    # Each whispered expression earns the points on its own task's copies only (about half).
    assert full[0] == tasks.count(0) and full[1] == tasks.count(1), (full, tasks.count(0))


def test_module_08_question_4_task_is_drawn_in_the_module():
    text = SOURCE.read_text(encoding="utf-8")
    draw = (
        'int(np.random.default_rng([checks.student_seed("08", announce=False), 8, 4]).integers(2))'
    )
    assert text.count(draw) == 2


@pytest.mark.slow
def test_module_08_a_whispered_question_4_fails_on_the_other_task(monkeypatch):
    """Over 200 identifiers, the PPV or the false alerts per 10 alerts: a whispered expression
    earns the points only on its own task's copies, and the other task's key is never the
    right value nor its too-rounded form (review 08 d20, lecturer 3)."""
    keys: dict[int, tuple[float, float]] = {}
    tasks = []
    for k in range(200):
        monkeypatch.setenv(checks.STUDENT_ENV, f"etudiant{k:03d}")
        student_seed = checks.student_seed("08", announce=False)
        task = int(np.random.default_rng([student_seed, 8, 4]).integers(2))
        tasks.append(task)
        seed = sepsis_case_seed(student_seed)
        if seed not in keys:
            c = cases(seed)
            ppv = site_alert_stats(c.h2["sepsis"].to_numpy(), c.risk(c.h2), c.threshold).ppv
            keys[seed] = (ppv, 10 * (1 - ppv))
        right, other = keys[seed][task], keys[seed][1 - task]
        # Not within check_number's tolerance, nor its one-decimal-fewer rounding.
        assert abs(round(other, 3) - round(right, 3)) > 0.001 + 1e-9
        assert round(other, 2) != round(right, 2)
    assert 70 <= sum(tasks) <= 130, sum(tasks)


def test_the_calibration_figure_draws_its_diagonal_in_percent_like_its_points():
    """Review 08 d20b: the « calibration parfaite » line ran from 0 to 0,32 on axes in percent
    (0 to 32): a dot at the origin, while the caption and Q6 read the points against it."""
    text = SOURCE.read_text(encoding="utf-8")
    start = text.index('ax.set_title("Prédit contre observé')
    figure = text[text.rindex("with accessible_style():", 0, start) : start]
    diagonal = next(line for line in figure.splitlines() if "ax.plot([0," in line)
    assert "100 * haut_axe" in diagonal, diagonal
    assert "100 * par_tranche[colonne]" in figure and "ax.set_xlim(0, 100 * haut_axe)" in figure


def test_module_08_question_2_grades_the_reading_of_the_interval():
    """Q2 grades what the interval says about a zero gap, never a clinical conclusion drawn
    from an audit of a few sepsis (review 08 d20b, lecturer 3): the options are readings, the
    conclusion (with Collins's caveat when an audit excludes a zero gap) is in the feedback,
    and the audit has its own hint (it has no « écart » line)."""
    text = SOURCE.read_text(encoding="utf-8")
    readings = (
        '["il exclut un écart nul", "il contient un écart nul", "il est trop large pour être lu"]'
    )
    q2 = text[text.index("### Question 2") : text.index("## 4. La charge d'alertes")]
    assert q2.count("options=" + readings) == 4  # both sessions, visible and hidden checks
    options = re.findall(r"options=(\[.*?\])", q2, flags=re.S)
    assert all("la baisse est établie" not in o for o in options), options
    assert "Collins et al., 2016" in q2.split("### BEGIN HIDDEN TESTS\ngraine_copie")[1]
    assert q2.count("Indice 2 (audit)") == 2 and "L'audit n'a pas de ligne d'écart" in q2


def test_module_08_question_4_name_says_what_it_holds():
    """Q4's answer holds a PPV or false alerts per 10 depending on the copy: it is named
    after the question, not after the PPV (review 08 d20b, lecturer 8)."""
    text = SOURCE.read_text(encoding="utf-8")
    assert "vpp_h2" not in text
    assert text.count('answer="reponse_q4"') == 2


def test_module_08_h2_case_mix_is_drawn_wherever_the_stays_are_made():
    """The evaluated setup cell and every hidden test that remakes the copy's stays draw H2's
    case mix from the case seed (review 08 d20b, lecturer 4: H2's AUC ran only from 0,586 to
    0,649, so « 0,62 » earned half of question 1's point on 46 % of copies)."""
    text = SOURCE.read_text(encoding="utf-8")
    assert "CASE_MIX = sepsis_case_mix(GRAINE)" in text
    assert "prevalence=PREVALENCES,\n                            case_mix=CASE_MIX)" in text
    remade = text.count("make_sepsis_hospitals(n_samples=20000, random_state=graine_copie,")
    assert remade >= 5
    assert text.count("case_mix=sepsis_case_mix(graine_copie))") == remade


@functools.cache
def _h2_keys(seed: int) -> tuple[float, float, float, float, float]:
    """H2's keys for these stays: AUC, Q3 (all alerts, false alerts), Q4 (PPV, false per 10)."""
    c = cases(seed)
    truth, risk = c.h2["sepsis"].to_numpy(), c.risk(c.h2)
    s = site_alert_stats(truth, risk, c.threshold)
    return (
        float(roc_auc_score(truth, risk)),
        100 * s.alerts / len(c.h2),
        100 * (s.alerts - s.true_alerts) / len(c.h2),
        s.ppv,
        10 * (1 - s.ppv),
    )


@functools.cache
def _graded_cached(answer: float, key: float, decimals: int, points: float) -> float:
    return _graded(answer, key, decimals, points)


@pytest.mark.slow
def test_module_08_whispers_and_constants_pay_little_over_500_identifiers(monkeypatch):
    """Over 500 identifiers (review 08 d20b, lecturer 4; brief d22): H2's AUC spreads over
    about 0,54 to 0,70; a value whispered by a random neighbour earns on average at most a
    third of Q1 + Q3 + Q4's 5 points, and the best constant answer at most 10 %."""
    copies = []
    for k in range(500):
        monkeypatch.setenv(checks.STUDENT_ENV, f"voisin{k:03d}")
        student_seed = checks.student_seed("08", announce=False)
        t3 = int(np.random.default_rng([student_seed, 8, 3]).integers(2))
        t4 = int(np.random.default_rng([student_seed, 8, 4]).integers(2))
        keys = _h2_keys(sepsis_case_seed(student_seed))
        copies.append((keys, t3, t4))
    aucs = [keys[0] for keys, _, _ in copies]
    assert min(aucs) < 0.57 and max(aucs) > 0.68, (min(aucs), max(aucs))

    def score(answers: tuple[float, float, float], copy) -> float:
        keys, t3, t4 = copy
        return (
            _graded_cached(round(answers[0], 6), round(keys[0], 6), 3, 1)
            + _graded_cached(round(answers[1], 6), round(keys[1 + t3], 6), 1, 2)
            + _graded_cached(round(answers[2], 6), round(keys[3 + t4], 6), 3, 2)
        )

    draw = np.random.default_rng(2026)
    whispered = []
    for i, me in enumerate(copies):
        j = (i + 1 + int(draw.integers(len(copies) - 1))) % len(copies)
        (nkeys, n3, n4) = copies[j]
        whispered.append(score((nkeys[0], nkeys[1 + n3], nkeys[3 + n4]), me))
    assert np.mean(whispered) <= 5 / 3, np.mean(whispered)
    # Question 1 alone: the neighbour's AUC rarely pays (it paid on most copies before d22).
    q1 = np.mean(
        [
            _graded_cached(round(copies[(i + 7) % 500][0][0], 6), round(c[0][0], 6), 3, 1)
            for i, c in enumerate(copies)
        ]
    )
    assert q1 <= 0.2, q1

    # The best constant for each question, among every key's roundings (the likeliest guesses).
    best = 0.0
    for q, (index, decimals, points) in enumerate(((0, 3, 1), (1, 1, 2), (3, 3, 2))):
        keys = [c[0][index + (c[1] if q == 1 else c[2] if q == 2 else 0)] for c in copies]
        guesses = {round(k, d) for k in keys for d in (decimals - 1, decimals)}
        if q == 0:
            guesses |= {0.62, 0.63, 0.614, 0.6}
        mean = {
            g: np.mean([_graded_cached(g, round(k, 6), decimals, points) for k in keys])
            for g in guesses
        }
        if q == 0:
            assert mean[0.62] <= 0.1, mean[0.62]  # « 0,62 » : half a point on 46 % before d22
        best += max(mean.values())
    assert best <= 0.5, best  # 10 % of the 5 points
