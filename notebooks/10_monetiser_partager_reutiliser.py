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
#    **exception** de l'article 9(2) (consentement, soins, santé publique, recherche).
# 3. Distinguer données **nominatives**, **pseudonymisées** et **anonymes**, du point de vue de
#    celui qui les détient.
# 4. Dire quand il faut un **hébergeur certifié HDS** et quelles **finalités** la loi
#    française interdit.
# 5. Classer une situation (**licite**, **illicite**, **sous condition**) en citant l'article
#    qui décide ; après la séance, relier de vraies sanctions de la CNIL au principe enfreint.
#
# > **Les valeurs de l'école dans ce module**
# >
# > - **V5 — Utilisation responsable et éclairée** : avoir le droit d'utiliser une donnée, c'est
# >   l'avoir pour un but précis ; vous apprenez à vérifier ce droit avant d'agir, et à ne pas
# >   confondre ce qui est permis avec ce qui est légitime.
# > - **V6 — Intégrité et transparence** : ne pas appeler « anonyme » ce qui est seulement
# >   pseudonymisé, informer les patients, citer l'article qui décide.
# >
# > **Cadre éthique du numérique en santé (CENS)** : autonomie (consentement et information des
# > patients), non-malfaisance (ni vente de données identifiantes ni sélection des risques par
# > les assureurs), justice (les données des malades ne servent pas à les faire payer plus),
# > bienfaisance (la recherche sur des données existantes, quand elle est encadrée).
#
# ## Mode d'emploi
#
# - Exécutez les cellules **dans l'ordre** : cliquez dans la cellule, puis **Maj + Entrée**.
# - Quand une cellule contient `...`, remplacez les trois points par **un texte entre
#   guillemets** choisi dans la liste proposée (par exemple `"illicite"`), exécutez la cellule,
#   puis la cellule **« Vérification »** juste en dessous.
# - Gardez le nom de la variable tel quel. Majuscules, accents et façon de citer un article
#   ne comptent pas : `"L. 1461-1"` vaut `"L1461-1"`, `"art. 9.2.j"` vaut `"9(2)(j)"`.
# - Des **indices** sont cachés sous chaque question (« Indice 1 », puis « Indice 2 »).
#
# > **Avertissement.** Ce module est un support d'enseignement, **pas un conseil juridique** ;
# > les textes changent (la date de vérification est affichée ci-dessous). Devant un vrai
# > projet, adressez-vous au délégué à la protection des données (DPO) de votre établissement.

# %%
from esn_teach import checks, law
from esn_teach.explorers import LegalPathExplorer

print(f"Références juridiques vérifiées le {law.LEGAL_FACTS_LAST_CHECKED:%d/%m/%Y}.")
print(f"{len(law.REFERENCES)} textes, {len(law.SCENARIOS)} scénarios, "
      f"{len(law.CNIL_DECISIONS)} décisions de la CNIL.")

# %% [markdown]
# ## 1. Une question de chercheur
#
# Des chercheurs de l'École de santé numérique posent cette question :
#
# > « Si j'ai le droit d'utiliser des données, ai-je le droit de les monétiser, de les échanger,
# > de les traiter pour tel diagnostic ? »
#
# La réponse courte est : **pas automatiquement**. Avoir accès à des données pour soigner ne
# donne le droit ni de les vendre, ni de les confier à n'importe qui, ni de les réutiliser
# pour n'importe quel but. Voici cinq questions à se poser **dans l'ordre** (une grille de
# lecture, pas une liste écrite dans la loi), que vous appliquerez à des situations tirées de
# la pratique française, les **scénarios**.
#
# Deux familles de textes s'appliquent : le **RGPD** (règlement général sur la protection des
# données, règlement (UE) 2016/679), valable dans toute l'Union européenne, et des textes
# français qu'il autorise à ajouter (article 9, paragraphe 4) : le **code de la santé
# publique** (CSP) et la **loi Informatique et Libertés** du 6 janvier 1978. La **CNIL**
# (Commission nationale de l'informatique et des libertés) contrôle leur respect et sanctionne.

