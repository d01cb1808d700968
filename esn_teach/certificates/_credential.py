"""The Open Badges 3.0 ``OpenBadgeCredential`` (a W3C Verifiable Credential 2.0).

The learner is identified by a salted SHA-256 hash of their e-mail (the
specification's ``IdentityObject``), never by the e-mail itself. The
credential has no ``credentialSubject.id``: the specification asks for an
``id`` or at least one ``identifier``, and an id would be a second,
unhashed, identifier of the learner.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from esn_teach._formatting import fr_date
from esn_teach.certificates._declaration import CertificateSpec, IssuerSpec

__all__ = [
    "OB_CONTEXT",
    "VC_CONTEXT",
    "ModuleResult",
    "add_years",
    "build_credential",
    "criteria_narrative",
    "describe_dates",
    "fr_percent_value",
    "identity_matches",
    "identity_object",
    "iso_z",
    "parse_iso",
]

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"


@dataclass(frozen=True)
class ModuleResult:
    """What a learner obtained in one required module.

    Attributes
    ----------
    module : str
        The module's full name.
    title : str
        Its French title (« Module 03 — Le coût n'est pas le besoin »).
    percent : float
        Share of the autograded points obtained, in percent.
    min_percent : float
        The declaration's minimum.
    reflection_graded : bool
        Whether the declaration requires the reflection graded.
    """

    module: str
    title: str
    percent: float
    min_percent: float
    reflection_graded: bool


def fr_percent_value(percent: float) -> str:
    """Write a percentage with a decimal comma, at most one decimal: ``65.5`` → ``"65,5 %"``."""
    text = f"{round(percent, 1):.1f}".removesuffix(".0").replace(".", ",")
    return f"{text}\u00a0%"


def iso_z(moment: datetime) -> str:
    """``2026-12-04T09:30:00Z``: a UTC date-time as Verifiable Credentials write it."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def parse_iso(text: str) -> datetime:
    """Read an ISO 8601 date-time with its time zone (``Z`` accepted).

    Raises
    ------
    ValueError
        If ``text`` is not such a date-time.
    """
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError(text)
    return moment


def add_years(moment: datetime, years: int) -> datetime:
    """Return the same day ``years`` later (29 February becomes 28 February)."""
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:
        return moment.replace(year=moment.year + years, day=28)


def _normalise_email(email: str) -> str:
    return email.strip().lower()


def identity_object(email: str, salt: str | None = None) -> dict[str, Any]:
    """Return the Open Badges ``IdentityObject`` of an e-mail: salted SHA-256, not the address.

    The hash is ``sha256$`` + hex(SHA-256(e-mail in lower case + salt)), as the
    specification's ``IdentityHash`` defines it.

    Parameters
    ----------
    email : str
    salt : str, optional
        Default: 32 random hexadecimal digits.

    Returns
    -------
    dict
    """
    salt = salt or secrets.token_hex(16)
    digest = hashlib.sha256((_normalise_email(email) + salt).encode("utf-8")).hexdigest()
    return {
        "type": "IdentityObject",
        "identityHash": f"sha256${digest}",
        "identityType": "emailAddress",
        "hashed": True,
        "salt": salt,
    }


def identity_matches(identity: dict[str, Any], email: str) -> bool:
    """Whether a hashed ``IdentityObject`` stands for ``email``."""
    if identity.get("identityType") != "emailAddress" or not identity.get("hashed"):
        return False
    expected = identity_object(email, str(identity.get("salt", "")))["identityHash"]
    return hmac.compare_digest(str(identity.get("identityHash", "")).lower(), expected)


def criteria_narrative(spec: CertificateSpec, titles: dict[str, str]) -> str:
    """Write the criteria in French words (Markdown), generated from the declaration."""
    lines = ["Ce certificat est délivré à qui remplit, pour chacun des modules suivants :"]
    for criterion in spec.modules:
        title = titles.get(criterion.module, criterion.module)
        text = (
            f"- {title} : au moins {fr_percent_value(criterion.min_percent)} des points des "
            "questions autocorrigées"
        )
        if criterion.in_class_only:
            text += " de la partie en séance"
        if criterion.reflection_graded:
            text += ", et une réflexion rédigée, notée par un enseignant"
        if criterion.evaluated_session:
            text += ", sur une copie de la séance évaluée"
        lines.append(text + " ;")
    lines[-1] = lines[-1].removesuffix(" ;") + "."
    lines.append(
        "Les notes sont lues dans le carnet de notes du cours et doivent être définitives "
        "(aucune question « À examiner », aucune réflexion en attente de correction)."
    )
    return "\n".join(lines)


def unit_grading_markdown(
    spec: CertificateSpec,
    module: str,
    autograded_points: float,
    written_points: float,
    *,
    after_class_points: float = 0.0,
    whole_points: bool = True,
    after_class_practice: bool = False,
    written_after_class: bool = False,
) -> str:
    """Write the box « Comment cette unité est notée » for a module a certificate requires.

    Generated from the declaration at build time (placed under the module's first
    cell), so that what the learner reads cannot drift from what ``esn-teach
    certify`` checks.

    Parameters
    ----------
    spec : CertificateSpec
        The certificate.
    module : str
        The module's full name; one of ``spec.modules``.
    autograded_points, written_points : float
        The module's points: autograded questions, written reflections.
    after_class_points : float, default=0.0
        The autograded points after the heading « Après la séance »: they count, so
        the copy that counts is the complete one, handed in after that part; unless
        the module's criterion counts the in-class part only (``in_class_only``),
        when the box says they do not count.
    whole_points : bool, default=True
        Whether every question is worth a whole number of points (then 70 % of 16,
        that is 11,2, means 12 points).
    after_class_practice : bool, default=False
        Whether the module's grade leaves the after-class questions out too (the
        module declares ``graded="in-class"``): the box then says they are practice,
        in the certificate and in the module's grade alike, as the « Notation » line
        does. Otherwise it says they count in the module's grade.
    written_after_class : bool, default=False
        Whether a written reflection comes after the heading « Après la séance »: a copy
        collected at the end of the session does not hold it, so the box says it is
        handed in apart.

    Returns
    -------
    str
        French Markdown, a blockquote.
    """
    criterion = next(c for c in spec.modules if c.module == module)
    in_class_only = criterion.in_class_only and after_class_points > 0
    counted = autograded_points - after_class_points if in_class_only else autograded_points
    exact = counted * criterion.min_percent / 100
    needed = math.ceil(exact - 1e-9)
    if math.isclose(exact, round(exact)):
        threshold = f"soit {_points(round(exact))}"
    elif whole_points:  # 70 % of 16 is 11,2: with whole points per question, 12 are needed
        threshold = (
            f"soit {_number(exact)} ; chaque question rapportant un nombre entier de points, "
            f"il en faut donc {_points(needed)}"
        )
    else:
        threshold = f"soit {_points(exact)}"
    which = (
        "Les questions autocorrigées de la partie en séance valent"
        if in_class_only
        else "Les questions autocorrigées valent"
    )
    lines = [
        f"> **Comment cette unité est notée** (certificat « {spec.name} »)",
        ">",
        f"> - {which} {_points(counted)} : il faut au moins "
        f"{fr_percent_value(criterion.min_percent)} de ces points, {threshold}. Une question "
        "rapporte ses points si la réponse est juste quand vous rendez le notebook (une "
        "question à plusieurs items, une part selon les items justes et faux) ; le nombre "
        "d'essais ne compte pas.",
    ]
    if in_class_only:
        lines.append(
            f"> - Les questions de la partie « Après la séance » "
            f"({_points(after_class_points)}) ne comptent pas pour ce certificat"
            + (
                " ni dans la note du module : un entraînement, à faire sans surveillance."
                if after_class_practice
                else " : faites-les sans surveillance, pour vous entraîner (elles comptent en "
                "revanche dans la note du module)."
            )
        )
    elif after_class_points:
        in_class = autograded_points - after_class_points
        line = (
            f"> - Ces points comprennent les questions de la partie « Après la séance » "
            f"({_points(after_class_points)}) : rendez le notebook **complet**, une fois cette "
            "partie faite, et non à la fin de la séance"
        )
        if in_class < needed:
            line += f" (sans elle, vous auriez au plus {_points(in_class)})"
        lines.append(line + ".")
    if written_points:
        if criterion.reflection_graded:
            lines.append(
                f"> - La réflexion rédigée ({_points(written_points)}) doit être notée par un "
                "enseignant."
            )
        else:
            lines.append(
                f"> - La réflexion rédigée ({_points(written_points)} dans le module) ne compte "
                "pas pour ce certificat : faites-la pour vous, son guide de correction sert à "
                "vous auto-évaluer dans le parcours en autonomie."
            )
    if criterion.evaluated_session:
        lines.append(
            "> - Seule compte une copie de la **séance évaluée** : ses vérifications disent "
            "seulement si la réponse est bien écrite, jamais si elle est juste. Les autres "
            "versions (formative, en autonomie) servent à s'entraîner."
        )
    if in_class_only and not after_class_practice:
        # The after-class questions count in the module's grade, not for the certificate:
        # the teacher chooses how the copy is handed in (README), as the module's header says.
        lines.append(
            "> - Pour rendre : votre enseignant·e dit au début de la séance si la copie est "
            "ramassée à la fin de la séance (la réflexion se rend alors à part, par exemple "
            "dans un devoir Moodle) ou rendue complète à la date d'un devoir."
        )
    elif in_class_only or not after_class_points:
        # README: a copy whose grade counts the in-class part is collected at the end
        # of the session; a reflection written after it is handed in apart (module 11's
        # lecturer, d20: the box said « le fichier .ipynb », the module « Moodle »).
        hand_in = "> - Pour rendre : la copie est ramassée à la fin de la séance"
        if written_after_class:
            hand_in += (
                " ; la réflexion, rédigée après la séance, se rend à part, comme votre "
                "enseignant·e l'indique (devoir Moodle ou page « Mes devoirs »), avant la date "
                "annoncée"
            )
        # Handed in again, a copy would replace the supervised one (module 06's lecturer, d22).
        lines.append(hand_in + ". Ne la déposez pas une seconde fois après la séance.")
    else:
        lines.append(
            "> - Pour rendre : enregistrez le notebook, puis déposez le fichier (.ipynb) là où "
            "on vous l'a demandé (devoir Moodle ou page « Mes devoirs »), une seule fois, "
            "complet, avant la date annoncée."
        )
    return "\n".join(lines)


def _number(value: float) -> str:
    return f"{round(value, 2):g}".replace(".", ",")


def _points(value: float) -> str:
    return f"{_number(value)} point" + ("s" if value >= 2 else "")


def build_credential(
    spec: CertificateSpec,
    issuer: IssuerSpec,
    identity: dict[str, Any],
    results: list[ModuleResult],
    *,
    issued: datetime,
    credential_id: str,
    titles: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Build the ``OpenBadgeCredential`` of one learner.

    Parameters
    ----------
    spec : CertificateSpec
        The certificate.
    issuer : IssuerSpec
        The school.
    identity : dict
        The learner's :func:`identity_object`.
    results : list of ModuleResult
        The learner's results in the required modules (``result`` of the subject).
    issued : datetime.datetime
        ``validFrom`` (aware; written in UTC).
    credential_id : str
        ``urn:uuid:…``.
    titles : dict, optional
        Module name → French title.

    Returns
    -------
    dict
        The credential, JSON-ready.
    """
    titles = titles or {}
    profile: dict[str, Any] = {"id": issuer.id, "type": ["Profile"], "name": issuer.name}
    if issuer.email:
        profile["email"] = issuer.email
    descriptions = []
    values = []
    for result in results:
        anchor = f"{spec.achievement_id}#resultat-{result.module}"
        descriptions.append(
            {
                "id": anchor,
                "type": ["ResultDescription"],
                "name": f"{titles.get(result.module, result.module)} : part des points des "
                "questions autocorrigées",
                "resultType": "Percent",
                "requiredValue": f"{result.min_percent:g}",
            }
        )
        values.append(
            {
                "type": ["Result"],
                "resultDescription": anchor,
                "value": f"{round(result.percent, 1):g}",
            }
        )
    achievement: dict[str, Any] = {
        "id": spec.achievement_id,
        "type": ["Achievement"],
        "achievementType": "MicroCredential",
        "name": spec.name,
        "description": spec.description,
        "criteria": {"narrative": criteria_narrative(spec, titles)},
        "inLanguage": "fr",
    }
    if spec.competences:
        achievement["alignment"] = []
        for competence in spec.competences:
            alignment: dict[str, Any] = {
                "type": ["Alignment"],
                "targetName": competence.name,
                "targetUrl": competence.url,
            }
            if competence.framework:
                alignment["targetFramework"] = competence.framework
            if competence.code:
                alignment["targetCode"] = competence.code
            achievement["alignment"].append(alignment)
    if descriptions:
        achievement["resultDescription"] = descriptions
    subject: dict[str, Any] = {
        "type": ["AchievementSubject"],
        "identifier": [identity],
        "achievement": achievement,
    }
    if values:
        subject["result"] = values
    credential: dict[str, Any] = {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": credential_id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": profile,
        "validFrom": iso_z(issued),
    }
    if spec.validity_years:
        credential["validUntil"] = iso_z(add_years(issued.astimezone(UTC), spec.validity_years))
    credential["name"] = spec.name
    credential["credentialSubject"] = subject
    return credential


def describe_dates(credential: dict[str, Any]) -> str:
    """« délivré le 4 décembre 2026 » (and « valable jusqu'au … » when it expires)."""
    text = f"délivré le {fr_date(parse_iso(credential['validFrom']).date())}"
    if credential.get("validUntil"):
        text += f", valable jusqu'au {fr_date(parse_iso(credential['validUntil']).date())}"
    return text
