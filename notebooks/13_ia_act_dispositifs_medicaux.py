# %% [markdown]
# # Module 13 — IA Act et dispositifs médicaux
#
# *Cours « IA et santé » — École de santé numérique, Université de Montpellier.*
#
# **Prérequis** : aucun calcul. Le module 09 (garder la main face à une IA) et le module 10
# (le droit des données de santé) aident, sans être indispensables.
#
# ## Ce que vous saurez faire à la fin de ce module
#
# 1. Dire si un logiciel d'IA en santé est un **dispositif médical**, d'après la destination
#    que lui donne son fabricant, et trouver sa **classe** par la règle 11 du MDR.
# 2. Classer un système d'IA selon le **règlement européen sur l'IA** : pratique interdite,
#    haut risque (par le MDR ou par l'annexe III), transparence, risque minimal.
# 3. Dire **qui doit quoi** : le fournisseur (celui qui met le logiciel sur le marché) et le
#    déployeur (par exemple l'hôpital qui l'utilise).
# 4. Dire **depuis quand**, ou **à partir de quand**, chaque obligation s'applique, en tenant
#    compte seulement des textes adoptés.
#
# > **Les valeurs de l'école dans ce module**
# > - **V1 — Priorité à la relation humaine** : le règlement exige qu'une personne compétente
# >   puisse contrôler un système à haut risque et passer outre ; le patient a en face de lui un
# >   soignant, pas un logiciel.
# > - **V5 — Utilisation responsable et éclairée** : utiliser un outil selon sa notice, le
# >   comprendre (maîtrise de l'IA) et savoir ce que la loi demande à celui qui l'utilise.
# > - **V6 — Intégrité et transparence** : dire à une personne qu'elle échange avec une IA.
# >
# > **Cadre de l'éthique du numérique en santé (CENS)** : non-malfaisance (un logiciel qui se
# > trompe peut nuire : plus le risque est grave, plus le contrôle est strict), autonomie (être
# > informé qu'on parle à une machine), justice (l'accès aux soins et le tri des urgences sont
# > encadrés parce qu'ils décident de qui est soigné, et quand).
#
# ## Ce que vous allez faire
#
# 1. Découvrir le parcours de classification sur six fiches de systèmes (explorateur).
# 1. Classer quatre autres systèmes (question 1) et trouver des classes du MDR (question 2).
# 1. Répartir les obligations entre le fournisseur et l'hôpital (question 3), puis les dater
#    (question 4).
# 1. Après la séance : quelle garantie humaine doit-on au patient ?
#
# ## Mode d'emploi
#
# Exécutez les cellules **dans l'ordre** (Maj + Entrée). Le code à ne pas lire est replié :
# lisez ce qu'il affiche. Pour répondre, remplacez les `...`, exécutez, puis exécutez la
# **« Vérification »** en dessous ; des **indices** repliés s'ouvrent d'un clic. En **séance
# évaluée** (notebook noté), les vérifications disent seulement si la réponse est bien écrite, pas
# si elle est juste : vous le lirez dans votre retour de correction.
#
# *Ce module enseigne ; il ne donne pas de conseil juridique. Les textes sont résumés (pas
# cités mot pour mot) et datés : la date de leur dernière vérification s'affiche plus bas.*

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il charge les textes juridiques du cours et l'explorateur.
# Exécutez-le (Maj + Entrée).
from IPython.display import Markdown, display

from esn_teach import checks
from esn_teach.explorers import AiActPathExplorer
from esn_teach.law import LEGAL_FACTS_LAST_CHECKED, reference


def montrer(*cles):
    """Affiche chaque texte : référence, date, résumé."""
    for cle in cles:
        ref = reference(cle)
        display(Markdown(f"**{ref.citation}** ({ref.date_label}) — *{ref.title}.* {ref.summary}"))


print(f"Textes juridiques vérifiés le {LEGAL_FACTS_LAST_CHECKED:%d/%m/%Y}.")

# %% [markdown]
# ## 1. Deux règlements, deux questions
#
# Un logiciel d'IA en santé peut relever de **deux** règlements européens à la fois.
#
# - Le **règlement (UE) 2017/745 sur les dispositifs médicaux** (MDR) demande : ce logiciel
#   a-t-il une **finalité médicale** pour des patients ? Si oui, c'est un **dispositif
#   médical** ; sa **classe** (I, IIa, IIb, III, du moins au plus risqué) dit qui vérifie sa
#   conformité avant le **marquage CE** (le logo qui autorise sa vente dans l'Union).
# - Le **règlement (UE) 2024/1689 sur l'intelligence artificielle** (l'« IA Act ») classe les
#   systèmes d'IA selon le **risque** : quelques pratiques **interdites** ; des systèmes **à
#   haut risque**, très encadrés ; des obligations de **transparence** pour ceux qui dialoguent
#   ou génèrent du texte ; le reste, à **risque minimal**.
#
# Le règlement sur l'IA distingue deux acteurs. Le **fournisseur** développe le système et le
# met sur le marché sous son nom. Le **déployeur** l'utilise sous sa propre autorité dans un
# cadre professionnel : l'hôpital qui achète le logiciel et le fait utiliser par ses équipes.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : les définitions, tirées de la bibliothèque du cours.
montrer("IA 3", "MDR 2(1)", "MDCG 2019-11")

