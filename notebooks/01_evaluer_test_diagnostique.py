# %% [markdown]
# # Module 01 — Évaluer un test diagnostique
#
# *Cours « IA et santé » — École de santé numérique, Université de Montpellier.*
#
# **Prérequis** : aucun ; tout est redéfini ici.
#
# **Ce que vous allez faire** : mesurer sur de vraies données ce que vaut un test du cancer du
# sein, choisir son seuil, puis voir ce que vaut un test positif selon la population. **En
# séance** : sections 1 à 6 (questions 1 à 4) ; **après la séance** : questions 5 à 9 et
# réflexion écrite.
#
# ## Ce que vous saurez faire à la fin de ce module
#
# 1. Dire ce qu'un mauvais **test de référence** fait à la mesure d'un test.
# 2. Lire une **matrice de confusion** ; calculer la **sensibilité**, la **spécificité** et les
#    **valeurs prédictives**.
# 3. Donner la **marge d'incertitude** d'une proportion mesurée sur peu de patientes.
# 4. **Choisir un seuil** sur un jeu de validation, en mesurer le coût sur un jeu de test.
# 5. Expliquer pourquoi la valeur prédictive d'un test change avec la **prévalence**.
# 6. Après la séance : lire une **courbe ROC** et son aire (**AUC**).
#
# > **Les valeurs de l'école dans ce module**
# >
# > - **V1 — Priorité à la relation humaine** : derrière chaque case de la matrice, une patiente
# >   rassurée ou inquiétée, à qui il faudra expliquer son résultat.
# > - **V4 — Prudence, esprit critique et inclusivité** : un chiffre de performance ne vaut
# >   que pour la population où il a été mesuré, avec sa marge d'incertitude.
# > - **V6 — Intégrité et transparence** : un chiffre s'annonce avec sa marge.
# >
# > <details><summary>Cadre de l'éthique du numérique en santé (CENS)</summary>
# >
# > Bienfaisance (détecter tôt un cancer), non-malfaisance (un cancer manqué, une biopsie
# > inutile sont des torts), autonomie (une patiente qui sait ce que vaut son test décide mieux
# > avec son médecin), justice et équité (le test est-il aussi bon pour toutes les patientes ?
# > Ces données ne le disent pas),
# > écoresponsabilité (un petit modèle suffit ici).
# > </details>
#
# ## Mode d'emploi
#
# - Exécutez les cellules **dans l'ordre** (**Maj + Entrée**). Si plus rien ne marche : menu
#   *Noyau* (ici, le programme qui exécute le code) › *Redémarrer le noyau et exécuter toutes les
#   cellules…*
# - Remplacez chaque `...` par votre réponse (décimales avec un **point** : `0.8`), exécutez,
#   puis exécutez la cellule **« Vérification »** en dessous.
# - Pour une réponse chiffrée, écrivez le **calcul** (`7/9`) : Python garde toutes les
#   décimales. Un nombre tapé à la main doit avoir 3 décimales (4 à la question 4).

# %% [markdown] session="formative"
# - **Barème** : 12 points, 9 pour les questions vérifiées par l'ordinateur et 3 pour la
#   réflexion écrite, corrigée par l'enseignant.

# %% [markdown] session="evaluation"
# - **Note de cette séance évaluée, sur 7** (et non sur les 12 points de la ligne
#   « Notation ») : questions 1 à 4 (4 points, notebook ramassé en fin de séance) et réflexion
#   écrite (3 points, rendue à part après la séance). Les questions 5 à 9 ne comptent pas.
# - Une méthode se recopie : la **surveillance**, pas vos cas propres, l'empêche.

# %% [markdown]
# ## 1. Une histoire clinique
#
# Madame L., 52 ans, a découvert une boule dans le sein. Après l'examen clinique, une
# mammographie et une échographie, on réalise une **cytoponction** (ponction à l'aiguille fine),
# comme dans le Wisconsin au début des années 1990 : des cellules de la masse sont aspirées et
# photographiées au microscope. Aujourd'hui, on ferait plutôt une **microbiopsie**
# (recommandation forte, ECIBC) ; l'évaluation du test suit les mêmes principes.
# Un logiciel mesure leurs noyaux, et un modèle d'intelligence artificielle en tire un
# **score** entre 0 et 1 : plus il est élevé, plus la tumeur est probablement **maligne**.
# À partir d'un **seuil**, le test est « positif » (on poursuit les examens) ; en dessous,
# « négatif ».
#
# Pour savoir si ce test se trompe, il faut connaître la vérité par un autre moyen : le **test de
# référence** (*gold standard*) : l'examen le plus fiable disponible, qui ne doit pas
# **partager les sources d'erreur** du test (ici, le prélèvement : les cellules que l'aiguille a
# aspirées). Pour un cancer, c'est l'**examen histologique** d'un fragment de tissu (biopsie,
# opération).
#
# Nos données sont **réelles** : le jeu *Breast Cancer Wisconsin (Diagnostic)* (hôpital de
# l'Université du Wisconsin ; décrit par Street et al., 1993). Il ne contient que
# des mesures de noyaux et le diagnostic final de l'équipe : c'est notre référence.
# Exécutez la cellule suivante : elle donne la **prévalence** (la part de malades parmi les
# patientes) ; lisez les **trois limites** qu'elle affiche.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il charge les données et affiche leurs limites.
import numpy as np
from IPython.display import Markdown, display
from ipywidgets import HTML
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from esn_teach import checks, fr_number, fr_percent
from esn_teach import evaluation as ev
from esn_teach.datasets import data_card, load_breast_cancer_wdbc
from esn_teach.explorers import ThresholdExplorer
from esn_teach.plotting import (
    accessible_style,
    describe_confusion_matrix,
    describe_roc,
    plot_confusion_matrix,
    plot_roc,
    show_figure,
)


def est_entre_0_et_1(valeur):
    """Vrai si valeur est un nombre entre 0 et 1 (et non encore « ... »)."""
    return isinstance(valeur, int | float) and 0 <= valeur <= 1


def atteint_95(valeur):
    """Vrai si valeur est un seuil qui détecte 95 % des cancers du jeu de validation."""
    return est_entre_0_et_1(valeur) and ev.sensitivity(y_val, scores_val >= valeur) >= 0.95


jeu = load_breast_cancer_wdbc()
y = jeu.target  # 1 = tumeur maligne, 0 = bénigne (scikit-learn code à l'envers : 0 = malin)
print(f"{len(y)} patientes, dont {y.sum()} tumeurs malignes et {(y == 0).sum()} bénignes.")
print(f"Prévalence du cancer dans ce jeu de données : {fr_percent(y.mean())}")
fiche = str(data_card(jeu))  # la fiche du jeu de données ; en séance, trois limites seulement :
limites = fiche.split("## Limites et biais connus")[1].split("\n## ")[0].strip()
puces = ["- " + puce for puce in limites.removeprefix("- ").split("\n- ")]
puces.append("- Aucun résultat **indéterminé** : pas de ponction non contributive ni de "
             "cytologie « suspecte ». Les auteurs en connaissaient pourtant : leur système "
             "disait « suspect » un échantillon dont la probabilité de cancer tombait entre 30 % "
             "et 70 % (Wolberg et al., *Hum Pathol* 1995), et leur série de 54 nouvelles "
             "patientes comptait une « atypie » (Wolberg et al., *Cancer Lett* 1994). On ne sait "
             "pas combien les 569 en comptaient ni comment ils ont été traités ; les écarter "
             "peut faire paraître le test meilleur qu'il n'est. Une étude doit dire comment elle "
             "les a traités (STARD 2015, item 15 ; Bossuyt et al., 2015). Certains tests ont "
             "ainsi deux seuils, avec une zone « à contrôler » entre les deux.")
# Les trois premières : un seul centre, des patientes adressées (prévalence), la référence.
display(Markdown("**Trois limites de ces données** (à lire maintenant)\n\n" + "\n".join(puces[:3])
                 + "\n\n<details><summary>Les autres limites (après la séance)</summary>\n\n"
                 + "\n".join(puces[3:]) + "\n\n</details>"))
display(data_card(jeu, title="Fiche complète du jeu de données (après la séance)"))

# %% [markdown]
# ## 2. Le modèle et ses scores
#
# Notre modèle est une **régression logistique**, méthode statistique classique qui combine des
# mesures en un score entre 0 et 1. Elle compte parmi les méthodes d'IA les plus simples : elle
# **apprend** ses réglages à partir d'exemples. Nous utilisons le score pour **classer** les
# patientes, pas comme une probabilité de cancer.
#
# Ce score ne vaut que pour des patientes comme les nôtres, **adressées pour une
# masse du sein** (37 % de cancers), et non pour des femmes dépistées (section 6). Pour rendre
# les erreurs visibles, le modèle n'utilise que **deux mesures** des noyaux : leur texture et
# leur compacité.
#
# <details><summary>Pour aller plus loin (lecture facultative)</summary>
#
# La **texture** mesure la variation des niveaux de gris dans le noyau ; la **compacité**
# augmente quand le contour du noyau s'éloigne d'un cercle. Lire le score comme une probabilité
# de cancer supposerait de vérifier qu'il est **calibré** (parmi les patientes d'un même score,
# une part de cancers égale à ce score), ce que ce module ne fait pas.
# </details>
#
# Les patientes sont réparties au hasard en **trois jeux** : **apprentissage** (40 %, le modèle
# y apprend), **validation** (20 %, nous y réglons le seuil) et **test** (40 %). Le jeu de test
# n'a servi ni à apprendre ni à régler : c'est là seulement qu'on **mesure** la performance, car
# un modèle jugé sur les données qui ont servi à le construire ou à le régler paraît meilleur
# qu'il n'est.

# %% jupyter={"source_hidden": true} session="formative"
# Inutile de lire ce code (replié) : il répartit les patientes en trois jeux et entraîne le
# modèle sur le jeu d'apprentissage.
mesures = jeu.data[["mean texture", "mean compactness"]]  # texture et compacité (moyennes)
X_reste, X_test, y_reste, y_test = train_test_split(
    mesures, y, test_size=0.4, stratify=y, random_state=0
)
X_app, X_val, y_app, y_val = train_test_split(
    X_reste, y_reste, test_size=0.2 / 0.6, stratify=y_reste, random_state=0
)
modele = make_pipeline(StandardScaler(), LogisticRegression())  # la régression logistique
modele.fit(X_app, y_app)
scores_val = modele.predict_proba(X_val)[:, 1]  # score de chaque patiente de validation
scores = modele.predict_proba(X_test)[:, 1]  # score de chaque patiente du test
print(f"Apprentissage : {len(y_app)} patientes.")
print(f"Validation : {len(y_val)} patientes, dont {y_val.sum()} cancers.")
print(f"Test : {len(y_test)} patientes, dont {y_test.sum()} cancers.")

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : il répartit les patientes en trois jeux et entraîne le
# modèle sur le jeu d'apprentissage. La répartition est tirée de votre identifiant (graine),
# parmi celles qui donnent des cas de même difficulté à tous.
graine = checks.student_seed("01")
graine_cas = ev.wdbc_case_seed(graine)
mesures = jeu.data[["mean texture", "mean compactness"]]  # texture et compacité (moyennes)
X_reste, X_test, y_reste, y_test = train_test_split(
    mesures, y, test_size=0.4, stratify=y, random_state=graine_cas
)
X_app, X_val, y_app, y_val = train_test_split(
    X_reste, y_reste, test_size=0.2 / 0.6, stratify=y_reste, random_state=graine_cas
)
modele = make_pipeline(StandardScaler(), LogisticRegression())  # la régression logistique
modele.fit(X_app, y_app)
scores_val = modele.predict_proba(X_val)[:, 1]  # score de chaque patiente de validation
scores = modele.predict_proba(X_test)[:, 1]  # score de chaque patiente du test
print(f"Apprentissage : {len(y_app)} patientes.")
print(f"Validation : {len(y_val)} patientes, dont {y_val.sum()} cancers.")
print(f"Test : {len(y_test)} patientes, dont {y_test.sum()} cancers.")

# %% [markdown]
# ## 3. La matrice de confusion
#
# Au seuil 0,5, chaque patiente du jeu de test tombe dans l'une de quatre cases. La réalité
# (malade M+, non malade M−) est celle du test de référence :
#
# | | Test négatif (T−) | Test positif (T+) |
# |---|---|---|
# | **Non malade (M−)** | vrai négatif (**VN**) : rassurée à raison | faux positif (**FP**) : inquiétée à tort |
# | **Malade (M+)** | faux négatif (**FN**) : cancer manqué | vrai positif (**VP**) : cancer détecté |
#
# <details><summary>Vu autrement en PASS/LAS ou en IFSI ?</summary>
#
# En PASS/LAS, le tableau met souvent le test en lignes :
#
# | | Malade (M+) | Non malade (M−) |
# |---|---|---|
# | **Test positif (T+)** | VP | FP |
# | **Test négatif (T−)** | FN | VN |
#
# C'est le même tableau, tourné : ici, la réalité est en lignes.
# Repérez-vous aux **noms** (VP, FP, FN, VN), jamais à la position.
# </details>
#
# Deux proportions décrivent le test **du point de vue de la maladie** : la **sensibilité**
# (parmi les malades, la part que le test détecte) et la **spécificité** (parmi les non-malades,
# la part qu'il rassure à raison).

# %% session="formative"
seuil_defaut = 0.5
comptes = ev.confusion_at_threshold(y_test, scores, seuil_defaut)
vp, fp, fn, vn = comptes.tp, comptes.fp, comptes.fn, comptes.tn
print(f"Au seuil {fr_number(seuil_defaut, 1)} : VP = {vp}, FP = {fp}, FN = {fn}, VN = {vn}")
with accessible_style():
    show_figure(
        plot_confusion_matrix(comptes, title="Matrice de confusion au seuil 0,5 (jeu de test)"),
        describe_confusion_matrix(comptes),
    )

# %% session="evaluation"
seuil_defaut = 0.5
comptes = ev.confusion_at_threshold(y_test, scores, seuil_defaut)
vp, fp, fn, vn = comptes.tp, comptes.fp, comptes.fn, comptes.tn
print(f"Au seuil {fr_number(seuil_defaut, 1)} : VP = {vp}, FP = {fp}, FN = {fn}, VN = {vn}")
with accessible_style():
    show_figure(
        plot_confusion_matrix(comptes, title="Matrice de confusion au seuil 0,5 (jeu de test)"),
        describe_confusion_matrix(comptes),
    )
# La tâche de la question 1, tirée pour votre copie (deux tâches de même difficulté).
TACHE_Q1 = int(np.random.default_rng([graine, 11]).integers(2))
print("Question 1, votre tâche : calculez la " + ("sensibilité", "spécificité")[TACHE_Q1]
      + " du test au seuil 0,5 (dans la variable sensibilite : même nom pour toutes les copies).")

# %% [markdown] session="formative"
# ### Question 1 — La sensibilité au seuil 0,5 (1 point)
#
# Calculez la **sensibilité** du test au seuil 0,5 (une proportion entre 0 et 1, pas un
# pourcentage) : écrivez le calcul, sur une ligne, avec les seules **variables** `vp`, `fp`, `fn`
# et `vn` ci-dessus (`vp` garde le nombre de vrais positifs) ou leurs nombres ; une fonction
# (`ev.…`) est refusée.
#
# <details><summary>Indice 1</summary>
#
# La sensibilité ne regarde que les patientes **malades**. Quelles cases de la matrice
# contiennent des malades ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Une proportion est une division : en haut, les patientes qui nous intéressent ; en bas, tout
# le groupe dont on parle. Dites la définition en une phrase, « parmi les …, la part de … »,
# puis traduisez chaque morceau en cases de la matrice.
# </details>

# %% [markdown] session="evaluation"
# ### Question 1 — Une proportion au seuil 0,5 (1 point)
#
# Calculez la proportion que demande **votre tâche** (affichée sous la matrice), entre 0 et 1,
# dans `sensibilite` : écrivez le calcul, sur une ligne, avec les **variables** `vp`, `fp`,
# `fn` et `vn` (ou leurs nombres), comme `a / (a + b)` avec ces noms ; une fonction (`ev.…`)
# ou un nombre seul est refusé.
#
# <details><summary>Indice 1</summary>
#
# Votre proportion ne regarde qu'un groupe de patientes : les malades, ou les non-malades.
# Quelles cases de la matrice le contiennent ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Une proportion est une division : en haut, les patientes qui nous intéressent ; en bas, tout
# le groupe dont on parle. Dites la définition en une phrase, « parmi les …, la part de … »,
# puis traduisez chaque morceau en cases de la matrice.
# </details>

# %% answer="sensibilite" session="formative"
sensibilite = ...
### BEGIN SOLUTION
sensibilite = vp / (vp + fn)
### END SOLUTION

# %% answer="sensibilite" session="evaluation"
sensibilite = ...
### BEGIN SOLUTION
# The copy's task decides the calculation. It is run as a cell of its own, as a student types
# it: checks.written_with reads the last cell run (IPython's In).
from IPython import get_ipython

get_ipython().run_cell(
    ("sensibilite = vp / (vp + fn)", "sensibilite = vn / (vn + fp)")[TACHE_Q1], store_history=True
).raise_error()
### END SOLUTION

# %% tests="sensibilite" points=1 session="formative"
# Vérification de la question 1 : exécutez cette cellule.
checks.expect(checks.written_with("sensibilite", {"vp", "fp", "fn", "vn"}),
              "écrivez le calcul lui-même, sur une ligne, avec seulement vp, fp, fn et vn (ou "
              "leurs nombres), des opérations et des parenthèses : ni fonction toute faite "
              "(ev.sensitivity…), ni autre variable (se…). La question mesure le choix des "
              "cases de la matrice.", name="sensibilite")
message_depasse_1 = ("une proportion ne dépasse pas 1 : le haut doit faire partie du bas. En "
                     "bas, tout le groupe dont on parle (les malades) ; en haut, celles de ce "
                     "groupe que le test détecte.")
checks.check_number(
    sensibilite,
    name="sensibilite",
    digest="b5b239f0f453e93f",
    bounds=(0, 1),
    mistakes=[
        checks.Mistake(None, "0,5 est le seuil de décision (la position du curseur), pas la "
                       "sensibilité. La sensibilité se calcule avec les cases de la matrice : "
                       "parmi les malades, la part détectée.", digest="15072e70c7cb7557"),
        checks.Mistake(None, "vous avez calculé la spécificité (la part des non-malades rassurées). "
                       "La sensibilité ne regarde que les malades : VP et FN.",
                       digest="83cb728101e8a74a"),
        checks.Mistake(None, "vous avez calculé la valeur prédictive positive (parmi les tests "
                       "positifs, la part de malades). La sensibilité part des malades, pas des "
                       "tests positifs.", digest="fbd0f5b44a0604c7"),
        checks.Mistake(None, "vous avez calculé la valeur prédictive négative (parmi les tests "
                       "négatifs, la part de non-malades). La sensibilité part des malades.",
                       digest="23ad9c9289629eb3"),
        checks.Mistake(None, "vous avez calculé l'exactitude (toutes les bonnes réponses sur le "
                       "total). La sensibilité ne regarde que les malades.",
                       digest="49ee9fdeebc05b58"),
        checks.Mistake(None, "vous avez calculé la part des cancers manqués (les faux négatifs "
                       "parmi les malades). La sensibilité compte les cancers détectés.",
                       digest="310873c2a15fd798"),
        checks.Mistake(None, "attention aux parenthèses : Python calcule a / b + c comme "
                       "(a / b) + c. Mettez tout le dénominateur entre parenthèses.",
                       digest="5c6a246bd15b7c34"),
        checks.Mistake(None, "attention aux parenthèses : Python calcule a / b + c comme "
                       "(a / b) + c. Mettez tout le dénominateur entre parenthèses.",
                       digest="4032259c29ec01db"),
        checks.Mistake(None, "attention aux parenthèses : Python calcule a / b + c + d comme "
                       "(a / b) + c + d. Mettez tout le dénominateur entre parenthèses ; puis "
                       "vérifiez qu'il ne compte que les malades.", digest="243f2aa93a96c483"),
        checks.Mistake(None, "attention aux parenthèses : Python calcule a / b + c comme "
                       "(a / b) + c. Mettez tout le dénominateur entre parenthèses ; puis "
                       "vérifiez qu'il compte les malades, et elles seules.",
                       digest="89b1db8aa0452dee"),
        checks.Mistake(None, "vous avez divisé les cancers détectés par toutes les patientes du "
                       "jeu de test. La sensibilité ne regarde que les malades : le dénominateur "
                       "ne compte qu'elles.", digest="1901f4d965d1bccb"),
        checks.Mistake(None, "vous avez calculé la prévalence (la part de malades parmi toutes "
                       "les patientes). La sensibilité dit quelle part des malades le test "
                       "détecte.", digest="836e59b428d90576"),
        checks.Mistake(None, "vous avez calculé la part des non-malades inquiétées à tort "
                       "(1 − spécificité). La sensibilité ne regarde que les malades.",
                       digest="6dd84e2acb12aea6"),
        checks.Mistake(None, message_depasse_1, digest="272e3f15cf292a90"),
        checks.Mistake(None, message_depasse_1, digest="8144b86c7c86c3c2"),
        checks.Mistake(None, message_depasse_1, digest="eb08c46800a9bbdd"),
        checks.Mistake(None, message_depasse_1, digest="0c253257552e19b1"),
    ],
    success=(f"sensibilité = {fr_number(sensibilite)} : sur 100 femmes malades, le test en "
             f"détecte environ {round(100 * sensibilite)} ; les {100 - round(100 * sensibilite)} "
             "autres, malades mais rassurées à tort, sont des faux négatifs."
             if isinstance(sensibilite, int | float) and 0 <= sensibilite <= 1 else None),
    points=1,
)
### BEGIN HIDDEN TESTS
checks.expect(checks.written_with("sensibilite", {"vp", "fp", "fn", "vn"}),
              "calcul refusé : écrivez-le, sur une ligne, avec seulement vp, fp, fn et vn (ou "
              "leurs nombres), des opérations et des parenthèses : ni fonction toute faite "
              "(ev.sensitivity…), ni autre variable (se…). La question mesure le choix des "
              "cases de la matrice.", name="sensibilite")
