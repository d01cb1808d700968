"""The course pipeline: a thin layer over nbgrader's Python API."""

from __future__ import annotations

import contextlib
import copy
import functools
import hashlib
import json
import keyword
import os
import platform
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import jupytext
import nbformat
import nbgrader.api
from nbformat import NotebookNode
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.apps.api import NbGraderAPI
from nbgrader.utils import compute_checksum
from nbgrader.validator import Validator
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from esn_teach.checks import STUDENT_ENV
from esn_teach.course._errors import CourseError
from esn_teach.course._evaluation import (
    answer_leaks,
    output_leaks,
    partial_credit_kinds,
    partial_credit_questions,
    reveal_echoes,
    to_evaluation,
)
from esn_teach.course._messages import encode_check_messages
from esn_teach.course._outline import (
    COURSE_MAP,
    GENERATED,
    GLOSSARY,
    after_class_start,
    course_map_markdown,
    estimate_duration,
    module_title,
    module_values,
    outline_markdown,
)
from esn_teach.course._selfpaced import (
    SELF_PACED,
    SelfGradeSettings,
    add_progress,
    course_progress_cells,
    to_self_paced,
)
from esn_teach.course._source import (
    HANDED_APART,
    HIDDEN_BEGIN,
    HIDDEN_END,
    SESSION,
    SOLUTION_BEGIN,
    SOLUTION_END,
    ModuleSource,
    find_modules,
    match_module,
    read_module,
    resolve_module,
)


def _alembic_head(run_alembic: Callable[[], str] = nbgrader.api.get_alembic_version) -> str:
    """Return the schema version of nbgrader's gradebook, read in this process.

    nbgrader runs the ``alembic`` command in a subprocess each time it opens a gradebook,
    to read this version, fixed for the installed nbgrader (1,5 to 5 s: each command of
    esn-teach opens several). Alembic's own API reads the same scripts without it; the
    command stays the fallback.
    """
    try:
        from alembic.config import Config as AlembicConfig
        from alembic.script import ScriptDirectory

        with nbgrader.api._temp_alembic_ini("sqlite:////tmp/gradebook.db") as ini:
            head = ScriptDirectory.from_config(AlembicConfig(ini)).get_current_head()
    except Exception:
        return run_alembic()
    return head if isinstance(head, str) else run_alembic()


nbgrader.api.get_alembic_version = functools.cache(_alembic_head)


__all__ = [
    "Course",
    "GradeReport",
    "StepResult",
    "hidden_test_lines",
    "library_digest",
    "region_lines",
    "solution_lines",
]

CONFIG_FILE = "nbgrader_config.py"
#: Folder of the course root where build and release record what they produced from what.
STAMPS = ".esn-build"
_STAMP_FORMAT = 1
#: The installed ``esn_teach`` package: everything a module's notebook can import or read.
LIBRARY_ROOT = Path(__file__).resolve().parents[1]
#: Never part of a digest: caches that Python and Jupyter write next to the files.
_SKIPPED_FOLDERS = frozenset({"__pycache__", ".ipynb_checkpoints"})
_SKIPPED_SUFFIXES = (".pyc", ".pyo")
#: Why a module is built again, by stamp input (French, shown to instructors).
_INPUT_LABELS = {
    "source": "source du module modifiée",
    "outline": "en-tête modifié (durée estimée, modules voisins)",
    "mode": "mode de publication changé (formatif ou séance évaluée)",
    "built": "notebook construit (source/) modifié depuis la publication",
    "library": "code ou données d'esn_teach modifiés",
    "config": f"{CONFIG_FILE} modifié",
    "esn-teach": "version d'esn-teach changée",
    "environment": "version de Python ou d'une dépendance changée",
}


@dataclass(frozen=True)
class GradeReport:
    """Scores of one submission, read back from the gradebook.

    Attributes
    ----------
    student : str
    module : str
    score, max_score : float
        Total (autograded plus manual grades entered so far).
    grades : dict
        Grade id → (score, max_score) for every graded cell.
    """

    student: str
    module: str
    score: float
    max_score: float
    grades: dict[str, tuple[float, float]]


@dataclass(frozen=True)
class StepResult:
    """What :meth:`Course.build` or :meth:`Course.release` did with one module.

    Attributes
    ----------
    module : ModuleSource
    path : pathlib.Path
        The nbgrader source notebook (build) or the student version (release).
    rebuilt : bool
        False when the module was up to date: nothing was written or executed.
    reason : str
        Why the module was built or released again, in French (empty when up
        to date).
    """

    module: ModuleSource
    path: Path
    rebuilt: bool
    reason: str = ""


def solution_lines(module: ModuleSource) -> list[str]:
    """Return the distinctive lines of the solution regions of ``module``.

    Used to check that a released notebook does not contain them.

    Parameters
    ----------
    module : ModuleSource

    Returns
    -------
    list of str
    """
    return region_lines(module, SOLUTION_BEGIN, SOLUTION_END)


def hidden_test_lines(module: ModuleSource) -> list[str]:
    """Return the distinctive lines of the hidden-test regions of ``module``.

    Parameters
    ----------
    module : ModuleSource

    Returns
    -------
    list of str
    """
    return region_lines(module, HIDDEN_BEGIN, HIDDEN_END)


def region_lines(module: ModuleSource, begin: str, end: str) -> list[str]:
    """Return the lines found only inside ``begin`` … ``end`` regions of ``module``.

    Comments, short lines, lines of bare syntax (``break``, ``else:``, ``]):``)
    and lines that also occur outside the regions (such as a bare
    ``checks.check_number(``) are left out: they give nothing away, and a word
    like ``break`` turns up in any page.

    Parameters
    ----------
    module : ModuleSource
    begin, end : str
        The region markers.

    Returns
    -------
    list of str
    """
    inside_lines: list[str] = []
    outside_lines: set[str] = set()
    for cell in module.notebook.cells:
        inside = False
        for line in cell.source.splitlines():
            stripped = line.strip()
            if stripped == begin:
                inside = True
            elif stripped == end:
                inside = False
            elif inside:
                inside_lines.append(stripped)
            else:
                outside_lines.add(stripped)
    return [
        line
        for line in dict.fromkeys(inside_lines)
        if len(line) > 3
        and not line.startswith("#")
        and line not in outside_lines
        and line not in {")", "],", "]", "),", "(", "{", "}"}
        and not all(keyword.iskeyword(word) for word in _WORD.findall(line))
    ]