# %% [markdown]
# Retenez le mot **destination** : c'est ce que le fabricant annonce (notice, étiquette,
# publicité) qui fait d'un logiciel un dispositif médical, pas sa technique.
#
# ## 2. Le parcours de classification
#
# Cinq questions, toujours dans le même ordre :
#
# 1. Est-ce une **pratique interdite** (article 5) ? Si oui, le parcours s'arrête.
# 2. Est-ce un **dispositif médical** par sa destination ?
# 3. Si oui, quelle **classe** par la **règle 11** ? En classe IIa, IIb ou III, un **organisme
#    notifié** (organisme indépendant désigné par un État) doit vérifier le dispositif : le
#    système d'IA est alors **à haut risque** (article 6, paragraphe 1). En classe I, le
#    fabricant déclare seul sa conformité : pas de haut risque par cette voie.
# 4. Son **usage** est-il l'un de ceux de l'**annexe III** ? En santé : évaluer le droit d'une
#    personne à des services publics essentiels, dont les soins, ou trier les patients aux
#    urgences et les appels d'urgence. Si oui : **haut risque** (article 6, paragraphe 2).
# 5. **Dialogue**-t-il avec des personnes, ou **génère**-t-il du texte ? Si oui : obligations de
#    **transparence** (article 50), en plus des autres.
#
# **Explorateur.** Choisissez un système, puis répondez aux cinq questions dans les listes
# (au clavier : Tab pour passer d'une liste à l'autre, flèches pour choisir). Le tableau
# montre votre parcours, la catégorie et les obligations, avec leurs articles et leurs dates.
# Cochez « Comparer avec l'analyse du cours » une fois vos réponses données. Faites au moins
# la radiographie du thorax, l'application de bien-être et l'agent de rendez-vous.

# %%
explorateur = AiActPathExplorer()
explorateur

# %% [markdown]
# Deux pièges : une application de bien-être n'est pas un dispositif médical, même si elle
# mesure des données de santé ; et l'IA n'est pas « à haut risque » d'office (la prévision des
# lits). Dans tous les cas, fournisseur et déployeur prennent des mesures pour que leurs
# équipes **maîtrisent** l'IA (article 4).
#
# ### Question 1 — Classer quatre autres systèmes (3 points)
#
# Ces systèmes ne sont pas dans l'explorateur. Pour chacun, écrivez entre guillemets
# **doubles** sa catégorie : `"interdit"`, `"haut risque"`, `"transparence"` ou `"minimal"`.
#
# - **tri_urgences** : à l'accueil des urgences, un logiciel propose à l'infirmier d'orientation
#   un niveau de priorité pour chaque patient, d'après ses plaintes et ses constantes.
# - **emotions_soignants** : une clinique analyse par caméra les émotions de ses infirmiers
#   pendant leur travail, pour évaluer leur engagement.
# - **absences_rdv** : un modèle repère les patients qui risquent de manquer leur rendez-vous,
#   pour que le secrétariat les appelle la veille ; il ne parle à personne.
# - **grain_de_beaute** : une application grand public dit à l'utilisateur si le grain de beauté
#   qu'il photographie est suspect de mélanome et lui conseille alors de consulter. Son éditeur
#   la présente comme une aide au dépistage ; elle est de classe IIa.
#
# <details><summary>Indice 1</summary>
#
# Suivez les cinq questions du parcours dans l'ordre, pour chaque système. Ce qui compte est
# la **destination** et l'**usage**, pas le fait qu'il y ait de l'IA.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Relisez l'article 5, point f (les émotions au travail), et l'annexe III, point 5, d (le tri
# aux urgences) dans la liste des textes de l'explorateur. Une application grand public peut
# être un dispositif médical : que promet-elle ?
# </details>

# %% answer="categories"
categories = {"tri_urgences": ..., "emotions_soignants": ..., "absences_rdv": ..., "grain_de_beaute": ...}
### BEGIN SOLUTION
categories = {"tri_urgences": "haut risque", "emotions_soignants": "interdit",
              "absences_rdv": "minimal", "grain_de_beaute": "haut risque"}
### END SOLUTION

