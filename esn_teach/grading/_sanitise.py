r"""Neutralise what submissions contain before a terminal, a spreadsheet or a browser shows it.

Everything in a submission is written by the student: answers, the messages of
failed checks (they quote answers), outputs, markdown, even grade ids and
student ids (folder names). This module turns such text into something inert
for each place it ends up in:

- :func:`printable` for the instructor's terminal (control, escape and bidi
  characters removed or shown as ``\x1b``, ``\u202e``…);
- :func:`csv_safe` (and its inverse :func:`csv_restore`) for every CSV cell
  (no spreadsheet formula, no control character);
- :func:`safe_html`, :func:`safe_markdown` and :func:`sanitise_notebook` for the
  HTML feedback (no script, no event handler, no ``javascript:`` link);
- :class:`LimitOutputSize`, an nbgrader preprocessor capping outputs in bytes
  and not only in lines.

HTML sanitising uses bleach, which nbconvert (hence nbgrader) already requires,
and BeautifulSoup, which nbconvert's HTML exporter already uses: no new
dependency. nbconvert's own ``SanitizeHTML`` preprocessor is not enough here:
it runs bleach on the markdown *source*, so a markdown link
``[x](javascript:…)`` survives (it only becomes HTML later), markdown
blockquotes and code spans are mangled, and output metadata (image sizes,
inserted unquoted by the template) is left as it is.
"""

from __future__ import annotations

import base64
import html
import json
import math
import re
from typing import Any

import bleach
import nbformat
from bleach.css_sanitizer import CSSSanitizer
from bs4 import BeautifulSoup
from nbgrader.preprocessors import LimitOutput
from traitlets import Integer

__all__ = [
    "LimitOutputSize",
    "csv_restore",
    "csv_safe",
    "printable",
    "safe_html",
    "safe_markdown",
    "sanitise_notebook",
    "truncation_note",
]

# -- terminal -------------------------------------------------------------------------

#: ANSI/VT escape sequences: CSI (7- and 8-bit), OSC/DCS/SOS/PM/APC strings
#: (terminated by BEL, ST or a new ESC) and the other two-character ESC sequences.
#: Negated classes only, so that the search stays linear on hostile input.
_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|[\x1b][\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
    r"|[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]"
)

#: Every character of Unicode categories Cc (controls), Cf (format: bidi
#: overrides and isolates, zero-width characters, BOM…), Cs (lone surrogates),
#: Zl and Zp (line and paragraph separators), per Unicode 15; a test checks it
#: against :mod:`unicodedata`. U+202F (narrow no-break space, French
#: typography) is not in it.
_SUSPECT = re.compile(
    "[\x00-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001-\U000e007f]"
)


def _escape_character(character: str) -> str:
    code = ord(character)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def printable(text: object, *, limit: int | None = None, newlines: bool = False) -> str:
    r"""Return ``text`` safe to print in a terminal or to write in a text file.

    ANSI/VT escape sequences (colours, cursor moves, screen clearing, window
    titles…) are removed; every other control or invisible formatting
    character (C0 and C1 controls, DEL, bidi overrides and isolates
    U+202A–U+202E and U+2066–U+2069, zero-width characters, BOM, lone
    surrogates, line and paragraph separators) is shown escaped, as ``\x07``
    or ``\u202e``. Tabs become spaces. Letters, accents, French punctuation
    (« », ’, non-breaking spaces) and emoji are kept.

    Parameters
    ----------
    text : object
        Converted with ``str`` (``None`` gives ``""``).
    limit : int, optional
        At most this many characters; a longer result is cut and ends with
        ``…``.
    newlines : bool, default=False
        Keep line feeds (``\r\n`` counts as one). Otherwise each line break
        becomes a space, so that the text stays on one line.

    Returns
    -------
    str
    """
    if text is None:
        return ""
    source = str(text)
    cut = False
    if limit is not None:
        if limit < 1:
            return ""
        # Bounded work on huge input: more than enough characters for the result.
        window = limit * 8 + 1024
        cut = len(source) > window
        source = source[:window]
    source = _ANSI.sub("", source.replace("\r\n", "\n"))

    def replace(match: re.Match[str]) -> str:
        character = match.group()
        if character == "\n":
            return "\n" if newlines else " "
        if character == "\t":
            return " "
        return _escape_character(character)

    result = _SUSPECT.sub(replace, source)
    if limit is not None and (cut or len(result) > limit):
        result = result[: limit - 1] + "…"
    return result


