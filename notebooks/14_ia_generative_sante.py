# %% [markdown] session="formative"
# # Module 14 — IA générative en santé
#
# *Cours « IA et santé » — École de santé numérique, Université de Montpellier.*
#
# **Prérequis** : aucun en programmation ; une calculatrice (celle de l'ordinateur suffit).
#
# **Cette version est un entraînement** : rien n'y est noté, et chaque vérification nomme
# l'erreur probable. La micro-certification se passe sur une autre version, avec d'autres cas.
# Deux parties, à faire d'une traite ou en deux fois (l'en-tête commun ci-dessous les appelle
# « en séance » et « après la séance »).

# %% [markdown] session="evaluation"
# # Module 14 — IA générative en santé
#
# *Cours « IA et santé » — École de santé numérique, Université de Montpellier.*
#
# **Prérequis** : aucun en programmation ; une calculatrice (celle de l'ordinateur suffit).
#
# **Cette copie est l'évaluation de la micro-certification « IA générative en santé ».** Ce
# que l'en-tête commun ci-dessous ne dit pas, sauf autre consigne de votre enseignant :
#
# - **Où et quand** : à distance, seul·e, sans surveillance, en **deux temps d'une heure au
#   plus** (un ou deux jours) : les parties 1 (« en séance ») et 2 (« après la séance »), notées
#   toutes deux.
# - **Agents conversationnels** : interdits, sur l'honneur (V6 — Intégrité et transparence).
# - **Rendre** : une seule fois, les deux parties faites, avant la date annoncée.

# %% [markdown]
# ## Ce que vous saurez faire à la fin de ce module
#
# 1. Expliquer comment un **modèle de langage** écrit : une probabilité pour chaque mot
#    suivant, puis un tirage au sort.
# 2. Calculer la **perplexité** d'une phrase et l'effet de la **température**.
# 3. Repérer une **dose hors corpus** dans un texte généré, et dire pourquoi un texte fluide
#    n'est pas un texte vrai.
# 4. Partie 2 : dire quelles **données personnelles** quittent l'hôpital avec un dossier collé
#    dans un agent conversationnel, et quel texte s'applique ; mesurer ce qu'un outil de
#    **désidentification** laisse passer ; dire quoi faire, et à qui le déclarer, quand une
#    dose fausse générée atteint un patient.
#
# > **Les valeurs de l'école dans ce module**
# >
# > - **V1 — Priorité à la relation humaine** : un texte généré ne remplace ni l'examen ni la
# >   parole du soignant.
# > - **V4 — Prudence, esprit critique et inclusivité** : un texte fluide peut être faux ; on
# >   vérifie chaque dose.
# > - **V5 — Utilisation responsable et éclairée** : savoir ce que l'outil envoie, et à qui.
# > - **V6 — Intégrité et transparence** : dire qu'une IA a aidé à rédiger (règle de l'école).
# >
# > **Cadre de l'éthique du numérique en santé (CENS)** : non-malfaisance (dose sans appui,
# > secret divulgué), autonomie (le patient décide de l'usage de ses données), bienfaisance
# > (temps gagné pour le soin), justice (formules fondées sur la « race », section 7),
# > écoresponsabilité (l'énergie de chaque requête).
#
# ## Mode d'emploi
#
# - Exécutez les cellules **dans l'ordre** (cliquez dedans, puis **Maj + Entrée**) ; d'une
#   cellule de code sans question, lisez ce qu'elle affiche, pas son code.
# - Remplacez les `...` par votre réponse, exécutez la cellule, puis la **« Vérification »** en
#   dessous. Des **indices** sont repliés sous chaque question.
# - Gardez le nom de la variable ; décimales avec un **point** (`0.25`) ; un texte entre
#   guillemets (accents et majuscules n'y comptent pas).
# - **Points partiels** (questions à plusieurs cas) : un cas juste rapporte sa part, un cas
#   faux en retire un peu. **Si vous hésitez entre deux réponses, laisser `...` ne coûte
#   rien ; répondre au hasard ne rapporte rien en moyenne** (sauf en 3b, sans pénalité :
#   le hasard y vaut 0,25 point).
#
# **Les données sont synthétiques** : notes cliniques inventées par un programme ; aucun nom,
# aucune date, aucune dose ne vient d'un vrai dossier.

# %% [markdown]
# **Partie 1 (sections 1 à 3, questions 1 à 3b, 4 points sur 10).**
#
# ## 1. Un modèle de langage prédit le mot suivant
#
# Un **modèle de langage** lit le début d'un texte et donne, pour chaque mot qu'il connaît, la
# **probabilité** d'être le mot suivant. Pour écrire, il tire un mot au sort selon ces
# probabilités, l'ajoute au texte, et recommence. Les agents conversationnels (*chatbots*)
# comme ChatGPT suivent le même principe, mais un **réseau de neurones** calcule les
# probabilités en lisant un long passage (des pages entières). Le nôtre, minuscule, se
# vérifie à la main.
#
# C'est un **modèle à trigrammes** : pour deviner le mot suivant, il ne regarde que les **deux
# derniers mots**, et compte, dans les notes qu'il a lues, ce qui les a suivis (tout mot connu
# garde une petite chance). Il apprend sur des comptes rendus **synthétiques**, tirés au
# hasard ; ce hasard est fixé : chacun obtient les mêmes notes.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il crée les notes, entraîne le modèle, affiche une note
# et les mots les plus probables après « Examen : ».
import math

import pandas as pd
from IPython.display import HTML, display

from esn_teach import checks, fr_percent, fr_table, law
from esn_teach.datasets import data_card, make_clinical_notes
from esn_teach.explorers import GenerationExplorer
from esn_teach.generative import NGramModel, prescription_audit

notes = make_clinical_notes(n_samples=400, random_state=14)
modele = NGramModel(n=3).fit(notes.frame["text"])
print(f"Notes synthétiques : {len(notes.frame)} ; mots et signes lus par le modèle : "
      f"{modele.n_tokens:,} ; mots différents qu'il connaît : {len(modele.vocabulary)}."
      .replace(",", " "))
print("\nUne note du corpus :\n" + notes.frame["text"].iloc[1])
display(data_card(notes, title="Fiche descriptive des notes cliniques"))
print("Ce que le modèle propose après « Examen : » : les mots suivants les plus probables.")
suivants = modele.top_next("Examen :", k=5)
display(fr_table(suivants[["token", "p"]].set_index("token"), caption="Les mots les plus probables après « Examen : »",
                 columns={"p": "probabilité"}, index={"token": "mot suivant"}))

# %% [markdown]
# ### La perplexité : le modèle est-il surpris ?
#
# Pour juger un modèle, on lui fait lire une phrase en notant la probabilité qu'il donnait à
# chaque mot. La **perplexité** résume ces probabilités :
#
# $$\text{perplexité} = \exp\Big(\text{moyenne des } -\ln p\Big)
# = \frac{1}{\text{moyenne géométrique des } p}$$
#
# (la moyenne géométrique de quatre nombres est la racine quatrième de leur produit ; la
# deuxième forme suffit pour calculer). Plus elle est **basse**, moins le modèle est surpris :
# à 4, il hésitait en moyenne comme entre 4 mots également probables.
#
# Elle sert à **comparer des modèles** ; mais « moins surpris » n'est pas « plus vrai ».

# %% [markdown] session="formative"
# ### Question 1 — La perplexité d'une phrase (1 point)
#
# Un modèle a lu la phrase « le patient est vu » et donné ces probabilités :
#
# | mot | le | patient | est | vu |
# |---|---|---|---|---|
# | probabilité | 0,5 | 0,2 | 0,8 | 0,25 |
#
# Quelle est la **perplexité** de cette phrase ? Donnez un nombre (vérifié à 2 décimales) ;
# vous pouvez écrire le calcul en Python, par exemple `(0.5 * 0.2) ** (1 / 2)` pour une racine
# carrée. En Python, `**` veut dire « puissance », et se calcule avant `*` et `/` : entourez de
# parenthèses tout ce que la puissance concerne (le produit d'un côté, l'exposant `(1 / 4)` de
# l'autre), comme dans l'exemple.
#
# <details><summary>Indice 1</summary>
#
# Une perplexité vaut au moins 1, une moyenne de probabilités au plus 1 : quelle forme de la
# formule relie les deux ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Deuxième forme : quelle moyenne, géométrique ou ordinaire ? Et qu'en fait-on ensuite ? Ce
# n'est ni la moyenne des inverses, ni l'inverse du produit.
# </details>
#
# <details><summary>Indice 3</summary>
#
# La moyenne géométrique de quatre nombres, c'est leur produit à la puissance `(1 / 4)` ; la
# perplexité en est l'inverse.
# </details>

# %% [markdown] session="evaluation"
# ### Question 1 — La perplexité d'une phrase (1 point)
#
# Un modèle a lu la phrase « la plaie est propre ». Sous cette question : **vos**
# probabilités, mot par mot, et **votre tâche** : la perplexité de trois des quatre mots (la
# formule vaut pour les mots qu'on choisit de juger ; lesquels, ici, change d'une copie à
# l'autre : lisez bien). Donnez un nombre (vérifié à 2 décimales), ou le calcul en Python :
# `**` (puissance) se calcule avant `*` et `/` ; entourez de parenthèses le produit et
# l'exposant, comme dans `(0.5 * 0.2) ** (1 / 2)` (une racine carrée).
#
# <details><summary>Indice 1</summary>
#
# Une perplexité vaut au moins 1, une moyenne de probabilités au plus 1 : quelle forme de la
# formule relie les deux ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Deuxième forme : quelle moyenne, géométrique ou ordinaire ? Et qu'en fait-on ensuite ? Ce
# n'est ni la moyenne des inverses, ni l'inverse du produit.
# </details>
#
# <details><summary>Indice 3</summary>
#
# La moyenne géométrique de trois nombres, c'est leur produit à la puissance `(1 / 3)` (la
# racine cubique) ; la perplexité en est l'inverse. Ne prenez que les trois probabilités des
# mots que votre tâche désigne.
# </details>

# %% session="formative"
probabilites_phrase = [0.5, 0.2, 0.8, 0.25]

# %% session="evaluation"
# Vos cas : ils sont tirés à partir de votre identifiant (la même copie les retrouve à la
# correction). La première ligne affichée dit de qui est cette copie.
from esn_teach.generative import copy_order, dose_cases, exam_cases, incident_scenario

graine = checks.student_seed("14")
cas = exam_cases(graine)
probabilites_phrase = list(cas.sentence_probabilities)
print("Vos probabilités, mot par mot : " + " ; ".join(
    f"« {mot} » {str(p).replace('.', ',')}"
    for mot, p in zip(cas.sentence, probabilites_phrase, strict=True)))
print("En Python, la même liste : probabilites_phrase =", probabilites_phrase)
print("Votre tâche (question 1) : calculez " + cas.sentence_task + ".")

# %% answer="perplexite" session="formative"
perplexite = ...
### BEGIN SOLUTION
perplexite = 1 / (0.5 * 0.2 * 0.8 * 0.25) ** (1 / 4)
### END SOLUTION

# %% tests="perplexite" points=1 session="formative"
# Vérification de la question 1 : exécutez cette cellule.
valeur_perplexite = checks.require_number(perplexite, name="perplexite")
checks.check_number(
    perplexite,
    name="perplexite",
    digest="625c3d0ff8e674b3",
    decimals=2,
    bounds=(1, 1000),
    percent_is_mistake=False,
    mistakes=[
        checks.Mistake(None, "vous avez fait la moyenne ordinaire des inverses (1/p). La "
                       "perplexité utilise la moyenne géométrique : multipliez les "
                       "probabilités, prenez la racine quatrième, puis l'inverse.",
                       digest="cfd3f384c106448a"),
        checks.Mistake(None, "vous avez pris l'inverse du produit, sans la racine quatrième : "
                       "c'est la surprise de toute la phrase, pas celle d'un mot en moyenne.",
                       digest="be3c779917c1d562"),
        checks.Mistake(None, "vous avez calculé la moyenne des -ln p sans prendre "
                       "l'exponentielle à la fin.", digest="c89bc6705e1ec1e6"),
        checks.Mistake(None, "vous avez calculé l'inverse de la moyenne ordinaire des "
                       "probabilités : la perplexité utilise la moyenne géométrique.",
                       digest="2bfc9032b0704b5f"),
        checks.Mistake(None, "vous avez additionné les -ln p au lieu d'en faire la moyenne, "
                       "et oublié l'exponentielle.", digest="769d436ecb17f6a1"),
        checks.Mistake(None, "c'est la moyenne géométrique des probabilités : une probabilité "
                       "moyenne, inférieure à 1. Relisez la formule : la perplexité n'est pas "
                       "cette moyenne elle-même.", digest="6bb4c8cd4bb9cc96"),
        checks.Mistake(None, "vous avez fait la moyenne ordinaire des probabilités (leur "
                       "somme divisée par 4) : une probabilité moyenne, inférieure à 1. La "
                       "perplexité part de la moyenne géométrique (racine quatrième du "
                       "produit), puis en prend l'inverse.",
                       digest="2fb9060291aeeb87"),
        checks.Mistake(None, "vous avez seulement multiplié les probabilités : c'est la "
                       "probabilité de toute la phrase. La formule demande encore deux étapes.",
                       digest="9d4d9aa81a09d01e"),
        checks.Mistake(12.5, "il manque des parenthèses autour de l'exposant : `** 1 / 4` élève "
                       "à la puissance 1, puis divise par 4. Écrivez `** (1 / 4)`."),
        checks.Mistake(1 / 0.5 * 0.2 * 0.8 * 0.25 ** (1 / 4), "il manque des parenthèses autour "
                       "du produit : `**` se calcule avant `*` et `/`, si bien que seule la "
                       "dernière probabilité a été mise à la puissance 1/4."),
        checks.Mistake(1 / (0.5 * 0.2 * 0.8 * 0.25 ** (1 / 4)), "il manque des parenthèses "
                       "autour du produit, avant la puissance : seule la dernière probabilité "
                       "a été mise à la puissance 1/4."),
    ],
    hint="Une perplexité est au moins 1 : c'est l'inverse d'une moyenne de probabilités.",
    success=f"{valeur_perplexite:.2f}".replace(".", ",") + " : en moyenne, le modèle hésitait "
    "comme entre deux ou trois mots également probables.",
    points=1,
)
### BEGIN HIDDEN TESTS
checks.check_number(perplexite, name="perplexite", decimals=2,
                    expected=math.exp(-sum(math.log(p) for p in probabilites_phrase) / 4),
                    points=1)
### END HIDDEN TESTS

# %% mistake="perplexite" session="formative"
# message : la moyenne ordinaire des inverses
perplexite = (1 / 0.5 + 1 / 0.2 + 1 / 0.8 + 1 / 0.25) / 4

# %% mistake="perplexite" session="formative"
# message : l'inverse du produit, sans la racine quatrième
perplexite = 1 / (0.5 * 0.2 * 0.8 * 0.25)

# %% mistake="perplexite" session="formative"
# message : la moyenne ordinaire des
perplexite = 1 / ((0.5 + 0.2 + 0.8 + 0.25) / 4)

# %% mistake="perplexite" session="formative"
# message : additionné les -ln p
perplexite = -sum(math.log(p) for p in [0.5, 0.2, 0.8, 0.25])

# %% mistake="perplexite" session="formative"
# message : c'est la moyenne géométrique des probabilités
perplexite = (0.5 * 0.2 * 0.8 * 0.25) ** (1 / 4)

# %% mistake="perplexite" session="formative"
# message : vous avez seulement multiplié les probabilités
perplexite = 0.5 * 0.2 * 0.8 * 0.25

# %% mistake="perplexite" session="formative"
# message : la moyenne ordinaire des probabilités (leur somme
perplexite = (0.5 + 0.2 + 0.8 + 0.25) / 4

# %% mistake="perplexite" session="formative"
# message : il manque des parenthèses autour de l'exposant
perplexite = 1 / (0.5 * 0.2 * 0.8 * 0.25) ** 1 / 4

# %% mistake="perplexite" session="formative"
# message : il manque des parenthèses autour du produit : `**`
perplexite = 1 / 0.5 * 0.2 * 0.8 * 0.25 ** (1 / 4)

# %% answer="perplexite" session="evaluation"
perplexite = ...
### BEGIN SOLUTION
from esn_teach.generative._exam import _perplexity_task

p_a, p_b, p_c = (probabilites_phrase[i] for i in _perplexity_task(graine))
perplexite = 1 / (p_a * p_b * p_c) ** (1 / 3)
### END SOLUTION

# %% tests="perplexite" points=1 session="evaluation"
# Vérification de la question 1 : exécutez cette cellule.
checks.check_form(perplexite, name="perplexite", kind="number", decimals=2, bounds=(1, 1000),
                  percent_is_mistake=False)
### BEGIN HIDDEN TESTS
from esn_teach.generative import exam_cases as cas_copie_q1
from esn_teach.generative._exam import _perplexity_task as tache_copie_q1

q1 = cas_copie_q1(checks.student_seed("14", announce=False))
mots_q1 = tache_copie_q1(checks.student_seed("14", announce=False))
pa, pb, pc = (q1.sentence_probabilities[i] for i in mots_q1)
produit_q1 = pa * pb * pc
# The key: 1 / geometric mean of the three asked words' probabilities (the package has none).
cle_q1 = 1 / produit_q1 ** (1 / 3)
autres_mots_q1 = (1, 2, 3) if mots_q1 == (0, 1, 2) else (0, 1, 2)
erreurs_q1 = [
    checks.Mistake(1 / math.prod(q1.sentence_probabilities[i] for i in autres_mots_q1)
                   ** (1 / 3), "cette réponse correspond à une autre consigne que la "
                   "vôtre (la perplexité des trois autres mots) : relisez ce que demande votre énoncé, "
                   "sous vos probabilités, et ne prenez que les mots qu'il désigne."),
    checks.Mistake(1 / math.prod(q1.sentence_probabilities) ** (1 / 4), "c'est la perplexité "
                   "des quatre mots : votre énoncé n'en demande que trois (relisez votre tâche, "
                   "sous vos probabilités), avec la racine cubique."),
    checks.Mistake((1 / pa + 1 / pb + 1 / pc) / 3, "vous avez fait la moyenne "
                   "ordinaire des inverses (1/p). La perplexité utilise la moyenne géométrique : "
                   "multipliez les probabilités, prenez la racine cubique, puis l'inverse."),
    checks.Mistake(1 / produit_q1, "vous avez pris l'inverse du produit, sans la racine "
                   "cubique : c'est la surprise de ces trois mots ensemble, pas celle d'un mot "
                   "en moyenne."),
    checks.Mistake(-math.log(produit_q1) / 3, "vous avez calculé la moyenne des -ln p sans "
                   "prendre l'exponentielle à la fin."),
    checks.Mistake(3 / (pa + pb + pc), "vous avez calculé l'inverse de la moyenne "
                   "ordinaire des probabilités : la perplexité utilise la moyenne géométrique."),
    checks.Mistake(-math.log(produit_q1), "vous avez additionné les -ln p au lieu d'en faire la "
                   "moyenne, et oublié l'exponentielle."),
    checks.Mistake(produit_q1 ** (1 / 3), "c'est la moyenne géométrique des probabilités : une "
                   "probabilité moyenne, inférieure à 1. Relisez la formule : la perplexité n'est "
                   "pas cette moyenne elle-même."),
    checks.Mistake((pa + pb + pc) / 3, "vous avez fait la moyenne ordinaire des "
                   "probabilités (leur somme divisée par 3) : une probabilité moyenne, inférieure "
                   "à 1. La perplexité part de la moyenne géométrique, puis en prend l'inverse."),
    checks.Mistake(produit_q1, "vous avez seulement multiplié les probabilités : c'est la "
                   "probabilité de ces trois mots ensemble. La formule demande encore deux "
                   "étapes."),
    checks.Mistake(1 / produit_q1 / 3, "il manque des parenthèses autour de l'exposant : "
                   "`** 1 / 3` élève à la puissance 1, puis divise par 3. Écrivez `** (1 / 3)`."),
    checks.Mistake(produit_q1 / 3, "il manque des parenthèses autour de l'exposant : `** 1 / 3` "
                   "élève le produit à la puissance 1, puis divise par 3. Écrivez "
                   "`** (1 / 3)`, puis prenez l'inverse."),
    checks.Mistake(1 / pa * pb * pc ** (1 / 3), "il manque des parenthèses autour du "
                   "produit : `**` se calcule avant `*` et `/`, si bien que seule la dernière "
                   "probabilité a été mise à la puissance 1/3."),
    checks.Mistake(1 / produit_q1 ** (1 / 4), "vous avez pris la racine quatrième, comme à "
                   "l'entraînement : avec trois mots, la moyenne géométrique est la racine "
                   "cubique, puissance `(1 / 3)`."),
    checks.Mistake(1 / (0.5 * 0.2 * 0.8 * 0.25) ** 0.25, "c'est la perplexité de la phrase de "
                   "l'entraînement (« le patient est vu ») : refaites le calcul avec vos "
                   "probabilités."),
]
# A mistake that would round to the key is no mistake (none does for the seeds the tests try).
erreurs_q1 = [e for e in erreurs_q1 if round(e.value, 2) != round(cle_q1, 2)]
checks.check_number(perplexite, name="perplexite", decimals=2, expected=cle_q1,
                    percent_is_mistake=False, mistakes=erreurs_q1,
                    hint="Une perplexité est au moins 1 : c'est l'inverse d'une moyenne de "
                    "probabilités, ici celles des trois mots que votre tâche désigne.",
                    success=f"{cle_q1:.2f}".replace(".", ",") + " : en moyenne, sur ces trois "
                    "mots, le modèle hésitait comme entre " + f"{cle_q1:.1f}".replace(".", ",")
                    + " mots également probables.",
                    points=1)
