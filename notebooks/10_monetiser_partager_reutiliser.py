# %% [markdown]
# # Module 10 — Puis-je monétiser, échanger, réutiliser ?
#
# *Cours « IA et santé » — École de santé numérique, Université de Montpellier.*
#
# **Prérequis** : aucun, ni en programmation ni en droit. Le module 11 (pseudonymiser,
# anonymiser) prolonge celui-ci.
#
# ## Ce que vous saurez faire à la fin de ce module
#
# 1. Dire si une information est une **donnée de santé** au sens du RGPD et pourquoi son
#    traitement est **interdit par principe**.
# 2. Dire ce qu'il faut pour la traiter quand même : une **base légale** (article 6) **et** une
#    **exception** de l'article 9(2).
# 3. Dire quand il faut un **hébergeur certifié HDS**, et ce que la loi interdit de
#    **vendre**.
# 4. Après la séance : le SNDS ; données **pseudonymisées** ou **anonymes** ; verdict
#    (**licite**, **illicite**, **sous condition**) ; sanctions de la CNIL.
#
# > **Les valeurs de l'école dans ce module**
# >
# > - **V5 — Utilisation responsable et éclairée** : le droit d'utiliser une donnée vaut pour
# >   un but précis ; permis ne veut pas dire légitime.
# > - **V6 — Intégrité et transparence** : ne pas appeler « anonyme » ce qui est seulement
# >   pseudonymisé, informer les patients, citer l'article qui décide.
# > - **V7 — Partage et collaboration** : partager pour chercher dans un cadre qui protège les
# >   patients (l'hôpital et la start-up de la question 7).
# >
# > **Cadre de l'éthique du numérique en santé** (CENS, de la Délégation au numérique en santé
# > et de l'Agence du numérique en santé) : bienfaisance (la recherche encadrée),
# > non-malfaisance (ni vente ni sélection des risques), autonomie (information), justice et
# > équité (pas de cotisation selon la maladie), écoresponsabilité (chaque copie stockée a un
# > coût pour l'environnement).
#
# ## Mode d'emploi
#
# - Exécutez les cellules **dans l'ordre** : cliquez dans la cellule, puis **Maj + Entrée**.
# - Remplacez les `...` par **un texte entre guillemets** choisi dans la liste proposée (par
#   exemple `"a"`), exécutez la cellule, puis la cellule **repliée** juste en dessous (la
#   vérification).
# - Gardez tel quel le nom à gauche du `=` ; majuscules et accents ne comptent pas.
# - Une option n'est juste que si sa **raison** l'est aussi. Des **indices** sont repliés
#   sous chaque question.
# - Repères : question 2 vers la 20e minute, question 5 vers la 50e.
# - Un **cadre rouge** « ✘ Réponse à revoir » n'est pas une panne.
#
# > **Avertissement.** Les situations des questions sont **fictives**, écrites pour ce cours ;
# > les décisions de la CNIL et de la Cour de justice sont réelles. Support d'enseignement,
# > **pas un conseil juridique** ; les textes changent (date de vérification ci-dessous). Devant
# > un vrai projet, voyez le délégué à la protection des données (DPO) de votre établissement.

# %%
from esn_teach import checks, law

print(f"Références juridiques vérifiées le {law.LEGAL_FACTS_LAST_CHECKED:%d/%m/%Y}.")

# %% [markdown]
# ## Une question de chercheur
#
# Des chercheurs de l'École de santé numérique demandent :
#
# > « Si j'ai le droit d'utiliser des données, ai-je le droit de les monétiser, de les échanger,
# > de les traiter pour tel diagnostic ? »
#
# La réponse courte est : **pas automatiquement**. Posez-vous cinq questions, **dans
# l'ordre** (une grille de lecture, pas la loi) :
#
# 1. Est-ce une donnée de santé ?
# 2. Sur quel fondement peut-on la traiter ?
# 3. Qui héberge les données ?
# 4. Le but (la *finalité*) ou l'acte envisagé est-il interdit ?
# 5. Pour qui les détient, les données sont-elles nominatives, pseudonymisées ou anonymes ?
#
# Les textes : le **RGPD** (règlement (UE) 2016/679), européen ; le **code de la santé
# publique** (CSP) et la **loi Informatique et Libertés** (LIL), français.
#
# <details><summary>Comment ces textes s'articulent ; qui contrôle, qui sanctionne ? (lecture facultative)</summary>
#
# Le RGPD vaut dans toute l'Union européenne. Pour les données de santé, il permet à chaque
# pays de **maintenir ou d'introduire** des conditions supplémentaires (article 9,
# paragraphe 4) : la France en a gardé ou ajouté dans le CSP, et certaines sont plus anciennes
# que le RGPD (l'interdiction de vendre des données de santé identifiantes date d'une loi de
# 2004). Pour la
# recherche, c'est le RGPD lui-même qui renvoie au droit national (article 9, paragraphe 2,
# point j, et article 89) : la LIL en fixe les formalités.
#
# La **CNIL** (Commission nationale de l'informatique et des libertés) contrôle le respect du
# RGPD et de la LIL, et sanctionne ; certaines interdictions du CSP, comme la vente de données
# de santé identifiantes, sont aussi des délits, jugés par le juge pénal.
# </details>

# %% [markdown]
# ## Étape 1 sur 5 — Est-ce une donnée de santé ?
#
# > **En clair.** Une donnée de santé parle d'une personne qu'on peut reconnaître **et** dit
# > quelque chose de sa santé. La traiter est interdit, sauf dans les cas des étapes suivantes.
#
# Une **donnée personnelle** porte sur une personne identifiée ou identifiable (RGPD,
# article 4, point 1). Elle est **de santé** si elle révèle des informations sur l'état de
# santé de cette personne (article 4, point 15) ; il suffit qu'on puisse les **déduire**, même
# sans certitude (Cour de justice de l'Union européenne, arrêt du 4 octobre 2024, C-21/23).
# Traiter ces données (les collecter, conserver, transmettre, analyser…) est **interdit par
# principe** (article 9, paragraphe 1).
#
# <details><summary>Pour aller plus loin : le texte exact, l'arrêt de la Cour et le considérant 35 (lecture facultative)</summary>
#
# L'article 4, point 15 : « les données à caractère personnel relatives à la santé physique ou
# mentale d'une personne physique, y compris la prestation de services de soins de santé, qui
# révèlent des informations sur l'état de santé de cette personne ». L'arrêt C-21/23 portait
# sur des médicaments sans ordonnance, réservés aux pharmacies, commandés en ligne. Un
# *considérant* est un paragraphe d'explication placé en tête du règlement : le
# considérant 35 range aussi parmi les données de santé ce qui est recueilli pour s'inscrire à
# des soins, et un numéro attribué à une personne pour l'identifier à des fins de santé.
# </details>
#
# ### Question 1 — Trouvez l'intrus (2 points)

# %% [markdown] session="formative"
# Trois de ces informations sont des données de santé au sens du RGPD ; une seule ne l'est
# pas. Laquelle ? Répondez `"a"`, `"b"`, `"c"` ou `"d"`.
#
# - **a.** Le bulletin de l'agence régionale de santé : « 412 cas de tuberculose déclarés
#   cette année dans la région », sans commune ni date.
# - **b.** Le bulletin d'un village de 80 habitants, qui signale un cas de tuberculose « chez
#   notre doyenne », sans la nommer.
# - **c.** Le nom, l'adresse et la liste des médicaments **sans ordonnance** qu'un client a
#   commandés sur le site de sa pharmacie.
# - **d.** Le tableau des séjours d'un hôpital, où chaque nom de patient est remplacé par un
#   code ; l'hôpital sait qui est derrière chaque code.

# %% [markdown] session="evaluation"
# La consigne et les quatre informations, tirées pour votre copie, sont affichées par la
# cellule repliée ci-dessous. Répondez `"a"`, `"b"`, `"c"` ou `"d"`.

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : il tire vos cas à partir de votre identifiant, puis affiche
# la consigne et les options de la question 1, dans l'ordre tiré pour votre copie. Exécutez-le
# (Maj + Entrée).
import numpy as np
from IPython.display import Markdown, display

from esn_teach import checks
from esn_teach.law._tasks10 import _statement

GRAINE = checks.student_seed("10")
display(Markdown(_statement(GRAINE, 1, markdown=True)))

# %% [markdown]
# <details><summary>Indice 1</summary>
#
# Une donnée de santé est une donnée personnelle qui dit quelque chose de la **santé** de la
# personne concernée. Pour chaque information : de qui parle-t-elle, et qu'apprend-on de sa
# santé ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Relisez l'étape 1 : de quelles données parle l'article 4, point 15 d'abord ? Pour
# chaque option, nommez la personne concernée, puis dites ce que l'information apprend **de sa
# santé à elle**.
# </details>

# %% answer="intrus" session="formative"
intrus = ...
### BEGIN SOLUTION
intrus = "a"
### END SOLUTION

# %% answer="intrus" session="evaluation"
intrus = ...
### BEGIN SOLUTION
from esn_teach.law._tasks10 import _letter

intrus = _letter(GRAINE, 1, ("a", "e"))
### END SOLUTION

# %% tests="intrus" points=2 session="formative"
# Vérification de la question 1 : exécutez cette cellule.
checks.check_choice(
    intrus,
    name="intrus",
    options=["a", "b", "c", "d"],
    digest="346b2b2fccb94f38",
    mistakes=[
        checks.Mistake(
            None,
            "une commande de médicaments, même sans ordonnance, rattachée au nom du client "
            "révèle des informations sur sa santé : c'est une donnée de santé (Cour de justice "
            "de l'Union européenne, arrêt du 4 octobre 2024, C-21/23).",
            digest="741cef33f12864ec",
        ),
        checks.Mistake(
            None,
            "sans son nom, la doyenne d'un village de 80 habitants est reconnue de tous : "
            "elle est identifiable (RGPD, article 4, point 1 : identifiée « directement ou "
            "indirectement »), et l'on apprend sa maladie. C'est une donnée personnelle qui "
            "révèle son état de santé : une donnée de santé. La question porte sur la nature "
            "de l'information, pas sur le droit de la publier.",
            digest="5742f4e2d9ad2436",
        ),
        checks.Mistake(
            None,
            "un code à la place du nom ne rend pas les données anonymes : l'hôpital sait "
            "qui est derrière chaque code ; le patient reste identifiable, et ses séjours "
            "révèlent sa santé. Des données pseudonymisées restent personnelles (RGPD, "
            "considérant 26).",
            digest="bfae2eb710642d91",
        ),
    ],
    success=(
        "c'est la bonne réponse (a). 412 cas dans une région, sans commune ni date, ne désignent "
        "personne : pas de donnée personnelle, donc pas de donnée de santé (article 4, point "
        "15). Dans un "
        "village de 80 habitants, « notre doyenne » désigne une seule personne (b). La "
        "commande (c) révèle la santé du client (C-21/23). Le tableau codé (d) est "
        "pseudonymisé : l'hôpital retrouve chaque patient (considérant 26)."
    ),
)
### BEGIN HIDDEN TESTS
checks.check_choice(intrus, name="intrus", options=["a", "b", "c", "d"], expected="a")
### END HIDDEN TESTS

# %% mistake="intrus" session="formative"
# message : même sans ordonnance
intrus = "c"

# %% mistake="intrus" session="formative"
# message : la doyenne d'un village de 80 habitants est reconnue de tous
intrus = "b"

# %% mistake="intrus" session="formative"
# message : considérant 26
intrus = "D"

# %% tests="intrus" points=2 session="evaluation"
# Vérification de la question 1 : exécutez cette cellule.
checks.check_form(intrus, name="intrus", kind="choice", options=["a", "b", "c", "d"])
### BEGIN HIDDEN TESTS
# fmt: off
graine_q1 = checks.student_seed("10", announce=False)
version_q1 = int(np.random.default_rng([graine_q1, 11]).integers(2))
items_q1 = (("b", "d", "c", "a"), ("g", "e", "h", "i"))[version_q1]
rang_q1 = np.random.default_rng([graine_q1, 1]).permutation(4)
nouvelle_q1 = {items_q1[int(numero)]: lettre for lettre, numero in zip("abcd", rang_q1, strict=True)}
messages_q1 = (
    {
        "d": "un numéro à la place du nom ne rend pas les données anonymes : le laboratoire sait qui est derrière chaque numéro ; le patient reste identifiable, et ses analyses renseignent sur sa santé. Des données pseudonymisées restent personnelles (RGPD, considérant 26) : c'est une donnée de santé.",
        "b": "sans son nom, le capitaine d'un club est reconnu de tous ses membres : il est identifiable (RGPD, article 4, point 1 : identifiée « directement ou indirectement »), et l'on apprend sa blessure. C'est une donnée personnelle qui révèle son état de santé : une donnée de santé. La question porte sur la nature de l'information, pas sur le droit de la publier.",
        "c": "des bandelettes de glycémie et des aiguilles pour stylo injecteur, rattachées au nom du client, laissent déduire qu'il est diabétique : l'information renseigne sur sa santé, c'est une donnée de santé (RGPD, article 4, point 15). La Cour de justice l'a jugé pour des médicaments commandés en ligne sans ordonnance (arrêt du 4 octobre 2024, C-21/23).",
    },
    {
        "i": "un code à la place du nom ne rend pas les données anonymes : l'association sait qui est derrière chaque code ; le participant reste identifiable, et sa tension artérielle renseigne sur sa santé. Des données pseudonymisées restent personnelles (RGPD, considérant 26) : c'est une donnée de santé.",
        "g": "sans son nom, la maîtresse d'une classe est reconnue de tous les parents : elle est identifiable (RGPD, article 4, point 1 : identifiée « directement ou indirectement »), et l'on apprend son opération. C'est une donnée personnelle qui révèle son état de santé : une donnée de santé. La question porte sur la nature de l'information, pas sur le droit de la diffuser.",
        "h": "des protections contre les fuites urinaires et une alèse, rattachées au nom de la cliente, laissent déduire un trouble de sa santé : l'information renseigne sur sa santé, c'est une donnée de santé (RGPD, article 4, point 15). La Cour de justice l'a jugé pour des médicaments commandés en ligne sans ordonnance (arrêt du 4 octobre 2024, C-21/23).",
    },
)[version_q1]
checks.check_choice(
    intrus, name="intrus", options=["a", "b", "c", "d"], expected=nouvelle_q1[("a", "e")[version_q1]],
    mistakes=[checks.Mistake(nouvelle_q1[item], message) for item, message in messages_q1.items()],
    success=(
        "c'est la bonne réponse : le bilan d'activité du cabinet, sans nom ni date, ne désigne aucun patient ; ce n'est pas une donnée personnelle, donc pas une donnée de santé (RGPD, article 4, points 1 et 15). Le capitaine reconnu de tous, les achats rattachés au nom du client et le fichier codé dont le laboratoire garde la liste désignent chacun une personne et renseignent sur sa santé.",
        "c'est la bonne réponse : l'annuaire contient des données personnelles (le nom et l'adresse de chaque médecin), mais il ne dit rien de leur santé : ce n'est pas une donnée de santé (RGPD, article 4, point 15). La maîtresse reconnue de tous les parents, les achats rattachés au nom de la cliente et le tableau codé dont l'association garde la liste désignent chacun une personne et renseignent sur sa santé.",
    )[version_q1],
)
# fmt: on
### END HIDDEN TESTS

# %% mistake="intrus" session="evaluation"
# message : Des données pseudonymisées restent personnelles
from esn_teach.law._tasks10 import _letter

intrus = _letter(GRAINE, 1, ("d", "i"))

# %% mistake="intrus" session="evaluation"
# message : identifiée « directement ou indirectement »
from esn_teach.law._tasks10 import _letter

intrus = _letter(GRAINE, 1, ("b", "g"))

# %% mistake="intrus" session="evaluation"
# message : laissent déduire
from esn_teach.law._tasks10 import _letter

intrus = _letter(GRAINE, 1, ("c", "h"))

# %% [markdown]
# ## Étape 2 sur 5 — Sur quel fondement ?
#
# > **En clair.** Il faut **deux** textes à la fois : une base légale (article 6) **et** une
# > exception à l'interdiction (article 9(2)). L'exception se choisit d'après le **but** du
# > traitement : soigner, chercher…
#
# Les deux conditions (même Cour, arrêt du 21 décembre 2023, C-667/21) :
#
# - une **base légale** : l'une des six de l'article 6 (liste repliée) ;
# - une **exception** de l'article 9, paragraphe 2, qui lève l'interdiction. Les plus
#   courantes en santé (« 9(2)(a) » se lit : article 9, paragraphe 2, point a) :
#
# | Exception | Quand ? |
# |---|---|
# | **9(2)(a)** consentement explicite | la personne a dit oui, pour un but précis |
# | **9(2)(h)** soins | diagnostic, soins, médecine préventive ou du travail, gestion des services de santé, sous secret professionnel |
# | **9(2)(i)** intérêt public en santé publique | sur la base d'une loi, « tels que » menaces transfrontalières graves, « normes élevées de qualité et de sécurité des soins de santé et des médicaments ou des dispositifs médicaux » |
# | **9(2)(j)** recherche et statistiques | une étude scientifique, sur la base d'une loi, avec des garanties ; en France, une formalité CNIL |
#
# <details><summary>Les six bases légales de l'article 6, en une ligne chacune</summary>
#
# - **Consentement** : la personne a dit oui, pour un but précis.
# - **Contrat** : nécessaire à un contrat avec la personne, ou à ce qu'elle
#   a demandé avant de le signer.
# - **Obligation légale** : une loi impose ce traitement à l'organisme.
# - **Intérêts vitaux** : protéger la vie de la personne ou d'une autre.
# - **Mission d'intérêt public** : une mission confiée à l'organisme par la loi, comme celle
#   d'un hôpital public.
# - **Intérêts légitimes** : un intérêt de l'organisme ou d'un tiers, s'il ne l'emporte pas
#   sur les droits des personnes ; une autorité publique ne peut pas l'invoquer pour ses
#   missions.
# </details>
#
# <details><summary>Une autre exception : les intérêts vitaux</summary>
#
# **9(2)(c)** : sauver une personne hors d'état de consentir.
# </details>
#
# <details><summary>Deux consentements à ne pas confondre</summary>
#
# Le consentement aux **soins** est une autre règle : aucun acte ni traitement sans le
# consentement libre et éclairé du patient (CSP, article L1111-4). Le consentement au
# **traitement des données** (9(2)(a)) n'est qu'une exception parmi d'autres.
# </details>

# %% [markdown] session="formative"
# ### Question 2 — L'exception des soins suffit-elle ? (2 points)
#
# > Interrogée sur ce qui l'autorise à traiter les données de santé de ses patients, une
# > maison de santé libérale répond :
# > « L'article 9(2)(h) du RGPD, l'exception des soins ; il ne faut rien d'autre. »
#
# A-t-elle raison ? Répondez `"a"`, `"b"`, `"c"` ou `"d"`.
#
# - **a.** Oui : pour des données de santé, l'article 9 remplace l'article 6, qui ne vise que
#   les autres données personnelles.
# - **b.** Non : cette exception permet de toucher à des données de santé ; le traitement
#   doit aussi relever de l'article 6.
# - **c.** Non : pour des données de santé, il faut en plus le consentement explicite de
#   chaque patient, l'exception 9(2)(a).
# - **d.** Oui : l'exception des soins est la base légale propre aux professionnels de santé
#   tenus au secret.

