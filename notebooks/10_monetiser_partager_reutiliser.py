# %% [markdown]
# # Module 10 — Puis-je monétiser, échanger, réutiliser ?
#
# *Cours « IA et santé » — École de santé numérique, Université de Montpellier.*
#
# ## Ce que vous saurez faire à la fin de ce module
#
# 1. Dire si une information est une **donnée de santé** au sens du RGPD (article 4, point 15)
#    et pourquoi son traitement est **interdit par principe** (article 9, paragraphe 1).
# 2. Choisir l'**exception de l'article 9(2)** qui peut lever l'interdiction : consentement,
#    soins, santé publique ou recherche.
# 3. Distinguer données **nominatives** (qui portent le nom ou un identifiant direct),
#    **pseudonymisées** et **anonymes**, et dire lesquelles restent soumises au RGPD.
# 4. Dire quand il faut un **hébergeur certifié HDS** et quelles **finalités** la loi
#    française interdit : vendre des données identifiantes, utiliser le SNDS (Système national
#    des données de santé) pour la promotion de produits de santé ou pour la sélection des
#    risques par les assureurs.
# 5. Classer une situation réelle (**licite**, **illicite**, **sous condition**) en citant
#    l'article qui décide, et relier de vraies sanctions de la CNIL au principe enfreint.
#
# ## Mode d'emploi
#
# - Exécutez les cellules **dans l'ordre**, une par une : cliquez dans la cellule puis appuyez
#   sur **Maj + Entrée**.
# - Quand une cellule contient `...`, c'est à vous de répondre : remplacez les trois points par
#   votre réponse, **un texte entre guillemets** choisi dans la liste proposée (par exemple
#   `"illicite"`), exécutez la cellule, puis exécutez la cellule **« Vérification »** juste en
#   dessous. Elle vous dit si la réponse est correcte ou, sinon, quel article vous avez manqué.
#   Vous pouvez réessayer autant de fois que vous voulez.
# - Gardez le nom de la variable **exactement** tel qu'il est écrit (sans accent :
#   `statut_startup`). Dans vos réponses, majuscules et accents ne comptent pas, mais
#   l'orthographe, les parenthèses et les tirets oui (`"9(2)(j)"`, `"L1461-1"`).
# - Des **indices** sont cachés sous chaque question : cliquez sur « Indice 1 », puis
#   « Indice 2 » seulement si besoin.
# - Aucune connaissance en programmation ni en droit n'est demandée.
#
# > **Avertissement.** Ce module est un support d'enseignement, **pas un conseil juridique**.
# > Les textes changent : la date à laquelle les références ont été vérifiées est affichée
# > ci-dessous. Devant un vrai projet, adressez-vous au délégué à la protection des données
# > (DPD, ou DPO en anglais) de votre établissement.

# %%
from esn_teach import checks, law
from esn_teach.explorers import LegalPathExplorer

print(f"Références juridiques vérifiées le {law.LEGAL_FACTS_LAST_CHECKED:%d/%m/%Y}.")
print(f"{len(law.REFERENCES)} textes, {len(law.SCENARIOS)} scénarios, "
      f"{len(law.CNIL_DECISIONS)} décisions de la CNIL.")

# %% [markdown]
# ## 1. Une question de chercheur
#
# Ce module part d'une question que posent les chercheurs de l'École de santé numérique :
#
# > « Si j'ai le droit d'utiliser des données, ai-je le droit de les monétiser, de les échanger,
# > de les traiter pour tel diagnostic ? »
#
# La réponse courte est : **pas automatiquement**. Avoir accès à des données pour soigner ne
# donne pas le droit de les vendre, ni de les confier à n'importe qui, ni de les réutiliser
# pour n'importe quel but. Pour s'y retrouver, ce cours propose cinq questions à se poser
# **dans l'ordre** : c'est une grille de lecture des textes, pas une liste écrite telle quelle
# dans la loi. Vous allez les apprendre, puis les appliquer à des situations tirées de la
# pratique française (les **scénarios**), puis à de vraies décisions de la **CNIL** (Commission
# nationale de l'informatique et des libertés, l'autorité française qui contrôle l'usage des
# données personnelles et peut prononcer des amendes).
#
# Deux familles de textes s'appliquent :
#
# - le **RGPD** (règlement général sur la protection des données, règlement (UE) 2016/679 du
#   27 avril 2016), valable dans toute l'Union européenne ;
# - des textes français, que l'article 9, paragraphe 4 du RGPD autorise à ajouter : le
#   **code de la santé publique** (CSP) et la **loi Informatique et Libertés** du
#   6 janvier 1978.

