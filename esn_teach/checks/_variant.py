"""Per-student variants of an evaluated session: each student's own cases.

In the evaluated session, a module may give every student their own data (a
cohort drawn with their own seed, their own selection of cases), so that a
copy of a neighbour's answers is wrong for the one who copies it. The seed is
derived from the student's identifier, which the kernel learns the same way in
the student's session and at grading:

1. ``ESN_TEACH_STUDENT``, which ``esn-teach autograde`` sets to the
   identifier of the copy it grades (and the build, to a reserved name);
2. on a JupyterHub, the identifier nbgrader's exchange files the student's copy
   under (``nbgrader.utils.get_username``): the system user name (on the course's
   hub, each student's own account), or ``JUPYTERHUB_USER`` in a container whose
   user is ``jovyan``;
3. on a student's own computer (copies handed in through Moodle, filed by the
   instructor under the student's identifier), the identifier the student types
   when the cell asks for it.

The cell that draws the data shows the identifier (a line in French) and
records it in the notebook (a machine-readable output that the grader reads):
a copy whose data was drawn for another identifier is graded on its own
identifier's data and set aside for the instructor to examine, never silently
scored.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import re
import string
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = [
    "STUDENT_ENV",
    "VARIANT_MIMETYPE",
    "SlotDraw",
    "draw_slots",
    "student_id",
    "student_seed",
    "variant_rng",
]

#: The environment variable that names the student whose variant is drawn.
STUDENT_ENV = "ESN_TEACH_STUDENT"
#: The output type, in the notebook, that records whose variant a copy's data is.
VARIANT_MIMETYPE = "application/vnd.esn-teach.variant+json"

_MODULE = re.compile(r"^\d{2}$")


def student_id() -> str:
    """Return the identifier whose variant this kernel draws.

    Returns
    -------
    str
        ``ESN_TEACH_STUDENT`` (stripped; ignored when empty); else, on a
        JupyterHub (``JUPYTERHUB_USER`` set), the name nbgrader's exchange
        submits under: the system user name, or ``JUPYTERHUB_USER`` when that
        name is ``jovyan`` (a hub's container); else (a student's own computer,
        whose account name is not the course's) the identifier the student
        types when asked, once per kernel — the name the instructor files the
        copy under. Where nothing can be asked (a notebook executed without a
        person at the keyboard), the system user name.
    """
    _note_names_before_draw()
    value = os.environ.get(STUDENT_ENV, "").strip()
    if value:
        return value
    hub = os.environ.get("JUPYTERHUB_USER", "").strip()
    try:
        user = getpass.getuser().strip()
    except Exception:  # no user name at all (a container without /etc/passwd entry)
        user = ""
    if hub:
        # As nbgrader.utils.get_username (not imported: a student's kernel stays light).
        return hub if user in ("", "jovyan") else user
    if _TYPED:
        return _TYPED[0]
    typed = _ask()
    if typed:
        _TYPED[:] = [typed]
        return typed
    return user or "inconnu"


#: The notebook's names, as they were bound when the kernel first asked whose copy it is
#: (one dictionary, once per kernel). A name bound since may hold that student's own data:
#: the grader never takes it for the course's data (``grading._runner._write_reference``).
NAMES_BEFORE_DRAW: list[dict[str, object]] = []


def _note_names_before_draw() -> None:
    """Keep, once per kernel, what each name of the notebook is bound to before any draw."""
    if NAMES_BEFORE_DRAW:
        return
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is a dependency
        return
    names = getattr(get_ipython(), "user_ns", None)
    if isinstance(names, dict):
        NAMES_BEFORE_DRAW.append(dict(names))


#: The identifier typed by the student in this kernel (asked once).
_TYPED: list[str] = []

_QUESTION = (
    "Séance évaluée hors du serveur du cours : écrivez votre identifiant du cours (celui sous "
    "lequel votre enseignant range votre copie, par exemple votre numéro d'étudiant), puis "
    "appuyez sur Entrée : "
)


def _ask() -> str:
    """Ask the student for their identifier; empty when no one can be asked."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is a dependency
        return ""
    shell = get_ipython()
    kernel = getattr(shell, "kernel", None)
    if kernel is None or not getattr(kernel, "_allow_stdin", False):
        return ""
    for _ in range(3):
        try:
            typed = str(input(_QUESTION)).strip()
        except Exception:  # stdin refused by the front end
            return ""
        if typed and len(typed) <= 200 and typed.isprintable():
            return typed
    return ""


def student_seed(module: str, *, announce: bool = True) -> int:
    """Return this student's seed for ``module``'s evaluated session.

    The seed is the first 31 bits of SHA-256 of the module and the student's
    identifier (:func:`student_id`): the same student gets the same data in
    class and at grading; two students almost never share it (about one pair
    in two billion).

    Parameters
    ----------
    module : str
        The module's two-digit number (``"03"``).
    announce : bool, default=True
        Show, under the cell, whose data it is (a French sentence) and record
        it in the notebook for the grader. Hidden tests, which recompute the
        expected values from the same seed, pass ``announce=False``.

    Returns
    -------
    int
        A seed in ``[0, 2**31)``, for ``random_state=`` or
        :func:`numpy.random.default_rng`.

    Raises
    ------
    ValueError
        If ``module`` is not a two-digit number.
    """
    if not isinstance(module, str) or not _MODULE.match(module):
        raise ValueError(f"module : un numéro à deux chiffres (« 03 »), pas {module!r}")
    student = student_id()
    digest = hashlib.sha256(f"esn-teach/{module}/{student}".encode()).digest()
    seed = int.from_bytes(digest[:4], "big") & 0x7FFFFFFF
    if announce:
        _announce(module, student)
    return seed


def variant_rng(module: str, *, announce: bool = True):
    """Return a :class:`numpy.random.Generator` seeded with :func:`student_seed`.

    For a choice among cases (which items of a pool this student answers), in
    the same order for the student and for the grader.

    Parameters
    ----------
    module : str
        The module's two-digit number.
    announce : bool, default=True
        As for :func:`student_seed`.

    Returns
    -------
    numpy.random.Generator
    """
    import numpy as np

    return np.random.default_rng(student_seed(module, announce=announce))


def _announce(module: str, student: str) -> None:
    text = (
        f"Vos cas sont propres à votre copie : ils sont tirés à partir de votre identifiant "
        f"« {student} ». Selon les questions, vos données, vos cas ou l'ordre de vos options "
        "diffèrent de ceux de vos voisins. Si ce n'est pas votre identifiant du cours, "
        "prévenez votre enseignant avant de continuer."
    )
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # pragma: no cover - IPython is a dependency
        print(text)
        return
    if get_ipython() is None:
        print(text)
        return
    display(
        {"text/plain": text, VARIANT_MIMETYPE: {"module": module, "student": student}},
        raw=True,
    )


@dataclass(frozen=True)
class SlotDraw:
    """Which case a student sees under each letter of a question: its slot and variant.

    Parameters
    ----------
    slots : dict of str to str
        Letter → slot shown under it, in letter order.
    variants : dict of str to int
        Letter → index of the slot's variant drawn for this student.
    """

    slots: dict[str, str]
    variants: dict[str, int]

    @property
    def letters(self) -> list[str]:
        """The question's letters, in order (``["A", "B", "C", "D"]``)."""
        return list(self.slots)

    def letter_of(self, slot: str) -> str:
        """Return the letter under which this student sees ``slot``."""
        (letter,) = [letter for letter, shown in self.slots.items() if shown == slot]
        return letter


def draw_slots(
    seed: int,
    question: str,
    slots: Sequence[str],
    *,
    variants: Mapping[str, int] | None = None,
    letters: str | None = None,
) -> tuple[dict[str, str], dict[str, int]]:
    """Draw, for one question, the order of its slots and a variant of each.

    A question's cases are *slots* (one per case it asks, each with its kind of
    answer, so that every draw keeps the same mix of answers); a slot may have
    equivalent *variants*. Each question draws from its own stream (the seed and
    the question's name), so that one question's draw does not depend on another's.

    Parameters
    ----------
    seed : int
        The student's seed (:func:`student_seed`).
    question : str
        The question's name.
    slots : sequence of str
        The slots, in the pool's order.
    variants : mapping of str to int, optional
        Slot → how many variants it has (default one).
    letters : str, optional
        The letters shown (default ``"ABC…"``, as many as slots).

    Returns
    -------
    tuple of dict
        Letter → slot shown under it, and letter → index of its variant.

    Raises
    ------
    ValueError
        If there is no slot, more slots than letters, or a slot without a variant.
    """
    names = list(slots)
    shown_letters = letters if letters is not None else string.ascii_uppercase[: len(names)]
    if not names or len(names) != len(shown_letters):
        raise ValueError(f"entre 1 et 26 emplacements, autant que de lettres, pas {len(names)}")
    counts = {slot: int((variants or {}).get(slot, 1)) for slot in names}
    if any(count < 1 for count in counts.values()):
        raise ValueError("chaque emplacement a au moins une variante")
    import numpy as np

    rng = np.random.default_rng([int(seed), zlib.crc32(question.encode())])
    order = rng.permutation(len(names))
    chosen = {slot: int(rng.integers(counts[slot])) for slot in names}
    shown = {letter: names[i] for letter, i in zip(shown_letters, order, strict=True)}
    return shown, {letter: chosen[slot] for letter, slot in shown.items()}