y_pred_05 = ev.predict_at_threshold(scores, seuil_defaut)
checks.check_number(
    sensibilite,
    name="sensibilite",
    expected=ev.sensitivity(y_test, y_pred_05),
    mistakes=[checks.Mistake(ev.specificity(y_test, y_pred_05),
                             "vous avez calculé la spécificité.")],
    points=1,
)
# The value can be right on these counts with a wrong formula: the formula is judged too.
c_q1 = ev.confusion_at_threshold(y_test, scores, 0.5)
checks.expect(checks.written_formula(
    "sensibilite", lambda vp, fp, fn, vn: vp / (vp + fn),
    values={"vp": c_q1.tp, "fp": c_q1.fp, "fn": c_q1.fn, "vn": c_q1.tn}) is not False
    or checks.written_formula("sensibilite", lambda vp, fp, fn, vn: vp / (vp + fn)) is not False,
    "ce calcul tombe juste sur ces comptes, mais ne donne pas la sensibilité quels que soient "
    "les comptes : en bas, toutes les malades ; en haut, celles que le test détecte.", name=(
        "sensibilite"))
### END HIDDEN TESTS

# %% mistake="sensibilite" session="formative"
# message : vous avez calculé la spécificité
sensibilite = vn / (vn + fp)

# %% mistake="sensibilite" session="formative"
# message : ni fonction toute faite (ev.sensitivity…)
sensibilite = ev.sensitivity(y_test, scores >= 0.5)

# %% mistake="sensibilite" session="formative"
# message : ni autre variable (se…)
sensibilite = comptes.tp / (comptes.tp + comptes.fn)

# %% mistake="sensibilite" session="formative"
# message : valeur prédictive positive
sensibilite = vp / (vp + fp)

# %% mistake="sensibilite" session="formative"
# message : valeur prédictive négative
sensibilite = vn / (vn + fn)

# %% mistake="sensibilite" session="formative"
# message : exactitude
sensibilite = (vp + vn) / (vp + fp + fn + vn)

# %% mistake="sensibilite" session="formative"
# message : cancers manqués
sensibilite = fn / (vp + fn)

# %% mistake="sensibilite" session="formative"
# message : attention aux parenthèses
sensibilite = vp / vp + fn

# %% mistake="sensibilite" session="formative"
# message : attention aux parenthèses
sensibilite = vp / fn + vp

# %% mistake="sensibilite" session="formative"
# message : Python calcule a / b + c + d comme
sensibilite = vp / vp + fn + fp

# %% mistake="sensibilite" session="formative"
# message : qu'il compte les malades, et elles seules
sensibilite = vp / vn + fn

# %% mistake="sensibilite" session="formative"
# message : divisé les cancers détectés par toutes les patientes
sensibilite = vp / (vp + fp + fn + vn)

# %% mistake="sensibilite" session="formative"
# message : vous avez calculé la prévalence
sensibilite = (vp + fn) / (vp + fp + fn + vn)

# %% mistake="sensibilite" session="formative"
# message : non-malades inquiétées à tort
sensibilite = fp / (fp + vn)

# %% mistake="sensibilite" session="formative"
# message : 0,5 est le seuil de décision
sensibilite = 0.5

# %% mistake="sensibilite" session="formative"
# message : donné un pourcentage
sensibilite = 100 * vp / (vp + fn)

# %% mistake="sensibilite" session="formative"
# message : une proportion ne dépasse pas 1
sensibilite = vp / fn

# %% mistake="sensibilite" session="formative"
# message : une proportion ne dépasse pas 1
sensibilite = vp + fn

# %% tests="sensibilite" points=1 session="evaluation"
# Vérification de la question 1 : exécutez cette cellule.
checks.check_form(sensibilite, name="sensibilite", kind="number", decimals=3, bounds=(0, 1),
                  written_from={"vp", "fp", "fn", "vn"})
### BEGIN HIDDEN TESTS
graine_copie = ev.wdbc_case_seed(checks.student_seed("01", announce=False))
wdbc = load_breast_cancer_wdbc()
X_r, X_t, y_r, y_t = train_test_split(
    wdbc.data[["mean texture", "mean compactness"]], wdbc.target, test_size=0.4,
    stratify=wdbc.target, random_state=graine_copie)
X_a, X_v, y_a, y_v = train_test_split(X_r, y_r, test_size=0.2 / 0.6, stratify=y_r,
                                      random_state=graine_copie)
refait = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_a, y_a)
s_v, s_t = refait.predict_proba(X_v)[:, 1], refait.predict_proba(X_t)[:, 1]
c_q1 = ev.confusion_at_threshold(y_t, s_t, 0.5)
# The calculation is judged on other counts too: on some copies a wrong formula lands within
# the tolerance of the key. Numbers typed from the copy's own counts stand for them.
comptes_q1 = {"vp": c_q1.tp, "fp": c_q1.fp, "fn": c_q1.fn, "vn": c_q1.tn}
# A number typed instead of the calculation (0.7 * 1, 682 / 1000) is refused.
checks.expect(checks.written_with("sensibilite", {"vp", "fp", "fn", "vn"}, calculation=True,
                                  values=comptes_q1),
              "calcul refusé : écrivez-le, sur une ligne, avec seulement vp, fp, fn et vn (ou "
              "leurs nombres), des opérations et des parenthèses : ni fonction toute faite "
              "(ev.sensitivity…), ni autre variable (se…), ni un nombre seul ou des nombres "
              "qui ne sont pas vos comptes (le résultat au lieu du calcul). La question mesure "
              "le choix des cases de la matrice.",
              name="sensibilite")
# The copy's task, drawn from the seed as the matrix cell draws it: sensitivity or specificity.
tache_q1 = int(np.random.default_rng([checks.student_seed("01", announce=False), 11]).integers(2))
autre_q1 = ("cette réponse correspond à une autre consigne que la vôtre : relisez ce que demande votre "
            "énoncé (la tâche affichée sous la matrice). ")
# Per task: the right formula, then each named wrong formula with its message; the first wrong
# one is the other task's key.
formules_q1 = (
    (lambda vp, fp, fn, vn: vp / (vp + fn), [
        (lambda vp, fp, fn, vn: vn / (vn + fp), autre_q1 + "Vous avez calculé la spécificité (la "
         "part des non-malades rassurées) ; votre tâche demande la sensibilité : parmi les "
         "malades, la part que le test détecte."),
        (lambda vp, fp, fn, vn: vp / (vp + fp), "vous avez calculé la valeur prédictive "
         "positive : la sensibilité part des malades, pas des tests positifs."),
        (lambda vp, fp, fn, vn: fn / (vp + fn), "vous avez calculé la part des cancers manqués, "
         "le complément à 1 de votre proportion : la sensibilité compte les cancers détectés."),
    ], "la sensibilité", "en bas, toutes les malades ; en haut, celles que le test détecte."),
    (lambda vp, fp, fn, vn: vn / (vn + fp), [
        (lambda vp, fp, fn, vn: vp / (vp + fn), autre_q1 + "Vous avez calculé la sensibilité (la "
         "part des malades détectées) ; votre tâche demande la spécificité : parmi les "
         "non-malades, la part que le test rassure à raison."),
        (lambda vp, fp, fn, vn: vn / (vn + fn), "vous avez calculé la valeur prédictive "
         "négative : la spécificité part des non-malades, pas des tests négatifs."),
        (lambda vp, fp, fn, vn: fp / (fp + vn), "vous avez calculé la part des non-malades "
         "inquiétées à tort, le complément à 1 de votre proportion : la spécificité compte "
         "celles que le test rassure à raison."),
    ], "la spécificité", "en bas, toutes les non-malades ; en haut, celles que le test rassure."),
)
juste_q1, fausses_q1, nom_q1, definition_q1 = formules_q1[tache_q1]
if checks.written_formula("sensibilite", juste_q1, values=comptes_q1) is False:
    for fausse_q1, message_q1 in fausses_q1:
        checks.expect(not checks.written_formula("sensibilite", fausse_q1, values=comptes_q1),
                      message_q1, name="sensibilite")
    # A sum typed by hand (58 / 85) cannot be named: judged on the names alone, or by value.
    checks.expect(checks.written_formula("sensibilite", juste_q1) is not False,
                  f"ce calcul ne donne pas {nom_q1} quels que soient les comptes : "
                  + definition_q1, name="sensibilite")
checks.check_number(sensibilite, name="sensibilite", expected=juste_q1(**comptes_q1),
                    mistakes=[checks.Mistake(fausse_q1(**comptes_q1), message_q1)
                              for fausse_q1, message_q1 in fausses_q1], points=1)
### END HIDDEN TESTS

# %% mistake="sensibilite" session="evaluation"
# message : cette réponse correspond à une autre consigne que la vôtre
from IPython import get_ipython

get_ipython().run_cell(
    ("sensibilite = vn / (vn + fp)", "sensibilite = vp / (vp + fn)")[TACHE_Q1], store_history=True
).raise_error()

# %% mistake="sensibilite" session="evaluation"
# message : vous avez calculé la valeur prédictive
from IPython import get_ipython

get_ipython().run_cell(
    ("sensibilite = vp / (vp + fp)", "sensibilite = vn / (vn + fn)")[TACHE_Q1], store_history=True
).raise_error()

# %% mistake="sensibilite" session="evaluation"
# message : le complément à 1 de votre proportion
from IPython import get_ipython

get_ipython().run_cell(
    ("sensibilite = fn / (vp + fn)", "sensibilite = fp / (fp + vn)")[TACHE_Q1], store_history=True
).raise_error()

# %% mistake="sensibilite" session="evaluation"
# message : calcul refusé
sensibilite = ev.sensitivity(y_test, scores >= 0.5)

# %% mistake="sensibilite" session="evaluation"
# message : ni un nombre seul
sensibilite = 0.7

# %% mistake="sensibilite" session="evaluation"
# message : des nombres qui ne sont pas vos comptes
sensibilite = 0.7 * 1

# %% [markdown]
# Avec d'autres patientes comparables, cette sensibilité aurait été un peu différente.
# L'**intervalle de confiance à 95 %** donne la plage des valeurs compatibles avec nos données :
# la méthode qui le construit encadre la vraie valeur dans environ 95 % des études où on
# l'applique. Plus il y a de patientes, plus il est étroit. La cellule suivante le calcule pour
# la sensibilité de la question 1 (formule de Wilson, fiable même sur peu de patientes).

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il calcule l'intervalle de confiance de la sensibilité.
if checks.passed("sensibilite"):
    bas, haut = ev.proportion_ci(vp, vp + fn)
    print(f"Sensibilité au seuil 0,5 : {vp} cancers détectés sur {vp + fn}, soit "
          f"{fr_number(vp / (vp + fn))}.")
    print(f"Intervalle de confiance à 95 % : de {fr_number(bas, 2)} à {fr_number(haut, 2)}.")
else:
    print("L'intervalle s'affichera ici quand la vérification de la question 1 aura dit "
          "« juste » : relancez alors cette cellule (en séance évaluée, il reste masqué : il "
          "donnerait la réponse).")

# %% [markdown]
# ## 4. L'explorateur de seuil
#
# L'explorateur travaille sur le **jeu de validation**, où l'on a le droit de régler le seuil.
# Déplacez le curseur (souris ou **flèches**) : la matrice, les indicateurs, les intervalles de
# confiance et le point sur la **courbe ROC** suivent.
#
# <details><summary>Que regarder ?</summary>
#
# La courbe ROC place chaque seuil selon sa sensibilité et 1 − spécificité (la part des
# non-malades inquiétées à tort) ; sa diagonale est un test au hasard, d'aire sous la courbe
# (**AUC**) 0,5.
#
# - quand le seuil **baisse**, la sensibilité monte… et la spécificité descend ;
# - aucun seuil ne donne à la fois zéro faux négatif et zéro faux positif ;
# - avec 42 malades, un cancer manqué de plus fait perdre plus de deux points de sensibilité.
# </details>

# %%
# Inutile de lire ce code : il affiche l'explorateur et ses intervalles de confiance.
explorateur = ThresholdExplorer(y_val, scores_val, threshold=0.5, show_auc=False,
                                show_formulas=False)
encart_intervalles = HTML()


def ecrire_marges(changement=None):
    # Sous l'explorateur : sensibilité et spécificité, effectifs et intervalle de confiance.
    c = ev.confusion_at_threshold(y_val, scores_val, explorateur.slider.value)
    lignes = [f"<b>Intervalles de confiance à 95 % au seuil {fr_number(explorateur.slider.value, 2)}"
              " (jeu de validation)</b>"]
    for nom, k, n in [("Sensibilité", c.tp, c.tp + c.fn), ("Spécificité", c.tn, c.tn + c.fp)]:
        bas, haut = ev.proportion_ci(k, n)
        lignes.append(f"{nom} : {k} sur {n}, soit {fr_number(k / n)} ; intervalle de "
                      f"{fr_number(bas, 2)} à {fr_number(haut, 2)}")
    encart_intervalles.value = "<p>" + "<br>".join(lignes) + "</p>"


explorateur.slider.observe(ecrire_marges, names="value")
ecrire_marges()
display(explorateur, encart_intervalles)

# %% [markdown]
# ## 5. Choisir un seuil
#
# Un test positif mène à une biopsie ; manquer un cancer est grave : on veut une sensibilité
# élevée, quitte à inquiéter à tort davantage de patientes. Nous visons 95 % : ce chiffre fixe
# combien de cancers manqués on accepte pour combien de biopsies inutiles, un choix de valeurs
# plutôt qu'une question technique.
#
# ### Question 2 — Le seuil qui détecte au moins 95 % des cancers (1 point)
#
# Parmi les seuils du curseur (de 0,01 en 0,01), trouvez **le plus élevé** pour lequel la
# sensibilité atteint **au moins 95 %** sur le **jeu de validation** (le moins de faux
# positifs). Tâtonnez avec l'explorateur, ou calculez dans le brouillon ci-dessous. Atteindre
# 95 % avec un seuil un peu trop bas (cinq crans au plus) vaut un demi-point.
#
# <details><summary>Indice 1</summary>
#
# Dans l'explorateur, baissez le seuil jusqu'à ce que la sensibilité atteigne 0,95 ou plus. Puis
# vérifiez qu'en le remontant d'un cran (0,01), la sensibilité repasse sous 0,95.
# </details>
#
# <details><summary>Indice 2</summary>
#
# La réponse est un seuil (entre 0 et 1), pas une sensibilité : 0,95 est l'objectif de
# sensibilité, pas le seuil. Dans le brouillon, essayez quelques seuils : la sensibilité
# monte-t-elle ou baisse-t-elle quand le seuil baisse ? N'utilisez pas le jeu de test (`y_test` et `scores`, dans le code replié) : il ne sert qu'à
# la fin.
# </details>

# %%
# Brouillon (non noté). Sensibilité de validation au seuil 0,30 ; changez le seuil :
print(fr_number(ev.sensitivity(y_val, scores_val >= 0.30)))

# %% answer="seuil"
seuil = ...
### BEGIN SOLUTION
seuils_du_curseur = np.round(np.arange(0, 1.001, 0.01), 2)
seuil = max(t for t in seuils_du_curseur if ev.sensitivity(y_val, scores_val >= t) >= 0.95)
### END SOLUTION

# %% tests="seuil" points=1 session="formative"
# Vérification de la question 2 : exécutez cette cellule.
valeur_seuil = checks.require_number(seuil, name="seuil")
checks.expect(valeur_seuil != 0.95,
              "0,95 est la sensibilité visée, pas le seuil. Cherchez le seuil (la position du "
              "curseur) pour lequel la sensibilité atteint 0,95.", name="seuil")
checks.expect(0 <= valeur_seuil <= 1,
              f"un seuil se choisit entre 0 et 1 (les scores vont de 0 à 1) ; "
              f"vous avez donné {valeur_seuil:g}.", name="seuil")
checks.expect(not checks.matches_digest(valeur_seuil, "77c7e7f45f45996b", name="seuil"),
              "c'est le seuil qu'on trouverait sur le jeu de test (y_test, scores). Sur le jeu "
              "de validation, la sensibilité dépasse encore 0,95 un peu plus haut : montez le "
              "seuil. Le seuil se règle sur la validation (y_val, scores_val) ; le jeu de test "
              "ne sert qu'à la fin, pour mesurer ce que coûte ce choix.", name="seuil")
se_obtenue = ev.sensitivity(y_val, scores_val >= valeur_seuil)
sp_obtenue = ev.specificity(y_val, scores_val >= valeur_seuil)
if valeur_seuil >= 0.95:
    piege = (" Avez-vous donné une sensibilité (celle que montre l'explorateur) au lieu du "
             "seuil ? On attend la position du curseur.")
elif sp_obtenue >= 0.95:
    piege = " Avez-vous visé 95 % de spécificité au lieu de 95 % de sensibilité ?"
else:
    piege = ""
checks.expect(se_obtenue >= 0.95,
              f"à ce seuil, la sensibilité n'est que de {fr_number(se_obtenue)} sur le jeu de "
              f"validation : votre seuil est trop haut, baissez-le.{piege}",
              name="seuil")
checks.expect(abs(valeur_seuil - round(valeur_seuil, 2)) < 1e-9,
              f"le curseur avance de 0,01 en 0,01 : donnez l'un de ses seuils, à deux décimales "
              f"(vous avez donné {fr_number(valeur_seuil, 4)}).", name="seuil")
se_cran_suivant = ev.sensitivity(y_val, scores_val >= round(valeur_seuil + 0.01, 2))
se_six_crans = ev.sensitivity(y_val, scores_val >= round(valeur_seuil + 0.06, 2))
if se_cran_suivant >= 0.95 and se_six_crans < 0.95:  # 95 % reached, 1 to 5 steps too low
    resultat_seuil = checks.partial_credit(
        "la sensibilité atteint bien 95 %, mais vous pouvez encore monter le seuil d'au moins "
        "un cran (0,01) sans passer sous 95 % : vous feriez moins de faux positifs. Bon "
        "raisonnement, seuil pas encore le plus élevé : un demi-point.", name="seuil",
        points=1)
else:
    checks.expect(se_cran_suivant < 0.95,
                  f"la sensibilité atteint bien 95 % ({fr_number(se_obtenue)}), mais vous pouvez "
                  "encore monter le seuil de plusieurs crans sans passer sous 95 % : vous feriez "
                  "moins de faux positifs.", name="seuil")
    print("\u2714 Correct (seuil) : c'est le seuil le plus élevé qui atteint 95 % de "
          "sensibilité sur le jeu de validation.")
### BEGIN HIDDEN TESTS
scores_malades = np.asarray(scores_val)[np.asarray(y_val) == 1]
grille = np.round(np.arange(0, 1.001, 0.01), 2)
meilleur = max(t for t in grille if np.mean(scores_malades >= t) >= 0.95)
checks.expect(
    round(valeur_seuil, 2) == round(valeur_seuil, 6)  # on the slider's grid
    and np.mean(scores_malades >= valeur_seuil) >= 0.95
    and meilleur - 0.05 - 1e-9 <= valeur_seuil <= meilleur + 1e-9,
    "ce seuil n'est pas, sur la grille du curseur (à deux décimales), le plus élevé qui atteint "
    "95 % de sensibilité sur le jeu de validation, ni l'un des cinq crans juste en dessous.",
    name="seuil")
demi_point = "atteint 95 % sur la validation, sans être le plus élevé : un demi-point"
(checks.partial_credit("ce seuil " + demi_point + ".", name="seuil", points=1, detail=demi_point)
 if valeur_seuil < meilleur - 1e-9 else checks.Outcome.CORRECT)
### END HIDDEN TESTS

# %% mistake="seuil" session="formative"
# message : visé 95 % de spécificité
seuil = min(t for t in np.round(np.arange(0, 1.001, 0.01), 2)
            if ev.specificity(y_val, scores_val >= t) >= 0.95)

# %% mistake="seuil" session="formative"
# message : c'est le seuil qu'on trouverait sur le jeu de test
seuil = max(t for t in np.round(np.arange(0, 1.001, 0.01), 2)
            if ev.sensitivity(y_test, scores >= t) >= 0.95)

# %% mistake="seuil" session="formative"
# message : monter le seuil de plusieurs crans
seuil = 0.0

# %% mistake="seuil" session="formative"
# message : seuil pas encore le plus élevé : un demi-point
seuil = 0.24

# %% mistake="seuil" session="formative"
# message : entre 0 et 1
seuil = 95

# %% mistake="seuil" session="formative"
# message : le curseur avance de 0,01 en 0,01
seuil = 0.245

# %% mistake="seuil" session="formative"
# message : sensibilité visée, pas le seuil
seuil = 0.95

# %% mistake="seuil" session="formative"
# message : donné une sensibilité (celle que montre l'explorateur) au lieu du seuil
seuil = ev.sensitivity(y_val, scores_val >= 0.25)

# %% tests="seuil" points=1 session="evaluation"
# Vérification de la question 2 : exécutez cette cellule.
checks.check_form(seuil, name="seuil", kind="number", decimals=2, bounds=(0, 1), on_grid=True)
### BEGIN HIDDEN TESTS
graine_copie = ev.wdbc_case_seed(checks.student_seed("01", announce=False))
wdbc = load_breast_cancer_wdbc()
X_r, X_t, y_r, y_t = train_test_split(
    wdbc.data[["mean texture", "mean compactness"]], wdbc.target, test_size=0.4,
    stratify=wdbc.target, random_state=graine_copie)
X_a, X_v, y_a, y_v = train_test_split(X_r, y_r, test_size=0.2 / 0.6, stratify=y_r,
                                      random_state=graine_copie)
refait = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_a, y_a)
s_v, s_t = refait.predict_proba(X_v)[:, 1], refait.predict_proba(X_t)[:, 1]
valeur_q2 = checks.require_number(seuil, name="seuil")
crans = np.round(np.arange(0, 1.001, 0.01), 2)
le_plus_haut = max(t for t in crans if ev.sensitivity(y_v, s_v >= t) >= 0.95)
sur_le_test = max(t for t in crans if ev.sensitivity(y_t, s_t >= t) >= 0.95)
par_specificite = min(t for t in crans if ev.specificity(y_v, s_v >= t) >= 0.95)
checks.expect(valeur_q2 != 0.95, "0,95 est la sensibilité visée, pas le seuil.", name="seuil")
checks.expect(abs(valeur_q2 - par_specificite) > 1e-9 or par_specificite == le_plus_haut,
              "ce seuil vise 95 % de spécificité, pas 95 % de sensibilité.", name="seuil")
checks.expect(abs(valeur_q2 - sur_le_test) > 1e-9 or sur_le_test == le_plus_haut,
              "c'est le seuil qu'on trouverait sur le jeu de test : le seuil se règle sur la "
              "validation.", name="seuil")
checks.expect(
    round(valeur_q2, 2) == round(valeur_q2, 6)
    and ev.sensitivity(y_v, s_v >= valeur_q2) >= 0.95
    and le_plus_haut - 0.05 - 1e-9 <= valeur_q2 <= le_plus_haut + 1e-9,
    "ce seuil n'est pas, sur la grille du curseur (à deux décimales), le plus élevé qui atteint "
    "95 % de sensibilité sur votre jeu de validation, ni l'un des cinq crans juste en dessous.",
    name="seuil")