# %% [markdown]
# ## 2. Les cinq questions
#
# **Question 1 — Est-ce une donnée de santé ?** Une **donnée personnelle** est une information
# sur une personne identifiée ou identifiable. Le RGPD (article 4, point 15) définit les
# données concernant la santé comme « les données à caractère personnel relatives à la santé
# physique ou mentale d'une personne physique, y compris la prestation de services de soins de
# santé, qui révèlent des informations sur l'état de santé de cette personne ». Une ordonnance,
# un compte rendu, une date de règles, un remboursement de médicament en sont. Leur traitement
# est **interdit par principe** (article 9, paragraphe 1). *Traiter* veut dire : collecter,
# conserver, consulter, transmettre, analyser…
#
# **Question 2 — Quelle exception lève l'interdiction ?** L'article 9, paragraphe 2 liste les
# exceptions. Quatre comptent en santé :
#
# | Exception | Quand ? |
# |---|---|
# | **9(2)(a)** consentement explicite | la personne a dit oui, clairement, pour un but précis |
# | **9(2)(h)** médecine, diagnostic, soins | la prise en charge du patient, par des professionnels tenus au secret |
# | **9(2)(i)** intérêt public en santé publique | sécurité sanitaire : menaces graves, sécurité des soins et des médicaments, sur la base d'une loi |
# | **9(2)(j)** recherche et statistiques | une étude scientifique, avec des garanties et, en France, une formalité auprès de la CNIL (loi Informatique et Libertés, article 66) |
#
# Pour une recherche, cette formalité consiste le plus souvent à s'engager à respecter une
# **méthodologie de référence** : un cadre type publié par la CNIL pour les recherches les plus
# courantes (quelles données, quelle information des patients, quelle sécurité). Le projet qui
# la respecte en tous points le déclare à la CNIL ; sinon, il doit demander son autorisation.
#
# **Question 3 — Nominatives, pseudonymisées ou anonymes ?** Des données **pseudonymisées**
# ont perdu le nom, remplacé par un code, mais on peut retrouver la personne avec une
# information supplémentaire, comme la table de correspondance (RGPD, article 4, point 5).
# Elles restent des données personnelles tant que quelqu'un peut retrouver la personne **par
# des moyens raisonnables** (considérant 26 ; un *considérant* est un paragraphe d'explication
# placé en tête du règlement). La Cour de justice de l'Union européenne a précisé, dans un arrêt
# du 4 septembre 2025 (affaire C-413/23 P), qu'un destinataire qui n'a **aucun** moyen
# raisonnable de réidentifier les personnes peut, pour lui, ne pas détenir de données
# personnelles ; pour celui qui garde la table de correspondance, elles le restent. Seules des
# données **anonymes**, dont plus personne ne peut retrouver la personne par des moyens
# raisonnables, sortent du RGPD. Le module 11 montre pourquoi c'est si difficile.
#
# **Question 4 — Qui héberge les données ?** Qui confie à un prestataire l'hébergement de données
# de santé recueillies lors de soins doit choisir un **hébergeur certifié HDS** (hébergeur de
# données de santé ; CSP, article L1111-8). Le nouveau référentiel de certification (arrêté du
# 26 avril 2024) impose de stocker les données dans l'Espace économique européen.
#
# **Question 5 — La finalité est-elle interdite ?** La *finalité* est le but du traitement.
# La France en interdit certaines, quelle que soit la base légale (le fondement juridique qui
# autorise le traitement) :
#
# - **la vente de données identifiantes** (la loi parle de *cession à titre onéreux* : vente ou
#   échange contre un avantage) : « Tout acte de cession à titre onéreux de données de santé
#   identifiantes, directement ou indirectement, y compris avec l'accord de la personne
#   concernée, est interdit sous peine des sanctions prévues à l'article 226-21 du code pénal »
#   (CSP, article L1111-8, dernier alinéa) ;
# - **deux usages du SNDS**, qui réunit notamment les données de l'Assurance maladie et des
#   hôpitaux et qui est géré conjointement par la Caisse nationale de l'assurance maladie et la
#   Plateforme des données de santé (CSP, article R1461-3) : « 1° La promotion des produits
#   […] en direction des professionnels de santé ou d'établissements de santé ; 2° L'exclusion
#   de garanties des contrats d'assurance et la modification de cotisations ou de primes
#   d'assurance d'un individu ou d'un groupe d'individus présentant un même risque » (CSP,
#   article L1461-1, V).
#
# La cellule suivante affiche tous les textes utilisés dans ce module, avec leur référence et
# leur date. Les adresses (EUR-Lex, Légifrance) sont dans `law.reference("...").url`.

