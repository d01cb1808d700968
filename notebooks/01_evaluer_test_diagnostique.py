# %% [markdown]
# # Module 01 — Évaluer un test diagnostique
#
# *Cours « IA et santé » — École de santé numérique, Université de Montpellier.*
#
# ## Ce que vous saurez faire à la fin de ce module
#
# 1. Lire une **matrice de confusion** : vrais et faux positifs, vrais et faux négatifs.
# 2. Calculer et interpréter la **sensibilité**, la **spécificité**, la **valeur prédictive
#    positive (VPP)** et la **valeur prédictive négative (VPN)**.
# 3. Expliquer pourquoi la VPP d'un même test change avec la **prévalence** de la maladie
#    (théorème de Bayes).
# 4. Lire une **courbe ROC** et son aire (**AUC**).
# 5. **Choisir un seuil** de décision selon les conséquences des erreurs, et dire qui les subit.
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
#   (sans accent : `sensibilite`) ; écrivez les décimales avec un **point** (`0.8` et non
#   `0,8`) ; écrivez de préférence le **calcul** plutôt que son résultat arrondi.
# - Des **indices** sont cachés sous chaque question : cliquez sur « Indice 1 », puis
#   « Indice 2 » seulement si besoin.
# - Aucune connaissance en programmation n'est demandée : les calculs tiennent en une ligne.

# %% [markdown]
# ## 1. Une histoire clinique
#
# Madame L., 52 ans, a découvert une boule dans le sein. Le radiologue réalise une **cytoponction**
# (ponction à l'aiguille fine) : quelques cellules sont prélevées et photographiées au microscope.
# Un logiciel mesure la forme des noyaux de ces cellules et un modèle d'intelligence artificielle
# en tire un **score** entre 0 et 1 : plus le score est élevé, plus il est probable que la
# tumeur soit **maligne** (un cancer).
#
# Le score seul ne décide rien. Il faut fixer un **seuil** : au-dessus, le test est dit
# « positif » (on suspecte un cancer, on poursuit les examens) ; en dessous, « négatif ».
# Tout ce module tourne autour d'une question : **que vaut ce test, et où placer le seuil ?**
#
# Nous utilisons de **vraies données** : le jeu de données *Breast Cancer Wisconsin (Diagnostic)*,
# recueilli à l'hôpital de l'Université du Wisconsin (États-Unis) et publié en 1995 (voir les sources en bas
# de page). Il est fourni avec la bibliothèque scikit-learn : rien n'est téléchargé. Les patientes
# sont anonymes : il ne reste que des mesures de noyaux cellulaires.

# %%
import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from esn_teach import checks, fr_number, fr_percent
from esn_teach import evaluation as ev
from esn_teach.explorers import ThresholdExplorer
from esn_teach.plotting import (
    accessible_style,
    describe_confusion_matrix,
    describe_roc,
    plot_confusion_matrix,
    plot_roc,
    show_figure,
)

donnees = load_breast_cancer(as_frame=True)
# Attention : dans scikit-learn, 0 = malin et 1 = bénin. Nous recodons pour que
# 1 = malin (la maladie recherchée), comme dans tout le cours.
y = (donnees.target == 0).astype(int)
print(f"{len(y)} patientes, dont {y.sum()} tumeurs malignes et {(y == 0).sum()} bénignes.")
print(f"Prévalence du cancer dans ce jeu de données : {fr_percent(y.mean())}")

# %% [markdown]
# Dans ce jeu de données, plus d'un tiers des tumeurs sont malignes : ce sont des patientes
# **adressées pour une masse suspecte**, pas une population de dépistage. Retenez ce chiffre, il
# comptera à la section 5.
#
# ## 2. Le modèle et ses scores
#
# Pour rendre les erreurs visibles, notre modèle n'utilise volontairement que **deux mesures**
# des noyaux : leur **texture** (variation des niveaux de gris dans le noyau) et leur
# **compacité** (un indice qui augmente quand le contour du noyau s'éloigne d'un cercle
# régulier). Il apprend
# sur 60 % des patientes ; nous l'évaluons sur les 40 % **qu'il n'a jamais vues** (le
# « jeu de test »). Évaluer un modèle sur les données qui ont servi à l'entraîner donnerait
# une image trop flatteuse.

