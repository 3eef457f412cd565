"""Turning what a feed format yields into frozen `Entry` values with stable identities.

Format readers (feedparser for XML feeds, `jsonfeed` for JSON Feed) produce `RawFeed`s; this
module makes the entries uniform: identity, canonical URL, plain text, UTC dates.

An entry that has nothing to show (no title, and no text once its markup is reduced) is not
kept. Before giving up on it, the label of an embedded media element (the `title` of a video
`iframe`, say) is used as its title, so that a post that only embeds a video still says what
the video is. Image alt text is not used: it describes a picture, often in one word.

Every field is capped here, whatever the format (the caps below): a feed may put up to the
body cap (15 MB by default) in any of them; a 10 MB title took 52 s and 837 MB to enrich. One-line
fields are cut at a space with "…"; URLs longer than their cap are dropped, since a cut one
would lead elsewhere; the text keeps its first paragraphs (or sentences, or words). The
identity comes from the whole guid, so a guid that is cut in storage keeps its entry.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urljoin

from digests.feeds.htmltext import ELLIPSIS, html_to_text, one_line, plain_title, without_lone_surrogates
from digests.models import Entry, ParsedFeed
from digests.urls import canonical_url, is_http_url

FUTURE_TOLERANCE = timedelta(hours=1)
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)

# The caps: what one entry, and its feed, may store. Each leaves room beyond the longest value
# in the 200 real feeds of bench/conformance.py: a 213-character title, a 110-character author,
# a 292-character guid, a 303-character URL, a 73-character category, 34 categories on one
# entry, a 5-character language and a 233,156-character text (a "top 100" blog post).
MAX_TITLE = 500
"""A headline is a line (Discord shows 256 characters of one); some feeds title a post with
its first paragraph, which 500 characters still hold."""
MAX_FEED_TITLE = 200
"""The feed's name, shown beside every item it brings."""
MAX_AUTHOR = 300
"""An author line, a long list of co-authors included."""
MAX_CATEGORY = 100
"""Characters of one category: a tag is a few words."""
MAX_ENTRIES = 1_000
"""The most entries read from one document: the first ones, which feeds list newest first."""
MAX_CATEGORIES = 50
"""Categories kept per entry, the first ones (a tag cloud is no category)."""
MAX_LANGUAGE = 35
"""Longer is no language tag (RFC 5646 §4.4.1: 35 characters hold any in practice): dropped."""
MAX_URL = 2_048
"""Entry and site URLs: longer ones (the limit of browsers and sitemaps) are dropped."""
MAX_GUID = 2_048
"""Characters of a guid stored; the identity comes from the whole guid."""
MAX_TEXT = 200_000
"""About 30,000 words, three times the longest news long-read: analysed in under a second.
A 5 MB text gives 69,000 sentences and took 17 s to analyse."""
FIRST_WORDS = 80
"""The title of an entry that has none: the first words of its text."""
_READ_PER_KEPT = 4
"""Characters of an author, category or language read per character kept (whitespace and
invisible characters shrink them); the rest is never read. Each entry of a JSON Feed inherits
the feed's authors and language, so a 10 MB one would otherwise be read once per entry."""

