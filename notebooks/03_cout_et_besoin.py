# %% [markdown]
# # Module 03 — Le coût n'est pas le besoin
#
# *Cours « IA et santé » — École de santé numérique, Université de Montpellier.*
#
# **Prérequis** : module 01 conseillé (intervalle de confiance d'une proportion).
#
# ## Ce que vous saurez faire à la fin de ce module
#
# 1. Dire ce qu'est la **cible** d'un modèle, et pourquoi le **coût** des soins peut trahir le
#    **besoin**.
# 2. Calculer une **part parmi les retenus** et un **écart de besoin** entre inscrits ; dire
#    quelle comparaison révèle qu'un score sous-estime le besoin d'un groupe.
# 3. Après la séance : lire l'**intervalle de confiance d'une différence** ; juger une nouvelle
#    cible, un **taux de sélection**, une mesure du besoin.
#
# > **Les valeurs de l'école dans ce module**
# > - **V1 — Priorité à la relation humaine** : le médecin décide ; il doit savoir ce que le
# >   score oublie.
# > - **V4 — Prudence, esprit critique et inclusivité** : vérifier qui un score laisse de côté.
# > - **V6 — Intégrité et transparence** : dire ce qu'un score prédit vraiment, et ce qui est
# >   inventé dans nos données.
# >
# > **Cadre de l'éthique du numérique en santé (CENS)** : justice et équité (une aide rare va
# > aux plus malades), non-malfaisance, autonomie du patient.
#
# ## Mode d'emploi
#
# - Exécutez les cellules **dans l'ordre** (**Maj + Entrée**).
# - Remplacez les `...` par votre calcul ou votre réponse, puis exécutez la cellule
#   **« Vérification »**.
# - Décimales avec un **point** (`0.8`) ; écrivez le **calcul**, pas un résultat arrondi.

# %% [markdown]
# ## 1. Une histoire clinique : le programme de suivi renforcé
#
# Un hôpital universitaire américain propose un **programme de suivi renforcé** : une
# infirmière coordinatrice suit les patients aux besoins complexes. Les places sont limitées.
#
# Un algorithme commercial donne à chaque patient un **score de risque**. Être au 97ᵉ
# **centile**, c'est avoir un score plus élevé que 97 patients sur 100. Au-dessus du 97ᵉ
# centile, les patients sont **repérés automatiquement** ; à partir du 55ᵉ, le médecin traitant
# décide (Obermeyer et al., 2019).
#
# L'algorithme n'utilisait pas la race. Pourtant, à score égal, les patients noirs étaient
# nettement plus malades que les patients blancs. Sans cet écart, selon la simulation des
# auteurs, la part des patients noirs repérés passerait de 17,7 % à 46,5 % (Obermeyer et al.,
# 2019), chiffre corrigé depuis par la même équipe à environ 59 % (dépôt dissecting-bias, 2022).
#
# La cause : la **cible**, ce que le modèle apprend à prédire : le **coût des soins de l'année
# suivante**, un **substitut** (*proxy*) du besoin. Or, à maladie égale, on dépensait moins pour
# les patients noirs (pauvreté, discrimination, méfiance, selon l'étude).
#
# « Noirs » et « blancs » sont les catégories de l'étude, déclarées par les patients : des
# catégories sociales, pas biologiques. En France, on audite plutôt par groupes sociaux
# (« Pour aller plus loin »).

# %% [markdown]
# ## 2. Les données : une cohorte synthétique
#
# Les données de l'étude ne sont pas publiques : notre **cohorte synthétique** est faite de
# patients inventés, avec les effectifs et les moyennes de maladies chroniques de l'étude
# (Obermeyer et al., 2019, tableau 1). Chaque ligne est un patient :
#
# | Colonne | Signification |
# |---|---|
# | `race` | groupe : `"White"` (blanc) ou `"Black"` (noir), écrit ainsi dans les données |
# | `n_chronic` | nombre de maladies chroniques actives cette année |
# | `cost` | coût des soins de l'**année suivante**, en dollars |
# | `n_chronic_next` | nombre de maladies chroniques actives l'**année suivante** |

# %% session="formative"
# La graine du tirage au hasard : la même cohorte synthétique pour toute la promotion.
graine = 0
# Le nombre de places du programme de la question 1 : le même pour toute la promotion.
places = 640

# %% session="evaluation"
# Vos cas : une cohorte synthétique tirée pour votre copie, à partir de votre identifiant
# (tirée parmi des cohortes vérifiées à l'avance, où les phrases du module restent vraies).
from esn_teach import checks
from esn_teach.explorers import cost_need_places, cost_need_reading, cost_need_seed

graine = cost_need_seed(checks.student_seed("03"))
# Le nombre de places du programme de la question 1, propre à votre copie lui aussi.
places = cost_need_places(checks.student_seed("03", announce=False))

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il charge les outils et la cohorte, puis affiche quelques
# moyennes. Retenez les phrases qu'il affiche.
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from fairlearn.metrics import MetricFrame, count, selection_rate
from IPython.display import display
from sklearn.linear_model import PoissonRegressor
from sklearn.model_selection import train_test_split

from esn_teach import checks, fr_number, fr_percent
from esn_teach.datasets import data_card, make_cost_vs_need_cohort, top_share
from esn_teach.evaluation import proportion_ci
from esn_teach.explorers import (
    CostNeedExplorer,
    cost_need_places,
    cost_need_reading,
    cost_need_seed,
    cost_need_statements,
)
from esn_teach.plotting import LINESTYLES, MARKERS, accessible_style, show_figure


def en_nombre(nombre):
    """Écrit un nombre entier à la française, avec une espace entre les milliers : 49 618."""
    return f"{nombre:,.0f}".replace(",", "\u00a0")


def en_dollars(montant):
    """Écrit un montant à la française, avec une espace entre les milliers : 7 540 $."""
    return en_nombre(montant) + "\u00a0$"


# Cohorte synthétique, toujours la même pour une même graine (le point de départ du tirage au
# hasard, fixée par la cellule précédente).
donnees = make_cost_vs_need_cohort(random_state=graine)
patients = donnees.frame  # le tableau des patients
effectifs = patients["race"].value_counts()
print(
    f"{en_nombre(len(patients))} patients synthétiques : {en_nombre(effectifs['White'])} "
    f"blancs et {en_nombre(effectifs['Black'])} noirs."
)
moyennes = patients.groupby("race", observed=True)[["n_chronic_next", "cost"]].mean()
for groupe, nom in [("White", "blancs"), ("Black", "noirs")]:
    print(
        f"Patients {nom} : {fr_number(moyennes.loc[groupe, 'n_chronic_next'], 2)} maladie "
        f"chronique en moyenne, coût moyen {en_dollars(moyennes.loc[groupe, 'cost'])}"
    )
surcout = moyennes.loc["Black", "cost"] / moyennes.loc["White", "cost"] - 1
print(
    f"Les patients noirs coûtent donc {fr_percent(surcout)} de plus en moyenne (12 % dans "
    "l'étude, Obermeyer et al., 2019 ; l'écart voulu par notre générateur : fiche des données)."
)
# Écart d'accès mesuré comme dans l'étude : à nombre égal de maladies chroniques (année
# suivante), combien un patient noir coûte-t-il de moins qu'un patient blanc ? On compare les
# coûts moyens nombre par nombre, puis on en fait la moyenne, pondérée par les patients noirs.
par_nombre = patients.groupby(["n_chronic_next", "race"], observed=True)["cost"].mean().unstack()
poids = patients.loc[patients["race"] == "Black", "n_chronic_next"].value_counts()
ecart_dollars = float(
    ((par_nombre["White"] - par_nombre["Black"]) * poids).sum()
    / poids[par_nombre.dropna().index].sum()
)
print(
    f"À nombre égal de maladies chroniques, un patient noir coûte en moyenne "
    f"{en_dollars(ecart_dollars)} de moins par an qu'un patient blanc (1\u00a0801\u00a0$ dans "
    "l'étude, Obermeyer et al., 2019)."
)

# %% [markdown]
# Pas de contradiction : en moyenne, les patients noirs coûtent un peu
# **plus**, parce qu'ils sont **plus malades** ; à maladie égale, ils coûtent **moins**. Cet
# **écart d'accès** aux soins biaise le coût. Notre cohorte le **grossit** : retenez le
# mécanisme, pas nos chiffres.

# %% [markdown]
# ## 3. Notre reproduction : un score qui prédit le coût
#
# Notre **score** combine sept informations, **sans la race** : âge, sexe, maladies
# chroniques de cette année, HbA1c, pression artérielle, créatinine et **coût de cette
# année**. Il apprend sur deux tiers des patients ; on le **juge** sur le dernier tiers, la
# **cohorte jugée** (`cohorte`). Deux **cibles** possibles : le coût de l'année suivante
# (`cost`) ou ses maladies chroniques (`n_chronic_next`).
#
# Deux mots pour le **haut du classement** :
#
# | Mot | Qui | Sert à |
# |---|---|---|
# | **retenus** | les `places` premiers du classement | la question 1 seulement |
# | **inscrits** | les patients au-dessus du 97ᵉ centile (3 sur 100) | la question 2 et la suite |

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il apprend les deux scores et repère les inscrits. Il
# affiche les variables utiles aux questions (leur nom est entre parenthèses).
centile_programme = 97  # seuil du programme : 97e centile du score
# Deux tiers des patients pour l'apprentissage ; le dernier tiers, la « cohorte jugée ».
apprentissage, cohorte = train_test_split(patients, test_size=1 / 3, random_state=graine)
cohorte = cohorte.reset_index(drop=True)
noms_informations = list(donnees.feature_names)  # les sept informations, sans la race


def informations(tableau, noms=noms_informations):
    """Les informations du score ; le coût de cette année est pris en logarithme."""
    valeurs = tableau[list(noms)].astype(float)
    if "prior_cost" in valeurs:
        valeurs["prior_cost"] = np.log1p(valeurs["prior_cost"])
    return valeurs


def score_appris(cible, noms=noms_informations):
    """Apprend un score sur les patients d'apprentissage, note ceux de la cohorte jugée."""
    modele = PoissonRegressor(alpha=0, solver="newton-cholesky")  # régression de Poisson
    modele.fit(informations(apprentissage, noms), apprentissage[cible])
    return modele.predict(informations(cohorte, noms))


scores_cout = score_appris("cost")  # score entraîné sur le coût
scores_sante = score_appris("n_chronic_next")  # score entraîné sur les maladies chroniques
race = cohorte["race"].to_numpy(dtype=str)  # le groupe de chaque patient
noirs = race == "Black"  # vrai pour chaque patient noir
blancs = race == "White"  # vrai pour chaque patient blanc

seuil_cout = np.percentile(scores_cout, centile_programme)  # valeur du score au 97e centile
inscrits_cout = scores_cout >= seuil_cout  # vrai pour chaque patient inscrit
# Les inscrits avec l'autre cible (maladies chroniques), pour la section 5 :
inscrits_sante = scores_sante >= np.percentile(scores_sante, centile_programme)
besoin = cohorte["n_chronic_next"].to_numpy()  # maladies chroniques de l'année suivante
print(
    f"Cohorte jugée : {en_nombre(len(cohorte))} patients. Le programme retient les "
    f"{fr_percent(1 - centile_programme / 100, 0)} de patients au score le plus élevé : "
    f"{inscrits_cout.sum()} inscrits."
)

n_noirs_inscrits = int((inscrits_cout & noirs).sum())  # & veut dire « et »
n_blancs_inscrits = int((inscrits_cout & blancs).sum())
n_noirs, n_blancs = int(noirs.sum()), int(blancs.sum())
print(
    f"Patients noirs : {en_nombre(n_noirs)} dans la cohorte jugée (n_noirs), soit "
    f"{fr_percent(n_noirs / len(cohorte))} de la cohorte ; {n_noirs_inscrits} inscrits "
    "(n_noirs_inscrits)."
)
print(
    f"Patients blancs : {en_nombre(n_blancs)} dans la cohorte jugée (n_blancs) ; {n_blancs_inscrits} "
    "inscrits (n_blancs_inscrits)."
)
# Deux groupes d'environ 5 % des patients, inscrits ou non : la tranche du haut du score
# « coût » (section 5), et les plus coûteux l'année suivante (l'exemple de la question 2).
tranche_haute = scores_cout >= np.percentile(scores_cout, 95)
plus_couteux = cohorte["cost"].to_numpy() >= np.percentile(cohorte["cost"], 95)
# Pour la question 1 : le classement du score « coût », du score le plus haut au plus bas.
classement = (
    pd.DataFrame({"race": race, "score_cout": scores_cout})
    .sort_values("score_cout", ascending=False, kind="stable")
    .reset_index(drop=True)
)
print(
    f"Pour la question 1 : votre programme a {en_nombre(places)} places (places) ; classement "
    "range les patients de la cohorte jugée du score « coût » le plus haut au plus bas (une "
    "ligne par patient : race, score_cout)."
)
print(
    "Pour la question 2 : noirs, blancs (le groupe de chaque patient), inscrits_cout "
    "(inscrit avec la cible « coût »), cohorte (le tableau des patients de la cohorte jugée)."
)

# %% [markdown]
# ### Question 1 — Le seuil d'un programme : la part des patients noirs parmi les retenus (2 points)
#
# Votre programme a `places` places (nombre affiché ci-dessus ; en séance évaluée, propre à
# votre copie) : il **retient** les `places` premiers du classement du score « coût ».
# Parmi les **retenus**, quelle est la **part de patients noirs** ? Donnez une proportion entre
# 0 et 1 (`0.25`, et non `25`) ; la vérification juge **4 décimales**.
#
# Le tableau `classement` range les patients du score le plus haut au plus bas. Deux outils :
#
# - `classement.head(10)` garde les 10 **premières** lignes d'un tableau ;
# - `(tableau["race"] == "White").sum()` compte les patients blancs d'un tableau ;
#   `len(tableau)` compte ses lignes. En Python, `/` divise.
#
# <details><summary>Indice 1</summary>
#
# Le schéma d'écriture, en deux lignes, à compléter (chaque `…` est à remplacer) :
#
# ```
# retenus = classement.head(…)
# part_noirs_cout = (retenus["race"] == …).sum() / …
# ```
#
# Qui compte-t-on en bas de la fraction : toute la cohorte, tous les patients noirs, ou
# seulement les retenus ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Dans `head`, mettez `places` (le nom, pas un nombre recopié). Comptez les patients noirs
# (`"Black"`) parmi les retenus, puis divisez par `len(retenus)`.
# </details>

# %% answer="part_noirs_cout"
part_noirs_cout = ...
### BEGIN SOLUTION
retenus = classement.head(places)
part_noirs_cout = (retenus["race"] == "Black").sum() / len(retenus)
### END SOLUTION

# %% tests="part_noirs_cout" points=2 session="formative"
# Vérification de la question 1 : exécutez cette cellule.
valeur = checks.require_number(part_noirs_cout, name="part_noirs_cout")
checks.expect(
    not 0.5 < valeur <= 1,
    "avec votre réponse, plus de la moitié des retenus seraient des patients noirs, alors "
    "qu'ils ne sont qu'une petite minorité de la cohorte jugée. Avez-vous inversé les groupes "
    "(la part des patients blancs), ou combiné des taux de sélection ? Une part parmi les "
    "retenus se calcule avec des nombres de retenus.",
    name="part_noirs_cout",
)
checks.check_number(
    part_noirs_cout,
    name="part_noirs_cout",
    digest="e4ffcff34c2f328d",
    decimals=4,
    bounds=(0, 1),
    mistakes=[
        checks.Mistake(
            None,
            "vous avez pris les inscrits du 97e centile (les nombres affichés en section 3) : "
            "ce n'est pas le seuil de votre programme. Appliquez le vôtre : les patients du haut "
            "du classement, autant que de places.",
            digest="dc9a9c2566e0f8a0",
        ),
        checks.Mistake(
            None,
            "vous avez pris la fin du classement : les patients au score le plus bas. Le "
            "programme retient le haut du classement ; head garde les premières lignes.",
            digest="5d118f86d6d49b57",
        ),
        checks.Mistake(
            None,
            "vous avez calculé le taux de sélection des patients noirs (la part des patients "
            "noirs qui sont retenus) : le dénominateur est alors tous les patients noirs. La "
            "question porte sur les retenus : le dénominateur est le nombre de retenus.",
            digest="2cd04472f6beb70f",
        ),
        checks.Mistake(
            None,
            "vous avez calculé la part des patients noirs dans toute la cohorte jugée, retenus "
            "ou non. Appliquez d'abord le seuil : ne regardez que les patients retenus.",
            digest="4c3213d0e8a749d1",
        ),
        checks.Mistake(
            0.177,
            "0,177 est le chiffre de l'étude réelle (17,7 %). La question porte sur notre "
            "cohorte synthétique : calculez la part à partir du classement.",
        ),
        checks.Mistake(
            0.0,
            "votre part vaut 0 : aucun retenu n'a été compté comme noir. Dans les données, le "
            'groupe s\'écrit "Black" (en anglais, avec une majuscule), comme dans le tableau '
            'de la section 2 : "black" ou "Noir" ne correspondent à aucun patient.',
        ),
        checks.Mistake(
            None,
            "vous avez divisé les retenus noirs par les retenus blancs : c'est un rapport "
            "entre les deux groupes. Le dénominateur doit compter tous les retenus.",
            digest="baee6f74b04da581",
        ),
        checks.Mistake(
            None,
            "vous avez divisé les retenus noirs par toute la cohorte jugée (retenus ou non). "
            "Le dénominateur doit compter les retenus seulement.",
            digest="cda4bbea2559154d",
        ),
        checks.Mistake(
            None,
            "vous avez donné un nombre de patients (les retenus noirs), pas une part. Divisez-le "
            "par le nombre de retenus.",
            digest="0eb0e6be7e94c40b",
        ),
        checks.Mistake(
            None,
            "vous avez divisé les inscrits noirs du 97e centile (n_noirs_inscrits) par les places "
            "de votre programme : le numérateur et le dénominateur ne parlent pas des mêmes "
            "patients. Comptez les patients noirs parmi vos retenus (le haut du classement).",
            digest="4bd9bc20ef292ab3",
        ),
    ],
    hint="Gardez le haut du classement, autant de patients que de places ; puis la part des "
    "patients noirs parmi eux.",
    success="le seuil d'un programme se lit dans le classement, à la dernière place ; une part "
    "parmi les retenus a pour dénominateur tous les retenus. Comparez-la à la part des patients "
    "noirs dans la cohorte jugée (encadré « Après avoir répondu »).",
    points=2,
)
### BEGIN HIDDEN TESTS
ordre_attendu = np.argsort(-scores_cout, kind="stable")[:places]
checks.check_number(
    part_noirs_cout,
    name="part_noirs_cout",
    expected=float(np.mean(race[ordre_attendu] == "Black")),
    decimals=4,  # comme la vérification visible
    points=2,
)
### END HIDDEN TESTS

# %% mistake="part_noirs_cout" session="formative"
# message : les inscrits du 97e centile
part_noirs_cout = n_noirs_inscrits / (n_noirs_inscrits + n_blancs_inscrits)

# %% mistake="part_noirs_cout" session="formative"
# message : le groupe s'écrit "Black"
part_noirs_cout = (classement.head(places)["race"] == "black").sum() / places

# %% mistake="part_noirs_cout" session="formative"
# message : la fin du classement
retenus = classement.tail(places)
part_noirs_cout = (retenus["race"] == "Black").sum() / len(retenus)

# %% mistake="part_noirs_cout" session="formative"
# message : taux de sélection des patients noirs
part_noirs_cout = (classement.head(places)["race"] == "Black").sum() / n_noirs

# %% mistake="part_noirs_cout" session="formative"
# message : inversé les groupes
part_noirs_cout = (classement.head(places)["race"] == "White").sum() / places

# %% mistake="part_noirs_cout" session="formative"
# message : dans toute la cohorte
part_noirs_cout = (classement["race"] == "Black").sum() / len(classement)

# %% mistake="part_noirs_cout" session="formative"
# message : pourcentage
part_noirs_cout = 100 * (classement.head(places)["race"] == "Black").sum() / places

# %% mistake="part_noirs_cout" session="formative"
# message : le chiffre de l'étude réelle
part_noirs_cout = 0.177

# %% mistake="part_noirs_cout" session="formative"
# message : un rapport entre les deux groupes
retenus = classement.head(places)
part_noirs_cout = (retenus["race"] == "Black").sum() / (retenus["race"] == "White").sum()

# %% mistake="part_noirs_cout" session="formative"
# message : divisé les retenus noirs par toute la cohorte
part_noirs_cout = (classement.head(places)["race"] == "Black").sum() / len(classement)

# %% mistake="part_noirs_cout" session="formative"
# message : un nombre de patients (les retenus noirs), pas une part
part_noirs_cout = (classement.head(places)["race"] == "Black").sum()

# %% mistake="part_noirs_cout" session="formative"
# message : ne parlent pas des mêmes patients
part_noirs_cout = n_noirs_inscrits / places

# %% tests="part_noirs_cout" points=2 session="evaluation"
# Vérification de la question 1 : exécutez cette cellule.
checks.check_form(part_noirs_cout, name="part_noirs_cout", kind="number", decimals=4, bounds=(0, 1))
if isinstance(part_noirs_cout, (int, float, np.number)) and part_noirs_cout == 0:
    print(
        "Attention : votre part vaut exactement 0, aucun retenu n'est compté comme noir. "
        'Vérifiez l\'écriture du groupe : "Black", comme dans le tableau de la section 2.'
    )
### BEGIN HIDDEN TESTS
from esn_teach.explorers import selection_by_group  # not imported in the students' cells

