# %% [markdown]
# # Module 04 — L'oxymètre et le biais de mesure
#
# *Cours « IA et santé » — École de santé numérique, Université de Montpellier.*
#
# ## Ce que vous saurez faire à la fin de ce module
#
# 1. Expliquer ce qu'est un **biais de mesure** : un appareil qui se trompe **toujours dans le
#    même sens**, et plus pour certains patients que pour d'autres.
# 2. Définir l'**hypoxémie occulte** et calculer son taux dans chaque groupe de patients, avec
#    le **bon dénominateur**.
# 3. Voir une **alarme** d'oxymètre comme un test diagnostique : calculer sa **sensibilité**
#    dans chaque groupe, et comparer les groupes avec la bibliothèque **fairlearn**.
# 4. Mesurer ce que coûte le fait de **relever un seuil d'alarme** pour compenser le biais, et
#    pourquoi la vraie réponse est ailleurs : réparer l'appareil, et savoir quand demander un
#    **gaz du sang**.
# 5. Classer une situation clinique (vrai ou faux positif, vrai ou faux négatif) quand la
#    mesure elle-même est biaisée.
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
#   (sans accent : `sensibilite_noirs`) ; écrivez les décimales avec un **point** (`0.8` et non
#   `0,8`) ; écrivez de préférence le **calcul** plutôt que son résultat arrondi.
# - Des **indices** sont cachés sous chaque question : cliquez sur « Indice 1 », puis
#   « Indice 2 » seulement si besoin.
# - Aucune connaissance en programmation n'est demandée : les calculs tiennent en une ligne.

# %% [markdown]
# ## 1. Une histoire clinique
#
# Il est trois heures du matin dans un service de pneumologie. Inès, infirmière, passe voir
# M. K., 67 ans, hospitalisé pour une pneumonie et sous oxygène. Au bout de son doigt, une
# petite pince lumineuse : l'**oxymètre de pouls**. L'écran affiche une **SpO2** rassurante.
# La consigne du service est simple : appeler le médecin si la SpO2 descend sous un **seuil
# d'alarme**. Ce n'est pas le cas ; Inès note la valeur et passe à la chambre suivante.
#
# Le même jour, Julien, kinésithérapeute, fait pédaler sur un vélo une patiente qui se remet
# d'une pneumonie à COVID-19, un oxymètre au doigt. Il arrêtera l'effort si la SpO2 descend
# trop bas.
#
# Inès et Julien font confiance à un chiffre. Ce module pose une question simple : **ce chiffre
# se trompe-t-il de la même façon pour tous les patients ?**
#
# Quelques mots, utilisés dans tout le module :
#
# - la **SaO2** (saturation artérielle en oxygène) est la part de l'hémoglobine du sang artériel
#   qui transporte de l'oxygène. On la mesure sur une prise de sang artérielle, le **gaz du
#   sang** : c'est la **référence**, la « vraie » valeur, mais il faut une piqûre dans une
#   artère ;
# - la **SpO2** est l'**estimation** de la SaO2 par l'oxymètre de pouls, à travers la peau,
#   sans piqûre, en continu ;
# - l'**hypoxémie** est un manque d'oxygène dans le sang artériel. Dans ce module, comme dans
#   l'étude dont nous partons, une mesure montre une hypoxémie quand la **SaO2** (la vraie
#   valeur) est sous 88 %.

# %% [markdown]
# ## 2. Comment un oxymètre peut-il se tromper ?
#
# L'oxymètre envoie deux lumières, rouge et infrarouge, à travers le doigt. L'hémoglobine
# chargée d'oxygène et l'hémoglobine sans oxygène n'absorbent pas ces deux lumières de la même
# façon : l'appareil en déduit la saturation, grâce à une formule d'**étalonnage** réglée chez
# des volontaires. Mais la **mélanine**, le pigment de la peau, absorbe aussi la lumière.
#
# Dès 2005, une étude chez des volontaires a montré que trois modèles d'oxymètres
# **surestimaient** la saturation en cas d'hypoxémie chez les personnes à peau foncée
# (Bickler et al., 2005). En 2020, une équipe de l'université du Michigan a comparé, chez des
# patients hospitalisés, la SpO2 affichée et la SaO2 du gaz du sang mesurée à quelques minutes
# d'intervalle (Sjoding et al., 2020).
#
# C'est un **biais de mesure** : une erreur **systématique**, qui pousse la mesure toujours dans
# le même sens (ici vers le haut, vers une valeur trop rassurante), et plus fort pour un groupe
# de patients que pour un autre. Ce n'est pas du « bruit » qui se compenserait en moyenne.
# Et un outil d'intelligence artificielle qui utiliserait la SpO2 comme donnée d'entrée
# hériterait de ce biais sans que personne ne le voie.

