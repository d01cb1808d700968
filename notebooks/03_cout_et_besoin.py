# %% [markdown]
# # Module 03 — Le coût n'est pas le besoin
#
# *Cours « IA et santé » — École de santé numérique, Université de Montpellier.*
#
# ## Ce que vous saurez faire à la fin de ce module
#
# 1. Dire ce qu'est la **cible** d'un modèle (ce qu'il apprend à prédire) et pourquoi une cible
#    commode, le **coût** des soins, peut trahir le **besoin** de soins.
# 2. Calculer la **part d'un groupe parmi les patients sélectionnés**, et la distinguer du
#    **taux de sélection** de ce groupe.
# 3. Comparer l'état de santé de deux groupes **à score égal** pour repérer un biais.
# 4. Mesurer un indicateur par groupe avec l'outil `MetricFrame` de la bibliothèque fairlearn,
#    et dire ce qu'il ne montre pas.
# 5. Choisir la cible d'un algorithme de gestion des soins, et justifier ce choix.
#
# ## Mode d'emploi
#
# - Exécutez les cellules **dans l'ordre**, une par une : cliquez dans la cellule puis appuyez
#   sur **Maj + Entrée**.
# - Quand une cellule contient `...`, c'est à vous de répondre : remplacez les trois points par
#   votre calcul ou votre réponse, exécutez la cellule, puis exécutez la cellule
#   **« Vérification »** juste en dessous. Elle vous dit si la réponse est correcte, ou quelle
#   erreur vous avez probablement faite. Vous pouvez réessayer autant de fois que vous voulez.
# - Trois règles d'écriture : gardez le nom de la variable **exactement** tel qu'il est écrit
#   (sans accent : `part_noirs_cout`) ; écrivez les décimales avec un **point** (`0.8` et non
#   `0,8`) ; écrivez de préférence le **calcul** plutôt que son résultat arrondi.
# - Des **indices** sont cachés sous chaque question : cliquez sur « Indice 1 », puis
#   « Indice 2 » seulement si besoin.
# - Aucune connaissance en programmation n'est demandée : les calculs tiennent en une ligne.

# %% [markdown]
# ## 1. Une histoire clinique : le programme de suivi renforcé
#
# Un grand hôpital universitaire américain propose à ses patients atteints de maladies
# chroniques un **programme de suivi renforcé** (*care management*) : une infirmière
# coordinatrice les appelle, organise les rendez-vous, vérifie les traitements et cherche à
# éviter les hospitalisations. Les places sont limitées. Pour choisir, l'hôpital utilise un
# algorithme commercial qui donne à chaque patient un **score de risque** ; les patients dont le
# score atteint le **97ᵉ centile** (les 3 % de scores les plus élevés) sont inscrits
# automatiquement (Obermeyer et al., 2019).
#
# Un **centile** découpe une population rangée par score en cent parts égales : être au 97ᵉ
# centile, c'est avoir un score plus élevé que celui de 97 patients sur 100.
#
# L'algorithme ne voyait pas la couleur de peau des patients. Pourtant, en 2019, une équipe de
# chercheurs a montré qu'il désavantageait fortement les patients noirs : **à score égal, ils
# étaient nettement plus malades que les patients blancs**. Corriger cet écart aurait fait
# passer la part des patients noirs parmi ceux qui recevaient l'aide supplémentaire de 17,7 %
# à 46,5 % (Obermeyer et al., 2019).
#
# D'où venait le problème ? Du **choix de la cible**. La **cible** (on dit aussi l'**étiquette**,
# en anglais *label*) est la grandeur qu'un modèle apprend à prédire. Le besoin de soins ne se
# mesure pas directement ; l'algorithme prédisait donc le **coût des soins de l'année
# suivante**, utilisé comme **substitut** (en anglais *proxy*) du besoin : une grandeur
# facile à mesurer, supposée suivre celle qui nous intéresse. Or, à maladie égale, on dépense
# moins pour les patients qui ont moins accès aux soins.
#
# **À propos des groupes.** Les catégories « patients noirs » et « patients blancs » sont celles
# de l'étude américaine. La « race » y est une catégorie sociale, pas biologique, et ces
# catégories ne se transposent pas telles quelles en France, où les statistiques ethniques sont
# très encadrées. Le mécanisme, lui, vaut pour tout groupe qui accède moins aux soins : habitants
# de déserts médicaux, personnes en précarité, patients qui maîtrisent mal la langue.

