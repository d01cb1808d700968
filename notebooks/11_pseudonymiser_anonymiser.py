# %% [markdown]
# # Module 11 — Pseudonymiser n'est pas anonymiser
#
# *Cours « IA et santé » — École de santé numérique, Université de Montpellier.*
#
# ## Ce que vous saurez faire à la fin de ce module
#
# 1. Distinguer des données **pseudonymisées** de données **anonymes**, avec les textes
#    (RGPD, article 4(5) et considérant 26).
# 2. Repérer les **quasi-identifiants** d'un tableau et mesurer la part de patients **uniques**.
# 3. Calculer le **k** du **k-anonymat** et le **l** de la **l-diversité** d'un tableau.
# 4. Mener une **attaque par croisement** avec une liste nominative et compter les dossiers
#    reliés à un nom.
# 5. **Généraliser** des données (classes d'âge, département, région, année) et trouver la plus
#    petite généralisation qui protège, en voyant ce qu'elle coûte en information.
# 6. Dire auquel des **trois risques du G29** (individualisation, corrélation, inférence) une
#    publication reste exposée.
#
# ## Mode d'emploi
#
# - Exécutez les cellules **dans l'ordre**, une par une : cliquez dans la cellule puis appuyez
#   sur **Maj + Entrée**.
# - Quand une cellule contient `...`, c'est à vous de répondre : remplacez les trois points par
#   votre réponse, exécutez la cellule, puis exécutez la cellule **« Vérification »** juste en
#   dessous. Elle vous dit si la réponse est correcte, ou quelle erreur vous avez probablement
#   faite. Vous pouvez réessayer autant de fois que vous voulez.
# - Trois règles d'écriture : gardez le nom de la variable **exactement** tel qu'il est écrit
#   (sans accent : `k_petit`) ; écrivez les décimales avec un **point** (`0.25` et non `0,25`) ;
#   écrivez de préférence le **calcul** plutôt que son résultat arrondi.
# - Dans une réponse en **texte** (entre guillemets), les accents et les majuscules ne comptent
#   pas : `"Diabète"` et `"diabete"` sont lus de la même façon.
# - Des **indices** sont cachés sous chaque question : cliquez sur « Indice 1 », puis
#   « Indice 2 » seulement si besoin.
# - Aucune connaissance en programmation n'est demandée.
#
# **Avertissement.** Ce module montre comment on réidentifie des patients, pour apprendre à
# les protéger. Les données sont **synthétiques** (inventées par un programme) : aucune ligne ne
# correspond à une personne réelle. Appliquer ces techniques à de vraies données de patients,
# hors d'un cadre légal, est interdit.

# %% [markdown]
# ## 1. Une histoire : « on a enlevé les noms, c'est anonyme »
#
# Une équipe hospitalière a constitué un **registre** : une ligne par patient hospitalisé, avec
# son sexe, sa date de naissance, son code postal, sa date d'admission et son **diagnostic
# principal**, codé dans la **CIM-10** (la classification internationale des maladies de l'OMS ;
# par exemple I10 = hypertension, B20 = maladie due au VIH). Une start-up demande l'extrait
# pour entraîner un modèle d'IA ; une association de patients voudrait le publier en données
# ouvertes. Le responsable répond : « Aucun problème, on a remplacé les noms par des numéros :
# c'est anonyme. »
#
# Ce module vérifie cette phrase, chiffres à l'appui. Il utilise un registre **synthétique** de
# patients français, produit par `esn_teach.datasets.make_french_registry` (fiche descriptive :
# `esn_teach/datasets/cards/french_registry.md`), avec un réglage qui fixe le hasard
# (`random_state=11`) : on obtient les mêmes données à chaque exécution.

# %%
import pandas as pd

from esn_teach import checks, fr_percent
from esn_teach import privacy as pv
from esn_teach.datasets import make_french_registry, make_voter_list
from esn_teach.explorers import AnonymisationExplorer
from esn_teach.plotting import fr_table

registre = make_french_registry(n_samples=10_000, random_state=11).frame
print(f"Registre synthétique : {len(registre)} patients.")
registre[["pseudonym", "sex", "birth_date", "postcode", "departement_name", "diagnosis",
          "diagnosis_label"]].head(5)

# %% [markdown]
# Les colonnes portent des noms anglais : `pseudonym` = pseudonyme, `sex` = sexe, `birth_date` =
# date de naissance, `age` = âge, `departement` = code du département, `departement_name` = nom du
# département, `postcode` = code postal, `admission_date` = date d'admission, `diagnosis` = code
# CIM-10 du diagnostic, `diagnosis_label` = libellé du diagnostic.

