"""French explanations of the errors beginners hit, shown in a live notebook.

Students who have never programmed meet a handful of errors over and over:
a decimal comma (``0,045``), a name typed in the wrong case or defined in a
cell they have not run, the ``...`` placeholder left in a calculation, an
unclosed parenthesis. :func:`french_explanation` turns such an error into a
short French explanation; :func:`install_french_errors` makes a live IPython
kernel show that explanation above the one line of Python's English message
that matters, instead of a traceback.

The error output itself is kept: its ``ename`` and ``evalue`` are Python's,
so nbgrader still counts the cell as failed. Errors without an explanation,
and the checks' own failures (:class:`~esn_teach.checks.CheckFailed`, an
:class:`AssertionError` with its own ``_render_traceback_``), show as before.
"""

from __future__ import annotations

import builtins
import difflib
import keyword
import linecache
import re
import sys
import traceback
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Mapping
from types import FrameType, TracebackType
from typing import TYPE_CHECKING, Any

from esn_teach.checks._stale import watch_answer_cells

if TYPE_CHECKING:
    from IPython.core.interactiveshell import InteractiveShell

__all__ = ["french_explanation", "install_french_errors"]

#: Marks the handlers installed here, so that installing twice does not stack them.
_MARK = "_esn_french_errors"

#: The run-time errors explained; the others keep IPython's traceback.
_RUNTIME_ERRORS: tuple[type[BaseException], ...] = (
    NameError,
    TypeError,
    KeyError,
    ValueError,
    IndexError,
)

#: A call given more values than the function takes (often a decimal comma: 88,4).
_TOO_MANY_VALUES = re.compile(
    r"takes (?:from \d+ to )?\d+ positional arguments? but \d+ (?:were|was) given"
)

#: Library messages a beginner meets when calling a function of the course (scikit-learn's
#: metrics, esn_teach's keyword-only functions), and what they mean in French.
_LIBRARY_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"continuous format is not supported|Unknown label type: .?continuous"),
        "La fonction a reçu des scores (des nombres entre 0 et 1) là où elle attend les "
        "diagnostics réels (0 ou 1) : avez-vous inversé l'ordre ? Donnez d'abord les "
        "diagnostics réels, puis les scores.",
    ),
    (
        # precision_score, recall_score, confusion_matrix with the scores first.
        re.compile(r"can't handle a mix of continuous(?:-multioutput)? and \w+ targets"),
        "La fonction a reçu des scores (des nombres entre 0 et 1) en premier, là où elle attend "
        "les diagnostics réels (0 ou 1) : avez-vous inversé l'ordre ? Donnez d'abord les "
        "diagnostics réels, puis les décisions (0 ou 1). Cette fonction compte des décisions : "
        "un score devient une décision avec un seuil, par exemple (score >= seuil).",
    ),
    (
        # The same functions given the scores, not the decisions, in second place.
        re.compile(r"can't handle a mix of \w+ and continuous(?:-multioutput)? targets"),
        "La fonction a reçu des scores (des nombres entre 0 et 1) là où elle attend des "
        "décisions (0 ou 1) : elle compte les alertes, elle ne lit pas un score. Transformez "
        "d'abord le score en décision avec un seuil, par exemple (score >= seuil), et gardez "
        "l'ordre : d'abord les diagnostics réels, puis les décisions.",
    ),
    (
        re.compile(r"inconsistent numbers of samples"),
        "Les deux séries n'ont pas le même nombre de patients : mélangez-vous deux jeux de "
        "données (par exemple deux hôpitaux, ou le jeu de test et celui de validation ou de "
        "réglage) ? Chaque score doit aller avec le diagnostic réel de la même personne.",
    ),
    (
        re.compile(r"[Bb]oolean index (?:has wrong length|did not match)|Item wrong length"),
        "Le filtre (une série de vrai/faux) n'a pas la même longueur que le tableau filtré : "
        "vous filtrez un tableau avec les lignes d'un autre (par exemple toute la cohorte avec "
        "des patients repérés dans une partie seulement). Filtrez le tableau d'où viennent ces "
        "vrai/faux.",
    ),
    (
        re.compile(r"truth value of an? (?:array|Series|DataFrame)\b.* is ambiguous"),
        "Python ne sait pas dire si toute une série de vrai/faux est « vraie ». C'est souvent "
        "and ou or écrit entre deux conditions qui portent sur chaque patient : écrivez & pour "
        "« et », | pour « ou » (par exemple inscrits & noirs), et mettez chaque comparaison "
        "entre parenthèses : (age > 60) & noirs.",
    ),
    (
        re.compile(r"'(?:int|float)' object is not callable"),
        "Python a lu un nombre suivi d'une parenthèse, comme 9(2)(j), comme un appel de "
        "fonction. Une référence d'article est un texte : écrivez-la entre guillemets droits, "
        '"9(2)(j)". Dans un calcul, il manque sans doute le signe * avant la parenthèse.',
    ),
    (
        re.compile(r"takes 0 positional arguments but \d+ (?:were|was) given"),
        "Cette fonction demande des valeurs nommées : écrivez nom=valeur pour chacune, comme "
        "dans l'énoncé ou l'indice.",
    ),
    (
        _TOO_MANY_VALUES,
        "Cette fonction a reçu plus de valeurs qu'elle n'en attend. Une virgule sépare deux "
        "valeurs : comptez-les, et nommez-les comme dans l'énoncé ou l'indice (nom=valeur) "
        "quand la fonction le demande.",
    ),
)