# %% [markdown]
# ## 2. Les données : une cohorte synthétique
#
# Les données de l'étude ne sont pas publiques. Nous utilisons une **cohorte synthétique** :
# des patients inventés par un programme, sans aucune personne réelle, dont les moyennes sont
# calibrées sur le tableau 1 de l'article. L'étude portait sur 43 539 patients blancs et
# 6 079 patients noirs, qui avaient en moyenne 1,20 et 1,90 maladies chroniques actives
# (Obermeyer et al., 2019). La fiche de ces données (origine, construction, limites) est dans
# `esn_teach/datasets/cards/cost_vs_need_cohort.md`.
#
# Chaque ligne est un patient. Les colonnes utiles ici :
#
# | Colonne | Signification |
# |---|---|
# | `race` | groupe : `"White"` (blanc) ou `"Black"` (noir), comme dans l'étude |
# | `n_chronic` | nombre de maladies chroniques actives cette année |
# | `cost` | coût des soins de l'**année suivante**, en dollars |
# | `n_chronic_next` | nombre de maladies chroniques actives l'**année suivante** |
#
# L'algorithme calcule son score à partir de sept informations : les maladies chroniques de
# cette année (`n_chronic`) et les autres colonnes (âge, sexe, HbA1c, pression artérielle,
# créatinine, coût de cette année).

# %%
import numpy as np
from fairlearn.metrics import MetricFrame, count, selection_rate

from esn_teach import checks, fr_number, fr_percent
from esn_teach.datasets import fit_risk_score, make_cost_vs_need_cohort, top_share
from esn_teach.explorers import CostNeedExplorer, selection_by_group

# Cohorte synthétique, toujours la même grâce à la graine random_state=0 (le point de départ
# du tirage au hasard).
cohorte = make_cost_vs_need_cohort(random_state=0).frame
race = cohorte["race"].to_numpy(dtype=str)  # le groupe de chaque patient
noirs = race == "Black"  # vrai pour chaque patient noir
blancs = race == "White"  # vrai pour chaque patient blanc
print(f"{len(cohorte)} patients synthétiques : {blancs.sum()} blancs et {noirs.sum()} noirs.")
moyennes = cohorte.groupby("race", observed=True)[["n_chronic_next", "cost"]].mean()
for groupe, nom in [("White", "blancs"), ("Black", "noirs")]:
    # Coût écrit à la française, avec une espace entre les milliers.
    cout_moyen = f"{moyennes.loc[groupe, 'cost']:,.0f}".replace(",", "\u00a0")
    print(
        f"Patients {nom} : {fr_number(moyennes.loc[groupe, 'n_chronic_next'], 2)} maladies "
        f"chroniques en moyenne, coût moyen {cout_moyen} $"
    )

# %% [markdown]
# Les patients noirs de la cohorte sont en moyenne **plus malades**, mais ils **coûtent moins**.
#
# Une précision honnête : dans l'étude réelle, les patients noirs coûtaient en moyenne un peu
# plus (8 442 $ contre 7 540 $) ; ils étaient beaucoup plus malades, mais, **à maladie égale**,
# on dépensait moins pour eux (Obermeyer et al., 2019). Notre cohorte simplifiée exagère l'écart
# de coût moyen pour reproduire le reste de l'étude ; la fiche des données l'explique.

# %% [markdown]
# ## 3. Un score qui prédit le coût
#
# Reproduisons l'algorithme. La fonction `fit_risk_score` apprend une **régression linéaire**
# (une somme pondérée des informations du patient, dont les poids sont choisis pour prédire au
# mieux la cible) à partir des mêmes sept informations pour tous (section 2), **sans la
# race**. Seule la cible change :
#
# - `"cost"` : le score prédit le **coût** des soins de l'année suivante (comme l'algorithme
#   de l'étude) ;
# - `"health"` : le score prédit le **nombre de maladies chroniques** de l'année suivante, une
#   mesure plus directe du besoin.
#
# Puis on applique la règle du programme : sont inscrits les patients dont le score atteint le
# 97ᵉ centile.

# %%
centile_programme = 97  # seuil du programme : 97e centile du score
scores_cout = fit_risk_score(cohorte, "cost")  # score entraîné sur le coût
scores_sante = fit_risk_score(cohorte, "health")  # score entraîné sur les maladies chroniques

