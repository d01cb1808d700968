"""The sandbox itself: real bubblewrap, real kernels forked from one template."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from jupyter_client import BlockingKernelClient

import esn_teach
from esn_teach.grading import _sandbox
from esn_teach.grading._sandbox import Limits, Template, clean_stale_scratch, protections

# Kernels started in bubblewrap, limits hit for real: seconds each (make test, not the fast
# loop).
pytestmark = pytest.mark.slow

BWRAP = bool(shutil.which("bwrap")) and protections().bubblewrap
needs_bwrap = pytest.mark.skipif(not BWRAP, reason="bubblewrap absent ou inutilisable ici")

REPO = Path(esn_teach.__file__).resolve().parents[1]
ROOT = os.geteuid() == 0
SECRETS = {"ESN_TEACH_PSEUDONYM_KEY": "cle-pseudonymes-4242", "PGPASSWORD": "motdepasse-4242"}


class Kernel:
    """A kernel forked from ``template``, driven by a blocking client."""

    def __init__(self, template: Template) -> None:
        self.template = template
        self.cwd = template.workdir()
        km = template.start_kernel(self.cwd, {"NBGRADER_EXECUTION": "autograde"})
        self.pid = km.provisioner.pid
        self.client = BlockingKernelClient(connection_file=km.connection_file)
        self.client.load_connection_file()
        self.client.start_channels()
        try:
            self.client.wait_for_ready(timeout=60)
        except RuntimeError:
            error = self.cwd / ".child-error"
            self.close()
            raise AssertionError(error.read_text() if error.exists() else "kernel died") from None

    def run(self, code: str, timeout: float = 60) -> str:
        """Execute ``code``; return what it printed, errors as ``Name: value`` lines."""
        outputs: list[str] = []

        def hook(message: dict) -> None:
            content = message["content"]
            if message["msg_type"] == "stream":
                outputs.append(content["text"])
            elif message["msg_type"] == "error":
                outputs.append(f"{content['ename']}: {content['evalue']}\n")
            elif message["msg_type"] == "execute_result":
                outputs.append(content["data"]["text/plain"] + "\n")

        self.client.execute_interactive(code, timeout=timeout, output_hook=hook)
        return "".join(outputs)

    def close(self) -> None:
        self.client.stop_channels()
        self.template.kill(self.pid)


@contextlib.contextmanager
def kernel(template: Template) -> Iterator[Kernel]:
    """A fresh kernel of ``template``, killed afterwards."""
    started = Kernel(template)
    try:
        yield started
    finally:
        started.close()


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Iterator[Template]:
    """One template with the default limits, started with secrets in the environment."""
    if not BWRAP:
        pytest.skip("bubblewrap absent ou inutilisable ici")
    with pytest.MonkeyPatch.context() as patch:
        for key, value in SECRETS.items():
            patch.setenv(key, value)
        started = Template(["numpy"], Limits(), [Path.home()])
    yield started
    started.close()


@needs_bwrap
@pytest.mark.skipif(not ROOT, reason="le changement d'identité n'est testable qu'en root")
@pytest.mark.parametrize("variable", ["HOME", "TMPDIR"])
def test_kernel_starts_with_any_home_or_tmpdir(variable, tmp_path, monkeypatch):
    if variable == "HOME":
        folder = tmp_path / "emptyhome"
        folder.mkdir()
    else:  # a temporary folder an unprivileged user cannot traverse
        private = Path(tempfile.mkdtemp(prefix="esn-test-private-", dir=Path.home()))
        private.chmod(0o700)
        folder = private / "tmp"
        folder.mkdir()
    monkeypatch.setenv(variable, str(folder))
    monkeypatch.setattr(tempfile, "tempdir", None)
    started = Template(["numpy"], Limits(), [Path.home()])
    try:
        if variable == "TMPDIR":
            assert _inside(started.scratch, folder)
        with kernel(started) as k:
            total, uid = k.run(
                "import os, numpy\nprint(numpy.arange(4).sum(), os.getuid())"
            ).split()
        assert total == "6"
        assert int(uid) >= 200_000  # an unprivileged, per-submission user
    finally:
        started.close()
        if variable == "TMPDIR":
            shutil.rmtree(folder.parent)


@needs_bwrap
def test_python_installed_under_tmp_stays_importable(monkeypatch):
    """A project cloned under /tmp (as CI does): each copy's fresh /tmp must not hide it."""
    from esn_teach.grading import _sandbox

    library = Path(tempfile.mkdtemp(prefix="esn-test-lib-", dir="/tmp"))
    library.chmod(0o755)  # as an installed virtual environment is
    (library / "esn_probe_module.py").write_text("VALUE = 42\n")
    original = _sandbox._python_paths
    monkeypatch.setattr(_sandbox, "_python_paths", lambda hidden: [*original(hidden), library])
    started = Template(["numpy"], Limits(), [Path.home()])
    try:
        with kernel(started) as k:
            code = (
                f"import sys\nsys.path.insert(0, {str(library)!r})\n"
                "import esn_probe_module\nprint(esn_probe_module.VALUE)\n"
                f"open({str(library / 'ecrit')!r}, 'w')"
            )
            printed = k.run(code)
        assert printed.startswith("42\n"), printed
        assert "Error" in printed  # read-only for the copy
        assert not (library / "ecrit").exists()
    finally:
        started.close()
        shutil.rmtree(library)


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def test_resource_limits_cannot_be_lifted(template):
    code = (
        "import resource\n"
        "for name in ('RLIMIT_AS', 'RLIMIT_CPU', 'RLIMIT_FSIZE', 'RLIMIT_NPROC', "
        "'RLIMIT_NOFILE', 'RLIMIT_CORE', 'RLIMIT_STACK'):\n"
        "    kind = getattr(resource, name)\n"
        "    soft, hard = resource.getrlimit(kind)\n"
        "    try:\n"
        "        resource.setrlimit(kind, (-1, -1))\n"
        "        print(name, 'lifted')\n"
        "    except (ValueError, OSError):\n"
        "        print(name, 'kept', soft == hard)\n"
    )
    with kernel(template) as k:
        lines = k.run(code).split("\n")
    assert [line for line in lines if line] == [
        f"RLIMIT_{name} kept True"
        for name in ("AS", "CPU", "FSIZE", "NPROC", "NOFILE", "CORE", "STACK")
    ]


