"""deploy/config.yaml against the Zero to JupyterHub chart's values schema, and its content."""

from __future__ import annotations

import copy
import re
from types import SimpleNamespace

import jsonschema
import pytest
from deploy_files import CONFIG, DEFAULTS, K8S, SCHEMA, helm_merge, load_yaml
from traitlets.config import Config


def _validate(config: dict) -> None:
    jsonschema.validate(helm_merge(load_yaml(DEFAULTS), config), load_yaml(SCHEMA))


def test_config_is_valid_for_the_chart():
    _validate(load_yaml(CONFIG))


def _misspelt_key(config):
    config["singleuser"]["memmory"] = config["singleuser"].pop("memory")


def _cpu_as_text(config):
    config["singleuser"]["cpu"]["limit"] = "1 cœur"


def _misplaced_section(config):
    config["hub"]["config"]["loadRoles"] = config["hub"].pop("loadRoles")


def _unknown_top_level(config):
    config["culling"] = config.pop("cull")


def _tag_as_number(config):
    config["singleuser"]["image"]["tag"] = 2027  # an unquoted year in YAML


@pytest.mark.parametrize(
    ("break_config", "where"),
    [
        (_misspelt_key, ["singleuser"]),
        (_cpu_as_text, ["singleuser", "cpu", "limit"]),
        (_misplaced_section, ["hub", "config"]),
        (_unknown_top_level, []),
        (_tag_as_number, ["singleuser", "image", "tag"]),
    ],
    ids=lambda value: getattr(value, "__name__", "").lstrip("_") or None,
)
def test_schema_rejects_a_broken_config(break_config, where):
    config = copy.deepcopy(load_yaml(CONFIG))
    break_config(config)
    with pytest.raises(jsonschema.ValidationError) as error:
        _validate(config)
    assert list(error.value.absolute_path) == where


def test_helm_merge_follows_helm():
    defaults = {"a": {"b": 1, "c": 2}, "d": [1, 2], "e": 3}
    merged = helm_merge(defaults, {"a": {"b": 5}, "d": [9], "e": None})
    assert merged == {"a": {"b": 5, "c": 2}, "d": [9]}
    assert defaults == {"a": {"b": 1, "c": 2}, "d": [1, 2], "e": 3}


def test_config_uses_no_key_newer_than_the_pinned_chart():
    # The vendored schema (main, July 2026) added these optional keys after chart 4.4.0.
    config = load_yaml(CONFIG)
    assert "command" not in config.get("proxy", {}).get("chp", {})
    assert not {"command", "args"} & set(config.get("proxy", {}).get("traefik", {}))
    assert "parentRefs" not in config.get("httpRoute", {})


def test_authenticator_is_the_course_lti_authenticator():
    hub_config = load_yaml(CONFIG)["hub"]["config"]
    assert hub_config["JupyterHub"]["authenticator_class"] == "esn_teach.hub.LTIAuthenticator"
    lti = hub_config["LTI13Authenticator"]
    assert {"issuer", "authorize_url", "jwks_endpoint", "client_id"} <= set(lti)
    assert lti["username_key"] == "sub"
    assert isinstance(lti["client_id"], list)
    assert all(value.startswith("https://") for value in (lti["issuer"], lti["jwks_endpoint"]))


@pytest.mark.parametrize("path", [CONFIG, *sorted(K8S.glob("*.yaml"))], ids=lambda p: p.name)
def test_every_placeholder_is_marked_to_replace(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    placeholders = [
        index
        for index, line in enumerate(lines)
        if re.search(r"a-remplacer|registre\.example", line.split(" #")[0])
    ]
    for index in placeholders:
        nearby = "\n".join(lines[max(0, index - 2) : index + 1])
        assert "À REMPLACER" in nearby, f"{path.name}:{index + 1} : valeur à remplacer sans marque"
    if path == CONFIG:
        # the four LTI values and the two images
        assert len(placeholders) >= 6


def _bytes(text: str) -> int:
    # KubeSpawner's byte specification: K, M, G, T are powers of 1024.
    units = {"K": 2**10, "M": 2**20, "G": 2**30, "T": 2**40}
    return int(float(text[:-1]) * units[text[-1]])


def test_resources_cover_the_measured_peak():
    singleuser = load_yaml(CONFIG)["singleuser"]
    memory, cpu = singleuser["memory"], singleuser["cpu"]
    assert _bytes(memory["guarantee"]) <= _bytes(memory["limit"])
    assert cpu["guarantee"] <= cpu["limit"]
    # A module's kernel peaks at 290 MB (bench/bench_modules.py), a JupyterLab server adds up
    # to 150 MB: one student at their peak fits in the guarantee.
    assert _bytes(memory["guarantee"]) >= (290 + 150) * 10**6
    instructor = next(p for p in singleuser["profileList"] if p["slug"] == "enseignant")
    override = instructor["kubespawner_override"]
    assert _bytes(override["mem_guarantee"]) > _bytes(memory["guarantee"])
    assert _bytes(override["mem_limit"]) > _bytes(memory["limit"])
    assert _bytes(override["mem_guarantee"]) <= _bytes(override["mem_limit"])


def test_idle_culling_and_image_pre_pulling_are_on():
    config = load_yaml(CONFIG)
    assert config["cull"]["enabled"] is True
    assert 0 < config["cull"]["timeout"] <= 3600
    assert config["prePuller"]["hook"]["enabled"] is True
    assert config["prePuller"]["continuous"]["enabled"] is True


def _profile_list_for(groups: list[str]) -> list[dict]:
    config = load_yaml(CONFIG)
    c = Config()
    c.KubeSpawner.profile_list = config["singleuser"]["profileList"]
    namespace = {"c": c}
    for _, snippet in sorted(config["hub"]["extraConfig"].items()):
        exec(compile(snippet, "hub.extraConfig", "exec"), namespace)
    profile_list = c.KubeSpawner.profile_list
    assert callable(profile_list)
    spawner = SimpleNamespace(
        user=SimpleNamespace(groups=[SimpleNamespace(name=g) for g in groups])
    )
    return profile_list(spawner)


def test_only_instructors_are_offered_the_instructor_profile():
    assert [p["slug"] for p in _profile_list_for(["instructors"])] == ["etudiant", "enseignant"]
    assert _profile_list_for(["students"]) == []
    assert _profile_list_for([]) == []


def test_students_mount_only_the_exchange():
    storage = load_yaml(CONFIG)["singleuser"]["storage"]
    assert [m["subPath"] for m in storage["extraVolumeMounts"]] == ["exchange"]
    assert [m["mountPath"] for m in storage["extraVolumeMounts"]] == ["/srv/nbgrader/exchange"]


def test_students_open_on_their_assignments_page_and_instructors_on_jupyterlab():
    from esn_teach.assignments import PAGE_PATH

    singleuser = load_yaml(CONFIG)["singleuser"]
    assert singleuser["defaultUrl"] == f"/{PAGE_PATH}"  # as CourseSpawner on one server
    instructor = next(p for p in singleuser["profileList"] if p["slug"] == "enseignant")
    assert instructor["kubespawner_override"]["default_url"] == "/lab"
