"""What a released module adds for learners: its progress table, and in self-paced mode, solutions.

Every student version (formative, evaluated, self-paced) gets, under its header,
a cell showing the learner's progress (:func:`esn_teach.checks.show_progress`),
and each visible verification is wrapped in :func:`esn_teach.checks.question`,
which records its outcome. nbgrader puts the instructor's test cells back before
grading, so neither changes a grade.

The **self-paced** release (``esn-teach release --autonome``) is for learners who
work alone: under each question, a « Voir la solution » button that opens once
the learner has tried (:data:`esn_teach.checks.ATTEMPTS_BEFORE_SOLUTION`
verifications, or a correct answer), and at the end a cell that grades the saved
notebook with ``esn-teach selfgrade``. For that, the notebook's metadata carries
the module's source and the few course settings grading depends on
(:class:`SelfGradeSettings`), compressed: a self-paced release holds its
solutions (it is for learning; the graded releases never do).

Anyone can hand a learner a notebook, so what it carries is **data, never
code**: plain values of checked types and ranges, from which ``selfgrade``
writes its temporary course's configuration itself. Copies of the first format,
which carried the course's ``nbgrader_config.py`` as text, are refused.
"""

from __future__ import annotations

import ast
import json
import re
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass

import nbformat
from nbformat import NotebookNode
from nbgrader.preprocessors import ClearSolutions, Execute
from traitlets.config import Config

from esn_teach._formatting import fr_count
from esn_teach.checks import (
    ATTEMPTS_BEFORE_SOLUTION,
    EVALUATED_PROGRESS,
    decode_text,
    encode_text,
)
from esn_teach.course._errors import CourseError
from esn_teach.course._outline import (
    GENERATED,
    estimate_duration,
    question_titles,
    tests_cells,
)
from esn_teach.course._source import (
    MODULE_NAME,
    SOLUTION_BEGIN,
    SOLUTION_END,
    ModuleSource,
    session_text,
)

__all__ = [
    "EVALUATED_PROGRESS",
    "METADATA_KEY",
    "SELF_PACED",
    "SELF_PACED_BANNER",
    "SelfGradeSettings",
    "SelfPacedPayload",
    "add_progress",
    "course_progress_cells",
    "read_self_paced",
    "to_self_paced",
]

#: The key of esn-teach's entry in a released notebook's metadata.
METADATA_KEY = "esn_teach"

#: The release mode recorded in that entry.
SELF_PACED = "autonome"

#: What a self-paced release says at its top.
_TRIES = {2: "deux", 3: "trois"}.get(ATTEMPTS_BEFORE_SOLUTION, str(ATTEMPTS_BEFORE_SOLUTION))

SELF_PACED_BANNER = (
    "**Parcours en autonomie.** Chaque question a ses indices, puis un bouton « Voir la "
    f"solution » : il se débloquera quand vous aurez essayé {_TRIES} réponses différentes avec "
    "la cellule de vérification, ou dès que votre réponse sera juste. Pourquoi attendre ? Le "
    "message de vérification indique souvent votre erreur ; en la corrigeant vous-même, vous "
    "retiendrez mieux la notion, et la solution sert quand ce message et les indices n'ont pas "
    "suffi. Sous chaque réflexion rédigée, un guide vous permet d'évaluer vous-même votre "
    "texte : quand le module dit que la réflexion est notée par l'enseignant, c'est ici vous "
    "qui l'évaluez. Votre progression (tableau ci-dessous) est enregistrée dans vos fichiers et "
    "n'est envoyée à personne. À la fin, un bouton corrige automatiquement vos réponses, avec "
    "le même correcteur que celui de l'enseignant : c'est un entraînement, qui ne compte pas "
    "pour un certificat. « En séance » et « après la séance » désignent ici les deux parties "
    "du module, à faire à votre rythme."
)


_PROGRESS_NOTE = (
    "# Votre progression dans ce module : exécutez cette cellule une fois. Le tableau se met\n"
    "# ensuite à jour tout seul à chaque vérification."
)

_SOLUTION_NOTE = (
    "# Voir la solution : exécutez cette cellule, puis cliquez sur le bouton. Il se débloquera\n"
    f"# quand vous aurez essayé {_TRIES} réponses différentes, ou dès que la vôtre sera juste."
)

_GUIDE_NOTE = (
    "# Guide d'auto-évaluation : écrivez d'abord votre réflexion, puis exécutez cette cellule\n"
    "# et cliquez sur le bouton pour comparer votre texte au guide des enseignants."
)

