# %% [markdown]
# # Module 04 — L'oxymètre et le biais de mesure
#
# *Cours « IA et santé » — École de santé numérique, Université de Montpellier.*
#
# **Prérequis** : module 01 (sensibilité, matrice de confusion).
#
# ## Ce que vous saurez faire à la fin de ce module
#
# 1. Expliquer ce qu'est un **biais de mesure**.
# 2. Calculer un taux d'**hypoxémie occulte** avec le **bon dénominateur**, et lire sa **marge
#    d'erreur**.
# 3. Comparer une mesure de performance (la **sensibilité** d'une alarme) d'un groupe de
#    patients à l'autre.
# 4. Dire pourquoi la réponse est dans l'**appareil** (étalonnage, validation), et (après la
#    séance) ce que coûte un **seuil d'alarme relevé**.
# 5. Classer une situation clinique quand la mesure elle-même est biaisée.
#
# > **Les valeurs de l'école dans ce module**
# > - **V4 — Prudence, esprit critique et inclusivité** : un appareil de mesure peut se tromper
# >   davantage pour certains patients ; on le vérifie groupe par groupe, avec le bon
# >   dénominateur et la marge d'erreur.
# > - **V1 — Priorité à la relation humaine** : face à un chiffre rassurant, l'examen du patient
# >   et le dialogue avec lui restent le dernier rempart.
# > - **V6 — Intégrité et transparence** : signaler l'incident, parler franchement au patient.
# >
# > **Cadre de l'éthique du numérique en santé (CENS)** : bienfaisance (l'oxymètre reste utile),
# > non-malfaisance (une hypoxémie manquée retarde l'oxygène), justice et équité (l'erreur de
# > l'appareil n'est pas la même pour tous), autonomie (le patient informé des limites de
# > l'appareil peut dire ce qu'il ressent et prendre part aux décisions).
#
# ## Mode d'emploi
#
# Exécutez les cellules **dans l'ordre** : cliquez dans une cellule, puis **Maj + Entrée**.
# Pour répondre,
# remplacez les `...` (par un calcul avec les noms donnés, ou un texte ; décimales avec un
# **point** : `0.8`), exécutez, puis exécutez la **« Vérification »** en dessous. Sous chaque
# question, des **indices** repliés s'ouvrent d'un clic. Un message d'erreur finit par une
# ligne de Python en anglais : lisez l'explication française au-dessus. En séance, sautez les
# encadrés « Pour aller plus loin » et la fiche des données. **Repère** : visez la question 1
# faite vers la 25e minute de la séance, puis les questions 2 à 4.
#
# **La note** : voir la ligne « Notation », juste en dessous. Comptez environ 2 h 30 de
# travail en tout : une heure en séance, le reste après. En **séance évaluée**, les
# vérifications disent seulement si une réponse est bien écrite, pas si elle est juste : les
# résultats qui attendent une réponse juste restent masqués (ils donneraient la réponse) ; le
# retour de correction dit, question par question, ce qui était juste.

# %% [markdown] session="formative"
# **Ce notebook est l'entraînement.** La copie de la séance évaluée aura **ses propres cas**
# (d'autres chiffres, d'autres patients), des **lettres tirées pour chaque copie** (A, B, C…
# dans un ordre propre à chacun), et **seulement le premier indice** de chaque question :
# retenez la méthode, pas les réponses.

# %% [markdown]
# ## 1. Une histoire clinique
#
# Trois heures du matin, en pneumologie. Inès, infirmière, passe voir M. K., 67 ans, peau
# foncée, hospitalisé pour une pneumonie, sous oxygène. Au bout de son doigt, l'**oxymètre
# de pouls** affiche une **SpO2** rassurante : pas d'alarme. **Ce chiffre se trompe-t-il de la
# même façon pour tous les patients ?**
#
# - La **SaO2** (saturation artérielle en oxygène), part de l'hémoglobine qui transporte de
#   l'oxygène, se mesure sur une prise de sang artérielle, le **gaz du sang**, par
#   **co-oxymétrie** : la **référence**.
# - La **SpO2** est l'**estimation** de la SaO2 par l'oxymètre, à travers la peau.
# - L'**hypoxémie** est un manque d'oxygène dans le sang artériel. Dans ce module,
#   **hypoxémie** veut dire **SaO2 < 88 %, seuil de l'étude** : pas une règle de soin (encadré).
#
# <details><summary>Pour aller plus loin (lecture facultative) : le seuil de l'étude et
# l'objectif de soin ; la définition française, par la PaO2 ; la co-oxymétrie</summary>
#
# Le seuil de l'étude (SaO2 < 88 %) est bien sous l'objectif de soin,
# 94 à 98 % (O'Driscoll et al., 2017). Une SaO2 de 88 à 92 % n'est donc pas comptée comme
# hypoxémie dans ce module, sans être normale : sous 90 %, la PaO2 est déjà sous 60 mmHg (voir
# ci-dessous).
#
# En France, on définit plutôt l'hypoxémie par la **PaO2** (pression partielle en oxygène, sur
# le même gaz du sang) : hypoxémie sous 80 mmHg, insuffisance respiratoire aiguë sous 60 mmHg
# (campus de réanimation médicale de l'UNF3S). La **courbe de dissociation de l'hémoglobine**
# relie la saturation à la PaO2 : d'après elle, une SaO2 de 88 % correspond à une PaO2
# d'environ 55 mmHg (à 37 °C et pH 7,40 ; Severinghaus, 1979), et une SaO2 de 90 % à une PaO2
# d'environ 59 mmHg : de 88 à 90 % de SaO2, on est donc déjà sous 60 mmHg. La cellule de
# préparation, plus bas, recalcule ces repères.
#
# La SaO2 de référence se mesure au **co-oxymètre**, qui lit le sang à plusieurs longueurs
# d'onde (Bickler et al., 2005, utilisaient un Radiometer OSM3) : il reconnaît aussi les
# hémoglobines anormales (carboxyhémoglobine du monoxyde de carbone, méthémoglobine), que
# l'oxymètre de pouls, à deux longueurs d'onde, ne distingue pas : sa SpO2 est alors fausse.
# Attention : beaucoup d'analyseurs de gaz du sang rendent une SaO2 **calculée** à partir de
# la PaO2 (avec le pH, la température, la PaCO2), sans mesurer les hémoglobines anormales.
# Elle ne suffit pas pour auditer un oxymètre : l'audit exige une SaO2 **mesurée au
# co-oxymètre**, sur un sang prélevé en même temps que la SpO2 est lue.
# </details>
#
# **Unités et signes.** L'écart entre deux pourcentages se compte en **points**. L'erreur de
# l'oxymètre se compte SpO2 − SaO2 : positive quand il surestime.

# %% [markdown]
# ## 2. Comment un oxymètre peut-il se tromper ?
#
# L'oxymètre envoie une lumière rouge et une infrarouge à travers le doigt ; une formule
# d'**étalonnage**, réglée chez des volontaires, en déduit la saturation. En principe, la
# couleur de la peau ne devrait pas compter ; pourtant, les trois
# oxymètres testés par Bickler et al. (2005) **surestimaient** en
# moyenne la saturation des peaux foncées, d'autant plus qu'elle était basse. À l'hôpital, Sjoding et al. (2020) l'ont
# observé au Michigan selon la **race déclarée** des patients, sans mesurer leur pigmentation.
#
# <details><summary>Pourquoi, en principe, la pigmentation ne devrait pas compter (lecture
# facultative)</summary>
#
# Pour chaque couleur, l'appareil compare la part de la lumière qui varie avec le pouls (le
# sang artériel qui arrive) à toute la lumière transmise, puis divise ce rapport pour le rouge
# par le même rapport pour l'infrarouge. Ce qui absorbe la lumière sans battre avec le pouls
# (la peau et son pigment, la **mélanine**) devrait ainsi s'annuler : la SpO2 « devrait être
# indépendante de la pigmentation », écrivent Feiner, Severinghaus et Bickler (2007), qui
# mesurent pourtant, comme Bickler et al. (2005), une surestimation chez les peaux foncées en
# hypoxie. C'est pourquoi un oxymètre s'évalue chez des personnes de toutes pigmentations, et
# pas seulement sur le principe (Leeb et al., 2024, encadré de la section 3).
# </details>
#
# Un **biais de mesure** est une erreur **systématique** : en moyenne, l'appareil se trompe dans
# le même sens (ici, trop rassurant) ; ce n'est pas un « bruit » qui se compenserait. Ici, le
# biais est **différentiel** : plus fort pour un groupe que pour un autre, d'où l'injustice. Un
# outil d'IA nourri de SpO2 pourrait en hériter.

# %% [markdown]
# ## 3. Les données : des paires de mesures synthétiques
#
# Nos données sont **synthétiques** (inventées par un programme) : chaque ligne est une **paire
# de mesures** (une SaO2 et la SpO2 affichée presque au même moment), pas un patient ; 10 789
# paires, comme au Michigan (Sjoding et al., 2020). Chez les patients noirs, le générateur
# ajoute un **biais de l'appareil** qui grandit quand la saturation baisse, réglé pour retrouver
# les taux publiés.
#
# Les groupes « patients blancs » et « patients noirs » sont ceux de l'étude. En laboratoire,
# c'est la **pigmentation de la peau** qui agit (Bickler et al., 2005) ; à l'hôpital,
# l'appareil et la perfusion aussi.
#
# <details><summary>En France, peut-on auditer un appareil selon la « race » ?</summary>
#
# Ces données sont très protégées. En France, selon le Conseil constitutionnel (2007, dans une
# décision qui censure un article pour une raison de procédure), les études sur la diversité
# des origines ne sauraient reposer sur l'origine ethnique ou la « race » : elles peuvent
# porter sur des données objectives. Un audit mesurerait plutôt la
# **pigmentation** de la peau ; or elle peut, elle aussi, révéler l'origine raciale ou ethnique,
# ce qui en fait une donnée sensible (RGPD, article 9, paragraphe 1). Le détail juridique est à
# la fin du module (« ce qu'ont fait les autorités »).
# </details>

# %% [markdown]
# **Les seuils.** La SpO2 « rassurante », de 92 à 96 %, vient de Sjoding et al. (2020).
# L'alarme sous 92 % est un **seuil pédagogique** : l'objectif de saturation se décide patient
# par patient. Attention : 88 % porte sur la **SaO2** (gaz du sang : l'hypoxémie), 92 % sur
# la **SpO2** (l'écran : l'alarme).
#
# <details><summary>Pour aller plus loin : l'objectif de saturation</summary>
#
# De 94 à 98 % le plus souvent ; de 88 à 92 % en cas de risque d'**hypercapnie**, un excès de
# CO2 dans le sang, par exemple dans certaines bronchopneumopathies chroniques obstructives,
# BPCO (O'Driscoll et al., 2017). Pour ces patients, une saturation de 88 % n'est donc pas une
# alerte mais le bas de la cible : le seuil de 88 % de ce module est celui d'une étude, pas une
# règle de soin.
# </details>

# %% session="formative"
# La graine fixe le tirage : tout le monde obtient les mêmes données, et les mêmes patients.
GRAINE = 2020
GRAINE_DONNEES = GRAINE  # la graine des paires de mesures
SEANCE_EVALUEE = False  # entraînement : les résultats masqués s'affichent une fois la réponse juste
SPO2_M_K = 94  # M. K. (section 7) : SpO2 affichée par l'oxymètre (94 %)
SAO2_M_K = 86  # M. K. (section 7) : SaO2 mesurée au gaz du sang (86 %)
SPO2_MME_R, SAO2_MME_R = 91, 93  # Mme R. (section 7) : SpO2 affichée, SaO2 du gaz du sang

# %% session="evaluation"
# Vos données et vos patients sont tirés à partir de votre identifiant : exécutez cette cellule.
import numpy as np

from esn_teach import checks
from esn_teach.datasets import oximetry_case_seed

GRAINE = checks.student_seed("04")
GRAINE_DONNEES = oximetry_case_seed(GRAINE)  # la graine de vos paires de mesures
SEANCE_EVALUEE = True  # séance évaluée : les résultats qui donneraient une réponse restent masqués
tirage_des_cas = np.random.default_rng([GRAINE, 7])  # M. K. et Mme R. (section 7)
# Les mesures possibles, (SpO2 affichée, SaO2 du gaz du sang), chacune de sa borne basse à sa
# borne haute exclue : M. K. a toujours une hypoxémie que son écran rassurant cache ; Mme R.
# reçoit l'une de huit mesures, tirée pour votre copie.
MESURES_M_K = ((93, 96), (84, 88))
MESURES_MME_R_POSSIBLES = [
    ((89, 92), (92, 95)), ((86, 88), (92, 95)), ((86, 88), (92, 94)), ((93, 96), (84, 88)),
    ((93, 95), (85, 88)), ((93, 96), (86, 88)), ((94, 97), (93, 97)), ((84, 88), (80, 87)),
]
mesure_mme_r = MESURES_MME_R_POSSIBLES[tirage_des_cas.integers(len(MESURES_MME_R_POSSIBLES))]
(spo2_min, spo2_max), (sao2_min, sao2_max) = MESURES_M_K
SPO2_M_K = int(tirage_des_cas.integers(spo2_min, spo2_max))  # M. K. : SpO2 affichée
SAO2_M_K = int(tirage_des_cas.integers(sao2_min, sao2_max))  # M. K. : SaO2 du gaz du sang
(spo2_min, spo2_max), (sao2_min, sao2_max) = mesure_mme_r
SPO2_MME_R = int(tirage_des_cas.integers(spo2_min, spo2_max))  # Mme R. : SpO2 affichée
SAO2_MME_R = int(tirage_des_cas.integers(sao2_min, sao2_max))  # Mme R. : SaO2 du gaz du sang
del mesure_mme_r, spo2_min, spo2_max, sao2_min, sao2_max
print("Vos chiffres diffèrent de ceux de vos voisins, mais certaines réponses peuvent "
      "coïncider : comptez sur votre propre raisonnement.")

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il charge les outils, fabrique les données synthétiques,
# affiche leur fiche, les premières paires, deux figures et un tableau. Exécutez-le (Maj + Entrée).
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from fairlearn.metrics import MetricFrame, false_negative_rate, false_positive_rate
from IPython.display import display
from scipy.optimize import brentq
from sklearn.metrics import precision_score, recall_score

from esn_teach import checks, fr_number, fr_percent, fr_table
from esn_teach.datasets import data_card, make_pulse_oximetry
from esn_teach.evaluation import proportion_ci
from esn_teach.explorers import OximetryExplorer
from esn_teach.plotting import LINESTYLES, MARKERS, PALETTE, accessible_style, show_figure

# Les nombres à virgule des tableaux s'affichent à la française : virgule, 3 décimales.
pd.set_option("display.float_format", lambda x: fr_number(x, 3))

N_PAIRES = 10_789  # autant de paires que dans la cohorte du Michigan
SEUIL_HYPOXEMIE = 88  # hypoxémie : SaO2 < 88 %
ZONE_RASSURANTE = (92, 96)  # SpO2 « rassurante » : de 92 à 96 %
SEUIL_ALARME = 92  # consigne du service : alarme si la SpO2 affichée est < 92 %
BORNE_SAO2 = 92  # tranches de vraie SaO2 : de 88 à 92 %, puis 92 % ou plus
TRANCHES_DE_4_POINTS = ((76, 80), (84, 88))  # deux tranches de 4 points sous 88 % (section 3)
BIAIS_APPAREIL = 2.9  # surestimation chez les patients noirs quand la vraie SaO2 vaut 88 % (points)


def sao2_selon_pao2(pao2):
    """SaO2 (%) à 37 °C et pH 7,40 selon la PaO2 (mmHg) : équation de Severinghaus (1979)."""
    return 100 / (23_400 / (pao2**3 + 150 * pao2) + 1)


# brentq cherche, entre 20 et 100 mmHg, la PaO2 pour laquelle la formule donne 88 %.
pao2_a_88 = brentq(lambda p: sao2_selon_pao2(p) - SEUIL_HYPOXEMIE, 20, 100)
print(f"Repère : SaO2 {SEUIL_HYPOXEMIE} % ↔ PaO2 d'environ {fr_number(pao2_a_88, 0)} mmHg "
      f"({fr_number(pao2_a_88 * 0.1333, 1)} kPa).")
# Et à 90 % : la PaO2 y est déjà sous 60 mmHg (insuffisance respiratoire aiguë).
pao2_a_90 = brentq(lambda p: sao2_selon_pao2(p) - 90, 20, 100)
print(f"Repère : SaO2 90 % ↔ PaO2 d'environ {fr_number(pao2_a_90, 0)} mmHg (sous 60 mmHg).")
# La même formule pour la SaO2 de Mme R. (section 7).
pao2_mme_r = brentq(lambda p: sao2_selon_pao2(p) - SAO2_MME_R, 20, 100)
print(f"Repère : SaO2 {SAO2_MME_R} % (Mme R., section 7) ↔ PaO2 d'environ "
      f"{fr_number(pao2_mme_r, 0)} mmHg.")

jeu = make_pulse_oximetry(n_samples=N_PAIRES, device_bias=BIAIS_APPAREIL,
                          random_state=GRAINE_DONNEES)
display(data_card(jeu))  # la fiche, repliée : cliquez sur son titre pour la déplier
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
display(fr_table(
    paires.head().assign(hypoxemie=lambda d: d["hypoxemie"].map({True: "oui", False: "non"})),
    columns={
        "groupe": "Groupe",
        "sao2": "SaO2, gaz du sang (%)",
        "spo2": "SpO2 affichée (%)",
        "hypoxemie": "Hypoxémie (SaO2 < 88 %, seuil de l'étude)",
    },
    caption="Les cinq premières paires de mesures",
    digits=1,
    show_index=False,
))


# Deux figures, puis un tableau ; lisez-les, et les lignes dessous.
# Le schéma des seuils : en haut la vérité (SaO2, gaz du sang), en bas l'écran (SpO2).
zones = [  # (ligne, début, fin, motif de hachures, couleur, texte écrit dans la zone)
    (1, 80, SEUIL_HYPOXEMIE, "//", PALETTE["vermillion"], f"hypoxémie : SaO2 < {SEUIL_HYPOXEMIE} %"),
    (0, 80, SEUIL_ALARME, "xx", PALETTE["orange"], f"alarme : SpO2 < {SEUIL_ALARME} %"),
    (0, ZONE_RASSURANTE[0], ZONE_RASSURANTE[1], "..", PALETTE["sky_blue"],
     f"rassurante :\n{ZONE_RASSURANTE[0]} à {ZONE_RASSURANTE[1]} %"),
]
with accessible_style():
    fig, ax = plt.subplots(figsize=(8, 2.8), layout="constrained")
    for ligne, debut, fin, motif, couleur, texte in zones:
        ax.barh(ligne, fin - debut, left=debut, height=0.7, color=couleur, hatch=motif,
                edgecolor=PALETTE["black"])
        ax.text((debut + fin) / 2, ligne, texte, ha="center", va="center", fontsize=10,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 2})
    ax.set_xlim(80, 100)
    ax.set_xticks(range(80, 101, 2))  # graduations entières : 88, 92 et 96 y figurent
    ax.set_yticks([0, 1], ["SpO2 affichée\n(l'oxymètre)", "SaO2 mesurée\n(gaz du sang)"])
    ax.set_xlabel("Saturation en oxygène (%)")
    ax.set_ylabel("Mesure")
    ax.set_title("Deux seuils, sur deux mesures différentes")
    show_figure(
        fig,
        "Schéma : deux bandes sur une échelle de saturation de 80 à 100 %. En haut, la SaO2 "
        f"du gaz du sang (la vérité) : l'hypoxémie est la zone sous {SEUIL_HYPOXEMIE} % "
        f"(hachures obliques). En bas, la SpO2 affichée par l'oxymètre : l'alarme sonne sous "
        f"{SEUIL_ALARME} % (hachures croisées) ; la zone rassurante va de {ZONE_RASSURANTE[0]} "
        f"à {ZONE_RASSURANTE[1]} % (points). Une SpO2 rassurante peut cacher une SaO2 sous "
        f"{SEUIL_HYPOXEMIE} % : c'est l'hypoxémie occulte.",
    )

# La figure : pour chaque SpO2 affichée, la part des paires en hypoxémie, par groupe.
valeurs_lues = range(86, 101)
part_hypoxemie = {
    nom: [paires.loc[masque & (paires["spo2"] == v), "hypoxemie"].mean() for v in valeurs_lues]
    for nom, masque in (("patients blancs", blancs), ("patients noirs", noirs))
}
with accessible_style():
    fig, ax = plt.subplots(figsize=(8, 4.2), layout="constrained")
    for i, (nom, parts) in enumerate(part_hypoxemie.items()):
        ax.plot(list(valeurs_lues), parts, marker=MARKERS[i], linestyle=LINESTYLES[i], label=nom)
    ax.set_title("À SpO2 affichée égale, le risque d'hypoxémie diffère selon le groupe")
    ax.set_xlabel("SpO2 affichée par l'oxymètre (%)")
    ax.set_ylabel("Part des paires avec SaO2 < 88 %")
    ax.yaxis.set_major_formatter(lambda y, _: fr_percent(y, 0))  # axe en %, virgule décimale
    ax.legend()
    show_figure(
        fig,
        "Courbes : part des paires en hypoxémie (SaO2 < 88 %) selon la SpO2 affichée, de "
        "86 à 100 %, pour les patients blancs (ronds, trait plein) et noirs (carrés, tirets). "
        "À valeur affichée égale, la courbe des patients noirs est au-dessus : l'écran les "
        "rassure plus souvent à tort. Les valeurs à 92, 94 et 96 % sont écrites ci-dessous.",
    )
for v in (92, 94, 96):
    i = v - 86
    print(f"SpO2 affichée {v} % : hypoxémie dans "
          f"{fr_percent(part_hypoxemie['patients blancs'][i])} des paires (patients blancs), "
          f"{fr_percent(part_hypoxemie['patients noirs'][i])} (patients noirs).")
effectifs_noirs = [int((noirs & (spo2 == v)).sum()) for v in range(86, 92)]
print("Paires de patients noirs par valeur affichée, de 86 à 91 % : "
      + ", ".join(str(n) for n in effectifs_noirs) + " : si peu de paires par point que les "
      "zigzags de leur courbe, sous 92 %, peuvent venir du hasard.")

# Le tableau : l'erreur de l'oxymètre, SpO2 − SaO2 (positive quand il surestime), par groupe et
# par tranche de vraie SaO2 : sa moyenne (le biais) et son écart-type (la dispersion).
erreur = spo2 - sao2
tranches = {
    f"SaO2 < {SEUIL_HYPOXEMIE} %": sao2 < SEUIL_HYPOXEMIE,
    # Deux tranches de 4 points, dans la précédente : la tranche « < 88 % » descend à 60 %.
    **{
        f"dont SaO2 de {bas} à {haut} %": (sao2 >= bas) & (sao2 < haut)
        for bas, haut in TRANCHES_DE_4_POINTS
    },
    f"SaO2 de {SEUIL_HYPOXEMIE} à {BORNE_SAO2} %": (sao2 >= SEUIL_HYPOXEMIE) & (sao2 < BORNE_SAO2),
    f"SaO2 de {BORNE_SAO2} % ou plus": sao2 >= BORNE_SAO2,
}
lignes = [
    {
        "groupe": nom,
        "tranche": tranche,
        "paires": int((masque & dans).sum()),
        "moyenne": erreur[masque & dans].mean(),
        "ecart_type": erreur[masque & dans].std(ddof=1),
    }
    for nom, masque in (("patients blancs", blancs), ("patients noirs", noirs))
    for tranche, dans in tranches.items()
]
display(fr_table(
    pd.DataFrame(lignes),
    columns={
        "groupe": "Groupe",
        "tranche": "Vraie saturation (gaz du sang)",
        "paires": "Paires",
        "moyenne": "Erreur moyenne, le biais (points)",
        "ecart_type": "Écart-type, la dispersion (points)",
    },
    caption="Erreur de l'oxymètre, SpO2 − SaO2 (positive quand il surestime)",
    digits=1,
    show_index=False,
))

# %% [markdown]
# À **valeur affichée égale**, le même chiffre rassure **à tort** plus souvent les patients
# noirs. Le tableau montre ce que le générateur a mis dans nos données : chez eux, l'erreur
# moyenne grandit quand la SaO2 baisse, jusque dans la tranche sous 88 % (ses lignes « dont »,
# deux tranches de 4 points). L'appareil se trompe davantage, toujours dans le même sens :
# c'est le **biais**, un défaut de **justesse**. La **dispersion** de ses erreurs, un défaut
# de **fidélité**, reste proche d'un groupe à l'autre.
#
# <details><summary>Pour aller plus loin : la fidélité au sens strict ; l'ARMS, la mesure
# d'exactitude d'un oxymètre</summary>
#
# Au sens strict, la fidélité se juge en répétant la mesure chez une même personne. Entre
# patients, notre écart-type mêle l'imprécision de l'appareil et les différences de biais d'une
# personne à l'autre : il en donne une idée, pas une mesure pure.
#
# L'**ARMS** réunit biais et dispersion : la racine de la moyenne des carrés des erreurs SpO2 −
# SaO2. Leeb et al. (2024) ont testé 11 oxymètres de doigt chez 34 volontaires en bonne santé :
# 5 avaient une ARMS au-dessus de 3 %, hors de la plage que la FDA juge acceptable, et 9 se
# trompaient davantage chez les participants à la peau la plus foncée. Notre générateur n'est
# pas calibré sur l'exactitude des appareils : même son « appareil sans biais » (section 9) a
# une ARMS d'environ 3,3 points (fiche des données), au-dessus de ce seuil de 3 %.
# </details>
#
# ## 4. L'hypoxémie occulte
#
# L'**hypoxémie occulte** (cachée) est une hypoxémie (SaO2 < 88 %) **alors que**
# l'oxymètre affiche une SpO2 rassurante, de 92 à 96 %. Au Michigan, **parmi les paires** à SpO2
# rassurante, la SaO2 était sous 88 % dans 11,7 % de celles des patients noirs, contre 3,6 % de
# celles des patients blancs (Sjoding et al., 2020) : des parts de **paires de mesures**, pas
# de patients.
#
# <details><summary>Pour aller plus loin (après la séance) : un taux qui dépend aussi de la
# gravité des patients</summary>
#
# Ce taux est une **valeur prédictive** : dans un groupe plus grave, il est plus haut, même
# avec un appareil sans biais. Nos deux groupes sont aussi graves l'un que l'autre ; à
# l'hôpital, pas forcément.
#
# Un schéma : ce que dit l'écran, croisé avec ce que dit le gaz du sang.
#
# | L'écran dit | Le gaz du sang dit : hypoxémie | Le gaz du sang dit : pas d'hypoxémie |
# |---|---|---|
# | « rassurant » (SpO2 de 92 à 96 %) | hypoxémie occulte | l'écran rassure à raison |
# | autre chose | — | — |
#
# Ce taux part de ce que dit l'écran, comme une **valeur prédictive** (module 01), et non de
# ce que dit le gaz du sang : une valeur prédictive calculée dans la seule zone de 92 à 96 %
# (ce n'est pas la VPN de l'alarme à 92 %, qui compterait aussi les SpO2 de 97 à 100 %). Une
# valeur prédictive dépend de la part des patients
# très désaturés dans le groupe : si l'un des groupes compte plus de patients graves (autre
# service, autre recrutement), son taux est plus haut même avec un appareil sans biais, qui se
# tromperait au hasard autant pour tous. Un écart de taux ne prouve donc pas, à lui seul, un
# biais de mesure ; la courbe « à SpO2 affichée égale » se lit avec la même réserve. Notre
# générateur tire la SaO2 de la même façon pour les deux groupes : l'écart ne peut venir que de
# l'appareil. La **sensibilité** (section 5) part des hypoxémies : elle ne dépend pas de
# leur **nombre** (la prévalence), mais elle dépend encore de leur **profondeur** (le spectre) :
# une hypoxémie profonde fait sonner l'alarme plus souvent qu'une hypoxémie à la limite, même
# avec un appareil sans biais. Dans un groupe plus grave, elle serait donc plus haute sans que
# l'appareil soit meilleur : elle décrit ce que vivent les patients, pas l'appareil seul.
# </details>

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il compte les paires de chaque groupe et range chaque
# nombre sous un nom (une variable) ; lisez le tableau et la liste des noms, dessous.
rassurante = (spo2 >= ZONE_RASSURANTE[0]) & (spo2 <= ZONE_RASSURANTE[1])  # de 92 à 96 %
occulte = hypox & rassurante

