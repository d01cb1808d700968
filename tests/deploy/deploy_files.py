"""Readers for the Kubernetes deployment files under deploy/, shared by tests/deploy."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
CONFIG = DEPLOY / "config.yaml"
SCHEMA = DEPLOY / "z2jh" / "values.schema.yaml"
DEFAULTS = DEPLOY / "z2jh" / "values.yaml"
RUNBOOK = DEPLOY / "README.md"
K8S = DEPLOY / "k8s"
USER_DOCKERFILE = DEPLOY / "image" / "Dockerfile"
HUB_DOCKERFILE = DEPLOY / "hub" / "Dockerfile"
DOCKERFILES = (USER_DOCKERFILE, HUB_DOCKERFILE)
# The chart release that deploy/ pins (helm --version, the hub image's base tag).
CHART_VERSION = "4.4.0"


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def load_documents(path: Path) -> list[dict[str, Any]]:
    return [doc for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc]


def manifests() -> dict[tuple[str, str], dict[str, Any]]:
    """Every Kubernetes object of deploy/k8s, by (kind, name)."""
    found = {}
    for path in sorted(K8S.glob("*.yaml")):
        for doc in load_documents(path):
            found[(doc["kind"], doc["metadata"]["name"])] = doc
    return found


def helm_merge(defaults: Any, overrides: Any) -> Any:
    """Merge user values onto the chart's defaults the way helm does.

    Mappings merge key by key, any other value replaces the default, and a null user value
    removes the key.
    """
    if not (isinstance(defaults, dict) and isinstance(overrides, dict)):
        return copy.deepcopy(overrides)
    merged = copy.deepcopy(defaults)
    for key, value in overrides.items():
        if value is None:
            merged.pop(key, None)
        elif key in merged:
            merged[key] = helm_merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def pod_spec(obj: dict[str, Any]) -> dict[str, Any]:
    """The pod spec of a Deployment, Job or CronJob."""
    if obj["kind"] == "CronJob":
        return obj["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    return obj["spec"]["template"]["spec"]


def env_of(container: dict[str, Any]) -> dict[str, Any]:
    """A container's environment: name → literal value or valueFrom mapping."""
    return {item["name"]: item.get("value", item.get("valueFrom")) for item in container["env"]}


# -- Dockerfiles ----------------------------------------------------------------------------


@dataclass
class Instruction:
    keyword: str
    arguments: str
    line: int


@dataclass
class Stage:
    base: str
    name: str | None
    instructions: list[Instruction] = field(default_factory=list)


def parse_dockerfile(path: Path) -> list[Stage]:
    """Split a Dockerfile into build stages of instructions (continuations joined)."""
    stages: list[Stage] = []
    pending = ""
    start = 0
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if pending and line.startswith("#"):
            continue
        if not pending:
            start = number
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        text = pending + line
        pending = ""
        keyword, _, arguments = text.partition(" ")
        instruction = Instruction(keyword.upper(), arguments.strip(), start)
        if instruction.keyword == "FROM":
            match = re.fullmatch(r"(\S+)(?:\s+AS\s+(\S+))?", instruction.arguments, re.IGNORECASE)
            assert match, f"{path}:{start}: FROM illisible"
            stages.append(Stage(base=match.group(1), name=match.group(2)))
        else:
            assert stages, f"{path}:{start}: instruction avant le premier FROM"
            stages[-1].instructions.append(instruction)
    return stages


def stage_chain(stages: list[Stage], stage: Stage) -> list[Stage]:
    """The stage and the stages it is built FROM, base first."""
    by_name = {s.name: s for s in stages if s.name}
    chain = [stage]
    while chain[0].base in by_name:
        chain.insert(0, by_name[chain[0].base])
    return chain


def copy_sources(instruction: Instruction) -> tuple[dict[str, str], list[str], str]:
    """Options, sources and destination of a COPY instruction (shell form)."""
    words = instruction.arguments.split()
    options = {}
    while words and words[0].startswith("--"):
        key, _, value = words.pop(0)[2:].partition("=")
        options[key] = value
    return options, words[:-1], words[-1]


def _glob_regex(pattern: str) -> re.Pattern[str]:
    """Docker's path pattern: ``*`` stays within a folder, ``**/`` spans any folders."""
    regex = ""
    index = 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            regex, index = regex + "(?:.*/)?", index + 3
        elif pattern.startswith("**", index):
            regex, index = regex + ".*", index + 2
        elif pattern[index] == "*":
            regex, index = regex + "[^/]*", index + 1
        elif pattern[index] == "?":
            regex, index = regex + "[^/]", index + 1
        else:
            regex, index = regex + re.escape(pattern[index]), index + 1
    return re.compile(regex)


def dockerignore_excludes(relative: str) -> bool:
    """Whether .dockerignore keeps ``relative`` (a path in the repository) out of the context.

    Docker's rule: the last pattern that matches the path or one of its parent folders wins;
    a pattern starting with ``!`` includes again.
    """
    patterns = [
        line.strip()
        for line in (REPO / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    parts = relative.strip("/").split("/")
    candidates = ["/".join(parts[: index + 1]) for index in range(len(parts))]
    excluded = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        regex = _glob_regex(pattern.removeprefix("!").strip("/"))
        if any(regex.fullmatch(candidate) for candidate in candidates):
            excluded = not negate
    return excluded
