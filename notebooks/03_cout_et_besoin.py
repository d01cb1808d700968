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
#    **besoin** de soins.
# 2. Calculer la **part d'un groupe parmi les patients sélectionnés**, et la distinguer du
#    **taux de sélection** de ce groupe.
# 3. Comparer l'état de santé de deux groupes retenus par un même score (**au-dessus du même
#    seuil**, ou **à score égal**, dans une tranche de score), avec son incertitude, pour
#    repérer un biais.
# 4. Dire ce que change la cible : la part des patients noirs parmi les inscrits.
# 5. Après la séance : dire si une nouvelle cible corrige ou reproduit ce biais ; lire un taux
#    de sélection par groupe ; justifier la cible d'un algorithme de gestion des soins.
#
# > **Les valeurs de l'école dans ce module**
# > - **V4 — Prudence, esprit critique et inclusivité** : vérifier qui un score précis laisse
# >   de côté.
# > - **V6 — Intégrité et transparence** : dire ce qu'un score prédit vraiment, ce qui est
# >   reproduit ou inventé, et qui décide.
# >
# > **Cadre de l'éthique du numérique en santé (CENS)** : justice (une aide rare va aux plus
# > malades, quel que soit leur groupe), non-malfaisance (un score biaisé prive de soins des
# > patients déjà désavantagés).
#
# ## Mode d'emploi
#
# - Exécutez les cellules **dans l'ordre** : cliquez dans la cellule, puis **Maj + Entrée**.
# - Remplacez les `...` par votre calcul ou votre réponse, exécutez la cellule, puis la cellule
#   **« Vérification »** juste en dessous : elle dit si la réponse est correcte, ou nomme
#   l'erreur probable.
# - Gardez le nom de la variable tel quel (`part_noirs_cout`) ; décimales avec un **point**
#   (`0.8`, pas `0,8`) ; écrivez de préférence le **calcul** : un résultat arrondi à deux
#   décimales peut être refusé.

# %% [markdown]
# ## 1. Une histoire clinique : le programme de suivi renforcé
#
# Un grand hôpital universitaire américain propose à ses patients atteints de maladies
# chroniques un **programme de suivi renforcé** (*care management*). Une infirmière
# coordinatrice organise leurs rendez-vous et leurs traitements, pour éviter des
# hospitalisations. Les places sont limitées.
#
# Un algorithme commercial donne à chaque patient un **score de risque**. Être au 97ᵉ
# **centile**, c'est avoir un score plus élevé que celui de 97 patients sur 100. Au-dessus du
# **97ᵉ centile** (les 3 % de scores les plus élevés), les patients sont **repérés
# automatiquement** pour le programme. À partir du **55ᵉ centile**, le dossier est signalé au
# **médecin traitant**, qui décide s'il propose le programme (Obermeyer et al., 2019).
#
# L'algorithme n'utilisait pas la race. Pourtant, en 2019, des chercheurs ont montré qu'il
# désavantageait fortement les patients noirs : **à score égal, ils étaient nettement plus
# malades que les patients blancs**. Sans cet écart, la part des patients noirs repérés
# passerait de 17,7 % (la part observée) à 46,5 % (estimation par simulation,
# Obermeyer et al., 2019).
#
# D'où venait le problème ? Du **choix de la cible**. La **cible** (en anglais *label*) est la
# grandeur qu'un modèle apprend à prédire. Le besoin de soins ne se mesure pas directement.
# L'algorithme prédisait donc le **coût des soins de l'année suivante**, comme **substitut**
# (en anglais *proxy*) du besoin : une grandeur facile à mesurer, censée suivre celle qui nous
# intéresse. Or, à maladie égale, on dépense moins pour les patients qui ont moins accès aux
# soins.
#
# **À propos des groupes.** « Patients noirs » et « patients blancs » sont les catégories de
# l'étude américaine, où la « race » est une catégorie sociale, pas biologique. Le mécanisme
# vaut pour tout groupe qui accède moins aux soins : habitants de déserts médicaux, personnes
# en précarité, patients qui maîtrisent mal la langue.
#
# <details><summary>Pour aller plus loin (lecture facultative) : ces catégories en France, le cadre juridique</summary>
#
# Les catégories de l'étude ne se transposent pas telles quelles en France, où les
# statistiques ethniques sont très encadrées. Dans l'Union européenne, le règlement sur
# l'intelligence artificielle (règlement (UE) 2024/1689, article 10) impose d'examiner les
# données des systèmes dits « à haut risque » pour y repérer les biais possibles ; son
# paragraphe 5 permet, à titre exceptionnel, strictement nécessaire et avec des garanties, de
# traiter pour cela des données sensibles, que le RGPD (règlement (UE) 2016/679, article 9)
# interdit en principe de traiter, comme celles qui révèlent l'origine raciale ou ethnique.
# En France, le Conseil constitutionnel a jugé que les
# traitements de données destinés à mesurer la diversité des origines ne peuvent pas reposer
# sur l'origine ethnique ou la race (décision n° 2007-557 DC).
# </details>

# %% [markdown]
# ## 2. Les données : une cohorte synthétique
#
# Les données de l'étude ne sont pas publiques. Notre **cohorte synthétique** est faite de
# patients inventés par un programme. Ses effectifs et ses moyennes de maladies chroniques
# viennent du tableau 1 de l'article : 43 539 patients blancs et 6 079 patients noirs, avec en
# moyenne 1,20 et 1,90 maladie chronique active (Obermeyer et al., 2019). La cellule suivante affiche quelques moyennes et la **fiche** des
# données, repliée.
#
# Chaque ligne est un patient. Les colonnes utiles ici :
#
# | Colonne | Signification |
# |---|---|
# | `race` | groupe : `"White"` (blanc) ou `"Black"` (noir), comme dans l'étude |
# | `n_chronic` | nombre de maladies chroniques actives cette année |
# | `cost` | coût des soins de l'**année suivante**, en dollars |
# | `n_chronic_next` | nombre de maladies chroniques actives l'**année suivante** |

# %%
# Cette cellule charge les outils et la cohorte, puis affiche quelques moyennes. Vous n'avez
# pas à comprendre ce code : retenez les phrases qu'il affiche.
import numpy as np
import pandas as pd
from fairlearn.metrics import MetricFrame, count, selection_rate
from IPython.display import display
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import train_test_split

from esn_teach import checks, fr_number, fr_percent, fr_table
from esn_teach.datasets import data_card, make_cost_vs_need_cohort, top_share
from esn_teach.evaluation import proportion_ci
from esn_teach.explorers import CostNeedExplorer, selection_by_group

