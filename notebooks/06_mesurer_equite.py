# %% [markdown]
# # Module 06 — Mesurer l'équité, et ses limites
#
# *Cours « IA et santé » — École de santé numérique, Université de Montpellier.*
#
# ## Ce que vous saurez faire à la fin de ce module
#
# 1. Mesurer les performances d'un modèle **groupe par groupe** (taux de sélection, taux de
#    faux négatifs, taux de faux positifs, valeur prédictive positive) avec la bibliothèque
#    **fairlearn**.
# 2. Distinguer plusieurs définitions de l'équité des décisions : **parité démographique**,
#    **égalité des chances** (et égalité des erreurs), **parité prédictive** ; et ne pas les
#    confondre avec la **calibration** d'un score.
# 3. Vérifier sur des données l'**identité de Chouldechova**, et expliquer pourquoi, quand
#    deux groupes n'ont pas la même fréquence de la maladie, on ne peut pas satisfaire toutes
#    ces définitions à la fois.
# 4. Appliquer une **correction** (fairlearn `ThresholdOptimizer`) et dire ce qu'elle coûte.
# 5. Argumenter le choix d'un critère d'équité selon l'usage : **dépistage** ou **attribution
#    d'une ressource rare**.
#
# ## Mode d'emploi
#
# - Exécutez les cellules **dans l'ordre**, une par une : cliquez dans la cellule puis appuyez
#   sur **Maj + Entrée**.
# - Quand une cellule contient `...`, c'est à vous de répondre : remplacez les trois points par
#   votre calcul, exécutez la cellule, puis exécutez la cellule **« Vérification »** juste
#   en dessous. Elle vous dit si la réponse est correcte, ou quelle erreur vous avez
#   probablement faite. Vous pouvez réessayer autant de fois que vous voulez.
# - Trois règles d'écriture : gardez le nom de la variable **exactement** tel qu'il est écrit
#   (sans accent : `ecart_parite`) ; écrivez les décimales avec un **point** (`0.3` et non
#   `0,3`) ; écrivez de préférence le **calcul** plutôt que son résultat arrondi.
# - Des **indices** sont cachés sous chaque question : cliquez sur « Indice 1 », puis
#   « Indice 2 » seulement si besoin.
# - Aucune connaissance en programmation n'est demandée : les calculs tiennent en une ligne.

# %% [markdown]
# ## 1. Une histoire clinique
#
# L'équipe de **prévention des réhospitalisations** d'un hôpital veut appeler au téléphone,
# quelques jours après leur sortie, les patients qui risquent de revenir à l'hôpital dans les
# 30 jours, pour vérifier qu'ils ont compris leur traitement, qu'un rendez-vous est pris et que
# rien ne manque à domicile. Une infirmière ne peut pas appeler tout le monde. Un modèle
# d'intelligence artificielle calcule donc, pour chaque patient qui sort, un **score de
# risque** de réhospitalisation entre 0 et 1 ; l'équipe appelle les patients dont le score
# dépasse un **seuil**.
#
# Les patients viennent de deux **groupes**, A et B (par exemple deux territoires de santé, ou
# deux populations qui n'ont pas le même accès aux soins). Dans le groupe B, les
# réhospitalisations sont **deux fois plus fréquentes**. Un représentant des usagers pose une
# question simple : **« Votre modèle est-il équitable envers les deux groupes ? »** Ce module
# montre que cette question a plusieurs réponses, et qu'elles ne peuvent pas toutes être
# « oui » en même temps.
#
# Les données sont **synthétiques** : elles sont inventées par un programme
# (`make_readmission_cohort`, avec une graine fixée `random_state=6` pour que tout le monde
# obtienne les mêmes nombres). Aucune ligne ne correspond à une personne réelle. Leur fiche
# descriptive (construction, limites) est `esn_teach/datasets/cards/readmission_cohort.md`.

# %%
import numpy as np
import pandas as pd
from fairlearn.metrics import (
    MetricFrame,
    demographic_parity_difference,
    equalized_odds_difference,
    false_negative_rate,
    false_positive_rate,
    selection_rate,
)
from fairlearn.postprocessing import ThresholdOptimizer
from IPython.display import display
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, precision_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from esn_teach import checks, fr_number, fr_percent, fr_table
from esn_teach.datasets import make_readmission_cohort
from esn_teach.explorers import FairnessExplorer

prevalences_choisies = {"A": 0.15, "B": 0.30}  # fréquence de réhospitalisation voulue par groupe
cohorte = make_readmission_cohort(n_samples=6000, prevalence=prevalences_choisies,
                                  random_state=6).frame