# %% [markdown]
# ## 3. Les données : des paires SaO2 / SpO2 synthétiques
#
# Nous n'avons pas les données des patients du Michigan. Nous utilisons des données
# **synthétiques** (inventées par un programme) : chaque ligne est une **paire de mesures**, une
# SaO2 (gaz du sang) et la SpO2 affichée à quelques minutes d'intervalle. Le générateur ajoute
# à la SpO2 une erreur commune à tous, plus un **biais de l'appareil** chez les patients noirs,
# réglé pour retrouver l'ordre de grandeur des résultats publiés. Sa fiche descriptive (ce qui
# est réel, ce qui est inventé, les limites) est dans
# `esn_teach/datasets/cards/pulse_oximetry.md`. La **graine** (`random_state`) fixe le
# tirage : tout le monde obtient les mêmes données.
#
# Les groupes « patients blancs » et « patients noirs » sont ceux de l'étude américaine
# (l'origine déclarée dans le dossier). Ce n'est pas la « race » qui agit sur la mesure, mais la
# **pigmentation de la peau** ; l'étude ne disposait que de l'origine déclarée, pas de la
# pigmentation.
#
# **À propos des seuils.** La zone de SpO2 « rassurante », de 92 à 96 %, est celle de l'étude
# du Michigan (Sjoding et al., 2020). Le seuil d'alarme du service (alarme sous 92 %) est un
# **seuil pédagogique**, choisi pour ce module : ce n'est pas une recommandation clinique. La
# saturation à viser se décide patient par patient ; chez un patient atteint de
# bronchopneumopathie chronique obstructive (BPCO) à risque d'hypercapnie (excès de gaz
# carbonique dans le sang), la cible est souvent plus basse, de 88 à 92 %
# (O'Driscoll et al., 2017).

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from fairlearn.metrics import MetricFrame, false_negative_rate, false_positive_rate
from sklearn.metrics import precision_score, recall_score

from esn_teach import checks, fr_number, fr_percent, fr_table
from esn_teach.datasets import make_pulse_oximetry, occult_hypoxemia_rate
from esn_teach.explorers import OximetryExplorer
from esn_teach.plotting import LINESTYLES, MARKERS, accessible_style, show_figure

# Les nombres à virgule des tableaux s'affichent à la française : virgule, 3 décimales.
pd.set_option("display.float_format", lambda x: fr_number(x, 3))

GRAINE = 2027
N_PAIRES = 20_000
SEUIL_HYPOXEMIE = 88  # hypoxémie vraie : SaO2 < 88 %
ZONE_RASSURANTE = (92, 96)  # SpO2 « rassurante » : de 92 à 96 %
SEUIL_ALARME = 92  # consigne du service : alarme si la SpO2 affichée est < 92 %

jeu = make_pulse_oximetry(n_samples=N_PAIRES, random_state=GRAINE)
paires = pd.DataFrame(
    {
        "groupe": jeu.frame["race"].astype(str).map(
            {"White": "patients blancs", "Black": "patients noirs"}
        ),
        "sao2": jeu.frame["sao2"],  # la vraie saturation (gaz du sang)
        "spo2": jeu.frame["spo2"],  # ce qu'affiche l'oxymètre
        "hypoxemie": jeu.frame["sao2"] < SEUIL_HYPOXEMIE,  # vrai / faux
    }
)
# Les mêmes informations en tableaux simples (numpy), pour les calculs qui suivent.
spo2 = paires["spo2"].to_numpy()
sao2 = paires["sao2"].to_numpy()
hypox = paires["hypoxemie"].to_numpy()
noirs = (paires["groupe"] == "patients noirs").to_numpy()
blancs = (paires["groupe"] == "patients blancs").to_numpy()
print(f"{len(paires)} paires de mesures : {blancs.sum()} chez des patients blancs, "
      f"{noirs.sum()} chez des patients noirs.")
print(f"Biais de l'appareil ajouté chez les patients noirs : "
      f"{fr_number(jeu.frame.attrs['device_bias'], 1)} points de SpO2.")
fr_table(
    paires.head().assign(hypoxemie=lambda d: d["hypoxemie"].map({True: "oui", False: "non"})),
    caption="Les cinq premières paires de mesures",
    digits=1,
    show_index=False,
)

# %% [markdown]
# Chaque ligne est une paire : le groupe du patient, sa vraie saturation `sao2`, la valeur
# affichée `spo2`, et `hypoxemie` (« oui » : le patient est réellement en hypoxémie). Dans les
# calculs, Python écrit ces deux réponses `True` (vrai) et `False` (faux).
#
# Regardons ce que **vaut** une SpO2 affichée. Pour chaque valeur lue sur l'écran, la figure
# donne la part des paires où le patient était **réellement** en hypoxémie (SaO2 < 88 %).

# %%
valeurs_lues = range(86, 101)
part_hypoxemie = {
    nom: [paires.loc[masque & (paires["spo2"] == v), "hypoxemie"].mean() for v in valeurs_lues]
    for nom, masque in (("patients blancs", blancs), ("patients noirs", noirs))
}
with accessible_style():
    fig, ax = plt.subplots(figsize=(8, 4.2), layout="constrained")
    for i, (nom, parts) in enumerate(part_hypoxemie.items()):
        ax.plot(list(valeurs_lues), parts, marker=MARKERS[i], linestyle=LINESTYLES[i], label=nom)
    ax.set_title("À SpO2 affichée égale, le risque d'hypoxémie vraie diffère selon le groupe")
    ax.set_xlabel("SpO2 affichée par l'oxymètre (%)")
    ax.set_ylabel("Part des paires avec SaO2 < 88 %")
    ax.legend()
    show_figure(
        fig,
        "Courbes : part des paires en hypoxémie vraie (SaO2 < 88 %) selon la SpO2 affichée, de "
        "86 à 100 %, pour les patients blancs (ronds, trait plein) et noirs (carrés, tirets). "
        "À valeur affichée égale, la courbe des patients noirs est au-dessus : l'écran les "
        "rassure plus souvent à tort. Les valeurs à 92, 94 et 96 % sont écrites ci-dessous.",
    )
for v in (92, 94, 96):
    i = v - 86
    print(f"SpO2 affichée {v} % : hypoxémie vraie chez "
          f"{fr_percent(part_hypoxemie['patients blancs'][i])} des paires (patients blancs), "
          f"{fr_percent(part_hypoxemie['patients noirs'][i])} (patients noirs).")