# Cohorte synthétique, toujours la même grâce à la graine random_state=0 (le point de départ
# du tirage au hasard).
donnees = make_cost_vs_need_cohort(random_state=0)
patients = donnees.frame  # le tableau des patients
effectifs = patients["race"].value_counts()
print(
    f"{len(patients)} patients synthétiques : {effectifs['White']} blancs et "
    f"{effectifs['Black']} noirs."
)
moyennes = patients.groupby("race", observed=True)[["n_chronic_next", "cost"]].mean()
for groupe, nom in [("White", "blancs"), ("Black", "noirs")]:
    # Coût écrit à la française, avec une espace entre les milliers.
    cout_moyen = f"{moyennes.loc[groupe, 'cost']:,.0f}".replace(",", "\u00a0")
    print(
        f"Patients {nom} : {fr_number(moyennes.loc[groupe, 'n_chronic_next'], 2)} maladie "
        f"chronique en moyenne, coût moyen {cout_moyen} $"
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
ecart_etude = 1801  # dollars de moins par an, Obermeyer et al., 2019 (figure 3B)
dollars = f"{ecart_dollars:,.0f}".replace(",", "\u00a0")  # espace entre les milliers
print(
    f"À nombre égal de maladies chroniques, un patient noir coûte en moyenne {dollars}\u00a0$ "
    f"de moins par an qu'un patient blanc, soit {fr_number(ecart_dollars / ecart_etude, 1)} "
    "fois l'écart de l'étude (1\u00a0801\u00a0$, Obermeyer et al., 2019)."
)
# La fiche des données, repliée : cliquez sur son titre pour la déplier.
display(data_card(donnees))

# %% [markdown]
# Dans notre cohorte, les patients noirs sont en moyenne **plus malades**, mais ils **coûtent
# moins**. Dans l'étude, ils coûtaient en moyenne un peu **plus** (8 442 contre 7 540 dollars).
# Mais à nombre égal de maladies chroniques, ils coûtaient 1 801 dollars de **moins** par an
# (Obermeyer et al., 2019).
#
# > **Une reproduction volontairement grossie.** Le mécanisme est réel, mais notre écart
# > d'accès, mesuré en dollars comme dans l'étude (ci-dessus), est presque trois fois plus fort :
# > l'effet se voit mieux, et notre cohorte ne reproduit pas le coût moyen plus élevé des
# > patients noirs.
#
# <details><summary>Pour aller plus loin (lecture facultative) : comparer avec l'étude</summary>
#
# Notre écart d'accès est réglé pour que notre score simple retrouve environ 17,7 % de patients
# noirs parmi les inscrits, la part observée avec le score commercial. Les modèles réentraînés
# par les chercheurs donnaient 14,1 % de patients noirs parmi les 3 % du haut avec la cible
# « coût total », 26,7 % avec la cible « maladies chroniques » ; le 46,5 % vient d'une
# simulation (Obermeyer et al., 2019). Nos écarts seront plus marqués.
# </details>

# %% [markdown]
# ## 3. Notre reproduction : un score qui prédit le coût
#
# L'algorithme réel utilisait les **demandes de remboursement** adressées à l'assureur l'année
# précédente (*insurance claims*), sans la race (Obermeyer et al., 2019). Nous en faisons une
# **reproduction simplifiée**, en trois étapes.
#
# 1. **Le score** est une **régression linéaire** : une somme pondérée d'informations, aux
#    poids choisis pour prédire au mieux la cible. Il utilise sept informations, **sans la
#    race** : âge, sexe, maladies chroniques de cette année (`n_chronic`), HbA1c, pression
#    artérielle, créatinine et coût de cette année.
# 2. **Apprendre, puis juger.** Le score **apprend** sur deux tiers des patients, comme dans
#    l'étude. On le **juge** sur le dernier tiers, qu'il n'a jamais vu (module 01) : la
#    **cohorte jugée** (variable `cohorte`).
# 3. **Deux cibles.** Seule la cible change : le **coût** des soins de l'année suivante
#    (`cost`), ou le **nombre de maladies chroniques** de l'année suivante (`n_chronic_next`),
#    plus proche du besoin.
#
# Par simplification, nous appelons **inscrits** les patients dont le score atteint le 97ᵉ
# centile (dans l'hôpital réel, ils étaient seulement repérés).

# %%
# Cette cellule apprend les deux scores et repère les inscrits. Vous n'avez pas à comprendre
# ce code : retenez les variables qu'il crée (n_noirs_inscrits, n_blancs_inscrits, n_noirs,
# n_blancs, noirs, blancs, inscrits_cout, inscrits_sante), utiles pour les questions.
centile_programme = 97  # seuil du programme : 97e centile du score
# Deux tiers des patients pour l'apprentissage ; le dernier tiers, la « cohorte jugée ».
apprentissage, cohorte = train_test_split(patients, test_size=1 / 3, random_state=0)
cohorte = cohorte.reset_index(drop=True)
informations = list(donnees.feature_names)  # les sept informations, sans la race


def score_appris(cible):
    """Apprend un score linéaire sur les patients d'apprentissage, note ceux de la cohorte jugée."""
    modele = LinearRegression().fit(apprentissage[informations], apprentissage[cible])
    return modele.predict(cohorte[informations])


scores_cout = score_appris("cost")  # score entraîné sur le coût
scores_sante = score_appris("n_chronic_next")  # score entraîné sur les maladies chroniques
race = cohorte["race"].to_numpy(dtype=str)  # le groupe de chaque patient
noirs = race == "Black"  # vrai pour chaque patient noir
blancs = race == "White"  # vrai pour chaque patient blanc

seuil_cout = np.percentile(scores_cout, centile_programme)  # valeur du score au 97e centile
inscrits_cout = scores_cout >= seuil_cout  # vrai pour chaque patient inscrit
# Les inscrits avec l'autre cible (maladies chroniques), pour la question 4 :
inscrits_sante = scores_sante >= np.percentile(scores_sante, centile_programme)
besoin = cohorte["n_chronic_next"].to_numpy()  # maladies chroniques de l'année suivante
print(
    f"Cohorte jugée : {len(cohorte)} patients. Le programme retient les "
    f"{fr_percent(1 - centile_programme / 100, 0)} de patients au score le plus élevé : "
    f"{inscrits_cout.sum()} inscrits."
)

n_noirs_inscrits = int((inscrits_cout & noirs).sum())  # & veut dire « et »
n_blancs_inscrits = int((inscrits_cout & blancs).sum())
n_noirs, n_blancs = int(noirs.sum()), int(blancs.sum())
print(f"Patients noirs : {n_noirs} dans la cohorte jugée, dont {n_noirs_inscrits} inscrits.")
print(f"Patients blancs : {n_blancs} dans la cohorte jugée, dont {n_blancs_inscrits} inscrits.")

# %% [markdown]
# ### Question 1 — La part des patients noirs parmi les inscrits, cible « coût » (2 points)
#
# Parmi les patients **inscrits** au programme par le score « coût », quelle est la **part de
# patients noirs** ? Donnez une proportion entre 0 et 1 (par exemple `0.25`, et non `25`), en
# écrivant le calcul avec les variables ci-dessus.
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
    "qu'ils ne sont qu'une petite minorité de la cohorte jugée. Avez-vous inversé les groupes "
    "(la part des patients blancs) ?",
    name="part_noirs_cout",
)
checks.check_number(
    part_noirs_cout,
    name="part_noirs_cout",
    digest="d2e5a923fa5b4f65",
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
            "vous avez calculé la part des patients noirs dans toute la cohorte jugée, inscrits "
            "ou non. Ne regardez que les patients inscrits.",
        ),
        checks.Mistake(
            0.177,
            "0,177 est le chiffre de l'étude réelle (17,7 %). La question porte sur notre "
            "cohorte synthétique : calculez la part à partir des variables ci-dessus.",
        ),
        checks.Mistake(
            None,
            "vous avez divisé les inscrits noirs par les inscrits blancs : c'est un rapport "
            "entre les deux groupes. Le dénominateur doit compter tous les inscrits.",
            digest="1a713fc317e9f28b",
        ),
    ],
    hint="Au numérateur, les inscrits noirs ; au dénominateur, tous les inscrits.",
    success="une part parmi les inscrits a pour dénominateur tous les inscrits. Comparez-la à "
    "la part des patients noirs dans la cohorte jugée (encadré « Après avoir répondu »).",
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

# %% mistake="part_noirs_cout"
# message : le chiffre de l'étude réelle
part_noirs_cout = 0.177

# %% mistake="part_noirs_cout"
# message : un rapport entre les deux groupes
part_noirs_cout = n_noirs_inscrits / n_blancs_inscrits

