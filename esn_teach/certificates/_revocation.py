"""The revocation list the issuer maintains: a JSON file, published with the public key.

``{"emetteur": URL, "revocations": [{"id": "urn:uuid:…", "date": "…Z", "raison": "…"}]}``.
The school publishes it next to its public key; a verifier downloads both once
and checks certificates offline.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from esn_teach.certificates._declaration import CertificateError

__all__ = [
    "REVOCATIONS_FILE",
    "Revocation",
    "credential_urn",
    "read_revocations",
    "revoke",
]

REVOCATIONS_FILE = "revocations.json"

_UUID = re.compile(r"^(urn:uuid:)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$")


@dataclass(frozen=True)
class Revocation:
    """One revoked credential.

    Attributes
    ----------
    id : str
        The credential's ``id`` (``urn:uuid:…``).
    date : datetime.datetime
        When it was revoked (UTC).
    reason : str
        Why, in French.
    """

    id: str
    date: datetime
    reason: str


def credential_urn(value: str) -> str:
    """Normalise a credential id (``urn:uuid:…`` or the bare UUID) to ``urn:uuid:…``.

    Raises
    ------
    CertificateError
        If ``value`` is not a credential id.
    """
    match = _UUID.match(value.strip().lower())
    if not match:
        raise CertificateError(
            f"« {value} » n'est pas l'identifiant d'un certificat (urn:uuid:… : voir le "
            "fichier registre.csv écrit par esn-teach certify, ou le champ « id » du .json)."
        )
    return f"urn:uuid:{match.group(2)}"


def read_revocations(path: str | Path, *, missing_ok: bool = False) -> dict[str, Revocation]:
    """Read a revocation list: credential id → :class:`Revocation`.

    Parameters
    ----------
    path : path-like
    missing_ok : bool, default=False
        An absent file is an empty list (for the issuer's first revocation).

    Raises
    ------
    CertificateError
        If the file is absent (and ``missing_ok`` is false) or malformed.
    """
    path = Path(path).expanduser()
    if not path.is_file():
        if missing_ok:
            return {}
        raise CertificateError(
            f"Liste des révocations introuvable : {path}. Sans elle, un certificat révoqué "
            "paraîtrait valide : téléchargez la liste publiée par l'école et indiquez-la avec "
            "--revocations FICHIER."
        )
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["revocations"]
        found = {}
        for entry in entries:
            date = datetime.fromisoformat(entry["date"].replace("Z", "+00:00"))
            found[entry["id"]] = Revocation(entry["id"], date, str(entry["raison"]))
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise CertificateError(
            f"Liste des révocations illisible : {path} (JSON attendu : "
            '{"revocations": [{"id": …, "date": …, "raison": …}]}).'
        ) from None
    return found


def revoke(
    path: str | Path,
    credential_id: str,
    reason: str,
    *,
    issuer: str | None = None,
    when: datetime | None = None,
) -> Revocation:
    """Add a credential to the revocation list (the file is created if needed).

    Parameters
    ----------
    path : path-like
        The revocation list.
    credential_id : str
        ``urn:uuid:…`` or the bare UUID.
    reason : str
        Why, in French (shown to whoever verifies the credential).
    issuer : str, optional
        The issuer's URL, recorded in a new list.
    when : datetime.datetime, optional
        Default: now (UTC).

    Returns
    -------
    Revocation

    Raises
    ------
    CertificateError
        If the id is malformed, the reason empty, or the credential already revoked.
    """
    urn = credential_urn(credential_id)
    reason = " ".join(reason.split())
    if not reason:
        raise CertificateError("Indiquez la raison de la révocation (--raison « … »).")
    path = Path(path).expanduser()
    existing = read_revocations(path, missing_ok=True)
    if urn in existing:
        raise CertificateError(
            f"{urn} est déjà révoqué (le {existing[urn].date.date().isoformat()} : "
            f"{existing[urn].reason})."
        )
    when = (when or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    data: dict[str, object] = {"emetteur": issuer, "revocations": []}
    if path.is_file():
        data = json.loads(path.read_text(encoding="utf-8"))
    entries = data.setdefault("revocations", [])
    if not isinstance(entries, list):
        raise CertificateError(f"Liste des révocations illisible : {path}.")
    entries.append({"id": urn, "date": when.isoformat().replace("+00:00", "Z"), "raison": reason})
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    temporary.replace(path)
    return Revocation(urn, when, reason)
