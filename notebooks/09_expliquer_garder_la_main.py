# %% [markdown]
# # Module 09 — Expliquer et garder la main
#
# *Cours « IA et santé » — École de santé numérique, Université de Montpellier.*
#
# **Prérequis** : module 01 (cytoponctions du sein, régression logistique, jeux
# d'apprentissage, de validation et de test).
#
# ## Ce que vous saurez faire à la fin de ce module
#
# 1. Lire une **importance par permutation** et sa **variation**.
# 2. Lire l'importance de mesures **corrélées**.
# 3. Lire une **dépendance partielle** sans lui faire dire une **cause**.
# 4. Repérer les changements d'avis vers l'erreur face à une IA (**biais d'automatisation**).
# 5. Dire ce que le droit demande (informer la patiente ; le contrôle humain).
#
# > **Les valeurs de l'école dans ce module**
# > - **V1 — Priorité à la relation humaine** : le soignant décide avec la patiente.
# > - **V4 — Prudence, esprit critique et inclusivité** : une explication n'est pas une preuve.
# > - **V5 — Utilisation responsable et éclairée** : savoir quand passer outre l'outil.
# > - **V6 — Intégrité et transparence** : dire à la patiente qu'un outil a servi.
# >
# > **Cadre de l'éthique du numérique en santé (CENS)** : autonomie, bienfaisance,
# > non-malfaisance.
#
# ## Mode d'emploi
#
# En séance, environ une heure (une estimation) : cinq questions notées. Après la séance,
# environ 35 min : le simulateur (sans points), puis la réflexion (3 points), à rendre comme
# l'indique votre enseignant·e.
# Exécutez les cellules **dans l'ordre** (Maj + Entrée). Pour répondre, remplacez les `...`,
# exécutez, puis exécutez la **« Vérification »** ; les **indices** s'ouvrent d'un clic.

# %% jupyter={"source_hidden": true} session="formative"
# Inutile de lire ce code (replié) : il charge les données du module 01, les répartit en trois
# jeux et entraîne le modèle. Exécutez-le (Maj + Entrée).
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import Markdown, display
from sklearn.inspection import partial_dependence, permutation_importance
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from esn_teach import checks, fr_number, fr_table
from esn_teach.datasets import data_card, load_breast_cancer_wdbc
from esn_teach.explorers import AiSuggestionExplorer
from esn_teach.law import LEGAL_FACTS_LAST_CHECKED, reference
from esn_teach.plotting import LINESTYLES, MARKERS, PALETTE, accessible_style, show_figure

GRAINE = 0  # la graine fixe le hasard : tout le monde obtient les mêmes chiffres
DECOUPAGE = GRAINE  # la graine du découpage des patientes et des mélanges
N_REPETITIONS = 20  # nombre de mélanges par mesure
MESURES = {  # les six mesures du modèle (moyennes sur les noyaux de l'image)
    "mean radius": "rayon",
    "mean perimeter": "périmètre",
    "mean area": "aire",
    "mean texture": "texture",
    "mean concave points": "points concaves",
    "mean smoothness": "variation locale du rayon",
}
TAILLE = ["rayon", "périmètre", "aire"]

jeu = load_breast_cancer_wdbc()
display(data_card(jeu))  # la fiche, repliée : cliquez sur son titre pour la déplier
X = jeu.data[list(MESURES)].rename(columns=MESURES)
y = jeu.target  # 1 = tumeur maligne, 0 = bénigne
X_reste, X_test, y_reste, y_test = train_test_split(
    X, y, test_size=0.3, stratify=y, random_state=GRAINE
)
X_app, X_val, y_app, y_val = train_test_split(
    X_reste, y_reste, test_size=0.3 / 0.7, stratify=y_reste, random_state=GRAINE
)
modele = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
modele.fit(X_app, y_app)
exactitude_val = modele.score(X_val, y_val)
print(f"{len(y)} patientes réelles : apprentissage {len(y_app)}, validation {len(y_val)}, "
      f"test {len(y_test)}.")
print(f"Exactitude du modèle sur la validation : {fr_number(exactitude_val, 3)}.")
print("Corrélation entre texture et variation locale du rayon : "
      f"{fr_number(X_app['texture'].corr(X_app['variation locale du rayon']), 3)}.")
print("Corrélation entre rayon, périmètre, aire et points concaves (1 = la même information) :")
fr_table(X_app[[*TAILLE, "points concaves"]].corr(), caption="Corrélations, jeu d'apprentissage",
         digits=3)

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : il charge les données du module 01, les répartit en trois
# jeux (selon votre graine) et entraîne le modèle. Exécutez-le (Maj + Entrée).
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import Markdown, display
from sklearn.inspection import partial_dependence, permutation_importance
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from esn_teach import checks, fr_number, fr_table
from esn_teach.datasets import data_card, load_breast_cancer_wdbc
from esn_teach.explorers import AiSuggestionExplorer
from esn_teach.law import LEGAL_FACTS_LAST_CHECKED, reference
from esn_teach.plotting import LINESTYLES, MARKERS, PALETTE, accessible_style, show_figure

GRAINE = checks.student_seed("09")  # votre graine : votre découpage des patientes, votre modèle
# L'ordre des options des questions 1 et 2, tiré de votre graine.
ORDRE_Q1 = np.random.default_rng([GRAINE, 1]).permutation(5)
ORDRE_Q2 = np.random.default_rng([GRAINE, 2]).permutation(8)
N_REPETITIONS = 20  # nombre de mélanges par mesure
MESURES = {  # les six mesures du modèle (moyennes sur les noyaux de l'image)
    "mean radius": "rayon",
    "mean perimeter": "périmètre",
    "mean area": "aire",
    "mean texture": "texture",
    "mean concave points": "points concaves",
    "mean smoothness": "variation locale du rayon",
}
TAILLE = ["rayon", "périmètre", "aire"]

jeu = load_breast_cancer_wdbc()
display(data_card(jeu))  # la fiche, repliée : cliquez sur son titre pour la déplier
X = jeu.data[list(MESURES)].rename(columns=MESURES)
y = jeu.target  # 1 = tumeur maligne, 0 = bénigne
# Votre découpage des patientes : l'un de 64 découpages vérifiés à l'avance (aucun chiffre
# d'une question n'y tombe sur un cas limite), choisi par votre graine.
DECOUPAGES = [
    905266064, 1868845935, 245584351, 1537758557, 1989829892, 1971900293, 1712926926,
    1041410012, 1936474744, 1446612637, 748477722, 2061899947, 677753333, 2100731751,
    2080164269, 2074078922, 600752579, 1680601193, 1801354187, 457647222, 2117931157,
    243377341, 1895932926, 1960244659, 1877345832, 1520862767, 1247465185, 1190772976,
    170167646, 1982638955, 1973211591, 192695382, 1276206854, 794851440, 1301243972,
    1702649333, 1905017846, 418944839, 133688367, 271696210, 881028363, 1187124619,
    1300604072, 168897213, 128137446, 1638082754, 689265194, 1830008790, 816204414,
    554669760, 1752576222, 99259801, 322909733, 490525992, 625233454, 768146214,
    1670393777, 1786557943, 211852168, 1443919054, 898102581, 1232243351, 1126604657,
    168310206,
]
DECOUPAGE = DECOUPAGES[GRAINE % len(DECOUPAGES)]
X_reste, X_test, y_reste, y_test = train_test_split(
    X, y, test_size=0.3, stratify=y, random_state=DECOUPAGE
)
X_app, X_val, y_app, y_val = train_test_split(
    X_reste, y_reste, test_size=0.3 / 0.7, stratify=y_reste, random_state=DECOUPAGE
)
modele = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
modele.fit(X_app, y_app)
exactitude_val = modele.score(X_val, y_val)
print(f"{len(y)} patientes réelles : apprentissage {len(y_app)}, validation {len(y_val)}, "
      f"test {len(y_test)}.")
print(f"Exactitude du modèle sur la validation : {fr_number(exactitude_val, 3)}.")
print("Corrélations entre les six mesures (1 = la même information ; près de 0 : l'une ne suit pas "
      "l'autre) :")
fr_table(X_app.corr(), caption="Corrélations, jeu d'apprentissage", digits=3)

# %% [markdown]
# Ce sont les **vraies** cytoponctions du module 01. Le modèle, une **régression logistique**,
# lit six mesures des noyaux ; son **exactitude** est la part de diagnostics justes. Rayon,
# périmètre et aire mesurent la **taille** des noyaux ; la variation locale du rayon dit si le
# contour est lisse ou bosselé.
#
# <details><summary>Rappel : la corrélation</summary>
#
# Une **corrélation** (de −1 à 1) mesure un lien **linéaire** : proche de 1, deux mesures
# montent ensemble ; proche de 0, l'une ne suit pas l'autre (un lien d'une autre forme reste
# possible).
# </details>
#
# ## 1. Quelles mesures le modèle utilise-t-il ?
#
# **Importance par permutation** : on **mélange** une colonne de la **validation** (patientes
# non vues en apprenant ; chacune reçoit la valeur d'une autre) et l'on mesure de combien
# l'exactitude **baisse**. Le
# mélange est dû au hasard : on le refait 20 fois et l'on regarde la **variation**.
#
# <details><summary>Un exemple : trois patientes, avant et après le mélange</summary>
#
# Valeurs inventées. Seule la colonne mélangée change de patiente.
#
# | Patiente | Points concaves, avant | Points concaves, après le mélange | Rayon (inchangé) |
# |---|---|---|---|
# | A | 0,02 | 0,09 | 12 |
# | B | 0,09 | 0,05 | 19 |
# | C | 0,05 | 0,02 | 14 |
#
# B, au grand rayon, reçoit moins de points concaves que les siens : si le modèle s'en
# servait, son score change, et peut-être son diagnostic.
# </details>
#

# %% jupyter={"source_hidden": true} session="formative"
# Inutile de lire ce code (replié) : importances par permutation sur la validation, figure et
# tableau.
imp = permutation_importance(modele, X_val, y_val, n_repeats=N_REPETITIONS,
                             random_state=GRAINE)
importances = pd.DataFrame({"moyenne": imp.importances_mean, "écart-type": imp.importances_std},
                           index=X.columns).sort_values("moyenne")
with accessible_style():
    fig, ax = plt.subplots(figsize=(6.5, 3.8), layout="constrained")
    ordre = [list(X.columns).index(nom) for nom in importances.index]
    ax.boxplot([imp.importances[k] for k in ordre], orientation="horizontal",
               tick_labels=list(importances.index))
    ax.axvline(0, color=PALETTE["black"], linestyle=":")
    # des graduations espacées, à deux décimales (pas de 0,025 : « −0,0250,000 » se chevauchait)
    ax.xaxis.set_major_locator(plt.MaxNLocator(nbins=5, steps=[1, 2, 5, 10]))
    ax.set_title(f"Baisse d'exactitude quand on mélange une mesure ({N_REPETITIONS} mélanges)")
    ax.set_xlabel("Baisse d'exactitude sur la validation, mesure mélangée seule")
    show_figure(fig, "Boîtes à moustaches des baisses d'exactitude, une par mesure : les points "
                "concaves loin devant ; les cinq autres mesures se chevauchent largement.")
print(f"Une patiente de plus mal classée fait baisser l'exactitude de "
      f"{fr_number(1 / len(y_val), 3)} (1 sur {len(y_val)}).")
fr_table(importances.iloc[::-1], caption="Baisse d'exactitude : moyenne et écart-type",
         digits=3)

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : importances par permutation sur la validation, figure et
# tableau.
imp = permutation_importance(modele, X_val, y_val, n_repeats=N_REPETITIONS,
                             random_state=GRAINE)
importances = pd.DataFrame({"moyenne": imp.importances_mean, "écart-type": imp.importances_std},
                           index=X.columns).sort_values("moyenne")
with accessible_style():
    fig, ax = plt.subplots(figsize=(6.5, 3.8), layout="constrained")
    ordre = [list(X.columns).index(nom) for nom in importances.index]
    ax.boxplot([imp.importances[k] for k in ordre], orientation="horizontal",
               tick_labels=list(importances.index))
    ax.axvline(0, color=PALETTE["black"], linestyle=":")
    # des graduations espacées, à deux décimales (pas de 0,025 : « −0,0250,000 » se chevauchait)
    ax.xaxis.set_major_locator(plt.MaxNLocator(nbins=5, steps=[1, 2, 5, 10]))
    ax.set_title(f"Baisse d'exactitude quand on mélange une mesure ({N_REPETITIONS} mélanges)")
    ax.set_xlabel("Baisse d'exactitude sur la validation, mesure mélangée seule")
    show_figure(fig, "Boîtes à moustaches des baisses d'exactitude, une par mesure ; en tête, "
                f"{importances.index[-1]} (baisse moyenne {fr_number(importances['moyenne'].iloc[-1], 3)}), "
                f"puis {importances.index[-2]} ({fr_number(importances['moyenne'].iloc[-2], 3)}).")
print(f"Une patiente de plus mal classée fait baisser l'exactitude de "
      f"{fr_number(1 / len(y_val), 3)} (1 sur {len(y_val)}).")
fr_table(importances.iloc[::-1], caption="Baisse d'exactitude : moyenne et écart-type",
         digits=3)

# %% [markdown] session="formative"
# <details><summary>Lire une boîte à moustaches</summary>
#
# Trait : la médiane des 20 baisses ; boîte : leur moitié centrale ; moustaches et points :
# les autres.
# </details>
#
# Mélangés seuls, les **points concaves** (creux du contour du noyau) arrivent loin devant.
# L'**écart-type** mesure la variation d'un mélange à l'autre, sur ces **mêmes** patientes.
# Une baisse **négative** (à gauche du pointillé) est un gain d'exactitude dû au hasard du
# mélange : quelques patientes tombent, par chance, du bon côté.

# %% [markdown] session="evaluation"
# <details><summary>Lire une boîte à moustaches</summary>
#
# Trait : la médiane des 20 baisses ; boîte : leur moitié centrale ; moustaches et points :
# les autres.
# </details>
#
# Les **points concaves** sont les creux du contour du noyau.
# L'**écart-type** mesure la variation d'un mélange à l'autre, sur ces **mêmes** patientes.
# Une baisse **négative** (à gauche du pointillé) est un gain d'exactitude dû au hasard du
# mélange : quelques patientes tombent, par chance, du bon côté.

# %% [markdown]
# ## 2. Mélanger plusieurs mesures ensemble
#
# On mélange les trois mesures de taille **ensemble** et l'on compare la baisse à la **somme**
# de leurs baisses seules. Trois mots :
#
# - **modèle figé** : le modèle déjà appris, qu'on ne réentraîne pas ;
# - **poids** : le nombre que le modèle donne à chaque mesure pour calculer son score ;
# - **réappris** : un nouveau modèle, entraîné de nouveau sur les seules mesures qu'on lui laisse.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : la taille mélangée en groupe.
def perte_si_melange(colonnes):
    """Baisse moyenne d'exactitude (validation) quand on mélange ensemble ces colonnes."""
    hasard = np.random.default_rng(DECOUPAGE)
    pertes = []
    for _ in range(N_REPETITIONS):
        melange = X_val.copy()
        ordre = hasard.permutation(len(X_val))
        for nom in colonnes:
            melange[nom] = X_val[nom].to_numpy()[ordre]
        pertes.append(exactitude_val - modele.score(melange, y_val))
    return float(np.mean(pertes))


somme = sum(perte_si_melange([nom]) for nom in TAILLE)
groupe = perte_si_melange(TAILLE)
print(f"Taille ({', '.join(TAILLE)}), baisse d'exactitude :\n"
      f"- somme des trois baisses seules : {fr_number(somme, 3)} ;\n"
      f"- les trois mélangées ensemble (mêmes patientes échangées) : {fr_number(groupe, 3)}, "
      f"soit {fr_number(groupe / importances.loc['points concaves', 'moyenne'], 1)} fois la "
      "baisse des points concaves seuls.")
print("(Autres mélanges que ceux du tableau de la section 1, d'où un écart au millième.)")
# The function leaves the kernel (review d23, lecturer 6: one call on the evaluated copy's pair
# gave Q1's direction); the cells revealed after grading define it again.
del perte_si_melange

# %% [markdown]
# > **En pratique.** Face au classement d'importance d'un fabricant, méfiez-vous des mesures
# > qui se redisent : chacune paraît peu utilisée, leur groupe compte beaucoup. Et ce
# > classement dit ce que lit le modèle, pas ce qui cause la maladie.
#
# Réserve : deux mesures **fortes**, même peu corrélées, mélangées ensemble, font parfois
# basculer quelques patientes de plus que la somme (le seuil de 0,5 du score).