n_paires_blancs, n_paires_noirs = int(blancs.sum()), int(noirs.sum())
n_hypoxemies_blancs = int((blancs & hypox).sum())
n_hypoxemies_noirs = int((noirs & hypox).sum())
n_rassurantes_blancs = int((blancs & rassurante).sum())
n_rassurantes_noirs = int((noirs & rassurante).sum())
n_occultes_blancs = int((blancs & occulte).sum())
n_occultes_noirs = int((noirs & occulte).sum())

# Chaque colonne du tableau : le nom de son nombre chez les patients blancs, puis noirs.
comptes = {
    "Toutes les paires": {"n_paires_blancs": n_paires_blancs, "n_paires_noirs": n_paires_noirs},
    "Hypoxémie (SaO2 < 88 %, seuil de l'étude)": {
        "n_hypoxemies_blancs": n_hypoxemies_blancs, "n_hypoxemies_noirs": n_hypoxemies_noirs
    },
    "SpO2 de 92 à 96 %": {
        "n_rassurantes_blancs": n_rassurantes_blancs, "n_rassurantes_noirs": n_rassurantes_noirs
    },
    "SpO2 de 92 à 96 % ET SaO2 < 88 %": {
        "n_occultes_blancs": n_occultes_blancs, "n_occultes_noirs": n_occultes_noirs
    },
}
tableau = pd.DataFrame(
    {colonne: list(noms.values()) for colonne, noms in comptes.items()},
    index=pd.Index(["patients blancs", "patients noirs"], name="Groupe"),
)
display(fr_table(tableau, caption="Nombre de paires de mesures"))
print("Les mêmes nombres, sous le nom à écrire dans vos calculs :")
for colonne, noms in comptes.items():
    print(f"  {colonne} : " + " ; ".join(f"{nom} = {n}" for nom, n in noms.items()))

# %% [markdown]
# Chacun de ces noms (une **variable**) garde un nombre : une case du tableau.
#
# ### Question 1 — Le taux d'hypoxémie occulte chez les patients noirs (1 point)
#
# Calculez le **taux d'hypoxémie occulte** chez les patients noirs, défini comme dans l'étude,
# sous forme de proportion entre 0 et 1 : écrivez une division de deux de ces noms, avec `/`.
#
# <details><summary>Indice 1</summary>
#
# Un taux est une part : « parmi **qui** ? ». Relisez la définition de l'étude : de quelles
# paires part-on ? De toutes les paires, des hypoxémies, ou des paires où l'écran rassurait ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Complétez la phrase de la définition : « parmi les paires où ______, la part de celles où
# ______ ». Le premier trou est le groupe de départ (le dénominateur), le second ce que l'on
# compte en lui (le numérateur). Quelle colonne du tableau correspond à chaque trou ?
# </details>
#
# <details><summary>Indice 3</summary>
#
# Un exemple résolu, pour une **autre** question : la part des paires en hypoxémie parmi
# **toutes** les paires des patients blancs s'écrit `n_hypoxemies_blancs / n_paires_blancs` :
# ce que l'on compte, divisé par le groupe de départ. Faites de même avec les deux trous de
# l'indice 2, chez les patients noirs. Contrôle : chaque paire comptée au-dessus de la barre
# doit aussi faire partie du groupe en dessous.
# </details>

# %% answer="taux_occulte_noirs"
taux_occulte_noirs = ...
### BEGIN SOLUTION
taux_occulte_noirs = n_occultes_noirs / n_rassurantes_noirs
### END SOLUTION

# %% tests="taux_occulte_noirs" points=1 session="formative"
# Vérification de la question 1 : exécutez cette cellule.
valeur_q1 = checks.require_number(taux_occulte_noirs, name="taux_occulte_noirs")
checks.expect(
    not checks.matches_digest(valeur_q1, "078ffbf733a200ed", name="taux_occulte_noirs"),
    "vous avez calculé le taux des patients blancs (groupes inversés). Prenez les variables "
    "qui finissent par _noirs.",
    name="taux_occulte_noirs",
)
checks.check_number(
    taux_occulte_noirs,
    name="taux_occulte_noirs",
    digest="1233bf6b09d35d3f",
    bounds=(0, 1),
    mistakes=[
        checks.Mistake(np.mean(occulte[noirs]),
                       "mauvais dénominateur : vous avez divisé par toutes les paires du groupe. "
                       "L'hypoxémie occulte se compte parmi les paires où l'écran rassurait "
                       "(SpO2 de 92 à 96 %)."),
        checks.Mistake(np.mean(occulte[noirs & hypox]),
                       "mauvais dénominateur : vous avez divisé par les hypoxémies. Vous "
                       "obtenez la part des hypoxémies affichées dans la zone rassurante "
                       "(SpO2 de 92 à 96 %), une autre question ; l'étude part des paires où "
                       "l'écran rassurait."),
        checks.Mistake(np.mean(hypox[noirs]),
                       "vous avez calculé la part des hypoxémies parmi toutes les paires "
                       "du groupe (sa prévalence), sans regarder ce qu'affichait l'écran. "
                       "L'hypoxémie occulte se compte parmi les paires où l'écran rassurait "
                       "(SpO2 de 92 à 96 %), au numérateur comme au dénominateur."),
        checks.Mistake(0.117,
                       "vous avez recopié le chiffre publié au Michigan (11,7 %). La question "
                       "porte sur nos données : calculez le taux avec les variables du tableau."),
        checks.Mistake(np.mean(occulte[rassurante]),
                       "groupes réunis : vous avez compté les paires des deux groupes ensemble. "
                       "La question porte sur les patients noirs : prenez, au-dessus comme en "
                       "dessous de la barre, les noms qui finissent par _noirs."),
        checks.Mistake(None, "numérateur : vous avez compté toutes les hypoxémies du "
                       "groupe, même celles où l'écran affichait une SpO2 hors de la zone "
                       "rassurante. L'hypoxémie occulte, c'est une hypoxémie ET une SpO2 "
                       "de 92 à 96 %.", digest="3eaf10ec4877bf49"),
        checks.Mistake(None, "numérateur et dénominateur inversés : une proportion ne dépasse "
                       "pas 1. Le groupe de départ (« parmi les paires où… ») va au "
                       "dénominateur, sous la barre de division.", digest="45219940605ba9de"),
        checks.Mistake(None, "groupes mélangés : le numérateur et le dénominateur ne viennent "
                       "pas du même groupe de patients. Une part se compte dans un seul groupe : "
                       "prenez, au-dessus comme en dessous de la barre, les noms qui finissent "
                       "par _noirs.", digest="94a123f711d09f30"),
        checks.Mistake(None, "double compte : les paires occultes font déjà partie des paires "
                       "à SpO2 de 92 à 96 %. Ne les ajoutez pas au dénominateur : le groupe de "
                       "départ, seul, va sous la barre.", digest="bfc3e90d5d7563fc"),
        checks.Mistake(None, "une valeur au-dessus de 1 vient d'un calcul en trop après la "
                       "division : Python calcule a / b + c comme (a / b) + c. L'hypoxémie "
                       "occulte est une division de deux noms, sans rien ajouter.",
                       digest="59eeba9574c9b3ff"),
    ],
    hint="Un taux se calcule parmi un groupe de départ : relisez la définition de l'étude.",
    success="parmi les paires où l'écran rassurait (SpO2 de 92 à 96 %), vous avez compté "
    "celles qui cachaient une hypoxémie : le groupe de départ de la définition est au "
    "dénominateur.",
    points=1,
)
### BEGIN HIDDEN TESTS
# The library's rate, imported here only: the student's setup cell does not offer it as a
# shortcut for question 1 (review 04 d22, lecturer finding 2).
from esn_teach.datasets import occult_hypoxemia_rate

checks.check_number(
    taux_occulte_noirs,
    name="taux_occulte_noirs",
    expected=occult_hypoxemia_rate(
        pd.DataFrame({"sao2": sao2, "spo2": spo2, "noir": noirs}), by="noir"
    )[True],
    points=1,
)
### END HIDDEN TESTS

# %% mistake="taux_occulte_noirs" session="formative"
# message : vous avez divisé par toutes les paires du groupe
taux_occulte_noirs = n_occultes_noirs / n_paires_noirs

# %% mistake="taux_occulte_noirs" session="formative"
# message : vous avez divisé par les hypoxémies
taux_occulte_noirs = n_occultes_noirs / n_hypoxemies_noirs

# %% mistake="taux_occulte_noirs" session="formative"
# message : groupes inversés
taux_occulte_noirs = n_occultes_blancs / n_rassurantes_blancs

# %% mistake="taux_occulte_noirs" session="formative"
# message : vous avez recopié le chiffre publié
taux_occulte_noirs = 0.117

# %% mistake="taux_occulte_noirs" session="formative"
# message : vous avez donné un pourcentage
taux_occulte_noirs = 100 * n_occultes_noirs / n_rassurantes_noirs

# %% mistake="taux_occulte_noirs" session="formative"
# message : numérateur : vous avez compté toutes les hypoxémies
taux_occulte_noirs = n_hypoxemies_noirs / n_rassurantes_noirs

# %% mistake="taux_occulte_noirs" session="formative"
# message : la part des hypoxémies parmi toutes les paires du groupe (sa prévalence)
taux_occulte_noirs = n_hypoxemies_noirs / n_paires_noirs

# %% mistake="taux_occulte_noirs" session="formative"
# message : numérateur et dénominateur inversés
taux_occulte_noirs = n_rassurantes_noirs / n_occultes_noirs

# %% mistake="taux_occulte_noirs" session="formative"
# message : groupes mélangés
taux_occulte_noirs = n_occultes_noirs / n_rassurantes_blancs

# %% mistake="taux_occulte_noirs" session="formative"
# message : double compte
taux_occulte_noirs = n_occultes_noirs / (n_rassurantes_noirs + n_occultes_noirs)

# %% mistake="taux_occulte_noirs" session="formative"
# message : Python calcule a / b + c comme (a / b) + c
taux_occulte_noirs = n_occultes_noirs / n_rassurantes_noirs + n_occultes_noirs

# %% mistake="taux_occulte_noirs" session="formative"
# message : groupes réunis
taux_occulte_noirs = (n_occultes_noirs + n_occultes_blancs) / (n_rassurantes_noirs + n_rassurantes_blancs)

# %% tests="taux_occulte_noirs" points=1 session="evaluation"
# Vérification de la question 1 : exécutez cette cellule.
checks.check_form(taux_occulte_noirs, name="taux_occulte_noirs", kind="number", decimals=3,
                  bounds=(0, 1))
### BEGIN HIDDEN TESTS
# The library's rate, imported here only: the student's setup cell does not offer it as a
# shortcut (review 04 d22, lecturer finding 2).
from esn_teach.datasets import occult_hypoxemia_rate

paires_q1 = make_pulse_oximetry(n_samples=10_789, device_bias=2.9, random_state=oximetry_case_seed(checks.student_seed("04", announce=False))).frame
noir_q1 = (paires_q1["race"].astype(str) == "Black").to_numpy()
rassure_q1 = paires_q1["spo2"].between(92, 96).to_numpy()
hypox_q1 = (paires_q1["sao2"] < 88).to_numpy()
checks.check_number(
    taux_occulte_noirs, name="taux_occulte_noirs",
    expected=occult_hypoxemia_rate(paires_q1.assign(noir_q1=noir_q1), by="noir_q1")[True],
    bounds=(0, 1),
    mistakes=[
        checks.Mistake((hypox_q1 & rassure_q1 & noir_q1).sum() / noir_q1.sum(), "mauvais dénominateur : vous avez divisé par toutes les paires du groupe."),
        checks.Mistake((hypox_q1 & rassure_q1 & noir_q1).sum() / (hypox_q1 & noir_q1).sum(), "mauvais dénominateur : vous avez divisé par les hypoxémies."),
        checks.Mistake((hypox_q1 & rassure_q1 & ~noir_q1).sum() / (rassure_q1 & ~noir_q1).sum(), "vous avez calculé le taux des patients blancs (groupes inversés)."),
        checks.Mistake((hypox_q1 & noir_q1).sum() / noir_q1.sum(), "vous avez calculé la part des hypoxémies parmi toutes les paires du groupe (sa prévalence)."),
        checks.Mistake((hypox_q1 & noir_q1).sum() / (rassure_q1 & noir_q1).sum(), "numérateur : vous avez compté toutes les hypoxémies du groupe."),
        # The formative's named mistakes that apply here too (review 04 d18, lecturer finding 6); a
        # value above 1 (inverted ratio, « combien de fois plus ») is stopped by the form check.
        checks.Mistake((hypox_q1 & rassure_q1 & noir_q1).sum() / (rassure_q1 & ~noir_q1).sum(), "groupes mélangés : le numérateur et le dénominateur ne viennent pas du même groupe de patients."),
        checks.Mistake((hypox_q1 & rassure_q1 & noir_q1).sum() / ((rassure_q1 & noir_q1).sum() + (hypox_q1 & rassure_q1 & noir_q1).sum()), "double compte : les paires occultes font déjà partie des paires à SpO2 de 92 à 96 %."),
        # Both groups pooled (review 04 d22, lecturer finding 6).
        checks.Mistake((hypox_q1 & rassure_q1).sum() / rassure_q1.sum(), "groupes réunis : vous avez compté les paires des deux groupes ensemble. La question porte sur un seul groupe : prenez, au-dessus comme en dessous de la barre, les noms qui finissent par _noirs."),
    ],
    points=1,
)
### END HIDDEN TESTS

# %% mistake="taux_occulte_noirs" session="evaluation"
# message : vous avez divisé par toutes les paires du groupe
taux_occulte_noirs = n_occultes_noirs / n_paires_noirs

# %% mistake="taux_occulte_noirs" session="evaluation"
# message : vous avez divisé par les hypoxémies
taux_occulte_noirs = n_occultes_noirs / n_hypoxemies_noirs

# %% mistake="taux_occulte_noirs" session="evaluation"
# message : (sa prévalence)
taux_occulte_noirs = n_hypoxemies_noirs / n_paires_noirs

# %% mistake="taux_occulte_noirs" session="evaluation"
# message : numérateur : vous avez compté toutes les hypoxémies
taux_occulte_noirs = n_hypoxemies_noirs / n_rassurantes_noirs

# %% mistake="taux_occulte_noirs" session="evaluation"
# message : groupes mélangés
taux_occulte_noirs = n_occultes_noirs / n_rassurantes_blancs

# %% mistake="taux_occulte_noirs" session="evaluation"
# message : double compte
taux_occulte_noirs = n_occultes_noirs / (n_rassurantes_noirs + n_occultes_noirs)

# %% mistake="taux_occulte_noirs" session="evaluation"
# message : groupes réunis
taux_occulte_noirs = (n_occultes_noirs + n_occultes_blancs) / (n_rassurantes_noirs + n_rassurantes_blancs)

# %% [markdown]
# ### La marge d'erreur d'un taux
#
# Un taux calculé sur un échantillon n'est qu'une **estimation**. L'**intervalle de confiance à
# 95 %** donne la fourchette des valeurs compatibles avec les données ; plus le dénominateur
# est petit, plus elle est large.
#
# <details><summary>Pour aller plus loin : des paires « indépendantes »</summary>
#
# Ces intervalles supposent des paires **indépendantes** : chacune apporte une information
# nouvelle, comme nos paires synthétiques, tirées chacune au hasard. Au Michigan, un même
# patient donnait près de 7 paires (10 789 pour 1 609 patients ; Sjoding et al., 2020), qui
# se ressemblent : elles apportent moins d'information que leur nombre le laisse croire, et
# ces intervalles y seraient trop étroits. C'est pourquoi nos trois audits inventés ne prennent
# qu'**une paire par patient**.
# </details>

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il calcule les taux et leurs intervalles à 95 % ; lisez
# les résultats sous la cellule.
def intervalle_95(k, n):
    """Intervalle de confiance à 95 % (Wilson) de la proportion k / n."""
    bas, haut = proportion_ci(k, n)
    return f"de {fr_percent(bas)} à {fr_percent(haut)}"


def ecart_95(k1, n1, k2, n2):
    """Écart k1/n1 − k2/n2 en points, et son intervalle à 95 % (méthode de Newcombe)."""
    p1, p2 = k1 / n1, k2 / n2
    (bas1, haut1), (bas2, haut2) = proportion_ci(k1, n1), proportion_ci(k2, n2)
    bas = p1 - p2 - np.hypot(p1 - bas1, haut2 - p2)
    haut = p1 - p2 + np.hypot(haut1 - p1, p2 - bas2)
    points = [fr_number(100 * x, 0).replace("-", "−") for x in (p1 - p2, bas, haut)]
    return f"{points[0]} points, intervalle à 95 % de {points[1]} à {points[2]} points"


print("Nos données : hypoxémie occulte parmi les paires à SpO2 de 92 à 96 %")
print(f"  patients blancs : {n_occultes_blancs} sur {n_rassurantes_blancs}, soit "
      f"{fr_percent(n_occultes_blancs / n_rassurantes_blancs)} ; intervalle à 95 % "
      f"{intervalle_95(n_occultes_blancs, n_rassurantes_blancs)}")
# checks.passed : la dernière vérification de la question 1 a-t-elle dit « juste » ?
if SEANCE_EVALUEE:
    # Session-specific wording (review 04 d22, lecturer finding 5).
    print("  patients noirs : ce taux est la réponse de la question 1 ; il reste masqué pendant "
          "la séance évaluée. Les audits ci-dessous et la suite du module n'en ont pas besoin.")
elif not checks.passed("taux_occulte_noirs"):
    print("  patients noirs : ce taux touche à la question 1 ; il s'affichera ici quand sa "
          "vérification aura dit « juste » : relancez alors cette cellule. Bloqué·e ? Ouvrez "
          "les indices de la question 1, ou continuez : les audits ci-dessous et la suite du "
          "module n'en ont pas besoin.")
else:
    k, n = n_occultes_noirs, n_rassurantes_noirs
    print(f"  patients noirs : {k} sur {n}, soit {fr_percent(k / n)} ; intervalle à 95 % "
          f"{intervalle_95(k, n)}")
    # Pourquoi pas exactement 11,7 %, le taux publié sur lequel le générateur est réglé ?
    bas, haut = proportion_ci(n_occultes_noirs, n_rassurantes_noirs)
    notre_taux = fr_percent(n_occultes_noirs / n_rassurantes_noirs)
    if bas <= 0.117 <= haut:
        lecture = ("l'écart est compatible avec le hasard du tirage des paires : notre "
                   "intervalle contient 11,7 %.")
    else:
        lecture = "notre intervalle ne contient pas 11,7 % : l'écart dépasse le seul hasard."
    print(f"  Au Michigan : 11,7 % chez les patients noirs ; ici {notre_taux} : {lecture}")

# %% jupyter={"source_hidden": true} session="formative"
# Inutile de lire ce code (replié) : trois audits inventés, leurs taux et leurs intervalles à
# 95 % ; lisez les résultats sous la cellule.
# Trois audits inventés, une paire par patient (des paires indépendantes) :
# (paires occultes, paires rassurantes) par groupe.
AUDITS = {
    "un mois": {"patients noirs": (3, 20), "patients blancs": (4, 80)},
    "un an": {"patients noirs": (30, 200), "patients blancs": (40, 800)},
    "six mois": {"patients noirs": (12, 100), "patients blancs": (20, 400)},
}
TITRES_AUDITS = {
    "un mois": "L'audit « un mois », service A",
    "un an": "L'audit « un an », même service A",
    "six mois": "L'audit « six mois », un autre service B",
}
for duree, audit in AUDITS.items():
    print(f"\n{TITRES_AUDITS[duree]} (chiffres inventés ; une paire par patient) :")
    for nom, (k, n) in audit.items():
        print(f"  {nom} : {k} sur {n}, soit {fr_percent(k / n)} ; intervalle à 95 % "
              f"{intervalle_95(k, n)}")
    print(f"  écart (noirs − blancs) : "
          f"{ecart_95(*audit['patients noirs'], *audit['patients blancs'])}")

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : trois audits inventés, tirés pour votre copie parmi des
# audits de même difficulté ; leurs taux et leurs intervalles à 95 %, sous la cellule.
tirage_des_audits = np.random.default_rng([GRAINE, 2])
# (paires occultes, paires rassurantes) chez les patients noirs, puis chez les patients blancs.
UN_MOIS_POSSIBLES = [((3, 20), (4, 80)), ((3, 20), (3, 60)), ((4, 20), (6, 80))]
SIX_MOIS_POSSIBLES = [
    ((12, 100), (20, 400)), ((13, 100), (24, 400)), ((13, 110), (20, 400)), ((14, 120), (20, 400))
]
ECART_NET_POSSIBLES = [((6, 20), (4, 80)), ((6, 20), (3, 60)), ((6, 20), (5, 80)), ((7, 20), (4, 80))]
TAUX_PROCHES_POSSIBLES = [
    ((16, 200), (48, 800)), ((18, 200), (56, 800)), ((20, 200), (64, 800)), ((19, 200), (42, 600))
]
SIX_MOIS_BIS_POSSIBLES = [
    ((9, 100), (24, 400)), ((10, 110), (24, 400)), ((10, 100), (28, 400)), ((11, 120), (28, 400))
]
i_un_mois = tirage_des_audits.integers(3)
six_mois = SIX_MOIS_POSSIBLES[tirage_des_audits.integers(4)]
i_ecart_net = tirage_des_audits.integers(4)
taux_proches = TAUX_PROCHES_POSSIBLES[tirage_des_audits.integers(4)]
petits = tirage_des_audits.integers(2) == 0
# Deux petits audits (20 paires chez les patients noirs) ou deux grands (200), et un moyen ;
# le tirage choisit aussi, pour votre copie, combien d'entre eux (un ou deux) ne permettent pas
# de conclure.
variante = tirage_des_audits.integers(6)
six_mois_bis = SIX_MOIS_BIS_POSSIBLES[tirage_des_audits.integers(4)]
if petits:
    audits_tires = [UN_MOIS_POSSIBLES[i_un_mois], ECART_NET_POSSIBLES[i_ecart_net], six_mois]
else:
    dix_fois = [tuple((10 * k, 10 * n) for k, n in audit) for audit in UN_MOIS_POSSIBLES]
    audits_tires = [taux_proches, dix_fois[i_un_mois], six_mois]
if variante >= 3:
    audits_tires[1] = six_mois_bis
# Votre copie présente les trois audits sous des lettres, dans un ordre tiré pour elle, et ne
# garde qu'eux : les audits sous leurs lettres.
ordre_des_audits, _ = checks.draw_slots(GRAINE, "conclusion_audit", ["un mois", "un an", "six mois"])
AUDITS_LUS = {
    lettre: dict(zip(["patients noirs", "patients blancs"],
                     audits_tires[["un mois", "un an", "six mois"].index(role)], strict=True))
    for lettre, role in ordre_des_audits.items()
}
del i_un_mois, six_mois, i_ecart_net, taux_proches, petits, variante, six_mois_bis
del audits_tires, ordre_des_audits
for lettre, audit in AUDITS_LUS.items():
    print(f"\nL'audit {lettre} (chiffres inventés ; une paire par patient) :")
    for nom, (k, n) in audit.items():
        print(f"  {nom} : {k} sur {n}, soit {fr_percent(k / n)} ; intervalle à 95 % "
              f"{intervalle_95(k, n)}")
    print(f"  écart (noirs − blancs) : "
          f"{ecart_95(*audit['patients noirs'], *audit['patients blancs'])}")

# %% [markdown]
# Pour comparer deux groupes, on ne
# regarde pas si leurs intervalles se chevauchent : on calcule l'**écart** entre les deux taux
# et **son** intervalle à 95 %. S'il contient 0, un écart nul reste possible.
#
# <details><summary>Pour aller plus loin : la méthode de calcul</summary>
#
# L'intervalle d'un taux est celui de Wilson (1927), adapté aux petits effectifs ; celui de
# l'écart, celui de Newcombe (1998), qui combine les intervalles de Wilson des deux taux.
# </details>
#
# ### Question 2 — Que conclure de chaque audit ? (3 points : + 1 par audit juste, − 1 par audit faux, 0 sans réponse ; total jamais sous 0)
#
# Pour **chaque audit seul**, que peut-on conclure ? Écrivez entre guillemets **doubles** l'une
# des deux réponses `"un écart est mis en évidence"` ou `"on ne peut pas conclure"`. Deux
# réponses possibles : un audit faux retire autant qu'un audit juste rapporte, et répondre au
# hasard ne rapporte rien en moyenne ; un audit laissé `...` ne coûte rien.
#
# <details><summary>Indice 1</summary>
#
# Ne regardez pas seulement les deux taux : regardez la dernière ligne de chaque audit,
# l'**écart** et son intervalle. Quelles valeurs de l'écart sont compatibles avec l'audit ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Pour chaque audit, deux questions. Un écart nul est-il dans l'intervalle de l'écart ? Un
# écart important l'est-il ? Puis relisez les deux phrases : laquelle décrit ce cas ? Les
# intervalles des deux taux, eux, ne décident pas.
# </details>

# %% answer="conclusion_audit" session="formative"
conclusion_audit = {"un mois": ..., "un an": ..., "six mois": ...}
### BEGIN SOLUTION
conclusion_audit["un mois"] = "on ne peut pas conclure"
conclusion_audit["un an"] = "un écart est mis en évidence"
conclusion_audit["six mois"] = "un écart est mis en évidence"
### END SOLUTION

