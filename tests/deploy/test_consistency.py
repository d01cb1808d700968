"""Names and paths shared by deploy/config.yaml, deploy/k8s, the images and the runbook agree."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from deploy_files import (
    CHART_VERSION,
    CONFIG,
    K8S,
    REPO,
    RUNBOOK,
    USER_DOCKERFILE,
    env_of,
    load_documents,
    load_yaml,
    manifests,
    parse_dockerfile,
    pod_spec,
)
from traitlets.config import PyFileConfigLoader

from esn_teach.course import Course

SERVICE = "cours-esn-teach"


def _nbgrader_config(path: Path):
    return PyFileConfigLoader(path.name, path=str(path.parent)).load_config()


def _grader() -> dict:
    return manifests()[("Deployment", SERVICE)]


def _grader_container() -> dict:
    (container,) = pod_spec(_grader())["containers"]
    return container


def _mounts(spec: dict, container: dict) -> dict[str, tuple[str, str]]:
    """mountPath → (claim name, subPath) of a pod's persistent volume mounts."""
    claims = {
        volume["name"]: volume["persistentVolumeClaim"]["claimName"]
        for volume in spec["volumes"]
        if "persistentVolumeClaim" in volume
    }
    return {
        m["mountPath"]: (claims[m["name"]], m.get("subPath", "")) for m in container["volumeMounts"]
    }


def test_every_pod_uses_the_declared_shared_volume():
    objects = manifests()
    (claim,) = [name for kind, name in objects if kind == "PersistentVolumeClaim"]
    assert objects[("PersistentVolumeClaim", claim)]["spec"]["accessModes"] == ["ReadWriteMany"]
    storage = load_yaml(CONFIG)["singleuser"]["storage"]
    assert {v["persistentVolumeClaim"]["claimName"] for v in storage["extraVolumes"]} == {claim}
    volume_names = {v["name"] for v in storage["extraVolumes"]}
    assert {m["name"] for m in storage["extraVolumeMounts"]} <= volume_names
    for (kind, name), obj in objects.items():
        if kind in {"Deployment", "Job", "CronJob"}:
            spec = pod_spec(obj)
            for container in spec["containers"]:
                assert {c for c, _ in _mounts(spec, container).values()} == {claim}, name


def test_exchange_and_course_paths_agree():
    user_config = _nbgrader_config(REPO / "deploy" / "image" / "nbgrader_config.py")
    course_config = _nbgrader_config(REPO / "grading" / "nbgrader_config.py")
    exchange = user_config.Exchange.root
    course_id = user_config.CourseDirectory.course_id
    assert course_id == course_config.CourseDirectory.course_id == "esn-teach"
    # students
    (student_mount,) = load_yaml(CONFIG)["singleuser"]["storage"]["extraVolumeMounts"]
    assert (student_mount["mountPath"], student_mount["subPath"]) == (exchange, "exchange")
    # grader service
    container = _grader_container()
    mounts = _mounts(pod_spec(_grader()), container)
    env = env_of(container)
    course_dir = env["JUPYTERHUB_ROOT_DIR"]
    assert mounts[exchange][1] == "exchange"
    assert mounts[course_dir][1] == "cours"
    assert course_dir == "/srv/esn-teach/cours"
    assert f"{course_dir}/nbgrader_config.py" in " ".join(container["args"])
    # the grader image's esn-teach defaults point at the same course folder
    stages = parse_dockerfile(USER_DOCKERFILE)
    grader_env = " ".join(
        i.arguments for s in stages if s.name == "correcteur" for i in s.instructions
    )
    assert f"ESN_TEACH_COURSE={course_dir}" in grader_env
    # the permissions Job creates the exchange of this course id
    job = manifests()[("Job", "esn-teach-permissions")]
    script = pod_spec(job)["containers"][0]["command"][-1]
    assert f"exchange/{course_id}/inbound" in script


def test_grader_service_is_registered_with_the_hub():
    hub = load_yaml(CONFIG)["hub"]
    service = hub["services"][SERVICE]
    k8s_service = manifests()[("Service", SERVICE)]
    (port,) = k8s_service["spec"]["ports"]
    assert service["url"] == f"http://{SERVICE}:{port['port']}"
    env = env_of(_grader_container())
    assert env["JUPYTERHUB_SERVICE_NAME"] == SERVICE
    assert env["JUPYTERHUB_SERVICE_PREFIX"] == f"/services/{SERVICE}/"
    assert env["JUPYTERHUB_CLIENT_ID"] == f"service-{SERVICE}"
    assert env["JUPYTERHUB_OAUTH_CALLBACK_URL"] == f"/services/{SERVICE}/oauth_callback"
    container_ports = {p["name"]: p["containerPort"] for p in _grader_container()["ports"]}
    target = container_ports.get(port["targetPort"], port["targetPort"])
    assert env["JUPYTERHUB_SERVICE_URL"] == f"http://0.0.0.0:{target}"
    token = env["JUPYTERHUB_API_TOKEN"]["secretKeyRef"]
    assert token == {"name": "hub", "key": f"hub.services.{SERVICE}.apiToken"}
    labels = _grader()["spec"]["template"]["metadata"]["labels"]
    assert k8s_service["spec"]["selector"].items() <= labels.items()
    assert labels["hub.jupyter.org/network-access-hub"] == "true"
    # only the instructors group may open it
    roles = [r for r in hub["loadRoles"].values() if r.get("groups") == ["instructors"]]
    assert [r["scopes"] for r in roles] == [[f"access:services!service={SERVICE}"]]