print(f"{len(cohorte)} séjours synthétiques.")
for groupe, sous_cohorte in cohorte.groupby("group", observed=True):
    print(f"Groupe {groupe} : {len(sous_cohorte)} séjours, réhospitalisation à 30 jours chez "
          f"{fr_percent(sous_cohorte['readmitted'].mean())} des patients.")

# %% [markdown]
# Le générateur a tiré les réhospitalisations avec une fréquence de 15 % dans le groupe A et
# de 30 % dans le groupe B ; le hasard du tirage donne des proportions observées un peu
# différentes. Dans ce module, cette fréquence de l'événement dans un groupe s'appelle la
# **prévalence** (notée *p*) : on parle de prévalence comme dans l'article de
# Chouldechova (2017), présenté à la section 5 ; en épidémiologie, on dirait plutôt taux de
# réhospitalisation à 30 jours.
#
# ## 2. Le modèle et ses décisions
#
# Le modèle de l'équipe est une **régression logistique** (un modèle simple, qui additionne
# les variables avec des poids appris sur les données). Il utilise l'âge, le nombre
# d'hospitalisations dans l'année précédente, la durée du séjour, le nombre de médicaments à la
# sortie, et le groupe du patient. Il apprend sur la moitié des séjours ; nous l'évaluons sur
# l'autre moitié, qu'il n'a jamais vue (le **jeu de test**).
#
# L'équipe appelle les patients dont le score atteint le seuil choisi ci-dessous : c'est une
# **décision** binaire, appeler (1) ou ne pas appeler (0).

# %%
variables = cohorte[["age", "prior_admissions", "length_of_stay", "n_medications"]].assign(
    groupe_B=(cohorte["group"] == "B").astype(int))
X_app, X_test, y_app, y_test, groupe_app, groupe_test = train_test_split(
    variables, cohorte["readmitted"], cohorte["group"], test_size=0.5, random_state=0)
modele = make_pipeline(StandardScaler(), LogisticRegression())
modele.fit(X_app, y_app)

seuil_appel = 0.3  # on appelle si le score de risque est au moins 0,3
scores = modele.predict_proba(X_test)[:, 1]
appel = (scores >= seuil_appel).astype(int)  # 1 = appelé, 0 = non appelé
print(f"Jeu de test : {len(y_test)} séjours ; {appel.sum()} patients appelés "
      f"({fr_percent(appel.mean())}).")

# %% [markdown]
# ## 3. Mesurer groupe par groupe
#
# Un seul chiffre global peut cacher des écarts entre groupes. La bibliothèque **fairlearn**
# fournit `MetricFrame` : on lui donne la réalité (`y_test` : réhospitalisé ou non), les
# décisions (`appel`) et le groupe de chaque patient (`groupe_test`), et elle calcule chaque
# indicateur **séparément dans chaque groupe**. Les indicateurs :
#
# - la **prévalence** : la part de patients réhospitalisés (elle ne dépend pas du modèle) ;
# - le **taux d'appel** (en anglais *selection rate*) : la part de patients appelés ;
# - le **taux de faux négatifs** (**FNR**, *false negative rate*) : **parmi les patients
#   réhospitalisés**, la part qui n'a **pas** été appelée (1 − sensibilité) ;
# - le **taux de faux positifs** (**FPR**, *false positive rate*) : **parmi les patients non
#   réhospitalisés**, la part qui a été appelée quand même (1 − spécificité) ;
# - la **valeur prédictive positive** (**VPP**) : **parmi les patients appelés**, la part qui a
#   été réhospitalisée (fairlearn la calcule avec `precision_score` de scikit-learn, une
#   bibliothèque de calcul pour l'apprentissage automatique).
#
# Remarquez que chaque taux a un **dénominateur** différent : tous les patients, les
# réhospitalisés, les non réhospitalisés, ou les appelés.

# %%
def prevalence(y_reel, y_decision):
    """Part de patients réhospitalisés (n'utilise pas les décisions)."""
    return np.mean(y_reel)


indicateurs = {
    "prevalence": prevalence,
    "taux_appel": selection_rate,
    "fnr": false_negative_rate,
    "fpr": false_positive_rate,
    "vpp": precision_score,
}
taux = MetricFrame(metrics=indicateurs, y_true=y_test, y_pred=appel,
                   sensitive_features=groupe_test)
# En-têtes des tableaux : le nom français, puis entre parenthèses celui des calculs.
noms = {
    "prevalence": "Prévalence (prevalence)",
    "taux_appel": "Taux d'appel (taux_appel)",
    "fnr": "FNR (fnr)",
    "fpr": "FPR (fpr)",
    "vpp": "VPP (vpp)",
}
display(fr_table(taux.overall.to_frame("Ensemble du jeu de test").T, columns=noms))
fr_table(taux.by_group, columns=noms, index={"group": "Groupe"}, caption="Par groupe")