# %% answer="conclusion_audit" session="evaluation"
conclusion_audit = {"A": ..., "B": ..., "C": ...}
### BEGIN SOLUTION
for audit_lu in conclusion_audit:
    audit = AUDITS_LUS[audit_lu]
    (k_n, n_n), (k_b, n_b) = audit["patients noirs"], audit["patients blancs"]
    (bas_n, haut_n), (bas_b, haut_b) = proportion_ci(k_n, n_n), proportion_ci(k_b, n_b)
    borne_basse = k_n / n_n - k_b / n_b - np.hypot(k_n / n_n - bas_n, haut_b - k_b / n_b)
    conclusion_audit[audit_lu] = (
        "un écart est mis en évidence" if borne_basse > 0 else "on ne peut pas conclure"
    )
### END SOLUTION

# %% tests="conclusion_audit" points=3 session="formative"
# Vérification de la question 2 : exécutez cette cellule.
checks.check_choices(
    conclusion_audit,
    name="conclusion_audit",
    options=["un écart est mis en évidence", "on ne peut pas conclure"],
    digests={"un mois": "554a6d52daf1618b", "un an": "211eed93791a117e",
             "six mois": "969ed5f68dccf5c9"},
    mistakes={
        "un mois": [
            checks.Mistake(None, "vous avez comparé les deux taux sans leur marge d'erreur. "
                           "Avec 20 paires chez les patients noirs, relisez la dernière ligne de "
                           "cet audit, l'intervalle de l'écart : quelles valeurs contient-il, de "
                           "la plus basse à la plus haute ?", digest="b3d5dc992fd90961"),
        ],
        "un an": [
            checks.Mistake(None, "mêmes taux qu'en un mois, mais pas la même marge d'erreur : "
                           "avec dix fois plus de paires, relisez la dernière ligne de cet audit : "
                           "les deux bornes de l'intervalle de l'écart. Un écart nul en fait-il "
                           "partie ?",
                           digest="9dde92112385a4ac"),
        ],
        "six mois": [
            checks.Mistake(None, "vous avez regardé si les intervalles des deux taux se "
                           "chevauchent. Ce chevauchement ne dit pas quelles valeurs de l'écart "
                           "sont compatibles avec l'audit : relisez la dernière ligne de cet "
                           "audit, l'intervalle de l'écart, qui décide.",
                           digest="26cceead8bbf4f9b"),
        ],
    },
    # Practice: the message names the audit whose last line (the gap interval) is to be
    # re-read, without its answer (review 04 d23, student finding 5).
    name_items=True,
    success="mêmes taux, conclusions différentes en un mois et en un an : la taille de l'audit "
    "décide. Et deux intervalles de taux qui se chevauchent (six mois) n'empêchent pas "
    "l'intervalle de l'écart d'exclure 0 : c'est lui qu'on lit. Et un intervalle de l'écart qui "
    "contient 0 ne prouve pas l'absence d'écart : une absence de preuve n'est pas une preuve "
    "d'absence.",
    points=3,
)
### BEGIN HIDDEN TESTS
checks.check_choices(
    conclusion_audit,
    name="conclusion_audit",
    options=["un écart est mis en évidence", "on ne peut pas conclure"],
    expected={
        "un mois": "on ne peut pas conclure",
        "un an": "un écart est mis en évidence",
        "six mois": "un écart est mis en évidence",
    },
    points=3,
)
### END HIDDEN TESTS

# %% mistake="conclusion_audit" session="formative"
# message : sans leur marge d'erreur
conclusion_audit = {
    "un mois": "un écart est mis en évidence", "un an": "un écart est mis en évidence",
    "six mois": "un écart est mis en évidence",
}

# %% mistake="conclusion_audit" session="formative"
# message : pas la même marge d'erreur
conclusion_audit = {
    "un mois": "on ne peut pas conclure", "un an": "on ne peut pas conclure",
    "six mois": "un écart est mis en évidence",
}

# %% mistake="conclusion_audit" session="formative"
# message : si les intervalles des deux taux se chevauchent
conclusion_audit = {
    "un mois": "on ne peut pas conclure", "un an": "un écart est mis en évidence",
    "six mois": "on ne peut pas conclure",
}

# %% tests="conclusion_audit" points=3 session="evaluation"
# Vérification de la question 2 : exécutez cette cellule.
checks.check_form(
    conclusion_audit,
    name="conclusion_audit",
    kind="choices",
    options=["un écart est mis en évidence", "on ne peut pas conclure"],
    items=["A", "B", "C"],
)
### BEGIN HIDDEN TESTS
tirage_q2 = np.random.default_rng([checks.student_seed("04", announce=False), 2])
mois_q2 = [((3, 20), (4, 80)), ((3, 20), (3, 60)), ((4, 20), (6, 80))]
i_mois_q2 = tirage_q2.integers(3)
six_q2 = [((12, 100), (20, 400)), ((13, 100), (24, 400)), ((13, 110), (20, 400)), ((14, 120), (20, 400))][tirage_q2.integers(4)]
nets_q2 = [((6, 20), (4, 80)), ((6, 20), (3, 60)), ((6, 20), (5, 80)), ((7, 20), (4, 80))]
i_net_q2 = tirage_q2.integers(4)
proches_q2 = [((16, 200), (48, 800)), ((18, 200), (56, 800)), ((20, 200), (64, 800)), ((19, 200), (42, 600))][tirage_q2.integers(4)]
petits_q2 = tirage_q2.integers(2) == 0
# How many audits cannot conclude varies between copies: 1 (one copy in two) or 2 (one in
# two: the clear-gap audit is replaced by a medium one whose gap interval holds 0). Never 0,
# so that « écart » everywhere never pays in full (review 04 d22, lecturer finding 3). The
# medium audit whose rate intervals overlap while its gap interval excludes 0 stays on every
# copy, so that the overlap rule never pays more than a third (review 04 d23, finding 2).
variante_q2 = tirage_q2.integers(6)
six_bis_q2 = [((9, 100), (24, 400)), ((10, 110), (24, 400)), ((10, 100), (28, 400)), ((11, 120), (28, 400))][tirage_q2.integers(4)]
dix_q2 = [tuple((10 * k, 10 * n) for k, n in audit) for audit in mois_q2]
if petits_q2:
    audits_q2 = [mois_q2[i_mois_q2], nets_q2[i_net_q2], six_q2]
else:
    audits_q2 = [proches_q2, dix_q2[i_mois_q2], six_q2]
if variante_q2 >= 3:
    audits_q2[1] = six_bis_q2
# The letter under which this copy shows each audit (same draw as the display cell).
lettres_q2, _ = checks.draw_slots(checks.student_seed("04", announce=False), "conclusion_audit", ["un mois", "un an", "six mois"])
attendu_q2, erreurs_q2 = {}, {}
for lettre_q2, duree_q2 in lettres_q2.items():
    # The Newcombe 95 % interval of the difference: does it exclude 0?
    noirs_q2, blancs_q2 = audits_q2[["un mois", "un an", "six mois"].index(duree_q2)]
    ic_n_q2, ic_b_q2 = proportion_ci(*noirs_q2), proportion_ci(*blancs_q2)
    p_n_q2, p_b_q2 = noirs_q2[0] / noirs_q2[1], blancs_q2[0] / blancs_q2[1]
    bas_q2 = p_n_q2 - p_b_q2 - np.hypot(p_n_q2 - ic_n_q2[0], ic_b_q2[1] - p_b_q2)
    haut_q2 = p_n_q2 - p_b_q2 + np.hypot(ic_n_q2[1] - p_n_q2, p_b_q2 - ic_b_q2[0])
    if bas_q2 > 0 or haut_q2 < 0:
        attendu_q2[lettre_q2] = "un écart est mis en évidence"
        if ic_n_q2[0] < ic_b_q2[1] and ic_b_q2[0] < ic_n_q2[1]:
            faute_q2 = "un écart nul est hors de l'intervalle de l'écart : les intervalles des deux taux, qui se chevauchent, ne décident pas ; c'est l'intervalle de l'écart qu'on lit."
        else:
            faute_q2 = "un écart nul est hors de l'intervalle de l'écart : ni la taille de l'audit ni sa marge d'erreur ne décident seules, c'est l'intervalle de l'écart."
        erreurs_q2[lettre_q2] = [checks.Mistake("on ne peut pas conclure", faute_q2)]
    else:
        attendu_q2[lettre_q2] = "on ne peut pas conclure"
        faute_q2 = f"vous avez comparé les deux taux sans leur marge d'erreur : l'intervalle de l'écart contient 0, un écart nul reste compatible avec cet audit ({noirs_q2[1]} paires chez les patients noirs)."
        erreurs_q2[lettre_q2] = [checks.Mistake("un écart est mis en évidence", faute_q2)]
checks.check_choices(
    conclusion_audit, name="conclusion_audit",
    options=["un écart est mis en évidence", "on ne peut pas conclure"],
    expected=attendu_q2,
    mistakes=erreurs_q2,
    # The graded feedback names each wrong letter (review 04 d23, lecturer finding 7).
    name_items=True,
    points=3,
)
### END HIDDEN TESTS

# %% mistake="conclusion_audit" session="evaluation"
# message : l'intervalle de l'écart
def conclusion_inverse(audit):
    (k_n, n_n), (k_b, n_b) = audit["patients noirs"], audit["patients blancs"]
    bas_n, haut_b = proportion_ci(k_n, n_n)[0], proportion_ci(k_b, n_b)[1]
    borne_basse = k_n / n_n - k_b / n_b - np.hypot(k_n / n_n - bas_n, haut_b - k_b / n_b)
    return "on ne peut pas conclure" if borne_basse > 0 else "un écart est mis en évidence"


conclusion_audit = {lettre: conclusion_inverse(audit) for lettre, audit in AUDITS_LUS.items()}

# %% mistake="conclusion_audit" session="evaluation"
# message : un écart nul est hors de l'intervalle de l'écart
conclusion_audit = {
    "A": "on ne peut pas conclure", "B": "on ne peut pas conclure", "C": "on ne peut pas conclure",
}

# %% [markdown]
# ## 5. L'alarme est un test diagnostique
#
# L'alarme est un **test** : elle sonne ou non ; la vérité vient du gaz du sang (matrice de
# confusion du module 01) :
#
# | | Pas d'alarme | Alarme |
# |---|---|---|
# | **Pas d'hypoxémie** (SaO2 ≥ 88 %) | vrai négatif (**VN**) | alarme sans hypoxémie : faux positif (**FP**) |
# | **Hypoxémie** (SaO2 < 88 %) | hypoxémie manquée : faux négatif (**FN**) | vrai positif (**VP**) |
#
# La **sensibilité** de l'alarme est la part des hypoxémies qu'elle détecte. Une alarme
# à SaO2 de 88 à 92 % compte comme faux positif sans être une erreur : c'est la **marge de
# sécurité** voulue, avant l'hypoxémie. D'où « alarme sans hypoxémie », plutôt
# que « fausse alarme ».

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il range chaque paire dans sa case de la matrice, groupe
# par groupe ; lisez le tableau et la liste des noms, dessous.
alarme = spo2 < SEUIL_ALARME  # l'alarme sonne-t-elle ? (vrai / faux, pour chaque paire)
vp_blancs, fn_blancs = int((blancs & hypox & alarme).sum()), int((blancs & hypox & ~alarme).sum())
fp_blancs, vn_blancs = int((blancs & ~hypox & alarme).sum()), int((blancs & ~hypox & ~alarme).sum())
vp_noirs, fn_noirs = int((noirs & hypox & alarme).sum()), int((noirs & hypox & ~alarme).sum())
fp_noirs, vn_noirs = int((noirs & ~hypox & alarme).sum()), int((noirs & ~hypox & ~alarme).sum())
# Chaque colonne du tableau : le nom de son nombre chez les patients blancs, puis noirs.
cases = {
    "VP (hypoxémie, alarme)": {"vp_blancs": vp_blancs, "vp_noirs": vp_noirs},
    "FN (hypoxémie, pas d'alarme)": {"fn_blancs": fn_blancs, "fn_noirs": fn_noirs},
    "FP (alarme sans hypoxémie)": {"fp_blancs": fp_blancs, "fp_noirs": fp_noirs},
    "VN (pas d'hypoxémie, pas d'alarme)": {"vn_blancs": vn_blancs, "vn_noirs": vn_noirs},
}
tableau = pd.DataFrame(
    {colonne: list(noms.values()) for colonne, noms in cases.items()},
    index=pd.Index(["patients blancs", "patients noirs"], name="Groupe"),
)
display(fr_table(tableau, caption=f"Nombre de paires par case, au seuil de {SEUIL_ALARME} %"))
print("Les mêmes nombres, sous le nom à écrire dans vos calculs :")
for colonne, noms in cases.items():
    print(f"  {colonne} : " + " ; ".join(f"{nom} = {n}" for nom, n in noms.items()))

# %% [markdown]
# ### Question 3 — La sensibilité de l'alarme chez les patients noirs (1 point)
#
# Au seuil du service, calculez la **sensibilité** de l'alarme chez les **patients noirs**
# (proportion entre 0 et 1), avec les noms qui finissent par `_noirs`.
#
# <details><summary>Indice 1</summary>
#
# La sensibilité ne regarde que les paires où le patient est **réellement** en hypoxémie.
# Quelles colonnes du tableau contiennent ces paires ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Écrivez la définition sous forme de phrase : « parmi les ______, la part de ______ ». Quelles
# colonnes forment le groupe de départ ? Laquelle contient la part cherchée ?
# </details>
#
# <details><summary>Indice 3</summary>
#
# La forme d'une part, sur un exemple sans rapport : dans un service de 12 patients vaccinés
# et 8 non vaccinés, la part des vaccinés s'écrit `12 / (12 + 8)`. Au-dessus de la barre, la
# case que l'on compte ; en dessous, **toutes** les cases du groupe de départ, additionnées
# entre parenthèses (sans elles, Python calcule `a / b + c` comme `(a / b) + c`). Reste à
# choisir, dans le tableau, les cases de votre groupe de départ.
# </details>

# %% answer="sensibilite_noirs"
sensibilite_noirs = ...
### BEGIN SOLUTION
sensibilite_noirs = vp_noirs / (vp_noirs + fn_noirs)
### END SOLUTION

# %% tests="sensibilite_noirs" points=1 session="formative"
# Vérification de la question 3 : exécutez cette cellule.
valeur_q3 = checks.require_number(sensibilite_noirs, name="sensibilite_noirs")
checks.expect(
    not checks.matches_digest(valeur_q3, "c31d66c5bdf05093", name="sensibilite_noirs"),
    "vous avez calculé la sensibilité chez les patients blancs (groupes inversés). Prenez les "
    "variables qui finissent par _noirs.",
    name="sensibilite_noirs",
)
checks.expect(
    not checks.matches_digest(valeur_q3, "9e4165c8f2558d71", name="sensibilite_noirs"),
    "vous avez calculé la part des hypoxémies manquées (taux de faux négatifs), c'est-à-dire "
    "1 − sensibilité. Mettez les hypoxémies détectées au numérateur.",
    name="sensibilite_noirs",
)
# Groupes mélangés : à 3 décimales, cette valeur se confond avec « toutes les paires du
# groupe » ; elle est donc reconnue à 5 décimales.
checks.expect(
    not checks.matches_digest(valeur_q3, "8a53c100913be70a", name="sensibilite_noirs",
                              decimals=5),
    "groupes mélangés : le numérateur vient des patients noirs, le dénominateur des patients "
    "blancs. Une part se compte dans un seul groupe : prenez, au-dessus comme en dessous de la "
    "barre, les noms qui finissent par _noirs.",
    name="sensibilite_noirs",
)
vrai_noirs, alarme_noirs = hypox[noirs], alarme[noirs]
checks.check_number(
    sensibilite_noirs,
    name="sensibilite_noirs",
    digest="62037f5c880324ec",
    bounds=(0, 1),
    mistakes=[
        checks.Mistake(recall_score(~vrai_noirs, ~alarme_noirs),
                       "vous avez calculé la spécificité (parmi les paires sans hypoxémie, "
                       "la part sans alarme). La sensibilité part des hypoxémies."),
        checks.Mistake(precision_score(vrai_noirs, alarme_noirs),
                       "vous avez calculé la valeur prédictive positive (parmi les alarmes, la "
                       "part d'hypoxémies). La sensibilité part des hypoxémies, "
                       "pas des alarmes."),
        checks.Mistake(recall_score(hypox, alarme),
                       "groupes réunis : vous avez compté les paires des deux groupes ensemble. "
                       "La question porte sur les patients noirs : prenez les noms qui finissent "
                       "par _noirs."),
        checks.Mistake(np.mean(hypox[noirs & ~alarme]),
                       "vous avez calculé FN / (FN + VN) : parmi les paires sans alarme, la part "
                       "d'hypoxémies. La sensibilité part des hypoxémies (VP + FN) et compte "
                       "celles où l'alarme a sonné."),
        checks.Mistake(np.mean(vrai_noirs == alarme_noirs),
                       "vous avez calculé l'exactitude (la part de toutes les paires où "
                       "l'alarme a eu raison, VP et VN). La sensibilité ne regarde que les "
                       "hypoxémies."),
        checks.Mistake(None, "vous avez divisé par toutes les paires du groupe (VP + FN + FP + "
                       "VN). La sensibilité ne regarde que les hypoxémies : c'est parmi "
                       "elles qu'on compte.", digest="63c8a8187b66187b"),
        checks.Mistake(None, "une valeur au-dessus de 1 vient souvent d'une parenthèse oubliée : "
                       "Python calcule a / b + c comme (a / b) + c. Entourez de parenthèses "
                       "tout le dénominateur.", digest="4b8e2098ea1bbad7"),
        checks.Mistake(None, "numérateur et dénominateur inversés : une proportion ne dépasse "
                       "pas 1. Le groupe de départ (les hypoxémies) va au "
                       "dénominateur.", digest="d25acee38a7ce3a1"),
    ],
    success="parmi les hypoxémies (VP + FN), la sensibilité compte celles que "
    "l'alarme détecte (VP). Relancez la cellule de la section 6 : son tableau compare "
    "maintenant les deux groupes.",
    points=1,
)
### BEGIN HIDDEN TESTS
checks.check_number(
    sensibilite_noirs,
    name="sensibilite_noirs",
    expected=recall_score(hypox[noirs], alarme[noirs]),
    points=1,
)
### END HIDDEN TESTS

# %% mistake="sensibilite_noirs" session="formative"
# message : vous avez calculé la spécificité
sensibilite_noirs = vn_noirs / (vn_noirs + fp_noirs)

# %% mistake="sensibilite_noirs" session="formative"
# message : groupes inversés
sensibilite_noirs = vp_blancs / (vp_blancs + fn_blancs)

# %% mistake="sensibilite_noirs" session="formative"
# message : groupes mélangés
sensibilite_noirs = vp_noirs / (vp_blancs + fn_blancs)

# %% mistake="sensibilite_noirs" session="formative"
# message : taux de faux négatifs
sensibilite_noirs = fn_noirs / (vp_noirs + fn_noirs)

# %% mistake="sensibilite_noirs" session="formative"
# message : valeur prédictive positive
sensibilite_noirs = vp_noirs / (vp_noirs + fp_noirs)

# %% mistake="sensibilite_noirs" session="formative"
# message : vous avez calculé l'exactitude
sensibilite_noirs = (vp_noirs + vn_noirs) / (vp_noirs + fn_noirs + fp_noirs + vn_noirs)

# %% mistake="sensibilite_noirs" session="formative"
# message : vous avez divisé par toutes les paires du groupe
sensibilite_noirs = vp_noirs / (vp_noirs + fn_noirs + fp_noirs + vn_noirs)

# %% mistake="sensibilite_noirs" session="formative"
# message : parenthèse oubliée
sensibilite_noirs = vp_noirs / vp_noirs + fn_noirs

# %% mistake="sensibilite_noirs" session="formative"
# message : numérateur et dénominateur inversés
sensibilite_noirs = (vp_noirs + fn_noirs) / vp_noirs

# %% mistake="sensibilite_noirs" session="formative"
# message : groupes réunis
sensibilite_noirs = (vp_noirs + vp_blancs) / (vp_noirs + fn_noirs + vp_blancs + fn_blancs)

# %% mistake="sensibilite_noirs" session="formative"
# message : FN / (FN + VN)
sensibilite_noirs = fn_noirs / (fn_noirs + vn_noirs)

# %% tests="sensibilite_noirs" points=1 session="evaluation"
# Vérification de la question 3 : exécutez cette cellule.
checks.check_form(sensibilite_noirs, name="sensibilite_noirs", kind="number", decimals=3,
                  bounds=(0, 1))
### BEGIN HIDDEN TESTS
paires_q3 = make_pulse_oximetry(n_samples=10_789, device_bias=2.9, random_state=oximetry_case_seed(checks.student_seed("04", announce=False))).frame
noir_q3 = (paires_q3["race"].astype(str) == "Black").to_numpy()
hypox_q3 = (paires_q3["sao2"] < 88).to_numpy()
sonne_q3 = (paires_q3["spo2"] < 92).to_numpy()
checks.check_number(
    sensibilite_noirs, name="sensibilite_noirs",
    expected=recall_score(hypox_q3[noir_q3], sonne_q3[noir_q3]),
    bounds=(0, 1),
    mistakes=[
        checks.Mistake(recall_score(~hypox_q3[noir_q3], ~sonne_q3[noir_q3]), "vous avez calculé la spécificité (parmi les paires sans hypoxémie, la part sans alarme)."),
        checks.Mistake(recall_score(hypox_q3[~noir_q3], sonne_q3[~noir_q3]), "vous avez calculé la sensibilité chez les patients blancs (groupes inversés)."),
        checks.Mistake(1 - recall_score(hypox_q3[noir_q3], sonne_q3[noir_q3]), "vous avez calculé la part des hypoxémies manquées (taux de faux négatifs), 1 − sensibilité."),
        checks.Mistake(precision_score(hypox_q3[noir_q3], sonne_q3[noir_q3]), "vous avez calculé la valeur prédictive positive (parmi les alarmes, la part d'hypoxémies)."),
        checks.Mistake(np.mean(hypox_q3[noir_q3] == sonne_q3[noir_q3]), "vous avez calculé l'exactitude (VP et VN parmi toutes les paires)."),
        # The formative's named mistakes that apply here too (review 04 d18, lecturer finding 6); a
        # value above 1 (inverted ratio, « combien de fois plus ») is stopped by the form check.
        checks.Mistake((hypox_q3 & sonne_q3 & noir_q3).sum() / (hypox_q3 & ~noir_q3).sum(), "groupes mélangés : le numérateur vient des patients noirs, le dénominateur des patients blancs."),
        checks.Mistake((hypox_q3 & sonne_q3 & noir_q3).sum() / noir_q3.sum(), "vous avez divisé par toutes les paires du groupe (VP + FN + FP + VN) : la sensibilité ne regarde que les hypoxémies."),
        # Both groups pooled, and FN / (FN + VN) (review 04 d22, lecturer finding 6).
        checks.Mistake(recall_score(hypox_q3, sonne_q3), "groupes réunis : vous avez compté les paires des deux groupes ensemble. La question porte sur un seul groupe : prenez les noms qui finissent par _noirs."),
        checks.Mistake((hypox_q3 & ~sonne_q3 & noir_q3).sum() / (~sonne_q3 & noir_q3).sum(), "vous avez calculé FN / (FN + VN) : parmi les paires sans alarme, la part d'hypoxémies. La sensibilité part des hypoxémies (VP + FN) et compte celles où l'alarme a sonné."),
    ],
    points=1,
)
### END HIDDEN TESTS

# %% mistake="sensibilite_noirs" session="evaluation"
# message : vous avez calculé la spécificité
sensibilite_noirs = vn_noirs / (vn_noirs + fp_noirs)

# %% mistake="sensibilite_noirs" session="evaluation"
# message : groupes inversés
sensibilite_noirs = vp_blancs / (vp_blancs + fn_blancs)

# %% mistake="sensibilite_noirs" session="evaluation"
# message : taux de faux négatifs
sensibilite_noirs = fn_noirs / (vp_noirs + fn_noirs)

# %% mistake="sensibilite_noirs" session="evaluation"
# message : valeur prédictive positive
sensibilite_noirs = vp_noirs / (vp_noirs + fp_noirs)

# %% mistake="sensibilite_noirs" session="evaluation"
# message : groupes mélangés
sensibilite_noirs = vp_noirs / (vp_blancs + fn_blancs)

# %% mistake="sensibilite_noirs" session="evaluation"
# message : vous avez divisé par toutes les paires du groupe
sensibilite_noirs = vp_noirs / (vp_noirs + fn_noirs + fp_noirs + vn_noirs)

# %% mistake="sensibilite_noirs" session="evaluation"
# message : groupes réunis
sensibilite_noirs = (vp_noirs + vp_blancs) / (vp_noirs + fn_noirs + vp_blancs + fn_blancs)

# %% mistake="sensibilite_noirs" session="evaluation"
# message : FN / (FN + VN)
sensibilite_noirs = fn_noirs / (fn_noirs + vn_noirs)

# %% [markdown]
# ## 6. Comparer les groupes avec fairlearn
#
# **fairlearn**, une boîte à outils pour Python, calcule une mesure **groupe par groupe** : la
# **sensibilité**, le **taux de faux négatifs** (1 − sensibilité) et le **taux d'alarmes sans
# hypoxémie** (parmi les paires à SaO2 ≥ 88 %, la part où l'alarme sonne).
#
# <details><summary>Pour aller plus loin : ce que reçoit fairlearn</summary>
#
# Son outil `MetricFrame` reçoit la vérité (`y_true` : hypoxémie ou non), les décisions
# (`y_pred` : alarme ou non) et le groupe de chaque paire (`sensitive_features`) ; la
# sensibilité s'y appelle `recall_score`.
# </details>

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il fait calculer par fairlearn les mesures de chaque
# groupe ; le tableau complet s'affiche quand la question 3 a été vérifiée juste.
# Jusqu'à ce que la question 3 soit vérifiée juste, rien ici ne garde sa réponse.
blancs_q3 = paires["groupe"] == "patients blancs"
sensibilite_blancs_92 = float(recall_score(paires["hypoxemie"][blancs_q3], alarme[blancs_q3]))


def sensibilites(seuil):
    """Sensibilité de l'alarme (SpO2 < seuil) dans chaque groupe, calculée par fairlearn.

    Pour les patients noirs, une alarme identique à celle du seuil du service donne la
    réponse de la question 3 : elle vaut nan (cachée) tant que sa vérification n'a pas
    dit « juste ».
    """
    par_groupe = MetricFrame(
        metrics=recall_score,
        y_true=paires["hypoxemie"],
        y_pred=paires["spo2"] < seuil,
        sensitive_features=paires["groupe"],
    ).by_group
    valeurs = {nom: float(v) for nom, v in par_groupe.items()}
    if np.array_equal(spo2 < seuil, alarme) and not checks.passed("sensibilite_noirs"):
        valeurs["patients noirs"] = float("nan")
    return valeurs


