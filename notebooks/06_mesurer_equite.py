# %% [markdown]
# # Module 06 — Mesurer l'équité, et ses limites
#
# *Cours « IA et santé » — École de santé numérique, Université de Montpellier.*
#
# **Prérequis** : module 01 (sensibilité, spécificité, VPP) ; module 03 conseillé.
#
# ## Ce que vous saurez faire à la fin de ce module
#
# 1. Mesurer les erreurs d'un modèle **groupe par groupe**, avec le bon **dénominateur**.
# 2. Distinguer quatre définitions de l'équité, et la **calibration** d'un score.
# 3. Expliquer (**identité de Chouldechova**) pourquoi on ne peut pas toutes les satisfaire.
# 4. Juger ce que coûte une **correction**, à nombre d'appels égal.
# 5. Argumenter le choix d'un critère, et en voir les limites juridiques (après la séance).
#
# > **Les valeurs de l'école dans ce module**
# > - **V4 — Prudence, esprit critique et inclusivité** : un chiffre d'équité ne vaut rien
# >   sans son dénominateur.
# > - **V6 — Intégrité et transparence** : dire quel critère on choisit, et ce qu'il coûte.
# > - **V7 — Partage et collaboration** : ce choix se fait avec soignants et usagers.
#
# <details><summary>Les principes du cadre de l'éthique du numérique en santé (CENS) dans ce
# module (facultatif)</summary>
#
# Justice et équité (répartir les appels et les erreurs entre les groupes), bienfaisance
# (appeler ceux à qui l'appel profite, pas seulement les plus à risque), non-malfaisance (le
# réhospitalisé qui n'a pas été appelé), autonomie (informer le patient ; une décision tirée
# au sort se justifie mal devant lui), écoresponsabilité (un modèle simple, une régression
# logistique, suffit ici).
# </details>
#
# **Mode d'emploi.** Exécutez les cellules dans l'ordre (**Maj + Entrée**) ; décimales avec un
# **point** (`0.3`).

# %% [markdown]
# ## 1. Une histoire clinique
#
# Une infirmière appelle, après leur sortie, les patients qui risquent d'être réhospitalisés
# dans les 30 jours. Ne pouvant appeler tout le monde, l'équipe utilise un
# modèle qui donne à chaque patient un **score de risque** entre 0 et 1, et appelle ceux dont
# le score atteint un **seuil**.
#
# Les patients viennent de deux **groupes**, A et B (par exemple deux territoires), et le
# groupe B est plus souvent réhospitalisé. Un représentant des usagers demande :
# **« Votre modèle est-il équitable envers les deux groupes ? »** Cette question a plusieurs
# réponses, qui ne peuvent pas toutes être « oui ».
#
# Les données sont **synthétiques** : inventées par un programme, elles ne décrivent aucune
# personne réelle. Exécutez la cellule suivante.

# %% jupyter={"source_hidden": true} session="formative"
# Préparation : outils et données (code replié, inutile à lire).
import matplotlib.pyplot as plt
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
from sklearn.metrics import balanced_accuracy_score, precision_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from esn_teach import checks, fr_number, fr_percent, fr_table
from esn_teach.datasets import data_card, make_readmission_cohort
from esn_teach.evaluation import proportion_ci
from esn_teach.explorers import FairnessExplorer
from esn_teach.law import LEGAL_FACTS_LAST_CHECKED, reference
from esn_teach.plotting import LINESTYLES, MARKERS, PALETTE, accessible_style, show_figure

taux_voulus = {"A": 0.15, "B": 0.30}  # part de réhospitalisés visée dans chaque groupe
jeu = make_readmission_cohort(n_samples=6000, prevalence=taux_voulus, random_state=6)
display(data_card(jeu))  # la fiche, repliée : cliquez sur son titre pour la déplier
cohorte = jeu.frame.drop(columns="score").rename(
    columns={
        "group": "groupe",
        "prior_admissions": "hospit_annee_precedente",
        "length_of_stay": "duree_sejour",
        "n_medications": "nb_medicaments",
        "readmitted": "rehospitalise",
    }
)
fr_table(
    cohorte.head(),
    caption="Les cinq premiers séjours (rehospitalise : 1 = oui)",
    digits=0,
    show_index=False,
)

# %% jupyter={"source_hidden": true} session="evaluation"
# Préparation : outils et données (code replié, inutile à lire).
import matplotlib.pyplot as plt
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
from sklearn.metrics import balanced_accuracy_score, precision_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from esn_teach import checks, fr_number, fr_percent, fr_table
from esn_teach.datasets import (
    data_card,
    make_readmission_cohort,
    other_hospital_audit,
    readmission_case_seed,
)
from esn_teach.evaluation import proportion_ci
from esn_teach.explorers import FairnessExplorer
from esn_teach.law import LEGAL_FACTS_LAST_CHECKED, reference
from esn_teach.plotting import LINESTYLES, MARKERS, PALETTE, accessible_style, show_figure

taux_voulus = {"A": 0.15, "B": 0.30}  # part de réhospitalisés visée dans chaque groupe
# Vos cas : la cohorte et ses partages sont tirés de votre identifiant (séance évaluée).
graine_etudiant = checks.student_seed("06")
graine = readmission_case_seed(graine_etudiant)
jeu = make_readmission_cohort(n_samples=6000, prevalence=taux_voulus, random_state=graine)
display(data_card(jeu))  # la fiche, repliée : cliquez sur son titre pour la déplier
cohorte = jeu.frame.drop(columns="score").rename(
    columns={
        "group": "groupe",
        "prior_admissions": "hospit_annee_precedente",
        "length_of_stay": "duree_sejour",
        "n_medications": "nb_medicaments",
        "readmitted": "rehospitalise",
    }
)
fr_table(
    cohorte.head(),
    caption="Les cinq premiers séjours (rehospitalise : 1 = oui)",
    digits=0,
    show_index=False,
)

# %% [markdown]
# Le **taux de réhospitalisation**, noté *p*, est la part des patients réhospitalisés dans
# les 30 jours après la sortie (une **incidence cumulée**). Le générateur visait 15 % (groupe
# A) et 30 % (groupe B) ; la section 2 affiche les taux **observés**.
#
# <details><summary>Ce taux mesure-t-il le besoin ? (à lire avant la réflexion)</summary>
#
# Pas forcément : un patient qui renonce aux soins ou va dans un autre hôpital n'est pas
# compté. L'écart peut refléter un **accès inégal aux soins**, que le modèle reproduit s'il
# apprend cette **étiquette**, ce qu'il prédit (module 03). Chez Obermeyer et al. (2019),
# l'étiquette était le **coût** des soins, pas le besoin.
# </details>
#
# ## 2. Le modèle et ses décisions
#
# Le modèle est une **régression logistique** : il combine l'âge, les hospitalisations de
# l'année précédente, la durée du séjour, le nombre de médicaments **et le groupe** en un score
# entre 0 et 1. Il apprend sur un tiers des séjours ; un sixième (**jeu de validation**) sert à
# la section 6, la moitié restante (**jeu de test**) à tout évaluer. L'équipe appelle les
# patients dont le score atteint 0,3 (dans le code, `appel` vaut 1 pour un appelé, 0 sinon).

# %% session="formative"
variables = cohorte[["age", "hospit_annee_precedente", "duree_sejour", "nb_medicaments"]]
variables = variables.assign(groupe_B=(cohorte["groupe"] == "B").astype(int))
X_app, X_test, y_app, y_test, groupe_app, groupe_test = train_test_split(
    variables, cohorte["rehospitalise"], cohorte["groupe"], test_size=0.5, random_state=0
)
# Un tiers des séjours de l'apprentissage est mis de côté : le jeu de validation (section 6).
X_app, X_valid, y_app, y_valid, groupe_app, groupe_valid = train_test_split(
    X_app, y_app, groupe_app, test_size=1 / 3, random_state=0
)
modele = make_pipeline(StandardScaler(), LogisticRegression())
modele.fit(X_app, y_app)

seuil_appel = 0.3  # on appelle si le score de risque est au moins 0,3
scores = modele.predict_proba(X_test)[:, 1]
appel = (scores >= seuil_appel).astype(int)  # 1 = appelé, 0 = non appelé
print(
    f"Apprentissage : {len(y_app)} séjours ; validation : {len(y_valid)} ; test : "
    f"{len(y_test)} séjours, dont {appel.sum()} patients appelés ({fr_percent(appel.mean())})."
)
observes = y_test.groupby(groupe_test, observed=True).mean()  # taux observés
print(
    f"Taux de réhospitalisation observés dans le jeu de test : groupe A "
    f"{fr_percent(observes['A'])}, groupe B {fr_percent(observes['B'])} (visés : "
    f"{fr_percent(taux_voulus['A'], 0)} et {fr_percent(taux_voulus['B'], 0)}), soit "
    f"{fr_number(observes['B'] / observes['A'], 1)} fois plus dans le groupe B."
)

# %% session="evaluation"
variables = cohorte[["age", "hospit_annee_precedente", "duree_sejour", "nb_medicaments"]]
variables = variables.assign(groupe_B=(cohorte["groupe"] == "B").astype(int))
X_app, X_test, y_app, y_test, groupe_app, groupe_test = train_test_split(
    variables, cohorte["rehospitalise"], cohorte["groupe"], test_size=0.5, random_state=graine
)
# Un tiers des séjours de l'apprentissage est mis de côté : le jeu de validation (section 6).
X_app, X_valid, y_app, y_valid, groupe_app, groupe_valid = train_test_split(
    X_app, y_app, groupe_app, test_size=1 / 3, random_state=graine
)
modele = make_pipeline(StandardScaler(), LogisticRegression())
modele.fit(X_app, y_app)

seuil_appel = 0.3  # on appelle si le score de risque est au moins 0,3
scores = modele.predict_proba(X_test)[:, 1]
appel = (scores >= seuil_appel).astype(int)  # 1 = appelé, 0 = non appelé
print(
    f"Apprentissage : {len(y_app)} séjours ; validation : {len(y_valid)} ; test : "
    f"{len(y_test)} séjours, dont {appel.sum()} patients appelés ({fr_percent(appel.mean())})."
)
observes = y_test.groupby(groupe_test, observed=True).mean()  # taux observés
print(
    f"Taux de réhospitalisation observés dans le jeu de test : groupe A "
    f"{fr_percent(observes['A'])}, groupe B {fr_percent(observes['B'])} (visés : "
    f"{fr_percent(taux_voulus['A'], 0)} et {fr_percent(taux_voulus['B'], 0)}), soit "
    f"{fr_number(observes['B'] / observes['A'], 1)} fois plus dans le groupe B."
)

# %% [markdown]
# ## 3. Mesurer groupe par groupe
#
# `MetricFrame` (bibliothèque Python libre **fairlearn**) calcule chaque indicateur
# **séparément dans chaque groupe** :
#
# - le **taux de réhospitalisation** (il ne dépend pas du modèle) ;
# - le **taux de sélection** : la part de patients sélectionnés pour un appel ;
# - le **taux de faux négatifs (TFN)** : **parmi les réhospitalisés**, la part qui n'a **pas**
#   été appelée (1 − sensibilité) ;
# - le **taux de faux positifs (TFP)** : **parmi les non-réhospitalisés**, la part appelée
#   quand même (1 − spécificité) ;
# - la **valeur prédictive positive (VPP)** : **parmi les appelés**, la part réhospitalisée.
#
# Chaque taux a son **dénominateur** (en gras ci-dessus).


# %%
def taux_rehospitalisation(y_reel, y_decision):
    """Part de patients réhospitalisés (n'utilise pas les décisions)."""
    return np.mean(y_reel)


indicateurs = {
    "taux_rehosp": taux_rehospitalisation,
    "taux_selection": selection_rate,
    "tfn": false_negative_rate,
    "tfp": false_positive_rate,
    "vpp": precision_score,
}
taux = MetricFrame(metrics=indicateurs, y_true=y_test, y_pred=appel, sensitive_features=groupe_test)
par_groupe = taux.by_group  # le tableau par groupe : une ligne par groupe, une colonne par taux
# En-têtes des tableaux : le nom français, puis entre parenthèses le nom de la colonne.
noms = {
    "taux_rehosp": "Taux de réhospitalisation (taux_rehosp)",
    "taux_selection": "Taux de sélection (taux_selection)",
    "tfn": "TFN (tfn)",
    "tfp": "TFP (tfp)",
    "vpp": "VPP (vpp)",
}
display(fr_table(taux.overall.to_frame("Ensemble du jeu de test").T, columns=noms))
fr_table(par_groupe, columns=noms, index={"groupe": "Groupe"}, caption="Par groupe (par_groupe)")

# %% [markdown]
# ### Question 1 — L'écart de parité démographique (1 point)
#
# La **parité démographique** demande que les deux groupes soient **sélectionnés dans la même
# proportion**. On la mesure par l'**écart de parité démographique** : le taux de sélection du
# groupe le plus sélectionné **moins** celui du groupe le moins sélectionné (0 = parité
# parfaite).
#
# Calculez `ecart_parite`, au millième près (trois décimales). Vous pouvez recopier les nombres
# du tableau (avec un point : 0,25 à l'écran s'écrit `0.25`), ou les lire avec
# `par_groupe.loc[ligne, colonne]` : `par_groupe.loc["A", "tfn"]` se lit « dans le tableau par
# groupe, ligne A, colonne tfn ».
#
# <details><summary>Indice 1</summary>
#
# Pour juger la parité démographique, faut-il savoir qui a été réhospitalisé, ou seulement
# qui a été appelé ? Parmi quels patients compte-t-on alors les appelés ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Relisez la définition de l'écart, juste au-dessus, mot à mot : quel taux compare-t-elle,
# entre quels groupes, et dans quel ordre ? Quel signe doit avoir le résultat ?
# </details>

# %% answer="ecart_parite"
ecart_parite = ...
### BEGIN SOLUTION
ecart_parite = par_groupe.loc["B", "taux_selection"] - par_groupe.loc["A", "taux_selection"]
### END SOLUTION

# %% tests="ecart_parite" points=1 session="formative"
# Vérification de la question 1 : exécutez cette cellule.
autres_colonnes = {
    "taux_rehosp": "vous avez comparé les taux de réhospitalisation, qui ne dépendent pas du "
    "modèle. La parité démographique compare les taux de sélection.",
    "tfn": "vous avez comparé les TFN, calculés parmi les seuls réhospitalisés (égalité des "
    "chances). La parité démographique compare les taux de sélection, sur tous les patients.",
    "tfp": "vous avez comparé les TFP, calculés parmi les seuls non-réhospitalisés. La parité "
    "démographique compare les taux de sélection, sur tous les patients.",
    "vpp": "vous avez comparé les VPP, calculées parmi les seuls patients appelés (parité "
    "prédictive). La parité démographique compare les taux de sélection.",
}
ecarts_faux = [
    checks.Mistake(signe * (par_groupe.loc["B", colonne] - par_groupe.loc["A", colonne]), message)
    for colonne, message in autres_colonnes.items()
    for signe in (1, -1)
]
checks.check_number(
    ecart_parite,
    name="ecart_parite",
    digest="55897fd52460b2b7",
    bounds=(0, 1),
    mistakes=[
        checks.Mistake(
            taux.overall["taux_selection"],
            "vous avez donné le taux de sélection de l'ensemble du jeu de test (premier "
            "tableau). L'écart de parité compare les taux de sélection des deux groupes, A et "
            "B : c'est une soustraction entre deux lignes du tableau par groupe.",
        ),
        checks.Mistake(
            None,
            "votre écart est négatif : vous avez soustrait le taux de sélection du groupe le "
            "plus sélectionné de celui du moins sélectionné (groupes inversés). Un écart se "
            "donne en valeur positive : le plus grand moins le plus petit.",
            digest="6d9512a7e6ad8d83",
        ),
        *ecarts_faux,
        *[
            checks.Mistake(
                par_groupe.loc[seul, "taux_selection"],
                f"vous avez donné le taux de sélection du seul groupe {seul}. L'écart compare "
                "les deux groupes : c'est une soustraction entre les deux lignes du tableau "
                "par groupe.",
            )
            for seul in ("A", "B")
        ],
        checks.Mistake(
            par_groupe.loc["A", "taux_selection"] / par_groupe.loc["B", "taux_selection"],
            "vous avez calculé un rapport (une division) entre les deux taux de sélection. "
            "L'écart demandé est une différence (une soustraction).",
            rel_tol=0.02,  # reconnaît aussi le calcul fait avec les taux arrondis du tableau
        ),
        checks.Mistake(
            par_groupe.loc["B", "taux_selection"] / par_groupe.loc["A", "taux_selection"],
            "vous avez calculé un rapport (une division) entre les deux taux de sélection. "
            "L'écart demandé est une différence (une soustraction).",
            rel_tol=0.02,  # reconnaît aussi le calcul fait avec les taux arrondis du tableau
        ),
    ],
    hint="Relisez la définition de l'écart de parité démographique : quel taux compare-t-elle, "
    "et dans quel ordre ?",
    points=1,
)
### BEGIN HIDDEN TESTS
checks.check_number(
    ecart_parite,
    name="ecart_parite",
    expected=demographic_parity_difference(y_test, appel, sensitive_features=groupe_test),
    hint="L'écart est une différence : quel taux soustrait-on, entre quelles lignes du tableau ?",
    points=1,
)
### END HIDDEN TESTS

# %% tests="ecart_parite" points=1 session="evaluation"
# Vérification de la question 1 : exécutez cette cellule.
# Symmetric bounds (as in Q4): a negative gap is the sign mistake the hidden test names; the
# visible check of the graded session must not give it away (lecturer's review d23, finding 4).
checks.check_form(ecart_parite, name="ecart_parite", kind="number", decimals=3, bounds=(-1, 1))
### BEGIN HIDDEN TESTS
# The names of this cell's loops, bound here: the cell reads nothing else from the notebook.
signe_q1 = quotient_q1 = g_q1 = taux_autre_q1 = seul_q1 = None
# The copy's own cases, drawn again from its identifier (not from the notebook).
graine_q1 = readmission_case_seed(checks.student_seed("06", announce=False))
cas_q1 = make_readmission_cohort(
    n_samples=6000, prevalence={"A": 0.15, "B": 0.30}, random_state=graine_q1
).frame
x_q1 = cas_q1[["age", "prior_admissions", "length_of_stay", "n_medications"]]
x_q1 = x_q1.assign(groupe_B=(cas_q1["group"] == "B").astype(int))
xa_q1, xt_q1, ya_q1, yt_q1, ga_q1, gt_q1 = train_test_split(
    x_q1, cas_q1["readmitted"], cas_q1["group"], test_size=0.5, random_state=graine_q1
)
xa_q1, xv_q1, ya_q1, yv_q1, ga_q1, gv_q1 = train_test_split(
    xa_q1, ya_q1, ga_q1, test_size=1 / 3, random_state=graine_q1
)
modele_q1 = make_pipeline(StandardScaler(), LogisticRegression()).fit(xa_q1, ya_q1)
scores_q1 = modele_q1.predict_proba(xt_q1)[:, 1]
appel_q1 = (scores_q1 >= 0.3).astype(int)
taux_q1 = pd.DataFrame({"rehosp": yt_q1.to_numpy(), "appel": appel_q1, "g": gt_q1.to_numpy()})
taux_q1 = taux_q1.groupby("g", observed=True).mean()
reels_q1 = yt_q1.to_numpy() == 1
dans_q1 = {g_q1: (gt_q1 == g_q1).to_numpy() for g_q1 in "AB"}
# The other rates of the table by group, each over its own denominator (as section 3 says).
autres_q1 = {
    "tfn": {g_q1: 1 - appel_q1[reels_q1 & dans_q1[g_q1]].mean() for g_q1 in "AB"},
    "tfp": {g_q1: appel_q1[~reels_q1 & dans_q1[g_q1]].mean() for g_q1 in "AB"},
    "vpp": {g_q1: reels_q1[(appel_q1 == 1) & dans_q1[g_q1]].mean() for g_q1 in "AB"},
}
messages_q1 = {
    "tfn": "vous avez comparé les TFN, calculés parmi les seuls réhospitalisés (égalité des "
    "chances). La parité démographique compare les taux de sélection, sur tous les patients.",
    "tfp": "vous avez comparé les TFP, calculés parmi les seuls non-réhospitalisés. La parité "
    "démographique compare les taux de sélection, sur tous les patients.",
    "vpp": "vous avez comparé les VPP, calculées parmi les seuls patients appelés (parité "
    "prédictive). La parité démographique compare les taux de sélection.",
}
ecart_q1 = demographic_parity_difference(yt_q1, appel_q1, sensitive_features=gt_q1)
checks.check_number(
    ecart_parite, name="ecart_parite", expected=ecart_q1,
    bounds=(0, 1),
    mistakes=[
        checks.Mistake(
            -ecart_q1,
            "votre écart est négatif : vous avez soustrait le taux de sélection du groupe le "
            "plus sélectionné de celui du moins sélectionné (groupes inversés). Un écart se "
            "donne en valeur positive : le plus grand moins le plus petit.",
        ),
        *[
            checks.Mistake(
                signe_q1 * (taux_q1.loc["B", "rehosp"] - taux_q1.loc["A", "rehosp"]),
                "vous avez comparé les taux de réhospitalisation, qui ne dépendent pas du "
                "modèle. La parité démographique compare les taux de sélection.",
            )
            for signe_q1 in (1, -1)
        ],
        *[
            checks.Mistake(
                signe_q1 * (autres_q1[taux_autre_q1]["B"] - autres_q1[taux_autre_q1]["A"]),
                messages_q1[taux_autre_q1],
            )
            for taux_autre_q1 in ("tfn", "tfp", "vpp")
            for signe_q1 in (1, -1)
        ],
        checks.Mistake(
            appel_q1.mean(),
            "vous avez donné le taux de sélection de l'ensemble du jeu de test (premier "
            "tableau). L'écart de parité compare les taux de sélection des deux groupes, A et "
            "B : c'est une soustraction entre deux lignes du tableau par groupe.",
        ),
        *[
            checks.Mistake(
                taux_q1.loc[seul_q1, "appel"],
                f"vous avez donné le taux de sélection du seul groupe {seul_q1}. L'écart "
                "compare les deux groupes : c'est une soustraction entre les deux lignes du "
                "tableau par groupe.",
            )
            for seul_q1 in ("A", "B")
        ],
        *[
            checks.Mistake(
                quotient_q1,
                "vous avez calculé un rapport (une division) entre les deux taux de sélection. "
                "L'écart demandé est une différence (une soustraction).",
                rel_tol=0.02,
            )
            for quotient_q1 in (
                taux_q1.loc["A", "appel"] / taux_q1.loc["B", "appel"],
                taux_q1.loc["B", "appel"] / taux_q1.loc["A", "appel"],
            )
        ],
    ],
    hint="L'écart est une différence : quel taux soustrait-on, entre quelles lignes du tableau ?",
    points=1,
)
### END HIDDEN TESTS

# %% mistake="ecart_parite" session="formative"
# message : groupes inversés
ecart_parite = par_groupe.loc["A", "taux_selection"] - par_groupe.loc["B", "taux_selection"]

# %% mistake="ecart_parite" session="formative"
# message : vous avez comparé les taux de réhospitalisation
ecart_parite = par_groupe.loc["B", "taux_rehosp"] - par_groupe.loc["A", "taux_rehosp"]

# %% mistake="ecart_parite" session="formative"
# message : vous avez comparé les taux de réhospitalisation
ecart_parite = par_groupe.loc["A", "taux_rehosp"] - par_groupe.loc["B", "taux_rehosp"]

# %% mistake="ecart_parite" session="formative"
# message : vous avez comparé les TFN
ecart_parite = par_groupe.loc["A", "tfn"] - par_groupe.loc["B", "tfn"]

# %% mistake="ecart_parite" session="formative"
# message : vous avez comparé les VPP
ecart_parite = par_groupe.loc["B", "vpp"] - par_groupe.loc["A", "vpp"]

# %% mistake="ecart_parite" session="formative"
# message : vous avez donné le taux de sélection de l'ensemble du jeu de test
ecart_parite = taux.overall["taux_selection"]

# %% mistake="ecart_parite" session="formative"
# message : un rapport
ecart_parite = par_groupe.loc["A", "taux_selection"] / par_groupe.loc["B", "taux_selection"]

# %% mistake="ecart_parite" session="formative"
# message : un rapport (une division)
ecart_parite = round(par_groupe.loc["B", "taux_selection"], 3) / round(
    par_groupe.loc["A", "taux_selection"], 3
)

# %% mistake="ecart_parite" session="evaluation"
# message : vous avez donné le taux de sélection de l'ensemble du jeu de test
ecart_parite = taux.overall["taux_selection"]

# %% mistake="ecart_parite" session="evaluation"
# message : vous avez comparé les taux de réhospitalisation
ecart_parite = par_groupe.loc["B", "taux_rehosp"] - par_groupe.loc["A", "taux_rehosp"]

# %% mistake="ecart_parite" session="evaluation"
# message : vous avez comparé les TFN
ecart_parite = abs(par_groupe.loc["B", "tfn"] - par_groupe.loc["A", "tfn"])

# %% mistake="ecart_parite" session="evaluation"
# message : vous avez comparé les TFP
ecart_parite = abs(par_groupe.loc["B", "tfp"] - par_groupe.loc["A", "tfp"])

# %% mistake="ecart_parite" session="evaluation"
# message : vous avez comparé les VPP
ecart_parite = abs(par_groupe.loc["B", "vpp"] - par_groupe.loc["A", "vpp"])

# %% [markdown] reveal="ecart_parite"
# Le groupe B est plus souvent appelé, mais aussi plus souvent réhospitalisé : un écart de
# parité n'est pas forcément injuste.

# %% [markdown]
# ## 4. Plusieurs définitions de l'équité
#
# **Quel écart est injuste ?** Cela dépend de la définition de l'équité :
#
# | Définition (en anglais) | Ce qui doit être égal entre les groupes | Question à laquelle elle répond |
# |---|---|---|
# | **Parité démographique** (*demographic parity*) | le taux de sélection | « Chaque groupe reçoit-il sa part d'appels ? » |
# | **Égalité des chances** (*equal opportunity*) | le TFN (donc la sensibilité) | « Un futur réhospitalisé a-t-il la même chance d'être appelé dans chaque groupe ? » |
# | **Égalité des erreurs** (*equalized odds* ; plus exigeante que l'égalité des chances) | le TFN **et** le TFP | « Les deux erreurs frappent-elles autant chaque groupe ? » |
# | **Parité prédictive** (*predictive parity*) | la VPP | « Un appel signifie-t-il le même risque dans chaque groupe ? » |
#
# La **calibration**, elle, porte sur le **score**, sans seuil : un score est **calibré**
# dans un groupe si, parmi les patients à qui il annonce un risque de 30 %, environ 30 % sont
# réhospitalisés. Le **diagramme de fiabilité** le vérifie : dans chaque groupe, dix paquets
# de patients rangés par score ; chaque point compare le risque moyen annoncé (abscisse) à la
# part réhospitalisée (ordonnée), avec son **intervalle de confiance à 95 %** (barre). Un
# score calibré suit la diagonale, aux intervalles près.

