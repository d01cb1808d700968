"""Module 09's evaluated session: each copy's statements of questions 3 and 5 (private).

The notebook's draw cells call :func:`_question_3_statements` and
:func:`_question_5_statements` with the student's seed (``checks.student_seed("09")``) and
show only the statements drawn for the copy. This module
draws from the seed alone and gives texts only, never the indices drawn: which statements
are true is in the notebook's source only (the hidden tests, the solutions and the
``mistake=`` cells, as digests of the true statements' texts), which the release strips
(review 07, finding 1; review d20b, lecturer 2: each reserve's order is shuffled, so no
position is always true).
"""

from __future__ import annotations

import numpy as np

#: Question 3 (the partial dependence curve): per item, the reserve of four statements a
#: copy draws one from. Review d19: each item has one statement with an absolute word
#: (« toutes », « chaque », « tous ») and one with a hedged word (« certaines », « peut »,
#: « en moyenne ») among its true statements, and the same among its false ones, so the
#: wording gives no key; the true statements only say what the calculation does or shows
#: (indice 1: a statement that goes beyond it is false); no double negation; none is the
#: formative session's. Review d20 (lecturer 4): every statement of an item is about that
#: item's notion (the « cause » item always tests causation, « classement » always ranking);
#: the copy shows neutral labels (« phrase 1 » … « phrase 5 »), in this order. Which are true
#: is not said here.
_CURVE = {
    "valeurs données": (
        "en chaque point de la courbe, chaque patiente garde sa propre valeur de points concaves",
        "en un point de la courbe, toutes les patientes ont reçu la même valeur de points"
        " concaves : celle lue en abscisse",
        "en un point de la courbe, certaines patientes ont reçu une valeur de points "
        "concaves plus petite que la leur",
        "en un point de la courbe, certaines patientes reçoivent la valeur lue en "
        "abscisse et les autres gardent la leur",
    ),
    "cause": (
        "la courbe décrit toujours le calcul du modèle, pas ce que deviendrait la tumeur "
        "d'une patiente dont les noyaux changeraient",
        "la courbe peut monter sans que les points concaves soient une cause du cancer : "
        "elle suit le calcul du modèle",
        "chez toutes les patientes, des noyaux moins creusés réduiraient la probabilité que "
        "la masse soit maligne",
        "la courbe montre que, chez certaines patientes, des noyaux moins creusés "
        "réduiraient la probabilité que la masse soit maligne",
    ),
    "chaque patiente": (
        "quand la courbe monte de 0,1, le score de chaque patiente monte aussi de 0,1",
        "la courbe donne le score de certaines patientes : celles dont les points "
        "concaves valent la valeur lue en abscisse",
        "chaque point de la courbe est la moyenne des scores de toutes les patientes de "
        "validation, après leur avoir donné la valeur lue en abscisse",
        "en un point de la courbe, certaines patientes ont un score au-dessus de la "
        "courbe, d'autres au-dessous",
    ),
    "classement": (
        "pour comparer les points concaves à la texture, il faut toujours un autre calcul"
        " que cette courbe, comme l'importance par permutation",
        "la courbe montre que, pour le modèle, les points concaves comptent plus que "
        "certaines autres mesures",
        "à elle seule, cette courbe permet de classer les points concaves avant ou après "
        "la texture",
        "on peut lire sur la courbe comment le score moyen varie avec les points concaves, "
        "et pas avec la texture",
    ),
    "noyaux": (
        "tous les noyaux dont on moyenne les scores sont vraisemblables",
        "en tout point de la courbe, chaque patiente garde la taille de ses noyaux",
        "le long de la courbe, la taille des noyaux de certaines patientes change, pour "
        "suivre leurs points concaves",
        "au point le plus haut de la grille, certaines patientes aux petits noyaux "
        "reçoivent beaucoup de points concaves, sans que leur taille change",
    ),
}

#: Question 5: per notion, the reserve of four statements a copy draws one from (none is the
#: formative session's; which are true is not said here).
_INFORMATION = (
    "l'article L. 4001-3 laisse au concepteur de l'outil, et à lui seul, le soin "
    "d'informer la patiente",
    "l'obligation d'informer de l'article L. 4001-3 vaut pour un acte de diagnostic, "
    "mais pas pour un acte de soin",
    "une sage-femme qui décide d'utiliser, pour un acte de prévention, un dispositif "
    "visé par l'article L. 4001-3 doit s'assurer que la personne en a été informée",
    "l'article L. 4001-3 demande aussi aux concepteurs de s'assurer que le "
    "fonctionnement du traitement est explicable pour ses utilisateurs",
)
_WHEN = (
    "l'article 14 demande que la personne qui contrôle l'outil puisse, dans une "
    "situation donnée, décider de ne pas l'utiliser",
    "l'article 14 ne demande rien sur la conception de l'outil : il ne vise que le "
    "soignant qui s'en sert",
    "l'article 14 oblige à concevoir l'outil de sorte que la personne qui le contrôle"
    " puisse passer outre à ses résultats",
    "l'article 14 fixe le score de confiance au-dessous duquel le soignant doit passer outre",
)


def _question_3_statements(seed: int) -> dict[str, str]:
    """Return the copy's five statements of question 3 (item -> text, in French).

    The draw stays inside: no function returns the indices drawn (review d20b, lecturer 2: with
    the public source's table of keys by index, ``_question_3_draw(GRAINE)`` gave the keys
    without reading). The hidden tests key each statement by its text's digest.
    """
    rng = np.random.default_rng([int(seed), 6])
    drawn = rng.integers(4, size=len(_CURVE))
    return {item: reserve[int(b)] for (item, reserve), b in zip(_CURVE.items(), drawn, strict=True)}


def _question_5_statements(seed: int) -> dict[str, str]:
    """Return the copy's two statements of question 5 (item -> text, in French).

    Review d21 (lecturer 1): the items on tools A and B, keyed on the application dates of
    Regulation (EU) 2026/1744 (read in published summaries, not in the adopted text), are
    withdrawn; no graded item depends on that regulation's dates or wording. As for question
    3, the indices drawn are not returned; the draws are those of the earlier four-item
    version, so each copy keeps its two statements.
    """
    rng = np.random.default_rng([int(seed), 5])
    information, when = (int(b) for b in rng.integers(4, size=2))
    return {"information": _INFORMATION[information], "quand": _WHEN[when]}