#: JupyterLab's menu entry, as the French language pack names it.
_RUN_ABOVE = (
    "exécutez les cellules du dessus dans l'ordre "
    "(menu Exécution › Exécuter tout au-dessus de la cellule sélectionnée)"
)

#: The usual short names of the libraries the course imports at the top of a notebook.
_LIBRARY_ALIASES = {
    "np": "import numpy as np",
    "pd": "import pandas as pd",
    "plt": "import matplotlib.pyplot as plt",
}

#: Characters that word processors and French keyboards produce, and what Python wants.
_CHARACTER_FIXES = {
    "×": "*",
    "÷": "/",
    "−": "-",
    "–": "-",
    "—": "-",
    "…": "...",
    "≤": "<=",
    "≥": ">=",
    "≠": "!=",
    "²": "** 2",
}
_TYPOGRAPHIC_QUOTES = "‘’‚‛“”„«»"

#: A number written with a decimal comma: ``0,045`` (no space after the comma).
_DECIMAL_COMMA = re.compile(r"(?<![\w.])(\d+),(\d+)(?![\w.])")
_LEADING_ZEROS = re.compile(r"(?<![\w.,])0+(\d+)(?![\w.])")
_NAME_NOT_DEFINED = re.compile(r"^name '([^']+)' is not defined")
_ELLIPSIS = re.compile(r"\b(ellipsis|EllipsisType)\b")
_IDENTIFIER = re.compile(r"[^\W\d]\w*")


def french_explanation(
    error: BaseException,
    source: str | None = None,
    *,
    namespace: Mapping[str, object] | None = None,
) -> str | None:
    """Explain in French an error that a beginner's cell raised.

    Parameters
    ----------
    error : BaseException
        The error raised by the student's code.
    source : str, optional
        The code that raised it: the cell's code for a :class:`SyntaxError`
        (used when the error does not carry its line, and to locate an unclosed
        parenthesis that IPython reports as "incomplete input"), the failing
        line for an error at run time (to tell which variable still holds
        ``...``).
    namespace : mapping, optional
        The student's variables, name to value: the names close to an unknown
        name are suggested, and the variables still holding ``...`` named.

    Returns
    -------
    str or None
        The explanation, one or more lines of plain French; ``None`` when there
        is nothing to add to Python's message.

    Examples
    --------
    >>> try:
    ...     compile("sensibilite = 0,045", "<cellule>", "exec")
    ... except SyntaxError as error:
    ...     print(french_explanation(error).splitlines()[-1])
    Ligne corrigée : sensibilite = 0.045
    """
    if isinstance(error, SyntaxError):
        return _explain_syntax(error, source)
    if type(error) is NameError:
        match = _NAME_NOT_DEFINED.match(str(error))
        if match:
            return _explain_unknown_name(match[1], namespace, source)
        return None
    if isinstance(error, TypeError) and _ELLIPSIS.search(str(error)):
        return _explain_placeholder(source, namespace)
    if type(error) is KeyError and error.args:
        return _explain_missing_label(error.args[0], source, namespace)
    too_many = _TOO_MANY_VALUES.search(str(error)) if isinstance(error, TypeError) else None
    if too_many and source and _DECIMAL_COMMA.search(source) and "takes 0 " not in str(error):
        return _leading_zeros(None, source)  # dfge(127/88,4, 57): Python reads 88 and 4
    if isinstance(error, ValueError | TypeError | IndexError):
        message = str(error)
        return next((text for pattern, text in _LIBRARY_MESSAGES if pattern.search(message)), None)
    return None