# %% [markdown]
# ## 2. Les cinq questions, étape par étape
#
# **Étape 1 — Est-ce une donnée de santé ?** Une **donnée personnelle** est une information
# sur une personne identifiée ou identifiable. Les données concernant la santé sont « les
# données à caractère personnel relatives à la santé physique ou mentale d'une personne
# physique, y compris la prestation de services de soins de santé, qui révèlent des
# informations sur l'état de santé de cette personne » (RGPD, article 4, point 15). Le
# considérant 35 (un *considérant* est un paragraphe d'explication placé en tête du
# règlement) y range aussi ce qui est recueilli pour s'inscrire à des soins, et un numéro
# attribué à une personne pour l'identifier à des fins de santé. Une ordonnance, un compte
# rendu, un remboursement en sont. Leur traitement est **interdit par principe** (article 9,
# paragraphe 1). *Traiter* veut dire : collecter, conserver, consulter, transmettre,
# analyser…
#
# **Étape 2 — Sur quel fondement ?** Il en faut **deux à la fois** (Cour de justice, arrêt
# du 21 décembre 2023, C-667/21) :
#
# - une **base légale** : l'une des six de l'article 6 (consentement, contrat, obligation
#   légale, intérêts vitaux, mission d'intérêt public, intérêts légitimes) ; un hôpital public
#   s'appuie en général sur sa mission d'intérêt public, un cabinet libéral sur le contrat de
#   soins ;
# - une **exception** de l'article 9, paragraphe 2, qui lève l'interdiction. Quatre comptent
#   en santé :
#
# | Exception | Quand ? |
# |---|---|
# | **9(2)(a)** consentement explicite | la personne a dit oui, clairement, pour un but précis |
# | **9(2)(h)** médecine, diagnostic, soins | la prise en charge du patient, par des professionnels tenus au secret |
# | **9(2)(i)** intérêt public en santé publique | sécurité sanitaire : menaces graves, sécurité des soins et des médicaments, sur la base d'une loi |
# | **9(2)(j)** recherche et statistiques | une étude scientifique, avec des garanties et, en France, une formalité auprès de la CNIL |
#
# Pour une recherche, cette formalité (loi Informatique et Libertés, article 66 et articles 72
# et suivants) consiste le plus souvent à s'engager à respecter une **méthodologie de
# référence**, un cadre type publié par la CNIL pour les recherches courantes ; sinon, il faut
# l'autorisation de la CNIL, donnée après l'avis d'un comité d'experts.
#
# **Étape 3 — Nominatives, pseudonymisées ou anonymes ?** Des données **pseudonymisées**
# ont perdu le nom, remplacé par un code ; on peut retrouver la personne avec une information
# supplémentaire, comme la **table de correspondance** code → nom (article 4, point 5). Pour
# savoir si des données sont personnelles, on se place du côté de **celui qui les détient** :
# peut-il retrouver les personnes par des moyens raisonnables (considérant 26) ? La Cour de
# justice l'a précisé (arrêt du 4 septembre 2025, C-413/23 P) :
#
# - pour qui garde la table de correspondance, des données pseudonymisées **restent
#   personnelles**, avec toutes ses obligations ;
# - pour un destinataire qui n'a pas la table, elles **peuvent** ne pas l'être, mais seulement
#   s'il ne peut pas non plus retrouver les personnes autrement, par exemple en recoupant
#   l'âge, le code postal et des dates avec d'autres informations.
#
# Des données sont donc **anonymes** pour celui qui les détient quand il ne peut retrouver
# personne par des moyens raisonnables : le RGPD ne s'applique alors pas à lui. Les mêmes
# données peuvent être personnelles pour l'un et anonymes pour l'autre. Le module 11 montre
# pourquoi l'anonymat est si difficile à atteindre.
#
# **Étape 4 — Qui héberge les données ?** Qui confie à un prestataire l'hébergement de
# données de santé recueillies lors de soins doit choisir un **hébergeur certifié HDS**
# (hébergeur de données de santé ; CSP, article L1111-8). Le référentiel de certification de
# l'arrêté du 26 avril 2024 impose de stocker les données dans l'Espace économique européen ;
# depuis le 16 mai 2026, il s'applique à tous les hébergeurs certifiés.
#
# **Étape 5 — La finalité est-elle interdite ?** La *finalité* est le but du traitement.
# La France en interdit certaines, quels que soient la base légale et l'accord du patient :
#
# - **la vente de données identifiantes** : « Tout acte de cession à titre onéreux de données
#   de santé identifiantes, directement ou indirectement, y compris avec l'accord de la
#   personne concernée, est interdit sous peine des sanctions prévues à l'article 226-21 du
#   code pénal » (CSP, article L1111-8, VII) ;
# - **deux usages du SNDS** (Système national des données de santé, qui réunit notamment les
#   données de l'Assurance maladie et des hôpitaux ; il est géré par la Caisse nationale de
#   l'assurance maladie et la Plateforme des données de santé, ou *Health Data Hub*, CSP,
#   article R1461-3) : « 1° La promotion des produits […] en direction des professionnels de
#   santé ou d'établissements de santé ; 2° L'exclusion de garanties des contrats d'assurance
#   et la modification de cotisations ou de primes d'assurance d'un individu ou d'un groupe
#   d'individus présentant un même risque » (CSP, article L1461-1, V).