@pytest.mark.slow  # allocates until the limit stops it (seconds): make test only
def test_memory_headroom_is_real_and_bounded(template):
    with kernel(template) as k:
        assert k.run("import numpy as np\nprint(np.ones(62_500_000).sum())") == "62500000.0\n"
        assert k.run("bomb = bytearray(8 * 1024**3)").startswith("MemoryError")
        assert k.run("print(np.ones(62_500_000).sum())") == "62500000.0\n"  # still alive


@pytest.mark.slow  # allocates until the limit stops it (seconds): make test only
def test_memory_of_the_whole_submission_is_bounded(template):
    if not template.protections.memory_cgroup:
        pytest.skip("pas de cgroup mémoire utilisable sur cette machine")
    code = (
        "import os, time, numpy as np\n"
        "pids = []\n"
        "for _ in range(3):\n"
        "    pid = os.fork()\n"
        "    if pid == 0:\n"
        "        chunk = np.ones(75_000_000)\n"  # 600 MB each, under the per-process headroom
        "        time.sleep(2)\n"
        "        os._exit(0)\n"
        "    pids.append(pid)\n"
        "print(sorted(os.waitstatus_to_exitcode(os.waitpid(p, 0)[1]) for p in pids))\n"
    )
    with kernel(template) as k:
        codes = json.loads(k.run(code))
        assert -9 in codes, codes  # the kernel killed at least one of them
        assert template.stop_reason(k.pid).startswith("mémoire de la copie épuisée")


def test_environment_holds_no_secret(template):
    with kernel(template) as k:
        seen = k.run("import os\nprint(dict(os.environ))")
        assert "NBGRADER_EXECUTION" in seen
        for key, value in SECRETS.items():
            assert key not in seen and value not in seen


def test_only_the_interpreter_and_the_package_are_visible(template, tmp_path_factory):
    course = tmp_path_factory.mktemp("course")
    (course / "source.ipynb").write_text("SOLUTION")
    visible_home = {
        path.relative_to(Path.home()).parts[0]
        for path in _sandbox._required_paths()
        if _inside(path, Path.home())
    }
    probes = {
        "git": REPO / ".git",
        "notebooks": REPO / "notebooks",
        "grading": REPO / "grading",
        "tests": REPO / "tests",
        "course": course / "source.ipynb",
    }
    code = "import os\n" + "".join(
        f"print({name!r}, os.path.exists({str(path)!r}))\n" for name, path in probes.items()
    )
    # Nothing of the home folder may be mounted at all (a system Python): then it is absent.
    home = str(Path.home())
    code += f"print('home', sorted(os.listdir({home!r})) if os.path.isdir({home!r}) else [])\n"
    code += f"print('package', os.path.exists({str(REPO / 'esn_teach' / '__init__.py')!r}))\n"
    with kernel(template) as k:
        lines = dict(line.split(" ", 1) for line in k.run(code).splitlines())
    for name in probes:
        assert lines[name] == "False", name
    assert set(json.loads(lines["home"].replace("'", '"'))) <= visible_home
    assert lines["package"] == "True"


