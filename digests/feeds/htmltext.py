"""Reducing feed HTML (or plain text) to clean plain text, safely and in linear time.

`html_to_text` gives paragraphs separated by one blank line; list items start with "- ".
`plain_title` gives a single line for titles; `one_line` a single line of text whose markup is
no markup (author names, categories).

Python 3.11's `html.parser.HTMLParser` takes quadratic time on some malformed input (a few
hundred kilobytes of unclosed `<!--` or `<a` take minutes), and spends most of its time on
tags and attributes that plain text does not need. So `normalise_markup` first rewrites the
document with linear regular expressions into well-formed markup holding only the tags a
caller needs: comments, declarations, the bodies of script-like elements and all other tags
are removed, unfinished tags at the end are dropped, and every `<` that does not open a tag
is escaped. The parser then only ever sees complete, simple tags.

Dropped with everything inside them: script, style, iframe, noscript, template, svg, math,
object and head (embed is void, so it has nothing inside).

Feed text is hostile input, so the text that comes out is also tamed:
- bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are removed:
  they reorder how the following characters are shown (U+202E then "gnp.exe" shows as
  "exe.png"), and Discord does not end them where the feed's text ends, so they would also
  reorder what the bot writes after it (the source, the date). Plain marks (LRM, RLM, ALM) are kept: right-
  to-left text needs them, and they reorder nothing after them.
- a lone surrogate (JSON's `"\\ud800"`) becomes U+FFFD, as `html.unescape` does with
  `&#xD800;`: no UTF-8 text can hold one, so storing it would fail.
- invisible characters that only hide words from matching and search (zero-width space,
  word joiner, BOM) and control characters are removed. ZWJ and ZWNJ stay: emoji sequences
  and several scripts (Persian, Indic) need them.
- a "word" (a run without whitespace) longer than `MAX_WORD` characters is no language: it is
  cut to its start and "…", and a URL longer than `MAX_URL_WORD` (which cut would link to
  another address) is replaced by "…". Later stages then never meet a 100,000-character word.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from html import escape, unescape

__all__ = ["MAX_URL_WORD", "MAX_WORD", "html_to_text", "normalise_markup", "one_line",
           "plain_title", "without_lone_surrogates"]

MAX_WORD = 200
MAX_URL_WORD = 2000
ELLIPSIS = "…"
REPLACEMENT_CHARACTER = "\ufffd"
# Bidi embeddings, overrides and isolates; zero-width space, word joiner, BOM; C0 and C1
# controls other than the whitespace ones (tab, line feed, vertical tab, form feed, return).
_INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff"
                        "\x00-\x08\x0e-\x1f\x7f-\x9f]")
# UTF-8 encodes no surrogate (JSON's escaped pairs are joined into one character on reading).
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_URL_WORD = re.compile(r"\W{0,3}https?://", re.IGNORECASE)

# Elements whose bodies are raw text in HTML: nothing inside them is markup.
_RAW_TEXT_ELEMENTS = ("script", "style", "iframe", "noscript", "noembed", "noframes", "xmp")

_TAG_BODY = r"""(?:[^>=]+|=\s*"[^"]*(?:"|\Z)|=\s*'[^']*(?:'|\Z)|=)*+"""

# An alternative that fails has only read what a later one then consumes, and unterminated
# constructs run to the end of the input as they do in browsers, so one scan is linear.
_MARKUP = re.compile(
    r"<!--(?:-?>|.*?(?:--!?>|\Z))"
    r"|<!\[CDATA\[(?P<cdata>.*?)(?:\]\]>|\Z)"
    rf"|<(?P<raw>{'|'.join(_RAW_TEXT_ELEMENTS)})(?=[\s/>]){_TAG_BODY}(?<!/)>"
    r".*?(?:</(?P=raw)\s*>|\Z)"
    rf"|<(?P<slash>/?)(?P<name>[A-Za-z][^\s/>]*){_TAG_BODY}(?:>|\Z)"
    r"|<[!?/][^>]*(?:>|\Z)"
    r"|<",
    re.DOTALL | re.IGNORECASE,
)
_TAG_ATTRIBUTES = re.compile(rf"<[A-Za-z][^\s/>]*({_TAG_BODY})>", re.DOTALL)
_LOOKS_LIKE_MARKUP = re.compile(r"</?[A-Za-z][^<>]*>|<!--|<!\[CDATA\[|<![A-Za-z]|<\?")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")

_DROPPED_ELEMENTS = frozenset(
    {"template", "svg", "math", "object", "head", *_RAW_TEXT_ELEMENTS})
_BLOCK_ELEMENTS = frozenset({
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
})
_CELL_ELEMENTS = frozenset({"td", "th"})
_PARAGRAPH_TAGS = _BLOCK_ELEMENTS - {"li"}  # start, end or empty: the paragraph ends
_TEXT_STRUCTURE_TAGS = _DROPPED_ELEMENTS | _BLOCK_ELEMENTS | _CELL_ELEMENTS | {"body"}

# The inline tags that feed HTML is made of most (syntax highlighting alone brings hundreds
# of spans to a post), with attribute values free of `<` and `>`: `html_to_text` replaces
# them with NUL in one pass before the scan, which then has far fewer tags to hand to Python
# (any it leaves, in capitals say, the scan removes as before).
# NUL is removed from the text with the other control characters, and unlike removing the tag
# it can never join what was around it into new markup (`<scr<b>ipt>`).
_COMMON_INLINE_TAGS = re.compile(
    r"</?(?:span|a|code|strong|em|b|i|u|s|small|sup|sub|mark|abbr|cite|time|font|img|wbr)"
    r"""(?=[\s/>])(?:[^<>"']++|"[^"<>]*+"|'[^'<>]*+')*+>""")  # lower case: a quarter faster

_LIST_ITEM_PREFIX = "- "


def html_to_text(html: str) -> str:
    """Plain text of feed HTML: paragraphs joined by one blank line, list items prefixed "- ".

    Tag-free input is treated as plain text: only its blank lines separate paragraphs. Its
    character references are still decoded, since feeds often escape text that has no markup.
    """
    if _LOOKS_LIKE_MARKUP.search(html) is None:
        return _plain_text_to_text(html)
    return _TextReader().read(html)


def plain_title(text: str) -> str:
    """One line of plain text: tags stripped, entities decoded, whitespace collapsed (and the
    text tamed as `html_to_text` tames it)."""
    return " ".join(html_to_text(text).split())


def one_line(text: str) -> str:
    """One line of `text` as written, markup and character references included: whitespace
    collapsed and the text tamed as `html_to_text` tames it."""
    return _collapsed(text)


def without_lone_surrogates(text: str) -> str:
    """`text` with every lone surrogate replaced by U+FFFD, so that it can be stored as UTF-8."""
    return _LONE_SURROGATE.sub(REPLACEMENT_CHARACTER, text)


def normalise_markup(markup: str, tags: Collection[str], *,
                     keep_attributes: bool = False) -> str:
    """Well-formed markup holding only the elements named in `tags` (lower-case) and the text.

    Tags keep their attributes only when `keep_attributes` is set. The text of script-like
    elements is removed whatever `tags` says, and a `<` that opens no tag becomes `&lt;`.
    """
    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        if name is None:
            return _replacement_for_non_tag(match)
        source = match.group()
        name = name.lower()
        if name not in tags or not source.endswith(">"):
            return ""
        return _rebuilt_tag(source, name, match.group("slash"), keep_attributes)

    return _MARKUP.sub(replace, markup)


def _replacement_for_non_tag(match: re.Match[str]) -> str:
    if match.group() == "<":
        return "&lt;"
    cdata = match.group("cdata")
    return escape(cdata, quote=False) if cdata is not None else ""


def _rebuilt_tag(source: str, name: str, slash: str, keep_attributes: bool) -> str:
    self_closing = "/" if source.endswith("/>") else ""
    if slash:
        return f"</{name}>"
    if not keep_attributes:
        return f"<{name}{self_closing}>"
    attributes = _TAG_ATTRIBUTES.fullmatch(source)
    return f"<{name}{attributes.group(1) if attributes else self_closing}>"


def _plain_text_to_text(text: str) -> str:
    paragraphs = (_collapsed(p) for p in _BLANK_LINE.split(unescape(text)))
    return "\n\n".join(p for p in paragraphs if p)


def _collapsed(text: str) -> str:
    """Whitespace collapsed, invisible characters removed, lone surrogates replaced, overlong
    words cut."""
    words = without_lone_surrogates(_INVISIBLE.sub("", text)).split()
    if len(text) > MAX_WORD and max(map(len, words), default=0) > MAX_WORD:
        words = [_word(w) for w in words]
    return " ".join(words)


def _word(word: str) -> str:
    if len(word) <= MAX_WORD:
        return word
    if _URL_WORD.match(word):
        return word if len(word) <= MAX_URL_WORD else ELLIPSIS
    return word[:MAX_WORD - 1] + ELLIPSIS


class _TextReader:
    """Collects paragraphs from feed HTML in one scan of `_MARKUP`: the tags that give text its
    structure are acted on, every other tag, comment and script-like element is skipped, and
    the text between them is kept with its character references decoded."""

    def __init__(self) -> None:
        self._paragraphs: list[str] = []
        self._current: list[str] = []
        self._prefix = ""
        self._dropping: list[str] = []  # dropped elements open, innermost last

    def read(self, html: str) -> str:
        if "<![" not in html:  # CDATA keeps its tags as text
            html = _COMMON_INLINE_TAGS.sub("\x00", html)
        current, position = self._current, 0
        for match in _MARKUP.finditer(html):
            start, end = match.span()
            if start > position and not self._dropping:
                text = html[position:start]
                current.append(unescape(text) if "&" in text else text)
            position = end
            name = match.group("name")
            if name is None:
                self._other(match)
                continue
            tag = name.lower()
            if tag not in _TEXT_STRUCTURE_TAGS or html[end - 1] != ">":
                continue  # an inline or unknown tag, or one left unfinished at the end
            if tag in _PARAGRAPH_TAGS and not self._dropping:
                self._end_paragraph()  # what its start, end and empty tags all do
            else:
                self._tag(tag, match)
        if position < len(html) and not self._dropping:
            current.append(unescape(html[position:]))
        self._end_paragraph()
        return "\n\n".join(self._paragraphs)

    def _tag(self, tag: str, match: re.Match[str]) -> None:
        if match.group("slash"):
            self._end_tag(tag)
        elif match.group().endswith("/>"):
            if tag not in _DROPPED_ELEMENTS and not self._dropping:
                self._structure(tag)
        else:
            self._start_tag(tag)

    def _other(self, match: re.Match[str]) -> None:
        """A comment, declaration or script-like element (nothing to keep), CDATA (text) or a
        `<` that opens no tag (the character itself)."""
        if self._dropping:
            return
        cdata = match.group("cdata")
        if cdata is not None:
            self._current.append(cdata)
        elif match.group() == "<":
            self._current.append("<")

    def _start_tag(self, tag: str) -> None:
        if tag in _DROPPED_ELEMENTS:
            self._dropping.append(tag)
            return
        if tag == "body" or self._dropping[-1:] == ["head"]:
            self._stop_dropping("head")
        if not self._dropping:
            self._structure(tag)

    def _end_tag(self, tag: str) -> None:
        if tag in _DROPPED_ELEMENTS:
            self._stop_dropping(tag)
        elif not self._dropping and tag in _BLOCK_ELEMENTS:
            self._end_paragraph()
            if tag == "li":
                self._prefix = ""

    def _structure(self, tag: str) -> None:
        if tag in _BLOCK_ELEMENTS:
            self._end_paragraph()
            if tag == "li":
                self._prefix = _LIST_ITEM_PREFIX
        elif tag in _CELL_ELEMENTS:
            self._current.append(" ")

    def _stop_dropping(self, tag: str) -> None:
        """Closes `tag` and every dropped element opened inside it; nothing if it is not open."""
        if tag in self._dropping:
            index = len(self._dropping) - 1 - self._dropping[::-1].index(tag)
            del self._dropping[index:]

    def _end_paragraph(self) -> None:
        if not self._current:
            return
        paragraph = "".join(self._current)
        self._current.clear()
        if paragraph.isspace():
            return
        paragraph = _collapsed(paragraph)
        if paragraph:
            self._paragraphs.append(self._prefix + paragraph)
            self._prefix = ""
