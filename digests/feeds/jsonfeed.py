"""Reading JSON Feed (versions 1 and 1.1), which feedparser 6 does not understand.

A document is read as JSON when it opens with `{`: no XML feed does, and the `version` key that
names JSON Feed may come anywhere in the object, even after a long `items` list. Dates are RFC
3339 as the specification says, with RFC 822 dates (which some generators write) accepted too.
Item authors default to the feed's authors, as the specification says.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from digests.feeds.normalise import RawEntry, RawFeed


def is_json_feed(body: bytes) -> bool:
    """Whether `body` is a JSON document (to be read as JSON Feed), not XML."""
    head = body[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{")


def read_json_feed(body: bytes) -> RawFeed:
    """The feed and its items; an unreadable document gives no entries and says why."""
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        return RawFeed(None, None, None, None, (), ill_formed=f"invalid JSON Feed: {exc}")
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        return RawFeed(None, None, None, None, (), ill_formed="JSON Feed without an items list")
    language = _text(data.get("language"))
    feed_author = _author(data)
    entries = tuple(_entry(i, language, feed_author) for i in data["items"] if isinstance(i, dict))
    return RawFeed(_text(data.get("title")), _text(data.get("home_page_url")), language, None,
                   entries)


def _entry(item: dict[str, Any], feed_language: str | None, feed_author: str | None) -> RawEntry:
    bodies = tuple(b for b in (_text(item.get("content_html")), _text(item.get("content_text")),
                               _text(item.get("summary"))) if b)
    identifier = item.get("id")
    return RawEntry(
        guid=str(identifier) if isinstance(identifier, str | int) else None,
        link=_text(item.get("url")) or _text(item.get("external_url")),
        title=_text(item.get("title")) or "",
        bodies=bodies,
        author=_author(item) or feed_author,
        categories=tuple(dict.fromkeys(t for t in _list(item.get("tags"))
                                       if isinstance(t, str) and t.strip())),
        language=_text(item.get("language")) or feed_language,
        published=_date(item.get("date_published")) or _date(item.get("date_modified")),
    )


def _author(item: dict[str, Any]) -> str | None:
    authors = _list(item.get("authors")) or _list(item.get("author"))
    names = [a["name"] for a in authors if isinstance(a, dict) and isinstance(a.get("name"), str)]
    return ", ".join(names) or None


def _date(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text.upper().replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _list(value: Any) -> list[Any]:
    """A list field as a list: one object stands for a list of one, anything else for none."""
    if isinstance(value, list):
        return value
    return [value] if isinstance(value, dict) else []


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
