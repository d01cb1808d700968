"""Module 03's evaluated session: draw each student's cohort so that its texts stay true.

The module's evaluated texts and answer keys rely on patterns that most seeds of
:func:`esn_teach.datasets.make_cost_vs_need_cohort` show but some do not (a fresh
review found the extra cost of Black patients negative for a third of the
identifiers). :func:`cost_need_variant` tries candidate seeds derived from the
student's seed and keeps the first one that shows every pattern, and whose
answers to questions 1 to 3 no named mistake comes close to.
"""

from __future__ import annotations

import functools
import numbers
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.linear_model import PoissonRegressor
from sklearn.model_selection import train_test_split

from esn_teach._validation import check_finite_scalar
from esn_teach.checks._checks import _too_rounded
from esn_teach.datasets import make_cost_vs_need_cohort

__all__ = [
    "CostNeedVariant",
    "cost_need_seed",
    "cost_need_statements",
    "cost_need_variant",
]

#: The programme's threshold (97th percentile) and the top band (95th to 100th).
_PROGRAMME, _BAND = 97, 95


@dataclass(frozen=True)
class CostNeedVariant:
    """One student's cohort for module 03's evaluated session (see :func:`cost_need_variant`).

    Attributes
    ----------
    seed : int
        The seed of the cohort and of its split (``graine`` in the notebook).
    tries : int
        How many candidates were drawn before this one was kept (1: the
        student's own seed).
    answers : dict of str to float
        The keys of questions 1 to 3 (``part_noirs_cout``, ``ecart_maladies``,
        ``ecart_score_egal``) on this cohort (one task for every copy).
    mistakes : dict of str to dict of str to float
        For each question, the value of each named mistake on this cohort.
    patterns : dict of str to float
        The figures the texts rely on: ``extra_cost`` (mean cost of Black
        patients over White, minus 1), ``top_cost_gap`` and ``bottom_cost_gap``
        (same, in the top and bottom bands of 5 centiles of the cost score),
        ``mean_cost_gap`` (mean absolute gap of the bands above the 10th
        centile, as the caption of section 4's figure), ``fair_enrolled_gap`` and
        ``fair_enrolled_low`` (the fair score's gap among its enrolled patients
        and the low bound of its 95 % CI),
        ``centile_low`` (low bound of the cost score's gap centile by centile),
        ``enrolled_excess_low`` (low bound of the cost score's gap among its enrolled
        minus the fair score's among its own), ``band_low`` and ``fair_band_low``
        (low bounds of the gaps in the top band of the cost score and of the fair score),
        and the figures of Q4's second wordings: ``centile_excess_low`` (low bound of the
        cost score's gap centile by centile minus the fair score's), ``enrolled_centile_low``
        (low bound of the gap centile by centile among the enrolled), ``latent_score_high``
        and ``latent_rate_high`` (high bounds, at equal latent illness, of the cost score's gap
        and, from the 90th centile of the latent illness, of the selection rates' gap).
    """

    seed: int
    tries: int
    answers: dict[str, float]
    mistakes: dict[str, dict[str, float]]
    patterns: dict[str, float]


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