# %% [markdown] session="formative"
# **Des colonnes qui disent la même chose.** Mélanger une colonne ne retire au modèle figé que
# ce qu'il lit dans **cette** colonne. Il a partagé le poids de la taille
# entre trois colonnes : chacune, mélangée seule, coûte bien moins que la taille entière, car
# le modèle lit encore la taille dans les deux autres.
#
# ### Question 1 — Texture et variation locale du rayon, ensemble (1 point)
#
# La texture et la variation locale du rayon, mélangées ensemble, font-elles perdre plus,
# autant ou moins que la **somme** de leurs baisses seules, et pourquoi ? Écrivez la lettre
# entre guillemets (`"A"` à `"E"`).
#
# - **A.** Plus : deux colonnes mélangées brouillent plus que deux fois une.
# - **B.** Plus : l'une redit en bonne partie l'autre, comme pour la taille.
# - **C.** Autant, à peu près : l'une redit à peine ce que l'autre apporte.
# - **D.** Autant, à peu près : un modèle figé ne perd jamais plus que la somme.
# - **E.** Moins : ce qu'elles disent en commun n'est perdu qu'une fois.
#
# <details><summary>Indice 1</summary>
#
# Pour la taille, dites en une phrase **pourquoi** le groupe faisait perdre plus que la somme.
# Puis cherchez, dans les sorties du module, si cette raison vaut pour ces deux mesures.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Cherchez la corrélation de ces deux mesures dans la première sortie du module, et
# comparez-la à celles de rayon, périmètre et aire.
# </details>