# %% [markdown]
# ### Question 1 — Trouvez l'intrus (2 points)
#
# Trois de ces informations sont des données de santé au sens du RGPD ; une seule ne l'est
# pas. Laquelle ? Répondez `"a"`, `"b"`, `"c"` ou `"d"`.
#
# - **a.** Le nom, l'adresse et la liste des médicaments **sans ordonnance** qu'un client a
#   commandés sur le site de sa pharmacie.
# - **b.** Le nombre de boîtes d'antidiabétiques vendues en Occitanie en mars, tous patients
#   confondus, sans aucune ligne par personne.
# - **c.** La date et l'heure du prochain rendez-vous de kinésithérapie de M. Durand.
# - **d.** Le numéro que l'hôpital attribue à une patiente pour l'identifier dans son dossier
#   médical.
#
# <details><summary>Indice 1</summary>
#
# Une donnée de santé est d'abord une donnée **personnelle** : elle porte sur une personne
# identifiable. Laquelle de ces informations ne porte sur personne en particulier ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Relisez l'étape 1 de la section 2 : l'article 4, point 15 et le considérant 35. Pour
# chaque information, demandez-vous : sur qui porte-t-elle, et que révèle-t-elle de sa santé ?
# </details>

# %% answer="intrus"
intrus = ...
### BEGIN SOLUTION
intrus = "b"
### END SOLUTION

# %% tests="intrus" points=2
# Vérification de la question 1 : exécutez cette cellule.
checks.check_choice(
    intrus,
    name="intrus",
    options=["a", "b", "c", "d"],
    digest="5742f4e2d9ad2436",
    mistakes=[
        checks.Mistake(
            "a",
            "une commande de médicaments, même sans ordonnance, rattachée au nom du client "
            "révèle des informations sur sa santé : c'est une donnée de santé (Cour de justice "
            "de l'Union européenne, arrêt du 4 octobre 2024, C-21/23).",
        ),
        checks.Mistake(
            "c",
            "un rendez-vous de soins est une donnée de santé : la définition de l'article 4, "
            "point 15 du RGPD inclut « la prestation de services de soins de santé ».",
        ),
        checks.Mistake(
            "d",
            "un numéro attribué à une personne pour l'identifier à des fins de santé est une "
            "donnée de santé (RGPD, considérant 35).",
        ),
    ],
)
### BEGIN HIDDEN TESTS
checks.check_choice(intrus, name="intrus", options=["a", "b", "c", "d"], expected="b")
### END HIDDEN TESTS

# %% mistake="intrus"
# message : même sans ordonnance
intrus = "a"

# %% mistake="intrus"
# message : la prestation de services de soins de santé
intrus = "c"

# %% mistake="intrus"
# message : considérant 35
intrus = "D"

# %% [markdown]
# ## 3. L'explorateur du parcours juridique
#
# Choisissez un **scénario**, puis avancez le curseur **« Étapes montrées »** (souris ou
# flèches du clavier) : chaque cran révèle la réponse à l'une des cinq questions, son statut
# écrit en toutes lettres et ses textes ; le dernier cran affiche le **verdict**. Essayez de
# répondre avant d'avancer le curseur. Observez :
#
# - une seule étape **bloquante** suffit à rendre la situation illicite ;
# - des données nominatives ou pseudonymisées ne bloquent rien à elles seules : elles font
#   s'appliquer tout le RGPD ;
# - la même donnée peut être utilisée licitement pour soigner et illicitement pour vendre ;
# - **licite ne veut pas dire légitime** : ouvrez « Vendre des tableaux de ventes de
#   médicaments ». La vente est permise ; les patients, eux, en sont-ils informés ? Y
#   gagnent-ils quelque chose ?
#
# Les quatre scénarios des questions suivantes ne sont pas dans la liste : à vous de jouer.

# %%
scenarios_des_questions = ["pharmacie_revente", "assureur_snds", "cohorte_recherche",
                           "hopital_startup"]
explorateur = LegalPathExplorer(
    [card for card in law.SCENARIOS if card.key not in scenarios_des_questions]
)
explorateur

# %% [markdown]
# ## 4. Vendre des données : le logiciel d'officine
#
# Lisez le scénario affiché par la cellule suivante.

# %%
print(law.scenario("pharmacie_revente").situation)

# %% [markdown]
# ### Question 2 — Licite, illicite ou sous condition ? (2 points)
#
# Cette transmission est-elle `"licite"`, `"illicite"` ou licite `"sous condition"` (par
# exemple si les patients y consentent) ?
#
# <details><summary>Indice 1</summary>
#
# Parcourez les cinq questions. Qu'est-ce qui est échangé, contre quoi, et les patients
# sont-ils identifiables ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Relisez la citation de l'article L1111-8 du code de la santé publique à la section 2, en
# particulier les mots qui suivent « directement ou indirectement ». Une condition
# (consentement, affiche, opposition) peut-elle changer quelque chose ?
# </details>

