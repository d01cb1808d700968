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
# > - **V1 — Priorité à la relation humaine** : le règlement exigera, quand les règles du haut
# >   risque s'appliqueront, qu'une personne compétente puisse contrôler un système à haut
# >   risque et passer outre ; le patient a en face de lui un soignant, pas un logiciel.
# > - **V4 — Prudence, esprit critique et inclusivité** : ne dater une obligation que d'après
# >   les textes adoptés, jamais d'après une proposition.
# > - **V5 — Utilisation responsable et éclairée** : utiliser un outil selon sa notice, le
# >   comprendre (maîtrise de l'IA) et savoir ce que la loi demande à celui qui l'utilise.
# > - **V6 — Intégrité et transparence** : dire à une personne qu'elle échange avec une IA.
# >
# > **Cadre de l'éthique du numérique en santé (CENS)** : non-malfaisance (un logiciel qui se
# > trompe peut nuire : plus le risque est grave, plus le contrôle est strict), autonomie (être
# > informé qu'on parle à une machine), justice (l'accès aux soins et le tri des urgences sont
# > encadrés parce qu'ils décident de qui est soigné, et quand).
#
# ## Mode d'emploi
#
# Exécutez les cellules **dans l'ordre** (Maj + Entrée). Le code replié n'est pas à lire :
# lisez ce qu'il affiche. Pour répondre, remplacez **chaque** `...` (un par système ou par
# devoir) par votre réponse **entre guillemets**, exécutez, puis exécutez la
# **« Vérification »** ; des **indices** repliés s'ouvrent d'un clic. Un message en anglais
# (`SyntaxError`, `NameError`) signale presque toujours des guillemets oubliés. En **séance
# évaluée**, les vérifications disent seulement si la réponse est bien écrite.
#
# *Ce module enseigne ; il ne donne pas de conseil juridique. Les textes sont résumés et
# datés.*

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
# - Le **règlement (UE) 2024/1689 sur l'intelligence artificielle** (le « RIA », en anglais
#   *AI Act*) classe les systèmes d'IA selon le **risque** : quelques pratiques **interdites** ;
#   des systèmes **à haut risque**, très encadrés ; des obligations de **transparence** pour
#   ceux qui dialoguent ou génèrent du texte (on parle aussi de **risque limité**) ; le reste, à
#   **risque minimal**.
#
# Le règlement sur l'IA distingue deux acteurs. Le **fournisseur** développe le système et le
# met sur le marché sous son nom. Le **déployeur** l'utilise sous sa propre autorité dans un
# cadre professionnel : l'hôpital qui achète le logiciel et le fait utiliser par ses équipes.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : les définitions et les pratiques interdites, tirées de la
# bibliothèque du cours.
montrer("MDR 2(1)", "MDCG 2019-11", "IA 5")

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
#    système d'IA est alors **à haut risque** (article 6, paragraphe 1, dans son texte de
#    2024). En classe I (sauf cas particuliers), le fabricant déclare seul sa conformité : pas
#    de haut risque par cette voie. Le règlement (UE) 2026/1744 a ajouté des paragraphes à
#    l'article 6 ; ce cours ne les présente pas.
# 4. Son **usage** est-il l'un de ceux de l'**annexe III** ? En santé : évaluer, par ou pour une
#    autorité publique, le droit d'une personne à des services publics essentiels, dont les
#    soins ; trier les patients aux urgences et les appels d'urgence. Si oui : **haut risque**
#    (article 6, paragraphe 2).
# 5. **Dialogue**-t-il avec des personnes, ou **génère**-t-il du texte ? Si oui : obligations de
#    **transparence** (article 50), en plus des autres.
#
# **Explorateur.** Choisissez un système, puis répondez aux cinq questions
# dans les listes (au clavier : Tab pour passer d'une liste à l'autre, flèches pour choisir).
# Le tableau montre votre parcours, la catégorie et les obligations, avec leurs articles et
# leurs dates ; les résumés des textes sont repliés en dessous. La case « Comparer avec
# l'analyse du cours » s'active quand vos réponses mènent à une catégorie. Trois systèmes
# suffisent : la radiographie du thorax, l'application de bien-être et l'agent de rendez-vous.

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
#   un niveau de priorité pour chaque patient, d'après ses plaintes et ses constantes. Son
#   éditeur le présente comme un outil d'organisation de l'accueil, pas comme un dispositif
#   médical : prenez-le ici comme tel.
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
# La première question du parcours qui reçoit un « oui » décide de la catégorie ; la question 5
# ajoute la transparence, elle ne remplace pas un haut risque. Pour une application grand
# public, demandez-vous ce qu'elle promet à l'utilisateur.
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
            checks.Mistake(None, "même sans dispositif médical, il reste la question 4 du "
                           "parcours : l'usage de ce logiciel figure-t-il à l'annexe III "
                           "(point 5) ?", digest="e2c5ec9e2dad4256"),
            checks.Mistake(None, "la transparence (article 50) vise un système qui dialogue avec "
                           "des personnes ou génère du contenu ; celui-ci propose une priorité à "
                           "l'infirmier : revenez à la question 4 du parcours, avant la 5.",
                           digest="b048faff8c142de3"),
            checks.Mistake(None, "relisez les points de l'article 5 : aucun ne vise l'aide au tri "
                           "des patients ; passez aux questions suivantes du parcours.",
                           digest="9579c132431e6897"),
        ],
        "emotions_soignants": [
            checks.Mistake(None, "revenez à la question 1 du parcours : relisez le point f de "
                           "l'article 5 et ses deux exceptions ; évaluer l'engagement des "
                           "infirmiers en est-il une ?", digest="694f4377e529892f"),
            checks.Mistake(None, "une caméra qui analyse des visages ne dialogue avec personne : "
                           "revenez à la question 1 du parcours (article 5, point f).",
                           digest="7203248db5b15702"),
            checks.Mistake(None, "regardez d'abord la première question du parcours : la "
                           "pratique est-elle interdite ?",
                           digest="587f56b53716c1c7"),
        ],
        "absences_rdv": [
            checks.Mistake(None, "« IA en santé = haut risque » est faux : relisez les questions 2 "
                           "et 4 du parcours ; ce modèle a-t-il une finalité médicale pour un "
                           "patient ? son usage figure-t-il à l'annexe III ?",
                           digest="16a326a4fa867b3a"),
            checks.Mistake(None, "la transparence de l'article 50 vise les systèmes qui "
                           "dialoguent avec des personnes ou génèrent du contenu ; relisez "
                           "l'énoncé : à qui ce modèle parle-t-il ?",
                           digest="848cf35692cfefc0"),
        ],
        "grain_de_beaute": [
            checks.Mistake(None, "une application grand public peut être un dispositif médical : "
                           "relisez les questions 2 et 3 du parcours ; que promet-elle, et que "
                           "change la classe donnée dans l'énoncé ?",
                           digest="f368ad34301aa9a7"),
            checks.Mistake(None, "vous l'avez classée comme une application qui dialogue ; mais "
                           "la question 5 vient en dernier : relisez d'abord les questions 2 et 3 "
                           "du parcours (sa destination, sa classe).",
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
# message : relisez le point f de l'article 5
categories = {"tri_urgences": "haut risque", "emotions_soignants": "haut risque",
              "absences_rdv": "minimal", "grain_de_beaute": "haut risque"}

# %% mistake="categories"
# message : l'usage de ce logiciel figure-t-il à l'annexe III
categories = {"tri_urgences": "minimal", "emotions_soignants": "interdit",
              "absences_rdv": "minimal", "grain_de_beaute": "haut risque"}

# %% mistake="categories"
# message : revenez à la question 4 du parcours, avant la 5
categories = {"tri_urgences": "transparence", "emotions_soignants": "interdit",
              "absences_rdv": "minimal", "grain_de_beaute": "haut risque"}

# %% [markdown]
# ## 3. La classe d'un logiciel : la règle 11
#
# La classe décide de la suite : en classe I (sauf cas particuliers), pas d'organisme notifié,
# donc pas de haut risque par cette voie ; à partir de la classe IIa, un organisme notifié,
# donc le haut risque (article 6, paragraphe 1, dans son texte de 2024). La règle 11 regarde ce
# que le logiciel fait et la **gravité** de ce qu'une erreur peut entraîner.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : la règle 11.
montrer("MDR règle 11")

# %% [markdown]
# ### Question 2 — Trouver la classe (2 points)
#
# Ces cinq logiciels sont des dispositifs médicaux (on vous le donne). Pour chacun, écrivez
# entre guillemets sa classe par la règle 11 : `"I"`, `"IIa"`, `"IIb"` ou `"III"`.
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
# - **fertilite** : une application aide une femme qui souhaite être enceinte : un algorithme
#   validé calcule, d'après la température du matin et les dates des règles qu'elle saisit,
#   si le jour est fertile. Elle ne diagnostique ni ne traite aucune maladie, ne surveille pas
#   l'organisme en continu et ne sert pas à la contraception.
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
               "fertilite": ...}
### BEGIN SOLUTION
classes_mdr = {"ecg": "IIa", "dose_insuline": "IIb", "tumeur_cerebrale": "III",
               "saturation_rea": "IIb", "fertilite": "I"}
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
        "fertilite": "aee32923dea2b791",
    },
    mistakes={
        "ecg": [
            checks.Mistake(None, "relisez la première partie de la règle 11 : un logiciel qui "
                           "fournit des informations pour décider d'un diagnostic peut-il tomber "
                           "dans « tout autre logiciel », même s'il ne fait que « proposer » ?",
                           digest="88ac07d5c9282b83"),
            checks.Mistake(None, "la classe monte avec la gravité de ce qu'une erreur peut "
                           "entraîner ; ici, ni détérioration grave ni irréversible.",
                           digest="4179e6a145ecbbe1"),
        ],
        "dose_insuline": [
            checks.Mistake(None, "vous n'avez pas regardé la gravité : relisez les deux exceptions "
                           "de la première partie de la règle 11, et ce qu'une erreur peut "
                           "entraîner d'après l'énoncé.",
                           digest="b0ec0b449d26693f"),
            checks.Mistake(None, "grave n'est pas irréversible : relisez les deux exceptions de "
                           "la règle 11.",
                           digest="7aab3971a1ff91ee"),
        ],
        "tumeur_cerebrale": [
            checks.Mistake(None, "relisez les deux exceptions de la première partie de la règle "
                           "11 : laquelle vise une erreur qui peut causer la mort ou une lésion "
                           "irréversible ?", digest="1aa13b15dfd4e100"),
        ],
        "saturation_rea": [
            checks.Mistake(None, "relisez la deuxième partie de la règle 11 jusqu'au bout : son "
                           "exception vise des paramètres vitaux dont les variations exposent à "
                           "un danger immédiat ; est-ce le cas en réanimation ?",
                           digest="a71984cb7ac855e9"),
            checks.Mistake(None, "la deuxième partie de la règle 11 (surveiller) ne monte jamais "
                           "jusqu'à la classe III : celle-ci n'existe que pour un logiciel qui "
                           "informe une décision.", digest="63e6d6073ff23655"),
        ],
        "fertilite": [
            checks.Mistake(None, "relisez les trois parties de la règle 11 avec l'énoncé : "
                           "l'application informe-t-elle une décision de diagnostic ou de "
                           "traitement d'une maladie ? surveille-t-elle l'organisme ?",
                           digest="9a492a3d2b599730"),
        ],
    },
    success="la règle 11 met presque tout logiciel qui aide à décider en IIa ou au-dessus : un "
    "organisme notifié le vérifie, et c'est ce qui en fait un système à haut risque (article 6, "
    "paragraphe 1, dans son texte de 2024). L'application de fertilité est l'exemple de classe I "
    "du guide MDCG 2019-11.",
)
### BEGIN HIDDEN TESTS
checks.check_choices(
    classes_mdr,
    name="classes_mdr",
    options=["I", "IIa", "IIb", "III"],
    expected={"ecg": "IIa", "dose_insuline": "IIb", "tumeur_cerebrale": "III",
              "saturation_rea": "IIb", "fertilite": "I"},
)
### END HIDDEN TESTS

