# %% [markdown]
# # Module 05 — Qui est dans les données ?
#
# *Cours « IA et santé » — École de santé numérique, Université de Montpellier.*
#
# **Prérequis** : module 01 (sensibilité, seuil, intervalle d'une proportion).
#
# ## Ce que vous saurez faire à la fin de ce module
#
# 1. Comparer **qui est dans les données d'entraînement** et **qui sera soigné**.
# 2. Calculer un **taux de faux négatifs** par groupe, avec le **bon dénominateur**.
# 3. Dire ce qu'un écart entre deux groupes permet de conclure.
# 4. Mesurer l'effet de la **composition** de l'entraînement.
#
# > **Les valeurs de l'école dans ce module**
# > - **V4 — Prudence, esprit critique et inclusivité** : vérifier un outil groupe par groupe.
# > - **V6 — Intégrité et transparence** : dire qui est dans les données, et ce que leurs
# >   chiffres permettent d'affirmer.
# >
# > **Cadre de l'éthique du numérique en santé (CENS)** : justice et équité (la même
# > qualité de diagnostic pour toutes les peaux), non-malfaisance (un cancer manqué).

# %% [markdown] session="formative"
# **Déroulé** : questions 1 à 4, puis une réflexion écrite. Rendez le notebook **complet** à
# la date fixée. Cette version d'entraînement **n'est pas notée en séance** : les points
# affichés sont ceux de la séance évaluée, où chaque copie a ses propres lésions.

# %% [markdown] session="evaluation"
# **Déroulé** : questions 1 à 4 en séance ; notebook **ramassé en fin de séance** ; réflexion
# rédigée **après la séance**, rendue **à part** comme l'indique votre enseignant·e (devoir
# Moodle, par exemple).

# %% [markdown]
# **Mode d'emploi.** Exécutez les cellules **dans l'ordre** (Maj + Entrée). Remplacez chaque
# `...` par votre réponse (un **point** décimal : `0.25` ; ou une réponse proposée, entre
# guillemets droits `"…"`), puis exécutez la **« Vérification »**.

# %% [markdown]
# ## 1. Une application, et ses données
#
# Une application (fictive) signale les lésions de la peau suspectes de cancer (un
# **mélanome**, par exemple). Ses données
# sont **synthétiques** : des mesures (diamètre, couleur…), pas des images. La peau est décrite
# par son **phototype de Fitzpatrick**, de I (très claire, brûle toujours au soleil) à VI (très
# foncée, ne brûle jamais).

# %% session="formative"
# Une graine est le numéro de départ d'un tirage au hasard : même graine, mêmes lésions pour
# tout le monde.
GRAINE = 6  # les lésions d'entraînement, de validation et du test équilibré
GRAINE_TEST_EDITEUR = 9  # le test que l'éditeur a choisi (section 3)
N_TEST_EDITEUR = 2000  # lésions de ce test, avec la composition de son entraînement

# %% session="evaluation" jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il tire de votre identifiant les graines de vos lésions
# (une graine est le numéro de départ d'un tirage au hasard ; les vôtres sont prises dans une
# liste vérifiée à l'avance) et la taille du test de l'éditeur (section 3). Exécutez-le.
from esn_teach import checks
from esn_teach.explorers import skin_variant

_variante = skin_variant(checks.student_seed("05"))
GRAINE, GRAINE_TEST_EDITEUR = _variante.seed, _variante.editor_test_seed
N_TEST_EDITEUR = _variante.editor_test_size  # lésions du test de l'éditeur
del _variante  # seules les deux graines et la taille restent

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il charge les outils, fabrique les lésions synthétiques,
# entraîne les modèles (quelques secondes) et compare les données aux patients. Exécutez-le.
import pandas as pd
from IPython.display import display

from esn_teach import checks, fr_number, fr_percent, fr_table
from esn_teach.datasets import data_card, make_skin_lesions
from esn_teach.evaluation import proportion_ci
from esn_teach.explorers import TrainingMixExplorer, train_on_mix, training_mix_grid

N_ENTRAINEMENT = 10_000  # lésions pour entraîner le modèle
N_VALIDATION = 5_000  # lésions pour choisir le seuil (jamais le test)
N_TEST = 12_000  # test équilibré : autant de lésions de chaque phototype
SENSIBILITE_VISEE = 0.90  # le seuil doit signaler 90 % des cancers de validation
PART_V_VI_EDITEUR = 0.08  # phototypes V et VI dans les données de l'éditeur : 5 % + 3 %
PHOTOTYPES = ["I", "II", "III", "IV", "V", "VI"]
# Un hôpital fictif, dont voici les patients (répartition inventée pour l'exercice) :
POPULATION_SERVIE = [0.10, 0.15, 0.20, 0.20, 0.20, 0.15]

editeur = train_on_mix(
    PART_V_VI_EDITEUR,
    n_train=N_ENTRAINEMENT,
    n_validation=N_VALIDATION,
    sensitivity=SENSIBILITE_VISEE,
    random_state=GRAINE,
)
modele, seuil = editeur.model, editeur.threshold
jeu = make_skin_lesions(n_samples=N_TEST, type_shares=[1] * 6, random_state=GRAINE + 1)
test = jeu.frame
test_editeur = make_skin_lesions(n_samples=N_TEST_EDITEUR, random_state=GRAINE_TEST_EDITEUR).frame


def resultats(lesions):
    """Ajoute aux lésions : alerte du modèle, cancer manqué, fausse alerte."""
    mesures = lesions.drop(columns=["fitzpatrick", "malignant"])
    alerte = modele.predict_proba(mesures)[:, 1] >= seuil
    cancer = lesions["malignant"] == 1
    return lesions.assign(
        phototype=lesions["fitzpatrick"].astype(str),
        cancer=cancer,
        alerte=alerte,
        manque=cancer & ~alerte,
        signale=cancer & alerte,
        fausse_alerte=~cancer & alerte,
    )


test, test_editeur = resultats(test), resultats(test_editeur)

# Section 4 : un modèle par part de phototypes V et VI (13 modèles, quelques secondes),
# et l'écart V–VI moins I–II avec son intervalle (différence de deux proportions).
grille = training_mix_grid(
    jeu.frame,
    n_train=N_ENTRAINEMENT,
    n_validation=N_VALIDATION,
    sensitivity=SENSIBILITE_VISEE,
    random_state=GRAINE,
)
parts = sorted(grille["share"].unique())


def ecart_points(part):
    """Écart de taux de faux négatifs V–VI moins I–II, et son intervalle, en points."""
    lignes = grille[grille["share"] == part].set_index("group")
    fonce, clair = lignes.loc["V–VI"], lignes.loc["I–II"]
    ecart = fonce["fnr"] - clair["fnr"]
    erreur = (
        fonce["fnr"] * (1 - fonce["fnr"]) / fonce["cancers"]
        + clair["fnr"] * (1 - clair["fnr"]) / clair["cancers"]
    ) ** 0.5
    return 100 * ecart, 100 * (ecart - 1.96 * erreur), 100 * (ecart + 1.96 * erreur)


def points(x):
    """Un nombre de points à une décimale, avec le vrai signe moins (−)."""
    return fr_number(x, 1).replace("-", "\u2212")


part_editeur = min(parts, key=lambda p: abs(p - PART_V_VI_EDITEUR))
ecarts = {p: ecart_points(p) for p in (part_editeur, parts[-1])}
tableau_ecarts = fr_table(
    pd.DataFrame(
        {
            "Écart (points)": {fr_percent(p, 0): points(e[0]) for p, e in ecarts.items()},
            # Only the 48 % line shows its interval: at 8 % it would settle question 3a,
            # and the observed gap is all question 4b needs there.
            "Intervalle à 95 %": {
                fr_percent(p, 0): (
                    f"{points(e[1])} à {points(e[2])}" if p == parts[-1] else "non donné (écart seul)"
                )
                for p, e in ecarts.items()
            },
        }
    ).rename_axis("Part de V et VI"),
    caption="Test équilibré : écart V–VI moins I–II, en points de pourcentage, avec les "
    "données de l'éditeur (écart seul) et à 48 % (écart et intervalle)",
)
composition = pd.DataFrame(
    {
        "Entraînement de l'éditeur": editeur.train["fitzpatrick"]
        .value_counts(normalize=True)
        .reindex(PHOTOTYPES),
        "Patients de l'hôpital (inventé)": POPULATION_SERVIE,
    },
    index=pd.Index(PHOTOTYPES, name="Phototype"),
)
fr_table(
    composition.map(lambda p: fr_percent(p, 0)),
    caption="Part de chaque phototype : dans les données d'entraînement, et parmi les patients",
)

# %% [markdown]
# Peaux foncées (V, VI) rares dans l'entraînement, fréquentes parmi les patients : c'est un
# **biais d'échantillonnage**.
#
# ## 2. Le modèle, son seuil, et ce qu'il manque
#
# Le modèle (une **régression logistique**, une formule de calcul) note chaque lésion d'après
# sept mesures et la signale au-dessus d'un **seuil**, réglé sur des lésions mises à part (la
# **validation**) pour signaler 90 % des cancers. Le **test équilibré** a autant de lésions
# par phototype : assez de cancers par groupe. Un cancer non signalé est un **faux négatif**
# (**manqué**). Le second tableau donne le taux par groupe, avec son **intervalle à 95 %**
# (valeurs compatibles avec nos données).
#
# <details><summary>Pourquoi moins de 90 % des cancers signalés sur le test équilibré ?</summary>
#
# La validation qui fixe le seuil est tirée comme l'entraînement (surtout des peaux claires) :
# sur le test équilibré, où chaque phototype pèse autant, le seuil signale moins que les 90 %
# visés (chiffre sous les tableaux).
# </details>

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : test équilibré, par phototype, les cancers signalés et
# manqués et les fausses alertes ; puis le taux de faux négatifs par groupe, avec intervalle.
comptes = (
    test.groupby("phototype")
    .agg(
        lesions=("cancer", "size"),
        cancers=("cancer", "sum"),
        signales=("signale", "sum"),
        manques=("manque", "sum"),
        fausses_alertes=("fausse_alerte", "sum"),
    )
    .reindex(PHOTOTYPES)
)
comptes["benignes"] = comptes["lesions"] - comptes["cancers"]
display(
    fr_table(
        comptes[["lesions", "cancers", "signales", "manques", "benignes", "fausses_alertes"]],
        columns={
            "lesions": "Lésions",
            "cancers": "Cancers",
            "signales": "Cancers signalés",
            "manques": "Cancers manqués",
            "benignes": "Lésions bénignes",
            "fausses_alertes": "Bénignes signalées (fausses alertes)",
        },
        caption="Test équilibré : effectifs par phototype",
    )
)
vi = comptes.loc["VI"]
n_lesions_vi, n_cancers_vi, n_benignes_vi = (int(vi[c]) for c in ("lesions", "cancers", "benignes"))
n_signales_vi, n_manques_vi = int(vi["signales"]), int(vi["manques"])
n_fausses_alertes_vi = int(vi["fausses_alertes"])
taux_global = float(test["manque"].sum() / test["cancer"].sum())
print("Phototype VI, sous le nom à écrire dans vos calculs :")
print(
    f"  n_lesions_vi = {n_lesions_vi} ; n_cancers_vi = {n_cancers_vi} ; "
    f"n_benignes_vi = {n_benignes_vi}"
)
print(
    f"  n_signales_vi = {n_signales_vi} ; n_manques_vi = {n_manques_vi} ; "
    f"n_fausses_alertes_vi = {n_fausses_alertes_vi}"
)
print(f"Tous phototypes : taux_global = {fr_number(taux_global, 3)} (taux de faux négatifs)")


def ligne_taux(lesions):
    """« manqués sur cancers », le taux et son intervalle à 95 % (Wilson)."""
    manques, cancers = int(lesions["manque"].sum()), int(lesions["cancer"].sum())
    if cancers == 0:
        return {"Cancers manqués": "0 sur 0", "Taux": "non défini", "Intervalle à 95 %": "—"}
    bas, haut = proportion_ci(manques, cancers)
    return {
        "Cancers manqués": f"{manques} sur {cancers}",
        "Taux": fr_percent(manques / cancers),
        "Intervalle à 95 %": f"{fr_percent(bas)} à {fr_percent(haut)}",
    }


GROUPES = {"I–II": ["I", "II"], "III–IV": ["III", "IV"], "V–VI": ["V", "VI"]}
par_groupe = pd.DataFrame(
    {f"phototypes {g}": ligne_taux(test[test["phototype"].isin(t)]) for g, t in GROUPES.items()}
    | {"tous": ligne_taux(test)}
).T
display(fr_table(par_groupe, caption="Test équilibré : taux de faux négatifs par groupe"))
sensibilite_test = float(test["signale"].sum() / test["cancer"].sum())
print(
    f"Sur tout le test équilibré, l'application signale {fr_percent(sensibilite_test)} des "
    f"cancers ({fr_percent(SENSIBILITE_VISEE, 0)} visés sur la validation)."
)

# %% [markdown] session="formative"
# ### Question 1 — Les cancers manqués sur le phototype VI (2 points)
#
# Calculez `fnr_fonce`, le **taux de faux négatifs** de l'application sur le phototype VI
# (le plus foncé) : une proportion entre 0 et 1 (trois décimales). Écrivez de préférence le calcul, division
# de deux noms listés ci-dessus.
#
# <details><summary>Indice 1</summary>
#
# Un taux se lit « parmi qui ? ». Un faux négatif ne peut arriver qu'à un patient qui a un
# cancer : quel est donc le groupe de départ ? Ce n'est pas le même groupe que celui des
# fausses alertes.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Au numérateur, ce que l'on compte ; au dénominateur, le groupe de départ. Contrôle : chaque
# lésion du numérateur fait-elle partie du dénominateur ? Le taux et la sensibilité du
# module 01 font-ils 1 ensemble ?
# </details>

# %% [markdown] session="evaluation"
# ### Question 1 — Les cancers manqués sur un phototype foncé (2 points)
#
# Calculez `fnr_fonce`, le **taux de faux négatifs** sur le phototype de **votre consigne**
# (V ou VI, affichée ci-dessous) : une proportion entre 0 et 1, trois décimales. Écrivez de
# préférence le calcul, division de deux noms listés.
#
# <details><summary>Indice 1</summary>
#
# Un taux se lit « parmi qui ? ». Un faux négatif ne peut arriver qu'à un patient qui a un
# cancer : quel est donc le groupe de départ ? Prenez les noms de votre phototype.
# </details>

# %% session="evaluation" jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il affiche la consigne de la question 1, tirée pour votre
# copie, et les noms du phototype V pour votre calcul. Exécutez-le.
import numpy as np

from esn_teach.datasets._skin_tasks import question_1_statement, question_1_version

