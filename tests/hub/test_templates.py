"""The hub's pages in French: esn_teach/hub/templates/ over JupyterHub's own templates.

Each page is rendered the way JupyterHub renders it (the Jinja environment of
``JupyterHub.init_tornado_settings``, the template namespace of its handlers, simplified), then
read as a person would: the visible text, the accessible names (alt, title, aria-label,
placeholder, button values) and the strings of the inline scripts, which JupyterHub's pages
show on the fly.
"""

from __future__ import annotations

import importlib.metadata
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from bs4 import BeautifulSoup
from jinja2 import (
    ChoiceLoader,
    DictLoader,
    Environment,
    FileSystemLoader,
    PrefixLoader,
    nodes,
)

import esn_teach

jupyterhub = pytest.importorskip(
    "jupyterhub", reason="JupyterHub absent : pip install 'jupyterhub==6.1.1'"
)
from jupyterhub._data import DATA_FILES_PATH  # noqa: E402  (after the skip above)

OURS = Path(esn_teach.__file__).parent / "hub" / "templates"
DEFAULTS = Path(DATA_FILES_PATH) / "templates"
NOTICE = (
    "{# Adapted from JupyterHub 6.1.1 (BSD-3-Clause, (c) Jupyter Development Team), "
    "translated into French. #}\n"
)
TEMPLATES = (
    "page.html",
    "home.html",
    "spawn_pending.html",
    "not_running.html",
    "stop_pending.html",
    "error.html",
    "404.html",
    "logout.html",
    "login.html",
    "token.html",
)

#: English interface strings of JupyterHub 6.1.1's pages (visible text, accessible names, texts
#: its inline scripts write). Words that are also French (Note, Permissions, Services, Actions)
#: are left out.
ENGLISH = (
    "Home",
    "Token",
    "Admin",
    "Logout",
    "Login",
    "Toggle dark mode",
    "Toggle navigation",
    "Close",
    "The error",
    "JupyterHub requires JavaScript",
    "Please enable it",
    "JupyterHub logo",
    "JupyterHub home page",
    "Start My Server",
    "Stop My Server",
    "My Server",
    "Named Servers",
    "Add New Server",
    "Server name",
    "Last activity",
    "Never",
    "Your server is starting up",
    "You will be redirected automatically",
    "Complete",
    "Event log",
    "Stop Server",
    "Stopping",
    "Server stopped successfully",
    "Error stopping server",
    "Server not running",
    "Spawn failed",
    "Launch Server",
    "Relaunch",
    "Would you like",
    "Your server is stopping",
    "refresh",
    "Successfully logged out",
    "Jupyter has lots of moons",
    "Bad Request",
    "Forbidden",
    "Not Found",
    "Internal Server Error",
    "Service Unavailable",
    "Sign in",
    "Invalid username or password",
    "Login form invalid or expired",
    "Username",
    "Password",
    "Show password",
    "Warning",
    "terms and conditions",
    "Manage JupyterHub Tokens",
    "Token expires in",
    "Request new API token",
    "Your new API Token",
    "Copy this token",
    "API Tokens",
    "Last used",
    "Created",
    "Expires",
    "revoke",
    "Authorized Applications",
    "First authorized",
    "1 Week",
)
_ENGLISH = re.compile("|".join(rf"\b{re.escape(s)}\b" for s in ENGLISH))


# --- Rendering as JupyterHub does ---------------------------------------------------------


def hub_environment(*template_paths: Path, first: dict[str, str] | None = None) -> Environment:
    """JupyterHub's Jinja environment (`init_tornado_settings`), in its synchronous form.

    ``template_paths`` are `JupyterHub.template_paths`; the default folder is appended to them
    and also reachable as ``templates/<name>``. ``first`` puts some templates before all others
    (used to pair our page.html with the default pages).
    """
    paths = [str(p) for p in (*template_paths, DEFAULTS)]
    loaders = [
        PrefixLoader({"templates": FileSystemLoader([str(DEFAULTS)])}, "/"),
        FileSystemLoader(paths),
    ]
    if first:
        loaders.insert(1, DictLoader(first))
    return Environment(loader=ChoiceLoader(loaders), autoescape=True)