seuil_cout = np.percentile(scores_cout, centile_programme)  # valeur du score au 97e centile
inscrits_cout = scores_cout >= seuil_cout  # vrai pour chaque patient inscrit
besoin = cohorte["n_chronic_next"].to_numpy()  # maladies chroniques de l'année suivante
print(
    f"Le programme retient les {fr_percent(1 - centile_programme / 100, 0)} de patients "
    f"au score le plus élevé : {inscrits_cout.sum()} inscrits."
)

n_noirs_inscrits = int((inscrits_cout & noirs).sum())  # & veut dire « et »
n_blancs_inscrits = int((inscrits_cout & blancs).sum())
n_noirs, n_blancs = int(noirs.sum()), int(blancs.sum())
print(f"Patients noirs : {n_noirs} dans la cohorte, dont {n_noirs_inscrits} inscrits.")
print(f"Patients blancs : {n_blancs} dans la cohorte, dont {n_blancs_inscrits} inscrits.")

# %% [markdown]
# ### Question 1 — La part des patients noirs parmi les inscrits, cible « coût » (2 points)
#
# Parmi les patients **inscrits** au programme par le score « coût », quelle est la **part de
# patients noirs** ? Donnez une proportion entre 0 et 1 (par exemple `0.25`, et non `25`), en
# écrivant le calcul à partir des variables définies ci-dessus.
#
# <details><summary>Indice 1</summary>
#
# Demandez-vous d'abord : « une part de **quoi** ? » On ne regarde que les patients inscrits.
# Le dénominateur est donc le nombre total d'inscrits, tous groupes confondus.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Le nombre total d'inscrits est la somme des inscrits noirs et des inscrits blancs. Au
# numérateur : les inscrits noirs. `n_noirs` et `n_blancs` ne servent pas ici.
# </details>

# %% answer="part_noirs_cout"
part_noirs_cout = ...
### BEGIN SOLUTION
part_noirs_cout = n_noirs_inscrits / (n_noirs_inscrits + n_blancs_inscrits)
### END SOLUTION

# %% tests="part_noirs_cout" points=2
# Vérification de la question 1 : exécutez cette cellule.
valeur = checks.require_number(part_noirs_cout, name="part_noirs_cout")
checks.expect(
    not 0.5 < valeur <= 1,
    "avec votre réponse, plus de la moitié des inscrits seraient des patients noirs, alors "
    "qu'ils ne sont qu'une petite minorité de la cohorte. Avez-vous inversé les groupes "
    "(la part des patients blancs) ?",
    name="part_noirs_cout",
)
checks.check_number(
    part_noirs_cout,
    name="part_noirs_cout",
    digest="ec46ff12b4a83061",
    bounds=(0, 1),
    mistakes=[
        checks.Mistake(
            float(inscrits_cout[noirs].mean()),
            "vous avez calculé le taux de sélection des patients noirs (la part des patients "
            "noirs qui sont inscrits) : le dénominateur est alors tous les patients noirs. La "
            "question porte sur les inscrits : le dénominateur est le nombre total d'inscrits.",
        ),
        checks.Mistake(
            float(noirs.mean()),
            "vous avez calculé la part des patients noirs dans toute la cohorte, inscrits ou "
            "non. Ne regardez que les patients inscrits.",
        ),
    ],
    hint="Au numérateur, les inscrits noirs ; au dénominateur, tous les inscrits.",
    success="c'est la part des patients noirs parmi les inscrits quand le score prédit le coût.",
)
### BEGIN HIDDEN TESTS
checks.check_number(
    part_noirs_cout,
    name="part_noirs_cout",
    expected=top_share(scores_cout, race, percentile=centile_programme),
)
### END HIDDEN TESTS

# %% mistake="part_noirs_cout"
# message : taux de sélection des patients noirs
part_noirs_cout = n_noirs_inscrits / n_noirs

# %% mistake="part_noirs_cout"
# message : inversé les groupes
part_noirs_cout = n_blancs_inscrits / (n_noirs_inscrits + n_blancs_inscrits)

# %% mistake="part_noirs_cout"
# message : dans toute la cohorte
part_noirs_cout = n_noirs / (n_noirs + n_blancs)

# %% mistake="part_noirs_cout"
# message : pourcentage
part_noirs_cout = 100 * n_noirs_inscrits / (n_noirs_inscrits + n_blancs_inscrits)