# %% jupyter={"source_hidden": true}
# Le diagramme de fiabilité (code replié, inutile à lire : lisez ce qu'il affiche).
with accessible_style():
    fig, ax = plt.subplots(figsize=(6.5, 5), layout="constrained")
    ax.plot(
        [0, 1],
        [0, 1],
        color=PALETTE["black"],
        linestyle=":",
        marker="",
        label="Calibration parfaite",
    )
    ecart_max, hors_marge = {}, {}
    for i, (groupe, couleur) in enumerate((("A", "blue"), ("B", "vermillion"))):
        dans_groupe = (groupe_test == groupe).to_numpy()
        paquets = pd.DataFrame(
            {"score": scores[dans_groupe], "reel": y_test.to_numpy()[dans_groupe]}
        )
        paquets["paquet"] = pd.qcut(paquets["score"], 10, labels=False)
        resume = paquets.groupby("paquet").agg(
            annonce=("score", "mean"),
            observe=("reel", "mean"),
            n=("reel", "size"),
            evenements=("reel", "sum"),
        )
        # Intervalle de Wilson de chaque paquet (asymétrique, jamais de largeur nulle).
        bornes = np.array(
            [
                proportion_ci(int(k), int(n))
                for k, n in zip(resume["evenements"], resume["n"], strict=True)
            ]
        )
        barres = [resume["observe"] - bornes[:, 0], bornes[:, 1] - resume["observe"]]
        ecart_max[groupe] = np.max(np.abs(resume["observe"] - resume["annonce"]))
        hors_marge[groupe] = int(
            ((resume["annonce"] < bornes[:, 0]) | (resume["annonce"] > bornes[:, 1])).sum()
        )
        ax.errorbar(
            resume["annonce"],
            resume["observe"],
            yerr=barres,
            capsize=3,
            color=PALETTE[couleur],
            marker=MARKERS[i],
            linestyle=LINESTYLES[i],
            label=f"Groupe {groupe}",
        )
    ax.set_title("Diagramme de fiabilité du score, par groupe")
    ax.set_xlabel("Risque moyen annoncé par le score")
    ax.set_ylabel("Part réellement réhospitalisée")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.legend(loc="upper left")
    show_figure(
        fig,
        "Diagramme de fiabilité : pour chaque groupe, dix points (risque moyen annoncé en "
        "abscisse, part réellement réhospitalisée en ordonnée, barre verticale de l'intervalle "
        "de confiance à 95 %), groupe A en ronds et trait plein, groupe B en carrés et tirets, "
        "diagonale pointillée de la calibration parfaite. Les points des deux groupes restent "
        f"près de la diagonale ; le plus grand écart vaut {fr_number(ecart_max['A'], 2)} pour "
        f"le groupe A et {fr_number(ecart_max['B'], 2)} pour le groupe B.",
    )
print(
    f"Paquets dont la diagonale sort de l'intervalle : {hors_marge['A']} sur 10 (groupe A), "
    f"{hors_marge['B']} sur 10 (groupe B)."
)

# %% [markdown] session="formative"
# Aux fluctuations près, le score est **calibré dans chaque groupe**. Pourtant, au seuil 0,3,
# les erreurs (TFN, TFP) diffèrent entre les groupes (section 3).
#
# <details><summary>Pourquoi le score est-il calibré dans chaque groupe ? (facultatif)</summary>
#
# Les fluctuations : environ 150 patients par point ; avec des intervalles à 95 %, environ
# un paquet sur vingt sort de son intervalle par hasard.
#
# Le groupe, l'une de ses variables, y contribue : il permet d'ajuster le risque moyen de
# chaque groupe (sur l'apprentissage) ; le retirer ferait sous-estimer le risque du groupe B
# et surestimer celui du groupe A. Qu'il le soit sur toute l'échelle tient à nos données
# synthétiques.
# </details>
#
# ### Question 2 — Quel critère cette plainte invoque-t-elle ? (2 points)
#
# Le représentant des usagers du groupe A écrit : *« Mon voisin est retourné à l'hôpital dix
# jours après sa sortie, sans avoir reçu d'appel. Chez nous, c'est le sort de la plupart de
# ceux qui y retournent ; dans le groupe B, la plupart d'entre eux avaient été appelés. »*
# Quel critère invoque-t-il ? Répondez, **entre guillemets**, par l'un de ces termes :
# `"parité démographique"`, `"égalité des chances"`, `"égalité des erreurs"`,
# `"parité prédictive"` ou `"calibration"`.
#
# <details><summary>Indice 1</summary>
#
# Réécrivez la plainte sous la forme « parmi les patients …, la part qui … ». De quels
# patients parle-t-elle : de tous, de ceux qui ont été appelés, ou de ceux qui sont retournés
# à l'hôpital ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Cherchez à la section 3 le taux qui a ce dénominateur. Puis, dans le tableau de la
# section 4, repérez les définitions qui font intervenir ce taux, et relisez ce que chacune
# exige d'autre.
# </details>

# %% [markdown] session="evaluation"
# Aux fluctuations près, le score est **calibré dans chaque groupe**. Pourtant, au seuil 0,3,
# les erreurs (TFN, TFP) diffèrent entre les groupes (section 3).
#
# <details><summary>Pourquoi le score est-il calibré dans chaque groupe ? (facultatif)</summary>
#
# Les fluctuations : environ 150 patients par point ; avec des intervalles à 95 %, environ
# un paquet sur vingt sort de son intervalle par hasard.
#
# Le groupe, l'une de ses variables, y contribue : il permet d'ajuster le risque moyen de
# chaque groupe (sur l'apprentissage) ; le retirer ferait sous-estimer le risque du groupe B
# et surestimer celui du groupe A. Qu'il le soit sur toute l'échelle tient à nos données
# synthétiques.
# </details>
#
# ### Question 2 — Quel critère cette plainte invoque-t-elle ? (2 points)
#
# Le représentant des usagers du groupe A écrit la plainte affichée ci-dessous (propre à votre
# copie). Quel critère invoque-t-il ? Répondez, **entre guillemets**, par l'un
# de ces termes : `"parité démographique"`, `"égalité des chances"`, `"égalité des erreurs"`,
# `"parité prédictive"` ou `"calibration"`.

# %% jupyter={"source_hidden": true} session="evaluation"
# La plainte du représentant des usagers du groupe A, tirée pour votre copie (code replié :
# lisez ce qu'il affiche).
plaintes = [
    "Mon père est retourné à l'hôpital trois semaines après sa sortie ; personne ne l'avait "
    "appelé. Je ne demande pas que l'infirmière appelle plus de monde chez nous. Je demande "
    "que, chez nous, ceux qui finissent par retourner à l'hôpital aient reçu un appel aussi "
    "souvent que ceux du groupe B qui y retournent.",
    "Ma mère n'a pas reçu d'appel à sa sortie et n'est jamais retournée à l'hôpital ; tant "
    "mieux pour elle. Mais chez nous, bien moins de patients reçoivent un appel que dans le "
    "groupe B. Qu'ils retournent ensuite à l'hôpital ou non, je demande que, chez nous, les "
    "patients qui sortent reçoivent un appel aussi souvent que ceux du groupe B.",
    "Ma voisine a reçu un appel à sa sortie et s'est inquiétée toute la semaine ; elle n'est "
    "jamais retournée à l'hôpital. Je ne demande pas moins d'appels. Je demande que, chez "
    "nous, ceux qui reçoivent un appel finissent par retourner à l'hôpital aussi souvent que "
    "ceux du groupe B qui en reçoivent un.",
    "Mon frère est retourné à l'hôpital sans avoir reçu d'appel ; son voisin a été appelé et "
    "n'y est jamais retourné. Peu m'importe combien de patients reçoivent un appel chez nous. "
    "Je demande que, chez nous, ceux qui finissent par retourner à l'hôpital aient reçu un "
    "appel aussi souvent que ceux du groupe B qui y retournent, et que ceux qui n'y retournent "
    "jamais en aient reçu un aussi souvent que ceux du groupe B qui n'y retournent pas.",
]
numero_plainte = int(np.random.default_rng([graine_etudiant, 2]).integers(len(plaintes)))
print(f"« {plaintes[numero_plainte]} »")

# %% [markdown] session="evaluation"
# <details><summary>Indice 1</summary>
#
# Réécrivez la plainte sous la forme « parmi les patients …, la part qui … ». De quels
# patients parle-t-elle : de tous, de ceux qui ont été appelés, ou de ceux qui sont retournés
# à l'hôpital ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Cherchez à la section 3 le taux qui a ce dénominateur. Puis, dans le tableau de la
# section 4, repérez les définitions qui font intervenir ce taux, et relisez ce que chacune
# exige d'autre.
# </details>

# %% answer="critere_plainte" session="formative"
critere_plainte = ...
### BEGIN SOLUTION
critere_plainte = "égalité des chances"
### END SOLUTION

# %% answer="critere_plainte" session="evaluation"
critere_plainte = ...
### BEGIN SOLUTION
criteres_des_plaintes = [
    "égalité des chances",  # parmi les réhospitalisés, les non-appelés : le TFN
    "parité démographique",  # la part d'appels de chaque groupe : le taux de sélection
    "parité prédictive",  # parmi les appelés, les réhospitalisés : la VPP
    "égalité des erreurs",  # le TFN et le TFP
]
critere_plainte = criteres_des_plaintes[numero_plainte]
### END SOLUTION

# %% tests="critere_plainte" points=2 session="formative"
# Vérification de la question 2 : exécutez cette cellule.
checks.check_choice(
    critere_plainte,
    name="critere_plainte",
    options=[
        "parité démographique",
        "égalité des chances",
        "égalité des erreurs",
        "parité prédictive",
        "calibration",
    ],
    digest="7921eb2ef20ebabb",
    mistakes=[
        checks.Mistake(
            None,
            "la parité démographique compare les taux de sélection sur tous les patients, "
            "réhospitalisés ou non. La plainte ne parle que des patients réhospitalisés : "
            "c'est un autre dénominateur.",
            digest="9c69578bcea06d7a",
        ),
        checks.Mistake(
            None,
            "la parité prédictive (même VPP) part des patients appelés : « parmi les appelés, "
            "combien ont été réhospitalisés ? ». La plainte part des patients réhospitalisés : "
            "dénominateur inversé.",
            digest="8730b55b51d9c029",
        ),
        checks.Mistake(
            None,
            "l'égalité des erreurs demande le même TFN, mais aussi le même TFP, calculé parmi "
            "les patients non réhospitalisés. La plainte ne parle que des patients "
            "réhospitalisés : elle n'exige pas autant.",
            digest="026936ee889c3b1c",
        ),
        checks.Mistake(
            None,
            "la calibration porte sur le score : le risque qu'il annonce comparé à la part "
            "réellement réhospitalisée. La plainte porte sur une décision (appeler ou non) : "
            "c'est un critère d'équité des décisions qu'elle invoque.",
            digest="67b34f2b8935acac",
        ),
    ],
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    critere_plainte,
    name="critere_plainte",
    options=[
        "parité démographique",
        "égalité des chances",
        "égalité des erreurs",
        "parité prédictive",
        "calibration",
    ],
    expected="égalité des chances",
)
### END HIDDEN TESTS

# %% tests="critere_plainte" points=2 session="evaluation"
# Vérification de la question 2 : exécutez cette cellule.
checks.check_form(
    critere_plainte,
    name="critere_plainte",
    kind="choice",
    options=[
        "parité démographique",
        "égalité des chances",
        "égalité des erreurs",
        "parité prédictive",
        "calibration",
    ],
)
### BEGIN HIDDEN TESTS
# The names of this cell's loops, bound here: the cell reads nothing else from the notebook.
option_q2 = message_q2 = None
# The complaint of this copy, drawn again from its identifier (not from the notebook).
plainte_q2 = int(np.random.default_rng([checks.student_seed("06", announce=False), 2]).integers(4))
attendu_q2 = ("égalité des chances", "parité démographique", "parité prédictive", "égalité des erreurs")[plainte_q2]
# Who each complaint counts (its denominator), and each wrong option's message for it.
partie_q2 = (
    "de ceux qui retournent à l'hôpital",
    "de tous les patients qui sortent",
    "des patients appelés",
    "de ceux qui retournent à l'hôpital et de ceux qui n'y retournent pas, séparément",
)[plainte_q2]
messages_q2 = {
    "parité démographique": "la parité démographique compare les taux de sélection, sur tous "
    "les patients qui sortent, sans séparer ceux qui retournent à l'hôpital des autres. La "
    f"plainte part {partie_q2} : c'est un autre dénominateur.",
    "égalité des chances": "l'égalité des chances compare les seuls TFN : elle part des "
    "patients réhospitalisés (« parmi eux, combien n'ont pas été appelés ? »). La plainte "
    f"part {partie_q2} : c'est un autre dénominateur.",
    "parité prédictive": "la parité prédictive (même VPP) part des patients appelés (« parmi "
    "eux, combien retournent à l'hôpital ? »). La plainte part "
    f"{partie_q2} : c'est un autre dénominateur.",
    "égalité des erreurs": "l'égalité des erreurs compare deux taux : le TFN, parmi les "
    "réhospitalisés, et le TFP, parmi les non-réhospitalisés. La plainte part "
    f"{partie_q2} : c'est un autre dénominateur.",
    "calibration": "la calibration porte sur le score : le risque qu'il annonce comparé à la "
    "part réellement réhospitalisée. La plainte porte sur une décision (appeler ou non) : "
    "c'est un critère d'équité des décisions qu'elle invoque.",
}
if attendu_q2 == "égalité des erreurs":
    messages_q2["égalité des chances"] = (
        "l'égalité des chances ne compare que les TFN, parmi les réhospitalisés. La plainte "
        "parle aussi de ceux qui ne retournent pas à l'hôpital (les appels pour rien) : elle "
        "exige davantage, deux dénominateurs et non un seul."
    )
if attendu_q2 == "égalité des chances":
    messages_q2["égalité des erreurs"] = (
        "l'égalité des erreurs demande le même TFN, mais aussi le même TFP, calculé parmi les "
        "patients non réhospitalisés. La plainte ne parle que de ceux qui retournent à "
        "l'hôpital : elle n'exige pas autant, un seul dénominateur et non deux."
    )
checks.check_choice(
    critere_plainte,
    name="critere_plainte",
    options=[
        "parité démographique",
        "égalité des chances",
        "égalité des erreurs",
        "parité prédictive",
        "calibration",
    ],
    expected=attendu_q2,
    mistakes=[
        checks.Mistake(option_q2, message_q2)
        for option_q2, message_q2 in messages_q2.items()
        if option_q2 != attendu_q2
    ],
)
### END HIDDEN TESTS

# %% mistake="critere_plainte" session="formative"
# message : c'est un autre dénominateur
critere_plainte = "parité démographique"

# %% mistake="critere_plainte" session="formative"
# message : dénominateur inversé
critere_plainte = "parité prédictive"

# %% mistake="critere_plainte" session="formative"
# message : elle n'exige pas autant
critere_plainte = "égalité des erreurs"

# %% mistake="critere_plainte" session="formative"
# message : la calibration porte sur le score
critere_plainte = "calibration"

# %% mistake="critere_plainte" session="evaluation"
# message : la calibration porte sur le score
critere_plainte = "calibration"

# %% mistake="critere_plainte" session="evaluation"
# message : c'est un autre dénominateur
critere_plainte = "parité prédictive" if numero_plainte != 2 else "parité démographique"

# %% mistake="critere_plainte" session="evaluation"
# message : dénominateur
critere_plainte = "égalité des erreurs" if numero_plainte != 3 else "égalité des chances"

# %% mistake="critere_plainte" session="evaluation"
# message : dénominateur
critere_plainte = "égalité des chances" if numero_plainte in (1, 2) else "parité démographique"

# %% [markdown]
# ## 5. L'identité de Chouldechova
#
# Alexandra Chouldechova a montré que, dans **chaque groupe**, le taux
# d'événements *p*, la VPP, le TFN et le TFP sont liés (Chouldechova, 2017) :
#
# $$\text{TFP} = \frac{p}{1-p} \times \frac{1-\text{VPP}}{\text{VPP}} \times (1 - \text{TFN})$$
#
# C'est une conséquence des définitions des quatre taux, vraie pour **toute** règle de
# décision. Sur nos décisions, la formule redonne le TFP mesuré :

# %% session="formative"
p, vpp, tfn = par_groupe["taux_rehosp"], par_groupe["vpp"], par_groupe["tfn"]
fr_table(
    pd.DataFrame(
        {
            "TFP mesuré": par_groupe["tfp"],
            "TFP par la formule": p / (1 - p) * (1 - vpp) / vpp * (1 - tfn),
        }
    ),
    index={"groupe": "Groupe"},
    digits=4,
)

# %% session="evaluation"
p, vpp, tfn = par_groupe["taux_rehosp"], par_groupe["vpp"], par_groupe["tfn"]
display(
    fr_table(
        pd.DataFrame(
            {
                "TFP mesuré": par_groupe["tfp"],
                "TFP par la formule": p / (1 - p) * (1 - vpp) / vpp * (1 - tfn),
            }
        ),
        index={"groupe": "Groupe"},
        digits=4,
    )
)
# La question 3 a de votre copie : le TFP le plus élevé, ou le plus bas.
consigne_q3 = ["le plus élevé", "le plus bas"][
    int(np.random.default_rng([graine_etudiant, 3]).integers(2))
]
print(f"Question 3 a, votre copie : quel groupe aura le TFP {consigne_q3} ?")

# %% [markdown]
# Conséquence : si deux groupes ont des taux *p* **différents**, imposer la même VPP et le
# même TFN impose des **TFP différents**. Aucune règle ne peut respecter à la fois la parité
# prédictive et l'égalité des erreurs, sauf règle dégénérée.
#
# <details><summary>Les règles dégénérées, et le cas des scores (facultatif)</summary>
#
# Aucun faux positif (VPP = 1), ou une règle qui n'appelle aucun réhospitalisé (TFN = 1 : la
# formule ne s'applique plus). Aucune n'est utilisable en pratique.
#
# Kleinberg et al. (2017) ont démontré un résultat voisin pour les scores : un score calibré
# dans chaque groupe ne peut pas, en plus, donner le même score moyen aux réhospitalisés des
# deux groupes, et de même aux non-réhospitalisés, sauf si les taux sont égaux ou la
# prédiction parfaite.
# </details>

# %% [markdown] session="formative"
# ### Question 3 — Prédire le TFP de chaque groupe (3 points : 3 a et 3 b)
#
# L'équipe veut la même VPP et le même TFN dans les deux groupes (valeurs non encore
# choisies). Prédisez avec l'identité et les taux de réhospitalisation observés (section 3) :
#
# - **3 a (1 point)** : quel groupe aura le **TFP le plus élevé** ? Donnez `groupe_tfp`, entre
#   guillemets : `"A"`, `"B"` ou `"aucun"` (TFP égaux).
# - **3 b (2 points)** : donnez `rapport_tfp`, le TFP du groupe B divisé par celui du groupe A,
#   à 0,01 près (deux décimales ; arrondie à une seule, la moitié des points).
#
# <details><summary>Indice 1</summary>
#
# Écrivez l'identité pour le groupe A, puis pour le groupe B. Quels facteurs ont la même
# valeur dans les deux groupes ? Que deviennent-ils si vous divisez l'une par l'autre ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Divisez l'identité du groupe B par celle du groupe A : que devient chaque facteur commun ?
# Regardez bien sous quelle forme le taux *p* entre dans le facteur qui reste.
# </details>

# %% [markdown] session="evaluation"
# ### Question 3 — Prédire le TFP de chaque groupe (3 points : 3 a et 3 b)
#
# L'équipe veut la même VPP et le même TFN dans les deux groupes (valeurs non encore
# choisies). Prédisez avec l'identité et les taux de réhospitalisation observés (section 3) :
#
# - **3 a (1 point)** : quel groupe aura le TFP que demande la ligne sous le tableau ?
#   Donnez `groupe_tfp`, entre guillemets : `"A"`, `"B"` ou `"aucun"` (TFP égaux).
# - **3 b (2 points)** : donnez `rapport_tfp`, le TFP du groupe B divisé par celui du groupe A,
#   à 0,01 près (deux décimales ; arrondie à une seule, la moitié des points).
#
# <details><summary>Indice 1</summary>
#
# Écrivez l'identité pour le groupe A, puis pour le groupe B. Quels facteurs ont la même
# valeur dans les deux groupes ? Que deviennent-ils si vous divisez l'une par l'autre ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Divisez l'identité du groupe B par celle du groupe A : que devient chaque facteur commun ?
# Regardez bien sous quelle forme le taux *p* entre dans le facteur qui reste.
# </details>

# %% answer="groupe_tfp" session="formative"
groupe_tfp = ...
### BEGIN SOLUTION
groupe_tfp = par_groupe["taux_rehosp"].idxmax()  # p / (1 − p) croît avec p
### END SOLUTION

# %% answer="groupe_tfp" session="evaluation"
groupe_tfp = ...
### BEGIN SOLUTION
# p / (1 − p) croît avec p : le TFP le plus élevé est celui du groupe au p le plus élevé.
if consigne_q3 == "le plus élevé":
    groupe_tfp = par_groupe["taux_rehosp"].idxmax()
else:
    groupe_tfp = par_groupe["taux_rehosp"].idxmin()
### END SOLUTION

# %% tests="groupe_tfp" points=1 session="formative"
# Vérification de la question 3 a : exécutez cette cellule.
checks.check_choice(
    groupe_tfp,
    name="groupe_tfp",
    options=["A", "B", "aucun"],
    digest="c9cc4f3e244d3fc6",
    mistakes=[
        checks.Mistake(
            None,
            "vous avez prédit des TFP égaux : c'est ce que voudrait l'égalité des erreurs, et "
            "l'identité montre qu'elle est impossible ici. À VPP et TFN égaux, le TFP suit le "
            "premier facteur, p / (1 − p), qui n'a pas la même valeur dans les deux groupes.",
            digest="b4ddb1de97a2fc4a",
        ),
        checks.Mistake(
            None,
            "à VPP et TFN égaux, seul le premier facteur de l'identité, p / (1 − p), diffère "
            "entre les groupes, et il croît avec p : comparez les taux de réhospitalisation des "
            "deux groupes (section 3) : lequel a le plus grand ?",
            digest="9f9e48679e777809",
        ),
    ],
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    groupe_tfp, name="groupe_tfp", options=["A", "B", "aucun"],
    expected=par_groupe["taux_rehosp"].idxmax(),
)
### END HIDDEN TESTS

# %% tests="groupe_tfp" points=1 session="evaluation"
# Vérification de la question 3 a : exécutez cette cellule.
checks.check_form(groupe_tfp, name="groupe_tfp", kind="choice", options=["A", "B", "aucun"])
### BEGIN HIDDEN TESTS
# The copy's own instruction and rates, drawn again from its identifier (not from the notebook).
seed_q3a = checks.student_seed("06", announce=False)
consigne_q3a = ["le plus élevé", "le plus bas"][
    int(np.random.default_rng([seed_q3a, 3]).integers(2))
]
graine_q3a = readmission_case_seed(seed_q3a)
cas_q3a = make_readmission_cohort(
    n_samples=6000, prevalence={"A": 0.15, "B": 0.30}, random_state=graine_q3a
).frame
# The test split of the copy's cohort (the same rows whatever the columns kept).
_, _, _, yt_q3a, _, gt_q3a = train_test_split(
    cas_q3a[["age"]], cas_q3a["readmitted"], cas_q3a["group"], test_size=0.5,
    random_state=graine_q3a,
)
p_q3a = yt_q3a.groupby(gt_q3a, observed=True).mean()
attendu_q3a = p_q3a.idxmax() if consigne_q3a == "le plus élevé" else p_q3a.idxmin()
checks.check_choice(
    groupe_tfp, name="groupe_tfp", options=["A", "B", "aucun"],
    expected=attendu_q3a,
    mistakes=[
        checks.Mistake(
            "aucun",
            "vous avez prédit des TFP égaux : c'est ce que voudrait l'égalité des erreurs, et "
            "l'identité montre qu'elle est impossible ici. À VPP et TFN égaux, le TFP suit le "
            "premier facteur, p / (1 − p), qui n'a pas la même valeur dans les deux groupes.",
        ),
        checks.Mistake(
            "B" if attendu_q3a == "A" else "A",
            "à VPP et TFN égaux, seul le premier facteur de l'identité, p / (1 − p), diffère "
            "entre les groupes, et il croît avec p : comparez les taux de réhospitalisation des "
            f"deux groupes (section 3). Votre copie demande le TFP {consigne_q3a}.",
        ),
    ],
)
### END HIDDEN TESTS

# %% mistake="groupe_tfp" session="formative"
# message : TFP égaux
groupe_tfp = "aucun"

# %% mistake="groupe_tfp" session="formative"
# message : il croît avec p
groupe_tfp = "A"

# %% mistake="groupe_tfp" session="evaluation"
# message : TFP égaux
groupe_tfp = "aucun"

# %% mistake="groupe_tfp" session="evaluation"
# message : Votre copie demande le TFP
groupe_tfp = "B" if consigne_q3 == "le plus bas" else "A"

# %% [markdown]
# #### Question 3 b (2 points)

# %% answer="rapport_tfp"
rapport_tfp = ...
### BEGIN SOLUTION
cote_a = par_groupe.loc["A", "taux_rehosp"] / (1 - par_groupe.loc["A", "taux_rehosp"])
cote_b = par_groupe.loc["B", "taux_rehosp"] / (1 - par_groupe.loc["B", "taux_rehosp"])
rapport_tfp = cote_b / cote_a
### END SOLUTION

# %% tests="rapport_tfp" points=2 session="formative"
# Vérification de la question 3 b : exécutez cette cellule.
checks.check_number(
    rapport_tfp,
    name="rapport_tfp",
    digest="415d19ced5dfda14",
    decimals=2,
    bounds=(0, 50),
    percent_is_mistake=False,  # un rapport, pas une proportion
    mistakes=[
        checks.Mistake(
            1,
            "vous avez prédit des TFP égaux : c'est ce que voudrait l'égalité des erreurs, et "
            "l'identité montre qu'elle est impossible ici. À VPP et TFN égaux, le TFP suit le "
            "premier facteur, qui dépend du taux de réhospitalisation du groupe.",
        ),
        checks.Mistake(
            par_groupe.loc["B", "tfp"] / par_groupe.loc["A", "tfp"],
            "vous avez divisé les TFP mesurés au seuil 0,3 (section 3). À ce seuil, VPP et TFN "
            "diffèrent entre les groupes ; la question suppose la même VPP et le même TFN.",
            rel_tol=0.02,  # reconnaît aussi le calcul fait avec les taux arrondis du tableau
        ),
        *[
            checks.Mistake(
                quotient,
                "vous avez divisé les taux de sélection. L'identité ne fait pas intervenir "
                "le taux de sélection : à VPP et TFN égaux, le TFP de chaque groupe suit son "
                "taux de réhospitalisation p, par le facteur p / (1 − p).",
                rel_tol=0.02,  # reconnaît aussi le calcul fait avec les taux arrondis du tableau
            )
            for quotient in (
                par_groupe.loc["B", "taux_selection"] / par_groupe.loc["A", "taux_selection"],
                par_groupe.loc["A", "taux_selection"] / par_groupe.loc["B", "taux_selection"],
            )
        ],
        checks.Mistake(
            None,
            "groupes inversés : vous avez divisé le TFP du groupe A par celui du groupe B. La "
            "question demande le TFP du groupe B divisé par celui du groupe A.",
            digest="03eddcb2044132d3",
        ),
        checks.Mistake(
            None,
            "vous avez divisé les taux de réhospitalisation p eux-mêmes. Dans l'identité, p "
            "n'entre que par p / (1 − p), les réhospitalisés rapportés aux autres : c'est ce "
            "facteur qui ne se simplifie pas.",
            digest="0fb8356c77a8978e",
        ),
        checks.Mistake(
            None,
            "vous avez pris les taux visés par le générateur (15 % et 30 %). La question porte "
            "sur les taux observés dans le jeu de test (tableau de la section 3).",
            digest="ea66e03b36947c38",
        ),
        checks.Mistake(
            None,
            "vous avez divisé les taux visés (deux fois plus dans le groupe B). La question porte "
            "sur les taux observés, et l'identité fait intervenir p / (1 − p), pas p.",
            digest="0214d91553b2785f",
        ),
        checks.Mistake(
            None,
            "vous avez pris p / (1 − p) pour un groupe et p seul pour l'autre : le facteur qui "
            "reste a la même forme dans les deux groupes.",
            digest="42fd720b779552a3",
        ),
        checks.Mistake(
            None,
            "vous avez pris p / (1 − p) pour un groupe et p seul pour l'autre : le facteur qui "
            "reste a la même forme dans les deux groupes.",
            digest="dc6c919058dc1764",
        ),
        checks.Mistake(
            None,
            "vous avez calculé p / (1 − p) du groupe B seul. Le rapport demandé divise ce "
            "facteur du groupe B par le même facteur du groupe A.",
            digest="c13eb830d31cb867",
        ),
    ],
    hint="Écrivez l'identité pour chaque groupe : quels facteurs sont les mêmes dans les deux ?",
    points=2,
)
### BEGIN HIDDEN TESTS
checks.check_number(
    rapport_tfp,
    name="rapport_tfp",
    decimals=2,
    expected=(par_groupe.loc["B", "taux_rehosp"] / (1 - par_groupe.loc["B", "taux_rehosp"]))
    / (par_groupe.loc["A", "taux_rehosp"] / (1 - par_groupe.loc["A", "taux_rehosp"])),
    hint="Le rapport demandé est une division de deux TFP prédits : écrivez l'identité pour "
    "chaque groupe et simplifiez les facteurs communs.",
    points=2,
)
### END HIDDEN TESTS