def test_the_environment_above_is_jupyterhubs():
    source = (Path(jupyterhub.__file__).parent / "app.py").read_text(encoding="utf-8")
    setup = source.split("def init_tornado_settings", 1)[1].split("jinja_env_sync", 1)[0]
    assert "jinja_options = dict(autoescape=True, enable_async=True)" in setup
    assert "PrefixLoader({'templates': FileSystemLoader([base_path])}, '/')" in setup
    assert "FileSystemLoader(self.template_paths)" in setup
    assert "self.template_paths.append(base_path)" in setup
    assert jupyterhub.__version__ == "6.1.1", "templates adapted from 6.1.1: compare them again"


def _user() -> SimpleNamespace:
    named = SimpleNamespace(
        name="projet",
        display_name="",
        ready=True,
        active=True,
        pending=None,
        last_activity=None,
    )
    return SimpleNamespace(
        name="marie",
        json_escaped_name="marie",
        spawner=SimpleNamespace(options_form=None),
        all_spawners=lambda include_default=True: [named],
        server_url=lambda name="": f"/user/marie/{name}",
    )


def namespace(**extra: Any) -> dict[str, Any]:
    """What `BaseHandler.template_namespace` gives every page, plus the page's own values."""
    values: dict[str, Any] = {
        "base_url": "/hub/",
        "prefix": "/",
        "user": _user(),
        "login_url": "/hub/login",
        "login_service": "",
        "logout_url": "/hub/logout",
        "static_url": lambda path, include_version=True: f"/hub/static/{path}",
        "version_hash": "",
        "services": [SimpleNamespace(name="formgrader", href="/services/formgrader/")],
        "parsed_scopes": {"admin-ui": set()},
        "expanded_scopes": set(),
        "xsrf": "jeton-xsrf",
        "xsrf_token": "jeton-xsrf",
    }
    values.update(extra)
    return values


def _expiry_options() -> str:
    """The <option>s `TokenPageHandler` writes (jupyterhub/handlers/pages.py)."""
    labels = [(3600, "1 Hour"), (86400, "1 Day"), (604800, "1 Week"), (2592000, "1 Month")]
    options = [*labels, (31536000, "1 Year"), ("", "Never")]
    html = [f'<option value="{value}">{label}</option>' for value, label in options]
    html[-1] = html[-1].replace("<option ", '<option selected="selected"')
    return "\n".join(html)


_ERROR = {"status_message": "Internal Server Error", "message": "", "message_html": ""}
_WHEN = datetime(2026, 3, 2, 9, 30)


@dataclass
class Page:
    label: str
    template: str
    values: dict[str, Any]
    french: list[str] = field(default_factory=list)