# %%
mesures = donnees.data[["mean texture", "mean compactness"]]
X_app, X_test, y_app, y_test = train_test_split(
    mesures, y, train_size=0.6, test_size=0.4, stratify=y, random_state=0
)
modele = make_pipeline(StandardScaler(), LogisticRegression())
modele.fit(X_app, y_app)
scores = modele.predict_proba(X_test)[:, 1]  # score de malignité de chaque patiente du test
print(f"Jeu de test : {len(y_test)} patientes, dont {y_test.sum()} cancers.")

# %% [markdown]
# ## 3. La matrice de confusion
#
# Au seuil 0,5, chaque patiente tombe dans l'une de quatre cases :
#
# | | Test négatif | Test positif |
# |---|---|---|
# | **Non malade** | vrai négatif (**VN**) : rassurée à raison | faux positif (**FP**) : inquiétée à tort |
# | **Malade** | faux négatif (**FN**) : cancer manqué | vrai positif (**VP**) : cancer détecté |
#
# Deux proportions décrivent le test **du point de vue de la maladie** :
#
# - la **sensibilité** : parmi les malades, la part que le test détecte ;
# - la **spécificité** : parmi les non-malades, la part que le test rassure à raison.

# %%
seuil_defaut = 0.5
comptes = ev.confusion_at_threshold(y_test, scores, seuil_defaut)
vp, fp, fn, vn = comptes.tp, comptes.fp, comptes.fn, comptes.tn
print(f"Au seuil {fr_number(seuil_defaut, 1)} : VP = {vp}, FP = {fp}, FN = {fn}, VN = {vn}")
with accessible_style():
    show_figure(
        plot_confusion_matrix(comptes, title="Matrice de confusion au seuil 0,5 (jeu de test)"),
        describe_confusion_matrix(comptes),
    )

# %% [markdown]
# ### Question 1 — La sensibilité au seuil 0,5 (2 points)
#
# Calculez la **sensibilité** du test au seuil 0,5, sous forme de proportion entre 0 et 1
# (une proportion comme `0.8`, et non un pourcentage comme `80`). Écrivez le calcul avec les
# variables `vp`, `fp`, `fn` et `vn` définies ci-dessus.
#
# <details><summary>Indice 1</summary>
#
# La sensibilité ne regarde que les patientes **malades**. Quelles cases de la matrice
# contiennent des malades ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Les malades sont les vrais positifs et les faux négatifs. La sensibilité est la part des
# vrais positifs parmi eux : une division, avec `vp` au numérateur.
# </details>

# %% answer="sensibilite"
sensibilite = ...
### BEGIN SOLUTION
sensibilite = vp / (vp + fn)
### END SOLUTION