# %% [markdown] session="evaluation"
# ### Question 2 — Ce fondement suffit-il ? (2 points)
#
# Le cas de votre copie et ses options sont affichés par la cellule repliée ci-dessous.
# Répondez `"a"`, `"b"`, `"c"`, `"d"`, `"e"` ou `"f"`.

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : il affiche la réponse de la maison de santé et les options
# de la question 2, tirées pour votre copie. Exécutez-le (Maj + Entrée).
from IPython.display import Markdown, display

from esn_teach import checks
from esn_teach.law._tasks10 import _statement

display(Markdown(_statement(checks.student_seed("10", announce=False), 2, markdown=True)))

# %% [markdown]
# <details><summary>Indice 1</summary>
#
# Combien de conditions faut-il réunir pour traiter une donnée de santé ? Lesquelles la
# maison de santé a-t-elle citées ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Relisez le début de l'étape 2 : les deux puces, puis le paragraphe « Deux consentements à
# ne pas confondre ». À quelle question répond chacun des deux articles ? Comparez chaque
# option à ce passage.
# </details>

# %% answer="fondement_soins" session="formative"
fondement_soins = ...
### BEGIN SOLUTION
fondement_soins = "b"
### END SOLUTION

# %% answer="fondement_soins" session="evaluation"
fondement_soins = ...
### BEGIN SOLUTION
from esn_teach.law._tasks10 import _letter

fondement_soins = _letter(GRAINE, 2, ("f", "e"))
### END SOLUTION

# %% tests="fondement_soins" points=2 session="formative"
# Vérification de la question 2 : exécutez cette cellule.
checks.check_choice(
    fondement_soins,
    name="fondement_soins",
    options=["a", "b", "c", "d"],
    digest="802c8e60a6763bee",
    mistakes=[
        checks.Mistake(
            None,
            "l'article 9 ne remplace pas l'article 6 pour les données de santé : c'est la "
            "lecture que la Cour de justice a écartée (arrêt du 21 décembre 2023, C-667/21). "
            "Relisez le début de l'étape 2 avant de choisir une autre option.",
            digest="013abfbee91f30f5",
        ),
        checks.Mistake(
            None,
            "vous confondez deux consentements. Le consentement au traitement des données "
            "(RGPD, 9(2)(a)) n'est pas la condition pour traiter les données des patients "
            "qu'on soigne : l'exception des soins (h) lève déjà l'interdiction. Le consentement "
            "aux soins (CSP, L1111-4) est une autre règle, qui reste due. Ce qui manque dans la "
            "réponse de la maison de santé est d'une autre nature.",
            digest="09befafae2315ccd",
        ),
        checks.Mistake(
            None,
            "une exception de l'article 9(2), même celle des soins, n'est pas une base légale : "
            "les deux n'ont pas le même rôle (Cour de justice, arrêt du 21 décembre 2023, "
            "C-667/21). Relisez le début de l'étape 2.",
            digest="f87429950904bc56",
        ),
    ],
    success=(
        "c'est la bonne réponse (b). L'exception des soins lève l'interdiction de l'article 9 ; "
        "elle ne dit pas à quel titre le traitement est licite : il faut aussi une base légale "
        "de l'article 6 (C-667/21), que la maison de santé doit savoir nommer. Le consentement "
        "au traitement des données (9(2)(a)) n'est pas exigé ; le consentement aux soins reste "
        "dû (CSP, L1111-4)."
    ),
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    fondement_soins, name="fondement_soins", options=["a", "b", "c", "d"], expected="b"
)
### END HIDDEN TESTS

# %% mistake="fondement_soins" session="formative"
# message : l'article 9 ne remplace pas l'article 6
fondement_soins = "a"

# %% mistake="fondement_soins" session="formative"
# message : vous confondez deux consentements
fondement_soins = "C"

# %% mistake="fondement_soins" session="formative"
# message : n'est pas une base légale
fondement_soins = "d"

# %% tests="fondement_soins" points=2 session="evaluation"
# Vérification de la question 2 : exécutez cette cellule.
checks.check_form(
    fondement_soins, name="fondement_soins", kind="choice", options=["a", "b", "c", "d", "e", "f"]
)
### BEGIN HIDDEN TESTS
# fmt: off
graine_q2 = checks.student_seed("10", announce=False)
version_q2 = int(np.random.default_rng([graine_q2, 12]).integers(2))
rang_q2 = np.random.default_rng([graine_q2, 2]).permutation(6)
nouvelle_q2 = {"cbedfa"[int(numero)]: lettre for lettre, numero in zip("abcdef", rang_q2, strict=True)}
autre_q2 = "cette réponse correspond à une autre consigne que la vôtre : relisez ce que demande votre énoncé. "
messages_q2 = (
    {
        "e": autre_q2 + "La maison de santé de votre copie cite déjà une exception de l'article 9(2), celle des soins, et une base légale de l'article 6 : les deux conditions de licéité sont réunies.",
        "b": "la maison de santé de votre copie cite déjà une base légale de l'article 6 : relisez sa réponse, puis les deux conditions du début de l'étape 2.",
        "a": "la conclusion est juste, pas la raison : l'article 9 ne remplace pas l'article 6 pour les données de santé, il faut les deux (Cour de justice, arrêt du 21 décembre 2023, C-667/21). C'est parce qu'elle cite les deux que la maison de santé a raison.",
        "c": "vous confondez deux consentements. Le consentement au traitement des données (9(2)(a)) n'est qu'une des exceptions de l'article 9(2) ; pour les patients qu'elle soigne, l'exception des soins (h), qu'elle cite, lève déjà l'interdiction. Le consentement aux soins (CSP, L1111-4) est une autre règle, qui reste due.",
        "d": "la conclusion est juste, pas la raison : être tenu au secret ne dispense d'aucune des conditions de l'étape 2 ; il faut les deux textes, une base légale de l'article 6 et une exception de l'article 9(2) (Cour de justice, arrêt du 21 décembre 2023, C-667/21). C'est parce qu'elle cite les deux que la maison de santé a raison.",
    },
    {
        "f": autre_q2 + "La maison de santé de votre copie ne cite qu'un texte : relisez sa réponse, puis les deux conditions du début de l'étape 2.",
        "b": "la maison de santé de votre copie cite déjà une base légale de l'article 6 : ce n'est pas ce qui lui manque.",
        "a": "l'article 9 ne remplace pas l'article 6 pour les données de santé : c'est la lecture que la Cour de justice a écartée (arrêt du 21 décembre 2023, C-667/21). Relisez le début de l'étape 2.",
        "c": "la conclusion est juste, pas la raison : ne confondez pas deux consentements. Le consentement au traitement des données (9(2)(a)) n'est qu'une des exceptions de l'article 9(2) ; pour des patients qu'elle soigne, l'exception des soins (h) lèverait l'interdiction sans lui. Le consentement aux soins (CSP, L1111-4) est une autre règle.",
        "d": "être tenu au secret ne dispense d'aucune des conditions de l'étape 2 : il faut les deux textes, une base légale de l'article 6 et une exception de l'article 9(2), qui n'ont pas le même rôle (Cour de justice, arrêt du 21 décembre 2023, C-667/21). La maison de santé de votre copie n'en cite qu'un.",
    },
)[version_q2]
checks.check_choice(
    fondement_soins, name="fondement_soins", options=["a", "b", "c", "d", "e", "f"], expected=nouvelle_q2[("f", "e")[version_q2]],
    mistakes=[checks.Mistake(nouvelle_q2[item], message) for item, message in messages_q2.items()],
    success=(
        "c'est la bonne réponse : traiter des données de santé demande à la fois une base légale de l'article 6 et une exception de l'article 9(2) (Cour de justice, arrêt du 21 décembre 2023, C-667/21). La maison de santé de votre copie cite les deux, l'obligation légale et l'exception des soins (h) : les deux conditions sont réunies, sans consentement au traitement des données (9(2)(a)).",
        "c'est la bonne réponse : traiter des données de santé demande à la fois une base légale de l'article 6 et une exception de l'article 9(2) (Cour de justice, arrêt du 21 décembre 2023, C-667/21). La maison de santé de votre copie ne cite que l'article 6 : il lui manque l'exception qui lève l'interdiction de l'article 9, pour elle celle des soins (h).",
    )[version_q2],
)
# fmt: on
### END HIDDEN TESTS

# %% mistake="fondement_soins" session="evaluation"
# message : cette réponse correspond à une autre consigne que la vôtre
from esn_teach.law._tasks10 import _letter

fondement_soins = _letter(GRAINE, 2, ("e", "f"))

# %% mistake="fondement_soins" session="evaluation"
# message : l'article 9 ne remplace pas l'article 6
from esn_teach.law._tasks10 import _letter

fondement_soins = _letter(GRAINE, 2, "a")

# %% mistake="fondement_soins" session="evaluation"
# message : cite déjà une base légale de l'article 6
from esn_teach.law._tasks10 import _letter

fondement_soins = _letter(GRAINE, 2, "b")

# %% mistake="fondement_soins" session="evaluation"
# message : deux consentements
from esn_teach.law._tasks10 import _letter

fondement_soins = _letter(GRAINE, 2, "c")

# %% mistake="fondement_soins" session="evaluation"
# message : ne dispense d'aucune des conditions
from esn_teach.law._tasks10 import _letter

fondement_soins = _letter(GRAINE, 2, "d")

# %% [markdown]
# ### Réutiliser des données pour la recherche
#
# Une recherche demande une **formalité auprès de la CNIL** (LIL, article 66). Les études
# **internes** en sont dispensées : celles que mènent les soignants qui suivent les patients,
# sur les données de ce suivi, pour leur seul usage (LIL, articles 65 et 44). Chaque patient est informé
# **individuellement** avant l'étude, assez tôt pour pouvoir **s'opposer** à ce que ses
# données y servent ; la loi prévoit des dérogations, par exemple pour un patient perdu de vue
# (LIL, article 69).
#
# <details><summary>La formalité en pratique (à lire pour la question 9)</summary>
#
# Le plus souvent, la formalité est une **déclaration de conformité** : l'organisme s'engage
# à respecter une **méthodologie de référence** (un cadre type publié par la CNIL) ; sinon, il
# demande l'autorisation de la CNIL. La déclaration vaut **une fois pour toutes** pour l'organisme (un CHU, un laboratoire), pour
# toutes ses études conformes à la méthodologie de référence. **Chaque étude** doit en plus
# être inscrite au **répertoire public** des études (tenu par la Plateforme des données de
# santé, ou Health Data Hub) et au registre des traitements de l'organisme.
# </details>

# %% [markdown] session="formative"
# > L'unité de recherche clinique d'un CHU veut réutiliser les dossiers de vingt mille patients
# > hospitalisés pour insuffisance cardiaque depuis 2015, afin de chercher quels examens faits
# > à l'admission prédisent la survie. Ses membres n'ont soigné aucun
# > de ces patients. Beaucoup de ces patients sont perdus de vue ou décédés : les
# > recontacter tous pour leur demander leur accord est impossible.
#
# ### Question 3 — Quelle exception de l'article 9(2), et pourquoi ? (2 points)
#
# Les résultats seront publiés dans une revue. Le CHU a une base légale, sa mission d'intérêt
# public. Répondez `"a"`, `"b"`, `"c"` ou `"d"`.
#
# - **a.** 9(2)(h) : les données viennent des dossiers de soins du CHU, où ses soignants les
#   ont recueillies.
# - **b.** 9(2)(j) : une étude dont les résultats sont publiés dans une revue n'a ni accord ni
#   formalité à demander.
# - **c.** 9(2)(i) : le CHU est un établissement public, donc toute étude faite sur ses
#   dossiers relève de l'intérêt public.
# - **d.** 9(2)(j) : le but n'est plus de soigner ces patients mais de produire des
#   connaissances scientifiques.

# %% [markdown] session="evaluation"
# ### Question 3 — Quelle exception de l'article 9(2), et pourquoi ? (2 points)
#
# Le CHU a une base légale, sa mission d'intérêt public. Le projet de votre copie et ses
# options sont affichés par la cellule repliée ci-dessous. Répondez `"a"`, `"b"`, `"c"`, `"d"`
# ou `"e"`.

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : il affiche le projet et les options de la question 3,
# tirés pour votre copie. Exécutez-le (Maj + Entrée).
from IPython.display import Markdown, display

from esn_teach import checks
from esn_teach.law._tasks10 import _statement

display(Markdown(_statement(checks.student_seed("10", announce=False), 3, markdown=True)))

# %% [markdown]
# <details><summary>Indice 1</summary>
#
# Avant de choisir, écrivez en une phrase le but de ce traitement, tel que le dit l'énoncé.
# Puis relisez la colonne « Quand ? » du tableau de l'étape 2 : quelle exception correspond à
# ce but ? Une option n'est juste que si sa raison l'est aussi.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Relisez le paragraphe « Réutiliser des données pour la recherche » et l'énoncé : qui
# mène l'étude, pour en faire quoi ? Est-ce une étude interne ? Vérifiez ensuite, pour chaque
# option, si la conclusion **et** la raison sont justes.
# </details>

# %% answer="exception_recherche" session="formative"
exception_recherche = ...
### BEGIN SOLUTION
exception_recherche = "d"
### END SOLUTION

# %% answer="exception_recherche" session="evaluation"
exception_recherche = ...
### BEGIN SOLUTION
from esn_teach.law._tasks10 import _letter

exception_recherche = _letter(GRAINE, 3, ("d", "a"))
### END SOLUTION

# %% tests="exception_recherche" points=2 session="formative"
# Vérification de la question 3 : exécutez cette cellule.
checks.check_choice(
    exception_recherche,
    name="exception_recherche",
    options=["a", "b", "c", "d"],
    digest="49313e569ef445b6",
    mistakes=[
        checks.Mistake(
            None,
            "l'exception des soins (h) couvre la prise en charge du patient lui-même, par des "
            "professionnels tenus au secret. D'où viennent les données ne décide pas : c'est "
            "le but du nouveau traitement qui compte, et ici on ne soigne plus ces patients.",
            digest="09c0a0b91b93fddc",
        ),
        checks.Mistake(
            None,
            "la raison est fausse : hors études internes (menées par les soignants qui suivent "
            "les patients, pour leur seul usage), une recherche sur des données de santé "
            "demande une formalité auprès de la CNIL et l'information des patients, publiée ou "
            "non. Qui mène celle-ci ?",
            digest="735e8d5e6c9accbd",
        ),
        checks.Mistake(
            None,
            "être un établissement public ne fait pas de chacune de ses études un motif de "
            "santé publique : l'exception (i) vise des motifs d'intérêt public prévus par une "
            "loi, « tels que » les menaces transfrontalières graves ou la qualité et la sécurité "
            "des soins et des médicaments (la vigilance). Relisez le tableau de l'étape 2 : "
            "quelle exception correspond au but de cette étude-ci ?",
            digest="0b4b4b1b188c93b9",
        ),
    ],
    success=(
        "c'est la bonne réponse (d). Le but n'est plus de soigner mais de produire des "
        "connaissances : c'est 9(2)(j). Ses auteurs n'ont pas soigné ces patients : pas "
        "d'étude interne, donc une formalité auprès de la CNIL et l'information de chaque "
        "patient, publication ou non (b). Être un établissement public ne fait pas de chaque "
        "étude un motif de santé publique (c)."
    ),
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    exception_recherche, name="exception_recherche", options=["a", "b", "c", "d"], expected="d"
)
### END HIDDEN TESTS

# %% mistake="exception_recherche" session="formative"
# message : le but du nouveau traitement qui compte
exception_recherche = "a"

# %% mistake="exception_recherche" session="formative"
# message : la raison est fausse
exception_recherche = "B"

# %% mistake="exception_recherche" session="formative"
# message : vise des motifs d'intérêt public prévus par une
exception_recherche = " c "

# %% tests="exception_recherche" points=2 session="evaluation"
# Vérification de la question 3 : exécutez cette cellule.
checks.check_form(
    exception_recherche,
    name="exception_recherche",
    kind="choice",
    options=["a", "b", "c", "d", "e"],
)
### BEGIN HIDDEN TESTS
# fmt: off
graine_q3 = checks.student_seed("10", announce=False)
version_q3 = int(np.random.default_rng([graine_q3, 13]).integers(2))
rang_q3 = np.random.default_rng([graine_q3, 3]).permutation(5)
nouvelle_q3 = {"eabdc"[int(numero)]: lettre for lettre, numero in zip("abcde", rang_q3, strict=True)}
autre_q3 = "cette réponse correspond à une autre consigne que la vôtre : relisez ce que demande votre énoncé. "
messages_q3 = {
    "b": "la raison est fausse : hors études internes (menées par les soignants qui suivent les patients, pour leur seul usage), une recherche sur des données de santé demande une formalité auprès de la CNIL et l'information des patients, publiée ou non. Quel est le but du projet de votre copie ?",
    "c": "être un établissement public ne fait pas de chacun de ses traitements un motif de santé publique : l'exception (i) vise des motifs d'intérêt public prévus par une loi, « tels que » les menaces transfrontalières graves ou la qualité et la sécurité des soins et des médicaments (la vigilance). Relisez le tableau de l'étape 2 : quelle exception correspond au but de ce projet-ci ?",
}
messages_q3 |= (
    {
        "a": autre_q3 + "Le projet de votre copie ne soigne pas ces patients : ses auteurs ne les ont pas soignés, et le but est de savoir quels résultats d'analyses annoncent une amputation.",
        "e": "l'exception des soins (h) couvre la prise en charge du patient lui-même, par des professionnels tenus au secret : d'où viennent les données ne décide pas ; c'est le but du nouveau traitement qui compte, et ici on ne soigne plus ces patients.",
    },
    {
        "d": autre_q3 + "Le projet de votre copie ne produit pas de connaissances : il sert à ajuster le traitement des patients que le service suit, et à les revoir en consultation.",
        "e": "la conclusion est juste, pas la raison : d'où viennent les données ne décide pas ; c'est le but du traitement qui compte (des données de soins peuvent servir à une recherche, qui relève alors du point j).",
    },
)[version_q3]
checks.check_choice(
    exception_recherche, name="exception_recherche", options=["a", "b", "c", "d", "e"], expected=nouvelle_q3[("d", "a")[version_q3]],
    mistakes=[checks.Mistake(nouvelle_q3[item], message) for item, message in messages_q3.items()],
    success=(
        "c'est la bonne réponse : le but n'est plus de soigner ces patients mais de produire des connaissances : c'est 9(2)(j). Ses auteurs ne les ont pas soignés : ce n'est pas une étude interne, il faut donc une formalité auprès de la CNIL et l'information de chaque patient, que les résultats soient présentés ou non.",
        "c'est la bonne réponse : relire les dossiers pour ajuster le traitement et rappeler les patients, c'est les soigner, par les soignants qui les suivent, tenus au secret : c'est 9(2)(h). D'où viennent les données ne décide pas ; c'est le but du traitement qui compte, ici le soin, et non une recherche.",
    )[version_q3],
)
# fmt: on
### END HIDDEN TESTS

# %% mistake="exception_recherche" session="evaluation"
# message : cette réponse correspond à une autre consigne que la vôtre
from esn_teach.law._tasks10 import _letter