PAGES = [
    Page(
        "mise en page, enseignant",
        "page.html",
        {},
        [
            "Accueil",
            "Jeton d'accès",
            "Administration",
            "Services",
            "Se déconnecter",
            "Activer ou désactiver le mode sombre",
            "JupyterHub : page d'accueil",
            "Afficher ou masquer le menu",
            "Fermer",
            "Activez JavaScript",
        ],
    ),
    Page("mise en page, sans compte", "page.html", {"user": None}, ["Se connecter"]),
    Page(
        "accueil, espace en marche",
        "home.html",
        {
            "default_server": SimpleNamespace(active=True),
            "url": "/user/marie/",
            "allow_named_servers": True,
            "named_server_limit_per_user": 2,
            "invalid_server_names": ["Mon Projet"],
        },
        [
            "Ouvrir mon espace",
            "Arrêter mon espace",
            "Espaces nommés",
            "jusqu'à 2 autres espaces",
            "Nom de l'espace",
            "Ajouter un espace",
            "Jamais",
            "démarrer l'espace projet",
            "Démarrer mon espace",  # the label the script puts back after a stop
            "il y a %s",
        ],
    ),
    Page(
        "accueil, espace arrêté",
        "home.html",
        {"default_server": SimpleNamespace(active=False), "url": "/hub/spawn/marie"},
        ["Démarrer mon espace"],
    ),
    Page(
        "démarrage",
        "spawn_pending.html",
        {"progress_url": "/hub/api/users/marie/server/progress"},
        [
            "Votre espace de travail démarre.",
            "Vous serez redirigé automatiquement dès qu'il sera prêt.",
            "0 % effectués",
            "Journal du démarrage",
            "Arrêter mon espace",
            "Le démarrage de votre espace de travail a échoué.",
            "Arrêt en cours…",
            "Votre espace de travail est arrêté.",
            "L'arrêt de votre espace de travail a échoué",
            "Votre espace de travail est prêt",
        ],
    ),
    Page(
        "espace arrêté",
        "not_running.html",
        {"failed": False, "server_name": "", "spawn_url": "/hub/spawn/marie"},
        [
            "Votre espace de travail n'est pas démarré",
            "Voulez-vous le démarrer ?",
            "Démarrer mon espace",
        ],
    ),
    Page(
        "espace arrêté, démarrage automatique",
        "not_running.html",
        {"failed": False, "server_name": "", "spawn_url": "/s", "implicit_spawn_seconds": 5},
        ["Il va démarrer automatiquement.", "cliquez sur le bouton ci-dessous"],
    ),
    Page(
        "échec du démarrage",
        "not_running.html",
        {
            "failed": True,
            "server_name": "projet",
            "spawn_url": "/hub/spawn/marie/projet",
            "failed_message": "délai dépassé",
        },
        [
            "Le démarrage de votre espace de travail a échoué",
            "La dernière tentative de démarrage de votre espace de travail « projet » a échoué.",
            "délai dépassé",
            "Réessayer de démarrer mon espace « projet »",
        ],
    ),
    Page(
        "arrêt en cours",
        "stop_pending.html",
        {},
        ["Votre espace de travail s'arrête.", "Actualiser la page"],
    ),
    Page(
        "erreur du serveur",
        "error.html",
        {"status_code": 500, **_ERROR, "message": "Le serveur ne répond pas"},
        ["Erreur 500 : Erreur du serveur", "Le serveur ne répond pas", "Revenir à l'accueil"],
    ),
    Page(
        "page introuvable",
        "404.html",
        {"status_code": 404, **_ERROR, "status_message": "Not Found"},
        ["Erreur 404 : Page introuvable", "Cette page n'existe pas", "Revenir à l'accueil"],
    ),
    Page("déconnexion", "logout.html", {"user": None}, ["Déconnexion réussie"]),
    Page(
        "connexion, compte local",
        "login.html",
        {
            "user": None,
            "authenticator": SimpleNamespace(request_otp=False),
            "authenticator_login_url": "/hub/login",
            "login_error": "Invalid username or password",
            "username": "marie",
            "login_term_url": "/hub/conditions",
        },
        [
            "Connexion",
            "Nom d'utilisateur",
            "Mot de passe",
            "Nom d'utilisateur ou mot de passe incorrect.",
            "Se connecter",
            "Afficher le mot de passe",
            "Masquer le mot de passe",
            "conditions d'utilisation",
            "connexion sécurisée (HTTPS)",
        ],
    ),
    Page(
        "connexion par Moodle",
        "login.html",
        {"user": None, "login_service": "Moodle", "authenticator_login_url": "/hub/lti13"},
        ["Se connecter avec Moodle"],
    ),
    Page(
        "jetons",
        "token.html",
        {
            "api_tokens": [
                SimpleNamespace(
                    api_id="a1",
                    note="nbgrader",
                    scopes=["inherit"],
                    last_activity=None,
                    created=_WHEN,
                    expires_at=None,
                )
            ],
            "oauth_clients": [
                {
                    "token_id": "o1",
                    "description": "Serveur de marie",
                    "tokens": [SimpleNamespace(scopes=["identify"])],
                    "last_activity": _WHEN,
                    "created": None,
                }
            ],
            "token_expires_in_options_html": _expiry_options(),
        },
        [
            "Gérer vos jetons d'accès",
            "Durée de validité du jeton",
            "1 heure",
            "1 semaine",
            "Sans limite",
            "Créer un nouveau jeton d'accès",
            "Copiez ce jeton maintenant",
            "Jetons d'accès",
            "Dernière utilisation",
            "Applications autorisées",
            "révoquer le jeton nbgrader",
            "Jamais",
            "Inconnue",
        ],
    ),
]


@pytest.fixture(scope="module")
def ours() -> Environment:
    return hub_environment(OURS)


@pytest.fixture(scope="module")
def defaults() -> Environment:
    return hub_environment()


def render(environment: Environment, page: Page) -> str:
    return environment.get_template(page.template).render(namespace(**page.values))


# --- Reading a page as a person would ------------------------------------------------------


