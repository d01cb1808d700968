# %% [markdown]
# # Module 13 — Règlement sur l'IA (AI Act) et dispositifs médicaux
#
# *Cours « IA et santé » — École de santé numérique, Université de Montpellier.*
#
# **Prérequis** : aucun calcul ; les modules 09 et 10 aident, sans être indispensables.
#
# ## Ce que vous saurez faire à la fin de ce module
#
# 1. Dire si un logiciel d'IA est un **dispositif médical** (sa destination) et trouver sa
#    **classe** par la règle 11 du MDR.
# 2. Classer un système d'IA selon le **règlement sur l'IA** : interdit, haut risque,
#    transparence, risque minimal.
# 3. Dire **qui doit quoi** : le fournisseur, le déployeur (l'hôpital).
# 4. **Dater** chaque obligation d'après les textes adoptés.
#
# **Ce que ça change pour vous, soignant, face à une alerte d'IA**
#
# - vous pouvez **ne pas la suivre** : examinez le patient ;
# - vous devez être **formé** à l'outil et l'utiliser **selon sa notice** ;
# - un **incident grave** se **signale** à la matériovigilance (correspondant de l'hôpital).
#
# <details><summary>Les valeurs de l'école et le CENS dans ce module</summary>
#
# **Les valeurs de l'école dans ce module**
# - **V1 — Priorité à la relation humaine** : au-delà du contrôle humain que la loi exige,
#   examiner le patient avant d'agir sur une alerte.
# - **V4 — Prudence, esprit critique et inclusivité** : dater une obligation d'après les
#   textes adoptés ; vérifier qu'une alerte marche aussi bien pour tous les patients.
# - **V5 — Utilisation responsable et éclairée** : utiliser un outil selon sa notice et le
#   comprendre (maîtrise de l'IA).
# - **V6 — Intégrité et transparence** : dire à une personne qu'elle échange avec une IA.
#
# **Cadre de l'éthique du numérique en santé (CENS)** : non-malfaisance (plus l'erreur est
# grave, plus le contrôle est strict), autonomie (savoir qu'on parle à une machine), justice
# et équité (un outil qui marche aussi bien pour tous les patients).
# </details>
#
# ## Mode d'emploi
#
# Exécutez les cellules **dans l'ordre** (Maj + Entrée). Pour répondre, remplacez **chaque**
# `...` (un par item : quatre ou cinq par question) par votre réponse entre guillemets
# **droits** `"…"` (touche 3 du clavier AZERTY), exécutez, puis exécutez la
# **« Vérification »**.
#
# <details><summary>Si un message d'erreur s'affiche</summary>
#
# « Python ne connaît pas le nom » : exécutez la cellule de réponse, ou mettez le mot entre
# guillemets ; `SyntaxError` : un guillemet manque ou n'est pas droit (jamais « » ni “ ”).
# </details>
#
# *Enseignement, pas un conseil juridique ; les textes sont résumés et datés. Tous les cas
# sont fictifs.*

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il charge les textes juridiques du cours et l'explorateur.
# Exécutez-le (Maj + Entrée).
from IPython.display import Markdown, display

from esn_teach import checks
from esn_teach.explorers import AiActPathExplorer
from esn_teach.law import LEGAL_FACTS_LAST_CHECKED, ai_system, reference


def montrer(*cles):
    """Affiche chaque texte : référence, date, résumé."""
    for cle in cles:
        ref = reference(cle)
        display(Markdown(f"**{ref.citation}** ({ref.date_label}) — *{ref.title}.* {ref.summary}"))


print(f"Textes résumés le {LEGAL_FACTS_LAST_CHECKED:%d/%m/%Y}. Dates du report de 2026 : "
      "communiqué du Conseil de l'UE du 29 juin 2026, relu le 07/12/2026.")

# %% [markdown] session="evaluation"
# **Ce qui diffère de la version formative.** Vos cas sont propres à votre copie ; les
# questions 3 et 4 en ont cinq (A à E) ; la question 4 vous donne, comme à tous, un modèle
# d'IA à usage général (sa ligne du calendrier, comme le cas `modele_texte` de la version
# formative), et chacune de ses cinq dates y sert une fois ; seul l'« Indice 1 » reste ; la
# vérification dit seulement si la réponse est
# bien écrite. La réflexion se rédige après la séance et se rend comme l'indique votre
# enseignant·e.

# %% [markdown]
# ## 1. Deux règlements, deux questions
#
# Un logiciel d'IA en santé peut relever **à la fois** de deux règlements européens.
#
# - Le **règlement (UE) 2017/745 sur les dispositifs médicaux** (MDR) demande : ce logiciel
#   a-t-il une **finalité médicale** pour des patients ? Si oui, c'est un **dispositif
#   médical** ; sa **classe** (I, IIa, IIb, III, du moins au plus risqué) dit qui vérifie sa
#   conformité avant le **marquage CE**.
# - Le **règlement (UE) 2024/1689 sur l'intelligence artificielle** (*AI Act*) classe les
#   systèmes d'IA selon le **risque** : quelques pratiques **interdites** ; des systèmes **à
#   haut risque**, très encadrés ; des obligations de **transparence** pour certains ; le
#   reste, à **risque minimal**.
#
# Deux acteurs : le **fournisseur** développe le système (ou le fait développer) et le met sur
# le marché ou en service sous son nom ; le **déployeur** l'utilise sous sa propre autorité
# dans un cadre professionnel, comme l'hôpital qui l'achète.
#
# Un **système d'IA** **déduit** des données qu'il reçoit des prédictions, recommandations ou
# décisions, avec une certaine autonomie, souvent par un **modèle** appris sur des exemples
# (le **réentraîner** : le faire apprendre de nouveau). Un logiciel qui applique seulement des
# règles fixées par des personnes (sonner sous un seuil) n'en est pas un ; une alerte dont
# le risque est **calculé par un modèle appris** en est un : c'est ce calcul appris qui fait
# l'IA, pas le seuil.
#
# Retenez le mot **destination** (notice, publicité du fabricant) : c'est elle, pas
# la technique, qui fait d'un logiciel un dispositif médical ; un logiciel destiné au sport
# ou au bien-être n'en est pas un.
#
# ## 2. Le parcours de classification
#
# Cinq étapes, toujours dans cet ordre :
#
# 1. Est-ce une **pratique interdite** (article 5) ? Si oui, le parcours s'arrête.
# 2. Est-ce un **dispositif médical** par sa destination ?
# 3. Si oui, quelle **classe** par la **règle 11** (section 3) ? En classe IIa, IIb ou III, un
#    **organisme notifié** (indépendant, désigné par un État) le vérifie : il est **à haut
#    risque**. En classe I, pas de haut risque par cette voie.
# 4. Son **usage** est-il l'un de ceux de l'**annexe III** ? Si oui : **haut risque**, sauf
#    **tâche procédurale étroite**.
# 5. **Dialogue**-t-il avec des personnes, ou **génère**-t-il du contenu ? Si oui :
#    **transparence** (article 50), en plus des autres (exception : voir le détail).
#
# <details><summary>Le détail des étapes 1, 3, 4 et 5 du parcours (à ouvrir pour répondre)</summary>
#
# - **Étape 1, en santé** : manipuler une personne ou exploiter sa vulnérabilité en lui
#   causant un préjudice important (article 5, points a et b) ; reconnaître, à partir du
#   visage ou de la voix, les émotions d'une personne au travail ou à l'école, sauf raison
#   médicale ou de sécurité (point f).
# - **Étape 3** : le système d'IA est lui-même le dispositif, ou son composant de
#   sécurité ; en classe I (sauf cas particuliers), le fabricant déclare seul sa conformité.
# - **Étape 4, en santé** : évaluer, par ou pour une autorité publique, le droit d'une
#   personne aux prestations et services d'aide sociale essentiels, dont les soins (par
#   exemple l'allocation personnalisée d'autonomie), ou accorder, réduire, retirer ou
#   récupérer ces prestations ; évaluer le risque et fixer le
#   prix d'une assurance vie ou santé ; évaluer et classer les appels d'urgence ; trier les
#   patients aux urgences. Une **tâche procédurale étroite** (ranger des documents, repérer
#   des doublons), sans peser sur la décision et sans établir le profil de personnes, n'est
#   pas à haut risque.
# - **Étape 5** : pas de transparence due s'il est évident pour la personne qu'elle parle à
#   une machine ; un agent qui écrit ou parle comme une personne, au téléphone, sur un site
#   ou dans une application, ne l'est pas.
# - **Hors du parcours** : un **modèle d'IA à usage général** (qui sert à tout) n'est pas
#   lui-même un système qui répond à un utilisateur ; il a sa propre date (section 5).
# </details>
#
# ## 3. La classe d'un logiciel : la règle 11
#
# La règle 11 du MDR, résumée : ce que fait le logiciel, et la **gravité** d'une erreur.
#
# | Le logiciel est destiné à… | Classe |
# |---|---|
# | a) fournir des informations utilisées pour prendre des décisions de diagnostic ou de traitement | IIa ; **IIb** si ces décisions peuvent causer une détérioration grave de l'état de santé ou une intervention chirurgicale ; **III** si elles peuvent causer la mort ou une détérioration irréversible |
# | b) surveiller des processus physiologiques | IIa ; **IIb** s'il surveille des paramètres vitaux dont les variations peuvent exposer le patient à un danger immédiat |
# | c) tout autre usage | I |
#
# <details><summary>Ce que couvre une « détérioration grave de l'état de santé »</summary>
#
# Le MDR (article 2, point 58) le définit pour les essais cliniques ; ce cours l'applique
# par analogie à la règle 11 : une maladie ou une blessure qui met la vie en
# danger, une atteinte permanente d'une fonction ou d'une structure du corps, une
# hospitalisation ou sa prolongation, une intervention pour éviter ces atteintes, une
# maladie chronique.
# </details>
#
# <details><summary>Un exemple : l'alerte de sepsis, et une alarme de saturation</summary>
#
# L'alerte de sepsis lit les constantes pour **proposer un diagnostic** (partie a) ;
# un sepsis manqué peut tuer : classe III (lecture de ce cours ; la classe d'un produit réel
# dépend de sa notice). Un logiciel qui ne fait que **surveiller** une constante et sonner
# relève de la partie b : IIb au plus ; s'il sonne seulement sous un seuil réglé par
# l'équipe, ce n'est pas un système d'IA (section 1) : seul le MDR s'applique.
# </details>

# %% [markdown] session="formative"
# **Explorateur.** Choisissez d'abord l'**alerte de sepsis**, répondez aux cinq étapes du
# parcours (au
# clavier : Tab, puis flèches), puis cochez « Comparer avec l'analyse du cours ».

# %% session="formative"
explorateur = AiActPathExplorer()
explorateur

# %% [markdown] session="evaluation"
# **Explorateur.** Pour l'**alerte de sepsis**, répondez aux cinq étapes du parcours (au
# clavier : Tab,
# puis flèches), puis cochez « Comparer avec l'analyse du cours ». Les autres fiches sont
# dans la version formative, après la séance.

# %% session="evaluation"
explorateur = AiActPathExplorer([ai_system("alerte_sepsis")])
explorateur

# %% [markdown] session="formative"
# ### Question 1 — Classer quatre autres systèmes (3 points ; un item faux retire un tiers d'item)
#
# Pour chacun, écrivez entre guillemets droits sa catégorie : `"interdit"`, `"haut risque"`,
# `"transparence"` ou `"risque minimal"`.
#
# - **appels_samu** : au centre 15 (SAMU), un logiciel analyse ce que dit l'appelant et classe
#   l'appel : « à passer tout de suite au médecin régulateur » ou « peut attendre ». Par
#   hypothèse, ce n'est pas un dispositif médical : son éditeur le destine à organiser la
#   file des appels, pas au diagnostic.
# - **emotions_soignants** : une clinique analyse par caméra les émotions de ses infirmiers
#   pendant leur travail, pour évaluer leur engagement.
# - **absences_rdv** : un modèle repère les patients qui risquent de manquer leur rendez-vous ;
#   la secrétaire appelle ensuite elle-même chacun d'eux la veille.
# - **grain_de_beaute** : une application grand public dit à l'utilisateur si le grain de beauté
#   qu'il photographie est suspect de mélanome et lui conseille alors de consulter. Son éditeur
#   la destine au dépistage du mélanome (sa classe : règle 11, ci-dessus).
#
# <details><summary>Indice 1</summary>
#
# Suivez les cinq étapes du parcours dans l'ordre, pour chaque système. Ce qui compte est
# la **destination** et l'**usage**, pas le fait qu'il y ait de l'IA.
# </details>
#
# <details><summary>Indice 2</summary>
#
# La première étape du parcours qui reçoit un « oui » décide de la catégorie ; l'étape 5
# ajoute la transparence, elle ne remplace pas un haut risque. Pour une application grand
# public, demandez-vous ce qu'elle promet à l'utilisateur.
# </details>

# %% [markdown] session="evaluation"
# ### Question 1 — Classer quatre autres systèmes (3 points ; un item faux retire un tiers d'item)
#
# Vos quatre systèmes, **A** à **D**, sont affichés sous cette question : ils sont propres à
# votre copie (vos voisins en ont d'autres, dans un autre ordre). Pour chacun, écrivez entre
# guillemets droits sa catégorie : `"interdit"`, `"haut risque"`, `"transparence"` ou
# `"risque minimal"`. Tous ces systèmes sont des systèmes d'IA (article 3, point 1). Un
# système qui est un dispositif médical : sa classe par la règle 11, ci-dessus.
#
# <details><summary>Indice 1</summary>
#
# Suivez les cinq étapes du parcours dans l'ordre, pour chaque système. Ce qui compte est
# la **destination** et l'**usage**, pas le fait qu'il y ait de l'IA.
# </details>
#
# <details><summary>Indice 2</summary>
#
# La première étape du parcours qui reçoit un « oui » décide de la catégorie ; l'étape 5
# ajoute la transparence, elle ne remplace pas un haut risque. Pour une application grand
# public, demandez-vous ce qu'elle promet à l'utilisateur.
# </details>

# %% answer="categories" session="formative"
categories = {"appels_samu": ..., "emotions_soignants": ..., "absences_rdv": ..., "grain_de_beaute": ...}
### BEGIN SOLUTION
categories = {"appels_samu": "haut risque", "emotions_soignants": "interdit",
              "absences_rdv": "risque minimal", "grain_de_beaute": "haut risque"}
### END SOLUTION

