# %% [markdown]
# # Module 08 — Validation externe et dérive
#
# *Cours « IA et santé » — École de santé numérique, Université de Montpellier.*
#
# **Prérequis** : module 01. En une ligne chacun : la **sensibilité** est la part des malades
# que le test détecte ; la **spécificité**, la part des non-malades qu'il rassure ; la **courbe
# ROC** trace la sensibilité contre 1 − spécificité pour tous les seuils, et son aire, l'**AUC**,
# vaut 0,5 pour un test au hasard et 1 pour un test parfait.
#
# ## Ce que vous saurez faire à la fin de ce module
#
# 1. Distinguer la performance **interne** d'un score (dans l'hôpital qui l'a construit) de sa
#    performance **externe** (ailleurs), chacune avec sa **marge d'erreur**.
# 2. Traduire un seuil d'alerte en **charge de travail** : alertes pour 100 séjours, et, sur
#    10 alertes, combien de vrais sepsis.
# 3. Expliquer comment un modèle peut exploiter une **habitude locale** (raccourci).
# 4. Dire ce qu'une **adaptation locale** corrige, et ce qu'elle ne corrige pas.
# 5. Énoncer ce qu'un hôpital vérifie **avant de déployer** un score, puis **surveille**.
#
# > **Les valeurs de l'école dans ce module**
# > - **V5 — Utilisation responsable et éclairée** : un score ne s'utilise qu'après avoir été
# >   validé là où il servira, puis surveillé.
# > - **V4 — Prudence, esprit critique et inclusivité** : une AUC annoncée ailleurs n'est pas
# >   une promesse ; on la lit avec sa marge d'erreur.
# > - **V6 — Intégrité et transparence** : ce qu'annonce un éditeur se vérifie par une mesure
# >   indépendante.
# >
# > **Cadre de l'éthique du numérique en santé (CENS)** : non-malfaisance (un sepsis manqué
# > retarde le traitement ; trop d'alertes épuisent l'équipe), bienfaisance (un score n'est utile
# > que s'il aide les patients de **cet** hôpital), justice (il doit servir aussi bien chaque
# > groupe de patients), autonomie (le patient sait qu'un score surveille son risque).

# %% [markdown] session="formative"
# ## Ce que vous allez faire
#
# Un score de sepsis est construit à l'hôpital H1. **En séance** (sections 1 à 5) : vous
# mesurez sa performance ailleurs (questions 1 et 2) et la charge de ses alertes (questions 3
# et 4). **Après la séance**, chez vous : pourquoi il échoue ailleurs, ce qu'on corrige sur
# place et ce que le droit permet (questions 5 à 7), puis une réflexion écrite. Les points de
# chaque partie sont dans la ligne « Notation », juste au-dessus.
#
# Exécutez les cellules **dans l'ordre** (Maj + Entrée). Pour répondre, remplacez les `...`
# (décimales avec un **point** : `0.8`), puis exécutez la **« Vérification »** en dessous.

# %% [markdown] session="evaluation"
# ## Ce que vous allez faire
#
# Un score de sepsis est construit à l'hôpital H1. **En séance** (sections 1 à 5) : vous
# mesurez sa performance ailleurs (questions 1 et 2) et la charge de ses alertes (questions 3
# et 4). **Après la séance**, chez vous : pourquoi il échoue ailleurs, ce qu'on corrige sur
# place et ce que le droit permet (questions 5 à 7), puis une réflexion écrite.
#
# <details><summary>Comment c'est noté</summary>
#
# La note (ligne « Notation », juste au-dessus) porte sur les **questions 1 à 4** (7 points,
# faites en séance) et sur la **réflexion** (3 points, écrite après la séance), soit 10 points.
# Les questions 5 à 7 sont un **entraînement** : corrigées, elles ne comptent pas dans la note.
# Votre copie, avec les questions 1 à 4, est ramassée **à la fin de la séance** ; la réflexion,
# écrite après, se rend à part, comme l'indique votre enseignant·e (par exemple un devoir
# Moodle), avant la date annoncée. Chaque question dit sa précision ; un nombre juste mais arrondi une décimale trop
# tôt vaut la moitié des points.
# </details>
#
# Exécutez les cellules **dans l'ordre** (Maj + Entrée). Pour répondre, remplacez les `...`
# (décimales avec un **point** : `0.8`), puis exécutez la **« Vérification »** en dessous.

# %% [markdown]
# ## 1. Une histoire vraie
#
# Un éditeur de dossier patient a diffusé dans des centaines d'hôpitaux américains un score
# d'alerte au **sepsis** (une réponse déréglée de l'organisme à une infection, qui altère des
# organes et menace la vie ; Singer et al., 2016). Une équipe du Michigan l'a évalué sur
# 38 455 hospitalisations, dont 7 % avec un sepsis : l'AUC n'était que de 0,63, nettement moins
# que ce qu'annonçait l'éditeur (Wong et al., 2021). Sa version 2, évaluée dans une autre
# étude, sépare bien mieux les sepsis des autres séjours une fois réglée sur place (AUC de
# 0,82 à 0,92 selon les hôpitaux), mais donne encore peu de vrais sepsis parmi de nombreuses
# alertes ; ses auteurs conseillent de la valider dans chaque hôpital (Wong et al., 2026). D'où la question de la **validation
# externe** : un score qui marche là où il a été construit marche-t-il aussi ailleurs ?
#
# Nos données sont **synthétiques** (inventées par un programme) : trois hôpitaux, H1, H2 et
# H3, réglés pour reproduire ce **phénomène**, sans répliquer l'étude : le score, les hôpitaux
# et les chiffres sont les nôtres.

# %% jupyter={"source_hidden": true} session="formative"
# Inutile de lire ce code (replié) : il charge les outils, fabrique les séjours synthétiques,
# affiche leur fiche, puis construit le score à H1. Exécutez-le (Maj + Entrée).
import numpy as np
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Markdown, display
from scipy.optimize import brentq
from scipy.special import expit, logit
from scipy.stats import norm, rankdata
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from esn_teach import checks, fr_number, fr_percent, fr_table
from esn_teach.datasets import data_card, make_sepsis_hospitals
from esn_teach.evaluation import proportion_ci
from esn_teach.explorers import SiteAlertExplorer, site_alert_stats
from esn_teach.law import reference
from esn_teach.plotting import LINESTYLES, MARKERS, PALETTE, accessible_style, show_figure

pd.set_option("display.float_format", lambda x: fr_number(x, 3))

GRAINE = 2018  # la graine fixe le tirage : tout le monde obtient les mêmes données
N_SEJOURS = 20000  # séjours hospitaliers, répartis entre trois hôpitaux
N_BOOTSTRAP = 1000  # rééchantillonnages par intervalle (sections 3, 6, 7)
NIVEAU = 0.95  # niveau des intervalles de confiance
SENSIBILITE_VISEE = 0.6  # objectif du service : détecter 60 % des sepsis des séjours de réglage
N_AUDIT = 150  # petit audit local à H3 (section 3)
N_LOCAL = 1000  # séjours de réglage locaux à H3 (section 7)
NOTICE_SEUILS = (0.02, 0.20)  # plage de seuil d'une notice imaginaire (section 7, question 7)
TOLERANCE_REGLAGE = 0.1  # écart toléré à l'objectif de 60 % au test local de H3 (section 7)
ECART_MOYEN = 1.5  # écart toléré (points de %) du risque moyen à la part observée (question 6)

jeu = make_sepsis_hospitals(n_samples=N_SEJOURS, random_state=GRAINE)
display(data_card(jeu))  # la fiche, repliée : cliquez sur son titre pour la déplier
sejours = jeu.frame
VARIABLES = list(jeu.feature_names)  # les huit informations que lit le score

# H1 : moitié pour l'entraînement, un quart pour le réglage (choisir le seuil), un quart
# pour le test (mesurer, une seule fois). stratify garde la même part de sepsis partout.
h1 = sejours[sejours["hospital"] == "H1"]
h1_app, h1_reste = train_test_split(h1, test_size=0.5, random_state=GRAINE, stratify=h1["sepsis"])
h1_reglage, h1_test = train_test_split(
    h1_reste, test_size=0.5, random_state=GRAINE, stratify=h1_reste["sepsis"]
)
h2 = sejours[sejours["hospital"] == "H2"]
h3 = sejours[sejours["hospital"] == "H3"]

# Le score : une régression logistique, entraînée sur les séjours d'entraînement de H1.
modele = make_pipeline(StandardScaler(), LogisticRegression())
modele.fit(h1_app[VARIABLES], h1_app["sepsis"])


def risque(groupe):
    """Risque de sepsis prédit par le score pour chaque séjour du groupe (entre 0 et 1)."""
    return modele.predict_proba(groupe[VARIABLES])[:, 1]


# La vérité (1 = sepsis) et le score, séjour par séjour, pour chaque groupe.
sepsis_h1_app, score_h1_app = h1_app["sepsis"].to_numpy(), risque(h1_app)
sepsis_h1_reglage, score_h1_reglage = h1_reglage["sepsis"].to_numpy(), risque(h1_reglage)
sepsis_h1_test, score_h1_test = h1_test["sepsis"].to_numpy(), risque(h1_test)
sepsis_h2, score_h2 = h2["sepsis"].to_numpy(), risque(h2)
sepsis_h3, score_h3 = h3["sepsis"].to_numpy(), risque(h3)

print(f"{len(sejours)} séjours synthétiques.")
display(fr_table(
    pd.DataFrame(
        {
            "groupe": ["H1 entraînement", "H1 réglage", "H1 test", "H2", "H3"],
            "sejours": [len(h1_app), len(h1_reglage), len(h1_test), len(h2), len(h3)],
            "sepsis": [int(s.sum()) for s in (sepsis_h1_app, sepsis_h1_reglage,
                                              sepsis_h1_test, sepsis_h2, sepsis_h3)],
        }
    ).assign(prevalence=lambda d: d["sepsis"] / d["sejours"]),
    columns={"groupe": "Groupe de séjours", "sejours": "Séjours", "sepsis": "Sepsis",
             "prevalence": "Part de sepsis (prévalence)"},
    caption="Les séjours de chaque hôpital",
    show_index=False,
))
print("La vérité (1 = sepsis) et le score de chaque groupe, sous le nom à écrire dans vos calculs :")
for groupe, suffixe in (("H1 entraînement", "h1_app"), ("H1 réglage", "h1_reglage"),
                        ("H1 test", "h1_test"), ("H2", "h2"), ("H3", "h3")):
    print(f"  {groupe} : vérité sepsis_{suffixe}, score score_{suffixe}")

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : il charge les outils, fabrique les séjours synthétiques,
# affiche leur fiche, puis construit le score à H1. Vos séjours sont les vôtres : ils sont
# tirés de votre identifiant (la ligne « Vos cas… »). Exécutez-le (Maj + Entrée).
import numpy as np
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Markdown, display
from scipy.optimize import brentq
from scipy.special import expit, logit
from scipy.stats import norm, rankdata
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from esn_teach import checks, fr_number, fr_percent, fr_table
from esn_teach.datasets import (
    data_card,
    make_sepsis_hospitals,
    sepsis_case_mix,
    sepsis_case_prevalence,
    sepsis_case_seed,
)
from esn_teach.datasets._sepsis import _audit_size
from esn_teach.evaluation import proportion_ci
from esn_teach.explorers import SiteAlertExplorer, site_alert_stats
from esn_teach.law import reference
from esn_teach.plotting import LINESTYLES, MARKERS, PALETTE, accessible_style, show_figure

pd.set_option("display.float_format", lambda x: fr_number(x, 3))

# Vos séjours sont tirés de votre identifiant (parmi des tirages vérifiés : aucune erreur type
# n'y tombe sur la bonne réponse) : vos chiffres ne sont pas ceux du voisin. La part de sepsis
# de H2 aussi (de 8 % à 18 % selon les copies ; 7 % à H1 et 5 % à H3 pour tous), et la
# gravité de ses patients sans sepsis (son « case-mix ») : l'AUC de H2 change d'une copie à
# l'autre. Les séjours de H1 et de H3 ne dépendent que de votre identifiant.
GRAINE = sepsis_case_seed(checks.student_seed("08"))
PREVALENCES = sepsis_case_prevalence(GRAINE)  # part de sepsis visée à H1, H2 et H3
CASE_MIX = sepsis_case_mix(GRAINE)  # gravité des patients sans sepsis de H1, H2 et H3
N_SEJOURS = 20000  # séjours hospitaliers, répartis entre trois hôpitaux
N_BOOTSTRAP = 1000  # rééchantillonnages par intervalle (sections 3, 6, 7)
NIVEAU = 0.95  # niveau des intervalles de confiance
SENSIBILITE_VISEE = 0.6  # objectif du service : détecter 60 % des sepsis des séjours de réglage
# Votre audit local à H3 (section 3, question 2) : un mois (150 séjours) ou deux mois (300),
# tiré de votre identifiant.
N_AUDIT = _audit_size(checks.student_seed("08", announce=False))
N_LOCAL = 1000  # séjours de réglage locaux à H3 (section 7)
NOTICE_SEUILS = (0.02, 0.20)  # plage de seuil d'une notice imaginaire (section 7, question 7)
TOLERANCE_REGLAGE = 0.05  # écart toléré à l'objectif de 60 % au test local de H3 (section 7)
ECART_MOYEN = 1.5  # écart toléré (points de %) du risque moyen à la part observée (question 6)

jeu = make_sepsis_hospitals(n_samples=N_SEJOURS, random_state=GRAINE, prevalence=PREVALENCES,
                            case_mix=CASE_MIX)
display(data_card(jeu))  # la fiche, repliée : cliquez sur son titre pour la déplier
sejours = jeu.frame
VARIABLES = list(jeu.feature_names)  # les huit informations que lit le score

# H1 : moitié pour l'entraînement, un quart pour le réglage (choisir le seuil), un quart
# pour le test (mesurer, une seule fois). stratify garde la même part de sepsis partout.
h1 = sejours[sejours["hospital"] == "H1"]
h1_app, h1_reste = train_test_split(h1, test_size=0.5, random_state=GRAINE, stratify=h1["sepsis"])
h1_reglage, h1_test = train_test_split(
    h1_reste, test_size=0.5, random_state=GRAINE, stratify=h1_reste["sepsis"]
)
h2 = sejours[sejours["hospital"] == "H2"]
h3 = sejours[sejours["hospital"] == "H3"]

# Le score : une régression logistique, entraînée sur les séjours d'entraînement de H1.
modele = make_pipeline(StandardScaler(), LogisticRegression())
modele.fit(h1_app[VARIABLES], h1_app["sepsis"])


def risque(groupe):
    """Risque de sepsis prédit par le score pour chaque séjour du groupe (entre 0 et 1)."""
    return modele.predict_proba(groupe[VARIABLES])[:, 1]


# La vérité (1 = sepsis) et le score, séjour par séjour, pour chaque groupe.
sepsis_h1_app, score_h1_app = h1_app["sepsis"].to_numpy(), risque(h1_app)
sepsis_h1_reglage, score_h1_reglage = h1_reglage["sepsis"].to_numpy(), risque(h1_reglage)
sepsis_h1_test, score_h1_test = h1_test["sepsis"].to_numpy(), risque(h1_test)
sepsis_h2, score_h2 = h2["sepsis"].to_numpy(), risque(h2)
sepsis_h3, score_h3 = h3["sepsis"].to_numpy(), risque(h3)

print(f"{len(sejours)} séjours synthétiques.")
display(fr_table(
    pd.DataFrame(
        {
            "groupe": ["H1 entraînement", "H1 réglage", "H1 test", "H2", "H3"],
            "sejours": [len(h1_app), len(h1_reglage), len(h1_test), len(h2), len(h3)],
            "sepsis": [int(s.sum()) for s in (sepsis_h1_app, sepsis_h1_reglage,
                                              sepsis_h1_test, sepsis_h2, sepsis_h3)],
        }
    ).assign(prevalence=lambda d: d["sepsis"] / d["sejours"]),
    columns={"groupe": "Groupe de séjours", "sejours": "Séjours", "sepsis": "Sepsis",
             "prevalence": "Part de sepsis (prévalence)"},
    caption="Les séjours de chaque hôpital",
    show_index=False,
))
print("La vérité (1 = sepsis) et le score de chaque groupe, sous le nom à écrire dans vos calculs :")
for groupe, suffixe in (("H1 entraînement", "h1_app"), ("H1 réglage", "h1_reglage"),
                        ("H1 test", "h1_test"), ("H2", "h2"), ("H3", "h3")):
    print(f"  {groupe} : vérité sepsis_{suffixe}, score score_{suffixe}")
print(f"Votre audit à H3 (section 3, question 2) : {N_AUDIT} séjours tirés au hasard, soit "
      f"{'un mois' if N_AUDIT == 150 else 'deux mois'} d'audit.")

# %% [markdown]
# ## 2. Interne ou externe ?
#
# Le score est une **régression logistique** : une formule qui combine huit informations
# (âge, signes vitaux, leucocytes, lactates, antibiotiques **déjà prescrits** au moment du
# calcul) en un **risque prédit** entre 0 et 1. Elle a appris sur les séjours d'entraînement
# de H1 ; on la juge sur des séjours qu'elle n'a jamais vus :
#
# - **validation interne** : les séjours de **test de H1**, mis de côté ;
# - **validation externe** : les séjours de **H2** et de **H3**, d'autres hôpitaux.
#
# Valider, c'est **mesurer** trois choses : la **discrimination** (le score sépare-t-il les
# sepsis des autres séjours ? c'est l'AUC), la **calibration** (chez les patients d'un même
# risque prédit, la part de sepsis observée est-elle ce risque ?) et la **charge** d'alertes
# pour l'équipe (section 4). Les séjours de H1 qui servent à **régler** le seuil sont dits
# « de réglage ».
#
# Exemple résolu, l'AUC interne :

# %%
# roc_auc_score(vérité, score) calcule l'AUC : d'abord la vérité, puis le score.
auc_interne = roc_auc_score(sepsis_h1_test, score_h1_test)
print(f"AUC interne (H1, séjours de test) : {fr_number(auc_interne)}")

# %% [markdown]
# ### Question 1 — L'AUC externe à H2 (1 point)
#
# Calculez l'AUC du score sur les séjours de **H2**, avec `roc_auc_score`. Écrivez le calcul,
# pas un nombre arrondi à la main (corrigé à trois décimales ; arrondi à deux, la moitié des
# points).
#
# <details><summary>Indice 1</summary>
#
# Une validation externe se fait sur les séjours d'un autre hôpital que celui où le score a
# appris. Quelle vérité, et quel score, décrivent les séjours de H2 ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Une AUC confronte, séjour par séjour, ce qui est arrivé et ce que le score a prédit : il faut
# deux séries qui décrivent les **mêmes** séjours, ceux de l'hôpital où l'on valide. La cellule
# de la section 1 nomme ces séries pour chaque groupe ; l'exemple résolu dit dans quel ordre
# les donner.
# </details>

# %% answer="auc_h2"
auc_h2 = ...
### BEGIN SOLUTION
auc_h2 = roc_auc_score(sepsis_h2, score_h2)
### END SOLUTION

# %% tests="auc_h2" points=1 session="formative"
# Vérification de la question 1 : exécutez cette cellule.
checks.check_number(
    auc_h2,
    name="auc_h2",
    digest="8ac62a5be52f197b",
    bounds=(0, 1),
    mistakes=[
        checks.Mistake(auc_interne, "vous avez donné l'AUC interne (les séjours de test de H1). "
                       "La validation externe se fait sur les séjours de H2."),
        checks.Mistake(roc_auc_score(sepsis_h1_app, score_h1_app),
                       "vous avez mesuré l'AUC sur les séjours d'entraînement de H1, ceux que "
                       "le score a déjà vus : elle ne dit rien de sa performance ailleurs."),
        checks.Mistake(roc_auc_score(sepsis_h1_reglage, score_h1_reglage),
                       "vous avez mesuré l'AUC sur les séjours de réglage de H1 : ils viennent "
                       "de l'hôpital qui a construit le score. La validation externe se fait "
                       "sur les séjours de H2."),
        checks.Mistake(None, "vous avez pris les séjours de H3 ; la question porte sur H2.",
                       digest="1ecb4ba3aaa090e9"),
        checks.Mistake(None, "votre AUC vaut 1 moins la bonne : la vérité ou le score est pris "
                       "à rebours (par exemple 1 − sepsis). Écrivez les deux noms tels quels, "
                       "d'abord la vérité, puis le score.", digest="03a1e71f99408cc3"),
        checks.Mistake(0.63, "vous avez recopié l'AUC publiée par Wong et al. (0,63). La "
                       "question porte sur nos données : calculez-la avec roc_auc_score."),
    ],
    hint="Quels séjours décrivent l'hôpital H2 ? Reprenez l'exemple résolu avec leurs noms.",
    points=1,
)
### BEGIN HIDDEN TESTS
checks.check_number(
    auc_h2,
    name="auc_h2",
    expected=roc_auc_score(h2["sepsis"], modele.predict_proba(h2[VARIABLES])[:, 1]),
    bounds=(0, 1),
    mistakes=[
        checks.Mistake(roc_auc_score(h1_test["sepsis"], modele.predict_proba(h1_test[VARIABLES])[:, 1]),
                       "vous avez donné l'AUC interne (les séjours de test de H1). La validation "
                       "externe se fait sur les séjours de H2."),
        checks.Mistake(roc_auc_score(h1_app["sepsis"], modele.predict_proba(h1_app[VARIABLES])[:, 1]),
                       "vous avez mesuré l'AUC sur les séjours d'entraînement de H1, ceux que le "
                       "score a déjà vus : elle ne dit rien de sa performance ailleurs."),
        checks.Mistake(roc_auc_score(h1_reglage["sepsis"],
                                     modele.predict_proba(h1_reglage[VARIABLES])[:, 1]),
                       "vous avez mesuré l'AUC sur les séjours de réglage de H1 : ils viennent "
                       "de l'hôpital qui a construit le score. La validation externe se fait "
                       "sur les séjours de H2."),
        checks.Mistake(roc_auc_score(h3["sepsis"], modele.predict_proba(h3[VARIABLES])[:, 1]),
                       "vous avez pris les séjours de H3 ; la question porte sur H2."),
        checks.Mistake(1 - roc_auc_score(h2["sepsis"], modele.predict_proba(h2[VARIABLES])[:, 1]),
                       "votre AUC vaut 1 moins la bonne : la vérité ou le score est pris à "
                       "rebours. Écrivez d'abord la vérité, puis le score."),
        checks.Mistake(0.63, "vous avez recopié l'AUC publiée par Wong et al. (0,63). La "
                       "question porte sur nos données : calculez-la avec roc_auc_score."),
    ],
    hint="l'AUC externe se calcule avec roc_auc_score sur la vérité et le score des séjours "
    "de H2 (sepsis_h2, score_h2), dans cet ordre.",
    points=1,
)
### END HIDDEN TESTS

# %% mistake="auc_h2" session="formative"
# message : vous avez donné l'AUC interne
auc_h2 = roc_auc_score(sepsis_h1_test, score_h1_test)

# %% mistake="auc_h2" session="formative"
# message : sur les séjours d'entraînement de H1
auc_h2 = roc_auc_score(sepsis_h1_app, score_h1_app)

# %% mistake="auc_h2" session="formative"
# message : sur les séjours de réglage de H1
auc_h2 = roc_auc_score(sepsis_h1_reglage, score_h1_reglage)

# %% mistake="auc_h2" session="formative"
# message : vous avez pris les séjours de H3
auc_h2 = roc_auc_score(sepsis_h3, score_h3)

# %% mistake="auc_h2" session="formative"
# message : vous avez recopié l'AUC publiée
auc_h2 = 0.63

# %% mistake="auc_h2" session="formative"
# message : bon raisonnement, mais trop arrondi
auc_h2 = 0.61

# %% mistake="auc_h2" session="formative"
# message : votre AUC vaut 1 moins la bonne
auc_h2 = roc_auc_score(1 - sepsis_h2, score_h2)

