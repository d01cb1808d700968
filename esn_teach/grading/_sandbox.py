"""The sandbox: a warm template process (under bubblewrap when available) forking kernels.

One :class:`Template` per grading worker. It starts once, imports the heavy
modules the notebook uses, then forks one fresh IPython kernel per submission
(never reused: no state leaks between two students) and one pristine checker
per submission (see ``_recheck``). Isolation, where the OS offers it:

- bubblewrap on an empty root holding only what the interpreter needs
  (allow-list): ``/usr`` and a few ``/etc`` files, the Python installation,
  the ``esn_teach`` package (never the project around it), read-only; the
  worker's scratch folder read-write; no network, own process tree, own IPC
  namespace;
- an allow-listed environment (no secret of the instructor reaches a kernel);
- in every forked child (see ``_template``): its own cgroup (memory of the
  submission as a whole), its own IPC and mount namespaces (fresh ``/tmp`` and
  ``/dev/shm``), its own unprivileged user id (process count, killing), hard
  resource limits, a disk quota on its working folder;
- each worker pinned to its own core (a cpuset cgroup, or its affinity).

:func:`protections` says, in French, which of these the machine lacks.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from jupyter_client.connect import KernelConnectionInfo
from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning.provisioner_base import KernelProvisionerBase

import esn_teach
from esn_teach.course import CourseError

__all__ = ["Limits", "Template", "clean_stale_scratch", "owned_scratch", "protections"]

_TEMPLATE_SCRIPT = Path(__file__).with_name("_template.py")
_SCRATCH_PREFIX = "esn-teach-grading-"
_CGROUP_PREFIX = "esn-teach-"
_OWNER_FILE = ".owner"
_INSIDE_CGROUPS = Path("/run/esn-teach")  # where a worker's cgroups appear in bubblewrap
_MIB = 1024 * 1024
#: Resident memory allowed to a submission beyond its headroom and the template's own.
_CGROUP_MARGIN = 256 * _MIB
#: The only files of /etc the interpreter, matplotlib and IPython read.
_ETC = (
    "ld.so.cache",
    "ld.so.conf",
    "ld.so.conf.d",
    "localtime",
    "timezone",
    "nsswitch.conf",
    "alternatives",
    "fonts",
    "os-release",
    "mime.types",
)
_PASSWD = (
    "root:x:0:0:root:/root:/usr/sbin/nologin\n"
    "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"
)
_GROUP = "root:x:0:\nnogroup:x:65534:\n"
_STUDENT = "etudiant"  # USER and LOGNAME of the kernels (getpass.getuser)


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
        Memory, in MiB, each process of a submission may use beyond what a
        fresh kernel uses (its address space is measured once started). With a
        memory cgroup, the submission as a whole (all its processes, its
        ``/tmp`` and ``/dev/shm``) is also bounded to this plus the resident
        memory of a fresh kernel.
    processes : int
        Maximum number of processes (fork bombs stop there).
    file_mb : int
        Largest file the kernel may write, in MiB.
    disk_mb : int
        Disk space, in MiB, a submission may fill in its working folder (the
        kernel is killed beyond it), and size of its private ``/tmp`` and
        ``/dev/shm``.
    open_files : int
        Maximum number of open files of each process.
    """

    cell_timeout: int = 120
    submission_timeout: int = 600
    memory_mb: int = 1024
    processes: int = 64
    file_mb: int = 50
    disk_mb: int = 200
    open_files: int = 1024

    def child_limits(self) -> dict[str, int]:
        """Return the limits passed to the template's children."""
        return {
            "memory_bytes": self.memory_mb * _MIB,
            "cpu_seconds": self.submission_timeout + 5,
            "file_bytes": self.file_mb * _MIB,
            "processes": self.processes,
            "open_files": self.open_files,
            "disk_bytes": self.disk_mb * _MIB,
        }


@dataclass
class _Protections:
    """What the machine offers; ``missing`` lists what it lacks, in French."""

    bubblewrap: bool
    drop_root: bool
    missing: list[str] = field(default_factory=list)
    namespaces: bool = False
    memory_cgroup: bool = False
    cpuset_cgroup: bool = False