# %% tests="sensibilite" points=2
# Vérification de la question 1 : exécutez cette cellule.
y_pred_05 = ev.predict_at_threshold(scores, seuil_defaut)
checks.check_number(
    sensibilite,
    name="sensibilite",
    digest="489e1129a8b10845",
    bounds=(0, 1),
    mistakes=[
        checks.Mistake(ev.specificity(y_test, y_pred_05),
                       "vous avez calculé la spécificité (la part des non-malades rassurées). "
                       "La sensibilité ne regarde que les malades : VP et FN."),
        checks.Mistake(ev.ppv(y_test, y_pred_05),
                       "vous avez calculé la valeur prédictive positive (parmi les tests "
                       "positifs, la part de malades). La sensibilité part des malades, pas "
                       "des tests positifs."),
        checks.Mistake(float(np.mean(y_test == y_pred_05)),
                       "vous avez calculé l'exactitude (toutes les bonnes réponses sur le total). "
                       "La sensibilité ne regarde que les malades."),
        checks.Mistake(1 - ev.sensitivity(y_test, y_pred_05),
                       "vous avez calculé la part des cancers manqués (FN parmi les malades), "
                       "c'est-à-dire 1 − sensibilité. Mettez les vrais positifs au numérateur."),
    ],
    success="c'est la part des cancers que le test détecte au seuil 0,5.",
)
### BEGIN HIDDEN TESTS
checks.check_number(
    sensibilite,
    name="sensibilite",
    expected=ev.sensitivity(y_test, y_pred_05),
    mistakes=[checks.Mistake(ev.specificity(y_test, y_pred_05),
                             "vous avez calculé la spécificité.")],
)
### END HIDDEN TESTS

# %% mistake="sensibilite"
# message : vous avez calculé la spécificité
sensibilite = vn / (vn + fp)

# %% mistake="sensibilite"
# message : valeur prédictive positive
sensibilite = vp / (vp + fp)

# %% mistake="sensibilite"
# message : donné un pourcentage
sensibilite = 100 * vp / (vp + fn)

# %% [markdown]
# Tous les cancers que le test ne détecte pas sont dans la case FN : ce sont des cancers
# manqués. Voyons ce qui se passe quand on déplace le seuil.
#
# ## 4. L'explorateur de seuil
#
# Déplacez le curseur (à la souris, ou avec les **flèches du clavier** après avoir cliqué
# dessus). La matrice de confusion, les indicateurs et le point sur la courbe ROC (expliquée à la
# section 6) se mettent à jour. Observez :
#
# - quand le seuil **baisse**, la sensibilité monte… et la spécificité descend ;
# - aucun seuil ne donne à la fois zéro faux négatif et zéro faux positif ;
# - à chaque seuil correspond **un point** de la courbe ROC.

# %%
explorateur = ThresholdExplorer(y_test, scores, threshold=0.5, show_auc=False)
explorateur

# %% [markdown]
# ## 5. La prévalence change tout : valeurs prédictives et théorème de Bayes
#
# La patiente, elle, ne demande pas « quelle est la sensibilité ? » mais : **« mon test est
# positif : quel est le risque que j'aie un cancer ? »** C'est la **valeur prédictive positive
# (VPP)** : parmi les tests positifs, la part de patientes réellement malades.
#
# La VPP dépend de la sensibilité, de la spécificité **et de la prévalence** *p* (la part de
# malades dans la population testée). Par le théorème de Bayes :
#
# $$\text{VPP} = \frac{\text{Se} \times p}{\text{Se} \times p + (1 - \text{Sp}) \times (1 - p)}$$
#
# Le numérateur compte les vrais positifs, le dénominateur **tous** les positifs (vrais et faux).
# La fonction `ev.predictive_values(sensitivity=..., specificity=..., prevalence=...)` fait ce
# calcul et renvoie la VPP et la VPN.
#
# Dans notre jeu de test, la prévalence est d'environ 37 %. Imaginons maintenant que le **même**
# test (même sensibilité, même spécificité) soit proposé à une population où seulement **1 %**
# des personnes testées ont un cancer (une valeur choisie pour l'exercice). C'est une
# hypothèse simplificatrice : en réalité, un test se comporte souvent différemment dans une
# population différente de celle où il a été mis au point.

# %%
se = ev.sensitivity(y_test, ev.predict_at_threshold(scores, seuil_defaut))
sp = ev.specificity(y_test, ev.predict_at_threshold(scores, seuil_defaut))
prevalence_etude = float(y_test.mean())
print(f"Au seuil 0,5 : sensibilité Se = {fr_number(se)}, spécificité Sp = {fr_number(sp)}")
print(f"Prévalence dans le jeu de test : {fr_percent(prevalence_etude)}")
vpp_etude, vpn_etude = ev.predictive_values(sensitivity=se, specificity=sp,
                                            prevalence=prevalence_etude)
