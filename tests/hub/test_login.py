"""Moodle (LTI 1.3) logs students and instructors in; bad launches get a French refusal."""

from __future__ import annotations

import html
import os
import pwd
import stat
import subprocess
import time

import pytest
import requests
from lti_platform import INSTRUCTOR, LEARNER, Platform

# A real hub, real accounts and kernels: minutes, not seconds (make test, not make check).
pytestmark = pytest.mark.slow


def _groups(hub, session: requests.Session) -> list[str]:
    return sorted(session.get(f"{hub.url}/hub/api/user", timeout=10).json()["groups"])


def test_student_launch_lands_in_own_workspace(hub) -> None:
    person = hub.person(LEARNER, "etu1")
    session = requests.Session()
    response = hub.platform.launch(session, hub.url, person)
    assert response.ok, response.text[-2000:]
    name = f"moodle-{person.sub}"
    model = hub.wait_ready(session, name)
    assert model["name"] == name
    assert _groups(hub, session) == ["students"]
    lab = session.get(f"{hub.url}/user/{name}/lab", timeout=30)
    assert lab.ok and "JupyterLab" in lab.text
    account = pwd.getpwnam(name)
    assert stat.S_IMODE(os.stat(account.pw_dir).st_mode) == 0o700
    # The server runs as the student's own account, not as root.
    pid = int(
        subprocess.run(
            ["pgrep", "-u", name, "-f", "jupyterhub-singleuser"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()[0]
    )
    assert os.stat(f"/proc/{pid}").st_uid == account.pw_uid


def test_instructor_launch_is_in_instructors_group(hub) -> None:
    person = hub.person(INSTRUCTOR, "ens1")
    session = requests.Session()
    assert hub.platform.launch(session, hub.url, person).ok
    hub.wait_ready(session, f"moodle-{person.sub}")
    assert _groups(hub, session) == ["instructors"]


def _refusal(response: requests.Response, expected: str) -> None:
    assert response.status_code in (400, 403), response.status_code
    # JupyterHub's pages declare UTF-8 in a <meta> tag, not in the Content-Type header.
    page = html.unescape(response.content.decode("utf-8"))
    assert "Connexion refusée" in page
    assert expected in page, page[-1500:]
    assert "Signature" not in page and "OAuth" not in page  # no technical English detail


def test_replayed_launch_is_refused(hub) -> None:
    person = hub.person(LEARNER, "rejeu")
    session = requests.Session()
    launch = hub.platform.start_launch(session, hub.url, person)
    assert Platform.finish_launch(session, launch, allow_redirects=False).status_code == 302
    # The same signed form posted again (an attacker replaying a captured launch).
    _refusal(Platform.finish_launch(requests.Session(), launch), "a déjà servi")
    _refusal(Platform.finish_launch(session, launch), "a déjà servi")


def test_forged_launch_is_refused(hub) -> None:
    person = hub.person(LEARNER, "faux")
    hub.platform.signing_key = Platform().key  # an attacker's key, same kid
    try:
        response = hub.platform.launch(requests.Session(), hub.url, person)
    finally:
        hub.platform.signing_key = None
    _refusal(response, "n'est pas signée par la plateforme Moodle")


def test_expired_launch_is_refused(hub) -> None:
    person = hub.person(LEARNER, "vieux")
    old = int(time.time()) - 3600
    hub.platform.tamper = {"iat": old, "exp": old + 300}
    try:
        response = hub.platform.launch(requests.Session(), hub.url, person)
    finally:
        hub.platform.tamper = {}
    _refusal(response, "a expiré")


def test_launch_without_course_role_is_refused(hub) -> None:
    person = hub.person(
        "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator", "admin"
    )
    response = hub.platform.launch(requests.Session(), hub.url, person)
    _refusal(response, "Votre rôle dans ce cours Moodle")


def test_refusals_are_logged(hub) -> None:
    log = hub.log_text()
    assert "Lancement LTI refusé (signature)" in log
    assert "Lancement LTI refusé (replay)" in log