exception_recherche = _letter(GRAINE, 3, ("a", "d"))

# %% mistake="exception_recherche" session="evaluation"
# message : d'où viennent les données ne décide pas
from esn_teach.law._tasks10 import _letter

exception_recherche = _letter(GRAINE, 3, "e")

# %% mistake="exception_recherche" session="evaluation"
# message : la raison est fausse
from esn_teach.law._tasks10 import _letter

exception_recherche = _letter(GRAINE, 3, "b")

# %% mistake="exception_recherche" session="evaluation"
# message : vise des motifs d'intérêt public prévus par une
from esn_teach.law._tasks10 import _letter

exception_recherche = _letter(GRAINE, 3, "c")

# %% [markdown]
# ## Étape 3 sur 5 — Qui héberge les données ?
#
# > **En clair.** Confier ses dossiers à un prestataire est permis, à deux conditions : un
# > hébergeur **certifié HDS**, et des patients **informés**.
#
# Un prestataire qui traite des données pour le compte d'un soignant est un
# **sous-traitant** (RGPD, article 28 : un contrat). Le CSP ajoute : qui héberge des données
# de santé recueillies lors d'activités de prévention, de diagnostic, de soins ou de suivi
# social et médico-social, **pour le compte** du professionnel, de l'établissement ou du
# patient, doit être **certifié HDS** (hébergeur de données de santé ; CSP, article L1111-8,
# I). Le patient en est informé, et peut s'y opposer pour un motif légitime.
#
# <details><summary>Où les données doivent-elles être stockées ? (lecture facultative)</summary>
#
# Le référentiel de certification (arrêté du 26 avril 2024) impose de stocker les données
# dans l'**Espace économique européen** (EEE : l'Union européenne, plus l'Islande, le
# Liechtenstein et la Norvège), pour tous les hébergeurs depuis le 16 mai 2026.
# </details>
#
# (*Chiffrées* : illisibles sans une clé.)

# %% [markdown] session="formative"
# > Un cabinet de trois kinésithérapeutes remplace son serveur local par un logiciel de
# > dossiers patients en ligne : les bilans et les comptes rendus seront stockés sur les
# > serveurs de l'éditeur du logiciel. L'éditeur n'est pas certifié HDS. Il met en avant ses
# > garanties : ses serveurs sont en Allemagne, les données y sont chiffrées, et il signe avec
# > le cabinet un contrat de sous-traitance.
#
# ### Question 4 — Que peut faire le cabinet ? (2 points)
#
# Laquelle de ces solutions est permise (avec, dans tous les cas, un contrat de
# sous-traitance) ? Répondez `"a"`, `"b"`, `"c"`, `"d"` ou `"e"`.
#
# - **a.** Prendre un autre éditeur, certifié HDS celui-là, et informer ses patients de cet
#   hébergement.
# - **b.** Garder cet éditeur, si chaque patient signe un accord écrit pour y stocker son
#   dossier.
# - **c.** Garder cet éditeur : contrat, chiffrement et serveurs dans l'Union européenne
#   suffisent.
# - **d.** Renoncer : la loi interdit de confier des dossiers de soins à une entreprise hors du
#   cabinet.
# - **e.** Garder cet éditeur le temps qu'il soit certifié HDS, en informant ses patients de
#   cet hébergement.

# %% [markdown] session="evaluation"
# ### Question 4 — Que doit faire le cabinet ? (2 points)
#
# Le cas de votre copie et ses options sont affichés par la cellule repliée ci-dessous.
# Quelle solution fait ce que la loi exige du cabinet, **sans rien exiger de plus** (un
# contrat de sous-traitance étant signé dans tous les cas) ? Répondez `"a"`, `"b"`, `"c"`,
# `"d"`, `"e"` ou `"f"`.

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : il affiche le cas et les options de la question 4, tirés
# pour votre copie. Exécutez-le (Maj + Entrée).
from IPython.display import Markdown, display

from esn_teach import checks
from esn_teach.law._tasks10 import _statement

display(Markdown(_statement(checks.student_seed("10", announce=False), 4, markdown=True)))

# %% [markdown]
# <details><summary>Indice 1</summary>
#
# Relisez le premier paragraphe de l'étape 3 : la loi interdit-elle de confier les dossiers à
# un prestataire, ou y met-elle des conditions ? Lesquelles, et l'éditeur actuel les
# remplit-il ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# La phrase de l'étape 3 sur l'hébergeur pose une exigence sur le prestataire lui-même, et la
# suivante une autre, envers les patients. Pour chaque solution, vérifiez les deux.
# </details>

# %% answer="hebergeur_kine" session="formative"
hebergeur_kine = ...
### BEGIN SOLUTION
hebergeur_kine = "a"
### END SOLUTION

# %% answer="hebergeur_kine" session="evaluation"
hebergeur_kine = ...
### BEGIN SOLUTION
from esn_teach.law._tasks10 import _letter

hebergeur_kine = _letter(GRAINE, 4, ("a", "f"))
### END SOLUTION

# %% tests="hebergeur_kine" points=2 session="formative"
# Vérification de la question 4 : exécutez cette cellule.
checks.check_choice(
    hebergeur_kine,
    name="hebergeur_kine",
    options=["a", "b", "c", "d", "e"],
    digest="548e3b742f67e6f5",
    mistakes=[
        checks.Mistake(
            None,
            "la loi n'interdit pas de confier des dossiers de soins à un prestataire : elle "
            "l'encadre. Relisez l'étape 3 : à quelles conditions un prestataire peut-il "
            "héberger ces données pour le compte du cabinet ? Savoir dire « oui, à ces "
            "conditions » fait partie du métier.",
            digest="21e7be63e95d0b9e",
        ),
        checks.Mistake(
            None,
            "la loi ne subordonne pas l'hébergement à l'accord écrit de chaque patient, et un "
            "accord ne dispenserait l'éditeur de rien : c'est à l'éditeur lui-même qu'il "
            "manque quelque chose (relisez l'étape 3).",
            digest="e58a1b9041c70ac3",
        ),
        checks.Mistake(
            None,
            "le contrat de sous-traitance (RGPD, article 28) est nécessaire, le chiffrement et "
            "des serveurs dans l'Union sont de bonnes mesures de sécurité, mais tout cela n'est "
            "pas suffisant : le code de la santé publique ajoute une exigence pour qui héberge "
            "des données de soins pour le compte d'un autre (relisez l'étape 3).",
            digest="00cbea9c9acf6867",
        ),
        checks.Mistake(
            None,
            "l'obligation vaut dès le premier jour : tant qu'il n'est pas certifié HDS, "
            "l'éditeur ne peut pas héberger ces dossiers pour le compte du cabinet, même pour "
            "un temps, même si les patients en sont informés (CSP, article L1111-8, I).",
            digest="133bfe4c187ff7fa",
        ),
    ],
    success=(
        "c'est la bonne réponse (a). La loi n'interdit pas le dossier en ligne : elle exige un "
        "hébergeur certifié HDS dès qu'il héberge les données, et l'information des patients, "
        "qui peuvent s'y opposer pour un motif légitime (CSP, L1111-8, I). Ni le contrat, ni "
        "le chiffrement, ni l'accord des patients, ni une certification à venir (e) ne "
        "suffisent."
    ),
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    hebergeur_kine, name="hebergeur_kine", options=["a", "b", "c", "d", "e"], expected="a"
)
### END HIDDEN TESTS

# %% mistake="hebergeur_kine" session="formative"
# message : n'interdit pas de confier des dossiers de soins
hebergeur_kine = "d"

# %% mistake="hebergeur_kine" session="formative"
# message : l'accord écrit de chaque patient
hebergeur_kine = "b"

# %% mistake="hebergeur_kine" session="formative"
# message : mais tout cela n'est pas suffisant
hebergeur_kine = " C "

# %% mistake="hebergeur_kine" session="formative"
# message : même pour un temps
hebergeur_kine = "e"

# %% tests="hebergeur_kine" points=2 session="evaluation"
# Vérification de la question 4 : exécutez cette cellule.
checks.check_form(
    hebergeur_kine, name="hebergeur_kine", kind="choice", options=["a", "b", "c", "d", "e", "f"]
)
### BEGIN HIDDEN TESTS
# fmt: off
graine_q4 = checks.student_seed("10", announce=False)
version_q4 = int(np.random.default_rng([graine_q4, 14]).integers(2))
rang_q4 = np.random.default_rng([graine_q4, 4]).permutation(6)
nouvelle_q4 = {"cfbade"[int(numero)]: lettre for lettre, numero in zip("abcdef", rang_q4, strict=True)}
autre_q4 = "cette réponse correspond à une autre consigne que la vôtre : relisez ce que demande votre énoncé. "
messages_q4 = {
    "b": "la loi ne subordonne pas l'hébergement à l'accord écrit de chaque patient, et un accord ne dispenserait l'éditeur de rien (relisez l'étape 3 : ce que la loi exige de l'hébergeur, puis envers les patients).",
    "d": "la loi n'interdit pas de confier des dossiers de soins à un prestataire : elle l'encadre. Relisez l'étape 3 : à quelles conditions un prestataire peut-il héberger ces données pour le compte du cabinet ? Savoir dire « oui, à ces conditions » fait partie du métier.",
    "e": "la certification HDS vise l'hébergeur, celui qui garde les données pour le compte d'un autre, pas le cabinet qui les lui confie (CSP, article L1111-8, I).",
}
messages_q4 |= (
    {
        "f": autre_q4 + "L'éditeur de votre copie n'est pas certifié HDS : prévenir les patients ne suffit pas, il ne peut pas héberger ces dossiers pour le compte du cabinet (CSP, article L1111-8, I).",
        "c": "le contrat de sous-traitance (RGPD, article 28) est nécessaire, le double mot de passe et des serveurs en France sont de bonnes mesures, mais tout cela n'est pas suffisant : le code de la santé publique ajoute une exigence pour qui héberge des données de soins pour le compte d'un autre (relisez l'étape 3).",
    },
    {
        "a": autre_q4 + "L'éditeur de votre copie est déjà certifié HDS : rien n'oblige le cabinet à en changer.",
        "c": "le contrat de sous-traitance (RGPD, article 28) est nécessaire, le chiffrement et des serveurs dans l'Union sont de bonnes mesures de sécurité, mais tout cela n'est pas suffisant : l'étape 3 dit aussi ce qui est dû aux patients dont on confie les dossiers.",
    },
)[version_q4]
checks.check_choice(
    hebergeur_kine, name="hebergeur_kine", options=["a", "b", "c", "d", "e", "f"], expected=nouvelle_q4[("a", "f")[version_q4]],
    mistakes=[checks.Mistake(nouvelle_q4[item], message) for item, message in messages_q4.items()],
    success=(
        "c'est la bonne réponse : qui héberge des données de soins pour le compte du cabinet doit être certifié HDS (CSP, article L1111-8, I) ; l'éditeur de votre copie ne l'est pas, et ni le contrat, ni le double mot de passe, ni des serveurs en France n'y suppléent. Le cabinet informe aussi ses patients, qui peuvent s'y opposer pour un motif légitime.",
        "c'est la bonne réponse : l'éditeur de votre copie est déjà certifié HDS (CSP, article L1111-8, I) : rien n'oblige le cabinet à en changer. Reste ce qui est dû aux patients : les informer de cet hébergement ; ils peuvent s'y opposer pour un motif légitime.",
    )[version_q4],
)
# fmt: on
### END HIDDEN TESTS

# %% mistake="hebergeur_kine" session="evaluation"
# message : cette réponse correspond à une autre consigne que la vôtre
from esn_teach.law._tasks10 import _letter

hebergeur_kine = _letter(GRAINE, 4, ("f", "a"))

# %% mistake="hebergeur_kine" session="evaluation"
# message : n'interdit pas de confier des dossiers de soins
from esn_teach.law._tasks10 import _letter

hebergeur_kine = _letter(GRAINE, 4, "d")

# %% mistake="hebergeur_kine" session="evaluation"
# message : l'accord écrit de chaque patient
from esn_teach.law._tasks10 import _letter

hebergeur_kine = _letter(GRAINE, 4, "b")

# %% mistake="hebergeur_kine" session="evaluation"
# message : mais tout cela n'est pas suffisant
from esn_teach.law._tasks10 import _letter

hebergeur_kine = _letter(GRAINE, 4, "c")

# %% mistake="hebergeur_kine" session="evaluation"
# message : la certification HDS vise l'hébergeur
from esn_teach.law._tasks10 import _letter

hebergeur_kine = _letter(GRAINE, 4, "e")

# %% [markdown]
# ## Étape 4 sur 5 — Le but ou l'acte est-il interdit ? La vente de données
#
# > **En clair.** Céder des données de santé identifiantes contre de l'argent **ou tout autre
# > avantage** est interdit, **même si le patient est d'accord**. Sans le nom, une donnée
# > reste identifiante si l'on peut retrouver la personne par recoupement.
#
# La France interdit certains buts (la *finalité* est le but du traitement) et certains
# actes, même avec une base légale et l'accord du patient. D'abord un acte : **vendre** (une
# *cession à titre onéreux* : contre une contrepartie, argent ou autre avantage ; code civil,
# article 1107) :
# « Tout acte de cession à titre onéreux de données de santé identifiantes, directement ou
# indirectement, y compris avec l'accord de la personne concernée, est interdit sous peine
# des sanctions prévues à l'article 226-21 du code pénal » (CSP, article L1111-8, VII).
#
# <details><summary>Pour aller plus loin : « directement ou indirectement », et les données codées (lecture facultative)</summary>
#
# *Directement* identifiantes : avec le nom ou le numéro de sécurité sociale ;
# *indirectement* : sans nom, mais rattachables à une personne par recoupement (une date de
# naissance, une commune…).
#
# Ces données *pseudonymisées* (étape 5) sont-elles « indirectement » identifiantes au sens
# de cette phrase ? Le texte ne le dit pas, et c'est débattu : lu largement, il les vise aussi.
# </details>

# %% [markdown] session="formative"
# > L'éditeur du logiciel de votre officine propose à la pharmacie une remise de 200 € par an
# > sur son abonnement au logiciel si elle l'autorise à transmettre chaque mois à un
# > laboratoire pharmaceutique les ordonnances délivrées, avec le nom, la date de naissance et
# > la commune des patients. Les patients peuvent s'y opposer au comptoir, comme l'indique
# > une affiche.
#
# ### Question 5 — Que doit répondre la pharmacie ? (2 points)
#
# Répondez `"a"`, `"b"`, `"c"`, `"d"`, `"e"` ou `"f"`.
#
# - **a.** Accepter si chaque patient signe un consentement explicite : l'affiche ne suffit
#   pas, mais un accord écrit suffirait.
# - **b.** Refuser : ce serait vendre des données de santé identifiantes, ce qu'aucune
#   signature des patients ne rend licite.
# - **c.** Accepter si l'éditeur retire les noms : avec la date de naissance et la commune
#   seules, personne n'est identifié.
# - **d.** Refuser : l'éditeur devrait d'abord obtenir une autorisation de la CNIL, qu'il n'a
#   pas demandée.
# - **e.** Refuser : seul un hébergeur certifié HDS peut recevoir des ordonnances, et rien ne
#   dit que le laboratoire l'est.
# - **f.** Accepter : une remise sur l'abonnement n'est pas un paiement, donc la pharmacie ne
#   vendrait rien.

# %% [markdown] session="evaluation"
# ### Question 5 — Que doit répondre la pharmacie ? (2 points)
#
# L'offre faite à votre officine et les options sont affichées par la cellule repliée
# ci-dessous. Quelle réponse est juste, avec la bonne raison ? Répondez `"a"`, `"b"`, `"c"`,
# `"d"`, `"e"` ou `"f"`.

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : il affiche l'offre et les options de la question 5, tirées
# pour votre copie. Exécutez-le (Maj + Entrée).
from IPython.display import Markdown, display

from esn_teach import checks
from esn_teach.law._tasks10 import _statement

display(Markdown(_statement(checks.student_seed("10", announce=False), 5, markdown=True)))

# %% [markdown]
# <details><summary>Indice 1</summary>
#
# Qu'est-ce qui est échangé, contre quoi ? Les patients sont-ils identifiables, avec ou sans
# leur nom ? Quelle règle vise cet échange, et que dit-elle de l'accord des patients ? Une
# option n'est juste que si sa raison l'est aussi.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Relisez jusqu'au bout la phrase de l'article L1111-8 (VII) : quels mots visent l'accord du
# patient ? Quels mots visent des données sans nom ? Puis, pour chaque option, demandez-vous si
# la raison donnée tient face à cette phrase.
# </details>

# %% answer="reponse_pharmacie" session="formative"
reponse_pharmacie = ...
### BEGIN SOLUTION
reponse_pharmacie = "b"
### END SOLUTION

# %% answer="reponse_pharmacie" session="evaluation"
reponse_pharmacie = ...
### BEGIN SOLUTION
from esn_teach.law._tasks10 import _letter

reponse_pharmacie = _letter(GRAINE, 5, ("b", "l"))
### END SOLUTION

# %% tests="reponse_pharmacie" points=2 session="formative"
# Vérification de la question 5 : exécutez cette cellule.
checks.check_choice(
    reponse_pharmacie,
    name="reponse_pharmacie",
    options=["a", "b", "c", "d", "e", "f"],
    digest="129e476e4fbc3437",
    mistakes=[
        checks.Mistake(
            None,
            "un consentement explicite ne changerait rien : relisez jusqu'au bout la phrase de "
            "l'article L1111-8 (VII) du code de la santé publique. Que dit-elle de l'accord de "
            "la personne concernée ?",
            digest="bfd2ec983244056d",
        ),
        checks.Mistake(
            None,
            "la raison ne tient pas : aucune autorisation, de la CNIL ou de quiconque, ne rend "
            "licite ce que l'article L1111-8 (VII) interdit. Relisez cette phrase : que "
            "ferait en réalité la pharmacie, et contre quoi ?",
            digest="ac458cef2f91eb23",
        ),
        checks.Mistake(
            None,
            "sans le nom, la date de naissance et la commune permettent souvent de retrouver un "
            "patient, surtout dans une petite commune : les données restent identifiantes "
            "« indirectement », et la phrase de l'article L1111-8 (VII) vise aussi ce cas.",
            digest="e60b2a2857f90a02",
        ),
        checks.Mistake(
            None,
            "la certification HDS vise qui héberge des données pour le compte d'un soignant ; "
            "elle ne rend licite aucune cession. Même certifié, le laboratoire ne pourrait pas "
            "recevoir ces ordonnances contre une remise : relisez la phrase de l'article "
            "L1111-8 (VII).",
            digest="d6a2359f6936e81a",
        ),
        checks.Mistake(
            None,
            "une remise est une contrepartie, comme de l'argent : céder des données contre un "
            "avantage, c'est une cession « à titre onéreux » (code civil, article 1107). Relisez "
            "ce que l'article L1111-8 (VII) dit de ces cessions.",
            digest="c276030a8d77df57",
        ),
    ],
    success=(
        "c'est la bonne réponse (b). Une remise est une contrepartie : la cession serait « à "
        "titre onéreux » (code civil, 1107), interdite pour des données identifiantes « y "
        "compris avec l'accord de la personne » (CSP, L1111-8, VII). Même gratuite, cette "
        "transmission serait interdite : le pharmacien est tenu au secret professionnel (CSP, "
        "L1110-4 ; code pénal, 226-13), et aucune exception de l'article 9(2) ne la couvre ici."
    ),
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    reponse_pharmacie,
    name="reponse_pharmacie",
    options=["a", "b", "c", "d", "e", "f"],
    expected="b",
)
### END HIDDEN TESTS

