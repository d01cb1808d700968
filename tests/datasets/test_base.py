import numbers

import numpy as np
import pytest

from esn_teach.datasets import make_egfr_cohort
from esn_teach.datasets._base import (
    check_bool,
    check_finite_scalar,
    check_random_state,
    check_shares,
    describe_random_state,
)


def test_check_random_state_accepts_none_int_generator():
    assert isinstance(check_random_state(None), np.random.Generator)
    a = check_random_state(3).random(4)
    b = check_random_state(3).random(4)
    np.testing.assert_array_equal(a, b)
    rng = np.random.default_rng(0)
    assert check_random_state(rng) is rng
    assert isinstance(check_random_state(np.int64(5)), np.random.Generator)


def test_check_random_state_is_default_rng():
    # An int, a numpy int, a SeedSequence and a BitGenerator seeded alike draw the same values.
    expected = np.random.default_rng(7).random(5)
    for seed in (7, np.int64(7), np.uint8(7), np.random.SeedSequence(7), np.random.PCG64(7)):
        np.testing.assert_array_equal(check_random_state(seed).random(5), expected)
    # A sequence of ints is SeedSequence entropy, as in numpy.
    np.testing.assert_array_equal(
        check_random_state([1, 2]).random(3), np.random.default_rng([1, 2]).random(3)
    )


def test_default_rng_accepts_a_bool_silently_so_we_refuse_it():
    # If numpy ever refuses True itself, this test says the guard can go.
    assert isinstance(np.random.default_rng(True), np.random.Generator)
    for flag in (True, False, np.True_):
        with pytest.raises(
            TypeError,
            match=rf"« random_state » doit être .*, pas un booléen ; valeur reçue : {bool(flag)}\.",
        ):
            check_random_state(flag)


@pytest.mark.parametrize("bad", [1.5, "0", 2.0])
def test_check_random_state_rejects_other_types(bad):
    with pytest.raises(
        TypeError,
        match=r"« random_state » doit être un entier positif ou nul, un numpy\.random\.Generator"
        r" ou None ; valeur reçue : ",
    ):
        check_random_state(bad)


def test_check_random_state_rejects_negative():
    with pytest.raises(
        ValueError,
        match=r"« random_state » doit être un entier positif ou nul, .* ; valeur reçue : -1 ",
    ):
        check_random_state(-1)


@pytest.mark.parametrize(
    ("random_state", "described"),
    [
        (None, None),
        (3, 3),
        (np.int64(3), 3),
        ([1, 2], [1, 2]),
        (np.array([4, 5]), [4, 5]),
        (np.random.default_rng(0), "numpy.random.Generator"),
        (np.random.SeedSequence(0), "numpy.random.SeedSequence"),
        (np.random.PCG64(0), "numpy.random.PCG64"),
        (np.random.RandomState(0), "numpy.random.RandomState"),
    ],
)
def test_describe_random_state(random_state, described):
    result = describe_random_state(random_state)
    assert result == described and type(result) is type(described)


def test_the_frame_records_the_seed():
    seeded = make_egfr_cohort(n_samples=10, random_state=[3, 4]).frame
    assert seeded.attrs["random_state"] == [3, 4]
    again = make_egfr_cohort(n_samples=10, random_state=[3, 4]).frame
    np.testing.assert_array_equal(seeded["scr"], again["scr"])


@pytest.mark.parametrize("bad", [0, -5])
def test_integer_below_the_minimum(bad):
    with pytest.raises(
        ValueError,
        match=rf"« n_samples » doit être un nombre entier supérieur ou égal à 1"
        rf" ; valeur reçue : {bad}\.",
    ):
        check_finite_scalar(bad, "n_samples", numbers.Integral, min_val=1)


@pytest.mark.parametrize("bad", [10.0, "10", None])
def test_integer_of_another_type(bad):
    with pytest.raises(
        TypeError,
        match=r"« n_samples » doit être un nombre entier supérieur ou égal à 1" r" ; valeur reçue",
    ):
        check_finite_scalar(bad, "n_samples", numbers.Integral, min_val=1)


