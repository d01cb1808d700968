"""Vet the cohorts of module 03's evaluated session (test side, not in the installed package).

:func:`esn_teach.explorers.cost_need_seed` gives each copy one cohort seed from a fixed pool
(``_COHORT_SEEDS``), and :func:`~esn_teach.explorers.cost_need_places` the number of places of
its question 1 (``_COHORT_PLACES``, review 03 d18). The pool was built, and is checked by
``tests/modules/test_module_03.py``, with the code below: it measures, on each candidate
cohort, the keys of questions 1 and 2 (question 1 at each candidate number of places), the
values of their named mistakes and the patterns the module's texts rely on, and keeps the
cohorts where every text is true and no named mistake comes close to a key. This code computes
answer keys: it must stay out of ``esn_teach`` (review 07, finding 1; brief of 7 December 2026),
so that no function of the student's kernel returns them. It is independent of the notebook's
hidden tests, which recompute the keys of a copy from its seed.

Extend the pool (each kept cohort costs about 25 candidates, a few seconds; the numbers of
places of the pool's cohorts: ``--places``)::

    PYTHONPATH=$PWD .venv/bin/python tests/cost_need_vetting.py --start 0 --count 50 --rank 116
"""

from __future__ import annotations

import argparse
import contextlib
import io
from typing import Any

import numpy as np
from sklearn.linear_model import PoissonRegressor
from sklearn.model_selection import train_test_split

from esn_teach import checks
from esn_teach.checks._checks import _too_rounded
from esn_teach.datasets import make_cost_vs_need_cohort

#: The programme's threshold (97th percentile) and the top band (95th to 100th).
_PROGRAMME, _BAND = 97, 95
#: The stream of candidate seeds of the pool (``SeedSequence([POOL_ENTROPY, k])``).
POOL_ENTROPY = 20261207


def _gap_ci(need: np.ndarray, chosen: np.ndarray, black: np.ndarray, white: np.ndarray):
    a, b = need[chosen & black], need[chosen & white]
    gap = a.mean() - b.mean()
    se = np.sqrt(a.var(ddof=1) / a.size + b.var(ddof=1) / b.size)
    return float(gap), float(gap - 1.96 * se), float(gap + 1.96 * se)


def _bands_gap(scores, values, black, white, n_bands: int, first: int = 0):
    """Gap (Black minus White) at equal score and its variance, over bands ``first`` and up.

    The bands are ``n_bands`` bands of equal size of ``scores``; each weighs as its Black
    patients, as in the module's ``ecart_par_tranches``.
    """
    bands = np.argsort(np.argsort(scores)) * n_bands // len(scores)
    gaps, weights, variances = [], [], []
    for t in range(first, n_bands):
        a, b = values[(bands == t) & black], values[(bands == t) & white]
        if a.size < 2 or b.size < 2:
            continue  # no gap to measure (the lowest centiles of the latent illness)
        gaps.append(a.mean() - b.mean())
        weights.append(a.size)
        variances.append(a.var(ddof=1) / a.size + b.var(ddof=1) / b.size)
    w = np.array(weights) / sum(weights)
    return float(w @ gaps), float(w**2 @ variances)


def _centile_gap_low(scores, need, black, white) -> float:
    """Low bound of the gap centile by centile (100 bands, weighted by Black patients)."""
    return _bands_gap_low(scores, need, black, white, 100)


def _bands_gap_low(scores, need, black, white, n_bands: int) -> float:
    """Low bound of the gap at equal score (``n_bands`` bands, weighted by Black patients)."""
    bands = np.argsort(np.argsort(scores)) * n_bands // len(scores)
    gaps, weights, variances = [], [], []
    for t in range(n_bands):
        a, b = need[(bands == t) & black], need[(bands == t) & white]
        gaps.append(a.mean() - b.mean())
        weights.append(a.size)
        variances.append(a.var(ddof=1) / a.size + b.var(ddof=1) / b.size)
    w = np.array(weights) / sum(weights)
    gap = float(w @ gaps)
    return gap - 1.96 * float(np.sqrt(w**2 @ variances))


