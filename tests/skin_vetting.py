"""Vet the seeds of module 05's evaluated session (test side, not in the installed package).

:func:`esn_teach.explorers.skin_variant` gives each copy one pair of seeds (training, vendor's
test) from a fixed pool (``_SEED_PAIRS``). The pool was built, and is checked by
``tests/modules/test_module_05.py``, with the code below: it computes, for each candidate, the
keys of questions 1 and 4 and the values of their named mistakes, and keeps the candidates
where the questions read as the module says and no named mistake comes close to a key. This
code computes answer keys: it must stay out of ``esn_teach`` (review 07, finding 1; brief of 7
December 2026). It is independent of the notebook's hidden tests, which recompute a copy's keys
from its seeds.

Extend the pool::

    PYTHONPATH=$PWD .venv/bin/python tests/skin_vetting.py --count 20
"""

from __future__ import annotations

import argparse
from typing import Any, cast

import numpy as np
import pandas as pd

from esn_teach.datasets import make_skin_lesions
from esn_teach.datasets._skin import FEATURES
from esn_teach.evaluation import proportion_ci
from esn_teach.explorers import missed_by_group, train_on_mix
from esn_teach.explorers._skin_mix import OVERALL, V_VI_SHARES

#: The module's settings (the notebook's constants).
EDITOR_SHARE, HIGH_SHARE = 0.08, V_VI_SHARES[-1]
N_TEST, N_EDITOR_TEST, SENSITIVITY = 12_000, 2_000, 0.9
SETTINGS: dict[str, Any] = dict(n_train=10_000, n_validation=5_000, sensitivity=SENSITIVITY)
#: The stream of candidate seeds of the pool (``default_rng(POOL_ENTROPY)``).
POOL_ENTROPY = 2026_12_07_05
#: Question 4b (review d18): the lower bound of the gap's interval at 48 % is at least this far
#: from 0 (in points), so that a rounding or a misread decimal cannot flip « contient 0 » and
#: « exclut 0 ».
Q4B_MARGIN_POINTS = 1.0
#: Question 3a (review d18): types I and II on the balanced test either have intervals apart,
#: or each rate inside the other's interval, with this margin (a proportion): never the
#: ambiguous « slight overlap » case of the module's reading rule.
Q3A_MARGIN = 0.003


def gap_points(counts: pd.DataFrame) -> tuple[float, float, float]:
    """Gap of false-negative rates, V-VI minus I-II, and its 95 % interval, in points."""
    table: Any = counts
    dark, light = table.loc["V–VI"], table.loc["I–II"]
    gap = dark["fnr"] - light["fnr"]
    error = (
        dark["fnr"] * (1 - dark["fnr"]) / dark["cancers"]
        + light["fnr"] * (1 - light["fnr"]) / light["cancers"]
    ) ** 0.5
    return (
        float(100 * (gap - 1.96 * error)),
        float(100 * gap),
        float(100 * (gap + 1.96 * error)),
    )


def fnr_and_decoys(model, threshold: float, test: pd.DataFrame, phototype: str = "VI"):
    """Question 1's key (a type's false-negative rate) and the value of each named mistake."""
    other = "V" if phototype == "VI" else "VI"
    scores = model.predict_proba(test[list(FEATURES)])[:, 1]
    cancer = test["malignant"].to_numpy() == 1
    flagged = scores >= threshold
    types = test["fitzpatrick"].astype(str).to_numpy()
    mine = types == phototype
    missed = int((mine & cancer & ~flagged).sum())
    cancers = int((mine & cancer).sum())
    benign = int(mine.sum()) - cancers
    signalled = cancers - missed
    false_alarms = int((mine & ~cancer & flagged).sum())

    def rate(keep: np.ndarray) -> float:
        return float((keep & cancer & ~flagged).sum() / max((keep & cancer).sum(), 1))

    decoys = {
        "all lesions": missed / max(int(mine.sum()), 1),
        "false-positive rate": false_alarms / max(benign, 1),
        "sensitivity": signalled / max(cancers, 1),
        "over benign": missed / max(benign, 1),
        "all types": rate(np.ones(len(test), bool)),
        "over flagged": missed / max(signalled, 1),
        "group V-VI": rate((types == "V") | (types == "VI")),
        f"type {other}": rate(types == other),
    }
    return missed / max(cancers, 1), decoys