_SELFGRADE_HEADING = "## Vous corriger"

# Bounds of the settings a self-paced notebook may carry.
_MAX_TIMEOUT = 3600
_MAX_STUB = 1000
_MAX_LANGUAGES = 20
_MAX_COURSE_ID = 100
_LANGUAGE = re.compile(r"[A-Za-z0-9_+#.-]{1,40}")

_OLD_FORMAT = (
    "Cette copie vient d'une ancienne version de la publication en autonomie, que "
    "l'autocorrection ne lit plus (elle emportait la configuration du cours sous forme de "
    "programme, qu'il ne faut pas exécuter) : téléchargez une nouvelle copie du module depuis "
    "le cours et reportez-y vos réponses. Rien n'a été corrigé."
)


@dataclass(frozen=True)
class SelfGradeSettings:
    """The course settings ``esn-teach selfgrade`` needs, carried as data by a self-paced copy.

    ``selfgrade`` rebuilds the module in a temporary course and writes that
    course's configuration from these values; it never runs anything the
    notebook carries.

    Attributes
    ----------
    course_id : str
        The course id (``CourseDirectory.course_id``; the temporary gradebook's).
    timeout : int
        Seconds allowed to each cell (``Execute.timeout``), from 1 to 3600.
    code_stub : tuple of (str, str)
        What replaces a solution in a code cell, per kernel language
        (``ClearSolutions.code_stub``), as ``(language, stub)`` pairs.
    text_stub : str
        What replaces a solution in a written answer (``ClearSolutions.text_stub``).
    """

    course_id: str
    timeout: int
    code_stub: tuple[tuple[str, str], ...]
    text_stub: str

    @classmethod
    def from_config(cls, config: Config, *, course_id: str) -> SelfGradeSettings:
        """Return the settings in effect in a course's configuration, checked.

        Parameters
        ----------
        config : traitlets.config.Config
            The course's configuration (:meth:`esn_teach.course.Course.config`).
        course_id : str
            The course id (:attr:`esn_teach.course.Course.course_id`).

        Raises
        ------
        CourseError
            If a value could not be carried by a self-paced copy (in French).
        """
        stubs = ClearSolutions(config=config)
        data = {
            "course_id": course_id,
            "timeout": Execute(config=config).timeout,
            "code_stub": dict(stubs.code_stub),
            "text_stub": stubs.text_stub,
        }
        try:
            return cls.from_data(data)
        except ValueError as error:
            raise CourseError(
                "La configuration du cours (nbgrader_config.py) ne convient pas à une "
                f"publication en autonomie : {error}. Corrigez Execute.timeout, "
                "ClearSolutions.code_stub, ClearSolutions.text_stub ou CourseDirectory.course_id, "
                "puis relancez la publication."
            ) from error

    @classmethod
    def from_data(cls, data: object) -> SelfGradeSettings:
        """Check the settings read from a notebook (JSON values); raise ValueError if wrong.

        Every key must be known and present, every value of the expected type and
        within its bounds; the error says which one is not, in French.
        """
        if not isinstance(data, dict):
            raise ValueError("réglages absents ou illisibles")
        expected = ("course_id", "timeout", "code_stub", "text_stub")
        unknown = sorted(str(key)[:40] for key in data if key not in expected)
        if unknown:
            raise ValueError(f"réglage inconnu : {', '.join(unknown)}")
        missing = [key for key in expected if key not in data]
        if missing:
            raise ValueError(f"réglage manquant : {', '.join(missing)}")
        course_id, timeout = data["course_id"], data["timeout"]
        if (
            not isinstance(course_id, str)
            or len(course_id) > _MAX_COURSE_ID
            or not course_id.isprintable()
            or "/" in course_id
            or "\\" in course_id
        ):
            raise ValueError(
                "réglage « course_id » invalide : un identifiant de cours d'au plus "
                f"{_MAX_COURSE_ID} caractères, sans « / » ni « \\ », est attendu"
            )
        if isinstance(timeout, bool) or not isinstance(timeout, int):
            raise ValueError(
                "réglage « timeout » invalide : un nombre entier de secondes est attendu, "
                f"pas {_kind(timeout)}"
            )
        if not 1 <= timeout <= _MAX_TIMEOUT:
            raise ValueError(
                f"réglage « timeout » invalide : {timeout} s, alors qu'il doit être compris "
                f"entre 1 et {fr_count(_MAX_TIMEOUT)} secondes"
            )
        code_stub = data["code_stub"]
        if not isinstance(code_stub, dict) or not 1 <= len(code_stub) <= _MAX_LANGUAGES:
            raise ValueError(
                "réglage « code_stub » invalide : un dictionnaire langage → texte (de 1 à "
                f"{_MAX_LANGUAGES} langages) est attendu"
            )
        for language, stub in code_stub.items():
            if not isinstance(language, str) or not _LANGUAGE.fullmatch(language):
                raise ValueError(f"réglage « code_stub » invalide : langage {str(language)[:40]!r}")
            _check_stub(f"code_stub[{language!r}]", stub)
        _check_stub("text_stub", data["text_stub"])
        return cls(course_id, timeout, tuple(sorted(code_stub.items())), data["text_stub"])

    def to_data(self) -> dict[str, object]:
        """Return the settings as JSON values (what :meth:`from_data` reads back)."""
        return {
            "course_id": self.course_id,
            "timeout": self.timeout,
            "code_stub": dict(self.code_stub),
            "text_stub": self.text_stub,
        }


