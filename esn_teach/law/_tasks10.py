"""Module 10's evaluated session: the task each copy draws in questions 1 to 7 and 9 (private).

Each of questions 1 to 7 has two tasks (neither is the formative statement); question 9 has
three projects. The notebook's draw cells call :func:`_statement` (and :func:`_project_9`),
which return only the text of the task a copy drew, with its options under the copy's
letters. :func:`_letter` (the letter of an option for a copy) and :func:`_version` are called
by the solution and ``mistake=`` cells only. What is graded, and every message, lives in the
hidden tests of ``notebooks/10_monetiser_partager_reutiliser.py``, not here: this file holds
texts and the order in which they are drawn, nothing that tells which option is graded
right (the order of each task's option ids is arbitrary: see the notes, « Relecture d18 »).

The draws are those of the hidden tests: ``default_rng([seed, 10 + question])`` picks the task,
``default_rng([seed, question])`` the order of the options, ``default_rng([seed, 9])`` the
project of question 9.
"""

from __future__ import annotations

import textwrap

import numpy as np

_WIDTH = 92

#: Question -> (the two tasks' statements, option id -> text, the tasks' option ids).
_QUESTIONS: dict[int, tuple[tuple[str, str], dict[str, str], tuple[str, str]]] = {
    1: (
        (
            "Question 1 : trois de ces informations sont des données de santé au sens du RGPD ; "
            "une seule **ne l'est pas**. Laquelle ?",
            "Question 1 : trois de ces informations sont des données de santé au sens du RGPD ; "
            "une seule **ne l'est pas**. Laquelle ?",
        ),
        {
            "b": "La lettre d'information d'un club de rugby amateur : « notre capitaine sera "
            "absent six semaines, ligament du genou rompu », sans le nommer.",
            "d": "Le fichier des résultats d'analyses sanguines d'un laboratoire, où le nom de "
            "chaque patient est remplacé par un numéro ; le laboratoire garde la liste qui "
            "relie chaque numéro à un nom.",
            "c": "Le nom, l'adresse et les achats d'un client sur le site d'une parapharmacie : "
            "des bandelettes pour mesurer la glycémie et des aiguilles pour stylo injecteur.",
            "a": "Le bilan d'activité d'un cabinet de cinq kinésithérapeutes d'une grande ville : "
            "1 240 séances le mois dernier, dont 310 pour une lombalgie, sans nom ni date.",
            "g": "Un message sur le groupe des parents d'une classe de CE1 : « la maîtresse sera "
            "absente jusqu'aux vacances, elle se remet d'une opération du cœur », sans la "
            "nommer.",
            "e": "L'annuaire des médecins d'un département : le nom, la spécialité et l'adresse du"
            " cabinet de chacun.",
            "h": "Le nom, l'adresse et les achats d'une cliente sur le site d'une pharmacie : des "
            "protections contre les fuites urinaires et une alèse lavable.",
            "i": "Le tableau des tensions artérielles mesurées lors d'une journée de dépistage, où"
            " le nom de chaque participant est remplacé par un code ; l'association qui l'a "
            "organisée garde la liste qui relie chaque code à un nom.",
        },
        ("bdca", "gehi"),
    ),
    2: (
        (
            "Question 2. Interrogée sur ce qui l'autorise à traiter les données de santé de ses "
            "patients, la maison de santé de votre copie répond : « Deux textes : l'article 6 du "
            "RGPD, avec la base légale de l'obligation légale (article 6, paragraphe 1, point c), "
            "et l'article 9(2)(h), l'exception des soins. Ces deux textes fondent la licéité de "
            "notre traitement. » Supposez juste le choix de sa base légale : la question porte sur"
            " ce qui fonde la licéité, pas sur ses autres obligations (information, sécurité, "
            "hébergement). A-t-elle raison ?",
            "Question 2. Interrogée sur ce qui l'autorise à traiter les données de santé de ses "
            "patients, la maison de santé de votre copie répond : « Un texte : l'article 6 du "
            "RGPD, avec la base légale de l'obligation légale (article 6, paragraphe 1, point c). "
            "Ce texte fonde la licéité de notre traitement. » Supposez juste le choix de sa base "
            "légale : la question porte sur ce qui fonde la licéité, pas sur ses autres "
            "obligations (information, sécurité, hébergement). A-t-elle raison ?",
        ),
        {
            "c": "Non : pour des données de santé, il faut en plus le consentement explicite de "
            "chaque patient, l'exception 9(2)(a).",
            "b": "Non : ce qu'elle cite ne suffit pas ; le traitement doit aussi relever d'une "
            "base légale de l'article 6.",
            "e": "Non : ce qu'elle cite ne suffit pas ; le traitement doit aussi relever d'une "
            "exception de l'article 9(2), qui lève l'interdiction.",
            "d": "Oui : des professionnels de santé tenus au secret n'ont besoin que d'un seul des"
            " deux textes, l'article 6 ou l'article 9(2).",
            "f": "Oui : elle cite une base légale de l'article 6 et une exception de l'article "
            "9(2) ; les deux conditions de licéité sont réunies.",
            "a": "Oui : pour des données de santé, l'article 9 remplace l'article 6, qui ne vise "
            "que les autres données personnelles.",
        },
        ("cbedfa", "cbedfa"),
    ),
    3: (
        (
            "Question 3, le projet de votre copie : l'équipe d'épidémiologie d'un CHU veut "
            "réutiliser les dossiers de douze mille patients diabétiques suivis dans ce CHU depuis"
            " 2014, afin de chercher quels résultats d'analyses annoncent une amputation. Ses "
            "membres n'ont soigné aucun de ces patients. Beaucoup ne sont plus suivis au CHU ou "
            "sont décédés : leur demander à tous leur accord est impossible. Les résultats seront "
            "présentés dans un congrès. Quelle exception de l'article 9(2), et pourquoi ?",
            "Question 3, le projet de votre copie : le service de cardiologie d'un CHU veut relire"
            " chaque semaine les dossiers des deux cents patients insuffisants cardiaques qu'il "
            "suit, afin de repérer ceux dont le traitement doit être ajusté et de les rappeler en "
            "consultation. Ce sont les médecins et les infirmiers qui suivent ces patients qui "
            "font ce travail. Le service ne leur demande pas d'accord pour cela, et rien ne sera "
            "publié. Quelle exception de l'article 9(2), et pourquoi ?",
        ),
        {
            "e": "9(2)(h) : les données viennent des dossiers de soins du CHU, où ses soignants "
            "les ont recueillies.",
            "a": "9(2)(h) : le but de ce traitement est de soigner ces patients, par des "
            "professionnels tenus au secret.",
            "b": "9(2)(j) : une étude dont les résultats seront rendus publics n'a ni accord ni "
            "formalité à demander.",
            "d": "9(2)(j) : ce traitement sert à produire des connaissances, pas à soigner ces "
            "patients-là.",
            "c": "9(2)(i) : le CHU est un établissement public, donc tout ce qu'il fait de ses "
            "dossiers relève de l'intérêt public.",
        },
        ("eabdc", "eabdc"),
    ),
    4: (
        (
            "Question 4, le cas de votre copie : un cabinet de deux kinésithérapeutes veut "
            "conserver les bilans et les photos de posture de ses patients sur le service en ligne"
            " d'un éditeur de logiciel. L'éditeur n'est pas certifié HDS. Il met en avant ses "
            "garanties : ses serveurs sont en France, chaque accès demande un double mot de passe,"
            " et il signe avec le cabinet un contrat de sous-traitance. Le cabinet n'a encore rien"
            " dit à ses patients.",
            "Question 4, le cas de votre copie : un cabinet de trois kinésithérapeutes remplace "
            "son serveur local par un logiciel de dossiers patients en ligne : les bilans et les "
            "comptes rendus seront stockés sur les serveurs de l'éditeur du logiciel. L'éditeur "
            "est certifié HDS. Il met en avant d'autres garanties : ses serveurs sont en "
            "Allemagne, les données y sont chiffrées, et il signe avec le cabinet un contrat de "
            "sous-traitance. Le cabinet n'a encore rien dit à ses patients.",
        ),
        {
            "c": "Garder cet éditeur sans autre démarche : contrat, mesures de sécurité et "
            "serveurs dans l'Union européenne suffisent.",
            "f": "Rester chez cet éditeur, et prévenir ses patients de cet hébergement.",
            "b": "Garder cet éditeur, si chaque patient signe un accord écrit pour y stocker son "
            "dossier.",
            "a": "Choisir un autre éditeur, certifié HDS, et prévenir ses patients de cet "
            "hébergement.",
            "d": "Renoncer : la loi interdit de confier des dossiers de soins à une entreprise "
            "hors du cabinet.",
            "e": "Faire certifier HDS le cabinet lui-même, puisque c'est lui qui confie les "
            "dossiers à l'éditeur.",
        },
        ("cfbade", "cfbade"),
    ),
    5: (
        (
            "Question 5, l'offre de votre copie : une société d'études de marché propose à votre "
            "officine 200 € par an si elle lui transmet chaque mois les médicaments délivrés sur "
            "ordonnance, avec le nom, l'année de naissance et le code postal de chaque patient. "
            "Les patients pourraient s'y opposer au comptoir, comme l'indiquerait une affiche.",
            "Question 5, l'offre de votre copie : une société qui édite une application de suivi "
            "du diabète propose à votre officine un an d'abonnement gratuit à son logiciel de "
            "gestion des stocks, si elle lui transmet chaque mois, pour chaque patient diabétique "
            "de l'officine, son nom, sa commune et les médicaments qui lui ont été délivrés. "
            "Chaque patient signerait au comptoir un formulaire d'accord explicite pour cette "
            "transmission.",
        ),
        {
            "a": "Accepter si chaque patient concerné signe un consentement explicite : avec un "
            "accord écrit, la transmission serait permise.",
            "c": "Accepter si la société ne reçoit pas les noms : avec l'année de naissance et le "
            "code postal seuls, personne n'est identifié.",
            "d": "Refuser : la pharmacie devrait d'abord obtenir une autorisation de la CNIL, "
            "qu'elle n'a pas demandée.",
            "e": "Refuser : seul un hébergeur certifié HDS peut recevoir ces données, et rien ne "
            "dit que la société l'est.",
            "b": "Refuser : céder contre de l'argent des données de santé identifiantes est "
            "interdit, même avec l'accord écrit des patients.",
            "f": "Accepter : la loi n'interdit de vendre des données qu'aux laboratoires "
            "pharmaceutiques, et cette société n'en est pas un.",
            "m": "Accepter : l'officine ne reçoit pas d'argent, seulement un abonnement ; sans "
            "paiement, il n'y a pas de vente de données.",
            "l": "Refuser : l'abonnement offert est une contrepartie ; céder contre elle des "
            "données de santé identifiantes est interdit, même avec l'accord écrit des "
            "patients.",
            "n": "Accepter : chaque patient signe un accord explicite (exception 9(2)(a)) ; avec "
            "cet accord écrit, la transmission est permise.",
            "o": "Accepter : suivre des patients diabétiques sert leur santé ; ce but d'intérêt "
            "public rend la cession permise sans autre condition.",
        },
        ("acdebf", "mdleno"),
    ),
    6: (
        (
            "Question 6, le projet de votre copie : un laboratoire pharmaceutique (une entreprise "
            "qui fabrique et vend des médicaments) veut étudier, pour une publication, les "
            "parcours de soins des patients traités par anticoagulants, à partir de la base "
            "nationale qui réunit les remboursements de l'Assurance maladie et les séjours à "
            "l'hôpital. Il promet de ne pas s'en servir pour sa promotion auprès des médecins et "
            "voudrait faire l'analyse lui-même, avec ses propres statisticiens. Que doit-il "
            "faire ?",
            "Question 6, le projet de votre copie : une compagnie d'assurance santé veut étudier, "
            "à partir de la base nationale qui réunit les remboursements de l'Assurance maladie et "
            "les séjours à l'hôpital, le coût des soins des personnes diabétiques de sa région, "
            "afin de relever l'an prochain la cotisation de ceux de ses assurés qui sont "
            "diabétiques. Elle voudrait faire l'analyse avec ses propres statisticiens. Que "
            "doit-elle faire ?",
        ),
        {
            "b": "Obtenir l'accord écrit de chaque personne concernée : c'est cet accord qui ouvre"
            " l'accès à la base, quel que soit le but.",
            "c": "Confier l'analyse à un bureau d'études engagé auprès de la CNIL : ses analystes,"
            " et non ceux de l'entreprise, traiteront les données.",
            "a": "Renoncer : ce but est l'un des deux usages de cette base que la loi interdit, "
            "quelle que soit la façon de mener l'étude.",
            "d": "Laisser ses propres statisticiens analyser les données, puis faire relire les "
            "résultats par un bureau d'études engagé auprès de la CNIL.",
        },
        ("bcad", "bcad"),
    ),
    7: (
        (
            "Question 7, le cas de votre copie : un hôpital et une start-up mettent au point "
            "ensemble un modèle qui prédit les escarres. L'hôpital transmet à la start-up, qui "
            "entraînera le modèle sur ses propres serveurs, des données de patients hospitalisés. "
            "Le nom et le numéro de sécurité sociale sont remplacés par un code ; l'hôpital garde "
            "la table de correspondance et ne la transmet pas. Restent l'âge, le code postal, les "
            "dates d'entrée et de sortie et les diagnostics. Pour la start-up, ces données "
            "sont-elles personnelles, et pourquoi ?",
            "Question 7, le cas de votre copie : un hôpital et une start-up mettent au point "
            "ensemble un modèle qui prédit les réhospitalisations. L'hôpital transmet à la "
            "start-up, qui entraînera le modèle sur ses propres serveurs, des données de patients "
            "hospitalisés. Le nom et le numéro de sécurité sociale sont remplacés par un code. Par"
            " erreur, l'hôpital a joint à l'envoi la table de correspondance, que la start-up a "
            "gardée. Restent seulement le sexe, la tranche d'âge (par dix ans) et les diagnostics."
            " Pour la start-up, ces données sont-elles personnelles, et pourquoi ?",
        ),
        {
            "c": "Personnelles : sans la table, l'âge, le code postal et les dates de séjour, "
            "recoupés avec d'autres sources, peuvent encore désigner un patient.",
            "b": "Anonymes : sans la table de correspondance, la start-up ne peut relier aucune "
            "ligne au nom d'un patient.",
            "d": "Anonymes : le nom et le numéro de sécurité sociale ont été retirés et remplacés "
            "par un code sans signification.",
            "a": "Personnelles : l'hôpital garde la table de correspondance, donc elles le restent"
            " pour tous ceux qui les reçoivent.",
            "e": "Personnelles : la start-up détient elle-même la table de correspondance, qui "
            "relie chaque code au nom d'un patient.",
        },
        ("cbdae", "cbdae"),
    ),
}