# %% [markdown]
# ## 2. Pseudonymiser : ce que dit le droit
#
# La colonne `pseudonym` remplace le nom par un numéro. C'est une **pseudonymisation**, que le
# RGPD (règlement général sur la protection des données, règlement (UE) 2016/679) définit à son
# **article 4(5)** : un traitement tel que les données « ne puissent plus être attribuées à une
# personne concernée précise sans avoir recours à des informations supplémentaires », à
# condition que ces informations (ici, la table de correspondance entre numéros et noms) soient
# conservées séparément et protégées.
#
# Le **considérant 26** du RGPD en tire la conséquence : des données pseudonymisées qui
# pourraient être attribuées à une personne grâce à des informations supplémentaires **restent
# des données personnelles**, et le RGPD s'applique. Seules les données **anonymes** en sortent :
# celles qui ne permettent plus d'identifier la personne, compte tenu de « l'ensemble des moyens
# raisonnablement susceptibles d'être utilisés » par le responsable **ou par toute autre
# personne**.
#
# La question n'est donc pas « a-t-on enlevé les noms ? » mais « **quelqu'un pourrait-il
# retrouver qui est qui ?** ». Retirons même le pseudonyme, et regardons ce qui reste.

# %%
registre_publie = registre.drop(columns=["pseudonym"])
print("Colonnes publiées :", ", ".join(registre_publie.columns))

# %% [markdown]
# ## 3. Ce qui reste : les quasi-identifiants
#
# Un **identifiant direct** désigne une personne à lui seul (nom, numéro de sécurité sociale).
# Un **quasi-identifiant** ne la désigne pas seul, mais **combiné** à d'autres et **connu
# ailleurs** (liste électorale, réseaux sociaux, voisinage), il peut l'isoler : date de
# naissance, sexe, code postal. L'informaticienne Latanya Sweeney a estimé que 87 % des
# habitants des États-Unis étaient probablement uniques sur le trio (code postal, sexe, date de
# naissance) (Sweeney, 2000) ; une nouvelle estimation sur le recensement suivant a donné
# 63 % (Golle, 2006), ce qui reste énorme.
#
# Regroupons les patients qui ont **exactement les mêmes** quasi-identifiants : chaque groupe
# s'appelle une **classe d'équivalence**. Un patient seul dans sa classe est **unique** : qui
# connaît sa date de naissance, son sexe et son code postal retrouve sa ligne, donc son
# diagnostic.

# %%
quasi_identifiants = ["birth_date", "sex", "postcode"]
part_uniques = pv.unique_share(registre_publie, quasi_identifiants)
print(f"Patients uniques sur (date de naissance, sexe, code postal) : {fr_percent(part_uniques)}")

# %% [markdown]
# Pratiquement chaque patient est seul dans sa classe. Deux mesures résument ce risque.
#
# - Le **k-anonymat** : un tableau est « k-anonyme » si chaque patient partage ses
#   quasi-identifiants avec au moins k − 1 autres, c'est-à-dire si **la plus petite classe**
#   compte au moins k lignes. Le **k** d'un tableau est donc la taille de sa plus petite classe.
#   k = 1 veut dire qu'au moins un patient est seul, donc repérable.
# - La **l-diversité** regarde la colonne **sensible** (ici le diagnostic) : dans chaque
#   classe, on compte les diagnostics **différents** ; le **l** du tableau est le plus petit de
#   ces comptes. l = 1 veut dire qu'il existe une classe où tout le monde a le même diagnostic :
#   sans savoir quelle ligne est celle de votre voisin, si vous savez qu'il est dans cette
#   classe, vous connaissez son diagnostic.
#
# Entraînons-nous sur un petit tableau, déjà **généralisé** (l'âge en tranches de dix ans, le
# lieu réduit au département). Les quasi-identifiants sont `tranche_age`, `sexe` et
# `departement` ; la colonne sensible est `diagnostic`.

# %%
petit = pd.DataFrame(
    {
        "tranche_age": ["40-49", "50-59", "40-49", "50-59", "40-49", "50-59", "40-49",
                        "50-59", "40-49", "40-49", "50-59", "40-49", "50-59", "40-49"],
        "sexe": ["F", "M", "M", "F", "F", "M", "F", "F", "M", "F", "M", "F", "F", "M"],
        "departement": ["34", "30", "34", "30", "34", "30", "34", "30", "34", "34", "30", "34",
                        "30", "34"],
        "diagnostic": ["Diabète", "Hypertension", "Hypertension", "Diabète", "Hypertension",
                       "Hypertension", "Diabète", "Insuffisance cardiaque", "Asthme",
                       "Dépression", "Hypertension", "Asthme", "Diabète", "Hypertension"],
    }
)
petit.sort_values(["tranche_age", "sexe", "departement"])