def _kind(value: object) -> str:
    """Name the JSON type of ``value`` in French, for an error message."""
    kinds = {str: "une chaîne de caractères", bool: "un booléen", float: "un nombre décimal"}
    kinds |= {list: "une liste", dict: "un dictionnaire", type(None): "une valeur vide"}
    return kinds.get(type(value), f"une valeur de type {type(value).__name__}")


def _check_stub(name: str, stub: object) -> None:
    if not isinstance(stub, str):
        raise ValueError(f"réglage « {name} » invalide : un texte est attendu, pas {_kind(stub)}")
    if len(stub) > _MAX_STUB:
        raise ValueError(
            f"réglage « {name} » invalide : {fr_count(len(stub))} caractères, au plus "
            f"{fr_count(_MAX_STUB)} attendus"
        )


@dataclass(frozen=True)
class SelfPacedPayload:
    """What a self-paced notebook carries for ``esn-teach selfgrade`` (checked data only).

    Attributes
    ----------
    module : str
        The module's name (a file name, checked).
    source : str
        The module's jupytext source.
    settings : SelfGradeSettings
    """

    module: str
    source: str
    settings: SelfGradeSettings


def _generated(cell: NotebookNode, kind: str) -> NotebookNode:
    cell.metadata[GENERATED] = kind
    return cell


_GUIDE_TITLE = re.compile(r"^\*Guide de correction[^*]*\*\s*:?\s*")


def _wrap(source: str, module: str, name: str, *, evaluation: bool) -> str:
    """Wrap a verification cell in ``checks.question``; refuse if indenting changes its meaning."""
    option = ", evaluation=True" if evaluation else ""
    wrapped = f"with checks.question({module!r}, {name!r}{option}):\n" + textwrap.indent(
        source.rstrip("\n") or "pass", "    ", lambda line: True
    )
    try:
        original = ast.dump(ast.parse(source))
        inner = ast.parse(wrapped).body[0]
    except SyntaxError as error:
        raise CourseError(
            f"{module} : la cellule de vérification de « {name} » n'est pas du Python valide "
            f"({error.msg}, ligne {error.lineno})."
        ) from error
    if not isinstance(inner, ast.With) or ast.dump(ast.Module(inner.body, [])) != original:
        raise CourseError(
            f"{module} : la cellule de vérification de « {name} » contient une chaîne sur "
            "plusieurs lignes ; l'enregistrement de la progression la modifierait. Écrivez-la "
            "sur une ligne (ou avec « \\n »)."
        )
    return wrapped


def add_progress(notebook: NotebookNode, module: ModuleSource, *, evaluation: bool) -> None:
    """Add the progress table and wrap every visible verification, in place.

    Parameters
    ----------
    notebook : nbformat.NotebookNode
        A student version produced by nbgrader (its checks already final).
    module : ModuleSource
        Its source.
    evaluation : bool
        An evaluated release: a passing check is recorded as answered, not correct.
    """
    questions = question_titles(notebook)
    # An evaluated session keeps its own record: practising later in the formative version
    # must not read « répondue (corrigée après la remise) » for questions never tried there.
    key = f"{module.name}{EVALUATED_PROGRESS}" if evaluation else module.name
    for index, name in tests_cells(notebook):
        cell = notebook.cells[index]
        cell.source = _wrap(cell.source, key, name, evaluation=evaluation)
    duration = estimate_duration(module.notebook)
    minutes = duration.in_class + duration.after_class
    reflections = f", reflections={len(module.written)}" if module.written else ""
    # As the header says it: the in-class part, then what comes after the session.
    split = f", in_class={duration.in_class}" if duration.after_class else ""
    cell = nbformat.v4.new_code_cell(
        f"{_PROGRESS_NOTE}\nfrom esn_teach import checks\n\n"
        f"checks.show_progress({key!r}, {questions!r}, minutes={minutes}"
        f"{reflections}{split})",
        id="esn-progress",
    )
    position = next(
        (i + 1 for i, c in enumerate(notebook.cells) if c.metadata.get(GENERATED) == "outline"), 1
    )
    notebook.cells.insert(position, _generated(cell, "progress"))