def pair_status(first: tuple[int, int], second: tuple[int, int]) -> str | None:
    """« separated », « inside » (each rate in the other's interval) or None (ambiguous).

    ``first`` and ``second`` are (missed, cancers) of two groups; Wilson intervals, with a
    margin of ``Q3A_MARGIN`` on every comparison.
    """
    low_1, high_1 = proportion_ci(*first)
    low_2, high_2 = proportion_ci(*second)
    rate_1, rate_2 = first[0] / first[1], second[0] / second[1]
    if low_1 > high_2 + Q3A_MARGIN or low_2 > high_1 + Q3A_MARGIN:
        return "separated"
    if (
        low_1 + Q3A_MARGIN < rate_2 < high_1 - Q3A_MARGIN
        and low_2 + Q3A_MARGIN < rate_1 < high_2 - Q3A_MARGIN
    ):
        return "inside"
    return None


def type_counts(model, threshold: float, test: pd.DataFrame, phototype: str) -> tuple[int, int]:
    """(missed, cancers) of one phototype."""
    scores = model.predict_proba(test[list(FEATURES)])[:, 1]
    keep = (test["fitzpatrick"].astype(str).to_numpy() == phototype) & (
        test["malignant"].to_numpy() == 1
    )
    return int((keep & (scores < threshold)).sum()), int(keep.sum())


def measure_training(seed: int) -> dict | None:
    """Vet a training seed (balanced test ``seed + 1``); None when it does not fit.

    The rules of the former library draw (notes of the module): a clear gap at 8 %, no named
    mistake of question 1 within 0.0025 of its key for either task (VI or V), question 4a's key
    (upper bound at 48 %) clear of its named mistakes and not a whole number, and 0 clearly
    inside or clearly below the gap's interval at 48 % (lower bound at least
    ``Q4B_MARGIN_POINTS`` from 0, review d18); types I and II of the balanced test clearly
    apart or clearly inside each other's interval (question 3a's second comparison, review d18).
    """
    test = cast(
        Any, make_skin_lesions(n_samples=N_TEST, type_shares=[1] * 6, random_state=seed + 1)
    ).frame
    editor = train_on_mix(EDITOR_SHARE, random_state=seed, **SETTINGS)
    counts: Any = missed_by_group(editor.model, editor.threshold, test)
    dark, light = counts.loc["V–VI"], counts.loc["I–II"]
    dark_low, dark_high = proportion_ci(int(dark["missed"]), int(dark["cancers"]))
    light_low, light_high = proportion_ci(int(light["missed"]), int(light["cancers"]))
    if not (
        counts.loc[OVERALL, "fnr"] > 1 - SENSITIVITY
        and dark_low > light_high + 0.02
        and min(dark["cancers"], light["cancers"]) >= 200
        and max(dark_high - dark_low, light_high - light_low) < dark["fnr"] - light["fnr"]
    ):
        return None
    light_pair = pair_status(
        type_counts(editor.model, editor.threshold, test, "I"),
        type_counts(editor.model, editor.threshold, test, "II"),
    )
    if light_pair is None:
        return None
    key, decoys = fnr_and_decoys(editor.model, editor.threshold, test)
    if any(abs(value - key) <= 0.0025 for value in decoys.values()):
        return None
    key_v, decoys_v = fnr_and_decoys(editor.model, editor.threshold, test, "V")
    values = [*decoys_v.values(), *(v for k, v in decoys.items() if k != "type V")]
    if any(abs(value - key_v) <= 0.0025 for value in values):
        return None
    high = train_on_mix(HIGH_SHARE, random_state=seed, **SETTINGS)
    gap_editor = gap_points(counts)
    gap_high = gap_points(missed_by_group(high.model, high.threshold, test))
    if not (gap_high[1] < gap_editor[0] and gap_high[2] > 4.0):
        return None
    if -Q4B_MARGIN_POINTS < gap_high[0] < Q4B_MARGIN_POINTS:
        return None
    if (
        min(
            abs(gap_editor[2] - gap_high[2]),
            abs(gap_editor[1] - gap_high[2]),
            gap_high[2] - gap_high[1],
        )
        <= 0.25
    ):
        return None
    if round(gap_high[2], 1) == round(gap_high[2]):
        return None
    return {
        "editor": editor,
        "key_vi": key,
        "decoys_vi": decoys,
        "key_v": key_v,
        "decoys_v": decoys_v,
        "gap_editor": gap_editor,
        "gap_high": gap_high,
        "persists": gap_high[0] > 0,
        "light_pair": light_pair,
    }