graine_copie = cost_need_seed(checks.student_seed("03", announce=False))
places_copie = cost_need_places(checks.student_seed("03", announce=False))
cas_copie = make_cost_vs_need_cohort(random_state=graine_copie)
appris_copie, juges_copie = train_test_split(
    cas_copie.frame, test_size=1 / 3, random_state=graine_copie
)
x_appris_copie = appris_copie[list(cas_copie.feature_names)].astype(float)
x_appris_copie["prior_cost"] = np.log1p(x_appris_copie["prior_cost"])
x_juges_copie = juges_copie[list(cas_copie.feature_names)].astype(float)
x_juges_copie["prior_cost"] = np.log1p(x_juges_copie["prior_cost"])
modele_cout_copie = PoissonRegressor(alpha=0, solver="newton-cholesky")
scores_copie = modele_cout_copie.fit(x_appris_copie, appris_copie["cost"]).predict(x_juges_copie)
race_copie = juges_copie["race"].to_numpy(dtype=str)
ordre_copie = np.argsort(-scores_copie, kind="stable")  # du score le plus haut au plus bas
haut_copie = race_copie[ordre_copie[:places_copie]]  # les retenus de la copie
bas_copie = race_copie[ordre_copie[-places_copie:]]  # la fin du classement
inscrits_copie = selection_by_group(
    scores_copie, race_copie, juges_copie["n_chronic_next"], percentile=97
)
checks.check_number(
    part_noirs_cout,  # la réponse de la copie
    name="part_noirs_cout",
    expected=float(np.mean(haut_copie == "Black")),
    mistakes=[
        checks.Mistake(
            float(inscrits_copie.loc["Black", "share_of_selected"]),
            "vous avez pris les inscrits du 97e centile (les nombres affichés en section 3) : "
            "ce n'est pas le seuil de votre programme. Appliquez le vôtre : les patients du haut "
            "du classement, autant que de places.",
        ),
        checks.Mistake(
            float(np.mean(bas_copie == "Black")),
            "vous avez pris la fin du classement : les patients au score le plus bas. Le "
            "programme retient le haut du classement ; head garde les premières lignes.",
        ),
        checks.Mistake(
            float(np.sum(haut_copie == "Black") / np.sum(race_copie == "Black")),
            "vous avez calculé le taux de sélection des patients noirs (la part des patients "
            "noirs qui sont retenus) : le dénominateur est alors tous les patients noirs. La "
            "question porte sur les retenus : le dénominateur est le nombre de retenus.",
        ),
        checks.Mistake(
            float(np.mean(race_copie == "Black")),
            "vous avez calculé la part des patients noirs dans toute la cohorte jugée, retenus "
            "ou non. Appliquez d'abord le seuil : ne regardez que les patients retenus.",
        ),
        checks.Mistake(
            float(np.mean(haut_copie == "White")),
            "vous avez inversé les groupes : c'est la part des patients blancs parmi les "
            "retenus. Au numérateur, les retenus noirs.",
        ),
        checks.Mistake(
            0.177,
            "0,177 est le chiffre de l'étude réelle (17,7 %). La question porte sur notre "
            "cohorte synthétique : calculez la part à partir du classement.",
        ),
        checks.Mistake(
            0.0,
            "votre part vaut 0 : aucun retenu n'a été compté comme noir. Dans les données, le "
            'groupe s\'écrit "Black" (en anglais, avec une majuscule), comme dans le tableau '
            'de la section 2 : "black" ou "Noir" ne correspondent à aucun patient.',
        ),
        checks.Mistake(
            float(np.sum(haut_copie == "Black") / np.sum(haut_copie == "White")),
            "vous avez divisé les retenus noirs par les retenus blancs : c'est un rapport "
            "entre les deux groupes. Le dénominateur doit compter tous les retenus.",
        ),
        checks.Mistake(
            float(np.sum(haut_copie == "Black") / len(race_copie)),
            "vous avez divisé les retenus noirs par toute la cohorte jugée (retenus ou non). "
            "Le dénominateur doit compter les retenus seulement.",
        ),
        checks.Mistake(
            float(inscrits_copie.loc["Black", "n_selected"] / places_copie),
            "vous avez divisé les inscrits noirs du 97e centile (n_noirs_inscrits) par les places "
            "de votre programme : le numérateur et le dénominateur ne parlent pas des mêmes "
            "patients. Comptez les patients noirs parmi vos retenus (le haut du classement).",
        ),
    ],
    decimals=4,  # comme la vérification visible
    points=2,
)
### END HIDDEN TESTS

# %% mistake="part_noirs_cout" session="evaluation"
# message : les inscrits du 97e centile
part_noirs_cout = n_noirs_inscrits / (n_noirs_inscrits + n_blancs_inscrits)

# %% mistake="part_noirs_cout" session="evaluation"
# message : le groupe s'écrit "Black"
part_noirs_cout = (classement.head(places)["race"] == "black").sum() / places

# %% mistake="part_noirs_cout" session="evaluation"
# message : la fin du classement
retenus = classement.tail(places)
part_noirs_cout = (retenus["race"] == "Black").sum() / len(retenus)

# %% mistake="part_noirs_cout" session="evaluation"
# message : taux de sélection des patients noirs
part_noirs_cout = (classement.head(places)["race"] == "Black").sum() / n_noirs

# %% mistake="part_noirs_cout" session="evaluation"
# message : dans toute la cohorte
part_noirs_cout = n_noirs / (n_noirs + n_blancs)

# %% mistake="part_noirs_cout" session="evaluation"
# message : vous avez inversé les groupes
part_noirs_cout = (classement.head(places)["race"] == "White").sum() / places

# %% mistake="part_noirs_cout" session="evaluation"
# message : ne parlent pas des mêmes patients
part_noirs_cout = n_noirs_inscrits / places

# %% [markdown] reveal="part_noirs_cout" session="formative"
# <details><summary>Après avoir répondu : plus que leur part dans la cohorte ?</summary>
#
# Leur part parmi les retenus dépasse leur part dans la cohorte jugée. Cela ne prouve pas que
# le score les avantage : ils sont bien plus malades. Il faut tenir compte de l'état de santé :
# c'est la question 2.
# </details>

# %% [markdown] reveal="part_noirs_cout" session="evaluation"
# <details><summary>Après avoir répondu : et leur part dans la cohorte ?</summary>
#
# Leur part parmi les retenus est à peine au-dessus de leur part dans la cohorte jugée, alors
# qu'ils sont bien plus malades : elle ne dit pas que le score les traite bien. Il faut tenir
# compte de l'état de santé : c'est la question 2.
# </details>

# %% [markdown]
# ## 4. Le score prédit le coût, pas le besoin
#
# La cellule suivante trace, par groupe et selon le score « coût », le **coût** et les
# **maladies chroniques** de l'année suivante.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il trace les deux figures. Regardez-les, et la phrase
# écrite dessous.
rangs = np.argsort(np.argsort(scores_cout))  # rang de chaque patient selon son score
tranche_de_5 = rangs * 20 // len(rangs)  # tranche de 5 centiles : de 0 (bas) à 19 (haut)
milieux = np.arange(20) * 5 + 2.5  # milieu de chaque tranche, en centiles
courbes = {
    nom: {
        colonne: np.array(
            [cohorte.loc[du_groupe & (tranche_de_5 == t), colonne].mean() for t in range(20)]
        )
        for colonne in ("cost", "n_chronic_next")
    }
    for nom, du_groupe in [("Patients blancs", blancs), ("Patients noirs", noirs)]
}
with accessible_style():
    fig, (gauche, droite) = plt.subplots(1, 2, figsize=(10, 4.2), layout="constrained")
    for i, (nom, moyennes_groupe) in enumerate(courbes.items()):
        for ax, colonne in [(gauche, "cost"), (droite, "n_chronic_next")]:
            ax.plot(
                milieux,
                moyennes_groupe[colonne],
                marker=MARKERS[i],
                linestyle=LINESTYLES[i],
                label=nom,
            )
    for ax in (gauche, droite):
        # Une zone plutôt qu'un trait : le point de la dernière tranche (97,5) ne le cache pas.
        ax.axvspan(
            centile_programme,
            100,
            facecolor="0.88",
            hatch="..",
            edgecolor="0.55",
            zorder=0,
            label="Au-dessus du seuil du programme",
        )
        ax.set_xlabel("Centile du score « coût » (tranches de 5 centiles)")
        ax.legend(loc="upper left")
    gauche.set_yscale("log")  # de quelques centaines à des dizaines de milliers de dollars
    gauche.yaxis.set_major_formatter(lambda y, _: en_dollars(y))
    gauche.set_title("Coût à même centile du score « coût »")
    gauche.set_ylabel("Coût observé l'année suivante\n(moyenne, échelle logarithmique)")
    droite.set_title("Maladies chroniques à même centile du score « coût »")
    droite.set_ylabel("Maladies chroniques actives\n(moyenne, année suivante)")
    haut = {nom: {c: v[-1] for c, v in m.items()} for nom, m in courbes.items()}
    ecart_cout = courbes["Patients noirs"]["cost"] / courbes["Patients blancs"]["cost"] - 1
    au_dessus = int(
        (
            courbes["Patients noirs"]["n_chronic_next"]
            > courbes["Patients blancs"]["n_chronic_next"]
        ).sum()
    )
    show_figure(
        fig,
        "Deux figures selon le centile du score « coût » (20 tranches de 5 centiles), patients "
        "blancs (ronds, trait plein) et noirs (carrés, tirets) ; la zone grisée, pointillée, "
        "est au-dessus du seuil du programme (97e centile). À gauche, le coût observé l'année suivante : les deux courbes se suivent ; "
        "au-dessus du 10e centile, le coût moyen des patients noirs s'écarte de celui des "
        f"patients blancs de {fr_percent(np.abs(ecart_cout[2:]).mean(), 0)} en moyenne ; dans "
        f"la tranche la plus haute, {en_dollars(haut['Patients noirs']['cost'])} contre "
        f"{en_dollars(haut['Patients blancs']['cost'])}. À droite, les maladies chroniques : la "
        f"courbe des patients noirs est au-dessus dans {au_dessus} tranches sur 20.",
    )
print(
    "Tranche la plus haute (du 95e au 100e centile), coût moyen de l'année suivante : "
    f"{en_dollars(haut['Patients noirs']['cost'])} chez les patients noirs, "
    f"{en_dollars(haut['Patients blancs']['cost'])} chez les patients blancs, soit "
    f"{fr_percent(-ecart_cout[-1], 0)} de moins. (À gauche, l'échelle est logarithmique : "
    "chaque graduation multiplie le montant par 10, ce qui écrase cet écart.)"
)

# %% [markdown]
# À gauche, les courbes se suivent à peu près : à score égal, un coût moyen voisin. À droite,
# la courbe des patients noirs est **au-dessus** : à score égal, ils sont plus malades.
#
# **Attention, nos données s'écartent ici de l'étude.** Tout en haut du score, nos patients
# noirs coûtent **moins** que les blancs de même score (montants sous la figure) : notre score
# n'y est pas calibré. Dans l'étude, le score était calibré pour le coût et pourtant injuste
# pour le besoin (Obermeyer et al., 2019, figures 1A et 3A) : ce constat vient de l'article ;
# notre cohorte en montre le mécanisme.

# %% [markdown]
# ### Question 2 — L'écart de maladies chroniques entre inscrits, cible « coût » (2 points)
#
# Calculez l'**écart** du nombre moyen de maladies chroniques de l'année suivante
# (`n_chronic_next`) : moyenne des **inscrits noirs** **moins** moyenne des **inscrits
# blancs**, cible « coût » (`inscrits_cout` ; la vérification juge **3 décimales**).
#
# La moyenne d'une colonne pour certains patients s'écrit
# `cohorte.loc[condition, "nom_de_colonne"].mean()` ; `&` veut dire « et » entre deux
# conditions. Exemple, le coût moyen des patients blancs parmi les plus coûteux :
# `cohorte.loc[blancs & plus_couteux, "cost"].mean()`.
#
# <details><summary>Indice 1</summary>
#
# Quels patients comparez-vous : toute la cohorte jugée, ou seulement ceux que le score a
# retenus ? Quelle colonne dit le besoin de l'année que le score cherche à prévoir ? Dans quel
# ordre soustraire, pour qu'un écart positif veuille dire « les patients noirs sont plus
# malades » ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Une moyenne pour les inscrits noirs, une autre pour les inscrits blancs. Quelle condition,
# écrite avec `&`, garde les patients à la fois inscrits et noirs ?
# </details>

# %% answer="ecart_maladies"
ecart_maladies = ...
### BEGIN SOLUTION
ecart_maladies = (
    cohorte.loc[inscrits_cout & noirs, "n_chronic_next"].mean()
    - cohorte.loc[inscrits_cout & blancs, "n_chronic_next"].mean()
)
### END SOLUTION

# %% tests="ecart_maladies" points=2 session="formative"
# Vérification de la question 2 : exécutez cette cellule.
checks.expect(
    not (isinstance(ecart_maladies, float) and np.isnan(ecart_maladies)),
    "votre écart vaut nan (« pas un nombre ») : l'une de vos moyennes porte sur un groupe vide. "
    "Aucun patient ne remplit à la fois toutes les conditions reliées par & (par exemple noirs "
    "et blancs). Relisez chaque condition : inscrits_cout & noirs, puis inscrits_cout & blancs.",
    name="ecart_maladies",
)
valeur = checks.require_number(ecart_maladies, name="ecart_maladies")
checks.expect(
    not checks.matches_digest(valeur, "4e68184a38514bd3", name="ecart_maladies", decimals=3),
    "vous avez fait la différence de deux sommes (.sum()) : elle compte surtout qu'il y a bien "
    "plus d'inscrits blancs que d'inscrits noirs. La question demande l'écart des moyennes : "
    "utilisez .mean().",
    name="ecart_maladies",
)
checks.expect(
    valeur != n_noirs_inscrits - n_blancs_inscrits,
    "vous avez soustrait deux nombres de patients (n_noirs_inscrits moins "
    "n_blancs_inscrits). La question demande l'écart des moyennes de maladies "
    "chroniques (colonne « n_chronic_next ») : inscrits noirs moins inscrits blancs.",
    name="ecart_maladies",
)
checks.expect(
    abs(valeur) < 100,
    "votre écart se compte en centaines ou en milliers : c'est un écart en dollars. Vous avez "
    "sans doute pris la colonne « cost » (le coût) ; la question porte sur les maladies "
    "chroniques de l'année suivante, la colonne « n_chronic_next ».",
    name="ecart_maladies",
)
checks.expect(
    not -5 <= valeur < 0,
    "votre écart est négatif : vous avez sans doute inversé les groupes. Calculez la moyenne "
    "des inscrits noirs moins celle des inscrits blancs.",
    name="ecart_maladies",
)
checks.check_number(
    ecart_maladies,
    name="ecart_maladies",
    digest="312b742542d84700",
    decimals=3,
    bounds=(-5, 5),
    percent_is_mistake=False,
    mistakes=[
        checks.Mistake(
            None,
            "vous avez pris les maladies chroniques de cette année (colonne « n_chronic »). Le "
            "score sert à prévoir l'année suivante : comparez la colonne « n_chronic_next ».",
            digest="c4033c34488b37a6",
        ),
        checks.Mistake(
            None,
            "vous avez comparé les groupes dans toute la cohorte jugée. La question porte sur "
            "les inscrits : des patients au-dessus du même seuil de score.",
            digest="3c52a03c4617ee02",
        ),
        checks.Mistake(
            None,
            "vous avez retranché la moyenne de tous les inscrits, noirs et blancs ensemble. La "
            "question compare deux groupes : retranchez la moyenne des inscrits blancs "
            "seulement (inscrits_cout & blancs).",
            digest="c696eda09b2a3031",
        ),
        checks.Mistake(
            None,
            "vous avez pris les inscrits avec la cible « maladies ». La question "
            "porte sur la cible « coût » (celle de l'algorithme de l'étude).",
            digest="c5277aee8e84f3ae",
        ),
        checks.Mistake(
            None,
            "vous avez donné la moyenne des inscrits noirs seulement. La question demande un "
            "écart : retranchez la moyenne des inscrits blancs.",
            digest="3e435892e7fc7a5e",
        ),
        checks.Mistake(
            None,
            "vous avez donné la moyenne des inscrits blancs seulement. La question demande un "
            "écart : la moyenne des inscrits noirs moins celle des inscrits blancs.",
            digest="1978cd28ddab9f19",
        ),
        checks.Mistake(
            None,
            "vous avez calculé un écart relatif (rapporté à la moyenne des inscrits blancs). On "
            "attend une différence, en nombre de maladies chroniques : noirs moins blancs.",
            digest="da1e475cd12744ba",
        ),
        checks.Mistake(
            None,
            "vous avez calculé un rapport (noirs divisé par blancs). On attend une différence, "
            "en nombre de maladies chroniques : noirs moins blancs.",
            digest="adfac2837678ed35",
        ),
        checks.Mistake(
            None,
            "vous avez comparé des médianes (median). La question demande l'écart des "
            "moyennes : utilisez .mean().",
            digest="8451d4557a59eefe",
        ),
        checks.Mistake(
            None,
            "vous avez pris tous les patients de la tranche du 95e au 100e centile, inscrits ou "
            "non (tranche_haute). La question porte sur les inscrits (inscrits_cout).",
            digest="034edaffb01f4c94",
        ),
        checks.Mistake(
            None,
            "vous avez repris l'exemple de l'énoncé : les patients les plus coûteux "
            "(plus_couteux), inscrits ou non. La question porte sur les inscrits du score "
            "« coût » (inscrits_cout).",
            digest="4010ce3589c3d502",
        ),
        checks.Mistake(
            None,
            "vous avez pris les retenus de la question 1 (les places du programme). La question 2 "
            "compare les inscrits, au-dessus du 97e centile : inscrits_cout.",
            digest="4444af34e41914ac",
        ),
    ],
    hint="Faites la différence de deux moyennes de n_chronic_next, chez les inscrits "
    "seulement : noirs moins blancs.",
    success=f"au-dessus du même seuil, les inscrits noirs ont en moyenne {fr_number(valeur, 2)} "
    "maladie chronique de plus que les inscrits blancs. Que prouve cet écart ? La section 5 "
    "reviendra sur cette question.",
    points=2,
)
### BEGIN HIDDEN TESTS
from esn_teach.explorers import selection_by_group  # not imported in the students' cells

attendu = selection_by_group(scores_cout, race, besoin, percentile=centile_programme)[
    "mean_need_selected"
]
checks.check_number(
    ecart_maladies,
    name="ecart_maladies",
    expected=float(attendu["Black"] - attendu["White"]),
    decimals=3,
    percent_is_mistake=False,
    points=2,
)
### END HIDDEN TESTS

# %% mistake="ecart_maladies" session="formative"
# message : la moyenne de tous les inscrits
ecart_maladies = (
    cohorte.loc[inscrits_cout & noirs, "n_chronic_next"].mean()
    - cohorte.loc[inscrits_cout, "n_chronic_next"].mean()
)

# %% mistake="ecart_maladies" session="formative"
# message : les retenus de la question 1
retenus_q1 = np.zeros(len(cohorte), dtype=bool)
retenus_q1[np.argsort(-scores_cout, kind="stable")[:places]] = True
ecart_maladies = (
    cohorte.loc[retenus_q1 & noirs, "n_chronic_next"].mean()
    - cohorte.loc[retenus_q1 & blancs, "n_chronic_next"].mean()
)

# %% mistake="ecart_maladies" session="formative"
# message : deux nombres de patients
ecart_maladies = n_noirs_inscrits - n_blancs_inscrits

# %% mistake="ecart_maladies" session="formative"
# message : inversé les groupes
ecart_maladies = (
    cohorte.loc[inscrits_cout & blancs, "n_chronic_next"].mean()
    - cohorte.loc[inscrits_cout & noirs, "n_chronic_next"].mean()
)

# %% mistake="ecart_maladies" session="formative"
# message : un groupe vide
ecart_maladies = (
    cohorte.loc[inscrits_cout & noirs & blancs, "n_chronic_next"].mean()
    - cohorte.loc[inscrits_cout & blancs, "n_chronic_next"].mean()
)

# %% mistake="ecart_maladies" session="formative"
# message : maladies chroniques de cette année
ecart_maladies = (
    cohorte.loc[inscrits_cout & noirs, "n_chronic"].mean()
    - cohorte.loc[inscrits_cout & blancs, "n_chronic"].mean()
)

# %% mistake="ecart_maladies" session="formative"
# message : dans toute la cohorte
ecart_maladies = (
    cohorte.loc[noirs, "n_chronic_next"].mean() - cohorte.loc[blancs, "n_chronic_next"].mean()
)

# %% mistake="ecart_maladies" session="formative"
# message : c'est un écart en dollars
ecart_maladies = (
    cohorte.loc[inscrits_cout & noirs, "cost"].mean()
    - cohorte.loc[inscrits_cout & blancs, "cost"].mean()
)

# %% mistake="ecart_maladies" session="formative"
# message : vous avez calculé un écart relatif
ecart_maladies = (
    cohorte.loc[inscrits_cout & noirs, "n_chronic_next"].mean()
    - cohorte.loc[inscrits_cout & blancs, "n_chronic_next"].mean()
) / cohorte.loc[inscrits_cout & blancs, "n_chronic_next"].mean()

# %% mistake="ecart_maladies" session="formative"
# message : vous avez calculé un rapport
ecart_maladies = (
    cohorte.loc[inscrits_cout & noirs, "n_chronic_next"].mean()
    / cohorte.loc[inscrits_cout & blancs, "n_chronic_next"].mean()
)

# %% mistake="ecart_maladies" session="formative"
# message : la moyenne des inscrits noirs seulement
ecart_maladies = cohorte.loc[inscrits_cout & noirs, "n_chronic_next"].mean()

# %% mistake="ecart_maladies" session="formative"
# message : la moyenne des inscrits blancs seulement
ecart_maladies = cohorte.loc[inscrits_cout & blancs, "n_chronic_next"].mean()

# %% mistake="ecart_maladies" session="formative"
# message : vous avez comparé des médianes
ecart_maladies = (
    cohorte.loc[inscrits_cout & noirs, "n_chronic_next"].median()
    - cohorte.loc[inscrits_cout & blancs, "n_chronic_next"].median()
)