un_demi = "atteint 95 % sur votre validation, sans être le plus élevé : un demi-point"
(checks.partial_credit("ce seuil " + un_demi + ".", name="seuil", points=1, detail=un_demi)
 if valeur_q2 < le_plus_haut - 1e-9 else checks.Outcome.CORRECT)
### END HIDDEN TESTS

# %% mistake="seuil" session="evaluation"
# message : ce seuil vise 95 % de spécificité
seuil = min(t for t in np.round(np.arange(0, 1.001, 0.01), 2)
            if ev.specificity(y_val, scores_val >= t) >= 0.95)

# %% mistake="seuil" session="evaluation"
# message : sensibilité visée, pas le seuil
seuil = 0.95

# %% mistake="seuil" session="evaluation"
# message : ni l'un des cinq crans juste en dessous
seuil = 0.0

# %% mistake="seuil" session="evaluation"
# message : sans être le plus élevé : un demi-point
seuil = round(max(t for t in np.round(np.arange(0, 1.001, 0.01), 2)
                  if ev.sensitivity(y_val, scores_val >= t) >= 0.95) - 0.02, 2)

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il lit votre seuil sur le jeu de validation, avec les
# intervalles de confiance à 95 %.
def lire_seuil(nom_du_jeu, verite, scores_du_jeu, valeur):
    c = ev.confusion_at_threshold(verite, scores_du_jeu, valeur)
    # The threshold as typed (0,253 stays 0,253): rounded, it would claim a slider position
    # the figures below were not computed at.
    tel_que_tape = f"{valeur:g}".replace(".", ",")
    print(f"Jeu de {nom_du_jeu}, au seuil {tel_que_tape} :")
    if abs(valeur - round(valeur, 2)) > 1e-9:
        print("  (ce seuil n'est pas une position du curseur : la question 2 attend un seuil "
              "à deux décimales, de 0,01 en 0,01)")
    proportions = [("sensibilité", c.tp, c.tp + c.fn)]
    if nom_du_jeu == "validation":  # pas sur le test : la question 9 demande cette spécificité
        proportions.append(("spécificité", c.tn, c.tn + c.fp))
    for nom, k, n in proportions:
        bas, haut = ev.proportion_ci(k, n)
        print(f"  {nom} : {k} sur {n}, soit {fr_number(k / n)} ; intervalle de confiance à "
              f"95 % : de {fr_number(bas, 2)} à {fr_number(haut, 2)}")
    if nom_du_jeu == "validation" or checks.passed("specificite"):
        # On the test set this line gives question 9's specificity: shown once it is right.
        print(f"  {c.fp} patientes sans cancer inquiétées à tort sur {c.tn + c.fp}.")
    return c.tp / (c.tp + c.fn), ev.proportion_ci(c.tp, c.tp + c.fn)


if est_entre_0_et_1(seuil):
    se_validation, ic_validation = lire_seuil("validation", y_val, scores_val, seuil)
else:
    print("Donnez d'abord à la question 2 un seuil entre 0 et 1, puis relancez cette cellule.")

# %% [markdown] session="formative"
# ### Question 3 — Que vaut la promesse « 95 % » ? (1 point)
#
# Une autre équipe a appris son modèle sur d'autres patientes, puis réglé son seuil sur un **jeu
# de validation** de 41 malades : il en détecte 39, soit 0,951 (intervalle : 0,84 à 0,99). Que
# dire aux cliniciens ? Écrivez la lettre **entre guillemets** (`"A"`, `"B"`, `"C"` ou `"D"`).
#
# - **A.** Le modèle n'a jamais appris sur ces 41 malades : la mesure est indépendante. On
#   annonce 0,951 avec son intervalle, 0,84 à 0,99, sans promettre plus.
# - **B.** Le seuil a été réglé sur ces 41 malades : leur 0,951, optimiste par construction, ne
#   vérifie pas la promesse. Il faut mesurer chez d'autres malades.
# - **C.** 41 malades, c'est peu : on ajoute celles du jeu de test, on règle de nouveau le seuil
#   sur l'ensemble et on annonce la sensibilité mesurée, plus précise.
# - **D.** On annonce « au moins 95 % » : 0,951 atteint 0,95, et la borne haute de
#   l'intervalle, 0,99, le confirme.
#
# <details><summary>Indice 1</summary>
#
# L'intervalle de confiance donne la plage des sensibilités compatibles avec 39 cancers détectés
# sur 41. Est-il étroit ? Exclut-il quelque chose ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Chaque option part d'un fait vrai. Pour chacune, demandez-vous si la conclusion en découle :
# relisez la fin de la section 2 (ce qui fait paraître un modèle meilleur qu'il n'est).
# </details>

# %% [markdown] session="evaluation"
# ### Question 3 — Que vaut la promesse « 95 % » ? (1 point)
#
# Une autre équipe promet un test qui détecte 95 % des cancers. La cellule suivante affiche **sa
# situation**, tirée pour votre copie, et quatre réponses. Que dire aux cliniciens ? Écrivez la
# lettre de la bonne **entre guillemets** (`"A"`, `"B"`, `"C"` ou `"D"`).
#
# <details><summary>Indice 1</summary>
#
# L'intervalle de confiance donne la plage des sensibilités compatibles avec 39 cancers détectés
# sur 41. Est-il étroit ? Exclut-il quelque chose ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Chaque option part d'un fait vrai. Pour chacune, demandez-vous si la conclusion en découle :
# relisez la fin de la section 2 (ce qui fait paraître un modèle meilleur qu'il n'est).
# </details>

# %% session="evaluation"
# La situation de la question 3 et ses quatre réponses, tirées pour votre copie.
VERSION_Q3 = int(np.random.default_rng([graine, 13]).integers(2))
situations_q3 = [
    "Elle a appris son modèle sur d'autres patientes, puis réglé son seuil sur un **jeu de "
    "validation** de 41 malades : il en détecte 39, soit 0,951 (intervalle : 0,84 à 0,99).",
    "Elle a appris son modèle et réglé son seuil sur d'autres patientes, puis l'a mesuré sur un "
    "**jeu de test** de 41 malades, qui n'ont servi ni à apprendre ni à régler : il en détecte "
    "39, soit 0,951 (intervalle : 0,84 à 0,99).",
]
reponses_q3 = [
    ["Le modèle n'a jamais appris sur ces 41 malades : la mesure est indépendante. On annonce 0,951 avec son intervalle, 0,84 à 0,99, sans promettre plus.",
     "Ces 41 malades n'ont servi ni à apprendre ni à régler : la mesure est indépendante. On annonce 0,951 avec son intervalle, 0,84 à 0,99, sans promettre plus."],
    ["Le seuil a été réglé sur ces 41 malades : leur 0,951, optimiste par construction, ne vérifie pas la promesse. Il faut mesurer chez d'autres malades."] * 2,
    ["41 malades, c'est peu : on ajoute celles du jeu de test, on règle de nouveau le seuil sur l'ensemble et on annonce la sensibilité mesurée, plus précise.",
     "41 malades, c'est peu : on ajoute les malades qui ont servi à régler, on règle de nouveau le seuil sur l'ensemble et on annonce la sensibilité mesurée, plus précise."],
    ["On annonce « au moins 95 % » : 0,951 atteint 0,95, et la borne haute de l'intervalle, 0,99, le confirme."] * 2,
]
ordre_q3 = np.random.default_rng([graine, 3]).permutation(4)
display(Markdown(f"**Question 3, la situation de votre copie.** {situations_q3[VERSION_Q3]}\n\n"
                 + "\n".join(f"- **{lettre}.** {reponses_q3[i][VERSION_Q3]}"
                              for lettre, i in zip("ABCD", ordre_q3, strict=True))))

# %% answer="marge" session="formative"
marge = ...
### BEGIN SOLUTION
marge = "B"
### END SOLUTION

# %% answer="marge" session="evaluation"
marge = ...
### BEGIN SOLUTION
marge = "ABCD"[list(ordre_q3).index((1, 0)[VERSION_Q3])]
### END SOLUTION

# %% tests="marge" points=1 session="formative"
# Vérification de la question 3 : exécutez cette cellule.
checks.check_choice(
    marge,
    name="marge",
    options=["A", "B", "C", "D"],
    digest="7281b74c76524fcc",
    mistakes=[
        checks.Mistake(None, "0,951 atteint 0,95 parce que le seuil a été placé pour cela sur "
                       "ces 41 malades : ce chiffre ne vérifie pas la promesse, il est optimiste "
                       "par construction. Et la borne haute ne confirme rien : l'intervalle, de 0,84 "
                       "à 0,99, laisse possible une sensibilité de 0,85. Pour promettre « au "
                       "moins 95 % », c'est la borne basse qui doit atteindre 0,95, mesurée sur "
                       "d'autres patientes, qui n'ont rien réglé.",
                       digest="db80caa2d5a4e528"),
        checks.Mistake(None, "régler le seuil sur le jeu de test puis y mesurer la "
                       "sensibilité, même avec la validation, c'est refaire l'erreur que les "
                       "trois jeux évitent : la mesure serait de nouveau faite sur les patientes "
                       "qui ont servi à régler le seuil. Plus de malades réduit le hasard, pas "
                       "ce biais.", digest="66e9f50aedcbe188"),
        checks.Mistake(None, "le modèle n'a pas appris sur ces 41 malades, mais son seuil a été "
                       "réglé sur elles : régler compte autant qu'apprendre (section 2). La "
                       "mesure n'est donc pas indépendante : son chiffre, 0,951, au moins 0,95 "
                       "par construction, est optimiste. Mesuré sur elles, ce n'est pas une "
                       "garantie.",
                       digest="534a2178d7d638cf"),
    ],
    success=(
        "ces 41 malades ont servi à choisir le seuil : un chiffre mesuré sur elles est "
        "optimiste, et 41 malades laissent une marge large. Seules d'autres patientes, "
        "qui n'ont servi ni à apprendre ni à régler, disent ce que vaut ce seuil : "
        "c'est le rôle du jeu de test, juste après."
    ),
)
### BEGIN HIDDEN TESTS
checks.check_choice(marge, name="marge", options=["A", "B", "C", "D"], expected="B")
### END HIDDEN TESTS

# %% mistake="marge" session="formative"
# message : ce n'est pas une garantie
marge = "A"

# %% mistake="marge" session="formative"
# message : régler le seuil sur le jeu de test puis y mesurer
marge = "C"

# %% mistake="marge" session="formative"
# message : la borne haute ne confirme rien
marge = "D"

# %% tests="marge" points=1 session="evaluation"
# Vérification de la question 3 : exécutez cette cellule.
checks.check_form(marge, name="marge", kind="choice", options=["A", "B", "C", "D"])
### BEGIN HIDDEN TESTS
graine_q3 = checks.student_seed("01", announce=False)
version_q3 = int(np.random.default_rng([graine_q3, 13]).integers(2))
ordre_copie_q3 = np.random.default_rng([graine_q3, 3]).permutation(4)
lettre_q3 = dict(zip(ordre_copie_q3.tolist(), "ABCD", strict=True))
autre_q3 = "cette réponse correspond à une autre consigne que la vôtre : relisez ce que demande votre énoncé (la situation de l'équipe). "
messages_q3 = (
    {0: autre_q3 + "Dans votre situation, le modèle n'a pas appris sur ces 41 malades, mais son seuil a été réglé sur elles : ce n'est pas une mesure indépendante.",
     2: "régler le seuil sur le jeu de test puis y mesurer la sensibilité refait l'erreur que les trois jeux évitent.",
     3: "la borne haute ne confirme rien : 0,951 atteint 0,95 parce que le seuil a été placé pour cela."},
    {1: autre_q3 + "Dans votre situation, le seuil a été réglé sur d'autres patientes : ces 41 malades n'ont servi ni à apprendre ni à régler, leur 0,951 n'est pas optimiste par construction. On l'annonce avec sa marge.",
     2: "régler de nouveau le seuil sur les malades où l'on a mesuré refait l'erreur que les trois jeux évitent : la mesure ne serait plus indépendante.",
     3: "la borne haute ne confirme rien : l'intervalle, de 0,84 à 0,99, laisse possible une sensibilité de 0,85 ; pour promettre « au moins 95 % », c'est la borne basse qui doit atteindre 0,95."},
)[version_q3]
checks.check_choice(marge, name="marge", options=list("ABCD"),
                    expected=lettre_q3[(1, 0)[version_q3]],
                    mistakes=[checks.Mistake(lettre_q3[i], m) for i, m in messages_q3.items()])
### END HIDDEN TESTS

# %% mistake="marge" session="evaluation"
# message : cette réponse correspond à une autre consigne que la vôtre
marge = "ABCD"[list(ordre_q3).index((0, 1)[VERSION_Q3])]

# %% mistake="marge" session="evaluation"
# message : refait l'erreur que les trois jeux évitent
marge = "ABCD"[list(ordre_q3).index(2)]

# %% mistake="marge" session="evaluation"
# message : la borne haute ne confirme rien
marge = "ABCD"[list(ordre_q3).index(3)]

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il lit votre seuil sur le jeu de test.
# Repères des chiffres cités dans le texte : question 3, 39 sur 41 = 0.951, intervalle 0.84 à
# 0.99 ; question 7, 30 sur 44, intervalle 0.53 à 0.80 ; une borne basse à 95 % (0.95) laisse
# 2,5 % (0.025) de risque de surestimer : une borne d'un seul côté, à 97,5 % (0.975).
if est_entre_0_et_1(seuil):
    se_test, (_, haut_test) = lire_seuil("test", y_test, scores, seuil)
else:
    print("Donnez d'abord à la question 2 un seuil entre 0 et 1, puis relancez cette cellule.")
if est_entre_0_et_1(seuil) and checks.passed("marge"):
    if se_test < se_validation:
        evolution = "elle baisse"
    elif se_test > se_validation:
        evolution = "elle monte"
    else:
        evolution = "elle ne change pas"
    dedans = "dans" if ic_validation[0] <= se_test <= ic_validation[1] else "hors de"
    if haut_test < 0.95:
        promesse = (f"même la borne haute de son intervalle ({fr_number(haut_test, 2)}) est sous "
                    "0,95 : les patientes du test contredisent la promesse de 95 %.")
    else:
        promesse = (f"la borne haute de son intervalle ({fr_number(haut_test, 2)}) atteint 0,95 "
                    ": les patientes du test n'excluent pas la promesse de 95 %, sans la prouver.")
    print(f"Sensibilité : {fr_number(se_validation)} sur la validation, {fr_number(se_test)} "
          f"sur le test ; {evolution} ({dedans} l'intervalle de la validation). Sur le test, "
          f"{promesse}")
    # Le plus petit nombre de malades, tous détectés, dont l'intervalle de Wilson a une borne
    # basse d'au moins 0,95.
    n_promesse = next(n for n in range(1, 1000) if ev.proportion_ci(n, n)[0] >= 0.95)
    print(f"Pour que la borne basse atteigne 0,95, il faut au moins {n_promesse} malades, tous "
          "détectés.")
elif est_entre_0_et_1(seuil):
    print("La comparaison avec la validation s'affichera ici quand la vérification de la "
          "question 3 aura dit « juste » : relancez alors cette cellule (en séance évaluée, "
          "elle reste masquée : elle donnerait la réponse).")

# %% [markdown] reveal="marge" session="evaluation"
# Lisez la comparaison validation / test affichée ci-dessus (quand la question 3 est juste).
# La validation, qui a servi à choisir le seuil, est optimiste, et le **hasard** joue. Pour
# promettre 95 %, on garde de la **marge**, puis on **vérifie sur d'autres patientes** que la **borne basse** atteint 0,95.

# %% [markdown] reveal="marge" session="formative"
# <details><summary>Après avoir répondu à la question 3 : ce que montrent ces lignes</summary>
#
# Lisez la comparaison validation / test affichée ci-dessus (quand la question 3 est juste).
# Si votre seuil est juste, la sensibilité baisse sur le **jeu de test** : la validation, qui a
# servi à choisir le seuil, était optimiste, et le **hasard** joue (la valeur du test reste dans
# l'intervalle de la validation) ; ces données ne départagent pas ces deux raisons. Pour
# promettre 95 %, on choisit sur la validation un seuil avec de la **marge**, puis on **vérifie
# sur d'autres patientes** que la **borne basse** atteint 0,95 : il faut au moins 73 malades, tous
# détectés (intervalle de Wilson).
#
# <details><summary>Pourquoi une borne basse ? (lecture facultative)</summary>
#
# L'intervalle à 95 % laisse environ 2,5 % de risque de chaque côté. Pour promettre « au moins 95 % »,
# seul le risque de surestimer compte : sa borne basse est une borne **d'un seul côté**
# (unilatérale), avec 2,5 % de risque de surestimer : on la dit « à 97,5 % ».
# </details>
#
# </details>

# %% [markdown]
# ## 6. La prévalence change tout : valeurs prédictives et théorème de Bayes
#
# La patiente demande : **« mon test est positif : quel est le risque que j'aie un cancer ? »**
# C'est la **valeur prédictive positive (VPP)** : parmi les tests positifs, la part de malades
# (la **valeur prédictive négative**, VPN : parmi les tests négatifs, la part de non-malades).
# La VPP dépend de la sensibilité, de la spécificité **et de la prévalence** *p* (la part de
# malades dans la population testée). Par le **théorème de Bayes** (qui passe de « positif si
# malade » à « malade si positif ») :
#
# $$\text{VPP} = \frac{\text{Se} \times p}{\text{Se} \times p + (1 - \text{Sp}) \times (1 - p)}$$
#
# Le numérateur compte les vrais positifs, le dénominateur **tous** les positifs (vrais et faux).
#
# **Une expérience de pensée.** Imaginons le **même** test (mêmes Se et Sp, au seuil 0,5 pour
# simplifier) chez des femmes **sans symptôme**, dont 1 % (et non 37 %) ont un cancer, comme
# dans un dépistage.
# En réalité Se et Sp changent aussi d'une population à l'autre (**effet de spectre** : ni les
# malades ni les non-malades n'y sont les mêmes ; Leeflang et al., *CMAJ* 2013).

# %% session="formative"
# Inutile de lire tout ce code : exécutez-le. Retenez les noms `se` et `sp` (sensibilité et
# spécificité au seuil 0,5, sur le jeu de test), utiles à la question 4.
se = ev.sensitivity(y_test, ev.predict_at_threshold(scores, seuil_defaut))
sp = ev.specificity(y_test, ev.predict_at_threshold(scores, seuil_defaut))
prevalence_etude = float(y_test.mean())
if checks.passed("sensibilite"):
    print(f"Au seuil 0,5 : sensibilité Se = {fr_number(se)}, spécificité Sp = {fr_number(sp)}")
else:  # an evaluated session: this line would give question 1's answer
    print(f"Au seuil 0,5 : sensibilité Se = votre réponse à la question 1, spécificité Sp = "
          f"{fr_number(sp)}")
print(f"Population de l'étude (jeu de test : patientes adressées pour une masse) : prévalence "
      f"{fr_percent(prevalence_etude)}")
# The study's VPP from its own counts (the formula above gives the same with p = prevalence).
positifs_etude = ev.confusion_at_threshold(y_test, scores, seuil_defaut)
vpp_etude = positifs_etude.tp / (positifs_etude.tp + positifs_etude.fp)
print(f"VPP dans cette population de l'étude : {fr_number(vpp_etude)}")

# %% session="evaluation"
# Inutile de lire tout ce code : exécutez-le. Retenez les noms `se` et `sp` (sensibilité et
# spécificité au seuil 0,5, sur le jeu de test), utiles à la question 4.
se = ev.sensitivity(y_test, ev.predict_at_threshold(scores, seuil_defaut))
sp = ev.specificity(y_test, ev.predict_at_threshold(scores, seuil_defaut))
prevalence_etude = float(y_test.mean())
# Not printed: on each copy one of them is question 1's answer.
print("Au seuil 0,5 : la sensibilité est dans la variable se, la spécificité dans sp.")
print(f"Population de l'étude (jeu de test : patientes adressées pour une masse) : prévalence "
      f"{fr_percent(prevalence_etude)}")
# The study's VPP from its own counts (the formula above gives the same with p = prevalence).
positifs_etude = ev.confusion_at_threshold(y_test, scores, seuil_defaut)
vpp_etude = positifs_etude.tp / (positifs_etude.tp + positifs_etude.fp)
print(f"VPP dans cette population de l'étude : {fr_number(vpp_etude)}")
# La tâche de la question 4, tirée pour votre copie (deux tâches de même difficulté).
TACHE_Q4 = int(np.random.default_rng([graine, 14]).integers(2))
print("Question 4, votre tâche : parmi les tests positifs, la part de femmes "
      + ("atteintes d'un cancer", "sans cancer")[TACHE_Q4] + ", à 1 % de prévalence.")

# %% [markdown] session="formative"
# ### Question 4 — La VPP quand la prévalence est de 1 % (1 point)
#
# Calculez la **VPP** du même test (mêmes `se` et `sp`) dans la population de dépistage
# imaginée, où la prévalence est de **1 %**. Donnez une proportion entre 0 et 1, corrigée à
# **4 décimales** : écrivez le **calcul** (arrondi à 3 décimales : la moitié du point).
#
# <details><summary>Indice 1</summary>
#
# Seule la prévalence change : *p* = 0,01. Dans la formule, qui sont les malades détectées, et
# d'où viennent les faux positifs ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Dans la formule, remplacez Se par `se`, Sp par `sp` et *p* par `0.01` (donc 1 − *p* par
# `0.99`). Attention aux parenthèses : tout le dénominateur entre parenthèses.
# </details>

# %% [markdown] session="evaluation"
# ### Question 4 — Un test positif quand la prévalence est de 1 % (1 point)
#
# Parmi les tests positifs, les malades détectées pèsent Se × *p* et les non-malades inquiétées à
# tort (1 − Sp) × (1 − *p*). Pour le même test (`se`, `sp`) à *p* = **1 %**, calculez dans
# `vpp_depistage` la part que demande **votre tâche** (affichée ci-dessus) : entre 0 et 1, à
# **4 décimales**, écrivez le **calcul** (arrondi à 3 décimales : la moitié du point).
#
# <details><summary>Indice 1</summary>
#
# Seule la prévalence change : *p* = 0,01. En bas, tous les tests positifs ; en haut, ceux du
# groupe que demande votre tâche.
# </details>

# %% answer="vpp_depistage" session="formative"
vpp_depistage = ...
### BEGIN SOLUTION
vpp_depistage = se * 0.01 / (se * 0.01 + (1 - sp) * 0.99)
### END SOLUTION

# %% answer="vpp_depistage" session="evaluation"
vpp_depistage = ...
### BEGIN SOLUTION
vpp_depistage = (se * 0.01, (1 - sp) * 0.99)[TACHE_Q4] / (se * 0.01 + (1 - sp) * 0.99)
### END SOLUTION