def editor_test_fits(editor, editor_test_seed: int) -> bool:
    """Whether the vendor's test from ``editor_test_seed`` reads as question 3b says."""
    lesions = cast(
        Any, make_skin_lesions(n_samples=N_EDITOR_TEST, random_state=editor_test_seed)
    ).frame
    counts = missed_by_group(editor.model, editor.threshold, lesions)
    dark, light = counts.loc["V–VI"], counts.loc["I–II"]
    light_cancers = int(
        (
            lesions["malignant"].astype(bool)
            & lesions["fitzpatrick"].astype(str).isin(["I", "II", "III"])
        ).sum()
    )
    if not (0 < dark["cancers"] <= 40 and light_cancers > 5 * dark["cancers"]):
        return False
    dark_low, dark_high = proportion_ci(int(dark["missed"]), int(dark["cancers"]))
    light_low, light_high = proportion_ci(int(light["missed"]), int(light["cancers"]))
    gap_low, _, gap_high_bound = gap_points(counts)
    overall = counts.loc[OVERALL]
    low, up = proportion_ci(int(overall["missed"]), int(overall["cancers"]))
    return bool(
        dark_low < light["fnr"] < dark_high
        and light_low < dark["fnr"] < light_high
        and gap_low < -5
        and gap_high_bound > 5
        and 0.08 <= overall["fnr"] <= 0.12
        and low < 1 - SENSITIVITY < up
    )


#: Question 3b (review d22, lecturer 2): half the slots of the pool give the vendor a larger
#: test, on which the gap V-VI minus I-II is established (intervals apart, with this margin,
#: a proportion), so that the key of question 3b differs between copies.
N_EDITOR_TEST_LARGE = 10_000
Q3B_MARGIN = 0.005


def editor_large_test_fits(editor, editor_test_seed: int, balanced_dark_fnr: float) -> bool:
    """Whether a large vendor's test reads « gap established » and flatters the vendor.

    The intervals of V-VI and I-II are apart (margin ``Q3B_MARGIN``), and the rate of V-VI is
    not above its rate on the balanced test (section 3: the vendor kept the test that flatters
    it, « n'y manque pas plus de cancers »).
    """
    lesions = cast(
        Any, make_skin_lesions(n_samples=N_EDITOR_TEST_LARGE, random_state=editor_test_seed)
    ).frame
    counts = missed_by_group(editor.model, editor.threshold, lesions)
    dark, light = counts.loc["V–VI"], counts.loc["I–II"]
    dark_low, _ = proportion_ci(int(dark["missed"]), int(dark["cancers"]))
    _, light_high = proportion_ci(int(light["missed"]), int(light["cancers"]))
    overall = counts.loc[OVERALL]
    return bool(
        dark_low > light_high + Q3B_MARGIN
        and dark["fnr"] < balanced_dark_fnr - 0.0005
        and 0.08 <= overall["fnr"] <= 0.12
    )


def balanced_dark_fnr(editor, seed: int) -> float:
    """The false-negative rate of V-VI on the balanced test (``seed + 1``)."""
    test = make_skin_lesions(n_samples=N_TEST, type_shares=[1] * 6, random_state=seed + 1).frame
    return float(
        cast(Any, missed_by_group(editor.model, editor.threshold, test)).loc["V–VI", "fnr"]
    )


def large_test_seed(editor, seed: int, rng, tries: int = 60) -> int | None:
    """A vendor's large test seed for the training ``seed`` (None if none of ``tries`` fits)."""
    dark_fnr = balanced_dark_fnr(editor, seed)
    for _ in range(tries):
        candidate = int(rng.integers(100, 2**30))
        if editor_large_test_fits(editor, candidate, dark_fnr):
            return candidate
    return None


def vendor_counts(editor, editor_test_seed: int, size: int) -> Any:
    """Missed and cancers by group (and overall) on a vendor's test of ``size`` lesions."""
    lesions = cast(Any, make_skin_lesions(n_samples=size, random_state=editor_test_seed)).frame
    return missed_by_group(editor.model, editor.threshold, lesions)


def question_2_key_and_decoys(counts: Any) -> tuple[float, dict[str, float]]:
    """Question 2 of the evaluated session (review d22): the weight of V-VI in the vendor's
    overall rate, that is their share of the vendor's cancers, and its named mistakes."""
    dark, light, overall = counts.loc["V–VI"], counts.loc["I–II"], counts.loc[OVERALL]
    key = float(dark["cancers"] / overall["cancers"])
    decoys = {
        "one sixth": 1 / 6,
        "one third": 1 / 3,
        "share of missed": float(dark["missed"] / max(overall["missed"], 1)),
        "rate of V-VI": float(dark["fnr"]),
        "over I-II": float(dark["cancers"] / light["cancers"]),
        "the others": 1 - key,
    }
    return key, decoys