# %% tests="categories" points=3 session="formative"
# Vérification de la question 1 : exécutez cette cellule.
checks.check_choices(
    categories,
    name="categories",
    options=["interdit", "haut risque", "transparence", "risque minimal"],
    digests={
        "appels_samu": "b7318d880fe347de",
        "emotions_soignants": "6e40670a56f4b2cf",
        "absences_rdv": "50e907efde0371ac",
        "grain_de_beaute": "2730190b23ed3686",
    },
    mistakes={
        "appels_samu": [
            checks.Mistake(None, "vous vous êtes arrêté à la destination ; or le parcours a une "
                           "étape sur l'usage, quelle que soit la destination : que fait ce "
                           "logiciel des appels d'urgence ?", digest="abfc6b136a7b35e5"),
            checks.Mistake(None, "le logiciel écoute l'appelant mais ne lui répond pas : il ne "
                           "dialogue avec personne. Reprenez le parcours dans l'ordre ; la "
                           "étape 5 vient en dernier.",
                           digest="83b2d03c094d701e"),
            checks.Mistake(None, "relisez les points de l'article 5 : aucun ne vise le classement "
                           "des appels ; passez aux étapes suivantes du parcours.",
                           digest="10d0d024e4d315d6"),
        ],
        "emotions_soignants": [
            checks.Mistake(None, "l'article 5, point f, vise la reconnaissance des émotions au "
                           "travail, avec deux exceptions : évaluer l'engagement des infirmiers "
                           "en est-il une ?", digest="694f4377e529892f"),
            checks.Mistake(None, "une caméra qui analyse des visages ne dialogue avec personne ; "
                           "reprenez le parcours dans l'ordre.",
                           digest="7203248db5b15702"),
            checks.Mistake(None, "vous avez sauté une étape : reprenez les cinq étapes du "
                           "parcours dans l'ordre, avec le texte de l'article 5.",
                           digest="d14d4726d29003a4"),
        ],
        "absences_rdv": [
            checks.Mistake(None, "« IA en santé = haut risque » est faux : ce modèle a-t-il une "
                           "finalité médicale pour un patient ? son usage figure-t-il à "
                           "l'annexe III ?", digest="16a326a4fa867b3a"),
            checks.Mistake(None, "la transparence de l'article 50 vise les systèmes qui "
                           "dialoguent avec des personnes ou génèrent du contenu ; relisez "
                           "l'énoncé : à qui ce modèle parle-t-il ?",
                           digest="848cf35692cfefc0"),
            checks.Mistake(None, "aucun point de l'article 5 ne vise un rappel de rendez-vous : "
                           "le modèle ne manipule personne et ne lit aucune émotion.",
                           digest="0671f863d56487bb"),
        ],
        "grain_de_beaute": [
            checks.Mistake(None, "une application grand public peut être un dispositif médical : "
                           "que promet-elle, et quelle classe lui donne la règle 11 (section 3) "
                           "si l'on manque un mélanome ?", digest="d13f560f942560e9"),
            checks.Mistake(None, "vous l'avez classée comme une application qui dialogue ; mais "
                           "l'étape 5 vient en dernier : relisez d'abord les étapes 2 et 3 "
                           "du parcours (sa destination, sa classe).",
                           digest="d8117dddd560de51"),
            checks.Mistake(None, "l'article 5 vise la manipulation et l'exploitation des "
                           "vulnérabilités ; conseiller de consulter n'en est pas une.",
                           digest="035cb62fa378bea4"),
        ],
    },
    success="la catégorie ne dépend pas de la technique (toutes ont de l'IA) mais de la "
    "destination et de l'usage : la régulation des appels d'urgence, un dépistage du mélanome "
    "(classe IIa au moins), une surveillance des émotions au travail, une simple aide au "
    "secrétariat.",
    points=3,
)
### BEGIN HIDDEN TESTS
checks.check_choices(
    categories,
    name="categories",
    options=["interdit", "haut risque", "transparence", "risque minimal"],
    expected={
        "appels_samu": "haut risque",
        "emotions_soignants": "interdit",
        "absences_rdv": "risque minimal",
        "grain_de_beaute": "haut risque",
    },
    points=3,
)
### END HIDDEN TESTS

# %% mistake="categories" session="formative"
# message : IA en santé = haut risque » est faux
categories = {"appels_samu": "haut risque", "emotions_soignants": "interdit",
              "absences_rdv": "haut risque", "grain_de_beaute": "haut risque"}

# %% mistake="categories" session="formative"
# message : une application grand public peut être un dispositif médical
categories = {"appels_samu": "haut risque", "emotions_soignants": "interdit",
              "absences_rdv": "risque minimal", "grain_de_beaute": "risque minimal"}

# %% mistake="categories" session="formative"
# message : avec deux exceptions : évaluer l'engagement
categories = {"appels_samu": "haut risque", "emotions_soignants": "haut risque",
              "absences_rdv": "risque minimal", "grain_de_beaute": "haut risque"}

# %% mistake="categories" session="formative"
# message : vous vous êtes arrêté à la destination
categories = {"appels_samu": "risque minimal", "emotions_soignants": "interdit",
              "absences_rdv": "risque minimal", "grain_de_beaute": "haut risque"}

# %% mistake="categories" session="formative"
# message : il ne dialogue avec personne
categories = {"appels_samu": "transparence", "emotions_soignants": "interdit",
              "absences_rdv": "risque minimal", "grain_de_beaute": "haut risque"}

# %% mistake="categories" session="formative"
# message : vous avez sauté une étape
categories = {"appels_samu": "haut risque", "emotions_soignants": "risque minimal",
              "absences_rdv": "risque minimal", "grain_de_beaute": "haut risque"}

# %% mistake="categories" session="formative"
# message : ne vise un rappel de rendez-vous
categories = {"appels_samu": "haut risque", "emotions_soignants": "interdit",
              "absences_rdv": "interdit", "grain_de_beaute": "haut risque"}

# %% jupyter={"source_hidden": true} session="evaluation"
# Vos cas : ils sont tirés à partir de votre identifiant (la même copie les retrouve à la
# correction) ; votre copie ne contient que les vôtres.
import textwrap

from esn_teach.datasets import AI_ACT_CARD_COUNTS, ai_act_cards
from esn_teach.law import draw_cards

graine = checks.student_seed("13")


def afficher_cartes(question):
    """Affiche les cartes tirées pour cette copie, sous leurs lettres, dans son ordre."""
    for lettre, texte in ai_act_cards(graine, question).items():
        texte = texte.replace(" ?", "\u00a0?")  # never a lone « ? » at a line start
        print(textwrap.fill(f"{lettre} : {texte}", width=90, subsequent_indent="    "))


tirage_q1 = draw_cards(graine, "categories", AI_ACT_CARD_COUNTS["categories"])
print("\nVos quatre systèmes (question 1) :")
afficher_cartes("categories")

# %% answer="categories" session="evaluation"
categories = {"A": ..., "B": ..., "C": ..., "D": ...}
### BEGIN SOLUTION
categories = tirage_q1.by_letter({
    "cas_1": ["haut risque", "haut risque", "risque minimal", "risque minimal"],
    "cas_2": ["haut risque", "haut risque", "transparence", "transparence"],
    "cas_3": ["interdit", "risque minimal", "interdit", "interdit", "risque minimal", "interdit"],
    "cas_4": ["risque minimal", "transparence", "risque minimal", "transparence", "transparence"],
})
### END SOLUTION

# %% tests="categories" points=3 session="evaluation"
# Vérification de la question 1 : exécutez cette cellule.
checks.check_form(categories, name="categories", kind="choices",
                  options=["interdit", "haut risque", "transparence", "risque minimal"],
                  items=["A", "B", "C", "D"])
### BEGIN HIDDEN TESTS
from esn_teach.datasets import AI_ACT_CARD_COUNTS as NOMBRES_Q1
from esn_teach.law import draw_cards as cartes_copie_q1

q1 = cartes_copie_q1(checks.student_seed("13", announce=False), "categories",
                     NOMBRES_Q1["categories"])
usage_q1 = {
    "risque minimal": (
        "vous vous êtes arrêté à la destination ; reprenez les cinq étapes du parcours dans "
        "l'ordre : l'étape 4 porte sur l'usage, quelle que soit la destination ; cet usage "
        "figure-t-il à l'annexe III ?"),
    "transparence": (
        "ce système ne dialogue avec personne et ne génère aucun contenu ; reprenez le parcours "
        "dans l'ordre : l'étape 5 vient en dernier."),
    "interdit": (
        "relisez les points de l'article 5 : aucun ne vise cet usage ; passez aux étapes "
        "suivantes du parcours."),
}
emotion_q1 = {
    "haut risque": (
        "l'article 5, point f, vise la reconnaissance des émotions au travail et à l'école, avec "
        "deux exceptions (raison médicale ou de sécurité) : ce système en relève-t-il ?"),
    "transparence": (
        "analyser des visages ou des voix, ce n'est pas dialoguer ; reprenez le parcours dans "
        "l'ordre, à sa première étape."),
    "risque minimal": (
        "vous avez sauté une étape : reprenez les cinq étapes du parcours dans l'ordre, avec "
        "le texte de l'article 5."),
}
dm_q1 = {
    "risque minimal": (
        "une application grand public peut être un dispositif médical : que promet-elle, et "
        "quelle classe lui donne la règle 11 (section 3) si l'on manque la maladie ?"),
    "transparence": (
        "vous l'avez classée comme une application qui dialogue ; mais l'étape 5 vient en "
        "dernier : relisez d'abord les étapes 2 et 3 du parcours (sa destination, sa classe)."),
    "interdit": (
        "aucun point de l'article 5 ne vise le fait de conseiller de consulter : ce n'est ni "
        "manipuler ni exploiter une vulnérabilité."),
}
minimal_q1 = {
    "haut risque": (
        "« IA en santé = haut risque » est faux : ce modèle a-t-il une finalité médicale pour un "
        "patient ? son usage figure-t-il à l'annexe III ?"),
    "transparence": (
        "la transparence de l'article 50 vise les systèmes qui dialoguent avec des personnes ou "
        "génèrent du contenu ; relisez l'énoncé : à qui ce modèle parle-t-il ?"),
    "interdit": (
        "aucun point de l'article 5 ne vise ce modèle : il ne manipule personne et ne lit aucune "
        "émotion."),
}
dialogue_q1 = {
    "risque minimal": (
        "relisez l'étape 5 du parcours : ce système dialogue-t-il avec des personnes ? "
        "L'article 50 demande alors de leur dire qu'elles échangent avec une IA."),
    "haut risque": (
        "« IA en santé = haut risque » est faux, et dialoguer ne fait pas un haut risque : ce "
        "système a-t-il une finalité médicale ? décide-t-il d'un droit, d'un prix ou d'une "
        "priorité de l'annexe III ?"),
    "interdit": (
        "renseigner ou orienter quelqu'un n'est ni manipuler ni exploiter personne : aucun point "
        "de l'article 5 ne le vise."),
}
hors_annexe_q1 = {
    "haut risque": (
        "ce système n'est pas un dispositif médical ; l'annexe III vise des usages précis "
        "(assurance vie ou santé, droit à une aide publique, appels d'urgence, tri des urgences), "
        "et un système qui n'accomplit qu'une tâche procédurale étroite, sans peser sur la "
        "décision, n'est pas à haut risque : qu'en est-il de celui-ci ?"),
    "transparence": (
        "ce système ne dialogue avec personne et ne génère aucun contenu ; relisez l'étape 5 "
        "du parcours et l'énoncé : à qui ce modèle parle-t-il ?"),
    "interdit": (
        "aucun point de l'article 5 ne vise cet usage : le modèle ne manipule personne et ne lit "
        "aucune émotion."),
}
bien_etre_q1 = {
    "haut risque": (
        "un logiciel n'est un dispositif médical que si son éditeur le destine à une fin "
        "médicale : que dit l'énoncé de sa destination ? Et son usage figure-t-il à l'annexe III ?"),
    "risque minimal": (
        "relisez l'étape 5 du parcours : ce système dialogue-t-il avec des personnes ? "
        "L'article 50 demande alors de leur dire qu'elles échangent avec une IA."),
    "interdit": (
        "aucun point de l'article 5 ne vise le fait de proposer des exercices : ce n'est ni "
        "manipuler ni exploiter personne."),
}
cles_q1 = {
    "cas_1": ["haut risque", "haut risque", "risque minimal", "risque minimal"],
    "cas_2": ["haut risque", "haut risque", "transparence", "transparence"],
    "cas_3": ["interdit", "risque minimal", "interdit", "interdit", "risque minimal", "interdit"],
    "cas_4": ["risque minimal", "transparence", "risque minimal", "transparence", "transparence"],
}
erreurs_q1 = {
    "cas_1": [usage_q1, usage_q1, hors_annexe_q1, hors_annexe_q1],
    "cas_2": [dm_q1, dm_q1, bien_etre_q1, bien_etre_q1],
    "cas_3": [emotion_q1, minimal_q1, emotion_q1, emotion_q1, minimal_q1, emotion_q1],
    "cas_4": [minimal_q1, dialogue_q1, minimal_q1, dialogue_q1, dialogue_q1],
}
checks.check_choices(
    categories, name="categories", points=3,
    options=("interdit", "haut risque", "transparence", "risque minimal"),
    expected=q1.by_letter(cles_q1),
    mistakes={lettre: [checks.Mistake(faux, message) for faux, message in erreurs.items()]
              for lettre, erreurs in q1.by_letter(erreurs_q1).items()},
    success="la catégorie ne dépend pas de la technique (tous ont de l'IA) mais de la "
    "destination et de l'usage : une reconnaissance des émotions au travail ou à l'école est "
    "interdite ; une application de dépistage est un dispositif médical de classe IIa au moins, "
    "donc à haut risque ; un usage de l'annexe III (appels d'urgence, assurance santé) aussi ; "
    "un outil sans finalité médicale est à risque minimal, ou tenu à la transparence s'il "
    "dialogue avec des personnes.")
### END HIDDEN TESTS

# %% mistake="categories" session="evaluation"
# message : ce système ne dialogue avec personne et ne génère aucun contenu
categories = tirage_q1.by_letter({
    "cas_1": "transparence",
    "cas_2": ["haut risque", "haut risque", "transparence", "transparence"],
    "cas_3": ["interdit", "risque minimal", "interdit", "interdit", "risque minimal", "interdit"],
    "cas_4": ["risque minimal", "transparence", "risque minimal", "transparence", "transparence"],
})

# %% mistake="categories" session="evaluation"
# message : aucun point de l'article 5 ne vise
categories = tirage_q1.by_letter({
    "cas_1": ["haut risque", "haut risque", "risque minimal", "risque minimal"],
    "cas_2": "interdit",
    "cas_3": ["interdit", "risque minimal", "interdit", "interdit", "risque minimal", "interdit"],
    "cas_4": ["risque minimal", "transparence", "risque minimal", "transparence", "transparence"],
})

# %% mistake="categories" session="evaluation"
# message : « IA en santé = haut risque » est faux
categories = tirage_q1.by_letter({
    "cas_1": ["haut risque", "haut risque", "risque minimal", "risque minimal"],
    "cas_2": ["haut risque", "haut risque", "transparence", "transparence"],
    "cas_3": ["interdit", "risque minimal", "interdit", "interdit", "risque minimal", "interdit"],
    "cas_4": ["haut risque"] * 5,
})