# %% [markdown]
# ## 4. Un indicateur par groupe avec fairlearn : le taux de sélection
#
# Il y a deux façons de décrire qui est sélectionné, à ne pas confondre :
#
# - la **part d'un groupe parmi les sélectionnés** (question 1) : parmi les inscrits, combien
#   de patients noirs ?
# - le **taux de sélection** d'un groupe : parmi les patients de ce groupe, combien sont
#   inscrits ?
#
# La bibliothèque **fairlearn** (*fair* veut dire « équitable ») calcule un indicateur
# **groupe par groupe** avec l'outil `MetricFrame` (« tableau d'indicateurs »). On lui donne :
# l'indicateur (`metrics`, ici `selection_rate`, le taux de sélection, et `count`, l'effectif),
# les décisions (`y_pred` : inscrit ou non), et la colonne qui définit les groupes
# (`sensitive_features`). `MetricFrame` exige aussi les valeurs réelles (`y_true`), que le taux
# de sélection n'utilise pas. `.by_group` affiche un indicateur par groupe, `.difference()`
# l'écart entre la valeur la plus haute et la plus basse.

# %%
cadre_cout = MetricFrame(
    metrics={"taux de sélection": selection_rate, "effectif": count},
    y_true=inscrits_cout,  # obligatoire, mais ignoré par le taux de sélection
    y_pred=inscrits_cout,  # la décision : inscrit (vrai) ou non (faux)
    sensitive_features=cohorte["race"],
)
noms = {"Black": "Patients noirs", "White": "Patients blancs"}
print("Cible « coût », seuil au 97e centile :")
for groupe, ligne in cadre_cout.by_group.iterrows():
    print(
        f"  {noms[groupe]} : taux de sélection {fr_percent(ligne['taux de sélection'])} "
        f"({ligne['effectif']:.0f} patients)"
    )
ecart_taux = 100 * cadre_cout.difference()["taux de sélection"]  # en points de pourcentage
unite = "point" if ecart_taux < 2 else "points"
print(f"Écart de taux de sélection entre les groupes : {fr_number(ecart_taux, 1)} {unite}")

# %% [markdown]
# Surprise : avec la cible « coût », le taux de sélection des patients **noirs** est **plus
# élevé** que celui des patients blancs. Un contrôle rapide, « chaque groupe est-il sélectionné
# au même taux ? » (on appelle ce critère la **parité démographique**), conclurait que
# l'algorithme favorise les patients noirs.
#
# C'est une conclusion fausse : les patients noirs sont en moyenne **beaucoup plus malades**.
# Un programme destiné aux patients qui en ont le plus besoin **devrait** en inscrire une part
# bien plus grande. Comparer des taux de sélection ne suffit pas quand les besoins diffèrent
# entre groupes : il faut comparer **les besoins des patients à score égal**. C'est ce que fait
# l'explorateur ci-dessous. (Le module 06 reviendra sur les différentes définitions de
# l'équité, et sur le fait qu'elles ne peuvent pas toutes être satisfaites à la fois.)

# %% [markdown]
# ## 5. L'explorateur : à score égal, qui est le plus malade ?
#
# L'explorateur a deux commandes :
#
# - **la cible prédite par le score** (menu déroulant) : le coût, ou les maladies chroniques ;
# - **le seuil du programme** (curseur, en centiles) : sont inscrits les patients dont le
#   score atteint ce centile. Déplacez-le à la souris ou avec les **flèches du clavier**.
#
# Le **tableau** donne, pour chaque groupe, le nombre d'inscrits, le taux de sélection, la part
# parmi les inscrits et le nombre moyen de maladies chroniques (de l'année suivante) des
# inscrits. Le **graphique** range les patients par centile de score (de gauche à droite, du
# score le plus faible au plus élevé) et donne, pour chaque groupe, leur nombre moyen de
# maladies chroniques ; la ligne verticale pointillée marque le seuil.
#
# Pour l'instant, laissez la cible sur le **coût** et le seuil au **97ᵉ centile**. Regardez le
# graphique : si le score mesurait bien le besoin, les deux courbes se superposeraient. À
# droite, près du seuil, sont-elles confondues ?

# %%
explorateur = CostNeedExplorer(
    cohorte,
    {"cost": scores_cout, "health": scores_sante},
    label="cost",
    percentile=centile_programme,
)
explorateur