if not checks.passed("sensibilite_noirs"):
    # Sans la réponse de la question 3 : seulement ce qui ne la donne pas.
    taux_sans_hypoxemie = MetricFrame(
        metrics=false_positive_rate,
        y_true=paires["hypoxemie"],
        y_pred=alarme,
        sensitive_features=paires["groupe"],
    ).by_group
    if SEANCE_EVALUEE:
        # Session-specific wording (review 04 d22, lecturer finding 5).
        print("Le tableau complet donnerait la réponse de la question 3 : il reste masqué "
              "pendant la séance évaluée. Voici ce que la suite du module utilise.")
    else:
        print("Le tableau complet s'affichera ici quand la vérification de la question 3 aura "
              "dit « juste » : relancez alors cette cellule. Bloqué·e ? Ouvrez les indices de "
              "la question 3, ou continuez : voici ce que la suite du module utilise.")
    print(f"  patients blancs : sensibilité {fr_number(sensibilite_blancs_92)} ; taux "
          "d'alarmes sans hypoxémie "
          f"{fr_number(taux_sans_hypoxemie['patients blancs'])}")
    print("  patients noirs : sensibilité cachée (réponse de la question 3) ; taux d'alarmes "
          f"sans hypoxémie {fr_number(taux_sans_hypoxemie['patients noirs'])}")
else:
    cadre = MetricFrame(
        metrics={
            "sensibilité": recall_score,
            "taux de faux négatifs": false_negative_rate,
            "taux d'alarmes sans hypoxémie": false_positive_rate,
        },
        y_true=paires["hypoxemie"],
        y_pred=alarme,
        sensitive_features=paires["groupe"],
    )
    print(f"Tous patients confondus : sensibilité {fr_percent(cadre.overall['sensibilité'])}.")
    print("Écart de sensibilité (patients noirs − patients blancs) : "
          + ecart_95(vp_noirs, vp_noirs + fn_noirs, vp_blancs, vp_blancs + fn_blancs) + ".")
    display(fr_table(cadre.by_group, caption=f"Au seuil de {SEUIL_ALARME} %",
                     columns={nom: nom.capitalize() for nom in cadre.by_group.columns},
                     index={"groupe": "Groupe"}))

# %% [markdown] session="formative"
# ## 7. Au chevet de M. K.
#
# À trois heures du matin, l'oxymètre de M. K. affiche 94 %, pas d'alarme. Mais Inès
# le trouve plus essoufflé, un peu confus. L'interne fait faire un gaz du sang au lit,
# l'oxymètre en place : SaO2 à 86 %. Il augmente l'oxygène.
#
# > **Les seuils du module, avant la question 4**
# >
# > - **SaO2 < 88 %** (gaz du sang) : l'hypoxémie au sens de l'**étude** (Sjoding et al.,
# >   2020) ; c'est elle qui dit « vrai » ou « faux » dans la matrice.
# > - **SpO2 < 92 %** (écran) : l'**alarme** du service, un seuil pédagogique ; c'est elle qui
# >   dit « positif » ou « négatif ».
# > - **94 à 98 %** : l'objectif de saturation le plus courant ; **88 à 92 %** en cas de
# >   risque d'hypercapnie, par exemple dans certaines BPCO (O'Driscoll et al., 2017). Ce sont
# >   des cibles de soin, pas les seuils de la matrice.
# > - **PaO2 < 80 mmHg** : l'hypoxémie au sens français (campus de réanimation médicale de
# >   l'UNF3S), une autre définition, sur le même gaz du sang.
#
# ### Question 4 — Trois mesures, trois cases de la matrice de confusion (3 points : + 1 par mesure juste, − 1/3 par fausse, 0 sans réponse)
#
# Au seuil du service, classez chaque mesure :
#
# - « M. K. » : SpO2 affichée 94 %, SaO2 86 % ;
# - « M. K., oxymètre exact » : la même SaO2, avec un oxymètre exact qui afficherait 86 % ;
# - « Mme R. », une autre patiente : SpO2 affichée 91 %, SaO2 93 % (PaO2 d'environ 67 mmHg ;
#   Severinghaus, 1979). Au sens français (PaO2 sous 80 mmHg), elle est hypoxémique ; la
#   matrice juge l'hypoxémie au seuil de l'étude (SaO2 sous 88 %).
#
# Remplacez chaque `...` par `"vrai positif"`, `"faux positif"`, `"faux négatif"` ou
# `"vrai négatif"` (entre guillemets **doubles**).
#
# <details><summary>Indice 1</summary>
#
# Pour chaque mesure, deux questions séparées. La vérité : d'après le **gaz du sang**, y a-t-il
# une hypoxémie (SaO2 sous 88 %) ? Le test : au seuil du service, l'alarme a-t-elle sonné ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# « Positif » ou « négatif » décrit ce qu'a répondu le test (alarme ou pas) ; « vrai » ou
# « faux » dit si cette réponse correspond à la réalité du gaz du sang. Relisez le schéma des
# seuils (section 3) : l'alarme se juge sur la SpO2 (sous 92 %), l'hypoxémie sur la SaO2
# (sous 88 %). Pour chaque mesure, quel chiffre comparez-vous à 92, lequel à 88 ?
# </details>

# %% [markdown] session="evaluation"
# ## 7. Au chevet de M. K.
#
# À trois heures du matin, Inès trouve M. K. plus essoufflé, un peu confus. L'interne fait
# faire un gaz du sang au lit, l'oxymètre en place. Les chiffres de **vos** patients
# s'affichent sous la cellule suivante : ils ne sont pas ceux de l'entraînement, et leurs
# cases de la matrice peuvent différer aussi.

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : il affiche les mesures de vos patients, tirées pour votre
# copie. Exécutez-le (Maj + Entrée).
print(f"M. K. : SpO2 affichée {SPO2_M_K} % ; SaO2 au gaz du sang {SAO2_M_K} %.")
print(f"Mme R., une autre patiente : SpO2 affichée {SPO2_MME_R} % ; SaO2 au gaz du sang "
      f"{SAO2_MME_R} % (PaO2 d'environ {fr_number(pao2_mme_r, 0)} mmHg, d'après la formule "
      "de Severinghaus ; au sens français, l'hypoxémie commence sous 80 mmHg).")

# %% [markdown] session="evaluation"
# > **Les seuils du module, avant la question 4**
# >
# > - **SaO2 < 88 %** (gaz du sang) : l'hypoxémie au sens de l'**étude** (Sjoding et al.,
# >   2020) ; c'est elle qui dit « vrai » ou « faux » dans la matrice.
# > - **SpO2 < 92 %** (écran) : l'**alarme** du service, un seuil pédagogique ; c'est elle qui
# >   dit « positif » ou « négatif ».
# > - **94 à 98 %** : l'objectif de saturation le plus courant ; **88 à 92 %** en cas de
# >   risque d'hypercapnie, par exemple dans certaines BPCO (O'Driscoll et al., 2017). Ce sont
# >   des cibles de soin, pas les seuils de la matrice.
# > - **PaO2 < 80 mmHg** : l'hypoxémie au sens français (campus de réanimation médicale de
# >   l'UNF3S), une autre définition, sur le même gaz du sang.
#
# ### Question 4 — Trois mesures, trois cases de la matrice de confusion (3 points : + 1 par mesure juste, − 1/3 par fausse, 0 sans réponse)
#
# Sous la cellule suivante s'affichent trois mesures, sous les lettres A, B et C, dans un
# ordre tiré pour votre copie : celle de M. K., celle de Mme R., et une mesure faite avec un
# **oxymètre exact**, qui affiche la vraie SaO2, posé chez M. K. au même moment. Pour
# chacune : la SpO2 affichée et la SaO2 du gaz du sang. La matrice juge l'hypoxémie au seuil
# de l'étude (SaO2 sous 88 %), pas au sens français (PaO2 sous 80 mmHg ; Severinghaus, 1979,
# relie les deux).
#
# Au seuil du service, classez chaque mesure : remplacez chaque `...` par `"vrai positif"`,
# `"faux positif"`, `"faux négatif"` ou `"vrai négatif"` (entre guillemets **doubles**).
#
# <details><summary>Indice 1</summary>
#
# Pour chaque mesure, deux questions séparées. La vérité : d'après le **gaz du sang**, y a-t-il
# une hypoxémie (SaO2 sous 88 %) ? Le test : au seuil du service, l'alarme a-t-elle sonné ?
# </details>

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : il affiche les trois mesures de la question 4, dans
# l'ordre tiré pour votre copie. Exécutez-le (Maj + Entrée).
# La mesure à l'oxymètre exact : chez M. K., il afficherait sa SaO2.
MESURES_Q4 = {
    "M. K.": (SPO2_M_K, SAO2_M_K),
    "oxymètre exact": (SAO2_M_K, SAO2_M_K),
    "Mme R.": (SPO2_MME_R, SAO2_MME_R),
}
LETTRES_Q4, _ = checks.draw_slots(GRAINE, "situations", list(MESURES_Q4))
for lettre, mesure in LETTRES_Q4.items():
    spo2_lue, sao2_lue = MESURES_Q4[mesure]
    print(f"Mesure {lettre} : SpO2 affichée {spo2_lue} % ; SaO2 au gaz du sang {sao2_lue} %.")

# %% answer="situations" session="evaluation"
situations = {"A": ..., "B": ..., "C": ...}
### BEGIN SOLUTION
def case_lue(spo2_affichee, sao2_mesuree):
    """The cell of the confusion matrix: the alarm judged by the blood gas."""
    alarme_lue = spo2_affichee < SEUIL_ALARME
    verite_lue = sao2_mesuree < SEUIL_HYPOXEMIE
    return ("vrai " if alarme_lue == verite_lue else "faux ") + ("positif" if alarme_lue else "négatif")


for lettre, mesure in LETTRES_Q4.items():
    situations[lettre] = case_lue(*MESURES_Q4[mesure])
### END SOLUTION

# %% answer="situations" session="formative"
situations = {"M. K.": ..., "M. K., oxymètre exact": ..., "Mme R.": ...}
### BEGIN SOLUTION
situations = {"M. K.": "faux négatif", "M. K., oxymètre exact": "vrai positif", "Mme R.": "faux positif"}
### END SOLUTION

# %% tests="situations" points=3 session="formative"
# Vérification de la question 4 : exécutez cette cellule.
checks.check_choices(
    situations,
    name="situations",
    options=["vrai positif", "faux positif", "faux négatif", "vrai négatif"],
    digests={"M. K.": "7a78f02aef3c4ffc", "M. K., oxymètre exact": "68f693485c7fea80",
             "Mme R.": "528ed7c5d37bbf61"},
    mistakes={
        "M. K.": [
            checks.Mistake(None, "vous avez jugé d'après la SpO2 affichée, comme si l'écran "
                           "disait la vérité. Dans la matrice de confusion, la vérité vient du "
                           "gaz du sang.", digest="1cbb6e51a76f49e0"),
            checks.Mistake(None, "« positif » ou « négatif » décrit l'alarme. Relisez "
                           "« Les seuils » (section 3) : sur quel chiffre, et à quel seuil, "
                           "l'alarme se juge-t-elle ? « Vrai » ou « faux » se juge ensuite avec "
                           "le gaz du sang.", digest="537c219a7a8678c9"),
            checks.Mistake(None, "« positif » ou « négatif » décrit l'alarme. Relisez "
                           "« Les seuils » (section 3), puis l'indice 2 de cette question.",
                           digest="9301f9d198afba57"),
        ],
        "M. K., oxymètre exact": [
            checks.Mistake(None, "« positif » ou « négatif » décrit l'alarme. Relisez l'énoncé "
                           "(que montre l'écran d'un oxymètre exact ?) et « Les seuils » "
                           "(section 3).", digest="125a52afd9097071"),
            checks.Mistake(None, "« vrai » ou « faux » dit si l'alarme a raison d'après le gaz "
                           "du sang. Relisez le tableau de la matrice (section 5) et le seuil "
                           "de l'hypoxémie (section 1).", digest="9012b8d961404ba1"),
            checks.Mistake(None, "« positif » ou « négatif » décrit l'alarme. Relisez l'énoncé "
                           "(que montre l'écran d'un oxymètre exact ?) et « Les seuils » "
                           "(section 3).", digest="52a793c6715e802e"),
        ],
        "Mme R.": [
            checks.Mistake(None, "« vrai » ou « faux » dit si l'alarme a raison d'après le gaz "
                           "du sang. Relisez comment ce module définit l'hypoxémie (section 1) : "
                           "la matrice ne suit pas le sens français (PaO2 sous 80 mmHg).",
                           digest="7b5063649ce545d1"),
            checks.Mistake(None, "« positif » ou « négatif » décrit l'alarme. Relisez « Les "
                           "seuils » (section 3) : sur quel chiffre l'alarme se juge-t-elle ?",
                           digest="798126985fd1498a"),
            checks.Mistake(None, "« positif » ou « négatif » décrit l'alarme. Relisez « Les "
                           "seuils » (section 3) : l'alarme et l'hypoxémie ne se jugent ni sur "
                           "le même chiffre, ni au même seuil.", digest="30aaa40ccb633144"),
        ],
    },
    success="le même patient est un faux négatif avec l'appareil biaisé, un vrai positif "
    "avec un oxymètre exact : le biais change la case, pas la maladie.",
    points=3,
)
### BEGIN HIDDEN TESTS
def case_de_la_matrice(spo2_affichee, sao2_mesuree):
    """La case d'une mesure : l'alarme (SpO2 < seuil) jugée par le gaz du sang (SaO2 < 88)."""
    alarme_m = spo2_affichee < SEUIL_ALARME
    hypoxemie_m = sao2_mesuree < SEUIL_HYPOXEMIE
    return ("vrai " if alarme_m == hypoxemie_m else "faux ") + (
        "positif" if alarme_m else "négatif"
    )


checks.check_choices(
    situations,
    name="situations",
    options=["vrai positif", "faux positif", "faux négatif", "vrai négatif"],
    expected={
        "M. K.": case_de_la_matrice(SPO2_M_K, SAO2_M_K),
        "M. K., oxymètre exact": case_de_la_matrice(SAO2_M_K, SAO2_M_K),
        "Mme R.": case_de_la_matrice(SPO2_MME_R, SAO2_MME_R),
    },
    points=3,
)
### END HIDDEN TESTS

# %% mistake="situations" session="formative"
# message : comme si l'écran disait la vérité
situations = {
    "M. K.": "vrai négatif", "M. K., oxymètre exact": "vrai positif", "Mme R.": "faux positif"
}

# %% mistake="situations" session="formative"
# message : que montre l'écran d'un oxymètre exact
situations = {
    "M. K.": "faux négatif", "M. K., oxymètre exact": "faux négatif", "Mme R.": "faux positif"
}

# %% mistake="situations" session="formative"
# message : comment ce module définit l'hypoxémie
situations = {
    "M. K.": "faux négatif", "M. K., oxymètre exact": "vrai positif", "Mme R.": "vrai positif"
}

# %% mistake="situations" session="formative"
# message : sur quel chiffre, et à quel seuil
situations = {
    "M. K.": "vrai positif", "M. K., oxymètre exact": "vrai positif", "Mme R.": "faux positif"
}

# %% tests="situations" points=3 session="evaluation"
# Vérification de la question 4 : exécutez cette cellule.
checks.check_form(
    situations,
    name="situations",
    kind="choices",
    options=["vrai positif", "faux positif", "faux négatif", "vrai négatif"],
    items=["A", "B", "C"],
)
### BEGIN HIDDEN TESTS
tirage_q4 = np.random.default_rng([checks.student_seed("04", announce=False), 7])
# The same draw as the evaluated session's first cell. M. K. is always hypoxaemic under a
# reassuring screen (a false negative; the exact oximeter, a true positive), so that reading
# the screen as the truth fails on every copy (review 04 d22, lecturer finding 1). Mme R.: a
# false positive (three ranges, two of them under a SpO2 of 88 %), a false negative (three
# ranges), a true negative or a true positive; the screen taken as the truth (SpO2 judged
# against 88 %) scores 1/3 on five ranges of eight and 5/3 on three: 0,83 of 3 on average.
r_q4 = [((89, 92), (92, 95)), ((86, 88), (92, 95)), ((86, 88), (92, 94)), ((93, 96), (84, 88)), ((93, 95), (85, 88)), ((93, 96), (86, 88)), ((94, 97), (93, 97)), ((84, 88), (80, 87))][tirage_q4.integers(8)]
spo2_mk_q4 = int(tirage_q4.integers(93, 96))
sao2_mk_q4 = int(tirage_q4.integers(84, 88))
(spo2_bas_q4, spo2_haut_q4), (sao2_bas_q4, sao2_haut_q4) = r_q4
spo2_r_q4 = int(tirage_q4.integers(spo2_bas_q4, spo2_haut_q4))
sao2_r_q4 = int(tirage_q4.integers(sao2_bas_q4, sao2_haut_q4))


def case_q4(spo2_lue, sao2_lue):
    """The cell of the confusion matrix: the alarm (SpO2 < 92) judged by the blood gas (SaO2 < 88)."""
    sonne_q4 = spo2_lue < 92
    return ("vrai " if sonne_q4 == (sao2_lue < 88) else "faux ") + ("positif" if sonne_q4 else "négatif")


def erreur_q4(spo2_lue, sao2_lue, donnee, exacte):
    """The message naming the mistake behind a wrong cell, for this copy's measure."""
    if not exacte and donnee == case_q4(spo2_lue, spo2_lue) != case_q4(spo2_lue, sao2_lue):
        return "vous avez jugé d'après la SpO2 affichée, comme si l'écran disait la vérité. Dans la matrice de confusion, la vérité vient du gaz du sang."
    if donnee.endswith("positif") != (spo2_lue < 92):
        debut = "« positif » dirait que l'alarme a sonné." if donnee.endswith("positif") else "« négatif » dirait que l'alarme n'a pas sonné."
        if exacte:
            return debut + " Un oxymètre exact afficherait la vraie SaO2 : comparez-la au seuil du service (92 %)."
        return debut + f" Comparez la SpO2 affichée ({spo2_lue} %) au seuil du service (92 %)."
    message = f"« vrai » ou « faux » dit si l'alarme a raison d'après le gaz du sang : comparez la SaO2 du gaz du sang ({sao2_lue} %) à 88 %."
    if sao2_lue >= 88 and donnee.startswith("vrai"):
        message += " Une hypoxémie au sens français (PaO2 sous 80 mmHg) ne compte pas ici : la matrice juge l'hypoxémie au seuil de l'étude."
    return message


# The three measures under drawn letters (the display cell's draw).
lettres_q4, _ = checks.draw_slots(checks.student_seed("04", announce=False), "situations", ["M. K.", "oxymètre exact", "Mme R."])
mesures_q4 = {"M. K.": (spo2_mk_q4, sao2_mk_q4), "oxymètre exact": (sao2_mk_q4, sao2_mk_q4), "Mme R.": (spo2_r_q4, sao2_r_q4)}
attendu_q4 = {lettre: case_q4(*mesures_q4[mesure]) for lettre, mesure in lettres_q4.items()}
erreurs_q4 = {
    lettre: [
        checks.Mistake(donnee, erreur_q4(*mesures_q4[mesure], donnee, mesure == "oxymètre exact"))
        for donnee in ["vrai positif", "faux positif", "faux négatif", "vrai négatif"]
        if donnee != attendu_q4[lettre]
    ]
    for lettre, mesure in lettres_q4.items()
}
checks.check_choices(
    situations, name="situations",
    options=["vrai positif", "faux positif", "faux négatif", "vrai négatif"],
    expected=attendu_q4,
    mistakes=erreurs_q4,
    points=3,
)
### END HIDDEN TESTS

# %% mistake="situations" session="evaluation"
# message : dirait que l'alarme
def case_vue(spo2_affichee, sao2_mesuree):
    alarme_vue = spo2_affichee < SEUIL_ALARME
    return ("vrai " if alarme_vue == (sao2_mesuree < SEUIL_HYPOXEMIE) else "faux ") + (
        "positif" if alarme_vue else "négatif"
    )


situations = {
    lettre: {"vrai positif": "faux négatif", "faux négatif": "vrai positif",
             "faux positif": "vrai négatif", "vrai négatif": "faux positif"}[case_vue(*MESURES_Q4[mesure])]
    for lettre, mesure in LETTRES_Q4.items()
}

# %% mistake="situations" session="evaluation"
# message : dit si l'alarme a raison d'après le gaz du sang
def case_vue(spo2_affichee, sao2_mesuree):
    alarme_vue = spo2_affichee < SEUIL_ALARME
    return ("vrai " if alarme_vue == (sao2_mesuree < SEUIL_HYPOXEMIE) else "faux ") + (
        "positif" if alarme_vue else "négatif"
    )


situations = {
    lettre: {"vrai positif": "faux positif", "faux positif": "vrai positif",
             "faux négatif": "vrai négatif", "vrai négatif": "faux négatif"}[case_vue(*MESURES_Q4[mesure])]
    for lettre, mesure in LETTRES_Q4.items()
}

# %% mistake="situations" session="evaluation"
# message : Un oxymètre exact afficherait la vraie SaO2
def case_vue(spo2_affichee, sao2_mesuree):
    alarme_vue = spo2_affichee < SEUIL_ALARME
    return ("vrai " if alarme_vue == (sao2_mesuree < SEUIL_HYPOXEMIE) else "faux ") + (
        "positif" if alarme_vue else "négatif"
    )


situations = {
    lettre: "faux négatif" if mesure == "oxymètre exact" else case_vue(*MESURES_Q4[mesure])
    for lettre, mesure in LETTRES_Q4.items()
}

# %% mistake="situations" session="evaluation"
# message : comme si l'écran disait la vérité
def case_vue(spo2_affichee, sao2_mesuree):
    alarme_vue = spo2_affichee < SEUIL_ALARME
    return ("vrai " if alarme_vue == (sao2_mesuree < SEUIL_HYPOXEMIE) else "faux ") + (
        "positif" if alarme_vue else "négatif"
    )


# The screen taken as the truth: each measure judged on its displayed SpO2 alone.
situations = {
    lettre: case_vue(MESURES_Q4[mesure][0], MESURES_Q4[mesure][0])
    for lettre, mesure in LETTRES_Q4.items()
}

# %% [markdown] reveal="situations" session="formative"
# Ce qui a protégé M. K. : le **regard clinique** d'Inès (un chiffre discordant avec l'état
# du patient) et le **gaz du sang**, pas l'oxymètre, outil précieux par ailleurs.
#
# Mme R. est un **faux positif au seuil de l'étude** (SaO2 ≥ 88 %), mais son alarme reste
# **cliniquement utile** : sa SaO2 de 93 % est sous la cible habituelle de 94 à 98 %
# (O'Driscoll et al., 2017). « Faux » juge l'alarme contre le seuil de l'étude, pas contre
# le soin.

# %% [markdown] reveal="situations" session="evaluation"
# Quand l'écran rassure à tort, ce qui protège le patient, c'est le **regard clinique** (un
# chiffre discordant avec son état) et le **gaz du sang**, pas l'oxymètre, outil précieux par
# ailleurs. Le même patient, avec un oxymètre exact, peut changer de case : le biais change
# la case, pas la maladie.
#
# Une alarme « fausse » est fausse **au seuil de l'étude** (SaO2 ≥ 88 %), pas forcément pour
# le soin : une SaO2 sous 94 %, par exemple, est sous la cible habituelle de 94 à 98 %
# (O'Driscoll et al., 2017), et l'alarme y reste **cliniquement utile**.

# %% [markdown]
# ## À retenir
#
# - Beaucoup d'oxymètres surestiment la saturation des peaux foncées, surtout quand elle est
#   basse (cela dépend de l'appareil) : un **biais de mesure** différentiel.

# %% [markdown] reveal="taux_occulte_noirs"
# - L'**hypoxémie occulte** se compte **parmi les paires à SpO2 rassurante** : c'est une
#   **valeur prédictive**, sensible à la gravité.

# %% [markdown]
# - Un taux se lit avec sa **marge d'erreur**.
# - Une alarme est un **test** : sa sensibilité, groupe par groupe, dit ce que vivent les
#   patients.
# - La correction de fond est l'**appareil**. Au chevet, un chiffre discordant appelle un
#   **gaz du sang**.

# %% [markdown] session="formative"
# ## Après la séance
#
# Cette partie se fait **après la séance**, chez vous : six questions autocorrigées, un
# explorateur, une lecture, puis une réflexion écrite, corrigée par l'enseignant. Elle compte
# pour sept points et demi sur quinze et demi : rendez le notebook complet à la date que fixe
# votre enseignant (une copie ramassée en fin de séance n'aurait pas ces points).
#
# **Des résultats qui attendent une réponse juste.** Plusieurs cellules de cette partie
# n'affichent leur résultat complet qu'une fois juste la question qu'elles attendent ; chacune
# le dit, en nommant cette question. Quand sa vérification dit « juste », remontez et
# relancez la cellule qui l'attendait (Maj + Entrée).

# %% [markdown] session="evaluation" graded="in-class"
# ## Après la séance
#
# Cette partie se fait **après la séance**, chez vous : six questions autocorrigées, un
# explorateur, une lecture, puis une réflexion écrite, corrigée par l'enseignant. Ici, les six
# questions sont un **entraînement** hors de la note : la copie ramassée à la fin de la séance ne
# les contient pas. La note
# porte sur les questions 1 à 4 (8 points, faites en séance, sous surveillance) et sur la
# **réflexion** (3 points), soit 11 points. La réflexion s'écrit **après la séance, chez vous,
# sans surveillance**, notes et documents permis ; c'est un travail personnel : une aide
# (un camarade, une IA générative) se signale en une ligne. Rendez-la à la date et sous la
# forme que fixe votre enseignant (par exemple un devoir Moodle) : il la note à la main, sur
# les trois critères écrits sous sa consigne.
#
# **Des résultats qui attendent une réponse juste.** Plusieurs cellules de cette partie
# n'affichent leur résultat complet qu'une fois juste la question qu'elles attendent ; chacune
# le dit, en nommant cette question. Quand sa vérification dit « juste », remontez et
# relancez la cellule qui l'attendait (Maj + Entrée).

# %% [markdown]
# ## 8. Auditer l'appareil
#
# ### Question 5 — Quel indicateur pour auditer l'appareil ? (1 point)
#
# Votre hôpital veut savoir si ses oxymètres se trompent davantage chez les patients à peau
# foncée (gaz du sang et SpO2 simultanés). Or ces patients y sont en moyenne plus graves (plus
# souvent et plus profondément désaturés). Quel indicateur compare le mieux **l'appareil**, et
# non les patients ?