# %% tests="auc_h2" points=1 session="evaluation"
# Vérification de la question 1 : exécutez cette cellule.
checks.check_form(auc_h2, name="auc_h2", kind="number", decimals=3, bounds=(0, 1))
### BEGIN HIDDEN TESTS
graine_copie = sepsis_case_seed(checks.student_seed("08", announce=False))
copie = make_sepsis_hospitals(n_samples=20000, random_state=graine_copie,
                              prevalence=sepsis_case_prevalence(graine_copie),
                              case_mix=sepsis_case_mix(graine_copie))
infos_copie = list(copie.feature_names)
copie_h1 = copie.frame[copie.frame["hospital"] == "H1"]
copie_h2 = copie.frame[copie.frame["hospital"] == "H2"]
copie_h3 = copie.frame[copie.frame["hospital"] == "H3"]
copie_app, copie_reste = train_test_split(
    copie_h1, test_size=0.5, random_state=graine_copie, stratify=copie_h1["sepsis"])
copie_regl, copie_test = train_test_split(
    copie_reste, test_size=0.5, random_state=graine_copie, stratify=copie_reste["sepsis"])
score_copie = make_pipeline(StandardScaler(), LogisticRegression()).fit(
    copie_app[infos_copie], copie_app["sepsis"])
risque_copie_test = score_copie.predict_proba(copie_test[infos_copie])[:, 1]
risque_copie_app = score_copie.predict_proba(copie_app[infos_copie])[:, 1]
risque_copie_h2 = score_copie.predict_proba(copie_h2[infos_copie])[:, 1]
risque_copie_h3 = score_copie.predict_proba(copie_h3[infos_copie])[:, 1]
auc_copie_h2 = roc_auc_score(copie_h2["sepsis"], risque_copie_h2)
checks.check_number(
    auc_h2, name="auc_h2", expected=auc_copie_h2, bounds=(0, 1), points=1,
    mistakes=[
        checks.Mistake(roc_auc_score(copie_test["sepsis"], risque_copie_test), "vous avez "
                       "donné l'AUC interne (les séjours de test de H1). La validation externe "
                       "se fait sur les séjours de H2."),
        checks.Mistake(roc_auc_score(copie_app["sepsis"], risque_copie_app), "vous avez mesuré "
                       "l'AUC sur les séjours d'entraînement de H1, ceux que le score a déjà "
                       "vus : elle ne dit rien de sa performance ailleurs."),
        checks.Mistake(roc_auc_score(copie_regl["sepsis"],
                                     score_copie.predict_proba(copie_regl[infos_copie])[:, 1]),
                       "vous avez mesuré l'AUC sur les séjours de réglage de H1 : ils viennent "
                       "de l'hôpital qui a construit le score. La validation externe se fait "
                       "sur les séjours de H2."),
        checks.Mistake(roc_auc_score(copie_h3["sepsis"], risque_copie_h3), "vous avez pris les "
                       "séjours de H3 ; la question porte sur H2."),
        checks.Mistake(1 - auc_copie_h2, "votre AUC vaut 1 moins la bonne : la vérité ou le "
                       "score est pris à rebours. Écrivez d'abord la vérité, puis le score."),
        # Wong's 0,63 is named only when it is not this copy's AUC rounded to two decimals:
        # that 0,63 is then the right value too rounded, for which the check's own rule
        # gives half the points and says so (no false accusation of copying).
        *([checks.Mistake(0.63, "vous avez recopié l'AUC publiée par Wong et al. (0,63). La "
                          "question porte sur vos données : calculez-la avec roc_auc_score.")]
          if round(auc_copie_h2, 2) != 0.63 else []),
    ],
    hint="l'AUC externe se calcule avec roc_auc_score sur la vérité et le score des séjours "
    "de H2 (sepsis_h2, score_h2), dans cet ordre.",
)
### END HIDDEN TESTS

# %% mistake="auc_h2" session="evaluation"
# message : vous avez donné l'AUC interne
auc_h2 = roc_auc_score(sepsis_h1_test, score_h1_test)

# %% mistake="auc_h2" session="evaluation"
# message : sur les séjours d'entraînement de H1
auc_h2 = roc_auc_score(sepsis_h1_app, score_h1_app)

# %% mistake="auc_h2" session="evaluation"
# message : sur les séjours de réglage de H1
auc_h2 = roc_auc_score(sepsis_h1_reglage, score_h1_reglage)

# %% mistake="auc_h2" session="evaluation"
# message : vous avez pris les séjours de H3
auc_h2 = roc_auc_score(sepsis_h3, score_h3)

# %% mistake="auc_h2" session="evaluation"
# message : votre AUC vaut 1 moins la bonne
auc_h2 = roc_auc_score(1 - sepsis_h2, score_h2)

# %% mistake="auc_h2" session="evaluation"
# message : bon raisonnement, mais trop arrondi
auc_h2 = round(roc_auc_score(sepsis_h2, score_h2), 2)

# %% [markdown] session="formative"
# ## 3. La marge d'erreur d'une AUC
#
# Une AUC mesurée sur une centaine de sepsis (104 au test de H1) n'est qu'une **estimation** :
# d'autres séjours auraient donné un peu autre chose. Sa **marge d'erreur** s'obtient par
# *bootstrap* : on tire au hasard, avec remise, autant de séjours qu'il y en a, on recalcule
# l'AUC, 1 000 fois ; les 95 % centraux de ces AUC forment l'**intervalle à 95 %**. Pour
# comparer deux hôpitaux, lisez l'**écart** d'AUC et **son** intervalle : s'il contient 0, un
# écart nul reste possible ; s'il exclut 0, l'écart est **établi** (au niveau de 95 %).
#
# La cellule ajoute un **audit** de 150 séjours tirés au hasard à H3 (un mois) : son
# intervalle se compare à l'AUC de H1, prise comme exacte. Repère : au moins 100 sepsis pour
# valider un score, idéalement 200 (Collins et al., 2016).

# %% [markdown] session="evaluation"
# ## 3. La marge d'erreur d'une AUC
#
# Une AUC mesurée sur une centaine de sepsis (le test de H1) n'est qu'une **estimation** :
# d'autres séjours auraient donné un peu autre chose. Sa **marge d'erreur** s'obtient par
# *bootstrap* : on tire au hasard, avec remise, autant de séjours qu'il y en a, on recalcule
# l'AUC, 1 000 fois ; les 95 % centraux de ces AUC forment l'**intervalle à 95 %**. Pour
# comparer deux hôpitaux, lisez l'**écart** d'AUC et **son** intervalle : s'il contient 0, un
# écart nul reste possible ; s'il exclut 0, l'écart est **établi** (au niveau de 95 %).
#
# La cellule ajoute **votre audit** à H3 (un ou deux mois de séjours, selon votre copie) : son
# intervalle, approché, se compare à l'AUC de H1, prise comme exacte. Repère : au moins 100
# sepsis pour valider un score, idéalement 200 (Collins et al., 2016) ; un audit de quelques
# sepsis ne remplace pas une validation, il donne une première lecture. Les séjours de l'audit
# sont tirés au hasard, mais un tirage dont une borne tombe à moins de 0,05 de l'AUC de H1 est
# remplacé par le suivant : la lecture ne se joue jamais sur une borne.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : AUC, intervalles à 95 % par bootstrap, écarts d'AUC avec
# H1 (interne − externe) et leurs intervalles.
def auc_par_les_rangs(vrai, score):
    """La même AUC que roc_auc_score, calculée plus vite par les rangs (Mann-Whitney)."""
    n_sepsis = vrai.sum()
    n_autres = len(vrai) - n_sepsis
    somme_rangs = rankdata(score)[vrai == 1].sum()
    return (somme_rangs - n_sepsis * (n_sepsis + 1) / 2) / (n_sepsis * n_autres)


def auc_bootstrap(vrai, score):
    """N_BOOTSTRAP AUC recalculées sur des séjours tirés avec remise.

    Chaque appel a son propre tirage, fixé par la graine : les intervalles ne dépendent pas
    de l'ordre dans lequel on exécute les cellules.
    """
    tirage = np.random.default_rng([GRAINE, len(vrai)])
    valeurs = [auc_par_les_rangs(vrai[i], score[i])
               for i in (tirage.integers(0, len(vrai), len(vrai)) for _ in range(N_BOOTSTRAP))]
    return np.array(valeurs)


def intervalle(valeurs):
    """Intervalle à 95 % : les 95 % centraux des valeurs rééchantillonnées."""
    bas, haut = np.quantile(valeurs, [(1 - NIVEAU) / 2, (1 + NIVEAU) / 2])
    return f"de {signe(bas)} à {signe(haut)}"


def signe(x):
    """Un nombre à la française, avec le vrai signe moins (−)."""
    return fr_number(x).replace("-", "−")


def pente(vrai, score):
    """Pente de calibration : régression logistique de la vérité sur le logit du risque."""
    ajuste = LogisticRegression(C=np.inf).fit(logit(score).reshape(-1, 1), vrai)
    return ajuste.coef_[0, 0]


boot_h1 = auc_bootstrap(sepsis_h1_test, score_h1_test)
print(f"H1, interne ({len(sepsis_h1_test)} séjours, {sepsis_h1_test.sum()} sepsis) : AUC "
      f"{fr_number(auc_interne)}, intervalle à 95 % {intervalle(boot_h1)}")
if checks.passed("auc_h2"):
    print(f"H2 ({len(sepsis_h2)} séjours, {sepsis_h2.sum()} sepsis) : AUC "
          f"{fr_number(roc_auc_score(sepsis_h2, score_h2))}, intervalle à 95 % "
          f"{intervalle(auc_bootstrap(sepsis_h2, score_h2))}")
else:
    print("H2 : c'est la réponse de la question 1 ; elle s'affichera ici quand sa vérification "
          "aura dit « juste » : relancez alors cette cellule (en séance évaluée, elle "
          "reste masquée).")
boot_h3 = auc_bootstrap(sepsis_h3, score_h3)
print(f"H3, tous les séjours ({len(sepsis_h3)} séjours, {sepsis_h3.sum()} sepsis) : AUC "
      f"{fr_number(roc_auc_score(sepsis_h3, score_h3))}, intervalle à 95 % {intervalle(boot_h3)}")
print(f"   écart avec H1 (interne − externe) : "
      f"{signe(auc_interne - roc_auc_score(sepsis_h3, score_h3))}, intervalle à 95 % "
      f"{intervalle(boot_h1 - boot_h3)}")
# Avec si peu de sepsis, le bootstrap ne ferait que rebattre ces quelques séjours : l'intervalle
# de l'audit vient de la formule de Hanley et McNeil (1982), erreur type de l'AUC selon ses effectifs.
z = norm.ppf((1 + NIVEAU) / 2)


def intervalle_audit(vrai, score):
    """AUC d'un petit échantillon et son intervalle approché (Hanley et McNeil, 1982)."""
    auc = roc_auc_score(vrai, score)
    n_sepsis, n_autres = vrai.sum(), len(vrai) - vrai.sum()
    q1, q2 = auc / (2 - auc), 2 * auc**2 / (1 + auc)
    erreur_type = np.sqrt((auc * (1 - auc) + (n_sepsis - 1) * (q1 - auc**2)
                           + (n_autres - 1) * (q2 - auc**2)) / (n_sepsis * n_autres))
    return auc, max(0.0, auc - z * erreur_type), min(1.0, auc + z * erreur_type)


# L'audit : N_AUDIT séjours tirés au hasard à H3. Son intervalle décide. Sont remplacés par le
# suivant un audit de moins de 3 sepsis (la formule n'a plus de sens) et un audit dont une
# borne, arrondie comme elle s'affiche, tombe à moins de 0,05 de l'AUC de H1 : la lecture se
# jouerait sur une borne, alors que l'AUC de H1 a elle-même une marge d'environ 0,03.
for essai in range(100):
    audit = h3.sample(N_AUDIT, random_state=GRAINE + essai)
    sepsis_audit, score_audit = audit["sepsis"].to_numpy(), risque(audit)
    if sepsis_audit.sum() < 3:
        continue
    auc_audit, bas_audit, haut_audit = intervalle_audit(sepsis_audit, score_audit)
    if min(abs(round(bas_audit, 2) - auc_interne), abs(round(haut_audit, 2) - auc_interne)) >= 0.05:
        break
n_sepsis_audit = sepsis_audit.sum()
print(f"H3, audit ({len(sepsis_audit)} séjours, {n_sepsis_audit} sepsis) : AUC "
      f"{fr_number(auc_audit, 2)}, intervalle à 95 % d'environ {fr_number(bas_audit, 2)} à "
      f"{fr_number(haut_audit, 2)} (formule approchée de Hanley et McNeil : avec si peu de "
      f"sepsis, un ordre de grandeur seulement).")

# %% [markdown] session="formative"
# ### Question 2 — Que dit l'intervalle, à H3 ? (2 points)
#
# H3 compare le score à H1 de deux façons : avec **tous** ses séjours, puis avec le seul
# **audit** de 150 séjours.
# Pour chacun, lisez l'**intervalle à 95 %** et dites ce qu'il fait d'un **écart nul** (le
# score marcherait aussi bien à H3 qu'à H1) :
#
# - **tous les séjours** : l'intervalle de l'**écart** d'AUC (un écart nul, c'est 0) ;
# - **audit** : l'intervalle de l'AUC de l'audit, comparé à l'AUC de H1 (un écart nul, c'est
#   l'AUC de H1, prise comme exacte).
#
# Écrivez entre guillemets **doubles** `"il exclut un écart nul"`, `"il contient un écart nul"`
# ou `"il est trop large pour être lu"`. Ce que chaque lecture permet de conclure pour H3 est
# dit après la question.
#
# <details><summary>Indice 1 (tous les séjours)</summary>
#
# Regardez la ligne « écart avec H1 » et son intervalle : le nombre 0 est-il entre ses deux
# bornes ?
# </details>
#
# <details><summary>Indice 2 (audit)</summary>
#
# L'audit n'a pas de ligne d'écart : placez l'AUC de H1 (la première ligne) par rapport aux
# deux bornes de l'intervalle de l'audit. Est-elle entre les deux, ou d'un seul côté ? Un
# intervalle, même large, se lit de la même façon : sa largeur dit seulement l'incertitude.
# </details>

# %% [markdown] session="evaluation"
# ### Question 2 — Que dit l'intervalle, à H3 ? (2 points)
#
# H3 compare le score à H1 de deux façons : avec **tous** ses séjours, puis avec le seul
# **audit** de votre copie (sa taille est affichée ; son intervalle est approché).
# Pour chacun, lisez l'**intervalle à 95 %** et dites ce qu'il fait d'un **écart nul** (le
# score marcherait aussi bien à H3 qu'à H1) :
#
# - **tous les séjours** : l'intervalle de l'**écart** d'AUC (un écart nul, c'est 0) ;
# - **audit** : l'intervalle de l'AUC de l'audit, comparé à l'AUC de H1 (un écart nul, c'est
#   l'AUC de H1, prise comme exacte).
#
# Écrivez entre guillemets **doubles** `"il exclut un écart nul"`, `"il contient un écart nul"`
# ou `"il est trop large pour être lu"`. Ce que chaque lecture permet de conclure pour H3 est
# dit après la question.
#
# <details><summary>Indice 1 (tous les séjours)</summary>
#
# Regardez la ligne « écart avec H1 » et son intervalle : le nombre 0 est-il entre ses deux
# bornes ?
# </details>
#
# <details><summary>Indice 2 (audit)</summary>
#
# L'audit n'a pas de ligne d'écart : placez l'AUC de H1 (la première ligne) par rapport aux
# deux bornes de l'intervalle de l'audit. Est-elle entre les deux, ou d'un seul côté ? Un
# intervalle, même large, se lit de la même façon : sa largeur dit seulement l'incertitude.
# </details>

# %% answer="conclusion_h3" session="formative"
conclusion_h3 = {"tous les séjours": ..., "audit": ...}
### BEGIN SOLUTION
conclusion_h3 = {"tous les séjours": "il exclut un écart nul", "audit": "il contient un écart nul"}
### END SOLUTION

# %% answer="conclusion_h3" session="evaluation"
conclusion_h3 = {"tous les séjours": ..., "audit": ...}
### BEGIN SOLUTION
# The copy's audit, read as displayed: its interval below H1's AUC, or containing it.
lecture_audit = ("il exclut un écart nul" if round(haut_audit, 2) < auc_interne
                 else "il contient un écart nul")
conclusion_h3 = {"tous les séjours": "il exclut un écart nul", "audit": lecture_audit}
### END SOLUTION

# %% tests="conclusion_h3" points=2 session="formative"
# Vérification de la question 2 : exécutez cette cellule.
checks.check_choices(
    conclusion_h3,
    name="conclusion_h3",
    options=["il exclut un écart nul", "il contient un écart nul", "il est trop large pour être lu"],
    digests={"tous les séjours": "f09ced42db0fbfe5", "audit": "b4805bdd6f54995c"},
    mistakes={
        "tous les séjours": [
            checks.Mistake(None, "relisez la ligne « écart avec H1 » de la section 3 : où est 0 "
                           "par rapport à ses deux bornes ?", digest="0386958242d51d4e"),
            checks.Mistake(None, "relisez la ligne « écart avec H1 » de la section 3 : avec tous "
                           "les séjours, l'intervalle est étroit, et il se lit.",
                           digest="ac6a76f7e7df5c07"),
        ],
        "audit": [
            checks.Mistake(None, "relisez la ligne de l'audit (section 3) et placez l'AUC de H1 "
                           "(sa première ligne) par rapport aux deux bornes de son intervalle. "
                           "Comparer les deux AUC seules ne suffit pas.",
                           digest="5ae7c67efd64d4f5"),
            checks.Mistake(None, "relisez l'indice 2 : un intervalle large se lit comme un "
                           "autre ; placez l'AUC de H1 par rapport à ses deux bornes.",
                           digest="d26b6ac9b5056a37"),
        ],
    },
    success="avec tous les séjours, l'intervalle de l'écart exclut 0 : la baisse est établie. "
    "L'intervalle de l'audit (3 sepsis) contient l'AUC de H1 : on ne peut pas conclure, ni à une "
    "baisse ni à son absence. Mêmes hôpital et score : c'est la taille de l'échantillon local "
    "qui décide.",
    points=2,
)
### BEGIN HIDDEN TESTS
checks.check_choices(
    conclusion_h3,
    name="conclusion_h3",
    options=["il exclut un écart nul", "il contient un écart nul", "il est trop large pour être lu"],
    expected={"tous les séjours": "il exclut un écart nul", "audit": "il contient un écart nul"},
    points=2,
)
### END HIDDEN TESTS

# %% mistake="conclusion_h3" session="formative"
# message : Comparer les deux AUC seules ne suffit pas
conclusion_h3 = {"tous les séjours": "il exclut un écart nul", "audit": "il exclut un écart nul"}

# %% mistake="conclusion_h3" session="formative"
# message : un intervalle large se lit comme un autre
conclusion_h3 = {"tous les séjours": "il exclut un écart nul",
                 "audit": "il est trop large pour être lu"}

# %% mistake="conclusion_h3" session="formative"
# message : où est 0 par rapport à ses deux bornes
conclusion_h3 = {"tous les séjours": "il contient un écart nul", "audit": "il contient un écart nul"}

# %% tests="conclusion_h3" points=2 session="evaluation"
# Vérification de la question 2 : exécutez cette cellule.
checks.check_form(
    conclusion_h3, name="conclusion_h3", kind="choices",
    options=["il exclut un écart nul", "il contient un écart nul", "il est trop large pour être lu"],
    items=["tous les séjours", "audit"],
)
### BEGIN HIDDEN TESTS
graine_copie = sepsis_case_seed(checks.student_seed("08", announce=False))
copie = make_sepsis_hospitals(n_samples=20000, random_state=graine_copie,
                              prevalence=sepsis_case_prevalence(graine_copie),
                              case_mix=sepsis_case_mix(graine_copie))
infos_copie = list(copie.feature_names)
copie_h1 = copie.frame[copie.frame["hospital"] == "H1"]
copie_h3 = copie.frame[copie.frame["hospital"] == "H3"]
copie_app, copie_reste = train_test_split(
    copie_h1, test_size=0.5, random_state=graine_copie, stratify=copie_h1["sepsis"])
copie_regl, copie_test = train_test_split(
    copie_reste, test_size=0.5, random_state=graine_copie, stratify=copie_reste["sepsis"])
score_copie = make_pipeline(StandardScaler(), LogisticRegression()).fit(
    copie_app[infos_copie], copie_app["sepsis"])
auc_copie_h1 = roc_auc_score(copie_test["sepsis"],
                             score_copie.predict_proba(copie_test[infos_copie])[:, 1])
# The copy's audit, drawn as in section 3 (its size, one or two months, from the student's
# seed), and its Hanley-McNeil interval as displayed.
from esn_teach.datasets._sepsis import _audit_size as _taille_audit

taille_audit_copie = _taille_audit(checks.student_seed("08", announce=False))


def intervalle_audit_copie(taille):
    """The copy's audit of this size at H3, and its interval rounded as displayed."""
    for essai_copie in range(100):
        audit_copie = copie_h3.sample(taille, random_state=graine_copie + essai_copie)
        vrai_audit_copie = audit_copie["sepsis"].to_numpy()
        if vrai_audit_copie.sum() < 3:
            continue
        auc_a = roc_auc_score(vrai_audit_copie,
                              score_copie.predict_proba(audit_copie[infos_copie])[:, 1])
        n1_a, n0_a = vrai_audit_copie.sum(), len(vrai_audit_copie) - vrai_audit_copie.sum()
        q1_a, q2_a = auc_a / (2 - auc_a), 2 * auc_a**2 / (1 + auc_a)
        et_a = np.sqrt((auc_a * (1 - auc_a) + (n1_a - 1) * (q1_a - auc_a**2)
                        + (n0_a - 1) * (q2_a - auc_a**2)) / (n1_a * n0_a))
        bas_a = round(max(0.0, auc_a - norm.ppf(0.975) * et_a), 2)
        haut_a = round(min(1.0, auc_a + norm.ppf(0.975) * et_a), 2)
        if min(abs(bas_a - auc_copie_h1), abs(haut_a - auc_copie_h1)) >= 0.05:
            break
    return bas_a, haut_a


bas_a, haut_a = intervalle_audit_copie(taille_audit_copie)
# The key of the other version (an audit of the other size), to name a neighbour's answer.
bas_autre, haut_autre = intervalle_audit_copie(300 if taille_audit_copie == 150 else 150)
lecture_autre = ("il contient un écart nul" if bas_autre <= auc_copie_h1 <= haut_autre
                 else "il exclut un écart nul")
# Graded: the reading of the interval (review 08 d20b, lecturer 3); the clinical conclusion
# is said in the feedback, with Collins's caveat for an audit of a few sepsis.
collins = ("Avec si peu de sepsis, ce n'est qu'un ordre de grandeur : une validation sur au "
           "moins 100 sepsis (Collins et al., 2016, section 3) devra le confirmer.")
if haut_a < auc_copie_h1 or bas_a > auc_copie_h1:
    cle_audit = "il exclut un écart nul"
    cote = "sous" if haut_a < auc_copie_h1 else "au-dessus de"
    conclusion_audit = (f"l'intervalle de votre audit est tout entier {cote} l'AUC de H1 : il "
                        "exclut un écart nul. D'après lui, une "
                        + ("baisse" if haut_a < auc_copie_h1 else "absence de baisse")
                        + " est établie. " + collins)
    erreurs_audit = [
        checks.Mistake("il contient un écart nul", "l'AUC de H1 n'est pas entre les deux bornes "
                       f"de l'intervalle de votre audit : il est tout entier {cote} elle, il "
                       "exclut un écart nul. " + collins),
        checks.Mistake("il est trop large pour être lu", "un intervalle large se lit comme un "
                       f"autre : celui de votre audit est tout entier {cote} l'AUC de H1, il "
                       "exclut un écart nul. " + collins),
    ]
else:
    cle_audit = "il contient un écart nul"
    conclusion_audit = ("l'intervalle de votre audit contient l'AUC de H1 : un écart nul reste "
                        "possible, on ne peut pas conclure, ni à une baisse ni à son absence "
                        "(une absence de preuve n'est pas une preuve d'absence).")
    erreurs_audit = [
        checks.Mistake("il exclut un écart nul", "vous avez comparé les deux AUC sans leur marge "
                       "d'erreur. L'AUC de H1 est entre les deux bornes de l'intervalle de votre "
                       "audit : il contient un écart nul, l'audit n'établit pas de baisse."),
        checks.Mistake("il est trop large pour être lu", "un intervalle large se lit comme un "
                       "autre : celui de votre audit contient l'AUC de H1, donc un écart nul ; "
                       "sa largeur dit que l'audit ne permet pas de conclure."),
    ]
