"""Start a real JupyterHub (deploy/server/jupyterhub_config.py) on loopback, with a simulated
Moodle: used by the hub tests (conftest.py) and by bench/bench_hub.py."""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import requests
from lti_platform import Platform

from esn_teach.hub import cgroup_version
from esn_teach.hub._spawner import RUNTIME_ROOT

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "deploy/server/jupyterhub_config.py"
PROXY = ROOT / "deploy/server/node_modules/.bin/configurable-http-proxy"
#: The hub's own environment (make hub-venv): every account can read it, unlike a venv in /root.
HUB_VENV = Path(os.environ.get("ESN_HUB_VENV", "/opt/esn-teach/venv"))
MEM_LIMIT_MB = 1024


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Hub:
    url: str
    platform: Platform
    state: Path
    log: Path
    prefix: str
    #: The course folder (grader account's) and the nbgrader exchange.
    course_dir: Path
    exchange_dir: Path
    #: The grader account of this hub only (a hub on the same machine keeps its own).
    grader: str
    users: list[str] = field(default_factory=list)

    def as_grader(self, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
        """Run ``esn-teach ARGS`` as the grader account, as in the course service's terminal."""
        command = [
            "runuser",
            "-u",
            self.grader,
            "--",
            "env",
            f"HOME=/home/{self.grader}",
            f"PATH={HUB_VENV / 'bin'}:/usr/bin:/bin",
            f"ESN_TEACH_COURSE={self.course_dir / 'grading'}",
            f"ESN_TEACH_NOTEBOOKS={self.course_dir / 'notebooks'}",
            f"ESN_EXCHANGE_DIR={self.exchange_dir}",
            str(HUB_VENV / "bin/esn-teach"),
            *args,
        ]
        return subprocess.run(
            command, cwd=self.course_dir, capture_output=True, text=True, timeout=timeout
        )

    def as_user(self, name: str, *command: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["runuser", "-u", name, "--", *command], capture_output=True, text=True
        )

    def person(self, role: str, label: str):
        """A new course member, unique to this test run (so its Unix account is new)."""
        sub = f"{self.prefix}{label}"
        self.users.append(f"moodle-{sub}")
        return self.platform.add(sub, roles=[role])

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_ready(self, session: requests.Session, name: str, timeout: float = 330) -> dict:
        """Wait until ``name``'s server is ready; return the hub's model of the user.

        The default outlasts the hub's own ``Spawner.http_timeout`` and ``start_timeout``
        (300 s): if a start is too slow, the hub's verdict and log say so, not this wait.
        """
        deadline = time.monotonic() + timeout
        server: dict = {}
        seen_pending = False
        while time.monotonic() < deadline:
            model = session.get(f"{self.url}/hub/api/user", timeout=10).json()
            server = model.get("servers", {}).get("", {})
            if server.get("ready"):
                return model
            if server.get("pending"):
                seen_pending = True
            elif seen_pending:
                break  # the hub gave up on this start: its log says why, no need to wait
            time.sleep(0.5)
        # The hub's lines about this user, without the polling requests above.
        lines = [
            line
            for line in self.log_text().splitlines()
            if name in line and "GET /hub/api/user" not in line
        ]
        state = {key: server.get(key) for key in ("pending", "ready", "started")}
        raise AssertionError(f"server of {name} not ready {state}:\n" + "\n".join(lines[-30:]))


def skip_reason() -> str | None:
    if sys.platform != "linux" or os.geteuid() != 0:
        return "le hub crée un compte Unix par personne : ces tests demandent Linux et root"
    if not PROXY.exists():
        return "configurable-http-proxy absent (make node-deps l'installe depuis npm)"
    if not (HUB_VENV / "bin/jupyterhub").exists():
        return f"environnement du hub absent ({HUB_VENV}) : make hub-venv le crée"
    if cgroup_version(writable=True) is None:
        return "pas de cgroups modifiables : les limites par personne ne peuvent être testées"
    return None


@contextmanager
def running_hub(
    state: Path, *, mem_limit_mb: int = MEM_LIMIT_MB, settings: dict[str, str] | None = None
) -> Iterator[Hub]:
    """Start the hub with its state in ``state``; stop it and remove its accounts after.

    ``settings`` adds or overrides the hub's ESN_* variables (e.g. a short idle timeout).
    """
    platform = Platform().start()
    # The course and the exchange must be reachable by every account: not under pytest's
    # private temporary folder.
    shared = Path(tempfile.mkdtemp(prefix="esn-hub-"))
    shared.chmod(0o755)
    prefix = f"t{uuid.uuid4().hex[:8]}"
    grader = f"grader-{prefix}"
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = dict(
        os.environ,
        ESN_HUB_DIR=str(state / "etat"),
        ESN_HUB_URL=url,
        ESN_HUB_API_PORT=str(_free_port()),
        ESN_PROXY_API_PORT=str(_free_port()),
        ESN_LTI_ISSUER=platform.issuer,
        ESN_LTI_CLIENT_ID="esn-teach-hub",
        ESN_LTI_AUTHORIZE_URL=platform.authorize_url,
        ESN_LTI_JWKS_URL=platform.jwks_url,
        ESN_MEM_LIMIT=f"{mem_limit_mb}M",
        ESN_CPU_LIMIT="1",
        ESN_COURSE_DIR=str(shared / "cours"),
        ESN_EXCHANGE_DIR=str(shared / "echange"),
        ESN_COURSE_SERVICE_PORT=str(_free_port()),
        ESN_GRADER_ACCOUNT=grader,
    )
    env.update(settings or {})
    log = state / "hub.log"
    hub_bin = HUB_VENV / "bin/jupyterhub"
    with open(log, "w") as out:
        process = subprocess.Popen(
            [str(hub_bin), "-f", str(CONFIG)], cwd=state, env=env, stdout=out, stderr=out
        )
    running = Hub(
        url,
        platform,
        state,
        log,
        prefix=prefix,
        course_dir=shared / "cours",
        exchange_dir=shared / "echange",
        grader=grader,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(f"{url}/hub/health", timeout=2).ok:
                    break
            except requests.ConnectionError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"hub did not start:\n{running.log_text()[-4000:]}")
            time.sleep(0.3)
        yield running
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        platform.stop()
        accounts = [*running.users, grader]
        for name in accounts:
            if not _account_exists(name):
                continue
            uid = pwd.getpwnam(name).pw_uid
            _kill_processes_of(name)
            removed = subprocess.run(
                ["userdel", "--remove", name], check=False, capture_output=True
            )
            if removed.returncode not in (0, 12):  # 12: the home was already gone
                warnings.warn(f"{name} not removed: {removed.stderr.decode()}", stacklevel=1)
            shutil.rmtree(RUNTIME_ROOT / str(uid), ignore_errors=True)
            for controller in ("", "memory/", "cpu/"):
                group = Path(f"/sys/fs/cgroup/{controller}esn-teach/{name}")
                with contextlib.suppress(OSError):
                    group.rmdir()  # cgroupfs: an empty group is removed with rmdir only
        shutil.rmtree(shared, ignore_errors=True)


def _kill_processes_of(name: str) -> None:
    """Kill the processes of ``name`` and wait until none is left (else ``userdel`` refuses)."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        subprocess.run(["pkill", "-KILL", "-u", name], check=False)
        if subprocess.run(["pgrep", "-u", name], check=False, capture_output=True).returncode:
            return
        time.sleep(0.2)


def _account_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True
