"""Read a student's answer the way a jurist would: every standard citation form counts.

A legally correct answer must not score 0 because it is written « L. 1461-1 »
rather than « L1461-1 », or « art. 9.2.j » rather than « 9(2)(j) ». The
checks of :mod:`esn_teach.checks` compare texts with case, accents and
surrounding spaces ignored; :func:`normalise_answer` first rewrites the
citation forms lawyers use into the one key the module's options list, and
the usual variants of the verdicts and identification levels (singular,
hyphen, « licite sous condition ») into :data:`~esn_teach.law.VERDICTS` and
:data:`~esn_teach.law.IDENTIFICATION_LEVELS`. Anything it does not recognise
is returned unchanged, so the check can still name the mistake or say that
the answer is not one of the options.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalise_answer"]

#: Words a citation may carry around its number: they do not change what is cited.
_NOISE = re.compile(
    r"\b(?:articles?|art|rgpd|gdpr|csp|code de la sante publique|du|de la|de|le|la|reglement"
    r"|ue|2016/679)\b\.?",
)
#: Article 9(2) of the RGPD, point a to j, in any of the forms lawyers write it:
#: 9(2)(j), 9.2.j, 9-2-j, 9 2 j, 9§2 j, 9, paragraphe 2, point j, 9(2)j…
_ARTICLE_9_2 = re.compile(
    r"9\W*(?:§|paragraphe|par|al|alinea)?\W*2\W*(?:point|pt|lettre|sous|littera|lit)?\W*"
    r"([a-j])\W*"
)
#: An article of a French code (L for laws, R for decrees), with or without the
#: dot and space after the letter, and with an optional section number: L. 1461-1, V.
_CODE_ARTICLE = re.compile(r"([lr])\W*(\d{4})\s*[-‐‑–—]\s*(\d{1,2})(?:\W+[ivx]+\b.*)?")
#: Other spellings of the verdicts and identification levels, after normalisation.
_VARIANTS = {
    "licite sous condition": "sous condition",
    "licite sous conditions": "sous condition",
    "sous conditions": "sous condition",
    "sous-condition": "sous condition",
    "sous-conditions": "sous condition",
    "conditionnel": "sous condition",
    "nominative": "nominatives",
    "pseudonymisee": "pseudonymisées",
    "pseudonymise": "pseudonymisées",
    "pseudonymises": "pseudonymisées",
    "pseudonymes": "pseudonymisées",
    "pseudonyme": "pseudonymisées",
    "anonyme": "anonymes",
    "anonymisees": "anonymes",
    "anonymisee": "anonymes",
}


def _plain(text: str) -> str:
    """Lower case, no accents, one space between words, no spaces at the ends."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    without_accents = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(without_accents.split())


def normalise_answer(value: object) -> object:
    """Return the module's spelling of an answer written in another standard form.

    Parameters
    ----------
    value : object
        What the student wrote. Only a text is rewritten; anything else
        (the placeholder ``...``, a number) is returned unchanged, for the
        check to say what is wrong.

    Returns
    -------
    object
        ``"9(2)(x)"`` for any standard citation of article 9(2)(x) of the RGPD
        (« art. 9.2.j », « 9-2-j », « article 9, paragraphe 2, point j »…);
        ``"L1461-1"`` for « L. 1461-1 », « article L 1461-1 du CSP »,
        « L1461-1, V »… (the same for any article of a code); the usual
        variants of a verdict or an identification level; otherwise ``value``
        itself.

    Examples
    --------
    >>> normalise_answer("art. 9.2.j")
    '9(2)(j)'
    >>> normalise_answer("L. 1461-1, V")
    'L1461-1'
    >>> normalise_answer("licite sous condition")
    'sous condition'
    >>> normalise_answer("L1110-4")
    'L1110-4'
    """
    if not isinstance(value, str):
        return value
    plain = _plain(value)
    if plain in _VARIANTS:
        return _VARIANTS[plain]
    stripped = " ".join(_NOISE.sub(" ", plain).split()).strip(" .,;:")
    found = _ARTICLE_9_2.fullmatch(stripped)
    if found:
        return f"9(2)({found[1]})"
    found = _CODE_ARTICLE.fullmatch(stripped)
    if found:
        return f"{found[1].upper()}{found[2]}-{found[3]}"
    return value