# %% [markdown]
# Lisez la figure de gauche à droite : plus la SpO2 affichée est haute, moins l'hypoxémie est
# fréquente. Mais à **valeur affichée égale**, la courbe des patients noirs (carrés, tirets) est
# au-dessus : le même chiffre sur l'écran rassure **à tort** plus souvent.
#
# ## 4. L'hypoxémie occulte
#
# L'**hypoxémie occulte** (cachée) est une hypoxémie vraie (SaO2 < 88 %) **alors que** l'oxymètre
# affiche une SpO2 rassurante, entre 92 et 96 %. Dans l'étude du Michigan, **parmi les paires de
# mesures** dont la SpO2 était entre 92 et 96 %, la SaO2 était sous 88 % dans 11,7 % des paires
# chez les patients noirs, contre 3,6 % chez les patients blancs (Sjoding et al., 2020).
# Attention : ce sont des proportions de **paires de mesures**, pas de patients.
#
# Le tableau ci-dessous compte, dans chaque groupe, les paires de nos données synthétiques.

# %%
rassurante = (spo2 >= ZONE_RASSURANTE[0]) & (spo2 <= ZONE_RASSURANTE[1])  # de 92 à 96 %
occulte = hypox & rassurante

n_paires_blancs, n_paires_noirs = int(blancs.sum()), int(noirs.sum())
n_hypoxemies_blancs = int((blancs & hypox).sum())
n_hypoxemies_noirs = int((noirs & hypox).sum())
n_rassurantes_blancs = int((blancs & rassurante).sum())
n_rassurantes_noirs = int((noirs & rassurante).sum())
n_occultes_blancs = int((blancs & occulte).sum())
n_occultes_noirs = int((noirs & occulte).sum())

pd.DataFrame(
    {
        "toutes les paires": [n_paires_blancs, n_paires_noirs],
        "hypoxémie vraie (SaO2 < 88 %)": [n_hypoxemies_blancs, n_hypoxemies_noirs],
        "SpO2 de 92 à 96 %": [n_rassurantes_blancs, n_rassurantes_noirs],
        "SpO2 de 92 à 96 % ET SaO2 < 88 %": [n_occultes_blancs, n_occultes_noirs],
    },
    index=["patients blancs (…_blancs)", "patients noirs (…_noirs)"],
)

# %% [markdown]
# Les nombres du tableau sont rangés dans des variables dont les noms suivent le tableau :
# `n_paires_noirs` (toutes les paires), `n_hypoxemies_noirs` (hypoxémies vraies),
# `n_rassurantes_noirs` (SpO2 de 92 à 96 %), `n_occultes_noirs` (SpO2 de 92 à 96 % **et**
# SaO2 < 88 %), et de même pour `…_blancs`.
#
# ### Question 1 — Le taux d'hypoxémie occulte chez les patients noirs (2 points)
#
# Calculez le **taux d'hypoxémie occulte** chez les patients noirs, défini comme dans l'étude du
# Michigan, sous forme de proportion entre 0 et 1. Écrivez le calcul avec les variables
# ci-dessus.
#
# <details><summary>Indice 1</summary>
#
# Un taux est une part : « parmi **qui** ? ». Relisez la définition de l'étude : de quelles
# paires part-on ? De toutes les paires, des hypoxémies, ou des paires où l'écran rassurait ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# On part des paires où l'oxymètre affichait 92 à 96 % (c'est le dénominateur), et l'on compte
# parmi elles celles où la SaO2 était sous 88 % (c'est le numérateur). Une division de deux
# variables `…_noirs`.
# </details>

# %% answer="taux_occulte_noirs"
taux_occulte_noirs = ...
### BEGIN SOLUTION
taux_occulte_noirs = n_occultes_noirs / n_rassurantes_noirs
### END SOLUTION

# %% tests="taux_occulte_noirs" points=2
# Vérification de la question 1 : exécutez cette cellule.
valeur_q1 = checks.require_number(taux_occulte_noirs, name="taux_occulte_noirs")
checks.expect(
    not checks.matches_digest(valeur_q1, "aa3c745bbd6e038a", name="taux_occulte_noirs"),
    "vous avez calculé le taux des patients blancs (groupes inversés). Prenez les variables "
    "qui finissent par _noirs.",
    name="taux_occulte_noirs",
)
checks.check_number(
    taux_occulte_noirs,
    name="taux_occulte_noirs",
    digest="036577dae3ea872b",
    bounds=(0, 1),
    mistakes=[
        checks.Mistake(np.mean(occulte[noirs]),
                       "mauvais dénominateur : vous avez divisé par toutes les paires du groupe. "
                       "L'hypoxémie occulte se compte parmi les paires où l'écran rassurait "
                       "(SpO2 de 92 à 96 %)."),
        checks.Mistake(np.mean(occulte[noirs & hypox]),
                       "mauvais dénominateur : vous avez divisé par les hypoxémies vraies. Vous "
                       "obtenez la part des hypoxémies qui passent inaperçues, une autre "
                       "question ; l'étude part des paires où l'écran rassurait."),
    ],
    hint="Un taux se calcule parmi un groupe de départ : relisez la définition de l'étude.",
    success="c'est la part des SpO2 « rassurantes » qui cachaient une hypoxémie vraie.",
)
### BEGIN HIDDEN TESTS
checks.check_number(
    taux_occulte_noirs,
    name="taux_occulte_noirs",
    expected=occult_hypoxemia_rate(
        pd.DataFrame({"sao2": sao2, "spo2": spo2, "noir": noirs}), by="noir"
    )[True],
)
### END HIDDEN TESTS

# %% mistake="taux_occulte_noirs"
# message : vous avez divisé par toutes les paires du groupe
taux_occulte_noirs = n_occultes_noirs / n_paires_noirs

# %% mistake="taux_occulte_noirs"
# message : vous avez divisé par les hypoxémies vraies
taux_occulte_noirs = n_occultes_noirs / n_hypoxemies_noirs