# -- CSV ------------------------------------------------------------------------------

#: A cell starting with one of these is read as a formula by some spreadsheet
#: (full-width forms included, which some locales convert).
_FORMULA_TRIGGERS = frozenset("=+-@\t\r\n＝＋－＠")
_LEADING_SPACES = " \u00a0\u3000"
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")


def _needs_quote(text: str) -> bool:
    if _PLAIN_NUMBER.fullmatch(text):
        return False
    return text.startswith("'") or text.lstrip(_LEADING_SPACES)[:1] in _FORMULA_TRIGGERS


def csv_safe(value: object, *, newlines: bool = True) -> str:
    r"""Return ``value`` as a CSV cell no spreadsheet evaluates and no terminal interprets.

    Control and bidi characters are handled by :func:`printable`. Then a cell
    that a spreadsheet would take for a formula (first non-blank character
    ``=``, ``+``, ``-``, ``@``, tab, CR or LF, or their full-width forms) gets
    a leading apostrophe, which spreadsheets show as text (the OWASP advice
    against CSV injection); so does a cell already starting with an
    apostrophe, which keeps the transformation reversible with
    :func:`csv_restore`. Plain numbers (``-1.5``, ``+2``, ``3e-4``) are left
    as they are. Quoting (commas, quotes, line breaks) is the ``csv``
    module's job.

    Parameters
    ----------
    value : object
        Converted with ``str`` (``None`` gives ``""``).
    newlines : bool, default=True
        Keep line feeds inside the cell (see :func:`printable`).

    Returns
    -------
    str

    Examples
    --------
    >>> csv_safe('=HYPERLINK("http://x")')
    '\'=HYPERLINK("http://x")'
    >>> csv_safe("-1.5"), csv_safe("ana")
    ('-1.5', 'ana')
    """
    text = printable(value, newlines=newlines)
    return "'" + text if _needs_quote(text) else text


def csv_restore(cell: str) -> str:
    """Undo the apostrophe added by :func:`csv_safe` (reading back a CSV we wrote).

    ``csv_restore(csv_safe(text)) == text`` for every ``text`` that
    :func:`printable` leaves unchanged (every ordinary identifier or message).
    """
    if cell.startswith("'") and _needs_quote(cell[1:]):
        return cell[1:]
    return cell


# -- HTML -----------------------------------------------------------------------------

#: Elements removed with their content before bleach (bleach would keep their
#: text: CSS or JavaScript shown as prose).
_DROPPED_ELEMENTS = [
    "applet",
    "button",
    "embed",
    "frame",
    "frameset",
    "head",
    "iframe",
    "math",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "script",
    "select",
    "style",
    "svg",
    "template",
    "textarea",
    "title",
    "xmp",
]

_ALLOWED_TAGS = frozenset(
    {
        *("a", "abbr", "b", "blockquote", "br", "caption", "center", "cite", "code", "col"),
        *("colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption"),
        *("figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li"),
        *("mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strike", "strong"),
        *("sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt"),
        *("u", "ul", "var"),
    }
)

_ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto", "data"})

_CSS = CSSSanitizer(
    allowed_css_properties=frozenset(
        {
            "background-color",
            "color",
            "font-style",
            "font-weight",
            "text-align",
            "text-decoration",
            "vertical-align",
            "white-space",
        }
    )
)

_URL_NOISE = re.compile(r"[\x00-\x20\x7f-\xa0\s]+")
_IMAGE_DATA = re.compile(r"data:image/(?:png|jpeg|gif|webp|svg\+xml)[;,]")
_NUMBER = re.compile(r"\d{1,5}(?:\.\d{1,3})?%?")
_INTEGER = re.compile(r"\d{1,4}")