_Q9_START = (
    "Dans un CHU, l'unité de recherche clinique veut étudier, sur les dossiers des patients "
    "opérés d'une prothèse de hanche dans ce CHU depuis 2018, ce qui conduit à devoir "
    "réopérer. Ses membres n'ont soigné aucun de ces patients. "
)
_Q9_DECLARED = (
    "Le CHU a déclaré à la CNIL, une fois pour toutes, sa conformité à une méthodologie de "
    "référence ; l'étude la respecte en tous points et elle est inscrite au répertoire public "
    "des études et au registre des traitements du CHU. "
)
_Q9_END = (
    "Son analyse d'impact (AIPD) est faite. Aucun patient n'a donné son accord par écrit. "
    "Les données seront pseudonymisées avant l'analyse. Les lettres qui informent chaque "
    "patient de l'étude et de son droit de s'y opposer sont parties il y a trois mois ; les "
    "dossiers des patients qui s'y sont opposés sont écartés. Le fabricant des prothèses "
    "finance l'étude ; il recevra en échange "
)
_Q9_REPORT = (
    "le rapport de l'étude : des taux de réopération par modèle de prothèse, sans aucune "
    "donnée sur un patient."
)
#: Question 9's three projects. The opening differs from the formative card's
#: (notebooks/notes/10_scenarios_des_questions.toml), which the package must not name.
_Q9_PROJECTS = (
    _Q9_DECLARED + _Q9_END + _Q9_REPORT,
    "Le CHU a déclaré à la CNIL, une fois pour toutes, sa conformité à une méthodologie de "
    "référence et l'étude la respecte en tous points ; elle est inscrite au registre des "
    "traitements du CHU, mais pas encore au répertoire public des études ; l'analyse doit "
    "commencer la semaine prochaine. " + _Q9_END + _Q9_REPORT,
    _Q9_DECLARED + _Q9_END + "une copie des dossiers étudiés, avec le nom et la date de "
    "naissance de chaque patient.",
)