# %% tests="vpp_depistage" points=1 session="formative"
# Vérification de la question 4 : exécutez cette cellule.
checks.expect(
    not isinstance(vpp_depistage, tuple),
    "votre réponse contient deux nombres : ev.predictive_values renvoie la VPP puis la VPN. "
    "Ajoutez [0] à la fin pour garder le premier, la VPP.",
    name="vpp_depistage",
)
valeur_vpp = checks.require_number(vpp_depistage, name="vpp_depistage")
checks.expect(
    not checks.matches_digest(valeur_vpp, "1140559e67c5171b", name="vpp_depistage"),
    "vous avez multiplié (1 − Sp) par 0,01 : les faux positifs viennent des non-malades, qui "
    "sont 99 %, soit 0,99.",
    name="vpp_depistage",
)
checks.expect(
    abs(valeur_vpp - vpp_etude) >= 0.005,
    "vous avez recopié la VPP affichée plus haut, celle de la prévalence du jeu de test. La "
    "question demande la VPP dans une population où la prévalence est de 1 %.",
    name="vpp_depistage",
)
checks.expect(
    not checks.matches_digest(valeur_vpp, "1382ebaaad206a5f", name="vpp_depistage"),
    "vous avez calculé la part de faux positifs parmi les tests positifs (1 − VPP) : la VPP "
    "met au numérateur les vrais positifs, Se × p, pas les faux positifs.",
    name="vpp_depistage",
)
checks.expect(
    valeur_vpp < vpp_etude or valeur_vpp > 1,
    "quand la maladie devient plus rare, la VPP baisse : à 1 % de prévalence, elle ne peut pas "
    "dépasser la VPP à 37 %. Vous avez peut-être donné la valeur prédictive négative (le second "
    "nombre renvoyé par ev.predictive_values), inversé p et 1 − p, ou écrit prevalence=1 "
    "(ce qui veut dire 100 %) au lieu de prevalence=0.01.",
    name="vpp_depistage",
)
checks.check_number(
    vpp_depistage,
    name="vpp_depistage",
    digest="e59323ff9f03c26f",
    decimals=4,
    bounds=(0, 1),
    mistakes=[
        checks.Mistake(se,
                       "vous avez donné la sensibilité. La VPP répond à une autre question : "
                       "parmi les tests positifs, quelle part de malades ?"),
        checks.Mistake(None, "il manque des parenthèses autour du dénominateur : Python calcule "
                       "a / b * c + d de gauche à droite, sans savoir où finit le dénominateur. "
                       "Écrivez numérateur / (tout le dénominateur).", digest="2d5ea3962a370d06"),
        checks.Mistake(None, "il manque des parenthèses autour de 1 − Sp : Python multiplie "
                       "avant de soustraire. Écrivez `(1 - sp) * 0.99`.",
                       digest="15da1700787202f2"),
        checks.Mistake(None, "vous avez mis Sp là où il faut 1 − Sp : les faux positifs sont les "
                       "non-malades que le test déclare positifs, soit une part 1 − Sp d'entre "
                       "elles.", digest="95dc18f1dd478e2b"),
        checks.Mistake(None, "vous avez pris une prévalence de 10 % (0,1) ; la question demande "
                       "1 %, soit 0,01.", digest="e56297d8a3811989"),
        checks.Mistake(None, "vous n'avez calculé que le numérateur (Se × p, les vrais "
                       "positifs) : la VPP le divise par tous les positifs, vrais et faux.",
                       digest="85978299a7be2353"),
        checks.Mistake(None, "vous avez échangé Se et Sp dans la formule : le numérateur compte "
                       "les malades détectées (Se × p), les faux positifs viennent des "
                       "non-malades ((1 − Sp) × (1 − p)).", digest="4f942d201e524434"),
        checks.Mistake(None, "tout près de la réponse. Si vous avez écrit le calcul avec se et "
                       "sp, vous avez oublié de multiplier (1 − Sp) par 0,99 : les faux positifs "
                       "sont une part 1 − Sp des non-malades, qui ne sont que 99 % des femmes. "
                       "Si vous avez tapé des valeurs arrondies de Se et Sp, données d'entrée "
                       "arrondies : utilisez les variables se et sp. Si vous avez tapé un nombre "
                       "à 3 décimales, il est trop arrondi : la question se corrige à 4 "
                       "décimales (la moitié du point s'il est juste).",
                       digest="62acfff4fa5f040d"),
        checks.Mistake(None, "trop arrondi : vous avez donné 2 décimales, la question se corrige "
                       "à 4. Écrivez le calcul avec se et sp (Python garde toutes les "
                       "décimales) ; votre formule n'est pas en cause.",
                       digest="964d9ed175f77086"),
        checks.Mistake(None, "données d'entrée arrondies : utilisez se et sp. Recopiées à deux "
                       "décimales, Se et Sp déplacent la 4e décimale de la VPP ; les variables "
                       "se et sp gardent toutes les décimales. La formule, elle, est juste.",
                       digest="e4ce9d69a49701a9"),
    ],
    hint="Vérifiez la formule : le numérateur compte les vrais positifs (Se × p), le "
    "dénominateur tous les positifs, vrais et faux.",
    success=f"VPP = {fr_number(valeur_vpp, 4)}, soit environ {round(100 * valeur_vpp)} cancers "
    "pour 100 tests positifs.",
    points=1,
)
### BEGIN HIDDEN TESTS
checks.check_number(
    vpp_depistage,
    name="vpp_depistage",
    expected=ev.predictive_values(sensitivity=se, specificity=sp, prevalence=0.01)[0],
    decimals=4,
    points=1,
)
### END HIDDEN TESTS

# %% mistake="vpp_depistage" session="formative"
# message : vous avez mis Sp là où il faut 1 − Sp
vpp_depistage = se * 0.01 / (se * 0.01 + sp * 0.99)

# %% mistake="vpp_depistage" session="formative"
# message : vous avez multiplié (1 − Sp) par 0,01
vpp_depistage = se * 0.01 / (se * 0.01 + (1 - sp) * 0.01)

# %% mistake="vpp_depistage" session="formative"
# message : parenthèses autour du dénominateur
vpp_depistage = se * 0.01 / se * 0.01 + (1 - sp) * 0.99

# %% mistake="vpp_depistage" session="formative"
# message : parenthèses autour de 1 − Sp
vpp_depistage = se * 0.01 / (se * 0.01 + 1 - sp * 0.99)

# %% mistake="vpp_depistage" session="formative"
# message : prévalence de 10 %
vpp_depistage = ev.predictive_values(sensitivity=se, specificity=sp, prevalence=0.1)[0]

# %% mistake="vpp_depistage" session="formative"
# message : Ajoutez [0] à la fin
vpp_depistage = ev.predictive_values(sensitivity=se, specificity=sp, prevalence=0.01)

# %% mistake="vpp_depistage" session="formative"
# message : valeur prédictive négative
vpp_depistage = ev.predictive_values(sensitivity=se, specificity=sp, prevalence=0.01)[1]

# %% mistake="vpp_depistage" session="formative"
# message : vous avez donné la sensibilité
vpp_depistage = se

# %% mistake="vpp_depistage" session="formative"
# message : vous avez recopié la VPP affichée plus haut
vpp_depistage = vpp_etude

# %% mistake="vpp_depistage" session="formative"
# message : vous n'avez calculé que le numérateur
vpp_depistage = se * 0.01

# %% mistake="vpp_depistage" session="formative"
# message : vous avez oublié de multiplier (1 − Sp) par 0,99
vpp_depistage = se * 0.01 / (se * 0.01 + (1 - sp))

# %% mistake="vpp_depistage" session="formative"
# message : données d'entrée arrondies : utilisez se et sp
vpp_depistage = 0.68 * 0.01 / (0.68 * 0.01 + (1 - 0.83) * 0.99)

# %% mistake="vpp_depistage" session="formative"
# message : Si vous avez tapé des valeurs arrondies de Se et Sp
vpp_depistage = 0.0392

# %% mistake="vpp_depistage" session="formative"
# message : trop arrondi
vpp_depistage = 0.039

# %% mistake="vpp_depistage" session="formative"
# message : trop arrondi : vous avez donné 2 décimales
vpp_depistage = 0.04

# %% mistake="vpp_depistage" session="formative"
# message : part de faux positifs parmi les tests positifs
vpp_depistage = (1 - sp) * 0.99 / (se * 0.01 + (1 - sp) * 0.99)

# %% mistake="vpp_depistage" session="formative"
# message : vous avez échangé Se et Sp
vpp_depistage = sp * 0.01 / (sp * 0.01 + (1 - se) * 0.99)

# %% mistake="vpp_depistage" session="formative"
# message : écrit prevalence=1
vpp_depistage = ev.predictive_values(sensitivity=se, specificity=sp, prevalence=1)[0]

# %% tests="vpp_depistage" points=1 session="evaluation"
# Vérification de la question 4 : exécutez cette cellule.
checks.check_form(vpp_depistage, name="vpp_depistage", kind="number", decimals=4, bounds=(0, 1))
### BEGIN HIDDEN TESTS
graine_copie = ev.wdbc_case_seed(checks.student_seed("01", announce=False))
wdbc = load_breast_cancer_wdbc()
X_r, X_t, y_r, y_t = train_test_split(
    wdbc.data[["mean texture", "mean compactness"]], wdbc.target, test_size=0.4,
    stratify=wdbc.target, random_state=graine_copie)
X_a, X_v, y_a, y_v = train_test_split(X_r, y_r, test_size=0.2 / 0.6, stratify=y_r,
                                      random_state=graine_copie)
refait = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_a, y_a)
s_v, s_t = refait.predict_proba(X_v)[:, 1], refait.predict_proba(X_t)[:, 1]
c_q4 = ev.confusion_at_threshold(y_t, s_t, 0.5)
se_q4, sp_q4 = c_q4.tp / (c_q4.tp + c_q4.fn), c_q4.tn / (c_q4.tn + c_q4.fp)
# The copy's task, drawn from the seed as section 6's cell draws it.
tache_q4 = int(np.random.default_rng([checks.student_seed("01", announce=False), 14]).integers(2))
malades_q4, inquietees_q4 = se_q4 * 0.01, (1 - sp_q4) * 0.99
autre_q4 = ("cette réponse correspond à une autre consigne que la vôtre : relisez ce que demande votre "
            "énoncé (la tâche affichée au-dessus de la question). ")
cles_q4 = (malades_q4 / (malades_q4 + inquietees_q4), inquietees_q4 / (malades_q4 + inquietees_q4))
erreurs_q4 = (
    [
        (cles_q4[1], autre_q4 + "Vous avez calculé la part des non-malades (fausses alertes) ; "
         "votre tâche demande la part des malades parmi les tests positifs (la VPP)."),
        (malades_q4 / (malades_q4 + sp_q4 * 0.99), "vous avez mis Sp là où il faut 1 − Sp : les "
         "non-malades inquiétées à tort sont une part 1 − Sp des non-malades."),
        (malades_q4 / (malades_q4 + (1 - sp_q4) * 0.01), "vous avez multiplié (1 − Sp) par "
         "0,01 : les non-malades sont 99 %, soit 0,99."),
        (se_q4, "vous avez donné la sensibilité : elle part des malades, pas des tests positifs."),
        (sp_q4 * 0.99 / (sp_q4 * 0.99 + (1 - se_q4) * 0.01), "vous avez donné la valeur "
         "prédictive négative : elle part des tests négatifs, pas des tests positifs."),
    ],
    [
        (cles_q4[0], autre_q4 + "Vous avez calculé la part des malades (la VPP) ; votre tâche "
         "demande la part des non-malades parmi les tests positifs (les fausses alertes)."),
        (sp_q4 * 0.99 / (malades_q4 + sp_q4 * 0.99), "vous avez mis Sp là où il faut 1 − Sp : les "
         "non-malades inquiétées à tort sont une part 1 − Sp des non-malades."),
        ((1 - sp_q4) * 0.01 / (malades_q4 + (1 - sp_q4) * 0.01), "vous avez multiplié (1 − Sp) "
         "par 0,01 : les non-malades sont 99 %, soit 0,99."),
        (1 - sp_q4, "vous avez donné 1 − Sp (parmi les non-malades, la part inquiétée à tort) : "
         "votre tâche part des tests positifs, pas des non-malades."),
        ((1 - se_q4) * 0.01 / ((1 - se_q4) * 0.01 + sp_q4 * 0.99), "vous avez donné la part de "
         "cancers parmi les tests négatifs : votre tâche part des tests positifs."),
    ],
)[tache_q4]
checks.check_number(vpp_depistage, name="vpp_depistage", decimals=4, points=1,
                    expected=cles_q4[tache_q4],
                    mistakes=[checks.Mistake(v, m) for v, m in erreurs_q4])
### END HIDDEN TESTS

# %% mistake="vpp_depistage" session="evaluation"
# message : cette réponse correspond à une autre consigne que la vôtre
vpp_depistage = (se * 0.01, (1 - sp) * 0.99)[1 - TACHE_Q4] / (se * 0.01 + (1 - sp) * 0.99)

# %% mistake="vpp_depistage" session="evaluation"
# message : vous avez mis Sp là où il faut 1 − Sp
vpp_depistage = (se * 0.01, sp * 0.99)[TACHE_Q4] / (se * 0.01 + sp * 0.99)

# %% mistake="vpp_depistage" session="evaluation"
# message : vous avez multiplié (1 − Sp) par 0,01
vpp_depistage = (se * 0.01, (1 - sp) * 0.01)[TACHE_Q4] / (se * 0.01 + (1 - sp) * 0.01)

# %% [markdown]
# ## Après la séance
#
# Cette partie se fait **après la séance**, chez vous : la VPP avec une plage indicative, une
# question sur le test de référence, une sur la prévalence et l'AUC, une sur l'intervalle de
# confiance, deux sur le résultat de Madame L. (risque après un test négatif, spécificité), la
# réflexion écrite (notée par l'enseignant), et un complément sur le dépistage.
#
# ### La VPP à 1 % (population de dépistage imaginée), avec une plage indicative (suite de la question 4)
#
# La spécificité de la question 4 a été mesurée sur les non-malades du jeu de test : elle a, elle
# aussi, son intervalle de confiance. La cellule suivante reporte ses deux bornes dans la formule
# de la VPP, au seuil 0,5 puis à votre seuil de la question 2. On obtient une **plage
# indicative**, pas un intervalle de confiance de la VPP : celui-ci tiendrait compte aussi de la
# marge de la sensibilité, et se calcule autrement.
#
# Personne ne dépisterait par cytoponction : il faut une masse où piquer, et le geste est
# invasif. Elle vient **après** l'examen clinique et l'imagerie : c'est un test diagnostique, pas
# un test de dépistage. D'où « imaginée ».

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : exécutez-le et lisez ce qu'il affiche.
# La VPP à 1 % hérite de la marge de la spécificité : les bornes de son intervalle (jeu de test)
# sont reportées dans la formule, au seuil 0,5, puis à votre seuil de la question 2. La marge de
# la sensibilité, laissée de côté ici, élargirait encore la plage de la VPP.
def vpp_avec_marge(valeur_seuil):
    c = ev.confusion_at_threshold(y_test, scores, valeur_seuil)
    se_seuil = c.tp / (c.tp + c.fn)
    sp_bas, sp_haut = ev.proportion_ci(c.tn, c.tn + c.fp)
    vpp_bas, vpp_haut = (ev.predictive_values(sensitivity=se_seuil, specificity=borne,
                                              prevalence=0.01)[0] for borne in (sp_bas, sp_haut))
    rapport = (f" (la borne haute vaut {fr_number(vpp_haut / vpp_bas, 1)} fois la basse)"
               if vpp_bas > 0 else "")
    print(f"  intervalle de la spécificité : de {fr_number(sp_bas, 2)} à "
          f"{fr_number(sp_haut, 2)} ; plage indicative de la VPP à 1 % : de {fr_number(vpp_bas)} "
          f"à {fr_number(vpp_haut)}{rapport}")
    return c


if checks.passed("vpp_depistage"):
    print("Population de dépistage imaginée (prévalence 1 %), avec Se et Sp mesurées sur la "
          "population de l'étude (jeu de test).")
    print(f"Au seuil 0,5, celui de la question 4 (votre réponse : "
          f"{fr_number(vpp_depistage, 4)}) :")
    comptes_05 = vpp_avec_marge(seuil_defaut)
    if not atteint_95(seuil):
        # Un seuil qui manque la cible (0,95 par exemple) afficherait une VPP de 1 sur le petit
        # jeu de test : le contraire de ce que montre cette section.
        print("Votre seuil de la question 2 ne détecte pas 95 % des cancers du jeu de "
              "validation : la VPP à ce seuil ne s'affiche pas. Revoyez la question 2.")
    elif ev.confusion_at_threshold(y_test, scores, seuil) == comptes_05:
        print("Votre seuil de la question 2 donne sur le jeu de test les mêmes Se et Sp que 0,5.")
    else:
        comptes_q2 = ev.confusion_at_threshold(y_test, scores, seuil)
        se_2 = comptes_q2.tp / (comptes_q2.tp + comptes_q2.fn)
        sp_2 = comptes_q2.tn / (comptes_q2.tn + comptes_q2.fp)
        vpp_2 = ev.predictive_values(sensitivity=se_2, specificity=sp_2, prevalence=0.01)[0]
        print(f"À votre seuil de la question 2 ({fr_number(seuil, 2)}) : Se = {fr_number(se_2)}, "
              f"VPP à 1 % = {fr_number(vpp_2)}")
        vpp_avec_marge(seuil)
else:
    print("La plage indicative s'affichera ici quand la vérification de la question 4 aura dit "
          "« juste » : relancez alors cette cellule (en séance évaluée, elle reste masquée : elle "
          "donnerait la réponse).")

# %% [markdown] reveal="vpp_depistage"
# À 1 % de prévalence, la plupart des tests positifs sont de faux positifs, et la VPP dépend
# surtout de la **spécificité** : la marge de Sp la fait beaucoup varier. Au bon seuil de la
# question 2, plus bas, la VPP baisse encore : moins de cancers manqués, plus de fausses alertes.
# Une performance ne se transpose ni d'une population à l'autre, ni sans sa marge.

# %% [markdown]
# ### Question 5 — Juger le test avec une mauvaise référence (1 point)
#
# Une autre équipe évalue le même score, mais le compare au compte rendu d'un cytologiste
# expérimenté qui a lu **la même cytoponction** au microscope, sans connaître le score. Chez
# ses patientes atteintes d'un cancer (l'histologie l'a confirmé plus tard, mais l'équipe ne
# s'en sert pas), la cellule suivante range trois nombres (inventés) sous des noms :
#
# - `cancers` : les patientes atteintes d'un cancer ;
# - `ponctions_manquees` : parmi elles, celles dont l'aiguille a manqué la tumeur. Les cellules
#   aspirées sont saines : le cytologiste conclut « bénin », et le score est négatif ;
# - `detectes_par_le_score` : les cancers que le score déclare positifs, tous parmi les
#   ponctions réussies, que le cytologiste a toutes lues « malin ».
#
# Le cytologiste ne lit « malin » aucune ponction de patiente sans cancer.
#
# Quelle **sensibilité** l'autre équipe mesurera-t-elle, avec le cytologiste pour référence ?
# Écrivez le calcul avec ces noms (une proportion entre 0 et 1).
#
# <details><summary>Indice 1</summary>
#
# Pour l'autre équipe, qui est « malade » ? Celle que sa référence, le cytologiste, dit
# maligne. Que dit-il des ponctions manquées ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Dites la phrase « parmi les malades **selon la référence de l'équipe**, la part que le score
# détecte ». Combien de malades compte l'équipe ? Les cancers détectés par le score en font-ils
# tous partie ?
# </details>
#
# <details><summary>Pour aller plus loin (lecture facultative)</summary>
#
# Une étude de test diagnostique se conduit **à l'aveugle** : qui lit la référence ne connaît
# pas le résultat du test. Les grilles STARD (pour rédiger une telle étude) et QUADAS-2 (pour en juger
# la qualité) le demandent (Bossuyt et al., 2015 ; Whiting et al., 2011).
# </details>

# %% session="formative"
# Les trois nombres de l'autre équipe (inventés pour l'exercice).
cancers = 100
ponctions_manquees = 12
detectes_par_le_score = 70
print(f"cancers = {cancers} ; ponctions_manquees = {ponctions_manquees} ; "
      f"detectes_par_le_score = {detectes_par_le_score}")

# %% session="evaluation"
# Les trois nombres de l'autre équipe (inventés pour l'exercice, tirés pour votre copie).
tirage_q5 = np.random.default_rng([graine, 5])
cancers = int(tirage_q5.choice([80, 90, 100, 110, 120]))
ponctions_manquees = int(tirage_q5.integers(8, 16))
detectes_par_le_score = round((cancers - ponctions_manquees) * tirage_q5.uniform(0.7, 0.9))
print(f"cancers = {cancers} ; ponctions_manquees = {ponctions_manquees} ; "
      f"detectes_par_le_score = {detectes_par_le_score}")

# %% answer="sensibilite_apparente"
sensibilite_apparente = ...
### BEGIN SOLUTION
sensibilite_apparente = detectes_par_le_score / (cancers - ponctions_manquees)
### END SOLUTION

# %% tests="sensibilite_apparente" points=1 session="formative"
# Vérification de la question 5 : exécutez cette cellule.
message_depasse_1 = ("une proportion ne dépasse pas 1 : le haut doit faire partie du bas. En "
                     "bas, les malades selon la référence de l'équipe ; en haut, celles d'entre "
                     "elles que le score détecte.")
valeur_q5 = checks.require_number(sensibilite_apparente, name="sensibilite_apparente")
# Above 1 and not the key given as a percentage: a denominator that leaves out part of the
# group (3,89 for 70 / 18), not a percentage.
checks.expect(valeur_q5 <= 1 or checks.matches_digest(valeur_q5 / 100, "9d5f46f740872227",
                                                       name="sensibilite_apparente"),
              message_depasse_1, name="sensibilite_apparente")
