"""Digests as plain data. For now a digest lists the latest items of each feed in a window."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from .models import Digest, DigestItem, DigestSection, Item

EXCERPT_CHARS = 280


def build_digest(items: Sequence[Item], start: datetime, end: datetime,
                 per_feed: int = 5) -> Digest:
    """Sections by feed, busiest feed first; items newest first, `per_feed` at most."""
    by_feed: dict[str, list[Item]] = {}
    for item in sorted(items, key=lambda i: (i.published_at, i.id), reverse=True):
        if start <= item.published_at <= end:
            by_feed.setdefault(item.feed_name, []).append(item)
    ordered = sorted(by_feed.items(), key=lambda kv: (-len(kv[1]), kv[0].casefold()))
    sections = tuple(
        DigestSection(name, tuple(_digest_item(i) for i in feed_items[:per_feed]))
        for name, feed_items in ordered)
    return Digest(window_start=start, window_end=end, sections=sections)


def _digest_item(item: Item) -> DigestItem:
    return DigestItem(title=item.title, url=item.url, published_at=item.published_at,
                      excerpt=excerpt(item.text))


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The first paragraph, cut at a word boundary within `limit` characters."""
    first = text.strip().split("\n\n", 1)[0]
    flat = " ".join(first.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:-–—")
    return cut + "…"