# %% tests="categories" points=3
# Vérification de la question 1 : exécutez cette cellule.
checks.check_choices(
    categories,
    name="categories",
    options=["interdit", "haut risque", "transparence", "minimal"],
    digests={
        "tri_urgences": "2676137615f93cb5",
        "emotions_soignants": "6e40670a56f4b2cf",
        "absences_rdv": "13f8738e0b10feff",
        "grain_de_beaute": "2730190b23ed3686",
    },
    mistakes={
        "tri_urgences": [
            checks.Mistake(None, "ce logiciel n'est peut-être pas un dispositif médical, mais son "
                           "usage l'est de l'annexe III : le tri des patients aux urgences "
                           "(point 5, d) fait un système à haut risque.",
                           digest="e2c5ec9e2dad4256"),
        ],
        "emotions_soignants": [
            checks.Mistake(None, "reconnaître les émotions de personnes sur leur lieu de travail "
                           "n'est pas seulement risqué : c'est une pratique interdite (article 5, "
                           "point f), sauf pour des raisons médicales ou de sécurité, ce que "
                           "n'est pas évaluer l'engagement.",
                           digest="694f4377e529892f"),
            checks.Mistake(None, "regardez d'abord la première question du parcours : la "
                           "pratique est-elle interdite ?",
                           digest="587f56b53716c1c7"),
        ],
        "absences_rdv": [
            checks.Mistake(None, "« IA en santé = haut risque » est faux : ce modèle n'a pas de "
                           "finalité médicale (pas un dispositif) et ne décide pas du droit aux "
                           "soins ni d'un tri d'urgence (pas d'annexe III).",
                           digest="16a326a4fa867b3a"),
            checks.Mistake(None, "la transparence de l'article 50 vise les systèmes qui "
                           "dialoguent avec des personnes ou génèrent du contenu ; celui-ci ne "
                           "parle à personne : c'est le secrétariat qui appelle.",
                           digest="848cf35692cfefc0"),
        ],
        "grain_de_beaute": [
            checks.Mistake(None, "une application grand public peut être un dispositif médical : "
                           "détecter un mélanome est une destination médicale ; en classe IIa, "
                           "un organisme notifié la vérifie, d'où le haut risque (article 6, "
                           "paragraphe 1).",
                           digest="f368ad34301aa9a7"),
            checks.Mistake(None, "vous l'avez classée comme une application qui dialogue ; "
                           "mais d'abord : détecter un mélanome est une destination médicale, et "
                           "en classe IIa elle passe par un organisme notifié.",
                           digest="d8117dddd560de51"),
        ],
    },
    success="la catégorie ne dépend pas de la technique (toutes ont de l'IA) mais de la "
    "destination et de l'usage : un tri d'urgence, un diagnostic, une surveillance des émotions "
    "au travail, une simple aide au secrétariat.",
)
### BEGIN HIDDEN TESTS
checks.check_choices(
    categories,
    name="categories",
    options=["interdit", "haut risque", "transparence", "minimal"],
    expected={
        "tri_urgences": "haut risque",
        "emotions_soignants": "interdit",
        "absences_rdv": "minimal",
        "grain_de_beaute": "haut risque",
    },
)
### END HIDDEN TESTS

# %% mistake="categories"
# message : IA en santé = haut risque » est faux
categories = {"tri_urgences": "haut risque", "emotions_soignants": "interdit",
              "absences_rdv": "haut risque", "grain_de_beaute": "haut risque"}

# %% mistake="categories"
# message : une application grand public peut être un dispositif médical
categories = {"tri_urgences": "haut risque", "emotions_soignants": "interdit",
              "absences_rdv": "minimal", "grain_de_beaute": "minimal"}

# %% mistake="categories"
# message : c'est une pratique interdite (article 5
categories = {"tri_urgences": "haut risque", "emotions_soignants": "haut risque",
              "absences_rdv": "minimal", "grain_de_beaute": "haut risque"}

# %% mistake="categories"
# message : le tri des patients aux urgences
categories = {"tri_urgences": "minimal", "emotions_soignants": "interdit",
              "absences_rdv": "minimal", "grain_de_beaute": "haut risque"}

# %% [markdown]
# ## 3. La classe d'un logiciel : la règle 11
#
# La classe décide de tout le reste : en classe I, pas d'organisme notifié et pas de haut
# risque par le MDR ; à partir de la classe IIa, les deux. La règle 11 regarde ce que le
# logiciel fait et la **gravité** de ce qu'une erreur peut entraîner.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : la règle 11 et ce que vérifie l'organisme notifié.
montrer("MDR règle 11", "MDR 52")