# %% [markdown]
# <details><summary>Après avoir répondu : plus que leur part dans la cohorte ?</summary>
#
# La part des patients noirs parmi les inscrits dépasse leur part dans la cohorte jugée
# (affichée plus haut). Cela ne prouve pas que le score les avantage : ils sont en moyenne bien
# plus malades, et un programme destiné aux plus malades devrait en inscrire davantage encore.
# Pour juger, il faut comparer leur état de santé : c'est la question 2.
# </details>
#
# ## 4. L'explorateur : à score égal, qui est le plus malade ?
#
# Deux commandes : **la cible** du score (menu déroulant) et **le seuil du programme** (curseur
# en centiles). Le **tableau** donne, pour chaque groupe : les inscrits, le **taux de
# sélection** (la part des patients du groupe qui sont inscrits), la part parmi les inscrits et
# leurs maladies chroniques moyennes l'année suivante. Le **graphique** donne les maladies
# chroniques moyennes de chaque groupe, par tranche de 5 centiles de score (chaque point), du
# plus faible (à gauche) au plus élevé. La ligne pointillée marque le seuil.
#
# Laissez la cible sur le **coût** et le seuil au **97ᵉ centile**. Si le score mesurait bien le
# besoin, les deux courbes se superposeraient. Est-ce le cas, surtout à droite ?

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
# Avec la cible « coût », calculez l'**écart** du nombre moyen de maladies chroniques de
# l'année suivante (`n_chronic_next`) entre les inscrits, tous au-dessus du même seuil :
# moyenne des **inscrits noirs** **moins** moyenne des **inscrits blancs**.
#
# Lisez les deux moyennes dans le tableau de l'explorateur, ou calculez-les : la moyenne d'une
# colonne pour certains patients s'écrit `cohorte.loc[condition, "nom_de_colonne"].mean()`,
# et `inscrits_cout & noirs` (`&` : « et ») désigne les patients noirs inscrits.
#
# <details><summary>Indice 1</summary>
#
# Vous comparez deux groupes de patients **inscrits** : les noirs inscrits et les blancs
# inscrits. La moyenne de toute la cohorte jugée ne convient pas.
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
    digest="f478f20e372397bc",
    decimals=2,
    bounds=(-5, 5),
    percent_is_mistake=False,
    mistakes=[
        checks.Mistake(
            None,
            "vous avez comparé les groupes dans toute la cohorte jugée. La question porte sur "
            "les inscrits : des patients au-dessus du même seuil de score.",
            digest="8468abfdeb6737b8",
        ),
        checks.Mistake(
            None,
            "vous avez pris les inscrits avec la cible « maladies chroniques ». La question "
            "porte sur la cible « coût » (celle de l'algorithme de l'étude).",
            digest="8020c15f85125335",
        ),
        checks.Mistake(
            None,
            "vous avez donné la moyenne des inscrits noirs seulement. La question demande un "
            "écart : retranchez la moyenne des inscrits blancs.",
            digest="fc77dc8bfb565b52",
        ),
        checks.Mistake(
            None,
            "vous avez donné la moyenne des inscrits blancs seulement. La question demande un "
            "écart : la moyenne des inscrits noirs moins celle des inscrits blancs.",
            digest="f1265e231a215ded",
        ),
        checks.Mistake(
            None,
            "vous avez calculé un écart relatif (rapporté à la moyenne des inscrits blancs). On "
            "attend une différence, en nombre de maladies chroniques : noirs moins blancs.",
            digest="d3a933cff0eba936",
        ),
        checks.Mistake(
            None,
            "vous avez calculé un rapport (noirs divisé par blancs). On attend une différence, "
            "en nombre de maladies chroniques : noirs moins blancs.",
            digest="c24fee967938faf5",
        ),
    ],
    hint="Faites la différence de deux moyennes de n_chronic_next, chez les inscrits "
    "seulement : noirs moins blancs.",
    success=f"au-dessus du même seuil, les inscrits noirs ont en moyenne {fr_number(valeur, 2)} "
    "maladies chroniques de plus que les inscrits blancs : pour être retenu, un patient noir "
    "doit être plus malade. La cellule suivante dit si cet écart est solide.",
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
# message : c'est un écart en dollars
ecart_maladies = (
    cohorte.loc[inscrits_cout & noirs, "cost"].mean()
    - cohorte.loc[inscrits_cout & blancs, "cost"].mean()
)

# %% mistake="ecart_maladies"
# message : vous avez calculé un écart relatif
ecart_maladies = (
    cohorte.loc[inscrits_cout & noirs, "n_chronic_next"].mean()
    - cohorte.loc[inscrits_cout & blancs, "n_chronic_next"].mean()
) / cohorte.loc[inscrits_cout & blancs, "n_chronic_next"].mean()

# %% mistake="ecart_maladies"
# message : vous avez calculé un rapport
ecart_maladies = (
    cohorte.loc[inscrits_cout & noirs, "n_chronic_next"].mean()
    / cohorte.loc[inscrits_cout & blancs, "n_chronic_next"].mean()
)

# %% mistake="ecart_maladies"
# message : la moyenne des inscrits noirs seulement
ecart_maladies = cohorte.loc[inscrits_cout & noirs, "n_chronic_next"].mean()

# %% mistake="ecart_maladies"
# message : la moyenne des inscrits blancs seulement
ecart_maladies = cohorte.loc[inscrits_cout & blancs, "n_chronic_next"].mean()

# %% mistake="ecart_maladies"
# message : cible « maladies chroniques »
inscrits_sante = scores_sante >= np.percentile(scores_sante, 97)
ecart_maladies = (
    cohorte.loc[inscrits_sante & noirs, "n_chronic_next"].mean()
    - cohorte.loc[inscrits_sante & blancs, "n_chronic_next"].mean()
)

# %% [markdown]
# Les inscrits noirs ont plus de maladies chroniques que les inscrits blancs. Cet écart est-il
# solide ? Il ne repose que sur quelques dizaines d'inscrits noirs. La cellule suivante
# donne :
#
# 1. l'écart avec son **intervalle de confiance à 95 %** (IC 95 %) : la fourchette des valeurs
#    plausibles, compte tenu du hasard de l'échantillon ; moins il y a de patients, plus elle
#    est large ;
# 2. le coût **prédit** par notre score et le coût **observé**, dans chaque groupe.


# %%
# Cette cellule compare les inscrits noirs et blancs. Vous n'avez pas à comprendre ce code :
# retenez l'écart affiché, son intervalle de confiance et le tableau des coûts.
def comparer_inscrits(inscrits):
    """Affiche les maladies chroniques moyennes des inscrits par groupe, et l'écart avec son IC."""
    malades_noirs, malades_blancs = besoin[inscrits & noirs], besoin[inscrits & blancs]
    ecart = malades_noirs.mean() - malades_blancs.mean()
    # Erreur type de l'écart : grande si les valeurs sont dispersées, petite si les groupes
    # sont grands. L'intervalle à 95 % va de 1,96 erreur type en dessous à 1,96 au-dessus.
    erreur = np.sqrt(
        malades_noirs.var(ddof=1) / malades_noirs.size
        + malades_blancs.var(ddof=1) / malades_blancs.size
    )
    bas, haut = ecart - 1.96 * erreur, ecart + 1.96 * erreur
    print(
        "  Maladies chroniques (année suivante) des inscrits, en moyenne : "
        f"{fr_number(malades_noirs.mean(), 2)} chez les {malades_noirs.size} noirs, "
        f"{fr_number(malades_blancs.mean(), 2)} chez les {malades_blancs.size} blancs."
    )
    print(
        f"  Écart (noirs moins blancs) : {fr_number(ecart, 2)} "
        f"(IC 95 % : {fr_number(bas, 2)} à {fr_number(haut, 2)})."
    )