def _measure(seed: int, *, early: bool = False, places: int | None = None) -> dict | None:
    """Measure the keys, named mistakes, patterns and task figures of the cohort from ``seed``.

    With ``early``, stop and return None as soon as a pattern fails (the cheap ones first:
    the cohort's mean costs, then the cost score's, before the second score is learnt).
    Question 1 is measured for ``places`` places, or for every candidate number of places
    (``measured["q1"][places]``).
    """
    data: Any = make_cost_vs_need_cohort(random_state=seed)  # a Bunch (not return_X_y)
    frame = data.frame
    means = frame.groupby("race", observed=True)["cost"].mean()
    patterns = {"extra_cost": float(means["Black"] / means["White"] - 1)}
    if early and not patterns["extra_cost"] >= _MIN_EXTRA_COST:
        return None
    train, judged = train_test_split(frame, test_size=1 / 3, random_state=seed)
    judged = judged.reset_index(drop=True)
    features = []
    for part in (train, judged):
        x = part[list(data.feature_names)].astype(float)
        x["prior_cost"] = np.log1p(x["prior_cost"])
        features.append(x)

    def learnt(target):
        model = PoissonRegressor(alpha=0, solver="newton-cholesky")
        return model.fit(features[0], train[target]).predict(features[1])

    race = judged["race"].to_numpy(dtype=str)
    black, white = race == "Black", race == "White"
    need = judged["n_chronic_next"].to_numpy(dtype=float)
    this_year = judged["n_chronic"].to_numpy(dtype=float)
    cost_next = judged["cost"].to_numpy(dtype=float)
    latent = judged["latent_illness"].to_numpy(dtype=float)

    def above(values, percentile):
        return values >= np.percentile(values, percentile)

    def gap(chosen, measure=need):
        return float(measure[chosen & black].mean() - measure[chosen & white].mean())

    fair = _gap_ci(need, above(latent, _PROGRAMME), black, white)
    patterns["fair_enrolled_gap"], patterns["fair_enrolled_low"] = fair[0], fair[1]
    if early and not _fair_enrolled_fits(patterns):
        return None  # cheap: before any score is learnt
    cost_score = learnt("cost")
    # The 20 bands of 5 centiles of the cost score, as the figures of section 4 draw them.
    fifths = np.argsort(np.argsort(cost_score)) * 20 // len(cost_score)
    cost_gaps = np.array(
        [
            cost_next[(fifths == t) & black].mean() / cost_next[(fifths == t) & white].mean() - 1
            for t in range(20)
        ]
    )
    patterns["top_cost_gap"] = float(cost_gaps[-1])
    patterns["bottom_cost_gap"] = float(cost_gaps[0])
    # The caption's « en moyenne » figure: mean absolute gap above the 10th centile.
    patterns["mean_cost_gap"] = float(np.abs(cost_gaps[2:]).mean())
    if early and not _top_band_fits(patterns):
        return None
    patterns["centile_low"] = _centile_gap_low(cost_score, need, black, white)
    enrolled, band = above(cost_score, _PROGRAMME), above(cost_score, _BAND)
    # Q4's bank of statements (evaluated session): each statement drawn must be true.
    enrolled_gap = _gap_ci(need, enrolled, black, white)
    half_width = np.hypot(enrolled_gap[0] - enrolled_gap[1], fair[0] - fair[1])
    patterns["enrolled_excess_low"] = float(enrolled_gap[0] - fair[0] - half_width)
    patterns["band_low"] = _gap_ci(need, band, black, white)[1]
    fair_band = _gap_ci(need, above(latent, _BAND), black, white)
    patterns["fair_band_low"] = fair_band[1]
    # « près du seuil »'s « oui » wording: the top band's gap exceeds the fair score's in its
    # own top band (normal CI of the difference; the module's table shows a bootstrap one).
    cost_band = _gap_ci(need, band, black, white)
    patterns["band_excess_low"] = float(
        cost_band[0]
        - fair_band[0]
        - np.hypot(cost_band[0] - cost_band[1], fair_band[0] - fair_band[1])
    )
    # Q4's bank (evaluated session; pairs of wordings since review 03 d16).
    cost_centile, cost_centile_var = _bands_gap(cost_score, need, black, white, 100)
    fair_centile, fair_centile_var = _bands_gap(latent, need, black, white, 100)
    patterns["centile_excess_low"] = (
        cost_centile - fair_centile - 1.96 * float(np.sqrt(cost_centile_var + fair_centile_var))
    )
    inner, inner_var = _bands_gap(cost_score, need, black, white, 100, first=_PROGRAMME)
    patterns["enrolled_centile_low"] = inner - 1.96 * float(np.sqrt(inner_var))
    # Review 03 d16, finding 1: in centiles 97 to 99 a fair score too keeps a gap (0,30 on
    # average), so « entre inscrits »'s « oui » wording compares the cost score's gap there to
    # the fair score's, in its own centiles 97 to 99: the CI of the difference must exclude 0.
    fair_inner, fair_inner_var = _bands_gap(latent, need, black, white, 100, first=_PROGRAMME)
    patterns["fair_enrolled_centile_gap"] = fair_inner
    patterns["enrolled_centile_excess_low"] = (
        inner - fair_inner - 1.96 * float(np.sqrt(inner_var + fair_inner_var))
    )
    lower, lower_var = _bands_gap(latent, cost_score, black, white, 100)
    patterns["latent_score_high"] = lower + 1.96 * float(np.sqrt(lower_var))
    rate, rate_var = _bands_gap(latent, enrolled.astype(float), black, white, 100, first=90)
    patterns["latent_rate_high"] = rate + 1.96 * float(np.sqrt(rate_var))
    k_black, k_white = int((enrolled & black).sum()), int((enrolled & white).sum())
    n_black, n_white = int(black.sum()), int(white.sum())
    everyone = np.ones_like(black)
    answers = {"ecart_maladies": gap(enrolled)}
    costliest = above(cost_next, _BAND)
    black_mean = float(need[enrolled & black].mean())
    white_mean = float(need[enrolled & white].mean())
    mistakes = {
        "ecart_maladies": {
            "groupes inversés": -answers["ecart_maladies"],
            "toute la cohorte": gap(everyone),
            "cette année": gap(enrolled, this_year),
            "tranche_haute": gap(band),
            "plus_couteux": gap(costliest),
            # Review 03 d18, finding 5: the formative session's other named mistakes, now in
            # the evaluated hidden test too.
            "coût": gap(enrolled, cost_next),
            "médianes": float(
                np.median(need[enrolled & black]) - np.median(need[enrolled & white])
            ),
            "sommes": float(need[enrolled & black].sum() - need[enrolled & white].sum()),
            "rapport": black_mean / white_mean,
            "écart relatif": (black_mean - white_mean) / white_mean,
            "moyenne des noirs": black_mean,
            "moyenne des blancs": white_mean,
        },
    }
    # Question 1 (review 03 d18): the share of Black patients among the ``places`` first of
    # the cost score's ranking, for each number of places a copy may be given.
    order = np.argsort(-cost_score, kind="stable")
    share_97 = k_black / (k_black + k_white)
    q1 = {}
    for n_places in _PLACES_CANDIDATES if places is None else (places,):
        top = np.zeros(len(race), dtype=bool)
        top[order[:n_places]] = True
        bottom = np.zeros(len(race), dtype=bool)
        bottom[order[-n_places:]] = True
        k = int((top & black).sum())
        q1[n_places] = {
            "answer": k / n_places,
            "mistakes": {
                "inscrits du 97e centile": share_97,
                "taux de sélection": k / n_black,
                "part dans la cohorte": n_black / (n_black + n_white),
                "groupes inversés": int((top & white).sum()) / n_places,
                "bas du classement": float(black[bottom].mean()),
                "étude réelle": 0.177,
                "rapport entre groupes": k / int((top & white).sum()),
                "sur toute la cohorte": k / len(race),
                # Review 03 d18, finding 5: the count itself, and the 97th centile's Black
                # enrolled divided by the places (a mixed denominator).
                "nombre de retenus noirs": float(k),
                "inscrits du 97e sur les places": k_black / n_places,
            },
            # No tie at the cut-off: every way of taking the first places keeps the same ones.
            "tie": bool(cost_score[order[n_places - 1]] == cost_score[order[n_places]]),
            "n_black": k,
        }
    if early and _close_mistake(answers, mistakes):
        return None  # before learning the second score: most rejected candidates stop here
    health_score = learnt("n_chronic_next")
    mistakes["ecart_maladies"]["score « maladies »"] = gap(above(health_score, _PROGRAMME))
    task = {"share_in_cohort": n_black / len(race)}
    return {
        "answers": answers,
        "mistakes": mistakes,
        "patterns": patterns,
        "task": task,
        "q1": q1,
    }