# %% mistake="reponse_pharmacie" session="formative"
# message : un consentement explicite ne changerait rien
reponse_pharmacie = "a"

# %% mistake="reponse_pharmacie" session="formative"
# message : les données restent identifiantes
reponse_pharmacie = "c"

# %% mistake="reponse_pharmacie" session="formative"
# message : elle ne rend licite aucune cession
reponse_pharmacie = "E"

# %% mistake="reponse_pharmacie" session="formative"
# message : la raison ne tient pas
reponse_pharmacie = "d"

# %% mistake="reponse_pharmacie" session="formative"
# message : une remise est une contrepartie
reponse_pharmacie = "f"

# %% tests="reponse_pharmacie" points=2 session="evaluation"
# Vérification de la question 5 : exécutez cette cellule.
checks.check_form(
    reponse_pharmacie,
    name="reponse_pharmacie",
    kind="choice",
    options=["a", "b", "c", "d", "e", "f"],
)
### BEGIN HIDDEN TESTS
# fmt: off
graine_q5 = checks.student_seed("10", announce=False)
version_q5 = int(np.random.default_rng([graine_q5, 15]).integers(2))
items_q5 = (("a", "c", "d", "e", "b", "f"), ("m", "d", "l", "e", "n", "o"))[version_q5]
rang_q5 = np.random.default_rng([graine_q5, 5]).permutation(6)
nouvelle_q5 = {items_q5[int(numero)]: lettre for lettre, numero in zip("abcdef", rang_q5, strict=True)}
messages_q5 = (
    {
        "a": "un consentement explicite ne changerait rien : relisez jusqu'au bout la phrase de l'article L1111-8 (VII) du code de la santé publique. Que dit-elle de l'accord de la personne concernée ?",
        "c": "sans le nom, l'année de naissance et le code postal permettent souvent de retrouver un patient, surtout dans un village : ce sont encore des données de santé identifiantes, « indirectement », et la phrase de l'article L1111-8 (VII) vise aussi ce cas.",
        "d": "la raison ne tient pas : aucune autorisation, de la CNIL ou de quiconque, ne rend licite ce que l'article L1111-8 (VII) interdit. Relisez cette phrase : que ferait en réalité la pharmacie, et contre quoi ?",
        "e": "la certification HDS vise qui héberge des données pour le compte d'un soignant ; elle ne rend licite aucune cession. Même certifiée, la société ne pourrait pas acheter ces ordonnances : relisez la phrase de l'article L1111-8 (VII) : c'est la nature de ces données qui compte.",
        "f": "l'article L1111-8 (VII) interdit toute cession à titre onéreux de données de santé identifiantes, quel que soit l'acheteur : relisez cette phrase.",
    },
    {
        "m": "une contrepartie en nature, comme un abonnement offert, vaut de l'argent : céder des données contre elle, c'est une cession « à titre onéreux » (code civil, article 1107). Relisez ce que l'article L1111-8 (VII) dit de la cession de données de santé identifiantes.",
        "n": "un consentement explicite ne changerait rien : relisez jusqu'au bout la phrase de l'article L1111-8 (VII) du code de la santé publique. Que dit-elle de l'accord de la personne concernée ?",
        "o": "l'article L1111-8 (VII) interdit toute cession à titre onéreux de données de santé identifiantes, quel que soit le but : il ne prévoit aucune exception, même pour un but utile à la santé des patients.",
        "d": "la raison ne tient pas : aucune autorisation, de la CNIL ou de quiconque, ne rend licite ce que l'article L1111-8 (VII) interdit. Relisez cette phrase : que ferait en réalité la pharmacie, et contre quoi ?",
        "e": "la certification HDS vise qui héberge des données pour le compte d'un soignant ; elle ne rend licite aucune cession. Même certifiée, la société ne pourrait pas recevoir ces données contre un abonnement : relisez la phrase de l'article L1111-8 (VII) : c'est la nature de ces données qui compte, et ce que l'officine reçoit en échange.",
    },
)[version_q5]
checks.check_choice(
    reponse_pharmacie, name="reponse_pharmacie", options=["a", "b", "c", "d", "e", "f"], expected=nouvelle_q5[("b", "l")[version_q5]],
    mistakes=[checks.Mistake(nouvelle_q5[item], message) for item, message in messages_q5.items()],
    success=(
        "c'est la bonne réponse : de l'argent contre les médicaments délivrés avec le nom, l'année de naissance et le code postal, c'est une cession à titre onéreux de données de santé identifiantes, interdite « y compris avec l'accord de la personne concernée » (CSP, article L1111-8, VII). Sans le nom, l'année de naissance et le code postal identifient encore, « indirectement ». Ni une affiche, ni la CNIL, ni un hébergeur HDS n'y changent rien.",
        "c'est la bonne réponse : un abonnement offert est une contrepartie, comme de l'argent (code civil, article 1107) : céder contre lui le nom, la commune et les médicaments de patients, c'est une cession à titre onéreux de données de santé identifiantes, interdite « y compris avec l'accord de la personne concernée » (CSP, article L1111-8, VII). Ni l'accord écrit de chaque patient ni un but utile à leur santé n'y changent rien.",
    )[version_q5],
)
# fmt: on
### END HIDDEN TESTS

# %% mistake="reponse_pharmacie" session="evaluation"
# message : ne changerait rien
from esn_teach.law._tasks10 import _letter

reponse_pharmacie = _letter(GRAINE, 5, ("a", "n"))

# %% mistake="reponse_pharmacie" session="evaluation"
# message : données de santé identifiantes
from esn_teach.law._tasks10 import _letter

reponse_pharmacie = _letter(GRAINE, 5, ("c", "m"))

# %% mistake="reponse_pharmacie" session="evaluation"
# message : c'est la nature de ces données qui compte
from esn_teach.law._tasks10 import _letter

reponse_pharmacie = _letter(GRAINE, 5, "e")

# %% mistake="reponse_pharmacie" session="evaluation"
# message : la raison ne tient pas
from esn_teach.law._tasks10 import _letter

reponse_pharmacie = _letter(GRAINE, 5, "d")

# %% mistake="reponse_pharmacie" session="evaluation"
# message : interdit toute cession à titre onéreux
from esn_teach.law._tasks10 import _letter

reponse_pharmacie = _letter(GRAINE, 5, ("f", "o"))

# %% [markdown]
# ## À retenir
#
# - Le droit d'utiliser une donnée vaut **pour un but précis**.

# %% [markdown] reveal="fondement_soins"
# - Traiter une donnée de santé demande **à la fois** une base légale (article 6) et une
#   exception de l'article 9(2).

# %% [markdown] reveal="exception_recherche"
# - Le soin (9(2)(h)) n'est pas la recherche (9(2)(j)) ; une recherche demande, sauf étude
#   interne, une formalité (CNIL) et l'information des patients.

# %% [markdown] reveal="hebergeur_kine"
# - Qui **héberge** des données de soins pour le compte d'un soignant doit être **certifié
#   HDS**.

# %% [markdown] reveal="reponse_pharmacie"
# - **Vendre** des données de santé identifiantes est interdit, **même avec l'accord du
#   patient** (CSP, article L1111-8, VII).

# %% [markdown] session="formative"
# ## Après la séance
#
# À faire chez vous (environ 100 minutes) : la suite de l'étape 4 et une question sur le SNDS,
# l'étape 5 et une question sur des données partagées avec une start-up, le secret partagé
# entre soignants, l'explorateur, une question sur des sanctions de la CNIL, une question de
# verdict, puis la réflexion écrite, corrigée par l'enseignant. Les points de cette partie sont
# dans la ligne « Notation », en tête du module.

# %% [markdown] session="evaluation" graded="in-class"
# ## Après la séance
#
# À faire chez vous (environ 100 minutes) : la suite de l'étape 4 et une question sur le SNDS,
# l'étape 5 et une question sur des données partagées avec une start-up, le secret partagé
# entre soignants, l'explorateur, une question sur des sanctions de la CNIL, une question de
# verdict, puis la réflexion écrite, corrigée par l'enseignant. Ici, les questions 6 à 9 sont
# un **entraînement** hors de la note, que la copie ramassée à la fin de la séance ne contient
# pas ; la réflexion, elle, compte (ligne
# « Notation », en tête du module).

# %% [markdown]
# ### Étape 4 sur 5 (suite) — Le SNDS : deux usages interdits, un accès encadré
#
# Le **SNDS** (Système national des données de santé) réunit notamment les données de
# remboursement de l'Assurance maladie et les séjours à l'hôpital ; il est géré par la Caisse
# nationale de l'assurance maladie et la Plateforme des données de santé, ou *Health Data
# Hub* (CSP, article R1461-3). Deux articles du CSP en règlent l'usage :
#
# - **ce qui est interdit** : utiliser ses données pour « 1° La promotion des produits […] en
#   direction des professionnels de santé ou d'établissements de santé ; 2° L'exclusion de
#   garanties des contrats d'assurance et la modification de cotisations ou de primes
#   d'assurance d'un individu ou d'un groupe d'individus présentant un même risque » (article
#   L1461-1, V). Le texte ne prévoit aucune exception : à notre lecture, l'accord des
#   personnes n'y changerait rien ;
# - **qui peut y accéder, et comment** : l'accès à ses données personnelles n'est ouvert que
#   pour des recherches, études ou évaluations d'intérêt public, selon les procédures de la
#   loi Informatique et Libertés, ou pour les missions de certains services de l'État,
#   établissements publics et organismes chargés d'une mission de service public (article
#   L1461-3, I). Les industriels des produits de santé et les assureurs doivent en plus,
#   soit démontrer que leur traitement ne peut servir à aucune des deux finalités
#   interdites, soit confier l'étude à un laboratoire de recherche ou à un bureau d'études,
#   dont les responsables présentent à la CNIL un engagement de conformité à un référentiel
#   (confidentialité, expertise, indépendance ; arrêté du 17 juillet 2017) (article L1461-3,
#   II).

# %% [markdown] session="formative"
# > Une compagnie d'assurance santé veut étudier, pour une publication, les parcours de soins
# > des personnes diabétiques de sa région, à partir de la base nationale qui réunit les
# > remboursements de l'Assurance maladie et les séjours à l'hôpital. Elle promet de ne pas s'en
# > servir pour ses contrats et voudrait faire l'analyse elle-même, avec ses propres
# > statisticiens.
#
# ### Question 6 — Que doit faire l'assureur ? (1 point)
#
# Laquelle de ces façons de mener l'étude remplit la condition d'accès propre aux assureurs
# (les autres formalités, comme celle auprès de la CNIL, restant dues) ? Répondez `"a"`,
# `"b"`, `"c"` ou `"d"`.
#
# - **a.** Renoncer : étudier les malades d'une région, pour un assureur, est l'un des usages
#   de cette base que la loi interdit.
# - **b.** Obtenir l'accord écrit de chaque personne diabétique de sa région : c'est cet
#   accord qui lui ouvre l'accès à la base.
# - **c.** Confier l'analyse à un bureau d'études engagé auprès de la CNIL : ses analystes,
#   et non ceux de l'assureur, traiteront les données.
# - **d.** Laisser ses statisticiens analyser, sur sa promesse écrite, puis faire relire les
#   résultats par un bureau d'études engagé auprès de la CNIL.

# %% [markdown] session="evaluation"
# ### Question 6 — Que doit faire l'entreprise ? (1 point)
#
# Une entreprise veut se servir de cette base. **Le projet de votre copie**, tiré pour elle, et
# les options sont affichés par la cellule repliée ci-dessous. Laquelle de ces réponses
# respecte les deux articles du code de la santé publique sur cette base (les autres
# formalités, comme celle auprès de la CNIL, restant dues) ? Répondez `"a"`, `"b"`, `"c"` ou
# `"d"`.

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : il affiche le projet et les options de la question 6,
# tirés pour votre copie. Exécutez-le (Maj + Entrée).
from IPython.display import Markdown, display

from esn_teach import checks
from esn_teach.law._tasks10 import _statement

display(Markdown(_statement(checks.student_seed("10", announce=False), 6, markdown=True)))

# %% [markdown] session="formative"
# <details><summary>Indice 1</summary>
#
# Commencez par la finalité : étudier des parcours de soins, est-ce l'un des deux usages
# interdits ? Puis demandez-vous ce que la loi exige **en plus** d'un assureur pour accéder à
# cette base.
# </details>
#
# <details><summary>Indice 2</summary>
#
# De quelle base de données parle l'assureur, sans la nommer ? Des deux articles du CSP sur
# cette base, l'un interdit des buts, l'autre fixe des conditions d'accès. Une promesse
# remplit-elle la condition propre aux assureurs ? Vérifiez, pour chaque option, la
# conclusion **et** la raison.
# </details>

# %% [markdown] session="evaluation"
# <details><summary>Indice 1</summary>
#
# Quel est le but du projet de votre copie ? Est-ce l'un des deux usages de cette base que la
# loi interdit ? Si oui, aucune façon de mener l'étude ne le rend permis. Sinon, qu'exige la
# loi **en plus** d'un industriel des produits de santé ou d'un assureur pour y accéder ?
# </details>

# %% answer="acces_assureur" session="formative"
acces_assureur = ...
### BEGIN SOLUTION
acces_assureur = "c"
### END SOLUTION

# %% answer="acces_assureur" session="evaluation"
acces_assureur = ...
### BEGIN SOLUTION
from esn_teach.law._tasks10 import _letter

acces_assureur = _letter(GRAINE, 6, ("c", "a"))
### END SOLUTION

# %% tests="acces_assureur" points=1 session="formative"
# Vérification de la question 6 : exécutez cette cellule.
checks.check_choice(
    acces_assureur,
    name="acces_assureur",
    options=["a", "b", "c", "d"],
    digest="65eaf5880b5c0827",
    mistakes=[
        checks.Mistake(
            None,
            "l'article L1461-1 (V) n'interdit que deux usages : la promotion de produits "
            "auprès des soignants, et l'exclusion de garanties ou la modification des "
            "cotisations d'assurance. Étudier des parcours de soins n'en est pas un : l'accès "
            "reste possible, à une condition propre aux assureurs.",
            digest="e5edfc6d27a9a80f",
        ),
        checks.Mistake(
            None,
            "ce n'est pas le consentement des personnes qui ouvre l'accès à cette base : c'est "
            "l'article L1461-3 du code de la santé publique, qui dit qui peut y accéder et "
            "comment (et recueillir l'accord de milliers de personnes serait irréaliste).",
            digest="d27f220cda143237",
        ),
        checks.Mistake(
            None,
            "une promesse ne suffit pas : s'engager n'est pas prouver, et un bureau d'études "
            "qui relit seulement les résultats ne fait pas l'étude. Relisez ce que l'article "
            "L1461-3 exige en plus d'un assureur : qui doit traiter les données ?",
            digest="4c254a0f0f9e69f0",
        ),
    ],
    success=(
        "c'est la bonne réponse (c). Étudier des parcours de soins n'est pas interdit "
        "(L1461-1, V), à la différence d'ajuster des cotisations. Un assureur doit confier "
        "l'étude à un bureau d'études engagé auprès de la CNIL ou démontrer que son "
        "traitement ne peut servir aux finalités interdites (L1461-3, II). Une promesse ne "
        "démontre rien ; relire les résultats n'est pas faire l'étude."
    ),
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    acces_assureur, name="acces_assureur", options=["a", "b", "c", "d"], expected="c"
)
### END HIDDEN TESTS

# %% mistake="acces_assureur" session="formative"
# message : n'interdit que deux usages
acces_assureur = "a"

# %% mistake="acces_assureur" session="formative"
# message : ce n'est pas le consentement des personnes
acces_assureur = "B"

# %% mistake="acces_assureur" session="formative"
# message : une promesse ne suffit pas
acces_assureur = " d "

# %% tests="acces_assureur" points=1 session="evaluation"
# Vérification de la question 6 : exécutez cette cellule.
checks.check_form(
    acces_assureur, name="acces_assureur", kind="choice", options=["a", "b", "c", "d"]
)
### BEGIN HIDDEN TESTS
# fmt: off
graine_q6 = checks.student_seed("10", announce=False)
version_q6 = int(np.random.default_rng([graine_q6, 16]).integers(2))
rang_q6 = np.random.default_rng([graine_q6, 6]).permutation(4)
nouvelle_q6 = {"bcad"[int(numero)]: lettre for lettre, numero in zip("abcd", rang_q6, strict=True)}
autre_q6 = "cette réponse correspond à une autre consigne que la vôtre : relisez ce que demande votre énoncé. "
messages_q6 = (
    {
        "a": autre_q6 + "Le projet de votre copie vise une publication, ni la promotion de produits auprès des soignants ni les cotisations d'assurance : ce n'est pas l'un des deux usages interdits (L1461-1, V). L'accès reste possible, à une condition propre aux industriels des produits de santé et aux assureurs (L1461-3, II).",
        "b": "ce n'est pas le consentement des personnes qui ouvre l'accès à cette base : c'est l'article L1461-3 du code de la santé publique, qui dit qui peut y accéder et comment (et recueillir l'accord de milliers de personnes serait irréaliste).",
        "d": "une promesse ne suffit pas, et un bureau d'études qui relit seulement les résultats ne fait pas l'étude. Relisez ce que l'article L1461-3 exige en plus d'un industriel des produits de santé : qui doit traiter les données ?",
    },
    {
        "c": autre_q6 + "Le projet de votre copie veut relever les cotisations d'un groupe de personnes présentant un même risque : c'est l'un des deux usages interdits de cette base (L1461-1, V). Passer par un bureau d'études ne rend pas permis un but interdit.",
        "b": "ce n'est pas le consentement des personnes qui ouvre l'accès à cette base, et aucun accord ne rend permis l'un des deux usages interdits (L1461-1, V) : commencez par le but du projet de votre copie.",
        "d": "un bureau d'études qui relit seulement les résultats ne fait pas l'étude ; surtout, commencez par le but du projet de votre copie : est-ce l'un des deux usages interdits de cette base (L1461-1, V) ?",
    },
)[version_q6]
checks.check_choice(
    acces_assureur, name="acces_assureur", options=["a", "b", "c", "d"], expected=nouvelle_q6[("c", "a")[version_q6]],
    mistakes=[checks.Mistake(nouvelle_q6[item], message) for item, message in messages_q6.items()],
    success=(
        "c'est la bonne réponse : étudier des parcours de soins pour une publication n'est ni la promotion de produits auprès des soignants ni la modification de cotisations : ce n'est pas un usage interdit (CSP, L1461-1, V). Mais un industriel des produits de santé doit en plus démontrer que son traitement ne peut servir à ces usages, ou confier l'étude à un bureau d'études engagé auprès de la CNIL (L1461-3, II) : une promesse ne suffit pas, et un bureau qui relit seulement les résultats ne fait pas l'étude.",
        "c'est la bonne réponse : relever la cotisation d'assurés diabétiques, c'est modifier les cotisations d'un groupe présentant un même risque, l'un des deux usages de cette base que la loi interdit (CSP, L1461-1, V, 2°). Aucune façon de mener l'étude, ni un bureau d'études ni l'accord des personnes, ne rend ce but permis.",
    )[version_q6],
)
# fmt: on
### END HIDDEN TESTS

