"""The warm template process: imports the heavy modules once, then forks kernels.

This file is run as a script (``python _template.py CONFIG``), inside the
sandbox, never imported by the grader. It speaks JSON lines on stdin/stdout:

- ``{"op": "kernel", "connection": PATH, "cwd": DIR, "env": {...}, "uid": N,
  "cgroup": DIR}`` forks a child that becomes an IPython kernel (a fresh one
  per submission: nothing executed by a student ever runs in the template);
- ``{"op": "check", "cwd": DIR, "tests": [...], "uid": N, "cgroup": DIR}``
  forks a child that re-runs test cells on pristine libraries (see
  ``_integrity``);
- ``{"op": "signal", "pid": N, "signal": S}``, ``{"op": "poll", "pid": N}``
  (its answer carries the ``reason`` when the template stopped the child
  itself), ``{"op": "killuid", "uid": N}`` and ``{"op": "cleanup", "uid": N}``
  manage the children (their process ids only make sense inside the sandbox).

Every child, before running anything:

- joins its own cgroup (memory of the submission as a whole) when one is given;
- enters its own IPC and mount namespaces with a fresh, size-limited ``/tmp``
  and ``/dev/shm`` (nothing shared with the next submission, everything freed
  with it), when the template may;
- drops root to the submission's own user id (so that ``RLIMIT_NPROC`` counts
  only its processes and killing the uid kills all of them), with
  ``PR_SET_NO_NEW_PRIVS`` and a parent-death signal;
- sets every resource limit with hard = soft (student code cannot lift them):
  address space (its measured use plus the headroom), CPU time, file size,
  processes, open files, core dumps; the others are frozen at their value.

Between requests the template measures each child's working folder and kills
the submission when it exceeds the disk quota.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib
import json
import os
import resource
import select
import shutil
import signal
import stat
import sys
import tempfile
import time
import traceback
from typing import IO, TYPE_CHECKING

_UNPRIVILEGED = 65534  # "nobody": the group of every submission's own user id
_CLONE_NEWNS = 0x00020000
_CLONE_NEWIPC = 0x08000000
_MS_RDONLY = 0x1
_MS_NOSUID = 0x2
_MS_NODEV = 0x4
_MS_REMOUNT = 0x20
_MS_BIND = 0x1000
_MS_REC = 0x4000
_MS_PRIVATE = 1 << 18
_PR_SET_PDEATHSIG = 1
_PR_SET_NO_NEW_PRIVS = 38
_IPC_RMID = 0
_WATCH_EVERY = 1.0  # seconds between two measures of the working folders
_MAX_FILES = 50_000  # files a submission may create in its working folder
_START_SLACK = 512 * 1024**2  # address space allowed to the kernel's own start-up
#: What every kernel imports while it starts (debugpy through ipykernel.debugger), imported
#: once by the template instead: a kernel's start-up drops from 0.12 s to 0.04 s of CPU.
_KERNEL_MODULES = (
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.zmqshell",
    "ipykernel.debugger",
    "IPython.core.completerlib",
    "IPython.core.debugger",
    "IPython.core.oinspect",
    "IPython.extensions.storemagic",
    "sqlite3",
    "tornado.gen",
    "tornado.queues",
    "tornado.platform.asyncio",
)

_libc = ctypes.CDLL(None, use_errno=True)


def _check(result: int, what: str) -> None:
    if result != 0:
        code = ctypes.get_errno()
        raise OSError(code, f"{what}: {os.strerror(code)}")


# -- limits ---------------------------------------------------------------------------------
def _status(field: str) -> int:
    """Return a memory figure of this process in bytes (``VmSize``, ``VmRSS``…), 0 if unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith(f"{field}:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _address_space() -> int:
    """Return this process's address space in bytes (``VmSize``), 0 when unknown."""
    return _status("VmSize")


def _set_limit(kind: int, value: int) -> None:
    """Set soft = hard = ``value`` (never above the current hard limit)."""
    _, hard = resource.getrlimit(kind)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    resource.setrlimit(kind, (value, value))


def _limit_memory(headroom: int, slack: int = 0) -> None:
    """Allow ``headroom`` bytes of address space beyond what this process uses now."""
    if headroom <= 0:
        return
    used = _address_space() or 2 * 1024**3
    _set_limit(resource.RLIMIT_AS, used + headroom + slack)


def _apply_limits(limits: dict) -> None:
    """Apply the configured limits, then freeze every other one (hard = soft)."""
    configured = {
        resource.RLIMIT_CPU: limits.get("cpu_seconds"),
        resource.RLIMIT_FSIZE: limits.get("file_bytes"),
        resource.RLIMIT_NPROC: limits.get("processes"),
        resource.RLIMIT_NOFILE: limits.get("open_files"),
        resource.RLIMIT_CORE: 0,
    }
    for kind, value in configured.items():
        if value is not None and value >= 0:
            _set_limit(kind, int(value))
    for name in dir(resource):
        if not name.startswith("RLIMIT_") or name == "RLIMIT_AS":
            continue
        kind = getattr(resource, name)
        if kind in configured:
            continue
        try:
            soft, _ = resource.getrlimit(kind)
            resource.setrlimit(kind, (soft, soft))
        except (ValueError, OSError):
            pass


# -- isolation ------------------------------------------------------------------------------
def _mount(source: str | None, target: str, kind: str | None, flags: int, data: str | None):
    encode = lambda text: None if text is None else text.encode()  # noqa: E731
    result = _libc.mount(encode(source), encode(target), encode(kind), flags, encode(data))
    _check(result, f"mount {target}")


def _private_namespaces(cwd: str, tmp_bytes: int, keep: list[str]) -> None:
    """Own IPC namespace, own mount namespace with a fresh ``/tmp`` and ``/dev/shm``.

    What the kernel needs and the fresh ``/tmp`` would hide stays reachable: its
    working folder (read-write) and the Python installation and package when the
    project lives under ``/tmp`` (read-only), bound again on top of the fresh
    ``/tmp`` from handles opened beforehand.
    """
    _check(_libc.unshare(_CLONE_NEWNS | _CLONE_NEWIPC), "unshare")
    _mount(None, "/", None, _MS_REC | _MS_PRIVATE, None)  # never propagate to the host
    targets = ("/tmp", "/dev/shm")

    def hidden(path: str) -> bool:
        return any(path == t or path.startswith(t + "/") for t in targets)

    # The scratch folder (an ancestor of cwd, other copies' folders) is not bound again.
    rebind = [(cwd, False)] + [
        (path, True) for path in keep if not (cwd + "/").startswith(path.rstrip("/") + "/")
    ]
    handles = [
        (path, readonly, os.open(path, os.O_PATH | os.O_DIRECTORY))
        for path, readonly in rebind
        if hidden(path) and os.path.isdir(path)
    ]
    try:
        size = f"size={max(tmp_bytes, 1024 * 1024)},nr_inodes={_MAX_FILES},mode=1777"
        for target in targets:
            if os.path.isdir(target):
                _mount("tmpfs", target, "tmpfs", _MS_NOSUID | _MS_NODEV, size)
        os.umask(0o022)
        for path, readonly, handle in handles:
            os.makedirs(path, mode=0o755, exist_ok=True)
            _mount(f"/proc/self/fd/{handle}", path, None, _MS_BIND | _MS_REC, None)
            if readonly:
                flags = _MS_BIND | _MS_REMOUNT | _MS_RDONLY | _MS_NOSUID | _MS_NODEV
                _mount(None, path, None, flags, None)
    finally:
        for _, _, handle in handles:
            os.close(handle)


def _enter_child(config: dict, request: dict, parent: int) -> None:
    """Become a sandboxed child: own session, cgroup, namespaces, uid and limits."""
    cwd = request["cwd"]
    os.setsid()
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    limits = config.get("limits", {})
    privileged = os.geteuid() == 0
    if request.get("cgroup"):
        with open(os.path.join(request["cgroup"], "cgroup.procs"), "w") as handle:
            handle.write("0")
    if privileged and config.get("namespaces"):
        _private_namespaces(cwd, int(limits.get("disk_bytes") or 0), config.get("keep", []))
    if privileged and config.get("drop_root", True):
        os.setgroups([])
        os.setgid(_UNPRIVILEGED)
        os.setuid(int(request.get("uid") or _UNPRIVILEGED))
    _libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)  # no setuid binary regains privileges
    _libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)  # after setuid, which clears it
    if os.getppid() != parent:
        raise RuntimeError("the template died while this child started")
    _apply_limits(limits)
    _limit_memory(int(limits.get("memory_bytes") or 0), slack=_START_SLACK)
    os.chdir(cwd)
    os.environ.update(request.get("env", {}))
    os.environ["HOME"] = cwd
    os.environ["TMPDIR"] = cwd
    tempfile.tempdir = None
    os.environ["MPLCONFIGDIR"] = os.path.join(cwd, ".matplotlib")
    # A fresh folder: a submission cannot ship IPython start-up files of its own.
    os.environ["IPYTHONDIR"] = tempfile.mkdtemp(prefix=".ipython-", dir=cwd)
    sys.argv = ["esn-teach-kernel"]