# %% mistake="ecart_maladies" session="formative"
# message : la différence de deux sommes
ecart_maladies = (
    cohorte.loc[inscrits_cout & noirs, "n_chronic_next"].sum()
    - cohorte.loc[inscrits_cout & blancs, "n_chronic_next"].sum()
)

# %% mistake="ecart_maladies" session="formative"
# message : inscrits ou non (tranche_haute)
ecart_maladies = (
    cohorte.loc[tranche_haute & noirs, "n_chronic_next"].mean()
    - cohorte.loc[tranche_haute & blancs, "n_chronic_next"].mean()
)

# %% mistake="ecart_maladies" session="formative"
# message : repris l'exemple de l'énoncé
ecart_maladies = (
    cohorte.loc[plus_couteux & noirs, "n_chronic_next"].mean()
    - cohorte.loc[plus_couteux & blancs, "n_chronic_next"].mean()
)

# %% mistake="ecart_maladies" session="formative"
# message : cible « maladies »
ecart_maladies = (
    cohorte.loc[inscrits_sante & noirs, "n_chronic_next"].mean()
    - cohorte.loc[inscrits_sante & blancs, "n_chronic_next"].mean()
)

# %% tests="ecart_maladies" points=2 session="evaluation"
# Vérification de la question 2 : exécutez cette cellule.
checks.check_form(ecart_maladies, name="ecart_maladies", kind="number", decimals=3, bounds=(-5, 5))
### BEGIN HIDDEN TESTS
from esn_teach.explorers import selection_by_group  # not imported in the students' cells

graine_copie = cost_need_seed(checks.student_seed("03", announce=False))
cas_copie = make_cost_vs_need_cohort(random_state=graine_copie)
appris_copie, juges_copie = train_test_split(
    cas_copie.frame, test_size=1 / 3, random_state=graine_copie
)
x_appris_copie = appris_copie[list(cas_copie.feature_names)].astype(float)
x_appris_copie["prior_cost"] = np.log1p(x_appris_copie["prior_cost"])
x_juges_copie = juges_copie[list(cas_copie.feature_names)].astype(float)
x_juges_copie["prior_cost"] = np.log1p(x_juges_copie["prior_cost"])
modele_cout_copie = PoissonRegressor(alpha=0, solver="newton-cholesky")
modele_sante_copie = PoissonRegressor(alpha=0, solver="newton-cholesky")
scores_copie = {
    "cost": modele_cout_copie.fit(x_appris_copie, appris_copie["cost"]).predict(x_juges_copie),
    "n_chronic_next": modele_sante_copie.fit(
        x_appris_copie, appris_copie["n_chronic_next"]
    ).predict(x_juges_copie),
}
race_copie = juges_copie["race"].to_numpy(dtype=str)

moyennes_copie = selection_by_group(
    scores_copie["cost"], race_copie, juges_copie["n_chronic_next"], percentile=97
)["mean_need_selected"]
tous_copie = selection_by_group(
    scores_copie["cost"], race_copie, juges_copie["n_chronic_next"], percentile=0
)["mean_need_selected"]
cette_annee_copie = selection_by_group(
    scores_copie["cost"], race_copie, juges_copie["n_chronic"], percentile=97
)["mean_need_selected"]
sante_copie = selection_by_group(
    scores_copie["n_chronic_next"], race_copie, juges_copie["n_chronic_next"], percentile=97
)["mean_need_selected"]
attendu_copie = float(moyennes_copie["Black"] - moyennes_copie["White"])
# Les autres erreurs nommées du formatif, sur les cas de la copie (la colonne « cost » et les
# sommes sont hors de [-5 ; 5] : la vérification de forme les arrête avant ce test).
besoin_copie = juges_copie["n_chronic_next"].to_numpy(dtype=float)
cout_copie = juges_copie["cost"].to_numpy(dtype=float)
noirs_copie, blancs_copie = race_copie == "Black", race_copie == "White"
inscrits_copie = scores_copie["cost"] >= np.percentile(scores_copie["cost"], 97)
haut_copie = scores_copie["cost"] >= np.percentile(scores_copie["cost"], 95)  # tranche_haute
chers_copie = cout_copie >= np.percentile(cout_copie, 95)  # plus_couteux
# The patients retained by question 1's places (a plausible slip: Q1's retenus in Q2).
places_q1_copie = cost_need_places(checks.student_seed("03", announce=False))
retenus_copie = np.zeros(len(race_copie), dtype=bool)
retenus_copie[np.argsort(-scores_copie["cost"], kind="stable")[:places_q1_copie]] = True
inscrits_noirs_copie = besoin_copie[inscrits_copie & noirs_copie]
inscrits_blancs_copie = besoin_copie[inscrits_copie & blancs_copie]


def ecart_copie(garde, mesure):
    """Moyenne des patients noirs gardés moins celle des patients blancs gardés."""
    return float(mesure[garde & noirs_copie].mean() - mesure[garde & blancs_copie].mean())


def ecart_tranches_copie(scores, n_tranches):
    """Écart à score égal (noirs moins blancs), tranche par tranche, pondéré comme en section 5."""
    tranches_copie = np.argsort(np.argsort(scores)) * n_tranches // len(scores)
    ecarts, poids = [], []
    for t in range(n_tranches):
        a = besoin_copie[(tranches_copie == t) & noirs_copie]
        b = besoin_copie[(tranches_copie == t) & blancs_copie]
        if a.size and b.size:  # une tranche sans l'un des groupes ne mesure aucun écart
            ecarts.append(a.mean() - b.mean())
            poids.append(a.size)
    return float(np.average(ecarts, weights=poids))


# Pour le correcteur de la réflexion (critère 3) : les chiffres de la section 5 de cette copie,
# imprimés dans la copie corrigée seulement (les tests cachés ne sont pas publiés), avant la
# vérification (affichés même si la réponse est fausse).
latente_copie = juges_copie["latent_illness"].to_numpy(dtype=float)
parts_copie = {
    nom: float(np.mean(race_copie[s_copie >= np.percentile(s_copie, 97)] == "Black"))
    for nom, s_copie in [
        ("coût", scores_copie["cost"]),
        ("maladies", scores_copie["n_chronic_next"]),
        ("score juste", latente_copie),
    ]
}
print(
    "Pour le correcteur (réflexion, critère 3), les chiffres de cette copie (section 5) : écart "
    "de maladies à score égal, tous scores, tranches de 5 centiles : cible « coût » "
    f"{fr_number(ecart_tranches_copie(scores_copie['cost'], 20), 2)}, cible « maladies » "
    f"{fr_number(ecart_tranches_copie(scores_copie['n_chronic_next'], 20), 2)}, score juste "
    f"{fr_number(ecart_tranches_copie(latente_copie, 20), 2)} ; centile par centile : cible "
    f"« coût » {fr_number(ecart_tranches_copie(scores_copie['cost'], 100), 2)}, score juste "
    f"{fr_number(ecart_tranches_copie(latente_copie, 100), 2)} ; part des patients noirs "
    f"parmi les inscrits : cible « coût » {fr_percent(parts_copie['coût'])}, cible "
    f"« maladies » {fr_percent(parts_copie['maladies'])}, score juste "
    f"{fr_percent(parts_copie['score juste'])}."
)
checks.check_number(
    ecart_maladies,  # la réponse de la copie
    name="ecart_maladies",
    expected=attendu_copie,  # noirs moins blancs, sur les cas de la copie
    decimals=3,  # comme la vérification visible
    percent_is_mistake=False,  # un écart n'est pas une proportion
    mistakes=[
        checks.Mistake(
            -attendu_copie,
            "votre écart est négatif : vous avez inversé les groupes. Calculez la moyenne des "
            "patients noirs moins celle des patients blancs.",
        ),
        checks.Mistake(
            float(tous_copie["Black"] - tous_copie["White"]),
            "vous avez comparé les groupes dans toute la cohorte jugée, quel que soit leur "
            "score. Ne gardez que les patients au-dessus du seuil de score demandé.",
        ),
        checks.Mistake(
            float(cette_annee_copie["Black"] - cette_annee_copie["White"]),
            "vous avez pris les maladies chroniques de cette année (colonne « n_chronic »). Le "
            "score sert à prévoir l'année suivante : comparez la colonne « n_chronic_next ».",
        ),
        checks.Mistake(
            float(sante_copie["Black"] - sante_copie["White"]),
            "vous avez pris les patients retenus par le score « maladies ». La question porte "
            "sur la cible « coût » (celle de l'algorithme de l'étude).",
        ),
        checks.Mistake(
            float(np.median(inscrits_noirs_copie) - np.median(inscrits_blancs_copie)),
            "vous avez comparé des médianes (median). La question demande l'écart des "
            "moyennes : utilisez .mean().",
        ),
        checks.Mistake(
            float(inscrits_noirs_copie.mean() / inscrits_blancs_copie.mean()),
            "vous avez calculé un rapport (noirs divisé par blancs). On attend une différence, "
            "en nombre de maladies chroniques : noirs moins blancs.",
        ),
        checks.Mistake(
            float(attendu_copie / inscrits_blancs_copie.mean()),
            "vous avez calculé un écart relatif (rapporté à la moyenne des inscrits blancs). On "
            "attend une différence, en nombre de maladies chroniques : noirs moins blancs.",
        ),
        checks.Mistake(
            float(inscrits_noirs_copie.mean()),
            "vous avez donné la moyenne des inscrits noirs seulement. La question demande un "
            "écart : retranchez la moyenne des inscrits blancs.",
        ),
        checks.Mistake(
            float(inscrits_noirs_copie.mean() - besoin_copie[inscrits_copie].mean()),
            "vous avez retranché la moyenne de tous les inscrits, noirs et blancs ensemble. La "
            "question compare deux groupes : retranchez la moyenne des inscrits blancs "
            "seulement (inscrits_cout & blancs).",
        ),
        checks.Mistake(
            float(inscrits_blancs_copie.mean()),
            "vous avez donné la moyenne des inscrits blancs seulement. La question demande un "
            "écart : la moyenne des inscrits noirs moins celle des inscrits blancs.",
        ),
        checks.Mistake(
            ecart_copie(haut_copie, besoin_copie),
            "vous avez pris tous les patients de la tranche du 95e au 100e centile, inscrits ou "
            "non (tranche_haute). La question porte sur les inscrits (inscrits_cout).",
        ),
        checks.Mistake(
            ecart_copie(chers_copie, besoin_copie),
            "vous avez repris l'exemple de l'énoncé : les patients les plus coûteux "
            "(plus_couteux), inscrits ou non. La question porte sur les inscrits du score "
            "« coût » (inscrits_cout).",
        ),
        checks.Mistake(
            ecart_copie(retenus_copie, besoin_copie),
            "vous avez pris les retenus de la question 1 (les places du programme). La question 2 "
            "compare les inscrits, au-dessus du 97e centile : inscrits_cout.",
        ),
        checks.Mistake(
            float(np.sum(inscrits_copie & noirs_copie) - np.sum(inscrits_copie & blancs_copie)),
            "vous avez soustrait deux nombres de patients (n_noirs_inscrits moins "
            "n_blancs_inscrits). La question demande l'écart des moyennes de maladies "
            "chroniques (colonne « n_chronic_next ») : inscrits noirs moins inscrits blancs.",
        ),
    ],
    hint="Faites la différence de deux moyennes de n_chronic_next, chez les inscrits "
    "seulement : noirs moins blancs.",
    points=2,
)
### END HIDDEN TESTS

# %% mistake="ecart_maladies" session="evaluation"
# message : la moyenne de tous les inscrits
ecart_maladies = (
    cohorte.loc[inscrits_cout & noirs, "n_chronic_next"].mean()
    - cohorte.loc[inscrits_cout, "n_chronic_next"].mean()
)

# %% mistake="ecart_maladies" session="evaluation"
# message : les retenus de la question 1
retenus_q1 = np.zeros(len(cohorte), dtype=bool)
retenus_q1[np.argsort(-scores_cout, kind="stable")[:places]] = True
ecart_maladies = (
    cohorte.loc[retenus_q1 & noirs, "n_chronic_next"].mean()
    - cohorte.loc[retenus_q1 & blancs, "n_chronic_next"].mean()
)

# %% mistake="ecart_maladies" session="evaluation"
# message : inversé les groupes
ecart_maladies = (
    cohorte.loc[inscrits_cout & blancs, "n_chronic_next"].mean()
    - cohorte.loc[inscrits_cout & noirs, "n_chronic_next"].mean()
)

# %% mistake="ecart_maladies" session="evaluation"
# message : dans toute la cohorte
ecart_maladies = (
    cohorte.loc[noirs, "n_chronic_next"].mean() - cohorte.loc[blancs, "n_chronic_next"].mean()
)

# %% mistake="ecart_maladies" session="evaluation"
# message : score « maladies »
ecart_maladies = (
    cohorte.loc[inscrits_sante & noirs, "n_chronic_next"].mean()
    - cohorte.loc[inscrits_sante & blancs, "n_chronic_next"].mean()
)

# %% mistake="ecart_maladies" session="evaluation"
# message : vous avez comparé des médianes
ecart_maladies = (
    cohorte.loc[inscrits_cout & noirs, "n_chronic_next"].median()
    - cohorte.loc[inscrits_cout & blancs, "n_chronic_next"].median()
)

# %% mistake="ecart_maladies" session="evaluation"
# message : vous avez calculé un rapport
ecart_maladies = (
    cohorte.loc[inscrits_cout & noirs, "n_chronic_next"].mean()
    / cohorte.loc[inscrits_cout & blancs, "n_chronic_next"].mean()
)

# %% mistake="ecart_maladies" session="evaluation"
# message : inscrits ou non (tranche_haute)
ecart_maladies = (
    cohorte.loc[tranche_haute & noirs, "n_chronic_next"].mean()
    - cohorte.loc[tranche_haute & blancs, "n_chronic_next"].mean()
)

# %% mistake="ecart_maladies" session="evaluation"
# message : repris l'exemple de l'énoncé
ecart_maladies = (
    cohorte.loc[plus_couteux & noirs, "n_chronic_next"].mean()
    - cohorte.loc[plus_couteux & blancs, "n_chronic_next"].mean()
)

# %% [markdown] session="formative"
# ### Question 3 — Ce que ces chiffres disent du choix de la cible (2 points)
#
# À même score, les patients noirs sont plus malades (section 4). Quelle lecture est juste ?
# Répondez par l'une des options, entre guillemets :
#
# - `"race"` : le score tient compte de leur race ; la lui retirer réduirait l'écart ;
# - `"précision"` : le score prédit mal leur coût ; un modèle plus précis réduirait l'écart ;
# - `"cible"` : le score prédit bien le coût, mais le coût mesure mal leur besoin ;
# - `"taille du biais"` : l'écart de la question 2 dit de combien le score sous-estime leur
#   besoin ;
# - `"intention"` : les soignants choisissent de moins les soigner ; le score reproduit ce
#   choix.
#
# <details><summary>Indice 1</summary>
#
# Que montre la figure de gauche sur ce que le score a appris à prédire ? Et la figure de
# droite sur le besoin ? Puis, pour chaque lecture : les chiffres la montrent-ils vraiment, ou
# disent-ils moins ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Quelles informations le score utilise-t-il (section 3) ? À même score, le coût moyen
# diffère-t-il beaucoup entre les groupes ? Un écart entre inscrits existerait-il aussi avec un
# score juste, si un groupe est plus malade dans toute la cohorte ? Et les chiffres disent-ils
# pourquoi on dépense moins pour les patients noirs ?
# </details>

# %% answer="lecture_cible" session="formative"
lecture_cible = ...
### BEGIN SOLUTION
lecture_cible = "cible"
### END SOLUTION

# %% tests="lecture_cible" points=2 session="formative"
# Vérification de la question 3 : exécutez cette cellule.
checks.check_choice(
    lecture_cible,
    name="lecture_cible",
    options=["race", "précision", "cible", "taille du biais", "intention"],
    digest="b1418b7512512af7",
    mistakes=[
        checks.Mistake(
            None,
            "le score n'utilise pas la race : ses sept informations sont listées en section 3. "
            "L'écart vient de ce qu'il prédit, le coût, qui dépend de l'accès aux soins ; "
            "retirer la race n'y change rien.",
            digest="9460c15bffb2fe65",
        ),
        checks.Mistake(
            None,
            "la figure de gauche montre le contraire : à même score, le coût moyen est voisin "
            "dans les deux groupes, le score prédit à peu près bien le coût. Un modèle plus "
            "précis prédirait encore mieux le coût, pas le besoin : c'est la cible qu'il faut "
            "changer.",
            digest="e5c7a1ce9ef8e258",
        ),
        checks.Mistake(
            None,
            "un écart entre inscrits existe aussi avec un score juste, quand un groupe est plus "
            "malade dans toute la cohorte : seul, il ne mesure pas ce que le score oublie. Il "
            "faut le comparer à une référence mesurée de la même façon (section 5).",
            digest="12545947eee6a181",
        ),
        checks.Mistake(
            None,
            "les chiffres montrent qu'à maladie égale on dépense moins pour les patients noirs "
            "(section 2), pas pourquoi : accès aux soins, assurance, distance, confiance. Et "
            "notre cohorte est synthétique : elle ne dit rien des intentions de soignants réels.",
            digest="8a7a20145159a94b",
        ),
    ],
    success="le score fait ce qu'on lui a demandé, prédire le coût ; c'est le choix de cette "
    "cible qui laisse de côté des patients noirs plus malades. De combien, la section 5 le "
    "mesure, contre la référence d'un score juste.",
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    lecture_cible,
    name="lecture_cible",
    options=["race", "précision", "cible", "taille du biais", "intention"],
    expected="cible",
)
### END HIDDEN TESTS

# %% mistake="lecture_cible" session="formative"
# message : le score n'utilise pas la race
lecture_cible = "race"

# %% mistake="lecture_cible" session="formative"
# message : prédirait encore mieux le coût
lecture_cible = "précision"

# %% mistake="lecture_cible" session="formative"
# message : un écart entre inscrits existe aussi avec un score juste
lecture_cible = "taille du biais"

# %% mistake="lecture_cible" session="formative"
# message : pas pourquoi
lecture_cible = "intention"

# %% mistake="lecture_cible" session="formative"
# message : n'est pas l'une des options
lecture_cible = "coût"

# %% [markdown] session="evaluation"
# ### Question 3 — Une autre situation : que disent ces constats ? (2 points)
#
# La cellule suivante décrit l'audit d'un autre score, inventé pour la question : il prédit une
# autre grandeur et compare un autre groupe de patients. Puis elle affiche cinq lectures de ses
# constats, désignées par une lettre. Vos voisins n'ont pas toujours la même situation ni le
# même ordre : lisez chaque lecture en entier. Quelle lecture est juste ? Répondez par sa
# lettre, entre guillemets (par exemple `"A"`).
#
# <details><summary>Indice 1</summary>
#
# Pour chaque lecture : s'appuie-t-elle sur un constat de l'audit, le contredit-elle, ou en
# dit-elle plus que les constats ? Rapprochez chaque constat de ce que montrent les figures de
# la section 4 et votre écart de la question 2.
# </details>

# %% session="evaluation" jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il affiche la situation de la question 3 tirée pour votre
# copie, et ses cinq lectures dans un ordre tiré aussi.
import textwrap

tirage_q3 = cost_need_reading(checks.student_seed("03", announce=False))
_, situation_texte, lectures_affichees = tirage_q3
print(textwrap.fill(situation_texte, 100))
print()
for lettre, (_, lecture) in zip("ABCDE", lectures_affichees, strict=True):
    print(textwrap.fill(f"« {lettre} » : {lecture}", 100, subsequent_indent="      "))

# %% answer="lecture_cible" session="evaluation"
lecture_cible = ...
### BEGIN SOLUTION
roles_q3 = {  # le rôle de chaque lecture de la banque, situation par situation
    0: ("groupe", "précision", "juste", "taille", "intention"),
    1: ("juste", "groupe", "précision", "intention", "taille"),
    2: ("taille", "intention", "groupe", "juste", "précision"),
}
situation_q3, _, lectures_q3 = cost_need_reading(checks.student_seed("03", announce=False))
lettres_q3 = dict(zip((rang for rang, _ in lectures_q3), "ABCDE", strict=True))
lecture_cible = lettres_q3[roles_q3[situation_q3].index("juste")]
### END SOLUTION

# %% tests="lecture_cible" points=2 session="evaluation"
# Vérification de la question 3 : exécutez cette cellule.
checks.check_form(
    lecture_cible, name="lecture_cible", kind="choice", options=["A", "B", "C", "D", "E"]
)
### BEGIN HIDDEN TESTS
roles_copie_q3 = {  # le rôle de chaque lecture de la banque, situation par situation
    0: ("groupe", "précision", "juste", "taille", "intention"),
    1: ("juste", "groupe", "précision", "intention", "taille"),
    2: ("taille", "intention", "groupe", "juste", "précision"),
}
# Le message de chaque lecture fausse, quelle que soit la situation.
messages_q3 = {
    "groupe": "le score n'utilise pas cette information : l'énoncé le dit. L'écart vient de ce "
    "qu'il prédit, une grandeur qui dépend aussi de l'accès aux soins ; lui retirer une "
    "information qu'il n'a pas n'y changerait rien.",
    "précision": "le constat (1) dit le contraire : à même score, les deux groupes ont à peu "
    "près la même valeur de la grandeur prédite, que le score prévoit donc bien. Un modèle plus "
    "précis la prévoirait encore mieux, pas le besoin : c'est la grandeur prédite qu'il faut "
    "changer.",
    "taille": "un écart entre patients retenus existe aussi avec un score juste, quand un "
    "groupe est plus malade dans toute la population : seul, il ne mesure pas ce que le score "
    "oublie. Il faut le comparer à une référence mesurée de la même façon (section 5).",
    "intention": "les constats montrent qu'à même score, un groupe plus malade reçoit autant de "
    "soins que l'autre, donc moins pour son besoin, mais pas pourquoi : distance, "
    "démarches, confiance, offre de soins. Ils ne disent rien des intentions des soignants.",
}
tirage_copie_q3 = cost_need_reading(checks.student_seed("03", announce=False))
situation_copie_q3, _, lectures_copie_q3 = tirage_copie_q3
role_de_la_lettre_q3 = {
    lettre: roles_copie_q3[situation_copie_q3][rang]
    for lettre, (rang, _) in zip("ABCDE", lectures_copie_q3, strict=True)
}
checks.check_choice(
    lecture_cible,  # la réponse de la copie
    name="lecture_cible",
    options=["A", "B", "C", "D", "E"],  # les lettres des cinq lectures
    expected=next(lettre for lettre, role in role_de_la_lettre_q3.items() if role == "juste"),
    mistakes=[
        checks.Mistake(lettre, messages_q3[role])
        for lettre, role in role_de_la_lettre_q3.items()
        if role != "juste"
    ],
    success="vous avez reconnu le mécanisme du module dans une autre situation : le score "
    "prévoit bien la grandeur qu'il a apprise, mais cette grandeur dépend aussi de l'accès aux "
    "soins et mesure mal le besoin d'un groupe qui y accède moins. De combien, il faut le "
    "mesurer contre une référence (section 5).",
)
### END HIDDEN TESTS