# -- processes and stale folders -------------------------------------------------------------
def _start_time(pid: int) -> int | None:
    """Return the start time of process ``pid`` (clock ticks since boot), None if gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            return int(handle.read().rsplit(")", 1)[1].split()[19])
    except (OSError, ValueError, IndexError):
        return None


def _owner_alive(pid: int, start: int | None) -> bool:
    """Whether the process that wrote an owner record still runs (pid reuse aware).

    A zombie (killed, not yet reaped: a grader killed with SIGKILL leaves its
    workers so until someone reaps them) does not run any more.
    """
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            state = handle.read().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    if state in ("Z", "X", "x"):
        return False
    now = _start_time(pid)
    return now is not None and (start is None or now == start)


def _owner_name() -> str:
    return f"{os.getpid()}-{_start_time(os.getpid()) or 0}"


#: Longest temporary folder whose kernel sockets (``<scratch>/<12>/kernel-N``) stay within
#: the 107 bytes of a Unix socket path.
_MAX_BASE = 50


def scratch_base() -> Path:
    """Return the folder for scratch folders: the temporary directory, unless too deep.

    A kernel talks to the grader through Unix sockets in its working folder,
    whose path may not exceed 107 bytes; under a deep ``TMPDIR`` the first
    writable of ``/tmp``, ``/var/tmp`` and ``/dev/shm`` is used instead.
    """
    base = Path(tempfile.gettempdir())
    if len(str(base)) <= _MAX_BASE:
        return base
    for candidate in (Path("/tmp"), Path("/var/tmp"), Path("/dev/shm")):
        if candidate.is_dir() and os.access(candidate, os.W_OK | os.X_OK):
            return candidate
    raise CourseError(
        f"Le dossier temporaire {base} est trop profond pour les sockets des noyaux "
        f"(plus de {_MAX_BASE} caractères) et ni /tmp, ni /var/tmp, ni /dev/shm ne sont "
        "utilisables : choisissez un TMPDIR plus court."
    )


def owned_scratch(mode: int = 0o700) -> Path:
    """Create a scratch folder in the temporary directory that records its owner.

    :func:`clean_stale_scratch` removes it once its owner no longer runs (even
    after a SIGKILL, which leaves no chance to clean up).

    Parameters
    ----------
    mode : int, default=0o700
        Permissions of the folder.

    Returns
    -------
    pathlib.Path
    """
    folder = Path(tempfile.mkdtemp(prefix=_SCRATCH_PREFIX, dir=scratch_base()))
    os.chmod(folder, mode)
    owner = folder / _OWNER_FILE
    owner.write_text(json.dumps({"pid": os.getpid(), "start": _start_time(os.getpid())}))
    owner.chmod(0o600)
    return folder


def clean_stale_scratch(folder: Path | str | None = None) -> list[Path]:
    """Remove the scratch folders and cgroups left by graders that no longer run.

    Every scratch folder records its owner (process id and start time); a
    grader killed with SIGKILL cannot remove its own. Called when a
    :class:`Template` starts; the runner may call it once per batch.

    Parameters
    ----------
    folder : path-like, optional
        Where the scratch folders are (default: the temporary directory).

    Returns
    -------
    list of pathlib.Path
        The folders removed.
    """
    removed: list[Path] = []
    if _start_time(os.getpid()) is None:
        return removed  # no /proc: no owner can be told alive or dead
    roots = [Path(folder)] if folder is not None else [Path(tempfile.gettempdir())]
    if folder is None and scratch_base() not in roots:
        roots.append(scratch_base())
    candidates = []
    for root in roots:
        try:
            candidates += [p for p in root.iterdir() if p.name.startswith(_SCRATCH_PREFIX)]
        except OSError:
            continue
    for path in candidates:
        try:
            owner = json.loads((path / _OWNER_FILE).read_text(encoding="utf-8"))
            stale = not _owner_alive(int(owner["pid"]), owner.get("start"))
        except (OSError, ValueError, KeyError, TypeError):
            try:  # no owner record: a folder of an older version, or one just created
                stale = time.time() - path.stat().st_mtime > 3600
            except OSError:
                stale = False
        if stale:
            shutil.rmtree(path, ignore_errors=True)
            if not path.exists():
                removed.append(path)
    for controller in ("memory", "cpuset"):
        hierarchy = _hierarchy(controller)
        if hierarchy is None:
            continue
        for path in hierarchy.iterdir():
            if not path.is_dir() or not path.name.startswith(_CGROUP_PREFIX):
                continue
            parts = path.name[len(_CGROUP_PREFIX) :].split("-")
            try:
                pid, start = int(parts[0]), int(parts[1])
            except (ValueError, IndexError):
                continue
            if not _owner_alive(pid, start):
                _remove_cgroup(path)
    return removed


# -- cgroups ---------------------------------------------------------------------------------
@functools.lru_cache(maxsize=4)
def _hierarchies() -> dict[str, Path]:
    """Return the grader's own cgroup folder for each controller (cgroup v1 and v2)."""
    mounts: dict[str, Path] = {}
    unified = None
    try:
        with open("/proc/self/mountinfo", encoding="utf-8") as handle:
            for line in handle:
                fields = line.split()
                separator = fields.index("-")
                kind, options = fields[separator + 1], fields[separator + 3].split(",")
                if fields[3] != "/":
                    continue  # a cgroup namespace's view: paths would not match
                if kind == "cgroup2" and unified is None:
                    unified = Path(fields[4])
                elif kind == "cgroup":
                    for option in options:
                        mounts.setdefault(option, Path(fields[4]))
        with open("/proc/self/cgroup", encoding="utf-8") as handle:
            lines = [line.rstrip("\n").split(":", 2) for line in handle]
    except (OSError, ValueError):
        return {}
    found: dict[str, Path] = {}
    for _, controllers, path in lines:
        relative = path.lstrip("/")
        if controllers:
            for controller in controllers.split(","):
                if controller in mounts:
                    found[controller] = mounts[controller] / relative
        elif unified is not None:
            own = unified / relative
            try:
                available = (own / "cgroup.controllers").read_text().split()
            except OSError:
                available = []
            for controller in available:
                found.setdefault(controller, own)
            found.setdefault("unified", own)
    return found