VERSION_Q1 = question_1_version(checks.student_seed("05", announce=False))
print("Question 1, votre consigne :", question_1_statement(checks.student_seed("05", announce=False)))
ligne_v = comptes.loc["V"]
n_lesions_v, n_cancers_v, n_benignes_v = (int(ligne_v[c]) for c in ("lesions", "cancers", "benignes"))
n_signales_v, n_manques_v = int(ligne_v["signales"]), int(ligne_v["manques"])
n_fausses_alertes_v = int(ligne_v["fausses_alertes"])
print("Phototype V, sous le nom à écrire dans vos calculs (ceux du VI sont plus haut) :")
print(f"  n_lesions_v = {n_lesions_v} ; n_cancers_v = {n_cancers_v} ; n_benignes_v = {n_benignes_v}")
print(
    f"  n_signales_v = {n_signales_v} ; n_manques_v = {n_manques_v} ; "
    f"n_fausses_alertes_v = {n_fausses_alertes_v}"
)
_mien_q1 = ("VI", "V")[VERSION_Q1]
print(f"Votre phototype pour la question 1 : {_mien_q1} (les noms qui finissent par _{_mien_q1.lower()}).")

# %% answer="fnr_fonce" session="formative"
fnr_fonce = ...
### BEGIN SOLUTION
fnr_fonce = n_manques_vi / n_cancers_vi
### END SOLUTION

# %% answer="fnr_fonce" session="evaluation"
fnr_fonce = ...
### BEGIN SOLUTION
fnr_fonce = (n_manques_vi / n_cancers_vi, n_manques_v / n_cancers_v)[VERSION_Q1]
### END SOLUTION

# %% tests="fnr_fonce" points=2 session="formative"
# Vérification de la question 1 : exécutez cette cellule.
checks.check_number(
    fnr_fonce,
    name="fnr_fonce",
    digest="d6ef5645ca50740b",
    decimals=3,
    bounds=(0, 1),
    mistakes=[
        checks.Mistake(
            None,
            "mauvais dénominateur : vous avez divisé par toutes les lésions "
            "du phototype VI. Un cancer ne peut être manqué que s'il existe : "
            "divisez par les cancers.",
            digest="7a7078c2d93c5293",
        ),
        checks.Mistake(
            None,
            "vous avez calculé le taux de faux positifs (les lésions bénignes "
            "signalées à tort) ; la question porte sur les cancers manqués.",
            digest="c90b3bcef3432da7",
        ),
        checks.Mistake(
            None,
            "vous avez calculé la sensibilité (les cancers signalés) ; le taux "
            "de faux négatifs est son complément : les cancers manqués.",
            digest="558b891303b26902",
        ),
        checks.Mistake(
            None,
            "mauvais dénominateur : vous avez divisé les cancers manqués par "
            "les lésions bénignes. Le groupe de départ est celui des cancers.",
            digest="139e1c32047393d2",
        ),
        checks.Mistake(
            None,
            "c'est le taux de tous les phototypes ensemble : la question porte "
            "sur le seul phototype VI.",
            digest="497cccf6ed56e609",
        ),
        checks.Mistake(
            None,
            "vous avez divisé les cancers manqués par les cancers signalés : "
            "le dénominateur doit compter tous les cancers, signalés ou non.",
            digest="d61c915cb0b2dd8a",
        ),
        checks.Mistake(
            None,
            "fraction à l'envers : vous avez divisé les cancers par les "
            "cancers manqués. Le taux met au numérateur les cancers manqués, au "
            "dénominateur tous les cancers.",
            digest="bd3171a7dd81d9d8",
        ),
        checks.Mistake(
            None,
            "c'est le taux du groupe V–VI : la question porte sur le seul "
            "phototype VI. Écrivez le calcul avec ses cancers manqués et ses "
            "cancers, pas un taux lu dans un tableau.",
            digest="1675d9fc395b80f9",
        ),
        checks.Mistake(
            None,
            "c'est le taux du seul phototype V : la question porte sur le phototype VI.",
            digest="79f9f4373f7394db",
        ),
    ],
    hint="Parmi quelles lésions un cancer peut-il être manqué ?",
    success="c'est la part des cancers du phototype VI que l'application ne signale pas.",
    points=2,
)
### BEGIN HIDDEN TESTS
_vi = test[test["phototype"] == "VI"]
checks.check_number(
    fnr_fonce,
    name="fnr_fonce",
    expected=float(_vi["manque"].sum() / _vi["cancer"].sum()),
    decimals=3,
    points=2,
)
### END HIDDEN TESTS

# %% tests="fnr_fonce" points=2 session="evaluation"
# Vérification de la question 1 : exécutez cette cellule.
checks.check_form(fnr_fonce, name="fnr_fonce", kind="number", decimals=3, bounds=(0, 1))
### BEGIN HIDDEN TESTS
import esn_teach.datasets as _lesions_q1
import esn_teach.explorers as _melanges_q1

_v_q1 = _melanges_q1.skin_variant(checks.student_seed("05", announce=False))
_m_q1 = _melanges_q1.train_on_mix(
    0.08, n_train=10_000, n_validation=5_000, sensitivity=0.9, random_state=_v_q1.seed
)
_jeu_q1 = _lesions_q1.make_skin_lesions(n_samples=12_000, type_shares=[1] * 6, random_state=_v_q1.seed + 1)
_t_q1 = _jeu_q1.frame
_x_q1 = _t_q1.drop(columns=["fitzpatrick", "malignant"])
_alerte_q1 = _m_q1.model.predict_proba(_x_q1)[:, 1] >= _m_q1.threshold
_cancer_q1 = _t_q1["malignant"].to_numpy() == 1
_type_q1 = _t_q1["fitzpatrick"].astype(str).to_numpy()
_vi_q1, _v_seul_q1 = _type_q1 == "VI", _type_q1 == "V"
_manques_q1 = int((_vi_q1 & _cancer_q1 & ~_alerte_q1).sum())
_cancers_q1 = int((_vi_q1 & _cancer_q1).sum())
_lesions_vi_q1 = int(_vi_q1.sum())
_benignes_q1 = _lesions_vi_q1 - _cancers_q1
_signales_q1 = _cancers_q1 - _manques_q1
_fausses_q1 = int((_vi_q1 & ~_cancer_q1 & _alerte_q1).sum())


def _taux_q1(garde):
    return float((garde & _cancer_q1 & ~_alerte_q1).sum() / (garde & _cancer_q1).sum())


_erreurs_q1 = [
    checks.Mistake(_manques_q1 / _lesions_vi_q1, "mauvais dénominateur : vous avez divisé par "
                   "toutes les lésions du phototype. Un cancer ne peut être manqué que s'il "
                   "existe : divisez par les cancers."),
    checks.Mistake(_fausses_q1 / _benignes_q1, "vous avez calculé le taux de faux positifs (les "
                   "lésions bénignes signalées à tort) ; la question porte sur les cancers manqués."),
    checks.Mistake(_signales_q1 / _cancers_q1, "vous avez calculé la sensibilité (les cancers "
                   "signalés) ; le taux de faux négatifs est son complément : les cancers manqués."),
    checks.Mistake(_manques_q1 / _benignes_q1, "mauvais dénominateur : vous avez divisé les "
                   "cancers manqués par les lésions bénignes. Le groupe de départ est celui des cancers."),
    checks.Mistake(_taux_q1(_cancer_q1 | ~_cancer_q1), "c'est le taux de tous les phototypes "
                   "ensemble : la question porte sur un seul phototype, celui de votre consigne."),
    checks.Mistake(_manques_q1 / max(_signales_q1, 1), "vous avez divisé les cancers manqués par "
                   "les cancers signalés : le dénominateur doit compter tous les cancers, signalés ou non."),
    checks.Mistake(_cancers_q1 / max(_manques_q1, 1), "fraction à l'envers : vous avez divisé les "
                   "cancers par les cancers manqués. Le taux met au numérateur les cancers manqués, "
                   "au dénominateur tous les cancers."),
    checks.Mistake(_taux_q1(_vi_q1 | _v_seul_q1), "c'est le taux du groupe V–VI : la question porte "
                   "sur un seul phototype, celui de votre consigne. Écrivez le calcul avec ses cancers manqués et ses "
                   "cancers, pas un taux lu dans un tableau."),
    checks.Mistake(_taux_q1(_v_seul_q1), "c'est le taux du seul phototype V : la question porte "
                   "sur le phototype VI."),
]
from esn_teach.datasets._skin_tasks import question_1_type as _type_tire_q1

_autre_q1 = "cette réponse correspond à une autre consigne que la vôtre : relisez ce que demande votre énoncé. "
if _type_tire_q1(checks.student_seed("05", announce=False)) == "VI":
    _cle_q1 = _manques_q1 / _cancers_q1
    _erreurs_q1[-1] = checks.Mistake(_taux_q1(_v_seul_q1), _autre_q1 + "Votre consigne demande "
                                     "le taux de faux négatifs du phototype VI, pas du phototype V.")
else:
    # The copy's key is type V's rate; the mistakes are written with type V's names, then
    # with type VI's (a copy may take the wrong phototype and the wrong denominator).
    _cle_q1 = _taux_q1(_v_seul_q1)
    _m_v, _c_v = int((_v_seul_q1 & _cancer_q1 & ~_alerte_q1).sum()), int((_v_seul_q1 & _cancer_q1).sum())
    _l_v = int(_v_seul_q1.sum())
    _f_v = int((_v_seul_q1 & ~_cancer_q1 & _alerte_q1).sum())
    _erreurs_q1 = [
        checks.Mistake(_m_v / _l_v, "mauvais dénominateur : vous avez divisé par toutes les lésions "
                       "du phototype. Un cancer ne peut être manqué que s'il existe : divisez par les "
                       "cancers."),
        checks.Mistake(_f_v / (_l_v - _c_v), "vous avez calculé le taux de faux positifs (les lésions "
                       "bénignes signalées à tort) ; la question porte sur les cancers manqués."),
        checks.Mistake((_c_v - _m_v) / _c_v, "vous avez calculé la sensibilité (les cancers signalés) ; "
                       "le taux de faux négatifs est son complément : les cancers manqués."),
        checks.Mistake(_m_v / (_l_v - _c_v), "mauvais dénominateur : vous avez divisé les cancers "
                       "manqués par les lésions bénignes. Le groupe de départ est celui des cancers."),
        checks.Mistake(_m_v / max(_c_v - _m_v, 1), "vous avez divisé les cancers manqués par les "
                       "cancers signalés : le dénominateur doit compter tous les cancers, signalés ou non."),
        checks.Mistake(_taux_q1(_vi_q1), _autre_q1 + "Votre consigne demande le taux de faux "
                       "négatifs du phototype V, pas du phototype VI."),
        *_erreurs_q1[:-1],
    ]


def _ensemble_q1(erreurs):
    # Review d23: on some copies two named mistakes give the same number at three decimals
    # (type VI's rate over all its lesions and type V's over its benign ones): the answer
    # cannot tell which was made, so the message names both (the first listed alone before).
    textes = {}
    for e in erreurs:
        textes.setdefault(round(float(e.value), 3), []).append(e.message)
    return [
        checks.Mistake(e.value, " Ce nombre peut aussi venir d'une autre erreur : ".join(
            dict.fromkeys(textes[round(float(e.value), 3)])))
        for e in erreurs
    ]


checks.check_number(fnr_fonce, name="fnr_fonce", expected=_cle_q1, decimals=3,
                    mistakes=_ensemble_q1(_erreurs_q1), points=2)
### END HIDDEN TESTS

# %% mistake="fnr_fonce" session="evaluation"
# message : cette réponse correspond à une autre consigne que la vôtre
fnr_fonce = (n_manques_v / n_cancers_v, n_manques_vi / n_cancers_vi)[VERSION_Q1]

# %% mistake="fnr_fonce" session="evaluation"
# message : vous avez calculé la sensibilité
fnr_fonce = (n_signales_vi / n_cancers_vi, n_signales_v / n_cancers_v)[VERSION_Q1]

# %% mistake="fnr_fonce"
# message : vous avez divisé par toutes les lésions
fnr_fonce = n_manques_vi / n_lesions_vi

# %% mistake="fnr_fonce"
# message : vous avez calculé le taux de faux positifs
fnr_fonce = n_fausses_alertes_vi / n_benignes_vi

# %% mistake="fnr_fonce"
# message : vous avez calculé la sensibilité
fnr_fonce = n_signales_vi / n_cancers_vi

# %% mistake="fnr_fonce"
# message : divisé les cancers manqués par les lésions bénignes
fnr_fonce = n_manques_vi / n_benignes_vi

# %% mistake="fnr_fonce" session="formative"
# message : fraction à l'envers
fnr_fonce = n_cancers_vi / n_manques_vi

# %% mistake="fnr_fonce"
# message : c'est le taux de tous les phototypes ensemble
fnr_fonce = taux_global

# %% mistake="fnr_fonce"
# message : par les cancers signalés
fnr_fonce = n_manques_vi / n_signales_vi

# %% mistake="fnr_fonce"
# message : c'est le taux du groupe V–VI
_v_vi = test[test["phototype"].isin(["V", "VI"])]
fnr_fonce = _v_vi["manque"].sum() / _v_vi["cancer"].sum()

# %% mistake="fnr_fonce" session="formative"
# message : c'est le taux du seul phototype V
fnr_fonce = comptes.loc["V", "manques"] / comptes.loc["V", "cancers"]

# %% [markdown]
# **Comparer deux groupes par leurs intervalles.** Un écart entre deux taux se compte en
# **points** : de 5 % à 12 %, 7 points. Pour ce modèle, sur ce test, au niveau 95 %
# (exemples inventés) :
#
# | Les deux intervalles | Exemple | Conclusion |
# |---|---|---|
# | sont séparés | 5 % (4 à 6 %) contre 12 % (10 à 14 %) | écart établi : le hasard l'explique mal |
# | contiennent chacun l'autre taux | 30 % (15 à 50 %) contre 25 % (19 à 32 %) | rien d'établi : ni écart, ni absence d'écart |
# | se chevauchent sans contenir l'autre taux | 10 % (8 à 12 %) contre 14 % (11 à 17 %) | il faut l'intervalle de l'écart (section 4) |

# %% [markdown] session="formative"
# ## 3. Le test de l'éditeur
#
# L'éditeur a testé l'application sur **2 000 lésions** (synthétiques) qu'il a **choisies** :
# 8 % de V et VI, comme son entraînement, soit **quelques dizaines de cancers** sur peau
# foncée. Parmi plusieurs tests de ce genre, il a **gardé celui qui le flatte** : sur peau
# foncée, l'application y manque moins de cancers que sur le test équilibré.

# %% [markdown] session="evaluation"
# ## 3. Le test de l'éditeur
#
# L'éditeur a testé l'application sur des lésions (synthétiques) **choisies** : 8 % de V et
# VI, comme son entraînement ; leur nombre est tiré pour votre copie. Parmi plusieurs tests,
# il a **gardé celui qui le flatte** : sur peau foncée, l'application y manque moins de
# cancers que sur le test équilibré.

# %% jupyter={"source_hidden": true} session="formative"
# Inutile de lire ce code (replié) : le test de l'éditeur, en entier, par phototype et par
# groupe.
global_editeur = ligne_taux(test_editeur)
print(
    f"L'éditeur annonce : « notre application manque {global_editeur['Taux']} des cancers "
    f"({global_editeur['Cancers manqués']}) »."
)
par_type = pd.DataFrame(
    {t: ligne_taux(test_editeur[test_editeur["phototype"] == t]) for t in PHOTOTYPES}
).T
display(
    fr_table(
        par_type.rename_axis("Phototype"),
        caption="Test de l'éditeur : taux de faux négatifs par phototype",
    )
)
fr_table(
    pd.DataFrame(
        {
            f"phototypes {g}": ligne_taux(test_editeur[test_editeur["phototype"].isin(t)])
            for g, t in GROUPES.items()
        }
    ).T,
    caption="Test de l'éditeur : taux de faux négatifs par groupe (comme en section 2)",
)