# %%
for ref in law.REFERENCES:
    print(f"[{ref.key}] {ref.citation} — {ref.date_label}\n    {ref.title}.")

# %% [markdown]
# ## 3. L'explorateur du parcours juridique
#
# Choisissez un **scénario** dans la liste, puis avancez le curseur **« Étapes montrées »**
# (à la souris, ou avec les flèches du clavier après avoir cliqué dessus) : chaque cran révèle
# la réponse à l'une des cinq questions, son statut écrit en toutes lettres (✔ sans obstacle,
# ⚠ sous condition, ✖ bloquant, — sans objet) et les textes sur lesquels elle repose. Au
# dernier cran s'affichent le **verdict** et les textes qui s'appliquent.
#
# Avant d'avancer le curseur, essayez de répondre vous-même. Observez :
#
# - une seule étape **bloquante** suffit à rendre la situation illicite ;
# - des données nominatives ou pseudonymisées ne bloquent rien à elles seules : elles font
#   s'appliquer tout le RGPD (statut « sous condition »), sauf quand elles servent simplement
#   à soigner le patient ;
# - des données « anonymisées » le sont rarement : souvent, elles ne sont que pseudonymisées ;
# - la même donnée peut être utilisée licitement pour soigner et illicitement pour vendre.
#
# Les quatre scénarios des questions suivantes ne sont pas dans l'explorateur : à vous de
# jouer.

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
# ### Question 1 — Licite, illicite ou sous condition ? (2 points)
#
# Cette transmission est-elle `"licite"`, `"illicite"` ou licite `"sous condition"` (par
# exemple si les patients y consentent) ? Répondez par l'un de ces trois textes.
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
# Vérification de la question 1 : exécutez cette cellule.
carte = law.scenario("pharmacie_revente")
checks.check_choice(
    verdict_pharmacie,
    name="verdict_pharmacie",
    options=law.VERDICTS,
    digest="bd8763e948dcc447",
    mistakes=[checks.Mistake(k, v) for k, v in carte.misconceptions.items()],
    success="la vente de données de santé identifiantes est interdite, même avec l'accord "
    "du patient (CSP, article L1111-8).",
)
### BEGIN HIDDEN TESTS
checks.check_choice(verdict_pharmacie, name="verdict_pharmacie", options=law.VERDICTS,
                    expected=law.scenario("pharmacie_revente").verdict)
### END HIDDEN TESTS

# %% mistake="verdict_pharmacie"
# message : aucune condition ne rend cette vente licite
verdict_pharmacie = "sous condition"

# %% mistake="verdict_pharmacie"
# message : leur vente est interdite par l'article L1111-8
verdict_pharmacie = "licite"

# %% mistake="verdict_pharmacie"
# message : n'est pas l'une des options proposées
verdict_pharmacie = "interdit"

# %% [markdown]
# Remarquez que le RGPD seul ne suffirait pas à répondre : c'est un texte **français** qui
# interdit la vente, quel que soit l'accord du patient. Le droit européen laisse chaque pays
# ajouter de telles limites (article 9, paragraphe 4).
#
# ## 5. Échanger des données : l'assureur et le SNDS

# %%
print(law.scenario("assureur_snds").situation)

# %% [markdown]
# ### Question 2 — Quel article décide ? (2 points)
#
# Cette demande est illicite. Quel texte le décide ? Choisissez parmi `"9(2)(a)"`,
# `"9(2)(j)"`, `"L1111-8"`, `"L1461-1"` et `"L1110-4"` (le secret médical).
#
# <details><summary>Indice 1</summary>
#
# Le problème n'est ni le consentement ni la recherche : c'est le **but** poursuivi par la
# mutuelle. Laquelle des cinq questions porte sur le but ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Le RGPD pose des règles générales ; le code de la santé publique y ajoute des interdictions
# propres à certaines bases de données nationales. Relisez la liste des finalités interdites à
# la section 2 : quel article vise la base d'où viendraient ces données ?
# </details>

# %% answer="article_assureur"
article_assureur = ...
### BEGIN SOLUTION
article_assureur = "L1461-1"
### END SOLUTION

