"""Build and release redo only what changed, and never skip a module after a failure.

The solutions are not executed here (``Course._validate`` is replaced by a recorder,
so no kernel starts): what is tested is the decision to run a step or not. nbgrader's
``generate_assignment`` and the gradebook are real. The end-to-end check with real
kernels is in tests/test_cli.py.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from esn_fixtures import make_course

import esn_teach
from esn_teach.course import Course, CourseError, StepResult, _pipeline, library_digest

# Each test builds and releases a real course (several seconds): make test, not make check.
pytestmark = pytest.mark.slow

SOURCE = """# %% [markdown]
# # {title}

# %%
from esn_teach import checks

# %% answer="x"
x = ...
### BEGIN SOLUTION
x = 1
### END SOLUTION

# %% tests="x" points=1
checks.check_number(x, name="x", expected=1)
"""
MODULES = ("01_mini", "02_autre")


@dataclass
class Bench:
    """A two-module course whose library digest is computed on a copy of esn_teach."""

    course: Course
    notebooks: Path
    library: Path
    validated: list[tuple[str, bool]] = field(default_factory=list)
    failing: set[str] = field(default_factory=set)

    def run(self, **options: bool) -> tuple[dict[str, str], dict[str, str]]:
        """Build then release every module; return {module: reason} of what each redid."""
        built: list[StepResult] = []
        released: list[StepResult] = []
        validate = options.pop("validate", True)
        self.course.build(validate=validate, progress=built.append, **options)
        self.course.release(progress=released.append, **options)
        assert [step.module.name for step in built] == list(MODULES)
        assert [step.module.name for step in released] == list(MODULES)
        return (
            {s.module.name: s.reason for s in built if s.rebuilt},
            {s.module.name: s.reason for s in released if s.rebuilt},
        )

    def stamp(self, module: str, step: str) -> Path:
        return self.course.stamp_path(module, step)


def _layout(base: Path) -> None:
    """Two module sources, a copy of esn_teach and an empty course under ``base``."""
    notebooks = base / "notebooks"
    notebooks.mkdir(parents=True)
    for name in MODULES:
        (notebooks / f"{name}.py").write_text(SOURCE.format(title=name), encoding="utf-8")
    shutil.copytree(
        _pipeline.LIBRARY_ROOT,
        base / "esn_teach",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    make_course(base / "grading")


def _bench(base: Path, monkeypatch: pytest.MonkeyPatch) -> Bench:
    monkeypatch.setattr(_pipeline, "LIBRARY_ROOT", base / "esn_teach")
    bench = Bench(
        Course(base / "grading", base / "notebooks"), base / "notebooks", base / "esn_teach"
    )

    def validate(self: Course, path: Path, *, invert: bool, module: str) -> None:
        bench.validated.append((module, invert))
        if module in bench.failing:
            raise CourseError(f"{module} : la solution échoue à ses propres tests (simulé)")

    monkeypatch.setattr(Course, "_validate", validate)
    return bench


@pytest.fixture
def bench(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Bench:
    """The two modules, never built."""
    _layout(tmp_path)
    return _bench(tmp_path, monkeypatch)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two modules built and released once per test module (a fresh gradebook costs 2 s)."""
    base = tmp_path_factory.mktemp("incremental")
    _layout(base)
    with pytest.MonkeyPatch.context() as monkeypatch:
        bench = _bench(base, monkeypatch)
        assert bench.run() == (
            dict.fromkeys(MODULES, "aucune construction réussie enregistrée"),
            dict.fromkeys(MODULES, "aucune publication réussie enregistrée"),
        )
        assert sorted(bench.validated) == sorted(
            (name, invert) for name in MODULES for invert in (False, True)
        )
    return base