def _labels(values: Iterable[object], limit: int = 12) -> str:
    shown = [f"« {value} »" for value in list(values)[:limit]]
    return ", ".join(shown) + (", …" if len(list(values)) > limit else "")


def _explain_missing_label(
    key: object, source: str | None, namespace: Mapping[str, object] | None
) -> str | None:
    """Explain a KeyError on a table: the row or column name, and the names that exist."""
    if source is None or namespace is None:
        return None
    for name in dict.fromkeys(re.findall(r"([A-Za-z_]\w*)\s*(?:\.loc|\.at)?\s*\[", source)):
        table = namespace.get(name)
        columns = getattr(table, "columns", None)
        index = getattr(table, "index", None)
        if index is None or type(table).__module__.split(".")[0] != "pandas":
            continue
        parts = []
        if columns is not None:
            parts.append(f"colonnes : {_labels(columns)}")
        parts.append(f"lignes : {_labels(index)}")
        return (
            f"« {key} » n'est ni une ligne ni une colonne du tableau « {name} » ("
            + " ; ".join(parts)
            + "). Recopiez le nom exactement : accents, majuscules et tirets bas comptent."
        )
    return None


# --- Syntax errors -----------------------------------------------------------------------


def _explain_syntax(error: SyntaxError, source: str | None) -> str:
    """Explain a syntax error: a one-line gloss, or more for a decimal comma."""
    line = error.text
    if line is None and source and error.lineno:
        lines = source.splitlines()
        if 0 < error.lineno <= len(lines):
            line = lines[error.lineno - 1]
    message = error.msg or ""
    if message == "incomplete input" and source:
        # IPython compiles a cell as codeop does, which says only "incomplete input" for an
        # unclosed parenthesis or string; a plain compile tells which one, and where.
        precise = _compile_error(source)
        if precise is not None and precise.msg != "incomplete input":
            return f"{_explain_syntax(precise, source)}\n{_location(precise)}".rstrip()
    line = (line or "").rstrip("\r\n")
    if _apostrophe_in_single_quotes(line):
        # An even number of apostrophes closes every text: Python then reports a missing
        # comma or plain invalid syntax, never the apostrophe itself.
        return _APOSTROPHE
    conjunction = _CONJUNCTION.search(line)
    if conjunction and message.startswith("invalid syntax"):
        # « inscrits & noirs » written the French way: the bare-words advice (« write it as a
        # text ») would send a student who is combining two conditions down a false trail.
        sign = "&" if conjunction[2] == "et" else "|"
        return (
            f"« {conjunction[2]} » n'est pas un mot de Python. Pour dire « {conjunction[2]} » "
            f"entre deux conditions qui portent sur chaque patient, écrivez {sign} : "
            f"{conjunction[1]} {sign} {conjunction[3]}. Si c'est un texte, entourez-le de "
            f'guillemets droits : "{conjunction[1]} {conjunction[2]} {conjunction[3]}".'
        )
    words = _bare_words(error, message, line)
    if words:
        return (
            f"Des mots sans guillemets se suivent (« {words} ») : Python les lit comme des "
            "noms de variables. Un texte s'écrit entre guillemets droits : "
            f"écrivez \"{words}\". S'il s'agit de deux valeurs, séparez-les par une virgule."
        )
    return _syntax_gloss(message, line)


_APOSTROPHE = (
    "Votre texte contient une apostrophe (comme dans l'écart), qui referme le texte trop tôt : "
    'entourez-le de guillemets doubles, "l\'écart est démontré".'
)
#: Two names joined by the French « et » or « ou », outside quotes: ``inscrits et noirs``.
_CONJUNCTION = re.compile(
    r"^[^\"'#]*?(?<![\w.])([^\W\d][\w.]*)[ \t]+(et|ou)[ \t]+([^\W\d][\w.]*)(?![\w(])"
)
#: A letter, an apostrophe, a letter: « l'écart », « n'a », « aujourd'hui ».
_ELISION = re.compile(r"[^\W\d_]'[^\W\d_]")


def _apostrophe_in_single_quotes(line: str) -> bool:
    """Whether ``line`` has an elision (« l'écart ») outside any double-quoted text."""
    return bool(_ELISION.search(re.sub(r'"[^"]*"', '""', line)))


#: Words a beginner types as text: letters, digits and inner hyphens (« quasi-identifiant »).
_WORD = r"[^\W\d][\w]*(?:-[^\W\d][\w]*)*"
_BARE_WORDS = re.compile(rf"{_WORD}(?:[ \t]+{_WORD})+")
#: The words from Python's mark to the end of the value (a comma, a closing sign, the end).
_WORDS_TO_END = re.compile(rf"({_WORD}(?:[ \t]+{_WORD})*)[ \t]*(?:[,)\]}}].*)?$")
#: Where a value starts: after =, :, an opening sign or a comma.
_VALUE_START = re.compile(rf"[=:(\[{{,][ \t]*({_WORD}(?:[ \t]+{_WORD})*)[ \t]*$")