checks.check_number(
    sensibilite_apparente,
    name="sensibilite_apparente",
    digest="9d5f46f740872227",
    bounds=(0, 1),
    mistakes=[
        checks.Mistake(None, "c'est la vraie sensibilité, jugée par l'histologie. L'autre équipe "
                       "ne s'en sert pas : pour elle, est malade celle que le cytologiste dit "
                       "maligne. Que dit-il des ponctions manquées ?", digest="6c13c50e0a0ed1b1"),
        checks.Mistake(None, "vous avez compté les ponctions manquées comme détectées. Le score "
                       "les dit négatives, et le cytologiste « bénin » : pour l'équipe, ce sont "
                       "des vrais négatifs, hors du groupe des malades.",
                       digest="54052a131818f449"),
        checks.Mistake(None, "vous avez calculé la part des cancers que le cytologiste "
                       "reconnaît (sa propre sensibilité, jugée par l'histologie). La question "
                       "porte sur le score, jugé par le cytologiste.", digest="6c6a8dbe7249e4a4"),
        checks.Mistake(None, "vous avez calculé la part des malades (selon le cytologiste) que le "
                       "score manque : 1 − sensibilité. Mettez les cancers détectés au "
                       "numérateur.", digest="c365319785398d80"),
        checks.Mistake(None, "vous avez calculé la part des cancers que le score manque, jugée "
                       "par l'histologie (1 − vraie sensibilité). La question demande la "
                       "sensibilité que mesure l'équipe.", digest="70bdb834d86e452f"),
        checks.Mistake(None, "attention aux parenthèses : Python calcule a / b - c comme "
                       "(a / b) - c. Mettez tout le dénominateur entre parenthèses.",
                       digest="5ff9cd91ffe6b34f"),
        checks.Mistake(None, "vous avez ajouté les ponctions manquées au groupe des malades. "
                       "Pour l'équipe, le cytologiste les dit bénignes : elles en sortent.",
                       digest="879e6b7390c24083"),
        checks.Mistake(None, message_depasse_1, digest="195f146c87167cee"),
        checks.Mistake(None, message_depasse_1, digest="fc826791cd321d3b"),
        checks.Mistake(None, message_depasse_1, digest="8b40538ea3b3a2da"),
        checks.Mistake(None, message_depasse_1, digest="37b20c1e7e8eff18"),
    ],
    success=("c'est la sensibilité que mesure l'équipe : pour elle, les ponctions manquées ne "
             "sont pas des malades. Comparez-la à la vraie sensibilité, jugée par l'histologie."),
    points=1,
)
### BEGIN HIDDEN TESTS
checks.check_number(
    sensibilite_apparente,
    name="sensibilite_apparente",
    expected=detectes_par_le_score / (cancers - ponctions_manquees),
    mistakes=[
        checks.Mistake(detectes_par_le_score / cancers, "c'est la vraie sensibilité."),
        checks.Mistake((detectes_par_le_score + ponctions_manquees) / cancers,
                       "vous avez compté les ponctions manquées comme détectées."),
    ],
    points=1,
)
### END HIDDEN TESTS

# %% mistake="sensibilite_apparente" session="formative"
# message : c'est la vraie sensibilité
sensibilite_apparente = detectes_par_le_score / cancers

# %% mistake="sensibilite_apparente" session="formative"
# message : ponctions manquées comme détectées
sensibilite_apparente = (detectes_par_le_score + ponctions_manquees) / cancers

# %% mistake="sensibilite_apparente" session="formative"
# message : que le cytologiste reconnaît
sensibilite_apparente = (cancers - ponctions_manquees) / cancers

# %% mistake="sensibilite_apparente" session="formative"
# message : 1 − sensibilité
sensibilite_apparente = (cancers - ponctions_manquees - detectes_par_le_score) / (
    cancers - ponctions_manquees
)

# %% mistake="sensibilite_apparente" session="formative"
# message : 1 − vraie sensibilité
sensibilite_apparente = (cancers - detectes_par_le_score) / cancers

# %% mistake="sensibilite_apparente" session="formative"
# message : attention aux parenthèses
sensibilite_apparente = detectes_par_le_score / cancers - ponctions_manquees

# %% mistake="sensibilite_apparente" session="formative"
# message : ajouté les ponctions manquées au groupe des malades
sensibilite_apparente = detectes_par_le_score / (cancers + ponctions_manquees)

# %% mistake="sensibilite_apparente" session="formative"
# message : une proportion ne dépasse pas 1
sensibilite_apparente = detectes_par_le_score / ponctions_manquees

# %% mistake="sensibilite_apparente" session="formative"
# message : une proportion ne dépasse pas 1
sensibilite_apparente = cancers - ponctions_manquees

# %% mistake="sensibilite_apparente" session="formative"
# message : donné un pourcentage
sensibilite_apparente = 100 * detectes_par_le_score / (cancers - ponctions_manquees)

# %% mistake="sensibilite_apparente" session="formative"
# message : le haut doit faire partie du bas
sensibilite_apparente = detectes_par_le_score / (cancers - ponctions_manquees - detectes_par_le_score)

# %% tests="sensibilite_apparente" points=1 session="evaluation"
# Vérification de la question 5 : exécutez cette cellule.
checks.check_form(sensibilite_apparente, name="sensibilite_apparente", kind="number", decimals=3,
                  bounds=(0, 1))
### BEGIN HIDDEN TESTS
tirage_copie_q5 = np.random.default_rng([checks.student_seed("01", announce=False), 5])
n_cancers_q5 = int(tirage_copie_q5.choice([80, 90, 100, 110, 120]))
n_manquees_q5 = int(tirage_copie_q5.integers(8, 16))
n_detectes_q5 = round((n_cancers_q5 - n_manquees_q5) * tirage_copie_q5.uniform(0.7, 0.9))
checks.check_number(sensibilite_apparente, name="sensibilite_apparente", points=1,
                    expected=n_detectes_q5 / (n_cancers_q5 - n_manquees_q5), mistakes=[
    checks.Mistake(n_detectes_q5 / n_cancers_q5, "c'est la vraie sensibilité, jugée par "
                   "l'histologie : pour l'équipe, les ponctions manquées ne sont pas malades."),
    checks.Mistake((n_detectes_q5 + n_manquees_q5) / n_cancers_q5, "vous avez compté les "
                   "ponctions manquées comme détectées."),
    checks.Mistake(n_detectes_q5 / (n_cancers_q5 + n_manquees_q5), "vous avez ajouté les "
                   "ponctions manquées au groupe des malades."),
])
### END HIDDEN TESTS

# %% mistake="sensibilite_apparente" session="evaluation"
# message : c'est la vraie sensibilité
sensibilite_apparente = detectes_par_le_score / cancers

# %% mistake="sensibilite_apparente" session="evaluation"
# message : ponctions manquées comme détectées
sensibilite_apparente = (detectes_par_le_score + ponctions_manquees) / cancers

# %% [markdown] reveal="sensibilite_apparente"
# <details><summary>Après avoir répondu à la question 5 : ce que montre ce calcul</summary>
#
# **Ce que montre ce calcul.** Le cytologiste lit les mêmes cellules que le score : quand
# l'aiguille a manqué la tumeur, tous deux disent « bénin », et ces cancers manqués passent pour
# des vrais négatifs. Ils sortent du groupe des malades, et le test paraît meilleur qu'il n'est.
# Une référence imparfaite ne flatte pas toujours le test : les erreurs propres du cytologiste
# (une mauvaise lecture), indépendantes du score, le feraient paraître moins bon. Une référence
# doit se tromper autrement que le test : pour un cancer, l'histologie d'un fragment de tissu.
#
# </details>

# %% [markdown]
# ### La courbe ROC et l'aire sous la courbe (AUC)
#
# La courbe ROC (de l'anglais *Receiver Operating Characteristic*) que montrait l'explorateur
# résume **tous les seuils à la fois** : pour chaque seuil, elle place la sensibilité (en
# ordonnée) contre 1 − spécificité (en abscisse). L'**aire sous la courbe (AUC)** vaut 1 pour un
# test parfait et 0,5 pour un test qui répond au hasard (la diagonale). Elle a une lecture
# simple : c'est la probabilité qu'une patiente malade tirée au hasard ait un score plus élevé
# qu'une patiente non malade tirée au hasard. Mesurée sur les patientes du jeu de test, l'AUC a,
# elle aussi, un intervalle de confiance : la cellule suivante l'affiche. Il se calcule à partir
# de l'**erreur type** de l'AUC, qui dit de combien elle varierait d'un échantillon de patientes
# à l'autre (formule de Hanley et McNeil, 1982).
#
# La cellule donne aussi l'AUC du même type de modèle nourri de **toutes** les mesures du jeu.
# Notre modèle n'en garde que deux, pour que ses erreurs se voient : ses chiffres modestes ne
# disent rien de la méthode, seulement de ce choix.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il trace la courbe ROC du jeu de test et donne l'intervalle
# de confiance de son AUC (erreur type de Hanley et McNeil, 1982).
courbe = ev.roc(y_test, scores)
with accessible_style():
    show_figure(
        plot_roc(courbe, title="Courbe ROC du modèle (jeu de test)"),
        describe_roc(courbe),
    )
n_cancers, n_benins = int(y_test.sum()), int((y_test == 0).sum())


def ecrire_auc(nom, aire):
    # Intervalle à 95 % environ : aire ± 1,96 erreur type (Hanley et McNeil, 1982).
    q1, q2 = aire / (2 - aire), 2 * aire**2 / (1 + aire)
    erreur_type = np.sqrt((aire * (1 - aire) + (n_cancers - 1) * (q1 - aire**2)
                           + (n_benins - 1) * (q2 - aire**2)) / (n_cancers * n_benins))
    bas, haut = aire - 1.96 * erreur_type, min(1.0, aire + 1.96 * erreur_type)
    print(f"{nom} : AUC = {fr_number(aire)} ; intervalle de confiance à 95 % environ : de "
          f"{fr_number(bas, 2)} à {fr_number(haut, 2)}.")


print(f"Jeu de test : {n_cancers} malades, {n_benins} non-malades.")
ecrire_auc("Notre modèle (deux mesures)", courbe.auc)
# Le même type de modèle, appris sur les mêmes patientes avec toutes les mesures du jeu.
toutes = jeu.data.loc[X_app.index], jeu.data.loc[X_test.index]
modele_complet = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
modele_complet.fit(toutes[0], y_app)
ecrire_auc(f"Le même type de modèle avec les {jeu.data.shape[1]} mesures du jeu",
           ev.roc(y_test, modele_complet.predict_proba(toutes[1])[:, 1]).auc)

# %% [markdown] session="evaluation"
# ### Question 6 — Ajouter des femmes au même score (1 point)
#
# Reprenons le jeu de test. La cellule suivante tire, pour votre copie, le groupe auquel on
# ajoute des femmes : les **malades** ou les **non-malades**. Pour chaque patiente de ce groupe,
# ajoutons **dix autres femmes du même groupe, au même score** qu'elle (chacune compte alors
# onze fois). L'autre groupe et ses scores ne changent pas. Au seuil 0,5, que devient chacune
# de ces cinq mesures ? Remplacez chaque `...` par `"augmente"`, `"baisse"` ou `"ne change pas"`
# (entre guillemets **doubles**) ; ne touchez qu'aux `...`, pas aux noms des mesures placés avant
# les deux-points.
#
# <details><summary>Indice 1</summary>
#
# Pour chaque mesure, dites sa phrase « parmi les …, la part de … ». Le groupe qui suit
# « parmi » change-t-il ? Et la part ? Pour l'AUC, reprenez sa lecture en probabilité.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Comptez sur un petit exemple : 10 patientes du groupe tiré, dont 2 que le test classe mal.
# Après l'ajout, combien de chaque case ? Les cases de l'autre groupe ne bougent pas. Pour
# l'AUC : tirez au hasard une malade et une non-malade ; l'ajout change-t-il la chance que la
# malade ait le score le plus élevé ?
# </details>

# %% session="evaluation"
# Le groupe auquel on ajoute des femmes, tiré pour votre copie.
groupe_q6 = ["non-malades", "malades"][int(np.random.default_rng([graine, 6]).integers(2))]
if groupe_q6 == "malades":
    print("Votre cas : on ajoute des femmes ATTEINTES D'UN CANCER (dix par malade du jeu de "
          "test, au même score qu'elle).")
else:
    print("Votre cas : on ajoute des femmes SANS CANCER (dix par non-malade du jeu de test, au "
          "même score qu'elle).")

# %% [markdown] session="formative"
# ### Question 6 — Ajouter des femmes sans cancer (1 point)
#
# Reprenons le jeu de test et, pour chacune de ses non-malades, ajoutons **dix autres femmes
# sans cancer, au même score** qu'elle (chaque non-malade compte alors onze fois). Les malades
# et leurs scores ne changent pas. Au seuil 0,5, que devient chacune de ces cinq mesures ?
# Remplacez chaque `...` par `"augmente"`, `"baisse"` ou `"ne change pas"` (entre guillemets
# **doubles**) ; ne touchez qu'aux `...`, pas aux noms des mesures placés avant les deux-points.
#
# <details><summary>Indice 1</summary>
#
# Pour chaque mesure, dites sa phrase « parmi les …, la part de … ». Le groupe qui suit
# « parmi » change-t-il ? Et la part ? Pour l'AUC, reprenez sa lecture en probabilité.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Comptez sur un petit exemple : 10 non-malades, dont 2 faux positifs. Après l'ajout, combien
# de faux positifs, combien de vrais négatifs ? Les vrais positifs et les faux négatifs, eux,
# sont des malades. Pour l'AUC : tirez au hasard une malade et une non-malade ; l'ajout
# change-t-il la chance que la malade ait le score le plus élevé ?
# </details>

# %% answer="effets_prevalence" session="formative"
effets_prevalence = {"sensibilité": ..., "spécificité": ..., "VPP": ..., "VPN": ..., "AUC": ...}
### BEGIN SOLUTION
effets_prevalence = {"sensibilité": "ne change pas", "spécificité": "ne change pas",
                     "VPP": "baisse", "VPN": "augmente", "AUC": "ne change pas"}
### END SOLUTION

# %% answer="effets_prevalence" session="evaluation"
effets_prevalence = {"sensibilité": ..., "spécificité": ..., "VPP": ..., "VPN": ..., "AUC": ...}
### BEGIN SOLUTION
plus_de_malades = groupe_q6 == "malades"
effets_prevalence = {"sensibilité": "ne change pas", "spécificité": "ne change pas",
                     "VPP": "augmente" if plus_de_malades else "baisse",
                     "VPN": "baisse" if plus_de_malades else "augmente", "AUC": "ne change pas"}
### END SOLUTION

# %% tests="effets_prevalence" points=1 session="formative"
# Vérification de la question 6 : exécutez cette cellule.
message_malades = ("sensibilité : le groupe après « parmi » (les malades) a-t-il changé ? "
                   "Comptez VP et FN avant et après l'ajout.")
message_specificite = ("spécificité : le groupe après « parmi » (les non-malades) a grossi ; "
                       "la part a-t-elle changé pour autant ? Comptez FP et VN avant et après "
                       "l'ajout, sur l'exemple de l'indice 2.")
message_vpp = ("VPP : le groupe après « parmi », ce sont les tests positifs. Comptez VP et FP "
               "avant et après l'ajout : lequel change ? Que devient alors la part de malades ?")
message_vpn = ("VPN : le groupe après « parmi », ce sont les tests négatifs. Comptez VN et FN "
               "avant et après l'ajout : lequel change ? Que devient alors la part de "
               "non-malades ?")
message_auc = ("AUC : reprenez sa lecture en probabilité. Tirez au hasard une malade et une "
               "non-malade : l'ajout change-t-il les scores entre lesquels on tire, ou "
               "seulement le nombre de copies de chacun ?")
checks.check_choices(
    effets_prevalence,
    name="effets_prevalence",
    options=["augmente", "baisse", "ne change pas"],
    digests={"sensibilité": "e63e024103d36148", "spécificité": "8470aada9d125c26",
             "VPP": "0566c01f81b86f41", "VPN": "5fc1bc30bad3d5c0", "AUC": "3094d6cc3467cae6"},
    mistakes={
        "sensibilité": [checks.Mistake(None, message_malades, digest="e23341307750db10"),
                        checks.Mistake(None, message_malades, digest="35511ae99f067409")],
        "spécificité": [checks.Mistake(None, message_specificite, digest="3dea199c9b32b6d9"),
                        checks.Mistake(None, message_specificite, digest="6231d8bd431f32f2")],
        "VPP": [checks.Mistake(None, message_vpp, digest="8b5af7c5f577afa3"),
                checks.Mistake(None, message_vpp, digest="90d768c62ef61630")],
        "VPN": [checks.Mistake(None, message_vpn, digest="bc5434e2ed06ef06"),
                checks.Mistake(None, message_vpn, digest="0101e5584386dfa2")],
        "AUC": [checks.Mistake(None, message_auc, digest="bf787e2c37e10370"),
                checks.Mistake(None, message_auc, digest="98db4f1303d58110")],
    },
    success=(
        "sensibilité, spécificité et AUC se calculent dans un seul groupe (les malades, les "
        "non-malades) ou comparent les deux groupes : la part de malades n'y entre pas. VPP et "
        "VPN partent du résultat du test : elles suivent la prévalence. Mais seulement à "
        "scores inchangés : chez des femmes dépistées, ni les malades ni les non-malades ne "
        "sont les mêmes (formes de la maladie ; masse bénigne ou sein normal) : c'est l'effet "
        "de spectre, et Se, Sp et AUC changent aussi."
    ),
    points=1,
)
### BEGIN HIDDEN TESTS
checks.check_choices(
    effets_prevalence,
    name="effets_prevalence",
    options=["augmente", "baisse", "ne change pas"],
    expected={"sensibilité": "ne change pas", "spécificité": "ne change pas",
              "VPP": "baisse", "VPN": "augmente", "AUC": "ne change pas"},
    points=1,
)
### END HIDDEN TESTS

# %% mistake="effets_prevalence" session="formative"
# message : AUC : reprenez sa lecture en probabilité
effets_prevalence = {"sensibilité": "ne change pas", "spécificité": "ne change pas",
                     "VPP": "baisse", "VPN": "augmente", "AUC": "baisse"}

# %% mistake="effets_prevalence" session="formative"
# message : AUC : reprenez sa lecture en probabilité
effets_prevalence = {"sensibilité": "ne change pas", "spécificité": "ne change pas",
                     "VPP": "baisse", "VPN": "augmente", "AUC": "augmente"}

# %% mistake="effets_prevalence" session="formative"
# message : Comptez FP et VN avant et après
effets_prevalence = {"sensibilité": "ne change pas", "spécificité": "augmente",
                     "VPP": "baisse", "VPN": "augmente", "AUC": "ne change pas"}

# %% mistake="effets_prevalence" session="formative"
# message : Comptez VP et FP
effets_prevalence = {"sensibilité": "ne change pas", "spécificité": "ne change pas",
                     "VPP": "ne change pas", "VPN": "augmente", "AUC": "ne change pas"}

# %% mistake="effets_prevalence" session="formative"
# message : Comptez VN et FN
effets_prevalence = {"sensibilité": "ne change pas", "spécificité": "ne change pas",
                     "VPP": "baisse", "VPN": "baisse", "AUC": "ne change pas"}

# %% mistake="effets_prevalence" session="formative"
# message : Comptez VP et FN avant et après
effets_prevalence = {"sensibilité": "baisse", "spécificité": "ne change pas",
                     "VPP": "baisse", "VPN": "augmente", "AUC": "ne change pas"}

# %% tests="effets_prevalence" points=1 session="evaluation"
# Vérification de la question 6 : exécutez cette cellule.
checks.check_form(effets_prevalence, name="effets_prevalence", kind="choices",
                  options=["augmente", "baisse", "ne change pas"],
                  items=["sensibilité", "spécificité", "VPP", "VPN", "AUC"])
### BEGIN HIDDEN TESTS
malades_ajoutees = int(np.random.default_rng(
    [checks.student_seed("01", announce=False), 6]).integers(2)) == 1
vpp_q6, vpn_q6 = ("augmente", "baisse") if malades_ajoutees else ("baisse", "augmente")
checks.check_choices(
    effets_prevalence, name="effets_prevalence", options=["augmente", "baisse", "ne change pas"],
    expected={"sensibilité": "ne change pas", "spécificité": "ne change pas", "VPP": vpp_q6,
              "VPN": vpn_q6, "AUC": "ne change pas"},
    mistakes={
        "VPP": [checks.Mistake(vpn_q6, "VPP : comptez VP et FP avant et après l'ajout.")],
        "VPN": [checks.Mistake(vpp_q6, "VPN : comptez VN et FN avant et après l'ajout.")],
        "AUC": [checks.Mistake("augmente", "AUC : reprenez sa lecture en probabilité."),
                checks.Mistake("baisse", "AUC : reprenez sa lecture en probabilité.")],
    },
    points=1,
)
### END HIDDEN TESTS

# %% mistake="effets_prevalence" session="evaluation"
# message : VPP : comptez VP et FP
effets_prevalence = {"sensibilité": "ne change pas", "spécificité": "ne change pas",
                     "VPP": "baisse" if groupe_q6 == "malades" else "augmente",
                     "VPN": "augmente" if groupe_q6 == "malades" else "baisse",
                     "AUC": "ne change pas"}

# %% mistake="effets_prevalence" session="evaluation"
# message : AUC : reprenez sa lecture en probabilité
effets_prevalence = {"sensibilité": "ne change pas", "spécificité": "ne change pas",
                     "VPP": "augmente" if groupe_q6 == "malades" else "baisse",
                     "VPN": "baisse" if groupe_q6 == "malades" else "augmente", "AUC": "baisse"}

# %% [markdown] session="formative"
# ### Question 7 — Ce que dit un intervalle de confiance (1 point)
#
# Une équipe mesure la sensibilité d'un test, à un seuil fixé d'avance, sur 44 patientes
# malades adressées pour une masse : il en détecte 30. Intervalle de confiance à 95 % : de 0,53
# à 0,80. Laquelle de ces phrases est juste ?
# Écrivez **entre guillemets** la lettre de votre réponse (`"A"`, `"B"`, `"C"` ou `"D"`).
#
# - **A.** Chez des patientes comme les leurs, les valeurs de la vraie sensibilité de 0,53 à
#   0,80 sont compatibles avec leurs données : on annonce la sensibilité mesurée avec cet
#   intervalle.
# - **B.** La vraie sensibilité varie d'une étude à l'autre ; dans 95 % des cas, elle tombe
#   entre 0,53 et 0,80 : on annonce cette plage avec 95 % de certitude.
# - **C.** L'intervalle est large : on ne sait pas encore si, à ce seuil, la sensibilité atteint
#   0,95 ; il faut plus de patientes avant de conclure.
# - **D.** Chez des femmes dépistées, le test détecterait lui aussi entre 53 % et 80 % des
#   cancers : l'intervalle couvre les autres populations.
#
# <details><summary>Indice 1</summary>
#
# Relisez la définition de l'intervalle de confiance, sous la question 1.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Pour chaque phrase, posez trois questions : qu'est-ce qui change d'une étude à l'autre (la
# vraie sensibilité, ou l'intervalle) ? De quelles patientes parle-t-elle ? Est-elle d'accord
# avec les deux bornes de l'intervalle ?
# </details>

