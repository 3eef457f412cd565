"""Reading JSON Feed (versions 1 and 1.1), which feedparser 6 does not understand."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from .normalise import RawEntry, RawFeed

_SIGNATURE = "jsonfeed.org/version/"


def is_json_feed(body: bytes) -> bool:
    head = body[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and _SIGNATURE.encode() in body[:4096]


def read_json_feed(body: bytes) -> RawFeed:
    """The feed and its items; an unreadable document gives no entries and says why."""
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return RawFeed(None, None, None, None, (), ill_formed=f"invalid JSON Feed: {exc}")
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        return RawFeed(None, None, None, None, (), ill_formed="JSON Feed without an items list")
    language = _text(data.get("language"))
    entries = tuple(_entry(i, language) for i in data["items"] if isinstance(i, dict))
    return RawFeed(_text(data.get("title")), _text(data.get("home_page_url")), language, None,
                   entries)


def _entry(item: dict[str, Any], feed_language: str | None) -> RawEntry:
    bodies = tuple(b for b in (_text(item.get("content_html")), _text(item.get("content_text")),
                               _text(item.get("summary"))) if b)
    identifier = item.get("id")
    return RawEntry(
        guid=str(identifier) if isinstance(identifier, str | int) else None,
        link=_text(item.get("url")) or _text(item.get("external_url")),
        title=_text(item.get("title")) or "",
        bodies=bodies,
        author=_author(item),
        categories=tuple(t for t in item.get("tags") or [] if isinstance(t, str)),
        language=_text(item.get("language")) or feed_language,
        published=_date(item.get("date_published")) or _date(item.get("date_modified")),
    )


def _author(item: dict[str, Any]) -> str | None:
    authors = item.get("authors") or ([item["author"]] if isinstance(item.get("author"), dict) else [])
    names = [a["name"] for a in authors if isinstance(a, dict) and isinstance(a.get("name"), str)]
    return ", ".join(names) or None


def _date(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
