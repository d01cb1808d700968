"""Local accounts without a running hub: names, approval, passwords, lockout, sign-up modes."""

from __future__ import annotations

import asyncio

import pytest
from jupyterhub import orm

from esn_teach.hub import (
    STUDENTS_GROUP,
    CourseAuthenticator,
    LocalNameError,
    local_username,
)

PASSWORD = "Soins-infirmiers-2026"


@pytest.mark.parametrize(
    ("typed", "account"),
    [
        ("marie-dupont", "libre-marie-dupont"),
        ("Marie-Dupont ", "libre-marie-dupont"),
        ("libre-marie-dupont", "libre-marie-dupont"),  # the full account name, at login
        ("jo", "libre-jo"),
        ("a" + "b" * 25, "libre-a" + "b" * 25),
    ],
)
def test_local_names_get_the_prefix(typed, account) -> None:
    assert local_username(typed) == account
    assert len(account) <= 32  # useradd's limit


@pytest.mark.parametrize(
    "typed",
    ["", "x", "Marie Dupont", "élodie", "9lives", "-marie", "marie-", "marie_d", "../root",
     "a" * 27, "marie,paul", "ro\not"],
)  # fmt: skip
def test_invalid_local_names_are_refused_in_french(typed) -> None:
    with pytest.raises(LocalNameError, match="n'est pas accepté : il doit commencer par"):
        local_username(typed)


def _authenticator(**config) -> CourseAuthenticator:
    session = orm.new_session_factory("sqlite:///:memory:")()
    return CourseAuthenticator(db=session, **config)


def _login(auth: CourseAuthenticator, typed: str, password: str):
    return asyncio.run(auth.authenticate(None, {"username": typed, "password": password}))


def test_a_new_account_waits_for_approval_then_joins_students() -> None:
    auth = _authenticator()
    assert (auth.enable_signup, auth.open_signup) == (True, False)
    assert (auth.minimum_password_length, auth.check_common_password) == (8, True)
    assert (auth.allowed_failed_logins, auth.seconds_before_next_try) == (5, 600)
    info = auth.create_user("libre-marie", PASSWORD)
    assert info is not None and not info.is_authorized
    assert info.password != PASSWORD.encode()  # a bcrypt hash, never the password
    assert _login(auth, "marie", PASSWORD) is None
    info.is_authorized = True
    auth.db.commit()
    expected = {"name": "libre-marie", "groups": [STUDENTS_GROUP]}
    assert _login(auth, "marie", PASSWORD) == expected
    assert _login(auth, "LIBRE-Marie", PASSWORD) == expected
    assert _login(auth, "marie", PASSWORD + "x") is None
    assert _login(auth, "paul", PASSWORD) is None
    assert _login(auth, "../marie", PASSWORD) is None


@pytest.mark.slow  # a dozen bcrypt hashes (seconds): make test, not make check
def test_five_failures_lock_the_account() -> None:
    auth = _authenticator(local_signup="ouvert")
    assert auth.create_user("libre-paul", PASSWORD).is_authorized  # open sign-up: at once
    for _ in range(4):
        assert _login(auth, "paul", "mauvais") is None
    assert _login(auth, "paul", PASSWORD) is not None  # four failures: still allowed
    for _ in range(5):
        assert _login(auth, "paul", "mauvais") is None
    assert auth.is_blocked("libre-paul")
    assert _login(auth, "paul", PASSWORD) is None


def test_sign_up_closed_creates_nothing_but_approved_accounts_work() -> None:
    auth = _authenticator(local_signup="non")
    assert auth.enable_signup is False
    assert auth.create_user("libre-jeanne", PASSWORD) is None


def test_weak_passwords_and_taken_names_are_not_created() -> None:
    auth = _authenticator()
    assert auth.create_user("libre-court", "court") is None
    assert auth.create_user("libre-commun", "password123") is None
    assert auth.create_user("libre-marie", PASSWORD) is not None
    assert auth.name_taken("libre-marie")
    assert auth.name_taken("libre-autre", hub_user_exists=True)
    assert auth.name_taken(local_username("root")) is False
    assert auth.get_user("Marie") is not None and auth.get_user("marie dupont") is None
