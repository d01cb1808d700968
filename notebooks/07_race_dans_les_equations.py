# %% [markdown]
# # Module 07 — La race dans les équations
#
# *Cours « IA et santé » — École de santé numérique, Université de Montpellier.*
#
# **Prérequis** : module 01 (seuil, proportion et sa marge d'incertitude) ; le module 04
# (biais de mesure) aide.
#
# ## Ce que vous saurez faire à la fin de ce module
#
# 1. Calculer le **débit de filtration glomérulaire estimé** (DFGe) d'un patient avec les
#    équations CKD-EPI 2009 et 2021, à partir d'une créatinine en **µmol/L**.
# 2. Dire ce que fait le **coefficient racial** de 2009, et pourquoi il a été retiré.
# 3. Compter, sur une cohorte, les patients **reclassés** de part et d'autre d'un seuil, avec
#    le **bon dénominateur** et une **marge d'incertitude**.
# 4. Relier un seuil de DFG à ce qu'il décide : stade de la maladie, dose d'un médicament,
#    accès à la greffe.
#
# > **Les valeurs de l'école dans ce module**
# > - **V4 — Prudence, esprit critique et inclusivité** : une formule « validée » peut porter
# >   une hypothèse fausse sur un groupe.
# > - **V5 — Utilisation responsable et éclairée** : vérifier l'équation et l'unité avant de
# >   se fier à un DFGe.
# > - **V6 — Intégrité et transparence** : exiger qu'un outil (laboratoire, logiciel, agent
# >   conversationnel) dise quelle équation il applique.
# >
# > **Cadre de l'éthique du numérique en santé (CENS)** : justice (équité), car un même
# > rein est jugé autrement selon la catégorie raciale déclarée ; non-malfaisance, car un DFG
# > surestimé peut retarder un diagnostic, une dose adaptée, une greffe.
#
# ## Ce que vous allez faire
#
# **En séance** : questions 1 à 5 ; **après** : questions 6 à 8 et une réflexion. Exécutez
# les cellules dans l'ordre (Maj + Entrée), remplacez chaque `...` (décimales avec un
# **point** : `88.4`), puis exécutez la « Vérification » dessous.
#
# > **La note, en séance évaluée** : questions 1 à 5 (8 points) et réflexion (3 points, à
# > rendre après la séance comme l'indique votre enseignant·e) ; les questions 6 à 8 sont un
# > entraînement.

# %% [markdown]
# ## 1. Un rein, deux équations
#
# Le **débit de filtration glomérulaire** (DFG) est le volume de **plasma** (la partie
# liquide du sang) que les reins filtrent par minute, en mL/min. Pour comparer des patients
# de tailles différentes, on le rapporte souvent à une surface corporelle standard : c'est le
# DFG **indexé**, en mL/min/1,73 m². Le **mesurer** demande un traceur injecté ; en routine,
# on l'**estime** (DFGe, indexé) à partir de la **créatinine** du sang, un déchet des muscles
# que le rein élimine : plus elle est haute, plus le DFGe est bas. L'équation tient aussi
# compte de l'âge et du sexe.
#
# **Trois seuils, trois décisions** (KDIGO, le groupe international des recommandations sur
# le rein, 2013 ; RCP de la metformine Viatris, 2023 ; règle de l'OPTN, citée par Lee et al.,
# 2017) :
#
# - **60** : sous 60 plus de 3 mois, **maladie rénale chronique** (stade G3a de 45 à 59) ;
#   sous 60 mL/min, dose maximale de **metformine** (un antidiabétique) réduite.
# - **30** : sous 30 mL/min, metformine **contre-indiquée**.
# - **20** : aux États-Unis, un DFG de 20 mL/min ou moins fait compter le temps d'attente
#   d'un candidat à la **greffe de rein** (l'un des critères).
#
# Ces seuils sont écrits en mL/min, alors que les équations donnent un DFGe **indexé** (en
# mL/min/1,73 m²) : ici, par simplification, on compare le DFGe indexé aux seuils, sauf
# quand une question demande de le désindexer.
#
# L'équation américaine **CKD-EPI 2009** (Levey et al., 2009) multiplie le résultat par
# **1,159** si le patient est déclaré **noir** : à créatinine égale, son DFGe est 15,9 % plus
# haut. L'équation **CKD-EPI 2021** (Inker et al., 2021), recommandée aux États-Unis (Delgado
# et al., 2021b), n'a plus ce coefficient ; ses autres coefficients ont été réestimés.

# %% session="formative"
# Les cas du module : la graine de la cohorte et M. A.
GRAINE = 2021  # la graine : chacun obtient exactement les mêmes patients
CREATININE_M_A = 127  # M. A. : créatinine sérique en µmol/L, comme sur un compte rendu français
AGE_M_A = 57
PARAMETRES_COHORTE = {}  # la cohorte du cours : les réglages par défaut de la fiche

# %% session="evaluation" jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il tire vos cas à partir de votre identifiant, la
# graine de votre cohorte et votre M. A. Exécutez-le (Maj + Entrée) et lisez ce qu'il affiche.
from esn_teach import checks

GRAINE = checks.student_seed("07")


# Dans une fonction : seuls l'âge, les deux créatinines de votre M. A. et le dosage que
# demande votre copie restent dans le noyau.
def _tirer_m_a():
    from esn_teach.datasets._egfr_tasks import _cases, _dosage_task

    age, premier, controle = _cases(GRAINE)
    return age, premier, controle, ("premier", "contrôle")[_dosage_task(GRAINE)]


AGE_M_A, CREATININE_PREMIER_M_A, CREATININE_CONTROLE_M_A, DOSAGE_M_A = _tirer_m_a()


def _tirer_cohorte():
    from esn_teach.datasets._egfr_tasks import _cohort_parameters

    return _cohort_parameters(GRAINE)


# Les réglages de votre cohorte synthétique (part de patients déclarés noirs, de maladie
# rénale, niveau des créatinines) : ils varient d'une copie à l'autre.
PARAMETRES_COHORTE = _tirer_cohorte()
print(f"Votre M. A. : {AGE_M_A} ans. Deux dosages de créatinine, à un mois d'intervalle :")
print(f"  premier dosage : {CREATININE_PREMIER_M_A} µmol/L (CREATININE_PREMIER_M_A) ;")
print(f"  dosage de contrôle : {CREATININE_CONTROLE_M_A} µmol/L (CREATININE_CONTROLE_M_A).")
_dosage_demande = "premier dosage" if DOSAGE_M_A == "premier" else "dosage de contrôle"
print(f"Vos questions 1, 2, 5, 7 et 8 portent sur le {_dosage_demande} : c'est celui que "
      "demande votre copie (celle de vos voisins peut demander l'autre).")

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il charge les outils, définit les deux équations et
# fabrique la cohorte synthétique. Exécutez-le (Maj + Entrée).
import math

import pandas as pd
from IPython.display import display
from scipy.stats import binomtest

from esn_teach import checks, fr_number, fr_percent, fr_table
from esn_teach.datasets import data_card, make_egfr_cohort
from esn_teach.explorers import EgfrExplorer

N_PATIENTS = 5_000
UMOL_PAR_MG = 88.4  # 1 mg/dL de créatinine = 88,4 µmol/L
SEUIL_G3 = 60  # stade G3 : DFG sous 60
SEUIL_GREFFE = 20  # États-Unis : un critère du temps d'attente de greffe, 20 ou moins


def _verifier_ordre(creatinine_mg_dl, age):
    """Name the likely slip when the age and the creatinine were swapped."""
    nombres = isinstance(age, (int, float)) and isinstance(creatinine_mg_dl, (int, float))
    if nombres and not 18 <= age <= 120 and 18 <= creatinine_mg_dl <= 120:
        raise ValueError(
            f"l'âge vaut {fr_number(age, 1)} et la créatinine {fr_number(creatinine_mg_dl, 1)} "
            "mg/dL : avez-vous inversé l'âge et la créatinine ? L'ordre est : créatinine "
            "(en mg/dL), âge, femme."
        )


def dfge_2021(creatinine_mg_dl, age, femme):
    """DFGe CKD-EPI 2021 (mL/min/1,73 m²) ; créatinine en mg/dL ; femme : True ou False."""
    from esn_teach.datasets import egfr_ckd_epi_2021 as _equation_2021

    _verifier_ordre(creatinine_mg_dl, age)
    return float(_equation_2021(creatinine_mg_dl, age, femme))


def dfge_2009_sans_coefficient(creatinine_mg_dl, age, femme):
    """DFGe CKD-EPI 2009 SANS son coefficient racial (mL/min/1,73 m²) ; créatinine en mg/dL."""
    from esn_teach.datasets import egfr_ckd_epi_2009 as _equation_2009

    _verifier_ordre(creatinine_mg_dl, age)
    return float(_equation_2009(creatinine_mg_dl, age, femme, False))


jeu = make_egfr_cohort(n_samples=N_PATIENTS, random_state=GRAINE, **PARAMETRES_COHORTE)
display(data_card(jeu))  # la fiche, repliée : cliquez sur son titre pour la déplier
cohorte = pd.DataFrame(
    {
        "noir": jeu.frame["black"] == 1,  # race déclarée : noir (True) ou non (False)
        "femme": jeu.frame["female"] == 1,
        "age": jeu.frame["age"],
        "creatinine_umol": (jeu.frame["scr"] * UMOL_PAR_MG).round(0),
        "dfg_2009": jeu.frame["egfr_2009"],
        "dfg_2021": jeu.frame["egfr_2021"],
    }
)
print(f"{len(cohorte)} patients synthétiques, dont {cohorte['noir'].sum()} déclarés noirs.")
fr_table(
    cohorte.head().assign(
        noir=lambda d: d["noir"].map({True: "oui", False: "non"}),
        femme=lambda d: d["femme"].map({True: "oui", False: "non"}),
    ),
    columns={
        "noir": "Déclaré noir",
        "femme": "Femme",
        "age": "Âge",
        "creatinine_umol": "Créatinine (µmol/L)",
        "dfg_2009": "DFGe 2009",
        "dfg_2021": "DFGe 2021",
    },
    caption="Les cinq premiers patients (DFGe en mL/min/1,73 m²)",
    digits=1,
    show_index=False,
)

# %% [markdown] session="formative"
# Les patients sont **synthétiques** (voir la fiche) : créatinines inventées, tirées de la
# même façon chez les patients noirs et non noirs ; équations telles que publiées. Nous
# n'avons **aucun DFG mesuré** : nous voyons où chaque équation place un patient, jamais
# laquelle dit vrai.
#
# ## 2. M. A., 57 ans
#
# M. A., un homme **diabétique de type 2, traité par metformine**, se déclare noir. Son
# compte rendu indique une créatinine de **127 µmol/L**
# (micromoles par litre, l'unité des laboratoires français) ; les équations l'attendent en
# **mg/dL** : pour convertir, on **divise par 88,4**.
#
# Deux **fonctions** (des calculs tout prêts) attendent trois valeurs, dans cet ordre :
# créatinine en mg/dL, âge, `femme` (`True`, vrai, ou `False`, faux).
#
# - `dfge_2021(creatinine_mg_dl, age, femme)` ;
# - `dfge_2009_sans_coefficient(creatinine_mg_dl, age, femme)`, l'équation 2009 **sans** son
#   coefficient racial.
#
# **Exemple** : une patiente de 40 ans dont la créatinine est **déjà en mg/dL** (1,2) s'écrit
# `dfge_2021(1.2, 40, True)`. En Python, × s'écrit `*` et ÷ s'écrit `/` ; on peut écrire un
# calcul entre les parenthèses. Données de M. A. : `CREATININE_M_A` (en µmol/L) et `AGE_M_A`.
#
# ### Question 1 — Le DFGe 2021 de M. A. (1,5 point)
#
# Calculez `dfg_2021_m_a`, en mL/min/1,73 m², à 0,1 près : **écrivez le calcul, pas sa
# valeur** (un entier ne vaut que la moitié des points ; une créatinine convertie arrondie à
# 0,01 mg/dL est acceptée, en questions 1 et 2).
#
# <details><summary>Indice 1</summary>
#
# Avant d'appeler la fonction, demandez-vous dans quelle unité elle attend la créatinine, et
# dans quelle unité est écrite celle de M. A. Un DFGe inférieur à 1, ou de plusieurs milliers,
# doit vous alerter.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Entre les parenthèses, à la place de la créatinine, vous pouvez écrire la conversion
# elle-même : Python la calcule d'abord. Puis l'âge, puis `femme` : que vaut-il pour M. A. ?
# </details>

# %% [markdown] session="evaluation"
# Les patients sont **synthétiques** (voir la fiche) : créatinines inventées, tirées de la
# même façon chez les patients noirs et non noirs ; équations telles que publiées. Nous
# n'avons **aucun DFG mesuré** : nous voyons où chaque équation place un patient, jamais
# laquelle dit vrai.
#
# ## 2. Votre M. A.
#
# M. A., un homme **diabétique de type 2, traité par metformine**, se déclare noir. Son âge
# et ses **deux dosages** de créatinine, à un mois d'intervalle, sont propres à votre copie :
# la cellule de tirage les affiche, avec le dosage que demandent **vos** questions. La créatinine est en **µmol/L** (micromoles par litre,
# l'unité des laboratoires français) ; les équations l'attendent en **mg/dL** : pour
# convertir, on **divise par 88,4**.
#
# Deux **fonctions** (des calculs tout prêts) attendent trois valeurs, dans cet ordre :
# créatinine en mg/dL, âge, `femme` (`True`, vrai, ou `False`, faux).
#
# - `dfge_2021(creatinine_mg_dl, age, femme)` ;
# - `dfge_2009_sans_coefficient(creatinine_mg_dl, age, femme)`, l'équation 2009 **sans** son
#   coefficient racial.
#
# **Exemple** : une patiente de 40 ans dont la créatinine est **déjà en mg/dL** (1,2) s'écrit
# `dfge_2021(1.2, 40, True)`. En Python, × s'écrit `*` et ÷ s'écrit `/` ; on peut écrire un
# calcul entre les parenthèses. Données de M. A. : `CREATININE_PREMIER_M_A` et
# `CREATININE_CONTROLE_M_A` (en µmol/L), `AGE_M_A`.
#
# ### Question 1 — Le DFGe 2021 de M. A. (1,5 point)
#
# Calculez `dfg_2021_m_a`, le DFGe 2021 de M. A. **au dosage que demande votre copie**, en
# mL/min/1,73 m², à 0,1 près : écrivez **le calcul** (Python garde les décimales ; une
# créatinine convertie arrondie à 0,01 mg/dL est acceptée, en questions 1 et 2).
#
# <details><summary>Indice 1</summary>
#
# Avant d'appeler la fonction, demandez-vous dans quelle unité elle attend la créatinine, et
# dans quelle unité est écrite celle de M. A. Un DFGe inférieur à 1, ou de plusieurs milliers,
# doit vous alerter.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Entre les parenthèses, à la place de la créatinine, vous pouvez écrire la conversion
# elle-même : Python la calcule d'abord. Puis l'âge, puis `femme` : que vaut-il pour M. A. ?
# </details>

# %% answer="dfg_2021_m_a" session="formative"
dfg_2021_m_a = ...
### BEGIN SOLUTION
dfg_2021_m_a = dfge_2021(CREATININE_M_A / 88.4, AGE_M_A, False)
### END SOLUTION

# %% answer="dfg_2021_m_a" session="evaluation"
dfg_2021_m_a = ...
### BEGIN SOLUTION
if DOSAGE_M_A == "premier":
    dfg_2021_m_a = dfge_2021(CREATININE_PREMIER_M_A / 88.4, AGE_M_A, False)
else:
    dfg_2021_m_a = dfge_2021(CREATININE_CONTROLE_M_A / 88.4, AGE_M_A, False)
### END SOLUTION

# %% tests="dfg_2021_m_a" points=1.5 session="formative"
# Vérification de la question 1 : exécutez cette cellule.
if isinstance(dfg_2021_m_a, (int, float)) and not isinstance(dfg_2021_m_a, bool) and math.isfinite(dfg_2021_m_a):
    # Votre propre valeur (jamais la clé), pour la placer face aux seuils.
    print(f"Votre DFGe 2021 (question 1) : {dfg_2021_m_a:.1f} mL/min/1,73 m².".replace(".", ",", 1))
    if not 2 <= dfg_2021_m_a <= 200:
        print("⚠ Un DFGe hors de 2 à 200 est impossible chez un adulte : vérifiez l'unité de "
              "la créatinine (µmol/L divisés par 88,4) avant de vous en servir.")
checks.check_number(
    dfg_2021_m_a,
    name="dfg_2021_m_a",
    digest="0917b3d9311ada01",
    decimals=1,
    bounds=(0, 400),
    percent_is_mistake=False,
    mistakes=[
        checks.Mistake(None, "vous avez donné la créatinine en µmol/L à une équation qui "
                       "l'attend en mg/dL : divisez d'abord par 88,4.", digest="a2a0bc78a20f980c"),
        checks.Mistake(None, "conversion à l'envers : vous avez multiplié par 88,4. Des µmol/L "
                       "vers les mg/dL, on divise (un mg/dL vaut 88,4 µmol/L).",
                       digest="9fdba308507d00eb"),
        checks.Mistake(None, "M. A. est un homme : femme vaut False.", digest="9aba0017b4827567"),
        checks.Mistake(None, "vous avez appliqué le coefficient 1,159 à l'équation 2021, qui "
                       "n'en a plus : elle est la même quelle que soit la race déclarée.",
                       digest="abf62f8795e74d43"),
        checks.Mistake(None, "vous avez utilisé l'équation 2009 ; la question demande celle de "
                       "2021.", digest="6987e510a9ec24f0"),
        checks.Mistake(None, "vous avez calculé le DFGe 2009 avec son coefficient, celui de la "
                       "question 2 ; ici, c'est l'équation 2021.", digest="d3481525b55c1b78"),
        checks.Mistake(None, "bon raisonnement, mais trop arrondi (la moitié des points) : un "
                       "nombre entier, alors que la question se corrige à 0,1 près. Écrivez le "
                       "calcul lui-même : Python garde les décimales.",
                       digest="0922d3357ae7cfcf"),
        checks.Mistake(None, "vous avez arrondi la créatinine convertie à 0,1 mg/dL : gardez "
                       "au moins deux décimales, ou écrivez la conversion elle-même entre les "
                       "parenthèses.", digest="0e3879ef5f408c5e"),
    ],
    hint="Vérifiez l'unité de la créatinine, puis l'ordre des nombres : créatinine, âge, femme.",
    points=1.5,
)
### BEGIN HIDDEN TESTS
import esn_teach.datasets as _jeux_caches

checks.check_number(
    dfg_2021_m_a,
    name="dfg_2021_m_a",
    expected=float(_jeux_caches.egfr_ckd_epi_2021(CREATININE_M_A / UMOL_PAR_MG, AGE_M_A, False)),
    decimals=1,
    points=1.5,
)
### END HIDDEN TESTS

# %% mistake="dfg_2021_m_a" session="formative"
# message : l'attend en mg/dL : divisez d'abord par 88,4
dfg_2021_m_a = dfge_2021(CREATININE_M_A, AGE_M_A, False)

# %% mistake="dfg_2021_m_a" session="formative"
# message : conversion à l'envers
dfg_2021_m_a = dfge_2021(CREATININE_M_A * 88.4, AGE_M_A, False)

# %% mistake="dfg_2021_m_a" session="formative"
# message : M. A. est un homme
dfg_2021_m_a = dfge_2021(CREATININE_M_A / 88.4, AGE_M_A, True)

# %% mistake="dfg_2021_m_a" session="formative"
# message : vous avez appliqué le coefficient 1,159 à l'équation 2021
dfg_2021_m_a = dfge_2021(CREATININE_M_A / 88.4, AGE_M_A, False) * 1.159

# %% mistake="dfg_2021_m_a" session="formative"
# message : celui de la question 2
dfg_2021_m_a = dfge_2009_sans_coefficient(CREATININE_M_A / 88.4, AGE_M_A, False) * 1.159

# %% mistake="dfg_2021_m_a" session="formative"
# message : trop arrondi
dfg_2021_m_a = 57

# %% mistake="dfg_2021_m_a" session="formative"
# message : vous avez arrondi la créatinine convertie à 0,1 mg/dL
dfg_2021_m_a = dfge_2021(1.4, AGE_M_A, False)

# %% session="evaluation"
# Votre valeur de la question 1, face aux valeurs possibles chez un adulte : ce n'est
# pas la correction (elle arrive avec votre retour). Exécutez cette cellule.
if isinstance(dfg_2021_m_a, (int, float)) and not isinstance(dfg_2021_m_a, bool) and math.isfinite(dfg_2021_m_a):
    # Votre propre valeur (jamais la clé), pour la placer face aux seuils.
    print(f"Votre DFGe 2021 (question 1) : {dfg_2021_m_a:.1f} mL/min/1,73 m².".replace(".", ",", 1))
    if not 2 <= dfg_2021_m_a <= 200:
        print("⚠ Un DFGe hors de 2 à 200 est impossible chez un adulte : vérifiez l'unité de "
              "la créatinine (µmol/L divisés par 88,4) avant de vous en servir.")
else:
    print("Question 1 : pas encore de nombre dans dfg_2021_m_a.")

# %% tests="dfg_2021_m_a" points=1.5 session="evaluation"
# Vérification de la question 1 : exécutez cette cellule.
checks.check_form(dfg_2021_m_a, name="dfg_2021_m_a", kind="number", decimals=1, bounds=(0, 400), percent_is_mistake=False)
### BEGIN HIDDEN TESTS
import esn_teach.datasets as _jeux_caches
from esn_teach.datasets._egfr_tasks import _copy_creatinines

# The copy's M. A. and the dosage its statement asks (the other dosage: another version's key).
_age_copie, _creat_copie, _creat_autre = _copy_creatinines(checks.student_seed("07", announce=False))
_mg_copie = _creat_copie / 88.4

_m1 = [
    checks.Mistake(float(_jeux_caches.egfr_ckd_epi_2021(_creat_autre / 88.4, _age_copie, False)), "cette réponse correspond à une autre consigne que la vôtre : relisez ce que demande votre énoncé (la cellule de tirage dit sur quel dosage, premier ou de contrôle, portent vos questions)."),
    checks.Mistake(float(_jeux_caches.egfr_ckd_epi_2021(_creat_copie, _age_copie, False)), "vous avez donné la créatinine en µmol/L à une équation qui l'attend en mg/dL : divisez d'abord par 88,4."),
    checks.Mistake(float(_jeux_caches.egfr_ckd_epi_2021(_creat_copie * 88.4, _age_copie, False)), "conversion à l'envers : vous avez multiplié par 88,4. Des µmol/L vers les mg/dL, on divise (un mg/dL vaut 88,4 µmol/L)."),
    checks.Mistake(float(_jeux_caches.egfr_ckd_epi_2021(_mg_copie, _age_copie, True)), "M. A. est un homme : femme vaut False."),
    checks.Mistake(float(_jeux_caches.egfr_ckd_epi_2021(_mg_copie, _age_copie, False)) * 1.159, "vous avez appliqué le coefficient 1,159 à l'équation 2021, qui n'en a plus : elle est la même quelle que soit la race déclarée."),
    checks.Mistake(float(_jeux_caches.egfr_ckd_epi_2009(_mg_copie, _age_copie, False, False)), "vous avez utilisé l'équation 2009 ; la question demande celle de 2021."),
    checks.Mistake(float(_jeux_caches.egfr_ckd_epi_2009(_mg_copie, _age_copie, False, True)), "vous avez calculé le DFGe 2009 avec son coefficient, celui de la question 2 ; ici, c'est l'équation 2021."),
    checks.Mistake(float(_jeux_caches.egfr_ckd_epi_2021(round(_mg_copie, 1), _age_copie, False)), "vous avez arrondi la créatinine convertie à 0,1 mg/dL : gardez au moins deux décimales."),
]
_exact_q1 = float(_jeux_caches.egfr_ckd_epi_2021(_mg_copie, _age_copie, False))
_arrondi_q1 = float(_jeux_caches.egfr_ckd_epi_2021(round(_mg_copie, 2), _age_copie, False))
_accepte_q1 = isinstance(dfg_2021_m_a, float) and math.isfinite(dfg_2021_m_a) and round(dfg_2021_m_a, 1) == round(_arrondi_q1, 1)
checks.check_number(dfg_2021_m_a, name="dfg_2021_m_a", expected=_arrondi_q1 if _accepte_q1 else _exact_q1, decimals=1, percent_is_mistake=False, mistakes=_m1, hint="Vérifiez l'unité de la créatinine (µmol/L divisés par 88,4), l'équation (2021, sans coefficient), puis l'ordre des nombres : créatinine, âge, femme.", points=1.5)
### END HIDDEN TESTS

