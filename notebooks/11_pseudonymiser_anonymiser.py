# %% [markdown]
# # Module 11 — Pseudonymiser n'est pas anonymiser
#
# *Cours « IA et santé » — École de santé numérique, Université de Montpellier.*
#
# **Prérequis** : aucun en programmation ; le module 10 (données de santé et RGPD, le règlement
# général sur la protection des données) est conseillé.
#
# ## Ce que vous saurez faire à la fin de ce module
#
# 1. Distinguer données **pseudonymisées** et **anonymes** (RGPD ; arrêt européen du
#    4 septembre 2025).
# 2. Mesurer la part de patients **uniques** ; après la séance, dire le rôle de chaque colonne
#    et ne pas confondre échantillon et population.
# 3. Calculer le **k** du **k-anonymat** et le **l** de la **l-diversité**.
# 4. Lire le résultat d'une **attaque par croisement** avec une **liste nominative** (des noms
#    avec date de naissance, lieu…) : choisir le bon dénominateur.
# 5. **Généraliser** des données et dire ce que cela coûte en détail.
# 6. Dire auquel des **trois risques du G29** (les autorités européennes de protection des
#    données, réunies jusqu'en 2018) une publication reste exposée (après la séance).
#
# <details><summary>Les valeurs de l'école et le cadre de l'éthique du numérique en santé
# (CENS) dans ce module</summary>
#
# > **Les valeurs de l'école dans ce module**
# >
# > - **V5 — Utilisation responsable et éclairée** : mesurer le risque de réidentification
# >   avant de transmettre des données.
# > - **V7 — Partage et collaboration** : partager pour la recherche en choisissant quoi, à qui
# >   et dans quel cadre.
# > - **V4 — Prudence, esprit critique et inclusivité** : vérifier une promesse d'anonymat
# >   chiffres à l'appui ; les patients des petits territoires sont les premiers exposés.
# > - **V6 — Intégrité et transparence** : dire aux patients à qui vont leurs données.
# >
# > **Cadre de l'éthique du numérique en santé (CENS)** : non-malfaisance (ne pas exposer un
# > diagnostic), autonomie (le patient sait à qui vont ses données), bienfaisance (la recherche
# > a besoin de données partagées), justice et équité (le risque n'est pas le même pour tous).
# </details>
#
# ## Mode d'emploi
#
# - Exécutez les cellules **dans l'ordre** (cliquez dans la cellule, puis **Maj + Entrée**).
# - Remplacez les `...` par votre réponse, exécutez la cellule, puis la **« Vérification »** en
#   dessous. Des **indices** sont repliés sous chaque question.
# - Gardez le nom de la variable ; décimales avec un **point** (`0.25`) ; dans un texte entre
#   guillemets, accents et majuscules ne comptent pas.
# - **Deux temps** : la séance (jusqu'à la question 3), puis les exercices « Après la
#   séance », à faire seul. Pour la note comme pour le certificat, seules comptent les questions de la séance
#   (1a à 3) et la réflexion de l'exercice 9 (encadré « Comment cette unité est notée »).
#
# **Avertissement.** On réidentifie ici des patients pour apprendre à les protéger, sur des
# données **synthétiques** (inventées par un programme). Réidentifier de vrais patients hors
# d'un cadre légal est interdit.

# %% [markdown]
# ## 1. « On a enlevé les noms, c'est anonyme »
#
# Un CHU tient le **registre** d'un réseau d'hôpitaux de plusieurs régions (21 départements,
# voyez la fiche du registre) : une ligne par patient hospitalisé, avec son **diagnostic
# principal**, codé dans la **CIM-10** (classification internationale des maladies de l'OMS ;
# par exemple B20 : maladie due au VIH). Une start-up demande l'extrait pour entraîner un
# modèle d'IA. Le responsable répond : « Aucun problème, on a remplacé les noms par des
# numéros : c'est anonyme. »
#
# Vérifions-le sur un registre **synthétique**.

# %% jupyter={"source_hidden": true} session="formative"
# Inutile de lire ce code (replié) : il crée le registre et affiche ses premières lignes.
import pandas as pd
from IPython.display import display

from esn_teach import checks, fr_percent
from esn_teach import privacy as pv
from esn_teach.datasets import data_card, make_french_registry, make_voter_list
from esn_teach.explorers import AnonymisationExplorer


def a_la_francaise(tableau, colonnes):
    """Copie à afficher : dates en jour/mois/année, noms de colonnes en français."""
    copie = tableau[list(colonnes)].copy()
    for colonne in copie.columns:
        if pd.api.types.is_datetime64_any_dtype(copie[colonne]):
            copie[colonne] = copie[colonne].dt.strftime("%d/%m/%Y")
    return copie.rename(columns=colonnes)


def milliers(nombre):
    """Un entier écrit à la française : 10 000 (espace fine insécable entre les milliers)."""
    return f"{int(nombre):,}".replace(",", "\u202f")


# Les réglages du générateur : registre, population (section 3), liste nominative (section 4).
graine_registre, graine_population, graine_liste = 11, 111, 12
donnees = make_french_registry(n_samples=10_000, random_state=graine_registre)
registre = donnees.frame
print(f"Registre synthétique : {milliers(len(registre))} patients.")
en_francais = {"pseudonym": "pseudonyme", "sex": "sexe", "birth_date": "date de naissance",
               "postcode": "code postal", "departement_name": "département",
               "admission_date": "date d'admission", "diagnosis": "diagnostic",
               "diagnosis_label": "libellé du diagnostic"}
display(a_la_francaise(registre.head(5), en_francais))
display(data_card(donnees, title="Fiche descriptive du registre"))

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : il tire vos cas de votre identifiant, crée le registre
# et affiche ses premières lignes.
import numpy as np
import pandas as pd
from IPython.display import Markdown, display

from esn_teach import checks, fr_percent
from esn_teach import privacy as pv
from esn_teach.datasets import data_card, make_french_registry, make_voter_list
from esn_teach.explorers import AnonymisationExplorer


def a_la_francaise(tableau, colonnes):
    """Copie à afficher : dates en jour/mois/année, noms de colonnes en français."""
    copie = tableau[list(colonnes)].copy()
    for colonne in copie.columns:
        if pd.api.types.is_datetime64_any_dtype(copie[colonne]):
            copie[colonne] = copie[colonne].dt.strftime("%d/%m/%Y")
    return copie.rename(columns=colonnes)


def milliers(nombre):
    """Un entier écrit à la française : 10 000 (espace fine insécable entre les milliers)."""
    return f"{int(nombre):,}".replace(",", "\u202f")


# Vos cas : le registre, la population (section 3) et la liste nominative (section 4) sont
# tirés de votre identifiant.
graine = checks.student_seed("11")
graine_registre, graine_population = graine, graine + 1
donnees = make_french_registry(n_samples=10_000, random_state=graine_registre)
registre = donnees.frame
# La liste nominative (section 4) : on écarte les tirages où deux divisions différentes des
# nombres affichés en section 4 donneraient presque la même part (à 4 décimales), ou une part
# proche de 0,75 (un réglage du générateur) : chaque calcul doit se distinguer des autres.
def choisir_graine_liste(graine, registre):
    # Dans une fonction : les essais ne restent pas dans le noyau.
    for essai in range(200):
        graine_liste = graine + 2 + 7919 * essai
        essai_liste = make_voter_list(registre, random_state=graine_liste)
        essai_attaque = pv.linkage_attack(registre.drop(columns=["pseudonym"]), essai_liste.frame,
                                          ["birth_date", "sex", "postcode"])
        essai_corrige = pd.Series(essai_liste.true_pseudonym, index=essai_liste.frame.index)
        essai_comptes = [
            len(registre), len(essai_liste.frame), int((registre["age"] >= 18).sum()),
            int((essai_corrige >= 0).sum()), essai_attaque.n_reidentified,
            int((registre.loc[essai_attaque.matches["released_index"], "pseudonym"].to_numpy()
                 == essai_corrige.loc[essai_attaque.matches["external_index"]].to_numpy()).sum())]
        essai_parts = [a / b for a in essai_comptes for b in essai_comptes if a < b]
        essai_toutes = sorted(round(part, 4) for part in [*essai_parts,
            pv.unique_share(registre.drop(columns=["pseudonym"]), ["birth_date", "sex", "postcode"]),
            0.75])
        # Les trois clés possibles (justes / présents, justes / adultes, justes / registre) :
        # arrondies à 3 décimales, aucune ne rejoint une autre part (pas de demi-point pour une
        # erreur).
        essai_cles = [essai_comptes[5] / essai_comptes[3], essai_comptes[5] / essai_comptes[2],
                      essai_comptes[5] / essai_comptes[0]]
        if (float(np.min(np.diff(essai_toutes))) > 0.00025
                and all(abs(round(part, 3) - 0.75) > 0.0015 for part in essai_parts)
                and all(round(cle, 3) != round(part, 3) for cle in essai_cles
                        for part in [*essai_parts, 0.75, pv.unique_share(
                            registre.drop(columns=["pseudonym"]),
                            ["birth_date", "sex", "postcode"])] if part != cle)):
            return graine_liste
    return graine_liste


graine_liste = choisir_graine_liste(graine, registre)
print(f"Registre synthétique : {milliers(len(registre))} patients.")
en_francais = {"pseudonym": "pseudonyme", "sex": "sexe", "birth_date": "date de naissance",
               "postcode": "code postal", "departement_name": "département",
               "admission_date": "date d'admission", "diagnosis": "diagnostic",
               "diagnosis_label": "libellé du diagnostic"}
display(a_la_francaise(registre.head(5), en_francais))
display(data_card(donnees, title="Fiche descriptive du registre"))

# %% [markdown]
# ## 2. Pseudonymiser : ce que dit le droit
#
# Remplacer les noms par des numéros, c'est **pseudonymiser**, pas anonymiser : le droit
# (section 6) dit pour qui ces données restent personnelles.
#
# ## 3. Ce qui reste : les quasi-identifiants
#
# Un **identifiant direct** sert à désigner directement une personne (nom, numéro de sécurité
# sociale).
# Un **quasi-identifiant** ne la désigne pas seul, mais, **combiné** à d'autres et **connu
# ailleurs** (presse locale, collègues, réseaux sociaux), il peut l'isoler. La
# **colonne sensible** est l'information que l'on veut protéger, ici le diagnostic. Ces rôles
# dépendent de l'attaquant (exercice 4). Exemple : dans un mémoire de kinésithérapie sur les
# 12 patients d'un cabinet rural, « homme, 40-49 ans, commune du cabinet, rééducation du
# genou » suffit souvent pour que le village reconnaisse le patient, sans son nom.
#
# Le trio (date de naissance, sexe, code postal) est le plus connu des quasi-identifiants.
# D'après le recensement de 1990, Latanya Sweeney a estimé que 87 % des habitants des
# États-Unis étaient probablement uniques sur ce trio (Sweeney, 2000). D'après celui de 2000,
# Philippe Golle a trouvé 63 % (Golle, 2006).
#
# Regroupons les patients qui ont **exactement le même** trio : chaque groupe est une
# **classe d'équivalence**. Un patient seul dans sa classe est **unique**. Comptons-les dans le
# registre, puis dans une **population synthétique** : le registre et bien d'autres habitants,
# tirés de la même façon.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il compte les patients uniques, dans le registre puis
# dans la population.
# Le registre publié, sans le pseudonyme. Il garde la date d'admission et l'âge, eux aussi des
# quasi-identifiants pour qui les connaît (question 4, après la séance) ; nous comptons ici le
# trio seul.
registre_publie = registre.drop(columns=["pseudonym"])
quasi_identifiants = ["birth_date", "sex", "postcode"]
part_uniques = pv.unique_share(registre_publie, quasi_identifiants)
print("Part du registre (patients seuls de leur trio dans le registre) : "
      f"{fr_percent(part_uniques)}")
habitants = make_french_registry(n_samples=290_000, random_state=graine_population).frame
population = pd.concat([registre_publie[quasi_identifiants],
                        habitants[quasi_identifiants]]).astype(str)
effectif_trio = population.groupby(quasi_identifiants)["sex"].transform("size")
part_uniques_population = (effectif_trio.iloc[:len(registre_publie)] == 1).mean()
print("Part de la population (patients du registre seuls de leur trio parmi les "
      f"{len(population):,} habitants) : ".replace(",", " ")
      + fr_percent(part_uniques_population))
habitants_par_code = len(population) / population["postcode"].nunique()
print(f"Habitants par code postal dans cette population : {habitants_par_code:.0f} en moyenne")

# %% [markdown]
# **Unique dans le registre n'est pas unique dans la population.** Le registre est un
# **échantillon** : un patient seul dans le registre peut partager son trio avec des habitants
# absents du registre.
#
# <details><summary>Une population trop petite, et quel attaquant ? (lecture facultative)</summary>
#
# Notre population synthétique est petite (voyez le nombre d'habitants par code postal ; un
# code postal français en compte en moyenne bien plus), et ses habitants ont les âges de
# patients hospitalisés, pas ceux de la population française. Sa part d'uniques dépend de
# cette taille : ce n'est pas une mesure pour la France, où aucune n'est citée ici.
#
# Le risque dépend de l'attaquant (El Emam et Dankar, 2008). Le **procureur** cherche une
# personne qu'il sait dans le registre : y être unique suffit pour la trouver. Le
# **journaliste** part d'une liste nominative sans savoir qui est dans le registre : cela ne
# suffit plus (exercice 8, après la séance).
# </details>
#
# Deux mesures du risque d'un tableau publié :
#
# - le **k-anonymat** : le **k** d'un tableau est la taille de sa **plus petite classe** ; chaque
#   patient y est confondu avec au moins k − 1 autres ; k = 1 : au moins un patient est seul ;
# - la **l-diversité** (l, la lettre L minuscule) : dans chaque classe, on compte les valeurs
#   **différentes** de la colonne sensible ; le **l** du tableau est le plus petit de ces
#   comptes. l = 1 : dans au moins une classe, tous les patients ont le même diagnostic.
#
# Entraînons-nous sur un petit tableau déjà **généralisé** (l'âge remplacé par une tranche de
# dix ans, le lieu par le département), **non trié**. Quasi-identifiants : `tranche_age`,
# `sexe`, `departement` ; colonne sensible : `diagnostic`.

# %% jupyter={"source_hidden": true} session="formative"
# Inutile de lire ce code (replié) : il crée le petit tableau et l'affiche, non trié.
petit = pd.DataFrame(
    {
        "tranche_age": ["50-59", "40-49", "40-49", "40-49", "50-59", "40-49", "40-49",
                        "40-49", "40-49", "50-59", "50-59", "50-59", "50-59", "40-49"],
        "sexe": ["M", "F", "F", "F", "M", "F", "F", "F", "F", "F", "F", "F", "M", "F"],
        "departement": ["Hérault", "Gard", "Hérault", "Hérault", "Hérault", "Hérault", "Gard",
                        "Hérault", "Hérault", "Hérault", "Hérault", "Hérault", "Hérault", "Gard"],
        "diagnostic": ["Diabète", "Hypertension", "Diabète", "Hypertension",
                       "Insuffisance cardiaque", "Asthme", "Asthme", "Diabète", "Dépression",
                       "Hypertension", "Hypertension", "Hypertension", "Diabète", "Hypertension"],
    }
)
petit

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : il tire votre petit tableau, l'affiche non trié, puis
# affiche les quatre combinaisons proposées aux questions 1a et 1b, sous les lettres de votre
# copie. (Dans une fonction : seuls le tableau et ce que vous calculez restent dans le noyau.)
def tirer_petit_tableau(graine):
    tirage = np.random.default_rng([graine, 1])
    combinaisons = [(age, sexe, departement) for age in ("40-49", "50-59") for sexe in ("F", "M")
                    for departement in ("Gard", "Hérault")]
    maladies = ["Asthme", "Dépression", "Diabète", "Hypertension", "Insuffisance cardiaque",
                "Fracture du poignet", "Migraine"]
    # Trois formes de 22 lignes chacune (les tailles des classes, toutes différentes : une
    # seule plus petite classe, de 4, 5 ou 6 lignes, et une seule plus grande).
    formes = [[4, 5, 6, 7], [5, 8, 9], [6, 7, 9]]
    tailles = tirage.permutation(formes[int(tirage.integers(len(formes)))]).tolist()
    tirees = tirage.choice(len(combinaisons), size=len(tailles) + 1, replace=False)
    classes, absente = tirees[:-1], tirees[-1]
    petite, grande = tailles.index(min(tailles)), tailles.index(max(tailles))
    moyenne = int(tirage.choice([rang for rang in range(len(tailles))
                                 if rang not in (petite, grande)]))
    # La classe la moins diverse (elle fixe l) : la grande ou la moyenne, jamais la plus petite
    # (elle fixe k). Elle a l diagnostics différents (2 ou 3) ; l'autre des deux, l + 2 ; les
    # autres classes, l + 1.
    moins_diverse = [grande, moyenne][int(tirage.integers(2))]
    l_voulu = int(tirage.choice([2, 3]))
    lignes_petit = []
    for _essai in range(100):  # chacune des sept maladies figure au moins une fois
        lignes_petit = []
        for rang, (classe, taille) in enumerate(zip(classes, tailles, strict=True)):
            nombre = (l_voulu if rang == moins_diverse
                      else l_voulu + 2 if rang in (grande, moyenne) else l_voulu + 1)
            diagnostics = list(tirage.choice(maladies, size=nombre, replace=False))
            diagnostics += list(tirage.choice(diagnostics, size=taille - nombre))
            lignes_petit += [(*combinaisons[classe], str(diagnostic))
                             for diagnostic in diagnostics]
        if len({ligne[3] for ligne in lignes_petit}) == len(maladies):
            break
    ordre = tirage.permutation(len(lignes_petit))
    tableau = pd.DataFrame([lignes_petit[i] for i in ordre],
                           columns=["tranche_age", "sexe", "departement", "diagnostic"])
    # Les quatre combinaisons proposées aux questions 1a et 1b, sous des lettres tirées pour
    # la copie.
    proposees = {"petite": combinaisons[classes[petite]], "grande": combinaisons[classes[grande]],
                 "moyenne": combinaisons[classes[moyenne]], "absente": combinaisons[absente]}
    return tableau, {lettre: proposees[nom] for lettre, nom in checks.draw_slots(
        graine, "k_petit", list(proposees))[0].items()}


petit, combinaisons_proposees = tirer_petit_tableau(graine)
display(petit)
display(Markdown(
    "**Les combinaisons proposées aux questions 1a et 1b** (tranche d'âge, sexe, "
    "département) :\n\n" + "\n".join(
        f"- **{lettre}.** `{age}`, `{sexe}`, `{lieu}`"
        for lettre, (age, sexe, lieu) in combinaisons_proposees.items())))

# %% [markdown] session="formative"
# ### Question 1a — Le k de ce tableau (1 point)
#
# Quel est le **k** du k-anonymat de ce petit tableau, sur (`tranche_age`, `sexe`,
# `departement`) ? Une classe : mêmes tranche d'âge, sexe et département.
#
# <details><summary>Indice 1</summary>
#
# Listez les classes : les combinaisons différentes de (tranche d'âge, sexe, département). Puis
# comptez les lignes de chaque classe.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Le k n'est ni le nombre de classes, ni la taille de la plus grande : c'est le nombre de lignes
# de la **plus petite** classe, le patient compris.
# </details>

# %% [markdown] session="evaluation"
# ### Question 1a — La classe qui fixe le k (1 point)
#
# Le **k** du k-anonymat de votre petit tableau, sur (`tranche_age`, `sexe`, `departement`),
# est fixé par une de ses classes. Laquelle des quatre combinaisons proposées sous le tableau ?
# Écrivez sa lettre entre guillemets (`"A"`, `"B"`, `"C"` ou `"D"`). Une classe : les lignes
# qui ont mêmes tranche d'âge, sexe et département.
#
# <details><summary>Indice 1</summary>
#
# Pour chaque combinaison proposée, comptez les lignes du tableau qui la portent.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Le k est le nombre de lignes de la **plus petite** classe du tableau, le patient compris ;
# une classe est faite de lignes du tableau.
# </details>

# %% answer="k_petit" session="formative"
k_petit = ...
### BEGIN SOLUTION
k_petit = 3
### END SOLUTION


# %% answer="k_petit" session="evaluation"
k_petit = ...  # la lettre de la classe qui fixe le k, entre guillemets
### BEGIN SOLUTION
_tailles = petit.groupby(["tranche_age", "sexe", "departement"]).size()
k_petit = next(lettre for lettre, combinaison in combinaisons_proposees.items()
               if combinaison == _tailles.idxmin())
### END SOLUTION

# %% tests="k_petit" points=1 session="formative"
# Vérification de la question 1a : exécutez cette cellule.
valeur_k = checks.require_number(k_petit, name="k_petit")
checks.check_number(
    k_petit,
    name="k_petit",
    integer=True,
    digest="ceda6e83864a0740",
    bounds=(1, 14),
    percent_is_mistake=False,
    mistakes=[
        # Les erreurs fréquentes, rangées sous une empreinte : écrites en clair, elles
        # laisseraient trouver la bonne réponse par élimination.
        checks.Mistake(None,
                       "vous avez peut-être oublié de compter le patient lui-même : recomptez "
                       "la plus petite classe.",
                       digest="574c57354f25cb8f"),
        checks.Mistake(None,
                       "k = 1 voudrait dire qu'une classe ne compte qu'une seule ligne : en "
                       "trouvez-vous une ? Comptez les lignes de chaque classe.",
                       digest="e94ce7b2ac2ce0c7"),
        checks.Mistake(None,
                       "vous avez compté les classes (les combinaisons différentes). Le k est "
                       "une taille de classe : le nombre de lignes de la plus petite.",
                       digest="64aa6c4bc7b4931f"),
        checks.Mistake(None,
                       "vous avez donné la taille de la plus grande classe. Le k protège le "
                       "patient le moins bien caché : prenez la plus petite classe.",
                       digest="5cca2e33dd0b1dce"),
        checks.Mistake(None,
                       "vous avez compté toutes les lignes du tableau. Le k est la taille de la "
                       "plus petite classe d'équivalence.", digest="0f511b9167f93abc"),
    ],
    hint="Regroupez les lignes identiques sur les trois quasi-identifiants et gardez la taille "
    "du plus petit groupe.",
    success=f"la plus petite classe compte {valeur_k:.0f} lignes : chaque patient y est confondu "
    f"avec au moins {valeur_k - 1:.0f} autres, et personne n'est seul sur ces trois colonnes.",
    points=1,
)
### BEGIN HIDDEN TESTS
checks.check_number(
    k_petit, name="k_petit", integer=True,
    expected=pv.k_anonymity(petit, ["tranche_age", "sexe", "departement"]),
    points=1,
)
### END HIDDEN TESTS

# %% tests="k_petit" points=1 session="evaluation"
# Vérification de la question 1a : exécutez cette cellule.
checks.check_form(k_petit, name="k_petit", kind="choice", options=["A", "B", "C", "D"])
### BEGIN HIDDEN TESTS
# Le petit tableau de la copie corrigée et ses quatre combinaisons proposées, tirés de son
# identifiant comme la cellule du tableau (même code) ; le test ne lit du notebook que la
# réponse.
def petit_de_la_copie(graine):
    tirage = np.random.default_rng([graine, 1])
    combinaisons = [(age, sexe, departement) for age in ("40-49", "50-59") for sexe in ("F", "M")
                    for departement in ("Gard", "Hérault")]
    maladies = ["Asthme", "Dépression", "Diabète", "Hypertension", "Insuffisance cardiaque",
                "Fracture du poignet", "Migraine"]
    # Trois formes de 22 lignes chacune (les tailles des classes, toutes différentes : une
    # seule plus petite classe, de 4, 5 ou 6 lignes, et une seule plus grande).
    formes = [[4, 5, 6, 7], [5, 8, 9], [6, 7, 9]]
    tailles = tirage.permutation(formes[int(tirage.integers(len(formes)))]).tolist()
    tirees = tirage.choice(len(combinaisons), size=len(tailles) + 1, replace=False)
    classes, absente = tirees[:-1], tirees[-1]
    petite, grande = tailles.index(min(tailles)), tailles.index(max(tailles))
    moyenne = int(tirage.choice([rang for rang in range(len(tailles))
                                 if rang not in (petite, grande)]))
    # La classe la moins diverse (elle fixe l) : la grande ou la moyenne, jamais la plus petite
    # (elle fixe k). Elle a l diagnostics différents (2 ou 3) ; l'autre des deux, l + 2 ; les
    # autres classes, l + 1.
    moins_diverse = [grande, moyenne][int(tirage.integers(2))]
    l_voulu = int(tirage.choice([2, 3]))
    lignes_petit = []
    for _essai in range(100):  # chacune des sept maladies figure au moins une fois
        lignes_petit = []
        for rang, (classe, taille) in enumerate(zip(classes, tailles, strict=True)):
            nombre = (l_voulu if rang == moins_diverse
                      else l_voulu + 2 if rang in (grande, moyenne) else l_voulu + 1)
            diagnostics = list(tirage.choice(maladies, size=nombre, replace=False))
            diagnostics += list(tirage.choice(diagnostics, size=taille - nombre))
            lignes_petit += [(*combinaisons[classe], str(diagnostic))
                             for diagnostic in diagnostics]
        if len({ligne[3] for ligne in lignes_petit}) == len(maladies):
            break
    ordre = tirage.permutation(len(lignes_petit))
    tableau = pd.DataFrame([lignes_petit[i] for i in ordre],
                           columns=["tranche_age", "sexe", "departement", "diagnostic"])
    # Les quatre combinaisons proposées aux questions 1a et 1b, sous des lettres tirées pour
    # la copie.
    proposees = {"petite": combinaisons[classes[petite]], "grande": combinaisons[classes[grande]],
                 "moyenne": combinaisons[classes[moyenne]], "absente": combinaisons[absente]}
    return tableau, {lettre: proposees[nom] for lettre, nom in checks.draw_slots(
        graine, "k_petit", list(proposees))[0].items()}