# %% mistake="taux_occulte_noirs"
# message : groupes inversés
taux_occulte_noirs = n_occultes_blancs / n_rassurantes_blancs

# %% mistake="taux_occulte_noirs"
# message : vous avez donné un pourcentage
taux_occulte_noirs = 100 * n_occultes_noirs / n_rassurantes_noirs

# %% [markdown]
# Comparons les deux groupes. La fonction `occult_hypoxemia_rate` du cours fait ce calcul pour
# chaque groupe.

# %%
taux_par_groupe = occult_hypoxemia_rate(jeu.frame)
taux_blancs, taux_noirs = taux_par_groupe["White"], taux_par_groupe["Black"]
print(f"Hypoxémie occulte : {fr_percent(taux_noirs)} des paires chez les patients noirs, "
      f"{fr_percent(taux_blancs)} chez les patients blancs "
      f"(rapport : {fr_number(taux_noirs / taux_blancs, 1)} fois plus).")
print(f"Nombre de paires concernées : {n_occultes_noirs} (noirs) contre {n_occultes_blancs} "
      f"(blancs).")

# %% [markdown]
# Remarquez le piège des **nombres bruts** : il y a moins de paires avec hypoxémie occulte chez
# les patients
# noirs que chez les patients blancs, simplement parce que le groupe est plus petit. Pour
# comparer des groupes de tailles différentes, on compare des **taux**, jamais des effectifs.
#
# ## 5. L'alarme est un test diagnostique
#
# La consigne du service (alarme si la SpO2 affichée passe sous le seuil) est un **test** : il
# répond « alarme » ou « pas d'alarme », et la vérité est donnée par le gaz du sang. On retrouve
# la matrice de confusion du module 01 :
#
# | | Pas d'alarme | Alarme |
# |---|---|---|
# | **Pas d'hypoxémie** (SaO2 ≥ 88 %) | vrai négatif (**VN**) | fausse alarme : faux positif (**FP**) |
# | **Hypoxémie vraie** (SaO2 < 88 %) | hypoxémie manquée : faux négatif (**FN**) | vrai positif (**VP**) |
#
# Rappel : la **sensibilité** de l'alarme est la part des hypoxémies vraies qu'elle détecte.

# %%
alarme = spo2 < SEUIL_ALARME  # l'alarme sonne-t-elle ? (vrai / faux, pour chaque paire)
vp_blancs, fn_blancs = int((blancs & hypox & alarme).sum()), int((blancs & hypox & ~alarme).sum())
fp_blancs, vn_blancs = int((blancs & ~hypox & alarme).sum()), int((blancs & ~hypox & ~alarme).sum())
vp_noirs, fn_noirs = int((noirs & hypox & alarme).sum()), int((noirs & hypox & ~alarme).sum())
fp_noirs, vn_noirs = int((noirs & ~hypox & alarme).sum()), int((noirs & ~hypox & ~alarme).sum())
pd.DataFrame(
    {
        "VP (hypoxémie, alarme)": [vp_blancs, vp_noirs],
        "FN (hypoxémie, pas d'alarme)": [fn_blancs, fn_noirs],
        "FP (fausse alarme)": [fp_blancs, fp_noirs],
        "VN (pas d'hypoxémie, pas d'alarme)": [vn_blancs, vn_noirs],
    },
    index=["patients blancs (…_blancs)", "patients noirs (…_noirs)"],
)

# %% [markdown]
# ### Question 2 — La sensibilité de l'alarme chez les patients noirs (2 points)
#
# Au seuil du service (alarme si SpO2 < 92 %), calculez la **sensibilité** de l'alarme chez
# les **patients noirs** (proportion entre 0 et 1), avec les variables `vp_noirs`, `fn_noirs`,
# `fp_noirs` et `vn_noirs`.
#
# <details><summary>Indice 1</summary>
#
# La sensibilité ne regarde que les paires où le patient est **réellement** en hypoxémie.
# Quelles colonnes du tableau contiennent ces paires ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Les hypoxémies vraies sont les VP (détectées) et les FN (manquées). La sensibilité est la part
# des VP parmi elles : une division, avec `vp_noirs` au numérateur.
# </details>

# %% answer="sensibilite_noirs"
sensibilite_noirs = ...
### BEGIN SOLUTION
sensibilite_noirs = vp_noirs / (vp_noirs + fn_noirs)
### END SOLUTION

# %% tests="sensibilite_noirs" points=2
# Vérification de la question 2 : exécutez cette cellule.
valeur_q2 = checks.require_number(sensibilite_noirs, name="sensibilite_noirs")
checks.expect(
    not checks.matches_digest(valeur_q2, "c31d66c5bdf05093", name="sensibilite_noirs"),
    "vous avez calculé la sensibilité chez les patients blancs (groupes inversés). Prenez les "
    "variables qui finissent par _noirs.",
    name="sensibilite_noirs",
)
checks.expect(
    not checks.matches_digest(valeur_q2, "043f5e981d26fb38", name="sensibilite_noirs"),
    "vous avez calculé la part des hypoxémies manquées (taux de faux négatifs), c'est-à-dire "
    "1 − sensibilité. Mettez les hypoxémies détectées au numérateur.",
    name="sensibilite_noirs",
)
vrai_noirs, alarme_noirs = hypox[noirs], alarme[noirs]
checks.check_number(
    sensibilite_noirs,
    name="sensibilite_noirs",
    digest="725702995d64b13f",
    bounds=(0, 1),
    mistakes=[
        checks.Mistake(recall_score(~vrai_noirs, ~alarme_noirs),
                       "vous avez calculé la spécificité (parmi les patients sans hypoxémie, la "
                       "part sans alarme). La sensibilité part des hypoxémies vraies."),
        checks.Mistake(precision_score(vrai_noirs, alarme_noirs),
                       "vous avez calculé la valeur prédictive positive (parmi les alarmes, la "
                       "part de vraies hypoxémies). La sensibilité part des hypoxémies vraies, "
                       "pas des alarmes."),
    ],
    success="c'est la part des hypoxémies vraies que l'alarme détecte chez les patients noirs.",
)
### BEGIN HIDDEN TESTS
checks.check_number(
    sensibilite_noirs,
    name="sensibilite_noirs",
    expected=recall_score(hypox[noirs], alarme[noirs]),
)
### END HIDDEN TESTS