print("Cible « coût » :")
comparer_inscrits(inscrits_cout)

# Coût de l'année suivante, prédit par le score « coût » et observé, en moyenne.
lignes = []
tous = np.full(len(cohorte), True)  # vrai pour chaque patient de la cohorte jugée
for ensemble, garder in [("Toute la cohorte jugée", tous), ("Inscrits", inscrits_cout)]:
    for groupe, du_groupe in [("Patients noirs", noirs), ("Patients blancs", blancs)]:
        choisis = garder & du_groupe
        lignes.append(
            {
                "Patients": ensemble,
                "Groupe": groupe,
                "Nombre": int(choisis.sum()),
                "Coût prédit moyen (dollars)": scores_cout[choisis].mean(),
                "Coût observé moyen (dollars)": cohorte.loc[choisis, "cost"].mean(),
            }
        )
display(fr_table(pd.DataFrame(lignes), digits=0, show_index=False))

# Pour la question 3 : les patients dont le score « coût » est entre le 90e et le 95e centile.
bas_tranche, haut_tranche = np.percentile(scores_cout, [90, 95])
tranche = (scores_cout >= bas_tranche) & (scores_cout < haut_tranche)  # vrai dans la tranche
print(
    f"Tranche du 90e au 95e centile du score « coût » : {int((tranche & noirs).sum())} patients "
    f"noirs et {int((tranche & blancs).sum())} patients blancs."
)

# %% [markdown]
# **L'intervalle** est assez large : la valeur exacte de l'écart est incertaine. Mais même sa borne
# basse dépasse une maladie chronique. Mais les inscrits n'ont pas tous le même score : un
# écart au-dessus d'un seuil n'est qu'un signal d'alerte. La question 3 compare à score égal.
#
# <details><summary>Le tableau : notre score n'est pas « exact », cela change-t-il la conclusion ?</summary>
#
# Dans l'étude, le score prédisait le coût aussi bien dans les deux groupes : exact, mais
# injuste (Obermeyer et al., 2019). Le nôtre ne connaît pas le groupe : il prédit aux patients
# noirs à peu près le coût d'un patient blanc aussi malade, donc un coût **trop élevé**
# (tableau : coût prédit supérieur au coût observé). Cette erreur les fait **monter** dans le
# classement. Un score exact sur le coût les classerait donc encore plus bas : l'écart que nous
# mesurons ne vient pas de l'erreur du score, mais de sa cible.
# </details>

# %% [markdown]
# ### Question 3 — À score égal : l'écart dans une tranche de score (2 points)
#
# Pour comparer **à score égal**, prenez des patients de score presque identique : ceux dont le
# score « coût » est entre le 90ᵉ et le 95ᵉ centile (variable `tranche`, créée par la cellule
# précédente ; inscrits ou non). Dans cette tranche, calculez l'**écart** du nombre moyen de
# maladies chroniques de l'année suivante : patients **noirs** **moins** patients **blancs**.
#
# <details><summary>Indice 1</summary>
#
# C'est le calcul de la question 2, avec `tranche` à la place de `inscrits_cout`.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Faites deux moyennes de la colonne `"n_chronic_next"`, l'une avec la condition
# `tranche & noirs`, l'autre avec `tranche & blancs`, puis soustrayez la seconde de la
# première.
# </details>

# %% answer="ecart_tranche"
ecart_tranche = ...
### BEGIN SOLUTION
ecart_tranche = (
    cohorte.loc[tranche & noirs, "n_chronic_next"].mean()
    - cohorte.loc[tranche & blancs, "n_chronic_next"].mean()
)
### END SOLUTION

# %% tests="ecart_tranche" points=2
# Vérification de la question 3 : exécutez cette cellule.
valeur = checks.require_number(ecart_tranche, name="ecart_tranche")
checks.expect(
    abs(valeur) < 100,
    "votre écart se compte en centaines ou en milliers : c'est un écart en dollars. La question "
    "porte sur les maladies chroniques de l'année suivante, la colonne « n_chronic_next ».",
    name="ecart_tranche",
)
checks.expect(
    not -5 <= valeur < 0,
    "votre écart est négatif : vous avez sans doute inversé les groupes. Calculez la moyenne "
    "des patients noirs de la tranche moins celle des patients blancs de la tranche.",
    name="ecart_tranche",
)
checks.check_number(
    ecart_tranche,
    name="ecart_tranche",
    digest="eb6f1a9bbe910270",
    decimals=2,
    bounds=(-5, 5),
    percent_is_mistake=False,
    mistakes=[
        checks.Mistake(
            None,
            "c'est l'écart entre les inscrits (question 2) : des patients au-dessus du même "
            "seuil, pas de même score. Utilisez la condition tranche au lieu de inscrits_cout.",
            digest="9e6cd2698a62ae12",
        ),
        checks.Mistake(
            None,
            "vous avez comparé les groupes dans toute la cohorte jugée, tous scores confondus. "
            "Ne gardez que les patients de la tranche.",
            digest="65b74e75c7765655",
        ),
        checks.Mistake(
            None,
            "vous avez pris la tranche du score « maladies chroniques » (scores_sante). La "
            "question porte sur le score « coût », celui de l'algorithme de l'étude.",
            digest="a03ebba76e2568f0",
        ),
        checks.Mistake(
            None,
            "vous avez donné la moyenne des patients noirs de la tranche seulement. La question "
            "demande un écart : retranchez la moyenne des patients blancs de la tranche.",
            digest="2e0bab27657ef6b2",
        ),
        checks.Mistake(
            None,
            "vous avez donné la moyenne des patients blancs de la tranche seulement. La question "
            "demande un écart : la moyenne des patients noirs moins celle des patients blancs.",
            digest="09efba525298b68b",
        ),
        checks.Mistake(
            None,
            "vous avez calculé un écart relatif (rapporté à la moyenne des patients blancs). On "
            "attend une différence, en nombre de maladies chroniques : noirs moins blancs.",
            digest="c7fb499460c60363",
        ),
        checks.Mistake(
            None,
            "vous avez calculé un rapport (noirs divisé par blancs). On attend une différence, "
            "en nombre de maladies chroniques : noirs moins blancs.",
            digest="577efec2d0d7644d",
        ),
    ],
    hint="Faites la différence de deux moyennes de n_chronic_next, dans la tranche seulement : "
    "noirs moins blancs.",
    success=f"à score presque égal, les patients noirs ont en moyenne {fr_number(valeur, 2)} "
    "maladie chronique de plus que les patients blancs : le score sous-estime leur besoin. La "
    "section 5 mesure cet écart sur tous les scores à la fois.",
)
### BEGIN HIDDEN TESTS
dans_tranche = (scores_cout >= np.percentile(scores_cout, 90)) & (
    scores_cout < np.percentile(scores_cout, 95)
)
checks.check_number(
    ecart_tranche,
    name="ecart_tranche",
    expected=float(besoin[dans_tranche & noirs].mean() - besoin[dans_tranche & blancs].mean()),
    decimals=2,
    percent_is_mistake=False,
)
### END HIDDEN TESTS

# %% mistake="ecart_tranche"
# message : inversé les groupes
ecart_tranche = (
    cohorte.loc[tranche & blancs, "n_chronic_next"].mean()
    - cohorte.loc[tranche & noirs, "n_chronic_next"].mean()
)

# %% mistake="ecart_tranche"
# message : l'écart entre les inscrits
ecart_tranche = (
    cohorte.loc[inscrits_cout & noirs, "n_chronic_next"].mean()
    - cohorte.loc[inscrits_cout & blancs, "n_chronic_next"].mean()
)