@needs_bwrap
def test_kernels_import_the_graders_own_package(monkeypatch):
    """Another checkout's esn_teach (the interpreter's editable install points elsewhere).

    The canary and the copies must be graded by the checks the grader runs with: the bound
    package is the one imported, not whatever the installation would find.
    """
    other = Path(tempfile.mkdtemp(prefix="esn-test-checkout-", dir="/tmp"))
    try:
        other.chmod(0o755)
        shutil.copytree(
            REPO / "esn_teach", other / "esn_teach", ignore=shutil.ignore_patterns("__pycache__")
        )
        (other / "esn_teach" / "_marker_other_checkout.py").write_text("")
        monkeypatch.setattr(_sandbox, "_package_dir", lambda: other / "esn_teach")
        monkeypatch.setattr(
            _sandbox, "_TEMPLATE_SCRIPT", other / "esn_teach" / "grading" / "_template.py"
        )
        _sandbox._fresh_sys_path.cache_clear()
        started = Template(["numpy"], Limits(), [Path.home()])
        try:
            with kernel(started) as k:
                seen = k.run(
                    "import esn_teach, esn_teach._marker_other_checkout\n"
                    "print(esn_teach.__file__)\n"
                    f"print(__import__('os').path.exists({str(REPO / 'notebooks')!r}))"
                )
        finally:
            started.close()
    finally:
        _sandbox._fresh_sys_path.cache_clear()
        shutil.rmtree(other, ignore_errors=True)
    imported, project_visible = seen.split()
    assert imported == str(other / "esn_teach" / "__init__.py"), seen
    assert project_visible == "False"  # only the package of that checkout is bound


def test_cpu_is_pinned_for_good(template):
    if template.cpu is None:
        pytest.skip("un seul cœur, ou plus de correcteurs que de cœurs")
    with kernel(template) as k:
        before = k.run("import os\nprint(sorted(os.sched_getaffinity(0)))")
        widened = k.run(
            "try:\n    os.sched_setaffinity(0, range(os.cpu_count()))\nexcept OSError:\n    pass\n"
            "print(sorted(os.sched_getaffinity(0)))"
        )
    assert json.loads(before) == [template.cpu]
    if template.protections.cpuset_cgroup:
        assert json.loads(widened) == [template.cpu]


@pytest.fixture(scope="module")
def shared_template() -> Iterator[Template]:
    """A template whose kernels share its IPC namespace, /tmp and /dev/shm (the fallback)."""
    if not BWRAP:
        pytest.skip("bubblewrap absent ou inutilisable ici")
    real = _sandbox.protections

    def without_namespaces(*args, **kwargs):
        offered = real(*args, **kwargs)
        offered.namespaces = False
        return offered

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_sandbox, "protections", without_namespaces)
        started = Template(["numpy"], Limits(), [Path.home()])
    yield started
    started.close()


@pytest.mark.parametrize("fixture", ["template", "shared_template"])
def test_nothing_shared_between_two_submissions(fixture, request):
    template = request.getfixturevalue(fixture)
    shm = (
        "import ctypes, ctypes.util\n"
        "libc = ctypes.CDLL(ctypes.util.find_library('c'), use_errno=True)\n"
        "libc.shmat.restype = ctypes.c_void_p\n"
        "KEY = 0xE5A7\n"
    )
    writer = shm + (
        "ident = libc.shmget(KEY, 1 << 20, 0o1666)\n"  # IPC_CREAT | 0666
        "address = libc.shmat(ident, None, 0)\n"
        "ctypes.memmove(address, b'answers', 7)\n"
        "open('/dev/shm/esn-leak', 'w').write('answers')\n"
        "open('/tmp/esn-leak', 'w').write('answers')\n"
        "print(ident >= 0)\n"
    )
    reader = shm + (
        "import os\n"
        "print(libc.shmget(KEY, 0, 0) >= 0, os.path.exists('/dev/shm/esn-leak'), "
        "os.path.exists('/tmp/esn-leak'))\n"
    )
    with kernel(template) as first:
        assert first.run(writer) == "True\n"
        assert first.run(reader) == "True True True\n"
    with kernel(template) as second:
        assert second.run(reader) == "False False False\n"