def _attribute_allowed(tag: str, name: str, value: str) -> bool:
    """Whether bleach may keep ``name="value"`` on ``tag`` (URLs are checked by bleach too)."""
    if name in ("class", "title", "lang", "style"):
        return True
    if tag == "a" and name == "href":
        return not _URL_NOISE.sub("", value).lower().startswith("data:")
    if tag == "img":
        if name == "src":
            url = _URL_NOISE.sub("", value).lower()
            return not url.startswith("data:") or bool(_IMAGE_DATA.match(url))
        if name == "alt":
            return True
        if name in ("width", "height"):
            return bool(_NUMBER.fullmatch(value.strip()))
    if tag in ("td", "th"):
        if name in ("colspan", "rowspan"):
            return bool(_INTEGER.fullmatch(value.strip()))
        return name in ("align", "valign")
    if (tag, name) in (("ol", "start"), ("col", "span"), ("colgroup", "span"), ("table", "border")):
        return bool(_INTEGER.fullmatch(value.strip()))
    return False


def safe_html(markup: str) -> str:
    """Return ``markup`` with everything that could run script removed.

    Scripts, styles, frames, objects, forms and inline SVG/MathML are removed
    with their content; then bleach keeps an allow-list of text formatting,
    lists, tables, links and images. Attributes are allow-listed per tag
    (``class``, ``title``, ``style`` reduced to a few text properties by
    bleach's CSS sanitiser, table spans, image sizes…): no event handler, no
    ``id`` or ``name`` (nothing can shadow the page's own elements). Links
    keep only ``http``, ``https``, ``mailto`` and relative URLs; images may
    also be ``data:image/…`` (an image never runs script). Comments are
    removed.

    Parameters
    ----------
    markup : str

    Returns
    -------
    str
        HTML, possibly empty.
    """
    if not markup or not markup.strip():
        return ""
    soup = BeautifulSoup(markup, "html.parser")
    for element in soup.find_all(_DROPPED_ELEMENTS):
        element.decompose()
    return bleach.clean(
        str(soup),
        tags=_ALLOWED_TAGS,
        attributes=_attribute_allowed,
        protocols=_ALLOWED_PROTOCOLS,
        css_sanitizer=_CSS,
        strip=True,
        strip_comments=True,
    )


def safe_markdown(source: str, *, attachments: dict | None = None) -> str:
    """Render markdown as nbconvert does (math kept for MathJax), then :func:`safe_html`.

    Raw HTML in the markdown and markdown links alike go through the
    sanitiser, so ``[x](javascript:…)`` loses its target. Images attached to
    the cell (``attachment:name``) are embedded as ``data:`` URLs. If the
    markdown cannot be rendered (a missing attachment…), the source is shown
    as preformatted text.

    Parameters
    ----------
    source : str
    attachments : dict, optional
        The cell's ``attachments``.

    Returns
    -------
    str
        Safe HTML.
    """
    from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

    renderer = IPythonRenderer(
        escape=False, attachments=dict(attachments or {}), exclude_anchor_links=True
    )
    try:
        rendered = MarkdownWithMath(renderer=renderer).render(source)
    except Exception:
        return f"<pre>{html.escape(source, quote=False)}</pre>"
    return safe_html(rendered)


def _markdown_passthrough(markup: str) -> str:
    """Wrap safe HTML so that nbconvert's ``markdown2html`` emits it unchanged.

    One line starting with ``<div`` is a CommonMark HTML block, copied
    verbatim; line feeds become ``&#10;``, which the browser reads as the
    same line feed (inside ``<pre>`` too).
    """
    return '<div class="esn-sanitised">' + re.sub(r"\r\n?|\n", "&#10;", markup) + "</div>"


# -- notebooks for the HTML feedback --------------------------------------------------