def _version(seed: int, question: int) -> int:
    """Which task (0 or 1) a copy draws in ``question`` (1 to 7); 9: its project (0 to 2)."""
    if question == 9:
        return int(np.random.default_rng([int(seed), 9]).integers(len(_Q9_PROJECTS)))
    return int(np.random.default_rng([int(seed), 10 + question]).integers(2))


def _letters(seed: int, question: int) -> dict[str, str]:
    """Option id -> the letter it has in a copy's ``question`` (1 to 7)."""
    items = _QUESTIONS[question][2][_version(seed, question)]
    order = np.random.default_rng([int(seed), question]).permutation(len(items))
    return {items[int(number)]: "abcdefg"[position] for position, number in enumerate(order)}


def _letter(seed: int, question: int, items: str | tuple[str, str]) -> str:
    """Return the letter of option ``items`` (or ``items[task]``, one id per task) for a copy."""
    item = items if isinstance(items, str) else items[_version(seed, question)]
    return _letters(seed, question)[item]


def _statement(seed: int, question: int, *, markdown: bool = False) -> str:
    """Return the statement and options a copy drew in ``question`` (1 to 7), to print.

    With ``markdown``, the same text as Markdown (bold emphasis, one bullet per option), for
    ``IPython.display.Markdown``; otherwise plain text wrapped at 92 columns, without the
    emphasis marks.
    """
    statements, texts, _ = _QUESTIONS[question]
    statement = statements[_version(seed, question)]
    by_letter = sorted((letter, item) for item, letter in _letters(seed, question).items())
    if markdown:
        lines = [statement, "", "Les options, dans un ordre tiré pour votre copie :", ""]
        lines += [f"- **{letter}.** {texts[item]}" for letter, item in by_letter]
        return "\n".join(lines)
    lines = [textwrap.fill(statement.replace("**", ""), width=_WIDTH)]
    lines.append("Les options, dans un ordre tiré pour votre copie :")
    for letter, item in by_letter:
        lines.append(
            textwrap.fill(f"{letter}. {texts[item]}", width=_WIDTH, subsequent_indent="   ")
        )
    return "\n".join(lines)


def _project_9(seed: int, *, markdown: bool = False) -> str:
    """Return the project of question 9 a copy drew, ready to print.

    With ``markdown``, the same text as Markdown, for ``IPython.display.Markdown``.
    """
    text = _Q9_START + _Q9_PROJECTS[_version(seed, 9)]
    if markdown:
        return "**Le projet de la question 9, tiré pour votre copie :**\n\n> " + text
    return "Le projet de la question 9, tiré pour votre copie :\n" + textwrap.fill(
        text, width=_WIDTH
    )
