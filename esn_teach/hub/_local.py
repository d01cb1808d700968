"""Local accounts for remote learners outside Moodle, next to the LTI 1.3 login.

`CourseAuthenticator` is `LTIAuthenticator` (Moodle launches, unchanged) combined with
jupyterhub-nativeauthenticator's accounts: a remote learner signs up on the hub's own page, an
instructor approves the request (``ESN_LOCAL_SIGNUP``), then the learner logs in with a password.
Local accounts are named ``libre-<identifiant>``, so they never collide with ``moodle-*`` accounts
nor with system accounts; approved local learners land in the ``students`` group. Every page and
message of the local accounts is in French; approving needs the
``custom:esn-teach:inscriptions`` scope, which the hub's configuration gives to the
``instructors`` group (not the hub-wide ``admin:users``).
"""

from __future__ import annotations

import pwd
import re
from typing import Any

from jupyterhub.handlers import BaseHandler
from jupyterhub.handlers.login import LoginHandler
from jupyterhub.utils import url_path_join
from ltiauthenticator.lti13.handlers import LTI13CallbackHandler
from nativeauthenticator import NativeAuthenticator
from nativeauthenticator.handlers import SignUpHandler
from nativeauthenticator.orm import UserInfo
from tornado import web
from traitlets import CaselessStrEnum, default

from ._auth import STUDENTS_GROUP, LTIAuthenticator
from ._settings import LOCAL_SIGNUP_MODES

__all__ = [
    "APPROVAL_SCOPE",
    "LOCAL_PREFIX",
    "CourseAuthenticator",
    "LocalNameError",
    "local_username",
]

#: Prefix of every local account (Moodle accounts start with ``moodle-``).
LOCAL_PREFIX = "libre-"
#: The custom scope that lets someone approve, refuse and reset local accounts.
APPROVAL_SCOPE = "custom:esn-teach:inscriptions"

_NAME = re.compile(r"[a-z][a-z0-9-]{0,24}[a-z0-9]")


class LocalNameError(ValueError):
    """A chosen name cannot be a local account (the message, in French, says why)."""


def local_username(typed: str, *, prefix: str = LOCAL_PREFIX) -> str:
    """Return the account name of a local learner who chose (or typed) ``typed``.

    The learner chooses an identifier such as ``marie-dupont``; their account is
    ``libre-marie-dupont``. Typing the full account name (at login) gives the same account.
    Capitals become lowercase.

    Parameters
    ----------
    typed : str
        What the learner typed.
    prefix : str, default "libre-"
        Prefix of every local account.

    Raises
    ------
    LocalNameError
        When the identifier is not a valid Unix account name: it must start with a letter and
        hold only unaccented lowercase letters, digits and hyphens (2 to 26 characters).
    """
    name = typed.strip().lower()
    if name.startswith(prefix):
        name = name[len(prefix) :]
    if not _NAME.fullmatch(name):
        shown = typed.strip()[:40]
        raise LocalNameError(
            f"L'identifiant « {shown} » n'est pas accepté : il doit commencer par une lettre, "
            "ne contenir que des lettres sans accent, des chiffres et des tirets, ne pas finir "
            "par un tiret et compter de 2 à 26 caractères (par exemple « marie-dupont »)."
        )
    return f"{prefix}{name}"


def _unix_account_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