# %% mistake="lecture_cible" session="evaluation"
# message : le score n'utilise pas cette information
roles_q3 = {  # le rôle de chaque lecture de la banque, situation par situation
    0: ("groupe", "précision", "juste", "taille", "intention"),
    1: ("juste", "groupe", "précision", "intention", "taille"),
    2: ("taille", "intention", "groupe", "juste", "précision"),
}
situation_q3, _, lectures_q3 = cost_need_reading(checks.student_seed("03", announce=False))
lecture_cible = next(
    lettre
    for lettre, (rang, _) in zip("ABCDE", lectures_q3, strict=True)
    if roles_q3[situation_q3][rang] == "groupe"
)

# %% mistake="lecture_cible" session="evaluation"
# message : le constat (1) dit le contraire
roles_q3 = {  # le rôle de chaque lecture de la banque, situation par situation
    0: ("groupe", "précision", "juste", "taille", "intention"),
    1: ("juste", "groupe", "précision", "intention", "taille"),
    2: ("taille", "intention", "groupe", "juste", "précision"),
}
situation_q3, _, lectures_q3 = cost_need_reading(checks.student_seed("03", announce=False))
lecture_cible = next(
    lettre
    for lettre, (rang, _) in zip("ABCDE", lectures_q3, strict=True)
    if roles_q3[situation_q3][rang] == "précision"
)

# %% mistake="lecture_cible" session="evaluation"
# message : existe aussi avec un score juste
roles_q3 = {  # le rôle de chaque lecture de la banque, situation par situation
    0: ("groupe", "précision", "juste", "taille", "intention"),
    1: ("juste", "groupe", "précision", "intention", "taille"),
    2: ("taille", "intention", "groupe", "juste", "précision"),
}
situation_q3, _, lectures_q3 = cost_need_reading(checks.student_seed("03", announce=False))
lecture_cible = next(
    lettre
    for lettre, (rang, _) in zip("ABCDE", lectures_q3, strict=True)
    if roles_q3[situation_q3][rang] == "taille"
)

# %% mistake="lecture_cible" session="evaluation"
# message : pas pourquoi
roles_q3 = {  # le rôle de chaque lecture de la banque, situation par situation
    0: ("groupe", "précision", "juste", "taille", "intention"),
    1: ("juste", "groupe", "précision", "intention", "taille"),
    2: ("taille", "intention", "groupe", "juste", "précision"),
}
situation_q3, _, lectures_q3 = cost_need_reading(checks.student_seed("03", announce=False))
lecture_cible = next(
    lettre
    for lettre, (rang, _) in zip("ABCDE", lectures_q3, strict=True)
    if roles_q3[situation_q3][rang] == "intention"
)

# %% mistake="lecture_cible" session="evaluation"
# message : n'est pas l'une des options
lecture_cible = "cible"

# %% [markdown]
# ## 5. Changer la cible
#
# La cellule suivante compare les cibles, chaque chiffre avec son **intervalle de confiance à
# 95 %** (IC 95 %, module 01). **Dans une même tranche** : on compare patients noirs et blancs
# dans une tranche de 5 centiles du score ; **tous scores** : la moyenne de ces écarts sur les
# 20 tranches, pondérée par le nombre de patients noirs de chaque tranche ; **tranche du
# haut** : du 95ᵉ au 100ᵉ centile. La dernière colonne, un **score juste**, classe les patients
# selon leur vraie maladie (« latente »), inventée par notre générateur : c'est la
# **référence**, l'écart qui resterait sans biais.


# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il compare les cibles et affiche un tableau. Les cases qui
# donnent la réponse de la question 2 restent vides tant qu'elle n'est pas juste.
latente = cohorte["latent_illness"].to_numpy()  # maladie « latente », connue du générateur


def refuser_la_question_2(dans_le_groupe, mesure):
    """Séance évaluée : ces outils ne calculent pas l'écart de la question 2 sur votre cohorte."""
    # Compare values, not identity: a copy of n_chronic_next must be refused too.
    meme_mesure = np.shape(mesure) == np.shape(besoin) and np.array_equal(mesure, besoin)
    if graine != 0 and meme_mesure and np.array_equal(dans_le_groupe, inscrits_cout):
        raise ValueError(
            "En séance évaluée, cet outil ne calcule pas l'écart de la question 2 sur votre "
            "cohorte : écrivez ce calcul vous-même, dans la cellule de la question 2."
        )


def ecart_avec_ic(dans_le_groupe, mesure=None):
    """Écart de maladies chroniques (noirs moins blancs) parmi des patients, et son IC 95 %."""
    mesure = besoin if mesure is None else mesure  # par défaut, n_chronic_next
    refuser_la_question_2(dans_le_groupe, mesure)
    malades_noirs, malades_blancs = mesure[dans_le_groupe & noirs], mesure[dans_le_groupe & blancs]
    ecart = malades_noirs.mean() - malades_blancs.mean()
    # Erreur type de l'écart : grande si les valeurs sont dispersées, petite si les groupes
    # sont grands. L'intervalle à 95 % va de 1,96 erreur type en dessous à 1,96 au-dessus.
    erreur = np.sqrt(
        malades_noirs.var(ddof=1) / malades_noirs.size
        + malades_blancs.var(ddof=1) / malades_blancs.size
    )
    return ecart, ecart - 1.96 * erreur, ecart + 1.96 * erreur


