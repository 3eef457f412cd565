"""Parsing fetched bytes into a `ParsedFeed`. Pure and CPU-bound: run it in a worker pool.

XML feeds (RSS 0.9x/1.0/2.0, Atom) go through feedparser, always from bytes (`io.BytesIO`)
with the response headers, never from a URL; JSON Feed goes through `jsonfeed`. feedparser's
own sanitising is turned off because every text is reduced to plain text by `htmltext`,
which is both safer and several times faster.

A document in which feedparser finds no entries because RSS's own elements carry a prefix it
never declares (`<rss:item>`, seen in a real feed) is read a second time without the prefix.
"""

from __future__ import annotations

import calendar
import io
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import feedparser

from .jsonfeed import is_json_feed, read_json_feed
from .models import ParsedFeed
from .normalise import RawEntry, RawFeed, normalise

_HARMLESS = (feedparser.NonXMLContentType, feedparser.CharacterEncodingOverride)
_PASSED_HEADERS = ("content-type", "content-location", "content-language", "etag",
                   "last-modified")
_UNDECLARED_RSS_PREFIX = re.compile(rb"(</?|\s)rss:(?=[A-Za-z])")


def parse_document(body: bytes, headers: Mapping[str, str], url: str,
                   fetched_at: datetime) -> ParsedFeed:
    """Parse a feed document of any supported format fetched from `url` at `fetched_at`."""
    raw = read_json_feed(body) if is_json_feed(body) else read_xml_feed(body, headers, url)
    return normalise(raw, url, fetched_at)


def read_xml_feed(body: bytes, headers: Mapping[str, str], url: str) -> RawFeed:
    passed = {k: v for k, v in headers.items() if k.lower() in _PASSED_HEADERS}
    passed.setdefault("content-location", url)
    result = _feedparser(body, passed)
    if not result.get("entries") and b"<rss:item" in body and b"xmlns:rss" not in body:
        result = _feedparser(_UNDECLARED_RSS_PREFIX.sub(rb"\1", body), passed)
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


def _feedparser(body: bytes, headers: dict[str, str]) -> Any:
    return feedparser.parse(io.BytesIO(body), response_headers=headers, sanitize_html=False,
                            resolve_relative_uris=False)


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
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), UTC)
            except (OverflowError, ValueError, OSError):
                continue
    return None


def _ttl_seconds(value: Any) -> int | None:
    try:
        minutes = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return minutes * 60 if 0 < minutes <= 60 * 24 * 365 else None
