"""Test data builders shared by tests in several folders: entries, and the samples ingested."""

from __future__ import annotations

from collections.abc import Sequence

from digests.config import PollingConfig
from digests.feeds.polling import Poller
from digests.feeds.reading import FeedReader
from digests.models import Entry
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
