"""Drive the « Mes devoirs » page as a browser does: forms with the _xsrf field, redirects.

Used by tests/assignments (a student's JupyterLab) and tests/hub (through the hub's proxy).
"""

from __future__ import annotations

import html
import re

import requests

from esn_teach.assignments import PAGE_PATH

__all__ = ["PAGE_PATH", "REQUEST_TIMEOUT", "AssignmentsPage"]

_SECTION = re.compile(r"<section (?P<attributes>[^>]*)>.*?</section>", re.S)
_DATA = re.compile(r'data-(?P<key>[\w-]+)="(?P<value>[^"]*)"')
#: How long a request may take: a browser waits minutes, not seconds, for a page, and the first
#: visit of « Mes devoirs » imports nbgrader, which took 69 s in CI with 30 servers starting
#: on 2 cores. The hub tests measure latency; they must not turn it into a failure.
REQUEST_TIMEOUT = 300

_OUTCOME = re.compile(r'data-outcome="(?P<outcome>\w+)">\s*<p>(?P<text>.*?)</div>', re.S)


def _text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup)).strip()


def _plain(page: str) -> str:
    """The page with its non-breaking spaces (French typography) as plain ones, to search in."""
    return page.replace("\u00a0", " ")


class AssignmentsPage:
    """The page at ``url`` (``<server>/esn-teach/devoirs``), with a logged-in ``session``."""

    def __init__(self, session: requests.Session, url: str) -> None:
        self.session = session
        self.url = url
        self.html = ""
        #: The page as served (``html`` has its non-breaking spaces made plain).
        self.raw = ""

    def get(self) -> str:
        response = self.session.get(self.url, timeout=REQUEST_TIMEOUT)
        response.raise_for_status()
        self.raw = response.text
        self.html = _plain(self.raw)
        return self.html

    def modules(self) -> dict[str, dict[str, str]]:
        """Each module's ``data-*`` attributes (module, status, submissions, feedback)."""
        return {
            found["module"]: found
            for section in _SECTION.finditer(self.get())
            for found in [dict(_DATA.findall(section["attributes"]))]
        }

    def section(self, module: str) -> str:
        found = re.search(rf'<section [^>]*data-module="{module}".*?</section>', self.html, re.S)
        assert found, self.html
        return found[0]

    def post(self, action: str, module: str, *, xsrf: bool = True) -> requests.Response:
        if not self.html:
            self.get()
        data = {"action": action, "module": module}
        token = re.search(r'name="_xsrf" value="([^"]+)"', self.html)
        if xsrf:
            assert token, self.html
            data["_xsrf"] = token[1]
        return self.session.post(self.url, data=data, timeout=REQUEST_TIMEOUT)

    def act(self, action: str, module: str) -> tuple[str, str]:
        """Press a button: the outcome (``succes``, ``echec``, ``info``) and what the page
        says, after the redirect."""
        response = self.post(action, module)
        response.raise_for_status()
        assert "?message=" in response.url, response.url  # Post/Redirect/Get
        self.raw = response.text
        self.html = _plain(self.raw)
        found = _OUTCOME.search(self.html)
        assert found, self.html
        return found["outcome"], _text(found["text"])