#: The formative session's keys of questions 1 to 3: a cohort whose key equals one of them, at
#: the judged precision, is left out (review 03 d16, finding 4: 7 of the 150 cohorts had Q1's
#: 0,157, 1 had Q2's 1,64; a copy that recalls the formative answer would score).
FORMATIVE_ANSWERS = {"part_noirs_cout": 0.1469, "ecart_maladies": 1.645}
#: What a student who recalls the formative answers may write (review 03 d18, finding 4: the
#: formative 0,147 earned full marks on 11 of 116 copies under the tolerance of one unit): none
#: may earn any point on a copy of the pool, checked with the grader's own rule
#: (:func:`formative_answer_scores`).
FORMATIVE_RECALLED = {
    "part_noirs_cout": (0.146875, 0.1469, 0.147, 0.15),
    "ecart_maladies": (1.6446, 1.645, 1.64),
}
#: The last decimal each question judges (since review 03 d18, finding 4, question 1 at 4 and
#: question 2 at 3, so that the tolerance of one unit covers few keys; question 3 is a choice).
_DECIMALS = {"part_noirs_cout": 4, "ecart_maladies": 3}
#: The numbers of places a copy's programme may have in question 1 (review 03 d18), as in the
#: notebook: neither the 97th centile's 497 nor the formative session's 640. Since review 03
#: d18, finding 4, none is a multiple of 5: with 380, 420, … 760 (multiples of 20) many keys
#: were the same round fraction (0,15 = 57/380 = 63/420 = …), which a blind guess found.
_PLACES_CANDIDATES = (
    383,
    409,
    433,
    458,
    479,
    521,
    547,
    569,
    593,
    614,
    661,
    683,
    709,
    733,
    757,
    778,
)
#: The formative session's number of places (graine 0).
FORMATIVE_PLACES = 640
#: Thresholds of the patterns (see :func:`_fits`).
_MIN_EXTRA_COST, _MAX_TOP_COST_GAP, _MIN_FAIR_ENROLLED_GAP, _MIN_CENTILE_LOW = (
    0.001,
    -0.03,
    0.1,
    0.1,
)
#: The bottom band's cost gap is at most this (« tout en bas », section 4's evaluated text).
_MAX_BOTTOM_COST_GAP = -0.1
#: Question 1's key is above the cohort's share by at most this (« de quelques points au plus »).
_MAX_ABOVE_COHORT = 0.06


