"""Issued credentials copied into each learner's ~/Certificats (no hub needed)."""

from __future__ import annotations

import asyncio
import logging
import os
import pwd
import stat
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest

from esn_teach.certificates import REGISTER_FILE
from esn_teach.hub import CREDENTIALS_FOLDER, README_FILE, CourseSpawner, deliver_credentials

HEADER = "date,etudiant,certificat,id,fichier"
ME = "libre-marie"
ROOT_ONLY = pytest.mark.skipif(os.geteuid() != 0, reason="chown vers un autre compte : root")
#: An account that is neither root nor the test's: what the spawner gives a learner.
LEARNER_ID = 4242


def _issue(course: Path, code: str, students: list[str]) -> dict[str, str]:
    """What ``esn-teach certify`` writes for these students (files and register)."""
    folder = course / "certificats" / code
    folder.mkdir(parents=True, exist_ok=True)
    register = folder / REGISTER_FILE
    lines = [] if register.exists() else [HEADER]
    stems = {}
    for student in students:
        stem = str(uuid.uuid4())
        stems[student] = stem
        for suffix in (".jwt", ".json", ".html"):
            (folder / f"{stem}{suffix}").write_text(f"{code}{suffix} {student}\n")
        lines.append(f"2026-12-04,{student},{code},urn:uuid:{stem},{stem}.jwt")
    with register.open("a") as handle:
        handle.write("\n".join(lines) + "\n")
    return stems


@pytest.fixture
def course(tmp_path: Path) -> Path:
    return tmp_path / "cours" / "grading"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home" / ME
    folder.mkdir(parents=True)
    return folder


def _deliver(course: Path, home: Path, student: str = ME, ids: int | None = None):
    uid = os.getuid() if ids is None else ids
    gid = os.getgid() if ids is None else ids
    return deliver_credentials(course, student, home=home, uid=uid, gid=gid)


@ROOT_ONLY
def test_own_credentials_are_copied_private_to_the_learner(course, home) -> None:
    mine = _issue(course, "IA-SANTE", [ME, "moodle-12"])[ME]
    other = _issue(course, "DONNEES", ["moodle-12", ME])
    report = _deliver(course, home, ids=LEARNER_ID)
    folder = home / CREDENTIALS_FOLDER
    expected = {
        f"{stem}{suffix}" for stem in (mine, other[ME]) for suffix in (".jwt", ".json", ".html")
    }
    assert {p.name for p in folder.iterdir()} == expected | {README_FILE}
    assert sorted(report.written) == sorted(folder / name for name in expected | {README_FILE})
    assert (folder / f"{mine}.jwt").read_text() == f"IA-SANTE.jwt {ME}\n"
    assert not any(other["moodle-12"] in p.name for p in folder.iterdir())  # never another's
    info = folder.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (LEARNER_ID, LEARNER_ID, 0o700)
    for path in folder.iterdir():
        info = path.stat()
        assert (info.st_uid, stat.S_IMODE(info.st_mode)) == (LEARNER_ID, 0o600), path.name
    readme = (folder / README_FILE).read_text(encoding="utf-8")
    assert "esn-teach verify" in readme and "emetteur-public.jwk.json" in readme
    assert "Comment un employeur le vérifie" in readme
    assert not list(folder.glob(".*"))  # no temporary file left behind


def test_a_file_already_there_is_rewritten_only_when_changed(course, home) -> None:
    stem = _issue(course, "IA-SANTE", [ME])[ME]
    _deliver(course, home)
    copy = home / CREDENTIALS_FOLDER / f"{stem}.html"
    before = copy.stat()
    report = _deliver(course, home)
    assert report.written == [] and len(report.unchanged) == 4
    assert copy.stat().st_ino == before.st_ino and copy.stat().st_mtime_ns == before.st_mtime_ns
    (course / "certificats/IA-SANTE" / f"{stem}.html").write_text("certificat corrigé\n")
    report = _deliver(course, home)
    assert report.written == [copy]
    assert copy.read_text() == "certificat corrigé\n"
    copy.write_text("modifié par l'apprenant\n")  # restored from the course at the next start
    assert _deliver(course, home).written == [copy]
    assert copy.read_text() == "certificat corrigé\n"


