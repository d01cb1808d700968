"""Idle servers are stopped by jupyterhub-idle-culler, a server in use is not; coming back, the
learner is told in French and finds their newly issued credentials in ~/Certificats."""

from __future__ import annotations

import html
import os
import pwd
import stat
import subprocess
import time
import uuid
from collections.abc import Iterator

import pytest
import requests
from hub_process import Hub, running_hub, skip_reason
from kernels import UserServer
from lti_platform import LEARNER

# A hub of its own with a 20-second idle timeout: about two minutes (make test, not make check).
pytestmark = pytest.mark.slow

IDLE_TIMEOUT = 20
CHECK_EVERY = 5
#: Activity is reported and checked every CHECK_EVERY seconds: an idle server is stopped at
#: the latest after the timeout plus two checks (one report, one culler pass), and a margin.
CULL_BOUND = IDLE_TIMEOUT + 2 * CHECK_EVERY + 20


@pytest.fixture(scope="module")
def idle_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    reason = skip_reason()
    if reason:
        pytest.skip(reason)
    settings = {"ESN_IDLE_TIMEOUT": str(IDLE_TIMEOUT), "ESN_IDLE_CHECK_EVERY": str(CHECK_EVERY)}
    with running_hub(tmp_path_factory.mktemp("hub-inactif"), settings=settings) as hub:
        yield hub


def _launch(hub: Hub, label: str) -> tuple[str, requests.Session]:
    person = hub.person(LEARNER, label)
    session = requests.Session()
    assert hub.platform.launch(session, hub.url, person).ok
    name = f"moodle-{person.sub}"
    hub.wait_ready(session, name)
    return name, session


def _running(name: str) -> bool:
    found = subprocess.run(
        ["pgrep", "-u", name, "-f", "jupyterhub-singleuser"], capture_output=True, text=True
    )
    return bool(found.stdout.split())


def _issue(hub: Hub, code: str, students: list[str]) -> dict[str, str]:
    """Lay out what ``esn-teach certify`` writes (files and register), for these students."""
    folder = hub.course_dir / "grading" / "certificats" / code
    folder.mkdir(parents=True)
    rows, stems = ["date,etudiant,certificat,id,fichier"], {}
    for student in students:
        stem = str(uuid.uuid4())
        stems[student] = stem
        for suffix in (".jwt", ".json", ".html"):
            (folder / f"{stem}{suffix}").write_text(f"{suffix} de {student}\n")
        rows.append(f"2026-12-04,{student},{code},urn:uuid:{stem},{stem}.jwt")
    (folder / "registre.csv").write_text("\n".join(rows) + "\n")
    return stems


def test_idle_server_is_culled_and_an_active_one_is_not(idle_hub) -> None:
    hub = idle_hub
    idle_name, idle_session = _launch(hub, "dormeur")
    idle_since = time.monotonic()
    active_name, active_session = _launch(hub, "actif")
    active_since = time.monotonic()
    active = UserServer(hub.url, active_name, active_session)
    kernel = active.new_kernel()
    culled_after = None
    # The active learner runs a cell every few seconds, for longer than the timeout plus two
    # checks (they would have been stopped by then if their activity were not seen).
    while time.monotonic() - active_since < IDLE_TIMEOUT + 3 * CHECK_EVERY + 5 or (
        culled_after is None and time.monotonic() - idle_since < CULL_BOUND
    ):
        assert active.execute(kernel, "print(6 * 7)").text.strip() == "42"
        if culled_after is None and not _running(idle_name):
            culled_after = time.monotonic() - idle_since
        time.sleep(2)
    assert culled_after is not None, f"pas arrêté en {CULL_BOUND} s :\n{hub.log_text()[-3000:]}"
    assert culled_after < CULL_BOUND
    log = hub.log_text()
    assert f"Culling server {idle_name}" in log
    assert f"Culling server {active_name}" not in log
    assert _running(active_name)
    assert active_session.get(f"{hub.url}/hub/api/user", timeout=10).json()["servers"][""]["ready"]
    # The idle learner's files stay; coming back, they are told in French their space stopped.
    assert os.path.isdir(pwd.getpwnam(idle_name).pw_dir)
    back = idle_session.get(f"{hub.url}/user/{idle_name}/lab", timeout=30)
    page = html.unescape(back.content.decode("utf-8"))
    assert "Votre espace de travail n'est pas démarré" in page, page[-1500:]
    assert "Démarrer mon espace" in page
    # Meanwhile their credential was issued: starting again, they find it in ~/Certificats.
    stems = _issue(hub, "ESSAI", [idle_name, active_name])
    session = idle_session
    session.get(f"{hub.url}/hub/spawn/{idle_name}", timeout=60)  # the « Démarrer » button
    hub.wait_ready(session, idle_name)
    account = pwd.getpwnam(idle_name)
    folder = os.path.join(account.pw_dir, "Certificats")
    info = os.stat(folder)
    assert (info.st_uid, stat.S_IMODE(info.st_mode)) == (account.pw_uid, 0o700)
    mine = stems[idle_name]
    assert sorted(os.listdir(folder)) == sorted(
        [f"{mine}.html", f"{mine}.json", f"{mine}.jwt", "LISEZMOI.md"]
    )
    jwt_file = os.path.join(folder, f"{mine}.jwt")
    with open(jwt_file) as handle:
        assert handle.read() == f".jwt de {idle_name}\n"
    assert os.stat(jwt_file).st_uid == account.pw_uid
    assert stat.S_IMODE(os.stat(jwt_file).st_mode) == 0o600
    with open(os.path.join(folder, "LISEZMOI.md")) as handle:
        assert "esn-teach verify" in handle.read()