@pytest.fixture
def built(template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Bench:
    """A copy of the built and released template: everything is up to date."""
    shutil.copytree(template, tmp_path / "copy")
    return _bench(tmp_path / "copy", monkeypatch)


def _outputs(course: Course) -> dict[str, tuple[bytes, int]]:
    """Content and modification time of every file build and release wrote."""
    return {
        str(path.relative_to(course.root)): (path.read_bytes(), path.stat().st_mtime_ns)
        for folder in ("source", "release")
        for path in sorted((course.root / folder).rglob("*"))
        if path.is_file()
    }


def test_nothing_changed_nothing_runs(built: Bench, monkeypatch):
    before = _outputs(built.course)

    def never(*args, **kwargs):
        raise AssertionError("an up-to-date module was built or released again")

    monkeypatch.setattr(Course, "_build_module", never)
    monkeypatch.setattr(Course, "_release_module", never)
    monkeypatch.setattr(_pipeline, "Validator", never)
    assert built.run() == ({}, {})
    assert built.validated == []
    assert _outputs(built.course) == before  # not even rewritten with the same bytes


def test_only_content_counts_not_modification_times(built: Bench):
    for path in [*built.notebooks.iterdir(), *(built.course.root / "release").rglob("*.ipynb")]:
        path.touch()
    (built.course.root / "nbgrader_config.py").touch()
    (built.library / "checks" / "__init__.py").touch()
    assert built.run() == ({}, {})


def _edit_source(bench: Bench, monkeypatch: pytest.MonkeyPatch) -> None:
    path = bench.notebooks / "01_mini.py"
    path.write_text(path.read_text(encoding="utf-8") + "\n# %%\ny = 2\n", encoding="utf-8")


def _edit_library_code(bench: Bench, monkeypatch: pytest.MonkeyPatch) -> None:
    path = bench.library / "checks" / "__init__.py"
    path.write_text(path.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")


def _edit_library_data(bench: Bench, monkeypatch: pytest.MonkeyPatch) -> None:
    card = sorted((bench.library / "datasets" / "cards").glob("*.md"))[0]
    card.write_text(card.read_text(encoding="utf-8") + "\nUne phrase de plus.\n", encoding="utf-8")


def _add_library_file(bench: Bench, monkeypatch: pytest.MonkeyPatch) -> None:
    (bench.library / "law" / "data" / "nouveau.toml").write_text("x = 1\n", encoding="utf-8")


def _edit_config(bench: Bench, monkeypatch: pytest.MonkeyPatch) -> None:
    path = bench.course.root / "nbgrader_config.py"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\nc.Execute.timeout = 60\n", encoding="utf-8")


def _new_version(bench: Bench, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(esn_teach, "__version__", "99.0.0")


def _delete_release(bench: Bench, monkeypatch: pytest.MonkeyPatch) -> None:
    bench.course.release_path("01_mini").unlink()


def _edit_release(bench: Bench, monkeypatch: pytest.MonkeyPatch) -> None:
    path = bench.course.release_path("01_mini")
    text = path.read_text(encoding="utf-8")
    assert "VOTRE RÉPONSE" in text
    path.write_text(text.replace("VOTRE RÉPONSE", "x = 1"), encoding="utf-8")


def _delete_source_notebook(bench: Bench, monkeypatch: pytest.MonkeyPatch) -> None:
    bench.course.source_path("01_mini").unlink()


def _edit_source_notebook(bench: Bench, monkeypatch: pytest.MonkeyPatch) -> None:
    path = bench.course.source_path("01_mini")
    path.write_text(path.read_text(encoding="utf-8").replace("x = 1", "x = 5"), encoding="utf-8")


def _delete_gradebook(bench: Bench, monkeypatch: pytest.MonkeyPatch) -> None:
    (bench.course.root / "gradebook.db").unlink()


def _corrupt_stamp(bench: Bench, monkeypatch: pytest.MonkeyPatch) -> None:
    bench.stamp("01_mini", "build").write_text("{ pas du JSON", encoding="utf-8")


ONE = ({"01_mini"}, {"01_mini"})
ALL = (set(MODULES), set(MODULES))
LIBRARY = "code ou données d'esn_teach modifiés"


@pytest.mark.parametrize(
    ("change", "expected", "reason"),
    [
        (_edit_source, ONE, "source du module modifiée"),
        (_edit_library_code, ALL, LIBRARY),
        (_edit_library_data, ALL, LIBRARY),
        (_add_library_file, ALL, LIBRARY),
        (_edit_config, ALL, "nbgrader_config.py modifié"),
        (_new_version, ALL, "version d'esn-teach changée"),
        (_delete_release, (set(), {"01_mini"}), "fichier produit absent"),
        (_edit_release, (set(), {"01_mini"}), "fichier produit modifié à la main"),
        # The build writes the same notebook again: the release made from it still holds.
        (_delete_source_notebook, ({"01_mini"}, set()), "fichier produit absent"),
        (_edit_source_notebook, ({"01_mini"}, set()), "fichier produit modifié à la main"),
        (_delete_gradebook, (set(), set(MODULES)), "carnet de notes"),
        (_corrupt_stamp, ({"01_mini"}, set()), "aucune construction réussie enregistrée"),
    ],
)
def test_a_change_redoes_exactly_the_modules_that_depend_on_it(
    built: Bench, monkeypatch, change, expected, reason
):
    before = _outputs(built.course)
    change(built, monkeypatch)
    rebuilt, released = built.run()
    assert (set(rebuilt), set(released)) == expected
    assert all(reason in why for why in [*rebuilt.values(), *released.values()]), (
        rebuilt,
        released,
    )
    # What was built again was executed again, and nothing else.
    assert sorted(built.validated) == sorted(
        [(name, False) for name in rebuilt] + [(name, True) for name in released]
    )
    if change is not _edit_source:
        # Whatever was deleted or edited by hand is back, as generated.
        assert {k: v[0] for k, v in _outputs(built.course).items()} == {
            k: v[0] for k, v in before.items()
        }
    # And then everything is up to date again.
    built.validated.clear()
    assert built.run() == ({}, {})
    assert built.validated == []


def test_a_file_added_to_the_student_version_is_noticed(built: Bench):
    extra = built.course.release_path("01_mini").parent / "notes.txt"
    extra.write_text("ajouté à la main", encoding="utf-8")
    assert built.run() == ({}, {"01_mini": "fichier ajouté à la main : release/01_mini/notes.txt"})
    built.validated.clear()
    assert built.run() == ({}, {})


@pytest.mark.parametrize("error", [CourseError("échec simulé"), KeyboardInterrupt()])
def test_a_build_that_fails_leaves_no_stamp(built: Bench, monkeypatch, error):
    source = built.notebooks / "01_mini.py"
    original = source.read_text(encoding="utf-8")
    first_notebook = built.course.source_path("01_mini").read_bytes()
    source.write_text(original.replace("x = 1\n###", "x = 2\n###"), encoding="utf-8")

    def fails(self: Course, path: Path, *, invert: bool, module: str) -> None:
        raise error

    with monkeypatch.context() as patch:
        patch.setattr(Course, "_validate", fails)
        with pytest.raises(type(error)):
            built.course.build()
    assert not built.stamp("01_mini", "build").exists()
    assert built.stamp("02_autre", "build").exists()  # not reached, still valid
    # The source is put back as it was when the module last built: the notebook that the
    # failed build left in source/ is not the good one, so the module is built again.
    source.write_text(original, encoding="utf-8")
    rebuilt, released = built.run()
    assert rebuilt == {"01_mini": "aucune construction réussie enregistrée"}
    assert released == {}  # the notebook built is the one released before
    assert built.course.source_path("01_mini").read_bytes() == first_notebook


def test_a_first_build_that_fails_leaves_no_stamp(bench: Bench):
    bench.failing.add("02_autre")
    with pytest.raises(CourseError, match="simulé"):
        bench.course.build()
    assert bench.stamp("01_mini", "build").exists()
    assert not bench.stamp("02_autre", "build").exists()
    bench.failing.clear()
    bench.validated.clear()
    built: list[StepResult] = []
    bench.course.build(progress=built.append)
    assert [(step.module.name, step.rebuilt) for step in built] == [
        ("01_mini", False),
        ("02_autre", True),
    ]
    assert bench.validated == [("02_autre", False)]


def test_a_release_that_fails_leaves_no_stamp(built: Bench, monkeypatch):
    built.course.release_path("01_mini").unlink()
    built.failing.add("01_mini")
    with pytest.raises(CourseError):
        built.course.release()
    assert not built.stamp("01_mini", "release").exists()
    built.failing.clear()
    assert built.run() == ({}, {"01_mini": "aucune publication réussie enregistrée"})


def test_force_redoes_everything(built: Bench):
    rebuilt, released = built.run(force=True)
    assert rebuilt == dict.fromkeys(MODULES, "reconstruction demandée (--force)")
    assert released == dict.fromkeys(MODULES, "republication demandée (--force)")
    assert len(built.validated) == 2 * len(MODULES)


def test_a_build_without_validation_is_validated_by_the_next_build(bench: Bench):
    steps: list[StepResult] = []
    bench.course.build(validate=False, progress=steps.append)
    assert bench.validated == [] and all(step.rebuilt for step in steps)
    steps.clear()
    bench.course.build(validate=False, progress=steps.append)
    assert not any(step.rebuilt for step in steps)
    bench.course.build(progress=steps.append)
    assert [step.reason for step in steps[len(MODULES) :]] == [
        "solution pas encore exécutée (construit avec --no-validate)"
    ] * len(MODULES)
    assert bench.validated == [(name, False) for name in MODULES]
    steps.clear()
    bench.course.build(validate=False, progress=steps.append)  # validated is more than asked
    assert not any(step.rebuilt for step in steps)


def test_stamps_stay_out_of_git_the_student_version_and_the_workspace(built: Bench, tmp_path):
    stamps = built.course.root / _pipeline.STAMPS
    assert sorted(p.name for p in stamps.iterdir()) == sorted(
        [".gitignore"] + [f"{m}.{step}.json" for m in MODULES for step in ("build", "release")]
    )
    assert "*" in (stamps / ".gitignore").read_text(encoding="utf-8").splitlines()
    stamp = json.loads(built.stamp("01_mini", "release").read_text(encoding="utf-8"))
    assert set(stamp["outputs"]) == {"release/01_mini/01_mini.ipynb"}
    copied = built.course.workspace(tmp_path / "workspace")
    assert sorted(p.name for p in copied) == [f"{m}.ipynb" for m in MODULES]


def test_library_digest_covers_code_and_data_but_not_caches(tmp_path):
    library = tmp_path / "lib"
    (library / "sub" / "__pycache__").mkdir(parents=True)
    (library / "sub" / "code.py").write_text("x = 1\n", encoding="utf-8")
    (library / "data.toml").write_text("a = 1\n", encoding="utf-8")
    digest = library_digest(library)
    (library / "sub" / "__pycache__" / "code.cpython-311.pyc").write_bytes(b"cache")
    (library / "sub" / "code.pyc").write_bytes(b"cache")
    assert library_digest(library) == digest
    (library / "data.toml").write_text("a = 2\n", encoding="utf-8")
    assert library_digest(library) != digest
    assert library_digest() == library_digest(_pipeline.LIBRARY_ROOT)