class CourseAuthenticator(LTIAuthenticator, NativeAuthenticator):
    """Moodle (LTI 1.3) launches and local accounts approved by an instructor, on one hub.

    LTI launches (``/hub/lti13/...``) go through `LTIAuthenticator`; the login form
    (``/hub/login``) and the sign-up page (``/hub/signup``) use NativeAuthenticator's accounts
    (bcrypt-hashed passwords in the hub's database, lockout after repeated failures, refusal of
    common passwords). ``local_signup`` says who may create an account: ``"approbation"``
    (default: anyone may ask, an instructor approves on ``/hub/authorize``), ``"ouvert"``
    (usable at once) or ``"non"`` (no sign-up page; approved accounts keep working).
    """

    local_signup = CaselessStrEnum(
        list(LOCAL_SIGNUP_MODES),
        default_value="approbation",
        config=True,
        help="Sign-up of local accounts: approbation, ouvert or non.",
    )
    #: Prefix of every local account (the pages and the documentation name it: not a setting).
    local_prefix = LOCAL_PREFIX

    @default("enable_signup")
    def _enable_signup_default(self) -> bool:
        return bool(self.local_signup != "non")

    @default("open_signup")
    def _open_signup_default(self) -> bool:
        return bool(self.local_signup == "ouvert")

    @default("minimum_password_length")
    def _minimum_password_length_default(self) -> int:
        return 8

    @default("check_common_password")
    def _check_common_password_default(self) -> bool:
        return True

    @default("allowed_failed_logins")
    def _allowed_failed_logins_default(self) -> int:
        return 5

    @default("seconds_before_next_try")
    def _seconds_before_next_try_default(self) -> int:
        return 600

    def local_name(self, typed: str) -> str:
        """Return the local account of ``typed`` (see `local_username`)."""
        return local_username(typed, prefix=self.local_prefix)

    def get_user(self, username: str) -> UserInfo | None:
        """Return the local account's record, or None (also for a name no account can have)."""
        try:
            name = self.local_name(username)
        except LocalNameError:
            return None
        info: UserInfo | None = UserInfo.find(self.db, name)
        return info

    def name_taken(self, name: str, *, hub_user_exists: bool = False) -> bool:
        """Whether the local account ``name`` is already asked for, used or a system account."""
        return hub_user_exists or self.user_exists(name) or _unix_account_exists(name)

    async def authenticate(self, handler: Any, data: dict[str, Any] | None = None) -> Any:
        """Authenticate a Moodle launch or a local learner's login form.

        Returns
        -------
        dict or None
            For a local learner: their account and the ``students`` group, or None when the
            name, the password, the approval or the lockout says no.
        """
        if isinstance(handler, LTI13CallbackHandler):
            return await super().authenticate(handler, data)
        data = data or {}
        try:
            name = self.local_name(str(data.get("username", "")))
        except LocalNameError:
            return None
        info = UserInfo.find(self.db, name)
        if info is None:
            return None
        if self.is_blocked(name):
            self.log.warning("Connexion locale refusée (compte bloqué) pour %s", name)
            return None
        if not info.is_valid_password(str(data.get("password", ""))):
            self.add_login_attempt(name)
            self.log.warning("Connexion locale refusée (mot de passe) pour %s", name)
            return None
        if not info.is_authorized:
            self.log.info("Connexion locale refusée (en attente d'approbation) pour %s", name)
            return None
        self.successful_login(name)
        return {"name": name, "groups": [STUDENTS_GROUP]}

    def get_handlers(self, app: Any) -> list[tuple[str, type[BaseHandler]]]:
        """Moodle's launch endpoints, then the local accounts' pages (in French)."""
        lti: list[tuple[str, type[BaseHandler]]] = LTIAuthenticator.get_handlers(self, app)
        return [
            *lti,
            (r"/login", LocalLoginHandler),
            (r"/signup", LocalSignUpHandler),
            (r"/authorize", ApprovalHandler),
            (r"/authorize/([^/]+)", ApprovalActionHandler),
            (r"/change-password", PasswordHandler),
            (r"/change-password/([^/]+)", PasswordResetHandler),
        ]


# --- Pages ------------------------------------------------------------------------------------

_WRONG = "Identifiant ou mot de passe incorrect. Vérifiez-les, puis réessayez."
_PENDING = (
    "Votre inscription n'a pas encore été approuvée par un enseignant. Vous pourrez vous "
    "connecter dès qu'elle le sera ; en cas d'attente prolongée, contactez l'équipe pédagogique."
)


def _locked(seconds: int) -> str:
    minutes = max(1, round(seconds / 60))
    return (
        "Trop de tentatives de connexion échouées pour ce compte : il est bloqué pendant "
        f"{minutes} minute{'s' if minutes > 1 else ''}. Réessayez ensuite, ou demandez à un "
        "enseignant de réinitialiser votre mot de passe."
    )


def _password_problem(auth: CourseAuthenticator, password: str, confirmation: str) -> str | None:
    if password != confirmation:
        return "Les deux mots de passe saisis sont différents. Saisissez-les de nouveau."
    if len(password) < auth.minimum_password_length:
        return (
            f"Le mot de passe doit compter au moins {auth.minimum_password_length} caractères. "
            "Choisissez-en un plus long, par exemple une courte phrase."
        )
    if auth.check_common_password and auth.is_password_common(password):
        return (
            "Ce mot de passe figure parmi les plus courants, que les attaquants essaient en "
            "premier. Choisissez-en un autre."
        )
    return None


