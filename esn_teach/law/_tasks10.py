"""Module 10's evaluated session: the task each copy draws in questions 1 to 5 and 9 (private).

Each of questions 1 to 5 has two tasks (neither is the formative statement). Questions 2 to 4
share one list of options between their tasks, so that one task's key is a wrong option of the
other; questions 1 and 5 give each task its own options, all plausible for that task (review
10_lecturer_d16, finding 1), and question 1 asks the same thing in both tasks (finding 4).
The notebook's draw cells call :func:`_statement` (and :func:`_project_9`), which return only
the text of the task a copy drew, with its options under the copy's letters: the other task's
text never reaches the student's kernel. :func:`_letter` (the letter of an option for a copy)
and :func:`_version` are called by the solution, ``mistake=`` and hidden test cells only. The
keys and the named mistakes are in the hidden tests of
``notebooks/10_monetiser_partager_reutiliser.py``, not here.

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
            "une seule ne l'est pas. Laquelle ?",
            "Question 1 : trois de ces informations sont des données de santé au sens du RGPD ; "
            "une seule ne l'est pas. Laquelle ?",
        ),
        {
            "a": "Le bilan d'activité d'un cabinet de cinq kinésithérapeutes d'une grande ville : "
            "1 240 séances le mois dernier, dont 310 pour une lombalgie, sans nom ni date.",
            "b": "La lettre d'information d'un club de rugby amateur : « notre capitaine sera "
            "absent six semaines, ligament du genou rompu », sans le nommer.",
            "c": "Le nom, l'adresse et les achats d'un client sur le site d'une parapharmacie : "
            "des bandelettes pour mesurer la glycémie et des aiguilles pour stylo injecteur.",
            "d": "Le fichier des résultats d'analyses sanguines d'un laboratoire, où le nom de "
            "chaque patient est remplacé par un numéro ; le laboratoire garde la liste qui relie "
            "chaque numéro à un nom.",
            "e": "L'annuaire des médecins d'un département : le nom, la spécialité et l'adresse "
            "du cabinet de chacun.",
            "g": "Un message sur le groupe des parents d'une classe de CE1 : « la maîtresse sera "
            "absente jusqu'aux vacances, elle se remet d'une opération du cœur », sans la nommer.",
            "h": "Le nom, l'adresse et les achats d'une cliente sur le site d'une pharmacie : des "
            "protections contre les fuites urinaires et une alèse lavable.",
            "i": "Le tableau des tensions artérielles mesurées lors d'une journée de dépistage, où "
            "le nom de chaque participant est remplacé par un code ; l'association qui l'a "
            "organisée garde la liste qui relie chaque code à un nom.",
        },
        ("abcd", "eghi"),
    ),
    2: (
        (
            "Question 2. Interrogée sur ce qui l'autorise à traiter les données de santé de ses "
            "patients, la maison de santé de votre copie répond : « Deux textes : l'article 6 "
            "du RGPD, avec la base légale de l'obligation légale (article 6, paragraphe 1, "
            "point c), que nous avons retenue sur le conseil de notre délégué à la protection "
            "des données, et l'article 9(2)(h), l'exception des soins. Ces deux textes fondent "
            "la licéité de notre traitement. » Supposez juste le choix de sa base légale : la "
            "question porte sur ce qui fonde la licéité, pas sur ses autres obligations "
            "(information, sécurité, hébergement). A-t-elle raison ?",
            "Question 2. Interrogée sur ce qui l'autorise à traiter les données de santé de ses "
            "patients, la maison de santé de votre copie répond : « Un texte : l'article 6 du "
            "RGPD, avec la base légale de l'obligation légale (article 6, paragraphe 1, point "
            "c), que nous avons retenue sur le conseil de notre délégué à la protection des "
            "données. Ce texte fonde la licéité de notre traitement. » Supposez juste le choix "
            "de sa base légale : la question porte sur ce qui fonde la licéité, pas sur ses "
            "autres obligations (information, sécurité, hébergement). A-t-elle raison ?",
        ),
        {
            "a": "Oui : pour des données de santé, l'article 9 remplace l'article 6, qui ne vise "
            "que les autres données personnelles.",
            "b": "Non : ce qu'elle cite ne suffit pas ; le traitement doit aussi relever d'une "
            "base légale de l'article 6.",
            "c": "Non : pour des données de santé, il faut en plus le consentement explicite de "
            "chaque patient, l'exception 9(2)(a).",
            "d": "Oui : des professionnels de santé tenus au secret n'ont besoin que d'un seul "
            "des deux textes, l'article 6 ou l'article 9(2).",
            "e": "Non : ce qu'elle cite ne suffit pas ; le traitement doit aussi relever d'une "
            "exception de l'article 9(2), qui lève l'interdiction.",
            "f": "Oui : elle cite une base légale de l'article 6 et une exception de l'article "
            "9(2) ; les deux conditions de licéité sont réunies.",
        },
        ("abcdef", "abcdef"),
    ),
    3: (
        (
            "Question 3, le projet de votre copie : l'équipe d'épidémiologie d'un CHU veut "
            "réutiliser les dossiers de douze mille patients diabétiques suivis dans ce CHU "
            "depuis 2014, afin de chercher quels résultats d'analyses annoncent une amputation. "
            "Ses membres n'ont soigné aucun de ces patients. Beaucoup ne sont plus suivis au CHU "
            "ou sont décédés : leur demander à tous leur accord est impossible. Les résultats "
            "seront présentés dans un congrès. Quelle exception de l'article 9(2), et pourquoi ?",
            "Question 3, le projet de votre copie : le service de cardiologie d'un CHU veut "
            "relire chaque semaine les dossiers des deux cents patients insuffisants cardiaques "
            "qu'il suit, afin de repérer ceux dont le traitement doit être ajusté et de les "
            "rappeler en consultation. Ce sont les médecins et les infirmiers qui suivent ces "
            "patients qui font ce travail. Le service ne leur demande pas d'accord pour cela, et "
            "rien ne sera publié. Quelle exception de l'article 9(2), et pourquoi ?",
        ),
        {
            "a": "9(2)(h) : le but de ce traitement est de soigner ces patients, par des "
            "professionnels tenus au secret.",
            "b": "9(2)(j) : une étude dont les résultats seront rendus publics n'a ni accord ni "
            "formalité à demander.",
            "c": "9(2)(i) : le CHU est un établissement public, donc tout ce qu'il fait de ses "
            "dossiers relève de l'intérêt public.",
            "d": "9(2)(j) : ce traitement sert à produire des connaissances, pas à soigner ces "
            "patients-là.",
            "e": "9(2)(h) : les données viennent des dossiers de soins du CHU, où ses soignants "
            "les ont recueillies.",
        },
        ("abcde", "abcde"),
    ),
    4: (
        (
            "Question 4, le cas de votre copie : un cabinet de deux kinésithérapeutes veut "
            "conserver les bilans et les photos de posture de ses patients sur le service en "
            "ligne d'un éditeur de logiciel. L'éditeur n'est pas certifié HDS. Il met en avant "
            "ses garanties : ses serveurs sont en France, chaque accès demande un double mot de "
            "passe, et il signe avec le cabinet un contrat de sous-traitance. Le cabinet n'a "
            "encore rien dit à ses patients.",
            "Question 4, le cas de votre copie : un cabinet de trois kinésithérapeutes remplace "
            "son serveur local par un logiciel de dossiers patients en ligne : les bilans et les "
            "comptes rendus seront stockés sur les serveurs de l'éditeur du logiciel. L'éditeur "
            "est certifié HDS. Il met en avant d'autres garanties : ses serveurs sont en "
            "Allemagne, les données y sont chiffrées, et il signe avec le cabinet un contrat de "
            "sous-traitance. Le cabinet n'a encore rien dit à ses patients.",
        ),
        {
            "a": "Choisir un autre éditeur, certifié HDS, et prévenir ses patients de cet "
            "hébergement.",
            "b": "Garder cet éditeur, si chaque patient signe un accord écrit pour y stocker son "
            "dossier.",
            "c": "Garder cet éditeur sans autre démarche : contrat, mesures de sécurité et "
            "serveurs dans l'Union européenne suffisent.",
            "d": "Renoncer : la loi interdit de confier des dossiers de soins à une entreprise "
            "hors du cabinet.",
            "e": "Faire certifier HDS le cabinet lui-même, puisque c'est lui qui confie les "
            "dossiers à l'éditeur.",
            "f": "Rester chez cet éditeur, et prévenir ses patients de cet hébergement.",
        },
        ("abcdef", "abcdef"),
    ),
    5: (
        (
            "Question 5, l'offre de votre copie : une société d'études de marché propose à "
            "votre officine 200 € par an si elle lui transmet chaque mois les médicaments "
            "délivrés sur ordonnance, avec le nom, l'année de naissance et le code postal de "
            "chaque patient. Les patients pourraient s'y opposer au comptoir, comme "
            "l'indiquerait une affiche.",
            "Question 5, l'offre de votre copie : une société qui édite une application de "
            "plans de ville propose à votre officine 200 € par an si elle lui transmet chaque "
            "mois le nombre de personnes entrées dans l'officine à chaque heure d'ouverture, "
            "compté par une cellule posée à la porte (sans caméra).",
        ),
        {
            "a": "Accepter si chaque patient concerné signe un consentement explicite : avec un "
            "accord écrit, la transmission serait permise.",
            "b": "Refuser : céder contre de l'argent des données de santé identifiantes est "
            "interdit, même avec l'accord écrit des patients.",
            "c": "Accepter si la société ne reçoit pas les noms : avec l'année de naissance et le "
            "code postal seuls, personne n'est identifié.",
            "d": "Refuser : la pharmacie devrait d'abord obtenir une autorisation de la CNIL, "
            "qu'elle n'a pas demandée.",
            "e": "Refuser : seul un hébergeur certifié HDS peut recevoir ces données, et rien ne "
            "dit que la société l'est.",
            "f": "Accepter : la loi n'interdit de vendre des données qu'aux laboratoires "
            "pharmaceutiques, et cette société n'en est pas un.",
            "h": "Accepter : ces comptages ne désignent personne ; ce ne sont pas des données de "
            "santé identifiantes, les seules dont l'article L1111-8 (VII) interdit la cession.",
            "i": "Refuser : tout ce qui est recueilli dans une officine est une donnée de santé, "
            "puisqu'on y entre pour se soigner.",
            "j": "Refuser : l'article L1111-8 (VII) interdit à un professionnel de santé de vendre "
            "quelque donnée que ce soit, même sans rapport avec ses patients.",
            "k": "Accepter, à condition d'afficher à la porte que chaque client peut s'opposer à "
            "être compté : sans cette affiche, la vente serait interdite.",
        },
        ("abcdef", "hijkdf"),
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
    "des études. "
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
#: Question 9's three projects (one per verdict). The opening differs from the formative card's
#: (notebooks/notes/10_scenarios_des_questions.toml), which the package must not name.
_Q9_PROJECTS = (
    _Q9_DECLARED + _Q9_END + _Q9_REPORT,
    "Le CHU a déclaré à la CNIL, une fois pour toutes, sa conformité à une méthodologie de "
    "référence et l'étude la respecte en tous points, mais elle n'est pas encore inscrite au "
    "répertoire public des études ; l'analyse doit commencer la semaine prochaine. "
    + _Q9_END
    + _Q9_REPORT,
    _Q9_DECLARED + _Q9_END + "une copie des dossiers étudiés, avec le nom et la date de "
    "naissance de chaque patient.",
)


def _version(seed: int, question: int) -> int:
    """Which task (0 or 1) a copy draws in ``question`` (1 to 5); 9: its project (0 to 2)."""
    if question == 9:
        return int(np.random.default_rng([int(seed), 9]).integers(len(_Q9_PROJECTS)))
    return int(np.random.default_rng([int(seed), 10 + question]).integers(2))


def _letters(seed: int, question: int) -> dict[str, str]:
    """Option id -> the letter it has in a copy's ``question`` (1 to 5)."""
    items = _QUESTIONS[question][2][_version(seed, question)]
    order = np.random.default_rng([int(seed), question]).permutation(len(items))
    return {items[int(number)]: "abcdefg"[position] for position, number in enumerate(order)}


def _letter(seed: int, question: int, items: str | tuple[str, str]) -> str:
    """Return the letter of option ``items`` (or ``items[task]``, one id per task) for a copy."""
    item = items if isinstance(items, str) else items[_version(seed, question)]
    return _letters(seed, question)[item]


def _statement(seed: int, question: int) -> str:
    """Return the statement and options a copy drew in ``question`` (1 to 5), to print."""
    statements, texts, _ = _QUESTIONS[question]
    lines = [textwrap.fill(statements[_version(seed, question)], width=_WIDTH)]
    lines.append("Les options, dans un ordre tiré pour votre copie :")
    by_letter = sorted((letter, item) for item, letter in _letters(seed, question).items())
    for letter, item in by_letter:
        lines.append(
            textwrap.fill(f"{letter}. {texts[item]}", width=_WIDTH, subsequent_indent="   ")
        )
    return "\n".join(lines)


def _project_9(seed: int) -> str:
    """Return the project of question 9 a copy drew, ready to print."""
    text = _Q9_START + _Q9_PROJECTS[_version(seed, 9)]
    return "Le projet de la question 9, tiré pour votre copie :\n" + textwrap.fill(
        text, width=_WIDTH
    )