# %% [markdown]
# ### Question 2 — L'écart de maladies chroniques entre inscrits, cible « coût » (2 points)
#
# Les patients inscrits ont tous un score au-dessus du même seuil. Avec la cible « coût » et le
# seuil au 97ᵉ centile, calculez l'**écart** entre le nombre moyen de maladies chroniques de
# l'année suivante (`n_chronic_next`) des **inscrits noirs** et celui des **inscrits blancs** :
# moyenne des inscrits noirs **moins** moyenne des inscrits blancs.
#
# Vous pouvez lire les deux moyennes dans le tableau de l'explorateur, ou les calculer. La
# moyenne d'une colonne pour certains patients s'écrit
# `cohorte.loc[condition, "nom_de_colonne"].mean()`, où la condition peut combiner deux
# conditions avec `&` (« et ») : par exemple, `inscrits_cout & noirs` désigne les patients
# noirs inscrits.
#
# <details><summary>Indice 1</summary>
#
# Vous comparez deux groupes de patients **inscrits** : les noirs inscrits et les blancs
# inscrits. La moyenne de toute la cohorte ne convient pas.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Faites deux moyennes de la colonne `"n_chronic_next"`, l'une avec la condition
# `inscrits_cout & noirs`, l'autre avec `inscrits_cout & blancs`, puis soustrayez la seconde de
# la première.
# </details>

# %% answer="ecart_maladies"
ecart_maladies = ...
### BEGIN SOLUTION
ecart_maladies = (
    cohorte.loc[inscrits_cout & noirs, "n_chronic_next"].mean()
    - cohorte.loc[inscrits_cout & blancs, "n_chronic_next"].mean()
)
### END SOLUTION

# %% tests="ecart_maladies" points=2
# Vérification de la question 2 : exécutez cette cellule.
valeur = checks.require_number(ecart_maladies, name="ecart_maladies")
checks.expect(
    valeur >= 0,
    "votre écart est négatif : vous avez sans doute inversé les groupes. Calculez la moyenne "
    "des inscrits noirs moins celle des inscrits blancs.",
    name="ecart_maladies",
)
moyennes_cohorte = selection_by_group(scores_cout, race, besoin, percentile=0)[
    "mean_need_selected"
]
autre_cible = selection_by_group(scores_sante, race, besoin, percentile=centile_programme)[
    "mean_need_selected"
]
checks.check_number(
    ecart_maladies,
    name="ecart_maladies",
    digest="c382d6f41c0ec624",
    decimals=2,
    bounds=(-5, 5),
    percent_is_mistake=False,
    mistakes=[
        checks.Mistake(
            float(moyennes_cohorte["Black"] - moyennes_cohorte["White"]),
            "vous avez comparé les groupes dans toute la cohorte. La question porte sur les "
            "inscrits : des patients au-dessus du même seuil de score.",
        ),
        checks.Mistake(
            float(autre_cible["Black"] - autre_cible["White"]),
            "vous avez pris les inscrits avec la cible « maladies chroniques ». La question "
            "porte sur la cible « coût » (celle de l'algorithme de l'étude).",
        ),
    ],
    hint="Faites la différence de deux moyennes de n_chronic_next, chez les inscrits "
    "seulement : noirs moins blancs.",
    success="au-dessus du même seuil de score « coût », les patients noirs sont nettement plus "
    "malades : le score sous-estime leur besoin.",
)
### BEGIN HIDDEN TESTS
attendu = selection_by_group(scores_cout, race, besoin, percentile=centile_programme)[
    "mean_need_selected"
]
checks.check_number(
    ecart_maladies,
    name="ecart_maladies",
    expected=float(attendu["Black"] - attendu["White"]),
    decimals=2,
    percent_is_mistake=False,
)
### END HIDDEN TESTS

# %% mistake="ecart_maladies"
# message : inversé les groupes
ecart_maladies = (
    cohorte.loc[inscrits_cout & blancs, "n_chronic_next"].mean()
    - cohorte.loc[inscrits_cout & noirs, "n_chronic_next"].mean()
)

# %% mistake="ecart_maladies"
# message : dans toute la cohorte
ecart_maladies = (
    cohorte.loc[noirs, "n_chronic_next"].mean() - cohorte.loc[blancs, "n_chronic_next"].mean()
)

# %% mistake="ecart_maladies"
# message : cible « maladies chroniques »
inscrits_sante = scores_sante >= np.percentile(scores_sante, 97)
ecart_maladies = (
    cohorte.loc[inscrits_sante & noirs, "n_chronic_next"].mean()
    - cohorte.loc[inscrits_sante & blancs, "n_chronic_next"].mean()
)