# %% [markdown] session="evaluation"
# ### Question 7 — Ce que dit un intervalle de confiance (1 point)
#
# Une équipe mesure la sensibilité d'un test, à un seuil fixé d'avance, sur 44 patientes
# malades adressées pour une masse : il en détecte 30. Intervalle de confiance à 95 % : de 0,53
# à 0,80. Laquelle des phrases affichées par la cellule suivante (dans un ordre propre à votre
# copie) est juste ? Écrivez **entre guillemets** sa lettre (`"A"`, `"B"`, `"C"` ou `"D"`).
#
# <details><summary>Indice 1</summary>
#
# Relisez la définition de l'intervalle de confiance, sous la question 1.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Pour chaque phrase, posez trois questions : qu'est-ce qui change d'une étude à l'autre (la
# vraie sensibilité, ou l'intervalle) ? De quelles patientes parle-t-elle ? Est-elle d'accord
# avec les deux bornes de l'intervalle ?
# </details>

# %% session="evaluation"
# Les quatre réponses de la question 7, dans l'ordre tiré pour votre copie.
reponses_q7 = [
    'Chez des patientes comme les leurs, les valeurs de la vraie sensibilité de 0,53 à 0,80 sont compatibles avec leurs données : on annonce la sensibilité mesurée avec cet intervalle.',
    "La vraie sensibilité varie d'une étude à l'autre ; dans 95 % des cas, elle tombe entre 0,53 et 0,80 : on annonce cette plage avec 95 % de certitude.",
    "L'intervalle est large : on ne sait pas encore si, à ce seuil, la sensibilité atteint 0,95 ; il faut plus de patientes avant de conclure.",
    "Chez des femmes dépistées, le test détecterait lui aussi entre 53 % et 80 % des cancers : l'intervalle couvre les autres populations.",
]
ordre_q7 = np.random.default_rng([graine, 7]).permutation(4)
display(Markdown("\n".join(f"- **{lettre}.** {reponses_q7[i]}"
                            for lettre, i in zip("ABCD", ordre_q7, strict=True))))

# %% answer="intervalle" session="formative"
intervalle = ...
### BEGIN SOLUTION
intervalle = "A"
### END SOLUTION

# %% answer="intervalle" session="evaluation"
intervalle = ...
### BEGIN SOLUTION
intervalle = "ABCD"[list(ordre_q7).index(0)]
### END SOLUTION

# %% tests="intervalle" points=1 session="formative"
# Vérification de la question 7 : exécutez cette cellule.
checks.check_choice(
    intervalle,
    name="intervalle",
    options=["A", "B", "C", "D"],
    digest="6c81388a59db0323",
    mistakes=[
        checks.Mistake(None, "« à 95 % » est le niveau de confiance de la méthode (elle encadre la "
                       "vraie valeur dans environ 95 % des études où on l'applique). C'est "
                       "l'intervalle qui change d'une étude à l'autre, pas la vraie sensibilité, "
                       "fixe pour ce test chez ces patientes : une autre étude donnerait un autre "
                       "intervalle, pas « 0,53 à 0,80 » 95 fois sur 100.",
                       digest="a7b2ca97b56e4854"),
        checks.Mistake(None, "un intervalle large informe quand même : celui-ci exclut 0,95. À "
                       "ce seuil, une sensibilité de 95 % n'est pas compatible avec ces "
                       "données : il faudrait baisser le seuil, pas attendre.",
                       digest="844567b6a5b95c50"),
        checks.Mistake(None, "l'intervalle ne décrit que le hasard chez des patientes comme les "
                       "leurs, adressées pour une masse. Dans une autre population, la "
                       "sensibilité elle-même peut changer (effet de spectre, section 6).",
                       digest="47612bd263930aa7"),
    ],
    success=(
        "l'intervalle donne la plage des vraies sensibilités compatibles avec ces "
        "données. Il décrit le hasard d'un échantillon de 44 malades, rien de plus : c'est "
        "lui qui varierait d'une étude à l'autre, pas la vraie sensibilité ; il ne dit pas non plus "
        "la sensibilité dans une autre "
        "population. Il exclut pourtant 0,95 : à ce seuil, la promesse de 95 % ne "
        "tient pas."
    ),
)
### BEGIN HIDDEN TESTS
checks.check_choice(intervalle, name="intervalle", options=["A", "B", "C", "D"], expected="A")
### END HIDDEN TESTS

# %% mistake="intervalle" session="formative"
# message : est le niveau de confiance de la méthode
intervalle = "B"

# %% mistake="intervalle" session="formative"
# message : un intervalle large informe quand même
intervalle = "C"

# %% mistake="intervalle" session="formative"
# message : effet de spectre
intervalle = "D"

# %% tests="intervalle" points=1 session="evaluation"
# Vérification de la question 7 : exécutez cette cellule.
checks.check_form(intervalle, name="intervalle", kind="choice", options=["A", "B", "C", "D"])
### BEGIN HIDDEN TESTS
ordre_copie_q7 = np.random.default_rng(
    [checks.student_seed("01", announce=False), 7]).permutation(4)
lettre_q7 = dict(zip(ordre_copie_q7.tolist(), "ABCD", strict=True))
checks.check_choice(intervalle, name="intervalle", options=list("ABCD"),
                    expected=lettre_q7[0], mistakes=[
    checks.Mistake(lettre_q7[1], "« à 95 % » est le niveau de confiance de la méthode : c'est l'intervalle qui change d'une étude à l'autre, pas la vraie sensibilité."),
    checks.Mistake(lettre_q7[2], 'un intervalle large informe quand même : celui-ci exclut 0,95.'),
    checks.Mistake(lettre_q7[3], "l'intervalle ne décrit que le hasard chez des patientes comme les leurs : ailleurs, effet de spectre."),
])
### END HIDDEN TESTS

# %% mistake="intervalle" session="evaluation"
# message : « à 95 % » est le niveau de confiance
intervalle = "ABCD"[list(ordre_q7).index(1)]

# %% mistake="intervalle" session="evaluation"
# message : un intervalle large informe quand même
intervalle = "ABCD"[list(ordre_q7).index(2)]

# %% mistake="intervalle" session="evaluation"
# message : l'intervalle ne décrit que le hasard
intervalle = "ABCD"[list(ordre_q7).index(3)]

# %% [markdown]
# ### Pour Madame L. : ce que vaut son résultat
#
# Madame L. n'est pas dépistée : elle est adressée pour une masse, comme les patientes du jeu de
# test. Pour elle, les chiffres les plus proches sont ceux **mesurés sur le jeu de test**, s'ils
# tiennent dans son hôpital : seule une vérification sur place le dirait. Son test serait lu au
# seuil choisi à la question 2 ; la cellule suivante compte les quatre cases du jeu de test au
# seuil que vous avez donné à la question 2, juste ou non (0,5 si vous n'en avez pas donné
# d'utilisable) : `vp2`, `fp2`, `fn2` et `vn2`.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il compte les quatre cases du jeu de test à votre seuil de
# la question 2 (au seuil 0,5 tant que la question 2 n'a pas de seuil utilisable).
if est_entre_0_et_1(seuil) and (scores < seuil).any():
    seuil_madame_l = seuil
else:
    seuil_madame_l = seuil_defaut
    print("La question 2 n'a pas encore de seuil utilisable : les cases sont comptées au seuil 0,5.")
comptes_madame_l = ev.confusion_at_threshold(y_test, scores, seuil_madame_l)
vp2, fp2 = comptes_madame_l.tp, comptes_madame_l.fp
fn2, vn2 = comptes_madame_l.fn, comptes_madame_l.tn
print(f"Jeu de test, au seuil {fr_number(seuil_madame_l, 2)} : vp2 = {vp2}, fp2 = {fp2}, "
      f"fn2 = {fn2}, vn2 = {vn2}")

# %% [markdown]
# ### Question 8 — Le risque qui reste après un test négatif (1 point)
#
# Le test de Madame L. est négatif. Au seuil de la question 2, sur le jeu de test, **parmi les
# patientes dont le test est négatif**, quelle part a pourtant un cancer ? C'est le **risque
# résiduel** (en lecture critique d'article, la probabilité post-test après un test négatif).
# Écrivez le calcul, sur une ligne, avec les seules variables `vp2`, `fp2`, `fn2` et `vn2` (ou
# leurs nombres ; une proportion entre 0 et 1) : une fonction toute faite est refusée.
#
# <details><summary>Indice 1</summary>
#
# Cette fois, on part du **résultat du test**, pas de la maladie. Quelles cases de la matrice
# contiennent les tests négatifs ? Parmi elles, lesquelles sont des cancers ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Dites d'abord la phrase : « parmi les …, la part de … ». Le groupe qui suit « parmi » fait le
# dénominateur (toutes ses cases, entre parenthèses) ; la part cherchée, le numérateur.
# </details>

# %% answer="risque_negatif"
risque_negatif = ...
### BEGIN SOLUTION
risque_negatif = fn2 / (fn2 + vn2)
### END SOLUTION

# %% tests="risque_negatif" points=1 session="formative"
# Vérification de la question 8 : exécutez cette cellule.
# Elle juge votre calcul au bon seuil de la question 2 ; l'enseignant le juge au seuil que vous
# avez donné à la question 2, juste ou non.
checks.expect(checks.written_with("risque_negatif", {"vp2", "fp2", "fn2", "vn2", "vp", "fp", "fn", "vn"}),
              "écrivez le calcul lui-même, sur une ligne, avec seulement vp2, fp2, fn2 et vn2 (ou "
              "leurs nombres), des opérations et des parenthèses : ni fonction toute faite "
              "(ev.predictive_values…), ni autre variable (sp…). La question mesure le choix des cases.",
              name="risque_negatif")
valeur_risque = checks.require_number(risque_negatif, name="risque_negatif")
message_depasse_1 = ("une proportion ne dépasse pas 1 : le haut doit faire partie du bas. En "
                     "bas, tout le groupe dont on parle (les tests négatifs) ; en haut, celles "
                     "de ce groupe qui ont pourtant un cancer.")
au_bon_seuil = isinstance(seuil, int | float) and checks.matches_digest(
    seuil, "5c36d598ae60ae5c", name="seuil"
)
if au_bon_seuil:
    checks.check_number(
        risque_negatif,
        name="risque_negatif",
        digest="735f23617b5612ee",
        bounds=(0, 1),
        mistakes=[
            checks.Mistake(None, "vous avez calculé la part des malades que le test manque "
                           "(1 − sensibilité) : elle part des malades. Le risque résiduel part des "
                           "tests négatifs : parmi eux, quelle part de cancers ?",
                           digest="cd959c493dde58f3"),
            checks.Mistake(None, "vous avez calculé la valeur prédictive négative (parmi les tests "
                           "négatifs, la part de non-malades). Le risque résiduel est l'autre "
                           "part : celle des cancers.", digest="0c8668e54515779d"),
            checks.Mistake(None, "vous avez calculé la part des non-malades inquiétées à tort "
                           "(1 − spécificité). Le risque résiduel ne regarde que les tests "
                           "négatifs.", digest="81fdf355c3ec7b5a"),
            checks.Mistake(None, "vous avez divisé les cancers manqués par toutes les patientes. "
                           "Le risque résiduel ne regarde que les tests négatifs : le dénominateur "
                           "ne compte qu'eux.", digest="8e36324d0b23d8c9"),
            checks.Mistake(None, "vous avez calculé la part de non-malades parmi les tests "
                           "positifs (1 − VPP). Le risque résiduel regarde les tests négatifs.",
                           digest="6bbe3fa8f27a2c08"),
            checks.Mistake(None, "vous avez calculé la spécificité (la part des non-malades "
                           "rassurées). Le risque résiduel part des tests négatifs, pas des "
                           "non-malades.", digest="71196fcd7d92b71a"),
            checks.Mistake(None, "vous avez divisé les faux négatifs par les seuls vrais "
                           "négatifs. Le dénominateur compte tous les tests négatifs, vrais et "
                           "faux.", digest="abe6aadd1a8e8f2a"),
            checks.Mistake(None, "attention aux parenthèses : Python calcule a / b + c comme "
                           "(a / b) + c. Mettez tout le dénominateur entre parenthèses.",
                           digest="07f6c1b78f8913d5"),
            checks.Mistake(None, "attention aux parenthèses : Python calcule a / b + c comme "
                           "(a / b) + c. Mettez tout le dénominateur entre parenthèses.",
                           digest="085d7605a8e02711"),
            checks.Mistake(None, "c'est le risque résiduel au seuil 0,5 (les variables vp, fp, fn "
                           "et vn de la section 3). La question porte sur le seuil de la question "
                           "2 : utilisez vp2, fp2, fn2 et vn2.", digest="7775c427cc6b9409"),
            checks.Mistake(None, message_depasse_1, digest="e690bab33e5fe160"),
            checks.Mistake(None, message_depasse_1, digest="0754c5d88504c48e"),
            checks.Mistake(None, message_depasse_1, digest="8fa91419bbf68821"),
            checks.Mistake(None, message_depasse_1, digest="acef66fea75f761a"),
        ],
        success=(f"risque résiduel = {fr_number(valeur_risque)} : sur 100 femmes dont le test est "
                 f"négatif, environ {round(100 * valeur_risque)} ont pourtant un cancer."),
    points=1,
    )
else:
    checks.not_judged("votre seuil de la question 2 n'est pas encore le bon : cette cellule ne "
                      "juge votre calcul qu'à ce seuil. Corrigez la question 2, puis relancez la "
                      "cellule qui compte vp2, fp2, fn2 et vn2, votre réponse et cette cellule. "
                      "(La correction de l'enseignant, elle, juge votre calcul au seuil que "
                      "vous avez donné à la question 2, juste ou non.)",
                      name="risque_negatif")
### BEGIN HIDDEN TESTS
checks.expect(checks.written_with("risque_negatif", {"vp2", "fp2", "fn2", "vn2", "vp", "fp", "fn", "vn"}),
              "calcul refusé : écrivez-le, sur une ligne, avec seulement vp2, fp2, fn2 et vn2 (ou "
              "leurs nombres), des opérations et des parenthèses : ni fonction toute faite "
              "(ev.predictive_values…), ni autre variable (sp…). La question mesure le choix des cases.",
              name="risque_negatif")
# The calculation is graded at the student's own threshold (0.5 without a usable one).
seuil_q8 = (seuil if isinstance(seuil, int | float) and 0 <= seuil <= 1
            and (scores < seuil).any() else 0.5)
c8 = ev.confusion_at_threshold(y_test, scores, seuil_q8)
c05 = ev.confusion_at_threshold(y_test, scores, 0.5)
a, b, c, d = c8.tp, c8.fp, c8.fn, c8.tn
checks.check_number(
    risque_negatif,
    name="risque_negatif",
    expected=c / (c + d),
    mistakes=[checks.Mistake(v, m) for v, m in [
        (c / (a + c), "(1 − sensibilité) : le risque résiduel part des tests négatifs."),
        (d / (d + c), "vous avez calculé la valeur prédictive négative."),
        (b / (b + d), "(1 − spécificité) : le risque résiduel part des tests négatifs."),
        (c / (a + b + c + d), "divisé par toutes les patientes."),
        (b / (a + b) if a + b else -1.0, "(1 − VPP) : le risque résiduel part des tests négatifs."),
        (d / (d + b), "vous avez calculé la spécificité."),
        (c / d if d else -1.0, "divisé par les seuls vrais négatifs."),
        (c / c + d if c else -1.0, "attention aux parenthèses."),
        (c / d + c if d else -1.0, "attention aux parenthèses."),
        (c05.fn / (c05.fn + c05.tn), "c'est le risque résiduel au seuil 0,5."),
        (d / c if c else -1.0, "une proportion ne dépasse pas 1 : le haut fait partie du bas."),
        ((c + d) / c if c else -1.0, "une proportion ne dépasse pas 1 : le haut fait partie "
         "du bas."),
        (c + d, "une proportion ne dépasse pas 1 : le haut fait partie du bas."),
        ((c + d) / d if d else -1.0, "une proportion ne dépasse pas 1 : le haut fait partie "
         "du bas."),
    ]],
    points=1,
)
# The value can be right on these counts with a wrong formula: the formula is judged too.
checks.expect(checks.written_formula(
    "risque_negatif", lambda vp2, fp2, fn2, vn2: fn2 / (fn2 + vn2),
    values={"vp2": c8.tp, "fp2": c8.fp, "fn2": c8.fn, "vn2": c8.tn}) is not False
    or checks.written_formula("risque_negatif",
                              lambda vp2, fp2, fn2, vn2: fn2 / (fn2 + vn2)) is not False
    or (seuil_q8 == 0.5 and checks.written_formula(
        "risque_negatif", lambda vp, fp, fn, vn: fn / (fn + vn),
        values={"vp": c05.tp, "fp": c05.fp, "fn": c05.fn, "vn": c05.tn}) is not False),
    "ce calcul tombe juste sur ces comptes, mais ne donne pas le risque résiduel quels que "
    "soient les comptes : en bas, toutes les patientes au test négatif ; en haut, celles qui ont "
    "pourtant un cancer.", name="risque_negatif")
### END HIDDEN TESTS

# %% mistake="risque_negatif" session="formative"
# message : (1 − sensibilité)
risque_negatif = fn2 / (vp2 + fn2)

# %% mistake="risque_negatif" session="formative"
# message : ni fonction toute faite (ev.predictive_values…)
risque_negatif = 1 - ev.predictive_values(
    sensitivity=vp2 / (vp2 + fn2), specificity=vn2 / (vn2 + fp2),
    prevalence=(vp2 + fn2) / (vp2 + fp2 + fn2 + vn2))[1]

# %% mistake="risque_negatif" session="formative"
# message : vous avez calculé la valeur prédictive négative
risque_negatif = vn2 / (vn2 + fn2)

# %% mistake="risque_negatif" session="formative"
# message : (1 − spécificité)
risque_negatif = fp2 / (fp2 + vn2)

# %% mistake="risque_negatif" session="formative"
# message : par toutes les patientes
risque_negatif = fn2 / (vp2 + fp2 + fn2 + vn2)

# %% mistake="risque_negatif" session="formative"
# message : (1 − VPP)
risque_negatif = fp2 / (vp2 + fp2)

# %% mistake="risque_negatif" session="formative"
# message : vous avez calculé la spécificité
risque_negatif = vn2 / (vn2 + fp2)

# %% mistake="risque_negatif" session="formative"
# message : par les seuls vrais négatifs
risque_negatif = fn2 / vn2

# %% mistake="risque_negatif" session="formative"
# message : attention aux parenthèses
risque_negatif = fn2 / fn2 + vn2

# %% mistake="risque_negatif" session="formative"
# message : attention aux parenthèses
risque_negatif = fn2 / vn2 + fn2

# %% mistake="risque_negatif" session="formative"
# message : c'est le risque résiduel au seuil 0,5
risque_negatif = fn / (fn + vn)

# %% mistake="risque_negatif" session="formative"
# message : donné un pourcentage
risque_negatif = 100 * fn2 / (fn2 + vn2)

# %% mistake="risque_negatif" session="formative"
# message : une proportion ne dépasse pas 1
risque_negatif = vn2 / fn2

# %% mistake="risque_negatif" session="formative"
# message : une proportion ne dépasse pas 1
risque_negatif = (fn2 + vn2) / fn2

# %% tests="risque_negatif" points=1 session="evaluation"
# Vérification de la question 8 : exécutez cette cellule.
checks.check_form(risque_negatif, name="risque_negatif", kind="number", decimals=3, bounds=(0, 1),
                  written_from={"vp2", "fp2", "fn2", "vn2", "vp", "fp", "fn", "vn"})
### BEGIN HIDDEN TESTS
graine_copie = ev.wdbc_case_seed(checks.student_seed("01", announce=False))
wdbc = load_breast_cancer_wdbc()
X_r, X_t, y_r, y_t = train_test_split(
    wdbc.data[["mean texture", "mean compactness"]], wdbc.target, test_size=0.4,
    stratify=wdbc.target, random_state=graine_copie)
X_a, X_v, y_a, y_v = train_test_split(X_r, y_r, test_size=0.2 / 0.6, stratify=y_r,
                                      random_state=graine_copie)
refait = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_a, y_a)
s_v, s_t = refait.predict_proba(X_v)[:, 1], refait.predict_proba(X_t)[:, 1]
# The calculation is graded at the student's own threshold (0.5 without a usable one).
seuil_copie_q8 = (seuil if isinstance(seuil, int | float) and 0 <= seuil <= 1
                  and (s_t < seuil).any() else 0.5)
k8 = ev.confusion_at_threshold(y_t, s_t, seuil_copie_q8)
k8_05 = ev.confusion_at_threshold(y_t, s_t, 0.5)
# The calculation is judged on other counts too: with a residual risk near 0, fn2 / vn2 or
# 1 - Se lands within the tolerance of the key on many copies.
comptes_q8 = {"vp2": k8.tp, "fp2": k8.fp, "fn2": k8.fn, "vn2": k8.tn}
comptes_q8_05 = {"vp": k8_05.tp, "fp": k8_05.fp, "fn": k8_05.fn, "vn": k8_05.tn}
# A number typed instead of the calculation (0.7 * 1, 682 / 1000) is refused.
checks.expect(checks.written_with("risque_negatif", {"vp2", "fp2", "fn2", "vn2", "vp", "fp", "fn", "vn"},
                                  calculation=True, values={**comptes_q8, **comptes_q8_05}),
              "calcul refusé : écrivez-le, sur une ligne, avec seulement vp2, fp2, fn2 et vn2 (ou "
              "leurs nombres), des opérations et des parenthèses : ni fonction toute faite, ni "
              "autre variable, ni un nombre seul ou des nombres qui ne sont pas vos comptes (le "
              "résultat au lieu du calcul). La question mesure le choix des cases.",
              name="risque_negatif")