# %% [markdown] session="evaluation"
# ### Question 2 — Que reflète le taux annoncé ? (1 point)
#
# L'éditeur annonce **un seul** taux : tous les cancers manqués de son test sur tous ses
# cancers. Quel **poids** les phototypes V–VI ont-ils dans ce taux ? Écrivez `lecture_global`,
# une proportion (trois décimales), de préférence le calcul, avec les tableaux ci-dessous.
#
# <details><summary>Indice 1</summary>
#
# Dans le tableau par phototype, regardez les cancers de chaque ligne (le nombre après
# « sur ») : que pèse chaque ligne dans le total ?
# </details>

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : le test de l'éditeur, en entier, par phototype et par
# groupe, et le nombre de ses lésions. Exécutez-le.
import textwrap

global_editeur = ligne_taux(test_editeur)
print(
    f"L'éditeur annonce : « notre application manque {global_editeur['Taux']} des cancers "
    f"({global_editeur['Cancers manqués']}) »."
)
par_type = pd.DataFrame(
    {t: ligne_taux(test_editeur[test_editeur["phototype"] == t]) for t in PHOTOTYPES}
).T
display(
    fr_table(
        par_type.rename_axis("Phototype"),
        caption="Test de l'éditeur : taux de faux négatifs par phototype",
    )
)
display(
    fr_table(
        pd.DataFrame(
            {
                f"phototypes {g}": ligne_taux(test_editeur[test_editeur["phototype"].isin(t)])
                for g, t in GROUPES.items()
            }
        ).T,
        caption="Test de l'éditeur : taux de faux négatifs par groupe (comme en section 2)",
    )
)
print(f"Le test de l'éditeur compte {fr_number(N_TEST_EDITEUR, 0)} lésions.")

# %% [markdown] session="formative"
# ### Question 2 — Que reflète le taux annoncé ? (1 point)
#
# L'éditeur annonce **un seul** taux, calculé sur tous les cancers de son test. Ce taux global
# reflète… Écrivez l'une des réponses
# `"surtout les phototypes nombreux dans son test"`,
# `"chaque phototype, car le seuil est le même"`,
# `"surtout les phototypes rares, les plus difficiles"` ou
# `"les six phototypes, chacun pour un sixième"`.
#
# <details><summary>Indice 1</summary>
#
# Dans le tableau par phototype, regardez les cancers de chaque ligne (le nombre après
# « sur ») : que pèse chaque ligne dans le total ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Un exemple inventé : 90 cancers de phototype I, dont 9 manqués, et 10 cancers de
# phototype VI, dont 5 manqués. Calculez le taux global (tous les manqués sur tous les
# cancers), puis comparez-le au taux de chacun des deux groupes.
# </details>

# %% answer="lecture_global" session="formative"
lecture_global = ...
### BEGIN SOLUTION
lecture_global = "surtout les phototypes nombreux dans son test"
### END SOLUTION

# %% tests="lecture_global" points=1 session="formative"
# Vérification de la question 2 : exécutez cette cellule.
checks.check_choice(
    lecture_global,
    name="lecture_global",
    options=[
        "surtout les phototypes nombreux dans son test",
        "chaque phototype, car le seuil est le même",
        "surtout les phototypes rares, les plus difficiles",
        "les six phototypes, chacun pour un sixième",
    ],
    digest="afbb265fdaddfa8c",
    mistakes=[
        checks.Mistake(
            None,
            "un même seuil ne donne pas le même taux à chaque groupe : les "
            "taux du tableau par phototype diffèrent d'une ligne à l'autre. Un taux "
            "global n'est pas le taux de chaque groupe.",
            digest="2e1b953edfac0c50",
        ),
        checks.Mistake(
            None,
            "c'est l'inverse : chaque cancer compte une fois dans le total, si "
            "bien qu'un phototype rare, avec peu de cancers, pèse peu dans le taux "
            "global.",
            digest="516e103c4976f276",
        ),
        checks.Mistake(
            None,
            "ce serait la moyenne simple des six taux. Le taux global divise "
            "le total des cancers manqués par le total des cancers : chaque "
            "phototype pèse selon son nombre de cancers, pas pour un sixième.",
            digest="56e63ddd9d868a07",
        ),
    ],
    success="le taux global est une moyenne pondérée par les effectifs : il reflète surtout "
    "les phototypes nombreux du test, ici les peaux claires, et presque rien des phototypes V "
    "et VI. Demandez toujours le taux de chaque groupe.",
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    lecture_global,
    name="lecture_global",
    options=[
        "surtout les phototypes nombreux dans son test",
        "chaque phototype, car le seuil est le même",
        "surtout les phototypes rares, les plus difficiles",
        "les six phototypes, chacun pour un sixième",
    ],
    expected="surtout les phototypes nombreux dans son test",
)
### END HIDDEN TESTS

# %% mistake="lecture_global" session="formative"
# message : un même seuil ne donne pas le même taux
lecture_global = "chaque phototype, car le seuil est le même"

# %% mistake="lecture_global" session="formative"
# message : c'est l'inverse : chaque cancer compte une fois
lecture_global = "surtout les phototypes rares, les plus difficiles"

# %% mistake="lecture_global" session="formative"
# message : ce serait la moyenne simple des six taux
lecture_global = "les six phototypes, chacun pour un sixième"



# %% answer="lecture_global" session="evaluation"
lecture_global = ...
### BEGIN SOLUTION
_cancers_editeur = test_editeur[test_editeur["cancer"]]
lecture_global = _cancers_editeur["phototype"].isin(["V", "VI"]).sum() / len(_cancers_editeur)
### END SOLUTION

# %% tests="lecture_global" points=1 session="evaluation"
# Vérification de la question 2 : exécutez cette cellule.
checks.check_form(lecture_global, name="lecture_global", kind="number", decimals=3, bounds=(0, 1))
### BEGIN HIDDEN TESTS
import esn_teach.datasets as _lesions_q2
import esn_teach.explorers as _melanges_q2

# The key's logic (review d22, lecturer 2: a per-copy number, so that a whispered answer
# fails): the share of the vendor's cancers that are V-VI, their weight in its overall rate.
_v_q2 = _melanges_q2.skin_variant(checks.student_seed("05", announce=False))
_m_q2 = _melanges_q2.train_on_mix(
    0.08, n_train=10_000, n_validation=5_000, sensitivity=0.9, random_state=_v_q2.seed
)
_c_q2 = _melanges_q2.missed_by_group(
    _m_q2.model, _m_q2.threshold,
    _lesions_q2.make_skin_lesions(n_samples=_v_q2.editor_test_size, random_state=_v_q2.editor_test_seed).frame,
)
_fonce_q2, _clair_q2, _tous_q2 = _c_q2.loc["V–VI"], _c_q2.loc["I–II"], _c_q2.loc["Tous"]
_cle_q2 = float(_fonce_q2["cancers"] / _tous_q2["cancers"])
_erreurs_q2 = [
    (1 / 6, "ce serait le poids de chaque phototype dans une moyenne simple des six taux. Le taux "
     "global divise le total des cancers manqués par le total des cancers : chaque phototype pèse "
     "selon son nombre de cancers."),
    (1 / 3, "deux phototypes sur six ne pèsent pas un tiers : chaque phototype pèse selon son "
     "nombre de cancers dans le test de l'éditeur."),
    (float(_fonce_q2["missed"] / max(_tous_q2["missed"], 1)), "vous avez compté les cancers "
     "manqués : le poids d'un groupe dans le taux global se compte en cancers (le nombre après « sur »)."),
    (float(_fonce_q2["fnr"]), "c'est le taux de faux négatifs des V–VI, pas leur poids dans le taux "
     "global : comptez leurs cancers parmi tous les cancers."),
    (float(_fonce_q2["cancers"] / _clair_q2["cancers"]), "vous avez divisé par les cancers des I–II : "
     "le taux global compte les cancers de tous les phototypes."),
    (1 - _cle_q2, "c'est le poids de tous les autres phototypes ; la question porte sur les V–VI."),
    (0.08, "8 % est la part des V et VI parmi les lésions que l'éditeur a choisies ; le taux global "
     "se calcule sur les cancers : comptez-les dans les tableaux."),
]


def _ensemble_q2(erreurs):
    # Review d23 (as question 1): two named mistakes equal at three decimals share one message.
    textes = {}
    for e in erreurs:
        textes.setdefault(round(float(e.value), 3), []).append(e.message)
    return [
        checks.Mistake(e.value, " Ce nombre peut aussi venir d'une autre erreur : ".join(
            dict.fromkeys(textes[round(float(e.value), 3)])))
        for e in erreurs
    ]


checks.check_number(
    lecture_global, name="lecture_global", expected=_cle_q2, decimals=3,
    mistakes=_ensemble_q2([checks.Mistake(v, m) for v, m in _erreurs_q2 if abs(v - _cle_q2) > 0.0025]),
    points=1,
)
### END HIDDEN TESTS

# %% mistake="lecture_global" session="evaluation"
# message : chaque phototype pèse selon son nombre de cancers
lecture_global = 1 / 6

# %% mistake="lecture_global" session="evaluation"
# message : vous avez compté les cancers manqués
_fonce_editeur = test_editeur[test_editeur["phototype"].isin(["V", "VI"])]
lecture_global = _fonce_editeur["manque"].sum() / test_editeur["manque"].sum()

# %% mistake="lecture_global" session="evaluation"
# message : c'est le taux de faux négatifs des V–VI
_fonce_editeur = test_editeur[test_editeur["phototype"].isin(["V", "VI"])]
lecture_global = _fonce_editeur["manque"].sum() / _fonce_editeur["cancer"].sum()

# %% [markdown] session="formative"
# ### Question 3 — Que conclure, test par test ? (3a et 3b, 1 point chacune)
#
# Comparez les phototypes V–VI aux I–II : **3a**, sur le test **équilibré** (section 2) ;
# **3b**, sur le test **de l'éditeur** (section 3).
#
# <details><summary>Indice 1</summary>
#
# Pour chaque test, regardez combien de cancers compte chaque groupe (le nombre après
# « sur »), puis où se trouve chaque taux par rapport à l'intervalle de l'autre groupe.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Relisez la règle donnée juste après la question 1 et appliquez-la à chaque test
# séparément. Ne pas voir de différence prouve-t-il qu'il n'y en a pas ?
# </details>
#
# #### Question 3a — Le test équilibré (1 point)
#
# L'écart y est-il établi (pour ce modèle, sur ce test), et pourquoi ? Écrivez l'une des réponses
# `"oui : intervalles séparés, sur des centaines de cancers"`,
# `"oui : un taux observé plus haut suffit à l'établir"`,
# `"non : les deux intervalles se chevauchent en partie"` ou
# `"non : les intervalles sont trop larges pour conclure"`.

# %% answer="conclusion_equilibre" session="formative"
conclusion_equilibre = ...
### BEGIN SOLUTION
conclusion_equilibre = "oui : intervalles séparés, sur des centaines de cancers"
### END SOLUTION

# %% tests="conclusion_equilibre" points=1 session="formative"
# Vérification de la question 3a : exécutez cette cellule.
checks.check_choice(
    conclusion_equilibre,
    name="conclusion_equilibre",
    options=[
        "oui : intervalles séparés, sur des centaines de cancers",
        "oui : un taux observé plus haut suffit à l'établir",
        "non : les deux intervalles se chevauchent en partie",
        "non : les intervalles sont trop larges pour conclure",
    ],
    digest="23312542d735ef3e",
    mistakes=[
        checks.Mistake(
            None,
            "la conclusion est juste, pas la raison : un taux plus haut peut "
            "venir du seul hasard quand un groupe compte peu de cancers. Ce qui "
            "décide, ce sont les effectifs et la place des intervalles.",
            digest="70ddcf4d51a978ca",
        ),
        checks.Mistake(
            None,
            "relisez les bornes des deux groupes dans le tableau par groupe "
            "de la section 2 : la borne basse de l'un dépasse-t-elle la borne "
            "haute de l'autre ?",
            digest="e59a395f40ad401c",
        ),
        checks.Mistake(
            None,
            "avec des centaines de cancers par groupe, chaque intervalle ne "
            "fait que quelques points, bien moins que l'écart observé. La "
            "prudence n'est pas de ne jamais conclure.",
            digest="03b1da5b5bd4503b",
        ),
    ],
    success="des centaines de cancers par groupe et des intervalles séparés : le hasard seul "
    "explique mal cet écart, établi sur ce test ; un taux plus haut ne suffit pas à lui seul.",
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    conclusion_equilibre,
    name="conclusion_equilibre",
    options=[
        "oui : intervalles séparés, sur des centaines de cancers",
        "oui : un taux observé plus haut suffit à l'établir",
        "non : les deux intervalles se chevauchent en partie",
        "non : les intervalles sont trop larges pour conclure",
    ],
    expected="oui : intervalles séparés, sur des centaines de cancers",
)
### END HIDDEN TESTS

# %% mistake="conclusion_equilibre" session="formative"
# message : la conclusion est juste, pas la raison
conclusion_equilibre = "oui : un taux observé plus haut suffit à l'établir"

# %% mistake="conclusion_equilibre" session="formative"
# message : relisez les bornes des deux groupes
conclusion_equilibre = "non : les deux intervalles se chevauchent en partie"

# %% mistake="conclusion_equilibre" session="formative"
# message : La prudence n'est pas de ne jamais conclure
conclusion_equilibre = "non : les intervalles sont trop larges pour conclure"


# %% [markdown] session="evaluation"
# ### Question 3 — Que conclure, test par test ? (3a et 3b, 1 point chacune)
#
# Appliquez la règle des intervalles à chaque test (consigne et réponses sous chaque titre).
# Écrivez une lettre.
#
# <details><summary>Indice 1</summary>
#
# Pour chaque test, regardez combien de cancers compte chaque groupe (le nombre après
# « sur »), puis où se trouve chaque taux par rapport à l'intervalle de l'autre groupe.
# </details>
#
# #### Question 3a — Le test équilibré (1 point)

# %% session="evaluation" jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il affiche la consigne de la question 3a et ses
# réponses, tirées pour votre copie. Exécutez-le.
from esn_teach.datasets._skin_tasks import question_3a, question_3a_groups

GROUPES_Q3A = question_3a_groups(checks.student_seed("05", announce=False))
display(
    fr_table(
        pd.DataFrame(
            {
                f"phototype{'s' if len(t) > 1 else ''} {'–'.join(t)}": ligne_taux(
                    test[test["phototype"].isin(t)]
                )
                for t in GROUPES_Q3A
            }
        ).T,
        caption="Test équilibré : taux de faux négatifs des deux groupes de votre question 3a",
    )
)
CONSIGNE_Q3A, OPTIONS_Q3A = question_3a(checks.student_seed("05", announce=False))
LETTRES_Q3A = {}
print("Question 3a, votre consigne :", CONSIGNE_Q3A)
print("Les réponses possibles, dans un ordre tiré pour votre copie :")
ordre = np.random.default_rng([checks.student_seed("05", announce=False), 63]).permutation(4)
for lettre, numero in zip("abcd", ordre, strict=True):
    LETTRES_Q3A[OPTIONS_Q3A[numero]] = lettre
    print(textwrap.fill(f"{lettre}. {OPTIONS_Q3A[numero]}", width=92, subsequent_indent="   "))