# %% answer="verdict_pharmacie"
verdict_pharmacie = ...
### BEGIN SOLUTION
verdict_pharmacie = "illicite"
### END SOLUTION

# %% tests="verdict_pharmacie" points=2
# Vérification de la question 2 : exécutez cette cellule.
verdict_pharmacie = law.normalise_answer(verdict_pharmacie)  # « licite sous condition »…
checks.check_choice(
    verdict_pharmacie,
    name="verdict_pharmacie",
    options=law.VERDICTS,
    digest="bd8763e948dcc447",
    mistakes=[checks.Mistake(k, v)
              for k, v in law.scenario("pharmacie_revente").misconceptions.items()],
)
### BEGIN HIDDEN TESTS
checks.check_choice(verdict_pharmacie, name="verdict_pharmacie", options=law.VERDICTS,
                    expected=law.scenario("pharmacie_revente").verdict)
### END HIDDEN TESTS

# %% mistake="verdict_pharmacie"
# message : aucune condition ne rend cette vente licite
verdict_pharmacie = "sous condition"

# %% mistake="verdict_pharmacie"
# message : aucune condition ne rend cette vente licite
verdict_pharmacie = "licite sous condition"

# %% mistake="verdict_pharmacie"
# message : leur vente est interdite par l'article L1111-8
verdict_pharmacie = "licite"

# %% mistake="verdict_pharmacie"
# message : n'est pas l'une des options proposées
verdict_pharmacie = "interdit"

# %% [markdown]
# Le RGPD seul ne suffirait pas à répondre : c'est un texte **français** qui interdit cette
# vente, quel que soit l'accord du patient. Le droit européen laisse chaque pays ajouter de
# telles limites (article 9, paragraphe 4).
#
# ## 5. Échanger des données : l'assureur et le SNDS

# %%
print(law.scenario("assureur_snds").situation)

# %% [markdown]
# ### Question 3 — Quel article décide ? (2 points)
#
# Quel texte décide du sort de cette demande ? Choisissez parmi `"9(2)(a)"` (consentement),
# `"9(2)(j)"` (recherche), `"L1111-8"`, `"L1461-1"` et `"L1110-4"` (le secret médical).
#
# <details><summary>Indice 1</summary>
#
# Le problème n'est ni le consentement ni la recherche : c'est le **but** poursuivi par la
# mutuelle. Laquelle des cinq questions porte sur le but ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Le code de la santé publique ajoute au RGPD des interdictions propres à certaines bases de
# données nationales. Relisez la liste des finalités interdites à la section 2 : quel
# article vise la base d'où viendraient ces données ?
# </details>

# %% answer="article_assureur"
article_assureur = ...
### BEGIN SOLUTION
article_assureur = "L1461-1"
### END SOLUTION

# %% tests="article_assureur" points=2
# Vérification de la question 3 : exécutez cette cellule.
article_assureur = law.normalise_answer(article_assureur)  # « L. 1461-1 », « art. 9.2.a »…
checks.check_choice(
    article_assureur,
    name="article_assureur",
    options=["9(2)(a)", "9(2)(j)", "L1111-8", "L1461-1", "L1110-4"],
    digest="92e1e3336bc6d819",
    mistakes=[checks.Mistake(k, v)
              for k, v in law.scenario("assureur_snds").misconceptions.items()],
)
### BEGIN HIDDEN TESTS
checks.check_choice(article_assureur, name="article_assureur",
                    options=["9(2)(a)", "9(2)(j)", "L1111-8", "L1461-1", "L1110-4"],
                    expected=law.scenario("assureur_snds").deciding_keys[0])
### END HIDDEN TESTS

# %% mistake="article_assureur"
# message : le consentement (art. 9(2)(a)) ne change rien ici
article_assureur = "9(2)(a)"

# %% mistake="article_assureur"
# message : le consentement (art. 9(2)(a)) ne change rien ici
article_assureur = "art. 9.2.a"

# %% mistake="article_assureur"
# message : mais ici personne ne vend
article_assureur = "L. 1111-8"

# %% mistake="article_assureur"
# message : ne couvre pas la tarification
article_assureur = "9(2)(j)"

# %% mistake="article_assureur"
# message : le secret médical (L1110-4) protège la relation de soins
article_assureur = "L1110-4"

# %% [markdown]
# ## 6. Réutiliser des données pour la recherche : la cohorte du CHU

# %%
print(law.scenario("cohorte_recherche").situation)