# %% tests="article_assureur" points=2
# Vérification de la question 2 : exécutez cette cellule.
carte = law.scenario("assureur_snds")
checks.check_choice(
    article_assureur,
    name="article_assureur",
    options=["9(2)(a)", "9(2)(j)", "L1111-8", "L1461-1", "L1110-4"],
    digest="92e1e3336bc6d819",
    mistakes=[checks.Mistake(k, v) for k, v in carte.misconceptions.items()],
    success="le code de la santé publique interdit d'utiliser le SNDS pour modifier des "
    "cotisations ou des primes d'assurance (article L1461-1, V, 2°).",
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
# message : mais ici personne ne vend
article_assureur = "L1111-8"

# %% mistake="article_assureur"
# message : ne couvre pas la tarification
article_assureur = "9(2)(j)"

# %% [markdown]
# ## 6. Réutiliser des données pour la recherche : la cohorte du CHU

# %%
print(law.scenario("cohorte_recherche").situation)

# %% [markdown]
# ### Question 3 — Quelle exception de l'article 9(2) ? (2 points)
#
# Ces données ont été recueillies **pour soigner**. Quelle exception de l'article 9(2) du RGPD
# permet de les **réutiliser pour cette étude** : `"9(2)(a)"`, `"9(2)(h)"`, `"9(2)(i)"` ou
# `"9(2)(j)"` ?
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
# Vérification de la question 3 : exécutez cette cellule.
carte = law.scenario("cohorte_recherche")
checks.check_choice(
    exception_recherche,
    name="exception_recherche",
    options=["9(2)(a)", "9(2)(h)", "9(2)(i)", "9(2)(j)"],
    digest="a5d5fd618fe3a302",
    mistakes=[checks.Mistake(k, v) for k, v in carte.misconceptions.items()],
    success="c'est l'exception recherche ; en France elle s'accompagne d'une formalité "
    "auprès de la CNIL (loi Informatique et Libertés, article 66) et de l'information des "
    "patients : le verdict est « sous condition ».",
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
# message : vise la santé publique au sens de la sécurité sanitaire
exception_recherche = "9(2)(i)"

# %% [markdown]
# ## 7. Partager des données « anonymisées » : l'hôpital et la start-up

# %%
print(law.scenario("hopital_startup").situation)

# %% [markdown]
# ### Question 4 — Quel statut pour ces données ? (2 points)
#
# Les données confiées à la start-up sont-elles `"nominatives"`, `"pseudonymisées"` ou
# `"anonymes"` ?
#
# <details><summary>Indice 1</summary>
#
# Quelqu'un, quelque part, peut-il encore relier une ligne à un patient **par des moyens
# raisonnables** ? Pensez à ce que l'hôpital a gardé, et à ce que l'âge, le code postal et les
# dates révèlent, même à qui n'a pas la table de correspondance.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Relisez la définition de l'article 4, point 5 et le considérant 26 à la section 2. Remplacer
# le nom par un code, est-ce anonymiser ?
# </details>

# %% answer="statut_startup"
statut_startup = ...
### BEGIN SOLUTION
statut_startup = "pseudonymisées"
### END SOLUTION

# %% tests="statut_startup" points=2
# Vérification de la question 4 : exécutez cette cellule.
carte = law.scenario("hopital_startup")
checks.check_choice(
    statut_startup,
    name="statut_startup",
    options=law.IDENTIFICATION_LEVELS,
    digest="565d2bbe82c77497",
    mistakes=[checks.Mistake(k, v) for k, v in carte.misconceptions.items()],
    success="ces données pseudonymisées restent personnelles (RGPD, considérant 26) : l'hôpital "
    "garde la table de correspondance, et l'âge, le code postal et les dates permettent de "
    "retrouver des patients par des moyens raisonnables. Il faut une base légale, une formalité "
    "auprès de la CNIL, un accord entre l'hôpital et la start-up et un hébergement sécurisé.",
)
### BEGIN HIDDEN TESTS
checks.check_choice(statut_startup, name="statut_startup", options=law.IDENTIFICATION_LEVELS,
                    expected=law.scenario("hopital_startup").identification)
### END HIDDEN TESTS

# %% mistake="statut_startup"
# message : remplacer le nom par un code, c'est pseudonymiser
statut_startup = "anonymes"

# %% mistake="statut_startup"
# message : les données ne sont plus nominatives
statut_startup = "nominatives"

# %% [markdown]
# Vous pouvez maintenant afficher l'analyse complète des quatre scénarios des questions :
# exécutez la cellule suivante, puis choisissez-les dans la liste et avancez le curseur.

# %%
LegalPathExplorer(scenario="pharmacie_revente", step=6)

# %% [markdown]
# ## 8. De vraies sanctions de la CNIL
#
# Ces règles ne sont pas théoriques. La cellule suivante affiche quatre décisions de la
# **formation restreinte** de la CNIL (la formation qui prononce les sanctions), avec leur
# numéro, leur date, le montant de l'amende et les faits. Toutes ont été vérifiées à la date
# indiquée en haut du module.

# %%
for decision in law.CNIL_DECISIONS:
    montant = f"{decision.amount_eur:,}".replace(",", "\u202f")
    print(f"{decision.number} du {decision.date:%d/%m/%Y} — {decision.organisation}")
    print(f"    Amende : {montant} €. {decision.facts}\n")
print("Principes possibles :")
for cle, libelle in law.PRINCIPLES.items():
    print(f'    "{cle}" : {libelle}')

# %% [markdown]
# ### Question 5 — Quel principe chaque décision fait-elle respecter ? (3 points)
#
# Pour chaque décision, remplacez les `...` par le principe enfreint dans le **manquement
# principal** (celui que résume la description affichée) : `"anonymisation"`, `"sécurité"` ou
# `"consentement"`. Une décision peut sanctionner plusieurs manquements ; un même principe peut
# servir pour plusieurs décisions.
#
# La vérification examine les décisions dans l'ordre et **s'arrête à la première réponse
# incorrecte** : corrigez-la, réexécutez la cellule de la question puis celle de la
# vérification, et continuez jusqu'au message final.
#
# <details><summary>Indice 1</summary>
#
# Demandez-vous pour chaque affaire : les données étaient-elles présentées comme anonymes ?
# Ont-elles fuité ou été laissées accessibles ? Les personnes avaient-elles donné leur accord ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Reprenez ce que désigne chaque principe : *anonymisation*, c'est présenter comme anonymes
# des données dont on peut encore retrouver les personnes (considérant 26) ; *sécurité*, c'est
# protéger les données contre les accès et les fuites (article 32) ; *consentement*, c'est
# obtenir l'accord explicite des personnes avant de collecter leurs données de santé
# (article 9(2)(a)). Puis relisez les faits de chaque décision.
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
# Vérification de la question 5 : exécutez cette cellule.
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
# Les sanctions touchent aussi bien de grandes entreprises qu'un médecin seul, et les trois
# familles d'erreurs se retrouvent dans les scénarios : croire anonymes des données
# pseudonymisées (la start-up), négliger la sécurité et l'hébergement (le chatbot), se passer
# d'un consentement explicite (l'application de suivi du cycle).
#
# ## 9. Réflexion — Puis-je monétiser, échanger, traiter ? (3 points, corrigée par l'enseignant)
#
# En 10 à 15 lignes, répondez à la question des chercheurs : « Si j'ai le droit d'utiliser des
# données, ai-je le droit de les monétiser, de les échanger, de les traiter pour tel
# diagnostic ? » Distinguez les trois verbes. Pour chacun, citez au moins **un article**
# (avec sa référence) et **un scénario ou une décision** de ce module. Dites enfin ce que
# vous feriez, concrètement, avant de lancer un projet avec des données de patients.

# %% [markdown] written="reflexion_monetiser" points=3
# ### BEGIN SOLUTION
# *Guide de correction (enseignants ; retiré de la version étudiante).*
#
# - **1 point** — Les trois verbes sont distingués, chacun avec un texte juste :
#   *monétiser* des données identifiantes est interdit même avec l'accord du patient (CSP
#   L1111-8, dernier alinéa), alors que vendre des résultats réellement anonymes n'est pas visé
#   (considérant 26) ; *échanger* suppose une base (art. 9(2)), un cadre contractuel (contrat
#   de sous-traitance, art. 28, ou accord entre responsables conjoints, art. 26), un hébergeur
#   HDS pour un prestataire qui héberge des données de soins (L1111-8), et certaines
#   finalités sont interdites quel que soit le destinataire (SNDS, L1461-1 V) ; *traiter pour
#   un diagnostic* relève de 9(2)(h) pour le soin du patient, mais la réutilisation pour une
#   étude relève de 9(2)(j) et des formalités de l'article 66 de la loi Informatique et
#   Libertés.
# - **1 point** — Au moins un scénario ou une décision CNIL correctement mobilisé (p. ex.
#   pharmacie : illicite malgré le consentement ; SAN-2024-013 : pseudonymisé n'est pas
#   anonyme ; SAN-2022-009 ou SAN-2020-015 : sécurité). L'idée centrale : le droit d'utiliser
#   est lié à une **finalité** ; il ne se transfère pas à une autre finalité ou à un autre
#   acteur (valeur V5, usage responsable et éclairé).
# - **1 point** — Démarche concrète et honnête : consulter le DPO, vérifier la base et la
#   formalité CNIL, l'hébergeur HDS, informer les patients, ne pas se dire « anonyme » sans
#   l'avoir démontré, documenter (valeur V6, intégrité et transparence). Accepter toute
#   position argumentée ; pénaliser une réponse qui confond pseudonymisation et anonymisation
#   ou qui présente le consentement comme levant toute interdiction.
# ### END SOLUTION

# %% [markdown]
# ## À retenir
#
# - Une donnée de santé est **interdite de traitement par principe** (RGPD, article 9,
#   paragraphe 1) ; il faut une **exception** de l'article 9(2) : le soin (h) n'est pas la
#   recherche (j), et le consentement (a) n'est ni toujours possible ni toujours suffisant.
# - **Pseudonymiser n'est pas anonymiser** : des données codées restent personnelles tant
#   que quelqu'un peut retrouver les personnes par des moyens raisonnables (considérant 26). La
#   CNIL l'a sanctionné (SAN-2024-013).
# - **Vendre** des données de santé identifiantes est interdit en France, **même avec
#   l'accord du patient** (CSP, article L1111-8).
# - Le **SNDS** ne peut servir ni à la promotion de produits de santé auprès des soignants ni à
#   la tarification des assurés (CSP, article L1461-1, V).
# - Héberger des données de soins chez un prestataire exige un **hébergeur certifié HDS**.
# - Avoir le droit d'utiliser une donnée, c'est avoir le droit de l'utiliser **pour un but
#   précis** : changer de but, de destinataire ou d'hébergeur, c'est reposer les cinq
#   questions. Ce module n'est pas un conseil juridique : demandez l'avis de votre délégué à la
#   protection des données.
#
# ## Sources
#
# Références juridiques vérifiées à la date affichée par le notebook
# (`law.LEGAL_FACTS_LAST_CHECKED`) ; les adresses sont dans `esn_teach/law/`.
#
# - Règlement (UE) 2016/679 du Parlement européen et du Conseil du 27 avril 2016 (RGPD) :
#   articles 4 (points 5, 11 et 15), 9, 26, 28 et 32, chapitre V (articles 44 à 49),
#   considérant 26. EUR-Lex, CELEX 32016R0679.
# - Cour de justice de l'Union européenne, arrêt du 4 septembre 2025, CEPD contre CRU
#   (Contrôleur européen de la protection des données contre Conseil de résolution unique),
#   affaire C-413/23 P, ECLI:EU:C:2025:645. EUR-Lex, CELEX 62023CJ0413.
# - Code de la santé publique : article L1110-4 (secret médical) ; article L1111-8 (hébergement
#   de données de santé ; alinéa sur la cession issu de la loi n° 2004-810 du 13 août 2004) ;
#   article L1461-1 (SNDS, créé par la loi n° 2016-41 du 26 janvier 2016) ; article R1461-3
#   (responsables conjoints du SNDS, rédaction issue du décret n° 2021-848 du 29 juin 2021).
#   Légifrance.
# - Loi n° 78-17 du 6 janvier 1978 relative à l'informatique, aux fichiers et aux libertés,
#   article 66. Légifrance.
# - Arrêté du 26 avril 2024 modifiant l'arrêté du 11 juin 2018 portant approbation du
#   référentiel de certification pour l'hébergement de données de santé à caractère personnel
#   (Journal officiel du 16 mai 2024).
# - CNIL, formation restreinte : délibération SAN-2024-013 du 5 septembre 2024 (Cegedim Santé) ;
#   SAN-2022-009 du 15 avril 2022 (Dedalus Biologie) ; SAN-2023-006 du 11 mai 2023
#   (Doctissimo) ; SAN-2020-015 du 7 décembre 2020 (médecin libéral). Légifrance.
# - Scénarios : situations fictives inspirées de la pratique française, écrites pour ce cours
#   (`esn_teach/law/_scenarios.py`) ; elles simplifient le droit et ne valent pas avis
#   juridique.