# %% [markdown]
# ### Question 2 — Trouver la classe (2 points)
#
# Cinq logiciels sont des dispositifs médicaux. Pour chacun, écrivez entre guillemets sa
# classe par la règle 11 : `"I"`, `"IIa"`, `"IIb"` ou `"III"`.
#
# - **ecg** : il propose au médecin une interprétation de l'électrocardiogramme ; d'après
#   l'analyse de risque du fabricant, une erreur peut retarder un traitement, sans détérioration
#   grave ni irréversible de l'état de santé.
# - **dose_insuline** : il propose la dose d'insuline ; une erreur peut entraîner une
#   détérioration grave (hypoglycémie sévère), mais pas irréversible.
# - **tumeur_cerebrale** : il indique au chirurgien où passe la limite d'une tumeur du cerveau
#   pour décider de ce qu'il retire ; une erreur peut causer la mort ou une lésion
#   irréversible.
# - **saturation_rea** : en réanimation, il surveille la saturation en oxygène et ses
#   variations peuvent exposer le patient à un danger immédiat.
# - **journal_douleur** : il aide un patient à tenir le journal de ses douleurs pour son
#   médecin, sans rien calculer ni interpréter, ni surveiller de processus physiologique.
#
# <details><summary>Indice 1</summary>
#
# La règle 11 a trois parties : les logiciels qui informent une décision (diagnostic,
# traitement), ceux qui surveillent des processus physiologiques, et « tout autre logiciel ».
# </details>
#
# <details><summary>Indice 2</summary>
#
# Informer une décision : IIa, sauf si la décision peut causer une détérioration grave (IIb) ou
# la mort, une détérioration irréversible (III). Surveiller : IIa, ou IIb pour des paramètres
# vitaux dont les variations exposent à un danger immédiat. Le reste : I.
# </details>

# %% answer="classes_mdr"
classes_mdr = {"ecg": ..., "dose_insuline": ..., "tumeur_cerebrale": ..., "saturation_rea": ...,
               "journal_douleur": ...}
### BEGIN SOLUTION
classes_mdr = {"ecg": "IIa", "dose_insuline": "IIb", "tumeur_cerebrale": "III",
               "saturation_rea": "IIb", "journal_douleur": "I"}
### END SOLUTION

# %% tests="classes_mdr" points=2
# Vérification de la question 2 : exécutez cette cellule.
checks.check_choices(
    classes_mdr,
    name="classes_mdr",
    options=["I", "IIa", "IIb", "III"],
    digests={
        "ecg": "4f004a51eb9b72bf",
        "dose_insuline": "6bd3bfc526efa660",
        "tumeur_cerebrale": "ca871a0965096170",
        "saturation_rea": "51f5fae9898eefab",
        "journal_douleur": "65d7ab54df2eec8a",
    },
    mistakes={
        "ecg": [
            checks.Mistake(None, "un logiciel qui fournit des informations pour décider d'un "
                           "diagnostic n'est jamais de classe I : la règle 11 le met au moins en "
                           "IIa, même s'il ne fait que « proposer » au médecin.",
                           digest="88ac07d5c9282b83"),
            checks.Mistake(None, "la classe monte avec la gravité de ce qu'une erreur peut "
                           "entraîner ; ici, ni détérioration grave ni irréversible.",
                           digest="4179e6a145ecbbe1"),
        ],
        "dose_insuline": [
            checks.Mistake(None, "vous n'avez pas regardé la gravité : une décision qui peut "
                           "entraîner une détérioration grave de l'état de santé fait monter la "
                           "classe au-dessus de IIa.",
                           digest="b0ec0b449d26693f"),
            checks.Mistake(None, "grave n'est pas irréversible : relisez les deux exceptions de "
                           "la règle 11.",
                           digest="7aab3971a1ff91ee"),
        ],
        "tumeur_cerebrale": [
            checks.Mistake(None, "une décision qui peut causer la mort ou une détérioration "
                           "irréversible met le logiciel dans la classe la plus haute.",
                           digest="1aa13b15dfd4e100"),
        ],
        "saturation_rea": [
            checks.Mistake(None, "surveiller des paramètres vitaux dont les variations exposent "
                           "à un danger immédiat fait monter la classe d'un cran au-dessus de "
                           "la surveillance ordinaire.",
                           digest="a71984cb7ac855e9"),
        ],
        "journal_douleur": [
            checks.Mistake(None, "ce logiciel n'informe aucune décision et ne surveille rien : "
                           "il tombe dans « tout autre logiciel ».",
                           digest="0a15250827c12d61"),
        ],
    },
    success="la règle 11 met presque tout logiciel qui aide à décider en IIa ou au-dessus : "
    "organisme notifié, et donc haut risque au sens du règlement sur l'IA.",
)
### BEGIN HIDDEN TESTS
checks.check_choices(
    classes_mdr,
    name="classes_mdr",
    options=["I", "IIa", "IIb", "III"],
    expected={"ecg": "IIa", "dose_insuline": "IIb", "tumeur_cerebrale": "III",
              "saturation_rea": "IIb", "journal_douleur": "I"},
)
### END HIDDEN TESTS

# %% mistake="classes_mdr"
# message : n'est jamais de classe I
classes_mdr = {"ecg": "I", "dose_insuline": "IIb", "tumeur_cerebrale": "III",
               "saturation_rea": "IIb", "journal_douleur": "I"}