# %% [markdown]
# ### Question 1 — L'écart de parité démographique (2 points)
#
# La **parité démographique** demande que les deux groupes soient **appelés dans la même
# proportion**, quelle que soit leur prévalence. On la mesure par l'**écart de parité
# démographique** : le taux d'appel du groupe le plus appelé **moins** celui du groupe le moins
# appelé (un nombre entre 0 et 1 ; 0 = parité parfaite).
#
# Calculez `ecart_parite` à partir du tableau par groupe (`taux.by_group`). Pour lire une case
# du tableau : `taux.by_group.loc["A", "fnr"]` donne le FNR du groupe A.
#
# <details><summary>Indice 1</summary>
#
# La parité démographique ne regarde que les **décisions** (appelé ou non), pas la réalité :
# quelle colonne du tableau compte les patients appelés, sur tous les patients du groupe ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# C'est la colonne `"taux_appel"`. Repérez quel groupe est le plus appelé, et faites la
# soustraction dans cet ordre : le plus grand moins le plus petit.
# </details>

# %% answer="ecart_parite"
ecart_parite = ...
### BEGIN SOLUTION
ecart_parite = taux.by_group.loc["B", "taux_appel"] - taux.by_group.loc["A", "taux_appel"]
### END SOLUTION

# %% tests="ecart_parite" points=2
# Vérification de la question 1 : exécutez cette cellule.
valeur_ecart = checks.require_number(ecart_parite, name="ecart_parite")
checks.expect(
    valeur_ecart >= 0,
    "votre écart est négatif : vous avez soustrait le taux du groupe le plus appelé de celui "
    "du moins appelé (groupes inversés). Un écart se donne en valeur positive : le plus grand "
    "moins le plus petit.",
    name="ecart_parite",
)
prevalence_par_groupe = y_test.groupby(groupe_test, observed=True).mean()
checks.check_number(
    ecart_parite,
    name="ecart_parite",
    digest="691ee68315341709",
    bounds=(0, 1),
    mistakes=[
        checks.Mistake(
            prevalence_par_groupe.max() - prevalence_par_groupe.min(),
            "vous avez comparé les taux de réhospitalisation (la prévalence), qui ne dépendent "
            "pas du modèle. La parité démographique compare les taux d'appel.",
        ),
        checks.Mistake(
            0.2170,
            "vous avez calculé un rapport (une division) entre les deux taux d'appel. "
            "L'écart demandé est une différence (une soustraction).",
        ),
        checks.Mistake(
            equalized_odds_difference(y_test, appel, sensitive_features=groupe_test),
            "vous avez calculé l'écart d'égalité des erreurs (FNR et FPR), qui ne regarde que "
            "les réhospitalisés ou que les non-réhospitalisés. La parité démographique compare "
            "les taux d'appel sur tous les patients.",
        ),
    ],
    hint="Utilisez la colonne des taux d'appel, et soustrayez le plus petit du plus grand.",
    success="le groupe B est beaucoup plus souvent appelé que le groupe A.",
)
### BEGIN HIDDEN TESTS
checks.check_number(
    ecart_parite,
    name="ecart_parite",
    expected=demographic_parity_difference(y_test, appel, sensitive_features=groupe_test),
)
### END HIDDEN TESTS

# %% mistake="ecart_parite"
# message : groupes inversés
ecart_parite = taux.by_group.loc["A", "taux_appel"] - taux.by_group.loc["B", "taux_appel"]

# %% mistake="ecart_parite"
# message : la prévalence
ecart_parite = taux.by_group.loc["B", "prevalence"] - taux.by_group.loc["A", "prevalence"]

# %% mistake="ecart_parite"
# message : un rapport
ecart_parite = taux.by_group.loc["A", "taux_appel"] / taux.by_group.loc["B", "taux_appel"]

