"""The issuer's key pair: RSA 3072 (RS256), private key kept out of any repository.

The private key is a PEM file readable by its owner only (mode 0600), in a
folder outside every git work tree (``~/.config/esn-teach/cles`` by default,
or ``$ESN_TEACH_KEYS_DIR``). The public key is a JWK (RFC 7517) written next to
it, with its ``kid`` (the RFC 9278 URI of its RFC 7638 thumbprint) and the
issuer it belongs to (member ``iss``): it is what the school publishes, and
what verifiers trust.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from esn_teach.certificates._declaration import CertificateError
from esn_teach.certificates._revocation import REVOCATIONS_FILE

__all__ = [
    "KEYS_VARIABLE",
    "PRIVATE_KEY_FILE",
    "PUBLIC_KEY_FILE",
    "IssuerKeys",
    "create_keys",
    "default_keys_dir",
    "git_work_tree",
    "jwk_thumbprint",
    "load_private_key",
    "load_public_jwk",
]

#: Environment variable overriding the keys folder.
KEYS_VARIABLE = "ESN_TEACH_KEYS_DIR"
PRIVATE_KEY_FILE = "emetteur-prive.pem"
PUBLIC_KEY_FILE = "emetteur-public.jwk.json"

#: RSA modulus size: 3072 bits (NIST SP 800-57: 128-bit security), signed with RS256.
KEY_BITS = 3072


def default_keys_dir() -> Path:
    """Return the keys folder: ``$ESN_TEACH_KEYS_DIR``, else ``~/.config/esn-teach/cles``."""
    configured = os.environ.get(KEYS_VARIABLE, "").strip()
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME", "").strip() or str(Path.home() / ".config")
    return Path(base) / "esn-teach" / "cles"


def git_work_tree(path: Path) -> Path | None:
    """Return the git work tree holding ``path`` (a ``.git`` folder or file above it), or None."""
    current = path.resolve()
    for folder in (current, *current.parents):
        if (folder / ".git").exists():
            return folder
    return None


def jwk_thumbprint(jwk: dict[str, Any]) -> str:
    """Return the RFC 7638 SHA-256 thumbprint of an RSA JWK, as an RFC 9278 URI (the ``kid``)."""
    canonical = json.dumps(
        {"e": jwk["e"], "kty": jwk["kty"], "n": jwk["n"]}, separators=(",", ":"), sort_keys=True
    )
    digest = hashlib.sha256(canonical.encode("utf-8")).digest()
    encoded = base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
    return f"urn:ietf:params:oauth:jwk-thumbprint:sha-256:{encoded}"


@dataclass(frozen=True)
class IssuerKeys:
    """Where :func:`create_keys` wrote the key pair.

    Attributes
    ----------
    private, public : pathlib.Path
    kid : str
    """

    private: Path
    public: Path
    kid: str


def create_keys(directory: str | Path, issuer: str, *, force: bool = False) -> IssuerKeys:
    """Create the issuer's RSA 3072 key pair.

    Parameters
    ----------
    directory : path-like
        The keys folder (created with mode 0700); never inside a git work tree.
    issuer : str
        The issuer's URL, written into the public JWK (member ``iss``).
    force : bool, default=False
        Replace an existing key pair (every certificate signed with the old key
        then fails verification with the new public key).

    An empty revocation list (``revocations.json``) is written next to them
    if there is none.

    Returns
    -------
    IssuerKeys

    Raises
    ------
    CertificateError
        If the folder is inside a git work tree, or a key exists and ``force``
        is false.
    """
    folder = Path(directory).expanduser().resolve()
    tree = git_work_tree(folder)
    if tree is not None:
        raise CertificateError(
            f"Refusé : {folder} est dans le dépôt git {tree}. La clé privée ne doit jamais "
            "pouvoir être versionnée : choisissez un dossier hors de tout dépôt (--dir DOSSIER, "
            f"ou la variable {KEYS_VARIABLE}), par défaut ~/.config/esn-teach/cles."
        )
    private = folder / PRIVATE_KEY_FILE
    public = folder / PUBLIC_KEY_FILE
    if private.exists() and not force:
        raise CertificateError(
            f"Une clé existe déjà : {private}. La remplacer rendrait invérifiables les "
            "certificats déjà délivrés avec elle ; si c'est voulu (clé compromise), ajoutez "
            "--force et publiez la nouvelle clé publique."
        )
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = rsa.generate_private_key(public_exponent=65537, key_size=KEY_BITS)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    if private.exists():
        private.unlink()
    descriptor = os.open(private, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
    os.chmod(private, 0o600)  # whatever the umask
    jwk: dict[str, Any] = RSAAlgorithm.to_jwk(key.public_key(), as_dict=True)
    jwk["kid"] = jwk_thumbprint(jwk)
    jwk.update({"alg": "RS256", "use": "sig", "iss": issuer})
    public.write_text(json.dumps(jwk, indent=2) + "\n", encoding="utf-8")
    revocations = folder / REVOCATIONS_FILE
    if not revocations.exists():
        revocations.write_text(
            json.dumps({"emetteur": issuer, "revocations": []}, indent=2) + "\n", encoding="utf-8"
        )
    return IssuerKeys(private, public, jwk["kid"])


def load_private_key(directory: str | Path) -> rsa.RSAPrivateKey:
    """Read the issuer's private key, refusing a file others can read.

    Raises
    ------
    CertificateError
        If the key is missing, readable by the group or others, or unreadable.
    """
    path = Path(directory).expanduser() / PRIVATE_KEY_FILE
    if not path.is_file():
        raise CertificateError(
            f"Clé privée de l'émetteur introuvable : {path}. Créez-la avec « esn-teach keys » "
            f"(ou indiquez son dossier avec --cles DOSSIER ou la variable {KEYS_VARIABLE})."
        )
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise CertificateError(
            f"Refusé : la clé privée {path} est lisible par d'autres comptes (droits "
            f"{mode:o}). Restreignez-la à votre compte avec « chmod 600 {path} », puis "
            "relancez ; si d'autres ont pu la lire, recréez les clés (esn-teach keys --force)."
        )
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (ValueError, TypeError):
        raise CertificateError(
            f"Clé privée illisible : {path} n'est pas une clé PEM sans mot de passe. "
            "Recréez les clés avec « esn-teach keys --force »."
        ) from None
    if not isinstance(key, rsa.RSAPrivateKey) or key.key_size < 2048:
        raise CertificateError(f"{path} n'est pas une clé RSA d'au moins 2048 bits.")
    return key


def load_public_jwk(path: str | Path) -> dict[str, Any]:
    """Read the issuer's public JWK (what a verifier trusts).

    Raises
    ------
    CertificateError
        If the file is missing, is not an RSA public JWK, or holds a private part.
    """
    path = Path(path).expanduser()
    if not path.is_file():
        raise CertificateError(
            f"Clé publique de l'émetteur introuvable : {path}. Indiquez la clé publiée par "
            "l'école avec --cle FICHIER (fichier .jwk.json)."
        )
    try:
        jwk = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        jwk = None
    if not isinstance(jwk, dict) or jwk.get("kty") != "RSA" or not {"n", "e"} <= set(jwk):
        raise CertificateError(f"{path} n'est pas une clé publique RSA au format JWK.")
    try:
        RSAAlgorithm.from_jwk({k: jwk[k] for k in ("kty", "n", "e")})
    except (jwt.PyJWTError, ValueError, TypeError):
        raise CertificateError(f"{path} n'est pas une clé publique RSA valide.") from None
    if "d" in jwk:
        raise CertificateError(
            f"{path} contient une clé PRIVÉE : ne la diffusez pas ; un vérificateur n'a besoin "
            "que de la clé publique (esn-teach keys l'écrit à part)."
        )
    jwk.setdefault("kid", jwk_thumbprint(jwk))
    return jwk