# %% mistake="classes_mdr"
# message : vous n'avez pas regardé la gravité
classes_mdr = {"ecg": "IIa", "dose_insuline": "IIa", "tumeur_cerebrale": "III",
               "saturation_rea": "IIb", "journal_douleur": "I"}

# %% mistake="classes_mdr"
# message : paramètres vitaux dont les variations exposent
classes_mdr = {"ecg": "IIa", "dose_insuline": "IIb", "tumeur_cerebrale": "III",
               "saturation_rea": "IIa", "journal_douleur": "I"}

# %% [markdown]
# ## 4. Qui doit quoi : le fournisseur et l'hôpital
#
# Prenons l'alerte de sepsis de l'explorateur : un éditeur la vend, un hôpital l'utilise. Le
# règlement sur l'IA répartit les devoirs entre eux.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : les devoirs du fournisseur, du déployeur, et le contrôle humain.
montrer("IA 16", "IA 26", "IA 14", "IA 4")

# %% [markdown]
# ### Question 3 — Fournisseur, déployeur ou les deux ? (2 points)
#
# Pour chaque devoir, écrivez entre guillemets `"fournisseur"`, `"deployeur"` ou
# `"les deux"`.
#
# - **marquage_ce** : faire évaluer la conformité du système et apposer le marquage CE.
# - **systeme_qualite** : tenir un système de gestion de la qualité et la documentation
#   technique.
# - **controle_humain** : désigner, pour surveiller les alertes, des soignants compétents,
#   formés, qui ont l'autorité de passer outre.
# - **notice** : utiliser le système comme le prévoit sa notice d'utilisation (par exemple, pas
#   chez l'enfant si la notice l'exclut).
# - **representants** : informer les représentants du personnel et les soignants concernés
#   avant la mise en service.
# - **maitrise** : prendre des mesures pour que le personnel maîtrise l'IA qu'il utilise.
#
# <details><summary>Indice 1</summary>
#
# Le fournisseur répond de ce qu'il **fabrique et vend** ; le déployeur de la façon dont il
# l'**utilise**, dans ses services, avec ses équipes.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Article 16 : le fournisseur. Article 26 : le déployeur. Article 4 : relisez à qui il
# s'adresse.
# </details>

# %% answer="devoirs"
devoirs = {"marquage_ce": ..., "systeme_qualite": ..., "controle_humain": ..., "notice": ...,
           "representants": ..., "maitrise": ...}
### BEGIN SOLUTION
devoirs = {"marquage_ce": "fournisseur", "systeme_qualite": "fournisseur",
           "controle_humain": "deployeur", "notice": "deployeur", "representants": "deployeur",
           "maitrise": "les deux"}
### END SOLUTION

# %% tests="devoirs" points=2
# Vérification de la question 3 : exécutez cette cellule.
checks.check_choices(
    devoirs,
    name="devoirs",
    options=["fournisseur", "deployeur", "les deux"],
    digests={
        "marquage_ce": "27f10856fdf821f9",
        "systeme_qualite": "87c0c7fcd1d83a81",
        "controle_humain": "d8b9541bf777678a",
        "notice": "67fe271e7dcd48a4",
        "representants": "5dcea403bd2c1b0a",
        "maitrise": "426ecb874f190694",
    },
    mistakes={
        "marquage_ce": [
            checks.Mistake(None, "l'hôpital qui achète le logiciel ne l'évalue pas et n'y appose "
                           "pas le marquage CE : c'est le devoir de celui qui le met sur le "
                           "marché (article 16).", digest="6a58e65829a413d3"),
        ],
        "systeme_qualite": [
            checks.Mistake(None, "la documentation technique décrit comment le système a été "
                           "conçu et testé : seul celui qui l'a fabriqué peut la tenir.",
                           digest="1e7c9eef96022fc8"),
        ],
        "controle_humain": [
            checks.Mistake(None, "vous confondez concevoir et exercer le contrôle : le "
                           "fournisseur conçoit un système contrôlable (article 14), mais c'est "
                           "l'hôpital qui désigne les soignants qui le contrôlent (article 26, "
                           "paragraphe 2).", digest="ef6f1c72bc04a693"),
            checks.Mistake(None, "le fournisseur ne choisit pas les soignants d'un hôpital : il "
                           "conçoit le système, l'hôpital désigne ses équipes.",
                           digest="ae65b98426d2bb01"),
        ],
        "notice": [
            checks.Mistake(None, "le fournisseur écrit la notice ; la respecter est le devoir "
                           "de celui qui utilise le système.",
                           digest="56a8bd63595316f8"),
        ],
        "representants": [
            checks.Mistake(None, "le fournisseur n'emploie pas les soignants de l'hôpital : "
                           "informer le personnel revient à l'employeur qui met le système en "
                           "service.", digest="bbffafc3bca35d41"),
        ],
        "maitrise": [
            checks.Mistake(None, "l'article 4 ne vise pas que l'hôpital : il s'adresse aux "
                           "fournisseurs et aux déployeurs.",
                           digest="fb16f8493fd81508"),
            checks.Mistake(None, "l'article 4 ne vise pas que le fabricant : il s'adresse aux "
                           "fournisseurs et aux déployeurs.",
                           digest="3b118359209ab4f0"),
        ],
    },
    success="le fournisseur répond du produit (conformité, marquage CE, qualité) ; l'hôpital de "
    "son usage (notice, contrôle humain par des soignants formés, information du personnel) ; "
    "la maîtrise de l'IA est l'affaire des deux.",
)
### BEGIN HIDDEN TESTS
checks.check_choices(
    devoirs,
    name="devoirs",
    options=["fournisseur", "deployeur", "les deux"],
    expected={"marquage_ce": "fournisseur", "systeme_qualite": "fournisseur",
              "controle_humain": "deployeur", "notice": "deployeur",
              "representants": "deployeur", "maitrise": "les deux"},
)
### END HIDDEN TESTS