# %% [markdown] session="formative"
# Écrivez entre guillemets **doubles** l'une des réponses :
#
# - `"le taux d'hypoxémie occulte de chaque groupe, parmi les paires à SpO2 rassurante"`
# - `"la sensibilité de l'alarme dans chaque groupe, parmi les hypoxémies"`
# - `"l'erreur de l'oxymètre dans chaque groupe, par tranches étroites de SaO2"`
# - `"l'erreur de l'oxymètre dans chaque groupe, par tranches étroites de SpO2 affichée"`
# - `"l'erreur de l'oxymètre dans chaque groupe, en moyenne sur toutes les saturations"`
# - `"l'écart-type de l'erreur de l'oxymètre dans chaque groupe, par tranches étroites de SaO2"`

# %% [markdown] session="evaluation"
# Les six réponses s'affichent sous la cellule suivante, dans un ordre tiré pour votre
# copie. Écrivez la lettre **entre guillemets** (`"A"` à `"F"`).

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : il affiche les réponses de la question 5, dans l'ordre
# tiré pour votre copie. Exécutez-le (Maj + Entrée).
REPONSES_Q5 = [
    "le taux d'hypoxémie occulte de chaque groupe, parmi les paires à SpO2 rassurante",
    "la sensibilité de l'alarme dans chaque groupe, parmi les hypoxémies",
    "l'erreur de l'oxymètre dans chaque groupe, par tranches étroites de SaO2",
    "l'erreur de l'oxymètre dans chaque groupe, par tranches étroites de SpO2 affichée",
    "l'erreur de l'oxymètre dans chaque groupe, en moyenne sur toutes les saturations",
    "l'écart-type de l'erreur de l'oxymètre dans chaque groupe, par tranches étroites de SaO2",
]
lettre_de_la_reponse_q5 = {}
ordre_q5 = np.random.default_rng([GRAINE, 15]).permutation(len(REPONSES_Q5))
for lettre, numero in zip("ABCDEF", ordre_q5, strict=True):
    lettre_de_la_reponse_q5[int(numero)] = lettre
    print(f"{lettre}. {REPONSES_Q5[numero]}")

# %% [markdown]
# <details><summary>Indice 1</summary>
#
# L'encadré « un taux qui dépend aussi de la gravité des patients » (section 4) le dit du
# taux d'hypoxémie occulte : dans un groupe plus grave, il est plus haut, même avec un appareil
# sans biais. Faites le même raisonnement pour la sensibilité :
# une hypoxémie profonde et une hypoxémie à la limite font-elles sonner l'alarme aussi
# souvent, avec le même appareil ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Pour chaque indicateur, faites une expérience de pensée : gardez le même appareil et rendez
# les patients d'un groupe plus graves. L'indicateur bougerait-il ? Celui qui compare le mieux
# l'appareil est celui que la gravité fait le moins bouger.
# </details>

# %% answer="indicateur_audit" session="formative"
indicateur_audit = ...
### BEGIN SOLUTION
indicateur_audit = "l'erreur de l'oxymètre dans chaque groupe, par tranches étroites de SaO2"
### END SOLUTION

# %% tests="indicateur_audit" points=1 session="formative"
# Vérification de la question 5 : exécutez cette cellule.
checks.check_choice(
    indicateur_audit,
    name="indicateur_audit",
    options=["le taux d'hypoxémie occulte de chaque groupe, parmi les paires à SpO2 rassurante",
             "la sensibilité de l'alarme dans chaque groupe, parmi les hypoxémies",
             "l'erreur de l'oxymètre dans chaque groupe, par tranches étroites de SaO2",
             "l'erreur de l'oxymètre dans chaque groupe, par tranches étroites de SpO2 affichée",
             "l'erreur de l'oxymètre dans chaque groupe, en moyenne sur toutes les saturations",
             "l'écart-type de l'erreur de l'oxymètre dans chaque groupe, par tranches étroites de SaO2"],
    digest="dd397ce60f290404",
    mistakes=[
        checks.Mistake(None, "le taux d'hypoxémie occulte est une valeur prédictive : dans un "
                       "groupe plus grave, il est plus haut même avec un appareil sans biais "
                       "(section 4). Il mêle l'appareil et la gravité des "
                       "patients.", digest="98cec38f490ceb3a"),
        checks.Mistake(None, "la sensibilité part bien des hypoxémies, mais elle dépend "
                       "encore de leur profondeur : une hypoxémie profonde fait sonner l'alarme "
                       "plus souvent qu'une hypoxémie à la limite, même sans biais de l'appareil. "
                       "Elle mêle encore l'appareil et la gravité.", digest="8d36bb80d26c2cc5"),
        checks.Mistake(None, "l'écart-type mesure la dispersion des erreurs (la fidélité) : "
                       "un appareil peut se tromper de plusieurs points dans le même sens chez "
                       "un groupe avec le même écart-type que chez l'autre (tableau de la "
                       "section 3). Un biais est une erreur dans un sens constant : laquelle "
                       "des colonnes du tableau la mesure ?",
                       digest="97ae01d0f2069264"),
        checks.Mistake(None, "l'erreur moyenne, toutes saturations confondues, est faussée par "
                       "la gravité : le biais grandit quand la saturation baisse (tableau de la "
                       "section 3), si bien qu'un groupe plus désaturé aurait une erreur moyenne "
                       "plus grande avec le même appareil et la même peau. Elle mêle encore "
                       "l'appareil et la gravité.",
                       digest="d183736a6eff85a1"),
        checks.Mistake(None, "ranger les paires par SpO2 affichée, c'est les ranger par la "
                       "mesure même que l'on audite : à SpO2 égale, un groupe plus désaturé a "
                       "des SaO2 plus basses, donc des erreurs plus grandes, avec le même "
                       "appareil. Les tranches se font sur la référence : laquelle ?",
                       digest="adaa69a33ae24719"),
    ],
    success="comparer l'erreur de l'oxymètre (SpO2 − SaO2) à SaO2 comparable réduit la part "
    "de la gravité, sans l'annuler tout à fait : le biais grandit quand la SaO2 baisse. Dans "
    "une tranche large ou ouverte, comme la « SaO2 < 88 % » du tableau de la section 3 (elle "
    "descend jusqu'à 60 %), un groupe plus désaturé aurait une erreur moyenne plus forte même "
    "sans biais propre à sa peau. D'où des tranches étroites, ou l'erreur suivie en fonction "
    "de la SaO2 (un modèle), et une limite à dire dans le rapport. Le taux d'hypoxémie "
    "occulte et la sensibilité disent ce que vivent les patients : utiles, mais à lire avec "
    "la gravité de chaque groupe. Et l'audit exige une SaO2 mesurée au co-oxymètre, prélevée "
    "en même temps que la SpO2 est lue : une SaO2 calculée à partir de la PaO2 ne suffit pas.",
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    indicateur_audit,
    name="indicateur_audit",
    options=["le taux d'hypoxémie occulte de chaque groupe, parmi les paires à SpO2 rassurante",
             "la sensibilité de l'alarme dans chaque groupe, parmi les hypoxémies",
             "l'erreur de l'oxymètre dans chaque groupe, par tranches étroites de SaO2",
             "l'erreur de l'oxymètre dans chaque groupe, par tranches étroites de SpO2 affichée",
             "l'erreur de l'oxymètre dans chaque groupe, en moyenne sur toutes les saturations",
             "l'écart-type de l'erreur de l'oxymètre dans chaque groupe, par tranches étroites de SaO2"],
    expected="l'erreur de l'oxymètre dans chaque groupe, par tranches étroites de SaO2",
)
### END HIDDEN TESTS

# %% mistake="indicateur_audit" session="formative"
# message : le taux d'hypoxémie occulte est une valeur prédictive
indicateur_audit = "le taux d'hypoxémie occulte de chaque groupe, parmi les paires à SpO2 rassurante"

# %% mistake="indicateur_audit" session="formative"
# message : elle dépend encore de leur profondeur
indicateur_audit = "la sensibilité de l'alarme dans chaque groupe, parmi les hypoxémies"

# %% mistake="indicateur_audit" session="formative"
# message : l'écart-type mesure la dispersion des erreurs (la fidélité)
indicateur_audit = (
    "l'écart-type de l'erreur de l'oxymètre dans chaque groupe, par tranches étroites de SaO2"
)

# %% mistake="indicateur_audit" session="formative"
# message : ranger les paires par SpO2 affichée
indicateur_audit = (
    "l'erreur de l'oxymètre dans chaque groupe, par tranches étroites de SpO2 affichée"
)

# %% mistake="indicateur_audit" session="formative"
# message : est faussée par la gravité
indicateur_audit = (
    "l'erreur de l'oxymètre dans chaque groupe, en moyenne sur toutes les saturations"
)


# %% answer="indicateur_audit" session="evaluation"
indicateur_audit = ...
### BEGIN SOLUTION
indicateur_audit = lettre_de_la_reponse_q5[2]
### END SOLUTION

# %% tests="indicateur_audit" points=1 session="evaluation"
# Vérification de la question 5 : exécutez cette cellule.
checks.check_form(indicateur_audit, name="indicateur_audit", kind="choice",
                  options=["A", "B", "C", "D", "E", "F"])
### BEGIN HIDDEN TESTS
rang_q5 = list(np.random.default_rng([checks.student_seed("04", announce=False), 15]).permutation(6))
lettre_q5 = "".join(np.array(list("ABCDEF"))[np.argsort(rang_q5)])  # letter of each answer
checks.check_choice(
    indicateur_audit, name="indicateur_audit",
    options=["A", "B", "C", "D", "E", "F"],
    expected=lettre_q5[2],
    mistakes=[
        checks.Mistake(lettre_q5[0], "le taux d'hypoxémie occulte est une valeur prédictive : dans un groupe plus grave, il est plus haut même avec un appareil sans biais (section 4)."),
        checks.Mistake(lettre_q5[1], "la sensibilité part bien des hypoxémies, mais elle dépend encore de leur profondeur : elle mêle encore l'appareil et la gravité."),
        checks.Mistake(lettre_q5[3], "ranger les paires par SpO2 affichée, c'est les ranger par la mesure même que l'on audite : les tranches se font sur la référence."),
        checks.Mistake(lettre_q5[4], "l'erreur moyenne, toutes saturations confondues, est faussée par la gravité : le biais grandit quand la saturation baisse (section 3)."),
        checks.Mistake(lettre_q5[5], "l'écart-type mesure la dispersion des erreurs (la fidélité), pas une erreur dans un sens constant (un biais)."),
    ],
)
### END HIDDEN TESTS

# %% mistake="indicateur_audit" session="evaluation"
# message : le taux d'hypoxémie occulte est une valeur prédictive
indicateur_audit = lettre_de_la_reponse_q5[0]

# %% mistake="indicateur_audit" session="evaluation"
# message : elle dépend encore de leur profondeur
indicateur_audit = lettre_de_la_reponse_q5[1]

# %% mistake="indicateur_audit" session="evaluation"
# message : ranger les paires par SpO2 affichée
indicateur_audit = lettre_de_la_reponse_q5[3]

# %% mistake="indicateur_audit" session="evaluation"
# message : est faussée par la gravité
indicateur_audit = lettre_de_la_reponse_q5[4]

# %% mistake="indicateur_audit" session="evaluation"
# message : l'écart-type mesure la dispersion des erreurs (la fidélité)
indicateur_audit = lettre_de_la_reponse_q5[5]
# %% [markdown]
# ## 9. Corriger l'appareil ou relever le seuil ?
#
# Deux curseurs (souris ou **flèches du clavier**) : le **seuil d'alarme** et le **biais de
# l'appareil** chez les patients noirs (sa surestimation, en points, à une vraie SaO2 de
# 88 % : 2,9 ici). Mettez le biais à 0, puis remettez-le à 2,9 et montez le seuil.

# %%
# L'explorateur : bougez ses deux curseurs et regardez le tableau et la figure changer.
# Au réglage de départ, il cache (« cachée ») la réponse des questions 1 et 3 chez les
# patients noirs, jusqu'à ce que leur vérification ait dit « juste ».
explorateur = OximetryExplorer(
    random_state=GRAINE_DONNEES,
    n_samples=N_PAIRES,
    threshold=SEUIL_ALARME,
    device_bias=BIAIS_APPAREIL,
    hidden_until={"occult_rate": "taux_occulte_noirs", "sensitivity": "sensibilite_noirs"},
)
display(explorateur)

# %% [markdown]
# ### Question 6 a — Relever le seuil pour tout le monde ? (0,5 point)
#
# Idée de réunion, plutôt que d'attendre un appareil mieux étalonné : **relever le seuil
# d'alarme, le même pour tous**, jusqu'à ce que l'alarme détecte les hypoxémies des patients
# noirs **au moins aussi bien** que celles des patients blancs au seuil du service
# (`sensibilite_blancs_92`, calculée en section 6 : l'**objectif**). Trouvez **le plus bas**
# seuil entier où la sensibilité **calculée sur nos données** (l'estimation ponctuelle, sans sa
# marge d'erreur) atteint l'objectif : c'est elle qui est notée. La question 2 l'a montré, une
# estimation n'est pas une certitude : la cellule du coût affichera ensuite l'intervalle de
# cette sensibilité, et donc si ce seuil est solide. Chaque cran de plus fait sonner l'alarme
# plus souvent, pour tous. Ce
# seuil dépend aussi des choix du générateur : la part des paires sous 88 % de SaO2 (environ une
# sur cinq) et leur profondeur règlent la sensibilité de l'alarme, et donc le seuil trouvé.
#
# **Essayer un seuil chez vous, pas à pas**
#
# 1. Si vous venez de rouvrir le notebook, relancez d'abord les calculs : menu
#    *Exécution › Exécuter toutes les cellules* (vos réponses restent).
# 2. Dans la **cellule d'essai** ci-dessous, remplacez `93` par le seuil à essayer, puis
#    **Maj + Entrée** : elle affiche l'objectif, puis la sensibilité de chaque groupe avec une
#    alarme sous ce seuil.
# 3. Changez le nombre et recommencez, un cran à la fois. Quand vous avez trouvé, écrivez le
#    seuil dans la cellule de réponse, exécutez-la, puis exécutez la vérification.
#
# Autre façon : dans l'explorateur de la section 9, laissez le biais à 2,9, bougez le curseur
# « Seuil d'alarme » et lisez la ligne « Sensibilité de l'alarme ».
#
# <details><summary>Indice 1</summary>
#
# Pour détecter **plus** d'hypoxémies, l'alarme doit-elle sonner plus tôt ou plus tard ? Le
# seuil doit donc monter ou descendre ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Montez le seuil d'un cran à la fois à partir du seuil du service. Arrêtez-vous au premier
# seuil où la sensibilité des patients noirs atteint ou dépasse l'objectif. La réponse est un
# seuil de SpO2 (un nombre entier comme `93`), pas une sensibilité.
# </details>

# %%
# Cellule d'essai (non notée) : remplacez 93 par le seuil à essayer, puis Maj + Entrée.
seuil_essaye = 93
print(f"Objectif : {fr_number(sensibilite_blancs_92)} (sensibilité chez les patients blancs "
      f"au seuil de {SEUIL_ALARME} %).")
print(f"Alarme si la SpO2 affichée est sous {seuil_essaye} % :")
# Au seuil du service, la sensibilité des patients noirs est la réponse de la question 3 :
# cachée tant que sa vérification n'a pas dit « juste ».
for nom, valeur in sensibilites(seuil_essaye).items():
    if np.isnan(valeur):
        print(f"  Sensibilité chez les {nom} : cachée (c'est la réponse de la question 3)")
    else:
        print(f"  Sensibilité chez les {nom} : {fr_number(valeur)}")

# %% answer="seuil_alarme"
seuil_alarme = ...
### BEGIN SOLUTION
seuil_alarme = min(
    s for s in range(SEUIL_ALARME, 101)
    if sensibilites(s)["patients noirs"] >= sensibilite_blancs_92
)
### END SOLUTION

# %% tests="seuil_alarme" points=0.5 session="formative"
# Vérification de la question 6 a : exécutez cette cellule.
valeur_q5 = checks.require_number(seuil_alarme, name="seuil_alarme")
checks.expect(
    valeur_q5 >= 1,
    f"vous avez donné {fr_number(valeur_q5).rstrip('0').rstrip(',')} : c'est une sensibilité "
    "(une proportion), pas un seuil. La réponse est une valeur de SpO2, comme 93.",
    name="seuil_alarme",
)
checks.expect(
    valeur_q5 == int(valeur_q5) and 70 <= valeur_q5 <= 100,
    f"vous avez donné {fr_number(valeur_q5).rstrip('0').rstrip(',')}. Dans nos données, les "
    "SpO2 sont des entiers entre 70 et 100 : le seuil est un nombre entier de cet intervalle.",
    name="seuil_alarme",
)
checks.expect(
    valeur_q5 >= SEUIL_ALARME,
    "seuil du mauvais côté : en baissant le seuil, l'alarme sonne moins souvent et manque "
    "encore plus d'hypoxémies. Pour détecter davantage, il faut relever le seuil.",
    name="seuil_alarme",
)
sens_q5 = recall_score(hypox[noirs], spo2[noirs] < valeur_q5)
# Au seuil du service, cette sensibilité est la réponse de la question 3 : pas de chiffre
# tant que sa vérification n'a pas dit « juste ».
if np.array_equal(spo2 < valeur_q5, spo2 < SEUIL_ALARME) and not checks.passed(
    "sensibilite_noirs"
):
    sens_q5_lue = "celle de la question 3"
else:
    sens_q5_lue = fr_number(sens_q5)
checks.expect(
    sens_q5 >= sensibilite_blancs_92,
    f"à ce seuil, dans nos données, la sensibilité chez les patients noirs est "
    f"{sens_q5_lue}, encore sous l'objectif ({fr_number(sensibilite_blancs_92)}) : "
    "montez encore le seuil. La question porte sur nos données ; la marge d'erreur de ce "
    "résultat (un cran de plus ou de moins ailleurs) s'affiche après la vérification.",
    name="seuil_alarme",
)
checks.expect(
    recall_score(hypox[noirs], spo2[noirs] < valeur_q5 - 1) < sensibilite_blancs_92,
    "l'objectif est atteint, mais pas avec le plus bas seuil : un seuil plus bas suffit déjà, "
    "avec moins d'alarmes sans hypoxémie.",
    name="seuil_alarme",
)
print("\u2714 Correct (seuil_alarme) : c'est le plus bas seuil qui atteint l'objectif dans "
      "nos données. La cellule suivante et la question 6 b montrent ce qu'il coûte.")
### BEGIN HIDDEN TESTS
spo2_hypox_noirs = spo2[noirs & hypox]
checks.expect(
    (spo2_hypox_noirs < valeur_q5).mean() >= sensibilite_blancs_92
    and (spo2_hypox_noirs < valeur_q5 - 1).mean() < sensibilite_blancs_92,
    "ce seuil n'est pas le plus bas qui atteint l'objectif de sensibilité.",
    name="seuil_alarme",
)
### END HIDDEN TESTS

# %% mistake="seuil_alarme" session="formative"
# message : seuil du mauvais côté
seuil_alarme = 88

# %% mistake="seuil_alarme" session="formative"
# message : c'est une sensibilité
seuil_alarme = sensibilite_blancs_92

# %% mistake="seuil_alarme" session="formative"
# message : montez encore le seuil
seuil_alarme = SEUIL_ALARME

# %% mistake="seuil_alarme" session="formative"
# message : pas avec le plus bas seuil
seuil_alarme = 100

# %% tests="seuil_alarme" points=0.5 session="evaluation"
# Vérification de la question 6 a : exécutez cette cellule.
checks.check_form(seuil_alarme, name="seuil_alarme", kind="number", decimals=0, on_grid=True,
                  bounds=(70, 100))
### BEGIN HIDDEN TESTS
paires_q6a = make_pulse_oximetry(n_samples=10_789, device_bias=2.9, random_state=oximetry_case_seed(checks.student_seed("04", announce=False))).frame
noir_q6a = (paires_q6a["race"].astype(str) == "Black").to_numpy()
hypox_q6a = (paires_q6a["sao2"] < 88).to_numpy()
spo2_q6a = paires_q6a["spo2"].to_numpy()
objectif_q6a = recall_score(hypox_q6a[~noir_q6a], spo2_q6a[~noir_q6a] < 92)
sens_q6a = (spo2_q6a[noir_q6a & hypox_q6a][:, np.newaxis] < np.arange(92, 101)).mean(axis=0)  # thresholds 92 to 100
seuil_q6a = 92 + int(np.argmax(sens_q6a >= objectif_q6a))
donne_q6a = checks.require_number(seuil_alarme, name="seuil_alarme")
checks.expect(donne_q6a >= 1, "vous avez donné une sensibilité (une proportion), c'est une sensibilité, pas un seuil.", name="seuil_alarme")
checks.expect(donne_q6a >= 92, "seuil du mauvais côté : en baissant le seuil, l'alarme manque encore plus d'hypoxémies.", name="seuil_alarme")
checks.expect(donne_q6a >= seuil_q6a, "à ce seuil, la sensibilité chez les patients noirs reste sous l'objectif : montez encore le seuil.", name="seuil_alarme")
checks.expect(donne_q6a <= seuil_q6a, "l'objectif est atteint, mais pas avec le plus bas seuil.", name="seuil_alarme")
checks.check_number(seuil_alarme, name="seuil_alarme", expected=seuil_q6a, integer=True)
### END HIDDEN TESTS

# %% mistake="seuil_alarme" session="evaluation"
# message : seuil du mauvais côté
seuil_alarme = 88

# %% mistake="seuil_alarme" session="evaluation"
# message : on attend l'une des positions du curseur
seuil_alarme = sensibilite_blancs_92

# %% mistake="seuil_alarme" session="evaluation"
# message : montez encore le seuil
seuil_alarme = SEUIL_ALARME

# %% mistake="seuil_alarme" session="evaluation"
# message : pas avec le plus bas seuil
seuil_alarme = 1 + min(
    s for s in range(SEUIL_ALARME, 101)
    if sensibilites(s)["patients noirs"] >= sensibilite_blancs_92
)

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : ce que coûte ce seuil relevé, pour tous les patients ;
# et la marge d'erreur de la sensibilité.
import numbers

# Au seuil du service, les comptes ne dépendent pas de votre réponse.
alarmes_92 = int((spo2 < SEUIL_ALARME).sum())
alarmes_sans_hypoxemie_92 = int(((spo2 < SEUIL_ALARME) & ~hypox).sum())
if checks.is_placeholder(seuil_alarme):
    print("Répondez d'abord à la question 6 a : cette cellule montre ce que coûte votre seuil.")
elif not isinstance(seuil_alarme, numbers.Real) or not SEUIL_ALARME <= seuil_alarme <= 100:
    donne = (
        fr_number(seuil_alarme).rstrip("0").rstrip(",")
        if isinstance(seuil_alarme, numbers.Real)
        else repr(seuil_alarme)
    )
    print(
        f"Votre réponse à la question 6 a ({donne}) n'est pas un seuil de SpO2 entre "
        f"{SEUIL_ALARME} et 100 % : cette cellule ne peut pas en calculer le coût. Corrigez "
        "la question 6 a (sa vérification dit ce qui ne va pas), puis relancez cette cellule."
    )
else:
    # Les alarmes sans hypoxémie (SaO2 ≥ 88 %), en deux tranches de SaO2 : de 88 à
    # 92 % (une désaturation réelle, où l'alarme reste utile) et 92 % ou plus.
    print("Alarmes sans hypoxémie (SaO2 ≥ 88 %), tous patients :")
    sans_hypoxemie = {}
    for seuil in (SEUIL_ALARME, seuil_alarme):
        sonne = spo2 < seuil
        de_88_a_92 = int((sonne & ~hypox & (sao2 < BORNE_SAO2)).sum())
        des_92 = int((sonne & (sao2 >= BORNE_SAO2)).sum())
        sans_hypoxemie[seuil] = de_88_a_92 + des_92
        print(f"  au seuil {seuil} : {de_88_a_92 + des_92}, dont {de_88_a_92} à SaO2 de 88 à "
              f"{BORNE_SAO2} % et {des_92} à SaO2 de {BORNE_SAO2} % ou plus")
    alarmes_seuil_releve = int((spo2 < seuil_alarme).sum())
    alarmes_sans_hypoxemie_seuil_releve = sans_hypoxemie[seuil_alarme]
    fois_plus = alarmes_sans_hypoxemie_seuil_releve / alarmes_sans_hypoxemie_92
    print(f"  soit {fr_number(fois_plus, 1)} fois plus au seuil {seuil_alarme} qu'au seuil "
          f"{SEUIL_ALARME}.")
    print("Les nombres de la question 6 b, sous le nom à écrire dans vos calculs :")
    print(f"  toutes les alarmes : alarmes_92 = {alarmes_92} ; "
          f"alarmes_seuil_releve = {alarmes_seuil_releve}")
    print(f"  alarmes sans hypoxémie : alarmes_sans_hypoxemie_92 = "
          f"{alarmes_sans_hypoxemie_92} ; alarmes_sans_hypoxemie_seuil_releve = "
          f"{alarmes_sans_hypoxemie_seuil_releve}")
    if checks.passed("part_alarmes_sans_hypoxemie"):
        # Part des alarmes qui sonnent sans hypoxémie : 1 − valeur prédictive positive.
        print(
            "Parmi les alarmes, part sans hypoxémie (1 − VPP) : "
            f"{fr_percent(alarmes_sans_hypoxemie_92 / alarmes_92)} au seuil {SEUIL_ALARME}, "
            f"{fr_percent(alarmes_sans_hypoxemie_seuil_releve / alarmes_seuil_releve)} au seuil "
            f"{seuil_alarme}."
        )
    else:
        print("Parmi les alarmes, la part sans hypoxémie (1 − VPP) s'affichera ici "
              "quand la vérification de la question 6 b aura dit « juste » : relancez alors "
              "cette cellule." if not SEANCE_EVALUEE else "Parmi les alarmes, la part sans "
              "hypoxémie (1 − VPP) est la réponse de la question 6 b : elle reste masquée "
              "dans cette copie.")
    alarmes_sans_biais = sum(
        r.detected + r.false_alarms for r in explorateur.compute(SEUIL_ALARME, 0.0).values()
    )
    print(
        f"Alarmes au total : {alarmes_seuil_releve} au seuil {seuil_alarme}, "
        f"contre {alarmes_sans_biais} au seuil {SEUIL_ALARME} avec un appareil sans biais."
    )
    print(
        f"Sensibilité chez les patients blancs au seuil {seuil_alarme} : "
        f"{fr_percent(sensibilites(seuil_alarme)['patients blancs'])}."
    )
    n_hypox_noirs = int((noirs & hypox).sum())
    k_detectees = int((noirs & hypox & (spo2 < seuil_alarme)).sum())
    bas_q5, haut_q5 = proportion_ci(k_detectees, n_hypox_noirs)
    # Au seuil du service, la sensibilité des patients noirs est la réponse de la question 3 :
    # cachée tant que sa vérification n'a pas dit « juste » (comme dans la cellule d'essai).
    if np.array_equal(spo2 < seuil_alarme, spo2 < SEUIL_ALARME) and not checks.passed(
        "sensibilite_noirs"
    ):
        print(
            f"Sensibilité chez les patients noirs au seuil {seuil_alarme} : cachée (réponse de la "
            "question 3). Ce seuil est celui du service, pas un seuil relevé : "
            "corrigez la question 6 a."
        )
    else:
        print(
            f"Sensibilité chez les patients noirs au seuil {seuil_alarme} : "
            f"{fr_percent(k_detectees / n_hypox_noirs)} ({k_detectees} hypoxémies détectées "
            f"sur {n_hypox_noirs}) ; intervalle à 95 % "
            f"{intervalle_95(k_detectees, n_hypox_noirs)}."
        )
    # Les hypoxémies encore manquées à ce seuil (question 6 c) : à quelle vraie SaO2 ?
    manquees = noirs & hypox & (spo2 >= seuil_alarme)
    pres_de_88 = int((manquees & (sao2 >= TRANCHES_DE_4_POINTS[1][0])).sum())
    print(
        f"Hypoxémies encore manquées chez les patients noirs au seuil {seuil_alarme} : "
        f"{int(manquees.sum())}, dont {pres_de_88} à SaO2 de {TRANCHES_DE_4_POINTS[1][0]} à "
        f"{SEUIL_HYPOXEMIE} % (tout près du seuil de l'hypoxémie)."
    )
    if bas_q5 <= sensibilite_blancs_92 <= haut_q5:
        print(
            f"Cet intervalle contient l'objectif ({fr_percent(sensibilite_blancs_92)}) : "
            "d'autres données pourraient demander un cran de plus, ou de moins."
        )

