"""The hub's settings, read from environment variables with French errors."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

__all__ = ["LOCAL_SIGNUP_MODES", "HubSettings", "HubSettingsError", "hub_settings"]

_TEMPLATES = Path(__file__).parent / "templates"

_LTI_VARIABLES = {
    "ESN_LTI_ISSUER": "l'identifiant de la plateforme (« Platform ID » dans Moodle)",
    "ESN_LTI_CLIENT_ID": "l'identifiant client de l'outil (« Client ID » dans Moodle)",
    "ESN_LTI_AUTHORIZE_URL": "l'URL de demande d'authentification (« Authentication request URL »)",
    "ESN_LTI_JWKS_URL": "l'URL du jeu de clés publiques (« Public keyset URL »)",
}


#: ``ESN_LOCAL_SIGNUP``: how remote learners outside Moodle get a local account.
LOCAL_SIGNUP_MODES = {
    "approbation": "inscription libre, compte utilisable après approbation par un enseignant",
    "ouvert": "inscription libre, compte utilisable aussitôt",
    "non": "pas d'inscription (les comptes locaux déjà approuvés restent utilisables)",
}


class HubSettingsError(ValueError):
    """A hub setting is missing or wrong (the message, in French, says which and how to fix it)."""


@dataclass(frozen=True)
class HubSettings:
    """What the hub's configuration needs to know about this installation."""

    state_dir: Path
    public_url: str
    api_port: int
    proxy_api_port: int
    lti_issuer: str
    lti_client_ids: tuple[str, ...]
    lti_authorize_url: str
    lti_jwks_url: str
    mem_limit: str
    cpu_limit: float
    idle_timeout: int
    #: Seconds between two checks of the culler, and between two activity reports of each
    #: server and of the proxy to the hub.
    idle_check_every: int
    course_dir: Path
    exchange_dir: Path
    course_service_port: int
    grader_account: str
    local_signup: str = "approbation"
    templates_dir: Path = _TEMPLATES


def _port(env: Mapping[str, str], name: str, default: int) -> int:
    text = env.get(name, str(default))
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise HubSettingsError(f"{name} doit être un numéro de port (1 à 65535), pas « {text} ».")
    return int(text)


def _account(text: str) -> str:
    if not re.fullmatch(r"[a-z_][a-z0-9_-]{0,31}", text):
        raise HubSettingsError(
            f"ESN_GRADER_ACCOUNT doit être un nom de compte Unix (minuscules, chiffres, - ou _, "
            f"32 caractères au plus), pas « {text} »."
        )
    return text


def _url(name: str, text: str) -> str:
    parsed = urlparse(text)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise HubSettingsError(f"{name} doit être une adresse http(s)://…, pas « {text} ».")
    return text


def hub_settings(env: Mapping[str, str]) -> HubSettings:
    """Read the hub's settings from environment variables.

    Parameters
    ----------
    env : mapping
        Usually ``os.environ``.

    Raises
    ------
    HubSettingsError
        When a required LTI variable is missing or a value is malformed; the message lists
        every missing variable and where Moodle shows its value.
    """
    missing = [f"  {name} : {what}" for name, what in _LTI_VARIABLES.items() if not env.get(name)]
    if missing:
        raise HubSettingsError(
            "Le hub ne peut pas démarrer : il manque les réglages LTI 1.3 de Moodle.\n"
            + "\n".join(missing)
            + "\nMoodle les affiche dans Administration du site > Plugins > Outils externes > "
            "Gérer les outils, icône « Détails de configuration » de l'outil (voir "
            "deploy/server/README.md)."
        )
    mem_limit = env.get("ESN_MEM_LIMIT", "1G")
    if not (mem_limit[:-1].isdigit() and mem_limit[-1] in "MG"):
        raise HubSettingsError(
            f"ESN_MEM_LIMIT doit être une taille comme 1G ou 1500M, pas « {mem_limit} »."
        )
    try:
        cpu_limit = float(env.get("ESN_CPU_LIMIT", "1").replace(",", "."))
    except ValueError:
        cpu_limit = -1.0
    if not cpu_limit > 0:
        raise HubSettingsError(
            "ESN_CPU_LIMIT doit être un nombre de cœurs positif (par exemple 1 ou 0,5)."
        )
    idle = env.get("ESN_IDLE_TIMEOUT", "3600")
    if not idle.isdigit() or int(idle) < 10:
        raise HubSettingsError(
            f"ESN_IDLE_TIMEOUT est une durée en secondes d'au moins 10, pas « {idle} »."
        )
    # By default a twelfth of the timeout, between 5 s and 5 min (JupyterHub's own interval
    # for activity reports): an idle server is stopped at most about two checks late.
    check = env.get("ESN_IDLE_CHECK_EVERY", str(min(300, max(5, int(idle) // 12))))
    if not check.isdigit() or not 1 <= int(check) < int(idle):
        raise HubSettingsError(
            f"ESN_IDLE_CHECK_EVERY est une durée en secondes, d'au moins 1 et plus courte que "
            f"ESN_IDLE_TIMEOUT ({idle} s), pas « {check} »."
        )
    signup = env.get("ESN_LOCAL_SIGNUP", "approbation").strip().lower()
    if signup not in LOCAL_SIGNUP_MODES:
        choices = " ; ".join(f"« {mode} » : {what}" for mode, what in LOCAL_SIGNUP_MODES.items())
        raise HubSettingsError(f"ESN_LOCAL_SIGNUP vaut {choices} ; pas « {signup} ».")
    return HubSettings(
        state_dir=Path(env.get("ESN_HUB_DIR", "/srv/esn-teach/hub")),
        public_url=_url("ESN_HUB_URL", env.get("ESN_HUB_URL", "http://127.0.0.1:8000")),
        api_port=_port(env, "ESN_HUB_API_PORT", 8081),
        proxy_api_port=_port(env, "ESN_PROXY_API_PORT", 8001),
        lti_issuer=env["ESN_LTI_ISSUER"],
        lti_client_ids=tuple(c.strip() for c in env["ESN_LTI_CLIENT_ID"].split(",") if c.strip()),
        lti_authorize_url=_url("ESN_LTI_AUTHORIZE_URL", env["ESN_LTI_AUTHORIZE_URL"]),
        lti_jwks_url=_url("ESN_LTI_JWKS_URL", env["ESN_LTI_JWKS_URL"]),
        mem_limit=mem_limit,
        cpu_limit=cpu_limit,
        idle_timeout=int(idle),
        idle_check_every=int(check),
        course_dir=Path(env.get("ESN_COURSE_DIR", "/srv/esn-teach/cours")),
        exchange_dir=Path(env.get("ESN_EXCHANGE_DIR", "/srv/nbgrader/exchange")),
        course_service_port=_port(env, "ESN_COURSE_SERVICE_PORT", 8082),
        grader_account=_account(env.get("ESN_GRADER_ACCOUNT", "grader-esn-teach")),
        local_signup=signup,
    )