if checks.written_formula("risque_negatif", lambda vp2, fp2, fn2, vn2: fn2 / (fn2 + vn2),
                          values=comptes_q8) is False and not (
        seuil_copie_q8 == 0.5 and checks.written_formula(
            "risque_negatif", lambda vp, fp, fn, vn: fn / (fn + vn), values=comptes_q8_05)):
    for fausse_q8, message_q8 in [
        (lambda vp2, fp2, fn2, vn2: fn2 / vn2, "divisé par les seuls vrais négatifs : en bas, "
         "toutes les patientes au test négatif (fn2 et vn2)."),
        (lambda vp2, fp2, fn2, vn2: fn2 / (vp2 + fn2), "(1 − sensibilité) : le risque résiduel "
         "part des tests négatifs."),
        (lambda vp2, fp2, fn2, vn2: vn2 / (vn2 + fn2), "vous avez calculé la valeur prédictive "
         "négative."),
        (lambda vp2, fp2, fn2, vn2: fp2 / (fp2 + vn2), "(1 − spécificité) : le risque résiduel "
         "part des tests négatifs."),
    ]:
        checks.expect(not checks.written_formula("risque_negatif", fausse_q8, values=comptes_q8),
                      message_q8, name="risque_negatif")
    checks.expect(seuil_copie_q8 == 0.5 or not checks.written_formula(
        "risque_negatif", lambda vp, fp, fn, vn: fn / (fn + vn), values=comptes_q8_05),
        "c'est le risque résiduel au seuil 0,5.", name="risque_negatif")
    # A sum typed by hand cannot be named: judged on the names alone, or by value.
    checks.expect(checks.written_formula("risque_negatif", lambda vp2, fp2, fn2, vn2: fn2 / (
        fn2 + vn2)) is not False, "ce calcul ne donne pas le risque résiduel quels que soient les "
                  "comptes : en bas, toutes les patientes au test négatif ; en haut, celles "
                  "qui ont pourtant un cancer.", name="risque_negatif")
checks.check_number(risque_negatif, name="risque_negatif", points=1,
                    expected=k8.fn / (k8.fn + k8.tn), mistakes=[
    checks.Mistake(k8.fn / (k8.tp + k8.fn), "(1 − sensibilité) : le risque résiduel part des "
                   "tests négatifs."),
    checks.Mistake(k8.tn / (k8.tn + k8.fn), "vous avez calculé la valeur prédictive négative."),
    checks.Mistake(k8.fp / (k8.fp + k8.tn), "(1 − spécificité) : le risque résiduel part des "
                   "tests négatifs."),
    checks.Mistake(k8_05.fn / (k8_05.fn + k8_05.tn), "c'est le risque résiduel au seuil 0,5."),
])
### END HIDDEN TESTS

# %% mistake="risque_negatif" session="evaluation"
# message : vous avez calculé la valeur prédictive négative
risque_negatif = vn2 / (vn2 + fn2)

# %% mistake="risque_negatif" session="evaluation"
# message : (1 − sensibilité)
risque_negatif = fn2 / (vp2 + fn2)

# %% mistake="risque_negatif" session="evaluation"
# message : ni un nombre seul
risque_negatif = 0.05

# %% mistake="risque_negatif" session="evaluation"
# message : des nombres qui ne sont pas vos comptes
risque_negatif = 0.05 * 1

# %% mistake="risque_negatif" session="evaluation"
# message : calcul refusé
risque_negatif = 1 - ev.predictive_values(
    sensitivity=vp2 / (vp2 + fn2), specificity=vn2 / (vn2 + fp2),
    prevalence=(vp2 + fn2) / (vp2 + fp2 + fn2 + vn2))[1]

# %% [markdown]
# ### Question 9 — Les femmes sans cancer rassurées à raison (1 point)
#
# Au même seuil, sur le jeu de test, calculez la **spécificité** : parmi les patientes **sans
# cancer**, la part que le test rassure à raison. Écrivez le calcul, sur une ligne, avec les
# seules variables `vp2`, `fp2`, `fn2` et `vn2` (ou leurs nombres ; une proportion entre 0 et 1) :
# une fonction toute faite (`ev.…`) ou une autre variable (`sp`) est refusée.
#
# <details><summary>Indice 1</summary>
#
# On repart de la **maladie**, comme pour la sensibilité, mais chez les patientes sans cancer.
# Quelles cases de la matrice les contiennent ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Relisez la ligne « Non malade (M−) » du tableau de la section 3 : dans ce groupe, qui le test
# rassure-t-il à raison ?
# </details>

# %% answer="specificite"
specificite = ...
### BEGIN SOLUTION
specificite = vn2 / (vn2 + fp2)
### END SOLUTION

# %% tests="specificite" points=1 session="formative"
# Vérification de la question 9 : exécutez cette cellule.
# Elle juge votre calcul au bon seuil de la question 2 ; l'enseignant le juge au seuil que vous
# avez donné à la question 2, juste ou non.
checks.expect(checks.written_with("specificite", {"vp2", "fp2", "fn2", "vn2", "vp", "fp", "fn", "vn"}),
              "écrivez le calcul lui-même, sur une ligne, avec seulement vp2, fp2, fn2 et vn2 (ou "
              "leurs nombres), des opérations et des parenthèses : ni fonction toute faite "
              "(ev.specificity…), ni autre variable (sp…). La question mesure le choix des cases.",
              name="specificite")
valeur_sp = checks.require_number(specificite, name="specificite")
message_depasse_1 = ("une proportion ne dépasse pas 1 : le haut doit faire partie du bas. En "
                     "bas, tout le groupe dont on parle (les patientes sans cancer) ; en haut, "
                     "celles de ce groupe que le test rassure.")
au_bon_seuil = isinstance(seuil, int | float) and checks.matches_digest(
    seuil, "5c36d598ae60ae5c", name="seuil"
)
if au_bon_seuil:
    checks.check_number(
        specificite,
        name="specificite",
        digest="ca9f65af3093038e",
        bounds=(0, 1),
        mistakes=[
            checks.Mistake(None, "vous avez calculé la sensibilité (la part des malades "
                           "détectées). La spécificité regarde les patientes sans cancer.",
                           digest="5e50c914cfa1431f"),
            checks.Mistake(None, "vous avez calculé la part des patientes sans cancer inquiétées "
                           "à tort (1 − spécificité). La spécificité compte celles que le test "
                           "rassure à raison.", digest="3750faca7c9bf045"),
            checks.Mistake(None, "vous avez calculé la valeur prédictive négative (parmi les tests "
                           "négatifs, la part de non-malades). La spécificité part des patientes "
                           "sans cancer, pas des tests négatifs.", digest="bc36f3bb257975bc"),
            checks.Mistake(None, "vous avez calculé la valeur prédictive positive (parmi les tests "
                           "positifs, la part de malades). La spécificité part des patientes sans "
                           "cancer.", digest="8165bbeefdc194f6"),
            checks.Mistake(None, "vous avez divisé les vrais négatifs par toutes les patientes. La "
                           "spécificité ne regarde que les patientes sans cancer : le dénominateur "
                           "ne compte qu'elles.", digest="a4a40f30f8a78f22"),
            checks.Mistake(None, "vous avez divisé les vrais négatifs par les seuls faux positifs. "
                           "Le dénominateur compte toutes les patientes sans cancer, rassurées ou "
                           "inquiétées.", digest="8ee0696386780794"),
            checks.Mistake(None, "vous avez calculé l'exactitude (toutes les bonnes réponses sur le "
                           "total). La spécificité ne regarde que les patientes sans cancer.",
                           digest="42dda5d235b3a0d8"),
            checks.Mistake(None, "attention aux parenthèses : Python calcule a / b + c comme "
                           "(a / b) + c. Mettez tout le dénominateur entre parenthèses.",
                           digest="ca8c9fa07586b284"),
            checks.Mistake(None, "attention aux parenthèses : Python calcule a / b + c comme "
                           "(a / b) + c. Mettez tout le dénominateur entre parenthèses.",
                           digest="06875336214cd934"),
            checks.Mistake(None, "c'est la spécificité au seuil 0,5 (les variables vp, fp, fn et "
                           "vn de la section 3, ou sp). La question porte sur le seuil de la "
                           "question 2 : utilisez vp2, fp2, fn2 et vn2.", digest="b20761ad2456aefe"),
            checks.Mistake(None, message_depasse_1, digest="8b12f0fee5ec1933"),
            checks.Mistake(None, message_depasse_1, digest="3bd0ecde3835c8ea"),
            checks.Mistake(None, message_depasse_1, digest="dd503d44c7f6eb51"),
            checks.Mistake(None, message_depasse_1, digest="e2a0d7e1ddb854d2"),
        ],
        success=(f"spécificité = {fr_number(valeur_sp)} : sur 100 femmes sans cancer, le test en "
                 f"rassure environ {round(100 * valeur_sp)} ; les {100 - round(100 * valeur_sp)} "
                 f"autres sont inquiétées à tort. Au seuil 0,5, elle valait {fr_number(sp)} : "
                 "moins de cancers manqués se paient en fausses alertes."),
    points=1,
    )
else:
    checks.not_judged("votre seuil de la question 2 n'est pas encore le bon : cette cellule ne "
                      "juge votre calcul qu'à ce seuil. Corrigez la question 2, puis relancez la "
                      "cellule qui compte vp2, fp2, fn2 et vn2, votre réponse et cette cellule. "
                      "(La correction de l'enseignant, elle, juge votre calcul au seuil que "
                      "vous avez donné à la question 2, juste ou non.)",
                      name="specificite")
### BEGIN HIDDEN TESTS
checks.expect(checks.written_with("specificite", {"vp2", "fp2", "fn2", "vn2", "vp", "fp", "fn", "vn"}),
              "calcul refusé : écrivez-le, sur une ligne, avec seulement vp2, fp2, fn2 et vn2 (ou "
              "leurs nombres), des opérations et des parenthèses : ni fonction toute faite "
              "(ev.specificity…), ni autre variable (sp…). La question mesure le choix des cases.",
              name="specificite")
# The calculation is graded at the student's own threshold (0.5 without a usable one).
seuil_q9 = (seuil if isinstance(seuil, int | float) and 0 <= seuil <= 1
            and (scores < seuil).any() else 0.5)
c9 = ev.confusion_at_threshold(y_test, scores, seuil_q9)
c05 = ev.confusion_at_threshold(y_test, scores, 0.5)
a, b, c, d = c9.tp, c9.fp, c9.fn, c9.tn
checks.check_number(
    specificite,
    name="specificite",
    expected=d / (d + b),
    mistakes=[checks.Mistake(v, m) for v, m in [
        (a / (a + c), "vous avez calculé la sensibilité."),
        (b / (b + d), "(1 − spécificité) : la spécificité compte les rassurées à raison."),
        (d / (d + c) if d + c else -1.0, "valeur prédictive négative."),
        (a / (a + b) if a + b else -1.0, "valeur prédictive positive."),
        (d / (a + b + c + d), "divisé par toutes les patientes."),
        (d / b if b else -1.0, "divisé par les seuls faux positifs."),
        ((a + d) / (a + b + c + d), "exactitude."),
        (d / d + b if d else -1.0, "attention aux parenthèses."),
        (d / b + d if b else -1.0, "attention aux parenthèses."),
        (c05.tn / (c05.tn + c05.fp), "c'est la spécificité au seuil 0,5."),
        ((d + b) / d if d else -1.0, "une proportion ne dépasse pas 1 : le haut fait partie "
         "du bas."),
        ((d + b) / b if b else -1.0, "une proportion ne dépasse pas 1 : le haut fait partie "
         "du bas."),
        (d + b, "une proportion ne dépasse pas 1 : le haut fait partie du bas."),
        (d / c if c else -1.0, "une proportion ne dépasse pas 1 : le haut fait partie du bas."),
    ]],
    points=1,
)
# The value can be right on these counts with a wrong formula: the formula is judged too.
checks.expect(checks.written_formula(
    "specificite", lambda vp2, fp2, fn2, vn2: vn2 / (vn2 + fp2),
    values={"vp2": c9.tp, "fp2": c9.fp, "fn2": c9.fn, "vn2": c9.tn}) is not False
    or checks.written_formula("specificite",
                              lambda vp2, fp2, fn2, vn2: vn2 / (vn2 + fp2)) is not False
    or (seuil_q9 == 0.5 and checks.written_formula(
        "specificite", lambda vp, fp, fn, vn: vn / (vn + fp),
        values={"vp": c05.tp, "fp": c05.fp, "fn": c05.fn, "vn": c05.tn}) is not False),
    "ce calcul tombe juste sur ces comptes, mais ne donne pas la spécificité quels que soient "
    "les comptes : en bas, toutes les patientes sans cancer ; en haut, celles que le test "
    "rassure.", name="specificite")
### END HIDDEN TESTS

# %% mistake="specificite" session="formative"
# message : vous avez calculé la sensibilité
specificite = vp2 / (vp2 + fn2)

# %% mistake="specificite" session="formative"
# message : ni fonction toute faite (ev.specificity…)
specificite = ev.specificity(y_test, scores >= seuil_madame_l)

# %% mistake="specificite" session="formative"
# message : (1 − spécificité)
specificite = fp2 / (fp2 + vn2)

# %% mistake="specificite" session="formative"
# message : valeur prédictive négative
specificite = vn2 / (vn2 + fn2)

# %% mistake="specificite" session="formative"
# message : valeur prédictive positive
specificite = vp2 / (vp2 + fp2)

# %% mistake="specificite" session="formative"
# message : par toutes les patientes
specificite = vn2 / (vp2 + fp2 + fn2 + vn2)

# %% mistake="specificite" session="formative"
# message : par les seuls faux positifs
specificite = vn2 / fp2

# %% mistake="specificite" session="formative"
# message : exactitude
specificite = (vp2 + vn2) / (vp2 + fp2 + fn2 + vn2)

# %% mistake="specificite" session="formative"
# message : attention aux parenthèses
specificite = vn2 / vn2 + fp2

# %% mistake="specificite" session="formative"
# message : attention aux parenthèses
specificite = vn2 / fp2 + vn2

# %% mistake="specificite" session="formative"
# message : c'est la spécificité au seuil 0,5
specificite = vn / (vn + fp)

# %% mistake="specificite" session="formative"
# message : donné un pourcentage
specificite = 100 * vn2 / (vn2 + fp2)

# %% mistake="specificite" session="formative"
# message : une proportion ne dépasse pas 1
specificite = (vn2 + fp2) / vn2

# %% mistake="specificite" session="formative"
# message : une proportion ne dépasse pas 1
specificite = vn2 / fn2

# %% tests="specificite" points=1 session="evaluation"
# Vérification de la question 9 : exécutez cette cellule.
checks.check_form(specificite, name="specificite", kind="number", decimals=3, bounds=(0, 1),
                  written_from={"vp2", "fp2", "fn2", "vn2", "vp", "fp", "fn", "vn"})
### BEGIN HIDDEN TESTS
graine_copie = ev.wdbc_case_seed(checks.student_seed("01", announce=False))
wdbc = load_breast_cancer_wdbc()
X_r, X_t, y_r, y_t = train_test_split(
    wdbc.data[["mean texture", "mean compactness"]], wdbc.target, test_size=0.4,
    stratify=wdbc.target, random_state=graine_copie)
X_a, X_v, y_a, y_v = train_test_split(X_r, y_r, test_size=0.2 / 0.6, stratify=y_r,
                                      random_state=graine_copie)
refait = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_a, y_a)
s_v, s_t = refait.predict_proba(X_v)[:, 1], refait.predict_proba(X_t)[:, 1]
# The calculation is graded at the student's own threshold (0.5 without a usable one).
seuil_copie_q9 = (seuil if isinstance(seuil, int | float) and 0 <= seuil <= 1
                  and (s_t < seuil).any() else 0.5)
k9 = ev.confusion_at_threshold(y_t, s_t, seuil_copie_q9)
k9_05 = ev.confusion_at_threshold(y_t, s_t, 0.5)
# The calculation is judged on other counts too (a wrong formula may land within the tolerance).
comptes_q9 = {"vp2": k9.tp, "fp2": k9.fp, "fn2": k9.fn, "vn2": k9.tn}
comptes_q9_05 = {"vp": k9_05.tp, "fp": k9_05.fp, "fn": k9_05.fn, "vn": k9_05.tn}
# A number typed instead of the calculation (0.7 * 1, 682 / 1000) is refused.
checks.expect(checks.written_with("specificite", {"vp2", "fp2", "fn2", "vn2", "vp", "fp", "fn", "vn"},
                                  calculation=True, values={**comptes_q9, **comptes_q9_05}),
              "calcul refusé : écrivez-le, sur une ligne, avec seulement vp2, fp2, fn2 et vn2 (ou "
              "leurs nombres), des opérations et des parenthèses : ni fonction toute faite, ni "
              "autre variable (sp…), ni un nombre seul ou des nombres qui ne sont pas vos "
              "comptes (le résultat au lieu du calcul). La question mesure le choix des cases.",
              name="specificite")
if checks.written_formula("specificite", lambda vp2, fp2, fn2, vn2: vn2 / (vn2 + fp2),
                          values=comptes_q9) is False and not (
        seuil_copie_q9 == 0.5 and checks.written_formula(
            "specificite", lambda vp, fp, fn, vn: vn / (vn + fp), values=comptes_q9_05)):
    for fausse_q9, message_q9 in [
        (lambda vp2, fp2, fn2, vn2: vp2 / (vp2 + fn2), "vous avez calculé la sensibilité."),
        (lambda vp2, fp2, fn2, vn2: fp2 / (fp2 + vn2), "(1 − spécificité) : la spécificité "
         "compte les rassurées à raison."),
        (lambda vp2, fp2, fn2, vn2: vn2 / (vn2 + fn2), "valeur prédictive négative."),
        (lambda vp2, fp2, fn2, vn2: vp2 / (vp2 + fp2), "valeur prédictive positive."),
        (lambda vp2, fp2, fn2, vn2: (vp2 + vn2) / (vp2 + fp2 + fn2 + vn2), "exactitude (toutes "
         "les bonnes réponses sur le total) : la spécificité ne regarde que les non-malades."),
    ]:
        checks.expect(not checks.written_formula("specificite", fausse_q9, values=comptes_q9),
                      message_q9, name="specificite")
    checks.expect(seuil_copie_q9 == 0.5 or not checks.written_formula(
        "specificite", lambda vp, fp, fn, vn: vn / (vn + fp), values=comptes_q9_05),
        "c'est la spécificité au seuil 0,5.", name="specificite")
    # A sum typed by hand cannot be named: judged on the names alone, or by value.
    checks.expect(checks.written_formula("specificite", lambda vp2, fp2, fn2, vn2: vn2 / (
        vn2 + fp2)) is not False, "ce calcul ne donne pas la spécificité quels que soient les "
        "comptes : "
                  "en bas, toutes les patientes sans cancer ; en haut, celles que le test "
                  "rassure.", name="specificite")
checks.check_number(specificite, name="specificite", points=1,
                    expected=k9.tn / (k9.tn + k9.fp), mistakes=[
    checks.Mistake(k9.tp / (k9.tp + k9.fn), "vous avez calculé la sensibilité."),
    checks.Mistake(k9.fp / (k9.fp + k9.tn), "(1 − spécificité) : la spécificité compte les "
                   "rassurées à raison."),
    checks.Mistake(k9.tn / (k9.tn + k9.fn), "valeur prédictive négative."),
    checks.Mistake(k9_05.tn / (k9_05.tn + k9_05.fp), "c'est la spécificité au seuil 0,5."),
])
### END HIDDEN TESTS

# %% mistake="specificite" session="evaluation"
# message : vous avez calculé la sensibilité
specificite = vp2 / (vp2 + fn2)

# %% mistake="specificite" session="evaluation"
# message : (1 − spécificité)
specificite = fp2 / (fp2 + vn2)

# %% mistake="specificite" session="evaluation"
# message : c'est la spécificité au seuil 0,5
specificite = vn / (vn + fp)

# %% mistake="specificite" session="evaluation"
# message : ni un nombre seul
specificite = 0.9

# %% mistake="specificite" session="evaluation"
# message : des nombres qui ne sont pas vos comptes
specificite = 0.9 * 1

# %% [markdown] reveal="risque_negatif"
# La cellule suivante donne, sur le jeu de test, la VPP, la VPN et le risque résiduel (1 − VPN),
# à votre seuil de la question 2 puis au seuil 0,5, chacun avec sa marge.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il compte, sur le jeu de test, la VPP, la VPN et le risque
# résiduel, avec leurs intervalles de confiance à 95 %.
if checks.passed("risque_negatif"):  # defined here: its figures include question 8's

    def valeurs_pour_madame_l(valeur_seuil):
        c = ev.confusion_at_threshold(y_test, scores, valeur_seuil)
        print(f"Population de l'étude (jeu de test : patientes adressées pour une masse, "
              f"prévalence {fr_percent(prevalence_etude)}), au seuil "
              f"{fr_number(valeur_seuil, 2)} :")
        for nom, k, n in [("VPP (cancers parmi les tests positifs)", c.tp, c.tp + c.fp),
                          ("VPN (non-malades parmi les tests négatifs)", c.tn, c.tn + c.fn),
                          ("risque résiduel (1 − VPN)", c.fn, c.tn + c.fn)]:
            bas, haut = ev.proportion_ci(k, n)
            print(f"  {nom} : {k} sur {n}, soit {fr_number(k / n)} ; intervalle de confiance à "
                  f"95 % : de {fr_number(bas, 2)} à {fr_number(haut, 2)}")

    valeurs_pour_madame_l(seuil_madame_l)
    valeurs_pour_madame_l(seuil_defaut)
else:
    print("Ces valeurs s'afficheront ici quand la vérification de la question 8 aura dit "
          "« juste » (donc avec le bon seuil à la question 2) : relancez alors cette cellule (en "
          "séance évaluée, elles restent masquées : elles donneraient la réponse).")

# %% [markdown] reveal="risque_negatif" session="evaluation"
# Comparez ci-dessus le risque résiduel à votre seuil de la question 2 et au seuil 0,5 : un
# seuil plus bas manque moins de cancers, et le risque qui reste après un test négatif baisse.
# Sur un petit jeu de test, il peut même tomber à zéro : cela ne veut pas dire qu'un test négatif
# exclut le cancer (regardez la borne haute de son intervalle). Pour Madame L., un test négatif
# rassure sans exclure le cancer, et se lit avec l'examen clinique et l'imagerie.

# %% [markdown] reveal="risque_negatif" session="formative"
# <details><summary>Après avoir répondu à la question 8 : ce qu'il faut en retenir</summary>
#
# Au seuil de la question 2 (si votre seuil est juste), environ une patiente sur dix dont le test
# est négatif a pourtant un cancer ; au seuil 0,5, près de deux sur dix. Pour Madame L., un test
# négatif rassure sans exclure le cancer, et se lit avec l'examen clinique et l'imagerie.
#
# </details>