# %% mistake="sensibilite_noirs"
# message : vous avez calculé la spécificité
sensibilite_noirs = vn_noirs / (vn_noirs + fp_noirs)

# %% mistake="sensibilite_noirs"
# message : groupes inversés
sensibilite_noirs = vp_blancs / (vp_blancs + fn_blancs)

# %% mistake="sensibilite_noirs"
# message : taux de faux négatifs
sensibilite_noirs = fn_noirs / (vp_noirs + fn_noirs)

# %% mistake="sensibilite_noirs"
# message : valeur prédictive positive
sensibilite_noirs = vp_noirs / (vp_noirs + fp_noirs)

# %% [markdown]
# ## 6. Comparer les groupes avec fairlearn
#
# Refaire ce calcul à la main pour chaque groupe et chaque indicateur devient vite fastidieux. La
# bibliothèque **fairlearn**, faite pour évaluer l'équité des modèles, fournit `MetricFrame` : on
# lui donne la vérité (`y_true`), les décisions (`y_pred`), le groupe de chaque ligne
# (`sensitive_features`, les « caractéristiques sensibles ») et les indicateurs voulus ; elle
# les calcule **groupe par groupe**. Trois indicateurs ici :
#
# - la **sensibilité** (en anglais, on parle de *recall*), calculée par `recall_score`, une
#   fonction de **scikit-learn**, une bibliothèque de calcul pour l'apprentissage automatique ;
# - le **taux de faux négatifs** (`false_negative_rate`) : la part des hypoxémies vraies
#   **manquées**, égale à 1 − sensibilité ;
# - le **taux de fausses alarmes** (`false_positive_rate`) : parmi les patients **sans**
#   hypoxémie, la part pour qui l'alarme sonne quand même.

# %%
cadre = MetricFrame(
    metrics={
        "sensibilité": recall_score,
        "taux de faux négatifs": false_negative_rate,
        "taux de fausses alarmes": false_positive_rate,
    },
    y_true=paires["hypoxemie"],
    y_pred=alarme,
    sensitive_features=paires["groupe"],
)
for groupe, ligne in cadre.by_group.iterrows():
    print(f"{groupe} : sensibilité {fr_percent(ligne['sensibilité'])}, hypoxémies manquées "
          f"{fr_percent(ligne['taux de faux négatifs'])}, fausses alarmes "
          f"{fr_percent(ligne['taux de fausses alarmes'])}")
print(f"Tous patients confondus : sensibilité {fr_percent(cadre.overall['sensibilité'])}.")
ecarts = cadre.difference()  # pour chaque indicateur : plus grande valeur − plus petite
print(f"Écart de sensibilité entre les groupes : {fr_number(100 * ecarts['sensibilité'], 1)} "
      "points de pourcentage.")
sensibilite_blancs_92 = float(cadre.by_group.loc["patients blancs", "sensibilité"])
cadre.by_group

# %% [markdown]
# Le biais de l'appareil a deux effets opposés chez les patients noirs. L'écran affiche trop
# haut : l'alarme **manque davantage d'hypoxémies** (moins de sensibilité), et elle sonne
# **moins souvent à tort** (moins de fausses alarmes). L'indicateur global, tous patients
# confondus, cache ce déséquilibre : il est proche de celui du grand groupe, car le groupe le
# plus petit pèse peu dans la moyenne.
#
# ## 7. L'explorateur : seuil d'alarme et biais de l'appareil
#
# Deux curseurs (à la souris, ou avec les **flèches du clavier** après avoir cliqué dessus) :
#
# - **le seuil d'alarme** : l'alarme sonne quand la SpO2 affichée est **strictement sous** ce
#   seuil ;
# - **le biais de l'appareil** chez les patients noirs, en points de SpO2 : de combien de points
#   l'oxymètre surestime en plus la saturation dans ce groupe. Les patients, leurs vraies
#   saturations et l'erreur commune à tous restent les mêmes ; seul ce biais change.
#
# Le tableau donne, pour chaque groupe, les hypoxémies détectées et manquées, la sensibilité, les
# fausses alarmes et le taux d'hypoxémie occulte ; la figure trace la sensibilité pour tous les
# seuils, avec un gros symbole au seuil choisi. À essayer :
#
# 1. Au seuil du service, mettez le biais à 0 : les deux courbes se superposent presque.
# 2. Remettez le biais à sa valeur de départ, puis montez le seuil d'un cran à la fois :
#    à partir de quel seuil les patients noirs sont-ils aussi bien protégés que les patients
#    blancs au seuil du service ? Que deviennent les fausses alarmes ?

# %%
explorateur = OximetryExplorer(random_state=GRAINE, n_samples=N_PAIRES, threshold=SEUIL_ALARME)
explorateur