print(f"VPP à cette prévalence : {fr_number(vpp_etude)} ; VPN : {fr_number(vpn_etude)}")

# %% [markdown]
# ### Question 2 — La VPP quand la prévalence est de 1 % (2 points)
#
# Calculez la **VPP** du même test (mêmes `se` et `sp`) dans une population où la prévalence
# est de **1 %**. Donnez une proportion entre 0 et 1.
#
# <details><summary>Indice 1</summary>
#
# Seule la prévalence change : `prevalence=0.01`. Vous pouvez appliquer la formule ci-dessus
# ou utiliser `ev.predictive_values`.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Dans la formule, remplacez Se par `se`, Sp par `sp` et *p* par `0.01` (donc 1 − *p* par
# `0.99`). Attention aux parenthèses. Si vous utilisez `ev.predictive_values(...)`, elle
# renvoie **deux** nombres, la VPP puis la VPN : ajoutez `[0]` à la fin pour garder le premier.
# </details>

# %% answer="vpp_depistage"
vpp_depistage = ...
### BEGIN SOLUTION
vpp_depistage = se * 0.01 / (se * 0.01 + (1 - sp) * 0.99)
### END SOLUTION

# %% tests="vpp_depistage" points=2
# Vérification de la question 2 : exécutez cette cellule.
valeur_vpp = checks.require_number(vpp_depistage, name="vpp_depistage")
checks.expect(
    valeur_vpp < vpp_etude or valeur_vpp > 1,
    "quand la maladie devient plus rare, la VPP baisse : à 1 % de prévalence, elle ne peut pas "
    "dépasser la VPP à 37 %. Vous avez peut-être donné la valeur prédictive négative (le second "
    "nombre renvoyé par ev.predictive_values), inversé p et 1 − p, ou écrit prevalence=1 "
    "(ce qui veut dire 100 %) au lieu de 0.01.",
    name="vpp_depistage",
)
checks.check_number(
    vpp_depistage,
    name="vpp_depistage",
    digest="50050ec786d3de77",
    bounds=(0, 1),
    mistakes=[
        checks.Mistake(se,
                       "vous avez donné la sensibilité. La VPP répond à une autre question : "
                       "parmi les tests positifs, quelle part de malades ?"),
    ],
    hint="Vérifiez la formule : le numérateur compte les vrais positifs (Se × p), le "
    "dénominateur tous les positifs, vrais et faux.",
    success="à 1 % de prévalence, la grande majorité des tests positifs sont de faux positifs.",
)
### BEGIN HIDDEN TESTS
checks.check_number(
    vpp_depistage,
    name="vpp_depistage",
    expected=ev.predictive_values(sensitivity=se, specificity=sp, prevalence=0.01)[0],
)
### END HIDDEN TESTS

# %% mistake="vpp_depistage"
# message : Vérifiez la formule
vpp_depistage = se * 0.01 / (se * 0.01 + sp * 0.99)

# %% mistake="vpp_depistage"
# message : valeur prédictive négative
vpp_depistage = ev.predictive_values(sensitivity=se, specificity=sp, prevalence=0.01)[1]

# %% mistake="vpp_depistage"
# message : vous avez donné la sensibilité
vpp_depistage = se

# %% mistake="vpp_depistage"
# message : écrit prevalence=1
vpp_depistage = ev.predictive_values(sensitivity=se, specificity=sp, prevalence=1)[0]