# %% [markdown]
# Fairlearn calcule directement cet écart avec la fonction `demographic_parity_difference`. Un
# écart de parité n'est pas forcément injuste ici : le groupe B est appelé plus souvent, mais il
# est aussi réhospitalisé plus souvent. C'est tout le problème : **quel écart est injuste ?**
#
# ## 4. Plusieurs définitions de l'équité
#
# Les quatre définitions du tableau portent sur les **décisions** (appeler ou non) :
#
# | Définition | Ce qui doit être égal entre les groupes | Question à laquelle elle répond |
# |---|---|---|
# | **Parité démographique** | le taux d'appel | « Chaque groupe reçoit-il sa part d'appels ? » |
# | **Égalité des chances** | le taux de faux négatifs (donc la sensibilité) | « Un patient qui va être réhospitalisé a-t-il la même chance d'être appelé, quel que soit son groupe ? » |
# | **Égalité des erreurs**, ou **chances égalisées** (*equalized odds*) | le FNR **et** le FPR | « Les deux erreurs frappent-elles les groupes de la même façon ? » |
# | **Parité prédictive** (même VPP) | la VPP | « Un appel veut-il dire le même risque de réhospitalisation dans chaque groupe ? » |
#
# « Parité prédictive » traduit le terme *predictive parity* employé par Chouldechova (2017).
#
# La **calibration**, elle, est une propriété du **score**, et non des décisions : un score est
# **calibré** dans un groupe si, parmi les patients à qui il annonce un risque de 30 %,
# environ 30 % sont réellement réhospitalisés. Si le score est calibré dans chaque groupe, un
# même score veut dire le même risque, quel que soit le groupe. Vérifions-le grossièrement :
# dans chaque groupe, le risque moyen annoncé est-il proche de la fréquence observée ? Puis
# calculons l'**écart d'égalité des erreurs** de fairlearn (`equalized_odds_difference`) : le
# plus grand des deux écarts, celui des FNR et celui des FPR.

# %%
risque_annonce = pd.Series(scores, index=y_test.index).groupby(groupe_test, observed=True).mean()
risque_observe = y_test.groupby(groupe_test, observed=True).mean()
for groupe in risque_annonce.index:
    print(f"Groupe {groupe} : risque moyen annoncé {fr_percent(risque_annonce[groupe])}, "
          f"réhospitalisation observée {fr_percent(risque_observe[groupe])}.")
eo_avant = equalized_odds_difference(y_test, appel, sensitive_features=groupe_test)
print(f"Écart d'égalité des erreurs (seuil unique) : {fr_number(eo_avant)}")

# %% [markdown]
# Le score est à peu près calibré dans chaque groupe : il « dit vrai » en moyenne. Un score
# calibré ne garantit pas pour autant la parité prédictive : au même seuil, la VPP n'est pas la
# même dans les deux groupes (colonne `vpp` du tableau de la section 3), car parmi les patients
# appelés, ceux du groupe B ont en moyenne un score plus élevé. Et au même seuil, les erreurs
# ne sont pas du tout réparties de la même façon (colonnes `fnr` et `fpr`).
#
# ### Question 2 — Quel critère cette plainte invoque-t-elle ? (1 point)
#
# Le représentant des usagers du groupe A écrit : *« Parmi les patients de notre groupe qui ont
# été réhospitalisés, la plupart n'avaient reçu aucun appel. Dans le groupe B, la plupart des
# patients réhospitalisés avaient été appelés. »* Vérifiez cette phrase dans le tableau de la
# section 3. Quel critère d'équité invoque-t-il ? Répondez par l'une des options :
# `"parité démographique"`, `"égalité des chances"` ou `"parité prédictive"`.
#
# <details><summary>Indice 1</summary>
#
# Regardez le **dénominateur** de la plainte : de quels patients parle-t-elle ? De tous les
# patients, des patients appelés, ou des patients réhospitalisés ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Elle parle des patients **réhospitalisés** qui n'ont pas été appelés : ce sont les faux
# négatifs. Quelle ligne du tableau de la section 4 demande que leur part soit égale ?
# </details>

# %% answer="critere_plainte"
critere_plainte = ...
### BEGIN SOLUTION
critere_plainte = "égalité des chances"
### END SOLUTION

# %% tests="critere_plainte" points=1
# Vérification de la question 2 : exécutez cette cellule.
checks.check_choice(
    critere_plainte,
    name="critere_plainte",
    options=["parité démographique", "égalité des chances", "parité prédictive"],
    digest="7921eb2ef20ebabb",
    mistakes=[
        checks.Mistake(
            "parité démographique",
            "la parité démographique compare les taux d'appel sur tous les patients, "
            "réhospitalisés ou non. La plainte ne parle que des patients réhospitalisés : "
            "c'est un autre dénominateur.",
        ),
        checks.Mistake(
            "parité prédictive",
            "la parité prédictive (même VPP) part des patients appelés : « parmi les appelés, "
            "combien ont été réhospitalisés ? ». La plainte part des patients réhospitalisés : "
            "dénominateur inversé.",
        ),
    ],
    success="la plainte porte sur le taux de faux négatifs : un patient réhospitalisé du "
    "groupe A avait moins de chances d'être appelé.",
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    critere_plainte,
    name="critere_plainte",
    options=["parité démographique", "égalité des chances", "parité prédictive"],
    expected="égalité des chances",
)
### END HIDDEN TESTS

# %% mistake="critere_plainte"
# message : c'est un autre dénominateur
critere_plainte = "parité démographique"

# %% mistake="critere_plainte"
# message : dénominateur inversé
critere_plainte = "parité prédictive"