petit_q1, proposees_q1 = petit_de_la_copie(checks.student_seed("11", announce=False))
tailles_q1 = petit_q1.groupby(["tranche_age", "sexe", "departement"]).size()
# Chaque combinaison proposée : la plus petite classe (la clé), la plus grande, une classe
# moyenne, une combinaison absente du tableau.
role_q1 = {lettre: ("absente" if combinaison not in tailles_q1.index
                    else "petite" if combinaison == tailles_q1.idxmin()
                    else "grande" if combinaison == tailles_q1.idxmax() else "moyenne")
           for lettre, combinaison in proposees_q1.items()}
lettre_q1 = {role: lettre for lettre, role in role_q1.items()}
checks.check_choice(
    k_petit, name="k_petit", options=["A", "B", "C", "D"], expected=lettre_q1["petite"],
    mistakes=[
        checks.Mistake(lettre_q1["grande"], "vous avez choisi la plus grande classe. Le k "
                       "protège le patient le moins bien caché : c'est le nombre de lignes de "
                       "la plus petite classe."),
        checks.Mistake(lettre_q1["moyenne"], "cette classe n'est pas la plus petite du "
                       "tableau : comptez les lignes de chacune des combinaisons proposées et "
                       "gardez la plus petite classe."),
        checks.Mistake(lettre_q1["absente"], "aucune ligne du tableau ne porte cette combinaison : ce n'est pas une classe du tableau (une classe est faite de patients qui partagent la combinaison). Le k est la "
                       "taille de la plus petite classe qui existe."),
    ],
)
### END HIDDEN TESTS

# %% mistake="k_petit" session="evaluation"
# message : la plus grande classe
k_petit = next(lettre for lettre, combinaison in combinaisons_proposees.items()
               if combinaison == petit.groupby(["tranche_age", "sexe", "departement"]).size().idxmax())

# %% mistake="k_petit" session="evaluation"
# message : n'est pas la plus petite du tableau
_tailles = petit.groupby(["tranche_age", "sexe", "departement"]).size()
k_petit = next(lettre for lettre, combinaison in combinaisons_proposees.items()
               if combinaison in _tailles.index
               and combinaison not in (_tailles.idxmin(), _tailles.idxmax()))

# %% mistake="k_petit" session="evaluation"
# message : aucune ligne du tableau ne porte cette combinaison
k_petit = next(lettre for lettre, combinaison in combinaisons_proposees.items()
               if combinaison not in petit.groupby(["tranche_age", "sexe", "departement"]).size().index)

# %% mistake="k_petit" session="formative"
# message : oublié de compter le patient lui-même
k_petit = 2

# %% mistake="k_petit" session="formative"
# message : k = 1 voudrait dire qu'une classe ne compte qu'une seule ligne
k_petit = 1

# %% mistake="k_petit" session="formative"
# message : vous avez compté les classes
k_petit = 4

# %% mistake="k_petit" session="formative"
# message : la plus grande classe
k_petit = 5

# %% [markdown] session="formative"
# ### Question 1b — Le l du diagnostic (1 point)
#
# Quel est le **l** de la l-diversité de la colonne `diagnostic`, sur les mêmes classes ? On
# compte simplement les diagnostics différents (l-diversité dite « distincte »).
#
# <details><summary>Indice 1</summary>
#
# Dans chaque classe, comptez les diagnostics **différents** (deux « Hypertension » ne comptent
# que pour un).
# </details>
#
# <details><summary>Indice 2</summary>
#
# Le l du tableau est le **plus petit** de ces comptes, sur **toutes** les classes ; pas le
# nombre de diagnostics différents dans tout le tableau.
# </details>

# %% [markdown] session="evaluation"
# ### Question 1b — La classe qui fixe le l (1 point)
#
# Parmi les **mêmes** quatre combinaisons, laquelle est la classe qui fixe le **l** de la
# l-diversité de la colonne `diagnostic` ? On compte simplement les diagnostics différents
# (l-diversité dite « distincte »). Écrivez sa lettre entre guillemets.
#
# <details><summary>Indice 1</summary>
#
# Dans chaque classe, comptez les diagnostics **différents** (deux « Hypertension » ne comptent
# que pour un).
# </details>
#
# <details><summary>Indice 2</summary>
#
# Le l se lit sur les diagnostics différents d'une classe, pas sur son nombre de lignes : la
# classe qui fixe le l est celle qui en a le moins.
# </details>

# %% answer="l_petit" session="formative"
l_petit = ...
### BEGIN SOLUTION
l_petit = 1
### END SOLUTION


# %% answer="l_petit" session="evaluation"
l_petit = ...  # la lettre de la classe qui fixe le l, entre guillemets
### BEGIN SOLUTION
_diversite = petit.groupby(["tranche_age", "sexe", "departement"])["diagnostic"].nunique()
l_petit = next(lettre for lettre, combinaison in combinaisons_proposees.items()
               if combinaison == _diversite.idxmin())
### END SOLUTION

# %% tests="l_petit" points=1 session="formative"
# Vérification de la question 1b : exécutez cette cellule.
valeur_l = checks.require_number(l_petit, name="l_petit")
checks.expect(
    not checks.matches_digest(valeur_l, "ceda6e83864a0740", name="k_petit"),
    "vous avez donné le k (la taille de la plus petite classe). Le l compte les diagnostics "
    "différents dans une classe, pas ses lignes.",
    name="l_petit",
)
checks.check_number(
    l_petit,
    name="l_petit",
    integer=True,
    digest="0e1fc63d90cd5551",
    bounds=(1, 14),
    percent_is_mistake=False,
    mistakes=[
        checks.Mistake(None,
                       "vous avez compté les diagnostics différents dans tout le tableau. La "
                       "l-diversité se mesure classe par classe : c'est ce que voit quelqu'un "
                       "qui sait dans quelle classe se trouve son voisin.",
                       digest="cc078642ecc5ef89"),
        checks.Mistake(None,
                       "vous avez pris la classe la plus diverse. Le l est le plus petit nombre "
                       "de diagnostics différents d'une classe : la classe la moins protégée.",
                       digest="f8bceb5db93993f0"),
        checks.Mistake(None,
                       "avez-vous vérifié chacune des classes ? Le l est le plus petit compte "
                       "sur toutes les classes.", digest="08090e5b4e7344de"),
    ],
    hint="Comptez les diagnostics différents dans chacune des classes, puis gardez le plus "
    "petit compte.",
    success="la classe la moins diverse ne compte qu'un diagnostic : qui sait que son voisin y "
    "figure connaît son diagnostic à coup sûr, sans avoir trouvé sa ligne.",
    points=1,
)
### BEGIN HIDDEN TESTS
checks.check_number(
    l_petit, name="l_petit", integer=True,
    expected=pv.l_diversity(petit, ["tranche_age", "sexe", "departement"], "diagnostic"),
    points=1,
)
### END HIDDEN TESTS

# %% tests="l_petit" points=1 session="evaluation"
# Vérification de la question 1b : exécutez cette cellule.
checks.check_form(l_petit, name="l_petit", kind="choice", options=["A", "B", "C", "D"])
### BEGIN HIDDEN TESTS
# Le petit tableau de la copie corrigée et ses quatre combinaisons proposées, tirés de son
# identifiant comme la cellule du tableau (même code) ; le test ne lit du notebook que la
# réponse.
def petit_de_la_copie(graine):
    tirage = np.random.default_rng([graine, 1])
    combinaisons = [(age, sexe, departement) for age in ("40-49", "50-59") for sexe in ("F", "M")
                    for departement in ("Gard", "Hérault")]
    maladies = ["Asthme", "Dépression", "Diabète", "Hypertension", "Insuffisance cardiaque",
                "Fracture du poignet", "Migraine"]
    # Trois formes de 22 lignes chacune (les tailles des classes, toutes différentes : une
    # seule plus petite classe, de 4, 5 ou 6 lignes, et une seule plus grande).
    formes = [[4, 5, 6, 7], [5, 8, 9], [6, 7, 9]]
    tailles = tirage.permutation(formes[int(tirage.integers(len(formes)))]).tolist()
    tirees = tirage.choice(len(combinaisons), size=len(tailles) + 1, replace=False)
    classes, absente = tirees[:-1], tirees[-1]
    petite, grande = tailles.index(min(tailles)), tailles.index(max(tailles))
    moyenne = int(tirage.choice([rang for rang in range(len(tailles))
                                 if rang not in (petite, grande)]))
    # La classe la moins diverse (elle fixe l) : la grande ou la moyenne, jamais la plus petite
    # (elle fixe k). Elle a l diagnostics différents (2 ou 3) ; l'autre des deux, l + 2 ; les
    # autres classes, l + 1.
    moins_diverse = [grande, moyenne][int(tirage.integers(2))]
    l_voulu = int(tirage.choice([2, 3]))
    lignes_petit = []
    for _essai in range(100):  # chacune des sept maladies figure au moins une fois
        lignes_petit = []
        for rang, (classe, taille) in enumerate(zip(classes, tailles, strict=True)):
            nombre = (l_voulu if rang == moins_diverse
                      else l_voulu + 2 if rang in (grande, moyenne) else l_voulu + 1)
            diagnostics = list(tirage.choice(maladies, size=nombre, replace=False))
            diagnostics += list(tirage.choice(diagnostics, size=taille - nombre))
            lignes_petit += [(*combinaisons[classe], str(diagnostic))
                             for diagnostic in diagnostics]
        if len({ligne[3] for ligne in lignes_petit}) == len(maladies):
            break
    ordre = tirage.permutation(len(lignes_petit))
    tableau = pd.DataFrame([lignes_petit[i] for i in ordre],
                           columns=["tranche_age", "sexe", "departement", "diagnostic"])
    # Les quatre combinaisons proposées aux questions 1a et 1b, sous des lettres tirées pour
    # la copie.
    proposees = {"petite": combinaisons[classes[petite]], "grande": combinaisons[classes[grande]],
                 "moyenne": combinaisons[classes[moyenne]], "absente": combinaisons[absente]}
    return tableau, {lettre: proposees[nom] for lettre, nom in checks.draw_slots(
        graine, "k_petit", list(proposees))[0].items()}


petit_q1, proposees_q1 = petit_de_la_copie(checks.student_seed("11", announce=False))
groupes_q1 = petit_q1.groupby(["tranche_age", "sexe", "departement"])
diversite_q1 = groupes_q1["diagnostic"].nunique()
# La clé : la classe la moins diverse, jamais la plus petite (qui fixe le k, question 1a).
role_q1 = {lettre: ("absente" if combinaison not in diversite_q1.index
                    else "moins_diverse" if combinaison == diversite_q1.idxmin()
                    else "petite" if combinaison == groupes_q1.size().idxmin() else "autre")
           for lettre, combinaison in proposees_q1.items()}
lettre_q1 = {role: lettre for lettre, role in role_q1.items()}
checks.check_choice(
    l_petit, name="l_petit", options=["A", "B", "C", "D"], expected=lettre_q1["moins_diverse"],
    mistakes=[
        checks.Mistake(lettre_q1["petite"], "vous avez choisi la plus petite classe, celle qui "
                       "fixe le k. Le l compte les diagnostics différents d'une classe, pas ses "
                       "lignes."),
        checks.Mistake(lettre_q1["autre"], "cette classe compte plus de diagnostics différents "
                       "qu'une autre des combinaisons proposées : le l est fixé par la classe "
                       "qui en compte le moins."),
        checks.Mistake(lettre_q1["absente"], "aucune ligne du tableau ne porte cette combinaison : ce n'est pas une classe du tableau (une classe est faite de patients qui partagent la combinaison). Le l se lit "
                       "sur les classes qui existent."),
    ],
)
### END HIDDEN TESTS

# %% mistake="l_petit" session="evaluation"
# message : vous avez choisi la plus petite classe, celle qui fixe le k
l_petit = next(lettre for lettre, combinaison in combinaisons_proposees.items()
               if combinaison == petit.groupby(["tranche_age", "sexe", "departement"]).size().idxmin())

# %% mistake="l_petit" session="evaluation"
# message : plus de diagnostics différents
_diversite = petit.groupby(["tranche_age", "sexe", "departement"])["diagnostic"].nunique()
l_petit = next(lettre for lettre, combinaison in combinaisons_proposees.items()
               if combinaison in _diversite.index and combinaison != _diversite.idxmin()
               and combinaison != petit.groupby(["tranche_age", "sexe", "departement"]).size().idxmin())

# %% mistake="l_petit" session="evaluation"
# message : aucune ligne du tableau ne porte cette combinaison
l_petit = next(lettre for lettre, combinaison in combinaisons_proposees.items()
               if combinaison not in petit.groupby(["tranche_age", "sexe", "departement"]).size().index)

# %% mistake="l_petit" session="formative"
# message : dans tout le tableau
l_petit = petit["diagnostic"].nunique()

# %% mistake="l_petit" session="formative"
# message : vous avez donné le k
l_petit = 3

# %% mistake="l_petit" session="formative"
# message : la classe la plus diverse
l_petit = 4

# %% mistake="l_petit" session="formative"
# message : avez-vous vérifié chacune des classes
l_petit = 2

# %% [markdown]
# ## 4. L'attaque par croisement
#
# Pour **nommer** un patient unique, il suffit d'une table qui contient des **noms** et les
# mêmes quasi-identifiants : Latanya Sweeney a ainsi croisé des données médicales
# « anonymisées » du Massachusetts avec la liste électorale de Cambridge (Sweeney, 2002).
#
# En France, seuls les électeurs, les candidats et les partis peuvent obtenir copie de la liste
# électorale (Code électoral, article L37), en s'engageant à ne pas en faire un usage
# commercial. Mais chacun peut lire des profils publics de réseaux sociaux (nom, date de
# naissance, ville) ou la presse locale.
#
# Voici une **liste nominative synthétique** qui joue ce rôle : des patients adultes du
# registre, avec un nom, mêlés à des personnes absentes du registre ; comme de vrais profils,
# certains sont inexacts (voyez sa fiche). L'attaquant **rapproche**
# les deux tables sur le trio. Un dossier est **relié à un seul nom** quand son trio n'apparaît
# qu'**une fois** dans le registre et **une fois** dans la liste : c'est une
# **réidentification**, qui peut être fausse.
#
# Le générateur nous donne le **corrigé**, que l'attaquant n'a pas.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il mène l'attaque et affiche ses résultats (lisez-les).
liste = make_voter_list(registre, random_state=graine_liste)
liste_nominative = liste.frame
display(a_la_francaise(liste_nominative.head(3), {
    "last_name": "nom", "first_name": "prénom", "sex": "sexe", "birth_date": "date de naissance",
    "postcode": "code postal"}))
attaque = pv.linkage_attack(registre_publie, liste_nominative, quasi_identifiants)
n_reidentifies = attaque.n_reidentified
vrai_pseudonyme = pd.Series(liste.true_pseudonym, index=liste_nominative.index)
noms_justes = (
    registre.loc[attaque.matches["released_index"], "pseudonym"].to_numpy()
    == vrai_pseudonyme.loc[attaque.matches["external_index"]].to_numpy()
)
n_justes = int(noms_justes.sum())
n_dans_liste = int((vrai_pseudonyme >= 0).sum())
# Liens faux dont le dossier appartient à un patient absent de la liste (nommé d'après un
# « jumeau »).
presents = set(vrai_pseudonyme[vrai_pseudonyme >= 0])
relies = registre.loc[attaque.matches["released_index"], "pseudonym"].to_numpy()
n_faux = n_reidentifies - n_justes
n_faux_absents = int(sum(pseudo not in presents for pseudo in relies))
n_adultes = int((registre["age"] >= 18).sum())
print("Résultats de l'attaque (entre parenthèses, le nom à écrire dans un calcul) :")
print(f"- patients du registre publié (len(registre_publie)) : {milliers(len(registre_publie))}")
print("- personnes de la liste nominative (len(liste_nominative)) : "
      f"{milliers(len(liste_nominative))}, "
      f"dont {milliers(len(liste_nominative) - n_dans_liste)} absentes du registre")
print(f"- patients adultes du registre (n_adultes) : {milliers(n_adultes)}")
print(f"- patients du registre présents dans la liste (n_dans_liste) : {milliers(n_dans_liste)}, "
      f"soit {fr_percent(n_dans_liste / n_adultes)} des adultes")
print("- dossiers reliés à un seul nom de la liste (n_reidentifies) : "
      f"{milliers(n_reidentifies)}")
print("- dossiers reliés à leur vrai nom, d'après le corrigé (n_justes) : "
      f"{milliers(n_justes)}")
print(f"- liens faux, d'après le corrigé : {milliers(n_faux)} (le dossier relié au nom d'une "
      f"autre personne ; pour {n_faux_absents} d'entre eux, le patient n'est pas dans la liste : "
      "voir l'encadré sous ce résultat)")
display(data_card(liste, title="Fiche descriptive de la liste nominative"))

# %% [markdown] session="formative"
# <details><summary>D'où viennent les liens faux ?</summary>
#
# Un patient du registre absent de la liste, ou dont le profil est inexact, peut avoir un
# « jumeau » : une personne de la liste, hors du registre, avec le même trio. Si ce trio est
# unique dans chacune des deux tables, l'attaquant relie le dossier du patient au nom du jumeau.
# La ligne « liens faux » ci-dessus les compte.
# </details>
#
# ### Question 2 — Le risque d'un patient qui figure dans la liste (2 points)
#
# Un patient du registre figure sur la liste nominative. Quelle est la probabilité que
# l'attaquant le **nomme correctement** ? Donnez une proportion entre 0 et 1 (vérifiée à 3
# décimales) : écrivez une division, `a / b`, avec deux des noms affichés entre parenthèses
# ci-dessus.
#
# <details><summary>Indice 1</summary>
#
# Sur quels patients porte la question : tout le registre, toute la liste, ou un autre
# groupe ? Lequel des nombres affichés les compte ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Un dossier relié à un nom l'est-il toujours au **bon** nom ? Lequel des nombres affichés ne
# compte que les bons ?
# </details>

# %% [markdown] session="evaluation"
# <details><summary>D'où viennent les liens faux ?</summary>
#
# Un patient du registre absent de la liste, ou dont le profil est inexact, peut avoir un
# « jumeau » : une personne de la liste, hors du registre, avec le même trio. Si ce trio est
# unique dans chacune des deux tables, l'attaquant relie le dossier du patient au nom du jumeau.
# La ligne « liens faux » ci-dessus les compte.
# </details>
#
# ### Question 2 — Quel risque pour un patient ? (2 points)
#
# Cette question a trois versions, de même difficulté : celle de votre copie s'affiche sous ce
# texte. Lisez-la mot à mot : elle dit de quel groupe part la probabilité demandée. Donnez une
# proportion entre 0 et 1 (vérifiée à 4 décimales) : écrivez une division, `a / b`, avec deux
# des noms affichés entre parenthèses ci-dessus.
#
# <details><summary>Indice 1</summary>
#
# Sur quel groupe porte votre question : tout le registre, toute la liste, ou un autre
# groupe ? Lequel des nombres affichés le compte ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Un dossier relié à un nom l'est-il toujours au **bon** nom ? Lequel des nombres affichés ne
# compte que les bons ?
# </details>

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : il affiche la question 2 de votre copie.
print("Question 2, version de votre copie : " + [
    "prenez au hasard, dans le registre, un patient qui a une ligne dans la liste nominative "
    "(exacte ou non). Quelle est la probabilité que l'attaquant relie son dossier à son propre "
    "nom ?",
    "prenez au hasard, dans le registre, un patient qui a l'âge de figurer dans la liste "
    "nominative (elle ne compte que des adultes), qu'il y figure ou non. Quelle est la "
    "probabilité que l'attaquant relie son dossier à son propre nom ?",
    "prenez au hasard un patient du registre, de tout âge (mineurs compris : la liste nominative "
    "n'en compte aucun). Quelle est la probabilité que l'attaquant relie son dossier à son "
    "propre nom ?",
][int(np.random.default_rng([checks.student_seed("11", announce=False), 2]).integers(3))])

# %% answer="taux_reussite" session="formative"
taux_reussite = ...
### BEGIN SOLUTION
taux_reussite = n_justes / n_dans_liste
### END SOLUTION

# %% answer="taux_reussite" session="evaluation"
taux_reussite = ...
### BEGIN SOLUTION
# Version 0 : parmi les patients de la liste ; 1 : parmi les patients adultes ; 2 : parmi
# tous les patients du registre.
_version = int(np.random.default_rng([checks.student_seed("11", announce=False), 2]).integers(3))
taux_reussite = n_justes / [n_dans_liste, n_adultes, len(registre_publie)][_version]
### END SOLUTION

# %% tests="taux_reussite" points=2 session="formative"
# Vérification de la question 2 : exécutez cette cellule.
valeur_taux = checks.require_number(taux_reussite, name="taux_reussite")
checks.expect(
    valeur_taux not in (n_justes, n_reidentifies),
    "vous avez donné un nombre de dossiers. On demande une proportion, entre 0 et 1 : "
    "rapportez ce nombre à l'effectif sur lequel porte la question.",
    name="taux_reussite",
)
message_registre = (
    "vous avez divisé par le nombre de patients de tout le registre. Cette part répond à une "
    "autre question : combien de patients de ce registre cette liste-ci expose-t-elle ? Elle "
    "dépend surtout du nombre de patients présents dans la liste (un réglage du générateur). "
    "On demande le risque d'un patient qui figure dans la liste."
)
message_inverse = (
    "votre valeur dépasse 1 : vous avez sans doute inversé la division (le groupe au "
    "numérateur, la partie au dénominateur). Une proportion ne dépasse pas 1 : au numérateur, "
    "ceux que l'on compte ; au dénominateur, tout le groupe dont parle la question."
)
checks.expect(not 1 < valeur_taux < 2, message_inverse, name="taux_reussite")
checks.check_number(
    taux_reussite,
    name="taux_reussite",
    digest="bb21acc8ce049284",
    bounds=(0, 1),
    mistakes=[
        checks.Mistake(None,
                       "vous avez donné la part des patients uniques dans le registre "
                       "(section 3) : ceux qu'un attaquant pourrait isoler. On demande ce que "
                       "ce croisement-ci a fait : calculez la part à partir des résultats de "
                       "l'attaque.",
                       digest="475e2a364b52e07a"),
        checks.Mistake(None, message_registre, digest="996ad6fc71af4fe0"),
        checks.Mistake(None,
                       "vous avez divisé par le nombre de personnes de la liste nominative, dont "
                       "la moitié ne sont pas dans le registre. La question porte sur les "
                       "patients du registre qui figurent dans la liste.",
                       digest="12889ebe595fffdd"),
        checks.Mistake(None,
                       "vous avez calculé la part des liens justes parmi tous les liens faits : "
                       "c'est la fiabilité de l'attaquant (quand il donne un nom, a-t-il "
                       "raison ?). La question part du patient : parmi ceux qui figurent dans la "
                       "liste, combien sont nommés correctement ?",
                       digest="6dfeb8ab4d2e6f64"),
        checks.Mistake(None,
                       "vous avez compté au numérateur tous les dossiers reliés à un nom. "
                       "Certains liens sont faux (voyez la ligne « liens faux ») : un patient "
                       "relié au nom d'un autre n'est pas nommé correctement.",
                       digest="3073671e0aa0ac1d"),
        checks.Mistake(None,
                       "vous avez calculé la part du registre qui figure dans la liste : elle dit "
                       "combien de patients la liste contient, pas combien l'attaquant en nomme. "
                       "Au numérateur, ne gardez que les patients nommés correctement.",
                       digest="6060f2769fa5f68e"),
        checks.Mistake(None,
                       "vous avez divisé les dossiers reliés par toute la liste nominative : ni "
                       "l'un ni l'autre ne convient. Certains liens sont faux (ne gardez que les "
                       "justes), et la moitié de la liste n'est pas dans le registre : la question "
                       "porte sur les patients du registre qui figurent dans la liste.",
                       digest="042ab456619e5f0a"),
        checks.Mistake(None, message_inverse, digest="7eb0c2d478728f46"),
        checks.Mistake(None,
                       "vous avez divisé par le nombre de patients adultes du registre. Pour "
                       "cette question-ci, ce n'est pas le bon groupe : elle porte sur les seuls "
                       "patients qui figurent dans la liste. (Le dénominateur n'est pas faux en "
                       "soi : il répond à une autre question, le risque d'un patient adulte du "
                       "registre, qu'il figure ou non dans la liste ; le bon dénominateur est "
                       "toujours le groupe dont parle l'énoncé.)",
                       digest="7cc761766bc729b4"),
        checks.Mistake(None,
                       "vous avez calculé la couverture de la liste : la part des patients "
                       "adultes du registre qui y figurent (un réglage du générateur). On demande, "
                       "parmi ces patients, la part nommée correctement.",
                       digest="81f69008c180c964"),
        checks.Mistake(None,
                       "vous avez déduit la part d'un réglage du générateur (la part de profils "
                       "inexacts, dans la fiche de la liste). Or un profil exact n'est pas "
                       "toujours relié, ni toujours au bon nom : calculez la part à partir de ce "
                       "que l'attaque a fait, avec les nombres affichés.",
                       digest="985434eaa9d15792"),
    ],
    hint="Une proportion : au numérateur, ce que l'on compte ; au dénominateur, tout le groupe "
    "dont parle la question. Relisez l'énoncé : de quels patients parle-t-il ?",
    success=f"{valeur_taux:.3f}".replace(".", ",") + " : c'est le risque d'un patient qui figure "
    "dans cette liste synthétique. La cellule suivante le compare à la part de tout le "
    "registre.",
    points=2,
)
### BEGIN HIDDEN TESTS
checks.check_number(taux_reussite, name="taux_reussite", expected=n_justes / n_dans_liste,
                    points=2)
