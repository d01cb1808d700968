"""Tell a student, in French, that their previous kernel was stopped by the memory limit.

Loaded in every kernel of a hub user as an IPython extension (the hub writes
``<venv>/etc/ipython/ipython_kernel_config.py``). When the user's memory limit has stopped a
process since the last kernel started, the first cell the student runs shows why their
variables are gone and what to do. Outside a hub session it does nothing.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path
from typing import Any

from esn_teach._formatting import fr_number

from ._limits import memory_limit, oom_kills

__all__ = ["MEMORY_NOTICE", "load_ipython_extension", "memory_notice"]

MEMORY_NOTICE = (
    "⚠ Votre noyau précédent a été arrêté : il utilisait plus que la mémoire permise à chaque "
    "personne sur ce serveur ({limite}). Les variables calculées avant l'arrêt sont perdues : "
    "relancez les cellules depuis le début (menu Exécuter > Exécuter toutes les cellules). "
    "Si l'arrêt se répète, une cellule crée sans doute un objet trop gros : réduisez-le, ou "
    "demandez de l'aide à votre enseignant."
)

_SEEN = Path(".local/state/esn-teach/arrets-memoire")


def _limit_text(user: str) -> str:
    limit = memory_limit(user)
    if not limit:
        return "limite fixée par le serveur"
    gigabytes = limit / 1024**3
    if gigabytes >= 1:
        return f"{fr_number(gigabytes, 1 if gigabytes % 1 else 0)} Go"
    return f"{round(limit / 1024**2)} Mo"


def memory_notice(user: str, home: Path) -> str | None:
    """Return the French notice if ``user``'s memory limit stopped a process since last time.

    The count already reported is kept in the user's own files, so the notice appears once per
    stop.
    """
    kills = oom_kills(user)
    seen_file = home / _SEEN
    try:
        seen = int(seen_file.read_text())
    except (OSError, ValueError):
        seen = 0
    if kills == seen:
        return None
    seen_file.parent.mkdir(parents=True, exist_ok=True)
    seen_file.write_text(str(kills))
    if kills < seen:  # the limits were re-created (hub restart): start counting again
        return None
    return MEMORY_NOTICE.format(limite=_limit_text(user))


def load_ipython_extension(ipython: Any) -> None:
    """Show the memory notice before the first cell a hub user runs, when there is one."""
    if not os.environ.get("JUPYTERHUB_USER"):
        return
    try:
        notice = memory_notice(getpass.getuser(), Path.home())
    except Exception:
        return
    if notice is None:
        return

    def show(*_: Any) -> None:
        print(notice, flush=True)
        ipython.events.unregister("pre_run_cell", show)

    ipython.events.register("pre_run_cell", show)