# %% mistake="devoirs"
# message : vous confondez concevoir et exercer le contrôle
devoirs = {"marquage_ce": "fournisseur", "systeme_qualite": "fournisseur",
           "controle_humain": "fournisseur", "notice": "deployeur", "representants": "deployeur",
           "maitrise": "les deux"}

# %% mistake="devoirs"
# message : n'y appose pas le marquage CE
devoirs = {"marquage_ce": "deployeur", "systeme_qualite": "fournisseur",
           "controle_humain": "deployeur", "notice": "deployeur", "representants": "deployeur",
           "maitrise": "les deux"}

# %% mistake="devoirs"
# message : l'article 4 ne vise pas que l'hôpital
devoirs = {"marquage_ce": "fournisseur", "systeme_qualite": "fournisseur",
           "controle_humain": "deployeur", "notice": "deployeur", "representants": "deployeur",
           "maitrise": "deployeur"}

# %% [markdown]
# ## 5. Le calendrier, et ce qui a changé en 2026
#
# Le règlement sur l'IA s'applique par étapes (article 113). En novembre 2025, la Commission
# européenne a proposé de reporter les règles du haut risque. Ce report a été **adopté** : c'est
# le règlement (UE) 2026/1744. Pour dater une obligation, on ne tient compte que des textes
# adoptés, jamais d'une simple proposition.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : le calendrier et le règlement qui l'a modifié.
montrer("IA 113", "UE 2026/1744", "IA 50", "IA 5")

# %% [markdown]
# ### Question 4 — Depuis quand, à partir de quand ? (2 points)
#
# Pour chaque obligation, écrivez entre guillemets la date à partir de laquelle elle s'applique,
# telle qu'elle est écrite dans la liste `options` de la vérification (par exemple
# `"2 août 2025"`).
#
# - **emotions** : l'interdiction de la question 1 (émotions des soignants au travail).
# - **agent_rdv** : l'agent de rendez-vous de l'explorateur doit dire qu'il est une IA.
# - **tri** : les devoirs de l'hôpital pour le logiciel de tri des urgences de la question 1.
# - **sepsis** : les devoirs de l'hôpital pour l'alerte de sepsis (dispositif de classe III).
#
# <details><summary>Indice 1</summary>
#
# Lisez le calendrier affiché au-dessus, dans sa version modifiée : trouvez d'abord la
# catégorie de chaque système, puis la date de cette catégorie.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Le tri des urgences est à haut risque par l'annexe III ; l'alerte de sepsis par l'annexe I
# (un dispositif médical). Ces deux voies n'ont pas la même date depuis le règlement
# (UE) 2026/1744.
# </details>

# %% answer="dates"
dates = {"emotions": ..., "agent_rdv": ..., "tri": ..., "sepsis": ...}
### BEGIN SOLUTION
dates = {"emotions": "2 février 2025", "agent_rdv": "2 août 2026", "tri": "2 décembre 2027",
         "sepsis": "2 août 2028"}
### END SOLUTION