def answer_points(value: float, key: float, decimals: int) -> float:
    """The share of the points (0, 0,5 or 1) the grader gives ``value`` for ``key``."""
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            outcome = checks.check_number(
                value, name="q", expected=key, decimals=decimals, points=2
            )
        except checks.IncorrectAnswer:
            return 0.0
    return 1.0 if outcome == checks.Outcome.CORRECT else 0.5


def formative_answer_scores(name: str, key: float) -> bool:
    """Whether an answer recalled from the formative session earns any point against ``key``.

    Judged by :func:`esn_teach.checks.check_number` itself, at the question's precision and
    with its points (full marks within one unit of the last decimal, half for the key rounded
    one decimal too far): exact equality is not enough (review 03 d18, finding 4).
    """
    return any(answer_points(value, key, _DECIMALS[name]) > 0 for value in FORMATIVE_RECALLED[name])


def _fair_enrolled_fits(patterns: dict[str, float]) -> bool:
    """Whether the fair score's gap among its enrolled patients is established.

    Q4's « entre inscrits » is « non » because a fair score, too, enrols sicker Black
    patients (« À retenir »): the gap must be at least 0.1 and its 95 % CI must exclude 0
    (review d12, finding 6: 0,18, CI −0,17 to 0,53, for « alice » before this rule).
    """
    return (
        patterns["fair_enrolled_gap"] >= _MIN_FAIR_ENROLLED_GAP
        and patterns["fair_enrolled_low"] > 0
    )