def _measure(seed: int, *, early: bool = False) -> dict | None:
    """Measure the keys, named mistakes, patterns and task figures of the cohort from ``seed``.

    With ``early``, stop and return None as soon as a pattern fails (the cheap ones first:
    the cohort's mean costs, then the cost score's, before the second score is learnt).
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
    patterns["fair_band_low"] = _gap_ci(need, above(latent, _BAND), black, white)[1]
    # Second wordings of Q4's bank (evaluated session, night of 6 December 2026).
    cost_centile, cost_centile_var = _bands_gap(cost_score, need, black, white, 100)
    fair_centile, fair_centile_var = _bands_gap(latent, need, black, white, 100)
    patterns["centile_excess_low"] = (
        cost_centile - fair_centile - 1.96 * float(np.sqrt(cost_centile_var + fair_centile_var))
    )
    inner, inner_var = _bands_gap(cost_score, need, black, white, 100, first=_PROGRAMME)
    patterns["enrolled_centile_low"] = inner - 1.96 * float(np.sqrt(inner_var))
    lower, lower_var = _bands_gap(latent, cost_score, black, white, 100)
    patterns["latent_score_high"] = lower + 1.96 * float(np.sqrt(lower_var))
    rate, rate_var = _bands_gap(latent, enrolled.astype(float), black, white, 100, first=90)
    patterns["latent_rate_high"] = rate + 1.96 * float(np.sqrt(rate_var))
    k_black, k_white = int((enrolled & black).sum()), int((enrolled & white).sum())
    n_black, n_white = int(black.sum()), int(white.sum())
    everyone = np.ones_like(black)
    answers = {
        "part_noirs_cout": k_black / (k_black + k_white),
        "ecart_maladies": gap(enrolled),
        "ecart_score_egal": gap(band),
    }
    costliest = above(cost_next, _BAND)
    mistakes = {
        "part_noirs_cout": {
            "taux de sélection": k_black / n_black,
            "part dans la cohorte": n_black / (n_black + n_white),
            "groupes inversés": k_white / (k_black + k_white),
            "étude réelle": 0.177,
            "rapport des inscrits": k_black / k_white,
            "sur toute la cohorte": k_black / len(race),
            "sur les patients blancs": k_black / n_white,
            "taux combinés": (k_black / n_black) / (k_black / n_black + k_white / n_white),
        },
        "ecart_maladies": {
            "groupes inversés": -answers["ecart_maladies"],
            "toute la cohorte": gap(everyone),
            "cette année": gap(enrolled, this_year),
            "tranche_haute": gap(band),
            "plus_couteux": gap(costliest),
        },
        "ecart_score_egal": {
            "groupes inversés": -answers["ecart_score_egal"],
            "toute la cohorte": gap(everyone),
            "cette année": gap(band, this_year),
            "inscrits de la question 2": gap(enrolled),
            "plus_couteux": gap(costliest),
        },
    }
    if early and _close_mistake(answers, mistakes):
        return None  # before learning the second score: most rejected candidates stop here
    health_score = learnt("n_chronic_next")
    mistakes["ecart_maladies"]["score « maladies »"] = gap(above(health_score, _PROGRAMME))
    mistakes["ecart_score_egal"]["tranche « maladies »"] = gap(above(health_score, _BAND))
    task = {"n_black_enrolled": k_black, "share_in_cohort": n_black / len(race)}
    return {
        "answers": answers,
        "mistakes": mistakes,
        "patterns": patterns,
        "task": task,
    }


#: The last decimal each question judges (3 for question 1, 2 for questions 2 and 3).
_DECIMALS = {"part_noirs_cout": 3, "ecart_maladies": 2, "ecart_score_egal": 2}
#: Thresholds of the patterns (see :func:`cost_need_variant`).
_MIN_EXTRA_COST, _MAX_TOP_COST_GAP, _MIN_FAIR_ENROLLED_GAP, _MIN_CENTILE_LOW = (
    0.001,
    -0.03,
    0.1,
    0.1,
)
#: The bottom band's cost gap is at most this (« tout en bas », section 4's evaluated text).
_MAX_BOTTOM_COST_GAP = -0.1


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


#: For each second wording of Q4's bank, the pattern that makes it true (:func:`_bank_fits`).
_SECOND_PATTERNS = {
    "erreur sur le coût": lambda p: p["latent_score_high"] < 0,
    "entre inscrits": lambda p: p["enrolled_centile_low"] > 0,
    "part qui double": lambda p: p["latent_rate_high"] < 0,
    "inscrits et score juste": lambda p: p["centile_excess_low"] > 0,
    "centile par centile": lambda p: True,  # the evaluated text of section 4 says it
    "près du seuil": lambda p: p["band_low"] > 0 and p["fair_band_low"] > 0,
}


def _bank_fits(patterns: dict[str, float], second: dict[str, bool] | None = None) -> bool:
    """Whether the statements of Q4's bank a copy shows are true for the cohort.

    ``second`` (from :func:`cost_need_statements`) says which items show their second
    wording; by default, every second wording must hold. The first wordings' patterns are
    checked by :func:`_fits` (« centile par centile », the fair score's gaps).
    """
    drawn = [key for key in _SECOND_PATTERNS if second is None or second.get(key)]
    return all(_SECOND_PATTERNS[key](patterns) for key in drawn)


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


def _fits(measured: dict | None, second: dict[str, bool] | None = None) -> bool:
    """Whether a cohort shows every pattern the module's texts and keys rely on.

    ``second`` is the copy's draw of Q4's wordings (:func:`cost_need_statements`); by
    default, every statement of the bank is checked.
    """
    if measured is None:
        return False
    answers, mistakes = measured["answers"], measured["mistakes"]
    patterns, task = measured["patterns"], measured["task"]
    share = answers["part_noirs_cout"]
    if not (
        patterns["extra_cost"] >= _MIN_EXTRA_COST  # « coûtent x % de plus en moyenne »
        and _top_band_fits(patterns)  # « y coûtent moins » (section 4, « À retenir », Q4)
        and _fair_enrolled_fits(patterns)  # the fair score's gap, established
        and _bank_fits(patterns, second)  # Q4's statements
        and patterns["centile_low"] > _MIN_CENTILE_LOW  # « centile par centile » shows the bias
        and task["n_black_enrolled"] >= 40
        and 0.8 < share / task["share_in_cohort"] < 1.6
        and share < 0.3
        and 0.8 < answers["ecart_maladies"] < 3
        and 0.8 < answers["ecart_score_egal"] < 3
    ):
        return False
    return not _close_mistake(answers, mistakes)


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


def _candidate(student_seed: int, k: int) -> int:
    """Return the ``k``-th candidate seed: the student's own seed, then seeds derived from it."""
    if k == 0:
        return int(student_seed)
    return int(np.random.SeedSequence([int(student_seed), k]).generate_state(1)[0])


def cost_need_seed(student_seed: int) -> int:
    """Return the seed of a student's cohort for module 03, and nothing else.

    What the evaluated notebook's visible cells call: :func:`cost_need_variant` also
    returns the keys and named mistakes of questions 1 to 3, which a student could read
    from their kernel by calling it (the kernel audit of 6 December, evening). The hidden
    tests recompute the keys from this seed.

    Parameters
    ----------
    student_seed : int
        From ``checks.student_seed("03")``.

    Returns
    -------
    int
        The cohort's seed (``make_cost_vs_need_cohort(random_state=...)``).
    """
    return cost_need_variant(student_seed).seed


def cost_need_variant(student_seed: int, *, max_tries: int = 400) -> CostNeedVariant:
    """Draw a student's cohort for module 03, keeping the situation its texts describe.

    Candidates are the student's seed, then ``SeedSequence([student_seed, k])``
    for ``k = 1, 2, …``; the first kept has Black patients costing more on
    average (by at least 0.1 %), less in the top band of the cost score (at
    least 3 % less) and in the bottom band (at least 10 % less), the fair
    score's gap among its enrolled patients at least 0.1 with a 95 % CI
    above 0, the statements of question 4's bank true (:func:`_bank_fits`), the cost score's
    gap centile by centile with a 95 % CI above 0.1, the task of questions 1
    to 3 unchanged (at least 40 enrolled Black patients, their share among
    the enrolled below 0.3 and between 0.8 and 1.6 times their share of the
    cohort, both gaps between 0.8 and 3), and no named
    mistake of questions 1 to 3 within 2 units of the last judged decimal of
    the key, nor rounding, one decimal coarser, to a value that stands for the
    key (the thresholds of :func:`_fits`).

    Parameters
    ----------
    student_seed : int
        From :func:`esn_teach.checks.student_seed`.
    max_tries : int, default=400
        Candidates tried before giving up.

    Returns
    -------
    CostNeedVariant

    Raises
    ------
    RuntimeError
        If no candidate fits within ``max_tries``.
    """
    check_finite_scalar(student_seed, "student_seed", numbers.Integral, min_val=0)
    check_finite_scalar(max_tries, "max_tries", numbers.Integral, min_val=1)
    return _draw(int(student_seed), int(max_tries))


@functools.lru_cache(maxsize=8)
def _draw(student_seed: int, max_tries: int) -> CostNeedVariant:
    """Draw the cohort; kept for the kernel, so that it runs once per copy.

    The session's first cell and the three hidden tests of a copy, run in one kernel by
    the autograder, then draw it once instead of four times.
    """
    # The copy's wordings of question 4, drawn as its cells draw them
    # (``checks.variant_rng("03")`` is ``default_rng(student_seed)``): only what the copy
    # shows is checked. Questions 1 to 3 have one task for every copy (review 03 d14,
    # findings 1 and 5: the per-copy tasks of the night of 6 December were removed).
    _, second = cost_need_statements(np.random.default_rng(student_seed))
    for k in range(max_tries):
        seed = _candidate(student_seed, k)
        measured = _measure(seed, early=True)
        if measured is not None and _fits(measured, second):
            answers, mistakes = measured["answers"], measured["mistakes"]
            return CostNeedVariant(seed, k + 1, answers, mistakes, measured["patterns"])
    raise RuntimeError(
        f"Aucune cohorte ne convient parmi les {max_tries} premières graines tirées de "
        f"{student_seed} : signalez-le à l'enseignant."
    )


#: Question 4's statements (evaluated session), in the order of the answer's keys: the first
#: wording of each, as in the formative version (without its figures, and naming the table
#: rather than questions 1 to 3, whose values vary from copy to copy).
_STATEMENTS = {
    "erreur sur le coût": "Tout en haut, le score se trompe sur le coût : les patients noirs y "
    "coûtent moins que les blancs de même score (section 4).",
    "entre inscrits": "Les inscrits noirs ont plus de maladies chroniques que les inscrits "
    "blancs, et l'IC 95 % de cet écart exclut 0 (tableau, écart entre inscrits).",
    "part qui double": "La cible « maladies » inscrit à peu près deux fois plus de patients "
    "noirs que la cible « coût » (tableau, première ligne).",
    "inscrits et score juste": "L'écart entre inscrits du score « coût » est bien plus grand "
    "que l'écart du score juste sur tous les scores (tableau, dernière colonne).",
    "centile par centile": "Comparés centile par centile du score « coût », les patients noirs "
    "ont en moyenne plus de maladies chroniques que les blancs, et l'IC 95 % de cet écart "
    "exclut 0 (ligne sous le tableau).",
    "près du seuil": "Du 95e au 100e centile, l'écart du score « coût » dépasse celui du score "
    "juste dans sa tranche du haut, et l'IC 95 % de cette différence exclut 0 (tableau).",
}
#: How many of a copy's six keys are « oui » (the other three are « non »): 20 key patterns.
_YES_PER_COPY = 3
#: The first wordings' keys (the formative keys).
_FIRST_KEYS = {
    "erreur sur le coût": "non",
    "entre inscrits": "non",
    "part qui double": "non",
    "inscrits et score juste": "non",
    "centile par centile": "oui",
    "près du seuil": "oui",
}
#: The second wordings, each of the opposite key, drawn item by item for half of the copies
#: (the module's notes give the keys and why each is as demanding). Each is true for every
#: cohort drawn for a copy that shows it (:func:`_bank_fits`). « inscrits et score juste »
#: had another second wording until 6 December, evening (« l'écart entre inscrits dépasse
#: celui des inscrits du score juste »): a lecturer showed it compares different patients.
_SECOND_WORDINGS = {
    "erreur sur le coût": "À maladie latente égale (le même besoin réel), le score « coût » "
    "donne aux patients noirs un score plus bas qu'aux patients blancs, parce qu'on dépense "
    "moins pour eux ; l'IC 95 % de cet écart exclut 0 (calcul non montré).",
    "entre inscrits": "Parmi les inscrits, comparés centile par centile du score « coût » "
    "(97e, 98e et 99e centiles), les patients noirs ont en moyenne plus de maladies "
    "chroniques que les blancs, et l'IC 95 % de cet écart exclut 0 (calcul non montré).",
    "part qui double": "Parmi des patients de même maladie latente (le même besoin réel), le "
    "score « coût » inscrit moins souvent les patients noirs que les patients blancs (un taux "
    "d'inscription plus faible), et l'IC 95 % de cet écart exclut 0 (calcul non montré).",
    "inscrits et score juste": "Mesuré non plus entre inscrits mais centile par centile, sur "
    "tous les scores, l'écart du score « coût » dépasse celui du score juste mesuré de la "
    "même façon, et l'IC 95 % de leur différence exclut 0 (calcul non montré).",
    "centile par centile": "Comparés centile par centile du score « coût », les patients "
    "noirs et blancs coûtent à peu près autant l'année suivante : le score est à peu près "
    "calibré pour le coût (section 4, figure de gauche).",
    "près du seuil": "Du 95e au 100e centile du score « coût », les patients noirs ont plus de "
    "maladies chroniques que les patients blancs, et l'IC 95 % de cet écart exclut 0 "
    "(tableau, tranche du haut).",
}


def cost_need_statements(rng: np.random.Generator) -> tuple[list[tuple[str, str]], dict[str, bool]]:
    """Draw question 4's statements for one copy of module 03's evaluated session.

    Kept in the library rather than in the notebook, whose folded code a student can read:
    the drawn wording is shown, not the other one. Each item has two wordings of opposite
    keys (the keys are in the hidden test and the module's notes, not here).

    Parameters
    ----------
    rng : numpy.random.Generator
        From ``checks.variant_rng("03")``; the draw takes the display order first
        (``rng.permutation(6)``), then one wording for each item (``rng.integers(2,
        size=6)``, in the order of the answer's keys, drawn again until three keys are
        « oui »), so that a hidden test recomputes it.

    Returns
    -------
    statements : list of (str, str)
        ``(key, statement)`` in the drawn display order.
    second : dict of str to bool
        For each item, whether its second wording was drawn.
    """
    order = rng.permutation(len(_STATEMENTS))
    while True:  # three « oui » and three « non » for every copy (review 03 d14, finding 3)
        drawn = rng.integers(2, size=len(_STATEMENTS))
        second = {key: bool(flag) for key, flag in zip(_STATEMENTS, drawn, strict=True)}
        if list(_statement_keys(second).values()).count("oui") == _YES_PER_COPY:
            break
    texts = {
        key: _SECOND_WORDINGS[key] if second[key] else text for key, text in _STATEMENTS.items()
    }
    keys = list(texts)
    return [(keys[i], texts[keys[i]]) for i in order], second


def _statement_keys(second: dict[str, bool]) -> dict[str, str]:
    """Return the keys of question 4 for a copy's wordings (hidden tests only)."""
    flip = {"oui": "non", "non": "oui"}
    return {key: flip[first] if second[key] else first for key, first in _FIRST_KEYS.items()}