if lecture_autre != cle_audit:
    erreurs_audit = [
        checks.Mistake(erreur.value, erreur.message + " C'est aussi la réponse d'une autre "
                       "version de la question, dont l'audit a une autre taille : relisez la "
                       "taille de votre audit et son intervalle.")
        if erreur.value == lecture_autre else erreur
        for erreur in erreurs_audit
    ]
checks.check_choices(
    conclusion_h3, name="conclusion_h3", points=2,
    options=["il exclut un écart nul", "il contient un écart nul", "il est trop large pour être lu"],
    expected={"tous les séjours": "il exclut un écart nul", "audit": cle_audit},
    mistakes={
        "tous les séjours": [
            checks.Mistake("il contient un écart nul", "0 n'est pas entre les deux bornes de "
                           "l'intervalle de l'écart : toutes les valeurs compatibles avec ces "
                           "données sont des baisses. Avec tous les séjours, la baisse est "
                           "établie."),
            checks.Mistake("il est trop large pour être lu", "avec tous les séjours, "
                           "l'intervalle de l'écart est étroit et ne contient pas 0 : il exclut "
                           "un écart nul, la baisse est établie."),
        ],
        "audit": erreurs_audit,
    },
    success="avec tous les séjours, l'intervalle de l'écart exclut 0 : la baisse est établie. "
    "Audit : " + conclusion_audit,
)
### END HIDDEN TESTS

# %% mistake="conclusion_h3" session="evaluation"
# message : entre les deux bornes de l'intervalle de votre audit
# The copy's audit read the wrong way round: its key varies from copy to copy (an audit of one
# or two months may or may not exclude a zero gap), so a fixed « exclut » would be the key on
# some copies. Here « exclut » where the interval contains H1's AUC (the two AUCs compared
# without their margin), « contient » where it excludes it.
lecture_inverse = ("il contient un écart nul" if round(haut_audit, 2) < auc_interne
                   else "il exclut un écart nul")
conclusion_h3 = {"tous les séjours": "il exclut un écart nul", "audit": lecture_inverse}

# %% mistake="conclusion_h3" session="evaluation"
# message : un intervalle large se lit comme un autre
conclusion_h3 = {"tous les séjours": "il exclut un écart nul",
                 "audit": "il est trop large pour être lu"}

# %% mistake="conclusion_h3" session="evaluation"
# message : 0 n'est pas entre les deux bornes
conclusion_h3 = {"tous les séjours": "il contient un écart nul", "audit": "il contient un écart nul"}

# %% [markdown]
# ## 4. La charge d'alertes
#
# À l'hôpital, on ne lit pas une AUC : on reçoit des **alertes**. Le service veut un seuil qui
# détecte 60 % des sepsis. Il se choisit sur les séjours de **réglage** de H1, jamais sur ceux
# où l'on mesure (le test, les autres hôpitaux) : la mesure paraîtrait meilleure qu'elle ne l'est.
#
# Comptez en unités de soignants : **pour 100 séjours** (la charge de l'équipe), et non pour
# 100 sepsis.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il choisit le seuil sur le réglage de H1, puis compte
# les alertes à H1 (test) et à H2 ; lisez le tableau et les noms, dessous.
# Les risques prédits des sepsis de réglage, du plus haut au plus bas : le seuil est le plus
# haut qui laisse au-dessus au moins 60 % d'entre eux.
risques_sepsis = np.sort(score_h1_reglage[sepsis_h1_reglage == 1])[::-1]
SEUIL = risques_sepsis[int(np.ceil(SENSIBILITE_VISEE * len(risques_sepsis))) - 1]
print(f"Seuil choisi sur les séjours de réglage de H1 : alerte si le risque prédit est d'au "
      f"moins {fr_number(SEUIL)} ; sur ces séjours, il détecte "
      f"{fr_percent(np.mean(score_h1_reglage[sepsis_h1_reglage == 1] >= SEUIL))} des sepsis.")

comptes = {}
for suffixe, vrai, score in (("h1", sepsis_h1_test, score_h1_test), ("h2", sepsis_h2, score_h2)):
    alerte = score >= SEUIL
    comptes[suffixe] = {
        f"n_sejours_{suffixe}": len(vrai),
        f"n_sepsis_{suffixe}": int(vrai.sum()),
        f"n_alertes_{suffixe}": int(alerte.sum()),
        f"n_vraies_alertes_{suffixe}": int((alerte & (vrai == 1)).sum()),
    }
n_sejours_h1, n_sepsis_h1, n_alertes_h1, n_vraies_alertes_h1 = comptes["h1"].values()
n_sejours_h2, n_sepsis_h2, n_alertes_h2, n_vraies_alertes_h2 = comptes["h2"].values()
display(fr_table(
    pd.DataFrame(
        [list(c.values()) for c in comptes.values()],
        columns=["Séjours", "Sepsis", "Alertes", "Alertes sur un vrai sepsis"],
        index=pd.Index(["H1 (test)", "H2"], name="Hôpital"),
    ),
    caption="Au seuil choisi sur le réglage de H1",
))
print("Les mêmes nombres, sous le nom à écrire dans vos calculs :")
for c in comptes.values():
    print("  " + " ; ".join(f"{nom} = {n}" for nom, n in c.items()))
print(f"Exemple, à H1 : {fr_number(100 * n_alertes_h1 / n_sejours_h1, 1)} alertes pour 100 "
      f"séjours ; sur 10 alertes, {fr_number(10 * n_vraies_alertes_h1 / n_alertes_h1, 1)} vrais "
      f"sepsis.")

# %% [markdown] session="formative"
# ### Question 3 — Les alertes pour 100 séjours à H2 (2 points)
#
# Combien d'alertes le score déclenche-t-il **pour 100 séjours** à H2 ? Écrivez un calcul avec
# les noms du tableau (corrigé à une décimale ; arrondi à l'unité, la moitié des points).
#
# <details><summary>Indice 1</summary>
#
# « Pour 100 séjours » : le groupe de départ est l'ensemble des séjours, pas les seuls sepsis.
# Que compte-t-on dans ce groupe ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Un nombre « pour 100 » se construit comme un pourcentage. Dans le tableau, quelle colonne
# est le groupe de départ, et quelle colonne ce que l'on y compte ? Refaites d'abord le calcul
# pour H1 : vous devez retrouver l'exemple imprimé sous le tableau.
# </details>

# %% [markdown] session="evaluation"
# ### Question 3 — Une charge d'alertes pour 100 séjours à H2 (2 points)
#
# Votre consigne est propre à votre copie : elle s'affiche sous la cellule suivante. Elle
# demande, **pour 100 séjours** à H2, soit toutes les **alertes**, soit les seules **fausses
# alertes** (les alertes sur un séjour sans sepsis). Écrivez un calcul avec les noms du
# tableau dans `alertes_pour_100_h2` (corrigé à une décimale ; arrondi à l'unité, la moitié
# des points).
#
# <details><summary>Indice 1</summary>
#
# « Pour 100 séjours » : le groupe de départ est l'ensemble des séjours, pas les seuls sepsis.
# Que compte-t-on dans ce groupe, d'après votre consigne ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Un nombre « pour 100 » se construit comme un pourcentage. Dans le tableau, quelle colonne
# est le groupe de départ ? Une fausse alerte est une alerte qui ne tombe pas sur un vrai
# sepsis : combien y en a-t-il, d'après les colonnes « Alertes » et « Alertes sur un vrai
# sepsis » ? Refaites d'abord le calcul pour H1 sur l'exemple imprimé sous le tableau.
# </details>

# %% session="evaluation"
# Votre consigne pour la question 3, tirée de votre identifiant.
TACHE_Q3 = int(np.random.default_rng([checks.student_seed("08", announce=False), 8, 3]).integers(2))
print("Votre consigne (question 3) : à H2, combien "
      + ("d'alertes, justes ou non," if TACHE_Q3 == 0
         else "de fausses alertes (alertes sur un séjour sans sepsis)")
      + " le score déclenche-t-il pour 100 séjours ?")

# %% answer="alertes_pour_100_h2" session="formative"
alertes_pour_100_h2 = ...
### BEGIN SOLUTION
alertes_pour_100_h2 = 100 * n_alertes_h2 / n_sejours_h2
### END SOLUTION

# %% answer="alertes_pour_100_h2" session="evaluation"
alertes_pour_100_h2 = ...
### BEGIN SOLUTION
if TACHE_Q3 == 0:
    alertes_pour_100_h2 = 100 * n_alertes_h2 / n_sejours_h2
else:
    alertes_pour_100_h2 = 100 * (n_alertes_h2 - n_vraies_alertes_h2) / n_sejours_h2
### END SOLUTION

# %% tests="alertes_pour_100_h2" points=2 session="formative"
# Vérification de la question 3 : exécutez cette cellule.
checks.check_number(
    alertes_pour_100_h2,
    name="alertes_pour_100_h2",
    digest="92c50ae660fa35fc",
    decimals=1,
    bounds=(0, 100),
    percent_is_mistake=False,
    mistakes=[
        checks.Mistake(None, "vous avez compté les alertes pour 100 sepsis. La charge de "
                       "l'équipe se compte pour 100 séjours : tous les séjours, sepsis ou non.",
                       digest="3fc2d41806cdb356"),
        checks.Mistake(None, "vous avez pris les chiffres de H1 ; la question porte sur H2.",
                       digest="e9063039c59ffd74"),
        checks.Mistake(None, "vous avez mélangé les deux hôpitaux (un nombre de H1, l'autre "
                       "de H2) : prenez les deux nombres de H2.", digest="de0fc457417ad37a"),
        # Deux erreurs donnent ici le même nombre à 0,1 près : un seul message nomme les deux.
        checks.Mistake(None, "votre nombre est dix fois trop petit : soit vous avez compté les "
                       "alertes pour 10 séjours (la question demande un nombre pour 100 "
                       "séjours), soit vous avez mélangé les deux hôpitaux (les alertes de H1 "
                       "rapportées aux séjours de H2).", digest="df693449a9d6c272"),
        checks.Mistake(None, "vous n'avez compté que les alertes sur un vrai sepsis. L'équipe "
                       "reçoit toutes les alertes, justes ou non.", digest="6703080c7ce15a9d"),
        checks.Mistake(None, "vous avez donné une part (entre 0 et 1) : multipliez-la par 100 "
                       "pour obtenir un nombre pour 100 séjours.", digest="c70610b7d3084a39"),
        checks.Mistake(None, "vous avez donné la part des séjours qui ont une alerte sur un vrai "
                       "sepsis : l'équipe reçoit toutes les alertes, justes ou non, et la "
                       "question attend un nombre pour 100 séjours.", digest="bc5eea8451a7713d"),
        checks.Mistake(None, "vous avez compté les alertes pour 100 séjours sans sepsis. La "
                       "charge de l'équipe se compte pour 100 séjours : tous les séjours, "
                       "sepsis ou non.", digest="07ebe850a7e7e14c"),
        checks.Mistake(None, "vous avez compté les vrais sepsis pour 100 alertes (la VPP, "
                       "question 4). La question 3 compte toutes les alertes, pour 100 séjours.",
                       digest="c20652292e555d5e"),
        checks.Mistake(None, "vous avez compté les sepsis détectés pour 100 sepsis (la "
                       "sensibilité). La charge de l'équipe se compte en alertes pour 100 "
                       "séjours : tous les séjours, sepsis ou non.", digest="32a803bfe208e354"),
    ],
    hint="Pour 100 quoi ? Relisez la question : le groupe de départ, puis ce que l'on y compte.",
    points=2,
)
### BEGIN HIDDEN TESTS
checks.check_number(
    alertes_pour_100_h2,
    name="alertes_pour_100_h2",
    decimals=1,
    percent_is_mistake=False,
    expected=100 * site_alert_stats(sepsis_h2, score_h2, SEUIL).alerts / len(sepsis_h2),
    points=2,
)
### END HIDDEN TESTS

# %% mistake="alertes_pour_100_h2" session="formative"
# message : vous avez compté les alertes pour 100 sepsis
alertes_pour_100_h2 = 100 * n_alertes_h2 / n_sepsis_h2

# %% mistake="alertes_pour_100_h2" session="formative"
# message : vous avez pris les chiffres de H1
alertes_pour_100_h2 = 100 * n_alertes_h1 / n_sejours_h1

# %% mistake="alertes_pour_100_h2" session="formative"
# message : que les alertes sur un vrai sepsis
alertes_pour_100_h2 = 100 * n_vraies_alertes_h2 / n_sejours_h2

# %% mistake="alertes_pour_100_h2" session="formative"
# message : vous avez donné une part (entre 0 et 1)
alertes_pour_100_h2 = n_alertes_h2 / n_sejours_h2

# %% mistake="alertes_pour_100_h2" session="formative"
# message : une alerte sur un vrai sepsis : l'équipe
alertes_pour_100_h2 = n_vraies_alertes_h2 / n_sejours_h2

# %% mistake="alertes_pour_100_h2" session="formative"
# message : pour 100 séjours sans sepsis
alertes_pour_100_h2 = 100 * n_alertes_h2 / (n_sejours_h2 - n_sepsis_h2)

# %% mistake="alertes_pour_100_h2" session="formative"
# message : vous avez mélangé les deux hôpitaux
alertes_pour_100_h2 = 100 * n_alertes_h2 / n_sejours_h1

# %% mistake="alertes_pour_100_h2" session="formative"
# message : vous avez mélangé les deux hôpitaux
alertes_pour_100_h2 = 100 * n_alertes_h1 / n_sejours_h2

# %% mistake="alertes_pour_100_h2" session="formative"
# message : dix fois trop petit
alertes_pour_100_h2 = 10 * n_alertes_h2 / n_sejours_h2

# %% mistake="alertes_pour_100_h2" session="formative"
# message : les vrais sepsis pour 100 alertes
alertes_pour_100_h2 = 100 * n_vraies_alertes_h2 / n_alertes_h2

# %% mistake="alertes_pour_100_h2" session="formative"
# message : les sepsis détectés pour 100 sepsis
alertes_pour_100_h2 = 100 * n_vraies_alertes_h2 / n_sepsis_h2

# %% mistake="alertes_pour_100_h2" session="formative"
# message : bon raisonnement, mais trop arrondi
alertes_pour_100_h2 = round(100 * n_alertes_h2 / n_sejours_h2)

# %% tests="alertes_pour_100_h2" points=2 session="evaluation"
# Vérification de la question 3 : exécutez cette cellule.
checks.check_form(alertes_pour_100_h2, name="alertes_pour_100_h2", kind="number", decimals=1)
### BEGIN HIDDEN TESTS
graine_copie = sepsis_case_seed(checks.student_seed("08", announce=False))
copie = make_sepsis_hospitals(n_samples=20000, random_state=graine_copie,
                              prevalence=sepsis_case_prevalence(graine_copie),
                              case_mix=sepsis_case_mix(graine_copie))
infos_copie = list(copie.feature_names)
copie_h1 = copie.frame[copie.frame["hospital"] == "H1"]
copie_h2 = copie.frame[copie.frame["hospital"] == "H2"]
copie_h3 = copie.frame[copie.frame["hospital"] == "H3"]
copie_app, copie_reste = train_test_split(
    copie_h1, test_size=0.5, random_state=graine_copie, stratify=copie_h1["sepsis"])
copie_regl, copie_test = train_test_split(
    copie_reste, test_size=0.5, random_state=graine_copie, stratify=copie_reste["sepsis"])
score_copie = make_pipeline(StandardScaler(), LogisticRegression()).fit(
    copie_app[infos_copie], copie_app["sepsis"])
risques_copie = score_copie.predict_proba(copie_regl[infos_copie])[:, 1]
sepsis_regl_copie = np.sort(risques_copie[copie_regl["sepsis"].to_numpy() == 1])[::-1]
seuil_copie = sepsis_regl_copie[int(np.ceil(0.6 * len(sepsis_regl_copie))) - 1]
stats_copie_h1 = site_alert_stats(copie_test["sepsis"].to_numpy(),
                                  score_copie.predict_proba(copie_test[infos_copie])[:, 1],
                                  seuil_copie)
stats_copie_h2 = site_alert_stats(copie_h2["sepsis"].to_numpy(),
                                  score_copie.predict_proba(copie_h2[infos_copie])[:, 1],
                                  seuil_copie)
# The copy's task, drawn from the seed as the cell under the statement draws it: all alerts
# (0) or false alerts only (1), per 100 stays at H2. Each task names the other's key neutrally.
tache_q3 = int(np.random.default_rng([checks.student_seed("08", announce=False), 8, 3]).integers(2))
autre_q3 = ("cette réponse correspond à une autre consigne que la vôtre : relisez votre consigne "
            "(la ligne sous l'énoncé de la question 3). ")
n_h2_copie, n_h1_copie = len(copie_h2), len(copie_test)
fausses_h2_copie = stats_copie_h2.alerts - stats_copie_h2.true_alerts
fausses_h1_copie = stats_copie_h1.alerts - stats_copie_h1.true_alerts
toutes_pour_100 = 100 * stats_copie_h2.alerts / n_h2_copie
fausses_pour_100 = 100 * fausses_h2_copie / n_h2_copie
compte_h2, compte_h1 = ((stats_copie_h2.alerts, stats_copie_h1.alerts) if tache_q3 == 0
                        else (fausses_h2_copie, fausses_h1_copie))
pour_100_copie = (toutes_pour_100, fausses_pour_100)[tache_q3]
ce_qui_compte = ("toutes les alertes, justes ou non" if tache_q3 == 0
                 else "les fausses alertes (alertes sur un séjour sans sepsis)")
erreurs_q3 = [
    checks.Mistake((fausses_pour_100, toutes_pour_100)[tache_q3], autre_q3 + "Votre consigne "
                   "compte " + ce_qui_compte + ", pour 100 séjours."),
    checks.Mistake(100 * compte_h2 / stats_copie_h2.sepsis, "vous avez compté pour 100 sepsis. "
                   "La charge de l'équipe se compte pour 100 séjours : tous les séjours, sepsis "
                   "ou non."),
    checks.Mistake(100 * compte_h1 / n_h1_copie, "vous avez pris les chiffres de H1 ; la "
                   "question porte sur H2."),
    checks.Mistake(pour_100_copie / 100, "vous avez donné une part (entre 0 et 1) : "
                   "multipliez-la par 100 pour obtenir un nombre pour 100 séjours."),
    checks.Mistake(100 * compte_h2 / (n_h2_copie - stats_copie_h2.sepsis), "vous avez compté "
                   "pour 100 séjours sans sepsis. La charge de l'équipe se compte pour 100 "
                   "séjours : tous les séjours, sepsis ou non."),
    checks.Mistake(pour_100_copie / 10, "votre nombre est dix fois trop petit : vous avez "
                   "compté pour 10 séjours ; la question demande un nombre pour 100 séjours."),
    checks.Mistake(100 * stats_copie_h2.ppv, "vous avez compté les vrais sepsis pour 100 "
                   "alertes (la VPP, question 4). La question 3 compte pour 100 séjours."),
    checks.Mistake(100 * (1 - stats_copie_h2.ppv), "vous avez compté les fausses alertes pour "
                   "100 alertes. La question 3 compte pour 100 séjours : tous les séjours, "
                   "sepsis ou non."),
    checks.Mistake(100 * stats_copie_h2.sensitivity, "vous avez compté les sepsis détectés "
                   "pour 100 sepsis (la sensibilité). La charge de l'équipe se compte pour 100 "
                   "séjours : tous les séjours, sepsis ou non."),
    checks.Mistake(100 * compte_h2 / n_h1_copie, "vous avez mélangé les deux hôpitaux (un "
                   "nombre de H1, l'autre de H2) : prenez les deux nombres de H2."),
    checks.Mistake(100 * compte_h1 / n_h2_copie, "vous avez mélangé les deux hôpitaux (un "
                   "nombre de H1, l'autre de H2) : prenez les deux nombres de H2."),
    checks.Mistake(100 * (compte_h1 + compte_h2) / (n_h1_copie + n_h2_copie), "vous avez "
                   "additionné les séjours de H1 et de H2 : la question porte sur H2 seul ; "
                   "prenez les deux nombres de H2."),
]
if tache_q3 == 0:
    erreurs_q3.append(checks.Mistake(100 * stats_copie_h2.true_alerts / n_h2_copie, "vous "
                      "n'avez compté que les alertes sur un vrai sepsis. L'équipe reçoit toutes "
                      "les alertes, justes ou non."))
else:
    erreurs_q3.append(checks.Mistake(100 * stats_copie_h2.true_alerts / n_h2_copie, "vous "
                      "avez compté les alertes sur un vrai sepsis. Une fausse alerte est une "
                      "alerte sur un séjour sans sepsis : retirez les vraies des alertes."))
# Both slips at once (review 08 d20b, lecturer 5): the other task's count, over each named
# denominator. On a « fausses alertes » copy, 100 * n_alertes_h2 / n_sepsis_h2 is the
# formative session's classic slip carried over.
autre_h2, autre_h1 = ((fausses_h2_copie, fausses_h1_copie) if tache_q3 == 0
                      else (stats_copie_h2.alerts, stats_copie_h1.alerts))
autre_pour_100 = 100 * autre_h2 / n_h2_copie
double = ("vous avez compté " + ("les seules fausses alertes" if tache_q3 == 0
                                 else "toutes les alertes, justes ou non")
          + " (votre consigne compte " + ce_qui_compte + "), et ")
erreurs_q3 += [
    checks.Mistake(100 * autre_h2 / stats_copie_h2.sepsis, double + "pour 100 sepsis, pas pour "
                   "100 séjours : la charge de l'équipe se compte sur tous les séjours."),
    checks.Mistake(100 * autre_h2 / (n_h2_copie - stats_copie_h2.sepsis), double + "pour 100 "
                   "séjours sans sepsis, pas pour 100 séjours (tous, sepsis ou non)."),
    checks.Mistake(100 * autre_h1 / n_h1_copie, double + "avec les chiffres de H1 ; la question "
                   "porte sur H2."),
    checks.Mistake(autre_pour_100 / 100, double + "vous avez donné une part (entre 0 et 1) au "
                   "lieu d'un nombre pour 100 séjours."),
    checks.Mistake(autre_pour_100 / 10, double + "pour 10 séjours au lieu de 100 (un nombre dix "
                   "fois trop petit)."),
    checks.Mistake(100 * autre_h2 / n_h1_copie, double + "en mélangeant les deux hôpitaux : "
                   "prenez les deux nombres de H2."),
]
checks.check_number(
    alertes_pour_100_h2, name="alertes_pour_100_h2", expected=pour_100_copie, decimals=1,
    percent_is_mistake=False, points=2, mistakes=erreurs_q3,
)
### END HIDDEN TESTS

# %% mistake="alertes_pour_100_h2" session="evaluation"
# message : cette réponse correspond à une autre consigne que la vôtre
alertes_pour_100_h2 = 100 * (n_alertes_h2 - (1 - TACHE_Q3) * n_vraies_alertes_h2) / n_sejours_h2

# %% mistake="alertes_pour_100_h2" session="evaluation"
# message : pour 100 sepsis, pas pour 100 séjours
autre_compte_q3 = n_alertes_h2 - (1 - TACHE_Q3) * n_vraies_alertes_h2
alertes_pour_100_h2 = 100 * autre_compte_q3 / n_sepsis_h2

# %% mistake="alertes_pour_100_h2" session="evaluation"
# message : pour 100 séjours sans sepsis, pas pour 100 séjours
autre_compte_q3 = n_alertes_h2 - (1 - TACHE_Q3) * n_vraies_alertes_h2
alertes_pour_100_h2 = 100 * autre_compte_q3 / (n_sejours_h2 - n_sepsis_h2)

# %% mistake="alertes_pour_100_h2" session="evaluation"
# message : vous avez compté pour 100 sepsis
compte_q3 = n_alertes_h2 - TACHE_Q3 * n_vraies_alertes_h2
alertes_pour_100_h2 = 100 * compte_q3 / n_sepsis_h2