### END HIDDEN TESTS

# %% mistake="perplexite" session="evaluation"
# message : la moyenne ordinaire des inverses
from esn_teach.generative._exam import _perplexity_task

perplexite = sum(1 / probabilites_phrase[i] for i in _perplexity_task(graine)) / 3

# %% mistake="perplexite" session="evaluation"
# message : correspond à une autre consigne que la
from esn_teach.generative._exam import _perplexity_task

autres = (1, 2, 3) if _perplexity_task(graine) == (0, 1, 2) else (0, 1, 2)
perplexite = 1 / math.prod(probabilites_phrase[i] for i in autres) ** (1 / 3)

# %% mistake="perplexite" session="evaluation"
# message : c'est la perplexité des quatre mots
perplexite = 1 / math.prod(probabilites_phrase) ** (1 / 4)

# %% mistake="perplexite" session="evaluation"
# message : vous avez pris la racine quatrième, comme à l'entraînement
from esn_teach.generative._exam import _perplexity_task

perplexite = 1 / math.prod(probabilites_phrase[i] for i in _perplexity_task(graine)) ** (1 / 4)

# %% [markdown]
# ## 2. La température : choisir plus ou moins audacieusement
#
# Avant de tirer au sort, on peut changer les probabilités avec une **température** T :
# chaque probabilité est élevée à la puissance 1/T, puis toutes sont divisées par leur somme
# (pour que le total fasse encore 1).
#
# - T **inférieure à 1** : les mots probables le deviennent encore plus ; texte répétitif.
# - T **supérieure à 1** : les probabilités s'aplatissent ; des mots rares sortent ; texte
#   varié, puis incohérent.
#
# Essayez l'explorateur : choisissez un début de texte (en anglais *prompt*), bougez la
# température (flèches du clavier) et le numéro du tirage. Il donne des pourcentages (14,9 %),
# les tableaux du module des proportions (0,149) : c'est le même nombre.

# %%
debuts = ["Traitement : paracétamol, un comprimé de",
          "Traitement : lévothyroxine, un comprimé de",
          "Examen :",
          "Mme Sandrine",
          "Prochain rendez-vous le"]
explorateur = GenerationExplorer(modele, debuts, temperature=1.0, draw=1)
explorateur

# %% [markdown]
# <details><summary>Ce qu'il fallait voir (ouvrez après avoir essayé)</summary>
#
# À basse température, la suite garde le plus souvent **le même plan** d'un tirage à l'autre
# (une dose, un moment de prise, puis « Prochain rendez-vous ») ; mais **la dose change
# encore** (5 mg, 2,5 mg, 10 mg…) : les premiers mots du tableau ont des probabilités proches,
# et même refroidies, plusieurs doses restent possibles. À température 2, la suite mélange des
# morceaux de notes sans suite logique. Après « un comprimé de », regardez les
# doses proposées, et le médicament qu'elles suivent : la section 3 y revient.
# </details>

# %% [markdown] session="formative"
# ### Question 2 — L'effet de la température (1 point)
#
# Après un début de phrase, un modèle donne trois mots possibles, de probabilités 0,6 ; 0,3 et
# 0,1 (à la température 1). Quelle est la probabilité du **premier** mot à la température
# **T = 0,5** ? Donnez un nombre entre 0 et 1 (vérifié à 3 décimales). Écrivez le calcul en
# Python (`**` veut dire « puissance » ; des parenthèses autour de ce qui va ensemble : Python
# fait `**`, puis `*` et `/`, puis `+`).
#
# <details><summary>Indice 1</summary>
#
# Avec T = 0,5, la puissance 1/T vaut 2 : élevez chaque probabilité au carré.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Les trois carrés ne font plus 1 au total. Relisez la définition au début de la section : que
# fait-on pour que les nouvelles probabilités fassent de nouveau 1 ?
# </details>

# %% [markdown] session="evaluation"
# ### Question 2 — L'effet de la température (1 point)
#
# Après un début de phrase, un modèle donne trois mots possibles. Sous cette question :
# **vos** probabilités (à la température 1) et **votre tâche** : la probabilité du premier ou
# du deuxième mot (lisez bien lequel) à la température **T = 0,5**. Donnez un nombre entre 0
# et 1 (vérifié à 3 décimales), écrit en Python (Python fait `**`, puis `*` et `/`, puis `+` :
# des parenthèses autour de ce qui va ensemble).
#
# <details><summary>Indice 1</summary>
#
# Avec T = 0,5, la puissance 1/T vaut 2 : élevez chaque probabilité au carré.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Les trois carrés ne font plus 1 au total. Relisez la définition au début de la section : que
# fait-on pour que les nouvelles probabilités fassent de nouveau 1 ?
# </details>

# %% session="formative"
probabilites_t1 = [0.6, 0.3, 0.1]
temperature_question = 0.5

# %% session="evaluation"
probabilites_t1 = list(cas.temperature_probabilities)
temperature_question = cas.temperature
print("Vos trois mots possibles, à la température 1 : premier mot "
      + " ; deuxième mot ".join(str(p).replace(".", ",") for p in probabilites_t1[:2])
      + " ; troisième mot " + str(probabilites_t1[2]).replace(".", ",") + ".")
print("En Python, la même liste : probabilites_t1 =", probabilites_t1)
print("Votre tâche (question 2) : calculez " + cas.temperature_task
      + " à la température T = 0,5.")

# %% answer="proba_froide" session="formative"
proba_froide = ...
### BEGIN SOLUTION
proba_froide = 0.6**2 / (0.6**2 + 0.3**2 + 0.1**2)
### END SOLUTION

# %% tests="proba_froide" points=1 session="formative"
# Vérification de la question 2 : exécutez cette cellule.
valeur_froide = checks.require_number(proba_froide, name="proba_froide")
checks.check_number(
    proba_froide,
    name="proba_froide",
    digest="98ebc5bd1125d897",
    decimals=3,
    bounds=(0, 1),
    mistakes=[
        checks.Mistake(0.6, "c'est la probabilité à la température 1 : la température la "
                       "change. Élevez chaque probabilité à la puissance 1/T."),
        checks.Mistake(None, "vous avez élevé au carré sans diviser par la somme des carrés : "
                       "les trois nouvelles probabilités doivent faire 1 au total.",
                       digest="2637d99cf1ac02c7"),
        checks.Mistake(None, "vous avez pris la racine carrée (puissance 0,5) : c'est la "
                       "puissance 1/T, et 1/0,5 = 2. La racine correspond à T = 2, qui aplatit.",
                       digest="314f6d67c0cdbe28"),
        checks.Mistake(0.3, "vous avez multiplié la probabilité par la température : on "
                       "l'élève à la puissance 1/T, puis on divise par la somme."),
        checks.Mistake(0.6 / 0.5, "vous avez divisé la probabilité par la température (ou "
                       "écrit `** 1 / 0.5` sans parenthèses autour de l'exposant) : on "
                       "l'élève à la puissance 1/T, puis on divise par la somme. Une "
                       "probabilité ne dépasse jamais 1."),
        checks.Mistake(0.6**2 / 0.6**2 + 0.3**2 + 0.1**2, "une probabilité ne dépasse pas 1 : "
                       "avez-vous mis des parenthèses autour de la somme ? Sans elles, Python "
                       "divise d'abord, puis ajoute les deux autres carrés."),
    ],
    hint="Puissance 1/T pour chaque probabilité, puis division par la somme.",
    success=f"{valeur_froide:.3f}".replace(".", ",") + " : à basse température, le mot le plus "
    "probable l'est encore plus ; le texte devient prévisible, pas plus vrai.",
    points=1,
)
### BEGIN HIDDEN TESTS
checks.check_number(proba_froide, name="proba_froide", decimals=3,
                    expected=0.36 / (0.36 + 0.09 + 0.01), points=1)
### END HIDDEN TESTS

# %% mistake="proba_froide" session="formative"
# message : sans diviser par la somme des carrés
proba_froide = 0.6**2

# %% mistake="proba_froide" session="formative"
# message : vous avez pris la racine carrée
proba_froide = 0.6**0.5 / (0.6**0.5 + 0.3**0.5 + 0.1**0.5)

# %% mistake="proba_froide" session="formative"
# message : c'est la probabilité à la température 1
proba_froide = 0.6

# %% mistake="proba_froide" session="formative"
# message : multiplié la probabilité par la température
proba_froide = 0.6 * 0.5

# %% mistake="proba_froide" session="formative"
# message : divisé la probabilité par la température
proba_froide = 0.6 / 0.5

# %% mistake="proba_froide" session="formative"
# message : avez-vous mis des parenthèses autour de la somme
proba_froide = 0.6**2 / 0.6**2 + 0.3**2 + 0.1**2

# %% answer="proba_froide" session="evaluation"
proba_froide = ...
### BEGIN SOLUTION
from esn_teach.generative._exam import _cold_task

proba_froide = probabilites_t1[_cold_task(graine)] ** 2 / (
    probabilites_t1[0] ** 2 + probabilites_t1[1] ** 2 + probabilites_t1[2] ** 2
)
### END SOLUTION

# %% tests="proba_froide" points=1 session="evaluation"
# Vérification de la question 2 : exécutez cette cellule.
checks.check_form(proba_froide, name="proba_froide", kind="number", decimals=3, bounds=(0, 1))
### BEGIN HIDDEN TESTS
from esn_teach.generative import exam_cases as cas_copie_q2
from esn_teach.generative._exam import WORD_ORDINALS as RANGS_Q2
from esn_teach.generative._exam import _cold_task as tache_copie_q2

q2 = cas_copie_q2(checks.student_seed("14", announce=False))
k_q2 = tache_copie_q2(checks.student_seed("14", announce=False))
probas_q2 = q2.temperature_probabilities
v = probas_q2[k_q2]
carres_q2 = sum(p**2 for p in probas_q2)
cle_q2 = v**2 / carres_q2
erreurs_q2 = [
    checks.Mistake(probas_q2[j] ** 2 / carres_q2, f"c'est la probabilité du {RANGS_Q2[j]} mot : "
                   "cette réponse correspond à une autre consigne que la vôtre. Relisez ce que "
                   "demande votre énoncé (votre tâche, sous vos probabilités) : le "
                   f"{RANGS_Q2[k_q2]} mot.")
    for j in range(2) if j != k_q2
] + [
    checks.Mistake(v, "c'est la probabilité à la température 1 : la température la change. "
                   "Élevez chaque probabilité à la puissance 1/T."),
    checks.Mistake(v**2, "vous avez élevé au carré sans diviser par la somme des carrés : les "
                   "trois nouvelles probabilités doivent faire 1 au total."),
    checks.Mistake(v**0.5 / sum(p**0.5 for p in probas_q2), "vous avez pris la racine carrée "
                   "(puissance 0,5) : c'est la puissance 1/T, et 1/0,5 = 2. La racine "
                   "correspond à T = 2, qui aplatit."),
    checks.Mistake(v * 0.5, "vous avez multiplié la probabilité par la température : on l'élève "
                   "à la puissance 1/T, puis on divise par la somme."),
    checks.Mistake(v / 0.5, "vous avez divisé la probabilité par la température (ou écrit "
                   "`** 1 / 0.5` sans parenthèses autour de l'exposant) : on l'élève à la "
                   "puissance 1/T, puis on divise par la somme."),
    checks.Mistake(v**2 / probas_q2[0] ** 2 + probas_q2[1] ** 2 + probas_q2[2] ** 2,
                   "avez-vous mis des parenthèses autour de la somme ? Sans elles, Python "
                   "divise d'abord, puis ajoute les carrés."),
    checks.Mistake(0.36 / 0.46, "c'est la réponse de l'entraînement (probabilités 0,6 ; 0,3 et "
                   "0,1) : refaites le calcul avec vos probabilités."),
]
# A mistake that would round to the key is no mistake (none does for the seeds the tests try).
erreurs_q2 = [e for e in erreurs_q2 if round(e.value, 3) != round(cle_q2, 3)]
effet_q2 = ("le mot le plus probable l'est encore plus" if k_q2 == 0 else
            "un mot moins probable que le premier le devient encore moins")
checks.check_number(proba_froide, name="proba_froide", decimals=3, expected=cle_q2,
                    mistakes=erreurs_q2,
                    hint="Puissance 1/T pour chaque probabilité, puis division par la somme.",
                    success=f"{cle_q2:.3f}".replace(".", ",") + " : à basse température, "
                    + effet_q2 + " ; le texte devient prévisible, pas plus vrai.",
                    points=1)
### END HIDDEN TESTS

# %% mistake="proba_froide" session="evaluation"
# message : sans diviser par la somme des carrés
from esn_teach.generative._exam import _cold_task

proba_froide = probabilites_t1[_cold_task(graine)] ** 2

# %% mistake="proba_froide" session="evaluation"
# message : vous avez pris la racine carrée
from esn_teach.generative._exam import _cold_task

proba_froide = probabilites_t1[_cold_task(graine)] ** 0.5 / sum(p**0.5 for p in probabilites_t1)

# %% mistake="proba_froide" session="evaluation"
# message : c'est la probabilité à la température 1
from esn_teach.generative._exam import _cold_task

proba_froide = probabilites_t1[_cold_task(graine)]

# %% mistake="proba_froide" session="evaluation"
# message : multiplié la probabilité par la température
from esn_teach.generative._exam import _cold_task

proba_froide = probabilites_t1[_cold_task(graine)] * 0.5

# %% mistake="proba_froide" session="evaluation"
# message : divisé la probabilité par la température
from esn_teach.generative._exam import _cold_task

proba_froide = probabilites_t1[_cold_task(graine)] / 0.5

# %% mistake="proba_froide" session="evaluation"
# message : correspond à une autre consigne que la
from esn_teach.generative._exam import _cold_task

autre = 1 - _cold_task(graine)
proba_froide = probabilites_t1[autre] ** 2 / sum(p**2 for p in probabilites_t1)

# %% [markdown]
# ## 3. Une hallucination : une dose fluide, sans appui dans le corpus
#
# Une **hallucination** est un contenu généré, fluide, que rien n'appuie (ni les données lues
# par le modèle, ni la source qu'on lui a donnée), et qui **peut** être faux : une dose, une
# référence d'article inventées. Mesurons-le : le modèle complète « Traitement : *médicament*,
# un comprimé de » 200 fois pour chacun des dix médicaments, à plusieurs températures. Chaque
# prescription est classée :
#
# - **dose du corpus** : une dose que les notes écrivent pour **ce** médicament ;
# - **dose hors corpus** : un nombre et une unité (mg, g, µg), absents des doses de ce
#   médicament dans le corpus ;
# - **pas une dose** : pas de nombre suivi d'une unité.
#
# « Hors corpus » ne veut pas dire « fausse » : le corpus dit seulement ce que le modèle a lu ;
# **seule la référence du produit** (son résumé des caractéristiques, le RCP) dit si une dose
# existe. Fluide n'est pas vrai ; absent du corpus n'est pas faux.
#
# Deux tableaux, un dénominateur chacun : le premier compte parmi **toutes** les
# prescriptions, le second parmi les seules **doses écrites**.

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il fait écrire 2 000 prescriptions à chaque température
# et compte les doses hors corpus.
temperatures = [0.2, 0.5, 1.0, 1.5, 2.0]
audit = prescription_audit(modele, notes.reference_doses, temperatures, n_per_drug=200,
                           random_state=14)
parts = (audit.groupby("temperature")["verdict"].value_counts(normalize=True).unstack()
         .reindex(columns=["dose du corpus", "dose hors corpus", "pas une dose"]).fillna(0))
# One denominator per table, said in its caption (review 14 d20b, student 4).
def _temperature_label(t):
    return f"{t:.1f}".replace(".", ",")


display(fr_table(parts.rename(index=_temperature_label), digits=3,
                 index={"temperature": "température"},
                 caption="Tableau 1 — Parmi toutes les prescriptions générées (2 000 par "
                 "température) : part de chaque sorte ; chaque ligne fait 1"))
# Les exemples laissent de côté le paracétamol (début proposé dans l'explorateur) et les
# médicaments de la question 3a de l'entraînement.
exemples = (audit[(audit["verdict"] == "dose hors corpus")
                  & ~audit["drug"].isin(["paracétamol", "amoxicilline", "furosémide",
                                         "bisoprolol", "amlodipine"])]
            .drop_duplicates("drug").head(3))
# Le détail des 10 000 prescriptions n'est plus utile : seuls les totaux ci-dessus restent.
del audit
print("Exemples de doses hors corpus :")
for ligne in exemples.itertuples():
    print(f"- « Traitement : {ligne.drug}, un comprimé de {ligne.dose} {ligne.unit} » "
          f"(température {ligne.temperature:.1f})".replace(".", ","))
doses_du_corpus = pd.Series({drug: " ; ".join(f"{v} {u}" for v, u in doses)
                             for drug, doses in notes.reference_doses.items()})
# La part hors corpus parmi les seules doses écrites : le tableau 2.
doses_ecrites = parts["dose hors corpus"] / (parts["dose hors corpus"] + parts["dose du corpus"])
display(fr_table(doses_ecrites.rename(index=_temperature_label).rename_axis("température"),
                 name="part hors corpus", digits=3,
                 caption="Tableau 2 — Parmi les seules doses écrites (dose du corpus ou hors "
                 "corpus ; « pas une dose » exclu) : part des doses hors corpus"))
# Le texte (question 3b, « Pourquoi ? ») commente ces chiffres : ces vérifications le gardent
# juste si le corpus change.
assert parts.loc[0.2, "dose hors corpus"] > parts.loc[1.0, "dose hors corpus"]
assert parts.loc[0.2, "pas une dose"] < parts.loc[1.0, "pas une dose"]
assert 0.5 < doses_ecrites[0.2] < doses_ecrites[1.0]
print("\nComment lire ce tableau : à basse température, le modèle écrit presque toujours une "
      "dose (« pas une dose » : " + f"{parts.loc[0.2, 'pas une dose']:.3f}".replace(".", ",")
      + " à 0,2), donc plus de doses hors corpus parmi toutes les prescriptions (tableau 1). "
      "Parmi les seules doses écrites (tableau 2), la part hors corpus baisse un peu à 0,2 ("
      + f"{doses_ecrites[0.2]:.3f}".replace(".", ",") + " contre "
      + f"{doses_ecrites[1.0]:.3f}".replace(".", ",") + " à 1), mais reste la majorité : "
      "baisser la température ne ramène pas les doses dans le corpus.")
display(fr_table(doses_du_corpus, name="doses écrites dans le corpus",
                 caption="Les doses de chaque médicament dans le corpus (pas une référence "
                 "de prescription)"))

# %% [markdown] session="formative"
# ### Question 3a — Dose du corpus ou dose hors corpus ? (1 point)
#
# Pendant la mesure, le modèle a écrit, entre autres, ces quatre prescriptions (aucune n'est
# parmi les exemples affichés). Toutes ont l'air plausibles : seul le tableau des doses du
# corpus, ci-dessus, tranche. Écrivez `"corpus"` si la dose est une dose de **ce** médicament
# dans le corpus, `"hors corpus"` sinon (la question porte sur le corpus, pas sur la
# pharmacie). Points partiels (règle du mode d'emploi) : un quart de point par cas juste.
#
# - **A** : « Traitement : amoxicilline, un comprimé de 1000 mg »
# - **B** : « Traitement : furosémide, un comprimé de 10 mg »
# - **C** : « Traitement : bisoprolol, un comprimé de 1,25 mg »
# - **D** : « Traitement : amlodipine, un comprimé de 2,5 mg »
#
# <details><summary>Indice 1</summary>
#
# Pour chaque ligne, cherchez le médicament dans le tableau, puis la dose, dans la même unité
# (un gramme vaut mille milligrammes). Une dose qui paraît inhabituelle peut être dans le
# corpus ; une dose qui paraît banale peut ne pas y être.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Une dose écrite dans le corpus pour un **autre** médicament n'est pas pour autant une dose
# de celui-ci : c'est justement ce que le modèle confond.
# </details>

# %% [markdown] session="evaluation"
# ### Question 3a — Dose du corpus ou dose hors corpus ? (1 point)
#
# Pendant la mesure, le modèle a écrit, entre autres, ces quatre prescriptions (aucune n'est
# parmi les exemples affichés). Toutes ont l'air plausibles : seul le tableau des doses du
# corpus, ci-dessus, tranche. Écrivez `"corpus"` si la dose est une dose de **ce** médicament
# dans le corpus, `"hors corpus"` sinon (la question porte sur le corpus, pas sur la
# pharmacie). Points partiels (règle du mode d'emploi) : un quart de point par cas juste.
#
# Vos quatre cas sont affichés sous cette question (d'une à quatre doses « corpus », selon la
# copie).
#
# <details><summary>Indice 1</summary>
#
# Pour chaque ligne, cherchez le médicament dans le tableau, puis la dose, dans la même unité
# (un gramme vaut mille milligrammes). Une dose qui paraît inhabituelle peut être dans le
# corpus ; une dose qui paraît banale peut ne pas y être.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Une dose écrite dans le corpus pour un **autre** médicament n'est pas pour autant une dose
# de celui-ci : c'est justement ce que le modèle confond.
# </details>

# %% answer="verdict_doses" session="formative"
verdict_doses = {"A": ..., "B": ..., "C": ..., "D": ...}
### BEGIN SOLUTION
verdict_doses = {"A": "corpus", "B": "hors corpus", "C": "corpus", "D": "hors corpus"}
### END SOLUTION