#: Output mimetypes the feedback may show as they are (escaped by the template).
_PLAIN_MIMETYPES = ("text/plain", "text/latex", "image/png", "image/jpeg")
_BASE64 = re.compile(r"[A-Za-z0-9+/=\s]*")
_GRADE_ID = re.compile(r"[A-Za-z0-9_-]+")


def _has_content(markup: str) -> bool:
    if "<img" in markup:
        return True
    return bool(BeautifulSoup(markup, "html.parser").get_text(strip=True))


def _image_metadata(metadata: dict) -> dict:
    """Keep only sane image display hints (the template inserts sizes unquoted)."""

    def clean(hints: Any) -> dict:
        kept: dict[str, Any] = {}
        if not isinstance(hints, dict):
            return kept
        for key in ("width", "height"):
            value = hints.get(key)
            if isinstance(value, bool):
                continue
            if isinstance(value, int | float) and math.isfinite(value) and value >= 0:
                kept[key] = value
            elif isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
                kept[key] = value.strip()
        if isinstance(hints.get("alt"), str):
            kept["alt"] = hints["alt"]
        if hints.get("unconfined") is True:
            kept["unconfined"] = True
        return kept

    result: dict[str, Any] = clean(metadata)
    for mimetype in ("image/png", "image/jpeg"):
        hints = clean(metadata.get(mimetype))
        if hints:
            result[mimetype] = hints
    return result


def _sanitise_data(output: dict) -> None:
    data = output.get("data") or {}
    safe: dict[str, Any] = {}
    hidden: list[str] = []
    for mimetype, value in data.items():
        text = "".join(value) if isinstance(value, list) else value
        if mimetype in _PLAIN_MIMETYPES and isinstance(text, str):
            if mimetype.startswith("image/") and not _BASE64.fullmatch(text):
                hidden.append(mimetype)
                continue
            safe[mimetype] = text
        elif mimetype == "text/html" and isinstance(text, str):
            markup = safe_html(text)
            if _has_content(markup):
                safe["text/html"] = markup
            else:
                hidden.append(mimetype)
        elif mimetype == "text/markdown" and isinstance(text, str):
            markup = safe_markdown(text)
            if _has_content(markup):
                safe.setdefault("text/html", markup)
            else:
                hidden.append(mimetype)
        elif mimetype == "image/svg+xml" and isinstance(text, str):
            # As an <img>, an SVG image never runs its scripts.
            encoded = base64.b64encode(text.encode("utf-8", "replace")).decode("ascii")
            safe.setdefault(
                "text/html", f'<img src="data:image/svg+xml;base64,{encoded}" alt="figure">'
            )
        else:
            hidden.append(mimetype)
    if not safe:
        kinds = ", ".join(printable(kind, limit=80) for kind in hidden) or "vide"
        safe["text/plain"] = f"[sortie non affichée dans ce retour : {kinds}]"
    output["data"] = nbformat.from_dict(safe)
    output["metadata"] = nbformat.from_dict(_image_metadata(output.get("metadata") or {}))