def _bare_words(error: SyntaxError, message: str, line: str) -> str | None:
    """Return the words of a text typed without quotes (``"nom": identifiant direct``), if any.

    Python reports two bare words where a value is expected either as a missing comma
    (inside brackets: its range covers the words) or as plain invalid syntax (after
    ``=``: it points at the second word). Python keywords are not text.
    """
    if not error.offset or error.offset < 1:
        return None
    start = error.offset - 1
    if message.startswith("invalid syntax. Perhaps you forgot a comma"):
        end = (error.end_offset or 0) - 1
        span = line[start:end] if end > start else ""
        if not _BARE_WORDS.fullmatch(span):
            return None
    elif message == "invalid syntax":
        found = _VALUE_START.search(line[:start])
        following = _WORDS_TO_END.match(line[start:])
        if found is None or following is None:
            return None
        span = f"{found[1]} {following[1]}"
    else:
        return None
    words = span.split()
    if any(keyword.iskeyword(word) for word in words):
        return None
    return " ".join(words)


def _compile_error(source: str) -> SyntaxError | None:
    """Return the error a plain compile of ``source`` raises (``None`` if it compiles)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(source, "<cellule>", "exec", dont_inherit=True)
    except SyntaxError as error:
        return error
    except (ValueError, OverflowError, MemoryError):
        return None
    return None


def _location(error: SyntaxError) -> str:
    """Show the line of ``error`` with a caret under the faulty character."""
    text = (error.text or "").rstrip("\r\n")
    if not text.strip() or not error.lineno:
        return ""
    lines = [f"À la ligne {error.lineno} :", f"    {text}"]
    if error.offset and 0 < error.offset <= len(text) + 1:
        lines.append(" " * (3 + error.offset) + "^")
    return "\n".join(lines)


def _syntax_gloss(message: str, line: str) -> str:
    """Translate Python's syntax-error message into one plain French explanation."""
    if message.startswith("invalid syntax") and re.search(r"\d \d{3}\b", line):
        return (
            "Un nombre est écrit avec une espace entre les milliers (comme 1 502 dans les "
            "tableaux) : en Python, écrivez-le sans espace, 1502."
        )
    if message.startswith("invalid syntax"):
        found = _forgot_comma(line, generic=False)
        if found:
            return found
    for pattern, explain in _SYNTAX_GLOSSES:
        match = re.search(pattern, message)
        if match:
            return explain(match, line)
    return (
        "Python ne comprend pas cette ligne (erreur d'écriture) : vérifiez-la autour de "
        "l'endroit marqué par ^."
    )


def _leading_zeros(_match: re.Match[str] | None, line: str) -> str:
    """Explain ``0,045`` (a decimal comma) or ``007`` (an integer with leading zeros)."""
    commas = list(_DECIMAL_COMMA.finditer(line))
    if commas:
        pairs = " ; ".join(f"{m[1]}.{m[2]} et non {m[1]},{m[2]}" for m in commas)
        fixed = _DECIMAL_COMMA.sub(r"\1.\2", line).strip()
        return (
            "En Python, la virgule sépare deux valeurs ; les décimales s'écrivent avec un "
            f"point : écrivez {pairs}.\nLigne corrigée : {fixed}"
        )
    zeros = _LEADING_ZEROS.search(line)
    example = f" : écrivez {zeros[1]} et non {zeros[0]}" if zeros else ""
    return f"En Python, un nombre entier ne peut pas commencer par 0{example}."