# %% [markdown]
# Le tableau est affiché trié : les lignes d'une même classe (même tranche d'âge, même sexe,
# même département) se suivent.
#
# ### Question 1a — Le k de ce tableau (1 point)
#
# Quel est le **k** du k-anonymat de ce petit tableau, sur les quasi-identifiants
# (`tranche_age`, `sexe`, `departement`) ? Comptez à l'œil : c'est un nombre entier.
#
# <details><summary>Indice 1</summary>
#
# Commencez par lister les classes : les combinaisons différentes de (tranche d'âge, sexe,
# département). Puis comptez les lignes de chaque classe.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Le k n'est ni le nombre de classes, ni la taille de la plus grande : c'est la taille de la
# **plus petite** classe, celle du patient le moins bien caché.
# </details>

# %% answer="k_petit"
k_petit = ...
### BEGIN SOLUTION
k_petit = 3
### END SOLUTION

# %% tests="k_petit" points=1
# Vérification de la question 1a : exécutez cette cellule.
checks.check_number(
    k_petit,
    name="k_petit",
    digest="ceda6e83864a0740",
    bounds=(1, len(petit)),
    percent_is_mistake=False,
    mistakes=[
        checks.Mistake(4,
                       "vous avez compté les classes (les combinaisons différentes). Le k est "
                       "une taille de classe : le nombre de lignes de la plus petite."),
        checks.Mistake(5,
                       "vous avez donné la taille de la plus grande classe. Le k protège le "
                       "patient le moins bien caché : prenez la plus petite classe."),
        checks.Mistake(len(petit),
                       "vous avez compté toutes les lignes du tableau. Le k est la taille de la "
                       "plus petite classe d'équivalence."),
    ],
    hint="Regroupez les lignes identiques sur les trois quasi-identifiants et gardez la taille "
    "du plus petit groupe.",
    success="chaque patient est confondu avec au moins deux autres.",
)
### BEGIN HIDDEN TESTS
checks.check_number(
    k_petit, name="k_petit",
    expected=pv.k_anonymity(petit, ["tranche_age", "sexe", "departement"]),
)
### END HIDDEN TESTS

# %% mistake="k_petit"
# message : vous avez compté les classes
k_petit = 4

# %% mistake="k_petit"
# message : la plus grande classe
k_petit = 5

# %% [markdown]
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
# Le l du tableau est le **plus petit** de ces comptes, classe par classe ; pas le nombre de
# diagnostics différents dans tout le tableau.
# </details>

# %% answer="l_petit"
l_petit = ...
### BEGIN SOLUTION
l_petit = 1
### END SOLUTION

# %% tests="l_petit" points=1
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
    digest="0e1fc63d90cd5551",
    bounds=(1, len(petit)),
    percent_is_mistake=False,
    mistakes=[
        checks.Mistake(petit["diagnostic"].nunique(),
                       "vous avez compté les diagnostics différents dans tout le tableau. La "
                       "l-diversité se mesure classe par classe : c'est ce que voit quelqu'un "
                       "qui sait dans quelle classe se trouve son voisin."),
        checks.Mistake(4,
                       "vous avez pris la classe la plus diverse. Le l est le plus petit nombre "
                       "de diagnostics différents d'une classe : la classe la moins protégée."),
    ],
    hint="Comptez les diagnostics différents dans chacune des classes, puis gardez le plus "
    "petit compte.",
    success="dans une classe, tous les patients ont le même diagnostic : être caché parmi "
    "trois ne protège pas ce diagnostic.",
)
### BEGIN HIDDEN TESTS
checks.check_number(
    l_petit, name="l_petit",
    expected=pv.l_diversity(petit, ["tranche_age", "sexe", "departement"], "diagnostic"),
)
### END HIDDEN TESTS

# %% mistake="l_petit"
# message : dans tout le tableau
l_petit = petit["diagnostic"].nunique()

# %% mistake="l_petit"
# message : vous avez donné le k
l_petit = 3

# %% mistake="l_petit"
# message : la classe la plus diverse
l_petit = 4

# %% [markdown]
# Les fonctions `pv.k_anonymity`, `pv.l_diversity` et `pv.unique_share` font ces calculs sur
# n'importe quel tableau. Sur le registre complet, avec les quasi-identifiants précis :

# %%
k_registre = pv.k_anonymity(registre_publie, quasi_identifiants)
l_registre = pv.l_diversity(registre_publie, quasi_identifiants, "diagnosis")
print(f"Registre publié : k = {k_registre}, l = {l_registre}, "
      f"lignes uniques : {fr_percent(part_uniques)}")