# %% tests="rapport_tfp" points=2 session="evaluation"
# Vérification de la question 3 b : exécutez cette cellule.
checks.check_form(rapport_tfp, name="rapport_tfp", kind="number", decimals=2, bounds=(0, 50))
### BEGIN HIDDEN TESTS
# The names of this cell's loops, bound here: the cell reads nothing else from the notebook.
g_q3 = melange_q3 = quotient_q3 = None
# The copy's own cases, drawn again from its identifier (not from the notebook).
graine_q3 = readmission_case_seed(checks.student_seed("06", announce=False))
cas_q3 = make_readmission_cohort(
    n_samples=6000, prevalence={"A": 0.15, "B": 0.30}, random_state=graine_q3
).frame
x_q3 = cas_q3[["age", "prior_admissions", "length_of_stay", "n_medications"]]
x_q3 = x_q3.assign(groupe_B=(cas_q3["group"] == "B").astype(int))
xa_q3, xt_q3, ya_q3, yt_q3, ga_q3, gt_q3 = train_test_split(
    x_q3, cas_q3["readmitted"], cas_q3["group"], test_size=0.5, random_state=graine_q3
)
xa_q3, xv_q3, ya_q3, yv_q3, ga_q3, gv_q3 = train_test_split(
    xa_q3, ya_q3, ga_q3, test_size=1 / 3, random_state=graine_q3
)
modele_q3 = make_pipeline(StandardScaler(), LogisticRegression()).fit(xa_q3, ya_q3)
scores_q3 = modele_q3.predict_proba(xt_q3)[:, 1]
appel_q3 = (scores_q3 >= 0.3).astype(int)
p_q3 = yt_q3.groupby(gt_q3, observed=True).mean()
cote_q3 = p_q3 / (1 - p_q3)
reels_q3 = yt_q3.to_numpy() == 1
tfp_q3 = {g_q3: appel_q3[~reels_q3 & (gt_q3 == g_q3).to_numpy()].mean() for g_q3 in "AB"}
selection_q3 = {g_q3: appel_q3[(gt_q3 == g_q3).to_numpy()].mean() for g_q3 in "AB"}
# Two right keys: the exact rates, and the three-decimal rates the table of section 3 shows
# (on some cohorts the identity applied to the shown rates lands two hundredths away).
exact_q3 = cote_q3["B"] / cote_q3["A"]
p3_q3 = p_q3.round(3)
affiche_q3 = (p3_q3["B"] / (1 - p3_q3["B"])) / (p3_q3["A"] / (1 - p3_q3["A"]))
try:
    attendu_q3 = min((exact_q3, affiche_q3), key=lambda cle_q3: abs(float(rapport_tfp) - cle_q3))
except (TypeError, ValueError):  # not a number yet: check_number says what is wrong
    attendu_q3 = exact_q3
checks.check_number(
    rapport_tfp, name="rapport_tfp", expected=attendu_q3, decimals=2,
    bounds=(0, 50),
    percent_is_mistake=False,
    mistakes=[
        checks.Mistake(
            cote_q3["A"] / cote_q3["B"],
            "groupes inversés : vous avez divisé le TFP du groupe A par celui du groupe B. La "
            "question demande le TFP du groupe B divisé par celui du groupe A.",
        ),
        checks.Mistake(
            p_q3["B"] / p_q3["A"],
            "vous avez divisé les taux de réhospitalisation p eux-mêmes. Dans l'identité, p "
            "n'entre que par p / (1 − p), les réhospitalisés rapportés aux autres : c'est ce "
            "facteur qui ne se simplifie pas.",
        ),
        checks.Mistake(
            cote_q3["B"],
            "vous avez calculé p / (1 − p) du groupe B seul. Le rapport demandé divise ce "
            "facteur du groupe B par le même facteur du groupe A.",
        ),
        *[
            checks.Mistake(
                melange_q3,
                "vous avez pris p / (1 − p) pour un groupe et p seul pour l'autre : le facteur "
                "qui reste a la même forme dans les deux groupes.",
            )
            for melange_q3 in (cote_q3["B"] / p_q3["A"], p_q3["B"] / cote_q3["A"])
        ],
        checks.Mistake(
            tfp_q3["B"] / tfp_q3["A"],
            "vous avez divisé les TFP mesurés au seuil 0,3 (section 3). À ce seuil, VPP et TFN "
            "diffèrent entre les groupes ; la question suppose la même VPP et le même TFN.",
            rel_tol=0.02,
        ),
        *[
            checks.Mistake(
                quotient_q3,
                "vous avez divisé les taux de sélection. L'identité ne fait pas intervenir "
                "le taux de sélection : à VPP et TFN égaux, le TFP de chaque groupe suit son "
                "taux de réhospitalisation p, par le facteur p / (1 − p).",
                rel_tol=0.02,
            )
            for quotient_q3 in (
                selection_q3["B"] / selection_q3["A"],
                selection_q3["A"] / selection_q3["B"],
            )
        ],
        checks.Mistake(
            1,
            "vous avez prédit des TFP égaux : c'est ce que voudrait l'égalité des erreurs, et "
            "l'identité montre qu'elle est impossible ici. À VPP et TFN égaux, le TFP suit le "
            "premier facteur, qui dépend du taux de réhospitalisation du groupe.",
        ),
        checks.Mistake(
            (0.30 / 0.70) / (0.15 / 0.85),
            "vous avez pris les taux visés par le générateur (15 % et 30 %). La question porte "
            "sur les taux observés dans le jeu de test (tableau de la section 3).",
        ),
        checks.Mistake(
            2,
            "vous avez divisé les taux visés (deux fois plus dans le groupe B). La question porte "
            "sur les taux observés, et l'identité fait intervenir p / (1 − p), pas p.",
        ),
    ],
    hint="Le rapport demandé est une division de deux TFP prédits : écrivez l'identité pour "
    "chaque groupe et simplifiez les facteurs communs.",
    points=2,
)
### END HIDDEN TESTS

# %% mistake="rapport_tfp" session="formative"
# message : groupes inversés
cote_a = par_groupe.loc["A", "taux_rehosp"] / (1 - par_groupe.loc["A", "taux_rehosp"])
cote_b = par_groupe.loc["B", "taux_rehosp"] / (1 - par_groupe.loc["B", "taux_rehosp"])
rapport_tfp = cote_a / cote_b

# %% mistake="rapport_tfp" session="formative"
# message : vous avez divisé les taux de réhospitalisation p eux-mêmes
rapport_tfp = par_groupe.loc["B", "taux_rehosp"] / par_groupe.loc["A", "taux_rehosp"]

# %% mistake="rapport_tfp" session="formative"
# message : vous avez pris les taux visés par le générateur
rapport_tfp = (0.30 / 0.70) / (0.15 / 0.85)

# %% mistake="rapport_tfp" session="formative"
# message : vous avez divisé les taux visés
rapport_tfp = 0.30 / 0.15

# %% mistake="rapport_tfp" session="formative"
# message : vous avez divisé les TFP mesurés au seuil 0,3
rapport_tfp = par_groupe.loc["B", "tfp"] / par_groupe.loc["A", "tfp"]

# %% mistake="rapport_tfp" session="formative"
# message : vous avez divisé les TFP mesurés au seuil 0,3
rapport_tfp = round(par_groupe.loc["B", "tfp"], 3) / round(par_groupe.loc["A", "tfp"], 3)

# %% mistake="rapport_tfp" session="formative"
# message : vous avez prédit des TFP égaux
rapport_tfp = 1

# %% mistake="rapport_tfp" session="formative"
# message : du groupe B seul
rapport_tfp = par_groupe.loc["B", "taux_rehosp"] / (1 - par_groupe.loc["B", "taux_rehosp"])

# %% mistake="rapport_tfp" session="formative"
# message : p seul pour l'autre
rapport_tfp = (
    par_groupe.loc["B", "taux_rehosp"]
    / (1 - par_groupe.loc["B", "taux_rehosp"])
    / par_groupe.loc["A", "taux_rehosp"]
)

# %% mistake="rapport_tfp" session="evaluation"
# message : groupes inversés
rapport_tfp = (par_groupe.loc["A", "taux_rehosp"] / (1 - par_groupe.loc["A", "taux_rehosp"])) / (
    par_groupe.loc["B", "taux_rehosp"] / (1 - par_groupe.loc["B", "taux_rehosp"])
)

# %% mistake="rapport_tfp" session="evaluation"
# message : vous avez divisé les taux de réhospitalisation p eux-mêmes
rapport_tfp = par_groupe.loc["B", "taux_rehosp"] / par_groupe.loc["A", "taux_rehosp"]

# %% mistake="rapport_tfp" session="evaluation"
# message : vous avez divisé les TFP mesurés au seuil 0,3
rapport_tfp = par_groupe.loc["B", "tfp"] / par_groupe.loc["A", "tfp"]

# %% [markdown]
# ## 6. Corriger le modèle avec fairlearn
#
# Supposons que l'équipe choisisse l'**égalité des erreurs**. L'outil `ThresholdOptimizer`
# (fairlearn) garde le score, mais donne à chaque groupe sa propre règle : selon son score, un
# patient a une certaine **probabilité d'être appelé**, parfois tirée au sort. Ces règles sont
# apprises sur le **jeu de validation**. Elles égalisent le TFN et le TFP avec la meilleure
# **exactitude équilibrée** possible (la moyenne de la sensibilité et de la spécificité).

# %% jupyter={"source_hidden": true}
# La correction (code replié, inutile à lire : lisez ce que la cellule affiche).
correction = ThresholdOptimizer(
    estimator=modele,
    constraints="equalized_odds",
    objective="balanced_accuracy_score",
    prefit=True,
    predict_method="predict_proba",
)
correction.fit(X_valid, y_valid, sensitive_features=groupe_valid)  # le jeu de validation
appel_corrige = correction.predict(X_test, sensitive_features=groupe_test, random_state=0)


def proba_appel(score, regle):
    """Probabilité qu'un patient de ce score soit appelé, selon la règle apprise du groupe."""
    par_seuils = regle["p0"] * regle["operation0"](score) + regle["p1"] * regle["operation1"](score)
    tirage = regle.get("p_ignore", 0.0)  # part tirée au sort, quel que soit le score
    return tirage * regle.get("prediction_constant", 0.0) + (1 - tirage) * par_seuils


regles_apprises = correction.interpolated_thresholder_.interpolation_dict
# La probabilité d'appel de chaque patient du jeu de test, lue dans les règles apprises : avec
# le même tirage (random_state=0), elle redonne les appels de correction.predict.
appel_probable = np.where(
    (groupe_test == "B").to_numpy(),
    proba_appel(scores, regles_apprises["B"]),
    proba_appel(scores, regles_apprises["A"]),
)
assert np.array_equal(
    appel_probable >= np.random.RandomState(0).rand(len(scores)), appel_corrige == 1
)
seuils = {
    groupe: sorted(
        [
            regles_apprises[groupe]["operation0"].threshold,
            regles_apprises[groupe]["operation1"].threshold,
        ]
    )
    for groupe in ("A", "B")
}
grille = np.linspace(0, 1, 1001)  # des scores de 0 à 1
probas = {groupe: proba_appel(grille, regles_apprises[groupe]) for groupe in ("A", "B")}
# Un exemple : un score entre les deux seuils du groupe dont les seuils sont le plus écartés.
ecartes = max(seuils, key=lambda g: seuils[g][1] - seuils[g][0])
exemple = round(sum(seuils[ecartes]) / 2, 2)
proba_exemple = {groupe: proba_appel(exemple, regles_apprises[groupe]) for groupe in ("A", "B")}
# Le texte qui suit s'appuie sur ces constats : le calcul s'arrête s'ils ne tiennent plus.
assert any(np.any((proba > 0) & (proba < 1)) for proba in probas.values())  # tirages au sort
assert abs(proba_exemple["A"] - proba_exemple["B"]) > 0.5  # même score, décisions différentes


def lecture(groupe):
    """Les probabilités d'appel d'un groupe, sous, entre et au-dessus de ses deux seuils."""
    bas, haut = seuils[groupe]
    regle = regles_apprises[groupe]
    return (
        f"{fr_percent(proba_appel(0.0, regle), 0)} sous {fr_number(bas)}, "
        f"{fr_percent(proba_appel((bas + haut) / 2, regle), 0)} entre {fr_number(bas)} et "
        f"{fr_number(haut)}, {fr_percent(proba_appel(1.0, regle), 0)} au-dessus"
    )


with accessible_style():
    fig, ax = plt.subplots(figsize=(6.5, 4.5), layout="constrained")
    ax.plot(
        grille,
        (grille >= seuil_appel).astype(float),
        color=PALETTE["black"],
        linestyle=":",
        marker="",
        label="Sans correction (seuil unique 0,3)",
    )
    for i, (groupe, couleur) in enumerate((("A", "blue"), ("B", "vermillion"))):
        ax.plot(
            grille,
            probas[groupe],
            color=PALETTE[couleur],
            linestyle=LINESTYLES[i],
            marker=MARKERS[i],
            markevery=50,
            label=f"Groupe {groupe}, après correction",
        )
    # Le score d'exemple est près de la marche de 0,3 : deux points marqués et une étiquette
    # décalée, pas une ligne verticale qui cacherait la marche en pointillés.
    ax.plot(
        [exemple, exemple],
        [proba_exemple["A"], proba_exemple["B"]],
        linestyle="none",
        marker="*",
        markersize=14,
        color=PALETTE["bluish_green"],
        label=f"Le score {fr_number(exemple, 2)} dans chaque groupe",
    )
    # Hauteur des deux étiquettes, choisie sur cette copie : le plus loin possible des trois
    # courbes, sur la largeur du texte, hors de la bande de la légende (au centre, à droite),
    # sans se chevaucher, dans l'ordre des deux étoiles (lecteur d22, constat 8).
    debut_texte = (grille >= exemple + 0.15) & (grille <= exemple + 0.5)
    courbes = [probas["A"][debut_texte], probas["B"][debut_texte]]
    courbes.append((grille[debut_texte] >= seuil_appel).astype(float))
    hauteurs = [h for h in np.arange(0.06, 0.95, 0.02) if not 0.3 < h < 0.7]
    degagement = {h: min(float(np.min(np.abs(c - h))) for c in courbes) for h in hauteurs}
    haut_a = proba_exemple["A"] >= proba_exemple["B"]
    hauteur_a, hauteur_b = max(
        ((ha, hb) for ha in hauteurs for hb in hauteurs if (ha - hb if haut_a else hb - ha) >= 0.1),
        key=lambda paire: min(degagement[paire[0]], degagement[paire[1]]),
    )
    for groupe, hauteur in (("A", hauteur_a), ("B", hauteur_b)):
        ax.annotate(
            f"score {fr_number(exemple, 2)}, groupe {groupe}",
            xy=(exemple, proba_exemple[groupe]),
            xytext=(exemple + 0.15, hauteur),
            arrowprops={"arrowstyle": "->", "color": PALETTE["bluish_green"]},
        )
    ax.set_title("Probabilité d'être appelé selon le score")
    ax.set_xlabel("Score de risque du patient")
    ax.set_ylabel("Probabilité d'être appelé")
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.02, 1.02)
    ax.legend(loc="center right")
    show_figure(
        fig,
        "Probabilité d'être appelé (en ordonnée) selon le score (en abscisse). Sans correction, "
        "seuil unique 0,3 (pointillés noirs) : 0 % sous 0,3 et 100 % au-dessus, dans les deux "
        f"groupes. Après correction, groupe A (ronds, trait plein) : {lecture('A')} ; groupe B "
        f"(carrés, tirets) : {lecture('B')}. Au même score {fr_number(exemple, 2)} (étoiles "
        "vertes, légendées à droite), un patient du groupe A est appelé avec une probabilité de "
        f"{fr_percent(proba_exemple['A'], 0)}, un patient du groupe B de "
        f"{fr_percent(proba_exemple['B'], 0)}.",
    )
taux_corrige = MetricFrame(
    metrics=indicateurs, y_true=y_test, y_pred=appel_corrige, sensitive_features=groupe_test
)
ecart_erreurs = {
    nom: equalized_odds_difference(y_test, decisions, sensitive_features=groupe_test)
    for nom, decisions in (("seuil unique 0,3", appel), ("après correction", appel_corrige))
}
for nom, ecart in ecart_erreurs.items():
    print(f"Écart d'égalité des erreurs ({nom}) : {fr_number(ecart)}")
# Le texte qui suit cite la ligne « tirage au sort » : le calcul s'arrête si elle manque.
assert any(regles_apprises[g].get("p_ignore", 0.0) > 0.01 for g in ("A", "B"))
for groupe in ("A", "B"):  # le tirage au sort touche même les scores les plus élevés
    if regles_apprises[groupe].get("p_ignore", 0.0) > 0.01:
        tres_haut = (groupe_test == groupe).to_numpy() & (scores > seuils[groupe][1])
        print(
            f"Groupe {groupe}, tirage au sort : patients au score supérieur à "
            f"{fr_number(seuils[groupe][1])} (le seuil haut) non appelés : "
            f"{(1 - appel_corrige[tres_haut]).sum()} sur {tres_haut.sum()}."
        )
assert (
    ecart_erreurs["après correction"] < ecart_erreurs["seuil unique 0,3"] / 5
)  # « presque annulé »
par_groupe_corrige = pd.concat(
    [
        pd.DataFrame(
            {
                "patients": groupe_test.value_counts(),
                "rehospitalises": y_test.groupby(groupe_test, observed=True).sum(),
                "appeles": pd.Series(appel_corrige, index=groupe_test.index)
                .groupby(groupe_test, observed=True)
                .sum(),
            }
        ),
        taux_corrige.by_group,
    ],
    axis=1,
).rename_axis("groupe")
fr_table(
    par_groupe_corrige,
    columns={
        "patients": "Patients (patients)",
        "rehospitalises": "Réhospitalisés (rehospitalises)",
        "appeles": "Appelés (appeles)",
        **noms,
    },
    index={"groupe": "Groupe"},
    caption="Par groupe, après correction (par_groupe_corrige)",
)

# %% [markdown]
# Après correction, deux patients de même score mais de groupes différents n'ont pas la même
# probabilité d'être appelés ; certaines décisions sont tirées au sort (ligne « tirage au
# sort »). L'**écart d'égalité des erreurs** (le plus grand des écarts de TFN et de TFP) est
# presque annulé, mais **en moyenne sur le groupe**, pas pour chaque personne.
#
# ## 7. Ce que coûte la correction, à nombre d'appels égal
#
# La correction choisit elle-même son nombre d'appels. Le tableau compare trois règles : le
# seuil 0,3, la correction, et la règle à seuil unique qui appelle autant de patients que la
# correction (ligne « même nombre » : les scores les plus élevés). Un patient **joint** est un
# réhospitalisé appelé (un vrai positif ; on suppose que chaque appel aboutit).

# %% jupyter={"source_hidden": true}
# Trois règles comparées (code replié, inutile à lire : lisez ce qu'il affiche).
n_appels = appel_corrige.sum()
seuil_meme_nombre = np.sort(scores)[::-1][n_appels - 1]  # le n-ième score le plus élevé
appel_meme_nombre = (scores >= seuil_meme_nombre).astype(int)
n_seuil = appel.sum()
sens_appels = "de plus" if n_appels >= n_seuil else "de moins"
print(
    f"Le seuil 0,3 appelle {n_seuil} patients ; la correction en appelle {n_appels} : "
    f"{abs(n_appels - n_seuil)} appels {sens_appels} pour l'équipe, soit "
    f"{fr_percent(abs(n_appels / n_seuil - 1), 0)} {sens_appels}."
)
n_meme_nombre = int(appel_meme_nombre.sum())  # one more or so when scores tie at the threshold
print(
    f"Seuil unique de la règle « même nombre » : {fr_number(seuil_meme_nombre, 3)} ; il appelle "
    f"{n_meme_nombre} patients"
    + (
        f" (des scores ex æquo au seuil : {n_meme_nombre - n_appels} de plus que la correction)."
        if n_meme_nombre != n_appels
        else "."
    )
)
reel = y_test.to_numpy() == 1  # vrai pour les patients réhospitalisés
dans_a = (groupe_test == "A").to_numpy()
dans_b = (groupe_test == "B").to_numpy()
regles = {"seuil 0,3": appel, "même nombre": appel_meme_nombre, "correction": appel_corrige}
comparaison = pd.DataFrame.from_dict(
    {
        nom: {
            "appeles": decisions.sum(),
            "appeles_A": decisions[dans_a].sum(),
            "appeles_B": decisions[dans_b].sum(),
            "joints": decisions[reel].sum(),  # réhospitalisés qui ont été appelés
            "joints_A": decisions[reel & dans_a].sum(),
            "joints_B": decisions[reel & dans_b].sum(),
            "exactitude_equilibree": balanced_accuracy_score(y_test, decisions),
        }
        for nom, decisions in regles.items()
    },
    orient="index",
)
la_plus_basse = comparaison["exactitude_equilibree"].idxmin()
assert la_plus_basse == "correction"  # le texte qui suit le dit
display(
    fr_table(
        comparaison,
        columns={
            "appeles": "Patients appelés (appeles)",
            "appeles_A": "dont groupe A (appeles_A)",
            "appeles_B": "dont groupe B (appeles_B)",
            "joints": "Réhospitalisés joints (joints)",
            "joints_A": "dont groupe A (joints_A)",
            "joints_B": "dont groupe B (joints_B)",
            "exactitude_equilibree": "Exactitude équilibrée",
        },
        caption="Trois règles d'appel sur le jeu de test (comparaison)",
    )
)
print(f"Exactitude équilibrée la plus basse des trois : « {la_plus_basse} ».")

# %% [markdown]
# La correction était la meilleure possible sous sa contrainte, sur les séjours de
# validation, pas dans l'absolu.
#
# ### Question 4 — Le prix de l'égalité des erreurs (2 points)

# %% [markdown] session="formative"
# Que coûte la correction **à capacité égale** de l'équipe ? Donnez `vp_perdus`, le nombre de
# patients réhospitalisés qu'elle joint **en moins** (vous pouvez recopier les nombres du
# tableau ; choisir à quoi la comparer fait partie de la question). Il vaut pour **un** tirage
# au sort de la correction.
#
# <details><summary>Indice 1</summary>
#
# Pourquoi comparer à capacité égale ? Une règle qui appelle plus de patients joint en
# général plus de réhospitalisés : quelles règles isolent l'effet de la correction ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Quelle colonne compte les réhospitalisés joints des **deux** groupes ? Entre les deux règles
# retenues, laquelle en joint le plus ? Le nombre demandé, une perte, est-il positif ou
# négatif ?
# </details>

# %% [markdown] session="evaluation"
# Que coûte la correction **à capacité égale** de l'équipe ? Donnez `vp_perdus`, le nombre de
# patients réhospitalisés qu'elle joint **en moins**, parmi ceux que désigne la cellule
# suivante, propre à votre copie (vous pouvez recopier les nombres du tableau ; choisir à
# quoi la comparer fait partie de la question).
# Il vaut pour **un** tirage au sort de la correction.
#
# <details><summary>Indice 1</summary>
#
# Pourquoi comparer à capacité égale ? Une règle qui appelle plus de patients joint en
# général plus de réhospitalisés : quelles règles isolent l'effet de la correction ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Quelle colonne compte exactement les réhospitalisés que demande votre copie ? Entre les
# deux règles retenues, laquelle en joint le plus ? Le nombre demandé, une perte, est-il
# positif ou négatif ?
# </details>

# %% jupyter={"source_hidden": true} session="evaluation"
# Ce que demande votre copie à la question 4 (code replié : lisez ce qu'il affiche).
taches_q4 = [
    "les réhospitalisés joints en moins, des deux groupes A et B réunis",
    "les réhospitalisés joints en moins dans le seul groupe B",
]
numero_tache_q4 = int(np.random.default_rng([graine_etudiant, 4]).integers(len(taches_q4)))
print(f"Question 4, votre copie : vp_perdus = {taches_q4[numero_tache_q4]}, à capacité égale.")

# %% answer="vp_perdus" session="formative"
vp_perdus = ...
### BEGIN SOLUTION
vp_perdus = comparaison.loc["même nombre", "joints"] - comparaison.loc["correction", "joints"]
### END SOLUTION

# %% answer="vp_perdus" session="evaluation"
vp_perdus = ...
### BEGIN SOLUTION
colonne_q4 = ["joints", "joints_B"][numero_tache_q4]  # la colonne que demande la copie
vp_perdus = comparaison.loc["même nombre", colonne_q4] - comparaison.loc["correction", colonne_q4]
### END SOLUTION

# %% tests="vp_perdus" points=2 session="formative"
# Vérification de la question 4 : exécutez cette cellule.
un_seul_groupe = [
    checks.Mistake(
        comparaison.loc[ligne_1, colonne] - comparaison.loc[ligne_2, colonne],
        f"vous avez lu la colonne {colonne}, qui ne compte qu'un groupe. Relisez quels "
        "réhospitalisés votre énoncé demande : celui-ci porte sur tous les réhospitalisés "
        "joints, des deux groupes (une autre consigne peut en demander un seul).",
    )
    for colonne in ("joints_A", "joints_B")
    for ligne_1 in comparaison.index
    for ligne_2 in comparaison.index
    if ligne_1 != ligne_2
]
# Les colonnes « appelés » au lieu des colonnes « joints » (relecture d23, constat 5).
colonnes_appeles = [
    checks.Mistake(
        comparaison.loc[ligne_1, colonne] - comparaison.loc[ligne_2, colonne],
        f"vous avez lu la colonne {colonne}, qui compte des patients appelés, "
        "réhospitalisés ou non. La question demande des réhospitalisés joints (appelés "
        "et réhospitalisés) : ce sont les colonnes « joints ».",
    )
    for colonne in ("appeles", "appeles_A", "appeles_B")
    for ligne_1 in comparaison.index
    for ligne_2 in comparaison.index
    if ligne_1 != ligne_2
    and comparaison.loc[ligne_1, colonne] != comparaison.loc[ligne_2, colonne]
]
message_seuil = (
    "vous avez comparé la correction à la règle du seuil 0,3, qui appelle moins de patients : "
    "à capacité inégale, l'écart mélange l'effet de l'équité et celui du nombre d'appels. "
    "Comparez deux règles qui appellent le même nombre de patients."
)
checks.check_number(
    vp_perdus,
    name="vp_perdus",
    digest="3704c215cd1cd6c0",
    decimals=3,
    # Un nombre de patients : un entier, sans décimales.
    integer=True,
    bounds=(0, 3000),  # une perte, en patients : au plus les 3 000 patients de test
    mistakes=[
        # Erreurs repérées par empreinte : leurs valeurs montreraient la réponse.
        checks.Mistake(None, message_seuil, digest="60a607b93ff96d19"),
        checks.Mistake(None, message_seuil, digest="38d843bdf365ef00"),
        checks.Mistake(
            None,
            "votre nombre est négatif : vous avez soustrait dans l'autre sens. On demande "
            "combien de réhospitalisés la correction joint en moins : un nombre positif.",
            digest="f19dad5ac20e9a3d",
        ),
        checks.Mistake(
            None,
            "vous avez comparé les deux règles à seuil unique ; la question porte sur ce que "
            "coûte la correction.",
            digest="747a474ade1d92c6",
        ),
        *un_seul_groupe,
        *colonnes_appeles,
    ],
    percent_is_mistake=False,
    hint="Choisissez les deux règles qui appellent le même nombre de patients, et comparez "
    "leurs réhospitalisés joints.",
    points=2,
)
### BEGIN HIDDEN TESTS
checks.check_number(
    vp_perdus,
    name="vp_perdus",
    decimals=3,
    integer=True,
    expected=int(((appel_meme_nombre == 1) & reel).sum() - ((appel_corrige == 1) & reel).sum()),
    hint="Le nombre demandé est un compte de réhospitalisés joints : entre quelles deux règles "
    "du tableau « comparaison », et dans quelle colonne ?",
    points=2,
)
### END HIDDEN TESTS