# %% answer="conclusion_equilibre" session="evaluation"
conclusion_equilibre = ...
### BEGIN SOLUTION
_bornes_q3a = [
    proportion_ci(int(g["manque"].sum()), int(g["cancer"].sum()))
    for g in (test[test["phototype"].isin(t)] for t in GROUPES_Q3A)
]
_separes_q3a = _bornes_q3a[0][0] > _bornes_q3a[1][1] or _bornes_q3a[1][0] > _bornes_q3a[0][1]
conclusion_equilibre = LETTRES_Q3A[OPTIONS_Q3A[0 if not _separes_q3a else 2]]
### END SOLUTION

# %% tests="conclusion_equilibre" points=1 session="evaluation"
# Vérification de la question 3a : exécutez cette cellule.
checks.check_form(
    conclusion_equilibre, name="conclusion_equilibre", kind="choice", options=["a", "b", "c", "d"]
)
### BEGIN HIDDEN TESTS
import numpy as _tirage_q3a

import esn_teach.datasets as _lesions_q3a
import esn_teach.evaluation as _intervalles_q3a
import esn_teach.explorers as _melanges_q3a
from esn_teach.datasets._skin_tasks import question_3a_groups as _groupes_q3a

# The key's logic (review d18): are the Wilson intervals of the copy's two groups (fixed for
# its slot of the pool, review d20) apart on its balanced test? Recomputed from the copy's seed.
_graine_q3a = checks.student_seed("05", announce=False)
_v_q3a = _melanges_q3a.skin_variant(_graine_q3a)
_m_q3a = _melanges_q3a.train_on_mix(
    0.08, n_train=10_000, n_validation=5_000, sensitivity=0.9, random_state=_v_q3a.seed
)
_t_q3a = _lesions_q3a.make_skin_lesions(n_samples=12_000, type_shares=[1] * 6, random_state=_v_q3a.seed + 1).frame
_alerte_q3a = (
    _m_q3a.model.predict_proba(_t_q3a.drop(columns=["fitzpatrick", "malignant"]))[:, 1]
    >= _m_q3a.threshold
)
_cancer_q3a = _t_q3a["malignant"].to_numpy() == 1
_type_q3a = _t_q3a["fitzpatrick"].astype(str).to_numpy()
_bornes_q3a = []
for _groupe_q3a in _groupes_q3a(_graine_q3a):
    _garde_q3a = _cancer_q3a & _tirage_q3a.isin(_type_q3a, list(_groupe_q3a))
    _bornes_q3a.append(
        _intervalles_q3a.proportion_ci(
            int((_garde_q3a & ~_alerte_q3a).sum()), int(_garde_q3a.sum())
        )
    )
_separes_q3a = bool(_bornes_q3a[0][0] > _bornes_q3a[1][1] or _bornes_q3a[1][0] > _bornes_q3a[0][1])
_ordre_q3a = _tirage_q3a.random.default_rng([_graine_q3a, 63]).permutation(4)
# Options in the draw cell's order (alphabetical, the same four for both pairs).
_raisons_q3a = ["dedans", "proches", "separes", "taux"]
_lettre_q3a = {
    _raisons_q3a[int(numero)]: lettre for lettre, numero in zip("abcd", _ordre_q3a, strict=True)
}
_messages_q3a = {
    "taux": (
        "la conclusion est juste, pas la raison : un taux observé plus haut peut venir du seul "
        "hasard quand un groupe compte peu de cancers. Ce qui décide, c'est la place des intervalles."
        if _separes_q3a
        else "un taux observé plus haut ne suffit pas : ici, chaque taux est dans l'intervalle de "
        "l'autre, et le hasard du tirage peut expliquer l'écart."
    ),
    ("dedans" if _separes_q3a else "separes"): "relisez les bornes des deux groupes comparés : "
    + (
        "la borne basse de l'un dépasse la borne haute de l'autre, les intervalles sont séparés."
        if _separes_q3a
        else "chaque taux est dans l'intervalle de l'autre, les intervalles ne sont pas séparés."
    ),
    "proches": (
        "les intervalles sont séparés : l'écart est établi. Et, de toute façon, des taux proches "
        "ne prouvent pas l'absence d'écart."
        if _separes_q3a
        else "la conclusion (écart non établi) est juste, pas la raison : des taux proches ne prouvent "
        "pas l'absence d'écart. Chaque taux est dans l'intervalle de l'autre : un petit écart "
        "reste compatible avec ces données."
    ),
}
# For the marker of the reflection (criterion 2, review d20, lecturer 5): this copy's own
# citable figures (balanced test, per group, Wilson intervals), printed in the graded copy.
from esn_teach import fr_percent as _pct_q3a

_chiffres_q3a = []
for _nom_q3a, _types_q3a in (("I–II", ["I", "II"]), ("III–IV", ["III", "IV"]), ("V–VI", ["V", "VI"])):
    _garde_q3a = _cancer_q3a & _tirage_q3a.isin(_type_q3a, _types_q3a)
    _m_c_q3a, _n_c_q3a = int((_garde_q3a & ~_alerte_q3a).sum()), int(_garde_q3a.sum())
    _b_q3a, _h_q3a = _intervalles_q3a.proportion_ci(_m_c_q3a, _n_c_q3a)
    _chiffres_q3a.append(f"{_nom_q3a} {_pct_q3a(_m_c_q3a / _n_c_q3a)} ({_m_c_q3a} sur {_n_c_q3a}, "
                         f"{_pct_q3a(_b_q3a)} à {_pct_q3a(_h_q3a)})")
print("Pour le correcteur (réflexion, critère 2), les chiffres de cette copie, test équilibré, "
      "cancers manqués : " + " ; ".join(_chiffres_q3a) + ".")
checks.check_choice(
    conclusion_equilibre, name="conclusion_equilibre", options=["a", "b", "c", "d"],
    expected=_lettre_q3a["separes" if _separes_q3a else "dedans"],
    mistakes=[checks.Mistake(_lettre_q3a[cle], message) for cle, message in _messages_q3a.items()],
)
### END HIDDEN TESTS

# %% mistake="conclusion_equilibre" session="evaluation"
# message : un taux observé plus haut
conclusion_equilibre = LETTRES_Q3A[OPTIONS_Q3A[3]]

# %% mistake="conclusion_equilibre" session="evaluation"
# message : relisez les bornes des deux groupes comparés
_bornes_q3a = [
    proportion_ci(int(g["manque"].sum()), int(g["cancer"].sum()))
    for g in (test[test["phototype"].isin(t)] for t in GROUPES_Q3A)
]
_separes_q3a = _bornes_q3a[0][0] > _bornes_q3a[1][1] or _bornes_q3a[1][0] > _bornes_q3a[0][1]
conclusion_equilibre = LETTRES_Q3A[OPTIONS_Q3A[2 if not _separes_q3a else 0]]

# %% mistake="conclusion_equilibre" session="evaluation"
# message : des taux proches ne prouvent pas l'absence d'écart
conclusion_equilibre = LETTRES_Q3A[OPTIONS_Q3A[1]]

# %% [markdown] session="formative"
# #### Question 3b — Le test de l'éditeur (1 point)
#
# Que conclure ? Écrivez l'une des réponses
# `"les V–VI ont plus de cancers manqués que les I–II"`,
# `"les V–VI ont moins de cancers manqués que les I–II"`,
# `"pas d'écart : chaque taux est dans l'intervalle de l'autre"` ou
# `"rien d'établi : un écart de plusieurs points reste compatible"`.

# %% answer="conclusion_editeur" session="formative"
conclusion_editeur = ...
### BEGIN SOLUTION
conclusion_editeur = "rien d'établi : un écart de plusieurs points reste compatible"
### END SOLUTION

# %% tests="conclusion_editeur" points=1 session="formative"
# Vérification de la question 3b : exécutez cette cellule.
checks.check_choice(
    conclusion_editeur,
    name="conclusion_editeur",
    options=[
        "les V–VI ont plus de cancers manqués que les I–II",
        "les V–VI ont moins de cancers manqués que les I–II",
        "pas d'écart : chaque taux est dans l'intervalle de l'autre",
        "rien d'établi : un écart de plusieurs points reste compatible",
    ],
    digest="0fe21d4c5bf86be7",
    mistakes=[
        checks.Mistake(
            None,
            "vous avez repris la conclusion du test équilibré : chaque "
            "test se lit avec ses propres effectifs et ses propres intervalles.",
            digest="44495cadca033cf7",
        ),
        checks.Mistake(
            None,
            "vous avez comparé deux taux sans leurs intervalles : avec "
            "une poignée de cancers chez les V–VI, l'écart observé peut venir du "
            "hasard du tirage.",
            digest="2f9119befd5b746e",
        ),
        checks.Mistake(
            None,
            "ne pas voir d'écart ne prouve pas qu'il n'y en a pas : chaque taux "
            "dans l'intervalle de l'autre veut dire qu'un écart nul reste possible, "
            "pas qu'il est établi. Avec si peu de cancers, un grand écart reste "
            "possible aussi, dans un sens comme dans l'autre.",
            digest="f0c2eafb3faa2e11",
        ),
    ],
    success="même application, deux conclusions : une poignée de cancers ne permet de "
    "conclure ni à un écart, ni à son absence. Ce que l'éditeur aurait dû dire de son test.",
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    conclusion_editeur,
    name="conclusion_editeur",
    options=[
        "les V–VI ont plus de cancers manqués que les I–II",
        "les V–VI ont moins de cancers manqués que les I–II",
        "pas d'écart : chaque taux est dans l'intervalle de l'autre",
        "rien d'établi : un écart de plusieurs points reste compatible",
    ],
    expected="rien d'établi : un écart de plusieurs points reste compatible",
)
### END HIDDEN TESTS

# %% mistake="conclusion_editeur" session="formative"
# message : vous avez repris la conclusion du test équilibré
conclusion_editeur = "les V–VI ont plus de cancers manqués que les I–II"

# %% mistake="conclusion_editeur" session="formative"
# message : vous avez comparé deux taux sans leurs intervalles
conclusion_editeur = "les V–VI ont moins de cancers manqués que les I–II"

# %% mistake="conclusion_editeur" session="formative"
# message : ne pas voir d'écart ne prouve pas
conclusion_editeur = "pas d'écart : chaque taux est dans l'intervalle de l'autre"


# %% [markdown] session="evaluation"
# #### Question 3b — Le test de l'éditeur (1 point)
#
# Consigne et réponses : cellule ci-dessous.

# %% session="evaluation" jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il affiche la consigne de la question 3b et ses réponses,
# tirées pour votre copie. Exécutez-le.
from esn_teach.datasets._skin_tasks import question_3b

VERSION_Q3B = int(np.random.default_rng([checks.student_seed("05", announce=False), 54]).integers(2))
CONSIGNE_Q3B, OPTIONS_Q3B = question_3b(checks.student_seed("05", announce=False))
LETTRES_Q3B = {}
print("Question 3b, votre consigne :", CONSIGNE_Q3B)
print("Les réponses possibles, dans un ordre tiré pour votre copie :")
ordre = np.random.default_rng([checks.student_seed("05", announce=False), 64]).permutation(5)
for lettre, numero in zip("abcde", ordre, strict=True):
    LETTRES_Q3B[OPTIONS_Q3B[numero]] = lettre
    print(textwrap.fill(f"{lettre}. {OPTIONS_Q3B[numero]}", width=92, subsequent_indent="   "))

# %% answer="conclusion_editeur" session="evaluation"
conclusion_editeur = ...
### BEGIN SOLUTION
_bornes_q3b = [
    proportion_ci(int(g["manque"].sum()), int(g["cancer"].sum()))
    for g in (test_editeur[test_editeur["phototype"].isin(t)] for t in (["V", "VI"], ["I", "II"]))
]
_separes_q3b = _bornes_q3b[0][0] > _bornes_q3b[1][1] or _bornes_q3b[1][0] > _bornes_q3b[0][1]
conclusion_editeur = LETTRES_Q3B[OPTIONS_Q3B[0 if _separes_q3b else (4, 3)[VERSION_Q3B]]]
### END SOLUTION

# %% tests="conclusion_editeur" points=1 session="evaluation"
# Vérification de la question 3b : exécutez cette cellule.
checks.check_form(
    conclusion_editeur, name="conclusion_editeur", kind="choice", options=["a", "b", "c", "d", "e"]
)
### BEGIN HIDDEN TESTS
import numpy as _tirage_q3b

_version_q3b = int(_tirage_q3b.random.default_rng([checks.student_seed("05", announce=False), 54]).integers(2))
_ordre_q3b = _tirage_q3b.random.default_rng([checks.student_seed("05", announce=False), 64]).permutation(5)
# Options in the draw cell's order, by their content (the same five in both versions).
_sens_q3b = (["etabli", "bas", "haut", "egal", "rien"], ["etabli", "bas", "haut", "rien", "egal"])[_version_q3b]
_lettre_q3b = {_sens_q3b[int(numero)]: lettre for lettre, numero in zip("abcde", _ordre_q3b, strict=True)}
# The observed direction on the copy's vendor test (recomputed from its seed, review d14,
# finding 3): the decoy in that direction compares two rates without their intervals; the
# other one goes against what the copy shows.
import esn_teach.datasets as _lesions_q3b
import esn_teach.explorers as _melanges_q3b

_v_q3b = _melanges_q3b.skin_variant(checks.student_seed("05", announce=False))
_m_q3b = _melanges_q3b.train_on_mix(
    0.08, n_train=10_000, n_validation=5_000, sensitivity=0.9, random_state=_v_q3b.seed
)
_t_q3b = _lesions_q3b.make_skin_lesions(n_samples=_v_q3b.editor_test_size, random_state=_v_q3b.editor_test_seed).frame
_alerte_q3b = _m_q3b.model.predict_proba(_t_q3b.drop(columns=["fitzpatrick", "malignant"]))[:, 1] >= _m_q3b.threshold
_cancer_q3b = _t_q3b["malignant"].to_numpy() == 1
_type_q3b = _t_q3b["fitzpatrick"].astype(str).to_numpy()


def _compte_q3b(types):
    garde = _cancer_q3b & _tirage_q3b.isin(_type_q3b, types)
    return int((garde & ~_alerte_q3b).sum()), int(garde.sum())


import esn_teach.evaluation as _intervalles_q3b

# The key's logic (review d22, lecturer 2): are the Wilson intervals of V-VI and I-II apart
# on the copy's vendor's test (10 000 lesions on half the slots, 2 000 on the others)?
_fonce_q3b, _clair_q3b = _compte_q3b(["V", "VI"]), _compte_q3b(["I", "II"])
_b_f_q3b, _b_c_q3b = _intervalles_q3b.proportion_ci(*_fonce_q3b), _intervalles_q3b.proportion_ci(*_clair_q3b)
_separes_q3b = bool(_b_f_q3b[0] > _b_c_q3b[1] or _b_c_q3b[0] > _b_f_q3b[1])
_haut_q3b = _fonce_q3b[0] / _fonce_q3b[1] > _clair_q3b[0] / _clair_q3b[1]
_meme_sens_q3b = ("vous avez comparé deux taux sans leurs intervalles : avec une poignée de cancers "
                  "chez les V–VI, l'écart observé peut venir du hasard du tirage.")