# %% [markdown]
# ## 4. L'attaque par croisement
#
# Un patient unique dans le registre n'est pas encore **nommé**. Il suffit pour cela d'une
# autre table qui contient des **noms** et les mêmes quasi-identifiants : c'est exactement ce
# qu'a fait Latanya Sweeney en croisant les données médicales « anonymisées » des employés de
# l'État du Massachusetts avec une liste électorale achetée (Sweeney, 2002). Ce risque de relier
# deux tables qui concernent la même personne s'appelle la **corrélation** (*linkability*).
#
# Fabriquons une liste de type « liste électorale », elle aussi **synthétique**
# (`make_voter_list`, fiche : `esn_teach/datasets/cards/voter_list.md`) : elle contient une
# partie des patients adultes du registre, avec un nom, mêlés à des personnes qui ne sont pas
# dans le registre. L'attaquant **rapproche** les deux tables ligne à ligne sur (date de
# naissance, sexe, code postal). Un dossier du registre est **relié à un seul nom** quand sa
# combinaison n'apparaît qu'**une fois** dans le registre et **une fois** dans la liste :
# l'attaquant croit alors pouvoir lui donner un nom sans hésiter. On parle de
# **réidentification** (nous verrons qu'il peut se tromper).

# %%
liste = make_voter_list(registre, random_state=12)
liste_electorale = liste.frame
print(f"Liste électorale (synthétique) : {len(liste_electorale)} personnes nommées.")
liste_electorale.head(3)

# %%
attaque = pv.linkage_attack(registre_publie, liste_electorale, quasi_identifiants)
n_reidentifies = attaque.n_reidentified
n_publies = attaque.n_released
print(f"Patients dans le registre publié : {len(registre_publie)}")
print(f"Personnes dans la liste électorale : {len(liste_electorale)}")
print(f"Dossiers du registre reliés à un seul nom de la liste : {n_reidentifies}")

# %% [markdown]
# ### Question 2 — La part des dossiers reliés à un seul nom (2 points)
#
# Quelle **part des patients du registre** l'attaquant a-t-il reliée à un seul nom ? Donnez une
# proportion entre 0 et 1, calculée avec les variables ci-dessus (`n_reidentifies`,
# `registre_publie`, `liste_electorale` ; `len(tableau)` donne le nombre de lignes d'un tableau).
#
# <details><summary>Indice 1</summary>
#
# La question porte sur les **patients du registre** : c'est leur nombre qui va au dénominateur,
# pas celui des personnes de la liste électorale.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Une part répond à la question « combien parmi combien ? ». Relisez les nombres affichés par la
# cellule de l'attaque : lequel compte les dossiers qui ont reçu un nom, lequel compte les
# patients sur lesquels porte la question ?
# </details>

# %% answer="taux_reidentification"
taux_reidentification = ...
### BEGIN SOLUTION
taux_reidentification = n_reidentifies / len(registre_publie)
### END SOLUTION

# %% tests="taux_reidentification" points=2
# Vérification de la question 2 : exécutez cette cellule.
valeur_taux = checks.require_number(taux_reidentification, name="taux_reidentification")
checks.expect(
    valeur_taux != n_reidentifies,
    "vous avez donné le nombre de dossiers reliés à un nom. On demande une part, entre 0 et 1 : "
    "rapportez ce nombre à l'effectif sur lequel porte la question.",
    name="taux_reidentification",
)
checks.expect(
    not checks.matches_digest(1 - valeur_taux, "ec731501db747da5", name="taux_reidentification"),
    "vous avez calculé la part des patients qui ne sont reliés à aucun nom. On demande la part "
    "de ceux qui reçoivent un nom.",
    name="taux_reidentification",
)
checks.check_number(
    taux_reidentification,
    name="taux_reidentification",
    digest="ec731501db747da5",
    bounds=(0, 1),
    mistakes=[
        checks.Mistake(n_reidentifies / len(liste_electorale),
                       "vous avez divisé par le nombre de personnes de la liste électorale. La "
                       "question porte sur les patients du registre : c'est leur nombre qui va "
                       "au dénominateur."),
        checks.Mistake(part_uniques,
                       "vous avez donné la part de patients uniques dans le registre. Être "
                       "unique rend la réidentification possible ; l'attaque ne réussit que "
                       "pour les patients qui figurent aussi dans la liste."),
    ],
    hint="Une part : combien de dossiers ont reçu un nom, parmi combien de patients ?",
    success="avec une seule liste nominative, une part importante du registre reçoit un nom, et "
    "donc un diagnostic.",
)
### BEGIN HIDDEN TESTS
checks.check_number(
    taux_reidentification,
    name="taux_reidentification",
    expected=n_reidentifies / n_publies,
)
### END HIDDEN TESTS

# %% mistake="taux_reidentification"
# message : nombre de personnes de la liste électorale
taux_reidentification = n_reidentifies / len(liste_electorale)

# %% mistake="taux_reidentification"
# message : nombre de dossiers reliés à un nom
taux_reidentification = n_reidentifies

# %% mistake="taux_reidentification"
# message : reliés à aucun nom
taux_reidentification = 1 - n_reidentifies / len(registre_publie)

# %% mistake="taux_reidentification"
# message : part de patients uniques
taux_reidentification = part_uniques

