"""Turning what a feed format yields into frozen `Entry` values with stable identities.

Format readers (feedparser for XML feeds, `jsonfeed` for JSON Feed) produce `RawFeed`s; this
module makes the entries uniform: identity, canonical URL, plain text, UTC dates.

An entry that has nothing to show (no title, and no text once its markup is reduced) is not
kept. Before giving up on it, the label of an embedded media element (the `title` of a video
`iframe`, say) is used as its title, so that a post that only embeds a video still says what
the video is. Image alt text is not used: it describes a picture, often in one word.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urljoin

from digests.feeds.htmltext import html_to_text, plain_title
from digests.models import Entry, ParsedFeed
from digests.urls import canonical_url, is_http_url

FUTURE_TOLERANCE = timedelta(hours=1)
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)

# A media element's opening tag; `[^<>]*` cannot run past the next tag, so scanning is linear.
_MEDIA_TAG = re.compile(r"<(?:iframe|video|audio|embed|object|img)\b([^<>]*)>", re.IGNORECASE)
_MEDIA_LABEL = re.compile(
    r"""(?<![\w-])(title|aria-label)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_LABEL_PREFERENCE = {"title": 0, "aria-label": 1}
# Labels that embedding tools put on every element: they say nothing about this entry.
_GENERIC_LABELS = frozenset({"youtube video player", "vimeo video player", "video player",
                             "embedded content", "embedded video", "spotify embed"})


@dataclass(frozen=True, slots=True)
class RawEntry:
    guid: str | None
    link: str | None
    title: str
    bodies: tuple[str, ...]
    author: str | None
    categories: tuple[str, ...]
    language: str | None
    published: datetime | None


@dataclass(frozen=True, slots=True)
class RawFeed:
    title: str | None
    site_url: str | None
    language: str | None
    ttl_seconds: int | None
    entries: tuple[RawEntry, ...]
    ill_formed: str | None = None


def normalise(raw: RawFeed, url: str, fetched_at: datetime) -> ParsedFeed:
    """Entries with clean text and identities that stay the same from one poll to the next."""
    identities = _Identities()
    entries = tuple(e for r in raw.entries
                    if (e := _entry(r, url, fetched_at, identities)) is not None)
    return ParsedFeed(
        title=plain_title(raw.title) if raw.title else None,
        site_url=_absolute(raw.site_url, url),
        language=raw.language or None,
        ttl_seconds=raw.ttl_seconds,
        entries=entries,
        ill_formed=raw.ill_formed,
    )


def _entry(raw: RawEntry, feed_url: str, fetched_at: datetime,
           ids: _Identities) -> Entry | None:
    link = _absolute(raw.link, feed_url)
    title = plain_title(raw.title)
    text = _longest_text(raw.bodies)
    if not title and not text:
        title = _media_title(raw.bodies)
        if not title:
            return None
    published, dated = _published(raw.published, fetched_at)
    guid = raw.guid.strip() if raw.guid and raw.guid.strip() else None
    identity = ids.claim(guid or link or "content:" + _digest(title, text), link)
    return Entry(
        key=_digest(identity), guid=guid, url=link, title=title or _first_words(text),
        text=text, author=(raw.author or "").strip() or None, categories=raw.categories,
        language=raw.language, published_at=published, dated=dated,
        content_hash=_digest(title, text, link or ""),
    )


class _Identities:
    """Keeps identities unique within one document: a repeated guid gets its link or position."""

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._repeats: dict[str, int] = {}

    def claim(self, base: str, link: str | None) -> str:
        candidate = base
        if candidate in self._taken and link and link != base:
            candidate = f"{base}\n{link}"
        while candidate in self._taken:
            self._repeats[base] = self._repeats.get(base, 1) + 1
            candidate = f"{base}\n#{self._repeats[base]}"
        self._taken.add(candidate)
        return candidate


def _published(value: datetime | None, fetched_at: datetime) -> tuple[datetime, bool]:
    """The entry's date; none, or one before 1900 (a placeholder like 0001-01-01), reads as undated."""
    if value is None or value < EARLIEST:
        return fetched_at, False
    if value > fetched_at + FUTURE_TOLERANCE:
        return fetched_at, True
    return value, True


def _longest_text(bodies: tuple[str, ...]) -> str:
    """The longest plain text among `bodies` (the first of equals, in the feed's order).

    A text is never longer than the markup it comes from, so bodies are converted longest
    first and the rest skipped once none can beat the text found: a feed's short summary
    beside its full content costs nothing."""
    best, best_rank = "", (0, 0)
    for order, body in sorted(enumerate(bodies), key=lambda pair: -len(pair[1])):
        if len(body) < len(best):
            break
        text = html_to_text(body) if body.strip() else ""
        rank = (len(text), -order)
        if rank > best_rank:
            best, best_rank = text, rank
    return best


def _media_title(bodies: tuple[str, ...]) -> str:
    """The label of the first embedded media element that has one, for a text-less entry."""
    for body in bodies:
        for tag in _MEDIA_TAG.finditer(body):
            labels = sorted((_LABEL_PREFERENCE[m.group(1).lower()], m.group(2) or m.group(3) or "")
                            for m in _MEDIA_LABEL.finditer(tag.group(1)))
            for _, label in labels:
                title = plain_title(label)
                if len(title.split()) > 1 and title.lower() not in _GENERIC_LABELS:
                    return title
    return ""


def _absolute(link: str | None, base: str) -> str | None:
    if not link or not link.strip():
        return None
    absolute = urljoin(base, link.strip())
    return canonical_url(absolute) if is_http_url(absolute) else None


def _first_words(text: str, limit: int = 80) -> str:
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    return line[:limit].rsplit(" ", 1)[0] + "…"


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]