# %% mistake="dfg_2021_m_a" session="evaluation"
# message : cette réponse correspond à une autre consigne que la vôtre
creatinine = CREATININE_CONTROLE_M_A if DOSAGE_M_A == "premier" else CREATININE_PREMIER_M_A
dfg_2021_m_a = dfge_2021(creatinine / 88.4, AGE_M_A, False)

# %% mistake="dfg_2021_m_a" session="evaluation"
# message : l'attend en mg/dL : divisez d'abord par 88,4
creatinine = CREATININE_PREMIER_M_A if DOSAGE_M_A == "premier" else CREATININE_CONTROLE_M_A
dfg_2021_m_a = dfge_2021(creatinine, AGE_M_A, False)

# %% mistake="dfg_2021_m_a" session="evaluation"
# message : M. A. est un homme
creatinine = CREATININE_PREMIER_M_A if DOSAGE_M_A == "premier" else CREATININE_CONTROLE_M_A
dfg_2021_m_a = dfge_2021(creatinine / 88.4, AGE_M_A, True)

# %% mistake="dfg_2021_m_a" session="evaluation"
# message : celui de la question 2
creatinine = CREATININE_PREMIER_M_A if DOSAGE_M_A == "premier" else CREATININE_CONTROLE_M_A
dfg_2021_m_a = dfge_2009_sans_coefficient(creatinine / 88.4, AGE_M_A, False) * 1.159

# %% [markdown] session="formative"
# ### Question 2 — Le DFGe 2009 de M. A. (1,5 point)
#
# Calculez `dfg_2009_m_a`, le DFGe de M. A. avec l'équation **2009 complète**, coefficient
# racial compris (il se déclare noir), à 0,1 près.

# %% [markdown] session="evaluation"
# ### Question 2 — Le DFGe 2009 de M. A. (1,5 point)
#
# Calculez `dfg_2009_m_a`, le DFGe de M. A. avec l'équation **2009 complète**, coefficient
# racial compris (il se déclare noir), au même dosage qu'en question 1, à 0,1 près.

# %% [markdown]
# <details><summary>Indice 1</summary>
#
# Le coefficient de 2009 rendait le DFGe des patients déclarés noirs plus **haut** ou plus
# **bas** ? Votre résultat doit aller dans ce sens, par rapport à l'équation 2009 sans
# coefficient.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Aucune des deux fonctions prêtes ne contient le coefficient : laquelle faut-il compléter, et
# par quel nombre ? « 15,9 % de plus » : pour 100 mL/min, combien ? Par quel nombre a-t-on
# multiplié 100 ?
# </details>

# %% answer="dfg_2009_m_a" session="formative"
dfg_2009_m_a = ...
### BEGIN SOLUTION
dfg_2009_m_a = dfge_2009_sans_coefficient(CREATININE_M_A / 88.4, AGE_M_A, False) * 1.159
### END SOLUTION

# %% answer="dfg_2009_m_a" session="evaluation"
dfg_2009_m_a = ...
### BEGIN SOLUTION
if DOSAGE_M_A == "premier":
    dfg_2009_m_a = dfge_2009_sans_coefficient(CREATININE_PREMIER_M_A / 88.4, AGE_M_A, False) * 1.159
else:
    dfg_2009_m_a = dfge_2009_sans_coefficient(CREATININE_CONTROLE_M_A / 88.4, AGE_M_A, False) * 1.159
### END SOLUTION

# %% tests="dfg_2009_m_a" points=1.5 session="formative"
# Vérification de la question 2 : exécutez cette cellule.
if isinstance(dfg_2009_m_a, (int, float)) and not isinstance(dfg_2009_m_a, bool) and math.isfinite(dfg_2009_m_a):
    # Votre propre valeur (jamais la clé), pour la placer face aux seuils.
    print(f"Votre DFGe 2009 (question 2) : {dfg_2009_m_a:.1f} mL/min/1,73 m².".replace(".", ",", 1))
    if not 2 <= dfg_2009_m_a <= 200:
        print("⚠ Un DFGe hors de 2 à 200 est impossible chez un adulte : vérifiez l'unité de "
              "la créatinine (µmol/L divisés par 88,4) avant de vous en servir.")
try:  # question 1's answer, for the cross-check; its cell may have stopped on an error
    _q1_eleve = dfg_2021_m_a
except NameError:
    _q1_eleve = None
    print("La question 1 n'a pas encore de réponse (sa cellule s'est arrêtée sur une "
          "erreur, ou n'a pas été exécutée) : la vérification croisée avec la question 1 "
          "est sautée, la question 2 est jugée seule.")
# Accepte aussi le calcul fait avec la créatinine convertie arrondie à 0,01 mg/dL.
_conversion_arrondie = (
    isinstance(dfg_2009_m_a, float)  # 62.0 typed is 62,03 at 0,1; the integer 62 is not
    and math.isfinite(dfg_2009_m_a)
    and checks.matches_digest(dfg_2009_m_a, "8c9240d3e2dd763c", name="dfg_2009_m_a", decimals=1)
)
# La question 2 est aussi jugée avec les données de votre question 1 : une erreur de saisie
# plausible faite en question 1 (conversion arrondie à 0,1 mg/dL, sexe) n'est comptée qu'une
# fois. Une créatinine non convertie ou convertie à l'envers donne un DFGe impossible : elle
# n'est pas reportée. Empreinte d'une erreur de la question 1 : (empreinte de la question 2 calculée avec
# les mêmes données, décimales comparées).
REPORT_Q1 = {
    "0e3879ef5f408c5e": ("dbbf2ae0517dbfb2", 1),
    "9aba0017b4827567": ("fdfe434eadb63eab", 1),
}
_report = None
if not _conversion_arrondie and all(
    isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
    for v in (_q1_eleve, dfg_2009_m_a)
):
    _report = next(
        (
            (empreinte_q2, decimales)
            for empreinte_q1, (empreinte_q2, decimales) in REPORT_Q1.items()
            if checks.matches_digest(_q1_eleve, empreinte_q1, name="dfg_2021_m_a", decimals=1)
            and checks.matches_digest(dfg_2009_m_a, empreinte_q2, name="dfg_2009_m_a",
                                      decimals=decimales)
        ),
        None,
    )
if _report is None:
    checks.check_number(
        dfg_2009_m_a,
        name="dfg_2009_m_a",
        digest="8c9240d3e2dd763c" if _conversion_arrondie else "ee694cca5ddfe44b",
        decimals=1,
        bounds=(0, 400),
        percent_is_mistake=False,
        mistakes=[
            checks.Mistake(None, "vous avez oublié le coefficient racial : M. A. se déclare noir, "
                           "l'équation 2009 multiplie son DFGe par 1,159.", digest="d48721bd08fc824b"),
            checks.Mistake(None, "vous avez divisé par 1,159 au lieu de multiplier : le coefficient "
                           "de 2009 rendait le DFGe des patients noirs plus haut, pas plus bas.",
                           digest="a8c91b2d98bd381f"),
            checks.Mistake(None, "vous avez appliqué le coefficient à l'équation 2021 : c'est "
                           "l'équation 2009 qui le porte, avec ses propres coefficients.",
                           digest="f9da04968d775782"),
            checks.Mistake(None, "la créatinine doit être en mg/dL : divisez d'abord par 88,4.",
                           digest="1ed42340039da1ae"),
            checks.Mistake(None, "M. A. est un homme : femme vaut False (le reste de votre calcul "
                           "est juste).", digest="fdfe434eadb63eab"),
            checks.Mistake(None, "vous n'avez calculé que les 15,9 % de plus (× 0,159), pas le "
                           "nouveau DFGe : « 15,9 % de plus », c'est la valeur plus 15,9 % d'elle-même.",
                           digest="5eac3f6a3d94eb77"),
            checks.Mistake(None, "vous avez ajouté 0,159 au lieu de multiplier : un coefficient "
                           "multiplie le DFGe, il ne s'y ajoute pas.", digest="9c38cff1b5f6952a"),
            checks.Mistake(None, "vous avez ajouté 15,9 mL/min : « 15,9 % de plus » dépend de la "
                           "valeur de départ, on multiplie au lieu d'ajouter.", digest="6a7250ebb1ea9e81"),
            checks.Mistake(None, "vous avez multiplié par 1,59 : 15,9 %, c'est 0,159, donc un "
                           "coefficient de 1 + 0,159.", digest="350ce824bad691e2"),
            checks.Mistake(None, "vous avez multiplié par 15,9 : 15,9 % s'écrit 0,159, et "
                           "« 15,9 % de plus » s'écrit × 1,159.", digest="2a73eee5ef970eed"),
            checks.Mistake(None, "vous avez ajouté 1,159 au lieu de multiplier : un coefficient "
                           "multiplie le DFGe, il ne s'y ajoute pas.", digest="96adaffbcb9f5866"),
            checks.Mistake(None, "bon raisonnement, mais trop arrondi (la moitié des points) : un "
                           "nombre entier, alors que la question se corrige à 0,1 près. Écrivez le "
                           "calcul lui-même : Python garde les décimales.", digest="8c9240d3e2dd763c"),
            checks.Mistake(None, "vous avez arrondi la créatinine convertie à 0,1 mg/dL : gardez "
                           "au moins deux décimales, ou écrivez la conversion elle-même entre les "
                           "parenthèses.", digest="dbbf2ae0517dbfb2"),
        ],
        hint="Partez de l'équation 2009 sans coefficient, créatinine convertie, puis appliquez le "
        "coefficient dans le bon sens.",
        success="avec le coefficient, le DFGe 2009 de M. A. est à 60 ou plus ; avec 2021 "
        "(question 1), il est sous 60. Le seul changement d'équation le fait passer d'un côté "
        "à l'autre du seuil ; son rein, lui, n'a pas changé.",
    points=1.5,
    )
else:
    checks.check_number(
        dfg_2009_m_a,
        name="dfg_2009_m_a",
        digest=_report[0],
        decimals=_report[1],
        carried_over="votre calcul est juste avec les données de votre question 1, elle-même fausse : "
        "les points sont accordés (une erreur de saisie n'est pas comptée deux fois). "
        "Corrigez la question 1 (son message nomme l'erreur), puis refaites ce calcul.",
    points=1.5,
    )
### BEGIN HIDDEN TESTS
from esn_teach.datasets import egfr_ckd_epi_2009, egfr_ckd_epi_2021

_exacte = float(egfr_ckd_epi_2009(CREATININE_M_A / UMOL_PAR_MG, AGE_M_A, False, True))
_arrondie = float(egfr_ckd_epi_2009(round(CREATININE_M_A / UMOL_PAR_MG, 2), AGE_M_A, False, True))
_empreinte = checks.answer_digest(_arrondie, name="dfg_2009_m_a", decimals=1)
_conversion_arrondie = (
    isinstance(dfg_2009_m_a, float)  # 62.0 typed is 62,03 at 0,1; the integer 62 is not
    and math.isfinite(dfg_2009_m_a)
    and checks.matches_digest(dfg_2009_m_a, _empreinte, name="dfg_2009_m_a", decimals=1)
)
_attendu, _decimales = (_arrondie if _conversion_arrondie else _exacte), 1
_reporte = None  # the carried-over sentence, when question 1 shows a plausible slip
# Carried forward: graded with the inputs of question 1 when question 1 shows an input error
# (creatinine not converted, converted the wrong way or rounded to 0.1 mg/dL; femme=True) and
# question 2 is right with the same inputs. Decimals: enough to tell the coefficient apart.
_entrees_q1 = [
    (round(CREATININE_M_A / UMOL_PAR_MG, 1), False, 1),
    (CREATININE_M_A / UMOL_PAR_MG, True, 1),
]
if not _conversion_arrondie and all(
    isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
    for v in (_q1_eleve, dfg_2009_m_a)
):
    for _creat, _femme, _dec in _entrees_q1:
        _q1 = float(egfr_ckd_epi_2021(_creat, AGE_M_A, _femme))
        _q2 = float(egfr_ckd_epi_2009(_creat, AGE_M_A, _femme, True))
        _cle_q1 = checks.answer_digest(_q1, name="dfg_2021_m_a", decimals=1)
        _cle_q2 = checks.answer_digest(_q2, name="dfg_2009_m_a", decimals=_dec)
        _meme_q1 = checks.matches_digest(_q1_eleve, _cle_q1, name="dfg_2021_m_a", decimals=1)
        _meme_q2 = checks.matches_digest(dfg_2009_m_a, _cle_q2, name="dfg_2009_m_a",
                                         decimals=_dec)
        if _meme_q1 and _meme_q2:
            _attendu, _decimales = _q2, _dec
            _reporte = (
                "juste avec les données de votre question 1, elle-même fausse : points "
                "accordés (une erreur de saisie n'est pas comptée deux fois). Corrigez la "
                "question 1, puis refaites ce calcul."
            )
            break
checks.check_number(dfg_2009_m_a, name="dfg_2009_m_a", expected=_attendu, decimals=_decimales,
                    carried_over=_reporte, points=1.5)
### END HIDDEN TESTS

# %% mistake="dfg_2009_m_a" session="formative"
# message : vous avez oublié le coefficient racial
dfg_2009_m_a = dfge_2009_sans_coefficient(CREATININE_M_A / 88.4, AGE_M_A, False)

# %% mistake="dfg_2009_m_a" session="formative"
# message : vous avez divisé par 1,159 au lieu de multiplier
dfg_2009_m_a = dfge_2009_sans_coefficient(CREATININE_M_A / 88.4, AGE_M_A, False) / 1.159

# %% mistake="dfg_2009_m_a" session="formative"
# message : vous avez appliqué le coefficient à l'équation 2021
dfg_2009_m_a = dfge_2021(CREATININE_M_A / 88.4, AGE_M_A, False) * 1.159

# %% mistake="dfg_2009_m_a" session="formative"
# message : la créatinine doit être en mg/dL
dfg_2009_m_a = dfge_2009_sans_coefficient(CREATININE_M_A, AGE_M_A, False) * 1.159

# %% mistake="dfg_2009_m_a" session="formative"
# message : M. A. est un homme : femme vaut False
dfg_2009_m_a = dfge_2009_sans_coefficient(CREATININE_M_A / 88.4, AGE_M_A, True) * 1.159

# %% mistake="dfg_2009_m_a" session="formative"
# message : vous n'avez calculé que les 15,9 % de plus
dfg_2009_m_a = dfge_2009_sans_coefficient(CREATININE_M_A / 88.4, AGE_M_A, False) * 0.159

# %% mistake="dfg_2009_m_a" session="formative"
# message : vous avez ajouté 0,159 au lieu de multiplier
dfg_2009_m_a = dfge_2009_sans_coefficient(CREATININE_M_A / 88.4, AGE_M_A, False) + 0.159

# %% mistake="dfg_2009_m_a" session="formative"
# message : vous avez ajouté 15,9 mL/min
dfg_2009_m_a = dfge_2009_sans_coefficient(CREATININE_M_A / 88.4, AGE_M_A, False) + 15.9

# %% mistake="dfg_2009_m_a" session="formative"
# message : vous avez multiplié par 1,59
dfg_2009_m_a = dfge_2009_sans_coefficient(CREATININE_M_A / 88.4, AGE_M_A, False) * 1.59

# %% mistake="dfg_2009_m_a" session="formative"
# message : vous avez multiplié par 15,9
dfg_2009_m_a = dfge_2009_sans_coefficient(CREATININE_M_A / 88.4, AGE_M_A, False) * 15.9

# %% mistake="dfg_2009_m_a" session="formative"
# message : vous avez ajouté 1,159 au lieu de multiplier
dfg_2009_m_a = dfge_2009_sans_coefficient(CREATININE_M_A / 88.4, AGE_M_A, False) + 1.159

# %% mistake="dfg_2009_m_a" session="formative"
# message : trop arrondi (la moitié des points) : un nombre entier
dfg_2009_m_a = 62

# %% mistake="dfg_2009_m_a" session="formative"
# message : vous avez arrondi la créatinine convertie à 0,1 mg/dL
dfg_2009_m_a = dfge_2009_sans_coefficient(1.4, AGE_M_A, False) * 1.159

# %% session="evaluation"
# Votre valeur de la question 2, face aux valeurs possibles chez un adulte : ce n'est
# pas la correction (elle arrive avec votre retour). Exécutez cette cellule.
if isinstance(dfg_2009_m_a, (int, float)) and not isinstance(dfg_2009_m_a, bool) and math.isfinite(dfg_2009_m_a):
    # Votre propre valeur (jamais la clé), pour la placer face aux seuils.
    print(f"Votre DFGe 2009 (question 2) : {dfg_2009_m_a:.1f} mL/min/1,73 m².".replace(".", ",", 1))
    if not 2 <= dfg_2009_m_a <= 200:
        print("⚠ Un DFGe hors de 2 à 200 est impossible chez un adulte : vérifiez l'unité de "
              "la créatinine (µmol/L divisés par 88,4) avant de vous en servir.")
else:
    print("Question 2 : pas encore de nombre dans dfg_2009_m_a.")

# %% tests="dfg_2009_m_a" points=1.5 session="evaluation"
# Vérification de la question 2 : exécutez cette cellule.
checks.check_form(dfg_2009_m_a, name="dfg_2009_m_a", kind="number", decimals=1, bounds=(0, 400), percent_is_mistake=False)
### BEGIN HIDDEN TESTS
try:  # question 1's answer, for the cross-check; its cell may have stopped on an error
    _q1_eleve = dfg_2021_m_a
except NameError:
    _q1_eleve = None
    print("La question 1 n'a pas encore de réponse (sa cellule s'est arrêtée sur une "
          "erreur, ou n'a pas été exécutée) : la vérification croisée avec la question 1 "
          "est sautée, la question 2 est jugée seule.")
import esn_teach.datasets as _jeux_caches
from esn_teach.datasets._egfr_tasks import _copy_creatinines

# The copy's M. A. and the dosage its statement asks (the other dosage: another version's key).
_age_copie, _creat_copie, _creat_autre = _copy_creatinines(checks.student_seed("07", announce=False))
_mg_copie = _creat_copie / 88.4

_sans_coef = float(_jeux_caches.egfr_ckd_epi_2009(_mg_copie, _age_copie, False, False))
_exact_q2 = float(_jeux_caches.egfr_ckd_epi_2009(_mg_copie, _age_copie, False, True))
_arrondi_q2 = float(_jeux_caches.egfr_ckd_epi_2009(round(_mg_copie, 2), _age_copie, False, True))
_accepte_q2 = isinstance(dfg_2009_m_a, float) and math.isfinite(dfg_2009_m_a) and round(dfg_2009_m_a, 1) == round(_arrondi_q2, 1)
_m2 = [
    checks.Mistake(float(_jeux_caches.egfr_ckd_epi_2009(_creat_autre / 88.4, _age_copie, False, True)), "cette réponse correspond à une autre consigne que la vôtre : relisez ce que demande votre énoncé (la cellule de tirage dit sur quel dosage, premier ou de contrôle, portent vos questions)."),
    checks.Mistake(_sans_coef, "vous avez oublié le coefficient racial : M. A. se déclare noir, l'équation 2009 multiplie son DFGe par 1,159."),
    checks.Mistake(_sans_coef / 1.159, "vous avez divisé par 1,159 au lieu de multiplier : le coefficient de 2009 rendait le DFGe des patients noirs plus haut, pas plus bas."),
    checks.Mistake(float(_jeux_caches.egfr_ckd_epi_2021(_mg_copie, _age_copie, False)) * 1.159, "vous avez appliqué le coefficient à l'équation 2021 : c'est l'équation 2009 qui le porte, avec ses propres coefficients."),
    checks.Mistake(float(_jeux_caches.egfr_ckd_epi_2009(_creat_copie, _age_copie, False, True)), "la créatinine doit être en mg/dL : divisez d'abord par 88,4."),
    checks.Mistake(float(_jeux_caches.egfr_ckd_epi_2009(_mg_copie, _age_copie, True, True)), "M. A. est un homme : femme vaut False (le reste de votre calcul est juste)."),
    checks.Mistake(_sans_coef * 0.159, "vous n'avez calculé que les 15,9 % de plus (× 0,159), pas le nouveau DFGe."),
    checks.Mistake(_sans_coef + 15.9, "vous avez ajouté 15,9 mL/min : « 15,9 % de plus » dépend de la valeur de départ, on multiplie au lieu d'ajouter."),
    checks.Mistake(_sans_coef * 1.59, "vous avez multiplié par 1,59 : 15,9 %, c'est 0,159, donc un coefficient de 1 + 0,159."),
    checks.Mistake(_sans_coef + 0.159, "vous avez ajouté 0,159 au lieu de multiplier : un coefficient multiplie le DFGe, il ne s'y ajoute pas."),
    checks.Mistake(_sans_coef * 15.9, "vous avez multiplié par 15,9 : 15,9 % s'écrit 0,159, et « 15,9 % de plus » s'écrit × 1,159."),
    checks.Mistake(_sans_coef + 1.159, "vous avez ajouté 1,159 au lieu de multiplier : un coefficient multiplie le DFGe, il ne s'y ajoute pas."),
    checks.Mistake(float(_jeux_caches.egfr_ckd_epi_2009(_creat_copie * 88.4, _age_copie, False, True)), "conversion à l'envers : vous avez multiplié par 88,4. Des µmol/L vers les mg/dL, on divise."),
    checks.Mistake(float(_jeux_caches.egfr_ckd_epi_2009(round(_mg_copie, 1), _age_copie, False, True)), "vous avez arrondi la créatinine convertie à 0,1 mg/dL : gardez au moins deux décimales."),
]
# Carried forward, as in the formative version: graded with the inputs of question 1 when
# question 1 shows an input error and this answer is right with the same inputs.
_attendu, _decimales = (_arrondi_q2 if _accepte_q2 else _exact_q2), 1
_reporte = None  # the carried-over sentence (feedback « ≈ Cohérent … », never « Correct »)
if not _accepte_q2 and all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in (_q1_eleve, dfg_2009_m_a)):
    # Only plausible slips are carried over (lecturer d19, finding 2): creatinine converted at
    # 0,1 mg/dL, femme=True. An unconverted or inverted creatinine gives an impossible DFGe
    # (below 2): never carried over.
    for _creat, _femme, _dec in [(round(_mg_copie, 1), False, 1), (_mg_copie, True, 1)]:
        _q1 = float(_jeux_caches.egfr_ckd_epi_2021(_creat, _age_copie, _femme))
        _qx = float(_jeux_caches.egfr_ckd_epi_2009(_creat, _age_copie, _femme, True))
        if round(_q1_eleve, 1) == round(_q1, 1) and round(dfg_2009_m_a, _dec) == round(_qx, _dec):
            _attendu, _decimales, _reporte = _qx, _dec, "juste avec les données de votre question 1, elle-même fausse : points accordés, l'erreur de la question 1 n'est comptée qu'une fois."
            break
checks.check_number(dfg_2009_m_a, name="dfg_2009_m_a", expected=_attendu, decimals=_decimales, percent_is_mistake=False, mistakes=_m2, carried_over=_reporte, hint="Partez de l'équation 2009 sans coefficient, créatinine convertie en mg/dL, puis appliquez le coefficient 1,159 dans le bon sens.", points=1.5)
### END HIDDEN TESTS

# %% mistake="dfg_2009_m_a" session="evaluation"
# message : cette réponse correspond à une autre consigne que la vôtre
creatinine = CREATININE_CONTROLE_M_A if DOSAGE_M_A == "premier" else CREATININE_PREMIER_M_A
dfg_2009_m_a = dfge_2009_sans_coefficient(creatinine / 88.4, AGE_M_A, False) * 1.159

# %% mistake="dfg_2009_m_a" session="evaluation"
# message : vous avez oublié le coefficient racial
creatinine = CREATININE_PREMIER_M_A if DOSAGE_M_A == "premier" else CREATININE_CONTROLE_M_A
dfg_2009_m_a = dfge_2009_sans_coefficient(creatinine / 88.4, AGE_M_A, False)

# %% mistake="dfg_2009_m_a" session="evaluation"
# message : vous avez divisé par 1,159 au lieu de multiplier
creatinine = CREATININE_PREMIER_M_A if DOSAGE_M_A == "premier" else CREATININE_CONTROLE_M_A
dfg_2009_m_a = dfge_2009_sans_coefficient(creatinine / 88.4, AGE_M_A, False) / 1.159