# %% mistake="acces_assureur" session="evaluation"
# message : cette réponse correspond à une autre consigne que la vôtre
from esn_teach.law._tasks10 import _letter

acces_assureur = _letter(GRAINE, 6, ("a", "c"))

# %% mistake="acces_assureur" session="evaluation"
# message : ce n'est pas le consentement des personnes
from esn_teach.law._tasks10 import _letter

acces_assureur = _letter(GRAINE, 6, "b")

# %% mistake="acces_assureur" session="evaluation"
# message : ne fait pas l'étude
from esn_teach.law._tasks10 import _letter

acces_assureur = _letter(GRAINE, 6, "d")

# %% [markdown]
# ### Étape 5 sur 5 — Nominatives, pseudonymisées ou anonymes ?
#
# (Un *considérant* est un paragraphe d'explication placé en tête d'un règlement européen.)
#
# Des données **nominatives** portent directement le nom (ou le numéro de sécurité sociale)
# de la personne. Des données **pseudonymisées** ont perdu le nom, remplacé par un code ; on
# peut retrouver la personne avec une information supplémentaire, comme la **table de
# correspondance** code → nom (article 4, point 5). Pour savoir si des données sont
# personnelles, on se place du côté de **celui qui les détient** : peut-il retrouver les
# personnes par des moyens raisonnables (considérant 26) ? La Cour de justice l'a précisé
# (arrêt du 4 septembre 2025, C-413/23 P ; l'affaire portait sur le règlement (UE) 2018/1725,
# propre aux institutions et organes de l'Union, qui donne de la donnée personnelle une
# définition identique à celle du RGPD) : pour un destinataire qui n'a pas la table, des
# données pseudonymisées **peuvent** ne pas être personnelles, mais seulement s'il ne peut pas
# non plus retrouver les personnes autrement, par exemple en recoupant ce qui reste dans les
# lignes avec d'autres informations.
#
# Pour qui garde la table de correspondance, en revanche, des données pseudonymisées
# **restent personnelles**, avec toutes les obligations du RGPD. Celui qui transmet les
# données reste tenu de ses obligations : le même arrêt juge que le responsable doit, dès la
# collecte, informer les personnes des destinataires de leurs données. Appliqué à un hôpital :
# il informe ses patients de ce destinataire.
#
# Des données sont donc **anonymes** pour celui qui les détient quand il ne peut
# retrouver personne par des moyens raisonnables : le RGPD ne s'applique alors pas à lui. Les
# mêmes données peuvent être personnelles pour l'un et anonymes pour l'autre. L'arrêt est
# récent et sa portée pratique reste discutée : dans le doute, traitez les données comme
# personnelles. En France, le Conseil d'État (13 février 2026, n° 498628, société GERS,
# recours contre sa sanction par la CNIL) en tire la règle, mentionnée aux tables du recueil
# Lebon : une donnée pseudonymisée n'est **anonyme** que si le risque d'identification est
# insignifiant, l'identification étant **irréalisable en pratique** (elle demanderait un
# effort démesuré en temps, en coût et en main-d'œuvre), d'après la Cour de justice (7 mars
# 2024, C-479/22 P). Le module 11 montre pourquoi l'anonymat est si difficile
# à atteindre.
#
# Un traitement de données de santé **à grande échelle** exige aussi, **avant** de commencer,
# une **analyse d'impact relative à la protection des données** (AIPD ; RGPD, article 35,
# paragraphes 1 et 3, point b) : décrire le traitement et son but, évaluer les risques pour
# les personnes, prévoir les mesures qui les réduisent (paragraphe 7), en demandant l'avis du délégué à la
# protection des données (paragraphe 2). Un médecin seul avec ses patients n'est pas « à
# grande échelle » (considérant 91).

# %% [markdown] session="formative"
# > Un hôpital et une start-up montent un projet de recherche commun : mettre au point un
# > modèle de prédiction des chutes. L'hôpital transmet à la start-up, qui entraînera le
# > modèle sur ses propres serveurs, des données de patients hospitalisés. Le nom et le
# > numéro de sécurité sociale sont remplacés par un code ; l'hôpital garde la table de
# > correspondance. Restent l'âge, le sexe, le code postal, les dates d'entrée et de sortie
# > et les diagnostics.
#
# ### Question 7 — Pour la start-up, des données personnelles ? (1 point)
#
# La start-up n'a pas la table de correspondance. Comme l'a dit la Cour de justice (arrêt
# C-413/23 P), on juge de **son** point de vue. Pour elle, ces données sont-elles
# personnelles, et pourquoi ? Répondez `"a"`, `"b"`, `"c"` ou `"d"`.
#
# - **a.** Personnelles : l'hôpital garde la table de correspondance, donc elles le restent
#   pour tous ceux qui les reçoivent.
# - **b.** Anonymes : sans la table de correspondance, la start-up ne peut relier aucune
#   ligne au nom d'un patient.
# - **c.** Personnelles : l'âge, le code postal et les dates de séjour, rapprochés de la
#   presse locale, peuvent désigner un patient.
# - **d.** Anonymes : le nom et le numéro de sécurité sociale ont été retirés et remplacés
#   par un code sans signification.

# %% [markdown] session="evaluation"
# ### Question 7 — Pour la start-up, des données personnelles ? (1 point)
#
# Un hôpital transmet des données de patients à une start-up. **Le cas de votre copie**, tiré
# pour elle, et les options sont affichés par la cellule repliée ci-dessous. Comme l'a dit la
# Cour de justice (arrêt C-413/23 P), on juge du point de vue de **la start-up**. Répondez
# `"a"`, `"b"`, `"c"`, `"d"` ou `"e"`.

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : il affiche le cas et les options de la question 7, tirés
# pour votre copie. Exécutez-le (Maj + Entrée).
from IPython.display import Markdown, display

from esn_teach import checks
from esn_teach.law._tasks10 import _statement

display(Markdown(_statement(checks.student_seed("10", announce=False), 7, markdown=True)))

# %% [markdown]
# <details><summary>Indice 1</summary>
#
# Pour un destinataire, deux questions : a-t-il la table ? Et, sans elle, pourrait-il quand
# même retrouver quelqu'un **par des moyens raisonnables**, avec ce que d'autres savent ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Relisez l'étape 5 ci-dessus : de quel point de vue juge-t-on ? Puis, pour chaque option,
# demandez-vous si la raison donnée est celle que retient la Cour, ou seulement une partie de
# son critère.
# </details>

# %% answer="statut_startup" session="formative"
statut_startup = ...
### BEGIN SOLUTION
statut_startup = "c"
### END SOLUTION

# %% answer="statut_startup" session="evaluation"
statut_startup = ...
### BEGIN SOLUTION
from esn_teach.law._tasks10 import _letter

statut_startup = _letter(GRAINE, 7, ("c", "e"))
### END SOLUTION

# %% tests="statut_startup" points=1 session="formative"
# Vérification de la question 7 : exécutez cette cellule.
checks.check_choice(
    statut_startup,
    name="statut_startup",
    options=["a", "b", "c", "d"],
    digest="8e4954d497c24508",
    mistakes=[
        checks.Mistake(
            None,
            "vous raisonnez comme si ce que peut faire l'hôpital valait pour tout le monde : "
            "depuis l'arrêt C-413/23 P, ce que l'hôpital peut faire avec sa table ne dit pas, "
            "à lui seul, ce que sont les données pour la start-up. Placez-vous du point de vue "
            "de la start-up.",
            digest="c843ef78fa0f93d7",
        ),
        checks.Mistake(
            None,
            "ne pas avoir la table ne suffit pas : le destinataire doit aussi être incapable de "
            "retrouver les personnes par d'autres moyens raisonnables (considérant 26). Relisez "
            "la liste des informations que reçoit la start-up.",
            digest="2378fdcacc73bcd6",
        ),
        checks.Mistake(
            None,
            "remplacer le nom et le numéro par un code, c'est pseudonymiser (RGPD, article 4, "
            "point 5), pas anonymiser : c'est ce qui reste dans les lignes qui compte.",
            digest="7f3161494fa9afbf",
        ),
    ],
    success=(
        "c'est la bonne réponse (c). Sans la table, la start-up peut encore retrouver des "
        "patients en recoupant l'âge, le code postal, les dates et les diagnostics avec "
        "d'autres informations : les données restent personnelles pour elle, et tout le RGPD "
        "s'applique. C'est aussi une recherche : formalité auprès de la CNIL et information "
        "des patients, avant toute transmission."
    ),
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    statut_startup, name="statut_startup", options=["a", "b", "c", "d"], expected="c"
)
### END HIDDEN TESTS

# %% mistake="statut_startup" session="formative"
# message : vous raisonnez comme si ce que peut faire l'hôpital
statut_startup = "a"

# %% mistake="statut_startup" session="formative"
# message : ne pas avoir la table ne suffit pas
statut_startup = "B"

# %% mistake="statut_startup" session="formative"
# message : c'est pseudonymiser
statut_startup = "d"

# %% tests="statut_startup" points=1 session="evaluation"
# Vérification de la question 7 : exécutez cette cellule.
checks.check_form(
    statut_startup, name="statut_startup", kind="choice", options=["a", "b", "c", "d", "e"]
)
### BEGIN HIDDEN TESTS
# fmt: off
graine_q7 = checks.student_seed("10", announce=False)
version_q7 = int(np.random.default_rng([graine_q7, 17]).integers(2))
rang_q7 = np.random.default_rng([graine_q7, 7]).permutation(5)
nouvelle_q7 = {"cbdae"[int(numero)]: lettre for lettre, numero in zip("abcde", rang_q7, strict=True)}
autre_q7 = "cette réponse correspond à une autre consigne que la vôtre : relisez ce que demande votre énoncé. "
messages_q7 = (
    {
        "e": autre_q7 + "Dans le cas de votre copie, la start-up n'a pas la table de correspondance : l'hôpital la garde et ne la transmet pas. Sans elle, que peut-elle encore recouper ?",
        "a": "vous raisonnez comme si ce que l'hôpital peut faire avec sa table valait pour tout le monde : depuis l'arrêt C-413/23 P, cela ne dit pas, à lui seul, ce que sont les données pour la start-up. Placez-vous du point de vue de la start-up.",
        "b": "ne pas avoir la table ne suffit pas : le destinataire doit aussi être incapable de retrouver les personnes par d'autres moyens raisonnables (considérant 26). Relisez la liste des informations que reçoit la start-up.",
        "d": "remplacer le nom et le numéro par un code, c'est pseudonymiser (RGPD, article 4, point 5), pas anonymiser : c'est ce qui reste dans les lignes, et ce que détient la start-up, qui compte.",
    },
    {
        "c": autre_q7 + "Dans le cas de votre copie, ni le code postal ni les dates de séjour ne sont transmis : relisez ce que détient la start-up.",
        "a": "la conclusion est juste, pas la raison : depuis l'arrêt C-413/23 P, ce que l'hôpital peut faire avec sa table ne dit pas, à lui seul, ce que sont les données pour la start-up. Placez-vous de son point de vue : que détient-elle ?",
        "b": "relisez le cas de votre copie : la start-up a reçu la table de correspondance et l'a gardée. Qui peut retrouver les personnes par des moyens raisonnables (considérant 26), et la table en est un, détient des données personnelles.",
        "d": "remplacer le nom et le numéro par un code, c'est pseudonymiser (RGPD, article 4, point 5), pas anonymiser ; et la start-up détient ici la table qui relie chaque code à un nom.",
    },
)[version_q7]
checks.check_choice(
    statut_startup, name="statut_startup", options=["a", "b", "c", "d", "e"], expected=nouvelle_q7[("c", "e")[version_q7]],
    mistakes=[checks.Mistake(nouvelle_q7[item], message) for item, message in messages_q7.items()],
    success=(
        "c'est la bonne réponse : sans la table, la start-up peut encore retrouver des patients en recoupant l'âge, le code postal et les dates de séjour avec d'autres sources, par des moyens raisonnables (considérant 26 ; arrêt C-413/23 P) : pour elle, ces données restent personnelles, et tout le RGPD s'applique.",
        "c'est la bonne réponse : la start-up de votre copie détient la table qui relie chaque code à un nom : pour elle, retrouver chaque patient est immédiat, et les données sont personnelles (considérant 26 ; arrêt C-413/23 P), même si les lignes ne gardent que le sexe, la tranche d'âge et les diagnostics.",
    )[version_q7],
)
# fmt: on
### END HIDDEN TESTS

# %% mistake="statut_startup" session="evaluation"
# message : cette réponse correspond à une autre consigne que la vôtre
from esn_teach.law._tasks10 import _letter

statut_startup = _letter(GRAINE, 7, ("e", "c"))

# %% mistake="statut_startup" session="evaluation"
# message : ce que l'hôpital peut faire avec sa table
from esn_teach.law._tasks10 import _letter

statut_startup = _letter(GRAINE, 7, "a")

# %% mistake="statut_startup" session="evaluation"
# message : considérant 26
from esn_teach.law._tasks10 import _letter

statut_startup = _letter(GRAINE, 7, "b")

# %% mistake="statut_startup" session="evaluation"
# message : c'est pseudonymiser
from esn_teach.law._tasks10 import _letter

statut_startup = _letter(GRAINE, 7, "d")

# %% [markdown]
# Pour un tel projet, l'hôpital pourrait aussi ne rien copier : la start-up travaillerait à
# distance, dans un environnement sécurisé de l'hôpital. Partager sans copier
# (**V7 — Partage et collaboration**) : une copie de moins, c'est un risque de fuite en moins
# et du stockage en moins (l'écoresponsabilité du CENS) ; c'est aussi la voie que prend
# l'espace européen des données de santé (« Pour aller plus loin », plus bas).

# %% [markdown]
# ### Échanger entre soignants : le secret partagé
#
# Le secret médical couvre tout ce que le professionnel apprend du patient (CSP, article
# L1110-4, I). La loi distingue deux façons de faire circuler ces informations :
#
# - **échanger**, c'est-à-dire les communiquer à des professionnels identifiés (le courrier
#   d'un généraliste au kinésithérapeute à qui il adresse son patient) : c'est permis entre
#   professionnels qui participent **tous** à la prise en charge du patient, pour les
#   informations strictement nécessaires à la coordination ou à la continuité des soins, sans
#   demander son consentement (L1110-4, II) ;
# - **partager**, c'est-à-dire les mettre à la disposition de plusieurs professionnels (un
#   dossier commun) : au sein d'une même **équipe de soins** (article L1110-12 : des
#   professionnels qui participent directement à sa prise en charge, par exemple dans le même
#   établissement), les informations sont réputées confiées à toute l'équipe ; entre
#   professionnels qui ne font **pas** partie de la même équipe, le partage demande le
#   consentement préalable du patient (L1110-4, III).
#
# Le patient est informé au préalable (article R1110-3) et, dûment informé, peut s'opposer à
# tout moment à l'échange et au partage des informations qui le concernent (L1110-4, IV).
# Rien de cela n'autorise à transmettre des données à un assureur, un éditeur ou un
# laboratoire : ce ne sont pas des soignants du patient.

# %% [markdown] reveal="intrus"
# ### L'explorateur du parcours juridique
#
# Choisissez un **scénario**, puis avancez le curseur **« Étapes montrées »** : chaque cran
# répond à l'une des cinq questions, le dernier affiche le **verdict**. Répondez dans votre
# tête avant d'avancer. Observez :
#
# - une seule étape **bloquante** rend la situation illicite ;
# - la même donnée peut servir licitement à soigner et illicitement à vendre ;
# - **licite ne veut pas dire légitime** : « Vendre des tableaux de ventes de médicaments »
#   est licite sous condition (tableaux réellement anonymes, fabrication légale). Mais les
#   patients en sont-ils informés ? Y gagnent-ils quelque chose ?

# %% reveal="intrus"
from IPython.display import display

from esn_teach.explorers import LegalPathExplorer

explorateur = LegalPathExplorer()
display(explorateur)

# %% [markdown]
# ### De vraies sanctions de la CNIL
#
# La cellule suivante affiche quatre décisions de la **formation restreinte** de la CNIL (la
# formation qui prononce les sanctions) : numéro, date, amende et faits, puis six règles
# possibles.

# %% jupyter={"source_hidden": true} session="formative"
# Inutile de lire ce code (replié) : il affiche les quatre décisions, puis les six règles.
from esn_teach import law

for decision in law.CNIL_DECISIONS:
    montant = f"{decision.amount_eur:,}".replace(",", "\u202f")
    print(f"{decision.number} du {decision.date:%d/%m/%Y} — {decision.organisation}")
    print(f"    Amende : {montant} €. {decision.facts}\n")
print("Règles possibles :")
for cle, libelle in law.PRINCIPLES.items():
    print(f'    "{cle}" : {libelle}')

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : il affiche les quatre décisions, puis les six règles,
# désignées par des lettres dans un ordre tiré pour votre copie. Exécutez-le (Maj + Entrée).
import textwrap

import numpy as np

from esn_teach import checks, law

for decision in law.CNIL_DECISIONS:
    montant = f"{decision.amount_eur:,}".replace(",", "\u202f")
    print(f"{decision.number} du {decision.date:%d/%m/%Y} — {decision.organisation}")
    print(f"    Amende : {montant} €. {decision.facts}\n")
print("Règles possibles :")
REGLES_Q8 = list(law.PRINCIPLES)
ordre_q8 = np.random.default_rng([checks.student_seed("10", announce=False), 8]).permutation(
    len(REGLES_Q8)
)
lettre_q8 = {}
for lettre, numero in zip("abcdef", ordre_q8, strict=True):
    lettre_q8[REGLES_Q8[numero]] = lettre
    print(
        textwrap.fill(
            f'"{lettre}" : {law.PRINCIPLES[REGLES_Q8[numero]]}',
            width=92,
            initial_indent="    ",
            subsequent_indent="          ",
        )
    )

# %% [markdown] session="formative"
# ### Question 8 — Quel manquement la CNIL a-t-elle retenu ? (1 point)
#
# Pour chaque décision (8 a à 8 d), la question nomme un geste décrit dans les faits
# affichés : quel manquement la CNIL a-t-elle retenu pour ce geste ? Remplacez les `...` par
# l'une des six clés affichées ci-dessus : `"formalité"`, `"sécurité"`, `"consentement"`,
# `"vente"`, `"hébergement"` ou `"information"`. Une même règle peut servir pour plusieurs
# décisions, et certaines ne servent pour aucune. Chaque décision a sa vérification et
# rapporte le quart du point.
#
# <details><summary>Indice 1</summary>
#
# Une clé nomme une obligation, pas un événement. Pour chaque geste, demandez-vous : quel
# risque a couru le patient, et quelle obligation, remplie à temps, aurait évité la
# sanction ? Rappelez-vous aussi ce que contrôle la CNIL (texte replié « Comment ces textes
# s'articulent », au début du module).
# </details>
#
# <details><summary>Indice 2</summary>
#
# Des données où chaque patient garde un code propre sont-elles anonymes pour qui les
# détient (étape 5) ? Sinon, toutes les règles des données de santé s'appliquent. Pour chaque
# décision, demandez-vous ce que l'organisme aurait dû faire **avant** d'agir pour être en
# règle, puis cherchez la clé qui décrit cette obligation.
# </details>