# %% tests="vp_perdus" points=2 session="evaluation"
# Vérification de la question 4 : exécutez cette cellule.
# Bounds symmetric about 0: the sign is the statement's (« en moins »), not the form check's;
# the central trap (threshold 0,3) is negative on one task and positive on the other, and
# neither may be singled out here (review d16, finding 3).
checks.check_form(vp_perdus, name="vp_perdus", kind="number", integer=True, bounds=(-3000, 3000))
### BEGIN HIDDEN TESTS
# The names of this cell's loops, bound here: the cell reads nothing else from the notebook.
sens_q4 = regle_q4 = decisions_q4 = g_q4 = c_q4 = r1_q4 = r2_q4 = mistake_q4 = v_q4 = None
dans_q4 = None
# The copy's own cases, drawn again from its identifier (not from the notebook).
graine_q4 = readmission_case_seed(checks.student_seed("06", announce=False))
cas_q4 = make_readmission_cohort(
    n_samples=6000, prevalence={"A": 0.15, "B": 0.30}, random_state=graine_q4
).frame
x_q4 = cas_q4[["age", "prior_admissions", "length_of_stay", "n_medications"]]
x_q4 = x_q4.assign(groupe_B=(cas_q4["group"] == "B").astype(int))
xa_q4, xt_q4, ya_q4, yt_q4, ga_q4, gt_q4 = train_test_split(
    x_q4, cas_q4["readmitted"], cas_q4["group"], test_size=0.5, random_state=graine_q4
)
xa_q4, xv_q4, ya_q4, yv_q4, ga_q4, gv_q4 = train_test_split(
    xa_q4, ya_q4, ga_q4, test_size=1 / 3, random_state=graine_q4
)
modele_q4 = make_pipeline(StandardScaler(), LogisticRegression()).fit(xa_q4, ya_q4)
scores_q4 = modele_q4.predict_proba(xt_q4)[:, 1]
appel_q4 = (scores_q4 >= 0.3).astype(int)
correction_q4 = ThresholdOptimizer(
    estimator=modele_q4,
    constraints="equalized_odds",
    objective="balanced_accuracy_score",
    prefit=True,
    predict_method="predict_proba",
).fit(xv_q4, yv_q4, sensitive_features=gv_q4)
corrige_q4 = correction_q4.predict(xt_q4, sensitive_features=gt_q4, random_state=0)
meme_q4 = (scores_q4 >= np.sort(scores_q4)[::-1][corrige_q4.sum() - 1]).astype(int)
reels_q4 = yt_q4.to_numpy() == 1
joints_q4 = {
    regle_q4: {
        "joints": int(decisions_q4[reels_q4].sum()),
        **{
            f"joints_{g_q4}": int(decisions_q4[reels_q4 & (gt_q4 == g_q4).to_numpy()].sum())
            for g_q4 in "AB"
        },
    }
    for regle_q4, decisions_q4 in (
        ("seuil", appel_q4),
        ("meme", meme_q4),
        ("correction", corrige_q4),
    )
}
# The calls of each rule (the table's « appeles » columns), for the reading of the wrong column.
appeles_q4 = {
    regle_q4: {
        "appeles": int(decisions_q4.sum()),
        **{
            f"appeles_{g_q4}": int(decisions_q4[(gt_q4 == g_q4).to_numpy()].sum())
            for g_q4 in "AB"
        },
    }
    for regle_q4, decisions_q4 in (
        ("seuil", appel_q4),
        ("meme", meme_q4),
        ("correction", corrige_q4),
    )
}
# The copy's task (the draw cell's stream): all readmitted patients, or group B's only.
tache_q4 = int(np.random.default_rng([checks.student_seed("06", announce=False), 4]).integers(2))
colonne_q4, autre_q4 = [("joints", "joints_B"), ("joints_B", "joints")][tache_q4]
perte_q4 = joints_q4["meme"][colonne_q4] - joints_q4["correction"][colonne_q4]
demande_q4 = [
    "tous les réhospitalisés joints, des deux groupes (colonne joints)",
    "les seuls réhospitalisés du groupe B (colonne joints_B)",
][tache_q4]
message_seuil_q4 = (
    "vous avez comparé la correction à la règle du seuil 0,3, qui appelle moins de patients : "
    "à capacité inégale, l'écart mélange l'effet de l'équité et celui du nombre d'appels. "
    "Comparez deux règles qui appellent le même nombre de patients."
)
checks.check_number(
    vp_perdus, name="vp_perdus", expected=perte_q4, decimals=3, integer=True,
    bounds=(0, 3000), percent_is_mistake=False,
    mistakes=[
        checks.Mistake(
            joints_q4["meme"][autre_q4] - joints_q4["correction"][autre_q4],
            "vous avez bien comparé la correction à la règle « même nombre », mais c'est la "
            "réponse à une autre consigne que la vôtre. Relisez ce que demande votre "
            f"énoncé : {demande_q4}.",
        ),
        checks.Mistake(
            -perte_q4,
            "votre nombre est négatif : vous avez soustrait dans l'autre sens. On demande "
            "combien de réhospitalisés la correction joint en moins : un nombre positif.",
        ),
        # On some cases the two wrong comparisons give the same count: one message names both.
        *[
            checks.Mistake(
                v_q4,
                "vous avez comparé la correction à la règle du seuil 0,3, ou bien vous avez "
                "comparé les deux règles à seuil unique (sur vos cas, les deux calculs donnent "
                "le même nombre) : ni l'un ni l'autre ne mesure ce que coûte la correction à "
                "capacité égale. Comparez deux règles qui appellent le même nombre de patients.",
            )
            for v_q4 in sorted(
                {
                    sens_q4 * (joints_q4["correction"][colonne_q4] - joints_q4["seuil"][colonne_q4])
                    for sens_q4 in (1, -1)
                }
                & {
                    sens_q4 * (joints_q4["meme"][colonne_q4] - joints_q4["seuil"][colonne_q4])
                    for sens_q4 in (1, -1)
                }
            )
        ],
        # The copy's own column first: a count of another column may be equal by chance.
        *[
            mistake_q4
            for c_q4 in (colonne_q4, autre_q4)
            for mistake_q4 in (
                *[
                    checks.Mistake(
                        sens_q4 * (joints_q4["correction"][c_q4] - joints_q4["seuil"][c_q4]),
                        message_seuil_q4,
                    )
                    for sens_q4 in (1, -1)
                ],
                *[
                    checks.Mistake(
                        sens_q4 * (joints_q4["meme"][c_q4] - joints_q4["seuil"][c_q4]),
                        "vous avez comparé les deux règles à seuil unique ; la question porte "
                        "sur ce que coûte la correction.",
                    )
                    for sens_q4 in (1, -1)
                ],
            )
        ],
        *[
            checks.Mistake(
                joints_q4[r1_q4][c_q4] - joints_q4[r2_q4][c_q4],
                f"vous avez lu la colonne {c_q4}. Votre énoncé demande {demande_q4}.",
            )
            for c_q4 in ("joints", "joints_A", "joints_B")
            if c_q4 != colonne_q4
            for r1_q4 in joints_q4
            for r2_q4 in joints_q4
            if r1_q4 != r2_q4
        ],
        *[
            checks.Mistake(
                appeles_q4[r1_q4][c_q4] - appeles_q4[r2_q4][c_q4],
                f"vous avez lu la colonne {c_q4}, qui compte des patients appelés, "
                "réhospitalisés ou non. Votre énoncé demande des réhospitalisés joints "
                f"(appelés et réhospitalisés) : {demande_q4}.",
            )
            for c_q4 in ("appeles", "appeles_A", "appeles_B")
            for r1_q4 in appeles_q4
            for r2_q4 in appeles_q4
            if appeles_q4[r1_q4][c_q4] != appeles_q4[r2_q4][c_q4]
        ],
    ],
    hint="Le nombre demandé est un compte de réhospitalisés joints : entre quelles deux règles "
    "du tableau « comparaison », et dans quelle colonne ?",
    points=2,
)
### END HIDDEN TESTS

# %% mistake="vp_perdus" session="formative"
# message : vous avez comparé la correction à la règle du seuil 0,3
vp_perdus = comparaison.loc["correction", "joints"] - comparaison.loc["seuil 0,3", "joints"]

# %% mistake="vp_perdus" session="formative"
# message : vous avez soustrait dans l'autre sens
vp_perdus = comparaison.loc["correction", "joints"] - comparaison.loc["même nombre", "joints"]

# %% mistake="vp_perdus" session="formative"
# message : vous avez comparé les deux règles à seuil unique
vp_perdus = comparaison.loc["même nombre", "joints"] - comparaison.loc["seuil 0,3", "joints"]

# %% mistake="vp_perdus" session="formative"
# message : vous avez lu la colonne joints_B
vp_perdus = comparaison.loc["même nombre", "joints_B"] - comparaison.loc["correction", "joints_B"]

# %% mistake="vp_perdus" session="evaluation"
# message : vous avez comparé la correction à la règle du seuil 0,3
# (groupe B : la correction en joint moins que le seuil 0,3 ; les deux groupes : plus)
colonne_q4 = ["joints", "joints_B"][numero_tache_q4]
plus_q4, moins_q4 = [("correction", "seuil 0,3"), ("seuil 0,3", "correction")][numero_tache_q4]
vp_perdus = comparaison.loc[plus_q4, colonne_q4] - comparaison.loc[moins_q4, colonne_q4]

# %% mistake="vp_perdus" session="evaluation"
# message : vous avez comparé les deux règles à seuil unique
colonne_q4 = ["joints", "joints_B"][numero_tache_q4]
vp_perdus = comparaison.loc["même nombre", colonne_q4] - comparaison.loc["seuil 0,3", colonne_q4]

# %% mistake="vp_perdus" session="evaluation"
# message : réponse à une autre consigne que la vôtre
autre_q4 = ["joints_B", "joints"][numero_tache_q4]
vp_perdus = comparaison.loc["même nombre", autre_q4] - comparaison.loc["correction", autre_q4]

# %% mistake="vp_perdus" session="evaluation"
# message : vous avez lu la colonne joints_A
vp_perdus = comparaison.loc["correction", "joints_A"] - comparaison.loc["même nombre", "joints_A"]

# %% [markdown] session="formative"
# ## Après la séance
#
# Cette partie se fait **après la séance** : qui gagne et qui perd avec la correction (retour
# sur la question 4), la marge d'erreur d'un taux et sa lecture (questions 5 et 6), un
# explorateur, la lecture des règles apprises par la correction, le droit (question 7, qui
# revient aussi sur la calibration), puis une réflexion écrite notée par l'enseignant.

# %% [markdown] session="evaluation" graded="in-class"
# ## Après la séance
#
# Cette partie se fait **après la séance**, chez vous : qui gagne et qui perd avec la
# correction (retour sur la question 4), la marge d'erreur d'un taux et sa lecture (questions
# 5 et 6), un explorateur, la lecture des règles apprises par la correction, le droit
# (question 7), puis une réflexion écrite.
#
# - **La note** porte sur les questions 1 à 4 (8 points, faites en séance, sous surveillance)
#   et sur la **réflexion** (3 points), soit 11 points.
# - **Votre copie est ramassée à la fin de la séance** : elle ne contient donc pas les
#   questions 5 à 7. Ce sont un **entraînement hors note** : ici, leur vérification dit
#   seulement si votre réponse a la forme attendue. **Pour un retour sur vos réponses**,
#   refaites-les dans la **version formative** du module, que votre enseignant·e publie après
#   la séance : ses vérifications disent si la réponse est juste et pourquoi (ses chiffres
#   sont ceux du cours, pas ceux de votre copie).
# - **Ne rendez pas votre copie une seconde fois après la séance** : une nouvelle remise
#   remplacerait la copie faite sous surveillance.
# - **La réflexion est à rédiger après la séance, à rendre comme l'indique votre
#   enseignant·e** (par exemple un devoir Moodle), à part de la copie, avant la date annoncée.
#   Elle s'écrit sans surveillance, notes et documents permis ; c'est un travail personnel :
#   une aide (un camarade, une IA générative) se signale en une ligne. L'enseignant·e la note
#   à la main, sur les trois critères écrits sous sa consigne.

# %% [markdown]
# ### Qui gagne, qui perd ? (retour sur la question 4)
#
# La cellule suivante compare, groupe par groupe, la correction à la règle actuelle (seuil
# 0,3), puis refait 200 fois le tirage au sort de la correction. Elle commente la réponse de
# la question 4 : en séance évaluée, elle et son commentaire paraîtront dans votre retour de
# correction.

# %% jupyter={"source_hidden": true} reveal="vp_perdus"
# Qui gagne, qui perd ? (code replié, inutile à lire : lisez ce qu'il affiche)
print(f"Face à la règle actuelle (seuil 0,3), malgré {n_appels - n_seuil} appels de plus :")
for groupe in ("A", "B"):
    colonne = f"joints_{groupe}"
    avant, apres = comparaison.loc["seuil 0,3", colonne], comparaison.loc["correction", colonne]
    print(
        f"- groupe {groupe} : {avant} → {apres} réhospitalisés joints ; TFN "
        f"{fr_number(par_groupe.loc[groupe, 'tfn'])} → "
        f"{fr_number(par_groupe_corrige.loc[groupe, 'tfn'])}."
    )
plus_appeles_b = dans_b & (appel == 1) & (appel_corrige == 0)
print(
    f"- dans le groupe B, {plus_appeles_b.sum()} des {(dans_b & (appel == 1)).sum()} patients "
    f"appelés au seuil 0,3 ne le sont plus, dont {(plus_appeles_b & reel).sum()} "
    "réhospitalisés."
)
vpp_avant, vpp_apres = par_groupe["vpp"], par_groupe_corrige["vpp"]
print(
    f"VPP, seuil 0,3 → correction (tableaux des sections 3 et 6) : groupe A "
    f"{fr_number(vpp_avant['A'])} → {fr_number(vpp_apres['A'])}, groupe B "
    f"{fr_number(vpp_avant['B'])} → {fr_number(vpp_apres['B'])} ; écart entre les groupes "
    f"{fr_number(abs(vpp_avant['B'] - vpp_avant['A']))} → "
    f"{fr_number(abs(vpp_apres['B'] - vpp_apres['A']))}."
)
rehosp_valid = y_valid.groupby(groupe_valid, observed=True).sum()
print(
    f"Ces règles ont été apprises sur {len(y_valid)} séjours de validation seulement, dont "
    f"{rehosp_valid['A']} réhospitalisés du groupe A et {rehosp_valid['B']} du groupe B."
)
# Le tirage au sort de la correction, refait 200 fois : la perte change-t-elle ? (La
# probabilité d'appel de chaque patient, appel_probable, section 6, donne les mêmes appels
# que correction.predict à chaque tirage, bien plus vite.)
pertes = []
for tirage in range(200):
    autre = (appel_probable >= np.random.RandomState(tirage).rand(len(scores))).astype(int)
    seuil_tirage = np.sort(scores)[::-1][autre.sum() - 1]  # même nombre d'appels
    pertes.append(int(((scores >= seuil_tirage) & reel).sum() - autre[reel].sum()))
bas_pertes, haut_pertes = np.quantile(pertes, [0.025, 0.975], method="inverted_cdf")
print(
    f"Tirage au sort refait 200 fois : la perte à nombre d'appels égal (règle « même nombre » "
    f"moins correction) est positive dans {sum(perte > 0 for perte in pertes)} des 200 "
    "tirages."
)
# Ce qui suit donne la réponse de la question 4 : seulement une fois la question juste.
if checks.passed("vp_perdus"):
    print(
        f"Dans 95 % des tirages, la correction joint de {int(bas_pertes)} à {int(haut_pertes)} "
        "réhospitalisés de moins que la règle « même nombre »."
    )
    print("À nombre d'appels égal (la correction comparée à la règle « même nombre ») :")
    for groupe, dans_groupe in (("A", dans_a), ("B", dans_b)):
        colonne = f"joints_{groupe}"
        gain = comparaison.loc["correction", colonne] - comparaison.loc["même nombre", colonne]
        sens = "de plus" if gain >= 0 else "de moins"
        rehosp_groupe = (reel & dans_groupe).sum()
        tfn_avant = 1 - comparaison.loc["même nombre", colonne] / rehosp_groupe
        tfn_apres = 1 - comparaison.loc["correction", colonne] / rehosp_groupe
        print(
            f"- groupe {groupe} : {abs(gain)} réhospitalisés joints {sens} ; TFN "
            f"{fr_number(tfn_avant)} avec la règle « même nombre », {fr_number(tfn_apres)} "
            "après correction."
        )
    place = (
        "à la borne haute de cette fourchette"
        if pertes[0] >= haut_pertes
        else "à la borne basse de cette fourchette"
        if pertes[0] <= bas_pertes
        else "à l'intérieur de cette fourchette"
    )
    print(
        f"Ce tirage-ci : {pertes[0]} de moins, {place} ; sur les 200 tirages, de "
        f"{min(pertes)} à {max(pertes)} de moins."
    )
else:
    print(
        "La fourchette des 200 tirages, le détail à nombre d'appels égal et la place de ce "
        "tirage-ci dans la fourchette "
        "s'afficheront ici quand la vérification de la question 4 aura affiché « ✔ Correct » : "
        "relancez alors cette cellule (en séance évaluée, ils restent masqués)."
    )
# Le texte qui suit s'appuie sur ces constats : le calcul s'arrête s'ils ne tiennent plus.
assert comparaison.loc["correction", "joints"] > comparaison.loc["seuil 0,3", "joints"]
assert min(pertes) > 0  # moins de réhospitalisés joints, quel que soit le tirage
assert comparaison.loc["correction", "appeles_B"] < comparaison.loc["même nombre", "appeles_B"]
assert comparaison.loc["correction", "joints_B"] < comparaison.loc["seuil 0,3", "joints_B"]
assert comparaison.loc["correction", "joints_A"] > comparaison.loc["seuil 0,3", "joints_A"]
assert abs(vpp_apres["B"] - vpp_apres["A"]) > abs(vpp_avant["B"] - vpp_avant["A"])

# %% [markdown] reveal="vp_perdus"
# Face au seuil 0,3, la correction joint **plus** de réhospitalisés, grâce à ses appels en
# plus. À nombre d'appels égal, elle en joint **moins**, quel que soit le tirage au sort.
# Combien de moins dépend du tirage : citez la fourchette, pas un seul nombre (le bootstrap de
# la section 8 en donnera une plus large, plus complète).
#
# **Une redistribution coûteuse.** La correction déplace des appels du groupe B, le plus à
# risque, vers le groupe A. Le groupe B perd plus de réhospitalisés joints que le groupe A
# n'en gagne.
#
# **En partie un nivellement vers le bas, dans ce tirage.** Face au seuil 0,3 (lignes
# « groupe A » et « groupe B » ci-dessus), le groupe A gagne des réhospitalisés joints, mais
# le groupe B en perd, malgré les appels en plus : une part de l'écart se réduit en
# dégradant le groupe le mieux servi. Le nivellement vers le bas (*levelling down* :
# Mittelstadt, Wachter et Russell, 2023) désigne une égalité obtenue en dégradant les mieux
# servis **sans** améliorer les autres : la correction n'en est donc un qu'en partie. Ce
# n'est pas une loi. Ce niveau vient de l'objectif choisi (l'exactitude équilibrée), pas de l'égalité des erreurs
# elle-même ; et les règles ont été apprises sur peu de séjours de validation (nombres
# ci-dessus) : d'autres séjours donneraient d'autres règles (après la séance).
#
# **Les VPP restent différentes**, comme l'impose l'identité de Chouldechova ; leur écart a
# même grandi (ligne « VPP » ci-dessus).
#
# **Pourquoi le seuil unique joint le plus.** Avec un score calibré, appeler les scores les
# plus élevés joint, en moyenne, le plus de réhospitalisés pour un nombre d'appels donné, si
# le score reste calibré dans l'hôpital où on l'utilise (à vérifier : module 08).
# Payer le prix de l'égalité est un **choix de valeurs**, à faire avec les soignants et les
# usagers.

# %% [markdown]
# <details><summary>Joindre un patient n'est pas éviter sa réhospitalisation (facultatif)</summary>
#
# Nous comptons les réhospitalisés « joints », comme si l'appel profitait autant à chacun.
# Or l'enjeu clinique est la réhospitalisation **évitable** : un patient très à risque peut
# être réhospitalisé malgré l'appel, un autre, moins à risque, en tirer tout le bénéfice. Le
# score prédit le risque, pas le bénéfice de l'appel. Et une fois l'outil en service, les
# appels changent les réhospitalisations observées : les données suivantes mesureront en
# partie l'effet des appels, plus seulement le risque.
# </details>

# %% [markdown] session="formative"
# ## 8. La marge d'erreur d'un taux
#
# Un taux calculé sur **peu** de patients est incertain.
#
# ### Question 5 — La marge d'erreur d'un TFN, dans un autre hôpital (2 points : 5 a et 5 b)
#
# L'**erreur type** d'une proportion *f* mesurée sur *n* personnes est √(*f* × (1 − *f*) / *n*) ;
# sa **marge d'erreur** à 95 % vaut 1,96 fois l'erreur type, 1,96 × √(*f* × (1 − *f*) / *n*),
# et l'**intervalle de confiance** va de *f* − marge à *f* + marge.
#
# Un autre hôpital audite un outil du même type. Dans son groupe A, il compte 500 patients,
# dont 60 réhospitalisés ; l'équipe a appelé 120 patients, et 24 des réhospitalisés n'ont pas
# été appelés. Écrivez les décimales avec un **point** (`0.4`, et non `0,4` comme à l'écran).
#
# **5 a (1 point).** Calculez `tfn_autre`, le **TFN** de ce groupe, en proportion (entre 0
# et 1), au millième près (trois décimales). Des quatre nombres de l'énoncé, tous ne servent
# pas.
#
# <details><summary>Indice 1</summary>
#
# Relisez la définition du TFN (section 3) : parmi quels patients compte-t-on ceux qui n'ont
# pas été appelés ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Deux des nombres de l'énoncé sont les dénominateurs d'autres taux (lesquels ?). Le TFN est
# une part de son propre dénominateur.
# </details>

# %% [markdown] session="evaluation"
# ## 8. La marge d'erreur d'un taux
#
# Un taux calculé sur **peu** de patients est incertain.
#
# ### Question 5 — La marge d'erreur d'un TFN, dans un autre hôpital (entraînement hors note, 2 points : 5 a et 5 b)
#
# L'**erreur type** d'une proportion *f* mesurée sur *n* personnes est √(*f* × (1 − *f*) / *n*) ;
# sa **marge d'erreur** à 95 % vaut 1,96 fois l'erreur type, 1,96 × √(*f* × (1 − *f*) / *n*),
# et l'**intervalle de confiance** va de *f* − marge à *f* + marge.
#
# Un autre hôpital audite un outil du même type. La cellule suivante affiche ses chiffres,
# propres à votre copie : exécutez-la. Écrivez les décimales avec un **point** (`0.4`, et non
# `0,4` comme à l'écran).

# %% jupyter={"source_hidden": true} session="evaluation"
# Les chiffres de l'audit de l'autre hôpital, tirés pour votre copie (code replié : lisez ce
# qu'il affiche).
tirage_hopital = np.random.default_rng(graine_etudiant)
# Patients du groupe A, dont réhospitalisés, patients appelés, réhospitalisés non appelés.
patients_autre, rehosp_autre, appeles_autre, manques_autre = other_hospital_audit(tirage_hopital)
print(
    f"Dans son groupe A, l'autre hôpital compte {patients_autre} patients, dont "
    f"{rehosp_autre} réhospitalisés ; l'équipe a appelé {appeles_autre} patients, et "
    f"{manques_autre} des réhospitalisés n'ont pas été appelés."
)

# %% [markdown] session="evaluation"
# **5 a (1 point).** Calculez `tfn_autre`, le **TFN** de ce groupe, en proportion (entre 0
# et 1), au millième près (trois décimales). Des quatre nombres de l'énoncé, tous ne servent
# pas.
#
# <details><summary>Indice 1</summary>
#
# Relisez la définition du TFN (section 3) : parmi quels patients compte-t-on ceux qui n'ont
# pas été appelés ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Deux des nombres de l'énoncé sont les dénominateurs d'autres taux (lesquels ?). Le TFN est
# une part de son propre dénominateur.
# </details>

# %% answer="tfn_autre" session="formative"
tfn_autre = ...
### BEGIN SOLUTION
tfn_autre = 24 / 60  # réhospitalisés non appelés, parmi les réhospitalisés
### END SOLUTION

# %% answer="tfn_autre" session="evaluation"
tfn_autre = ...
### BEGIN SOLUTION
tfn_autre = manques_autre / rehosp_autre  # réhospitalisés non appelés, parmi les réhospitalisés
### END SOLUTION

# %% tests="tfn_autre" points=1 session="formative"
# Vérification de la question 5 a : exécutez cette cellule.
checks.check_number(
    tfn_autre,
    name="tfn_autre",
    digest="c23868628bb80a1f",
    bounds=(0, 1),
    mistakes=[
        # Erreurs repérées par empreinte : leurs valeurs montreraient la réponse.
        checks.Mistake(
            None,
            "vous avez rapporté les réhospitalisés non appelés à tous les patients du groupe. "
            "Le TFN se calcule parmi les seuls réhospitalisés.",
            digest="4cad01fed8c0c48f",
        ),
        checks.Mistake(
            None,
            "vous avez rapporté les réhospitalisés non appelés aux patients appelés : c'est le "
            "dénominateur de la VPP. Or ces patients n'ont justement pas été appelés.",
            digest="7850f6d30a7a1250",
        ),
        checks.Mistake(
            None,
            "vous avez rapporté les réhospitalisés non appelés aux patients non réhospitalisés : "
            "c'est le dénominateur du TFP.",
            digest="a8dbccc7f95224d7",
        ),
        checks.Mistake(
            None,
            "vous avez calculé la part des réhospitalisés qui ont été appelés : c'est la "
            "sensibilité, 1 − TFN.",
            digest="f15b78584fd5f1b3",
        ),
        checks.Mistake(
            None,
            "vous avez rapporté les réhospitalisés non appelés aux réhospitalisés appelés. Le TFN "
            "les compte parmi tous les réhospitalisés, appelés ou non.",
            digest="00fd20e9c0e95186",
        ),
        checks.Mistake(
            None,
            "vous avez calculé le taux de réhospitalisation du groupe, qui ne dépend pas des "
            "appels.",
            digest="48078274686246ec",
        ),
        checks.Mistake(
            None,
            "vous avez calculé le taux de sélection (la part de patients appelés).",
            digest="afcb9700fc2decd1",
        ),
        checks.Mistake(
            None,
            "vous avez calculé la VPP (parmi les appelés, la part réhospitalisée).",
            digest="f3cdda4667c24445",
        ),
        checks.Mistake(
            None,
            "vous avez calculé le TFP (parmi les non-réhospitalisés, la part appelée).",
            digest="6c29977b5b62e1ea",
        ),
    ],
    hint="Le TFN : parmi quels patients compte-t-on ceux qui n'ont pas été appelés ?",
    points=1,
)
### BEGIN HIDDEN TESTS
checks.check_number(tfn_autre, name="tfn_autre", expected=24 / 60, points=1)
### END HIDDEN TESTS

# %% tests="tfn_autre" points=1 session="evaluation"
# Vérification de la question 5 a : exécutez cette cellule.
checks.check_form(tfn_autre, name="tfn_autre", kind="number", decimals=3, bounds=(0, 1))
### BEGIN HIDDEN TESTS
# The other hospital's figures of this copy, drawn again from its identifier.
hasard_q5a = checks.variant_rng("06", announce=False)
n_q5a, r_q5a, c_q5a, m_q5a = other_hospital_audit(hasard_q5a)
checks.check_number(
    tfn_autre, name="tfn_autre", expected=m_q5a / r_q5a,
    bounds=(0, 1),
    mistakes=[
        checks.Mistake(
            m_q5a / n_q5a,
            "vous avez rapporté les réhospitalisés non appelés à tous les patients du groupe. "
            "Le TFN se calcule parmi les seuls réhospitalisés.",
        ),
        checks.Mistake(
            m_q5a / c_q5a,
            "vous avez rapporté les réhospitalisés non appelés aux patients appelés : c'est le "
            "dénominateur de la VPP. Or ces patients n'ont justement pas été appelés.",
        ),
        checks.Mistake(
            m_q5a / (n_q5a - r_q5a),
            "vous avez rapporté les réhospitalisés non appelés aux patients non réhospitalisés : "
            "c'est le dénominateur du TFP.",
        ),
        checks.Mistake(
            (r_q5a - m_q5a) / r_q5a,
            "vous avez calculé la part des réhospitalisés qui ont été appelés : c'est la "
            "sensibilité, 1 − TFN.",
        ),
        checks.Mistake(
            m_q5a / (r_q5a - m_q5a),
            "vous avez rapporté les réhospitalisés non appelés aux réhospitalisés appelés. Le "
            "TFN les compte parmi tous les réhospitalisés, appelés ou non.",
        ),
        checks.Mistake(
            r_q5a / n_q5a,
            "vous avez calculé le taux de réhospitalisation du groupe, qui ne dépend pas des "
            "appels.",
        ),
        checks.Mistake(
            c_q5a / n_q5a, "vous avez calculé le taux de sélection (la part de patients appelés)."
        ),
        checks.Mistake(
            (r_q5a - m_q5a) / c_q5a,
            "vous avez calculé la VPP (parmi les appelés, la part réhospitalisée).",
        ),
        checks.Mistake(
            (c_q5a - r_q5a + m_q5a) / (n_q5a - r_q5a),
            "vous avez calculé le TFP (parmi les non-réhospitalisés, la part appelée).",
        ),
    ],
    points=1,
)
### END HIDDEN TESTS

