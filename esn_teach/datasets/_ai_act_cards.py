"""Module 13's scenario cards for the evaluated session, drawn for one copy.

Each evaluated copy of module 13 must print and hold only its own cards: if the
notebook held the whole pool, a copy would carry every card of its neighbours and
of later groups (lecturer d21, finding 4). The texts therefore live here, and the
notebook prints only what :func:`ai_act_cards` returns for the copy's seed.

The pools hold texts only, never an answer: which card is right, and why, is
written in the source notebook's hidden tests, keyed by the same slots and
variant indices (``esn_teach.law.draw_cards`` with :data:`AI_ACT_CARD_COUNTS`).
All cases are fictional.
"""

from __future__ import annotations

from esn_teach.law import draw_cards

__all__ = ["AI_ACT_CARD_COUNTS", "ai_act_cards"]

_POOLS: dict[str, dict[str, tuple[str, ...]]] = {
    "categories": {
        "cas_1": (
            (
                "un assureur fixe le prix du contrat d'assurance santé de chaque "
                "client d'après un modèle qui évalue son risque à partir de son "
                "questionnaire de santé. Ce n'est pas un dispositif médical : il ne "
                "sert à soigner personne."
            ),
            (
                "une caisse primaire d'assurance maladie, chargée par la loi du "
                "service public de l'assurance maladie (elle agit donc pour le compte"
                " des pouvoirs publics), utilise un modèle qui propose d'accorder ou "
                "de refuser le remboursement des transports en ambulance demandés par"
                " les assurés. Ce n'est pas un dispositif médical : il ne sert à "
                "soigner personne."
            ),
            (
                "un assureur fixe le prix du contrat d'assurance automobile de chaque"
                " client d'après un modèle qui évalue son risque d'accident à partir "
                "de son âge, de son véhicule et de ses accidents passés. Ce n'est pas"
                " un dispositif médical, et le modèle ne parle à personne."
            ),
            (
                "une caisse primaire d'assurance maladie utilise un modèle qui range "
                "par type les pièces jointes aux demandes de remboursement de "
                "transport en ambulance (prescription, facture) et repère les "
                "demandes envoyées deux fois ; un agent étudie ensuite chaque demande"
                " et décide seul. Le modèle ne parle à personne et n'établit le "
                "profil de personne."
            ),
        ),
        "cas_2": (
            (
                "une application grand public analyse la toux que le téléphone "
                "enregistre, dit à l'utilisateur si elle évoque une pneumonie et lui "
                "conseille alors de consulter. Son éditeur la destine au dépistage de"
                " la pneumonie."
            ),
            (
                "une application grand public analyse le tracé du cœur qu'enregistre "
                "une montre connectée, dit à l'utilisateur s'il évoque une "
                "fibrillation atriale (un trouble du rythme cardiaque) et lui "
                "conseille alors de consulter. Son éditeur la destine au dépistage de"
                " ce trouble."
            ),
            (
                "une application grand public de relaxation a un agent "
                "conversationnel (une IA qui répond par écrit) : il propose à "
                "l'utilisateur des exercices de respiration et répond à ses questions"
                " sur ces exercices. Son éditeur la destine au bien-être, pas au "
                "diagnostic ni au traitement d'une maladie."
            ),
            (
                "sur le site d'une marque de chaussures de course, un agent "
                "conversationnel (une IA qui répond par écrit) propose aux coureurs "
                "un plan d'entraînement et répond à leurs questions sur ce plan. La "
                "marque le destine au sport et au bien-être, pas à une maladie."
            ),
        ),
        "cas_3": (
            (
                "un institut de formation en soins infirmiers analyse par caméra le "
                "visage de ses étudiants pendant les cours, pour repérer l'ennui ou "
                "la frustration et en tenir compte dans leur note."
            ),
            (
                "à la pharmacie d'un hôpital, un modèle prévoit chaque semaine la "
                "quantité de chaque médicament à commander, pour éviter les ruptures "
                "de stock ; il ne parle à personne et ne concerne aucun patient en "
                "particulier."
            ),
            (
                "le centre d'appels d'une mutuelle analyse la voix de ses conseillers"
                " pendant leurs appels, pour repérer leur agacement ou leur colère et"
                " en tenir compte dans leur évaluation annuelle."
            ),
            (
                "une maison de retraite analyse par caméra le visage de ses "
                "aides-soignants pendant leur service, pour repérer leur tristesse ou"
                " leur colère et en tenir compte dans leurs primes."
            ),
            (
                "au service comptable d'un hôpital, un modèle repère parmi les "
                "factures des fournisseurs celles qui semblent reçues deux fois, pour"
                " qu'un agent vérifie avant de payer ; il ne parle à personne."
            ),
            (
                "une faculté de médecine analyse la voix de ses étudiants pendant les"
                " examens oraux, pour repérer leur peur et en tenir compte dans leur "
                "note."
            ),
        ),
        "cas_4": (
            (
                "un modèle range dans le bon dossier les courriers reçus par le "
                "secrétariat d'un service (résultats, convocations, publicités), pour"
                " qu'une secrétaire les traite ; il ne parle à personne et n'en tire "
                "aucune conclusion médicale."
            ),
            (
                "sur le site d'une mutuelle santé, un agent conversationnel (une IA "
                "qui répond par écrit) explique aux adhérents comment envoyer une "
                "facture et où en est leur dossier ; il ne décide d'aucun "
                "remboursement, ne fixe aucun tarif et ne donne aucun conseil de "
                "santé."
            ),
            (
                "un modèle prévoit l'affluence aux urgences de la semaine suivante, "
                "pour que le cadre de santé ajuste le planning des équipes ; il ne "
                "parle à personne et ne classe aucun patient."
            ),
            (
                "une mutuelle fait répondre au téléphone un assistant vocal (une IA "
                "qui parle) aux adhérents qui demandent un duplicata de leur carte ou"
                " un changement d'adresse ; il ne décide d'aucun remboursement."
            ),
            (
                "dans une pharmacie en ligne, un agent conversationnel (une IA qui "
                "répond par écrit) aide les clients à suivre leur commande et à "
                "trouver un point de retrait ; il ne donne aucun conseil de santé."
            ),
        ),
    },
    "classes_mdr": {
        "cas_1": (
            (
                "à partir d'un questionnaire, il propose au médecin généraliste le "
                "degré d'une rhinite allergique saisonnière légère, pour choisir "
                "entre deux médicaments antiallergiques courants. Une erreur prolonge"
                " de quelques jours le nez qui coule et les éternuements, sans "
                "danger."
            ),
            (
                "à partir de l'échographie d'une hernie de l'aine sans complication, "
                "il propose au chirurgien une simple surveillance ou une opération "
                "(cure de hernie avec pose d'une prothèse de paroi). Une erreur fait "
                "opérer sans besoin, ou retarde une opération nécessaire."
            ),
            (
                "à partir de l'IRM d'un genou, il propose au chirurgien orthopédiste "
                "une arthroscopie (une opération par de petites incisions) ou de la "
                "rééducation seule, pour une déchirure du ménisque. Une erreur fait "
                "opérer sans besoin, ou retarde une opération nécessaire."
            ),
            (
                "à partir de photos des ongles, il dit au médecin généraliste si une "
                "mycose de l'ongle est probable, pour décider de prescrire ou non un "
                "vernis antifongique. Une erreur laisse un ongle abîmé quelques "
                "semaines de plus, ou fait appliquer un vernis sur un ongle sain, "
                "sans danger."
            ),
        ),
        "cas_2": (
            (
                "à partir de l'échographie de la vésicule biliaire de patients sans "
                "complication, il propose au chirurgien une surveillance ou une "
                "opération (ablation de la vésicule). Une erreur fait opérer sans "
                "besoin, ou retarde une opération nécessaire."
            ),
            (
                "aux urgences, il dit au médecin, d'après le scanner du cerveau, si "
                "un accident vasculaire cérébral vient d'un caillot ou d'un "
                "saignement, pour décider de donner ou non un médicament qui dissout "
                "le caillot. Une erreur peut tuer le patient ou le laisser paralysé à"
                " vie."
            ),
            (
                "il dit au médecin, d'après l'électrocardiogramme, si une douleur de "
                "poitrine vient d'un infarctus, pour décider de faire déboucher tout "
                "de suite son artère. Une erreur peut tuer le patient ou détruire du "
                "muscle du cœur, qui ne repousse pas."
            ),
            (
                "à partir de photos d'une plaie chronique de la jambe, il propose à "
                "l'infirmière de garder le pansement ou d'appeler le médecin. Une "
                "erreur peut laisser la plaie s'infecter au point d'imposer une "
                "hospitalisation pour des antibiotiques par perfusion, sans mettre la"
                " vie ni la jambe en danger."
            ),
        ),
        "cas_3": (
            (
                "aux urgences pédiatriques, il dit au médecin, d'après les constantes"
                " et l'examen saisis, si la fièvre d'un nourrisson évoque une "
                "méningite, pour décider de faire tout de suite les examens et les "
                "antibiotiques. Une erreur peut tuer l'enfant ou le laisser sourd à "
                "vie."
            ),
            (
                "à partir de l'agenda des maux de tête que remplit le patient, il "
                "propose au médecin de changer ou non le traitement de fond d'une "
                "migraine déjà diagnostiquée. Une erreur prolonge de quelques "
                "semaines des crises gênantes, qui cessent ensuite sans séquelle."
            ),
            (
                "en salle de naissance, il dit à la sage-femme, d'après les pertes de"
                " sang mesurées et les constantes de la mère, s'il faut appeler tout "
                "de suite l'équipe pour une hémorragie après l'accouchement. Une "
                "erreur peut tuer la mère."
            ),
            (
                "à partir de photos des mains, il propose au médecin généraliste le "
                "degré d'un eczéma léger, pour choisir entre une crème hydratante et "
                "une crème à la cortisone. Une erreur prolonge de quelques jours des "
                "démangeaisons sur une peau qui redevient saine, sans danger."
            ),
        ),
        "cas_4": (
            (
                "à domicile, il suit la glycémie que des patients diabétiques sous "
                "comprimés relèvent chaque jour, et signale à l'infirmière, chaque "
                "semaine, ceux dont la moyenne monte ; il ne donne aucune information"
                " de diagnostic ni de traitement : l'infirmière décide seule. Une "
                "glycémie un peu haute pendant quelques jours, avant qu'elle ne "
                "rechute, n'expose à aucun danger immédiat."
            ),
            (
                "au bloc opératoire, il suit en continu la pression artérielle d'un "
                "patient endormi et sonne quand elle passe sous la valeur réglée par "
                "l'anesthésiste ; il ne donne aucune information de diagnostic ni de "
                "traitement : l'équipe décide seule. Une pression trop basse prive le"
                " cerveau d'oxygène en quelques minutes."
            ),
            (
                "en soins de suite, il suit chaque nuit, par un capteur placé sous le"
                " matelas, le sommeil (durée, réveils, arrêts de ronflement) de "
                "patients convalescents, et signale à l'équipe, le lendemain matin, "
                "les nuits très agitées ; il ne donne aucune information de "
                "diagnostic ni de traitement : l'équipe décide seule. Une nuit agitée"
                " retarde un peu la récupération, sans danger immédiat."
            ),
            (
                "en néonatalogie, il suit en continu la respiration de nouveau-nés "
                "prématurés, et sonne quand elle fait une pause plus longue que la "
                "durée réglée par l'équipe ; il ne donne aucune information de "
                "diagnostic ni de traitement : l'équipe décide seule. Une pause trop "
                "longue prive le cerveau d'oxygène en quelques minutes."
            ),
        ),
    },
    "devoirs": {
        "cas_1": (
            (
                "l'éditeur de l'alerte de sepsis lui ajoute une donnée d'entrée, le "
                "taux de lactates, fait évaluer cette nouvelle version et la diffuse "
                "avec sa nouvelle notice ; une clinique l'installe et la fait "
                "utiliser par ses équipes. Quel rôle a la clinique pour cette version"
                " ?"
            ),
            (
                "d'après sa notice, l'alerte de sepsis lit les constantes et l'examen"
                " clinique. L'hôpital branche lui-même son modèle sur ses résultats "
                "d'analyses de sang, ce qui change ses performances, puis le fait "
                "utiliser ainsi par ses équipes."
            ),
            (
                "la notice du logiciel de tri des urgences qu'un hôpital a acheté le "
                "réserve aux adultes. L'hôpital le réentraîne lui-même sur des "
                "enfants et le fait utiliser aussi pour eux par ses infirmiers "
                "d'accueil."
            ),
            (
                "l'éditeur d'un logiciel de tri des urgences le réentraîne sur des "
                "enfants, fait évaluer cette version et la diffuse avec une notice "
                "qui l'autorise chez l'enfant ; un hôpital l'installe et la fait "
                "utiliser par ses infirmiers d'accueil. Quel rôle a l'hôpital pour "
                "cette version ?"
            ),
            (
                "un hôpital ajoute à son dossier patient informatisé un bouton qui "
                "ouvre l'alerte de sepsis en un clic, ce que la notice ne mentionne "
                "pas ; ce que l'alerte lit, son calcul, son seuil et ce qu'elle "
                "affiche ne changent pas. Ses équipes l'utilisent ainsi."
            ),
            (
                "la notice d'un logiciel qui repère les fractures sur les "
                "radiographies le valide pour le poignet. Un service d'urgences le "
                "réentraîne lui-même sur des radiographies de cheville et le fait "
                "utiliser ainsi par ses médecins."
            ),
        ),
        "cas_2": (
            (
                "la notice de l'alerte de sepsis propose de l'envoyer aussi au "
                "téléphone du médecin de garde ; l'hôpital active cette option et "
                "fait utiliser l'alerte par ses équipes."
            ),
            (
                "la notice du logiciel qui classe les appels d'un SAMU le valide pour"
                " des appels en français. Le SAMU le réentraîne lui-même sur des "
                "appels en arabe, ce qui change ses performances, et le fait utiliser"
                " ainsi par ses assistants de régulation."
            ),
            (
                "la notice de l'alerte de sepsis propose trois seuils ; un hôpital "
                "choisit le moins sensible et fait utiliser l'alerte par ses équipes."
            ),
            (
                "la notice de l'alerte de sepsis la valide chez l'adulte. Une "
                "clinique réentraîne elle-même son modèle sur des enfants et le fait "
                "utiliser par ses pédiatres."
            ),
            (
                "un hôpital affiche aussi l'alerte de sepsis sur un grand écran au "
                "poste de soins, ce que la notice ne mentionne pas ; ce que l'alerte "
                "lit, son calcul, son seuil et ses résultats ne changent pas. Ses "
                "équipes l'utilisent ainsi."
            ),
            (
                "la notice d'un logiciel qui lit les électrocardiogrammes le valide "
                "chez l'adulte au repos. Une clinique du sport le réentraîne "
                "elle-même sur des tracés d'effort et le fait utiliser ainsi par ses "
                "cardiologues."
            ),
        ),
        "cas_3": (
            (
                "un distributeur de matériel médical, qui n'a ni patients ni "
                "soignants, achète à un éditeur un logiciel qui classe les appels "
                "d'urgence et le revend à des SAMU sous sa propre marque."
            ),
            (
                "un SAMU achète un logiciel qui classe les appels d'urgence ; ses "
                "assistants de régulation s'en servent chaque nuit, comme le prévoit "
                "la notice."
            ),
            (
                "un grossiste en matériel médical, qui n'a ni patients ni soignants, "
                "achète une application de dépistage du mélanome et la revend à des "
                "pharmacies sous sa propre marque."
            ),
            (
                "les agents d'un conseil départemental se servent, comme le prévoit "
                "sa notice, d'un logiciel acheté à un éditeur, qui propose d'accorder"
                " ou de refuser une aide publique aux personnes âgées dépendantes."
            ),
            (
                "à la pharmacie d'un hôpital, un logiciel signale au pharmacien les "
                "associations de médicaments dangereuses dans les prescriptions. "
                "Comme le prévoit sa notice, le pharmacien vérifie chaque alerte dans"
                " le dossier avant d'appeler le prescripteur, et l'hôpital a formé "
                "l'équipe à l'outil. Quel rôle a l'hôpital ?"
            ),
        ),
        "cas_4": (
            (
                "un laboratoire pharmaceutique fait développer par un sous-traitant "
                "une application de dépistage du mélanome et la vend sous son propre "
                "nom à des pharmacies."
            ),
            (
                "une caisse d'assurance maladie développe elle-même, sous son nom, un"
                " logiciel qui propose d'accorder ou de refuser la complémentaire "
                "santé solidaire (une aide publique), et le fait utiliser par ses "
                "propres agents."
            ),
            (
                "une mutuelle fait développer par un sous-traitant un modèle qui fixe"
                " le prix des contrats d'assurance santé et le vend sous son nom à "
                "d'autres assureurs ; ses propres tarifs, elle les fixe avec une "
                "grille faite par ses actuaires."
            ),
            (
                "un hôpital développe lui-même, sous son nom, un logiciel qui trie "
                "les patients arrivant aux urgences selon l'ordre de leur prise en "
                "charge, et le fait utiliser par ses propres infirmiers d'accueil."
            ),
        ),
        "cas_5": (
            (
                "une jeune entreprise de six ingénieurs, sans aucun soignant, "
                "développe une alerte de sepsis et la vend sous son nom à des "
                "hôpitaux."
            ),
            (
                "une clinique achète l'alerte de sepsis, la fait installer par "
                "l'éditeur et la fait utiliser par ses équipes selon la notice, après"
                " avoir formé ses infirmiers."
            ),
            (
                "un groupe de cliniques achète à un éditeur un logiciel de tri des "
                "urgences et le revend à d'autres établissements sous son propre nom "
                "; ses cliniques trient leurs patients avec un autre logiciel."
            ),
            (
                "la notice de l'alerte de sepsis propose de l'envoyer aussi à "
                "l'infirmière de nuit ; une maison de retraite active cette fonction "
                "et fait utiliser l'alerte par ses équipes."
            ),
            (
                "l'alerte de sepsis sonne pour un patient qui va bien : l'infirmière "
                "l'examine, ne suit pas l'alerte et le note ; l'hôpital, qui utilise "
                "l'alerte selon sa notice, signale à l'éditeur et au correspondant de"
                " matériovigilance les fausses alertes répétées. Quel rôle a "
                "l'hôpital ?"
            ),
            (
                "un pharmacien d'officine fonde avec deux informaticiens une société,"
                " qui n'a ni patients ni officine : elle développe un logiciel qui "
                "signale les associations de médicaments dangereuses et le vend sous "
                "son nom à des hôpitaux."
            ),
        ),
    },
    "dates": {
        "cas_1": (
            (
                "un fabricant mettra sur le marché un logiciel nouveau qui lit les "
                "électrocardiogrammes enregistrés en pharmacie et dit au médecin s'il"
                " faut adresser le patient au cardiologue ; il le destine au "
                "dépistage des troubles du rythme cardiaque."
            ),
            (
                "une jeune entreprise mettra sur le marché un logiciel nouveau qui "
                "repère les cancers du sein sur les mammographies de dépistage et dit au "
                "radiologue s'il faut d'autres examens ; il le destine à ce "
                "dépistage."
            ),
            (
                "un fabricant mettra sur le marché un logiciel nouveau qui repère, "
                "sur les photos des plaies que l'infirmière prend à domicile, celles "
                "qui s'infectent, et dit au médecin s'il faut changer le traitement ;"
                " il le destine à ce suivi."
            ),
            (
                "un éditeur mettra sur le marché un modèle nouveau qui repère, sur "
                "les scanners du thorax, les nodules suspects de cancer du poumon"
                " et dit au radiologue s'il faut d'autres examens ; il le destine à "
                "ce diagnostic."
            ),
            (
                "une jeune entreprise mettra sur le marché une application nouvelle "
                "qui analyse les photos de grains de beauté prises par le médecin "
                "généraliste et lui dit s'il faut adresser le patient au dermatologue"
                " ; elle la destine au dépistage du mélanome."
            ),
        ),
        "cas_2": (
            (
                "un assureur mettra en service un modèle nouveau qui lit les "
                "électrocardiogrammes fournis par les candidats à une assurance vie "
                "et fixe le prix de leur contrat ; il ne sert à soigner personne."
            ),
            (
                "un assureur mettra en service un modèle nouveau qui fixe le prix de "
                "l'assurance santé de chaque client d'après les pas et le sommeil que"
                " mesure sa montre connectée ; il ne sert à soigner personne."
            ),
            (
                "une maison départementale des personnes handicapées mettra en "
                "service un logiciel nouveau qui propose d'accorder ou de refuser la "
                "prestation de compensation du handicap (une aide publique)."
            ),
            (
                "un conseil départemental mettra en service un logiciel nouveau qui "
                "propose d'accorder ou de refuser l'allocation personnalisée "
                "d'autonomie (une aide publique aux personnes âgées dépendantes)."
            ),
            (
                "un conseil départemental mettra en service un logiciel nouveau qui "
                "relit les dossiers des personnes âgées qui touchent l'allocation "
                "personnalisée d'autonomie (une aide publique) et propose de réduire"
                " ou de reprendre l'aide de certaines."
            ),
            (
                "un hôpital mettra en service, au centre 15 (SAMU), un logiciel "
                "nouveau qui écoute les appels et les classe : à passer tout de suite"
                " au médecin régulateur, ou pouvant attendre. Son éditeur le destine "
                "à organiser la file des appels : ce n'est pas un dispositif médical."
            ),
        ),
        "cas_3": (
            (
                "un laboratoire de recherche mettra sur le marché un modèle nouveau, "
                "qui analyse et produit des images de toute sorte. Il ne le propose à"
                " aucun utilisateur : il le vend seulement à d'autres entreprises, "
                "qui l'intègrent à leurs propres systèmes, pour les usages les plus "
                "variés."
            ),
            (
                "un éditeur mettra sur le marché un grand modèle de langage nouveau, "
                "qui écrit, résume et traduit des textes de toute sorte. Il ne le "
                "propose à aucun utilisateur : il le vend seulement à d'autres "
                "entreprises, qui l'intègrent à leurs propres systèmes, pour les "
                "usages les plus variés."
            ),
        ),
        "cas_4": (
            (
                "une entreprise vend un système d'IA, construit sur un grand modèle "
                "de langage acheté à une autre entreprise, qui lit ce que publient des"
                " personnes âgées isolées et choisit les offres qu'elles verront : il "
                "profite de leur solitude pour leur faire souscrire des abonnements "
                "coûteux ; plusieurs se sont endettées."
            ),
            (
                "une application de paris en ligne intègre un système construit sur "
                "un grand modèle de langage acheté à une autre entreprise : il lit les"
                " courriels des joueurs, repère ceux qui disent avoir des dettes et "
                "profite de leur situation en leur affichant des bonus pour miser "
                "davantage ; plusieurs se sont ruinés."
            ),
            (
                "sur le site d'un vendeur de produits amaigrissants, un système d'IA "
                "choisit et insère dans les pages des images trop brèves pour être "
                "vues consciemment, qui poussent les visiteurs à dépasser la dose "
                "indiquée ; plusieurs ont été hospitalisés."
            ),
            (
                "dans un jeu pour enfants, un modèle d'IA repère les plus impulsifs "
                "et profite de leur âge, par des offres affichées au bon moment, pour"
                " les pousser à des achats répétés ; plusieurs familles ont perdu de fortes sommes."
            ),
            (
                "dans une boutique en ligne destinée à des adultes qui vivent avec "
                "une déficience intellectuelle, un système d'IA choisit le moment où "
                "afficher des abonnements payants qu'ils ne comprennent pas, et "
                "profite ainsi de leur handicap ; plusieurs se sont endettés."
            ),
            (
                "sur le site d'un organisme de crédit, un modèle repère les visiteurs "
                "en grande précarité et profite de leur situation en leur affichant d'abord des"
                " crédits coûteux ; plusieurs se sont surendettés."
            ),
        ),
        "cas_5": (
            (
                "sur le site d'une maison départementale des personnes handicapées, "
                "un agent conversationnel (une IA qui répond par écrit) explique "
                "comment demander la prestation de compensation du handicap et "
                "quelles pièces joindre ; il ne se prononce sur le droit de personne "
                ": une équipe étudie chaque demande."
            ),
            (
                "un conseil départemental fait répondre au téléphone un assistant "
                "vocal (une IA qui parle) aux personnes âgées qui demandent où en est"
                " leur dossier d'allocation personnalisée d'autonomie ; il ne se "
                "prononce sur le droit de personne."
            ),
            (
                "un agent conversationnel écrit répond aux patients sur le site d'un "
                "laboratoire d'analyses médicales (horaires, papiers à apporter) ; il"
                " ne donne aucun conseil de santé."
            ),
            (
                "un assistant vocal répond au téléphone d'un cabinet de radiologie "
                "(horaires, préparation à l'examen, papiers à apporter) ; il ne donne"
                " aucun conseil de santé et ne fixe aucune priorité."
            ),
            (
                "une mutuelle fait répondre au téléphone un assistant vocal (une IA "
                "qui parle) aux adhérents qui demandent une attestation ; il ne "
                "décide d'aucun remboursement."
            ),
            (
                "sur le site d'une agence régionale de santé, un agent "
                "conversationnel écrit répond aux questions sur les démarches "
                "administratives des professionnels ; il ne donne aucun conseil de "
                "santé."
            ),
            (
                "une entreprise mettra sur le marché un logiciel nouveau qui crée, à "
                "partir d'une phrase, des images réalistes pour illustrer les "
                "brochures de prévention des hôpitaux ; il ne décide de rien pour "
                "personne."
            ),
            (
                "une entreprise mettra sur le marché un logiciel nouveau qui lit à "
                "voix haute, avec une voix de synthèse très naturelle, les textes que"
                " les pharmacies publient sur leur site ; il ne décide de rien pour "
                "personne."
            ),
        ),
    },
}

#: Question → slot → number of variants, in the pool's order (what the hidden tests draw with).
AI_ACT_CARD_COUNTS: dict[str, dict[str, int]] = {
    question: {slot: len(cards) for slot, cards in pool.items()}
    for question, pool in _POOLS.items()
}


def ai_act_cards(seed: int, question: str) -> dict[str, str]:
    """Return the cards drawn for one copy and one question, by letter.

    Parameters
    ----------
    seed : int
        ``checks.student_seed("13")``.
    question : str
        ``"categories"``, ``"classes_mdr"``, ``"devoirs"`` or ``"dates"``.

    Returns
    -------
    dict of str to str
        Letter (A, B, …) → the text of the card shown under it, nothing else.

    Raises
    ------
    KeyError
        If the question has no pool.
    """
    pool = _POOLS[question]
    draw = draw_cards(seed, question, AI_ACT_CARD_COUNTS[question])
    return {letter: str(text) for letter, text in draw.by_letter(dict(pool)).items()}