# %% mistake="dfg_2009_m_a" session="evaluation"
# message : vous avez appliqué le coefficient à l'équation 2021
creatinine = CREATININE_PREMIER_M_A if DOSAGE_M_A == "premier" else CREATININE_CONTROLE_M_A
dfg_2009_m_a = dfge_2021(creatinine / 88.4, AGE_M_A, False) * 1.159

# %% [markdown]
# Placez vos deux valeurs par rapport à 60 : que change l'équation ? Les réserves (stade,
# erreur d'un patient, dose) sont dans le pli ci-dessous.
#
# <details><summary>Ce que ces réserves changent pour M. A. (à lire après la séance, avant la question 8)</summary>
#
# - **Le stade.** KDIGO (2013) classe en G3a un DFG de 45 à 59 qui dure plus de 3 mois. De 60
#   à 89 (G2), on ne parle de maladie rénale chronique que s'il existe un autre marqueur
#   d'atteinte rénale (une albumine dans les urines, par exemple). Et la créatinine d'un
#   même patient varie d'un dosage à l'autre : on contrôle avant de classer.
# - **Biais d'un groupe, erreur d'un patient.** Face au DFG mesuré, Inker et al. (2021)
#   trouvent des écarts **médians** de 0,5 à 7,1 mL/min/1,73 m² selon l'équation et le groupe :
#   c'est le **biais** d'un groupe, son décalage typique. L'erreur d'un patient peut être bien
#   plus grande : pour chaque équation, 85 % ou plus des DFGe tombaient à moins de 30 % du DFG
#   mesuré ; jusqu'à 15 % s'en écartaient donc de plus de 30 %, soit plus de 18 mL/min/1,73 m²
#   autour de 60. Quand la décision compte, on contrôle la créatinine, on dose la cystatine C
#   (un autre marqueur) ou l'on mesure le DFG (KDIGO, 2013 et 2024).
# - **La dose.** Le DFGe est indexé : ramené à une surface corporelle de 1,73 m². Le résumé
#   des caractéristiques du produit (RCP) de la metformine Viatris (2023) écrit ses seuils en
#   « DFG (ml/min) » : au plus 3 g par jour de 60 à 89 (il permet seulement d'y envisager une
#   réduction si la fonction rénale baisse), 2 g de 45 à 59. **Désindexer** le DFGe, c'est
#   calculer le DFG en mL/min du patient : pour 2,0 m², DFGe × 2,0 / 1,73 ; un DFGe de 50
#   deviendrait 57,8 mL/min. C'est un
#   **choix**, pas une règle du RCP, et la pratique varie : pour adapter une dose, des
#   néphrologues et biologistes francophones le jugent préférable (Delanaye et al., 2016).
#   Aux États-Unis, les notices visent le plus souvent la **clairance de la créatinine** de
#   Cockcroft et Gault (1976), en mL/min, calculée avec l'âge, le poids, la créatinine et le
#   sexe, sans coefficient racial (NIDDK). Le pharmacien suit l'estimation que vise le RCP du
#   médicament. Le seuil de 20 de l'OPTN est lui aussi écrit en mL/min ; la cohorte
#   l'applique au DFGe indexé, par simplification.
# </details>

# %% [markdown]
# ## 3. Sur toute une cohorte
#
# Le tableau compte, par groupe, les patients que l'équation 2021 fait passer **sous** 60
# alors que 2009 les plaçait **à 60 ou plus**, et le mouvement inverse.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il compte les patients de chaque groupe ; lisez le
# tableau et la liste des noms, dessous.
noirs = cohorte["noir"].to_numpy()
d09, d21 = cohorte["dfg_2009"].to_numpy(), cohorte["dfg_2021"].to_numpy()
passe_sous_60 = (d09 >= SEUIL_G3) & (d21 < SEUIL_G3)
remonte_60 = (d09 < SEUIL_G3) & (d21 >= SEUIL_G3)
n_noirs, n_non_noirs = int(noirs.sum()), int((~noirs).sum())
n_noirs_60_en_2009 = int((noirs & (d09 >= SEUIL_G3)).sum())
n_non_noirs_60_en_2009 = int((~noirs & (d09 >= SEUIL_G3)).sum())
n_noirs_passent_sous_60 = int((noirs & passe_sous_60).sum())
n_noirs_remontent_60 = int((noirs & remonte_60).sum())
n_non_noirs_passent_sous_60 = int((~noirs & passe_sous_60).sum())
n_non_noirs_remontent_60 = int((~noirs & remonte_60).sum())
n_patients = len(cohorte)
comptes = {
    "Patients": {"n_noirs": n_noirs, "n_non_noirs": n_non_noirs},
    "2009 : 60 ou plus": {
        "n_noirs_60_en_2009": n_noirs_60_en_2009,
        "n_non_noirs_60_en_2009": n_non_noirs_60_en_2009,
    },
    "Passent sous 60 (2009 ≥ 60, 2021 < 60)": {
        "n_noirs_passent_sous_60": n_noirs_passent_sous_60,
        "n_non_noirs_passent_sous_60": n_non_noirs_passent_sous_60,
    },
    "Remontent à 60 ou plus (2009 < 60, 2021 ≥ 60)": {
        "n_noirs_remontent_60": n_noirs_remontent_60,
        "n_non_noirs_remontent_60": n_non_noirs_remontent_60,
    },
}
tableau = pd.DataFrame(
    {colonne: list(noms.values()) for colonne, noms in comptes.items()},
    index=pd.Index(["patients noirs", "patients non noirs"], name="Groupe"),
)
display(fr_table(tableau, caption="Nombre de patients, seuil de 60 mL/min/1,73 m²"))
print("Les mêmes nombres, sous le nom à écrire dans vos calculs :")
print(f"  Toute la cohorte : n_patients = {n_patients}")
for colonne, noms in comptes.items():
    print(f"  {colonne} : " + " ; ".join(f"{nom} = {n}" for nom, n in noms.items()))

# %% [markdown] session="formative"
# ### Question 3 — Parmi les patients noirs, la part qui passe sous 60 (2 points)
#
# Parmi tous les patients noirs de la cohorte, quelle part l'équation 2021 fait-elle passer
# sous 60, alors que l'équation 2009 les plaçait à 60 ou plus ? À vous de choisir le
# dénominateur : relisez « parmi » qui l'on compte (en séance évaluée, le groupe de départ
# peut être un autre). Écrivez une division de deux noms listés sous le tableau (proportion
# entre 0 et 1, à trois décimales ; arrondie à deux décimales, elle ne vaut que la moitié des
# points).

# %% [markdown] session="evaluation"
# ### Question 3 — Parmi les patients noirs, la part qui passe sous 60 (2 points)
#
# La cellule suivante affiche votre question : une part « parmi » un groupe de patients
# noirs (votre voisin·e peut avoir un autre groupe). Écrivez une division de deux noms listés
# sous le tableau : une **proportion** entre 0 et 1 (pas un pourcentage), à trois décimales
# (à deux, la moitié des points).

# %% session="evaluation" jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il affiche le groupe de départ de votre question 3.
def _tache_q3():
    from esn_teach.datasets._egfr_tasks import _share_task

    return ("tous", "60 en 2009")[_share_task(GRAINE)]


TACHE_Q3 = _tache_q3()
if TACHE_Q3 == "tous":
    print("Votre question 3 : parmi tous les patients noirs de votre cohorte, quelle part "
          "l'équation 2021 fait-elle passer sous 60, alors que 2009 les plaçait à 60 ou plus ?")
else:
    print("Votre question 3 : parmi les patients noirs que l'équation 2009 plaçait à 60 ou "
          "plus, quelle part l'équation 2021 fait-elle passer sous 60 ?")

# %% [markdown]
# <details><summary>Indice 1</summary>
#
# Une part se lit « parmi qui ? » : relisez, mot pour mot, le groupe que nomme la question,
# puis cherchez le nom qui compte exactement ce groupe. Et dans quel sens le coefficient
# faisait-il bouger le DFGe des patients noirs ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Au numérateur, ceux que l'on compte ; au dénominateur, le groupe de départ. Contrôle : chaque
# patient du numérateur fait-il partie du dénominateur ?
# </details>

# %% answer="part_noirs_sous_60" session="formative"
part_noirs_sous_60 = ...
### BEGIN SOLUTION
part_noirs_sous_60 = n_noirs_passent_sous_60 / n_noirs
### END SOLUTION

# %% answer="part_noirs_sous_60" session="evaluation"
part_noirs_sous_60 = ...
### BEGIN SOLUTION
if TACHE_Q3 == "tous":
    part_noirs_sous_60 = n_noirs_passent_sous_60 / n_noirs
else:
    part_noirs_sous_60 = n_noirs_passent_sous_60 / n_noirs_60_en_2009
### END SOLUTION

# %% tests="part_noirs_sous_60" points=2 session="formative"
# Vérification de la question 3 : exécutez cette cellule.
checks.check_number(
    part_noirs_sous_60,
    name="part_noirs_sous_60",
    digest="8752e5f333b3b5d5",
    bounds=(0, 1),
    mistakes=[
        checks.Mistake(None, "mauvais dénominateur : vous avez divisé par tous les patients de "
                       "la cohorte. La question porte sur les patients noirs.",
                       digest="6ccad77a7f21372e"),
        checks.Mistake(None, "vous avez divisé par les patients noirs à 60 ou plus selon "
                       "2009 : cette part existe, mais elle répond à une autre question (parmi "
                       "ceux que 2009 plaçait à 60 ou plus). Celle-ci part de tous les patients "
                       "noirs.", digest="281e9b633e8d045a"),
        checks.Mistake(None, "numérateur et dénominateur inversés : une part se calcule « ceux "
                       "que l'on compte » divisé par « le groupe de départ », et elle est "
                       "inférieure à 1.", digest="a4c7cd14257c5907"),
        checks.Mistake(None, "une part nulle : vous avez compté des patients qui remontent à 60 "
                       "ou plus, ou des patients non noirs. En retirant le coefficient, le "
                       "DFGe des patients noirs baisse : ils passent sous 60, ils ne remontent "
                       "pas.", digest="0d6bf14c7ab01714"),
        checks.Mistake(None, "vous avez donné un nombre de patients ; la question demande une "
                       "part : divisez par le groupe de départ.", digest="58c66fc0e6d9f4da"),
        checks.Mistake(None, "mauvais dénominateur : vous avez divisé par les patients non "
                       "noirs. Ceux que l'on compte sont noirs : le groupe de départ aussi.",
                       digest="434904a44a17b6f3"),
    ],
    hint="Relisez le groupe de départ (« parmi… ») et le sens du passage.",
    success="c'est la part parmi tous les patients noirs. Une autre part, parmi les seuls patients noirs "
    "à 60 ou plus selon 2009, répondrait à une autre question, tout aussi légitime : il faut "
    "toujours dire parmi qui l'on compte. Et aucun patient noir ne remonte : à créatinine, âge "
    "et sexe égaux, l'équation 2021 donne toujours à un patient noir un DFGe plus bas que "
    "2009 avec coefficient.",
    points=2,
)
### BEGIN HIDDEN TESTS
_noirs = cohorte["noir"].to_numpy()
_passe = (cohorte["dfg_2009"].to_numpy() >= 60) & (cohorte["dfg_2021"].to_numpy() < 60)
checks.check_number(part_noirs_sous_60, name="part_noirs_sous_60",
                    expected=float((_noirs & _passe).sum() / _noirs.sum()), points=2)
### END HIDDEN TESTS

# %% tests="part_noirs_sous_60" points=2 session="evaluation"
# Vérification de la question 3 : exécutez cette cellule.
checks.check_form(part_noirs_sous_60, name="part_noirs_sous_60", kind="number", decimals=3, bounds=(0, 1))
### BEGIN HIDDEN TESTS
import esn_teach.datasets as _jeux_caches

from esn_teach.datasets._egfr_tasks import _cohort_parameters

_graine_c = checks.student_seed("07", announce=False)
_copie = _jeux_caches.make_egfr_cohort(n_samples=5_000, random_state=_graine_c, **_cohort_parameters(_graine_c)).frame
_noir_c = _copie["black"].to_numpy() == 1
_a09, _a21 = _copie["egfr_2009"].to_numpy(), _copie["egfr_2021"].to_numpy()
_bas = (_a09 >= 60) & (_a21 < 60)
_haut = (_a09 < 60) & (_a21 >= 60)
_k = int((_noir_c & _bas).sum())
from esn_teach.datasets._egfr_tasks import _share_task

# The copy's group of departure (its draw cell's task): all Black patients, or those that 2009
# placed at 60 or more. Same numerator, same steps; the other group gives the other version.
_parmi_tous = _share_task(checks.student_seed("07", announce=False)) == 0
_cle_tous, _cle_60 = _k / int(_noir_c.sum()), _k / int((_noir_c & (_a09 >= 60)).sum())
# For the marker of the reflection (criterion 2b, lecturer d21 finding 9): the copy's own
# figures, printed in the graded copy and its feedback, never in the student's release.
from esn_teach.datasets._egfr_tasks import _copy_creatinines as _creat_copie_q3

_age_r, _creat_r, _ = _creat_copie_q3(_graine_c)
_d21_r = float(_jeux_caches.egfr_ckd_epi_2021(_creat_r / 88.4, _age_r, False))
_d09_r = float(_jeux_caches.egfr_ckd_epi_2009(_creat_r / 88.4, _age_r, False, True))
_groupe_r = "de tous les patients noirs" if _share_task(_graine_c) == 0 else "des patients noirs que 2009 plaçait à 60 ou plus"
_n_r = int(_noir_c.sum()) if _share_task(_graine_c) == 0 else int((_noir_c & (_a09 >= 60)).sum())
_fr_r = {"d21": f"{_d21_r:.1f}".replace(".", ","), "d09": f"{_d09_r:.1f}".replace(".", ","), "part": f"{_k / _n_r:.3f}".replace(".", ",")}
print(f"Pour le correcteur (réflexion, critère 2b) : DFGe de M. A. de cette copie, 2021 : {_fr_r['d21']} ; 2009 avec coefficient : {_fr_r['d09']} ; question 3 : {_k} sur {_n_r} {_groupe_r} ({_fr_r['part']}) ; question 6 (solde) : {int(_bas.sum()) - int(_haut.sum())}.")
_m3 = [
    checks.Mistake(_cle_60 if _parmi_tous else _cle_tous, "cette réponse correspond à une autre consigne que la vôtre : relisez ce que demande votre énoncé, « parmi » quels patients noirs. Le groupe de départ va sous la barre."),
    checks.Mistake(_k / len(_copie), "mauvais dénominateur : vous avez divisé par tous les patients de la cohorte. La question porte sur les patients noirs."),
    checks.Mistake(0, "une part nulle : vous avez compté des patients qui remontent à 60 ou plus, ou des patients non noirs. En retirant le coefficient, le DFGe des patients noirs baisse : ils passent sous 60, ils ne remontent pas."),
    checks.Mistake((int(_noir_c.sum()) if _parmi_tous else int((_noir_c & (_a09 >= 60)).sum())) / _k, "numérateur et dénominateur inversés : une part se calcule « ceux que l'on compte » divisé par « le groupe de départ », et elle est inférieure à 1."),
    checks.Mistake(_k, "vous avez donné un nombre de patients ; la question demande une part : divisez par le groupe de départ."),
    checks.Mistake(_k / int((~_noir_c).sum()), "mauvais dénominateur : vous avez divisé par les patients non noirs. Ceux que l'on compte sont noirs : le groupe de départ aussi."),
]
checks.check_number(part_noirs_sous_60, name="part_noirs_sous_60", expected=_cle_tous if _parmi_tous else _cle_60, decimals=3, percent_is_mistake=False, mistakes=_m3, hint="Relisez le groupe de départ (« parmi… ») : au numérateur, ceux que l'on compte ; au dénominateur, tout ce groupe.", points=2)
### END HIDDEN TESTS

# %% mistake="part_noirs_sous_60"
# message : vous avez divisé par tous les patients de la cohorte
part_noirs_sous_60 = n_noirs_passent_sous_60 / n_patients

# %% mistake="part_noirs_sous_60" session="formative"
# message : elle répond à une autre question
part_noirs_sous_60 = n_noirs_passent_sous_60 / n_noirs_60_en_2009

# %% mistake="part_noirs_sous_60" session="evaluation"
# message : cette réponse correspond à une autre consigne que la vôtre
if TACHE_Q3 == "tous":
    part_noirs_sous_60 = n_noirs_passent_sous_60 / n_noirs_60_en_2009
else:
    part_noirs_sous_60 = n_noirs_passent_sous_60 / n_noirs

# %% mistake="part_noirs_sous_60"
# message : ils passent sous 60, ils ne remontent pas
part_noirs_sous_60 = n_noirs_remontent_60 / n_noirs

# %% mistake="part_noirs_sous_60"
# message : ou des patients non noirs
part_noirs_sous_60 = n_non_noirs_passent_sous_60 / n_non_noirs

# %% mistake="part_noirs_sous_60" session="formative"
# message : numérateur et dénominateur inversés
part_noirs_sous_60 = n_noirs / n_noirs_passent_sous_60

# %% mistake="part_noirs_sous_60" session="formative"
# message : vous avez donné un nombre de patients
part_noirs_sous_60 = n_noirs_passent_sous_60

# %% mistake="part_noirs_sous_60"
# message : vous avez divisé par les patients non noirs
part_noirs_sous_60 = n_noirs_passent_sous_60 / n_non_noirs

# %% [markdown]
# ### Combien de patients, à quelques-uns près ?
#
# Nos 5 000 patients sont comme un **échantillon** tiré d'une population (ici, la population
# synthétique de la fiche) : un autre tirage aurait donné une part un peu
# différente. La part comptée **estime** celle de toute la population. Son **intervalle de
# confiance à 95 %** (méthode « exacte » de Clopper et Pearson, 1934) mesure l'incertitude du
# tirage, et seulement elle : il ne dit pas si nos patients ressemblent à ceux d'un hôpital.
# En refaisant le tirage bien des fois, environ 95 intervalles sur 100 (un peu plus : la
# méthode est prudente) contiendraient la part cherchée. La cellule le calcule aux seuils
# de 60 et de 20.

# %% jupyter={"source_hidden": true} session="formative"
# Inutile de lire ce code (replié) : parts et intervalles à 95 % (exacts), patients noirs.
def part_et_intervalle(k, n):
    """« k sur n, soit p ; intervalle à 95 % de a à b » (intervalle exact de Clopper-Pearson)."""
    bas, haut = binomtest(k, n).proportion_ci(confidence_level=0.95, method="exact")
    return (f"{k} sur {n}, soit {fr_percent(k / n, 2)} ; intervalle à 95 % de "
            f"{fr_percent(bas, 2)} à {fr_percent(haut, 2)}")


passe_sous_20 = (d09 > SEUIL_GREFFE) & (d21 <= SEUIL_GREFFE)
n_noirs_passent_sous_20 = int((noirs & passe_sous_20).sum())
if checks.passed("part_noirs_sous_60"):
    print("Seuil de 60 : " + part_et_intervalle(n_noirs_passent_sous_60, n_noirs) + ".")
    print("Seuil de 20 : " + part_et_intervalle(n_noirs_passent_sous_20, n_noirs) + ".")
    print(f"Patients non noirs passés à 20 ou moins : {int((~noirs & passe_sous_20).sum())}.")
else:
    print("Les parts et leurs intervalles (seuils de 60 et de 20) s'afficheront ici quand la "
          "vérification de la question 3 aura dit « juste » : relancez alors cette cellule (en "
          "séance évaluée, elles restent masquées).")
    print("En attendant, un exemple sur d'autres nombres que ceux de votre cohorte, qui se lit "
          "de même (question 4) : " + part_et_intervalle(60, 1_200) + ".")

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : la part des patients noirs de votre cohorte que le
# changement d'équation fait passer à 20 ou moins, et son intervalle à 95 % (exact).
def part_et_intervalle(k, n):
    """« k sur n, soit p ; intervalle à 95 % de a à b » (intervalle exact de Clopper-Pearson)."""
    bas, haut = binomtest(k, n).proportion_ci(confidence_level=0.95, method="exact")
    return (f"{k} sur {n}, soit {fr_percent(k / n, 2)} ; intervalle à 95 % de "
            f"{fr_percent(bas, 2)} à {fr_percent(haut, 2)}")


passe_sous_20 = (d09 > SEUIL_GREFFE) & (d21 <= SEUIL_GREFFE)
n_noirs_passent_sous_20 = int((noirs & passe_sous_20).sum())
print("Votre cohorte, patients noirs que l'équation 2021 fait passer à 20 ou moins (2009 : plus "
      "de 20), parmi tous les patients noirs : " + part_et_intervalle(n_noirs_passent_sous_20, n_noirs)
      + ".")
print("C'est l'intervalle de la question 4 ; celui de la part de la question 3 (seuil de 60) se "
      "lit de la même façon (il reste masqué pendant la séance : il donnerait la réponse).")

# %% [markdown] session="formative"
# ### Question 4 — Ce que l'intervalle voit, et ce qu'il ne voit pas (1 point)
#
# Pour chaque affirmation sur l'intervalle à 95 % de la part de la question 3 (tant qu'il ne
# s'affiche pas, lisez l'exemple affiché ci-dessus : il se lit de la même façon), écrivez entre
# guillemets droits `"oui"` (juste) ou `"non"` (fausse). Note partielle : chaque item faux
# annule un item juste ; un item laissé `...` ne rapporte ni ne retire rien.

# %% [markdown] session="evaluation"
# ### Question 4 — Ce que l'intervalle voit, et ce qu'il ne voit pas (1 point)
#
# Les affirmations portent sur l'intervalle à 95 % affiché ci-dessus, celui de **votre**
# cohorte (la part des patients noirs passés à 20 ou moins) ; la cellule repliée ci-dessous
# les affiche sous des lettres. Pour chacune, écrivez `"oui"` (juste) ou `"non"` (fausse).
# **De 0 à 4 sont justes selon la copie** : jugez chacune pour elle-même. Chaque item faux
# annule un item juste ; un item laissé `...` ne compte pas.

# %% [markdown]
# <details><summary>Indice 1</summary>
#
# La cellule calcule l'intervalle à partir de deux nombres seulement, « k sur n » (compter
# k patients parmi n). Quelles informations ces deux nombres contiennent-ils, et lesquelles
# n'y sont pas ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Pour chaque affirmation, demandez-vous ce qu'elle change : le nombre de patients comptés,
# les patients tirés, ou les règles de la fiche qui les fabriquent ?
# </details>

# %% answer="lecture_intervalle" session="formative"
lecture_intervalle = {
    "il tient compte du hasard qui a mis ces patients-là dans la cohorte, plutôt que d'autres fabriqués de même": ...,
    "avec quatre fois moins de patients noirs et la même part, il serait plus large": ...,
    "si les règles de la fiche avaient donné des créatinines trop hautes à tous les patients, il l'aurait signalé": ...,
    "la part d'un hôpital français se trouverait, avec 95 % de confiance, dans cet intervalle": ...,
}
### BEGIN SOLUTION
lecture_intervalle = {
    "il tient compte du hasard qui a mis ces patients-là dans la cohorte, plutôt que d'autres fabriqués de même": "oui",
    "avec quatre fois moins de patients noirs et la même part, il serait plus large": "oui",
    "si les règles de la fiche avaient donné des créatinines trop hautes à tous les patients, il l'aurait signalé": "non",
    "la part d'un hôpital français se trouverait, avec 95 % de confiance, dans cet intervalle": "non",
}
### END SOLUTION