# %% mistake="tfn_autre" session="formative"
# message : à tous les patients du groupe
tfn_autre = 24 / 500

# %% mistake="tfn_autre" session="formative"
# message : c'est le dénominateur de la VPP
tfn_autre = 24 / 120

# %% mistake="tfn_autre" session="formative"
# message : c'est le dénominateur du TFP
tfn_autre = 24 / 440

# %% mistake="tfn_autre" session="formative"
# message : c'est la sensibilité
tfn_autre = 36 / 60

# %% mistake="tfn_autre" session="formative"
# message : aux réhospitalisés appelés
tfn_autre = 24 / 36

# %% mistake="tfn_autre" session="formative"
# message : vous avez calculé la VPP
tfn_autre = 36 / 120

# %% mistake="tfn_autre" session="formative"
# message : vous avez donné un pourcentage
tfn_autre = 40

# %% mistake="tfn_autre" session="evaluation"
# message : à tous les patients du groupe
tfn_autre = manques_autre / patients_autre

# %% mistake="tfn_autre" session="evaluation"
# message : c'est le dénominateur de la VPP
tfn_autre = manques_autre / appeles_autre

# %% mistake="tfn_autre" session="evaluation"
# message : c'est la sensibilité
tfn_autre = (rehosp_autre - manques_autre) / rehosp_autre

# %% [markdown]
# #### Question 5 b (1 point)
#
# Calculez `marge_tfn_a`, la marge d'erreur à 95 % de ce TFN, au millième
# près (trois décimales) : quels sont
# ici *f* et *n* ? En Python, √x s'écrit `np.sqrt(x)`. Erreur reportée : si votre 5 a est
# fausse mais que vous appliquez bien la formule à votre propre *f* (avec *n* son
# dénominateur), la 5 b rapporte la moitié de son point.
#
# <details><summary>Indice</summary>
#
# Relisez la première phrase de la question : *n* est le nombre de personnes sur lesquelles la
# proportion *f* a été mesurée.
# </details>

# %% answer="marge_tfn_a" session="formative"
marge_tfn_a = ...
### BEGIN SOLUTION
f_tfn = 24 / 60  # réhospitalisés non appelés, parmi les réhospitalisés
marge_tfn_a = 1.96 * np.sqrt(f_tfn * (1 - f_tfn) / 60)
### END SOLUTION

# %% answer="marge_tfn_a" session="evaluation"
marge_tfn_a = ...
### BEGIN SOLUTION
f_tfn = manques_autre / rehosp_autre  # réhospitalisés non appelés, parmi les réhospitalisés
marge_tfn_a = 1.96 * np.sqrt(f_tfn * (1 - f_tfn) / rehosp_autre)
### END SOLUTION

# %% tests="marge_tfn_a" points=1 session="formative"
# Vérification de la question 5 b : exécutez cette cellule.
checks.expect(
    not (isinstance(marge_tfn_a, float) and np.isnan(marge_tfn_a)),
    "« marge_tfn_a » vaut nan (« pas un nombre ») : la racine carrée d'un nombre négatif. "
    "Vous avez sans doute pris f en pourcentage : 1 − f devient alors négatif. Prenez f en "
    "proportion, entre 0 et 1.",
    name="marge_tfn_a",
)


def formule_appliquee(f, marge):
    # La marge vaut-elle 1,96 × √(f (1 − f) / n), avec f un compte de l'énoncé divisé par n,
    # l'un de ses dénominateurs ? C'est la formule appliquée à sa propre 5 a (erreur reportée ;
    # une 5 a juste ou une marge juste sont écartées avant l'appel).
    nombres = (int, float, np.integer, np.floating)
    if not all(isinstance(x, nombres) and not isinstance(x, bool) for x in (f, marge)):
        return False
    if not (0 < f < 1 and np.isfinite(marge)):
        return False
    for compte in (24, 36, 60, 84, 120):  # les comptes de l'énoncé, et leurs différences
        for n in (36, 60, 120, 440, 500):  # les dénominateurs de l'énoncé
            if compte < n and abs(f - compte / n) <= 0.0005:
                for g in (f, compte / n):  # la réponse telle qu'écrite, ou sa fraction exacte
                    attendue = 1.96 * np.sqrt(g * (1 - g) / n)
                    if abs(round(float(marge), 3) - round(attendue, 3)) <= 0.0011:
                        return True
    return False


message_reportee = (
    "votre marge applique bien la formule à votre réponse de la 5 a (son f, avec n son "
    "dénominateur) : c'est la 5 a qui est fausse, pas ce calcul (erreur reportée : la moitié "
    "du point). Corrigez la 5 a, puis relancez cette cellule."
)
(
    checks.partial_credit(message_reportee, name="marge_tfn_a", points=1)
    if formule_appliquee(tfn_autre, marge_tfn_a)
    and not checks.matches_digest(tfn_autre, "c23868628bb80a1f", name="tfn_autre")
    and not checks.matches_digest(marge_tfn_a, "d350714130ffb167", name="marge_tfn_a")
    else checks.check_number(
        marge_tfn_a,
        name="marge_tfn_a",
        digest="d350714130ffb167",
        bounds=(0, 1),
        mistakes=[
            checks.Mistake(
                None,
                "vous avez pris n = tous les patients du groupe. Le TFN se calcule parmi les seuls "
                "réhospitalisés : c'est son dénominateur.",
                digest="7391a9d3abb7932b",
            ),
            checks.Mistake(
                None,
                "vous avez pris n = les patients appelés : c'est le dénominateur de la VPP. Le TFN "
                "se calcule parmi les réhospitalisés.",
                digest="7e278e5ec98a735d",
            ),
            checks.Mistake(
                None,
                "vous avez pris n = les patients non réhospitalisés : c'est le dénominateur du TFP. "
                "Le TFN se calcule parmi les réhospitalisés.",
                digest="279d6b198e38cbf8",
            ),
            checks.Mistake(
                None,
                "vous avez pris n = les réhospitalisés appelés. Le TFN compte les non-appelés parmi "
                "tous les réhospitalisés, appelés ou non.",
                digest="3e6ec869706eb5d0",
            ),
            checks.Mistake(
                None,
                "votre f rapporte les réhospitalisés non appelés à tous les patients du groupe. Le "
                "TFN les rapporte aux seuls réhospitalisés, et n est ce même dénominateur.",
                digest="79b4fca796b5d298",
            ),
            checks.Mistake(
                None,
                "votre f rapporte les réhospitalisés non appelés à tous les patients du groupe. Le "
                "TFN les rapporte aux seuls réhospitalisés.",
                digest="8035c83e56bc35b5",
            ),
            checks.Mistake(
                None,
                "votre f rapporte les réhospitalisés non appelés aux patients appelés. Or ces "
                "patients n'ont justement pas été appelés : le TFN les rapporte aux réhospitalisés.",
                digest="f139aafe00bc6794",
            ),
            checks.Mistake(
                None,
                "votre f rapporte les réhospitalisés non appelés aux patients appelés. Le TFN les "
                "rapporte aux réhospitalisés.",
                digest="1a82aeb1a55441d5",
            ),
            checks.Mistake(
                None,
                "vous avez oublié le facteur 1,96 : vous avez calculé l'erreur type (la racine "
                "seule), pas la marge à 95 %, qui vaut 1,96 fois l'erreur type.",
                digest="e326b84dfcd58c11",
            ),
            checks.Mistake(
                None,
                "vous avez oublié la racine carrée (np.sqrt).",
                digest="d8998d611d3a9bc8",
            ),
            checks.Mistake(
                None,
                "la division par n est sortie de la racine : n doit rester sous la racine, avec "
                "f × (1 − f).",
                digest="c1aa0f0795516aef",
            ),
            checks.Mistake(
                None,
                "vous avez donné le TFN lui-même. On demande sa marge d'erreur.",
                digest="824ec1d3a7e707bc",
            ),
            checks.Mistake(
                None,
                "vous avez donné une borne de l'intervalle (f plus ou moins la marge). On demande la "
                "marge seule.",
                digest="b8c3f9e6a2df53ec",
            ),
            checks.Mistake(
                None,
                "vous avez donné une borne de l'intervalle (f plus ou moins la marge). On demande la "
                "marge seule.",
                digest="ddcc24c4e541880c",
            ),
        ],
        hint="La marge vaut 1,96 × √(f × (1 − f) / n) ; n est le nombre de personnes sur lesquelles "
        "f a été mesurée.",
        points=1,
    )
)
### BEGIN HIDDEN TESTS
# Error carried forward: a wrong 5 a, and the formula applied to it with its own denominator.
marge_juste = 1.96 * np.sqrt(0.4 * 0.6 / 60)
reportee = formule_appliquee(tfn_autre, marge_tfn_a) and not any(
    checks.matches_digest(valeur, checks.answer_digest(juste, name=nom), name=nom)
    for valeur, juste, nom in (
        (tfn_autre, 24 / 60, "tfn_autre"),
        (marge_tfn_a, marge_juste, "marge_tfn_a"),
    )
)
raison = "erreur reportée de la 5 a : la moitié du point"
(
    checks.partial_credit(raison + ".", name="marge_tfn_a", points=1, detail=raison)
    if reportee
    else checks.check_number(marge_tfn_a, name="marge_tfn_a", expected=marge_juste, points=1)
)
### END HIDDEN TESTS

# %% tests="marge_tfn_a" points=1 session="evaluation"
# Vérification de la question 5 b : exécutez cette cellule.
checks.check_form(marge_tfn_a, name="marge_tfn_a", kind="number", decimals=3, bounds=(0, 1))
### BEGIN HIDDEN TESTS
# The names of this cell's loops, bound here: the cell reads nothing else from the notebook.
v = compte_q5b = d_q5b = g_q5b = attendue_q5b = borne_q5b = None
# The other hospital's figures of this copy, drawn again from its identifier.
hasard_q5b = checks.variant_rng("06", announce=False)
n_q5b, r_q5b, c_q5b, m_q5b = other_hospital_audit(hasard_q5b)
f_q5b = m_q5b / r_q5b
marge_q5b = 1.96 * np.sqrt(f_q5b * (1 - f_q5b) / r_q5b)
# Error carried forward: a wrong 5 a, and the formula applied to it with its own denominator.
reportee_q5b = False
nombres_q5b = (int, float, np.integer, np.floating)
if (
    all(isinstance(v, nombres_q5b) and not isinstance(v, bool) for v in (tfn_autre, marge_tfn_a))
    and 0 < tfn_autre < 1
    and np.isfinite(marge_tfn_a)
    and abs(round(float(tfn_autre), 3) - round(f_q5b, 3)) > 0.0005
    and abs(round(float(marge_tfn_a), 3) - round(marge_q5b, 3)) > 0.0005
):
    for compte_q5b in (m_q5b, r_q5b - m_q5b, r_q5b, c_q5b, c_q5b - r_q5b + m_q5b):
        for d_q5b in (r_q5b - m_q5b, r_q5b, c_q5b, n_q5b - r_q5b, n_q5b):
            if compte_q5b < d_q5b and abs(tfn_autre - compte_q5b / d_q5b) <= 0.0005:
                for g_q5b in (tfn_autre, compte_q5b / d_q5b):
                    attendue_q5b = 1.96 * np.sqrt(g_q5b * (1 - g_q5b) / d_q5b)
                    if abs(round(float(marge_tfn_a), 3) - round(attendue_q5b, 3)) <= 0.0011:
                        reportee_q5b = True
raison_q5b = "erreur reportée de la 5 a : la moitié du point"
(
    checks.partial_credit(raison_q5b + ".", name="marge_tfn_a", points=1, detail=raison_q5b)
    if reportee_q5b
    else checks.check_number(
        marge_tfn_a, name="marge_tfn_a", expected=marge_q5b,
        bounds=(0, 1),
        mistakes=[
            checks.Mistake(
                1.96 * np.sqrt(f_q5b * (1 - f_q5b) / n_q5b),
                "vous avez pris n = tous les patients du groupe. Le TFN se calcule parmi les "
                "seuls réhospitalisés : c'est son dénominateur.",
            ),
            checks.Mistake(
                1.96 * np.sqrt(f_q5b * (1 - f_q5b) / c_q5b),
                "vous avez pris n = les patients appelés : c'est le dénominateur de la VPP. Le "
                "TFN se calcule parmi les réhospitalisés.",
            ),
            checks.Mistake(
                1.96 * np.sqrt(f_q5b * (1 - f_q5b) / (n_q5b - r_q5b)),
                "vous avez pris n = les patients non réhospitalisés : c'est le dénominateur du "
                "TFP. Le TFN se calcule parmi les réhospitalisés.",
            ),
            checks.Mistake(
                1.96 * np.sqrt(f_q5b * (1 - f_q5b) / (r_q5b - m_q5b)),
                "vous avez pris n = les réhospitalisés appelés. Le TFN compte les non-appelés "
                "parmi tous les réhospitalisés, appelés ou non.",
            ),
            checks.Mistake(
                np.sqrt(f_q5b * (1 - f_q5b) / r_q5b),
                "vous avez oublié le facteur 1,96 : vous avez calculé l'erreur type (la racine "
                "seule), pas la marge à 95 %, qui vaut 1,96 fois l'erreur type.",
            ),
            checks.Mistake(
                1.96 * (f_q5b * (1 - f_q5b) / r_q5b),
                "vous avez oublié la racine carrée (np.sqrt).",
            ),
            checks.Mistake(
                1.96 * np.sqrt(f_q5b * (1 - f_q5b)) / r_q5b,
                "la division par n est sortie de la racine : n doit rester sous la racine, avec "
                "f × (1 − f).",
            ),
            checks.Mistake(
                f_q5b, "vous avez donné le TFN lui-même. On demande sa marge d'erreur."
            ),
            *[
                checks.Mistake(
                    borne_q5b,
                    "vous avez donné une borne de l'intervalle (f plus ou moins la marge). On "
                    "demande la marge seule.",
                )
                for borne_q5b in (f_q5b - marge_q5b, f_q5b + marge_q5b)
            ],
        ],
        points=1,
    )
)
### END HIDDEN TESTS

# %% mistake="marge_tfn_a" session="formative"
# message : vous avez pris n = tous les patients du groupe
marge_tfn_a = 1.96 * np.sqrt(24 / 60 * (1 - 24 / 60) / 500)

# %% mistake="marge_tfn_a" session="formative"
# message : c'est le dénominateur de la VPP
marge_tfn_a = 1.96 * np.sqrt(24 / 60 * (1 - 24 / 60) / 120)

# %% mistake="marge_tfn_a" session="formative"
# message : c'est le dénominateur du TFP
marge_tfn_a = 1.96 * np.sqrt(24 / 60 * (1 - 24 / 60) / 440)

# %% mistake="marge_tfn_a" session="formative"
# message : les réhospitalisés appelés
marge_tfn_a = 1.96 * np.sqrt(24 / 60 * (1 - 24 / 60) / 36)

# %% mistake="marge_tfn_a" session="formative"
# message : votre f rapporte les réhospitalisés non appelés à tous les patients du groupe
marge_tfn_a = 1.96 * np.sqrt(24 / 500 * (1 - 24 / 500) / 500)

# %% mistake="marge_tfn_a" session="formative"
# message : votre f rapporte les réhospitalisés non appelés aux patients appelés
marge_tfn_a = 1.96 * np.sqrt(24 / 120 * (1 - 24 / 120) / 120)

# %% mistake="marge_tfn_a" session="formative"
# message : vous avez oublié le facteur 1,96
marge_tfn_a = np.sqrt(0.4 * 0.6 / 60)

# %% mistake="marge_tfn_a" session="formative"
# message : vous avez oublié la racine carrée
marge_tfn_a = 1.96 * (0.4 * 0.6 / 60)

# %% mistake="marge_tfn_a" session="formative"
# message : n doit rester sous la racine
marge_tfn_a = 1.96 * np.sqrt(0.4 * 0.6) / 60

# %% mistake="marge_tfn_a" session="formative"
# message : vous avez donné le TFN lui-même
marge_tfn_a = 24 / 60

# %% mistake="marge_tfn_a" session="formative"
# message : vous avez donné une borne de l'intervalle
marge_tfn_a = 0.4 + 1.96 * np.sqrt(0.4 * 0.6 / 60)

# %% mistake="marge_tfn_a" session="formative"
# message : Vous avez sans doute pris f en pourcentage
marge_tfn_a = 1.96 * np.sqrt(40 * (1 - 40) / 60)

# %% mistake="marge_tfn_a" session="formative"
# message : erreur reportée
tfn_autre = 24 / 500  # a wrong 5 a (all the patients of the group as denominator)
marge_tfn_a = 1.96 * np.sqrt(tfn_autre * (1 - tfn_autre) / 500)

# %% mistake="marge_tfn_a" session="formative"
# message : erreur reportée
tfn_autre = 0.2  # a wrong 5 a (24 / 120, the VPP's denominator), copied rounded
marge_tfn_a = 1.96 * np.sqrt(0.2 * 0.8 / 120)

# %% mistake="marge_tfn_a" session="evaluation"
# message : vous avez pris n = tous les patients du groupe
f_tfn = manques_autre / rehosp_autre
marge_tfn_a = 1.96 * np.sqrt(f_tfn * (1 - f_tfn) / patients_autre)

# %% mistake="marge_tfn_a" session="evaluation"
# message : vous avez oublié le facteur 1,96
f_tfn = manques_autre / rehosp_autre
marge_tfn_a = np.sqrt(f_tfn * (1 - f_tfn) / rehosp_autre)

# %% mistake="marge_tfn_a" session="evaluation"
# message : erreur reportée
tfn_autre = manques_autre / appeles_autre  # a wrong 5 a (the VPP's denominator)
marge_tfn_a = 1.96 * np.sqrt(tfn_autre * (1 - tfn_autre) / appeles_autre)

# %% [markdown]
# Pour **comparer** deux groupes, ne regardez pas si leurs intervalles se chevauchent.
# Calculez l'intervalle de la **différence** TFN du groupe A − TFN du groupe B. Sa marge vaut
# 1,96 × √(*f*_A(1 − *f*_A)/*n*_A + *f*_B(1 − *f*_B)/*n*_B). Sous la racine, on additionne les
# carrés des deux erreurs types (on les appelle des **variances**), pas les deux marges : la
# marge de la différence est plus petite que la somme des deux marges.
#
# <details><summary>Deux façons de calculer un intervalle : Wald et Wilson (facultatif)</summary>
#
# La cellule compare, pour le TFN du groupe B, l'intervalle de la formule de la question 5 et
# celui de Wilson. Le premier porte le nom de **Wald** : c'est la formule la plus simple, *f* ± marge.
# L'**intervalle de Wilson** (`proportion_ci`) est un peu asymétrique ; il est plus juste
# quand *n* est petit ou *f* proche de 0 ou de 1. Les deux se rejoignent quand *n* est grand.
# </details>
#
# Le nombre de réhospitalisés joints en moins (question 4, deux groupes) a son incertitude :
# un autre jeu de test donnerait un autre nombre. Le **bootstrap** l'estime. On tire au
# hasard, avec remise, autant de patients que le jeu de test en compte : c'est un nouveau
# jeu de test imaginaire, où certains patients reviennent deux fois et d'autres manquent. On
# refait le calcul (avec un nouveau tirage au sort de la correction), et on recommence
# 1 000 fois. Seul le jeu de test est ainsi tiré de nouveau : le modèle et la correction ne
# sont pas réappris, si bien que la variabilité due aux jeux d'apprentissage et de
# validation n'est pas mesurée.
#
# Cette fourchette est plus large que celle de la question 4, qui ne refaisait que le tirage
# au sort : elle ajoute le hasard des patients du jeu de test. C'est elle qu'il faut citer,
# par exemple dans la réflexion.
#
# **Des observations indépendantes.** Ces intervalles et le bootstrap supposent que chaque
# ligne est indépendante des autres. Ici, chaque ligne est un séjour tiré indépendamment,
# comme si chaque patient n'avait qu'un séjour (fiche des données) : parler de « patients »
# est donc exact. Dans des données réelles, un patient a souvent plusieurs séjours, qui se
# ressemblent : il faudrait compter et tirer au sort les patients, pas les séjours, sinon les
# intervalles sont trop étroits.

# %% jupyter={"source_hidden": true}
# Marges d'erreur et bootstrap (code replié, inutile à lire : lisez ce qu'il affiche).
faux_negatifs = (appel_corrige == 0) & reel  # réhospitalisés non appelés
f_g, n_g = par_groupe_corrige["tfn"], par_groupe_corrige["rehospitalises"]
marge_b = 1.96 * np.sqrt(f_g["B"] * (1 - f_g["B"]) / n_g["B"])
wilson_bas, wilson_haut = proportion_ci(int(faux_negatifs[dans_b].sum()), int(n_g["B"]))
print(
    f"TFN du groupe B après correction : {fr_number(f_g['B'])} ; intervalle à 95 % de Wald "
    f"de {fr_number(f_g['B'] - marge_b)} à {fr_number(f_g['B'] + marge_b)}, de Wilson de "
    f"{fr_number(wilson_bas)} à {fr_number(wilson_haut)}."
)
difference_tfn = f_g["A"] - f_g["B"]
marge_difference = 1.96 * np.sqrt(
    f_g["A"] * (1 - f_g["A"]) / n_g["A"] + f_g["B"] * (1 - f_g["B"]) / n_g["B"]
)
print(
    f"Différence TFN A − TFN B : {fr_number(difference_tfn)}, intervalle à 95 % de "
    f"{fr_number(difference_tfn - marge_difference)} à "
    f"{fr_number(difference_tfn + marge_difference)}."
)
# La probabilité d'appel de chaque patient (appel_probable, section 6) donne les mêmes appels
# que correction.predict à chaque tirage, bien plus vite.
generateur = np.random.default_rng(0)
pertes_bootstrap = []
for tirage in range(1000):
    patients = generateur.integers(0, len(scores), len(scores))  # tirés avec remise
    hasard = np.random.RandomState(tirage).rand(len(patients))
    autre = (appel_probable[patients] >= hasard).astype(int)
    meilleurs = np.argsort(-scores[patients])[: autre.sum()]  # autant d'appels, sans correction
    pertes_bootstrap.append(int(reel[patients][meilleurs].sum() - reel[patients][autre == 1].sum()))
bas_b, haut_b = np.quantile(pertes_bootstrap, [0.025, 0.975], method="inverted_cdf")
print(
    f"Réhospitalisés joints en moins, des deux groupes, à nombre d'appels égal (question 4), "
    f"bootstrap : intervalle à 95 % de {int(bas_b)} à {int(haut_b)}."
)

# %% [markdown] session="formative"
# ### Question 6 — Que disent ces deux intervalles ? (1 point)
#
# La cellule ci-dessus affiche deux intervalles à 95 % : celui de la **différence** TFN du
# groupe A − TFN du groupe B après correction, et celui des réhospitalisés joints **en moins**
# à nombre d'appels égal (question 4, bootstrap). Pour chacun, que peut conclure l'équipe ?
# Deux autres cas reprennent le même intervalle des TFN, mais **si** l'équipe avait décidé
# avant l'audit, avec les soignants et les usagers, qu'un écart de TFN de moins de 0,15 (clé
# « différence des TFN, marge 0,15 »), ou de moins de 0,05 (clé « différence des TFN, marge
# 0,05 »), dans un sens ou dans l'autre, est négligeable : que pourrait-elle conclure dans
# chaque cas ? (Ces marges sont choisies pour l'exercice ; dans un vrai audit, la marge se
# justifie cliniquement, avant de voir les données.) Les essais d'équivalence comparent
# souvent la marge à un intervalle à 90 % ; nous gardons ici l'intervalle à 95 % affiché,
# plus large, donc plus prudent.
# `conclusions` est un **dictionnaire** Python : des paires « clé : valeur » entre accolades.
# Ne changez pas les clés ; remplacez chaque `...` par l'une de ces options, **entre
# guillemets** : `"un écart est établi"`, `"l'écart est négligeable (équivalence)"` ou
# `"on ne peut pas conclure"`. Une fois votre réponse juste, la vérification explique ce que
# disent les deux intervalles.
#
# <details><summary>Indice 1</summary>
#
# Un intervalle de confiance rassemble les valeurs compatibles avec les données. Pour chacun,
# où se trouve 0, la valeur « pas d'écart » (pour la perte : aucun réhospitalisé perdu) ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Si 0 est hors de l'intervalle, toutes les valeurs compatibles vont dans le même sens. S'il
# est dedans, des écarts non nuls sont compatibles aussi. Pour affirmer qu'un écart est
# négligeable, il faudrait savoir quel écart est assez petit pour être négligé : l'avait-on
# décidé avant l'audit ?
# </details>

# %% jupyter={"source_hidden": true} session="formative"
# Écarts de TFN jugés négligeables, dans les deux hypothèses de la question 6.
marge_equivalence, marge_etroite = 0.15, 0.05
print(
    f"Marges d'équivalence de la question 6 : {fr_number(marge_equivalence, 2)} et "
    f"{fr_number(marge_etroite, 2)}."
)

# %% [markdown] session="evaluation"
# ### Question 6 — Que disent ces deux intervalles ? (entraînement hors note, 1 point)
#
# La cellule ci-dessus affiche deux intervalles à 95 % : celui de la **différence** TFN du
# groupe A − TFN du groupe B après correction, et celui des réhospitalisés joints **en moins**
# à nombre d'appels égal (question 4, bootstrap). Pour chacun, que peut conclure l'équipe ?
# Deux autres cas reprennent le même intervalle des TFN, mais **si** l'équipe avait décidé
# avant l'audit, avec les soignants et les usagers, qu'un écart de TFN plus petit qu'une
# marge, dans un sens ou dans l'autre, est négligeable : la cellule qui suit cet énoncé
# affiche les deux marges de votre copie (clés « différence des TFN, première marge » et
# « différence des TFN, seconde marge » ; leurs valeurs et leur ordre changent d'une copie à
# l'autre). Que pourrait-elle conclure dans chaque cas ? (Ces marges sont choisies pour l'exercice ; dans un vrai audit, la marge se
# justifie cliniquement, avant de voir les données.) Les essais d'équivalence comparent
# souvent la marge à un intervalle à 90 % ; nous gardons ici l'intervalle à 95 % affiché,
# plus large, donc plus prudent.
# `conclusions` est un **dictionnaire** Python : des paires « clé : valeur » entre accolades.
# Ne changez pas les clés ; remplacez chaque `...` par l'une de ces options, **entre
# guillemets** : `"un écart est établi"`, `"l'écart est négligeable (équivalence)"` ou
# `"on ne peut pas conclure"`. Ici, la vérification dit seulement si votre réponse a la forme
# attendue : cette question d'entraînement n'est pas dans la copie ramassée ; pour un retour,
# refaites-la dans la version formative, publiée après la séance.
#
# <details><summary>Indice 1</summary>
#
# Un intervalle de confiance rassemble les valeurs compatibles avec les données. Pour chacun,
# où se trouve 0, la valeur « pas d'écart » (pour la perte : aucun réhospitalisé perdu) ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Si 0 est hors de l'intervalle, toutes les valeurs compatibles vont dans le même sens. S'il
# est dedans, des écarts non nuls sont compatibles aussi. Pour affirmer qu'un écart est
# négligeable, il faudrait savoir quel écart est assez petit pour être négligé : l'avait-on
# décidé avant l'audit ?
# </details>