# %% [markdown]
# ### Question 3 — Relever le seuil pour tout le monde ? (2 points)
#
# Une idée vient en réunion de service : **relever le seuil d'alarme, le même pour tous les
# patients**, jusqu'à ce que l'alarme détecte les hypoxémies des patients noirs **au moins aussi
# bien** qu'elle détectait celles des patients blancs au seuil du service (la sensibilité des
# patients blancs au seuil actuel est rangée dans `sensibilite_blancs_92`).
#
# Trouvez **le plus bas** seuil entier qui y parvient. Pourquoi le plus bas ? Parce que chaque
# cran de plus fait sonner l'alarme plus souvent, pour tous.
#
# Pour tâtonner, utilisez l'explorateur (biais à sa valeur de départ), ou la fonction
# `sensibilites(seuil)` définie ci-dessous, qui donne la sensibilité de chaque groupe à un seuil.

# %%
def sensibilites(seuil):
    """Sensibilité de l'alarme (SpO2 < seuil) dans chaque groupe, calculée par fairlearn."""
    return MetricFrame(
        metrics=recall_score,
        y_true=paires["hypoxemie"],
        y_pred=paires["spo2"] < seuil,
        sensitive_features=paires["groupe"],
    ).by_group


print(f"Objectif : au moins {fr_number(sensibilite_blancs_92)} chez les patients noirs.")
fr_table(  # exemple : la sensibilité de chaque groupe au seuil 93
    sensibilites(93), name="Sensibilité de l'alarme au seuil 93 %", index={"groupe": "Groupe"}
)

# %% [markdown]
# <details><summary>Indice 1</summary>
#
# Pour détecter **plus** d'hypoxémies, faut-il que l'alarme sonne plus tôt ou plus tard ? Le
# seuil doit donc monter ou descendre ? Essayez `sensibilites(94)`, `sensibilites(95)`…
# </details>
#
# <details><summary>Indice 2</summary>
#
# Montez le seuil d'un cran à la fois à partir du seuil du service. Arrêtez-vous au premier
# seuil où la sensibilité des patients noirs atteint ou dépasse l'objectif affiché. La réponse
# est un seuil de SpO2 (un nombre entier comme `93`), pas une sensibilité.
# </details>

# %% answer="seuil_alarme"
seuil_alarme = ...
### BEGIN SOLUTION
seuil_alarme = min(
    s for s in range(SEUIL_ALARME, 101)
    if sensibilites(s)["patients noirs"] >= sensibilite_blancs_92
)
### END SOLUTION

# %% tests="seuil_alarme" points=2
# Vérification de la question 3 : exécutez cette cellule.
valeur_q3 = checks.require_number(seuil_alarme, name="seuil_alarme")
checks.expect(
    valeur_q3 >= 1,
    f"vous avez donné {valeur_q3:g} : c'est une sensibilité (une proportion), pas un seuil. "
    "La réponse est une valeur de SpO2, comme 93.",
    name="seuil_alarme",
)
checks.expect(
    valeur_q3 == int(valeur_q3) and 70 <= valeur_q3 <= 100,
    f"vous avez donné {valeur_q3:g}. Dans nos données, les SpO2 sont des entiers entre 70 et "
    "100 : le seuil est un nombre entier de cet intervalle.",
    name="seuil_alarme",
)
checks.expect(
    valeur_q3 >= SEUIL_ALARME,
    "seuil du mauvais côté : en baissant le seuil, l'alarme sonne moins souvent et manque "
    "encore plus d'hypoxémies. Pour détecter davantage, il faut relever le seuil.",
    name="seuil_alarme",
)
sens_q3 = recall_score(hypox[noirs], spo2[noirs] < valeur_q3)
checks.expect(
    sens_q3 >= sensibilite_blancs_92,
    f"à ce seuil, la sensibilité chez les patients noirs n'est que de {fr_number(sens_q3)}, "
    f"encore sous l'objectif ({fr_number(sensibilite_blancs_92)}) : montez encore le seuil.",
    name="seuil_alarme",
)
checks.expect(
    recall_score(hypox[noirs], spo2[noirs] < valeur_q3 - 1) < sensibilite_blancs_92,
    "l'objectif est atteint, mais pas avec le plus bas seuil : un cran plus bas suffit déjà, "
    "avec moins de fausses alarmes.",
    name="seuil_alarme",
)
print(f"\u2714 Correct (seuil_alarme) : sensibilité chez les patients noirs "
      f"{fr_number(sens_q3)}, objectif {fr_number(sensibilite_blancs_92)}.")
### BEGIN HIDDEN TESTS
spo2_hypox_noirs = spo2[noirs & hypox]
checks.expect(
    (spo2_hypox_noirs < valeur_q3).mean() >= sensibilite_blancs_92
    and (spo2_hypox_noirs < valeur_q3 - 1).mean() < sensibilite_blancs_92,
    "ce seuil n'est pas le plus bas qui atteint l'objectif de sensibilité.",
    name="seuil_alarme",
)
### END HIDDEN TESTS

# %% mistake="seuil_alarme"
# message : seuil du mauvais côté
seuil_alarme = 88

# %% mistake="seuil_alarme"
# message : c'est une sensibilité
seuil_alarme = sensibilite_blancs_92

# %% mistake="seuil_alarme"
# message : montez encore le seuil
seuil_alarme = SEUIL_ALARME

# %% mistake="seuil_alarme"
# message : pas avec le plus bas seuil
seuil_alarme = 100

# %% [markdown]
# Ce que coûte ce seuil relevé, pour **tous** les patients :

# %%
if checks.is_placeholder(seuil_alarme):
    print("Répondez d'abord à la question 3 : cette cellule montre ce que coûte votre seuil.")
