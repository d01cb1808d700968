"""A learner's progress, kept in their own files: questions done and correct, time, solutions.

Self-paced learners have no instructor to tell them where they are. The student
versions of the modules therefore record, each time a verification cell runs,
the question's state (done and correct, to review, well-formed in an evaluated
session) and the number of attempts; a table at the top of each module and on
the course map reads them back. The record is a small JSON file in the
learner's home (``~/.esn-teach/progression.json``, or the path in the
environment variable ``ESN_TEACH_PROGRESS``): it survives a kernel restart and a
new session, and nothing leaves the learner's machine or hub account.

Nothing is recorded while nbgrader validates or autogrades a notebook
(``NBGRADER_EXECUTION`` is set), nor when ``ESN_TEACH_PROGRESS`` is ``off``.
Recording never interrupts a check: if the file cannot be written, the kernel
keeps the progress in memory and says so once.

The self-paced release adds, under each question, a « Voir la solution » button
(:func:`solution_button`). It opens once the learner has **tried**: once
:data:`ATTEMPTS_BEFORE_SOLUTION` different, well-formed answers were checked (the
untouched ``...``, the same answer checked again and a malformed answer — text for
a number, an option misspelt: ``IncorrectAnswer(form=True)`` — do not count), or as
soon as the answer is correct.
Opening a hint cannot be observed from the kernel (hints are folded HTML), so
the rule counts verifications: the first wrong answer gets a message naming the
likely mistake, and the solution comes only if that message and the hints did
not suffice.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import os
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from esn_teach._formatting import fr_plural
from esn_teach.checks._encoded import decode_text
from esn_teach.checks._outcome import (
    CheckFailed,
    IncorrectAnswer,
    NotAttempted,
    partially_right,
    unjudged,
)

try:  # POSIX; on Windows a learner's two notebooks are not locked against each other
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = [
    "ATTEMPTS_BEFORE_SOLUTION",
    "EVALUATED_PROGRESS",
    "PROGRESS_ENV",
    "course_progress",
    "guide_button",
    "load_progress",
    "note_answer",
    "progress_path",
    "question",
    "reveal_solution",
    "selfgrade_button",
    "show_progress",
    "solution_button",
]

#: Environment variable: the progress file, or ``off`` to record nothing.
PROGRESS_ENV = "ESN_TEACH_PROGRESS"

#: Verifications of an answer after which « Voir la solution » opens.
ATTEMPTS_BEFORE_SOLUTION = 2

_WORDS = {1: "une", 2: "deux", 3: "trois"}

#: A pause longer than this between two actions is not counted as time spent.
_IDLE_SECONDS = 15 * 60

_OFF = {"off", "0", "non", "no", "false"}
_VERSION = 1

#: Suffix of the progress record of an evaluated session (kept apart from practice).
EVALUATED_PROGRESS = " (séance évaluée)"

#: Question states and what the learner reads.
_LABELS = {
    "correct": "\u2714 juste",
    "incorrect": "\u2718 à revoir",
    "recorded": "\u2714 répondue (corrigée après la remise)",
    "todo": "\u2014 à faire",
    # A slip of notation (0,5 for 0.5, a word without quotes): no attempt yet, and no
    # verdict (students of modules 03 and 08, d20b/d21: « ✘ à revoir » beside « 0 essai »).
    # « Ne compte pas » rather than « pas encore un essai »: the answers tried before it
    # still count (module 09's student, d23: « pas encore un essai » beside « 3 »).
    "malformed": "\u2718 mal écrite (ne compte pas comme un essai)",
}

# Kept by this kernel when the file cannot be written (read-only home, full disk).
_memory: dict[str, Any] = {"version": _VERSION, "modules": {}}
_warned: list[bool] = []
# The progress table of each module shown in this kernel, updated after each check.
_shown: dict[str, dict[str, Any]] = {}
# The cell-run callback registered by show_progress (one per kernel).
_followed: dict[str, Any] = {}
# The fingerprint of the answer each question's check last looked at (see note_answer).
_answers: dict[str, str] = {}
#: Distinct answers remembered per question (fingerprints only, never the answer).
_MAX_TRIED = 50


def note_answer(name: str, value: object) -> None:
    """Remember a fingerprint of the answer the check of ``name`` is looking at.

    The checks call it; :func:`question` then counts an attempt only for an
    answer not checked before (checking the same wrong answer twice is not
    trying twice).
    """
    try:
        text = repr(value)[:10_000]
    except Exception:  # an object whose repr fails is still an answer
        text = f"<{type(value).__name__}>"
    _answers[name] = hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:16]


def progress_path() -> Path | None:
    """Return the learner's progress file, or None when recording is off.

    Returns
    -------
    pathlib.Path or None
        ``$ESN_TEACH_PROGRESS`` when set to a path, else
        ``~/.esn-teach/progression.json``; None under nbgrader's validator or
        autograder, or when ``ESN_TEACH_PROGRESS`` is ``off``.
    """
    if os.environ.get("NBGRADER_EXECUTION"):
        return None
    value = os.environ.get(PROGRESS_ENV, "").strip()
    if value.lower() in _OFF:
        return None
    if value:
        return Path(value).expanduser()
    return Path.home() / ".esn-teach" / "progression.json"


def _empty() -> dict[str, Any]:
    return {"version": _VERSION, "modules": {}}


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return _empty()
    if not isinstance(data, dict) or not isinstance(data.get("modules"), dict):
        return _empty()
    return data


def load_progress() -> dict[str, Any]:
    """Return the learner's progress: the file's, merged with what this kernel kept in memory.

    Returns
    -------
    dict
        ``{"version": 1, "modules": {module: {"questions": {name: {...}},
        "seconds": float, "last": iso date}}}``. An unreadable or corrupt file
        reads as empty progress (it is never an error).
    """
    path = progress_path()
    data = _read(path) if path is not None and path.is_file() else _empty()
    for module, entry in _memory["modules"].items():
        data["modules"].setdefault(module, entry)
    return data


def _warn_once(error: OSError) -> None:
    if not _warned:
        _warned.append(True)
        print(
            "Votre progression ne peut pas être enregistrée dans vos fichiers "
            f"({error.strerror or error}) : elle est gardée jusqu'à l'arrêt du noyau.",
            file=sys.stderr,
        )


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock beside ``path`` (two notebooks of one learner may write at once)."""
    if fcntl is None:  # pragma: no cover - Windows
        yield
        return
    lock = path.with_name(f".{path.name}.verrou")
    with lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _module_entry(data: dict[str, Any], module: str) -> dict[str, Any]:
    entry = data["modules"].setdefault(module, {})
    if not isinstance(entry, dict):
        entry = data["modules"][module] = {}
    if not isinstance(entry.get("questions"), dict):
        entry["questions"] = {}
    if not isinstance(entry.get("seconds"), int | float):
        entry["seconds"] = 0
    return entry