# %% [markdown]
# ### Question 6 b — Ce que coûte ce seuil (0,5 point)
#
# Parmi les alarmes qui sonnent **à votre seuil** (question 6 a), quelle **part** sonne sans
# hypoxémie ? Donnez une proportion entre 0 et 1 : une division de deux des noms listés
# par la cellule ci-dessus. Cette part vaut 1 − VPP, la valeur prédictive positive (VPP) étant
# la part des alarmes qui sonnent pour une hypoxémie.
#
# <details><summary>Indice 1</summary>
#
# « Parmi qui ? » Le groupe de départ, ici, ce sont les alarmes : lesquelles, à quel seuil ?
# Ce que l'on compte en lui va au-dessus de la barre de division.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Un exemple résolu, sur d'autres nombres : une nuit, un service reçoit 40 appels, dont 10
# sans urgence ; la part des appels sans urgence s'écrit `10 / 40` (ce que l'on compte, sur le
# groupe de départ). Ici, quel nom joue le rôle des 40 appels, lequel celui des 10 ? Les deux
# doivent venir du même seuil : lequel ?
# </details>

# %% answer="part_alarmes_sans_hypoxemie"
part_alarmes_sans_hypoxemie = ...
### BEGIN SOLUTION
part_alarmes_sans_hypoxemie = alarmes_sans_hypoxemie_seuil_releve / alarmes_seuil_releve
### END SOLUTION

# %% tests="part_alarmes_sans_hypoxemie" points=0.5 session="formative"
# Vérification de la question 6 b : exécutez cette cellule.
erreurs_q5b = [
    checks.Mistake(None, "vous avez calculé la valeur prédictive positive (la part des alarmes "
                   "qui sonnent pour une hypoxémie). La question demande l'autre part : "
                   "celle des alarmes qui sonnent sans hypoxémie, 1 − VPP.",
                   digest="61043e8cc83db5ca"),
    checks.Mistake(None, "vous avez calculé cette part au seuil du service (92 %). La question "
                   "porte sur le seuil relevé : prenez les noms qui finissent par "
                   "_seuil_releve, et, si votre seuil de la question 6 a est resté à 92, "
                   "corrigez-la d'abord.", digest="0ae2af8f39defb04"),
    checks.Mistake(None, "vous avez divisé par toutes les paires. La question part des "
                   "alarmes : c'est parmi elles qu'on compte.", digest="bf4113232cc56f0a"),
    checks.Mistake(None, "vous avez divisé par les paires sans hypoxémie : c'est le taux "
                   "d'alarmes sans hypoxémie de la section 6, une autre question. Ici, "
                   "le groupe de départ, ce sont les alarmes.", digest="734c143f5a120370"),
    checks.Mistake(None, "numérateur et dénominateur inversés : une proportion ne dépasse pas "
                   "1. Le groupe de départ (les alarmes) va au dénominateur.",
                   digest="ddaa03afd7c60167"),
    checks.Mistake(None, "vous avez calculé combien de fois plus d'alarmes sonnent sans "
                   "hypoxémie au seuil relevé qu'au seuil du service. La question "
                   "demande une part, parmi les alarmes du seuil relevé.",
                   digest="90108a53da0950e4"),
    checks.Mistake(None, "numérateur et dénominateur pris à deux seuils différents (l'un au "
                   "seuil du service, l'autre au seuil relevé) : le dénominateur ne contient "
                   "plus le numérateur, et la « part » peut dépasser 1. Une part se compte "
                   "dans un seul groupe de départ : les deux nombres au même seuil.",
                   digest="5e0b58666bec86a3"),
    checks.Mistake(None, "numérateur et dénominateur pris à deux seuils différents (l'un au "
                   "seuil du service, l'autre au seuil relevé) : le dénominateur ne contient "
                   "plus le numérateur, et la « part » peut dépasser 1. Une part se compte "
                   "dans un seul groupe de départ : les deux nombres au même seuil.",
                   digest="0718e9be70b40433"),
]
# Votre calcul est jugé à votre seuil de la question 6 a : une erreur à la 5 a n'est pas
# comptée deux fois. La part juste à chaque seuil possible, sous forme d'empreinte (cachée).
# Pas au seuil du service (92) : la 5 b porte sur un seuil relevé, et à 92 la bonne part
# serait l'exemple résolu de l'indice 2.
EMPREINTES_Q5B = {
    93: "b3d461fb16505025", 94: "e8c561e046af5c17",
    95: "926aaa043309c3f1", 96: "2427cbed8cbafc69", 97: "9a4fc05a81a106f5",
    98: "9aa5de7331bfa3ba", 99: "5991b98e8b555e9e", 100: "29225a5a424a4c66",
}
try:
    empreinte_q5 = EMPREINTES_Q5B.get(float(seuil_alarme))
except (TypeError, ValueError):
    empreinte_q5 = None
if empreinte_q5 is None or empreinte_q5 == "2427cbed8cbafc69":
    checks.check_number(
        part_alarmes_sans_hypoxemie,
        name="part_alarmes_sans_hypoxemie",
        digest="2427cbed8cbafc69",
        bounds=(0, 1),
        mistakes=erreurs_q5b,
        hint="Une part se calcule parmi un groupe de départ : ici, les alarmes du seuil relevé ; "
        "numérateur et dénominateur viennent du même seuil.",
        success="au seuil relevé, environ deux alarmes sur trois sonnent sans hypoxémie, "
        "contre environ une sur deux au seuil du service. Relancez la cellule du "
        "coût : elle affiche maintenant les deux parts.",
        points=0.5,
    )
else:
    # La question 6 a n'est pas encore juste, mais son seuil est utilisable. Les erreurs types
    # sont reconnues à ce seuil par leur forme, sans valeur écrite ici.
    valeur_q6b = checks.require_number(
        part_alarmes_sans_hypoxemie, name="part_alarmes_sans_hypoxemie"
    )
    checks.expect(
        not checks.matches_digest(1 - valeur_q6b, empreinte_q5,
                                  name="part_alarmes_sans_hypoxemie"),
        "vous avez calculé la valeur prédictive positive (la part des alarmes qui sonnent pour "
        "une hypoxémie). La question demande l'autre part : 1 − VPP.",
        name="part_alarmes_sans_hypoxemie",
    )
    checks.expect(
        not 1 < valeur_q6b < 10,
        "une part ne dépasse pas 1 : chaque alarme comptée au-dessus de la barre doit aussi "
        "l'être en dessous. Vérifiez que numérateur et dénominateur viennent du même seuil, et "
        "que le groupe de départ est sous la barre.",
        name="part_alarmes_sans_hypoxemie",
    )
    checks.check_number(
        part_alarmes_sans_hypoxemie,
        name="part_alarmes_sans_hypoxemie",
        digest=empreinte_q5,
        bounds=(0, 1),
        mistakes=erreurs_q5b[1:2],
        hint="Une part se calcule parmi un groupe de départ : ici, les alarmes du seuil relevé ; "
        "numérateur et dénominateur viennent du même seuil.",
        success=f"votre calcul est juste à votre seuil de la question 6 a "
        f"({fr_number(float(seuil_alarme), 0)}), et c'est à ce seuil qu'il est noté. Mais ce "
        "seuil n'est pas encore le plus bas qui atteint l'objectif : corrigez la question 6 a, "
        "relancez la cellule du coût, puis cette question.",
        points=0.5,
    )
### BEGIN HIDDEN TESTS
# Graded at the student's own threshold of 5 a (the right one without a usable answer):
# an error in 5 a is carried forward, not counted twice.
seuil_juste = min(
    s for s in range(SEUIL_ALARME, 101)
    if (spo2[noirs & hypox] < s).mean() >= sensibilite_blancs_92
)
try:
    seuil_q5b = float(seuil_alarme)
except (TypeError, ValueError):
    seuil_q5b = None
# The service threshold (92) is not a raised threshold: no carry-over there (the right share
# at 92 would be hint 2's worked example).
if seuil_q5b is None or seuil_q5b != int(seuil_q5b) or not SEUIL_ALARME < seuil_q5b <= 100:
    seuil_q5b = seuil_juste
sonne_q5b = spo2 < seuil_q5b
part_q5b = (sonne_q5b & ~hypox).sum() / sonne_q5b.sum()
melange_q5b = "numérateur et dénominateur pris à deux seuils différents."
erreurs_cachees_q5b = [
    checks.Mistake(1 - part_q5b, "vous avez calculé la VPP."),
    checks.Mistake(alarmes_sans_hypoxemie_92 / alarmes_92, "cette part est celle du seuil du service."),
    checks.Mistake((sonne_q5b & ~hypox).sum() / alarmes_92, melange_q5b),
    checks.Mistake(alarmes_sans_hypoxemie_92 / sonne_q5b.sum(), melange_q5b),
]
checks.check_number(
    part_alarmes_sans_hypoxemie,
    name="part_alarmes_sans_hypoxemie",
    expected=part_q5b,
    mistakes=erreurs_cachees_q5b,
    points=0.5,
)
### END HIDDEN TESTS

# %% mistake="part_alarmes_sans_hypoxemie" session="formative"
# message : au seuil du service
part_alarmes_sans_hypoxemie = alarmes_sans_hypoxemie_92 / alarmes_92

# %% mistake="part_alarmes_sans_hypoxemie" session="formative"
# message : vous avez calculé la valeur prédictive positive
part_alarmes_sans_hypoxemie = (
    alarmes_seuil_releve - alarmes_sans_hypoxemie_seuil_releve
) / alarmes_seuil_releve

# %% mistake="part_alarmes_sans_hypoxemie" session="formative"
# message : vous avez divisé par toutes les paires
part_alarmes_sans_hypoxemie = alarmes_sans_hypoxemie_seuil_releve / (
    n_paires_blancs + n_paires_noirs
)

# %% mistake="part_alarmes_sans_hypoxemie" session="formative"
# message : vous avez divisé par les paires sans hypoxémie
part_alarmes_sans_hypoxemie = alarmes_sans_hypoxemie_seuil_releve / (
    n_paires_blancs + n_paires_noirs - n_hypoxemies_blancs - n_hypoxemies_noirs
)

# %% mistake="part_alarmes_sans_hypoxemie" session="formative"
# message : numérateur et dénominateur inversés
part_alarmes_sans_hypoxemie = alarmes_seuil_releve / alarmes_sans_hypoxemie_seuil_releve

# %% mistake="part_alarmes_sans_hypoxemie" session="formative"
# message : combien de fois plus
part_alarmes_sans_hypoxemie = alarmes_sans_hypoxemie_seuil_releve / alarmes_sans_hypoxemie_92

# %% mistake="part_alarmes_sans_hypoxemie" session="formative"
# message : numérateur et dénominateur pris à deux seuils différents
part_alarmes_sans_hypoxemie = alarmes_sans_hypoxemie_seuil_releve / alarmes_92

# %% mistake="part_alarmes_sans_hypoxemie" session="formative"
# message : numérateur et dénominateur pris à deux seuils différents
part_alarmes_sans_hypoxemie = alarmes_sans_hypoxemie_92 / alarmes_seuil_releve

# %% tests="part_alarmes_sans_hypoxemie" points=0.5 session="evaluation"
# Vérification de la question 6 b : exécutez cette cellule.
checks.check_form(part_alarmes_sans_hypoxemie, name="part_alarmes_sans_hypoxemie",
                  kind="number", decimals=3, bounds=(0, 1))
### BEGIN HIDDEN TESTS
# Graded at the student's own threshold of 6 a (the right one without a usable answer).
paires_q6b = make_pulse_oximetry(n_samples=10_789, device_bias=2.9, random_state=oximetry_case_seed(checks.student_seed("04", announce=False))).frame
noir_q6b = (paires_q6b["race"].astype(str) == "Black").to_numpy()
hypox_q6b = (paires_q6b["sao2"] < 88).to_numpy()
spo2_q6b = paires_q6b["spo2"].to_numpy()
objectif_q6b = recall_score(hypox_q6b[~noir_q6b], spo2_q6b[~noir_q6b] < 92)
sens_q6b = (spo2_q6b[noir_q6b & hypox_q6b][:, np.newaxis] < np.arange(92, 101)).mean(axis=0)  # thresholds 92 to 100
juste_q6b = 92 + int(np.argmax(sens_q6b >= objectif_q6b))
try:
    seuil_q6b = float(seuil_alarme)
except (TypeError, ValueError):
    seuil_q6b = None
if seuil_q6b is None or seuil_q6b != int(seuil_q6b) or not 92 < seuil_q6b <= 100:
    seuil_q6b = juste_q6b
sonne_q6b, sonne_92_q6b = spo2_q6b < seuil_q6b, spo2_q6b < 92
part_q6b = (sonne_q6b & ~hypox_q6b).sum() / sonne_q6b.sum()
checks.check_number(
    part_alarmes_sans_hypoxemie, name="part_alarmes_sans_hypoxemie",
    expected=part_q6b,
    mistakes=[
        checks.Mistake(1 - part_q6b, "vous avez calculé la valeur prédictive positive (la part des alarmes qui sonnent pour une hypoxémie) : la question demande 1 − VPP."),
        checks.Mistake((sonne_92_q6b & ~hypox_q6b).sum() / sonne_92_q6b.sum(), "vous avez calculé cette part au seuil du service (92 %), pas au seuil relevé."),
        checks.Mistake((sonne_q6b & ~hypox_q6b).sum() / sonne_92_q6b.sum(), "numérateur et dénominateur pris à deux seuils différents."),
        checks.Mistake((sonne_92_q6b & ~hypox_q6b).sum() / sonne_q6b.sum(), "numérateur et dénominateur pris à deux seuils différents."),
        checks.Mistake((sonne_q6b & ~hypox_q6b).sum() / len(spo2_q6b), "vous avez divisé par toutes les paires : la question part des alarmes."),
        # The formative's named mistakes that apply here too (review 04 d18, lecturer finding 6); a
        # value above 1 (inverted ratio, « combien de fois plus ») is stopped by the form check.
        checks.Mistake((sonne_q6b & ~hypox_q6b).sum() / (~hypox_q6b).sum(), "vous avez divisé par les paires sans hypoxémie : c'est le taux d'alarmes sans hypoxémie, pas la part des alarmes."),
    ],
    points=0.5,
)
### END HIDDEN TESTS

# %% mistake="part_alarmes_sans_hypoxemie" session="evaluation"
# message : au seuil du service
part_alarmes_sans_hypoxemie = alarmes_sans_hypoxemie_92 / alarmes_92

# %% mistake="part_alarmes_sans_hypoxemie" session="evaluation"
# message : vous avez calculé la valeur prédictive positive
part_alarmes_sans_hypoxemie = (
    alarmes_seuil_releve - alarmes_sans_hypoxemie_seuil_releve
) / alarmes_seuil_releve

# %% mistake="part_alarmes_sans_hypoxemie" session="evaluation"
# message : vous avez divisé par toutes les paires
part_alarmes_sans_hypoxemie = alarmes_sans_hypoxemie_seuil_releve / (
    n_paires_blancs + n_paires_noirs
)

# %% mistake="part_alarmes_sans_hypoxemie" session="evaluation"
# message : vous avez divisé par les paires sans hypoxémie
part_alarmes_sans_hypoxemie = alarmes_sans_hypoxemie_seuil_releve / (
    n_paires_blancs + n_paires_noirs - n_hypoxemies_blancs - n_hypoxemies_noirs
)

# %% [markdown] session="formative"
# ### Question 6 c — Pourquoi l'écart demeure (1 point)
#
# À votre seuil de la question 6 a, la cellule du coût affiche la sensibilité de l'alarme dans
# chaque groupe : les patients noirs atteignent l'objectif, mais les patients blancs restent
# mieux protégés au même seuil. Pourquoi, dans nos données ? Écrivez la lettre **entre
# guillemets** (`"A"`, `"B"`, `"C"` ou `"D"`).
#
# - **A.** Le biais grandit quand la saturation baisse : les hypoxémies que l'alarme manque
#   encore chez les patients noirs sont surtout les plus profondes.
# - **B.** Les erreurs de l'oxymètre sont plus dispersées chez les patients noirs : au même
#   seuil, le hasard de la mesure leur fait manquer plus d'hypoxémies.
# - **C.** À vraie saturation égale, l'écran affiche encore plus haut chez les patients noirs :
#   le seuil, le même pour tous, ne change rien à cet écart d'affichage.
# - **D.** Les patients noirs de nos données ont plus d'hypoxémies proches de 88 %, difficiles
#   à détecter : l'écart vient de la répartition de leurs SaO2, pas de l'écran.
#
# <details><summary>Indice 1</summary>
#
# Confrontez chaque explication à ce que vous savez déjà : le tableau de l'erreur de
# l'oxymètre (section 3, ses deux colonnes), la façon dont notre générateur tire la SaO2
# (section 4), et la ligne « Hypoxémies encore manquées » de la cellule du coût (à quelle
# SaO2 sont-elles ?). Un exemple : une SaO2 de 76 %, surestimée de 6 points, s'affiche à
# 82 % ; l'alarme sonne-t-elle ? Laquelle des explications résiste ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Reprenez le tableau de l'erreur de l'oxymètre (section 3) : d'un groupe à l'autre, quelle
# colonne diffère nettement, à vraie saturation égale ? Puis, dans l'explorateur de la
# section 9, ramenez le biais à 0 : que devient l'écart de sensibilité ?
# </details>

# %% [markdown] session="evaluation"
# ### Question 6 c — Pourquoi l'écart demeure (1 point)
#
# À votre seuil de la question 6 a, la cellule du coût affiche la sensibilité de l'alarme dans
# chaque groupe : les patients noirs atteignent l'objectif, mais les patients blancs restent
# mieux protégés au même seuil. Pourquoi, dans nos données ? Les quatre explications
# s'affichent sous la cellule suivante, dans un ordre tiré pour votre copie. Écrivez la lettre
# **entre guillemets** (`"A"`, `"B"`, `"C"` ou `"D"`).

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : il affiche les quatre explications, dans l'ordre tiré pour
# votre copie. Exécutez-le (Maj + Entrée).
import textwrap

EXPLICATIONS_Q6C = [
    "Le biais grandit quand la saturation baisse : les hypoxémies que l'alarme manque encore "
    "chez les patients noirs sont surtout les plus profondes.",
    "Les erreurs de l'oxymètre sont plus dispersées chez les patients noirs : au même seuil, "
    "le hasard de la mesure leur fait manquer plus d'hypoxémies.",
    "À vraie saturation égale, l'écran affiche encore plus haut chez les patients noirs : le "
    "seuil, le même pour tous, ne change rien à cet écart d'affichage.",
    "Les patients noirs de nos données ont plus d'hypoxémies proches de 88 %, difficiles à "
    "détecter : l'écart vient de la répartition de leurs SaO2, pas de l'écran.",
]
ordre_q6c = np.random.default_rng([GRAINE, 6]).permutation(len(EXPLICATIONS_Q6C))
lettre_de_l_explication = {}
for lettre, numero in zip("ABCD", ordre_q6c, strict=True):
    lettre_de_l_explication[int(numero)] = lettre
    print(textwrap.fill(f"{lettre}. {EXPLICATIONS_Q6C[numero]}", width=92,
                        subsequent_indent="   "))

# %% [markdown] session="evaluation"
# <details><summary>Indice 1</summary>
#
# Confrontez chaque explication à ce que vous savez déjà : le tableau de l'erreur de
# l'oxymètre (section 3, ses deux colonnes), la façon dont notre générateur tire la SaO2
# (section 4), et la ligne « Hypoxémies encore manquées » de la cellule du coût (à quelle
# SaO2 sont-elles ?). Un exemple : une SaO2 de 76 %, surestimée de 6 points, s'affiche à
# 82 % ; l'alarme sonne-t-elle ? Laquelle des explications résiste ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Reprenez le tableau de l'erreur de l'oxymètre (section 3) : d'un groupe à l'autre, quelle
# colonne diffère nettement, à vraie saturation égale ? Puis, dans l'explorateur de la
# section 9, ramenez le biais à 0 : que devient l'écart de sensibilité ?
# </details>

# %% answer="ecart_seuil_releve" session="evaluation"
ecart_seuil_releve = ...
### BEGIN SOLUTION
ecart_seuil_releve = lettre_de_l_explication[2]
### END SOLUTION

# %% answer="ecart_seuil_releve" session="formative"
ecart_seuil_releve = ...
### BEGIN SOLUTION
ecart_seuil_releve = "C"
### END SOLUTION

# %% tests="ecart_seuil_releve" points=1 session="formative"
# Vérification de la question 6 c : exécutez cette cellule.
checks.check_choice(
    ecart_seuil_releve,
    name="ecart_seuil_releve",
    options=["A", "B", "C", "D"],
    digest="afce69458e753c23",
    mistakes=[
        checks.Mistake(None, "une hypoxémie profonde reste affichée sous le seuil, même "
                       "surestimée de plusieurs points : l'alarme sonne. Dans nos données, les "
                       "hypoxémies encore manquées au seuil relevé sont proches de 88 %, pas les "
                       "plus profondes.", digest="836a053872d800a2"),
        checks.Mistake(None, "le tableau de la section 3 montre des écarts-types proches dans "
                       "les deux groupes : la dispersion des erreurs (la fidélité) est à peu "
                       "près la même. Ce n'est pas le hasard de la mesure qui sépare les "
                       "groupes.", digest="ce01753571c7fc62"),
        checks.Mistake(None, "notre générateur tire la SaO2 de la même façon pour les deux "
                       "groupes (section 4) : leurs hypoxémies ont la même répartition, proches "
                       "de 88 % aussi souvent. La différence est ailleurs : cherchez-la dans le "
                       "tableau de la section 3. À l'hôpital, où les groupes peuvent différer "
                       "par la gravité, cette explication serait à tester, comme à la "
                       "question 5.", digest="7f5ae27d0d5f885d"),
    ],
    success=(
        "le seuil décide quand l'alarme sonne ; il ne corrige pas l'écran. À vraie saturation "
        "égale, la SpO2 des patients noirs reste affichée plus haut : leurs hypoxémies "
        "franchissent le seuil moins souvent que celles des patients blancs. La correction "
        "de fond est dans l'appareil."
    ),
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    ecart_seuil_releve, name="ecart_seuil_releve", options=["A", "B", "C", "D"], expected="C"
)
### END HIDDEN TESTS

# %% mistake="ecart_seuil_releve" session="formative"
# message : une hypoxémie profonde reste affichée sous le seuil
ecart_seuil_releve = "A"

# %% mistake="ecart_seuil_releve" session="formative"
# message : des écarts-types proches
ecart_seuil_releve = "B"

# %% mistake="ecart_seuil_releve" session="formative"
# message : notre générateur tire la SaO2 de la même façon
ecart_seuil_releve = "D"

# %% tests="ecart_seuil_releve" points=1 session="evaluation"
# Vérification de la question 6 c : exécutez cette cellule.
checks.check_form(ecart_seuil_releve, name="ecart_seuil_releve", kind="choice",
                  options=["A", "B", "C", "D"])
### BEGIN HIDDEN TESTS
rang_q6c = list(np.random.default_rng([checks.student_seed("04", announce=False), 6]).permutation(4))
lettre_q6c = "".join(np.array(list("ABCD"))[np.argsort(rang_q6c)])  # letter of each explanation
checks.check_choice(
    ecart_seuil_releve, name="ecart_seuil_releve",
    options=["A", "B", "C", "D"],
    expected=lettre_q6c[2],
    mistakes=[
        checks.Mistake(lettre_q6c[0], "une hypoxémie profonde reste affichée sous le seuil, même surestimée de plusieurs points : l'alarme sonne."),
        checks.Mistake(lettre_q6c[1], "le tableau de la section 3 montre des écarts-types proches dans les deux groupes : la dispersion des erreurs est à peu près la même."),
        checks.Mistake(lettre_q6c[3], "notre générateur tire la SaO2 de la même façon pour les deux groupes (section 4)."),
    ],
)
### END HIDDEN TESTS

# %% mistake="ecart_seuil_releve" session="evaluation"
# message : une hypoxémie profonde reste affichée sous le seuil
ecart_seuil_releve = lettre_de_l_explication[0]

# %% mistake="ecart_seuil_releve" session="evaluation"
# message : des écarts-types proches
ecart_seuil_releve = lettre_de_l_explication[1]

# %% mistake="ecart_seuil_releve" session="evaluation"
# message : notre générateur tire la SaO2 de la même façon
ecart_seuil_releve = lettre_de_l_explication[3]

# %% [markdown] reveal="part_alarmes_sans_hypoxemie"
# Relever le seuil pour tous multiplie les alarmes, et une part plus grande d'entre elles sonne
# sans hypoxémie (1 − VPP, question 6 b). Celles à SaO2 de 88 à 92 % signalent une
# désaturation réelle (sous 90 %, la PaO2 est sous 60 mmHg) : elles sont utiles. Les autres,
# à SaO2 de 92 % ou plus, usent l'attention : les soignants finissent par ne plus entendre l'alarme (**fatigue
# d'alarme**).

# %% [markdown] reveal="ecart_seuil_releve"
# L'écart entre les groupes demeure à ce nouveau seuil : le seuil ne corrige pas l'écran. Un
# appareil sans biais ferait bien moins sonner l'alarme (les deux totaux ci-dessus). **Retenez
# l'ordre de grandeur**, pas le seuil exact : avec quelques centaines d'hypoxémies seulement chez
# les patients noirs, l'intervalle de leur sensibilité, affiché ci-dessus, s'étend sur plusieurs
# points ; d'autres données donneraient peut-être un cran de plus ou de moins.