# %% [markdown] session="evaluation"
# **Des colonnes qui disent la même chose.** Mélanger une colonne ne retire au modèle figé que
# ce qu'il lit dans **cette** colonne. Il a réparti la taille sur trois
# colonnes : chacune, mélangée seule, coûte bien moins que la taille entière, car le modèle la
# lit encore dans les deux autres.
#
# ### Question 1 — Deux mesures, mélangées ensemble (1 point)
#
# Deux mesures, nommées sous ce texte (elles sont propres à votre copie), mélangées ensemble,
# font-elles perdre plus, autant ou moins que la **somme** de leurs baisses seules, et
# pourquoi ?

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : les deux mesures de votre question 1 (tirées de votre
# graine) et ses options, dans l'ordre de votre copie.
PAIRES_Q1 = [["rayon", "points concaves"], ["périmètre", "points concaves"],
             ["rayon", "variation locale du rayon"], ["périmètre", "variation locale du rayon"],
             ["aire", "variation locale du rayon"], ["texture", "variation locale du rayon"]]
# Une copie sur deux reçoit la paire 0 ou 1 ; l'autre, la paire (2 à 5) de son découpage,
# choisie et vérifiée à l'avance pour chacun des 64 découpages (ce chiffre, plus 2).
SECONDE_Q1 = "0001323333020322331300222331023023021121333212230203233003203232"


def _paire_q1():
    """The copy's two measures (only their names stay on screen, not the draw)."""
    tirage = int(np.random.default_rng([GRAINE, 9]).integers(4))
    return PAIRES_Q1[tirage if tirage < 2 else 2 + int(SECONDE_Q1[GRAINE % len(DECOUPAGES)])]


OPTIONS_Q1 = [
    "Plus : deux colonnes mélangées ensemble font toujours perdre plus que la somme, quelles "
    "que soient les mesures.",
    "Plus : l'une redit en bonne partie l'autre.",
    "Autant, à peu près : l'une redit à peine ce que l'autre apporte.",
    "Autant, à peu près : un modèle figé ne perd jamais plus que la somme.",
    "Moins : ce qu'elles disent en commun n'est perdu qu'une fois.",
]
display(Markdown("\n".join(f"- **{lettre}.** {OPTIONS_Q1[k]}"
                            for lettre, k in zip("ABCDE", ORDRE_Q1, strict=True))))
print(f"Question 1 de votre copie : les mesures « {_paire_q1()[0]} » et « {_paire_q1()[1]} », "
      "mélangées ensemble. "
      "Écrivez la lettre de l'option choisie, entre guillemets (\"A\" à \"E\") ; "
      "l'ordre des options est propre à votre copie.")

# %% [markdown] session="evaluation"
# <details><summary>Indice 1</summary>
#
# Pour la taille, dites en une phrase **pourquoi** le groupe faisait perdre plus que la somme.
# Puis cherchez, dans les sorties du module, si cette raison vaut pour ces deux mesures.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Cherchez la corrélation de ces deux mesures dans la première sortie du module, et
# comparez-la à celles de rayon, périmètre et aire.
# </details>

# %% answer="pari_temoin" session="formative"
pari_temoin = ...
### BEGIN SOLUTION
pari_temoin = "C"
### END SOLUTION

# %% tests="pari_temoin" points=1 session="formative"
# Vérification de la question 1 : exécutez cette cellule.
checks.check_choice(
    pari_temoin,
    name="pari_temoin",
    options=["A", "B", "C", "D", "E"],
    digest="e3189e24eceac1a2",
    mistakes=[
        checks.Mistake(None, "pour la taille, l'excès ne venait pas seulement du nombre de "
                       "colonnes mélangées : il venait surtout de ce que ces colonnes se "
                       "redisaient. Qu'en est-il de ces deux-ci ?", digest="19871bbe36e0f035"),
        checks.Mistake(None, "relisez les chiffres de la première sortie : ces deux mesures "
                       "se redisent-elles comme le rayon, le périmètre et l'aire ?",
                       digest="161be9d24658e931"),
        checks.Mistake(None, "la section 2 montre le contraire : la taille, mélangée en groupe, "
                       "fait perdre bien plus que la somme. La prévision doit venir d'une autre "
                       "raison.", digest="14696704eca93a1c"),
        checks.Mistake(None, "pour perdre « une fois » ce que deux mesures disent en commun, il "
                       "faut qu'elles en disent beaucoup en commun ; et même alors, la taille en "
                       "groupe faisait perdre plus, pas moins.", digest="a53327cc1ce33605"),
    ],
    success="leur corrélation est presque nulle : brouiller l'une ne retire pas au modèle ce "
    "qu'il lit dans l'autre, et les deux baisses s'ajoutent à peu près, ici. « À peu près » : "
    "l'exactitude ne s'additionne pas exactement (une patiente que les deux mélanges font "
    "basculer ne compte qu'une fois), et sur un autre découpage des patientes l'écart peut "
    "être plus grand.",
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    pari_temoin,
    name="pari_temoin",
    options=["A", "B", "C", "D", "E"],
    expected="C",
)
### END HIDDEN TESTS

# %% mistake="pari_temoin" session="formative"
# message : l'excès ne venait pas seulement du nombre de
pari_temoin = "A"

# %% mistake="pari_temoin" session="formative"
# message : se redisent-elles comme le rayon
pari_temoin = "B"

# %% mistake="pari_temoin" session="formative"
# message : la section 2 montre le contraire
pari_temoin = "D"

# %% mistake="pari_temoin" session="formative"
# message : il faut qu'elles en disent beaucoup en commun
pari_temoin = "E"

# %% answer="pari_temoin" session="evaluation"
pari_temoin = ...
### BEGIN SOLUTION
# half the copies: a correlated pair, « plus : l'une redit en bonne partie l'autre » (option 1);
# the other half: a weakly correlated pair, « autant… redit à peine » (option 2)
_cle_q1 = 1 if int(np.random.default_rng([GRAINE, 9]).integers(4)) < 2 else 2
pari_temoin = "ABCDE"[list(ORDRE_Q1).index(_cle_q1)]
### END SOLUTION

# %% tests="pari_temoin" points=1 session="evaluation"
# Vérification de la question 1 : exécutez cette cellule.
checks.check_form(pari_temoin, name="pari_temoin", kind="choice", options=["A", "B", "C", "D", "E"])
### BEGIN HIDDEN TESTS
_graine_q1 = checks.student_seed("09", announce=False)
_rang_q1 = list(np.random.default_rng([_graine_q1, 1]).permutation(5))
_lettre_q1 = {k: "ABCDE"[_rang_q1.index(k)] for k in range(5)}
# The copy's pair (review d21, lecturer 2: the key's meaning now differs between copies, so a
# whispered phrase is right on about half of them): draws 0 and 1, radius or perimeter with
# concave points (correlated 0.77 to 0.88: « plus », +5.4 to +17.9 patients over the sum on
# the 64 splits); draws 2 and 3, the split's weakly correlated pair (a size measure or the
# texture with the local radius variation, correlated -0.15 to 0.30: « autant », within one
# patient of the sum on 62 splits and 1.5 patients, under 15 %, on the other two; notes,
# d22). Option 0 says « toujours, quelles que soient les mesures » (review d21, lecturer 3):
# plainly false on both kinds of copy.
_redite_q1 = int(np.random.default_rng([_graine_q1, 9]).integers(4)) < 2
if _redite_q1:
    _cle_q1 = 1
    _erreurs_q1 = [
        checks.Mistake(_lettre_q1[2], "relisez leur corrélation : ces deux mesures se redisent-elles à peine ? Leur corrélation (tableau de la première sortie du module) est d'environ 0,8 à 0,9 : l'une redit en bonne partie l'autre, comme le rayon, le périmètre et l'aire."),
        checks.Mistake(_lettre_q1[0], "bonne prévision, mauvaise raison : « toujours, quelles que soient les mesures » est faux ; deux mesures qui se redisent à peine s'ajoutent à peu près. Ici, l'excès vient surtout de ce que ces deux-ci se redisent (tableau des corrélations, première sortie)."),
        checks.Mistake(_lettre_q1[3], "la section 2 montre le contraire : la taille, mélangée en groupe, fait perdre bien plus que la somme. La prévision doit venir d'une autre raison."),
        checks.Mistake(_lettre_q1[4], "pour perdre « une fois » ce que deux mesures disent en commun, il faut qu'elles en disent beaucoup en commun ; et même alors, la taille en groupe faisait perdre plus, pas moins."),
    ]
    _bravo_q1 = "leur corrélation est d'environ 0,8 à 0,9 (tableau de la première sortie) : mélangées ensemble, elles retirent au modèle figé ce qu'il lisait dans l'une comme dans l'autre, et la baisse dépasse la somme, comme pour la taille. Une part de l'excès vient aussi du seuil de 0,5 : deux mesures fortes, mélangées ensemble, font basculer quelques patientes de plus."
else:
    _cle_q1 = 2
    _erreurs_q1 = [
        checks.Mistake(_lettre_q1[1], "relisez leur corrélation : ces deux mesures se redisent-elles en bonne partie ? Leur corrélation (tableau de la première sortie du module) est faible, loin des 0,99 du rayon, du périmètre et de l'aire : brouiller l'une ne retire pas au modèle ce qu'il lit dans l'autre."),
        checks.Mistake(_lettre_q1[0], "« toujours, quelles que soient les mesures » est faux : l'excès de la taille venait surtout de ce que ses colonnes se redisent. Ces deux-ci, peu corrélées (tableau de la première sortie), se redisent à peine."),
        checks.Mistake(_lettre_q1[3], "bonne prévision, mauvaise raison : la section 2 montre qu'un modèle figé peut perdre plus que la somme (la taille en groupe). Ici, c'est parce que ces deux mesures se redisent à peine (corrélation faible) que les baisses s'ajoutent à peu près."),
        checks.Mistake(_lettre_q1[4], "pour perdre « une fois » ce que deux mesures disent en commun, il faut qu'elles en disent beaucoup en commun ; or ces deux-ci sont peu corrélées (tableau de la première sortie)."),
    ]
    _bravo_q1 = "leur corrélation est faible (tableau de la première sortie) : brouiller l'une ne retire pas au modèle ce qu'il lit dans l'autre, et les deux baisses s'ajoutent à peu près (à une patiente près, sur votre découpage). « À peu près » : l'exactitude ne s'additionne pas exactement (une patiente que les deux mélanges font basculer ne compte qu'une fois)."
checks.check_choice(pari_temoin, name="pari_temoin", options=list("ABCDE"), expected=_lettre_q1[_cle_q1], mistakes=_erreurs_q1, success=_bravo_q1)
### END HIDDEN TESTS

# %% mistake="pari_temoin" session="evaluation"
# message : relisez leur corrélation
_autre_q1 = 2 if int(np.random.default_rng([GRAINE, 9]).integers(4)) < 2 else 1
pari_temoin = "ABCDE"[list(ORDRE_Q1).index(_autre_q1)]

# %% mistake="pari_temoin" session="evaluation"
# message : quelles que soient les mesures » est faux
pari_temoin = "ABCDE"[list(ORDRE_Q1).index(0)]

# %% mistake="pari_temoin" session="evaluation"
# message : la section 2
pari_temoin = "ABCDE"[list(ORDRE_Q1).index(3)]

# %% mistake="pari_temoin" session="evaluation"
# message : il faut qu'elles en disent beaucoup en commun
pari_temoin = "ABCDE"[list(ORDRE_Q1).index(4)]

# %% [markdown] session="formative"
# ### Question 2 — Réapprendre sans rayon ni périmètre (1 point)
#
# On retire le rayon et le périmètre et l'on **réapprend** le modèle sur les quatre autres
# mesures. Que perd-il en exactitude, et pourquoi ? Écrivez la lettre entre guillemets.
#
# - **A.** À peu près la somme : chaque colonne retirée emporte sa propre baisse.
# - **B.** Bien plus que la somme, comme la taille mélangée en groupe.
# - **C.** À peu près la somme : l'aire, une surface, ne redit pas le rayon.
# - **D.** Presque rien : le modèle réappris lit la taille dans l'aire, restée.
# - **E.** Presque rien : mélangés seuls, le rayon et le périmètre coûtaient peu.
#
# <details><summary>Indice 1</summary>
#
# Qu'est-ce qui change entre brouiller une colonne d'un modèle figé (section 2) et réapprendre
# un modèle sans elle ? Vérifiez la raison de chaque option, pas seulement sa prévision.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Un modèle réappris répartit de nouveau ses poids entre les mesures qu'on lui laisse. Dans le
# tableau des corrélations (première sortie), lisez celles de l'aire avec le rayon et le
# périmètre.
# </details>

# %% [markdown] session="evaluation"
# ### Question 2 — Réapprendre sans certaines mesures (1 point)
#
# On retire les mesures nommées sous ce texte (elles sont propres à votre copie) et l'on
# **réapprend** le modèle sur les mesures qui restent. Perd-il presque rien ou beaucoup
# d'exactitude, et pourquoi ?

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : les mesures retirées de votre question 2 (tirées de votre
# graine) et ses options, dans l'ordre de votre copie.
RETIREES_Q2 = [["périmètre", "aire"], ["rayon", "aire"],
               ["rayon", "périmètre", "aire", "points concaves"],
               ["rayon", "périmètre", "aire", "points concaves"]][
    int(np.random.default_rng([GRAINE, 8]).integers(4))]
OPTIONS_Q2 = [
    "Beaucoup : chaque colonne retirée emportait une information à elle seule.",
    "Beaucoup, comme la taille mélangée en groupe : un modèle réappris ne peut pas reporter "
    "ses poids sur les mesures restées.",
    "Presque rien : un modèle réappris retrouve toujours ce qu'on lui a retiré.",
    "Presque rien : le modèle réappris lit la taille dans l'aire.",
    "Presque rien : le modèle réappris lit la taille dans le rayon.",
    "Presque rien : mélangées seules, ces mesures coûtaient peu.",
    "Presque rien : le modèle réappris lit la taille dans le périmètre.",
    "Beaucoup : aucune mesure restée ne redit ce que disaient les mesures retirées.",
]
display(Markdown("\n".join(f"- **{lettre}.** {OPTIONS_Q2[k]}"
                            for lettre, k in zip("ABCDEFGH", ORDRE_Q2, strict=True))))
print("Question 2 de votre copie : on retire les mesures "
      + ", ".join(f"« {nom} »" for nom in RETIREES_Q2) + ", puis on réapprend. Écrivez la lettre "
      "de l'option choisie, entre guillemets (\"A\" à \"H\") ; l'ordre des options est propre "
      "à votre copie.")

# %% [markdown] session="evaluation"
# <details><summary>Indice 1</summary>
#
# Qu'est-ce qui change entre brouiller une colonne d'un modèle figé (section 2) et réapprendre
# un modèle sans elle ? Vérifiez la raison de chaque option, pas seulement sa prévision.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Un modèle réappris répartit de nouveau ses poids entre les mesures qu'on lui laisse. Dans le
# tableau des corrélations (première sortie), cherchez si une mesure restée redit ce que
# disaient les mesures retirées.
# </details>

# %% answer="modele_reappris" session="formative"
modele_reappris = ...
### BEGIN SOLUTION
modele_reappris = "D"
### END SOLUTION

# %% tests="modele_reappris" points=1 session="formative"
# Vérification de la question 2 : exécutez cette cellule.
checks.check_choice(
    modele_reappris,
    name="modele_reappris",
    options=["A", "B", "C", "D", "E"],
    digest="1259764202366a0a",
    mistakes=[
        checks.Mistake(None, "additionner les baisses seules suppose que chaque colonne porte "
                       "une information à elle. Est-ce le cas de ces mesures de taille ?",
                       digest="04648dc507858e17"),
        checks.Mistake(None, "mélanger la taille en groupe la retirait toute à un modèle figé. "
                       "Ici, le modèle réapprend sur les mesures qui restent : que disent-elles "
                       "encore ?", digest="0457549ff4e23d4e"),
        checks.Mistake(None, "une surface et une longueur ne s'expriment pas pareil, mais "
                       "elles montent ensemble : lisez la corrélation de l'aire avec le rayon "
                       "et le périmètre.", digest="96fb070fd40e2cdf"),
        checks.Mistake(None, "bonne prévision, mauvaise raison : mélangée seule, une colonne "
                       "redondante coûte peu, car les autres la redisent (section 2). Ce "
                       "qu'elle coûtait seule ne dit donc pas ce que perd un modèle réappris "
                       "sans elle.",
                       digest="33abb16d7cb90afe"),
    ],
    success="l'aire redit presque exactement le rayon et le périmètre : le modèle réappris lit "
    "la taille dans l'aire. Réapprendre répond à « le modèle peut-il s'en passer ? », une autre "
    "question que « que perd-il si l'on brouille ? ».",
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    modele_reappris,
    name="modele_reappris",
    options=["A", "B", "C", "D", "E"],
    expected="D",
)
### END HIDDEN TESTS

# %% mistake="modele_reappris" session="formative"
# message : additionner les baisses seules suppose
modele_reappris = "A"

# %% mistake="modele_reappris" session="formative"
# message : le modèle réapprend sur les mesures qui restent
modele_reappris = "B"

# %% mistake="modele_reappris" session="formative"
# message : une surface et une longueur ne s'expriment pas pareil
modele_reappris = "C"

# %% mistake="modele_reappris" session="formative"
# message : bonne prévision, mauvaise raison
modele_reappris = "E"

# %% answer="modele_reappris" session="evaluation"
modele_reappris = ...
### BEGIN SOLUTION
_tache_q2 = min(int(np.random.default_rng([GRAINE, 8]).integers(4)), 2)  # les mesures retirées
# « presque rien : … lit la taille dans » le rayon, le périmètre ; « beaucoup : aucune mesure
# restée ne redit… »
modele_reappris = "ABCDEFGH"[list(ORDRE_Q2).index((4, 6, 7)[_tache_q2])]
### END SOLUTION

# %% tests="modele_reappris" points=1 session="evaluation"
# Vérification de la question 2 : exécutez cette cellule.
checks.check_form(modele_reappris, name="modele_reappris", kind="choice", options=["A", "B", "C", "D", "E", "F", "G", "H"])
### BEGIN HIDDEN TESTS
_graine_q2 = checks.student_seed("09", announce=False)
_rang_q2 = list(np.random.default_rng([_graine_q2, 2]).permutation(8))
_lettre_q2 = {k: "ABCDEFGH"[_rang_q2.index(k)] for k in range(8)}
# The copy's task (review d21, lecturer 2: the key's meaning now differs between copies):
# draws 0 and 1 (a quarter of the copies each), perimeter and area removed (radius stays:
# option 4) or radius and area (perimeter stays: option 6), « presque rien » (at most 2 and
# 3 patients lost on the 64 splits); draws 2 and 3 (half the copies), the three size measures
# and concave points removed, « beaucoup » (22 to 44 patients lost, 13 to 26 %: option 7).
_tache_q2 = min(int(np.random.default_rng([_graine_q2, 8]).integers(4)), 2)
_retiree_q2 = "votre énoncé retire cette mesure : un modèle réappris ne lit rien dans une colonne qu'on lui a retirée. Relisez l'énoncé, puis cherchez si une mesure restée redit ce que disaient les mesures retirées."
if _tache_q2 < 2:
    _cle_q2 = (4, 6)[_tache_q2]
    _erreurs_q2 = [
        checks.Mistake(_lettre_q2[(6, 4)[_tache_q2]], _retiree_q2),
        checks.Mistake(_lettre_q2[3], _retiree_q2),
        checks.Mistake(_lettre_q2[7], "une mesure restée redit-elle les mesures retirées ? Lisez, dans le tableau des corrélations, celle de la mesure de taille restée avec les deux autres (environ 0,99) : le modèle réappris y retrouve la taille."),
        checks.Mistake(_lettre_q2[0], "chaque colonne retirée emportait-elle une information à elle seule ? Rayon, périmètre et aire se redisent presque exactement (corrélation environ 0,99) : une mesure de taille restée suffit."),
        checks.Mistake(_lettre_q2[1], "mélanger la taille en groupe la retirait toute à un modèle figé. Ici, le modèle réapprend : il reporte ses poids sur les mesures restées, et l'une d'elles redit la taille."),
        checks.Mistake(_lettre_q2[2], "bonne prévision, mauvaise raison : « toujours » est faux ; sans aucune mesure qui redise les mesures retirées, un modèle réappris perd beaucoup. Ici, il retrouve la taille parce qu'une mesure restée la redit."),
        checks.Mistake(_lettre_q2[5], "bonne prévision, mauvaise raison : mélangée seule, une colonne redondante coûte peu, car les autres la redisent (section 2). Ce qu'elle coûtait seule ne dit donc pas ce que perd un modèle réappris sans elle."),
    ]
    _bravo_q2 = ("le rayon", "le périmètre")[_tache_q2] + " redit presque exactement les deux mesures retirées : le modèle réappris y lit la taille. Réapprendre répond à « le modèle peut-il s'en passer ? », une autre question que « que perd-il si l'on brouille ? »."
else:
    _cle_q2 = 7
    _erreurs_q2 = [
        checks.Mistake(_lettre_q2[3], _retiree_q2),
        checks.Mistake(_lettre_q2[4], _retiree_q2),
        checks.Mistake(_lettre_q2[6], _retiree_q2),
        checks.Mistake(_lettre_q2[0], "bonne prévision, mauvaise raison : rayon, périmètre et aire se redisent presque exactement ; aucune n'emportait une information à elle seule. Le modèle perd beaucoup parce qu'aucune mesure restée (texture, variation locale du rayon) ne redit la taille ni les points concaves."),
        checks.Mistake(_lettre_q2[1], "bonne prévision, mauvaise raison : un modèle réappris reporte ses poids sur les mesures restées (la texture, la variation locale du rayon) ; il perd beaucoup parce qu'elles ne redisent ni la taille ni les points concaves."),
        checks.Mistake(_lettre_q2[2], "« toujours » est faux : un modèle réappris ne retrouve que ce qu'une mesure restée redit. Lisez, dans le tableau des corrélations, celles de la texture et de la variation locale du rayon avec les mesures retirées."),
        checks.Mistake(_lettre_q2[5], "les points concaves, mélangés seuls, coûtaient beaucoup (section 1) ; et ce qu'une mesure coûtait seule ne dit pas ce que perd un modèle réappris sans elle."),
    ]
    _bravo_q2 = "la texture et la variation locale du rayon, seules restées, ne redisent ni la taille ni les points concaves (corrélations faibles) : le modèle réappris perd beaucoup. Réapprendre répond à « le modèle peut-il s'en passer ? », une autre question que « que perd-il si l'on brouille ? »."
checks.check_choice(modele_reappris, name="modele_reappris", options=list("ABCDEFGH"), expected=_lettre_q2[_cle_q2], mistakes=_erreurs_q2, success=_bravo_q2)
### END HIDDEN TESTS

# %% mistake="modele_reappris" session="evaluation"
# message : votre énoncé retire cette mesure
modele_reappris = "ABCDEFGH"[list(ORDRE_Q2).index(3)]

# %% mistake="modele_reappris" session="evaluation"
# message : toujours
modele_reappris = "ABCDEFGH"[list(ORDRE_Q2).index(2)]

# %% mistake="modele_reappris" session="evaluation"
# message : ses poids
modele_reappris = "ABCDEFGH"[list(ORDRE_Q2).index(1)]

# %% mistake="modele_reappris" session="evaluation"
# message : information à elle seule
modele_reappris = "ABCDEFGH"[list(ORDRE_Q2).index(0)]

# %% mistake="modele_reappris" session="evaluation"
# message : seule
modele_reappris = "ABCDEFGH"[list(ORDRE_Q2).index(5)]

# %% jupyter={"source_hidden": true} reveal="modele_reappris" session="formative"
# Inutile de lire ce code (replié) : les calculs des questions 1 et 2, quand elles ont dit
# « juste ».
def perte_si_melange(colonnes):
    """Baisse moyenne d'exactitude (validation) quand on mélange ensemble ces colonnes."""
    hasard = np.random.default_rng(DECOUPAGE)
    pertes = []
    for _ in range(N_REPETITIONS):
        melange = X_val.copy()
        ordre = hasard.permutation(len(X_val))
        for nom in colonnes:
            melange[nom] = X_val[nom].to_numpy()[ordre]
        pertes.append(exactitude_val - modele.score(melange, y_val))
    return float(np.mean(pertes))


def exactitude_reapprise(retirees):
    """Exactitude de validation d'un modèle réappris sans ces colonnes."""
    gardees = [nom for nom in X.columns if nom not in retirees]
    autre = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
    return autre.fit(X_app[gardees], y_app).score(X_val[gardees], y_val)


if checks.passed("pari_temoin"):
    TEMOIN = ["texture", "variation locale du rayon"]
    somme = sum(perte_si_melange([nom]) for nom in TEMOIN)
    print(f"Question 1. Texture et variation locale du rayon : somme des baisses seules "
          f"{fr_number(somme, 3)} ; mélangées ensemble {fr_number(perte_si_melange(TEMOIN), 3)}.")
    FORT = ["texture", "points concaves"]  # second témoin : peu corrélées, l'une forte
    print(f"Témoin fort : texture et points concaves (corrélation "
          f"{fr_number(X_app['texture'].corr(X_app['points concaves']), 2)}) : somme des baisses "
          f"seules {fr_number(sum(perte_si_melange([nom]) for nom in FORT), 3)} ; mélangées "
          f"ensemble {fr_number(perte_si_melange(FORT), 3)}.")
else:
    print("Le calcul de la question 1 s'affichera ici quand sa vérification aura dit « juste » : "
          "relancez alors cette cellule (en séance évaluée, il reste masqué).")
if checks.passed("modele_reappris"):
    print(f"Question 2. Exactitude sur la validation : six mesures {fr_number(exactitude_val, 3)} ; "
          f"réappris sans rayon ni périmètre {fr_number(exactitude_reapprise(TAILLE[:2]), 3)} ; "
          f"réappris sans les trois mesures de taille {fr_number(exactitude_reapprise(TAILLE), 3)}.")
    print("Une seule mesure retirée : perte d'exactitude du modèle réappris sans elle (entre "
          "parenthèses, la baisse quand on la mélange seule, section 1) :")
    for nom in ("rayon", "texture", "points concaves"):
        print(f"- {nom} : {fr_number(exactitude_val - exactitude_reapprise([nom]), 3)} "
              f"({fr_number(importances.loc[nom, 'moyenne'], 3)}).")
else:
    print("Le calcul de la question 2 s'affichera ici quand sa vérification aura dit « juste » : "
          "relancez alors cette cellule (en séance évaluée, il reste masqué).")

# %% jupyter={"source_hidden": true} reveal="modele_reappris" session="evaluation"
# Inutile de lire ce code (replié) : les calculs des questions 1 et 2, quand elles ont dit
# « juste ».
def perte_si_melange(colonnes):
    """Baisse moyenne d'exactitude (validation) quand on mélange ensemble ces colonnes."""
    hasard = np.random.default_rng(DECOUPAGE)
    pertes = []
    for _ in range(N_REPETITIONS):
        melange = X_val.copy()
        ordre = hasard.permutation(len(X_val))
        for nom in colonnes:
            melange[nom] = X_val[nom].to_numpy()[ordre]
        pertes.append(exactitude_val - modele.score(melange, y_val))
    return float(np.mean(pertes))


def exactitude_reapprise(retirees):
    """Exactitude de validation d'un modèle réappris sans ces colonnes."""
    gardees = [nom for nom in X.columns if nom not in retirees]
    autre = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
    return autre.fit(X_app[gardees], y_app).score(X_val[gardees], y_val)


if checks.passed("pari_temoin"):
    PAIRE_Q1 = _paire_q1()
    somme = sum(perte_si_melange([nom]) for nom in PAIRE_Q1)
    print(f"Question 1. Mesures « {PAIRE_Q1[0]} » et « {PAIRE_Q1[1]} » : somme des baisses seules "
          f"{fr_number(somme, 3)} ; mélangées ensemble {fr_number(perte_si_melange(PAIRE_Q1), 3)} "
          f"(une patiente : {fr_number(1 / len(y_val), 3)}).")
    FORT = ["texture", "points concaves"]  # second témoin : peu corrélées, l'une forte
    print(f"Témoin fort : texture et points concaves (corrélation "
          f"{fr_number(X_app['texture'].corr(X_app['points concaves']), 2)}) : somme des baisses "
          f"seules {fr_number(sum(perte_si_melange([nom]) for nom in FORT), 3)} ; mélangées "
          f"ensemble {fr_number(perte_si_melange(FORT), 3)}.")
else:
    print("Le calcul de la question 1 s'affichera ici quand sa vérification aura dit « juste » : "
          "relancez alors cette cellule (en séance évaluée, il reste masqué).")
if checks.passed("modele_reappris"):
    print(f"Question 2. Exactitude sur la validation : six mesures {fr_number(exactitude_val, 3)} ; "
          f"réappris sans {', '.join(RETIREES_Q2)} "
          f"{fr_number(exactitude_reapprise(RETIREES_Q2), 3)} ; "
          f"réappris sans les trois mesures de taille {fr_number(exactitude_reapprise(TAILLE), 3)}.")
    print("Une seule mesure retirée : perte d'exactitude du modèle réappris sans elle (entre "
          "parenthèses, la baisse quand on la mélange seule, section 1) :")
    for nom in ("rayon", "texture", "points concaves"):
        print(f"- {nom} : {fr_number(exactitude_val - exactitude_reapprise([nom]), 3)} "
              f"({fr_number(importances.loc[nom, 'moyenne'], 3)}).")
else:
    print("Le calcul de la question 2 s'affichera ici quand sa vérification aura dit « juste » : "
          "relancez alors cette cellule (en séance évaluée, il reste masqué).")

# %% [markdown] reveal="pari_temoin" session="formative"
# <details><summary>Après avoir répondu à la question 1 : ce que montre ce calcul</summary>
#
# C'est un **témoin**, comme dans une expérience : la même opération sur deux mesures à peine
# corrélées. Elles ne se remplacent pas : leurs baisses s'ajoutent à peu près. L'excès de la
# taille venait donc **surtout** de la redondance. Pas seulement : l'exactitude compte les
# patientes qui passent le **seuil** de 0,5 (au-dessus, le modèle dit « maligne ») ; deux
# mesures fortes mélangées ensemble peuvent faire passer ce seuil à des patientes que chacune
# seule ne faisait pas basculer : le second témoin (texture et points concaves, peu corrélées,
# l'une forte) perd, selon le découpage, d'une patiente de moins à neuf de plus que la somme.
# </details>

# %% [markdown] reveal="pari_temoin" session="evaluation"
# <details><summary>Après avoir répondu à la question 1 : ce que montre ce calcul</summary>
#
# Comptez l'écart entre « ensemble » et « somme » en patientes (une patiente : la baisse
# entre parenthèses). Deux mesures qui se redisent en bonne partie (corrélées à 0,8 ou plus)
# font perdre plus que leur somme ; deux qui se redisent à peine, à peu près leur somme. Une
# part de l'excès vient aussi du **seuil** de 0,5 : deux mesures fortes mélangées ensemble font
# basculer quelques patientes de plus (dernière ligne : texture et points concaves).
# </details>

# %% [markdown] reveal="modele_reappris" session="formative"
# <details><summary>Après avoir répondu à la question 2 : ce que montre ce calcul</summary>
#
# Sans rayon ni périmètre, le modèle réappris fait aussi bien, à une patiente près : l'aire
# suffit. Même sans les trois mesures de taille, il perd bien moins que la taille mélangée en
# groupe : il reporte du poids sur les points concaves, qui suivent la taille. Sans les points
# concaves, il perd à peu près autant que sans la texture (dernières lignes) : la taille les
# remplace.
# </details>

# %% [markdown] reveal="modele_reappris" session="evaluation"
# <details><summary>Après avoir répondu à la question 2 : ce que montre ce calcul</summary>
#
# Quand une mesure de taille reste, le modèle réappris fait à peu près aussi bien : elle redit
# les mesures retirées. Sans la taille **ni** les points concaves, la texture et la variation
# locale du rayon ne les redisent pas : il perd beaucoup. Les dernières lignes comparent ce que
# perd un modèle réappris sans une mesure et ce que coûte cette mesure mélangée seule.
# </details>

# %% [markdown]
# ## 3. Dans quel sens ? La dépendance partielle
#
# La **dépendance partielle** : on donne à **toutes** les patientes de validation la même
# valeur de points concaves, sans toucher à leurs autres mesures, et l'on moyenne leurs
# scores ; puis on recommence pour d'autres valeurs.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : la dépendance partielle des points concaves.
dp = partial_dependence(modele, X_val, ["points concaves"], grid_resolution=20)
with accessible_style():
    fig, ax = plt.subplots(figsize=(6.5, 3.6), layout="constrained")
    ax.plot(dp["grid_values"][0], dp["average"][0], color=PALETTE["blue"],
            linestyle=LINESTYLES[0], marker=MARKERS[0])
    ax.set_title("Dépendance partielle du score aux points concaves (validation)")
    ax.set_xlabel("Points concaves (moyenne sur les noyaux) donnés à toutes les patientes")
    ax.set_ylabel("Score moyen du modèle")
    grille, score = dp["grid_values"][0], dp["average"][0]
    # Texte alternatif (lecteurs d'écran) : ce que la figure montre ; légende visible : les axes.
    show_figure(fig, f"Courbe croissante : le score moyen passe de {fr_number(score[0], 2)} "
                f"(points concaves {fr_number(grille[0], 3)}) à {fr_number(score[-1], 2)} "
                f"({fr_number(grille[-1], 3)}).", caption=False)
print("En abscisse, la valeur de points concaves donnée à toutes les patientes de validation ; "
      "en ordonnée, la moyenne de leurs scores (le score : le nombre de 0 à 1 que le modèle "
      "donne à une patiente ; plus il est haut, plus il penche vers « maligne ») ; une valeur "
      "par marqueur.")

# %% [markdown] session="formative"
# ### Question 3 — Que dit cette courbe ? (2 points, note partielle)
#
# Pour chaque phrase, écrivez `"oui"` si elle est vraie de cette courbe (et du calcul décrit
# plus haut), `"non"` sinon :
#
# - **valeurs données** : en un même point de la courbe, certaines patientes ont reçu plus de
#   points concaves qu'elles n'en ont, d'autres moins ;
# - **cause** : pour une patiente, des noyaux moins creusés réduiraient la probabilité que
#   sa masse soit maligne ;
# - **chaque patiente** : le score de chaque patiente monte de la même quantité que la courbe ;
# - **classement** : cette courbe montre que, pour le modèle, les points concaves comptent plus
#   que la texture ;
# - **noyaux** : les scores moyennés incluent des noyaux fabriqués, invraisemblables (très
#   creusés mais petits, par exemple).
#
# Un item faux retire un juste ; `...` ne compte pas.
#
# <details><summary>Indice 1</summary>
#
# Reprenez le calcul décrit au-dessus de la figure : quelle mesure change, lesquelles restent,
# sur qui porte la moyenne, et que lit-on en ordonnée ? Une phrase qui va au-delà de ce calcul
# n'est pas vraie de la courbe.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Pour « noyaux » : chaque patiente garde sa taille ; or les points concaves suivent la taille
# (tableau des corrélations, au début). Que devient une patiente aux petits noyaux à qui l'on
# donne beaucoup de points concaves ?
# </details>

# %% answer="lecture_courbe" session="formative"
lecture_courbe = {"valeurs données": ..., "cause": ..., "chaque patiente": ...,
                  "classement": ..., "noyaux": ...}
### BEGIN SOLUTION
lecture_courbe = {"valeurs données": "oui", "cause": "non", "chaque patiente": "non",
                  "classement": "non", "noyaux": "oui"}
### END SOLUTION

# %% tests="lecture_courbe" points=2 session="formative"
# Vérification de la question 3 : exécutez cette cellule.
# Une seule piste, la même pour tout item faux : où relire, pour les cinq phrases, justes ou
# non (d21 : la piste dit quoi relire, sans paraphraser l'item, qu'on ne corrige qu'en relisant).
pistes_q3 = (
    "où relire, phrase par phrase, qu'elle soit juste ou non. « Valeurs données », « chaque "
    "patiente » et « noyaux » : la description du calcul, juste au-dessus de la figure "
    "(section 3), puis l'indice 2. « Cause » : le calcul change un nombre dans le tableau "
    "donné au modèle ; que dit-il de ce qui se passe dans le corps d'une patiente ? "
    "« Classement » : cette courbe contient-elle une information sur la texture ?"
)
message_moyen = message_cause = message_chaque = message_classement = message_noyaux = pistes_q3
checks.check_choices(
    lecture_courbe,
    name="lecture_courbe",
    options=["oui", "non"],
    digests={"valeurs données": "275b8b1ead0f62df", "cause": "26deb5642a0d0f3c",
             "chaque patiente": "befaab4946130e7c", "classement": "4db151e0baace8ce",
             "noyaux": "98e78589bff4bedb"},
    mistakes={
        "valeurs données": [checks.Mistake(None, message_moyen, digest="9640e5a79310cda4")],
        "cause": [checks.Mistake(None, message_cause, digest="8f6a3fba78389ed2")],
        "chaque patiente": [checks.Mistake(None, message_chaque, digest="21a2c39051f5695c")],
        "classement": [checks.Mistake(None, message_classement, digest="1a8821e0c7a5c9af")],
        "noyaux": [checks.Mistake(None, message_noyaux, digest="403130a3c2c63d4b")],
    },
    success=("la courbe décrit le modèle, en moyenne, à autres mesures inchangées (des noyaux "
             "parfois invraisemblables, car les points concaves suivent la taille). Elle ne dit "
             "ni la cause du cancer, ni de combien monte le score d'une patiente donnée, ni "
             "quelle mesure compte le plus. Pour une régression logistique, elle va toujours "
             "dans un seul sens : c'est la forme du modèle."),
    points=2,
)
### BEGIN HIDDEN TESTS
checks.check_choices(
    lecture_courbe,
    name="lecture_courbe",
    options=["oui", "non"],
    expected={"valeurs données": "oui", "cause": "non", "chaque patiente": "non",
              "classement": "non", "noyaux": "oui"},
    points=2,
)
### END HIDDEN TESTS

# %% mistake="lecture_courbe" session="formative"
# message : dans le corps d'une patiente
lecture_courbe = {"valeurs données": "oui", "cause": "oui", "chaque patiente": "non",
                  "classement": "non", "noyaux": "oui"}

# %% mistake="lecture_courbe" session="formative"
# message : une information sur la texture
lecture_courbe = {"valeurs données": "oui", "cause": "non", "chaque patiente": "non",
                  "classement": "oui", "noyaux": "oui"}

# %% mistake="lecture_courbe" session="formative"
# message : puis l'indice 2
lecture_courbe = {"valeurs données": "oui", "cause": "non", "chaque patiente": "non",
                  "classement": "non", "noyaux": "non"}

# %% mistake="lecture_courbe" session="formative"
# message : juste au-dessus de la figure
lecture_courbe = {"valeurs données": "oui", "cause": "non", "chaque patiente": "oui",
                  "classement": "non", "noyaux": "oui"}

# %% mistake="lecture_courbe" session="formative"
# message : où relire, phrase par phrase
lecture_courbe = {"valeurs données": "non", "cause": "non", "chaque patiente": "non",
                  "classement": "non", "noyaux": "oui"}

# %% [markdown] session="evaluation"
# ### Question 3 — Que dit cette courbe ? (2 points, note partielle)
#
# Pour chaque phrase affichée ci-dessous, `"oui"` si elle est vraie de cette courbe (et du
# calcul décrit plus haut), `"non"` sinon. Une réponse fausse en retire une juste ; `...` ne
# compte pas.

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : les phrases de la question 3, tirées de votre graine
# (pour chaque item, l'une de quatre phrases).


# Dans une fonction : seules les cinq phrases de votre copie restent dans le noyau.
def _enonces_q3():
    from esn_teach.datasets._wdbc_tasks import _question_3_statements

    return _question_3_statements(GRAINE)


display(Markdown("\n".join(f"- **phrase {n}** : {texte} ;"
                            for n, texte in enumerate(_enonces_q3().values(), start=1))))
print("Question 3 : pour chaque phrase, \"oui\" ou \"non\" ; ces phrases ne sont pas celles du "
      "formatif, et celles d'un voisin peuvent dire le contraire des vôtres.")

# %% [markdown] session="evaluation"
# <details><summary>Indice 1</summary>
#
# Reprenez le calcul décrit au-dessus de la figure : quelle mesure change, lesquelles restent,
# sur qui porte la moyenne, et que lit-on en ordonnée ? Une phrase qui va au-delà de ce calcul
# n'est pas vraie de la courbe.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Pour la phrase sur les noyaux : chaque patiente garde sa taille ; or les points concaves suivent la taille
# (tableau des corrélations, au début). Que devient une patiente aux petits noyaux à qui l'on
# donne beaucoup de points concaves ?
# </details>

# %% answer="lecture_courbe" session="evaluation"
lecture_courbe = {"phrase 1": ..., "phrase 2": ..., "phrase 3": ..., "phrase 4": ...,
                  "phrase 5": ...}
### BEGIN SOLUTION
import hashlib

from esn_teach.datasets._wdbc_tasks import _question_3_statements

# The digests of the true statements of the package's reserves (two true, two false per item;
# review d19), keyed by text, not by position (review d20b, lecturer 2).
_VRAIES_Q3 = {"07faf5229c68", "d8dacee10e2e", "165893ea121c", "2ed4f18b8d1d", "3ea696090dee", "87e64fc4876a", "88da7c24ae29", "9f14089f4f9e", "8b3a1ed7624f", "dd25a62491a9"}
lecture_courbe = {f"phrase {n}": "oui" if hashlib.sha256(texte.encode()).hexdigest()[:12] in _VRAIES_Q3 else "non" for n, texte in enumerate(_question_3_statements(GRAINE).values(), start=1)}
### END SOLUTION

# %% tests="lecture_courbe" points=2 session="evaluation"
# Vérification de la question 3 : exécutez cette cellule.
checks.check_form(lecture_courbe, name="lecture_courbe", kind="choices", options=["oui", "non"], items=["phrase 1", "phrase 2", "phrase 3", "phrase 4", "phrase 5"])
### BEGIN HIDDEN TESTS
import hashlib

from esn_teach.datasets._wdbc_tasks import _question_3_statements as _enonces_q3h

# The copy's keys, kept here (the release strips this block), not in the installed package,
# which gives texts only, never the indices drawn: the digests (sha256, first 12 hex digits)
# of the ten true statements of the package's reserves (two true, two false per item; one
# absolute and one hedged statement among the true ones, and among the false ones: review
# d19). Keyed by text: no position in a reserve is always true (review d20b, lecturer 2).
_VRAIES_Q3 = {"07faf5229c68", "d8dacee10e2e", "165893ea121c", "2ed4f18b8d1d", "3ea696090dee", "87e64fc4876a", "88da7c24ae29", "9f14089f4f9e", "8b3a1ed7624f", "dd25a62491a9"}
_attendu_q3 = {cle: "oui" if hashlib.sha256(texte.encode()).hexdigest()[:12] in _VRAIES_Q3 else "non" for cle, texte in _enonces_q3h(checks.student_seed("09", announce=False)).items()}
# After grading the feedback names each wrong item with its own reason (review d19, lecturer
# finding 7): there is no second try to give away.
_raison_q3 = {
    "valeurs données": "en chaque point, toutes les patientes reçoivent la même valeur de points concaves, celle de l'abscisse, à la place de la leur : selon leur valeur réelle, elles en reçoivent plus ou moins.",
    "cause": "la courbe décrit comment le modèle calcule : son score moyen monte quand on donne plus de points concaves. Elle ne dit pas ce que ferait, chez une patiente, une tumeur dont les noyaux changeraient.",
    "chaque patiente": "chaque point de la courbe est la moyenne des scores de toutes les patientes : leurs scores s'étalent autour de cette moyenne, et chacun monte à sa façon.",
    "classement": "la courbe ne fait varier que les points concaves (la texture de chaque patiente reste la sienne) : elle donne un sens, pas un classement ; pour comparer des mesures, c'est l'importance par permutation (section 1).",
    "noyaux": "seuls les points concaves changent : chaque patiente garde la taille de ses noyaux ; or les points concaves suivent la taille : une patiente aux petits noyaux reçoit ainsi des noyaux très creusés, invraisemblables.",
}
# The copy shows neutral labels, « phrase 1 » to « phrase 5 », in the reserves' order (review
# d20, lecturer 4: the notion's name cued, or misled, when it did not match the sentence).
_phrases_q3 = {f"phrase {n}": cle for n, cle in enumerate(_attendu_q3, start=1)}
checks.check_choices(lecture_courbe, name="lecture_courbe", options=["oui", "non"], expected={p: _attendu_q3[cle] for p, cle in _phrases_q3.items()}, mistakes={p: [checks.Mistake("non" if _attendu_q3[cle] == "oui" else "oui", _raison_q3[cle])] for p, cle in _phrases_q3.items()}, success="la courbe décrit le modèle, en moyenne, à autres mesures inchangées (des noyaux parfois invraisemblables, car les points concaves suivent la taille). Elle ne dit ni la cause du cancer, ni de combien monte le score d'une patiente donnée, ni quelle mesure compte le plus ; elle dit dans quel sens le score moyen varie.", points=2)
### END HIDDEN TESTS

# %% mistake="lecture_courbe" session="evaluation"
# message : la courbe décrit comment le modèle calcule
import hashlib

from esn_teach.datasets._wdbc_tasks import _question_3_statements

# The copy's keys (as in the solution), then the other answer on one item.
_VRAIES_Q3 = {"07faf5229c68", "d8dacee10e2e", "165893ea121c", "2ed4f18b8d1d", "3ea696090dee", "87e64fc4876a", "88da7c24ae29", "9f14089f4f9e", "8b3a1ed7624f", "dd25a62491a9"}
lecture_courbe = {f"phrase {n}": "oui" if hashlib.sha256(texte.encode()).hexdigest()[:12] in _VRAIES_Q3 else "non" for n, texte in enumerate(_question_3_statements(GRAINE).values(), start=1)}
lecture_courbe["phrase 2"] = "non" if lecture_courbe["phrase 2"] == "oui" else "oui"

# %% mistake="lecture_courbe" session="evaluation"
# message : une patiente aux petits noyaux reçoit ainsi
import hashlib

from esn_teach.datasets._wdbc_tasks import _question_3_statements

# The copy's keys (as in the solution), then the other answer on one item.
_VRAIES_Q3 = {"07faf5229c68", "d8dacee10e2e", "165893ea121c", "2ed4f18b8d1d", "3ea696090dee", "87e64fc4876a", "88da7c24ae29", "9f14089f4f9e", "8b3a1ed7624f", "dd25a62491a9"}
lecture_courbe = {f"phrase {n}": "oui" if hashlib.sha256(texte.encode()).hexdigest()[:12] in _VRAIES_Q3 else "non" for n, texte in enumerate(_question_3_statements(GRAINE).values(), start=1)}
lecture_courbe["phrase 5"] = "non" if lecture_courbe["phrase 5"] == "oui" else "oui"

# %% mistake="lecture_courbe" session="evaluation"
# message : elle donne un sens, pas un classement
import hashlib

from esn_teach.datasets._wdbc_tasks import _question_3_statements

# The copy's keys (as in the solution), then the other answer on one item.
_VRAIES_Q3 = {"07faf5229c68", "d8dacee10e2e", "165893ea121c", "2ed4f18b8d1d", "3ea696090dee", "87e64fc4876a", "88da7c24ae29", "9f14089f4f9e", "8b3a1ed7624f", "dd25a62491a9"}
lecture_courbe = {f"phrase {n}": "oui" if hashlib.sha256(texte.encode()).hexdigest()[:12] in _VRAIES_Q3 else "non" for n, texte in enumerate(_question_3_statements(GRAINE).values(), start=1)}
lecture_courbe["phrase 4"] = "non" if lecture_courbe["phrase 4"] == "oui" else "oui"

# %% [markdown]
# ## 4. Camille, interne, décide avec une IA
#
# Camille, interne (personnage et décisions **inventés**), fait une **lecture rapide des
# mesures** de 12 patientes du **test**, seule, puis avec la suggestion de l'IA (notre modèle),
# sur des cas choisis : un cas d'école (en France, un ou une pathologiste lit la cytologie ; le
# diagnostic repose sur l'histologie). La « **confiance** » de l'IA est son score pour la
# réponse suggérée (50 % : elle hésite ; près de 100 % : sûre, pas forcément juste). Le **biais
# d'automatisation** est la tendance à suivre une machine même quand elle se trompe.

# %% jupyter={"source_hidden": true} session="formative"
# Inutile de lire ce code (replié) : il choisit 12 cas du test pour le simulateur (après la
# séance), puis 12 autres pour Camille (deux erreurs de l'IA, une de chaque sorte), et
# affiche les décisions inventées de Camille.
p_test = modele.predict_proba(X_test)[:, 1]
suggestion_test = (p_test >= 0.5).astype(int)
verite_test = y_test.to_numpy()
confiance_test = np.maximum(p_test, 1 - p_test)
groupes = [((0, 1), 2), ((1, 0), 1), ((1, 1), 4), ((0, 0), 5)]  # (IA, vérité) : nombre de cas
hasard_cas = np.random.default_rng(9)
choisis = hasard_cas.permutation(np.concatenate([  # les cas du simulateur
    hasard_cas.choice(np.flatnonzero((suggestion_test == ia) & (verite_test == v)), k,
                      replace=False)
    for (ia, v), k in groupes
]))
groupes_camille = [((0, 1), 1), ((1, 0), 1), ((1, 1), 5), ((0, 0), 5)]
hasard_camille = np.random.default_rng(12)
autres = hasard_camille.permutation(np.concatenate([  # les cas de Camille
    hasard_camille.choice(np.setdiff1d(np.flatnonzero((suggestion_test == ia)
                                                      & (verite_test == v)), choisis),
                          k, replace=False)
    for (ia, v), k in groupes_camille
]))
camille_verite = verite_test[autres]
camille_ia = suggestion_test[autres]
CAMILLE_SEULE = [1, 0, 1, 1, 0, 1, 1, 0, 0, 0, 1, 1]  # 1 = malin, 0 = bénin
CAMILLE_FINALE = [1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0]
diagnostic = np.array(["bénin", "malin"])
juste = {True: "✔ juste", False: "✘ faux"}
camille = pd.DataFrame({
    "IA": [f"{diagnostic[s]} ({juste[s == v]})"
           for s, v in zip(camille_ia, camille_verite, strict=True)],
    "Confiance de l'IA": [f"{fr_number(100 * c, 0)} %" if c < 0.99 else "> 99 %"  # jamais 1
                          for c in confiance_test[autres]],
    "Camille seule": [f"{diagnostic[c]} ({juste[c == v]})"
                      for c, v in zip(CAMILLE_SEULE, camille_verite, strict=True)],
    "Camille avec l'IA": [f"{diagnostic[c]} ({juste[c == v]})"
                          for c, v in zip(CAMILLE_FINALE, camille_verite, strict=True)],
    "Diagnostic de référence": diagnostic[camille_verite],
}, index=pd.Index([f"Patiente {k}" for k in range(1, 13)], name="Patiente"))
fr_table(camille, caption="Les décisions de Camille (inventées) sur les 12 cas")
print(f"Sur ces 12 cas, l'IA se trompe {int((camille_ia != camille_verite).sum())} fois : plus "
      f"souvent que sur tout le test ({int((suggestion_test != verite_test).sum())} erreurs sur "
      f"{len(verite_test)} patientes). Les cas ont été choisis pour l'exercice.")

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : selon votre graine, il choisit 12 cas du test pour le
# simulateur (après la séance), puis 12 autres pour Camille, et tire ses décisions inventées.
p_test = modele.predict_proba(X_test)[:, 1]
suggestion_test = (p_test >= 0.5).astype(int)
verite_test = y_test.to_numpy()
confiance_test = np.maximum(p_test, 1 - p_test)


def cas_du_simulateur(graine):
    """12 cas pour le simulateur, comme en formatif : 2 cancers manqués par l'IA, 1 fausse
    alerte, 4 cancers et 5 bénins justes. Indices dans le test suivi de la validation : une
    sorte d'erreur absente du test (un découpage sur 64 n'y a aucune fausse alerte) est prise
    dans la validation, patientes que le modèle n'a pas apprises non plus."""
    hasard = np.random.default_rng([graine, 3])
    p = np.concatenate([p_test, modele.predict_proba(X_val)[:, 1]])
    v = np.concatenate([verite_test, y_val.to_numpy()])
    du_test = np.arange(len(p)) < len(p_test)
    cas = []
    for (ia, vrai), k in [((0, 1), 2), ((1, 0), 1), ((1, 1), 4), ((0, 0), 5)]:
        du_groupe = ((p >= 0.5) == ia) & (v == vrai)
        reserve = np.flatnonzero(du_groupe & du_test)
        if len(reserve) < k:
            reserve = np.flatnonzero(du_groupe)
        cas.append(hasard.choice(reserve, k, replace=False))
    return hasard.permutation(np.concatenate(cas))


def cas_de_camille(graine, choisis):
    """Les 12 cas de Camille et ses décisions inventées (seule, puis avec l'IA).

    Des cas du test que le simulateur n'a pas pris (et, si les erreurs de l'IA y manquent, des
    erreurs sur la validation, patientes que le modèle n'a pas apprises non plus). L'IA se
    trompe sur 2 ou 3 des 12 cas, dont au moins une fois à 85 % de confiance ou plus : une IA
    sûre d'elle peut se tromper. Les comptes du tirage restent dans la fonction (ils
    donneraient la réponse).
    """
    p = np.concatenate([p_test, modele.predict_proba(X_val)[:, 1]])
    v = np.concatenate([verite_test, y_val.to_numpy()])
    confiance = np.maximum(p, 1 - p)
    libres = np.setdiff1d(np.arange(len(p)), choisis)
    erreurs = [i for i in libres if (p[i] >= 0.5) != v[i]]
    justes = [i for i in libres if (p[i] >= 0.5) == v[i] and i < len(p_test)]
    tirages = [(2, 2, 1, 2), (3, 2, 1, 4), (3, 3, 1, 5), (3, 3, 2, 3), (3, 3, 2, 5)]
    hasard = np.random.default_rng([graine, 4])
    n, k, j, w = tirages[hasard.integers(len(tirages))]
    sures = [i for i in erreurs if confiance[i] >= 0.85]
    sure = hasard.choice([i for i in sures if i < len(p_test)] or sures)
    reste = [i for i in erreurs if i != sure]
    reste_test = [i for i in reste if i < len(p_test)]
    reserve = reste_test if len(reste_test) >= n - 1 else reste
    # au moins une erreur de chaque sorte (cancer manqué, fausse alerte)
    autre = hasard.choice([i for i in reserve if v[i] != v[sure]]
                          or [i for i in reste if v[i] != v[sure]])
    faux = np.concatenate([[sure, autre], hasard.choice([i for i in reserve if i != autre],
                                                        n - 2, replace=False)])
    fn = int(v[faux].sum())  # cancers que l'IA dit bénins
    lignes = hasard.permutation(np.concatenate([
        faux,
        hasard.choice([i for i in justes if v[i] == 1], 6 - fn, replace=False),
        hasard.choice([i for i in justes if v[i] == 0], 6 - (n - fn), replace=False),
    ]))
    verite, ia = v[lignes], (p[lignes] >= 0.5).astype(int)
    # Seule, juste sur k des n erreurs de l'IA et fausse sur w autres cas (les w cas
    # justes où l'IA est le moins sûre) ; avec l'IA, elle la suit partout, sauf sur
    # k - j des erreurs de l'IA qu'elle avait vues : elle change d'avis j + w fois, j vers
    # « faux », w vers « juste ».
    vues = hasard.choice(np.flatnonzero(ia != verite), k, replace=False)
    suivies = hasard.choice(vues, j, replace=False)
    bons = np.flatnonzero(ia == verite)
    ratees = bons[np.argsort(confiance[lignes][bons], kind="stable")[:w]]
    seule, finale = ia.copy(), ia.copy()
    seule[vues] = verite[vues]
    seule[ratees] = 1 - verite[ratees]
    gardees = np.setdiff1d(vues, suivies)
    finale[gardees] = verite[gardees]
    return (verite, ia, confiance[lignes], [int(c) for c in seule],
            [int(c) for c in finale])


choisis = cas_du_simulateur(GRAINE)
(camille_verite, camille_ia, camille_confiance, CAMILLE_SEULE,
 CAMILLE_FINALE) = cas_de_camille(GRAINE, choisis)  # 1 = malin, 0 = bénin
diagnostic = np.array(["bénin", "malin"])
juste = {True: "✔ juste", False: "✘ faux"}
camille = pd.DataFrame({
    "IA": [f"{diagnostic[s]} ({juste[s == v]})"
           for s, v in zip(camille_ia, camille_verite, strict=True)],
    "Confiance de l'IA": [f"{fr_number(100 * c, 0)} %" if c < 0.99 else "> 99 %"  # jamais 1
                          for c in camille_confiance],
    "Camille seule": [f"{diagnostic[c]} ({juste[c == v]})"
                      for c, v in zip(CAMILLE_SEULE, camille_verite, strict=True)],
    "Camille avec l'IA": [f"{diagnostic[c]} ({juste[c == v]})"
                          for c, v in zip(CAMILLE_FINALE, camille_verite, strict=True)],
    "Diagnostic de référence": diagnostic[camille_verite],
}, index=pd.Index([f"Patiente {k}" for k in range(1, 13)], name="Patiente"))
display(fr_table(camille, caption="Les décisions de Camille (inventées) sur vos 12 cas"))
print(f"Sur ces 12 cas, l'IA se trompe {int((camille_ia != camille_verite).sum())} fois : plus "
      f"souvent que sur tout le test ({int((suggestion_test != verite_test).sum())} erreurs sur "
      f"{len(verite_test)} patientes). Les cas ont été choisis pour l'exercice.")

# %% [markdown]
# ### Question 4 — Les changements d'avis (1 point)
#
# Comparez, ligne par ligne, « Camille seule » et « Camille avec l'IA ». Parmi les cas où
# Camille **a changé d'avis** en voyant la suggestion de l'IA, quelle part l'a rendue
# **fausse** ? Écrivez une division de deux nombres comptés dans le tableau (proportion entre
# 0 et 1).
#
# <details><summary>Indice 1</summary>
#
# Une part se lit « tant parmi combien ». Le « parmi » : les lignes où ses deux diagnostics
# (seule, puis avec l'IA) diffèrent.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Sur ces lignes seulement, comptez celles où elle passe de « juste » à « faux ». Une ligne où
# elle contredit l'IA sans changer d'avis n'en fait pas partie.
# </details>

# %% answer="part_camille_ia_fausse" session="formative"
part_camille_ia_fausse = ...
### BEGIN SOLUTION
part_camille_ia_fausse = 1 / 4
### END SOLUTION

# %% answer="part_camille_ia_fausse" session="evaluation"
part_camille_ia_fausse = ...
### BEGIN SOLUTION
_change = np.array(CAMILLE_SEULE) != np.array(CAMILLE_FINALE)
_vers_faux = _change & (np.array(CAMILLE_FINALE) != camille_verite)
part_camille_ia_fausse = float(_vers_faux.sum() / _change.sum())
### END SOLUTION

# %% tests="part_camille_ia_fausse" points=1 session="formative"
# Vérification de la question 4 : exécutez cette cellule.
checks.check_number(
    part_camille_ia_fausse,
    name="part_camille_ia_fausse",
    digest="ab00eefe9ef41a13",
    bounds=(0, 1),
    decimals=2,
    mistakes=[
        checks.Mistake(None, "c'est la part des changements d'avis qui l'ont rendue juste ; "
                       "la question demande ceux qui l'ont rendue fausse.",
                       digest="dba142ed7af42d1b"),
        checks.Mistake(None, "mauvais dénominateur : vous avez divisé par les 12 cas. Le groupe "
                       "de départ ne compte que les lignes où Camille a changé d'avis.",
                       digest="c8d89e9a1025a33d"),
        checks.Mistake(None, "groupe de départ faux : vous avez divisé par les cas où l'IA se "
                       "trompe. Le « parmi » : les lignes où Camille a changé d'avis, que l'IA "
                       "ait raison ou non.", digest="16f066c8b6b6082b"),
        checks.Mistake(None, "vous avez divisé les erreurs de l'IA par les 12 cas : la question "
                       "porte sur les changements d'avis de Camille, pas sur les erreurs de "
                       "l'IA.", digest="1cf8abc3f45b9099"),
        checks.Mistake(None, "fraction inversée : une part se lit « tant parmi combien », le "
                       "petit nombre en haut.", digest="94e5c779276eb394"),
        checks.Mistake(None, "vous avez divisé par les cas où Camille seule contredit l'IA. "
                       "Changer d'avis, c'est « Camille seule » différent de « Camille avec "
                       "l'IA ».", digest="e3931f1195097fd0"),
        checks.Mistake(None, "aucune ? Comparez, ligne par ligne, « Camille seule » et « Camille "
                       "avec l'IA » : un changement la rend-il fausse ?", digest="c64ec213278ec749"),
        checks.Mistake(None, "vous avez donné un nombre de cas, ou bien tous les changements "
                       "l'auraient rendue fausse : relisez le tableau, puis divisez par le "
                       "nombre de changements d'avis.", digest="b591bd46167d0195"),
    ],
    hint="Dénominateur : les lignes où « Camille seule » et « Camille avec l'IA » diffèrent ; "
    "numérateur : parmi elles, celles où elle passe de « juste » à « faux ».",
    success="sur quatre changements d'avis, trois l'ont rendue juste (l'IA avait raison) et un "
    "l'a rendue fausse : elle a abandonné une lecture juste pour suivre une IA qui se trompait "
    "(et qui affichait 97 % de confiance), "
    "c'est le biais d'automatisation. Goddard et al. (2014) comptent les mêmes passages "
    "« juste seul → faux avec l'aide », mais les rapportent à tous les cas (5,2 %) ; rapportée "
    "aux 12 cas, la bascule de Camille donne 1 sur 12. Une interne inventée, quelques cas "
    "choisis : un exemple, pas une mesure.",
)
### BEGIN HIDDEN TESTS
_seule = np.array([1, 0, 1, 1, 0, 1, 1, 0, 0, 0, 1, 1])
_finale = np.array([1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0])
_change = _seule != _finale
# Guard (hidden: these figures give the answer away): Camille's decisions are written by hand;
# if the split of the patients changed, the figures quoted by the text and the notes (9 and 11
# right of 12, AI errors on patients 2 and 12, changes of mind on 6, 9, 11 and 12, one of them
# towards « faux », patient 12) would no longer hold.
_faux_ia = camille_ia != camille_verite
assert (list(_seule), list(_finale)) == (CAMILLE_SEULE, CAMILLE_FINALE), "Camille: arrays"
assert ((_seule == camille_verite).sum(), (_finale == camille_verite).sum()) == (9, 11)
assert list(np.flatnonzero(_faux_ia) + 1) == [2, 12], "Camille: AI errors changed"
assert list(np.flatnonzero(_change) + 1) == [6, 9, 11, 12], "Camille: changes of mind"
assert list(np.flatnonzero(_change & (_finale != camille_verite)) + 1) == [12], "switch"
assert 0.95 < confiance_test[autres][11] < 0.99, "Camille: the confident AI error changed"
checks.check_number(part_camille_ia_fausse, name="part_camille_ia_fausse", decimals=2,
                    expected=float((_change & (_finale != np.array(camille_verite))).sum()
                                   / _change.sum()))
### END HIDDEN TESTS

# %% mistake="part_camille_ia_fausse" session="formative"
# message : changements d'avis qui l'ont rendue juste
part_camille_ia_fausse = 3 / 4

# %% mistake="part_camille_ia_fausse" session="formative"
# message : vous avez divisé par les 12 cas
part_camille_ia_fausse = 1 / 12

# %% mistake="part_camille_ia_fausse" session="formative"
# message : vous avez divisé par les cas où l'IA se trompe
part_camille_ia_fausse = 1 / 2

# %% mistake="part_camille_ia_fausse" session="formative"
# message : vous avez divisé les erreurs de l'IA par les 12 cas
part_camille_ia_fausse = 2 / 12

# %% mistake="part_camille_ia_fausse" session="formative"
# message : fraction inversée
part_camille_ia_fausse = 4 / 1

# %% mistake="part_camille_ia_fausse" session="formative"
# message : les cas où Camille seule contredit l'IA
part_camille_ia_fausse = 1 / 5

# %% mistake="part_camille_ia_fausse" session="formative"
# message : aucune ?
part_camille_ia_fausse = 0

# %% mistake="part_camille_ia_fausse" session="formative"
# message : vous avez donné un nombre de cas
part_camille_ia_fausse = 1

# %% mistake="part_camille_ia_fausse" session="formative"
# message : Écrivez la division sans guillemets
part_camille_ia_fausse = "1/4"

# %% tests="part_camille_ia_fausse" points=1 session="evaluation"
# Vérification de la question 4 : exécutez cette cellule.
checks.check_form(part_camille_ia_fausse, name="part_camille_ia_fausse", kind="number", decimals=2, bounds=(0, 1))
### BEGIN HIDDEN TESTS
_graine_q4 = checks.student_seed("09", announce=False)
# The copy's draw (n AI errors of 12, k of them read right by Camille alone, j of those given
# up for the AI, w other errors of hers, on AI-right cases, that the AI corrected): she changes
# her mind j + w times, j of them towards « faux »; the key is j / (j + w).
_cas_copie = ((2, 2, 1, 2), (3, 2, 1, 4), (3, 3, 1, 5), (3, 3, 2, 3), (3, 3, 2, 5))
_n4, _k4, _j4, _w4 = _cas_copie[np.random.default_rng([_graine_q4, 4]).integers(len(_cas_copie))]
# For the marker of the reflection (review d20b, lecturer 4): the copy's figures, printed in the
# graded copy (formgrader) before the check, whatever the answer.
print(f"Pour le correcteur (réflexion, critère 2a) : Camille change d'avis {_j4 + _w4} fois, dont {_j4} vers « faux » (clé {_j4}/{_j4 + _w4}) ; l'IA se trompe sur {_n4} des 12 cas ; seule, Camille en voit {_k4} juste et se trompe sur {_w4} autres cas ; sur les 12 cas, justes : {12 - _n4 + _k4 - _w4} seule, {12 - _n4 + _k4 - _j4} avec l'IA.")
_m4 = [
    checks.Mistake(_w4 / (_j4 + _w4), "c'est la part des changements d'avis qui l'ont rendue juste ; la question demande ceux qui l'ont rendue fausse."),
    checks.Mistake(_j4 / 12, "mauvais dénominateur : vous avez divisé par les 12 cas. Le groupe de départ ne compte que les lignes où Camille a changé d'avis."),
    checks.Mistake(_j4 / _n4, "groupe de départ faux : vous avez divisé par les cas où l'IA se trompe. Le « parmi » : les lignes où Camille a changé d'avis, que l'IA ait raison ou non."),
    checks.Mistake((_j4 + _w4) / _j4, "fraction inversée : une part se lit « tant parmi combien », le petit nombre en haut."),
    checks.Mistake(_j4 / (_k4 + _w4), "vous avez divisé par les cas où Camille seule contredit l'IA. Changer d'avis, c'est « Camille seule » différent de « Camille avec l'IA »."),
    checks.Mistake(0, "aucune ? Comparez, ligne par ligne, « Camille seule » et « Camille avec l'IA » : un changement la rend-il fausse ?"),
    checks.Mistake(_j4, "vous avez donné un nombre de cas, ou bien tous les changements l'auraient rendue fausse : relisez le tableau, puis divisez par le nombre de changements d'avis."),
]
# Two more slips (review d21, lecturer 6), named wherever their value is neither the copy's
# key nor another named mistake at two decimals: the formative key recited, 0,25, and the
# changes of mind over the 12 cases, (j + w) / 12.
for _valeur_q4, _texte_q4 in (
    (0.25, "0,25 ne vient pas de votre tableau : vos 12 cas et les décisions de Camille sont propres à votre copie. Recomptez dans votre tableau les changements d'avis, puis, parmi eux, ceux qui l'ont rendue fausse."),
    ((_j4 + _w4) / 12, "vous avez divisé le nombre de changements d'avis par les 12 cas : la question demande, parmi ces changements d'avis, la part qui a rendu Camille fausse."),
):
    if all(abs(round(_valeur_q4, 2) - round(_autre_q4, 2)) > 0.005 for _autre_q4 in [_j4 / (_j4 + _w4), *(_m.value for _m in _m4)]):
        _m4.append(checks.Mistake(_valeur_q4, _texte_q4))
# Another draw's key that is also this copy's key rounded one decimal too far (0,2 = 1/5 on
# the copies keyed 1/6) is as likely a miscount as a rounding: no « trop arrondi » (review
# d23, lecturer 7), a message that fits both.
for _autre_q4 in sorted({round(c / (c + d), 2) for _a, _b, c, d in _cas_copie}):
    if abs(_autre_q4 - round(_j4 / (_j4 + _w4), 1)) < 0.005 and abs(_autre_q4 - round(_j4 / (_j4 + _w4), 2)) > 0.005 and all(abs(_autre_q4 - round(_m.value, 2)) > 0.005 for _m in _m4):
        _m4.append(checks.Mistake(_autre_q4, "ce n'est pas la part de votre tableau : recomptez, ligne par ligne, les changements d'avis de Camille, puis, parmi eux, ceux qui l'ont rendue fausse, et écrivez la division elle-même (deux nombres comptés), pas un résultat arrondi."))
checks.check_number(part_camille_ia_fausse, name="part_camille_ia_fausse", expected=_j4 / (_j4 + _w4), decimals=2, mistakes=_m4, hint="Dénominateur : les lignes où « Camille seule » et « Camille avec l'IA » diffèrent ; numérateur : parmi elles, celles où elle passe de « juste » à « faux ».", success="la plupart des changements d'avis de Camille l'ont rendue juste (l'IA avait raison), mais pas tous : elle a abandonné des lectures justes pour suivre une IA qui se trompait, c'est le biais d'automatisation. Goddard et al. (2014) comptent les mêmes passages « juste seul → faux avec l'aide », mais les rapportent à tous les cas (5,2 %). Une interne inventée, quelques cas choisis : un exemple, pas une mesure.")
### END HIDDEN TESTS

# %% mistake="part_camille_ia_fausse" session="evaluation"
# message : changements d'avis qui l'ont rendue juste
_change = np.array(CAMILLE_SEULE) != np.array(CAMILLE_FINALE)
part_camille_ia_fausse = float((_change & (np.array(CAMILLE_FINALE) == camille_verite)).sum() / _change.sum())

# %% mistake="part_camille_ia_fausse" session="evaluation"
# message : vous avez divisé par les 12 cas
_change = np.array(CAMILLE_SEULE) != np.array(CAMILLE_FINALE)
part_camille_ia_fausse = float((_change & (np.array(CAMILLE_FINALE) != camille_verite)).sum() / 12)

# %% mistake="part_camille_ia_fausse" session="evaluation"
# message : vous avez divisé par les cas où l'IA se trompe
_change = np.array(CAMILLE_SEULE) != np.array(CAMILLE_FINALE)
part_camille_ia_fausse = float((_change & (np.array(CAMILLE_FINALE) != camille_verite)).sum() / (camille_ia != camille_verite).sum())

# %% mistake="part_camille_ia_fausse" session="evaluation"
# message : on attend une proportion
_change = np.array(CAMILLE_SEULE) != np.array(CAMILLE_FINALE)
part_camille_ia_fausse = float(_change.sum() / (_change & (np.array(CAMILLE_FINALE) != camille_verite)).sum())

# %% mistake="part_camille_ia_fausse" session="evaluation"
# message : les cas où Camille seule contredit l'IA
_change = np.array(CAMILLE_SEULE) != np.array(CAMILLE_FINALE)
part_camille_ia_fausse = float((_change & (np.array(CAMILLE_FINALE) != camille_verite)).sum() / (np.array(CAMILLE_SEULE) != camille_ia).sum())

# %% mistake="part_camille_ia_fausse" session="evaluation"
# message : on attend une proportion entre 0 et 1
part_camille_ia_fausse = 2

# %% mistake="part_camille_ia_fausse" session="evaluation"
# message : aucune ?
part_camille_ia_fausse = 0

# %% mistake="part_camille_ia_fausse" session="evaluation"
# message : ne vient pas de votre tableau
part_camille_ia_fausse = 0.25

# %% mistake="part_camille_ia_fausse" session="evaluation"
# message : nombre de changements d'avis par les 12 cas
part_camille_ia_fausse = float((np.array(CAMILLE_SEULE) != np.array(CAMILLE_FINALE)).sum() / 12)

# %% jupyter={"source_hidden": true} reveal="part_camille_ia_fausse" session="formative"
# Inutile de lire ce code (replié) : le bilan de Camille, quand la question 4 a dit « juste ».
if checks.passed("part_camille_ia_fausse"):
    faux = camille_ia != camille_verite
    for nom, decisions in (("IA seule", camille_ia), ("Camille seule", CAMILLE_SEULE),
                           ("Camille avec l'IA", CAMILLE_FINALE)):
        d = np.array(decisions)
        print(f"{nom} : {(d == camille_verite).sum()} justes sur 12 ; quand l'IA se trompe, "
              f"{((d == camille_verite) & faux).sum()} sur {faux.sum()} ; cancers manqués : "
              f"{((d == 0) & (camille_verite == 1)).sum()} sur {(camille_verite == 1).sum()}.")
    for k in np.flatnonzero(faux & (np.array(CAMILLE_SEULE) == camille_verite)
                            & (np.array(CAMILLE_FINALE) != camille_verite)):
        print(f"Patiente {k + 1} : Camille avait vu juste seule "
              f"({diagnostic[camille_verite[k]]}) ; elle a suivi l'IA, qui disait "
              f"{diagnostic[camille_ia[k]]}.")
    manques = [int(((np.array(d) == 0) & (camille_verite == 1)).sum())
               for d in (CAMILLE_SEULE, CAMILLE_FINALE)]
    alertes = [int(((np.array(d) == 1) & (camille_verite == 0)).sum())
               for d in (CAMILLE_SEULE, CAMILLE_FINALE)]
    print(f"Sur les 12 cas, son gain avec l'IA vient des fausses alertes évitées ({alertes[0]} "
          f"seule, {alertes[1]} avec l'IA) : elle manque autant de cancers avec l'IA que seule "
          f"({manques[1]} et {manques[0]} sur {(camille_verite == 1).sum()}).")
else:
    print("Le bilan s'affichera ici quand la vérification de la question 4 aura dit « juste » : "
          "relancez alors cette cellule (en séance évaluée, il reste masqué).")

# %% jupyter={"source_hidden": true} reveal="part_camille_ia_fausse" session="evaluation"
# Inutile de lire ce code (replié) : le bilan de Camille, quand la question 4 a dit « juste ».
if checks.passed("part_camille_ia_fausse"):
    faux = camille_ia != camille_verite
    for nom, decisions in (("IA seule", camille_ia), ("Camille seule", CAMILLE_SEULE),
                           ("Camille avec l'IA", CAMILLE_FINALE)):
        d = np.array(decisions)
        print(f"{nom} : {(d == camille_verite).sum()} justes sur 12 ; quand l'IA se trompe, "
              f"{((d == camille_verite) & faux).sum()} sur {faux.sum()} ; cancers manqués : "
              f"{((d == 0) & (camille_verite == 1)).sum()} sur {(camille_verite == 1).sum()}.")
    for k in np.flatnonzero(faux & (np.array(CAMILLE_SEULE) == camille_verite)
                            & (np.array(CAMILLE_FINALE) != camille_verite)):
        print(f"Patiente {k + 1} : Camille avait vu juste seule "
              f"({diagnostic[camille_verite[k]]}) ; elle a suivi l'IA, qui disait "
              f"{diagnostic[camille_ia[k]]}.")
    manques = [int(((np.array(d) == 0) & (camille_verite == 1)).sum())
               for d in (CAMILLE_SEULE, CAMILLE_FINALE)]
    alertes = [int(((np.array(d) == 1) & (camille_verite == 0)).sum())
               for d in (CAMILLE_SEULE, CAMILLE_FINALE)]
    print(f"Sur les 12 cas : fausses alertes {alertes[0]} seule, {alertes[1]} avec l'IA ; "
          f"cancers manqués {manques[0]} seule, {manques[1]} avec l'IA, sur "
          f"{(camille_verite == 1).sum()} cancers.")
else:
    print("Le bilan s'affichera ici quand la vérification de la question 4 aura dit « juste » : "
          "relancez alors cette cellule (en séance évaluée, il reste masqué).")

# %% [markdown]
# ## 5. Ce que dit le droit

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : les textes, tirés de la bibliothèque du cours.
for cle in ("L4001-3", "IA 14"):  # le calendrier (article 113) : deux dates, dans le texte
    ref = reference(cle)
    display(Markdown(f"**{ref.citation}** ({ref.date_label}) — {ref.summary}"))
print(f"Résumés, pas des citations, à jour au {LEGAL_FACTS_LAST_CHECKED:%d/%m/%Y} d'après des "
      "copies des textes publiées en ligne : Légifrance et EUR-Lex font foi.")

# %% [markdown]
# - **France** (article L. 4001-3) : tout professionnel de santé (médecin, sage-femme,
#   kinésithérapeute, infirmier·e, pharmacien·ne…) qui **décide d'utiliser**, pour un acte de
#   prévention, de diagnostic ou de soin, un dispositif médical dont l'algorithme a appris sur
#   des données massives s'assure que la patiente en est **informée**. Un arrêté, non vérifié
#   ici, fixe les dispositifs visés.
# - **Europe** : l'IA qui est un dispositif médical évalué par un organisme notifié (article 6)
#   et des usages comme le tri des urgences (annexe III) sont **à haut risque**. L'**article
#   14** demandera qu'elle soit **conçue** pour qu'on **puisse** passer outre, conscient du
#   biais d'automatisation : dès le 2 décembre 2027 (annexe III) et le 2 août 2028
#   (dispositifs médicaux), selon le règlement (UE) 2026/1744 (voir les Sources).
#
# > **En bref.** Aujourd'hui, si vous décidez d'utiliser un dispositif visé (par exemple une
# > aide à la lecture des mammographies, apprise sur de très nombreux clichés), informez la
# > patiente et gardez votre jugement ; dès 2027–2028, l'outil devra permettre de passer outre.

# %% [markdown] session="formative"
# ### Question 5 — Ce que demandent les textes (1 point, note partielle)
#
# Pour chaque phrase, écrivez `"oui"` si elle est vraie d'après ces textes, `"non"` sinon :
#
# - **information** : un médecin décide d'utiliser un dispositif visé par l'article L. 4001-3
#   pour un diagnostic, puis ne suit pas sa suggestion ; il doit quand même s'assurer que la
#   patiente a été informée de cet usage ;
# - **quand** : l'article 14 fixe les cas où le soignant doit passer outre ;
# - **dispositif** : une IA qui est un dispositif médical évalué par un organisme notifié doit
#   respecter l'article 14 au moment de sa mise sur le marché, en janvier 2028.
#
# Même notation qu'à la question 3.
#
# <details><summary>Indice 1</summary>
#
# Pour chaque phrase, cherchez qui le texte oblige (le professionnel, l'outil), à quoi, et à
# partir de quand.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Pour L. 4001-3 : qu'est-ce qui déclenche l'obligation d'informer ? Pour les dates : de quelle
# catégorie (annexe III ou dispositif médical) relève chaque outil ?
# </details>

# %% answer="lecture_droit" session="formative"
lecture_droit = {"information": ..., "quand": ..., "dispositif": ...}
### BEGIN SOLUTION
lecture_droit = {"information": "oui", "quand": "non", "dispositif": "non"}
### END SOLUTION

# %% tests="lecture_droit" points=1 session="formative"
# Vérification de la question 5 : exécutez cette cellule.
PISTES_Q5 = (
    "où relire, phrase par phrase, qu'elle soit juste ou non. « Information » : le point "
    "« France », sous les textes. « Quand » : le point « Europe », sur l'article 14. "
    "« Dispositif » : les dates du point « Europe », puis l'encadré « En bref »."
)
checks.check_choices(
    lecture_droit,
    name="lecture_droit",
    options=["oui", "non"],
    digests={"information": "343c96dbc078d89c", "quand": "9a5f4147f3f6f95e",
             "dispositif": "66d5cdb5a707e951"},
    # Une seule piste, la même pour tout item faux, sur les quatre phrases (une piste par item
    # faux désignait l'item, donc sa réponse, quand il n'en restait qu'un).
    mistakes={
        key: [checks.Mistake(None, PISTES_Q5, digest=digest)]
        for key, digest in [("information", "3380b145aad9a1df"), ("quand", "5f95cb5a42034e73"),
                            ("dispositif", "08fcf529b8c3a749")]
    },
    success=("l'obligation d'informer naît de la décision d'utiliser l'outil, pas de celle de le "
             "suivre ; l'article 14 porte sur la conception de l'outil, et aucun texte ne dit "
             "quand passer outre : c'est le jugement du soignant. Un dispositif médical suit le "
             "2 août 2028, pas le 2 décembre 2027 de l'annexe III : en janvier 2028, l'article "
             "14 ne s'impose pas encore à lui."),
    points=1,
)
### BEGIN HIDDEN TESTS
checks.check_choices(
    lecture_droit,
    name="lecture_droit",
    options=["oui", "non"],
    expected={"information": "oui", "quand": "non", "dispositif": "non"},
    points=1,
)
### END HIDDEN TESTS

# %% mistake="lecture_droit" session="formative"
# message : le point « France », sous les textes
lecture_droit = {"information": "non", "quand": "non", "dispositif": "non"}

# %% mistake="lecture_droit" session="formative"
# message : sur l'article 14
lecture_droit = {"information": "oui", "quand": "oui", "dispositif": "non"}

# %% mistake="lecture_droit" session="formative"
# message : les dates du point « Europe »
lecture_droit = {"information": "oui", "quand": "non", "dispositif": "oui"}

# %% [markdown] session="evaluation"
# ### Question 5 — Ce que demandent les textes (1 point, note partielle)
#
# Pour chaque phrase affichée ci-dessous, `"oui"` si elle est vraie d'après ces textes,
# `"non"` sinon. Le nombre de phrases vraies varie d'une copie à l'autre. Même notation qu'à
# la question 3.

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : les phrases de la question 5, tirées de votre graine.


# Dans une fonction : seules les deux phrases de votre copie restent dans le noyau.
def _enonces_q5():
    from esn_teach.datasets._wdbc_tasks import _question_5_statements

    return _question_5_statements(GRAINE)


ENONCES_Q5 = _enonces_q5()
display(Markdown("\n".join(f"- **{cle}** : {texte}{fin}" for (cle, texte), fin in zip(
    ENONCES_Q5.items(), (" ;", "."), strict=True))))
print("Question 5 : ces deux phrases sont propres à votre copie.")

# %% [markdown] session="evaluation"
# <details><summary>Indice 1</summary>
#
# Pour chaque phrase, cherchez qui le texte oblige (le professionnel, le concepteur, l'outil),
# à quoi, et pour quels actes.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Relisez le point « France », puis celui sur l'article 14 : conception de l'outil, ou moment
# où passer outre ?
# </details>

# %% answer="lecture_droit" session="evaluation"
lecture_droit = {"information": ..., "quand": ...}
### BEGIN SOLUTION
import hashlib

from esn_teach.datasets._wdbc_tasks import _question_5_statements

# The copy's keys: the digests of the true statements of the two reserves (as in the hidden
# test).
_VRAIES_Q5 = {"0dab5de9931c", "0ef53d16e61c", "84f2d3d6630e", "94731a0ab2c4"}
lecture_droit = {cle: "oui" if hashlib.sha256(texte.encode()).hexdigest()[:12] in _VRAIES_Q5 else "non" for cle, texte in _question_5_statements(GRAINE).items()}
### END SOLUTION

# %% tests="lecture_droit" points=1 session="evaluation"
# Vérification de la question 5 : exécutez cette cellule.
checks.check_form(lecture_droit, name="lecture_droit", kind="choices", options=["oui", "non"], items=["information", "quand"])
### BEGIN HIDDEN TESTS
import hashlib

from esn_teach.datasets._wdbc_tasks import _question_5_statements as _enonces_q5h

# The copy's keys, kept here (the release strips this block), not in the installed package,
# which gives texts only, never the indices drawn: the digests (sha256, first 12 hex digits)
# of the four true statements of the package's two reserves (two true, two false each), keyed
# by text, not by position (review d20b, lecturer 2). Review d21 (lecturer 1): the items on
# tools A and B, keyed on Regulation (EU) 2026/1744's application dates (read in published
# summaries, not in the adopted text), are withdrawn: no graded item depends on that
# regulation. The two items rest on L. 4001-3 (Légifrance) and on article 14 of Regulation
# (EU) 2024/1689 as adopted (EUR-Lex).
cle = bon = None  # this cell's comprehension names, bound here
_VRAIES_Q5H = {"0dab5de9931c", "0ef53d16e61c", "84f2d3d6630e", "94731a0ab2c4"}
_textes_q5h = _enonces_q5h(checks.student_seed("09", announce=False))
_attendu_q5 = {cle: "oui" if hashlib.sha256(texte.encode()).hexdigest()[:12] in _VRAIES_Q5H else "non" for cle, texte in _textes_q5h.items()}
# One reason per item (review d20, lecturer 5): after grading there is no second try to
# protect, and the returned feedback names each wrong item with its own reason.
_raison_q5 = {
    "information": "l'article L. 4001-3 oblige le professionnel de santé qui décide d'utiliser l'outil, pour un acte de prévention, de diagnostic ou de soin, à s'assurer que la personne en est informée ; il demande aussi aux concepteurs que le fonctionnement soit explicable pour les utilisateurs. Relisez qui la phrase oblige, à quoi, et pour quels actes.",
    "quand": "l'article 14 porte sur la conception de l'outil : la personne qui le contrôle doit pouvoir ne pas l'utiliser ou passer outre à ses résultats. Il ne fixe ni un seuil de confiance ni les cas où passer outre : c'est le jugement du soignant.",
}
checks.check_choices(lecture_droit, name="lecture_droit", options=["oui", "non"], expected=_attendu_q5, mistakes={cle: [checks.Mistake("non" if bon == "oui" else "oui", _raison_q5[cle])] for cle, bon in _attendu_q5.items()}, success="l'article L. 4001-3 oblige le professionnel de santé qui décide d'utiliser l'outil, pour un acte de prévention, de diagnostic ou de soin, à s'assurer que la personne en est informée, et les concepteurs à rendre son fonctionnement explicable ; l'article 14 porte sur la conception de l'outil (pouvoir ne pas l'utiliser ou passer outre, rester conscient du biais d'automatisation), et aucun texte ne dit quand passer outre : c'est le jugement du soignant.", points=1)
### END HIDDEN TESTS

# %% mistake="lecture_droit" session="evaluation"
# message : Relisez qui la phrase oblige
import hashlib

from esn_teach.datasets._wdbc_tasks import _question_5_statements

# The copy's keys (as in the solution), then the other answer on one item.
_VRAIES_Q5 = {"0dab5de9931c", "0ef53d16e61c", "84f2d3d6630e", "94731a0ab2c4"}
lecture_droit = {cle: "oui" if hashlib.sha256(texte.encode()).hexdigest()[:12] in _VRAIES_Q5 else "non" for cle, texte in _question_5_statements(GRAINE).items()}
lecture_droit["information"] = "non" if lecture_droit["information"] == "oui" else "oui"

# %% mistake="lecture_droit" session="evaluation"
# message : ni les cas où passer outre
import hashlib

from esn_teach.datasets._wdbc_tasks import _question_5_statements

# The copy's keys (as in the solution), then the other answer on one item.
_VRAIES_Q5 = {"0dab5de9931c", "0ef53d16e61c", "84f2d3d6630e", "94731a0ab2c4"}
lecture_droit = {cle: "oui" if hashlib.sha256(texte.encode()).hexdigest()[:12] in _VRAIES_Q5 else "non" for cle, texte in _question_5_statements(GRAINE).items()}
lecture_droit["quand"] = "non" if lecture_droit["quand"] == "oui" else "oui"

# %% [markdown]
# ## À retenir
#
# - L'**importance par permutation** mesure ce que perd le modèle quand on brouille une
#   colonne ; elle **varie** d'un mélange à l'autre et selon les patientes.

# %% [markdown] reveal="pari_temoin"
# - Des mesures corrélées se partagent l'importance : mélangez-les ensemble.

# %% [markdown] reveal="lecture_courbe"
# - Une explication décrit le **modèle**, en moyenne, pas la **cause**.

# %% [markdown] reveal="part_camille_ia_fausse"
# - L'IA peut améliorer l'exactitude globale et la dégrader sur ses erreurs : mesurez les deux.

# %% [markdown] reveal="lecture_droit"
# - L'article 14 **demandera** (2 décembre 2027, 2 août 2028) un outil qu'on peut contredire,
#   pas **quand** le contredire : c'est votre jugement.

# %% [markdown]
# ## Après la séance
#
# ### Le simulateur : l'IA suggère, vous tranchez (sans points)
#
# Voici 12 autres patientes du test, choisies comme celles de Camille : trois mesures et leurs
# valeurs **typiques** (médianes bénignes et malignes de l'apprentissage). L'IA lit les **six**
# mesures et affiche sa confiance. Pour chaque cas :
#
# 1. choisissez **votre lecture, sans l'IA** (menu 1) ; ce choix est ensuite fixé ;
# 2. lisez la suggestion de l'IA et sa confiance, puis **suivez-la ou passez outre** (menu 2) ;
# 3. passez au cas suivant (curseur ; au clavier, les **flèches**).
#
# À la fin, un tableau compare l'IA seule, vous seul·e, et vous avec l'IA (comparez-vous à
# Camille) ; un second compte à part les **cancers manqués** (la patiente repart rassurée) et
# les **fausses alertes** (un examen de plus) : ils ne pèsent pas pareil (non-malfaisance).

# %% jupyter={"source_hidden": true} session="formative"
# Inutile de lire ce code (replié) : il prépare les 12 cas du simulateur, choisis en
# section 4 (le nombre d'erreurs de l'IA n'est pas annoncé : à vous de les repérer).
MONTREES = ["rayon", "texture", "points concaves"]
cas_mesures = X_test.iloc[choisis][MONTREES].reset_index(drop=True)
cas_verite = verite_test[choisis]
cas_ia = suggestion_test[choisis]
cas_confiance = confiance_test[choisis]
typiques = X_app[MONTREES].groupby(y_app.to_numpy()).median()
typiques.index = ["Bénin typique (médiane)", "Malin typique (médiane)"]
print(f"Les {len(cas_verite)} cas du simulateur sont prêts : exécutez la cellule suivante.")
# Review d23 (student 6): the warning about chosen cases, in both sessions.
print(f"Attention : ces cas ont été choisis pour que l'IA s'y trompe plus souvent que sur tout "
      f"le test ({int((suggestion_test != verite_test).sum())} erreurs sur {len(verite_test)} "
      f"patientes, soit {fr_number(100 * (suggestion_test != verite_test).mean(), 0)} %) : vos "
      "résultats ne mesurent ni l'IA ni vous-même.")

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : il prépare les 12 cas du simulateur, choisis en
# section 4 (dans le test, et au besoin la validation ; le nombre d'erreurs de l'IA n'est pas
# annoncé : à vous de les repérer).
MONTREES = ["rayon", "texture", "points concaves"]
cas_mesures = pd.concat([X_test, X_val]).iloc[choisis][MONTREES].reset_index(drop=True)
p_cas = np.concatenate([p_test, modele.predict_proba(X_val)[:, 1]])[choisis]
cas_verite = np.concatenate([verite_test, y_val.to_numpy()])[choisis]
cas_ia = (p_cas >= 0.5).astype(int)
cas_confiance = np.maximum(p_cas, 1 - p_cas)
typiques = X_app[MONTREES].groupby(y_app.to_numpy()).median()
typiques.index = ["Bénin typique (médiane)", "Malin typique (médiane)"]
print(f"Les {len(cas_verite)} cas du simulateur sont prêts : exécutez la cellule suivante.")
# Review d23 (student 6): the warning about chosen cases, in both sessions.
print(f"Attention : ces cas ont été choisis pour que l'IA s'y trompe plus souvent que sur tout "
      f"le test ({int((suggestion_test != verite_test).sum())} erreurs sur {len(verite_test)} "
      f"patientes, soit {fr_number(100 * (suggestion_test != verite_test).mean(), 0)} %) : vos "
      "résultats ne mesurent ni l'IA ni vous-même.")

# %%
# Le simulateur : choisissez avec les menus, passez d'un cas à l'autre avec le curseur.
simulateur = AiSuggestionExplorer(cas_mesures, cas_verite, cas_ia, cas_confiance,
                                  reference=typiques, digits=3)
display(simulateur)

# %% [markdown]
# ### Réflexion — Quand passer outre le modèle ? (3 points, notée, après la séance)
#
# À rédiger après la séance, à rendre comme l'indique votre enseignant·e (par exemple un
# devoir Moodle), avant la date annoncée. En 10 à 15 lignes, depuis votre futur métier (par
# exemple, en radiologie, une aide à la lecture des mammographies) : quand un
# soignant doit-il passer outre la suggestion du modèle ? Appuyez-vous sur **un chiffre** avec son dénominateur, en disant ce
# qu'il vaut comme preuve (vos résultats du simulateur ou ceux de Camille, sur des cas choisis ;
# ou une étude citée dans « Pour aller plus loin »), sur ce que les explications du modèle
# montrent **et ne montrent pas**. Enfin, prenez **une patiente de votre tableau de Camille**
# (nommez-la par son numéro) et dites ce que vous lui diriez : qu'un outil a servi, ce qu'il a
# suggéré, ce que le soignant a décidé et pourquoi, et qui décide. Sa confiance n'est pas
# exigée ; si vous la citez, dites ce qu'elle ne garantit pas (un score du modèle, pas une
# probabilité vérifiée).
#
# **Transposer à votre métier (permis).** Si votre métier n'annonce pas ce diagnostic, écrivez
# depuis le vôtre, avec un outil de votre métier : en kinésithérapie, une analyse automatisée
# de la marche qui estime un risque de chute ; en pharmacie, l'alerte d'interaction d'un
# logiciel d'aide à la dispensation ; en soins infirmiers, un score d'alerte de dégradation
# d'un patient hospitalisé. Pour la dernière partie, gardez le numéro et la ligne d'une
# patiente de votre tableau (l'IA juste ou fausse, ce qu'a décidé Camille) et dites ce que
# vous diriez à un patient de votre métier si votre outil faisait la même suggestion, juste ou
# fausse, et que vous décidiez de même.
#
# **Comment elle est notée** (trois critères, chacun sur 1 point) :
#
# 1. **deux raisons précises** de passer outre (la confiance affichée comptée avec sa limite) ;
# 2. **un chiffre juste avec son « parmi qui » et ce qu'il vaut comme preuve**, et **une
#    limite** des explications ;
# 3. **la patiente informée**, une patiente de **votre** tableau (ou sa transposition) :
#    l'outil, sa suggestion, la décision et sa raison (une confiance citée l'est avec sa
#    limite), et qui décide.

# %% [markdown] written="reflexion_passer_outre" points=3
# ### BEGIN SOLUTION
# *Guide de correction (enseignants ; retiré de la version étudiante).* Trois critères, chacun
# noté **0**, **0,5** ou **1** point. La réflexion est rédigée après la séance et rendue à part
# (par exemple un devoir Moodle) ; sa note se saisit à la main dans le formgrader, sur cette
# cellule de la copie ramassée. **Les chiffres de Camille de chaque copie** sont écrits pour
# vous dans la sortie du test caché de la question 4 (copie corrigée, formgrader) : « Pour le
# correcteur : … changements d'avis, dont … vers « faux » … ».
#
# **Les chiffres de la copie.** En séance évaluée, chaque copie a ses propres cas : les
# chiffres de Camille que l'étudiant peut citer sont dans **sa** copie corrigée, au tableau
# « Les décisions de Camille (inventées) sur vos 12 cas » (section 4 : vérité, IA et sa
# confiance, Camille seule, Camille avec l'IA) et, si la question 4 est juste, dans le bilan
# affiché juste après elle ; ceux du simulateur, dans ses tableaux finaux (12 cas, dont 3 où
# l'IA se trompe : 2 cancers manqués et 1 fausse alerte, dans toutes les copies). Les chiffres cités ci-dessous sont ceux de la version formative : sur une copie
# évaluée, jugez un chiffre juste s'il est juste **pour les cas de cette copie**.
#
# **La grille en cinq éléments** (détails plus bas ; chaque élément se juge seul, sans regarder
# les autres) :
#
# | Élément | Points |
# |---|---|
# | 1. Deux raisons précises de passer outre, la confiance comptée avec sa limite | 1 ; une seule, ou vagues : 0,5 ; « toujours » ou « jamais » : 0 |
# | 2a. Un chiffre juste, avec son groupe (« parmi qui ») et sa portée | 0,5 ou 0 |
# | 2b. Une limite juste des explications | 0,5 ou 0 |
# | 3a. Une patiente **du tableau de la copie** (son numéro ; ou sa transposition à un outil du métier de l'étudiant) informée de l'outil, de sa suggestion (juste pour cette copie), de la décision et de sa raison ; une confiance citée l'est avec ce qu'elle ne garantit pas | 0,5 ou 0 |
# | 3b. Qui décide (le professionnel, ou la décision prise avec la patiente) | 0,5 ou 0 |
#
# Total sur 3 : critère 1 + 2a + 2b + 3a + 3b (les critères 2 et 3 ci-dessous donnent le détail
# de leurs deux éléments).
#
# **Critère 1 — Des raisons concrètes de passer outre**,
# valeur V5 — Utilisation responsable et éclairée (savoir quand ne pas suivre l'outil).
#
# - **1** : au moins deux situations précises : désaccord entre la suggestion et l'examen
#   clinique ou les autres examens (imagerie, histologie) ; confiance basse de l'IA, comptée
#   **seulement** avec sa limite (un score non vérifié : une confiance haute ne garantit rien ;
#   en formatif, les deux erreurs de l'IA chez Camille s'affichaient avec une confiance élevée ;
#   en séance évaluée, voir la colonne de confiance du tableau de la copie) ; patiente
#   différente de celles de l'apprentissage (module 08) ; mesure absente ou aberrante. La copie
#   ne conclut pas « toujours » ni « jamais ». (Dire que passer outre se documente et se
#   discute est un plus, non exigé : l'énoncé ne le demande pas.)
# - **0,5** : une seule situation, ou des situations vagues (« quand on n'est pas d'accord »).
# - **0** : « l'IA a toujours raison » ou « il faut toujours ignorer l'IA », sans argument.
#
# **Critère 2 — Un chiffre juste, avec son dénominateur et sa portée, et une limite des
# explications**, valeur V4 — Prudence, esprit critique et inclusivité. Cherchez deux éléments
# dans la copie.
#
# - **(a) Un chiffre juste, avec son « parmi qui » et ce qu'il vaut comme preuve.** Le nombre et
#   le groupe dont il est la part, écrits tous deux, **et** sa portée :
#   - chiffres de Camille (formatif : quand l'IA se trompe, 2 sur 2 justes seule, 1 sur 2 avec
#     l'IA ; 1 changement d'avis sur 4 vers « faux » ; copie évaluée : ceux de sa ligne « Pour
#     le correcteur », par exemple 2 changements d'avis sur 5 vers « faux » ; sur les 12 cas : 9 seule, 11 avec l'IA) ou du simulateur
#     (avec le nombre de cas, 12) : acquis seulement si la copie dit que ce sont des
#     décisions inventées, ou des cas choisis pour que l'IA se trompe souvent, ou un tout petit
#     nombre de cas (« un exemple, pas une mesure ») ;
#   - chiffres publiés, cités dans le module, avec leur population : Goddard et al. (2014),
#     26 médecins généralistes, passages « juste → faux » dans 5,2 % des cas, exactitude de
#     50,38 % à 58,27 % avec l'aide ; Dratsch et al. (2023), 27 radiologues dont l'exactitude
#     baisse avec des catégories BI-RADS fausses.
#   Même numérateur, autre dénominateur : Goddard et al. rapportent les passages « juste →
#   faux » à **tous** les cas (5,2 %), la question 4 aux seuls changements d'avis (1 sur 4 ;
#   rapportée aux 12 cas, la bascule de Camille donne 1 sur 12). Comparer 1 sur 4 à 5,2 %
#   sans dire que les dénominateurs diffèrent : (a) **non** acquis.
#   Un chiffre sans son groupe, un chiffre faux, ou un chiffre de Camille ou du simulateur
#   présenté comme une mesure (sans sa portée) n'est **pas** acquis.
# - **(b) Une limite des explications, nommée et juste** : au moins une de ces quatre, avec ses
#   mots ou ceux du module : l'explication décrit le modèle, pas la cause de la maladie ; des
#   mesures corrélées se partagent l'importance (le rayon seul paraît peu utilisé ; la taille se
#   mesure en groupe) ; l'importance varie d'un mélange à l'autre et selon les patientes ; la
#   dépendance partielle est une moyenne, sur des noyaux parfois invraisemblables. (b) est
#   acquis dès qu'une limite juste est nommée. Il n'est **pas** acquis si la copie présente une
#   explication comme une preuve biologique. « Le modèle regarde surtout les points concaves »,
#   sans « mesure par mesure », est une imprécision à commenter (la section 2 la corrige), pas à
#   sanctionner.
# - Note : **1** si (a) et (b) ; **0,5** si l'un des deux seulement ; **0** si aucun.
#
# Pour des étudiants en droit ou en gestion, accepter un point de vue non clinique au critère 1
# (procédure de l'établissement, traçabilité de la décision), avec le même niveau de précision.
# **Transposition à un autre métier** (permise par l'énoncé, d23) : kinésithérapie (analyse
# automatisée de la marche, risque de chute), pharmacie (alerte d'interaction d'un logiciel
# d'aide à la dispensation), soins infirmiers (score d'alerte de dégradation), maïeutique, etc.
# Les critères sont les mêmes, appliqués à l'outil du métier ; une copie transposée n'est
# jamais pénalisée pour avoir quitté la cytoponction.
#
# **Critère 3 — Transparence envers la patiente**, valeurs V6 — Intégrité et transparence et
# V1 — Priorité à la relation humaine, et principe d'autonomie du CENS.
#
# - **1** : la patiente est informée qu'un outil a servi, en mots simples, avec ce que l'outil a
#   suggéré, ce que le soignant a décidé et pourquoi ; et qui décide. Deux formulations sont
#   justes : « le professionnel pose le diagnostic et en répond » (pour les médecins, article
#   R. 4127-69 du code de la santé publique : « chaque médecin est responsable de ses décisions
#   et de ses actes ») ; « la décision de soins se
#   prend avec la patiente, qui peut consentir ou refuser » (article L. 1111-4 du code de la
#   santé publique : « Toute personne prend, avec le professionnel de santé […], les décisions
#   concernant sa santé », et peut refuser un traitement ; principe d'autonomie du CENS).
#   Accepter l'une ou l'autre, ou les deux ; « la machine décide » n'est pas acceptable.
#   Deux textes : l'article L. 4001-3 du code de la santé publique impose d'informer de
#   l'**usage** de l'outil (pour les dispositifs qu'il vise) et, le cas échéant, de
#   l'interprétation qui en résulte ; le **contenu** (ce qui est proposé, pourquoi, les autres
#   solutions) relève du devoir général d'information, article L. 1111-2 du même code. Citer
#   les textes n'est pas exigé ; distinguer les deux (étudiants en droit) est un plus.
#   L'article 14 du règlement européen sur l'IA ne compte pas ici : c'est une obligation de
#   conception du fournisseur (que le contrôle humain soit possible) ; le déployeur confie ce
#   contrôle à des personnes compétentes (article 26) ; ni l'un ni l'autre n'est une
#   information de la patiente.
# - **3a (0,5)** : l'information avec son contenu, pour **une patiente du tableau de Camille de
#   cette copie**, nommée par son numéro (d22 : un texte générique ne peut pas l'obtenir) : un
#   outil a servi, ce qu'il a suggéré, ce que le soignant a décidé et pourquoi. Vérifiez la
#   suggestion sur la ligne de cette patiente, dans le tableau « Les décisions de Camille
#   (inventées) sur vos 12 cas » de la copie ramassée (elle diffère d'une copie à l'autre).
#   **La confiance n'est pas exigée** (d23 : le module enseigne que ce n'est pas une
#   probabilité vérifiée). Si la copie cite un chiffre de confiance, elle doit dire aussi ce
#   qu'il ne garantit pas (« l'outil peut se tromper en se disant sûr », « un score du modèle,
#   pas une probabilité vérifiée ») et le chiffre doit être celui de la ligne ; un chiffre cité
#   sans cette réserve, ou faux pour cette copie : 0. Copie **transposée** à un autre métier :
#   le numéro de la patiente et sa ligne (IA juste ou fausse, décision de Camille) doivent
#   correspondre à la copie ; l'outil, la suggestion, la décision et sa raison sont ceux de
#   l'outil du métier. Une suggestion fausse pour cette copie, une patiente sans numéro, ou une
#   information sans contenu (« un logiciel a été utilisé ») :
#   0. **3b (0,5)** : qui décide, dans l'une des deux formulations ci-dessus.
# - Rien sur la patiente : 0.
#
# **Copie exemple** (étudiante infirmière), notée **deux points sur 3** :
#
# > « Je passerais outre quand la suggestion contredit ce que je vois chez la patiente, ou quand
# > l'IA annonce une confiance basse, sans m'y fier pour autant : une confiance n'est pas une
# > probabilité vérifiée, et l'IA peut se tromper en se disant sûre. Quand l'IA se trompait,
# > Camille voyait juste seule plus souvent qu'avec l'IA (le tableau de ma copie le montre
# > ligne par ligne). Les explications montrent que le
# > modèle regarde surtout les points concaves, ce qui ne prouve pas qu'ils causent le cancer.
# > Je dirais à la patiente qu'un logiciel a été utilisé et que le médecin a tranché. »
#
# Notation : critère 1, **1** (deux situations précises, la confiance avec sa limite) ; critère 2, **0,5** (2a non acquis :
# la copie compare Camille seule et avec l'IA sur son groupe (les cas où l'IA se trompe), mais
# sans chiffre, et la présente comme une mesure, sans dire que ses décisions sont inventées,
# sur quelques cas ; 2b acquis : « ne prouve pas qu'ils causent » ;
# commenter « surtout les points concaves », vrai mesure par mesure seulement) ; critère 3,
# **0,5** (3a non acquis : l'outil est dit, mais ni ce que l'outil a suggéré ni pourquoi le
# médecin a tranché ; 3b acquis : « le médecin a tranché »).
#
# **Copie exemple notée 1 sur 3** (étudiant en gestion) :
#
# > « Il faut passer outre l'IA quand on n'est pas d'accord avec elle. Dans le module, l'IA se
# > trompait 2 fois et Camille aussi, donc l'IA est aussi fiable qu'un humain. Les points
# > concaves causent le cancer puisque la courbe monte. Il faut prévenir la patiente qu'on a
# > utilisé une IA et c'est le médecin qui décide, pas la machine. »
#
# Notation : critère 1, **0,5** (une seule situation, vague) ; 2a, **0** (des chiffres sans
# leur groupe, et une conclusion générale tirée de cas choisis et inventés) ; 2b, **0** (la
# courbe lue comme une cause) ; 3a, **0** (information sans contenu) ; 3b, **0,5** (« c'est le
# médecin qui décide »).
#
# **Copie exemple notée 3 sur 3** (étudiante en pharmacie) :
#
# > « Je passerais outre quand la suggestion contredit l'examen clinique ou une autre analyse
# > (une cytologie, une imagerie), ou quand une mesure de la patiente paraît aberrante ; une
# > confiance basse m'alerterait, sans me rassurer quand elle est haute, car ce score n'est pas
# > une probabilité vérifiée. Dans ma copie, Camille a changé d'avis 5 fois, dont 2 vers l'erreur :
# > 2 sur 5, mais sur 12 cas inventés et choisis pour que l'IA se trompe souvent : un exemple, pas
# > une mesure. L'importance dit ce que le modèle utilise, pas ce qui cause le cancer, et des
# > mesures corrélées se partagent cette importance. Je dirais à la patiente 7 de mon tableau
# > qu'un logiciel a analysé sa cytoponction, qu'il suggérait une tumeur bénigne en se disant
# > très confiant, ce qui ne garantit pas qu'il ait raison, que nous avons demandé une biopsie
# > parce que l'examen clinique était inquiétant, et que la décision se prend avec elle. »
#
# Notation : critère 1, **1** ; 2a, **0,5** (2 sur 5, son groupe, sa portée) ; 2b, **0,5** ;
# 3a, **0,5** (outil, suggestion, décision et raison, pour la patiente 7 ; la confiance citée
# avec ce qu'elle ne garantit pas) ; 3b,
# **0,5** (décision avec la patiente). Vérifiez « 5 fois, dont 2 » sur la ligne « Pour le
# correcteur » de **cette** copie (tirage 2 sur 5 ; les autres copies ont 1 sur 3, 1 sur 5,
# 1 sur 6 ou 2 sur 7), et, sur la ligne « Patiente 7 » de son tableau, « bénin » et, puisque la
# copie la cite, une confiance élevée ; sinon 3a vaut 0. Sans « ce qui ne garantit pas qu'il
# ait raison », 3a vaudrait 0 : la confiance serait citée sans sa limite.
# ### END SOLUTION

# %% [markdown]
# ### Pour aller plus loin
#
# - **Autres explications.** Les valeurs de Shapley (méthode SHAP) et les explications locales
#   (LIME) expliquent un cas à la fois : pour une patiente, quelles mesures ont poussé son score
#   vers le haut ou vers le bas.

# %% [markdown] reveal="lecture_courbe"
# - **Leurs limites.** Ce sont les mêmes : mesures corrélées, et pas de cause.

# %% [markdown] reveal="lecture_courbe"
# - **Mesures corrélées : une limite du mélange et de la dépendance partielle.** En bref :
#   mélanger une colonne seule fabrique des noyaux incohérents (le rayon d'une patiente, le
#   périmètre et l'aire d'une autre), auxquels le modèle figé répond hors de ce qu'il a appris ;
#   Hooker et al. (2021) montrent que, pour des mesures corrélées, l'importance par permutation
#   et la dépendance partielle peuvent alors trop mettre en avant certaines d'entre elles ; ils
#   recommandent de mesurer aussi ce que perd un modèle réappris sans elles. Comparez, dans les
#   dernières lignes du calcul de la question 2, la perte du modèle réappris sans le rayon et
#   la baisse du rayon mélangé seul. Le mélange répond à « que lit ce modèle ? », le
#   réapprentissage à « un modèle peut-il s'en passer ? ». Enfin, la taille mélangée en groupe
#   perd encore son lien avec les points concaves (petits noyaux très creusés) : sa
#   comparaison aux points concaves vaut pour ce mélange, pas comme mesure exacte.

# %% [markdown]
# - **Ce que l'importance ne distingue pas.** La baisse d'exactitude pèse pareil un cancer
#   manqué et une fausse alerte ; les « confiances » du simulateur sont des scores du modèle,
#   pas des probabilités vérifiées (calibrées) sur d'autres patientes.
# - **Le droit, plus loin.** L'article L. 4001-3 renvoie à un arrêté pour dire quels
#   dispositifs sont visés ; sa publication n'a pas pu être vérifiée. D'après des synthèses
#   publiées de l'accord, le règlement (UE) 2026/1744 garde les dispositifs médicaux dans le
#   règlement sur l'IA, mais permet à la Commission d'alléger certaines exigences quand le droit
#   des dispositifs médicaux couvre déjà l'équivalent. Une proposition en discussion
#   (COM(2025) 1023, du 16 décembre 2025) les ferait sortir des exigences de conception, dont
#   l'article 14. L'hôpital qui déploie l'outil confie le contrôle humain à des personnes
#   compétentes, formées et qui ont l'autorité nécessaire (article 26, paragraphe 2). En France,
#   le débat parle de « garantie humaine », mot absent de l'article L. 4001-3. Le RGPD
#   (article 22) donne aussi le droit de ne pas faire l'objet d'une décision fondée
#   exclusivement sur un traitement automatisé qui affecte la personne de manière importante
#   (sauf exceptions).
# - **Moins de biais d'automatisation ?** Goddard et al. (2012) citent la formation, la
#   responsabilité de l'utilisateur rappelée, l'affichage de la confiance et des informations
#   plutôt que des recommandations. En mammographie, Dratsch et al. (2023) ont vu l'exactitude
#   de 27 radiologues chuter quand l'IA simulée proposait une catégorie BI-RADS fausse
#   (chiffres du résumé présenté par la RSNA).
#   Goddard et al. (2014) ont compté, chez 26 médecins
#   généralistes, sur 20 prescriptions dont 6 conseils faux, les passages « juste seul → faux
#   avec l'aide » : 5,2 % des cas, alors que l'exactitude passait de 50,38 % à 58,27 % avec
#   l'aide.

# %% [markdown]
# ## Sources
#
# - Wolberg WH, Street WN, Mangasarian OL. Breast Cancer Wisconsin (Diagnostic). UCI Machine
#   Learning Repository, 1995 ; copie distribuée avec scikit-learn (`load_breast_cancer`).
# - Breiman L. Random forests. *Machine Learning* 2001;45(1):5-32 (importance par permutation).
#   Friedman JH. Greedy function approximation: a gradient boosting machine. *Ann Stat*
#   2001;29(5):1189-1232 (dépendance partielle). Mises en œuvre : scikit-learn,
#   `sklearn.inspection`.
# - Hooker G, Mentch L, Zhou S. Unrestricted permutation forces extrapolation: variable
#   importance requires at least one more model, or there is no free variable importance.
#   *Statistics and Computing* 2021;31:82. doi:10.1007/s11222-021-10057-z.
# - Goddard K, Roudsari A, Wyatt JC. Automation bias: a systematic review of frequency, effect
#   mediators, and mitigators. *J Am Med Inform Assoc* 2012;19(1):121-127.
#   doi:10.1136/amiajnl-2011-000089. 74 études retenues sur 13 821 ; médiateurs et mesures qui
#   atténuent le biais.
# - Goddard K, Roudsari A, Wyatt JC. Automation bias: empirical results assessing influencing
#   factors. *Int J Med Inform* 2014;83(5):368-375. doi:10.1016/j.ijmedinf.2014.01.001. Résumé : 26
#   médecins généralistes, 20 scénarios de prescription dont 6 conseils faux ; exactitude 50,38 %
#   avant le conseil, 58,27 % après ; passages « juste → faux » : 5,2 % des cas.
# - Dratsch T, Chen X, Rezazade Mehrizi M, *et al.* Automation bias in mammography: the
#   impact of artificial intelligence BI-RADS suggestions on reader performance. *Radiology*
#   2023;307(4):e222176. doi:10.1148/radiol.222176. 27 radiologues, 50 mammographies ;
#   exactitude en forte baisse avec des catégories BI-RADS fausses attribuées à l'IA (chiffres
#   repris du résumé de l'article tel que le présente la RSNA le 2 mai 2023 ; l'écart selon
#   l'expérience n'est pas repris : l'article complet n'a pas pu être consulté ici).
# - Code de la santé publique, article L. 4001-3, créé par la loi n° 2021-1017 du 2 août 2021
#   relative à la bioéthique. Légifrance.
# - Code de la santé publique, article R. 4127-69 (code de déontologie médicale, article 69 :
#   « chaque médecin est responsable de ses décisions et de ses actes »), lu sur le site du
#   Conseil national de l'ordre des médecins (guide de correction).
# - Règlement (UE) 2024/1689 du Parlement européen et du Conseil du 13 juin 2024 (règlement sur
#   l'intelligence artificielle), articles 14, 26 et 113. EUR-Lex.
# - Règlement (UE) 2026/1744 (omnibus numérique sur l'IA) : modifie le calendrier du règlement
#   (UE) 2024/1689 (article 113). Les deux dates du module viennent du communiqué du Conseil de
#   l'UE du 29 juin 2026, « Artificial intelligence: Council gives final green light to
#   simplify and streamline rules » ; le texte publié au Journal officiel n'a pas pu être
#   consulté ici : lire la version consolidée sur EUR-Lex.
# - Synthèses de l'accord du 7 mai 2026 sur cet omnibus (pas d'exclusion des dispositifs
#   médicaux ; pouvoir de la Commission de limiter certaines exigences quand le droit sectoriel
#   couvre l'équivalent) : MDI Europa, « Provisional agreement on EU Digital Omnibus on AI »
#   (2026) ; Produktkanzlei, « Digital Omnibus: medical devices to remain under dual AI
#   regulation » (21 mai 2026). Le texte adopté n'a pas pu être consulté ici.
