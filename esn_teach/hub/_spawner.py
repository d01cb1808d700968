"""Start each person's JupyterLab as their own Unix account, within their limits."""

from __future__ import annotations

import asyncio
import os
import pwd
import random
import shutil
import socket
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jupyterhub.spawner import LocalProcessSpawner
from traitlets import Bool, Int, Unicode

from ._auth import INSTRUCTORS_GROUP
from ._credentials import deliver_credentials
from ._limits import CgroupError, UserLimits

__all__ = ["CourseSpawner", "ensure_account", "reserve_port", "runtime_dir"]

#: Where each account's Jupyter runtime files (kernel sockets) live: a short path, because a
#: Unix socket's path may not exceed 107 bytes, which ``~/.local/share/jupyter/runtime`` plus
#: a kernel's name does for a long account name.
RUNTIME_ROOT = Path("/run/esn-teach")

#: Where a student's server opens: the « Mes devoirs » page (``esn_teach.assignments.PAGE_PATH``,
#: not imported: the Kubernetes hub image has esn_teach.hub without nbgrader; a test checks both
#: agree).
STUDENT_PAGE = "/esn-teach/devoirs"


def runtime_dir(account: pwd.struct_passwd, *, root: Path = RUNTIME_ROOT) -> Path:
    """Create ``root/<uid>``, private to ``account``, and return it.

    ``root`` belongs to root and nobody else may write in it, so no account can create or
    replace another's folder; a folder with the wrong owner or mode is re-created.
    """
    root.mkdir(parents=True, exist_ok=True)
    os.chown(root, 0, 0)
    os.chmod(root, 0o755)
    folder = root / str(account.pw_uid)
    if folder.is_symlink():
        folder.unlink()
    elif folder.exists() and folder.stat().st_uid != account.pw_uid:
        shutil.rmtree(folder)
    folder.mkdir(exist_ok=True)
    os.chown(folder, account.pw_uid, account.pw_gid)
    os.chmod(folder, 0o700)
    return folder


#: Ports given to servers that are running or starting (see `reserve_port`).
_RESERVED: set[int] = set()


def reserve_port(low: int = 20000, high: int = 32000) -> int:
    """Return a free port on 127.0.0.1 that no other server of this hub has been given.

    JupyterHub's own choice binds port 0 and releases it at once: when a whole class starts
    its servers in the same seconds, two servers can be given the same port before either
    binds it, and one student's server fails while the hub routes them to the other's. Ports
    are taken here from a range below Linux's ephemeral ports (32768 and up, used by outgoing
    connections) and kept until the server stops.
    """
    for _ in range(1000):
        port = random.randint(low, high)
        if port in _RESERVED:
            continue
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
        _RESERVED.add(port)
        return port
    raise RuntimeError(f"Aucun port libre entre {low} et {high} pour démarrer un serveur.")


def ensure_account(name: str, *, home_mode: int = 0o700) -> pwd.struct_passwd:
    """Create the Unix account ``name`` if needed; its home is private to it.

    Parameters
    ----------
    name : str
        Account name (already a safe name: see `unix_username`).
    home_mode : int, default 0o700
        Permissions of the home directory: nobody else may list or read it.

    Returns
    -------
    pwd.struct_passwd
        The account.
    """
    try:
        account = pwd.getpwnam(name)
    except KeyError:
        subprocess.run(
            ["useradd", "--create-home", "--shell", "/bin/bash", "--user-group", name],
            check=True,
            capture_output=True,
            text=True,
        )
        account = pwd.getpwnam(name)
    os.chmod(account.pw_dir, home_mode)
    return account