# %% [markdown] session="formative"
# ### Question 2 — Trouver la classe (2 points ; un item faux retire un tiers d'item)
#
# Ces quatre logiciels sont des dispositifs médicaux. Pour chacun, écrivez entre guillemets sa
# classe par la règle 11 : `"I"`, `"IIa"`, `"IIb"` ou `"III"`.
#
# - **acne** : à partir de photos du visage, il propose au médecin généraliste le degré d'une
#   acné légère à modérée, pour choisir entre deux crèmes. Une erreur prolonge de quelques
#   semaines des boutons, sans danger.
# - **fracture** : à partir des radiographies d'un poignet fracturé, il propose à
#   l'orthopédiste un plâtre seul ou une ostéosynthèse (broches, plaque vissée). Une erreur
#   fait opérer sans besoin, ou retarde une opération nécessaire.
# - **tumeur_cerebrale** : il trace pour le neurochirurgien la limite d'une tumeur du cerveau
#   collée à l'aire motrice, pour décider de ce qu'il retire. Une erreur peut laisser une
#   paralysie définitive.
# - **saturation_rea** : en réanimation, il suit en continu la saturation en oxygène (SpO2) de
#   patients intubés et ventilés, et sonne quand elle passe sous le seuil réglé par l'équipe ;
#   il ne donne aucune information de diagnostic ni de traitement : l'équipe décide seule.
#   Une saturation trop basse prive le cerveau d'oxygène en quelques minutes.
#
# <details><summary>Indice 1</summary>
#
# La règle 11 a trois parties : les logiciels qui informent une décision (diagnostic,
# traitement), ceux qui surveillent des processus physiologiques, et « tout autre logiciel ».
# </details>
#
# <details><summary>Indice 2</summary>
#
# Pour chaque logiciel : dans quelle partie de la règle entre-t-il ? Puis, dans cette partie,
# l'énoncé décrit-il une conséquence qui dépasse le cas général (grave ? définitive ?
# immédiate ?) ?
# </details>

# %% [markdown] session="evaluation"
# ### Question 2 — Trouver la classe (2 points ; un item faux retire la moitié d'un item)
#
# Vos quatre logiciels, **A** à **D**, sont affichés sous cette question (propres à votre
# copie) ; chacun finit par ce qu'entraîne une erreur (« grave » : l'encadré replié de la
# section 3). Ce sont des dispositifs médicaux, tous des parties a ou b de la règle 11. Pour
# chacun, écrivez entre guillemets sa classe par la règle 11 : `"IIa"`, `"IIb"` ou `"III"`.
#
# <details><summary>Indice 1</summary>
#
# La règle 11 a trois parties : les logiciels qui informent une décision (diagnostic,
# traitement), ceux qui surveillent des processus physiologiques, et « tout autre logiciel ».
# </details>
#
# <details><summary>Indice 2</summary>
#
# Pour chaque logiciel : dans quelle partie de la règle entre-t-il ? Puis, dans cette partie,
# l'énoncé décrit-il une conséquence qui dépasse le cas général (grave ? définitive ?
# immédiate ?) ?
# </details>

# %% answer="classes_mdr" session="formative"
classes_mdr = {"acne": ..., "fracture": ..., "tumeur_cerebrale": ..., "saturation_rea": ...}
### BEGIN SOLUTION
classes_mdr = {"acne": "IIa", "fracture": "IIb", "tumeur_cerebrale": "III",
               "saturation_rea": "IIb"}
### END SOLUTION

# %% tests="classes_mdr" points=2 session="formative"
# Vérification de la question 2 : exécutez cette cellule.
checks.check_choices(
    classes_mdr,
    name="classes_mdr",
    options=["I", "IIa", "IIb", "III"],
    digests={
        "acne": "0e3c19194e2470bf",
        "fracture": "106f049177d1f21f",
        "tumeur_cerebrale": "ca871a0965096170",
        "saturation_rea": "51f5fae9898eefab",
    },
    mistakes={
        "acne": [
            checks.Mistake(None, "relisez la première partie de la règle 11 : un logiciel qui "
                           "fournit des informations pour choisir un traitement peut-il tomber "
                           "dans « tout autre logiciel », même s'il ne fait que « proposer » ?",
                           digest="268e8030bf048f66"),
            checks.Mistake(None, "vous avez retenu une exception de la partie a de la règle "
                           "11 : relisez le pli « ce que couvre une détérioration grave » "
                           "(section 3), puis l'énoncé : en décrit-il une ?",
                           digest="c8b289d616e5b2b0"),
            checks.Mistake(None, "la classe III vise une erreur qui peut tuer ou laisser une "
                           "atteinte définitive : est-ce ce que décrit l'énoncé ?",
                           digest="84b21d1a2755d379"),
        ],
        "fracture": [
            checks.Mistake(None, "vous n'avez pas regardé la gravité : relisez les deux exceptions "
                           "de la partie a de la règle 11 (tableau de la section 3), puis "
                           "l'énoncé mot par mot.",
                           digest="f6d1e07261376a73"),
            checks.Mistake(None, "une ostéosynthèse de trop, ou une fracture à reprendre, n'est "
                           "ni la mort ni une atteinte irréversible ; relisez l'exception de la "
                           "règle 11 qui nomme l'intervention chirurgicale.",
                           digest="06f3f3916619d3b3"),
            checks.Mistake(None, "proposer d'opérer, c'est informer une décision de traitement : "
                           "relisez la première partie de la règle 11.",
                           digest="70b9d53e3bbbbd26"),
        ],
        "tumeur_cerebrale": [
            checks.Mistake(None, "vous avez lu le cas général de la première partie de la "
                           "règle 11 ; relisez ses exceptions : que laisse une marge trop "
                           "large ?", digest="71f8069b98c34d6a"),
            checks.Mistake(None, "vous avez retenu une détérioration grave ; relisez les deux "
                           "exceptions de la première partie de la règle 11 et l'énoncé : ce "
                           "qu'emporte une marge trop large se répare-t-il ?",
                           digest="1aa13b15dfd4e100"),
            checks.Mistake(None, "guider un geste chirurgical, c'est informer une décision de "
                           "traitement : relisez la première partie de la règle 11.",
                           digest="4299def909d90909"),
        ],
        "saturation_rea": [
            checks.Mistake(None, "relisez la deuxième partie de la règle 11 jusqu'au bout : son "
                           "exception a deux conditions ; l'énoncé les remplit-il toutes les "
                           "deux ?",
                           digest="a71984cb7ac855e9"),
            checks.Mistake(None, "ce logiciel ne donne aucune information pour un diagnostic ou "
                           "un traitement (l'énoncé le dit) : il surveille, comme l'écrit sa "
                           "destination (l'alerte de sepsis, elle, annonce une maladie probable, "
                           "donc informe un diagnostic). Or la deuxième partie de la règle 11 "
                           "(surveiller) ne monte jamais jusqu'à la classe III.",
                           digest="63e6d6073ff23655"),
            checks.Mistake(None, "suivre la saturation en continu, c'est surveiller un processus "
                           "physiologique : relisez la deuxième partie de la règle 11.",
                           digest="3246118b8f16cfcf"),
        ],
    },
    success="la règle 11 met presque tout logiciel qui aide à décider en IIa ou au-dessus : un "
    "organisme notifié le vérifie, et c'est ce qui fait d'un système d'IA un système à haut "
    "risque (article 6, paragraphe 1). Attention : l'alarme de saturation, "
    "qui compare une mesure à un seuil réglé par l'équipe sans rien interpréter, n'est pas un "
    "système d'IA (article 3, point 1, du règlement sur l'IA) : le MDR s'applique (classe IIb), "
    "le règlement sur l'IA non.",
    points=2,
)
### BEGIN HIDDEN TESTS
checks.check_choices(
    classes_mdr,
    name="classes_mdr",
    options=["I", "IIa", "IIb", "III"],
    expected={"acne": "IIa", "fracture": "IIb", "tumeur_cerebrale": "III",
              "saturation_rea": "IIb"},
    points=2,
)
### END HIDDEN TESTS

# %% mistake="classes_mdr" session="formative"
# message : peut-il tomber dans « tout autre logiciel »
classes_mdr = {"acne": "I", "fracture": "IIb", "tumeur_cerebrale": "III",
               "saturation_rea": "IIb"}

# %% mistake="classes_mdr" session="formative"
# message : vous n'avez pas regardé la gravité
classes_mdr = {"acne": "IIa", "fracture": "IIa", "tumeur_cerebrale": "III",
               "saturation_rea": "IIb"}

# %% mistake="classes_mdr" session="formative"
# message : son exception a deux conditions
classes_mdr = {"acne": "IIa", "fracture": "IIb", "tumeur_cerebrale": "III",
               "saturation_rea": "IIa"}

# %% mistake="classes_mdr" session="formative"
# message : ne monte jamais jusqu'à la classe III
classes_mdr = {"acne": "IIa", "fracture": "IIb", "tumeur_cerebrale": "III",
               "saturation_rea": "III"}

# %% mistake="classes_mdr" session="formative"
# message : vous avez lu le cas général
classes_mdr = {"acne": "IIa", "fracture": "IIb", "tumeur_cerebrale": "IIa",
               "saturation_rea": "IIb"}

# %% mistake="classes_mdr" session="formative"
# message : vous avez retenu une détérioration grave
classes_mdr = {"acne": "IIa", "fracture": "IIb", "tumeur_cerebrale": "IIb",
               "saturation_rea": "IIb"}

# %% mistake="classes_mdr" session="formative"
# message : la classe III vise une erreur qui peut tuer
classes_mdr = {"acne": "III", "fracture": "IIb", "tumeur_cerebrale": "III",
               "saturation_rea": "IIb"}

# %% mistake="classes_mdr" session="formative"
# message : qui nomme l'intervention chirurgicale
classes_mdr = {"acne": "IIa", "fracture": "III", "tumeur_cerebrale": "III",
               "saturation_rea": "IIb"}

# %% mistake="classes_mdr" session="formative"
# message : relisez le pli « ce que couvre une détérioration grave »
classes_mdr = {"acne": "IIb", "fracture": "IIb", "tumeur_cerebrale": "III",
               "saturation_rea": "IIb"}

# %% jupyter={"source_hidden": true} session="evaluation"
# Vos quatre logiciels, tirés à partir de votre identifiant.
tirage_q2 = draw_cards(graine, "classes_mdr", AI_ACT_CARD_COUNTS["classes_mdr"])
print("Vos quatre logiciels (question 2) :")
afficher_cartes("classes_mdr")

# %% answer="classes_mdr" session="evaluation"
classes_mdr = {"A": ..., "B": ..., "C": ..., "D": ...}
### BEGIN SOLUTION
classes_mdr = tirage_q2.by_letter({
    "cas_1": ["IIa", "IIb", "IIb", "IIa"],
    "cas_2": ["IIb", "III", "III", "IIb"],
    "cas_3": ["III", "IIa", "III", "IIa"],
    "cas_4": ["IIa", "IIb", "IIa", "IIb"],
})
### END SOLUTION

# %% tests="classes_mdr" points=2 session="evaluation"
# Vérification de la question 2 : exécutez cette cellule.
checks.check_form(classes_mdr, name="classes_mdr", kind="choices",
                  options=["IIa", "IIb", "III"], items=["A", "B", "C", "D"])
### BEGIN HIDDEN TESTS
from esn_teach.datasets import AI_ACT_CARD_COUNTS as NOMBRES_Q2
from esn_teach.law import draw_cards as cartes_copie_q2

q2 = cartes_copie_q2(checks.student_seed("13", announce=False), "classes_mdr",
                     NOMBRES_Q2["classes_mdr"])
general_q2 = {
    "IIb": (
        "d'après l'énoncé, une erreur entraîne-t-elle une détérioration grave de l'état de "
        "santé, ou une opération ? Relisez le cas général de la première partie de la règle 11."),
    "III": (
        "la classe III vise une erreur qui peut tuer ou laisser une atteinte définitive : est-ce "
        "ce que décrit l'énoncé ?"),
}
operation_q2 = {
    "IIa": (
        "vous n'avez pas regardé la gravité : relisez les deux exceptions de la première partie "
        "de la règle 11 ; que propose le logiciel ?"),
    "III": (
        "la classe III vise une erreur qui peut tuer ou laisser une atteinte définitive ; une "
        "opération de trop, ou retardée, n'en est pas une : relisez l'exception de la règle 11 "
        "qui nomme l'intervention chirurgicale."),
}
grave_q2 = {
    "IIa": (
        "vous n'avez pas regardé la gravité : relisez les deux exceptions de la première partie "
        "de la règle 11 ; que dit l'énoncé de ce qu'entraîne une erreur ?"),
    "III": (
        "la classe III vise une erreur qui peut tuer ou laisser une atteinte définitive ; "
        "l'énoncé les exclut : relisez la première exception de la première partie de la règle "
        "11."),
}
mort_q2 = {
    "IIa": (
        "vous avez lu le cas général : relisez les deux exceptions de la première partie de la "
        "règle 11 ; que peut entraîner une erreur, d'après l'énoncé ?"),
    "IIb": (
        "une erreur qui peut tuer ou laisser une atteinte définitive est-elle seulement grave ? "
        "Relisez la seconde exception de la première partie de la règle 11."),
}
vital_q2 = {
    "IIa": (
        "relisez la deuxième partie de la règle 11 jusqu'au bout : son exception vise des "
        "paramètres vitaux ; ce que décrit l'énoncé, est-ce un danger immédiat ?"),
    "III": (
        "ce logiciel ne donne aucune information pour un diagnostic ou un traitement (l'énoncé "
        "le dit) : il surveille. Or la deuxième partie de la règle 11 (surveiller) ne monte "
        "jamais jusqu'à la classe III."),
}
suivi_q2 = {
    "IIb": (
        "l'exception de la deuxième partie de la règle 11 vise des paramètres vitaux dont les "
        "variations exposent à un danger immédiat : est-ce ce que décrit l'énoncé ?"),
    "III": (
        "ce logiciel ne donne aucune information pour un diagnostic ou un traitement (l'énoncé "
        "le dit) : il surveille. Or la deuxième partie de la règle 11 (surveiller) ne monte "
        "jamais jusqu'à la classe III."),
}
cles_q2 = {
    "cas_1": ["IIa", "IIb", "IIb", "IIa"],
    "cas_2": ["IIb", "III", "III", "IIb"],
    "cas_3": ["III", "IIa", "III", "IIa"],
    "cas_4": ["IIa", "IIb", "IIa", "IIb"],
}
erreurs_q2 = {
    "cas_1": [general_q2, operation_q2, operation_q2, general_q2],
    "cas_2": [operation_q2, mort_q2, mort_q2, grave_q2],
    "cas_3": [mort_q2, general_q2, mort_q2, general_q2],
    "cas_4": [suivi_q2, vital_q2, suivi_q2, vital_q2],
}
checks.check_choices(
    classes_mdr, name="classes_mdr", points=2,
    options=("IIa", "IIb", "III"),
    expected=q2.by_letter(cles_q2),
    mistakes={lettre: [checks.Mistake(faux, message) for faux, message in erreurs.items()]
              for lettre, erreurs in q2.by_letter(erreurs_q2).items()},
    success="la règle 11 met presque tout logiciel qui aide à décider en IIa ou au-dessus, "
    "selon ce qu'une erreur peut entraîner : une opération, IIb ; la mort ou une atteinte "
    "définitive, III. Surveiller un processus physiologique, c'est IIa ; IIb s'il s'agit d'un "
    "paramètre vital dont la variation expose à un danger immédiat ; jamais III. Vérifié par un organisme notifié, un système d'IA en "
    "IIa ou au-dessus est à haut risque (article 6, paragraphe 1). Attention : une alarme qui "
    "compare une mesure à un seuil réglé par l'équipe, sans rien interpréter, n'est pas un "
    "système d'IA (article 3, point 1, du règlement sur l'IA) : le MDR s'applique, le "
    "règlement sur l'IA non.")