#: For each item of Q4's bank, the pattern that makes its two wordings true (:func:`_bank_fits`;
#: the « non » wordings' other facts are checked by :func:`_fits`).
_BANK_PATTERNS = {
    "erreur sur le coût": lambda p: p["latent_score_high"] < 0,
    "entre inscrits": lambda p: p["enrolled_centile_excess_low"] > 0,
    "part qui double": lambda p: p["latent_rate_high"] < 0,
    "inscrits et score juste": lambda p: p["centile_excess_low"] > 0,
    # Wording 1 (review 03 d23, finding 1): the cost score's gap centile by centile exceeds the
    # fair score's, measured the same way (not « the fair score leaves no gap », false on a
    # quarter of the pool).
    "centile par centile": lambda p: p["centile_excess_low"] > 0,
    "près du seuil": lambda p: (
        p["band_low"] > 0 and p["fair_band_low"] > 0 and p["band_excess_low"] > 0
    ),
}


def _bank_fits(patterns: dict[str, float]) -> bool:
    """Whether every statement of Q4's bank is true for the cohort (any copy may show it)."""
    return all(holds(patterns) for holds in _BANK_PATTERNS.values())


def _top_band_fits(patterns: dict[str, float]) -> bool:
    """Whether section 4's evaluated sentence holds for the cohort.

    « Tout en bas, et aussi tout en haut, là où le programme sélectionne, les patients noirs
    coûtent moins que les patients blancs de même score » : at least 3 % less in the top
    band (so that the printed « soit x % de moins » is never 0 to 2 %), 10 % in the bottom
    one. The evaluated text no longer says the top is worse than elsewhere (« surtout tout
    en haut »): for some cohorts the top band's gap is below the caption's mean gap.
    """
    return (
        patterns["top_cost_gap"] <= _MAX_TOP_COST_GAP
        and patterns["bottom_cost_gap"] <= _MAX_BOTTOM_COST_GAP
    )


def _rounds_like_key(value: float, key: float, decimals: int) -> bool:
    """Whether ``value``, one decimal coarser, would earn half the points (« trop arrondi »).

    :func:`esn_teach.checks.check_number` gives half the points to an answer with one decimal
    fewer than asked that stands for the key (0,13 for 0,1288): a named mistake (0,1267) that
    rounds to the same coarse value would earn them too, with « bon raisonnement ».
    """
    return _too_rounded(
        round(value, decimals - 1),
        decimals,
        lambda candidate: round(candidate, decimals) == round(key, decimals),
    )


