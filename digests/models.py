"""Frozen values that cross wings: feeds, entries, items, stories, sources, pending alerts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Literal


class FeedStatus(StrEnum):
    OK = "ok"
    FAILING = "failing"
    PAUSED = "paused"


@dataclass(frozen=True, slots=True)
class Feed:
    """One feed URL, however many servers follow it, with its fetch state."""

    id: int
    url: str
    title: str | None
    name: str | None
    site_url: str | None
    full_text: bool
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    paused: bool
    paused_reason: str | None
    failing_since: datetime | None
    failure_count: int
    last_error: str | None
    last_success_at: datetime | None
    last_polled_at: datetime | None
    next_check_at: datetime
    first_polled: bool
    item_count: int = 0
    paused_by: str | None = None
    paused_at: datetime | None = None

    @property
    def status(self) -> FeedStatus:
        if self.paused:
            return FeedStatus.PAUSED
        if self.failing_since is not None:
            return FeedStatus.FAILING
        return FeedStatus.OK

    @property
    def display_name(self) -> str:
        return self.name or self.title or self.url


@dataclass(frozen=True, slots=True)
class Entry:
    """One normalised feed entry: what parsing hands to storage."""

    key: str
    guid: str | None
    url: str | None
    title: str
    text: str
    author: str | None
    categories: tuple[str, ...]
    language: str | None
    published_at: datetime
    dated: bool
    content_hash: str


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """What a fetched document held: the feed's own metadata and its entries."""

    title: str | None
    site_url: str | None
    language: str | None
    ttl_seconds: int | None
    entries: tuple[Entry, ...]
    ill_formed: str | None = None
    feed_links: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Item:
    """A stored entry, as read back from the store."""

    id: int
    feed_id: int
    feed_name: str
    url: str | None
    title: str
    text: str
    author: str | None
    categories: tuple[str, ...]
    language: str | None
    published_at: datetime
    first_seen_at: datetime
    seen_at_first_poll: bool


@dataclass(frozen=True, slots=True)
class StoreResult:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    new_item_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class PollResult:
    """The outcome of one poll of one feed, for logs, `/feeds add` and benchmarks."""

    feed_id: int
    url: str
    outcome: str
    new: int = 0
    updated: int = 0
    entries: int = 0
    error: str | None = None
    title: str | None = None
    new_item_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Source:
    """Where a quote or a number comes from: the item, its feed, date and link."""

    item_id: int
    feed_name: str
    url: str | None
    published_at: datetime


@dataclass(frozen=True, slots=True)
class StoryRecord:
    """A stored story with its items, oldest first."""

    id: int
    title: str
    first_seen_at: datetime
    last_seen_at: datetime
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class SentenceHit:
    text: str
    source: Source
    score: float


Deliver = Literal["dm", "channel"]


@dataclass(frozen=True, slots=True)
class PendingAlert:
    """A story that matched a subscription and awaits delivery."""

    subscription_id: int
    member_id: int
    guild_id: int
    story_id: int
    deliver: Deliver
    channel_id: int | None