def _forgot_comma(line: str, *, generic: bool = True) -> str | None:
    """Explain a missing comma (« 57 ans », two texts in a row) from what the line holds.

    Without ``generic``, return None when neither case is recognised.
    """
    connector = re.search(r"(?<=[\w)\]])\s+(et|ou)\s+(?=[\w(])", line)
    if connector:
        word, python = connector[1], {"et": ("and", "&"), "ou": ("or", "|")}[connector[1]]
        return (
            f"Python ne connaît pas « {word} » : entre deux conditions, écrivez {python[0]} ; "
            f"entre deux séries de vrai/faux (une par patient), écrivez {python[1]}, avec "
            "chaque comparaison entre parenthèses."
        )
    ratio = re.search(r"(?<![\w.])(\d+(?:\.\d+)?)\s+sur\s+(\d+(?:\.\d+)?)", line)
    if ratio:
        return f"« {ratio[0]} » s'écrit avec le signe de la division : {ratio[1]} / {ratio[2]}."
    number_word = re.search(r"(?<![\w.])(\d+(?:\.\d+)?)\s+([^\W\d]+)", line)
    if number_word and not keyword.iskeyword(number_word[2]):
        words = number_word[0]
        return (
            f"Un nombre est suivi d'un mot ({words}) : si la réponse est un nombre, écrivez "
            f"seulement le nombre, {number_word[1]} ; si c'est un texte (une date, par exemple), "
            f'mettez-le entre guillemets droits, "{words}…".'
        )
    if re.search(r"[\"'][^\"']*[\"']\s+[\"']", line):
        return (
            "Deux textes se suivent sans virgule : séparez les éléments par une virgule, par "
            'exemple {"a": "oui", "b": "non"} ou ["oui", "non"].'
        )
    if not generic:
        return None
    return "Il manque sans doute une virgule entre deux valeurs : écrivez [1, 2] et non [1 2]."


def _never_closed(match: re.Match[str], _line: str) -> str:
    opening = match[1]
    closing = {"(": ")", "[": "]", "{": "}"}.get(opening, opening)
    return (
        f"Le signe « {opening} » n'est jamais refermé : ajoutez le « {closing} » qui lui "
        "correspond."
    )


def _unmatched(match: re.Match[str], _line: str) -> str:
    closing = match[1]
    opening = {")": "(", "]": "[", "}": "{"}.get(closing, closing)
    return (
        f"Le signe « {closing} » est en trop : il ne ferme aucun « {opening} ». "
        f"Supprimez-le, ou ajoutez le « {opening} » qui manque."
    )


def _mismatched(match: re.Match[str], _line: str) -> str:
    closing, opening = match[1], match[2]
    expected = {"(": ")", "[": "]", "{": "}"}.get(opening, "?")
    return (
        f"Les signes ne vont pas ensemble : « {opening} » se ferme avec « {expected} », "
        f"pas avec « {closing} »."
    )


def _invalid_character(match: re.Match[str], _line: str) -> str:
    character = match[1]
    if character in _TYPOGRAPHIC_QUOTES:
        return (
            f"Python ne comprend pas le guillemet {character} : pour écrire un texte, "
            "utilisez les guillemets droits du clavier, \" ou '."
        )
    if character in _CHARACTER_FIXES:
        return (
            f"Python ne comprend pas le signe « {character} » : écrivez "
            f"{_CHARACTER_FIXES[character]} à la place."
        )
    return f"Python ne comprend pas le caractère « {character} » : supprimez-le ou remplacez-le."


def _non_printable(match: re.Match[str], _line: str) -> str:
    if match[1] == "00A0":
        return (
            "Un espace spécial (espace insécable, souvent copié depuis un traitement de texte) "
            "s'est glissé à l'endroit marqué par ^ : effacez-le et retapez un espace normal."
        )
    return (
        "Un caractère invisible s'est glissé à l'endroit marqué par ^ : effacez ce passage "
        "de la ligne et retapez-le."
    )


def _fixed(text: str) -> Callable[[re.Match[str], str], str]:
    """Return a gloss that does not depend on the message's details."""

    def gloss(_match: re.Match[str], _line: str) -> str:
        return text

    return gloss