# %% [markdown]
# ## 5. L'identité de Chouldechova, vérifiée sur nos données
#
# En 2017, la statisticienne Alexandra Chouldechova a montré qu'une relation lie, dans
# **chaque groupe**, la prévalence *p*, la VPP, le FNR et le FPR (Chouldechova, 2017) :
#
# $$\text{FPR} = \frac{p}{1-p} \times \frac{1-\text{VPP}}{\text{VPP}} \times (1 - \text{FNR})$$
#
# Ce n'est pas une propriété d'un modèle particulier : c'est une conséquence de la définition
# des quatre taux, vraie pour **toute** règle de décision. Vérifions-la sur nos décisions : à
# partir de la prévalence, de la VPP et du FNR de chaque groupe (tableau de la section 3), la
# formule redonne exactement le FPR mesuré.

# %%
par_groupe = taux.by_group
p, vpp, fnr = par_groupe["prevalence"], par_groupe["vpp"], par_groupe["fnr"]
fpr_formule = p / (1 - p) * (1 - vpp) / vpp * (1 - fnr)
fr_table(
    pd.DataFrame({"FPR mesuré": par_groupe["fpr"], "FPR par la formule": fpr_formule}),
    index={"group": "Groupe"},
    digits=4,
)

# %% [markdown]
# Conséquence : si deux groupes ont des **prévalences différentes**, et si l'on impose la
# **même VPP** et le **même FNR** dans les deux groupes, alors la formule impose des **FPR
# différents**. Aucun modèle, aussi bon soit-il, ne peut rendre égaux à la fois la VPP, le FNR
# et le FPR, c'est-à-dire respecter à la fois la parité prédictive et l'égalité des erreurs
# (sauf cas extrêmes, comme un modèle parfait qui ne se trompe jamais). Kleinberg,
# Mullainathan et Raghavan ont démontré la même année un résultat voisin pour les scores
# calibrés (Kleinberg et al., 2017).
#
# ### Question 3 — Le FPR imposé au groupe A (2 points)
#
# L'équipe voudrait que les deux groupes aient la même VPP et le même FNR, fixés dans la
# cellule ci-dessous. Avec une prévalence de 15 % dans le groupe A, quel **taux de faux
# positifs** l'identité impose-t-elle au groupe A ? Donnez une proportion entre 0 et 1, en
# utilisant les variables `p_a`, `vpp_cible` et `fnr_cible`.

# %%
p_a, p_b = 0.15, 0.30  # prévalences des groupes A et B
vpp_cible = 0.45  # VPP voulue dans les deux groupes
fnr_cible = 0.30  # taux de faux négatifs voulu dans les deux groupes

# %% [markdown]
# <details><summary>Indice 1</summary>
#
# Recopiez la formule de Chouldechova en remplaçant *p* par `p_a`, VPP par `vpp_cible` et FNR
# par `fnr_cible`. Le groupe B ne sert pas dans cette question.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Chaque facteur de la formule répond à une question différente. Le premier ne dépend que du
# **groupe** : il compare les réhospitalisés aux non-réhospitalisés, donc il utilise la
# prévalence du groupe A. Le deuxième ne dépend que de la **VPP** voulue : il compare les
# appels inutiles aux appels utiles. Le troisième est la **sensibilité** (la part des
# réhospitalisés qui sont appelés), et non le FNR lui-même. En Python, mettez chaque
# soustraction entre parenthèses.
# </details>

# %% answer="fpr_a"
fpr_a = ...
### BEGIN SOLUTION
fpr_a = p_a / (1 - p_a) * (1 - vpp_cible) / vpp_cible * (1 - fnr_cible)
### END SOLUTION

# %% tests="fpr_a" points=2
# Vérification de la question 3 : exécutez cette cellule.
checks.check_number(
    fpr_a,
    name="fpr_a",
    digest="7654d52a4118ce63",
    bounds=(0, 1),
    mistakes=[
        checks.Mistake(
            0.3667,
            "c'est le FPR imposé au groupe B : vous avez pris la prévalence de l'autre groupe "
            "(groupes inversés). Utilisez p_a.",
        ),
        checks.Mistake(
            0.0647,
            "vous avez multiplié par le FNR au lieu de 1 − FNR. Le dernier facteur est la "
            "sensibilité : la part des réhospitalisés qui sont appelés.",
        ),
        checks.Mistake(
            0.1010,
            "vous avez inversé le rapport de la VPP : c'est (1 − VPP) / VPP, les faux positifs "
            "rapportés aux vrais positifs parmi les appelés.",
        ),
        checks.Mistake(
            0.1283,
            "vous avez pris p au lieu de p / (1 − p) : le premier facteur est le rapport des "
            "réhospitalisés aux non-réhospitalisés.",
        ),
        checks.Mistake(
            4.8481,
            "vous avez inversé le premier facteur : c'est p / (1 − p), pas (1 − p) / p.",
        ),
    ],
    hint="Reprenez la formule de Chouldechova facteur par facteur, avec les variables du "
    "groupe A.",
    success="avec la même VPP et le même FNR, le groupe A a un FPR bien plus bas que le "
    "groupe B.",
)
### BEGIN HIDDEN TESTS
checks.check_number(
    fpr_a,
    name="fpr_a",
    expected=0.15 / 0.85 * 0.55 / 0.45 * 0.7,
)
### END HIDDEN TESTS

