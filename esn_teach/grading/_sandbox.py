"""The sandbox: a warm template process (under bubblewrap when available) forking kernels.

One :class:`Template` per grading worker. It starts once, imports the heavy
modules the notebook uses, then forks one fresh IPython kernel per submission
(never reused: no state leaks between two students) and one pristine checker
per submission (see ``_recheck``). Isolation, where the OS offers it:

- bubblewrap: no network (``--unshare-net``), own process tree
  (``--unshare-pid``), the course folder, the module sources and the home
  folder hidden behind empty tmpfs mounts, the whole file system read-only
  except the worker's scratch folder;
- setrlimit in every forked child: memory (address space), CPU time, file size,
  number of processes (effective because the child drops root to ``nobody``).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning.provisioner_base import KernelProvisionerBase

import esn_teach
from esn_teach.course import CourseError

__all__ = ["Limits", "Template", "protections"]

_TEMPLATE_SCRIPT = Path(__file__).with_name("_template.py")


@dataclass(frozen=True)
class Limits:
    """Resource limits applied to each submission.

    Attributes
    ----------
    cell_timeout : int
        Seconds allowed to each cell (nbgrader's ``Execute.timeout``).
    submission_timeout : int
        Seconds allowed to the whole notebook; the kernel is then killed.
    memory_mb : int
        Address space of the kernel, in MiB.
    processes : int
        Maximum number of processes (fork bombs stop there).
    file_mb : int
        Largest file the kernel may write, in MiB.
    """

    cell_timeout: int = 120
    submission_timeout: int = 600
    memory_mb: int = 1024
    processes: int = 64
    file_mb: int = 50

    def child_limits(self) -> dict[str, int]:
        """Return the rlimits passed to the template's children."""
        return {
            "memory_bytes": self.memory_mb * 1024 * 1024,
            "cpu_seconds": self.submission_timeout + 5,
            "file_bytes": self.file_mb * 1024 * 1024,
            "processes": self.processes,
        }


@dataclass
class _Protections:
    bubblewrap: bool
    drop_root: bool
    missing: list[str] = field(default_factory=list)


def _world_readable(path: Path) -> bool:
    """Whether an unprivileged user can reach ``path`` (every parent traversable)."""
    path = path.resolve()
    return all(parent.stat().st_mode & 0o001 for parent in [path, *path.parents])


def protections(sandbox: bool = True) -> _Protections:
    """Which protections this machine offers, and which are missing (in French).

    Parameters
    ----------
    sandbox : bool, default=True
        Whether bubblewrap is wanted (``--no-sandbox`` turns it off).
    """
    bwrap = shutil.which("bwrap")
    usable = False
    if bwrap:
        probe = subprocess.run(
            [
                *(bwrap, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"),
                *("--unshare-net", "--unshare-pid", "--die-with-parent", "true"),
            ],
            capture_output=True,
            check=False,
        )
        usable = probe.returncode == 0
    usable = usable and sandbox
    missing = []
    if not sandbox:
        missing.append(
            "isolement désactivé (--no-sandbox) : le code étudiant peut lire le cours, le "
            "carnet de notes et le réseau"
        )
    elif not usable:
        missing.append(
            "bubblewrap absent ou inutilisable : pas d'isolement réseau ni du système de "
            "fichiers (le code étudiant peut lire le cours et le carnet de notes). "
            "Installez-le : apt-get install bubblewrap"
        )
    # Without bubblewrap, an unprivileged kernel must still reach the interpreter.
    reachable = usable or _world_readable(Path(sys.base_prefix))
    drop_root = os.getuid() == 0 and reachable
    if os.getuid() != 0:
        missing.append(
            "le correcteur ne tourne pas en root : les copies gardent votre identité (pas "
            "d'utilisateur dédié), la limite de processus compte aussi vos propres processus"
        )
    elif not drop_root:
        missing.append(
            f"Python ({sys.base_prefix}) n'est pas lisible par un utilisateur non privilégié : "
            "les copies tournent en root, sans limite de processus effective"
        )
    return _Protections(usable, drop_root, missing)


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False


def _bwrap_command(hidden: list[Path], scratch: Path) -> list[str]:
    """Build the bubblewrap command line hiding ``hidden`` and allowing writes in ``scratch``."""
    needed = {
        Path(sys.prefix).resolve(),
        Path(sys.base_prefix).resolve(),
        Path(esn_teach.__file__).resolve().parent,
        Path(sys.executable).resolve().parent,
    }
    command = [
        "bwrap",
        "--ro-bind",
        "/",
        "/",
        "--dev",
        "/dev",
        "--proc",
        "/proc",
        "--tmpfs",
        "/dev/shm",
        "--unshare-net",
        "--unshare-pid",
        "--unshare-ipc",
        "--unshare-uts",
        "--die-with-parent",
    ]
    # /tmp is emptied like the hidden folders: other students' scratch files live there.
    # What the kernel needs stays visible even inside them (a project checked out under
    # /tmp, as CI may do, keeps its virtual environment and package).
    for folder in [Path("/tmp"), *hidden]:
        if not folder.exists():
            continue
        command += ["--tmpfs", str(folder)]
        for path in sorted(needed):
            if _inside(path, folder) and path != folder:
                for parent in reversed(path.relative_to(folder).parents[:-1]):
                    command += ["--perms", "0755", "--dir", str(folder / parent)]
                command += ["--ro-bind", str(path), str(path)]
    command += ["--bind", str(scratch), str(scratch)]
    return command


class Template:
    """A warm, sandboxed template process that forks kernels and checkers.

    Parameters
    ----------
    preload : list of str
        Modules imported once, before any fork.
    limits : Limits
    hidden : list of pathlib.Path
        Folders student code must not see (course, module sources, home).
    sandbox : bool
        Use bubblewrap (when available).
    """

    _instances = 0

    def __init__(
        self, preload: list[str], limits: Limits, hidden: list[Path], *, sandbox: bool = True
    ) -> None:
        self.limits = limits
        self.scratch = Path(tempfile.mkdtemp(prefix="esn-teach-grading-"))
        os.chmod(self.scratch, 0o711)
        self._lock = threading.Lock()
        # Each kernel runs under its own unused user id: the process limit then counts
        # only that submission's processes, and killing the uid kills all of them.
        Template._instances += 1
        self._uid_base = 200_000 + 10_000 * ((os.getpid() + Template._instances) % 400)
        self._uid_next = 0
        self._uids: dict[int, int] = {}
        offered = protections(sandbox)
        config = {
            "preload": preload,
            "limits": limits.child_limits(),
            "drop_root": offered.drop_root,
        }
        command = [sys.executable, str(_TEMPLATE_SCRIPT), json.dumps(config)]
        if offered.bubblewrap:
            command = [*_bwrap_command(hidden, self.scratch), "--", *command]
        env = {k: v for k, v in os.environ.items() if k not in ("autograde", "NBGRADER_EXECUTION")}
        env.update(
            OPENBLAS_NUM_THREADS="1",
            OMP_NUM_THREADS="1",
            MKL_NUM_THREADS="1",
            PYDEVD_DISABLE_FILE_VALIDATION="1",
            MPLBACKEND="module://matplotlib_inline.backend_inline",
            MPLCONFIGDIR=str(self.scratch / ".matplotlib"),
        )
        self._process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            bufsize=1,
            env=env,
            cwd=str(self.scratch),
            start_new_session=True,
        )
        ready = self._read()
        if not ready.get("ready"):
            self.close()
            raise CourseError(f"Le processus de correction n'a pas démarré : {ready}")
        self.failed_preloads: list[str] = ready.get("failed", [])

    # -- protocol ------------------------------------------------------------------------
    def _read(self) -> dict:
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        if not line:
            raise CourseError("Le processus de correction s'est arrêté de façon inattendue.")
        return json.loads(line)

    def request(self, **message: object) -> dict:
        """Send one request to the template and return its answer."""
        with self._lock:
            assert self._process.stdin is not None
            try:
                self._process.stdin.write(json.dumps(message) + "\n")
                self._process.stdin.flush()
            except BrokenPipeError as error:
                raise CourseError("Le processus de correction s'est arrêté.") from error
            return self._read()

    def workdir(self) -> Path:
        """Create a new private working folder, writable by the unprivileged kernel."""
        path = self.scratch / uuid.uuid4().hex[:12]
        path.mkdir()
        os.chmod(path, 0o777)
        return path

    def start_kernel(self, cwd: Path, env: dict[str, str]) -> AsyncKernelManager:
        """Fork a fresh kernel in ``cwd`` and return a kernel manager connected to it."""
        km = AsyncKernelManager(transport="ipc", ip=str(cwd / "kernel"))
        km.connection_file = str(cwd / "kernel.json")
        km.write_connection_file()
        os.chmod(km.connection_file, 0o644)
        self._uid_next = (self._uid_next + 1) % 10_000
        uid = self._uid_base + self._uid_next
        env = {**env, "ESN_TEACH_UID": str(uid)}
        answer = self.request(op="kernel", connection=km.connection_file, cwd=str(cwd), env=env)
        if "pid" not in answer:
            raise CourseError(f"Impossible de démarrer un noyau : {answer.get('error')}")
        provisioner = _TemplateProvisioner(parent=km, kernel_id=uuid.uuid4().hex)
        provisioner.template = self
        provisioner.pid = int(answer["pid"])
        self._uids[provisioner.pid] = uid
        km.provisioner = provisioner
        km._launch_args = {}  # type: ignore[attr-defined]
        return km

    def kill(self, pid: int) -> None:
        """Kill a child and everything in its session."""
        self.request(op="signal", pid=pid, signal=int(signal.SIGKILL))
        uid = self._uids.get(pid)
        if uid is not None:
            self.request(op="killuid", uid=uid)
        self.request(op="poll", pid=pid)

    def check(self, cwd: Path, tests: list[dict], timeout: float) -> dict | None:
        """Re-run test cells in a pristine forked checker (see ``_recheck``)."""
        answer = self.request(op="check", cwd=str(cwd), tests=tests, timeout=timeout)
        return answer.get("results")

    def close(self) -> None:
        """Stop the template and remove the scratch folder."""
        process = self._process
        if process.poll() is None:
            try:
                assert process.stdin is not None
                process.stdin.close()
                process.wait(timeout=5)
            except (subprocess.TimeoutExpired, OSError):
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        shutil.rmtree(self.scratch, ignore_errors=True)


class _TemplateProvisioner(KernelProvisionerBase):  # type: ignore[misc]
    """A kernel provisioner whose process lives in the template's sandbox."""

    template: Template
    pid: int | None = None
    exit_code: int | None = None

    @property
    def has_process(self) -> bool:
        return self.pid is not None

    async def poll(self) -> int | None:
        if self.pid is None:
            return self.exit_code
        status = self.template.request(op="poll", pid=self.pid).get("status")
        if status is not None:
            self.exit_code = int(status)
        return None if status is None else int(status)

    async def wait(self) -> int | None:
        return await self.poll()

    async def send_signal(self, signum: int) -> None:
        if self.pid is not None:
            self.template.request(op="signal", pid=self.pid, signal=int(signum))

    async def kill(self, restart: bool = False) -> None:
        await self.send_signal(signal.SIGKILL)

    async def terminate(self, restart: bool = False) -> None:
        await self.send_signal(signal.SIGTERM)

    async def launch_kernel(self, cmd: list[str], **kwargs: object) -> dict:
        raise RuntimeError("kernels are forked by the template")

    async def cleanup(self, restart: bool = False) -> None:
        return None