# %% [markdown]
# Au-dessus du même seuil, les patients noirs inscrits ont nettement plus de maladies
# chroniques que les patients blancs inscrits. Autrement dit, pour être inscrit, **un patient
# noir doit être plus malade qu'un patient blanc**. Le score « coût » ne fait pourtant aucune
# erreur de calcul : il prédit correctement le coût. C'est la **question posée** qui est
# mauvaise.
#
# ## 6. Changer la cible
#
# Dans l'explorateur, choisissez maintenant la cible **« Maladies chroniques de l'année
# suivante »**, en gardant le seuil au 97ᵉ centile. Le modèle utilise exactement les mêmes
# informations sur les patients ; seule la grandeur qu'il apprend à prédire a changé.
# Observez les deux courbes du graphique, puis le tableau.
#
# ### Question 3 — La part des patients noirs parmi les inscrits, cible « maladies » (2 points)
#
# Avec la cible « maladies chroniques » (`scores_sante`) et le même seuil, quelle est la **part
# de patients noirs parmi les inscrits** ? Donnez une proportion entre 0 et 1. Vous pouvez la
# lire dans l'explorateur ou la calculer comme à la question 1.
#
# <details><summary>Indice 1</summary>
#
# C'est la même grandeur qu'à la question 1 (une part **parmi les inscrits**), mais avec
# l'autre score : vérifiez que le menu de l'explorateur affiche bien « Maladies chroniques de
# l'année suivante ».
# </details>
#
# <details><summary>Indice 2</summary>
#
# Dans le tableau de l'explorateur, lisez la ligne « Part parmi les inscrits », colonne
# « Patients noirs », et convertissez le pourcentage en proportion (divisez par 100). Pour la
# calculer, refaites les étapes de la section 3 avec `scores_sante` au lieu de `scores_cout`.
# </details>

# %% answer="part_noirs_sante"
part_noirs_sante = ...
### BEGIN SOLUTION
inscrits_sante = scores_sante >= np.percentile(scores_sante, centile_programme)
part_noirs_sante = (inscrits_sante & noirs).sum() / inscrits_sante.sum()
### END SOLUTION

# %% tests="part_noirs_sante" points=2
# Vérification de la question 3 : exécutez cette cellule.
valeur = checks.require_number(part_noirs_sante, name="part_noirs_sante")
checks.expect(
    not checks.matches_digest(valeur, "ec46ff12b4a83061", name="part_noirs_cout"),
    "c'est la part obtenue avec la cible « coût » (question 1). Changez la cible dans le menu "
    "de l'explorateur, ou utilisez scores_sante dans votre calcul.",
    name="part_noirs_sante",
)
checks.expect(
    not 0.5 < valeur <= 1,
    "avec votre réponse, plus de la moitié des inscrits seraient des patients noirs. C'est "
    "possible en théorie, mais pas ici : avez-vous inversé les groupes (la part des patients "
    "blancs) ?",
    name="part_noirs_sante",
)
groupes_sante = selection_by_group(scores_sante, race, besoin, percentile=centile_programme)
checks.check_number(
    part_noirs_sante,
    name="part_noirs_sante",
    digest="74afb29298b2d13f",
    bounds=(0, 1),
    mistakes=[
        checks.Mistake(
            float(groupes_sante.loc["Black", "selection_rate"]),
            "vous avez donné le taux de sélection des patients noirs (la part des patients "
            "noirs qui sont inscrits). La question demande la part des patients noirs parmi "
            "les inscrits.",
        ),
    ],
    hint="Vérifiez la cible (maladies chroniques), le seuil (97e centile) et le dénominateur "
    "(tous les inscrits).",
    success="en changeant seulement la cible, la part des patients noirs parmi les inscrits "
    "augmente fortement.",
)
### BEGIN HIDDEN TESTS
checks.check_number(
    part_noirs_sante,
    name="part_noirs_sante",
    expected=top_share(scores_sante, race, percentile=centile_programme),
)
### END HIDDEN TESTS

# %% mistake="part_noirs_sante"
# message : cible « coût »
part_noirs_sante = n_noirs_inscrits / (n_noirs_inscrits + n_blancs_inscrits)

# %% mistake="part_noirs_sante"
# message : taux de sélection des patients noirs
inscrits_sante = scores_sante >= np.percentile(scores_sante, centile_programme)
part_noirs_sante = (inscrits_sante & noirs).sum() / noirs.sum()

# %% mistake="part_noirs_sante"
# message : inversé les groupes
inscrits_sante = scores_sante >= np.percentile(scores_sante, centile_programme)
part_noirs_sante = (inscrits_sante & blancs).sum() / inscrits_sante.sum()

# %% [markdown]
# Avec la cible « maladies chroniques », les deux courbes du graphique se rapprochent
# nettement, et le programme inscrit beaucoup plus de patients noirs, parce qu'ils sont, en
# moyenne, plus malades. Comparez l'écart de maladies chroniques entre inscrits avec celui de
# la question 2 :