# %% mistake="classes_mdr"
# message : peut-il tomber dans « tout autre logiciel »
classes_mdr = {"ecg": "I", "dose_insuline": "IIb", "tumeur_cerebrale": "III",
               "saturation_rea": "IIb", "fertilite": "I"}

# %% mistake="classes_mdr"
# message : vous n'avez pas regardé la gravité
classes_mdr = {"ecg": "IIa", "dose_insuline": "IIa", "tumeur_cerebrale": "III",
               "saturation_rea": "IIb", "fertilite": "I"}

# %% mistake="classes_mdr"
# message : paramètres vitaux dont les variations exposent
classes_mdr = {"ecg": "IIa", "dose_insuline": "IIb", "tumeur_cerebrale": "III",
               "saturation_rea": "IIa", "fertilite": "I"}

# %% mistake="classes_mdr"
# message : ne monte jamais jusqu'à la classe III
classes_mdr = {"ecg": "IIa", "dose_insuline": "IIb", "tumeur_cerebrale": "III",
               "saturation_rea": "III", "fertilite": "I"}

# %% mistake="classes_mdr"
# message : l'application informe-t-elle une décision
classes_mdr = {"ecg": "IIa", "dose_insuline": "IIb", "tumeur_cerebrale": "III",
               "saturation_rea": "IIb", "fertilite": "IIa"}

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
# - **maitrise** : prendre des mesures qui favorisent la maîtrise de l'IA par le personnel qui
#   l'utilise ou la fait fonctionner.
#
# <details><summary>Indice 1</summary>
#
# Le fournisseur répond de ce qu'il **fabrique et vend** ; le déployeur de la façon dont il
# l'**utilise**, dans ses services, avec ses équipes.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Pour chaque devoir, demandez-vous qui a les moyens de le remplir : celui qui a conçu et
# vendu le produit, celui qui l'utilise avec ses équipes, ou chacun pour son propre
# personnel. Puis vérifiez dans l'article qui le fonde.
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
            checks.Mistake(None, "relisez à qui s'adresse l'article 16 : l'hôpital qui achète le "
                           "logiciel a-t-il conçu le produit qu'on certifie ?",
                           digest="6a58e65829a413d3"),
            checks.Mistake(None, "un produit est certifié une fois, par un seul acteur : relisez "
                           "à qui s'adresse l'article 16, et à qui l'article 26.",
                           digest="3c98e25b138ef826"),
        ],
        "systeme_qualite": [
            checks.Mistake(None, "la documentation technique décrit comment le système a été "
                           "conçu et testé : qui a les moyens de la tenir ?",
                           digest="1e7c9eef96022fc8"),
            checks.Mistake(None, "la démarche qualité de l'hôpital (sa certification par la HAS) "
                           "n'est pas le système de gestion de la qualité exigé par l'article 16 "
                           "pour ce produit : relisez à qui cet article s'adresse.",
                           digest="56445bea540ef248"),
        ],
        "controle_humain": [
            checks.Mistake(None, "vous confondez concevoir et exercer le contrôle : relisez "
                           "l'article 14 (comment le système est conçu) et l'article 26, "
                           "paragraphe 2 (qui désigne les soignants).",
                           digest="ef6f1c72bc04a693"),
            checks.Mistake(None, "l'item parle de désigner des soignants d'un service : qui les "
                           "connaît et les emploie ? Relisez l'article 26, paragraphe 2.",
                           digest="ae65b98426d2bb01"),
        ],
        "notice": [
            checks.Mistake(None, "écrire la notice et s'en servir sont deux devoirs différents : "
                           "l'item parle de l'utilisation au lit du patient ; qui utilise le "
                           "système dans les services ?", digest="56a8bd63595316f8"),
            checks.Mistake(None, "l'item ne parle pas d'écrire la notice mais d'utiliser le "
                           "système comme elle le prévoit : relisez l'article 26, paragraphe 1, "
                           "et à qui il s'adresse.", digest="56adb8159ef6be26"),
        ],
        "representants": [
            checks.Mistake(None, "relisez l'article 26, paragraphe 7 : qui emploie les soignants "
                           "et met le système en service sur leur lieu de travail ?",
                           digest="bbffafc3bca35d41"),
            checks.Mistake(None, "relisez l'article 26, paragraphe 7 : qui emploie les soignants "
                           "et met le système en service sur leur lieu de travail ?",
                           digest="6012644c069ca8d2"),
        ],
        "maitrise": [
            checks.Mistake(None, "relisez le début de l'article 4 : qui doit prendre ces "
                           "mesures ? Comptez les acteurs qu'il nomme.",
                           digest="fb16f8493fd81508"),
            checks.Mistake(None, "relisez le début de l'article 4 : qui doit prendre ces "
                           "mesures ? Comptez les acteurs qu'il nomme.",
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
# message : a-t-il conçu le produit qu'on certifie
devoirs = {"marquage_ce": "deployeur", "systeme_qualite": "fournisseur",
           "controle_humain": "deployeur", "notice": "deployeur", "representants": "deployeur",
           "maitrise": "les deux"}

# %% mistake="devoirs"
# message : Comptez les acteurs qu'il nomme
devoirs = {"marquage_ce": "fournisseur", "systeme_qualite": "fournisseur",
           "controle_humain": "deployeur", "notice": "deployeur", "representants": "deployeur",
           "maitrise": "deployeur"}

# %% mistake="devoirs"
# message : n'est pas le système de gestion de la qualité exigé par l'article 16
devoirs = {"marquage_ce": "fournisseur", "systeme_qualite": "les deux",
           "controle_humain": "deployeur", "notice": "deployeur", "representants": "deployeur",
           "maitrise": "les deux"}

# %% mistake="devoirs"
# message : l'item ne parle pas d'écrire la notice
devoirs = {"marquage_ce": "fournisseur", "systeme_qualite": "fournisseur",
           "controle_humain": "deployeur", "notice": "les deux", "representants": "deployeur",
           "maitrise": "les deux"}

# %% [markdown]
# ## 5. Le calendrier, et ce qui a changé en 2026
#
# Le règlement sur l'IA s'applique par étapes (article 113). En novembre 2025, la Commission
# européenne a proposé de reporter les règles du haut risque. Ce report a été **adopté** : c'est
# le règlement (UE) 2026/1744. Pour dater une obligation, on ne tient compte que des textes
# adoptés, jamais d'une simple proposition.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : le calendrier, tel que modifié en 2026.
montrer("IA 113")

# %% [markdown]
# ### Question 4 — Depuis quand, à partir de quand ? (2 points)
#
# Pour chaque obligation, écrivez entre guillemets sa date d'application, choisie parmi ces
# six, écrites comme dans l'explorateur. Trois sont passées : `"2 février 2025"`,
# `"2 août 2025"`, `"2 août 2026"` ; trois sont à venir : `"2 août 2027"`,
# `"2 décembre 2027"`, `"2 août 2028"`.
#
# - **emotions** : l'interdiction de la question 1 (émotions des soignants au travail).
# - **agent_rdv** : l'agent de rendez-vous de l'explorateur doit dire qu'il est une IA.
# - **tri** : les devoirs de l'hôpital pour le logiciel de tri des urgences de la question 1
#   (qui n'est pas un dispositif médical, comme l'énoncé l'a posé).
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
# Un système est à haut risque par l'une des deux voies du parcours (question 3 ou
# question 4) ; depuis le règlement (UE) 2026/1744, chaque voie a sa propre date. Pour chaque
# système, retrouvez d'abord sa voie.
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
            checks.Mistake(None, "relisez le début du calendrier (article 113) : quelles règles "
                           "se sont appliquées en premier ?", digest="eee7a3b6290f1e7d"),
            checks.Mistake(None, "le 2 août 2025 est la date des modèles d'IA à usage général "
                           "(ceux qui servent à tout, comme les grands modèles de langage), pas "
                           "celle des pratiques interdites : relisez le début du calendrier.",
                           digest="c4788c097c4cf2f1"),
        ],
        "agent_rdv": [
            checks.Mistake(None, "le report de 2026 vise le haut risque ; dire qu'on est une IA "
                           "relève de l'article 50, paragraphe 1, qui n'a pas été reporté : "
                           "relisez le calendrier.", digest="c4a6023692e306ba"),
            checks.Mistake(None, "un agent de rendez-vous n'est pas un « modèle d'IA à usage "
                           "général » : le 2 août 2025 vise ces modèles, pas l'obligation de "
                           "dire qu'on est une IA (article 50).",
                           digest="a72f2f82f2f54b62"),
        ],
        "tri": [
            checks.Mistake(None, "c'était la date du texte de 2024 ; le règlement (UE) 2026/1744, "
                           "adopté, a reporté les règles du haut risque de l'annexe III.",
                           digest="5aa827610fe36a74"),
            checks.Mistake(None, "vous avez pris la date de l'annexe I (dispositifs médicaux) ; "
                           "par quelle voie ce logiciel de tri, qui n'est pas un dispositif "
                           "médical, est-il à haut risque ?", digest="542f83db91c640d0"),
            checks.Mistake(None, "le 2 août 2027 était, dans le texte de 2024, la date des "
                           "dispositifs médicaux (annexe I) ; elle a été reportée, et ce "
                           "logiciel de tri n'est pas un dispositif médical.",
                           digest="f0392d592a6bc30d"),
        ],
        "sepsis": [
            checks.Mistake(None, "c'était la date du texte de 2024 pour les dispositifs médicaux ; "
                           "le règlement (UE) 2026/1744, adopté, l'a reportée.",
                           digest="94f40965571f930d"),
            checks.Mistake(None, "vous avez pris la date de l'annexe III ; relisez par quelle "
                           "voie l'alerte de sepsis, dispositif de classe III, est à haut risque.",
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
# message : qui n'a pas été reporté
dates = {"emotions": "2 février 2025", "agent_rdv": "2 décembre 2027", "tri": "2 décembre 2027",
         "sepsis": "2 août 2028"}

# %% mistake="dates"
# message : vous avez pris la date de l'annexe I
dates = {"emotions": "2 février 2025", "agent_rdv": "2 août 2026", "tri": "2 août 2028",
         "sepsis": "2 août 2028"}

# %% mistake="dates"
# message : le 2 août 2025 vise ces modèles, pas
dates = {"emotions": "2 février 2025", "agent_rdv": "2 août 2025", "tri": "2 décembre 2027",
         "sepsis": "2 août 2028"}

# %% mistake="dates"
# message : pas celle des pratiques interdites
dates = {"emotions": "2 août 2025", "agent_rdv": "2 août 2026", "tri": "2 décembre 2027",
         "sepsis": "2 août 2028"}

# %% mistake="dates"
# message : la date des dispositifs médicaux (annexe I) ; elle a été reportée
dates = {"emotions": "2 février 2025", "agent_rdv": "2 août 2026", "tri": "2 août 2027",
         "sepsis": "2 août 2028"}

# %% [markdown]
# ## À retenir
#
# - C'est la **destination** annoncée par le fabricant qui fait d'un logiciel un dispositif
#   médical ; une application de bien-être n'en est pas un.
# - La **règle 11** met presque tout logiciel qui aide à décider en classe IIa ou plus : un
#   organisme notifié le vérifie, et le système d'IA est alors **à haut risque** (article 6,
#   paragraphe 1, dans son texte de 2024).
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
#   surveillance et signalement des incidents ; maîtrise de l'IA du personnel (article 4).
#   L'information du patient sur l'usage d'un dispositif appris sur des données massives (code
#   de la santé publique, article L. 4001-3, module 09) compte aussi, comme devoir du
#   professionnel de santé qui l'utilise (pas de l'hôpital). Les devoirs du fournisseur et
#   ceux de l'hôpital ne sont pas confondus.
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
#   soignant. Accepter aussi la remarque qu'un système déjà en service avant cette date peut
#   relever d'un régime transitoire (article 111, voir « Pour aller plus loin »).
# - **un demi** : la date est juste mais la copie en conclut que rien n'est dû en attendant, ou la
#   copie cite la date du texte de 2024 ou celle de la proposition comme si elle valait.
# - **0** : aucune date donnée, ou une date fausse.
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
# **0** (aucune date n'est donnée ; « pas d'obligation » oublie en outre le MDR et l'article 4,
# qui s'appliquent déjà) ; critère 3,
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
# - **Les deux voies à la fois.** La question 1 a posé que le logiciel de tri n'est pas un
#   dispositif médical. Si son éditeur lui donnait une destination médicale, il pourrait l'être
#   (classe IIa ou plus) et relever des deux voies du haut risque ; ce cours ne dit pas quelle
#   date prévaudrait alors.
# - **Les systèmes déjà en service.** Dans son texte de 2024, l'article 111, paragraphe 2,
#   n'appliquait les règles du haut risque à un système mis sur le marché ou en service avant
#   le 2 août 2026 que s'il était ensuite modifié de façon importante (et au plus tard en 2030
#   pour ceux destinés aux autorités publiques). Le règlement (UE) 2026/1744 a pu modifier ce point :
#   lisez la version consolidée sur EUR-Lex.
# - **L'hôpital public.** Dans son texte de 2024, l'article 27 demande aux organismes de droit
#   public (un hôpital public par exemple) qui déploient un système à haut risque de
#   l'annexe III, comme un logiciel de tri, une analyse d'impact sur les droits fondamentaux
#   avant sa mise en service.
# - **Le droit français.** L'information du patient quand un dispositif médical appris sur des
#   données massives est utilisé : module 09 (code de la santé publique, article L. 4001-3).
#
# Les textes à lire après la séance : le règlement qui a modifié le calendrier, la
# transparence, ce que vérifie l'organisme notifié.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : trois textes de plus, pour après la séance.
montrer("UE 2026/1744", "IA 50", "MDR 52")

# %% [markdown]
# ## Sources
#
# Textes résumés dans ce module (liens dans la bibliothèque du cours, `esn_teach.law`) :
#
# - Règlement (UE) 2024/1689 du Parlement européen et du Conseil du 13 juin 2024 établissant
#   des règles harmonisées concernant l'intelligence artificielle : articles 3, 4, 5, 6, 14,
#   16, 26, 27, 50, 111, 113, annexes I et III. EUR-Lex.
# - Règlement (UE) 2026/1744 du Parlement européen et du Conseil du 8 juillet 2026 modifiant
#   le règlement (UE) 2024/1689 (omnibus numérique sur l'IA), Journal officiel de l'Union du
#   24 juillet 2026 ; proposition de la Commission COM(2025) 836 du 19 novembre 2025. EUR-Lex.
# - Règlement (UE) 2017/745 du Parlement européen et du Conseil du 5 avril 2017 relatif aux
#   dispositifs médicaux : article 2, point 1 ; considérant 19 ; article 52 ; annexe VIII,
#   règle 11 ; annexe IX. EUR-Lex.
# - Medical Device Coordination Group. MDCG 2019-11 rev. 1 : Guidance on qualification and
#   classification of software in Regulation (EU) 2017/745 – MDR and Regulation (EU)
#   2017/746 – IVDR, octobre 2019, révision 1 de juin 2025. Commission européenne.
# - Medical Device Coordination Group et Comité européen de l'IA. MDCG 2025-6 / AIB 2025-1 :
#   Interplay between the Medical Devices Regulation (MDR) & In vitro Diagnostic Medical
#   Devices Regulation (IVDR) and the Artificial Intelligence Act (AIA), juin 2025. Commission
#   européenne.