# %% tests="dates" points=2
# Vérification de la question 4 : exécutez cette cellule.
checks.check_choices(
    dates,
    name="dates",
    options=["2 février 2025", "2 août 2025", "2 août 2026", "2 août 2027", "2 décembre 2027",
             "2 août 2028"],
    digests={
        "emotions": "f5c5e52a970874e2",
        "agent_rdv": "e61c2eae219b86ef",
        "tri": "f61c467bd2dc48cd",
        "sepsis": "4aae882505bb3a66",
    },
    mistakes={
        "emotions": [
            checks.Mistake(None, "les pratiques interdites n'ont pas attendu : elles ont été les "
                           "premières règles appliquées, avec la maîtrise de l'IA.",
                           digest="eee7a3b6290f1e7d"),
        ],
        "agent_rdv": [
            checks.Mistake(None, "le report de 2026 ne vise que le haut risque : la transparence "
                           "de l'article 50 n'a pas été reportée.",
                           digest="c4a6023692e306ba"),
        ],
        "tri": [
            checks.Mistake(None, "c'était la date du texte de 2024 ; le règlement (UE) 2026/1744, "
                           "adopté, a reporté les règles du haut risque de l'annexe III.",
                           digest="5aa827610fe36a74"),
            checks.Mistake(None, "vous avez pris la date de l'annexe I (dispositifs médicaux) ; le "
                           "tri des urgences est à haut risque par l'annexe III.",
                           digest="542f83db91c640d0"),
        ],
        "sepsis": [
            checks.Mistake(None, "c'était la date du texte de 2024 pour les dispositifs médicaux ; "
                           "le règlement (UE) 2026/1744, adopté, l'a reportée.",
                           digest="94f40965571f930d"),
            checks.Mistake(None, "vous avez pris la date de l'annexe III ; l'alerte de sepsis est "
                           "à haut risque parce que c'est un dispositif médical (annexe I).",
                           digest="0f2267d4653238df"),
        ],
    },
    success="interdictions et maîtrise de l'IA d'abord, puis la transparence, puis le haut "
    "risque, en deux temps depuis le report adopté en 2026 : l'annexe III, puis les dispositifs "
    "médicaux.",
)
### BEGIN HIDDEN TESTS
checks.check_choices(
    dates,
    name="dates",
    options=["2 février 2025", "2 août 2025", "2 août 2026", "2 août 2027", "2 décembre 2027",
             "2 août 2028"],
    expected={"emotions": "2 février 2025", "agent_rdv": "2 août 2026",
              "tri": "2 décembre 2027", "sepsis": "2 août 2028"},
)
### END HIDDEN TESTS

# %% mistake="dates"
# message : c'était la date du texte de 2024 pour les dispositifs médicaux
dates = {"emotions": "2 février 2025", "agent_rdv": "2 août 2026", "tri": "2 décembre 2027",
         "sepsis": "2 août 2027"}

# %% mistake="dates"
# message : la transparence de l'article 50 n'a pas été reportée
dates = {"emotions": "2 février 2025", "agent_rdv": "2 décembre 2027", "tri": "2 décembre 2027",
         "sepsis": "2 août 2028"}

# %% mistake="dates"
# message : vous avez pris la date de l'annexe I
dates = {"emotions": "2 février 2025", "agent_rdv": "2 août 2026", "tri": "2 août 2028",
         "sepsis": "2 août 2028"}

# %% [markdown]
# ## À retenir
#
# - C'est la **destination** annoncée par le fabricant qui fait d'un logiciel un dispositif
#   médical ; une application de bien-être n'en est pas un.
# - La **règle 11** met presque tout logiciel qui aide à décider en classe IIa ou plus : un
#   organisme notifié le vérifie, et le système d'IA est alors **à haut risque**.
# - Le haut risque vient aussi de l'**usage** (annexe III : accès aux soins, tri des
#   urgences) ; l'IA n'est pas à haut risque d'office.
# - Le **fournisseur** répond du produit, le **déployeur** (l'hôpital) de son usage, dont le
#   **contrôle humain** par des soignants formés qui peuvent passer outre.
# - On date une obligation d'après les textes **adoptés** : depuis le règlement (UE)
#   2026/1744, les règles du haut risque n'ont pas encore commencé à s'appliquer.

# %% [markdown]
# ## Après la séance
#
# ### Réflexion — Quelle garantie humaine doit-on au patient ? (3 points, corrigée par l'enseignant)
#
# En 10 à 15 lignes, depuis votre futur métier : un hôpital met en service l'alerte de sepsis
# de l'explorateur. Quelle garantie **humaine** doit-il au patient ? Dites ce que le droit
# exige (avec au moins deux articles) et ce qu'il n'exige pas mais que vous jugez dû ; dites
# ce qui change, ou ne change pas, pendant que les règles du haut risque ne s'appliquent pas
# encore.