# %% mistake="alertes_pour_100_h2" session="evaluation"
# message : vous avez pris les chiffres de H1
compte_h1_q3 = n_alertes_h1 - TACHE_Q3 * n_vraies_alertes_h1
alertes_pour_100_h2 = 100 * compte_h1_q3 / n_sejours_h1

# %% mistake="alertes_pour_100_h2" session="evaluation"
# message : vous avez donné une part (entre 0 et 1)
compte_q3 = n_alertes_h2 - TACHE_Q3 * n_vraies_alertes_h2
alertes_pour_100_h2 = compte_q3 / n_sejours_h2

# %% mistake="alertes_pour_100_h2" session="evaluation"
# message : dix fois trop petit
compte_q3 = n_alertes_h2 - TACHE_Q3 * n_vraies_alertes_h2
alertes_pour_100_h2 = 10 * compte_q3 / n_sejours_h2

# %% mistake="alertes_pour_100_h2" session="evaluation"
# message : vous avez mélangé les deux hôpitaux
compte_q3 = n_alertes_h2 - TACHE_Q3 * n_vraies_alertes_h2
alertes_pour_100_h2 = 100 * compte_q3 / n_sejours_h1

# %% mistake="alertes_pour_100_h2" session="evaluation"
# message : vous avez additionné les séjours de H1 et de H2
compte_q3 = n_alertes_h2 - TACHE_Q3 * n_vraies_alertes_h2
compte_h1_q3 = n_alertes_h1 - TACHE_Q3 * n_vraies_alertes_h1
alertes_pour_100_h2 = 100 * (compte_q3 + compte_h1_q3) / (n_sejours_h2 + n_sejours_h1)

# %% mistake="alertes_pour_100_h2" session="evaluation"
# message : les vrais sepsis pour 100 alertes
alertes_pour_100_h2 = 100 * n_vraies_alertes_h2 / n_alertes_h2

# %% mistake="alertes_pour_100_h2" session="evaluation"
# message : les fausses alertes pour 100 alertes
alertes_pour_100_h2 = 100 * (n_alertes_h2 - n_vraies_alertes_h2) / n_alertes_h2

# %% mistake="alertes_pour_100_h2" session="evaluation"
# message : pour 100 séjours sans sepsis
compte_q3 = n_alertes_h2 - TACHE_Q3 * n_vraies_alertes_h2
alertes_pour_100_h2 = 100 * compte_q3 / (n_sejours_h2 - n_sepsis_h2)

# %% mistake="alertes_pour_100_h2" session="evaluation"
# message : alertes sur un vrai sepsis
alertes_pour_100_h2 = 100 * n_vraies_alertes_h2 / n_sejours_h2

# %% mistake="alertes_pour_100_h2" session="evaluation"
# message : bon raisonnement, mais trop arrondi
compte_q3 = n_alertes_h2 - TACHE_Q3 * n_vraies_alertes_h2
alertes_pour_100_h2 = round(100 * compte_q3 / n_sejours_h2)

# %% [markdown] session="formative"
# ### Question 4 — La VPP des alertes à H2 (2 points)
#
# Calculez la **valeur prédictive positive** (VPP) des alertes à H2 : parmi les alertes, la part
# de vrais sepsis, sous forme de proportion entre 0 et 1 (pas « sur 10 alertes »). Écrivez le
# calcul avec les noms du tableau dans `reponse_q4` (corrigé à deux décimales ; arrondi à une,
# la moitié des points).
#
# <details><summary>Indice 1</summary>
#
# Une VPP part du résultat du test : de quel groupe de séjours part-on, ceux qui ont un sepsis
# ou ceux qui ont reçu une alerte ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Refaites d'abord le calcul pour H1 : sur 10 alertes, vous devez retrouver l'exemple imprimé
# sous le tableau (une proportion est ce même nombre divisé par 10). Puis passez à H2.
# </details>

# %% [markdown] session="evaluation"
# ### Question 4 — Sur les alertes de H2, justes ou fausses (2 points)
#
# Votre consigne est propre à votre copie : elle s'affiche sous la cellule suivante. Elle
# demande, parmi les alertes de H2, soit la **valeur prédictive positive** (VPP : la part de
# vrais sepsis, une proportion entre 0 et 1), soit le nombre de **fausses alertes sur 10
# alertes** (un nombre entre 0 et 10). Écrivez le calcul avec les noms du tableau dans
# `reponse_q4`, le nom de la question quelle que soit votre consigne (corrigé à trois décimales ;
# arrondi à deux, la moitié des points).
#
# <details><summary>Indice 1</summary>
#
# Les deux consignes partent du résultat du test : de quel groupe de séjours part-on, ceux
# qui ont un sepsis ou ceux qui ont reçu une alerte ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Refaites d'abord le calcul pour H1 : sur 10 alertes, vous devez retrouver l'exemple imprimé
# sous le tableau (une proportion est ce même nombre divisé par 10). Une fausse alerte est
# une alerte qui ne tombe pas sur un vrai sepsis. Puis passez à H2.
# </details>

# %% session="evaluation"
# Votre consigne pour la question 4, tirée de votre identifiant.
TACHE_Q4 = int(np.random.default_rng([checks.student_seed("08", announce=False), 8, 4]).integers(2))
print("Votre consigne (question 4) : à H2, "
      + ("la VPP des alertes (la part de vrais sepsis parmi les alertes, entre 0 et 1)."
         if TACHE_Q4 == 0 else "le nombre de fausses alertes sur 10 alertes (entre 0 et 10)."))

# %% answer="reponse_q4" session="formative"
reponse_q4 = ...
### BEGIN SOLUTION
reponse_q4 = n_vraies_alertes_h2 / n_alertes_h2
### END SOLUTION

# %% answer="reponse_q4" session="evaluation"
reponse_q4 = ...
### BEGIN SOLUTION
if TACHE_Q4 == 0:
    reponse_q4 = n_vraies_alertes_h2 / n_alertes_h2
else:
    reponse_q4 = 10 * (n_alertes_h2 - n_vraies_alertes_h2) / n_alertes_h2
### END SOLUTION

# %% tests="reponse_q4" points=2 session="formative"
# Vérification de la question 4 : exécutez cette cellule.
checks.check_number(
    reponse_q4,
    name="reponse_q4",
    digest="d506951a63f3326b",
    decimals=2,
    bounds=(0, 1),
    mistakes=[
        checks.Mistake(None, "vous avez calculé la sensibilité (part des sepsis qui ont "
                       "déclenché une alerte). La VPP part des alertes : parmi elles, combien de "
                       "vrais sepsis ?", digest="7fc6da8207dad74c"),
        checks.Mistake(None, "vous avez calculé la prévalence du sepsis à H2, sans regarder les "
                       "alertes.", digest="c564f90ea48f8d43"),
        checks.Mistake(None, "vous avez calculé la part des fausses alertes. La VPP compte, "
                       "parmi les alertes, celles qui tombent sur un vrai sepsis.",
                       digest="b0fd08cdd45608b5"),
        checks.Mistake(None, "vous avez pris les chiffres de H1 ; la question porte sur H2.",
                       digest="8947224ea67c6040"),
        checks.Mistake(None, "votre fraction est à l'envers : le nombre d'alertes est au "
                       "numérateur. Une part se lit « parmi les alertes » : le groupe de départ "
                       "va au dénominateur, et la réponse tombe entre 0 et 1.",
                       digest="d8cede1e6fee8e93"),
        checks.Mistake(None, "vous avez donné un nombre sur 10 alertes ; la question demande "
                       "une proportion entre 0 et 1.", digest="5f8a45eb9368e5b5"),
        checks.Mistake(None, "vous avez rapporté les alertes à tous les séjours (la part des "
                       "séjours qui ont une alerte). La VPP part des alertes : parmi elles, "
                       "combien de vrais sepsis ?", digest="4dd6485d79a6bfd3"),
        checks.Mistake(None, "vous avez rapporté les vraies alertes à tous les séjours. La VPP "
                       "part des alertes : le nombre d'alertes va au dénominateur.",
                       digest="a09d417db07b05eb"),
        # La même lecture « sur 10 alertes », arrondie à 0,1 près ou à l'unité.
        *(checks.Mistake(None, "vous avez donné un nombre sur 10 alertes, arrondi ; la question "
                         "demande une proportion entre 0 et 1 : écrivez le calcul lui-même.",
                         digest=d)
          for d in ("71a8fffb849d9afb", "c675c8ed4e630249")),
    ],
    hint="Relisez la consigne : quel groupe de séjours est le groupe de départ, et que "
    "compte-t-on dans ce groupe ?",
    points=2,
)
### BEGIN HIDDEN TESTS
checks.check_number(
    reponse_q4, name="reponse_q4", decimals=2,
    expected=site_alert_stats(sepsis_h2, score_h2, SEUIL).ppv, points=2,
)
### END HIDDEN TESTS

# %% mistake="reponse_q4" session="formative"
# message : vous avez calculé la sensibilité
reponse_q4 = n_vraies_alertes_h2 / n_sepsis_h2

# %% mistake="reponse_q4" session="formative"
# message : rapporté les alertes à tous les séjours
reponse_q4 = n_alertes_h2 / n_sejours_h2

# %% mistake="reponse_q4" session="formative"
# message : rapporté les vraies alertes à tous les séjours
reponse_q4 = n_vraies_alertes_h2 / n_sejours_h2

# %% mistake="reponse_q4" session="formative"
# message : la prévalence du sepsis à H2
reponse_q4 = n_sepsis_h2 / n_sejours_h2

# %% mistake="reponse_q4" session="formative"
# message : la part des fausses alertes
reponse_q4 = (n_alertes_h2 - n_vraies_alertes_h2) / n_alertes_h2

# %% mistake="reponse_q4" session="formative"
# message : vous avez pris les chiffres de H1
reponse_q4 = n_vraies_alertes_h1 / n_alertes_h1

# %% mistake="reponse_q4" session="formative"
# message : votre fraction est à l'envers
reponse_q4 = n_alertes_h2 / n_vraies_alertes_h2

# %% mistake="reponse_q4" session="formative"
# message : un nombre sur 10 alertes
reponse_q4 = 10 * n_vraies_alertes_h2 / n_alertes_h2

# %% mistake="reponse_q4" session="formative"
# message : un nombre sur 10 alertes, arrondi
reponse_q4 = round(10 * n_vraies_alertes_h2 / n_alertes_h2, 1)

# %% mistake="reponse_q4" session="formative"
# message : un nombre sur 10 alertes, arrondi
reponse_q4 = round(10 * n_vraies_alertes_h2 / n_alertes_h2)

# %% mistake="reponse_q4" session="formative"
# message : bon raisonnement, mais trop arrondi
reponse_q4 = round(n_vraies_alertes_h2 / n_alertes_h2, 1)

# %% tests="reponse_q4" points=2 session="evaluation"
# Vérification de la question 4 : exécutez cette cellule.
checks.check_form(reponse_q4, name="reponse_q4", kind="number", decimals=3)
### BEGIN HIDDEN TESTS
graine_copie = sepsis_case_seed(checks.student_seed("08", announce=False))
copie = make_sepsis_hospitals(n_samples=20000, random_state=graine_copie,
                              prevalence=sepsis_case_prevalence(graine_copie),
                              case_mix=sepsis_case_mix(graine_copie))
infos_copie = list(copie.feature_names)
copie_h1 = copie.frame[copie.frame["hospital"] == "H1"]
copie_h2 = copie.frame[copie.frame["hospital"] == "H2"]
copie_h3 = copie.frame[copie.frame["hospital"] == "H3"]
copie_app, copie_reste = train_test_split(
    copie_h1, test_size=0.5, random_state=graine_copie, stratify=copie_h1["sepsis"])
copie_regl, copie_test = train_test_split(
    copie_reste, test_size=0.5, random_state=graine_copie, stratify=copie_reste["sepsis"])
score_copie = make_pipeline(StandardScaler(), LogisticRegression()).fit(
    copie_app[infos_copie], copie_app["sepsis"])
risques_copie = score_copie.predict_proba(copie_regl[infos_copie])[:, 1]
sepsis_regl_copie = np.sort(risques_copie[copie_regl["sepsis"].to_numpy() == 1])[::-1]
seuil_copie = sepsis_regl_copie[int(np.ceil(0.6 * len(sepsis_regl_copie))) - 1]
stats_copie_h1 = site_alert_stats(copie_test["sepsis"].to_numpy(),
                                  score_copie.predict_proba(copie_test[infos_copie])[:, 1],
                                  seuil_copie)
stats_copie_h2 = site_alert_stats(copie_h2["sepsis"].to_numpy(),
                                  score_copie.predict_proba(copie_h2[infos_copie])[:, 1],
                                  seuil_copie)
vpp_copie = stats_copie_h2.ppv
# For the marker of the reflection (criterion 2): this copy's own figures, printed in the
# graded copy, so that nobody has to reread each copy's outputs.
from esn_teach import fr_number as _fr_copie

risque_copie_h2 = score_copie.predict_proba(copie_h2[infos_copie])[:, 1]
risque_copie_h3 = score_copie.predict_proba(copie_h3[infos_copie])[:, 1]
stats_copie_h3 = site_alert_stats(copie_h3["sepsis"].to_numpy(), risque_copie_h3, seuil_copie)
print("Pour le correcteur (réflexion, critère 2), les chiffres de cette copie : AUC interne "
    + _fr_copie(roc_auc_score(copie_test["sepsis"],
                              score_copie.predict_proba(copie_test[infos_copie])[:, 1]))
    + ", H2 " + _fr_copie(roc_auc_score(copie_h2["sepsis"], risque_copie_h2))
    + ", H3 " + _fr_copie(roc_auc_score(copie_h3["sepsis"], risque_copie_h3))
    + " ; seuil " + _fr_copie(seuil_copie) + " ; alertes pour 100 séjours : H1 (test) "
    + _fr_copie(stats_copie_h1.alerts_per_100, 1) + ", H2 "
    + _fr_copie(stats_copie_h2.alerts_per_100, 1) + ", H3 "
    + _fr_copie(stats_copie_h3.alerts_per_100, 1) + " ; vrais sepsis sur 10 alertes : H1 "
    + _fr_copie(10 * stats_copie_h1.ppv, 1) + ", H2 " + _fr_copie(10 * vpp_copie, 1) + ", H3 "
    + _fr_copie(10 * stats_copie_h3.ppv, 1) + " ; à H2, alertes pour 100 sepsis "
    + _fr_copie(100 * stats_copie_h2.alerts / stats_copie_h2.sepsis, 1) + "."
)
# The copy's task, drawn from the seed as the cell under the statement draws it: the PPV (0)
# or false alerts per 10 alerts (1). Each task names the other's key neutrally.
tache_q4 = int(np.random.default_rng([checks.student_seed("08", announce=False), 8, 4]).integers(2))
autre_q4 = ("cette réponse correspond à une autre consigne que la vôtre : relisez votre consigne "
            "(la ligne sous l'énoncé de la question 4). ")
fausses_sur_10 = 10 * (1 - vpp_copie)
mise_en_commun = ((stats_copie_h1.true_alerts + stats_copie_h2.true_alerts)
                  / (stats_copie_h1.alerts + stats_copie_h2.alerts))
if tache_q4 == 0:
    cle_q4 = vpp_copie
    erreurs_q4 = [
        checks.Mistake(fausses_sur_10, autre_q4 + "Votre consigne demande la VPP : parmi les "
                       "alertes, la part de vrais sepsis, entre 0 et 1."),
        checks.Mistake(stats_copie_h2.sensitivity, "vous avez calculé la sensibilité (part des "
                       "sepsis qui ont déclenché une alerte). La VPP part des alertes : parmi "
                       "elles, combien de vrais sepsis ?"),
        checks.Mistake(stats_copie_h2.sepsis / len(copie_h2), "vous avez calculé la prévalence "
                       "du sepsis à H2, sans regarder les alertes."),
        checks.Mistake(1 - vpp_copie, "vous avez calculé la part des fausses alertes. La VPP "
                       "compte, parmi les alertes, celles qui tombent sur un vrai sepsis."),
        checks.Mistake(stats_copie_h1.ppv, "vous avez pris les chiffres de H1 ; la question "
                       "porte sur H2."),
        checks.Mistake(mise_en_commun, "vous avez additionné les alertes de H1 et de H2 : la "
                       "question porte sur H2 seul ; prenez les deux nombres de H2."),
        checks.Mistake(10 * vpp_copie, "vous avez donné un nombre sur 10 alertes ; la question "
                       "demande une proportion entre 0 et 1."),
        checks.Mistake(1 / vpp_copie, "votre fraction est à l'envers : le nombre d'alertes est "
                       "au numérateur. Une part se lit « parmi les alertes » : le groupe de départ "
                       "va au dénominateur, et la réponse tombe entre 0 et 1."),
        checks.Mistake(stats_copie_h2.alerts / len(copie_h2), "vous avez rapporté les alertes à "
                       "tous les séjours (la part des séjours qui ont une alerte). La VPP part "
                       "des alertes : parmi elles, combien de vrais sepsis ?"),
        checks.Mistake(stats_copie_h2.true_alerts / len(copie_h2), "vous avez rapporté les vraies "
                       "alertes à tous les séjours. La VPP part des alertes : le nombre d'alertes "
                       "va au dénominateur."),
    ]
else:
    cle_q4 = fausses_sur_10
    erreurs_q4 = [
        checks.Mistake(vpp_copie, autre_q4 + "Votre consigne demande, sur 10 alertes, combien "
                       "sont fausses (un nombre entre 0 et 10)."),
        checks.Mistake(10 * vpp_copie, "vous avez compté les vraies alertes sur 10 alertes ; "
                       "votre consigne compte les fausses (alertes sur un séjour sans sepsis)."),
        checks.Mistake(1 - vpp_copie, "vous avez donné une part (entre 0 et 1) : votre consigne "
                       "demande un nombre sur 10 alertes ; multipliez par 10."),
        checks.Mistake(10 * (1 - stats_copie_h1.ppv), "vous avez pris les chiffres de H1 ; la "
                       "question porte sur H2."),
        checks.Mistake(10 * (1 - mise_en_commun), "vous avez additionné les alertes de H1 et de "
                       "H2 : la question porte sur H2 seul ; prenez les deux nombres de H2."),
        checks.Mistake(100 * (1 - vpp_copie), "vous avez compté sur 100 alertes ; votre consigne "
                       "demande un nombre sur 10 alertes."),
        checks.Mistake(10 * (stats_copie_h2.alerts - stats_copie_h2.true_alerts) / len(copie_h2),
                       "vous avez rapporté les fausses alertes aux séjours. Votre consigne part "
                       "des alertes : le nombre d'alertes va au dénominateur."),
        checks.Mistake(10 * (stats_copie_h2.sepsis - stats_copie_h2.true_alerts)
                       / stats_copie_h2.sepsis, "vous avez compté les sepsis manqués sur 10 "
                       "sepsis. Votre consigne part des alertes : parmi 10 alertes, combien "
                       "tombent sur un séjour sans sepsis ?"),
        checks.Mistake(10 * stats_copie_h2.alerts / (stats_copie_h2.alerts
                                                     - stats_copie_h2.true_alerts),
                       "votre fraction est à l'envers : le nombre d'alertes va au "
                       "dénominateur."),
    ]
checks.check_number(reponse_q4, name="reponse_q4", expected=cle_q4, decimals=3, points=2,
                    mistakes=erreurs_q4)
### END HIDDEN TESTS

# %% mistake="reponse_q4" session="evaluation"
# message : cette réponse correspond à une autre consigne que la vôtre
if TACHE_Q4 == 0:
    reponse_q4 = 10 * (n_alertes_h2 - n_vraies_alertes_h2) / n_alertes_h2
else:
    reponse_q4 = n_vraies_alertes_h2 / n_alertes_h2

# %% mistake="reponse_q4" session="evaluation"
# message : vous avez pris les chiffres de H1
if TACHE_Q4 == 0:
    reponse_q4 = n_vraies_alertes_h1 / n_alertes_h1
else:
    reponse_q4 = 10 * (n_alertes_h1 - n_vraies_alertes_h1) / n_alertes_h1

# %% mistake="reponse_q4" session="evaluation"
# message : vous avez additionné les alertes de H1 et de H2
if TACHE_Q4 == 0:
    reponse_q4 = (n_vraies_alertes_h1 + n_vraies_alertes_h2) / (n_alertes_h1 + n_alertes_h2)
else:
    fausses_h1_h2 = n_alertes_h1 + n_alertes_h2 - n_vraies_alertes_h1 - n_vraies_alertes_h2
    reponse_q4 = 10 * fausses_h1_h2 / (n_alertes_h1 + n_alertes_h2)

# %% mistake="reponse_q4" session="evaluation"
# message : votre fraction est à l'envers
if TACHE_Q4 == 0:
    reponse_q4 = n_alertes_h2 / n_vraies_alertes_h2
else:
    reponse_q4 = 10 * n_alertes_h2 / (n_alertes_h2 - n_vraies_alertes_h2)

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : la charge d'alertes des trois hôpitaux, au même seuil.
# Les valeurs de H2 demandées aux questions 3 et 4 restent cachées tant que leur
# vérification n'a pas dit « juste » (relancez alors cette cellule).
lignes = {}
for nom, vrai, score in (("H1 (test)", sepsis_h1_test, score_h1_test),
                         ("H2", sepsis_h2, score_h2), ("H3", sepsis_h3, score_h3)):
    r = site_alert_stats(vrai, score, SEUIL)
    cache_q3 = nom == "H2" and not checks.passed("alertes_pour_100_h2")
    cache_q4 = nom == "H2" and not (checks.passed("reponse_q4"))
    lignes[nom] = {
        "Sensibilité": fr_number(r.sensitivity),
        "Alertes pour 100 séjours": "cachée (question 3)" if cache_q3
        else fr_number(r.alerts_per_100, 1),
        "Sepsis manqués pour 100 séjours": fr_number(r.missed_per_100, 1),
        "Sur 10 alertes, vrais sepsis": "cachée (question 4)" if cache_q4
        else fr_number(10 * r.ppv, 1),
    }
display(fr_table(pd.DataFrame(lignes).T, caption="Charge d'alertes au seuil choisi à H1"))
print("Séjours sans sepsis qui ont déjà des antibiotiques prescrits au moment de la prédiction : "
      + " ; ".join(
    f"{nom} {fr_percent(d.loc[d['sepsis'] == 0, 'antibiotics_ordered'].mean())}"
    for nom, d in (("H1 (test)", h1_test), ("H3", h3))) + ".")
r_h1 = site_alert_stats(sepsis_h1_test, score_h1_test, SEUIL)


def comparee(autre):
    """« plus basse » or « plus haute » : a sensitivity against H1's test, in words."""
    return "plus basse" if autre < r_h1.sensitivity else "plus haute" if autre > r_h1.sensitivity else "égale"


print(f"Au même seuil, la sensibilité est {comparee(site_alert_stats(sepsis_h2, score_h2, SEUIL).sensitivity)} "
      f"à H2 et {comparee(site_alert_stats(sepsis_h3, score_h3, SEUIL).sensitivity)} à H3 "
      "qu'au test de H1.")
bas_h1, haut_h1 = proportion_ci(r_h1.true_alerts, r_h1.sepsis)
print(f"Sensibilité au test de H1 : {r_h1.true_alerts} sepsis détectés sur {r_h1.sepsis}, "
      f"intervalle à 95 % d'environ {fr_number(bas_h1, 2)} à {fr_number(haut_h1, 2)}.")