# %% [markdown]
# Le même test, avec la même sensibilité et la même spécificité, n'a pas du tout la même valeur
# pour une patiente adressée pour une masse suspecte et pour une personne sans symptôme. Un
# chiffre de performance ne se transpose pas d'une population à l'autre sans réfléchir à la
# prévalence.
#
# ## 6. La courbe ROC et l'aire sous la courbe (AUC)
#
# La courbe ROC (de l'anglais *Receiver Operating Characteristic*) résume **tous les seuils à
# la fois** : pour chacun, elle place la sensibilité
# (en ordonnée) contre 1 − spécificité (en abscisse). L'**aire sous la courbe (AUC)** vaut
# 1 pour un test parfait et 0,5 pour un test qui répond au hasard (la diagonale). Elle a une
# lecture simple : c'est la probabilité qu'une patiente malade tirée au hasard ait un score plus
# élevé qu'une patiente non malade tirée au hasard.

# %%
courbe = ev.roc(y_test, scores)
with accessible_style():
    show_figure(
        plot_roc(courbe, title="Courbe ROC du modèle (jeu de test)", show_auc=False),
        describe_roc(courbe, show_auc=False),
    )

# %% [markdown]
# ### Question 3 — L'aire sous la courbe ROC (1 point)
#
# Calculez l'**AUC** du modèle sur le jeu de test avec la fonction `roc_auc_score` de
# scikit-learn (déjà importée), qui prend deux arguments : d'abord les diagnostics réels, puis
# les scores. Les diagnostics réels (1 = malin, 0 = bénin) sont dans `y_test`, les scores du
# modèle dans `scores`.
#
# <details><summary>Indice 1</summary>
#
# L'AUC se calcule avec les **scores**, pas avec les décisions « positif / négatif » à un seuil
# donné : elle résume tous les seuils.
# </details>
#
# <details><summary>Indice 2</summary>
#
# L'ordre compte : `roc_auc_score(diagnostics_réels, scores)`, en remplaçant chaque nom par la
# variable qui contient cette information.
# </details>

# %% answer="auc"
auc = ...
### BEGIN SOLUTION
auc = roc_auc_score(y_test, scores)
### END SOLUTION

# %% tests="auc" points=1
# Vérification de la question 3 : exécutez cette cellule.
valeur_auc = checks.require_number(auc, name="auc")
checks.expect(
    not 0 <= valeur_auc < 0.5,
    "votre AUC est inférieure à 0,5, moins bien que le hasard : elle est sans doute « à "
    "l'envers ». Avez-vous pris les tumeurs bénignes comme classe positive (le codage "
    "d'origine de scikit-learn, où 0 = malin) ? Utilisez y_test, où 1 = malin.",
    name="auc",
)
checks.check_number(
    auc,
    name="auc",
    digest="56fccb37b319dc08",
    bounds=(0, 1),
    mistakes=[
        checks.Mistake((se + sp) / 2,
                       "vous avez calculé l'AUC avec les décisions au seuil 0,5 au lieu des "
                       "scores. Donnez les scores : l'AUC résume tous les seuils."),
    ],
    hint="Donnez à roc_auc_score les diagnostics réels puis les scores du modèle.",
    success="l'AUC est nettement au-dessus de 0,5 (le hasard), mais le test reste imparfait.",
)
### BEGIN HIDDEN TESTS
checks.check_number(auc, name="auc", expected=roc_auc_score(y_test, scores))
### END HIDDEN TESTS

# %% mistake="auc"
# message : au lieu des scores
auc = roc_auc_score(y_test, scores >= 0.5)

# %% mistake="auc"
# message : à l'envers
auc = roc_auc_score(1 - y_test, scores)