# %% tests="lecture_intervalle" points=1 session="formative"
# Vérification de la question 4 : exécutez cette cellule.
checks.check_choices(
    lecture_intervalle,
    name="lecture_intervalle",
    options=["oui", "non"],
    digests={
        "il tient compte du hasard qui a mis ces patients-là dans la cohorte, plutôt que d'autres fabriqués de même": "82215e5ebd3482c4",
        "avec quatre fois moins de patients noirs et la même part, il serait plus large": "6ec0da6084c8278d",
        "si les règles de la fiche avaient donné des créatinines trop hautes à tous les patients, il l'aurait signalé": "03245de8f03db26c",
        "la part d'un hôpital français se trouverait, avec 95 % de confiance, dans cet intervalle": "2c9f9c1d73196cd4",
    },
    mistakes={
        "il tient compte du hasard qui a mis ces patients-là dans la cohorte, plutôt que d'autres fabriqués de même": [
            checks.Mistake(None, "revoyez ce que contiennent les deux nombres k et n, et ce qui n'y est pas "
                           "(indice 1) : pour chaque affirmation, demandez-vous si elle parle du "
                           "hasard du tirage, du nombre de patients, des règles de la fiche ou "
                           "d'autres patients que les nôtres.", digest="d038557ade64af06"),
        ],
        "avec quatre fois moins de patients noirs et la même part, il serait plus large": [
            checks.Mistake(None, "revoyez ce que contiennent les deux nombres k et n, et ce qui n'y est pas "
                           "(indice 1) : pour chaque affirmation, demandez-vous si elle parle du "
                           "hasard du tirage, du nombre de patients, des règles de la fiche ou "
                           "d'autres patients que les nôtres.", digest="602d9350bc408cec"),
        ],
        "si les règles de la fiche avaient donné des créatinines trop hautes à tous les patients, il l'aurait signalé": [
            checks.Mistake(None, "revoyez ce que contiennent les deux nombres k et n, et ce qui n'y est pas "
                           "(indice 1) : pour chaque affirmation, demandez-vous si elle parle du "
                           "hasard du tirage, du nombre de patients, des règles de la fiche ou "
                           "d'autres patients que les nôtres.", digest="496932933ec457b2"),
        ],
        "la part d'un hôpital français se trouverait, avec 95 % de confiance, dans cet intervalle": [
            checks.Mistake(None, "revoyez ce que contiennent les deux nombres k et n, et ce qui n'y est pas "
                           "(indice 1) : pour chaque affirmation, demandez-vous si elle parle du "
                           "hasard du tirage, du nombre de patients, des règles de la fiche ou "
                           "d'autres patients que les nôtres.", digest="3c0eb149e5b83739"),
        ],
    },
    success="l'intervalle ne prend en compte qu'une incertitude : le hasard qui a produit ces "
    "patients-là plutôt que d'autres, d'autant plus grande que n est petit. Il ne dit ni si les "
    "règles de la fiche sont justes, ni ce qui se passerait dans un hôpital réel, ni laquelle "
    "des deux équations a raison.",
    points=1,
)
### BEGIN HIDDEN TESTS
checks.check_choices(
    lecture_intervalle,
    name="lecture_intervalle",
    options=["oui", "non"],
    expected={
        "il tient compte du hasard qui a mis ces patients-là dans la cohorte, plutôt que d'autres fabriqués de même": "oui",
        "avec quatre fois moins de patients noirs et la même part, il serait plus large": "oui",
        "si les règles de la fiche avaient donné des créatinines trop hautes à tous les patients, il l'aurait signalé": "non",
        "la part d'un hôpital français se trouverait, avec 95 % de confiance, dans cet intervalle": "non",
    },
    points=1,
)
### END HIDDEN TESTS

# %% mistake="lecture_intervalle" session="formative"
# message : ce que contiennent les deux nombres k et n
# (deux items faux : avec la note corrigée du hasard, deux justes et deux faux valent 0)
lecture_intervalle = {
    "il tient compte du hasard qui a mis ces patients-là dans la cohorte, plutôt que d'autres fabriqués de même": "oui",
    "avec quatre fois moins de patients noirs et la même part, il serait plus large": "oui",
    "si les règles de la fiche avaient donné des créatinines trop hautes à tous les patients, il l'aurait signalé": "oui",
    "la part d'un hôpital français se trouverait, avec 95 % de confiance, dans cet intervalle": "oui",
}

# %% mistake="lecture_intervalle" session="formative"
# message : du nombre de patients
# (deux items faux : avec la note corrigée du hasard, deux justes et deux faux valent 0)
lecture_intervalle = {
    "il tient compte du hasard qui a mis ces patients-là dans la cohorte, plutôt que d'autres fabriqués de même": "non",
    "avec quatre fois moins de patients noirs et la même part, il serait plus large": "non",
    "si les règles de la fiche avaient donné des créatinines trop hautes à tous les patients, il l'aurait signalé": "non",
    "la part d'un hôpital français se trouverait, avec 95 % de confiance, dans cet intervalle": "non",
}

# %% mistake="lecture_intervalle" session="formative"
# message : d'autres patients que les nôtres
# (deux items faux : avec la note corrigée du hasard, deux justes et deux faux valent 0)
lecture_intervalle = {
    "il tient compte du hasard qui a mis ces patients-là dans la cohorte, plutôt que d'autres fabriqués de même": "non",
    "avec quatre fois moins de patients noirs et la même part, il serait plus large": "oui",
    "si les règles de la fiche avaient donné des créatinines trop hautes à tous les patients, il l'aurait signalé": "non",
    "la part d'un hôpital français se trouverait, avec 95 % de confiance, dans cet intervalle": "oui",
}

# %% mistake="lecture_intervalle" session="formative"
# message : hasard du tirage
# (deux items faux : avec la note corrigée du hasard, deux justes et deux faux valent 0)
lecture_intervalle = {
    "il tient compte du hasard qui a mis ces patients-là dans la cohorte, plutôt que d'autres fabriqués de même": "non",
    "avec quatre fois moins de patients noirs et la même part, il serait plus large": "oui",
    "si les règles de la fiche avaient donné des créatinines trop hautes à tous les patients, il l'aurait signalé": "oui",
    "la part d'un hôpital français se trouverait, avec 95 % de confiance, dans cet intervalle": "non",
}


# %% session="evaluation" jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il tire les affirmations de la question 4 de votre copie
# et les affiche sous des lettres. Exécutez-le (Maj + Entrée).
import textwrap


def _afficher_q4():
    from esn_teach.datasets._egfr_tasks import _question_4_statements

    print("Question 4 : vos affirmations, tirées pour votre copie (celles de vos voisins "
          "peuvent différer) ; répondez pour chaque lettre.")
    for lettre, texte in _question_4_statements(GRAINE).items():
        print(textwrap.fill(f"{lettre} : {texte}", width=90, subsequent_indent="    "))


_afficher_q4()

# %% answer="lecture_intervalle" session="evaluation"
# Une réponse par lettre, "oui" (juste) ou "non" (fausse) : les affirmations sont affichées
# au-dessus.
lecture_intervalle = {"A": ..., "B": ..., "C": ..., "D": ...}
### BEGIN SOLUTION
import hashlib

from esn_teach.datasets._egfr_tasks import _question_4_statements

# The right statements, by the digest of their text (sha256, 12 hex digits; the hidden test
# holds the same table; the package has the texts only): the interval sees chance and shrinks
# as n grows; it sees neither a bias of the sheet's rules nor a real hospital.
_justes_q4 = {"10bfcd378d8d", "b981e9e46492", "7d11a16c9bfa", "7c7dfb4dd955"}
lecture_intervalle = {lettre: "oui" if hashlib.sha256(texte.encode()).hexdigest()[:12] in _justes_q4 else "non"
                      for lettre, texte in _question_4_statements(GRAINE).items()}
### END SOLUTION

# %% tests="lecture_intervalle" points=1 session="evaluation"
# Vérification de la question 4 : exécutez cette cellule.
checks.check_form(lecture_intervalle, name="lecture_intervalle", kind="choices", options=["oui", "non"],
                  items=["A", "B", "C", "D"])
### BEGIN HIDDEN TESTS
import hashlib

from esn_teach.datasets._egfr_tasks import _question_4_statements as _enonces_q4

# Each notion (chance, size, bias of the sheet's rules, a real hospital) has a right and a
# wrong statement in the package's bank, which returns the drawn texts only (a copy has 0 to 4
# right statements). Which text is right, and its notion, are here, never in the package: a
# table from the digest of each text (sha256, 12 hex digits) to its notion, and the digests
# of the right texts.
_notion_q4 = {"10bfcd378d8d": "hasard", "c42f67d12182": "hasard", "4a350f8d7a35": "taille", "b981e9e46492": "taille", "7d11a16c9bfa": "biais", "6e7882dfc129": "biais", "36ee853e0057": "hopital", "7c7dfb4dd955": "hopital"}
_vraies_q4 = {"10bfcd378d8d", "b981e9e46492", "7d11a16c9bfa", "7c7dfb4dd955"}
_empreintes_q4 = {_lettre: hashlib.sha256(_texte.encode()).hexdigest()[:12]
                  for _lettre, _texte in _enonces_q4(checks.student_seed("07", announce=False)).items()}
_cles_cachees = {_lettre: "oui" if _e in _vraies_q4 else "non" for _lettre, _e in _empreintes_q4.items()}
# One message per notion (lecturer d19, finding 6): each names what to revise, none says
# which statement is right.
_messages_q4 = {
    "hasard": "revoyez (section 3) ce que fait le hasard : un autre tirage, d'autres patients, une autre part ; et ce que promet « à 95 % » : une propriété de la méthode, sur beaucoup de tirages.",
    "taille": "revoyez (section 3) ce que change le nombre de patients n, à part égale, sur la largeur de l'intervalle.",
    "biais": "revoyez (section 3) ce que l'intervalle mesure : le hasard du tirage ; une erreur dans les données elles-mêmes, le voit-il ?",
    "hopital": "revoyez (section 3) ce que l'on estime : la part dans la population synthétique dont on tire ; des patients réels d'un hôpital en sont-ils tirés ?",
}
checks.check_choices(
    lecture_intervalle, name="lecture_intervalle", options=["oui", "non"],
    expected=_cles_cachees,
    mistakes={
        _lettre: [checks.Mistake("non" if _cle == "oui" else "oui", _messages_q4[_notion_q4[_empreintes_q4[_lettre]]])]
        for _lettre, _cle in _cles_cachees.items()
    },
    points=1,
)
### END HIDDEN TESTS

# %% mistake="lecture_intervalle" session="evaluation"
# message : revoyez (section 3)
# (every item inverted: the wrong statements answered « oui »)
import hashlib

from esn_teach.datasets._egfr_tasks import _question_4_statements

_justes_q4 = {"c42f67d12182", "4a350f8d7a35", "6e7882dfc129", "36ee853e0057"}
lecture_intervalle = {lettre: "oui" if hashlib.sha256(texte.encode()).hexdigest()[:12] in _justes_q4 else "non"
                      for lettre, texte in _question_4_statements(GRAINE).items()}

# %% mistake="lecture_intervalle" session="evaluation"
# message : revoyez (section 3)
# (the item on the size of n inverted, « more patients, wider »; the others right)
import hashlib

from esn_teach.datasets._egfr_tasks import _question_4_statements

_justes_q4 = {"10bfcd378d8d", "4a350f8d7a35", "7d11a16c9bfa", "7c7dfb4dd955"}
lecture_intervalle = {lettre: "oui" if hashlib.sha256(texte.encode()).hexdigest()[:12] in _justes_q4 else "non"
                      for lettre, texte in _question_4_statements(GRAINE).items()}

# %% mistake="lecture_intervalle" session="evaluation"
# message : revoyez (section 3)
# (the interval taken for a guard against the sheet's bias and for a real hospital)
import hashlib

from esn_teach.datasets._egfr_tasks import _question_4_statements

_justes_q4 = {"10bfcd378d8d", "b981e9e46492", "6e7882dfc129", "36ee853e0057"}
lecture_intervalle = {lettre: "oui" if hashlib.sha256(texte.encode()).hexdigest()[:12] in _justes_q4 else "non"
                      for lettre, texte in _question_4_statements(GRAINE).items()}

# %% [markdown]
# ## 4. Pourquoi la race était dans l'équation, et pourquoi elle en est sortie
#
# En 2009, dans les données américaines de développement, à créatinine égale, le DFG
# **mesuré** des participants noirs était en moyenne plus élevé : l'équation l'a traduit par
# un coefficient appliqué selon la **race déclarée**. L'explication avancée : une masse
# musculaire, donc une créatinine, plus élevée en moyenne (Delanaye et al., 2011 ; AACC,
# 2022). Mais la catégorie déclarée ne mesure pas le muscle du patient : Inker et al. (2021)
# rappellent que la race est une **construction sociale**, pas une mesure biologique, et
# proposent une équation **réestimée** sans race (compléments après la séance).
#
# %% [markdown] session="formative"
# ### Question 5 — Ce que les seuils décident pour M. A. (2 points)
#
# Placez les DFGe de M. A. (questions 1 et 2) par rapport aux seuils de la section 1. Pour
# chaque affirmation, écrivez entre guillemets droits `"oui"` (juste) ou `"non"` (fausse).
# Note partielle : chaque item faux annule un item juste (répondre au hasard rapporte donc
# peu) ; un item laissé `...` ne rapporte ni ne retire rien.

# %% [markdown] session="evaluation"
# ### Question 5 — Les seuils pour M. A., et le coefficient de 2009 (2 points)
#
# La cellule repliée ci-dessous affiche quatre affirmations : deux placent les DFGe
# **indexés** de **votre** M. A. (questions 1 et 2) par rapport aux seuils de la section 1,
# deux portent sur le coefficient de 2009 (sections 1 et 4). Écrivez `"oui"` (juste) ou
# `"non"` (fausse) pour chacune ; **de 0 à 4 sont justes selon la copie**. Chaque item faux
# annule un item juste ; un item laissé `...` ne compte pas.

# %% [markdown]
# <details><summary>Indice 1</summary>
#
# Pour chaque affirmation, retrouvez le passage qui en décide : en section 1, le seuil de la
# décision (stade, dose, greffe) ou ce qui a changé entre 2009 et 2021 ; en section 4, d'où
# venait le coefficient et pourquoi il est sorti. Puis placez-y M. A.
# </details>
#
# <details><summary>Indice 2</summary>
#
# L'équation 2021 est-elle l'équation 2009 moins son coefficient ? Relisez la dernière phrase
# de la section 1, ou faites le calcul avec les deux fonctions.
# </details>

# %% answer="decisions_m_a" session="formative"
decisions_m_a = {
    "avec l'équation 2021, si ce DFGe se confirmait, la metformine lui serait contre-indiquée": ...,
    "avec l'équation 2021, si ce DFGe durait plus de 3 mois, il serait classé en stade G3a": ...,
    "inscrit pour une greffe aux États-Unis, il resterait au-dessus de 20 mL/min avec les deux équations": ...,
    "sans son coefficient, l'équation 2009 lui donnerait le même DFGe que l'équation 2021": ...,
}
### BEGIN SOLUTION
decisions_m_a = {
    "avec l'équation 2021, si ce DFGe se confirmait, la metformine lui serait contre-indiquée": "non",
    "avec l'équation 2021, si ce DFGe durait plus de 3 mois, il serait classé en stade G3a": "oui",
    "inscrit pour une greffe aux États-Unis, il resterait au-dessus de 20 mL/min avec les deux équations": "oui",
    "sans son coefficient, l'équation 2009 lui donnerait le même DFGe que l'équation 2021": "non",
}
### END SOLUTION

# %% tests="decisions_m_a" points=2 session="formative"
# Vérification de la question 5 : exécutez cette cellule.
checks.check_choices(
    decisions_m_a,
    name="decisions_m_a",
    options=["oui", "non"],
    digests={
        "avec l'équation 2021, si ce DFGe se confirmait, la metformine lui serait contre-indiquée": "fbe2c811a511f8aa",
        "avec l'équation 2021, si ce DFGe durait plus de 3 mois, il serait classé en stade G3a": "a42793d894b02b33",
        "inscrit pour une greffe aux États-Unis, il resterait au-dessus de 20 mL/min avec les deux équations": "1a01ae9a41e3bcb9",
        "sans son coefficient, l'équation 2009 lui donnerait le même DFGe que l'équation 2021": "15d270eda7118144",
    },
    mistakes={
        "avec l'équation 2021, si ce DFGe se confirmait, la metformine lui serait contre-indiquée": [
            checks.Mistake(None, "revoyez les seuils de la section 1 (30, 45 à 59 pendant plus de 3 "
                           "mois, 20) et placez-y les DFGe de M. A. des questions 1 et 2 ; relisez "
                           "aussi ce que l'équation 2021 a changé, en plus du coefficient.", digest="26f84e00d47aa42b"),
        ],
        "avec l'équation 2021, si ce DFGe durait plus de 3 mois, il serait classé en stade G3a": [
            checks.Mistake(None, "revoyez les seuils de la section 1 (30, 45 à 59 pendant plus de 3 "
                           "mois, 20) et placez-y les DFGe de M. A. des questions 1 et 2 ; relisez "
                           "aussi ce que l'équation 2021 a changé, en plus du coefficient.", digest="e662862a7f0a0297"),
        ],
        "inscrit pour une greffe aux États-Unis, il resterait au-dessus de 20 mL/min avec les deux équations": [
            checks.Mistake(None, "revoyez les seuils de la section 1 (30, 45 à 59 pendant plus de 3 "
                           "mois, 20) et placez-y les DFGe de M. A. des questions 1 et 2 ; relisez "
                           "aussi ce que l'équation 2021 a changé, en plus du coefficient.", digest="20f4d61851b42535"),
        ],
        "sans son coefficient, l'équation 2009 lui donnerait le même DFGe que l'équation 2021": [
            checks.Mistake(None, "revoyez les seuils de la section 1 (30, 45 à 59 pendant plus de 3 "
                           "mois, 20) et placez-y les DFGe de M. A. des questions 1 et 2 ; relisez "
                           "aussi ce que l'équation 2021 a changé, en plus du coefficient.", digest="0022578b2e31f340"),
        ],
    },
    success="pour M. A., changer d'équation peut toucher la dose de metformine (seuil de 60, en "
    "mL/min) et, si la baisse dure plus de 3 mois, le stade ; ni la contre-indication (30) ni "
    "la greffe (20), trop loin. Et passer de 2009 avec coefficient à 2021 mêle deux effets : "
    "retirer le coefficient (la grande baisse), puis réestimer les autres coefficients (une "
    "petite remontée pour la plupart des patients, pas pour tous).",
    points=2,
)
### BEGIN HIDDEN TESTS
checks.check_choices(
    decisions_m_a,
    name="decisions_m_a",
    options=["oui", "non"],
    expected={
        "avec l'équation 2021, si ce DFGe se confirmait, la metformine lui serait contre-indiquée": "non",
        "avec l'équation 2021, si ce DFGe durait plus de 3 mois, il serait classé en stade G3a": "oui",
        "inscrit pour une greffe aux États-Unis, il resterait au-dessus de 20 mL/min avec les deux équations": "oui",
        "sans son coefficient, l'équation 2009 lui donnerait le même DFGe que l'équation 2021": "non",
    },
    points=2,
)
### END HIDDEN TESTS

# %% mistake="decisions_m_a" session="formative"
# message : revoyez les seuils de la section 1
# (deux items faux : avec la note corrigée du hasard, deux justes et deux faux valent 0)
decisions_m_a = {
    "avec l'équation 2021, si ce DFGe se confirmait, la metformine lui serait contre-indiquée": "oui",
    "avec l'équation 2021, si ce DFGe durait plus de 3 mois, il serait classé en stade G3a": "oui",
    "inscrit pour une greffe aux États-Unis, il resterait au-dessus de 20 mL/min avec les deux équations": "oui",
    "sans son coefficient, l'équation 2009 lui donnerait le même DFGe que l'équation 2021": "oui",
}

# %% mistake="decisions_m_a" session="formative"
# message : placez-y les DFGe de M. A.
# (deux items faux : avec la note corrigée du hasard, deux justes et deux faux valent 0)
decisions_m_a = {
    "avec l'équation 2021, si ce DFGe se confirmait, la metformine lui serait contre-indiquée": "non",
    "avec l'équation 2021, si ce DFGe durait plus de 3 mois, il serait classé en stade G3a": "non",
    "inscrit pour une greffe aux États-Unis, il resterait au-dessus de 20 mL/min avec les deux équations": "non",
    "sans son coefficient, l'équation 2009 lui donnerait le même DFGe que l'équation 2021": "non",
}

# %% mistake="decisions_m_a" session="formative"
# message : ce que l'équation 2021 a changé
# (deux items faux : avec la note corrigée du hasard, deux justes et deux faux valent 0)
decisions_m_a = {
    "avec l'équation 2021, si ce DFGe se confirmait, la metformine lui serait contre-indiquée": "non",
    "avec l'équation 2021, si ce DFGe durait plus de 3 mois, il serait classé en stade G3a": "oui",
    "inscrit pour une greffe aux États-Unis, il resterait au-dessus de 20 mL/min avec les deux équations": "non",
    "sans son coefficient, l'équation 2009 lui donnerait le même DFGe que l'équation 2021": "oui",
}

# %% mistake="decisions_m_a" session="formative"
# message : 45 à 59 pendant plus de 3
# (deux items faux : avec la note corrigée du hasard, deux justes et deux faux valent 0)
decisions_m_a = {
    "avec l'équation 2021, si ce DFGe se confirmait, la metformine lui serait contre-indiquée": "oui",
    "avec l'équation 2021, si ce DFGe durait plus de 3 mois, il serait classé en stade G3a": "non",
    "inscrit pour une greffe aux États-Unis, il resterait au-dessus de 20 mL/min avec les deux équations": "oui",
    "sans son coefficient, l'équation 2009 lui donnerait le même DFGe que l'équation 2021": "non",
}


# %% session="evaluation" jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il tire les affirmations de la question 5 de votre
# copie et les affiche sous des lettres. Exécutez-le (Maj + Entrée).
import textwrap


def _afficher_q5():
    from esn_teach.datasets._egfr_tasks import _question_5_statements

    print("Question 5 : vos affirmations, tirées pour votre copie (celles de vos voisins "
          "peuvent différer) ; répondez pour chaque lettre.")
    for lettre, texte in _question_5_statements(GRAINE).items():
        print(textwrap.fill(f"{lettre} : {texte}", width=90, subsequent_indent="    "))


_afficher_q5()

# %% answer="decisions_m_a" session="evaluation"
# Une réponse par lettre, "oui" (juste) ou "non" (fausse) : les affirmations sont affichées
# au-dessus.
decisions_m_a = {"A": ..., "B": ..., "C": ..., "D": ...}
### BEGIN SOLUTION
import hashlib

from esn_teach.datasets import egfr_ckd_epi_2009, egfr_ckd_epi_2021
from esn_teach.datasets._egfr_tasks import _copy_creatinines, _question_5_statements

# Digest of each statement's text (sha256, 12 hex digits) -> (slot, condition that makes it
# right), as in the hidden test; the package returns the drawn texts only.
_conditions_q5 = {
    "4b03fe7d7f7c": ("histoire", "g3a_2021"), "755dd931bd52": ("histoire", "bascule"),
    "1b8c0207c84f": ("histoire", "ge60_2021"), "5b1705f102e4": ("histoire", "meme_cote"),
    "d588775be83d": ("2009", "lt60_2009"), "c34f419a04c0": ("2009", "ge60_2009"),
    "4595d587ce5b": ("2009", "lt60_2009"), "45f0b30391e4": ("2009", "ge60_2009"),
    "eb90f1da0cf3": ("effet", "faux"), "0538ea71f3fa": ("effet", "vrai"),
    "91d9910f0c7b": ("effet", "vrai"), "dbf19964ef40": ("effet", "faux"),
    "44935d93aa29": ("retrait", "vrai"), "1b620036bd41": ("retrait", "faux"),
    "9342f8591afc": ("retrait", "faux"), "0ac40c852c3c": ("retrait", "vrai"),
}
_age, _creat, _ = _copy_creatinines(GRAINE)
_d21 = float(egfr_ckd_epi_2021(_creat / 88.4, _age, False))
_d09 = float(egfr_ckd_epi_2009(_creat / 88.4, _age, False, True))
_vrai = {  # condition -> is it met for this copy
        "g3a_2021": 45 <= _d21 < 60, "ge60_2021": _d21 >= 60,
        "bascule": _d09 >= 60 > _d21, "meme_cote": (_d09 >= 60) == (_d21 >= 60),
        "lt60_2009": _d09 < 60, "ge60_2009": _d09 >= 60, "vrai": True, "faux": False,
    }
_cases_q5 = {lettre: _conditions_q5[hashlib.sha256(texte.encode()).hexdigest()[:12]]
             for lettre, texte in _question_5_statements(GRAINE).items()}
decisions_m_a = {lettre: "oui" if _vrai[condition] else "non"
                 for lettre, (_, condition) in _cases_q5.items()}
### END SOLUTION

# %% tests="decisions_m_a" points=2 session="evaluation"
# Vérification de la question 5 : exécutez cette cellule.
checks.check_form(decisions_m_a, name="decisions_m_a", kind="choices", options=["oui", "non"],
                  items=["A", "B", "C", "D"])
### BEGIN HIDDEN TESTS
import hashlib

from esn_teach.datasets import egfr_ckd_epi_2009, egfr_ckd_epi_2021
from esn_teach.datasets._egfr_tasks import _copy_creatinines
from esn_teach.datasets._egfr_tasks import _question_5_statements as _enonces_q5

