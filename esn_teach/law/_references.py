"""The legal texts quoted in module 10, as data: text, article, date, summary, URL.

Every entry was checked on the date held in :data:`LEGAL_FACTS_LAST_CHECKED`
(one place for the whole subpackage). ``quote`` holds the exact wording when it
was checked word for word; otherwise it is empty and ``summary`` paraphrases
the article (the notebook says so). Nothing here is legal advice.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

__all__ = [
    "LEGAL_FACTS_LAST_CHECKED",
    "REFERENCES",
    "LegalReference",
    "reference",
]

#: The date on which every legal fact of this subpackage (texts, articles,
#: CNIL decisions, dates, amounts) was last checked against a primary or
#: official source. Shown in the notebook; update it when you re-check.
LEGAL_FACTS_LAST_CHECKED = datetime.date(2026, 11, 23)

_RGPD = "Règlement (UE) 2016/679 (RGPD)"
_RGPD_URL = "https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:32016R0679"
_RGPD_DATE = datetime.date(2016, 4, 27)
_CSP = "Code de la santé publique (CSP)"
_CSP_URL = "https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006072665"
_LIL = "Loi n° 78-17 du 6 janvier 1978 (« Informatique et Libertés »)"
_LIL_URL = "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000886460"


@dataclass(frozen=True)
class LegalReference:
    """One legal provision, with its exact reference.

    Parameters
    ----------
    key : str
        Short identifier, also what students type (e.g. ``"9(2)(j)"``, ``"L1461-1"``).
    text : str
        The instrument (regulation, code, law, order).
    article : str
        The article, paragraph or recital, as written in the instrument.
    date : datetime.date
        Date of the instrument, or of the law that introduced the provision.
    date_label : str
        That date in words, with the instrument's number (French).
    title : str
        What the provision is about, in a few French words.
    summary : str
        French paraphrase for students.
    quote : str
        Exact wording when checked word for word, else ``""``.
    url : str
        Where an instructor can read it (EUR-Lex, Légifrance).
    """

    key: str
    text: str
    article: str
    date: datetime.date
    date_label: str
    title: str
    summary: str
    quote: str
    url: str

    @property
    def citation(self) -> str:
        """The reference in one line, e.g. ``"RGPD (UE) 2016/679, art. 9(2)(j)"``."""
        return f"{self.text}, {self.article}"


REFERENCES: tuple[LegalReference, ...] = (
    LegalReference(
        key="4(15)",
        text=_RGPD,
        article="article 4, point 15",
        date=_RGPD_DATE,
        date_label="règlement du 27 avril 2016",
        title="Définition des données concernant la santé",
        summary=(
            "Sont des données de santé les données personnelles sur la santé physique ou "
            "mentale d'une personne, y compris les soins reçus, qui révèlent son état de santé."
        ),
        quote=(
            "« données concernant la santé » : les données à caractère personnel relatives à la "
            "santé physique ou mentale d'une personne physique, y compris la prestation de "
            "services de soins de santé, qui révèlent des informations sur l'état de santé de "
            "cette personne"
        ),
        url=_RGPD_URL,
    ),
    LegalReference(
        key="4(5)",
        text=_RGPD,
        article="article 4, point 5",
        date=_RGPD_DATE,
        date_label="règlement du 27 avril 2016",
        title="Définition de la pseudonymisation",
        summary=(
            "Pseudonymiser, c'est traiter les données de façon qu'on ne puisse plus les attribuer "
            "à une personne sans informations supplémentaires (par exemple la table de "
            "correspondance code → nom), conservées à part et protégées."
        ),
        quote="",
        url=_RGPD_URL,
    ),
    LegalReference(
        key="4(11)",
        text=_RGPD,
        article="article 4, point 11",
        date=_RGPD_DATE,
        date_label="règlement du 27 avril 2016",
        title="Définition du consentement",
        summary=(
            "Le consentement est une manifestation de volonté libre, spécifique, éclairée et "
            "univoque, par une déclaration ou un acte positif clair."
        ),
        quote="",
        url=_RGPD_URL,
    ),
    LegalReference(
        key="cons. 26",
        text=_RGPD,
        article="considérant 26",
        date=_RGPD_DATE,
        date_label="règlement du 27 avril 2016",
        title="Données anonymes et données pseudonymisées",
        summary=(
            "Des données pseudonymisées qui pourraient être rattachées à une personne par des "
            "informations supplémentaires restent des données personnelles. Pour le savoir, on "
            "tient compte de tous les moyens raisonnablement susceptibles d'être utilisés, par "
            "le responsable du traitement ou par une autre personne (coût, temps, technologie). "
            "Le règlement ne s'applique pas aux données anonymes, dont la personne n'est plus "
            "identifiable par de tels moyens."
        ),
        quote="",
        url=_RGPD_URL,
    ),
    LegalReference(
        key="9(1)",
        text=_RGPD,
        article="article 9, paragraphe 1",
        date=_RGPD_DATE,
        date_label="règlement du 27 avril 2016",
        title="Interdiction de principe",
        summary=(
            "Le traitement des données de santé (et des autres catégories particulières) est "
            "interdit, sauf dans l'un des cas listés au paragraphe 2."
        ),
        quote="",
        url=_RGPD_URL,
    ),
    LegalReference(
        key="9(2)(a)",
        text=_RGPD,
        article="article 9, paragraphe 2, point a",
        date=_RGPD_DATE,
        date_label="règlement du 27 avril 2016",
        title="Exception : consentement explicite",
        summary=(
            "L'interdiction est levée si la personne a donné son consentement explicite pour une "
            "ou plusieurs finalités précises, sauf si le droit de l'Union ou national l'exclut."
        ),
        quote=(
            "la personne concernée a donné son consentement explicite au traitement de ces "
            "données à caractère personnel pour une ou plusieurs finalités spécifiques, sauf "
            "lorsque le droit de l'Union ou le droit de l'État membre prévoit que l'interdiction "
            "visée au paragraphe 1 ne peut pas être levée par la personne concernée"
        ),
        url=_RGPD_URL,
    ),
    LegalReference(
        key="9(2)(h)",
        text=_RGPD,
        article="article 9, paragraphe 2, point h",
        date=_RGPD_DATE,
        date_label="règlement du 27 avril 2016",
        title="Exception : médecine, diagnostic, soins",
        summary=(
            "L'interdiction est levée pour la médecine préventive, les diagnostics médicaux, la "
            "prise en charge sanitaire ou sociale et la gestion des services de soins, par des "
            "professionnels soumis au secret (paragraphe 3)."
        ),
        quote="",
        url=_RGPD_URL,
    ),
    LegalReference(
        key="9(2)(i)",
        text=_RGPD,
        article="article 9, paragraphe 2, point i",
        date=_RGPD_DATE,
        date_label="règlement du 27 avril 2016",
        title="Exception : intérêt public dans le domaine de la santé publique",
        summary=(
            "L'interdiction est levée pour des motifs d'intérêt public dans la santé publique, "
            "par exemple la protection contre les menaces transfrontalières graves ou la "
            "sécurité des soins et des médicaments, sur la base d'un texte de loi."
        ),
        quote="",
        url=_RGPD_URL,
    ),
    LegalReference(
        key="9(2)(j)",
        text=_RGPD,
        article="article 9, paragraphe 2, point j",
        date=_RGPD_DATE,
        date_label="règlement du 27 avril 2016",
        title="Exception : recherche scientifique et statistiques",
        summary=(
            "L'interdiction est levée pour la recherche scientifique ou les statistiques, avec "
            "les garanties de l'article 89 et sur la base d'un texte de loi (en France : la loi "
            "Informatique et Libertés et ses formalités)."
        ),
        quote="",
        url=_RGPD_URL,
    ),
    LegalReference(
        key="9(4)",
        text=_RGPD,
        article="article 9, paragraphe 4",
        date=_RGPD_DATE,
        date_label="règlement du 27 avril 2016",
        title="Conditions nationales supplémentaires",
        summary=(
            "Chaque État peut ajouter des conditions, y compris des limitations, au traitement "
            "des données de santé : c'est ce que fait la France avec le code de la santé "
            "publique et la loi Informatique et Libertés."
        ),
        quote="",
        url=_RGPD_URL,
    ),
    LegalReference(
        key="art. 28",
        text=_RGPD,
        article="article 28",
        date=_RGPD_DATE,
        date_label="règlement du 27 avril 2016",
        title="Sous-traitant : contrat obligatoire",
        summary=(
            "Un prestataire qui traite des données pour le compte d'un autre (sous-traitant) doit "
            "être lié par un contrat qui fixe ses obligations et ne traite les données que sur "
            "instruction (voir aussi l'article 29)."
        ),
        quote="",
        url=_RGPD_URL,
    ),
    LegalReference(
        key="art. 26",
        text=_RGPD,
        article="article 26",
        date=_RGPD_DATE,
        date_label="règlement du 27 avril 2016",
        title="Responsables conjoints du traitement",
        summary=(
            "Quand deux organismes ou plus déterminent ensemble les finalités et les moyens d'un "
            "traitement, ils sont responsables conjoints : ils se répartissent leurs obligations "
            "par un accord, et chaque personne concernée peut exercer ses droits auprès de "
            "chacun d'eux."
        ),
        quote="",
        url=_RGPD_URL,
    ),
    LegalReference(
        key="art. 32",
        text=_RGPD,
        article="article 32",
        date=_RGPD_DATE,
        date_label="règlement du 27 avril 2016",
        title="Sécurité du traitement",
        summary=(
            "Le responsable du traitement et le sous-traitant doivent protéger les données par "
            "des mesures techniques et organisationnelles adaptées au risque (chiffrement, "
            "contrôle des accès…)."
        ),
        quote="",
        url=_RGPD_URL,
    ),
    LegalReference(
        key="chap. V",
        text=_RGPD,
        article="chapitre V (articles 44 à 49)",
        date=_RGPD_DATE,
        date_label="règlement du 27 avril 2016",
        title="Transferts de données hors de l'Union européenne",
        summary=(
            "Des données personnelles ne peuvent être transférées vers un pays hors de l'Union "
            "européenne (un « pays tiers ») que dans les conditions du chapitre V : décision "
            "d'adéquation de la Commission européenne, garanties appropriées (par exemple des "
            "clauses contractuelles types) ou, à défaut, quelques dérogations limitées."
        ),
        quote="",
        url=_RGPD_URL,
    ),
    LegalReference(
        key="CJUE C-413/23 P",
        text="Cour de justice de l'Union européenne, arrêt CEPD contre CRU",
        article="affaire C-413/23 P",
        date=datetime.date(2025, 9, 4),
        date_label="arrêt du 4 septembre 2025, ECLI:EU:C:2025:645",
        title="Données pseudonymisées transmises à un destinataire",
        summary=(
            "Des données pseudonymisées ne sont pas forcément personnelles pour un destinataire "
            "qui n'a aucun moyen raisonnable de réidentifier les personnes ; elles le restent "
            "pour celui qui peut les réidentifier (par exemple parce qu'il garde la table de "
            "correspondance), avec toutes ses obligations. L'arrêt interprète le règlement (UE) "
            "2018/1725, propre aux institutions européennes, dont les définitions sont celles "
            "du RGPD."
        ),
        quote="",
        url="https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:62023CJ0413",
    ),
    LegalReference(
        key="LIL 66",
        text=_LIL,
        article="article 66",
        date=datetime.date(1978, 1, 6),
        date_label="loi n° 78-17 du 6 janvier 1978, modifiée",
        title="Formalités préalables pour les traitements dans le domaine de la santé",
        summary=(
            "En France, un traitement de données de santé (recherche, étude, entrepôt de "
            "données) doit suivre un référentiel ou une méthodologie de référence de la CNIL, "
            "ou à défaut obtenir son autorisation. Une méthodologie de référence est un cadre "
            "type publié par la CNIL pour les recherches les plus courantes : qui s'engage à le "
            "respecter en tous points le déclare à la CNIL (déclaration de conformité)."
        ),
        quote="",
        url=_LIL_URL,
    ),
    LegalReference(
        key="L1110-4",
        text=_CSP,
        article="article L1110-4",
        date=datetime.date(2002, 3, 4),
        date_label="loi n° 2002-303 du 4 mars 2002, modifiée",
        title="Secret médical et partage au sein de l'équipe de soins",
        summary=(
            "Toute personne prise en charge a droit au respect de sa vie privée et du secret des "
            "informations la concernant ; les professionnels d'une même équipe de soins peuvent "
            "partager les informations nécessaires à sa prise en charge."
        ),
        quote="",
        url=_CSP_URL,
    ),
    LegalReference(
        key="L1111-8",
        text=_CSP,
        article="article L1111-8 (hébergement ; dernier alinéa : cession interdite)",
        date=datetime.date(2004, 8, 13),
        date_label="loi n° 2004-810 du 13 août 2004 (alinéa sur la cession), modifiée",
        title="Hébergeurs certifiés (HDS) et interdiction de vendre des données identifiantes",
        summary=(
            "Qui confie à un prestataire l'hébergement de données de santé recueillies lors "
            "d'activités de prévention, de diagnostic ou de soins doit choisir un hébergeur "
            "certifié (HDS). Le dernier alinéa interdit toute vente de données de santé "
            "identifiantes, même avec l'accord du patient."
        ),
        quote=(
            "Tout acte de cession à titre onéreux de données de santé identifiantes, directement "
            "ou indirectement, y compris avec l'accord de la personne concernée, est interdit "
            "sous peine des sanctions prévues à l'article 226-21 du code pénal."
        ),
        url=_CSP_URL,
    ),
    LegalReference(
        key="L1461-1",
        text=_CSP,
        article="article L1461-1, V",
        date=datetime.date(2016, 1, 26),
        date_label="loi n° 2016-41 du 26 janvier 2016, modifiée",
        title="Système national des données de santé (SNDS) : deux finalités interdites",
        summary=(
            "Les données du SNDS ne peuvent servir ni à la promotion des produits de santé auprès "
            "des professionnels ou des établissements, ni à la sélection des risques par les "
            "assureurs."
        ),
        quote=(
            "1° La promotion des produits mentionnés au II de l'article L. 5311-1 en direction "
            "des professionnels de santé ou d'établissements de santé ; 2° L'exclusion de "
            "garanties des contrats d'assurance et la modification de cotisations ou de primes "
            "d'assurance d'un individu ou d'un groupe d'individus présentant un même risque."
        ),
        url=_CSP_URL,
    ),
    LegalReference(
        key="R1461-3",
        text=_CSP,
        article="article R1461-3",
        date=datetime.date(2021, 6, 29),
        date_label="décret n° 2021-848 du 29 juin 2021, en vigueur le 1er juillet 2021",
        title="Les deux responsables conjoints du SNDS",
        summary=(
            "La Plateforme des données de santé et la Caisse nationale de l'assurance maladie "
            "(CNAM) sont les responsables conjoints du système national des données de santé ; "
            "l'article répartit entre elles le rassemblement, le stockage, la mise à disposition "
            "et la pseudonymisation des données."
        ),
        quote=(
            "La Plateforme des données de santé et la Caisse nationale de l'assurance maladie "
            "sont les responsables conjoints du système national des données de santé."
        ),
        url=_CSP_URL,
    ),
    LegalReference(
        key="HDS 2024",
        text="Arrêté du 26 avril 2024 (référentiel de certification HDS)",
        article="référentiel de certification annexé, exigences de souveraineté",
        date=datetime.date(2024, 4, 26),
        date_label="arrêté du 26 avril 2024, publié au Journal officiel le 16 mai 2024",
        title="Nouveau référentiel HDS : stockage dans l'Espace économique européen",
        summary=(
            "Le référentiel de certification des hébergeurs de données de santé impose de "
            "stocker les données dans un État de l'Espace économique européen et d'informer les "
            "clients de tout accès depuis un pays tiers. Il s'applique aux nouveaux candidats "
            "depuis le 16 novembre 2024 ; les hébergeurs déjà certifiés ont jusqu'au 16 mai 2026."
        ),
        quote="",
        url="https://www.legifrance.gouv.fr/search/all?query=arr%C3%AAt%C3%A9%2026%20avril%202024%20h%C3%A9bergement%20donn%C3%A9es%20de%20sant%C3%A9",
    ),
)

_BY_KEY = {ref.key: ref for ref in REFERENCES}


def reference(key: str) -> LegalReference:
    """Return the legal reference whose key is ``key``.

    Parameters
    ----------
    key : str
        E.g. ``"9(2)(j)"`` or ``"L1461-1"``.

    Returns
    -------
    LegalReference

    Raises
    ------
    KeyError
        If no reference has this key; the message lists the known keys.
    """
    try:
        return _BY_KEY[key]
    except KeyError:
        known = ", ".join(_BY_KEY)
        raise KeyError(f"unknown legal reference {key!r}; known: {known}") from None