@pytest.mark.parametrize("flag", [True, False, np.True_])
def test_bools_are_refused_although_check_scalar_lets_them_through(flag):
    with pytest.raises(
        TypeError, match=r"« n_samples » doit être un nombre entier .*, pas un booléen"
    ):
        check_finite_scalar(flag, "n_samples", numbers.Integral, min_val=0)
    with pytest.raises(TypeError, match=r"« p » doit être un nombre .*, pas un booléen"):
        check_finite_scalar(flag, "p", numbers.Real, min_val=0.0, max_val=1.0)


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf")])
def test_non_finite_values_are_refused(bad):
    # NaN fails no comparison, so check_scalar's bounds let it through.
    with pytest.raises(ValueError, match=r"« x » doit être un nombre fini" r" ; valeur reçue : "):
        check_finite_scalar(bad, "x", numbers.Real)


@pytest.mark.parametrize(
    ("value", "include_boundaries", "message"),
    [
        (-0.1, "both", r"entre 0 \(inclus\) .*" r" ; valeur reçue : -0,1\."),
        (1.1, "both", r"et 1 \(inclus\)" r" ; valeur reçue : 1,1\."),
        (float("nan"), "both", r"« p » doit être un nombre compris .*" r" ; valeur reçue : NaN"),
        (0.0, "neither", r"entre 0 \(exclu\) .*" r" ; valeur reçue : 0,0\."),
        (1.0, "left", r"et 1 \(exclu\)" r" ; valeur reçue : 1,0\."),
        (0.0, "right", r"entre 0 \(exclu\) .*" r" ; valeur reçue : 0,0\."),
    ],
)
def test_bounds(value, include_boundaries, message):
    with pytest.raises(ValueError, match=message):
        check_finite_scalar(
            value,
            "p",
            numbers.Real,
            min_val=0,
            max_val=1,
            include_boundaries=include_boundaries,
        )


def test_values_on_an_allowed_bound_come_back_as_python_numbers():
    result = check_finite_scalar(np.float32(1.0), "p", numbers.Real, min_val=0.0, max_val=1.0)
    assert result == 1.0 and type(result) is float
    result = check_finite_scalar(2, "x", numbers.Real)  # an int where a real is asked
    assert result == 2.0 and type(result) is float
    result = check_finite_scalar(np.int64(2), "n", numbers.Integral, min_val=2)
    assert result == 2 and type(result) is int
    with pytest.raises(
        TypeError, match=r"« p » doit être un nombre" r" ; valeur reçue : '0\.5' \(du texte\)"
    ):
        check_finite_scalar("0.5", "p", numbers.Real)


def test_check_bool():
    assert check_bool(np.True_, "flag") is True
    with pytest.raises(
        TypeError,
        match=r"« flag » doit être True ou False ; valeur reçue : 1 \(un nombre entier\)\.",
    ):
        check_bool(1, "flag")


def test_check_shares():
    np.testing.assert_allclose(check_shares([1, 3], "s", ["a", "b"]), [0.25, 0.75])
    np.testing.assert_allclose(check_shares({"b": 1, "a": 1}, "s", ["a", "b"]), [0.5, 0.5])
    with pytest.raises(
        ValueError,
        match=r"« s » doit avoir exactement les clés 'a', 'b' ; clés inconnues : 'c' ;"
        r" clés manquantes : 'b'\.",
    ):
        check_shares({"a": 1, "c": 1}, "s", ["a", "b"])
    with pytest.raises(ValueError, match=r"« s » doit avoir 2 valeurs .* reçues : 3\."):
        check_shares([1, 2, 3], "s", ["a", "b"])
    with pytest.raises(ValueError, match="« s » ne peut pas être nul pour tous les groupes"):
        check_shares([0, 0], "s", ["a", "b"])
    with pytest.raises(
        ValueError, match=r"« s\['a'\] » .* supérieur ou égal à 0" r" ; valeur reçue : -1\."
    ):
        check_shares([-1, 2], "s", ["a", "b"])
    with pytest.raises(ValueError, match=r"« s\['b'\] » .*" r" ; valeur reçue : NaN"):
        check_shares([1, float("nan")], "s", ["a", "b"])
    with pytest.raises(
        TypeError, match=r"« s » doit être une liste de 2 nombres .* valeur reçue : 'ab'"
    ):
        check_shares("ab", "s", ["a", "b"])