def _hierarchy(controller: str) -> Path | None:
    path = _hierarchies().get(controller)
    return path if path is not None and os.access(path, os.W_OK) else None


def _unified(path: Path) -> bool:
    return (path / "cgroup.subtree_control").exists() or (path / "cgroup.type").exists()


def _make_cgroup(
    controller: str, path: Path, settings: dict[str, str], optional: dict[str, str] | None = None
) -> Path:
    """Create the cgroup ``path`` with ``controller`` enabled and its ``settings``.

    The ``optional`` settings are written when the kernel offers them (swap accounting...).
    """
    path.mkdir(exist_ok=True)
    if _unified(path.parent):
        # v2: the parent hands the controller down (it holds no process of its own).
        with contextlib.suppress(OSError):
            (path.parent / "cgroup.subtree_control").write_text(f"+{controller}")
        if controller not in (path / "cgroup.controllers").read_text().split():
            raise OSError(f"controller {controller} not delegated to {path}")
    for name, value in settings.items():
        (path / name).write_text(value)
    for name, value in (optional or {}).items():
        with contextlib.suppress(OSError):
            (path / name).write_text(value)
    return path


def _memory_settings(limit: int, path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Return the required and optional settings of a memory cgroup bounded to ``limit``."""
    if _unified(path.parent):
        return {"memory.max": str(limit)}, {"memory.swap.max": "0", "memory.oom.group": "1"}
    return {"memory.limit_in_bytes": str(limit)}, {"memory.memsw.limit_in_bytes": str(limit)}


def _cpuset_settings(cpu: int, parent: Path) -> dict[str, str]:
    settings = {"cpuset.cpus": str(cpu)}
    if not _unified(parent):  # v1: a new cpuset starts with no memory node
        mems = (parent / "cpuset.mems").read_text().strip() or "0"
        settings["cpuset.mems"] = mems
    return settings


def _remove_cgroup(path: Path) -> bool:
    """Kill what still runs in cgroup ``path`` and its children, then remove them."""
    if not path.is_dir():
        return True
    for child in [p for p in path.iterdir() if p.is_dir()]:
        _remove_cgroup(child)
    for _ in range(50):
        try:
            pids = (path / "cgroup.procs").read_text().split()
        except OSError:
            pids = []
        for pid in pids:
            with contextlib.suppress(OSError, ValueError):
                os.kill(int(pid), signal.SIGKILL)
        try:
            path.rmdir()
            return True
        except FileNotFoundError:
            return True
        except OSError:
            time.sleep(0.02)
    return False


def _oom_kills(path: Path) -> int:
    """Count the processes the kernel killed in memory cgroup ``path`` (out of memory)."""
    for name in ("memory.events", "memory.oom_control"):
        try:
            for line in (path / name).read_text().splitlines():
                key, _, value = line.partition(" ")
                if key == "oom_kill":
                    return int(value)
        except (OSError, ValueError):
            continue
    return 0


# -- the file system and environment of the sandbox -----------------------------------------
def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False


def _package_dir() -> Path:
    return Path(esn_teach.__file__).resolve().parent


def _required_paths() -> list[Path]:
    """Return the Python installation(s) and the ``esn_teach`` package (bound read-only)."""
    paths = {
        Path(sys.base_prefix),
        Path(sys.prefix),
        Path(sys.base_exec_prefix),
        Path(sys.exec_prefix),
        Path(os.path.realpath(sys.executable)).parent,
        _package_dir(),
    }
    package_parent = _package_dir().parent
    if package_parent.name in ("site-packages", "dist-packages"):
        paths.add(package_parent)
    return _outermost(p.resolve() for p in paths if p.exists())


def _outermost(paths) -> list[Path]:
    """Keep only the paths not inside another one, sorted."""
    ordered = sorted(set(paths), key=lambda p: len(p.parts))
    kept: list[Path] = []
    for path in ordered:
        if not any(_inside(path, other) for other in kept):
            kept.append(path)
    return sorted(kept)


def _environment(scratch: Path) -> dict[str, str]:
    """Return the allow-listed environment of the template and its kernels."""
    path = [str(Path(sys.executable).parent), "/usr/local/bin", "/usr/bin", "/bin"]
    env = {
        "PATH": os.pathsep.join(dict.fromkeys(path)),
        "LANG": os.environ.get("LANG") or "C.UTF-8",
        "HOME": str(scratch),
        "TMPDIR": str(scratch),
        "IPYTHONDIR": str(scratch / ".ipython"),
        "MPLCONFIGDIR": str(scratch / ".matplotlib"),
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
        "USER": _STUDENT,
        "LOGNAME": _STUDENT,
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "MALLOC_ARENA_MAX": "2",  # each thread's arena would reserve 64 MiB of address space
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        "ESN_TEACH_PROGRESS": "off",  # a graded copy never writes the learner's progress
        # The kernels import the grader's own esn_teach (its folder is the one bound), even
        # when the interpreter's installation would point elsewhere (an editable install of
        # another checkout): the checks that grade are the ones the canary was run with.
        "PYTHONPATH": str(_package_dir().parent),
    }
    for key, value in os.environ.items():
        if key.startswith("LC_") or key in (
            "TZ",
            "OPENBLAS_CORETYPE",
            "OPENBLAS_L2_SIZE",
            "LD_LIBRARY_PATH",
        ):
            env[key] = value
    return env


@functools.lru_cache(maxsize=8)
def _fresh_sys_path(executable: str) -> tuple[str, ...]:
    """Return the ``sys.path`` of a fresh interpreter in the sandbox's environment."""
    try:
        output = subprocess.run(
            [executable, "-c", "import json, sys; print(json.dumps(sys.path))"],
            capture_output=True,
            text=True,
            check=True,
            env=_environment(Path(tempfile.gettempdir())),
            cwd="/",
            timeout=60,
        ).stdout
        return tuple(json.loads(output))
    except (OSError, ValueError, subprocess.SubprocessError):
        return tuple(sys.path)


def _extra_paths(hidden: list[Path], required: list[Path]) -> list[Path]:
    """Entries of ``sys.path`` outside the required paths (site-packages of a ``.pth``).

    Never the project around an editable ``esn_teach``, nor a hidden folder.
    """
    project = _package_dir().parent
    extra = []
    for entry in _fresh_sys_path(sys.executable):
        if not entry or not os.path.isabs(entry) or not os.path.exists(entry):
            continue
        path = Path(entry).resolve()
        if any(_inside(path, folder) for folder in [*required, Path("/usr")]):
            continue
        if _inside(project, path) or _inside(path, project):
            continue  # the project checkout: only its package is bound
        if any(_inside(path, Path(folder).resolve()) for folder in hidden):
            continue
        extra.append(path)
    return _outermost(extra)


def _python_paths(hidden: list[Path]) -> list[Path]:
    """Return every folder the interpreter needs, bound read-only in the sandbox."""
    required = _required_paths()
    return required + _extra_paths(hidden, required)


def _bwrap_command(
    hidden: list[Path],
    scratch: Path | None,
    *,
    cgroups: dict[str, Path] | None = None,
    tmp_bytes: int = 0,
) -> list[str]:
    """Build the bubblewrap command line: an empty root and an allow-list of binds.

    Parameters
    ----------
    hidden : list of pathlib.Path
        Folders never bound, even when an entry of ``sys.path`` lies there
        (the interpreter and the package are bound wherever they are).
    scratch : pathlib.Path or None
        The worker's scratch folder, bound read-write at the same path.
    cgroups : dict, optional
        Host cgroup folders to bind read-write, by name, under ``/run/esn-teach``.
    tmp_bytes : int, default=0
        Size of the sandbox's ``/tmp`` and ``/dev/shm`` (0: tmpfs default).
    """
    command = [
        *("bwrap", "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts"),
        *("--die-with-parent", "--new-session"),
    ]
    made: set[Path] = {Path("/")}
    bound: list[Path] = []

    def parents(path: Path) -> None:
        """Create the missing parents of ``path``, traversable by anyone."""
        for parent in reversed(path.parents):
            if parent in made or any(_inside(parent, b) for b in bound):
                continue
            command.extend(["--perms", "0755", "--dir", str(parent)])
            made.add(parent)

    def bind(source: Path, target: Path, option: str = "--ro-bind") -> None:
        parents(target)
        command.extend([option, str(source), str(target)])
        bound.append(target)
        made.add(target)

    bind(Path("/usr"), Path("/usr"))
    for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        host = Path("/") / name
        if host.is_symlink():
            command.extend(["--symlink", os.readlink(host), str(host)])
        elif host.is_dir():
            bind(host, host)
    etc = [Path("/etc") / name for name in _ETC]
    etc += sorted(Path("/etc").glob("python3*"))  # Debian's sitecustomize
    for path in etc:
        if path.exists():
            bind(path, path)
    for name in ("passwd", "group"):
        synthetic = scratch / ".sandbox" / name if scratch is not None else None
        if synthetic is not None and synthetic.is_file():
            bind(synthetic, Path("/etc") / name)
    command.extend(["--dev", "/dev", "--proc", "/proc"])
    made.update({Path("/dev"), Path("/proc")})
    for folder in ("/tmp", "/dev/shm"):
        size = ["--size", str(tmp_bytes)] if tmp_bytes > 0 else []
        command.extend(["--perms", "1777", *size, "--tmpfs", folder])
        made.add(Path(folder))
    cpus = Path("/sys/devices/system/cpu")  # OpenBLAS counts the cores there
    if cpus.is_dir():
        bind(cpus, cpus)
    for path in _python_paths(hidden):
        if not any(_inside(path, b) for b in bound):
            bind(path, path)
    if scratch is not None:
        bind(scratch, scratch, "--bind")
    for name, host in (cgroups or {}).items():
        bind(host, _INSIDE_CGROUPS / name, "--bind")
    command.extend(["--chdir", str(scratch) if scratch is not None else "/"])
    return command


# -- what the machine offers -----------------------------------------------------------------
_PROBE = r"""
import ctypes, json, os, sys
libc = ctypes.CDLL(None, use_errno=True)
folders, cgroups = json.loads(sys.argv[1])

def child(task):
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read)
            answer = task()
        except BaseException as error:
            answer = False
        os.write(write, json.dumps(answer).encode())
        os._exit(0)
    os.close(write)
    data = os.read(read, 4096)
    os.close(read)
    os.waitpid(pid, 0)
    return json.loads(data or b"false")

def namespaces():
    if libc.unshare(0x08000000 | 0x00020000) != 0:
        return False
    if libc.mount(None, b"/", None, 0x4000 | (1 << 18), None) != 0:
        return False
    return libc.mount(b"tmpfs", b"/tmp", b"tmpfs", 6, b"size=1m") == 0

def drop():
    os.setgroups([])
    os.setgid(65534)
    os.setuid(65534)
    try:
        import pdb, esn_teach
    except Exception:
        return "python"
    if not all(os.access(folder, os.X_OK) for folder in folders):
        return "scratch"
    return True

def join():
    joined = []
    for name, path in cgroups.items():
        try:
            with open(os.path.join(path, "cgroup.procs"), "w") as handle:
                handle.write("0")
            joined.append(name)
        except OSError:
            pass
    return joined

root = os.geteuid() == 0
print(json.dumps({
    "namespaces": child(namespaces) if root else False,
    "drop": child(drop) if root else False,
    "join": child(join) if cgroups else [],
}))
"""


@functools.lru_cache(maxsize=8)
def _probe(sandbox: bool, temp: str, euid: int) -> dict:
    """Try, once per process, what the template will do: sandbox, namespaces, uid, cgroups."""
    cgroups: dict[str, Path] = {}
    for controller in ("memory", "cpuset"):
        hierarchy = _hierarchy(controller)
        if hierarchy is None:
            continue
        path = hierarchy / f"{_CGROUP_PREFIX}{_owner_name()}-probe-{uuid.uuid4().hex[:6]}"
        try:
            if controller == "memory":
                _make_cgroup(controller, path, *_memory_settings(512 * _MIB, path))
            else:
                _make_cgroup(
                    controller, path, _cpuset_settings(min(os.sched_getaffinity(0)), hierarchy)
                )
            cgroups[controller] = path
        except (OSError, ValueError):
            _remove_cgroup(path)
    try:
        result: dict[str, Any] = {"bubblewrap": False}
        if sandbox and shutil.which("bwrap"):
            inside = {name: str(_INSIDE_CGROUPS / name) for name in cgroups}
            command = _bwrap_command([], None, cgroups=cgroups)
            answer = _run_probe([*command, "--"], [], inside)
            if answer is not None:
                result = {"bubblewrap": True, **answer}
        if not result["bubblewrap"]:
            answer = _run_probe([], [temp], {name: str(p) for name, p in cgroups.items()})
            result.update(answer or {"namespaces": False, "drop": False, "join": []})
        result["cgroups"] = sorted(result.get("join") or [])
        return result
    finally:
        for path in cgroups.values():
            _remove_cgroup(path)


def _run_probe(prefix: list[str], folders: list[str], cgroups: dict[str, str]) -> dict | None:
    """Run the probe script (under ``prefix``, the sandbox); None when it cannot run."""
    env = _environment(Path(tempfile.gettempdir()))
    try:
        done = subprocess.run(
            [*prefix, sys.executable, "-c", _PROBE, json.dumps([folders, cgroups])],
            capture_output=True,
            text=True,
            env=env,
            cwd="/",
            timeout=120,
            check=False,
        )
        return json.loads(done.stdout.strip().splitlines()[-1]) if done.returncode == 0 else None
    except (OSError, ValueError, IndexError, subprocess.SubprocessError):
        return None


def protections(sandbox: bool = True, *, scratch: Path | None = None) -> _Protections:
    """Which protections this machine offers, and which are missing (in French).

    Parameters
    ----------
    sandbox : bool, default=True
        Whether bubblewrap is wanted (``--no-sandbox`` turns it off).
    scratch : pathlib.Path, optional
        The scratch folder the kernels will work in (default: a new folder of
        the temporary directory): without bubblewrap, root is only dropped
        when an unprivileged user can reach it and the interpreter.
    """
    temp = str(scratch.parent if scratch is not None else Path(tempfile.gettempdir()))
    found = _probe(sandbox, temp, os.geteuid())
    usable = found["bubblewrap"]
    root = os.geteuid() == 0
    drop_root = root and found.get("drop") is True
    namespaces = root and bool(found.get("namespaces"))
    memory = "memory" in found["cgroups"]
    cpuset = "cpuset" in found["cgroups"]
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
    if not root:
        missing.append(
            "le correcteur ne tourne pas en root : les copies gardent votre identité (pas "
            "d'utilisateur dédié), la limite de processus compte aussi vos propres processus"
        )
    elif not drop_root:
        where = (
            f"le dossier temporaire ({temp})"
            if found.get("drop") == "scratch"
            else f"Python ({sys.base_prefix}) ou le paquet esn_teach "
            f"({Path(esn_teach.__file__).resolve().parent})"
        )
        missing.append(
            f"{where} n'est pas accessible à un utilisateur non privilégié : les copies "
            "tournent en root, sans limite de processus effective"
        )
    if not namespaces:
        if usable or drop_root:
            missing.append(
                "pas d'espace IPC ni de /tmp privés par copie : la mémoire partagée (IPC "
                "System V, /dev/shm) et les fichiers de /tmp laissés par une copie sont "
                "supprimés après elle"
            )
        else:
            missing.append(
                "pas d'espace IPC ni de /tmp privés par copie, ni d'utilisateur dédié : une "
                "copie peut lire la mémoire partagée (IPC System V, /dev/shm) et les fichiers "
                "de /tmp laissés par une autre"
            )
    if not memory:
        missing.append(
            "pas de cgroup mémoire utilisable : la mémoire n'est bornée que processus par "
            "processus (espace d'adressage), pas pour la copie entière"
        )
    if not cpuset and len(os.sched_getaffinity(0)) > 1:
        missing.append(
            "pas de cgroup cpuset utilisable : chaque correcteur n'est épinglé à son cœur "
            "que par affinité, que le code étudiant peut élargir"
        )
    return _Protections(usable, drop_root, missing, namespaces, memory, cpuset)


# -- the template -----------------------------------------------------------------------------
class Template:
    """A warm, sandboxed template process that forks kernels and checkers.

    Parameters
    ----------
    preload : list of str
        Modules imported once, before any fork.
    limits : Limits
    hidden : list of pathlib.Path
        Folders student code must not see (course, module sources, home):
        nothing in them is bound into the sandbox but the interpreter and the
        ``esn_teach`` package when they lie there.
    sandbox : bool
        Use bubblewrap (when available).
    core : int, optional
        This grading process's index among its siblings: its template is
        pinned to that core (when there are at least as many cores as
        processes). By default, the first core no template of this process uses.
    """

    _instances = 0
    _cpus: ClassVar[set[int]] = set()  # cores already given to a live template of this process
    _class_lock = threading.Lock()

    def __init__(
        self,
        preload: list[str],
        limits: Limits,
        hidden: list[Path],
        *,
        sandbox: bool = True,
        core: int | None = None,
        wait: bool = True,
    ) -> None:
        clean_stale_scratch()
        self.limits = limits
        self.scratch = owned_scratch(0o711)
        self._lock = threading.Lock()
        self._ready_lock = threading.Lock()
        self._ready = False
        self.failed_preloads: list[str] = []
        self._process: subprocess.Popen | None = None
        # Each kernel runs under its own unused user id: the process limit then counts
        # only that submission's processes, and killing the uid kills all of them.
        with Template._class_lock:
            Template._instances += 1
            number = Template._instances
            self.cpu = self._claim_cpu(core)
        self._uid_base = 200_000 + 10_000 * ((os.getpid() + number) % 400)
        self._uid_next = 0
        self._uids: dict[int, int] = {}
        self._reasons: dict[int, str] = {}
        self._cgroups: dict[str, Path] = {}  # this worker's cgroup, by controller
        self._memory_limit = 0
        try:
            self._start(preload, hidden, sandbox, number)
            if wait:
                self.wait_ready()
        except BaseException:
            self.close()
            raise

    @staticmethod
    def _claim_cpu(number: int | None = None) -> int | None:
        """Return a core no other live template uses (None: as many templates as cores).

        ``number`` (a worker's index among the grading processes) picks the core
        directly: templates of different processes cannot see each other's claims.
        """
        cores = sorted(os.sched_getaffinity(0))
        if number is not None:
            return cores[number % len(cores)] if len(cores) >= 2 and number < len(cores) else None
        free = [core for core in cores if core not in Template._cpus]
        if len(cores) < 2 or not free:
            return None
        Template._cpus.add(free[0])
        return free[0]

    def _start(self, preload: list[str], hidden: list[Path], sandbox: bool, number: int) -> None:
        offered = protections(sandbox, scratch=self.scratch)
        self.protections = offered
        name = f"{_CGROUP_PREFIX}{_owner_name()}-{number}"
        if offered.memory_cgroup:
            hierarchy = _hierarchy("memory")
            assert hierarchy is not None
            self._cgroups["memory"] = _make_cgroup("memory", hierarchy / name, {})
        joined: str | None = None
        if offered.cpuset_cgroup and self.cpu is not None:
            hierarchy = _hierarchy("cpuset")
            assert hierarchy is not None
            worker = _make_cgroup("cpuset", hierarchy / name, _cpuset_settings(self.cpu, hierarchy))
            self._cgroups["cpuset"] = worker
            leaf = worker / "template"  # cgroup v2: processes only in leaves
            template_cgroup = _make_cgroup("cpuset", leaf, _cpuset_settings(self.cpu, worker))
            joined = self._visible(template_cgroup, offered.bubblewrap)
        sandbox_files = self.scratch / ".sandbox"
        sandbox_files.mkdir(mode=0o755)
        (sandbox_files / "passwd").write_text(_PASSWD)
        (sandbox_files / "group").write_text(_GROUP)
        for path in sandbox_files.iterdir():
            path.chmod(0o644)
        config = {
            "preload": preload,
            "limits": self.limits.child_limits(),
            "drop_root": offered.drop_root,
            "namespaces": offered.namespaces,
            "own_ipc": offered.bubblewrap,
            "keep": [str(p) for p in [self.scratch, *_python_paths(hidden)]],
            "cpu": self.cpu,
            "cgroup": joined,
        }
        command = [sys.executable, str(_TEMPLATE_SCRIPT), json.dumps(config)]
        if offered.bubblewrap:
            prefix = _bwrap_command(
                hidden, self.scratch, cgroups=self._cgroups, tmp_bytes=self.limits.disk_mb * _MIB
            )
            command = [*prefix, "--", *command]
        self._bubblewrap = offered.bubblewrap
        self._process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            bufsize=1,
            env=_environment(self.scratch),
            cwd=str(self.scratch),
            start_new_session=True,
        )

    def wait_ready(self) -> None:
        """Wait until the template has imported its modules (once; later calls return at once).

        The template starts importing as soon as it is created; a caller with other
        work to do (a worker reading the module) waits only when it needs a kernel.

        Raises
        ------
        esn_teach.course.CourseError
            When the template could not start.
        """
        if self._ready:
            return
        with self._ready_lock:
            if self._ready:
                return
            ready = self._read()
            if not ready.get("ready"):
                raise CourseError(f"Le processus de correction n'a pas démarré : {ready}")
            self.failed_preloads = ready.get("failed", [])
            self._memory_limit = self.limits.memory_mb * _MIB + int(ready.get("rss", 0))
            self._memory_limit += _CGROUP_MARGIN
            self._ready = True

    def alive(self) -> bool:
        """Whether the template process is still running."""
        return self._process is not None and self._process.poll() is None

    def _visible(self, path: Path, bubblewrap: bool) -> str:
        """Return the path of a host cgroup folder as the template sees it."""
        if not bubblewrap:
            return str(path)
        for name, worker in self._cgroups.items():
            if _inside(path, worker):
                return str(_INSIDE_CGROUPS / name / path.relative_to(worker))
        raise ValueError(path)

    # -- protocol ------------------------------------------------------------------------
    def _read(self) -> dict:
        assert self._process is not None and self._process.stdout is not None
        line = self._process.stdout.readline()
        if not line:
            raise CourseError("Le processus de correction s'est arrêté de façon inattendue.")
        return json.loads(line)

    def request(self, **message: object) -> dict:
        """Send one request to the template and return its answer."""
        self.wait_ready()
        with self._lock:
            assert self._process is not None and self._process.stdin is not None
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

    def _allocate(self) -> tuple[int, str | None]:
        """Return a fresh user id for one submission and its own memory cgroup (as seen inside)."""
        self.wait_ready()
        with self._lock:
            self._uid_next = (self._uid_next + 1) % 10_000
            uid = self._uid_base + self._uid_next
        worker = self._cgroups.get("memory")
        if worker is None:
            return uid, None
        path = worker / f"u{uid}"
        _remove_cgroup(path)  # a previous holder of this uid, 10,000 submissions ago
        _make_cgroup("memory", path, *_memory_settings(self._memory_limit, path))
        return uid, self._visible(path, self._bubblewrap)

    def _release(self, uid: int, pid: int | None = None) -> None:
        """Record why the submission ``uid`` was stopped, then remove its cgroup."""
        worker = self._cgroups.get("memory")
        if worker is None:
            return
        path = worker / f"u{uid}"
        if pid is not None and pid not in self._reasons and _oom_kills(path):
            self._reasons[pid] = self._memory_reason()
        _remove_cgroup(path)

    def _memory_reason(self) -> str:
        return (
            "mémoire de la copie épuisée : l'ensemble de ses processus a dépassé "
            f"{self._memory_limit // _MIB} Mio"
        )

    def start_kernel(self, cwd: Path, env: dict[str, str]) -> AsyncKernelManager:
        """Fork a fresh kernel in ``cwd`` and return a kernel manager connected to it."""
        km = AsyncKernelManager(transport="ipc", ip=str(cwd / "kernel"))
        km.connection_file = str(cwd / "kernel.json")
        km.write_connection_file()
        os.chmod(km.connection_file, 0o644)
        uid, cgroup = self._allocate()
        answer = self.request(
            op="kernel",
            connection=km.connection_file,
            cwd=str(cwd),
            env=env,
            uid=uid,
            cgroup=cgroup,
        )
        if "pid" not in answer:
            self._release(uid)
            raise CourseError(f"Impossible de démarrer un noyau : {answer.get('error')}")
        provisioner = _TemplateProvisioner(parent=km, kernel_id=uuid.uuid4().hex)
        provisioner.template = self
        provisioner.pid = int(answer["pid"])
        self._uids[provisioner.pid] = uid
        km.provisioner = provisioner
        km._launch_args = {}
        return km

    def kill(self, pid: int) -> None:
        """Kill a child and everything of its submission; remove what it left behind."""
        self.request(op="signal", pid=pid, signal=int(signal.SIGKILL))
        uid = self._uids.pop(pid, None)
        if uid is not None:
            self.request(op="killuid", uid=uid)
        self.request(op="poll", pid=pid)
        if uid is not None:
            self.request(op="cleanup", uid=uid)
            self._release(uid, pid)

    def stop_reason(self, pid: int) -> str | None:
        """Return why the sandbox stopped child ``pid`` (disk quota, submission memory), in French.

        None when it did not (the child died of itself, or the caller killed it).
        """
        if pid in self._reasons:
            return self._reasons[pid]
        reason = self.request(op="poll", pid=pid).get("reason")
        uid = self._uids.get(pid)
        worker = self._cgroups.get("memory")
        if (
            reason is None
            and uid is not None
            and worker is not None
            and _oom_kills(worker / f"u{uid}")
        ):
            reason = self._memory_reason()
        return reason

    def check(
        self, cwd: Path, tests: list[dict], timeout: float, env: dict[str, str] | None = None
    ) -> dict | None:
        """Re-run test cells in a pristine forked checker (see ``_recheck``).

        ``env``: variables added to the checker's environment (the graded
        student's identifier, for the hidden tests of a per-student variant).
        """
        uid, cgroup = self._allocate()
        try:
            answer = self.request(
                op="check",
                cwd=str(cwd),
                tests=tests,
                timeout=timeout,
                uid=uid,
                cgroup=cgroup,
                env=env or {},
            )
        finally:
            self.request(op="killuid", uid=uid)
            self.request(op="cleanup", uid=uid)
            self._release(uid)
        return answer.get("results")

    def close(self) -> None:
        """Stop the template and remove the scratch folder and the cgroups."""
        process = self._process
        if process is not None and process.poll() is None:
            try:
                assert process.stdin is not None
                process.stdin.close()
                process.wait(timeout=5)
            except (subprocess.TimeoutExpired, OSError):
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        for path in self._cgroups.values():
            _remove_cgroup(path)
        self._cgroups.clear()
        with Template._class_lock:
            if self.cpu is not None:
                Template._cpus.discard(self.cpu)
                self.cpu = None
        shutil.rmtree(self.scratch, ignore_errors=True)


class _TemplateProvisioner(KernelProvisionerBase):
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

    async def launch_kernel(self, cmd: list[str], **kwargs: object) -> KernelConnectionInfo:
        raise RuntimeError("kernels are forked by the template")

    async def cleanup(self, restart: bool = False) -> None:
        return None