# %% [markdown] written="reflexion_garantie_humaine" points=3
# ### BEGIN SOLUTION
# *Guide de correction (enseignants ; retiré de la version étudiante).* Trois critères, chacun
# noté **0**, **un demi** ou **1** point.
#
# **Critère 1 — Ce que le droit exige, avec les bons articles**,
# valeur V5 — Utilisation responsable et éclairée.
#
# - **1** : au moins deux obligations justes avec leur article : contrôle humain exercé par
#   des personnes compétentes, formées, qui ont l'autorité de passer outre (article 26,
#   paragraphe 2, et article 14) ; usage conforme à la notice (article 26, paragraphe 1) ;
#   surveillance et signalement des incidents ; maîtrise de l'IA du personnel (article 4) ;
#   information du patient sur l'usage d'un dispositif appris sur des données massives (code
#   de la santé publique, article L. 4001-3, module 09). Les devoirs du fournisseur et ceux de
#   l'hôpital ne sont pas confondus.
# - **un demi** : une seule obligation juste, ou des obligations sans article, ou un devoir du
#   fournisseur attribué à l'hôpital (marquage CE).
# - **0** : aucune obligation juste.
#
# **Critère 2 — Le calendrier, tel qu'il est adopté.**
#
# - **1** : la copie dit que les devoirs du haut risque (articles 14 et 26) ne s'appliquent
#   à ce dispositif qu'à partir de la date reportée par le règlement (UE) 2026/1744 (annexe I),
#   et que cela ne dispense de rien : le MDR s'applique déjà (marquage CE, organisme notifié),
#   la maîtrise de l'IA (article 4) aussi, ainsi que la déontologie et la responsabilité du
#   soignant.
# - **un demi** : la date est juste mais la copie en conclut que rien n'est dû en attendant, ou la
#   copie cite la date du texte de 2024 ou celle de la proposition comme si elle valait.
# - **0** : calendrier absent ou faux.
#
# **Critère 3 — Ce qui est dû au-delà du droit**,
# valeur V1 — Priorité à la relation humaine.
#
# - **1** : une garantie concrète et argumentée : un soignant examine le patient avant d'agir
#   sur l'alerte ; il peut ne pas la suivre et le note ; le patient est informé en mots simples ;
#   le biais d'automatisation est connu de l'équipe (module 09) ; une alerte n'est pas un
#   diagnostic. La copie ne conclut ni « l'IA décide » ni « il faut l'ignorer ».
# - **un demi** : une garantie vague (« garder l'humain dans la boucle ») sans dire qui, quand ni
#   comment.
# - **0** : rien au-delà du droit, ou une position sans argument.
#
# **Copie exemple** (étudiante infirmière), notée **un point et demi sur 3** :
#
# > « L'hôpital doit confier la surveillance des alertes à des soignants formés qui peuvent
# > passer outre (article 26). Le fabricant a dû faire certifier son logiciel par un organisme
# > notifié. Ces règles ne s'appliquent pas encore, donc pour l'instant l'hôpital n'a pas
# > d'obligation. Je pense qu'une infirmière doit toujours aller voir le patient avant
# > d'appeler le médecin, et noter si elle n'est pas d'accord avec l'alerte. »
#
# Notation : critère 1, **un demi** (une obligation de l'hôpital avec son article ; le marquage
# est bien attribué au fabricant, mais une seule obligation du déployeur) ; critère 2,
# **0** (« pas d'obligation » oublie le MDR et l'article 4, qui s'appliquent déjà) ; critère 3,
# **1** (garantie concrète : qui, quand, et la trace écrite).
# ### END SOLUTION

# %% [markdown]
# ### Pour aller plus loin
#
# - **Les deux textes ensemble.** Pour un dispositif médical à haut risque, l'évaluation de la
#   conformité au titre du règlement sur l'IA se fait dans la procédure du MDR, avec le même
#   organisme notifié : un seul certificat, deux séries d'exigences.
# - **L'exception de l'article 6, paragraphe 3.** Un système de l'annexe III qui ne fait qu'une
#   tâche procédurale étroite ou préparatoire peut échapper au haut risque, jamais s'il établit
#   le profil de personnes.
# - **Le droit français.** L'information du patient quand un dispositif médical appris sur des
#   données massives est utilisé : module 09 (code de la santé publique, article L. 4001-3).

# %% [markdown]
# ## Sources
#
# Textes résumés dans ce module (liens dans la bibliothèque du cours, `esn_teach.law`) :
#
# - Règlement (UE) 2024/1689 du Parlement européen et du Conseil du 13 juin 2024 établissant
#   des règles harmonisées concernant l'intelligence artificielle : articles 3, 4, 5, 6, 14,
#   16, 26, 50, 113, annexes I et III. EUR-Lex.
# - Règlement (UE) 2026/1744 du Parlement européen et du Conseil du 8 juillet 2026 modifiant
#   le règlement (UE) 2024/1689 (omnibus numérique sur l'IA), Journal officiel de l'Union du
#   24 juillet 2026 ; proposition de la Commission COM(2025) 836 du 19 novembre 2025. EUR-Lex.
# - Règlement (UE) 2017/745 du Parlement européen et du Conseil du 5 avril 2017 relatif aux
#   dispositifs médicaux : article 2, point 1 ; considérant 19 ; article 52 ; annexe VIII,
#   règle 11 ; annexe IX. EUR-Lex.
# - Medical Device Coordination Group. MDCG 2019-11 : Guidance on qualification and
#   classification of software in Regulation (EU) 2017/745 – MDR and Regulation (EU)
#   2017/746 – IVDR, octobre 2019. Commission européenne.
