"""Per-user memory and CPU limits with Linux control groups.

JupyterHub's ``LocalProcessSpawner`` does not enforce ``mem_limit`` or ``cpu_limit``; on one
server the kernel does, through control groups (cgroup v2, or the v1 ``memory`` and ``cpu``
controllers). Each user's server and every kernel it starts run in ``esn-teach/<user>``: when the
user's processes together exceed the memory limit, the kernel's OOM killer stops one of *theirs*,
and the other users keep working.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["CgroupError", "UserLimits", "cgroup_version", "memory_limit", "oom_kills"]

_ROOT = Path("/sys/fs/cgroup")
_PARENT = "esn-teach"
_CPU_PERIOD_US = 100_000


class CgroupError(RuntimeError):
    """The limits could not be set (no writable control groups on this machine)."""


def cgroup_version(root: Path = _ROOT, *, writable: bool = False) -> int | None:
    """Return 2 or 1 for the control-group hierarchy of this machine, or None if there is none.

    Parameters
    ----------
    root : Path
        Where control groups are mounted.
    writable : bool, default False
        Only count a hierarchy this process may create groups in (to set limits); reading a
        user's counters needs no such right.
    """
    if (root / "cgroup.controllers").is_file():
        version, top = 2, root
    elif (root / "memory" / "memory.limit_in_bytes").is_file():
        version, top = 1, root / "memory"
    else:
        return None
    if writable and not os.access(top, os.W_OK):
        return None
    return version


def _write(path: Path, value: str | int) -> None:
    path.write_text(f"{value}\n")


@dataclass(frozen=True)
class UserLimits:
    """The control groups that cap one user's memory and CPU.

    Parameters
    ----------
    user : str
        Unix account name (one group per user).
    mem_bytes : int
        Memory limit for all the user's processes together, in bytes (no swap beyond it).
    cpus : float
        CPU limit, in cores (1.0 = one core's worth of time per period).
    root : Path
        Where control groups are mounted (``/sys/fs/cgroup``).
    """

    user: str
    mem_bytes: int
    cpus: float
    root: Path = _ROOT

    def _dirs(self, version: int) -> list[Path]:
        if version == 2:
            return [self.root / _PARENT / self.user]
        return [self.root / c / _PARENT / self.user for c in ("memory", "cpu")]

    def apply(self) -> list[Path]:
        """Create the user's control groups with their limits.

        Returns
        -------
        list of Path
            The ``cgroup.procs`` files a process must be written to (see `join`).

        Raises
        ------
        CgroupError
            When this machine has no writable control groups.
        """
        version = cgroup_version(self.root, writable=True)
        if version is None:
            raise CgroupError(
                "Aucun groupe de contrôle (cgroup) modifiable sur cette machine : les limites "
                "de mémoire et de processeur par utilisateur ne peuvent pas être appliquées. "
                "Lancez le hub en root sur un Linux avec cgroups (v1 ou v2)."
            )
        quota = max(1000, int(self.cpus * _CPU_PERIOD_US))
        try:
            if version == 2:
                parent = self.root / _PARENT
                parent.mkdir(exist_ok=True)
                _write(self.root / "cgroup.subtree_control", "+memory +cpu")
                _write(parent / "cgroup.subtree_control", "+memory +cpu")
                (group,) = self._dirs(2)
                group.mkdir(exist_ok=True)
                _write(group / "memory.max", self.mem_bytes)
                if (group / "memory.swap.max").exists():
                    _write(group / "memory.swap.max", 0)
                _write(group / "cpu.max", f"{quota} {_CPU_PERIOD_US}")
            else:
                memory, cpu = self._dirs(1)
                for group in (memory, cpu):
                    group.mkdir(parents=True, exist_ok=True)
                _write(memory / "memory.limit_in_bytes", self.mem_bytes)
                if (memory / "memory.memsw.limit_in_bytes").exists():
                    _write(memory / "memory.memsw.limit_in_bytes", self.mem_bytes)
                if (memory / "memory.swappiness").exists():
                    _write(memory / "memory.swappiness", 0)
                _write(cpu / "cpu.cfs_period_us", _CPU_PERIOD_US)
                _write(cpu / "cpu.cfs_quota_us", quota)
        except OSError as error:
            raise CgroupError(
                f"Impossible de créer les limites de {self.user} dans {self.root} : {error}"
            ) from error
        return [group / "cgroup.procs" for group in self._dirs(version)]

    @staticmethod
    def join(procs_files: list[Path]) -> None:
        """Move the calling process into the groups (call it between fork and exec)."""
        pid = str(os.getpid())
        for procs in procs_files:
            with open(procs, "w") as handle:
                handle.write(pid)


def oom_kills(user: str, *, root: Path = _ROOT) -> int:
    """Return how many of ``user``'s processes the memory limit has stopped so far."""
    version = cgroup_version(root)
    if version == 2:
        events = root / _PARENT / user / "memory.events"
        key = "oom_kill"
    elif version == 1:
        events = root / "memory" / _PARENT / user / "memory.oom_control"
        key = "oom_kill"
    else:
        return 0
    try:
        lines = events.read_text().splitlines()
    except OSError:
        return 0
    for line in lines:
        name, _, value = line.partition(" ")
        if name == key:
            return int(value)
    return 0


def memory_limit(user: str, *, root: Path = _ROOT) -> int | None:
    """Return ``user``'s memory limit in bytes, or None when there is none."""
    version = cgroup_version(root)
    if version == 2:
        path = root / _PARENT / user / "memory.max"
    elif version == 1:
        path = root / "memory" / _PARENT / user / "memory.limit_in_bytes"
    else:
        return None
    try:
        text = path.read_text().strip()
    except OSError:
        return None
    return int(text) if text.isdigit() and int(text) < 1 << 60 else None