def course_progress_cells(modules: dict[str, dict[str, object]]) -> list[NotebookNode]:
    """Return the course map's progress section: a heading and the cell showing the table.

    Parameters
    ----------
    modules : dict
        Module name → ``{"title", "questions", "minutes"}``, in course order.
    """
    heading = nbformat.v4.new_markdown_cell(
        "## Votre progression\n\nExécutez la cellule ci-dessous : pour chaque module, les "
        "questions faites et justes et votre temps d'activité, lus dans vos fichiers (rien ne "
        "quitte votre ordinateur ou votre compte)."
    )
    entries = "".join(f"        {name!r}: {info!r},\n" for name, info in modules.items())
    table = nbformat.v4.new_code_cell(
        f"from esn_teach import checks\n\nchecks.course_progress(\n    {{\n{entries}    }}\n)"
    )
    return [_generated(heading, "progress"), _generated(table, "progress")]


def _solution_code(module: ModuleSource, name: str) -> str:
    """Return the solution region of an answer cell, without its markers."""
    for cell in module.notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == name and cell.cell_type == "code":
            lines = cell.source.splitlines()
            begin = next(i for i, line in enumerate(lines) if line.strip() == SOLUTION_BEGIN)
            end = next(i for i, line in enumerate(lines) if line.strip() == SOLUTION_END)
            return textwrap.dedent("\n".join(lines[begin + 1 : end]))
    raise CourseError(f"{module.name} : pas de cellule de réponse pour « {name} ».")


def _marking_guide(module: ModuleSource, name: str) -> str:
    """Return the marking guide of a written reflection (its solution region), as Markdown."""
    for cell in module.notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == name:
            lines = str(cell.source).splitlines()
            inside, kept = False, []
            for line in lines:
                if line.strip() == SOLUTION_BEGIN:
                    inside = True
                elif line.strip() == SOLUTION_END:
                    inside = False
                elif inside:
                    kept.append(line)
            # Its title says it is for teachers and never released: here it is, on purpose.
            return _GUIDE_TITLE.sub("", "\n".join(kept).strip(), count=1).strip()
    raise CourseError(f"{module.name} : pas de réflexion « {name} ».")