# %% mistake="fpr_a"
# message : groupes inversés
fpr_a = p_b / (1 - p_b) * (1 - vpp_cible) / vpp_cible * (1 - fnr_cible)

# %% mistake="fpr_a"
# message : au lieu de 1 − FNR
fpr_a = p_a / (1 - p_a) * (1 - vpp_cible) / vpp_cible * fnr_cible

# %% mistake="fpr_a"
# message : inversé le rapport de la VPP
fpr_a = p_a / (1 - p_a) * vpp_cible / (1 - vpp_cible) * (1 - fnr_cible)

# %% mistake="fpr_a"
# message : vous avez pris p au lieu de p / (1 − p)
fpr_a = p_a * (1 - vpp_cible) / vpp_cible * (1 - fnr_cible)

# %% [markdown]
# ## 6. Corriger le modèle avec fairlearn
#
# Supposons que l'équipe choisisse l'**égalité des erreurs** : même FNR et même FPR dans les
# deux groupes. Fairlearn propose `ThresholdOptimizer` : il garde le score du modèle mais
# choisit un **seuil différent pour chaque groupe** (et, pour certains patients proches du
# seuil, tire au sort entre deux seuils) de façon à égaliser les taux demandés
# (`constraints="equalized_odds"`), tout en maximisant l'**exactitude équilibrée** (la moyenne
# de la sensibilité et de la spécificité). Il apprend ses seuils sur les données
# d'apprentissage, puis nous l'appliquons au jeu de test.

# %%
correction = ThresholdOptimizer(estimator=modele, constraints="equalized_odds",
                                objective="balanced_accuracy_score", prefit=True,
                                predict_method="predict_proba")
correction.fit(X_app, y_app, sensitive_features=groupe_app)
appel_corrige = correction.predict(X_test, sensitive_features=groupe_test, random_state=0)
taux_corrige = MetricFrame(metrics=indicateurs, y_true=y_test, y_pred=appel_corrige,
                           sensitive_features=groupe_test)
fr_table(
    taux_corrige.by_group,
    columns=noms,
    index={"group": "Groupe"},
    caption="Par groupe, après correction",
)

# %% [markdown]
# ### Question 4 — L'écart d'égalité des erreurs après correction (2 points)
#
# Calculez `eo_apres`, l'**écart d'égalité des erreurs** des décisions **corrigées**, avec la
# fonction `equalized_odds_difference` de fairlearn (utilisée à la section 4), ou à partir du
# tableau ci-dessus.
#
# <details><summary>Indice 1</summary>
#
# Les décisions corrigées sont dans `appel_corrige` (et non `appel`). La fonction prend la
# réalité, puis les décisions, puis le groupe : `sensitive_features=groupe_test`.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Reprenez la ligne qui calcule `eo_avant` à la section 4, en changeant seulement les décisions.
# Sans la fonction : c'est le plus grand des deux écarts entre groupes, celui des FNR et celui
# des FPR, dans `taux_corrige.by_group`.
# </details>

# %% answer="eo_apres"
eo_apres = ...
### BEGIN SOLUTION
eo_apres = equalized_odds_difference(y_test, appel_corrige, sensitive_features=groupe_test)
### END SOLUTION

# %% tests="eo_apres" points=2
# Vérification de la question 4 : exécutez cette cellule.
valeur_eo = checks.require_number(eo_apres, name="eo_apres")
checks.expect(
    abs(valeur_eo - eo_avant) > 1e-3,
    "c'est l'écart des décisions avant correction (eo_avant) : utilisez les décisions "
    "corrigées, appel_corrige.",
    name="eo_apres",
)
checks.check_number(
    eo_apres,
    name="eo_apres",
    digest="8c58856db0c622ae",
    bounds=(0, 1),
    mistakes=[
        checks.Mistake(
            0.0771,
            "vous avez calculé l'écart de parité démographique (taux d'appel) des décisions "
            "corrigées. L'égalité des erreurs compare les FNR et les FPR.",
        ),
        checks.Mistake(
            0.0052,
            "vous n'avez pris que l'écart des FPR. L'écart d'égalité des erreurs est le plus "
            "grand des deux écarts, FNR et FPR.",
        ),
        checks.Mistake(
            0.2716,
            "vous avez inversé la réalité et les décisions : la fonction prend d'abord la "
            "réalité (y_test), puis les décisions.",
        ),
    ],
    hint="Utilisez les décisions corrigées, appel_corrige, et comparez les FNR et les FPR.",
    success="la correction a presque égalisé les erreurs entre les groupes.",
)
### BEGIN HIDDEN TESTS
checks.check_number(
    eo_apres,
    name="eo_apres",
    expected=equalized_odds_difference(y_test, appel_corrige, sensitive_features=groupe_test),
)
### END HIDDEN TESTS