# %% jupyter={"source_hidden": true} session="evaluation"
# Les deux marges de votre copie à la question 6 (code replié : lisez ce qu'il affiche).
hasard_marges = np.random.default_rng([graine_etudiant, 6])
marge_large = float(hasard_marges.choice([0.15, 0.20]))
marge_etroite = float(hasard_marges.choice([0.03, 0.05]))
marges_q6 = [marge_large, marge_etroite]
if hasard_marges.integers(2) == 1:
    marges_q6 = [marge_etroite, marge_large]
print(
    f"Question 6, votre copie : première marge {fr_number(marges_q6[0], 2)} ; seconde "
    f"marge {fr_number(marges_q6[1], 2)}."
)

# %% answer="conclusions" session="formative"
# Remplacez chacun des quatre `...` par une option, entre guillemets.
conclusions = {
    "différence des TFN": ...,
    "perte de la question 4": ...,
    "différence des TFN, marge 0,15": ...,
    "différence des TFN, marge 0,05": ...,
}
### BEGIN SOLUTION
conclusions = {
    "différence des TFN": "on ne peut pas conclure",
    "perte de la question 4": "un écart est établi",
    "différence des TFN, marge 0,15": "l'écart est négligeable (équivalence)",
    "différence des TFN, marge 0,05": "on ne peut pas conclure",
}
### END SOLUTION

# %% answer="conclusions" session="evaluation"
# Remplacez chacun des quatre `...` par une option, entre guillemets.
conclusions = {
    "différence des TFN": ...,
    "perte de la question 4": ...,
    "différence des TFN, première marge": ...,
    "différence des TFN, seconde marge": ...,
}
### BEGIN SOLUTION
# Each copy's intervals and margins are its own: the answer follows from where they lie.
conclusions = {
    "différence des TFN": "on ne peut pas conclure"
    if abs(difference_tfn) < marge_difference
    else "un écart est établi",
    "perte de la question 4": "un écart est établi"
    if bas_b > 0 or haut_b < 0
    else "on ne peut pas conclure",
}
for rang, marge in zip(("première", "seconde"), marges_q6, strict=True):
    conclusions[f"différence des TFN, {rang} marge"] = (
        "l'écart est négligeable (équivalence)"
        if abs(difference_tfn) + marge_difference < marge
        else "un écart est établi"
        if abs(difference_tfn) > marge_difference
        else "on ne peut pas conclure"
    )
### END SOLUTION

# %% tests="conclusions" points=1 session="formative"
# Vérification de la question 6 : exécutez cette cellule.
checks.check_choices(
    conclusions,
    name="conclusions",
    options=[
        "un écart est établi",
        "l'écart est négligeable (équivalence)",
        "on ne peut pas conclure",
    ],
    digests={
        "différence des TFN": "603c52c3d1fdadd0",
        "perte de la question 4": "aa653330c42a7ccf",
        "différence des TFN, marge 0,15": "3368cf7d27cfff51",
        "différence des TFN, marge 0,05": "eb1ec74508f75ee1",
    },
    success=(
        "les deux intervalles ne disent pas la même chose. Celui de la différence des TFN "
        "contient 0 : ce jeu de test ne dit ni que les TFN sont égaux, ni qu'un écart subsiste. "
        "Pour conclure à l'égalité, il aurait fallu fixer avant l'audit une marge "
        "d'équivalence (l'écart de TFN jugé négligeable, choisi avec les soignants et les "
        "usagers), puis trouver un intervalle tout entier dans cette marge. Celui de la perte "
        "reste au-dessus de 0 : le coût de la correction ne tient pas au hasard du jeu de test "
        "(celui de l'apprentissage et de la validation n'est pas mesuré ici). Avec une marge "
        "fixée d'avance, l'intervalle des TFN tient tout entier dans la marge : l'équipe "
        "pourrait conclure que l'écart est négligeable au sens qu'elle avait choisi (pas qu'il "
        "est nul) ; avec la marge de 0,05, elle ne le peut pas : une borne dépasse la marge. Le test "
        "d'équivalence usuel (deux tests unilatéraux, TOST) compare à la marge un intervalle "
        "à 90 % ; celui à 95 %, plus large, est plus prudent. Un audit d'équité donne ses "
        "écarts avec leur intervalle."
    ),
    mistakes={
        "différence des TFN": [
            checks.Mistake(
                None,
                "un intervalle qui contient 0 ne prouve pas que l'écart est négligeable : il "
                "contient aussi des écarts non nuls, dans un sens et dans l'autre. "
                "Conclure à l'égalité exigerait une marge d'équivalence (l'écart "
                "jugé négligeable) fixée avant l'audit, et un intervalle tout entier "
                "dans cette marge.",
                digest="e17df592fdf3a253",
            ),
            checks.Mistake(
                None,
                "0 fait partie des valeurs compatibles avec ce jeu de test : "
                "l'écart observé peut tenir au hasard de l'échantillon.",
                digest="b28a29399ab14784",
            ),
        ],
        "différence des TFN, marge 0,15": [
            checks.Mistake(
                None,
                "avec une marge fixée avant l'audit, la question change : "
                "l'intervalle tient-il tout entier dans la marge ? Si oui, tous les "
                "écarts compatibles avec les données sont jugés négligeables, et "
                "l'équipe peut conclure que l'écart est négligeable (équivalence).",
                digest="8894ba5d03466c6c",
            ),
            checks.Mistake(
                None,
                "cet intervalle contient 0 : aucun écart n'est établi. Comparez "
                "plutôt ses deux bornes à la marge fixée d'avance.",
                digest="583b2f0b455acb0a",
            ),
        ],
        "différence des TFN, marge 0,05": [
            checks.Mistake(
                None,
                "comparez les deux bornes de l'intervalle à cette marge-ci : l'une "
                "dépasse 0,05 en valeur absolue. Des écarts plus grands que ce que "
                "l'équipe juge négligeable restent compatibles avec les données : "
                "l'équivalence n'est pas établie.",
                digest="9d83ccb25867e9f4",
            ),
            checks.Mistake(
                None,
                "cet intervalle contient 0 : aucun écart n'est établi, quelle que soit "
                "la marge. Comparez plutôt ses deux bornes à la marge fixée d'avance.",
                digest="75a5521830c44248",
            ),
        ],
        "perte de la question 4": [
            checks.Mistake(
                None,
                "regardez où est 0 : toutes les valeurs de cet intervalle sont "
                "des pertes. La prudence ne consiste pas à refuser de conclure quand "
                "l'intervalle exclut l'absence d'écart.",
                digest="008f684d9cf59ece",
            ),
            checks.Mistake(
                None,
                "une perte nulle est hors de l'intervalle : ce jeu de test "
                "n'est pas compatible avec l'absence de perte.",
                digest="b545f6e6ca66e8f7",
            ),
        ],
    },
    points=1,
)
### BEGIN HIDDEN TESTS
checks.check_choices(
    conclusions,
    name="conclusions",
    options=[
        "un écart est établi",
        "l'écart est négligeable (équivalence)",
        "on ne peut pas conclure",
    ],
    expected={
        # Computed from the intervals, so that the text cannot silently contradict the data.
        "différence des TFN": "on ne peut pas conclure"
        if abs(difference_tfn) < marge_difference
        else "un écart est établi",
        "perte de la question 4": "un écart est établi"
        if bas_b > 0 or haut_b < 0
        else "on ne peut pas conclure",
        "différence des TFN, marge 0,15": "l'écart est négligeable (équivalence)"
        if abs(difference_tfn) + marge_difference < marge_equivalence
        else "un écart est établi"
        if abs(difference_tfn) > marge_difference
        else "on ne peut pas conclure",
        "différence des TFN, marge 0,05": "l'écart est négligeable (équivalence)"
        if abs(difference_tfn) + marge_difference < marge_etroite
        else "un écart est établi"
        if abs(difference_tfn) > marge_difference
        else "on ne peut pas conclure",
    },
    points=1,
)
### END HIDDEN TESTS

# %% tests="conclusions" points=1 session="evaluation"
# Vérification de la question 6 : exécutez cette cellule.
### BEGIN HIDDEN TESTS
# The names of this cell's loops, bound here: the cell reads nothing else from the notebook.
h_q6 = g_q6 = regle_q6 = seuils_q6 = ignore_q6 = tirage_q6 = manques_q6 = None
t_q6 = tires_q6 = autre_q6 = premiers_q6 = cle_q6 = messages_q6 = juste_q6 = faux_q6 = None
rang_q6 = marge_q6 = None
# The copy's two margins, drawn again from its identifier (the draw cell's stream).
hasard_marges_q6 = np.random.default_rng([checks.student_seed("06", announce=False), 6])
marges_q6h = [
    float(hasard_marges_q6.choice([0.15, 0.20])),
    float(hasard_marges_q6.choice([0.03, 0.05])),
]
if hasard_marges_q6.integers(2) == 1:
    marges_q6h = marges_q6h[::-1]
# The copy's own cases, drawn again from its identifier (not from the notebook).
graine_q6 = readmission_case_seed(checks.student_seed("06", announce=False))
cas_q6 = make_readmission_cohort(
    n_samples=6000, prevalence={"A": 0.15, "B": 0.30}, random_state=graine_q6
).frame
x_q6 = cas_q6[["age", "prior_admissions", "length_of_stay", "n_medications"]]
x_q6 = x_q6.assign(groupe_B=(cas_q6["group"] == "B").astype(int))
xa_q6, xt_q6, ya_q6, yt_q6, ga_q6, gt_q6 = train_test_split(
    x_q6, cas_q6["readmitted"], cas_q6["group"], test_size=0.5, random_state=graine_q6
)
xa_q6, xv_q6, ya_q6, yv_q6, ga_q6, gv_q6 = train_test_split(
    xa_q6, ya_q6, ga_q6, test_size=1 / 3, random_state=graine_q6
)
modele_q6 = make_pipeline(StandardScaler(), LogisticRegression()).fit(xa_q6, ya_q6)
scores_q6 = modele_q6.predict_proba(xt_q6)[:, 1]
appel_q6 = (scores_q6 >= 0.3).astype(int)
correction_q6 = ThresholdOptimizer(
    estimator=modele_q6,
    constraints="equalized_odds",
    objective="balanced_accuracy_score",
    prefit=True,
    predict_method="predict_proba",
).fit(xv_q6, yv_q6, sensitive_features=gv_q6)
corrige_q6 = correction_q6.predict(xt_q6, sensitive_features=gt_q6, random_state=0)
regles_q6 = correction_q6.interpolated_thresholder_.interpolation_dict
proba_q6 = np.zeros(len(scores_q6))
for g_q6, regle_q6 in regles_q6.items():
    seuils_q6 = regle_q6["p0"] * regle_q6["operation0"](scores_q6)
    seuils_q6 = seuils_q6 + regle_q6["p1"] * regle_q6["operation1"](scores_q6)
    ignore_q6 = regle_q6.get("p_ignore", 0.0)
    tirage_q6 = ignore_q6 * regle_q6.get("prediction_constant", 0.0) + (1 - ignore_q6) * seuils_q6
    proba_q6 = np.where((gt_q6 == g_q6).to_numpy(), tirage_q6, proba_q6)
reels_q6 = yt_q6.to_numpy() == 1
tfn_q6, n_q6 = {}, {}
for g_q6 in ("A", "B"):
    n_q6[g_q6] = int((reels_q6 & (gt_q6 == g_q6).to_numpy()).sum())
    manques_q6 = (corrige_q6 == 0) & reels_q6 & (gt_q6 == g_q6).to_numpy()
    tfn_q6[g_q6] = manques_q6.sum() / n_q6[g_q6]
d_q6 = tfn_q6["A"] - tfn_q6["B"]
m_q6 = 1.96 * np.sqrt(sum(tfn_q6[h_q6] * (1 - tfn_q6[h_q6]) / n_q6[h_q6] for h_q6 in "AB"))
hasard_q6 = np.random.default_rng(0)
pertes_q6 = []
for t_q6 in range(1000):
    tires_q6 = hasard_q6.integers(0, len(scores_q6), len(scores_q6))
    autre_q6 = proba_q6[tires_q6] >= np.random.RandomState(t_q6).rand(len(tires_q6))
    premiers_q6 = np.argsort(-scores_q6[tires_q6])[: autre_q6.sum()]
    pertes_q6.append(
        int(reels_q6[tires_q6][premiers_q6].sum() - reels_q6[tires_q6][autre_q6].sum())
    )
bas_q6, haut_q6 = np.quantile(pertes_q6, [0.025, 0.975], method="inverted_cdf")
zero_dedans_q6 = abs(d_q6) < m_q6

attendu_q6 = {
    "différence des TFN": "on ne peut pas conclure" if zero_dedans_q6 else "un écart est établi",
    "perte de la question 4": "un écart est établi"
    if bas_q6 > 0 or haut_q6 < 0
    else "on ne peut pas conclure",
}
for rang_q6, marge_q6 in zip(("première", "seconde"), marges_q6h, strict=True):
    attendu_q6[f"différence des TFN, {rang_q6} marge"] = (
        "l'écart est négligeable (équivalence)"
        if abs(d_q6) + m_q6 < marge_q6
        else "on ne peut pas conclure"
        if zero_dedans_q6
        else "un écart est établi"
    )
sans_marge_q6 = {
    ("on ne peut pas conclure", "un écart est établi"): "0 est dans l'intervalle, parmi les "
    "valeurs compatibles avec ce jeu de test : l'écart observé peut tenir au hasard de "
    "l'échantillon.",
    ("on ne peut pas conclure", "l'écart est négligeable (équivalence)"): "sans marge "
    "d'équivalence fixée avant l'audit, on ne peut pas dire qu'un écart est négligeable : "
    "un intervalle qui contient 0 contient aussi des écarts non nuls, dans un sens et dans "
    "l'autre.",
    ("un écart est établi", "on ne peut pas conclure"): "regardez où est 0 : il est hors de "
    "l'intervalle, dont toutes les valeurs vont dans le même sens. La prudence ne consiste "
    "pas à refuser de conclure quand l'intervalle exclut l'absence d'écart.",
    ("un écart est établi", "l'écart est négligeable (équivalence)"): "sans marge "
    "d'équivalence fixée avant l'audit, on ne peut pas dire qu'un écart est négligeable ; et "
    "0 est hors de l'intervalle : ce jeu de test n'est pas compatible avec l'absence d'écart.",
}
avec_marge_q6 = {
    ("l'écart est négligeable (équivalence)", "on ne peut pas conclure"): "avec une marge "
    "fixée avant l'audit, la question change : l'intervalle tient-il tout entier dans la "
    "marge ? Si oui, tous les écarts compatibles avec les données sont jugés négligeables, et "
    "l'équipe peut conclure que l'écart est négligeable (équivalence).",
    ("l'écart est négligeable (équivalence)", "un écart est établi"): "l'intervalle tient tout "
    "entier dans la marge fixée d'avance : tous les écarts compatibles avec les données sont "
    "jugés négligeables. Comparez ses deux bornes à la marge.",
    ("on ne peut pas conclure", "l'écart est négligeable (équivalence)"): "comparez les deux "
    "bornes de l'intervalle à cette marge-ci : l'une la dépasse en valeur absolue. Des écarts "
    "plus grands que ce que l'équipe juge négligeable restent compatibles avec les données : "
    "l'équivalence n'est pas établie.",
    ("on ne peut pas conclure", "un écart est établi"): "cet intervalle contient 0 : aucun "
    "écart n'est établi, quelle que soit la marge. Comparez plutôt ses deux bornes à la marge "
    "fixée d'avance.",
    ("un écart est établi", "l'écart est négligeable (équivalence)"): "comparez les deux "
    "bornes de l'intervalle à cette marge-ci : l'une la dépasse en valeur absolue ; et 0 est "
    "hors de l'intervalle : un écart est établi.",
    ("un écart est établi", "on ne peut pas conclure"): "0 est hors de l'intervalle : un écart "
    "est établi, et une borne dépasse la marge fixée d'avance.",
}
# A margin item answered as the other one: the other version's answer (margins swapped).
autre_version_q6 = {
    "différence des TFN, première marge": attendu_q6["différence des TFN, seconde marge"],
    "différence des TFN, seconde marge": attendu_q6["différence des TFN, première marge"],
}
erreurs_q6 = {
    cle_q6: [
        checks.Mistake(
            faux_q6,
            messages_q6[(juste_q6, faux_q6)]
            + (
                " Cette réponse correspond à des marges dans un autre ordre que les vôtres : "
                "relisez les marges de votre énoncé."
                if autre_version_q6.get(cle_q6) == faux_q6
                else ""
            ),
        )
        for (juste_q6, faux_q6) in messages_q6
        if juste_q6 == attendu_q6[cle_q6]
    ]
    for cle_q6, messages_q6 in (
        ("différence des TFN", sans_marge_q6),
        ("perte de la question 4", sans_marge_q6),
        ("différence des TFN, première marge", avec_marge_q6),
        ("différence des TFN, seconde marge", avec_marge_q6),
    )
}
# For the marker of the reflection (criterion 2): this copy's key figures, printed in the
# graded copy only (hidden tests are not in the released notebook), BEFORE the visible check:
# Q6 is practice done after the session, blank on a collected copy, and check_form raises
# NotAttempted on a blank answer (lecturer d22, finding 1).
taux_q6 = {g_q6: reels_q6[(gt_q6 == g_q6).to_numpy()].mean() for g_q6 in ("A", "B")}
tfn03_q6 = {
    g_q6: ((appel_q6 == 0) & reels_q6 & (gt_q6 == g_q6).to_numpy()).sum() / n_q6[g_q6]
    for g_q6 in ("A", "B")
}
rapport_q6 = (taux_q6["B"] / (1 - taux_q6["B"])) / (taux_q6["A"] / (1 - taux_q6["A"]))
memes_q6 = scores_q6 >= np.sort(scores_q6)[::-1][corrige_q6.sum() - 1]
perte_q6 = int(memes_q6[reels_q6].sum() - corrige_q6[reels_q6].sum())
dans_b_q6 = reels_q6 & (gt_q6 == "B").to_numpy()
perte_b_q6 = int(memes_q6[dans_b_q6].sum() - corrige_q6[dans_b_q6].sum())
print(
    "Pour le correcteur (réflexion, critère 2), les chiffres de cette copie : TFN au seuil 0,3 "
    f"{fr_number(tfn03_q6['A'])} (groupe A) et {fr_number(tfn03_q6['B'])} (groupe B) ; "
    f"rapport des TFP (question 3) {fr_number(rapport_q6, 2)} ; réhospitalisés joints en "
    f"moins, des deux groupes, à nombre d'appels égal (question 4) {perte_q6} (dont groupe "
    f"B : {perte_b_q6}), intervalle bootstrap des deux groupes de "
    f"{int(bas_q6)} à {int(haut_q6)}"
    + (
        " : il contient 0, le prix de la correction n'est pas établi"
        if bas_q6 <= 0 <= haut_q6
        else " : il exclut 0, le prix est établi"
    )
    + f" ; différence des TFN après correction {fr_number(d_q6)}, de {fr_number(d_q6 - m_q6)} "
    f"à {fr_number(d_q6 + m_q6)}."
)
### END HIDDEN TESTS
checks.check_form(
    conclusions,
    name="conclusions",
    kind="choices",
    options=["un écart est établi", "l'écart est négligeable (équivalence)", "on ne peut pas conclure"],
    items=[
        "différence des TFN",
        "perte de la question 4",
        "différence des TFN, première marge",
        "différence des TFN, seconde marge",
    ],
)
### BEGIN HIDDEN TESTS
checks.check_choices(
    conclusions,
    name="conclusions",
    options=["un écart est établi", "l'écart est négligeable (équivalence)", "on ne peut pas conclure"],
    expected=attendu_q6,
    mistakes=erreurs_q6,
    success="chaque intervalle se lit par la place de 0 (la valeur « pas d'écart ») : dedans, "
    "on ne peut pas conclure ; dehors, un écart est établi. Pour dire qu'un écart est "
    "négligeable, il faut une marge d'équivalence fixée avant l'audit (choisie avec les "
    "soignants et les usagers), et un intervalle tout entier dans cette marge : l'écart est "
    "alors négligeable au sens choisi, pas nul. Le test d'équivalence usuel (deux tests "
    "unilatéraux, TOST) compare à la marge un intervalle à 90 % ; celui à 95 %, plus large, "
    "est plus prudent. Un audit d'équité donne ses écarts avec leur intervalle.",
    points=1,
)
### END HIDDEN TESTS

# %% mistake="conclusions" session="formative"
# message : Conclure à l'égalité exigerait une marge d'équivalence
conclusions = {
    "différence des TFN": "l'écart est négligeable (équivalence)",
    "perte de la question 4": "un écart est établi",
    "différence des TFN, marge 0,15": "l'écart est négligeable (équivalence)",
    "différence des TFN, marge 0,05": "on ne peut pas conclure",
}

# %% mistake="conclusions" session="formative"
# message : l'écart observé peut tenir au hasard
conclusions = {
    "différence des TFN": "un écart est établi",
    "perte de la question 4": "un écart est établi",
    "différence des TFN, marge 0,15": "l'écart est négligeable (équivalence)",
    "différence des TFN, marge 0,05": "on ne peut pas conclure",
}

# %% mistake="conclusions" session="formative"
# message : La prudence ne consiste pas à refuser de conclure
conclusions = {
    "différence des TFN": "on ne peut pas conclure",
    "perte de la question 4": "on ne peut pas conclure",
    "différence des TFN, marge 0,15": "l'écart est négligeable (équivalence)",
    "différence des TFN, marge 0,05": "on ne peut pas conclure",
}

# %% mistake="conclusions" session="formative"
# message : n'est pas compatible avec l'absence de perte
conclusions = {
    "différence des TFN": "on ne peut pas conclure",
    "perte de la question 4": "l'écart est négligeable (équivalence)",
    "différence des TFN, marge 0,15": "l'écart est négligeable (équivalence)",
    "différence des TFN, marge 0,05": "on ne peut pas conclure",
}

# %% mistake="conclusions" session="formative"
# message : l'intervalle tient-il tout entier dans la marge
conclusions = {
    "différence des TFN": "on ne peut pas conclure",
    "perte de la question 4": "un écart est établi",
    "différence des TFN, marge 0,15": "on ne peut pas conclure",
    "différence des TFN, marge 0,05": "on ne peut pas conclure",
}

# %% mistake="conclusions" session="formative"
# message : l'une dépasse 0,05 en valeur absolue
conclusions = {
    "différence des TFN": "on ne peut pas conclure",
    "perte de la question 4": "un écart est établi",
    "différence des TFN, marge 0,15": "l'écart est négligeable (équivalence)",
    "différence des TFN, marge 0,05": "l'écart est négligeable (équivalence)",
}

# %% mistake="conclusions" session="evaluation"
# message : sans marge d'équivalence fixée avant l'audit
juste_q6 = {
    "différence des TFN": "on ne peut pas conclure"
    if abs(difference_tfn) < marge_difference
    else "un écart est établi",
    "perte de la question 4": "un écart est établi"
    if bas_b > 0 or haut_b < 0
    else "on ne peut pas conclure",
}
for rang, marge in zip(("première", "seconde"), marges_q6, strict=True):
    juste_q6[f"différence des TFN, {rang} marge"] = (
        "l'écart est négligeable (équivalence)"
        if abs(difference_tfn) + marge_difference < marge
        else "un écart est établi"
        if abs(difference_tfn) > marge_difference
        else "on ne peut pas conclure"
    )
conclusions = {**juste_q6, "différence des TFN": "l'écart est négligeable (équivalence)"}

# %% mistake="conclusions" session="evaluation"
# message : comparez les deux bornes de l'intervalle à cette marge-ci
juste_q6 = {
    "différence des TFN": "on ne peut pas conclure"
    if abs(difference_tfn) < marge_difference
    else "un écart est établi",
    "perte de la question 4": "un écart est établi"
    if bas_b > 0 or haut_b < 0
    else "on ne peut pas conclure",
}
for rang, marge in zip(("première", "seconde"), marges_q6, strict=True):
    juste_q6[f"différence des TFN, {rang} marge"] = (
        "l'écart est négligeable (équivalence)"
        if abs(difference_tfn) + marge_difference < marge
        else "un écart est établi"
        if abs(difference_tfn) > marge_difference
        else "on ne peut pas conclure"
    )
rang_etroite = ["première", "seconde"][marges_q6.index(min(marges_q6))]
etroite = f"différence des TFN, {rang_etroite} marge"
conclusions = {**juste_q6, etroite: "l'écart est négligeable (équivalence)"}

# %% mistake="conclusions" session="evaluation"
# message : on ne peut pas dire qu'un écart est négligeable
juste_q6 = {
    "différence des TFN": "on ne peut pas conclure"
    if abs(difference_tfn) < marge_difference
    else "un écart est établi",
    "perte de la question 4": "un écart est établi"
    if bas_b > 0 or haut_b < 0
    else "on ne peut pas conclure",
}
for rang, marge in zip(("première", "seconde"), marges_q6, strict=True):
    juste_q6[f"différence des TFN, {rang} marge"] = (
        "l'écart est négligeable (équivalence)"
        if abs(difference_tfn) + marge_difference < marge
        else "un écart est établi"
        if abs(difference_tfn) > marge_difference
        else "on ne peut pas conclure"
    )
conclusions = {**juste_q6, "perte de la question 4": "l'écart est négligeable (équivalence)"}

# %% mistake="conclusions" session="evaluation"
# message : relisez les marges de votre énoncé
juste_q6 = {
    "différence des TFN": "on ne peut pas conclure"
    if abs(difference_tfn) < marge_difference
    else "un écart est établi",
    "perte de la question 4": "un écart est établi"
    if bas_b > 0 or haut_b < 0
    else "on ne peut pas conclure",
}
for rang, marge in zip(("première", "seconde"), marges_q6, strict=True):
    juste_q6[f"différence des TFN, {rang} marge"] = (
        "l'écart est négligeable (équivalence)"
        if abs(difference_tfn) + marge_difference < marge
        else "un écart est établi"
        if abs(difference_tfn) > marge_difference
        else "on ne peut pas conclure"
    )
premiere, seconde = "différence des TFN, première marge", "différence des TFN, seconde marge"
conclusions = {**juste_q6, premiere: juste_q6[seconde], seconde: juste_q6[premiere]}

# %% [markdown]
# <details><summary>Pour aller plus loin (lecture facultative)</summary>
#
# **Piège.** `MetricFrame.difference_ci()` (fairlearn) estime par **bootstrap** (le calcul
# refait sur des tirages avec remise) l'intervalle de l'écart « plus grand moins plus
# petit », toujours positif : sa borne basse ne descend jamais sous 0.
# </details>
#
# ### Pour aller plus loin : l'explorateur du prix de l'équité
#
# **Partie 1.** Les curseurs imposent la même VPP et le même TFN aux deux groupes ; les barres
# montrent le TFP imposé à chacun. Peut-on les égaliser ? Et avec « Même taux » ?
#
# **Partie 2.** Avec et sans correction : qu'est-ce qui devient égal, qu'est-ce qui s'écarte ?

# %%
# Les valeurs de départ des curseurs (vous pourrez les changer dans l'explorateur).
p_a, p_b = taux_voulus["A"], taux_voulus["B"]  # taux visés par le générateur : 15 % et 30 %
vpp_cible = 0.35  # VPP de départ, la même dans les deux groupes
tfn_cible = 0.20  # TFN de départ, le même dans les deux groupes
tfp_imposes = {
    groupe: taux_groupe / (1 - taux_groupe) * (1 - vpp_cible) / vpp_cible * (1 - tfn_cible)
    for groupe, taux_groupe in (("A", p_a), ("B", p_b))
}
print(
    f"Au départ (VPP {fr_number(vpp_cible, 2)} et TFN {fr_number(tfn_cible, 2)} dans les deux "
    f"groupes, taux visés) : l'identité impose un TFP de {fr_number(tfp_imposes['A'])} au "
    f"groupe A et de {fr_number(tfp_imposes['B'])} au groupe B."
)
score_b, reel_b = scores[dans_b], reel[dans_b]
seuil_b = np.quantile(score_b[reel_b], tfn_cible)  # ne manque que 20 % des réhospitalisés de B
tfp_score_b = np.mean(score_b[~reel_b] >= seuil_b)
print(
    f"Sur notre score, le seuil qui ne manque que {fr_percent(tfn_cible, 0)} des réhospitalisés "
    f"du groupe B y a un TFP de {fr_number(tfp_score_b)} (jeu de test)."
)
assert tfp_score_b < tfp_imposes["B"]  # le texte replié ci-dessous le dit
explorateur = FairnessExplorer(
    {
        "Taux visés : A 15 %, B 30 %": {"A": p_a, "B": p_b},
        "Même taux : A 20 %, B 20 %": {"A": 0.20, "B": 0.20},
        "Écart plus fort : A 10 %, B 50 %": {"A": 0.10, "B": 0.50},
    },
    ppv=vpp_cible,
    fnr=tfn_cible,
    y_true=y_test,
    y_pred=appel,
    y_pred_mitigated=appel_corrige,
    sensitive_features=groupe_test,
    base_rate="taux de réhospitalisation",
    # L'écart de parité sans correction est la réponse de la question 1 : caché jusque-là.
    parity_gap_note=None
    if checks.passed("ecart_parite")
    else "la réponse de la question 1, affichée ici quand sa vérification aura affiché « ✔ Correct » "
    "(relancez alors cette cellule ; en séance évaluée, elle reste masquée)",
)
explorateur