# %%
# Avec la cible « maladies chroniques » : maladies chroniques moyennes des inscrits, par groupe.
inscrits_par_groupe = selection_by_group(scores_sante, race, besoin, percentile=centile_programme)
maladies_inscrits = inscrits_par_groupe["mean_need_selected"]
print(
    f"Cible « maladies chroniques » : {fr_number(maladies_inscrits['Black'], 2)} maladies "
    f"chroniques en moyenne chez les inscrits noirs, {fr_number(maladies_inscrits['White'], 2)} "
    f"chez les inscrits blancs (écart : "
    f"{fr_number(maladies_inscrits['Black'] - maladies_inscrits['White'], 2)})."
)

# %% [markdown]
# L'écart entre inscrits noirs et blancs a nettement diminué, mais il n'a pas disparu : le score
# « maladies chroniques » **mesure mieux** le besoin que le score « coût », sans le mesurer
# parfaitement. Les informations dont il dispose ne suffisent pas à prédire exactement les
# maladies de l'année suivante.
#
# Et la cible elle-même a ses limites : une maladie chronique n'est comptée que si
# elle a été **diagnostiquée**, et un patient qui consulte peu a moins de diagnostics. Aucune
# cible n'est neutre ; il faut se demander, pour chacune, qui elle risque d'oublier.
#
# ## 7. Que faut-il changer ?
#
# Avant de répondre, essayez dans l'explorateur : remettez la cible sur le **coût**, puis
# **baissez le seuil** (par exemple jusqu'au 80ᵉ centile). À chaque seuil, comparez la part des
# patients noirs parmi les inscrits avec celle que donne la cible « maladies chroniques » au
# même seuil, et regardez si les courbes se rejoignent.
#
# ### Question 4 — Le bon levier (2 points)
#
# L'équipe du programme veut que l'algorithme inscrive les patients qui ont **le plus besoin**
# du suivi renforcé, quel que soit leur groupe. Parmi ces trois modifications, laquelle
# s'attaque à la **cause** du biais observé dans ce module ? Répondez par l'une des options,
# entre guillemets : `"retirer la race"`, `"baisser le seuil"` ou `"changer la cible"`.
#
# <details><summary>Indice 1</summary>
#
# Relisez la liste des informations utilisées par le score (section 3) : la race en fait-elle
# partie ? Et dans l'explorateur, baisser le seuil fait-il disparaître l'écart entre les
# courbes ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Le score « coût » prédit très bien… le coût. Le problème est ce que l'on a demandé au modèle
# de prédire.
# </details>

# %% answer="levier"
levier = ...
### BEGIN SOLUTION
levier = "changer la cible"
### END SOLUTION

# %% tests="levier" points=2
# Vérification de la question 4 : exécutez cette cellule.
checks.check_choice(
    levier,
    name="levier",
    options=["retirer la race", "baisser le seuil", "changer la cible"],
    digest="d513eaf12499f5b7",
    mistakes=[
        checks.Mistake(
            "retirer la race",
            "la race ne fait déjà pas partie des informations du score, et le biais est "
            "pourtant là. Il ne vient pas d'une variable, mais de la cible : le coût, qui "
            "reflète l'accès aux soins autant que le besoin.",
        ),
        checks.Mistake(
            "baisser le seuil",
            "baisser le seuil inscrit plus de monde (le programme n'a pas les places), mais ne "
            "corrige pas le score : avec la cible « coût », à score égal, les patients noirs "
            "restent plus malades, et ils restent moins nombreux parmi les inscrits qu'avec la "
            "cible « maladies chroniques ».",
        ),
    ],
    success="le biais vient de ce que le modèle apprend à prédire ; c'est là qu'il faut agir.",
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    levier,
    name="levier",
    options=["retirer la race", "baisser le seuil", "changer la cible"],
    expected="changer la cible",
)
### END HIDDEN TESTS

# %% mistake="levier"
# message : la race ne fait déjà pas partie
levier = "retirer la race"

# %% mistake="levier"
# message : baisser le seuil inscrit plus de monde
levier = "baisser le seuil"

# %% mistake="levier"
# message : n'est pas l'une des options
levier = "ajouter des places"