# %% [markdown]
# Pourquoi pas tous les patients uniques ? Parce que la liste ne contient qu'une partie des
# patients : l'attaque réussit pour chaque patient unique **qui figure aussi** dans la liste.
# Une liste plus complète (un annuaire, un réseau social) en nommerait davantage. L'attaquant
# peut aussi se tromper : une personne absente du registre peut partager par hasard la
# combinaison d'un patient. Le générateur fournit le corrigé (`true_pseudonym`), qui permet de
# compter les erreurs :

# %%
vrai_pseudonyme = pd.Series(liste.true_pseudonym, index=liste_electorale.index)
noms_justes = (
    registre.loc[attaque.matches["released_index"], "pseudonym"].to_numpy()
    == vrai_pseudonyme.loc[attaque.matches["external_index"]].to_numpy()
)
print(f"Réidentifications exactes : {noms_justes.sum()} sur {n_reidentifies}")

# %% [markdown]
# ## 5. Généraliser : moins de détail, moins de risque
#
# Pour protéger les patients, on **généralise** les quasi-identifiants : la date de naissance
# devient un mois, une année, ou disparaît au profit d'une **classe d'âge** (par exemple 40-49
# ans) ; le code postal devient un **département**, puis une **région**. Les classes grossissent,
# k et l augmentent… et les données perdent en précision. L'explorateur ci-dessous mesure les
# deux à la fois, sur le registre et sur la liste électorale généralisée de la même façon
# (l'attaquant peut toujours transformer sa liste comme vous avez transformé le registre). L'âge
# est calculé au 1er janvier 2025, date de l'extrait, et les patients de 90 ans et plus sont
# regroupés.
#
# La **perte d'information** va de 0 (rien n'est perdu) à 1 (tout est confondu). Pour chaque
# patient et chaque attribut (âge, lieu, date de naissance), on compte les valeurs d'origine
# désormais confondues avec la sienne, rapportées à toutes les valeurs observées, puis on fait la
# moyenne. Avec cette mesure, publier l'année au lieu de la date de naissance perd peu, environ
# 1 % (calcul ci-dessous) : une année ne regroupe qu'une petite partie de toutes les dates de
# naissance observées. Ne plus publier la date du tout perd tout pour cet attribut.

# %%
annee_naissance = pd.DataFrame({"birth_date": pv.generalise_date(registre["birth_date"], "year")})
perte_annee = pv.information_loss(registre, annee_naissance, ["birth_date"])
print(f"Perte d'information en publiant l'année de naissance au lieu de la date : "
      f"{fr_percent(perte_annee)}")

# %% [markdown]
# Essayez, avec la souris ou les flèches du clavier :
#
# - publiez la date de naissance au **mois**, puis à l'**année** : que deviennent les lignes
#   uniques et les dossiers reliés à un nom ?
# - ne publiez plus la date de naissance, puis élargissez les **classes d'âge** et passez au
#   **département** puis à la **région** : à partir de quand le k dépasse-t-il 1 ?
# - regardez le **l** : même avec de grandes classes, reste-t-il une classe où tout le monde a
#   le même diagnostic ?

# %%
explorateur = AnonymisationExplorer(registre, liste_electorale, sensitive="diagnosis",
                                    reference="2025-01-01")
explorateur

# %% [markdown]
# Sur tout le registre, le k reste souvent égal à 1, même très généralisé. Voici les plus
# petites classes quand on publie seulement le sexe, la classe d'âge de dix ans et la région :

# %%
publie_region = pd.DataFrame(
    {
        "sexe": registre["sex"],
        "classe_age": pv.age_bands(pv.age_on(registre["birth_date"], "2025-01-01"), 10, top=90),
        "region": pv.generalise_place(registre["postcode"], "region"),
    }
)
plus_petites_classes = pv.class_sizes(publie_region, ["sexe", "classe_age", "region"]).head(4)
fr_table(plus_petites_classes, name="Patients dans la classe",
         index={"sexe": "Sexe", "classe_age": "Classe d'âge", "region": "Région"})

# %% [markdown]
# Les patients rares (une petite région, un âge peu fréquent) restent seuls ou presque. En
# pratique, on réduit aussi le **périmètre** publié. Prenons l'extrait d'un seul département,
# l'Hérault, où l'on publie seulement le **sexe** et la **classe d'âge** (le département est le
# même pour tous).

# %%
herault = registre_publie[registre_publie["departement"] == "34"]
age_herault = pv.age_on(herault["birth_date"], "2025-01-01")
print(f"Extrait de l'Hérault : {len(herault)} patients.")
sexes_herault = herault["sex"].to_numpy()  # les colonnes publiées, en tableaux simples
ages_herault = age_herault.to_numpy()


def k_herault(largeur):
    """k de l'extrait de l'Hérault publié avec le sexe et des classes d'âge de cette largeur."""
    publie = pd.DataFrame({"sexe": sexes_herault,
                           "classe_age": pv.age_bands(pd.Series(ages_herault), largeur, top=90)})
    return pv.k_anonymity(publie, ["sexe", "classe_age"])