# %% tests="verdict_doses" points=1 session="formative"
# Vérification de la question 3a : exécutez cette cellule.
checks.check_choices(
    verdict_doses,
    name="verdict_doses",
    options=["corpus", "hors corpus"],
    digests={"A": "b5872fbe3b358c83", "B": "8e19ebe51e11a58b", "C": "c6b1395de9bec4db",
             "D": "0fd9550d05c7bcb6"},
    mistakes={
        "A": [checks.Mistake(None, "Comparez les doses dans la même unité : un gramme vaut "
                             "mille milligrammes.", digest="b810c071a438a04a")],
        "B": [checks.Mistake(None, "Une dose banale n'est pas pour autant une dose de ce "
                             "médicament : cherchez-la sur la ligne du médicament, pas ailleurs "
                             "dans le tableau.", digest="208df2f3a3d414a6")],
        "C": [checks.Mistake(None, "une dose qui paraît inhabituelle se vérifie, elle aussi, "
                             "dans le tableau : elle peut y être.", digest="7138501f15694ea6")],
        "D": [checks.Mistake(None, "une dose que le corpus écrit pour d'autres médicaments n'en "
                             "devient pas une de celui-ci : seule compte la ligne du "
                             "médicament.", digest="73cd1bd71542f1bd")],
    },
    success="B et D sont hors corpus : 10 mg et 2,5 mg sont des doses du corpus, mais pour "
    "d'autres médicaments ; le modèle ne les a lues pour aucun de ces deux-là : sa phrase est fluide, sans "
    "appui. A est bien dans le corpus (l'amoxicilline y est écrite « 1 g », soit 1000 mg) : votre "
    "« corpus » est juste. Mais le modèle ne l'a pas écrite parce qu'il la savait : il a lu "
    "« 1000 mg » après un autre médicament, par le même mécanisme que B et D. Une dose juste se "
    "vérifie donc aussi. Hors corpus ne dit pas si une dose existe en pharmacie : seul le RCP le dit.",
    points=1,
)
### BEGIN HIDDEN TESTS
checks.check_choices(verdict_doses, name="verdict_doses", options=["corpus", "hors corpus"],
                     expected={"A": "corpus", "B": "hors corpus", "C": "corpus", "D": "hors corpus"},
                     points=1)
### END HIDDEN TESTS

# %% mistake="verdict_doses" session="formative"
# message : Comparez les doses dans la même unité
verdict_doses = {"A": "hors corpus", "B": "hors corpus", "C": "corpus", "D": "hors corpus"}

# %% mistake="verdict_doses" session="formative"
# message : Une dose banale n'est pas pour autant
verdict_doses = {"A": "corpus", "B": "corpus", "C": "corpus", "D": "corpus"}

# %% mistake="verdict_doses" session="formative"
# message : une dose qui paraît inhabituelle se vérifie
verdict_doses = {"A": "corpus", "B": "hors corpus", "C": "hors corpus", "D": "hors corpus"}

# %% mistake="verdict_doses" session="formative"
# message : n'en devient pas une de celui-ci
verdict_doses = {"A": "corpus", "B": "hors corpus", "C": "corpus", "D": "corpus"}

# %% session="evaluation"
# Vos quatre prescriptions, tirées pour votre copie parmi celles que le modèle a écrites
# pendant la mesure (ni celles de la version d'entraînement, ni les exemples affichés).
cas_3a = dose_cases(graine)
for lettre, prescription in cas_3a.items():
    print(f"- {lettre} : « Traitement : {prescription} »")

# %% answer="verdict_doses" session="evaluation"
verdict_doses = {"A": ..., "B": ..., "C": ..., "D": ...}
### BEGIN SOLUTION
from esn_teach.datasets import REFERENCE_DOSES, dose_in_mg
from esn_teach.generative._exam import _dose_draw

# Read in the corpus table: is the dose, in mg, one the corpus writes for this drug?
verdict_doses = dict.fromkeys("ABCD")
for lettre, (medicament, dose, unite) in _dose_draw(graine).items():
    ecrite = any(abs(dose_in_mg(dose, unite) - dose_in_mg(v, u)) < 1e-9
                 for v, u in REFERENCE_DOSES[medicament])
    verdict_doses[lettre] = "corpus" if ecrite else "hors corpus"
### END SOLUTION

# %% tests="verdict_doses" points=1 session="evaluation"
# Vérification de la question 3a : exécutez cette cellule.
checks.check_form(verdict_doses, name="verdict_doses", kind="choices",
                  options=["corpus", "hors corpus"], items=["A", "B", "C", "D"])
### BEGIN HIDDEN TESTS
from esn_teach.datasets import REFERENCE_DOSES as TABLE_3A
from esn_teach.datasets import dose_in_mg as en_mg_3a
from esn_teach.generative._exam import _dose_draw as tirage_copie_3a

# The truth, read in the corpus table as the statement asks (the package holds no verdict):
# « corpus » if the corpus writes this dose, in mg, for this drug; each wrong verdict's
# named mistake gives the case's figures.
cles_3a, erreurs_3a = {}, {}
for lettre, (med_3a, dose_3a, unite_3a) in tirage_copie_3a(
        checks.student_seed("14", announce=False)).items():
    texte_3a = f"{med_3a}, un comprimé de {dose_3a} {unite_3a}"
    ecrites_3a = ", ".join(f"{v} {u}" for v, u in TABLE_3A[med_3a])
    mg_3a = en_mg_3a(dose_3a, unite_3a)
    if any(abs(mg_3a - en_mg_3a(v, u)) < 1e-9 for v, u in TABLE_3A[med_3a]):
        cles_3a[lettre] = "corpus"
        unite_note_3a = ("" if any((v, u) == (dose_3a, unite_3a) for v, u in TABLE_3A[med_3a])
                         else " Comparez les doses dans la même unité : un gramme vaut mille "
                         "milligrammes.")
        erreurs_3a[lettre] = [checks.Mistake(
            "hors corpus", f"« {texte_3a} » : c'est bien une dose du médicament {med_3a} dans "
            f"le corpus ({ecrites_3a}).{unite_note_3a} Une dose, qu'elle paraisse banale ou "
            "inhabituelle, se vérifie, elle aussi, dans le tableau : elle peut y être.")]
    else:
        cles_3a[lettre] = "hors corpus"
        autres_3a = sorted(m for m, doses in TABLE_3A.items() if m != med_3a
                           and any(abs(mg_3a - en_mg_3a(v, u)) < 1e-9 for v, u in doses))
        erreurs_3a[lettre] = [checks.Mistake(
            "corpus", f"« {texte_3a} » : le corpus n'écrit le médicament {med_3a} qu'aux doses "
            f"{ecrites_3a} ; {dose_3a} {unite_3a} y est une dose d'autres médicaments "
            f"({', '.join(autres_3a)}). Une dose banale n'est pas pour autant une dose de ce "
            "médicament : le modèle l'a lue après un autre médicament.")]
# The feedback names each wrong case (review 14 d19, lecturer 5): this hidden test runs only
# at grading, when naming an item gives nothing away.
checks.check_choices(
    verdict_doses, name="verdict_doses", options=["corpus", "hors corpus"],
    expected=cles_3a, mistakes=erreurs_3a, name_items=True,
    success="une dose hors corpus est, ici, une dose que le corpus écrit pour d'autres "
    "médicaments : le modèle, qui ne lit que « comprimé de », l'a lue après un autre "
    "médicament ; sa phrase est fluide, sans appui. Une dose du corpus écrite dans une autre "
    "unité (1 g pour 1000 mg) : votre « corpus » est juste, mais le modèle l'a écrite par le "
    "même mécanisme, sans la savoir. Une dose juste se vérifie donc aussi. Hors corpus ne dit pas si une dose existe en pharmacie : seul le RCP le dit.",
    points=1)
### END HIDDEN TESTS

# %% mistake="verdict_doses" session="evaluation"
# message : n'est pas pour autant une dose de ce médicament
verdict_doses = {"A": "corpus", "B": "corpus", "C": "corpus", "D": "corpus"}

# %% mistake="verdict_doses" session="evaluation"
# message : se vérifie, elle aussi
verdict_doses = {"A": "hors corpus", "B": "hors corpus", "C": "hors corpus", "D": "hors corpus"}

# %% [markdown] session="formative"
# ### Question 3b — D'où vient une dose hors corpus ? (1 point)
#
# Quand notre modèle écrit, après « Traitement : *médicament*, un comprimé de », une dose qui
# n'est pas une dose de ce médicament dans le corpus, d'où vient-elle ? Une seule explication
# est juste ; écrivez sa lettre, `"A"`, `"B"`, `"C"` ou `"D"`.
#
# - **A** : une confusion de noms : le modèle prend ce médicament pour un autre du corpus au
#   nom voisin, et écrit la dose de celui-là.
# - **B** : le hasard du tirage : à basse température, le modèle s'en tiendrait aux doses de
#   ce médicament.
# - **C** : le contexte : les mots juste avant la dose, « comprimé de », sont les mêmes pour
#   tous les médicaments.
# - **D** : l'invention pure : le modèle compose des nombres et des unités qu'aucune note ne
#   contient.
#
# <details><summary>Indice 1</summary>
#
# Chaque explication annonce quelque chose que vous pouvez contrôler ici : la définition
# d'une dose hors corpus (début de la section), le tableau par température, les exemples de
# doses hors corpus, le tableau des doses du corpus, la façon dont le modèle choisit un mot
# (section 1). Mettez chacune à l'épreuve de ces observations avant de choisir.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Les médicaments dont le modèle reprend la dose ont-ils un nom voisin ? Les doses hors corpus
# disparaissent-elles à 0,2 ? Celles des exemples existent-elles ailleurs dans le corpus ? Et
# combien de mots le modèle regarde-t-il avant d'écrire la dose ?
# </details>

# %% [markdown] session="evaluation"
# ### Question 3b — Et avec un autre corpus ? (1 point)
#
# Dans nos notes, une prescription s'écrit « Traitement : ramipril, un comprimé de 5 mg ».
# Dans **votre** corpus, décrit sous cette question, chaque prescription s'écrit autrement.
# On y entraîne **le même** modèle, qui complète le début indiqué 200 fois à la température
# 0,2. Que deviendrait la part des doses hors corpus **parmi les doses écrites** (tableau
# 2) ? Écrivez la lettre de la seule réponse juste (`"A"` à `"D"`, sous
# cette question).
#
# <details><summary>Indice 1</summary>
#
# Reprenez la façon dont le modèle choisit un mot (section 1) : sur quoi s'appuie-t-il,
# exactement, au moment d'écrire la dose, dans chacun des deux corpus ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Dans votre corpus, quels sont les deux derniers mots avant la dose ? Contiennent-ils le nom
# du médicament ? Qu'est-ce que le modèle a lu juste après eux ?
# </details>

# %% answer="origine_dose" session="formative"
origine_dose = ...
### BEGIN SOLUTION
origine_dose = "C"
### END SOLUTION

# %% tests="origine_dose" points=1 session="formative"
# Vérification de la question 3b : exécutez cette cellule.
checks.check_choice(
    origine_dose,
    name="origine_dose",
    options=["A", "B", "C", "D"],
    digest="f8b083c84da0b0e6",
    mistakes=[
        checks.Mistake(None, "ce n'est pas une confusion de noms : la dose reprise est celle de "
                       "médicaments aux noms sans rapport (2,5 mg suit le ramipril, le "
                       "bisoprolol et l'apixaban dans le tableau des doses du corpus ; voyez "
                       "aussi les exemples).", digest="bcabad54b102c0c3"),
        checks.Mistake(None, "le tableau montre des doses hors corpus à toutes les températures, "
                       "même à 0,2 : une basse température rend le texte prévisible, pas vrai.",
                       digest="a1317054857e4288"),
        checks.Mistake(None, "le modèle n'écrit que des mots qu'il a lus : une dose hors corpus "
                       "est presque toujours dans le corpus, après un autre médicament. Il "
                       "recombine des morceaux lus ; il ne crée pas de nombres.",
                       digest="7c0824d81dd045b3"),
    ],
    success="le modèle ne regarde que « comprimé de » : le nom du médicament est trop loin "
    "derrière. Il écrit une dose lue après ces deux mots, pour n'importe quel médicament.",
)
### BEGIN HIDDEN TESTS
checks.check_choice(origine_dose, name="origine_dose", options=["A", "B", "C", "D"],
                    expected="C")
### END HIDDEN TESTS

# %% mistake="origine_dose" session="formative"
# message : ce n'est pas une confusion de noms
origine_dose = "A"

# %% mistake="origine_dose" session="formative"
# message : même à 0,2
origine_dose = "B"

# %% mistake="origine_dose" session="formative"
# message : il ne crée pas de nombres
origine_dose = "D"

# %% session="evaluation"
# Votre corpus, puis les quatre réponses possibles, dans l'ordre tiré pour votre copie.
print("Votre corpus (question 3b) : " + cas.corpus_task)
print("Que deviendrait la part des doses hors corpus parmi les doses écrites ?")
reponses_3b = {
    "A": "elle monterait : avec d'autres mots avant la dose, le modèle ne saurait plus qu'une "
         "dose doit suivre.",
    "B": "elle baisserait nettement : le nom du médicament serait parmi les deux mots que le "
         "modèle lit juste avant d'écrire la dose.",
    "C": "elle resterait à peu près la même : les deux mots que le modèle lit juste avant "
         "d'écrire la dose seraient encore les mêmes pour tous les médicaments.",
    "D": "elle deviendrait imprévisible : le modèle compose des nombres et des unités qu'aucune "
         "note du corpus ne contient.",
}
for lettre, reponse in copy_order(graine, "origine_dose", reponses_3b).items():
    print(f"- {lettre} : {reponse}")

# %% answer="origine_dose" session="evaluation"
origine_dose = ...
### BEGIN SOLUTION
from esn_teach.generative._exam import _corpus_task, _draw_cases

# The option that answers each corpus: B for « : ramipril » (task 0), C for « ramipril dosé
# à » (task 1: the two words before the dose, « dosé à », are the same for every drug).
origine_dose = _draw_cases(graine, "origine_dose", "ABCD").letter_of(
    ("B", "C")[_corpus_task(graine)]
)
### END SOLUTION

# %% tests="origine_dose" points=1 session="evaluation"
# Vérification de la question 3b : exécutez cette cellule.
checks.check_form(origine_dose, name="origine_dose", kind="choice", options=["A", "B", "C", "D"])
### BEGIN HIDDEN TESTS
from esn_teach.generative._exam import _corpus_task as tache_copie_3b
from esn_teach.generative._exam import _draw_cases as tirage_copie_3b

q3b = tirage_copie_3b(checks.student_seed("14", announce=False), "origine_dose", "ABCD")
lettre_3b = q3b.letter_of
if tache_copie_3b(checks.student_seed("14", announce=False)) == 0:
    # « Traitement : ramipril 5 mg » : the two words before the dose hold the drug.
    cle_3b, autre_3b, mots_3b = "B", "C", "« : ramipril »"
    succes_3b = ("sans « un comprimé de », « : ramipril » précède la dose, et le modèle n'a lu "
                 "après ces deux mots que des doses du ramipril : la part des doses hors corpus "
                 "tombe presque à zéro.")
    pourquoi_autre_3b = "ils contiennent le nom du médicament."
else:
    # « un comprimé de ramipril dosé à 5 mg » : the drug is three words before the dose; the
    # two words the model reads, « dosé à », are the same for every drug.
    cle_3b, autre_3b, mots_3b = "C", "B", "« dosé à »"
    succes_3b = ("le médicament, trois mots avant la dose, est juste hors de portée : « dosé "
                 "à » précède la dose pour tous les médicaments, et le modèle écrit encore une "
                 "dose lue après ces deux mots, pour n'importe quel médicament.")
    pourquoi_autre_3b = ("le nom du médicament, plus près de la dose qu'avant, n'en fait pas "
                         "partie : il est trois mots avant la dose.")
checks.check_choice(
    origine_dose, name="origine_dose", options=["A", "B", "C", "D"],
    expected=lettre_3b(cle_3b),
    mistakes=[
        checks.Mistake(lettre_3b(autre_3b), "cette réponse correspond à une autre consigne que la "
                       "vôtre (un autre corpus) : relisez ce que demande votre énoncé. Dans "
                       f"votre corpus, les deux mots lus avant la dose sont {mots_3b} : "
                       + pourquoi_autre_3b),
        checks.Mistake(lettre_3b("A"), "le modèle ne « sait » rien de ce qui doit suivre : il "
                       "écrit ce qu'il a lu après les deux derniers mots. Dans votre corpus, "
                       f"après {mots_3b}, il n'a lu que des doses."),
        checks.Mistake(lettre_3b("D"), "le modèle n'écrit que des mots qu'il a lus : ses doses "
                       "hors corpus sont des doses du corpus lues après un autre médicament. Il "
                       "ne crée pas de nombres."),
    ],
    success="le modèle ne lit que les deux derniers mots : " + succes_3b + " Ce qui trompe "
    "notre petit modèle, c'est un contexte trop court.")
### END HIDDEN TESTS

# %% mistake="origine_dose" session="evaluation"
# message : le modèle ne « sait » rien de ce qui doit suivre
from esn_teach.generative._exam import _draw_cases

origine_dose = _draw_cases(graine, "origine_dose", "ABCD").letter_of("A")

# %% mistake="origine_dose" session="evaluation"
# message : correspond à une autre consigne que la
from esn_teach.generative._exam import _corpus_task, _draw_cases

# The option that answers the other corpus.
origine_dose = _draw_cases(graine, "origine_dose", "ABCD").letter_of(
    ("C", "B")[_corpus_task(graine)]
)

# %% mistake="origine_dose" session="evaluation"
# message : Il ne crée pas de nombres
from esn_teach.generative._exam import _draw_cases

origine_dose = _draw_cases(graine, "origine_dose", "ABCD").letter_of("D")

# %% [markdown] reveal="origine_dose"
# <details><summary>Pourquoi ? (ouvrez après avoir répondu)</summary>
#
# Le modèle ne voit que les deux derniers mots, « comprimé de » : le médicament est trop loin
# derrière. Il écrit une dose **lue** après « comprimé de », mais pour un autre médicament,
# faite de morceaux de trois mots du corpus (« de 2,5 mg ») : le texte est **fluide**, pas
# **appuyé sur le corpus**. Baisser la température ne ramène pas les doses dans le corpus :
# parmi les doses écrites, la part hors corpus baisse un peu à 0,2, et reste la majorité
# (tableau 2). La monter mène à l'incohérence.
#
# **Ce qui vaut aussi pour ChatGPT.** Un grand modèle lit tout le passage, pas deux mots : ce
# défaut précis (un contexte trop court) n'est pas le sien. Mais le principe est le même : il
# écrit la suite la plus **probable** d'après ce qu'il a lu, pas une suite **vérifiée** ; une
# dose souvent lue dans un contexte voisin peut sortir, fluide, pour le mauvais médicament
# (section 7).
# </details>

# %% [markdown]
# ## Après la séance
#
# **Partie 2 (questions 4 à 7, 6 points sur 10).**
#
# ## 4. Coller un dossier dans un agent conversationnel en ligne
#
# Coller un compte rendu dans un agent conversationnel **grand public**, c'est envoyer **tout
# le texte** aux serveurs de l'éditeur, parfois hors de l'Union européenne, parfois réutilisé.
#
# > **En bref.** Retirer le nom ne suffit pas : un âge, une commune, un métier, une date
# > peuvent suffire à reconnaître quelqu'un. Un **identifiant** (numéro de sécurité sociale,
# > de dossier, de téléphone) désigne à lui seul une personne : l'éditeur, ou quiconque peut
# > le relier à un fichier, la reconnaît.
#
# <details><summary>Pour aller plus loin (facultatif) : le détail juridique</summary>
#
# Des données de santé sont des données **sensibles** : leur traitement est interdit sauf
# exceptions (RGPD, article 9) ; le **secret médical** (CSP, article L1110-4) s'impose à tous
# ceux qui travaillent dans le système de santé ; l'éditeur d'un service en ligne n'est pas un
# professionnel de l'équipe de soins. Seuls des professionnels qui participent à la prise en charge d'un patient peuvent
# **échanger** ses informations (le patient en est informé et peut s'y opposer) ; entre
# professionnels qui ne sont pas de la même équipe de soins, les **partager** demande son accord
# préalable (CSP, article L1110-4). L'accord du patient ne fait pas de l'éditeur d'un service en
# ligne un membre de l'équipe de soins. Qui héberge, pour un hôpital ou un soignant, des données
# de santé recueillies pour le soin doit être **certifié HDS** (CSP, article L1111-8) : l'hôpital
# ne les confie qu'à un hébergeur certifié, sous contrat, ce qu'un service grand public n'est
# pas. Le règlement sur l'IA (article 50) impose des obligations de **transparence** : dire
# qu'on parle à une IA, marquer ce qu'elle génère.
#
# Les systèmes d'IA « à **haut risque** », et les dates du règlement sur l'IA, sont l'objet du
# [module 13](../13_ia_act_dispositifs_medicaux/13_ia_act_dispositifs_medicaux.ipynb).
# </details>

# %% jupyter={"source_hidden": true}
# Inutile de lire ce code (replié) : il affiche les textes cités, avec leur date.
from IPython.display import Markdown

print(f"Textes cités, vérifiés le {law.LEGAL_FACTS_LAST_CHECKED:%d/%m/%Y} (enseignement, pas un "
      "conseil juridique) : qui chacun vise, ce qu'il impose.")