# %% mistake="ecart_tranche"
# message : dans toute la cohorte
ecart_tranche = (
    cohorte.loc[noirs, "n_chronic_next"].mean() - cohorte.loc[blancs, "n_chronic_next"].mean()
)

# %% mistake="ecart_tranche"
# message : la tranche du score « maladies chroniques »
tranche = (scores_sante >= np.percentile(scores_sante, 90)) & (
    scores_sante < np.percentile(scores_sante, 95)
)
ecart_tranche = (
    cohorte.loc[tranche & noirs, "n_chronic_next"].mean()
    - cohorte.loc[tranche & blancs, "n_chronic_next"].mean()
)

# %% mistake="ecart_tranche"
# message : c'est un écart en dollars
ecart_tranche = (
    cohorte.loc[tranche & noirs, "cost"].mean() - cohorte.loc[tranche & blancs, "cost"].mean()
)

# %% mistake="ecart_tranche"
# message : la moyenne des patients noirs de la tranche seulement
ecart_tranche = cohorte.loc[tranche & noirs, "n_chronic_next"].mean()

# %% mistake="ecart_tranche"
# message : la moyenne des patients blancs de la tranche seulement
ecart_tranche = cohorte.loc[tranche & blancs, "n_chronic_next"].mean()

# %% mistake="ecart_tranche"
# message : vous avez calculé un écart relatif
ecart_tranche = (
    cohorte.loc[tranche & noirs, "n_chronic_next"].mean()
    - cohorte.loc[tranche & blancs, "n_chronic_next"].mean()
) / cohorte.loc[tranche & blancs, "n_chronic_next"].mean()

# %% mistake="ecart_tranche"
# message : vous avez calculé un rapport
ecart_tranche = (
    cohorte.loc[tranche & noirs, "n_chronic_next"].mean()
    / cohorte.loc[tranche & blancs, "n_chronic_next"].mean()
)

# %% [markdown]
# Même à score presque égal, les patients noirs sont plus malades : le score « coût »
# sous-estime leur besoin. La section 5 mesure cet écart sur tous les scores à la fois : il y
# est plus petit, car il se réduit vers les scores bas (voyez les courbes).
#
# ## 5. Changer la cible
#
# Dans l'explorateur, choisissez la cible **« Maladies chroniques de l'année suivante »**, seuil
# au 97ᵉ centile : mêmes informations, seule la cible a changé.
#
# ### Question 4 — La part des patients noirs parmi les inscrits, cible « maladies » (2 points)
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
# calculer, faites comme à la question 1 avec `inscrits_sante` (les inscrits de ce score,
# repérés en section 3) : `(inscrits_sante & noirs).sum()` compte les inscrits noirs.
# </details>

# %% answer="part_noirs_sante"
part_noirs_sante = ...
### BEGIN SOLUTION
inscrits_sante = scores_sante >= np.percentile(scores_sante, centile_programme)
part_noirs_sante = (inscrits_sante & noirs).sum() / inscrits_sante.sum()
### END SOLUTION

