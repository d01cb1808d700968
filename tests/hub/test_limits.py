"""Per-person limits: one student's runaway kernel is stopped; the others keep working."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest
import requests
from hub_process import MEM_LIMIT_MB
from kernels import UserServer
from lti_platform import LEARNER

from esn_teach.hub import oom_kills

# A real hub, real accounts and kernels: minutes, not seconds (make test, not make check).
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def two_students(hub):
    servers = []
    for label in ("gourmand", "voisin"):
        person = hub.person(LEARNER, label)
        session = requests.Session()
        assert hub.platform.launch(session, hub.url, person).ok
        name = f"moodle-{person.sub}"
        hub.wait_ready(session, name)
        servers.append((name, UserServer(hub.url, name, session)))
    return servers


def test_a_3_gb_allocation_is_stopped_and_the_neighbour_keeps_working(hub, two_students):
    (greedy_name, greedy), (_, neighbour) = two_students
    neighbour_kernel = neighbour.new_kernel()
    assert neighbour.execute(neighbour_kernel, "print(6 * 7)").text.strip() == "42"
    greedy_kernel = greedy.new_kernel()
    before = oom_kills(greedy_name)
    started = time.monotonic()
    result = greedy.execute(greedy_kernel, "x = b'x' * (3 * 1024**3)\nprint('alloué')", timeout=90)
    assert result.status == "died" and "alloué" not in result.text
    assert time.monotonic() - started < 60
    assert oom_kills(greedy_name) > before
    # The neighbour's kernel answered throughout and still answers.
    assert neighbour.execute(neighbour_kernel, "print(6 * 7)").text.strip() == "42"
    # Only the greedy student's kernel was stopped: their server is still up and restarts
    # the kernel; once it answers, the student runs a cell.
    greedy.wait_alive(greedy_kernel)
    again = greedy.execute(greedy_kernel, "print('reparti')")
    assert again.status == "ok", again.status
    # The first cell after the stop says why, in French, once.
    assert again.text.startswith("⚠ Votre noyau précédent a été arrêté"), again.text
    assert f"({MEM_LIMIT_MB // 1024} Go)" in again.text
    assert again.text.strip().endswith("reparti")
    assert greedy.execute(greedy_kernel, "print('ensuite')").text.strip() == "ensuite"
    # The neighbour was not stopped: no notice for them.
    assert neighbour.execute(neighbour_kernel, "print(1)").text.strip() == "1"


def test_each_server_runs_in_its_own_memory_cgroup(two_students):
    for name, _ in two_students:
        pids = subprocess.run(["pgrep", "-u", name], capture_output=True, text=True).stdout.split()
        assert pids
        for pid in pids:
            cgroups = Path(f"/proc/{pid}/cgroup").read_text()
            assert f"esn-teach/{name}" in cgroups, cgroups
        limit = _memory_limit(name)
        assert limit == MEM_LIMIT_MB * 1024 * 1024


def _memory_limit(name: str) -> int:
    for path in (
        f"/sys/fs/cgroup/esn-teach/{name}/memory.max",
        f"/sys/fs/cgroup/memory/esn-teach/{name}/memory.limit_in_bytes",
    ):
        if os.path.exists(path):
            return int(open(path).read())
    raise AssertionError("no memory cgroup")


def test_a_student_cannot_read_another_students_files(two_students):
    (first, _), (second, _) = two_students
    secret = f"/home/{second}/copie.txt"
    subprocess.run(
        ["runuser", "-u", second, "--", "sh", "-c", f"echo réponse > {secret}"], check=True
    )
    attempt = subprocess.run(
        ["runuser", "-u", first, "--", "cat", secret], capture_output=True, text=True
    )
    assert attempt.returncode != 0 and "Permission denied" in attempt.stderr
    listing = subprocess.run(
        ["runuser", "-u", first, "--", "ls", f"/home/{second}"], capture_output=True, text=True
    )
    assert listing.returncode != 0


def test_a_student_cannot_open_another_students_server(hub, two_students):
    (_, first_server), (second, _) = two_students
    response = first_server.session.get(
        f"{hub.url}/user/{second}/api/contents", timeout=30, allow_redirects=True
    )
    assert response.status_code in (403, 404) or "/hub/" in response.url
    assert '"type": "directory"' not in response.text
