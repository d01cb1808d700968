"""Login from the school's LMS (Moodle) with LTI 1.3.

`LTIAuthenticator` is jupyterhub-ltiauthenticator's ``LTI13Authenticator`` with what a course
needs on top: the LTI roles of the Moodle course become JupyterHub groups (teachers in
``instructors``, students in ``students``), usernames are safe Unix account names derived from the
platform's opaque ``sub``, and every refused launch gets a French page and a log line saying why.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

import jwt
from ltiauthenticator.lti13.auth import LTI13Authenticator
from ltiauthenticator.lti13.error import LoginError, ValidationError
from ltiauthenticator.lti13.handlers import LTI13CallbackHandler
from tornado.web import HTTPError
from traitlets import Unicode, default

__all__ = [
    "INSTRUCTORS_GROUP",
    "INSTRUCTOR_ROLES",
    "LEARNER_ROLES",
    "STUDENTS_GROUP",
    "LTIAuthenticator",
    "course_groups",
    "unix_username",
]

INSTRUCTORS_GROUP = "instructors"
STUDENTS_GROUP = "students"

ROLES_CLAIM = "https://purl.imsglobal.org/spec/lti/claim/roles"
_MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership"

#: LTI 1.3 context roles that make someone a teacher of the course (LTI 1.3 core, section A.2.3:
#: the role and its sub-roles, e.g. teaching assistants).
INSTRUCTOR_ROLES = frozenset(
    {
        f"{_MEMBERSHIP}#Instructor",
        f"{_MEMBERSHIP}#ContentDeveloper",
        f"{_MEMBERSHIP}/Instructor#TeachingAssistant",
        f"{_MEMBERSHIP}/Instructor#Grader",
        f"{_MEMBERSHIP}/Instructor#Lecturer",
    }
)
#: LTI 1.3 context roles of a student of the course.
LEARNER_ROLES = frozenset({f"{_MEMBERSHIP}#Learner", f"{_MEMBERSHIP}/Learner#Learner"})

_SAFE_SUB = re.compile(r"[a-z0-9]{1,24}")


def course_groups(roles: Any) -> list[str]:
    """Return the hub groups of someone holding these LTI roles in the course.

    Parameters
    ----------
    roles : list of str
        The ``https://purl.imsglobal.org/spec/lti/claim/roles`` claim of the launch.

    Returns
    -------
    list of str
        ``["instructors"]``, ``["students"]``, both, or an empty list when no role gives
        access to the course (an administrator without a role in the course, a guest).
    """
    if isinstance(roles, str):
        roles = [roles]
    held = {role for role in roles or () if isinstance(role, str)}
    groups = []
    if held & INSTRUCTOR_ROLES:
        groups.append(INSTRUCTORS_GROUP)
    if held & LEARNER_ROLES:
        groups.append(STUDENTS_GROUP)
    return groups


def unix_username(sub: str, *, issuer: str, prefix: str = "moodle-") -> str:
    """Return the Unix account name of the platform user ``sub``.

    A short lowercase alphanumeric ``sub`` (Moodle sends the user's numeric id) is kept, so
    instructors can find a student's account; anything else (mixed case, symbols, long opaque
    identifiers) becomes a hash of the issuer and ``sub``, which is stable and collision-free in
    practice. The result is a valid account name for ``useradd`` (at most 32 characters).

    Parameters
    ----------
    sub : str
        The launch's ``sub`` claim.
    issuer : str
        The platform's issuer, so that two platforms' users never share an account.
    prefix : str, default "moodle-"
        Prefix of every account created from a launch.
    """
    if _SAFE_SUB.fullmatch(sub):
        return f"{prefix}{sub}"
    digest = hashlib.sha256(f"{issuer}\n{sub}".encode()).hexdigest()[:16]
    return f"{prefix}{digest}"


# French explanations of a refused launch, by cause. The technical reason stays in the log.
_REFUSALS = {
    "replay": (
        "Ce lien de connexion a déjà servi, ou il a été ouvert dans un autre navigateur que "
        "celui qui l'a demandé. Revenez dans Moodle et cliquez de nouveau sur l'activité."
    ),
    "expired": (
        "Ce lien de connexion a expiré (il n'est valable que quelques minutes). Revenez dans "
        "Moodle et cliquez de nouveau sur l'activité."
    ),
    "signature": (
        "La demande de connexion n'a pas pu être vérifiée : elle n'est pas signée par la "
        "plateforme Moodle de l'école. Revenez dans Moodle et cliquez de nouveau sur "
        "l'activité ; si le problème persiste, signalez-le à votre enseignant."
    ),
    "platform": (
        "La demande de connexion vient d'une plateforme ou d'une activité que ce serveur ne "
        "connaît pas. Vérifiez que vous êtes passé par le cours Moodle ; si le problème "
        "persiste, signalez-le à votre enseignant."
    ),
    "role": (
        "Votre rôle dans ce cours Moodle ne donne pas accès aux carnets : seuls les étudiants "
        "et les enseignants du cours y ont accès. Si vous pensez que c'est une erreur, "
        "demandez à l'enseignant de vérifier votre inscription."
    ),
    "malformed": (
        "La demande de connexion est incomplète ou mal formée. Revenez dans Moodle et cliquez "
        "de nouveau sur l'activité ; si le problème persiste, signalez-le à votre enseignant."
    ),
}

_REPLAY_MESSAGES = (
    "OAuth state missing from cookies",
    "OAuth state mismatch",
    "Missing nonce state cookie",
    "OAuth nonce mismatch",
)


def _refusal_cause(error: BaseException) -> str:
    """Classify why ltiauthenticator refused a launch."""
    message = str(getattr(error, "log_message", None) or error)
    if any(text in message for text in _REPLAY_MESSAGES):
        return "replay"
    if "issued too long ago" in message:
        return "expired"
    cause = error.__context__
    while cause is not None:
        if isinstance(cause, jwt.ExpiredSignatureError | jwt.ImmatureSignatureError):
            return "expired"
        if isinstance(cause, jwt.InvalidIssuerError | jwt.InvalidAudienceError):
            return "platform"
        if isinstance(cause, jwt.InvalidSignatureError | jwt.PyJWKClientError | jwt.DecodeError):
            return "signature"
        cause = cause.__context__
    return "malformed"


def _refuse(cause: str, detail: str) -> HTTPError:
    error = HTTPError(403 if cause == "role" else 400, detail)
    # What the error page shows (JupyterHub's ``jupyterhub_message``); the detail goes to the log.
    error.jupyterhub_message = f"Connexion refusée. {_REFUSALS[cause]}"  # type: ignore[attr-defined]
    return error


class _CallbackHandler(LTI13CallbackHandler):
    """ltiauthenticator's launch handler, refusing in French and logging the cause."""

    async def post(self) -> None:
        try:
            await super().post()
        except HTTPError as error:
            if getattr(error, "jupyterhub_message", None):
                raise
            cause = _refusal_cause(error)
            self.log.warning(
                "Lancement LTI refusé (%s) depuis %s : %s",
                cause,
                self.request.remote_ip,
                error.log_message,
            )
            raise _refuse(cause, error.log_message or cause) from error

    def decode_and_validate_launch_request(self) -> dict[str, Any]:
        try:
            token: dict[str, Any] = super().decode_and_validate_launch_request()
        except ValidationError as error:
            cause = _refusal_cause(error)
            self.log.warning(
                "Lancement LTI refusé (%s) depuis %s : %s",
                cause,
                self.request.remote_ip,
                error,
            )
            raise _refuse(cause, str(error)) from error
        return token


