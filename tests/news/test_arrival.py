"""Understanding follows arrival: what a poll stores is read within moments, newest first,
and shown plainly in digests until it is."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

import pytest

from digests.config import PollingConfig
from digests.feeds.fetching import Fetcher
from digests.feeds.polling import Poller
from digests.feeds.reading import FeedReader
from digests.news.enrichment import Enricher
from digests.newsroom import ask, digest_of_last
from digests.runtime.workers import WorkerPool
from digests.store.core import Store

from builders import entry
from conftest import NOW
from feedserver import FeedServer

TALKS = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Border Wire</title>'
         + "".join(f"<item><title>Talks round {n} ends near the border</title><guid>t{n}</guid>"
                   f"<link>https://wire.example/{n}</link>"
                   "<pubDate>Thu, 03 Mar 2022 10:00:00 GMT</pubDate><description>Negotiators "
                   f"met for {n} hours, said adviser Mykhailo Podolyak.</description></item>"
                   for n in range(1, 6))
         + "</channel></rss>")


@pytest.fixture(scope="module")
def workers() -> Iterator[WorkerPool]:
    pool = WorkerPool(2)
    yield pool
    pool.close()


async def test_a_poll_wakes_enrichment_and_its_items_are_read_at_once(
        feed_server: FeedServer, store: Store, fetcher: Fetcher, workers: WorkerPool) -> None:
    """No tick, no explicit run: the poll hands its new items on, and within seconds they are
    in stories and the search index, so a question finds them."""
    feed_server.serve("/talks", TALKS)
    enricher = Enricher(store, workers)
    poller = Poller(store, fetcher, FeedReader(workers).parse, PollingConfig(),
                    on_new_items=enricher.wake)
    enricher.start(lambda: NOW)
    try:
        feed = await store.add_feed(feed_server.url("/talks"), now=NOW)
        assert (await poller.poll_feed(feed, NOW)).new == 5
        for _ in range(200):  # ten seconds at most
            if not await store.pending_items(10):
                break
            await asyncio.sleep(0.05)
        assert await store.pending_items(10) == []
    finally:
        await enricher.stop()
    answer = await ask(store, "Who is Mykhailo Podolyak?", NOW)
    assert answer.found and "adviser" in answer.headline


async def test_the_newest_items_are_read_first(store: Store, workers: WorkerPool) -> None:
    feed = await store.add_feed("https://wire.example/feed", now=NOW)
    hours = [30, 2, 50, 1, 10]
    await store.save_entries(feed.id, [replace(entry(f"h{h}", f"Report {h}", title=f"Report {h}"),
                                               published_at=NOW - timedelta(hours=h))
                                       for h in hours], now=NOW, first_poll=True)
    assert await Enricher(store, workers, batch=2).run(NOW, limit=3) == 3
    left = sorted(i.title for i in await store.pending_items(10))
    assert left == ["Report 30", "Report 50"]


async def test_a_digest_shows_items_not_read_yet_plainly(store: Store) -> None:
    feed = await store.add_feed("https://wire.example/feed", now=NOW, name="Wire")
    await store.save_entries(feed.id, [entry("u", "Ferries stop in the gale.", title="Ferries stop")],
                             now=NOW, first_poll=False)
    digest = await digest_of_last(store, 24, NOW)
    [story] = digest.stories
    assert (story.title, story.url, story.sources) == ("Ferries stop", "https://news.example/u",
                                                       ("Wire",))