def test_nothing_is_created_without_a_credential(course, home) -> None:
    assert _deliver(course, home).written == []  # no certificats/ folder at all
    _issue(course, "IA-SANTE", ["moodle-12"])
    report = _deliver(course, home)
    assert report.written == [] and report.problems == []
    assert not (home / CREDENTIALS_FOLDER).exists()


def test_a_corrupt_register_is_logged_and_skipped(course, home, caplog) -> None:
    stem = _issue(course, "IA-SANTE", [ME])[ME]
    broken = course / "certificats" / "CASSE"
    broken.mkdir()
    (broken / REGISTER_FILE).write_bytes(b"\xff\xfe pas du CSV \x00")
    odd = course / "certificats" / "BIZARRE"
    odd.mkdir()
    (odd / REGISTER_FILE).write_text(f"{HEADER}\n2026-12-04,{ME},BIZARRE,x,../../etc/shadow\n")
    other = course / "certificats" / "AUTRE"
    other.mkdir()
    (other / REGISTER_FILE).write_text("nom,prenom\nDupont,Marie\n")
    with caplog.at_level(logging.WARNING, logger="esn_teach.hub._credentials"):
        report = _deliver(course, home)
    assert len(report.problems) == 3
    assert all("registre ignoré" in problem for problem in report.problems)
    assert {r.getMessage().split(" : ")[0] for r in caplog.records} == {f"Certificats de {ME}"}
    assert (home / CREDENTIALS_FOLDER / f"{stem}.jwt").exists()  # the good register still counts
    assert not (home / CREDENTIALS_FOLDER / "shadow").exists()


def test_a_missing_file_is_skipped_the_others_are_copied(course, home) -> None:
    stem = _issue(course, "IA-SANTE", [ME])[ME]
    (course / "certificats/IA-SANTE" / f"{stem}.html").unlink()
    report = _deliver(course, home)
    assert [p.name for p in report.written if p.suffix != ".md"] == [f"{stem}.jwt", f"{stem}.json"]
    assert len(report.problems) == 1 and f"{stem}.html non copié" in report.problems[0]


def test_symbolic_links_are_never_followed(course, home, tmp_path) -> None:
    secret = tmp_path / "secret"
    secret.write_text("mot de passe de root\n")
    stem = _issue(course, "IA-SANTE", [ME])[ME]
    planted = course / "certificats/IA-SANTE" / f"{stem}.json"
    planted.unlink()
    planted.symlink_to(secret)  # the course's owner points a file elsewhere
    report = _deliver(course, home)
    assert not (home / CREDENTIALS_FOLDER / f"{stem}.json").exists()
    assert any(f"{stem}.json non copié" in problem for problem in report.problems)
    # The learner replaces a copy, then their whole folder, with links: never written through.
    copy = home / CREDENTIALS_FOLDER / f"{stem}.jwt"
    copy.unlink()
    copy.symlink_to(secret)
    _deliver(course, home)
    assert not copy.is_symlink() and secret.read_text() == "mot de passe de root\n"
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir()
    for path in (home / CREDENTIALS_FOLDER).iterdir():
        path.unlink()
    (home / CREDENTIALS_FOLDER).rmdir()
    (home / CREDENTIALS_FOLDER).symlink_to(elsewhere)
    with pytest.raises(OSError):
        _deliver(course, home)
    assert list(elsewhere.iterdir()) == []


def test_the_spawner_logs_a_failed_copy_and_starts_anyway(course, home, tmp_path, caplog) -> None:
    _issue(course, "IA-SANTE", [ME])
    (home / CREDENTIALS_FOLDER).symlink_to(tmp_path)  # cannot be written: refused
    spawner = SimpleNamespace(course_root=str(course), log=logging.getLogger("esn-test"))
    account = pwd.struct_passwd((ME, "x", os.getuid(), os.getgid(), "", str(home), "/bin/sh"))
    with caplog.at_level(logging.WARNING, logger="esn-test"):
        asyncio.run(CourseSpawner._deliver_credentials(spawner, account))  # does not raise
    assert f"Certificats de {ME} non copiés" in caplog.text
    (home / CREDENTIALS_FOLDER).unlink()
    with caplog.at_level(logging.INFO, logger="esn-test"):
        asyncio.run(CourseSpawner._deliver_credentials(spawner, account))
    assert f"Certificats de {ME} : 4 fichier(s) copié(s)" in caplog.text