# %% [markdown]
# ### Question 4 — Quelle exception de l'article 9(2) ? (2 points)
#
# Ces données ont été recueillies **pour soigner**. Le CHU a une base légale : sa mission
# d'intérêt public (article 6). Quelle exception de l'article 9(2) correspond à cette
# **étude** : `"9(2)(a)"`, `"9(2)(h)"`, `"9(2)(i)"` ou `"9(2)(j)"` ?
#
# <details><summary>Indice 1</summary>
#
# Le but n'est plus de soigner ces patients mais de produire des connaissances. Et leur
# demander à tous leur accord est impossible.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Relisez le tableau des exceptions à la section 2 : laquelle parle d'études scientifiques et
# renvoie à une formalité auprès de la CNIL ?
# </details>

# %% answer="exception_recherche"
exception_recherche = ...
### BEGIN SOLUTION
exception_recherche = "9(2)(j)"
### END SOLUTION

# %% tests="exception_recherche" points=2
# Vérification de la question 4 : exécutez cette cellule.
exception_recherche = law.normalise_answer(exception_recherche)  # « art. 9.2.j »…
checks.check_choice(
    exception_recherche,
    name="exception_recherche",
    options=["9(2)(a)", "9(2)(h)", "9(2)(i)", "9(2)(j)"],
    digest="a5d5fd618fe3a302",
    mistakes=[checks.Mistake(k, v)
              for k, v in law.scenario("cohorte_recherche").misconceptions.items()],
)
### BEGIN HIDDEN TESTS
checks.check_choice(exception_recherche, name="exception_recherche",
                    options=["9(2)(a)", "9(2)(h)", "9(2)(i)", "9(2)(j)"],
                    expected=law.scenario("cohorte_recherche").exception)
### END HIDDEN TESTS

# %% mistake="exception_recherche"
# message : couvre les soins et le diagnostic du patient lui-même
exception_recherche = "9(2)(h)"

# %% mistake="exception_recherche"
# message : impossible à recueillir
exception_recherche = "9(2)(a)"

# %% mistake="exception_recherche"
# message : peut être invoqué pour certaines études
exception_recherche = "9-2-i"

# %% [markdown]
# ## 7. Partager des données « anonymisées » : l'hôpital et la start-up

# %%
print(law.scenario("hopital_startup").situation)

# %% [markdown]
# ### Question 5 — Quel statut pour ces données ? (2 points)
#
# Les données confiées à la start-up sont-elles `"nominatives"`, `"pseudonymisées"` ou
# `"anonymes"` ? Répondez pour l'hôpital **et** pour la start-up : ici, c'est la même réponse.
#
# <details><summary>Indice 1</summary>
#
# Prenez le point de vue de chacun. L'hôpital, qui garde la table de correspondance, peut-il
# relier une ligne à un patient ? La start-up, qui ne l'a pas, pourrait-elle retrouver
# quelqu'un **par des moyens raisonnables**, en recoupant l'âge, le code postal et les dates
# avec ce que d'autres savent ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Relisez l'étape 3 de la section 2. Remplacer le nom par un code, est-ce anonymiser ?
# </details>

# %% answer="statut_startup"
statut_startup = ...
### BEGIN SOLUTION
statut_startup = "pseudonymisées"
### END SOLUTION

# %% tests="statut_startup" points=2
# Vérification de la question 5 : exécutez cette cellule.
statut_startup = law.normalise_answer(statut_startup)  # « pseudonymisée », « anonyme »…
checks.check_choice(
    statut_startup,
    name="statut_startup",
    options=law.IDENTIFICATION_LEVELS,
    digest="565d2bbe82c77497",
    mistakes=[checks.Mistake(k, v)
              for k, v in law.scenario("hopital_startup").misconceptions.items()],
)
### BEGIN HIDDEN TESTS
checks.check_choice(statut_startup, name="statut_startup", options=law.IDENTIFICATION_LEVELS,
                    expected=law.scenario("hopital_startup").identification)
### END HIDDEN TESTS

# %% mistake="statut_startup"
# message : remplacer le nom par un code, c'est pseudonymiser
statut_startup = "anonymes"

# %% mistake="statut_startup"
# message : or âge, code postal, dates et diagnostics le permettent
statut_startup = "anonyme"

# %% mistake="statut_startup"
# message : les données ne sont plus nominatives
statut_startup = "nominatives"