def _touch(entry: dict[str, Any], now: float) -> None:
    """Count the time since the previous action of this module, unless it was a long pause."""
    last = entry.get("last_seen")
    if isinstance(last, int | float) and 0 <= now - last <= _IDLE_SECONDS:
        entry["seconds"] = float(entry["seconds"]) + (now - last)
    entry["last_seen"] = now
    entry["last"] = datetime.fromtimestamp(now, UTC).isoformat(timespec="seconds")


def _update(module: str, change: Any) -> dict[str, Any]:
    """Apply ``change(entry)`` to the module's progress, on file when possible; return the entry."""
    now = time.time()
    path = progress_path()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            with _locked(path):
                data = _read(path) if path.is_file() else _empty()
                entry = _module_entry(data, module)
                _touch(entry, now)
                change(entry)
                temporary = path.with_name(f".{path.name}.{os.getpid()}")
                temporary.write_text(
                    json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True),
                    encoding="utf-8",
                )
                temporary.chmod(0o600)
                os.replace(temporary, path)
            _memory["modules"].pop(module, None)
            return entry
        except OSError as error:
            _warn_once(error)
    entry = _module_entry(_memory, module)
    _touch(entry, now)
    change(entry)
    return entry


def _question_entry(entry: dict[str, Any], name: str) -> dict[str, Any]:
    found = entry["questions"].setdefault(name, {})
    if not isinstance(found, dict):
        found = entry["questions"][name] = {}
    if not isinstance(found.get("attempts"), int):
        found["attempts"] = 0
    return found