# The package draws one text per slot from the seed alone and returns the texts only (lecturer
# d21, finding 1 and the rule on keys): which condition makes each text right is here, from
# the digest of its text (sha256, 12 hex digits). Two slots place the copy's own DFGe (exact
# conversion: the draw admits no M. A. within one unit of a threshold, so a DFGe read at 0,1
# or a creatinine converted at 0,01 mg/dL changes no key; tests/modules/test_module_07.py);
# two are on the 2009 coefficient (objective 2), right or wrong whatever the copy. Each
# reserve is shuffled, so a copy has 0 to 4 right statements.
_conditions_q5 = {
    "4b03fe7d7f7c": ("histoire", "g3a_2021"), "755dd931bd52": ("histoire", "bascule"),
    "1b8c0207c84f": ("histoire", "ge60_2021"), "5b1705f102e4": ("histoire", "meme_cote"),
    "d588775be83d": ("2009", "lt60_2009"), "c34f419a04c0": ("2009", "ge60_2009"),
    "4595d587ce5b": ("2009", "lt60_2009"), "45f0b30391e4": ("2009", "ge60_2009"),
    "eb90f1da0cf3": ("effet", "faux"), "0538ea71f3fa": ("effet", "vrai"),
    "91d9910f0c7b": ("effet", "vrai"), "dbf19964ef40": ("effet", "faux"),
    "44935d93aa29": ("retrait", "vrai"), "1b620036bd41": ("retrait", "faux"),
    "9342f8591afc": ("retrait", "faux"), "0ac40c852c3c": ("retrait", "vrai"),
}
_age, _creat, _ = _copy_creatinines(checks.student_seed("07", announce=False))
_mg = _creat / 88.4
_cases_q5 = {_lettre: _conditions_q5[hashlib.sha256(_texte.encode()).hexdigest()[:12]]
             for _lettre, _texte in _enonces_q5(checks.student_seed("07", announce=False)).items()}


def _cles_q5(_x, _femme):
    """The copy's keys when M. A.'s DFGe are computed from creatinine _x (mg/dL) and _femme."""
    _d21 = float(egfr_ckd_epi_2021(_x, _age, _femme))
    _d09 = float(egfr_ckd_epi_2009(_x, _age, _femme, True))
    _vrai = {  # condition -> is it met for this copy
        "g3a_2021": 45 <= _d21 < 60, "ge60_2021": _d21 >= 60,
        "bascule": _d09 >= 60 > _d21, "meme_cote": (_d09 >= 60) == (_d21 >= 60),
        "lt60_2009": _d09 < 60, "ge60_2009": _d09 >= 60, "vrai": True, "faux": False,
    }
    return {_lettre: "oui" if _vrai[_condition] else "non"
            for _lettre, (_, _condition) in _cases_q5.items()}


_cles_cachees = _cles_q5(_mg, False)
_reporte_q5 = None
# Carried forward, as in questions 2 and 7 (lecturer's review d18): when question 1 shows a
# named input error (creatinine rounded to 0,1 mg/dL; femme=True), the copy is also graded
# with the keys of the DFGe that error gives, and keeps the better of the two grades: placing
# one's own DFGe by the thresholds is not counted wrong a second time.
try:  # question 1's answer; its cell may have stopped on an error
    _q1_eleve = dfg_2021_m_a
except NameError:
    _q1_eleve = None
if isinstance(_q1_eleve, (int, float)) and not isinstance(_q1_eleve, bool) and math.isfinite(_q1_eleve) and isinstance(decisions_m_a, dict):
    # Plausible slips only (lecturer d19, finding 2): an unconverted or inverted creatinine
    # gives an impossible DFGe (below 2), whose placement by the thresholds is not carried over.
    for _x, _femme in [(round(_mg, 1), False), (_mg, True)]:
        if round(_q1_eleve, 1) == round(float(egfr_ckd_epi_2021(_x, _age, _femme)), 1):
            _cles_report = _cles_q5(_x, _femme)
            _justes = [sum(decisions_m_a.get(_l) == _c[_l] for _l in _c) for _c in (_cles_cachees, _cles_report)]
            if _justes[1] > _justes[0]:
                _cles_cachees = _cles_report
                _reporte_q5 = ("juste avec les DFGe de votre question 1, elle-même fausse : points "
                               "accordés, l'erreur de la question 1 n'est comptée qu'une fois.")
                print("Question 5 jugée avec les DFGe que donne votre erreur de la question 1 : "
                      "elle n'est pas comptée deux fois.")
            break
# One message per slot: each says what to re-read, none says which statement is right.
_messages_q5 = {
    "histoire": "placez les DFGe de votre M. A. (questions 1 et 2) par rapport à 60 et 45 : relisez « Trois seuils, trois décisions » (section 1).",
    "2009": "placez le DFGe 2009 avec son coefficient de votre M. A. (question 2) par rapport à 60 : relisez « Trois seuils, trois décisions » (section 1).",
    "effet": "relisez la fin de la section 1 : ce que fait le coefficient de 2009, et selon quoi il s'applique.",
    "retrait": "relisez la section 4 et la dernière phrase de la section 1 : pourquoi le coefficient est sorti, et ce qui a changé en 2021.",
}
checks.check_choices(
    decisions_m_a, name="decisions_m_a", options=["oui", "non"],
    expected=_cles_cachees,
    mistakes={
        _lettre: [checks.Mistake("non" if _cles_cachees[_lettre] == "oui" else "oui", _messages_q5[_case])]
        for _lettre, (_case, _) in _cases_q5.items()
    },
    carried_over=_reporte_q5,
    points=2,
)
### END HIDDEN TESTS

# %% mistake="decisions_m_a" session="evaluation"
# message : relisez
# (every item inverted)
import hashlib

from esn_teach.datasets import egfr_ckd_epi_2009, egfr_ckd_epi_2021
from esn_teach.datasets._egfr_tasks import _copy_creatinines, _question_5_statements

# Digest of each statement's text (sha256, 12 hex digits) -> (slot, condition that makes it
# right), as in the hidden test; the package returns the drawn texts only.
_conditions_q5 = {
    "4b03fe7d7f7c": ("histoire", "g3a_2021"), "755dd931bd52": ("histoire", "bascule"),
    "1b8c0207c84f": ("histoire", "ge60_2021"), "5b1705f102e4": ("histoire", "meme_cote"),
    "d588775be83d": ("2009", "lt60_2009"), "c34f419a04c0": ("2009", "ge60_2009"),
    "4595d587ce5b": ("2009", "lt60_2009"), "45f0b30391e4": ("2009", "ge60_2009"),
    "eb90f1da0cf3": ("effet", "faux"), "0538ea71f3fa": ("effet", "vrai"),
    "91d9910f0c7b": ("effet", "vrai"), "dbf19964ef40": ("effet", "faux"),
    "44935d93aa29": ("retrait", "vrai"), "1b620036bd41": ("retrait", "faux"),
    "9342f8591afc": ("retrait", "faux"), "0ac40c852c3c": ("retrait", "vrai"),
}
_age, _creat, _ = _copy_creatinines(GRAINE)
_d21 = float(egfr_ckd_epi_2021(_creat / 88.4, _age, False))
_d09 = float(egfr_ckd_epi_2009(_creat / 88.4, _age, False, True))
_vrai = {  # condition -> is it met for this copy
        "g3a_2021": 45 <= _d21 < 60, "ge60_2021": _d21 >= 60,
        "bascule": _d09 >= 60 > _d21, "meme_cote": (_d09 >= 60) == (_d21 >= 60),
        "lt60_2009": _d09 < 60, "ge60_2009": _d09 >= 60, "vrai": True, "faux": False,
    }
_cases_q5 = {lettre: _conditions_q5[hashlib.sha256(texte.encode()).hexdigest()[:12]]
             for lettre, texte in _question_5_statements(GRAINE).items()}
_inverses = ('histoire', '2009', 'effet', 'retrait')  # the slots answered the wrong way
decisions_m_a = {
    lettre: ("non" if _vrai[condition] else "oui") if case in _inverses
    else ("oui" if _vrai[condition] else "non")
    for lettre, (case, condition) in _cases_q5.items()
}

# %% mistake="decisions_m_a" session="evaluation"
# message : par rapport à 60 et 45
# (the item on the change of equation answered as if M. A. were on the other side of 60; the three others right)
import hashlib

from esn_teach.datasets import egfr_ckd_epi_2009, egfr_ckd_epi_2021
from esn_teach.datasets._egfr_tasks import _copy_creatinines, _question_5_statements

# Digest of each statement's text (sha256, 12 hex digits) -> (slot, condition that makes it
# right), as in the hidden test; the package returns the drawn texts only.
_conditions_q5 = {
    "4b03fe7d7f7c": ("histoire", "g3a_2021"), "755dd931bd52": ("histoire", "bascule"),
    "1b8c0207c84f": ("histoire", "ge60_2021"), "5b1705f102e4": ("histoire", "meme_cote"),
    "d588775be83d": ("2009", "lt60_2009"), "c34f419a04c0": ("2009", "ge60_2009"),
    "4595d587ce5b": ("2009", "lt60_2009"), "45f0b30391e4": ("2009", "ge60_2009"),
    "eb90f1da0cf3": ("effet", "faux"), "0538ea71f3fa": ("effet", "vrai"),
    "91d9910f0c7b": ("effet", "vrai"), "dbf19964ef40": ("effet", "faux"),
    "44935d93aa29": ("retrait", "vrai"), "1b620036bd41": ("retrait", "faux"),
    "9342f8591afc": ("retrait", "faux"), "0ac40c852c3c": ("retrait", "vrai"),
}
_age, _creat, _ = _copy_creatinines(GRAINE)
_d21 = float(egfr_ckd_epi_2021(_creat / 88.4, _age, False))
_d09 = float(egfr_ckd_epi_2009(_creat / 88.4, _age, False, True))
_vrai = {  # condition -> is it met for this copy
        "g3a_2021": 45 <= _d21 < 60, "ge60_2021": _d21 >= 60,
        "bascule": _d09 >= 60 > _d21, "meme_cote": (_d09 >= 60) == (_d21 >= 60),
        "lt60_2009": _d09 < 60, "ge60_2009": _d09 >= 60, "vrai": True, "faux": False,
    }
_cases_q5 = {lettre: _conditions_q5[hashlib.sha256(texte.encode()).hexdigest()[:12]]
             for lettre, texte in _question_5_statements(GRAINE).items()}
_inverses = ('histoire',)  # the slots answered the wrong way
decisions_m_a = {
    lettre: ("non" if _vrai[condition] else "oui") if case in _inverses
    else ("oui" if _vrai[condition] else "non")
    for lettre, (case, condition) in _cases_q5.items()
}

# %% mistake="decisions_m_a" session="evaluation"
# message : avec son coefficient de votre M. A.
# (the item on the 2009 DFGe with its coefficient inverted, e.g. 2009 taken to be at 60 or more in every copy; the three others right)
import hashlib

from esn_teach.datasets import egfr_ckd_epi_2009, egfr_ckd_epi_2021
from esn_teach.datasets._egfr_tasks import _copy_creatinines, _question_5_statements

# Digest of each statement's text (sha256, 12 hex digits) -> (slot, condition that makes it
# right), as in the hidden test; the package returns the drawn texts only.
_conditions_q5 = {
    "4b03fe7d7f7c": ("histoire", "g3a_2021"), "755dd931bd52": ("histoire", "bascule"),
    "1b8c0207c84f": ("histoire", "ge60_2021"), "5b1705f102e4": ("histoire", "meme_cote"),
    "d588775be83d": ("2009", "lt60_2009"), "c34f419a04c0": ("2009", "ge60_2009"),
    "4595d587ce5b": ("2009", "lt60_2009"), "45f0b30391e4": ("2009", "ge60_2009"),
    "eb90f1da0cf3": ("effet", "faux"), "0538ea71f3fa": ("effet", "vrai"),
    "91d9910f0c7b": ("effet", "vrai"), "dbf19964ef40": ("effet", "faux"),
    "44935d93aa29": ("retrait", "vrai"), "1b620036bd41": ("retrait", "faux"),
    "9342f8591afc": ("retrait", "faux"), "0ac40c852c3c": ("retrait", "vrai"),
}
_age, _creat, _ = _copy_creatinines(GRAINE)
_d21 = float(egfr_ckd_epi_2021(_creat / 88.4, _age, False))
_d09 = float(egfr_ckd_epi_2009(_creat / 88.4, _age, False, True))
_vrai = {  # condition -> is it met for this copy
        "g3a_2021": 45 <= _d21 < 60, "ge60_2021": _d21 >= 60,
        "bascule": _d09 >= 60 > _d21, "meme_cote": (_d09 >= 60) == (_d21 >= 60),
        "lt60_2009": _d09 < 60, "ge60_2009": _d09 >= 60, "vrai": True, "faux": False,
    }
_cases_q5 = {lettre: _conditions_q5[hashlib.sha256(texte.encode()).hexdigest()[:12]]
             for lettre, texte in _question_5_statements(GRAINE).items()}
_inverses = ('2009',)  # the slots answered the wrong way
decisions_m_a = {
    lettre: ("non" if _vrai[condition] else "oui") if case in _inverses
    else ("oui" if _vrai[condition] else "non")
    for lettre, (case, condition) in _cases_q5.items()
}

# %% mistake="decisions_m_a" session="evaluation"
# message : ce que fait le coefficient de 2009
# (the item on what the coefficient did inverted (a lower DFGe, or a measure of muscle); the three others right)
import hashlib

from esn_teach.datasets import egfr_ckd_epi_2009, egfr_ckd_epi_2021
from esn_teach.datasets._egfr_tasks import _copy_creatinines, _question_5_statements

# Digest of each statement's text (sha256, 12 hex digits) -> (slot, condition that makes it
# right), as in the hidden test; the package returns the drawn texts only.
_conditions_q5 = {
    "4b03fe7d7f7c": ("histoire", "g3a_2021"), "755dd931bd52": ("histoire", "bascule"),
    "1b8c0207c84f": ("histoire", "ge60_2021"), "5b1705f102e4": ("histoire", "meme_cote"),
    "d588775be83d": ("2009", "lt60_2009"), "c34f419a04c0": ("2009", "ge60_2009"),
    "4595d587ce5b": ("2009", "lt60_2009"), "45f0b30391e4": ("2009", "ge60_2009"),
    "eb90f1da0cf3": ("effet", "faux"), "0538ea71f3fa": ("effet", "vrai"),
    "91d9910f0c7b": ("effet", "vrai"), "dbf19964ef40": ("effet", "faux"),
    "44935d93aa29": ("retrait", "vrai"), "1b620036bd41": ("retrait", "faux"),
    "9342f8591afc": ("retrait", "faux"), "0ac40c852c3c": ("retrait", "vrai"),
}
_age, _creat, _ = _copy_creatinines(GRAINE)
_d21 = float(egfr_ckd_epi_2021(_creat / 88.4, _age, False))
_d09 = float(egfr_ckd_epi_2009(_creat / 88.4, _age, False, True))
_vrai = {  # condition -> is it met for this copy
        "g3a_2021": 45 <= _d21 < 60, "ge60_2021": _d21 >= 60,
        "bascule": _d09 >= 60 > _d21, "meme_cote": (_d09 >= 60) == (_d21 >= 60),
        "lt60_2009": _d09 < 60, "ge60_2009": _d09 >= 60, "vrai": True, "faux": False,
    }
_cases_q5 = {lettre: _conditions_q5[hashlib.sha256(texte.encode()).hexdigest()[:12]]
             for lettre, texte in _question_5_statements(GRAINE).items()}
_inverses = ('effet',)  # the slots answered the wrong way
decisions_m_a = {
    lettre: ("non" if _vrai[condition] else "oui") if case in _inverses
    else ("oui" if _vrai[condition] else "non")
    for lettre, (case, condition) in _cases_q5.items()
}

# %% mistake="decisions_m_a" session="evaluation"
# message : pourquoi le coefficient est sorti
# (the item on why it was removed inverted (race taken for a biological measure, or 2021 for 2009 minus its coefficient); the three others right)
import hashlib

from esn_teach.datasets import egfr_ckd_epi_2009, egfr_ckd_epi_2021
from esn_teach.datasets._egfr_tasks import _copy_creatinines, _question_5_statements

# Digest of each statement's text (sha256, 12 hex digits) -> (slot, condition that makes it
# right), as in the hidden test; the package returns the drawn texts only.
_conditions_q5 = {
    "4b03fe7d7f7c": ("histoire", "g3a_2021"), "755dd931bd52": ("histoire", "bascule"),
    "1b8c0207c84f": ("histoire", "ge60_2021"), "5b1705f102e4": ("histoire", "meme_cote"),
    "d588775be83d": ("2009", "lt60_2009"), "c34f419a04c0": ("2009", "ge60_2009"),
    "4595d587ce5b": ("2009", "lt60_2009"), "45f0b30391e4": ("2009", "ge60_2009"),
    "eb90f1da0cf3": ("effet", "faux"), "0538ea71f3fa": ("effet", "vrai"),
    "91d9910f0c7b": ("effet", "vrai"), "dbf19964ef40": ("effet", "faux"),
    "44935d93aa29": ("retrait", "vrai"), "1b620036bd41": ("retrait", "faux"),
    "9342f8591afc": ("retrait", "faux"), "0ac40c852c3c": ("retrait", "vrai"),
}
_age, _creat, _ = _copy_creatinines(GRAINE)
_d21 = float(egfr_ckd_epi_2021(_creat / 88.4, _age, False))
_d09 = float(egfr_ckd_epi_2009(_creat / 88.4, _age, False, True))
_vrai = {  # condition -> is it met for this copy
        "g3a_2021": 45 <= _d21 < 60, "ge60_2021": _d21 >= 60,
        "bascule": _d09 >= 60 > _d21, "meme_cote": (_d09 >= 60) == (_d21 >= 60),
        "lt60_2009": _d09 < 60, "ge60_2009": _d09 >= 60, "vrai": True, "faux": False,
    }
_cases_q5 = {lettre: _conditions_q5[hashlib.sha256(texte.encode()).hexdigest()[:12]]
             for lettre, texte in _question_5_statements(GRAINE).items()}
_inverses = ('retrait',)  # the slots answered the wrong way
decisions_m_a = {
    lettre: ("non" if _vrai[condition] else "oui") if case in _inverses
    else ("oui" if _vrai[condition] else "non")
    for lettre, (case, condition) in _cases_q5.items()
}

# %% [markdown] session="formative"
# ## Après la séance

# %% [markdown] session="evaluation" graded="in-class"
# ## Après la séance
#
# Cette partie se fait **après la séance**. Les questions 6 à 8 sont un **entraînement** :
# corrigées, elles ne comptent pas dans la note. La note porte sur les questions 1 à 5
# (8 points, en séance) et sur la réflexion (3 points), à rédiger après la séance et à rendre
# comme l'indique votre enseignant·e, avant la date annoncée.

# %% [markdown]
# ### La calculatrice de DFGe
#
# Faites varier la créatinine (souris ou **flèches du clavier**), l'âge, le sexe et la race
# déclarée. Cherchez un patient que le seuil de 60 sépare, puis un que le seuil de 20 sépare.
# Et pour un patient déclaré non noir ?

# %% [markdown] session="evaluation"
# *Séance évaluée : la calculatrice et le pli qui la commente sont masqués pendant la séance,
# parce que la calculatrice convertit elle-même les µmol/L et place les deux DFGe face à 60 :
# elle répondrait à une partie des questions 1, 2 et 5. Elle paraîtra, exécutée, dans votre
# retour de correction ; les questions 6 à 8 et la réflexion ne s'en servent pas.*

# %% reveal="decisions_m_a"
# La calculatrice : faites varier ses commandes et lisez le tableau et les phrases dessous.
calculatrice = EgfrExplorer(creatinine=100, age=50, female=True, black=False)
display(calculatrice)

# %% [markdown] reveal="decisions_m_a"
# <details><summary>Ce que vous auriez dû voir (ouvrez après avoir cherché)</summary>
#
# Valeurs calculées avec les équations de Levey et al. (2009) et d'Inker et al. (2021) :
# - **Seuil de 60** : une femme de 40 ans déclarée noire à 105 µmol/L : 66 avec 2009, 59 avec
#   2021 (arrondis comme dans la calculatrice) ; à 100 µmol/L, les deux équations donnent plus
#   de 60.
# - **Seuil de 20** : la même femme à 270 µmol/L : 21 avec 2009, 19 avec 2021. Aux
#   États-Unis, inscrite sur la liste, elle n'aurait pas rempli avec 2009 ce critère du temps
#   d'attente de greffe.
# - **Patient non noir** : l'équation 2021 donne le plus souvent un DFGe un peu **plus haut**
#   (homme de 50 ans à 300 µmol/L : 20 avec 2009, 21 avec 2021, arrondis). La calculatrice
#   n'a pas de DFG mesuré ; face à lui, Inker et al. (2021) trouvent que 2021 sous-estime
#   celui des Noirs (écart médian 3,6 mL/min/1,73 m²) et surestime celui des autres (3,9) :
#   le biais est redistribué, il ne disparaît pas.
# </details>

# %% [markdown]
# ### Compléments de la section 4

# %% [markdown]
# **L'équation réestimée.** Inker et al. (2021) : sur 4 050 participants dont le DFG était
# **mesuré**, l'équation 2009 surestimait le DFG des participants noirs (écart médian 3,7 mL/min/1,73 m²) et à peine celui des autres
# (0,5) ; privée de son seul coefficient, elle sous-estimait celui des participants noirs
# (7,1). D'où une équation **réestimée** sans race : elle sous-estime un peu le DFG des
# participants noirs (3,6) et surestime celui des autres (3,9). La formule ne contient plus de
# catégorie raciale, mais l'écart de biais entre les deux groupes **passe** d'environ 3,2
# (3,7 − 0,5) à environ 7,5 (3,6 en dessous, 3,9 au-dessus). Ces deux écarts sont
# indicatifs : aucun intervalle n'est publié pour eux, alors que chaque médiane a le sien (à
# 95 % : de 1,8 à 5,4 pour 3,7 ; de 0,0 à 0,9 pour 0,5 ; de 1,8 à 5,5 pour 3,6 ; de 3,4 à
# 4,4 pour 3,9). Plus juste dans son principe, l'équation 2021 n'est pas moins biaisée pour
# chaque groupe (biais de même taille chez les Noirs, plus
# grand chez les non-Noirs). Pour des auteurs européens, aux États-Unis, elle ne fait pas mieux
# que 2009 (Delanaye et al., 2023b) ; la task force américaine l'a pourtant recommandée
# (Delgado et al., 2021b).

# %% [markdown]
# **La greffe.** Aux États-Unis, un DFGe plus haut pouvait retarder le début du temps
# d'attente de greffe des candidats noirs (OPTN, 2022) ; pour d'autres soins, un retard est
# discuté (Delgado et al., 2021a). L'organisme qui gère les greffes (OPTN) a interdit, pour la
# greffe, les calculs avec race à partir du 27 juillet 2022, puis, depuis le 5 janvier 2023,
# a fait **rétablir le temps d'attente** perdu par les candidats noirs (OPTN, 2022). Au 4 janvier 2024, 14 701
# modifications du temps d'attente avaient été traitées, avec une durée médiane ajoutée de
# 1,7 an (UNOS, 2024).
#
# **Et en Europe, en France ?** La Fédération européenne de biologie clinique (EFLM)
# recommande aux laboratoires européens de **ne pas** adopter l'équation 2021 et de garder
# celle de 2009 **sans** son coefficient (Delanaye et al., 2023a) : chez les Européens blancs,
# 2021 fait moins bien que 2009 ; chez les Noirs d'Europe et d'Afrique, elle n'apporte que peu
# ou pas de gain (Delanaye et al., 2023b). Le coefficient lui-même, établi chez des
# **Afro-Américains**, est inexact chez les personnes noires d'Europe et d'Afrique (Delanaye et
# al., 2021 ; en français : Stehlé et al., 2023). L'appliquer obligerait à déclarer la
# « race » du patient au laboratoire (droit : « Pour aller plus loin »).
#
# > **En pratique, en France, pour adapter une dose** (ce que ce module peut affirmer, et ce
# > qu'il faut demander)
# > 1. Le seuil qui compte est celui du **RCP du médicament**, dans l'unité qu'il écrit
# >    (metformine Viatris, 2023 : « DFG (ml/min) »).
# > 2. Le compte rendu donne un DFGe **indexé** ; le désindexer avec la surface corporelle du
# >    patient est un choix que des néphrologues et biologistes francophones jugent préférable
# >    pour une dose (Delanaye et al., 2016), pas une règle du RCP.
# > 3. Quelle équation applique le laboratoire, et si un logiciel en recalcule une autre :
# >    demandez-le au **biologiste** du laboratoire ; pour la dose, voyez avec un
# >    **pharmacien** ou le **néphrologue** du patient.
# >
# > En France, la HAS (rapport d'évaluation technologique, décembre 2011) recommande
# > d'estimer le DFG avec l'équation **CKD-EPI** et de doser la créatinine par une méthode
# > **enzymatique** standardisée (IDMS). Ce rapport est antérieur à l'équation de 2021 ; ce
# > qu'il dit du coefficient racial, nous ne l'avons pas vérifié : demandez au laboratoire.