_WORD = re.compile(r"[A-Za-z_]\w*")


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_SOURCE_TITLE = re.compile(r"^# # (?P<title>.+?)\s*$", re.MULTILINE)


def _source_title(path: Path) -> str:
    """Return the title of a module source (its first level-1 heading), or its name."""
    try:
        found = _SOURCE_TITLE.search(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        found = None
    return found["title"] if found else path.stem


@dataclass(frozen=True)
class _Points:
    """Graded points of a module, split where the header and the certificate box need it.

    ``in_class`` and ``after_class``: autograded points before and after
    « ## Après la séance »; ``written`` and ``written_after``: the written answers
    graded by hand, in all and after the session; ``whole``: no autograded question
    can score a fraction of its points; ``written_after_ids``: grade ids of the
    written answers after the session. One count for the « Notation » line, the
    certificate box and the hand-in rule, so that they cannot disagree.
    """

    in_class: float
    after_class: float
    written: float
    written_after: float
    whole: bool
    written_after_ids: tuple[str, ...]


def _tally_points(notebook: NotebookNode) -> _Points:
    """Return the :class:`_Points` of a module notebook."""
    start = after_class_start(notebook)
    in_class = after = written = written_after = 0.0
    whole = not partial_credit_questions(notebook)
    ids: list[str] = []
    for index, cell in enumerate(notebook.cells):
        nbgrader = cell.metadata.get("nbgrader", {})
        if not nbgrader.get("grade"):
            continue
        points = float(nbgrader.get("points", 0))
        later = start is not None and index > start
        if cell.cell_type == "code":
            whole = whole and points.is_integer()
            if later:
                after += points
            else:
                in_class += points
        else:
            written += points
            if later:
                written_after += points
                if nbgrader.get("grade_id"):
                    ids.append(str(nbgrader["grade_id"]))
    return _Points(in_class, after, written, written_after, whole, tuple(ids))


def _add_outline(
    module: ModuleSource,
    previous: tuple[str, str] | None,
    following: tuple[str, str] | None,
    grading: list[str] | None = None,
    *,
    reflection_counted: bool = True,
) -> str:
    """Insert the duration and navigation header under the module's first cell; return it.

    ``grading``: the boxes « Comment cette unité est notée » of the certificates that
    require the module, appended to the header. ``reflection_counted``: whether one of
    them counts the written reflection (see :func:`_scoring_markdown`).
    """
    header = outline_markdown(
        estimate_duration(module.notebook),
        previous=previous,
        following=following,
        evaluation=module.session == "evaluation",
    )
    scoring = _scoring_markdown(
        module, certificate=bool(grading), reflection_counted=reflection_counted
    )
    if scoring:
        header = "\n\n".join([header, scoring])
    if grading:
        header = "\n\n".join([header, *grading])
    cell = nbformat.v4.new_markdown_cell(header, id="esn-outline")  # a fixed id: same bytes
    cell.metadata[GENERATED] = "outline"
    module.notebook.cells.insert(1, cell)
    return header


def _scoring_markdown(
    module: ModuleSource, *, certificate: bool = False, reflection_counted: bool = True
) -> str:
    """Return the header's « Notation » line: points in class and after, partial credit.

    Reviewers found the scoring rules hidden: a wrong item that takes points back, a
    number too rounded that earns half, points that come after the session. With
    ``certificate``, the box « Comment cette unité est notée » follows: the line sends
    the reader to it for what counts there (module 14's reviewer read « réflexion
    notée » above a box saying the certificate does not count it). When no certificate
    requiring the module counts the reflection (``reflection_counted`` false), the line
    says so first (module 14's lecturer and student, d23: « 4 points » read before the
    box that says it does not count).
    """
    points = _tally_points(module.notebook)
    in_class, after, written = points.in_class, points.after_class, points.written
    if not in_class + after + written:
        return ""
    parts = []
    practice = module.graded_in_class and after > 0
    if practice:
        # graded="in-class": the grade counts the in-class part and the written answers
        # (README: ``esn-teach export --partie seance``, the reflection graded by hand).
        parts.append(f"questions autocorrigées de la séance, {_fr_points(in_class)}")
    elif in_class + after:
        autograded = f"questions autocorrigées, {_fr_points(in_class)} en séance"
        if after:
            autograded += f" et {_fr_points(after)} après la séance"
        parts.append(autograded)
    if written:
        reflection = (
            f"réflexion rédigée, {_fr_points(written)}, notée d'après un guide de correction"
        )
        if certificate and not reflection_counted:
            reflection = (
                "réflexion rédigée, hors certificat : elle ne compte que si votre "
                f"enseignant·e annonce la corriger ({_fr_points(written)}, d'après un guide "
                "de correction)"
            )
        elif certificate:
            reflection += " (ce qui compte pour le certificat : voir l'encadré ci-dessous)"
        parts.append(reflection)
    text = "**Notation** : " + " ; ".join(parts) + "."
    if practice:
        text += (
            f" La note porte sur ces {_fr_points(in_class + written)} : les questions "
            f"autocorrigées faites après la séance ({_fr_points(after)}) sont un entraînement"
        )
        if module.session == "evaluation":
            # Module 06's lecturer (d22): « corrigé » was false here. The copy collected at
            # the end of the session does not hold them, and the evaluated checks only say
            # whether an answer is well written.
            text += (
                " hors de la note, que la copie ramassée à la fin de la séance ne contient pas ; "
                "leurs vérifications disent seulement si la réponse est bien écrite."
            )
        else:
            text += ", corrigé mais hors de la note."
    # One rule per line (module 14's student, d20b: one dense paragraph « décourage avant
    # même de commencer »).
    rules = []
    kinds = partial_credit_kinds(module.notebook)
    if "items" in kinds:
        rules.append(
            "**Questions à plusieurs items** : chaque item juste apporte sa part des points, "
            "chaque item faux en reprend une partie (répondre au hasard rapporte donc peu), un "
            "item laissé `...` ne rapporte ni ne coûte rien ; une question ne descend pas sous 0."
        )
    if "number" in kinds:
        rules.append(
            "**Nombres** : un nombre juste mais trop arrondi, avec une décimale de moins que "
            "demandé (0,68 pour 0,682 ; un entier quand la question se corrige à 0,1 près), "
            "rapporte la moitié des points."
        )
    if not certificate and _handed_apart(module):
        rules.append(_hand_in_markdown(choice=after > 0 and not module.graded_in_class))
    if rules:
        text += "\n\n" + "\n".join(f"- {rule}" for rule in rules)
    return text


def _handed_apart(module: ModuleSource, *, whole_copy: bool = False) -> list[str]:
    """Return the written answers an evaluated session's students hand in apart.

    The header (:func:`_hand_in_markdown`, or a certificate's box) tells them: the
    copy is collected at the end of the session, the reflection written after it is
    handed in apart (or, when after-class questions count, the teacher chooses). Its
    cell is then empty in the collected copy, which nbgrader scores 0 as « no
    response »: ``esn-teach autograde`` leaves these cells to the teacher instead
    (module 13's lecturer, d21: 0 / 3 on every copy, never flagged). ``whole_copy``:
    a certificate counts the after-class questions, the complete copy is handed in once.
    """
    if module.session != "evaluation" or whole_copy:
        return []
    return list(_tally_points(module.notebook).written_after_ids)


def _hand_in_markdown(*, choice: bool) -> str:
    """Return the evaluated header's « Rendre » line for a reflection written after the session.

    Reviewers of modules 08, 11 and 13 (d20) found the hand-in undefined: the graded
    reflection cell sits in the notebook collected at the end of the session, the
    module's text said « sur Moodle », the certificate box « le fichier .ipynb ». One
    rule, the README's: the copy is collected at the end of the session and the
    reflection, written afterwards, is handed in apart; its grade is entered by hand on
    the collected copy. ``choice``: the module has autograded questions after the
    session that count in its grade, so the teacher chooses (README) between that
    collection, the grade then counting the in-class part, and a complete copy handed
    in by a deadline.
    """
    apart = (
        "se rédige après la séance et se rend à part, comme votre enseignant·e l'indique (par "
        "exemple un devoir Moodle), avant la date annoncée"
    )
    if choice:
        return (
            "**Rendre** : votre enseignant·e dit au début de la séance comment la copie est "
            "rendue. Soit elle est ramassée à la fin de la séance : la note porte alors sur la "
            f"partie en séance, et la réflexion {apart}. Soit vous rendez le notebook complet, "
            "réflexion comprise, à la date d'un devoir."
        )
    return (
        "**Rendre** : enregistrez le notebook ; la copie est ramassée à la fin de la séance. "
        f"{_ONCE} La réflexion {apart} : vous pouvez la préparer dans sa cellule, puis la "
        "recopier."
    )


#: An evaluated copy is handed in once: one deposited again after the session would replace
#: the supervised one if the teacher collected again without a due date (module 06's
#: lecturer, d22). ``esn-teach collect`` keeps the last copy before the due date.
_ONCE = "Ne la déposez pas une seconde fois après la séance."


def _fr_points(points: float) -> str:
    """« 1 point », « 6 points », « 1,5 point » (French: singular below 2)."""
    shown = f"{points:g}".replace(".", ",")
    return f"{shown} point" + ("s" if points >= 2 else "")


def _file_digest(path: Path) -> str | None:
    """SHA-256 of a file's bytes, or None when it does not exist."""
    try:
        return _digest(path.read_bytes())
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None


def _tree_digests(folder: Path, base: Path) -> dict[str, str]:
    """SHA-256 of every file under ``folder``, keyed by its POSIX path relative to ``base``.

    Caches (``__pycache__``, ``.ipynb_checkpoints``, compiled Python) are left
    out; a missing folder gives an empty dictionary.
    """
    digests: dict[str, str] = {}
    if not folder.is_dir():
        return digests
    for current, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if name not in _SKIPPED_FOLDERS)
        for name in sorted(files):
            if name.endswith(_SKIPPED_SUFFIXES):
                continue
            path = Path(current, name)
            digests[path.relative_to(base).as_posix()] = _digest(path.read_bytes())
    return digests