# %% [markdown]
# <details><summary>Ces valeurs de départ sont-elles réalistes ?</summary>
#
# Non : elles sont choisies pour le calcul. Dans le groupe B, où 30 % des patients sont
# réhospitalisés, des appels au hasard donneraient déjà une VPP de 0,30 : une VPP de 0,35 vaut
# à peine mieux. Et le TFP qu'elles imposent au groupe B, environ 0,64 (affiché au-dessus de
# l'explorateur), voudrait dire appeler près de deux non-réhospitalisés sur trois de ce
# groupe ; le seuil de notre score qui manque aussi peu de réhospitalisés en appelle bien
# moins (son TFP est affiché lui aussi).
# </details>
#
# ### Pour aller plus loin : lire les règles apprises par la correction
#
# La cellule lit, pour chaque groupe, la règle de la section 6 : la probabilité d'être appelé
# sous le seuil bas, entre les deux seuils et au-dessus du seuil haut, la part des décisions
# tirées au sort quel que soit le score, et si la règle revient presque à un seuil unique.
# Elle compte aussi, dans le jeu de test, les appels sous le seuil bas et les non-appels
# au-dessus du seuil haut.

# %% jupyter={"source_hidden": true}
# Les règles apprises, lues pour vous (code replié : lisez ce qu'il affiche).
for groupe in ("A", "B"):
    regle = regles_apprises[groupe]
    bas, haut = seuils[groupe]
    print(f"Groupe {groupe} : probabilité d'être appelé {lecture(groupe)}.")
    if regle.get("p_ignore", 0.0) > 0:
        print(
            f"  À tout score, {fr_percent(regle['p_ignore'], 0)} des décisions sont tirées au "
            "sort (appel avec une probabilité de "
            f"{fr_percent(regle.get('prediction_constant', 0.0), 0)}) ; les autres suivent "
            "les seuils."
        )
    entre = proba_appel((bas + haut) / 2, regle)
    if regle.get("p_ignore", 0.0) < 0.01 and not 0.05 < entre < 0.95:
        print("  La règle revient presque à un seuil unique.")
    else:
        print("  Ce n'est pas un seuil unique : une part des appels est tirée au sort.")
    dans_groupe = (groupe_test == groupe).to_numpy()
    sous, dessus = dans_groupe & (scores < bas), dans_groupe & (scores > haut)
    print(
        f"  Dans le jeu de test : patients au score inférieur à {fr_number(bas)} appelés : "
        f"{appel_corrige[sous].sum()} sur {sous.sum()} ; patients au score supérieur à "
        f"{fr_number(haut)} non appelés : {(1 - appel_corrige[dessus]).sum()} sur {dessus.sum()}."
    )

# %% [markdown]
# ### Pour aller plus loin : un autre jeu de validation, d'autres règles
#
# Les règles de la section 6 ont été apprises sur un seul jeu de validation, petit. La cellule
# refait tout le calcul avec trois autres partages des séjours d'apprentissage entre
# apprentissage et validation (le modèle, réappris, change un peu lui aussi), sur le même jeu
# de test et avec le même tirage au sort.

# %% jupyter={"source_hidden": true} reveal="vp_perdus" session="formative"
# Inutile de lire ce code (replié) : la correction apprise sur trois autres jeux de validation.
# La section 8 dit la fourchette du bootstrap plus large que celle du tirage au sort
# (question 4) : c'est vérifié ici, où les deux sont calculées.
assert haut_b - bas_b > haut_pertes - bas_pertes
# Les séjours d'apprentissage et de validation, réunis comme avant le partage de la section 2.
X_tout, _, y_tout, _, groupe_tout, _ = train_test_split(
    variables, cohorte["rehospitalise"], cohorte["groupe"], test_size=0.5, random_state=0
)
resultats = {}
for partage in (0, 1, 2, 3):  # 0 : le partage de la section 2
    X_a, X_v, y_a, y_v, _, g_v = train_test_split(
        X_tout, y_tout, groupe_tout, test_size=1 / 3, random_state=partage
    )
    modele_p = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_a, y_a)
    correction_p = ThresholdOptimizer(
        estimator=modele_p,
        constraints="equalized_odds",
        objective="balanced_accuracy_score",
        prefit=True,
        predict_method="predict_proba",
    )
    correction_p.fit(X_v, y_v, sensitive_features=g_v)
    scores_p = modele_p.predict_proba(X_test)[:, 1]
    appel_p = correction_p.predict(X_test, sensitive_features=groupe_test, random_state=0)
    meme_nombre_p = scores_p >= np.sort(scores_p)[::-1][appel_p.sum() - 1]
    regles_p = correction_p.interpolated_thresholder_.interpolation_dict
    resultats[partage] = {
        "perte": int(meme_nombre_p[reel].sum() - appel_p[reel].sum()),
        "b_avant": int((scores_p >= seuil_appel)[reel & dans_b].sum()),
        "b_apres": int(appel_p[reel & dans_b].sum()),
        "tires": [g for g in ("A", "B") if regles_p[g].get("p_ignore", 0.0) > 0.01],
        "rehosp": y_v.groupby(g_v, observed=True).sum(),
    }
for partage, r in resultats.items():
    tires = f"dans le groupe {' et '.join(r['tires'])}" if r["tires"] else "dans aucun groupe"
    # La perte du partage 0 est la réponse de la question 4 : seulement une fois juste.
    perte = (
        f"{r['perte']} réhospitalisés joints de moins à nombre d'appels égal"
        if partage > 0 or checks.passed("vp_perdus")
        else "perte à nombre d'appels égal : celle de la question 4 (affichée ici quand sa "
        "vérification aura affiché « ✔ Correct »)"
    )
    print(
        f"Partage {partage}{' (celui de la section 2)' if partage == 0 else ''} : "
        f"validation avec {r['rehosp']['A']} réhospitalisés du groupe A et {r['rehosp']['B']} "
        f"du groupe B ; décisions tirées au sort à tout score {tires} ; {perte} ; groupe B : "
        f"{r['b_avant']} → {r['b_apres']} réhospitalisés joints face au seuil 0,3."
    )
pertes_b = [r["b_avant"] - r["b_apres"] for r in resultats.values()]
print(
    f"Le groupe B perd des réhospitalisés joints face au seuil 0,3 dans "
    f"{sum(perte > 0 for perte in pertes_b)} des {len(resultats)} partages (de "
    f"{min(pertes_b)} à {max(pertes_b)})."
)
# Le texte qui suit s'appuie sur ces constats : le calcul s'arrête s'ils ne tiennent plus.
assert (
    resultats[0]["perte"]
    == comparaison.loc["même nombre", "joints"] - comparaison.loc["correction", "joints"]
)  # le partage 0 refait bien le calcul de la section 7
assert len({r["perte"] for r in resultats.values()}) > 1  # la perte change
assert len({tuple(r["tires"]) for r in resultats.values()}) > 1  # le groupe tiré au sort aussi

# %% jupyter={"source_hidden": true} reveal="vp_perdus" session="evaluation"
# Inutile de lire ce code (replié) : la correction apprise sur trois autres jeux de validation.
# La section 8 dit la fourchette du bootstrap plus large que celle du tirage au sort
# (question 4) : c'est vérifié ici, où les deux sont calculées.
assert haut_b - bas_b > haut_pertes - bas_pertes
# Les séjours d'apprentissage et de validation, réunis comme avant le partage de la section 2.
X_tout, _, y_tout, _, groupe_tout, _ = train_test_split(
    variables, cohorte["rehospitalise"], cohorte["groupe"], test_size=0.5, random_state=graine
)
resultats = {}
# Partage 0 : celui de la section 2 (tiré de votre identifiant) ; puis trois autres.
for partage, graine_partage in enumerate((graine, 1, 2, 3)):
    X_a, X_v, y_a, y_v, _, g_v = train_test_split(
        X_tout, y_tout, groupe_tout, test_size=1 / 3, random_state=graine_partage
    )
    modele_p = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_a, y_a)
    correction_p = ThresholdOptimizer(
        estimator=modele_p,
        constraints="equalized_odds",
        objective="balanced_accuracy_score",
        prefit=True,
        predict_method="predict_proba",
    )
    correction_p.fit(X_v, y_v, sensitive_features=g_v)
    scores_p = modele_p.predict_proba(X_test)[:, 1]
    appel_p = correction_p.predict(X_test, sensitive_features=groupe_test, random_state=0)
    meme_nombre_p = scores_p >= np.sort(scores_p)[::-1][appel_p.sum() - 1]
    regles_p = correction_p.interpolated_thresholder_.interpolation_dict
    resultats[partage] = {
        "perte": int(meme_nombre_p[reel].sum() - appel_p[reel].sum()),
        "b_avant": int((scores_p >= seuil_appel)[reel & dans_b].sum()),
        "b_apres": int(appel_p[reel & dans_b].sum()),
        "tires": [g for g in ("A", "B") if regles_p[g].get("p_ignore", 0.0) > 0.01],
        "rehosp": y_v.groupby(g_v, observed=True).sum(),
    }
for partage, r in resultats.items():
    tires = f"dans le groupe {' et '.join(r['tires'])}" if r["tires"] else "dans aucun groupe"
    # La perte du partage 0 est une réponse possible de la question 4 : jamais affichée.
    perte = (
        f"{r['perte']} réhospitalisés joints de moins à nombre d'appels égal"
        if partage > 0
        else "perte des deux groupes à nombre d'appels égal : non affichée ici (une des "
        "réponses possibles de la question 4)"
    )
    print(
        f"Partage {partage}{' (celui de la section 2)' if partage == 0 else ''} : "
        f"validation avec {r['rehosp']['A']} réhospitalisés du groupe A et {r['rehosp']['B']} "
        f"du groupe B ; décisions tirées au sort à tout score {tires} ; {perte} ; groupe B : "
        f"{r['b_avant']} → {r['b_apres']} réhospitalisés joints face au seuil 0,3."
    )
pertes_b = [r["b_avant"] - r["b_apres"] for r in resultats.values()]
print(
    f"Le groupe B perd des réhospitalisés joints face au seuil 0,3 dans "
    f"{sum(perte > 0 for perte in pertes_b)} des {len(resultats)} partages (de "
    f"{min(pertes_b)} à {max(pertes_b)})."
)
# Le texte qui suit s'appuie sur ces constats : le calcul s'arrête s'ils ne tiennent plus.
assert (
    resultats[0]["perte"]
    == comparaison.loc["même nombre", "joints"] - comparaison.loc["correction", "joints"]
)  # le partage 0 refait bien le calcul de la section 7
assert len({r["perte"] for r in resultats.values()}) > 1  # la perte change
assert len({tuple(r["tires"]) for r in resultats.values()}) > 1  # le groupe tiré au sort aussi

# %% [markdown] reveal="vp_perdus"
# D'un jeu de validation à l'autre, le groupe dont une part des décisions est tirée au sort et
# la perte à nombre d'appels égal changent : avec si peu de réhospitalisés, surtout dans le
# groupe A, les règles apprises suivent en partie le hasard du tirage des séjours. Ces quatre
# partages réutilisent les mêmes séjours : ils montrent la variabilité, pas sa mesure
# complète. Les chiffres de la section 7 décrivent un tirage, pas une loi ; un audit sérieux
# apprendrait et vérifierait la correction sur bien plus de séjours.

# %% [markdown]
# Pourquoi un tirage au sort ? Hardt et al. (2016) l'expliquent : il ne sert qu'à atteindre
# un compromis entre erreurs qu'aucun seuil n'atteint dans l'un des groupes. Si les deux
# groupes avaient la même courbe ROC (la courbe des couples sensibilité, TFP de tous les
# seuils), deux seuils suffiraient. C'est le cas de notre générateur, dans la population :
# les variables des réhospitalisés, comme celles des autres, y ont la même distribution dans
# les deux groupes ; seul le taux de réhospitalisation change. Estimées sur peu de séjours
# de validation, les deux courbes diffèrent par hasard : d'où une loterie, qui dépend des
# séjours de validation tirés ; rien, dans ces règles, n'est inévitable.
#
# Un seuil propre à chaque groupe, même sans tirage au sort, traite différemment deux patients
# au même score ; une décision tirée au sort est, en plus, difficile à justifier devant le
# patient.
#
# ### Le droit : mesurer l'équité suppose de connaître le groupe (à lire pour la question 7)
#
# La cellule suivante affiche, tirés de la bibliothèque du cours (`esn_teach.law`), le résumé
# daté du règlement (UE) 2026/1744, qui a modifié le règlement sur l'IA, et la date de la
# dernière vérification des textes juridiques du cours. Cette date ne garantit pas que chaque
# texte cité plus bas ait été relu ce jour-là.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : un texte daté, tiré de la bibliothèque du cours.
modification = reference("UE 2026/1744")
print(f"{modification.citation} ({' '.join(modification.date_label.split())}).")
print(f"{modification.title}. {' '.join(modification.summary.split())}")
print(f"Texte officiel : {modification.url}")
print(
    f"Dernière vérification des textes juridiques du cours : {LEGAL_FACTS_LAST_CHECKED:%d/%m/%Y}."
    " Ce sont des résumés, pas un conseil juridique."
)

# %% [markdown]
# > **L'essentiel, en cinq points** (le détail suit ; les deux parties « La discrimination »
# > et « Là où elle est interdite » servent à la question 7).
# > - Mesurer l'équité envers un groupe suppose de connaître ce groupe : l'origine et la
# >   santé sont des données **sensibles**, dont le traitement est interdit sauf exceptions.
# > - Un hôpital peut les traiter dans les exceptions prévues (soins, santé publique,
# >   recherche), avec une base légale et, en France, souvent une formalité auprès de la CNIL.
# > - Le règlement européen sur l'IA demande au fournisseur d'un système **à haut risque**
# >   d'examiner ses données à la recherche de biais ; il a été modifié en 2026.
# > - Des seuils différents selon le groupe traitent différemment deux patients au même
# >   score : c'est le risque d'une **discrimination directe** (loi n° 2008-496).
# > - Pour l'âge ou le lieu de résidence, l'hôpital peut invoquer un **but légitime** ; pour
# >   l'origine, jamais. Un juge dit, au cas par cas, si la justification tient.
#
# <details><summary>Le détail : données sensibles, statistiques ethniques, règlement sur l'IA,
# dispositif médical, voies licites (replié, à lire si vous voulez aller plus loin)</summary>
#
# - **Des données sensibles.** L'origine raciale ou ethnique et les données de santé sont des
#   « catégories particulières » de données, dont le traitement est interdit sauf exceptions
#   (RGPD, art. 9).
# - **Les statistiques ethniques en France.** Le Conseil constitutionnel a jugé que les
#   traitements nécessaires aux études sur la diversité des origines et les discriminations
#   « peuvent porter sur des données objectives », mais « ne sauraient […] reposer sur l'origine
#   ethnique ou la race » (décision n° 2007-557 DC du 15 novembre 2007 ; l'article en cause
#   a aussi été censuré pour un motif de procédure, comme ajouté par un amendement sans lien
#   avec le projet de loi). Mesurer l'équité envers
#   un groupe défini par l'origine est donc très encadré.
# - **Le règlement européen sur l'IA** (règlement (UE) 2024/1689). Dans son texte publié au
#   Journal officiel le 12 juillet 2024, il demande au **fournisseur** d'un système d'IA
#   **à haut risque** d'examiner ses données à la recherche de biais (art. 10). **Attention :**
#   le règlement (UE) 2026/1744 du 8 juillet 2026 (*Journal officiel* du 24 juillet 2026)
#   l'a modifié ; il a notamment repoussé les règles du haut risque au 2 décembre 2027
#   (usages de l'annexe III) et au 2 août 2028 (produits de l'annexe I, dont les dispositifs
#   médicaux) : voir le résumé daté affiché ci-dessus.
# - **Détecter les biais avec des données sensibles.** Dans son texte de 2024, le règlement
#   sur l'IA permettait au fournisseur d'un système à haut risque de traiter,
#   exceptionnellement et avec des garanties, ces catégories particulières de données, dans
#   la mesure strictement nécessaire pour détecter et corriger des biais (art. 10, § 5). Le
#   règlement (UE) 2026/1744 a modifié d'autres articles ; ce module ne dit pas ce qu'il a
#   changé à cette règle, faute d'avoir pu lire son texte au *Journal officiel* : lisez la
#   version consolidée sur EUR-Lex avant de vous appuyer sur elle. Le RGPD continue de
#   s'appliquer.
# - **Un dispositif médical ?** Est un dispositif médical un logiciel destiné par son
#   fabricant à des fins médicales, dont la « prédiction » ou le « pronostic » d'une maladie
#   (règlement (UE) 2017/745, art. 2, point 1). Tout dépend donc de la finalité que déclare
#   le fabricant. Un score présenté comme le pronostic de réhospitalisation d'un patient
#   donné, pour décider de ses soins, pourrait en être un ; un outil présenté comme servant
#   seulement à organiser le travail de l'équipe (planifier les appels de suivi) peut ne pas
#   en être un (guide MDCG 2019-11, non contraignant). S'il en est un, c'est, dans le texte
#   de 2024 du règlement sur l'IA, la voie la plus probable vers le « haut risque » (art. 6,
#   § 1, et annexe I, si l'évaluation de sa conformité fait intervenir un organisme
#   notifié). Le patient devrait alors en être informé par le professionnel qui l'utilise
#   (le professionnel « s'assure que la personne concernée en a été informée » : code de la
#   santé publique, art. L. 4001-3, pour les dispositifs appris sur des données massives ;
#   voir le module 01). Une autre voie vers le « haut risque » est possible (art. 6, § 2) :
#   l'annexe III, point 5 a), vise les systèmes destinés à être utilisés par des autorités
#   publiques, ou pour leur compte, pour évaluer l'éligibilité des personnes aux prestations
#   et services d'aide publique essentiels, y compris les services de soins de santé. Un CHU
#   qui attribuerait l'appel de suivi avec un score pourrait en relever ; il devrait alors,
#   comme organisme de droit public, analyser avant la première utilisation l'impact du
#   système sur les droits fondamentaux (art. 27).
# - **Les voies licites.** Un hôpital peut traiter des données de santé, et d'autres données
#   sensibles, dans les exceptions de l'article 9, paragraphe 2, du RGPD : la prise en charge
#   sanitaire et la gestion des services de soins (point h), l'intérêt public dans le domaine
#   de la santé publique (point i), la recherche et les statistiques (point j). En France,
#   une étude ou une évaluation dans le domaine de la santé suit en plus la loi Informatique
#   et Libertés (articles 66 et 72 et suivants) : une méthodologie de référence de la CNIL,
#   c'est-à-dire un cadre type publié par la CNIL, ou à défaut son autorisation. Mesurer
#   l'équité sur des données de santé est donc possible, avec une exception de l'article 9,
#   une base légale (article 6 du RGPD) et, en France, le plus souvent une formalité : la loi
#   en dispense notamment les études faites par l'équipe de soins à partir de ses propres
#   données, pour son seul usage (loi Informatique et Libertés, art. 65, 2°).
# </details>

# %% [markdown]
# #### La discrimination
#
# Est une **discrimination directe** le fait de traiter une personne
# moins favorablement qu'une autre, dans une situation comparable, en raison notamment de
# son origine, de son lieu de résidence ou de son état de santé (loi n° 2008-496 du 27 mai
# 2008, art. 1er, qui cite aussi l'âge) ; c'est le risque des seuils par groupe (section 6),
# qui traitent différemment deux patients au même score à cause de leur groupe. Notre score
# utilise lui-même le groupe comme variable : une différence de traitement à justifier, elle
# aussi. Un score qui différencie les patients selon leur état de santé relève, lui, en
# principe du soin : deux patients de risques cliniques différents ne sont pas, en général,
# dans une « situation comparable » au regard du soin, et adapter le soin au besoin médical
# n'est pas une discrimination. La question se pose quand le score désavantage, à besoin
# égal, les patients d'un groupe protégé (origine, lieu de résidence, âge…).
#
# Le même article définit la **discrimination indirecte** : « une disposition, un critère ou une pratique
# neutre en apparence, mais susceptible d'entraîner, pour l'un des motifs mentionnés au
# premier alinéa, un désavantage particulier pour des personnes par rapport à d'autres
# personnes, à moins que cette disposition, ce critère ou cette pratique ne soit
# objectivement justifié par un but légitime et que les moyens pour réaliser ce but ne
# soient nécessaires et appropriés ». Une règle neutre en apparence (par exemple un seuil
# unique sur un score qui n'utiliserait pas le groupe) qui manque beaucoup plus de
# réhospitalisés dans un groupe devrait donc être justifiée.

# %% [markdown]
# #### Là où elle est interdite
#
# L'article 2 (3°) de la même loi interdit « toute
# discrimination directe ou indirecte fondée sur un motif mentionné à l'article 1er […] en
# matière de protection sociale, de santé, d'avantages sociaux, d'éducation, d'accès aux
# biens et services ou de fourniture de biens et services ». Son alinéa suivant écarte de
# cette interdiction les différences « justifiées par un but légitime » lorsque « les
# moyens de parvenir à ce but sont nécessaires et appropriés » ; le troisième refuse cette
# dérogation aux différences fondées notamment sur l'origine ou le patronyme : des seuils
# par groupe d'origine ne pourraient pas l'invoquer.
#
# Si nos groupes A et B sont deux **territoires** (l'exemple de la section 1), le lieu de
# résidence est un motif de l'article 1er, et l'exception peut jouer : l'interdiction de
# l'article 2 (3°) ne vise pas des seuils par territoire justifiés par un but légitime,
# avec des moyens nécessaires et appropriés. La loi dit seulement que cette interdiction
# ne les vise pas ; elle ne les autorise pas pour autant. C'est à l'hôpital de démontrer
# ce but et cette nécessité, un juge en déciderait au cas par cas, et les autres règles
# restent : nul ne peut être discriminé dans l'accès à la prévention ou aux soins (code de
# la santé publique, art. L. 1110-3). Le lieu de résidence peut aussi servir d'indicateur
# indirect de l'origine : si un territoire compte surtout des personnes d'une même origine,
# un seuil par territoire peut les désavantager en pratique, et c'est alors une
# discrimination indirecte liée à l'origine qu'il faudrait examiner (article 1er).
#
# Enfin, la preuve est aménagée : la personne qui s'estime discriminée présente « les faits qui
# permettent d'en présumer l'existence » ; il appartient alors à la partie défenderesse (ici
# l'hôpital) de prouver que la mesure est « justifiée par des éléments objectifs étrangers à
# toute discrimination » (loi n° 2008-496, art. 4 ; pas devant les juridictions pénales).

# %% [markdown] session="formative"
# ### Question 7 — Vrai ou faux ? (2 points)
#
# Jugez chacune de ces quatre affirmations, en appliquant ce que vous avez lu à des cas que le
# texte ne traite pas :
#
# | Clé | Affirmation |
# |---|---|
# | « score calibré, donc même VPP » | Notre score est calibré dans chaque groupe ; au seuil 0,3, les VPP des deux groupes ne peuvent pas différer. |
# | « changer de seuil » | L'équipe passe du seuil 0,3 au seuil 0,2 sans toucher au modèle : les TFN et les TFP des deux groupes changent, et le diagramme de fiabilité reste identique. |
# | « seuils par âge » | Un service fixe un seuil d'appel plus bas pour les patients de plus de 75 ans, parce qu'une réhospitalisation y est plus grave. Au regard de l'article 2 (3°) de la loi de 2008 (un juge dirait, au cas par cas, si la justification tient), l'hôpital peut invoquer pour cette règle l'exception du but légitime, poursuivi avec des moyens nécessaires et appropriés. |
# | « seuils par pays de naissance » | Pour réduire l'écart de TFN, un hôpital fixe des seuils d'appel différents selon le pays de naissance des patients (un critère d'origine). Au regard de l'article 2 (3°) de la loi de 2008 (un juge dirait, au cas par cas, si la justification tient), l'hôpital peut invoquer pour cette règle l'exception du but légitime, poursuivi avec des moyens nécessaires et appropriés. |
#
# `vrai_ou_faux` est un **dictionnaire** Python : des paires « clé : valeur » entre
# accolades. Ne changez pas les clés ; remplacez chaque `...` par `"vrai"` ou `"faux"`,
# **entre guillemets**.
#
# **Notation.** Chaque item juste rapporte un demi-point ; chaque item faux en retire un demi
# (répondre au hasard rapporte donc très peu). Quatre justes : 2 points ; trois
# justes et un faux : 1 point ; deux et deux : 0. Un item laissé `...` ne rapporte ni ne
# retire rien : trois justes et un laissé, 1,5 point.
#
# <details><summary>Indice 1</summary>
#
# Pour les deux premières : la calibration a-t-elle besoin d'un seuil ? Que montre le
# tableau de la section 3 pour les VPP des deux groupes au seuil 0,3 ? Qu'est-ce qui, dans un
# TFN ou un TFP, dépend du seuil ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Pour les deux dernières : relisez « Là où elle est interdite ». Quel motif de l'article 1er
# est en jeu dans chaque cas ? L'exception du « but légitime » vaut-elle pour ce motif ?
# </details>

# %% [markdown] session="evaluation"
# ### Question 7 — Vrai ou faux ? (entraînement hors note, 2 points)
#
# Jugez chacune des quatre affirmations qu'affiche la cellule suivante, en appliquant ce que
# vous avez lu à des cas que le texte ne traite pas. Elles sont propres à votre copie : pour
# chaque sujet, certaines copies ont une affirmation vraie, d'autres une affirmation fausse.
# Le nombre d'affirmations vraies varie donc d'une copie à l'autre, de zéro à quatre : jugez
# chacune pour elle-même.
#
# `vrai_ou_faux` est un **dictionnaire** Python : des paires « clé : valeur » entre
# accolades. Ne changez pas les clés (le sujet de chaque affirmation) ; remplacez chaque
# `...` par `"vrai"` ou `"faux"`, **entre guillemets**.
#
# **Notation.** Chaque item juste rapporte un demi-point ; chaque item faux en retire un demi
# (répondre au hasard rapporte donc très peu). Quatre justes : 2 points ; trois
# justes et un faux : 1 point ; deux et deux : 0. Un item laissé `...` ne rapporte ni ne
# retire rien : trois justes et un laissé, 1,5 point.
#
# <details><summary>Indice 1</summary>
#
# Pour les deux premières : la calibration a-t-elle besoin d'un seuil ? Elle compare,
# score par score, le risque annoncé à la part réhospitalisée : que dit-elle de la part
# réhospitalisée parmi **tous** les appelés d'un groupe, quels que soient leurs scores
# au-dessus de 0,3 ? Qu'est-ce qui, dans un TFN ou un TFP, dépend du seuil ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Pour les deux dernières : relisez « Là où elle est interdite ». Quel motif de l'article 1er
# est en jeu dans chaque cas ? L'exception du « but légitime » vaut-elle pour ce motif ?
# </details>

# %% jupyter={"source_hidden": true} session="evaluation"
# Les quatre affirmations de votre copie (code replié : lisez ce qu'il affiche).
def _afficher_q7():
    from esn_teach.datasets._readmission_tasks import _question_7_statements

    for sujet, texte in _question_7_statements(graine_etudiant).items():
        print(f"« {sujet} » : {texte}")


_afficher_q7()