# %% [markdown]
# ### Question 7 — Moins d'alarmes sans hypoxémie : comment le lire ? (1 point)
#
# Au seuil du service, le taux d'alarmes sans hypoxémie est plus bas chez les patients
# noirs que chez les patients blancs (section 6). Dans nos données, de quoi est-ce l'effet ?

# %% [markdown] session="formative"
# Écrivez entre guillemets **doubles** l'une des réponses :
#
# - `"un avantage net de l'écran trop haut, qui leur épargne des alarmes inutiles"`
# - `"un effet de l'écran trop haut, qui fait taire des alarmes inutiles et utiles"`
# - `"un effet de vraies saturations plus hautes chez les patients noirs"`
# - `"un effet de l'écran trop haut, mais sur les seules paires en hypoxémie"`
# - `"un effet de l'écran trop haut, qui ne fait taire que des alarmes à SaO2 de 92 % ou plus"`

# %% [markdown] session="evaluation"
# Les cinq réponses s'affichent sous la cellule suivante, dans un ordre tiré pour votre
# copie. Écrivez la lettre **entre guillemets** (`"A"` à `"E"`).

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : il affiche les réponses de la question 7, dans l'ordre
# tiré pour votre copie. Exécutez-le (Maj + Entrée).
REPONSES_Q7 = [
    "un avantage net de l'écran trop haut, qui leur épargne des alarmes inutiles",
    "un effet de l'écran trop haut, qui fait taire des alarmes inutiles et utiles",
    "un effet de vraies saturations plus hautes chez les patients noirs",
    "un effet de l'écran trop haut, mais sur les seules paires en hypoxémie",
    "un effet de l'écran trop haut, qui ne fait taire que des alarmes à SaO2 de 92 % ou plus",
]
lettre_de_la_reponse_q7 = {}
ordre_q7 = np.random.default_rng([GRAINE, 16]).permutation(len(REPONSES_Q7))
for lettre, numero in zip("ABCDE", ordre_q7, strict=True):
    lettre_de_la_reponse_q7[int(numero)] = lettre
    print(f"{lettre}. {REPONSES_Q7[numero]}")

# %% [markdown]
# <details><summary>Indice 1</summary>
#
# Une SpO2 affichée trop haute fait-elle sonner l'alarme plus ou moins souvent ? Pour quelles
# paires : avec hypoxémie, sans hypoxémie, ou les deux ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Suivez deux paires d'un patient noir, avec le même appareil biaisé. L'une sans hypoxémie,
# à une vraie SaO2 juste sous le seuil de l'alarme : l'écran affiche plus haut ;
# l'alarme sonne-t-elle ? L'autre en hypoxémie : le même écran trop haut a-t-il le même
# effet ? Ce qui fait baisser le premier taux, que fait-il à la sensibilité ?
# </details>

# %% answer="lecture_alarmes" session="formative"
lecture_alarmes = ...
### BEGIN SOLUTION
lecture_alarmes = "un effet de l'écran trop haut, qui fait taire des alarmes inutiles et utiles"
### END SOLUTION

# %% tests="lecture_alarmes" points=1 session="formative"
# Vérification de la question 7 : exécutez cette cellule.
checks.check_choice(
    lecture_alarmes,
    name="lecture_alarmes",
    options=["un avantage net de l'écran trop haut, qui leur épargne des alarmes inutiles",
             "un effet de l'écran trop haut, qui fait taire des alarmes inutiles et utiles",
             "un effet de vraies saturations plus hautes chez les patients noirs",
             "un effet de l'écran trop haut, mais sur les seules paires en hypoxémie",
             "un effet de l'écran trop haut, qui ne fait taire que des alarmes à SaO2 de 92 % ou plus"],
    digest="bb350a64949541d2",
    mistakes=[
        checks.Mistake(None, "vous avez lu ce taux plus bas comme un avantage net. Les alarmes "
                       "que l'écran trop haut fait taire sont-elles toutes inutiles ? Relisez ce "
                       "que la section 5 dit des alarmes à SaO2 de 88 à 92 %, et ce que devient "
                       "la sensibilité des mêmes patients (section 6).", digest="509416a95533893f"),
        checks.Mistake(None, "les vraies saturations se répartissent de la même façon dans "
                       "les deux groupes : le tableau de la section 3 compte à peu près la même "
                       "part de paires dans chaque tranche de SaO2 (notre générateur tire la "
                       "SaO2 de la même façon pour tous). La différence ne vient pas des "
                       "patients. À l'hôpital, cette explication serait à tester, par tranches "
                       "de SaO2, comme à la question 5.", digest="7410fc90441a47c2"),
        checks.Mistake(None, "ce taux ne compte que des paires sans hypoxémie : un "
                       "effet limité aux hypoxémies ne pourrait pas le faire baisser. Le "
                       "tableau de la section 3 montre d'ailleurs le biais différentiel aussi à "
                       "SaO2 de 88 à 92 %.", digest="c1649b97cfc633c0"),
        checks.Mistake(None, "l'écran trop haut ne fait pas taire que des alarmes à SaO2 de "
                       "92 % ou plus : le tableau de la section 3 montre le biais différentiel "
                       "aussi à SaO2 de 88 à 92 %, la marge de sécurité de la section 5. Ces "
                       "alarmes-là sont-elles inutiles ?", digest="a14016ef6f5fd96e"),
    ],
    success="en affichant une SpO2 trop haute, l'appareil biaisé privait les patients noirs "
    "d'alarmes : des inutiles (SaO2 de 92 % ou plus), mais aussi des utiles (SaO2 de 88 à "
    "92 %, la marge de sécurité) et des hypoxémies (la sensibilité). Sans biais, leur taux "
    "rejoint celui des patients blancs. Ce taux plus bas n'était pas un avantage net.",
)
### BEGIN HIDDEN TESTS
checks.check_choice(
    lecture_alarmes,
    name="lecture_alarmes",
    options=["un avantage net de l'écran trop haut, qui leur épargne des alarmes inutiles",
             "un effet de l'écran trop haut, qui fait taire des alarmes inutiles et utiles",
             "un effet de vraies saturations plus hautes chez les patients noirs",
             "un effet de l'écran trop haut, mais sur les seules paires en hypoxémie",
             "un effet de l'écran trop haut, qui ne fait taire que des alarmes à SaO2 de 92 % ou plus"],
    expected="un effet de l'écran trop haut, qui fait taire des alarmes inutiles et utiles",
)
### END HIDDEN TESTS

# %% mistake="lecture_alarmes" session="formative"
# message : vous avez lu ce taux plus bas comme un avantage net
lecture_alarmes = "un avantage net de l'écran trop haut, qui leur épargne des alarmes inutiles"

# %% mistake="lecture_alarmes" session="formative"
# message : les vraies saturations se répartissent de la même façon
lecture_alarmes = "un effet de vraies saturations plus hautes chez les patients noirs"

# %% mistake="lecture_alarmes" session="formative"
# message : ne pourrait pas le faire baisser
lecture_alarmes = "un effet de l'écran trop haut, mais sur les seules paires en hypoxémie"

# %% mistake="lecture_alarmes" session="formative"
# message : ne fait pas taire que des alarmes à SaO2 de 92 % ou plus
lecture_alarmes = "un effet de l'écran trop haut, qui ne fait taire que des alarmes à SaO2 de 92 % ou plus"


# %% answer="lecture_alarmes" session="evaluation"
lecture_alarmes = ...
### BEGIN SOLUTION
lecture_alarmes = lettre_de_la_reponse_q7[1]
### END SOLUTION

# %% tests="lecture_alarmes" points=1 session="evaluation"
# Vérification de la question 7 : exécutez cette cellule.
checks.check_form(lecture_alarmes, name="lecture_alarmes", kind="choice",
                  options=["A", "B", "C", "D", "E"])
### BEGIN HIDDEN TESTS
rang_q7 = list(np.random.default_rng([checks.student_seed("04", announce=False), 16]).permutation(5))
lettre_q7 = "".join(np.array(list("ABCDE"))[np.argsort(rang_q7)])  # letter of each answer
checks.check_choice(
    lecture_alarmes, name="lecture_alarmes",
    options=["A", "B", "C", "D", "E"],
    expected=lettre_q7[1],
    mistakes=[
        checks.Mistake(lettre_q7[0], "vous avez lu ce taux plus bas comme un avantage net : les alarmes que l'écran trop haut fait taire ne sont pas toutes inutiles (SaO2 de 88 à 92 %, section 5)."),
        checks.Mistake(lettre_q7[2], 'les vraies saturations se répartissent de la même façon dans les deux groupes (section 3) : la différence ne vient pas des patients.'),
        checks.Mistake(lettre_q7[3], 'ce taux ne compte que des paires sans hypoxémie : un effet limité aux hypoxémies ne pourrait pas le faire baisser.'),
        checks.Mistake(lettre_q7[4], "l'écran trop haut ne fait pas taire que des alarmes à SaO2 de 92 % ou plus : le biais différentiel existe aussi à SaO2 de 88 à 92 % (section 3)."),
    ],
)
### END HIDDEN TESTS

# %% mistake="lecture_alarmes" session="evaluation"
# message : vous avez lu ce taux plus bas comme un avantage net
lecture_alarmes = lettre_de_la_reponse_q7[0]

# %% mistake="lecture_alarmes" session="evaluation"
# message : les vraies saturations se répartissent de la même façon
lecture_alarmes = lettre_de_la_reponse_q7[2]

# %% mistake="lecture_alarmes" session="evaluation"
# message : ne pourrait pas le faire baisser
lecture_alarmes = lettre_de_la_reponse_q7[3]

# %% mistake="lecture_alarmes" session="evaluation"
# message : ne fait pas taire que des alarmes à SaO2 de 92 % ou plus
lecture_alarmes = lettre_de_la_reponse_q7[4]
# %% jupyter={"source_hidden": true} reveal="lecture_alarmes"
# Inutile de lire ce code (replié) : au seuil du service, l'appareil de nos données, puis un
# appareil sans biais (biais à 0).
# La sensibilité des patients noirs avec l'appareil de nos données (réponse de la question 3)
# reste cachée tant que la vérification de la question 3 n'a pas dit « juste ».
q3_juste = checks.passed("sensibilite_noirs")
alarmes_sans_hypox_noirs, alarmes_totales = {}, {}  # par biais, pour la comparaison finale
for biais in (BIAIS_APPAREIL, 0.0):
    if biais:
        print(f"Appareil de nos données (biais chez les patients noirs : "
              f"{fr_number(biais, 1)} points à SaO2 88 %)")
    else:
        print("Appareil sans biais (biais ramené à 0)")
    resultats = explorateur.compute(SEUIL_ALARME, biais)  # mêmes patients, autre appareil
    for cle, nom in (("White", "patients blancs"), ("Black", "patients noirs")):
        r = resultats[cle]
        sans_hypoxemie = r.pairs - r.hypoxemic
        cachee = cle == "Black" and biais and not q3_juste
        masquee = (
            "cachée (réponse de la question 3 : elle reste masquée dans cette copie)"
            if SEANCE_EVALUEE
            else "cachée (réponse de la question 3 : relancez cette cellule quand sa "
            "vérification aura dit « juste »)"
        )
        sensibilite = masquee if cachee else fr_number(r.sensitivity)
        print(
            f"  {nom} : sensibilité {sensibilite} ; {r.false_alarms} alarmes sans "
            f"hypoxémie sur {sans_hypoxemie} paires à SaO2 ≥ 88 %, soit "
            f"{fr_percent(r.false_alarms / sans_hypoxemie)}"
        )
    total = sum(r.detected + r.false_alarms for r in resultats.values())
    print(f"  alarmes au total, tous patients : {total}")
    alarmes_sans_hypox_noirs[biais] = resultats["Black"].false_alarms
    alarmes_totales[biais] = total
print(
    "Biais ramené à 0 : alarmes sans hypoxémie des patients noirs multipliées par "
    f"{fr_number(alarmes_sans_hypox_noirs[0.0] / alarmes_sans_hypox_noirs[BIAIS_APPAREIL], 1)}"
    f" ; alarmes au total, tous patients : multipliées par "
    f"{fr_number(alarmes_totales[0.0] / alarmes_totales[BIAIS_APPAREIL], 2)}."
)

# %% [markdown] reveal="lecture_alarmes"
# **Biais ramené à 0** : les patients noirs retrouvent la sensibilité des patients blancs, et
# leurs alarmes sans hypoxémie se multiplient ; le total change peu.
# La correction de fond est dans l'**appareil** : conception, étalonnage et validation sur
# toutes les pigmentations. Un seuil selon la couleur de peau corrigerait le biais moyen, alors
# que le vrai biais varie d'une personne et d'un appareil à l'autre.

# %% [markdown]
# ### Question 8 — Un biais différentiel (0,5 point)
#
# Un biais est **différentiel** quand il n'est pas le même d'un groupe à l'autre (section 2).
# Reprenez le tableau de l'erreur de l'oxymètre, sous les figures de la section 3. Chez les
# paires en hypoxémie (vraie SaO2 sous 88 %), de **combien de points** l'oxymètre
# surestime-t-il **davantage** la saturation des patients noirs que celle des patients blancs ?
# Écrivez le calcul avec les nombres du tableau tels quels, avec un **point** à la place de la
# virgule (par exemple `2.5 - 1.0`) : la réponse se corrige à 0,1 près, et un entier, trop
# arrondi, ne vaut que la moitié des points.
#
# <details><summary>Indice 1</summary>
#
# Un appareil **juste** ne se trompe pas en moyenne ; un appareil **fidèle** donne des erreurs
# proches les unes des autres. Des deux colonnes de l'erreur, laquelle dit de combien il se
# trompe en moyenne ? C'est elle qui mesure le biais.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Il faut deux nombres de cette colonne, sur deux lignes : la même tranche de **vraie**
# saturation (le gaz du sang, pas l'écran), un groupe puis l'autre. « De combien de plus » :
# quelle opération ?
# </details>

# %% answer="ecart_biais"
ecart_biais = ...
### BEGIN SOLUTION
ecart_biais = erreur[noirs & hypox].mean() - erreur[blancs & hypox].mean()
### END SOLUTION

# %% tests="ecart_biais" points=0.5 session="formative"
# Vérification de la question 8 : exécutez cette cellule.
checks.check_number(
    ecart_biais,
    name="ecart_biais",
    digest="29872c332dee8879",
    decimals=1,
    percent_is_mistake=False,
    mistakes=[
        checks.Mistake(None, "vous avez donné le biais des patients noirs seul. La question "
                       "demande l'écart entre les deux groupes : de combien de plus que chez "
                       "les patients blancs ?", digest="db279a5c358bc0cd"),
        checks.Mistake(None, "vous avez donné le biais des patients blancs seul. La question "
                       "demande l'écart entre les deux groupes : de combien le biais des "
                       "patients noirs dépasse-t-il le leur ?", digest="b1b1cd3e8a90990e"),
        checks.Mistake(None, "signe inversé : vous avez retiré le biais des patients noirs à "
                       "celui des patients blancs. « De combien de plus chez les patients "
                       "noirs » : leur biais moins celui des patients blancs.",
                       digest="2a77b820c9ede498"),
        checks.Mistake(None, "vous avez fait la différence des écarts-types : ils mesurent la "
                       "dispersion des erreurs (la fidélité), presque la même dans les deux "
                       "groupes. Le biais se lit dans l'erreur moyenne.",
                       digest="465ef24a94cf1044"),
        checks.Mistake(None, "vous avez pris la tranche de SaO2 de 88 à 92 %. La question "
                       "porte sur les paires en hypoxémie, à vraie SaO2 sous 88 %.",
                       digest="41e5bc75af8744d5"),
        checks.Mistake(None, "vous avez pris la tranche de SaO2 de 92 % ou plus. La question "
                       "porte sur les paires en hypoxémie, à vraie SaO2 sous 88 %.",
                       digest="05eca0e8e2a3b1f7"),
        checks.Mistake(None, "vous avez comparé deux tranches de SaO2 chez les patients noirs. "
                       "La question compare les deux groupes, dans la même tranche (SaO2 sous "
                       "88 %).", digest="ef36a19120632f04"),
        checks.Mistake(None, "vous avez retiré le réglage du générateur (2,9, section 9), qui "
                       "n'est pas dans le tableau. Comparez les biais des deux groupes, lus "
                       "dans le tableau de la section 3.", digest="30cac6e2601a8b47"),
        checks.Mistake(None, "vous avez additionné les deux biais. « De combien de plus » se "
                       "calcule par une soustraction.", digest="4e98ce5e1a67ac53"),
        checks.Mistake(None, "vous avez divisé les deux biais : vous obtenez « combien de fois "
                       "plus », pas « de combien de points de plus ». Faites une "
                       "soustraction.", digest="d5297bb68c07243e"),
        checks.Mistake(None, "bon raisonnement, mais trop arrondi : vous avez donné un nombre "
                       "entier, or le tableau donne chaque nombre avec une décimale (la moitié "
                       "des points). Écrivez le calcul avec les nombres tels quels, un point à "
                       "la place de la virgule.", digest="1cb199ae2bab0179"),
        checks.Mistake(None, "vous avez pris une seule des lignes « dont », une tranche de 4 "
                       "points : elle ne contient qu'une partie des paires en hypoxémie. La "
                       "question porte sur toute la tranche de vraie SaO2 sous 88 %.",
                       digest="41004c62bd9a332f"),
        checks.Mistake(None, "vous avez pris une seule des lignes « dont », une tranche de 4 "
                       "points : elle ne contient qu'une partie des paires en hypoxémie. La "
                       "question porte sur toute la tranche de vraie SaO2 sous 88 %.",
                       digest="191dc059445aaea6"),
    ],
    hint="Cherchez, dans la colonne du biais, les deux lignes de la tranche de vraie SaO2 "
    "sous 88 % ; puis « de combien de plus » : une soustraction.",
    success="dans nos données synthétiques, sous 88 %, l'oxymètre surestime la saturation "
    "des patients noirs d'environ 4 points de plus que celle des patients blancs, et "
    "d'environ 1 point à SaO2 de 92 % ou plus : c'est ce que le générateur y a mis, réglé "
    "sur les taux de Sjoding et al. (2020). Ce n'est pas une mesure du monde : en "
    "laboratoire, Bickler et al. (2005) trouvaient, entre 60 et 70 % de SaO2, une "
    "surestimation de 3,56 points en moyenne pour les peaux foncées contre 0,37 pour les "
    "peaux claires, soit un écart d'environ 3 points, avec trois oxymètres. Retenez la "
    "forme : le biais différentiel grandit quand la SaO2 baisse, alors que les écarts-types "
    "(la fidélité) restent proches ; c'est la justesse qui diffère. Limite : la tranche "
    "« sous 88 % » est ouverte ; ici, nos deux groupes y ont la même répartition de SaO2, "
    "mais à l'hôpital un groupe plus désaturé y aurait un écart plus grand sans biais "
    "propre (question 5).",
    points=0.5,
)
### BEGIN HIDDEN TESTS
checks.check_number(
    ecart_biais,
    name="ecart_biais",
    expected=erreur[noirs & hypox].mean() - erreur[blancs & hypox].mean(),
    decimals=1,
    percent_is_mistake=False,
    points=0.5,
)
### END HIDDEN TESTS

# %% mistake="ecart_biais" session="formative"
# message : vous avez donné le biais des patients noirs seul
ecart_biais = 5.1

# %% mistake="ecart_biais" session="formative"
# message : signe inversé
ecart_biais = 0.9 - 5.1

# %% mistake="ecart_biais" session="formative"
# message : vous avez fait la différence des écarts-types
ecart_biais = 3.6 - 3.5

# %% mistake="ecart_biais" session="formative"
# message : vous avez pris la tranche de SaO2 de 88 à 92 %
ecart_biais = 3.1 - 0.8

# %% mistake="ecart_biais" session="formative"
# message : vous avez pris la tranche de SaO2 de 92 % ou plus
ecart_biais = 1.2 - 0.4

# %% mistake="ecart_biais" session="formative"
# message : vous avez comparé deux tranches de SaO2 chez les patients noirs
ecart_biais = 5.1 - 1.2

# %% mistake="ecart_biais" session="formative"
# message : vous avez additionné les deux biais
ecart_biais = 5.1 + 0.9

# %% mistake="ecart_biais" session="formative"
# message : vous avez divisé les deux biais
ecart_biais = 5.1 / 0.9

# %% mistake="ecart_biais" session="formative"
# message : bon raisonnement, mais trop arrondi : vous avez donné un nombre entier
ecart_biais = 4

# %% mistake="ecart_biais" session="formative"
# message : vous avez pris une seule des lignes « dont »
ecart_biais = 4.5 - 0.8

# %% mistake="ecart_biais" session="formative"
# message : vous avez pris une seule des lignes « dont »
ecart_biais = 6.0 - 1.0

# %% tests="ecart_biais" points=0.5 session="evaluation"
# Vérification de la question 8 : exécutez cette cellule.
checks.check_form(ecart_biais, name="ecart_biais", kind="number", decimals=1,
                  percent_is_mistake=False)
### BEGIN HIDDEN TESTS
paires_q8 = make_pulse_oximetry(n_samples=10_789, device_bias=2.9, random_state=oximetry_case_seed(checks.student_seed("04", announce=False))).frame
noir_q8 = (paires_q8["race"].astype(str) == "Black").to_numpy()
hypox_q8 = (paires_q8["sao2"] < 88).to_numpy()
erreur_q8 = (paires_q8["spo2"] - paires_q8["sao2"]).to_numpy()
biais_noirs_q8, biais_blancs_q8 = erreur_q8[noir_q8 & hypox_q8].mean(), erreur_q8[~noir_q8 & hypox_q8].mean()
checks.check_number(
    ecart_biais, name="ecart_biais",
    expected=biais_noirs_q8 - biais_blancs_q8,
    decimals=1,
    percent_is_mistake=False,
    mistakes=[
        checks.Mistake(biais_noirs_q8, "vous avez donné le biais des patients noirs seul : la question demande l'écart entre les deux groupes."),
        checks.Mistake(biais_blancs_q8, "vous avez donné le biais des patients blancs seul : la question demande l'écart entre les deux groupes."),
        checks.Mistake(biais_blancs_q8 - biais_noirs_q8, "signe inversé : « de combien de plus chez les patients noirs » : leur biais moins celui des patients blancs."),
        checks.Mistake(erreur_q8[noir_q8 & hypox_q8].std(ddof=1) - erreur_q8[~noir_q8 & hypox_q8].std(ddof=1), "vous avez fait la différence des écarts-types : le biais se lit dans l'erreur moyenne."),
        checks.Mistake(biais_noirs_q8 + biais_blancs_q8, "vous avez additionné les deux biais : « de combien de plus » se calcule par une soustraction."),
        checks.Mistake(biais_noirs_q8 / biais_blancs_q8, "vous avez divisé les deux biais : vous obtenez « combien de fois plus », pas « de combien de points de plus ». Faites une soustraction."),
    ],
    hint="Cherchez, dans la colonne du biais, les deux lignes de la tranche de vraie SaO2 sous 88 % ; puis « de combien de plus » : une soustraction.",
    points=0.5,
)
### END HIDDEN TESTS

# %% mistake="ecart_biais" session="evaluation"
# message : vous avez donné le biais des patients noirs seul
ecart_biais = erreur[noirs & hypox].mean()

# %% mistake="ecart_biais" session="evaluation"
# message : signe inversé
ecart_biais = erreur[blancs & hypox].mean() - erreur[noirs & hypox].mean()

# %% mistake="ecart_biais" session="evaluation"
# message : vous avez fait la différence des écarts-types
ecart_biais = erreur[noirs & hypox].std(ddof=1) - erreur[blancs & hypox].std(ddof=1)

# %% mistake="ecart_biais" session="evaluation"
# message : vous avez divisé les deux biais
ecart_biais = erreur[noirs & hypox].mean() / erreur[blancs & hypox].mean()