def to_self_paced(
    notebook: NotebookNode, module: ModuleSource, *, settings: SelfGradeSettings
) -> int:
    """Turn a released notebook, in place, into its self-paced version; return the buttons added.

    Call it after :func:`add_progress`.

    Parameters
    ----------
    notebook : nbformat.NotebookNode
        The student version produced by nbgrader.
    module : ModuleSource
        Its source (the solutions come from it).
    settings : SelfGradeSettings
        The course settings carried, as data, for ``esn-teach selfgrade``.

    Returns
    -------
    int
        The number of « Voir la solution » buttons.
    """
    tests = tests_cells(notebook)
    for index, name in reversed(tests):
        encoded = encode_text(_solution_code(module, name))
        cell = nbformat.v4.new_code_cell(
            f"{_SOLUTION_NOTE}\nchecks.solution_button({module.name!r}, {name!r}, {encoded!r})",
            id=f"esn-solution-{name}"[:64],
        )
        notebook.cells.insert(index + 1, _generated(cell, "solution"))
    for index, cell in reversed(list(enumerate(notebook.cells))):
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "markdown" and meta.get("solution") and meta.get("grade"):
            name = meta["grade_id"]
            guide = nbformat.v4.new_code_cell(
                f"{_GUIDE_NOTE}\nchecks.guide_button({module.name!r}, {name!r}, "
                f"{encode_text(_marking_guide(module, name))!r})",
                id=f"esn-guide-{name}"[:64],
            )
            notebook.cells.insert(index + 1, _generated(guide, "guide"))
    banner = nbformat.v4.new_markdown_cell(SELF_PACED_BANNER, id="esn-self-paced")
    notebook.cells.insert(1, _generated(banner, "self-paced"))
    notebook.cells.append(
        _generated(
            nbformat.v4.new_markdown_cell(
                f"{_SELFGRADE_HEADING}\n\nQuand vous avez fini, **enregistrez** le notebook "
                "(Ctrl + S), exécutez la cellule ci-dessous, puis cliquez sur « Corriger mon "
                "notebook enregistré ». Votre notebook enregistré est réexécuté du début et ses "
                "questions sont notées par le même correcteur automatique que celui de "
                "l'enseignant (mêmes tests, même note), en une minute environ ; un fichier de "
                "retour détaillé apparaît dans le même dossier (ouvrez-le depuis l'explorateur "
                "de fichiers, à gauche). La réflexion rédigée n'est pas notée automatiquement : "
                "comparez-la au guide d'auto-évaluation. C'est un entraînement : cette note ne "
                "compte pas pour un certificat.",
                id="esn-selfgrade-intro",
            ),
            "selfgrade",
        )
    )
    notebook.cells.append(
        _generated(
            nbformat.v4.new_code_cell(
                "# Correction du notebook enregistré : exécutez, puis cliquez sur le bouton.\n"
                f"checks.selfgrade_button({module.name + '.ipynb'!r})",
                id="esn-selfgrade",
            ),
            "selfgrade",
        )
    )
    payload = {
        "module": module.name,
        # The formative version alone: an evaluated session's cases, keys and hidden tests
        # never travel in a self-paced copy (review 09 d19: they were only encoded).
        "source": session_text(module.path.read_text("utf-8"), "formative"),
        "settings": settings.to_data(),
    }
    notebook.metadata[METADATA_KEY] = {
        "mode": SELF_PACED,
        "module": module.name,
        "selfgrade": encode_text(json.dumps(payload, ensure_ascii=False)),
    }
    return len(tests)


def read_self_paced(notebook: NotebookNode) -> SelfPacedPayload:
    """Return what a self-paced notebook carries for ``esn-teach selfgrade``, checked.

    Nothing in it is executed: the module's source is data for nbgrader, and the
    settings are values of checked types and ranges (:class:`SelfGradeSettings`).

    Parameters
    ----------
    notebook : nbformat.NotebookNode

    Returns
    -------
    SelfPacedPayload

    Raises
    ------
    CourseError
        If the notebook is not a self-paced release, comes from the former format
        (which carried the course's configuration as a program), or what it
        carries is damaged or out of bounds.
    """
    entry = notebook.get("metadata", {}).get(METADATA_KEY)
    if not isinstance(entry, dict) or entry.get("mode") != SELF_PACED:
        raise CourseError(
            "Ce notebook ne vient pas d'une publication en autonomie : l'autocorrection "
            "(esn-teach selfgrade) n'est possible que sur un module publié avec "
            "« esn-teach release --autonome ». Remettez votre copie à votre enseignant."
        )
    try:
        payload = json.loads(decode_text(str(entry.get("selfgrade", ""))))
        if not isinstance(payload, dict):
            raise ValueError("champs manquants")
    except Exception as error:
        raise _damaged(error) from error
    if "config" in payload:  # the former format: a program, never to be run
        raise CourseError(_OLD_FORMAT)
    try:
        return _checked_payload(payload)
    except ValueError as error:
        raise _damaged(error) from error


def _damaged(error: Exception) -> CourseError:
    return CourseError(
        "Les informations de correction de ce notebook sont abîmées (métadonnées "
        f"« {METADATA_KEY} » modifiées ?) : récupérez une copie neuve du module et "
        f"reportez-y vos réponses. Détail : {error}"
    )


def _checked_payload(payload: Mapping[str, object]) -> SelfPacedPayload:
    """Check the decoded payload's keys and values; raise ValueError (French) if wrong."""
    fields = ("module", "source", "settings")
    unknown = sorted(str(key)[:40] for key in payload if key not in fields)
    if unknown:
        raise ValueError(f"champ inconnu : {', '.join(unknown)}")
    module, source = payload.get("module"), payload.get("source")
    if not isinstance(module, str) or not isinstance(source, str) or "settings" not in payload:
        raise ValueError("champs manquants")
    if not MODULE_NAME.fullmatch(module):  # it names a file: no path in it
        raise ValueError(f"nom de module invalide : {module[:60]!r}")
    return SelfPacedPayload(module, source, SelfGradeSettings.from_data(payload["settings"]))