# %% tests="part_noirs_sante" points=2
# Vérification de la question 4 : exécutez cette cellule.
valeur = checks.require_number(part_noirs_sante, name="part_noirs_sante")
checks.expect(
    not checks.matches_digest(valeur, "d2e5a923fa5b4f65", name="part_noirs_cout"),
    "c'est la part obtenue avec la cible « coût » (question 1). Changez la cible dans le menu "
    "de l'explorateur, ou utilisez scores_sante dans votre calcul.",
    name="part_noirs_sante",
)
checks.expect(
    not checks.matches_digest(valeur, "48851b63fe537c35", name="part_noirs_sante"),
    "vous avez divisé les inscrits noirs par les inscrits blancs : c'est un rapport entre "
    "groupes. Le dénominateur doit compter tous les inscrits.",
    name="part_noirs_sante",
)
checks.expect(
    not 0.5 < valeur <= 1,
    "avec votre réponse, plus de la moitié des inscrits seraient des patients noirs. C'est "
    "possible en théorie, mais pas ici : avez-vous inversé les groupes (la part des patients "
    "blancs) ?",
    name="part_noirs_sante",
)
checks.check_number(
    part_noirs_sante,
    name="part_noirs_sante",
    digest="74afb29298b2d13f",
    bounds=(0, 1),
    mistakes=[
        checks.Mistake(
            None,
            "vous avez donné le taux de sélection des patients noirs (la part des patients "
            "noirs qui sont inscrits). La question demande la part des patients noirs parmi "
            "les inscrits.",
            digest="a5aa023140a7c9fa",
        ),
        checks.Mistake(
            float(noirs.mean()),
            "vous avez calculé la part des patients noirs dans toute la cohorte jugée, inscrits "
            "ou non. Ne regardez que les patients inscrits.",
        ),
        checks.Mistake(
            0.465,
            "0,465 est le chiffre de l'étude réelle (46,5 %), obtenu par une simulation sur les "
            "vrais patients. La question porte sur notre cohorte synthétique et notre score "
            "« maladies chroniques ».",
        ),
    ],
    hint="Vérifiez la cible (maladies chroniques), le seuil (97e centile) et le dénominateur "
    "(tous les inscrits).",
    success="avec les mêmes informations, changer seulement la cible change qui est inscrit : "
    "la part des patients noirs augmente nettement par rapport à la question 1.",
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

# %% mistake="part_noirs_sante"
# message : un rapport entre
part_noirs_sante = (inscrits_sante & noirs).sum() / (inscrits_sante & blancs).sum()

# %% mistake="part_noirs_sante"
# message : dans toute la cohorte
part_noirs_sante = noirs.mean()

# %% mistake="part_noirs_sante"
# message : le chiffre de l'étude réelle
part_noirs_sante = 0.465

# %% [markdown]
# Les deux courbes se rapprochent, sans se superposer. La cellule suivante compare les deux
# cibles, avec leurs IC 95 % (pour une part, la méthode de Wilson, vue au module 01), et
# mesure l'écart **à score égal**.


# %%
# Cette cellule compare les deux cibles. Vous n'avez pas à comprendre ce code : retenez, pour
# chaque cible, la part des patients noirs, l'écart entre inscrits et l'écart à score égal.
def ecart_a_score_egal(scores):
    """Écart de maladies chroniques (noirs moins blancs) à score égal, et son IC 95 %."""
    # Régression linéaire du besoin sur le score et le groupe, sur toute la cohorte jugée :
    # le coefficient du groupe est l'écart entre patients noirs et blancs de même score.
    x = np.column_stack([np.ones(len(scores)), scores, noirs])
    coefficients = np.linalg.lstsq(x, besoin, rcond=None)[0]
    residus = besoin - x @ coefficients
    covariance = residus @ residus / (len(besoin) - 3) * np.linalg.inv(x.T @ x)
    erreur = np.sqrt(covariance[2, 2])
    return coefficients[2], coefficients[2] - 1.96 * erreur, coefficients[2] + 1.96 * erreur


for nom_cible, scores, inscrits in [
    ("coût", scores_cout, inscrits_cout),
    ("maladies chroniques", scores_sante, inscrits_sante),
]:
    k, n = int((inscrits & noirs).sum()), int(inscrits.sum())
    bas, haut = proportion_ci(k, n)
    print(f"Cible « {nom_cible} » :")
    print(
        f"  Part des patients noirs parmi les {n} inscrits : {fr_percent(k / n)} "
        f"(IC 95 % : {fr_percent(bas)} à {fr_percent(haut)})."
    )
    comparer_inscrits(inscrits)
    ecart, bas, haut = ecart_a_score_egal(scores)
    print(
        f"  À score égal (toute la cohorte jugée) : {fr_number(ecart, 2)} maladie chronique "
        f"de plus chez les patients noirs (IC 95 % : {fr_number(bas, 2)} à {fr_number(haut, 2)})."
    )

# %% [markdown]
# Avec la cible « maladies », l'écart entre inscrits noirs et blancs diminue nettement. Les
# intervalles des deux écarts ne se chevauchent pas : le hasard ne suffit pas à expliquer
# cette baisse. Même un score parfait laisserait un écart entre inscrits, car les patients
# noirs sont en moyenne plus malades. Pour juger un score, comparez les groupes **à score
# égal** : la dernière ligne, qui étend la question 3 à tous les scores, sans tranches. Avec
# la cible « maladies », il reste un petit écart, qui n'est pas un effet des tranches.
#
# <details><summary>D'où vient ce petit écart restant ?</summary>
#
# Le calcul n'utilise pas de tranches : ce n'est donc pas un effet de leur largeur (des
# tranches d'un seul centile donnent le même écart). Il a deux causes. Le score ne connaît pas
# le groupe : à informations égales, il prédit la même santé aux deux groupes, alors que les
# patients noirs sont en moyenne plus malades (dans une cohorte sans aucun écart d'accès, il
# reste plus de la moitié de cet écart). Et l'une de ses informations, le coût de cette année,
# porte encore l'écart d'accès : un petit reste de biais. Un score peut donc être bien réglé
# pour l'ensemble des patients, mais pas pour chaque groupe : c'est la question de la
# **calibration par groupe** (module 06).
# </details>
#
# **Attention : ce score « maladies » est jugé sur ce qu'il prédit.** Il apprend à prédire
# `n_chronic_next`, la colonne qui sert ensuite à juger les inscrits. Dans notre générateur,
# seul le coût dépend de l'accès aux soins, pas cette colonne : son succès est donc exagéré.
# Dans la réalité, une maladie n'est comptée que si elle a été diagnostiquée, ce qui dépend
# aussi de l'accès (voir « Aucune cible n'est neutre », après la séance).
#
# <details><summary>Ce que l'intervalle de confiance ne couvre pas</summary>
#
# L'intervalle couvre le **hasard de l'échantillon**, celui qui change avec la graine (voir la
# fiche), pas nos **choix de construction** (écart d'accès grossi, forme du coût, régression
# linéaire au lieu de l'algorithme réel) : nos chiffres ne se comparent pas à ceux de l'étude.
# </details>
#
# <details><summary>Pourquoi 44,9 % de patients noirs parmi les inscrits, bien plus que dans l'étude ?</summary>
#
# Les deux parts se mesurent de la même façon : la part des patients noirs parmi ceux dont le
# risque prédit atteint le 97ᵉ centile, avec un modèle qui prédit les maladies chroniques, sans
# la race ; dans l'étude, 26,7 % (Obermeyer et al., 2019, tableau 2). Et notre cohorte a la
# même proportion de patients noirs que celle de l'étude (section 2). L'écart a donc d'autres
# causes :
#
# - **Pas le hasard** : l'intervalle de confiance de notre part, affiché plus haut, reste loin
#   au-dessus de la part de l'étude.
# - **Une cible plus facile et plus « propre »** : dans notre générateur, les maladies de
#   l'année suivante ne dépendent pas de l'accès aux soins (paragraphe « Attention » ci-dessus),
#   et notre score connaît celles de cette année. Dans la réalité, une maladie n'est comptée
#   que si elle a été diagnostiquée.
# - **Des malades inventés** : l'étude donne les moyennes de maladies chroniques par groupe
#   (section 2), mais notre générateur choisit seul combien de patients noirs figurent parmi
#   les plus malades, et c'est d'eux que dépend la part au-dessus du 97ᵉ centile.
#
# Seul le sens de l'effet est donc reproduit : changer la cible augmente nettement la part des
# patients noirs, dans l'étude (de 14,1 % à 26,7 %, Obermeyer et al., 2019) comme ici
# (questions 1 et 4).
# </details>

# %% [markdown]
# ## À retenir
#
# - La **cible** d'un modèle est un choix humain. Le **coût** est un mauvais **substitut** du
#   **besoin** : à maladie égale, on dépense moins quand on accède moins aux soins.
# - Dans l'étude (pas dans notre reproduction), le score était **exact** sur sa cible, le
#   coût, mais **injuste** : il sous-estimait le besoin des patients noirs, sans la race.
# - Pour repérer ce biais, comparez les groupes **à score égal** (les courbes, la question 3) ;
#   au-dessus d'un même seuil, un écart n'est qu'un signal d'alerte.
# - **Part parmi les sélectionnés** et **taux de sélection** : même numérateur, dénominateurs
#   différents.
# - Cohorte **synthétique**, score **reproduit**, petits effectifs : retenez le mécanisme, pas
#   les chiffres.

# %% [markdown]
# ## Après la séance
#
# Cette partie se fait **après la séance** : une question sur une nouvelle cible, une question
# sur un indicateur par groupe, une réflexion rédigée, corrigée par l'enseignant, puis des
# compléments pour aller plus loin.

# %% [markdown]
# ### Que faut-il changer ?
#
# Retirer la race ne servirait à rien (le score ne l'utilise pas) ; baisser le seuil non plus :
# il inscrirait plus de patients, dans le même ordre. Le levier est la **cible**, à condition
# que la nouvelle n'ait pas le défaut du coût.
#
# ### Question 5 — Une nouvelle cible (2 points)
#
# Un hôpital propose de prédire le **nombre de consultations de l'année suivante** au lieu du
# coût. Que fait cette cible au biais ? Répondez par l'une des options, entre guillemets :
#
# - `"corrige"` : elle corrige le biais, car à maladie égale, une consultation coûte la même
#   chose à l'assureur quel que soit le patient, contrairement au coût total ;
# - `"sans effet"` : elle ne change rien au biais, car à maladie égale, le classement dépend
#   des informations du score, pas de la grandeur qu'il prédit ;
# - `"reproduit"` : elle reproduit le biais, car à maladie égale, le nombre de consultations
#   dépend aussi de l'accès aux soins ;
# - `"le médecin corrigera"` : le biais importe peu, car à maladie égale, le médecin traitant
#   repère le patient oublié parmi les dossiers que le score lui signale.
#
# <details><summary>Indice 1</summary>
#
# Reprenez le mécanisme du module : pourquoi le coût sous-estime-t-il le besoin des patients qui
# accèdent moins aux soins ? Le nombre de consultations dépend-il, lui aussi, de l'accès ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Pour chaque option, cherchez dans le module un résultat qui la confirme ou la contredit :
# la section 5 (changer la cible), la section 2 (le coût à maladie égale), et, pour le
# médecin, ce qu'il reçoit du score.
# </details>

# %% answer="nouvelle_cible"
nouvelle_cible = ...
### BEGIN SOLUTION
nouvelle_cible = "reproduit"
### END SOLUTION

# %% tests="nouvelle_cible" points=2
# Vérification de la question 5 : exécutez cette cellule.
checks.check_choice(
    nouvelle_cible,
    name="nouvelle_cible",
    options=["corrige", "sans effet", "reproduit", "le médecin corrigera"],
    digest="1391791c2ffcf031",
    mistakes=[
        checks.Mistake(
            None,
            "le prix d'une consultation ne dit rien de leur nombre. Demandez-vous ce qui fait "
            "varier le nombre de consultations à maladie égale : l'accès aux soins compte "
            "autant que pour le coût.",
            digest="31586430ac2d663e",
        ),
        checks.Mistake(
            None,
            "la cible n'est pas un détail : en section 5, changer la cible (mêmes informations) "
            "a changé la composition des inscrits. La question est de savoir si cette nouvelle "
            "cible mesure le besoin ou l'accès aux soins.",
            digest="47d8f5f40e866b4b",
        ),
        checks.Mistake(
            None,
            "le regard du médecin est précieux, mais il ne reçoit que les dossiers que le score "
            "lui signale, classés par un score qui sous-estime le besoin de certains. Dans "
            "l'étude, les médecins ne corrigeaient qu'une petite partie du biais.",
            digest="333b2ecc075ea020",
        ),
    ],
    success="vous avez jugé la cible à ce qui la fait varier à maladie égale : c'est la "
    "question à poser pour toute cible (voir « À retenir »).",
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    nouvelle_cible,
    name="nouvelle_cible",
    options=["corrige", "sans effet", "reproduit", "le médecin corrigera"],
    expected="reproduit",
)
### END HIDDEN TESTS

# %% mistake="nouvelle_cible"
# message : le prix d'une consultation
nouvelle_cible = "corrige"

# %% mistake="nouvelle_cible"
# message : la cible n'est pas un détail
nouvelle_cible = "sans effet"

# %% mistake="nouvelle_cible"
# message : le regard du médecin est précieux
nouvelle_cible = "le médecin corrigera"

# %% mistake="nouvelle_cible"
# message : n'est pas l'une des options
nouvelle_cible = "changer la cible"

# %% [markdown]
# ### Un indicateur par groupe avec fairlearn
#
# Deux façons de décrire qui est sélectionné, à ne pas confondre : la **part d'un groupe parmi
# les inscrits** (questions 1 et 4) et le **taux de sélection** d'un groupe (parmi les patients
# de ce groupe, combien sont inscrits ?). La bibliothèque **fairlearn** calcule un indicateur
# **groupe par groupe** avec l'outil `MetricFrame` (« tableau d'indicateurs ») : la cellule
# suivante donne le taux de sélection de chaque groupe, avec chacune des deux cibles.

# %%
# Cette cellule calcule le taux de sélection de chaque groupe avec fairlearn. Vous n'avez pas à
# comprendre ce code : retenez les taux affichés.
noms = {"Black": "Patients noirs", "White": "Patients blancs"}
for nom_cible, inscrits in [("coût", inscrits_cout), ("maladies chroniques", inscrits_sante)]:
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
            f"({ligne['effectif']:.0f} patients)"
        )
    ecart_taux = 100 * cadre.difference()["taux de sélection"]  # en points de pourcentage
    unite = "point" if ecart_taux < 2 else "points"
    print(f"  Écart de taux de sélection entre les groupes : {fr_number(ecart_taux, 2)} {unite}")