# %% [markdown]
# **Les patients non noirs de la cohorte.** Chez eux, l'équation 2021 donne le plus souvent
# un DFGe un peu plus haut : ses coefficients ont été réestimés sur tous les participants,
# sans la race. C'est cette réestimation, et non le retrait du coefficient, qui fait remonter
# à 60 ou plus les patients non noirs du tableau de la section 3 (`n_non_noirs_remontent_60`).

# %% [markdown]
# ### Question 6 — Le solde cache deux mouvements (2 points)
#
# Un rapport annonce : « Passer de l'équation 2009 à celle de 2021 change le nombre de
# patients sous 60 de X. » Calculez ce X pour **toute** la cohorte, patients noirs et non
# noirs ensemble, au seuil de 60 : (nombre de patients sous 60 avec 2021) **moins** (nombre
# sous 60 avec 2009). Un nombre négatif veut dire qu'il y en a moins avec 2021. Écrivez un
# calcul avec les noms listés sous le tableau de la section 3.
#
# <details><summary>Indice 1</summary>
#
# Un patient qui ne change pas de côté du seuil ne change pas le compte. Lesquels
# l'augmentent, lesquels le diminuent ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Il y a quatre groupes de patients qui changent de côté dans le tableau (deux lignes, deux
# sens). Pour chacun, demandez-vous : « avec 2021, ce patient est-il ajouté aux patients sous
# 60, ou retiré ? »
# </details>

# %% answer="solde_sous_60"
solde_sous_60 = ...
### BEGIN SOLUTION
solde_sous_60 = (n_noirs_passent_sous_60 + n_non_noirs_passent_sous_60
                 - n_noirs_remontent_60 - n_non_noirs_remontent_60)
### END SOLUTION

# %% tests="solde_sous_60" points=2 session="formative"
# Vérification de la question 6 : exécutez cette cellule.
checks.check_number(
    solde_sous_60,
    name="solde_sous_60",
    digest="5dc089f2c6336d02",
    mistakes=[
        checks.Mistake(None, "vous n'avez compté qu'un seul mouvement, les patients qui passent sous 60 : ceux qui remontent à 60 ou plus avec 2021 sortent du compte des patients sous 60, et le font baisser.", digest="7c6d92b6775efb8f"),
        checks.Mistake(None, "vous n'avez compté qu'un seul mouvement, les patients qui passent sous 60, et avec le signe inversé : un patient qui passe sous 60 augmente le nombre de patients sous 60 ; ceux qui remontent à 60 ou plus le font baisser.", digest="6ce8a462f72ec408"),
        checks.Mistake(None, "vous n'avez compté qu'un seul mouvement, les patients qui remontent à 60 ou plus : ceux qui passent sous 60 avec 2021 entrent dans le compte, et le font monter.", digest="4ec6ba6b5c53994e"),
        checks.Mistake(None, "vous n'avez compté qu'un seul mouvement, les patients qui remontent à 60 ou plus : ceux qui passent sous 60 avec 2021 entrent dans le compte, et le font monter.", digest="9c3938c11ed6260c"),
        checks.Mistake(None, "le signe est inversé : vous avez calculé 2009 moins 2021. La "
                       "question demande 2021 moins 2009.", digest="a01bd750f42f999d"),
        checks.Mistake(None, "vous avez additionné tous les patients qui changent de côté : "
                       "c'est le nombre de patients reclassés, pas la variation du nombre de "
                       "patients sous 60. Ceux qui remontent le font baisser.",
                       digest="aa19502b3006f4b0"),
        checks.Mistake(None, "vous avez divisé par le nombre de patients : un solde est un "
                       "nombre de patients, pas une part. Ne divisez pas.",
                       digest="b4bbb4d85cb1368d"),
    ],
    hint="Un solde compte deux mouvements : ceux qui passent sous 60 avec 2021 l'augmentent, ceux qui remontent à 60 ou plus le diminuent, dans les deux groupes ; puis 2021 moins 2009.",
    success="c'est le solde. Il est petit et de signe opposé à ce que vivent les patients "
    "noirs : ceux qui passent sous 60 sont tous noirs, ceux qui remontent sont tous non noirs. "
    "Un solde, ou une moyenne sur toute la population, peut cacher qu'une équation change de "
    "groupe ceux qu'elle déclasse : regardez toujours chaque groupe et chaque sens.",
    points=2,
)
### BEGIN HIDDEN TESTS
_d09 = cohorte["dfg_2009"].to_numpy()
_d21 = cohorte["dfg_2021"].to_numpy()
checks.check_number(solde_sous_60, name="solde_sous_60",
                    expected=float((_d21 < 60).sum() - (_d09 < 60).sum()), points=2)
### END HIDDEN TESTS

# %% tests="solde_sous_60" points=2 session="evaluation"
# Vérification de la question 6 : exécutez cette cellule.
checks.check_form(solde_sous_60, name="solde_sous_60", kind="number")
### BEGIN HIDDEN TESTS
import esn_teach.datasets as _jeux_caches

from esn_teach.datasets._egfr_tasks import _cohort_parameters

_graine_c = checks.student_seed("07", announce=False)
_copie = _jeux_caches.make_egfr_cohort(n_samples=5_000, random_state=_graine_c, **_cohort_parameters(_graine_c)).frame
_noir_c = _copie["black"].to_numpy() == 1
_a09, _a21 = _copie["egfr_2009"].to_numpy(), _copie["egfr_2021"].to_numpy()
_bas = (_a09 >= 60) & (_a21 < 60)
_haut = (_a09 < 60) & (_a21 >= 60)
_solde = int(_bas.sum()) - int(_haut.sum())
_m6 = [
    checks.Mistake(int(_bas.sum()), "vous n'avez compté qu'un seul mouvement, les patients qui passent sous 60 : ceux qui remontent à 60 ou plus avec 2021 sortent du compte des patients sous 60, et le font baisser."),
    checks.Mistake(-int(_bas.sum()), "vous n'avez compté qu'un seul mouvement, les patients qui passent sous 60, et avec le signe inversé : un patient qui passe sous 60 augmente le nombre de patients sous 60 ; ceux qui remontent à 60 ou plus le font baisser."),
    checks.Mistake(-int(_haut.sum()), "vous n'avez compté qu'un seul mouvement, les patients qui remontent à 60 ou plus : ceux qui passent sous 60 avec 2021 entrent dans le compte, et le font monter."),
    checks.Mistake(int(_haut.sum()), "vous n'avez compté qu'un seul mouvement, les patients qui remontent à 60 ou plus : ceux qui passent sous 60 avec 2021 entrent dans le compte, et le font monter."),
    checks.Mistake(-_solde, "le signe est inversé : vous avez calculé 2009 moins 2021. La question demande 2021 moins 2009."),
    checks.Mistake(int(_bas.sum()) + int(_haut.sum()), "vous avez additionné tous les patients qui changent de côté : c'est le nombre de patients reclassés, pas la variation du nombre de patients sous 60. Ceux qui remontent le font baisser."),
    checks.Mistake(_solde / len(_copie), "vous avez divisé par le nombre de patients : un solde est un nombre de patients, pas une part. Ne divisez pas."),
]
checks.check_number(solde_sous_60, name="solde_sous_60", expected=float(_solde), mistakes=_m6, hint="Un solde compte deux mouvements : ceux qui passent sous 60 avec 2021 l'augmentent, ceux qui remontent à 60 ou plus le diminuent, dans les deux groupes ; puis 2021 moins 2009.", points=2)
### END HIDDEN TESTS

# %% mistake="solde_sous_60"
# message : un seul mouvement, les patients qui passent sous 60 :
solde_sous_60 = n_noirs_passent_sous_60 + n_non_noirs_passent_sous_60

# %% mistake="solde_sous_60"
# message : et avec le signe inversé
solde_sous_60 = -(n_noirs_passent_sous_60 + n_non_noirs_passent_sous_60)

# %% mistake="solde_sous_60"
# message : les patients qui remontent à 60 ou plus :
solde_sous_60 = -(n_noirs_remontent_60 + n_non_noirs_remontent_60)

# %% mistake="solde_sous_60"
# message : le signe est inversé
solde_sous_60 = n_non_noirs_remontent_60 - n_noirs_passent_sous_60

# %% mistake="solde_sous_60"
# message : c'est le nombre de patients reclassés
solde_sous_60 = n_noirs_passent_sous_60 + n_non_noirs_remontent_60

# %% mistake="solde_sous_60"
# message : un solde est un nombre de patients, pas une part
solde_sous_60 = (n_noirs_passent_sous_60 + n_non_noirs_passent_sous_60
                 - n_noirs_remontent_60 - n_non_noirs_remontent_60) / n_patients

# %% [markdown] session="formative"
# ### Question 7 — Le DFGe de M. A. au laboratoire européen (1 point)
#
# M. A. fait doser sa créatinine dans un laboratoire français qui suit la recommandation de
# l'EFLM aux laboratoires européens (« Et en Europe, en France ? », plus haut). Calculez
# `dfg_eflm_m_a`, le DFGe que ce laboratoire rendrait pour lui, en mL/min/1,73 m², à 0,1 près
# (une créatinine convertie arrondie à 0,01 mg/dL est acceptée ; un entier ne vaut que la
# moitié des points). À vous de choisir l'équation.

# %% [markdown] session="evaluation"
# ### Question 7 — Le DFGe de M. A. au laboratoire européen (1 point)
#
# M. A. fait doser sa créatinine dans un laboratoire français qui suit la recommandation de
# l'EFLM aux laboratoires européens (« Et en Europe, en France ? », plus haut). Calculez
# `dfg_eflm_m_a`, le DFGe que ce laboratoire rendrait pour lui, au même dosage qu'en questions
# 1 et 2, en mL/min/1,73 m², à 0,1 près
# (une créatinine convertie arrondie à 0,01 mg/dL est acceptée ; un entier ne vaut que la
# moitié des points). À vous de choisir l'équation.

# %% [markdown]
# <details><summary>Indice 1</summary>
#
# Relisez « Et en Europe, en France ? » : quelle équation l'EFLM conseille-t-elle de garder, et
# avec ou sans quoi ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# M. A. reste un homme du même âge, et sa créatinine se convertit comme en questions 1 et 2 :
# seule l'équation change. Laquelle, et avec ou sans quoi ?
# </details>

# %% answer="dfg_eflm_m_a" session="formative"
dfg_eflm_m_a = ...
### BEGIN SOLUTION
dfg_eflm_m_a = dfge_2009_sans_coefficient(CREATININE_M_A / 88.4, AGE_M_A, False)
### END SOLUTION

# %% answer="dfg_eflm_m_a" session="evaluation"
dfg_eflm_m_a = ...
### BEGIN SOLUTION
if DOSAGE_M_A == "premier":
    dfg_eflm_m_a = dfge_2009_sans_coefficient(CREATININE_PREMIER_M_A / 88.4, AGE_M_A, False)
else:
    dfg_eflm_m_a = dfge_2009_sans_coefficient(CREATININE_CONTROLE_M_A / 88.4, AGE_M_A, False)
### END SOLUTION

# %% tests="dfg_eflm_m_a" points=1 session="formative"
# Vérification de la question 7 : exécutez cette cellule.
if isinstance(dfg_eflm_m_a, (int, float)) and not isinstance(dfg_eflm_m_a, bool) and math.isfinite(dfg_eflm_m_a):
    # Votre propre valeur (jamais la clé), pour la placer face aux seuils.
    print(f"Votre DFGe selon l'EFLM (question 7) : {dfg_eflm_m_a:.1f} mL/min/1,73 m².".replace(".", ",", 1))
    if not 2 <= dfg_eflm_m_a <= 200:
        print("⚠ Un DFGe hors de 2 à 200 est impossible chez un adulte : vérifiez l'unité de "
              "la créatinine (µmol/L divisés par 88,4) avant de vous en servir.")
try:  # question 1's answer, for the cross-check; its cell may have stopped on an error
    _q1_eleve = dfg_2021_m_a
except NameError:
    _q1_eleve = None
    print("La question 1 n'a pas encore de réponse (sa cellule s'est arrêtée sur une "
          "erreur, ou n'a pas été exécutée) : la vérification croisée avec la question 1 "
          "est sautée, la question 7 est jugée seule.")
# Accepte aussi le calcul fait avec la créatinine convertie arrondie à 0,01 mg/dL.
_conversion_arrondie = (
    isinstance(dfg_eflm_m_a, float)
    and math.isfinite(dfg_eflm_m_a)
    and checks.matches_digest(dfg_eflm_m_a, "17795700669c7ef8", name="dfg_eflm_m_a", decimals=1)
)
# Comme la question 2, la question 7 est aussi jugée avec les données de votre question 1 :
# une erreur de saisie (unité, sens ou arrondi de la conversion, sexe) n'est comptée qu'une
# fois. Empreinte d'une erreur de la question 1 : (empreinte de la question 7 calculée avec
# les mêmes données, décimales comparées).
REPORT_Q1_Q7 = {
    "0e3879ef5f408c5e": ("15d6143762b2a2b4", 1),
    "9aba0017b4827567": ("fabf98d67a17b76d", 1),
}
_report = None
if not _conversion_arrondie and all(
    isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
    for v in (_q1_eleve, dfg_eflm_m_a)
):
    _report = next(
        (
            (empreinte_q7, decimales)
            for empreinte_q1, (empreinte_q7, decimales) in REPORT_Q1_Q7.items()
            if checks.matches_digest(_q1_eleve, empreinte_q1, name="dfg_2021_m_a", decimals=1)
            and checks.matches_digest(dfg_eflm_m_a, empreinte_q7, name="dfg_eflm_m_a",
                                      decimals=decimales)
        ),
        None,
    )
if _report is None:
    checks.check_number(
        dfg_eflm_m_a,
        name="dfg_eflm_m_a",
        digest="17795700669c7ef8" if _conversion_arrondie else "921b65892ccb9852",
        decimals=1,
        bounds=(0, 400),
        percent_is_mistake=False,
        mistakes=[
            checks.Mistake(None, "vous avez pris l'équation 2021, le choix américain : l'EFLM "
                           "recommande aux laboratoires européens de ne pas l'adopter.",
                           digest="ce28583ac6aa4c22"),
            checks.Mistake(None, "vous avez gardé le coefficient racial : l'EFLM conseille "
                           "l'équation 2009 sans lui.", digest="dd31f46558fed0fc"),
            checks.Mistake(None, "vous avez divisé l'équation 2021 par 1,159 : elle n'a jamais eu "
                           "de coefficient à retirer. L'EFLM conseille une autre équation, sans "
                           "son coefficient.", digest="60bed91b6dd78985"),
            checks.Mistake(None, "la créatinine doit être en mg/dL : divisez d'abord par 88,4.",
                           digest="72a163896a6273b8"),
            checks.Mistake(None, "conversion à l'envers : des µmol/L vers les mg/dL, on divise par "
                           "88,4.", digest="0ad353cccf893f55"),
            checks.Mistake(None, "M. A. est un homme : femme vaut False.", digest="fabf98d67a17b76d"),
            checks.Mistake(None, "vous avez arrondi la créatinine convertie à 0,1 mg/dL : gardez "
                           "au moins deux décimales, ou écrivez la conversion elle-même.",
                           digest="15d6143762b2a2b4"),
            checks.Mistake(None, "bon raisonnement, mais trop arrondi (la moitié des points) : un "
                           "nombre entier, alors que la question se corrige à 0,1 près. Écrivez le "
                           "calcul lui-même.",
                           digest="3a0d8c971123372f"),
        ],
        hint="Quelle équation l'EFLM conseille-t-elle, avec ou sans coefficient ?",
    points=1,
    )
else:
    checks.check_number(
        dfg_eflm_m_a,
        name="dfg_eflm_m_a",
        digest=_report[0],
        decimals=_report[1],
        carried_over="votre calcul est juste avec les données de votre question 1, elle-même fausse : "
        "les points sont accordés (une erreur de saisie n'est pas comptée deux fois). "
        "Corrigez la question 1 (son message nomme l'erreur), puis refaites ce calcul.",
    points=1,
    )
### BEGIN HIDDEN TESTS
from esn_teach.datasets import egfr_ckd_epi_2009, egfr_ckd_epi_2021

_exacte = float(egfr_ckd_epi_2009(CREATININE_M_A / UMOL_PAR_MG, AGE_M_A, False, False))
_arrondie = float(egfr_ckd_epi_2009(round(CREATININE_M_A / UMOL_PAR_MG, 2), AGE_M_A, False, False))
_empreinte = checks.answer_digest(_arrondie, name="dfg_eflm_m_a", decimals=1)
_conversion_arrondie = (
    isinstance(dfg_eflm_m_a, float)
    and math.isfinite(dfg_eflm_m_a)
    and checks.matches_digest(dfg_eflm_m_a, _empreinte, name="dfg_eflm_m_a", decimals=1)
)
_attendu, _decimales = (_arrondie if _conversion_arrondie else _exacte), 1
_reporte = None  # the carried-over sentence, when question 1 shows a plausible slip
# Carried forward, as in question 2: graded with the inputs of question 1 when question 1
# shows an input error and question 7 is right with the same inputs.
if not _conversion_arrondie and all(
    isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
    for v in (_q1_eleve, dfg_eflm_m_a)
):
    for _creat, _femme, _dec in [
        (round(CREATININE_M_A / UMOL_PAR_MG, 1), False, 1),
        (CREATININE_M_A / UMOL_PAR_MG, True, 1),
    ]:
        _q1 = float(egfr_ckd_epi_2021(_creat, AGE_M_A, _femme))
        _q7 = float(egfr_ckd_epi_2009(_creat, AGE_M_A, _femme, False))
        _cle_q1 = checks.answer_digest(_q1, name="dfg_2021_m_a", decimals=1)
        _cle_q7 = checks.answer_digest(_q7, name="dfg_eflm_m_a", decimals=_dec)
        _meme_q1 = checks.matches_digest(_q1_eleve, _cle_q1, name="dfg_2021_m_a", decimals=1)
        _meme_q7 = checks.matches_digest(dfg_eflm_m_a, _cle_q7, name="dfg_eflm_m_a",
                                         decimals=_dec)
        if _meme_q1 and _meme_q7:
            _attendu, _decimales = _q7, _dec
            _reporte = (
                "juste avec les données de votre question 1, elle-même fausse : points "
                "accordés (une erreur de saisie n'est pas comptée deux fois). Corrigez la "
                "question 1, puis refaites ce calcul."
            )
            break
checks.check_number(dfg_eflm_m_a, name="dfg_eflm_m_a", expected=_attendu, decimals=_decimales,
                    carried_over=_reporte, points=1)
### END HIDDEN TESTS

# %% mistake="dfg_eflm_m_a" session="formative"
# message : vous avez pris l'équation 2021
dfg_eflm_m_a = dfge_2021(CREATININE_M_A / 88.4, AGE_M_A, False)

# %% mistake="dfg_eflm_m_a" session="formative"
# message : vous avez gardé le coefficient racial
dfg_eflm_m_a = dfge_2009_sans_coefficient(CREATININE_M_A / 88.4, AGE_M_A, False) * 1.159

# %% mistake="dfg_eflm_m_a" session="formative"
# message : vous avez divisé l'équation 2021 par 1,159
dfg_eflm_m_a = dfge_2021(CREATININE_M_A / 88.4, AGE_M_A, False) / 1.159

# %% mistake="dfg_eflm_m_a" session="formative"
# message : la créatinine doit être en mg/dL
dfg_eflm_m_a = dfge_2009_sans_coefficient(CREATININE_M_A, AGE_M_A, False)

# %% mistake="dfg_eflm_m_a" session="formative"
# message : M. A. est un homme
dfg_eflm_m_a = dfge_2009_sans_coefficient(CREATININE_M_A / 88.4, AGE_M_A, True)

# %% mistake="dfg_eflm_m_a" session="formative"
# message : vous avez arrondi la créatinine convertie à 0,1 mg/dL
dfg_eflm_m_a = dfge_2009_sans_coefficient(1.4, AGE_M_A, False)

# %% mistake="dfg_eflm_m_a" session="formative"
# message : trop arrondi
dfg_eflm_m_a = 54

# %% session="evaluation"
# Votre valeur de la question 7, face aux valeurs possibles chez un adulte : ce n'est
# pas la correction (elle arrive avec votre retour). Exécutez cette cellule.
if isinstance(dfg_eflm_m_a, (int, float)) and not isinstance(dfg_eflm_m_a, bool) and math.isfinite(dfg_eflm_m_a):
    # Votre propre valeur (jamais la clé), pour la placer face aux seuils.
    print(f"Votre DFGe selon l'EFLM (question 7) : {dfg_eflm_m_a:.1f} mL/min/1,73 m².".replace(".", ",", 1))
    if not 2 <= dfg_eflm_m_a <= 200:
        print("⚠ Un DFGe hors de 2 à 200 est impossible chez un adulte : vérifiez l'unité de "
              "la créatinine (µmol/L divisés par 88,4) avant de vous en servir.")
else:
    print("Question 7 : pas encore de nombre dans dfg_eflm_m_a.")

# %% tests="dfg_eflm_m_a" points=1 session="evaluation"
# Vérification de la question 7 : exécutez cette cellule.
checks.check_form(dfg_eflm_m_a, name="dfg_eflm_m_a", kind="number", decimals=1, bounds=(0, 400), percent_is_mistake=False)
### BEGIN HIDDEN TESTS
try:  # question 1's answer, for the cross-check; its cell may have stopped on an error
    _q1_eleve = dfg_2021_m_a
except NameError:
    _q1_eleve = None
    print("La question 1 n'a pas encore de réponse (sa cellule s'est arrêtée sur une "
          "erreur, ou n'a pas été exécutée) : la vérification croisée avec la question 1 "
          "est sautée, la question 7 est jugée seule.")
import esn_teach.datasets as _jeux_caches
from esn_teach.datasets._egfr_tasks import _copy_creatinines

# The copy's M. A. and the dosage its statement asks (the other dosage: another version's key).
_age_copie, _creat_copie, _creat_autre = _copy_creatinines(checks.student_seed("07", announce=False))
_mg_copie = _creat_copie / 88.4

