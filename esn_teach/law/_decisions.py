"""Real CNIL sanctions in health, as data: number, date, amount, principle breached.

Only decisions whose number, date and amount were checked (see
:data:`esn_teach.law.LEGAL_FACTS_LAST_CHECKED`) are listed. ``principle`` is one
of :data:`PRINCIPLES`, the teaching categories used in module 10.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["CNIL_DECISIONS", "PRINCIPLES", "CnilDecision", "decision"]

#: Teaching categories for the principle a sanction enforces (key → French label).
PRINCIPLES: Mapping[str, str] = {
    "anonymisation": (
        "des données seulement pseudonymisées traitées comme anonymes, donc sans base légale "
        "ni formalités préalables"
    ),
    "sécurité": "la sécurité des données de santé (accès non protégé, absence de chiffrement)",
    "consentement": "le consentement explicite exigé pour collecter des données de santé",
}


@dataclass(frozen=True)
class CnilDecision:
    """A sanction of the CNIL's restricted committee (formation restreinte).

    Parameters
    ----------
    number : str
        The deliberation number, e.g. ``"SAN-2024-013"``.
    date : datetime.date
        Date of the deliberation.
    organisation : str
        Who was sanctioned.
    amount_eur : int
        Total fine, in euros.
    principle : str
        Key of :data:`PRINCIPLES`.
    articles : tuple of str
        Provisions found breached, as written in the decision.
    reference_keys : tuple of str
        Keys of :data:`esn_teach.law.REFERENCES` that the decision applies.
    facts : str
        What happened, in French.
    url : str
        Where to read it (Légifrance).
    misconceptions : mapping of str to str
        For each wrong principle a student may choose, the French message that
        explains the decision and cites the article missed.
    """

    number: str
    date: datetime.date
    organisation: str
    amount_eur: int
    principle: str
    articles: tuple[str, ...]
    reference_keys: tuple[str, ...]
    facts: str
    url: str
    misconceptions: Mapping[str, str] = field(default_factory=dict)


def _legifrance_search(number: str) -> str:
    return f"https://www.legifrance.gouv.fr/search/cnil?query={number}"


CNIL_DECISIONS: tuple[CnilDecision, ...] = (
    CnilDecision(
        number="SAN-2024-013",
        date=datetime.date(2024, 9, 5),
        organisation="Cegedim Santé (éditeur de logiciels pour médecins de ville)",
        amount_eur=800_000,
        principle="anonymisation",
        articles=("loi Informatique et Libertés, art. 66", "RGPD, art. 5(1)(a) (licéité)"),
        reference_keys=("LIL 66", "cons. 26", "4(5)"),
        facts=(
            "Des données de patients issues des logiciels des médecins étaient transmises, "
            "avec un identifiant unique par patient, à des clients pour des études ; "
            "l'éditeur les disait anonymes."
        ),
        url=_legifrance_search("SAN-2024-013"),
        misconceptions={
            "sécurité": (
                "SAN-2024-013 (Cegedim Santé) ne sanctionne pas une fuite : les données étaient "
                "pseudonymisées (un identifiant unique par patient), donc encore personnelles "
                "(RGPD, considérant 26 et art. 4(5)), et traitées sans les formalités de "
                "l'article 66 de la loi Informatique et Libertés."
            ),
            "consentement": (
                "SAN-2024-013 (Cegedim Santé) ne porte pas sur un consentement manquant : la "
                "CNIL reproche d'avoir traité comme anonymes des données pseudonymisées "
                "(considérant 26, art. 4(5)) sans les formalités de l'article 66 de la loi "
                "Informatique et Libertés."
            ),
        },
    ),
    CnilDecision(
        number="SAN-2022-009",
        date=datetime.date(2022, 4, 15),
        organisation="Dedalus Biologie (logiciels pour laboratoires d'analyses)",
        amount_eur=1_500_000,
        principle="sécurité",
        articles=("RGPD, art. 28", "RGPD, art. 29", "RGPD, art. 32"),
        reference_keys=("art. 32", "art. 28"),
        facts=(
            "Lors d'une migration de logiciel, des données de laboratoires (près de 500 000 "
            "personnes selon la CNIL) ont été extraites sans chiffrement puis publiées en ligne."
        ),
        url=_legifrance_search("SAN-2022-009"),
        misconceptions={
            "anonymisation": (
                "SAN-2022-009 (Dedalus Biologie) : les données publiées étaient nominatives "
                "(noms, numéros de sécurité sociale) ; la question n'est pas l'anonymisation mais "
                "la sécurité (RGPD, art. 32 : absence de chiffrement) et le rôle du sous-traitant "
                "(art. 28 et 29)."
            ),
            "consentement": (
                "SAN-2022-009 (Dedalus Biologie) : un laboratoire n'a pas besoin du consentement "
                "pour traiter les analyses de ses patients ; le manquement est la sécurité "
                "(RGPD, art. 32) et le respect des instructions par le sous-traitant (art. 28, 29)."
            ),
        },
    ),
    CnilDecision(
        number="SAN-2023-006",
        date=datetime.date(2023, 5, 11),
        organisation="Doctissimo (site d'information santé)",
        amount_eur=380_000,
        principle="consentement",
        articles=(
            "RGPD, art. 9 (données de santé sans consentement explicite)",
            "RGPD, art. 5(1)(e) (durée de conservation)",
            "RGPD, art. 26 (responsables conjoints sans accord)",
            "RGPD, art. 32 (sécurité : connexion non chiffrée, mots de passe mal protégés)",
            "loi Informatique et Libertés, art. 82 (traceurs)",
        ),
        reference_keys=("9(2)(a)", "4(11)", "art. 32"),
        facts=(
            "Des réponses à des tests de santé en ligne étaient collectées et conservées sans "
            "consentement explicite des internautes ; des traceurs publicitaires étaient "
            "déposés sans accord. La CNIL a aussi relevé une conservation trop longue et une "
            "sécurité insuffisante."
        ),
        url="https://www.legifrance.gouv.fr/cnil/id/CNILTEXT000047552103",
        misconceptions={
            "sécurité": (
                "SAN-2023-006 (Doctissimo) relève aussi un défaut de sécurité (RGPD, art. 32), "
                "mais le manquement principal, celui qui porte sur les données de santé, est "
                "l'absence de consentement explicite (RGPD, art. 9(2)(a) et art. 4(11)) pour les "
                "réponses aux tests de santé."
            ),
            "anonymisation": (
                "SAN-2023-006 (Doctissimo) : les données n'ont jamais été présentées comme "
                "anonymes ; la CNIL reproche d'avoir collecté des données de santé sans "
                "consentement explicite (RGPD, art. 9(2)(a))."
            ),
        },
    ),
    CnilDecision(
        number="SAN-2020-015",
        date=datetime.date(2020, 12, 7),
        organisation="Un médecin libéral (imagerie médicale)",
        amount_eur=6_000,
        principle="sécurité",
        articles=("RGPD, art. 32", "RGPD, art. 33 (notification de la violation)"),
        reference_keys=("art. 32",),
        facts=(
            "Des images médicales de patients, avec leurs noms, étaient librement accessibles "
            "sur Internet : box mal configurée, images non chiffrées."
        ),
        url=_legifrance_search("SAN-2020-015"),
        misconceptions={
            "anonymisation": (
                "SAN-2020-015 (médecin libéral) : les images portaient les noms des patients ; "
                "le manquement est la sécurité (RGPD, art. 32 : serveur ouvert, pas de "
                "chiffrement) et la violation non notifiée (art. 33)."
            ),
            "consentement": (
                "SAN-2020-015 (médecin libéral) : soigner et conserver les images de ses patients "
                "ne demande pas leur consentement (art. 9(2)(h)) ; le manquement est la sécurité "
                "(RGPD, art. 32)."
            ),
        },
    ),
)

_BY_NUMBER = {d.number: d for d in CNIL_DECISIONS}


def decision(number: str) -> CnilDecision:
    """Return the CNIL decision numbered ``number``.

    Parameters
    ----------
    number : str
        E.g. ``"SAN-2024-013"``.

    Returns
    -------
    CnilDecision

    Raises
    ------
    KeyError
        If the decision is not in :data:`CNIL_DECISIONS`.
    """
    try:
        return _BY_NUMBER[number]
    except KeyError:
        known = ", ".join(_BY_NUMBER)
        raise KeyError(f"unknown CNIL decision {number!r}; known: {known}") from None