# %% [markdown] session="formative"
# Au même seuil, la **sensibilité** baisse ailleurs : les sepsis y ont moins souvent des
# antibiotiques **déjà prescrits au moment de la prédiction**, l'appui principal du score
# (section 6). H3 a moins de sepsis que H1, mais deux fois plus d'alertes : elle prescrit des
# antibiotiques à bien plus de séjours sans sepsis (ligne sous le tableau), et le score y voit
# un risque élevé. Au test de H1, la
# sensibilité (0,51) manque l'objectif de 0,60, mais son intervalle (dernière ligne) le
# contient, tout juste sur sa borne haute : l'objectif reste compatible avec ces séjours, de
# justesse. L'écart peut venir du hasard ; un intervalle ne tranche pas mieux que cela.
#
# ## 5. Explorer : un hôpital, un seuil
#
# Choisissez un hôpital dans la liste, puis déplacez le seuil (souris ou **flèches du
# clavier**). Cherchez, à H2, un seuil qui détecte autant de sepsis qu'à H1 : combien
# d'alertes pour 100 séjours coûte-t-il ?
#
# <details><summary>Ce qu'il fallait voir</summary>
#
# Un seuil bien plus bas qu'à H1, qui coûte plus de trois fois plus d'alertes pour 100 séjours
# (en partie parce que H2 a deux fois plus de sepsis, mais surtout en fausses alertes) :
# rattraper la sensibilité ailleurs se paie cher.
# </details>

# %% [markdown] session="evaluation"
# Au même seuil, la **sensibilité** change d'un hôpital à l'autre (l'avant-dernière ligne dit,
# pour vos séjours, si elle est plus basse ou plus haute qu'au test de H1). Là où elle baisse,
# c'est que les sepsis y ont moins souvent des antibiotiques **déjà prescrits au moment de la
# prédiction**, l'appui principal du score (section 6). H3 prescrit des antibiotiques à bien
# plus de séjours sans sepsis (ligne sous le tableau) : le score y voit un risque élevé, d'où
# des alertes en plus. Au test de H1, si l'intervalle de la sensibilité (dernière ligne)
# contient l'objectif de 0,60, l'écart peut venir du hasard.
#
# ## 5. Explorer : un hôpital, un seuil
#
# Choisissez un hôpital dans la liste, puis déplacez le seuil (souris ou **flèches du
# clavier**). Cherchez, à H2, le seuil qui détecte autant de sepsis qu'au test de H1 (plus bas
# si H2 en détecte moins au seuil de H1) : combien d'alertes pour 100 séjours coûte-t-il ?
#
# <details><summary>Ce qu'il fallait voir</summary>
#
# À H2, au seuil qui détecte autant de sepsis qu'à H1, le score donne bien plus d'alertes pour
# 100 séjours qu'à H1 (en partie parce que H2 a plus de sepsis, mais surtout en fausses
# alertes) : la sensibilité se paie cher ailleurs.
# </details>

# %%
# L'explorateur : la liste choisit l'hôpital, le curseur le seuil d'alerte. Les réponses des
# questions 1, 3 et 4 (H2, près du seuil choisi) restent cachées jusqu'à leur vérification.
explorateur = SiteAlertExplorer(
    {"H1 interne": (sepsis_h1_test, score_h1_test), "H2": (sepsis_h2, score_h2),
     "H3": (sepsis_h3, score_h3)},
    threshold=round(SEUIL, 2),
    hidden_until={"auc": "auc_h2", "alerts_per_100": "alertes_pour_100_h2", "ppv": "reponse_q4"},
    hidden_site="H2",
    hidden_threshold=SEUIL,
)
display(explorateur)
print(f"Le curseur part de {fr_number(round(SEUIL, 2), 2)}, le seuil choisi ({fr_number(SEUIL)}) "
      "arrondi au centième : ses chiffres peuvent différer un peu de ceux du tableau de la section 4.")

# %% [markdown] session="formative"
# ## Après la séance
#
# Cette partie se fait **après la séance**, chez vous : trois questions autocorrigées
# (questions 5 à 7), des lectures, puis une réflexion écrite, corrigée par l'enseignant.
# Rendez le notebook complet à la date que fixe votre enseignant.

# %% [markdown] session="evaluation" graded="in-class"
# ## Après la séance
#
# Votre copie est **ramassée à la fin de la séance**, avec les questions 1 à 4 (7 points, faites
# en séance, sous surveillance). Cette partie se fait **après**, chez vous : trois questions
# (5 à 7), des lectures, puis une réflexion écrite. Les questions 5 à 7 sont un
# **entraînement** : elles ne comptent pas dans la note. La **réflexion** (3 points) s'écrit
# **après la séance, sans surveillance**, notes et documents permis ; c'est un travail
# personnel : une aide (un camarade, une IA générative) se signale en une ligne. Rendez-la à
# part, comme l'indique votre enseignant·e (par exemple un devoir Moodle), avant la date
# annoncée : il la note à la main, sur les trois critères résumés sous sa consigne, et reporte
# sa note sur votre copie. Note totale : 10 points.

# %% [markdown]
# ## 6. Pourquoi le score échoue-t-il ailleurs ? Les raccourcis
#
# Le score s'appuie surtout sur les **antibiotiques déjà prescrits** au moment où il calcule
# son risque : une décision de l'équipe, pas un signe du patient. Deux mécanismes :
#
# - elle enregistre le **soupçon** du médecin : l'**étiquette** (le diagnostic à prédire)
#   « fuit » dans les données ; l'alerte arrive quand l'équipe y pense déjà, où que l'on valide ;
# - à H1, une habitude de codage lie plus fortement sepsis et antibiotiques : ailleurs, l'appui
#   cède, ce qu'une validation sur place révèle.
#
# Dans les deux cas, c'est un **raccourci** : une information qui prédit l'étiquette **ici**,
# pour une raison propre aux pratiques, pas à la maladie.
#
# Autre trace des habitudes locales : les thermomètres, les dosages de lactates et les moniteurs
# diffèrent. Un modèle peut-il deviner l'hôpital à partir des seules mesures ?

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : un modèle qui devine l'hôpital (H1, H2 ou H3) à partir des
# huit informations, appris sur 70 % des séjours et testé sur les 30 % restants ; puis l'AUC de
# l'hôpital seul pour prédire le sepsis.
tirage = np.random.default_rng(GRAINE)
X_app, X_test, hop_app, hop_test = train_test_split(
    sejours[VARIABLES], sejours["hospital"].astype(str), test_size=0.3, random_state=GRAINE,
    stratify=sejours["hospital"],
)
MESURES = ["temperature", "lactate", "heart_rate"]  # décalages d'appareils et de méthodes
justes = {}
for nom, colonnes in (("les huit informations", VARIABLES),
                      ("température, lactates et fréquence cardiaque seules", MESURES)):
    devine = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
    juste = devine.fit(X_app[colonnes], hop_app).predict(X_test[colonnes]) == hop_test.to_numpy()
    justes[nom] = juste
    print(f"Avec {nom} : hôpital deviné juste pour {fr_percent(juste.mean())} des "
          f"{fr_number(len(juste), 0)} séjours de test.")
# L'écart entre les deux, sur les mêmes séjours rééchantillonnés (apparié), en points de %.
huit, seules = justes.values()
ecarts_hopital = [100 * (huit[i].mean() - seules[i].mean())
                  for i in (tirage.integers(0, len(huit), len(huit)) for _ in range(N_BOOTSTRAP))]
bas, haut = np.quantile(ecarts_hopital, [(1 - NIVEAU) / 2, (1 + NIVEAU) / 2])
print(f"Écart (huit informations − mesures seules), sur les mêmes séjours de test : "
      f"{fr_number(100 * (huit.mean() - seules.mean()), 1).replace('-', '−')} points de "
      f"pourcentage, intervalle à 95 % de {fr_number(bas, 1).replace('-', '−')} à "
      f"{fr_number(haut, 1).replace('-', '−')}.")
print(f"Sans rien regarder (toujours l'hôpital le plus fréquent) : "
      f"{fr_percent(hop_test.value_counts(normalize=True).max())}.")
# L'hôpital seul comme score de sepsis : chaque séjour de test reçoit la part de sepsis de son
# hôpital, apprise sur les 70 % ; l'AUC dit si savoir « quel hôpital » aide à prédire le sepsis.
sepsis_app, sepsis_test = sejours.loc[X_app.index, "sepsis"], sejours.loc[X_test.index, "sepsis"]
score_hopital = hop_test.map(sepsis_app.groupby(hop_app).mean()).to_numpy()
boot_hopital = auc_bootstrap(sepsis_test.to_numpy(), score_hopital)
print(f"L'hôpital seul, pour prédire le sepsis (chaque séjour reçoit la part de sepsis de son "
      f"hôpital) : AUC {fr_number(roc_auc_score(sepsis_test, score_hopital))}, intervalle à "
      f"95 % {intervalle(boot_hopital)} (un score au hasard : 0,5).")

# %% [markdown]
# Lisez l'écart et son intervalle, puis comparez à « sans rien regarder ». Que peut faire de l'hôpital
# un modèle appris dans un seul hôpital, ou dans plusieurs ? C'est la question 5, juste
# dessous.
#
# **Exemple résolu : « non » ou « on ne peut pas conclure » ?** Deux affirmations, hors de la
# question 5 :
#
# - « le score a la même AUC à H2 qu'à H1 » : les données du module montrent le contraire
#   (question 1 et section 3 : l'AUC de H2 est nettement plus basse) ; réponse **« non »** ;
# - « le score déclenche moins d'alertes la nuit » : le module ne donne pas l'heure des
#   alertes ; vous en avez peut-être l'intuition, mais ses données ne tranchent ni dans un
#   sens ni dans l'autre ; réponse **« on ne peut pas conclure »**.
#
# « Non » demande une preuve du contraire dans les données ; sans données sur la question,
# c'est « on ne peut pas conclure ».

# %% [markdown]
# ### Question 5 — Le raccourci de l'hôpital (2 points)
#
# Relisez la sortie de la section 6 (l'hôpital deviné à partir des données, l'écart entre les
# deux façons de le deviner, puis l'AUC de l'hôpital seul) et le tableau de la section 1. Pour chacune des trois affirmations, écrivez
# entre guillemets **doubles** `"oui"`, `"non"` (les données du module montrent le contraire)
# ou `"on ne peut pas conclure"` (les données du module ne permettent pas de trancher, ni dans
# un sens ni dans l'autre).
#
# <details><summary>Indice 1</summary>
#
# Pour la première : ne comparez pas seulement les deux pourcentages. Quelle ligne mesure leur
# différence sur les mêmes séjours, avec sa marge d'erreur, et quelles valeurs contient-elle ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Pour la deuxième : ce score « appris sur H1, H2 et H3 réunis » a-t-il été construit, et
# mesuré dans un quatrième hôpital, dans ce module ? « On ne peut pas conclure » vaut quand les
# données du module ne tranchent ni dans un sens ni dans l'autre, même si l'on s'attend à une
# baisse. Pour la troisième : à quelle valeur d'AUC répond un score au hasard ?
# </details>

# %% answer="raccourci_hopital"
raccourci_hopital = {
    "pour deviner l'hôpital, l'écart entre les huit informations et les seules mesures est établi": ...,
    "un score de sepsis appris sur H1, H2 et H3 réunis garderait son AUC dans un quatrième hôpital": ...,
    "connaître le seul hôpital prédit le sepsis mieux que le hasard": ...,
}
### BEGIN SOLUTION
raccourci_hopital = {
    "pour deviner l'hôpital, l'écart entre les huit informations et les seules mesures est établi": "oui",
    "un score de sepsis appris sur H1, H2 et H3 réunis garderait son AUC dans un quatrième hôpital": "on ne peut pas conclure",
    "connaître le seul hôpital prédit le sepsis mieux que le hasard": "oui",
}
### END SOLUTION

# %% tests="raccourci_hopital" points=2 session="formative"
# Vérification de la question 5 : exécutez cette cellule.
checks.check_choices(
    raccourci_hopital,
    name="raccourci_hopital",
    options=["oui", "non", "on ne peut pas conclure"],
    digests={
        "pour deviner l'hôpital, l'écart entre les huit informations et les seules mesures est établi": "c736dd6cd6d45526",
        "un score de sepsis appris sur H1, H2 et H3 réunis garderait son AUC dans un quatrième hôpital": "6da9781bc716c529",
        "connaître le seul hôpital prédit le sepsis mieux que le hasard": "bc05248ddaff8b75",
    },
    mistakes={
        "pour deviner l'hôpital, l'écart entre les huit informations et les seules mesures est établi": [
            checks.Mistake(None, "relisez, dans la sortie de la section 6, la ligne « Écart (huit "
                           "informations − mesures seules) » et son intervalle, puis l'indice 1.", digest="15c5c54173ea01d5"),
            checks.Mistake(None, "relisez, dans la sortie de la section 6, la ligne « Écart (huit "
                           "informations − mesures seules) » et son intervalle, puis l'indice 1.", digest="dfe4018da7f77171"),
        ],
        "un score de sepsis appris sur H1, H2 et H3 réunis garderait son AUC dans un quatrième hôpital": [
            checks.Mistake(None, "relisez l'exemple résolu juste au-dessus de la question 5 (« non » "
                           "ou « on ne peut pas conclure »), puis l'indice 2.", digest=d)
            for d in ("de2a7204a482b929", "f39521e35225d0b2")
        ],
        "connaître le seul hôpital prédit le sepsis mieux que le hasard": [
            checks.Mistake(None, "relisez la dernière ligne de la sortie de la section 6 (l'hôpital "
                           "seul, pour prédire le sepsis) et l'indice 2 : à quelle AUC répond un "
                           "score au hasard ?",
                           digest=d)
            for d in ("f9664e4dca15d81f", "bfa2dbe46f4b94fd")
        ],
    },
    success="l'écart est établi, mais petit : établi ne veut pas dire important. Ce qui compte, "
    "c'est que les seules mesures devinent l'hôpital bien mieux que « sans rien regarder », et "
    "que l'hôpital prédit à lui seul une part du sepsis : un modèle appris dans plusieurs "
    "hôpitaux peut s'en servir comme raccourci, ce que seule une validation ailleurs "
    "révélerait. Dépliez la lecture ci-dessous.",
    points=2,
)
### BEGIN HIDDEN TESTS
checks.check_choices(
    raccourci_hopital,
    name="raccourci_hopital",
    options=["oui", "non", "on ne peut pas conclure"],
    expected={
        "pour deviner l'hôpital, l'écart entre les huit informations et les seules mesures est établi": "oui",
        "un score de sepsis appris sur H1, H2 et H3 réunis garderait son AUC dans un quatrième hôpital": "on ne peut pas conclure",
        "connaître le seul hôpital prédit le sepsis mieux que le hasard": "oui",
    },
    points=2,
)
### END HIDDEN TESTS

# %% tests="raccourci_hopital" points=2 session="evaluation"
# Vérification de la question 5 : exécutez cette cellule.
checks.check_form(
    raccourci_hopital,
    name="raccourci_hopital",
    kind="choices",
    options=["oui", "non", "on ne peut pas conclure"],
    items=[
        "pour deviner l'hôpital, l'écart entre les huit informations et les seules mesures est établi",
        "un score de sepsis appris sur H1, H2 et H3 réunis garderait son AUC dans un quatrième hôpital",
        "connaître le seul hôpital prédit le sepsis mieux que le hasard",
    ],
)
### BEGIN HIDDEN TESTS
ecart_etabli = ("relisez, dans la sortie de la section 6, la ligne « Écart (huit "
                "informations − mesures seules) » et son intervalle, puis l'indice 1. "
                "Un écart petit peut être établi : l'intervalle de l'écart, mesuré sur les "
                "mêmes séjours, ne contient pas 0. Établi ne veut pas dire important : les "
                "mesures trahissent presque tout l'hôpital.")
donnees_tranchent = ("relisez, dans la sortie de la section 6, la ligne « Écart (huit "
                     "informations − mesures seules) » et son intervalle, puis l'indice 1. "
                     "Ici, les données tranchent : l'intervalle de l'écart, mesuré sur les "
                     "mêmes séjours, ne contient pas 0. C'est l'intervalle de l'écart, et non la "
                     "comparaison de deux intervalles séparés, qui dit si une différence est "
                     "établie.")
quatrieme = ("relisez l'exemple résolu juste au-dessus de la question 5 (« non » "
             "ou « on ne peut pas conclure »), puis l'indice 2. "
             "Aucun quatrième hôpital n'a été mesuré : ce score pourrait s'appuyer sur « quel "
             "hôpital », un raccourci qui ne vaut pas ailleurs, ou s'en passer. Seule une "
             "validation là-bas le dirait.")
hopital_seul = ("relisez la dernière ligne de la sortie de la section 6 (l'hôpital "
                "seul, pour prédire le sepsis) et l'indice 2 : à quelle AUC répond un "
                "score au hasard ? L'AUC de l'hôpital seul, "
                "intervalle compris, est au-dessus de 0,5 : savoir où est le patient en dit "
                "déjà un peu, sans rien savoir de lui.")
checks.check_choices(
    raccourci_hopital, name="raccourci_hopital", points=2,
    options=["oui", "non", "on ne peut pas conclure"],
    expected={
        "pour deviner l'hôpital, l'écart entre les huit informations et les seules mesures est établi": "oui",
        "un score de sepsis appris sur H1, H2 et H3 réunis garderait son AUC dans un quatrième hôpital": "on ne peut pas conclure",
        "connaître le seul hôpital prédit le sepsis mieux que le hasard": "oui",
    },
    mistakes={
        "pour deviner l'hôpital, l'écart entre les huit informations et les seules mesures est établi": [checks.Mistake("non", ecart_etabli), checks.Mistake("on ne peut pas conclure", donnees_tranchent)],
        "un score de sepsis appris sur H1, H2 et H3 réunis garderait son AUC dans un quatrième hôpital": [checks.Mistake("non", quatrieme), checks.Mistake("oui", quatrieme)],
        "connaître le seul hôpital prédit le sepsis mieux que le hasard": [checks.Mistake("non", hopital_seul), checks.Mistake("on ne peut pas conclure", hopital_seul)],
    },
)
### END HIDDEN TESTS

# %% mistake="raccourci_hopital"
# message : la ligne « Écart (huit informations − mesures seules) »
raccourci_hopital = {
    "pour deviner l'hôpital, l'écart entre les huit informations et les seules mesures est établi": "non",
    "un score de sepsis appris sur H1, H2 et H3 réunis garderait son AUC dans un quatrième hôpital": "on ne peut pas conclure",
    "connaître le seul hôpital prédit le sepsis mieux que le hasard": "oui",
}

# %% mistake="raccourci_hopital"
# message : la ligne « Écart (huit informations − mesures seules) »
raccourci_hopital = {
    "pour deviner l'hôpital, l'écart entre les huit informations et les seules mesures est établi": "on ne peut pas conclure",
    "un score de sepsis appris sur H1, H2 et H3 réunis garderait son AUC dans un quatrième hôpital": "on ne peut pas conclure",
    "connaître le seul hôpital prédit le sepsis mieux que le hasard": "oui",
}

# %% mistake="raccourci_hopital"
# message : relisez l'exemple résolu juste au-dessus de la question 5
raccourci_hopital = {
    "pour deviner l'hôpital, l'écart entre les huit informations et les seules mesures est établi": "oui",
    "un score de sepsis appris sur H1, H2 et H3 réunis garderait son AUC dans un quatrième hôpital": "non",
    "connaître le seul hôpital prédit le sepsis mieux que le hasard": "oui",
}

# %% mistake="raccourci_hopital"
# message : relisez l'exemple résolu juste au-dessus de la question 5
raccourci_hopital = {
    "pour deviner l'hôpital, l'écart entre les huit informations et les seules mesures est établi": "oui",
    "un score de sepsis appris sur H1, H2 et H3 réunis garderait son AUC dans un quatrième hôpital": "oui",
    "connaître le seul hôpital prédit le sepsis mieux que le hasard": "oui",
}

# %% mistake="raccourci_hopital"
# message : (l'hôpital seul, pour prédire le sepsis)
raccourci_hopital = {
    "pour deviner l'hôpital, l'écart entre les huit informations et les seules mesures est établi": "oui",
    "un score de sepsis appris sur H1, H2 et H3 réunis garderait son AUC dans un quatrième hôpital": "on ne peut pas conclure",
    "connaître le seul hôpital prédit le sepsis mieux que le hasard": "on ne peut pas conclure",
}

# %% [markdown] reveal="raccourci_hopital"
# <details><summary>La lecture de la section 6 (à déplier après avoir répondu)</summary>
#
# Les seules mesures devinent l'hôpital presque aussi bien que les huit informations, et bien
# mieux que « sans rien regarder ». L'écart entre les deux est petit, mais établi : son
# intervalle, mesuré sur les mêmes séjours, ne contient pas 0 (c'est l'intervalle de l'écart
# qui le dit, pas la comparaison de deux intervalles séparés). Mais établi ne veut pas dire
# important : le fait qui compte, c'est que les mesures seules trahissent l'hôpital. Connaître
# le seul hôpital prédit le sepsis mieux que le hasard, parce que la part de sepsis n'est pas
# la même partout. Notre score, appris à H1 seul, ne peut pas apprendre
# « quel hôpital » : ailleurs, les décalages de mesure peuvent seulement déplacer ses risques
# prédits (à H3, ce sont surtout les antibiotiques déjà prescrits sans sepsis qui les gonflent,
# section 4). Mais un modèle entraîné sur **plusieurs** hôpitaux peut
# apprendre « quel hôpital » au lieu de « quel patient ». Zech et al. (2018) ont réuni les
# radiographies de deux systèmes hospitaliers, où la pneumonie était bien plus fréquente dans
# l'un : trier les images par hôpital suffisait à une AUC de 0,861 (IC 95 % 0,855 à 0,866). Un
# modèle entraîné sur ces deux systèmes (AUC interne 0,931 ; IC 95 % 0,927 à 0,936) faisait
# significativement moins bien dans un troisième, externe : AUC 0,815. Dans un quatrième
# hôpital, le nôtre pourrait faire de même, ou non : seule une validation sur place le dirait.
# </details>

# %% [markdown]
# ## 7. S'adapter sur place : ce qui se corrige, et ce qui ne se corrige pas
#
# H3 veut utiliser le score. L'hôpital met de côté 1 000 séjours locaux pour **régler** (séjours
# de réglage) et garde les autres pour **mesurer** (test local). Deux réglages :
#
# - **recalibrer la moyenne** : décaler tous les risques prédits pour que leur moyenne égale la
#   part de sepsis observée chez elle (un risque prédit doit correspondre à la fréquence
#   observée) ;
# - **rechoisir le seuil** pour retrouver 60 % de sepsis détectés sur ses séjours de réglage
#   (ce que le droit lui permet de régler : question 7).
#
# Comme l'audit de la section 3, les séjours de réglage sont tirés au hasard, mais un tirage
# extrême, dont le seuil local manquerait nettement l'objectif de 60 % au test local, est
# remplacé par le suivant : la question 6 porte sur une adaptation typique.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : recalibration et nouveau seuil, réglés sur les séjours de
# réglage de H3, mesurés sur son test local ; puis un score construit à H1 sans les antibiotiques.
# Les séjours de réglage sont tirés au hasard parmi ceux de H3. Le seuil local se rechoisit sur
# eux, comme à H1 : le plus haut qui laisse au-dessus au moins 60 % de leurs sepsis. Les deux
# seuils s'appliquent au risque prédit d'origine (avant recalibration), comme à H1. Un tirage
# extrême, dont le seuil local manquerait l'objectif de plus de TOLERANCE_REGLAGE au test local,
# est remplacé par le suivant : la question 6 porte sur une adaptation typique, et sa réponse ne
# se joue pas sur la lecture d'une borne.
for essai in range(100):
    h3_local, h3_test = train_test_split(h3, train_size=N_LOCAL, random_state=GRAINE + essai,
                                         stratify=h3["sepsis"])
    vrai_local, score_local = h3_local["sepsis"].to_numpy(), risque(h3_local)
    vrai_test, score_test = h3_test["sepsis"].to_numpy(), risque(h3_test)
    risques_locaux = np.sort(score_local[vrai_local == 1])[::-1]
    SEUIL_LOCAL = risques_locaux[int(np.ceil(SENSIBILITE_VISEE * len(risques_locaux))) - 1]
    sensibilite_locale = site_alert_stats(vrai_test, score_test, SEUIL_LOCAL).sensitivity
    if abs(sensibilite_locale - SENSIBILITE_VISEE) <= TOLERANCE_REGLAGE:
        break
