"""Parallel grading into a PostgreSQL gradebook, on a real server started by the test."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from grading_corpus import LIMITS, MODULE, build_course, submit_answers
from test_batch import ANSWERS, _grades

from esn_teach.course import Course
from esn_teach.grading import SubmissionOutcome, autograde

pytestmark = pytest.mark.slow


def _postgres_bin() -> Path | None:
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).resolve().parent
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def postgres_url():
    pytest.importorskip(
        "psycopg2", reason="psycopg2 absent : pip install psycopg2-binary (pilote PostgreSQL)"
    )
    bin_dir = _postgres_bin()
    if bin_dir is None:
        pytest.skip("serveur PostgreSQL absent : apt-get install postgresql")
    base = Path(tempfile.mkdtemp(prefix="esn-teach-pg-"))
    data = base / "data"
    prefix: list[str] = []
    if os.getuid() == 0:  # PostgreSQL refuses to run as root
        runuser = shutil.which("runuser")
        if runuser is None:
            pytest.skip("PostgreSQL ne tourne pas en root et runuser est absent")
        prefix = [runuser, "-u", "postgres", "--"]
        os.chmod(base, 0o755)
        data.mkdir()
        shutil.chown(data, "postgres", "postgres")
    port = _free_port()
    initdb = subprocess.run(
        [*prefix, str(bin_dir / "initdb"), "-D", str(data), "-U", "esn", "-A", "trust"],
        capture_output=True,
        text=True,
    )
    assert initdb.returncode == 0, initdb.stderr
    log = data / "server.log"
    started = subprocess.run(
        [
            *prefix,
            *(str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "start"),
            *("-o", f"-p {port} -k {data} -c listen_addresses=127.0.0.1"),
        ],
        capture_output=True,
        text=True,
    )
    assert started.returncode == 0, started.stderr + (log.read_text() if log.exists() else "")
    try:
        for _ in range(50):
            created = subprocess.run(
                [
                    *(str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port)),
                    *("-U", "esn", "esn_teach"),
                ],
                capture_output=True,
            )
            if created.returncode == 0:
                break
            time.sleep(0.2)
        else:
            pytest.fail(f"createdb a échoué : {created.stderr.decode()}")
        yield f"postgresql+psycopg2://esn@127.0.0.1:{port}/esn_teach"
    finally:
        subprocess.run(
            [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(base, ignore_errors=True)


def test_parallel_grading_into_postgresql(tmp_path, postgres_url):
    course_root, notebooks = build_course(tmp_path / "course", db_url=postgres_url)
    course = Course(course_root, notebooks)
    assert course.db_url.startswith("postgresql")
    submit_answers(course_root, ANSWERS)
    batch = autograde(course, MODULE, jobs=2, limits=LIMITS)
    assert {r.outcome for r in batch.results} == {SubmissionOutcome.GRADED}
    grades = _grades(course)
    assert set(grades) == set(ANSWERS)
    assert {s: g["x_tests"] for s, g in grades.items()} == {
        "ana": 1.0,
        "ben": 0.0,
        "chloe": 0.0,
        "dan": 0.0,
        "eve": 1.0,
        "fred": 0.0,
    }
    assert not (course_root / "gradebook.db").exists()
