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
    assert tracked == ["grading/nbgrader_config.py"]


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