# %% mistake="eo_apres"
# message : avant correction
eo_apres = equalized_odds_difference(y_test, appel, sensitive_features=groupe_test)

# %% mistake="eo_apres"
# message : écart de parité démographique
eo_apres = demographic_parity_difference(y_test, appel_corrige, sensitive_features=groupe_test)

# %% mistake="eo_apres"
# message : inversé la réalité et les décisions
eo_apres = equalized_odds_difference(appel_corrige, y_test, sensitive_features=groupe_test)

# %% [markdown]
# ## 7. Ce que coûte la correction
#
# Comparez la VPP avant et après correction : les erreurs sont maintenant réparties de la
# même façon, mais l'écart de VPP entre les groupes se creuse, et la parité prédictive
# s'éloigne.

# %%
for nom, par_groupe_vpp in (("seuil unique", taux.by_group["vpp"]),
                            ("après correction", taux_corrige.by_group["vpp"])):
    print(f"{nom} : VPP du groupe A {fr_number(par_groupe_vpp['A'])}, "
          f"VPP du groupe B {fr_number(par_groupe_vpp['B'])}, "
          f"écart {fr_number(par_groupe_vpp.max() - par_groupe_vpp.min())}.")

# %% [markdown]
# C'est exactement ce qu'annonçait l'identité de Chouldechova. Pour l'ensemble des patients,
# comparons l'**exactitude** (la part de décisions justes, appel ou non-appel), la VPP et la
# part de patients appelés :

# %%
for nom, decisions in (("seuil unique", appel), ("après correction", appel_corrige)):
    print(f"{nom} : exactitude {fr_number(accuracy_score(y_test, decisions))}, "
          f"VPP {fr_number(precision_score(y_test, decisions))}, "
          f"patients appelés {fr_percent(np.mean(decisions))}.")

# %% [markdown]
# La correction n'est pas gratuite : l'exactitude et la VPP globales baissent, et beaucoup plus
# de patients sont appelés (plus de travail pour l'infirmière, plus d'appels inutiles). Elle
# traite aussi différemment deux patients qui ont le même score, selon leur groupe, et parfois
# par tirage au sort : est-ce acceptable pour les patients et pour l'équipe ?

# %% [markdown]
# ## 8. L'explorateur : le prix de l'équité
#
# **Partie 1.** Les deux curseurs fixent la **même VPP** et le **même FNR** dans les deux
# groupes (au départ, les valeurs de la question 3). Les barres montrent le FPR que l'identité
# de Chouldechova impose alors à chaque groupe ; les mêmes nombres sont écrits dans le tableau.
# Utilisez la souris, ou les **flèches du clavier** après avoir cliqué sur un curseur.
# Observez :
#
# - tant que les prévalences diffèrent, les barres ne sont **jamais** à la même hauteur :
#   cherchez une VPP et un FNR qui donneraient le même FPR aux deux groupes ;
# - choisissez « Même prévalence » dans la liste : les FPR deviennent égaux ;
# - avec une VPP basse et un FNR faible, le FPR peut dépasser 1 : cette combinaison est
#   **impossible**, aucun modèle ne peut l'atteindre.
#
# **Partie 2.** Basculez entre « Sans correction » et « Avec correction » : les taux par groupe
# et les chiffres globaux sont ceux des décisions des sections 3 et 6 (calculés une fois pour
# toutes). Qu'est-ce qui devient égal entre les groupes, et qu'est-ce qui s'écarte ?

# %%
explorateur = FairnessExplorer(
    {
        "Notre cohorte : A 15 %, B 30 %": {"A": p_a, "B": p_b},
        "Même prévalence : A 20 %, B 20 %": {"A": 0.20, "B": 0.20},
        "Écart plus fort : A 10 %, B 50 %": {"A": 0.10, "B": 0.50},
    },
    ppv=vpp_cible,
    fnr=fnr_cible,
    y_true=y_test,
    y_pred=appel,
    y_pred_mitigated=appel_corrige,
    sensitive_features=groupe_test,
)
explorateur

