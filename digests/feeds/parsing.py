"""Parsing fetched bytes into a `ParsedFeed`. Pure and CPU-bound: run it in a worker pool.

XML feeds (RSS 0.9x/1.0/2.0, Atom) go through feedparser, always from bytes (`io.BytesIO`)
with the response headers, never from a URL; JSON Feed goes through `jsonfeed`. feedparser's
own sanitising is turned off because every text is reduced to plain text by `htmltext`,
which is both safer and several times faster; it reads XML through `saxreader`, which
hands it text in whole runs rather than in pieces, and remaps Windows-1252's characters with
`cp1252table`'s list rather than its own dict.

A document in which feedparser finds no entries because RSS's own elements carry a prefix it
never declares (`<rss:item>`, seen in a real feed) is read a second time without the prefix.

Only the first `MAX_ENTRIES` entries of a document are read: feedparser spends about 0.8 ms on
each, so a 50,000-entry document (5 MB, well within the body cap) would hold a worker for a
minute and a half. Feeds list their newest entries first, so the first ones are the ones
wanted. An XML document is cut after its `MAX_ENTRIES`-th `item`/`entry` *before* feedparser
sees it (`cap_entries`), by one pass of expat that expands no entity and reads nothing
external; only a JSON Feed's first items are read once `json` has read the document.

Two of feedparser's handlers fail on hostile documents, and are made safe (`_guard_feedparser`):
a character reference that names no character (`&#xD800;`, `&#x110000;`, or one of 5,000
digits) raised in its lenient reader, losing the whole feed, and now reads as U+FFFD as in
HTML; and each category is compared with every one before it in its entry, so 100,000 of them
(2.7 MB) took three minutes, and an entry's categories now stop at `MAX_CATEGORIES`, the most
`normalise` keeps.
"""

from __future__ import annotations

import calendar
import contextlib
import io
import re
import sys
import xml.parsers.expat
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

# feedparser guesses a document's encoding with chardet when one happens to be installed (it is
# no dependency of ours), after the declared encodings fail and before UTF-8 and Windows-1252.
# chardet costs a worker 9 MiB to import and 27 MiB more at its first guess, and changes no
# result on the 2,413 corpus and suite documents; hiding it while feedparser is imported
# makes every install read the same way. Another importer of chardet later still gets it.
_HIDDEN = [name for name in ("cchardet", "chardet") if name not in sys.modules]
for _name in _HIDDEN:
    sys.modules[_name] = None  # type: ignore[assignment]  # `import chardet` raises ImportError
import feedparser  # noqa: E402
import feedparser.mixin  # noqa: E402

for _name in _HIDDEN:
    if sys.modules.get(_name, ...) is None:
        del sys.modules[_name]

from digests.feeds import cp1252table, saxreader, utf8recode  # noqa: E402
from digests.feeds.jsonfeed import is_json_feed, read_json_feed  # noqa: E402
from digests.feeds.normalise import (  # noqa: E402
    MAX_CATEGORIES,
    MAX_ENTRIES,
    RawEntry,
    RawFeed,
    normalise,
)
from digests.feeds.zones import on_publisher_clock  # noqa: E402
from digests.models import ParsedFeed  # noqa: E402

_HARMLESS = (feedparser.NonXMLContentType, feedparser.CharacterEncodingOverride)
_PASSED_HEADERS = ("content-type", "content-location", "content-language", "etag",
                   "last-modified")
_UNDECLARED_RSS_PREFIX = re.compile(rb"(</?|\s)rss:(?=[A-Za-z])")
# A guid or id element (any prefix) whose text does not start as an absolute identifier does;
# group 1 holds its attributes.
_RELATIVE_ID = re.compile(rb"<(?:[\w.-]+:)?(?:guid|id)\b([^>]*)>\s*(?!https?://[^/\s<]|tag:|urn:)",
                          re.IGNORECASE)
_NOT_PERMALINK = re.compile(rb"ispermalink\s*=\s*[\"'](?!true[\"'])", re.IGNORECASE)

_ENTRY_NAMES = frozenset({"item", "entry"})
_ENTRY_MARKS = (b"<item", b"<entry", b":item", b":entry")  # `:` for prefixed names (rss:item)
_NOT_ASCII_COMPATIBLE = (b"\x00", b"\xfe\xff", b"\xff\xfe")  # UTF-16/32, with or without BOM


def parse_document(body: bytes, headers: Mapping[str, str], url: str,
                   fetched_at: datetime) -> ParsedFeed:
    """Parse a feed document of any supported format fetched from `url` at `fetched_at`."""
    return parse_capped(body, headers, url, fetched_at)[0]