class LTIAuthenticator(LTI13Authenticator):
    """LTI 1.3 login from the course's Moodle, with course roles as hub groups.

    Configure it as ``LTI13Authenticator`` (``issuer``, ``authorize_url``, ``jwks_endpoint``,
    ``client_id``); the course's teachers land in the ``instructors`` group and its students in
    ``students`` at every launch (``manage_groups``), so a role changed in Moodle is a group
    changed on the hub at the next launch.
    """

    callback_handler = _CallbackHandler
    username_prefix = Unicode(
        "moodle-",
        config=True,
        help="Prefix of the Unix account created for each platform user.",
    )

    @default("manage_groups")
    def _manage_groups_default(self) -> bool:
        return True

    @default("username_key")
    def _username_key_default(self) -> str:
        return "sub"

    async def authenticate(
        self, handler: Any, data: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """Return the hub user of a verified launch, with their course groups.

        Raises
        ------
        tornado.web.HTTPError
            403 with a French page when the launch's roles give no access to the course.
        """
        token = data or {}
        sub = token.get("sub")
        if not isinstance(sub, str) or not sub:
            raise LoginError("launch without a sub claim")
        groups = course_groups(token.get(ROLES_CLAIM))
        name = unix_username(sub, issuer=self.issuer, prefix=self.username_prefix)
        if not groups:
            self.log.warning(
                "Lancement LTI refusé (role) pour %s : rôles %r", name, token.get(ROLES_CLAIM)
            )
            raise _refuse("role", f"no course role in {token.get(ROLES_CLAIM)!r}")
        return {"name": name, "groups": groups, "auth_state": token}