_exact_q7 = float(_jeux_caches.egfr_ckd_epi_2009(_mg_copie, _age_copie, False, False))
_arrondi_q7 = float(_jeux_caches.egfr_ckd_epi_2009(round(_mg_copie, 2), _age_copie, False, False))
_accepte_q7 = isinstance(dfg_eflm_m_a, float) and math.isfinite(dfg_eflm_m_a) and round(dfg_eflm_m_a, 1) == round(_arrondi_q7, 1)
_m7 = [
    checks.Mistake(float(_jeux_caches.egfr_ckd_epi_2009(_creat_autre / 88.4, _age_copie, False, False)), "cette réponse correspond à une autre consigne que la vôtre : relisez ce que demande votre énoncé (la cellule de tirage dit sur quel dosage, premier ou de contrôle, portent vos questions)."),
    checks.Mistake(float(_jeux_caches.egfr_ckd_epi_2021(_mg_copie, _age_copie, False)), "vous avez pris l'équation 2021 : l'EFLM conseille aux laboratoires européens de garder celle de 2009, sans son coefficient."),
    checks.Mistake(_exact_q7 * 1.159, "vous avez gardé le coefficient racial : l'EFLM conseille l'équation 2009 sans lui."),
    checks.Mistake(float(_jeux_caches.egfr_ckd_epi_2021(_mg_copie, _age_copie, False)) / 1.159, "vous avez divisé l'équation 2021 par 1,159 : l'EFLM garde l'équation 2009, sans son coefficient."),
    checks.Mistake(float(_jeux_caches.egfr_ckd_epi_2009(_creat_copie, _age_copie, False, False)), "la créatinine doit être en mg/dL : divisez d'abord par 88,4."),
    checks.Mistake(float(_jeux_caches.egfr_ckd_epi_2009(_mg_copie, _age_copie, True, False)), "M. A. est un homme : femme vaut False."),
    checks.Mistake(float(_jeux_caches.egfr_ckd_epi_2009(_creat_copie * 88.4, _age_copie, False, False)), "conversion à l'envers : des µmol/L vers les mg/dL, on divise par 88,4."),
    checks.Mistake(float(_jeux_caches.egfr_ckd_epi_2009(round(_mg_copie, 1), _age_copie, False, False)), "vous avez arrondi la créatinine convertie à 0,1 mg/dL : gardez au moins deux décimales."),
]
# Carried forward, as in the formative version: graded with the inputs of question 1 when
# question 1 shows an input error and this answer is right with the same inputs.
_attendu, _decimales = (_arrondi_q7 if _accepte_q7 else _exact_q7), 1
_reporte = None  # the carried-over sentence (feedback « ≈ Cohérent … », never « Correct »)
if not _accepte_q7 and all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in (_q1_eleve, dfg_eflm_m_a)):
    # Only plausible slips are carried over (lecturer d19, finding 2): creatinine converted at
    # 0,1 mg/dL, femme=True. An unconverted or inverted creatinine gives an impossible DFGe
    # (below 2): never carried over.
    for _creat, _femme, _dec in [(round(_mg_copie, 1), False, 1), (_mg_copie, True, 1)]:
        _q1 = float(_jeux_caches.egfr_ckd_epi_2021(_creat, _age_copie, _femme))
        _qx = float(_jeux_caches.egfr_ckd_epi_2009(_creat, _age_copie, _femme, False))
        if round(_q1_eleve, 1) == round(_q1, 1) and round(dfg_eflm_m_a, _dec) == round(_qx, _dec):
            _attendu, _decimales, _reporte = _qx, _dec, "juste avec les données de votre question 1, elle-même fausse : points accordés, l'erreur de la question 1 n'est comptée qu'une fois."
            break
checks.check_number(dfg_eflm_m_a, name="dfg_eflm_m_a", expected=_attendu, decimals=_decimales, percent_is_mistake=False, mistakes=_m7, carried_over=_reporte, hint="Quelle équation l'EFLM conseille-t-elle aux laboratoires européens, avec ou sans coefficient ? Créatinine en mg/dL, M. A. est un homme.", points=1)
### END HIDDEN TESTS

# %% mistake="dfg_eflm_m_a" session="evaluation"
# message : cette réponse correspond à une autre consigne que la vôtre
creatinine = CREATININE_CONTROLE_M_A if DOSAGE_M_A == "premier" else CREATININE_PREMIER_M_A
dfg_eflm_m_a = dfge_2009_sans_coefficient(creatinine / 88.4, AGE_M_A, False)

# %% mistake="dfg_eflm_m_a" session="evaluation"
# message : vous avez pris l'équation 2021
creatinine = CREATININE_PREMIER_M_A if DOSAGE_M_A == "premier" else CREATININE_CONTROLE_M_A
dfg_eflm_m_a = dfge_2021(creatinine / 88.4, AGE_M_A, False)

# %% mistake="dfg_eflm_m_a" session="evaluation"
# message : vous avez gardé le coefficient racial
creatinine = CREATININE_PREMIER_M_A if DOSAGE_M_A == "premier" else CREATININE_CONTROLE_M_A
dfg_eflm_m_a = dfge_2009_sans_coefficient(creatinine / 88.4, AGE_M_A, False) * 1.159

# %% mistake="dfg_eflm_m_a" session="evaluation"
# message : M. A. est un homme
creatinine = CREATININE_PREMIER_M_A if DOSAGE_M_A == "premier" else CREATININE_CONTROLE_M_A
dfg_eflm_m_a = dfge_2009_sans_coefficient(creatinine / 88.4, AGE_M_A, True)

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : les trois DFGe de M. A., quand les vérifications des
# questions 1, 2 et 7 ont dit « juste ».
cote = {True: "sous 60", False: "à 60 ou plus"}
if all(checks.passed(nom) for nom in ("dfg_2021_m_a", "dfg_2009_m_a", "dfg_eflm_m_a")):
    for equation, valeur in (("2009 avec coefficient", dfg_2009_m_a), ("2021", dfg_2021_m_a),
                             ("2009 sans coefficient (EFLM)", dfg_eflm_m_a)):
        print(f"M. A., {equation} : {fr_number(valeur, 1)} ({cote[valeur < SEUIL_G3]}).")
else:
    print("Les trois DFGe de M. A. s'afficheront ici quand les vérifications des questions 1, 2 "
          "et 7 auront dit « juste » : relancez alors cette cellule (en séance évaluée, ils "
          "restent masqués).")

# %% [markdown]
# **Quelle valeur face à quel seuil ?** Jusqu'à la question 5, comme l'annonce la section 1,
# on compare le DFGe **indexé** (mL/min/1,73 m²) à tous les seuils, dose comprise : c'est une
# simplification. En question 8, le **stade** se juge toujours sur le DFGe indexé (60 et 45) ;
# pour la **dose** de metformine, on compare le DFG **désindexé** de M. A., en mL/min (DFGe ×
# sa surface corporelle ÷ 1,73), au tableau du RCP (metformine Viatris, 2023) :
#
# | DFG (mL/min) | Dose maximale de metformine par jour |
# |---|---|
# | 60 à 89 | 3 g (une réduction peut être envisagée si la fonction rénale baisse) |
# | 45 à 59 | 2 g |
# | 30 à 44 | 1 g |
# | moins de 30 | contre-indiquée |
#
# Dans ce module, « dose maximale **réduite** » veut dire **moins de 3 g par jour**, donc un
# DFG désindexé **sous 60 mL/min**.

# %% [markdown]
# ### Question 8 — Ce que ces chiffres changent pour M. A. (2 points)
#
# Appliquez les seuils de la section 1 et le pli « Ce que ces réserves changent pour M. A. »
# (après la question 2) à ses DFGe des questions 1 et 7. Pour la dose, **on suit ici la
# recommandation de désindexer** le DFGe (Delanaye et al., 2016 ; pli « La dose ») : c'est un
# choix, pas une règle du RCP, et la pratique varie ; avec ce choix, la surface corporelle de
# M. A. compte. Pour chacune des quatre affirmations, écrivez entre guillemets droits `"oui"`
# (elle est juste) ou `"non"` (elle est fausse). La note est partielle : chaque item faux
# annule un item juste (répondre au hasard rapporte donc peu) ; un item laissé `...` ne
# rapporte ni ne retire rien.
#
# <details><summary>Indice 1</summary>
#
# Pour la dose, passez d'abord du DFGe indexé (pour 1,73 m²) au DFG en mL/min de M. A. avec
# sa surface corporelle, puis placez-le par rapport au seuil de la metformine.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Un patient plus grand que 1,73 m² a-t-il un DFG en mL/min plus haut ou plus bas que son
# DFGe ? Et une seule valeur de DFGe suffit-elle à poser un stade ?
# </details>

# %% answer="interpretation_m_a" session="formative"
interpretation_m_a = {
    "avec l'équation du laboratoire européen, ce seul dosage suffit à le classer en stade G3a": ...,
    "avec l'équation du laboratoire européen, en désindexant son DFGe avec une surface corporelle de 2,10 m², sa dose maximale de metformine est réduite": ...,
    "avec l'équation du laboratoire européen, en désindexant son DFGe avec une surface corporelle de 1,50 m², sa dose maximale de metformine est réduite": ...,
    "avec l'équation 2021 et une surface corporelle de 1,73 m², sa dose maximale de metformine est réduite": ...,
}
### BEGIN SOLUTION
interpretation_m_a = {
    "avec l'équation du laboratoire européen, ce seul dosage suffit à le classer en stade G3a": "non",
    "avec l'équation du laboratoire européen, en désindexant son DFGe avec une surface corporelle de 2,10 m², sa dose maximale de metformine est réduite": "non",
    "avec l'équation du laboratoire européen, en désindexant son DFGe avec une surface corporelle de 1,50 m², sa dose maximale de metformine est réduite": "oui",
    "avec l'équation 2021 et une surface corporelle de 1,73 m², sa dose maximale de metformine est réduite": "oui",
}
### END SOLUTION

# %% tests="interpretation_m_a" points=2 session="formative"
# Vérification de la question 8 : exécutez cette cellule.
checks.check_choices(
    interpretation_m_a,
    name="interpretation_m_a",
    options=["oui", "non"],
    digests={
        "avec l'équation du laboratoire européen, ce seul dosage suffit à le classer en stade G3a": "c046c542950260a2",
        "avec l'équation du laboratoire européen, en désindexant son DFGe avec une surface corporelle de 2,10 m², sa dose maximale de metformine est réduite": "a881318240061b81",
        "avec l'équation du laboratoire européen, en désindexant son DFGe avec une surface corporelle de 1,50 m², sa dose maximale de metformine est réduite": "bd4ff25c33dd9557",
        "avec l'équation 2021 et une surface corporelle de 1,73 m², sa dose maximale de metformine est réduite": "7841bddc05370048",
    },
    mistakes={
        "avec l'équation du laboratoire européen, ce seul dosage suffit à le classer en stade G3a": [
            checks.Mistake(None, "revoyez la désindexation (DFGe × surface / 1,73, pli « La dose ») "
                           "et placez chaque DFG en mL/min par rapport au seuil de 60 ; relisez "
                           "aussi ce qu'il faut pour poser un stade (section 1).", digest="cf332f6c0e3b01cc"),
        ],
        "avec l'équation du laboratoire européen, en désindexant son DFGe avec une surface corporelle de 2,10 m², sa dose maximale de metformine est réduite": [
            checks.Mistake(None, "revoyez la désindexation (DFGe × surface / 1,73, pli « La dose ») "
                           "et placez chaque DFG en mL/min par rapport au seuil de 60 ; relisez "
                           "aussi ce qu'il faut pour poser un stade (section 1).", digest="036103104492b6ce"),
        ],
        "avec l'équation du laboratoire européen, en désindexant son DFGe avec une surface corporelle de 1,50 m², sa dose maximale de metformine est réduite": [
            checks.Mistake(None, "revoyez la désindexation (DFGe × surface / 1,73, pli « La dose ») "
                           "et placez chaque DFG en mL/min par rapport au seuil de 60 ; relisez "
                           "aussi ce qu'il faut pour poser un stade (section 1).", digest="02067d4845a0f83e"),
        ],
        "avec l'équation 2021 et une surface corporelle de 1,73 m², sa dose maximale de metformine est réduite": [
            checks.Mistake(None, "revoyez la désindexation (DFGe × surface / 1,73, pli « La dose ») "
                           "et placez chaque DFG en mL/min par rapport au seuil de 60 ; relisez "
                           "aussi ce qu'il faut pour poser un stade (section 1).", digest="f5990a7401d3981a"),
        ],
    },
    success="le DFGe est indexé, le RCP de la metformine écrit ses seuils en mL/min : si l'on "
    "désindexe, comme le jugent préférable Delanaye et al. (2016), la dose maximale dépend, à "
    "DFGe égal, de la corpulence (DFGe × surface / 1,73). C'est un choix, et la pratique "
    "varie. Et une seule valeur ne fait pas un stade.",
    points=2,
)
### BEGIN HIDDEN TESTS
checks.check_choices(
    interpretation_m_a,
    name="interpretation_m_a",
    options=["oui", "non"],
    expected={
    "avec l'équation du laboratoire européen, ce seul dosage suffit à le classer en stade G3a": "non",
    "avec l'équation du laboratoire européen, en désindexant son DFGe avec une surface corporelle de 2,10 m², sa dose maximale de metformine est réduite": "non",
    "avec l'équation du laboratoire européen, en désindexant son DFGe avec une surface corporelle de 1,50 m², sa dose maximale de metformine est réduite": "oui",
    "avec l'équation 2021 et une surface corporelle de 1,73 m², sa dose maximale de metformine est réduite": "oui",
},
    points=2,
)
### END HIDDEN TESTS

# %% mistake="interpretation_m_a" session="formative"
# message : ce qu'il faut pour poser un stade
# (deux items faux : avec la note corrigée du hasard, deux justes et deux faux valent 0)
interpretation_m_a = {
    "avec l'équation du laboratoire européen, ce seul dosage suffit à le classer en stade G3a": "oui",
    "avec l'équation du laboratoire européen, en désindexant son DFGe avec une surface corporelle de 2,10 m², sa dose maximale de metformine est réduite": "oui",
    "avec l'équation du laboratoire européen, en désindexant son DFGe avec une surface corporelle de 1,50 m², sa dose maximale de metformine est réduite": "oui",
    "avec l'équation 2021 et une surface corporelle de 1,73 m², sa dose maximale de metformine est réduite": "oui",
}

# %% mistake="interpretation_m_a" session="formative"
# message : revoyez la désindexation
# (deux items faux : avec la note corrigée du hasard, deux justes et deux faux valent 0)
interpretation_m_a = {
    "avec l'équation du laboratoire européen, ce seul dosage suffit à le classer en stade G3a": "non",
    "avec l'équation du laboratoire européen, en désindexant son DFGe avec une surface corporelle de 2,10 m², sa dose maximale de metformine est réduite": "oui",
    "avec l'équation du laboratoire européen, en désindexant son DFGe avec une surface corporelle de 1,50 m², sa dose maximale de metformine est réduite": "non",
    "avec l'équation 2021 et une surface corporelle de 1,73 m², sa dose maximale de metformine est réduite": "oui",
}

# %% mistake="interpretation_m_a" session="formative"
# message : par rapport au seuil de 60
# (deux items faux : avec la note corrigée du hasard, deux justes et deux faux valent 0)
interpretation_m_a = {
    "avec l'équation du laboratoire européen, ce seul dosage suffit à le classer en stade G3a": "non",
    "avec l'équation du laboratoire européen, en désindexant son DFGe avec une surface corporelle de 2,10 m², sa dose maximale de metformine est réduite": "non",
    "avec l'équation du laboratoire européen, en désindexant son DFGe avec une surface corporelle de 1,50 m², sa dose maximale de metformine est réduite": "non",
    "avec l'équation 2021 et une surface corporelle de 1,73 m², sa dose maximale de metformine est réduite": "non",
}

# %% mistake="interpretation_m_a" session="formative"
# message : placez chaque DFG en mL/min
# (deux items faux : avec la note corrigée du hasard, deux justes et deux faux valent 0)
interpretation_m_a = {
    "avec l'équation du laboratoire européen, ce seul dosage suffit à le classer en stade G3a": "oui",
    "avec l'équation du laboratoire européen, en désindexant son DFGe avec une surface corporelle de 2,10 m², sa dose maximale de metformine est réduite": "non",
    "avec l'équation du laboratoire européen, en désindexant son DFGe avec une surface corporelle de 1,50 m², sa dose maximale de metformine est réduite": "oui",
    "avec l'équation 2021 et une surface corporelle de 1,73 m², sa dose maximale de metformine est réduite": "non",
}


# %% session="evaluation" jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il affiche les affirmations de la question 8 dans
# l'ordre de votre copie, sous des lettres. Exécutez-le (Maj + Entrée).
import textwrap

_affirmations_q8 = {
    "stade": "avec l'équation du laboratoire européen, ce seul dosage suffit à le classer en stade G3a",
    "surface_210": "avec l'équation du laboratoire européen, en désindexant son DFGe avec une surface corporelle de 2,10 m², sa dose maximale de metformine est réduite",
    "surface_150": "avec l'équation du laboratoire européen, en désindexant son DFGe avec une surface corporelle de 1,50 m², sa dose maximale de metformine est réduite",
    "surface_173": "avec l'équation 2021 et une surface corporelle de 1,73 m², sa dose maximale de metformine est réduite",
}
_ordre_q8, _ = checks.draw_slots(checks.student_seed("07", announce=False), "interpretation_m_a",
                            list(_affirmations_q8))
print("Question 8 : vos affirmations, dans l'ordre de votre copie (celui de vos voisins "
      "peut différer) ; répondez pour chaque lettre.")
for _lettre, _cle in _ordre_q8.items():
    print(textwrap.fill(f"{_lettre} : {_affirmations_q8[_cle]}", width=90,
                        subsequent_indent="    "))

# %% answer="interpretation_m_a" session="evaluation"
# Une réponse par lettre, "oui" (juste) ou "non" (fausse) : les affirmations sont affichées
# au-dessus.
interpretation_m_a = {"A": ..., "B": ..., "C": ..., "D": ...}
### BEGIN SOLUTION
from esn_teach.datasets import egfr_ckd_epi_2009, egfr_ckd_epi_2021
from esn_teach.datasets._egfr_tasks import _copy_creatinines

# Q8's keys, from the copy's own DFGe: one dosage never makes a stage; 2009 without its
# coefficient deindexed with 2,10 or 1,50 m², then 2021 at 1,73 m², each placed under 60.
_age, _creat, _ = _copy_creatinines(GRAINE)
_nu = float(egfr_ckd_epi_2009(_creat / 88.4, _age, False, False))
_d21 = float(egfr_ckd_epi_2021(_creat / 88.4, _age, False))
_oui = {True: "oui", False: "non"}
_cles_q8 = {"stade": "non", "surface_210": _oui[_nu * 2.10 / 1.73 < 60],
            "surface_150": _oui[_nu * 1.50 / 1.73 < 60], "surface_173": _oui[_d21 < 60]}
interpretation_m_a = {_lettre: _cles_q8[_cle] for _lettre, _cle in _ordre_q8.items()}
### END SOLUTION

# %% tests="interpretation_m_a" points=2 session="evaluation"
# Vérification de la question 8 : exécutez cette cellule.
checks.check_form(interpretation_m_a, name="interpretation_m_a", kind="choices", options=["oui", "non"],
                  items=["A", "B", "C", "D"])
### BEGIN HIDDEN TESTS
from esn_teach.datasets import egfr_ckd_epi_2009, egfr_ckd_epi_2021
from esn_teach.datasets._egfr_tasks import _copy_creatinines

# Q8's keys, from the copy's own DFGe: one dosage never makes a stage; 2009 without its
# coefficient deindexed with 2,10 or 1,50 m², then 2021 at 1,73 m², each placed under 60.
_age, _creat, _ = _copy_creatinines(checks.student_seed("07", announce=False))
_nu = float(egfr_ckd_epi_2009(_creat / 88.4, _age, False, False))
_d21 = float(egfr_ckd_epi_2021(_creat / 88.4, _age, False))
_oui = {True: "oui", False: "non"}
_cles_q8 = {"stade": "non", "surface_210": _oui[_nu * 2.10 / 1.73 < 60],
            "surface_150": _oui[_nu * 1.50 / 1.73 < 60], "surface_173": _oui[_d21 < 60]}
_cles_cachees = _cles_q8
_ordre_cache, _ = checks.draw_slots(checks.student_seed("07", announce=False), "interpretation_m_a",
                                    list(_cles_cachees))
checks.check_choices(
    interpretation_m_a, name="interpretation_m_a", options=["oui", "non"],
    expected={_lettre: _cles_cachees[_cle] for _lettre, _cle in _ordre_cache.items()},
    mistakes={  # one message per statement (lecturer d19, finding 6): the stage has its own
        _lettre: [checks.Mistake("non" if _cles_cachees[_cle] == "oui" else "oui", {
            "stade": "revoyez ce qu'il faut pour poser un stade de maladie rénale chronique (section 1) : combien de temps, combien de dosages ?",
            "surface_210": "revoyez la désindexation (DFGe × 2,10 / 1,73, pli « La dose ») et placez ce DFG en mL/min par rapport au seuil de 60.",
            "surface_150": "revoyez la désindexation (DFGe × 1,50 / 1,73, pli « La dose ») et placez ce DFG en mL/min par rapport au seuil de 60.",
            "surface_173": "revoyez : avec 1,73 m², le DFG désindexé égale le DFGe indexé ; placez le DFGe 2021 de votre M. A. (question 1) par rapport à 60.",
        }[_cle])]
        for _lettre, _cle in _ordre_cache.items()
    },
    points=2,
)
### END HIDDEN TESTS

# %% mistake="interpretation_m_a" session="evaluation"
# message : poser un stade
interpretation_m_a = {"A": "oui", "B": "oui", "C": "oui", "D": "oui"}

# %% mistake="interpretation_m_a" session="evaluation"
# message : revoyez la désindexation
interpretation_m_a = {"A": "non", "B": "non", "C": "non", "D": "non"}

# %% mistake="interpretation_m_a" session="evaluation"
# message : revoyez
interpretation_m_a = {"A": "oui", "B": "oui", "C": "oui", "D": "non"}

# %% [markdown]
# ### Réflexion — L'agent conversationnel et la formule de 2009 (3 points, corrigée par l'enseignant)
#
# Un·e collègue vous montre la réponse d'un agent conversationnel (un « chatbot ») à qui cette
# personne a demandé le DFG d'un patient noir. L'agent donne un chiffre sans dire quelle équation il
# applique ; en le recalculant, vous retrouvez celui de CKD-EPI 2009 avec son coefficient
# × 1,159. Omiye et al. (2023) ont posé neuf questions, cinq fois chacune, à
# quatre grands modèles de langage de 2023 : tous ont, dans certaines réponses, reproduit une
# médecine fondée sur la race. Les versions ont changé depuis ; la vérification reste
# nécessaire.
#
# En 10 à 15 lignes, depuis votre futur métier (à rédiger après la séance, à rendre comme
# l'indique votre enseignant·e) :
#
# - que répondez-vous à votre collègue, et que vérifiez-vous avant d'utiliser un tel chiffre ?
# - quelles conséquences pour le patient, avec au moins **un chiffre de ce module** ? Recopiez
#   vos réponses aux questions 1 et 2 (les deux DFGe de **votre** M. A., en mL/min/1,73 m²) ;
#   pour une part, dites son dénominateur.
# - qui est responsable, que faudrait-il demander à l'outil (ou à son fournisseur), et pourquoi
#   une catégorie raciale déclarée n'a-t-elle pas sa place dans ce calcul ?