print(f"Séjours de réglage de H3 : {len(vrai_local)} séjours, {vrai_local.sum()} sepsis.")
# Recalibrer : le décalage (sur l'échelle logit) qui rend le risque moyen égal à la prévalence.
decalage = brentq(lambda d: expit(logit(score_local) + d).mean() - vrai_local.mean(), -10, 10)
score_test_recalibre = expit(logit(score_test) + decalage)
print(f"Test local de H3 ({len(vrai_test)} séjours) : sepsis observés "
      f"{fr_percent(vrai_test.mean())} ; risque moyen prédit {fr_percent(score_test.mean())} "
      f"avant recalibration, {fr_percent(score_test_recalibre.mean())} après.")
lignes = {}
for nom, seuil in ((f"seuil de H1 ({fr_number(SEUIL)})", SEUIL),
                   (f"seuil local ({fr_number(SEUIL_LOCAL)}, risque d'origine)", SEUIL_LOCAL)):
    r = site_alert_stats(vrai_test, score_test, seuil)
    lignes[nom] = {
        "AUC": fr_number(roc_auc_score(vrai_test, score_test)),
        "Sensibilité": fr_number(r.sensitivity),
        "Alertes pour 100 séjours": fr_number(r.alerts_per_100, 1),
        "Sepsis manqués pour 100 séjours": fr_number(r.missed_per_100, 1),
        "Sur 10 alertes, vrais sepsis": fr_number(10 * r.ppv, 1),
    }
display(fr_table(pd.DataFrame(lignes).T,
                 caption="Test local de H3 : avant et après (ces séjours seuls, pas tous ceux "
                 "de H3 : d'où de petits écarts avec le tableau de charge de la section 4)"))
# Un score construit à H1 sans la variable de pratique locale.
SANS_ABX = [v for v in VARIABLES if v != "antibiotics_ordered"]
modele_sans = make_pipeline(StandardScaler(), LogisticRegression())
modele_sans.fit(h1_app[SANS_ABX], h1_app["sepsis"])
for nom, groupe, vrai in (("H1, test", h1_test, sepsis_h1_test), ("H3, test local", h3_test,
                                                                  vrai_test)):
    print(f"Score sans les antibiotiques, {nom} : AUC "
          f"{fr_number(roc_auc_score(vrai, modele_sans.predict_proba(groupe[SANS_ABX])[:, 1]))}")
# Les deux scores sur les mêmes séjours rééchantillonnés : l'intervalle de leur écart (apparié).
score_sans_test = modele_sans.predict_proba(h3_test[SANS_ABX])[:, 1]
tirage = np.random.default_rng(GRAINE)
ecarts = [auc_par_les_rangs(vrai_test[i], score_sans_test[i])
          - auc_par_les_rangs(vrai_test[i], score_test[i])
          for i in (tirage.integers(0, len(vrai_test), len(vrai_test)) for _ in range(N_BOOTSTRAP))]
print(f"Test local de H3, écart d'AUC (sans − avec les antibiotiques) : "
      f"{signe(roc_auc_score(vrai_test, score_sans_test) - roc_auc_score(vrai_test, score_test))}, "
      f"intervalle à 95 % {intervalle(ecarts)}")

# %% [markdown] reveal="conclusion_h3" session="formative"
# Les séjours de réglage de H3 comptent 48 sepsis, moins que les 100 du repère de Collins : ce
# qui s'y règle (la recalibration, le seuil local) reste incertain.

# %% [markdown] reveal="conclusion_h3" session="evaluation"
# Les séjours de réglage de H3 comptent moins de 100 sepsis (section 7), le repère de Collins : ce
# qui s'y règle (la recalibration, le seuil local) reste incertain.

# %% [markdown]
# ### La calibration, de H1 à H3
#
# Les mots nouveaux, en une phrase chacun :
#
# - **calibration** : chez les patients à qui le score prédit 10 % de risque, y a-t-il bien
#   10 % de sepsis ?
# - **pente de calibration** : un seul nombre qui dit si les risques prédits sont trop
#   extrêmes ou trop timides (1 : ni l'un ni l'autre) ;
# - **ordonnée à l'origine** : un seul nombre qui dit si les risques prédits sont tous trop
#   hauts ou tous trop bas ;
# - **recalibration** : corriger les risques prédits sur des séjours locaux, sans rien changer
#   de ce que le score lit ;
# - **logit** : une échelle sur laquelle on transforme un risque (entre 0 et 1) pour le
#   décaler ou l'étirer facilement ; vous n'avez pas à la calculer ;
# - **case-mix** : le mélange des patients d'un hôpital (âges, gravité, motifs d'admission),
#   qui change d'un hôpital à l'autre.
#
# La **pente de calibration** résume un tableau de calibration (risque prédit contre fréquence
# observée, tranche par tranche) : 1 si les risques prédits suivent les fréquences observées ;
# sous 1, ils sont trop extrêmes (trop hauts en haut, trop bas en bas) ; au-dessus de 1, ils
# sont trop timides (trop serrés vers le milieu : pas assez hauts chez les patients les plus à
# risque, pas assez bas chez les autres). Dans les deux cas, plus la pente s'éloigne de 1, plus
# les risques affichés trompent. Un score mal calibré
# peut tromper la décision clinique (Van Calster et al., 2019).
#
# Valider, c'est aussi mesurer la **calibration** (section 2). La cellule ci-dessous compare
# d'abord, à H1 et à H2, le risque moyen prédit à la part de sepsis observée, et donne la
# **pente de calibration**. Puis, à H3, elle regarde plus fin que la section 7 : les séjours du
# test local rangés par risque prédit, en cinq tranches égales. Une troisième correction, la
# **recalibration logistique** (elle règle l'ordonnée à l'origine **et** la pente), n'est pas
# l'une des deux adaptations de H3 : elle est montrée après la question 6.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : la calibration à H1 (test) et à H2, puis au test local de
# H3, avant et après les recalibrations (réglées sur les séjours de réglage), tranche par tranche.
for nom, vrai, score in (("H1, interne", sepsis_h1_test, score_h1_test), ("H2", sepsis_h2, score_h2)):
    print(f"Calibration, {nom} : risque moyen prédit {fr_percent(score.mean())}, sepsis observés "
          f"{fr_percent(vrai.mean())} ; pente de calibration {fr_number(pente(vrai, score), 2)}.")
# Recalibration logistique : ordonnée à l'origine ET pente, réglées sur les séjours de réglage.
recalibration = LogisticRegression(C=np.inf).fit(logit(score_local).reshape(-1, 1), vrai_local)
score_test_logistique = recalibration.predict_proba(logit(score_test).reshape(-1, 1))[:, 1]
print(f"Pente de calibration au test local : {fr_number(pente(vrai_test, score_test), 2)} "
      f"avant, {fr_number(pente(vrai_test, score_test_recalibre), 2)} après recalibration de la "
      f"moyenne.")
# La calibration, tranche par tranche : les séjours rangés par risque prédit, en cinq parts égales.
tranche = pd.qcut(score_test, 5, labels=["1 (risques les plus bas)", "2", "3", "4",
                                         "5 (risques les plus hauts)"])
display(fr_table(
    pd.DataFrame({"avant": score_test, "apres": score_test_recalibre, "observe": vrai_test})
    .groupby(tranche, observed=True).mean().map(fr_percent),
    columns={"avant": "Risque prédit, avant", "apres": "Après recalibration de la moyenne",
             "observe": "Sepsis observés"},
    caption="Calibration au test local de H3 : risque prédit et fréquence observée",
))
# Le même tableau en figure : chaque tranche est un point (risque prédit moyen, part de sepsis
# observée) ; un score bien calibré met ses points sur la diagonale.
par_tranche = (pd.DataFrame({"avant": score_test, "apres": score_test_recalibre, "observe": vrai_test})
               .groupby(tranche, observed=True).mean())
with accessible_style():
    fig, ax = plt.subplots(figsize=(5, 4.2))
    haut_axe = 1.05 * max(par_tranche.max())
    ax.plot([0, 100 * haut_axe], [0, 100 * haut_axe], color=PALETTE["black"], linestyle=":",
            label="calibration parfaite (prédit = observé)")  # in percent, as the axes
    for i, (colonne, nom) in enumerate((("avant", "avant adaptation"),
                                        ("apres", "après recalibration de la moyenne"))):
        ax.plot(100 * par_tranche[colonne], 100 * par_tranche["observe"], marker=MARKERS[i],
                linestyle=LINESTYLES[i], label=nom)
    ax.set_xlim(0, 100 * haut_axe)
    ax.set_ylim(0, 100 * haut_axe)
    ax.set_xlabel("Risque prédit moyen de la tranche (%)")
    ax.set_ylabel("Sepsis observés dans la tranche (%)")
    ax.set_title("Prédit contre observé, test local de H3")
    ax.legend(loc="upper left", fontsize="small")
    show_figure(ax, "Prédit contre observé au test local de H3, cinq tranches de risque. "
                "Sur la diagonale, le risque prédit égale la part de sepsis observée. Avant "
                "adaptation (ronds, trait plein) : " + " ; ".join(
                    f"{fr_percent(p)} prédit, {fr_percent(o)} observé"
                    for p, o in zip(par_tranche["avant"], par_tranche["observe"], strict=True))
                + ". Après recalibration de la moyenne (carrés, tirets) : " + " ; ".join(
                    f"{fr_percent(p)} prédit, {fr_percent(o)} observé"
                    for p, o in zip(par_tranche["apres"], par_tranche["observe"], strict=True)) + ".")
# Performance par classe d'âge, au seuil choisi à H1 : H1 (test) et H3 (tous ses séjours).
CLASSES_AGE = [0, 50, 70, 200]  # bornes des classes d'âge, en années
NOMS_AGE = ["moins de 50 ans", "50 à 69 ans", "70 ans et plus"]
lignes_age = []
for nom, groupe, vrai, score in (("H1 (test)", h1_test, sepsis_h1_test, score_h1_test),
                                 ("H3", h3, sepsis_h3, score_h3)):
    classe = pd.cut(groupe["age"], CLASSES_AGE, right=False, labels=NOMS_AGE).to_numpy()
    for nom_age in NOMS_AGE:
        dans = classe == nom_age
        alerte = score[dans] >= SEUIL
        detectes = int((alerte & (vrai[dans] == 1)).sum())
        lignes_age.append({
            "Hôpital": nom, "Âge": nom_age, "Séjours": int(dans.sum()),
            "Sepsis détectés": f"{detectes} sur {int(vrai[dans].sum())}",
            "Sensibilité": fr_number(detectes / vrai[dans].sum()),
            "Alertes pour 100 séjours": fr_number(100 * alerte.mean(), 1),
        })
n_sepsis_age = [int(ligne["Sepsis détectés"].split(" sur ")[1]) for ligne in lignes_age]
display(fr_table(pd.DataFrame(lignes_age), show_index=False,
                 caption=f"Par classe d'âge, au seuil choisi à H1 (de {min(n_sepsis_age)} à "
                 f"{max(n_sepsis_age)} sepsis par classe : des écarts à lire avec leur marge "
                 "d'erreur)"))

# %% [markdown] session="formative"
# ### Question 6 — Ce que l'adaptation locale corrige (2 points)
#
# Relisez les résultats de la section 7 (H3, test local, avant et après) et le tableau de
# calibration ci-dessus (et sa figure, prédit contre observé). Pour chacun des quatre points, écrivez entre guillemets **doubles**
# `"corrigé"` (par l'une des deux adaptations de H3 : recalibration de la moyenne ou seuil
# rechoisi) ou `"pas corrigé"` (par aucune des deux).
# « Corrigé » veut dire : revenu à ce qu'on attend. Le risque moyen prédit rejoint la part de
# sepsis observée (à 1,5 point de pourcentage près) ; le risque prédit de chaque tranche, les
# sepsis observés de la tranche ; la sensibilité atteint de nouveau 60 %, à 10 points près
# (de 0,50 à 0,70) ; l'AUC revient près de sa valeur interne.
#
# <details><summary>Indice 1</summary>
#
# Pour chaque point, cherchez sa ligne ou sa colonne dans les résultats, avant et après, et
# comparez la valeur « après » à ce que la consigne attend.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Ne vous contentez pas de « a-t-il bougé ? » : un point peut bouger un peu sans revenir à ce
# qu'on attend. Pour les tranches, comparez chaque ligne du tableau de calibration, pas
# seulement la plus haute.
# </details>

# %% [markdown] session="evaluation"
# ### Question 6 — Ce que l'adaptation locale corrige (2 points)
#
# Relisez les résultats de la section 7 (H3, test local, avant et après) et le tableau de
# calibration ci-dessus (et sa figure, prédit contre observé). Pour chacun des quatre points, écrivez entre guillemets **doubles**
# `"corrigé"` (par l'une des deux adaptations de H3 : recalibration de la moyenne ou seuil
# rechoisi) ou `"pas corrigé"` (par aucune des deux).
# « Corrigé » veut dire : revenu à ce qu'on attend. Le risque moyen prédit rejoint la part de
# sepsis observée (à 1,5 point de pourcentage près) ; le risque prédit de chaque tranche, les
# sepsis observés de la tranche ; la sensibilité revient à l'objectif de 60 %, à 10 points près (de 0,50 à 0,70 : le seuil
# local est réglé sur une cinquantaine de sepsis seulement, il tombe où le hasard le place) ;
# l'AUC revient près de sa valeur interne.
#
# <details><summary>Indice 1</summary>
#
# Pour chaque point, cherchez sa ligne ou sa colonne dans les résultats, avant et après, et
# comparez la valeur « après » à ce que la consigne attend.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Ne vous contentez pas de « a-t-il bougé ? » : un point peut bouger un peu sans revenir à ce
# qu'on attend. Pour les tranches, comparez chaque ligne du tableau de calibration, pas
# seulement la plus haute.
# </details>

# %% answer="ce_que_corrige"
ce_que_corrige = {
    "le risque moyen prédit": ...,
    "le risque prédit dans chaque tranche": ...,
    "la sensibilité visée": ...,
    "l'AUC": ...,
}
### BEGIN SOLUTION
ce_que_corrige = {
    "le risque moyen prédit": "corrigé",
    "le risque prédit dans chaque tranche": "pas corrigé",
    "la sensibilité visée": "corrigé",
    "l'AUC": "pas corrigé",
}
### END SOLUTION

# %% tests="ce_que_corrige" points=2
# Vérification de la question 6 : exécutez cette cellule.
checks.check_choices(
    ce_que_corrige,
    name="ce_que_corrige",
    options=["corrigé", "pas corrigé"],
    digests={
        "le risque moyen prédit": "e6cf6f4b7b35401b",
        "le risque prédit dans chaque tranche": "fcf1061fb167147c",
        "la sensibilité visée": "b1820d94ee43a3db",
        "l'AUC": "56db05b4cdcd2410",
    },
    mistakes={
        "le risque moyen prédit": [
            checks.Mistake(None, "relisez la ligne du test local de H3 qui donne le « risque moyen "
                           "prédit » avant et après recalibration (section 7), et la règle « "
                           "corrigé » de l'énoncé (à 1,5 point près).",
                           digest="4022fcc852dfbf30"),
        ],
        "le risque prédit dans chaque tranche": [
            checks.Mistake(None, "relisez le tableau « Calibration au test local de H3 » ligne par "
                           "ligne, et sa figure : comparez la colonne « Après recalibration de "
                           "la moyenne » aux sepsis observés, tranche par tranche.",
                           digest="342a23e90aba023a"),
        ],
        "la sensibilité visée": [
            checks.Mistake(None, "relisez la colonne « Sensibilité » du tableau « Test local de H3 : "
                           "avant et après » (section 7) et la plage que donne l'énoncé (de 0,50 "
                           "à 0,70).", digest="5c03247823cc47ef"),
        ],
        "l'AUC": [
            checks.Mistake(None, "relisez la colonne « AUC » du tableau « Test local de H3 : avant et "
                           "après » (section 7) : comparez ses deux lignes.", digest="67ea55442e5ae6c4"),
        ],
    },
    success="recalibrer la moyenne corrige le risque moyen, pas le risque de chaque patient (la "
    "pente reste loin de 1) ; rechoisir le seuil rend la sensibilité. Aucun des deux ne rend la "
    "capacité du score à séparer sepsis et autres séjours. Dépliez la lecture ci-dessous.",
    points=2,
)
### BEGIN HIDDEN TESTS
checks.check_choices(
    ce_que_corrige,
    name="ce_que_corrige",
    options=["corrigé", "pas corrigé"],
    expected={
        "le risque moyen prédit": "corrigé",
        "le risque prédit dans chaque tranche": "pas corrigé",
        "la sensibilité visée": "corrigé",
        "l'AUC": "pas corrigé",
    },
    points=2,
)
### END HIDDEN TESTS

# %% mistake="ce_que_corrige"
# message : relisez la colonne « AUC »
ce_que_corrige = {
    "le risque moyen prédit": "corrigé",
    "le risque prédit dans chaque tranche": "pas corrigé",
    "la sensibilité visée": "corrigé",
    "l'AUC": "corrigé",
}

# %% mistake="ce_que_corrige"
# message : qui donne le « risque moyen prédit »
ce_que_corrige = {
    "le risque moyen prédit": "pas corrigé",
    "le risque prédit dans chaque tranche": "pas corrigé",
    "la sensibilité visée": "corrigé",
    "l'AUC": "pas corrigé",
}

# %% mistake="ce_que_corrige"
# message : relisez la colonne « Sensibilité »
ce_que_corrige = {
    "le risque moyen prédit": "corrigé",
    "le risque prédit dans chaque tranche": "pas corrigé",
    "la sensibilité visée": "pas corrigé",
    "l'AUC": "pas corrigé",
}

# %% mistake="ce_que_corrige"
# message : relisez le tableau « Calibration au test local de H3 »
ce_que_corrige = {
    "le risque moyen prédit": "corrigé",
    "le risque prédit dans chaque tranche": "corrigé",
    "la sensibilité visée": "corrigé",
    "l'AUC": "pas corrigé",
}

# %% [markdown] reveal="ce_que_corrige" session="formative"
# <details><summary>La lecture de la section 7 (à déplier après avoir répondu)</summary>
#
# La recalibration de la moyenne rend au risque **moyen** son sens local, pas au risque de
# chaque patient : la pente de calibration ne bouge pas (0,28, loin de 1), les tranches
# basses s'éloignent même des sepsis observés et la plus haute reste bien au-dessus. Une
# **recalibration logistique** (l'ordonnée à l'origine et la pente),
# réglée ici sur les 48 sepsis des séjours de réglage, rapproche la plupart des tranches des
# sepsis observés, la plus haute surtout (tableau sous cette lecture), sans les rendre parfaites : réglée
# sur si peu de sepsis, sa pente reste imprécise. H2 (cellule de calibration) montre le même piège : un risque moyen presque juste,
# mais une pente de 0,29 ; une moyenne juste ne prouve pas une bonne calibration. Le
# seuil local rend la sensibilité visée (il la dépasse même : réglé sur une cinquantaine de
# sepsis, il tombe où le hasard le place), au prix d'environ une alerte pour deux séjours.
# L'**AUC ne bouge pas** : ces réglages ne changent pas l'ordre des patients.
#
# Le score construit sans les antibiotiques a une AUC interne plus basse, mais une AUC plus
# haute à H3, **sur les mêmes séjours** (l'intervalle de l'écart, apparié, le dit) : l'AUC
# interne du premier était **flatteuse**. Lui aussi baisse de H1 à H3 : une autre population
# (des patients plus ou moins faciles à distinguer, le *case-mix*) suffit à faire baisser une
# AUC, sans faute du score.
# </details>

# %% [markdown] reveal="ce_que_corrige" session="evaluation"
# <details><summary>La lecture de la section 7 (à déplier après avoir répondu)</summary>
#
# La recalibration de la moyenne rend au risque **moyen** son sens local, pas au risque de
# chaque patient : la pente de calibration ne bouge pas (loin de 1 : cellule de calibration),
# et la tranche la plus haute reste bien au-dessus de sa part de sepsis observée. Une
# **recalibration logistique** (l'ordonnée à l'origine et la pente), réglée sur les quelques
# dizaines de sepsis des séjours de réglage, rapproche en général les tranches des sepsis
# observés (tableau sous cette lecture), sans les rendre parfaites : réglée sur si peu de sepsis, sa
# pente reste imprécise. H2 (cellule de calibration) montre le même piège : sa pente, loin de
# 1, dit des risques prédits trop extrêmes, quelle que soit leur moyenne ; une moyenne juste ne
# prouve pas une bonne calibration. Le seuil local ramène la sensibilité près de l'objectif
# (réglé sur une cinquantaine de sepsis, il tombe où le hasard le place), au prix de plus
# d'alertes pour 100 séjours. L'**AUC ne bouge pas** : ces réglages ne changent pas l'ordre
# des patients.
#
# Le score construit sans les antibiotiques a une AUC interne plus basse ; à H3, comparez les
# deux scores **sur les mêmes séjours** : c'est l'intervalle de l'écart, apparié, qui dit si
# l'un sépare mieux les sepsis que l'autre. S'il exclut 0, l'AUC interne du premier était
# **flatteuse**. Une autre population (des patients plus ou moins faciles à distinguer, le
# *case-mix*) suffit aussi à faire baisser une AUC de H1 à H3, sans faute du score.
# </details>

# %% reveal="ce_que_corrige"
# Après la question 6, pour comparer : la recalibration logistique (ordonnée à l'origine et
# pente, réglées sur les séjours de réglage de H3), qui n'est pas l'une des deux adaptations.
print(f"Pente de calibration au test local de H3 : {fr_number(pente(vrai_test, score_test), 2)} "
      f"avant, {fr_number(pente(vrai_test, score_test_logistique), 2)} après recalibration "
      f"logistique.")
display(fr_table(
    pd.DataFrame({"avant": score_test, "logistique": score_test_logistique, "observe": vrai_test})
    .groupby(tranche, observed=True).mean().map(fr_percent),
    columns={"avant": "Risque prédit, avant", "logistique": "Après recalibration logistique",
             "observe": "Sepsis observés"},
    caption="Test local de H3 : la recalibration logistique, pour comparer (pas une adaptation "
    "de H3)",
))

# %% [markdown]
# ## 8. Avant de déployer
#
# Valider sur des séjours **locaux** récents (AUC **avec** son intervalle, sur
# assez de sepsis) ; choisir le seuil sur des séjours de réglage locaux, mesurer sur d'autres ;
# chiffrer la charge (alertes et sepsis manqués pour 100 séjours, VPP) avec les équipes ;
# vérifier la **calibration** (risque prédit contre fréquence observée, tranche par tranche) ;
# vérifier que chaque variable a le même sens ici (codage du sepsis, prescriptions, appareils
# de mesure). La surveillance qui suit : ci-dessous.

# %% [markdown]
# ### Dans la durée : surveiller la dérive (suite de la section 8)
#
# Une fois le score déployé, on surveille la **dérive** (les patients et les pratiques changent,
# et la performance avec eux) : la prévalence, le profil des patients, les pratiques de mesure
# (nouvel automate) et de prescription, et la performance (sensibilité, alertes pour 100
# séjours, VPP), y compris **par groupe de patients** : un score doit servir aussi bien chaque
# groupe (la dernière table de la cellule de calibration, section 7, le fait par âge). On suit ces
# chiffres en **cumulant** les séjours au fil du temps, chaque chiffre avec son intervalle, et
# on ne réagit, selon un seuil convenu, qu'après un nombre minimal de sepsis fixé d'avance.