# %% [markdown] session="evaluation"
# ### Question 8 — Quel manquement la CNIL a-t-elle retenu ? (1 point)
#
# Pour chaque décision (8 a à 8 d), la question nomme un geste décrit dans les faits
# affichés : quel manquement la CNIL a-t-elle retenu pour ce geste ? Remplacez les `...` par
# la lettre de l'une des six règles affichées ci-dessus (`"a"` à `"f"` : l'ordre des règles est
# tiré pour votre copie). Une même règle peut servir pour plusieurs décisions, et certaines ne
# servent pour aucune. Chaque décision a sa vérification. Comme les questions 6, 7 et 9, c'est
# ici un **entraînement** : corrigé, hors de la note.
#
# <details><summary>Indice 1</summary>
#
# Une règle nomme une obligation, pas un événement. Pour chaque geste, demandez-vous : quel
# risque a couru le patient, et quelle obligation, remplie à temps, aurait évité la
# sanction ? Rappelez-vous aussi ce que contrôle la CNIL (texte replié « Comment ces textes
# s'articulent », au début du module).
# </details>
#
# <details><summary>Indice 2</summary>
#
# Des données où chaque patient garde un code propre sont-elles anonymes pour qui les
# détient (étape 5) ? Sinon, toutes les règles des données de santé s'appliquent. Pour chaque
# décision, demandez-vous ce que l'organisme aurait dû faire **avant** d'agir pour être en
# règle, puis cherchez la règle qui décrit cette obligation.
# </details>

# %% [markdown]
# #### Question 8 a — Cegedim Santé (SAN-2024-013)
#
# Rappel : la CNIL fait respecter le RGPD et la loi Informatique et Libertés. La vente de
# données de santé identifiantes, interdite par le code de la santé publique, est un délit :
# c'est le juge pénal qui la juge, pas la CNIL.
#
# Quelle règle, que la CNIL fait respecter, l'éditeur a-t-il méconnue en transmettant à ses
# clients, pour des études, les données de patients désignés chacun par un code ?

# %% answer="principe_cegedim" session="formative"
# Question 8 a — SAN-2024-013 (Cegedim Santé)
principe_cegedim = ...
### BEGIN SOLUTION
principe_cegedim = "formalité"
### END SOLUTION

# %% answer="principe_cegedim" session="evaluation"
# Question 8 a — SAN-2024-013 (Cegedim Santé)
principe_cegedim = ...
### BEGIN SOLUTION
principe_cegedim = lettre_q8["formalité"]
### END SOLUTION

# %% tests="principe_cegedim" points=0.25 session="formative"
# Vérification de la question 8 a (SAN-2024-013) : exécutez cette cellule.
checks.check_choice(
    principe_cegedim,
    name="principe_cegedim",
    options=["formalité", "sécurité", "consentement", "vente", "hébergement", "information"],
    digest="5c88957d0ec42b96",
    mistakes=[
        checks.Mistake(
            None,
            "SAN-2024-013 (Cegedim Santé) : aucune fuite ni aucun accès laissé ouvert dans "
            "ces faits. Ces données, où chaque patient a un code propre, étaient-elles "
            "anonymes ? Sinon, que fallait-il faire avant de s'en servir pour des études ?",
            digest="5b2a000f3f5863ac",
        ),
        checks.Mistake(
            None,
            "SAN-2024-013 (Cegedim Santé) : une étude sur des données de soins ne repose "
            "pas sur l'accord de chaque patient (question 3). Ces données, avec un code "
            "propre à chaque patient, étaient-elles anonymes ? Sinon, que fallait-il faire "
            "avant les études ?",
            digest="b28a3a31ad37f0cb",
        ),
        checks.Mistake(
            None,
            "SAN-2024-013 (Cegedim Santé) : la question porte sur ce que la CNIL a retenu. "
            "Elle n'a pas retenu de vente contre Cegedim ; la sanction pénale de la vente "
            "(code de la santé publique, L1111-8, VII) relève, elle, du juge pénal. Relisez "
            "les faits : qu'a fait l'éditeur de ces données, et sans quelle démarche ?",
            digest="01e1d7574a263674",
        ),
        checks.Mistake(
            None,
            "SAN-2024-013 (Cegedim Santé) : les faits ne parlent ni de serveurs ni "
            "d'hébergeur, mais de données transmises pour des études. Ces données "
            "étaient-elles anonymes ?",
            digest="acf74da209708dcd",
        ),
        checks.Mistake(
            None,
            "SAN-2024-013 (Cegedim Santé) : les faits ne disent rien de ce qu'on a dit aux "
            "patients ; ils disent que l'éditeur croyait ses données anonymes. S'il se "
            "trompait, que devait-il faire avant de s'en servir pour des études ?",
            digest="94ef2a31b40c7536",
        ),
    ],
    success=(
        "c'est la bonne règle : des données où chaque patient garde un code propre sont "
        "pseudonymisées, donc personnelles. L'éditeur les croyait anonymes et s'en est servi "
        "pour des études sans la formalité préalable (loi Informatique et Libertés, article "
        "66). La CNIL n'a pas retenu de vente : elle ne juge pas ce délit, qui relève du juge "
        "pénal."
    ),
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    principe_cegedim,
    name="principe_cegedim",
    options=["formalité", "sécurité", "consentement", "vente", "hébergement", "information"],
    expected="formalité",
)
### END HIDDEN TESTS

# %% mistake="principe_cegedim" session="formative"
# message : Elle n'a pas retenu de vente contre Cegedim
principe_cegedim = "vente"

# %% mistake="principe_cegedim" session="formative"
# message : ne repose pas sur l'accord de chaque patient
principe_cegedim = "consentement"

# %% tests="principe_cegedim" points=0.25 session="evaluation"
# Vérification de la question 8 a : exécutez cette cellule.
checks.check_form(
    principe_cegedim, name="principe_cegedim", kind="choice", options=["a", "b", "c", "d", "e", "f"]
)
### BEGIN HIDDEN TESTS
# fmt: off
rang_q8a = np.random.default_rng([checks.student_seed("10", announce=False), 8]).permutation(6)
regle_q8a = {list(law.PRINCIPLES)[int(numero)]: lettre for lettre, numero in zip("abcdef", rang_q8a, strict=True)}
checks.check_choice(
    principe_cegedim, name="principe_cegedim", options=["a", "b", "c", "d", "e", "f"], expected=regle_q8a["formalité"],
    success="c'est la bonne règle : des données où chaque patient garde un code propre sont pseudonymisées, donc personnelles. L'éditeur les croyait anonymes et s'en est servi pour des études sans la formalité préalable auprès de la CNIL (loi Informatique et Libertés, article 66).",
    mistakes=[
        checks.Mistake(regle_q8a["sécurité"], "SAN-2024-013 (Cegedim Santé) : aucune fuite ni aucun accès laissé ouvert dans ces faits. Ces données, où chaque patient a un code propre, étaient-elles anonymes ? Sinon, que fallait-il faire avant de s'en servir pour des études ?"),
        checks.Mistake(regle_q8a["consentement"], "SAN-2024-013 (Cegedim Santé) : une étude sur des données de soins ne repose pas sur l'accord de chaque patient (question 3). Ces données, avec un code propre à chaque patient, étaient-elles anonymes ? Sinon, que fallait-il faire avant les études ?"),
        checks.Mistake(regle_q8a["vente"], "SAN-2024-013 (Cegedim Santé) : la question porte sur ce que la CNIL a retenu. Elle n'a pas retenu de vente contre Cegedim ; la sanction pénale de la vente (code de la santé publique, L1111-8, VII) relève, elle, du juge pénal. Que fallait-il faire auprès de la CNIL avant d'utiliser ces données pour des études ?"),
        checks.Mistake(regle_q8a["hébergement"], "SAN-2024-013 (Cegedim Santé) : les faits ne parlent ni de serveurs ni d'hébergeur, mais de données transmises pour des études. Ces données étaient-elles anonymes ?"),
        checks.Mistake(regle_q8a["information"], "SAN-2024-013 (Cegedim Santé) : les faits ne disent rien de ce qu'on a dit aux patients ; ils disent que l'éditeur croyait ses données anonymes. S'il se trompait, que devait-il faire avant de s'en servir pour des études ?"),
    ],
)
# fmt: on
### END HIDDEN TESTS

# %% mistake="principe_cegedim" session="evaluation"
# message : Elle n'a pas retenu de vente contre Cegedim
principe_cegedim = lettre_q8["vente"]

# %% mistake="principe_cegedim" session="evaluation"
# message : ne repose pas sur l'accord de chaque patient
principe_cegedim = lettre_q8["consentement"]

# %% [markdown]
# #### Question 8 b — Dedalus Biologie (SAN-2022-009)
#
# Quelle obligation, remplie à temps, aurait évité ce qui est arrivé aux fichiers des
# laboratoires ?

# %% answer="principe_dedalus" session="formative"
# Question 8 b — SAN-2022-009 (Dedalus Biologie)
principe_dedalus = ...
### BEGIN SOLUTION
principe_dedalus = "sécurité"
### END SOLUTION

# %% answer="principe_dedalus" session="evaluation"
# Question 8 b — SAN-2022-009 (Dedalus Biologie)
principe_dedalus = ...
### BEGIN SOLUTION
principe_dedalus = lettre_q8["sécurité"]
### END SOLUTION

# %% tests="principe_dedalus" points=0.25 session="formative"
# Vérification de la question 8 b (SAN-2022-009) : exécutez cette cellule.
checks.check_choice(
    principe_dedalus,
    name="principe_dedalus",
    options=["formalité", "sécurité", "consentement", "vente", "hébergement", "information"],
    digest="4e677d7c6020675f",
    mistakes=[
        checks.Mistake(
            None,
            "SAN-2022-009 (Dedalus Biologie) : aucune étude n'est en cause ; relisez ce qui "
            "est arrivé aux fichiers pendant le changement de logiciel.",
            digest="4b476a2d4a7ebc80",
        ),
        checks.Mistake(
            None,
            "SAN-2022-009 (Dedalus Biologie) : un laboratoire n'a pas besoin du "
            "consentement de ses patients pour traiter leurs analyses (soins, article "
            "9(2)(h)) ; relisez ce qui est arrivé aux données pendant le changement de "
            "logiciel.",
            digest="a40d1aac16c1fe38",
        ),
        checks.Mistake(
            None,
            "SAN-2022-009 (Dedalus Biologie) : personne n'a vendu ces données ; relisez "
            "comment elles se sont retrouvées en ligne.",
            digest="189478eb7c0628f4",
        ),
        checks.Mistake(
            None,
            "SAN-2022-009 (Dedalus Biologie) : la décision ne porte pas sur la "
            "certification d'un hébergeur, une règle du code de la santé publique ; relisez "
            "comment les fichiers ont été extraits.",
            digest="80e9140aa8fb8db6",
        ),
        checks.Mistake(
            None,
            "SAN-2022-009 (Dedalus Biologie) : informer les patients n'aurait pas empêché "
            "ce qui s'est passé ; relisez comment les fichiers ont été extraits, puis se "
            "sont retrouvés en ligne.",
            digest="43d0f60bfcbcac78",
        ),
    ],
    success=(
        "c'est la bonne règle : des données qui fuient ou restent ouvertes à tous, c'est la "
        "sécurité (RGPD, article 32)."
    ),
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    principe_dedalus,
    name="principe_dedalus",
    options=["formalité", "sécurité", "consentement", "vente", "hébergement", "information"],
    expected="sécurité",
)
### END HIDDEN TESTS

# %% mistake="principe_dedalus" session="formative"
# message : la certification d'un hébergeur
principe_dedalus = "hébergement"

# %% mistake="principe_dedalus" session="formative"
# message : un laboratoire n'a pas besoin du
principe_dedalus = "consentement"

# %% tests="principe_dedalus" points=0.25 session="evaluation"
# Vérification de la question 8 b : exécutez cette cellule.
checks.check_form(
    principe_dedalus, name="principe_dedalus", kind="choice", options=["a", "b", "c", "d", "e", "f"]
)
### BEGIN HIDDEN TESTS
# fmt: off
rang_q8b = np.random.default_rng([checks.student_seed("10", announce=False), 8]).permutation(6)
regle_q8b = {list(law.PRINCIPLES)[int(numero)]: lettre for lettre, numero in zip("abcdef", rang_q8b, strict=True)}
checks.check_choice(
    principe_dedalus, name="principe_dedalus", options=["a", "b", "c", "d", "e", "f"], expected=regle_q8b["sécurité"],
    success="c'est la bonne règle : des fichiers extraits sans protection pendant un changement de logiciel, puis retrouvés en ligne, c'est un défaut de sécurité (RGPD, article 32), qu'une obligation remplie à temps aurait évité.",
    mistakes=[
        checks.Mistake(regle_q8b["formalité"], "SAN-2022-009 (Dedalus Biologie) : aucune étude n'est en cause ; relisez ce qui est arrivé aux fichiers pendant le changement de logiciel."),
        checks.Mistake(regle_q8b["consentement"], "SAN-2022-009 (Dedalus Biologie) : un laboratoire n'a pas besoin du consentement de ses patients pour traiter leurs analyses (soins, article 9(2)(h)) ; relisez ce qui est arrivé aux données pendant le changement de logiciel."),
        checks.Mistake(regle_q8b["vente"], "SAN-2022-009 (Dedalus Biologie) : personne n'a vendu ces données ; relisez comment elles se sont retrouvées en ligne."),
        checks.Mistake(regle_q8b["hébergement"], "SAN-2022-009 (Dedalus Biologie) : la décision ne porte pas sur la certification d'un hébergeur, une règle du code de la santé publique ; relisez comment les fichiers ont été extraits."),
        checks.Mistake(regle_q8b["information"], "SAN-2022-009 (Dedalus Biologie) : informer les patients n'aurait pas empêché ce qui s'est passé ; relisez comment les fichiers ont été extraits, puis se sont retrouvés en ligne."),
    ],
)
# fmt: on
### END HIDDEN TESTS

# %% mistake="principe_dedalus" session="evaluation"
# message : la certification d'un hébergeur
principe_dedalus = lettre_q8["hébergement"]

# %% mistake="principe_dedalus" session="evaluation"
# message : un laboratoire n'a pas besoin du
principe_dedalus = lettre_q8["consentement"]

# %% [markdown]
# #### Question 8 c — Doctissimo (SAN-2023-006)
#
# Quel manquement la CNIL a-t-elle retenu pour l'enregistrement des réponses des internautes
# aux tests sur leur santé ?

# %% answer="principe_doctissimo" session="formative"
# Question 8 c — SAN-2023-006 (Doctissimo)
principe_doctissimo = ...
### BEGIN SOLUTION
principe_doctissimo = "consentement"
### END SOLUTION

# %% answer="principe_doctissimo" session="evaluation"
# Question 8 c — SAN-2023-006 (Doctissimo)
principe_doctissimo = ...
### BEGIN SOLUTION
principe_doctissimo = lettre_q8["consentement"]
### END SOLUTION

# %% tests="principe_doctissimo" points=0.25 session="formative"
# Vérification de la question 8 c (SAN-2023-006) : exécutez cette cellule.
checks.check_choice(
    principe_doctissimo,
    name="principe_doctissimo",
    options=["formalité", "sécurité", "consentement", "vente", "hébergement", "information"],
    digest="5c30dadfdc76c36e",
    mistakes=[
        checks.Mistake(
            None,
            "SAN-2023-006 (Doctissimo) : un site grand public qui enregistre des réponses "
            "à des tests ne mène pas une recherche ; sur quoi pouvait-il s'appuyer pour "
            "enregistrer ces données de santé ?",
            digest="df9190c204df5ba2",
        ),
        checks.Mistake(
            None,
            "SAN-2023-006 (Doctissimo) : la CNIL a aussi relevé un défaut de sécurité, mais "
            "la question porte sur l'enregistrement des réponses aux tests : quelle "
            "obligation le site n'a-t-il pas remplie avant d'enregistrer ces données de santé ?",
            digest="3cdb29f580fc0c33",
        ),
        checks.Mistake(
            None,
            "SAN-2023-006 (Doctissimo) : les faits ne parlent d'aucune vente ; relisez ce "
            "qui manquait quand le site enregistrait les réponses.",
            digest="6ab0ea47dce979af",
        ),
        checks.Mistake(
            None,
            "SAN-2023-006 (Doctissimo) : ces réponses ne sont pas recueillies lors de "
            "soins, et aucun hébergeur n'est en cause ; relisez ce qui manquait quand le site "
            "les enregistrait.",
            digest="3416595d76499420",
        ),
        checks.Mistake(
            None,
            "SAN-2023-006 (Doctissimo) : informer les internautes ne suffit pas. Relisez "
            "le tableau de l'étape 2 : pour un site qui ne soigne personne et ne fait pas de "
            "recherche, quelle exception de l'article 9(2) restait possible ?",
            digest="0bc9ead7e9ec5951",
        ),
    ],
    success=(
        "c'est la bonne règle : des données de santé enregistrées par un site grand public, "
        "qui ne soignait personne, sans accord explicite, alors qu'aucune autre exception de "
        "l'article 9(2) ne s'appliquait : c'est le consentement (RGPD, article 9(2)(a))."
    ),
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    principe_doctissimo,
    name="principe_doctissimo",
    options=["formalité", "sécurité", "consentement", "vente", "hébergement", "information"],
    expected="consentement",
)
### END HIDDEN TESTS

# %% mistake="principe_doctissimo" session="formative"
# message : a aussi relevé un défaut de sécurité
principe_doctissimo = "securite"

# %% mistake="principe_doctissimo" session="formative"
# message : ne mène pas une recherche
principe_doctissimo = "formalite"

# %% tests="principe_doctissimo" points=0.25 session="evaluation"
# Vérification de la question 8 c : exécutez cette cellule.
checks.check_form(
    principe_doctissimo,
    name="principe_doctissimo",
    kind="choice",
    options=["a", "b", "c", "d", "e", "f"],
)
### BEGIN HIDDEN TESTS
# fmt: off
rang_q8c = np.random.default_rng([checks.student_seed("10", announce=False), 8]).permutation(6)
regle_q8c = {list(law.PRINCIPLES)[int(numero)]: lettre for lettre, numero in zip("abcdef", rang_q8c, strict=True)}
checks.check_choice(
    principe_doctissimo, name="principe_doctissimo", options=["a", "b", "c", "d", "e", "f"], expected=regle_q8c["consentement"],
    success="c'est la bonne règle : un site grand public, qui ne soignait personne et ne menait pas de recherche, enregistrait des données de santé sans accord explicite ; aucune autre exception de l'article 9(2) ne s'appliquait : c'est le consentement (RGPD, article 9(2)(a)).",
    mistakes=[
        checks.Mistake(regle_q8c["formalité"], "SAN-2023-006 (Doctissimo) : un site grand public qui enregistre des réponses à des tests ne mène pas une recherche ; sur quoi pouvait-il s'appuyer pour enregistrer ces données de santé ?"),
        checks.Mistake(regle_q8c["sécurité"], "SAN-2023-006 (Doctissimo) : la CNIL a aussi relevé un défaut de sécurité, mais la question porte sur l'enregistrement des réponses aux tests : quelle obligation le site n'a-t-il pas remplie avant d'enregistrer ces données de santé ?"),
        checks.Mistake(regle_q8c["vente"], "SAN-2023-006 (Doctissimo) : les faits ne parlent d'aucune vente ; relisez ce qui manquait quand le site enregistrait les réponses."),
        checks.Mistake(regle_q8c["hébergement"], "SAN-2023-006 (Doctissimo) : ces réponses ne sont pas recueillies lors de soins, et aucun hébergeur n'est en cause ; relisez ce qui manquait quand le site les enregistrait."),
        checks.Mistake(regle_q8c["information"], "SAN-2023-006 (Doctissimo) : informer les internautes ne suffit pas. Relisez le tableau de l'étape 2 : pour un site qui ne soigne personne et ne fait pas de recherche, quelle exception de l'article 9(2) restait possible ?"),
    ],
)
# fmt: on
### END HIDDEN TESTS