def _record(module: str, name: str, state: str, *, answer: str | None) -> None:
    """Record the question's state; count an attempt for a well-formed answer not seen before."""

    def change(entry: dict[str, Any]) -> None:
        found = _question_entry(entry, name)
        if state == "todo" and found.get("state"):
            return  # an untouched answer (a fresh copy, say) does not undo what was achieved
        previous = found.get("state")
        found["state"] = state
        if state == "correct" and found.get("solution_seen") and previous != "correct":
            found["after_solution"] = True
        if answer is None:
            return
        tried = found.get("tried")
        tried = [t for t in tried if isinstance(t, str)] if isinstance(tried, list) else []
        if answer not in tried:
            found["attempts"] += 1
            found["tried"] = [*tried, answer][-_MAX_TRIED:]

    if os.environ.get("NBGRADER_EXECUTION"):
        return  # nbgrader validating or grading: nothing to record, not even in memory
    _update(module, change)
    _refresh(module)


@contextlib.contextmanager
def question(module: str, name: str, *, evaluation: bool = False) -> Iterator[None]:
    """Record the outcome of the verification cell it wraps in the learner's progress.

    The release wraps each visible verification cell in it; nbgrader restores the
    instructor's cells before grading, so grading never runs it.

    Parameters
    ----------
    module : str
        The module's name.
    name : str
        The question (its answer's name).
    evaluation : bool, default=False
        An evaluated session: a passing cell means « well-formed », recorded as
        answered, not as correct.

    Yields
    ------
    None
        Exceptions pass through unchanged (the cell still fails as before).
    """
    _answers.pop(name, None)
    unjudged.discard(name)
    try:
        yield
    except NotAttempted:
        _record(module, name, "todo", answer=None)
        raise
    except (IncorrectAnswer, CheckFailed) as failure:
        # A slip of notation (text for a number, an option misspelt) is not an attempt.
        if failure.form:
            _record(module, name, "malformed", answer=None)
        else:
            _record(module, name, "incorrect", answer=_answers.get(name, f"essai-{time.time_ns()}"))
        raise
    else:
        if name in unjudged:  # the cell could not judge yet (checks.not_judged)
            _record(module, name, "todo", answer=None)
            return
        # Some items right, some wrong (partial credit): still to revise.
        revise = "incorrect" if name in partially_right else "correct"
        state = "recorded" if evaluation else revise
        _record(module, name, state, answer=_answers.get(name, f"essai-{time.time_ns()}"))


def _minutes(seconds: float) -> str:
    minutes = round(seconds / 60)
    if seconds > 0 and minutes == 0:
        return "moins d'une minute"
    return f"{minutes}\u00a0min"