# %% [markdown]
# ## 8. Réflexion — Que doit prédire un algorithme de gestion des soins ? (3 points, corrigée par l'enseignant)
#
# En 10 à 15 lignes : vous participez au choix d'un algorithme qui orientera des patients vers
# un programme de suivi renforcé dans votre établissement. **Quelle cible** proposeriez-vous
# qu'il prédise, et pourquoi ? Quelles sont les **limites** de cette cible : quels patients
# risque-t-elle d'oublier ? Comment, et à qui, expliqueriez-vous ce choix (soignants, patients,
# direction) ? Appuyez-vous sur au moins un chiffre calculé dans ce module.

# %% [markdown] written="reflexion_cible" points=3
# ### BEGIN SOLUTION
# *Guide de correction (enseignants ; retiré de la version étudiante).*
#
# - **1 point** — Une cible argumentée par le but du programme : le besoin de soins (p. ex. les
#   maladies chroniques actives, des signes de maladie mal contrôlée, ou une combinaison), et
#   non le coût, parce que le coût mesure aussi l'accès aux soins. L'étudiant distingue ce que
#   l'on veut (le besoin) de ce que l'on mesure facilement (le coût) : c'est la notion de
#   substitut.
# - **1 point** — Les limites de la cible choisie, avec esprit critique (valeur V4, prudence) :
#   une maladie n'est comptée que si elle est diagnostiquée, donc les patients qui consultent
#   peu restent sous-estimés ; une cible ne règle pas tout (suivi des résultats par groupe,
#   revue humaine des cas limites, possibilité d'adresser un patient hors score). Un chiffre du
#   module juste et interprété : p. ex. l'écart de maladies chroniques entre inscrits noirs et
#   blancs (question 2), ou la part des patients noirs inscrits selon la cible (questions 1 et
#   3). Accepter aussi une remarque juste sur le taux de sélection, qui peut sembler favorable
#   à un groupe désavantagé.
# - **1 point** — Transparence (valeur V6, intégrité et transparence) : dire quelle cible est
#   prédite, pourquoi, et avec quelles limites ; associer soignants et représentants des
#   patients au choix ; expliquer au patient pourquoi il est, ou non, proposé pour le
#   programme. Pénaliser une réponse qui affirme qu'il suffit de retirer la race des données
#   pour que l'algorithme soit équitable.
# ### END SOLUTION

# %% [markdown]
# ## À retenir
#
# - La **cible** d'un modèle (ce qu'il apprend à prédire) est un choix humain. Une cible
#   commode, comme le **coût**, peut être un mauvais **substitut** du **besoin** : à maladie
#   égale, on dépense moins pour les patients qui accèdent moins aux soins.
# - Un modèle peut être **exact** (il prédit bien le coût) et pourtant **injuste** (il
#   sous-estime le besoin d'un groupe). Ne pas utiliser la race ne suffit pas : le score n'en
#   tenait déjà pas compte.
# - Pour repérer ce biais, on compare l'état de santé des patients **à score égal**. Comparer
#   des **taux de sélection** ne suffit pas quand les besoins diffèrent entre groupes.
# - Ne confondez pas la **part d'un groupe parmi les sélectionnés** et le **taux de sélection**
#   de ce groupe : même numérateur, dénominateurs différents.
# - `MetricFrame` (fairlearn) calcule un indicateur groupe par groupe ; il ne dit pas quel
#   indicateur est le bon : c'est une question de but et de valeurs.
#
# ## Sources
#
# - Obermeyer Z, Powers B, Vogeli C, Mullainathan S. Dissecting racial bias in an algorithm
#   used to manage the health of populations. *Science* 2019;366(6464):447-453.
#   doi:10.1126/science.aax2342. Chiffres cités : effectifs, maladies chroniques et coûts
#   moyens (tableau 1) ; inscription automatique au 97ᵉ centile ; part des patients noirs
#   recevant l'aide supplémentaire, de 17,7 % à 46,5 % sans la disparité (résumé).
# - Données synthétiques : `esn_teach.datasets.make_cost_vs_need_cohort(random_state=0)`,
#   calibrées sur l'article ci-dessus ; fiche descriptive (construction, limites, écarts
#   assumés) : `esn_teach/datasets/cards/cost_vs_need_cohort.md`.
# - Weerts H, Dudík M, Edgar R, Jalali A, Lutz R, Madaio M. Fairlearn: Assessing and improving
#   fairness of AI systems. *Journal of Machine Learning Research* 2023;24(257):1-8.
# - Pedregosa F, *et al.* Scikit-learn: Machine Learning in Python. *Journal of Machine Learning
#   Research* 2011;12:2825-2830.