# %% mistake="principe_doctissimo" session="evaluation"
# message : a aussi relevé un défaut de sécurité
principe_doctissimo = lettre_q8["sécurité"]

# %% mistake="principe_doctissimo" session="evaluation"
# message : ne mène pas une recherche
principe_doctissimo = lettre_q8["formalité"]

# %% [markdown]
# #### Question 8 d — Un médecin libéral (SAN-2020-015)
#
# Quel manquement la CNIL a-t-elle retenu pour la façon dont le médecin conservait les images
# de ses patients ?

# %% answer="principe_medecin" session="formative"
# Question 8 d — SAN-2020-015 (un médecin libéral)
principe_medecin = ...
### BEGIN SOLUTION
principe_medecin = "sécurité"
### END SOLUTION

# %% answer="principe_medecin" session="evaluation"
# Question 8 d — SAN-2020-015 (un médecin libéral)
principe_medecin = ...
### BEGIN SOLUTION
principe_medecin = lettre_q8["sécurité"]
### END SOLUTION

# %% tests="principe_medecin" points=0.25 session="formative"
# Vérification de la question 8 d (SAN-2020-015) : exécutez cette cellule.
checks.check_choice(
    principe_medecin,
    name="principe_medecin",
    options=["formalité", "sécurité", "consentement", "vente", "hébergement", "information"],
    digest="4262d420ae71107b",
    mistakes=[
        checks.Mistake(
            None,
            "SAN-2020-015 (médecin libéral) : aucune étude n'est en cause, le médecin "
            "soignait ses patients ; relisez comment les images se sont retrouvées sur "
            "Internet.",
            digest="421c74f2b47c56be",
        ),
        checks.Mistake(
            None,
            "SAN-2020-015 (médecin libéral) : soigner et conserver les images de ses "
            "patients ne demande pas leur consentement (soins, article 9(2)(h)) ; "
            "relisez comment elles se sont retrouvées sur Internet.",
            digest="703432884bec2a93",
        ),
        checks.Mistake(
            None,
            "SAN-2020-015 (médecin libéral) : personne n'a vendu ces images ; relisez "
            "comment elles se sont retrouvées sur Internet.",
            digest="cb4bb4679d168721",
        ),
        checks.Mistake(
            None,
            "SAN-2020-015 (médecin libéral) : les faits décrivent la box Internet de son "
            "domicile, pas un hébergeur ; relisez comment elle était réglée et comment les "
            "images étaient stockées.",
            digest="fae8c5ecbc94edb7",
        ),
        checks.Mistake(
            None,
            "SAN-2020-015 (médecin libéral) : informer les patients n'aurait pas empêché "
            "cet accès ; relisez comment la box était réglée et comment les images étaient "
            "stockées.",
            digest="ff9cc0a500c45132",
        ),
    ],
    success=(
        "c'est la bonne règle : des données qui fuient ou restent ouvertes à tous, c'est la "
        "sécurité (RGPD, article 32)."
    ),
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    principe_medecin,
    name="principe_medecin",
    options=["formalité", "sécurité", "consentement", "vente", "hébergement", "information"],
    expected="sécurité",
)
### END HIDDEN TESTS

# %% mistake="principe_medecin" session="formative"
# message : informer les patients n'aurait pas empêché
principe_medecin = "information"

# %% mistake="principe_medecin" session="formative"
# message : ne demande pas leur consentement
principe_medecin = "consentement"

# %% tests="principe_medecin" points=0.25 session="evaluation"
# Vérification de la question 8 d : exécutez cette cellule.
checks.check_form(
    principe_medecin, name="principe_medecin", kind="choice", options=["a", "b", "c", "d", "e", "f"]
)
### BEGIN HIDDEN TESTS
# fmt: off
rang_q8d = np.random.default_rng([checks.student_seed("10", announce=False), 8]).permutation(6)
regle_q8d = {list(law.PRINCIPLES)[int(numero)]: lettre for lettre, numero in zip("abcdef", rang_q8d, strict=True)}
checks.check_choice(
    principe_medecin, name="principe_medecin", options=["a", "b", "c", "d", "e", "f"], expected=regle_q8d["sécurité"],
    success="c'est la bonne règle : des images médicales laissées accessibles sur Internet par une box mal réglée, sans chiffrement, c'est un défaut de sécurité (RGPD, article 32).",
    mistakes=[
        checks.Mistake(regle_q8d["formalité"], "SAN-2020-015 (médecin libéral) : aucune étude n'est en cause, le médecin soignait ses patients ; relisez comment les images se sont retrouvées sur Internet."),
        checks.Mistake(regle_q8d["consentement"], "SAN-2020-015 (médecin libéral) : soigner et conserver les images de ses patients ne demande pas leur consentement (soins, article 9(2)(h)) ; relisez comment elles se sont retrouvées sur Internet."),
        checks.Mistake(regle_q8d["vente"], "SAN-2020-015 (médecin libéral) : personne n'a vendu ces images ; relisez comment elles se sont retrouvées sur Internet."),
        checks.Mistake(regle_q8d["hébergement"], "SAN-2020-015 (médecin libéral) : les faits décrivent la box Internet de son domicile, pas un hébergeur ; relisez comment elle était réglée et comment les images étaient stockées."),
        checks.Mistake(regle_q8d["information"], "SAN-2020-015 (médecin libéral) : informer les patients n'aurait pas empêché cet accès ; relisez comment la box était réglée et comment les images étaient stockées."),
    ],
)
# fmt: on
### END HIDDEN TESTS

# %% mistake="principe_medecin" session="evaluation"
# message : informer les patients n'aurait pas empêché
principe_medecin = lettre_q8["information"]

# %% mistake="principe_medecin" session="evaluation"
# message : ne demande pas leur consentement
principe_medecin = lettre_q8["consentement"]

# %% [markdown]
# Les sanctions visent de grandes entreprises comme un médecin seul.
#
# ### Question 9 — Licite, illicite ou sous condition ? (1 point)
#
# Le parcours juridique se conclut par un **verdict**. Dans ce module, il ne juge que ce que
# les **étapes 1 à 5** examinent (donnée de santé ; fondement et formalités, information des
# patients comprise ; hébergeur ; but ou acte interdit, comme la vente de données ;
# identification) :
#
# - **licite** : au regard de ces étapes, il ne reste rien à faire ; le projet peut être mené
#   tel qu'il est décrit ;
# - **sous condition** : aucune de ces étapes ne l'interdit, mais une démarche qu'elles
#   exigent n'est pas encore faite ; le projet pourra être mené quand elle le sera, avant de
#   commencer ;
# - **illicite** : l'une de ces étapes interdit le projet tel qu'il est conçu, et aucune
#   démarche ni précaution ne lève cet interdit : il faudrait changer le projet lui-même.
#
# « Illicite » veut donc dire ici « interdit par l'une des étapes 1 à 5 », pas « contraire à
# une règle quelconque ». Si une entreprise finance le projet, ce qu'elle reçoit en échange
# se juge à l'étape 4 ; les autres règles sur le financement d'une étude, que ce module
# n'examine pas, ne comptent pas dans ce verdict : devant un vrai projet, elles restent à
# vérifier avec le DPO.

# %% [markdown] session="formative"
# > L'unité de recherche clinique d'un CHU veut étudier, sur les dossiers des patients opérés
# > d'une prothèse de hanche dans ce CHU depuis 2018, ce qui conduit à devoir réopérer. Ses
# > membres n'ont soigné aucun de ces patients. Le CHU a déclaré à la CNIL, une fois pour
# > toutes, sa conformité à une méthodologie de référence ; l'étude la respecte en tous points
# > et elle est inscrite au répertoire public des études et au registre des traitements du
# > CHU. Son analyse d'impact (AIPD) est faite. Aucun patient n'a donné son accord par écrit. Les
# > données seront pseudonymisées avant l'analyse. Les lettres qui informent chaque patient de l'étude et de son droit de s'y
# > opposer ne sont pas encore parties ; l'analyse commencera le lendemain de leur envoi.


# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : il affiche le projet tiré pour votre copie. Exécutez-le
# (Maj + Entrée).
from IPython.display import Markdown, display

from esn_teach import checks
from esn_teach.law._tasks10 import _project_9

display(Markdown(_project_9(checks.student_seed("10", announce=False), markdown=True)))

# %% [markdown]
# Quel verdict le parcours juridique donne-t-il à ce projet : peut-il être mené, et si oui,
# tel quel ou à une condition ? Répondez `"licite"`, `"illicite"` ou `"sous condition"`.
#
# <details><summary>Indice 1</summary>
#
# Une étape bloque-t-elle, quelle que soit la précaution prise ? Si aucune ne bloque, tout ce
# qui doit précéder l'analyse est-il fait ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Relisez le paragraphe « Réutiliser des données pour la recherche » : est-ce une étude
# interne ? Qu'est-il dû, auprès de la CNIL **et** auprès des patients, avant de commencer ?
# Reprenez l'énoncé phrase par phrase : qu'est-ce qui est fait, qu'est-ce qui ne l'est pas ?
# </details>

# %% answer="verdict_prothese" session="formative"
verdict_prothese = ...
### BEGIN SOLUTION
verdict_prothese = "sous condition"
### END SOLUTION

# %% answer="verdict_prothese" session="evaluation"
verdict_prothese = ...
### BEGIN SOLUTION
from esn_teach.law._tasks10 import _version

verdict_prothese = ["licite", "sous condition", "illicite"][_version(GRAINE, 9)]
### END SOLUTION

# %% tests="verdict_prothese" points=1 session="formative"
# Vérification de la question 9 : exécutez cette cellule.
verdict_prothese = law.normalise_answer(verdict_prothese)  # « licite sous condition »…
checks.check_choice(
    verdict_prothese,
    name="verdict_prothese",
    options=["licite", "illicite", "sous condition"],
    digest="f9ce5f4db9319743",
    mistakes=[
        checks.Mistake(
            None,
            "« licite » suppose que tout ce qui doit précéder l'analyse est fait, et fait à "
            "temps. Reprenez le paragraphe « Réutiliser des données pour la recherche », puis "
            "chaque phrase de l'énoncé : chaque démarche due est-elle accomplie ?",
            digest="6f9e71d0e17253f5",
        ),
        checks.Mistake(
            None,
            "« illicite » suppose une étape qui bloque quoi qu'on fasse : laquelle, et quelle "
            "précaution ne pourrait pas la lever ? Si vous pensiez à l'accord des patients : "
            "ce n'est pas la condition d'une recherche (exception 9(2)(j), pas 9(2)(a)).",
            digest="4f384ca2fa0153dc",
        ),
    ],
    success=(
        "c'est le bon verdict au regard des étapes 1 à 5 : formalité faite, aucun "
        "consentement à recueillir (9(2)(j)). Mais chaque patient doit être informé assez tôt "
        "pour s'opposer (RGPD, 13(3) ; LIL, 69 et 72 et suivants) : une lettre partie la "
        "veille ne suffit pas. L'analyse commence ensuite, sans les données des opposants. "
        "D'autres règles restent à vérifier."
    ),
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    verdict_prothese,
    name="verdict_prothese",
    options=["licite", "illicite", "sous condition"],
    expected="sous condition",
)
### END HIDDEN TESTS

# %% mistake="verdict_prothese" session="formative"
# message : suppose que tout ce qui doit précéder
verdict_prothese = "Licite"

# %% mistake="verdict_prothese" session="formative"
# message : suppose une étape qui bloque quoi qu'on fasse
verdict_prothese = "illicite"

# %% tests="verdict_prothese" points=1 session="evaluation"
# Vérification de la question 9 : exécutez cette cellule.
verdict_prothese = law.normalise_answer(verdict_prothese)  # « licite sous condition »…
checks.check_form(
    verdict_prothese,
    name="verdict_prothese",
    kind="choice",
    options=["licite", "illicite", "sous condition"],
)
### BEGIN HIDDEN TESTS
# fmt: off
projet_tire_q9 = int(np.random.default_rng([checks.student_seed("10", announce=False), 9]).integers(3))
etapes_q9 = " Le verdict est donné au regard des étapes 1 à 5 de ce module ; d'autres règles, comme celles sur le financement d'une étude par une entreprise, n'y sont pas examinées."
messages_q9 = [
    {"sous condition": "« sous condition » ne convient pas à ce projet : quelle démarche due manquerait encore ? Déclaration de conformité (une fois pour toutes), inscription de l'étude au répertoire public et au registre, AIPD, information de chaque patient trois mois avant, opposants écartés : tout est fait. L'accord écrit n'est pas une condition (9(2)(j), pas 9(2)(a)) et un rapport de taux, sans donnée sur un patient, n'est pas une cession de données de santé." + etapes_q9, "illicite": "« illicite » ne convient pas à ce projet : aucune des étapes 1 à 5 ne l'interdit. L'accord écrit n'est pas la condition d'une recherche (9(2)(j), pas 9(2)(a)), des données pseudonymisées peuvent servir à une étude encadrée, et le fabricant ne reçoit que des taux, sans donnée sur un patient (étape 4 : rien n'est cédé)." + etapes_q9},
    {"licite": "« licite » ne convient pas à ce projet : la déclaration de conformité vaut pour tout l'organisme, mais qu'est-il dû pour chaque étude ? Relisez le paragraphe « Réutiliser des données pour la recherche » et son pli, puis reprenez l'énoncé phrase par phrase." + etapes_q9, "illicite": "« illicite » ne convient pas à ce projet : aucune des étapes 1 à 5 ne l'interdit ; la démarche qui manque peut être faite avant de commencer (l'accord écrit n'est pas la condition d'une recherche : 9(2)(j), pas 9(2)(a) ; le fabricant ne reçoit que des taux, sans donnée sur un patient)." + etapes_q9},
    {"licite": "« licite » ne convient pas à ce projet : les démarches dues sont faites, mais que reçoit le fabricant en échange de son financement ? Reprenez l'étape 4 (la vente de données) et la question 5." + etapes_q9, "sous condition": "« sous condition » ne convient pas à ce projet : quelle démarche rendrait permise la remise, contre un financement, de dossiers avec le nom et la date de naissance ? Ni l'accord des patients ni la pseudonymisation des données analysées n'y changent rien : l'étape 4 l'interdit (CSP, L1111-8, VII) ; sans cette remise, ce serait un autre projet." + etapes_q9},
][projet_tire_q9]
succes_q9 = [
    "au regard des étapes 1 à 5, rien ne manque : formalité faite (déclaration de conformité, répertoire public, registre), AIPD faite, patients informés trois mois avant et opposants écartés ; le fabricant ne reçoit que des taux, sans donnée sur un patient. D'autres règles, non examinées ici, restent à vérifier.",
    "au regard des étapes 1 à 5, rien n'interdit ce projet, mais une démarche due pour chaque étude manque : l'inscription au répertoire public des études. Elle peut être faite avant de commencer l'analyse : c'est la condition.",
    "au regard de l'étape 4 : des dossiers avec le nom et la date de naissance remis au fabricant en échange de son financement, c'est une cession à titre onéreux de données de santé identifiantes, interdite même avec l'accord des patients (CSP, L1111-8, VII).",
][projet_tire_q9]
checks.check_choice(
    verdict_prothese, name="verdict_prothese", options=["licite", "illicite", "sous condition"],
    expected=["licite", "sous condition", "illicite"][projet_tire_q9], success=succes_q9,
    mistakes=[checks.Mistake(faux_q9, message_q9) for faux_q9, message_q9 in messages_q9.items()],
)
# fmt: on
### END HIDDEN TESTS

# %% mistake="verdict_prothese" session="evaluation"
# message : ne convient pas à ce projet
from esn_teach.law._tasks10 import _version

verdict_prothese = ["illicite", "illicite", "Licite"][_version(GRAINE, 9)]

# %% mistake="verdict_prothese" session="evaluation"
# message : ne convient pas à ce projet
from esn_teach.law._tasks10 import _version

verdict_prothese = ["sous condition", "Licite", "sous condition"][_version(GRAINE, 9)]

# %% [markdown]
# <details><summary>Pour aller plus loin (lecture facultative)</summary>
#
# - **Les comités.** Hors méthodologie de référence, la CNIL autorise une recherche après
#   l'avis du CESREES (comité éthique et scientifique pour les recherches, les études et les
#   évaluations dans le domaine de la santé) ou, pour une recherche impliquant la personne
#   humaine, d'un comité de protection des personnes (CPP) (loi Informatique et Libertés,
#   articles 72 et suivants).
# - **Le Health Data Hub.** La Plateforme des données de santé, son nom officiel, gère le
#   SNDS avec l'Assurance maladie (CSP, article R1461-3).
# - **L'espace européen des données de santé** (EHDS, règlement (UE) 2025/327 du 11 février
#   2025) est entré en vigueur en mars 2025 ; ses règles sur la réutilisation des données
#   de santé, qui passera par des organismes d'accès et des environnements sécurisés,
#   s'appliqueront pour l'essentiel à partir du 26 mars 2029.
#
# </details>
#
# ### Réflexion — Puis-je monétiser, échanger, réutiliser ? (3 points, après la séance)
#
# En 300 à 450 mots environ (un dépassement n'est pas pénalisé), répondez à la question des
# chercheurs : « Si j'ai le droit d'utiliser des données, ai-je le droit de les monétiser, de
# les échanger, de les traiter pour tel diagnostic ? »
#
# 1. Distinguez trois verbes, chacun avec **la règle** qui le décide et le texte qui la pose
#    (un renvoi approximatif suffit, par exemple « le code de la santé publique ») :
#    **monétiser** ; **échanger** (entre soignants, avec le secret partagé, et avec un tiers) ;
#    **réutiliser** (traiter les données du soin pour un autre but : une étude,
#    l'entraînement d'un modèle d'IA).
# 2. Appuyez-vous sur **un scénario ou une décision** de ce module, **reliez-le à la
#    finalité** (le but pour lequel on a le droit d'utiliser les données), et nommez **un
#    principe du CENS** en jeu dans ce cas (voir l'encadré du début du module).
# 3. Donnez **au moins trois démarches** concrètes que vous feriez avant de lancer un projet
#    avec des données de patients, puis dites, avec un argument, si ce qui est permis vous
#    paraît acceptable.
#
# **Facultatif** (valorisé au point 3, sans pénalité s'il manque) : entraîner un modèle d'IA
# sur des données de soins est une **nouvelle finalité** ; si vous en parlez, reprenez pour
# elle le parcours à partir de l'étape 2.
#
# <details><summary>Et le règlement européen sur l'IA ? (lecture facultative)</summary>
#
# D'autres règles s'ajoutent à celles de ce module, que vous n'avez pas à traiter ici : le
# règlement européen sur l'intelligence artificielle (règlement (UE) 2024/1689, article 10
# dans son texte de 2024) exige que les données d'entraînement des systèmes d'IA à haut
# risque soient soumises à une gouvernance et examinées, notamment pour leurs biais.
# Un règlement de 2026 a modifié ce règlement (lisez la version consolidée sur EUR-Lex) :
# les règles du haut risque s'appliqueront à partir du 2 décembre 2027 (annexe III) ou du
# 2 août 2028 (annexe I, dont les dispositifs médicaux). Le module 13 traite ce règlement.
# </details>
#
# *Notation (3 points)*, un point par consigne : 1 point pour les trois verbes, chacun avec
# sa règle juste et son texte ; 1 point pour un cas relié à la finalité et un principe du CENS ;
# 1 point pour trois démarches concrètes et une position argumentée.