def _q1_fits(measured: dict, places: int) -> bool:
    """Whether question 1 at ``places`` places keeps its texts true and its mistakes apart.

    The key is a minority among the retained patients, close to their share of the cohort
    (the evaluated reveal: « un peu au-dessus, de quelques points au plus »), at least 40 Black
    patients are retained, no tie at the cut-off; no answer recalled from the formative session
    earns a point (:func:`formative_answer_scores`), and no
    named mistake is within two units of the key, rounds like it, or is within one unit of
    another named mistake (each message must name its own mistake).
    """
    q1 = measured["q1"][places]
    share, decimals = q1["answer"], _DECIMALS["part_noirs_cout"]
    above = share - measured["task"]["share_in_cohort"]
    if not (
        q1["n_black"] >= 40
        and not q1["tie"]
        # The evaluated reveal (review 03 d18, finding 7): « elle est un peu au-dessus, de
        # quelques points au plus ».
        and 0 < above <= _MAX_ABOVE_COHORT
        and share < 0.3
        and not formative_answer_scores("part_noirs_cout", share)
    ):
        return False
    values = list(q1["mistakes"].values())
    if _close_mistake({"part_noirs_cout": share}, {"part_noirs_cout": q1["mistakes"]}):
        return False
    return all(
        round(a, decimals) != round(b, decimals) for i, a in enumerate(values) for b in values[:i]
    )


def _fits(measured: dict | None, places: int | None = None) -> bool:
    """Whether a cohort shows every pattern the module's texts and keys rely on.

    With ``places``, question 1 too must fit at that number of places (:func:`_q1_fits`).
    """
    if measured is None:
        return False
    answers, mistakes = measured["answers"], measured["mistakes"]
    patterns = measured["patterns"]
    if not (
        patterns["extra_cost"] >= _MIN_EXTRA_COST  # « coûtent x % de plus en moyenne »
        and _top_band_fits(patterns)  # « y coûtent moins » (section 4, « À retenir », Q4)
        and _fair_enrolled_fits(patterns)  # the fair score's gap, established
        and _bank_fits(patterns)  # Q4's statements
        and patterns["centile_low"] > _MIN_CENTILE_LOW  # « centile par centile » shows the bias
        and 0.8 < answers["ecart_maladies"] < 3
    ):
        return False
    if formative_answer_scores("ecart_maladies", answers["ecart_maladies"]):
        return False
    if places is not None and not _q1_fits(measured, places):
        return False
    return not _close_mistake(answers, mistakes)


def choose_places(measured: dict, start: int, taken: list[float] | None = None) -> int | None:
    """The number of places of a vetted cohort: a candidate that fits, tried from ``start``.

    The pool's cohorts take the candidates in turn (``start`` is the cohort's rank in the
    pool), so that the numbers of places spread over the copies. With ``taken`` (the keys of
    question 1 of the cohorts already chosen), the fitting candidate whose key has the fewest
    chosen keys within one unit of the judged decimal, then the fewest with the same value one
    decimal coarser, is chosen, and its key is added to ``taken`` (review 03 d18, finding 4:
    a blind guess, a neighbour's value or a coarse value then stands for few copies).
    """
    n = len(_PLACES_CANDIDATES)
    fitting = [
        _PLACES_CANDIDATES[(start + i) % n]
        for i in range(n)
        if _q1_fits(measured, _PLACES_CANDIDATES[(start + i) % n])
    ]
    if not fitting:
        return None
    if taken is None:
        return fitting[0]
    decimals = _DECIMALS["part_noirs_cout"]
    unit = 10.0**-decimals

    def used(places: int) -> tuple[int, int]:
        key = round(measured["q1"][places]["answer"], decimals)
        near = sum(abs(round(other, decimals) - key) <= unit + 1e-12 for other in taken)
        coarse = sum(round(other, decimals - 1) == round(key, decimals - 1) for other in taken)
        return near, coarse

    places = min(fitting, key=used)  # the first of the least taken, in turn
    taken.append(measured["q1"][places]["answer"])
    return places