def test_grader_runs_as_the_grader_account():
    security = pod_spec(_grader())["securityContext"]
    dockerfile = USER_DOCKERFILE.read_text(encoding="utf-8")
    uid = re.search(r"--uid (\d+) --gid \d+ --shell /bin/bash grader-esn-teach", dockerfile)
    assert uid and security["runAsUser"] == int(uid.group(1)) != 1000
    job = manifests()[("Job", "esn-teach-permissions")]
    assert env_of(pod_spec(job)["containers"][0])["GRADER_UID"] == uid.group(1)


def test_images_share_one_release_tag():
    config = load_yaml(CONFIG)
    tag = config["singleuser"]["image"]["tag"]
    assert config["hub"]["image"]["tag"] == tag
    for (kind, name), obj in manifests().items():
        if kind in {"Deployment", "Job"}:
            for container in pod_spec(obj)["containers"]:
                image = container["image"]
                assert image.endswith(f":{tag}"), f"{kind} {name} : {image}"
    assert config["singleuser"]["image"]["name"].endswith("esn-teach-etudiant")
    grader_image = _grader_container()["image"]
    assert grader_image.split(":")[0].endswith("esn-teach-correcteur")


def test_gradebook_url_comes_from_one_secret(tmp_path, monkeypatch):
    grader = env_of(_grader_container())["ESN_TEACH_GRADEBOOK_URL"]["secretKeyRef"]
    cronjob = next(o for (k, _), o in manifests().items() if k == "CronJob")
    backup = env_of(pod_spec(cronjob)["containers"][0])["CARNET_URL"]["secretKeyRef"]
    assert backup == grader
    runbook = RUNBOOK.read_text(encoding="utf-8")
    assert re.search(rf"kubectl (-n \S+ )?create secret generic {grader['name']}\b", runbook)
    assert f"--from-literal={grader['key']}=" in runbook
    # the course's nbgrader_config.py reads that variable, and keeps SQLite without it
    root = tmp_path / "cours"
    root.mkdir()
    shutil.copy(REPO / "grading" / "nbgrader_config.py", root / "nbgrader_config.py")
    monkeypatch.delenv("ESN_TEACH_GRADEBOOK_URL", raising=False)
    assert Course(root, REPO / "notebooks").db_url == f"sqlite:///{root / 'gradebook.db'}"
    url = "postgresql+psycopg2://esn:motdepasse@postgres.example/esn_teach"
    monkeypatch.setenv("ESN_TEACH_GRADEBOOK_URL", url)
    assert Course(root, REPO / "notebooks").db_url == url


def test_runbook_names_every_file_and_the_pinned_chart():
    runbook = RUNBOOK.read_text(encoding="utf-8")
    for path in [*sorted(K8S.glob("*.yaml")), CONFIG]:
        assert path.relative_to(REPO).as_posix() in runbook, path.name
    assert f"--version {CHART_VERSION}" in runbook
    assert "docker build -f deploy/image/Dockerfile --target etudiant" in runbook
    assert "docker build -f deploy/image/Dockerfile --target correcteur" in runbook
    assert "docker build -f deploy/hub/Dockerfile" in runbook


def test_runbook_gives_every_limit_of_the_config():
    runbook = RUNBOOK.read_text(encoding="utf-8")
    config = load_yaml(CONFIG)
    singleuser = config["singleuser"]
    for key, value in [
        ("singleuser.memory.guarantee", singleuser["memory"]["guarantee"]),
        ("singleuser.memory.limit", singleuser["memory"]["limit"]),
        ("singleuser.cpu.guarantee", singleuser["cpu"]["guarantee"]),
        ("singleuser.cpu.limit", singleuser["cpu"]["limit"]),
        ("cull.timeout", config["cull"]["timeout"]),
        ("cull.maxAge", config["cull"]["maxAge"]),
        ("hub.activeServerLimit", config["hub"]["activeServerLimit"]),
    ]:
        assert f"`{key}`" in runbook, key
        assert f"`{value}`" in runbook, (key, value)


def _run_permissions_job(root: Path) -> None:
    job = manifests()[("Job", "esn-teach-permissions")]
    (container,) = pod_spec(job)["containers"]
    env = {**os.environ, **{k: str(v) for k, v in env_of(container).items()}, "PARTAGE": str(root)}
    result = subprocess.run(container["command"], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="droits POSIX")
def test_permissions_job_gives_nbgrader_its_modes(tmp_path):
    _run_permissions_job(tmp_path)
    exchange = tmp_path / "exchange"
    course = exchange / "esn-teach"
    # nbgrader's own modes (exchange/default/release_assignment.py, release_feedback.py), plus
    # the sticky bit where everyone may write.
    assert _mode(exchange) == 0o1777
    assert _mode(exchange) & 0o777 == 0o777  # nbgrader leaves the root as it is
    assert _mode(course) == 0o755
    assert _mode(course / "outbound") == 0o755
    assert _mode(course / "inbound") == 0o3733
    assert _mode(course / "feedback") == 0o711
    assert _mode(tmp_path / "cours") & 0o007 == 0  # the solutions: nothing for others
    assert _mode(tmp_path / "sauvegardes") & 0o007 == 0
    if os.getuid() == 0:
        assert {p.stat().st_uid for p in (exchange, course, course / "inbound")} == {2000}
    # Running it again changes nothing and never removes a submission.
    submission = course / "inbound" / "moodle-1+01+2027-01-15 10:00:00.000000 UTC+abc"
    submission.mkdir()
    _run_permissions_job(tmp_path)
    assert submission.is_dir()
    assert _mode(course / "inbound") == 0o3733


def test_manifests_parse_as_kubernetes_objects():
    for path in sorted(K8S.glob("*.yaml")):
        documents = load_documents(path)
        assert documents, path.name
        for doc in documents:
            assert {"apiVersion", "kind", "metadata"} <= set(doc), path.name
            assert doc["metadata"]["labels"]["app.kubernetes.io/part-of"] == "esn-teach"
