"""Helpers of the browser suite: a real JupyterLab server and a headless Chromium.

Nothing here is a test. The server is started the way ``make lab`` starts it
(``jupyter lab`` on 127.0.0.1, the interface in French through the same
``overrides.json`` setting), but on a free port, with token authentication and
a temporary HOME and Jupyter folders, so that a test never reads or writes the
developer's own settings. Every process started here is stopped by its id,
kernels included, even when a test fails.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts" / "browser"

#: The students' Jupyter configuration (``make lab`` sets JUPYTER_CONFIG_PATH to it).
STUDENT_CONFIG = REPO / "etc" / "jupyter-etudiant"

#: Where Debian's package puts Chromium; ESN_TEACH_CHROMIUM overrides it.
DEFAULT_CHROMIUM = "/usr/bin/chromium"

#: The flags that work on this project's machines (no GPU, no sandbox as root, and no
#: background connection attempts: the network is closed beyond 127.0.0.1).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

#: What ``make lab`` writes into .venv/share/jupyter/lab/settings/overrides.json.
FRENCH_OVERRIDE = {"@jupyterlab/translation-extension:plugin": {"locale": "fr_FR"}}

#: Settings a test adds so that nothing asks to reach the Internet (JupyterLab's
#: "news" toast would also cover part of the screenshots).
QUIET_OVERRIDE = {
    "@jupyterlab/apputils-extension:notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}

SERVER_START_TIMEOUT = 120.0
SERVER_STOP_TIMEOUT = 20.0


def chromium_path() -> str | None:
    """Return the Chromium executable to drive, or None when there is none."""
    wanted = os.environ.get("ESN_TEACH_CHROMIUM", DEFAULT_CHROMIUM)
    found = shutil.which(wanted)
    return found if found and os.access(found, os.X_OK) else None


def skip_reason() -> str | None:
    """Return why the browser suite cannot run here, or None when it can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return (
            "browser suite skipped: the Python package 'playwright' is missing "
            "(enable: .venv/bin/pip install -e '.[test]'; no 'playwright install' needed)"
        )
    if chromium_path() is None:
        wanted = os.environ.get("ESN_TEACH_CHROMIUM", DEFAULT_CHROMIUM)
        return (
            f"browser suite skipped: no Chromium at {wanted} (enable: as root, "
            "'apt-get install -y chromium', which 'make test' does when run as root; "
            "or set ESN_TEACH_CHROMIUM to a Chromium executable)"
        )
    return None


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium, headless, driven by Playwright; always closed."""
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS, timeout=60_000
        )
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()


def free_port() -> int:
    """Return a TCP port that is free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _children(pid: int) -> list[int]:
    """Direct children of ``pid`` (Linux /proc)."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found.extend(int(p) for p in (task / "children").read_text().split())
    return found


def descendants(pid: int) -> list[int]:
    """Every process started by ``pid``, at any depth (Linux /proc)."""
    result: list[int] = []
    todo = [pid]
    while todo:
        for child in _children(todo.pop()):
            if child not in result:
                result.append(child)
                todo.append(child)
    return result


def _start_time(pid: int) -> str | None:
    """When ``pid`` started (clock ticks since boot), or None if it is gone or a zombie.

    Comparing start times makes sure a process id reused by someone else's process is
    never signalled.
    """
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return None if fields[0] == "Z" else fields[19]


def listening_addresses(pids: list[int]) -> list[str]:
    """Return the ``address:port`` of every TCP socket in LISTEN state owned by ``pids``."""
    inodes: set[str] = set()
    for pid in pids:
        with contextlib.suppress(OSError):
            for fd in Path(f"/proc/{pid}/fd").iterdir():
                with contextlib.suppress(OSError):
                    target = os.readlink(fd)
                    if target.startswith("socket:["):
                        inodes.add(target[8:-1])
    addresses = []
    for table, width in (("/proc/net/tcp", 4), ("/proc/net/tcp6", 16)):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                parts = line.split()
                if parts[3] != "0A" or parts[9] not in inodes:  # 0A = LISTEN
                    continue
                hex_ip, hex_port = parts[1].split(":")
                raw = bytes.fromhex(hex_ip)
                if width == 4:
                    ip = socket.inet_ntop(socket.AF_INET, raw[::-1])
                else:
                    words = b"".join(raw[i : i + 4][::-1] for i in range(0, 16, 4))
                    ip = socket.inet_ntop(socket.AF_INET6, words)
                addresses.append(f"{ip}:{int(hex_port, 16)}")
    return addresses


@dataclass
class LabServer:
    """A JupyterLab server started for the tests, as ``make lab`` starts it.

    Parameters
    ----------
    root : Path
        The folder the server shows (``--notebook-dir``).
    home : Path
        A temporary folder for HOME and the Jupyter/IPython/matplotlib folders.
    cwd : Path
        The server's working directory (nbgrader reads ``nbgrader_config.py`` there).
    config_path : Path, optional
        ``JUPYTER_CONFIG_PATH``: ``make lab`` gives students ``STUDENT_CONFIG`` (the
        nbgrader instructor tools turned off); the instructor's server has none.
    """

    root: Path
    home: Path
    cwd: Path
    port: int = 0
    config_path: Path | None = None
    token: str = field(default_factory=lambda: secrets.token_hex(16))
    process: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        """Address of ``path`` on the server, with the token that logs the browser in."""
        separator = "&" if "?" in path else "?"
        return f"{self.base_url}/{path.lstrip('/')}{separator}token={self.token}"

    def environment(self) -> dict[str, str]:
        """The server's environment: this interpreter's scripts first, a temporary home."""
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("JUPYTER", "IPYTHON", "MPL"))
        }
        scripts = str(Path(sys.executable).parent)
        env["PATH"] = scripts + os.pathsep + env.get("PATH", "")
        env["HOME"] = str(self.home)
        env.pop("ESN_TEACH_PROGRESS", None)  # a learner's progress: in their home, as for real
        env["JUPYTER_CONFIG_DIR"] = str(self.home / "jupyter-config")
        env["JUPYTER_DATA_DIR"] = str(self.home / "jupyter-data")
        env["JUPYTER_RUNTIME_DIR"] = str(self.home / "jupyter-runtime")
        env["IPYTHONDIR"] = str(self.home / "ipython")
        env["MPLCONFIGDIR"] = str(self.home / "matplotlib")
        env["PYTHONUNBUFFERED"] = "1"
        if self.config_path is not None:
            env["JUPYTER_CONFIG_PATH"] = str(self.config_path)
        return env

    def app_settings_dir(self) -> Path:
        """The JupyterLab settings folder holding ``overrides.json``.

        It starts from the project's own (``make lab`` writes it into .venv) when
        present, else from the same French setting, plus the no-network settings.
        """
        settings = self.home / "lab-settings"
        settings.mkdir(parents=True, exist_ok=True)
        overrides: dict[str, dict[str, object]] = {}
        installed = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
        if installed.is_file():
            overrides.update(json.loads(installed.read_text(encoding="utf-8")))
        else:
            overrides.update(FRENCH_OVERRIDE)
        for plugin, values in QUIET_OVERRIDE.items():
            overrides[plugin] = {**overrides.get(plugin, {}), **values}
        (settings / "overrides.json").write_text(json.dumps(overrides, indent=2), encoding="utf-8")
        return settings

    def command(self) -> list[str]:
        """The ``jupyter lab`` command line (the Makefile's, plus test-only options)."""
        as_root = ["--ServerApp.allow_root=True"] if os.geteuid() == 0 else []
        return [
            sys.executable,
            "-m",
            "jupyterlab",
            *as_root,
            f"--notebook-dir={self.root}",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            "--ServerApp.open_browser=False",
            f"--IdentityProvider.token={self.token}",
            f"--LabApp.app_settings_dir={self.app_settings_dir()}",
            "--LabApp.news_url=",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ]

    def start(self) -> LabServer:
        """Start the server and wait until its REST API answers (bounded wait)."""
        self.home.mkdir(parents=True, exist_ok=True)
        last_error = ""
        for attempt in range(3):  # another process may take the free port first
            self.port = free_port()
            self.log_path = self.home / f"jupyter-lab-{attempt}.log"
            with self.log_path.open("wb") as log:
                self.process = subprocess.Popen(
                    self.command(),
                    cwd=self.cwd,
                    env=self.environment(),
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            if self._wait_ready():
                return self
            last_error = self.log_tail()
            self.stop()
        raise RuntimeError(f"JupyterLab did not start:\n{last_error}")

    def _wait_ready(self) -> bool:
        assert self.process is not None
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            with contextlib.suppress(OSError, urllib.error.URLError):
                if self.api("api/status") is not None:
                    return True
            time.sleep(0.3)
        return False

    def api(self, path: str, method: str = "GET", timeout: float = 10.0) -> object:
        """Call the server's REST API with the token; return the decoded JSON (or None)."""
        request = urllib.request.Request(
            f"{self.base_url}/{path}",
            method=method,
            headers={"Authorization": f"token {self.token}"},
            data=b"" if method in {"POST", "DELETE"} else None,
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """Shut down every kernel of the server (between tests); never raises."""
        with contextlib.suppress(OSError, urllib.error.URLError, ValueError):
            for kernel in self.api("api/kernels") or []:  # type: ignore[union-attr]
                with contextlib.suppress(OSError, urllib.error.URLError):
                    self.api(f"api/kernels/{kernel['id']}", method="DELETE", timeout=20)

    def log_tail(self, lines: int = 40) -> str:
        """The last lines the server wrote."""
        if self.log_path is None or not self.log_path.is_file():
            return ""
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def processes(self) -> list[int]:
        """The server's process id and those of every process it started (kernels)."""
        if self.process is None or self.process.poll() is not None:
            return []
        return [self.process.pid, *descendants(self.process.pid)]

    def stop(self) -> None:
        """Stop the server and every process it started; never hangs, never raises."""
        process, self.process = self.process, None
        if process is None:
            return
        pids = [process.pid, *descendants(process.pid)] if process.poll() is None else []
        started = {pid: _start_time(pid) for pid in pids}
        if process.poll() is None:
            # The server's own shutdown also shuts its kernels down.
            with contextlib.suppress(OSError, urllib.error.URLError, ValueError):
                request = urllib.request.Request(
                    f"{self.base_url}/api/shutdown",
                    method="POST",
                    headers={"Authorization": f"token {self.token}"},
                    data=b"",
                )
                urllib.request.urlopen(request, timeout=5).close()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=SERVER_STOP_TIMEOUT)

        def survivors() -> list[int]:
            return [pid for pid, start in started.items() if start and _start_time(pid) == start]

        for sig in (signal.SIGTERM, signal.SIGKILL):
            for pid in survivors():
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(pid, sig)
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline and survivors():
                time.sleep(0.1)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=5)


@contextlib.contextmanager
def running_lab(
    root: Path, home: Path, cwd: Path | None = None, *, student: bool = False
) -> Iterator[LabServer]:
    """Start a :class:`LabServer` (as ``make lab`` does when ``student``); always stop it."""
    server = LabServer(
        root=root, home=home, cwd=cwd or root, config_path=STUDENT_CONFIG if student else None
    )
    try:
        yield server.start()
    finally:
        server.stop()


# -- driving JupyterLab -------------------------------------------------------------------

#: The current notebook's cells, in order (windowed or not, every cell is in the DOM).
CELL_SELECTOR = _CELLS = (
    ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-viewport > .jp-Cell"
)

#: Per cell: kind, input prompt ("[3]:", "[*]:", "[ ]:"), and each output's MIME type and text.
_CELL_STATES_JS = """(selector) => Array.from(document.querySelectorAll(selector)).map(cell => ({
    code: cell.classList.contains('jp-CodeCell'),
    prompt: ((cell.querySelector('.jp-InputPrompt') || {}).textContent || '').trim(),
    // A check cell's code is folded (source_hidden): its input prompt is not shown.
    folded: cell.querySelector('.jp-InputPlaceholder') !== null,
    outputs: Array.from(cell.querySelectorAll('.jp-OutputArea-output')).map(out => ({
        mime: out.getAttribute('data-mime-type') || '',
        widget: out.querySelector('.jupyter-widgets') !== null,
        text: out.textContent,
    })),
}))"""

#: True when the notebook's kernel is idle and no cell is queued or running.
_IDLE_JS = """(selector) => {
    const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
    if (!panel) return false;
    const indicator = panel.querySelector('.jp-Notebook-ExecutionIndicator[data-status]');
    if (!indicator || indicator.getAttribute('data-status') !== 'idle') return false;
    return !Array.from(document.querySelectorAll(selector)).some(
        cell => ((cell.querySelector('.jp-InputPrompt') || {}).textContent || '').includes('*'));
}"""

#: What an explorer's output shows, apart from its own control: text and image sources.
_SNAPSHOT_JS = """(area, control) => {
    const parts = [];
    const walker = document.createTreeWalker(area, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.currentNode; node; node = walker.nextNode()) {
        if (control.contains(node)) continue;
        if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent);
        else if (node.tagName === 'IMG') parts.push('img:' + node.src);
        else if (node.tagName === 'CANVAS') parts.push('canvas:' + node.toDataURL());
    }
    return parts.join('|');
}"""

#: ipywidgets controls a student moves, most common first.
CONTROL_SELECTOR = ", ".join(
    [
        ".widget-slider",
        ".widget-dropdown",
        ".widget-toggle-buttons",
        ".widget-radio-box",
        ".widget-checkbox",
        ".widget-text",
    ]
)

EXECUTION_TIMEOUT_MS = 240_000


def cell_states(page: Page) -> list[dict[str, Any]]:
    """Kind, prompt and outputs of every cell of the open notebook."""
    return list(page.evaluate(_CELL_STATES_JS, _CELLS))


def cells(page: Page) -> Locator:
    """The cells of the open notebook."""
    return page.locator(_CELLS)


def accept_kernel_dialog(page: Page) -> bool:
    """Accept JupyterLab's « Sélectionnez le noyau » dialog if it is open.

    On a slow machine JupyterLab may ask which kernel to start (the notebook's own,
    Python 3, is preselected); a student clicks « Sélectionner ».
    """
    dialog = page.locator(".jp-Dialog").filter(has_text="noyau")
    if not dialog.count():
        return False
    dialog.locator("button.jp-mod-accept").first.click(timeout=10_000)
    return True


def wait_idle(page: Page, timeout_ms: float = EXECUTION_TIMEOUT_MS) -> None:
    """Wait until the kernel is idle and no cell is queued (bounded)."""
    deadline = time.monotonic() + timeout_ms / 1000
    while time.monotonic() < deadline:
        accept_kernel_dialog(page)
        if page.evaluate(_IDLE_JS, _CELLS):
            return
        time.sleep(0.25)
    raise TimeoutError(f"the kernel was still busy after {timeout_ms / 1000:.0f} s")


def menu(page: Page, top: str, item: str) -> None:
    """Click a menu of the menu bar, then one of its items (labels as displayed)."""
    page.locator(".lm-MenuBar").get_by_role("menuitem", name=top, exact=True).click()
    page.locator(".lm-Menu").get_by_role("menuitem", name=item, exact=True).click()


def open_notebook(page: Page, server: LabServer, path: str) -> None:
    """Open a notebook in JupyterLab and wait for its kernel to be ready.

    Each test gets its own empty JupyterLab workspace, so that the tabs opened by an
    earlier test are not restored.
    """
    workspace = secrets.token_hex(6)
    page.goto(server.url(f"lab/workspaces/{workspace}/tree/{path}?reset"), wait_until="commit")
    page.locator(_CELLS).first.wait_for(state="attached", timeout=90_000)
    kernel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-KernelName")
    deadline = time.monotonic() + 120
    while "ipykernel" not in (kernel.text_content() or "") and time.monotonic() < deadline:
        accept_kernel_dialog(page)
        time.sleep(0.25)
    wait_idle(page, timeout_ms=120_000)


def executed(state: dict[str, Any]) -> bool:
    """Whether a cell has run: a number in its prompt, or, code folded, an output."""
    if state.get("folded"):
        return bool(state["outputs"])
    return any(ch.isdigit() for ch in state["prompt"])


def run_all_cells(page: Page, code_cells: int) -> int:
    """Run every cell through the menus, as a student would; return the number of rounds.

    Answer and self-check cells carry the ``raises-exception`` tag, so « Exécution ›
    Exécuter toutes les cellules » runs the whole module although the self-checks of
    unanswered questions fail on purpose: one round. Should a cell stop the run, the
    student selects the next cell and uses « Exécuter la cellule sélectionnée et toutes
    les suivantes »; the rounds this takes are returned (tests expect 1).
    """
    menu(page, "Exécution", "Exécuter toutes les cellules")
    for round_number in range(1, code_cells + 2):
        page.wait_for_function(
            """(selector) => { const cells = document.querySelectorAll(selector);
                const code = Array.from(cells).filter(c => c.classList.contains('jp-CodeCell'));
                return code.length > 0 && /[0-9*]/.test(
                    code[0].querySelector('.jp-InputPrompt').textContent); }""",
            arg=_CELLS,
            timeout=60_000,
        )
        wait_idle(page)
        states = cell_states(page)
        pending = [i for i, s in enumerate(states) if s["code"] and not executed(s)]
        if not pending:
            return round_number
        first = pending[0]
        cells(page).nth(first).locator(".jp-InputPrompt").click()
        menu(page, "Exécution", "Exécuter la cellule sélectionnée et toutes les suivantes")
        page.wait_for_function(
            """([selector, index]) => /[0-9*]/.test(document.querySelectorAll(selector)[index]
                .querySelector('.jp-InputPrompt').textContent)""",
            arg=[_CELLS, first],
            timeout=60_000,
        )
    raise AssertionError(f"cells still not run after {code_cells + 1} rounds")


def run_cell_and_advance(page: Page, index: int) -> None:
    """Press Shift+Enter on the selected cell ``index``; wait for its new result."""
    before = cell_states(page)[index]
    page.keyboard.press("Shift+Enter")
    if before.get("folded"):  # no prompt to watch: wait for its outputs to change
        page.wait_for_function(
            """([selector, index, before]) => {
                const cell = document.querySelectorAll(selector)[index];
                const text = Array.from(cell.querySelectorAll('.jp-OutputArea-output'))
                    .map(out => out.textContent).join('\\n');
                return text !== '' && text !== before; }""",
            arg=[_CELLS, index, "\n".join(o["text"] for o in before["outputs"])],
            timeout=EXECUTION_TIMEOUT_MS,
        )
    else:
        page.wait_for_function(
            """([selector, index, before]) => {
                const text = document.querySelectorAll(selector)[index]
                    .querySelector('.jp-InputPrompt').textContent.trim();
                return text !== before && /[0-9]/.test(text); }""",
            arg=[_CELLS, index, before["prompt"]],
            timeout=EXECUTION_TIMEOUT_MS,
        )
    wait_idle(page)


def snapshot(area: Locator, control: Locator) -> str:
    """What an explorer's output shows, apart from the control itself."""
    return str(area.evaluate(_SNAPSHOT_JS, control.element_handle()))


# -- accessibility ------------------------------------------------------------------------

#: axe-core from the npm registry (``make node-deps`` installs the locked version).
AXE = REPO / "tests" / "browser" / "axe" / "node_modules" / "axe-core" / "axe.min.js"

#: The impacts that fail a test (axe's scale: minor, moderate, serious, critical).
BLOCKING = ("serious", "critical")


def axe_audit(page: Page, selector: str | None = None) -> list[dict[str, Any]]:
    """Run axe-core (WCAG 2.x A/AA rules) on the page or on ``selector``; return violations.

    Each violation is axe's own record: ``id``, ``impact``, ``help`` and the
    ``nodes`` concerned (their ``target`` selectors and ``html``).
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    script = """async (selector) => {
        const context = selector ? {include: Array.from(document.querySelectorAll(selector))}
                                 : document;
        const result = await window.axe.run(context, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
            resultTypes: ['violations'],
        });
        return result.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => ({target: n.target, html: n.html.slice(0, 300)})),
        }));
    }"""
    return list(page.evaluate(script, selector))


def axe_summary(violations: list[dict[str, Any]]) -> dict[str, int]:
    """Count the elements concerned per impact (every impact listed)."""
    counts = {"minor": 0, "moderate": 0, "serious": 0, "critical": 0}
    for violation in violations:
        counts[str(violation.get("impact") or "minor")] += len(violation["nodes"])
    return counts


def axe_blocking(violations: list[dict[str, Any]]) -> list[str]:
    """One line per serious or critical violation, for an assertion message."""
    return [
        f"{v['impact']} {v['id']} ({v['help']}): "
        + "; ".join(f"{n['target']} {n['html'][:120]}" for n in v["nodes"][:3])
        for v in violations
        if v.get("impact") in BLOCKING
    ]


def record_audit(name: str, violations: list[dict[str, Any]]) -> None:
    """Keep the audit in test-artifacts/browser/accessibilite.json (one entry per page)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / "accessibilite.json"
    audits = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    audits[name] = {"counts": axe_summary(violations), "violations": violations}
    path.write_text(json.dumps(audits, indent=2, ensure_ascii=False), encoding="utf-8")