# %% [markdown]
# ## 7. Choisir un seuil
#
# Quand le test sert à décider s'il faut aller plus loin (une biopsie), manquer un cancer est
# grave : on veut une sensibilité élevée, quitte à inquiéter à tort davantage de patientes.
#
# ### Question 4 — Le seuil qui détecte au moins 95 % des cancers (2 points)
#
# Parmi les seuils du curseur (de 0 à 1, de 0,01 en 0,01), trouvez **le plus élevé** pour
# lequel la sensibilité atteint **au moins 95 %** sur le jeu de test. Pourquoi le plus élevé ?
# Parce que, parmi tous les seuils assez sensibles, c'est celui qui fait le moins de faux
# positifs.
#
# Vous pouvez tâtonner avec l'explorateur de la section 4, ou calculer la sensibilité à un seuil
# donné : `ev.sensitivity(y_test, scores >= 0.30)` donne la sensibilité au seuil `0.30`.
#
# <details><summary>Indice 1</summary>
#
# Dans l'explorateur, baissez le seuil jusqu'à ce que la sensibilité atteigne 0,95 ou plus. Puis
# vérifiez qu'en le remontant d'un cran (0,01), la sensibilité repasse sous 0,95.
# </details>
#
# <details><summary>Indice 2</summary>
#
# La réponse est un seuil (entre 0 et 1), pas une sensibilité : 0.95 est l'objectif de
# sensibilité, pas le seuil. Le bon seuil est assez bas, car le modèle n'est pas très bon.
# </details>

# %% answer="seuil"
seuil = ...
### BEGIN SOLUTION
seuils_du_curseur = np.round(np.arange(0, 1.001, 0.01), 2)
seuil = max(t for t in seuils_du_curseur if ev.sensitivity(y_test, scores >= t) >= 0.95)
### END SOLUTION

# %% tests="seuil" points=2
# Vérification de la question 4 : exécutez cette cellule.
valeur_seuil = checks.require_number(seuil, name="seuil")
checks.expect(valeur_seuil != 0.95,
              "0.95 est la sensibilité visée, pas le seuil. Cherchez le seuil (la position du "
              "curseur) pour lequel la sensibilité atteint 0,95.", name="seuil")
checks.expect(0 <= valeur_seuil <= 1,
              f"un seuil se choisit entre 0 et 1 (les scores sont des probabilités) ; "
              f"vous avez donné {valeur_seuil:g}.", name="seuil")
se_obtenue = ev.sensitivity(y_test, scores >= valeur_seuil)
checks.expect(se_obtenue >= 0.95,
              f"à ce seuil, la sensibilité n'est que de {fr_number(se_obtenue)} : votre seuil est "
              "trop haut, baissez-le. Avez-vous visé 95 % de spécificité au lieu de 95 % de "
              "sensibilité ?", name="seuil")
se_cran_suivant = ev.sensitivity(y_test, scores >= valeur_seuil + 0.01)
checks.expect(se_cran_suivant < 0.95,
              f"la sensibilité atteint bien 95 % ({fr_number(se_obtenue)}), mais vous pouvez "
              "encore monter le seuil d'au moins un cran (0,01) sans passer sous 95 % : vous "
              "feriez moins de faux positifs.", name="seuil")
print(f"\u2714 Correct (seuil) : sensibilité {fr_number(se_obtenue)}, spécificité "
      f"{fr_number(ev.specificity(y_test, scores >= valeur_seuil))}.")
### BEGIN HIDDEN TESTS
scores_malades = np.asarray(scores)[np.asarray(y_test) == 1]
checks.expect(
    np.mean(scores_malades >= valeur_seuil) >= 0.95
    and np.mean(scores_malades >= valeur_seuil + 0.01) < 0.95,
    "ce seuil n'est pas le plus élevé qui atteint 95 % de sensibilité.",
    name="seuil",
)
### END HIDDEN TESTS

# %% mistake="seuil"
# message : visé 95 % de spécificité
seuil = courbe.thresholds[courbe.fpr <= 0.05].min()

# %% mistake="seuil"
# message : monter le seuil
seuil = 0.0

# %% mistake="seuil"
# message : entre 0 et 1
seuil = 95

# %% mistake="seuil"
# message : sensibilité visée, pas le seuil
seuil = 0.95

