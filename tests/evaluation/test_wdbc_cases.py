"""evaluation.wdbc_case_seed: module 01's evaluated copies are never degenerate."""

from __future__ import annotations

import hashlib

import pytest

from esn_teach.evaluation import wdbc_case_seed, wdbc_cases
from esn_teach.evaluation._wdbc_cases import acceptable, named_mistakes

#: The named identifiers and a sample of a class list: 300 identifiers (etu000 to etu296)
#: were checked once on 6 December 2026 (68 s); the suite keeps one in six (make test's budget).
IDENTIFIERS = [
    "alice",
    "bruno",
    "esn-teach-construction",
    *(f"etu{i:03d}" for i in range(0, 297, 6)),
]


def _student_seed(identifier: str) -> int:
    """``checks.student_seed("01")`` for ``identifier`` (the same SHA-256)."""
    digest = hashlib.sha256(f"esn-teach/01/{identifier}".encode()).digest()
    return int.from_bytes(digest[:4], "big") & 0x7FFFFFFF


def test_a_degenerate_seed_is_replaced() -> None:
    """alice's raw seed misses no cancer at question 2's threshold (found by a reviewer)."""
    raw = _student_seed("alice")
    assert wdbc_cases(raw).at_threshold.fn == 0 and not acceptable(wdbc_cases(raw))
    kept = wdbc_case_seed(raw)
    assert kept != raw and wdbc_case_seed(raw) == kept  # the same copy at grading


@pytest.mark.slow
def test_a_class_of_copies_is_fair() -> None:
    for identifier in IDENTIFIERS:
        cases = wdbc_cases(wdbc_case_seed(_student_seed(identifier)))
        assert 0.10 - 1e-9 <= cases.threshold <= 0.35 + 1e-9, identifier
        assert cases.at_threshold.fn >= 3, identifier
        for right, wrongs in named_mistakes(cases).values():
            assert all(abs(round(right, 3) - round(w, 3)) > 0.002 for w in wrongs), identifier


def test_bad_seed_type_is_refused() -> None:
    with pytest.raises(TypeError):
        wdbc_case_seed("alice")  # type: ignore[arg-type]