# %% answer="vrai_ou_faux" session="formative"
# Remplacez chacun des quatre `...` par "vrai" ou "faux", entre guillemets.
vrai_ou_faux = {
    "score calibré, donc même VPP": ...,
    "changer de seuil": ...,
    "seuils par âge": ...,
    "seuils par pays de naissance": ...,
}
### BEGIN SOLUTION
vrai_ou_faux = {
    "score calibré, donc même VPP": "faux",
    "changer de seuil": "vrai",
    "seuils par âge": "vrai",
    "seuils par pays de naissance": "faux",
}
### END SOLUTION

# %% tests="vrai_ou_faux" points=2 session="formative"
# Vérification de la question 7 : exécutez cette cellule.
checks.check_choices(
    vrai_ou_faux,
    name="vrai_ou_faux",
    options=["vrai", "faux"],
    digests={
        "score calibré, donc même VPP": "b48536008659839b",
        "changer de seuil": "6a9eca0469f5ba40",
        "seuils par âge": "36b9db54c87c87cf",
        "seuils par pays de naissance": "b308652d5299f138",
    },
    mistakes={
        "score calibré, donc même VPP": [
            checks.Mistake(
                None,
                "relisez, à la section 4, sur quoi porte la calibration et ce "
                "qu'exige la parité prédictive, puis la colonne des VPP du tableau de "
                "la section 3. Calibration et parité prédictive sont deux critères "
                "distincts.",
                digest="fc836180381bb74d",
            ),
        ],
        "changer de seuil": [
            checks.Mistake(
                None,
                "relisez, à la section 4, comment se construit le diagramme de "
                "fiabilité (que compare chaque point ?), puis, à la section 3, ce que "
                "comptent le TFN et le TFP : lequel des deux dépend du seuil ?",
                digest="a17ab4f3cdf7d456",
            ),
        ],
        "seuils par âge": [
            checks.Mistake(
                None,
                "relisez « Là où elle est interdite » : à quels motifs le troisième "
                "alinéa refuse-t-il l'exception du but légitime ? L'âge est-il "
                "l'un d'eux ?",
                digest="7273e7f11221638e",
            ),
        ],
        "seuils par pays de naissance": [
            checks.Mistake(
                None,
                "relisez « Là où elle est interdite » : à quels motifs le troisième "
                "alinéa refuse-t-il l'exception du but légitime ? Quel motif "
                "l'affirmation met-elle en jeu ?",
                digest="7d151b46baa42f7f",
            ),
        ],
    },
    points=2,
)
### BEGIN HIDDEN TESTS
checks.check_choices(
    vrai_ou_faux,
    name="vrai_ou_faux",
    options=["vrai", "faux"],
    expected={
        "score calibré, donc même VPP": "faux",
        "changer de seuil": "vrai",
        "seuils par âge": "vrai",
        "seuils par pays de naissance": "faux",
    },
    points=2,
)
### END HIDDEN TESTS

# %% mistake="vrai_ou_faux" session="formative"
# message : Calibration et parité prédictive sont deux critères distincts
vrai_ou_faux = {
    "score calibré, donc même VPP": "vrai",
    "changer de seuil": "vrai",
    "seuils par âge": "vrai",
    "seuils par pays de naissance": "faux",
}

# %% mistake="vrai_ou_faux" session="formative"
# message : comment se construit le diagramme de
vrai_ou_faux = {
    "score calibré, donc même VPP": "faux",
    "changer de seuil": "faux",
    "seuils par âge": "vrai",
    "seuils par pays de naissance": "faux",
}

# %% mistake="vrai_ou_faux" session="formative"
# message : L'âge est-il
vrai_ou_faux = {
    "score calibré, donc même VPP": "faux",
    "changer de seuil": "vrai",
    "seuils par âge": "faux",
    "seuils par pays de naissance": "faux",
}

# %% mistake="vrai_ou_faux" session="formative"
# message : Quel motif
vrai_ou_faux = {
    "score calibré, donc même VPP": "faux",
    "changer de seuil": "vrai",
    "seuils par âge": "vrai",
    "seuils par pays de naissance": "vrai",
}

# %% answer="vrai_ou_faux" session="evaluation"
# Remplacez chacun des quatre `...` par "vrai" ou "faux", entre guillemets.
vrai_ou_faux = {
    "calibration et VPP": ...,
    "seuil et fiabilité": ...,
    "seuils par âge": ...,
    "seuils par pays de naissance": ...,
}
### BEGIN SOLUTION
from esn_teach.datasets._readmission_tasks import _question_7_versions

# The key of version 0, then of version 1, of each subject (the hidden test's table: the
# installed package draws the versions and holds no key).
vrai_ou_faux = {
    sujet: cles[version]
    for (sujet, cles), version in zip(
        {
            "calibration et VPP": ("faux", "vrai"),
            "seuil et fiabilité": ("vrai", "faux"),
            "seuils par âge": ("vrai", "faux"),
            "seuils par pays de naissance": ("faux", "vrai"),
        }.items(),
        _question_7_versions(graine_etudiant),
        strict=True,
    )
}
### END SOLUTION

# %% tests="vrai_ou_faux" points=2 session="evaluation"
# Vérification de la question 7 : exécutez cette cellule.
checks.check_form(
    vrai_ou_faux,
    name="vrai_ou_faux",
    kind="choices",
    options=["vrai", "faux"],
    items=["calibration et VPP", "seuil et fiabilité", "seuils par âge", "seuils par pays de naissance"],
)
### BEGIN HIDDEN TESTS
from esn_teach.datasets._readmission_tasks import _question_7_versions as versions_copie_q7h

# The names of this cell's loops, bound here: the cell reads nothing else from the notebook.
sujet_q7h = version_q7h = None
# The key of version 0, then of version 1, of each subject: kept here, in the source that
# the release strips, not in the installed package (which draws the versions only).
verites_q7h = {
    "calibration et VPP": ("faux", "vrai"),
    "seuil et fiabilité": ("vrai", "faux"),
    "seuils par âge": ("vrai", "faux"),
    "seuils par pays de naissance": ("faux", "vrai"),
}
# The message of a wrong answer to each subject: the same misunderstanding in both versions.
# The calibration message rests on the logic only (on some checked cohorts group A's VPP
# equals or exceeds group B's at 0,3: cohort 3043, both 0,496): no direction of the gap.
retours_q7h = {
    "calibration et VPP": (
        "la calibration compare, score par score, le risque annoncé à la part réhospitalisée ; "
        "elle ne fixe pas la part réhospitalisée parmi les appelés (la VPP). Celle-ci dépend "
        "aussi de la façon dont les scores des appelés se répartissent au-dessus de 0,3 dans "
        "chaque groupe : des VPP égales seraient une coïncidence, pas une conséquence de la "
        "calibration. Calibration et parité prédictive sont deux critères distincts."
    ),
    "seuil et fiabilité": (
        "le diagramme de fiabilité compare le risque annoncé par le score à la part réellement "
        "réhospitalisée : il ne dépend d'aucun seuil, et le modèle n'a pas changé. Les TFN et "
        "TFP comptent les erreurs des décisions (appeler ou non), qui changent avec le seuil."
    ),
    "seuils par âge": (
        "l'âge est un motif de l'article 1er, mais l'article 2, 3° de la loi de 2008 ne retire "
        "l'exception du but légitime qu'aux différences fondées sur l'origine, le patronyme, "
        "l'ethnie ou la race. Pour l'âge, comme pour le lieu de résidence, l'interdiction ne "
        "vise pas une différence justifiée par un but légitime avec des moyens nécessaires et "
        "appropriés (ce qui ne la rend pas licite pour autant : d'autres règles demeurent)."
    ),
    "seuils par pays de naissance": (
        "le pays de naissance est ici un critère d'origine (l'affirmation le dit) : une règle "
        "fondée sur lui est une différence fondée sur l'origine, et l'exception du but "
        "légitime (article 2, 3° de la loi de 2008) ne s'applique pas aux différences fondées "
        "sur l'origine : aucune démonstration de nécessité ne suffit."
    ),
}
# The copy's keys: its versions, drawn again from its identifier (the draw cell's stream
# [seed, 7]), read in the table above.
cles_q7h = {
    sujet_q7h: verites_q7h[sujet_q7h][version_q7h]
    for sujet_q7h, version_q7h in zip(
        verites_q7h, versions_copie_q7h(checks.student_seed("06", announce=False)), strict=True
    )
}
autre_q7h = " Cette réponse irait à l'affirmation contraire : relisez ce que dit la vôtre."
checks.check_choices(
    vrai_ou_faux,
    name="vrai_ou_faux",
    options=["vrai", "faux"],
    expected=cles_q7h,
    mistakes={
        sujet_q7h: [
            checks.Mistake(
                "faux" if cles_q7h[sujet_q7h] == "vrai" else "vrai",
                retours_q7h[sujet_q7h] + autre_q7h,
            )
        ]
        for sujet_q7h in cles_q7h
    },
    points=2,
)
### END HIDDEN TESTS

# %% mistake="vrai_ou_faux" session="evaluation"
# message : Calibration et parité prédictive sont deux critères distincts
from esn_teach.datasets._readmission_tasks import _question_7_versions

# The copy's keys (the hidden test's table: key of version 0, of version 1), then the other
# answer on one subject.
cles_versions = {
    "calibration et VPP": ("faux", "vrai"),
    "seuil et fiabilité": ("vrai", "faux"),
    "seuils par âge": ("vrai", "faux"),
    "seuils par pays de naissance": ("faux", "vrai"),
}
vrai_ou_faux = {
    sujet: cles[version]
    for (sujet, cles), version in zip(
        cles_versions.items(), _question_7_versions(graine_etudiant), strict=True
    )
}
vrai_ou_faux["calibration et VPP"] = {"vrai": "faux", "faux": "vrai"}[vrai_ou_faux["calibration et VPP"]]

# %% mistake="vrai_ou_faux" session="evaluation"
# message : l'âge est un motif de l'article 1er
from esn_teach.datasets._readmission_tasks import _question_7_versions

# The copy's keys (the hidden test's table: key of version 0, of version 1), then the other
# answer on one subject.
cles_versions = {
    "calibration et VPP": ("faux", "vrai"),
    "seuil et fiabilité": ("vrai", "faux"),
    "seuils par âge": ("vrai", "faux"),
    "seuils par pays de naissance": ("faux", "vrai"),
}
vrai_ou_faux = {
    sujet: cles[version]
    for (sujet, cles), version in zip(
        cles_versions.items(), _question_7_versions(graine_etudiant), strict=True
    )
}
vrai_ou_faux["seuils par âge"] = {"vrai": "faux", "faux": "vrai"}[vrai_ou_faux["seuils par âge"]]

# %% mistake="vrai_ou_faux" session="evaluation"
# message : irait à l'affirmation contraire
from esn_teach.datasets._readmission_tasks import _question_7_versions

# The copy's keys (the hidden test's table: key of version 0, of version 1), then the other
# answer on one subject.
cles_versions = {
    "calibration et VPP": ("faux", "vrai"),
    "seuil et fiabilité": ("vrai", "faux"),
    "seuils par âge": ("vrai", "faux"),
    "seuils par pays de naissance": ("faux", "vrai"),
}
vrai_ou_faux = {
    sujet: cles[version]
    for (sujet, cles), version in zip(
        cles_versions.items(), _question_7_versions(graine_etudiant), strict=True
    )
}
vrai_ou_faux["seuils par pays de naissance"] = {"vrai": "faux", "faux": "vrai"}[vrai_ou_faux["seuils par pays de naissance"]]

# %% [markdown] session="formative"
# ### Réflexion — Dépistage ou ressource rare ? (3 points, corrigée par l'enseignant)
#
# En 15 à 20 lignes, comparez deux usages d'un même type de modèle : un **dépistage**
# (proposer un examen complémentaire aux patients que le modèle juge à risque) et
# l'**attribution d'une ressource rare** (les appels de l'équipe). Répondez à quatre
# questions :
#
# 1. Pour chaque usage, quelle erreur est la plus grave, pour qui, et quel critère d'équité
#    en déduisez-vous ?
# 2. Que sacrifiez-vous (identité de Chouldechova) ? Chiffrez ce prix avec au moins un
#    chiffre du module, et dites ce qu'il signifie.
# 3. L'écart de réhospitalisation entre les groupes mesure-t-il bien le besoin ?
# 4. Qui devrait faire ce choix, et que dit le droit d'un seuil propre à chaque groupe ?

# %% [markdown] session="evaluation"
# ### Réflexion — Dépistage ou ressource rare ? (3 points, corrigée par l'enseignant)
#
# En 15 à 20 lignes, comparez deux usages d'un même type de modèle : un **dépistage**
# (proposer un examen complémentaire aux patients que le modèle juge à risque) et
# l'**attribution d'une ressource rare** (les appels de l'équipe). Répondez à quatre
# questions :
#
# 1. Pour chaque usage, quelle erreur est la plus grave, pour qui, et quel critère d'équité
#    en déduisez-vous ?
# 2. Que sacrifiez-vous (identité de Chouldechova) ? Chiffrez ce prix avec au moins un
#    chiffre du module, et dites ce qu'il signifie.
# 3. L'écart de réhospitalisation entre les groupes mesure-t-il bien le besoin ?
# 4. Qui devrait faire ce choix, et que dit le droit d'un seuil propre à chaque groupe ?
#
# Deux repères, pour la question 1. Appeler d'abord les patients aux scores les plus élevés
# relève de l'**efficacité** : avec un score calibré, c'est ce qui joint, en moyenne, le plus
# de réhospitalisés pour un nombre d'appels donné. L'**équité**, elle, porte sur la
# répartition entre les groupes des appels et des réhospitalisés manqués. Dans un
# **dépistage**, un faux négatif est un malade à qui l'on ne propose pas l'examen, un faux
# positif un examen proposé pour rien.
#
# Citez les chiffres de **votre** copie (ce ne sont pas ceux de vos voisins). Comptent : les
# TFN des deux groupes au seuil 0,3 (section 3), votre rapport des TFP (question 3), votre
# réponse à la question 4, la perte des deux groupes et la différence des TFN après
# correction (section 8). Le module affiche un intervalle pour ces deux derniers chiffres
# seulement : citez-le avec eux, et dites ce qu'il permet de conclure ; les autres chiffres
# se citent seuls (ne leur prêtez pas l'intervalle d'un autre chiffre).
#
# *À rédiger après la séance, à rendre comme l'indique votre enseignant·e (voir « Après la
# séance »).*

# %% [markdown] written="reflexion_criteres" points=3
# ### BEGIN SOLUTION
# *Guide de correction (enseignants ; retiré de la version étudiante).* Trois critères, notés
# chacun 0, 0,5 ou 1 point. Toute position cohérente est acceptée si son prix est dit ; quatre
# copies types notées suivent.
#
# - **Critère 1 — Un critère argumenté pour chaque usage, à partir du tort à éviter**
#   (question 1 de l'énoncé). 1 point : pour chaque usage, l'erreur la plus grave, qui elle
#   frappe, et le critère qui en découle. Dépistage : souvent le malade manqué, d'où l'égalité
#   des chances (même TFN). Ressource rare : « chaque appel inutile en prive un autre » est un
#   argument d'**efficacité** (appeler les scores les plus élevés, section 7), pas d'égalité des
#   VPP ; l'**équité** porte sur la répartition des appels et des réhospitalisés manqués
#   (égalité des chances ou des erreurs ; parité prédictive si l'on veut qu'un appel signifie
#   le même risque partout). 0,5 point : un seul usage argumenté, un critère sans le tort qui
#   le justifie, ou l'efficacité présentée comme imposant la même VPP. 0 point : aucun
#   critère, ou la parité démographique sans discuter la différence des taux de
#   réhospitalisation. (La parité prédictive n'est pas la calibration.)
# - **Critère 2 — L'impossibilité et son prix, chiffrés** (question 2). 1 point : avec des
#   taux de réhospitalisation différents, on ne peut pas égaliser à la fois VPP, TFN et TFP
#   (sauf règle dégénérée), **et** un chiffre juste de la copie, interprété. Une seule règle
#   pour les intervalles : si le module affiche un intervalle pour **ce** chiffre (la perte
#   des deux groupes, colonne joints de la section 7, et la différence des TFN après
#   correction : intervalles de la section 8 et de la question 6), il est cité avec lui ;
#   sinon (rapport des TFP, TFN au seuil 0,3, perte du seul groupe B), le chiffre interprété
#   suffit. 0,5 point : l'impossibilité sans chiffre, un chiffre sans interprétation, ou un
#   chiffre sans son intervalle (ou avec celui d'une autre grandeur). 0 point : ni l'un ni
#   l'autre, ou une correction qui rendrait le modèle équitable « sur tous les critères ».
# - **Critère 3 — Le regard critique et collectif** (questions 3 et 4), valeurs
#   V4 — Prudence, esprit critique et inclusivité,
#   V6 — Intégrité et transparence, et V7 — Partage et collaboration.
#   1 point : au moins deux de ces idées — l'étiquette peut refléter un accès
#   inégal aux soins ; le choix associe soignants, usagers et direction, se documente et se
#   réévalue ; des seuils par groupe ou un tirage au sort doivent être justifiés ; en droit,
#   l'interdiction de la loi n° 2008-496 (art. 2, 3°) ne vise pas des seuils par territoire
#   justifiés par un but légitime avec des moyens nécessaires et appropriés (sans les rendre
#   licites pour autant ; le territoire peut être un indicateur indirect de l'origine), alors
#   que des seuils par origine ne peuvent pas invoquer cette exception ; joindre un patient
#   n'est pas éviter sa réhospitalisation : l'appel doit profiter au patient appelé
#   (bienfaisance ; idée acceptée aussi au critère 1). 0,5 point : une seule idée. **0 point,
#   et cette règle prime sur le nombre d'idées** : une copie qui *soutient* qu'un critère
#   s'impose sans choix de valeurs (copie type C), ou qui présente des seuils par origine comme
#   licites. Un mot isolé (« objectivement ») dans une copie qui dit par ailleurs qu'il faut
#   choisir retire seulement 0,5 point au critère 3.
#
# **Copie type A — 3 points (1 + 1 + 1).** « Pour un dépistage, l'erreur grave est de manquer
# un malade : je demanderais le même TFN dans les deux groupes (égalité des chances), en
# acceptant des VPP différentes, donc plus d'examens inutiles dans un groupe. Pour les appels,
# chaque appel inutile prive un autre patient : c'est un argument d'efficacité, qui conduit à
# appeler les scores les plus élevés ; mais au seuil 0,3 le TFN est de 0,72 dans le groupe A
# contre 0,31 dans le groupe B : c'est là que se pose la question d'équité. On ne peut pas
# tout égaliser : à VPP et TFN égaux, le groupe B aurait un TFP environ trois fois plus élevé
# (identité de Chouldechova). Corriger a un prix : à nombre d'appels égal, la correction joint
# 60 réhospitalisés de moins (de 30 à 72 par bootstrap), surtout dans le groupe B. L'écart de
# réhospitalisation peut refléter un accès inégal aux soins plus qu'un besoin : il faut
# vérifier l'étiquette. Le choix revient aux soignants, aux usagers et à la direction ; il
# s'écrit et se réévalue. En droit, des seuils par territoire peuvent échapper à
# l'interdiction de l'article 2 (3°) s'ils sont justifiés ; des seuils par origine, non. »
# Critère 1 : deux usages, leur tort, leur critère, efficacité et équité distinguées.
# Critère 2 : l'impossibilité et deux chiffres interprétés, dont un avec sa fourchette.
# Critère 3 : trois idées (étiquette, choix collectif, droit).
#
# **Copie type D — 2 points (1 + 0,5 + 0,5).** « Pour un dépistage, je demanderais le même TFN
# (égalité des chances) : manquer un malade est l'erreur grave, et j'accepte plus d'examens
# inutiles. Pour les appels, chaque appel inutile en prive un autre : on appelle d'abord les
# scores les plus élevés (efficacité), mais on vérifie qu'un groupe n'a pas beaucoup plus de
# réhospitalisés manqués (équité). Quand les taux de réhospitalisation diffèrent, on ne peut
# pas égaliser à la fois VPP, TFN et TFP ; la correction coûte des réhospitalisés joints. Le
# choix se discute en équipe, avec les usagers. » Critère 1 : deux usages, leur tort, leur
# critère, efficacité et équité distinguées. Critère 2 : l'impossibilité et un prix, sans
# chiffre. Critère 3 : une idée (le choix collectif). C'est la zone de notes la plus fréquente.
#
# **Copie type B — 1,5 point (0,5 + 0,5 + 0,5).** « Dans les deux cas, il faut l'égalité des
# chances, car il ne faut manquer personne. D'après Chouldechova, on ne peut pas satisfaire
# tous les critères à la fois : il faut choisir. La correction de fairlearn égalise les
# erreurs, mais elle coûte des réhospitalisés joints. Le choix doit se faire avec les usagers,
# et le droit interdit de traiter différemment les groupes. » Critère 1 : un critère, justifié
# par le même tort pour les deux usages, sans rien dire de la ressource rare. Critère 2 :
# l'impossibilité et un prix, sans chiffre. Critère 3 : une idée (le choix collectif) ; la
# phrase de droit, fausse dans sa généralité, ne compte pas.
#
# **Copie type C — 0,5 point (0,5 + 0 + 0).** « Pour le dépistage, il faut le même TFN, pour
# ne pas manquer de malades dans un groupe. Pour les appels, c'est pareil. La correction rend
# le modèle équitable : l'écart d'égalité des erreurs devient presque nul. C'est donc
# objectivement le meilleur critère, et des seuils par groupe sont la solution. » Critère 1 :
# le tort du dépistage, sans argument pour la ressource rare. Critère 2 : une correction
# présentée comme équitable, sans son prix. Critère 3 : un critère « objectivement » le
# meilleur, 0 (la règle prime).
#
# Les chiffres des copies sont ceux de la version formative (graine du cours, version de
# fairlearn du cours) : relisez-les dans le module exécuté. Une copie évaluée cite les siens,
# pas ceux-ci : lisez « 0,72 », « trois fois », « 60 » et « de 30 à 72 » de la copie type A
# comme « les TFN de la copie », « son rapport des TFP », « sa perte » et « son intervalle
# bootstrap », tels que les donne la ligne « Pour le correcteur » (ci-dessous).
#
# **En séance évaluée, chaque copie a ses chiffres.** Le correcteur les trouve dans la copie
# corrigée, sous la vérification de la question 6 : une ligne « Pour le correcteur » (sortie
# du test caché, absente pendant la séance) donne les TFN des deux groupes au seuil 0,3, le
# rapport des TFP de la question 3, la perte de la question 4 avec son intervalle bootstrap,
# et celle du seul groupe B, et la différence des TFN après correction avec son intervalle.
# Elle s'affiche même si la question 6 est vide (le cas normal d'une copie ramassée en fin
# de séance). Sur toutes les copies,
# l'intervalle de la perte commence à 5 ou plus (les cohortes tirées ont été choisies ainsi) :
# le prix de la correction est établi partout, comme en formatif ; citer la perte des deux
# groupes sans cet intervalle vaut 0,5 au critère 2, avec lui 1, quelle que soit la tâche de
# la question 4. La perte du seul groupe B (tâche d'une copie sur deux ; la ligne la donne
# aussi) se note comme tout chiffre sans intervalle affiché : 1 si elle est interprétée,
# 0,5 si elle est citée avec l'intervalle des deux groupes, qui n'est pas le sien (lecturer
# d22, constat 3 : la règle ne dépend plus du tirage de la tâche). Un chiffre juste d'une autre copie (d'un voisin, ou de ce guide) ne
# compte pas comme chiffre du module. Enfin, aucune idée qui ne se lit que dans les passages
# masqués pendant la séance évaluée (« Qui gagne, qui perd ? », « un autre jeu de
# validation ») n'est exigée : « surtout dans le groupe B » (copie type A) est un plus, pas
# une condition. L'énoncé de la séance évaluée donne, en deux phrases neutres, la distinction
# entre efficacité et équité et le sens des deux erreurs d'un dépistage.
# ### END SOLUTION

# %% [markdown]
# ## À retenir (tout le module)
#
# - « Équitable » a **plusieurs définitions** (même taux de sélection, même TFN, même TFN et
#   TFP, même VPP) ; la **calibration** porte sur le score.
# - Chaque taux a son **dénominateur**, qui fixe aussi sa **marge d'erreur** (section 8).
# - Quand les taux d'événements diffèrent, on ne peut pas égaliser à la fois VPP, TFN et TFP
#   (**identité de Chouldechova**).
# - Une **correction** se juge à nombre d'appels égal, et avec sa fourchette si elle tire au
#   sort ; son critère est un **choix de valeurs**, et elle peut dégrader le sort d'un groupe.
#   L'étiquette elle-même peut refléter un accès inégal aux soins.

# %% [markdown]
# ## Sources
#
# - Chouldechova A. Fair prediction with disparate impact: a study of bias in recidivism
#   prediction instruments. *Big Data* 2017;5(2):153-163.
# - Kleinberg J, Mullainathan S, Raghavan M. Inherent trade-offs in the fair determination of
#   risk scores. *8th Innovations in Theoretical Computer Science Conference (ITCS 2017)*.
#   LIPIcs 2017;67:43:1-43:23.
# - Hardt M, Price E, Srebro N. Equality of opportunity in supervised learning. *Advances in
#   Neural Information Processing Systems 29 (NIPS 2016)*, 2016. (Méthode de correction par
#   seuils par groupe utilisée par `ThresholdOptimizer`.)
# - Obermeyer Z, Powers B, Vogeli C, Mullainathan S. Dissecting racial bias in an algorithm used
#   to manage the health of populations. *Science* 2019;366(6464):447-453.
# - Van Calster B, McLernon DJ, van Smeden M, Wynants L, Steyerberg EW. Calibration: the
#   Achilles heel of predictive analytics. *BMC Medicine* 2019;17:230. (Diagrammes de
#   fiabilité.)
# - Weerts H, Dudík M, Edgar R, Jalali A, Lutz R, Madaio M. Fairlearn: assessing and improving
#   fairness of AI systems. *Journal of Machine Learning Research* 2023;24(257):1-8.
# - Mittelstadt B, Wachter S, Russell C. The unfairness of fair machine learning: levelling
#   down and strict egalitarianism by default. Prépublication *arXiv* 2302.02404, 2023.
#   (Nivellement vers le bas.)
# - Droit : règlement (UE) 2016/679 (RGPD), art. 9 (dont § 2, points h, i et j) ; loi
#   n° 78-17 du 6 janvier 1978 (Informatique et Libertés), art. 65 (2°), 66 et 72 et suivants ;
#   Conseil constitutionnel, décision
#   n° 2007-557 DC du 15 novembre 2007 ; loi n° 2008-496 du 27 mai 2008, art. 1er, art. 2,
#   3°, alinéas 1 à 3 (article 2 dans sa version en vigueur depuis le 20 novembre 2016), et
#   art. 4 ;
#   code de la
#   santé publique, art. L. 1110-3 et L. 4001-3 ; règlement (UE) 2017/745 relatif aux
#   dispositifs médicaux, art. 2, point 1 ; Medical Device Coordination Group, guide MDCG
#   2019-11, révision 1 (*Guidance on qualification and classification of software in
#   Regulation (EU) 2017/745 – MDR and Regulation (EU) 2017/746 – IVDR*, octobre 2019,
#   révision 1 de juin 2025 ; non contraignant) ; règlement (UE) 2024/1689 sur l'intelligence
#   artificielle, art. 6, § 1 et § 2, art. 10, art. 27, annexe I et annexe III, point 5 a),
#   cités dans le texte publié au
#   *Journal officiel de l'Union européenne* le 12 juillet 2024 (art. 10, § 5, dans ce texte),
#   modifié par le règlement (UE) 2026/1744 du 8 juillet 2026 (*Journal officiel de l'Union
#   européenne*, série L, 24 juillet 2026 ; lisez la version consolidée sur EUR-Lex). Date affichée
#   avant ces textes : celle de la dernière vérification des textes juridiques du cours
#   (`esn_teach.law`), pas celle de la relecture de chaque texte.
# - Données : cohorte **synthétique** générée par `esn_teach.datasets.make_readmission_cohort`
#   (graine `random_state=6` dans la version d'entraînement ; en séance évaluée, une graine
#   propre à chaque copie, tirée de son identifiant) ; paramètres inventés pour
#   l'enseignement (fiche affichée à la section 1).