def _json_digest(value: object) -> str:
    return _digest(json.dumps(value, sort_keys=True).encode("utf-8"))


def library_digest(root: Path | None = None) -> str:
    """Return one SHA-256 for the code and data of the installed ``esn_teach`` package.

    A module's notebook, executed by the build and by the release gate, may
    import any part of ``esn_teach`` (checks, datasets, explorers, plotting…)
    and read its data files (data cards, law tables) through
    :mod:`importlib.resources`, sometimes lazily. Following those imports would
    be fragile, so the whole package is hashed: any change under ``esn_teach/``
    builds every module again. Hashing its ~70 files takes a few milliseconds.

    Parameters
    ----------
    root : pathlib.Path, optional
        The package folder (default: the installed ``esn_teach``).

    Returns
    -------
    str
    """
    root = LIBRARY_ROOT if root is None else root
    return _json_digest(_tree_digests(root, root))


#: The identifier whose variant the build and the release gate draw (``checks.student_seed``).
BUILD_STUDENT = "esn-teach-construction"


@contextlib.contextmanager
def _variables(values: dict[str, str]):
    """Set environment variables for the duration of a ``with`` block, then restore them."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _environment() -> str:
    """Python's version and those of esn-teach's runtime dependencies and ipykernel.

    An upgrade of pandas or scikit-learn may change what a solution computes; an
    unrelated tool installed in the environment does not rebuild the course.
    """
    try:
        requirements = metadata.requires("esn-teach") or []
    except metadata.PackageNotFoundError:  # a source tree that was never installed
        requirements = []
    names = {"ipykernel", "nbgrader"}
    for requirement in requirements:
        found = re.match(r"[A-Za-z0-9._-]+", requirement)
        if found and "extra ==" not in requirement:
            names.add(found.group(0).lower())
    versions = {"python": platform.python_version()}
    for name in sorted(names):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "absent"
    return _json_digest(versions)


def _read_stamp(path: Path) -> dict | None:
    """Read a stamp written by :func:`_write_stamp` (None: missing, unreadable or outdated)."""
    try:
        stamp = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(stamp, dict) or stamp.get("format") != _STAMP_FORMAT:
        return None
    return stamp


def _write_stamp(path: Path, stamp: dict) -> None:
    """Write a stamp atomically: a run killed meanwhile leaves the old one or none."""
    path.parent.mkdir(parents=True, exist_ok=True)
    ignore = path.parent / ".gitignore"
    if not ignore.exists():
        ignore.write_text(
            "# Written by esn-teach build/release: what each module was built from.\n*\n",
            encoding="utf-8",
        )
    partial = path.with_name(path.name + ".partiel")
    partial.write_text(
        json.dumps({"format": _STAMP_FORMAT, **stamp}, indent=1, sort_keys=True),
        encoding="utf-8",
    )
    os.replace(partial, path)


def _stale_reason(
    stamp: dict | None, inputs: dict[str, str | None], outputs: dict[str, str], *, never: str
) -> str | None:
    """Why a step must run again (French), or None when its stamp still holds.

    Parameters
    ----------
    stamp : dict or None
        The stamp of the last successful run.
    inputs : dict
        The digests of what the step reads, now.
    outputs : dict
        The digests of the files it wrote, now.
    never : str
        The reason when there is no stamp.
    """
    if stamp is None:
        return never
    recorded = stamp.get("inputs", {})
    changed = [
        _INPUT_LABELS.get(key, key) for key, value in inputs.items() if recorded.get(key) != value
    ]
    if changed:
        return ", ".join(changed)
    written = stamp.get("outputs", {})
    if not written:
        return never
    for relative in sorted(set(written) | set(outputs)):
        if relative not in outputs:
            return f"fichier produit absent : {relative}"
        if relative not in written:
            return f"fichier ajouté à la main : {relative}"
        if outputs[relative] != written[relative]:
            return f"fichier produit modifié à la main : {relative}"
    return None


def _expose_interpreter_scripts() -> None:
    """Put this interpreter's scripts folder first on ``PATH``.

    nbgrader runs the ``alembic`` command in a subprocess to open the
    gradebook; when ``esn-teach`` is started as ``.venv/bin/esn-teach`` without
    activating the virtual environment, ``alembic`` is not on ``PATH``.
    """
    scripts = str(Path(sys.executable).parent)
    path = os.environ.get("PATH", "")
    if scripts not in path.split(os.pathsep):
        os.environ["PATH"] = scripts + (os.pathsep + path if path else "")


class _KeepingValidator(Validator):
    """nbgrader's validator, keeping the notebook it executed (for :func:`output_leaks`)."""

    executed: NotebookNode | None = None

    def _preprocess(self, nb: NotebookNode) -> NotebookNode:
        self.executed = super()._preprocess(nb)
        return self.executed