def parse_capped(body: bytes, headers: Mapping[str, str], url: str, fetched_at: datetime,
                 limit: int = MAX_ENTRIES) -> tuple[ParsedFeed, bool]:
    """`parse_document`, and whether entries beyond the first `limit` were left unread.

    Meant for a worker process: the caller, in the main process, logs the cut."""
    if is_json_feed(body):
        raw, cut = read_json_feed(body, limit)
    else:
        capped = cap_entries(body, limit)
        cut = capped is not body
        raw = read_xml_feed(capped, headers, url)
    return normalise(raw, url, fetched_at), cut


def cap_entries(body: bytes, limit: int = MAX_ENTRIES) -> bytes:
    """`body` cut just after its `limit`-th entry (`item` or `entry`, prefixed or not), with
    the elements still open closed; `body` itself (the same object) when there is nothing to cut.

    One expat pass finds the cut. Entities are never expanded (internal ones are passed through
    as written, so a billion-laughs document costs nothing), no DTD or external entity is read,
    and an undefined entity (`&nbsp;`) is no error. The document is read as ISO-8859-1 whatever
    it declares: every byte is a character, so offsets are exact and a wrong declaration is no
    error; markup is ASCII in every ASCII-compatible encoding, including multi-byte ones, whose
    continuation bytes are never `<`, `>`, `&` or a quote. UTF-16 and UTF-32 documents are not
    cut. A document expat cannot read is returned whole: it is ill-formed, and feedparser's
    tolerant reading of it is all there is."""
    if body.count(b"item") + body.count(b"entry") <= limit:  # two scans, not four: a bound
        return body
    if sum(body.count(mark) for mark in _ENTRY_MARKS) <= limit:
        return body
    if any(body.startswith(mark) for mark in _NOT_ASCII_COMPATIBLE) or b"\x00" in body[:4]:
        return body
    cutter = _Cutter(limit)
    try:
        cutter.run(body)
    except xml.parsers.expat.ExpatError:
        return body
    if cutter.cut_at is None:
        return body
    closing = b"".join(b"</%s>" % name.encode("latin-1") for name in reversed(cutter.open))
    return body[:cutter.cut_at] + closing


class _Found(Exception):
    """Stops the expat pass once the cut is known."""


class _Cutter:
    """Finds where the `limit`-th top-level entry ends, and which elements are open there."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._seen = 0
        self._in_entry = 0  # depth of entry elements open (entries nested in entries count once)
        self._ended = False
        self.open: list[str] = []
        self.cut_at: int | None = None
        self._parser = xml.parsers.expat.ParserCreate(encoding="iso-8859-1")
        self._parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self._parser.UseForeignDTD(True)  # undefined entities are then skipped, not errors
        self._parser.ExternalEntityRefHandler = _read_nothing
        self._parser.DefaultHandler = self._other  # set: internal entities are not expanded
        self._parser.StartElementHandler = self._start
        self._parser.EndElementHandler = self._end

    def run(self, body: bytes) -> None:
        with contextlib.suppress(_Found):
            self._parser.Parse(body, True)

    def _start(self, name: str, attributes: object) -> None:
        self._mark_cut()
        self.open.append(name)
        if _is_entry(name):
            self._in_entry += 1

    def _end(self, name: str) -> None:
        self._mark_cut()
        self.open.pop()
        if _is_entry(name):
            self._in_entry -= 1
            if self._in_entry == 0:
                self._seen += 1
                self._ended = self._seen == self._limit

    def _other(self, data: str) -> None:
        self._mark_cut()

    def _mark_cut(self) -> None:
        """Called at the start of every event: the one after the last entry's end is the cut,
        just after that end tag (`<item/>` included), whatever its spelling."""
        if self._ended:
            self.cut_at = self._parser.CurrentByteIndex
            raise _Found


def _read_nothing(*args: object) -> int:
    return 1  # an external entity or DTD: read nothing, and carry on


def _is_entry(name: str) -> bool:
    return name.rpartition(":")[2] in _ENTRY_NAMES


def read_xml_feed(body: bytes, headers: Mapping[str, str], url: str) -> RawFeed:
    passed = {k.lower(): v for k, v in headers.items() if k.lower() in _PASSED_HEADERS}
    result = _read_xml(body, passed, url)
    if not result.get("entries") and b"<rss:item" in body and b"xmlns:rss" not in body:
        result = _read_xml(_UNDECLARED_RSS_PREFIX.sub(rb"\1", body), passed, url)
    feed = result.get("feed", {})
    problem = _problem(result.get("bozo_exception")) if result.get("bozo") else None
    language = feed.get("language")
    return RawFeed(
        title=feed.get("title"),
        site_url=feed.get("link"),
        language=language,
        ttl_seconds=_ttl_seconds(feed.get("ttl")),
        entries=tuple(_raw_entry(e, language) for e in result.get("entries", [])),
        ill_formed=problem,
    )


def _read_xml(body: bytes, headers: dict[str, str], url: str) -> Any:
    """feedparser's reading of `body`, fetched from `url`.

    feedparser resolves links, and guids and ids unless marked `isPermaLink="false"`, against
    the document's base (the Content-Location, else `url`), and keeping track of that base
    costs it about a sixth of its time. Links are resolved against `url` later anyway
    (`normalise`), so the base is only given where it can change what is read: a server's
    own Content-Location, `xml:base`, or an id that is not absolute already. What cannot be
    seen in the bytes (an escaped id, say) is seen in the result, which is then read again."""
    with_base = {"content-location": url, **headers}
    if "content-location" in headers or _may_need_base(body):
        return _feedparser(body, with_base)
    result = _feedparser(body, headers)
    if all(_resolves_to_itself(e.get("id"), url) for e in result.get("entries", [])):
        return result
    return _feedparser(body, with_base)


def _may_need_base(body: bytes) -> bool:
    if b"xml:base" in body:
        return True
    return any(not _NOT_PERMALINK.search(m.group(1)) for m in _RELATIVE_ID.finditer(body))


def _resolves_to_itself(identifier: str | None, base: str) -> bool:
    return not identifier or (":///" not in identifier and urljoin(base, identifier) == identifier)


def _feedparser(body: bytes, headers: dict[str, str]) -> Any:
    saxreader.install()
    cp1252table.install()
    utf8recode.install()
    _guard_feedparser()
    feedparser.encodings.lazy_chardet_encoding = None  # also when chardet came in before us
    return feedparser.parse(io.BytesIO(body), response_headers=headers, sanitize_html=False,
                            resolve_relative_uris=False)


_FeedParserMixin = feedparser.mixin._FeedParserMixin
_feedparsers_handle_charref = _FeedParserMixin.handle_charref
_feedparsers_add_tag = _FeedParserMixin._add_tag
_LARGEST_CODE_POINT = 0x10FFFF
_SURROGATES = range(0xD800, 0xE000)


def _guard_feedparser() -> None:
    """Make feedparser's handlers of character references and categories safe, in this process."""
    _FeedParserMixin.handle_charref = _handle_charref
    _FeedParserMixin._add_tag = _add_tag