# %% [markdown]
# Regardez dans l'explorateur ce que coûte ce choix : pour détecter 95 % des cancers, combien de
# patientes sans cancer sont inquiétées à tort, et devront passer un examen de plus ?
#
# ## 8. Réflexion — Qui porte les erreurs ? (3 points, corrigée par l'enseignant)
#
# En 10 à 15 lignes : au seuil que vous avez trouvé à la question 4, **qui subit un faux
# négatif, qui subit un faux positif**, et de quelle manière (santé, angoisse, examens,
# temps soignant, coûts) ? Qui devrait participer au choix du seuil, et comment l'expliqueriez-vous
# à Madame L. ? Appuyez-vous sur au moins un chiffre de ce module.

# %% [markdown] written="reflexion_erreurs" points=3
# ### BEGIN SOLUTION
# *Guide de correction (enseignants ; retiré de la version étudiante).*
#
# - **1 point** — Conséquences des deux erreurs, pour la personne : faux négatif = cancer
#   découvert plus tard, perte de chance, fausse réassurance ; faux positif = angoisse, biopsie
#   inutile (douleur, complications rares), temps d'attente, coût. L'étudiant relie l'erreur au
#   vécu de la patiente (valeur V1, priorité à la relation humaine).
# - **1 point** — Un chiffre du module, juste et interprété : p. ex. au seuil de la question 4,
#   la spécificité chute (davantage de faux positifs) ; ou la VPP à 1 % de prévalence est faible,
#   donc la plupart des positifs sont des fausses alertes.
# - **1 point** — Qui décide et comment : le seuil est un choix de valeurs, pas seulement
#   technique ; il implique cliniciens, patientes, organisation des soins ; explication à la
#   patiente en mots simples, avec l'incertitude (valeur V4, prudence et esprit critique).
#   Accepter toute position argumentée ; pénaliser une réponse qui présente le seuil comme
#   « objectivement » déterminé par l'algorithme.
# ### END SOLUTION

# %% [markdown]
# ## À retenir
#
# - La **sensibilité** et la **spécificité** décrivent le test du point de vue de la maladie ;
#   la **VPP** et la **VPN** du point de vue du résultat, et elles **dépendent de la prévalence**.
# - Un même test peut être utile chez des patientes adressées pour une masse suspecte et produire
#   surtout des fausses alertes dans une population où la maladie est rare.
# - L'**AUC** résume tous les seuils ; elle ne dit pas quel seuil choisir.
# - Choisir un seuil, c'est **choisir qui supporte quelles erreurs** : une décision qui
#   engage soignants et patients, pas seulement l'algorithme.
#
# ## Sources
#
# - Données : Wolberg WH, Street WN, Mangasarian OL. *Breast Cancer Wisconsin (Diagnostic)*.
#   UCI Machine Learning Repository, 1995 ; distribuées avec scikit-learn
#   (`sklearn.datasets.load_breast_cancer`). 569 patientes, 212 tumeurs malignes et 357
#   bénignes (décomptes recalculés dans ce notebook). Fiche descriptive du jeu de données
#   (origine, limites, licence) : `esn_teach/datasets/cards/breast_cancer_wdbc.md`.
# - Street WN, Wolberg WH, Mangasarian OL. Nuclear feature extraction for breast tumor diagnosis.
#   *IS&T/SPIE International Symposium on Electronic Imaging: Science and Technology*, 1993,
#   vol. 1905, p. 861-870.
# - Altman DG, Bland JM. Diagnostic tests 1: sensitivity and specificity. *BMJ* 1994;308:1552.
# - Altman DG, Bland JM. Diagnostic tests 2: predictive values. *BMJ* 1994;309:102.
# - Hanley JA, McNeil BJ. The meaning and use of the area under a receiver operating
#   characteristic (ROC) curve. *Radiology* 1982;143(1):29-36.
# - Pedregosa F, *et al.* Scikit-learn: Machine Learning in Python. *Journal of Machine Learning
#   Research* 2011;12:2825-2830.