# %% [markdown]
# ### Réflexion — Qui porte les erreurs ? (3 points, corrigée par l'enseignant)
#
# À rédiger après la séance, en 150 à 250 mots, en trois parties (1 point chacune) :
#
# 1. **Les deux erreurs.** Au seuil de la question 2, qui subit un faux négatif, qui subit un
#    faux positif, et de quelle manière (santé, angoisse, examens, temps soignant, coûts) ?
# 2. **Un chiffre pour Madame L.** Citez au moins un chiffre de ce module **valable pour sa
#    population**, avec sa marge, et dites ce qu'il veut dire pour elle, en mots simples (par
#    exemple la sensibilité sur le jeu de test au seuil que vous avez donné à la question 2, et
#    son intervalle, affichés après la question 3).
# 3. **Qui décide, et pour qui.** Qui devrait participer au choix du seuil, et de la cible de
#    95 % ? Le test est-il aussi bon pour toutes les patientes ? Nommez un groupe précis pour
#    qui il pourrait l'être moins, avec votre raison, et dites ce que ces données permettent, ou
#    non, d'en savoir.
#
# <details><summary>Pour aller plus loin : ce que dit la loi sur l'information (lecture
# facultative)</summary>
#
# Informer Madame L. n'est pas qu'une politesse. Toute personne a le droit d'être informée sur
# son état de santé et sur les investigations proposées, leur utilité et leurs risques ; cette
# information incombe à tout professionnel de santé (article L. 1111-2 du code de la santé
# publique). Le code de déontologie médicale demande au médecin une information « loyale,
# claire et appropriée », dont il veille à la compréhension (article R. 4127-35 du même code).
#
# Pour l'IA, l'article L. 4001-3, issu de la loi relative à la bioéthique du 2 août 2021, ajoute
# une règle. Il vise un dispositif médical qui comporte un traitement algorithmique appris à
# partir de données massives, utilisé pour un acte de prévention, de diagnostic ou de soin. Le
# professionnel de santé qui l'utilise doit s'assurer que la personne a été informée de cette
# utilisation, et qu'elle est, « le cas échéant, avertie de l'interprétation qui en résulte ».
# Cet article ne parle pas de marge d'incertitude : la dire relève de l'information loyale et
# claire que doivent déjà les deux articles précédents.
#
# Le IV du même article renvoie à un arrêté du ministre chargé de la santé, pris après avis de
# la Haute Autorité de santé et de la CNIL, qui établit la nature des dispositifs concernés et
# leurs conditions d'utilisation. Nous n'avons pas pu vérifier, au 6 décembre 2026, si cet arrêté
# est paru (à vérifier sur Légifrance). La règle vaudrait pour Madame L. si son outil faisait
# partie de ces dispositifs. Le module 09 « Expliquer et garder la main » détaillera ces règles.
# </details>

# %% [markdown] written="reflexion_erreurs" points=3 session="formative"
# ### BEGIN SOLUTION
# *Guide de correction (enseignants ; retiré de la version étudiante).* Trois critères, notés
# chacun 0, 0,5 ou 1 point.
#
# - **Conséquences des deux erreurs, pour la personne**
#   (valeur V1 — Priorité à la relation humaine). Attendu : faux négatif = cancer découvert plus
#   tard, perte de chance, fausse réassurance ; faux positif = angoisse, biopsie inutile
#   (douleur, complications rares), temps d'attente, coût.
#   - **1** : les deux erreurs, chacune avec au moins une conséquence pour la patiente, reliées à
#     son vécu.
#   - **0,5** : une seule des deux erreurs, ou les deux nommées sans leurs conséquences.
#   - **0** : erreurs confondues (un faux positif présenté comme un cancer manqué) ou absentes.
# - **Un chiffre du module, juste au seuil que l'étudiant a donné à la question 2 (cohérent avec
#   sa copie, même si ce seuil est faux), valable pour la population de Madame L. (adressée pour
#   une masse, pas dépistée) et interprété avec sa marge.** Ce que l'étudiant peut voir dépend
#   de la publication. Dans les deux, après la question 3 : la sensibilité sur le jeu de test à
#   son seuil, avec son intervalle (au bon seuil 0,25 : 75 sur 85, soit 0,882, de 0,80 à 0,93) ;
#   la matrice au seuil 0,5 et les cases `vp2`… à son seuil (il peut en tirer une proportion,
#   sans intervalle). En formatif seulement, après des réponses justes : l'intervalle de la
#   sensibilité au seuil 0,5 (0,58 à 0,77 ; question 1) et, après la question 8, la VPP et la
#   VPN pour Madame L. (au bon seuil de la question 2 (0,25) : VPP 75 sur 121, soit 0,620, de
#   0,53 à 0,70 ; VPN 97 sur 107, soit 0,907, de 0,84 à 0,95 : un test négatif laisse environ
#   9 % de risque de cancer). En séance évaluée, ces derniers chiffres ne paraissent qu'au
#   retour : ne pas les exiger. Accepter tout chiffre cohérent avec la copie.
#   - **1** : chiffre juste, avec son intervalle ou sa marge, et ce qu'il veut dire pour la
#     patiente. S'il cite la sensibilité de **la validation du module** (sous la question 2,
#     ligne « Jeu de validation, au seuil … » : en formatif au seuil 0,25, 40 sur 42 = 0,952, de
#     0,84 à 0,99 ; en séance évaluée, le chiffre de sa copie), l'étudiant dit que ce chiffre
#     est **optimiste** (ces patientes ont servi à choisir le seuil : question 3 ; c'est le
#     chiffre lui-même qui l'est surtout, la borne basse beaucoup moins) ; sinon, 0,5 au plus.
#     Le 0,951 (39 sur 41) de la question 3 est celui d'une **équipe imaginaire**, pas de ce
#     test : le donner comme la sensibilité du test pour Madame L., c'est un chiffre faux (0). La VPP à 1 % de prévalence (question 4) ne vaut pas pour Madame L. :
#     la lui appliquer, c'est le transfert de population que le module condamne (0) ; la citer
#     pour des femmes dépistées, en le disant, vaut 0,5 au plus.
#   - **0,5** : chiffre juste mais sans sa marge, ou sans interprétation ; ou l'intervalle de la
#     validation donné comme une garantie.
#   - **0** : aucun chiffre, ou un chiffre faux (par exemple une sensibilité prise pour une VPP).
# - **Qui décide, et pour qui** (valeur V4 — Prudence, esprit critique et inclusivité ; justice
#   et équité). Le seuil, et d'abord la cible de 95 % (combien de cancers manqués on accepte pour
#   combien de biopsies inutiles), sont des choix de valeurs, pas seulement techniques ; ils
#   impliquent cliniciens, patientes, organisation des soins. « Aussi bon pour toutes ? » : ces
#   données, sans âge ni origine, ne permettent pas de le dire. (L'incertitude est notée au
#   critère précédent, pas ici.)
#   - **1** : plusieurs acteurs nommés, le choix présenté comme un choix de valeurs, **et**
#     l'équité traitée avec une raison propre à l'étudiant : un groupe précis et pourquoi le
#     test pourrait y être moins bon (par exemple l'âge, une petite lésion difficile à
#     ponctionner, des lames préparées ou numérisées dans un autre laboratoire, dont la texture
#     mesurée dépend), et ce que ces données, sans âge ni origine, ne permettent pas de dire.
#     « Ces données ne le disent pas » seul, déjà écrit dans le module, est une recopie : 0,5 au
#     plus. Valoriser, sans l'exiger, une discussion
#     de la cible (pourquoi 95 % et pas 90 % ou 99 %) et la mention du devoir d'information
#     (art. L. 1111-2 et R. 4127-35 du code de la santé publique ; L. 4001-3 en plus, si l'outil
#     était un tel dispositif).
#   - **0,5** : la décision traitée (acteurs, choix de valeurs) sans l'équité, ou l'équité seule.
#     Affirmer que le test est aussi bon pour toutes, ou qu'il ne l'est pas, sans appui dans ces
#     données : 0,5 au plus.
#   - **0** : seuil présenté comme « objectivement » fixé par l'algorithme, ou rien sur la
#     décision ni sur l'équité.
#
# Accepter toute position argumentée : le 0 du troisième critère sanctionne l'absence
# d'argument (« l'algorithme l'a fixé »), jamais la position défendue.
# ### END SOLUTION

# %% [markdown] session="evaluation"
# **Séance évaluée : la réflexion se rend à part**, après la séance, là où votre enseignant
# l'indique (par exemple un devoir Moodle). **En tête de votre réflexion, recopiez les deux
# lignes affichées après la question 3** : « Jeu de test, au seuil … : » et la sensibilité qui
# suit (« … sur …, soit … ; intervalle … »). Votre enseignant juge votre chiffre d'après elles.
# Laissez vide la cellule ci-dessous : le notebook est ramassé en fin de séance, et votre
# enseignant y reporte la note de votre réflexion.

# %% [markdown] written="reflexion_erreurs" points=3 session="evaluation"
# ### BEGIN SOLUTION
# *Guide de correction (enseignants ; retiré de la version étudiante).* Trois critères, notés
# chacun 0, 0,5 ou 1 point. **Séance évaluée : chaque copie a ses propres cas** (répartition
# tirée de l'identifiant de l'étudiant) ; les chiffres cités ci-dessous sont ceux de la version
# formative. **Où vérifier** : l'étudiant recopie en tête de sa réflexion les deux lignes
# « Jeu de test, au seuil … » de sa copie (sensibilité k sur n, intervalle) ; jugez son chiffre
# contre ces lignes, et vérifiez-les par sondage (quelques copies) dans la copie corrigée,
# après la question 3. Lignes absentes : jugez contre la copie corrigée, qui affiche aussi sous
# la question 2 « Jeu de validation, au seuil … » et avant la question 8 la ligne
# « vp2 = …, fp2 = …, fn2 = …, vn2 = … ». Lignes qui ne correspondent pas à la copie :
# demandez-en la raison à l'étudiant. Chaque copie manque au moins 3
# cancers au seuil de la question 2 sur son jeu de test (tirage par rejet) : aucune n'affiche
# « 85 sur 85 ». **Les copies ne racontent pas la même histoire** : au bon seuil, la
# sensibilité au test va par exemple de 68 sur 85 = 0,800 (intervalle de 0,70 à 0,87 : la
# promesse de 95 % est démentie) à 77 sur 85 = 0,906 (de 0,83 à 0,95 : la promesse n'est pas
# exclue, sans être prouvée). Les deux lectures valent le point si elles sont justes pour la
# copie et argumentées avec la marge ; ne préférez pas l'une à l'autre.
#
# - **Conséquences des deux erreurs, pour la personne**
#   (valeur V1 — Priorité à la relation humaine). Attendu : faux négatif = cancer découvert plus
#   tard, perte de chance, fausse réassurance ; faux positif = angoisse, biopsie inutile
#   (douleur, complications rares), temps d'attente, coût.
#   - **1** : les deux erreurs, chacune avec au moins une conséquence pour la patiente, reliées à
#     son vécu.
#   - **0,5** : une seule des deux erreurs, ou les deux nommées sans leurs conséquences.
#   - **0** : erreurs confondues (un faux positif présenté comme un cancer manqué) ou absentes.
# - **Un chiffre du module, juste au seuil que l'étudiant a donné à la question 2 (cohérent avec
#   sa copie, même si ce seuil est faux), valable pour la population de Madame L. (adressée pour
#   une masse, pas dépistée) et interprété avec sa marge.** Ce que l'étudiant peut voir dépend
#   de la publication. Dans les deux, après la question 3 : la sensibilité sur le jeu de test à
#   son seuil, avec son intervalle (au bon seuil 0,25 : 75 sur 85, soit 0,882, de 0,80 à 0,93) ;
#   la matrice au seuil 0,5 et les cases `vp2`… à son seuil (il peut en tirer une proportion,
#   sans intervalle). En formatif seulement, après des réponses justes : l'intervalle de la
#   sensibilité au seuil 0,5 (0,58 à 0,77 ; question 1) et, après la question 8, la VPP et la
#   VPN pour Madame L. (au bon seuil de la question 2 (0,25) : VPP 75 sur 121, soit 0,620, de
#   0,53 à 0,70 ; VPN 97 sur 107, soit 0,907, de 0,84 à 0,95 : un test négatif laisse environ
#   9 % de risque de cancer). En séance évaluée, ces derniers chiffres ne paraissent qu'au
#   retour : ne pas les exiger. Accepter tout chiffre cohérent avec la copie.
#   - **1** : chiffre juste, avec son intervalle ou sa marge, et ce qu'il veut dire pour la
#     patiente. S'il cite la sensibilité de **la validation du module** (sous la question 2,
#     ligne « Jeu de validation, au seuil … » : en formatif au seuil 0,25, 40 sur 42 = 0,952, de
#     0,84 à 0,99 ; en séance évaluée, le chiffre de sa copie), l'étudiant dit que ce chiffre
#     est **optimiste** (ces patientes ont servi à choisir le seuil : question 3 ; c'est le
#     chiffre lui-même qui l'est surtout, la borne basse beaucoup moins) ; sinon, 0,5 au plus.
#     Le 0,951 (39 sur 41) de la question 3 est celui d'une **équipe imaginaire**, pas de ce
#     test : le donner comme la sensibilité du test pour Madame L., c'est un chiffre faux (0). La VPP à 1 % de prévalence (question 4) ne vaut pas pour Madame L. :
#     la lui appliquer, c'est le transfert de population que le module condamne (0) ; la citer
#     pour des femmes dépistées, en le disant, vaut 0,5 au plus.
#   - **0,5** : chiffre juste mais sans sa marge, ou sans interprétation ; ou l'intervalle de la
#     validation donné comme une garantie.
#   - **0** : aucun chiffre, ou un chiffre faux (par exemple une sensibilité prise pour une VPP).
# - **Qui décide, et pour qui** (valeur V4 — Prudence, esprit critique et inclusivité ; justice
#   et équité). Le seuil, et d'abord la cible de 95 % (combien de cancers manqués on accepte pour
#   combien de biopsies inutiles), sont des choix de valeurs, pas seulement techniques ; ils
#   impliquent cliniciens, patientes, organisation des soins. « Aussi bon pour toutes ? » : ces
#   données, sans âge ni origine, ne permettent pas de le dire. (L'incertitude est notée au
#   critère précédent, pas ici.)
#   - **1** : plusieurs acteurs nommés, le choix présenté comme un choix de valeurs, **et**
#     l'équité traitée avec une raison propre à l'étudiant : un groupe précis et pourquoi le
#     test pourrait y être moins bon (par exemple l'âge, une petite lésion difficile à
#     ponctionner, des lames préparées ou numérisées dans un autre laboratoire, dont la texture
#     mesurée dépend), et ce que ces données, sans âge ni origine, ne permettent pas de dire.
#     « Ces données ne le disent pas » seul, déjà écrit dans le module, est une recopie : 0,5 au
#     plus. Valoriser, sans l'exiger, une discussion
#     de la cible (pourquoi 95 % et pas 90 % ou 99 %) et la mention du devoir d'information
#     (art. L. 1111-2 et R. 4127-35 du code de la santé publique ; L. 4001-3 en plus, si l'outil
#     était un tel dispositif).
#   - **0,5** : la décision traitée (acteurs, choix de valeurs) sans l'équité, ou l'équité seule.
#     Affirmer que le test est aussi bon pour toutes, ou qu'il ne l'est pas, sans appui dans ces
#     données : 0,5 au plus.
#   - **0** : seuil présenté comme « objectivement » fixé par l'algorithme, ou rien sur la
#     décision ni sur l'équité.
#
# Accepter toute position argumentée : le 0 du troisième critère sanctionne l'absence
# d'argument (« l'algorithme l'a fixé »), jamais la position défendue.
# ### END SOLUTION

# %% [markdown]
# ### Pour aller plus loin : la VPP d'un vrai dépistage
#
# Les indicateurs du dépistage organisé du cancer du sein donnent les dépistages positifs avant
# et après les examens complémentaires (le « bilan diagnostique immédiat »), et les cancers
# détectés. Le rapport des cancers détectés aux dépistages positifs est, à peu près, la VPP : la
# question 4 dans la vraie vie.
#
# Un exemple, tiré d'une même évaluation : en 2009, la mammographie était anormale pour 7,4 %
# des femmes dépistées ; après le bilan diagnostique immédiat, l'anomalie restait pour 3,1 %
# d'entre elles ; le programme détectait 6,4 cancers pour 1 000 femmes dépistées (données
# provisoires ; Lastier et al., 2012). Calculez : environ 6,4 cancers pour 74 mammographies
# anormales (VPP d'environ 0,09), puis pour 31 bilans positifs (environ 0,21). C'est un ordre de
# grandeur : quelques cancers sont trouvés autrement (seconde lecture des clichés normaux). La
# VPP monte à chaque examen, parce que chacun s'applique à une population où la maladie est
# plus fréquente. Le même schéma se retrouve plus récemment : en 2019-2020, chez les femmes qui
# revenaient au dépistage, 6 dépistages sur 100 étaient positifs avant le bilan, 2,8 après
# (Santé publique France, 2024).
#
# Le 1 % de la question 4 est une hypothèse d'école, pas une statistique. Il est du même ordre
# que les cancers détectés par le dépistage organisé : 6,8 pour 1 000 femmes dépistées en 2008
# (Lastier et al., 2012).

# %% [markdown]
# ## À retenir
#
# - Un test se juge contre un **test de référence** qui se trompe autrement que lui. Pour un
#   cancer, c'est l'histologie ; dans nos données, c'est le diagnostic final de l'équipe, dont
#   le mode de confirmation n'est pas documenté pour chaque patiente (risque de biais de
#   vérification).
# - **Sensibilité** et **spécificité** partent de la maladie ; **VPP** et **VPN** partent du
#   résultat du test.
# - Choisir un seuil, c'est **choisir qui supporte quelles erreurs** : une décision qui engage
#   soignants et patientes, pas l'algorithme seul.

# %% [markdown] reveal="marge"
# - Le seuil se règle sur un **jeu de validation** ; sa performance se mesure sur un **jeu de
#   test** qui n'a servi à rien d'autre.

# %% [markdown] reveal="risque_negatif"
# <details><summary>À retenir, après avoir répondu à la question 8</summary>
#
# - Après un test négatif, le **risque résiduel** vaut 1 − VPN : un test négatif rassure sans
#   exclure la maladie.
#
# </details>

# %% [markdown] reveal="intervalle"
# <details><summary>À retenir, après avoir répondu à la question 7</summary>
#
# - Une proportion mesurée sur peu de patientes s'annonce **avec son intervalle de confiance** :
#   il décrit le hasard chez des patientes comme celles de l'étude, pas une autre population.
#   Se et Sp elles-mêmes changent d'une population à l'autre (**effet de spectre**) : une
#   performance mesurée chez des patientes adressées ne vaut pas telle quelle en dépistage.
#
# </details>

# %% [markdown] reveal="effets_prevalence"
# <details><summary>À retenir, après avoir répondu à la question 6</summary>
#
# - VPP et VPN **dépendent de la prévalence** ; l'**AUC**, qui résume tous les seuils, n'en
#   dépend pas mécaniquement (à scores inchangés), mais elle change avec le spectre des
#   patientes. Elle ne dit pas, à elle seule, ce que vaut un test positif pour une patiente.
#
# </details>

# %% [markdown]
# ## Sources
#
# - Données : Wolberg WH, Street WN, Mangasarian OL. *Breast Cancer Wisconsin (Diagnostic)*.
#   UCI Machine Learning Repository, 1995 ; distribuées avec scikit-learn
#   (`sklearn.datasets.load_breast_cancer`). 569 patientes, 212 tumeurs malignes et 357
#   bénignes (décomptes recalculés dans ce notebook). Fiche descriptive du jeu de données
#   (origine, limites, licence) : affichée dans la section 1.
# - Wolberg WH, Street WN, Heisey DM, Mangasarian OL. Computer-derived nuclear features
#   distinguish malignant from benign breast cytology. *Human Pathology* 1995;26(7):792-796
#   (patientes adressées pour une masse, série consécutive ; zone « suspecte » de 30 % à 70 %).
# - Wolberg WH, Street WN, Mangasarian OL. Machine learning techniques to diagnose breast cancer
#   from image-processed nuclear features of fine needle aspirates. *Cancer Letters*
#   1994;77:163-171 (54 nouvelles patientes : 36 bénignes, 1 atypie, 17 malignes).
# - Street WN, Wolberg WH, Mangasarian OL. Nuclear feature extraction for breast tumor diagnosis.
#   *IS&T/SPIE International Symposium on Electronic Imaging: Science and Technology*, 1993,
#   vol. 1905, p. 861-870.
# - Bossuyt PM, Reitsma JB, Bruns DE, *et al.*, for the STARD Group. STARD 2015: an updated list
#   of essential items for reporting diagnostic accuracy studies. *BMJ* 2015;351:h5527.
# - Whiting PF, Rutjes AWS, Westwood ME, *et al.* QUADAS-2: a revised tool for the quality
#   assessment of diagnostic accuracy studies. *Annals of Internal Medicine*
#   2011;155(8):529-536.
# - European Commission Initiative on Breast Cancer (ECIBC). European guidelines on breast cancer
#   screening and diagnosis, recommandation « Needle core biopsy vs. fine needle aspiration
#   cytology » (healthcare-quality.jrc.ec.europa.eu) : la microbiopsie plutôt que la
#   cytoponction pour une lésion suspecte (recommandation forte).
# - Santé publique France. *Indicateurs de performance du programme de dépistage du cancer du
#   sein de 2008 à 2020*. santepubliquefrance.fr, 2024 (synthèse, dépistages subséquents
#   2019-2020).
# - Lastier D, Salines E, Rogel A. *Évaluation du programme de dépistage organisé du cancer du
#   sein en France : résultats 2009, évolutions depuis 2005*. Saint-Maurice : Institut de veille
#   sanitaire, mai 2012 (résumé : 7,4 % de mammographies anormales et 3,1 % après le bilan en
#   2009 ; 6,8 cancers détectés pour 1 000 en 2008, 6,4 en 2009, données provisoires).
# - Leeflang MMG, Rutjes AWS, Reitsma JB, Hooft L, Bossuyt PMM. Variation of a test's
#   sensitivity and specificity with disease prevalence. *CMAJ* 2013;185(11):E537-E544.
# - Code de la santé publique, articles L. 1111-2 (information du patient), R. 4127-35 (code de
#   déontologie médicale, article 35) et L. 4001-3 (loi n° 2021-1017 du 2 août 2021 relative
#   à la bioéthique) ; legifrance.gouv.fr.
# - Altman DG, Bland JM. Diagnostic tests 1: sensitivity and specificity. *BMJ* 1994;308:1552.
# - Altman DG, Bland JM. Diagnostic tests 2: predictive values. *BMJ* 1994;309:102.
# - Wilson EB. Probable inference, the law of succession, and statistical inference. *Journal of
#   the American Statistical Association* 1927;22(158):209-212 (l'intervalle de confiance de
#   Wilson).
# - Hanley JA, McNeil BJ. The meaning and use of the area under a receiver operating
#   characteristic (ROC) curve. *Radiology* 1982;143(1):29-36.
# - Pedregosa F, *et al.* Scikit-learn: Machine Learning in Python. *Journal of Machine Learning
#   Research* 2011;12:2825-2830.
