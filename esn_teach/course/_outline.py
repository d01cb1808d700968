"""What every module shows at its top: duration, neighbours, and the school's values.

The duration is *estimated*, not declared, so it cannot drift from the content:
:func:`estimate_duration` applies one documented heuristic (reading pace,
minutes per question, per explorer, per code cell) to the in-class part of a
module. The part after a heading « ## Après la séance » (homework: a written
reflection, further reading) is counted separately, and « ## Sources » onward
is reference material, not counted.

The school's values (its AFNOR-labelled criteria) are named exactly as the
school names them, numbered V1–V7: :data:`SCHOOL_VALUES`. :func:`values_problems`
finds every mention of « V1 »…« V7 » in a module that does not carry the
exact name, and a missing values box.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from nbformat import NotebookNode

from esn_teach.course._source import AFTER_CLASS_HEADING, REVEAL, SESSION

__all__ = [
    "AFTER_CLASS_HEADING",
    "CENS_PRINCIPLES",
    "COURSE_MAP",
    "GENERATED",
    "GLOSSARY",
    "MAX_SESSION_MINUTES",
    "SCHOOL_VALUES",
    "VALUES_BOX_TITLE",
    "Duration",
    "after_class_start",
    "course_map_markdown",
    "estimate_duration",
    "last_heading",
    "module_title",
    "module_values",
    "opens_sources",
    "outline_markdown",
    "question_titles",
    "tests_cells",
    "values_problems",
]

#: The school's values, in its order and exact wording.
SCHOOL_VALUES: dict[str, str] = {
    "V1": "Priorité à la relation humaine",
    "V2": "Ouverture et expérimentation",
    "V3": "Formation et accompagnement",
    "V4": "Prudence, esprit critique et inclusivité",
    "V5": "Utilisation responsable et éclairée",
    "V6": "Intégrité et transparence",
    "V7": "Partage et collaboration",
}

#: The principles of the ethics framework of the Délégation au numérique en santé (CENS).
CENS_PRINCIPLES: tuple[str, ...] = (
    "bienfaisance",
    "non-malfaisance",
    "autonomie",
    "justice",
    "écoresponsabilité",
)

#: Title (bold) opening the values box, a Markdown blockquote near the top of a module.
VALUES_BOX_TITLE = "Les valeurs de l'école dans ce module"


#: The school's format: one hour of AI a week.
MAX_SESSION_MINUTES = 60

#: Reading pace of study text (words per minute). Adults read English non-fiction
#: silently at 238 words per minute on average (Brysbaert, Journal of Memory and
#: Language, 2019); a student who stops to understand each definition, formula and
#: figure goes much slower. We first took 100; the twelve reviewers of the second
#: reading (December 2026: a health student and a lecturer per module) estimated
#: 65-80 min in class where 100 words/min and 6 min per question gave 55-60, so both
#: were lowered (80 and 7) until the estimates agree. A pilot session's timings
#: should replace these figures.
WORDS_PER_MINUTE = 80
#: An autograded question, for someone who has never programmed: read it, write one
#: line, run the check, perhaps open a hint, retry.
MINUTES_PER_QUESTION = 7.0
#: An explorer: try the controls and read what changes.
MINUTES_PER_EXPLORER = 5.0
#: A written reflection done during the session.
MINUTES_PER_REFLECTION = 15.0
#: Any other code cell: run it and read its output (a table, a figure).
MINUTES_PER_CODE_CELL = 1.0

_SOURCES = re.compile(r"^#{1,2} Sources\b", re.MULTILINE)
_DETAILS = re.compile(r"<details>.*?</details>", re.DOTALL)
_MARKUP = re.compile(r"<[^>]+>|\$[^$]*\$|[#*_`>|\[\]()]")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_EXPLORER = re.compile(r"\b(show_explorer|\w+Explorer)\(")
_VALUE = re.compile(r"\bV([1-7])\b")


@dataclass(frozen=True)
class Duration:
    """Estimated minutes of a module.

    Attributes
    ----------
    in_class : int
        The one-hour session's part, rounded up to 5 minutes.
    after_class : int
        Homework after the heading « ## Après la séance » (0 without it), rounded up to 5.
    words, questions, explorers, reflections, code_cells : int
        What the in-class estimate counted.
    folded_words : int
        Words of the in-class part folded under « <details> »: optional reading, left out
        of the estimate but reported (reviewers counted them: module 03's student read
        about 3 700 words where the estimate counted 1 925).
    """

    in_class: int
    after_class: int
    words: int
    questions: int
    explorers: int
    reflections: int
    code_cells: int
    folded_words: int = 0

    def describe(self) -> str:
        """Return the French sentence shown at the top of the module."""
        text = f"environ {self.in_class} min en séance"
        if self.after_class:
            text += f", puis environ {self.after_class} min après la séance"
        return text


def _round_up(minutes: float) -> int:
    return int(5 * math.ceil(minutes / 5 - 1e-9)) if minutes > 0 else 0


def _minutes(cells: list[NotebookNode], evaluated: bool = False) -> tuple[float, dict[str, int]]:
    counts = {
        "words": 0,
        "questions": 0,
        "explorers": 0,
        "reflections": 0,
        "code_cells": 0,
        "folded_words": 0,
    }
    for cell in cells:
        if GENERATED in cell.metadata:
            continue
        if evaluated and cell.cell_type == "markdown" and REVEAL in cell.metadata:
            # An evaluated release shows instead the same one-line note each time (« ce
            # passage… paraîtra dans votre retour »), read at a glance; the passage comes
            # back in the feedback, after the session.
            continue
        nbgrader = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "markdown":
            if nbgrader.get("solution"):  # a written answer: its guide is not read by students
                counts["reflections"] += 1
                continue
            text = _MARKUP.sub(" ", _DETAILS.sub(" ", cell.source))
            counts["words"] += len(_WORD.findall(text))
            for folded in _DETAILS.findall(cell.source):
                counts["folded_words"] += len(_WORD.findall(_MARKUP.sub(" ", folded)))
        elif cell.cell_type == "code":
            if nbgrader.get("grade"):
                counts["questions"] += 1
            elif nbgrader.get("solution"):
                continue  # the answer cell: counted with its question
            elif _EXPLORER.search(cell.source):
                counts["explorers"] += 1
            else:
                counts["code_cells"] += 1
    minutes = (
        counts["words"] / WORDS_PER_MINUTE
        + counts["questions"] * MINUTES_PER_QUESTION
        + counts["explorers"] * MINUTES_PER_EXPLORER
        + counts["reflections"] * MINUTES_PER_REFLECTION
        + counts["code_cells"] * MINUTES_PER_CODE_CELL
    )
    return minutes, counts


def opens_sources(cell: NotebookNode) -> bool:
    """Tell whether ``cell`` opens the reference part of a module (« ## Sources »)."""
    return cell.cell_type == "markdown" and bool(_SOURCES.search(cell.source))


def after_class_start(notebook: NotebookNode) -> int | None:
    """Return the index of the cell that opens a module's after-class part, if it has one.

    The after-class part starts at the first Markdown cell beginning with
    :data:`AFTER_CLASS_HEADING` (« ## Après la séance »), looked for before the
    reference material (« ## Sources »); every cell before it is the in-class
    part. :func:`estimate_duration` and the in-class grade export
    (``esn-teach export --partie seance``) both split a module here.

    Parameters
    ----------
    notebook : nbformat.NotebookNode
        A module notebook: the nbgrader source (``source/NN_…/NN_….ipynb``) or
        any version built from it.

    Returns
    -------
    int or None
        ``None`` when the module has no after-class part.
    """
    for index, cell in enumerate(notebook.cells):
        if opens_sources(cell):
            return None
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith(AFTER_CLASS_HEADING):
            return index
    return None


def estimate_duration(notebook: NotebookNode) -> Duration:
    """Estimate how long a module takes, in class and after.

    Parameters
    ----------
    notebook : nbformat.NotebookNode
        The module's nbgrader source notebook (as :func:`read_module` builds it).

    Returns
    -------
    Duration
    """
    cells = list(notebook.cells)
    end = next(
        (i for i, cell in enumerate(cells) if opens_sources(cell)),
        len(cells),
    )
    start = after_class_start(notebook)
    split = end if start is None else start
    in_class, after = cells[:split], cells[split:end]
    evaluated = notebook.metadata.get(SESSION) == "evaluation"
    minutes, counts = _minutes(in_class, evaluated)
    after_minutes, _ = _minutes(after, evaluated)
    return Duration(in_class=_round_up(minutes), after_class=_round_up(after_minutes), **counts)


def values_problems(notebook: NotebookNode) -> list[str]:
    """List, in French, what is wrong with how a module names the school's values.

    Every « Vn » must be followed by « — » or « ( » and the exact name of value n,
    and the module must open a values box (a blockquote titled
    :data:`VALUES_BOX_TITLE`) naming at least one value.

    Parameters
    ----------
    notebook : nbformat.NotebookNode

    Returns
    -------
    list of str
        Empty when everything is right.
    """
    problems = []
    has_box = False
    for index, cell in enumerate(notebook.cells, start=1):
        if cell.cell_type != "markdown":
            continue
        text = cell.source
        if VALUES_BOX_TITLE in text and _VALUE.search(text):
            has_box = True
        for found in _VALUE.finditer(text):
            key = f"V{found.group(1)}"
            after = text[found.end() : found.end() + 80]
            name = SCHOOL_VALUES[key]
            seen = " ".join(after[:40].split())
            if not re.match(rf"\s*(—|-|\(|:)\s*\**{re.escape(name)}\b", after):
                problems.append(
                    f"cellule {index} : « {key} » doit être suivi de son nom exact, "
                    f"« {key} — {name} » (trouvé : « {key}{seen} »)."
                )
    if not has_box:
        problems.append(
            f"pas d'encadré « {VALUES_BOX_TITLE} » (une citation Markdown qui nomme les valeurs "
            "servies, V1 à V7, avec leur nom exact)."
        )
    return problems


#: Files the release writes beside the modules, linked from every module's header.
COURSE_MAP = "carte_du_cours.ipynb"
GLOSSARY = "glossaire.ipynb"

#: Metadata marking the cells the build adds (header, « Vérification » prompts).
GENERATED = "esn_generated"

#: A markdown heading line, its text without a trailing « (2 points) ».
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*(?:\([^()]*\bpoints?\b[^()]*\))?\s*$")


def last_heading(source: str) -> str:
    """Return the text of the last heading of a markdown cell (``""`` when it has none)."""
    found = [m.group(1) for line in source.splitlines() if (m := _HEADING.match(line))]
    return found[-1].strip(" #") if found else ""


def tests_cells(notebook: NotebookNode) -> list[tuple[int, str]]:
    """Return the indices and answer names of the visible verification cells, in order."""
    found = []
    for index, cell in enumerate(notebook.cells):
        meta = cell.metadata.get("nbgrader", {})
        grade_id = meta.get("grade_id", "")
        if cell.cell_type == "code" and meta.get("grade") and grade_id.endswith("_tests"):
            found.append((index, grade_id.removesuffix("_tests")))
    return found


def question_titles(notebook: NotebookNode) -> dict[str, str]:
    """Return each question's title: the last heading above its verification cell.

    Answers checked under one heading (module 06's question 5 asks two numbers) get
    their rank: « Question 5 — … (réponse 1 sur 2) ». The progress table listed two
    identical rows (module 06's lecturer, d23), and a student could not tell which one
    a passed check had filled.
    """
    titles, heading = {}, ""
    tests = dict((index, name) for index, name in tests_cells(notebook))
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "markdown":
            heading = last_heading(str(cell.source)) or heading
        if index in tests:
            titles[tests[index]] = heading or tests[index]
    shared: dict[str, list[str]] = {}
    for name, title in titles.items():
        shared.setdefault(title, []).append(name)
    for title, names in shared.items():
        if len(names) > 1:
            for rank, name in enumerate(names, start=1):
                titles[name] = f"{title} (réponse {rank} sur {len(names)})"
    return titles


_TITLE = re.compile(r"^#\s+(?P<title>.+?)\s*$", re.MULTILINE)


def module_title(notebook: NotebookNode, fallback: str) -> str:
    """Return the module's title: the first level-1 heading of its Markdown cells."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown" and (found := _TITLE.search(str(cell.source))):
            return found["title"]
    return fallback


def _link(name: str, title: str) -> str:
    return f"[{title}](../{name}/{name}.ipynb)"


def outline_markdown(
    duration: Duration,
    *,
    previous: tuple[str, str] | None,
    following: tuple[str, str] | None,
    evaluation: bool = False,
) -> str:
    """Return the French header the build places under a module's first cell.

    Parameters
    ----------
    duration : Duration
        From :func:`estimate_duration`.
    previous, following : (name, title) or None
        The neighbouring modules in the course order.
    evaluation : bool, default=False
        The evaluated version: its checks say whether an answer is given and well
        formed, never whether it is right.

    Returns
    -------
    str
        Markdown: the estimated duration, then links to the neighbours, the course map and
        the glossary, then how to read the checks' messages.
    """
    lines = [f"**Durée estimée** : {duration.describe()}."]
    links = []
    if previous is not None:
        links.append(f"module précédent : {_link(*previous)}")
    if following is not None:
        links.append(f"module suivant : {_link(*following)}")
    links.append(f"[carte du cours](../{COURSE_MAP})")
    links.append(f"[glossaire](../{GLOSSARY})")
    lines.append("**Se repérer** : " + " ; ".join(links) + ".")
    # Reviews 13 and 14 d20: a wrong answer shows in a red box (the check raises, as
    # nbgrader needs), a partly right one as a plain ✘ line; students took red for a crash.
    # Review 05 d20: « ✔ veut dire juste » above checks that only record the answer.
    meaning = (
        "« → Réponse enregistrée » veut dire que votre réponse est enregistrée et bien écrite, "
        "**pas** qu'elle est juste (votre retour de correction le dira) ; ✘ veut dire qu'elle "
        "manque ou est mal écrite, avec la raison"
        if evaluation
        else "✔ veut dire juste ; ✘ veut dire à revoir, avec la raison"
    )
    lines.append(
        f"**Lire les vérifications** : {meaning}. Un message ✘ sur fond rouge n'est pas une "
        "panne du notebook : lisez-le, corrigez votre réponse, puis réexécutez la cellule de "
        "réponse et sa vérification."
    )
    return "\n\n".join(lines)


def module_values(notebook: NotebookNode) -> list[str]:
    """Return the values (``"V1"``…) named in the module's values box, in order."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown" and VALUES_BOX_TITLE in cell.source:
            return sorted({f"V{n}" for n in _VALUE.findall(cell.source)})
    return []


def course_map_markdown(authored: str, modules: list[tuple[str, str, Duration, list[str]]]) -> str:
    """Return the course map: the authored page, then the table of modules.

    Parameters
    ----------
    authored : str
        ``notebooks/pages/carte_du_cours.md``.
    modules : list of (name, title, duration, values)
        In course order.

    Returns
    -------
    str
    """
    rows = [
        "## Les modules",
        "",
        "Durées estimées par le cours lui-même (lecture, questions, explorateurs). Les valeurs de "
        "l'école servies par chaque module : "
        + " ; ".join(f"{key} — {name}" for key, name in SCHOOL_VALUES.items())
        + ".",
        "",
        "| Module | En séance | Après la séance | Valeurs de l'école |",
        "|---|---|---|---|",
    ]
    for name, title, duration, values in modules:
        after = f"{duration.after_class} min" if duration.after_class else "—"
        rows.append(
            f"| [{title}]({name}/{name}.ipynb) | {duration.in_class} min | {after} | "
            f"{', '.join(values) or '—'} |"
        )
    return authored.rstrip() + "\n\n" + "\n".join(rows) + "\n"