_messages_q3b = {
    "haut" if _haut_q3b else "bas": (
        "la conclusion est juste, pas la raison : vous avez comparé deux taux sans leurs intervalles. "
        "Ce qui tranche ici, c'est qu'aucune valeur n'est commune aux deux intervalles."
        if _separes_q3b else _meme_sens_q3b
    ),
    "bas" if _haut_q3b else "haut": "ce n'est pas le sens observé sur ce test : dans votre copie, le "
    "taux observé des V–VI est " + ("plus haut" if _haut_q3b else "plus bas, et vous avez sans doute "
    "repris la conclusion du test équilibré") + ". Chaque test se lit avec ses propres effectifs et "
    "ses propres intervalles.",
    "egal": (
        "ne pas voir d'écart ne prouve pas qu'il n'y en a pas, et ici l'écart est établi : relisez "
        "les bornes, aucune valeur n'est commune aux deux intervalles."
        if _separes_q3b else
        "ne pas voir d'écart ne prouve pas qu'il n'y en a pas : chaque taux dans l'intervalle de "
        "l'autre veut dire qu'un écart nul reste possible, pas qu'il est établi. Avec si peu de "
        "cancers, un grand écart reste possible aussi, dans un sens comme dans l'autre."
    ),
    ("rien" if _separes_q3b else "etabli"): "relisez les bornes des V–VI et des I–II dans le tableau "
    "par groupe de l'éditeur : " + (
        "sur votre test, aucune valeur n'est commune aux deux intervalles, l'écart est établi."
        if _separes_q3b else
        "chaque taux tombe dans l'intervalle de l'autre ; avec une poignée de cancers chez les V–VI, "
        "rien n'est tranché."
    ),
}
checks.check_choice(
    conclusion_editeur, name="conclusion_editeur", options=["a", "b", "c", "d", "e"],
    expected=_lettre_q3b["etabli" if _separes_q3b else "rien"],
    mistakes=[checks.Mistake(_lettre_q3b[cle], message) for cle, message in _messages_q3b.items()],
)
### END HIDDEN TESTS

# %% mistake="conclusion_editeur" session="evaluation"
# message : vous avez comparé deux taux sans leurs intervalles
_fonce = test_editeur[test_editeur["phototype"].isin(["V", "VI"])]
_clair = test_editeur[test_editeur["phototype"].isin(["I", "II"])]
_plus_haut = _fonce["manque"].sum() / _fonce["cancer"].sum() > _clair["manque"].sum() / _clair["cancer"].sum()
conclusion_editeur = LETTRES_Q3B[
    f"{('', 'non : ')[VERSION_Q3B]}l'application manque "
    + ("plus souvent les cancers des V–VI (taux plus haut)" if _plus_haut
       else "moins souvent les cancers des V–VI (taux plus bas)")
]

# %% mistake="conclusion_editeur" session="evaluation"
# message : ce n'est pas le sens observé sur ce test
_fonce = test_editeur[test_editeur["phototype"].isin(["V", "VI"])]
_clair = test_editeur[test_editeur["phototype"].isin(["I", "II"])]
_plus_haut = _fonce["manque"].sum() / _fonce["cancer"].sum() > _clair["manque"].sum() / _clair["cancer"].sum()
conclusion_editeur = LETTRES_Q3B[
    f"{('', 'non : ')[VERSION_Q3B]}l'application manque "
    + ("moins souvent les cancers des V–VI (taux plus bas)" if _plus_haut
       else "plus souvent les cancers des V–VI (taux plus haut)")
]

# %% mistake="conclusion_editeur" session="evaluation"
# message : ne pas voir d'écart ne prouve pas
conclusion_editeur = LETTRES_Q3B[OPTIONS_Q3B[(3, 4)[VERSION_Q3B]]]

# %% mistake="conclusion_editeur" session="evaluation"
# message : relisez les bornes des V–VI et des I–II
_bornes_q3b = [
    proportion_ci(int(g["manque"].sum()), int(g["cancer"].sum()))
    for g in (test_editeur[test_editeur["phototype"].isin(t)] for t in (["V", "VI"], ["I", "II"]))
]
_separes_q3b = _bornes_q3b[0][0] > _bornes_q3b[1][1] or _bornes_q3b[1][0] > _bornes_q3b[0][1]
conclusion_editeur = LETTRES_Q3B[OPTIONS_Q3B[(4, 3)[VERSION_Q3B] if _separes_q3b else 0]]

# %% [markdown]
# ## 4. Et si l'on changeait les données d'entraînement ?
#
# On réentraîne l'application avec de 0 à 48 % de V et VI, mesurée sur le **même** test
# équilibré. Le tableau donne l'**écart** (taux des V–VI moins taux des I–II, en points) à
# 8 % (l'éditeur) et à 48 %.


# %% session="formative"
# Le tableau des écarts des questions 4a et 4b.
tableau_ecarts

# %% session="evaluation" jupyter={"source_hidden": true}
# Le tableau des écarts des questions 4a et 4b (inutile de lire ce code replié : exécutez-le).
display(tableau_ecarts)

# %% [markdown]
# ### Question 4a — Jusqu'où l'écart peut-il aller, à 48 % ? (1 point)
#
# À 48 %, quel est le **plus grand écart** (en points, une décimale) **compatible avec ces
# données** au niveau 95 % ? Écrivez `ecart_max_48`.
#
# <details><summary>Indice 1</summary>
#
# Que rassemble un intervalle à 95 % ? Cherchez, dans la bonne ligne, la valeur au-delà de
# laquelle un écart devient peu compatible avec ces données.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Le tableau donne déjà des points : recopiez le nombre tel quel (`3.7`, pas `0.037`) ; un
# intervalle « a à b » va de a, la plus petite valeur, à b, la plus grande.
# </details>

# %% answer="ecart_max_48" session="formative"
ecart_max_48 = ...
### BEGIN SOLUTION
ecart_max_48 = 5.2
### END SOLUTION

# %% answer="ecart_max_48" session="evaluation"
ecart_max_48 = ...
### BEGIN SOLUTION
ecart_max_48 = round(ecarts[parts[-1]][2], 1)
### END SOLUTION

# %% tests="ecart_max_48" points=1 session="formative"
# Vérification de la question 4a : exécutez cette cellule.
checks.check_number(
    ecart_max_48,
    name="ecart_max_48",
    digest="6f6a5f774bf0bd0a",
    decimals=1,
    mistakes=[
        checks.Mistake(
            None,
            "c'est le plus petit écart compatible avec les données (la borne "
            "basse) ; la question demande le plus grand.",
            digest="8680afb1fd9afe51",
        ),
        checks.Mistake(
            None,
            "c'est l'écart observé (colonne « Écart ») : avec le hasard du test, "
            "un écart réel plus grand reste compatible avec les données. Cherchez "
            "jusqu'où.",
            digest="2d8d1bbccb6bb30d",
        ),
        checks.Mistake(
            None,
            "c'est la ligne des données de l'éditeur (8 %) ; lisez celle de 48 %.",
            digest="6ec5696507121080",
        ),
        checks.Mistake(
            None,
            "vous avez écrit une proportion : le tableau donne des points, "
            "recopiez le nombre tel quel.",
            digest="79bb3e3c49e0134e",
        ),
        checks.Mistake(
            None,
            "c'est la bonne borne, arrondie à l'unité : recopiez le nombre du "
            "tableau avec sa décimale (x.y, pas x ; sinon, moitié des points).",
            digest="16e9cfd1fd613805",
        ),
    ],
    hint="Que rassemble un intervalle à 95 % ?",
    success="la borne haute de l'intervalle : le plus grand écart compatible avec ces "
    "données au niveau 95 %. Des écarts plus grands restent possibles, seulement peu "
    "compatibles avec les données.",
    points=1,
)
### BEGIN HIDDEN TESTS
_lignes = grille[grille["share"] == max(grille["share"])].set_index("group")
_fonce, _clair = _lignes.loc["V–VI"], _lignes.loc["I–II"]
_erreur = (
    _fonce["fnr"] * (1 - _fonce["fnr"]) / _fonce["cancers"]
    + _clair["fnr"] * (1 - _clair["fnr"]) / _clair["cancers"]
) ** 0.5
_cle_q4a = float(100 * (_fonce["fnr"] - _clair["fnr"] + 1.96 * _erreur))
checks.check_number(
    ecart_max_48,
    name="ecart_max_48",
    expected=_cle_q4a,
    decimals=1,
    # The header's rule (review d20, lecturer 1): the right bound without its decimal earns
    # half the points; the message names the rounding (« arrondi »), never « the calculation ».
    mistakes=[
        checks.Mistake(
            float(round(_cle_q4a)),
            "c'est la bonne borne, arrondie à l'unité : recopiez le nombre du tableau avec sa "
            "décimale (x.y, pas x ; sinon, moitié des points).",
        )
    ],
    points=1,
)
### END HIDDEN TESTS

# %% mistake="ecart_max_48" session="formative"
# message : c'est le plus petit écart compatible
ecart_max_48 = -0.7

# %% mistake="ecart_max_48" session="formative"
# message : c'est l'écart observé
ecart_max_48 = 2.3

# %% mistake="ecart_max_48" session="formative"
# message : c'est la ligne des données de l'éditeur
ecart_max_48 = 10.0

# %% mistake="ecart_max_48" session="formative"
# message : vous avez écrit une proportion
ecart_max_48 = 0.052

# %% mistake="ecart_max_48" session="formative"
# message : c'est la bonne borne, arrondie à l'unité
ecart_max_48 = 5

# %% tests="ecart_max_48" points=1 session="evaluation"
# Vérification de la question 4a : exécutez cette cellule.
checks.check_form(ecart_max_48, name="ecart_max_48", kind="number", decimals=1,
                  from_table=True)
### BEGIN HIDDEN TESTS
import esn_teach.explorers as _melanges_q4a

import esn_teach.datasets as _lesions_q4a

_v_q4a = _melanges_q4a.skin_variant(checks.student_seed("05", announce=False))
_test_q4a = _lesions_q4a.make_skin_lesions(n_samples=12_000, type_shares=[1] * 6, random_state=_v_q4a.seed + 1).frame


def _ecart_q4a(part):
    """The key's logic: gap V-VI minus I-II on the balanced test and its 95 % interval, in points."""
    entraine = _melanges_q4a.train_on_mix(part, n_train=10_000, n_validation=5_000, sensitivity=0.9,
                                          random_state=_v_q4a.seed)
    comptes = _melanges_q4a.missed_by_group(entraine.model, entraine.threshold, _test_q4a)
    fonce, clair = comptes.loc["V–VI"], comptes.loc["I–II"]
    ecart = fonce["fnr"] - clair["fnr"]
    erreur = (fonce["fnr"] * (1 - fonce["fnr"]) / fonce["cancers"]
              + clair["fnr"] * (1 - clair["fnr"]) / clair["cancers"]) ** 0.5
    return float(100 * (ecart - 1.96 * erreur)), float(100 * ecart), float(100 * (ecart + 1.96 * erreur))


# The key is the upper bound at 48 %; the vendor's line (8 %) gives a named mistake.
_bas_q4a, _observe_q4a, _haut_q4a = _ecart_q4a(0.48)
_editeur_q4a = _ecart_q4a(0.08)
_erreurs_q4a = [
    checks.Mistake(_bas_q4a, "c'est le plus petit écart compatible avec les données (la borne "
                   "basse) ; la question demande le plus grand."),
    checks.Mistake(_observe_q4a, "c'est l'écart observé (colonne « Écart ») : avec le hasard du "
                   "test, un écart réel plus grand reste compatible avec les données. Cherchez jusqu'où."),
    checks.Mistake(_editeur_q4a[1], "c'est la ligne des données de l'éditeur (8 %) ; lisez "
                   "celle de 48 %."),
    checks.Mistake(_haut_q4a / 100, "vous avez écrit une proportion : le tableau donne des points, "
                   "recopiez le nombre tel quel."),
    # The header's rule (review d20, lecturer 1): the right bound without its decimal earns
    # half the points; the message names the rounding (« arrondi »), never « the calculation ».
    checks.Mistake(float(round(_haut_q4a)), "c'est la bonne borne, arrondie à l'unité : recopiez "
                   "le nombre du tableau avec sa décimale (x.y, pas x ; sinon, moitié des points)."),
]
checks.check_number(ecart_max_48, name="ecart_max_48", expected=_haut_q4a, decimals=1,
                    mistakes=_erreurs_q4a, points=1,
                    hint="Que rassemble un intervalle à 95 % ? Lisez, dans la ligne à 48 %, la "
                    "borne qui limite les écarts compatibles avec les données.")
### END HIDDEN TESTS

# %% mistake="ecart_max_48" session="evaluation"
# message : c'est le plus petit écart compatible
ecart_max_48 = round(ecarts[parts[-1]][1], 1)

# %% mistake="ecart_max_48" session="evaluation"
# message : c'est l'écart observé
ecart_max_48 = round(ecarts[parts[-1]][0], 1)

# %% mistake="ecart_max_48" session="evaluation"
# message : c'est la ligne des données de l'éditeur
ecart_max_48 = round(ecarts[part_editeur][0], 1)

# %% mistake="ecart_max_48" session="evaluation"
# message : vous avez écrit une proportion
ecart_max_48 = round(ecarts[parts[-1]][2] / 100, 3)

# %% mistake="ecart_max_48" session="evaluation"
# message : c'est la bonne borne, arrondie à l'unité
ecart_max_48 = round(ecarts[parts[-1]][2])

# %% [markdown] session="formative"
# ### Question 4b — Et l'écart, à 48 % ? (1 point)
#
# À 48 %, que devient l'écart, intervalle compris ? Écrivez l'une des réponses
# `"l'écart a disparu"`,
# `"l'écart est réduit ; son intervalle contient 0 : pour ce modèle, sur ce test, on ne peut pas dire qu'il persiste"`,
# `"l'écart est réduit ; son intervalle exclut 0 : pour ce modèle, sur ce test, il persiste (au niveau 95 %)"`,
# `"l'écart est réduit, et l'intervalle exclut un écart de plus de 3 points"` ou
# `"on ne peut rien conclure : l'intervalle à 48 % est trop large"`.
#
# <details><summary>Indice 1</summary>
#
# Comparez d'abord les deux écarts : lequel est le plus petit ? Un écart positif veut dire que
# les phototypes V–VI ont plus de cancers manqués.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Lisez les deux bornes de l'intervalle à 48 % : que veut dire chacune ?
# </details>

# %% [markdown] session="evaluation"
# ### Question 4b — Et l'écart, à 48 % ? (1 point)
#
# À 48 %, que devient l'écart, intervalle compris ? Réponses : cellule ci-dessous. Écrivez
# une lettre, de `"a"` à `"d"`.
#
# <details><summary>Indice 1</summary>
#
# Comparez d'abord les deux écarts : lequel est le plus petit ? Un écart positif veut dire que
# les phototypes V–VI ont plus de cancers manqués.
# </details>