### END HIDDEN TESTS

# %% mistake="classes_mdr" session="evaluation"
# message : ne monte jamais jusqu'à la classe III
classes_mdr = tirage_q2.by_letter({
    "cas_1": ["IIa", "IIb", "IIb", "IIa"],
    "cas_2": ["IIb", "III", "III", "IIb"],
    "cas_3": ["III", "IIa", "III", "IIa"],
    "cas_4": ["III", "III", "III", "III"],
})

# %% mistake="classes_mdr" session="evaluation"
# message : relisez les deux exceptions de la première partie de la règle 11
classes_mdr = tirage_q2.by_letter({
    "cas_1": ["IIa", "IIb", "IIb", "IIa"],
    "cas_2": ["IIa", "IIa", "IIa", "IIa"],
    "cas_3": ["III", "IIa", "III", "IIa"],
    "cas_4": ["IIa", "IIb", "IIa", "IIb"],
})

# %% mistake="classes_mdr" session="evaluation"
# message : la classe III vise une erreur qui peut tuer
classes_mdr = tirage_q2.by_letter({
    "cas_1": ["III", "III", "III", "III"],
    "cas_2": ["IIb", "III", "III", "IIb"],
    "cas_3": ["III", "IIa", "III", "IIa"],
    "cas_4": ["IIa", "IIb", "IIa", "IIb"],
})

# %% [markdown] session="formative"
# ## 4. Qui doit quoi : le fournisseur et l'hôpital
#
# <details><summary>Les devoirs de chacun pour un système à haut risque (résumé, utile pour la réflexion)</summary>
#
# | Qui | Ses devoirs principaux |
# |---|---|
# | Le **fournisseur** (article 16) | rendre le système conforme (risques, données, contrôle humain, robustesse) ; faire évaluer la conformité (pour un dispositif médical, dans la procédure du MDR) et apposer le marquage CE |
# | Le **déployeur** (article 26) | l'utiliser selon sa notice ; confier le contrôle humain à des personnes compétentes, formées, ayant l'autorité nécessaire ; surveiller son fonctionnement, prévenir le fournisseur d'un incident grave, suspendre l'usage en cas de risque |
# </details>
#
# **Devenir fournisseur** (article 25). Qui met son nom sur un système à haut risque, ou y
# apporte une **modification substantielle**, en devient le fournisseur. Est substantielle
# (article 3, point 23) une modification que le fournisseur n'avait pas prévue dans
# l'évaluation initiale de la conformité (ce qu'elle a prévu, la notice le dit) et qui touche
# la conformité ou la destination du système ; elle impose une nouvelle évaluation
# (article 43, paragraphe 4).
#
# ### Question 3 — Fournisseur, déployeur ou les deux ? (2 points ; un item faux retire la moitié d'un item)
#
# Pour chaque cas, écrivez entre guillemets `"fournisseur"`, `"déployeur"` ou `"les deux"`.
#
# - **seuil** : en réanimation, l'équipe rend l'alerte plus sensible par un réglage que la
#   notice propose et que l'évaluation initiale a couvert, puis continue de l'utiliser. Quel
#   rôle a l'hôpital ?
# - **marque** : une centrale d'achat hospitalière achète l'alerte à l'éditeur, n'y change
#   rien et la revend à des hôpitaux sous son propre nom ; elle ne l'utilise pas.
# - **reentrainement** : l'hôpital, seul, réentraîne le modèle sur ses patients, ce que ni la
#   notice ni l'évaluation initiale ne prévoyaient et qui change ses performances, puis le
#   fait utiliser ainsi par ses équipes. Par hypothèse, l'alerte modifiée reste à haut
#   risque.
# - **chu_maison** : un CHU développe lui-même, sous son nom, un logiciel qui classe les
#   appels de son SAMU et le fait utiliser par ses propres assistants de régulation.
# - **liste_releve** : le cadre de santé fait imprimer chaque matin, pour la relève, la liste
#   des alertes de la nuit. La notice n'en parle pas ; rien ne change dans ce que l'alerte
#   lit, calcule ou affiche. Quel rôle a l'hôpital ?
#
# <details><summary>Indice 1</summary>
#
# Le fournisseur répond de ce qu'il **fabrique et met sur le marché ou en service** ; le
# déployeur de la façon dont il l'**utilise**, dans ses services, avec ses équipes.
# L'article 25 dit quand un autre acteur devient fournisseur.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Pour chaque cas, deux questions séparées. L'acteur utilise-t-il le système dans ses
# services ? A-t-il développé le système, mis son nom dessus, ou fait une modification
# substantielle : un changement que le fournisseur n'avait pas prévu **et** qui touche la
# conformité ou la destination du système (les deux conditions) ?
# </details>

# %% [markdown] session="evaluation"
# ## 4. Qui doit quoi : le fournisseur et l'hôpital
#
# <details><summary>Les devoirs de chacun pour un système à haut risque (résumé, utile pour la réflexion)</summary>
#
# | Qui | Ses devoirs principaux |
# |---|---|
# | Le **fournisseur** (article 16) | rendre le système conforme (risques, données, contrôle humain, robustesse) ; faire évaluer la conformité (pour un dispositif médical, dans la procédure du MDR) et apposer le marquage CE |
# | Le **déployeur** (article 26) | l'utiliser selon sa notice ; confier le contrôle humain à des personnes compétentes, formées, ayant l'autorité nécessaire ; surveiller son fonctionnement, prévenir le fournisseur d'un incident grave, suspendre l'usage en cas de risque |
# </details>
#
# **Devenir fournisseur** (article 25). Qui met son nom sur un système à haut risque, ou y
# apporte une **modification substantielle**, en devient le fournisseur. Est substantielle
# (article 3, point 23) une modification que le fournisseur n'avait pas prévue dans
# l'évaluation initiale de la conformité (ce qu'elle a prévu, la notice le dit) et qui touche
# la conformité ou la destination du système ; elle impose une nouvelle évaluation
# (article 43, paragraphe 4).
#
# ### Question 3 — Fournisseur, déployeur ou les deux ? (2 points ; un item faux retire la moitié d'un item)
#
# Vos cinq cas, **A** à **E**, sont affichés sous cette question (propres à votre copie). Pour
# chacun, écrivez entre guillemets `"fournisseur"`, `"déployeur"` ou `"les deux"` : le rôle de
# l'acteur que le cas désigne. Par hypothèse, tous ces systèmes sont à haut risque.
#
# <details><summary>Indice 1</summary>
#
# Le fournisseur répond de ce qu'il **fabrique et met sur le marché ou en service** ; le
# déployeur de la façon dont il l'**utilise**, dans ses services, avec ses équipes.
# L'article 25 dit quand un autre acteur devient fournisseur.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Pour chaque cas, deux questions séparées. L'acteur utilise-t-il le système dans ses
# services ? A-t-il développé le système, mis son nom dessus, ou fait une modification
# substantielle : un changement que le fournisseur n'avait pas prévu **et** qui touche la
# conformité ou la destination du système (les deux conditions) ?
# </details>

# %% answer="devoirs" session="formative"
devoirs = {"seuil": ..., "marque": ..., "reentrainement": ...,
           "chu_maison": ..., "liste_releve": ...}
### BEGIN SOLUTION
devoirs = {"seuil": "déployeur", "marque": "fournisseur",
           "reentrainement": "les deux", "chu_maison": "les deux",
           "liste_releve": "déployeur"}
### END SOLUTION

# %% tests="devoirs" points=2 session="formative"
# Vérification de la question 3 : exécutez cette cellule.
deux_roles = ("un acteur peut avoir un rôle ou deux : reprenez les deux définitions de la "
              "section 1 et l'article 25, une par une ; pour chacune, l'énoncé dit-il que cet "
              "acteur fait ce qu'elle décrit ?")
checks.check_choices(
    devoirs,
    name="devoirs",
    options=["fournisseur", "déployeur", "les deux"],
    digests={
        "seuil": "1827cf863d6f6c09",
        "marque": "20b1389c26d8a2ae",
        "reentrainement": "66a9415ec3a201e7",
        "chu_maison": "134521e5b01cd551",
        "liste_releve": "a9e7ef7eeb0151a9",
    },
    mistakes={
        "seuil": [
            checks.Mistake(None, "changer un réglage n'est pas toujours une modification "
                           "substantielle : relisez le critère de l'article 3, point 23. Ce "
                           "seuil, le fournisseur l'avait-il prévu et fait évaluer ?",
                           digest="743a08680692d416"),
            checks.Mistake(None, "relisez la définition du fournisseur et l'article 25 : "
                           "l'hôpital a-t-il développé le système, mis son nom dessus, ou fait "
                           "un changement non prévu qui touche sa conformité ou sa "
                           "destination ?",
                           digest="22e1aa7b7ab56786"),
        ],
        "marque": [
            checks.Mistake(None, "acheter un système ne fait pas un déployeur : le déployeur "
                           "l'utilise. Relisez l'article 25, paragraphe 1 : que fait la "
                           "centrale du système qu'elle revend ?", digest="1b345f877043cd15"),
            checks.Mistake(None, "relisez la définition du déployeur : la centrale "
                           "utilise-t-elle l'alerte dans ses services ?",
                           digest="59731baf5b7a8eaf"),
        ],
        "reentrainement": [
            checks.Mistake(None, "qu'a fait l'hôpital au système, et le fournisseur "
                           "l'avait-il prévu ? Relisez l'article 25 et le critère de "
                           "l'article 3, point 23 (section 4).", digest="ef36e42343f0faa6"),
            checks.Mistake(None, deux_roles, digest="b90e5d3c048926b6"),
        ],
        "chu_maison": [
            checks.Mistake(None, deux_roles, digest="2d921963e589fb57"),
            checks.Mistake(None, deux_roles, digest="39a457c7138bc3ee"),
        ],
        "liste_releve": [
            checks.Mistake(None, "la notice ne prévoit pas cette liste, c'est vrai ; mais une "
                           "modification n'est substantielle que si elle touche aussi la "
                           "conformité ou la destination du système (article 3, point 23) : "
                           "qu'est-ce qui change dans ce que l'alerte lit, calcule ou affiche ?",
                           digest="8a60c21f2e5807a9"),
            checks.Mistake(None, "relisez la définition du fournisseur et l'article 25 : "
                           "l'hôpital a-t-il développé l'alerte, mis son nom dessus ou fait une "
                           "modification substantielle ? Et l'utilise-t-il ?",
                           digest="d426e7e050fa4583"),
        ],
    },
    success="le fournisseur répond du produit : il en fait évaluer de nouveau la conformité "
    "après chaque modification substantielle (article 43, paragraphe 4), pas après un réglage "
    "qu'il avait prévu et fait évaluer ; le déployeur répond de son usage, et l'hôpital qui "
    "installe telle quelle une nouvelle version reste déployeur. On devient "
    "fournisseur en développant le système, en y mettant son nom ou en le modifiant "
    "substantiellement (article 25) ; qui le fait et l'utilise a les deux rôles.",
    points=2,
)
### BEGIN HIDDEN TESTS
checks.check_choices(
    devoirs,
    name="devoirs",
    options=["fournisseur", "déployeur", "les deux"],
    expected={"seuil": "déployeur", "marque": "fournisseur",
              "reentrainement": "les deux", "chu_maison": "les deux",
              "liste_releve": "déployeur"},
    points=2,
)
### END HIDDEN TESTS

# %% mistake="devoirs" session="formative"
# message : changer un réglage n'est pas toujours une modification substantielle
devoirs = {"seuil": "les deux", "marque": "fournisseur",
           "reentrainement": "les deux", "chu_maison": "les deux",
           "liste_releve": "déployeur"}

# %% mistake="devoirs" session="formative"
# message : acheter un système ne fait pas un déployeur
devoirs = {"seuil": "déployeur", "marque": "déployeur",
           "reentrainement": "les deux", "chu_maison": "les deux",
           "liste_releve": "déployeur"}

# %% mistake="devoirs" session="formative"
# message : la centrale utilise-t-elle l'alerte dans ses services
devoirs = {"seuil": "déployeur", "marque": "les deux",
           "reentrainement": "les deux", "chu_maison": "les deux",
           "liste_releve": "déployeur"}

# %% mistake="devoirs" session="formative"
# message : qu'a fait l'hôpital au système, et le fournisseur
devoirs = {"seuil": "déployeur", "marque": "fournisseur",
           "reentrainement": "déployeur", "chu_maison": "les deux",
           "liste_releve": "déployeur"}

# %% mistake="devoirs" session="formative"
# message : un acteur peut avoir un rôle ou deux
devoirs = {"seuil": "déployeur", "marque": "fournisseur",
           "reentrainement": "les deux", "chu_maison": "déployeur",
           "liste_releve": "déployeur"}

# %% mistake="devoirs" session="formative"
# message : mais une modification n'est substantielle que si elle touche aussi
devoirs = {"seuil": "déployeur", "marque": "fournisseur",
           "reentrainement": "les deux", "chu_maison": "les deux",
           "liste_releve": "les deux"}

# %% jupyter={"source_hidden": true} session="evaluation"
# Vos cinq cas, tirés à partir de votre identifiant.
tirage_q3 = draw_cards(graine, "devoirs", AI_ACT_CARD_COUNTS["devoirs"])
print("Vos cinq cas (question 3) :")
afficher_cartes("devoirs")

# %% answer="devoirs" session="evaluation"
devoirs = {"A": ..., "B": ..., "C": ..., "D": ..., "E": ...}
### BEGIN SOLUTION
devoirs = tirage_q3.by_letter({
    "cas_1": ["déployeur", "les deux", "les deux", "déployeur", "déployeur", "les deux"],
    "cas_2": ["déployeur", "les deux", "déployeur", "les deux", "déployeur", "les deux"],
    "cas_3": ["fournisseur", "déployeur", "fournisseur", "déployeur", "déployeur"],
    "cas_4": ["fournisseur", "les deux", "fournisseur", "les deux"],
    "cas_5": ["fournisseur", "déployeur", "fournisseur", "déployeur", "déployeur", "fournisseur"],
})
### END SOLUTION

# %% tests="devoirs" points=2 session="evaluation"
# Vérification de la question 3 : exécutez cette cellule.
checks.check_form(devoirs, name="devoirs", kind="choices",
                  options=["fournisseur", "déployeur", "les deux"],
                  items=["A", "B", "C", "D", "E"])
### BEGIN HIDDEN TESTS
from esn_teach.datasets import AI_ACT_CARD_COUNTS as NOMBRES_Q3
from esn_teach.law import draw_cards as cartes_copie_q3

q3 = cartes_copie_q3(checks.student_seed("13", announce=False), "devoirs",
                     NOMBRES_Q3["devoirs"])