def _run_kernel(connection: str, limits: dict) -> None:
    from ipykernel.kernelapp import IPKernelApp

    app = IPKernelApp.instance()
    app.initialize(["-f", connection, "--HistoryManager.hist_file=:memory:"])
    # Measured once the kernel's threads exist: the headroom is the student's own.
    _limit_memory(int(limits.get("memory_bytes") or 0))
    app.start()


def _run_check(request: dict, write_fd: int, limits: dict) -> None:
    here = os.path.dirname(os.path.abspath(__file__))
    # Nothing the student wrote in their folder may be imported or read implicitly.
    sys.path[:] = [here] + [p for p in sys.path if p and os.path.abspath(p) != request["cwd"]]
    os.chdir("/")
    if TYPE_CHECKING:  # the same file, seen by the type checker as part of the package
        from esn_teach.grading import _recheck
    else:
        import _recheck  # a sibling script module: pristine checks, no grader state

    _limit_memory(int(limits.get("memory_bytes") or 0))
    results = _recheck.run(request["tests"])
    os.write(write_fd, json.dumps(results).encode("utf-8"))


# -- the served loop ------------------------------------------------------------------------
class _Children:
    """The live children, their working folders, and why the template stopped some."""

    def __init__(self, config: dict) -> None:
        self.config = config
        self.statuses: dict[int, int] = {}
        self.live: dict[int, dict] = {}
        self.reasons: dict[int, str] = {}
        self.last_watch = 0.0
        limits = config.get("limits", {})
        self.disk_bytes = int(limits.get("disk_bytes") or 0)

    def watch(self, force: bool = False) -> None:
        """Kill the submissions whose working folder exceeds the disk quota."""
        now = time.monotonic()
        if not self.disk_bytes or (not force and now - self.last_watch < _WATCH_EVERY):
            return
        self.last_watch = now
        for pid, child in list(self.live.items()):
            if _poll(pid, self) is not None:
                continue
            base_bytes, base_files = child["base"]
            used, files = _usage(
                child["cwd"], base_bytes + self.disk_bytes, base_files + _MAX_FILES
            )
            used, files = used - base_bytes, files - base_files
            reason = None
            if used > self.disk_bytes:
                reason = (
                    f"espace disque dépassé : plus de {self.disk_bytes // 1024**2} Mio écrits "
                    "dans le dossier de travail de la copie"
                )
            elif files > _MAX_FILES:
                reason = f"trop de fichiers créés dans le dossier de travail (plus de {_MAX_FILES})"
            if reason:
                self.reasons[pid] = reason
                _signal(pid, signal.SIGKILL)
                if child.get("uid") is not None:
                    _kill_uid(int(child["uid"]), self)

    def kill_all(self) -> None:
        """Kill every live child and its processes (the grader has gone)."""
        for pid, child in list(self.live.items()):
            _signal(pid, signal.SIGKILL)
            if child.get("uid") is not None:
                _kill_uid(int(child["uid"]), self)
            _poll(pid, self, wait=True)


