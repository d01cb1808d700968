"""The hub's pieces that need no running hub: roles, account names, settings, limits, notice."""

from __future__ import annotations

import os
import pwd
import stat
from pathlib import Path

import jwt
import pytest
from ltiauthenticator.lti13.error import TokenError
from tornado.web import HTTPError

from esn_teach.hub import (
    INSTRUCTORS_GROUP,
    STUDENTS_GROUP,
    CgroupError,
    HubSettingsError,
    UserLimits,
    _kernel,
    cgroup_version,
    course_groups,
    hub_settings,
    memory_limit,
    oom_kills,
    unix_username,
)
from esn_teach.hub._auth import _refusal_cause
from esn_teach.hub._spawner import RUNTIME_ROOT

MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership"
LTI = {
    "ESN_LTI_ISSUER": "https://moodle.exemple.fr",
    "ESN_LTI_CLIENT_ID": "abc",
    "ESN_LTI_AUTHORIZE_URL": "https://moodle.exemple.fr/mod/lti/auth.php",
    "ESN_LTI_JWKS_URL": "https://moodle.exemple.fr/mod/lti/certs.php",
}


@pytest.mark.parametrize(
    ("roles", "groups"),
    [
        ([f"{MEMBERSHIP}#Instructor"], [INSTRUCTORS_GROUP]),
        ([f"{MEMBERSHIP}/Instructor#TeachingAssistant"], [INSTRUCTORS_GROUP]),
        ([f"{MEMBERSHIP}#Learner"], [STUDENTS_GROUP]),
        (
            [f"{MEMBERSHIP}#Instructor", f"{MEMBERSHIP}#Learner"],
            [INSTRUCTORS_GROUP, STUDENTS_GROUP],
        ),
        (["http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator"], []),
        ([], []),
        (None, []),
        (f"{MEMBERSHIP}#Learner", [STUDENTS_GROUP]),
    ],
)
def test_course_roles_become_hub_groups(roles, groups) -> None:
    assert course_groups(roles) == groups


def test_account_names_are_safe_stable_and_per_platform() -> None:
    assert unix_username("42", issuer="https://a") == "moodle-42"
    opaque = unix_username("AbC-12/é", issuer="https://a")
    assert opaque.startswith("moodle-") and len(opaque) <= 32
    assert opaque == unix_username("AbC-12/é", issuer="https://a")
    assert opaque != unix_username("AbC-12/é", issuer="https://b")
    assert opaque.replace("-", "").isalnum() and opaque == opaque.lower()
    assert len(unix_username("x" * 200, issuer="https://a")) <= 32


