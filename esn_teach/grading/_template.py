"""The warm template process: imports the heavy modules once, then forks kernels.

This file is run as a script (``python _template.py CONFIG``), inside the
sandbox, never imported by the grader. It speaks JSON lines on stdin/stdout:

- ``{"op": "kernel", "connection": PATH, "cwd": DIR, "env": {...}}`` forks a
  child that becomes an IPython kernel (a fresh one per submission: nothing
  executed by a student ever runs in the template itself);
- ``{"op": "check", "cwd": DIR, "tests": [...]}`` forks a child that re-runs
  test cells on pristine libraries (see ``_integrity``);
- ``{"op": "signal", "pid": N, "signal": S}`` and ``{"op": "poll", "pid": N}``
  manage the children (their process ids only make sense inside the sandbox).

Every child gets the resource limits before running anything: address space,
CPU time, file size, number of processes, and runs in its own session in its
private working directory.
"""

from __future__ import annotations

import importlib
import json
import os
import resource
import signal
import sys
import time
import traceback

_UNPRIVILEGED = 65534  # "nobody": the grader drops root so that RLIMIT_NPROC applies


def _limit(name: str, value: int | None) -> None:
    if value is None or value <= 0:
        return
    kind = getattr(resource, name)
    _, hard = resource.getrlimit(kind)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    resource.setrlimit(kind, (value, hard if hard == resource.RLIM_INFINITY else value))


def _enter_child(config: dict, cwd: str, env: dict) -> None:
    """Become a sandboxed child: new session, limits, private directory, no privileges."""
    os.setsid()
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    uid = int(env.pop("ESN_TEACH_UID", _UNPRIVILEGED))
    if os.getuid() == 0 and config.get("drop_root", True):
        os.setgroups([])
        os.setgid(_UNPRIVILEGED)
        os.setuid(uid)
    limits = config.get("limits", {})
    memory = limits.get("memory_bytes")
    _limit("RLIMIT_AS", memory)
    _limit("RLIMIT_CPU", limits.get("cpu_seconds"))
    _limit("RLIMIT_FSIZE", limits.get("file_bytes"))
    _limit("RLIMIT_NPROC", limits.get("processes"))
    _limit("RLIMIT_CORE", 1)
    os.chdir(cwd)
    os.environ.update(env)
    os.environ["HOME"] = cwd
    os.environ["IPYTHONDIR"] = os.path.join(cwd, ".ipython")
    os.environ["MPLCONFIGDIR"] = os.path.join(cwd, ".matplotlib")
    os.environ["TMPDIR"] = cwd
    sys.argv = ["esn-teach-kernel"]


def _run_kernel(connection: str) -> None:
    from ipykernel.kernelapp import IPKernelApp

    app = IPKernelApp.instance()
    app.initialize(["-f", connection, "--HistoryManager.hist_file=:memory:"])
    app.start()


def _run_check(request: dict, write_fd: int) -> None:
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import _recheck  # a sibling script module: pristine checks, no grader state

    results = _recheck.run(request["tests"])
    os.write(write_fd, json.dumps(results).encode("utf-8"))


def main() -> None:
    """Serve fork requests forever (until stdin closes)."""
    config = json.loads(sys.argv[1])
    protocol = os.fdopen(os.dup(1), "w", buffering=1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    failed = []
    started = time.perf_counter()
    for name in config.get("preload", []):
        try:
            importlib.import_module(name)
        except Exception as error:  # a missing optional module is the notebook's business
            failed.append(f"{name}: {error}")
    import ipykernel.kernelapp  # noqa: F401  (the kernel machinery, warm)

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import _recheck  # noqa: F401

    statuses: dict[int, int] = {}
    reply = {"ready": True, "failed": failed, "seconds": time.perf_counter() - started}
    protocol.write(json.dumps(reply) + "\n")
    for line in sys.stdin:
        request = json.loads(line)
        op = request.get("op")
        try:
            if op in ("kernel", "check"):
                read_fd, write_fd = os.pipe() if op == "check" else (None, None)
                pid = os.fork()
                if pid == 0:
                    code = 0
                    try:
                        protocol.close()
                        sys.stdin.close()
                        if read_fd is not None:
                            os.close(read_fd)
                        _enter_child(config, request["cwd"], request.get("env", {}))
                        if op == "kernel":
                            _run_kernel(request["connection"])
                        else:
                            _run_check(request, write_fd)
                    except BaseException:
                        code = 3
                        try:
                            with open(os.path.join(request["cwd"], ".child-error"), "w") as f:
                                traceback.print_exc(file=f)
                        except Exception:
                            pass
                    os._exit(code)
                if op == "kernel":
                    reply = {"pid": pid}
                else:
                    os.close(write_fd)
                    reply = {"pid": pid, "results": _collect(read_fd, pid, request, statuses)}
            elif op == "signal":
                reply = {"sent": _signal(int(request["pid"]), int(request["signal"]))}
            elif op == "killuid":
                reply = {"killed": _kill_uid(int(request["uid"]), statuses)}
            elif op == "poll":
                reply = {"status": _poll(int(request["pid"]), statuses)}
            else:
                reply = {"error": f"unknown op {op!r}"}
        except Exception as error:
            reply = {"error": f"{type(error).__name__}: {error}"}
        protocol.write(json.dumps(reply) + "\n")


def _collect(read_fd: int, pid: int, request: dict, statuses: dict[int, int]) -> object:
    """Read a check child's JSON answer, killing it after its deadline."""
    import select

    deadline = time.monotonic() + float(request.get("timeout", 60))
    chunks = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            _signal(pid, signal.SIGKILL)
            break
        ready, _, _ = select.select([read_fd], [], [], remaining)
        if not ready:
            continue
        chunk = os.read(read_fd, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(read_fd)
    _signal(pid, signal.SIGKILL)
    _poll(pid, statuses, wait=True)
    try:
        return json.loads(b"".join(chunks).decode("utf-8"))
    except ValueError:
        return None


def _kill_uid(uid: int, statuses: dict[int, int]) -> bool:
    """Kill every process of ``uid`` (a submission's own user id), from a forked helper."""
    if os.getuid() != 0:
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
    _poll(pid, statuses, wait=True)
    return True


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


def _poll(pid: int, statuses: dict[int, int], *, wait: bool = False) -> int | None:
    if pid in statuses:
        return statuses[pid]
    try:
        done, status = os.waitpid(pid, 0 if wait else os.WNOHANG)
    except ChildProcessError:
        return statuses.get(pid, -1)
    if done == 0:
        return None
    code = os.waitstatus_to_exitcode(status)
    statuses[pid] = code
    return code


if __name__ == "__main__":
    main()