def _handle_charref(parser: Any, reference: str) -> None:
    _feedparsers_handle_charref(parser, reference if _names_a_character(reference) else "xfffd")


def _names_a_character(reference: str) -> bool:
    """Whether `&#reference;` (`x2014` or `8212`, say) is a Unicode character, not a surrogate."""
    hexadecimal = reference[:1] in ("x", "X")
    digits = (reference[1:] if hexadecimal else reference).lstrip("0") or "0"
    if len(digits) > 7 or not (digits.isascii() and digits.isalnum()):
        return False  # longer than any code point, in either base
    try:
        code_point = int(digits, 16 if hexadecimal else 10)
    except ValueError:
        return False
    return code_point <= _LARGEST_CODE_POINT and code_point not in _SURROGATES


def _add_tag(parser: Any, term: str | None, scheme: str | None, label: str | None) -> None:
    if len(parser._get_context().get("tags", ())) < MAX_CATEGORIES:
        _feedparsers_add_tag(parser, term, scheme, label)


def _problem(exception: object) -> str | None:
    """What made the document ill-formed; a mislabelled content type or charset is no problem."""
    if isinstance(exception, _HARMLESS):
        return None
    return f"{type(exception).__name__}: {exception}"


def _raw_entry(entry: Mapping[str, Any], feed_language: str | None) -> RawEntry:
    contents = entry.get("content") or []
    bodies = [c.get("value", "") for c in contents]
    bodies.append(entry.get("summary", ""))
    return RawEntry(
        guid=entry.get("id") or None,
        link=entry.get("link") or None,
        title=entry.get("title", ""),
        bodies=tuple(b for b in bodies if b),
        author=entry.get("author") or None,
        categories=tuple(dict.fromkeys(t.get("term") for t in entry.get("tags") or []
                                       if t.get("term"))),
        language=_language(entry, contents) or feed_language,
        published=_date(entry),
    )


def _language(entry: Mapping[str, Any], contents: list[Any]) -> str | None:
    for detail in (*contents, entry.get("summary_detail"), entry.get("title_detail")):
        if detail and detail.get("language"):
            return str(detail["language"])
    return None


def _date(entry: Mapping[str, Any]) -> datetime | None:
    """The entry's date, on the clock its text is written in (feedparser gives it in UTC)."""
    for key in ("published", "updated", "created"):
        value = entry.get(f"{key}_parsed")
        if value:
            try:
                moment = datetime.fromtimestamp(calendar.timegm(value), UTC)
            except (OverflowError, ValueError, OSError):
                continue
            stated = entry.get(key)
            return on_publisher_clock(moment, stated if isinstance(stated, str) else None)
    return None


def _ttl_seconds(value: Any) -> int | None:
    try:
        minutes = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return minutes * 60 if 0 < minutes <= 60 * 24 * 365 else None