def test_missing_lti_settings_are_listed_in_french() -> None:
    with pytest.raises(HubSettingsError) as error:
        hub_settings({"ESN_LTI_ISSUER": "https://moodle.exemple.fr"})
    message = str(error.value)
    assert "il manque les réglages LTI 1.3 de Moodle" in message
    for name in ("ESN_LTI_CLIENT_ID", "ESN_LTI_AUTHORIZE_URL", "ESN_LTI_JWKS_URL"):
        assert name in message
    assert "ESN_LTI_ISSUER :" not in message


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("ESN_MEM_LIMIT", "beaucoup", "ESN_MEM_LIMIT doit être une taille"),
        ("ESN_CPU_LIMIT", "0", "ESN_CPU_LIMIT doit être un nombre de cœurs positif"),
        ("ESN_IDLE_TIMEOUT", "5", "au moins 10"),
        ("ESN_IDLE_CHECK_EVERY", "3600", "plus courte que ESN_IDLE_TIMEOUT (3600 s)"),
        ("ESN_IDLE_CHECK_EVERY", "0", "d'au moins 1"),
        ("ESN_LOCAL_SIGNUP", "peut-être", "« approbation » : inscription libre"),
        ("ESN_HUB_API_PORT", "99999", "numéro de port"),
        ("ESN_LTI_JWKS_URL", "moodle/certs", "adresse http(s)"),
        ("ESN_GRADER_ACCOUNT", "Grader!", "nom de compte Unix"),
    ],
)
def test_bad_settings_get_a_french_error(name, value, expected) -> None:
    with pytest.raises(HubSettingsError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        hub_settings({**LTI, name: value})


def test_settings_defaults_and_decimal_comma() -> None:
    settings = hub_settings({**LTI, "ESN_CPU_LIMIT": "0,5", "ESN_LTI_CLIENT_ID": "a, b"})
    assert settings.cpu_limit == 0.5
    assert settings.lti_client_ids == ("a", "b")
    assert settings.mem_limit == "1G" and settings.idle_timeout == 3600
    assert settings.idle_check_every == 300  # JupyterHub's own activity interval
    assert settings.local_signup == "approbation"
    short = hub_settings({**LTI, "ESN_IDLE_TIMEOUT": "20", "ESN_LOCAL_SIGNUP": " Ouvert "})
    assert (short.idle_timeout, short.idle_check_every) == (20, 5)
    assert short.local_signup == "ouvert"
    assert hub_settings({**LTI, "ESN_IDLE_TIMEOUT": "600"}).idle_check_every == 50
    assert settings.exchange_dir == Path("/srv/nbgrader/exchange")


def _fake_v1(root: Path) -> Path:
    (root / "memory").mkdir(parents=True)
    (root / "memory/memory.limit_in_bytes").write_text("9223372036854771712\n")
    (root / "cpu").mkdir()
    return root


def _fake_v2(root: Path) -> Path:
    root.mkdir(parents=True)
    (root / "cgroup.controllers").write_text("cpu memory\n")
    return root


def test_limits_on_cgroup_v1(tmp_path: Path) -> None:
    root = _fake_v1(tmp_path / "cg")
    assert cgroup_version(root, writable=True) == 1
    procs = UserLimits("moodle-7", mem_bytes=1 << 30, cpus=0.5, root=root).apply()
    memory = root / "memory/esn-teach/moodle-7"
    assert procs == [memory / "cgroup.procs", root / "cpu/esn-teach/moodle-7/cgroup.procs"]
    assert (memory / "memory.limit_in_bytes").read_text().strip() == str(1 << 30)
    assert (root / "cpu/esn-teach/moodle-7/cpu.cfs_quota_us").read_text().strip() == "50000"
    assert memory_limit("moodle-7", root=root) == 1 << 30
    (memory / "memory.oom_control").write_text("oom_kill_disable 0\nunder_oom 0\noom_kill 3\n")
    assert oom_kills("moodle-7", root=root) == 3
    assert oom_kills("personne", root=root) == 0


def test_limits_on_cgroup_v2(tmp_path: Path) -> None:
    root = _fake_v2(tmp_path / "cg")
    UserLimits("moodle-8", mem_bytes=512 << 20, cpus=2, root=root).apply()
    group = root / "esn-teach/moodle-8"
    assert (group / "memory.max").read_text().strip() == str(512 << 20)
    assert (group / "cpu.max").read_text().strip() == "200000 100000"
    assert (root / "esn-teach/cgroup.subtree_control").read_text().strip() == "+memory +cpu"
    (group / "memory.events").write_text("low 0\nhigh 0\nmax 4\noom 2\noom_kill 2\n")
    assert oom_kills("moodle-8", root=root) == 2


def test_no_cgroups_is_a_clear_french_error(tmp_path: Path) -> None:
    assert cgroup_version(tmp_path) is None
    with pytest.raises(CgroupError, match="Aucun groupe de contrôle"):
        UserLimits("moodle-9", mem_bytes=1, cpus=1, root=tmp_path).apply()


def test_the_memory_notice_appears_once_per_stop(tmp_path: Path, monkeypatch) -> None:
    kills = {"n": 0}
    monkeypatch.setattr(_kernel, "oom_kills", lambda user: kills["n"])
    monkeypatch.setattr(_kernel, "memory_limit", lambda user: 3 * 1024**3 // 2)
    assert _kernel.memory_notice("moodle-1", tmp_path) is None
    kills["n"] = 1
    notice = _kernel.memory_notice("moodle-1", tmp_path)
    assert notice is not None and "(1,5 Go)" in notice and notice.startswith("⚠ Votre noyau")
    assert _kernel.memory_notice("moodle-1", tmp_path) is None  # said once
    kills["n"] = 0  # limits re-created: counting starts again, no false notice
    assert _kernel.memory_notice("moodle-1", tmp_path) is None
    kills["n"] = 1
    assert _kernel.memory_notice("moodle-1", tmp_path) is not None


def test_the_extension_does_nothing_outside_a_hub(monkeypatch) -> None:
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)

    class Shell:
        events = None  # touching it would fail

    _kernel.load_ipython_extension(Shell())


def _raised_from(cause: Exception) -> TokenError:
    try:
        try:
            raise cause
        except Exception as inner:
            raise TokenError(str(inner)) from None
    except TokenError as error:
        error.__context__ = cause
        return error


@pytest.mark.parametrize(
    ("error", "cause"),
    [
        (HTTPError(400, "OAuth state missing from cookies"), "replay"),
        (HTTPError(400, "OAuth nonce mismatch"), "replay"),
        (_raised_from(jwt.ExpiredSignatureError("Signature has expired")), "expired"),
        (TokenError("id_token issued too long ago."), "expired"),
        (_raised_from(jwt.InvalidSignatureError("Signature verification failed")), "signature"),
        (_raised_from(jwt.InvalidIssuerError("Invalid issuer")), "platform"),
        (TokenError("Incorrect value 1.1 for version claim"), "malformed"),
    ],
)
def test_refusals_are_classified(error, cause) -> None:
    assert _refusal_cause(error) == cause


def test_reserved_ports_are_never_given_twice() -> None:
    from esn_teach.hub import reserve_port

    ports = [reserve_port(low=40000, high=40099) for _ in range(60)]
    assert len(set(ports)) == 60
    assert all(40000 <= port <= 40099 for port in ports)


@pytest.mark.skipif(os.geteuid() != 0, reason="chown demande root")
def test_runtime_folders_are_private_and_cannot_be_squatted(tmp_path: Path) -> None:
    from esn_teach.hub import runtime_dir

    root = tmp_path / "run"
    account = pwd.struct_passwd(("x", "x", 4242, 4242, "", "/nonexistent", "/bin/sh"))
    squatted = root / "4242"
    squatted.mkdir(parents=True)
    os.chown(squatted, 4343, 4343)  # another account created it first
    (squatted / "piege").write_text("")
    folder = runtime_dir(account, root=root)
    assert folder == squatted and not (folder / "piege").exists()
    assert (folder.stat().st_uid, stat.S_IMODE(folder.stat().st_mode)) == (4242, 0o700)
    assert stat.S_IMODE(root.stat().st_mode) == 0o755 and root.stat().st_uid == 0
    folder.rmdir()
    folder.symlink_to(tmp_path)  # a link to somewhere else is replaced, not followed
    assert not runtime_dir(account, root=root).is_symlink()
    assert len(str(RUNTIME_ROOT / "4294967295" / f"kernel-{'0' * 36}-ipc-1")) < 107


def test_students_open_on_the_assignments_page():
    """The spawner names the page without importing it (the chart's hub image has no nbgrader)."""
    from esn_teach.assignments import PAGE_PATH
    from esn_teach.hub import CourseSpawner
    from esn_teach.hub._spawner import STUDENT_PAGE

    assert f"/{PAGE_PATH}" == STUDENT_PAGE
    assert CourseSpawner().student_default_url == STUDENT_PAGE