qui_quoi = {
    "9(1)": "**Qui ?** Quiconque traite des données de santé, soignant ou non, avec ou sans "
            "IA. **Quoi ?** Ce traitement est interdit, sauf exceptions.",
    "L1110-4": "**Qui ?** Tout professionnel de santé, et tous ceux qui travaillent dans le "
               "système de santé, soignants ou non (secrétariat, informatique, administration). "
               "**Quoi ?** Le secret ; échanger ou partager, entre professionnels seulement, "
               "pour les soins du patient.",
    "L1111-8 II": "**Qui ?** Celui qui héberge des données de soin pour le compte d'un autre "
                  "(un professionnel, un établissement, le patient). **Quoi ?** Être certifié.",
    "chap. V": "**Qui ?** Quiconque envoie des données personnelles hors de l'Union "
               "européenne. **Quoi ?** Seulement à certaines conditions.",
    "IA 50": "**Qui ?** Surtout le fournisseur d'un outil d'IA ; aussi celui qui publie un texte "
             "généré pour informer le public sur une question d'intérêt public. **Quoi ?** "
             "Dire qu'on parle à une IA, marquer ce qu'elle génère.",
}
# One short table (review 14 d21): the four texts of question 5; the summaries and the
# transfers' chapter are folded below it (art. 14 and the dates: module 13, review d23).
reponse_de = {"L1110-4": "secret", "L1111-8 II": "HDS", "9(1)": "RGPD", "IA 50": "IA"}
lignes, plus_loin = [], []
for cle, resume in qui_quoi.items():
    texte = law.reference(cle)
    qui, _, quoi = resume.removeprefix("**Qui ?** ").partition(" **Quoi ?** ")
    if cle in reponse_de:
        lignes.append(f"| `\"{reponse_de[cle]}\"` | {texte.citation} ({texte.date_label}) | {qui} "
                      f"| {quoi} |")
    bloc = [f"**{texte.citation}** ({texte.date_label}) — {texte.title}.", "", resume]
    bloc += ["", "Résumé : " + " ".join(texte.summary.split())]
    plus_loin.append("\n".join(bloc))
display(Markdown("**Textes cités**\n\n| Réponse | Texte (date) | Qui ? | Quoi ? |\n|---|---|---|---|\n"
                 + "\n".join(lignes) + "\n\n<details><summary>Pour aller plus loin (facultatif) : "
                 "le résumé de chaque texte, et les transferts hors de l'Union</summary>\n\n"
                 + "\n\n---\n\n".join(plus_loin) + "\n\nLe contrôle humain des systèmes à "
                 "haut risque (article 14 du règlement sur l'IA) et les dates de ce règlement "
                 "sont au module 13.\n\n</details>"))

# %% [markdown] session="formative"
# ### Question 4 — Quels messages laissent reconnaître un patient ? (2 points)
#
# Un soignant colle chacun de ces cinq messages dans un agent conversationnel en ligne.
# Quelqu'un qui le lit **hors de l'équipe de soins** (l'éditeur, un voisin) peut-il **reconnaître le patient** (par son nom, un identifiant, ou en croisant les
# détails) ? Écrivez `"oui"` ou `"non"` pour chacun ; chaque message se juge seul.
#
# - **A** : « Résume ce compte rendu : Mme Sandrine Garcia, 54 ans, vue le 12/03/2025 pour une
#   douleur thoracique… »
# - **B** : « Quelles sont les contre-indications de la metformine chez l'adulte ? »
# - **C** : « Rédige le courrier de sortie du maire de Saint-Aubin-des-Prés, hospitalisé hier en
#   cardiologie (chambre 12) pour un infarctus. »
# - **D** : « Mon patient, un homme de 60 ans diabétique de type 2 sous metformine, me demande
#   s'il peut boire un verre de vin au mariage de sa fille : que lui répondre ? »
# - **E** : « Mon patient Dédé, le boulanger de la place du marché de Saint-Aubin-des-Prés,
#   est séropositif : comment le lui annoncer ? »
#
# (Saint-Aubin-des-Prés est une petite commune inventée.)
#
# <details><summary>Indice 1</summary>
#
# Un nom n'est pas le seul moyen de reconnaître quelqu'un : pour chaque texte, demandez-vous si
# un voisin ou un journaliste local saurait de qui il s'agit.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Pour chaque message, estimez combien de personnes correspondent à ce qu'il dit, en France,
# puis dans une petite commune : une seule, ou des milliers ?
# </details>

# %% [markdown] session="evaluation"
# ### Question 4 — Quels messages laissent reconnaître un patient ? (2 points)
#
# Un soignant colle chacun de ces cinq messages dans un agent conversationnel en ligne.
# Quelqu'un qui le lit **hors de l'équipe de soins** (l'éditeur, un voisin) peut-il **reconnaître le patient** (par son nom, un identifiant, ou en croisant les
# détails) ? Écrivez `"oui"` ou `"non"` pour chacun ; chaque message se juge seul.
#
# Vos cinq messages sont affichés dessous.
#
# (Saint-Aubin-des-Prés est une petite commune inventée.)
#
# <details><summary>Indice 1</summary>
#
# Un nom n'est pas le seul moyen de reconnaître quelqu'un : pour chaque texte, demandez-vous si
# un voisin ou un journaliste local saurait de qui il s'agit.
# </details>
#
# <details><summary>Indice 2</summary>
#
# Pour chaque message, estimez combien de personnes correspondent à ce qu'il dit, en France,
# puis dans une petite commune : une seule, ou des milliers ?
# </details>

# %% answer="fuite" session="formative"
fuite = {"A": ..., "B": ..., "C": ..., "D": ..., "E": ...}
### BEGIN SOLUTION
fuite = {"A": "oui", "B": "non", "C": "oui", "D": "non", "E": "oui"}
### END SOLUTION

# %% tests="fuite" points=2 session="formative"
# Vérification de la question 4 : exécutez cette cellule.
# Review 14 d20b, student 5: each message names the kind of mistake and points to what to
# re-read, never to the message itself.
piste_reconnaissable = ("un message qui laisse reconnaître le patient a été jugé « non » : "
                        "relisez l'encadré « En bref » de la section 4 (ce qui suffit à "
                        "reconnaître quelqu'un), puis l'indice 2.")
piste_personne = ("un message où personne ne peut être reconnu a été jugé « oui » : relisez "
                  "la consigne (reconnaître le patient, hors de l'équipe de soins) et "
                  "l'indice 2 (combien de personnes correspondent à ce message ?).")
checks.check_choices(
    fuite,
    name="fuite",
    options=["oui", "non"],
    name_items=False,  # naming the wrong messages would let a student answer by elimination
    digests={"A": "0eb39e6970925467", "B": "79ae4bdf2f68bff7", "C": "beb10fa876982499", "D": "a59e761096692a9c",
             "E": "7f72ca9a3acd2913"},
    mistakes={
        "A": [checks.Mistake(None, piste_reconnaissable, digest="3069eca93477c0e5")],
        "B": [checks.Mistake(None, piste_personne, digest="34244a2dd850a835")],
        "C": [checks.Mistake(None, piste_reconnaissable, digest="85c569285200a450")],
        "D": [checks.Mistake(None, piste_personne, digest="62222be7ef963be8")],
        "E": [checks.Mistake(None, piste_reconnaissable, digest="bb2bf1bd9247bd84")],
    },
    success="un texte identifie un patient dès qu'on peut le reconnaître, avec ou sans son nom. "
    "Parler d'un patient sans aucun détail qui le distingue (D), ou poser une question générale "
    "(B), ne le laisse pas reconnaître hors de l'équipe ; D reste très peu identifiant, pas "
    "anonyme : une requête est liée au compte de qui l'envoie, et au sens du RGPD c'est encore "
    "une donnée personnelle. N'envoyez que le nécessaire.",
    points=2,
)
### BEGIN HIDDEN TESTS
checks.check_choices(fuite, name="fuite", options=["oui", "non"],
                     expected={"A": "oui", "B": "non", "C": "oui", "D": "non", "E": "oui"},
                     points=2)
### END HIDDEN TESTS

# %% mistake="fuite" session="formative"
# message : a été jugé « non » : relisez l'encadré « En bref »
fuite = {"A": "oui", "B": "non", "C": "non", "D": "non", "E": "oui"}

# %% mistake="fuite" session="formative"
# message : a été jugé « non » : relisez l'encadré « En bref »
fuite = {"A": "oui", "B": "non", "C": "oui", "D": "non", "E": "non"}

# %% mistake="fuite" session="formative"
# message : personne ne peut être reconnu a été jugé « oui »
fuite = {"A": "oui", "B": "oui", "C": "oui", "D": "oui", "E": "oui"}

# %% mistake="fuite" session="formative"
# message : personne ne peut être reconnu a été jugé « oui »
fuite = {"A": "oui", "B": "non", "C": "oui", "D": "oui", "E": "oui"}

# %% session="evaluation"
print("Vos cinq messages, à juger chacun seul :")
for lettre, message in cas.leaks.items():
    print(f"- {lettre} : {message}")

# %% answer="fuite" session="evaluation"
fuite = {"A": ..., "B": ..., "C": ..., "D": ..., "E": ...}
### BEGIN SOLUTION
# A message lets a reader recognise the patient if it names them, gives a unique identifier
# or a unique detail (the hidden test's truth table holds the same fragments).
reconnaissables = ("la seule pharmacienne", "Mme L., 87 ans", "l'entraîneur de l'équipe",
                   "Karim Benali", "la directrice de l'unique école", "Sophie Lefèvre",
                   "Jean-Pierre Morel", "numéro de sécurité sociale", "le maire de Saint-Aubin",
                   "accouché de triplés")
fuite = {lettre: "oui" if any(f in texte for f in reconnaissables) else "non"
         for lettre, texte in cas.leaks.items()}
### END SOLUTION

# %% tests="fuite" points=2 session="evaluation"
# Vérification de la question 4 : exécutez cette cellule.
checks.check_form(fuite, name="fuite", kind="choices", options=["oui", "non"],
                  items=["A", "B", "C", "D", "E"])
### BEGIN HIDDEN TESTS
from esn_teach.generative import exam_cases as cas_copie_q4

# The truth table (the package holds the texts only): a fragment of each message of the
# pool, its answer and why the other answer is wrong.
raisons_q4 = {
    "la seule pharmacienne": ("oui",
        "« la seule pharmacienne » d'une petite commune désigne une seule personne, et le"
        " texte révèle sa maladie : ce message laisse reconnaître la personne."),
    "Mme L., 87 ans": ("oui",
        "une initiale ne protège pas : l'âge, la date d'entrée, le service, la chambre et"
        " une petite commune désignent une seule patiente : ce message laisse reconnaître"
        " la personne."),
    "l'entraîneur de l'équipe de rugby": ("oui",
        "sans nom, une fonction unique dans une petite commune, avec une date, désigne "
        "une seule personne : ce message laisse reconnaître la personne."),
    "Karim Benali": ("oui",
        "un nom et une date de naissance désignent directement la personne, quels que "
        "soient les autres détails : ce message laisse reconnaître la personne."),
    "la directrice de l'unique école": ("oui",
        "« la directrice de l'unique école » d'une petite commune désigne une seule "
        "personne, et le texte révèle sa grossesse : ce message laisse reconnaître la "
        "personne."),
    "reprendre le football": ("non",
        "une tranche d'âge et une opération courante, sans nom, sans lieu, sans date ni "
        "détail rare : beaucoup d'adultes correspondent à ce message, qui ne laisse "
        "reconnaître personne. (L'éditeur sait quel compte l'envoie : n'envoyez que le "
        "nécessaire.)"),
    "au retour d'un séjour": ("non",
        "une question générale ne parle d'aucun patient : ce message ne laisse "
        "reconnaître personne."),
    "la maladie de Parkinson": ("non",
        "« Parkinson » est le nom d'une maladie, pas d'un patient ; sans aucun détail, ce"
        " message ne laisse reconnaître personne."),
    "l'amoxicilline dans une otite": ("non",
        "une question de posologie générale ne parle d'aucun patient : ce message ne "
        "laisse reconnaître personne."),
    "prendre de l'ibuprofène": ("non",
        "un âge et une maladie courante, sans nom, sans lieu, sans date : des centaines "
        "de milliers de personnes correspondent, et ce message ne laisse reconnaître "
        "personne. (L'éditeur sait quel compte l'envoie : n'envoyez que le nécessaire.)"),
    "Sophie Lefèvre": ("oui",
        "un nom et une adresse désignent directement la personne, quels que soient les "
        "autres détails : ce message laisse reconnaître la personne."),
    "Jean-Pierre Morel": ("oui",
        "un prénom et un nom désignent directement la personne, même sans date de "
        "naissance : ce message laisse reconnaître la personne."),
    "numéro de sécurité sociale": ("oui",
        "un numéro de sécurité sociale est attribué à une seule personne : même si un "
        "voisin ne sait pas le lire, l'éditeur ou quiconque peut le relier à un fichier "
        "la reconnaît ; même sans nom, ce message laisse reconnaître la personne."),
    "le maire de Saint-Aubin": ("oui",
        "« le maire » d'une commune est une seule personne, et le texte révèle sa maladie"
        " : ce message laisse reconnaître la personne."),
    "accouché de triplés": ("oui",
        "une naissance de triplés, avec un lieu et une date, est un événement rare qui "
        "désigne une seule famille : ce message laisse reconnaître la personne."),
    "reprendre le vélo": ("non",
        "un âge et des maladies fréquentes, sans nom, sans lieu, sans date ni détail rare"
        " : des dizaines de milliers de personnes correspondent, et ce message ne laisse "
        "reconnaître personne. (L'éditeur sait quel compte l'envoie : n'envoyez que le "
        "nécessaire.)"),
    "prendre l'avion": ("non",
        "une tranche d'âge et une grossesse, sans nom, sans lieu, sans date ni détail "
        "rare : beaucoup de femmes correspondent à ce message, qui ne laisse reconnaître "
        "personne. (L'éditeur sait quel compte l'envoie : n'envoyez que le nécessaire.)"),
    "effets indésirables les plus fréquents": ("non",
        "une question générale sur un médicament ne parle d'aucun patient : ce message ne"
        " laisse reconnaître personne."),
    "vaccination contre la grippe": ("non",
        "une affiche générale ne parle d'aucun patient : ce message ne laisse reconnaître"
        " personne."),
    "signes d'une phlébite": ("non",
        "une question clinique générale ne parle d'aucun patient : ce message ne laisse "
        "reconnaître personne."),
}
cles_q4, erreurs_q4 = {}, {}
for lettre, texte_q4 in cas_copie_q4(checks.student_seed("14", announce=False)).leaks.items():
    (fragment_q4,) = [f for f in raisons_q4 if f in texte_q4]
    reponse_q4, pourquoi_q4 = raisons_q4[fragment_q4]
    cles_q4[lettre] = reponse_q4
    erreurs_q4[lettre] = [checks.Mistake("non" if reponse_q4 == "oui" else "oui", pourquoi_q4)]
# The feedback names each wrong message (review 14 d19, lecturer 5): run at grading only.
checks.check_choices(
    fuite, name="fuite", options=["oui", "non"], expected=cles_q4, mistakes=erreurs_q4,
    name_items=True,
    success="un texte identifie un patient dès qu'on peut le reconnaître, avec ou sans son "
    "nom : une initiale ne le cache pas, une fonction unique dans une petite commune le "
    "désigne. Un patient sans détail qui le distingue, ou une question générale, ne le laisse "
    "pas reconnaître. Même ainsi, une requête reste liée au compte de qui l'envoie, et à sa "
    "date (au sens du RGPD, ce n'est donc pas anonyme) : n'envoyez que le nécessaire.",
    points=2)
### END HIDDEN TESTS

# %% mistake="fuite" session="evaluation"
# message : ce message laisse reconnaître la personne
fuite = {lettre: "non" for lettre in "ABCDE"}

# %% mistake="fuite" session="evaluation"
# message : ne laisse reconnaître personne
fuite = {lettre: "oui" for lettre in "ABCDE"}

# %% [markdown]
# <details><summary>Que faire à la place ? (facultatif)</summary>
#
# Utiliser l'outil encadré par l'établissement (hébergeur certifié,
# contrat, données non réutilisées) ; sinon, ne poser que des questions générales ; relire et
# vérifier ce qui est produit ; dire qu'une IA a aidé (règle de l'école).
# </details>

# %% [markdown]
# ## 5. Quel texte s'applique ?
#
# Pour chaque cas, cherchez **qui** doit faire (ou ne pas faire) quelque chose, et **quoi**
# (le tableau « Textes cités », section 4, donne leurs dates et leurs résumés) :
#
# | Réponse | Texte | Qui ? | Quoi ? |
# |---|---|---|---|
# | `"secret"` | CSP, article L1110-4 | quiconque travaille dans le système de santé | ne rien révéler du patient |
# | `"HDS"` | CSP, article L1111-8 | qui garde des données de soin pour le compte d'un autre | être certifié |
# | `"RGPD"` | RGPD, article 9 | quiconque traite des données de santé | interdit, sauf exceptions |
# | `"IA"` | règlement sur l'IA, article 50 | le fournisseur d'un outil d'IA ; qui publie un texte généré pour informer le public | le fournisseur : dire qu'on parle à une IA, marquer ce qu'elle génère ; qui publie : le dire, sauf relecture humaine responsable |
#
# **Règle de départage.** Si la personne enfreint **deux** textes, répondez celui qui la vise
# **en raison de son métier ou de son activité** ; le RGPD, lui, vaut pour tous.
#
# <details><summary>Un exemple résolu (ouvrez-le si besoin)</summary>
#
# Une secrétaire médicale lit à voix haute, dans la salle d'attente, le diagnostic d'un
# patient. Elle travaille dans le système de santé et révèle une information : elle enfreint
# le secret (son métier) **et** le RGPD (tout le monde) ; réponse `"secret"`.
# </details>

# %% [markdown] session="formative"
# ### Question 5 — Quel texte enfreint-elle ? (1 point)
#
# Pour la personne ou l'entreprise en **gras**, écrivez le texte qu'elle **enfreint** par ce
# qu'elle fait là : `"secret"`, `"HDS"`, `"RGPD"`, `"IA"`, ou `"aucun"` (un texte peut
# s'appliquer sans être enfreint). Deux textes enfreints : règle de départage. Chaque cas se
# juge seul.
#
# - **A** : **un interne** raconte à un ami, au café, qu'un patient du service est hospitalisé,
#   et pourquoi.
# - **B** : une clinique fait stocker ses dossiers de patients sur les serveurs d'**une
#   entreprise informatique**, qui n'a pas de certification.
# - **C** : **une application de sport**, sans aucun lien avec un soin, devine le statut VIH de
#   ses utilisateurs d'après leurs messages, sans le leur demander, et le note dans leur profil.
# - **D** : **un hôpital** garde les dossiers de ses patients sur ses propres serveurs, dans
#   ses locaux, gérés par son service informatique, qui n'a pas de certification.
#
# <details><summary>Indice 1</summary>
#
# Demandez-vous d'abord **qui** porte l'obligation (un soignant ? celui qui héberge des données
# de soin, et pour le compte de qui ? quiconque traite des données de santé ? le fournisseur
# d'un outil d'IA ?), puis relisez le tableau « Textes cités » de la section 4 : un mot de l'énoncé
# (« certification », « secret », « IA ») ne suffit pas à trancher.
# </details>

# %% [markdown] session="evaluation"
# ### Question 5 — Quel texte enfreint-elle ? (1 point)
#
# Pour la personne ou l'entreprise en **gras**, écrivez le texte qu'elle **enfreint** par ce
# qu'elle fait là : `"secret"`, `"HDS"`, `"RGPD"`, `"IA"`, ou `"aucun"` (un texte peut
# s'appliquer sans être enfreint). Deux textes enfreints : règle de départage. Chaque cas se
# juge seul.
#
# Vos quatre cas sont affichés sous cette question.
#
# <details><summary>Indice 1</summary>
#
# Demandez-vous d'abord **qui** porte l'obligation (un soignant ? celui qui héberge des données
# de soin, et pour le compte de qui ? quiconque traite des données de santé ? le fournisseur
# d'un outil d'IA ?), puis relisez le tableau « Textes cités » de la section 4 : un mot de l'énoncé
# (« certification », « secret », « IA ») ne suffit pas à trancher.
# </details>

# %% answer="texte_obligation" session="formative"
texte_obligation = {"A": ..., "B": ..., "C": ..., "D": ...}
### BEGIN SOLUTION
texte_obligation = {"A": "secret", "B": "HDS", "C": "RGPD", "D": "aucun"}
### END SOLUTION