print(f"Avec des classes d'âge de 1 an : k = {k_herault(1)}")

# %% [markdown]
# ### Question 3 — La plus petite généralisation qui atteint k ≥ 5 (2 points)
#
# Un seuil souvent retenu est **k ≥ 5** : chaque patient est confondu avec au moins quatre
# autres. Trouvez la **plus petite largeur** de classe d'âge (un nombre entier d'années) pour
# laquelle l'extrait de l'Hérault atteint k ≥ 5. Essayez des largeurs avec `k_herault(...)` :
# `k_herault(4)` donne le k avec des classes de 4 ans. Attention : en élargissant les classes,
# k ne monte pas toujours, car les limites des classes se déplacent.
#
# <details><summary>Indice 1</summary>
#
# Ajoutez une cellule (bouton « + ») et essayez `k_herault(2)`, `k_herault(3)`… jusqu'à la
# première largeur qui donne k ≥ 5.
# </details>
#
# <details><summary>Indice 2</summary>
#
# La réponse est une **largeur** (en années), pas une valeur de k : 5 est le k visé. Vérifiez
# que toutes les largeurs plus petites donnent k < 5.
# </details>

# %% answer="largeur_min"
largeur_min = ...
### BEGIN SOLUTION
largeur_min = min(w for w in range(1, 31) if k_herault(w) >= 5)
### END SOLUTION

# %% tests="largeur_min" points=2
# Vérification de la question 3 : exécutez cette cellule.
valeur_largeur = checks.require_number(largeur_min, name="largeur_min")


def k_publie(largeur):
    """k de l'extrait de l'Hérault publié avec le sexe et des classes d'âge de cette largeur."""
    classes = pd.DataFrame({"sexe": sexes_herault,
                            "classe_age": pv.age_bands(pd.Series(ages_herault), largeur, top=90)})
    return pv.k_anonymity(classes, ["sexe", "classe_age"])


checks.expect(
    valeur_largeur == int(valeur_largeur) and 1 <= valeur_largeur <= 30,
    f"une largeur de classe est un nombre entier d'années entre 1 et 30 ; vous avez donné "
    f"{valeur_largeur:g}.",
    name="largeur_min",
)
k_obtenu = k_publie(int(valeur_largeur))
checks.expect(
    k_obtenu >= 5,
    f"avec des classes de {int(valeur_largeur)} ans, k = {k_obtenu} : au moins une classe compte "
    "moins de 5 patients. "
    + ("Vous avez répondu 5 : c'est le k visé, pas la largeur ; cherchez la largeur pour "
       "laquelle k atteint 5." if valeur_largeur == 5 else "Essayez des classes plus larges."),
    name="largeur_min",
)
plus_petites = [w for w in range(1, int(valeur_largeur)) if k_publie(w) >= 5]
checks.expect(
    not plus_petites,
    f"k = {k_obtenu} convient, mais une largeur plus petite suffit déjà : des classes plus "
    "étroites gardent plus d'information pour les chercheurs. Essayez des largeurs plus petites.",
    name="largeur_min",
)
print(f"\u2714 Correct (largeur_min) : avec des classes de {int(valeur_largeur)} ans, "
      f"k = {k_obtenu}.")
### BEGIN HIDDEN TESTS
checks.check_number(
    largeur_min, name="largeur_min",
    expected=min(w for w in range(1, 31) if k_publie(w) >= 5),
)
### END HIDDEN TESTS

# %% mistake="largeur_min"
# message : c'est le k visé, pas la largeur
largeur_min = 5

# %% mistake="largeur_min"
# message : une largeur plus petite suffit
largeur_min = 10

# %% mistake="largeur_min"
# message : nombre entier d'années
largeur_min = 0.5