def ecart_par_tranches(scores, du_centile=0, au_centile=100, mesure=None, largeur=5):
    """Écart (noirs moins blancs) à score égal : moyenne des écarts par tranche de centiles."""
    mesure = besoin if mesure is None else mesure  # par défaut, n_chronic_next
    n_tranches = 100 // largeur  # 20 tranches de 5 centiles, ou 100 d'un centile
    tranches = np.argsort(np.argsort(scores)) * n_tranches // len(scores)  # 0 : le bas
    ecarts, poids, variances = [], [], []
    for t in range(du_centile // largeur, au_centile // largeur):
        malades_noirs = mesure[(tranches == t) & noirs]
        malades_blancs = mesure[(tranches == t) & blancs]
        if malades_noirs.size < 2 or malades_blancs.size < 2:
            continue  # moins de deux patients d'un groupe : pas d'écart ni d'intervalle à mesurer
        ecarts.append(malades_noirs.mean() - malades_blancs.mean())
        poids.append(malades_noirs.size)
        variances.append(
            malades_noirs.var(ddof=1) / malades_noirs.size
            + malades_blancs.var(ddof=1) / malades_blancs.size
        )
    poids = np.array(poids) / sum(poids)  # chaque tranche pèse selon ses patients noirs
    ecart, erreur = float(poids @ ecarts), float(np.sqrt(poids**2 @ variances))
    return ecart, ecart - 1.96 * erreur, ecart + 1.96 * erreur


def en_clair(ecart, bas, haut):
    """Un écart et son intervalle, écrits à la française."""
    return f"{fr_number(ecart, 2)} (IC 95 % : {fr_number(bas, 2)} à {fr_number(haut, 2)})"


def ecart_du_haut(scores, tirage, du_centile=95):
    """Écart (noirs moins blancs) au-dessus d'un centile du score, parmi les patients tirés."""
    s, malades, n, b = scores[tirage], besoin[tirage], noirs[tirage], blancs[tirage]
    haut = s >= np.percentile(s, du_centile)  # les patients du haut de ce score
    if np.array_equal(tirage, np.arange(len(besoin))):  # tous les patients, dans l'ordre
        refuser_la_question_2(haut, besoin)
    return malades[haut & n].mean() - malades[haut & b].mean()


def depasse_le_juste(scores, tirages=500):
    """Tranche du haut : écart de ce score moins celui du score juste, IC 95 % par bootstrap.

    Les deux écarts sont mesurés sur les mêmes patients : on tire au sort des cohortes parmi
    eux (un patient peut être tiré plusieurs fois) et on recalcule les deux écarts sur chacune.
    """
    hasard = np.random.default_rng(graine)  # le même tirage à chaque exécution
    differences = []
    for _ in range(tirages):
        tirage = hasard.integers(0, len(cohorte), len(cohorte))
        differences.append(ecart_du_haut(scores, tirage) - ecart_du_haut(latente, tirage))
    tous_les_patients = np.arange(len(cohorte))
    difference = ecart_du_haut(scores, tous_les_patients) - ecart_du_haut(
        latente, tous_les_patients
    )
    erreur = np.std(differences, ddof=1)
    return difference, difference - 1.96 * erreur, difference + 1.96 * erreur


def colonne(scores, cachees=(), juste=False):
    """Les cases d'une colonne du tableau ; celles de ``cachees`` restent vides."""
    inscrits = scores >= np.percentile(scores, centile_programme)
    k, n = int((inscrits & noirs).sum()), int(inscrits.sum())
    bas, haut = proportion_ci(k, n)  # intervalle de Wilson (Wilson, 1927)
    ligne_inscrits = "Écart entre inscrits (noirs moins blancs)"
    cases = {
        "Part des patients noirs parmi les inscrits": (
            f"{fr_percent(k / n)} (IC 95 % : {fr_percent(bas)} à {fr_percent(haut)})"
        ),
        # Une case cachée n'est pas calculée (séance évaluée : la question 2).
        ligne_inscrits: ""
        if ligne_inscrits in dict(cachees)
        else en_clair(*ecart_avec_ic(inscrits)),
        "Écart dans une même tranche, tous scores": en_clair(*ecart_par_tranches(scores)),
        "Écart dans la tranche du haut (95e-100e centile)": en_clair(
            *ecart_avec_ic(scores >= np.percentile(scores, 95))
        ),
    }
    ligne_difference = "Tranche du haut : écart moins celui du score juste"
    if juste:
        cases[ligne_difference] = "référence"
    elif ligne_difference not in dict(cachees):  # le bootstrap ne tourne que si la case s'affiche
        cases[ligne_difference] = en_clair(*depasse_le_juste(scores))
    for ligne, question in cachees:
        cases[ligne] = f"après la {question}"
    return cases


lignes_a_cacher = [  # la case de la question 2 tant qu'elle n'est pas juste, colonnes « coût »
    # et « maladies » : avec la différence affichée après la séance, celle-ci redonnerait
    # l'écart de la question 2. (La part parmi les inscrits du 97e centile n'est pas la réponse
    # de la question 1, qui porte sur les places du programme.)
    ("Écart entre inscrits (noirs moins blancs)", "question 2", "ecart_maladies", (0, 1)),
]
tableau_cibles = pd.DataFrame(
    {
        nom: colonne(
            scores,
            [
                (ligne, question)
                for ligne, question, cle, colonnes in lignes_a_cacher
                if numero in colonnes and not checks.passed(cle)
            ],
            juste=numero == 2,
        )
        for numero, (nom, scores) in enumerate(
            [
                ("Cible « coût »", scores_cout),
                ("Cible « maladies »", scores_sante),
                ("Score juste (maladie latente)", latente),
            ]
        )
    }
)
display(tableau_cibles)
print("Écarts en maladies chroniques de l'année suivante (noirs moins blancs).")
print(
    "Centile par centile (100 tranches d'un centile), écart tous scores : score « coût », "
    f"{en_clair(*ecart_par_tranches(scores_cout, largeur=1))} ; score juste, "
    f"{en_clair(*ecart_par_tranches(latente, largeur=1))}."
)
if not checks.passed("ecart_maladies"):
    print(
        "Les cases « après la question 2 » se remplissent quand la vérification de cette "
        "question a dit « ✔ Correct » : relancez alors cette cellule (en séance évaluée, elles "
        "restent vides)."
    )

# %% [markdown]
# **Exemple corrigé.** Un score inventé prédit les consultations. Laquelle de ces deux
# affirmations vraies suffit à montrer qu'il sous-estime le besoin des patients noirs ?
#
# - « A » : à même âge, le score inscrit les patients noirs moins souvent que les blancs.
# - « B » : à même HbA1c et mêmes maladies chroniques, le score inscrit les patients noirs
#   moins souvent que les blancs.
#
# Seul change **ce qui est tenu égal**. À âge égal, le besoin peut différer : un score juste
# pourrait, lui aussi, inscrire un groupe moins souvent. A : `"non"`. À besoin mesuré égal, un
# score juste inscrirait autant les deux groupes : B : `"oui"`. La question à poser : **que
# donnerait la même comparaison avec un score juste ?**

# %% [markdown] session="formative"
# ### Question 4 — Quel résultat révèle le biais ? (2 points)
#
# Tenez chaque affirmation pour vraie : suffit-elle à montrer que le score « coût »
# **sous-estime le besoin** des patients noirs ?
#
# | Clé | Affirmation |
# |---|---|
# | « erreur sur le coût » | Tout en haut, les patients noirs coûtent 17 % de moins que les blancs de même score (section 4). |
# | « entre inscrits » | Les inscrits noirs ont plus de maladies chroniques que les inscrits blancs, IC 95 % excluant 0 (question 2). |
# | « part qui double » | La cible « maladies » inscrit environ deux fois plus de patients noirs que la cible « coût » (tableau). |
# | « inscrits et score juste » | L'écart entre inscrits de la question 2 est bien plus grand que l'écart du score juste sur tous les scores (0,10). |
# | « centile par centile » | Centile par centile du score « coût », les patients noirs ont 0,72 maladie chronique de plus que les blancs, IC 95 % de 0,65 à 0,78 (sous le tableau). |
# | « près du seuil » | Dans la tranche du haut, l'écart dépasse celui du score juste dans sa propre tranche du haut, IC 95 % de la différence excluant 0. |
#
# Remplacez chaque `...` par `"oui"` ou `"non"`, sans changer les clés (notation des
# questions à plusieurs items : voir l'en-tête).
#
# <details><summary>Indice 1</summary>
#
# Un résultat qui existerait aussi avec un score juste ne peut pas prouver qu'un score est
# injuste. Pour chaque affirmation, demandez-vous : que donnerait-elle avec un score juste ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Un score qui prédit trop cher un patient le classe-t-il plus haut ou plus bas ? Quand deux
# scores n'inscrivent pas les mêmes patients, qu'est-ce qui dit lequel se trompe ? Pour les
# autres : quelle est la référence, mesurée de la même façon (les mêmes tranches, ou les mêmes
# inscrits) ? Est-elle nulle, ou faut-il la lire dans la dernière colonne ?
# </details>

# %% [markdown] session="evaluation"
# ### Question 4 — Quel résultat révèle le biais ? (2 points)
#
# Tenez chaque affirmation pour vraie, et chaque écart qu'elle cite pour établi (son IC 95 %
# exclut 0) : suffit-elle à montrer que le score « coût » **sous-estime le besoin** des
# patients noirs ?
#
# La cellule suivante affiche six affirmations, désignées par une lettre, **par paires** (A et
# B, C et D, E et F). Les deux affirmations d'une paire parlent de la même chose, et **une
# seule des deux suffit** : à vous de dire laquelle. Elles ne reprennent pas les textes de
# l'entraînement, et vos voisins n'ont pas toujours les mêmes paires : lisez chacune en
# entier.
#
# Remplacez chaque `...` par `"oui"` ou `"non"`, sans changer les lettres (notation des
# questions à plusieurs items : voir l'en-tête).
#
# <details><summary>Indice 1</summary>
#
# Un résultat qui existerait aussi avec un score juste ne peut pas prouver qu'un score est
# injuste. Pour chaque affirmation, demandez-vous : que donnerait-elle avec un score juste ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Un score qui prédit trop cher un patient le classe-t-il plus haut ou plus bas ? Quand deux
# scores n'inscrivent pas les mêmes patients, qu'est-ce qui dit lequel se trompe ? Pour les
# autres : quelle est la référence, mesurée de la même façon (les mêmes tranches, ou les mêmes
# inscrits) ? Est-elle nulle, ou faut-il la lire dans la dernière colonne ?
# </details>

# %% session="evaluation" jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il affiche les trois paires d'affirmations de la
# question 4 tirées pour votre copie, dans un ordre tiré aussi.
affirmations_q4 = cost_need_statements(checks.variant_rng("03", announce=False))
for rang, (lettre, (_, _, affirmation)) in enumerate(zip("ABCDEF", affirmations_q4, strict=True)):
    if rang % 2 == 0:
        print(f"Paire {rang // 2 + 1} : une seule des deux affirmations suffit.")
    print(f"  « {lettre} » : {affirmation}")

# %% answer="preuve_biais" session="formative"
preuve_biais = {
    "erreur sur le coût": ...,
    "entre inscrits": ...,
    "part qui double": ...,
    "inscrits et score juste": ...,
    "centile par centile": ...,
    "près du seuil": ...,
}
### BEGIN SOLUTION
preuve_biais = {
    "erreur sur le coût": "non",
    "entre inscrits": "non",
    "part qui double": "non",
    "inscrits et score juste": "non",
    "centile par centile": "oui",
    "près du seuil": "oui",
}
### END SOLUTION

# %% answer="preuve_biais" session="evaluation"
preuve_biais = {
    "A": ...,
    "B": ...,
    "C": ...,
    "D": ...,
    "E": ...,
    "F": ...,
}
### BEGIN SOLUTION
# La clé de la formulation 0 de chaque notion ; la formulation 1 a la clé contraire (dans
# chaque paire, une seule affirmation suffit ; notes du module). Chaque lettre désigne la
# formulation affichée à ce rang pour la copie.
cles_formulation_0 = {
    "erreur sur le coût": "non",
    "entre inscrits": "oui",
    "part qui double": "non",
    "inscrits et score juste": "oui",
    "centile par centile": "non",
    "près du seuil": "oui",
}
contraire_q4 = {"oui": "non", "non": "oui"}
affirmations_q4 = cost_need_statements(checks.variant_rng("03", announce=False))
preuve_biais = {
    lettre: cles_formulation_0[cle] if formulation == 0 else contraire_q4[cles_formulation_0[cle]]
    for lettre, (cle, formulation, _) in zip("ABCDEF", affirmations_q4, strict=True)
}
### END SOLUTION

# %% tests="preuve_biais" points=2 session="formative"
# Vérification de la question 4 : exécutez cette cellule.
checks.check_choices(
    preuve_biais,
    name="preuve_biais",
    options=["oui", "non"],
    digests={
        "erreur sur le coût": "0f4e40d3d97522a4",
        "entre inscrits": "a90e18a452400352",
        "part qui double": "3136a42c94cec8b1",
        "inscrits et score juste": "fda195c0d1c239d6",
        "centile par centile": "6c09f52526aa17c6",
        "près du seuil": "845520d3b439e512",
    },
    mistakes={
        "erreur sur le coût": [
            checks.Mistake(
                None,
                "la figure de gauche de la section 4 montre un score à peu près calibré pour "
                "le coût dans les deux groupes ; tout en haut, les patients noirs coûtent même "
                "moins que les patients blancs de même score (montants sous la figure). Notre "
                "score surestime donc leur coût (un défaut de notre "
                "reproduction : celui de l'étude était calibré, figure 3A), ce qui les classe "
                "plutôt plus haut, pas plus bas : cette erreur ne peut pas expliquer qu'on les "
                "oublie.",
                digest="76544c4bd29ecb33",
            ),
        ],
        "entre inscrits": [
            checks.Mistake(
                None,
                "l'affirmation dit seulement que l'écart existe et ne vient pas du hasard. Or "
                "un écart entre inscrits peut exister sans biais : les patients noirs étant en "
                "moyenne plus malades, un score juste en inscrit de plus malades aussi "
                "(dernière colonne). L'affirmation ne compare l'écart à aucune référence : il "
                "en faudrait une mesurée sur des patients de même rang et de la même façon (par "
                "exemple, centile par centile parmi les inscrits, le score juste dans ses mêmes "
                "centiles).",
                digest="76fe5de396528428",
            ),
        ],
        "part qui double": [
            checks.Mistake(
                None,
                "une part qui change entre deux cibles montre que les deux scores n'inscrivent "
                "pas les mêmes patients, pas lequel se trompe : le score « maladies » pourrait "
                "en inscrire trop.",
                digest="57ee00dc000626b9",
            ),
        ],
        "inscrits et score juste": [
            checks.Mistake(
                None,
                "les deux écarts ne sont pas mesurés de la même façon : l'un entre inscrits, "
                "l'autre dans des tranches du score, sur tous les scores. Entre ses inscrits, le "
                "score juste garde lui aussi un écart (dernière colonne) : l'écart entre inscrits "
                "dépasserait la référence même sans biais. Citer la référence ne suffit pas ; il "
                "faut la mesurer de la même façon.",
                digest="99aeda5fbe0d9dcf",
            ),
        ],
        "centile par centile": [
            checks.Mistake(
                None,
                "dans des tranches d'un seul centile, un score juste ne laisse presque pas "
                "d'écart (ligne sous le tableau) : la référence y est un écart nul. Un écart "
                "dont l'IC 95 % exclut 0, mesuré ainsi, vient donc du score : à même centile, "
                "il classe les patients noirs comme s'ils étaient moins malades qu'ils ne le sont.",
                digest="fa0daadd753b3088",
            ),
        ],
        "près du seuil": [
            checks.Mistake(
                None,
                "la tranche est large, et même le score juste y garde un écart : l'affirmation "
                "compare les deux écarts, mesurés sur les mêmes patients et de la même façon, et "
                "l'IC de leur différence exclut 0. Ce qui dépasse la référence vient du score, "
                "pas de la largeur de la tranche.",
                digest="7771d2b1501a63e7",
            ),
        ],
    },
    success="vous avez jugé chaque affirmation à la même règle : un écart ne montre un biais "
    "que s'il dépasse ce que donne un score juste, mesuré sur les mêmes patients et de la même "
    "façon ; dans des tranches d'un centile, cette référence est nulle. Un écart qui existe "
    "entre inscrits, une part qui change, une erreur sur le coût, une référence mesurée "
    "autrement ne le disent pas. Cela montre que le score sous-estime le besoin ; pas encore "
    "pourquoi : le paragraphe qui suit la question en parle. Les deux preuves n'ont pas la "
    "même portée : « près du seuil » le montre dans la tranche du haut, là où le programme "
    "choisit, avec pour référence la maladie latente, que seul notre générateur connaît ; "
    "« centile par centile » le montre sur tous les scores, avec une référence nulle, celle "
    "qu'un hôpital peut employer (c'est l'audit de l'étude).",
    points=2,
)
### BEGIN HIDDEN TESTS
checks.check_choices(
    preuve_biais,
    name="preuve_biais",
    options=["oui", "non"],
    expected={
        "erreur sur le coût": "non",
        "entre inscrits": "non",
        "part qui double": "non",
        "inscrits et score juste": "non",
        "centile par centile": "oui",
        "près du seuil": "oui",
    },
    points=2,
)
### END HIDDEN TESTS

# %% mistake="preuve_biais" session="formative"
# message : à peu près calibré pour le coût
preuve_biais = {
    "erreur sur le coût": "oui",
    "entre inscrits": "non",
    "part qui double": "non",
    "inscrits et score juste": "non",
    "centile par centile": "oui",
    "près du seuil": "oui",
}

# %% mistake="preuve_biais" session="formative"
# message : ne compare l'écart à aucune référence
preuve_biais = {
    "erreur sur le coût": "non",
    "entre inscrits": "oui",
    "part qui double": "non",
    "inscrits et score juste": "non",
    "centile par centile": "oui",
    "près du seuil": "oui",
}

# %% mistake="preuve_biais" session="formative"
# message : pas lequel se trompe
preuve_biais = {
    "erreur sur le coût": "non",
    "entre inscrits": "non",
    "part qui double": "oui",
    "inscrits et score juste": "non",
    "centile par centile": "oui",
    "près du seuil": "oui",
}

# %% mistake="preuve_biais" session="formative"
# message : pas mesurés de la même façon
preuve_biais = {
    "erreur sur le coût": "non",
    "entre inscrits": "non",
    "part qui double": "non",
    "inscrits et score juste": "oui",
    "centile par centile": "oui",
    "près du seuil": "oui",
}

# %% mistake="preuve_biais" session="formative"
# message : la référence y est un écart nul
preuve_biais = {
    "erreur sur le coût": "non",
    "entre inscrits": "non",
    "part qui double": "non",
    "inscrits et score juste": "non",
    "centile par centile": "non",
    "près du seuil": "oui",
}

# %% mistake="preuve_biais" session="formative"
# message : pas de la largeur de la tranche
preuve_biais = {
    "erreur sur le coût": "non",
    "entre inscrits": "non",
    "part qui double": "non",
    "inscrits et score juste": "non",
    "centile par centile": "oui",
    "près du seuil": "non",
}

# %% mistake="preuve_biais" session="formative"
# message : doit rester un dictionnaire
preuve_biais = "tranche par tranche"

# %% tests="preuve_biais" points=2 session="evaluation"
# Vérification de la question 4 : exécutez cette cellule.
checks.check_form(
    preuve_biais,
    name="preuve_biais",
    kind="choices",
    options=["oui", "non"],
    items=["A", "B", "C", "D", "E", "F"],
)
### BEGIN HIDDEN TESTS
affirmations_copie_q4 = cost_need_statements(checks.variant_rng("03", announce=False))
# Pour chaque notion : la clé de sa formulation 0 (la formulation 1 a la clé contraire), et le
# message de l'erreur sur chaque formulation. « ne suffit pas » : la réponse « oui » donnée à
# une affirmation qui ne suffit pas ; « suffit pourtant » : la réponse « non » donnée à celle
# qui suffit.
cles_q4 = {
    "erreur sur le coût": (
        "non",
        "cette affirmation ne suffit pas : un coût réel plus bas à même score veut dire que le "
        "score surestime leur coût, ce qui les classe plus haut, pas plus bas. Cette erreur ne "
        "peut pas expliquer qu'on les oublie.",
        "cette affirmation suffit pourtant : à besoin réel égal (même maladie latente), un "
        "score plus bas classe les patients noirs après des patients blancs aussi malades : "
        "c'est exactement sous-estimer leur besoin.",
    ),
    "entre inscrits": (
        "oui",
        "cette affirmation suffit pourtant : l'écart est comparé à celui du score juste, "
        "mesuré de la même façon (les mêmes centiles de chaque score), et il le dépasse. Au "
        "sommet du score, même le score juste garde un écart : c'est lui, pas zéro, la "
        "référence.",
        "cette affirmation ne suffit pas : un écart entre inscrits peut exister sans biais. Les "
        "patients noirs étant en moyenne plus malades, un score juste en inscrit de plus "
        "malades aussi (dernière colonne) ; l'affirmation ne compare l'écart à aucune "
        "référence.",
    ),
    "part qui double": (
        "non",
        "cette affirmation ne suffit pas : une part qui change entre deux cibles montre que les "
        "deux scores n'inscrivent pas les mêmes patients, pas lequel se trompe.",
        "cette affirmation suffit pourtant : à besoin réel égal, un score juste inscrirait les "
        "patients noirs aussi souvent que les blancs. La comparaison se fait à même maladie "
        "latente : le score les oublie.",
    ),
    "inscrits et score juste": (
        "oui",
        "cette affirmation suffit pourtant : les deux écarts sont mesurés de la même façon, "
        "centile par centile, sur tous les scores : l'excès sur le score juste vient du score.",
        "cette affirmation ne suffit pas : les deux écarts ne sont pas mesurés de la même "
        "façon, l'un entre inscrits, l'autre centile par centile sur tous les scores. Entre "
        "inscrits, le score juste garde lui aussi un écart.",
    ),
    "centile par centile": (
        "non",
        "cette affirmation ne suffit pas : un score juste pour le coût ne dit rien du besoin ; "
        "comparer des coûts, centile par centile, ne mesure pas les maladies. Dans l'étude "
        "même, le score était calibré pour le coût, et pourtant injuste.",
        "cette affirmation suffit pourtant : elle compare l'écart de maladies à celui du "
        "score juste, mesuré de la même façon (centile par centile, sur tous les scores), et "
        "il le dépasse : c'est cette référence, pas zéro, qui compte (ligne sous le tableau, "
        "chiffres de votre copie), et l'excès vient du score.",
    ),
    "près du seuil": (
        "oui",
        "cette affirmation suffit pourtant : la tranche est large, mais l'écart est comparé à "
        "celui du score juste dans sa tranche du haut, mesuré de la même façon, et il le "
        "dépasse : l'excès vient du score.",
        "cette affirmation ne suffit pas : dans une tranche de 5 centiles, même le score juste "
        "garde un écart (dernière colonne) ; la référence mesurée centile par centile, sur "
        "tous les scores, n'est pas mesurée de la même façon.",
    ),
}
contraire_q4 = {"oui": "non", "non": "oui"}
attendu_q4, messages_q4 = {}, {}
for lettre, (cle, formulation, _) in zip("ABCDEF", affirmations_copie_q4, strict=True):
    premiere, message_0, message_1 = cles_q4[cle]
    attendu_q4[lettre] = premiere if formulation == 0 else contraire_q4[premiere]
    messages_q4[lettre] = message_0 if formulation == 0 else message_1
checks.check_choices(
    preuve_biais,
    name="preuve_biais",
    options=["oui", "non"],
    expected=attendu_q4,
    mistakes={
        lettre: [checks.Mistake(contraire_q4[attendu], messages_q4[lettre])]
        for lettre, attendu in attendu_q4.items()
    },
    points=2,
)
### END HIDDEN TESTS

# %% mistake="preuve_biais" session="evaluation"
# message : ne suffit pas
cles_formulation_0 = {
    "erreur sur le coût": "non",
    "entre inscrits": "oui",
    "part qui double": "non",
    "inscrits et score juste": "oui",
    "centile par centile": "non",
    "près du seuil": "oui",
}
contraire_q4 = {"oui": "non", "non": "oui"}
affirmations_q4 = cost_need_statements(checks.variant_rng("03", announce=False))
preuve_biais = {
    lettre: cles_formulation_0[cle] if formulation == 0 else contraire_q4[cles_formulation_0[cle]]
    for lettre, (cle, formulation, _) in zip("ABCDEF", affirmations_q4, strict=True)
}
# Dans la première paire (A et B), l'affirmation qui ne suffit pas jugée suffisante.
lettre_q4 = "A" if preuve_biais["A"] == "non" else "B"
preuve_biais[lettre_q4] = "oui"

# %% mistake="preuve_biais" session="evaluation"
# message : suffit pourtant
cles_formulation_0 = {
    "erreur sur le coût": "non",
    "entre inscrits": "oui",
    "part qui double": "non",
    "inscrits et score juste": "oui",
    "centile par centile": "non",
    "près du seuil": "oui",
}
contraire_q4 = {"oui": "non", "non": "oui"}
affirmations_q4 = cost_need_statements(checks.variant_rng("03", announce=False))
preuve_biais = {
    lettre: cles_formulation_0[cle] if formulation == 0 else contraire_q4[cles_formulation_0[cle]]
    for lettre, (cle, formulation, _) in zip("ABCDEF", affirmations_q4, strict=True)
}
# Dans la deuxième paire (C et D), l'affirmation qui suffit jugée insuffisante.
lettre_q4 = "C" if preuve_biais["C"] == "oui" else "D"
preuve_biais[lettre_q4] = "non"

# %% mistake="preuve_biais" session="evaluation"
# message : suffit pourtant
cles_formulation_0 = {
    "erreur sur le coût": "non",
    "entre inscrits": "oui",
    "part qui double": "non",
    "inscrits et score juste": "oui",
    "centile par centile": "non",
    "près du seuil": "oui",
}
contraire_q4 = {"oui": "non", "non": "oui"}
affirmations_q4 = cost_need_statements(checks.variant_rng("03", announce=False))
preuve_biais = {
    lettre: cles_formulation_0[cle] if formulation == 0 else contraire_q4[cles_formulation_0[cle]]
    for lettre, (cle, formulation, _) in zip("ABCDEF", affirmations_q4, strict=True)
}
# Dans la troisième paire (E et F), les deux affirmations échangées.
preuve_biais["E"], preuve_biais["F"] = preuve_biais["F"], preuve_biais["E"]

# %% mistake="preuve_biais" session="evaluation"
# message : ne suffit pas
cles_formulation_0 = {
    "erreur sur le coût": "non",
    "entre inscrits": "oui",
    "part qui double": "non",
    "inscrits et score juste": "oui",
    "centile par centile": "non",
    "près du seuil": "oui",
}
contraire_q4 = {"oui": "non", "non": "oui"}
affirmations_q4 = cost_need_statements(checks.variant_rng("03", announce=False))
preuve_biais = {
    lettre: cles_formulation_0[cle] if formulation == 0 else contraire_q4[cles_formulation_0[cle]]
    for lettre, (cle, formulation, _) in zip("ABCDEF", affirmations_q4, strict=True)
}
# « oui » partout : chaque affirmation jugée suffisante.
preuve_biais = dict.fromkeys(preuve_biais, "oui")

# %% [markdown] reveal="preuve_biais" session="formative"
# <details><summary>Après avoir répondu : ce qui désigne le substitut</summary>
#
# Refaisons tout sans écart d'accès (calcul dans « Après la
# séance ») : l'écart du score « coût » dans une même tranche, sur tous les scores, tombe de 0,71 à 0,17, près de celui du score juste. C'est l'écart d'accès,
# passé par le coût, qui le creusait. La cible « maladies » garde, elle aussi, un excès sur le
# score juste dans la tranche du haut (tableau) : changer de cible le réduit sans l'effacer.
# </details>

# %% [markdown] reveal="preuve_biais" session="evaluation"
# **Ce qui désigne le substitut.** Refaisons tout sans écart d'accès (calcul dans « Après la
# séance ») : l'écart du score « coût » dans une même tranche, sur tous les scores, tombe nettement,
# près de celui du score juste. C'est l'écart d'accès,
# passé par le coût, qui le creusait. La cible « maladies » garde, elle aussi, un excès sur le
# score juste dans la tranche du haut (tableau) : changer de cible le réduit sans l'effacer.

# %% [markdown]
# ## À retenir
#
# > - La **cible** d'un modèle est un choix humain. Le **coût** est un mauvais **substitut** du
# >   **besoin** : à maladie égale, on dépense moins pour qui accède moins aux soins.
# > - Un score peut être calibré sur le coût et **injuste** pour le besoin, sans utiliser la
# >   race (Obermeyer et al., 2019, figures 1A et 3A).
# > - Un écart entre inscrits ne suffit pas : il faut le comparer à celui d'un score juste,
# >   mesuré de la même façon.
# > - Cohorte **synthétique** : retenez le mécanisme, pas les chiffres.

# %% [markdown] graded="in-class"
# ## Après la séance
#
# Cette partie se fait **après la séance** : l'explorateur, les questions 5 à 8
# (un **entraînement** : elles ne comptent pas dans la note), puis la réflexion
# rédigée, **à rédiger après la séance et à rendre comme l'indique votre enseignant·e**, et des
# compléments. Votre copie de séance, elle, est ramassée à la fin de la séance.
# %% [markdown] reveal="preuve_biais"
# <details><summary>Après avoir répondu : auditer un score comme l'étude</summary>
#
# - Pour auditer un score, faites comme l'étude : comparez le **besoin** des groupes centile
#   par centile du score, avec plusieurs mesures du besoin (maladies chroniques, HbA1c,
#   pression artérielle, créatinine) (Obermeyer et al., 2019). Sur des tranches aussi fines,
#   l'écart d'un score juste tend vers zéro : en pratique, la référence est un **écart nul**.
#   Notre colonne « score juste » est un outil propre aux données inventées (aucun hôpital ne
#   connaît la maladie latente), rendu nécessaire par nos tranches larges de 5 centiles.
# - Un écart entre sélectionnés ne suffit pas : il existe même avec le score juste. Ce qui
#   compte, c'est la **justice et l'équité** (CENS) : une aide rare va aux plus malades, quel que soit leur
#   groupe.
# </details>

# %% [markdown] reveal="preuve_biais"
# <details><summary>Facultatif : d'où vient l'écart qui reste ?</summary>
#
# Deux causes se mêlent (lignes « sans aucun écart d'accès », avant la question 5). Les
# chiffres qui suivent sont des **ordres de grandeur** : nous n'avons pas calculé l'IC de ces
# différences.
#
# - **L'écart d'accès** : près du seuil, cible « coût », l'écart de la tranche du haut tombe à 0,69
#   sans écart d'accès : de l'ordre de la moitié. Il passe aussi par le **coût de cette année**, une
#   information du score : sans elle, l'écart près du seuil de la cible « maladies » est à
#   peu près divisé par deux (tableau de la section 5, et tableau affiché avant la question 5).
# - **La largeur de la tranche** : du 95ᵉ au 100ᵉ centile, la tranche est large, au sommet
#   d'un score très asymétrique, et les patients noirs s'y trouvent plus haut. Même le score
#   juste y garde un écart de 0,53 (dernière colonne du tableau de la section 5), et sans
#   écart d'accès, les deux scores en gardent à peu près autant (lignes affichées avant la
#   question 5). Sur l'ensemble des scores, l'écart du score juste est petit (0,10). Seul, un
#   écart à score égal ne désigne donc pas un mauvais substitut : ce qui le désigne, c'est la
#   part de l'écart qui dépasse cette référence et qui baisse quand on change de cible ou
#   qu'on retire l'écart d'accès.
# </details>

# %% session="evaluation" jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : après la séance, toute la promotion reprend la même
# cohorte, celle de la version formative (graine 0). Les questions 5 à 8 lisent des intervalles
# de confiance et des écarts propres à cette cohorte ; vos cas ne servaient qu'en séance.
graine = 0
donnees = make_cost_vs_need_cohort(random_state=graine)
patients = donnees.frame
apprentissage, cohorte = train_test_split(patients, test_size=1 / 3, random_state=graine)
cohorte = cohorte.reset_index(drop=True)
scores_cout = score_appris("cost")
scores_sante = score_appris("n_chronic_next")
race = cohorte["race"].to_numpy(dtype=str)
noirs, blancs = race == "Black", race == "White"
inscrits_cout = scores_cout >= np.percentile(scores_cout, centile_programme)
inscrits_sante = scores_sante >= np.percentile(scores_sante, centile_programme)
tranche_haute = scores_cout >= np.percentile(scores_cout, 95)
besoin = cohorte["n_chronic_next"].to_numpy()
latente = cohorte["latent_illness"].to_numpy()
print(
    "Après la séance, tout le monde reprend la même cohorte synthétique : "
    f"{en_nombre(len(cohorte))} patients jugés, dont {en_nombre(noirs.sum())} noirs ; "
    f"{fr_percent(top_share(scores_cout, race, percentile=centile_programme))} de patients "
    "noirs parmi les inscrits du score « coût ». Les chiffres qui suivent ne sont plus ceux de "
    "vos cas. Attention : cette cellule remplace aussi les variables de la question 2 "
    "(cohorte, noirs, blancs, inscrits_cout). Pour revenir sur l'une des questions 1 à 3, "
    "relancez les cellules dans l'ordre depuis le début du notebook jusqu'à elle : "
    "vos calculs écrits en code retrouveront alors vos cas."
)
# Le tableau de la section 5, sur la cohorte commune : les renvois de la suite au « tableau de
# la section 5 » (0,49 et 0,16, l'indice de la question 8...) désignent ce tableau-ci, pas
# celui de vos cas (relecture d23, constat 5).
tableau_cibles = pd.DataFrame(
    {
        nom: colonne(scores, juste=numero == 2)
        for numero, (nom, scores) in enumerate(
            [
                ("Cible « coût »", scores_cout),
                ("Cible « maladies »", scores_sante),
                ("Score juste (maladie latente)", latente),
            ]
        )
    }
)
print(
    "Le tableau de la section 5, recalculé sur cette cohorte commune : quand les questions 5 "
    "à 8 et les encadrés renvoient au « tableau de la section 5 », c'est celui-ci qu'il faut "
    "lire. Pour la réflexion, gardez un chiffre de votre propre tableau (section 5, vos cas)."
)
display(tableau_cibles)

# %% [markdown]
# ### L'explorateur : changer la cible et le seuil
#
# Le menu choisit la cible, le curseur le seuil. Le tableau donne, par groupe, le **taux de
# sélection** (la part du groupe qui est inscrite) et la part parmi les inscrits. Regardez la
# cible **« Maladies chroniques de l'année suivante »** ; la cible « coût » s'ajoute une fois
# les questions 1 et 2 justes (relancez alors la cellule).

# %%
# Cette cellule affiche l'explorateur ; la cible « coût » et la moyenne de maladies des
# inscrits n'y paraissent qu'après les questions 1 et 2 (en séance évaluée, jamais).
questions_cout = ("part_noirs_cout", "ecart_maladies")
resolues = all(map(checks.passed, questions_cout))
explorateur = CostNeedExplorer(
    cohorte,
    {"cost": scores_cout, "health": scores_sante},
    labels=["cost", "health"] if resolues else ["health"],
    label="health",
    percentile=centile_programme,
    show_need=resolues,
)
explorateur

# %% [markdown]
# ### Près du seuil, de combien la cible réduit-elle l'écart ?
#
# Changer de cible réduit-il l'écart près du seuil, celui de la tranche du haut (section 5) ? Pour comparer deux
# écarts mesurés sur la même cohorte (les deux tranches se recouvrent), on calcule l'IC de leur
# **différence** (cible « coût » moins cible « maladies ») : d'une cible à l'autre, les patients
# et leur santé sont les mêmes, seule la sélection change.
#
# **La tranche du haut est fixée d'avance** : du 95ᵉ au 100ᵉ
# centile, la dernière tranche des figures de la section 4, choisie avant de calculer la
# moindre différence entre cibles. Choisir la tranche après avoir vu les résultats, ce serait
# choisir sa conclusion.
# La cellule refait aussi le calcul parmi les seuls inscrits (97ᵉ–100ᵉ) : refaire un calcul
# avec un autre choix raisonnable s'appelle une **analyse de sensibilité**.
#
# <details><summary>Rappel : lire un IC 95 % d'une différence</summary>
#
# L'IC donne les valeurs de la différence compatibles avec les données : lisez ses **deux**
# bornes. Exemple inventé : la baisse de pression artérielle qu'apporte un traitement. Un IC
# de 1 à 7 mmHg exclut 0 : la baisse est établie, d'au moins 1 mmHg environ. Un IC de −1 à
# 1 mmHg contient 0 et reste étroit : s'il y a une baisse, elle est minime.
# </details>
#
# <details><summary>Comment la cellule calcule cet IC (le bootstrap)</summary>
#
# Elle rejoue le hasard : elle tire 1 000 fois au sort une nouvelle cohorte parmi nos patients
# (un même patient peut être tiré plusieurs fois). Chaque fois, elle recalcule les deux écarts
# sur les mêmes patients, puis leur différence. La dispersion des 1 000 différences donne
# l'**erreur type** (l'incertitude due au hasard), et l'IC va de 1,96 erreur type en dessous
# de la différence à 1,96 au-dessus. Cette méthode s'appelle le **bootstrap**. Elle a sa
# propre part de hasard : un autre tirage déplacerait les bornes de moins d'un centième (ligne
# affichée).
# </details>


# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : IC de la différence, dans la tranche du haut puis
# parmi les seuls inscrits (question 5) ; puis les deux scores sans écart d'accès, et un score
# « maladies » sans le coût de cette année (ecart_du_haut : défini avec le tableau de la
# section 5).
tous = np.arange(len(cohorte))
non_inscrits = (tranche_haute & ~inscrits_cout).sum() / tranche_haute.sum()
print(f"Du 95e au 100e centile du score « coût » : {fr_percent(non_inscrits, 0)} de non-inscrits.")
print("Écart avec la cible « coût » moins écart avec la cible « maladies » :")
intervalles, erreurs = {}, {}  # l'IC de la différence, et son erreur type, par tranche
for du_centile, tranche in [
    (95, "tranche du haut, du 95e au 100e centile"),
    (centile_programme, "analyse de sensibilité, parmi les seuls inscrits (97e-100e centile)"),
]:
    hasard = np.random.default_rng(graine)  # le même tirage à chaque exécution
    differences = []
    for _ in range(1000):
        tirage = hasard.integers(0, len(cohorte), len(cohorte))  # mêmes patients, deux cibles
        differences.append(
            ecart_du_haut(scores_cout, tirage, du_centile)
            - ecart_du_haut(scores_sante, tirage, du_centile)
        )
    difference = ecart_du_haut(scores_cout, tous, du_centile) - ecart_du_haut(
        scores_sante, tous, du_centile
    )
    # Erreur type : la dispersion des 1 000 différences ; l'IC va de 1,96 erreur type en
    # dessous à 1,96 au-dessus.
    erreur = np.std(differences, ddof=1)
    erreurs[du_centile] = erreur
    intervalles[du_centile] = (difference - 1.96 * erreur, difference + 1.96 * erreur)
    print(
        f"  {tranche} : {fr_number(difference, 2)}, IC 95 % de "
        f"{fr_number(intervalles[du_centile][0], 2)} à {fr_number(intervalles[du_centile][1], 2)}."
    )
# Part de hasard du bootstrap lui-même : l'erreur type d'un écart-type estimé sur B tirages
# vaut environ erreur / racine(2 (B - 1)) ; une borne la multiplie par 1,96.
print(
    "Un autre tirage du bootstrap déplacerait chaque borne d'environ "
    f"{fr_number(1.96 * erreurs[95] / np.sqrt(2 * (len(differences) - 1)), 3)} dans la tranche "
    "principale (la part de hasard du bootstrap lui-même)."
)
# Garde-fou : le texte du module et les messages de la question 5 décrivent ces bornes (l'IC
# de la tranche du haut contient 0 et va au-delà de 0,4) ; si une autre version des données
# les déplaçait, l'exécution s'arrêterait ici.
assert intervalles[95][0] < 0 and intervalles[95][1] > 0.4, intervalles
# Sans écart d'accès : la même cohorte (même graine : mêmes patients, mêmes maladies), mais à
# maladie égale, le même coût dans les deux groupes (access_gap=0). Les scores y sont réappris.
sans_ecart = make_cost_vs_need_cohort(random_state=graine, access_gap=0).frame
apprentissage_0, cohorte_0 = train_test_split(sans_ecart, test_size=1 / 3, random_state=graine)
cohorte_0 = cohorte_0.reset_index(drop=True)
besoin_0 = cohorte_0["n_chronic_next"].to_numpy()
scores_0 = {}
for cible in ("cost", "n_chronic_next"):
    modele_0 = PoissonRegressor(alpha=0, solver="newton-cholesky")
    modele_0.fit(informations(apprentissage_0), apprentissage_0[cible])
    scores_0[cible] = modele_0.predict(informations(cohorte_0))
print(
    "Sans aucun écart d'accès (même cohorte, même coût à maladie égale dans les deux groupes), "
    "cible « coût », écart à score égal, tous scores : "
    f"{en_clair(*ecart_par_tranches(scores_0['cost'], mesure=besoin_0))}."
)
print("Écart à score égal, près du seuil, sans aucun écart d'accès (même cohorte) :")
for nom_cible, cible in [("coût", "cost"), ("maladies", "n_chronic_next")]:
    haut_0 = scores_0[cible] >= np.percentile(scores_0[cible], 95)
    print(f"  cible « {nom_cible} » : {en_clair(*ecart_avec_ic(haut_0, besoin_0))}.")

# Un score « maladies » sans le coût de cette année (six informations), même tableau qu'en
# section 5.
scores_sans_cout = score_appris(
    "n_chronic_next", [nom for nom in noms_informations if nom != "prior_cost"]
)
print("Cible « maladies », sans le coût de cette année parmi les informations du score :")
display(
    pd.DataFrame({"Cible « maladies », sans le coût de cette année": colonne(scores_sans_cout)})
)

# Un score « coût » qui connaîtrait la race (encadré facultatif après la question 5).
modele_race = PoissonRegressor(alpha=0, solver="newton-cholesky")
modele_race.fit(
    informations(apprentissage).assign(noir=(apprentissage["race"] == "Black").astype(float)),
    apprentissage["cost"],
)
scores_race = modele_race.predict(informations(cohorte).assign(noir=noirs.astype(float)))
print(
    "Score « coût » qui connaîtrait la race (notre cohorte) : écart à score égal, près du seuil, "
    f"{en_clair(*ecart_avec_ic(scores_race >= np.percentile(scores_race, 95)))}."
)

# %% [markdown]
# ### Question 5 — De combien la cible réduit-elle l'écart ? (2 points)
#
# Dans la **tranche du haut** (du 95ᵉ au 100ᵉ centile), que dit l'IC de la différence sur
# la **taille** de la baisse ? Répondez par l'une des options, entre guillemets :
#
# - `"aucune baisse"` : l'IC de la tranche du haut contient 0 ; tant qu'une baisse n'est pas
#   établie, on ne peut rien dire de sa taille, et il faut s'en tenir à « pas de baisse » ;
# - `"environ 0,25"` : la différence affichée est la valeur la plus compatible avec les
#   données ; l'IC dit seulement sa précision : la cible réduit l'écart d'environ 0,25 maladie ;
# - `"mal connue"` : l'écart noirs–blancs peut aller d'une légère hausse à une baisse d'environ
#   0,5 maladie ; on ne sait pas si la baisse est petite ou forte ;
# - `"attendre"` : prudence : l'IC est trop large pour conclure quoi que ce soit ; avant de
#   parler d'une baisse ou de sa taille, il faut une cohorte plus grande ;
# - `"retenir les inscrits"` : la tranche des seuls inscrits correspond mieux à la décision
#   réelle (qui entre au programme) ; son IC exclut 0 : c'est elle qui dit la baisse ;
# - `"IC chevauchants"` : on compare les IC des deux écarts près du seuil, calculés chacun de
#   son côté ; s'ils se chevauchent, rien ne montre que les deux écarts diffèrent.
#
# <details><summary>Indice 1</summary>
#
# Dans la tranche du haut, l'IC de la différence contient-il 0 ? Contient-il aussi des
# baisses importantes ? Que disent ses deux bornes de la taille de la baisse ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Un IC qui contient 0 prouve-t-il que la différence est nulle ? Une valeur au centre de l'IC
# est-elle plus sûre que ses bornes ? Quand la tranche du haut a-t-elle été choisie, et
# pourquoi ? Deux écarts mesurés sur les mêmes patients varient-ils indépendamment ?
# </details>

# %% answer="lecture_difference"
lecture_difference = ...
### BEGIN SOLUTION
lecture_difference = "mal connue"
### END SOLUTION

# %% tests="lecture_difference" points=2
# Vérification de la question 5 : exécutez cette cellule.
checks.check_choice(
    lecture_difference,
    name="lecture_difference",
    options=[
        "aucune baisse",
        "environ 0,25",
        "mal connue",
        "attendre",
        "retenir les inscrits",
        "IC chevauchants",
    ],
    digest="7d8847fe35df0e93",
    mistakes=[
        checks.Mistake(
            None,
            "un IC qui contient 0 ne prouve pas que la différence est nulle : l'absence de "
            "preuve d'une baisse n'est pas la preuve de son absence. Et un IC dit quelque chose "
            "de la taille même quand il contient 0 : ses deux bornes la limitent.",
            digest="f3de05d0c4525f7c",
        ),
        checks.Mistake(
            None,
            "annoncer « environ 0,25 », c'est donner la valeur centrale comme si elle était "
            "sûre : l'IC contient 0, donc une baisse n'est pas même établie, et il va jusqu'à "
            "environ 0,5. C'est toute la fourchette qui répond à la question de la taille.",
            digest="33e1d97742723892",
        ),
        checks.Mistake(
            None,
            "un IC large dit déjà quelque chose : ses bornes limitent la taille de la baisse "
            "(d'une légère hausse à une baisse d'environ 0,5). Refuser de conclure jette cette information ; une "
            "cohorte plus grande rendrait l'IC plus étroit, mais la question porte sur ce que "
            "dit celui-ci.",
            digest="da8117907d249a5e",
        ),
        checks.Mistake(
            None,
            "choisir la tranche après avoir vu quel IC exclut 0, c'est choisir sa conclusion, "
            "même avec une bonne raison. L'argument de la décision réelle serait recevable "
            "pour une analyse principale fixée avant de regarder ; ici, la tranche du haut "
            "a été fixée d'avance, et celle des seuls inscrits est une analyse de sensibilité. "
            "Son estimation, plus forte, reste compatible avec celle de la tranche du haut : "
            "« démontré » d'un côté et « non démontré » de l'autre ne prouve pas que les deux "
            "diffèrent (Gelman et Stern, 2006).",
            digest="6e8695c3e5bc1276",
        ),
        checks.Mistake(
            None,
            "deux IC qui se chevauchent ne disent pas si deux écarts diffèrent : calculés sur "
            "les mêmes patients, les deux écarts varient ensemble, et comparer leurs IC "
            "séparés ignore ce lien. C'est l'IC de la différence, calculé ci-dessus, qui le "
            "dit.",
            digest="871ea40c5052476c",
        ),
    ],
    success="vous avez lu l'IC de la différence comme une fourchette de tailles possibles : "
    "dans la tranche du haut, l'écart noirs–blancs irait d'une légère hausse à une baisse "
    "d'environ 0,5 maladie. L'analyse de sensibilité (seuls inscrits) donne une baisse plus nette, "
    "compatible avec la première. Le but n'est pas un écart nul : même le score juste de la "
    "section 5 garde un écart entre inscrits.",
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    lecture_difference,
    name="lecture_difference",
    options=[
        "aucune baisse",
        "environ 0,25",
        "mal connue",
        "attendre",
        "retenir les inscrits",
        "IC chevauchants",
    ],
    expected="mal connue",
)
### END HIDDEN TESTS

# %% mistake="lecture_difference"
# message : ne prouve pas que la différence est nulle
lecture_difference = "aucune baisse"

# %% mistake="lecture_difference"
# message : comme si elle était sûre
lecture_difference = "environ 0,25"

# %% mistake="lecture_difference"
# message : ses bornes limitent la taille de la baisse
lecture_difference = "attendre"

# %% mistake="lecture_difference"
# message : c'est choisir sa conclusion
lecture_difference = "retenir les inscrits"

# %% mistake="lecture_difference"
# message : varient ensemble
lecture_difference = "IC chevauchants"

# %% mistake="lecture_difference"
# message : n'est pas l'une des options
lecture_difference = "tranche"

# %% [markdown] reveal="lecture_difference"
# <details><summary>Après avoir répondu : ce que disent ces intervalles</summary>
#
# Dans la tranche du haut (40 % de non-inscrits), l'IC de la différence contient 0, mais
# aussi des baisses d'environ 0,5 maladie chronique : une baisse est possible, sa taille
# mal connue. Sa borne basse est proche de 0 : un autre échantillon de patients pourrait la
# déplacer d'un côté ou de l'autre. La question porte donc sur la taille de la baisse, pas sur
# le signe de cette borne. Parmi les seuls inscrits, l'IC exclut 0. Les deux lectures ne se
# contredisent pas : l'estimation de la tranche du haut est plus faible, diluée par les
# non-inscrits, mais compatible avec celle des inscrits. « Démontré » contre « non démontré »
# n'est pas une différence démontrée (Gelman et Stern, 2006).
# </details>

# %% [markdown]
# <details><summary>Facultatif : faudrait-il donner la race au score ?</summary>
#
# Ce n'est pas la conclusion du module. Un score « coût » qui connaîtrait la race apprendrait
# aussi qu'à informations égales, les patients noirs coûtent moins : il les classerait plus
# bas encore. La dernière ligne affichée avant la question 5 va dans ce sens (1,55 contre
# l'écart de la tranche du haut), sans IC de la différence : un ordre de grandeur. Avec une cible
# qui mesure le besoin, la question se pose autrement : elle est débattue, et en France ces
# données sont très encadrées (« Le cadre juridique européen », dans « Pour aller plus
# loin »). Le levier du module reste la cible et les informations du score.
# </details>
#
# <details><summary>Facultatif : et l'écart qui reste sans le coût de cette année ?</summary>
#
# Sur tous les scores, retirer le coût de cette année fait passer l'écart à score égal de 0,49
# à 0,16 (tableau de la section 5, et tableau affiché avant la question 5) : il tombe à environ un tiers de sa valeur (sans IC de la
# différence), sans tout à fait rejoindre celui du score juste. Un score peut être bien réglé
# pour l'ensemble des patients, mais pas pour chaque groupe : c'est la question de la
# **calibration par groupe** (module 06). Mais avec des tranches d'un seul centile, ce reste
# diminue encore d'à peu près la moitié, comme celui du score juste : une partie vient de la
# largeur des tranches (celui de la cible « coût », lui, ne change presque pas).
# </details>

# %% [markdown]
# ### Que faut-il changer ?
#
# Retirer la race ne servirait à rien (le score ne l'utilise pas) ; baisser le seuil non plus :
# il inscrirait plus de patients, dans le même ordre. Le levier est la **cible**, à condition
# que la nouvelle n'ait pas le défaut du coût, et sans oublier les **informations** du score,
# qui peuvent le porter aussi (tableau affiché avant la question 5).
#
# ### Question 6 — Une nouvelle cible (2 points)
#
# Un hôpital propose de prédire le **nombre de consultations de l'année suivante** au lieu du
# coût. Que fait cette cible au biais ? Répondez par l'une des options, entre guillemets :
#
# - `"reproduit"` : elle garde le défaut du coût, peut-être atténué : à maladie égale, qui
#   accède moins aux soins consulte moins, et serait classé trop bas ;
# - `"corrige"` : elle corrige l'essentiel du biais : elle ne compte plus le prix des soins,
#   et deux patients également malades coûtent différemment surtout par le prix des actes
#   qu'ils reçoivent ;
# - `"sans effet"` : elle change peu de chose au biais, car à maladie égale, le classement
#   dépend surtout des informations du score, plus que de la grandeur qu'il prédit ;
# - `"inverse"` : elle inverse le biais : les patients les plus malades consultent le plus, et
#   les patients noirs, plus malades en moyenne, seraient alors classés trop haut ;
# - `"sans sous-diagnostic"` : elle fait mieux que la cible « maladies » : une consultation est
#   enregistrée même sans diagnostic, et cette cible échappe donc au sous-diagnostic ;
# - `"impossible à prévoir"` : prudence : l'effet d'une cible dépend des données de chaque
#   hôpital ; seul un audit après la mise en service dira si elle reproduit le biais.
#
# <details><summary>Indice 1</summary>
#
# Reprenez le mécanisme du module : qu'est-ce qui, à maladie égale, fait baisser le coût des
# soins d'un patient ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Ce mécanisme agit-il aussi sur le nombre de consultations ? Pour les autres options,
# cherchez dans le module un résultat qui les confirme ou les contredit : la section 2 (le
# coût augmente-t-il avec la maladie ?) et la section 5 (changer la cible).
# </details>

# %% answer="nouvelle_cible"
nouvelle_cible = ...
### BEGIN SOLUTION
nouvelle_cible = "reproduit"
### END SOLUTION

# %% tests="nouvelle_cible" points=2
# Vérification de la question 6 : exécutez cette cellule.
checks.check_choice(
    nouvelle_cible,
    name="nouvelle_cible",
    options=[
        "reproduit",
        "corrige",
        "sans effet",
        "inverse",
        "sans sous-diagnostic",
        "impossible à prévoir",
    ],
    digest="1391791c2ffcf031",
    mistakes=[
        checks.Mistake(
            None,
            "retirer le prix ne suffit pas : dans notre cohorte, l'écart de coût de la section "
            "2 ne vient pas des tarifs (notre générateur baisse le coût des patients noirs à "
            "maladie égale pour figurer un moindre accès aux soins ; dans la réalité, les prix "
            "peuvent aussi compter). Demandez-vous ce qui, à maladie égale, fait varier cette "
            "nouvelle cible d'un patient à l'autre.",
            digest="31586430ac2d663e",
        ),
        checks.Mistake(
            None,
            "la cible compte plus que cela : avec les mêmes informations, la cible « maladies » "
            "inscrit deux fois plus de patients noirs que la cible « coût », et son écart à "
            "score égal, sur l'ensemble des scores, est nettement plus petit (tableau de la "
            "section 5).",
            digest="47d8f5f40e866b4b",
        ),
        checks.Mistake(
            None,
            "être plus malade en moyenne ne décide pas du classement : le coût aussi augmente "
            "avec la maladie, et il classait pourtant les patients noirs trop bas (section 2). "
            "Demandez-vous ce qui, à maladie égale, fait varier cette nouvelle cible.",
            digest="9f35255669d95911",
        ),
        checks.Mistake(
            None,
            "une maladie reste non diagnostiquée faute de consultations : compter les "
            "consultations n'échappe pas à ce qui cause le sous-diagnostic (texte avant la "
            "question 8).",
            digest="c87d00bcb24d1b41",
        ),
        checks.Mistake(
            None,
            "un audit reste nécessaire, mais le mécanisme du module permet déjà de prévoir le "
            "sens de l'erreur : demandez-vous ce qui, à maladie égale, fait varier cette "
            "nouvelle cible d'un patient à l'autre.",
            digest="5ef57448b91c09c4",
        ),
    ],
    success="vous avez jugé la cible à ce qui la fait varier à maladie égale. Une cible de "
    "recours aux soins peut réduire le biais sans l'effacer. Dans l'étude, une cible voisine, "
    "les coûts évitables (urgences, hospitalisations : pas des consultations), faisait passer "
    "la part des patients noirs parmi les 3 % du haut de 14,1 % à 21,0 %, contre 26,7 % avec "
    "les maladies chroniques (Obermeyer et al., 2019, tableau 2) : un peu plus de la moitié du "
    "chemin. Vérifiez-le toujours à score égal.",
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    nouvelle_cible,
    name="nouvelle_cible",
    options=[
        "reproduit",
        "corrige",
        "sans effet",
        "inverse",
        "sans sous-diagnostic",
        "impossible à prévoir",
    ],
    expected="reproduit",
)
### END HIDDEN TESTS

# %% mistake="nouvelle_cible"
# message : retirer le prix ne suffit pas
nouvelle_cible = "corrige"

# %% mistake="nouvelle_cible"
# message : la cible compte plus que cela
nouvelle_cible = "sans effet"

# %% mistake="nouvelle_cible"
# message : être plus malade en moyenne ne décide pas du classement
nouvelle_cible = "inverse"

# %% mistake="nouvelle_cible"
# message : n'échappe pas à ce qui cause le sous-diagnostic
nouvelle_cible = "sans sous-diagnostic"

# %% mistake="nouvelle_cible"
# message : permet déjà de prévoir le sens de l'erreur
nouvelle_cible = "impossible à prévoir"

# %% mistake="nouvelle_cible"
# message : n'est pas l'une des options
nouvelle_cible = "changer la cible"

# %% [markdown]
# ### Un indicateur par groupe avec fairlearn
#
# Deux façons de décrire qui est sélectionné, à ne pas confondre : la **part d'un groupe parmi
# les inscrits** (question 1, section 5) et le **taux de sélection** d'un groupe (parmi les patients
# de ce groupe, combien sont inscrits ?). La bibliothèque **fairlearn** calcule un indicateur
# **groupe par groupe** avec l'outil `MetricFrame` (« tableau d'indicateurs ») : la cellule
# suivante donne le taux de sélection de chaque groupe, avec chacune des deux cibles.

# %%
# Cette cellule calcule le taux de sélection de chaque groupe avec fairlearn. Vous n'avez pas à
# comprendre ce code : retenez les taux affichés.
noms = {"Black": "Patients noirs", "White": "Patients blancs"}
for nom_cible, inscrits in [("coût", inscrits_cout), ("maladies", inscrits_sante)]:
    cadre = MetricFrame(
        metrics={"taux de sélection": selection_rate, "effectif": count},
        y_true=inscrits,  # exigé par fairlearn ; le taux de sélection ne s'en sert pas
        y_pred=inscrits,  # la décision : inscrit (vrai) ou non (faux)
        sensitive_features=cohorte["race"],
    )
    print(f"Cible « {nom_cible} », seuil au 97e centile :")
    for groupe, ligne in cadre.by_group.iterrows():
        print(
            f"  {noms[groupe]} : taux de sélection {fr_percent(ligne['taux de sélection'], 2)} "
            f"({en_nombre(ligne['effectif'])} patients)"
        )
    ecart_taux = 100 * cadre.difference()["taux de sélection"]  # en points de pourcentage
    unite = "point de pourcentage" if ecart_taux < 2 else "points de pourcentage"
    # IC 95 % de l'écart entre deux proportions : 1,96 erreur type de part et d'autre.
    taux, effectifs_groupes = cadre.by_group["taux de sélection"], cadre.by_group["effectif"]
    erreur_taux = 100 * np.sqrt((taux * (1 - taux) / effectifs_groupes).sum())
    print(
        f"  Écart de taux de sélection entre les groupes : {fr_number(ecart_taux, 2)} {unite} "
        f"(IC 95 % : {fr_number(ecart_taux - 1.96 * erreur_taux, 2)} à "
        f"{fr_number(ecart_taux + 1.96 * erreur_taux, 2)}) ; patients noirs inscrits : "
        f"{int((inscrits & noirs).sum())}"
    )

# %% [markdown]
# ### Question 7 — Un taux de sélection plus élevé est-il une faveur ? (2 points)
#
# Regardez la cible « maladies » dans le résultat ci-dessus : le taux de sélection
# des patients noirs est bien plus élevé que celui des patients blancs. Un collègue en
# conclut : « ce score favorise les patients noirs ». Que lui répondez-vous ? Répondez par
# l'une des options, entre guillemets :
#
# - `"même taux"` : le programme s'adresse à tous ; un score équitable sélectionnerait chaque
#   groupe à peu près au même taux, et un tel écart doit donc être corrigé ;
# - `"minoritaires"` : une faveur se juge à la part d'un groupe parmi les inscrits, pas à son
#   taux de sélection ; or les patients noirs y restent minoritaires ;
# - `"comparer les besoins"` : il se trompe : un groupe plus malade doit être sélectionné plus
#   souvent ; seul le besoin des patients de même score dirait s'il y a faveur ;
# - `"faveur justifiée"` : il a en partie raison : un taux plus élevé est bien une faveur,
#   mais une faveur justifiée, puisque les patients noirs sont plus malades ;
# - `"écart trop grand"` : un groupe plus malade doit être sélectionné plus souvent, mais
#   l'écart entre les taux dépasse de loin l'écart de santé moyenne entre les groupes : cet
#   excès trahit une faveur ;
# - `"cible coût"` : des deux scores, le plus équitable est celui dont les taux de sélection
#   sont les plus proches, la cible « coût » ; l'écart de la cible « maladies » est à surveiller ;
# - `"hasard"` : avant de parler de faveur, il faut savoir si l'écart tient : l'écart de taux
#   repose sur peu de patients noirs inscrits (nombre affiché ci-dessus) et peut venir du
#   hasard.
#
# <details><summary>Indice 1</summary>
#
# Le but du programme est d'aider les plus malades. Les deux groupes ont-ils le même état de
# santé moyen ? Sinon, un score juste devrait-il les sélectionner au même taux ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Distinguez deux mesures : la part des patients noirs **parmi les inscrits** (question 1,
# section 5) et leur **taux de sélection** (parmi les patients noirs, combien sont inscrits ?).
# Puis demandez-vous ce qu'il faudrait savoir, en plus de ce taux, pour parler de faveur.
# </details>

# %% answer="lecture_taux"
lecture_taux = ...
### BEGIN SOLUTION
lecture_taux = "comparer les besoins"
### END SOLUTION

# %% tests="lecture_taux" points=2
# Vérification de la question 7 : exécutez cette cellule.
checks.check_choice(
    lecture_taux,
    name="lecture_taux",
    options=[
        "même taux",
        "minoritaires",
        "comparer les besoins",
        "faveur justifiée",
        "écart trop grand",
        "cible coût",
        "hasard",
    ],
    digest="e7c2ed77f05361c1",
    mistakes=[
        checks.Mistake(
            None,
            "exiger le même taux de sélection dans chaque groupe, c'est la parité "
            "démographique : elle suppose des groupes aussi malades l'un que l'autre. Est-ce "
            "le cas ici (section 2) ?",
            digest="87cbc0c191e57e39",
        ),
        checks.Mistake(
            None,
            "vous raisonnez sur la part parmi les inscrits, pas sur le taux de sélection dont "
            "parle le collègue ; et une part, seule, ne dit pas plus qu'un taux si un groupe "
            "est favorisé.",
            digest="e823568cee72117f",
        ),
        checks.Mistake(
            None,
            "ce n'est pas une faveur, même justifiée : sélectionner plus souvent un groupe plus "
            "malade, c'est appliquer à tous la même règle, le besoin. Il y aurait faveur si, à "
            "besoin égal, les patients d'un groupe étaient choisis plus souvent.",
            digest="9515ff20f9c3eb3c",
        ),
        checks.Mistake(
            None,
            "le programme retient les plus malades, la queue de la distribution : un écart "
            "modeste de santé moyenne y devient un grand écart de taux. Le score juste de la "
            "section 5 sélectionne d'ailleurs les patients noirs à un taux plus élevé encore "
            "que la cible « maladies » : un écart de taux plus grand que l'écart de santé "
            "moyenne ne trahit donc pas une faveur.",
            digest="f049e462963a8dec",
        ),
        checks.Mistake(
            None,
            "un écart de taux plus petit n'est pas plus équitable en soi : c'est justement la "
            "cible « coût » que la question 4 a montrée injuste envers les patients noirs.",
            digest="f1826f79f68daf33",
        ),
        checks.Mistake(
            None,
            "l'IC 95 % de l'écart de taux, affiché ci-dessus, est loin de 0 : le hasard "
            "n'explique pas cet écart. Et un écart démontré ne dirait toujours pas s'il s'agit "
            "d'une faveur.",
            digest="e58d398b20cbbfe2",
        ),
    ],
    success="vous avez rapporté l'indicateur au but du programme, aider les plus malades (le "
    "principe de justice et d'équité du CENS) : le texte qui suit le détaille.",
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    lecture_taux,
    name="lecture_taux",
    options=[
        "même taux",
        "minoritaires",
        "comparer les besoins",
        "faveur justifiée",
        "écart trop grand",
        "cible coût",
        "hasard",
    ],
    expected="comparer les besoins",
)
### END HIDDEN TESTS

# %% mistake="lecture_taux"
# message : parité démographique
lecture_taux = "même taux"

# %% mistake="lecture_taux"
# message : pas sur le taux de sélection
lecture_taux = "minoritaires"

# %% mistake="lecture_taux"
# message : ce n'est pas une faveur, même justifiée
lecture_taux = "faveur justifiée"

# %% mistake="lecture_taux"
# message : la queue de la distribution
lecture_taux = "écart trop grand"

# %% mistake="lecture_taux"
# message : n'est pas plus équitable en soi
lecture_taux = "cible coût"

# %% mistake="lecture_taux"
# message : le hasard n'explique pas cet écart
lecture_taux = "hasard"

# %% mistake="lecture_taux"
# message : n'est pas l'une des options
lecture_taux = "aucune idée"

# %% [markdown] reveal="lecture_taux"
# <details><summary>Après avoir répondu : la parité démographique</summary>
#
# Un taux de sélection plus élevé ne prouve pas une faveur. Le critère « chaque groupe est-il
# sélectionné au même taux ? » s'appelle la **parité démographique**. Il conclurait que les
# deux scores favorisent les patients noirs. C'est faux : ils sont en moyenne **beaucoup plus
# malades**, et un programme destiné aux plus malades **devrait** en inscrire une plus grande
# part. Même avec la cible « maladies », à score égal, les patients noirs restent plus malades
# que les patients blancs (section 5) : rien n'indique une faveur. `MetricFrame` calcule
# fidèlement l'indicateur qu'on lui donne, mais ne dit pas s'il correspond au but du programme.
# Pour ce but, comparez le besoin des groupes, à score égal. (Le module 06 reviendra sur les
# définitions de l'équité.)
# </details>

# %% [markdown]
# ### La cible « maladies » et le sous-diagnostic
#
# La cible « maladies » ne compte que les maladies **diagnostiquées**. Or un patient qui
# accède peu aux soins a moins de maladies enregistrées : c'est le **sous-diagnostic** (une
# maladie présente, mais jamais diagnostiquée). Notre générateur peut le simuler. Avec
# `diagnosis_gap=0.3` (un réglage inventé), à maladie égale, 30 % des maladies chroniques des
# patients noirs ne sont pas enregistrées, cette année comme l'année suivante. La cellule
# suivante refait la section 5 sur une telle cohorte, où l'hôpital ne connaît que les
# maladies enregistrées.

# %%
# Cette cellule refait la comparaison sur une cohorte avec sous-diagnostic. Vous n'avez pas à
# comprendre ce code : retenez la part des patients noirs et l'écart à score égal.
sous_diagnostic = make_cost_vs_need_cohort(random_state=graine, diagnosis_gap=0.3).frame
apprentissage_sd, cohorte_sd = train_test_split(
    sous_diagnostic, test_size=1 / 3, random_state=graine
)
cohorte_sd = cohorte_sd.reset_index(drop=True)  # même graine : les mêmes patients noirs
modele_sd = PoissonRegressor(alpha=0, solver="newton-cholesky")
modele_sd.fit(informations(apprentissage_sd), apprentissage_sd["n_chronic_next"])
scores_sd = modele_sd.predict(informations(cohorte_sd))
enregistrees_sd = cohorte_sd["n_chronic_next"].to_numpy()  # maladies enregistrées
for titre, scores, mesure in [
    ("Sans sous-diagnostic", scores_sante, besoin),
    ("Avec 30 % de sous-diagnostic", scores_sd, enregistrees_sd),
]:
    part = top_share(scores, race, percentile=centile_programme)
    ecart = en_clair(*ecart_par_tranches(scores, mesure=mesure))
    print(
        f"{titre} : {fr_percent(part)} de patients noirs parmi les inscrits du score "
        f"« maladies » ; à score égal, tous scores : {ecart}."
    )

# %% [markdown]
# ### Question 8 — Le biais a-t-il disparu ? (2 points)
#
# Avec le sous-diagnostic, l'écart à score égal est presque nul. Un collègue en conclut :
# « avec le sous-diagnostic, ce score n'est plus biaisé ». Que lui répondez-vous ? Répondez par
# l'une des options, entre guillemets :
#
# - `"score juste"` : un audit ne peut juger que sur les données qu'il a ; à score égal,
#   patients noirs et blancs ont presque autant de maladies enregistrées : c'est la meilleure
#   preuve disponible que le score n'est plus biaisé ;
# - `"biais caché"` : il a tort de conclure : le score apprend sur les maladies enregistrées et
#   l'audit juge avec elles ; un biais commun aux deux ne laisse pas d'écart ;
# - `"audit seul"` : seul l'audit se trompe : il juge avec des maladies mal enregistrées, mais
#   le score, lui, est resté juste ;
# - `"biais réduit"` : prudence : l'écart presque nul montre que le biais a nettement diminué,
#   pas qu'il a disparu ; il faut continuer à le mesurer de la même façon chaque année ;
# - `"revenir au coût"` : la cible « maladies » hérite du sous-diagnostic ; la cible « coût »
#   ne dépend pas des diagnostics enregistrés, et le ferait donc moins oublier ;
# - `"score plus strict"` : la part des patients noirs parmi les inscrits baisse parce que le
#   score est devenu plus exigeant pour tous, sans viser aucun groupe : ce n'est pas un biais.
#
# <details><summary>Indice 1</summary>
#
# Les patients et leur maladie réelle sont les mêmes ; seul l'enregistrement change. Avec le
# sous-diagnostic, la part des patients noirs parmi les inscrits se rapproche-t-elle de celle du
# score juste (tableau de la section 5), ou s'en éloigne-t-elle ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Avec quelle colonne mesure-t-on l'écart à score égal ? Et le coût : dépend-il moins de
# l'accès aux soins que les diagnostics (section 2) ?
# </details>

# %% answer="biais_disparu"
biais_disparu = ...
### BEGIN SOLUTION
biais_disparu = "biais caché"
### END SOLUTION

# %% tests="biais_disparu" points=2
# Vérification de la question 8 : exécutez cette cellule.
checks.check_choice(
    biais_disparu,
    name="biais_disparu",
    options=[
        "score juste",
        "biais caché",
        "audit seul",
        "biais réduit",
        "revenir au coût",
        "score plus strict",
    ],
    digest="ee280b8092f21ac2",
    mistakes=[
        checks.Mistake(
            None,
            "un écart presque nul ne prouve pas qu'un score est juste : il faut encore savoir "
            "si la colonne qui mesure cet écart dit le besoin de tous les patients.",
            digest="82f0a211586aa55d",
        ),
        checks.Mistake(
            None,
            "rien ne dit que le biais a diminué : l'écart presque nul est mesuré avec les "
            "maladies enregistrées, celles-là mêmes que le sous-diagnostic réduit. Avec les "
            "mêmes patients et la même maladie latente, la part des patients noirs parmi les "
            "inscrits s'éloigne encore de celle du score juste (tableau de la section 5).",
            digest="ff6ae6bce191e483",
        ),
        checks.Mistake(
            None,
            "le score n'est pas devenu juste : il apprend lui-même sur les maladies "
            "enregistrées, et la part des patients noirs parmi ses inscrits s'éloigne encore de "
            "celle du score juste (tableau de la section 5).",
            digest="8ffbd0e3995fddbf",
        ),
        checks.Mistake(
            None,
            "dans notre générateur, le coût dépend de l'accès aux soins plus encore que les "
            "diagnostics : à maladie égale, les patients noirs coûtent bien moins (section 2). "
            "Revenir au coût ramènerait le biais de départ, et l'écart presque nul ne prouve "
            "toujours rien.",
            digest="5755aabd1432964e",
        ),
        checks.Mistake(
            None,
            "le seuil n'a pas bougé : le score inscrit toujours 3 % des patients. Si la part des "
            "patients noirs parmi eux baisse, d'autres patients prennent leur place.",
            digest="65775283ccafcbd8",
        ),
    ],
    success="vous avez vérifié ce que mesure la colonne qui sert à juger : une cible, et un "
    "audit, ne valent que ce que vaut la donnée qui les nourrit. Un audit aveugle au "
    "sous-diagnostic laisserait des patients sans soins sans le voir (principe de "
    "non-malfaisance du CENS).",
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    biais_disparu,
    name="biais_disparu",
    options=[
        "score juste",
        "biais caché",
        "audit seul",
        "biais réduit",
        "revenir au coût",
        "score plus strict",
    ],
    expected="biais caché",
)
### END HIDDEN TESTS

# %% mistake="biais_disparu"
# message : ne prouve pas qu'un score est juste
biais_disparu = "score juste"

# %% mistake="biais_disparu"
# message : rien ne dit que le biais a diminué
biais_disparu = "biais réduit"

# %% mistake="biais_disparu"
# message : le score n'est pas devenu juste
biais_disparu = "audit seul"

# %% mistake="biais_disparu"
# message : ramènerait le biais de départ
biais_disparu = "revenir au coût"

# %% mistake="biais_disparu"
# message : le seuil n'a pas bougé
biais_disparu = "score plus strict"

# %% mistake="biais_disparu"
# message : n'est pas l'une des options
biais_disparu = "biais"

# %% [markdown] reveal="biais_disparu"
# **Ce que l'hôpital ne voit pas.** Notre générateur connaît ce qu'aucun hôpital ne connaît : la
# maladie « latente » de chaque patient (colonne `latent_illness`, inventée, décrite dans la
# fiche des données, à la fin du module) : le nombre moyen de maladies chroniques qu'il aurait si toutes étaient
# enregistrées. La cellule suivante mesure l'écart à score égal du score « maladies » avec
# cette maladie latente, puis avec les maladies enregistrées.

# %%
# Cette cellule mesure l'écart à score égal de deux façons, une fois la question 8 juste. Vous
# n'avez pas à comprendre ce code : comparez les lignes.
if checks.passed("biais_disparu"):
    latente = cohorte["latent_illness"].to_numpy()  # la même sans ou avec sous-diagnostic
    for titre, scores, mesure in [
        ("Sans sous-diagnostic, mesuré avec la maladie latente", scores_sante, latente),
        ("Avec 30 % de sous-diagnostic, mesuré avec la maladie latente", scores_sd, latente),
        (
            "Avec 30 % de sous-diagnostic, mesuré avec les maladies enregistrées",
            scores_sd,
            enregistrees_sd,
        ),
    ]:
        ecart = en_clair(*ecart_par_tranches(scores, mesure=mesure))
        print(f"{titre} : à score égal, tous scores, {ecart}.")
else:
    print(
        "Ces lignes s'afficheront ici quand la vérification de la question 8 aura dit "
        "« ✔ Correct » : relancez alors cette cellule (en séance évaluée, elles restent "
        "masquées)."
    )

# %% [markdown] reveal="biais_disparu"
# Mesuré avec la maladie latente, l'écart à score égal **augmente** avec le sous-diagnostic :
# le score « maladies » sous-estime davantage le besoin des patients noirs. Mesuré avec les
# maladies enregistrées, il paraît presque nul. Le score « maladies » sélectionne aussi moins
# de patients noirs, et la mesure de l'écart, faite avec les mêmes maladies enregistrées, ne le
# voit plus. Aucune cible n'est neutre : pour chacune, demandez-vous qui elle risque
# d'oublier, et vérifiez-le groupe par groupe, avec plusieurs mesures du besoin (l'étude
# comparait aussi des analyses biologiques, comme l'HbA1c).

# %% [markdown] reveal="biais_disparu"
# <details><summary>Facultatif : un score « maladies » jugé sur ce qu'il prédit</summary>
#
# Ce score apprend à prédire `n_chronic_next`, la colonne qui sert ensuite à juger les
# inscrits. Dans notre générateur, par défaut, cette colonne ne dépend pas de l'accès aux
# soins : son succès est donc flatteur. Dans la réalité, une maladie n'est comptée que si elle
# a été diagnostiquée, ce qui dépend aussi de l'accès (question 8, après la séance).
# </details>

# %% [markdown]
# ### Réflexion — Que doit prédire un algorithme de gestion des soins ? (3 points, corrigée par l'enseignant)
#
# À rédiger après la séance, à rendre comme l'indique votre enseignant·e.
#
# En 10 à 15 lignes : vous participez au choix d'un algorithme qui orientera des patients vers
# un programme de suivi renforcé dans votre établissement. **Quelle cible** proposeriez-vous
# qu'il prédise, et pourquoi ? Si vous proposez un coût, même « évitable », dites-en la limite.
# Quelles sont les **limites** de cette cible : quels patients risque-t-elle d'oublier ? Quelle
# place donneriez-vous au **médecin** dans la décision, et que devrait-il savoir du score ?
# Comment, et à qui, expliqueriez-vous ce choix (soignants, patients, direction) ?
# Appuyez-vous sur au moins un **chiffre calculé dans ce module**, et interprétez-le : que
# dit-il du besoin des patients ? (Copie de séance évaluée : un chiffre de **votre** tableau
# de la section 5, calculé sur votre propre cohorte.) Vous pouvez raisonner avec des données françaises (affections
# de longue durée, complémentaire santé solidaire, indice FDep).

# %% [markdown] written="reflexion_cible" points=3
# ### BEGIN SOLUTION
# *Guide de correction (enseignants ; retiré de la version étudiante).* Quatre critères, tous
# annoncés dans la consigne ; des copies types suivent.
#
# - **1 point : la cible, argumentée par le but du programme.** Le besoin de soins (maladies
#   chroniques actives, signes de maladie mal contrôlée comme l'HbA1c ou la pression
#   artérielle, nombre d'affections de longue durée (ALD), ou une combinaison), et non le
#   coût, parce que le coût mesure aussi l'accès aux soins : l'étudiant distingue ce que l'on
#   veut (le besoin) de ce que l'on mesure facilement (le substitut). Accepter un indice qui
#   combine santé et coût s'il est justifié : c'est la piste que les chercheurs ont proposée,
#   puis testée avec le fabricant (« we created an index variable that combined health
#   prediction with cost prediction », Obermeyer et al., 2019, discussion). Des « coûts
#   évitables » (urgences, hospitalisations) : 1 point si la limite est dite (cela reste un
#   recours aux soins, qui dépend de l'accès), un demi-point sinon, comme une cible juste mais
#   non justifiée. Même règle pour l'HbA1c ou la pression artérielle : elles ne sont mesurées
#   que chez qui consulte, donc liées elles aussi à l'accès ; sans cette limite, un demi-point.
# - **Un demi-point : les limites de la cible**
#   (V4 — Prudence, esprit critique et inclusivité). Une maladie, ou une ALD, n'est comptée
#   que si elle a été diagnostiquée ou déclarée : les patients qui consultent peu restent
#   sous-estimés. Accepter aussi : un audit
#   qui mesure le besoin avec la même donnée ne voit plus le biais (question 8) ; une
#   information du score qui est elle-même un substitut biaisé (le coût de cette année) porte
#   aussi le biais (section 5) ; il faut suivre les résultats par groupe après la mise en
#   service. En France, l'audit par groupes passe par des données sociales ou territoriales
#   (C2S, FDep, zones sous-dotées), pas par l'origine ethnique ou la race (RGPD, article 9 ;
#   décision n° 2007-557 DC, qui admet des données objectives) : proposer ce suivi par groupes suffit,
#   seul, au demi-point de ce critère. Une phrase qui présente le retrait de la race comme un
#   remède **suffisant** (« il suffit de retirer la race ») retire ce demi-point : le biais
#   passe par la cible, pas par la race (sans descendre sous 0). Ne pas
#   pénaliser une copie qui écrit que des études peuvent utiliser l'origine géographique, la
#   nationalité antérieure ou le « ressenti d'appartenance » : c'est ce que dit le commentaire
#   officiel de la décision (Cahiers du Conseil constitutionnel).
# - **Un demi-point : un chiffre calculé dans le module, juste et interprété pour le besoin.**
#   Accepté : l'écart de maladies à score égal comparé à celui du score juste (0,71 contre
#   0,10, tous scores, dans la version formative ; une copie de la séance évaluée a ses propres
#   chiffres, imprimés dans sa copie notée : tableau des cibles de la section 5, colonnes
#   « tous scores », et ligne « centile par centile » sous le tableau, que rassemble la ligne
#   « Pour le correcteur » sous la vérification de la question 2) ; pour une copie
#   **formative** seulement : la différence entre cibles et son IC (question 5), lue comme
#   une taille mal connue, ou une remarque juste sur le taux de sélection (question 7) ; la
#   part des patients noirs parmi les inscrits selon la cible, **avec** le fait qu'ils sont
#   plus malades (une part seule ne prouve ni faveur ni oubli, question 4). **Copie évaluée** :
#   seuls les chiffres de sa propre section 5 (ligne « Pour le correcteur ») valent ce
#   demi-point, pas ceux des questions 5 à 7 (cohorte commune). Ce contrôle est une
#   vérification de vraisemblance, pas une preuve : plusieurs copies partagent des valeurs à
#   deux décimales (0,71, 0,72, 0,04) ; un doute sur l'auteur se tranche à l'oral. Refusé : un écart entre
#   inscrits donné comme la preuve d'un biais (question 4) ; une part citée sans rien dire du
#   besoin ; les chiffres de l'étude seuls (17,7 % et 46,5 %, Obermeyer et al., 2019 ; le
#   46,5 % a été corrigé à environ 59 % par l'équipe de l'article, dépôt dissecting-bias, 2022), qui
#   ne sont pas calculés dans le module. La prudence (cohorte inventée, écart d'accès grossi) est
#   un plus, pas une condition.
# - **1 point : transparence et place de l'humain.** Un demi-point pour le médecin
#   (V1 — Priorité à la relation humaine) : il décide, sait ce que le score mesure et oublie,
#   peut proposer le programme à un patient que le score n'a pas retenu. Un demi-point pour les
#   autres publics (V6 — Intégrité et transparence ; principe d'autonomie du CENS) : dire au
#   patient pourquoi il est, ou non, proposé ; associer soignants et représentants des
#   patients au choix ; dire à la direction quelle cible est prédite et avec quelles limites.
#   Une phrase qui présente comme un remède **suffisant** la décision du médecin (« le médecin
#   corrigera ») retire un demi-point à ce critère (sans descendre sous 0) : le reste de la
#   copie est noté normalement (principe de justice et d'équité du CENS : l'aide va aux plus
#   malades). Écrire que l'algorithme ne doit pas utiliser la race n'est pas
#   pénalisé : en France, c'est conforme au droit (RGPD, article 9 ; décision n° 2007-557 DC).
#
# *Copies types.* Leurs chiffres sont ceux de la version formative ; une copie de la séance
# évaluée cite ceux de ses propres cas (voir le critère 3) : notez-la de la même façon. Une
# même phrase ne compte qu'à un critère, sauf une limite de la cible qui nomme aussi les
# patients oubliés (« ceux qui consultent peu resteraient sous-estimés ») : elle compte à la
# cible et aux limites. Exemple de cette règle : « je prédirais les maladies chroniques plutôt
# que le coût, qui dépend de l'accès aux soins ; mais une maladie non diagnostiquée n'est pas
# comptée, donc les patients qui consultent peu resteraient sous-estimés ». La première moitié
# justifie la cible (critère 1) ; la seconde donne la limite de cette cible **et** nomme les
# patients oubliés : elle compte aussi aux limites (critère 2). Total : 1 + 0,5. Si la copie
# écrivait seulement « le coût dépend de l'accès aux soins », cette phrase ne compterait qu'à
# la cible : elle ne dit rien des patients qu'oublierait la cible proposée.
#
# - **3 points.** « Je proposerais de prédire le nombre de maladies chroniques actives de
#   l'année suivante, complété par l'HbA1c et la pression artérielle : le programme vise les
#   plus malades, et le coût mesure aussi l'accès aux soins. Limite : une maladie non
#   diagnostiquée, ou une HbA1c jamais mesurée, n'est pas comptée, donc les patients qui consultent peu resteraient
#   sous-estimés ; je suivrais les inscrits par groupe (C2S, FDep) chaque année. Dans le
#   module, à score égal, les patients noirs avaient 0,71 maladie de plus que les blancs avec la
#   cible coût, contre 0,10 avec le score juste : le score coût sous-estimait leur besoin
#   (cohorte inventée). Le médecin garderait la décision et saurait ce que le score oublie ;
#   j'expliquerais au patient pourquoi il est proposé, et la cible à la direction. » Cible
#   argumentée 1 ; limites 0,5 ; chiffre interprété 0,5 ; médecin et autres publics 1.
# - **1,5 point.** « Il faut prédire les coûts évitables (urgences, hospitalisations), plus
#   justes que le coût total, même s'ils dépendent encore de l'accès aux soins. Avec la cible
#   coût, seuls 15,7 % des inscrits étaient noirs, c'est trop peu. Le médecin devrait valider
#   chaque inscription. » Cible avec sa limite 1 ; limites 0 (« dépendent encore de l'accès »
#   est compté à la cible et ne nomme aucun patient oublié) ; chiffre sans rien dire du besoin 0 ; médecin seul 0,5 ; autres publics 0.
# - **0,5 point.** « Il faudrait prédire les maladies plutôt que le coût. Il suffit que
#   l'algorithme n'utilise pas la race, et le médecin corrigera les erreurs. Dans l'étude, la
#   part des patients noirs passait de 17,7 % à 46,5 % (Obermeyer et al., 2019). » Cible juste
#   mais non justifiée 0,5 ; limites 0 (aucune limite, et « il suffit » retirerait de toute
#   façon ce demi-point) ; chiffre de l'étude seul 0 (et 46,5 % a été corrigé à environ 59 %
#   par l'équipe de l'article en 2022) ; humain 0 (médecin cité 0,5, moins 0,5 pour « le médecin
#   corrigera », donné comme remède suffisant).
# ### END SOLUTION

# %% [markdown]
# ### Pour aller plus loin : ce que l'étude a mesuré, et ce que notre reproduction simplifie
#
# **L'algorithme réel et ses données.** Le fabricant prédisait le coût total de l'année à partir
# des données de remboursement de l'année précédente : âge, sexe, type d'assurance, codes de
# diagnostics et d'actes, médicaments, coûts détaillés, mais pas la race. Au 97ᵉ centile du
# score, les patients noirs avaient 26,3 % de maladies chroniques de plus que les patients
# blancs : 4,8 contre 3,8 (Obermeyer et al., 2019).
#
# **Notre type de score.** Une régression linéaire (une somme des informations, chacune
# multipliée par un poids appris) convient mal à ce coût très inégal, où quelques patients
# coûtent énormément : elle prédit à certains patients un coût négatif et, pour les scores
# bas, ne se trompe pas de la même façon dans les deux groupes. On pourrait alors croire que
# le biais vient d'un mauvais modèle. Notre score multiplie les effets des informations au
# lieu de les additionner, ce qui garde une prédiction positive (une « régression de
# Poisson ») ; il prédit le coût à peu près aussi bien dans les deux groupes : il reste le
# biais du substitut.

# %% [markdown] reveal="nouvelle_cible"
# **Les modèles réentraînés par les chercheurs** (entraînés sur deux tiers des patients, jugés
# sur le tiers restant, sans la race). Part des patients noirs parmi les 3 % de risque prédit le
# plus élevé : 14,1 % avec la cible « coût total », 21,0 % avec la cible « coûts évitables »
# (urgences et hospitalisations), 26,7 % avec la cible « maladies chroniques »
# (Obermeyer et al., 2019). Les trois modèles prédisaient pourtant assez bien les trois
# grandeurs : c'est le choix de la cible, plus que la qualité de prédiction, qui changeait la
# composition du groupe. Les consultations (question 6) : les patients noirs, plus malades
# (1,90 maladie chronique contre 1,20), avaient moins de consultations externes par an, 4,31
# contre 4,94 (Obermeyer et al., 2019, tableau 1). Ce sont des moyennes brutes, non ajustées,
# et une seule sorte de recours aux soins : elles vont dans le sens de la question 6 sans la
# démontrer.

# %% [markdown]
# **Le médecin dans la boucle.** Les inscriptions réelles reflétaient surtout les décisions des
# médecins, et des critères administratifs. Elles concernaient 1,3 % des observations (une
# observation : un patient, une année). Part des patients noirs parmi les inscrits, selon la
# façon d'inscrire (Obermeyer et al., 2019, tableau 3) :
# - inscriptions réelles, décidées surtout par les médecins : 19,2 % (le tableau 1 de
#   l'article donne 18,2 % pour la composition du programme ; l'article ne dit pas d'où vient
#   cet écart d'un point) ;
# - tirage au hasard parmi les patients de même score : 18,3 % (la différence avec 19,2 % est
#   compatible avec le hasard : P = 0,8348) ;
# - parmi les patients de même score, ceux qui ont le plus de maladies chroniques prédites :
#   26,9 % ;
# - directement, les patients qui ont le plus de maladies chroniques prédites : 29,2 %.
#
# Les auteurs écrivent que les médecins corrigent « une petite partie » du biais. Ces chiffres
# ne permettent pas d'en être sûr. Ils montrent surtout que les médecins le corrigent bien
# moins qu'un score entraîné sur une autre cible. Un contrôle humain n'est utile que si
# l'humain sait ce que le score mesure, et ce qu'il oublie.
#
# **Ce qui s'est passé ensuite.** Informé des résultats, le fabricant les a retrouvés sur ses
# propres données nationales (3 695 943 patients couverts par une assurance privée).
# Chercheurs et fabricant ont alors cherché ensemble une solution : les chercheurs ont proposé
# de garder le modèle, ses données et ses informations, mais de changer la cible, et ont
# construit un indice qui combine la prédiction de santé et celle du coût. L'excès de maladies
# chroniques des patients noirs, à score égal, a diminué de 84 % (Obermeyer et al., 2019).
#
# <details><summary>Les intervalles du tableau de la section 5 : ce qu'ils ne couvrent pas ;
# l'étude</summary>
#
# Dans l'étude, avec des modèles réentraînés, la part passait de 14,1 % à 26,7 %
# (Obermeyer et al., 2019, tableau 2). Le 46,5 % de la section 1 n'est pas la même mesure : il
# vient d'une simulation par échange de patients, que l'équipe de l'article a corrigée en 2022
# (environ 59 %, une erreur de code) et dont le principe est discuté : elle ne fait qu'ajouter
# des patients noirs et retirer des patients blancs ; on pourrait inverser les groupes, la
# relancer, et elle trouverait encore des échanges à faire (dépôt dissecting-bias, 2022). Avec
# notre score sans le coût de cette année (tableau affiché avant la question 5), la part dépasse de
# loin les 26,7 % de l'étude : ce n'est pas un meilleur score que celui de l'étude, mais une
# cohorte inventée (encadré suivant).
#
# Ces IC couvrent le hasard de l'échantillon, pas le choix du modèle et des tranches (un autre
# score donnerait d'autres écarts), ni nos choix de construction (écart d'accès grossi). L'IC
# « tous scores » traite aussi les limites des tranches comme fixées d'avance, alors qu'elles
# viennent du score.
# </details>
#
# <details><summary>Pourquoi notre part dépasse-t-elle celle de l'étude ?</summary>
#
# Les deux parts se mesurent de la même façon : la part des patients noirs parmi ceux dont le
# risque prédit atteint le 97ᵉ centile, avec un modèle qui prédit les maladies chroniques, sans
# la race ; dans l'étude, 26,7 % (Obermeyer et al., 2019, tableau 2). Et notre cohorte a la
# même proportion de patients noirs que celle de l'étude (section 2). L'écart a donc d'autres
# causes :
#
# - **Pas le hasard** : l'intervalle de confiance de notre part, affiché plus haut, reste
#   au-dessus de la part de l'étude.
# - **Une cible plus « propre »** : dans notre générateur, les maladies de l'année suivante ne
#   dépendent pas de l'accès aux soins, et notre score connaît celles de cette année. Dans la
#   réalité, une maladie n'est comptée que si elle a été diagnostiquée.
# - **Des malades inventés** : l'étude donne les moyennes de maladies chroniques par groupe
#   (section 2), mais notre générateur choisit seul combien de patients noirs figurent parmi
#   les plus malades, et c'est d'eux que dépend la part au-dessus du 97ᵉ centile.
#
# Notre cohorte ne retrouve donc que le sens de l'effet : changer la cible augmente nettement
# la part des patients noirs, dans l'étude comme ici.
# </details>
#
# %% [markdown]
# **Les données de ce module.** La fiche de la cohorte synthétique (construction, limites,
# écarts assumés) est repliée sous son titre dans la cellule suivante ; le tableau dit, chiffre
# par chiffre, en quoi notre cohorte s'écarte de l'étude.
#
# <details><summary>L'étude et notre cohorte, chiffre par chiffre</summary>
#
# | Chiffre | Étude (Obermeyer et al., 2019) | Notre cohorte | Pourquoi l'écart |
# |---|---|---|---|
# | Coût moyen des patients noirs, comparé à celui des blancs | 12 % de plus (8 442 contre 7 540 dollars par an, tableau 1) | un peu plus (section 2) | notre générateur vise environ 2 % de plus (forme du coût inventée), bien moins que l'étude ; le tirage ajoute un peu |
# | Coût à nombre égal de maladies chroniques | 1 801 dollars de moins par an (figure 3B) | nettement plus que cet écart (montant propre à chaque cohorte, affiché en section 2) | écart d'accès grossi exprès, de cette année comme de la suivante |
# | Score « coût », tout en haut | calibré : même coût à score égal (figure 3A) | coût plus bas chez les patients noirs (section 4) | défaut de notre reproduction |
#
# Notre générateur règle l'écart d'accès à maladie égale, sur une maladie « latente » que les
# données ne montrent pas (voir la fiche, ci-dessous) : ce réglage inventé n'est pas
# un chiffre à retenir. Seul l'écart mesuré ci-dessus se compare à l'étude.
#
# Notre écart d'accès est réglé pour que notre score « coût » retienne à peu près la même part
# de patients noirs que le modèle « coût » réentraîné par les chercheurs : 14,1 % parmi les 3 %
# du haut (Obermeyer et al., 2019, tableau 2). La fiche donne des moyennes sur de grands
# échantillons et plusieurs graines ; les cellules, notre cohorte (graine 0, et le tiers des
# patients sur lequel on juge le score en section 3) : leurs chiffres diffèrent donc un peu,
# du seul fait du hasard.
# </details>

# %% reveal="part_noirs_cout" jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il affiche la fiche des données, repliée sous son titre.
print("Fiche de la cohorte synthétique (cliquez sur son titre pour la déplier) :")
display(data_card(donnees))

# %% [markdown]
# **Les patients de l'étude et la France.** Les patients de l'étude étaient couverts par des
# contrats dits « à risque » : l'établissement y répond d'une part du coût des soins de ses
# patients (Obermeyer et al., 2019). Le mécanisme vaut pour tout groupe qui coûte moins à besoin
# égal (précarité, déserts médicaux). En France, on peut auditer un score sur des groupes que
# les données de santé permettent de repérer : bénéficiaires de la complémentaire santé
# solidaire (C2S), habitants des communes les plus défavorisées (indices FDep ou EDI), des zones
# où les médecins manquent.
#
# **Le cadre juridique européen.** Le règlement sur l'intelligence artificielle (règlement (UE)
# 2024/1689, article 10, paragraphes 2 à 4) imposera d'examiner les données des systèmes dits
# « à haut risque » pour y repérer les biais possibles : à partir du 2 décembre 2027 pour ceux
# de l'annexe III, du 2 août 2028 pour ceux de l'annexe I, dont les dispositifs médicaux. Ces
# dates viennent du règlement (UE) 2026/1744 du 8 juillet 2026 (publié au Journal officiel de
# l'Union le 24 juillet 2026), relevées dans une analyse du texte publié, comme au module 13,
# à la date de vérification affichée par la cellule suivante. La cellule suivante résume ces deux articles. Pour repérer ces biais par
# groupe d'origine, il faudrait traiter des données qui révèlent l'origine raciale ou ethnique,
# que le RGPD (règlement (UE) 2016/679, article 9) interdit en principe de traiter, sauf
# exceptions. Le règlement sur l'IA en prévoit une pour un tel audit, à titre exceptionnel et
# avec des garanties (article 10, paragraphe 5, dans le texte de 2024 ; le règlement a été
# modifié en 2026 : avant tout audit, lisez la version consolidée sur EUR-Lex). Le RGPD, lui, reste la règle de base. En
# France, le Conseil constitutionnel a jugé que les études sur la diversité des origines
# peuvent porter sur des « données objectives », mais ne peuvent reposer sur l'origine ethnique
# ou la race (décision n° 2007-557 DC). Savoir si un algorithme
# comme celui-ci est « à haut risque », qui en est le fournisseur et ce que le règlement lui
# demande, c'est l'analyse que fait le module 13.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il affiche les deux textes européens, tirés de la
# bibliothèque du cours, avec la date de leur dernière vérification.
from IPython.display import Markdown

from esn_teach.law import LEGAL_FACTS_LAST_CHECKED, reference

for cle in ("IA 10", "IA 113"):
    ref = reference(cle)
    display(Markdown(f"**{ref.citation}** ({ref.date_label}) — *{ref.title}.* {ref.summary}"))
    print(f"Texte officiel : {ref.url}")
print(
    f"Textes vérifiés le {LEGAL_FACTS_LAST_CHECKED:%d/%m/%Y}. Ce sont des résumés, pas des "
    "citations ni un conseil juridique."
)


# %% [markdown]
# ## Sources
#
# - Gelman A, Stern H. The difference between "significant" and "not significant" is not
#   itself statistically significant. *Am Stat* 2006;60(4):328-331.
# - Obermeyer Z, Powers B, Vogeli C, Mullainathan S. Dissecting racial bias in an algorithm
#   used to manage the health of populations. *Science* 2019;366(6464):447-453.
#   doi:10.1126/science.aax2342. Chiffres et faits cités : effectifs, maladies chroniques, coûts
#   moyens, consultations externes, composition du programme (18,2 %) (tableau 1) ; patients de soins primaires sous contrats « à risque », race déclarée
#   par les patients, repérage automatique au 97ᵉ centile et signalement au médecin traitant à
#   partir du 55ᵉ (partie « Data and analytic strategy ») ; pauvreté, discrimination et
#   confiance parmi les causes de l'écart de coût (partie « Mechanism of bias ») ; 17,7 % (part
#   observée avec le score commercial) et 46,5 % (simulation, corrigée depuis : voir la source
#   suivante) (résumé et figure 1B) ; 26,3 % de
#   maladies chroniques en plus au 97ᵉ centile (figure 1A) ; score aussi exact sur le coût dans
#   les deux groupes (figure 3A) ; 1 801 dollars de moins par an à nombre égal de maladies
#   chroniques (figure 3B) ; données et cible de l'algorithme (partie « Mechanism of bias ») ;
#   14,1 %, 21,0 % et 26,7 % avec des modèles réentraînés (tableau 2 et texte) ; 1,3 %,
#   19,2 %, 18,3 %, P = 0,8348, 26,9 % et 29,2 % (tableau 3 et texte) ; 3 695 943 patients,
#   indice proposé par les chercheurs et réduction de 84 % du biais (discussion).
# - Dépôt dissecting-bias, 2022 : dépôt GitLab labsysmed/dissecting-bias, README, note du
#   1er septembre 2022, écrite au nom de l'équipe de l'article (« our paper ») mais signée
#   d'aucun auteur (mainteneurs nommés à la fin du README : Li Z, Lin K, Obermeyer Z ;
#   gitlab.com/labsysmed/dissecting-bias), « Error in code that makes Figure 1b » : une erreur
#   dans le code de la figure 1B ; la part des patients noirs dans la simulation sans biais est de 59 %, et non
#   47 % ; la critique de Sam Corbett-Davies sur la procédure d'échange, qui ne fait qu'ajouter
#   des patients noirs et retirer des patients blancs.
# - Données synthétiques : `esn_teach.datasets.make_cost_vs_need_cohort(random_state=0)`,
#   calibrées sur l'article ci-dessus ; fiche descriptive (construction, limites, écarts
#   assumés) : `esn_teach/datasets/cards/cost_vs_need_cohort.md`, affichée dans « Pour aller
#   plus loin ».
# - Conseil constitutionnel, décision n° 2007-557 DC du 15 novembre 2007, loi relative à la
#   maîtrise de l'immigration, à l'intégration et à l'asile : les traitements nécessaires aux
#   études sur la mesure de la diversité des origines « peuvent porter sur des données
#   objectives » mais « ne sauraient […] reposer sur l'origine ethnique ou la race ».
# - Règlement (UE) 2024/1689 du 13 juin 2024 sur l'intelligence artificielle, article 10,
#   paragraphes 2 à 4 et, dans son texte de 2024, paragraphe 5 (texte anglais du Journal
#   officiel cité mot pour mot dans plusieurs dépôts indépendants, relu le 6 décembre 2026),
#   et article 113, modifié par le règlement (UE) 2026/1744 du 8 juillet
#   2026 (fiches « IA 10 » et « IA 113 » de la bibliothèque du cours, affichées plus haut avec
#   la date de leur dernière vérification). Règlement (UE) 2016/679 (RGPD), article 9.
# - Proposition d'un nouvel article 4 bis remplaçant l'article 10, paragraphe 5 : proposition de
#   la Commission COM(2025) 836 du 19 novembre 2025, telle que l'analysent le Comité européen de
#   la protection des données et le Contrôleur européen (avis conjoint 1/2026 du 20 janvier
#   2026 ; lu dans une source secondaire, le texte adopté n'a pas pu être lu ici).
# - Intervalle de Wilson : Wilson EB. Probable inference, the law of succession, and statistical
#   inference. *Journal of the American Statistical Association* 1927;22(158):209-212.
# - Weerts H, Dudík M, Edgar R, Jalali A, Lutz R, Madaio M. Fairlearn: Assessing and improving
#   fairness of AI systems. *Journal of Machine Learning Research* 2023;24(257):1-8.
# - Pedregosa F, *et al.* Scikit-learn: Machine Learning in Python. *Journal of Machine Learning
#   Research* 2011;12:2825-2830.