# %% [markdown]
# ## À retenir
#
# - Une donnée de santé est **interdite de traitement par principe** (RGPD, article 9,
#   paragraphe 1). Il faut **à la fois** une base légale (article 6) et une exception de
#   l'article 9(2) : le soin (h) n'est pas la recherche (j), et le consentement (a) n'est ni
#   toujours possible ni toujours suffisant.
# - **Pseudonymiser n'est pas anonymiser** : des données sont personnelles pour qui peut
#   retrouver les personnes par des moyens raisonnables, avec la table ou par recoupement
#   (considérant 26 ; arrêt C-413/23 P).
# - **Vendre** des données de santé identifiantes est interdit en France, **même avec l'accord
#   du patient** (CSP, article L1111-8, VII). Le **SNDS** ne peut servir ni à la promotion de
#   produits de santé auprès des soignants ni à la tarification des assurés (L1461-1, V).
# - Héberger des données de soins chez un prestataire exige un **hébergeur certifié HDS**.
# - Le droit d'utiliser une donnée vaut **pour un but précis** ; et ce qui est licite n'est
#   pas toujours légitime.

# %% [markdown]
# ## Après la séance
#
# À faire chez vous, en 30 minutes environ : une question sur de vraies sanctions de la CNIL,
# quelques compléments, puis la réflexion écrite, corrigée par l'enseignant.
#
# ### 8. De vraies sanctions de la CNIL
#
# La cellule suivante affiche quatre décisions de la **formation restreinte** de la CNIL (la
# formation qui prononce les sanctions) : numéro, date, amende et faits.

# %%
for decision in law.CNIL_DECISIONS:
    montant = f"{decision.amount_eur:,}".replace(",", "\u202f")
    print(f"{decision.number} du {decision.date:%d/%m/%Y} — {decision.organisation}")
    print(f"    Amende : {montant} €. {decision.facts}\n")
print("Principes possibles :")
for cle, libelle in law.PRINCIPLES.items():
    print(f'    "{cle}" : {libelle}')

# %% [markdown]
# ### Question 6 — Quel principe chaque décision fait-elle respecter ? (3 points)
#
# Pour chaque décision, remplacez les `...` par le principe enfreint dans le **manquement
# principal** (celui que résume la description affichée) : `"anonymisation"`, `"sécurité"` ou
# `"consentement"`. Un même principe peut servir pour plusieurs décisions. La vérification
# examine les décisions dans l'ordre et **s'arrête à la première réponse incorrecte** :
# corrigez-la, réexécutez les deux cellules, et continuez jusqu'au message final.
#
# <details><summary>Indice 1</summary>
#
# Pour chaque affaire : les données étaient-elles présentées comme anonymes ? Ont-elles fuité
# ou été laissées accessibles ? Les personnes avaient-elles donné leur accord ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# *Anonymisation* : présenter comme anonymes des données dont on peut encore retrouver les
# personnes (considérant 26) ; *sécurité* : protéger les données contre les accès et les
# fuites (article 32) ; *consentement* : obtenir l'accord explicite des personnes avant de
# collecter leurs données de santé (article 9(2)(a)).
# </details>

# %% answer="principes"
principes = {
    "SAN-2024-013": ...,  # Cegedim Santé
    "SAN-2022-009": ...,  # Dedalus Biologie
    "SAN-2023-006": ...,  # Doctissimo
    "SAN-2020-015": ...,  # un médecin libéral
}
### BEGIN SOLUTION
principes = {
    "SAN-2024-013": "anonymisation",
    "SAN-2022-009": "sécurité",
    "SAN-2023-006": "consentement",
    "SAN-2020-015": "sécurité",
}
### END SOLUTION

# %% tests="principes" points=3
# Vérification de la question 6 : exécutez cette cellule.
checks.require_attempted(principes, name="principes")
checks.expect(
    isinstance(principes, dict)
    and set(principes) == {d.number for d in law.CNIL_DECISIONS},
    "« principes » doit rester un dictionnaire avec les quatre numéros de décision ; "
    "réexécutez la cellule de la question sans modifier les numéros, en remplaçant seulement "
    "les trois points.",
    name="principes",
)
empreintes = {"SAN-2024-013": "448d372898bedf85", "SAN-2022-009": "ed389ecf3a4bc64f",
              "SAN-2023-006": "4c71b6d25a814a51", "SAN-2020-015": "092c4dfc30f08143"}
for numero, empreinte in empreintes.items():
    nom = f"principes[{numero}]"
    valeur = principes[numero]
    checks.require_attempted(valeur, name=nom)
    if not isinstance(valeur, str) or checks.answer_digest(valeur, name=nom) != empreinte:
        checks.check_choice(
            valeur,
            name=nom,
            options=list(law.PRINCIPLES),
            digest=empreinte,
            mistakes=[checks.Mistake(k, v)
                      for k, v in law.decision(numero).misconceptions.items()],
        )
print("\u2714 Correct (principes) : les quatre décisions sont reliées au bon principe.")
### BEGIN HIDDEN TESTS
for d in law.CNIL_DECISIONS:
    checks.check_choice(principes[d.number], name=f"principes[{d.number}]",
                        options=list(law.PRINCIPLES), expected=d.principle)
### END HIDDEN TESTS