# %% [markdown]
# Regardez ce que coûte cette protection : avec des classes de cette largeur, un chercheur ne
# distingue plus deux patients dont l'âge diffère de plusieurs années, ni deux communes du
# département. Protéger, c'est toujours choisir ce que l'on accepte de perdre.
#
# ## 6. Les trois risques du G29
#
# Les autorités européennes de protection des données, réunies dans le **groupe de travail
# « Article 29 »** (G29, remplacé en 2018 par le Comité européen de la protection des données,
# CEPD), ont publié en 2014 un avis sur les techniques d'anonymisation (avis 05/2014, dit
# WP216). L'avis examine trois risques :
#
# - l'**individualisation** (*singling out*) : peut-on isoler la ligne d'une personne ?
#   (des lignes uniques, k = 1) ;
# - la **corrélation** (*linkability*) : peut-on relier des données concernant la même personne
#   ou le même groupe de personnes, dans une même base ou dans deux bases différentes ?
#   (l'attaque par croisement) ;
# - l'**inférence** (*inference*) : peut-on déduire, avec une probabilité élevée, une
#   information sur une personne à partir des autres ? (par exemple l = 1 : le diagnostic se
#   déduit de la classe).
#
# L'avis juge robuste une publication qui résiste aux trois risques ; sinon, il faut évaluer le
# risque de réidentification au cas par cas. Il rappelle aussi que la pseudonymisation n'est pas
# une méthode d'anonymisation : elle réduit seulement le lien entre les données et l'identité
# d'origine.
#
# ### Question 4 — Quel risque n'est pas maîtrisé ? (2 points)
#
# Une association publie un tableau de patients hospitalisés : sexe, classe d'âge de dix ans,
# département et diagnostic. Elle a vérifié que le tableau est **8-anonyme** : chaque combinaison
# (sexe, classe d'âge, département) regroupe au moins 8 patients, et le croisement avec la liste
# électorale ne relie **aucun** dossier à un seul nom. Mais dans la classe « hommes, 30-39 ans,
# Lozère », les 8 patients ont tous le même diagnostic, B20 (maladie due au VIH). Le voisin
# d'un de ces patients sait seulement que celui-ci, homme de 34 ans habitant en Lozère, a été
# hospitalisé.
#
# Par lequel des trois risques du G29 le voisin apprend-il le diagnostic ? Répondez par l'un des
# textes `"individualisation"`, `"corrélation"` ou `"inférence"` (avec les guillemets).
#
# <details><summary>Indice 1</summary>
#
# Le voisin peut-il retrouver **la ligne** de ce patient ? Peut-il lui donner un nom grâce à la
# liste électorale ? Qu'apprend-il pourtant ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Il ne sait pas laquelle des 8 lignes est celle de son voisin. Que disent ces 8 lignes sur le
# diagnostic, et qu'en conclut-il ? Relisez les définitions des trois risques.
# </details>

# %% answer="critere_g29"
critere_g29 = ...
### BEGIN SOLUTION
critere_g29 = "inférence"
### END SOLUTION

# %% tests="critere_g29" points=2
# Vérification de la question 4 : exécutez cette cellule.
options_g29 = ["individualisation", "corrélation", "inférence"]
checks.check_choice(
    critere_g29,
    name="critere_g29",
    options=options_g29,
    digest="457f5a7311c14e4d",
    mistakes=[
        checks.Mistake("individualisation",
                       "le tableau est 8-anonyme : aucune ligne n'est isolée, chaque patient est "
                       "confondu avec au moins sept autres. Le problème n'est pas d'isoler une "
                       "ligne, mais ce que disent toutes les lignes de la classe."),
        checks.Mistake("corrélation",
                       "le croisement avec la liste électorale ne relie aucun dossier à un seul "
                       "nom : aucun dossier n'est relié à une personne précise. Pourtant le "
                       "voisin apprend le diagnostic : comment ?"),
    ],
    success="le diagnostic se déduit de la classe (l = 1), sans isoler ni nommer personne.",
)
### BEGIN HIDDEN TESTS
checks.check_choice(critere_g29, name="critere_g29", options=options_g29, expected="inférence")
### END HIDDEN TESTS

# %% mistake="critere_g29"
# message : le tableau est 8-anonyme
critere_g29 = "individualisation"

# %% mistake="critere_g29"
# message : aucun dossier n'est relié à une personne précise
critere_g29 = "corrélation"

# %% mistake="critere_g29"
# message : n'est pas l'une des options
critere_g29 = "l-diversité"

# %% [markdown]
# Le k-anonymat protège contre l'individualisation, pas contre l'inférence : c'est pour cela que
# l'on mesure aussi la l-diversité. Elle a ses propres limites : une classe peut compter
# plusieurs diagnostics différents mais très proches (trois maladies de l'estomac, par exemple),
# ou une maladie rare bien plus fréquente que dans l'ensemble du tableau ; l'attaquant en apprend
# alors encore beaucoup (Li et al., 2007).
#
# Ne publier qu'un **échantillon** des patients ne protège pas non plus : chaque patient de
# l'échantillon peut rester unique dans toute la population. Rocher et al. (2019) ont estimé
# que 99,98 % des Américains seraient correctement réidentifiés dans n'importe quel jeu de
# données contenant 15 attributs démographiques, même très incomplet.
#
# ## 7. Réflexion — Quand un jeu de données est-il assez anonyme pour être partagé ?
#
# *(3 points, corrigée par l'enseignant.)*
#
# En 10 à 15 lignes : la start-up de la section 1 demande l'extrait du registre. Que
# proposeriez-vous de publier ou de transmettre (quels attributs, à quel niveau de détail, à qui,
# sous quelles conditions) ? Appuyez-vous sur **au moins un chiffre** obtenu dans ce module
# (lignes uniques, k, l, part de dossiers reliés à un nom, perte d'information) et sur **au
# moins un** des trois risques du G29. Que perdent les chercheurs, et que gagnent les patients ?