# %% [markdown]
# ### Question 6 — Un taux de sélection plus élevé est-il une faveur ? (2 points)
#
# Regardez la cible « maladies chroniques » dans le résultat ci-dessus : le taux de sélection
# des patients noirs est bien plus élevé que celui des patients blancs. Un collègue en
# conclut : « ce score favorise les patients noirs ». Que lui répondez-vous ? Répondez par
# l'une des options, entre guillemets :
#
# - `"il a raison"` : il a raison, car le programme s'adresse à tous : un score équitable
#   sélectionnerait chaque groupe au même taux ;
# - `"minoritaires"` : il a tort, car une faveur se juge à la part d'un groupe parmi les
#   inscrits, et les patients noirs y restent minoritaires ;
# - `"comparer les besoins"` : il conclut trop vite, car un taux de sélection ne se juge qu'à
#   côté de l'état de santé de chaque groupe ;
# - `"cible coût"` : il a raison, car des deux scores, le plus équitable est celui dont l'écart
#   entre les taux de sélection est le plus petit, la cible « coût ».
#
# <details><summary>Indice 1</summary>
#
# Le but du programme est d'aider les plus malades. Les deux groupes ont-ils le même état de
# santé moyen ? Sinon, un score juste devrait-il les sélectionner au même taux ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Distinguez deux mesures : la part des patients noirs **parmi les inscrits** (questions 1 et
# 4) et leur **taux de sélection** (parmi les patients noirs, combien sont inscrits ?). Puis
# reprenez la mesure **à score égal** (section 5) : avec la cible « maladies », les patients
# noirs sont-ils moins malades que les patients blancs de même score ?
# </details>

# %% answer="lecture_taux"
lecture_taux = ...
### BEGIN SOLUTION
lecture_taux = "comparer les besoins"
### END SOLUTION

# %% tests="lecture_taux" points=2
# Vérification de la question 6 : exécutez cette cellule.
checks.check_choice(
    lecture_taux,
    name="lecture_taux",
    options=["il a raison", "minoritaires", "comparer les besoins", "cible coût"],
    digest="e7c2ed77f05361c1",
    mistakes=[
        checks.Mistake(
            None,
            "exiger le même taux de sélection dans chaque groupe, c'est la parité "
            "démographique. Elle ne convient que si les besoins sont égaux ; ici, les patients "
            "noirs sont en moyenne plus malades, et un programme destiné aux plus malades doit "
            "en sélectionner une plus grande part.",
            digest="fe47fd03066d368d",
        ),
        checks.Mistake(
            None,
            "vous raisonnez sur la part parmi les inscrits, pas sur le taux de sélection. Et "
            "aucune des deux ne dit, seule, si un groupe est favorisé : il faut la confronter "
            "au besoin de soins des groupes.",
            digest="e823568cee72117f",
        ),
        checks.Mistake(
            None,
            "un écart de taux plus petit n'est pas plus équitable en soi. Avec la cible "
            "« coût », à score égal, les patients noirs étaient nettement plus malades que les "
            "patients blancs (section 5) : ce score les désavantageait. Confrontez l'écart au but du "
            "programme, aider les plus malades.",
            digest="f1826f79f68daf33",
        ),
    ],
    success="vous avez rapporté l'indicateur au but du programme, aider les plus malades : le "
    "texte qui suit le détaille.",
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    lecture_taux,
    name="lecture_taux",
    options=["il a raison", "minoritaires", "comparer les besoins", "cible coût"],
    expected="comparer les besoins",
)
### END HIDDEN TESTS

# %% mistake="lecture_taux"
# message : parité démographique
lecture_taux = "il a raison"

# %% mistake="lecture_taux"
# message : pas sur le taux de sélection
lecture_taux = "minoritaires"

# %% mistake="lecture_taux"
# message : n'est pas plus équitable en soi
lecture_taux = "cible coût"

# %% mistake="lecture_taux"
# message : n'est pas l'une des options
lecture_taux = "aucune idée"

# %% [markdown]
# Un taux de sélection plus élevé ne prouve pas une faveur. Le critère « chaque groupe est-il
# sélectionné au même taux ? » s'appelle la **parité démographique**. Il conclurait que les
# deux scores favorisent les patients noirs. C'est faux : ils sont en moyenne **beaucoup plus
# malades**, et un programme destiné aux plus malades **devrait** en inscrire une plus grande
# part. Même avec la cible « maladies », à score égal, les patients noirs restent un peu plus
# malades que les patients blancs (section 5) : rien n'indique une faveur. `MetricFrame` calcule fidèlement
# l'indicateur qu'on lui donne, mais ne dit pas s'il correspond au but du programme. Pour ce
# but, comparez le besoin des groupes, à score égal. (Le module 06 reviendra sur les
# définitions de l'équité.)