# %% mistake="principes"
# message : ne sanctionne pas une fuite
principes = {
    "SAN-2024-013": "sécurité",
    "SAN-2022-009": "sécurité",
    "SAN-2023-006": "consentement",
    "SAN-2020-015": "sécurité",
}

# %% mistake="principes"
# message : un laboratoire n'a pas besoin du consentement
principes = {
    "SAN-2024-013": "anonymisation",
    "SAN-2022-009": "consentement",
    "SAN-2023-006": "consentement",
    "SAN-2020-015": "sécurité",
}

# %% mistake="principes"
# message : n'ont jamais été présentées comme anonymes
principes = {
    "SAN-2024-013": "anonymisation",
    "SAN-2022-009": "sécurité",
    "SAN-2023-006": "anonymisation",
    "SAN-2020-015": "sécurité",
}

# %% [markdown]
# Les sanctions touchent aussi bien de grandes entreprises qu'un médecin seul.
#
# **Les données des pharmacies.** La société GERS produit des statistiques de ventes de
# médicaments à partir d'un panel de pharmacies d'officine. Le 28 août 2024, la CNIL lui a
# infligé une amende de 800 000 € (délibération SAN-2024-010) et a sanctionné le même jour la
# société Santestat (SAN-2024-011) (CNIL, 2024). GERS a contesté ces deux décisions devant le
# Conseil d'État en soutenant notamment que les données étaient anonymes ; le Conseil d'État
# a statué le 13 février 2026 (n° 498628 et 498629). Ce module n'en rapporte pas l'issue,
# faute de l'avoir vérifiée : lisez la décision avant de citer ces affaires.
#
# ### 9. Pour aller plus loin
#
# - **Accéder au SNDS.** L'accès à ses données personnelles n'est autorisé que pour des
#   études d'intérêt public, selon les procédures de la loi Informatique et Libertés ; un
#   industriel ou un assureur doit prouver que son traitement ne peut servir à une finalité
#   interdite, ou passer par un laboratoire ou un bureau d'études (CSP, article L1461-3).
# - **Les comités.** Hors méthodologie de référence, la CNIL autorise une recherche après
#   l'avis du CESREES (comité éthique et scientifique pour les recherches, les études et les
#   évaluations dans le domaine de la santé) ou, pour une recherche impliquant la personne
#   humaine, d'un comité de protection des personnes (CPP) (loi Informatique et Libertés,
#   articles 72 et suivants).
# - **Le Health Data Hub.** La Plateforme des données de santé, son nom officiel, gère le
#   SNDS avec l'Assurance maladie (CSP, article R1461-3).
# - **L'espace européen des données de santé** (EHDS, règlement (UE) 2025/327 du 11 février
#   2025) est en vigueur depuis le 26 mars 2025 ; ses règles sur la réutilisation des données
#   de santé, qui passera par des organismes d'accès et des environnements sécurisés,
#   s'appliqueront pour l'essentiel à partir du 26 mars 2029.
#
# ### 10. Réflexion — Puis-je monétiser, échanger, traiter ? (3 points, après la séance)
#
# En 10 à 15 lignes, répondez à la question des chercheurs : « Si j'ai le droit d'utiliser
# des données, ai-je le droit de les monétiser, de les échanger, de les traiter pour tel
# diagnostic ? » Distinguez les trois verbes. Pour chacun, citez au moins **un article**
# (avec sa référence) et **un scénario ou une décision** de ce module. Dites enfin ce que
# vous feriez, concrètement, avant de lancer un projet avec des données de patients, et si
# ce qui est permis vous paraît toujours acceptable.