def sanitise_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Make an autograded notebook safe to render as HTML (in place; returned too).

    For nbgrader's feedback template (and nbconvert's classic template it
    extends), which inserts markdown and HTML outputs without sanitising
    them:

    - markdown cells, and the instructors' comments, are rendered here and
      sanitised with :func:`safe_markdown`, then wrapped so that the
      template's markdown step copies the safe HTML unchanged;
    - outputs keep only what cannot run script: text (escaped by the
      template), PNG and JPEG images, LaTeX (escaped), HTML sanitised with
      :func:`safe_html` (tables stay tables), markdown rendered then
      sanitised, SVG turned into an ``<img>``; JavaScript, widgets and other
      mimetypes are replaced by a French note when nothing else remains;
      output metadata keeps only numeric image sizes, alt text and
      ``unconfined``;
    - execution counts must be integers; raw cells lose their output format
      (they are not rendered); grade ids keep only letters, digits, ``_`` and
      ``-`` (the template puts them in links unescaped); widget state is
      removed from the notebook metadata.

    Text outputs, tracebacks and code are escaped by the template itself.

    Parameters
    ----------
    nb : nbformat.NotebookNode

    Returns
    -------
    nbformat.NotebookNode
    """
    nb.get("metadata", {}).pop("widgets", None)
    for cell in nb.cells:
        meta = cell.get("metadata", {})
        grading = meta.get("nbgrader")
        if isinstance(grading, dict):
            grade_id = str(grading.get("grade_id", ""))
            if grade_id and not _GRADE_ID.fullmatch(grade_id):
                grading["grade_id"] = re.sub(r"[^A-Za-z0-9_-]", "_", grade_id)[:100]
            comment = grading.get("comment")
            if comment:
                grading["comment"] = _markdown_passthrough(safe_markdown(str(comment)))
        if cell.cell_type == "markdown":
            cell.source = _markdown_passthrough(
                safe_markdown(cell.source, attachments=cell.get("attachments"))
            )
            cell.pop("attachments", None)
        elif cell.cell_type == "raw":
            meta.pop("raw_mimetype", None)
            meta.pop("format", None)
        elif cell.cell_type == "code":
            if not isinstance(cell.get("execution_count"), int) or isinstance(
                cell.get("execution_count"), bool
            ):
                cell["execution_count"] = None
            for output in cell.get("outputs", []):
                if "execution_count" in output and not isinstance(output["execution_count"], int):
                    output["execution_count"] = None
                if output.get("output_type") in ("display_data", "execute_result"):
                    _sanitise_data(output)
    return nb


# -- output size ----------------------------------------------------------------------


def _thousands(number: int) -> str:
    """French digit grouping, with narrow no-break spaces."""
    return f"{number:,}".replace(",", "\u202f")


def truncation_note(removed: int) -> str:
    """Return the French note that replaces ``removed`` bytes of output."""
    return f"… sortie tronquée ({_thousands(removed)} octets supprimés)"


def _text(value: Any) -> str:
    """Return an nbformat text (a string, or a list of lines when built by hand)."""
    return "".join(map(str, value)) if isinstance(value, list) else str(value)


def _encoded(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _size(value: Any) -> int:
    if isinstance(value, str):
        return len(_encoded(value))
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return sum(len(_encoded(item)) for item in value)
    try:
        return len(_encoded(json.dumps(value, ensure_ascii=False, default=str)))
    except (TypeError, ValueError):
        return len(_encoded(repr(value)))


def _head(text: str, limit: int) -> tuple[str, int]:
    """Return the longest prefix of ``text`` within ``limit`` UTF-8 bytes, and the bytes cut."""
    data = _encoded(text)
    if len(data) <= limit:
        return text, 0
    end = max(limit, 0)
    while end > 0 and (data[end] & 0xC0) == 0x80:
        end -= 1
    return data[:end].decode("utf-8", "surrogatepass"), len(data) - end


def _with_note(kept: str, removed: int) -> str:
    separator = "" if not kept or kept.endswith("\n") else "\n"
    return f"{kept}{separator}{truncation_note(removed)}\n"


def _as_float(value: Any) -> float | None:
    text = "".join(value) if isinstance(value, list) else value
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


class _Budget:
    """Bytes left for the outputs of one notebook (``None``: no limit)."""

    def __init__(self, total: int) -> None:
        self.left: int | None = None if total < 0 else total


class LimitOutputSize(LimitOutput):
    """nbgrader's ``LimitOutput`` that also caps outputs in bytes, per output and per notebook.

    nbgrader's ``LimitOutput`` counts lines, so one line of 200 MB passes.
    This preprocessor keeps its line limits (``max_lines``, ``max_traceback``)
    and adds two byte budgets (UTF-8 bytes of the text, base64 text of
    images, JSON of other data): ``max_output_bytes`` for each output and
    ``max_notebook_bytes`` for all the outputs of a notebook, in order.

    What is cut is replaced by the French note of :func:`truncation_note`:

    - stream text and ``text/plain`` keep their beginning;
    - an error keeps its ``ename`` (shortened only beyond 1 kB), the
      beginning of its ``evalue`` and the first and last lines of its
      traceback: it stays an error;
    - other mimetypes (HTML, images, JSON…) that do not fit are removed
      whole (half an image or half a page is of no use);
    - a ``text/plain`` result that is a number (nbgrader's partial credit)
      is written back as the same number, never cut.

    Grading is unchanged: nbgrader scores a test cell from its first error,
    stderr stream or result, so no such output is ever removed and none
    changes type. Unlike ``LimitOutput``, streams past ``max_lines`` are kept
    (reduced to the note) instead of being removed, so that a stderr stream
    after many printed lines still costs the points. Once the notebook budget
    is spent, stdout streams and displays are removed (a single note says
    how many), and the remaining outputs are reduced to the note.
    """

    max_output_bytes = Integer(
        1_000_000,
        help="maximum size of one output in bytes (-1 means no limit)",
    ).tag(config=True)

    max_notebook_bytes = Integer(
        20_000_000,
        help="maximum size of all the outputs of a notebook in bytes (-1 means no limit)",
    ).tag(config=True)

    #: An exception class name is never cut below this size.
    ename_bytes = 1024
    #: Counted for each output on top of its content (keys, types).
    overhead_bytes = 64

    # -- line limits (nbgrader's, with no output removed) -------------------------
    def _limit_stream_output(self, cell: nbformat.NotebookNode) -> nbformat.NotebookNode:
        if self.max_lines < 0 or cell.cell_type != "code":
            return cell
        length = 0
        for output in cell.get("outputs", []):
            if output.get("output_type") != "stream":
                continue
            lines = _text(output.get("text", "")).split("\n")
            if length >= self.max_lines:
                output["text"] = f"… sortie tronquée ({_thousands(len(lines))} lignes supprimées)\n"
                continue
            if len(lines) + length > self.max_lines:
                keep = max(self.max_lines - length - 1, 0)
                removed = len(lines) - keep
                lines = [
                    *lines[:keep],
                    f"… sortie tronquée ({_thousands(removed)} lignes supprimées)",
                ]
            length += len(lines)
            output["text"] = "\n".join(lines)
        return cell

    def _limit_traceback(self, cell: nbformat.NotebookNode) -> nbformat.NotebookNode:
        if self.max_traceback < 0 or cell.cell_type != "code":
            return cell
        for output in cell.get("outputs", []):
            traceback = output.get("traceback")
            if (
                output.get("output_type") == "error"
                and isinstance(traceback, list)
                and len(traceback) > self.max_traceback
            ):
                start = self.max_traceback // 2
                end = max(self.max_traceback - start - 1, 0)
                removed = len(traceback) - start - end
                output["traceback"] = [
                    *traceback[:start],
                    f"… trace d'erreur tronquée ({_thousands(removed)} lignes supprimées)",
                    *(traceback[-end:] if end else []),
                ]
        return cell

    # -- byte limits ----------------------------------------------------------------
    def _allowance(self, budget: _Budget) -> int | None:
        limits = [self.max_output_bytes] if self.max_output_bytes >= 0 else []
        if budget.left is not None:
            limits.append(max(budget.left, 0))
        return min(limits) if limits else None

    def _limit_error(self, output: dict, allowance: int) -> int:
        used = 0
        ename = str(output.get("ename", ""))
        if _size(ename) > self.ename_bytes:
            ename = _head(ename, self.ename_bytes - 3)[0] + "…"
            output["ename"] = ename
        used += _size(ename)
        left = max(allowance - used, 0)
        traceback = [str(line) for line in output.get("traceback", [])]
        evalue = str(output.get("evalue", ""))
        kept, removed = _head(evalue, left - min(_size(traceback), left // 2))
        if removed:
            output["evalue"] = f"{kept}\n{truncation_note(removed)}"
        used += _size(kept)
        left = max(allowance - used, 0)
        if _size(traceback) <= left:
            return used + _size(traceback)
        first: list[str] = []
        last: list[str] = []
        room = left // 2
        seen = 0
        for line in traceback:
            kept, cut = _head(line, room)
            seen += 1
            if kept:
                first.append(kept)
            room -= _size(kept)
            if cut or room <= 0:
                break
        rest = traceback[seen:]
        room = left - _size(first)
        for line in reversed(rest):
            kept, cut = _head(line, room)
            if not kept:
                break
            last.insert(0, kept)
            room -= _size(kept)
            if cut or room <= 0:
                break
        removed = _size(traceback) - _size(first) - _size(last)
        output["traceback"] = [*first, truncation_note(removed), *last]
        return used + _size(first) + _size(last)

    def _limit_data(self, output: dict, allowance: int) -> int:
        data = output.get("data")
        if not isinstance(data, dict):
            return 0
        left = allowance
        removed = 0
        keys = sorted(data, key=lambda key: key != "text/plain")
        for key in keys:
            size = _size(data[key])
            if size <= left:
                left -= size
                continue
            if key == "text/plain":
                number = _as_float(data[key])
                if number is not None:
                    data[key] = repr(number)
                else:
                    kept, cut = _head(_text(data[key]), left)
                    data[key] = kept
                    removed += cut
                left -= _size(data[key])
            else:
                del data[key]
                removed += size
        if removed:
            if "text/plain" in data:
                data["text/plain"] = _with_note(_text(data["text/plain"]), removed).rstrip("\n")
            elif output.get("output_type") != "execute_result":
                # A result keeps its text/plain presence: nbgrader reads partial credit there.
                data["text/plain"] = truncation_note(removed)
        metadata = output.get("metadata")
        if metadata:
            size = _size(metadata)
            if size > max(left, 0):
                output["metadata"] = nbformat.from_dict({})
            else:
                left -= size
        return allowance - max(left, 0)

    def _limit_output(self, output: dict, allowance: int) -> int:
        kind = output.get("output_type")
        if kind == "stream":
            text = _text(output.get("text", ""))
            kept, removed = _head(text, allowance)
            if removed:
                output["text"] = _with_note(kept, removed)
            return _size(kept)
        if kind == "error":
            return self._limit_error(output, allowance)
        return self._limit_data(output, allowance)

    def _limit_bytes(self, cell: nbformat.NotebookNode, budget: _Budget) -> None:
        if cell.cell_type != "code":
            return
        kept = []
        dropped = 0
        dropped_bytes = 0
        for output in cell.get("outputs", []):
            spent = budget.left is not None and budget.left <= 0
            kind = output.get("output_type")
            grading = kind in ("error", "execute_result") or (
                kind == "stream" and output.get("name") == "stderr"
            )
            if spent and not grading:
                dropped += 1
                dropped_bytes += _size(output)
                continue
            allowance = self._allowance(budget)
            if allowance is not None:
                used = self._limit_output(output, allowance)
                if budget.left is not None:
                    budget.left -= used + self.overhead_bytes
            kept.append(output)
        if dropped:
            kept.append(
                nbformat.v4.new_output(
                    "stream",
                    name="stdout",
                    text=(
                        f"… {_thousands(dropped)} sortie(s) supprimée(s) "
                        f"({_thousands(dropped_bytes)} octets) : le volume maximal des "
                        "sorties du notebook est atteint\n"
                    ),
                )
            )
        cell["outputs"] = kept

    def _limit_cell(self, cell: nbformat.NotebookNode, budget: _Budget) -> nbformat.NotebookNode:
        cell = self._limit_stream_output(cell)
        cell = self._limit_traceback(cell)
        self._limit_bytes(cell, budget)
        return cell

    def preprocess(self, nb, resources):
        """Apply the line and byte limits to every code cell, with one budget per notebook."""
        budget = _Budget(self.max_notebook_bytes)
        for index, cell in enumerate(nb.cells):
            nb.cells[index] = self._limit_cell(cell, budget)
        return nb, resources

    def preprocess_cell(self, cell, resources, cell_index):
        """Apply the line limits and the per-output byte limit to one cell."""
        return self._limit_cell(cell, _Budget(-1)), resources