# %% [markdown] written="reflexion_agent" points=3
# **Votre filière** (médecine, pharmacie, soins infirmiers, droit, gestion…) :
#
# ### BEGIN SOLUTION
# *Guide de correction (enseignants ; retiré de la version étudiante).* Trois critères, chacun
# noté **0**, **0,5** ou **1** point.
#
# **Grille rapide** (le détail suit) :
#
# - **C1** (V5 — Utilisation responsable et éclairée) : équation et coefficient identifiés
#   **et** deux vérifications = 1 ; une méfiance sans dire quoi vérifier, ou une seule
#   vérification = 0,5 ; le chiffre repris = 0.
# - **C2a** : une conséquence juste pour le patient (seuil de 60 ou de 20) = 0,5.
#   **C2b** : un chiffre juste **de cette copie** (ligne « Pour le correcteur » sous la
#   vérification de la question 3), avec son dénominateur s'il s'agit d'une part et le mot
#   « synthétique » s'il vient de la cohorte = 0,5.
# - **C3** (V4 — Prudence, esprit critique et inclusivité ; V6 — Intégrité et transparence) :
#   qui est responsable **et** pourquoi la race n'a pas sa place = 1 ; l'un
#   des deux = 0,5 ; un slogan sans analyse = 0.
#
# **Critère 1 — Vérifier avant d'utiliser**, valeur V5 — Utilisation responsable et éclairée.
# **Reprendre le DFGe du compte rendu et le recalculer sans coefficient comptent pour une seule
# vérification.**
# **Une même phrase ne compte qu'à un critère** : « quelle équation ? » compte au critère 1
# quand c'est une vérification faite avant d'utiliser le chiffre (« je vérifie quelle
# équation applique le laboratoire »), au critère 3 quand c'est une exigence adressée au
# fournisseur (« l'éditeur doit dire quelle formule il applique ») ; jamais aux deux.
#
# - **1** : la copie identifie l'équation (2009, coefficient racial) **et** cite au moins
#   **deux** vérifications parmi : équation utilisée par le laboratoire (en France, la HAS
#   recommande CKD-EPI depuis 2011) ; unité de la créatinine (µmol/L ÷ 88,4) ;
#   reprendre le DFGe du compte rendu **ou** le recalculer sans coefficient racial (une seule
#   vérification, même si la copie cite les deux), en nommant l'équation (en Europe, 2009 sans coefficient, comme le recommande l'EFLM, ou l'EKFC ;
#   2021 est le choix américain, à accepter si la copie dit que c'est lui) ; refus de
#   reprendre le chiffre de l'agent sans contrôle ; exiger de connaître l'équation et sa
#   version avant tout usage, et documenter ce choix (accepté pour toutes les filières).
# - **0,5** : la copie se méfie de l'agent sans dire quoi vérifier, vérifie l'unité sans
#   voir le coefficient, ou identifie le coefficient avec une seule vérification.
# - **0** : la copie reprend le chiffre, ou rejette tout outil sans argument.
#
# **Critère 2 — Conséquences, chiffre et dénominateur justes**, en **deux éléments jugés
# séparément**, 0 ou 0,5 chacun (relecture d20b : un correcteur juge l'un sans l'autre) :
#
# - **2a (0,5)** : une conséquence juste pour le patient (passer au-dessus de 60 ou de 20 :
#   détail ci-dessous).
# - **2b (0,5)** : un chiffre juste, avec son dénominateur pour une part et le mot
#   « synthétique » pour un chiffre de la cohorte. La consigne demande de recopier les
#   réponses aux questions 1 et 2 : comparez-les à celles de la copie corrigée.
#
# Détail de ce qui est juste :
#
# - **1** (2a et 2b) : un DFGe surestimé peut faire passer au-dessus de 60 (stade G3a non reconnu si la
#   baisse dure plus de 3 mois, diagnostic de maladie rénale chronique retardé, dose de
#   metformine non réduite si l'estimation en mL/min suit le même sens) ou de 20
#   (aux États-Unis, temps d'attente de greffe compté plus tard pour un candidat inscrit) ;
#   **et** un chiffre juste du module (pour une part : son dénominateur ; pour un chiffre de
#   la cohorte : dire qu'elle est **synthétique**) : p. ex. les deux DFGe de M. A. (en
#   formatif, l'un au-dessus, l'autre au-dessous de 60 ; en séance évaluée, selon la copie,
#   de part et d'autre de 60, tous deux à 60 ou plus, ou tous deux sous 60 : le seuil de 20,
#   la part de la cohorte ou le sens de l'écart conviennent alors), ou la part des patients
#   noirs de la cohorte synthétique qui passent sous 60 (avec son groupe de départ : parmi
#   **tous** les patients noirs, ou, en séance évaluée si la copie l'a tiré, parmi ceux que
#   2009 plaçait à 60 ou plus ; avec si possible son intervalle). « 15,9 % » est juste si la copie le rapporte à l'équation 2009 sans
#   coefficient ; faux si elle le rapporte au DFG mesuré ou « vrai ». **Chaque copie de la
#   séance évaluée a son M. A. et sa cohorte** : comparez les chiffres de la réflexion aux
#   réponses de **la même copie** (questions 1, 2, 3 et 6 de la copie corrigée ; la ligne
#   « Pour le correcteur », sous la vérification de la question 3, donne les valeurs justes
#   de la copie, même si la réflexion a été rendue à part) ; un chiffre
#   égal à une réponse notée juste est juste, de même qu'un chiffre publié que cite le module
#   (p. ex. Inker et al., 2021 : 3,7 et 7,1) ; un chiffre propre à la copie que ses réponses
#   notées ne confirment pas ne compte pas comme juste, ni ceux de la version formative
#   (62,2 et 56,8). La copie ne dit pas que l'équation 2021 donne le
#   « vrai » DFG d'un patient de la cohorte (aucun DFG mesuré). **La même exigence pour
#   toutes les filières** : la filière écrite en tête de la copie (non vérifiée) situe la
#   réponse, elle ne change pas le barème. Une conséquence pour le patient ou
#   l'établissement (un diagnostic retardé, une dose, une responsabilité) avec un chiffre
#   juste suffit. La remarque sur l'unité (le RCP écrit ses seuils en mL/min, le DFGe est
#   indexé, en mL/min/1,73 m² ; désindexer ou non, les deux acceptés s'ils sont dits) n'est
#   exigée de personne : signalez-la dans le commentaire, sans point de plus.
# - **0,5** (2a seul) : des conséquences justes, mais sans chiffre, avec un chiffre faux, une part
#   sans son dénominateur (ou rapportée à toute la cohorte), ou un chiffre de la cohorte
#   présenté comme celui de vrais patients.
# - **0** : aucune conséquence juste.
#
# **Critère 3 — Responsabilités et esprit critique**, valeurs
# V4 — Prudence, esprit critique et inclusivité et V6 — Intégrité et transparence
# (troisième point de la consigne, qui demande les deux aspects).
#
# - **1** : **qui est responsable** (le professionnel qui utilise le chiffre en reste
#   responsable ; ce qu'il faut demander au fournisseur, au titre de
#   V6 — Intégrité et transparence : dire quelle équation l'outil applique, et la mettre à
#   jour) **et pourquoi la race pose problème** : c'est une catégorie sociale, pas une mesure
#   du rein (Inker et al., 2021), ou le principe **justice (équité)** du CENS (un même rein
#   jugé différemment selon une catégorie déclarée) ; le problème ne se règle pas en
#   « corrigeant » à la main selon la couleur de peau. Accepter la mention de la cystatine C ou d'un DFG mesuré quand
#   la décision est importante.
# - **0,5** : l'un des deux aspects manque (qui est responsable, ou pourquoi la race pose
#   problème).
# - **0** : « l'IA est fiable » ou « l'IA est raciste » sans analyse.
#
# **Copie exemple** (pharmacien·ne), notée **deux points et demi sur 3** :
#
# > « Je ne reprendrais pas ce chiffre : l'agent applique le coefficient racial de 2009, que
# > l'EFLM recommande de ne pas appliquer en Europe. Je reprends le DFGe du compte
# > rendu, ou je le recalcule sans coefficient (créatinine divisée par 88,4). Pour mon M. A.,
# > [DFGe 2009 de la copie] avec le coefficient, [DFGe 2021] avec l'équation américaine de
# > 2021 : au-dessus ou au-dessous de 60, la dose maximale de metformine peut changer, sachant
# > que le RCP écrit ses seuils en mL/min et non en DFGe indexé. Dans la cohorte synthétique du
# > cours, parmi tous les patients noirs, [k sur n de la question 3] changent ainsi de côté.
# > Je reste responsable de la dose
# > délivrée ; l'éditeur doit dire quelle formule il applique. »
#
# Les crochets tiennent la place des chiffres de la copie (ses réponses aux questions 1 à
# 3) ; en version formative : 62,2, 56,8 et 40 sur 1 445.
#
# Notation : critère 1, **1** (équation et coefficient identifiés ; deux vérifications : la
# reprise du compte rendu ou le recalcul sans coefficient, comptés pour une, et l'unité de la
# créatinine, divisée par 88,4) ; critère 2, **1** (2a : la dose ; 2b : chiffres justes, dénominateur dit,
# cohorte dite synthétique ; la remarque sur les mL/min, juste, n'est pas exigée) ; critère 3, **0,5** (la
# responsabilité est dite, mais la copie ne répond pas à la fin du troisième point de la
# consigne : ni la race comme catégorie sociale, ni le principe de justice (équité) du CENS).
#
# **Copie faible**, notée **un demi-point sur 3** :
#
# > « L'IA est raciste : il ne faut jamais l'utiliser. Elle surestime le DFG, ce qui peut
# > retarder le diagnostic de maladie rénale ; son chiffre dépasse de 15,9 % le vrai DFG. La
# > faute en revient à l'entreprise qui a fait le chatbot. »
#
# Notation : critère 1, **0** (rejette tout outil, ne dit quoi vérifier) ; critère 2, **0,5**
# (2a, 0,5 : une conséquence juste ; 2b, 0 : un chiffre faux : 15,9 % est ce qu'ajoute le coefficient à
# l'équation 2009 sans lui, pas l'écart au DFG mesuré, que personne ne connaît ici ;
# « 15,9 % de plus que l'équation 2009 sans coefficient » aurait été juste) ; critère 3, **0** (« l'IA est
# raciste » sans analyse ; la responsabilité du professionnel n'est pas vue).
# ### END SOLUTION

# %% [markdown]
# ## À retenir
#
# - Le DFGe dépend de l'**équation** : créatinine en **mg/dL** (µmol/L ÷ 88,4), coefficient
#   de 2009 **× 1,159** pour les patients déclarés noirs, aucun en 2021 (choix américain).
# - Un écart médian est le biais d'un groupe ; pour un patient, l'erreur peut dépasser 30 %
#   du DFG mesuré (Inker et al., 2021).
# - Un seuil (60, 20) transforme un petit écart en décision : stade, dose, greffe.
# - Une part se compte **parmi le bon groupe**, avec sa **marge d'incertitude**.
# - Sans DFG mesuré, on compare des équations ; on ne dit pas laquelle a raison.

# %% [markdown]
# ### Pour aller plus loin
#
# - **En Europe**, d'autres équations sans race existent, comme celle de l'European Kidney
#   Function Consortium (EKFC), construite sur des cohortes européennes ; l'EFLM la cite
#   comme candidate (Delanaye et al., 2023a ; Stehlé et al., 2023). À Stockholm, passer à
#   2021 ferait passer dans une catégorie de DFG plus haute 9,9 % des adultes dont la
#   créatinine avait été dosée (Fu et al., 2023).
# - **Hors des États-Unis, le coefficient semble inexact.** Chez 93 adultes en bonne santé à
#   Kinshasa, l'équation 2009 avec coefficient surestimait le DFG mesuré de 17,9
#   mL/min/1,73 m² en moyenne (Bukabau et al., 2018).
# - **Droit.** Le RGPD interdit par principe de traiter les données révélant l'origine raciale
#   ou ethnique (article 9, paragraphe 1), mais le permet quand c'est **nécessaire** au
#   diagnostic ou à la prise en charge, sur une base légale ou un contrat avec un
#   professionnel de santé soumis au secret (paragraphe 2, point h, et paragraphe 3 ; cellule
#   ci-dessous) : recueillir la « race » pour une équation que l'EFLM déconseille en Europe se
#   jugerait à ce critère de nécessité. Le Code pénal punit de 5 ans d'emprisonnement et de
#   300 000 € d'amende le fait de mettre ou de conserver en mémoire informatisée, hors les cas
#   prévus par la loi et sans le consentement exprès de l'intéressé, des données qui font
#   apparaître ses origines raciales ou ethniques, ou relatives à sa santé (article 226-19 ;
#   Légifrance, 2019). Ces « cas prévus par la loi » se lisent avec la loi Informatique et
#   Libertés (n° 78-17, article 6), qui interdit à son tour de traiter les données révélant
#   la « prétendue origine raciale » ou l'origine ethnique et renvoie, pour les exceptions, au
#   RGPD (article 9, paragraphe 2) : le soin en est une, sous conditions (point h). La
#   question est donc de savoir si recueillir la race est nécessaire au soin. Le Conseil constitutionnel (décision 2007-557 DC) a censuré
#   l'article 63 de la loi de 2007 pour une raison de procédure, en ajoutant une réserve sur
#   les **études statistiques** de la diversité, pas sur le soin : elles « ne sauraient […]
#   reposer sur l'origine ethnique ou la race ».

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : les textes cités (RGPD, loi Informatique et Libertés),
# tirés de la bibliothèque du cours.
from esn_teach.law import LEGAL_FACTS_LAST_CHECKED, reference

for cle in ("9(1)", "LIL 6", "9(2)(h)"):
    ref = reference(cle)
    print(f"{ref.citation} ({ref.date_label}) — {ref.title} : {ref.summary}")
    print(f"Texte officiel : {ref.url}")
print(f"Textes vérifiés le {LEGAL_FACTS_LAST_CHECKED:%d/%m/%Y} (résumés, pas des citations ; "
      "pas un conseil juridique).")

# %% [markdown]
# ## Sources
#
# - Levey AS, Stevens LA, Schmid CH, *et al.* A new equation to estimate glomerular filtration
#   rate. *Ann Intern Med* 2009;150(9):604-612. Développement sur 8 254 participants à DFG
#   mesuré : régression du logarithme du DFG mesuré sur la créatinine, le sexe, la race et
#   l'âge ; coefficient × 1,159 pour les patients déclarés noirs.
# - Inker LA, Eneanya ND, Coresh J, *et al.* New creatinine- and cystatin C-based equations to
#   estimate GFR without race. *N Engl J Med* 2021;385(19):1737-1749.
#   doi:10.1056/NEJMoa2102953. Résumé : « race in eGFR equations is a social and not a biologic
#   construct » ; validation sur 4 050 participants (14,3 % noirs) à DFG mesuré ; l'équation
#   2009 surestimait le DFG mesuré des participants noirs (médiane 3,7 mL/min/1,73 m² ; IC 95 %
#   1,8 à 5,4) et, moins, celui des non-Noirs (0,5 ; 0,0 à 0,9) ; la nouvelle équation le sous-estime (3,6 ; 1,8 à 5,5) et surestime celui des
#   non-Noirs (3,9 ; 3,4 à 4,4) ; l'équation 2009 sans son coefficient sous-estimait le DFG
#   mesuré des participants noirs (7,1 ; 5,9 à 8,8).
#   Résumé, aussi : « For all equations, 85% or more of the eGFRs for Blacks and non-Blacks
#   were within 30% of measured GFR » (P30).
# - Delanaye P, Schaeffner E, Cozzolino M, *et al.* The new, race-free, Chronic Kidney Disease
#   Epidemiology Consortium (CKD-EPI) equation to estimate glomerular filtration rate: is it
#   applicable in Europe? A position statement by the European Federation of Clinical
#   Chemistry and Laboratory Medicine (EFLM). *Clin Chem Lab Med* 2023;61(1):44-47.
#   doi:10.1515/cclm-2022-0928 (2023a). Résumé : ne pas implanter l'équation 2021 dans les
#   laboratoires européens, garder 2009 sans facteur racial ; EKFC citée comme candidate.
# - Delanaye P, Cavalier E, Pottel H, Stehlé T. New and old GFR equations: a European
#   perspective. *Clin Kidney J* 2023;16(9):1375-1383. doi:10.1093/ckj/sfad039 (2023b).
#   Résumé : « CKD-EPICr2021 does not perform better than CKD-EPI2009 in US population,
#   overestimating GFR in non-Black subjects, and underestimating it in Black subjects with the
#   same magnitude » ; « performed worse than the CKD-EPI2009 in White Europeans, and provides
#   no or limited performance gains in Black European and Black African populations ».
# - Fu EL, Coresh J, Grams ME, *et al.* Removing race from the CKD-EPI equation and its impact
#   on prognosis in a predominantly White European population. *Nephrol Dial Transplant*
#   2023;38(1):119-128 (en ligne le 11 juin 2022). doi:10.1093/ndt/gfac197. 1,6 million d'adultes de Stockholm avec un
#   dosage de créatinine (2007-2019) : 9,9 % reclassés dans une catégorie de DFG plus haute
#   avec 2021 (36,2 % des G3a à G5).
# - Kidney Disease: Improving Global Outcomes (KDIGO) CKD Work Group. KDIGO 2012 Clinical
#   Practice Guideline for the Evaluation and Management of Chronic Kidney Disease. *Kidney Int
#   Suppl* 2013;3(1):1-150. Stades G1 à G5 (seuils 90, 60, 45, 30, 15) ; maladie rénale
#   chronique si l'anomalie dure plus de 3 mois ; DFGe par la créatinine d'abord, confirmation
#   par la cystatine C ou un DFG mesuré quand il est moins fiable.
# - KDIGO CKD Work Group. KDIGO 2024 Clinical Practice Guideline for the Evaluation and
#   Management of Chronic Kidney Disease. *Kidney Int* 2024;105(4S):S117-S314. Met à jour la
#   recommandation de 2012 ; recommande le DFGe créatinine et cystatine C quand le DFGe par
#   la seule créatinine est moins fiable et que le DFG pèse sur la décision.
# - National Institute of Diabetes and Digestive and Kidney Diseases (NIDDK), National Kidney
#   Disease Education Program. *CKD and Drug Dosing: Information for Providers*. niddk.nih.gov,
#   consulté le 5 décembre 2026 : les notices américaines utilisent le plus souvent la
#   clairance de la créatinine estimée par l'équation de Cockcroft et Gault (Cockcroft DW,
#   Gault MH, *Nephron*, 1976), qui utilise l'âge, le poids, la créatinine et le sexe.
# - Viatris, résumé des caractéristiques du produit (RCP) de METFORMINE VIATRIS 850 mg, publié
#   dans la base de données publique des médicaments (mis à jour le 3 février 2023) :
#   contre-indication si DFG < 30 mL/min ; dose maximale de 3 g par jour de 60 à 89, 2 g de 45
#   à 59, 1 g de 30 à 44, rappelée par le centre régional de pharmacovigilance de Tours
#   (pharmacovigilance-tours.fr, « Metformine : risque d'acidose lactique en cas d'insuffisance
#   rénale »). Consultés le 5 décembre 2026. De 60 à 89, le tableau commun aux RCP de la
#   metformine ajoute qu'une réduction peut être envisagée si la fonction rénale baisse (lu
#   dans le RCP de Glucophage, Merck, MHRA, 2022, consulté le 6 décembre 2026).
# - Organ Procurement and Transplantation Network (OPTN). *Modify Waiting Time for Candidates
#   Affected by Race-Inclusive eGFR Calculations* (approuvé le 5 décembre 2022, en vigueur le 5
#   janvier 2023 ; programmes tenus de terminer le 3 janvier 2024) et *Establish OPTN
#   Requirement for Race-Neutral eGFR Calculations* (approuvé en juin 2022, en vigueur le 27
#   juillet 2022). optn.transplant.hrsa.gov, consulté le 5 décembre 2026. Un DFG ou une
#   clairance, mesurés ou calculés, inférieurs ou égaux à 20 mL/min font compter le temps
#   d'attente (l'un des critères, le plus précoce l'emportant) : règle de l'OPTN citée par
#   Lee BJ, McCulloch CE, Grimes BA, Chandran S, Allen IE,
#   Delgado C, Hsu CY. Refining the policy for timing of kidney transplant waitlist
#   qualification. *Transplant Direct* 2017;3(8):e195. Que ce critère soit l'un de plusieurs,
#   le plus précoce comptant, pour les candidats adultes : Huang E, Danovitch G. *The kidney
#   transplant waiting list in the United States*, UpToDate, 2017 (début public de l'article).
# - United Network for Organ Sharing (UNOS). *Over 14,700 waiting time modifications
#   completed for Black kidney patients one year after policy implementation*, 8 mai 2024 :
#   au 4 janvier 2024, 14 701 modifications traitées, durée médiane ajoutée 1,7 an ; les 230
#   programmes de greffe rénale actifs ont attesté avoir revu leur liste. hrsa.unos.org,
#   consulté le 6 décembre 2026. (Six mois après l'entrée en vigueur, au 5 juillet 2023 :
#   plus de 6 100 candidats, même médiane ; unos.org, 2023.)
# - AACC (American Association for Clinical Chemistry, aujourd'hui ADLM), *Scientific
#   Shorts*, 2022. *Why should we eliminate the Black race coefficient from eGFR
#   equations?* aacc.org, consulté le 5 décembre 2026 : le coefficient avait été ajouté,
#   comme l'âge et le sexe, pour tenir compte de la masse musculaire (créatinine plus
#   élevée).
# - Delanaye P, Mariat C, Maillard N, Krzesinski JM, Cavalier E. Are the creatinine-based
#   equations accurate to estimate glomerular filtration rate in African American
#   populations? *Clin J Am Soc Nephrol* 2011;6(4):906-912. doi:10.2215/CJN.10931210. Lu :
#   à DFG égal, la créatinine est plus haute chez les personnes noires, attribuée à une masse
#   musculaire en moyenne plus élevée, et peut-être à une sécrétion tubulaire différente.
# - Delgado C, Baweja M, Burrows NR, *et al.* Reassessing the inclusion of race in diagnosing
#   kidney diseases: an interim report from the NKF-ASN Task Force. *Am J Kidney Dis*
#   2021;78(1):103-115. doi:10.1053/j.ajkd.2021.03.008 (2021a).
# - Delgado C, Baweja M, Crews DC, *et al.* A unifying approach for GFR estimation:
#   recommendations of the NKF-ASN Task Force on reassessing the inclusion of race in
#   diagnosing kidney disease. *J Am Soc Nephrol* 2021;32(12):2994-3015.
#   doi:10.1681/ASN.2021070988 ; aussi *Am J Kidney Dis* 2022;79(2), doi:10.1053/j.ajkd.2021.08.003
#   (2021b, rapport final). Résumé : recommande d'implanter « immédiatement » l'équation
#   CKD-EPI réestimée sans race dans tous les laboratoires des États-Unis.
# - Delanaye P, Mariat C, Cavalier E, Glassock RJ, Gemenne F, Pottel H. The « race » correction
#   in estimating glomerular filtration rate: an European point of view. *Curr Opin Nephrol
#   Hypertens* 2021;30(6):525-530. doi:10.1097/MNH.0000000000000739. Résumé : « the race
#   coefficient is inaccurate in European and African black people » ; une correction « for
#   black Americans, rather than for black in general ».
# - Stehlé T, *et al.* Actualités et perspectives dans l'estimation du débit de filtration
#   glomérulaire. *Néphrologie & Thérapeutique* 2023;19(1) (février). Résumé : facteurs ethniques
#   « dédiés aux sujets Noirs américains » ; équations CKD-EPI recalibrées en 2021.
# - Bukabau JB, Sumaili EK, Cavalier E, *et al.* Performance of glomerular filtration rate
#   estimation equations in Congolese healthy adults: the inopportunity of the ethnic
#   correction. *PLoS One* 2018;13(3):e0193384. 93 adultes, DFG mesuré (iohexol) ; biais de
#   CKD-EPI avec coefficient : 17,9 mL/min/1,73 m².
# - Omiye JA, Lester JC, Spichak S, Rotemberg V, Daneshjou R. Large language models propagate
#   race-based medicine. *npj Digit Med* 2023;6:195. doi:10.1038/s41746-023-00939-z.
# - Delanaye P, Flamant M, Cavalier E, Guerber F, Vallotton T, Moranne O, Pottel H, Boffa JJ,
#   Mariat C. Adaptation posologique des médicaments et fonction rénale : quel(s)
#   estimateur(s) faut-il choisir ? *Néphrologie & Thérapeutique* 2016;12:18-31. Résumé :
#   soutient l'usage de CKD-EPI recommandé par la HAS ; « lorsque le DFG est évalué dans le
#   but d'adapter la posologie d'un médicament, la désindexation de la surface corporelle est
#   préférable ».
# - Haute Autorité de santé (HAS). Évaluation du débit de filtration glomérulaire, et du
#   dosage de la créatininémie dans le diagnostic de la maladie rénale chronique chez
#   l'adulte. Rapport d'évaluation technologique, Service évaluation des actes
#   professionnels, décembre 2011 (validé par le Collège de la HAS en décembre 2011).
#   Conclusions : estimer le DFG par l'équation CKD-EPI ; doser la créatininémie par une
#   méthode enzymatique standardisée IDMS, plutôt que par la méthode de Jaffé.
# - Clopper CJ, Pearson ES. The use of confidence or fiducial limits illustrated in the case of
#   the binomial. *Biometrika* 1934;26(4):404-413. Intervalle « exact » d'une proportion.
# - Conseil constitutionnel, décision n° 2007-557 DC du 15 novembre 2007 : article 63 censuré
#   comme adopté selon une procédure irrégulière (amendement sans lien avec la loi déférée),
#   avec la réserve de principe citée (communiqué du Conseil, repris par
#   controverses.minesparis.psl.eu, consulté le 6 décembre 2026).
# - Code pénal, article 226-19 (version en vigueur depuis le 1er juin 2019, ordonnance
#   n° 2018-1125) : 5 ans d'emprisonnement et 300 000 € d'amende ; l'article vise les données
#   qui font apparaître les origines raciales ou ethniques et aussi, entre autres, celles
#   relatives à la santé. Légifrance, texte consulté le 6 décembre 2026 (relu le même jour
#   sur une reproduction, doctrine.fr, version du 1er juin 2019).
# - Règlement (UE) 2016/679 (RGPD), article 9, paragraphes 1 et 2, point h ; loi n° 78-17
#   du 6 janvier 1978 modifiée (« Informatique et Libertés »), article 6 (données dites
#   sensibles, « prétendue origine raciale ou origine ethnique » ; rapproché de l'article 9 du
#   RGPD par Lefebvre Dalloz, « Connaître les règles applicables au traitement des données
#   sensibles », consulté le 6 décembre 2026) ; résumés de `esn_teach.law` (affichés par la
#   cellule de « Pour aller plus loin »).
# - Données : synthétiques, générées par `esn_teach.datasets.make_egfr_cohort` (graine
#   `random_state=2021`) ; fiche : `esn_teach/datasets/cards/egfr_cohort.md`. Jamais d'usage
#   clinique.
