"""The « Mes devoirs » page: fetch, hand in, get feedback — nbgrader's exchange, in French.

nbgrader's own « Assignments » panel in JupyterLab has its words written in English in its
code (it does not use JupyterLab's translations); this page does the same work through the
same manager (``nbgrader.server_extensions.assignment_list``) and says everything in French.
It is a plain HTML page (forms, no script), served by the student's Jupyter server at
``<base_url>esn-teach/devoirs``.
"""

from __future__ import annotations

import re
import secrets
from collections import OrderedDict
from contextlib import chdir
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from jupyter_server.auth.decorator import authorized
from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.utils import url_escape, url_path_join
from tornado import web

from esn_teach._formatting import fr_spacing
from esn_teach.assignments._listing import (
    PAGE_PATH,
    PARIS,
    Assignment,
    assignments_from_listing,
    explain_failure,
    read_due_dates,
)

if TYPE_CHECKING:
    from nbgrader.server_extensions.assignment_list.handlers import AssignmentList

__all__ = ["setup_page"]

_MANAGER = "esn_teach_assignments"
_MESSAGES = "esn_teach_assignments_messages"
_KEPT_MESSAGES = 64
_ACTIONS = ("fetch", "submit", "fetch_feedback")
_MODULE = re.compile(r"^[\w.-]{1,100}$")

# An action the listing does not allow (a stale page, a second click, a hand-made request).
_UNTOUCHED = "Aucune action effectuée ; vos fichiers sont intacts."
_IMPOSSIBLE = {
    "fetch": "« {module} » n'est pas à récupérer : il est déjà dans vos fichiers, ou votre "
    "enseignant ne le propose plus. " + _UNTOUCHED,
    "submit": "« {module} » n'est pas dans vos fichiers : récupérez-le d'abord (étape 1). "
    + _UNTOUCHED,
    "fetch_feedback": "Vous n'avez rendu aucune copie de « {module} » : il n'y a pas encore de "
    "retour. " + _UNTOUCHED,
}

_TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
)


@dataclass(frozen=True)
class Message:
    """What the page says after an action (Post/Redirect/Get: read once, then forgotten)."""

    #: ``succes`` (done), ``echec`` (not done: says why and what to do) or ``info`` (nothing
    #: to do yet, e.g. no feedback so far).
    outcome: str
    text: str
    #: A link that follows from it (text, URL), e.g. to open the fetched notebook.
    link: tuple[str, str] | None = None

    @property
    def label(self) -> str:
        return {"succes": "C'est fait.", "echec": "Problème.", "info": "À savoir."}[self.outcome]


@dataclass
class _Listing:
    assignments: list[Assignment]
    error: str | None = None