deployeur_q3 = {
    "fournisseur": (
        "un acteur peut avoir un rôle ou deux, mais il faut un fait précis pour devenir "
        "fournisseur : relisez la définition du fournisseur et l'article 25 ; cet acteur a-t-il "
        "développé le système, mis son nom dessus, ou fait lui-même un changement que le "
        "fournisseur n'avait pas prévu ?"),
    "les deux": (
        "installer, régler selon la notice ou utiliser un système, est-ce le modifier "
        "substantiellement ? Relisez la définition de l'article 3, point 23 (section 4) : qui "
        "a fait la modification, s'il y en a une, et touche-t-elle la conformité ou la "
        "destination ?"),
}
fournisseur_q3 = {
    "déployeur": (
        "vendre un système ne fait pas un déployeur : le déployeur l'utilise. Relisez la "
        "définition du fournisseur et l'article 25, paragraphe 1 : sous quel nom ce système "
        "est-il vendu ?"),
    "les deux": (
        "relisez la définition du déployeur : cet acteur utilise-t-il le système dans ses "
        "services ?"),
}
deux_q3 = {
    "déployeur": (
        "qu'a fait cet acteur au système, et le fournisseur l'avait-il prévu ? Relisez la "
        "définition du fournisseur, l'article 25 et le critère de l'article 3, point 23 (section "
        "4)."),
    "fournisseur": (
        "un acteur peut avoir un rôle ou deux : reprenez les deux définitions de la section 1 et "
        "l'article 25, une par une ; pour chacune, l'énoncé dit-il que cet acteur fait ce "
        "qu'elle décrit ?"),
}
cles_q3 = {
    "cas_1": ["déployeur", "les deux", "les deux", "déployeur", "déployeur", "les deux"],
    "cas_2": ["déployeur", "les deux", "déployeur", "les deux", "déployeur", "les deux"],
    "cas_3": ["fournisseur", "déployeur", "fournisseur", "déployeur", "déployeur"],
    "cas_4": ["fournisseur", "les deux", "fournisseur", "les deux"],
    "cas_5": ["fournisseur", "déployeur", "fournisseur", "déployeur", "déployeur", "fournisseur"],
}
erreurs_q3 = {
    "cas_1": [deployeur_q3, deux_q3, deux_q3, deployeur_q3, deployeur_q3, deux_q3],
    "cas_2": [deployeur_q3, deux_q3, deployeur_q3, deux_q3, deployeur_q3, deux_q3],
    "cas_3": [fournisseur_q3, deployeur_q3, fournisseur_q3, deployeur_q3, deployeur_q3],
    "cas_4": [fournisseur_q3, deux_q3, fournisseur_q3, deux_q3],
    "cas_5": [fournisseur_q3, deployeur_q3, fournisseur_q3, deployeur_q3, deployeur_q3, fournisseur_q3],
}
checks.check_choices(
    devoirs, name="devoirs", points=2,
    options=("fournisseur", "déployeur", "les deux"),
    expected=q3.by_letter(cles_q3),
    mistakes={lettre: [checks.Mistake(faux, message) for faux, message in erreurs.items()]
              for lettre, erreurs in q3.by_letter(erreurs_q3).items()},
    success="le fournisseur répond du produit : il en fait évaluer de nouveau la conformité "
    "après chaque modification substantielle (article 43, paragraphe 4), pas après un réglage "
    "qu'il avait prévu et fait évaluer ; le déployeur répond de son usage, et l'établissement "
    "qui installe telle quelle une nouvelle version reste déployeur. On devient fournisseur en "
    "développant le système, en y mettant son nom ou en le modifiant substantiellement "
    "(article 25) ; qui le fait et l'utilise a les deux rôles.")
### END HIDDEN TESTS

# %% mistake="devoirs" session="evaluation"
# message : un acteur peut avoir un rôle ou deux
devoirs = tirage_q3.by_letter({
    "cas_1": ["fournisseur"] * 6,
    "cas_2": ["déployeur", "les deux", "déployeur", "les deux", "déployeur", "les deux"],
    "cas_3": ["fournisseur", "déployeur", "fournisseur", "déployeur", "déployeur"],
    "cas_4": ["fournisseur", "les deux", "fournisseur", "les deux"],
    "cas_5": ["fournisseur", "déployeur", "fournisseur", "déployeur", "déployeur", "fournisseur"],
})

# %% mistake="devoirs" session="evaluation"
# message : Relisez la définition du fournisseur
devoirs = tirage_q3.by_letter({
    "cas_1": ["déployeur", "les deux", "les deux", "déployeur", "déployeur", "les deux"],
    "cas_2": ["déployeur", "les deux", "déployeur", "les deux", "déployeur", "les deux"],
    "cas_3": ["fournisseur", "déployeur", "fournisseur", "déployeur", "déployeur"],
    "cas_4": ["déployeur", "déployeur", "déployeur", "déployeur"],
    "cas_5": ["fournisseur", "déployeur", "fournisseur", "déployeur", "déployeur", "fournisseur"],
})

# %% [markdown] session="formative"
# ## 5. Le calendrier, et ce qui a changé en 2026
#
# Le règlement sur l'IA s'applique par étapes (article 113) ; le report du haut risque a été
# **adopté** par le règlement (UE) 2026/1744. Ses deux dates viennent du communiqué du
# Conseil de l'UE (Sources) : ce cours n'a pas encore relu le texte publié au Journal
# officiel.
#
# | Date | Ce qui s'applique à partir de cette date |
# |---|---|
# | 2 février 2025 | les pratiques interdites (article 5) et la maîtrise de l'IA (article 4). |
# | 2 août 2025 | les modèles d'IA à usage général (ceux qui servent à tout). |
# | 2 août 2026 | la plupart des autres règles, dont la transparence (article 50). |
# | 2 décembre 2026 | les pratiques interdites ajoutées en 2026 ; le marquage des contenus des IA génératives déjà sur le marché. |
# | 2 décembre 2027 | le haut risque par l'annexe III (à venir). |
# | 2 août 2028 | le haut risque par l'annexe I, dont les dispositifs médicaux (à venir). |
#
# ### Question 4 — Depuis quand, à partir de quand ? (2 points ; un item faux retire un quart d'item)
#
# Pour chaque système, trouvez sa catégorie : celle de la **première étape du parcours qui
# dit « oui »** (ou la ligne des modèles à usage général). Écrivez entre guillemets la date à
# partir de laquelle s'appliquent les règles **de cette catégorie**. Ne sont pas demandées
# ici : la transparence qui s'y ajouterait (étape 5) et la maîtrise de l'IA, commune à toutes.
# Chacune des cinq dates sert une fois. Dates passées : `"2 février 2025"`,
# `"2 août 2025"`, `"2 août 2026"` ; à venir : `"2 décembre 2027"`, `"2 août 2028"`.
#
# - **compagnon_seniors** : un assistant vocal pour personnes âgées vivant seules profite des
#   troubles de mémoire de certaines pour leur faire commander chaque semaine des compléments
#   alimentaires coûteux ; plusieurs se sont endettées.
# - **assistant_pharmacie** : un assistant vocal répond au téléphone d'une pharmacie
#   (pharmacie de garde, médicament en stock) ; il ne donne aucun conseil de santé.
# - **aide_aux_soins** : en 2028, une caisse d'assurance maladie mettra en service un logiciel
#   nouveau qui propose d'accorder ou de refuser la complémentaire santé solidaire (une aide
#   publique pour payer ses frais de santé) d'après les ressources déclarées.
# - **fond_oeil** : en 2029, un fabricant mettra sur le marché un logiciel qui repère la
#   rétinopathie diabétique sur les photos du fond de l'œil et dit au médecin s'il faut
#   adresser le patient à l'ophtalmologiste ; il le destine à ce dépistage.
# - **modele_texte** : une jeune entreprise met sur le marché un modèle qui écrit, résume et
#   traduit des textes de toute sorte ; des hôpitaux, des banques et des cabinets d'avocats
#   l'intègrent à leurs propres outils.
#
# <details><summary>Indice 1</summary>
#
# Deux temps pour chaque système : le parcours de la section 2 (la première étape qui
# reçoit un « oui » décide ; pour un dispositif médical, la règle 11), puis la ligne du
# calendrier.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Un système à haut risque l'est par l'une des deux voies du parcours (étape 3 ou
# étape 4) ; depuis le règlement (UE) 2026/1744, chaque voie a sa propre date. Pour un
# système à haut risque, retrouvez d'abord sa voie.
# </details>

# %% [markdown] session="evaluation"
# ## 5. Le calendrier, et ce qui a changé en 2026
#
# Le règlement sur l'IA s'applique par étapes (article 113) ; le report du haut risque a été
# **adopté** par le règlement (UE) 2026/1744. Ses deux dates viennent du communiqué du
# Conseil de l'UE (Sources) : ce cours n'a pas encore relu le texte publié au Journal
# officiel.
#
# | Date | Ce qui s'applique à partir de cette date |
# |---|---|
# | 2 février 2025 | les pratiques interdites (article 5) et la maîtrise de l'IA (article 4). |
# | 2 août 2025 | les modèles d'IA à usage général (ceux qui servent à tout). |
# | 2 août 2026 | la plupart des autres règles, dont la transparence (article 50). |
# | 2 décembre 2026 | les pratiques interdites ajoutées en 2026 ; le marquage des contenus des IA génératives déjà sur le marché. |
# | 2 décembre 2027 | le haut risque par l'annexe III (à venir). |
# | 2 août 2028 | le haut risque par l'annexe I, dont les dispositifs médicaux (à venir). |
#
# ### Question 4 — Depuis quand, à partir de quand ? (2 points ; un item faux retire un quart d'item)
#
# Vos cinq cas, **A** à **E**, sont affichés sous cette question (propres à votre copie) ;
# ceux qui ne sont pas encore sur le marché y seront mis après la dernière date du
# calendrier. Pour chacun, trouvez sa catégorie : celle de la **première étape du parcours
# qui dit « oui »** (ou la ligne des modèles à usage général). Écrivez entre guillemets la
# date à partir de laquelle s'appliquent les règles **de cette catégorie**. Ne sont pas
# demandées ici : la transparence qui s'y ajouterait (étape 5) et la maîtrise de l'IA,
# commune à toutes. Chacune des cinq dates sert une fois. Dates passées :
# `"2 février 2025"`, `"2 août 2025"`, `"2 août 2026"` ; à venir : `"2 décembre 2027"`,
# `"2 août 2028"`.
#
# <details><summary>Indice 1</summary>
#
# Deux temps pour chaque système : le parcours de la section 2 (la première étape qui
# reçoit un « oui » décide ; pour un dispositif médical, la règle 11), puis la ligne du
# calendrier.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Un système à haut risque l'est par l'une des deux voies du parcours (étape 3 ou
# étape 4) ; depuis le règlement (UE) 2026/1744, chaque voie a sa propre date. Pour un
# système à haut risque, retrouvez d'abord sa voie.
# </details>

# %% answer="dates" session="formative"
dates = {"compagnon_seniors": ..., "assistant_pharmacie": ...,
         "aide_aux_soins": ..., "fond_oeil": ..., "modele_texte": ...}
### BEGIN SOLUTION
dates = {"compagnon_seniors": "2 février 2025",
         "assistant_pharmacie": "2 août 2026", "aide_aux_soins": "2 décembre 2027",
         "fond_oeil": "2 août 2028", "modele_texte": "2 août 2025"}
### END SOLUTION

# %% tests="dates" points=2 session="formative"
# Vérification de la question 4 : exécutez cette cellule.
modele_general = ("le 2 août 2025 est la date des modèles d'IA à usage général, ceux qui servent "
                  "à tout ; ce système n'a qu'une tâche. Reprenez le parcours à sa première "
                  "étape.")
general_interdit = ("le 2 février 2025 est la date des pratiques interdites ; ce modèle ne "
                    "manipule personne : cherchez dans le calendrier la ligne de ce type de "
                    "modèle.")
general_autres = ("le 2 août 2026 est la date de la plupart des autres règles ; un modèle "
                  "d'IA à usage général, qui sert à tout, a sa propre ligne dans le "
                  "calendrier.")
general_haut_risque = ("vous avez pris une date du haut risque ; or un modèle à usage général "
                       "n'est classé ni par la règle 11 ni par l'annexe III : il a sa propre "
                       "ligne dans le calendrier.")
pas_haut_risque = ("vous en avez fait un système à haut risque ; mais la première étape du "
                   "parcours qui reçoit un « oui » décide : reprenez-le dans l'ordre, avec les "
                   "points a et b de l'article 5.")
interdit_ici = ("le 2 février 2025 est la date des pratiques interdites (article 5) : ce "
                "système manipule-t-il quelqu'un, ou exploite-t-il une vulnérabilité ? Sinon, "
                "reprenez le parcours à sa deuxième étape.")
checks.check_choices(
    dates,
    name="dates",
    options=["2 février 2025", "2 août 2025", "2 août 2026", "2 décembre 2027", "2 août 2028"],
    digests={
        "compagnon_seniors": "a0890bce9dd5843a",
        "assistant_pharmacie": "7f2ca2fd15d3edd7",
        "aide_aux_soins": "bc4fc0acda384d12",
        "fond_oeil": "271fd914bd0e7d8a",
        "modele_texte": "0fe6d432bf762fae",
    },
    mistakes={
        "compagnon_seniors": [
            checks.Mistake(None, modele_general, digest="9c8baf0b69e76e9e"),
            checks.Mistake(None, "il dialogue, c'est vrai ; mais l'étape 5 vient en dernier, "
                           "et la première étape qui reçoit un « oui » décide. De quoi "
                           "profite-t-il, et à quel prix pour ces personnes ?",
                           digest="cdc227b38ce2d076"),
            checks.Mistake(None, pas_haut_risque, digest="6bba09b26d5c6aa1"),
            checks.Mistake(None, pas_haut_risque, digest="1ded0af43a8edc30"),
        ],
        "assistant_pharmacie": [
            checks.Mistake(None, "donner des horaires n'est ni manipuler ni exploiter personne ; "
                           "et la maîtrise de l'IA (article 4), qui date aussi de ce jour, ne "
                           "dépend pas de la catégorie.",
                           digest="ebaad1dd92c66982"),
            checks.Mistake(None, modele_general, digest="df7aa9d6b1a4f141"),
            checks.Mistake(None, "vous avez pris la date de l'annexe III ; mais répondre sur les "
                           "horaires n'évalue aucun droit aux soins ni aucune urgence : quelle "
                           "étape du parcours reçoit un « oui » ?",
                           digest="c2aea4c27d1870e1"),
            checks.Mistake(None, "vous avez pris une date des dispositifs médicaux ; mais donner "
                           "des horaires n'a aucune finalité médicale : quelle étape du "
                           "parcours reçoit un « oui » ?", digest="6979284cdd28d031"),
        ],
        "aide_aux_soins": [
            checks.Mistake(None, interdit_ici, digest="3e57d1959cba66ac"),
            checks.Mistake(None, modele_general, digest="c564d58a0ecc621f"),
            checks.Mistake(None, "c'était la date du texte de 2024 pour l'annexe III ; le "
                           "règlement (UE) 2026/1744, adopté, l'a reportée.",
                           digest="570ea1988ef4ec34"),
            checks.Mistake(None, "vous avez pris la date de l'annexe I (dispositifs médicaux) ; "
                           "par quelle voie un logiciel qui propose d'accorder une aide publique "
                           "est-il à haut risque ?", digest="b5be8488e75260ca"),
        ],
        "fond_oeil": [
            checks.Mistake(None, interdit_ici, digest="fcce31562a89ef26"),
            checks.Mistake(None, modele_general, digest="f39ac1f93baf6247"),
            checks.Mistake(None, "le 2 août 2026 est la date de la transparence et de la plupart "
                           "des autres règles ; le règlement (UE) 2026/1744 en a sorti le haut "
                           "risque. Reprenez les étapes 2 et 3 du parcours.",
                           digest="ae9983b7282d6d2e"),
            checks.Mistake(None, "vous avez pris la date de l'annexe III ; or dépister une maladie "
                           "n'est pas un usage de l'annexe III : par quelle voie ce logiciel "
                           "est-il à haut risque ?", digest="181123603982519d"),
        ],
        "modele_texte": [
            checks.Mistake(None, general_interdit, digest="a07b474e108f3448"),
            checks.Mistake(None, general_autres, digest="191ba18f5a7ace16"),
            checks.Mistake(None, general_haut_risque, digest="136afc0162837d3a"),
            checks.Mistake(None, general_haut_risque, digest="20840047d4356d90"),
        ],
    },
    success="la catégorie d'abord, la date ensuite : interdictions et maîtrise de l'IA en "
    "premier, puis la transparence, puis le haut risque, en deux temps depuis le report adopté "
    "en 2026 (l'annexe III, puis les dispositifs médicaux). Un assistant vocal peut être "
    "interdit ou seulement tenu de dire qu'il est une IA : tout dépend de ce qu'il fait. Dire "
    "à la personne qu'elle parle à une machine, c'est la valeur V6 — Intégrité et transparence "
    "et le principe d'autonomie du CENS.",
    points=2,
)
### BEGIN HIDDEN TESTS
checks.check_choices(
    dates,
    name="dates",
    options=["2 février 2025", "2 août 2025", "2 août 2026", "2 décembre 2027", "2 août 2028"],
    expected={"compagnon_seniors": "2 février 2025",
              "assistant_pharmacie": "2 août 2026", "aide_aux_soins": "2 décembre 2027",
              "fond_oeil": "2 août 2028", "modele_texte": "2 août 2025"},
    points=2,
)
### END HIDDEN TESTS

