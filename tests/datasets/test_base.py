import numpy as np
import pytest

from esn_teach.datasets._base import (
    check_bool,
    check_n_samples,
    check_probability,
    check_random_state,
    check_real,
    check_shares,
)


def test_check_random_state_accepts_none_int_generator():
    assert isinstance(check_random_state(None), np.random.Generator)
    a = check_random_state(3).random(4)
    b = check_random_state(3).random(4)
    np.testing.assert_array_equal(a, b)
    rng = np.random.default_rng(0)
    assert check_random_state(rng) is rng
    assert isinstance(check_random_state(np.int64(5)), np.random.Generator)


@pytest.mark.parametrize("bad", [1.5, "0", True, [1]])
def test_check_random_state_rejects_other_types(bad):
    with pytest.raises(TypeError, match="random_state must be None, an int"):
        check_random_state(bad)


def test_check_random_state_rejects_negative():
    with pytest.raises(ValueError, match="int >= 0"):
        check_random_state(-1)


@pytest.mark.parametrize("bad", [0, -5])
def test_check_n_samples_rejects_non_positive(bad):
    with pytest.raises(ValueError, match="n_samples must be an int >= 1"):
        check_n_samples(bad)


@pytest.mark.parametrize("bad", [10.0, "10", True, None])
def test_check_n_samples_rejects_non_int(bad):
    with pytest.raises(TypeError, match="n_samples must be an int"):
        check_n_samples(bad)


@pytest.mark.parametrize("bad", [-0.1, 1.1, float("nan")])
def test_check_probability_range(bad):
    with pytest.raises(ValueError, match=r"p must be"):
        check_probability(bad, "p")


def test_check_probability_open_interval():
    assert check_probability(0.0, "p") == 0.0
    with pytest.raises(ValueError, match=r"\(0, 1\)"):
        check_probability(0.0, "p", open_interval=True)
    with pytest.raises(TypeError, match="real number"):
        check_probability("0.5", "p")


def test_check_real_bounds_message():
    with pytest.raises(ValueError, match=r"x must be in \[0, 1\), got 1"):
        check_real(1.0, "x", low=0.0, high=1.0, high_inclusive=False)


def test_check_bool():
    assert check_bool(np.True_, "flag") is True
    with pytest.raises(TypeError, match="flag must be True or False"):
        check_bool(1, "flag")


def test_check_shares():
    np.testing.assert_allclose(check_shares([1, 3], "s", ["a", "b"]), [0.25, 0.75])
    np.testing.assert_allclose(check_shares({"b": 1, "a": 1}, "s", ["a", "b"]), [0.5, 0.5])
    with pytest.raises(ValueError, match="unknown"):
        check_shares({"a": 1, "c": 1}, "s", ["a", "b"])
    with pytest.raises(ValueError, match="must have 2 values"):
        check_shares([1, 2, 3], "s", ["a", "b"])
    with pytest.raises(ValueError, match="all zero"):
        check_shares([0, 0], "s", ["a", "b"])
    with pytest.raises(ValueError, match=r"s\['a'\] must be in"):
        check_shares([-1, 2], "s", ["a", "b"])
    with pytest.raises(TypeError, match="sequence"):
        check_shares("ab", "s", ["a", "b"])