# %% [markdown] written="reflexion_monetiser" points=3
# ### BEGIN SOLUTION
# *Guide de correction (enseignants ; retiré de la version étudiante).*
#
# - **1 point** — Les trois verbes sont distingués, chacun avec un texte juste :
#   *monétiser* des données identifiantes est interdit même avec l'accord du patient (CSP
#   L1111-8, VII), alors que vendre des résultats réellement anonymes n'est pas visé
#   (considérant 26) ; *échanger* suppose, pour chaque organisme, une base légale (art. 6) et
#   une exception (art. 9(2)), un cadre contractuel (contrat de sous-traitance, art. 28, ou
#   accord entre responsables conjoints, art. 26), un hébergeur HDS pour un prestataire qui
#   héberge des données de soins (L1111-8), et certaines finalités sont interdites quel que
#   soit le destinataire (SNDS, L1461-1, V) ; *traiter pour un diagnostic* relève de la base
#   légale du soin et de l'exception 9(2)(h) pour le patient lui-même, mais la réutilisation
#   pour une étude relève de 9(2)(j) (ou, selon l'étude, 9(2)(i)) et des formalités des
#   articles 66 et 72 et suivants de la loi Informatique et Libertés. Ne pas pénaliser
#   l'oubli de l'article 6 s'il est implicite ; pénaliser une réponse qui appelle l'exception
#   de l'article 9(2) « la base légale » et s'en contente.
# - **1 point** — Au moins un scénario ou une décision de la CNIL correctement mobilisé
#   (p. ex. pharmacie : illicite malgré le consentement ; SAN-2024-013 : pseudonymisé n'est
#   pas anonyme ; SAN-2022-009 ou SAN-2020-015 : sécurité). L'idée centrale : le droit
#   d'utiliser est lié à une **finalité** ; il ne se transfère pas à une autre finalité ou à
#   un autre acteur (valeur V5 — Utilisation responsable et éclairée). Valoriser la
#   distinction entre licite et légitime (vente de tableaux anonymes : permise, mais les
#   patients en sont-ils informés ?).
# - **1 point** — Démarche concrète et honnête : consulter le DPO, vérifier la base légale,
#   l'exception et la formalité auprès de la CNIL, l'hébergeur HDS, informer les patients,
#   ne pas se dire « anonyme » sans l'avoir démontré du point de vue de chaque destinataire,
#   documenter (valeur V6 — Intégrité et transparence). Accepter toute position argumentée ;
#   pénaliser une réponse qui confond pseudonymisation et anonymisation ou qui présente le
#   consentement comme levant toute interdiction.
# ### END SOLUTION

# %% [markdown]
# ## Sources
#
# Références juridiques vérifiées à la date affichée par le notebook
# (`law.LEGAL_FACTS_LAST_CHECKED`) ; les adresses sont dans `esn_teach/law/` et, pour chaque
# texte, dans `law.reference("…").url`.
#
# - Règlement (UE) 2016/679 du Parlement européen et du Conseil du 27 avril 2016 (RGPD) :
#   articles 4 (points 5, 11 et 15), 6, 9, 26, 28 et 32, chapitre V (articles 44 à 49),
#   considérants 26 et 35. EUR-Lex, CELEX 32016R0679.
# - Cour de justice de l'Union européenne, arrêt du 4 septembre 2025, Contrôleur européen de
#   la protection des données (EDPS) contre Conseil de résolution unique (CRU), affaire
#   C-413/23 P, ECLI:EU:C:2025:645 (EUR-Lex, CELEX 62023CJ0413 ; communiqué de presse de la
#   Cour n° 107/25). Le Contrôleur européen (EDPS) surveille les institutions de l'Union ; il
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
# - Code de la santé publique : article L1110-4 (secret médical) ; article L1111-8
#   (hébergement de données de santé ; son VII, sur la cession, issu de la loi n° 2004-810 du
#   13 août 2004) ; articles L1461-1 et L1461-3 (SNDS, créés par la loi n° 2016-41 du
#   26 janvier 2016) ; article R1461-3 (responsables conjoints du SNDS, rédaction issue du
#   décret n° 2021-848 du 29 juin 2021). Légifrance.
# - Loi n° 78-17 du 6 janvier 1978 relative à l'informatique, aux fichiers et aux libertés,
#   article 66 et articles 72 et suivants. Légifrance. CNIL, « Demande d'autorisation d'une
#   recherche en santé : les informations à fournir et les critères d'octroi », 11 janvier
#   2023, cnil.fr.
# - Arrêté du 26 avril 2024 modifiant l'arrêté du 11 juin 2018 portant approbation du
#   référentiel d'accréditation des organismes de certification et du référentiel de
#   certification pour l'hébergement de données de santé à caractère personnel (Journal
#   officiel du 16 mai 2024).
# - CNIL, formation restreinte : délibération SAN-2024-013 du 5 septembre 2024 (Cegedim Santé) ;
#   SAN-2024-010 (GERS) et SAN-2024-011 (Santestat) du 28 août 2024 ; SAN-2022-009 du
#   15 avril 2022 (Dedalus Biologie) ; SAN-2023-006 du 11 mai 2023 (Doctissimo) ; SAN-2020-015
#   du 7 décembre 2020 (médecin libéral). Légifrance.
# - Conseil d'État, 10e et 9e chambres réunies, 13 février 2026, société GERS, n° 498628 et
#   498629 (montant de l'amende de SAN-2024-010 ; sens de la décision non vérifié).
#   conseil-etat.fr, ArianeWeb. Sur l'activité de GERS : « GERS Rupture est lancé », *Le
#   Quotidien du pharmacien*, 2 mars 2020.
# - Scénarios : situations fictives inspirées de la pratique française, écrites pour ce cours
#   (`esn_teach/law/data/scenarios.toml`) ; elles simplifient le droit et ne valent pas avis
#   juridique.