# %% mistake="dates" session="formative"
# message : or dépister une maladie n'est pas un usage de l'annexe III
dates = {"compagnon_seniors": "2 février 2025",
         "assistant_pharmacie": "2 août 2026", "aide_aux_soins": "2 décembre 2027",
         "fond_oeil": "2 décembre 2027", "modele_texte": "2 août 2025"}

# %% mistake="dates" session="formative"
# message : il dialogue, c'est vrai ; mais l'étape 5 vient en dernier
dates = {"compagnon_seniors": "2 août 2026",
         "assistant_pharmacie": "2 août 2026", "aide_aux_soins": "2 décembre 2027",
         "fond_oeil": "2 août 2028", "modele_texte": "2 août 2025"}

# %% mistake="dates" session="formative"
# message : qui date aussi de ce jour, ne dépend pas de la catégorie
dates = {"compagnon_seniors": "2 février 2025",
         "assistant_pharmacie": "2 février 2025", "aide_aux_soins": "2 décembre 2027",
         "fond_oeil": "2 août 2028", "modele_texte": "2 août 2025"}

# %% mistake="dates" session="formative"
# message : n'évalue aucun droit aux soins ni aucune urgence
dates = {"compagnon_seniors": "2 février 2025",
         "assistant_pharmacie": "2 décembre 2027", "aide_aux_soins": "2 décembre 2027",
         "fond_oeil": "2 août 2028", "modele_texte": "2 août 2025"}

# %% mistake="dates" session="formative"
# message : vous avez pris la date de l'annexe I
dates = {"compagnon_seniors": "2 février 2025",
         "assistant_pharmacie": "2 août 2026", "aide_aux_soins": "2 août 2028",
         "fond_oeil": "2 août 2028", "modele_texte": "2 août 2025"}

# %% mistake="dates" session="formative"
# message : c'était la date du texte de 2024 pour l'annexe III
dates = {"compagnon_seniors": "2 février 2025",
         "assistant_pharmacie": "2 août 2026", "aide_aux_soins": "2 août 2026",
         "fond_oeil": "2 août 2028", "modele_texte": "2 août 2025"}

# %% mistake="dates" session="formative"
# message : ce système n'a qu'une tâche
dates = {"compagnon_seniors": "2 février 2025",
         "assistant_pharmacie": "2 août 2025", "aide_aux_soins": "2 décembre 2027",
         "fond_oeil": "2 août 2028", "modele_texte": "2 août 2025"}

# %% mistake="dates" session="formative"
# message : donner des horaires n'a aucune finalité médicale
dates = {"compagnon_seniors": "2 février 2025",
         "assistant_pharmacie": "2 août 2028", "aide_aux_soins": "2 décembre 2027",
         "fond_oeil": "2 août 2028", "modele_texte": "2 août 2025"}

# %% mistake="dates" session="formative"
# message : vous en avez fait un système à haut risque
dates = {"compagnon_seniors": "2 août 2028",
         "assistant_pharmacie": "2 août 2026", "aide_aux_soins": "2 décembre 2027",
         "fond_oeil": "2 août 2028", "modele_texte": "2 août 2025"}

# %% mistake="dates" session="formative"
# message : ce système manipule-t-il quelqu'un, ou exploite-t-il une vulnérabilité
dates = {"compagnon_seniors": "2 février 2025",
         "assistant_pharmacie": "2 août 2026", "aide_aux_soins": "2 février 2025",
         "fond_oeil": "2 août 2028", "modele_texte": "2 août 2025"}

# %% mistake="dates" session="formative"
# message : un modèle d'IA à usage général, qui sert à tout, a sa propre ligne
dates = {"compagnon_seniors": "2 février 2025",
         "assistant_pharmacie": "2 août 2026", "aide_aux_soins": "2 décembre 2027",
         "fond_oeil": "2 août 2028", "modele_texte": "2 août 2026"}

# %% jupyter={"source_hidden": true} session="evaluation"
# Vos cinq cas, tirés à partir de votre identifiant.
tirage_q4 = draw_cards(graine, "dates", AI_ACT_CARD_COUNTS["dates"])
print("Vos cinq cas (question 4) :")
afficher_cartes("dates")

# %% answer="dates" session="evaluation"
dates = {"A": ..., "B": ..., "C": ..., "D": ..., "E": ...}
### BEGIN SOLUTION
dates = tirage_q4.by_letter({
    "cas_1": "2 août 2028",
    "cas_2": "2 décembre 2027",
    "cas_3": "2 août 2025",
    "cas_4": "2 février 2025",
    "cas_5": "2 août 2026",
})
### END SOLUTION

# %% tests="dates" points=2 session="evaluation"
# Vérification de la question 4 : exécutez cette cellule.
checks.check_form(dates, name="dates", kind="choices",
                  options=["2 février 2025", "2 août 2025", "2 août 2026", "2 décembre 2027",
                           "2 août 2028"],
                  items=["A", "B", "C", "D", "E"])
### BEGIN HIDDEN TESTS
from esn_teach.datasets import AI_ACT_CARD_COUNTS as NOMBRES_Q4
from esn_teach.law import draw_cards as cartes_copie_q4

q4 = cartes_copie_q4(checks.student_seed("13", announce=False), "dates",
                     NOMBRES_Q4["dates"])
interdit_q4 = {
    "2 août 2025": (
        "le 2 août 2025 est la date des modèles d'IA à usage général, ceux qui servent à tout ; "
        "ce système n'a qu'une tâche. Reprenez le parcours à sa première étape."),
    "2 août 2026": (
        "le 2 août 2026 est la date de la transparence et de la plupart des autres règles ; or "
        "l'étape 5 du parcours vient en dernier : que fait ce système aux personnes visées, "
        "et à quel prix ?"),
    "2 décembre 2027": (
        "vous en avez fait un système à haut risque ; mais la première étape du parcours qui "
        "reçoit un « oui » décide : reprenez-le dans l'ordre, avec les points a et b de "
        "l'article 5."),
    "2 août 2028": (
        "vous en avez fait un système à haut risque ; mais la première étape du parcours qui "
        "reçoit un « oui » décide : reprenez-le dans l'ordre, avec les points a et b de "
        "l'article 5."),
}
general_q4 = {
    "2 février 2025": (
        "le 2 février 2025 est la date des pratiques interdites et de la maîtrise de l'IA ; ce "
        "modèle ne manipule personne : cherchez dans le calendrier la ligne de ce type de modèle."),
    "2 août 2026": (
        "un modèle d'IA à usage général n'est pas lui-même le système qui génère du contenu "
        "pour un utilisateur : la transparence (2 août 2026) vise les systèmes construits sur "
        "lui ; le modèle, qui sert à tout, a sa propre ligne dans le calendrier."),
    "2 décembre 2027": (
        "vous avez pris une date du haut risque ; or un modèle à usage général n'est classé ni "
        "par la règle 11 ni par l'annexe III : il a ses propres règles, et sa propre ligne dans "
        "le calendrier."),
    "2 août 2028": (
        "vous avez pris une date du haut risque ; or un modèle à usage général n'est classé ni "
        "par la règle 11 ni par l'annexe III : il a ses propres règles, et sa propre ligne dans "
        "le calendrier."),
}
dialogue_q4 = {
    "2 février 2025": (
        "renseigner des patients n'est ni manipuler ni exploiter personne ; et la maîtrise de "
        "l'IA (article 4), qui date aussi de ce jour, ne dépend pas de la catégorie."),
    "2 août 2025": (
        "le 2 août 2025 est la date des modèles d'IA à usage général, ceux qui servent à tout ; "
        "ce système n'a qu'une tâche. Reprenez le parcours à sa première étape."),
    "2 décembre 2027": (
        "vous avez pris la date de l'annexe III ; mais donner des renseignements pratiques "
        "n'évalue aucun droit aux soins ni aucune urgence : quelle étape du parcours reçoit "
        "un « oui » ?"),
    "2 août 2028": (
        "vous avez pris une date des dispositifs médicaux ; mais donner des renseignements "
        "pratiques n'a aucune finalité médicale : quelle étape du parcours reçoit un « oui » ?"),
}
usage_q4 = {
    "2 février 2025": (
        "le 2 février 2025 est la date des pratiques interdites (article 5) : ce système "
        "manipule-t-il quelqu'un, ou exploite-t-il une vulnérabilité ? Sinon, reprenez le "
        "parcours à sa deuxième étape."),
    "2 août 2025": (
        "le 2 août 2025 est la date des modèles d'IA à usage général, ceux qui servent à tout ; "
        "ce système n'a qu'une tâche. Reprenez le parcours à sa deuxième étape."),
    "2 août 2026": (
        "le 2 août 2026 est la date de la plupart des autres règles ; c'était aussi, dans le "
        "texte de 2024, celle de l'annexe III : le règlement (UE) 2026/1744, adopté, l'a "
        "reportée."),
    "2 août 2028": (
        "vous avez pris la date de l'annexe I (dispositifs médicaux) ; par quelle voie ce "
        "système est-il à haut risque ?"),
}
dm_q4 = {
    "2 février 2025": (
        "le 2 février 2025 est la date des pratiques interdites (article 5) : ce système "
        "manipule-t-il quelqu'un, ou exploite-t-il une vulnérabilité ? Sinon, reprenez le "
        "parcours à sa deuxième étape."),
    "2 août 2025": (
        "le 2 août 2025 est la date des modèles d'IA à usage général, ceux qui servent à tout ; "
        "ce système n'a qu'une tâche. Reprenez le parcours à sa deuxième étape."),
    "2 août 2026": (
        "le 2 août 2026 est la date de la transparence et de la plupart des autres règles ; le "
        "règlement (UE) 2026/1744 en a sorti le haut risque. Reprenez les étapes 2 et 3 du "
        "parcours."),
    "2 décembre 2027": (
        "vous avez pris la date de l'annexe III ; or la destination de ce logiciel est médicale, "
        "et ce n'est pas un usage de l'annexe III : par quelle voie est-il à haut risque ?"),
}
appel_q4 = {
    "2 février 2025": (
        "classer des appels d'urgence n'est ni manipuler ni exploiter personne : reprenez le "
        "parcours à sa deuxième étape."),
    "2 août 2025": (
        "le 2 août 2025 est la date des modèles d'IA à usage général, ceux qui servent à tout ; "
        "ce logiciel n'a qu'une tâche. Reprenez le parcours à sa deuxième étape."),
    "2 août 2026": (
        "le 2 août 2026 est la date de la plupart des autres règles ; c'était aussi, dans le "
        "texte de 2024, celle de l'annexe III : le règlement (UE) 2026/1744, adopté, l'a "
        "reportée."),
    "2 août 2028": (
        "vous avez pris la date de l'annexe I (dispositifs médicaux) ; or l'énoncé dit que ce "
        "logiciel n'en est pas un : quel usage de l'annexe III reconnaissez-vous ?"),
}
genere_q4 = {
    "2 février 2025": (
        "produire des images ou une voix n'est ni manipuler ni exploiter personne : aucun point "
        "de l'article 5 ne le vise."),
    "2 août 2025": (
        "ce logiciel n'a qu'une tâche (il n'est pas un modèle à usage général, qui sert à tout) : "
        "reprenez le parcours ; son étape 5 demande s'il génère du contenu."),
    "2 décembre 2027": (
        "vous avez pris la date de l'annexe III ; or ce logiciel ne décide d'aucun droit, prix ou "
        "priorité : relisez l'étape 5 du parcours (générer du contenu)."),
    "2 août 2028": (
        "vous avez pris une date des dispositifs médicaux ; mais produire des images ou une voix "
        "n'a aucune finalité médicale : relisez l'étape 5 du parcours."),
}
assureur_q4 = {
    "2 février 2025": (
        "fixer le prix d'une assurance n'est ni manipuler ni exploiter une vulnérabilité au sens "
        "de l'article 5 : reprenez le parcours à sa deuxième étape."),
    "2 août 2025": (
        "le 2 août 2025 est la date des modèles d'IA à usage général, ceux qui servent à tout ; "
        "ce modèle n'a qu'une tâche. Reprenez le parcours à sa première étape."),
    "2 août 2026": (
        "le 2 août 2026 est la date de la plupart des autres règles ; c'était aussi, dans le "
        "texte de 2024, celle de l'annexe III : le règlement (UE) 2026/1744, adopté, l'a "
        "reportée."),
    "2 août 2028": (
        "vous avez pris la date de l'annexe I (dispositifs médicaux) ; lire des données de santé "
        "ne fait pas un dispositif médical : ce modèle est-il destiné à soigner, ou à fixer un "
        "prix ? Quel usage de l'annexe III reconnaissez-vous ?"),
}
renseigne_q4 = {
    "2 février 2025": (
        "renseigner des personnes n'est ni manipuler ni exploiter personne ; et la maîtrise de "
        "l'IA (article 4), qui date aussi de ce jour, ne dépend pas de la catégorie."),
    "2 août 2025": (
        "le 2 août 2025 est la date des modèles d'IA à usage général, ceux qui servent à tout ; "
        "ce système n'a qu'une tâche. Reprenez le parcours à sa première étape."),
    "2 décembre 2027": (
        "vous avez pris la date de l'annexe III ; mais cet agent évalue-t-il le droit de "
        "quelqu'un à une aide, ou seulement le renseigne-t-il ? Relisez l'énoncé."),
    "2 août 2028": (
        "vous avez pris une date des dispositifs médicaux ; mais renseigner sur une démarche n'a "
        "aucune finalité médicale : quelle étape du parcours reçoit un « oui » ?"),
}
exploite_q4 = {
    "2 août 2025": (
        "le 2 août 2025 est la date des modèles d'IA à usage général ; le modèle de langage sur "
        "lequel ce système est construit a ses propres règles, celles de son fournisseur ; la "
        "question porte sur ce système, qui n'a qu'une tâche : reprenez le parcours à sa "
        "première étape."),
    "2 août 2026": (
        "le 2 août 2026 est la date de la transparence et de la plupart des autres règles ; or "
        "l'étape 5 du parcours vient en dernier : que fait ce système aux personnes visées, "
        "et à quel prix ?"),
    "2 décembre 2027": (
        "vous en avez fait un système à haut risque ; mais la première étape du parcours qui "
        "reçoit un « oui » décide : reprenez-le dans l'ordre, avec les points a et b de "
        "l'article 5."),
    "2 août 2028": (
        "vous en avez fait un système à haut risque ; mais la première étape du parcours qui "
        "reçoit un « oui » décide : reprenez-le dans l'ordre, avec les points a et b de "
        "l'article 5."),
}
cles_q4 = {
    "cas_1": "2 août 2028",
    "cas_2": "2 décembre 2027",
    "cas_3": "2 août 2025",
    "cas_4": "2 février 2025",
    "cas_5": "2 août 2026",
}
erreurs_q4 = {
    "cas_1": dm_q4,
    "cas_2": [assureur_q4, assureur_q4, usage_q4, usage_q4, usage_q4, appel_q4],
    "cas_3": general_q4,
    "cas_4": [exploite_q4, exploite_q4, interdit_q4, interdit_q4, interdit_q4, interdit_q4],
    "cas_5": [renseigne_q4, renseigne_q4, dialogue_q4, dialogue_q4, dialogue_q4, dialogue_q4,
              genere_q4, genere_q4],
}
checks.check_choices(
    dates, name="dates", points=2,
    options=("2 février 2025", "2 août 2025", "2 août 2026", "2 décembre 2027", "2 août 2028"),
    expected=q4.by_letter(cles_q4),
    mistakes={lettre: [checks.Mistake(faux, message) for faux, message in erreurs.items()]
              for lettre, erreurs in q4.by_letter(erreurs_q4).items()},
    success="la catégorie d'abord, la date ensuite : interdictions et maîtrise de l'IA en "
    "premier, puis la transparence, puis le haut risque, en deux temps depuis le report adopté "
    "en 2026 (l'annexe III, puis les dispositifs médicaux). C'est la première étape du parcours "
    "qui dit « oui » qui donne la date ; la transparence s'ajoute à tout système qui dialogue. "
    "Dire à la personne qu'elle parle à une machine, c'est la valeur V6 — Intégrité et transparence "
    "et le principe d'autonomie du CENS.")