def script_strings(code: str) -> list[str]:
    """The string literals of a script (quotes, apostrophes, backquotes), comments skipped."""
    found, i = [], 0
    while i < len(code):
        if code.startswith("//", i):
            end = code.find("\n", i)
            i = len(code) if end < 0 else end
        elif code.startswith("/*", i):
            end = code.find("*/", i + 2)
            i = len(code) if end < 0 else end + 2
        elif code[i] in "'\"`":
            quote, j, text = code[i], i + 1, []
            while j < len(code) and code[j] != quote:
                step = 2 if code[j] == "\\" else 1
                text.append(code[j : j + step])
                j += step
            found.append("".join(text))
            i = j + 1
        else:
            i += 1
    return found


def shown(html: str) -> str:
    """Visible text, accessible names and script strings, whitespace collapsed."""
    soup = BeautifulSoup(html, "html.parser")
    parts = []
    for style in soup.find_all("style"):
        style.decompose()
    for script in soup.find_all("script"):
        # CSS selectors (« #refresh ») are code, not text.
        parts += [s for s in script_strings(script.get_text()) if not re.match(r"[#.][\w-]+$", s)]
        script.decompose()
    for tag in soup.find_all(True):
        for name in ("alt", "title", "aria-label", "placeholder"):
            if tag.get(name):
                parts.append(tag[name])
        if tag.name == "input" and tag.get("type") in {"submit", "button"}:
            parts.append(tag.get("value", ""))
    parts.append(soup.get_text(" "))
    return " ".join(" ".join(parts).replace("\\u00a0", " ").split())


def english_in(text: str) -> set[str]:
    return set(_ENGLISH.findall(text))


# --- The pages are in French ----------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES, ids=[p.label for p in PAGES])
def test_page_is_in_french(ours, page):
    html = render(ours, page)
    assert '<html lang="fr">' in html
    text = shown(html)
    assert not english_in(text), f"{page.template} : reste en anglais {sorted(english_in(text))}"
    missing = [s for s in page.french if " ".join(s.split()) not in text]
    assert not missing, f"{page.template} : absent {missing}"


@pytest.mark.parametrize("page", PAGES, ids=[p.label for p in PAGES])
def test_the_check_flags_jupyterhubs_english_pages(defaults, page):
    """The same check fails on JupyterHub's default templates, page by page."""
    html = render(defaults, page)
    assert '<html lang="en">' in html
    assert english_in(shown(html))
    if page.template != "page.html":
        # With our French page.html around it, the default page's own English is still caught.
        paired = hub_environment(first={"page.html": (OURS / "page.html").read_text("utf-8")})
        html = render(paired, page)
        assert '<html lang="fr">' in html
        assert english_in(shown(html)), page.template


@pytest.mark.parametrize(
    ("code", "title"),
    [
        (400, "Demande invalide"),
        (403, "Accès refusé"),
        (404, "Page introuvable"),
        (500, "Erreur du serveur"),
        (503, "Service indisponible"),
        (502, "Passerelle en échec"),  # any other code: the status message JupyterHub passes
    ],
)
def test_error_page_titles(ours, code, title):
    page = Page("erreur", "error.html", {"status_code": code, **_ERROR, "status_message": title})
    if code != 502:
        page.values["status_message"] = "Some English reason"
    soup = BeautifulSoup(render(ours, page), "html.parser")
    assert " ".join(soup.h1.get_text().split()) == f"Erreur {code} : {title}"
    assert "Some English reason" not in soup.get_text()


def test_error_page_shows_the_message_and_keeps_the_redirects_script(ours):
    values = {"status_code": 403, **_ERROR, "message": "<b>non</b> autorisé"}
    html = render(ours, Page("erreur", "error.html", values))
    assert "&lt;b&gt;non&lt;/b&gt; autorisé" in html  # escaped, as JupyterHub does
    values["message_html"] = "Voir <a href='/aide'>l'aide</a>"
    html = render(ours, Page("erreur", "error.html", values))
    assert "Voir <a href='/aide'>l'aide</a>" in html and "autorisé" not in html
    assert "_remove_redirects_from_url();" in html
    assert 'id="login_widget"' not in html  # the default error page hides it


# --- JupyterHub's JavaScript still finds its elements ---------------------------------------


def _structure(html: str) -> tuple[set[str], set[str], set[str], set[str]]:
    soup = BeautifulSoup(html, "html.parser")
    ids = {tag["id"] for tag in soup.find_all(id=True)}
    classes = {c for tag in soup.find_all(class_=True) for c in tag["class"]}
    scripts = {tag["src"] for tag in soup.find_all("script", src=True)}
    for modules in re.findall(r"require\(\[([^\]]*)\]", html):
        scripts |= set(re.findall(r"\"([^\"]+)\"", modules))
    names = {tag["name"] for tag in soup.find_all(["input", "select"], attrs={"name": True})}
    return ids, classes, scripts, names