### END HIDDEN TESTS

# %% tests="taux_reussite" points=2 session="evaluation"
# Vérification de la question 2 : exécutez cette cellule.
checks.check_form(taux_reussite, name="taux_reussite", kind="number", decimals=4, bounds=(0, 1))
### BEGIN HIDDEN TESTS
graine_q2 = checks.student_seed("11", announce=False)
registre_q2 = make_french_registry(n_samples=10_000, random_state=graine_q2).frame
publie_q2 = registre_q2.drop(columns=["pseudonym"])
uniques_q2 = pv.unique_share(publie_q2, ["birth_date", "sex", "postcode"])
adultes_q2 = int((registre_q2["age"] >= 18).sum())
# La même liste que la copie : le premier tirage où aucune division des nombres affichés
# n'est à moins de 2 unités de la 4e décimale d'une autre, ni proche de 0,75, et où aucune
# ne s'arrondit à 3 décimales comme l'une des deux clés.
liste_q2 = attaque_q2 = corrige_q2 = justes_q2 = presents_q2 = comptes_q2 = parts_q2 = None
toutes_q2 = a = b = part = None
for essai_q2 in range(200):
    liste_q2 = make_voter_list(registre_q2, random_state=graine_q2 + 2 + 7919 * essai_q2)
    attaque_q2 = pv.linkage_attack(publie_q2, liste_q2.frame, ["birth_date", "sex", "postcode"])
    corrige_q2 = pd.Series(liste_q2.true_pseudonym, index=liste_q2.frame.index)
    justes_q2 = int(
        (registre_q2.loc[attaque_q2.matches["released_index"], "pseudonym"].to_numpy()
         == corrige_q2.loc[attaque_q2.matches["external_index"]].to_numpy()).sum()
    )
    presents_q2 = int((corrige_q2 >= 0).sum())
    comptes_q2 = [len(registre_q2), len(liste_q2.frame), adultes_q2, presents_q2,
                  attaque_q2.n_reidentified, justes_q2]
    parts_q2 = [a / b for a in comptes_q2 for b in comptes_q2 if a < b]
    toutes_q2 = sorted(round(part, 4) for part in [*parts_q2, uniques_q2, 0.75])
    cles_q2 = [justes_q2 / presents_q2, justes_q2 / adultes_q2, justes_q2 / len(registre_q2)]
    if (float(np.min(np.diff(toutes_q2))) > 0.00025
            and all(abs(round(part, 3) - 0.75) > 0.0015 for part in parts_q2)
            and all(round(cle, 3) != round(part, 3) for cle in cles_q2
                    for part in [*parts_q2, 0.75, uniques_q2] if part != cle)):
        break
relies_q2 = attaque_q2.n_reidentified
# La version de la copie (0 : parmi les patients de la liste ; 1 : parmi les patients adultes
# du registre ; 2 : parmi tous les patients du registre), tirée de son identifiant comme
# l'énoncé affiché. Les trois demandent les mêmes deux pas : le groupe dont part la question au
# dénominateur, les seuls liens justes au numérateur.
version_q2 = int(np.random.default_rng([graine_q2, 2]).integers(3))
groupes_q2 = ["des patients de la liste", "des patients adultes du registre",
              "de tous les patients du registre"]
denominateurs_q2 = [presents_q2, adultes_q2, len(registre_q2)]
groupe_q2 = groupes_q2[version_q2]
relisez_q2 = f" Votre version part {groupe_q2} : relisez ce que demande votre énoncé."
# La bonne valeur arrondie à deux décimales (deux de moins que demandé) : le message le dit,
# avant toute autre lecture de ce nombre (relecture d18b, constat 4 : 0,75, la clé arrondie de
# la version 0, recevait le message « réglage du générateur »).
arrondi_q2 = round(justes_q2 / denominateurs_q2[version_q2], 2)
checks.check_number(
    taux_reussite, name="taux_reussite",
    expected=justes_q2 / denominateurs_q2[version_q2], decimals=4,
    points=2,
    mistakes=[
        checks.Mistake(arrondi_q2, "bon calcul, mais trop arrondi : la question se corrige à "
                       "4 décimales. Écrivez le calcul lui-même : Python garde toutes les "
                       "décimales."),
        *[checks.Mistake(justes_q2 / denominateurs_q2[autre],
                         "cette réponse correspond à une autre consigne que la vôtre (elle part "
                         + groupes_q2[autre] + ")." + relisez_q2)
          for autre in range(3) if autre != version_q2],
        checks.Mistake(relies_q2 / denominateurs_q2[version_q2], "vous avez compté au "
                       "numérateur tous les dossiers reliés à un nom. Certains liens sont faux : "
                       "un patient relié au nom d'un autre n'est pas nommé correctement."),
        checks.Mistake(justes_q2 / relies_q2, "vous avez calculé la part des liens justes parmi "
                       "tous les liens faits : c'est la fiabilité de l'attaquant (quand il donne "
                       "un nom, a-t-il raison ?)." + relisez_q2),
        checks.Mistake(uniques_q2,
                       "vous avez donné la part des patients uniques dans le registre "
                       "(section 3) : ceux qu'un attaquant pourrait isoler. On demande ce que ce "
                       "croisement-ci a fait."),
        *([checks.Mistake(relies_q2 / len(registre_q2), "vous avez divisé par le nombre de "
                          "patients de tout le registre, et compté tous les dossiers reliés."
                          + relisez_q2)] if version_q2 != 2 else []),
        checks.Mistake(justes_q2 / len(liste_q2.frame), "vous avez divisé par le nombre de "
                       "personnes de la liste nominative, dont la moitié ne sont pas dans le "
                       "registre." + relisez_q2),
        checks.Mistake(presents_q2 / len(registre_q2), "vous avez calculé la part du registre "
                       "qui figure dans la liste : elle dit combien de patients la liste "
                       "contient, pas combien l'attaquant en nomme."),
        checks.Mistake(relies_q2 / len(liste_q2.frame), "vous avez divisé les dossiers reliés "
                       "par toute la liste nominative : ni l'un ni l'autre ne convient."),
        checks.Mistake(presents_q2 / adultes_q2, "vous avez calculé la couverture de la liste : "
                       "la part des patients adultes du registre qui y figurent."),
        *([checks.Mistake(0.75, "vous avez déduit la part d'un réglage du générateur (la part "
                          "de profils inexacts, dans la fiche de la liste).")]
          if arrondi_q2 != 0.75 else []),
    ],
)
### END HIDDEN TESTS

# %% mistake="taux_reussite" session="evaluation"
# message : cette réponse correspond à une autre consigne que la vôtre
taux_reussite = n_justes / [n_adultes, len(registre_publie), n_dans_liste][
    int(np.random.default_rng([checks.student_seed("11", announce=False), 2]).integers(3))]

# %% mistake="taux_reussite" session="evaluation"
# message : Certains liens sont faux
taux_reussite = n_reidentifies / [n_dans_liste, n_adultes, len(registre_publie)][
    int(np.random.default_rng([checks.student_seed("11", announce=False), 2]).integers(3))]

# %% mistake="taux_reussite" session="evaluation"
# message : bon calcul, mais trop arrondi : la question se corrige à 4 décimales
taux_reussite = round(n_justes / [n_dans_liste, n_adultes, len(registre_publie)][
    int(np.random.default_rng([checks.student_seed("11", announce=False), 2]).integers(3))], 2)

# %% mistake="taux_reussite" session="evaluation"
# message : c'est la fiabilité de l'attaquant
taux_reussite = n_justes / n_reidentifies

# %% mistake="taux_reussite" session="evaluation"
# message : personnes de la liste nominative
taux_reussite = n_justes / len(liste_nominative)

# %% mistake="taux_reussite" session="evaluation"
# message : vous avez calculé la couverture de la liste
taux_reussite = n_dans_liste / n_adultes

# %% mistake="taux_reussite" session="evaluation"
# message : la part des patients uniques dans le registre
taux_reussite = part_uniques

# %% mistake="taux_reussite" session="formative"
# message : la part des patients uniques dans le registre
taux_reussite = part_uniques

# %% mistake="taux_reussite" session="formative"
# message : tout le registre
taux_reussite = n_justes / len(registre_publie)

# %% mistake="taux_reussite" session="formative"
# message : tout le registre
taux_reussite = n_reidentifies / len(registre_publie)

# %% mistake="taux_reussite" session="formative"
# message : personnes de la liste nominative
taux_reussite = n_justes / len(liste_nominative)

# %% mistake="taux_reussite" session="formative"
# message : la part du registre qui figure dans la liste
taux_reussite = n_dans_liste / len(registre_publie)

# %% mistake="taux_reussite" session="formative"
# message : ni l'un ni l'autre ne convient
taux_reussite = n_reidentifies / len(liste_nominative)

# %% mistake="taux_reussite" session="formative"
# message : la fiabilité de l'attaquant
taux_reussite = n_justes / n_reidentifies

# %% mistake="taux_reussite" session="formative"
# message : tous les dossiers reliés à un nom
taux_reussite = n_reidentifies / n_dans_liste

# %% mistake="taux_reussite" session="formative"
# message : vous avez sans doute inversé la division
taux_reussite = n_dans_liste / n_justes

# %% mistake="taux_reussite" session="formative"
# message : vous avez sans doute inversé la division
taux_reussite = n_reidentifies / n_justes

# %% mistake="taux_reussite" session="formative"
# message : un nombre de dossiers
taux_reussite = n_justes

# %% mistake="taux_reussite" session="formative"
# message : trop arrondi
taux_reussite = round(n_justes / n_dans_liste, 2)

# %% mistake="taux_reussite" session="formative"
# message : nombre de patients adultes du registre
taux_reussite = n_justes / n_adultes

# %% mistake="taux_reussite" session="formative"
# message : vous avez calculé la couverture de la liste
taux_reussite = n_dans_liste / n_adultes

# %% mistake="taux_reussite" session="formative"
# message : un réglage du générateur (la part de profils inexacts
taux_reussite = 1 - 0.25

# %% jupyter={"source_hidden": true} session="formative"
# Replié : affiche deux parts à comparer, une fois que la question 2 a reçu « juste ».
if checks.passed("taux_reussite"):
    part_liste = checks.require_number(taux_reussite, name="taux_reussite")  # votre réponse
    print("Part de tout le registre nommée correctement : "
          f"{fr_percent(n_justes / len(registre))}")
    print(f"Votre réponse à la question 2 : {fr_percent(part_liste)}")
else:
    print("Les deux parts s'afficheront ici quand la vérification de la question 2 aura dit "
          "« juste » : relancez alors cette cellule.")

# %% [markdown] reveal="taux_reussite" session="evaluation"
# Les trois versions de la question 2 ont la même forme : au numérateur, les seuls patients
# nommés correctement (`n_justes`) ; au dénominateur, le groupe dont part l'énoncé. Elles ne
# disent pas la même chose. La part des patients **de la liste** nommés correctement
# (`n_justes / n_dans_liste`) est le risque d'un patient qui y figure, **pour cette liste
# synthétique** : il n'y échappe guère que si son profil est inexact. La part des patients
# **adultes** du registre (`n_justes / n_adultes`), comme celle de tout le registre
# (`n_justes / len(registre)`), dépend surtout de la **couverture** de la liste (un réglage) :
# elle dit combien de patients **cette** liste expose ; une liste plus complète en exposerait
# davantage.

# %% [markdown] reveal="taux_reussite" session="formative"
# La première part dépend surtout de la **couverture** de la liste (un réglage) : elle dit
# combien de patients **cette** liste expose. La seconde dit le risque d'un patient de la
# liste, **pour cette liste synthétique** : il n'y échappe guère que si son profil est
# inexact.

# %% [markdown] session="formative"
# ## 5. Généraliser : moins de détail, moins de risque
#
# On **généralise** les quasi-identifiants : la date de naissance devient un mois, une année ou
# une **classe d'âge** (40-49 ans) ; le code postal devient un **département**, puis une
# **région**. Les classes grossissent : k et l augmentent le plus souvent, mais les données
# perdent du détail.
#
# L'explorateur généralise le registre et la liste nominative (l'attaquant peut en faire
# autant). Deux de ses lignes mesurent le détail perdu :
#
# - **Âge : années confondues** : sur combien d'années peut tomber la date de naissance d'un
#   patient, vu ce qui est publié (en moyenne). Exemple : « 40-49 ans » la laisse tomber sur
#   dix années ; la date complète, sur un seul jour.
# - **Lieu : codes postaux confondus** : combien de codes postaux le lieu publié ne distingue
#   plus (en moyenne). Exemple : publier le département confond tous ses codes postaux.
#
# <details><summary>Plus de détails sur ces deux mesures (lecture facultative)</summary>
#
# Âge au 1er janvier 2025 ; 90 ans et plus regroupés. **Âge** : pour chaque
# patient, la période où peut tomber sa date de naissance, connaissant ce qui est publié, en
# années (date complète : un jour ; année de naissance ou classe d'un an : un an ; classe de
# 10 ans : dix ans), puis la moyenne. La classe « 90 ans et plus » couvre bien plus d'un an.
# La période va de la plus ancienne à la plus récente date de naissance vues dans la classe :
# pour une classe d'un an, un peu moins d'un an. Exemple : dans le registre, 928 patients
# sur 10 000 ont 90 ans ou plus, nés sur près de 19 années (de 1916 à 1934). Avec des classes
# d'un an, les autres comptent chacun pour un peu moins d'un an, ces 928 pour près de 19 : la
# moyenne vaut `(9 072 × 0,98 + 928 × 18,8) / 10 000 ≈ 2,6` années. L'année de naissance, qui
# ne regroupe pas les plus âgés, donne un peu moins de 1 (lisez-le dans l'explorateur).
# **Lieu** : le
# nombre moyen de codes postaux que le lieu publié ne distingue plus. Ni l'un ni l'autre ne dit
# si une étude restera juste : l'année de naissance suffit pour étudier l'âge, pas la saison
# des naissances.
# </details>
#
# Essayez, dans l'ordre :
#
# 1. Date de naissance publiée : **mois et année**, puis **année seule**. Que deviennent les
#    lignes uniques et les dossiers reliés à un nom ?
# 2. Date de naissance **non publiée** (le curseur des classes d'âge s'active) : élargissez les
#    classes d'âge, puis publiez le **département**, la **région**, aucun lieu. Quand k
#    dépasse-t-il 1 ?
# 3. Reste-t-il une classe où l = 1 ?

# %% session="formative"
explorateur = AnonymisationExplorer(registre, liste_nominative, sensitive="diagnosis",
                                    reference="2025-01-01")
explorateur

# %% [markdown] session="formative"
# <details><summary>Ce qu'il fallait voir (ouvrez après avoir essayé)</summary>
#
# Tant qu'un lieu est publié, k et l restent à 1, même très généralisés : quelques patients
# restent seuls (lesquels ? exercice 5), et un patient seul dans sa classe n'a qu'un
# diagnostic. Sans lieu ni date de naissance (les classes d'âge seules), k dépasse 1 et l vaut
# au moins 3, mais une étude sur le lieu devient impossible. Sans lieu, l'année de naissance
# seule fait de même ; le mois ou le jour de naissance laissent des patients seuls.
# </details>

# %% [markdown] session="formative"
# ## 6. Personnelles pour qui ?
#
# Des données sans nom restent **personnelles** (le RGPD s'applique) pour qui peut, avec des
# moyens raisonnables, retrouver les personnes. La règle tient en trois questions :
#
# 1. **Qui détient les données ?** On juge du côté de chaque détenteur.
# 2. **Quels moyens raisonnables a-t-il ?** La table des noms, un fichier à croiser, une ligne
#    isolée (k = 1)…
# 3. **La loi lui interdit-elle ce moyen ?** Un moyen interdit par la loi ou irréalisable ne
#    compte pas. Un contrat compte dans la pesée, sans être une loi (*lecture retenue par ce
#    cours*).
#
# **Exemple.** Le CHU garde la table des noms : pour lui, l'extrait reste personnel, quelles
# que soient les colonnes retirées.
#
# <details><summary>Pour aller plus loin : ce que disent les textes (lecture
# facultative)</summary>
#
# RGPD, article 4(5) et considérant 26 ; Cour de justice de l'Union européenne, arrêts
# Breyer (2016) et du 4 septembre 2025 (C-413/23 P).
#
# - Des données pseudonymisées restent personnelles pour qui peut retrouver les personnes ;
#   seules des données **anonymes** échappent au RGPD. L'arrêt de 2025 l'apprécie du côté de
#   chaque détenteur : pour un destinataire sans la table, l'extrait peut ne pas l'être.
# - Les moyens comptés sont tous ceux « raisonnablement susceptibles d'être utilisés […] pour
#   identifier », « tels que le ciblage » (considérant 26) : isoler une ligne, la table, les
#   recoupements avec d'autres sources, selon leur coût et leur durée.
# - Un moyen interdit par la loi ou irréalisable en pratique ne compte pas (arrêt Breyer).
#   L'arrêt ne parle pas des contrats : les compter dans la pesée, sans en faire une loi, est
#   la lecture de ce cours.
# </details>
#
# ### Question 3 — Deux destinataires, un même contrat (2 points, 1 par destinataire)
#
# Le CHU transmet un extrait pseudonymisé du registre, sans la table des noms, à deux
# destinataires. Chacun a signé le **même** contrat, qui lui interdit toute réidentification.
#
# | | Un laboratoire public de recherche | Une société d'études (prestataire) |
# |---|---|---|
# | reçoit | sexe, classe d'âge de 20 ans, diagnostic (ni date de naissance ni lieu) | date de naissance, sexe, code postal, diagnostic |
# | détient déjà | aucune autre donnée sur ces personnes | le fichier nominatif de son panel d'habitants de la région (nom, date de naissance, sexe, code postal), dont les membres acceptent les rapprochements pour des études |
# | travaille | dans ses propres locaux, sans rien y croiser ; publie des comptes agrégés (au moins 10 patients) | dans ses propres locaux |
#
# L'extrait est-il fait de données personnelles **pour ce destinataire** ? Pour **chacun**,
# choisissez la lettre qui donne le verdict **et** sa raison (une lettre peut servir deux
# fois).
#
# - **A.** Personnelles pour lui : le CHU qui l'a transmis garde la table.
# - **B.** Personnelles pour lui : il a lui-même un moyen raisonnable de relier l'extrait à
#   des noms.
# - **C.** Pas personnelles pour lui : son contrat lui interdit de relier l'extrait à des noms.
# - **D.** Pas personnelles pour lui : il n'a aucun moyen raisonnable de relier l'extrait à
#   des noms.
# - **E.** Pas personnelles pour lui : tant qu'il n'a relié aucune ligne à un nom, nul n'est
#   identifié.
#
# <details><summary>Indice 1</summary>
#
# Placez-vous du côté de chaque destinataire : que détient-il, que peut-il faire de ce qu'il
# reçoit ? Le verdict ne suffit pas : sa raison doit être celle du droit.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Les deux ont signé le même contrat. Si ce contrat suffisait, qu'est-ce qui les
# distinguerait encore ? Et le RGPD protège-t-il seulement les personnes déjà identifiées ?
# </details>

