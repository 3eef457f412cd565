"""Test data builders shared by tests in several folders: entries, and the samples ingested."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from digests.config import PollingConfig
from digests.feeds.polling import Poller
from digests.feeds.reading import FeedReader
from digests.models import Entry
from digests.news.answer_types import Answer
from digests.news.answers import answer_question
from digests.news.enrichment import Enricher
from digests.runtime.workers import WorkerPool
from digests.samples import DEMO_NOW, SampleFeed, sample_feeds
from digests.store.core import Store

from conftest import NOW


def entry(key: str, text: str = "Body", *, title: str = "Title", dated: bool = True) -> Entry:
    return Entry(key=key, guid=key, url=f"https://news.example/{key}", title=title, text=text,
                 author=None, categories=("World",), language="en", published_at=NOW,
                 dated=dated, content_hash=f"{key}:{title}:{text}")


async def ingest_samples(store: Store, workers: WorkerPool,
                         samples: Sequence[SampleFeed] | None = None) -> None:
    """Store the bundled sample feeds (or `samples`) as the demo does, without fetching."""
    poller = Poller(store, None, FeedReader(workers).parse, PollingConfig())  # type: ignore[arg-type]
    for sample in sample_feeds() if samples is None else samples:
        feed = await store.add_feed(sample.url, now=DEMO_NOW)
        await poller.ingest(feed, sample.body, {"content-type": sample.content_type}, DEMO_NOW)


async def enriched_store(path: Path, workers: WorkerPool, site: str, now: datetime,
                         items: Sequence[tuple[int, str, str]]) -> Store:
    """A SQLite store at `path` holding one feed of `site` with `items` (day of March 2022,
    title, text), enriched as the bot enriches what it stores."""
    store = await Store.open(f"sqlite:///{path}")
    feed = await store.add_feed(f"https://{site}/feed", now=now, name="Desk")
    entries = []
    for number, (day, title, text) in enumerate(items):
        link = f"https://{site}/{number}"
        entries.append(Entry(key=hashlib.sha256(link.encode()).hexdigest(), guid=link, url=link, title=title,
                             text=text, author=None, categories=(), language="en",
                             published_at=datetime(2022, 3, day, 9, 0, tzinfo=UTC), dated=True,
                             content_hash=hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()))
    await store.save_entries(feed.id, entries, now=now, first_poll=False)
    await Enricher(store, workers).run(now)
    return store


async def answer_over(path: Path, workers: WorkerPool, now: datetime,
                      items: Sequence[tuple[int, str, str]], question: str) -> Answer:
    """The answer to `question` from a store of its own holding `items` (see `enriched_store`)."""
    store = await enriched_store(path, workers, "wire.example", now, items)
    try:
        return await answer_question(store, question, now)
    finally:
        await store.close()