@pytest.mark.parametrize("page", PAGES, ids=[p.label for p in PAGES])
def test_every_id_class_script_and_field_of_jupyterhub_is_kept(ours, defaults, page):
    for kind, default, french in zip(
        ("ids", "classes", "scripts", "fields"),
        _structure(render(defaults, page)),
        _structure(render(ours, page)),
        strict=True,
    ):
        assert default <= french, f"{page.template} : {kind} perdus {sorted(default - french)}"


def _blocks(node: nodes.Node, outer: tuple[str, ...] = ()):
    for child in node.iter_child_nodes():
        if isinstance(child, nodes.Block):
            yield child.name, outer
            yield from _blocks(child, (*outer, child.name))
        else:
            yield from _blocks(child, outer)


def _variables(node: nodes.Node) -> set[str]:
    """Names a template reads; super() is left out (see the test below)."""
    return {n.name for n in node.find_all(nodes.Name) if n.ctx == "load"} - {"super"}


@pytest.mark.parametrize("name", TEMPLATES)
def test_every_block_and_variable_of_jupyterhub_is_kept(ours, name):
    """A block we replace keeps the blocks nested in it (hub configurations can override them)
    and uses every variable JupyterHub's version of it uses."""
    ours_source = (OURS / name).read_text(encoding="utf-8")
    replaced = {block for block, _ in _blocks(ours.parse(ours_source))}
    default = ours.parse((DEFAULTS / name).read_text(encoding="utf-8"))
    ours_blocks = {b.name: b for b in ours.parse(ours_source).find_all(nodes.Block)}
    for block in default.find_all(nodes.Block):
        if block.name in ours_blocks:
            lost = _variables(block) - _variables(ours_blocks[block.name])
            assert not lost, f"{name}, bloc {block.name} : variables perdues {sorted(lost)}"
    if name == "page.html":
        assert _variables(default) <= _variables(ours.parse(ours_source))
        # Our script blocks do not call super(): it would run the default page's English
        # script. What they skip is page.html's script block, which must stay empty.
        script = ours_blocks["script"]
        assert all(
            isinstance(n, nodes.Output | nodes.TemplateData) for n in script.find_all(nodes.Node)
        )
    lost = [
        block
        for block, outer in _blocks(default)
        if block not in replaced and (name == "page.html" or set(outer) & replaced)
    ]
    assert not lost, f"{name} : blocs perdus {lost}"
    parent = "error.html" if name == "404.html" else f"templates/{name}"
    extends = list(ours.parse(ours_source).find_all(nodes.Extends))
    if name == "page.html":
        assert not extends
    else:
        assert [e.template.value for e in extends] == [parent]


# --- Licence -------------------------------------------------------------------------------


def test_templates_carry_jupyterhubs_licence():
    assert sorted(p.name for p in OURS.glob("*.html")) == sorted(TEMPLATES + NATIVE_TEMPLATES)
    for name in TEMPLATES:
        assert (OURS / name).read_text(encoding="utf-8").startswith(NOTICE), name
    distribution = importlib.metadata.distribution("jupyterhub")
    licence = distribution.read_text("licenses/LICENSE") or distribution.read_text("LICENSE")
    assert licence and "Jupyter Development Team" in licence
    assert (OURS / "LICENSE-jupyterhub").read_text(encoding="utf-8") == licence


# --- The local accounts' pages (jupyterhub-nativeauthenticator's, rewritten in French) -------