def question_2_fits(counts: Any) -> bool:
    """No named mistake of question 2 within 0.0025 of its key (three decimals, one unit)."""
    key, decoys = question_2_key_and_decoys(counts)
    return all(abs(value - key) > 0.0025 for value in decoys.values())


def vendor_flatters(editor, seed: int, counts: Any) -> bool:
    """Section 3: the app misses fewer V-VI cancers on the vendor's test than on the balanced
    test (review d21, finding 8: strictly fewer, by at least 0.05 point)."""
    return bool(counts.loc["V–VI", "fnr"] < balanced_dark_fnr(editor, seed) - 0.0005)


def generate(count: int, entropy: int = POOL_ENTROPY):
    """Yield ``(seed, editor_test_seed, persists)`` for the first ``count`` vetted candidates."""
    rng = np.random.default_rng(entropy)
    kept = 0
    while kept < count:
        seed = int(rng.integers(100, 2**30))
        measured = measure_training(seed)
        if measured is None:
            continue
        for _ in range(200):
            editor_test_seed = int(rng.integers(100, 2**30))
            if editor_test_fits(measured["editor"], editor_test_seed):
                yield seed, editor_test_seed, measured["persists"]
                kept += 1
                break


#: Question 3a's comparisons (review d20): pairs of disjoint groups of phototypes.
Q3A_GROUPS = ("I", "II", "III", "IV", "V", "VI", "I–II", "III–IV", "V–VI")


def assign_q3a_pairs(seeds, steps: int = 20_000, rng_seed: int = 0) -> dict[int, tuple]:
    """Give each training seed of the pool a comparison for question 3a (``_Q3A_PAIRS``).

    Each seed may take only a pair its balanced test reads clearly (:func:`pair_status` not
    None); a local search then makes, within each comparison, about as many seeds « apart »
    as « inside », so that the pair shown tells nothing of the key. This is how the table of
    ``esn_teach/datasets/_skin_tasks.py`` was made on 7 December 2026 (about two minutes for
    82 seeds); redo it after any change of the pool.
    """
    import itertools
    import random

    pairs = [
        (a, b)
        for a, b in itertools.combinations(Q3A_GROUPS, 2)
        if not set(a.split("–")) & set(b.split("–"))
    ]
    status: list[dict] = []
    for seed in seeds:
        test = make_skin_lesions(n_samples=N_TEST, type_shares=[1] * 6, random_state=seed + 1).frame
        editor = train_on_mix(EDITOR_SHARE, random_state=seed, **SETTINGS)

        def counts(group: str, editor=editor, test=test) -> tuple[int, int]:
            found = [type_counts(editor.model, editor.threshold, test, t) for t in group.split("–")]
            return sum(m for m, _ in found), sum(n for _, n in found)

        read = {p: pair_status(counts(p[0]), counts(p[1])) for p in pairs}
        status.append({p: s for p, s in read.items() if s is not None})

    def cost(assignment: dict[int, tuple]) -> float:
        tally: dict[tuple, list[int]] = {}
        for i, pair in assignment.items():
            tally.setdefault(pair, [0, 0])[status[i][pair] == "separated"] += 1
        return sum(max(t) for t in tally.values()) + 0.01 * len(tally)

    rng = random.Random(rng_seed)
    assignment = {i: rng.choice(sorted(options)) for i, options in enumerate(status)}
    best = cost(assignment)
    for _ in range(steps):
        i = rng.randrange(len(status))
        old, assignment[i] = assignment[i], rng.choice(sorted(status[i]))
        new = cost(assignment)
        if new <= best:
            best = new
        else:
            assignment[i] = old
    return {seed: tuple(tuple(g.split("–")) for g in assignment[i]) for i, seed in enumerate(seeds)}


def _main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10, help="pairs to keep")
    parser.add_argument("--entropy", type=int, default=POOL_ENTROPY, help="candidate stream")
    args = parser.parse_args()
    for seed, editor_test_seed, persists in generate(args.count, args.entropy):
        print(seed, editor_test_seed, int(persists), flush=True)


if __name__ == "__main__":
    _main()