else:
    fausses_alarmes_avant = int((~hypox & (spo2 < SEUIL_ALARME)).sum())
    fausses_alarmes_apres = int((~hypox & (spo2 < seuil_alarme)).sum())
    print(f"Fausses alarmes (alarme sans hypoxémie vraie), tous patients : "
          f"{fausses_alarmes_avant} au seuil {SEUIL_ALARME}, {fausses_alarmes_apres} au seuil "
          f"{seuil_alarme}, soit {fr_number(fausses_alarmes_apres / fausses_alarmes_avant, 1)} "
          "fois plus.")
    print(f"Sensibilité chez les patients blancs au seuil {seuil_alarme} : "
          f"{fr_number(sensibilites(seuil_alarme)['patients blancs'])}.")

# %% [markdown]
# Relever le seuil pour tous protège mieux les patients noirs, mais multiplie les fausses
# alarmes. Trop d'alarmes, et les soignants finissent par ne plus les entendre : c'est la
# **fatigue d'alarme**, un risque pour tous les patients. Et l'écart entre les groupes ne
# disparaît pas : les patients blancs, eux aussi, sont mieux détectés au nouveau seuil.
#
# Une autre idée serait un seuil **différent selon la couleur de peau**. Elle pose d'autres
# problèmes : la catégorie « noir / blanc » est un mauvais résumé de la pigmentation, elle
# oblige à classer chaque patient, et les paramètres de nos données sont inventés. Dans
# l'explorateur, le seul réglage qui fait coïncider les deux courbes **sans** alarmes en plus
# est le **biais de l'appareil ramené à 0** : la vraie correction est dans l'appareil (son
# étalonnage sur des peaux de toutes les pigmentations), pas dans le seuil.
#
# ## 8. Au chevet du patient : classer une situation
#
# Julien, le kinésithérapeute, fait pédaler Mme D., qui se remet d'une pneumonie à COVID-19,
# pendant une séance de réentraînement à l'effort. Son protocole suit la consigne du service
# (un seuil pédagogique, voir la section 3) : il arrête l'effort et prévient le médecin si la
# SpO2 passe **sous** 92 %. L'oxymètre affiche 94 %. Mme D. est un peu essoufflée mais dit que
# « ça va » ; l'alarme ne sonne pas. Le médecin, présent dans la salle et que l'essoufflement
# inquiète, fait faire aussitôt, pendant l'effort, un gaz du sang : la SaO2 est à 86 %.

# %%
# Les mesures de Mme D. à ce moment de la séance.
spo2_mme_d = 94  # SpO2 affichée par l'oxymètre (94 %)
sao2_mme_d = 86  # SaO2 mesurée au même moment, au gaz du sang (86 %)

# %% [markdown]
# ### Question 4 — Dans quelle case de la matrice de confusion est Mme D. ? (1 point)
#
# Pour ce moment de la séance, classez la situation de Mme D. : écrivez **entre guillemets**
# l'une des quatre réponses `"vrai positif"`, `"faux positif"`, `"faux négatif"` ou
# `"vrai négatif"`.
#
# <details><summary>Indice 1</summary>
#
# Deux questions séparées. La vérité : d'après le **gaz du sang**, Mme D. est-elle en
# hypoxémie ? Le test : au seuil du service, l'alarme a-t-elle sonné ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# « Positif » ou « négatif » décrit ce qu'a répondu le test (alarme ou pas) ; « vrai » ou
# « faux » dit si cette réponse correspond à la réalité du gaz du sang. C'est aussi, ici, une
# hypoxémie occulte.
# </details>

# %% answer="situation"
situation = ...
### BEGIN SOLUTION
situation = "faux négatif"
### END SOLUTION

# %% tests="situation" points=1
# Vérification de la question 4 : exécutez cette cellule.
# Les messages des erreurs fréquentes sont rangés sous une empreinte de chaque mauvaise réponse.
erreurs_q4 = {
    "7f97f1b2544b72d5": "vous avez jugé d'après la SpO2 affichée, comme si l'écran disait la "
    "vérité. Dans la matrice de confusion, la vérité vient du gaz du sang.",
    "2d5a20c96069922d": "relisez le protocole : l'alarme sonne quand la SpO2 affichée passe "
    "sous le seuil. A-t-elle sonné pour Mme D. ? « Vrai » ou « faux » se juge ensuite avec le "
    "gaz du sang.",
    "457d15fa75739f37": "une réponse « positive » voudrait dire que l'alarme a sonné. Relisez "
    "le protocole et la SpO2 affichée : a-t-elle sonné pour Mme D. ?",
}
if isinstance(situation, str):
    empreinte_q4 = checks.answer_digest(situation, name="situation_erreurs")
    checks.expect(empreinte_q4 not in erreurs_q4, erreurs_q4.get(empreinte_q4, ""),
                  name="situation")
checks.check_choice(
    situation,
    name="situation",
    options=["vrai positif", "faux positif", "faux négatif", "vrai négatif"],
    digest="aa8d45346ae8ac16",
    success="vous avez bien séparé la vérité (le gaz du sang) et la réponse du test (l'alarme).",
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    situation,
    name="situation",
    options=["vrai positif", "faux positif", "faux négatif", "vrai négatif"],
    expected="faux négatif",
)
### END HIDDEN TESTS

# %% mistake="situation"
# message : comme si l'écran disait la vérité
situation = "vrai négatif"

# %% mistake="situation"
# message : A-t-elle sonné pour Mme D.
situation = "vrai positif"

# %% mistake="situation"
# message : voudrait dire que l'alarme a sonné
situation = "faux positif"