# %% tests="texte_obligation" points=1 session="formative"
# Vérification de la question 5 : exécutez cette cellule.
checks.check_choices(
    texte_obligation,
    name="texte_obligation",
    options=["secret", "HDS", "RGPD", "IA", "aucun"],
    name_items=False,  # naming the wrong cases would let a student answer by elimination
    digests={"A": "61c95eb29f2f6d2c", "B": "e5f24c3b3349e25e", "C": "0e9881f336a14d40",
             "D": "9bc314a7d9f99b34"},
    mistakes={
        "A": [
            checks.Mistake(None, "le RGPD peut aussi s'appliquer à une parole, quand "
                           "l'information vient d'un dossier (Cour de justice de l'Union "
                           "européenne, 7 mars 2024, affaire C-740/22) ; mais il ne vise pas "
                           "le soignant en tant que tel : un autre texte lui impose de se taire.",
                           digest="af460e1e8bd8ffec"),
            checks.Mistake(None, "rien n'est hébergé ici : c'est une parole, pas un stockage.",
                           digest="1f1d0304ac23c4d6"),
            checks.Mistake(None, "un soignant n'a pas le droit de raconter ce qu'il sait d'un "
                           "patient : l'un des quatre textes l'interdit.",
                           digest="cd439354adf1fc86"),
        ],
        "B": [
            checks.Mistake(None, "le RGPD encadre tout traitement, mais ne crée pas de "
                           "certification obligatoire pour héberger des données de soin.",
                           digest="d0366654825ab4a2"),
            checks.Mistake(None, "le secret dit qui peut connaître les informations ; il "
                           "n'impose aucune certification.", digest="c651a50fdc5ded6b"),
            checks.Mistake(None, "« aucun » suppose qu'aucun des quatre textes ne vise ce cas : "
                           "relisez, dans « Textes cités », celui qui parle de certification, "
                           "et à qui il s'adresse.", digest="d82255f0a53a0531"),
        ],
        "C": [
            checks.Mistake(None, "le secret médical lie ceux qui travaillent dans le système "
                           "de santé : la personne en gras en fait-elle partie ? Relisez la "
                           "colonne « Qui ? » du tableau de la section 5.",
                           digest="72808623c8fbf52a"),
            checks.Mistake(None, "l'hébergement certifié vise les données recueillies pour la "
                           "prévention, le diagnostic ou le soin : ici, aucun soin.",
                           digest="85a09eaa51f5889d"),
            checks.Mistake(None, "un texte encadre ce traitement, même hors de tout soin.",
                           digest="ea26220f99339d5e"),
            checks.Mistake(None, "l'article 50 du règlement sur l'IA oblige seulement à dire "
                           "qu'on parle à une IA et à marquer ce qu'elle génère ; déduire une "
                           "donnée de santé sans l'accord de la personne, c'est ce que vise un "
                           "autre texte, quel que soit l'outil.", digest="2480442455ed90ff"),
        ],
        "D": [
            checks.Mistake(None, "la certification HDS vise qui garde des données de soin pour "
                           "le compte d'un autre : relisez la colonne « Qui ? » du tableau de "
                           "la section 5, puis demandez-vous pour qui la personne en gras "
                           "garde ces dossiers.",
                           digest="448a56b2ef682222"),
            checks.Mistake(None, "un texte peut s'appliquer sans être enfreint : le RGPD admet "
                           "des exceptions, dont les soins (article 9, paragraphe 2, point h), "
                           "et n'exige aucune certification. Relisez la colonne « Quoi ? » du "
                           "tableau de la section 5.",
                           digest="28e053f2209351db"),
            checks.Mistake(None, "le secret dit qui peut connaître les informations ; il "
                           "n'impose aucune certification.", digest="56d39d424d970527"),
            checks.Mistake(None, "rien ici n'est un système d'IA.", digest="615db40631e495f2"),
        ],
    },
    success="chaque texte a sa cible : le soignant (secret), celui qui héberge des données de "
    "soin pour le compte d'un autre (HDS ; l'hôpital qui garde ses propres dossiers n'en est "
    "pas), tout traitement de données de santé, soin ou non (RGPD).",
    points=1,
)
### BEGIN HIDDEN TESTS
checks.check_choices(texte_obligation, name="texte_obligation", options=["secret", "HDS", "RGPD", "IA", "aucun"],
                     expected={"A": "secret", "B": "HDS", "C": "RGPD", "D": "aucun"}, points=1)
### END HIDDEN TESTS

# %% mistake="texte_obligation" session="formative"
# message : la personne en gras en fait-elle partie
texte_obligation = {"A": "secret", "B": "HDS", "C": "secret", "D": "aucun"}

# %% mistake="texte_obligation" session="formative"
# message : il ne vise pas le soignant en tant que tel
texte_obligation = {"A": "RGPD", "B": "HDS", "C": "RGPD", "D": "aucun"}

# %% mistake="texte_obligation" session="formative"
# message : ne crée pas de certification obligatoire
texte_obligation = {"A": "secret", "B": "RGPD", "C": "RGPD", "D": "aucun"}

# %% mistake="texte_obligation" session="formative"
# message : quel que soit l'outil
texte_obligation = {"A": "secret", "B": "HDS", "C": "IA", "D": "aucun"}

# %% mistake="texte_obligation" session="formative"
# message : pour qui la personne en gras
texte_obligation = {"A": "secret", "B": "HDS", "C": "RGPD", "D": "HDS"}

# %% session="evaluation"
# La réserve des cas, dans le désordre : votre copie en tire quatre (deux peuvent avoir la
# même réponse, et une réponse peut ne pas servir), dans
# l'ordre de votre copie.
cas_5a = [
    "**une société de sauvegarde en ligne** garde sur ses serveurs, pour le compte d'un "
    "laboratoire de biologie médicale, les résultats d'analyses de ses patients ; elle n'a "
    "pas de certification.",
    "**un employeur** tient un tableau des arrêts de travail de ses salariés, avec le motif "
    "médical qu'il exige de chacun d'eux.",
    "**un hébergeur de données de santé certifié** garde sur ses serveurs, pour le compte "
    "d'un centre de santé, les dossiers de ses patients, sous contrat avec lui.",
    "**un infirmier** raconte sur un réseau social, en le nommant, ce qu'il a lu dans le "
    "dossier d'un patient de son service.",
    "**un prestataire informatique** garde, dans ses propres centres de données, les dossiers "
    "des patients d'un centre de santé ; il n'a pas de certification.",
    "**un cabinet de kinésithérapie** garde les dossiers de ses patients sur un serveur "
    "installé dans son propre local ; ni le cabinet ni ce serveur n'ont de certification.",
    "**un propriétaire** qui loue un appartement exige de chaque candidat locataire un "
    "certificat de son médecin sur ses maladies, et garde ces certificats dans un classeur, "
    "rangés par nom.",
    "**une sage-femme** recopie, dans un message à sa famille, ce qu'elle a lu dans le "
    "dossier d'une voisine qu'elle a suivie pendant un accouchement difficile.",
    "un cabinet de kinésithérapie confie les dossiers de ses patients à **une entreprise "
    "informatique**, qui les garde sur ses propres serveurs ; l'entreprise n'a pas de "
    "certification.",
    "**un médecin généraliste** garde les dossiers de ses patients sur l'ordinateur de son "
    "cabinet ; ni le médecin ni cet ordinateur n'ont de certification.",
]
display(Markdown("\n".join(
    f"- **{lettre}** : {texte}" for lettre, texte in copy_order(graine, "texte_obligation",
                                                                cas_5a).items())))
print("Quatre cas : A, B, C et D.")

# %% answer="texte_obligation" session="evaluation"
texte_obligation = {"A": ..., "B": ..., "C": ..., "D": ...}
### BEGIN SOLUTION
# The answer of each case of the list, by its position in the list shown above.
reponses_5a = ["HDS", "RGPD", "aucun", "secret", "HDS", "aucun", "RGPD", "secret", "HDS", "aucun"]
texte_obligation = {lettre: reponses_5a[i] for lettre, i in
                    copy_order(graine, "texte_obligation", range(len(cas_5a))).items()}
### END SOLUTION

# %% tests="texte_obligation" points=1 session="evaluation"
# Vérification de la question 5 : exécutez cette cellule.
checks.check_form(texte_obligation, name="texte_obligation", kind="choices",
                  options=["secret", "HDS", "RGPD", "IA", "aucun"], items=["A", "B", "C", "D"])
### BEGIN HIDDEN TESTS
from esn_teach.generative import copy_order as tirage_copie_5a

# The positions this copy shows, in the list of ten cases (the package draws positions only,
# without reading any answer), and the kind of the case at each position: it decides the
# answer and the named mistakes (tests/modules/test_module_14.py checks this table against
# the list's texts).
q5a = tirage_copie_5a(checks.student_seed("14", announce=False), "texte_obligation", range(10))
genres_5a = ["C", "A", "certifie", "D", "C", "B", "A", "D", "C", "B"]
reponses_5a = {"A": "RGPD", "B": "aucun", "C": "HDS", "D": "secret", "certifie": "aucun"}
pas_ia_5a = "rien ici n'est un système d'IA."
erreurs_5a = {
    "A": [checks.Mistake("secret", "le secret médical lie ceux qui travaillent dans le système "
                         "de santé : ni un employeur ni un bailleur n'en font partie, même "
                         "s'ils apprennent un motif médical."),
          checks.Mistake("HDS", "l'hébergement certifié vise qui garde des données de soin pour "
                         "le compte d'un autre : ce fichier est le sien, et ce n'est pas un soin."),
          checks.Mistake("IA", pas_ia_5a),
          checks.Mistake("aucun", "un des quatre textes interdit ce traitement de données de "
                         "santé, sauf exceptions, même hors de tout soin ; aucune ne joue ici (une "
                         "information exigée n'est pas donnée librement)."),
    ],
    "B": [checks.Mistake("HDS", "la certification HDS vise qui héberge des données de soin pour "
                         "le compte d'un autre : qui garde ses propres dossiers chez lui "
                         "n'héberge pour personne. Il n'a pas à être certifié."),
          checks.Mistake("RGPD", "le RGPD s'applique bien à ces dossiers, mais ce soignant ne "
                         "l'enfreint pas : garder les dossiers de ses patients pour les soigner "
                         "fait partie des exceptions de l'article 9 (paragraphe 2, point h : les "
                         "soins) ; et le RGPD n'exige aucune certification."),
          checks.Mistake("secret", "garder ses dossiers n'est pas les révéler : le secret n'est "
                         "pas en cause, et il n'impose aucune certification."),
          checks.Mistake("IA", pas_ia_5a),
    ],
    "C": [checks.Mistake("RGPD", "le RGPD encadre ce traitement, mais ne crée pas de "
                         "certification obligatoire pour héberger des données de soin."),
          checks.Mistake("secret", "le secret dit qui peut connaître les informations ; il "
                         "n'impose aucune certification."),
          checks.Mistake("aucun", "cette certification est bien obligatoire, par un des quatre "
                         "textes."),
          checks.Mistake("IA", pas_ia_5a),
    ],
    "D": [checks.Mistake("RGPD", "le RGPD s'applique aussi : ces informations sont tirées d'un "
                         "dossier (voyez aussi l'arrêt de la Cour de justice de l'Union "
                         "européenne du 7 mars 2024, affaire C-740/22) ; mais il vaut pour tous, "
                         "et un autre texte vise ce soignant en raison de son métier."),
          checks.Mistake("HDS", "rien n'est hébergé pour le compte d'un autre ici : c'est une "
                         "divulgation, pas un stockage."),
          checks.Mistake("aucun", "un soignant n'a pas le droit de raconter ce qu'il sait d'un "
                         "patient : l'un des quatre textes l'interdit."),
          checks.Mistake("IA", pas_ia_5a),
    ],
    "certifie": [
        checks.Mistake("HDS", "cet hébergeur est certifié, comme l'exige l'article L1111-8 à qui "
                       "garde des données de soin pour le compte d'un autre : il n'enfreint "
                       "aucun texte."),
        checks.Mistake("RGPD", "le RGPD s'applique à ces dossiers, mais l'hébergeur ne l'enfreint "
                       "pas : héberger pour un soignant, certifié et sous contrat, est permis."),
        checks.Mistake("secret", "garder des dossiers pour le compte d'un centre de santé, sous "
                       "contrat, n'est pas les révéler : le secret n'est pas en cause."),
        checks.Mistake("IA", pas_ia_5a),
    ],
}
genre_q5a = {lettre: genres_5a[q5a[lettre]] for lettre in "ABCD"}
checks.check_choices(
    texte_obligation, name="texte_obligation", options=["secret", "HDS", "RGPD", "IA", "aucun"],
    expected={lettre: reponses_5a[genre] for lettre, genre in genre_q5a.items()},
    mistakes={lettre: erreurs_5a[genre] for lettre, genre in genre_q5a.items()},
    success="chaque texte a sa cible : tout traitement de données de santé, soin ou non "
    "(RGPD : l'employeur, le bailleur) ; celui qui garde des données de soin pour le compte "
    "d'un autre (HDS : il doit être certifié ; le professionnel qui garde ses propres dossiers "
    "n'en est pas) ; le soignant (secret, même si le RGPD s'applique aussi).",
    points=1)
### END HIDDEN TESTS

# %% mistake="texte_obligation" session="evaluation"
# message : des quatre textes
texte_obligation = {"A": "aucun", "B": "aucun", "C": "aucun", "D": "aucun"}

# %% mistake="texte_obligation" session="evaluation"
# message : pour le compte d'un autre
texte_obligation = {"A": "HDS", "B": "HDS", "C": "HDS", "D": "HDS"}

# %% mistake="texte_obligation" session="evaluation"
# message : le RGPD
texte_obligation = {"A": "RGPD", "B": "RGPD", "C": "RGPD", "D": "RGPD"}

# %% [markdown] session="formative"
# <details><summary>Pour vous entraîner (facultatif, non noté) : quatre cas avec un outil d'IA</summary>
#
# Même consigne qu'à la question 5. Chaque cas parle d'un outil d'IA ; cela ne veut pas dire
# que le règlement sur l'IA y répond.
#
# - **E** : **une entreprise** met sur le marché un agent conversationnel qui répond aux
#   patients sur le site d'un hôpital ; rien n'y dit aux patients qu'ils écrivent à une IA, et
#   ce n'est pas évident.
# - **F** : **un hôpital** publie sur son site une fiche sur la vaccination contre la grippe,
#   pour informer le public, rédigée par son agent conversationnel encadré ; une infirmière
#   l'a relue et corrigée, l'hôpital la publie sous sa responsabilité, avec le nom de
#   l'infirmière ; la fiche ne dit pas qu'une IA l'a rédigée.
# - **G** : **un éditeur** vend aux hôpitaux un outil d'IA qui transcrit et résume les
#   consultations ; il garde sur ses serveurs, pour le compte des hôpitaux, les comptes rendus
#   produits ; il n'a pas de certification.
# - **H** : **une infirmière** fait résumer un dossier par l'outil d'IA encadré de son hôpital,
#   puis lit ce résumé au téléphone à l'employeur du patient, qui le lui demande.
#
# <details><summary>Les réponses, après avoir essayé</summary>
#
# **E** `"IA"` : le fournisseur doit dire qu'on parle à une IA (article 50). **F** `"aucun"` :
# l'article 50 (paragraphe 4) dispense qui publie un texte d'information relu par un humain,
# sous la responsabilité éditoriale d'une personne. **G** `"HDS"` : il garde des données de
# soin pour le compte d'autres, sans certification, avec ou sans IA. **H** `"secret"` : une
# IA ne change rien à ce qu'un soignant peut révéler (le RGPD s'applique aussi, mais le secret
# vise son métier).
# </details>
# </details>

# %% [markdown]
# ## 6. Désidentifier automatiquement, et ses limites
#
# Deux outils retirent automatiquement noms et dates des notes synthétiques (dont le
# générateur connaît chaque nom et chaque date) :
#
# - des **règles** : un motif pour les dates en chiffres, et « un ou deux mots à majuscule
#   après M., Mme, Dr… » pour les noms ;
# - un **modèle** du logiciel spaCy (`fr_core_news_sm`), qui range chaque nom propre en
#   « personne », « lieu », « organisation » ou « divers » (PER, LOC, ORG, MISC) ; il n'a
#   **aucune catégorie « date »**.
#
# Le **rappel** d'un outil est la part des noms **réellement présents** qu'il a trouvés : sa
# **sensibilité**, comme pour un test diagnostique.

# %% jupyter={"source_hidden": true} session="formative"
# Inutile de lire ce code (replié) : il lance les deux outils sur 100 notes et compte ce
# qu'ils trouvent (le chargement du modèle prend une ou deux secondes).
import spacy

from esn_teach import privacy as pv
from esn_teach.generative import load_french_ner

# On ne charge que la partie de fr_core_news_sm qui repère les entités nommées.
nlp = load_french_ner("fr_core_news_sm")
print(f"spaCy {spacy.__version__}, modèle fr_core_news_sm (seule sa partie qui repère les "
      "entités nommées est chargée).\n")
echantillon = notes.frame.head(100)
entites = notes.entities[notes.entities["note_id"].isin(echantillon["note_id"])].copy()
ids, textes = echantillon["note_id"].tolist(), echantillon["text"].tolist()
par_regles = {i: pv.rule_spans(t) for i, t in zip(ids, textes, strict=True)}
documents = list(nlp.pipe(textes))
par_spacy = dict(zip(ids, pv.entity_spans(documents, ["PER"]), strict=True))
par_spacy_divers = dict(zip(ids, pv.entity_spans(documents, ["PER", "MISC"]), strict=True))
entites["regles"] = pv.mark_detected(entites, par_regles)
entites["spacy"] = pv.mark_detected(entites, par_spacy)
entites["spacy_divers"] = pv.mark_detected(entites, par_spacy_divers)
noms = entites[entites["kind"] == "nom"]
n_noms = len(noms)
n_noms_regles = int(noms["regles"].sum())
n_noms_spacy = int(noms["spacy"].sum())
n_signales_spacy = sum(len(v) for v in par_spacy.values())
n_dates = int((entites["kind"] == "date").sum())
n_dates_regles = int(entites.loc[entites["kind"] == "date", "regles"].sum())
print("Sur 100 notes (entre parenthèses, le nom à écrire dans un calcul) :")
print(f"- noms de personnes présents (n_noms) : {n_noms}")
print(f"- noms trouvés par les règles (n_noms_regles) : {n_noms_regles}")
print(f"- noms trouvés par spaCy (n_noms_spacy) : {n_noms_spacy}")
print(f"- passages que spaCy a signalés comme noms de personnes, justes ou non "
      f"(n_signales_spacy) : {n_signales_spacy}")
print(f"- dates présentes (n_dates) : {n_dates} ; trouvées par les règles : {n_dates_regles} ; "
      "par spaCy : 0 (aucune catégorie « date »)")
manques = (entites.assign(sorte=entites["kind"])
           .groupby(["sorte", "case"])[["regles", "spacy"]].agg(["sum", "size"]))
tableau = pd.DataFrame({
    "présents": manques[("regles", "size")],
    "trouvés par les règles": manques[("regles", "sum")],
    "trouvés par spaCy": manques[("spacy", "sum")],
})
display(fr_table(tableau, index={"sorte": "catégorie", "case": "cas"},
                 caption="Ce que chaque outil trouve, par catégorie et par cas"))

# La lecture est écrite à partir des chiffres : elle ne peut pas contredire le tableau.
par_cas = tableau.xs("nom", level="sorte")


def sur(cas, colonne):
    return f"{par_cas.loc[cas, colonne]} sur {par_cas.loc[cas, 'présents']}"


manques_spacy = par_cas["présents"] - par_cas["trouvés par spaCy"]
taux_spacy = par_cas["trouvés par spaCy"] / par_cas["présents"]
pire, meilleur = manques_spacy.idxmax(), taux_spacy.idxmax()
rates = [cas for cas in par_cas.index if par_cas.loc[cas, "trouvés par les règles"] == 0]
exemple = noms[(noms["case"] == pire) & ~noms["spacy"] & noms["spacy_divers"]].iloc[0]
texte_exemple = notes.frame.set_index("note_id").loc[exemple["note_id"], "text"]
debut = texte_exemple.rfind(" ", 0, exemple["start"] - 1) + 1
n_divers = int(noms["spacy_divers"].sum())
n_signales_divers = sum(len(v) for v in par_spacy_divers.values())
print("\nLecture du tableau (écrite à partir des chiffres) :")
regles_standard = sur("standard", "trouvés par les règles")
cas_rates = ", ".join(f"« {cas} »" for cas in rates)
print(f"- les règles : noms « standard » (après une civilité) {regles_standard} ; aucun dans "
      f"les cas {cas_rates}.")
print(f"- spaCy : « {meilleur} » {sur(meilleur, 'trouvés par spaCy')} ; c'est dans le cas "
      f"« {pire} » qu'il en manque le plus : il n'en trouve que {sur(pire, 'trouvés par spaCy')}. "
      f"Par exemple, il classe « "
      f"{texte_exemple[debut:exemple['end']]} » en entité « divers » (MISC), pas « personne ».")
print(f"- en comptant aussi les entités « divers », spaCy trouverait {n_divers} noms sur "
      f"{n_noms}, mais signalerait "
      f"{n_signales_divers} passages au lieu de {n_signales_spacy} : des mots ordinaires "
      "seraient masqués aussi.")


# À qui est chaque nom, et comment spaCy l'étiquette (le générateur connaît la personne).
documents_par_note = dict(zip(ids, documents, strict=True))


def etiquette(ligne):
    for entite in documents_par_note[ligne.note_id].ents:
        if entite.start_char < ligne.end and ligne.start < entite.end_char:
            return entite.label_
    return "aucune"


noms = noms.assign(etiquette=[etiquette(ligne) for ligne in noms.itertuples()])
par_role = pd.crosstab(noms["role"], noms["etiquette"]).reindex(
    index=["patient", "proche", "médecin"], columns=["PER", "MISC", "LOC", "ORG", "aucune"],
    fill_value=0)
par_role.insert(0, "présents", par_role.sum(axis=1))
par_role.columns.name = None
# Le tableau par personne est replié ; un exercice facultatif, après la question 6, s'en sert.
tableau_par_role = fr_table(
    par_role, index={"role": "à qui est le nom"},
    columns={"PER": "« personne » (PER)", "MISC": "« divers » (MISC)", "LOC": "« lieu » (LOC)",
             "ORG": "« organisation » (ORG)", "aucune": "aucune entité"},
    caption="Comment spaCy étiquette chaque nom, selon la personne")
display(HTML("<details><summary>Le détail, selon la personne (patients, proches, médecins) : "
             "cliquez pour l'ouvrir</summary>" + tableau_par_role.to_html() + "</details>"))
n_medecins = int(par_role.loc["médecin", "présents"])
n_medecins_per = int(par_role.loc["médecin", "PER"])
n_manques = n_noms - n_noms_spacy
n_manques_medecins = n_medecins - n_medecins_per
# The text below says that, on these notes, spaCy never tags a doctor's name « personne ».
assert n_medecins_per == 0
print(f"- noms de médecins (« Dr X ») : {n_medecins_per} sur {n_medecins} classés « personne » "
      f"(les autres : « divers » ou « lieu ») ; ils font {n_manques_medecins} des {n_manques} "
      "noms que spaCy manque.")