class _Local(BaseHandler):
    """Base of the local accounts' pages: the hub's authenticator is a CourseAuthenticator."""

    @property
    def course_auth(self) -> CourseAuthenticator:
        auth = self.authenticator
        assert isinstance(auth, CourseAuthenticator)
        return auth


class LocalLoginHandler(LoginHandler, _Local):
    """``/hub/login``: the local learners' form, and the way in for Moodle users."""

    def _render(self, login_error: str | None = None, username: str | None = None, **kw: Any):
        auth = self.course_auth
        french = {
            "Invalid username or password": _WRONG,
            "Login form invalid or expired. Try again.": (
                "Le formulaire de connexion a expiré. Réessayez."
            ),
        }
        return self.render_template(
            "native-login.html",
            next=self.get_argument("next", default=""),
            username=username,
            login_error=french.get(login_error or "", login_error),
            login_url=self.settings["login_url"],
            enable_signup=auth.enable_signup,
            xsrf=self.xsrf_token.decode("ascii"),
            **{k: v for k, v in kw.items() if k in ("status_code", "status_message")},
        )

    async def post(self) -> None:
        """Log a local learner in, or say in French why not."""
        auth = self.course_auth
        typed = self.get_body_argument("username", "", strip=True)
        password = self.get_body_argument("password", "", strip=False)
        user = await self.login_user({"username": typed, "password": password})
        if user:
            self._jupyterhub_user = user
            self.redirect(self.get_next_url(user))
            return
        error = _WRONG
        try:
            name = auth.local_name(typed)
        except LocalNameError:
            name = ""
        info = UserInfo.find(self.db, name) if name else None
        if name and auth.is_blocked(name):
            error = _locked(auth.seconds_before_next_try)
        elif info is not None and not info.is_authorized and info.is_valid_password(password):
            error = _PENDING
        self.set_status(403)
        self.finish(await self._render(login_error=error, username=typed[:40]))


class LocalSignUpHandler(SignUpHandler, _Local):
    """``/hub/signup``: a remote learner asks for a local account."""

    async def post(self) -> None:
        """Create the account (to be approved, unless sign-up is open), or say why not."""
        auth = self.course_auth
        if not auth.enable_signup:
            raise web.HTTPError(404)
        typed = self.get_body_argument("username", "", strip=True)
        password = self.get_body_argument("signup_password", "", strip=False)
        confirmation = self.get_body_argument("signup_password_confirmation", "", strip=False)
        message: str | None = None
        name = ""
        try:
            name = auth.local_name(typed)
        except LocalNameError as error:
            message = str(error)
        if message is None and auth.name_taken(
            name, hub_user_exists=self.find_user(name) is not None
        ):
            message = (
                f"L'identifiant « {name.removeprefix(auth.local_prefix)} » est déjà pris. "
                "Choisissez-en un autre, par exemple en ajoutant l'initiale d'un second prénom."
            )
        if message is None:
            message = _password_problem(auth, password, confirmation)
        info = None
        if message is None:
            info = auth.create_user(name, password)
            if info is None:
                message = (
                    "L'inscription n'a pas abouti. Réessayez, ou contactez l'équipe pédagogique."
                )
        if info is None:
            self.set_status(400)
            alert = "alert-danger"
            result = message or ""
        elif info.is_authorized:
            self.log.info("Compte local créé (inscription ouverte) : %s", name)
            alert = "alert-success"
            result = (
                f"Votre compte « {name} » est créé. Connectez-vous avec l'identifiant "
                f"« {typed.lower()} » et votre mot de passe."
            )
        else:
            self.log.info("Demande de compte local à approuver : %s", name)
            alert = "alert-info"
            result = (
                f"Votre demande est enregistrée (compte « {name} »). Un enseignant doit "
                "l'approuver ; vous pourrez ensuite vous connecter avec l'identifiant "
                f"« {typed.lower()} » et votre mot de passe."
            )
        html = await self.render_template(
            "signup.html",
            ask_email=False,
            two_factor_auth=False,
            recaptcha_key=None,
            tos=auth.tos,
            alert=alert,
            result_message=result,
            username=typed[:40] if info is None else "",
        )
        self.finish(html)


class _Approver(_Local):
    """Pages only members of a group holding `APPROVAL_SCOPE` (or hub admins) may use."""

    def _require_approver(self) -> None:
        if self.current_user is None:
            raise web.HTTPError(403, "Connectez-vous d'abord.")
        scopes = self.expanded_scopes
        if APPROVAL_SCOPE not in scopes and "admin:users" not in scopes:
            raise web.HTTPError(
                403, "Seuls les enseignants du cours peuvent approuver les inscriptions."
            )

    def _local_info(self, name: str) -> UserInfo:
        info = self.course_auth.get_user(name)
        if info is None:
            raise web.HTTPError(404, f"Aucune inscription locale au nom de « {name[:40]} ».")
        return info