### END HIDDEN TESTS

# %% mistake="dates" session="evaluation"
# message : le 2 août 2025 est la date des modèles d'IA à usage général
dates = tirage_q4.by_letter({
    "cas_1": "2 août 2028",
    "cas_2": "2 décembre 2027",
    "cas_3": "2 août 2025",
    "cas_4": "2 août 2025",
    "cas_5": "2 août 2026",
})

# %% mistake="dates" session="evaluation"
# message : vous avez pris la date de l'annexe I
dates = tirage_q4.by_letter({
    "cas_1": "2 décembre 2027",
    "cas_2": "2 décembre 2027",
    "cas_3": "2 août 2025",
    "cas_4": "2 février 2025",
    "cas_5": "2 août 2026",
})

# %% mistake="dates" session="evaluation"
# message : un modèle d'IA à usage général n'est pas lui-même
dates = tirage_q4.by_letter({
    "cas_1": "2 août 2028",
    "cas_2": "2 décembre 2027",
    "cas_3": "2 août 2026",
    "cas_4": "2 février 2025",
    "cas_5": "2 août 2026",
})

# %% [markdown]
# ## Après la séance
#
# Ce qui suit se lit après la séance : ce qu'il faut retenir des questions (dans une copie
# évaluée, il s'affiche avec le retour de correction), des compléments, puis la réflexion
# notée, à rédiger après la séance et à rendre comme l'indique votre enseignant·e.

# %% [markdown] reveal="categories" session="formative"
# ### À retenir
#
# - La **destination** fait d'un logiciel un dispositif médical, pas sa technique.
# - La **règle 11** met presque tout logiciel qui aide à décider en classe IIa ou plus : vérifié
#   par un organisme notifié, un **système d'IA** est alors **à haut risque** (article 6,
#   paragraphe 1) ; un logiciel sans IA ne relève que du MDR.
# - Le haut risque vient aussi de l'**usage** (annexe III : accès aux soins, appels d'urgence,
#   tri des urgences) ; l'IA n'est pas à haut risque d'office.
# - Le **fournisseur** répond du produit, le **déployeur** (l'hôpital) de son usage, dont le
#   **contrôle humain** par des soignants formés. Qui développe un outil, y met son nom ou le
#   modifie substantiellement (article 25) en devient fournisseur ; s'il l'utilise, il a les
#   deux rôles.
# - On date une obligation d'après les textes **adoptés** : depuis le règlement (UE)
#   2026/1744, les règles du haut risque ne s'appliquent pas encore.
#
# ### Pour aller plus loin
#
# - **Les deux textes ensemble.** Pour un dispositif médical à haut risque, une seule
#   procédure d'évaluation de la conformité, celle du MDR, avec le même organisme notifié
#   (article 43, paragraphe 3).
# - **Modifier un dispositif médical à l'hôpital.** Qui modifie un dispositif du marché
#   d'une façon qui peut toucher sa conformité prend les obligations du fabricant (MDR,
#   article 16), sauf les dispositifs fabriqués ou modifiés et utilisés dans le seul
#   établissement (article 5, paragraphe 5 ; module 08). Un tel dispositif ne passe pas par
#   un organisme notifié : le guide MDCG 2025-6 le range hors du haut risque de l'article 6,
#   paragraphe 1. L'hôpital a alors les deux rôles du règlement sur l'IA, sans les devoirs
#   du haut risque par cette voie.
# - **La tâche procédurale étroite (article 6, paragraphe 3).** Le logiciel du SAMU de la
#   question 1 fixe l'ordre dans lequel le médecin entend les appelants : il pèse sur la
#   décision, l'exception ne joue pas (analyse de ce cours). S'il avait une destination
#   médicale (proposer une conduite à tenir), il pourrait aussi être un dispositif médical ;
#   ce cours ne dit pas quelle date prévaudrait alors.
# - **L'hôpital public.** L'article 27, dans son texte de 2024 (sa version modifiée en 2026
#   n'a pas été relue), demande aux organismes de droit public qui déploient un système à
#   haut risque de l'annexe III, comme un logiciel de tri, une analyse d'impact sur les
#   droits fondamentaux avant sa mise en service.
# - **Émotions.** Une reconnaissance des émotions qui n'est pas interdite (pour un usage
#   médical, par exemple) est à haut risque (annexe III, point 1, c), et ses déployeurs en
#   informent les personnes exposées (article 50, paragraphe 3).

# %% [markdown] reveal="categories" session="evaluation"
# ### À retenir
#
# - La **destination** fait d'un logiciel un dispositif médical, pas sa technique.
# - La **règle 11** met presque tout logiciel qui aide à décider en classe IIa ou plus : vérifié
#   par un organisme notifié, un **système d'IA** est alors **à haut risque** (article 6,
#   paragraphe 1) ; un logiciel sans IA ne relève que du MDR.
# - Le haut risque vient aussi de l'**usage** (annexe III : accès aux soins, appels d'urgence,
#   tri des urgences) ; l'IA n'est pas à haut risque d'office.
# - Le **fournisseur** répond du produit, le **déployeur** (l'hôpital) de son usage, dont le
#   **contrôle humain** par des soignants formés. Qui développe un outil, y met son nom ou le
#   modifie substantiellement (article 25) en devient fournisseur ; s'il l'utilise, il a les
#   deux rôles.
# - On date une obligation d'après les textes **adoptés** : depuis le règlement (UE)
#   2026/1744, les règles du haut risque ne s'appliquent pas encore.
#
# ### Pour aller plus loin
#
# - **Les deux textes ensemble.** Pour un dispositif médical à haut risque, une seule
#   procédure d'évaluation de la conformité, celle du MDR, avec le même organisme notifié
#   (article 43, paragraphe 3).
# - **Modifier un dispositif médical à l'hôpital.** Qui modifie un dispositif du marché
#   d'une façon qui peut toucher sa conformité prend les obligations du fabricant (MDR,
#   article 16), sauf les dispositifs fabriqués ou modifiés et utilisés dans le seul
#   établissement (article 5, paragraphe 5 ; module 08). Un tel dispositif ne passe pas par
#   un organisme notifié : le guide MDCG 2025-6 le range hors du haut risque de l'article 6,
#   paragraphe 1. L'hôpital a alors les deux rôles du règlement sur l'IA, sans les devoirs
#   du haut risque par cette voie.
# - **La tâche procédurale étroite (article 6, paragraphe 3).** Ranger des pièces ou repérer
#   des demandes en double ne pèse pas sur la décision (considérant 53 : les motifs
#   numérotés qui, en tête d'un règlement, expliquent ses articles). Un logiciel du SAMU qui
#   classe les appels fixe l'ordre dans lequel le médecin entend les appelants : il pèse sur
#   la décision, l'exception ne joue pas (analyse de ce cours).
# - **L'hôpital public.** L'article 27, dans son texte de 2024 (sa version modifiée en 2026
#   n'a pas été relue), demande aux organismes de droit public qui déploient un système à
#   haut risque de l'annexe III, comme un logiciel de tri, une analyse d'impact sur les
#   droits fondamentaux avant sa mise en service.
# - **Émotions.** Une reconnaissance des émotions qui n'est pas interdite (pour un usage
#   médical, par exemple) est à haut risque (annexe III, point 1, c), et ses déployeurs en
#   informent les personnes exposées (article 50, paragraphe 3).

# %% [markdown]
# - **Le droit français.** Information du patient quand un dispositif médical comporte un
#   traitement algorithmique appris sur des données massives : module 09 (code de la santé
#   publique, article L. 4001-3). Matériovigilance : les utilisateurs signalent sans délai à
#   l'ANSM un incident grave (article L. 5212-2) ; à l'hôpital, par le correspondant local
#   de matériovigilance (article R. 5212-17).
# - **Une proposition, pas une règle.** La Commission a proposé le 16 décembre 2025 de
#   réviser le MDR (COM(2025) 1023) : la règle 11 mettrait davantage de logiciels en
#   classe I, et les dispositifs médicaux passeraient dans la section B de l'annexe I du
#   règlement sur l'IA. L'omnibus adopté en 2026 ne l'a pas fait : d'après le communiqué du
#   Conseil de l'UE (29 juin 2026), il prévoit des moyens de régler les chevauchements avec
#   les lois de secteur, dont celle des dispositifs médicaux, qui restent soumis aux deux
#   textes.
#
# Les textes complets, ci-dessous, sont à lire après la séance.

# %% [markdown]
# **Avant la réflexion : les systèmes déjà sur le marché (article 111).** Le texte de 2024
# prévoyait une exception : un système à haut risque mis sur le marché ou en service
# **avant** la date de coupure n'est soumis aux règles du haut risque que si sa conception
# change ensuite de façon importante ; les systèmes destinés à des autorités publiques
# devront de toute façon être en conformité au plus tard le 2 août 2030. Dans le texte de
# 2024, cette date de coupure était le 2 août 2026 ; le règlement (UE) 2026/1744 a modifié
# l'article (sa nouvelle rédaction est à lire sur EUR-Lex). Retenez le raisonnement : date de
# mise sur le marché, date de coupure, modification importante. Un système mis sur le marché
# après la date de coupure n'a pas cette exception, quelle que soit la version du texte. Pour
# la réflexion, pas besoin de la nouvelle rédaction. La date de coupure du texte de 2024
# était le 2 août 2026. Les règles du haut risque s'appliqueront aux dispositifs médicaux le
# 2 août 2028. Une alerte mise sur le marché en 2029 vient après ces deux dates : ce n'est
# pas un système « déjà sur le marché ».
#
# ### Réflexion — Quelle garantie humaine doit-on au patient ? (3 points, corrigée par l'enseignant)
#
# *À rédiger après la séance, dans la cellule « VOTRE RÉPONSE ICI » ci-dessous, et à rendre
# comme l'indique votre enseignant·e (par exemple un devoir Moodle), avant la date
# annoncée.*
#
# **La fiche de la nouvelle alerte (fictive).** Elle lit, toutes les heures, la fréquence
# cardiaque, la fréquence respiratoire, la pression artérielle, la température et la
# saturation en oxygène mesurée au doigt par un oxymètre de pouls, et, quand elles existent,
# les analyses de sang du jour (lactates, globules blancs, créatinine). Elle a appris sur les
# séjours d'adultes hospitalisés dans les services de médecine de trois CHU ; les enfants,
# les femmes enceintes et les patients de réanimation n'y étaient pas. Elle ne voit ni le
# patient au lit, ni ses traitements.
#
# Une **garantie humaine**, c'est ce qu'une personne (un soignant, l'équipe, l'hôpital) fait
# pour que la décision prise avec une IA reste la sienne et serve le patient : examiner le
# patient, pouvoir ne pas suivre l'outil, expliquer, vérifier qu'il marche pour tous.
#
# En 10 à 15 lignes, depuis votre futur métier : un fabricant mettra sur le marché en 2029
# une **nouvelle** alerte de sepsis, comme celle de l'explorateur, et un hôpital la mettra en
# service dès sa sortie. Quelle garantie humaine l'hôpital devra-t-il au patient ? Dites :
#
# 1. ce que les règles du haut risque exigeront alors de l'hôpital (au moins deux devoirs,
#    avec leur article) ;
# 2. la date à partir de laquelle ces règles s'appliquent aux dispositifs médicaux ; puis
#    si l'exception de l'article 111 (ci-dessus) dispense cette alerte, oui ou non, et
#    pourquoi ; puis un devoir de l'hôpital ou de ses soignants qui s'applique déjà
#    aujourd'hui ;
# 3. ce que le droit n'exige pas mais que vous jugez dû : une garantie concrète (qui, quand,
#    comment), les patients pour qui l'alerte marcherait moins bien (nommez-les), et
#    pourquoi, en citant un élément précis de la fiche ci-dessus (une donnée qu'elle lit,
#    les patients sur qui elle a appris, ce qu'elle ne voit pas). Ce point vaut la moitié de
#    la note.
#
# Un devoir déontologique compte s'il est nommé avec son article : par exemple, le devoir
# d'information du patient (médecins : article R. 4127-35 du code de la santé publique ;
# infirmiers : R. 4312-13 ; masseurs-kinésithérapeutes : R. 4321-83) ou le devoir de conseil lors de la dispensation (pharmaciens :
# R. 4235-48). « La déontologie » seule ne compte pas.

