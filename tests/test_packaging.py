"""The project's set-up files agree with each other."""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

import yaml
from packaging.requirements import Requirement

REPO = Path(__file__).resolve().parents[1]


def _pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def _environment() -> dict[str, str]:
    """Name → specifier of every dependency in environment.yml (conda and pip)."""
    env = yaml.safe_load((REPO / "environment.yml").read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    for item in env["dependencies"]:
        entries = item["pip"] if isinstance(item, dict) else [item]
        for entry in entries:
            if entry.startswith("-e") or entry in {"pip"}:
                continue
            requirement = Requirement(entry)
            found[requirement.name.lower()] = str(requirement.specifier)
    return found


def test_environment_yml_mirrors_pyproject_dependencies():
    environment = _environment()
    for entry in _pyproject()["project"]["dependencies"]:
        requirement = Requirement(entry)
        name = requirement.name.lower()
        assert name in environment, f"{name} is in pyproject.toml but not in environment.yml"
        assert environment[name] == str(requirement.specifier), name
    declared = {Requirement(e).name.lower() for e in _pyproject()["project"]["dependencies"]}
    extra = set(environment) - declared - {"python"}
    assert not extra, f"environment.yml lists packages pyproject.toml does not: {extra}"


def test_environment_yml_installs_the_project_and_uses_conda_forge():
    env = yaml.safe_load((REPO / "environment.yml").read_text(encoding="utf-8"))
    assert env["channels"][0] == "conda-forge"
    pip = next(item["pip"] for item in env["dependencies"] if isinstance(item, dict))
    assert "-e ." in pip
    python = next(d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python"))
    assert python == f"python{_pyproject()['project']['requires-python']}"


def test_required_versions():
    deps = {
        Requirement(e).name.lower(): Requirement(e) for e in _pyproject()["project"]["dependencies"]
    }
    assert deps["jupyterlab"].specifier.contains("4.2.0") and not deps[
        "jupyterlab"
    ].specifier.contains("5.0")
    assert deps["nbgrader"].specifier.contains("0.9.6") and not deps["nbgrader"].specifier.contains(
        "0.10"
    )
    assert deps["ipywidgets"].specifier.contains("8.1.5") and not deps[
        "ipywidgets"
    ].specifier.contains("9")
    for name in (
        "pandas",
        "scikit-learn",
        "matplotlib",
        "fairlearn",
        "jupytext",
        "nbformat",
        "nbclient",
        "jupyterlab-language-pack-fr-fr",
    ):
        assert name in deps


def test_readme_opens_with_the_two_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```bash\n(.*?)```", readme, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in first_block.splitlines() if line.strip()]
    assert commands == ["make lab", "make test"]


def test_ci_runs_make_test_and_fails_on_failure():
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "set -euo pipefail" in script and "make test" in script
    assert (REPO / ".ci" / "run").stat().st_mode & 0o111


def test_generated_course_folders_are_not_committed():
    tracked = subprocess.run(
        ["git", "ls-files", "grading", "workspace"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert tracked == ["grading/README.md", "grading/nbgrader_config.py"]


def test_notebooks_in_git_have_no_outputs():
    tracked = subprocess.run(
        ["git", "ls-files", "*.ipynb"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
    assert not tracked, "module sources are jupytext scripts; no .ipynb is committed"


def test_jupyterlab_is_set_to_french_in_this_environment():
    """`make` writes JupyterLab's overrides so that the interface opens in French."""
    import json
    import sys

    overrides = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    assert overrides.is_file(), "run the tests through `make test` (it sets up .venv)"
    settings = json.loads(overrides.read_text(encoding="utf-8"))
    assert settings["@jupyterlab/translation-extension:plugin"]["locale"] == "fr_FR"
    import jupyterlab_language_pack_fr_FR  # noqa: F401  (the language pack is installed)


# --- The habits of a maintained project: licence, contributing guides, pre-commit ---------

CONTRIBUTING = ("CONTRIBUTING.md", "CONTRIBUTING.fr.md")
#: Suffixes that make a backticked word a file name worth checking.
_FILE_SUFFIXES = {".md", ".py", ".toml", ".yaml", ".yml", ".txt", ".cfg", ".json", ".db", ".csv"}


def _makefile_targets() -> set[str]:
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z][\w.-]*)\s*:(?!=)", text, re.M))


def _code_in(markdown: str) -> tuple[list[str], list[str]]:
    """The fenced code blocks and the inline code spans of a Markdown text."""
    fence = r"^[ \t]*```[^\n]*\n(.*?)^[ \t]*```"
    blocks = re.findall(fence, markdown, re.S | re.M)
    prose = re.sub(fence, "", markdown, flags=re.S | re.M)
    return blocks, re.findall(r"`([^`\n]+)`", prose)


def _is_ignored(path: str) -> bool:
    """True for paths git ignores: generated folders (`grading/source/`, `workspace/`, `.venv`)."""
    return (
        subprocess.run(["git", "check-ignore", "-q", path], cwd=REPO, check=False).returncode == 0
    )


def _cited_paths(spans: list[str]) -> list[str]:
    """Backticked repository paths: no space, no URL, no placeholder (`NN_…`, `<hash>`, `*`)."""
    paths = []
    for span in spans:
        if re.search(r"\s|://|[<>*…{}$]|NN", span) or span.startswith(("/", "~")):
            continue
        path = Path(span.rstrip("/"))
        if (
            "/" in span
            or path.suffix in _FILE_SUFFIXES
            or span in {"Makefile", "LICENSE"}
            or (span.startswith(".") and span.count(".") == 1)
        ):
            paths.append(span)
    return paths


def test_licence_is_mit_as_pyproject_declares():
    licence = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License\n")
    assert "Copyright (c) 2026 esn-teach contributors" in licence
    assert 'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND' in licence
    words = " ".join(licence.split())
    assert (
        "The above copyright notice and this permission notice shall be included in all copies "
        "or substantial portions of the Software." in words
    )
    project = _pyproject()["project"]
    declared = project["license"]
    assert (declared if isinstance(declared, str) else declared.get("text")) == "MIT"
    holders = {author["name"] for author in project["authors"]}
    assert "esn-teach contributors" in holders


def test_contributing_guides_exist_and_link_to_each_other():
    english, french = (
        (REPO / name).read_text(encoding="utf-8")
        for name in ("CONTRIBUTING.md", "CONTRIBUTING.fr.md")
    )
    assert "](CONTRIBUTING.fr.md)" in english
    assert "](CONTRIBUTING.md)" in french
    for text in (english, french):
        assert "pre-commit install" in text
        assert "make check" in text and "make test" in text and "make lab" in text


def test_contributing_guides_cite_only_real_make_targets_and_paths():
    targets = _makefile_targets()
    for name in CONTRIBUTING:
        text = (REPO / name).read_text(encoding="utf-8")
        blocks, spans = _code_in(text)
        cited = {
            target
            for code in [*blocks, *spans]
            for target in re.findall(r"(?<![\w./-])make\s+([A-Za-z][\w-]*)", code)
        }
        assert cited, f"{name} cites no make target"
        unknown = cited - targets
        assert not unknown, f"{name} cites make targets the Makefile lacks: {sorted(unknown)}"
        paths = _cited_paths(spans)
        assert paths, f"{name} cites no repository path"
        missing = [p for p in paths if not (REPO / p).exists() and not _is_ignored(p)]
        assert not missing, f"{name} cites paths that do not exist: {missing}"
        links = re.findall(r"\]\(([^)#\s]+)\)", text)
        broken = [link for link in links if "://" not in link and not (REPO / link).exists()]
        assert not broken, f"{name} links to missing files: {broken}"


def test_pre_commit_hooks_are_local_and_run_the_projects_own_tools():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert config["repos"], "no hook declared"
    test_extras = {
        Requirement(e).name.lower()
        for e in _pyproject()["project"]["optional-dependencies"]["test"]
    }
    targets = _makefile_targets()
    for repo in config["repos"]:
        assert repo["repo"] == "local", f"{repo['repo']} would be downloaded at commit time"
        for hook in repo["hooks"]:
            assert hook["language"] == "system", hook["id"]
            command = hook["entry"].split()
            if command[0] == "make":
                assert command[1] in targets, f"{hook['id']}: no make target {command[1]}"
            else:
                assert command[0].startswith(".venv/bin/"), f"{hook['id']} runs {command[0]}"
                assert Path(command[0]).name in test_extras, hook["id"]
    assert "pre-commit" in test_extras


def test_pre_commit_accepts_the_configuration():
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_changelog_has_unreleased_and_the_current_version():
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## \[?([^\]\s]+)", changelog, re.M)
    assert headings[0] == "Unreleased"
    assert _pyproject()["project"]["version"] in headings


def test_every_data_file_of_the_library_is_declared_as_package_data():
    """A file of esn_teach/ that is not Python (data cards, law data) ships with the package."""
    patterns = _pyproject()["tool"]["setuptools"]["package-data"]["esn_teach"]
    package = REPO / "esn_teach"
    declared = {path for pattern in patterns for path in package.glob(pattern)}  # as setuptools
    files = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "esn_teach"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    data = {REPO / name for name in files if name and not name.endswith(".py")}
    assert data, "no data file found"
    assert {
        package / "law" / "data" / f"{kind}.toml"
        for kind in ("references", "decisions", "scenarios")
    } <= data
    assert data <= declared, f"not in [tool.setuptools.package-data]: {sorted(data - declared)}"


def test_students_lab_has_no_instructor_tools():
    """`make lab` starts JupyterLab with the students' settings: nbgrader's instructor tools off."""
    import json

    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "STUDENT_CONFIG := $(CURDIR)/etc/jupyter-etudiant" in makefile
    lab = makefile.split("\nlab:", 1)[1].split("\n\n", 1)[0]
    assert "JUPYTER_CONFIG_PATH=$(STUDENT_CONFIG)" in lab
    formgrader = makefile.split("\nformgrader:", 1)[1].split("\n\n", 1)[0]
    assert "STUDENT_CONFIG" not in formgrader  # instructors keep them
    config = REPO / "etc" / "jupyter-etudiant"
    page = json.loads((config / "labconfig" / "page_config.json").read_text(encoding="utf-8"))
    # Instructor tools off; nbgrader's « Assignments » panel and menu (English, hard-coded)
    # give way to the French « Mes devoirs » page (tests/assignments).
    assert page["disabledExtensions"] == {
        f"@jupyter/nbgrader:{name}": True
        for name in (
            "create-assignment",
            "formgrader",
            "course-list",
            "validate-assignment",
            "assignment-list",
            "menu",
        )
    }
    server = json.loads(
        (config / "jupyter_server_config.d" / "esn-teach-etudiant.json").read_text(encoding="utf-8")
    )
    extensions = server["ServerApp"]["jpserver_extensions"]
    assert not any(
        extensions[f"nbgrader.server_extensions.{n}"]
        for n in ("formgrader", "course_list", "validate_assignment")
    )
    assert not extensions["nbgrader.server_extensions.assignment_list"]
    assert extensions["esn_teach.assignments"]


def test_importing_nbformat_does_not_build_an_iri_grammar():
    """Every server, grader and check imports nbformat: it must stay cheap (about 0,3 s).

    jsonschema ≥ 4.25 imports rfc3987-syntax, which builds a Lark grammar at import (2–3 s of
    CPU each time): thirty servers starting at once then outlast the hub's start timeout.
    """
    import sys

    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, nbformat; print('rfc3987_syntax' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert loaded == "False"