# %% [markdown]
# ### Le droit du déploiement
#
# Un score commercial de sepsis est très probablement un **dispositif médical** (règlement (UE)
# 2017/745 : un logiciel que son fabricant destine à la « prédiction » ou au « pronostic » d'une
# maladie). Son éditeur en est le **fabricant** ; l'hôpital qui l'utilise en est le
# **déployeur**. Trois idées suffisent, pour la question 7 comme pour votre métier :
#
# - **Utiliser, c'est suivre la notice** : le fabricant y dit ce que l'utilisateur peut
#   régler, et dans quelles limites ;
# - **Modifier, c'est devenir fabricant** : qui modifie le dispositif d'une façon qui peut
#   toucher à sa conformité prend les obligations du fabricant ;
# - **Signaler un incident en matériovigilance** : un geste du métier de chaque soignant, qui
#   le déclare au correspondant local de matériovigilance de l'hôpital.
#
# <details><summary>Lecture facultative (utile pour la réflexion, pas pour les questions) :
# le détail des textes (classe du dispositif, dispositif interne, règlement sur l'IA et ses
# dates, information du patient)</summary>
#
# Le score est de **classe IIa** au moins (règle 11 : il fournit des informations utilisées pour
# des décisions diagnostiques ou thérapeutiques), **IIb**, voire **III**, si une décision fondée
# sur le score peut causer une détérioration grave de l'état de santé, ou la mort (un sepsis
# manqué) ; un **organisme notifié** (indépendant)
# évalue alors sa conformité. S'il est aussi un « système d'IA » (article 3 du règlement (UE)
# 2024/1689, ce qui se discute pour une simple régression logistique), ce règlement le range
# parmi les systèmes **à haut risque** (article 6, paragraphe 1). Une ligne par obligation :
#
# - **Modifier, c'est fabriquer** (déjà en vigueur) : qui modifie un dispositif déjà sur le
#   marché d'une façon qui peut toucher à sa conformité prend les obligations du **fabricant**
#   (règlement 2017/745, article 16, paragraphe 1, point c), sauf le régime des dispositifs
#   internes ci-dessous.
# - **Dispositif interne** (article 5, paragraphe 5) : un dispositif fabriqué ou modifié par
#   l'établissement et utilisé seulement en son sein échappe à la plupart des exigences du
#   règlement, marquage CE compris, à des conditions : exigences de sécurité et de performance
#   de l'annexe I, système de gestion de la qualité, justification qu'aucun dispositif
#   équivalent du marché ne répond aux besoins, ou pas avec la performance voulue (pour un
#   score du marché recalibré sur place, il faut donc montrer que le score d'origine ne suffit
#   pas), déclaration publique. L'établissement en répond alors lui-même.
# - **Matériovigilance** (déjà en vigueur ; elle ne dépend ni de l'article 26 ni de sa date) :
#   à l'hôpital, un incident se signale au **correspondant local de matériovigilance**, qui le
#   transmet à l'ANSM (Code de la santé publique, article R5212-17).
# - **Maîtrise de l'IA** (article 4, qui s'applique depuis le 2 février 2025) : dans le texte
#   de 2024, le déployeur d'un système d'IA prend des mesures pour garantir, dans toute la
#   mesure du possible, une maîtrise suffisante de l'IA de son personnel. Le règlement (UE)
#   2026/1744 a modifié cet article ; ce cours n'a pas lu la nouvelle rédaction : selon une
#   analyse du texte publié (état au 5 août 2026), elle demande des mesures qui favorisent
#   cette maîtrise, sans exiger un niveau précis pour chacun. Lisez la version consolidée sur
#   EUR-Lex avant de vous y appuyer.
# - **Obligations du déployeur** (article 26) : suivre la **notice**, confier le contrôle à des
#   personnes formées, veiller aux **données d'entrée** (le sujet de ce module), surveiller le
#   système ; pour les dispositifs médicaux, elles s'appliqueront à partir du 2 août 2028
#   (article 113, modifié par le règlement (UE) 2026/1744). **Mais** l'article 111,
#   paragraphe 2, excepte les systèmes mis sur le marché ou en service avant une date qu'il
#   fixe : ils n'y sont soumis que si leur conception change ensuite de façon importante. Dans
#   le texte de 2024, cette date est le 2 août 2026. Selon ce même texte, les systèmes destinés à
#   des **autorités publiques** devront s'y conformer au plus tard le 2 août 2030. Le règlement
#   (UE) 2026/1744, qui a reporté les dates de l'article 113, modifie aussi d'autres articles
#   (sa fiche, ci-dessous) ; les fiches du cours ne résument pas l'article 111 : avant de
#   conclure qu'un score déjà vendu y échappe, lisez-le dans la version consolidée. Un hôpital
#   public (un CHU) est-il une « autorité publique » au sens de cet article ? Question ouverte :
#   ni le texte ni ce module ne la tranchent.
# - **Modification substantielle** (article 25) : le déployeur qui en apporte une à un système à
#   haut risque en devient le **fournisseur**.
# - **Information du patient** (Code de la santé publique, article L4001-3) : elle vise un
#   algorithme appris « à partir de données massives », ce qui n'est pas évident ici.
# </details>

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : les textes, tirés de la bibliothèque du cours.
# Les fiches sont repliées : cliquez sur le titre pour les déplier (utiles pour la réflexion).
fiches = []
for cle in ("MDR règle 11", "IA 25", "IA 26", "IA 113", "UE 2026/1744", "IA 4", "L4001-3"):
    ref = reference(cle)
    fiches.append(f"- **{ref.citation}** ({ref.date_label}) — {ref.summary} Texte officiel : "
                  f"<{ref.url}>")
display(Markdown("<details><summary>Pour la réflexion : les sept textes, résumés (repliés)"
                 "</summary>\n\n" + "\n".join(fiches) + "\n\nCe sont des résumés, pas des "
                 "citations ; ils ne sont pas un conseil juridique.\n</details>"))

# %% [markdown]
# ### Question 7 — H3 doit-elle déployer ? (2 points)
#
# Le score de H1 est commercialisé, avec le marquage CE, par un éditeur de logiciel : il a un
# **fabricant** (l'éditeur) et une **notice**, qui prévoit un seuil réglable de 0,02 à 0,20.
# La direction de H3 propose d'activer le mois prochain (en janvier 2027), dans tous ses
# services, le score **adapté** (seuil local, section 7). Relisez la sortie de la section 7,
# la section 8 et le droit ci-dessus. Chaque affirmation décrit un cas : écrivez entre
# guillemets **doubles** `"oui"` (l'affirmation est juste) ou `"non"` (elle est fausse).
#
# <details><summary>Indice 1</summary>
#
# Pour la première : pour une alerte, puis pour un séjour pris au hasard, quelle grandeur du
# module dit à quelle fréquence il s'agit d'un sepsis ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Pour la première : la section 7 donne l'une « sur 10 alertes », l'autre en pourcentage ;
# ramenez-les à la même base avant de les comparer. Pour la deuxième : qu'a-t-on mesuré de ce score à H3, et que n'a-t-on pas mesuré (seuil,
# charge d'alertes, calibration) ? Pour les deux dernières : qui est le fabricant, qui est le
# déployeur, et qu'est-ce qui distingue utiliser le dispositif et le modifier ?
# </details>

# %% answer="decision_h3"
decision_h3 = {
    "au seuil local, une alerte du score adapté désigne un sepsis au moins deux fois plus souvent qu'un séjour pris au hasard à H3": ...,
    "H3 devrait activer, à la place du score adapté, le score sans les antibiotiques, dont l'AUC au test local de H3 est meilleure, au seuil choisi à H1": ...,
    "après une validation locale sur 300 sepsis, H3 recalibre le score lui-même, dans le logiciel, hors de ce que prévoit la notice : le score ainsi modifié n'est plus couvert par le seul marquage CE de l'éditeur": ...,
    "H3 règle son seuil local (section 7), dans la plage de 0,02 à 0,20 que prévoit la notice, sans demander l'accord du fabricant : le droit des dispositifs médicaux le lui permet": ...,
}
### BEGIN SOLUTION
decision_h3 = {
    "au seuil local, une alerte du score adapté désigne un sepsis au moins deux fois plus souvent qu'un séjour pris au hasard à H3": "non",
    "H3 devrait activer, à la place du score adapté, le score sans les antibiotiques, dont l'AUC au test local de H3 est meilleure, au seuil choisi à H1": "non",
    "après une validation locale sur 300 sepsis, H3 recalibre le score lui-même, dans le logiciel, hors de ce que prévoit la notice : le score ainsi modifié n'est plus couvert par le seul marquage CE de l'éditeur": "oui",
    "H3 règle son seuil local (section 7), dans la plage de 0,02 à 0,20 que prévoit la notice, sans demander l'accord du fabricant : le droit des dispositifs médicaux le lui permet": "oui",
}
### END SOLUTION

# %% tests="decision_h3" points=2 session="formative"
# Vérification de la question 7 : exécutez cette cellule.
checks.check_choices(
    decision_h3,
    name="decision_h3",
    options=["oui", "non"],
    digests={
        "au seuil local, une alerte du score adapté désigne un sepsis au moins deux fois plus souvent qu'un séjour pris au hasard à H3": "8892832196fdeaea",
        "H3 devrait activer, à la place du score adapté, le score sans les antibiotiques, dont l'AUC au test local de H3 est meilleure, au seuil choisi à H1": "82aa163d831c2e41",
        "après une validation locale sur 300 sepsis, H3 recalibre le score lui-même, dans le logiciel, hors de ce que prévoit la notice : le score ainsi modifié n'est plus couvert par le seul marquage CE de l'éditeur": "64b0adbc795338a3",
        "H3 règle son seuil local (section 7), dans la plage de 0,02 à 0,20 que prévoit la notice, sans demander l'accord du fabricant : le droit des dispositifs médicaux le lui permet": "d0458146195e8364",
    },
    mistakes={
        "au seuil local, une alerte du score adapté désigne un sepsis au moins deux fois plus souvent qu'un séjour pris au hasard à H3": [
            checks.Mistake(None, "relisez la ligne « seuil local » du tableau « Test local de H3 : "
                           "avant et après » (dernière colonne) et la part de sepsis du test "
                           "local (section 7), puis l'indice 2.", digest="6ae3f12a9075b66d"),
        ],
        "H3 devrait activer, à la place du score adapté, le score sans les antibiotiques, dont l'AUC au test local de H3 est meilleure, au seuil choisi à H1": [
            checks.Mistake(None, "relisez la section 8 (« Avant de déployer ») : ce qu'un hôpital "
                           "mesure sur place avant d'activer un score ; puis l'indice 2.",
                           digest="ec1277ccf7c2e657"),
        ],
        "après une validation locale sur 300 sepsis, H3 recalibre le score lui-même, dans le logiciel, hors de ce que prévoit la notice : le score ainsi modifié n'est plus couvert par le seul marquage CE de l'éditeur": [
            checks.Mistake(None, "relisez « Le droit du déploiement » (section 8) : ses trois idées, "
                           "et ce qui distingue utiliser le dispositif et le modifier.",
                           digest="ee234f03a663d7da"),
        ],
        "H3 règle son seuil local (section 7), dans la plage de 0,02 à 0,20 que prévoit la notice, sans demander l'accord du fabricant : le droit des dispositifs médicaux le lui permet": [
            checks.Mistake(None, "relisez « Le droit du déploiement » (section 8) : ses trois idées, "
                           "et ce qui distingue utiliser le dispositif et le modifier.", digest="4c6eb59a7d050dc3"),
        ],
    },
    success="H3 ne devrait pas activer ce score : même adapté, il alerte beaucoup pour presque "
    "rien. Un autre score se validerait sur place d'abord, seuil compris ; le seuil se règle "
    "dans ce que prévoit la notice, et modifier le score hors de la notice le ferait sortir du "
    "seul marquage CE de l'éditeur. Dépliez la lecture ci-dessous.",
    points=2,
)
### BEGIN HIDDEN TESTS
checks.check_choices(
    decision_h3,
    name="decision_h3",
    options=["oui", "non"],
    expected={
        "au seuil local, une alerte du score adapté désigne un sepsis au moins deux fois plus souvent qu'un séjour pris au hasard à H3": "non",
        "H3 devrait activer, à la place du score adapté, le score sans les antibiotiques, dont l'AUC au test local de H3 est meilleure, au seuil choisi à H1": "non",
        "après une validation locale sur 300 sepsis, H3 recalibre le score lui-même, dans le logiciel, hors de ce que prévoit la notice : le score ainsi modifié n'est plus couvert par le seul marquage CE de l'éditeur": "oui",
        "H3 règle son seuil local (section 7), dans la plage de 0,02 à 0,20 que prévoit la notice, sans demander l'accord du fabricant : le droit des dispositifs médicaux le lui permet": "oui",
    },
    points=2,
)
### END HIDDEN TESTS

# %% tests="decision_h3" points=2 session="evaluation"
# Vérification de la question 7 : exécutez cette cellule.
checks.check_form(
    decision_h3,
    name="decision_h3",
    kind="choices",
    options=["oui", "non"],
    items=[
        "au seuil local, une alerte du score adapté désigne un sepsis au moins deux fois plus souvent qu'un séjour pris au hasard à H3",
        "H3 devrait activer, à la place du score adapté, le score sans les antibiotiques, dont l'AUC au test local de H3 est meilleure, au seuil choisi à H1",
        "après une validation locale sur 300 sepsis, H3 recalibre le score lui-même, dans le logiciel, hors de ce que prévoit la notice : le score ainsi modifié n'est plus couvert par le seul marquage CE de l'éditeur",
        "H3 règle son seuil local (section 7), dans la plage de 0,02 à 0,20 que prévoit la notice, sans demander l'accord du fabricant : le droit des dispositifs médicaux le lui permet",
    ],
)
### BEGIN HIDDEN TESTS
# The copy's own share of sepsis at H3 (its stays drawn from the student's seed), for the
# first statement's message: the formative 4,9 % is not this copy's.
from esn_teach import fr_number as _nombre_copie
from esn_teach import fr_percent as _pourcent_copie

graine_copie = sepsis_case_seed(checks.student_seed("08", announce=False))
copie = make_sepsis_hospitals(n_samples=20000, random_state=graine_copie,
                              prevalence=sepsis_case_prevalence(graine_copie),
                              case_mix=sepsis_case_mix(graine_copie))
part_h3_copie = copie.frame.loc[copie.frame["hospital"] == "H3", "sepsis"].mean()
deux_nombres = ("relisez la ligne « seuil local » du tableau « Test local de H3 : "
                "avant et après » (dernière colonne) et la part de sepsis du test "
                "local (section 7), puis l'indice 2. "
                "Comparez deux nombres sur 10 : au seuil local, moins d'une alerte sur 10 est "
                "un vrai sepsis (ligne « seuil local », dernière colonne), quand 10 séjours pris "
                "au hasard à H3 en comptent déjà environ " + _nombre_copie(10 * part_h3_copie, 1)
                + " (" + _pourcent_copie(part_h3_copie) + " de sepsis à H3, tableau de la "
                "section 1). Une alerte n'est guère plus souvent un sepsis qu'un séjour "
                "quelconque, loin de deux fois plus : la sensibilité retrouvée se paie d'alertes "
                "qui n'apprennent presque rien à l'équipe.")
auc_ne_suffit_pas = ("relisez la section 8 (« Avant de déployer ») : ce qu'un hôpital "
                     "mesure sur place avant d'activer un score ; puis l'indice 2. "
                     "Une AUC meilleure ne suffit pas : pour ce score, H3 n'a ni choisi de seuil "
                     "sur ses séjours de réglage (celui de H1 a été choisi pour l'autre score), "
                     "ni compté la charge d'alertes, ni mesuré la calibration. Tout score se "
                     "valide sur place avant d'être activé.")
hors_notice = ("relisez « Le droit du déploiement » (section 8) : ses trois idées, "
               "et ce qui distingue utiliser le dispositif et le modifier. "
               "Une bonne validation locale ne change rien au droit : le marquage CE couvre le "
               "dispositif tel qu'il a été évalué, avec sa notice ; une recalibration hors de la "
               "notice le modifie d'une façon qui peut toucher à sa conformité. H3 prend alors "
               "les obligations du fabricant (règlement (UE) 2017/745, article 16) ou, si elle ne "
               "l'utilise qu'en son sein, relève du régime des dispositifs internes et de ses "
               "conditions (article 5, paragraphe 5) : dans les deux cas, il n'est plus sous le "
               "seul marquage de l'éditeur.")
dans_notice = ("relisez « Le droit du déploiement » (section 8) : ses trois idées, "
               "et ce qui distingue utiliser le dispositif et le modifier. "
               "Le seuil local est dans la plage que prévoit la notice : régler le seuil, c'est "
               "utiliser le dispositif conformément à sa notice, sans le modifier. C'est une "
               "décision de l'établissement, prise avec les équipes qui recevront les alertes.")
checks.check_choices(
    decision_h3,
    name="decision_h3",
    options=["oui", "non"],
    expected={
        "au seuil local, une alerte du score adapté désigne un sepsis au moins deux fois plus souvent qu'un séjour pris au hasard à H3": "non",
        "H3 devrait activer, à la place du score adapté, le score sans les antibiotiques, dont l'AUC au test local de H3 est meilleure, au seuil choisi à H1": "non",
        "après une validation locale sur 300 sepsis, H3 recalibre le score lui-même, dans le logiciel, hors de ce que prévoit la notice : le score ainsi modifié n'est plus couvert par le seul marquage CE de l'éditeur": "oui",
        "H3 règle son seuil local (section 7), dans la plage de 0,02 à 0,20 que prévoit la notice, sans demander l'accord du fabricant : le droit des dispositifs médicaux le lui permet": "oui",
    },
    mistakes={
        "au seuil local, une alerte du score adapté désigne un sepsis au moins deux fois plus souvent qu'un séjour pris au hasard à H3": [checks.Mistake("oui", deux_nombres)],
        "H3 devrait activer, à la place du score adapté, le score sans les antibiotiques, dont l'AUC au test local de H3 est meilleure, au seuil choisi à H1": [checks.Mistake("oui", auc_ne_suffit_pas)],
        "après une validation locale sur 300 sepsis, H3 recalibre le score lui-même, dans le logiciel, hors de ce que prévoit la notice : le score ainsi modifié n'est plus couvert par le seul marquage CE de l'éditeur": [checks.Mistake("non", hors_notice)],
        "H3 règle son seuil local (section 7), dans la plage de 0,02 à 0,20 que prévoit la notice, sans demander l'accord du fabricant : le droit des dispositifs médicaux le lui permet": [checks.Mistake("non", dans_notice)],
    },
    points=2,
)
### END HIDDEN TESTS

# %% mistake="decision_h3"
# message : relisez la ligne « seuil local »
decision_h3 = {
    "au seuil local, une alerte du score adapté désigne un sepsis au moins deux fois plus souvent qu'un séjour pris au hasard à H3": "oui",
    "H3 devrait activer, à la place du score adapté, le score sans les antibiotiques, dont l'AUC au test local de H3 est meilleure, au seuil choisi à H1": "non",
    "après une validation locale sur 300 sepsis, H3 recalibre le score lui-même, dans le logiciel, hors de ce que prévoit la notice : le score ainsi modifié n'est plus couvert par le seul marquage CE de l'éditeur": "oui",
    "H3 règle son seuil local (section 7), dans la plage de 0,02 à 0,20 que prévoit la notice, sans demander l'accord du fabricant : le droit des dispositifs médicaux le lui permet": "oui",
}

# %% mistake="decision_h3"
# message : relisez la section 8 (« Avant de déployer »)
decision_h3 = {
    "au seuil local, une alerte du score adapté désigne un sepsis au moins deux fois plus souvent qu'un séjour pris au hasard à H3": "non",
    "H3 devrait activer, à la place du score adapté, le score sans les antibiotiques, dont l'AUC au test local de H3 est meilleure, au seuil choisi à H1": "oui",
    "après une validation locale sur 300 sepsis, H3 recalibre le score lui-même, dans le logiciel, hors de ce que prévoit la notice : le score ainsi modifié n'est plus couvert par le seul marquage CE de l'éditeur": "oui",
    "H3 règle son seuil local (section 7), dans la plage de 0,02 à 0,20 que prévoit la notice, sans demander l'accord du fabricant : le droit des dispositifs médicaux le lui permet": "oui",
}

# %% mistake="decision_h3"
# message : ce qui distingue utiliser le dispositif et le modifier
decision_h3 = {
    "au seuil local, une alerte du score adapté désigne un sepsis au moins deux fois plus souvent qu'un séjour pris au hasard à H3": "non",
    "H3 devrait activer, à la place du score adapté, le score sans les antibiotiques, dont l'AUC au test local de H3 est meilleure, au seuil choisi à H1": "non",
    "après une validation locale sur 300 sepsis, H3 recalibre le score lui-même, dans le logiciel, hors de ce que prévoit la notice : le score ainsi modifié n'est plus couvert par le seul marquage CE de l'éditeur": "non",
    "H3 règle son seuil local (section 7), dans la plage de 0,02 à 0,20 que prévoit la notice, sans demander l'accord du fabricant : le droit des dispositifs médicaux le lui permet": "oui",
}

# %% mistake="decision_h3"
# message : ce qui distingue utiliser le dispositif et le modifier
decision_h3 = {
    "au seuil local, une alerte du score adapté désigne un sepsis au moins deux fois plus souvent qu'un séjour pris au hasard à H3": "non",
    "H3 devrait activer, à la place du score adapté, le score sans les antibiotiques, dont l'AUC au test local de H3 est meilleure, au seuil choisi à H1": "non",
    "après une validation locale sur 300 sepsis, H3 recalibre le score lui-même, dans le logiciel, hors de ce que prévoit la notice : le score ainsi modifié n'est plus couvert par le seul marquage CE de l'éditeur": "oui",
    "H3 règle son seuil local (section 7), dans la plage de 0,02 à 0,20 que prévoit la notice, sans demander l'accord du fabricant : le droit des dispositifs médicaux le lui permet": "non",
}

# %% [markdown] reveal="decision_h3" session="formative"
# <details><summary>La décision de H3 (à déplier après avoir répondu)</summary>
#
# À H3, même adapté, le score donne moins d'un vrai sepsis sur 10 alertes, à peine plus que la
# prévalence (environ 5 %), pour environ une alerte pour deux séjours : il n'apprend presque
# rien à l'équipe, qui s'épuiserait à les vérifier. H3 **ne devrait pas l'activer**. Le score
# construit sans les antibiotiques sépare mieux les sepsis à H3 (l'intervalle de l'écart,
# apparié, le montre), mais il reste à le valider sur place comme le premier : seuil choisi sur
# les séjours de réglage (le seuil de H1 a été choisi pour l'autre score), charge d'alertes,
# calibration, sur assez de sepsis. Régler le seuil dans la plage que prévoit la notice (0,039
# entre 0,02 et 0,20) relève de l'établissement, avec ses équipes ; recalibrer le score hors
# de la notice le modifie d'une façon qui peut toucher à sa conformité, même après une bonne
# validation locale : le score n'est plus couvert par le seul marquage CE de l'éditeur. H3 prend
# les obligations du fabricant (règlement (UE) 2017/745, article 16) ou, si elle ne l'utilise
# qu'en son sein, relève du régime des dispositifs internes et de ses conditions (article 5,
# paragraphe 5) ; de même, un déployeur qui modifie substantiellement un système d'IA à haut
# risque en devient le fournisseur (article 25).
# </details>

# %% [markdown] reveal="decision_h3" session="evaluation"
# <details><summary>La décision de H3 (à déplier après avoir répondu)</summary>
#
# À H3, même adapté, le score donne peu de vrais sepsis sur 10 alertes, à peine plus que la
# part de sepsis parmi tous les séjours (section 7), pour beaucoup d'alertes pour 100 séjours :
# il n'apprend presque rien à l'équipe, qui s'épuiserait à les vérifier. H3 **ne devrait pas
# l'activer**. Le score construit sans les antibiotiques peut séparer mieux les sepsis à H3
# (l'intervalle de l'écart, apparié, dit si c'est établi avec vos séjours), mais il reste à le
# valider sur place comme le premier : seuil choisi sur
# les séjours de réglage (le seuil de H1 a été choisi pour l'autre score), charge d'alertes,
# calibration, sur assez de sepsis. Régler le seuil dans la plage que prévoit la notice (le seuil
# local de la section 7, entre 0,02 et 0,20) relève de l'établissement, avec ses équipes ;
# recalibrer le score hors de la notice le modifie d'une façon qui peut toucher à sa conformité, même après une bonne
# validation locale : le score n'est plus couvert par le seul marquage CE de l'éditeur. H3 prend
# les obligations du fabricant (règlement (UE) 2017/745, article 16) ou, si elle ne l'utilise
# qu'en son sein, relève du régime des dispositifs internes et de ses conditions (article 5,
# paragraphe 5) ; de même, un déployeur qui modifie substantiellement un système d'IA à haut
# risque en devient le fournisseur (article 25).
# </details>