# %% [markdown] session="evaluation"
# ## 6. Personnelles pour qui ?
#
# Des données sans nom restent **personnelles** (le RGPD s'applique) pour qui peut, avec des
# moyens raisonnables, retrouver les personnes. La règle tient en trois questions :
#
# 1. **Qui détient les données ?** On juge du côté de chaque détenteur.
# 2. **Quels moyens raisonnables a-t-il ?** La table des noms, un fichier à croiser, une ligne
#    isolée (k = 1)…
# 3. **La loi lui interdit-elle ce moyen ?** Un moyen interdit par la loi ou irréalisable ne
#    compte pas. Un contrat compte dans la pesée, sans être une loi (*lecture retenue par ce
#    cours*).
#
# **Exemple.** Le CHU garde la table des noms : pour lui, l'extrait reste personnel, quelles
# que soient les colonnes retirées.
#
# <details><summary>Pour aller plus loin : ce que disent les textes (lecture
# facultative)</summary>
#
# RGPD, article 4(5) et considérant 26 ; Cour de justice de l'Union européenne, arrêts
# Breyer (2016) et du 4 septembre 2025 (C-413/23 P).
#
# - Des données pseudonymisées restent personnelles pour qui peut retrouver les personnes ;
#   seules des données **anonymes** échappent au RGPD. L'arrêt de 2025 l'apprécie du côté de
#   chaque détenteur : pour un destinataire sans la table, l'extrait peut ne pas l'être.
# - Les moyens comptés sont tous ceux « raisonnablement susceptibles d'être utilisés […] pour
#   identifier », « tels que le ciblage » (considérant 26) : isoler une ligne, la table, les
#   recoupements avec d'autres sources, selon leur coût et leur durée.
# - Un moyen interdit par la loi ou irréalisable en pratique ne compte pas (arrêt Breyer).
#   L'arrêt ne parle pas des contrats : les compter dans la pesée, sans en faire une loi, est
#   la lecture de ce cours.
# </details>
#
# ### Question 3 — Deux destinataires, un même contrat (2 points, 1 par destinataire)
#
# Le CHU transmet un extrait pseudonymisé du registre, sans la table des noms, à deux
# destinataires : une **équipe de recherche** d'une faculté de pharmacie et une **association
# de patients**. Chacune a signé le **même** contrat, qui lui interdit toute réidentification.
# Ce que chacune reçoit, détient déjà et fait de l'extrait est propre à votre copie : le
# tableau s'affiche sous ce texte.
#
# L'extrait est-il fait de données personnelles **pour ce destinataire** ? Pour **chacun**,
# choisissez la lettre qui donne le verdict **et** sa raison (une lettre peut servir deux
# fois).
#
# Le tableau de votre copie et les raisons possibles s'affichent sous ce texte, dans l'ordre
# de votre copie.
#
# <details><summary>Indice 1</summary>
#
# Placez-vous du côté de chaque destinataire : que détient-il, que peut-il faire de ce qu'il
# reçoit ? Le verdict ne suffit pas : sa raison doit être celle du droit.
# </details>

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : il affiche le tableau de la question 3 (l'un de quatre,
# tiré de votre identifiant), puis les options dans l'ordre de votre copie (la liste affichée
# est la seule à lire).
faits_q3 = [
    ("sexe, classe d'âge de 20 ans, diagnostic (ni date de naissance ni lieu)",
     "aucune autre donnée sur ces personnes",
     "dans ses propres locaux, sans rien y croiser ; publie des comptes agrégés (au moins 10 "
     "patients)"),
    ("date de naissance, sexe, code postal, diagnostic",
     "le fichier nominatif de ses adhérents de la région (nom, date de naissance, sexe, code "
     "postal), qui ont accepté par écrit les rapprochements avec d'autres données pour des "
     "études",
     "dans ses propres locaux"),
    ("date de naissance, sexe, code postal, diagnostic",
     "le fichier nominatif des participants de sa cohorte régionale (nom, date de naissance, "
     "sexe, code postal), qui ont accepté par écrit les rapprochements avec d'autres données "
     "pour des études",
     "dans ses propres locaux"),
    # Les versions croisées (2 et 3) : l'extrait le plus détaillé va à qui n'a aucun moyen,
    # l'extrait sans date de naissance ni lieu à qui tient un fichier où le relier.
    ("sexe, classe d'âge de 20 ans, diagnostic détaillé, traitements, résultats d'analyses, "
     "durée du séjour (ni date ni lieu)",
     "aucune autre donnée sur ces personnes",
     "dans ses propres locaux, sans rien y croiser ; publie des comptes agrégés (au moins 10 "
     "patients)"),
    ("sexe, classe d'âge de 20 ans, date d'admission, diagnostic (ni date de naissance ni "
     "lieu)",
     "le fichier nominatif de ses adhérents de la région (nom, sexe, année de naissance, dates "
     "de leurs séjours au CHU), qui ont accepté par écrit les rapprochements avec d'autres "
     "données pour des études",
     "dans ses propres locaux"),
    ("sexe, classe d'âge de 20 ans, date d'admission, diagnostic (ni date de naissance ni "
     "lieu)",
     "le fichier nominatif des participants de sa cohorte régionale (nom, sexe, année de "
     "naissance, dates de leurs séjours au CHU), qui ont accepté par écrit les rapprochements "
     "avec d'autres données pour des études",
     "dans ses propres locaux"),
]
# Six tirages : les versions 0 et 1, puis les versions croisées, deux fois plus fréquentes
# (4 et 5 reprennent 2 et 3) ; en numéro pair, l'équipe n'a aucun moyen.
tableau_q3 = [(faits_q3[0], faits_q3[1]), (faits_q3[2], faits_q3[0]),
              (faits_q3[3], faits_q3[4]), (faits_q3[5], faits_q3[3]),
              (faits_q3[3], faits_q3[4]), (faits_q3[5], faits_q3[3])][
    int(np.random.default_rng([graine, 31]).integers(6))]
display(Markdown("\n".join(
    ["| | Une équipe de recherche (faculté de pharmacie) | Une association de patients |",
     "|---|---|---|"]
    + [f"| {titre} | {tableau_q3[0][rang]} | {tableau_q3[1][rang]} |"
       for rang, titre in enumerate(["reçoit", "détient déjà", "travaille"])])))
options_q3 = {
    "table_chu": "Personnelles pour lui : le CHU qui l'a transmis garde la table.",
    "moyen_propre": "Personnelles pour lui : il a lui-même un moyen raisonnable de relier "
    "l'extrait à des noms.",
    "contrat": "Pas personnelles pour lui : son contrat lui interdit de relier l'extrait à des "
    "noms.",
    "aucun_moyen": "Pas personnelles pour lui : il n'a aucun moyen raisonnable de relier "
    "l'extrait à des noms.",
    "pas_identifie": "Pas personnelles pour lui : tant qu'il n'a relié aucune ligne à un nom, "
    "nul n'est identifié.",
}
display(Markdown("\n".join(
    f"- **{lettre}.** {options_q3[option]}" for lettre, option in checks.draw_slots(
        checks.student_seed("11", announce=False), "qualification", list(options_q3))[0].items())))

# %% answer="qualification" session="formative"
qualification = {
    "laboratoire": ...,
    "prestataire": ...,
}
### BEGIN SOLUTION
qualification = {
    "laboratoire": "D",
    "prestataire": "B",
}
### END SOLUTION


# %% answer="qualification" session="evaluation"
qualification = {
    "equipe": ...,
    "association": ...,
}
### BEGIN SOLUTION
_lettre = {option: lettre for lettre, option in checks.draw_slots(
    checks.student_seed("11", announce=False), "qualification", list(options_q3))[0].items()}
# Tirage pair : l'équipe n'a aucun moyen, l'association a le sien ; impair : l'inverse.
_version = int(np.random.default_rng([checks.student_seed("11", announce=False), 31])
               .integers(6)) % 2
qualification = {
    "equipe": _lettre[["aucun_moyen", "moyen_propre"][_version]],
    "association": _lettre[["moyen_propre", "aucun_moyen"][_version]],
}
### END SOLUTION

# %% tests="qualification" points=2 session="formative"
# Vérification de la question 3 : exécutez cette cellule.
# Les erreurs fréquentes sont rangées sous une empreinte (elles ne montrent pas la réponse).
def erreur(message, empreinte):
    return checks.Mistake(None, message, digest=empreinte)


message_identifiee = (
    "vous avez confondu personne identifiée et personne identifiable : le RGPD protège aussi "
    "celles que l'on peut retrouver par des moyens raisonnables, avant tout croisement. La "
    "question est : ce destinataire le peut-il ?"
)
checks.check_choices(
    qualification,
    name="qualification",
    options=["A", "B", "C", "D", "E"],
    digests={"laboratoire": "05bb56a6fa08e458", "prestataire": "1662b93980f3b705"},
    mistakes={
        "laboratoire": [
            erreur("le CHU garde bien la table, mais l'arrêt de 2025 juge du côté de celui qui "
                   "détient les données : les moyens du CHU ne sont pas ceux du laboratoire.",
                   "ed9ef6da41616744"),
            erreur("quel moyen le laboratoire aurait-il ? Relisez ce qu'il reçoit, ce qu'il "
                   "détient et où il travaille.", "d5e4fe822c3cd147"),
            erreur("le verdict se défend, pas la raison : un contrat compte dans la pesée, mais "
                   "n'écarte pas un moyen à lui seul (le prestataire a signé le même). "
                   "Qu'est-ce qui prive le laboratoire de tout moyen ?", "0e3975934a75b33d"),
            erreur(message_identifiee, "23a99104afb55118"),
        ],
        "prestataire": [
            erreur("le verdict est juste, pas la raison : l'arrêt de 2025 juge du côté de "
                   "celui qui détient les données, et la table du CHU ne suffit pas à le "
                   "trancher. Qu'a le prestataire, lui ?", "8e0a193db84cbeea"),
            erreur("vous avez traité le contrat comme une loi. Il compte dans la pesée, mais le "
                   "fichier du panel reste à portée de main : seul un moyen interdit par la loi "
                   "ou irréalisable en pratique est écarté (arrêt Breyer).",
                   "e2421af044230542"),
            erreur("relisez ce que détient déjà le prestataire, et comparez-le aux colonnes de "
                   "l'extrait. Ce n'est pas la question discutée de l'exercice 9 (une liste à "
                   "constituer, puis à croiser) : son fichier est déjà en main, tenu "
                   "légalement, ses membres ont accepté les rapprochements pour des études, et "
                   "le croiser ne coûte presque rien.", "acebb4d087cd298d"),
            erreur(message_identifiee, "ac8c41d2e5fa49c4"),
        ],
    },
    success="chacun est jugé de son côté, avec ses moyens raisonnables : le prestataire a un "
    "fichier qui relie l'extrait à des noms, que son contrat n'efface pas ; le laboratoire, "
    "avec un extrait généralisé (sans date ni lieu) et aucune autre donnée, n'en a aucun. "
    "Pour le CHU, qui garde la table, l'extrait reste personnel (voir « Retour sur la "
    "question 3 »). Et la start-up, avec des profils publics ? "
    "C'est discuté : la réflexion de l'exercice 9 vous demande de trancher.",
    points=2,
)
### BEGIN HIDDEN TESTS
checks.check_choices(
    qualification,
    name="qualification",
    options=["A", "B", "C", "D", "E"],
    expected={"laboratoire": "D", "prestataire": "B"},
    points=2,
)
### END HIDDEN TESTS

# %% tests="qualification" points=2 session="evaluation"
# Vérification de la question 3 : exécutez cette cellule.
checks.check_form(qualification, name="qualification", kind="choices",
                  options=["A", "B", "C", "D", "E"], items=["equipe", "association"])
### BEGIN HIDDEN TESTS
# La version du tableau et la lettre de chaque option dans la copie corrigée, tirées de son
# identifiant comme l'affichage.
graine_q3 = checks.student_seed("11", announce=False)
lettre = option = nom = None
place_q3 = checks.draw_slots(graine_q3, "qualification",
                             ["table_chu", "moyen_propre", "contrat", "aucun_moyen",
                              "pas_identifie"])[0]
lettre_q3 = {nom: next(lettre for lettre, option in place_q3.items() if option == nom)
             for nom in ("table_chu", "moyen_propre", "contrat", "aucun_moyen", "pas_identifie")}
# Version 0 : l'équipe reçoit l'extrait généralisé et ne détient rien ; l'association reçoit
# l'extrait détaillé et tient le fichier de ses adhérents. Version 1 : l'équipe reçoit
# l'extrait détaillé et tient le fichier de sa cohorte ; l'association ne détient rien.
# Versions 2 et 3, croisées : qui ne détient rien reçoit l'extrait le plus détaillé (détails
# cliniques, ni date ni lieu) ; qui tient un fichier avec les dates de séjour reçoit un extrait
# sans date de naissance ni lieu, mais avec la date d'admission (équipe sans moyen en version
# 2, association sans moyen en version 3). Les tirages 4 et 5 reprennent les versions 2 et 3
# (versions croisées deux fois plus fréquentes) ; en tirage pair, l'équipe n'a aucun moyen.
version_q3 = int(np.random.default_rng([graine_q3, 31]).integers(6))
sans_moyen_q3, avec_moyen_q3 = [("equipe", "association"),
                                ("association", "equipe")][version_q3 % 2]
identifiee_q3 = (
    "vous avez confondu personne identifiée et personne identifiable : le RGPD protège aussi "
    "celles que l'on peut retrouver par des moyens raisonnables, avant tout croisement. La "
    "question est : ce destinataire le peut-il ?"
)
checks.check_choices(
    qualification, name="qualification", options=["A", "B", "C", "D", "E"],
    expected={sans_moyen_q3: lettre_q3["aucun_moyen"], avec_moyen_q3: lettre_q3["moyen_propre"]},
    mistakes={
        sans_moyen_q3: [
            checks.Mistake(lettre_q3["table_chu"], "le CHU garde bien la table, mais l'arrêt de "
                           "2025 juge du côté de celui qui détient les données : les moyens du "
                           "CHU ne sont pas ceux de ce destinataire."),
            checks.Mistake(lettre_q3["moyen_propre"], "quel moyen ce destinataire aurait-il ? "
                           "Relisez, dans le tableau de votre copie, ce qu'il reçoit, ce qu'il "
                           "détient et où il travaille."),
            checks.Mistake(lettre_q3["contrat"], "le verdict se défend, pas la raison : un "
                           "contrat compte dans la pesée, mais n'écarte pas un moyen à lui seul "
                           "(l'autre destinataire a signé le même)."),
            checks.Mistake(lettre_q3["pas_identifie"], identifiee_q3),
        ],
        avec_moyen_q3: [
            checks.Mistake(lettre_q3["table_chu"], "le verdict est juste, pas la raison : l'arrêt "
                           "de 2025 juge du côté de celui qui détient les données. Qu'a ce "
                           "destinataire, lui ?"),
            checks.Mistake(lettre_q3["contrat"], "vous avez traité le contrat comme une loi. Il "
                           "compte dans la pesée, mais le fichier nominatif reste à portée de "
                           "main : seul un moyen interdit par la loi ou irréalisable est écarté "
                           "(arrêt Breyer)."),
            checks.Mistake(lettre_q3["aucun_moyen"], "relisez ce que détient déjà ce destinataire, "
                           "et comparez-le aux colonnes de l'extrait qu'il reçoit."),
            checks.Mistake(lettre_q3["pas_identifie"], identifiee_q3),
        ],
    },
    points=2,
)
### END HIDDEN TESTS

# %% mistake="qualification" session="evaluation"
# message : un contrat compte dans la pesée, mais n'écarte pas un moyen à lui seul
_lettre = {option: lettre for lettre, option in checks.draw_slots(
    checks.student_seed("11", announce=False), "qualification", list(options_q3))[0].items()}
_version = int(np.random.default_rng([checks.student_seed("11", announce=False), 31])
               .integers(6)) % 2
qualification = {"equipe": _lettre[["contrat", "moyen_propre"][_version]],
                 "association": _lettre[["moyen_propre", "contrat"][_version]]}

# %% mistake="qualification" session="evaluation"
# message : personne identifiée et personne identifiable
_lettre = {option: lettre for lettre, option in checks.draw_slots(
    checks.student_seed("11", announce=False), "qualification", list(options_q3))[0].items()}
qualification = {"equipe": _lettre["pas_identifie"], "association": _lettre["pas_identifie"]}

# %% mistake="qualification" session="evaluation"
# message : vous avez traité le contrat comme une loi
_lettre = {option: lettre for lettre, option in checks.draw_slots(
    checks.student_seed("11", announce=False), "qualification", list(options_q3))[0].items()}
_version = int(np.random.default_rng([checks.student_seed("11", announce=False), 31])
               .integers(6)) % 2
qualification = {"equipe": _lettre[["aucun_moyen", "contrat"][_version]],
                 "association": _lettre[["contrat", "aucun_moyen"][_version]]}

# %% mistake="qualification" session="evaluation"
# message : Relisez, dans le tableau de votre copie
_lettre = {option: lettre for lettre, option in checks.draw_slots(
    checks.student_seed("11", announce=False), "qualification", list(options_q3))[0].items()}
qualification = {"equipe": _lettre["moyen_propre"], "association": _lettre["moyen_propre"]}

# %% mistake="qualification" session="formative"
# message : un contrat compte dans la pesée, mais n'écarte pas un moyen à lui seul
qualification = {"laboratoire": "C", "prestataire": "B"}

# %% mistake="qualification" session="formative"
# message : l'arrêt de 2025 juge du côté de celui qui détient les données
qualification = {"laboratoire": "A", "prestataire": "A"}

# %% mistake="qualification" session="formative"
# message : vous avez traité le contrat comme une loi
qualification = {"laboratoire": "D", "prestataire": "C"}

# %% mistake="qualification" session="formative"
# message : personne identifiée et personne identifiable
qualification = {"laboratoire": "E", "prestataire": "E"}

# %% mistake="qualification" session="formative"
# message : quel moyen le laboratoire aurait-il
qualification = {"laboratoire": "B", "prestataire": "B"}

# %% mistake="qualification" session="formative"
# message : Ce n'est pas la question discutée de l'exercice 9
qualification = {"laboratoire": "D", "prestataire": "D"}

# %% [markdown] reveal="qualification" session="formative"
# <details><summary>Retour sur la question 3 (ouvrez après avoir répondu)</summary>
#
# Le laboratoire reçoit un extrait sans date de naissance ni
# lieu, dans ses propres locaux, et n'a aucune autre donnée : aucun moyen raisonnable. S'il avait
# reçu l'extrait détaillé (date de naissance, sexe, code postal), la réponse serait
# **discutée** : presque chaque patient y est seul de son trio (section 3), le considérant 26
# compte le ciblage parmi les moyens d'identifier, et un chercheur de la région peut
# reconnaître une personne dont il connaît la date de naissance et la commune (question 4).
# L'arrêt de 2025 dit seulement que des données pseudonymisées peuvent ne pas être
# personnelles pour un destinataire, et la CNIL rappelle que des données pseudonymisées
# conservent le plus souvent un caractère personnel (CNIL, 2020). Le verdict D vaut pour le
# laboratoire, sur ces faits, selon l'arrêt de 2025 ; il ne change rien pour le CHU. C'est
# pourquoi le laboratoire travaille ici dans ses propres locaux, l'extrait **transmis** : s'il
# travaillait dans un environnement de traitement sécurisé de l'espace européen des données
# de santé, rien ne lui serait transmis, le détenteur garderait le contrôle, le traitement y
# relèverait du RGPD et seules des données non personnelles en sortiraient (règlement (UE)
# 2025/327, considérant 77). Le prestataire, lui, n'est pas le cas discuté de la
# start-up (exercice 9) : son fichier est déjà en main, tenu légalement, et ses membres ont
# accepté les rapprochements pour des études ; ce module retient la lecture étroite de
# Breyer. Dans les deux cas, les patients doivent savoir à qui leurs données vont : c'est
# respecter leur **autonomie** (CENS) et **V6 — Intégrité et transparence**.
# </details>

# %% [markdown] reveal="qualification" session="evaluation"
# <details><summary>Retour sur la question 3 (ouvrez après avoir répondu)</summary>
#
# Dans les quatre versions du tableau, l'un des destinataires n'a aucun moyen, l'autre a le
# sien ; seul change lequel. Ce qui décide n'est pas la quantité de détail reçue, mais ce que
# le destinataire peut en faire : un extrait sans date de naissance ni lieu reste relié à des
# noms par qui tient un fichier où figurent les dates de séjour (la date d'admission, le sexe
# et l'année de naissance suffisent presque toujours). Le destinataire
# qui reçoit un extrait sans date de naissance ni lieu (même riche en détails cliniques), dans
# ses propres locaux, et n'a aucune
# autre donnée n'a aucun moyen raisonnable de relier l'extrait à des noms : pour lui, selon
# l'arrêt de 2025 et sur ces faits, l'extrait n'est pas fait de données personnelles ; cela ne
# change rien pour le CHU, qui garde la table. Celui qui reçoit la date de naissance, le sexe
# et le code postal, et tient déjà un fichier nominatif sur ces trois colonnes (tenu
# légalement, ses membres ayant accepté par écrit les rapprochements avec d'autres données pour
# des études), a un moyen à
# portée de main, qui ne coûte presque rien : pour lui, l'extrait est personnel, et le
# contrat, qui n'est pas une loi, ne l'efface pas (ce module retient la lecture étroite de
# Breyer). S'il avait reçu l'extrait détaillé sans aucun fichier, la réponse serait
# **discutée** : presque chaque patient y est seul de son trio (section 3), et le considérant
# 26 compte le ciblage parmi les moyens d'identifier. La CNIL rappelle que des données
# pseudonymisées conservent le plus souvent un caractère personnel (CNIL, 2020). Dans un
# environnement de traitement sécurisé de l'espace européen des données de santé, rien ne
# serait transmis et le traitement y relèverait du RGPD (règlement (UE) 2025/327, considérant
# 77) : c'est pourquoi, dans la question, l'extrait est **transmis**. Dans tous les cas, les
# patients doivent savoir à qui leurs données vont : c'est respecter leur **autonomie** (CENS)
# et **V6 — Intégrité et transparence**.
# </details>

# %% [markdown]
# ## À retenir
#
# - **Pseudonymiser** n'est pas **anonymiser**.
# - Les **quasi-identifiants** (ce qu'un attaquant sait par ailleurs) isolent presque chaque
#   patient ; une liste nominative suffit à les **nommer**.
# - k > 1 vaut **pour ces quasi-identifiants** : qui en connaît d'autres peut encore isoler.
# - **Généraliser** réduit le risque mais coûte du détail.

# %% [markdown] reveal="l_petit"
# - Le **k** est la taille de la plus petite classe : k = 1, une ligne est isolée. Le **l** est
#   le plus petit nombre de diagnostics différents dans une classe.

# %% [markdown] reveal="qualification"
# - Les données restent personnelles pour qui peut, par des moyens raisonnables (recoupements
#   et ciblage compris), retrouver les personnes : cela se juge du côté de chaque détenteur
#   (question 3) ; un contrat compte, sans tout régler.

# %% [markdown] session="evaluation"
# **Fin de la séance.** Enregistrez le notebook, puis déposez-le comme votre enseignant·e
# l'indique, **en fin de séance** : les questions 1a à 3 sont corrigées sur cette copie. La
# réflexion de l'exercice 9 se rédige après la séance et se rend à part, comme l'indique votre
# enseignant·e (par exemple un devoir Moodle), avant la date annoncée ; sa cellule dans cette
# copie peut rester vide.

# %% [markdown] graded="in-class"
# ## Après la séance
#
# *Seul : les exercices 4 à 8 (chacun porte la question du même numéro), une lecture, puis la
# réflexion de l'exercice 9.*
#
# **Ce qui compte après la séance.** Les questions 4a à 8 servent à vous entraîner :
# corrigées, elles **ne comptent ni pour le certificat ni dans la note du module** (encadré en
# tête). La réflexion de l'exercice 9, elle, est notée : rédigez-la seul·e.
#
# ### Exercice 4 — Le rôle de chaque colonne
#
# Relisez les définitions de la section 3 : un quasi-identifiant dépend de ce que l'attaquant
# sait par ailleurs, pas d'une liste fixée d'avance. Ces rôles sont techniques : pour le droit,
# le service et la date d'hospitalisation restent des données de santé (RGPD, articles 4(15)
# et 9), quel que soit leur rôle ici.
#
# ### Question 4a — Le rôle des colonnes de la personne (1 point)
#
# Une clinique prépare un tableau à publier ; **avant préparation**, il contient sept colonnes :
# nom, sexe, date de naissance, commune, date d'admission, service et diagnostic. Le collègue de travail d'une patiente connaît son nom, son sexe, sa date
# de naissance, sa commune, le jour où elle a été hospitalisée (elle était absente) et le
# service où elle l'a été (il lui a rendu visite en cardiologie) ; il ignore son diagnostic.
# **Pour ce collègue**, remplacez chacun des sept `...` par l'un des trois textes, avec les
# guillemets : `"identifiant direct"`, `"quasi-identifiant"` ou `"colonne sensible"`. La
# question a deux parties, notées chacune sur 1 point : **4a**, les quatre colonnes qui
# décrivent la personne ; **4b**, les trois qui décrivent son séjour.
#
# <details><summary>Indice 1</summary>
#
# Pour chaque colonne : désigne-t-elle directement la patiente ? Le collègue la connaît-il
# déjà ? Est-ce ce qu'il voudrait apprendre ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Une information que le collègue connaît déjà ne peut pas être ce que la publication lui
# cache, même si elle parle de santé. Une valeur que des dizaines de personnes partagent ne
# désigne personne à elle seule.
# </details>

# %% answer="roles_personne"
# 4a : les colonnes qui décrivent la personne.
roles_personne = {
    "nom": ...,
    "sexe": ...,
    "date_naissance": ...,
    "commune": ...,
}
### BEGIN SOLUTION
roles_personne = {
    "nom": "identifiant direct",
    "sexe": "quasi-identifiant",
    "date_naissance": "quasi-identifiant",
    "commune": "quasi-identifiant",
}
### END SOLUTION

# %% tests="roles_personne" points=1 session="formative"
# Vérification de la question 4a : exécutez cette cellule.
# Les erreurs fréquentes sont rangées sous une empreinte (elles ne montrent pas la réponse).
def erreur(message, empreinte):
    return checks.Mistake(None, message, digest=empreinte)


checks.check_choices(
    roles_personne,
    name="roles_personne",
    options=["identifiant direct", "quasi-identifiant", "colonne sensible"],
    digests={"nom": "ee8f35466211dde5", "sexe": "0d8e9fb6ce8f21de",
             "date_naissance": "6b6a5cc0785a5f86", "commune": "055cfcb5c4953236"},
    mistakes={
        "nom": [
            erreur("relisez, en section 3, la définition d'un identifiant direct.", "6aacdbc7c112d10d"),
            erreur("relisez, en section 3, la définition d'un identifiant direct.", "90c2cef59a2f01f3"),
        ],
        "sexe": [
            erreur("relisez, en section 3, la définition d'un identifiant direct.", "6027b26e43feebb3"),
            erreur("relisez l'énoncé de l'exercice 4 (ce que le collègue sait déjà), puis la définition de la colonne sensible (section 3).", "fc764760b65af16a"),
        ],
        "date_naissance": [
            erreur("relisez, en section 3, la définition d'un identifiant direct.", "d4ce72880218571d"),
            erreur("relisez l'énoncé de l'exercice 4 (ce que le collègue sait déjà), puis la définition de la colonne sensible (section 3).", "6104ad33c48243e9"),
        ],
        "commune": [
            erreur("relisez, en section 3, la définition d'un identifiant direct.", "016fc3fccbfd7917"),
            erreur("relisez l'énoncé de l'exercice 4 (ce que le collègue sait déjà), puis la définition de la colonne sensible (section 3).", "cb9df3a6638d86cf"),
        ],
    },
    success="les quatre colonnes qui décrivent la personne ont le bon rôle : le nom la désigne "
    "seul ; les trois autres l'isolent une fois combinées.",
    points=1,
)
### BEGIN HIDDEN TESTS
checks.check_choices(
    roles_personne,
    name="roles_personne",
    options=["identifiant direct", "quasi-identifiant", "colonne sensible"],
    expected={"nom": "identifiant direct", "sexe": "quasi-identifiant",
              "date_naissance": "quasi-identifiant", "commune": "quasi-identifiant"},
    points=1,
)
### END HIDDEN TESTS

# %% tests="roles_personne" points=1 session="evaluation"
# Vérification de la question 4a : exécutez cette cellule.
checks.check_form(roles_personne, name="roles_personne", kind="choices",
                  options=["identifiant direct", "quasi-identifiant", "colonne sensible"],
                  items=["nom", "sexe", "date_naissance", "commune"])
### BEGIN HIDDEN TESTS
sensible_4a = "colonne sensible"
quasi_4a = "quasi-identifiant"
direct_4a = "identifiant direct"
checks.check_choices(
    roles_personne, name="roles_personne", options=[direct_4a, quasi_4a, sensible_4a],
    expected={"nom": direct_4a, "sexe": quasi_4a, "date_naissance": quasi_4a,
              "commune": quasi_4a},
    mistakes={
        "nom": [
            checks.Mistake(quasi_4a, "relisez, en section 3, la définition d'un identifiant direct. "
                           "Le nom désigne directement la patiente."),
            checks.Mistake(sensible_4a, "relisez, en section 3, la définition d'un identifiant direct. "
                           "Le collègue connaît déjà le nom, et le nom désigne "
                           "directement la patiente."),
        ],
        "sexe": [
            checks.Mistake(direct_4a, "relisez, en section 3, la définition d'un identifiant direct. "
                           "La moitié de la population partage le même sexe : il ne "
                           "désigne personne à lui seul."),
            checks.Mistake(sensible_4a, "relisez l'énoncé de l'exercice 4 (ce que le collègue sait déjà), puis la définition de la colonne sensible (section 3). "
                           "Le collègue connaît déjà le sexe de la patiente : ce "
                           "n'est pas ce que la publication lui cache."),
        ],
        "date_naissance": [
            checks.Mistake(direct_4a, "relisez, en section 3, la définition d'un identifiant direct. "
                           "Beaucoup de gens sont nés le même jour : la date de "
                           "naissance ne désigne personne à elle seule."),
            checks.Mistake(sensible_4a, "relisez l'énoncé de l'exercice 4 (ce que le collègue sait déjà), puis la définition de la colonne sensible (section 3). "
                           "Le collègue connaît déjà la date de naissance : ce "
                           "n'est pas ce que la publication lui cache."),
        ],
        "commune": [
            checks.Mistake(direct_4a, "relisez, en section 3, la définition d'un identifiant direct. "
                           "Une commune compte presque toujours plusieurs "
                           "habitants, souvent des milliers : elle ne désigne pas une personne "
                           "à elle seule."),
            checks.Mistake(sensible_4a, "relisez l'énoncé de l'exercice 4 (ce que le collègue sait déjà), puis la définition de la colonne sensible (section 3). "
                           "Le collègue connaît déjà la commune : ce n'est pas ce "
                           "que la publication lui cache."),
        ],
    },
    points=1,
)
### END HIDDEN TESTS

# %% mistake="roles_personne"
# message : la définition d'un identifiant direct
roles_personne = {
    "nom": "identifiant direct",
    "sexe": "quasi-identifiant",
    "date_naissance": "identifiant direct",
    "commune": "quasi-identifiant",
}

# %% mistake="roles_personne"
# message : relisez, en section 3, la définition d'un identifiant direct
roles_personne = {
    "nom": "quasi-identifiant",
    "sexe": "quasi-identifiant",
    "date_naissance": "quasi-identifiant",
    "commune": "quasi-identifiant",
}

# %% mistake="roles_personne"
# message : 2 réponses sur 4 à revoir
roles_personne = {
    "nom": "identifiant direct",
    "sexe": "colonne sensible",
    "date_naissance": "quasi-identifiant",
    "commune": "identifiant direct",
}

# %% mistake="roles_personne"
# message : (2) « commune » : relisez, en section 3
roles_personne = {
    "nom": "identifiant direct",
    "sexe": "colonne sensible",
    "date_naissance": "quasi-identifiant",
    "commune": "identifiant direct",
}

# %% mistake="roles_personne"
# message : Il reste à remplacer les « ... » de : « commune »
roles_personne = {
    "nom": "identifiant direct",
    "sexe": "colonne sensible",
    "date_naissance": "quasi-identifiant",
    "commune": ...,
}

# %% [markdown]
# ### Question 4b — Le rôle des colonnes du séjour (1 point)
#
# Même collègue, mêmes trois textes, pour les trois colonnes du séjour.

# %% answer="roles_sejour"
# 4b : les colonnes qui décrivent le séjour.
roles_sejour = {
    "date_admission": ...,
    "service": ...,
    "diagnostic": ...,
}
### BEGIN SOLUTION
roles_sejour = {
    "date_admission": "quasi-identifiant",
    "service": "quasi-identifiant",
    "diagnostic": "colonne sensible",
}
### END SOLUTION

# %% tests="roles_sejour" points=1 session="formative"
# Vérification de la question 4b : exécutez cette cellule.
# Les erreurs fréquentes sont rangées sous une empreinte (elles ne montrent pas la réponse).
def erreur(message, empreinte):
    return checks.Mistake(None, message, digest=empreinte)


checks.check_choices(
    roles_sejour,
    name="roles_sejour",
    options=["identifiant direct", "quasi-identifiant", "colonne sensible"],
    digests={"date_admission": "71068470e41e6976", "service": "3bdf42d6dfcee2bc",
             "diagnostic": "1a769b7f9b9e8825"},
    mistakes={
        "date_admission": [
            erreur("relisez, en section 3, la définition d'un identifiant direct.", "ad99c71c288946c8"),
            erreur("relisez l'énoncé de l'exercice 4 (ce que le collègue sait déjà), puis la définition de la colonne sensible (section 3).", "c079853f3c9c6556"),
        ],
        "service": [
            erreur("relisez, en section 3, la définition d'un identifiant direct.", "5b07788eca16eb97"),
            erreur("relisez l'énoncé de l'exercice 4 (ce que le collègue sait déjà), puis la définition de la colonne sensible (section 3).", "5abfc11408fffa2a"),
        ],
        "diagnostic": [
            erreur("relisez, en section 3, la définition d'un identifiant direct.", "8131df649db0e1bd"),
            erreur("relisez l'énoncé de l'exercice 4 (ce que le collègue sait déjà), puis les définitions des trois rôles (section 3).", "a0800c084385bd58"),
        ],
    },
    success="les trois colonnes du séjour ont le bon rôle. Le rôle d'une colonne dépend de ce "
    "que sait l'attaquant : pour un lecteur qui en sait moins que ce collègue, certaines en "
    "changeraient. Ce rôle est technique : pour le droit, le service et la date "
    "d'hospitalisation restent des données de santé.",
    points=1,
)
### BEGIN HIDDEN TESTS
checks.check_choices(
    roles_sejour,
    name="roles_sejour",
    options=["identifiant direct", "quasi-identifiant", "colonne sensible"],
    expected={"date_admission": "quasi-identifiant", "service": "quasi-identifiant",
              "diagnostic": "colonne sensible"},
    points=1,
)
### END HIDDEN TESTS

# %% tests="roles_sejour" points=1 session="evaluation"
# Vérification de la question 4b : exécutez cette cellule.
checks.check_form(roles_sejour, name="roles_sejour", kind="choices",
                  options=["identifiant direct", "quasi-identifiant", "colonne sensible"],
                  items=["date_admission", "service", "diagnostic"])
### BEGIN HIDDEN TESTS
sensible_4b = "colonne sensible"
quasi_4b = "quasi-identifiant"
direct_4b = "identifiant direct"
checks.check_choices(
    roles_sejour, name="roles_sejour", options=[direct_4b, quasi_4b, sensible_4b],
    expected={"date_admission": quasi_4b, "service": quasi_4b, "diagnostic": sensible_4b},
    mistakes={
        "date_admission": [
            checks.Mistake(direct_4b, "relisez, en section 3, la définition d'un identifiant direct. "
                           "Des dizaines de patients entrent à l'hôpital le même "
                           "jour : la date d'admission ne désigne personne à elle seule."),
            checks.Mistake(sensible_4b, "relisez l'énoncé de l'exercice 4 (ce que le collègue sait déjà), puis la définition de la colonne sensible (section 3). "
                           "Le collègue connaît déjà la date d'admission : ce "
                           "n'est pas ce que la publication lui cache. Combinée aux autres "
                           "colonnes qu'il connaît, que lui permet-elle ?"),
        ],
        "service": [
            checks.Mistake(direct_4b, "relisez, en section 3, la définition d'un identifiant direct. "
                           "Des dizaines de patients passent chaque jour par le même "
                           "service : il ne désigne personne à lui seul."),
            checks.Mistake(sensible_4b, "relisez l'énoncé de l'exercice 4 (ce que le collègue sait déjà), puis la définition de la colonne sensible (section 3). "
                           "Le service parle bien de santé, mais ce collègue le "
                           "connaît déjà (il lui a rendu visite) : ce n'est pas ce que la "
                           "publication lui cache."),
        ],
        "diagnostic": [
            checks.Mistake(direct_4b, "relisez, en section 3, la définition d'un identifiant direct. "
                           "Le diagnostic est ce que le collègue ignore et voudrait "
                           "apprendre ; et des milliers de patients partagent un même "
                           "diagnostic."),
            checks.Mistake(quasi_4b, "relisez l'énoncé de l'exercice 4 (ce que le collègue sait déjà), puis les définitions des trois rôles (section 3). "
                           "Le diagnostic est ce que le collègue ignore et voudrait "
                           "apprendre : il ne peut pas s'en servir pour retrouver la ligne de la "
                           "patiente."),
        ],
    },
    points=1,
)
### END HIDDEN TESTS

# %% mistake="roles_sejour"
# message : « date_admission » : relisez l'énoncé de l'exercice 4
roles_sejour = {
    "date_admission": "colonne sensible",
    "service": "quasi-identifiant",
    "diagnostic": "colonne sensible",
}

# %% mistake="roles_sejour"
# message : puis les définitions des trois rôles
roles_sejour = {
    "date_admission": "quasi-identifiant",
    "service": "quasi-identifiant",
    "diagnostic": "quasi-identifiant",
}

# %% mistake="roles_sejour"
# message : puis les définitions des trois rôles
roles_sejour = {
    "date_admission": "Quasi identifiant",
    "service": "quasi-identifiant",
    "diagnostic": "quasi identifiant",
}

# %% mistake="roles_sejour"
# message : « service » : relisez l'énoncé de l'exercice 4
roles_sejour = {
    "date_admission": "quasi-identifiant",
    "service": "colonne sensible",
    "diagnostic": "colonne sensible",
}

# %% [markdown] session="evaluation"
# ## 5. Généraliser : moins de détail, moins de risque (après la séance)
#
# En séance évaluée, cette section se fait **après la séance** : elle prépare les exercices 5
# et 6, et ne porte sur aucune question de la séance.
#
# On **généralise** les quasi-identifiants : la date de naissance devient un mois, une année ou
# une **classe d'âge** (40-49 ans) ; le code postal devient un **département**, puis une
# **région**. Les classes grossissent : k et l augmentent le plus souvent, mais les données
# perdent du détail.
#
# L'explorateur généralise le registre et la liste nominative (l'attaquant peut en faire
# autant). Deux de ses lignes mesurent le détail perdu :
#
# - **Âge : années confondues** : sur combien d'années peut tomber la date de naissance d'un
#   patient, vu ce qui est publié (en moyenne). Exemple : « 40-49 ans » la laisse tomber sur
#   dix années ; la date complète, sur un seul jour.
# - **Lieu : codes postaux confondus** : combien de codes postaux le lieu publié ne distingue
#   plus (en moyenne). Exemple : publier le département confond tous ses codes postaux.
#
# <details><summary>Plus de détails sur ces deux mesures (lecture facultative)</summary>
#
# Âge au 1er janvier 2025 ; 90 ans et plus regroupés. **Âge** : pour chaque
# patient, la période où peut tomber sa date de naissance, connaissant ce qui est publié, en
# années (date complète : un jour ; année de naissance ou classe d'un an : un an ; classe de
# 10 ans : dix ans), puis la moyenne. La classe « 90 ans et plus » couvre bien plus d'un an.
# La période va de la plus ancienne à la plus récente date de naissance vues dans la classe :
# pour une classe d'un an, un peu moins d'un an. Exemple : dans le registre, près d'un
# patient sur dix a 90 ans ou plus, et ces patients sont nés sur près de vingt années. Avec
# des classes d'un an, les autres comptent chacun pour un peu moins d'un an, ceux-là pour près
# de vingt : la moyenne dépasse donc nettement un an. L'année de naissance, qui ne regroupe
# pas les plus âgés, donne un peu moins de 1 (lisez-le dans l'explorateur).
# **Lieu** : le
# nombre moyen de codes postaux que le lieu publié ne distingue plus. Ni l'un ni l'autre ne dit
# si une étude restera juste : l'année de naissance suffit pour étudier l'âge, pas la saison
# des naissances.
# </details>
#
# Essayez, dans l'ordre :
#
# 1. Date de naissance publiée : **mois et année**, puis **année seule**. Que deviennent les
#    lignes uniques et les dossiers reliés à un nom ?
# 2. Date de naissance **non publiée** (le curseur des classes d'âge s'active) : élargissez les
#    classes d'âge, puis publiez le **département**, la **région**, aucun lieu. Quand k
#    dépasse-t-il 1 ?
# 3. Reste-t-il une classe où l = 1 ?

# %% session="evaluation"
explorateur = AnonymisationExplorer(registre, liste_nominative, sensitive="diagnosis",
                                    reference="2025-01-01")
explorateur

# %% [markdown] session="evaluation"
# <details><summary>Ce qu'il fallait voir (ouvrez après avoir essayé)</summary>
#
# Tant qu'un lieu est publié, k et l restent à 1, même très généralisés : quelques patients
# restent seuls (lesquels ? exercice 5), et un patient seul dans sa classe n'a qu'un
# diagnostic. Sans lieu ni date de naissance, des classes d'âge assez larges font dépasser 1
# à k et à l, mais une étude sur le lieu devient impossible. Sans lieu, l'année de naissance
# seule laisse peu de patients seuls, parfois aucun (lisez k) ; le mois ou le jour de
# naissance en laissent bien plus.
# </details>

# %% [markdown]
# ### Exercice 5 — Réduire le périmètre : l'extrait de l'Hérault
#
# Dans l'explorateur de la section 5, k restait à 1 tant qu'un lieu était publié. Qui reste
# seul ? Publions sexe,
# classe d'âge de dix ans et département ; comptons les patients seuls dans les plus petits
# départements.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il compte, par département, les patients seuls dans leur
# classe.
publie_10ans = pd.DataFrame({
    "sexe": registre_publie["sex"],
    "classe_age": pv.age_bands(pv.age_on(registre_publie["birth_date"], "2025-01-01"), 10,
                               top=90),
    "departement": registre_publie["departement_name"],
})
taille_classe = publie_10ans.groupby(list(publie_10ans.columns),
                                     observed=True)["sexe"].transform("size")
par_departement = (publie_10ans.assign(seul=taille_classe == 1)
                   .groupby("departement", observed=True)["seul"].agg(["size", "sum"])
                   .sort_values("size"))
par_departement.columns = ["patients du département", "patients seuls dans leur classe"]
display(par_departement.head(7))
print("Patients seuls dans les autres départements : "
      f"{par_departement['patients seuls dans leur classe'].iloc[7:].sum()}")

# %% [markdown]
# Les patients seuls vivent dans les petits départements : la même généralisation protège
# moins les habitants des petits territoires. C'est une question de **justice et équité**
# (le risque n'est pas le même pour tous) et de
# **V4 — Prudence, esprit critique et inclusivité**.
# Quand la généralisation ne suffit pas, on réduit aussi le **périmètre** publié, ou l'on
# regroupe les petits territoires.
#
# Prenons l'extrait d'un seul département, l'**Hérault** : celui de notre université, et un
# département de taille moyenne dans le registre (ni parmi les plus petits, où des patients
# restent seuls, ni parmi les plus grands). On y publie seulement le **sexe**, la **classe
# d'âge** et le diagnostic (le département est le même pour tous).

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il calcule k et l de l'extrait de l'Hérault pour des
# classes d'âge de 1 à 12 ans (tableau ci-dessous). Les classes partent de 0 an (pour 10 ans :
# 0-9, 10-19…) ; la dernière, « 90 ans et plus », est la même pour toutes les largeurs.
herault = registre_publie[registre_publie["departement"] == "34"]
age_herault = pv.age_on(herault["birth_date"], "2025-01-01")
print(f"Extrait de l'Hérault : {len(herault)} patients.")
sexes_herault = herault["sex"].to_numpy()  # les colonnes publiées, en tableaux simples
ages_herault = age_herault.to_numpy()
diagnostics_herault = herault["diagnosis"].to_numpy()


def classes_herault(largeur):
    """L'extrait de l'Hérault publié avec le sexe et des classes d'âge de cette largeur."""
    return pd.DataFrame({"sexe": sexes_herault,
                         "classe_age": pv.age_bands(pd.Series(ages_herault), largeur, top=90),
                         "diagnostic": diagnostics_herault})


def k_herault(largeur):
    """Le k de cet extrait publié avec des classes d'âge de cette largeur."""
    return pv.k_anonymity(classes_herault(largeur), ["sexe", "classe_age"])


noms_sexes = {"F": "femmes", "M": "hommes"}
lignes = []
for largeur in range(1, 13):
    l_largeur = pv.l_diversity(classes_herault(largeur), ["sexe", "classe_age"], "diagnostic")
    lignes.append({"largeur des classes (ans)": largeur, "k": k_herault(largeur),
                   "l": l_largeur})
display(pd.DataFrame(lignes).set_index("largeur des classes (ans)"))

# %% [markdown] session="formative"
# Quel k viser ? Aucun texte ne le fixe : l'avis du G29 refuse de donner des paramètres
# minimaux, chaque jeu de données se jugeant au cas par cas (G29, 2014). Avec **k ≥ 5** comme
# objectif, le tableau donne la plus petite largeur qui convient (nous verrons après la
# question 5 pourquoi ce n'est pas forcément celle à retenir).
#
# <details><summary>Pourquoi 5 ? (lecture facultative)</summary>
#
# Des responsables de données de santé appliquent depuis longtemps une « règle de cinq » (au
# moins 5 personnes par case), d'autres 3, et 11 ou 20 pour une diffusion publique (El Emam,
# 2013).
# </details>
#
# <details><summary>Pourquoi ce l est flatteur (lecture facultative)</summary>
#
# Le générateur tire le diagnostic sans tenir compte de l'âge (sauf l'accouchement), alors que,
# dans de vraies données, les diagnostics dépendent de l'âge (la fracture du col du fémur
# touche surtout les personnes âgées), ce qui rend certaines classes moins diverses.
# </details>
#
# ### Question 5 — Quelle classe fait baisser k ? (2 points)
#
# Dans le tableau, k vaut 6 avec des classes de 10 ans, mais 4 avec des classes de 11 ans,
# pourtant plus larges. Avec des classes de 11 ans, quelle est la **plus petite classe**
# (celle qui fixe k = 4) ? Donnez l'**âge où elle commence**, un nombre entier (pour la
# classe « 40-49 ans », ce serait `40`). Le sexe compte aussi dans les classes, mais la
# réponse ne dépend que de l'âge. Comme dans l'explorateur, les classes partent de **0 an**,
# et tous les patients de 90 ans et plus forment une seule classe, « 90 ans et plus », quelle
# que soit la largeur choisie.
#
# <details><summary>Indice 1</summary>
#
# Le k compte les patients de la plus petite classe. Une classe qui couvre moins d'années
# que les autres a toutes les chances d'être petite : avec 11 ans, en existe-t-il une ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Écrivez-les : 0-10, 11-21, 22-32… Continuez jusqu'à « 90 ans et plus », et comparez leurs
# largeurs.
# </details>

# %% [markdown] session="evaluation"
# Quel k viser ? Aucun texte ne le fixe : l'avis du G29 refuse de donner des paramètres
# minimaux, chaque jeu de données se jugeant au cas par cas (G29, 2014). Avec **k ≥ 5** comme
# objectif, le tableau donne la plus petite largeur qui convient.
#
# <details><summary>Pourquoi 5 ? (lecture facultative)</summary>
#
# Des responsables de données de santé appliquent depuis longtemps une « règle de cinq » (au
# moins 5 personnes par case), d'autres 3, et 11 ou 20 pour une diffusion publique (El Emam,
# 2013).
# </details>
#
# <details><summary>Pourquoi ce l est flatteur (lecture facultative)</summary>
#
# Le générateur tire le diagnostic sans tenir compte de l'âge (sauf l'accouchement), alors que,
# dans de vraies données, les diagnostics dépendent de l'âge (la fracture du col du fémur
# touche surtout les personnes âgées), ce qui rend certaines classes moins diverses.
# </details>
#
# ### Question 5 — Quelle classe est coupée ? (2 points)
#
# La cellule ci-dessous vous donne une largeur de classes d'âge, un âge à partir duquel tous
# les patients forment une seule classe (la **classe du haut**, par exemple « 90 ans et
# plus »), et le k de l'extrait de l'Hérault publié ainsi. Les classes partent de **0 an** et
# ont toutes votre largeur, jusqu'à la classe du haut. Quelle est la **plus petite classe**
# (celle qui fixe k) ? Donnez l'**âge où elle commence**, un nombre entier (pour la classe
# « 40-49 ans », ce serait `40`). Le sexe compte aussi dans les classes, mais la réponse ne
# dépend que de l'âge.
#
# <details><summary>Indice 1</summary>
#
# Le k compte les patients de la plus petite classe. Une classe qui couvre moins d'années
# que les autres a toutes les chances d'être petite : avec votre largeur et votre classe du
# haut, en existe-t-il une ?
# </details>

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : il tire de votre identifiant une largeur de classes d'âge
# et une classe du haut, puis les affiche avec le k de votre extrait de l'Hérault.
def q5_tirer_classes(graine):
    # Dans une fonction : les essais ne restent pas dans le noyau ; elle rend la largeur, la
    # classe du haut et le k de l'extrait ainsi publié.
    couples = []
    # Trois réserves : la suivante ne sert que si la précédente n'a aucun couple qui convienne
    # (la première : environ un identifiant sur 500 ; jamais la réponse d'entraînement, 88).
    for hauts, largeurs in [((80, 85, 90, 95), (8, 9, 11, 12, 13, 14, 15)),
                            ((75, 100), (8, 9, 11, 12, 13, 14, 15)),
                            ((70, 75, 80, 85, 90, 95, 100), (6, 7, 16, 17, 18, 19, 20))]:
        for haut in hauts:
            for largeur in largeurs:
                tailles = pd.DataFrame({"sexe": sexes_herault, "classe_age": pv.age_bands(
                    pd.Series(ages_herault), largeur, top=haut)}).groupby(
                        ["sexe", "classe_age"], observed=True).size()
                plus_petites = tailles[tailles == tailles.min()].index.get_level_values(
                    "classe_age").unique()
                bornes = str(plus_petites[0]).split(" ")[0].split("-")
                if (len(plus_petites) == 1 and not str(plus_petites[0]).endswith("et plus")
                        and bornes[0] != "88" and int(bornes[-1]) - int(bornes[0]) < 5):
                    couples.append((largeur, haut, int(tailles.min())))
        if couples:
            break
    # Sans couple dans aucune réserve (jamais vu sur 500 identifiants) : 12 ans, 90 ans.
    return (couples[int(np.random.default_rng([graine, 5]).choice(len(couples)))] if couples
            else (12, 90, k_herault(12)))


largeur_q5, haut_q5, k_q5 = q5_tirer_classes(graine)
print(f"Votre largeur de classes d'âge : {largeur_q5} ans (première classe : 0-{largeur_q5 - 1} "
      f"ans, puis {largeur_q5}-{2 * largeur_q5 - 1} ans…) ; classe du haut : « {haut_q5} ans et "
      "plus ».")
print(f"k de l'extrait de l'Hérault publié avec ces classes : {k_q5}")

# %% answer="debut_classe" session="formative"
debut_classe = ...
### BEGIN SOLUTION
debut_classe = 88
### END SOLUTION


# %% answer="debut_classe" session="evaluation"
debut_classe = ...
### BEGIN SOLUTION
debut_classe = (haut_q5 - 1) // largeur_q5 * largeur_q5
### END SOLUTION

# %% tests="debut_classe" points=2 session="formative"
# Vérification de la question 5 : exécutez cette cellule.
# Les erreurs fréquentes sont rangées sous une empreinte (elles ne montrent pas la réponse).
message_soustraction = (
    "votre réponse est négative : vous avez sans doute écrit la classe « début-fin ». Pour "
    "Python, le tiret est une soustraction : il a calculé le début moins la fin. Écrivez "
    "seulement l'âge où la classe commence, un seul nombre entier."
)
checks.expect(checks.require_number(debut_classe, name="debut_classe") >= 0,
              message_soustraction, name="debut_classe")
checks.check_number(
    debut_classe,
    name="debut_classe",
    integer=True,
    digest="d48c3814bcf2c65e",
    bounds=(0, 120),
    percent_is_mistake=False,
    mistakes=[
        checks.Mistake(None,
                       "la classe « 90 ans et plus » commence toujours à 90 ans : elle réunit les "
                       "mêmes patients pour toutes les largeurs, et elle n'est pas la plus "
                       "petite. Elle ne peut donc pas expliquer que k change.",
                       digest="a088f278c3c81284"),
        checks.Mistake(None,
                       "vous avez raisonné avec des classes de 10 ans (0-9, 10-19…). Avec 11 ans, "
                       "les limites se déplacent : écrivez 0-10, 11-21… jusqu'à 90.",
                       digest="4a7f7c4b9e00034b"),
        checks.Mistake(None,
                       "cette classe couvre 11 années entières, comme les autres : elle n'a pas "
                       "de raison d'être la plus petite. Regardez celle qui la suit, juste avant "
                       "« 90 ans et plus ».",
                       digest="8e08b857efb9f019"),
        checks.Mistake(None,
                       "on demande l'âge où la classe commence, pas celui où elle finit.",
                       digest="12636faf73ad0e9c"),
        checks.Mistake(None,
                       "la classe qui part de 0 an couvre 11 années entières, comme les autres : "
                       "cherchez une classe qui en couvre moins.",
                       digest="11bb57dbef80934b"),
    ],
    hint="Écrivez les classes de 11 ans depuis 0 an jusqu'à « 90 ans et plus » : laquelle couvre "
    "moins d'années que les autres ?",
    success="avec 11 ans, la dernière classe avant « 90 ans et plus » est coupée à 90 ans : elle "
    "ne couvre que deux années, compte peu de patients et fixe k. Élargir n'est donc pas "
    "toujours plus sûr : la « leçon pratique » ci-dessous dit comment choisir des classes pour "
    "que k ne puisse pas baisser.",
    points=2,
)
### BEGIN HIDDEN TESTS
checks.check_number(debut_classe, name="debut_classe", integer=True, expected=88, points=2)
### END HIDDEN TESTS

# %% tests="debut_classe" points=2 session="evaluation"
# Vérification de la question 5 : exécutez cette cellule.
message_soustraction = (
    "votre réponse est négative : vous avez sans doute écrit la classe « début-fin ». Pour "
    "Python, le tiret est une soustraction : il a calculé le début moins la fin. Écrivez "
    "seulement l'âge où la classe commence, un seul nombre entier."
)
checks.expect(checks.require_number(debut_classe, name="debut_classe") >= 0,
              message_soustraction, name="debut_classe")
checks.check_form(debut_classe, name="debut_classe", kind="number", integer=True,
                  bounds=(0, 120), percent_is_mistake=False)
### BEGIN HIDDEN TESTS
graine_q5 = checks.student_seed("11", announce=False)
registre_q5 = make_french_registry(n_samples=10_000, random_state=graine_q5).frame
herault_q5 = registre_q5[registre_q5["departement"] == "34"]
ages_q5 = pd.Series(pv.age_on(herault_q5["birth_date"], "2025-01-01").to_numpy())
sexes_q5 = herault_q5["sex"].to_numpy()
# Les classes de la copie (largeur de 8 à 15 ans, classe du haut à 80, 85, 90 ou 95 ans), tirées
# de son identifiant comme l'affichage : celles où une seule classe d'âge fixe k, la classe
# coupée par la classe du haut (de 1 à 5 années), hors réponse d'entraînement (88) et hors 10 ans.
couples_q5 = []
largeur = haut = tailles_q5 = plus_petites_q5 = coupee_q5 = None
# Les trois réserves de l'affichage, dans l'ordre : la suivante ne sert que si la précédente
# n'a aucun couple qui convienne.
for hauts_q5, largeurs_q5 in [((80, 85, 90, 95), (8, 9, 11, 12, 13, 14, 15)),
                              ((75, 100), (8, 9, 11, 12, 13, 14, 15)),
                              ((70, 75, 80, 85, 90, 95, 100), (6, 7, 16, 17, 18, 19, 20))]:
    for haut in hauts_q5:
        for largeur in largeurs_q5:
            tailles_q5 = (pd.DataFrame({"sexe": sexes_q5,
                                        "classe": pv.age_bands(ages_q5, largeur, top=haut)})
                          .groupby(["sexe", "classe"], observed=True).size())
            plus_petites_q5 = tailles_q5[tailles_q5 == tailles_q5.min()].index.get_level_values(
                "classe")
            coupee_q5 = (haut - 1) // largeur * largeur
            if (0 < haut - coupee_q5 <= 5 and coupee_q5 != 88 and largeur != 10
                    and plus_petites_q5.nunique() == 1
                    and (str(plus_petites_q5[0]).startswith(f"{coupee_q5}-")
                         or str(plus_petites_q5[0]) == f"{coupee_q5} ans")):
                couples_q5.append((largeur, haut))
    if couples_q5:
        break
couples_q5 = couples_q5 or [(12, 90)]
largeur_copie, haut_copie = couples_q5[int(np.random.default_rng([graine_q5, 5]).choice(
    len(couples_q5)))]
debut_attendu = (haut_copie - 1) // largeur_copie * largeur_copie
erreurs_q5 = {}
for valeur_q5, message_q5 in [
    (haut_copie, f"la classe « {haut_copie} ans et plus » réunit les mêmes patients pour toutes "
     "les largeurs, et elle n'est pas la plus petite."),
    (89 // largeur_copie * largeur_copie, "cette réponse correspond à une autre consigne que la vôtre "
     f"(classe du haut à 90 ans) : relisez la classe du haut de votre copie, « {haut_copie} ans "
     "et plus »."),
    (88, "c'est la réponse de la version d'entraînement (classes de 11 ans, « 90 ans et plus ») : "
     "relisez la largeur et la classe du haut de votre copie."),
    (debut_attendu - largeur_copie, "cette classe couvre des années entières, comme les autres : "
     "regardez celle qui la suit, juste avant la classe du haut."),
    (haut_copie - 1, "on demande l'âge où la classe commence, pas celui où elle finit."),
    (debut_attendu - 1, "c'est l'âge où finit la classe d'avant : on demande l'âge où commence "
     "la plus petite classe."),
    (debut_attendu + largeur_copie - 1, "on demande l'âge où la classe commence, pas celui où "
     "elle finit."),
    (0, "la classe qui part de 0 an couvre autant d'années que les autres : cherchez une classe "
     "qui en couvre moins."),
    ((haut_copie - 1) // 10 * 10, "vous avez raisonné avec des classes de 10 ans (0-9, "
     "10-19…). Avec votre largeur, les limites se déplacent."),
]:
    # Deux lectures fausses peuvent donner le même nombre : le message les nomme toutes deux.
    if valeur_q5 != debut_attendu and message_q5 not in erreurs_q5.get(valeur_q5, ""):
        erreurs_q5[valeur_q5] = " Ou bien : ".join(
            [*([erreurs_q5[valeur_q5]] if valeur_q5 in erreurs_q5 else []), message_q5])
checks.check_number(
    debut_classe, name="debut_classe", integer=True, expected=debut_attendu, points=2,
    hint="Écrivez vos classes d'âge à partir de 0 an, de votre largeur, jusqu'à la classe du "
    "haut : laquelle couvre moins d'années que les autres ?",
    percent_is_mistake=False, mistakes=[checks.Mistake(valeur, message)
                                        for valeur, message in erreurs_q5.items()],
)
### END HIDDEN TESTS

# %% mistake="debut_classe" session="evaluation"
# message : réunit les mêmes patients pour toutes les largeurs
debut_classe = haut_q5

# %% mistake="debut_classe" session="evaluation"
# message : regardez celle qui la suit
debut_classe = (haut_q5 - 1) // largeur_q5 * largeur_q5 - largeur_q5

# %% mistake="debut_classe" session="evaluation"
# message : où finit la classe d'avant
debut_classe = (haut_q5 - 1) // largeur_q5 * largeur_q5 - 1

# %% mistake="debut_classe" session="evaluation"
# message : c'est la réponse de la version d'entraînement
debut_classe = 88

# %% mistake="debut_classe" session="evaluation"
# message : le tiret est une soustraction
debut_classe = 80-84

# %% mistake="debut_classe" session="formative"
# message : elle réunit les mêmes patients pour toutes les largeurs
debut_classe = 90

# %% mistake="debut_classe" session="formative"
# message : le tiret est une soustraction
debut_classe = 88-89

# %% mistake="debut_classe" session="formative"
# message : vous avez raisonné avec des classes de 10 ans
debut_classe = 80

# %% mistake="debut_classe" session="formative"
# message : cette classe couvre 11 années entières
debut_classe = 77

# %% mistake="debut_classe" session="formative"
# message : pas celui où elle finit
debut_classe = 89

# %% mistake="debut_classe" session="formative"
# message : la classe qui part de 0 an
debut_classe = 0

# %% [markdown] reveal="debut_classe"
# **Leçon pratique** : choisissez des généralisations **emboîtées** (classes de 5, puis 10, puis
# 20 ans ; code postal, puis département, puis région), où chaque classe large réunit des
# classes fines entières : en élargissant, k ne peut alors pas baisser.

# %% [markdown] reveal="debut_classe" session="formative"
# **Alors, 9 ou 10 ans ?** La plus petite largeur qui donne k ≥ 5 est 9 ans, mais ses classes
# (18-26 ans, 27-35 ans…) sont à cheval sur celles de 10 ans (18-26 ans mord sur 10-19 et
# sur 20-29), alors que chaque classe de 20 ans réunit deux classes de 10 ans entières
# (classes **emboîtées**). Or un registre peut être extrait plusieurs fois (autres équipes,
# autres années). Notre `registre_publie` a retiré le pseudonyme ; mais si un jour deux
# extraits gardaient le même pseudonyme, ils se recolleraient ligne à ligne : chaque patient se
# retrouverait dans l'intersection de ses deux classes. Mesurons-le sur l'Hérault.

# %% [markdown] reveal="debut_classe" session="evaluation"
# **Alors, quelle largeur ?** La plus petite largeur qui donne k ≥ 5 (lisez-la dans le premier
# tableau de l'extrait de l'Hérault) n'est pas forcément celle à retenir. Des classes de 9 ans
# (18-26 ans, 27-35 ans…) sont à cheval sur celles de 10 ans (18-26 ans mord sur 10-19 et sur
# 20-29), alors que chaque classe de 20 ans réunit deux classes de 10 ans entières (classes
# **emboîtées**). Or un registre peut être extrait plusieurs fois (autres équipes, autres
# années). Notre `registre_publie` a retiré le pseudonyme ; mais si un jour deux extraits
# gardaient le même pseudonyme, ils se recolleraient ligne à ligne : chaque patient se
# retrouverait dans l'intersection de ses deux classes. Mesurons-le sur votre extrait de
# l'Hérault.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il recolle deux extraits de l'Hérault (deux largeurs de
# classes d'âge, retrouvées par pseudonyme) et calcule k et l, affichés une fois la question 5
# jugée juste.
def recoller(largeur_1, largeur_2):
    """Deux extraits de l'Hérault (deux largeurs de classes), recollés par pseudonyme."""
    return pd.DataFrame({"sexe": sexes_herault,
                         "classe_1": pv.age_bands(pd.Series(ages_herault), largeur_1, top=90),
                         "classe_2": pv.age_bands(pd.Series(ages_herault), largeur_2, top=90),
                         "diagnostic": diagnostics_herault})


cles = ["sexe", "classe_1", "classe_2"]
lignes_recollees = []
for largeur_1, largeur_2 in [(9, 10), (10, 20)]:
    deux_extraits = recoller(largeur_1, largeur_2)
    sexe, classe_1, classe_2 = deux_extraits.groupby(cles, observed=True).size().idxmin()
    lignes_recollees.append({
        "extraits recollés": f"classes de {largeur_1} ans et de {largeur_2} ans",
        "k": pv.k_anonymity(deux_extraits, cles),
        "l": pv.l_diversity(deux_extraits, cles, "diagnostic"),
        "plus petite classe": f"{noms_sexes[sexe]}, {classe_1} et {classe_2}"})
if checks.passed("debut_classe"):
    display(pd.DataFrame(lignes_recollees).set_index("extraits recollés"))
else:
    print("Le tableau des extraits recollés s'affichera ici quand la vérification de la "
          "question 5 aura dit « juste » : relancez alors cette cellule (en séance évaluée, "
          "il reste masqué).")

# %% [markdown] reveal="debut_classe" session="formative"
# Recollées, des classes de 9 et de 10 ans qui se chevauchent redonnent des classes de quelques
# années, parfois d'une seule : k et l retombent à 1. Des classes de 10 et de 20 ans sont
# emboîtées : recoller n'apprend rien de plus. Pour cet extrait de l'Hérault, nous retenons
# donc des classes de **10 ans** (k = 6, l = 5 dans le premier tableau), au prix d'un an de
# détail par classe.

# %% [markdown] reveal="debut_classe" session="formative"
# <details><summary>Deux réserves sur ces k (lecture facultative)</summary>
#
# Ces k sont ceux d'**un seul tirage** de 596 patients : avec cinq autres
# réglages `random_state` du générateur, k vaut de 3 à 8 en classes de 10 ans. Et deux
# extraits **d'années différentes** calculent l'âge à deux dates : les classes d'un même
# patient se décalent, si bien que même des classes emboîtées, recollées, peuvent redevenir
# étroites.
#
# Avec ces cinq autres réglages, la baisse de k à 11 ans (question 5) revient à chaque fois,
# toujours due à la même classe.
# </details>

# %% [markdown] reveal="debut_classe" session="evaluation"
# Recollées, des classes de 9 et de 10 ans qui se chevauchent redonnent des classes de quelques
# années, parfois d'une seule : k et l baissent (comparez avec le premier tableau). Des classes
# de 10 et de 20 ans sont emboîtées : recoller n'apprend rien de plus. On retient donc, parmi
# des classes emboîtées (5, 10, 20 ans…), la plus étroite qui atteint l'objectif, au prix du
# détail perdu.

# %% [markdown] reveal="debut_classe" session="evaluation"
# <details><summary>Deux réserves sur ces k (lecture facultative)</summary>
#
# Ces k sont ceux de **votre** tirage : un autre tirage du même générateur donne d'autres k,
# et d'autres largeurs qui atteignent l'objectif. Et deux extraits **d'années différentes**
# calculent l'âge à deux dates : les classes d'un même patient se décalent, si bien que même
# des classes emboîtées, recollées, peuvent redevenir étroites.
# </details>

# %% [markdown]
# ### Exercice 6 — Le détail perdu : choisir une publication
#
# ### Question 6 — Quelle publication perd le moins de détail ? (2 points)
#
# **Prédisez d'abord**, sans rien mesurer : laquelle choisiriez-vous, et pourquoi ? Notez-le.
# Puis reprenez l'explorateur de la section 5 (s'il n'apparaît plus, réexécutez les cellules
# depuis le début), réglez-le sur chaque publication ci-dessous (le sexe est toujours publié)
# et lisez trois lignes du tableau : **k**, **Âge : années confondues** et **Lieu : codes
# postaux confondus**. Sans l'explorateur (widgets absents), créez une cellule (bouton **+**
# de la barre d'outils, ou touche **B** après avoir cliqué à gauche de la cellule), écrivez-y
# `mesurer_publication("A")`, puis `"B"`… : elle affiche ces trois lignes pour une publication.
# Laquelle atteint **k ≥ 5** (objectif de l'exercice 5) en perdant le **moins de
# détail** ? Répondez par la lettre. (Ce n'est plus l'extrait de l'Hérault, mais tout le
# registre : la bonne largeur peut changer.) Ne lisez pas ces mesures seules : « années
# confondues » est gonflé par la classe « 90 ans et plus » (des patients nés sur près de 20
# ans), et « codes postaux confondus » est grand dès que le lieu n'est pas publié ;
# **comparez-les seulement d'une publication à l'autre**.
#
# | | Date de naissance publiée | Largeur des classes d'âge | Lieu publié |
# |---|---|---|---|
# | **A.** | année seule | — | non publié |
# | **B.** | non publiée | 2 ans | non publié |
# | **C.** | non publiée | 5 ans | non publié |
# | **D.** | non publiée | 10 ans | non publié |
# | **E.** | non publiée | 10 ans | région |
#
# <details><summary>Indice 1</summary>
#
# D'abord le risque : pour chaque publication, lisez k. Lesquelles atteignent 5 ? Les autres
# sont écartées, même si elles perdent peu.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Parmi celles qui restent, le lieu publié est-il le même ? Si oui, seule la ligne « Âge :
# années confondues » les départage : la plus petite perd le moins.
# </details>

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il prépare `mesurer_publication`, qui n'affiche rien tant
# qu'on ne l'appelle pas. Sans l'explorateur (widgets absents), `mesurer_publication("A")`
# affiche les trois lignes de la question 6 pour la publication A, calculées par l'explorateur,
# remis ensuite dans son état.
publications_q6 = {"A": ("year", 1, "none"), "B": ("none", 2, "none"),
                   "C": ("none", 5, "none"), "D": ("none", 10, "none"),
                   "E": ("none", 10, "region")}


def mesurer_publication(option):
    """Affiche k, les années d'âge confondues et les codes postaux confondus (question 6)."""
    if str(option).strip().upper() not in publications_q6:
        print("Écrivez une lettre de la question 6 : \"A\", \"B\", \"C\", \"D\" ou \"E\".")
        return
    date_publiee, largeur, lieu = publications_q6[str(option).strip().upper()]
    reglage_initial = {nom: controle.value for nom, controle in explorateur.controls.items()}
    explorateur.controls["date_naissance"].value = date_publiee
    explorateur.controls["largeur_age"].value = largeur
    explorateur.controls["lieu"].value = lieu
    mesures = explorateur.update()
    for nom, valeur in reglage_initial.items():
        explorateur.controls[nom].value = valeur
    display(pd.DataFrame([{
        "publication": str(option).strip().upper(),
        "k": mesures["k"],
        "Âge : années confondues": f"{mesures['age_span_years']:.2f}".replace(".", ","),
        "Lieu : codes postaux confondus": f"{mesures['postcodes_merged']:.1f}".replace(".", ","),
    }]).set_index("publication"))


print("Outil prêt : mesurer_publication(\"A\") ne sert que si l'explorateur ne s'affiche pas.")

# %% answer="choix_publication" session="formative"
choix_publication = ...
### BEGIN SOLUTION
choix_publication = "C"
### END SOLUTION


# %% answer="choix_publication" session="evaluation"
choix_publication = ...
### BEGIN SOLUTION
# Chaque publication réglée dans l'explorateur : k, puis les années d'âge confondues.
lu_dans_explorateur = {}
for option_q6, (naissance_q6, classes_q6, territoire_q6) in publications_q6.items():
    explorateur.controls["date_naissance"].value = naissance_q6
    explorateur.controls["largeur_age"].value = classes_q6
    explorateur.controls["lieu"].value = territoire_q6
    lu_q6 = explorateur.update()
    lu_dans_explorateur[option_q6] = (lu_q6["k"], lu_q6["age_span_years"])
atteignent_5 = [option for option, (k_lu, _) in lu_dans_explorateur.items() if k_lu >= 5]
choix_publication = min(atteignent_5, key=lambda option: lu_dans_explorateur[option][1])
### END SOLUTION

# %% tests="choix_publication" points=2 session="formative"
# Vérification de la question 6 : exécutez cette cellule.
checks.check_choice(
    choix_publication,
    name="choix_publication",
    options=["A", "B", "C", "D", "E"],
    digest="6181c06d58864dd8",
    mistakes=[
        checks.Mistake(None,
                       "l'année seule confond peu d'années, mais lisez k : il n'atteint pas 5, "
                       "la plus petite classe compte moins de 5 patients. Une publication qui perd "
                       "peu mais n'atteint pas l'objectif est écartée.",
                       digest="8370b4afcaf05c87"),
        checks.Mistake(None,
                       "des classes de 2 ans perdent peu, mais lisez k : il n'atteint pas 5. "
                       "Une publication qui n'atteint pas l'objectif est écartée.",
                       digest="6f333e9590c992c0"),
        checks.Mistake(None,
                       "des classes de 10 ans atteignent bien k ≥ 5, mais une autre option "
                       "l'atteint aussi en confondant moins d'années d'âge, pour le même lieu. "
                       "Comparez la ligne « Âge : années confondues ».",
                       digest="5d5bb4c90d1bf4dc"),
        checks.Mistake(None,
                       "publier la région confond moins de codes postaux, mais lisez k : tant "
                       "qu'un lieu est publié, il n'atteint pas 5. Le détail gardé ne compte "
                       "qu'entre publications qui atteignent l'objectif.",
                       digest="3832e658c5765d5e"),
    ],
    success="d'abord le risque, puis le détail : on écarte ce qui n'atteint pas l'objectif, "
    "puis, à lieu égal, on garde ce qui confond le moins d'années.",
)
### BEGIN HIDDEN TESTS
checks.check_choice(choix_publication, name="choix_publication",
                    options=["A", "B", "C", "D", "E"], expected="C")
### END HIDDEN TESTS

# %% tests="choix_publication" points=2 session="evaluation"
# Vérification de la question 6 : exécutez cette cellule.
checks.check_form(choix_publication, name="choix_publication", kind="choice",
                  options=["A", "B", "C", "D", "E"])
### BEGIN HIDDEN TESTS
graine_q6 = checks.student_seed("11", announce=False)
registre_q6 = make_french_registry(n_samples=10_000, random_state=graine_q6).frame
mesureur_q6 = AnonymisationExplorer(
    registre_q6, make_voter_list(registre_q6, random_state=graine_q6 + 2).frame,
    sensitive="diagnosis", reference="2025-01-01",
)
mesures_q6 = {}
# Les noms des boucles, liés ici : ce test ne lit rien du notebook.
lettre_q6 = date_q6 = largeur_q6 = lieu_q6 = resultat_q6 = k_q6 = annees_q6 = None
for lettre_q6, (date_q6, largeur_q6, lieu_q6) in {
    "A": ("year", 1, "none"), "B": ("none", 2, "none"), "C": ("none", 5, "none"),
    "D": ("none", 10, "none"), "E": ("none", 10, "region"),
}.items():
    mesureur_q6.controls["date_naissance"].value = date_q6
    mesureur_q6.controls["largeur_age"].value = largeur_q6
    mesureur_q6.controls["lieu"].value = lieu_q6
    resultat_q6 = mesureur_q6.update()
    mesures_q6[lettre_q6] = (resultat_q6["k"], resultat_q6["age_span_years"])
# D'abord le risque (k ≥ 5), puis le détail : la publication retenue qui confond le moins
# d'années d'âge (le lieu n'est publié que par E).
attendue_q6 = None
for lettre_q6, (k_q6, annees_q6) in mesures_q6.items():
    if k_q6 >= 5 and (attendue_q6 is None or annees_q6 < mesures_q6[attendue_q6][1]):
        attendue_q6 = lettre_q6
erreurs_q6 = []
for lettre_q6, (k_q6, _annees_q6) in mesures_q6.items():
    if lettre_q6 == "E" and k_q6 < 5:
        erreurs_q6.append(checks.Mistake(
            lettre_q6, "publier la région confond moins de codes postaux, mais lisez k : il "
            "n'atteint pas 5. Le détail gardé ne compte qu'entre publications qui atteignent "
            "l'objectif."))
    elif k_q6 < 5:
        erreurs_q6.append(checks.Mistake(
            lettre_q6, "cette publication perd peu de détail, mais lisez k : il n'atteint pas "
            "5, la plus petite classe compte moins de 5 patients. Une publication qui "
            "n'atteint pas l'objectif est écartée."))
    elif lettre_q6 != attendue_q6:
        erreurs_q6.append(checks.Mistake(
            lettre_q6, "cette publication atteint bien k ≥ 5, mais une autre l'atteint aussi "
            "en confondant moins d'années d'âge, pour le même lieu. Comparez la ligne « Âge : "
            "années confondues »."))
checks.check_choice(choix_publication, name="choix_publication",
                    options=["A", "B", "C", "D", "E"], expected=attendue_q6, mistakes=erreurs_q6)
### END HIDDEN TESTS

# %% mistake="choix_publication" session="evaluation"
# message : publier la région confond moins de codes postaux
choix_publication = "E"

# %% mistake="choix_publication" session="evaluation"
# message : en confondant moins d'années d'âge
choix_publication = "D"

# %% mistake="choix_publication" session="formative"
# message : l'année seule confond peu d'années, mais lisez k
choix_publication = "A"

# %% mistake="choix_publication" session="formative"
# message : des classes de 2 ans perdent peu, mais lisez k
choix_publication = "B"

# %% mistake="choix_publication" session="formative"
# message : une autre option l'atteint aussi en confondant moins d'années
choix_publication = "D"

# %% mistake="choix_publication" session="formative"
# message : tant qu'un lieu est publié, il n'atteint pas 5
choix_publication = "E"

# %% [markdown] session="formative"
# ### Exercice 7 — Les trois risques du G29
#
# Le **groupe de travail « Article 29 »** (G29), qui réunissait les autorités européennes de
# protection des données, distingue trois risques dans son avis sur les techniques
# d'anonymisation (avis 05/2014, dit WP216 ; un avis, qui ne lie pas les juges, rendu sous la
# directive qui a précédé le RGPD, mais toujours cité comme référence) :
#
# - **individualisation** (en anglais *singling out*) : isoler la ligne d'une personne (lignes uniques,
#   k = 1) ;
# - **corrélation** (en anglais *linkability*, « possibilité de relier » ; rien à voir avec
#   la corrélation statistique du module 09) : relier des données concernant la même personne
#   **ou le même groupe de personnes**, dans une base ou entre deux (l'attaque par
#   croisement) ;
# - **inférence** : déduire, avec une probabilité significative, la valeur d'un attribut à partir
#   d'autres.
#
# Selon l'avis, le k-anonymat écarte l'individualisation, **pas** la corrélation ni
# l'inférence : avec k > 1, aucun dossier n'est relié à un seul nom, mais une personne reste
# rattachée à son groupe de k dossiers, une corrélation pour le G29. Les risques peuvent se
# cumuler.
#
# ### Question 7 — Quelle classe, quel risque ? (2 points)
#
# Une association publie un tableau de patients hospitalisés en Lozère (sexe, classe d'âge de
# dix ans, diagnostic), résumé ci-dessous classe par classe. Elle a vérifié que chaque classe
# compte au moins 8 patients : le tableau est **8-anonyme**. Quelqu'un sait que son voisin a
# été hospitalisé et connaît son sexe et son âge : il sait donc à quelle classe celui-ci
# appartient.
#
# | Classe | Sexe | Âge | Patients | Diagnostics (nombre de patients) |
# |---|---|---|---|---|
# | 1 | femmes | 30-39 ans | 8 | asthme (3), dépression (2), diabète (2), fracture du poignet (1) |
# | 2 | hommes | 30-39 ans | 10 | asthme (2), maladie due au VIH, B20 (1), dépression (3), fracture du poignet (4) |
# | 3 | femmes | 40-49 ans | 9 | dépression (9) |
# | 4 | hommes | 40-49 ans | 12 | diabète (4), hypertension (5), asthme (2), dépression (1) |
# | 5 | hommes | 50-59 ans | 11 | dépression (10), asthme (1) |
#
# Pour quelles classes apprend-il le diagnostic de son voisin, et lequel des trois risques du
# G29 désigne le fait d'**apprendre ce diagnostic** ? Répondez par la lettre.
#
# - **A.** La classe 3 seule : inférence (la 5 a deux diagnostics).
# - **B.** La classe 2 : il y apprend que son voisin a la maladie due au VIH (inférence).
# - **C.** Les classes 3 et 5 : corrélation seulement, pas d'inférence.
# - **D.** Aucune : le tableau est 8-anonyme, nul n'est exposé.
# - **E.** Les classes 3 et 5 : inférence (sûre en 3, probable en 5).
#
# <details><summary>Indice 1</summary>
#
# Classe par classe : si le voisin en fait partie, peut-on dire quelle ligne est la sienne ?
# Que peut-on dire de son diagnostic ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Relisez mot à mot les trois définitions du G29 ci-dessus : laquelle parle de déduire un
# attribut, et avec quelle certitude ?
# </details>

# %% [markdown] session="evaluation"
# ### Exercice 7 — Les trois risques du G29
#
# Le **groupe de travail « Article 29 »** (G29), qui réunissait les autorités européennes de
# protection des données, distingue trois risques dans son avis sur les techniques
# d'anonymisation (avis 05/2014, dit WP216 ; un avis, qui ne lie pas les juges, rendu sous la
# directive qui a précédé le RGPD, mais toujours cité comme référence) :
#
# - **individualisation** (en anglais *singling out*) : isoler la ligne d'une personne (lignes uniques,
#   k = 1) ;
# - **corrélation** (en anglais *linkability*, « possibilité de relier » ; rien à voir avec
#   la corrélation statistique du module 09) : relier des données concernant la même personne
#   **ou le même groupe de personnes**, dans une base ou entre deux (l'attaque par
#   croisement) ;
# - **inférence** : déduire, avec une probabilité significative, la valeur d'un attribut à partir
#   d'autres.
#
# Selon l'avis, le k-anonymat écarte l'individualisation, **pas** la corrélation ni
# l'inférence : avec k > 1, aucun dossier n'est relié à un seul nom, mais une personne reste
# rattachée à son groupe de k dossiers, une corrélation pour le G29. Les risques peuvent se
# cumuler.
#
# ### Question 7 — Quelle classe, quel risque ? (2 points)
#
# Une association publie un tableau de patients hospitalisés en Lozère (sexe, classe d'âge de
# dix ans, diagnostic), résumé ci-dessous classe par classe. Elle a vérifié que chaque classe
# compte au moins 8 patients : le tableau est **8-anonyme**. Quelqu'un sait que son voisin a
# été hospitalisé et connaît son sexe et son âge : il sait donc à quelle classe celui-ci
# appartient.
#
# Pour quelles classes apprend-il le diagnostic de son voisin, et lequel des trois risques du
# G29 désigne le fait d'**apprendre ce diagnostic** ? Répondez par la lettre.
#
# Le tableau (ses classes sont numérotées pour votre copie) et les réponses possibles
# s'affichent sous ce texte, dans l'ordre de votre copie.
#
# <details><summary>Indice 1</summary>
#
# Classe par classe : si le voisin en fait partie, peut-on dire quelle ligne est la sienne ?
# Que peut-on dire de son diagnostic ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Relisez mot à mot les trois définitions du G29 ci-dessus : laquelle parle de déduire un
# attribut, et avec quelle certitude ?
# </details>

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : il affiche le tableau de la question 7 (l'un de deux,
# tiré de votre identifiant ; ses classes numérotées pour votre copie), puis ses options dans
# l'ordre de votre copie.
variante_q7 = int(np.random.default_rng([graine, 71]).integers(2))
lignes_q7 = [
    ("femmes", "30-39 ans", 8, "asthme (3), dépression (2), diabète (2), fracture du poignet (1)"),
    ("hommes", "30-39 ans", 10,
     "asthme (2), maladie due au VIH, B20 (1), dépression (3), fracture du poignet (4)"),
    ("femmes", "40-49 ans", 9, ["dépression (9)", "dépression (8), asthme (1)"][variante_q7]),
    ("hommes", "40-49 ans", 12, "diabète (4), hypertension (5), asthme (2), dépression (1)"),
    ("hommes", "50-59 ans", 11,
     ["dépression (10), asthme (1)", "dépression (4), asthme (4), diabète (3)"][variante_q7]),
]
numeros_q7 = (np.random.default_rng([graine, 17]).permutation(5) + 1).tolist()
display(Markdown("\n".join(
    ["| Classe | Sexe | Âge | Patients | Diagnostics (nombre de patients) |",
     "|---|---|---|---|---|"]
    + [f"| {numero} | {sexe} | {age} | {effectif} | {diagnostics} |"
       for numero, (sexe, age, effectif, diagnostics)
       in sorted(zip(numeros_q7, lignes_q7, strict=True))])))
c_q7, b_q7, e_q7 = numeros_q7[2], numeros_q7[1], numeros_q7[4]
paire_q7 = " et ".join(str(numero) for numero in sorted([c_q7, e_q7]))
options_q7 = {
    "seule": f"La classe {c_q7} seule : inférence (dans les autres classes, aucun "
    "diagnostic ne domine).",
    "vih": f"La classe {b_q7} : il y apprend que son voisin a la maladie due au VIH "
    "(inférence).",
    "correlation": f"Les classes {paire_q7} : corrélation seulement, pas d'inférence.",
    "aucune": ["Aucune : le tableau est 8-anonyme, nul n'est exposé.",
               "Aucune : aucune classe n'a un seul diagnostic, nul n'est exposé."][variante_q7],
    "deux": [f"Les classes {paire_q7} : inférence (sûre en {c_q7}, probable en {e_q7}).",
             f"Les classes {paire_q7} : inférence (probable dans chacune)."][variante_q7],
}
display(Markdown("\n".join(
    f"- **{lettre}.** {options_q7[option]}" for lettre, option in checks.draw_slots(
        checks.student_seed("11", announce=False), "classe_exposee",
        list(options_q7))[0].items())))

# %% answer="classe_exposee" session="formative"
classe_exposee = ...
### BEGIN SOLUTION
classe_exposee = "E"
### END SOLUTION


# %% answer="classe_exposee" session="evaluation"
classe_exposee = ...
### BEGIN SOLUTION
_lettre = {option: lettre for lettre, option in checks.draw_slots(
    checks.student_seed("11", announce=False), "classe_exposee", list(options_q7))[0].items()}
classe_exposee = _lettre["seule" if variante_q7 else "deux"]
### END SOLUTION

# %% tests="classe_exposee" points=2 session="formative"
# Vérification de la question 7 : exécutez cette cellule.
checks.check_choice(
    classe_exposee,
    name="classe_exposee",
    options=["A", "B", "C", "D", "E"],
    digest="f8fc1c92eda08392",
    mistakes=[
        checks.Mistake(None,
                       "la classe 5 compte bien deux diagnostics (l = 2), mais 10 patients sur "
                       "11 y ont le même : le voisin le devine presque à coup sûr. Relisez la "
                       "définition du G29 : l'inférence exige-t-elle une certitude ?",
                       digest="8eab2d9802c52483"),
        checks.Mistake(None,
                       "la classe 2 laisse bien fuir quelque chose : 1 patient sur 10 y a la "
                       "maladie due au VIH, absente du reste du tableau, bien plus que dans la "
                       "population : c'est déjà une inférence probable, celle que mesure la "
                       "t-proximité (« Pour aller plus loin »). Mais il n'y apprend pas que son "
                       "voisin a le VIH : 9 fois sur 10, ce n'est pas le cas. Regardez, classe "
                       "par classe, si un diagnostic domine.",
                       digest="c85b21b9eb4cd83a"),
        checks.Mistake(None,
                       "rattacher le voisin à sa classe est bien une corrélation au sens du G29, "
                       "et les risques peuvent se cumuler ; mais ce rattachement ne dit pas encore "
                       "son diagnostic. Apprendre ce diagnostic, c'est déduire la valeur d'un "
                       "attribut : lequel des trois risques est-ce ?",
                       digest="659abe8f904786d0"),
        checks.Mistake(None,
                       "le tableau est bien 8-anonyme : personne n'y est isolé. Mais le k ne "
                       "regarde pas les diagnostics : relisez ceux de chaque classe.",
                       digest="f22e8066b9681873"),
    ],
    success="une classe dont tous les patients, ou presque, ont le même diagnostic le révèle "
    "sans isoler personne : c'est une inférence (« avec une probabilité significative », dit le "
    "G29). Le l repère la classe 3 (l = 1), pas la classe 5 (l = 2) : une limite de la "
    "l-diversité (lecture « Pour aller plus loin »).",
)
### BEGIN HIDDEN TESTS
checks.check_choice(classe_exposee, name="classe_exposee", options=["A", "B", "C", "D", "E"],
                    expected="E")
### END HIDDEN TESTS

# %% tests="classe_exposee" points=2 session="evaluation"
# Vérification de la question 7 : exécutez cette cellule.
checks.check_form(classe_exposee, name="classe_exposee", kind="choice", options=["A", "B", "C", "D", "E"])
### BEGIN HIDDEN TESTS
# Le tableau de la copie (variante 0 : dépression chez les 9 femmes de 40-49 ans et chez 10
# hommes de 50-59 ans sur 11 ; variante 1 : chez 8 femmes de 40-49 ans sur 9, et aucun
# diagnostic ne domine chez les hommes de 50-59 ans) et la lettre de chaque option, tirés de
# son identifiant comme l'affichage.
graine_q7 = checks.student_seed("11", announce=False)
variante_copie_q7 = int(np.random.default_rng([graine_q7, 71]).integers(2))
lettre = option = nom = None
place_q7 = checks.draw_slots(graine_q7, "classe_exposee",
                             ["seule", "vih", "correlation", "aucune", "deux"])[0]
lettre_q7 = {nom: next(lettre for lettre, option in place_q7.items() if option == nom)
             for nom in ("seule", "vih", "correlation", "aucune", "deux")}
message_seule_q7, message_deux_q7 = [
    ("la classe des hommes de 50-59 ans compte bien deux diagnostics (l = 2), mais 10 patients "
     "sur 11 y ont le même : le voisin le devine presque à coup sûr. L'inférence exige-t-elle "
     "une certitude ? (Cette réponse irait à un autre tableau que le vôtre : relisez le vôtre.)",
     None),
    (None, "dans la classe des hommes de 50-59 ans, aucun diagnostic ne domine (4 patients sur "
     "11 au plus) : le voisin n'y apprend pas le diagnostic. C'est la réponse de l'autre "
     "version du tableau : relisez le vôtre, classe par classe."),
][variante_copie_q7]
message_aucune_q7 = [
    "le tableau est bien 8-anonyme : personne n'y est isolé. Mais le k ne regarde pas les "
    "diagnostics : relisez les diagnostics de chaque classe.",
    "aucune classe n'a, c'est vrai, un seul diagnostic ; mais dans celle des femmes de 40-49 "
    "ans, 8 patients sur 9 ont le même : le voisin le devine presque à coup sûr. L'inférence "
    "exige-t-elle une certitude ? Pour le voir, relisez les diagnostics de chaque classe.",
][variante_copie_q7]
checks.check_choice(
    classe_exposee, name="classe_exposee", options=["A", "B", "C", "D", "E"],
    expected=lettre_q7["seule" if variante_copie_q7 else "deux"],
    mistakes=[
        checks.Mistake(lettre_q7["deux" if variante_copie_q7 else "seule"],
                       message_deux_q7 if variante_copie_q7 else message_seule_q7),
        checks.Mistake(lettre_q7["vih"], "la classe des hommes de 30-39 ans laisse bien fuir quelque chose (1 chance sur 10 d'avoir le VIH, absent du reste du tableau : une inférence probable, celle que mesure la t-proximité), mais il n'y apprend pas que son voisin a le VIH : 9 fois sur 10, ce n'est pas le cas. Regardez, classe par classe, si un diagnostic domine."),
        checks.Mistake(lettre_q7["correlation"], "rattacher le voisin à sa classe est bien une corrélation, mais ce rattachement ne dit pas encore son diagnostic. Apprendre ce diagnostic, c'est déduire la valeur d'un attribut."),
        checks.Mistake(lettre_q7["aucune"], message_aucune_q7),
    ],
)
### END HIDDEN TESTS

# %% mistake="classe_exposee" session="evaluation"
# message : ce rattachement ne dit pas encore son diagnostic
_lettre = {option: lettre for lettre, option in checks.draw_slots(
    checks.student_seed("11", announce=False), "classe_exposee", list(options_q7))[0].items()}
classe_exposee = _lettre["correlation"]

# %% mistake="classe_exposee" session="evaluation"
# message : relisez les diagnostics de chaque classe
_lettre = {option: lettre for lettre, option in checks.draw_slots(
    checks.student_seed("11", announce=False), "classe_exposee", list(options_q7))[0].items()}
classe_exposee = _lettre["aucune"]

# %% mistake="classe_exposee" session="formative"
# message : la classe 5 compte bien deux diagnostics
classe_exposee = "A"

# %% mistake="classe_exposee" session="formative"
# message : la classe 2 laisse bien fuir quelque chose
classe_exposee = "B"

# %% mistake="classe_exposee" session="formative"
# message : ce rattachement ne dit pas encore son diagnostic
classe_exposee = "C"

# %% mistake="classe_exposee" session="formative"
# message : le k ne regarde pas les diagnostics
classe_exposee = "D"

# %% [markdown] session="formative"
# ### Exercice 8 — Seul parmi qui ?
#
# ### Question 8 — Face à une liste de toute la population (2 points)
#
# Imaginons une liste nominative de **toute** la population synthétique de la section 3, avec
# date de naissance, sexe et code postal. Elle nomme les patients seuls de leur trio parmi tous
# les habitants : la **part de la population** affichée en section 3. Si chaque code postal
# comptait **dix fois plus** d'habitants, que deviendrait cette part ? Répondez par la lettre.
#
# - **A.** Elle baisserait : chaque patient aurait plus de « jumeaux » possibles parmi les
#   habitants.
# - **B.** Elle augmenterait : une liste plus longue donne plus de noms à relier aux dossiers.
# - **C.** Elle ne changerait pas : elle ne dépend que des patients du registre.
# - **D.** Elle rejoindrait la part du registre : la liste contiendrait tous les patients.
# - **E.** Elle rejoindrait la part de la question 2 : le risque d'un patient de la liste.
#
# <details><summary>Indice 1</summary>
#
# Un habitant absent du registre peut-il avoir le même trio qu'un patient ? Combien de fois ce
# trio apparaît-il alors dans la liste, et l'attaquant peut-il choisir entre les noms ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Avec plus d'habitants par code postal, un trio a-t-il plus ou moins de chances d'être partagé ?
# </details>

# %% [markdown] session="evaluation"
# ### Exercice 8 — Seul parmi qui ?
#
# ### Question 8 — Face à une liste de toute la population (2 points)
#
# Imaginons une liste nominative de **toute** la population synthétique de la section 3, avec
# date de naissance, sexe et code postal. Elle nomme les patients seuls de leur trio parmi tous
# les habitants : la **part de la population** affichée en section 3. Si chaque code postal
# comptait **dix fois plus** d'habitants, que deviendrait cette part ? Répondez par la lettre.
#
# Les réponses possibles s'affichent sous ce texte, dans l'ordre de votre copie.
#
# <details><summary>Indice 1</summary>
#
# Un habitant absent du registre peut-il avoir le même trio qu'un patient ? Combien de fois ce
# trio apparaît-il alors dans la liste, et l'attaquant peut-il choisir entre les noms ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Avec plus d'habitants par code postal, un trio a-t-il plus ou moins de chances d'être partagé ?
# </details>

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : il affiche les options de la question 8 dans l'ordre de
# votre copie (la liste affichée est la seule à lire).
options_q8 = {
    "baisse": "Elle baisserait : chaque patient aurait plus de « jumeaux » possibles parmi les "
    "habitants.",
    "hausse": "Elle augmenterait : une liste plus longue donne plus de noms à relier aux "
    "dossiers.",
    "inchangee": "Elle ne changerait pas : elle ne dépend que des patients du registre.",
    "registre": "Elle rejoindrait la part du registre : la liste contiendrait tous les patients.",
    "question2": "Elle rejoindrait le résultat de l'attaque de la section 4 : la liste ne ferait "
    "que s'allonger.",
}
display(Markdown("\n".join(
    f"- **{lettre}.** {options_q8[option]}" for lettre, option in checks.draw_slots(
        checks.student_seed("11", announce=False), "risque_population",
        list(options_q8))[0].items())))

# %% answer="risque_population" session="formative"
risque_population = ...
### BEGIN SOLUTION
risque_population = "A"
### END SOLUTION


# %% answer="risque_population" session="evaluation"
risque_population = ...
### BEGIN SOLUTION
_lettre = {option: lettre for lettre, option in checks.draw_slots(
    checks.student_seed("11", announce=False), "risque_population", list(options_q8))[0].items()}
risque_population = _lettre["baisse"]
### END SOLUTION

# %% tests="risque_population" points=2 session="formative"
# Vérification de la question 8 : exécutez cette cellule.
checks.check_choice(
    risque_population,
    name="risque_population",
    options=["A", "B", "C", "D", "E"],
    digest="b0b5c67ed5556bdb",
    mistakes=[
        checks.Mistake(None,
                       "une liste plus longue a plus de noms, mais aussi plus d'habitants qui "
                       "partagent un trio, et un trio partagé n'est relié à aucun nom. Avec plus "
                       "d'habitants par code postal, les patients seuls de leur trio sont-ils plus "
                       "ou moins nombreux ?",
                       digest="9e211844df224f0d"),
        checks.Mistake(None,
                       "vous avez supposé que cette part ne dépend que des patients. Or être seul "
                       "de son trio, c'est n'avoir aucun « jumeau » parmi les habitants : ajouter "
                       "des habitants peut-il changer cela ?",
                       digest="ddb390ac40429707"),
        checks.Mistake(None,
                       "être seul dans le registre ne suffit pas : le registre n'est qu'un "
                       "échantillon. Un habitant absent du registre peut partager le trio du "
                       "patient ; le trio figure alors deux fois dans la liste, et l'attaquant ne "
                       "peut pas choisir entre les deux noms.",
                       digest="90f9b604d4483640"),
        checks.Mistake(None,
                       "la part de la question 2 vaut pour notre liste, qui compte peu de "
                       "personnes absentes du registre : elle dépend de la liste. Ici, la liste "
                       "contient tous les « jumeaux » possibles d'un patient : que devient leur "
                       "nombre quand la population grandit ?",
                       digest="e19808b2d57326aa"),
    ],
    success="demandez toujours « seul parmi qui ? » : une part de patients uniques ne dit le "
    "risque qu'une fois rapportée à ce que contient la liste de l'attaquant.",
)
### BEGIN HIDDEN TESTS
checks.check_choice(risque_population, name="risque_population",
                    options=["A", "B", "C", "D", "E"], expected="A")
### END HIDDEN TESTS

# %% tests="risque_population" points=2 session="evaluation"
# Vérification de la question 8 : exécutez cette cellule.
checks.check_form(risque_population, name="risque_population", kind="choice", options=["A", "B", "C", "D", "E"])
### BEGIN HIDDEN TESTS
lettre = option = nom = None
place_q8 = checks.draw_slots(checks.student_seed("11", announce=False), "risque_population",
                             ["baisse", "hausse", "inchangee", "registre", "question2"])[0]
lettre_q8 = [next(lettre for lettre, option in place_q8.items() if option == nom)
             for nom in ("baisse", "hausse", "inchangee", "registre", "question2")]
checks.check_choice(
    risque_population, name="risque_population", options=["A", "B", "C", "D", "E"],
    expected=lettre_q8[0],
    mistakes=[
        checks.Mistake(lettre_q8[1], "une liste plus longue a plus de noms, mais aussi plus d'habitants qui partagent un trio, et un trio partagé n'est relié à aucun nom."),
        checks.Mistake(lettre_q8[2], "vous avez supposé que cette part ne dépend que des patients. Or être seul de son trio, c'est n'avoir aucun « jumeau » parmi les habitants."),
        checks.Mistake(lettre_q8[3], "être seul dans le registre ne suffit pas : le registre n'est qu'un échantillon."),
        checks.Mistake(lettre_q8[4], "la part des patients de la liste nommés correctement vaut pour notre liste : elle dépend de la liste. Ici, la liste contient tous les « jumeaux » possibles d'un patient."),
    ],
)
### END HIDDEN TESTS

# %% mistake="risque_population" session="evaluation"
# message : un trio partagé n'est relié à aucun nom
_lettre = {option: lettre for lettre, option in checks.draw_slots(
    checks.student_seed("11", announce=False), "risque_population", list(options_q8))[0].items()}
risque_population = _lettre["hausse"]

# %% mistake="risque_population" session="evaluation"
# message : le registre n'est qu'un échantillon
_lettre = {option: lettre for lettre, option in checks.draw_slots(
    checks.student_seed("11", announce=False), "risque_population", list(options_q8))[0].items()}
risque_population = _lettre["registre"]

# %% mistake="risque_population" session="formative"
# message : un trio partagé n'est relié à aucun nom
risque_population = "B"

# %% mistake="risque_population" session="formative"
# message : ne dépend que des patients
risque_population = "C"

# %% mistake="risque_population" session="formative"
# message : le registre n'est qu'un échantillon
risque_population = "D"

# %% mistake="risque_population" session="formative"
# message : elle dépend de la liste
risque_population = "E"

# %% [markdown]
# ### À retenir (après la séance)

# %% [markdown] reveal="roles_sejour"
# - Un quasi-identifiant se définit par ce que l'attaquant sait par ailleurs (question 4).

# %% [markdown]
# - Une même généralisation protège moins les habitants des petits territoires (exercice 5).

# %% [markdown] reveal="choix_publication"
# - Pour publier, écartez d'abord ce qui n'atteint pas le k visé, puis gardez ce qui perd le
#   moins de détail (question 6).

# %% [markdown] reveal="debut_classe"
# - Élargir des classes non emboîtées peut faire **baisser** k (question 5) : préférez des
#   généralisations emboîtées, calculées à la même date.

# %% [markdown] reveal="classe_exposee"
# - Le k écarte l'individualisation, pas l'inférence : une classe où tous, ou presque, ont le
#   même diagnostic le révèle ; le l ne repère que le premier cas (question 7).

# %% [markdown] reveal="risque_population"
# - Unique dans l'**échantillon** n'est pas unique dans la **population** : face à une liste de
#   toute la population, c'est l'unicité dans la population qui compte, et elle baisse quand la
#   population grandit (question 8).

# %% [markdown]
# ### Pour aller plus loin (lecture non notée) : au-delà du k-anonymat

# %% [markdown] reveal="classe_exposee"
# **Les limites de la l-diversité.** Une classe peut compter plusieurs diagnostics différents
# mais proches (trois maladies de l'estomac), ou une maladie rare bien plus fréquente que dans
# l'ensemble du tableau : l'attaquant en apprend encore beaucoup (Li et al., 2007).

# %% [markdown]
# <details><summary>Ouvrir la lecture : confidentialité différentielle, données synthétiques,
# accès contrôlé, modèles d'IA…</summary>
#
# - **Publier un échantillon ne suffit pas.** Rocher et al. (2019) estiment, à l'aide d'un
#   modèle statistique appris sur des données américaines, que 99,98 % des Américains
#   seraient correctement réidentifiés dans n'importe quel jeu de données contenant
#   15 attributs démographiques, même très incomplet : une estimation, pas un comptage.
# - **La confidentialité différentielle** (en anglais *differential privacy*) ne publie pas des lignes mais
#   des résultats (comptes, moyennes) auxquels on ajoute un bruit aléatoire calibré, de sorte
#   qu'ils changent à peine qu'une personne soit ou non dans les données (Dwork et al., 2006).
#   C'est une garantie mathématique, qui se paie en précision.
# - **Les données synthétiques**, comme celles de ce module, sont produites par un programme.
#   Quand ce programme a appris sur de vraies données, elles peuvent en laisser fuiter : à
#   utilité égale, elles ne protègent pas forcément mieux que l'anonymisation classique
#   (Stadler et al., 2022).
# - **L'accès contrôlé** : au lieu de publier, on fait travailler les chercheurs dans un
#   environnement sécurisé d'où ne sortent que des résultats non personnels. Le règlement
#   (UE) 2025/327 sur l'espace européen des données de santé (EHDS), qui s'appliquera
#   progressivement, prévoit que l'accès aux données de santé individuelles qu'il encadre pour
#   une réutilisation passe par un tel environnement ; des statistiques anonymes peuvent être
#   fournies sans lui.
# - **Des sanctions en France.** La CNIL a sanctionné Cegedim Santé (délibération SAN-2024-013
#   du 5 septembre 2024, 800 000 €), qui traitait comme anonymes des données où chaque patient
#   était désigné par un code (CNIL, 2024).
# - **Qui a remplacé le G29 ?** Depuis le 25 mai 2018, le **Comité européen de la protection
#   des données** (en anglais EDPB), qui réunit les autorités nationales comme la CNIL ; à ne
#   pas confondre avec le **Contrôleur européen de la protection des données** (EDPS), qui
#   surveille les institutions de l'Union et était partie à l'arrêt de 2025.
# - **Les lignes directrices 01/2025 du Comité européen de la protection des données** sur la
#   pseudonymisation, adoptées le 16 janvier 2025 pour consultation publique (donc avant l'arrêt
#   de la Cour), rappellent que des données pseudonymisées rattachables à une personne grâce à
#   des informations supplémentaires restent personnelles, et décrivent comment bien
#   pseudonymiser.
# - **Un modèle d'IA entraîné sur des données de patients est-il anonyme ?** Pas forcément,
#   répond ce même Comité dans son avis 28/2024 du 17 décembre 2024 : un modèle peut
#   **mémoriser** des données d'entraînement, et il n'est anonyme que si la probabilité d'en
#   extraire des données personnelles, directement ou en l'interrogeant, est négligeable. Une
#   attaque par **inférence d'appartenance** (en anglais *membership inference*) cherche ainsi à savoir si
#   une personne figurait dans les données d'entraînement (Shokri et al., 2017) : pour un modèle
#   entraîné sur les patients d'un service de maladies infectieuses, la réponse révèle déjà
#   beaucoup.
# </details>
#
# ### Les textes en détail (à lire avant la réflexion de l'exercice 9)
#
# **L'essentiel en quatre points** (le détail, replié plus bas, sert surtout aux étudiants en
# droit et en management) :
#
# - pseudonymiser n'est pas anonymiser : le RGPD s'applique tant qu'une personne reste
#   identifiable, y compris en isolant sa ligne (le « ciblage » du considérant 26) ;
# - on juge du côté de celui qui détient les données, avec ses moyens raisonnables,
#   recoupements compris (arrêt du 4 septembre 2025) ;
# - un moyen interdit par la loi ou irréalisable ne compte pas (arrêt Breyer, 2016) ; un
#   contrat compte dans la pesée, mais n'est pas une loi (lecture retenue par ce module :
#   l'arrêt ne parle pas des contrats) ;
# - le CHU qui transmet reste tenu de dire aux patients, dès la collecte, à qui leurs données
#   peuvent aller (RGPD, article 13) : c'est l'objet même de l'arrêt de 2025.

# %% [markdown]
# <details><summary>Ouvrir la lecture : article 4(5) et considérant 26 du RGPD, arrêts Breyer
# et du 4 septembre 2025</summary>
#
# Le CHU est le **responsable du traitement** : celui qui décide pourquoi et comment les
# données sont traitées (module 10). La colonne `pseudonym` remplace le nom par un numéro. Le RGPD
# (**article 4(5)**) définit la pseudonymisation comme un traitement tel que les données « ne
# puissent plus être attribuées à une personne concernée précise sans avoir recours à des
# informations supplémentaires », conservées séparément (ici, la table qui relie numéros et
# noms). Selon le **considérant 26** (un paragraphe d'explication en tête du règlement), des
# données pseudonymisées qu'on pourrait attribuer à une personne grâce à ces informations
# **restent personnelles** ; seules les données **anonymes** sortent du RGPD. Pour savoir si
# une personne est identifiable, dit-il, « il convient de prendre en considération
# l'ensemble des moyens raisonnablement susceptibles d'être utilisés par le responsable du
# traitement ou par toute autre personne pour identifier la personne physique directement ou
# indirectement, tels que le ciblage ». Le « ciblage » (en anglais
# *singling out*) est l'individualisation du G29 (exercice 7) : isoler une ligne, même sans
# nom, est déjà un moyen d'identifier. Une ligne seule de sa classe (k = 1) peut être isolée.
#
# L'arrêt **Breyer** (19 octobre 2016, affaire C-582/14, points 46 à 48), rendu sur la
# directive 95/46/CE, que le RGPD a remplacée, dont le considérant 26 disait déjà la même chose,
# précise quels moyens compter : une adresse IP (le numéro d'un ordinateur sur internet) est
# personnelle pour l'exploitant d'un site qui ne peut identifier l'internaute qu'avec les
# informations de son fournisseur d'accès (l'opérateur qui attribue ce numéro),
# s'il dispose de **moyens légaux** de le faire identifier grâce à elles (par exemple, en cas
# d'attaque informatique, en s'adressant à l'autorité compétente) ; un moyen **interdit par la
# loi**, ou irréalisable en pratique (effort démesuré en temps, en coût et en main-d'œuvre), ne
# compte pas.
#
# **Une question discutée.** Constituer une liste à partir de profils publics, puis la croiser
# avec des données de santé, serait déjà un traitement à justifier (RGPD, articles 6 et 9).
# Est-ce pour autant un moyen « interdit par la loi » au sens de Breyer ? La question est
# discutée, et aucun arrêt ne l'a tranchée. Pour les uns, l'exclusion de Breyer se lit de
# façon étroite (elle vise un moyen que la loi ferme, comme la liste électorale pour une
# entreprise) : le croisement reste un moyen à compter, dont le considérant 26 pèse le coût,
# le temps et les techniques disponibles. Pour les autres, un croisement sans base légale est
# justement un moyen interdit par la loi, qui ne compte pas. Un contrat, lui, n'est pas une
# loi : l'exclusion de Breyer ne le vise pas.
#
# Le 4 septembre 2025 (affaire C-413/23 P), la Cour de justice de l'Union européenne a tranché
# une question précise : ce qu'un organisme doit dire aux personnes, dès la collecte, sur les
# destinataires de leurs données (l'**obligation d'information** : article 15, paragraphe 1,
# point d, du règlement (UE) 2018/1725). Elle a jugé que la qualification dépend de **celui qui détient
# les données** : pour un destinataire sans la table de correspondance ni autre moyen
# raisonnable de retrouver les personnes, **recoupements compris** (croisements avec d'autres
# sources), des données pseudonymisées
# peuvent ne pas être personnelles ; pour celui qui les a collectées et garde la table, elles
# le restent, et son obligation d'informer s'apprécie de son point de vue, au moment de la
# collecte. Ce règlement s'applique aux institutions de l'Union, pas à un CHU ; sa notion
# de données personnelles se lit comme celle du RGPD.
#
# Les autres obligations du CHU qui transmet ne viennent pas de cet arrêt : une base
# légale et une exception pour les données de santé (RGPD, articles 6 et 9), les formalités
# de la recherche en santé (loi Informatique et Libertés) ; voyez le module 10.
# </details>

# %% [markdown] session="formative"
# ### Exercice 9 — Réflexion : quand un jeu de données peut-il être partagé ?
#
# *(3 points, corrigée par l'enseignant ; à rédiger après la séance.)*
#
# La start-up de la section 1 demande l'extrait du registre. En 15 à 20 lignes, répondez à
# quatre questions :
#
# 1. Que lui transmettriez-vous (quels attributs, à quel niveau de détail), et dans quel cadre
#    (contrat, accès contrôlé, données synthétiques…) ?
# 2. Ces données seraient-elles personnelles **pour elle** (arrêt du 4 septembre 2025) ?
#    Quels moyens retenez-vous ou écartez-vous, et pourquoi (section 6 et « Les textes en
#    détail ») ? Tranchez, arguments à l'appui.
# 3. Sur quel **chiffre** obtenu dans ce module, et sur lequel des **trois risques du G29**,
#    vous appuyez-vous ?
# 4. Que perdent les chercheurs, et que gagnent les patients ?

# %% [markdown] session="evaluation"
# ### Exercice 9 — Réflexion : quand un jeu de données peut-il être partagé ?
#
# *(3 points, corrigée par l'enseignant·e ; à rédiger après la séance, à rendre comme
# l'indique votre enseignant·e, avant la date annoncée.)*
#
# La start-up de la section 1 demande l'extrait du registre. En 15 à 20 lignes, répondez à
# quatre questions :
#
# 1. Que lui transmettriez-vous (quels attributs, à quel niveau de détail), et dans quel cadre
#    (contrat, accès contrôlé, données synthétiques…) ?
# 2. Ces données seraient-elles personnelles **pour elle** (arrêt du 4 septembre 2025) ?
#    Quels moyens retenez-vous ou écartez-vous, et pourquoi (section 6 et « Les textes en
#    détail ») ? Tranchez, arguments à l'appui.
# 3. Sur quel **chiffre affiché dans votre copie** vous appuyez-vous (citez-le, avec la
#    section ou la question où il s'affiche : vos cas sont propres à votre copie), et sur
#    lequel des **trois risques du G29** ?
# 4. Que perdent les chercheurs, et que gagnent les patients ?
#
# Si vous vous êtes aidé d'un outil d'IA (pour reformuler, pour chercher un texte), dites en
# une ligne lequel et pour quoi ; le raisonnement et le chiffre doivent être les vôtres.

# %% [markdown] written="reflexion_anonymat" points=3
# ### BEGIN SOLUTION
# *Guide de correction (enseignants ; retiré de la version étudiante).* Trois points, chacun
# noté 1, 0,5 ou 0.
#
# **Règle à lire d'abord (chiffres).** Un ordre de grandeur juste suffit (« presque tous
# uniques », « k ≥ 5 sans lieu ») : n'ouvrez la copie autocorrigée pour vérifier un chiffre
# précis que s'il contredit cet ordre de grandeur. Un chiffre de la version d'entraînement
# cité comme tel compte aussi. Exception, la séance évaluée : son énoncé demande un chiffre
# affiché dans la copie de l'étudiant ; vérifiez qu'il y figure (point 2).
#
# **Point 1 — Le droit (question 2).** 1 : la copie juge **du côté de la start-up**, avec ses
# moyens raisonnables, recoupements compris (arrêt C-413/23 P : « anonyme pour elle, faute de
# table » ne suffit pas), **et** dit pourquoi un contrat **ou** k > 1 ne suffit pas, à lui
# seul, à rendre les données anonymes (l'un des deux exemples suffit ; Breyer : un contrat
# n'est pas une loi ; WP216 : k > 1 laisse la corrélation et l'inférence). 0,5 : l'un des deux seulement, ou « pseudonymisé n'est pas
# anonyme » (RGPD art. 4(5), considérant 26) sans l'appliquer à la start-up. 0 : données
# dites anonymes faute de table ou grâce au contrat. Profils publics (point discuté) : toute
# conclusion bien argumentée est acceptée (le moyen compte ; ou il est écarté : sans base
# légale, RGPD art. 6 et 9, ou rarement praticable).
#
# **Point 2 — Un chiffre et un risque (question 3).** 1 : un chiffre du module, juste et
# rapporté à son groupe (uniques du registre ; patients de la liste nommés, sur une liste
# synthétique dont la part d'erreurs est un réglage ; k et l après généralisation ; patients
# seuls des petits départements ; détail perdu), **et** un risque du G29 relié au cas (k :
# individualisation ; l : inférence ; croisement, rattachement à une classe : corrélation).
# 0,5 : l'un des deux. Refuser la part de tout le registre (ou des adultes) prise pour le
# risque d'un patient qui figure dans la liste, ou l'unicité dans la population synthétique
# prise pour celle de la France. **Séance évaluée : chaque copie a ses propres chiffres, et
# l'énoncé demande un chiffre affiché dans la copie de l'étudiant**, avec l'endroit où il
# s'affiche : cherchez-le dans sa copie corrigée (une recherche du nombre suffit). Absent de
# sa copie (chiffre d'un camarade, ou de la version d'entraînement non présenté comme tel) :
# 0,5 au plus au point 2. Le code l'affiche ici : part des
# uniques (sortie de la section 3), résultats de l'attaque (sortie de la section 4 ; la
# réponse de la question 2 est `n_justes / n_dans_liste` ou, selon la version de la copie,
# `n_justes / n_adultes`, la part des adultes du registre, qui dépend de la couverture de la
# liste), k et l de l'Hérault par largeur et patients seuls par département (tableaux de
# l'exercice 5), k des publications (`mesurer_publication("D")`, exercice 6, dans la copie
# autocorrigée), seulement si l'ordre de grandeur cité paraît faux (règle en tête du guide).
#
# **Point 3 — Une proposition proportionnée (questions 1 et 4)**
# (V5 — Utilisation responsable et éclairée ; V7 — Partage et collaboration). 1 : quoi transmettre et dans
# quel cadre (généralisation emboîtée, périmètre réduit, accès contrôlé, contrat, données
# synthétiques évaluées), avec ce que perdent les chercheurs et gagnent les patients. 0,5 :
# sans le cadre ou sans ce coût. 0 : tout ou rien (« on envoie tout », « on refuse tout »)
# sans pesée. Refuser un seuil (k = 5) donné comme garantie ou règle de droit.
#
# **Quatre copies d'ancrage (extraits).**
#
# - **3 points.** « Je transmettrais le sexe, des classes d'âge de 10 ans et le diagnostic,
#   sans lieu ni date de naissance, dans l'environnement sécurisé du CHU et sous contrat. Pour
#   la start-up, on juge avec ses propres moyens (arrêt de 2025) : si on lui transmettait la
#   date de naissance et le code postal, elle pourrait croiser des profils publics, un moyen
#   peu coûteux que je compte, même s'il serait illicite sans base légale ; son contrat pèse,
#   mais n'est pas une loi. Dans le registre, presque chaque patient est seul de son trio :
#   c'est l'individualisation. Sans lieu, en classes de 10 ans, k dépasse 5 dans ma copie
#   (publication D de l'exercice 6) ; reste l'inférence, si une classe a un diagnostic dominant. Les chercheurs perdent l'étude par
#   lieu ; les patients ne risquent plus qu'un proche retrouve leur diagnostic. » (1 + 1 + 1.)
# - **Un point et demi.** « Les données sont pseudonymisées, donc pas anonymes : elles restent
#   personnelles. J'enverrais sexe, classe d'âge et département, avec un contrat qui interdit
#   de réidentifier, ce qui rend le risque nul. Avec le département, k = 1 : un patient reste
#   seul. » (Point 1 : 0,5, rien sur les moyens de la start-up, et le contrat pris pour une
#   garantie ; point 2 : 0,5, un chiffre juste sans risque du G29 nommé ; point 3 : 0,5, quoi
#   et un cadre, sans ce que perdent ou gagnent chercheurs et patients.)
# - **3 points, conclusion inverse.** « Je ne transmettrais que le sexe, des classes d'âge de
#   20 ans et le diagnostic, sans date de naissance ni lieu, sous contrat. Pour la start-up,
#   qui n'a ni la table ni fichier nominatif, je pense que ces données ne sont pas
#   personnelles : on juge de son côté (arrêt de 2025), et sans lieu ni date de naissance elle
#   n'a aucun moyen raisonnable de retrouver quelqu'un, même avec des profils publics. Ce n'est
#   pas le contrat qui le permet (il n'est pas une loi), ni k > 1 à lui seul (il laisse
#   l'inférence) : c'est ce qu'on ne lui transmet pas. Pour le CHU, elles restent personnelles.
#   Avec ces classes, k dépasse 5 dans ma copie ; reste l'inférence si une classe a un
#   diagnostic dominant. Les chercheurs perdent l'étude par lieu et par âge fin ; les patients
#   ne risquent plus d'être retrouvés. » (1 + 1 + 1 : la conclusion « pas personnelles pour
#   elle » est légitime selon C-413/23 P quand elle vient des moyens de la start-up après une
#   forte généralisation ; elle vaut 0 si elle ne repose que sur l'absence de table ou le
#   contrat.)
# - **0 point.** « Sans les noms, la start-up ne peut identifier personne : les données sont
#   anonymes pour elle, on peut tout lui envoyer. » (Anonyme faute de table ; aucun chiffre ;
#   aucune pesée.)
# ### END SOLUTION

# %% [markdown]
# ## Sources
#
# - Règlement (UE) 2016/679 du 27 avril 2016 (RGPD), article 4(5) (définition de la
#   pseudonymisation) et considérant 26 (données pseudonymisées et données anonymes).
# - Cour de justice de l'Union européenne, arrêt du 4 septembre 2025, Contrôleur européen de la
#   protection des données contre Conseil de résolution unique, affaire C-413/23 P,
#   ECLI:EU:C:2025:645 (données pseudonymisées transmises à un destinataire ; interprétation du
#   règlement (UE) 2018/1725 sur les institutions de l'Union).
# - Cour de justice de l'Union européenne, arrêt du 19 octobre 2016, Patrick Breyer contre
#   Bundesrepublik Deutschland, affaire C-582/14, ECLI:EU:C:2016:779, points 46 à 48 (moyens
#   légaux d'identifier une personne, y compris avec l'aide de tiers ; moyens interdits par la
#   loi ou irréalisables en pratique exclus ; interprétation de la directive 95/46/CE).
# - Code électoral, article L37 (communication et copie de la liste électorale aux électeurs,
#   aux candidats et aux partis ou groupements politiques, à la condition de s'engager à ne
#   pas en faire un usage commercial), Légifrance ; texte cité par la CADA, conseil 20225915
#   du 3 novembre 2022.
# - Groupe de travail « Article 29 » sur la protection des données (G29). Avis 05/2014 sur les
#   techniques d'anonymisation (WP216), adopté le 10 avril 2014, sous la directive 95/46/CE ;
#   un avis non contraignant, qui n'est pas parmi les documents du G29 repris en 2018 par le
#   Comité européen de la protection des données : section 2.2.2 (les trois
#   risques), section 5 et tableau 6 (le k-anonymat n'écarte ni la corrélation ni l'inférence ;
#   pas de paramètres minimaux).
# - Comité européen de la protection des données (EDPB). Lignes directrices 01/2025 sur la
#   pseudonymisation, adoptées le 16 janvier 2025 (version soumise à consultation publique).
# - Comité européen de la protection des données (EDPB). Avis 28/2024 sur certains aspects de la
#   protection des données liés au traitement de données personnelles dans le cadre des modèles
#   d'IA, adopté le 17 décembre 2024.
# - Commission nationale de l'informatique et des libertés (CNIL). « L'anonymisation de données
#   personnelles », cnil.fr, 19 mai 2020 (anonymisation et pseudonymisation ; des données
#   pseudonymisées conservent le plus souvent un caractère personnel).
# - CNIL, formation restreinte : délibération SAN-2024-013 du 5 septembre 2024 (Cegedim Santé).
#   Légifrance.
# - Règlement (UE) 2025/327 du Parlement européen et du Conseil du 11 février 2025 relatif à
#   l'espace européen des données de santé (EHDS), considérant 77 (environnement de traitement
#   sécurisé).
# - Sweeney L. *Simple demographics often identify people uniquely*. Carnegie Mellon
#   University, Data Privacy Working Paper 3, Pittsburgh, 2000 (87 % de la population des
#   États-Unis, 216 millions sur 248 millions, probablement uniques sur code postal, sexe et
#   date de naissance, d'après le recensement de 1990).
# - Golle P. Revisiting the uniqueness of simple demographics in the US population.
#   *Proceedings of the 5th ACM Workshop on Privacy in Electronic Society (WPES)*, 2006
#   (63 % d'après le recensement de 2000).
# - Sweeney L. k-anonymity: a model for protecting privacy. *International Journal of
#   Uncertainty, Fuzziness and Knowledge-Based Systems* 2002;10(5):557-570 (croisement des
#   données médicales des employés de l'État du Massachusetts avec la liste électorale de
#   Cambridge).
# - El Emam K, Dankar FK. Protecting privacy using k-anonymity. *Journal of the American
#   Medical Informatics Association* 2008;15(5):627-637 (scénarios de réidentification du
#   procureur et du journaliste).
# - El Emam K. *Guide to the De-Identification of Personal Health Information*. Boca Raton :
#   CRC Press (Auerbach), 2013, chapitre « Cell size precedents » (seuils de 3, 5, 11 et 20).
# - Machanavajjhala A, Kifer D, Gehrke J, Venkitasubramaniam M. ℓ-diversity: privacy beyond
#   k-anonymity. *ACM Transactions on Knowledge Discovery from Data* 2007;1(1):3.
# - Li N, Li T, Venkatasubramanian S. t-Closeness: privacy beyond k-anonymity and l-diversity.
#   *IEEE 23rd International Conference on Data Engineering (ICDE)*, 2007, p. 106-115 (limites
#   de la l-diversité).
# - Rocher L, Hendrickx JM, de Montjoye YA. Estimating the success of re-identifications in
#   incomplete datasets using generative models. *Nature Communications* 2019;10:3069.
# - Dwork C, McSherry F, Nissim K, Smith A. Calibrating noise to sensitivity in private data
#   analysis. *Theory of Cryptography Conference (TCC)*, Lecture Notes in Computer Science 3876,
#   2006, p. 265-284.
# - Stadler T, Oprisanu B, Troncoso C. Synthetic data – anonymisation groundhog day.
#   *31st USENIX Security Symposium*, 2022.
# - Shokri R, Stronati M, Song C, Shmatikov V. Membership inference attacks against machine
#   learning models. *IEEE Symposium on Security and Privacy*, 2017.
# - Données : registre et liste nominative **synthétiques** générés par
#   `esn_teach.datasets.make_french_registry` et `make_voter_list` (version d'entraînement :
#   réglages `random_state` 11 et 12 ; séance évaluée : réglages tirés de votre identifiant) ;
#   fiches `esn_teach/datasets/cards/french_registry.md` et `voter_list.md`. Codes CIM-10 de
#   l'Organisation mondiale de la santé.
