"""Telling web pages from feeds, and finding the feeds a web page links to."""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser
from urllib.parse import urljoin

from digests.feeds.htmltext import normalise_markup
from digests.urls import is_http_url

__all__ = ["find_feed_links", "looks_like_html"]

_FEED_MEDIA_TYPES = frozenset({
    "application/rss+xml", "application/atom+xml", "application/feed+json", "application/json",
    "application/rdf+xml", "text/xml",
})
_HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_LINK_TAGS = frozenset({"link", "base"})

_SNIFF_BYTES = 1024
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""",
                           re.IGNORECASE)
# Browsers read these labels as windows-1252, which only adds printable characters to them.
_WINDOWS_1252_LABELS = frozenset({"ascii", "iso8859-1"})
_PROLOG_ITEM = re.compile(r"<\?.*?\?>|<!--.*?-->|<!doctype(?!\s+html\b)[^>]*>", re.DOTALL)
_HTML_START = re.compile(r"<!doctype\s+html\b|<html(?=[\s>/]|\Z)")
_FEED_START = re.compile(r"<(?:rss|feed|rdf:rdf)(?=[\s>/]|\Z)|\{|<\?")


def find_feed_links(html: bytes | str, base_url: str) -> list[str]:
    """Absolute http(s) URLs of the page's `<link rel="alternate">` feeds, in document order.

    Relative links are resolved against the page's `<base href>` when it has one, else against
    `base_url`. Bytes are decoded by their byte order mark, their `<meta>` charset, or as UTF-8.
    """
    page = html if isinstance(html, str) else _decoded(html)
    collector = _FeedLinkCollector()
    collector.feed(normalise_markup(page, _LINK_TAGS, keep_attributes=True))
    collector.close()
    base = base_url
    if collector.base_href is not None:
        declared_base = _joined(base_url, collector.base_href)
        if declared_base is not None and is_http_url(declared_base):
            base = declared_base
    links = (_joined(base, href) for href in collector.feed_hrefs)
    return list(dict.fromkeys(link for link in links if link is not None and is_http_url(link)))


def looks_like_html(body: bytes, content_type: str | None) -> bool:
    """Whether a response is a web page rather than a feed.

    The start of the body decides when it is telling: `<!doctype html` or `<html` (after any
    byte order mark, whitespace, comments and XML prolog) means a page; `<rss`, `<feed`,
    `<rdf:RDF`, `{` or an unfinished `<?xml` means a feed, whatever the content type claims.
    Otherwise a text/html or application/xhtml+xml content type means a page.
    """
    sniffed = _sniffed_as_html(body)
    if sniffed is not None:
        return sniffed
    return _media_type(content_type) in _HTML_MEDIA_TYPES


class _FeedLinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.base_href: str | None = None
        self.feed_hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = _first_values(attrs)
        href = attributes.get("href", "").strip()
        if not href:
            return
        if tag == "base" and self.base_href is None:
            self.base_href = href
        elif tag == "link" and _is_feed_link(attributes):
            self.feed_hrefs.append(href)


def _first_values(attrs: list[tuple[str, str | None]]) -> dict[str, str]:
    values: dict[str, str] = {}
    for name, value in attrs:
        values.setdefault(name, value or "")
    return values


def _is_feed_link(attributes: dict[str, str]) -> bool:
    relations = attributes.get("rel", "").lower().split()
    return "alternate" in relations and _media_type(attributes.get("type")) in _FEED_MEDIA_TYPES


def _media_type(content_type: str | None) -> str:
    return (content_type or "").partition(";")[0].strip().lower()


def _joined(base: str, href: str) -> str | None:
    try:
        return urljoin(base, href)
    except ValueError:
        return None


def _decoded(page: bytes) -> str:
    marked = _byte_order_mark(page)
    if marked is not None:
        encoding, length = marked
        return page[length:].decode(encoding, "replace")
    try:
        return page.decode(_declared_encoding(page) or "utf-8", "replace")
    except (LookupError, ValueError):
        return page.decode("utf-8", "replace")


def _byte_order_mark(body: bytes) -> tuple[str, int] | None:
    for mark, encoding in _BYTE_ORDER_MARKS:
        if body.startswith(mark):
            return encoding, len(mark)
    return None


def _declared_encoding(page: bytes) -> str | None:
    match = _META_CHARSET.search(page[:_SNIFF_BYTES])
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    if name.startswith(("utf-16", "utf-32")):
        return "utf-8"  # a document that can declare itself in ASCII is not UTF-16
    return "cp1252" if name in _WINDOWS_1252_LABELS else name


def _sniffed_as_html(body: bytes) -> bool | None:
    text = _leading_text(body)
    while (prolog := _PROLOG_ITEM.match(text)) is not None:
        text = text[prolog.end():].lstrip()
    html_start = _HTML_START.match(text)
    if html_start is not None:
        after = text[html_start.end():].partition(">")[2].lstrip()
        # Some generators put an HTML doctype on top of a feed; the root element decides.
        return not (html_start.group().startswith("<!doctype") and _FEED_START.match(after))
    if _FEED_START.match(text):
        return False
    return None


def _leading_text(body: bytes) -> str:
    encoding, start = _byte_order_mark(body) or ("latin-1", 0)
    window = body[start:start + 4 * _SNIFF_BYTES].decode(encoding, "ignore")
    return window.lstrip()[:_SNIFF_BYTES].lower()