#: Python's message (searched with re.search, first match wins) and its French gloss.
_SYNTAX_GLOSSES: list[tuple[str, Callable[[re.Match[str], str], str]]] = [
    (r"^leading zeros in decimal integer literals", _leading_zeros),
    (r"^'(.)' was never closed", _never_closed),
    (r"^unmatched '(.)'", _unmatched),
    (r"^closing parenthesis '(.)' does not match opening parenthesis '(.)'", _mismatched),
    (
        r"^unterminated (triple-quoted )?string literal",
        lambda _match, line: (
            _APOSTROPHE
            if re.search(r"'[^'\"]*\w'\w", line)
            else "Un texte entre guillemets n'est pas refermé : ajoutez à la fin du texte le même "
            "guillemet qu'au début (\" ou ')."
        ),
    ),
    (r"^invalid character '(.)'", _invalid_character),
    (r"^invalid non-printable character U\+([0-9A-F]+)", _non_printable),
    (
        r"^invalid decimal literal",
        _fixed(
            "Un nombre est collé à des lettres : pour multiplier, écrivez 2 * x et non 2x ; "
            "un nom de variable ne peut pas commencer par un chiffre."
        ),
    ),
    (
        r"^expected ':'",
        _fixed(
            "Il manque les deux-points « : » à la fin de la ligne (une ligne qui commence par "
            "if, else, for ou def se termine par « : »)."
        ),
    ),
    (
        r"Maybe you meant '==' or ':=' instead of '='",
        _fixed(
            "Pour comparer deux valeurs, écrivez == (deux signes égal) ; un seul = sert à "
            "ranger une valeur dans une variable."
        ),
    ),
    (
        r"^cannot assign to",
        _fixed(
            "À gauche du signe =, il faut un seul nom de variable, sans espace, tiret ni calcul "
            "(par exemple taux_vp = ... et non taux-vp = ...). Pour comparer deux valeurs, "
            "écrivez ==."
        ),
    ),
    (r"Perhaps you forgot a comma", lambda _match, line: _forgot_comma(line) or ""),
    (
        r"^Missing parentheses in call to 'print'",
        _fixed(
            "Il manque les parenthèses : écrivez print(...), avec entre les parenthèses ce "
            "qu'il faut afficher."
        ),
    ),
    (
        r"^unexpected indent",
        _fixed(
            "Cette ligne commence par des espaces en trop : supprimez-les pour l'aligner sur "
            "la ligne du dessus."
        ),
    ),
    (
        r"^expected an indented block",
        _fixed(
            "Après une ligne qui se termine par « : », la ligne suivante doit être décalée "
            "vers la droite (4 espaces au début)."
        ),
    ),
    (
        r"^unindent does not match any outer indentation level",
        _fixed(
            "Le décalage de cette ligne (les espaces au début) ne correspond à aucune ligne du "
            "dessus : alignez-la exactement sur le bloc voulu."
        ),
    ),
    (
        r"^inconsistent use of tabs and spaces",
        _fixed(
            "Cette ligne mélange tabulations et espaces en début de ligne : n'utilisez que des "
            "espaces."
        ),
    ),
    (
        r"^incomplete input",
        _fixed(
            "Le code de la cellule s'arrête avant la fin : une parenthèse, un crochet ou un "
            "guillemet n'est pas refermé, ou la dernière ligne est inachevée."
        ),
    ),
    (
        r"^invalid syntax",
        _fixed(
            "Python ne comprend pas cette ligne : vérifiez-la autour de l'endroit marqué par ^ "
            "(signe oublié ou en trop, calcul inachevé, parenthèse ou guillemet)."
        ),
    ),
]


# --- Errors at run time ------------------------------------------------------------------