# %% jupyter={"source_hidden": true} session="evaluation"
# Inutile de lire ce code (replié) : il lance les deux outils sur vos 100 notes et compte ce
# qu'ils trouvent (le chargement du modèle prend une ou deux secondes). Même code que la
# version formative, sauf les notes : les vôtres, tirées parmi les 400 du corpus.
import spacy

from esn_teach import privacy as pv
from esn_teach.generative import load_french_ner

# On ne charge que la partie de fr_core_news_sm qui repère les entités nommées.
nlp = load_french_ner("fr_core_news_sm")
print(f"spaCy {spacy.__version__}, modèle fr_core_news_sm (seule sa partie qui repère les "
      "entités nommées est chargée).\n")
echantillon = notes.frame.iloc[list(cas.scored_notes)]
print(f"Vos {len(echantillon)} notes sont tirées pour votre copie parmi les {len(notes.frame)} "
      "du corpus : vos voisins en ont d'autres, et d'autres chiffres.\n")
entites = notes.entities[notes.entities["note_id"].isin(echantillon["note_id"])].copy()
ids, textes = echantillon["note_id"].tolist(), echantillon["text"].tolist()
par_regles = {i: pv.rule_spans(t) for i, t in zip(ids, textes, strict=True)}
documents = list(nlp.pipe(textes))
par_spacy = dict(zip(ids, pv.entity_spans(documents, ["PER"]), strict=True))
par_spacy_divers = dict(zip(ids, pv.entity_spans(documents, ["PER", "MISC"]), strict=True))
entites["regles"] = pv.mark_detected(entites, par_regles)
entites["spacy"] = pv.mark_detected(entites, par_spacy)
entites["spacy_divers"] = pv.mark_detected(entites, par_spacy_divers)
noms = entites[entites["kind"] == "nom"]
n_noms = len(noms)
n_noms_regles = int(noms["regles"].sum())
n_noms_spacy = int(noms["spacy"].sum())
n_signales_spacy = sum(len(v) for v in par_spacy.values())
n_dates = int((entites["kind"] == "date").sum())
n_dates_regles = int(entites.loc[entites["kind"] == "date", "regles"].sum())
print("Sur 100 notes (entre parenthèses, le nom à écrire dans un calcul) :")
print(f"- noms de personnes présents (n_noms) : {n_noms}")
print(f"- noms trouvés par les règles (n_noms_regles) : {n_noms_regles}")
print(f"- noms trouvés par spaCy (n_noms_spacy) : {n_noms_spacy}")
print(f"- passages que spaCy a signalés comme noms de personnes, justes ou non "
      f"(n_signales_spacy) : {n_signales_spacy}")
print(f"- dates présentes (n_dates) : {n_dates} ; trouvées par les règles : {n_dates_regles} ; "
      "par spaCy : 0 (aucune catégorie « date »)")
manques = (entites.assign(sorte=entites["kind"])
           .groupby(["sorte", "case"])[["regles", "spacy"]].agg(["sum", "size"]))
tableau = pd.DataFrame({
    "présents": manques[("regles", "size")],
    "trouvés par les règles": manques[("regles", "sum")],
    "trouvés par spaCy": manques[("spacy", "sum")],
})
display(fr_table(tableau, index={"sorte": "catégorie", "case": "cas"},
                 caption="Ce que chaque outil trouve, par catégorie et par cas"))

# La lecture est écrite à partir des chiffres : elle ne peut pas contredire le tableau.
par_cas = tableau.xs("nom", level="sorte")


def sur(cas, colonne):
    return f"{par_cas.loc[cas, colonne]} sur {par_cas.loc[cas, 'présents']}"


manques_spacy = par_cas["présents"] - par_cas["trouvés par spaCy"]
taux_spacy = par_cas["trouvés par spaCy"] / par_cas["présents"]
pire, meilleur = manques_spacy.idxmax(), taux_spacy.idxmax()
rates = [cas for cas in par_cas.index if par_cas.loc[cas, "trouvés par les règles"] == 0]
exemple = noms[(noms["case"] == pire) & ~noms["spacy"] & noms["spacy_divers"]].iloc[0]
texte_exemple = notes.frame.set_index("note_id").loc[exemple["note_id"], "text"]
debut = texte_exemple.rfind(" ", 0, exemple["start"] - 1) + 1
n_divers = int(noms["spacy_divers"].sum())
n_signales_divers = sum(len(v) for v in par_spacy_divers.values())
print("\nLecture du tableau (écrite à partir des chiffres) :")
regles_standard = sur("standard", "trouvés par les règles")
cas_rates = ", ".join(f"« {cas} »" for cas in rates)
print(f"- les règles : noms « standard » (après une civilité) {regles_standard} ; aucun dans "
      f"les cas {cas_rates}.")
print(f"- spaCy : « {meilleur} » {sur(meilleur, 'trouvés par spaCy')} ; c'est dans le cas "
      f"« {pire} » qu'il en manque le plus : il n'en trouve que {sur(pire, 'trouvés par spaCy')}. "
      f"Par exemple, il classe « "
      f"{texte_exemple[debut:exemple['end']]} » en entité « divers » (MISC), pas « personne ».")
print(f"- en comptant aussi les entités « divers », spaCy trouverait {n_divers} noms sur "
      f"{n_noms}, mais signalerait "
      f"{n_signales_divers} passages au lieu de {n_signales_spacy} : des mots ordinaires "
      "seraient masqués aussi.")


# À qui est chaque nom, et comment spaCy l'étiquette (le générateur connaît la personne).
documents_par_note = dict(zip(ids, documents, strict=True))


def etiquette(ligne):
    for entite in documents_par_note[ligne.note_id].ents:
        if entite.start_char < ligne.end and ligne.start < entite.end_char:
            return entite.label_
    return "aucune"


noms = noms.assign(etiquette=[etiquette(ligne) for ligne in noms.itertuples()])
par_role = pd.crosstab(noms["role"], noms["etiquette"]).reindex(
    index=["patient", "proche", "médecin"], columns=["PER", "MISC", "LOC", "ORG", "aucune"],
    fill_value=0)
par_role.insert(0, "présents", par_role.sum(axis=1))
par_role.columns.name = None
display(fr_table(par_role, index={"role": "à qui est le nom"},
                 columns={"PER": "« personne » (PER)", "MISC": "« divers » (MISC)",
                          "LOC": "« lieu » (LOC)", "ORG": "« organisation » (ORG)",
                          "aucune": "aucune entité"},
                 caption="Comment spaCy étiquette chaque nom, selon la personne"))
n_medecins = int(par_role.loc["médecin", "présents"])
n_medecins_per = int(par_role.loc["médecin", "PER"])
n_manques = n_noms - n_noms_spacy
n_manques_medecins = n_medecins - n_medecins_per
# The text below says that, on these notes, spaCy never tags a doctor's name « personne ».
assert n_medecins_per == 0
print(f"- noms de médecins (« Dr X ») : {n_medecins_per} sur {n_medecins} classés « personne » "
      f"(les autres : « divers » ou « lieu ») ; ils font {n_manques_medecins} des {n_manques} "
      "noms que spaCy manque.")

# %% [markdown]
# **Aucun outil ne trouve tout** (un nom compte comme trouvé si un passage signalé le
# recouvre) : une note « désidentifiée » automatiquement se relit.
#
# <details><summary>Pour aller plus loin : d'où vient l'erreur de spaCy, et les limites de cette
# comparaison</summary>
#
# Les règles manquent les noms sans civilité. Après « Dr », spaCy prend le nom du médecin pour
# un « divers » ou un lieu, jamais, sur ces notes, pour une personne : un outil se trompe là
# où ses textes d'apprentissage ne ressemblent pas aux nôtres. Or le nom du médecin est lui
# aussi une donnée personnelle, et il dit dans quel service le patient est suivi.
#
# spaCy a appris ses entités sur des articles de Wikipédia, où elles avaient été repérées
# automatiquement (le corpus WikiNER, Nothman et al., 2013), pas sur des notes cliniques. Le
# classement des entités change beaucoup le rappel : c'est un réglage à choisir, et à mesurer.
# Cette comparaison favorise les règles **par construction** : le générateur écrit tous les noms
# « standard » juste après une civilité, exactement le motif des règles (d'où leur score sur ces
# noms) ; dans un vrai dossier (« vu par Garcia »), elles en manqueraient. La mesure vaut pour
# ces notes synthétiques, pas pour un vrai dossier.
# </details>

# %% [markdown] session="formative"
# ### Question 6 — Le rappel de spaCy pour les noms (1 point)
#
# Quel est le **rappel** de spaCy pour les noms de personnes (entités « personne » seulement,
# comme dans le tableau), sur ces 100 notes ? Donnez une
# proportion entre 0 et 1 (vérifiée à 3 décimales) : écrivez une division, `a / b`, avec deux
# des variables affichées entre parenthèses ci-dessus.
#
# <details><summary>Indice 1</summary>
#
# Le rappel part des noms **réellement présents** : parmi eux, combien l'outil en a-t-il
# trouvé ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Ne divisez pas par ce que l'outil a signalé (il signale aussi des mots qui ne sont pas des
# noms) : divisez par ce qui était à trouver.
# </details>

# %% [markdown] session="evaluation"
# ### Question 6 — Le rappel de spaCy pour les noms des patients (1 point)
#
# Quel est le **rappel** de spaCy pour les noms des **patients** seuls (entités « personne »
# seulement), sur ces 100 notes ? Écrivez une division, `a / b` (vérifiée à 3 décimales), avec
# deux nombres du tableau « Comment spaCy étiquette chaque nom, selon la personne ».
#
# <details><summary>Indice 1</summary>
#
# Le rappel part des noms de patients **réellement présents** : parmi eux, combien spaCy
# en a-t-il classés « personne » ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Lisez la seule ligne des patients, dans le tableau par personne ; divisez par ce qui était
# à trouver.
# </details>

# %% answer="rappel_spacy" session="formative"
rappel_spacy = ...
### BEGIN SOLUTION
rappel_spacy = n_noms_spacy / n_noms
### END SOLUTION

# %% tests="rappel_spacy" points=1 session="formative"
# Vérification de la question 6 : exécutez cette cellule.
valeur_rappel = checks.require_number(rappel_spacy, name="rappel_spacy")
checks.expect(valeur_rappel not in (n_noms_spacy, n_noms_regles),
              "vous avez donné un nombre de noms. On demande une proportion, entre 0 et 1 : "
              "rapportez-le à ce qui était à trouver.", name="rappel_spacy")
checks.check_number(
    rappel_spacy,
    name="rappel_spacy",
    digest="19cceae850d2da3c",
    decimals=3,
    bounds=(0, 1),
    mistakes=[
        checks.Mistake(None, "vous avez divisé par ce que spaCy a signalé : c'est, à peu de "
                       "chose près, la précision (la part des passages signalés qui sont "
                       "vraiment des noms). Le rappel part des noms réellement présents.",
                       digest="757d81dd29efff38"),
        checks.Mistake(n_divers / n_noms, "vous avez compté aussi les entités « divers » "
                       "(MISC) : la question porte sur les seules entités « personne » (PER), "
                       "comme le tableau."),
        checks.Mistake(None, "vous avez fait la division à l'envers : une proportion ne dépasse "
                       "pas 1. Le rappel met les noms trouvés au numérateur.",
                       digest="c70b78c5d64122ed"),
        checks.Mistake(None, "vous avez calculé le rappel des règles, pas celui de spaCy.",
                       digest="519c5f8df7561677"),
        checks.Mistake(None, "vous avez calculé la part des noms manqués : le rappel est la "
                       "part des noms trouvés.", digest="f78aeacedc04638c"),
        checks.Mistake(None, "vous avez divisé par tous les noms et toutes les dates : la "
                       "question porte sur les noms seuls.", digest="33e85065f800a8d2"),
    ],
    hint="Relisez la définition du rappel au début de la section : qu'est-ce qui était à "
    "trouver ?",
    success=f"{valeur_rappel:.3f}".replace(".", ",") + " : " + fr_percent(1 - valeur_rappel)
    + " des noms passeraient. Une désidentification automatique se relit toujours.",
    points=1,
)
### BEGIN HIDDEN TESTS
checks.check_number(rappel_spacy, name="rappel_spacy", decimals=3,
                    expected=n_noms_spacy / n_noms, points=1)
### END HIDDEN TESTS

# %% mistake="rappel_spacy" session="formative"
# message : à peu de chose près, la précision
rappel_spacy = n_noms_spacy / n_signales_spacy

# %% mistake="rappel_spacy" session="formative"
# message : le rappel des règles
rappel_spacy = n_noms_regles / n_noms

# %% mistake="rappel_spacy" session="formative"
# message : la part des noms manqués
rappel_spacy = 1 - n_noms_spacy / n_noms

# %% mistake="rappel_spacy" session="formative"
# message : un nombre de noms
rappel_spacy = n_noms_spacy

# %% mistake="rappel_spacy" session="formative"
# message : tous les noms et toutes les dates
rappel_spacy = n_noms_spacy / (n_noms + n_dates)

# %% mistake="rappel_spacy" session="formative"
# message : aussi les entités « divers »
rappel_spacy = n_divers / n_noms

# %% mistake="rappel_spacy" session="formative"
# message : la division à l'envers
rappel_spacy = n_noms / n_noms_spacy

# %% [markdown] session="formative"
# **Pour vous entraîner sur le tableau par personne** (facultatif, non noté) : ouvrez le
# tableau replié « Le détail, selon la personne », sous le tableau des rappels. Quel est le
# rappel de spaCy (entités « personne » seulement) pour les noms des **proches** seuls ?
# Calculez-le, puis exécutez la cellule suivante et ouvrez sa correction.

# %% jupyter={"source_hidden": true} session="formative"
# Inutile de lire ce code (replié) : il affiche la correction de l'exercice facultatif.
n_proches = int(par_role.loc["proche", "présents"])
n_proches_per = int(par_role.loc["proche", "PER"])
display(HTML("<details><summary>Correction de l'exercice facultatif (ouvrez après avoir "
             "calculé)</summary><p>On ne lit que la ligne des proches : parmi les "
             f"{n_proches} noms de proches présents, spaCy en a classé {n_proches_per} "
             "« personne » ; rappel = " + f"{n_proches_per} / {n_proches} = "
             + f"{n_proches_per / n_proches:.3f}".replace(".", ",")
             + ". On divise par les noms à trouver (la colonne « présents »), pas par tout "
             "ce que spaCy a signalé.</p></details>"))

# %% answer="rappel_spacy" session="evaluation"
rappel_spacy = ...
### BEGIN SOLUTION
rappel_spacy = par_role.loc["patient", "PER"] / par_role.loc["patient", "présents"]
### END SOLUTION

# %% tests="rappel_spacy" points=1 session="evaluation"
# Vérification de la question 6 : exécutez cette cellule.
checks.check_form(rappel_spacy, name="rappel_spacy", kind="number", decimals=3, bounds=(0, 1))
### BEGIN HIDDEN TESTS
from types import SimpleNamespace

from esn_teach import privacy as pv_q6
from esn_teach.datasets import make_clinical_notes as corpus_copie
from esn_teach.generative import exam_cases as cas_copie_q6
from esn_teach.generative import load_french_ner as ner_copie

# Recount, on this copy's 100 notes, with the public tools the statement uses (rules and
# spaCy), the names present and found, by whose name it is (the package holds no count).
corpus_q6 = corpus_copie(n_samples=400, random_state=14)
lignes_q6 = corpus_q6.frame.iloc[list(cas_copie_q6(
    checks.student_seed("14", announce=False)).scored_notes)]
ids_q6, textes_q6 = lignes_q6["note_id"].tolist(), lignes_q6["text"].tolist()
entites_q6 = corpus_q6.entities[corpus_q6.entities["note_id"].isin(ids_q6)].copy()
docs_q6 = list(ner_copie("fr_core_news_sm").pipe(textes_q6))
entites_q6["spacy"] = pv_q6.mark_detected(
    entites_q6, dict(zip(ids_q6, pv_q6.entity_spans(docs_q6, ["PER"]), strict=True)))
entites_q6["rules"] = pv_q6.mark_detected(
    entites_q6, {i: pv_q6.rule_spans(t) for i, t in zip(ids_q6, textes_q6, strict=True)})
noms_q6 = entites_q6[entites_q6["kind"] == "nom"]
patients_q6 = noms_q6[noms_q6["role"] == "patient"]
proches_q6 = noms_q6[noms_q6["role"] == "proche"]
q6 = SimpleNamespace(
    patients=len(patients_q6), patients_spacy=int(patients_q6["spacy"].sum()),
    patients_rules=int(patients_q6["rules"].sum()), relatives=len(proches_q6),
    relatives_spacy=int(proches_q6["spacy"].sum()), names=len(noms_q6),
    names_spacy=int(noms_q6["spacy"].sum()))
q6.patient_recall = q6.patients_spacy / q6.patients
checks.expect(rappel_spacy not in (q6.patients_spacy, q6.patients),
              "vous avez donné un nombre de noms. On demande une proportion, entre 0 et 1 : "
              "rapportez-le à ce qui était à trouver.", name="rappel_spacy")
checks.check_number(
    rappel_spacy, name="rappel_spacy", decimals=3, expected=q6.patient_recall,
    mistakes=[
        checks.Mistake(q6.names_spacy / q6.names, "vous avez calculé le rappel de spaCy pour "
                       "tous les noms : la question porte sur les noms des patients seuls."),
        checks.Mistake((q6.patients_spacy + q6.relatives_spacy) / (q6.patients + q6.relatives),
                       "vous avez compté ensemble les patients et les proches : la question "
                       "porte sur les patients seuls."),
        checks.Mistake(q6.patients_spacy / q6.names_spacy, "vous avez divisé par tous les noms "
                       "que spaCy a trouvés : le rappel part des noms de patients réellement "
                       "présents."),
        checks.Mistake(q6.patients_spacy / q6.names, "vous avez divisé par tous les noms "
                       "présents, ceux des proches et des médecins compris : la question porte "
                       "sur les patients seuls."),
        checks.Mistake(q6.patients_rules / q6.patients, "vous avez calculé le rappel des règles "
                       "pour les patients, pas celui de spaCy."),
        checks.Mistake(1 - q6.patient_recall, "vous avez calculé la part des noms manqués : le "
                       "rappel est la part des noms trouvés."),
        checks.Mistake(q6.patients / q6.patients_spacy, "vous avez fait la division à "
                       "l'envers : une proportion ne dépasse pas 1. Le rappel met les noms "
                       "trouvés au numérateur."),
    ],
    hint="Relisez la définition du rappel au début de la section : qu'est-ce qui était à "
    "trouver ?",
    success=f"{q6.patient_recall:.3f}".replace(".", ",") + " : "
    + f"{100 * (1 - q6.patient_recall):.1f}".replace(".", ",") + "\u00a0% des noms de "
    "patients passeraient. Une désidentification automatique se relit toujours.",
    points=1)
### END HIDDEN TESTS

# %% mistake="rappel_spacy" session="evaluation"
# message : le rappel de spaCy pour tous les noms
rappel_spacy = n_noms_spacy / n_noms

# %% mistake="rappel_spacy" session="evaluation"
# message : ensemble les patients et les proches
rappel_spacy = (par_role.loc[["patient", "proche"], "PER"].sum()
                / par_role.loc[["patient", "proche"], "présents"].sum())

# %% mistake="rappel_spacy" session="evaluation"
# message : divisé par tous les noms que spaCy a trouvés
rappel_spacy = par_role.loc["patient", "PER"] / n_noms_spacy

# %% mistake="rappel_spacy" session="evaluation"
# message : ceux des proches et des médecins compris
rappel_spacy = par_role.loc["patient", "PER"] / n_noms

# %% mistake="rappel_spacy" session="evaluation"
# message : le rappel des règles pour les patients
rappel_spacy = noms.loc[noms["role"] == "patient", "regles"].mean()

# %% mistake="rappel_spacy" session="evaluation"
# message : la part des noms manqués
rappel_spacy = 1 - par_role.loc["patient", "PER"] / par_role.loc["patient", "présents"]

# %% [markdown]
# <details><summary>Pour aller plus loin (facultatif) : le biais d'automatisation</summary>
#
# Une réponse bien rédigée, sûre d'elle (comme la dose de la question 3), pousse à l'accepter
# sans vérifier : c'est le **biais d'automatisation**, la tendance à se fier à une machine plus
# qu'à son propre jugement. Il est plus fort quand on est pressé ou chargé de
# plusieurs tâches, et quand on fait confiance à la machine (Goddard et al., 2012 ; Parasuraman
# et Manzey, 2010). Le
# règlement européen sur l'IA oblige le fournisseur d'un système à haut risque à le concevoir
# pour que ceux qui le contrôlent puissent rester conscients de ce biais (article 14, vu au
# module 13) ; un agent
# conversationnel grand public n'est pas, à lui seul, un système à haut risque : le biais, lui,
# reste le même.
# </details>