def test_disk_quota_kills_the_submission(template):
    mib = 1024 * 1024
    chunks = template.limits.disk_mb // (template.limits.file_mb - 1) + 2
    code = (
        f"for i in range({chunks}):\n"
        f"    with open(f'big-{{i}}.bin', 'wb') as handle:\n"
        f"        handle.write(b'x' * {(template.limits.file_mb - 1) * mib})\n"
        "import time\n"
        "time.sleep(30)\n"
    )
    with kernel(template) as k:
        k.client.execute(code)
        deadline = time.monotonic() + 20
        while template.request(op="poll", pid=k.pid).get("status") is None:
            assert time.monotonic() < deadline, "the kernel outlived its disk quota"
            time.sleep(0.2)
        assert template.stop_reason(k.pid).startswith("espace disque dépassé")


def test_stale_scratch_folders_are_removed(tmp_path):
    dead = subprocess.Popen(["true"])
    dead.wait()
    me = os.getpid()
    owners = {
        "dead": {"pid": dead.pid, "start": 1},
        "reused": {"pid": me, "start": (_sandbox._start_time(me) or 0) + 1},
        "alive": {"pid": me, "start": _sandbox._start_time(me)},
    }
    for name, owner in owners.items():
        folder = tmp_path / f"esn-teach-grading-{name}"
        (folder / "work").mkdir(parents=True)
        (folder / ".owner").write_text(json.dumps(owner))
    unrelated = tmp_path / "something-else"
    unrelated.mkdir()
    removed = clean_stale_scratch(tmp_path)
    assert sorted(p.name for p in removed) == ["esn-teach-grading-dead", "esn-teach-grading-reused"]
    assert (tmp_path / "esn-teach-grading-alive").is_dir()
    assert unrelated.is_dir()


def test_stale_cgroups_are_removed():
    hierarchy = _sandbox._hierarchy("memory")
    if hierarchy is None:
        pytest.skip("pas de cgroup mémoire utilisable sur cette machine")
    dead = subprocess.Popen(["true"])
    dead.wait()
    stale = hierarchy / f"esn-teach-{dead.pid}-1-1"
    (stale / "u200001").mkdir(parents=True)
    clean_stale_scratch()
    assert not stale.exists()


def test_bubblewrap_binds_an_allow_list_only(tmp_path):
    command = _sandbox._bwrap_command([], tmp_path)
    pairs = {
        (command[i], command[i + 1], command[i + 2])
        for i in range(len(command) - 2)
        if command[i] in ("--ro-bind", "--bind")
    }
    sources = {source for _, source, _ in pairs}
    assert "/" not in sources
    assert ("--ro-bind", "/usr", "/usr") in pairs
    assert str(REPO / "esn_teach") in sources
    assert str(REPO) not in sources and str(REPO / ".git") not in sources
    assert ("--bind", str(tmp_path), str(tmp_path)) in pairs
    assert command.index("/tmp") < command.index(str(tmp_path))  # fresh /tmp, then the scratch


def _reachable(path: Path) -> bool:
    path = path.resolve()
    return all(parent.stat().st_mode & 0o001 for parent in [path, *path.parents])


def test_without_bubblewrap_root_is_dropped_only_when_everything_is_reachable():
    offered = protections(sandbox=False)
    assert not offered.bubblewrap
    assert any("--no-sandbox" in message for message in offered.missing)
    if not ROOT:
        return
    # What the unprivileged probe imports (Python, esn_teach: a clone in a private folder is
    # out of its reach) and the scratch folder's parent.
    reachable = all(
        _reachable(path)
        for path in (
            Path(sys.base_prefix),
            Path(esn_teach.__file__).parent,
            Path(tempfile.gettempdir()),
        )
    )
    assert offered.drop_root == reachable
    if not reachable:
        assert any("pas accessible à un utilisateur non privilégié" in m for m in offered.missing)
    started = Template(["numpy"], Limits(), [], sandbox=False)
    try:
        with kernel(started) as k:
            total, uid = k.run(
                "import os, numpy\nprint(numpy.arange(4).sum(), os.getuid())"
            ).split()
        assert total == "6"
        assert (int(uid) >= 200_000) == offered.drop_root
    finally:
        started.close()


def test_missing_bounds_are_said_once_in_french(monkeypatch):
    found = {"bubblewrap": True, "namespaces": False, "drop": True, "cgroups": []}
    monkeypatch.setattr(_sandbox, "_probe", lambda *args: found)
    missing = protections().missing
    assert sum("cgroup mémoire" in message for message in missing) == 1
    assert sum("IPC" in message for message in missing) == 1
    if len(os.sched_getaffinity(0)) > 1:
        assert sum("cpuset" in message for message in missing) == 1