def apart(key: float, taken: list[float], decimals: int) -> bool:
    """Whether ``key`` may join the pool's ``taken`` keys of a question judged at ``decimals``.

    No kept key within one unit of the last decimal (a guess then earns full marks on at most
    two copies), and at most one with the same value one decimal coarser (half marks on at
    most two): review 03 d18, finding 4. Question 2's keys do not depend on the places, so the
    pool leaves out the cohorts that would crowd them.
    """
    unit = 10.0**-decimals
    near = any(abs(round(o, decimals) - round(key, decimals)) <= unit + 1e-12 for o in taken)
    coarse = sum(round(o, decimals - 1) == round(key, decimals - 1) for o in taken)
    return not near and coarse < 2


def best_blind_guess(keys: list[float], decimals: int) -> tuple[float, float, int, int]:
    """The constant answer that earns most over ``keys``, judged by the grader's rule.

    Tries every key at the judged precision and one decimal coarser (the values a blind guess
    or a neighbour's whisper would be). Returns the guess, its mean share of the points over
    the keys, and on how many keys it earns full and half marks (review 03 d18, finding 4).
    """
    guesses = sorted({round(k, decimals) for k in keys} | {round(k, decimals - 1) for k in keys})
    best = (0.0, -1.0, 0, 0)
    for guess in guesses:
        points = [answer_points(guess, key, decimals) for key in keys]
        mean = sum(points) / len(points)
        if mean > best[1]:
            best = (guess, mean, points.count(1.0), points.count(0.5))
    return best


def _close_mistake(answers: dict[str, float], mistakes: dict[str, dict[str, float]]) -> bool:
    """Whether a named mistake of questions 1 to 3 could score as the key.

    Within two units of the last judged decimal of the key, it would earn the points (one
    unit is tolerated); rounded one decimal coarser to what stands for the key, half of them
    (« trop arrondi »).
    """
    for name, key in answers.items():
        decimals = _DECIMALS[name]
        margin = 2 * 10.0**-decimals + 1e-9
        for value in mistakes[name].values():
            if abs(value - key) <= margin or _rounds_like_key(value, key, decimals):
                return True
    return False


def candidate(k: int) -> int:
    """Return the ``k``-th candidate cohort seed of the pool."""
    return int(np.random.SeedSequence([POOL_ENTROPY, int(k)]).generate_state(1)[0])


def vetted(seed: int, start: int = 0) -> int | None:
    """The number of places of the cohort from ``seed`` if it may be in the pool, else None.

    Every text must be true and no named mistake close to a key; every wording of question 4
    must hold, whichever a copy draws; question 1 is tried at the candidate numbers of places
    from ``start`` on (:func:`choose_places`).
    """
    measured = _measure(seed, early=True)
    if not _fits(measured):
        return None
    return choose_places(measured, start)


def _main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--start", type=int, default=0, help="first candidate index k")
    parser.add_argument("--count", type=int, default=10, help="cohorts to keep")
    parser.add_argument("--rank", type=int, default=0, help="rank in the pool of the first kept")
    parser.add_argument(
        "--places", action="store_true", help="print the places of the pool's cohorts and stop"
    )
    args = parser.parse_args()
    if args.places:
        from esn_teach.explorers._cost_need_variant import _COHORT_SEEDS

        taken: list[float] = []
        taken_q2: list[float] = []
        for rank, seed in enumerate(_COHORT_SEEDS):
            measured = _measure(seed)
            places = None
            if _fits(measured) and apart(measured["answers"]["ecart_maladies"], taken_q2, 3):
                places = choose_places(measured, rank, taken)
                if places is not None:
                    taken_q2.append(measured["answers"]["ecart_maladies"])
            print(f"{places},  # {seed}", flush=True)
        return
    kept, k = 0, args.start
    while kept < args.count:
        places = vetted(candidate(k), start=args.rank + kept)
        if places is not None:
            print(f"({candidate(k)}, {places}),  # k = {k}", flush=True)
            kept += 1
        k += 1


if __name__ == "__main__":
    _main()