# %% [markdown] written="reflexion_anonymat" points=3
# ### BEGIN SOLUTION
# *Guide de correction (enseignants ; retiré de la version étudiante).*
#
# - **1 point** — Le droit, juste : des données pseudonymisées restent des données personnelles
#   (RGPD art. 4(5), considérant 26) ; l'anonymat s'apprécie au regard de tous les moyens
#   raisonnables, y compris le croisement avec d'autres sources (risque de corrélation du G29).
#   Pénaliser « on a enlevé les noms, donc c'est anonyme ».
# - **1 point** — Un chiffre du module, juste et interprété : p. ex. la part de lignes uniques
#   sur (date de naissance, sexe, code postal), la part de dossiers reliés à un nom par la liste
#   électorale, le k et le l après généralisation, ou la perte d'information qui l'accompagne.
#   L'étudiant relie k à l'individualisation et l à l'inférence.
# - **1 point** — Une proposition argumentée et proportionnée (valeurs V5, usage responsable et
#   éclairé, et V7, partage et collaboration) : généraliser (classes d'âge, département ou
#   région, année), réduire le périmètre, vérifier k et l, ou ne pas publier mais transmettre
#   des données pseudonymisées dans un cadre contrôlé (contrat, finalité, hébergement, analyse
#   d'impact) ; reconnaître le coût pour la recherche et le bénéfice du partage. Accepter toute
#   position argumentée ; pénaliser une réponse qui présente un seuil (k = 5) comme une garantie
#   absolue.
# ### END SOLUTION

# %% [markdown]
# ## À retenir
#
# - **Pseudonymiser** (remplacer le nom par un numéro) n'est pas **anonymiser** : les données
#   pseudonymisées restent personnelles et soumises au RGPD (article 4(5), considérant 26).
# - Des attributs anodins, les **quasi-identifiants** (date de naissance, sexe, code postal),
#   suffisent à isoler presque chaque patient, et une liste nominative suffit à les **nommer**.
# - Le **k** (taille de la plus petite classe) mesure le risque d'individualisation ; le **l**
#   (plus petit nombre de valeurs sensibles différentes dans une classe) le risque d'inférence.
# - **Généraliser** réduit le risque mais coûte de l'information : on cherche la plus petite
#   généralisation suffisante, et on vérifie que la publication résiste aux **trois risques du
#   G29** (individualisation, corrélation, inférence).
#
# ## Sources
#
# - Règlement (UE) 2016/679 du 27 avril 2016 (RGPD), article 4(5) (définition de la
#   pseudonymisation) et considérant 26 (données pseudonymisées et données anonymes).
# - Groupe de travail « Article 29 » sur la protection des données. Avis 05/2014 sur les
#   techniques d'anonymisation (WP216), adopté le 10 avril 2014.
# - Sweeney L. *Simple demographics often identify people uniquely*. Carnegie Mellon
#   University, Data Privacy Working Paper 3, Pittsburgh, 2000 (87 % de la population des
#   États-Unis, 216 millions sur 248 millions, probablement uniques sur code postal, sexe et
#   date de naissance, d'après le recensement de 1990).
# - Golle P. Revisiting the uniqueness of simple demographics in the US population.
#   *Proceedings of the 5th ACM Workshop on Privacy in Electronic Society (WPES)*, 2006
#   (63 % d'après le recensement de 2000).
# - Rocher L, Hendrickx JM, de Montjoye YA. Estimating the success of re-identifications in
#   incomplete datasets using generative models. *Nature Communications* 2019;10:3069.
# - Sweeney L. k-anonymity: a model for protecting privacy. *International Journal of
#   Uncertainty, Fuzziness and Knowledge-Based Systems* 2002;10(5):557-570 (croisement des
#   données médicales des employés de l'État du Massachusetts avec la liste électorale de
#   Cambridge).
# - Machanavajjhala A, Kifer D, Gehrke J, Venkitasubramaniam M. ℓ-diversity: privacy beyond
#   k-anonymity. *ACM Transactions on Knowledge Discovery from Data* 2007;1(1):3.
# - Li N, Li T, Venkatasubramanian S. t-Closeness: privacy beyond k-anonymity and l-diversity.
#   *IEEE International Conference on Data Engineering (ICDE)*, 2007 (limites de la l-diversité :
#   attaques par asymétrie et par similarité).
# - Données : registre et liste électorale **synthétiques** générés par
#   `esn_teach.datasets.make_french_registry` et `make_voter_list` (graines 11 et 12) ; fiches
#   `esn_teach/datasets/cards/french_registry.md` et `voter_list.md`. Codes CIM-10 de
#   l'Organisation mondiale de la santé.