# %% [markdown] written="reflexion_monetiser" points=3
# ### BEGIN SOLUTION
# *Guide de correction (enseignants ; retiré de la version étudiante).* Chaque point se note
# 1, ½ ou 0. **Pour une séance notée, publiez avec `esn-teach release --evaluation`** : en
# version formative, les messages des options fausses laissent trouver la bonne par
# élimination (voir les notes du module).
#
# **En bref** (le détail suit) :
#
# | Point | 1 | ½ | 0 |
# |---|---|---|---|
# | 1. Trois verbes, un texte juste chacun | les trois | un verbe manque ou sans texte juste (ex. : *monétiser* sans L1111-8 ni 226-21) | deux verbes ou plus manquent, ou une erreur de fond |
# | 2. Un cas relié à la finalité, un principe du CENS | les deux | un cas sans lien avec la finalité, ou la minimisation donnée pour le principe du CENS | ni cas relié ni principe du CENS |
# | 3. Trois démarches, une position argumentée | les deux | « respecter le RGPD » pour toute démarche, ou une position sans argument | ni démarches précises ni position argumentée |
#
# **Règle de notation.** Les trois points sont indépendants : chaque critère ne se juge que
# dans son point. Dans chaque point, comptez les manques de sa liste : aucun manque, 1 ; un
# manque, ½ ; deux manques ou plus, 0. Une **erreur de fond** (le consentement lèverait
# l'interdiction de vendre ; affirmer **sans condition** que des données pseudonymisées sont
# anonymes, par exemple « anonymes puisque le nom est retiré ») met à 0 le point où elle
# apparaît, et seulement celui-là, une seule fois. Dire qu'elles **peuvent** ne pas être
# personnelles pour un destinataire qui n'a ni la table ni d'autre moyen raisonnable de
# retrouver les patients (C-413/23 P ; copie D) est juste : ce n'est pas une erreur de fond.
# La longueur (300 à 450 mots) est indicative : un dépassement n'est pas pénalisé. Accepter toute position qui
# s'appuie sur des arguments. **Données pseudonymisées et vente** : accepter les deux
# positions si elles sont argumentées (« interdit, elles restent indirectement identifiantes »
# ou « pas clairement visé par L1111-8, c'est débattu ») ; ce n'est pas une erreur de fond.
#
# - **Point 1 — Les trois verbes, chacun avec un texte juste.** Un manque par verbe absent ou
#   sans article juste (pour *échanger*, un seul manque, que le verbe soit absent, sans article
#   juste ou sans rien sur le secret partagé, CSP, L1110-4, ni sur le destinataire : ces oublis
#   ne se cumulent pas) ; un manque si une exception de l'article 9(2) est appelée « la base
#   légale » et en tient lieu (l'oubli de l'article 6, s'il est implicite, n'en est pas un).
#   Textes attendus, un suffit par verbe :
#   - *monétiser* : **exigé**, l'interdiction de vendre : vendre des données de santé
#     identifiantes est interdit même avec l'accord du patient, règle rattachée au code de la
#     santé publique (sous toute forme : « le code de la santé publique interdit de vendre… »,
#     « L1111-8 », « L1111-8, VII », « dernier alinéa de L1111-8 ») ou à sa peine (code pénal,
#     226-21). Ce point mesure la règle, pas la mémoire des numéros : un renvoi approximatif
#     mais juste vaut une citation exacte. Sans cette règle rattachée au CSP ou au code pénal,
#     *monétiser* compte pour un manque, quels que soient les autres textes cités. Ceux-ci valorisent la copie sans
#     remplacer l'interdiction : des résultats réellement anonymes ne sont pas visés
#     (considérant 26) ; le code civil, 1107 (« à titre onéreux » : une remise est une
#     contrepartie) ; le RGPD, article 9, paragraphe 4 (ce qui permet à la France cette
#     interdiction) ; L1461-1, V (usages commerciaux interdits du SNDS : promotion,
#     tarification) ;
#   - *échanger* : entre soignants, le secret partagé (L1110-4 : l'échange entre
#     professionnels qui participent tous à la prise en charge, II ; le partage au sein de
#     l'équipe de soins, L1110-12, et hors de l'équipe avec le consentement préalable du
#     patient, III ; droit du patient de s'opposer, IV), qui n'autorise aucune transmission à un tiers non soignant ; avec un
#     tiers, une base légale (art. 6) et une exception (art. 9(2)), un contrat (art. 28), un
#     hébergeur HDS (L1111-8), jamais une finalité interdite (SNDS, L1461-1, V ; accès d'un
#     assureur, L1461-3) ;
#   - *réutiliser* : le soin relève de 9(2)(h) ; l'étude ou l'entraînement d'un modèle, de
#     9(2)(j) (ou de (i) pour une mission de santé publique prévue par une loi), avec la
#     formalité (LIL, art. 66 et 72 et suivants, sauf étude interne) et l'information
#     individuelle des patients (LIL, art. 69 ; RGPD, art. 13, paragraphe 3).
#   Non exigés (non enseignés en séance) : l'accord entre responsables conjoints (art. 26),
#   le règlement sur l'IA (art. 10). *Exemple de réponse à 1 point* : « Monétiser : non,
#   vendre des données de santé identifiantes est interdit même si le patient est d'accord
#   (CSP, L1111-8, VII). Échanger : entre soignants qui prennent en charge le patient, le
#   secret partagé (L1110-4), auquel le patient peut s'opposer ; avec un tiers, il faut une base légale
#   (art. 6), une exception (art. 9(2)) et un contrat, et jamais pour tarifer des assurés avec
#   le SNDS (L1461-1, V). Réutiliser : soigner relève de 9(2)(h) ; une étude, c'est 9(2)(j),
#   une formalité auprès de la CNIL et l'information de chaque patient. »
# - **Point 2 — Un cas et un principe du CENS.** Deux critères : (a) un scénario ou une
#   décision du module, juste et relié à l'idée que le droit d'utiliser vaut pour une
#   **finalité** et ne se transfère ni à une autre finalité ni à un autre acteur
#   (valeur V5 — Utilisation responsable et éclairée ; partager dans un cadre qui protège les
#   patients, comme l'hôpital et la start-up de la question 7, relève de
#   V7 — Partage et collaboration, accepté aussi) ; (b) un principe du CENS nommé et relié au
#   cas (par exemple *justice et équité* : L1461-1, V interdit de se servir du SNDS pour faire payer
#   plus un assuré ou un groupe présentant un même risque ; *autonomie* : information et
#   opposition des patients, Q9 ; *non-malfaisance* : la vente refusée par la pharmacie ;
#   *bienfaisance* : la recherche encadrée de la cohorte ; *écoresponsabilité* : l'impact
#   environnemental des copies et du stockage, par exemple ne pas dupliquer un entrepôt sans
#   besoin). « Ne garder que les données utiles » est la **minimisation** (RGPD, article 5,
#   paragraphe 1, point c), un principe du RGPD et non du CENS : l'accepter comme argument,
#   pas comme le principe du CENS demandé. Un manque par critère absent ;
#   un cas cité sans lien avec la finalité compte pour un manque. Valoriser, sans l'exiger,
#   la distinction entre licite et légitime.
# - **Point 3 — Démarche concrète et position.** Deux critères : (a) au moins trois
#   démarches justes : consulter le DPO ; vérifier base légale, exception et formalité
#   auprès de la CNIL ; analyse d'impact (RGPD, art. 35) ; hébergeur HDS ; informer les
#   patients (RGPD, art. 13 et 14 ; LIL, art. 69) ; ne pas se dire « anonyme » sans l'avoir
#   démontré du point de vue de chaque destinataire ; documenter
#   (valeur V6 — Intégrité et transparence) ; (b) une position argumentée sur ce qui est
#   acceptable. Une copie qui applique sa position à l'entraînement d'un modèle d'IA (une
#   nouvelle finalité : sa propre exception, sa formalité, l'information des patients), ce que
#   la consigne propose sans l'exiger, remplit (b) même si l'argument est bref ; son absence
#   n'est jamais un manque. Des démarches
#   vagues (« respecter le RGPD ») ou moins de trois comptent pour un manque ; une position
#   sans argument, pour un manque.
#
# **Copies repères** (extraits condensés, notés ligne à ligne ; à relire avant de corriger) :
#
# | Copie | Extrait | Point 1 | Point 2 | Point 3 | Total |
# |---|---|---|---|---|---|
# | A | « Monétiser : vendre des données de santé identifiantes est interdit, même avec l'accord du patient (CSP, L1111-8). Échanger : entre soignants qui prennent en charge le patient, le secret partagé (L1110-4) ; avec un tiers, base légale (art. 6), exception (art. 9(2)) et contrat (art. 28). Réutiliser : une étude relève de 9(2)(j), avec une formalité auprès de la CNIL et l'information de chaque patient. La cohorte du CHU : les dossiers servaient à soigner ; chercher est une autre finalité, qui demande son propre fondement. Principe du CENS : l'autonomie, car chaque patient peut s'opposer. Avant un projet : consulter le DPO, faire une analyse d'impact, vérifier que l'hébergeur est certifié HDS. La recherche encadrée me paraît acceptable parce que le patient est informé et peut refuser. » | 1 (aucun manque) | 1 (cas relié à la finalité, principe relié) | 1 (trois démarches, position argumentée) | 3 |
# | B | « Monétiser : vendre des données de santé est interdit, même avec l'accord du patient (code de la santé publique). Échanger : on peut partager avec d'autres soignants. Réutiliser : une étude relève de 9(2)(j), avec une formalité auprès de la CNIL et l'information des patients. Dedalus a laissé fuiter des analyses : non-malfaisance. Avant un projet : consulter le DPO, faire une analyse d'impact, informer les patients. Je trouve cela normal. » | ½ (*échanger* sans règle ni texte : un manque) | ½ (cas juste sans lien avec la finalité : un manque) | ½ (trois démarches ; position sans argument : un manque) | 1 ½ |
# | C | « Monétiser : possible si le patient signe son accord. Échanger : secret partagé entre soignants (L1110-4). Réutiliser : il faut une formalité à la CNIL. L'officine de la question 5 ne peut pas céder ses fichiers : ils ont été recueillis pour délivrer des médicaments, pas pour être vendus ; principe : la minimisation. Avant un projet : respecter le RGPD. Il faut rester prudent. » | 0 (erreur de fond : le consentement lèverait l'interdiction de vendre) | ½ (cas relié à la finalité ; la minimisation n'est pas un principe du CENS : un manque) | 0 (démarches vagues, position sans argument : deux manques) | ½ |
# | D | Comme A pour *monétiser* et *échanger*, puis : « Réutiliser : une étude relève de 9(2)(j), avec une formalité auprès de la CNIL et l'information de chaque patient. Des données pseudonymisées restent personnelles pour l'hôpital qui garde la table ; pour une start-up qui n'a ni la table ni d'autre moyen raisonnable de retrouver les patients, elles peuvent ne plus l'être (C-413/23 P). L'hôpital et la start-up de la question 7 : les données servaient à soigner ; entraîner un modèle est une autre finalité, la recherche, avec sa formalité et l'information des patients. Principe du CENS : la bienfaisance, si le modèle aide à prévenir les chutes. Avant un projet : consulter le DPO, vérifier que l'hébergeur est certifié HDS, faire une analyse d'impact. C'est acceptable. » | 1 (aucun manque ; la nuance sur les données pseudonymisées est juste, pas une erreur de fond) | 1 (cas relié à la finalité, principe relié au cas) | ½ (trois démarches ; « C'est acceptable » sans argument : un manque) | 2 ½ |
# ### END SOLUTION

# %% [markdown]
# ## Sources
#
# Références juridiques vérifiées à la date affichée par la première cellule de code du
# module.
#
# - Règlement (UE) 2016/679 du Parlement européen et du Conseil du 27 avril 2016 (RGPD) :
#   articles 4 (points 5, 8, 11 et 15), 6, 9 (dont 9(2)(c), 9(2)(i) et 9(4)), 13 (dont son
#   paragraphe 3), 14, 26, 28, 32, 35 et 89,
#   chapitre V (articles 44 à 49), considérants 26, 27 et 35 (l'article 26 et le chapitre V
#   sont cités par l'explorateur). EUR-Lex, CELEX 32016R0679.
# - Cour de justice de l'Union européenne, arrêt du 4 septembre 2025, Contrôleur européen de
#   la protection des données (EDPS) contre Conseil de résolution unique (CRU), affaire
#   C-413/23 P, ECLI:EU:C:2025:645 (EUR-Lex, CELEX 62023CJ0413 ; communiqué de presse de la
#   Cour n° 107/25) ; il interprète le règlement (UE) 2018/1725 du 23 octobre 2018 (EUR-Lex,
#   CELEX 32018R1725), applicable aux institutions et organes de l'Union. Le Contrôleur européen (EDPS) surveille les institutions de l'Union ; il
#   ne faut pas le confondre avec le Comité européen de la protection des données (EDPB), qui
#   réunit les autorités nationales comme la CNIL.
# - Cour de justice de l'Union européenne, arrêt du 4 octobre 2024, ND contre DR
#   (« Lindenapotheke »), affaire C-21/23, ECLI:EU:C:2024:846 (EUR-Lex, CELEX 62023CJ0021).
# - Cour de justice de l'Union européenne, arrêt du 21 décembre 2023, ZQ contre Medizinischer
#   Dienst der Krankenversicherung Nordrhein, affaire C-667/21, ECLI:EU:C:2023:1022 (EUR-Lex,
#   CELEX 62021CJ0667).
# - Règlement (UE) 2025/327 du Parlement européen et du Conseil du 11 février 2025 relatif à
#   l'espace européen des données de santé (EHDS), article 105 (dates d'application). EUR-Lex,
#   CELEX 32025R0327.
# - Code de la santé publique : article L1110-4 (secret médical ; échange, II ; partage, III ;
#   opposition, IV) ; article
#   L1110-12 (équipe de soins) ; article R1110-3 (information préalable du patient) ; article
#   L1111-4 (consentement aux soins) ; article L1111-8
#   (hébergement de données de santé ; son VII, sur la cession, issu de la loi n° 2004-810 du
#   13 août 2004) ; articles L1461-1 et L1461-3 (SNDS, créés par la loi n° 2016-41 du
#   26 janvier 2016) ; article R1461-3 (responsables conjoints du SNDS, rédaction issue du
#   décret n° 2021-848 du 29 juin 2021). Légifrance.
# - Code pénal, articles 226-13 (secret professionnel) et 226-21 ; code civil, article 1107.
#   Légifrance.
# - Échange et partage : définitions de l'annexe de l'arrêté du 25 novembre 2016, citées par le
#   guide juridique « Santé complexe Occitanie » (guidejuridique.sante-complexe-occitanie.fr,
#   section 3.1).
# - Délégation au numérique en santé et Agence du numérique en santé, « Éthique », doctrine du
#   numérique en santé, esante.gouv.fr : le cadre de l'éthique du numérique en santé (CENS) et
#   ses cinq principes (bienfaisance, non-malfaisance, autonomie, justice et équité,
#   écoresponsabilité).
# - Loi n° 78-17 du 6 janvier 1978 relative à l'informatique, aux fichiers et aux libertés,
#   articles 44 et 65 (études « internes », étape 2), article 66 et articles 72 et suivants.
#   Légifrance. Source secondaire, qui renvoie à ces articles : CNIL, « Demande
#   d'autorisation d'une recherche en santé : les informations à fournir et les critères
#   d'octroi », 11 janvier 2023, cnil.fr.
# - Agence du numérique en santé, « Quel est le champ d'application de la législation relative
#   à l'hébergement de données de santé à caractère personnel ? », foire aux questions,
#   esante.gouv.fr (mise à jour du 11 février 2025).
# - Arrêté du 26 avril 2024 modifiant l'arrêté du 11 juin 2018 portant approbation du
#   référentiel d'accréditation des organismes de certification et du référentiel de
#   certification pour l'hébergement de données de santé à caractère personnel (Journal
#   officiel du 16 mai 2024).
# - CNIL, formation restreinte : délibération SAN-2024-013 du 5 septembre 2024 (Cegedim Santé) ;
#   SAN-2022-009 du 15 avril 2022 (Dedalus Biologie) ; SAN-2023-006 du 11 mai 2023
#   (Doctissimo) ; SAN-2020-015 du 7 décembre 2020 (médecin libéral). Légifrance. Pour la
#   remise sur la licence accordée aux médecins de l'observatoire Cegedim : GDPRhub,
#   « CNIL (France) - SAN-2024-013 », gdprhub.eu (résumé en anglais de la délibération).
# - Conseil d'État, 13 février 2026, n° 498628 (société GERS),
#   ECLI:FR:CECHR:2026:498628.20260213, mentionnée aux tables du recueil Lebon ; recours contre
#   la délibération SAN-2024-010 de la formation restreinte de la CNIL du 28 août 2024
#   (conseil-etat.fr, ArianeWeb : décision et analyse aux tables, lue le 6 décembre 2026).
# - Cour de justice de l'Union européenne, 7 mars 2024, OC c/ Commission, C-479/22 P (cité par
#   l'analyse aux tables de la décision du Conseil d'État n° 498628).
# - Arrêté du 17 juillet 2017 relatif au référentiel déterminant les critères de
#   confidentialité, d'expertise et d'indépendance pour les laboratoires de recherche et
#   bureaux d'études (visé par les délibérations de la CNIL sur le SNDS, Légifrance).
# - CNIL, délibération n° 2021-118 du 7 octobre 2021 portant adoption d'un référentiel relatif
#   aux entrepôts de données dans le domaine de la santé (Légifrance) ; CNIL, « La CNIL adopte
#   un référentiel sur les entrepôts de données de santé », 26 octobre 2021, cnil.fr.
# - Règlement (UE) 2024/1689 du Parlement européen et du Conseil du 13 juin 2024 établissant
#   des règles harmonisées concernant l'intelligence artificielle, article 10 (texte publié
#   en 2024). EUR-Lex, CELEX 32024R1689. Modifié en 2026 par un règlement qui a reporté les
#   règles du haut risque (article 113 modifié).
# - Scénarios : situations fictives inspirées de la pratique française, écrites pour ce cours
#   par son équipe pédagogique ; elles simplifient le droit et ne valent pas avis juridique.