# %% session="evaluation" jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : les réponses de la question 4b, dans un ordre tiré pour
# votre copie. Exécutez-le.
OPTIONS_Q4B = [
    "l'écart a disparu : pour ce modèle, sur ce test, les V–VI et les I–II ont désormais le même "
    "taux",
    "l'écart est réduit ; son intervalle contient 0 : pour ce modèle, sur ce test, rien ne dit "
    "qu'il persiste",
    "l'écart est réduit ; son intervalle exclut 0 : pour ce modèle, sur ce test, il persiste "
    "(niveau 95 %)",
    "l'écart est réduit ; pour ce modèle, sur ce test, l'écart observé reste positif : cela "
    "suffit à dire qu'il persiste",
]
print("Question 4b, les réponses possibles, dans un ordre tiré pour votre copie :")
LETTRES_Q4B = {}
ordre = np.random.default_rng([checks.student_seed("05", announce=False), 65]).permutation(4)
for lettre, numero in zip("abcd", ordre, strict=True):
    LETTRES_Q4B[OPTIONS_Q4B[numero]] = lettre
    print(textwrap.fill(f"{lettre}. {OPTIONS_Q4B[numero]}", width=92, subsequent_indent="   "))

# %% answer="ecart_a_48" session="formative"
ecart_a_48 = ...
### BEGIN SOLUTION
ecart_a_48 = "l'écart est réduit ; son intervalle contient 0 : pour ce modèle, sur ce test, on ne peut pas dire qu'il persiste"
### END SOLUTION

# %% answer="ecart_a_48" session="evaluation"
ecart_a_48 = ...
### BEGIN SOLUTION
ecart_a_48 = LETTRES_Q4B[OPTIONS_Q4B[1 + int(ecarts[parts[-1]][1] > 0)]]
### END SOLUTION

# %% tests="ecart_a_48" points=1 session="formative"
# Vérification de la question 4b : exécutez cette cellule.
checks.check_choice(
    ecart_a_48,
    name="ecart_a_48",
    options=[
        "l'écart a disparu",
        "l'écart est réduit ; son intervalle contient 0 : pour ce modèle, sur ce test, on ne peut pas dire qu'il persiste",
        "l'écart est réduit ; son intervalle exclut 0 : pour ce modèle, sur ce test, il persiste (au niveau 95 %)",
        "l'écart est réduit, et l'intervalle exclut un écart de plus de 3 points",
        "on ne peut rien conclure : l'intervalle à 48 % est trop large",
    ],
    digest="806ad08b1a034eb2",
    mistakes=[
        checks.Mistake(
            None,
            "ne pas pouvoir exclure un écart nul ne prouve pas que l'écart est "
            "nul : l'intervalle contient aussi des écarts de plusieurs points "
            "(comme à la question 3).",
            digest="c3ebb92ec7d65faa",
        ),
        checks.Mistake(
            None,
            "vous avez lu l'écart sans son intervalle : à 48 %, regardez "
            "si l'intervalle de l'écart contient 0 avant de dire qu'un écart "
            "persiste.",
            digest="2ac1ccc382cd1155",
        ),
        checks.Mistake(
            None,
            "relisez la borne haute de l'intervalle à 48 % : elle dépasse "
            "3 points, si bien qu'un écart de plus de 3 points reste compatible avec "
            "les données.",
            digest="7b757145d0168371",
        ),
        checks.Mistake(
            None,
            "la prudence ne dispense pas de lire : l'écart à 48 % est plus petit "
            "qu'à 8 %, et ses deux bornes disent jusqu'où il peut aller. Regardez si "
            "l'intervalle contient 0.",
            digest="5a0002492197d1c3",
        ),
    ],
    success="ajouter des peaux foncées réduit l'écart ; l'intervalle ne permet ni d'affirmer "
    "qu'il a disparu, ni d'exclure qu'il reste de plusieurs points.",
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    ecart_a_48,
    name="ecart_a_48",
    options=[
        "l'écart a disparu",
        "l'écart est réduit ; son intervalle contient 0 : pour ce modèle, sur ce test, on ne peut pas dire qu'il persiste",
        "l'écart est réduit ; son intervalle exclut 0 : pour ce modèle, sur ce test, il persiste (au niveau 95 %)",
        "l'écart est réduit, et l'intervalle exclut un écart de plus de 3 points",
        "on ne peut rien conclure : l'intervalle à 48 % est trop large",
    ],
    expected="l'écart est réduit ; son intervalle contient 0 : pour ce modèle, sur ce test, on ne peut pas dire qu'il persiste",
)
### END HIDDEN TESTS

# %% mistake="ecart_a_48" session="formative"
# message : ne pas pouvoir exclure un écart nul
ecart_a_48 = "l'écart a disparu"

# %% mistake="ecart_a_48" session="formative"
# message : vous avez lu l'écart sans son intervalle
ecart_a_48 = "l'écart est réduit ; son intervalle exclut 0 : pour ce modèle, sur ce test, il persiste (au niveau 95 %)"

# %% mistake="ecart_a_48" session="formative"
# message : relisez la borne haute
ecart_a_48 = "l'écart est réduit, et l'intervalle exclut un écart de plus de 3 points"

# %% mistake="ecart_a_48" session="formative"
# message : la prudence ne dispense pas de lire
ecart_a_48 = "on ne peut rien conclure : l'intervalle à 48 % est trop large"

# %% tests="ecart_a_48" points=1 session="evaluation"
# Vérification de la question 4b : exécutez cette cellule.
checks.check_form(ecart_a_48, name="ecart_a_48", kind="choice", options=["a", "b", "c", "d"])
### BEGIN HIDDEN TESTS
import esn_teach.datasets as _lesions_q4b
import esn_teach.explorers as _melanges_q4b
import numpy as _tirage_q4b

# The key's logic: does the interval of the gap V-VI minus I-II at 48 % (balanced test) lie
# above 0? Recomputed from the copy's seed (the library gives the seeds only).
_v_q4b = _melanges_q4b.skin_variant(checks.student_seed("05", announce=False))
_m_q4b = _melanges_q4b.train_on_mix(0.48, n_train=10_000, n_validation=5_000, sensitivity=0.9,
                                    random_state=_v_q4b.seed)
_c_q4b = _melanges_q4b.missed_by_group(
    _m_q4b.model, _m_q4b.threshold,
    _lesions_q4b.make_skin_lesions(n_samples=12_000, type_shares=[1] * 6, random_state=_v_q4b.seed + 1).frame,
)
_fonce_q4b, _clair_q4b = _c_q4b.loc["V–VI"], _c_q4b.loc["I–II"]
_erreur_q4b = (_fonce_q4b["fnr"] * (1 - _fonce_q4b["fnr"]) / _fonce_q4b["cancers"]
               + _clair_q4b["fnr"] * (1 - _clair_q4b["fnr"]) / _clair_q4b["cancers"]) ** 0.5
_persiste_q4b = bool(_fonce_q4b["fnr"] - _clair_q4b["fnr"] - 1.96 * _erreur_q4b > 0)
_ordre_q4b = _tirage_q4b.random.default_rng([checks.student_seed("05", announce=False), 65]).permutation(4)
# Options in the draw cell's order: disparu, contient 0, exclut 0, then « l'écart observé
# reste positif : cela suffit » (the gap read without its interval, a wrong reason on every
# copy: review d16, finding 1).
_sens_q4b = ["disparu", "contient", "exclut", "positif"]
_lettre_q4b = {_sens_q4b[int(numero)]: lettre for lettre, numero in zip("abcd", _ordre_q4b, strict=True)}
_messages_q4b = {
    "disparu": (
        "l'intervalle de l'écart à 48 % est tout entier au-dessus de 0 : l'écart n'a pas disparu"
        if _persiste_q4b else
        "ne pas pouvoir exclure un écart nul ne prouve pas que l'écart est nul : l'intervalle "
        "contient aussi des écarts de plusieurs points (comme à la question 3)"
    ) + " ; relisez les deux bornes de l'intervalle à 48 %.",
    ("contient" if _persiste_q4b else "exclut"): (
        "relisez la borne basse de l'intervalle de l'écart à 48 % : elle est au-dessus de 0, "
        "l'intervalle ne contient donc pas 0."
        if _persiste_q4b else
        "relisez la borne basse de l'intervalle de l'écart à 48 % : elle est sous 0, "
        "l'intervalle contient donc 0 ; on ne peut pas dire que l'écart persiste."
    ),
    "positif": (
        "la conclusion est juste, pas sa raison : "
        if _persiste_q4b else
        "vous avez lu l'écart sans son intervalle : "
    ) + "un écart observé positif ne suffit pas à dire qu'il persiste (le hasard du test peut "
    "le donner). C'est l'intervalle de l'écart à 48 % qui le dit : regardez s'il contient 0.",
}
checks.check_choice(
    ecart_a_48, name="ecart_a_48", options=["a", "b", "c", "d"],
    expected=_lettre_q4b["exclut" if _persiste_q4b else "contient"],
    mistakes=[checks.Mistake(_lettre_q4b[cle], message) for cle, message in _messages_q4b.items()],
)
### END HIDDEN TESTS

# %% mistake="ecart_a_48" session="evaluation"
# message : relisez les deux bornes de l'intervalle à 48 %
ecart_a_48 = LETTRES_Q4B[OPTIONS_Q4B[0]]

# %% mistake="ecart_a_48" session="evaluation"
# message : relisez la borne basse de l'intervalle de l'écart à 48 %
ecart_a_48 = LETTRES_Q4B[OPTIONS_Q4B[2 - int(ecarts[parts[-1]][1] > 0)]]

# %% mistake="ecart_a_48" session="evaluation"
# message : un écart observé positif ne suffit pas à dire qu'il persiste
ecart_a_48 = LETTRES_Q4B[OPTIONS_Q4B[3]]

# %% [markdown]
# ## Après la séance
#
# ### Toutes les parts, de 0 à 48 % : l'explorateur
#
# Chaque position du curseur (souris ou **flèches**) est un modèle entraîné avec cette part de
# phototypes V et VI, testé sur le même test équilibré. Suivez le taux de chaque groupe.
#
# <details><summary>Comment les intervalles sont calculés (pour aller plus loin)</summary>
#
# L'intervalle de l'écart, dans le tableau des écarts, se calcule par la méthode de Wald
# (différence de deux proportions), celui de chaque taux des tableaux par groupe par la
# méthode de Wilson : avec des centaines de cancers par groupe, les deux sont fiables.
# </details>

# %%
# L'explorateur : bougez le curseur.
melange = TrainingMixExplorer(grille, share=PART_V_VI_EDITEUR, n_train=N_ENTRAINEMENT)
display(melange)

# %% [markdown]
# ### D'où vient l'écart, et ce que les données ne règlent pas
#
# > **Ce que ce module montre, et ce qu'il ne montre pas.**
# > - **La méthode vaut pour tout outil** : les étapes des sections 1 à 4 se refont sur
# >   n'importe quelle application, avec ses propres données et ses propres tests.
# > - **Les chiffres viennent du générateur** : l'écart, sa taille et sa baisse avec plus de
# >   peaux foncées suivent un mécanisme inventé ; pour un vrai outil, ils se mesurent.
# > - **Il ne montre pas** qu'une application réelle manque plus de mélanomes sur peau foncée :
# >   les études réelles (plus bas) le font craindre, seule une évaluation le dit.

# %% [markdown] reveal="conclusion_equilibre" session="evaluation"
# Sur le test équilibré, deux causes se mêlent. Les peaux foncées sont peu présentes dans
# l'entraînement ; et notre générateur leur donne une autre présentation des cancers, qui se
# lisent moins à la couleur, davantage à la forme : un **mécanisme inventé pour l'exercice**
# (voir la fiche et le paragraphe suivant), pas un fait de dermatologie. Le taux suit
# d'ailleurs la clarté de la peau autant que la représentation : comparez, dans le tableau par
# groupe de la section 2, le taux des phototypes III–IV, pourtant nombreux dans l'entraînement
# (tableau de la section 1), à celui des I–II. La cellule ci-dessous compte aussi les **fausses alertes**
# de chaque groupe : baisser le seuil pour manquer moins de cancers chez les peaux foncées y
# ajouterait des fausses alertes.

