"""Verifiable micro-certificates: Open Badges 3.0 credentials signed as VC-JWT.

A course declares its certificates in ``notebooks/certificats.toml``
(:func:`load_declaration`); :func:`certify` reads the gradebook and issues, to
each learner who meets the criteria with final grades, an
``OpenBadgeCredential`` signed with the school's RSA key (:func:`create_keys`),
with a printable French certificate and its QR code (:func:`render_certificate`).
:func:`verify_token` checks a credential offline against the school's public
key and revocation list (:func:`revoke`).
"""

from esn_teach.certificates._credential import (
    OB_CONTEXT,
    VC_CONTEXT,
    ModuleResult,
    build_credential,
    criteria_narrative,
    identity_matches,
    identity_object,
    unit_grading_markdown,
)
from esn_teach.certificates._declaration import (
    DECLARATION_FILE,
    CertificateError,
    CertificateSpec,
    Competence,
    Declaration,
    IssuerSpec,
    ModuleCriterion,
    declared_issuer,
    load_declaration,
)
from esn_teach.certificates._html import qr_svg, render_certificate
from esn_teach.certificates._issue import (
    REGISTER_FILE,
    CertifyReport,
    Issued,
    LearnerAssessment,
    assess_learners,
    certify,
    course_declaration,
    refusal_lines,
)
from esn_teach.certificates._keys import (
    KEYS_VARIABLE,
    PRIVATE_KEY_FILE,
    PUBLIC_KEY_FILE,
    IssuerKeys,
    create_keys,
    default_keys_dir,
    git_work_tree,
    jwk_thumbprint,
    load_private_key,
    load_public_jwk,
)
from esn_teach.certificates._revocation import (
    REVOCATIONS_FILE,
    Revocation,
    credential_urn,
    read_revocations,
    revoke,
)
from esn_teach.certificates._signing import (
    ALGORITHM,
    Verdict,
    sign_credential,
    verify_file,
    verify_token,
)

__all__ = [
    "ALGORITHM",
    "DECLARATION_FILE",
    "KEYS_VARIABLE",
    "OB_CONTEXT",
    "PRIVATE_KEY_FILE",
    "PUBLIC_KEY_FILE",
    "REGISTER_FILE",
    "REVOCATIONS_FILE",
    "VC_CONTEXT",
    "CertificateError",
    "CertificateSpec",
    "CertifyReport",
    "Competence",
    "Declaration",
    "Issued",
    "IssuerKeys",
    "IssuerSpec",
    "LearnerAssessment",
    "ModuleCriterion",
    "ModuleResult",
    "Revocation",
    "Verdict",
    "assess_learners",
    "build_credential",
    "certify",
    "course_declaration",
    "create_keys",
    "credential_urn",
    "criteria_narrative",
    "declared_issuer",
    "default_keys_dir",
    "git_work_tree",
    "identity_matches",
    "identity_object",
    "jwk_thumbprint",
    "load_declaration",
    "load_private_key",
    "load_public_jwk",
    "qr_svg",
    "read_revocations",
    "refusal_lines",
    "render_certificate",
    "revoke",
    "sign_credential",
    "unit_grading_markdown",
    "verify_file",
    "verify_token",
]
