"""The printable French certificate: one self-contained HTML page, A4, with its QR code.

Nothing is loaded from the network: the style is inline, the QR code an
inline SVG drawn by segno (pure Python, no dependency, ISO/IEC 18004), with a
text alternative. The page says where and how the certificate is verified.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

import jinja2
import segno

from esn_teach._formatting import fr_date
from esn_teach.certificates._credential import fr_percent_value, parse_iso

__all__ = ["qr_svg", "render_certificate"]

_TEMPLATE = "certificat.html.j2"


def qr_svg(payload: str, *, label: str) -> str:
    """Draw an inline SVG QR code of ``payload`` (error correction M), named by ``label``.

    Parameters
    ----------
    payload : str
        What the code carries.
    label : str
        Its text alternative (the SVG ``<title>``, announced as an image).

    Returns
    -------
    str
    """
    code = segno.make(payload, error="m", boost_error=False)
    svg = code.svg_inline(scale=4, title=label, svgclass="qr", lineclass="qr-modules")
    return re.sub(r"^<svg ", '<svg role="img" ', svg, count=1)


def _template() -> jinja2.Template:
    """Load the certificate's Jinja2 template, shipped as package data (HTML autoescaped)."""
    source = (resources.files("esn_teach.certificates") / "templates" / _TEMPLATE).read_text(
        encoding="utf-8"
    )
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    environment.filters["fr"] = _french_spaces
    return environment.from_string(source)


def _french_spaces(text: str) -> str:
    """Put no-break spaces where French typography wants them (before : ; ? ! », after «)."""
    text = re.sub(r" ([:;?!»%])", "\u00a0\\1", text)
    return text.replace("« ", "«\u00a0")


def render_certificate(
    credential: dict[str, Any],
    *,
    holder: str,
    verification_url: str,
    kid: str,
    jwt_file: str,
) -> str:
    """Render the printable certificate of a credential (French HTML, ``lang="fr"``).

    Parameters
    ----------
    credential : dict
        The ``OpenBadgeCredential``.
    holder : str
        The learner's name as the gradebook has it (may be empty).
    verification_url : str
        What the QR code carries: the issuer's verification page for this credential.
    kid : str
        The issuer's key id, printed for whoever verifies offline.
    jwt_file : str
        The name of the signed file given to the learner.

    Returns
    -------
    str
    """
    template = _template()
    subject = credential["credentialSubject"]
    achievement = subject["achievement"]
    descriptions = {d["id"]: d for d in achievement.get("resultDescription", [])}
    results = []
    for result in subject.get("result", []):
        description = descriptions.get(result["resultDescription"], {})
        name = str(description.get("name", "")).split(" : ")[0]
        results.append(
            {
                "module": name,
                "value": fr_percent_value(float(result["value"])),
                "required": fr_percent_value(float(description.get("requiredValue", 0))),
            }
        )
    valid_until = credential.get("validUntil")
    return template.render(
        credential=credential,
        achievement=achievement,
        holder=holder,
        issued=fr_date(parse_iso(credential["validFrom"]).date()),
        valid_until=fr_date(parse_iso(valid_until).date()) if valid_until else None,
        results=results,
        criteria=achievement["criteria"]["narrative"].splitlines(),
        alignments=achievement.get("alignment", []),
        verification_url=verification_url,
        qr=qr_svg(
            verification_url,
            label=f"Code QR : adresse de vérification de ce certificat, {verification_url}",
        ),
        kid=kid,
        jwt_file=jwt_file,
    )