# %% [markdown] reveal="conclusion_equilibre" session="formative"
# Sur le test équilibré, deux causes se mêlent. Les peaux foncées sont peu présentes dans
# l'entraînement ; et notre générateur leur donne une autre présentation des cancers, qui se
# lisent moins à la couleur, davantage à la forme : un **mécanisme inventé pour l'exercice**
# (voir la fiche et le paragraphe suivant), pas un fait de dermatologie. Le taux suit
# d'ailleurs la clarté de la peau autant que la représentation : les phototypes III–IV,
# pourtant nombreux dans l'entraînement (25 % + 12 %), ont un taux de faux négatifs presque
# double de celui des I–II. Les peaux foncées reçoivent aussi **plus de fausses
# alertes** (cellule ci-dessous) : baisser le seuil pour y manquer moins de cancers y
# ajouterait encore des fausses alertes.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : les fausses alertes du test équilibré, par groupe.
benignes = test[~test["cancer"]]
for g, t in GROUPES.items():
    groupe = benignes[benignes["phototype"].isin(t)]
    print(
        f"Fausses alertes, phototypes {g} : {fr_percent(groupe['fausse_alerte'].mean())} "
        f"des lésions bénignes ({int(groupe['fausse_alerte'].sum())} sur {len(groupe)})."
    )

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : la fiche des données synthétiques (mécanisme inventé
# compris), repliée : cliquez sur son titre pour la déplier.
display(data_card(jeu))

# %% [markdown] reveal="ecart_a_48" session="evaluation"
# Ici, ajouter des peaux foncées a réduit l'écart ; l'intervalle à 48 % dit s'il en reste un.
# Dans nos données (mécanisme inventé), la malignité se voit moins à la **couleur** sur peau
# foncée, davantage à la **forme**, et un seul modèle linéaire ne s'adapte pas entièrement aux
# deux. Des données plus variées peuvent aider sans suffire ; quand l'écart vient de
# l'étiquetage, de la qualité des images ou de lésions plus difficiles à reconnaître, elles
# peuvent ne rien changer. Dans l'explorateur, suivez aussi les taux des III–IV et des I–II :
# un écart se réduit aussi quand le groupe le moins touché va moins bien. Lisez les deux taux,
# pas seulement leur différence.

# %% [markdown] reveal="ecart_a_48" session="formative"
# Ici, ajouter des peaux foncées a réduit l'écart, sans garantir de l'effacer : dans nos
# données (mécanisme inventé), la malignité se voit moins à la **couleur** sur peau foncée,
# davantage à la **forme**, et un seul modèle linéaire ne s'adapte pas entièrement aux deux.
# Des données plus variées peuvent aider sans suffire ; quand l'écart vient de l'étiquetage,
# de la qualité des images ou de lésions plus difficiles à reconnaître, elles peuvent ne rien
# changer. Dans l'explorateur, le taux des
# III–IV baisse aussi, celui des I–II remonte un peu à 48 % : un écart se réduit aussi quand
# le groupe le moins touché va moins bien. Lisez les deux taux, pas seulement leur différence.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : à 48 %, l'écart avec le seuil de l'éditeur, les fausses
# alertes des I–II, et l'écart avec d'autres tirages de l'entraînement.
from esn_teach.explorers import missed_by_group, sensitivity_threshold

GRAINES_AUTRES = range(10, 16)  # six autres tirages de l'entraînement et de la validation


def ecart_modele(entraine, seuil_choisi):
    """Écart V–VI moins I–II (en points) d'un modèle, sur le test équilibré."""
    taux = missed_by_group(entraine.model, seuil_choisi, jeu.frame)["fnr"]
    return 100 * (taux["V–VI"] - taux["I–II"])


def fausses_alertes_clairs(entraine):
    """Part des lésions bénignes des phototypes I–II que le modèle signale."""
    clairs = test[~test["cancer"] & test["phototype"].isin(GROUPES["I–II"])]
    mesures = clairs[list(editeur.train.columns.drop(["fitzpatrick", "malignant"]))]
    return float((entraine.model.predict_proba(mesures)[:, 1] >= entraine.threshold).mean())


if checks.passed("ecart_a_48"):
    reglages = dict(n_train=N_ENTRAINEMENT, n_validation=N_VALIDATION)
    a_48 = train_on_mix(parts[-1], sensitivity=SENSIBILITE_VISEE, random_state=GRAINE, **reglages)
    scores_validation_editeur = a_48.model.predict_proba(
        editeur.validation.drop(columns=["fitzpatrick", "malignant"])
    )[:, 1]
    seuil_editeur = sensitivity_threshold(
        editeur.validation["malignant"], scores_validation_editeur, SENSIBILITE_VISEE
    )
    print(
        f"Entraînement à {fr_percent(parts[-1], 0)}, seuil choisi sur la validation de "
        f"l'éditeur ({fr_percent(PART_V_VI_EDITEUR, 0)}) : écart de "
        f"{points(ecart_modele(a_48, seuil_editeur))} points "
        f"(avec sa propre validation : {points(ecart_modele(a_48, a_48.threshold))})."
    )
    print(
        f"Fausses alertes des phototypes I–II : {fr_percent(fausses_alertes_clairs(editeur))} "
        f"avec les données de l'éditeur, {fr_percent(fausses_alertes_clairs(a_48))} à "
        f"{fr_percent(parts[-1], 0)}."
    )
    autres = [
        ecart_modele(m, m.threshold)
        for m in (
            train_on_mix(parts[-1], sensitivity=SENSIBILITE_VISEE, random_state=g, **reglages)
            for g in GRAINES_AUTRES
        )
    ]
    print(
        f"Écart à {fr_percent(parts[-1], 0)} avec {len(autres)} autres tirages de "
        f"l'entraînement : de {points(min(autres))} à {points(max(autres))} points."
    )
else:
    print(
        "Ces résultats s'affichent ici quand la vérification de la question 4b a affiché "
        "« ✔ Correct » : relancez alors cette cellule. En séance évaluée, ils restent masqués "
        "(ils donneraient la réponse) ; le passage « Ce que le curseur change » en donne les "
        "chiffres pour les lésions de la version d'entraînement du module."
    )

# %% [markdown] reveal="ecart_a_48" session="evaluation"
# **Ce que le curseur change.** Il change l'entraînement **et** la validation qui fixe le
# seuil. La cellule ci-dessus reste masquée dans votre copie ; voici ses chiffres pour les
# lésions de la version d'entraînement du module (graines 6 et 9) : **ce ne sont pas vos
# chiffres, ne les citez pas** dans la réflexion. Le modèle entraîné à 48 %,
# avec le seuil choisi sur la validation de l'éditeur, garde un petit écart (2,6 points),
# proche de celui qu'il a avec son propre seuil (2,3) : ce n'est pas le seuil seul qui réduit
# l'écart. Le prix se lit ailleurs : les fausses alertes des phototypes I–II passent de 19,6 %
# (données de l'éditeur) à 22,8 % (48 %). Enfin, l'intervalle des questions 4a et 4b ne compte
# pas le hasard de l'entraînement : avec six autres tirages, l'écart à 48 % va de 0,5 à
# 2,5 points.

# %% [markdown] reveal="ecart_a_48" session="formative"
# **Ce que le curseur change.** Il change l'entraînement **et** la validation qui fixe le
# seuil. Avec le modèle entraîné à 48 % mais le seuil choisi sur la validation de l'éditeur,
# l'écart reste petit, proche de celui obtenu avec son propre seuil (cellule ci-dessus) : ce
# n'est pas le seuil seul qui le réduit. Le prix se lit ailleurs : à 48 %, les phototypes I–II reçoivent plus de fausses
# alertes. Enfin, l'intervalle des questions 4a et 4b ne compte pas le hasard de l'entraînement :
# d'un tirage à l'autre, l'écart à 48 % change (dernière ligne de la cellule).

# %% [markdown]
# ### Des sous-groupes encore plus petits
#
# Découpons encore le test de l'éditeur selon la **taille** de la lésion (6 mm ou plus, l'un
# des critères cliniques d'alerte) : c'est une **analyse en sous-groupes** (la taille décrit
# la lésion, pas le patient). Regardez la largeur de chaque intervalle.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : test de l'éditeur, phototype × taille de la lésion.
cases = {}
for t in ["I", "V", "VI"]:
    for grande, nom in ((True, "6 mm ou plus"), (False, "moins de 6 mm")):
        choix = (test_editeur["phototype"] == t) & ((test_editeur["diameter_mm"] >= 6) == grande)
        cases[f"{t}, {nom}"] = ligne_taux(test_editeur[choix])
fr_table(
    pd.DataFrame(cases).T.rename_axis("Phototype, taille"),
    caption="Test de l'éditeur : taux de faux négatifs par phototype et taille",
)

# %% [markdown] reveal="conclusion_editeur" session="evaluation"
# Plus le sous-groupe est petit, plus l'intervalle grandit : comptez les cancers de chaque case
# avant de lire un écart. Une case de quelques cancers ne permet de conclure ni à un écart, ni
# à son absence.

# %% [markdown] reveal="conclusion_editeur" session="formative"
# Plus le sous-groupe est petit, plus l'intervalle grandit. Il y a si peu de cancers par case
# que les intervalles couvrent des écarts de dizaines de points : rien n'est établi. Comme le
# test de l'éditeur entier pour les phototypes V–VI, ces petits sous-groupes ne permettent de
# conclure ni à un écart, ni à son absence.

# %% [markdown]
# ### Ce que disent les études réelles
#
# Groh et al. (2021) ont annoté 16 577 images de deux atlas de dermatologie : les peaux
# claires y sont bien plus nombreuses que les peaux foncées, et le modèle entraîné était le
# plus exact sur les phototypes proches de ceux de son entraînement. Daneshjou et al. (2022)
# ont constitué un jeu de 656 images confirmées par biopsie, aux peaux variées : trois modèles
# publiés y faisaient moins bien, surtout sur peaux foncées, tout comme des dermatologues ;
# ajustés sur ces images, les modèles ont comblé l'écart sur ce jeu. Ce résultat vaut pour ces
# modèles d'images, bien plus souples que notre modèle linéaire, et pour ce jeu : il ne dit
# rien d'un autre outil, dont l'écart se mesure de nouveau. Adamson et Smith (2018)
# avaient alerté sur ce risque. En radiologie thoracique, Seyyed-Kalantari et al. (2021) ont
# trouvé plus de **sous-diagnostics** (faux « normal ») chez des patients déjà moins bien
# soignés, et davantage encore à leurs intersections (par exemple femmes hispaniques).

# %% [markdown]
# ### Ce que dit le droit
#
# > **L'essentiel, pour l'acheteur.** Aujourd'hui, les leviers sont le **droit des dispositifs
# > médicaux** (MDR), qui s'applique déjà, et le **contrat**. L'hôpital peut demander à
# > l'éditeur la composition de ses données et ses résultats **par phototype**, et les
# > exiger dans le contrat. Le règlement européen sur l'IA ajoutera des règles sur les
# > données, plus tard (2028).
#
# <details><summary>Le détail (pour aller plus loin)</summary>
#
# Le règlement européen sur l'intelligence artificielle (règlement (UE) 2024/1689) fait de la
# représentativité une obligation pour les systèmes d'IA « à haut risque ». Trois questions.
#
# - **S'applique-t-il à cette application ?** Un dispositif médical qui utilise l'IA est « à
#   haut risque » **par la voie de l'article 6, paragraphe 1**, si l'IA est elle-même le
#   dispositif ou un composant de sécurité de celui-ci, et si ce dispositif doit passer par un
#   **organisme notifié** (un organisme indépendant qui évalue sa conformité). L'annexe III
#   (article 6, paragraphe 2), qui liste des usages, est une autre voie.
# - **Que demande l'article 10 ?** Dans son texte de 2024, il demande des données
#   d'entraînement, de validation **et** de test pertinentes et suffisamment représentatives,
#   avec les propriétés statistiques appropriées, y compris, le cas échéant, pour les groupes
#   de personnes auprès desquels le système sera utilisé, et qu'on y cherche les biais. La
#   section 2 en donne un exemple : le seuil visait 90 % des cancers ; sur le test équilibré,
#   il en signale moins. La validation qui l'a fixé était tirée comme l'entraînement (surtout
#   des peaux claires), donc pas plus représentative que lui. Le texte ne fixe aucun seuil
#   chiffré : l'éditeur (le « fabricant » au sens du MDR) doit montrer ce qu'il a fait, et
#   l'acheteur peut le lui demander.
# - **Quand ?** Pour ces dispositifs, ces règles ne s'appliqueront qu'à partir du 2 août 2028 :
#   le règlement (UE) 2026/1744 les a reportées à cette date. Pour l'application que
#   l'hôpital achète aujourd'hui, les vrais leviers sont donc le MDR et le contrat. Une
#   révision du MDR, proposée par la Commission le 16 décembre 2025, n'est pas adoptée.
#
# **Le droit des dispositifs médicaux, lui, s'applique déjà.** Le règlement (UE) 2017/745
# (MDR) exige une **évaluation clinique** : des données cliniques qui montrent que le
# dispositif est sûr et performant dans l'utilisation à laquelle le fabricant le destine, selon
# un plan qui précise les groupes de patients visés (article 61 et annexe XIV). Un logiciel
# qui fournit des informations pour décider d'un diagnostic, comme cette application, est de
# classe IIa au moins (règle 11) : il passe donc par un organisme notifié, ce qui le fait
# entrer dans l'article 6, paragraphe 1, du règlement sur l'IA (cellule ci-dessous). La
# révision du MDR proposée le 16 décembre 2025 réécrirait cette règle 11 : si elle est adoptée,
# la classe de ce logiciel, et donc son entrée par l'article 6, paragraphe 1, pourraient changer.
# </details>

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : l'article 10 et les deux règles du MDR, tirés de la
# bibliothèque du cours.
from IPython.display import Markdown

from esn_teach.law import LEGAL_FACTS_LAST_CHECKED, reference

for cle in ("IA 10", "MDR 61", "MDR règle 11"):
    texte = reference(cle)
    display(
        Markdown(f"**{texte.citation}** ({' '.join(texte.date_label.split())}) — {texte.summary}")
    )
print(f"Textes vérifiés le {LEGAL_FACTS_LAST_CHECKED:%d/%m/%Y} (résumés, pas des citations).")

# %% [markdown]
# ### Réflexion — Qui collecte les données, et pour qui ? (3 points, corrigée par l'enseignant)
#
# Votre hôpital s'apprête à acheter une application de dermatologie qui signale les lésions
# suspectes. Ses patients ont toutes les couleurs de peau. En 10 à 15 lignes, depuis votre
# futur métier (à rédiger après la séance, à rendre comme l'indique votre enseignant·e) :
#
# - quelles questions posez-vous à l'éditeur sur ses données d'entraînement et sur son test ?
# - quel chiffre **de votre copie** (tableaux des sections 2 à 4) appuie votre demande, avec
#   son dénominateur ?
# - que faites-vous si l'éditeur ne fournit aucun résultat par phototype ?
#
# **Ce qui est noté** (trois critères, 1 point chacun ; 0,5 si l'une des deux moitiés
# manque) :
#
# 1. vous demandez la composition des données **par groupe** (phototype ou couleur de peau),
#    **et**, au choix, vous la comparez aux patients de l'hôpital **ou**, si leur phototype
#    n'est pas connu, vous proposez de le recueillir ou de l'estimer. Bon à savoir (le mentionner est
#    un plus, non exigé) : noté dans le dossier, le phototype est une **donnée de santé**
#    (RGPD, article 4, point 15, et considérant 35), catégorie particulière comme l'origine
#    ethnique (RGPD, article 9) ; recueilli pour le soin, le réutiliser pour évaluer un outil
#    demande un cadre (en France, la loi Informatique et Libertés ; le délégué à la
#    protection des données vous le dira) ;
# 2. vous demandez (ou citez) des résultats **par groupe** **et** vous citez un chiffre **de
#    votre copie**, tel que l'affichent ses tableaux (sections 2 à 4), **avec son
#    dénominateur** (« … parmi les cancers de … »), de préférence avec son intervalle. C'est
#    un chiffre d'exercice : ne l'attribuez pas à un outil réel ;
# 3. vous dites ce que cette absence de résultats par groupe signifie pour votre décision
#    **et** vous proposez une action concrète qui y répond (celle de votre métier : soin,
#    contrat, information, suivi…). Une conclusion tranchée (« l'outil est raciste », « il
#    marche pour tous ») sans chiffre ni intervalle pour l'appuyer ne peut pas avoir plus de
#    0,5 à ce critère.

# %% [markdown] written="reflexion_donnees" points=3
# ### BEGIN SOLUTION
# *Guide de correction (enseignants ; retiré de la version étudiante).* Trois critères, chacun
# noté **0**, **0,5** ou **1** point. En séance évaluée, la réflexion est rédigée après la
# séance et rendue à part (un devoir Moodle, par exemple) : saisissez sa note à la main dans
# le formgrader, sur cette cellule de la copie ramassée.
#
# **Critère 1 — Les bonnes questions sur les données**, valeur
# V4 — Prudence, esprit critique et inclusivité.
#
# - **1** : la copie (A) demande la composition des données **par groupe** (phototype ou
#   couleur de peau) **et**, au choix, (B) la compare aux patients de l'hôpital **ou** (C)
#   propose de recueillir ou d'estimer le phototype de ces patients (souvent inconnu ;
#   l'origine ethnique n'est pas exigée) : A et (B ou C). Le phototype noté dans le dossier est une donnée de santé (RGPD, art. 4, point 15, et
#   considérant 35), catégorie particulière de l'article 9 comme l'origine ethnique : recueilli
#   pour le soin (art. 9, 2, h), il ne se réutilise pour évaluer l'outil que dans un cadre
#   (art. 9, 2, h, i ou j ; en France, loi Informatique et Libertés, sous le contrôle de la
#   CNIL ; délégué à la protection des données ; information des patients). Une copie qui le mentionne est valorisée, non exigée ; une copie
#   qui dit le phototype « non sensible » ou librement réutilisable n'a pas le point entier. D'autres questions sont bienvenues
#   sans être exigées, p. ex. : qui a collecté les données, où ; comment les diagnostics ont été
#   confirmés (biopsie) ; le phototype est-il une bonne mesure ?
# - **0,5** : A seul (composition par groupe, sans comparaison aux patients ni proposition de
#   recueil), ou B ou C sans A (comparaison aux patients, ou recueil du phototype des
#   patients, sans demander la composition des données par groupe).
# - **0** : ni l'un ni l'autre (aucune question sur les données, ou « l'IA est fiable » sans
#   analyse).
#
# **Critère 2 — Résultats par groupe, chiffre et dénominateur justes.**
#
# - **1** : la copie demande ou cite des résultats **par groupe** (p. ex. le taux de faux
#   négatifs par phototype) **et** cite un chiffre **de sa copie** avec son dénominateur
#   (p. ex., sur le test équilibré, « x % des cancers des V–VI manqués (m sur n), contre
#   y % des I–II »). En séance évaluée, chaque étudiant a ses propres cas : ses chiffres sont
#   imprimés dans sa copie ramassée (tableau par groupe de la section 2, tableaux de la
#   section 3, tableau des écarts de la section 4). Vérifiez-les d'abord dans la ligne
#   « Pour le correcteur » que la correction imprime sous la vérification de la question 3a
#   (taux de faux négatifs des I–II, III–IV et V–VI du test équilibré, avec « m sur n » et
#   l'intervalle), sinon dans la copie du même identifiant, toujours ramassée : un chiffre
#   qui n'y figure pas n'a pas cette moitié. Les chiffres du passage « Ce que le curseur
#   change » sont ceux de la version d'entraînement : cités comme ceux de la copie, ils n'ont
#   pas cette moitié (le passage le dit à l'étudiant). En
#   version formative, les chiffres
#   sont ceux des graines 6 et 9 (notes du module). « Chiffre d'exercice » : ne pénalisez que la copie qui
#   attribue le chiffre à un outil réel (« l'application X manque 18 % des cancers ») ; citer « dans le module »,
#   « sur le test équilibré » ou sans précision suffit. Bienvenus sans être exigés :
#   l'intervalle, un test indépendant de l'entraînement.
# - **0,5** : l'un des deux seulement. Première moitié : **demander ou citer** un résultat
#   par groupe (« le phototype VI avait plus de cancers manqués » suffit, même sans chiffre).
#   Seconde moitié : un chiffre avec son dénominateur. Une copie qui compare deux chiffres de
#   tests différents (phototype VI du test équilibré contre taux global de l'éditeur) n'est
#   pas en faute : la comparaison sur le même test, avec les intervalles, est meilleure.
# - **0** : ni l'un ni l'autre (se contente du taux global).
#
# **Critère 3 — Que faire de l'incertitude**, valeur V6 — Intégrité et transparence.
#
# - **1** : la copie dit que l'absence de résultats par groupe (ou des résultats sur trop peu
#   de patients) est une inconnue, pas « pas de problème » **et**
#   propose une action qui répond à cette incertitude, p. ex. : une évaluation locale (sur des
#   patients de l'hôpital, phototypes variés), une période d'essai encadrée, l'information des
#   patients et des soignants sur les limites connues (autonomie, CENS), le refus de l'achat,
#   ou garder l'examen clinique pour les patients mal couverts (non-malfaisance, CENS). Actions
#   de juriste ou de manager, tout aussi valables : une clause du contrat qui exige les
#   performances par phototype et un seuil de reprise, la demande de la documentation technique
#   et de la notice (évaluation clinique, groupes visés), un suivi des cancers manqués après
#   l'achat, avec un engagement de l'éditeur.
# - **0,5** : l'un des deux seulement (le constat sans action, ou une action sans lien avec
#   l'incertitude).
# - **0** : ni l'un ni l'autre.
# - **Plafond** : une copie qui affirme une conclusion que les données ne permettent pas
#   (« l'outil est raciste », « il marche pour tous ») sans l'argumenter par un chiffre et son
#   intervalle obtient **au plus 0,5** à ce critère, même avec le constat et une action.
#
# **Copie exemple** (infirmier·ère), notée **deux points sur 3** :
#
# > « Je demanderais à l'éditeur combien de patients de chaque phototype il a eus à
# > l'entraînement et au test, et d'où ils venaient. Dans le module, l'éditeur annonçait un
# > faible taux de cancers manqués, mais sur le test équilibré l'application manquait bien plus
# > de cancers parmi ceux du phototype VI. S'il n'a pas assez de patients à peau foncée, je
# > refuse qu'il conclue que tout va bien : on teste d'abord chez nous. »
#
# Notation : critère 1, **0,5** (composition par phototype, et origine des données en plus,
# mais pas de comparaison aux patients de l'hôpital) ; critère 2, **0,5** (un résultat par
# groupe **cité**, phototype VI contre taux annoncé, sans chiffre ni dénominateur écrits) ; critère 3,
# **1** (le constat, « je refuse qu'il conclue que tout va bien », et une action, tester chez
# nous).
#
# **Seconde copie exemple** (étudiant·e en management), notée **deux points et demi sur 3** :
#
# > « Avant de signer, je demanderais la part de chaque phototype dans les données
# > d'entraînement et de test de l'éditeur, pour la comparer à nos patients, qui ont toutes les
# > couleurs de peau. Je demanderais aussi son taux de cancers manqués par phototype : dans le
# > module, le phototype VI avait un taux plus élevé sur le test équilibré, alors que le taux
# > global de l'éditeur, calculé surtout sur des peaux claires, semblait bon. S'il répond
# > qu'il n'a pas assez de patients à peau foncée, c'est une inconnue, pas une garantie :
# > j'écrirais dans le contrat une évaluation sur nos patients pendant six mois, avec le droit
# > de résilier si les cancers manqués sont plus fréquents chez les peaux foncées. »
#
# Notation : critère 1, **1** (composition par phototype comparée aux patients) ; critère 2,
# **0,5** (résultats par phototype demandés, mais aucun chiffre ni dénominateur écrits) ;
# critère 3, **1** (« une inconnue, pas une garantie », et une action de manager : évaluation
# locale inscrite au contrat, avec une clause de sortie).
#
# **Copie de référence** (étudiant·e en médecine), notée **trois points sur 3** :
#
# > « Je demanderais à l'éditeur la part de chaque phototype dans ses données
# > d'entraînement et de test, pour la comparer à celle de nos patients ; comme leur
# > phototype n'est pas toujours noté, je proposerais de le recueillir, dans un cadre validé
# > avec le délégué à la protection des données. Je demanderais aussi le taux de cancers
# > manqués par phototype, avec son intervalle : dans le module, sur le test équilibré,
# > l'application manquait x % des cancers des phototypes V–VI (m sur n, intervalle
# > de a % à b %), contre y % de ceux des I–II (p sur q, de c % à d %) ; le taux
# > global de l'éditeur, calculé surtout sur des peaux claires, ne le montrait pas. S'il ne
# > fournit aucun résultat par phototype, ce n'est pas une preuve que tout va bien, c'est une inconnue : je demanderais une évaluation sur nos
# > patients avant l'usage courant, et en attendant l'examen clinique resterait la règle pour
# > les peaux foncées. »
#
# Notation : critère 1, **1** (composition par phototype comparée aux patients, recueil
# encadré) ; critère 2, **1** (résultats par phototype, deux chiffres du même test avec
# leur dénominateur et leur intervalle, ceux du tableau par groupe de sa copie, sans les
# attribuer à un outil réel) ; critère 3, **1** (une inconnue, pas une
# garantie ; évaluation locale et examen clinique maintenu).
#
# **Copie faible** (étudiant·e en pharmacie), notée **un demi-point sur 3** :
#
# > « L'application a été testée par l'éditeur et son taux de cancers manqués est bas, donc
# > elle est fiable. Il faudrait quand même lui demander si elle marche sur toutes les peaux.
# > S'il n'a pas assez de patients à peau foncée, ce n'est pas grave, on verra à l'usage. »
#
# Notation : critère 1, **0** (aucune question sur la composition des données ni sur les
# patients de l'hôpital) ; critère 2, **0,5** (une demande de résultats par groupe, « sur
# toutes les peaux », mais le taux global est pris pour une preuve, sans chiffre ni
# dénominateur) ; critère 3, **0** (« pas assez de données » est lu comme « pas de
# problème », et « on verra à l'usage » n'est pas une action organisée).
# ### END SOLUTION

# %% [markdown]
# ### Pour aller plus loin
#
# - **Au-delà des données** : les atlas et manuels de dermatologie montrent eux aussi surtout
#   des peaux claires (Groh et al., 2021, le rappellent) ; des dermatologues reconnaissent
#   également moins bien les lésions sur peau foncée (Daneshjou et al., 2022), sans que
#   l'étude en établisse la cause.
# - **Le phototype** : l'échelle a été conçue d'abord pour des peaux blanches (types I à IV,
#   puis V et VI ; StatPearls, fiche « Fitzpatrick Skin Type ») ; elle classe surtout la
#   réaction au soleil. Souvent employée, imparfaitement, comme mesure de la couleur, elle est
#   complétée par d'autres mesures dans certaines études
#   (Groh et al., 2021, comparent le phototype à l'angle typologique individuel, calculé sur
#   l'image).
# - **La fréquence des cancers** : notre générateur donne à tous les phototypes la **même
#   fréquence de cancers** (20 % des lésions). En réalité, aux États-Unis, le mélanome est
#   plus rare chez les patients noirs que chez les patients blancs, et leur survie plus faible ;
#   la plupart de leurs mélanomes n'ont pas de type histologique précisé, et parmi les types
#   précisés, le plus fréquent est le mélanome acral lentigineux (paume, plante, ongle) (Culp
#   et Lunsford, 2019).

# %% [markdown]
# ## À retenir
#
# - Demandez **qui est dans les données** d'entraînement, et comparez aux patients soignés.
# - Concluez d'après les intervalles, pas par principe.

# %% [markdown] reveal="fnr_fonce"
# - Un taux de faux négatifs se calcule **parmi les cancers** d'un groupe, groupe par groupe.

# %% [markdown] reveal="conclusion_editeur"
# - Un petit groupe laisse tout ouvert : ni écart, ni absence d'écart.

# %% [markdown] reveal="conclusion_equilibre"
# - De grands groupes aux intervalles séparés établissent un écart.

# %% [markdown] reveal="lecture_global"
# - Un taux global reflète surtout les groupes nombreux : demandez le taux de chaque groupe.

# %% [markdown] reveal="ecart_a_48"
# - Plus de données d'un groupe peut réduire l'écart, mais ni toujours ni entièrement.

# %% [markdown]
# ## Sources
#
# - Groh M, Harris C, Soenksen L, Lau F, Han R, Kim A, Koochek A, Badri O. Evaluating deep
#   neural networks trained on clinical images in dermatology with the Fitzpatrick 17k
#   dataset. *Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern
#   Recognition Workshops (CVPRW)* 2021:1820-1828. Résumé : 16 577 images cliniques de deux
#   atlas annotées par phototype ; beaucoup plus d'images de peaux claires ; le modèle est le
#   plus exact sur les phototypes proches de ceux de son entraînement.
# - Daneshjou R, Vodrahalli K, Novoa RA, *et al.* Disparities in dermatology AI performance
#   on a diverse, curated clinical image set. *Science Advances* 2022;8:eabq6147.
#   doi:10.1126/sciadv.abq6147. Jeu DDI : 656 images confirmées par l'histologie ; modèles et
#   dermatologues moins performants sur peaux foncées ; l'ajustement des modèles sur DDI
#   comble l'écart entre peaux claires et foncées.
# - Seyyed-Kalantari L, Zhang H, McDermott MBA, Chen IY, Ghassemi M. Underdiagnosis bias of
#   artificial intelligence algorithms applied to chest radiographs in under-served patient
#   populations. *Nature Medicine* 2021;27(12):2176-2182. doi:10.1038/s41591-021-01595-0.
# - Culp MB, Lunsford NB. Melanoma among non-Hispanic Black Americans. *Preventing Chronic
#   Disease* 2019;16:E79. doi:10.5888/pcd16.180640. Données américaines
#   2001-2015 : incidence plus faible que chez les patients blancs, survie relative à 5 ans
#   plus faible ; de 2011 à 2015, la plupart des mélanomes sans type histologique précisé, et,
#   parmi les types précisés, le mélanome acral lentigineux le plus fréquent.
# - Adamson AS, Smith A. Machine learning and health care disparities in dermatology.
#   *JAMA Dermatology* 2018;154(11):1247-1248. doi:10.1001/jamadermatol.2018.2348.
# - Règlement (UE) 2024/1689 du 13 juin 2024 établissant des règles harmonisées concernant
#   l'intelligence artificielle, article 10 (données et gouvernance des données). *Journal
#   officiel de l'Union européenne*, 12 juillet 2024 ; article 6, paragraphe 1 (dispositifs
#   soumis à un organisme notifié).
# - Règlement (UE) 2016/679 du 27 avril 2016 (RGPD), article 9 : traitement des catégories
#   particulières de données (dont celles qui révèlent l'origine raciale ou ethnique, et les
#   données de santé), interdit en principe, sauf exceptions (paragraphe 2). *Journal
#   officiel de l'Union européenne*, 4 mai 2016.
# - Règlement (UE) 2017/745 du 5 avril 2017 relatif aux dispositifs médicaux (MDR), article 61
#   et annexe XIV, partie A (évaluation clinique) ; annexe VIII, règle 11 (classe des
#   logiciels). *Journal officiel de l'Union européenne*, 5 mai 2017.
# - Proposition de la Commission européenne du 16 décembre 2025 de révision du MDR et de
#   l'IVDR, qui réécrit la règle 11 de l'annexe VIII (proposition, non adoptée). Lue dans des
#   analyses : « Proposal for MDR/IVDR changes and Rule 11 », blog.cm-dm.com, 19 décembre
#   2025 ; « MDR Rule 11 in transition », BAYOOSOFT, 2 février 2026.
# - Règlement (UE) 2026/1744 du 8 juillet 2026 (omnibus numérique sur l'IA), qui modifie le
#   règlement (UE) 2024/1689, dont son calendrier d'application (article 113). *Journal
#   officiel de l'Union européenne*, 24 juillet 2026 (référence « UE 2026/1744 » de la
#   bibliothèque du cours).
# - StatPearls (NCBI Bookshelf), « Fitzpatrick Skin Type », PMID 32491558, version consultée
#   le 5 décembre 2026 : types I à IV d'abord, pour des peaux blanches, puis V et VI.
# - Wilson EB. Probable inference, the law of succession, and statistical inference.
#   *Journal of the American Statistical Association* 1927;22(158):209-212. Intervalle d'une
#   proportion.

# %% [markdown] session="formative"
# - Données : synthétiques, générées par `esn_teach.datasets.make_skin_lesions` (graines
#   `random_state=6`, 7 et 9) ; fiche : `esn_teach/datasets/cards/skin_lesions.md`. Jamais
#   d'usage clinique.

# %% [markdown] session="evaluation"
# - Données : synthétiques, générées par `esn_teach.datasets.make_skin_lesions`, avec des
#   graines tirées de votre identifiant (`esn_teach.explorers.skin_variant`) ; fiche :
#   `esn_teach/datasets/cards/skin_lesions.md`. Jamais d'usage clinique.