def _fold(name: str) -> str:
    """Return ``name`` without case nor accents, to compare names as a reader does."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _close_names(name: str, candidates: Iterable[str]) -> list[str]:
    """Return up to three names of ``candidates`` that ``name`` is likely a misspelling of."""
    by_fold: dict[str, list[str]] = {}
    for candidate in sorted(set(candidates)):
        if candidate != name and not candidate.startswith("_"):
            by_fold.setdefault(_fold(candidate), []).append(candidate)
    target = _fold(name)
    if target in by_fold:
        # The same name but for case or accents: surely the one meant.
        return by_fold[target][:3]
    found: list[str] = []
    for folded in difflib.get_close_matches(target, by_fold, n=3, cutoff=0.8):
        found += by_fold[folded]
    return found[:3]


def _quoted_list(names: list[str]) -> str:
    """Write ``["a", "b", "c"]`` as « a », « b » ou « c »."""
    quoted = [f"« {name} »" for name in names]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} ou {quoted[-1]}"


def _explain_unknown_name(
    name: str, namespace: Mapping[str, object] | None, source: str | None = None
) -> str:
    """Explain a NameError: a misspelt name, or a cell above not run (or a restarted kernel)."""
    if name in _LIBRARY_ALIASES:
        return (
            f"Python ne connaît pas « {name} » : la cellule qui contient "
            f"« {_LIBRARY_ALIASES[name]} » (en haut du notebook) n'a pas été exécutée, ou le "
            f"noyau a redémarré depuis. Pour corriger, {_RUN_ABOVE}."
        )
    if source is not None and re.search(rf"checks\.\w+\(\s*{re.escape(name)}\b", source):
        # A check cell reading the answer: the answer cell above failed or was not run;
        # a close name would send the student to rename their answer.
        return (
            f"« {name} » n'existe pas encore : votre cellule de réponse (au-dessus) s'est "
            "arrêtée sur une erreur ou n'a pas été exécutée. Corrigez-la en suivant son "
            "message, exécutez-la, puis exécutez de nouveau cette vérification."
        )
    if name.lower() in ("oui", "non") and name not in (namespace or {}):
        # « Non » typed without quotes: the closest Python name is None, a false trail.
        return (
            f"Python ne connaît pas le nom « {name} » : une réponse oui / non est un texte, "
            f'à écrire entre guillemets droits : "{name.lower()}".'
        )
    close = _close_names(name, [*(namespace or {}), *dir(builtins)])
    typo = f"vouliez-vous dire {_quoted_list(close)} ?" if close else "vérifiez l'orthographe"
    causes = []
    # An answer typed without quotes: after « = » (x = b), « : » (a dictionary value), « [ » or
    # « , », ending the line or a value, or glued to a citation's dash (L1461-1); not in a
    # calculation (x = b + 1).
    if source is not None and re.search(
        rf"(?:=|:|\[|,)\s*{re.escape(name)}(?:\s*(?:#.*)?$|-\d|\s*[,)\]}}])", source, re.M
    ):
        causes.append(
            f"une réponse à écrire telle quelle (une lettre, un mot parmi les options) doit être "
            f'entre guillemets : "{name}" ;'
        )
    causes += [
        f"une faute de frappe : {typo} (Python distingue les majuscules des minuscules) ;",
        f"la cellule qui donne sa valeur à « {name} » (votre réponse, ou une cellule du dessus) "
        "s'est arrêtée sur une erreur ou n'a pas été exécutée, ou le noyau (le programme qui "
        f"exécute vos cellules) a redémarré depuis : corrigez-la si besoin, puis {_RUN_ABOVE}.",
    ]
    listed = "\n".join(f"- {cause}" for cause in causes)
    return f"Python ne connaît pas le nom « {name} ». Causes possibles :\n{listed}"


def _explain_placeholder(source: str | None, namespace: Mapping[str, object] | None) -> str:
    """Explain a TypeError on ``...``: the placeholder is still in the calculation."""
    code = source or ""
    used = dict.fromkeys(_IDENTIFIER.findall(code))
    holders = [
        name
        for name in used
        if namespace is not None and not name.startswith("_") and namespace.get(name) is ...
    ]
    if holders and "..." not in code:
        names = _quoted_list(holders)
        verb = "vaut" if len(holders) == 1 else "valent"
        return (
            f"{names} {verb} encore « ... » (les trois points de la question). Remplacez les "
            f"trois points par votre réponse dans la cellule « {holders[0]} = ... », "
            "exécutez cette cellule, puis celle-ci."
        )
    return (
        "Le calcul contient encore les trois points « ... » de la question : remplacez-les "
        "par votre réponse (un nombre ou un calcul), puis exécutez de nouveau la cellule."
    )


# --- IPython -----------------------------------------------------------------------------


def _user_frames(shell: InteractiveShell, tb: TracebackType | None) -> list[tuple[FrameType, int]]:
    """Return the frames of ``tb`` that run the student's code, with their line numbers."""
    frames = []
    while tb is not None:
        if tb.tb_frame.f_globals is shell.user_global_ns:
            frames.append((tb.tb_frame, tb.tb_lineno))
        tb = tb.tb_next
    return frames


def _innermost_is_user_code(shell: InteractiveShell, tb: TracebackType | None) -> bool:
    """Tell whether ``tb`` ends in the student's code (not in a library)."""
    if tb is None:
        return False
    while tb.tb_next is not None:
        tb = tb.tb_next
    return tb.tb_frame.f_globals is shell.user_global_ns


def _runtime_traceback(
    shell: InteractiveShell,
    etype: type[BaseException],
    value: BaseException,
    tb: TracebackType | None,
) -> list[str] | None:
    """Build the short French traceback of a run-time error (``None``: IPython's own)."""
    if hasattr(value, "_render_traceback_") or shell.call_pdb:
        return None
    if isinstance(value, NameError) and not _innermost_is_user_code(shell, tb):
        # A name missing in a library's code is not the student's typo.
        return None
    frames = _user_frames(shell, tb)
    line, lineno = "", 0
    if frames:
        frame, lineno = frames[-1]
        line = linecache.getline(frame.f_code.co_filename, lineno).strip()
    hidden = shell.user_ns_hidden
    namespace = {k: v for k, v in shell.user_ns.items() if k not in hidden}
    text = french_explanation(value, line or None, namespace=namespace)
    if text is None:
        return None
    stb = [*text.splitlines(), ""]
    if line:
        stb.append(f"Ligne {lineno} : {line}")
    stb += "".join(traceback.format_exception_only(etype, value)).rstrip().splitlines()
    return stb