NATIVE_NOTICE = (
    "{# Adapted from jupyterhub-nativeauthenticator 1.3.0 (BSD-3-Clause, (c) JupyterHub, see\n"
    "   LICENSE-nativeauthenticator), rewritten in French. #}\n"
)
NATIVE_TEMPLATES = (
    "native-login.html",
    "signup.html",
    "authorization-area.html",
    "change-password.html",
    "change-password-admin.html",
)
#: English strings of NativeAuthenticator 1.3's pages.
NATIVE_ENGLISH = re.compile(
    r"\b(Sign In|Sign Up|Sign up|Username|Password|Login|Create User|Authorization area|"
    r"Authorize|Unauthorize|Discard|Change password|Confirm|Old password|New password|"
    r"Is authorized|Warning|to create a new user|with an existing user)\b"
)
_INFO = [
    SimpleNamespace(username="libre-marie", is_authorized=False),
    SimpleNamespace(username="libre-paul", is_authorized=True),
]
NATIVE_PAGES = [
    Page(
        "connexion locale",
        "native-login.html",
        {"user": None, "login_error": "Identifiant inconnu.", "username": "marie", "next": "/a b"},
        [
            "Connexion",
            "Entrez par l'activité du cours dans Moodle",
            "Identifiant :",
            "Mot de passe :",
            "Se connecter",
            "Identifiant inconnu.",
            "connexion sécurisée (HTTPS)",
        ],
    ),
    Page(
        "connexion locale, inscription ouverte",
        "native-login.html",
        {"user": None, "enable_signup": True},
        ["Demandez un compte"],
    ),
    Page(
        "inscription",
        "signup.html",
        {"user": None, "alert": "alert-info", "result_message": "Demande enregistrée."},
        [
            "Demander un compte",
            "Identifiant choisi :",
            "Lettres sans accent, chiffres et tirets",
            "Mot de passe (8 caractères au moins) :",
            "Le même mot de passe, une seconde fois :",
            "Envoyer ma demande",
            "Demande enregistrée.",
            "Connectez-vous",
        ],
    ),
    Page(
        "inscriptions à approuver",
        "authorization-area.html",
        {"users": _INFO, "mode": "approbation", "done": "approuver"},
        [
            "Inscriptions des apprenants à distance",
            "Le compte est approuvé",
            "Approuver libre-marie",
            "Supprimer la demande de libre-marie",
            "en attente d'approbation",
            "Retirer l'approbation de libre-paul",
            "Nouveau mot de passe pour libre-paul",
        ],
    ),
    Page(
        "aucune inscription",
        "authorization-area.html",
        {"users": [], "mode": "non"},
        ["Inscription fermée", "Aucune demande de compte pour l'instant."],
    ),
    Page(
        "mot de passe",
        "change-password.html",
        {"user_name": "libre-marie", "alert": "alert-danger", "result_message": "Trop court."},
        ["Changer le mot de passe de libre-marie", "Mot de passe actuel", "Trop court."],
    ),
    Page(
        "nouveau mot de passe",
        "change-password-admin.html",
        {"user_name": "libre-marie"},
        ["Nouveau mot de passe pour libre-marie", "Revenir aux inscriptions"],
    ),
]


@pytest.mark.parametrize("page", NATIVE_PAGES, ids=[p.label for p in NATIVE_PAGES])
def test_local_account_pages_are_in_french(ours, page):
    html = render(ours, page)
    assert '<html lang="fr">' in html
    text = shown(html)
    english = set(_ENGLISH.findall(text)) | set(NATIVE_ENGLISH.findall(text))
    assert not english, f"{page.template} : reste en anglais {sorted(english)}"
    missing = [s for s in page.french if " ".join(s.split()) not in text]
    assert not missing, f"{page.template} : absent {missing}"
    # Every form posts the page's XSRF token (JupyterHub refuses a form without it).
    soup = BeautifulSoup(html, "html.parser")
    for form in soup.find_all("form", method="post"):
        assert form.find("input", attrs={"name": "_xsrf", "value": "jeton-xsrf"}), page.label


def test_the_check_flags_nativeauthenticators_english_pages():
    import nativeauthenticator

    theirs = Path(nativeauthenticator.__file__).parent / "templates"
    environment = hub_environment(theirs)
    for page in NATIVE_PAGES:
        text = shown(render(environment, page))
        assert NATIVE_ENGLISH.search(text) or english_in(text), page.label


def test_approval_is_a_form_not_a_link(ours):
    html = render(ours, NATIVE_PAGES[3])
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find("a", href=re.compile(r"/authorize/"))
    buttons = {b["value"] for b in soup.find_all("button", attrs={"name": "action"})}
    assert buttons == {"approuver", "supprimer", "retirer"}


def test_local_account_templates_carry_nativeauthenticators_licence():
    for name in NATIVE_TEMPLATES:
        assert (OURS / name).read_text(encoding="utf-8").startswith(NATIVE_NOTICE), name
    distribution = importlib.metadata.distribution("jupyterhub-nativeauthenticator")
    licence = distribution.read_text("licenses/LICENSE") or distribution.read_text("LICENSE")
    assert licence and "BSD 3-Clause" in licence
    assert (OURS / "LICENSE-nativeauthenticator").read_text(encoding="utf-8") == licence