# %% [markdown]
# ## 7. Ce que disent les évaluations publiées
#
# <details><summary>Pour aller plus loin (lecture facultative, aucune question n'y porte) : trois
# évaluations publiées, et ce qu'elles ne mesurent pas</summary>
#
# Les évaluations notées juste ou faux, avec l'entraînement qui vise à les réussir, récompensent
# une réponse donnée au hasard plutôt qu'un « je ne sais pas » (Kalai et al., 2025).
#
# Les grands modèles réussissent des examens de médecine à choix multiples. Trois évaluations,
# datées, car ces chiffres vieillissent vite :
#
# - ChatGPT, tel qu'il était fin 2022, a répondu à 350 questions d'exemple publiques des trois
#   épreuves de l'examen américain de médecine (USMLE), pas à l'examen lui-même. Ses scores
#   étaient au seuil de réussite (environ 60 %) ou près de celui-ci, sans entraînement médical
#   particulier. Les auteurs ont calculé ces scores après avoir écarté les réponses qu'ils
#   jugeaient indéterminées ; les compter comme fausses les aurait forcément fait baisser
#   (Kung et al., 2023 : prépublication en décembre 2022, article publié le 9 février 2023).
# - Flan-PaLM (Google ; 540 milliards de paramètres, les nombres que son apprentissage a
#   réglés) a répondu juste à 67,6 % des questions de
#   type USMLE du jeu MedQA ; mais des médecins qui ont relu ses réponses rédigées y ont trouvé
#   des lacunes importantes, et la version adaptée à la médecine, Med-PaLM, restait
#   inférieure aux cliniciens (Singhal et al., 2023, prépublication de décembre 2022).
# - Med-PaLM 2 (prépublication de mai 2023) atteint jusqu'à 86,5 % sur le même jeu MedQA. Des médecins qui
#   ont comparé ses réponses rédigées à celles d'autres médecins ont préféré les siennes sur
#   huit des neuf critères cliniques évalués. Mais dans une étude pilote, sur de vraies
#   questions médicales, des spécialistes préféraient encore, dans l'ensemble, les réponses de
#   spécialistes (Singhal et al., 2025, article publié le 8 janvier 2025). Deux résultats, deux
#   façons de mesurer : aucun ne dit qu'il soigne.
#
# Ces trois études portent sur des modèles de 2022 et 2023 : leurs chiffres ont trois à quatre
# ans, et les modèles d'aujourd'hui sont autres. Ce qui ne vieillit pas, c'est la question à
# poser : qu'a-t-on mesuré, sur quelles questions, contre qui ? Et en quelle langue : ces
# questions sont en anglais, sur la médecine américaine ; elles ne disent rien de ce que valent
# ces modèles sur des dossiers français.
#
# Réussir un QCM n'est pas soigner : l'examen ne mesure ni l'examen clinique, ni la relation
# avec le patient, ni la sécurité d'une prescription. D'autres travaux ont montré que des
# agents conversationnels reprenaient des formules et des idées médicales fondées sur la
# « race », aujourd'hui abandonnées ou réfutées (Omiye et al., 2023) : une question de
# **justice**. Et chaque requête à un grand modèle fait calculer des serveurs, qui consomment de
# l'énergie : une question d'**écoresponsabilité**, qui invite à s'en servir quand c'est utile.
#
# **Pour aller plus loin** : Haute Autorité de santé, *Premières clefs d'usage de l'IA
# générative en santé dans les secteurs sanitaire, social et médico-social* (guide, octobre
# 2025), sur has-sante.fr.
# </details>

# %% [markdown]
# ### Si une erreur atteint le patient
#
# Qu'une IA ait écrit la dose ne change rien : c'est le circuit de toute erreur de soin.
#
# | Quand ? | Quoi, à qui |
# |---|---|
# | toujours, **d'abord** | le patient : prévenir son médecin, le surveiller, corriger le traitement |
# | toujours, ensuite | la **fiche d'événement indésirable** de l'établissement, en disant d'où venait l'erreur ; lui dire ce qui s'est passé |
# | un **effet indésirable** d'un médicament est suspecté | **pharmacovigilance** (centre régional) |
# | l'événement est **grave** : décès, pronostic vital en jeu, déficit permanent probable | **EIGS**, à l'ARS |
# | l'outil est un **dispositif médical** (destiné par son fabricant à un usage médical), et l'incident a causé ou **aurait pu causer** une dégradation grave | **matériovigilance** (ANSM) |
# | des données du patient sont parties vers un service que l'établissement n'a pas choisi | prévenir le **DPO** ; l'établissement, lui, notifie la CNIL |
#
# <details><summary>Le détail, avec les textes (facultatif)</summary>
#
# - **D'abord le patient** : prévenir le médecin qui le prend en charge, le surveiller,
#   corriger le traitement ; puis lui dire ce qui s'est passé : la personne victime d'un
#   dommage imputable aux soins doit être informée de ses circonstances et de ses causes, au
#   plus tard dans les quinze jours suivant sa découverte (code de la santé publique, article
#   L1142-4).
# - **Ensuite, dans l'établissement** : déclarer l'événement dans son système de signalement
#   des événements indésirables (la « fiche d'événement indésirable »), en disant d'où venait
#   l'erreur, par exemple une synthèse écrite par un agent conversationnel. Le but est de comprendre et
#   d'éviter que cela recommence, pas de punir.
# - **Pharmacovigilance** : un effet indésirable suspecté d'un médicament, erreur
#   médicamenteuse comprise, se déclare au centre régional de pharmacovigilance. Les
#   médecins, les chirurgiens-dentistes, les sages-femmes, les pharmaciens et, depuis
#   août 2023, les infirmiers y sont obligés ; les autres professionnels de santé et les
#   patients peuvent le faire (code de la santé publique, article R5121-161), sur le portail
#   signalement-sante.gouv.fr.
# - **Événement grave** : un événement inattendu qui cause un décès, met en jeu le pronostic
#   vital ou laisse probablement un déficit fonctionnel permanent est un **événement
#   indésirable grave associé aux soins** (EIGS ; même code, article R1413-67). Tout
#   professionnel ou établissement de santé qui le constate le déclare à l'agence régionale de
#   santé (ARS ; article L1413-14), par le même portail (Haute Autorité de santé, 2022).
# - **Matériovigilance** : elle recueille les incidents dus à un **dispositif médical**, un
#   produit (un logiciel, par exemple) que son fabricant destine à un usage médical :
#   diagnostic, surveillance, traitement. Ses utilisateurs déclarent à l'Agence nationale de
#   sécurité du médicament (ANSM) tout incident, ou risque d'incident, qui a causé **ou aurait
#   pu causer** un décès ou une dégradation grave de l'état de santé (code de la santé
#   publique, article L5212-2), par le correspondant de matériovigilance de l'établissement.
# - **Données** : des données d'un patient envoyées à un service que l'établissement n'a pas
#   choisi, c'est une **violation de données personnelles**. On prévient le **délégué à la
#   protection des données** (DPO) de l'établissement. C'est l'établissement, responsable du
#   traitement, qui la documente, la notifie à la CNIL dans les 72 heures s'il y a un risque
#   pour les personnes, et en informe le patient si le risque est élevé (RGPD, articles 33
#   et 34).
# </details>

# %% [markdown] session="formative"
# ### Question 7 — Une dose fausse a atteint la patiente : que faire, et dans quel ordre ? (2 points)
#
# Mme R., 72 ans, est hospitalisée en médecine. La synthèse qu'une collègue a fait écrire par un
# agent conversationnel grand public indique « bisoprolol 10 mg » ; le dossier dit 2,5 mg. La
# patiente a reçu 10 mg ce matin. Vous êtes l'infirmier ou l'infirmière qui s'occupe d'elle :
# à midi, vous trouvez son pouls lent ; elle est fatiguée, mais consciente, et sa tension est
# correcte ; le médecin, que vous appelez, la garde dans le service, surveillée, sans autre
# traitement, et n'attend aucune séquelle.
#
# Pour chaque action, écrivez `"d'abord"` (elle protège la patiente : tout de suite, avant toute
# déclaration), `"ensuite"` (à faire, une fois la patiente prise en charge) ou `"non"` (pas à
# faire telle qu'elle est écrite : pas le bon circuit pour ce cas, ou une action utile faite au
# mauvais moment, qui en retarde une plus urgente). Points partiels (règle du mode
# d'emploi) : un quart de point par action juste.
#
# - **A** : prévenir le médecin qui la prend en charge, en lui disant quelle dose elle a reçue,
#   et la surveiller.
# - **B** : déclarer un événement indésirable grave associé aux soins (EIGS) à l'agence
#   régionale de santé.
# - **C** : remplir la fiche d'événement indésirable de l'établissement, en écrivant que la
#   dose venait d'une synthèse écrite par un agent conversationnel.
# - **D** : déclarer l'incident en matériovigilance, puisque l'erreur vient d'un logiciel.
# - **E** : vérifier dans le plan de soins si une autre prise de 10 mg est prévue, ne pas la
#   donner, et le signaler au médecin pour qu'il corrige la prescription.
# - **F** : déclarer l'effet indésirable au centre régional de pharmacovigilance.
# - **G** : remplir la fiche d'événement indésirable avant d'appeler le médecin, tant que les
#   faits sont frais.
# - **H** : prévenir le délégué à la protection des données (DPO) de l'établissement que des
#   données de la patiente sont parties vers un agent conversationnel grand public.
#
# <details><summary>Indice 1</summary>
#
# Relisez le tableau « Si une erreur atteint le patient », puis, pour chaque circuit de
# déclaration, la condition qui le déclenche : est-elle remplie dans ce cas ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# Un agent conversationnel grand public est-il destiné par son fabricant à un usage médical ?
# La patiente a-t-elle eu un effet indésirable ? Son état remplit-il l'une des trois conditions
# d'un événement grave ?
# </details>

# %% [markdown] session="evaluation"
# ### Question 7 — Une dose fausse a atteint le patient : que faire, et dans quel ordre ? (2 points)
#
# Un outil numérique a écrit une dose fausse dans la synthèse du traitement de M. T., qui l'a
# reçue. Votre cas, affiché sous cette question, dit **ce qui arrive au patient** et **quel
# outil** a écrit la synthèse : lisez-le bien. Vous êtes son infirmier ou son infirmière.
#
# Pour chaque action, écrivez `"d'abord"` (elle protège le patient, avant toute déclaration),
# `"ensuite"` (une fois le patient pris en charge) ou `"non"` (pas le bon circuit pour ce cas,
# ou une action utile faite au mauvais moment, qui en retarde une plus urgente).
#
#
# <details><summary>Indice 1</summary>
#
# Relisez le tableau « Si une erreur atteint le patient », puis, pour chaque circuit de
# déclaration, la condition qui le déclenche : est-elle remplie dans ce cas ?
# </details>
#
# <details><summary>Indice 2</summary>
#
# L'outil de votre cas est-il destiné par son fabricant à un usage médical ?
# Le patient a-t-il eu un effet indésirable ? Son état remplit-il l'une des trois conditions
# d'un événement grave ?
# </details>

# %% answer="signalement" session="formative"
signalement = {"A": ..., "B": ..., "C": ..., "D": ..., "E": ..., "F": ..., "G": ..., "H": ...}
### BEGIN SOLUTION
signalement = {"A": "d'abord", "B": "non", "C": "ensuite", "D": "non", "E": "d'abord",
               "F": "ensuite", "G": "non", "H": "ensuite"}
### END SOLUTION

# %% tests="signalement" points=2 session="formative"
# Vérification de la question 7 : exécutez cette cellule.
# Review 14 d20b, student 5: each message names the kind of mistake and points to the table
# to re-read, never to the action itself.
piste_soins = ("une action qui protège la patiente a été remise à plus tard ou écartée : "
               "relisez la première ligne du tableau « Si une erreur atteint le patient » (« "
               "toujours, d'abord »).")
piste_condition = ("un circuit de déclaration a été retenu alors que sa condition n'est pas "
                   "remplie ici : relisez la colonne « Quand ? » du tableau « Si une erreur "
                   "atteint le patient », puis l'état de la patiente et l'outil.")
piste_avant = ("une déclaration a été placée avant les soins : relisez la première ligne du "
               "tableau « Si une erreur atteint le patient ».")
piste_ecartee = ("une action à faire a été écartée : relisez la colonne « Quand ? » du "
                 "tableau « Si une erreur atteint le patient » ; laquelle vaut toujours, ou "
                 "dans ce cas ?")
piste_pharmaco = ("une action à faire a été écartée : relisez, dans « Le détail, avec les "
                  "textes » sous le tableau, le point « Pharmacovigilance » : que compte-t-il "
                  "comme effet indésirable ? Puis l'état de la patiente à midi.")
piste_donnees = ("une action à faire a été écartée : relisez, dans « Le détail, avec les "
                 "textes » sous le tableau, le point « Données » : où sont allées les données "
                 "de la patiente, et qui avait choisi ce service ?")
piste_moment = ("une action utile, mais faite au mauvais moment, a été retenue : relisez ce "
                "que veut dire « non » dans la consigne, et la première ligne du tableau « Si "
                "une erreur atteint le patient ».")
checks.check_choices(
    signalement,
    name="signalement",
    options=["d'abord", "ensuite", "non"],
    name_items=False,  # naming the wrong actions would let a student answer by elimination
    digests={"A": "80be28fdf992ca46", "B": "bda5fefa787f599b", "C": "c868f472d34752b4",
             "D": "58b2e1a45ecb20b6", "E": "c7ec2427f06353b0", "F": "cee0b94c743de2ae",
             "G": "a010310a3401965a", "H": "a907bc7d7be57ffa"},
    mistakes={
        "A": [checks.Mistake(None, piste_soins, digest="630392923c76ad74"),
              checks.Mistake(None, piste_soins, digest="11deab3110be3f33")],
        "B": [checks.Mistake(None, piste_condition, digest="1cf1eb5e5458f03f"),
              checks.Mistake(None, piste_condition, digest="445319546e8c6aca")],
        "C": [checks.Mistake(None, piste_avant, digest="0a9b05e2465160ae"),
              checks.Mistake(None, piste_ecartee, digest="dbc2e7ed96d48be1")],
        "D": [checks.Mistake(None, piste_condition, digest="19a95548cb040354"),
              checks.Mistake(None, piste_condition, digest="12741ee0cd0b5c2f")],
        "E": [checks.Mistake(None, piste_soins, digest="98521db6c0a9b63d"),
              checks.Mistake(None, piste_soins, digest="31464a0bf871dcc5")],
        "F": [checks.Mistake(None, piste_avant, digest="916a08975b5c06dd"),
              checks.Mistake(None, piste_pharmaco, digest="74ee8633fd1f4ef4")],
        "G": [checks.Mistake(None, piste_moment, digest="508519c5acfd408a"),
              checks.Mistake(None, piste_moment, digest="3d406f0bc3cb44fd")],
        "H": [checks.Mistake(None, piste_avant, digest="0e7535326d340672"),
              checks.Mistake(None, piste_donnees, digest="5074f1b64bf730f0")],
    },
    success="la patiente d'abord (prévenir le médecin, surveiller, empêcher une nouvelle prise) ; "
    "ensuite la fiche d'événement indésirable, qui dit d'où venait l'erreur, la "
    "pharmacovigilance, et le DPO (des données sont sorties). Ni EIGS (rien de grave au sens du code), ni matériovigilance (un agent "
    "grand public n'est pas un dispositif médical). Qu'une IA ait écrit la dose ne change pas "
    "les circuits : seule la nature de l'outil décide de la matériovigilance.",
    points=2,
)
### BEGIN HIDDEN TESTS
checks.check_choices(signalement, name="signalement", options=["d'abord", "ensuite", "non"],
                     expected={"A": "d'abord", "B": "non", "C": "ensuite", "D": "non",
                               "E": "d'abord", "F": "ensuite", "G": "non", "H": "ensuite"},
                     points=2)
### END HIDDEN TESTS

# %% mistake="signalement" session="formative"
# message : sa condition n'est pas remplie ici
signalement = {"A": "d'abord", "B": "d'abord", "C": "ensuite", "D": "non", "E": "d'abord",
               "F": "ensuite", "G": "non", "H": "ensuite"}

# %% mistake="signalement" session="formative"
# message : sa condition n'est pas remplie ici
signalement = {"A": "d'abord", "B": "non", "C": "ensuite", "D": "ensuite", "E": "d'abord",
               "F": "ensuite", "G": "non", "H": "ensuite"}

# %% mistake="signalement" session="formative"
# message : faite au mauvais moment
signalement = {"A": "d'abord", "B": "non", "C": "ensuite", "D": "non", "E": "d'abord",
               "F": "ensuite", "G": "d'abord", "H": "ensuite"}

# %% mistake="signalement" session="formative"
# message : le point « Pharmacovigilance »
signalement = {"A": "d'abord", "B": "non", "C": "ensuite", "D": "non", "E": "d'abord",
               "F": "non", "G": "non", "H": "ensuite"}

# %% mistake="signalement" session="formative"
# message : le point « Données »
signalement = {"A": "d'abord", "B": "non", "C": "ensuite", "D": "non", "E": "d'abord",
               "F": "ensuite", "G": "non", "H": "non"}

# %% [markdown] session="formative"
# **Un second cas, pour vous entraîner** (non noté, sans vérification : décidez, puis ouvrez
# la correction). M. L., 68 ans, diabétique, est hospitalisé en cardiologie. Le logiciel
# d'aide à la prescription de l'établissement (un dispositif médical marqué CE, que son
# fabricant destine à préparer les prescriptions) a proposé une dose d'insuline dix fois trop
# forte ; personne ne l'a vu, et il l'a reçue. Une heure après, il est dans le coma
# (hypoglycémie sévère) et part en réanimation. Vous êtes l'infirmier ou l'infirmière qui
# s'occupe de lui. Pour quatre actions de la question 7 : **B** (EIGS à l'ARS),
# **D** (matériovigilance), **F** (pharmacovigilance) et **H** (DPO, pour des données parties
# vers un agent grand public), que répondriez-vous ici ?
#
# <details><summary>Correction du second cas (ouvrez après avoir décidé)</summary>
#
# - **B : « ensuite »** : un événement inattendu qui met en jeu le pronostic vital est un
#   EIGS ; on le déclare à l'ARS, une fois le patient pris en charge.
# - **D : « ensuite »** : l'outil est un dispositif médical, et l'incident a causé une
#   dégradation grave de l'état de santé : matériovigilance, par le correspondant de
#   l'établissement.
# - **F : « ensuite »** : une erreur médicamenteuse avec un effet indésirable se déclare au
#   centre régional de pharmacovigilance.
# - **H : « non »** : ici, aucune donnée n'est partie vers un service grand public ; le
#   logiciel est celui de l'établissement.
#
# Les deux faits du cas décident : la gravité (EIGS ou non) et la nature de l'outil
# (matériovigilance ou non). Que l'erreur vienne d'un logiciel ne change pas le reste.
# </details>

# %% [markdown] session="formative"
# **Un troisième cas : le presque-accident** (non noté, sans vérification). Mme V., 80 ans,
# est hospitalisée en médecine. Le même logiciel d'aide à la prescription (dispositif médical
# marqué CE) a proposé, pour elle aussi, une dose d'insuline dix fois trop forte. Au moment de
# la préparer, vous la comparez au dossier, repérez l'erreur et ne la donnez pas : la patiente
# n'a rien reçu, et va bien. (Pharmacien·ne : vous repérez l'erreur en validant
# l'ordonnance, et la faites corriger avant toute délivrance ; les réponses sont les mêmes.)
# Pour **B** (EIGS), **D** (matériovigilance), **F** (pharmacovigilance) et **H** (DPO), que
# répondriez-vous ici ?
#
# <details><summary>Correction du troisième cas (ouvrez après avoir décidé)</summary>
#
# - **B : « non »** : rien n'est arrivé à la patiente ; ce n'est pas un événement grave.
# - **D : « ensuite »** : la matériovigilance ne vise pas seulement l'incident qui **a
#   causé** une dégradation grave, mais aussi celui qui **aurait pu** la causer (code de la
#   santé publique, article L5212-2) ; une dose d'insuline dix fois trop forte le peut : le
#   deuxième cas le montre. On le déclare, par le correspondant de matériovigilance.
# - **F : « non »** : aucun effet indésirable, donc rien à déclarer en pharmacovigilance ;
#   l'erreur évitée va dans la fiche d'événement indésirable de l'établissement.
# - **H : « non »** : aucune donnée n'est partie vers un service grand public.
#
# Ce qui décide la matériovigilance, c'est l'outil (un dispositif médical) et ce que
# l'incident **aurait pu** causer, pas seulement ce qui est arrivé.
# </details>

# %% session="evaluation"
# Votre cas, puis vos huit actions, dans l'ordre tiré pour votre copie.
cas_7 = incident_scenario(graine)
print("Votre cas : " + cas_7 + "\n")
actions_7 = {
    "A": "déclarer l'incident en matériovigilance, par le correspondant de matériovigilance "
         "de l'établissement.",
    "B": "déclarer un événement indésirable grave associé aux soins (EIGS) à l'agence "
         "régionale de santé.",
    "C": "dire au médecin qui le prend en charge quelle dose le patient a reçue, et depuis "
         "quand.",
    "D": "écrire la fiche d'événement indésirable avant de prévenir le médecin, tant que les "
         "faits sont frais.",
    "E": "remplir la fiche d'événement indésirable de l'établissement, en écrivant quel outil "
         "a écrit la dose fausse.",
    "F": "vérifier que la dose fausse n'est plus écrite nulle part (plan de soins, traitement "
         "de sortie en préparation), et la faire corriger par le médecin.",
    "G": "déclarer l'effet indésirable au centre régional de pharmacovigilance.",
    "H": "prévenir le délégué à la protection des données (DPO) de l'établissement que des "
         "données du patient sont passées par l'outil qui a écrit la synthèse.",
}
for lettre, action in copy_order(graine, "signalement", actions_7).items():
    print(f"- {lettre} : {action}")

# %% answer="signalement" session="evaluation"
signalement = {"A": ..., "B": ..., "C": ..., "D": ..., "E": ..., "F": ..., "G": ..., "H": ...}
### BEGIN SOLUTION
from esn_teach.generative._exam import _draw_cases

