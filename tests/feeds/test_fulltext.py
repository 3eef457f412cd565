"""Full article text for teaser-only feeds, fetched and extracted when a feed opts in."""

from __future__ import annotations

from datetime import timedelta

import pytest

from digests.config import PollingConfig
from digests.feeds.fetching import Fetcher
from digests.feeds.fulltext import full_text_enricher
from digests.feeds.polling import Poller
from digests.feeds.reading import FeedReader
from digests.runtime.workers import WorkerPool
from digests.store.core import Store

from conftest import NOW
from feedserver import FeedServer

pytest.importorskip("trafilatura", exc_type=ImportError,
                    reason="the fulltext extra (trafilatura) is not installed or cannot be imported")

ARTICLE = """<!doctype html><html><head><title>Talks</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Delegations meet in Belarus</h1>
<p>Negotiators from both sides spent five hours together on Monday at a venue near the border
and agreed only to meet again, a presidential adviser said after the meeting ended.</p>
<p>The Ukrainian delegation had asked for an immediate ceasefire and the withdrawal of troops,
while the other side presented a list of demands that Kyiv called unacceptable.</p>
<p>A second round is expected within days, officials on both sides said on Monday evening.</p>
</article><footer>Copyright Test Wire</footer><script>track()</script></body></html>"""


def teaser_feed(link: str) -> str:
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>Teasers</title><item>'
            f"<title>Delegations meet</title><link>{link}</link><guid>t-1</guid>"
            "<pubDate>Mon, 28 Feb 2022 18:00:00 GMT</pubDate>"
            "<description>Talks took place.</description></item></channel></rss>")


@pytest.fixture
def workers() -> WorkerPool:
    pool = WorkerPool(1)
    yield pool  # type: ignore[misc]
    pool.close()


@pytest.mark.parametrize("opted_in", [True, False])
async def test_teaser_replaced_by_article_text_only_when_opted_in(
        feed_server: FeedServer, store: Store, fetcher: Fetcher, workers: WorkerPool,
        opted_in: bool) -> None:
    """An opted-in feed's teaser becomes the article's main text; other feeds keep theirs."""
    feed_server.serve("/feed", teaser_feed(feed_server.url("/article")))
    feed_server.serve("/article", ARTICLE, content_type="text/html; charset=utf-8")
    config = PollingConfig()
    enrich = full_text_enricher(fetcher, workers, config)
    poller = Poller(store, fetcher, FeedReader(workers).parse, config, full_text=enrich)
    feed = await store.add_feed(feed_server.url("/feed"), now=NOW, full_text=opted_in)
    await poller.poll_feed(feed, NOW)
    [item] = await store.items_published_between(NOW - timedelta(days=7), NOW)
    if opted_in:
        assert "Negotiators from both sides spent five hours" in item.text
        assert "A second round is expected" in item.text
        assert "Home" not in item.text and "track()" not in item.text
    else:
        assert item.text == "Talks took place."
        assert feed_server.hits("/article") == 0


async def test_article_that_fails_keeps_the_teaser(feed_server: FeedServer, store: Store,
                                                   fetcher: Fetcher, workers: WorkerPool) -> None:
    """A missing article page leaves the teaser in place and the poll succeeds."""
    feed_server.serve("/feed", teaser_feed(feed_server.url("/missing")))
    config = PollingConfig()
    poller = Poller(store, fetcher, FeedReader(workers).parse, config,
                    full_text=full_text_enricher(fetcher, workers, config))
    feed = await store.add_feed(feed_server.url("/feed"), now=NOW, full_text=True)
    assert (await poller.poll_feed(feed, NOW)).outcome == "fetched"
    [item] = await store.items_published_between(NOW - timedelta(days=7), NOW)
    assert item.text == "Talks took place."
