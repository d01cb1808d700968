"""Run code in a user's kernel through their Jupyter server, as JupyterLab does."""

from __future__ import annotations

import asyncio
import json
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "assignments"))
from devoirs_client import PAGE_PATH, REQUEST_TIMEOUT, AssignmentsPage
from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect


@dataclass
class Result:
    status: str  # "ok", "error", or "died" (no reply: the kernel was stopped)
    text: str = ""
    messages: list[dict] = field(default_factory=list)


class UserServer:
    """One person's Jupyter server, reached through the hub's proxy with their session."""

    def __init__(self, hub_url: str, name: str, session: requests.Session) -> None:
        self.base = f"{hub_url}/user/{name}"
        self.hub_url = hub_url
        self.session = session
        # OAuth with the hub: the user cookie.
        page = session.get(f"{self.base}/lab", timeout=REQUEST_TIMEOUT)
        page.raise_for_status()

    def _headers(self) -> dict[str, str]:
        # The hub and the user's server each set an _xsrf cookie: take the server's.
        path = self.base.split("127.0.0.1", 1)[1].split("/", 1)[1]
        tokens = [
            c.value
            for c in self.session.cookies
            if c.name == "_xsrf" and c.path.strip("/") == path.strip("/")
        ]
        return {"X-XSRFToken": tokens[0] if tokens else ""}

    def new_kernel(self) -> str:
        response = self.session.post(
            f"{self.base}/api/kernels",
            json={"name": "python3"},
            headers=self._headers(),
            timeout=REQUEST_TIMEOUT,
        )
        response.raise_for_status()
        return str(response.json()["id"])

    def execute(self, kernel_id: str, code: str, *, timeout: float = 60) -> Result:
        content = {
            "code": code,
            "silent": False,
            "store_history": False,
            "user_expressions": {},
            "allow_stdin": False,
            "stop_on_error": True,
        }
        return asyncio.run(self._request(kernel_id, "execute_request", content, timeout))

    def wait_alive(self, kernel_id: str, *, timeout: float = 60) -> None:
        """Wait until the kernel answers (kernel_info), without running any cell.

        On a loaded machine the kernel may still be starting, or the connection may take a
        while: each attempt that fails or times out is retried until ``timeout``.
        """
        deadline = time.monotonic() + timeout
        while True:
            try:
                result = asyncio.run(self._request(kernel_id, "kernel_info_request", {}, 10))
            except Exception as error:
                result = Result("died", text=repr(error))
            if result.status == "ok":
                return
            assert time.monotonic() < deadline, f"kernel never answered: {result.text}"
            time.sleep(1)

    async def _request(
        self, kernel_id: str, msg_type: str, content: dict, timeout: float
    ) -> Result:
        cookies = "; ".join(f"{c.name}={c.value}" for c in self.session.cookies)
        ws_url = self.base.replace("http://", "ws://") + f"/api/kernels/{kernel_id}/channels"
        request = HTTPRequest(
            ws_url,
            headers={"Cookie": cookies, "Origin": self.hub_url},
            connect_timeout=max(timeout, 20),
            request_timeout=max(timeout, 20),
        )
        connection = await websocket_connect(request)
        msg_id = uuid.uuid4().hex
        header = {
            "msg_id": msg_id,
            "username": "test",
            "session": uuid.uuid4().hex,
            "msg_type": msg_type,
            "version": "5.3",
            "date": datetime.now(UTC).isoformat(),
        }
        connection.write_message(
            json.dumps(
                {
                    "header": header,
                    "parent_header": {},
                    "metadata": {},
                    "content": content,
                    "channel": "shell",
                    "buffers": [],
                }
            )
        )
        result = Result("died")
        reply, idle = "", False
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        try:
            while loop.time() < deadline:
                try:
                    raw = await asyncio.wait_for(connection.read_message(), deadline - loop.time())
                except TimeoutError:
                    break
                if raw is None:
                    break
                if isinstance(raw, bytes):
                    continue  # a message with binary buffers (a widget's data): not ours
                message = json.loads(raw)
                result.messages.append(message)
                # The server announces a dead kernel with no parent message.
                if message.get("msg_type") == "status" and message["content"].get(
                    "execution_state"
                ) in ("restarting", "dead", "autorestarting"):
                    break
                if message.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind = message["msg_type"]
                if kind == "stream":
                    result.text += message["content"]["text"]
                elif kind == "execute_result":
                    result.text += message["content"]["data"].get("text/plain", "")
                elif kind in ("execute_reply", "kernel_info_reply"):
                    reply = message["content"].get("status", "ok")
                elif kind == "status" and message["content"]["execution_state"] == "idle":
                    idle = True
                # Outputs come on IOPub, the reply on the shell channel: wait for both.
                if reply and idle:
                    result.status = reply
                    break
        finally:
            connection.close()
        return result


class Student(UserServer):
    """A student's server, used as the « Mes devoirs » page and JupyterLab's editor are."""

    @property
    def page(self) -> AssignmentsPage:
        return AssignmentsPage(self.session, f"{self.base}/{PAGE_PATH}")

    def assignments(self) -> list[dict[str, str]]:
        """The page's modules: ``module``, ``status`` (released, fetched, gone), ``submissions``."""
        return list(self.page.modules().values())

    def action(self, action: str, module: str) -> dict[str, object]:
        """Press « Récupérer », « Rendre » or « Récupérer mon retour » (fetch, submit,
        fetch_feedback): ``success`` and the page's ``message``."""
        outcome, message = self.page.act(action, module)
        return {"success": outcome == "succes", "message": message}

    def read(self, path: str) -> dict:
        response = self.session.get(f"{self.base}/api/contents/{path}", timeout=REQUEST_TIMEOUT)
        response.raise_for_status()
        return dict(response.json())

    def write_notebook(self, path: str, notebook: dict) -> None:
        response = self.session.put(
            f"{self.base}/api/contents/{path}",
            json={"type": "notebook", "format": "json", "content": notebook},
            headers=self._headers(),
            timeout=REQUEST_TIMEOUT,
        )
        response.raise_for_status()