class CourseSpawner(LocalProcessSpawner):
    """JupyterHub's local-process spawner for the course on one server.

    On top of ``LocalProcessSpawner``: the account is created at first login with a private home
    (mode 700); the server and all its kernels run in the user's control groups, so
    ``mem_limit`` and ``cpu_limit`` are enforced (`UserLimits`); students get the students'
    Jupyter settings (no formgrader) and open on « Mes devoirs », instructors the full ones
    and JupyterLab; with ``course_root`` set, the
    user's issued credentials are copied into ``~/Certificats`` before each start
    (`deliver_credentials`).
    """

    create_accounts = Bool(
        True, config=True, help="Create the Unix account of a new user at their first start."
    )
    home_mode = Int(0o700, config=True, help="Permissions of each user's home directory.")
    student_config_path = Unicode(
        "",
        config=True,
        help="JUPYTER_CONFIG_PATH given to students (the students' Jupyter settings).",
    )
    student_default_url = Unicode(
        STUDENT_PAGE,
        config=True,
        help="Where a student's server opens (the « Mes devoirs » page); instructors keep "
        "Spawner.default_url. Empty: Spawner.default_url for everyone.",
    )
    enforce_limits = Bool(
        True,
        config=True,
        help="Refuse to start a server whose memory/CPU limits cannot be applied.",
    )
    course_root = Unicode(
        "",
        config=True,
        help="The nbgrader course root: each learner's issued credentials are copied from its "
        "certificats/ folder into ~/Certificats before their server starts.",
    )
    activity_interval = Int(
        0,
        config=True,
        help="Seconds between two activity reports of a server to the hub (0: JupyterHub's).",
    )

    _procs_files: list[Path]
    _runtime: Path | None = None

    def _is_instructor(self) -> bool:
        return any(group.name == INSTRUCTORS_GROUP for group in self.user.groups)

    def get_env(self) -> dict[str, str]:
        """Return the server's environment (students' settings for students)."""
        env: dict[str, str] = super().get_env()
        if not self._is_instructor():
            if self.student_config_path:
                env["JUPYTER_CONFIG_PATH"] = self.student_config_path
            if self.student_default_url:
                env["JUPYTERHUB_DEFAULT_URL"] = self.student_default_url
        if self._runtime is not None:
            env["JUPYTER_RUNTIME_DIR"] = str(self._runtime)
        if self.activity_interval:
            env["JUPYTERHUB_ACTIVITY_INTERVAL"] = str(self.activity_interval)
        return env

    async def _deliver_credentials(self, account: pwd.struct_passwd) -> None:
        """Copy the user's issued credentials into ~/Certificats; never blocks the start."""
        try:
            delivery = await asyncio.to_thread(
                deliver_credentials,
                Path(self.course_root),
                account.pw_name,
                home=Path(account.pw_dir),
                uid=account.pw_uid,
                gid=account.pw_gid,
            )
        except Exception as error:  # a learner's workspace starts whatever happens here
            self.log.warning("Certificats de %s non copiés : %s", account.pw_name, error)
            return
        if delivery.written:
            self.log.info(
                "Certificats de %s : %d fichier(s) copié(s) dans %s",
                account.pw_name,
                len(delivery.written),
                delivery.folder,
            )

    async def start(self) -> Any:
        """Create the account and its limits, then start the server as that account."""
        name = self.user.name
        if self.create_accounts:
            account = await asyncio.to_thread(ensure_account, name, home_mode=self.home_mode)
            self._runtime = runtime_dir(account)
            if self.course_root:
                await self._deliver_credentials(account)
        self._procs_files = []
        if self.mem_limit or self.cpu_limit:
            limits = UserLimits(
                name,
                mem_bytes=int(self.mem_limit or 0) or 1 << 62,
                cpus=float(self.cpu_limit or os.cpu_count() or 1),
            )
            try:
                self._procs_files = limits.apply()
            except CgroupError as error:
                if self.enforce_limits:
                    raise
                self.log.warning("%s", error)
        if not getattr(self, "port", 0):
            self.port = reserve_port()
        return await super().start()

    async def stop(self, now: bool = False) -> None:
        """Stop the server and give its port back."""
        port: int = getattr(self, "port", 0)
        await super().stop(now=now)
        _RESERVED.discard(port)

    def make_preexec_fn(self, name: str) -> Callable[[], None]:
        """Join the user's control groups, then drop to the user's account."""
        become_user = super().make_preexec_fn(name)
        procs_files = list(getattr(self, "_procs_files", []))

        def preexec() -> None:
            UserLimits.join(procs_files)
            become_user()

        return preexec