def _usage(folder: str, cap: int = 1 << 62, cap_files: int = 1 << 62) -> tuple[int, int]:
    """Return the bytes and files under ``folder`` (links not followed), stopping past the caps."""
    used = files = 0
    stack = [folder]
    while stack:
        try:
            entries = os.scandir(stack.pop())
        except OSError:
            continue
        with entries:
            for entry in entries:
                files += 1
                try:
                    info = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                used += info.st_blocks * 512
                if stat.S_ISDIR(info.st_mode):
                    stack.append(entry.path)
                if used > cap or files > cap_files:
                    return used, files
    return used, files


def _fork(config: dict, request: dict, children: _Children, protocol: IO[str]) -> dict:
    op = request["op"]
    read_fd, write_fd = os.pipe() if op == "check" else (None, None)
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            protocol.close()
            if read_fd is not None:
                os.close(read_fd)
            _enter_child(config, request, parent)
            if op == "kernel":
                _run_kernel(request["connection"], config.get("limits", {}))
            else:
                assert write_fd is not None  # a check: the pipe was made above
                _run_check(request, write_fd, config.get("limits", {}))
        except BaseException:
            code = 3
            try:
                with open(os.path.join(request["cwd"], ".child-error"), "w") as f:
                    traceback.print_exc(file=f)
            except Exception:
                pass
        os._exit(code)
    # What the grader copied in (data files) does not count against the quota.
    base = _usage(request["cwd"]) if children.disk_bytes else (0, 0)
    children.live[pid] = {"cwd": request["cwd"], "uid": request.get("uid"), "base": base}
    if op == "kernel":
        return {"pid": pid}
    assert read_fd is not None and write_fd is not None  # a check: the pipe was made above
    os.close(write_fd)
    return {"pid": pid, "results": _collect(read_fd, pid, request, children)}