def _make_runtime_handler(
    previous: tuple[tuple[type[BaseException], ...], Callable[..., Any]] | None,
) -> Callable[..., list[str]]:
    """Return the handler given to ``set_custom_exc``, chained to a ``previous`` one."""

    def handler(
        shell: InteractiveShell,
        etype: type[BaseException],
        value: BaseException,
        tb: TracebackType | None,
        tb_offset: int | None = None,
    ) -> list[str]:
        # run_code ignores what a custom handler returns: the handler shows the error itself,
        # through _showtraceback, which in a kernel sends the error output (ename, evalue).
        if previous is not None and issubclass(etype, previous[0]):
            return list(previous[1](etype, value, tb, tb_offset=tb_offset) or [])
        try:
            stb = _runtime_traceback(shell, etype, value, tb)
        except Exception:
            stb = None
        if stb is None:
            shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
            return []
        # As showtraceback does, so that %tb and %debug still find the full traceback.
        sys.last_type, sys.last_value, sys.last_traceback = etype, value, tb
        if sys.version_info >= (3, 12):
            sys.last_exc = value
        shell._showtraceback(etype, value, stb)
        return stb

    return handler


def _syntax_lines(evalue: BaseException) -> list[str]:
    """Return the French lines to show above IPython's display of a syntax error."""
    if not isinstance(evalue, SyntaxError):
        return []
    try:
        filename = evalue.filename
        source = "".join(linecache.getlines(filename)) if isinstance(filename, str) else ""
        text = french_explanation(evalue, source or None)
    except Exception:
        return []
    return [*text.splitlines(), ""] if text else []


def _wrap_showsyntaxerror(shell: InteractiveShell) -> None:
    """Make ``shell.showsyntaxerror`` put the French explanation above IPython's display."""
    original = shell.showsyntaxerror

    def showsyntaxerror(filename: str | None = None, running_compiled_code: bool = False) -> None:
        # IPython's showsyntaxerror formats the error (the line, a caret, the English
        # message) and hands it to _showtraceback; the French lines are put in front there,
        # so that the kernel's error output keeps the SyntaxError's ename and evalue.
        own = "_showtraceback" in vars(shell)
        show = shell._showtraceback

        def show_explained(etype: type, evalue: BaseException, stb: list[str]) -> None:
            show(etype, evalue, [*_syntax_lines(evalue), *stb])

        # setattr: mypy refuses an assignment to a method.
        setattr(shell, "_showtraceback", show_explained)  # noqa: B010
        try:
            original(filename, running_compiled_code)
        finally:
            if own:
                setattr(shell, "_showtraceback", show)  # noqa: B010
            else:
                delattr(shell, "_showtraceback")

    setattr(showsyntaxerror, _MARK, True)
    setattr(shell, "showsyntaxerror", showsyntaxerror)  # noqa: B010


def install_french_errors(shell: InteractiveShell | None = None) -> bool:
    """Show French explanations of beginners' errors in an IPython kernel.

    A :class:`NameError` or a :class:`TypeError` on ``...`` raised by the
    student's code shows as a short French explanation, the failing line and
    Python's one-line message, instead of a traceback; a :class:`SyntaxError`
    shows a French explanation above IPython's usual display (the line and a
    caret). The error output keeps Python's ``ename`` and ``evalue``, so
    nbgrader counts the cell as failed. Other errors are shown as before. The
    answers a failed cell left unassigned are noted, so that their verification
    does not judge the previous value (:mod:`esn_teach.checks._stale`).

    Parameters
    ----------
    shell : InteractiveShell, optional
        The IPython shell; by default the running one (:func:`IPython.get_ipython`).

    Returns
    -------
    bool
        ``True`` if the explanations are installed (now or by an earlier call:
        installing twice does not stack), ``False`` outside IPython.
    """
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:
            return False
        shell = get_ipython()
        if shell is None:
            return False
    custom = getattr(shell.CustomTB, "__func__", None)
    if not getattr(custom, _MARK, False):
        previous = None
        if shell.custom_exceptions:
            previous = (tuple(shell.custom_exceptions), shell.CustomTB)
        handled = tuple(dict.fromkeys([*(previous[0] if previous else ()), *_RUNTIME_ERRORS]))
        shell.set_custom_exc(handled, _make_runtime_handler(previous))
        setattr(shell.CustomTB.__func__, _MARK, True)
    if not getattr(shell.showsyntaxerror, _MARK, False):
        _wrap_showsyntaxerror(shell)
    watch_answer_cells(shell)
    return True
