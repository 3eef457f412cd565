"""Full text with trafilatura installed but not importable (a dependency of its own missing,
as pip 23.2 leaves it): the feature stays off, says so once, and polls go on."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest

from digests.config import PollingConfig
from digests.feeds import fulltext
from digests.feeds.fetching import Fetcher
from digests.feeds.polling import Poller
from digests.feeds.reading import FeedReader
from digests.runtime.workers import WorkerPool
from digests.store.core import Store

from conftest import NOW
from feedserver import FeedServer


def teasers(count: int, server: FeedServer) -> str:
    items = "".join(f"<item><title>Story {n}</title><link>{server.url(f'/a/{n}')}</link>"
                    f"<guid>s-{n}</guid><description>Teaser {n}.</description></item>"
                    for n in range(count))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'


async def test_an_unimportable_extra_keeps_the_teaser_and_warns_once(
        feed_server: FeedServer, store: Store, fetcher: Fetcher,
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    if not fulltext.full_text_available():
        pytest.skip("trafilatura is not installed: the feature is off before any import")
    monkeypatch.setattr(fulltext, "full_text_importable",
                        lambda: "lxml.html.clean module is now a separate project lxml_html_clean")
    workers = WorkerPool(1, factory=ThreadPoolExecutor)  # threads: the patched check is seen
    try:
        feed_server.serve("/feed", teasers(1, feed_server))
        config = PollingConfig()
        poller = Poller(store, fetcher, FeedReader(workers).parse, config,
                        full_text=fulltext.full_text_enricher(fetcher, workers, config))
        feed = await store.add_feed(feed_server.url("/feed"), now=NOW, full_text=True)
        with caplog.at_level(logging.WARNING, logger="digests.feeds.fulltext"):
            first = await poller.poll_feed(feed, NOW)
            feed_server.serve("/feed", teasers(2, feed_server))
            second = await poller.poll_feed(await store.get_feed(feed.id), NOW + timedelta(hours=1))
    finally:
        workers.close()
    assert (first.outcome, first.new, second.outcome, second.new) == ("fetched", 1, "fetched", 1)
    texts = sorted(i.text for i in await store.items_published_between(NOW - timedelta(days=1),
                                                                       NOW + timedelta(days=1)))
    assert texts == ["Teaser 0.", "Teaser 1."]
    assert feed_server.hits("/a/0") == feed_server.hits("/a/1") == 0
    warnings = [r.getMessage() for r in caplog.records if "full text is off" in r.getMessage()]
    assert len(warnings) == 1 and "lxml_html_clean" in warnings[0]
