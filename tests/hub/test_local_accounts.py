"""Remote learners sign up for a local account, an instructor approves it, they log in; Moodle
launches keep working on the same hub."""

from __future__ import annotations

import html
import os
import pwd
import re
import stat
import subprocess

import pytest
import requests
from lti_platform import INSTRUCTOR, LEARNER

# A real hub, real accounts and servers: minutes, not seconds (make test, not make check).
pytestmark = pytest.mark.slow

PASSWORD = "Soins-infirmiers-2026"


def _page(response: requests.Response) -> str:
    # JupyterHub's pages declare UTF-8 in a <meta> tag, not in the Content-Type header.
    return html.unescape(response.content.decode("utf-8"))


def _xsrf(session: requests.Session, url: str) -> str:
    page = session.get(url, timeout=30)
    assert page.ok, page.status_code
    found = re.search(r'name="_xsrf" value="([^"]+)"', page.text)
    assert found, page.text[-1500:]
    return found.group(1)


def _signup(hub, typed: str, password: str = PASSWORD, confirmation: str | None = None):
    session = requests.Session()
    token = _xsrf(session, f"{hub.url}/hub/signup")
    return session.post(
        f"{hub.url}/hub/signup",
        data={
            "_xsrf": token,
            "username": typed,
            "signup_password": password,
            "signup_password_confirmation": password if confirmation is None else confirmation,
        },
        timeout=30,
    )


def _login(hub, session: requests.Session, typed: str, password: str = PASSWORD):
    token = _xsrf(session, f"{hub.url}/hub/login")
    return session.post(
        f"{hub.url}/hub/login",
        data={"_xsrf": token, "username": typed, "password": password},
        timeout=60,
    )


def _local(hub, label: str) -> tuple[str, str]:
    """A new identifier for this test run, and its account (removed after the tests)."""
    typed = f"{hub.prefix}-{label}"
    hub.users.append(f"libre-{typed}")
    return typed, f"libre-{typed}"


@pytest.fixture(scope="module")
def instructor(hub) -> requests.Session:
    person = hub.person(INSTRUCTOR, "approb")
    session = requests.Session()
    assert hub.platform.launch(session, hub.url, person).ok  # Moodle launch, same hub
    return session


def test_learner_signs_up_is_approved_and_works_as_own_account(hub, instructor) -> None:
    typed, name = _local(hub, "marie")
    response = _signup(hub, typed.upper())  # capitals become lowercase
    assert response.ok, response.status_code
    assert f"Votre demande est enregistrée (compte « {name} »)" in _page(response)
    assert "Un enseignant doit l'approuver" in _page(response)
    # Not approved yet: the right password says so, in French; a wrong one says less.
    learner = requests.Session()
    waiting = _login(hub, learner, typed)
    assert waiting.status_code == 403
    assert "n'a pas encore été approuvée par un enseignant" in _page(waiting)
    wrong = _login(hub, learner, typed, "pas-le-bon-mot")
    assert wrong.status_code == 403
    assert "Identifiant ou mot de passe incorrect" in _page(wrong)
    assert "approuvée" not in _page(wrong)
    # A student cannot approve; an instructor (from Moodle) can, from the hub.
    student = requests.Session()
    assert hub.platform.launch(student, hub.url, hub.person(LEARNER, "curieux")).ok
    assert student.get(f"{hub.url}/hub/authorize", timeout=30).status_code == 403
    listing = instructor.get(f"{hub.url}/hub/authorize", timeout=30)
    assert listing.ok and f"Approuver {name}" in _page(listing)
    token = re.search(r'name="_xsrf" value="([^"]+)"', listing.text)
    assert token
    refused = instructor.get(f"{hub.url}/hub/authorize/{name}", timeout=30)
    assert refused.status_code == 405  # a link cannot approve: only the page's form
    done = instructor.post(
        f"{hub.url}/hub/authorize/{name}",
        data={"_xsrf": token.group(1), "action": "approuver"},
        timeout=30,
    )
    assert done.ok and "Le compte est approuvé" in _page(done)
    assert f"Retirer l'approbation de {name}" in _page(done)
    assert f"Compte local {name} approuvé par moodle-" in hub.log_text()
    # Approved: the learner logs in (with or without the prefix) and lands in their workspace.
    logged = _login(hub, learner, name)
    assert logged.ok, _page(logged)[-1500:]
    model = hub.wait_ready(learner, name)
    assert model["name"] == name and model["groups"] == ["students"]
    account = pwd.getpwnam(name)
    assert stat.S_IMODE(os.stat(account.pw_dir).st_mode) == 0o700
    pid = subprocess.run(
        ["pgrep", "-u", name, "-f", "jupyterhub-singleuser"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()[0]
    assert os.stat(f"/proc/{pid}").st_uid == account.pw_uid
    lab = learner.get(f"{hub.url}/user/{name}/lab", timeout=60)
    assert lab.ok and "JupyterLab" in lab.text


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Marie Dupont", "n'est pas accepté"),
        ("élodie", "n'est pas accepté"),
        ("x", "de 2 à 26 caractères"),
        ("../root", "n'est pas accepté"),
        ("9lives", "commencer par une lettre"),
    ],
)
def test_invalid_names_are_refused_in_french(hub, typed, expected) -> None:
    response = _signup(hub, typed)
    assert response.status_code == 400
    assert expected in _page(response)


def test_taken_names_and_weak_passwords_are_refused(hub) -> None:
    typed, name = _local(hub, "paul")
    assert _signup(hub, typed).ok
    again = _signup(hub, typed)
    assert again.status_code == 400 and "est déjà pris" in _page(again)
    # A system account with the same name (never a learner's) is not taken over either.
    typed, name = _local(hub, "systeme")
    subprocess.run(["useradd", "--no-create-home", name], check=True)
    taken = _signup(hub, typed)
    assert taken.status_code == 400 and "est déjà pris" in _page(taken)
    typed, _ = _local(hub, "faible")
    short = _signup(hub, typed, "court")
    assert short.status_code == 400 and "au moins 8 caractères" in _page(short)
    common = _signup(hub, typed, "password123")
    assert common.status_code == 400 and "parmi les plus courants" in _page(common)
    different = _signup(hub, typed, PASSWORD, PASSWORD + "!")
    assert different.status_code == 400 and "sont différents" in _page(different)


def test_repeated_failures_lock_the_account(hub) -> None:
    typed, _ = _local(hub, "force")
    assert _signup(hub, typed).ok
    session = requests.Session()
    for _ in range(5):
        assert _login(hub, session, typed, "mauvais-mot-de-passe").status_code == 403
    locked = _login(hub, session, typed)  # even the right password, for 10 minutes
    assert locked.status_code == 403
    assert "bloqué pendant 10 minutes" in _page(locked)


def test_login_and_signup_pages_are_in_french(hub) -> None:
    login = requests.get(f"{hub.url}/hub/login", timeout=30)
    signup = requests.get(f"{hub.url}/hub/signup", timeout=30)
    assert "Entrez par l'activité du cours dans Moodle" in _page(login)
    assert "Demandez un compte" in _page(login)
    assert "Demander un compte" in _page(signup) and "Envoyer ma demande" in _page(signup)
    for page in (_page(login), _page(signup)):
        assert '<html lang="fr">' in page
        assert not re.search(r"\b(Sign [Ii]n|Sign [Uu]p|Username|Password)\b", page)