# %% [markdown]
# ## À retenir
#
# - L'AUC **interne** ne promet rien ailleurs : on valide **sur place** la discrimination
#   (AUC, avec sa marge d'erreur), la calibration et la charge.
# - Un seuil se choisit sur des séjours de **réglage**, jamais sur ceux où l'on mesure.
# - La charge se compte **pour 100 séjours** ; la VPP dit combien d'alertes sont justes.
# - Un modèle peut apprendre une **habitude locale** ou le soupçon du médecin (un raccourci).

# %% [markdown] reveal="conclusion_h3" session="formative"
# - Un petit audit tranche rarement : avec 3 sepsis, son intervalle, très large, n'établit ni
#   une baisse ni son absence.

# %% [markdown] reveal="conclusion_h3" session="evaluation"
# - Un petit audit ne tranche que si son intervalle le permet : avec une poignée de sepsis, il
#   est très large ; c'est lui, pas l'écart entre deux AUC, qui dit si la baisse est établie.

# %% [markdown]
# ### Réflexion — Valider avant de déployer (3 points, corrigée par l'enseignant)
#
# *À rédiger après la séance, à rendre comme l'indique votre enseignant·e (par exemple un
# devoir Moodle), avant la date annoncée.*
#
# Votre hôpital envisage d'acheter un score d'alerte au sepsis ; l'éditeur annonce une AUC
# élevée, mesurée ailleurs. En 15 à 20 lignes, depuis votre futur métier (soignant·e,
# pharmacien·ne, gestionnaire, juriste ou responsable qualité) :
#
# - que demandez-vous de vérifier **localement** avant le déploiement, et sur quelles données ?
# - quels chiffres présenteriez-vous à l'équipe qui recevra les alertes ?
# - que surveilleriez-vous ensuite, et pour quels patients ? qui forme l'équipe, et qui
#   décide d'arrêter ou de régler le score ?
# - que dit-on au patient ?
# - et votre conclusion : déployer, différer ou refuser, et ce que cela coûte à l'équipe ?
#
# Appuyez votre conclusion sur au moins un chiffre de ce module, avec son dénominateur : ceux
# de H1 et de H3 du tableau « Charge d'alertes au seuil choisi à H1 » sont visibles dans toutes
# les versions du module ; ceux de H2, seulement une fois vos réponses jugées justes.
#
# **Comment elle est notée** (trois critères, 0, 0,5 ou 1 point chacun) :
# 1. **Valider sur place** : ce qu'il faut vérifier localement, **appliqué** à votre hôpital
#    ou à votre décision, avec son pourquoi (une liste recopiée de la section 8 vaut au plus
#    0,5) ; sans hôpital à vous, prenez-en un que vous connaissez ou décrivez-le en une ligne ;
# 2. **Un chiffre juste qui appuie une décision** : un chiffre du module, avec son
#    dénominateur, qui sert votre conclusion ;
# 3. **Après le déploiement** : surveiller pour tous les patients, dire qui décide, informer.

# %% [markdown] written="reflexion_validation" points=3
# ### BEGIN SOLUTION
# *Guide de correction (enseignants ; retiré de la version étudiante).* Trois critères, chacun
# noté **0**, **0,5** ou **1** point. Pour chacun, comptez les éléments présents dans la copie
# (une idée juste dite avec d'autres mots compte), puis appliquez sa règle : les niveaux ne se
# recouvrent pas.
#
# **Critère 1 — Valider sur place, appliqué à son hôpital**
# (V5 — Utilisation responsable et éclairée). Six éléments : (a) une évaluation sur des séjours **locaux** et récents ; (b) une
# **marge d'erreur**, ou assez de sepsis (un petit audit ne tranche pas) ; (c) un seuil choisi
# sur des séjours locaux puis mesuré sur **d'autres** séjours ; (d) la **calibration** locale
# (risque prédit contre fréquence observée) ; (e) des variables qui ont le **même sens** ici
# (codage du sepsis, prescriptions, appareils de mesure) ; (f) un raisonnement **juridique**
# juste : l'éditeur est le fabricant (ou fournisseur), l'hôpital le déployeur ; régler le seuil
# dans ce que prévoit la notice, c'est utiliser le dispositif, le modifier hors de la notice fait
# prendre les obligations du fabricant ou relever des dispositifs internes (règlement (UE)
# 2017/745, articles 16 et 5) ; un incident se signale au correspondant local de
# matériovigilance (article R5212-17).
#
# Un élément est **appliqué** quand la copie le rapporte à son propre hôpital ou à sa décision,
# avec son pourquoi : « nous avons environ 120 sepsis par an, donc il faut au moins un an de
# séjours pour en compter une centaine, davantage pour juger la calibration » ; « chez nous, les antibiotiques sont prescrits largement, or le score
# s'appuie sur eux » ; « nous garderons le seuil dans la plage de la notice, sinon l'hôpital
# prendrait les obligations du fabricant ». Une liste qui reprend la section 8 sans l'appliquer
# n'est pas appliquée. Sans service à soi (première année, droit, gestion), l'étudiant peut
# décrire en une ligne un hôpital qu'il connaît ou qu'il imagine, comme la consigne le lui
# dit : un élément rapporté à cet hôpital décrit compte comme appliqué (relecture 08 d20b).
#
# - **1** : au moins trois éléments, dont au moins deux appliqués.
# - **0,5** : au moins deux éléments, mais moins de deux appliqués (par exemple, la liste de la
#   section 8 recopiée).
# - **0** : un élément ou aucun (par exemple, confiance dans l'AUC de l'éditeur, ou « tester
#   sur quelques patients »).
#
# **Critère 2 — Un chiffre juste, qui appuie une décision**
# (V4 — Prudence, esprit critique et inclusivité). Trois éléments : (a) au moins un chiffre
# **du module**, juste, sans confondre interne et externe ; (b) avec son dénominateur ou sa
# marge : alertes ou sepsis manqués **pour 100 séjours**, « sur 10 alertes, combien de vrais
# sepsis », sensibilité parmi les sepsis, ou une AUC avec son intervalle ; (c) ce chiffre
# appuie une **décision explicite** (déployer, différer ou refuser) et dit son **coût pour
# l'équipe** (alertes à vérifier, sepsis manqués). Une copie qui énumère des chiffres sans
# conclure n'a pas (c).
#
# Tout chiffre juste du module compte, de H1, de H2 ou de H3. **Juste veut dire : celui de la
# copie.** En séance évaluée, chaque étudiant a ses propres séjours, donc ses propres chiffres :
# vérifiez un chiffre cité d'abord dans la ligne « Pour le correcteur » que la correction
# imprime sous la vérification de la question 4 (AUC interne, de H2 et de H3 ; seuil ; alertes
# pour 100 séjours et vrais sepsis sur 10 alertes à H1, H2 et H3 ; alertes pour 100 sepsis à
# H2), sinon dans les sorties de la copie corrigée elle-même (sorties de la section 3, tableau
# avant/après de la section 7), jamais dans les copies types ci-dessous, dont les chiffres sont
# ceux de la version formative (graine 2018). Un chiffre de la version formative (11,1 ; 23,2 ; 0,6 sur 10 alertes ; 213 pour
# 100 sepsis) que la sortie de la copie contredit est un chiffre faux (et signale peut-être
# une copie recopiée : mettez-la de côté).
#
# - **1** : les trois éléments, et aucun chiffre faux.
# - **0,5** : un chiffre juste du module, mais il manque (b) ou (c) (par exemple, aucune
#   décision), ou la copie contient aussi un chiffre faux ; ou une charge comptée **pour 100 sepsis** au lieu de 100 séjours
#   (l'erreur de la question 3, déjà sanctionnée là : elle vaut ici 0,5 au plus, jamais 0).
# - **0** : aucun chiffre du module, ou seulement des chiffres faux (par exemple une AUC
#   interne présentée comme externe).
#
# **Critère 3 — Après le déploiement : surveiller pour tous, décider, informer**
# (V5 — Utilisation responsable et éclairée ; CENS : justice, autonomie).
# Cinq éléments : (a) au moins **deux dérives** à surveiller (prévalence, profil des
# patients, pratiques de mesure ou de codage, performance dans le temps) ; (b) la performance
# **par groupe de patients** (sexe, âge, service ou site), avant comme après le déploiement :
# le score doit servir aussi bien chaque groupe (CENS : justice ; section 8) ; (c) ce qui
# déclenche une révision (par exemple un seuil convenu sur la sensibilité ou sur les alertes
# pour 100 séjours, après un nombre minimal de sepsis) ; (d) **qui décide** : toute instance
# désignée convient (commission médicale, direction, référent du score, avec les équipes), le
# module ne l'enseignant pas, ou qui forme et accompagne l'équipe qui reçoit les alertes
# (V3 — Formation et accompagnement ; le règlement sur l'IA demande de confier le contrôle à des
# personnes formées, article 26), ou qui signale un incident (matériovigilance) ; (e) ce que l'on
# dit au **patient** (qu'un score aide à surveiller son risque, ou que l'équipe s'assure qu'il en
# est informé ; l'article L4001-3 du Code de la santé publique, discuté pour ce score, compte
# aussi).
#
# - **1** : au moins quatre des cinq éléments, dont (b).
# - **0,5** : deux ou trois éléments, ou quatre sans (b).
# - **0** : un élément ou aucun. Ce que corrige une recalibration n'est pas exigé.
#
# **Deux copies types, annotées.** Leurs chiffres sont ceux de la version formative (graine
# 2018) ; en séance évaluée, une copie équivalente cite les siens, qui se lisent dans sa sortie.
#
# *Copie A (pharmacienne) : 3 points.* « Je demanderais de tester le score sur nos séjours
# récents, avec l'AUC et son intervalle à 95 % : nous avons environ 120 sepsis par an, il faut
# donc au moins un an de séjours pour en compter une centaine, davantage pour juger la
# calibration. Le seuil serait choisi sur une partie de
# ces séjours et mesuré sur une autre. Je vérifierais que le risque prédit correspond à la
# fréquence observée, tranche par tranche, et que nos prescriptions d'antibiotiques ont le même
# sens que là où le score a été construit : notre pharmacie en délivre beaucoup en probabiliste,
# et le score s'appuie sur elles. À l'équipe, je montrerais l'exemple du module : à H3,
# 23,2 alertes pour 100 séjours et, sur 10 alertes, 0,6 vrai sepsis ; là où le score a été
# construit, 11,1 alertes pour 100 séjours. Tant qu'une validation sur nos séjours n'a pas
# montré mieux, je propose de **différer** : l'équipe vérifierait des alertes presque toutes
# fausses. Ensuite, je suivrais chaque trimestre la part de
# sepsis et les alertes pour 100 séjours, avec leur intervalle, aussi chez les femmes et les
# hommes et par classe d'âge ; si la sensibilité passe sous le seuil convenu, après au moins
# 50 sepsis, la commission médicale décide de suspendre le score. Le médecin s'assure que le
# patient sait qu'un score aide à surveiller son risque. »
# Critère 1 : 1 (cinq éléments, dont deux appliqués avec leur pourquoi : le nombre de sepsis
# par an, les prescriptions de sa pharmacie). Critère 2 : 1 (chiffres justes, c'est-à-dire
# ceux de la sortie de sa copie, pour 100 séjours et sur
# 10 alertes, qui appuient une décision, différer, avec son coût pour l'équipe). Critère 3 : 1 (deux dérives, la performance
# par sexe et par âge, un déclencheur, qui décide, le patient).
#
# *Copie B (gestionnaire) : 1,5 point.* « L'AUC annoncée par l'éditeur a été mesurée ailleurs :
# je demanderais de la mesurer sur nos séjours de l'an dernier, avec son intervalle à 95 %, et
# de vérifier que nos appareils de mesure sont comparables. Il faudra dire à l'équipe qu'elle
# recevra environ 213 alertes pour 100 sepsis. Ensuite, je surveillerais la part de sepsis et le
# profil des patients ; la direction déciderait d'arrêter le score si besoin. » Critère 1 : 0,5
# (séjours locaux, marge d'erreur, même sens des mesures : trois éléments, mais un seul
# appliqué, l'AUC « mesurée ailleurs » ; ni seuil réglé puis mesuré à part, ni calibration). Critère 2 : 0,5 (le seul chiffre est dit pour 100 sepsis
# au lieu de 100 séjours, l'erreur déjà sanctionnée en question 3 : dans la version
# formative, 1 780 alertes pour 836 sepsis à H2, soit environ 27 pour 100 séjours ; en séance
# évaluée, le chiffre se compare à la réponse de la copie à la question 3 ; et aucune décision). Critère 3 : 0,5 (deux
# dérives et qui décide ; ni groupes de patients, ni déclencheur, ni patient).
#
# *Copie C (juriste), extrait : critère 1 à 1 point.* « Nous ne recalibrerions pas le score
# nous-mêmes : l'éditeur en est le fabricant, et modifier le dispositif hors de sa notice ferait
# de l'hôpital un fabricant, ou l'obligerait à justifier un dispositif interne ; nous
# demanderions donc une validation sur nos séjours de cette année et un seuil réglé dans la
# plage de la notice, mesuré sur d'autres séjours. » Trois éléments (séjours locaux, seuil
# réglé puis mesuré, raisonnement juridique), dont deux appliqués avec leur pourquoi.
#
# **Deux extraits limites, pour harmoniser le critère 1 entre correcteurs** (à noter chacun
# seul, avant de lire l'annotation).
#
# *Copie D, extrait : critère 1 à 0,5 point.* « Un score validé ailleurs peut se tromper chez
# nous : il faut le tester sur nos propres séjours récents, avec une marge d'erreur, et vérifier
# que le risque prédit correspond à la fréquence observée. » Trois éléments (séjours locaux,
# marge d'erreur, calibration), mais aucun appliqué : le pourquoi vaut pour n'importe quel
# hôpital, rien ne vient du sien.
#
# *Copie E, extrait : critère 1 à 1 point.* « Notre service ne code le sepsis de façon
# systématique que depuis janvier : je ne validerais le score que sur les séjours de cette
# année, avec une marge d'erreur, et je réglerais le seuil sur le premier semestre pour le
# mesurer sur le second, car un seuil choisi ailleurs ne dit rien de nos alertes. » Trois
# éléments (séjours locaux et récents, marge d'erreur, seuil réglé puis mesuré), dont deux
# appliqués : le choix des séjours tient au codage de son service, le découpage du seuil à ses
# alertes. Ce qui sépare D de E : un fait propre à l'hôpital de l'auteur, qui décide du geste.
#
# Le droit compte au critère 1 (f) et au critère 3 (d, e), cité avec sa source ; une copie qui
# n'en dit rien peut avoir les 3 points.
#
# **Aide déclarée et textes très proches.** Une aide (camarade, IA générative) signalée ne
# retire rien en soi. Mais un élément ne compte comme « appliqué » que s'il nomme un fait propre
# au service de l'auteur (son codage, ses patients, ses alertes) : une copie dont les éléments
# « appliqués » restent génériques (valables pour n'importe quel hôpital, comme le sont souvent
# les textes produits par une IA) a au plus 0,5 au critère 1. Deux copies presque identiques
# (mêmes phrases, même ordre) sont signalées au responsable du module et notées, chacune, après
# un échange oral de quelques minutes sur sa réflexion ; une aide non déclarée relève du
# règlement des études, pas de la grille.
# ### END SOLUTION

# %% [markdown]
# ### Pour aller plus loin (facultatif)
#
# *Lecture facultative : rien ici n'est noté.*
#
# - Nos hôpitaux diffèrent par une variable de codage et des décalages de mesure inventés ; dans
#   la réalité, les causes d'une chute d'AUC se mêlent (définition du sepsis, moment de
#   l'alerte, population) et l'étude de Wong et al. (2021) ne les isole pas sous cette forme.
# - Un séjour est ici une ligne : un vrai score recalcule le risque pendant tout le séjour, et
#   une même alerte peut se répéter.
# - Au-delà des deux recalibrations vues plus haut (la moyenne seule, section 7 ; la moyenne
#   et la pente, montrée pour comparer dans la cellule de calibration), on peut réentraîner le modèle sur des données locales, ce qui demande bien plus de
#   séjours et une nouvelle validation.
# - Le repère d'au moins 100 sepsis (Collins et al., 2016) est une taille minimale recommandée,
#   pas une garantie : Snell et al.
#   (2021) ont montré que 100, voire 200 événements peuvent encore donner une calibration
#   imprécise, et Riley et al. (2024) proposent de calculer la taille nécessaire pour chaque
#   modèle et chaque hôpital plutôt que d'appliquer une règle générale.
# - La charge d'alertes n'est qu'une partie de l'utilité d'un score : il faudrait aussi peser le
#   bien que font les alertes justes (le sepsis traité plus tôt) contre le coût des fausses.
#   C'est le **bénéfice net**, que trace une **courbe de décision** : un quatrième volet de la
#   validation, hors du barème de ce module.

# %% [markdown]
# ## Sources
#
# *Lecture facultative : pour vérifier un chiffre du module ou en savoir plus.*
#
# - Wong A, Otles E, Donnelly JP, Krumm A, McCullough J, DeTroyer-Cooley O, *et al.* External
#   validation of a widely implemented proprietary sepsis prediction model in hospitalized
#   patients. *JAMA Intern Med* 2021;181(8):1065-1070. doi:10.1001/jamainternmed.2021.2626.
#   Michigan Medicine, 27 697 patients, 38 455 hospitalisations, sepsis dans 7 % ; AUC du score
#   commercial 0,63, « substantially worse than the performance reported by its developer »
#   (résumé, lu le 5 décembre 2026).
# - Wong A, Currey D, Schwinne M, Park-Egan B, Meyer S, Gutting A, *et al.* Multicenter
#   prospective validation of an updated proprietary sepsis prediction model. *JAMA Netw Open*
#   2026 (publié le 27 février 2026). doi:10.1001/jamanetworkopen.2026.0181. Version 2 du même
#   score commercial, 227 091 séjours dans 4 systèmes hospitaliers américains : AUC « between
#   0.82 and 0.92 », « high institutional variability, low positive predictive value, and high
#   alert burden » ; les auteurs conseillent aux établissements des « local validation studies »
#   (points clés et résumé, PMC12949446, lus le 6 décembre 2026 ; les VPP par site n'ont pas pu
#   être relues dans le résumé et ne sont pas citées).
# - Singer M, Deutschman CS, Seymour CW, Shankar-Hari M, Annane D, Bauer M, *et al.* The Third
#   International Consensus Definitions for Sepsis and Septic Shock (Sepsis-3). *JAMA*
#   2016;315(8):801-810. doi:10.1001/jama.2016.0287. « Sepsis should be defined as
#   life-threatening organ dysfunction caused by a dysregulated host response to infection »
#   (résumé, lu le 6 décembre 2026).
# - Wilson EB. Probable inference, the law of succession, and statistical inference. *J Am Stat
#   Assoc* 1927;22(158):209-212. Intervalle d'une proportion (sensibilité au test de H1,
#   section 4).
# - Zech JR, Badgeley MA, Liu M, Costa AB, Titano JJ, Oermann EK. Variable generalization
#   performance of a deep learning model to detect pneumonia in chest radiographs: a
#   cross-sectional study. *PLoS Med* 2018;15(11):e1002683. doi:10.1371/journal.pmed.1002683.
#   158 323 radiographies de trois systèmes hospitaliers ; pneumonie dans 34,2 % (Mount Sinai)
#   contre 1,2 % (NIH) et 1,0 % (Indiana) ; trier par système hospitalier donnait une AUC de
#   0,861 (IC 95 % 0,855-0,866) ; modèle entraîné et testé sur Mount Sinai et NIH réunis : AUC
#   interne 0,931 (IC 95 % 0,927-0,936), externe 0,815 à Indiana, « significantly lower »
#   (test de DeLong) ; les réseaux identifiaient le système hospitalier (résumé, lu le 5
#   décembre 2026 ; relu le 6 décembre 2026 : le 0,861 est mesuré sur Mount Sinai et NIH
#   réunis ; l'intervalle du 0,815 n'a pas pu être relu et n'est pas cité).
# - Collins GS, Ogundimu EO, Altman DG. Sample size considerations for the external validation
#   of a multivariable prognostic model: a resampling study. *Stat Med* 2016;35(2):214-226.
#   doi:10.1002/sim.6787. Étude par rééchantillonnage de six modèles publiés : « Our study
#   suggests that externally validating a prognostic model requires a minimum of 100 events
#   and ideally 200 (or more) events » (résumé, lu le 5 décembre 2026, relu le 6 décembre
#   2026 sur PMC4738418).
# - Hanley JA, McNeil BJ. The meaning and use of the area under a receiver operating
#   characteristic (ROC) curve. *Radiology* 1982;143(1):29-36. Erreur type de l'AUC selon le
#   nombre de malades et de non-malades (intervalle de l'audit, section 3 ; résumé, lu le
#   6 décembre 2026).
# - Van Calster B, McLernon DJ, van Smeden M, Wynants L, Steyerberg EW. Calibration: the
#   Achilles heel of predictive analytics. *BMC Med* 2019;17:230.
#   doi:10.1186/s12916-019-1466-7. Des algorithmes mal calibrés peuvent tromper la décision
#   clinique ; en validation externe, les courbes de calibration demandent des échantillons
#   assez grands (résumé, PMC6912996, lu le 6 décembre 2026).
# - Snell KIE, Archer L, Ensor J, Bonnett LJ, Debray TPA, Phillips B, Collins GS, Riley RD.
#   External validation of clinical prediction models: simulation-based sample size
#   calculations were more reliable than rules-of-thumb. *J Clin Epidemiol* 2021;135:79-89.
#   doi:10.1016/j.jclinepi.2021.02.011. 100, voire 200 événements et non-événements peuvent
#   donner des estimations imprécises, surtout de la calibration (points clés, PMC8352630, lus
#   le 6 décembre 2026).
# - Riley RD, Snell KIE, Archer L, Ensor J, Debray TPA, van Calster B, van Smeden M, Collins GS.
#   Evaluation of clinical prediction models (part 3): calculating the sample size required for
#   an external validation study. *BMJ* 2024;384:e074821. doi:10.1136/bmj-2023-074821. Adapter
#   le calcul au modèle et au lieu plutôt qu'appliquer une règle générale (chapeau de l'article,
#   bmj.com, lu le 6 décembre 2026).
# - Textes juridiques (section « Le droit du déploiement ») : résumés tirés de
#   `esn_teach.law` (règlement (UE) 2017/745, annexe VIII, règle 11 ; règlement (UE)
#   2024/1689, art. 4, 25, 26 et 113, tel que modifié par le règlement (UE) 2026/1744 ; Code de
#   la santé publique, art. L4001-3), avec l'adresse du texte officiel. Cités dans le texte,
#   non résumés par `esn_teach.law` : règlement (UE) 2017/745, art. 16, paragraphe 1, point c,
#   et art. 5, paragraphe 5 (dispositifs internes : justifier qu'aucun dispositif équivalent du
#   marché ne répond aux besoins ; guide MDCG 2023-1, janvier 2023) ; règlement (UE) 2024/1689,
#   art. 111, paragraphe 2, **dans son texte de 2024** (systèmes mis sur le marché ou en service
#   avant le 2 août 2026 ; autorités publiques au 2 août 2030 ; considérant 177), lu le
#   6 décembre 2026 ; sa version modifiée par le règlement (UE) 2026/1744 (résumé par
#   `esn_teach.law`, clé « UE 2026/1744 », qui ne dit rien de l'article 111) n'a pas pu être
#   lue ici (EUR-Lex inaccessible) ;
#   Code de la santé publique, art. R5212-17 (signalement au correspondant local de
#   matériovigilance ; lu le 6 décembre 2026).
# - Efron B, Tibshirani RJ. *An Introduction to the Bootstrap*. Chapman & Hall, 1993.
#   Rééchantillonnage avec remise et intervalles par centiles.
# - Pedregosa F, *et al.* Scikit-learn: Machine Learning in Python. *Journal of Machine Learning
#   Research* 2011;12:2825-2830.
# - Données : synthétiques, générées par `esn_teach.datasets.make_sepsis_hospitals` (graine
#   `random_state=2018` dans la version formative ; en séance évaluée, une graine tirée de
#   l'identifiant de chaque copie). Fiche descriptive : `esn_teach/datasets/cards/sepsis_hospitals.md`.
#   Jamais d'usage clinique.
