"""VC-JWT: the credential signed as a compact JWS (RS256), and its offline verification.

Following Open Badges 3.0 (§ "JSON Web Token Proof Format"): the JWT payload
is the credential itself, with the registered claims ``iss`` (issuer.id),
``jti`` (id), ``nbf`` (validFrom), ``exp`` (validUntil, when there is one) and
``iat`` (signing time); no ``sub``, because the subject has no ``id`` (it is
identified by a hashed ``identifier``). The JOSE header is ``alg`` RS256,
``typ`` JWT and ``kid``. PyJWT (with cryptography) signs and checks the
signature; the credential's own fields are then checked here.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from esn_teach._formatting import fr_date
from esn_teach.certificates._credential import (
    OB_CONTEXT,
    VC_CONTEXT,
    identity_matches,
    parse_iso,
)
from esn_teach.certificates._declaration import CertificateError
from esn_teach.certificates._keys import (
    PUBLIC_KEY_FILE,
    default_keys_dir,
    jwk_thumbprint,
    load_public_jwk,
)
from esn_teach.certificates._revocation import REVOCATIONS_FILE, Revocation, read_revocations

__all__ = ["ALGORITHM", "Verdict", "sign_credential", "verify_file", "verify_token"]

#: The one algorithm every Open Badges 3.0 verifier must support.
ALGORITHM = "RS256"

_ALLOWED_HEADER = {"alg", "kid", "jwk", "typ"}


def sign_credential(
    credential: dict[str, Any],
    private_key: rsa.RSAPrivateKey,
    kid: str,
    *,
    now: datetime | None = None,
) -> str:
    """Sign a credential as a VC-JWT (compact JWS).

    Parameters
    ----------
    credential : dict
        The ``OpenBadgeCredential`` (:func:`build_credential`).
    private_key : cryptography RSA private key
    kid : str
        The public key's id, written in the JOSE header.
    now : datetime.datetime, optional
        The signing time (``iat``; default: now).

    Returns
    -------
    str
        ``header.payload.signature``.
    """
    payload = dict(credential)
    payload["iss"] = credential["issuer"]["id"]
    payload["jti"] = credential["id"]
    payload["nbf"] = int(parse_iso(credential["validFrom"]).timestamp())
    if credential.get("validUntil"):
        payload["exp"] = int(parse_iso(credential["validUntil"]).timestamp())
    subject_id = credential["credentialSubject"].get("id")
    if subject_id:
        payload["sub"] = subject_id
    payload["iat"] = int((now or datetime.now(UTC)).timestamp())
    return jwt.encode(payload, private_key, algorithm=ALGORITHM, headers={"kid": kid, "typ": "JWT"})


@dataclass(frozen=True)
class Verdict:
    """The outcome of :func:`verify_token`.

    Attributes
    ----------
    valid : bool
    check : str
        The check that failed (``signature``, ``cle``, ``emetteur``, ``format``,
        ``dates``, ``sujet``, ``revocation``, ``identite``), or ``""`` when valid.
    message : str
        The French verdict, with the reason.
    credential : dict or None
        The credential, once its signature is verified.
    """

    valid: bool
    check: str
    message: str
    credential: dict[str, Any] | None = None


def _refused(check: str, reason: str, credential: dict[str, Any] | None = None) -> Verdict:
    return Verdict(False, check, f"Certificat NON valide : {reason}", credential)


def verify_token(
    token: str,
    trusted_jwk: dict[str, Any],
    revocations: dict[str, Revocation],
    *,
    issuer: str | None = None,
    email: str | None = None,
    now: datetime | None = None,
) -> Verdict:
    """Verify a VC-JWT offline, stopping at the first check that fails.

    In order: signature (with the trusted public key only; a ``kid`` or an
    embedded ``jwk`` naming another key fails), issuer (``iss`` = the
    credential's ``issuer.id`` = the trusted issuer), type and context, dates
    (``nbf``/``validFrom`` not in the future, ``exp``/``validUntil`` not past),
    subject, revocation, and, when ``email`` is given, that the credential was
    issued to that address.

    Parameters
    ----------
    token : str
        The compact JWS.
    trusted_jwk : dict
        The issuer's public JWK.
    revocations : dict
        The issuer's revocation list (:func:`read_revocations`).
    issuer : str, optional
        The trusted issuer's URL (default: the JWK's ``iss`` member).
    email : str, optional
        Check that the credential names this address (hashed identifier).
    now : datetime.datetime, optional
        The time of the check (default: now).

    Returns
    -------
    Verdict
    """
    now = now or datetime.now(UTC)
    trusted_issuer = issuer or trusted_jwk.get("iss")
    trusted_kid = jwk_thumbprint(trusted_jwk)
    token = token.strip()
    try:
        header = jwt.get_unverified_header(token)
    except jwt.DecodeError:
        return _refused(
            "format", "ce fichier n'est pas un certificat signé lisible (JWT compact attendu)."
        )
    if header.get("alg") != ALGORITHM:
        return _refused(
            "signature", f"algorithme de signature « {header.get('alg')} » non accepté (RS256)."
        )
    extra = set(header) - _ALLOWED_HEADER
    if extra or header.get("typ", "JWT") != "JWT":
        return _refused("format", "en-tête JOSE non conforme à Open Badges 3.0.")
    other_key = "signé avec une autre clé que celle de l'émetteur de confiance."
    embedded = header.get("jwk")
    if embedded is not None:
        if not isinstance(embedded, dict) or "d" in embedded:
            return _refused("cle", "l'en-tête contient une clé invalide (ou privée).")
        try:
            if jwk_thumbprint(embedded) != trusted_kid:
                return _refused("cle", other_key)
        except KeyError:
            return _refused("cle", "l'en-tête contient une clé invalide.")
    kid = header.get("kid")
    if kid is not None and kid not in (trusted_kid, trusted_jwk.get("kid")):
        return _refused("cle", other_key)
    public_key = RSAAlgorithm.from_jwk(
        {k: v for k, v in trusted_jwk.items() if k in ("kty", "n", "e")}
    )
    try:
        payload: dict[str, Any] = jwt.decode(
            token,
            public_key,  # type: ignore[arg-type]
            algorithms=[ALGORITHM],
            options={
                "verify_exp": False,  # checked below, after the issuer and the type
                "verify_nbf": False,
                "verify_iat": False,
                "verify_iss": False,
                "verify_aud": False,
                "verify_sub": False,
                "verify_jti": False,
                "require": ["iss", "jti", "nbf"],
            },
        )
    except jwt.InvalidSignatureError:
        return _refused(
            "signature",
            "la signature ne correspond pas au contenu : le certificat a été modifié après sa "
            "signature, ou n'a pas été signé par cet émetteur.",
        )
    except jwt.MissingRequiredClaimError as error:
        return _refused("format", f"la déclaration « {error.claim} » du JWT manque.")
    except jwt.PyJWTError:
        return _refused("format", "le contenu signé est illisible.")

    # Issuer.
    declared = payload.get("issuer")
    declared_id = declared.get("id") if isinstance(declared, dict) else declared
    if not trusted_issuer:
        return _refused("emetteur", "aucun émetteur de confiance (indiquez --emetteur URL).")
    if payload["iss"] != trusted_issuer or declared_id != trusted_issuer:
        return _refused(
            "emetteur",
            f"émetteur inattendu (« {declared_id} », JWT « {payload['iss']} ») : l'émetteur de "
            f"confiance est « {trusted_issuer} ».",
            payload,
        )

    # Type and context.
    context = payload.get("@context")
    types = payload.get("type")
    if (
        not isinstance(context, list)
        or not context
        or context[0] != VC_CONTEXT
        or OB_CONTEXT not in context
        or not isinstance(types, list)
        or "VerifiableCredential" not in types
        or not {"OpenBadgeCredential", "AchievementCredential"} & set(types)
        or payload.get("jti") != payload.get("id")
        or not payload.get("name")
    ):
        return _refused(
            "format",
            "ce n'est pas un OpenBadgeCredential conforme (contexte, type, id ou nom).",
            payload,
        )

    # Dates.
    try:
        valid_from = parse_iso(str(payload.get("validFrom")))
        valid_until = parse_iso(payload["validUntil"]) if payload.get("validUntil") else None
    except ValueError:
        return _refused("format", "dates de validité illisibles.", payload)
    if int(valid_from.timestamp()) != payload["nbf"] or (
        valid_until is not None and int(valid_until.timestamp()) != payload.get("exp")
    ):
        return _refused("format", "les dates du JWT ne sont pas celles du certificat.", payload)
    if now < valid_from:
        return _refused(
            "dates", f"pas encore valide : il le sera le {fr_date(valid_from.date())}.", payload
        )
    if valid_until is not None and now >= valid_until:
        return _refused("dates", f"expiré le {fr_date(valid_until.date())}.", payload)

    # Subject.
    subject = payload.get("credentialSubject")
    achievement = subject.get("achievement") if isinstance(subject, dict) else None
    if (
        not isinstance(subject, dict)
        or "AchievementSubject" not in subject.get("type", [])
        or not (subject.get("id") or subject.get("identifier"))
        or not isinstance(achievement, dict)
        or "Achievement" not in achievement.get("type", [])
        or not achievement.get("name")
        or payload.get("sub", subject.get("id")) != subject.get("id")
    ):
        return _refused(
            "sujet", "le titulaire ou l'accomplissement certifié manque ou est invalide.", payload
        )

    # Revocation.
    revoked = revocations.get(payload["id"])
    if revoked is not None:
        return _refused(
            "revocation", f"révoqué le {fr_date(revoked.date.date())} : {revoked.reason}", payload
        )

    # Holder, when asked.
    if email is not None:
        identifiers = subject.get("identifier") or []
        matched = False
        with contextlib.suppress(AttributeError, TypeError):
            matched = any(identity_matches(item, email) for item in identifiers)
        if not matched:
            return _refused(
                "identite", "il n'a pas été délivré à cette adresse électronique.", payload
            )

    issuer_name = declared.get("name", declared_id) if isinstance(declared, dict) else declared_id
    return Verdict(
        True,
        "",
        f"Certificat valide : {payload['name']}, délivré par {issuer_name} le "
        f"{fr_date(valid_from.date())}",
        payload,
    )


def verify_file(
    path: str | Path,
    *,
    key: str | Path | None = None,
    revocations: str | Path | None = None,
    issuer: str | None = None,
    email: str | None = None,
) -> Verdict:
    """Verify a certificate file (the ``.jwt``) with the issuer's published files.

    Parameters
    ----------
    path : path-like
        The signed certificate (``.jwt``).
    key : path-like, optional
        The issuer's public JWK (default: the one ``esn-teach keys`` wrote).
    revocations : path-like, optional
        The issuer's revocation list (default: ``revocations.json`` next to the key).
    issuer, email : str, optional
        See :func:`verify_token`.

    Returns
    -------
    Verdict

    Raises
    ------
    CertificateError
        If the file is the ``.json`` or ``.html`` (not verifiable), or a file is missing.
    """
    path = Path(path)
    if path.suffix.lower() in {".json", ".html", ".htm"}:
        raise CertificateError(
            f"{path.name} n'est pas vérifiable : c'est le fichier signé .jwt du même nom "
            f"({path.with_suffix('.jwt').name}) qui fait foi ; vérifiez celui-là."
        )
    if not path.is_file():
        raise CertificateError(f"Fichier introuvable : {path}")
    key_path = Path(key) if key else default_keys_dir() / PUBLIC_KEY_FILE
    jwk = load_public_jwk(key_path)
    revoked = read_revocations(
        Path(revocations) if revocations else key_path.parent / REVOCATIONS_FILE
    )
    try:
        token = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        token = ""
    return verify_token(token, jwk, revoked, issuer=issuer, email=email)