# %% [markdown]
# ### Pour aller plus loin : ce qu'ont fait les autorités
#
# - **États-Unis.** Le 19 février 2021, la Food and Drug Administration (FDA), qui autorise les
#   dispositifs médicaux, a averti patients et soignants : la précision d'un oxymètre peut être
#   altérée par une mauvaise circulation, la pigmentation, l'épaisseur ou la température de la
#   peau, le tabagisme, le vernis à ongles (FDA, 2021). En janvier 2025, elle a soumis à
#   consultation un projet de recommandations aux fabricants : des essais cliniques sur des
#   personnes de pigmentations variées, et un étiquetage adapté (FDA, 2025).
# - **Royaume-Uni.** Le 11 mars 2024, la revue indépendante *Equity in medical devices*,
#   présidée par la professeure Margaret Whitehead, a conclu que les oxymètres surestiment la
#   saturation des peaux foncées. Ses 18 recommandations portent aussi sur l'IA et la
#   génomique ; pour les oxymètres, elles demandent notamment de tester les appareils sur des
#   populations diverses et d'adapter l'interprétation des mesures (Department of Health and
#   Social Care, 2024).
# - **Union européenne.** L'oxymètre est un **dispositif médical** : il relève du règlement
#   (UE) 2017/745 relatif aux dispositifs médicaux, qui s'applique déjà ; le fabricant doit
#   notamment démontrer, par une évaluation clinique, les performances de son appareil chez les
#   patients auxquels il est destiné. Le règlement européen sur l'intelligence artificielle
#   (règlement (UE) 2024/1689), dans son texte de 2024, vise les systèmes d'IA **à haut
#   risque**, dont certains logiciels d'IA qui sont eux-mêmes des dispositifs médicaux. Son
#   article 10 exige que les jeux de données d'**entraînement, de validation et de test** de ces
#   systèmes soient examinés au regard des biais susceptibles de porter atteinte à la santé et
#   à la sécurité des personnes, d'avoir une incidence négative sur les droits fondamentaux ou
#   d'entraîner une discrimination interdite par le droit de l'Union (paragraphe 2, point f),
#   et que des mesures appropriées soient prises pour détecter, prévenir et atténuer ces biais
#   (point g). Pour les systèmes d'IA liés aux produits de son annexe I (article 6,
#   paragraphe 1), dont les dispositifs médicaux, le texte de 2024 les appliquait à partir du
#   2 août 2027 (article 113) ; le règlement (UE) 2026/1744 a reporté cette date au
#   2 août 2028 (résumés datés dans la cellule repliée à la fin de cette lecture). Le module 13
#   y revient.
# - **France.** La **matériovigilance** : un soignant qui a connaissance d'un incident grave
#   mettant en cause un dispositif médical le signale à l'ANSM (Agence nationale de sécurité
#   du médicament et des produits de santé) ; à l'hôpital, via le correspondant local de
#   matériovigilance. Pour déclarer, l'ANSM renvoie les professionnels de santé au portail de
#   signalement des événements sanitaires indésirables, signalement.social-sante.gouv.fr. Les
#   articles du Code de la santé publique qui organisent cette vigilance ont été adaptés au
#   règlement (UE) 2017/745 par l'ordonnance n° 2022-582 ; nous n'avons pas pu relire leur rédaction en vigueur, et
#   n'en citons donc ni le texte ni le numéro.
# - **Auditer selon la « race » ?** Les données révélant l'origine raciale ou ethnique, comme
#   les données de santé, relèvent de l'article 9 du RGPD (le règlement général sur la
#   protection des données) : leur traitement est interdit **sauf exceptions** (recherche, santé
#   publique, avec des garanties). En France, le Conseil constitutionnel (décision 2007-557 DC)
#   a censuré l'article 63 de la loi qu'il examinait, qui autorisait des traitements de données
#   pour les études sur la mesure de la diversité des origines des personnes, de la
#   discrimination et de l'intégration. La censure tient à la procédure (l'article, ajouté par
#   amendement, était sans lien avec le projet de loi) ; le Conseil a ajouté que ces études
#   « peuvent porter sur des données objectives » mais « ne sauraient […] reposer sur l'origine
#   ethnique ou la race ». L'appliquer à l'audit d'un appareil est une interprétation. Le
#   commentaire de la décision, publié par le Conseil, admet aussi des données subjectives,
#   comme le « ressenti d'appartenance ». Un audit mesurerait donc plutôt la
#   **pigmentation** de la peau (échelle de Monk, par exemple ; celle de Fitzpatrick classe le
#   phototype), qui peut, elle aussi, révéler l'origine raciale ou ethnique et relever alors de
#   l'article 9, paragraphe 1. Le paragraphe 2, point i, lève l'interdiction quand le
#   traitement est nécessaire « pour des motifs d'intérêt public dans le domaine de la santé
#   publique », par exemple pour « garantir des normes élevées de qualité et de sécurité des
#   soins de santé et des médicaments ou des dispositifs médicaux », et « sur la base du droit
#   de l'Union ou du droit de l'État membre », avec des garanties ; que l'audit d'un oxymètre
#   par un hôpital entre dans ce cas (ou dans celui du point h, la gestion des services de
#   soins) n'a pas été vérifié ici : à
#   examiner avec le délégué à la protection des données de l'hôpital. Dans son texte de 2024,
#   le règlement européen sur l'IA (article 10, paragraphe 5) permettait aux seuls
#   **fournisseurs de systèmes d'IA à haut risque** (ceux qui développent un tel système et le
#   mettent sur le marché), sous des conditions strictes, de traiter ces données pour détecter
#   et corriger les biais de **ces systèmes**. Surtout, un oxymètre de pouls classique, qui
#   applique une formule d'étalonnage fixe, n'est pas, en principe, un **système d'IA** au
#   sens de ce règlement (article 3, point 1) : ni ce paragraphe, ni la rédaction que le
#   règlement (UE) 2026/1744 a pu lui donner (ce module ne l'a pas lue ; version consolidée sur
#   EUR-Lex), ne fondent donc l'audit d'un oxymètre ordinaire par un hôpital. Cet audit relève
#   du RGPD et du règlement sur les dispositifs médicaux.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : le calendrier du règlement sur l'IA et sa modification de
# 2026, tirés de la bibliothèque du cours, avec la date de leur dernière vérification.
from IPython.display import Markdown

from esn_teach.law import LEGAL_FACTS_LAST_CHECKED, reference

for cle in ("IA 113", "UE 2026/1744"):
    ref = reference(cle)
    display(Markdown(f"**{ref.citation}** ({' '.join(ref.date_label.split())}) — "
                     f"*{ref.title}.* {' '.join(ref.summary.split())}"))
    print(f"Texte officiel : {ref.url}")
print(f"Textes vérifiés le {LEGAL_FACTS_LAST_CHECKED:%d/%m/%Y}. Ce sont des résumés, pas des "
      "citations ni un conseil juridique.")

# %% [markdown]
# ### Pour aller plus loin : les limites de nos données
#
# - Le biais de notre générateur grandit **exactement** en proportion de la désaturation ; chez
#   les volontaires de Bickler et al. (2005), entre 60 et 70 % de SaO2, la surestimation était
#   de 3,56 points en moyenne pour les peaux foncées contre 0,37 point pour les peaux claires.
#   Notre biais, réglé sur les patients hospitalisés de Sjoding et al. (2020), est plus fort.
# - Chez les patients blancs aussi, l'erreur moyenne est positive (tableau de la section 3) :
#   le générateur ajoute à **toutes** les paires une petite surestimation commune, quelle que
#   soit la peau (fiche des données). Elle paraît plus faible à SaO2 de 92 % ou plus parce que
#   l'écran ne peut pas afficher plus de 100 % : près de 100, les surestimations sont rognées.
#
# ### Réflexion — L'oxymètre dans ma pratique (3 points, corrigée par l'enseignant)
#
# *À rédiger après la séance, à rendre comme l'indique votre enseignant·e.*
#
# En 10 à 15 lignes, depuis votre futur métier (infirmier·e, kinésithérapeute, médecin,
# pharmacien·ne, gestionnaire d'un service, juriste ou responsable de la conformité,
# ingénieur·e biomédical·e) :
#
# - qu'est-ce qui changerait votre façon de lire une SpO2, et dans quelles situations
#   demanderiez-vous (ou feriez-vous demander) un gaz du sang ?
# - faut-il relever le seuil pour tous, adapter le seuil selon la couleur de peau, ou agir
#   ailleurs ? Qui doit agir (fabricants, autorités, hôpital, soignants, matériovigilance :
#   signalement d'un incident grave à l'ANSM) ? **Pour chaque piste, dites sa limite** : une
#   correction proposée sans réserve (« il suffit d'ajouter quelques points ») vaut 0 à ce
#   critère.
# - qui supporte le coût de chaque option : les alarmes en plus, pour tous les patients et
#   les soignants ; les hypoxémies manquées, pour certains patients seulement ?
# - comment en parleriez-vous à un patient inquiet d'avoir lu que « l'oxymètre marche moins
#   bien sur les peaux foncées » ?
#
# Appuyez-vous sur au moins un chiffre de ce module, avec son dénominateur, et dites d'où il
# vient : la section et la ligne de votre copie où il est imprimé (p. ex. « section 4, ligne
# patients blancs »), ou l'article publié.
#
# **Comment elle est notée** (par l'enseignant, à la main) : trois critères, chacun sur 0 ;
# 0,5 ; 1 point. (1) Votre pratique : le lien entre la SpO2 et l'examen du patient, et une
# situation précise où demander un gaz du sang. (2) Un chiffre juste **pour les données de
# votre copie** (ou d'un article cité), avec son dénominateur et sa provenance. (3) Où agir :
# au moins trois pistes, dont celle du seuil selon la couleur de peau, chacune avec sa limite.

# %% [markdown] written="reflexion_oxymetre" points=3
# ### BEGIN SOLUTION
# *Guide de correction (enseignants ; retiré de la version étudiante).* Trois critères,
# chacun noté **0**, **0,5** ou **1** point.
#
# **Critère 1 — Pratique clinique ou professionnelle.**
#
# - **1** : la copie relie la SpO2 à l'examen clinique (discordance entre le chiffre et l'état
#   du patient : dyspnée, tirage, confusion, cyanose difficile à voir sur peau foncée) **et**
#   cite au moins une situation précise où demander un gaz du sang (SpO2 « rassurante » mais
#   patient qui ne va pas bien, décision d'oxygénothérapie, patient à peau foncée près du
#   seuil). Pour un·e kinésithérapeute : la SpO2 reste l'outil de surveillance de l'effort,
#   mais des signes discordants font arrêter l'effort et prévenir le médecin, qui jugera d'un
#   gaz du sang au repos. Pour un·e juriste, un·e responsable de la conformité ou un·e
#   ingénieur·e biomédical·e, le critère porte sur sa pratique : choix et recette des appareils
#   (essais sur toutes les pigmentations, notice), protocole de vérification par gaz du sang,
#   procédure de matériovigilance, cadre juridique (règlement sur les dispositifs médicaux ;
#   audit par la pigmentation et non par l'origine, données sensibles au sens du RGPD). Valeur
#   V1 — Priorité à la relation humaine : le chiffre ne remplace ni le regard soignant ni le
#   dialogue avec le patient.
# - **0,5** : l'un des deux seulement, ou des situations vagues (« en cas de doute »).
# - **0** : ni l'un ni l'autre, ou « l'oxymètre est inutilisable ».
#
# **Critère 2 — Un chiffre du module, juste, avec son dénominateur.**
#
# Juste **pour les données de la copie**. En séance évaluée, chaque copie a ses propres
# données (tirées de l'identifiant, annoncé sous la cellule « Vos données et vos patients ») :
# ses chiffres sont imprimés dans la copie notée, sous les cellules repliées. Taux d'hypoxémie
# occulte des patients blancs, avec son dénominateur : section 4, « La marge d'erreur d'un
# taux » ; sensibilité des patients blancs et taux d'alarmes sans hypoxémie des deux groupes :
# section 6 ; erreur moyenne par groupe et par tranche de SaO2 : tableau de la section 3 ; les
# trois audits : section 4. Ceux des patients noirs sont les réponses de la copie aux
# questions 1 (taux occulte, parmi les paires à SpO2 de 92 à 96 %), 3 (sensibilité au seuil
# de 92 %) et 6 b (part des alarmes sans hypoxémie) : les mêmes tâches pour toutes les copies,
# seules les données changent ; justes si l'autocorrection leur donne leurs points. Les chiffres des copies exemples ci-dessous
# viennent de la version formative (graine 2020) : une copie évaluée qui cite les siens, justes
# pour ses données, vaut autant.
#
# - **1** : un chiffre juste, avec son dénominateur, et interprété : p. ex. le taux
#   d'hypoxémie occulte par groupe (parmi les paires à SpO2 de 92 à 96 %, si possible avec sa
#   marge d'erreur), l'écart de sensibilité de l'alarme, ou la part des alarmes sans hypoxémie
#   quand on relève le seuil. Un chiffre publié cité avec sa source et son dénominateur vaut
#   autant (Sjoding et al., 2020 : parmi les paires à SpO2 de 92 à 96 %, environ trois fois
#   plus souvent une SaO2 sous 88 % chez les patients noirs que chez les patients blancs). Une
#   correction de cette lettre a été publiée et n'a pas été lue : n'exigez pas les chiffres
#   exacts de la lettre ; leur ordre de grandeur suffit.
# - **0,5** : un chiffre juste sans son dénominateur, ou avec un faux dénominateur (« des
#   patients noirs » au lieu de « des paires à SpO2 rassurante »).
# - **0** : aucun chiffre, ou un chiffre faux. Un arrondi n'est pas un chiffre faux (11 % ou
#   11,3 % pour 0,113).
#
# *Vérifier vite* : la consigne demande d'où vient le chiffre (section et ligne de la copie) ;
# allez lire cette ligne. Sans provenance, cherchez-le dans les sections 3, 4 et 6 de la copie.
# Pour les taux des patients noirs, l'ordre de grandeur suffit quand la question 1, 3 ou 6 b
# de la copie est juste (relecture d12, constat 5).
#
# **Critère 3 — Où agir, avec prudence**, valeur
# V4 — Prudence, esprit critique et inclusivité. Cochez chaque case que la copie remplit
# **sans erreur** ; une piste donnée sans sa limite ne se coche pas.
#
# | Case | Élément | Ce qui la coche |
# |---|---|---|
# | 1 | relever le seuil pour tous | **avec son coût** : plus d'alarmes sans hypoxémie (fatigue d'alarme), l'écart demeure |
# | 2 | un seuil selon la couleur de peau (la consigne le pose) | **avec sa limite** : biais moyen alors qu'il varie d'une personne et d'un appareil à l'autre ; « race » déclarée ≠ pigmentation ; stigmatisation |
# | 3 | fabricants ou autorités | une phrase qui les **nomme** : réétalonner, tester sur toutes les pigmentations, informer dans la notice ; FDA, revue britannique, évaluation clinique du règlement sur les dispositifs médicaux, ANSM |
# | 4 | hôpital et soignants | choix et recette des appareils, protocole de gaz du sang, vigilance, signalement d'un incident grave à l'ANSM via le correspondant local de matériovigilance |
# | 5 | le patient | explication honnête et non alarmiste (l'appareil reste utile, l'équipe sait vérifier) |
#
# **Note** : **1** si trois cases ou plus, **dont la case 2** ; **0,5** si deux cases, ou trois
# et plus sans la case 2 ; **0** si une case ou aucune. **0** aussi, quelles que soient les
# cases, pour « l'oxymètre est inutilisable » ou une correction automatique sans réserve (« il
# suffit d'ajouter quelques points selon la couleur de peau »).
#
# Précisions. Une même phrase ne coche qu'une case : « l'hôpital doit acheter des appareils
# testés sur toutes les peaux » coche la 4 (choix des appareils), pas la 3. Le signalement
# vise un incident grave (comme l'hypoxémie de M. K. masquée par l'oxymètre), pas « les
# écarts » de mesure en général ; aucun numéro d'article n'est attendu (le module n'en cite
# pas), et en citer un ne rapporte ni n'enlève rien. Une adaptation selon la pigmentation
# **mesurée** coche la case 2 si la copie en voit les limites. Dire qui supporte le coût (les
# alarmes en plus pour tous, les hypoxémies manquées pour certains : le principe de
# **justice** du CENS) coche la case 1 ou 2, avec la limite de la piste. La case 5 sert
# l'**autonomie** (CENS : le patient informé des limites de l'appareil, comme dans l'encadré
# des valeurs) et la valeur V6 — Intégrité et transparence, comme le signalement de la
# case 4. Une copie qui écrit que la FDA « exige » ou « demande » garde sa case 3 (le texte
# de 2025 n'est qu'un projet de recommandations, non contraignant), mais la copie exemple
# ci-dessous écrit « recommande », et c'est elle qu'on montre.
#
# **Copie exemple** (infirmier·e), notée **3 sur 3** :
#
# > « Je ne lirai plus une SpO2 “rassurante” comme une preuve, surtout chez un patient à peau
# > foncée : s'il est essoufflé ou confus avec 94 % à l'écran, je préviens le médecin pour un
# > gaz du sang, comme Inès. Dans nos données, parmi les paires à SpO2 de 92 à 96 %, 11,3 % de
# > celles des patients noirs cachaient une SaO2 sous 88 %, contre 3,6 % chez les patients
# > blancs [chiffres de la version formative ; en séance évaluée, ceux de la copie]. Relever le seuil pour tous ferait sonner l'alarme bien plus souvent, et souvent sans
# > hypoxémie : les soignants finiraient par ne plus l'entendre. Un seuil selon la
# > couleur de peau ne corrigerait qu'un biais moyen, alors qu'il varie d'un patient et d'un
# > appareil à l'autre. C'est aux fabricants de
# > réétalonner et de tester leurs oxymètres sur toutes les peaux, comme le recommande la FDA
# > dans un projet de 2025.
# > L'hôpital doit acheter des appareils ainsi testés, et un incident comme celui de M. K. doit
# > être signalé au correspondant de matériovigilance, qui le transmet à l'ANSM. À un
# > patient inquiet, je dirais que l'appareil reste utile et que nous savons vérifier par une
# > prise de sang. »
#
# Notation : critère 1, **1** (discordance clinique et situation précise) ; critère 2, **1**
# (chiffres justes pour les données de la copie, dénominateur dit ; la marge d'erreur manque, ce qui est accepté) ;
# critère 3, **1** (les cinq cases : (1) le coût du seuil relevé ; (2) le seuil selon la
# couleur de peau, avec sa limite ; (3) les fabricants, avec la FDA ; (4) l'achat
# d'appareils testés et le signalement ; (5) l'explication au patient). Sans la phrase sur le
# seuil selon la couleur de peau, elle vaudrait 0,5 à ce critère (quatre cases, mais pas
# la case 2).
#
# **Copie d'ancrage** (juriste d'un hôpital), notée **un point et demi sur 3** :
#
# > « Je demanderais que les appels d'offres exigent des oxymètres testés sur toutes les
# > pigmentations, avec une recette par gaz du sang à la livraison, et qu'un incident comme
# > celui de M. K. soit signalé à l'ANSM par le correspondant de matériovigilance. Les patients
# > noirs ont plus d'hypoxémies cachées : 11,7 % d'après une étude américaine. Il faudrait
# > aussi relever le seuil de l'alarme pour tout le monde. »
#
# Notation : critère 1, **1** (deux actes précis de sa pratique : achat et recette des
# appareils, signalement) ; critère 2, **0,5** (chiffre juste, mais rapporté aux patients et
# non aux paires à SpO2 de 92 à 96 %) ; critère 3, **0** (une seule case, la 4 ; « relever le
# seuil » sans son coût ne la coche pas, et rien sur le seuil selon la couleur de peau).
#
# **Copie d'ancrage** (cadre de santé), notée **deux points et demi sur 3** :
#
# > « Je demanderais un gaz du sang dès qu'un patient va moins bien que sa SpO2 “rassurante”
# > ne le laisse croire, surtout à peau foncée et près du seuil d'alarme. Dans nos données, au
# > seuil relevé, environ deux alarmes sur trois sonnaient sans hypoxémie [version formative ;
# > en séance évaluée, la part de la copie, sa réponse à la question 6 b] : relever le seuil
# > pour tous épuiserait les équipes, qui n'entendraient plus l'alarme, et l'écart entre les
# > groupes resterait. C'est aux fabricants de tester leurs oxymètres sur toutes les
# > pigmentations ; l'hôpital doit en tenir compte à l'achat, et signaler les incidents graves
# > au correspondant de matériovigilance. »
#
# Notation : critère 1, **1** (discordance clinique, situation précise) ; critère 2, **1**
# (chiffre juste, rapporté aux alarmes du seuil relevé) ; critère 3, **0,5** (trois cases, 1,
# 3 et 4, mais pas la case 2 : rien sur le seuil selon la couleur de peau).
#
# **Copie d'ancrage** (infirmier·e), notée **0,5 sur 3** :
#
# > « Je me méfierai de l'oxymètre chez les patients à peau foncée et je demanderai un gaz du
# > sang en cas de doute. Il suffirait d'ajouter trois points à leur SpO2. Au patient, je
# > dirais de ne pas s'inquiéter. »
#
# Notation : critère 1, **0,5** (situation vague, « en cas de doute », sans lien avec l'état
# du patient) ; critère 2, **0** (aucun chiffre) ; critère 3, **0** (correction automatique
# sans réserve).
# ### END SOLUTION

# %% [markdown]
# ## Sources
#
# - Sjoding MW, Dickson RP, Iwashyna TJ, Gay SE, Valley TS. Racial bias in pulse oximetry
#   measurement. *N Engl J Med* 2020;383(25):2477-2478. doi:10.1056/NEJMc2029240 (PubMed
#   PMID 33326721). Une correction de cette lettre a été publiée (*N Engl J Med*
#   2021;385(26):2496, 23 décembre 2021, signalée par PubMed) ; nous n'avons pas pu en lire
#   le contenu. Les chiffres de ce module sont ceux de la lettre publiée en 2020.
#   Cohorte de l'université du Michigan (janvier à juillet 2020) : 10 789 paires de mesures chez
#   1 333 patients blancs et 276 patients noirs sous oxygène, groupés selon leur race
#   déclarée (la pigmentation de la peau n'était pas mesurée) ; parmi les paires à SpO2 de 92 à
#   96 %, SaO2 < 88 % dans 11,7 % des paires des patients noirs contre 3,6 % de celles des
#   patients blancs.
# - Bickler PE, Feiner JR, Severinghaus JW. Effects of skin pigmentation on pulse oximeter
#   accuracy at low saturation. *Anesthesiology* 2005;102(4):715-719. 11 volontaires à peau
#   foncée, 10 à peau claire ; entre 60 et 70 % de SaO2, surestimation moyenne de 3,56 points
#   contre 0,37 ; biais lié à la pigmentation croissant à peu près en proportion de la
#   désaturation. Les trois oxymètres testés surestimaient la SaO2 des peaux foncées en
#   hypoxie.
# - Feiner JR, Severinghaus JW, Bickler PE. Dark skin decreases the accuracy of pulse oximeters
#   at low oxygen saturation: the effects of oximeter probe type and gender. *Anesth Analg*
#   2007;105(6):S18-S23. doi:10.1213/01.ane.0000285988.35174.d9. Principe de la mesure (rapport
#   du signal pulsatile à la lumière totale, rouge divisé par infrarouge) : la SpO2 « should
#   therefore be independent of skin pigmentation » ; surestimation mesurée pourtant chez les
#   peaux foncées à basse saturation.
# - Leeb G, Auchus I, Law T, Bickler P, Feiner J, *et al.* The performance of 11 fingertip pulse
#   oximeters during hypoxemia in healthy human participants with varied, quantified skin
#   pigment. *eBioMedicine* 2024;102:105051. doi:10.1016/j.ebiom.2024.105051. 34 volontaires en
#   bonne santé, SaO2 de 70 à 100 % ; 5 des 11 oxymètres avaient une ARMS au-dessus de 3 %, hors
#   de la plage acceptable pour la FDA ; 9 se trompaient davantage dans la catégorie de peau la
#   plus foncée que dans la plus claire.
# - Severinghaus JW. Simple, accurate equations for human blood O2 dissociation computations.
#   *J Appl Physiol* 1979;46(3):599-602. Relation entre SaO2 et PaO2 (37 °C, pH 7,40).
# - Université numérique des sciences de la santé et du sport (UNF3S), campus numérique de
#   réanimation médicale, cours « Insuffisance respiratoire aiguë », page « Définitions »,
#   archivée par l'UNESS (Université numérique en santé et sport) :
#   archives.uness.fr/sites/campus-unf3s-2015/UNF3Smiroir/campus-numeriques/reanimation-medicale/enseignement/reamed_1/site/html/1.html,
#   consultée le 5 décembre 2026 ; auteurs et année de rédaction non indiqués sur la page.
#   Hypoxémie si PaO2 < 80 mmHg (et SaO2 < 95 %) ; dans l'insuffisance respiratoire aiguë,
#   PaO2 < 60 mmHg.
# - O'Driscoll BR, Howard LS, Earis J, Mak V, on behalf of the British Thoracic Society
#   Emergency Oxygen Guideline Group. BTS guideline for oxygen use in adults in healthcare and
#   emergency settings. *Thorax* 2017;72(Suppl 1):ii1-ii90. doi:10.1136/thoraxjnl-2016-209729.
#   Objectif de saturation de 94 à 98 % chez la plupart des patients aigus, de 88 à 92 % chez
#   les patients à risque d'hypercapnie.
# - Wilson EB. Probable inference, the law of succession, and statistical inference. *J Am Stat
#   Assoc* 1927;22(158):209-212. Intervalle de confiance d'une proportion.
# - U.S. Food and Drug Administration (FDA). Pulse Oximeter Accuracy and Limitations: FDA
#   Safety Communication. 19 février 2021.
# - U.S. Food and Drug Administration (FDA). Pulse Oximeters for Medical Purposes —
#   Non-Clinical and Clinical Performance Testing, Labeling, and Premarket Submission
#   Recommendations. Projet de recommandations (*draft guidance*), annoncé le 6 janvier 2025
#   (Federal Register, 7 janvier 2025, vol. 90, p. 1150-1152).
# - Department of Health and Social Care (Royaume-Uni). Equity in medical devices:
#   independent review — final report. Publié le 11 mars 2024, 18 recommandations.
# - Règlement (UE) 2017/745 du Parlement européen et du Conseil du 5 avril 2017 relatif aux
#   dispositifs médicaux.
# - Règlement (UE) 2024/1689 du Parlement européen et du Conseil du 13 juin 2024 établissant
#   des règles harmonisées concernant l'intelligence artificielle, texte publié en 2024 :
#   art. 10, paragraphe 2, points f et g ; art. 10, paragraphe 5 (traitement exceptionnel de
#   catégories particulières de données par les fournisseurs de systèmes d'IA à haut risque,
#   pour détecter et corriger les biais) ; art. 113. Modifié par le règlement (UE) 2026/1744
#   du 8 juillet 2026 (JO du 24 juillet 2026, en vigueur depuis le 27 juillet 2026 ; résumé
#   daté par la bibliothèque du cours, `esn_teach.law`) : lire la version consolidée sur
#   EUR-Lex (eur-lex.europa.eu).
# - Règlement (UE) 2016/679 du Parlement européen et du Conseil du 27 avril 2016 (règlement
#   général sur la protection des données, RGPD), art. 9 : traitement de catégories
#   particulières de données.
# - Ordonnance n° 2022-582 du 20 avril 2022, qui adapte le droit français au règlement (UE)
#   2017/745 : son rapport au Président de la République (Légifrance, JORFTEXT000045614760)
#   dit qu'elle adapte les dispositions du Code de la santé publique, en particulier sur la
#   vigilance. La rédaction en vigueur des articles
#   de matériovigilance du code n'a pas pu être relue ici : le module n'en cite aucun.
# - Agence nationale de sécurité du médicament et des produits de santé (ANSM). « Comment
#   déclarer si vous êtes professionnel de santé » :
#   ansm.sante.fr/documents/reference/comment-declarer-si-vous-etes-professionnel-de-sante, lue
#   le 5 décembre 2026 : « Utilisez le portail de signalement des effets indésirables :
#   signalement.social-sante.gouv.fr ».
# - Conseil constitutionnel, décision n° 2007-557 DC du 15 novembre 2007, loi relative à la
#   maîtrise de l'immigration, à l'intégration et à l'asile : censure de l'article 63 ; les
#   traitements nécessaires aux études sur la mesure de la diversité des origines des
#   personnes, de la discrimination et de l'intégration « peuvent porter sur des données
#   objectives » mais « ne sauraient, sans méconnaître le principe énoncé par l'article 1er de
#   la Constitution, reposer sur l'origine ethnique ou la race ». Commentaire de la décision
#   publié par le Conseil constitutionnel (*Cahiers du Conseil constitutionnel*) : des données
#   subjectives (« ressenti d'appartenance ») sont aussi admises.
# - Newcombe RG. Interval estimation for the difference between independent proportions:
#   comparison of eleven methods. *Stat Med* 1998;17(8):873-890. Intervalle de l'écart entre
#   deux proportions.
# - Données : synthétiques, générées par `esn_teach.datasets.make_pulse_oximetry`
#   (graine `random_state=2020`), calibrées sur Sjoding et al. (2020), biais croissant avec la
#   désaturation comme chez Bickler et al. (2005). Fiche descriptive (origine, construction,
#   limites, usage prévu) : `esn_teach/datasets/cards/pulse_oximetry.md`. Jamais d'usage
#   clinique.
# - Weerts H, Dudík M, Edgar R, Jalali A, Lutz R, Madaio M. Fairlearn: Assessing and improving
#   fairness of AI systems. *Journal of Machine Learning Research* 2023;24(257):1-8.
# - Pedregosa F, *et al.* Scikit-learn: Machine Learning in Python. *Journal of Machine Learning
#   Research* 2011;12:2825-2830.