class Course:
    """An nbgrader course generated from jupytext module sources.

    Parameters
    ----------
    root : path-like
        The nbgrader course root (holds ``nbgrader_config.py``).
    notebooks : path-like
        The folder of the module sources.
    """

    def __init__(self, root: str | Path, notebooks: str | Path) -> None:
        self.root = Path(root).resolve()
        self.notebooks = Path(notebooks).resolve()
        _expose_interpreter_scripts()
        if not (self.root / CONFIG_FILE).is_file():
            raise CourseError(
                f"Dossier de cours introuvable : {self.root} ne contient pas {CONFIG_FILE}. "
                "Lancez la commande depuis la racine du projet ou indiquez --course DOSSIER."
            )

    # -- configuration -------------------------------------------------------------------
    def config(self) -> Config:
        """Load ``nbgrader_config.py`` and pin the course root to ``self.root``."""
        try:
            config = PyFileConfigLoader(CONFIG_FILE, path=str(self.root)).load_config()
        except Exception as error:
            raise CourseError(f"{self.root / CONFIG_FILE} contient une erreur : {error}") from error
        config.CourseDirectory.root = str(self.root)
        return config

    def api(self) -> NbGraderAPI:
        """Return nbgrader's API object for this course."""
        return NbGraderAPI(config=self.config())

    @property
    def course_id(self) -> str:
        """The course id from the configuration."""
        return str(self.config().CourseDirectory.get("course_id", "esn-teach"))

    @property
    def db_url(self) -> str:
        """The gradebook URL from the configuration."""
        config = self.config()
        return str(config.CourseDirectory.get("db_url", f"sqlite:///{self.root / 'gradebook.db'}"))

    # -- modules -------------------------------------------------------------------------
    def modules(self, names: list[str] | None = None) -> list[ModuleSource]:
        """Parse the named module sources (all of them when ``names`` is empty)."""
        return [read_module(path) for path in self._module_paths(names)]

    def _module_paths(self, names: list[str] | None) -> list[Path]:
        if names:
            return [resolve_module(self.notebooks, name) for name in names]
        paths = find_modules(self.notebooks)
        if not paths:
            raise CourseError(f"Aucun module dans {self.notebooks}.")
        return paths

    def module(self, name: str) -> ModuleSource:
        """Parse one module source."""
        return read_module(resolve_module(self.notebooks, name))

    def module_name(self, name: str) -> str:
        """Resolve a module name or prefix (``01``), with or without the module sources.

        An instructor on a hub may hold only the nbgrader course: the modules are
        then those built into ``source/``, as for ``nbgrader autograde``.

        Raises
        ------
        CourseError
            If no module, or several, match.
        """
        if self.notebooks.is_dir() and find_modules(self.notebooks):
            return self.module(name).name
        built = self.root / "source"
        names = []
        if built.is_dir():
            names = sorted(p.name for p in built.iterdir() if (p / f"{p.name}.ipynb").is_file())
        if not names:
            raise CourseError(
                f"Aucun module : ni sources dans {self.notebooks}, ni module construit dans "
                f"{built}. Lancez d'abord « esn-teach build » ou indiquez --notebooks DOSSIER."
            )
        return match_module(names, name)

    def source_path(self, module: str) -> Path:
        """Path of the nbgrader source notebook of ``module``."""
        return self.root / "source" / module / f"{module}.ipynb"

    def release_path(self, module: str) -> Path:
        """Path of the student version of ``module``."""
        return self.root / "release" / module / f"{module}.ipynb"

    # -- build ---------------------------------------------------------------------------
    def stamp_path(self, module: str, step: str) -> Path:
        """Path of the stamp of ``step`` (``"build"`` or ``"release"``) for ``module``.

        A stamp records the digests of what the step read (module source,
        ``esn_teach`` package, ``nbgrader_config.py``, versions) and of the files
        it wrote; it is written only once the step has succeeded, and removed
        before the step runs again.
        """
        return self.root / STAMPS / f"{module}.{step}.json"

    def _whole_copy(self, module: ModuleSource) -> bool:
        """Whether a certificate requiring ``module`` counts its after-class questions.

        Its box then tells students to hand in the complete copy once, reflection
        included (module 14), not the copy at the end of the session.
        """
        from esn_teach.certificates import DECLARATION_FILE, course_declaration

        if not (self.notebooks / DECLARATION_FILE).is_file():
            return False
        declaration = course_declaration(self)
        return bool(_tally_points(module.notebook).after_class) and any(
            criterion.module == module.name and not criterion.in_class_only
            for spec in declaration.certificates.values()
            for criterion in spec.modules
        )

    def _reflection_counted(self, module: ModuleSource) -> bool:
        """Whether a certificate requiring ``module`` counts its reflection (True if none does).

        Read from ``<notebooks>/certificats.toml`` (``reflexion_notee``), as the boxes of
        :meth:`_unit_grading` are.
        """
        from esn_teach.certificates import DECLARATION_FILE, course_declaration

        if not (self.notebooks / DECLARATION_FILE).is_file():
            return True
        criteria = [
            criterion
            for spec in course_declaration(self).certificates.values()
            for criterion in spec.modules
            if criterion.module == module.name
        ]
        return not criteria or any(criterion.reflection_graded for criterion in criteria)

    def _unit_grading(self, module: ModuleSource) -> list[str]:
        """Return the boxes « Comment cette unité est notée » of the certificates requiring it.

        Read from ``<notebooks>/certificats.toml`` when it exists; an invalid
        declaration stops the build with its French message (``esn-teach certify``
        would refuse it too).
        """
        # Imported here: esn_teach.certificates itself builds on esn_teach.course.
        from esn_teach.certificates import (
            DECLARATION_FILE,
            course_declaration,
            unit_grading_markdown,
        )

        if not (self.notebooks / DECLARATION_FILE).is_file():
            return []
        declaration = course_declaration(self)  # a CertificateError is a CourseError
        points = _tally_points(module.notebook)
        return [
            unit_grading_markdown(
                spec,
                module.name,
                points.in_class + points.after_class,
                points.written,
                after_class_points=points.after_class,
                whole_points=points.whole,
                after_class_practice=module.graded_in_class,
                written_after_class=points.written_after > 0,
            )
            for spec in declaration.certificates.values()
            if any(c.module == module.name for c in spec.modules)
        ]

    def release_mode(self, module: str) -> str | None:
        """Return how ``module`` was last released in this course, from its release stamp.

        Returns
        -------
        str or None
            ``"formative"``, ``"evaluation"`` or ``"autonome"``; None when no
            successful release is recorded (never released, or a release that failed).
        """
        stamp = _read_stamp(self.stamp_path(self.module_name(module), "release"))
        inputs = (stamp or {}).get("inputs")
        mode = inputs.get("mode") if isinstance(inputs, dict) else None
        return mode if isinstance(mode, str) else None

    def library_changed_since_release(self, module: str) -> bool:
        """Whether ``esn_teach`` changed since ``module`` was last released as an evaluated session.

        An evaluated session's hidden tests redraw each copy's cases and statements
        with the installed library when grading: another version may draw other ones
        than the students saw, and change their marks silently (review 09 d18).

        Returns
        -------
        bool
            True only when the last successful release was ``--evaluation`` and the
            digest of the library it recorded differs from the installed one.
        """
        stamp = _read_stamp(self.stamp_path(self.module_name(module), "release"))
        inputs = (stamp or {}).get("inputs")
        if not isinstance(inputs, dict) or inputs.get("mode") != "evaluation":
            return False
        recorded = inputs.get("library")
        return isinstance(recorded, str) and recorded != library_digest()

    def _shared_inputs(self) -> dict[str, str | None]:
        """Digests of what every module's build and release depend on."""
        import esn_teach

        return {
            "library": library_digest(),
            "config": _file_digest(self.root / CONFIG_FILE),
            "esn-teach": str(getattr(esn_teach, "__version__", "inconnue")),
            "environment": _environment(),
        }

    def _neighbours(self) -> dict[str, tuple[tuple[str, str] | None, tuple[str, str] | None]]:
        """Return each module's previous and next module (name, title), in course order."""
        order = [(path.stem, _source_title(path)) for path in find_modules(self.notebooks)]
        return {
            name: (
                order[index - 1] if index > 0 else None,
                order[index + 1] if index + 1 < len(order) else None,
            )
            for index, (name, _) in enumerate(order)
        }

    def _relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def _read_modules(
        self, names: list[str] | None, session: str = "formative"
    ) -> tuple[list[ModuleSource], list[str | None]]:
        """Parse every named source before any work, with the digest of the bytes parsed.

        Each digest is taken before its source is read: a source edited meanwhile
        leaves a stamp that does not match it, never one that hides the edit.
        """
        paths = self._module_paths(names)
        digests = [_file_digest(path) for path in paths]
        return [read_module(path, session=session) for path in paths], digests

    def built_session(self, module: str) -> str | None:
        """Return the version (``session=`` cells) ``module`` is built in, if it has two.

        Returns
        -------
        str or None
            ``"formative"`` or ``"evaluation"``; None for a module with one version
            (or not built, or unreadable).
        """
        try:
            built = nbformat.read(self.source_path(module), as_version=4)
        except (OSError, ValueError):
            return None
        session = built.metadata.get(SESSION)
        return session if isinstance(session, str) else None

    def build(
        self,
        names: list[str] | None = None,
        *,
        validate: bool = True,
        force: bool = False,
        session: str = "formative",
        progress: Callable[[StepResult], None] | None = None,
    ) -> list[ModuleSource]:
        """Generate nbgrader's ``source/`` from the module sources, only where needed.

        A module is built again when its source, the ``esn_teach`` package,
        ``nbgrader_config.py``, the version of esn-teach, Python or a dependency
        changed since its last successful build, or when its source notebook
        was deleted or edited; otherwise nothing is written or executed.

        Parameters
        ----------
        names : list of str, optional
            Modules to build (default: all).
        validate : bool, default=True
            Execute each solution with nbgrader's validator and require every
            test to pass. A module built without it is built again by the next
            build that validates.
        force : bool, default=False
            Build every module, even those up to date.
        session : {"formative", "evaluation"}, default="formative"
            The version of the modules whose cells differ between the two
            (``session=`` cells); ``release --evaluation`` builds the evaluated one
            first. Modules with one version ignore it.
        progress : callable, optional
            Called with a :class:`StepResult` once each module is done.

        Returns
        -------
        list of ModuleSource
            All the named modules, built now or up to date.

        Raises
        ------
        CourseError
            If a source is invalid or a solution fails its tests. The module
            then has no stamp: the next build runs it again.
        """
        shared = self._shared_inputs()
        modules, digests = self._read_modules(names, session)
        neighbours = self._neighbours()
        for module, digest in zip(modules, digests, strict=True):
            grading = self._unit_grading(module)
            header = _add_outline(
                module,
                *neighbours.get(module.name, (None, None)),
                grading,
                reflection_counted=self._reflection_counted(module),
            )
            apart = _handed_apart(module, whole_copy=self._whole_copy(module))
            if apart:
                # What the header told students: the grader waits for these grades.
                module.notebook.metadata[HANDED_APART] = apart
            inputs = shared | {"source": digest, "outline": _digest(header.encode())}
            if module.has_sessions:
                inputs["session"] = session
            path = self.source_path(module.name)
            stamp_path = self.stamp_path(module.name, "build")
            stamp = _read_stamp(stamp_path)
            if force:
                reason: str | None = "reconstruction demandée (--force)"
            else:
                written = _file_digest(path)
                reason = _stale_reason(
                    stamp,
                    inputs,
                    {} if written is None else {self._relative(path): written},
                    never="aucune construction réussie enregistrée",
                )
                if reason is None and validate and not (stamp or {}).get("validated"):
                    reason = "solution pas encore exécutée (construit avec --no-validate)"
            if reason is None:
                if progress is not None:
                    progress(StepResult(module, path, rebuilt=False))
                continue
            stamp_path.unlink(missing_ok=True)
            outputs = self._build_module(module, validate=validate)
            _write_stamp(stamp_path, {"inputs": inputs, "validated": validate, "outputs": outputs})
            if progress is not None:
                progress(StepResult(module, path, rebuilt=True, reason=reason))
        return modules

    def _build_module(self, module: ModuleSource, *, validate: bool) -> dict[str, str]:
        """Write and check one source notebook; return the digests of what was written."""
        path = self.source_path(module.name)
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(module.notebook, path)
        written = {self._relative(path): _digest(path.read_bytes())}
        if validate:
            self._validate(path, invert=False, module=module.name)
        return written

    def _validate(self, path: Path, *, invert: bool, module: str) -> NotebookNode | None:
        """Execute ``path`` with nbgrader's validator; return the executed notebook.

        Raises
        ------
        CourseError
            If a graded cell was changed, the solution fails its tests or
            (``invert``) the blank version passes one.
        """
        validator = _KeepingValidator(config=self.config())
        validator.invert = invert
        try:
            # The kernel inherits this process's environment: a module's evaluated
            # session draws the build's own variant (``checks.student_seed``), never
            # that of whoever runs the build.
            with _variables({STUDENT_ENV: BUILD_STUDENT}):
                results = validator.validate(str(path))
        except Exception as error:
            raise CourseError(f"{module} : l'exécution du notebook a échoué : {error}") from error
        if results.get("type_changed") or results.get("changed"):
            raise CourseError(f"{module} : des cellules notées ont été modifiées ({path}).")
        if invert and results.get("passed"):
            sources = "\n---\n".join(cell["source"][:300] for cell in results["passed"])
            raise CourseError(
                f"{module} : la version étudiante vierge réussit des tests (elle devrait tous les "
                f"échouer) :\n{sources}"
            )
        if not invert and results.get("failed"):
            details = "\n---\n".join(
                f"{cell['source'][:300]}\n=> {cell['raw_error'].strip()[-600:]}"
                for cell in results["failed"]
            )
            raise CourseError(f"{module} : la solution échoue à ses propres tests :\n{details}")
        return validator.executed

    # -- release -------------------------------------------------------------------------
    def release(
        self,
        names: list[str] | None = None,
        *,
        force: bool = False,
        evaluation: bool = False,
        self_paced: bool = False,
        validate: bool = True,
        progress: Callable[[StepResult], None] | None = None,
    ) -> list[Path]:
        """Generate the student versions with nbgrader ``generate_assignment``, only where needed.

        Except in an evaluated release, the messages of the visible checks are
        encoded, readable only when a check runs
        (:func:`esn_teach.course._messages.encode_check_messages`): read in the
        cell, the refutations of the wrong options would answer a choice by
        elimination. Each student version is then checked: it contains no line
        of the solutions, and, executed as is, it fails every autograded test
        (nbgrader's ``validate --invert``).

        A module is released again when its built notebook (``source/``), its
        module source, the ``esn_teach`` package, ``nbgrader_config.py`` or a
        version changed since its last successful release, when a file of its
        student version was deleted, added or edited, or when the gradebook no
        longer holds its cells as released; otherwise nothing runs.

        Parameters
        ----------
        names : list of str, optional
            Modules to release (default: all).
        force : bool, default=False
            Release every module, even those up to date.
        evaluation : bool, default=False
            Release for an evaluated session: the visible checks only say whether
            an answer is given and well-formed (:mod:`esn_teach.course._evaluation`);
            the hidden tests grade it. Releasing again without it restores the
            formative checks.
        self_paced : bool, default=False
            Release for learners working alone (:mod:`esn_teach.course._selfpaced`):
            a « Voir la solution » button under each question, which opens once
            the learner has tried, and self-grading (``esn-teach selfgrade``).
            The notebook then carries its solutions; never use it for a graded
            session.
        validate : bool, default=True
            Execute each blank student version and require every autograded
            test to fail (``esn-teach selfgrade`` skips it: its canary does the same).
        progress : callable, optional
            Called with a :class:`StepResult` once each module is done.

        Returns
        -------
        list of pathlib.Path
            The student versions of all the named modules, released now or up
            to date.

        Raises
        ------
        CourseError
            If a module was not built or fails a check. The module then has no
            stamp: the next release runs it again.
        """
        if evaluation and self_paced:
            raise CourseError(
                "Choisissez une seule publication : séance évaluée (--evaluation) ou parcours "
                "en autonomie (--autonome), pas les deux."
            )
        mode = "evaluation" if evaluation else SELF_PACED if self_paced else "formative"
        # What selfgrade needs from the configuration, checked before anything is released.
        settings = (
            SelfGradeSettings.from_config(self.config(), course_id=self.course_id)
            if self_paced
            else None
        )
        shared = self._shared_inputs()
        session = "evaluation" if evaluation else "formative"
        modules, digests = self._read_modules(names, session)
        for module in modules:
            if module.has_sessions:
                # Its evaluated session has its own cases: build the version released.
                self.build([module.name], validate=validate, session=session)
            if not self.source_path(module.name).is_file():
                raise CourseError(
                    f"{module.name} n'a pas été construit : lancez d'abord « esn-teach build "
                    f"{module.name} »."
                )
        api: NbGraderAPI | None = None
        released = []
        for module, digest in zip(modules, digests, strict=True):
            built = self.source_path(module.name).parent
            inputs = shared | {
                "source": digest,
                "built": _json_digest(_tree_digests(built, self.root)),
                "mode": mode,
            }
            path = self.release_path(module.name)
            stamp_path = self.stamp_path(module.name, "release")
            stamp = _read_stamp(stamp_path)
            if force:
                reason: str | None = "republication demandée (--force)"
            else:
                reason = _stale_reason(
                    stamp,
                    inputs,
                    _tree_digests(path.parent, self.root),
                    never="aucune publication réussie enregistrée",
                )
                recorded = (stamp or {}).get("gradebook")
                if reason is None and recorded != self._gradebook_digest(module.name):
                    reason = "carnet de notes sans ce module ou différent de la publication"
            released.append(path)
            if reason is None:
                if progress is not None:
                    progress(StepResult(module, path, rebuilt=False))
                continue
            stamp_path.unlink(missing_ok=True)
            api = api or self.api()
            self._release_module(
                module, api, evaluation=evaluation, self_paced=settings, validate=validate
            )
            _write_stamp(
                stamp_path,
                {
                    "inputs": inputs,
                    "outputs": _tree_digests(path.parent, self.root),
                    "gradebook": self._gradebook_digest(module.name),
                },
            )
            if progress is not None:
                progress(StepResult(module, path, rebuilt=True, reason=reason))
        self.write_course_pages()
        return released

    def course_pages(self) -> list[Path]:
        """Paths of the course map and glossary written beside the released modules."""
        return [self.root / "release" / COURSE_MAP, self.root / "release" / GLOSSARY]

    def write_course_pages(self) -> None:
        """Write the course map (with every module's duration) and the glossary as notebooks.

        Both come from ``notebooks/pages/``; a page is rewritten only when it changed.
        """
        pages = self.notebooks / "pages"
        if not pages.is_dir():
            return
        modules = []
        tracked: dict[str, dict[str, object]] = {}
        for path in find_modules(self.notebooks):
            source = read_module(path)
            duration = estimate_duration(source.notebook)
            tracked[source.name] = {
                "title": module_title(source.notebook, source.name),
                "questions": list(source.answers),
                "minutes": duration.in_class + duration.after_class,
            }
            modules.append(
                (
                    source.name,
                    module_title(source.notebook, source.name),
                    estimate_duration(source.notebook),
                    module_values(source.notebook),
                )
            )
        texts = {}
        for target, page in zip(
            self.course_pages(), ("carte_du_cours.md", "glossaire.md"), strict=True
        ):
            try:
                text = (pages / page).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                raise CourseError(f"Page du cours illisible : {pages / page} ({error}).") from error
            if target.name == COURSE_MAP:
                text = course_map_markdown(text, modules)
            texts[target] = text
        for target, text in texts.items():
            notebook = jupytext.reads(text, fmt="md")
            if target.name == COURSE_MAP:
                notebook.cells[1:1] = course_progress_cells(tracked)
            for index, cell in enumerate(notebook.cells):
                cell.id = f"page-{index:03d}"  # the same page gives the same bytes
            notebook.metadata["kernelspec"] = {
                "display_name": "Python 3 (ipykernel)",
                "language": "python",
                "name": "python3",
            }
            written = nbformat.writes(notebook)
            if not target.is_file() or target.read_text(encoding="utf-8") != written:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(written, encoding="utf-8")

    def _release_module(
        self,
        module: ModuleSource,
        api: NbGraderAPI,
        *,
        evaluation: bool,
        self_paced: SelfGradeSettings | None,
        validate: bool,
    ) -> None:
        """Generate and check the student version of one built module.

        ``self_paced`` holds the settings a self-paced release carries (None for
        the other releases).
        """
        result = api.generate_assignment(module.name, force=True, create=True)
        if not result.get("success"):
            raise CourseError(
                f"{module.name} : nbgrader generate_assignment a échoué :\n"
                f"{result.get('log', '')[-2000:]}{result.get('error', '')[-2000:]}"
            )
        path = self.release_path(module.name)
        text = path.read_text(encoding="utf-8")
        released_nb = nbformat.reads(text, as_version=4)
        formative_form = copy.deepcopy(released_nb) if evaluation else None
        if evaluation:
            leaks = answer_leaks(released_nb)
            if leaks:
                raise CourseError(
                    f"{module.name} : en séance évaluée, tout le notebook est ouvert ; ce texte, "
                    "placé après une question, en donne la réponse. Mettez le passage dans une "
                    'cellule marquée reveal="NOM_DE_LA_QUESTION" (montrée dans le retour de '
                    "correction) ou récrivez-le :\n- " + "\n- ".join(leaks)
                )
            echoes = reveal_echoes(released_nb)
            if echoes:
                raise CourseError(
                    f"{module.name} : en séance évaluée, un passage marqué reveal= est masqué "
                    "parce qu'il commente une réponse ; la même phrase, écrite ailleurs, la "
                    "montre quand même. Récrivez-la sans le raisonnement de la réponse, ou "
                    'marquez aussi ce passage reveal="NOM_DE_LA_QUESTION" :\n- '
                    + "\n- ".join(echoes)
                )
            to_evaluation(released_nb)
        else:  # reading the visible checks' messages must not answer a question by elimination
            encode_check_messages(released_nb)
        add_progress(released_nb, module, evaluation=evaluation)
        if self_paced is not None:
            to_self_paced(released_nb, module, settings=self_paced)
        for cell in released_nb.cells:
            if cell.metadata.get("nbgrader", {}).get("checksum"):
                cell.metadata.nbgrader["checksum"] = compute_checksum(cell)
        path.write_text(nbformat.writes(released_nb), encoding="utf-8")
        # The cells the build generates (header, progress table) hold the library's text,
        # never a solution: a solution line « guide » is not found in « guide de correction ».
        released_sources = "\n".join(
            cell.source for cell in released_nb.cells if GENERATED not in cell.metadata
        )
        leaked = [
            line
            for line in solution_lines(module) + hidden_test_lines(module)
            if line in released_sources
        ]
        if leaked:
            raise CourseError(
                f"{module.name} : la version étudiante contient des lignes de solution ou de "
                f"tests cachés : {leaked[:3]}"
            )
        if validate:
            executed = self._validate(path, invert=True, module=module.name)
            shown = output_leaks(formative_form, executed) if formative_form and executed else []
            if shown:
                raise CourseError(
                    f"{module.name} : en séance évaluée, tout le notebook est ouvert ; ces "
                    "cellules, exécutées sans aucune réponse, affichent la réponse d'une "
                    "question posée plus haut. Affichez ce résultat sous "
                    'if checks.passed("NOM_DE_LA_QUESTION") ou marquez la cellule '
                    'reveal="NOM_DE_LA_QUESTION" (masquée pendant la séance, montrée dans le '
                    "retour de correction). Ne distribuez pas cette version :\n- "
                    + "\n- ".join(shown)
                )

    def _gradebook_digest(self, module: str) -> str | None:
        """Digest of the cells the gradebook holds for ``module`` (None: not in the gradebook).

        Autograding reads the points and the checksums of the graded cells from
        the gradebook: a release is up to date only if they are still there.
        """
        url = self.db_url
        if url.startswith("sqlite:///") and not Path(url[10:]).is_file():
            return None  # never create a gradebook just to look into it
        with Gradebook(url, self.course_id) as gradebook:
            try:
                assignment = gradebook.find_assignment(module)
            except MissingEntry:
                return None
            cells = sorted(
                [
                    [notebook.name, "grade", cell.name, float(cell.max_score)]
                    for notebook in assignment.notebooks
                    for cell in notebook.grade_cells
                ]
                + [
                    [notebook.name, "source", cell.name, cell.checksum or ""]
                    for notebook in assignment.notebooks
                    for cell in notebook.source_cells
                ]
            )
        return _json_digest(cells) if cells else None

    # -- grading -------------------------------------------------------------------------
    def submitted_students(self, module: str) -> list[str]:
        """Students who have a submission of ``module`` in ``submitted/``."""
        base = self.root / "submitted"
        if not base.is_dir():
            return []
        return sorted(p.name for p in base.iterdir() if (p / module).is_dir())

    def enrolled(self) -> list[str]:
        """Students known to the gradebook (an empty list when there is no gradebook yet)."""
        if self.db_url.startswith("sqlite:///") and not Path(self.db_url[10:]).exists():
            return []
        with Gradebook(self.db_url, self.course_id) as gradebook:
            return sorted(student.id for student in gradebook.students)

    def grades(self, module: str, student: str) -> GradeReport:
        """Read one submission's grades from the gradebook."""
        with Gradebook(self.db_url, self.course_id) as gradebook:
            try:
                submission = gradebook.find_submission(module, student)
            except MissingEntry as error:
                raise CourseError(f"Pas de note pour {student} dans {module}.") from error
            grades = {
                grade.name: (float(grade.score), float(grade.max_score))
                for notebook in submission.notebooks
                for grade in notebook.grades
            }
            return GradeReport(
                student, module, float(submission.score), float(submission.max_score), grades
            )

    # -- student workspace ---------------------------------------------------------------
    def workspace(self, destination: str | Path) -> list[Path]:
        """Copy the released modules into a student workspace, never overwriting work.

        Parameters
        ----------
        destination : path-like
            The workspace folder (created if needed).

        Returns
        -------
        list of pathlib.Path
            Files copied this time (existing files are left untouched).
        """
        release = self.root / "release"
        if not release.is_dir() or not any(release.iterdir()):
            raise CourseError("Aucun module publié : lancez d'abord « esn-teach release ».")
        destination = Path(destination)
        copied = []
        for source in sorted(release.rglob("*")):
            if source.is_dir() or ".ipynb_checkpoints" in source.parts:
                continue
            target = destination / source.relative_to(release)
            if target.exists() and source not in self.course_pages():
                continue  # a student's work is never overwritten; the course pages are
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
            copied.append(target)
        return copied
