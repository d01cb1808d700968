"""The course pipeline: a thin layer over nbgrader's Python API."""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.apps.api import NbGraderAPI
from nbgrader.validator import Validator
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from esn_teach.course._errors import CourseError
from esn_teach.course._source import (
    HIDDEN_BEGIN,
    HIDDEN_END,
    SOLUTION_BEGIN,
    SOLUTION_END,
    ModuleSource,
    find_modules,
    match_module,
    read_module,
    resolve_module,
)

__all__ = ["Course", "GradeReport", "hidden_test_lines", "region_lines", "solution_lines"]

CONFIG_FILE = "nbgrader_config.py"


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

    Comments, short lines and lines that also occur outside the regions (such
    as a bare ``checks.check_number(``) are left out: they give nothing away.

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
    ]


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
        if names:
            paths = [resolve_module(self.notebooks, name) for name in names]
        else:
            paths = find_modules(self.notebooks)
            if not paths:
                raise CourseError(f"Aucun module dans {self.notebooks}.")
        return [read_module(path) for path in paths]

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
    def build(self, names: list[str] | None = None, *, validate: bool = True) -> list[ModuleSource]:
        """Generate nbgrader's ``source/`` from the module sources.

        Parameters
        ----------
        names : list of str, optional
            Modules to build (default: all).
        validate : bool, default=True
            Execute each solution with nbgrader's validator and require every
            test to pass.

        Returns
        -------
        list of ModuleSource

        Raises
        ------
        CourseError
            If a source is invalid or a solution fails its tests.
        """
        modules = self.modules(names)
        for module in modules:
            path = self.source_path(module.name)
            path.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(module.notebook, path)
            if validate:
                self._validate(path, invert=False, module=module.name)
        return modules

    def _validate(self, path: Path, *, invert: bool, module: str) -> None:
        validator = Validator(config=self.config())
        validator.invert = invert
        try:
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

    # -- release -------------------------------------------------------------------------
    def release(self, names: list[str] | None = None) -> list[Path]:
        """Generate the student versions with nbgrader ``generate_assignment``.

        Each student version is then checked: it contains no line of the
        solutions, and, executed as is, it fails every autograded test
        (nbgrader's ``validate --invert``).

        Parameters
        ----------
        names : list of str, optional
            Modules to release (default: all).

        Returns
        -------
        list of pathlib.Path
            The released notebooks.
        """
        modules = self.modules(names)
        api = self.api()
        released = []
        for module in modules:
            if not self.source_path(module.name).is_file():
                raise CourseError(
                    f"{module.name} n'a pas été construit : lancez d'abord « esn-teach build "
                    f"{module.name} »."
                )
            result = api.generate_assignment(module.name, force=True, create=True)
            if not result.get("success"):
                raise CourseError(
                    f"{module.name} : nbgrader generate_assignment a échoué :\n"
                    f"{result.get('log', '')[-2000:]}{result.get('error', '')[-2000:]}"
                )
            path = self.release_path(module.name)
            text = path.read_text(encoding="utf-8")
            released_nb = nbformat.reads(text, as_version=4)
            released_sources = "\n".join(cell.source for cell in released_nb.cells)
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
            self._validate(path, invert=True, module=module.name)
            released.append(path)
        return released

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
            if target.exists():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
            copied.append(target)
        return copied