# The scenario's facts decide A (a CE-marked medical device: matériovigilance), B (a serious
# event: EIGS), G (any adverse effect: pharmacovigilance) and, since review d22, H (data sent
# to a consumer chatbot: tell the DPO); C, D, E and F have the same answer for every scenario.
signalement = _draw_cases(graine, "signalement", "ABCDEFGH").by_letter({
    "A": "ensuite" if "marqué CE" in cas_7 else "non",
    "B": "ensuite" if "réanimation" in cas_7 else "non",
    "C": "d'abord", "D": "non", "E": "ensuite", "F": "d'abord",
    "G": "non" if "aucun signe anormal" in cas_7 else "ensuite",
    "H": "non" if "marqué CE" in cas_7 else "ensuite",
})
### END SOLUTION

# %% tests="signalement" points=2 session="evaluation"
# Vérification de la question 7 : exécutez cette cellule.
checks.check_form(signalement, name="signalement", kind="choices",
                  options=["d'abord", "ensuite", "non"], items=list("ABCDEFGH"))
### BEGIN HIDDEN TESTS
from esn_teach.generative import incident_scenario as scenario_copie_7
from esn_teach.generative._exam import _draw_cases as tirage_copie_7

graine_7 = checks.student_seed("14", announce=False)
q7 = tirage_copie_7(graine_7, "signalement", "ABCDEFGH")
texte_7 = scenario_copie_7(graine_7)
# The truth table (the package holds the texts only): the scenario's two facts decide A
# (a CE-marked medical device: matériovigilance « ensuite ») and B (a serious event, in
# intensive care: EIGS « ensuite »); the other actions' answers are the same for all.
dispositif_7 = "dispositif médical marqué CE" in texte_7
grave_7 = "réanimation" in texte_7
# A third fact (review 14 d20, lecturer 3): no adverse effect, so nothing for the CRPV.
effet_7 = "aucun signe anormal" not in texte_7
reponses_7 = {"A": "ensuite" if dispositif_7 else "non", "B": "ensuite" if grave_7 else "non",
              "C": "d'abord", "D": "non", "E": "ensuite", "F": "d'abord",
              "G": "ensuite" if effet_7 else "non",
              # Review 14 d20b, lecturer 4 (d22): the DPO only when data left the hospital.
              "H": "non" if dispositif_7 else "ensuite"}
if dispositif_7:
    erreurs_a = [
        checks.Mistake("d'abord", "la déclaration de matériovigilance ne soigne pas le patient : "
                       "elle vient une fois celui-ci pris en charge."),
        checks.Mistake("non", "le logiciel qui a écrit la dose est un dispositif médical "
                       "(marqué CE, destiné par son fabricant à un usage médical) : l'incident "
                       "se déclare en matériovigilance (par le correspondant de matériovigilance "
                       "de l'établissement), en plus de la pharmacovigilance. Même quand rien "
                       "de grave n'est arrivé, l'obligation (code de la santé publique, article "
                       "L5212-2) vise aussi l'incident qui aurait pu causer une dégradation "
                       "grave de l'état de santé : une dose fausse d'anticoagulant ou "
                       "d'antihypertenseur, à 81 ans, le peut.")]
else:
    erreurs_a = [
        checks.Mistake("d'abord", "la matériovigilance vaut pour un dispositif médical, qu'un "
                       "fabricant destine à un usage médical : un agent conversationnel grand "
                       "public n'en est pas un. Le bon circuit est la pharmacovigilance."),
        checks.Mistake("ensuite", "la matériovigilance vaut pour un dispositif médical, qu'un "
                       "fabricant destine à un usage médical : un agent conversationnel grand "
                       "public n'en est pas un, même plus tard.")]
if grave_7:
    erreurs_b = [
        checks.Mistake("d'abord", "une hémorragie qui mène en réanimation met en jeu le "
                       "pronostic vital : c'est un événement grave, à déclarer à l'ARS, mais une "
                       "fois le patient pris en charge ; la déclaration ne le soigne pas."),
        checks.Mistake("non", "une hémorragie qui mène en réanimation met en jeu le pronostic "
                       "vital : c'est un événement indésirable grave associé aux soins, que tout "
                       "professionnel qui le constate déclare à l'ARS.")]
else:
    erreurs_b = [
        checks.Mistake(answer, "ni décès, ni pronostic vital en jeu, ni séquelle probable : ce "
                       "n'est pas un événement indésirable grave associé aux soins ; l'ARS n'est "
                       "pas le circuit. La fiche d'événement indésirable, si.")
        for answer in ("d'abord", "ensuite")]
if effet_7:
    erreurs_g = [
        checks.Mistake("d'abord", "la déclaration au centre de pharmacovigilance ne soigne "
                       "pas le patient : elle vient une fois celui-ci pris en charge."),
        checks.Mistake("non", "un effet indésirable d'un médicament, dû à une erreur de "
                       "dose, se déclare au centre régional de pharmacovigilance, quel que "
                       "soit l'outil qui a écrit la dose.")]
else:
    erreurs_g = [
        checks.Mistake(answer, "le patient ne présente aucun effet indésirable : il n'y a pas "
                       "d'effet à déclarer au centre de pharmacovigilance. Une erreur sans effet "
                       "n'est pas pour autant « rien à signaler » : elle va dans la fiche "
                       "d'événement indésirable de l'établissement, qui l'analyse. Le guichet "
                       "des erreurs médicamenteuses de l'ANSM, lui, recueille les erreurs dues au "
                       "médicament lui-même (nom, conditionnement, étiquetage), pas celles de "
                       "l'organisation des soins, comme ici ; si un effet apparaissait ensuite, "
                       "on le déclarerait alors en pharmacovigilance.")
        for answer in ("d'abord", "ensuite")]
if dispositif_7:
    erreurs_h = [
        checks.Mistake(answer, "le logiciel est celui de l'établissement, qui l'a choisi : les "
                       "données du patient n'ont pas quitté son traitement, ce n'est pas une "
                       "violation de données : le DPO n'a rien à en savoir.")
        for answer in ("d'abord", "ensuite")]
else:
    erreurs_h = [
        checks.Mistake("d'abord", "prévenir le DPO ne soigne pas le patient : c'est à faire une "
                       "fois celui-ci pris en charge."),
        checks.Mistake("non", "une synthèse écrite par un agent grand public veut dire que des "
                       "données du patient sont parties vers un service que l'établissement "
                       "n'a pas choisi : c'est une violation de données. Vous prévenez le DPO ; "
                       "c'est l'établissement qui la notifie à la CNIL s'il y a un risque.")]
erreurs_7 = {
    "A": erreurs_a,
    "B": erreurs_b,
    "C": [checks.Mistake("ensuite", "le patient d'abord : sans la dose reçue et sa durée, le "
                         "médecin ne peut pas traiter la cause de ce qui arrive."),
          checks.Mistake("non", "dire au médecin ce que le patient a reçu est le premier "
                         "geste, pas une option.")],
    "D": [checks.Mistake("d'abord", "écrire la fiche avant de prévenir le médecin retarde le "
                         "traitement du patient : l'ordre est faux."),
          checks.Mistake("ensuite", "telle qu'elle est écrite (« avant de prévenir le "
                         "médecin »), cette action ne se fait ni d'abord ni ensuite : la fiche, "
                         "remplie au bon moment, après l'appel, est une autre ligne.")],
    "E": [checks.Mistake("d'abord", "la fiche ne protège pas le patient : elle vient une fois "
                         "celui-ci pris en charge."),
          checks.Mistake("non", "la fiche d'événement indésirable est à remplir, en disant "
                         "d'où venait l'erreur : c'est elle qui permet d'éviter que cela "
                         "recommence.")],
    "F": [checks.Mistake("ensuite", "tant que la dose fausse reste écrite, elle peut être "
                         "redonnée : la faire corriger protège le patient, tout de suite."),
          checks.Mistake("non", "tant que la dose fausse reste écrite, elle peut être "
                         "redonnée : c'est à faire, tout de suite.")],
    "G": erreurs_g,
    "H": erreurs_h,
}
checks.check_choices(
    signalement, name="signalement", options=["d'abord", "ensuite", "non"],
    expected=q7.by_letter(reponses_7),
    mistakes=q7.by_letter(erreurs_7),
    success="le patient d'abord (dire au médecin la dose reçue, faire corriger la dose écrite) ; "
    "ensuite la fiche d'événement indésirable, qui dit d'où venait l'erreur, et la "
    "pharmacovigilance s'il y a un effet indésirable ; l'EIGS à l'ARS seulement si "
    "l'événement est grave (décès, pronostic vital, séquelle probable) ; la matériovigilance seulement si l'outil est un dispositif "
    "médical ; le DPO seulement si des données du patient sont parties vers un service que "
    "l'établissement n'a pas choisi (c'est l'établissement qui notifie la CNIL).",
    points=2)
### END HIDDEN TESTS

# %% mistake="signalement" session="evaluation"
# message : la fiche ne protège pas le patient
signalement = {lettre: "d'abord" for lettre in "ABCDEFGH"}

# %% mistake="signalement" session="evaluation"
# message : le DPO
signalement = {lettre: "d'abord" for lettre in "ABCDEFGH"}

# %% mistake="signalement" session="evaluation"
# message : est le premier geste, pas une option
signalement = {lettre: "non" for lettre in "ABCDEFGH"}

# %% mistake="signalement" session="evaluation"
# message : la faire corriger protège le patient, tout de suite
signalement = {lettre: "ensuite" for lettre in "ABCDEFGH"}

# %% [markdown] reveal="signalement"
# <details><summary>Ce qu'il faut retenir de la question 7 (ouvrez après avoir répondu)</summary>
#
# **Le patient d'abord**, puis la fiche d'événement indésirable et les déclarations que le
# cas appelle. Seul un **dispositif médical** ajoute la matériovigilance, même si l'incident
# aurait seulement **pu** causer une dégradation grave. Données parties vers un service grand
# public : le DPO.
# </details>

# %% [markdown]
# ## 8. Réflexion : un dossier dans un agent conversationnel
#
# **Hors micro-certification** (notée sur les 10 points des questions 1 à 7), sauf si votre
# enseignant·e vous dit la corriger ; remise avec la copie.
#
# Une collègue infirmière, débordée, colle les transmissions du patient de la chambre 8 dans
# l'agent conversationnel gratuit de son téléphone. Que quitte l'hôpital ? Quels risques pour
# le patient ? Que lui proposez-vous, et que dites-vous au patient ? La semaine suivante, une
# synthèse de ce genre change une dose, que le patient reçoit : que faites-vous, et qui
# prévenez-vous ? (15 à 25 lignes, en nommant deux valeurs de l'école.)

# %% [markdown] written="reflexion_chatbot" points=4
# ### BEGIN SOLUTION
# *Guide de correction (enseignants)* : 4 points, pour un cours qui corrige la réflexion (la
# micro-certification ne la note pas : `reflexion_notee = false` ; son parcours en autonomie
# montre ce guide à l'apprenant). Les critères 1 à 3 sont notés 0, 0,5 ou 1 ;
# le critère 4 (le signalement) est en deux parties, 4a et 4b, notées chacune 0, 0,25 ou 0,5,
# chaque exigence comptée une fois.
# Les numéros d'articles ne sont **pas** exigés : le nom de la règle suffit (secret médical,
# hébergement certifié, données sensibles). Deux valeurs sont demandées (un numéro ou un nom
# approché suffit à en identifier une) : sur le total, sans descendre sous 0, 0,5 point de moins
# si aucune n'est identifiable, 0,25 si une seule l'est.
#
# | critère | 1 | 0,5 | 0 |
# |---|---|---|---|
# | **Ce qui sort, et pourquoi c'est un problème** | au moins trois de : tout le texte collé part (identité, chambre, diagnostic, traitement) ; chez l'éditeur, hors de l'équipe de soins (secret médical) ; sur des serveurs non certifiés pour des données de soin ; parfois hors de l'Union ; parfois réutilisé ; données sensibles ; enlever le nom ne suffit pas | une partie seulement, ou croit qu'enlever le nom suffit (la chambre, la date, le diagnostic peuvent reconnaître le patient) | rien de ce qui sort, ou « aucun risque » |
# | **Le risque d'erreur** | une synthèse fluide peut omettre ou inventer (une dose, une allergie) ; biais d'automatisation ; on relit et vérifie dans le dossier | l'erreur est citée sans dire comment la repérer (ou l'inverse) | rien sur l'erreur |
# | **Ce qu'on propose et comment on en parle au patient** | une alternative concrète (l'outil encadré par l'établissement, ou des questions générales sans détail identifiant) **et** ce qu'on dit au patient (ce qui a été fait de ses données, ce qui sera fait, son accord ; garder sa confiance) | l'un des deux seulement, ou une interdiction de toute IA sans alternative | ni l'un ni l'autre |
#
# | critère 4 : la mauvaise dose arrivée au patient | 0,5 | 0,25 | 0 |
# |---|---|---|---|
# | **4a. Le patient, puis la fiche** | les trois : d'abord le patient (surveiller, prévenir le médecin qui le prend en charge, corriger) ; puis **déclarer** l'événement dans le système de signalement des événements indésirables de l'établissement (la fiche d'événement indésirable), en disant que la synthèse venait d'un agent conversationnel ; dire au patient ce qui s'est passé | une ou deux des trois, ou les trois dans un ordre faux (la fiche avant le patient) | aucune, ou « on corrige sans rien dire » |
# | **4b. Les circuits externes** | les deux : au moins un circuit externe juste, relié au cas (un effet indésirable dû à une erreur médicamenteuse se signale au centre régional de pharmacovigilance : obligatoire pour les médecins, chirurgiens-dentistes, sages-femmes, pharmaciens et infirmiers, possible pour tous, CSP R5121-161, sur signalement-sante.gouv.fr ; un événement grave, décès, pronostic vital, séquelle probable, est un EIGS, déclaré à l'ARS) ; **et** prévenir le DPO de l'établissement (les données sorties sont une violation de données, que l'établissement notifie à la CNIL s'il y a un risque), comme en question 7 | l'un des deux seulement, ou un circuit cité sans le relier au cas | aucun des deux, ou « matériovigilance » seule (elle ne vaut que si l'outil est un dispositif médical, ce qu'un agent grand public n'est pas en principe) |
#
# Valeurs attendues, par exemple **V1 — Priorité à la relation humaine** (la confiance du
# patient ; la synthèse ne remplace pas la transmission orale) et
# **V5 — Utilisation responsable et éclairée** (savoir ce que l'outil envoie et à qui) ;
# **V6 — Intégrité et transparence** accepté.
#
# **Réponse complète (4 points).** « Tout ce qu'elle colle part chez l'éditeur de
# l'application : nom, chambre, diagnostic, traitements. Ces données de santé sont
# sensibles et couvertes par le secret ; l'éditeur ne fait pas partie de l'équipe de soins et
# ses serveurs ne sont pas certifiés pour héberger des données de soin ; le texte peut être
# conservé, réutilisé, hors d'Europe. Même sans le nom, la chambre 8 et la date désignent le
# patient. La synthèse, si fluide soit-elle, peut oublier une allergie ou changer une dose : il
# faudrait tout revérifier, et on est tenté de ne pas le faire quand on est pressé. Je lui
# propose l'outil validé par l'hôpital, ou de ne poser que des questions générales. Si des
# données sont déjà parties, on le dit au patient simplement, on lui explique ce qui a été
# envoyé et ce que l'équipe fait pour que cela ne se reproduise pas : sa confiance passe avant
# le gain de temps (V1 — Priorité à la relation humaine). Se servir d'un outil, c'est savoir ce
# qu'il envoie et à qui (V5 — Utilisation responsable et éclairée). Si une dose fausse a
# atteint le patient : je préviens tout de suite le médecin et on surveille le patient ; je
# remplis la fiche d'événement indésirable de l'hôpital en disant d'où venait la synthèse ; on
# l'explique au patient ; l'effet indésirable se déclare aussi à la pharmacovigilance
# (signalement-sante.gouv.fr), et à l'ARS si c'est grave. Je préviens aussi le délégué à la
# protection des données de l'hôpital : des données sont sorties. Le but n'est pas de punir ma
# collègue, mais que cela ne se reproduise pas. »
#
# **Réponse limite (2 points).** « C'est interdit à cause du RGPD, et l'IA peut se tromper.
# Il vaut mieux ne pas l'utiliser et faire la synthèse soi-même, par prudence et pour la
# relation humaine. Pour la dose, je préviens le médecin, et je la déclare à la
# pharmacovigilance. » Ce qui sort : 0,5 (« le RGPD », sans dire ce qui part ni pourquoi) ;
# erreur : 0,5 (citée, sans vérification) ; proposition et patient : 0,5 (interdiction, rien
# pour le patient) ; 4a : 0,25 (le médecin prévenu, ni fiche ni parole au patient) ; 4b : 0,25
# (la pharmacovigilance, pas le DPO) ; valeurs : « prudence »
# (V4 — Prudence, esprit critique et inclusivité) et « la relation humaine »
# (V1 — Priorité à la relation humaine) se reconnaissent, pas de retrait ; total 2.
#
# Une réponse qui interdit toute IA sans proposer d'alternative n'a au plus que 0,5 au
# troisième critère.
# ### END SOLUTION

# %% [markdown]
# ## À retenir
#
# - Un modèle de langage, grand ou petit, écrit le mot **probable**, pas le mot **vrai** : une
#   dose se vérifie dans le résumé des caractéristiques du produit (RCP).
# - La **température** règle l'audace du tirage.
# - Coller un dossier dans un service en ligne, c'est le **transmettre**.
# - Un texte rédigé avec une IA se **relit** et se signe par un humain ; le **dire** est une
#   règle de l'école (V6 — Intégrité et transparence).


# %% [markdown]
# ## Sources
#
# - Kung TH, Cheatham M, Medenilla A, et al. Performance of ChatGPT on USMLE: potential for
#   AI-assisted medical education using large language models. *PLOS Digital Health*
#   2023;2(2):e0000198.
# - Singhal K, Azizi S, Tu T, et al. Large language models encode clinical knowledge.
#   *Nature* 2023;620(7972):172-180.
# - Singhal K, Tu T, Gottweis J, Sayres R, et al. Toward expert-level medical question
#   answering with large language models. *Nature Medicine* 2025;31(3):943-950.
# - Omiye JA, Lester JC, Spichak S, Rotemberg V, Daneshjou R. Large language models propagate
#   race-based medicine. *npj Digital Medicine* 2023;6:195.
# - Règlement (UE) 2016/679 (RGPD), articles 33 et 34 (violation de données : notification à
#   l'autorité de contrôle, dans les 72 heures s'il y a un risque ; communication à la personne
#   concernée si le risque est élevé).
# - Règlement (UE) 2016/679 (RGPD), article 9 ; code de la santé publique, articles L1110-4 et
#   L1111-8 ; règlement (UE) 2024/1689 sur l'intelligence artificielle, articles 14 et 50 :
#   dates et résumés dans `esn_teach.law`, affichés section 4.
# - Règlement (UE) 2026/1744 du 8 juillet 2026 (Journal officiel de l'Union du 24 juillet 2026),
#   qui modifie le règlement (UE) 2024/1689 : référence complète dans `esn_teach.law` (clé
#   « UE 2026/1744 »), affichée section 4 ; le détail est au module 13.
# - Code de la santé publique, article R5121-161 (pharmacovigilance), rédaction en vigueur
#   depuis le 8 août 2023, qui ajoute les infirmiers (Réseau français des centres régionais de
#   pharmacovigilance, rfcrpv.fr) ; articles L1413-14 et
#   R1413-67 (événements indésirables graves associés aux soins ; décret n° 2016-1606 du
#   25 novembre 2016). Haute Autorité de santé, *Déclarer les événements indésirables graves
#   associés aux soins (EIGS)*, page mise en ligne le 20 janvier 2022, mise à jour le 21 juin
#   2022, sur has-sante.fr.
# - Code de la santé publique, article L5212-2 (matériovigilance : l'utilisateur d'un
#   dispositif médical signale à l'ANSM l'incident ou le risque d'incident ayant entraîné, ou
#   susceptible d'entraîner, la mort ou la dégradation grave de l'état de santé).
# - Haute Autorité de santé, *Premières clefs d'usage de l'IA générative en santé dans les
#   secteurs sanitaire, social et médico-social* (guide, octobre 2025), sur has-sante.fr.
# - Code de la santé publique, article L1142-4 (information de la personne victime d'un
#   dommage imputable aux soins, au plus tard dans les quinze jours), rédaction en vigueur
#   depuis le 1er octobre 2020 (ordonnance n° 2020-232 du 11 mars 2020, article 13).
# - Cour de justice de l'Union européenne, arrêt du 7 mars 2024, *Endemol Shine Finland*,
#   affaire C-740/22 (ECLI:EU:C:2024:216) : une divulgation orale de données tirées d'un fichier
#   est un traitement au sens du RGPD.
# - Kalai AT, Nachum O, Vempala SS, Zhang E. Why language models hallucinate. Prépublication
#   arXiv:2509.04664, 4 septembre 2025.
# - Goddard K, Roudsari A, Wyatt JC. Automation bias: a systematic review of frequency, effect
#   mediators, and mitigators. *J Am Med Inform Assoc* 2012;19(1):121-127.
# - Parasuraman R, Manzey DH. Complacency and bias in human use of automation: an attentional
#   integration. *Human Factors* 2010;52(3):381-410.
# - Explosion. `fr_core_news_sm` 3.8.0, modèle français de spaCy (licence LGPL-LR) ; ses
#   entités nommées sont apprises sur le corpus WikiNER : Nothman J, Ringland N, Radford W,
#   Murphy T, Curran JR. Learning multilingual named entity recognition from Wikipedia.
#   *Artificial Intelligence* 2013;194:151-175.