def main() -> None:
    """Serve fork requests until stdin closes, then kill every child."""
    config = json.loads(sys.argv[1])
    protocol = os.fdopen(os.dup(1), "w", buffering=1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    if config.get("cgroup"):  # the worker's CPU set: its kernels inherit it
        with open(os.path.join(config["cgroup"], "cgroup.procs"), "w") as handle:
            handle.write("0")
    if config.get("cpu") is not None:
        with contextlib.suppress(OSError):
            os.sched_setaffinity(0, {int(config["cpu"])})
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    failed = []
    started = time.perf_counter()
    for name in config.get("preload", []):
        try:
            importlib.import_module(name)
        except Exception as error:  # a missing optional module is the notebook's business
            failed.append(f"{name}: {error}")
    for name in _KERNEL_MODULES:  # the kernel machinery, warm
        importlib.import_module(name)

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    importlib.import_module("_recheck")  # a sibling script module, warm for every check

    children = _Children(config)
    reply = {
        "ready": True,
        "failed": failed,
        "seconds": time.perf_counter() - started,
        "rss": _resident(),
    }
    protocol.write(json.dumps(reply) + "\n")
    pending = b""
    stdin = sys.stdin.fileno()
    while True:
        ready, _, _ = select.select([stdin], [], [], _WATCH_EVERY)
        children.watch()
        if not ready:
            continue
        chunk = os.read(stdin, 1 << 16)
        if not chunk:
            break
        pending += chunk
        while b"\n" in pending:
            line, pending = pending.split(b"\n", 1)
            protocol.write(json.dumps(_serve(config, json.loads(line), children, protocol)) + "\n")
    children.kill_all()


def _serve(config: dict, request: dict, children: _Children, protocol: IO[str]) -> dict:
    op = request.get("op")
    try:
        if op in ("kernel", "check"):
            return _fork(config, request, children, protocol)
        if op == "signal":
            return {"sent": _signal(int(request["pid"]), int(request["signal"]))}
        if op == "killuid":
            return {"killed": _kill_uid(int(request["uid"]), children)}
        if op == "cleanup":
            return {"removed": _cleanup(config, int(request["uid"]))}
        if op == "poll":
            pid = int(request["pid"])
            reply: dict = {"status": _poll(pid, children)}
            if pid in children.reasons:
                reply["reason"] = children.reasons[pid]
            return reply
        return {"error": f"unknown op {op!r}"}
    except Exception as error:
        return {"error": f"{type(error).__name__}: {error}"}


def _resident() -> int:
    """Return this process's resident memory in bytes (``VmRSS``), 0 when unknown."""
    return _status("VmRSS")


def _collect(read_fd: int, pid: int, request: dict, children: _Children) -> object:
    """Read a check child's JSON answer, killing it after its deadline."""
    deadline = time.monotonic() + float(request.get("timeout", 60))
    chunks = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            _signal(pid, signal.SIGKILL)
            break
        ready, _, _ = select.select([read_fd], [], [], min(remaining, _WATCH_EVERY))
        children.watch()
        if pid in children.reasons:
            break
        if not ready:
            continue
        chunk = os.read(read_fd, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(read_fd)
    _signal(pid, signal.SIGKILL)
    _poll(pid, children, wait=True)
    try:
        return json.loads(b"".join(chunks).decode("utf-8"))
    except ValueError:
        return None


def _kill_uid(uid: int, children: _Children) -> bool:
    """Kill every process of ``uid`` (a submission's own user id), from a forked helper."""
    if os.geteuid() != 0 or uid == os.getuid():
        return False
    pid = os.fork()
    if pid == 0:
        try:
            os.setgroups([])
            os.setgid(_UNPRIVILEGED)
            os.setuid(uid)
            for _ in range(3):  # processes forked while the first kill ran
                try:
                    os.kill(-1, signal.SIGKILL)
                except OSError:
                    break
        finally:
            os._exit(0)
    _poll(pid, children, wait=True)
    return True


# -- what a submission may leave behind -----------------------------------------------------
def _ipc_objects(uid: int | None) -> list[tuple[str, int]]:
    """SysV IPC objects of this IPC namespace (of ``uid`` only, unless None)."""
    found = []
    for kind in ("shm", "msg", "sem"):
        try:
            with open(f"/proc/sysvipc/{kind}", encoding="ascii") as handle:
                header = handle.readline().split()
                uid_column = header.index("uid")
                for line in handle:
                    fields = line.split()
                    if uid is None or int(fields[uid_column]) == uid:
                        found.append((kind, int(fields[1])))
        except (OSError, ValueError, IndexError):
            continue
    return found


def _cleanup(config: dict, uid: int) -> int:
    """Remove the SysV IPC objects and shared files a finished submission left behind.

    Inside bubblewrap the template has its own IPC namespace, ``/tmp`` and
    ``/dev/shm``: everything found there comes from submissions. Outside, only
    what belongs to the submission's own user id is removed (never anything
    of the instructor's).
    """
    own = bool(config.get("own_ipc"))
    dedicated = os.geteuid() == 0 and config.get("drop_root", True) and uid != os.getuid()
    if not own and not dedicated:
        return 0
    owner = None if own else uid
    removed = 0
    for kind, ident in _ipc_objects(owner):
        control = {"shm": _libc.shmctl, "msg": _libc.msgctl}.get(kind)
        if control is not None:
            result = control(ident, _IPC_RMID, None)
        else:
            result = _libc.semctl(ident, 0, _IPC_RMID)
        removed += result == 0
    keep = config.get("keep", [])  # the scratch folder and the interpreter, bound under /tmp
    for folder in ("/dev/shm", "/tmp"):
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if any(path == entry.path or path.startswith(entry.path + "/") for path in keep):
                continue
            try:
                if owner is not None and entry.stat(follow_symlinks=False).st_uid != owner:
                    continue
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path)
                else:
                    os.unlink(entry.path)
                removed += 1
            except OSError:
                continue
    return removed


def _signal(pid: int, signum: int) -> bool:
    try:
        os.killpg(pid, signum)
        return True
    except (ProcessLookupError, PermissionError):
        try:
            os.kill(pid, signum)
            return True
        except (ProcessLookupError, PermissionError):
            return False


def _poll(pid: int, children: _Children, *, wait: bool = False) -> int | None:
    if pid in children.statuses:
        return children.statuses[pid]
    try:
        done, status = os.waitpid(pid, 0 if wait else os.WNOHANG)
    except ChildProcessError:
        children.live.pop(pid, None)
        return children.statuses.get(pid, -1)
    if done == 0:
        return None
    code = os.waitstatus_to_exitcode(status)
    children.statuses[pid] = code
    children.live.pop(pid, None)
    return code


if __name__ == "__main__":
    main()