def _table_html(
    module: str,
    questions: Sequence[str] | Mapping[str, str],
    minutes: int | None,
    data: dict[str, Any],
    reflections: int = 0,
    in_class: int | None = None,
) -> str:
    entry = data["modules"].get(module, {}) if isinstance(data.get("modules"), dict) else {}
    recorded = entry.get("questions", {}) if isinstance(entry, dict) else {}
    if isinstance(questions, Mapping):
        titles = dict(questions)
    else:
        titles = {q: f"Question {i} ({q})" for i, q in enumerate(questions, start=1)}
    rows = []
    counts = dict.fromkeys(_LABELS, 0)
    for name, title in titles.items():
        found = recorded.get(name, {}) if isinstance(recorded, dict) else {}
        state = found.get("state", "todo") if isinstance(found, dict) else "todo"
        state = state if state in _LABELS else "todo"
        counts[state] += 1
        attempts = found.get("attempts", 0) if isinstance(found, dict) else 0
        label = _LABELS[state]
        if state == "correct" and isinstance(found, dict) and found.get("after_solution"):
            label += " (après avoir vu la solution)"
        rows.append(
            f"<tr><th scope='row'>{html.escape(title)}</th><td>{label}</td>"
            f"<td>{attempts if isinstance(attempts, int) else 0}</td></tr>"
        )
    spent = entry.get("seconds", 0) if isinstance(entry, dict) else 0
    parts = [
        fr_plural(counts["correct"], "juste"),
        f"{counts['incorrect']} à revoir",
        f"{counts['todo'] + counts['malformed']} à faire",
    ]
    if module.endswith(EVALUATED_PROGRESS):
        # Nothing is judged during an evaluated session: « 0 juste, 0 à revoir » would
        # read as a verdict (two students took it for one).
        parts = [
            fr_plural(counts["recorded"], "répondue"),
            f"{counts['todo'] + counts['malformed']} à faire",
        ]
    elif counts["recorded"]:
        parts.insert(0, fr_plural(counts["recorded"], "répondue"))
    summary = f"{', '.join(parts)} (sur {fr_plural(len(titles), 'question autocorrigée')})"
    if reflections:
        summary += f", plus {fr_plural(reflections, 'réflexion rédigée')}, non "
        summary += "suivies ici" if reflections > 1 else "suivie ici"
    summary += (
        f". Temps mesuré entre vos cellules exécutées : {_minutes(float(spent or 0))} (la "
        "lecture sans exécuter de cellule et les pauses de plus de 15\u00a0min ne sont pas "
        "comptées)."
    )
    if minutes and in_class and 0 < in_class < minutes:
        summary += (
            f" Durée estimée, lecture comprise (un calcul, pas une norme) : "
            f"{in_class}\u00a0min en séance, puis {minutes - in_class}\u00a0min après."
        )
    elif minutes:
        summary += (
            f" Durée estimée du module, lecture comprise (un calcul, pas une norme) : "
            f"{minutes}\u00a0min."
        )
    return (
        "<section class='esn-progression' aria-label='Votre progression'>"
        f"<p><strong>Votre progression</strong> : {summary}</p>"
        "<table><caption>État de chaque question (mis à jour à chaque vérification ; "
        "enregistré dans vos fichiers)</caption>"
        "<thead><tr><th scope='col'>Question</th><th scope='col'>État</th>"
        "<th scope='col'>Réponses essayées</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _display(obj: Any, *, display_id: str | None = None, update: bool = False) -> None:
    from IPython.display import display, update_display

    if update and display_id is not None:
        update_display(obj, display_id=display_id)
    else:
        display(obj, display_id=display_id)


def show_progress(
    module: str,
    questions: Sequence[str] | Mapping[str, str],
    *,
    minutes: int | None = None,
    reflections: int = 0,
    in_class: int | None = None,
) -> None:
    """Show the learner's progress in ``module``; the table updates after each verification.

    From then on, every cell this kernel runs counts as activity in ``module``
    (time spent: the gaps between two actions, pauses over 15 min left out).

    Parameters
    ----------
    module : str
        The module's name.
    questions : sequence of str or mapping
        The questions in order (answer names, or answer name → what to show).
    minutes : int, optional
        The module's estimated duration.
    reflections : int, default=0
        Written reflections of the module (no check sees them: said, not tracked).
    in_class : int, optional
        Of ``minutes``, those of the in-class part (the rest comes after the
        session), as the module's header says them.
    """
    from IPython.display import HTML

    _update(module, lambda entry: None)  # opening the module counts as activity
    display_id = f"esn-progression-{module}"
    _shown[module] = {
        "questions": questions,
        "minutes": minutes,
        "reflections": reflections,
        "in_class": in_class,
        "id": display_id,
    }
    _follow_cells(module)
    table = _table_html(module, questions, minutes, load_progress(), reflections, in_class)
    _display(HTML(table), display_id=display_id)


def _follow_cells(module: str) -> None:
    """Count each cell this kernel runs as activity in ``module`` (IPython only, once)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is a dependency
        return
    shell = get_ipython()
    if shell is None or os.environ.get("NBGRADER_EXECUTION"):
        return
    previous = _followed.pop("callback", None)
    if previous is not None:
        with contextlib.suppress(ValueError):
            shell.events.unregister("post_run_cell", previous)

    def touch(result: Any) -> None:
        with contextlib.suppress(Exception):  # never disturb the learner's cell
            _update(module, lambda entry: None)

    shell.events.register("post_run_cell", touch)
    _followed["callback"] = touch


def _refresh(module: str) -> None:
    shown = _shown.get(module)
    if shown is None:
        return
    try:
        from IPython.display import HTML

        table = _table_html(
            module,
            shown["questions"],
            shown["minutes"],
            load_progress(),
            shown["reflections"],
            shown.get("in_class"),
        )
        _display(HTML(table), display_id=shown["id"], update=True)
    except Exception:
        pass


def course_progress(modules: Mapping[str, Mapping[str, Any]]) -> None:
    """Show, on the course map, each module's questions done and correct and time spent.

    Parameters
    ----------
    modules : mapping
        Module name → ``{"title": str, "questions": list of str, "minutes": int}``.
    """
    from IPython.display import HTML

    data = load_progress()
    rows = []
    for name, info in modules.items():
        entry = data["modules"].get(name, {})
        recorded = entry.get("questions", {}) if isinstance(entry, dict) else {}
        questions = list(info.get("questions", []))
        states = [
            (recorded.get(q) or {}).get("state") if isinstance(recorded, dict) else None
            for q in questions
        ]
        correct = sum(s == "correct" for s in states)
        done = sum(s in ("correct", "recorded") for s in states)
        spent = float(entry.get("seconds", 0) or 0) if isinstance(entry, dict) else 0.0
        time_spent = _minutes(spent) if entry else "\u2014"
        if not entry:
            status = "pas encore ouvert"
        elif done == len(questions):
            status = "\u2714 terminé"
        else:
            status = "en cours"
        rows.append(
            f"<tr><th scope='row'>{html.escape(str(info.get('title', name)))}</th>"
            f"<td>{status}</td><td>{done} / {len(questions)}</td><td>{correct}</td>"
            f"<td>{time_spent}</td>"
            f"<td>{info.get('minutes', '')}\u00a0min</td></tr>"
        )
    _display(
        HTML(
            "<section class='esn-progression' aria-label='Votre progression dans le cours'>"
            "<table><caption>Votre progression dans le cours (lue dans vos fichiers ; "
            "exécutez de nouveau cette cellule pour la mettre à jour)</caption>"
            "<thead><tr><th scope='col'>Module</th><th scope='col'>État</th>"
            "<th scope='col'>Questions faites</th><th scope='col'>Justes</th>"
            "<th scope='col'>Temps mesuré entre vos cellules exécutées</th>"
            "<th scope='col'>Durée estimée</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></section>"
        )
    )


def _solution_state(module: str, name: str) -> tuple[bool, int]:
    entry = load_progress()["modules"].get(module, {})
    found = entry.get("questions", {}).get(name, {}) if isinstance(entry, dict) else {}
    if not isinstance(found, dict):
        return False, 0
    attempts = found.get("attempts", 0)
    attempts = attempts if isinstance(attempts, int) else 0
    return found.get("state") == "correct" or attempts >= ATTEMPTS_BEFORE_SOLUTION, attempts


def reveal_solution(module: str, name: str, encoded: str) -> tuple[bool, str]:
    """Return whether the solution may be shown now, and the Markdown to show.

    Parameters
    ----------
    module, name : str
        The module and the question.
    encoded : str
        The solution, from :func:`~esn_teach.checks.encode_text`.

    Returns
    -------
    tuple of (bool, str)
        ``(True, solution)`` once the learner has tried, else ``(False, why)``.
    """
    allowed, attempts = _solution_state(module, name)
    if not allowed:
        done = (
            "Vous n'avez encore essayé aucune réponse"
            if attempts == 0
            else f"Vous avez essayé {_WORDS.get(attempts, str(attempts))} réponse"
            + ("s" if attempts > 1 else "")
        )
        return False, (
            "**Essayez d'abord.** La solution se débloquera quand vous aurez essayé "
            f"{_WORDS.get(ATTEMPTS_BEFORE_SOLUTION, str(ATTEMPTS_BEFORE_SOLUTION))} réponses "
            "différentes avec la cellule de vérification, ou dès que votre réponse sera juste. "
            f"{done}. Écrivez une réponse, exécutez la cellule de vérification et lisez son "
            "message ; dépliez les indices. Une réponse mal formée (du texte au lieu d'un "
            "nombre, par exemple) ne compte pas comme un essai."
        )

    def seen(entry: dict[str, Any]) -> None:
        _question_entry(entry, name)["solution_seen"] = True

    _update(module, seen)
    code = decode_text(encoded).strip("\n")
    return True, (
        "**Solution** (comparez-la à votre réponse ; si besoin, corrigez la vôtre et vérifiez "
        f"de nouveau) :\n\n```python\n{code}\n```"
    )


def _reveal_button(description: str, tooltip: str, reveal: Any, css: str) -> Any:
    """Return a button whose click shows ``reveal()`` (Markdown) under it."""
    import ipywidgets as widgets
    from IPython.display import Markdown

    button = widgets.Button(
        description=description, icon="eye", tooltip=tooltip, layout=widgets.Layout(width="auto")
    )
    output = widgets.Output()

    def on_click(_: Any) -> None:
        output.outputs = ()
        output.append_display_data(Markdown(reveal()))

    button.on_click(on_click)
    box = widgets.VBox([button, output])
    box.add_class(css)
    return box


def solution_button(module: str, name: str, encoded: str) -> Any:
    """Show a « Voir la solution » button that opens once the learner has tried.

    Parameters
    ----------
    module, name : str
        The module and the question.
    encoded : str
        The solution, from :func:`~esn_teach.checks.encode_text`.

    Returns
    -------
    ipywidgets.VBox
        The button and where its answer appears: the cell's result, shown under it.
    """
    return _reveal_button(
        "Voir la solution",
        f"Se débloque après {ATTEMPTS_BEFORE_SOLUTION} réponses différentes vérifiées, "
        "ou dès que la vôtre est juste",
        lambda: reveal_solution(module, name, encoded)[1],
        "esn-solution",
    )


def guide_button(module: str, name: str, encoded: str) -> Any:
    """Show a button that opens a written reflection's marking guide, for self-assessment.

    No check sees a written answer (a Markdown cell), so nothing gates it: the
    cell asks the learner to write first.

    Parameters
    ----------
    module, name : str
        The module and the reflection.
    encoded : str
        The marking guide, from :func:`~esn_teach.checks.encode_text`.

    Returns
    -------
    ipywidgets.VBox
        The button and the guide once clicked: the cell's result.
    """

    def reveal() -> str:
        def seen(entry: dict[str, Any]) -> None:
            _question_entry(entry, name)["guide_seen"] = True

        _update(module, seen)
        return (
            "**Guide d'auto-évaluation** (celui des enseignants) : relisez votre réflexion et "
            "comptez les points que vous pensez avoir obtenus ; complétez-la si besoin.\n\n"
            + decode_text(encoded)
        )

    return _reveal_button(
        "Voir le guide d'auto-évaluation",
        "Écrivez d'abord votre réflexion, puis comparez-la au guide",
        reveal,
        "esn-guide",
    )


def selfgrade_button(path: str) -> Any:
    """Show a button that grades the saved notebook ``path`` with ``esn-teach selfgrade``.

    A button, not a command run by the cell: « Exécuter tout » must not start a
    grading, and the learner saves the notebook first.

    Parameters
    ----------
    path : str
        The notebook, relative to the kernel's folder (the notebook's own).

    Returns
    -------
    ipywidgets.VBox
        The button and the grader's report: the cell's result, shown under it.
    """
    import subprocess

    import ipywidgets as widgets

    button = widgets.Button(
        description="Corriger mon notebook enregistré",
        icon="check",
        tooltip="Enregistrez d'abord (Ctrl + S) : c'est la version enregistrée qui est corrigée",
        layout=widgets.Layout(width="auto"),
    )
    output = widgets.Output()

    def on_click(_: Any) -> None:
        button.disabled = True
        output.clear_output()
        with output:
            print("Correction en cours (une minute environ)…", flush=True)
            try:
                with subprocess.Popen(
                    [sys.executable, "-m", "esn_teach.cli", "selfgrade", path],
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,
                    text=True,
                    encoding="utf-8",
                    errors="replace",
                ) as process:
                    assert process.stdout is not None
                    for line in process.stdout:
                        print(line, end="", flush=True)
            except OSError as error:
                print(f"La correction n'a pas pu démarrer : {error}.")
            finally:
                button.disabled = False

    button.on_click(on_click)
    box = widgets.VBox([button, output])
    box.add_class("esn-selfgrade")
    return box