class ApprovalHandler(_Approver):
    """``/hub/authorize``: the instructors' list of local accounts, to approve or refuse."""

    @web.authenticated
    async def get(self) -> None:
        self._require_approver()
        users = sorted(
            UserInfo.all_users(self.db), key=lambda u: (bool(u.is_authorized), u.username)
        )
        html = await self.render_template(
            "authorization-area.html",
            users=users,
            mode=self.course_auth.local_signup,
            done=self.get_argument("fait", ""),
        )
        self.finish(html)


class ApprovalActionHandler(_Approver):
    """``POST /hub/authorize/<compte>``: approve, withdraw or discard a local account."""

    @web.authenticated
    async def post(self, name: str) -> None:
        self._require_approver()
        info = self._local_info(name)
        action = self.get_body_argument("action", "")
        who = self.current_user.name
        if action == "approuver":
            info.is_authorized = True
            self.db.commit()
            self.log.info("Compte local %s approuvé par %s", info.username, who)
        elif action == "retirer":
            info.is_authorized = False
            self.db.commit()
            self.log.info("Approbation du compte local %s retirée par %s", info.username, who)
        elif action == "supprimer" and not info.is_authorized:
            username = info.username
            self.db.delete(info)
            self.db.commit()
            self.log.info("Demande de compte local %s supprimée par %s", username, who)
        else:
            raise web.HTTPError(400, "Action inconnue : approuver, retirer ou supprimer.")
        self.redirect(url_path_join(self.hub.base_url, "authorize") + f"?fait={action}")


class PasswordHandler(_Local):
    """``/hub/change-password``: a local learner changes their password."""

    def _info(self) -> UserInfo:
        info = self.course_auth.get_user(self.current_user.name)
        if info is None:
            raise web.HTTPError(
                404,
                "Votre compte n'a pas de mot de passe sur ce serveur : vous vous connectez "
                "depuis Moodle.",
            )
        return info

    @web.authenticated
    async def get(self) -> None:
        self._info()
        self.finish(
            await self.render_template("change-password.html", user_name=self.current_user.name)
        )

    @web.authenticated
    async def post(self) -> None:
        info = self._info()
        auth = self.course_auth
        old = self.get_body_argument("old_password", "", strip=False)
        new = self.get_body_argument("new_password", "", strip=False)
        confirmation = self.get_body_argument("new_password_confirmation", "", strip=False)
        if not info.is_valid_password(old):
            problem: str | None = "Le mot de passe actuel est incorrect. Réessayez."
        else:
            problem = _password_problem(auth, new, confirmation)
        if problem is None and auth.change_password(info.username, new):
            alert, message = "alert-success", "Votre mot de passe a été changé."
        else:
            self.set_status(400)
            alert, message = "alert-danger", problem or "Le changement n'a pas abouti."
        html = await self.render_template(
            "change-password.html",
            user_name=self.current_user.name,
            alert=alert,
            result_message=message,
        )
        self.finish(html)


class PasswordResetHandler(_Approver):
    """``/hub/change-password/<compte>``: an instructor sets a new password for a learner."""

    @web.authenticated
    async def get(self, name: str) -> None:
        self._require_approver()
        info = self._local_info(name)
        self.finish(
            await self.render_template("change-password-admin.html", user_name=info.username)
        )

    @web.authenticated
    async def post(self, name: str) -> None:
        self._require_approver()
        info = self._local_info(name)
        auth = self.course_auth
        new = self.get_body_argument("new_password", "", strip=False)
        confirmation = self.get_body_argument("new_password_confirmation", "", strip=False)
        problem = _password_problem(auth, new, confirmation)
        if problem is None and auth.change_password(info.username, new):
            auth.successful_login(info.username)  # lifts a lockout
            self.log.info(
                "Mot de passe du compte local %s changé par %s",
                info.username,
                self.current_user.name,
            )
            alert, message = "alert-success", f"Le mot de passe de {info.username} a été changé."
        else:
            self.set_status(400)
            alert, message = "alert-danger", problem or "Le changement n'a pas abouti."
        html = await self.render_template(
            "change-password-admin.html",
            user_name=info.username,
            alert=alert,
            result_message=message,
        )
        self.finish(html)
