"""Scenario cards from French health practice, with their expected legal analysis.

Each card walks through the same five questions (:data:`LEGAL_QUESTIONS`) and
ends with a verdict among :data:`VERDICTS`, the deciding provisions and, for
the teaching questions, the messages that name each wrong answer. These are
teaching simplifications of real situations, not legal advice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = [
    "IDENTIFICATION_LEVELS",
    "LEGAL_QUESTIONS",
    "SCENARIOS",
    "STATUSES",
    "VERDICTS",
    "LegalQuestion",
    "Scenario",
    "Step",
    "scenario",
]

#: The three possible verdicts, as students type them.
VERDICTS: tuple[str, ...] = ("licite", "illicite", "sous condition")

#: How identifying the data is (RGPD art. 4(5) and recital 26).
IDENTIFICATION_LEVELS: tuple[str, ...] = ("nominatives", "pseudonymisées", "anonymes")

#: Status of one step: key → French label written in the explorer (never colour alone).
STATUSES: Mapping[str, str] = {
    "ok": "✔ sans obstacle",
    "condition": "⚠ sous condition",
    "bloquant": "✖ bloquant",
    "sans objet": "— sans objet",
}


@dataclass(frozen=True)
class LegalQuestion:
    """One of the five questions asked of every scenario.

    Parameters
    ----------
    key : str
        Identifier (``"sante"``, ``"base"``, ``"identification"``, ``"hebergement"``,
        ``"finalite"``).
    question : str
        The question, in French.
    reference_keys : tuple of str
        The provisions that answer it.
    """

    key: str
    question: str
    reference_keys: tuple[str, ...]


LEGAL_QUESTIONS: tuple[LegalQuestion, ...] = (
    LegalQuestion("sante", "Est-ce une donnée de santé ?", ("4(15)", "9(1)")),
    LegalQuestion(
        "base",
        "Quelle exception de l'article 9(2) lève l'interdiction ?",
        ("9(2)(a)", "9(2)(h)", "9(2)(i)", "9(2)(j)"),
    ),
    LegalQuestion(
        "identification",
        "Données nominatives, pseudonymisées ou anonymes ?",
        ("4(5)", "cons. 26"),
    ),
    LegalQuestion(
        "hebergement", "Qui héberge les données ? Faut-il un hébergeur HDS ?", ("L1111-8",)
    ),
    LegalQuestion(
        "finalite",
        "La finalité est-elle interdite (vente, SNDS) ?",
        ("L1111-8", "L1461-1"),
    ),
)


@dataclass(frozen=True)
class Step:
    """The answer of one scenario to one of :data:`LEGAL_QUESTIONS`.

    Parameters
    ----------
    answer : str
        French answer, one or two sentences.
    status : str
        Key of :data:`STATUSES`.
    reference_keys : tuple of str
        The provisions this answer rests on.
    """

    answer: str
    status: str
    reference_keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class Scenario:
    """A short, realistic situation and its expected legal analysis.

    Parameters
    ----------
    key : str
        Identifier, e.g. ``"assureur_snds"``.
    title : str
        French title.
    situation : str
        The situation, as a student reads it.
    steps : mapping of str to Step
        The answer to each of :data:`LEGAL_QUESTIONS`, by question key.
    verdict : str
        One of :data:`VERDICTS`.
    exception : str or None
        The art. 9(2) exception that applies (a reference key), if any.
    identification : str
        One of :data:`IDENTIFICATION_LEVELS`.
    deciding_keys : tuple of str
        The provisions that decide the verdict, the main one first.
    conclusion : str
        French explanation of the verdict, with the condition if there is one.
    misconceptions : mapping of str to str
        For each wrong answer a student may give about this scenario (a wrong
        verdict, article or identification level), the French message naming
        the misconception and the article missed.
    """

    key: str
    title: str
    situation: str
    steps: Mapping[str, Step]
    verdict: str
    exception: str | None
    identification: str
    deciding_keys: tuple[str, ...]
    conclusion: str
    misconceptions: Mapping[str, str] = field(default_factory=dict)

    @property
    def reference_keys(self) -> tuple[str, ...]:
        """Every provision the analysis cites, in order of first use, without repeats."""
        keys: list[str] = []
        for step in self.steps.values():
            keys.extend(step.reference_keys)
        keys.extend(self.deciding_keys)
        return tuple(dict.fromkeys(keys))


_NO_HDS = Step(
    "Les données restent dans le système d'information de l'établissement ou du "
    "professionnel : pas d'hébergeur extérieur.",
    "sans objet",
)
_NOT_FORBIDDEN = Step(
    "Ni vente de données identifiantes ni usage des données du SNDS pour une finalité interdite.",
    "ok",
    ("L1111-8", "L1461-1"),
)

SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        key="pharmacie_revente",
        title="Un logiciel d'officine revend les ordonnances",
        situation=(
            "L'éditeur du logiciel de votre officine propose de verser 200 € par an à la "
            "pharmacie si elle l'autorise à transmettre chaque mois à un laboratoire "
            "pharmaceutique les ordonnances délivrées, avec le nom, la date de naissance et la "
            "commune des patients. Il précise que les patients peuvent s'y opposer en le "
            "signalant au comptoir, comme l'indique une affiche."
        ),
        steps={
            "sante": Step(
                "Oui : une ordonnance révèle les traitements, donc l'état de santé.",
                "ok",
                ("4(15)",),
            ),
            "base": Step(
                "Aucune : la vente n'a rien à voir avec les soins (9(2)(h)) et une affiche "
                "n'est pas un consentement explicite (9(2)(a), art. 4(11)).",
                "bloquant",
                ("9(1)", "9(2)(a)", "4(11)"),
            ),
            "identification": Step(
                "Nominatives : nom, date de naissance et commune. Ce n'est pas un obstacle en "
                "soi, mais tout le RGPD s'applique et ce sont des données identifiantes.",
                "condition",
                ("4(5)",),
            ),
            "hebergement": Step(
                "Les données sortent vers un tiers qui n'est ni hébergeur ni soignant.",
                "sans objet",
            ),
            "finalite": Step(
                "Vente de données de santé identifiantes : interdite, même avec l'accord du "
                "patient.",
                "bloquant",
                ("L1111-8",),
            ),
        },
        verdict="illicite",
        exception=None,
        identification="nominatives",
        deciding_keys=("L1111-8", "9(1)"),
        conclusion=(
            "Illicite : le dernier alinéa de l'article L1111-8 du CSP interdit toute cession à "
            "titre onéreux de données de santé identifiantes, « y compris avec l'accord de la "
            "personne concernée »."
        ),
        misconceptions={
            "sous condition": (
                "aucune condition ne rend cette vente licite : l'article L1111-8 du code de la "
                "santé publique (dernier alinéa) interdit la cession à titre onéreux de données "
                "de santé identifiantes « y compris avec l'accord de la personne concernée ». "
                "Le consentement ne suffit donc pas."
            ),
            "licite": (
                "des ordonnances nominatives sont des données de santé (RGPD art. 4(15)) et leur "
                "vente est interdite par l'article L1111-8 du code de la santé publique, même "
                "avec l'accord du patient ; une affiche n'est de toute façon pas un consentement "
                "explicite (art. 9(2)(a))."
            ),
        },
    ),
    Scenario(
        key="assureur_snds",
        title="Un assureur demande un extrait du SNDS",
        situation=(
            "Une mutuelle demande un extrait du Système national des données de santé (SNDS) "
            "pour repérer, dans sa région, les profils de personnes diabétiques les plus "
            "coûteux et ajuster les cotisations de ses contrats individuels."
        ),
        steps={
            "sante": Step(
                "Oui : remboursements et diagnostics révèlent l'état de santé.",
                "ok",
                ("4(15)",),
            ),
            "base": Step(
                "L'accès au SNDS passe par une procédure encadrée (loi Informatique et "
                "Libertés) ; mais la question décisive est la finalité.",
                "condition",
                ("9(2)(j)", "LIL 66"),
            ),
            "identification": Step(
                "Les données du SNDS sont pseudonymisées : elles restent personnelles.",
                "condition",
                ("4(5)", "cons. 26"),
            ),
            "hebergement": Step(
                "Le SNDS a deux responsables conjoints, la Caisse nationale de l'assurance "
                "maladie (CNAM) et la Plateforme des données de santé (CSP R1461-3) ; l'accès "
                "se fait dans des environnements sécurisés.",
                "sans objet",
                ("R1461-3",),
            ),
            "finalite": Step(
                "Modifier des cotisations selon le risque : finalité interdite par le V, 2° de "
                "l'article L1461-1.",
                "bloquant",
                ("L1461-1",),
            ),
        },
        verdict="illicite",
        exception=None,
        identification="pseudonymisées",
        deciding_keys=("L1461-1",),
        conclusion=(
            "Illicite : l'article L1461-1 (V, 2°) du CSP interdit d'utiliser les données du "
            "SNDS pour exclure des garanties ou modifier les cotisations ou primes d'assurance."
        ),
        misconceptions={
            "9(2)(a)": (
                "le consentement (art. 9(2)(a)) ne change rien ici : c'est la finalité qui est "
                "interdite. L'article L1461-1 (V, 2°) du code de la santé publique exclut "
                "l'usage des données du SNDS pour modifier des cotisations ou des primes "
                "d'assurance."
            ),
            "9(2)(j)": (
                "l'exception recherche (art. 9(2)(j)) ne couvre pas la tarification : "
                "l'article L1461-1 (V, 2°) du code de la santé publique interdit d'utiliser le "
                "SNDS pour modifier des cotisations ou primes d'assurance."
            ),
            "L1111-8": (
                "l'article L1111-8 interdit la vente de données identifiantes ; mais ici "
                "personne ne vend : c'est l'usage des données du SNDS pour la tarification qui "
                "est interdit, par l'article L1461-1 (V, 2°) du code de la santé publique."
            ),
            "L1110-4": (
                "le secret médical (L1110-4) protège la relation de soins ; le texte qui "
                "interdit à un assureur d'utiliser le SNDS pour ses cotisations est l'article "
                "L1461-1 (V, 2°) du code de la santé publique."
            ),
        },
    ),
    Scenario(
        key="labo_promotion_snds",
        title="Cibler les gros prescripteurs grâce au SNDS",
        situation=(
            "Un laboratoire pharmaceutique veut analyser les données du SNDS pour repérer les "
            "médecins qui prescrivent le plus un médicament concurrent, afin que ses délégués "
            "médicaux leur rendent visite en priorité."
        ),
        steps={
            "sante": Step("Oui : prescriptions et remboursements.", "ok", ("4(15)",)),
            "base": Step(
                "Une étude sur le SNDS peut relever de la recherche (9(2)(j)), mais pas cette "
                "finalité commerciale.",
                "condition",
                ("9(2)(j)",),
            ),
            "identification": Step(
                "Pseudonymisées, et l'objectif est justement de retrouver les prescripteurs.",
                "condition",
                ("4(5)", "cons. 26"),
            ),
            "hebergement": Step(
                "Accès dans les environnements sécurisés du SNDS, géré conjointement par la CNAM "
                "et la Plateforme des données de santé (CSP R1461-3).",
                "sans objet",
                ("R1461-3",),
            ),
            "finalite": Step(
                "Promotion de produits de santé auprès des professionnels : finalité interdite "
                "(V, 1° de l'article L1461-1).",
                "bloquant",
                ("L1461-1",),
            ),
        },
        verdict="illicite",
        exception=None,
        identification="pseudonymisées",
        deciding_keys=("L1461-1",),
        conclusion=(
            "Illicite : l'article L1461-1 (V, 1°) du CSP interdit d'utiliser le SNDS pour la "
            "promotion de produits de santé auprès des professionnels ou des établissements."
        ),
    ),
    Scenario(
        key="cohorte_recherche",
        title="Une chercheuse réutilise les dossiers de son CHU",
        situation=(
            "Une cardiologue du CHU veut réutiliser les dossiers de 20 000 patients hospitalisés "
            "pour insuffisance cardiaque depuis 2015 afin d'étudier les facteurs de "
            "réhospitalisation. Beaucoup de ces patients sont perdus de vue ou décédés : les "
            "recontacter tous pour leur demander leur accord est impossible."
        ),
        steps={
            "sante": Step("Oui : diagnostics, traitements, séjours.", "ok", ("4(15)",)),
            "base": Step(
                "Recherche scientifique : exception 9(2)(j), avec les garanties de l'article 89 "
                "et les formalités françaises.",
                "condition",
                ("9(2)(j)",),
            ),
            "identification": Step(
                "À pseudonymiser avant l'analyse : elles restent personnelles.",
                "condition",
                ("4(5)", "cons. 26"),
            ),
            "hebergement": Step(
                "Dans l'entrepôt de données du CHU ; un hébergeur extérieur devrait être "
                "certifié HDS.",
                "condition",
                ("L1111-8",),
            ),
            "finalite": _NOT_FORBIDDEN,
        },
        verdict="sous condition",
        exception="9(2)(j)",
        identification="pseudonymisées",
        deciding_keys=("9(2)(j)", "LIL 66"),
        conclusion=(
            "Licite sous condition : exception recherche (RGPD art. 9(2)(j)), information des "
            "patients et droit d'opposition, et formalité préalable auprès de la CNIL (loi "
            "Informatique et Libertés, art. 66) : soit s'engager à respecter une méthodologie "
            "de référence (un cadre type publié par la CNIL pour les recherches courantes), "
            "soit demander son autorisation."
        ),
        misconceptions={
            "9(2)(h)": (
                "l'article 9(2)(h) du RGPD couvre les soins et le diagnostic du patient lui-même ; "
                "réutiliser des dossiers pour une étude, c'est de la recherche : RGPD art. "
                "9(2)(j), avec les formalités de l'article 66 de la loi Informatique et Libertés."
            ),
            "9(2)(a)": (
                "le consentement explicite (9(2)(a)) est impossible à recueillir auprès de "
                "patients perdus de vue ou décédés ; la réutilisation pour la recherche repose "
                "sur l'article 9(2)(j) du RGPD, avec information et droit d'opposition."
            ),
            "9(2)(i)": (
                "l'article 9(2)(i) du RGPD vise la santé publique au sens de la sécurité sanitaire "
                "(menaces graves, sécurité des soins et des médicaments), sur la base d'un texte "
                "de loi ; une étude scientifique relève de l'exception recherche, 9(2)(j)."
            ),
            "licite": (
                "pas sans condition : la recherche sur des données de santé exige en France une "
                "formalité préalable (loi Informatique et Libertés, art. 66 : respecter une "
                "méthodologie de référence, cadre type publié par la CNIL, ou obtenir son "
                "autorisation) et l'information des patients."
            ),
        },
    ),
    Scenario(
        key="hopital_startup",
        title="L'hôpital confie des données « anonymisées » à une start-up",
        situation=(
            "Un hôpital et une start-up montent un projet de recherche commun : mettre au point "
            "un modèle de prédiction des chutes. L'hôpital transmet à la start-up, qui "
            "entraînera le modèle sur ses propres serveurs, des données de patients "
            "hospitalisés. Le nom et le numéro de sécurité sociale sont remplacés par un code ; "
            "l'hôpital garde la table de correspondance. Restent l'âge, le sexe, le code "
            "postal, les dates d'entrée et de sortie et les diagnostics."
        ),
        steps={
            "sante": Step("Oui : diagnostics et séjours hospitaliers.", "ok", ("4(15)",)),
            "base": Step(
                "Un projet de recherche (9(2)(j)) est possible, avec les formalités françaises. "
                "Si le but était surtout de développer le produit commercial de la start-up, "
                "le rattacher à la recherche serait plus discutable.",
                "condition",
                ("9(2)(j)", "LIL 66"),
            ),
            "identification": Step(
                "Pseudonymisées : l'hôpital garde la table de correspondance, et âge, code "
                "postal et dates suffisent souvent à isoler une personne par des moyens "
                "raisonnables, même sans la table. Ce ne sont pas des données anonymes.",
                "condition",
                ("4(5)", "cons. 26", "CJUE C-413/23 P"),
            ),
            "hebergement": Step(
                "La start-up conserve les données sur ses serveurs. Elle fixe avec l'hôpital le "
                "but et les moyens du projet : ce n'est pas une simple sous-traitante (art. 28) "
                "mais une responsable conjointe (art. 26), liée à l'hôpital par un accord. "
                "L'hébergement doit être sécurisé (art. 32) ; un prestataire qui hébergerait ces "
                "données de soins pour le compte de l'hôpital devrait être certifié HDS.",
                "condition",
                ("art. 26", "art. 28", "art. 32", "L1111-8"),
            ),
            "finalite": _NOT_FORBIDDEN,
        },
        verdict="sous condition",
        exception="9(2)(j)",
        identification="pseudonymisées",
        deciding_keys=("cons. 26", "4(5)", "LIL 66", "art. 26"),
        conclusion=(
            "Sous condition : les données sont pseudonymisées, donc toujours personnelles "
            "(considérant 26) ; il faut une base (9(2)(j)), la formalité de l'article 66 de la "
            "loi Informatique et Libertés, un accord entre l'hôpital et la start-up, "
            "responsables conjoints (art. 26), et un hébergement sécurisé. Une start-up qui "
            "entraîne un modèle pour son propre produit n'agit pas « pour le compte de "
            "l'hôpital » : elle est responsable du traitement et doit justifier elle-même de "
            "sa base légale."
        ),
        misconceptions={
            "anonymes": (
                "remplacer le nom par un code, c'est pseudonymiser (RGPD art. 4(5)) : l'hôpital "
                "garde la table de correspondance, et âge, code postal et dates permettent "
                "souvent de retrouver quelqu'un par des moyens raisonnables. Selon le considérant "
                "26, ces données restent donc personnelles. C'est l'erreur sanctionnée par la "
                "CNIL (SAN-2024-013)."
            ),
            "nominatives": (
                "le nom et le numéro de sécurité sociale ont été remplacés par un code : les "
                "données ne sont plus nominatives, elles sont pseudonymisées (RGPD art. 4(5)), "
                "ce qui ne les rend pas anonymes (considérant 26)."
            ),
        },
    ),
    Scenario(
        key="medecin_chatbot",
        title="Un médecin colle un dossier dans un chatbot grand public",
        situation=(
            "Pour gagner du temps, un médecin généraliste copie le compte rendu d'hospitalisation "
            "d'un patient, nom compris, dans un agent conversationnel gratuit et grand public, "
            "hébergé hors d'Europe, pour lui faire rédiger un courrier au spécialiste."
        ),
        steps={
            "sante": Step("Oui : un compte rendu d'hospitalisation.", "ok", ("4(15)",)),
            "base": Step(
                "Rédiger un courrier relève des soins (9(2)(h)), mais cela n'autorise pas à "
                "confier les données à n'importe quel prestataire.",
                "condition",
                ("9(2)(h)",),
            ),
            "identification": Step(
                "Nominatives, alors que le nom est inutile pour faire rédiger le courrier : "
                "tout le RGPD s'applique.",
                "condition",
                ("4(5)",),
            ),
            "hebergement": Step(
                "Le service stocke les données hors d'Europe, chez un prestataire non certifié "
                "HDS, sans contrat de sous-traitance ni garantie de sécurité. C'est aussi un "
                "transfert hors de l'Union européenne, permis seulement dans les conditions du "
                "chapitre V du RGPD (articles 44 à 49).",
                "bloquant",
                ("L1111-8", "HDS 2024", "art. 28", "art. 32", "chap. V"),
            ),
            "finalite": Step(
                "Les conditions du service peuvent permettre de réutiliser les textes saisis ; "
                "le secret médical est rompu.",
                "bloquant",
                ("L1110-4",),
            ),
        },
        verdict="illicite",
        exception="9(2)(h)",
        identification="nominatives",
        deciding_keys=("L1110-4", "L1111-8", "art. 32", "chap. V"),
        conclusion=(
            "Illicite en l'état : rupture du secret médical (CSP L1110-4), hébergement hors "
            "HDS (L1111-8), sans contrat ni sécurité (RGPD art. 28 et 32), et transfert hors "
            "de l'Union sans vérifier les conditions du chapitre V du RGPD. Possible avec un "
            "outil hébergé HDS dans l'Espace économique européen, sous contrat, et sans donnée "
            "identifiante."
        ),
    ),
    Scenario(
        key="cabinet_kine_cloud",
        title="Un cabinet de kinésithérapie passe au cloud",
        situation=(
            "Un cabinet de trois kinésithérapeutes remplace son serveur local par un logiciel "
            "de dossiers patients en ligne : les bilans et les comptes rendus seront stockés "
            "chez le prestataire."
        ),
        steps={
            "sante": Step("Oui : bilans et comptes rendus de rééducation.", "ok", ("4(15)",)),
            "base": Step(
                "Prise en charge des patients : exception 9(2)(h).",
                "ok",
                ("9(2)(h)",),
            ),
            "identification": Step("Nominatives, c'est nécessaire pour soigner.", "ok", ()),
            "hebergement": Step(
                "Hébergement externalisé de données recueillies lors des soins : le "
                "prestataire doit être certifié HDS (référentiel de 2024 : stockage dans "
                "l'Espace économique européen), avec un contrat de sous-traitance.",
                "condition",
                ("L1111-8", "HDS 2024", "art. 28"),
            ),
            "finalite": _NOT_FORBIDDEN,
        },
        verdict="sous condition",
        exception="9(2)(h)",
        identification="nominatives",
        deciding_keys=("L1111-8", "HDS 2024"),
        conclusion=(
            "Licite sous condition : choisir un hébergeur certifié HDS (CSP L1111-8), sous "
            "contrat (RGPD art. 28), conforme au référentiel de l'arrêté du 26 avril 2024."
        ),
    ),
    Scenario(
        key="infirmiere_dossier",
        title="Une infirmière consulte le dossier de son patient",
        situation=(
            "Avant un pansement complexe, une infirmière du service consulte dans le dossier "
            "patient informatisé de l'hôpital le compte rendu opératoire et le traitement du "
            "patient dont elle s'occupe."
        ),
        steps={
            "sante": Step("Oui.", "ok", ("4(15)",)),
            "base": Step("Prise en charge sanitaire : exception 9(2)(h).", "ok", ("9(2)(h)",)),
            "identification": Step("Nominatives, nécessaires au soin.", "ok", ()),
            "hebergement": _NO_HDS,
            "finalite": Step(
                "Partage d'informations au sein de l'équipe de soins, pour ce patient.",
                "ok",
                ("L1110-4",),
            ),
        },
        verdict="licite",
        exception="9(2)(h)",
        identification="nominatives",
        deciding_keys=("9(2)(h)", "L1110-4"),
        conclusion=(
            "Licite : soin du patient (RGPD art. 9(2)(h)) et partage au sein de l'équipe de "
            "soins (CSP L1110-4). Consulter le dossier d'un patient dont on ne s'occupe pas ne "
            "le serait pas."
        ),
    ),
    Scenario(
        key="appli_cycle_pub",
        title=(
            "Une application de suivi du cycle partage les données de ses utilisatrices avec des "
            "annonceurs"
        ),
        situation=(
            "Une application gratuite de suivi du cycle menstruel transmet les dates de règles "
            "et les symptômes saisis à des partenaires publicitaires. À l'inscription, une case "
            "« J'accepte le partage avec nos partenaires » est déjà cochée."
        ),
        steps={
            "sante": Step(
                "Oui : cycle, symptômes, projet de grossesse révèlent l'état de santé.",
                "ok",
                ("4(15)",),
            ),
            "base": Step(
                "Seul un consentement explicite pourrait lever l'interdiction ; une case "
                "pré-cochée n'est pas un acte positif clair.",
                "bloquant",
                ("9(2)(a)", "4(11)"),
            ),
            "identification": Step(
                "Rattachées au compte et à l'identifiant publicitaire du téléphone : ce sont des "
                "données personnelles, tout le RGPD s'applique.",
                "condition",
                ("cons. 26",),
            ),
            "hebergement": Step(
                "L'utilisatrice saisit elle-même ses données : ce n'est pas une activité de "
                "soins, la question HDS ne se pose pas ici.",
                "sans objet",
            ),
            "finalite": Step(
                "Publicité ciblée : sans consentement explicite, finalité non couverte.",
                "bloquant",
                ("9(2)(a)",),
            ),
        },
        verdict="illicite",
        exception=None,
        identification="pseudonymisées",
        deciding_keys=("9(2)(a)", "4(11)"),
        conclusion=(
            "Illicite : aucun consentement explicite (RGPD art. 9(2)(a)) ; une case pré-cochée "
            "n'est pas un consentement (art. 4(11)). C'est le type de manquement sanctionné "
            "chez Doctissimo (SAN-2023-006)."
        ),
    ),
    Scenario(
        key="ars_statistiques",
        title="Une ARS publie des statistiques agrégées",
        situation=(
            "Une agence régionale de santé publie chaque semaine le nombre de passages aux "
            "urgences pour bronchiolite par département, sans aucune donnée individuelle ; les "
            "cellules du tableau de moins de 10 passages sont masquées."
        ),
        steps={
            "sante": Step(
                "Ce sont des comptes par département, pas des informations sur une personne.",
                "sans objet",
                ("4(15)",),
            ),
            "base": Step("Aucune exception nécessaire pour des données anonymes.", "sans objet"),
            "identification": Step(
                "Anonymes : agrégées, petits effectifs masqués, aucune personne identifiable "
                "par des moyens raisonnables.",
                "ok",
                ("cons. 26",),
            ),
            "hebergement": Step("Données publiées, non personnelles.", "sans objet"),
            "finalite": Step("Information du public.", "ok"),
        },
        verdict="licite",
        exception=None,
        identification="anonymes",
        deciding_keys=("cons. 26",),
        conclusion=(
            "Licite : des statistiques réellement anonymes sortent du champ du RGPD "
            "(considérant 26). Le calcul, lui, s'est fait sur des données personnelles, dans "
            "un cadre légal."
        ),
    ),
    Scenario(
        key="vente_statistiques",
        title="Vendre des tableaux de ventes de médicaments",
        situation=(
            "Une société d'études vend à des laboratoires des tableaux du nombre de boîtes "
            "d'antidiabétiques vendues par région et par mois, calculés à partir de données "
            "de pharmacies. Les tableaux ne contiennent aucune ligne par patient."
        ),
        steps={
            "sante": Step(
                "Les tableaux vendus ne portent sur aucune personne.",
                "sans objet",
                ("4(15)",),
            ),
            "base": Step(
                "La fabrication des tableaux, à partir de données individuelles, doit avoir "
                "sa propre base légale.",
                "condition",
                ("9(2)(j)", "LIL 66"),
            ),
            "identification": Step(
                "Tableaux agrégés anonymes ; à vérifier vraiment (petits effectifs, recoupements).",
                "condition",
                ("cons. 26",),
            ),
            "hebergement": Step("Les tableaux anonymes ne relèvent pas de HDS.", "sans objet"),
            "finalite": Step(
                "La vente n'est interdite que pour des données identifiantes (L1111-8).",
                "ok",
                ("L1111-8",),
            ),
        },
        verdict="sous condition",
        exception=None,
        identification="anonymes",
        deciding_keys=("cons. 26", "L1111-8", "LIL 66"),
        conclusion=(
            "Sous condition : vendre des résultats réellement anonymes n'est pas interdit par "
            "L1111-8, mais la production des tableaux est un traitement de données de santé "
            "qui doit être légal (LIL art. 66), et l'anonymat doit être démontré (considérant "
            "26). Des données présentées comme anonymes mais seulement pseudonymisées ont valu "
            "des sanctions (SAN-2024-013)."
        ),
    ),
)

_BY_KEY = {s.key: s for s in SCENARIOS}


def scenario(key: str) -> Scenario:
    """Return the scenario card whose key is ``key``.

    Parameters
    ----------
    key : str
        E.g. ``"assureur_snds"``.

    Returns
    -------
    Scenario

    Raises
    ------
    KeyError
        If no scenario has this key; the message lists the known keys.
    """
    try:
        return _BY_KEY[key]
    except KeyError:
        known = ", ".join(_BY_KEY)
        raise KeyError(f"unknown scenario {key!r}; known: {known}") from None