class AssignmentsPage(JupyterHandler):
    """``GET``: the student's modules and what to do next; ``POST``: one action on one module."""

    auth_resource = "contents"

    @property
    def manager(self) -> AssignmentList:
        """The nbgrader manager, made at the first request rather than at server start.

        Importing nbgrader takes about two seconds of CPU, which thirty servers starting
        together for a session would otherwise pay at once.
        """
        made = self.settings[_MANAGER]
        if not isinstance(made, _Lazy):
            return made
        from nbgrader.server_extensions.assignment_list.handlers import AssignmentList

        manager = AssignmentList(parent=made.serverapp)
        manager.root_dir = made.serverapp.root_dir
        self.settings[_MANAGER] = manager
        return manager

    @property
    def root(self) -> Path:
        return Path(self.manager.root_dir)

    def _course(self) -> tuple[str | None, Path | None]:
        """Return the course id and its exchange's ``outbound`` folder, as nbgrader is set."""
        with chdir(self.manager.root_dir):
            config = self.manager.load_config()
        course = config.CourseDirectory.get("course_id") or None
        if not course:
            return None, None
        from nbgrader.exchange import ExchangeFactory

        lister = ExchangeFactory(config=config).List(config=config)
        return str(course), Path(lister.root) / str(course) / "outbound"

    def _listing(self) -> _Listing:
        course, outbound = self._course()
        result = self.manager.list_assignments(course_id=course)
        if not result.get("success"):
            self.log.error("esn-teach devoirs: listing failed: %s", result.get("value"))
            return _Listing(
                [],
                "Impossible d'afficher vos devoirs pour l'instant (un problème du serveur du "
                "cours, pas de votre part). Vos fichiers sont intacts. Réessayez plus tard ; si "
                "cela dure, prévenez votre enseignant.",
            )
        dates = read_due_dates(outbound) if outbound is not None else {}
        return _Listing(assignments_from_listing(result["value"], root=self.root, due_dates=dates))

    def _link(self, kind: str, path: str) -> str:
        return url_path_join(self.base_url, kind, url_escape(path))

    @web.authenticated
    @authorized
    def get(self) -> None:
        token = self.get_argument("message", "")
        message = self.settings[_MESSAGES].pop(token, None) if token else None
        listing = self._listing()
        self.set_header("Cache-Control", "no-store")
        page = _TEMPLATES.get_template("devoirs.html").render(
            assignments=listing.assignments,
            error=listing.error,
            message=message,
            now=datetime.now(PARIS),
            page=url_path_join(self.base_url, PAGE_PATH),
            lab=url_path_join(self.base_url, "lab"),
            notebook_url=lambda path: self._link("lab/tree", path),
            file_url=lambda path: self._link("files", path),
            xsrf=self.xsrf_token.decode("ascii"),
        )
        head, _, body = page.partition("</style>")  # French spacing in the text, not the CSS
        self.finish(f"{head}</style>{fr_spacing(body)}")

    @web.authenticated
    @authorized
    def post(self) -> None:
        action = self.get_body_argument("action", "")
        module = self.get_body_argument("module", "")
        message = self._act(action, module)
        token = secrets.token_urlsafe(12)
        kept: OrderedDict[str, Message] = self.settings[_MESSAGES]
        kept[token] = message
        while len(kept) > _KEPT_MESSAGES:
            kept.popitem(last=False)
        self.redirect(url_path_join(self.base_url, PAGE_PATH) + f"?message={token}#resultat")

    def _act(self, action: str, module: str) -> Message:
        if action not in _ACTIONS or not _MODULE.match(module):
            return Message(
                "echec",
                "Cette action n'a pas pu être traitée : rechargez la page (touche F5) et "
                "réessayez. " + _UNTOUCHED,
            )
        listing = self._listing()
        if listing.error:
            return Message("echec", listing.error)
        entry = next((a for a in listing.assignments if a.module == module), None)
        possible = entry is not None and (
            (action == "fetch" and entry.to_fetch)
            or (action == "submit" and entry.fetched)
            or (action == "fetch_feedback" and bool(entry.submissions))
        )
        if entry is None:
            return Message("echec", f"« {module} » n'est pas dans vos devoirs. {_UNTOUCHED}")
        if not possible:
            return Message("echec", _IMPOSSIBLE[action].format(module=entry.title))
        run = {
            "fetch": self.manager.fetch_assignment,
            "submit": self.manager.submit_assignment,
            "fetch_feedback": self.manager.fetch_feedback,
        }[action]
        result: dict[str, Any] = run(entry.course, module)
        if not result.get("success"):
            self.log.error("esn-teach devoirs: %s %s failed: %s", action, module, result)
            details = str(result.get("value", ""))
            return Message("echec", explain_failure(details, action=action, module=module))
        after = next((a for a in self._listing().assignments if a.module == module), entry)
        return _success(action, after, link=self._link)


def _success(action: str, entry: Assignment, *, link: Any) -> Message:
    """Say what was done, and what it means for the student's grade."""
    title = f"« {entry.title} »"
    if action == "fetch":
        opened = (
            ("Ouvrir le carnet (nouvel onglet)", link("lab/tree", entry.notebooks[0]))
            if entry.notebooks
            else None
        )
        return Message(
            "succes",
            f"{title} est dans vos fichiers, dossier {entry.folder}. Bon courage !",
            opened,
        )
    if action == "submit":
        last = entry.last
        when = f" le {last.when} (heure de Paris)" if last else ""
        text = f"Votre copie de {title} a été rendue{when}."
        if last is not None and entry.late(last):
            text += (
                f" Elle est arrivée après la date limite ({entry.due_text}) : elle sera "
                "marquée en retard."
            )
        text += (
            " Votre carnet reste dans vos fichiers : vous pouvez encore le modifier et le rendre "
            "à nouveau ; seule la dernière copie rendue sera corrigée."
        )
        return Message("succes", text)
    if entry.feedback is not None:
        return Message(
            "succes",
            f"Votre retour sur {title} est arrivé.",
            ("Lire mon retour (nouvel onglet)", link("files", entry.feedback.feedback_pages[0])),
        )
    return Message("info", f"Votre enseignant n'a pas encore corrigé {title}. Revenez plus tard.")


@dataclass(frozen=True)
class _Lazy:
    """The server nbgrader's manager will be made for, at the page's first request."""

    serverapp: Any


def setup_page(serverapp: Any) -> None:
    """Add the page to a Jupyter server (``serverapp.web_app``)."""
    webapp = serverapp.web_app
    webapp.settings[_MANAGER] = _Lazy(serverapp)
    webapp.settings[_MESSAGES] = OrderedDict()
    base_url = webapp.settings["base_url"]
    webapp.add_handlers(".*$", [(url_path_join(base_url, PAGE_PATH), AssignmentsPage)])
    serverapp.log.info("esn-teach: page « Mes devoirs » sur %s", PAGE_PATH)