# %% [markdown]
# Ce qui a protégé Mme D., ce n'est pas l'oxymètre : c'est un **regard clinique** (son
# essoufflement, la discordance entre le chiffre et l'état de la patiente) et la décision de
# demander un **gaz du sang**. L'oxymètre reste un outil précieux, simple et sans douleur ; mais
# celui qui le lit doit connaître ses limites, et savoir quand ne pas le croire sur parole.
#
# ## 9. Réflexion — L'oxymètre dans ma pratique (3 points, corrigée par l'enseignant)
#
# En 10 à 15 lignes, depuis votre futur métier (infirmier·e, kinésithérapeute, médecin,
# pharmacien·ne, ou gestionnaire d'un service) :
#
# - qu'est-ce qui, dans ce module, changerait votre façon de lire une SpO2, et dans quelles
#   situations demanderiez-vous (ou feriez-vous demander) un gaz du sang ?
# - faut-il relever le seuil pour tous, adapter le seuil selon la couleur de peau, ou agir
#   ailleurs ? Qui doit agir (fabricants, autorités, hôpital, soignants) ?
# - comment en parleriez-vous à un patient inquiet d'avoir lu que « l'oxymètre marche moins
#   bien sur les peaux foncées » ?
#
# Appuyez-vous sur au moins un chiffre de ce module.

# %% [markdown] written="reflexion_oxymetre" points=3
# ### BEGIN SOLUTION
# *Guide de correction (enseignants ; retiré de la version étudiante).*
#
# - **1 point** — Pratique clinique : l'étudiant relie la SpO2 à l'examen clinique
#   (discordance entre chiffre et état du patient : dyspnée, tirage, confusion, cyanose
#   difficile à voir sur peau foncée) et cite des situations où demander un gaz du sang
#   (SpO2 « rassurante » mais patient qui ne va pas bien, décision d'oxygénothérapie ou
#   d'arrêt d'un effort, patient à peau foncée près du seuil). Valeur V1 : le chiffre ne
#   remplace pas la relation et le regard soignants.
# - **1 point** — Un chiffre du module, juste et interprété : p. ex. le taux d'hypoxémie
#   occulte par groupe (en précisant le dénominateur : les paires à SpO2 92–96 %), l'écart de
#   sensibilité de l'alarme, ou le nombre de fausses alarmes quand on relève le seuil.
# - **1 point** — Où agir, avec prudence (valeur V4) : relever le seuil pour tous coûte des
#   fausses alarmes (fatigue d'alarme) sans supprimer l'écart ; un seuil selon la « race » est
#   un mauvais substitut de la pigmentation et stigmatise ; la correction de fond relève des
#   fabricants et des autorités (étalonnage sur toutes les pigmentations), de l'hôpital (choix
#   des appareils, protocoles) et des soignants (vigilance). Explication au patient honnête et
#   non alarmiste : l'appareil reste utile, l'équipe sait vérifier. Accepter toute position
#   argumentée ; pénaliser « l'oxymètre est inutilisable » ou « il suffit d'ajouter quelques
#   points selon la couleur de peau ».
# ### END SOLUTION

# %% [markdown]
# ## À retenir
#
# - Un **biais de mesure** est une erreur systématique d'un appareil, plus forte pour certains
#   patients : ici, l'oxymètre surestime la saturation chez les patients à peau foncée, ce qui
#   rend l'écran faussement rassurant.
# - L'**hypoxémie occulte** se compte **parmi les paires de mesures à SpO2 rassurante**
#   (92 à 96 %) : le choix du dénominateur fait partie de la définition.
# - Une alarme est un **test** : sa sensibilité peut être bonne en moyenne et mauvaise pour un
#   groupe. `MetricFrame` de fairlearn calcule les indicateurs **groupe par groupe** ; comparez
#   des **taux**, pas des effectifs.
# - Relever le seuil pour tous réduit l'écart de détection au prix de nombreuses **fausses
#   alarmes** ; la correction de fond est l'**appareil** (étalonnage sur toutes les
#   pigmentations). Un outil d'IA nourri de SpO2 hérite du biais.
# - Au chevet : un chiffre discordant avec l'état du patient appelle un **gaz du sang**. Le
#   jugement clinique reste le dernier rempart.
#
# ## Sources
#
# - Sjoding MW, Dickson RP, Iwashyna TJ, Gay SE, Valley TS. Racial bias in pulse oximetry
#   measurement. *N Engl J Med* 2020;383(25):2477-2478. doi:10.1056/NEJMc2029240.
#   Cohorte de l'université du Michigan : 11,7 % contre 3,6 % des paires SpO2 92–96 % avec
#   SaO2 < 88 %.
# - Bickler PE, Feiner JR, Severinghaus JW. Effects of skin pigmentation on pulse oximeter
#   accuracy at low saturation. *Anesthesiology* 2005;102(4):715-719.
# - O'Driscoll BR, Howard LS, Earis J, Mak V, on behalf of the British Thoracic Society
#   Emergency Oxygen Guideline Group. BTS guideline for oxygen use in adults in healthcare and emergency settings.
#   *Thorax* 2017;72(Suppl 1):ii1-ii90. doi:10.1136/thoraxjnl-2016-209729. Cible de saturation
#   de 88 à 92 % chez les patients à risque d'hypercapnie (BPCO notamment).
# - Données : synthétiques, générées par `esn_teach.datasets.make_pulse_oximetry`
#   (graine `random_state=2027`), calibrées sur Sjoding et al. (2020). Fiche descriptive
#   (origine, construction, limites, usage prévu) :
#   `esn_teach/datasets/cards/pulse_oximetry.md`. Jamais d'usage clinique.
# - Weerts H, Dudík M, Edgar R, Jalali A, Lutz R, Madaio M. Fairlearn: Assessing and improving
#   fairness of AI systems. *Journal of Machine Learning Research* 2023;24(257):1-8.
# - Pedregosa F, *et al.* Scikit-learn: Machine Learning in Python. *Journal of Machine Learning
#   Research* 2011;12:2825-2830.