# %% [markdown]
# ### Réflexion — Que doit prédire un algorithme de gestion des soins ? (3 points, corrigée par l'enseignant)
#
# En 10 à 15 lignes : vous participez au choix d'un algorithme qui orientera des patients vers
# un programme de suivi renforcé dans votre établissement. **Quelle cible** proposeriez-vous
# qu'il prédise, et pourquoi ? Quelles sont les **limites** de cette cible : quels patients
# risque-t-elle d'oublier ? Quelle place donneriez-vous au **médecin** dans la décision, et que
# devrait-il savoir du score ? Comment, et à qui, expliqueriez-vous ce choix (soignants,
# patients, direction) ? Appuyez-vous sur au moins un chiffre calculé dans ce module.

# %% [markdown] written="reflexion_cible" points=3
# ### BEGIN SOLUTION
# *Guide de correction (enseignants ; retiré de la version étudiante).*
#
# - **1 point** — Une cible argumentée par le but du programme : le besoin de soins (p. ex. les
#   maladies chroniques actives, des signes de maladie mal contrôlée, ou une combinaison), et
#   non le coût, parce que le coût mesure aussi l'accès aux soins. L'étudiant distingue ce que
#   l'on veut (le besoin) de ce que l'on mesure facilement (le coût) : c'est la notion de
#   substitut. Accepter un indice qui combine santé et coût (la solution du fabricant dans
#   l'étude, voir « Pour aller plus loin ») s'il est justifié. Les « coûts évitables »
#   (urgences, hospitalisations) restent un coût : 1 point seulement si l'étudiant le dit et en
#   discute la limite ; sinon un demi-point. Un demi-point pour une cible juste mais non
#   justifiée.
# - **Un demi-point** — Les limites de la cible choisie, avec esprit critique
#   (valeur V4 — Prudence, esprit critique et inclusivité) : une maladie n'est comptée que si
#   elle est diagnostiquée, donc les patients qui consultent peu restent sous-estimés ; une
#   cible ne règle pas tout (suivi des résultats par groupe après la mise en service, revue
#   humaine des cas limites, possibilité d'adresser un patient hors score).
# - **Un demi-point** — Un chiffre **calculé dans le module**, juste et interprété : p. ex.
#   l'écart de maladies chroniques entre inscrits noirs et blancs (question 2) ou à score égal
#   (question 3), la part des patients noirs inscrits selon la cible (questions 1 et 4), avec
#   la prudence qui convient
#   (cohorte synthétique, intervalle de confiance, écart d'accès grossi). Accepter aussi une
#   remarque juste sur le taux de sélection, qui peut sembler favorable à un groupe désavantagé
#   (question 6). Les chiffres de l'étude (17,7 % et 46,5 %, Obermeyer et al., 2019) ne sont
#   pas calculés dans le module : cités seuls, ils ne donnent pas ce demi-point.
# - **1 point** — Transparence et contrôle humain (valeur V6 — Intégrité et transparence) : dire
#   quelle cible est prédite, pourquoi, et avec quelles limites ; informer le médecin de ce que
#   le score mesure et oublie, pour que sa décision corrige vraiment ; associer soignants et
#   représentants des patients au choix ; expliquer au patient pourquoi il est, ou non, proposé
#   pour le programme. Un demi-point si seul le médecin ou seul le patient est considéré.
#   Pénaliser (0 sur ce critère) une réponse qui affirme qu'il suffit de retirer la race des
#   données, ou de laisser le médecin trancher, pour que l'algorithme soit équitable.
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
# **Les modèles réentraînés par les chercheurs** (entraînés sur deux tiers des patients, jugés
# sur le tiers restant, sans la race). Part des patients noirs parmi les 3 % de risque prédit le
# plus élevé : 14,1 % avec la cible « coût total », 21,0 % avec la cible « coûts évitables »
# (urgences et hospitalisations), 26,7 % avec la cible « maladies chroniques »
# (Obermeyer et al., 2019). Les trois modèles prédisaient pourtant assez bien les trois
# grandeurs : c'est le choix de la cible, plus que la qualité de prédiction, qui changeait la
# composition du groupe.
#
# **Le médecin dans la boucle.** Les inscriptions réelles reflétaient surtout les décisions des
# médecins, et des critères administratifs. Elles concernaient 1,3 % des observations (une
# observation : un patient, une année), dont 19,2 % de patients noirs : à peine plus que les
# 18,3 % d'un tirage au hasard parmi les patients de même score. Choisir, à score égal, ceux
# qui avaient le plus de maladies chroniques prédites en aurait donné 26,9 % ; inscrire
# directement les patients ayant le plus de maladies chroniques prédites, 29,2 %
# (Obermeyer et al., 2019). Les médecins corrigeaient donc une petite partie du biais, bien
# moins qu'un score entraîné sur une autre cible. Un contrôle humain n'est utile que si
# l'humain sait ce que le score mesure, et ce qu'il oublie.
#
# **Ce qui s'est passé ensuite.** Informé des résultats, le fabricant les a reproduits sur ses
# propres données nationales (3 695 943 patients assurés). En remplaçant la cible « coût » par un
# indice qui combine santé et coût, le biais mesuré par les chercheurs a diminué de 84 %
# (Obermeyer et al., 2019).
#
# **Aucune cible n'est neutre.** Une maladie chronique n'est comptée que si elle a été
# **diagnostiquée**, et un patient qui consulte peu a moins de diagnostics : la cible
# « maladies chroniques » sous-estime encore le besoin de ceux qui accèdent le moins aux soins.
# Pour chaque cible, il faut se demander qui elle risque d'oublier, et le vérifier groupe par
# groupe après la mise en service.


# %% [markdown]
# ## Sources
#
# - Obermeyer Z, Powers B, Vogeli C, Mullainathan S. Dissecting racial bias in an algorithm
#   used to manage the health of populations. *Science* 2019;366(6464):447-453.
#   doi:10.1126/science.aax2342. Chiffres cités : effectifs, maladies chroniques, coûts moyens
#   (tableau 1) ; repérage automatique au 97ᵉ centile et signalement au médecin traitant à
#   partir du 55ᵉ (partie « Data and analytic strategy ») ; 17,7 % (part observée avec le score
#   commercial) et 46,5 % (simulation) (résumé et figure 1B) ; 26,3 % de maladies chroniques en
#   plus au 97ᵉ centile (figure 1A) ; score aussi exact sur le coût dans les deux groupes
#   (figure 3A) ; 1 801 dollars de moins par an à nombre égal de maladies chroniques
#   (figure 3B) ; données et cible de l'algorithme (partie « Mechanism of bias ») ; 14,1 %,
#   21,0 % et 26,7 % avec des modèles réentraînés (tableau 2 et texte) ; 1,3 %, 19,2 %, 18,3 %,
#   26,9 % et 29,2 % (tableau 3 et texte) ; 3 695 943 patients et réduction de 84 % du biais
#   (discussion).
# - Données synthétiques : `esn_teach.datasets.make_cost_vs_need_cohort(random_state=0)`,
#   calibrées sur l'article ci-dessus ; fiche descriptive (construction, limites, écarts
#   assumés) : `esn_teach/datasets/cards/cost_vs_need_cohort.md`, affichée en section 2.
# - Intervalle de Wilson : Wilson EB. Probable inference, the law of succession, and statistical
#   inference. *Journal of the American Statistical Association* 1927;22(158):209-212.
# - Weerts H, Dudík M, Edgar R, Jalali A, Lutz R, Madaio M. Fairlearn: Assessing and improving
#   fairness of AI systems. *Journal of Machine Learning Research* 2023;24(257):1-8.
# - Pedregosa F, *et al.* Scikit-learn: Machine Learning in Python. *Journal of Machine Learning
#   Research* 2011;12:2825-2830.