# %% [markdown] written="reflexion_garantie_humaine" points=3
# ### BEGIN SOLUTION
# *Guide de correction (enseignants ; retiré de la version étudiante).* Trois critères, un
# par point de la consigne. Le critère 3 (une garantie concrète pour des patients nommés,
# argumentée depuis la fiche de l'alerte) porte la moitié des points, un et demi sur 3 ; le rappel
# du droit (critères 1 et 2) l'autre moitié : critère 1 sur un demi, critère 2 sur 1. Chaque
# élément n'est compté qu'une fois, dans son critère.
# La consigne est la même sur toutes les copies (aucun cas ni chiffre propre à la copie) :
# ce guide et ses copies exemples valent pour chacune. La réflexion se rédige après la
# séance et se rend à part, comme l'enseignant l'a annoncé (devoir Moodle par exemple) ; sa
# note se saisit à la main dans le formgrader, sur la cellule de réflexion de la copie
# ramassée en fin de séance. Le critère 3 exige un élément de la fiche imprimée dans la
# consigne : c'est ce qui sépare une copie qui a lu la fiche d'un texte général.
# Écrite hors de la salle, la réflexion peut être aidée (le critère 2(a) se lit presque dans
# la section 5, et un agent conversationnel à qui l'on donne la fiche peut écrire le critère
# 3) : la note n'est définitive qu'après une courte vérification orale de **chaque**
# étudiant (deux minutes, sans sa copie : expliquer son argument du critère 3) ; un
# argument que l'étudiant ne sait pas expliquer ne compte pas.
#
# **Critère 1 — Ce que le droit exigera de l'hôpital**, valeur
# V5 — Utilisation responsable et éclairée. Devoirs du déployeur, article 26 : usage conforme
# à la notice (§ 1) ; contrôle humain confié à des personnes qui ont la compétence, la
# formation et l'autorité nécessaires (§ 2 ; « des soignants formés qui peuvent passer
# outre » compte) ; surveillance du fonctionnement, signalement des incidents au fournisseur,
# suspension en cas de risque (§ 5). Que le système permette de passer outre est un devoir du
# fournisseur (article 14, § 4, d).
#
# - **un demi** : deux de ces devoirs, chacun avec son article (« article 26 » suffit).
# - **un quart** : un seul devoir juste de l'hôpital avec son article ; ou des devoirs justes
#   de l'hôpital sans article.
# - **0** : aucun devoir juste de l'hôpital. Un devoir du fournisseur (conception du contrôle
#   humain, article 14 ; marquage CE) donné comme devoir de l'hôpital ne compte pas et ne
#   retire rien : une copie qui ne cite que des devoirs du fournisseur a 0.
#
# **Critère 2 — Le calendrier, et ce qui est dû dès aujourd'hui**, valeur
# V4 — Prudence, esprit critique et inclusivité. Deux éléments :
#
# - **(a) quand, et l'article 111** : pour un dispositif médical, les règles du haut risque
#   s'appliqueront à partir du **2 août 2028** (annexe I, règlement (UE) 2026/1744) ; l'alerte,
#   nouvelle et mise sur le marché en 2029, après cette date, y est donc soumise dès sa mise
#   sur le marché : l'exception de l'article 111, paragraphe 2, ne vise que les systèmes mis
#   sur le marché ou en service **avant** la date de coupure, donc ne la dispense pas. Ce
#   « non » ne dépend pas de la version de l'article 111 (non relue au JO pour 2026). Dans
#   le texte de 2024, la coupure était le 2 août 2026. D'après les analyses du texte de
#   2026, elle sera le 2 août 2028 ; une mise sur le marché en 2029 viendra après les deux.
#   (a) exige la date **et** ce « non » avec sa
#   raison (mise sur le marché après la coupure) ; l'une ou l'autre date de coupure est
#   acceptée dans la raison. Une copie qui dit que l'article 111 dispense l'alerte, ou qui
#   donne la date sans dire si l'article 111 joue, n'a pas (a).
# - **(b) dès aujourd'hui** : au moins un devoir déjà en vigueur pour l'hôpital ou ses
#   soignants, qui vaudra encore en 2029 : la maîtrise de l'IA du personnel (article 4,
#   applicable depuis le 2 février 2025, modifié en 2026 ; « former », « soutenir la
#   formation » ou « assurer un niveau suffisant de maîtrise » comptent tous : le contenu
#   exact de l'article n'est pas jugé) ; la matériovigilance (signalement d'un incident grave à
#   l'ANSM, article L. 5212-2 du code de la santé publique, à l'hôpital par le correspondant
#   local de matériovigilance, article R. 5212-17) ; l'information du patient (article
#   L. 4001-3, module 09) ; un devoir déontologique nommé avec son article, de la **liste
#   fermée** vérifiée suivante : devoir d'information du patient, médecins (article
#   R. 4127-35 du code de la santé publique), infirmiers (R. 4312-13) et
#   masseurs-kinésithérapeutes (R. 4321-83 : « une information loyale, claire et appropriée
#   sur son état, et les soins qu'il lui propose ») ; devoir de conseil
#   lors de la dispensation, pharmaciens (R. 4235-48 : « la mise à disposition des
#   informations et les conseils nécessaires au bon usage du médicament »). Pour les autres
#   professions (sages-femmes…), aucun article n'a été vérifié ici : le
#   correcteur accepte tout devoir professionnel correctement cité (un article du code de la
#   santé publique qui existe et dit ce que la copie lui fait dire, vu sur Légifrance).
#   « La déontologie » sans autre précision ne compte pas. Un devoir du seul fabricant ne compte pas : la question
#   porte sur l'hôpital.
#
# Note : **1** si (a) et (b) ; **un demi** si l'un des deux ; **0** sinon. Une date du seul
# texte de 2024, ou d'une proposition, donnée comme celle qui vaut aujourd'hui ne donne pas
# (a) : le critère vaut alors au plus un demi.
#
# **Critère 3 — Ce qui est dû au-delà du droit**, valeur
# V1 — Priorité à la relation humaine ; V4 — Prudence, esprit critique et inclusivité (les
# patients pour qui l'alerte marche moins bien), avec le principe de justice du CENS.
#
# Trois éléments, **un demi** chacun :
#
# - **une garantie humaine concrète**, qui dit qui, quand ou comment (un soignant examine le
#   patient avant d'agir sur l'alerte, peut ne pas la suivre et le note ; le patient est
#   informé en mots simples ; l'équipe connaît le biais d'automatisation, module 09) ; une
#   garantie vague (« garder l'humain dans la boucle ») ne compte pas ;
# - **des patients nommés** pour qui l'alerte peut moins bien marcher (patients âgés, à
#   peau foncée, sous bêtabloquants, enfants, femmes enceintes…), avec ce que l'hôpital ou
#   l'équipe fait pour eux ;
# - **un argument tiré d'un élément précis de la fiche** imprimée dans la consigne (une
#   donnée qu'elle lit : l'oxymètre de pouls, la fréquence cardiaque, la température ; les
#   patients sur qui elle a appris : adultes de médecine, sans enfants, femmes enceintes ni
#   réanimation ; ce qu'elle ne voit pas : le patient au lit, ses traitements) qui relie la
#   garantie à ces patients (« l'oxymètre de pouls surestime la saturation chez les patients
#   à peau foncée (Sjoding et al., 2020) : l'alerte peut donc rester muette pour eux, et
#   l'infirmière les examine et recompte la fréquence respiratoire même sans alerte » ; « elle n'a pas appris sur des femmes enceintes :
#   la sage-femme ne s'y fie pas en maternité »). Un argument qui ne cite aucun élément de
#   la fiche (un texte général sur « les biais de l'IA ») n'a pas ce demi-point.
#
# **Trois copies exemples** (étudiantes et étudiants infirmiers).
#
# Copie A, **3 sur 3** :
#
# > « Quand les règles du haut risque s'appliqueront, l'hôpital devra utiliser l'alerte selon
# > sa notice (article 26, § 1) et confier le contrôle à des soignants formés qui peuvent
# > passer outre (article 26, § 2). Pour un dispositif médical, ces règles s'appliqueront le
# > 2 août 2028 ; l'article 111 ne dispense pas cette alerte, mise sur le marché après
# > cette date. Dès aujourd'hui, l'hôpital doit soutenir la formation de son personnel à
# > l'IA (article 4) et signaler un incident grave à la matériovigilance. Au-delà, l'infirmière
# > examine le patient avant d'appeler le médecin et note quand elle ne suit pas l'alerte ;
# > l'alerte lit la saturation au doigt, que l'oxymètre mesure moins bien sur peau foncée, et
# > la température, alors que la fièvre manque souvent chez les patients âgés : l'hôpital
# > vérifie qu'elle marche aussi bien pour eux, et l'infirmière les examine même sans
# > alerte. »
#
# Critère 1 : un demi (deux devoirs, articles) ; critère 2 : 1 ((a) et (b)) ; critère 3 : un et demi
# (garantie concrète, patients nommés, argument tiré de deux données que lit l'alerte d'après
# sa fiche).
#
# Copie B, **un et demi sur 3** :
#
# > « L'hôpital doit confier l'alerte à des soignants formés qui peuvent passer outre, et
# > surveiller son fonctionnement (article 26). Ces règles s'appliqueront le 2 août 2027,
# > et l'article 111 ne joue pas pour une alerte nouvelle.
# > Les soignants doivent aussi être formés à l'IA (article 4). Il faut garder l'humain dans
# > la boucle, et penser aux patients âgés, chez qui l'alerte se trompe plus souvent. »
#
# Critère 1 : un demi ; critère 2 : un demi (date du texte de 2024 donnée comme actuelle : pas
# de (a) ; l'article 4 donne (b)) ; critère 3 : un demi (des patients nommés, sans garantie
# concrète ni argument tiré de la fiche).
#
# Copie C, **trois quarts sur 3** :
#
# > « L'hôpital doit confier la surveillance des alertes à des soignants formés qui peuvent
# > passer outre (article 26). Le fabricant a dû faire certifier son logiciel par un organisme
# > notifié. Grâce à l'article 111, l'hôpital n'aura pas ces obligations, et pour l'instant
# > il n'en a aucune. Je pense qu'une infirmière doit toujours aller voir le patient avant
# > d'appeler le médecin, et noter si elle n'est pas d'accord avec l'alerte. »
#
# Critère 1 : un quart (un seul devoir de l'hôpital avec son article) ; critère 2 : 0
# (pas de date, et l'article 111 ne dispense pas une alerte mise sur le marché après 2028 :
# pas de (a) ; « aucune obligation » oublie l'article 4 et la matériovigilance : pas de (b)) ;
# critère 3 : un demi (garantie concrète ; ni patients nommés ni argument tiré de la fiche).
# ### END SOLUTION

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : les textes complets, pour après la séance.
montrer("MDR 2(1)", "MDCG 2019-11", "MDR règle 11", "IA 5", "IA 6(1)", "IA 16", "IA 25",
        "IA 26", "IA 14", "IA 4", "IA 113",
        "UE 2026/1744", "IA 50", "MDR 52")

# %% [markdown]
# ## Sources
#
# Textes résumés dans ce module (à lire sur EUR-Lex, eur-lex.europa.eu : le règlement sur l'IA
# sous la référence CELEX 32024R1689, sa version consolidée comprise ; le règlement (UE)
# 2026/1744 au Journal officiel L 2026/1744 ; le MDR sous la référence CELEX 32017R0745) :
#
# - Règlement (UE) 2024/1689 du Parlement européen et du Conseil du 13 juin 2024 établissant
#   des règles harmonisées concernant l'intelligence artificielle : considérants 12 et 53 ; articles 3
#   (points 1, 3, 4 et 23), 4, 5, 6, 14, 16, 25, 26, 27, 43, 50, 111 (modifié en 2026), 113,
#   annexes I et III. EUR-Lex.
# - Règlement (UE) 2026/1744 du Parlement européen et du Conseil du 8 juillet 2026 modifiant
#   le règlement (UE) 2024/1689 (omnibus numérique sur l'IA), JO L 2026/1744 du 24 juillet
#   2026 (CELEX 32026R1744) ; proposition de la Commission COM(2025) 836 du 19 novembre
#   2025. EUR-Lex.
# - Conseil de l'Union européenne, communiqué de presse du 29 juin 2026, « Artificial
#   intelligence: Council gives final green light to simplify and streamline rules », relu
#   pour ce cours en décembre 2026 : source des deux dates du report du haut risque
#   (section 5 ; systèmes autonomes, annexe III, et systèmes intégrés à des produits,
#   annexe I).
# - Code de la santé publique, articles L. 5212-2 et R. 5212-17 (matériovigilance) ; article
#   L. 4001-3 (information du patient) ; articles R. 4127-35, R. 4312-13, R. 4235-48 et
#   R. 4321-83 (codes de déontologie des médecins, des infirmiers, des pharmaciens et des
#   masseurs-kinésithérapeutes). Légifrance ; R. 4321-83 lu sur le site de déontologie de
#   l'Ordre des masseurs-kinésithérapeutes (deontologie.ordremk.fr).
# - Commission européenne. Proposition de règlement modifiant les règlements (UE) 2017/745 et
#   (UE) 2017/746 (simplification), et le règlement (UE) 2024/1689 quant à la liste de son
#   annexe I, COM(2025) 1023 du 16 décembre 2025 (proposition).
# - Délégation au numérique en santé et Agence du numérique en santé, « Éthique », doctrine du
#   numérique en santé, esante.gouv.fr : le cadre de l'éthique du numérique en santé (CENS) et
#   ses cinq principes (bienfaisance, non-malfaisance, autonomie, justice et équité,
#   écoresponsabilité).
# - Règlement (UE) 2017/745 du Parlement européen et du Conseil du 5 avril 2017 relatif aux
#   dispositifs médicaux : article 2, points 1 et 58 ; considérant 19 ; article 5, paragraphe 5 ;
#   article 16 ; article 52 ; annexe VIII, règle 11 ; annexe IX. EUR-Lex.
# - Sjoding MW, et al. Racial Bias in Pulse Oximetry Measurement. *N Engl J Med*
#   2020;383(25):2477-2478.
# - Medical Device Coordination Group. MDCG 2019-11 rev. 1 : Guidance on qualification and
#   classification of software in Regulation (EU) 2017/745 – MDR and Regulation (EU)
#   2017/746 – IVDR, octobre 2019, révision 1 de juin 2025. Commission européenne.
# - Medical Device Coordination Group et Comité européen de l'IA. MDCG 2025-6 / AIB 2025-1 :
#   Interplay between the Medical Devices Regulation (MDR) & In vitro Diagnostic Medical
#   Devices Regulation (IVDR) and the Artificial Intelligence Act (AIA), juin 2025. Commission
#   européenne.
