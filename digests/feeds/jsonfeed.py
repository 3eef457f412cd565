"""Reading JSON Feed (versions 1 and 1.1), which feedparser 6 does not understand.

A document is read as JSON when it opens with `{`: no XML feed does, and the `version` key that
names JSON Feed may come anywhere in the object, even after a long `items` list. Dates are RFC
3339 as the specification says, with RFC 822 dates (which some generators write) accepted too.
Item authors default to the feed's authors, as the specification says.

A feed is hostile input, and any value may have any JSON type and any size. Each field is read
by a function that accepts the types it understands and reads anything else as absent, so one
bad value costs that field, never its entry or the feed. Lengths are not checked here:
`normalise` caps every field, whatever the format.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from itertools import islice
from typing import Any

from digests.feeds.normalise import RawEntry, RawFeed
from digests.feeds.zones import on_clock

MAX_INTEGER_DIGITS = 64
"""Longer integers are read as null: far beyond any id (a 128-bit one has 39 digits), and well
below the 4,300 digits at which Python refuses to convert one (a ValueError that would lose the
whole document)."""

# A month name then a four-digit year below 1000 (the placeholder "Mon, 01 Jan 0001"), which the
# RFC 822 reader would take for a two-digit year (2001).
_EARLY_FOUR_DIGIT_YEAR = re.compile(r"[A-Za-z]\s+0\d{3}\b")


def is_json_feed(body: bytes) -> bool:
    """Whether `body` is a JSON document (to be read as JSON Feed), not XML."""
    head = body[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{")


def read_json_feed(body: bytes, limit: int | None = None) -> tuple[RawFeed, bool]:
    """The feed and its first `limit` items (all without one), and whether items were left
    unread; an unreadable document gives no entries and says why."""
    try:
        data = json.loads(body.decode("utf-8-sig"), parse_int=_integer,
                          parse_constant=_not_a_number)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        return _unreadable(f"invalid JSON Feed: {exc}"), False
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        return _unreadable("JSON Feed without an items list"), False
    language = _text(data.get("language"))
    feed_author = _author(data)
    items = _objects(data["items"])
    entries = tuple(_entry(i, language, feed_author) for i in islice(items, limit))
    cut = limit is not None and next(items, None) is not None
    return RawFeed(_text(data.get("title")), _text(data.get("home_page_url")), language, None,
                   entries), cut


def _unreadable(reason: str) -> RawFeed:
    return RawFeed(None, None, None, None, (), ill_formed=reason)


def _integer(digits: str) -> int | None:
    return int(digits) if len(digits) <= MAX_INTEGER_DIGITS else None


def _not_a_number(literal: str) -> None:
    """NaN, Infinity and -Infinity, which are not JSON (Python reads them): null."""
    return None


def _objects(values: list[Any]) -> Iterator[dict[str, Any]]:
    return (v for v in values if isinstance(v, dict))


def _entry(item: dict[str, Any], feed_language: str | None, feed_author: str | None) -> RawEntry:
    bodies = tuple(b for b in (_text(item.get("content_html")), _text(item.get("content_text")),
                               _text(item.get("summary"))) if b)
    return RawEntry(
        guid=_identifier(item.get("id")),
        link=_text(item.get("url")) or _text(item.get("external_url")),
        title=_text(item.get("title")) or "",
        bodies=bodies,
        author=_author(item) or feed_author,
        categories=tuple(dict.fromkeys(t for t in _list(item.get("tags"))
                                       if isinstance(t, str) and t.strip())),
        language=_text(item.get("language")) or feed_language,
        published=_date(item.get("date_published")) or _date(item.get("date_modified")),
    )


def _identifier(value: Any) -> str | None:
    """A string id, or an integer one (many generators write numbers); `true` is no id."""
    if isinstance(value, bool):
        return None
    return str(value) if isinstance(value, str | int) else None


def _author(item: dict[str, Any]) -> str | None:
    authors = _list(item.get("authors")) or _list(item.get("author"))
    names = [a["name"] for a in authors if isinstance(a, dict) and isinstance(a.get("name"), str)]
    return ", ".join(names) or None


def _date(value: Any) -> datetime | None:
    """An RFC 3339 (or RFC 822) date on the clock it is written in; None for any other value,
    and for a date that UTC cannot hold (0001-01-01T00:00:00+00:01 is in year 0)."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    parsed = _rfc3339(text) or _rfc822(text)
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    try:
        moment = parsed.astimezone(UTC)
    except OverflowError:
        return None
    return on_clock(moment, parsed.utcoffset())  # the offset the date is written in


def _rfc3339(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.upper().replace("Z", "+00:00"))
    except ValueError:
        return None


def _rfc822(text: str) -> datetime | None:
    if _EARLY_FOUR_DIGIT_YEAR.search(text):
        return None
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _list(value: Any) -> list[Any]:
    """A list field as a list: one object stands for a list of one, anything else for none."""
    if isinstance(value, list):
        return value
    return [value] if isinstance(value, dict) else []


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