# A media element's opening tag; `[^<>]*` cannot run past the next tag, so scanning is linear.
_MEDIA_TAG = re.compile(r"<(?:iframe|video|audio|embed|object|img)\b([^<>]*)>", re.IGNORECASE)
_MEDIA_LABEL = re.compile(
    r"""(?<![\w-])(title|aria-label)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_LABEL_PREFERENCE = {"title": 0, "aria-label": 1}
# A sentence's last character (with any closing quote or bracket), where a space follows.
_SENTENCE_END = re.compile(r"""[.!?…。！？]["'”’»)\]]*(?=\s)""")
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
    identities = _Identities(Counter(_stated_identity(r, url) for r in raw.entries))
    entries = tuple(e for r in raw.entries
                    if (e := _entry(r, url, fetched_at, identities)) is not None)
    return ParsedFeed(
        title=_clipped(plain_title(raw.title or ""), MAX_FEED_TITLE) or None,
        site_url=_absolute(raw.site_url, url),
        language=_language(raw.language),
        ttl_seconds=raw.ttl_seconds,
        entries=entries,
        ill_formed=raw.ill_formed,
    )


def _entry(raw: RawEntry, feed_url: str, fetched_at: datetime,
           ids: _Identities) -> Entry | None:
    link = _absolute(raw.link, feed_url)
    title = _clipped(plain_title(raw.title), MAX_TITLE)
    text = capped_text(_longest_text(raw.bodies))
    if not title and not text:
        title = _clipped(_media_title(raw.bodies), MAX_TITLE)
        if not title:
            return None
    published, dated = _published(raw.published, fetched_at)
    guid = raw.guid.strip() if raw.guid and raw.guid.strip() else None
    identity = ids.claim(guid or link or "content:" + _digest(title, text), link,
                         _digest(title, text))
    return Entry(
        key=_digest(identity), guid=_stored_guid(guid), url=link,
        title=title or _clipped(" ".join(text.split()), FIRST_WORDS), text=text,
        author=_line(raw.author or "", MAX_AUTHOR) or None,
        categories=_categories(raw.categories), language=_language(raw.language),
        published_at=published, dated=dated, content_hash=_digest(title, text, link or ""),
    )


def _stated_identity(raw: RawEntry, feed_url: str) -> str | None:
    """The identity an entry states for itself (its guid, else its link), before any is read."""
    guid = (raw.guid or "").strip()
    return guid or _absolute(raw.link, feed_url)


class _Identities:
    """Keeps identities unique within one document, and the same from one poll to the next. A
    guid (or link) that several entries of the document share identifies none of them alone:
    each adds its link, or else its content, whatever its place in the document (a feed that
    puts its newest entry first would otherwise shift every identity at each poll); its
    position is the last resort, for entries alike in all of these."""

    def __init__(self, stated: Counter[str | None]) -> None:
        self._shared = {identity for identity, n in stated.items() if identity and n > 1}
        self._taken: set[str] = set()
        self._repeats: dict[str, int] = {}

    def claim(self, base: str, link: str | None, content: str) -> str:
        candidate = base
        if base in self._shared:
            candidate = f"{base}\n{link}" if link and link != base else f"{base}\n{content}"
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
    written = (link or "").strip()
    if not written or len(written) > MAX_URL:
        return None
    absolute = urljoin(base, without_lone_surrogates(written))
    if not is_http_url(absolute):
        return None
    url = canonical_url(absolute)
    return url if len(url) <= MAX_URL else None


def _stored_guid(guid: str | None) -> str | None:
    return without_lone_surrogates(guid[:MAX_GUID]) if guid else None


def _language(value: str | None) -> str | None:
    if not value or len(value) > _READ_PER_KEPT * MAX_LANGUAGE:
        return None
    tag = one_line(value)
    return tag if tag and len(tag) <= MAX_LANGUAGE else None


def _categories(written: tuple[str, ...]) -> tuple[str, ...]:
    """The first `MAX_CATEGORIES` distinct categories, each one clean line."""
    kept: dict[str, None] = {}
    for category in written:
        if len(kept) == MAX_CATEGORIES:
            break
        line = _line(category, MAX_CATEGORY)
        if line:
            kept[line] = None
    return tuple(kept)


def _line(value: str, limit: int) -> str:
    """`value` as one clean line of at most `limit` characters, read from its start only."""
    window = _READ_PER_KEPT * limit
    return _clipped(one_line(value[:window]), limit, continues=len(value) > window)


def _clipped(line: str, limit: int, *, continues: bool = False) -> str:
    """`line` whole, or cut at its last space within `limit` characters, "…" included (cut at
    the limit itself when its first word is longer). A line that `continues` beyond what was
    read is always cut."""
    if len(line) <= limit and not continues:
        return line
    space = line.rfind(" ", 0, limit)
    head = line[:space] if space > 0 else line[:limit - len(ELLIPSIS)]
    return head.rstrip() + ELLIPSIS


def capped_text(text: str) -> str:
    """`text` (plain, from `html_to_text`) whole, or cut within `MAX_TEXT` characters at its last
    paragraph break, else its last sentence end, else its last space ("…" then marks the cut),
    never before half the cap. For any text that is stored for analysis."""
    if len(text) <= MAX_TEXT:
        return text
    floor = MAX_TEXT // 2
    paragraph_break = text.rfind("\n\n", floor, MAX_TEXT + 1)
    if paragraph_break != -1:
        return text[:paragraph_break]
    sentence_end = max((m.end() for m in _SENTENCE_END.finditer(text, floor, MAX_TEXT + 1)),
                       default=None)
    if sentence_end is not None:
        return text[:sentence_end]
    return _clipped(text[:MAX_TEXT + 1], MAX_TEXT)


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]