# %% [markdown]
# ## 9. Réflexion — Dépistage ou attribution d'une ressource rare ? (3 points, corrigée par l'enseignant)
#
# En 10 à 15 lignes, comparez deux usages d'un même type de modèle :
#
# - **un dépistage**, où l'erreur grave est de **manquer** un malade (par exemple, proposer un
#   examen complémentaire aux patients à risque) ;
# - **l'attribution d'une ressource rare**, comme les appels de suivi de l'équipe, où chaque
#   appel donné à un patient qui n'en avait pas besoin manque à un autre.
#
# Pour chacun, quel critère d'équité choisiriez-vous (parité démographique, égalité des chances,
# égalité des erreurs, parité prédictive), et pourquoi ? Que vous apprend l'identité de
# Chouldechova sur ce que vous devrez sacrifier ? Qui devrait participer à ce choix ?
# Appuyez-vous sur au moins un chiffre de ce module.

# %% [markdown] written="reflexion_criteres" points=3
# ### BEGIN SOLUTION
# *Guide de correction (enseignants ; retiré de la version étudiante).*
#
# - **1 point** — Un critère argumenté pour chaque usage. Dépistage : l'égalité des chances
#   (même FNR, même sensibilité) est la plus défendable, car le tort principal est le malade
#   manqué ; attribution d'une ressource rare : la parité prédictive, une VPP comparable (un
#   appel veut dire le même besoin), avec un score calibré dans chaque groupe, ou l'égalité des
#   erreurs si l'on veut répartir aussi les appels inutiles. Accepter toute position
#   cohérente avec le tort que l'on veut éviter ; pénaliser une réponse qui choisit la parité
#   démographique sans discuter la différence de prévalence.
# - **1 point** — L'impossibilité : avec des prévalences différentes, on ne peut pas égaliser à
#   la fois VPP, FNR et FPR ; choisir un critère, c'est accepter un écart sur un autre. Un
#   chiffre juste du module à l'appui (p. ex. le FPR imposé aux deux groupes à la question 3,
#   ou la VPP par groupe et l'exactitude avant et après la correction).
# - **1 point** — La dimension éthique et collective (valeurs V4, prudence et esprit critique,
#   et V6, justice et équité) : le choix n'est pas technique ; il associe soignants,
#   représentants des usagers, direction ; il se documente et se réévalue ; la correction par
#   groupe (seuils différents, tirage au sort) doit être expliquée et justifiée. Pénaliser une
#   réponse qui présente un critère comme « objectivement » le bon.
# ### END SOLUTION

# %% [markdown]
# ## À retenir
#
# - « Équitable » a **plusieurs définitions** : parité démographique (mêmes taux de
#   sélection), égalité des chances (même FNR), égalité des erreurs (même FNR et même FPR),
#   parité prédictive (même VPP : un appel signifie le même risque). La **calibration**, elle,
#   porte sur le score : un même score signifie le même risque dans chaque groupe.
# - Chaque taux a son **dénominateur** : tous les patients, les malades, les non-malades ou les
#   patients sélectionnés. Lire une plainte d'injustice, c'est d'abord trouver son dénominateur.
# - **Identité de Chouldechova** : quand les prévalences diffèrent, on ne peut pas égaliser à
#   la fois la VPP, le FNR et le FPR. Ce n'est pas un défaut du modèle, c'est arithmétique.
# - Une **correction** (fairlearn `ThresholdOptimizer`) égalise les taux choisis, au prix
#   d'autres écarts, d'une exactitude plus basse et de décisions différentes pour un même
#   score : c'est un **choix de valeurs**, selon l'usage (dépistage ou ressource rare), à
#   faire avec les soignants et les patients.
#
# ## Sources
#
# - Chouldechova A. Fair prediction with disparate impact: a study of bias in recidivism
#   prediction instruments. *Big Data* 2017;5(2):153-163.
# - Kleinberg J, Mullainathan S, Raghavan M. Inherent trade-offs in the fair determination of
#   risk scores. *8th Innovations in Theoretical Computer Science Conference (ITCS 2017)*.
#   LIPIcs 2017;67:43:1-43:23.
# - Hardt M, Price E, Srebro N. Equality of opportunity in supervised learning. *Advances in
#   Neural Information Processing Systems (NeurIPS)* 2016;29. (Méthode de correction par seuils
#   par groupe utilisée par `ThresholdOptimizer`.)
# - Weerts H, Dudík M, Edgar R, Jalali A, Lutz R, Madaio M. Fairlearn: assessing and improving
#   fairness of AI systems. *Journal of Machine Learning Research* 2023;24(257):1-8.
# - Données : cohorte **synthétique** générée par `esn_teach.datasets.make_readmission_cohort`
#   (`random_state=6`) ; paramètres inventés pour l'enseignement. Fiche descriptive :
#   `esn_teach/datasets/cards/readmission_cohort.md`.
