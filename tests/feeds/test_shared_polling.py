"""Polling by several processes on one PostgreSQL database: two pollers, each with its own store
(its own connections) and its own fetcher, as two processes would have, poll the same due
feeds at once over loopback HTTP; each feed is fetched once. SQLite keeps its one-process path."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from itertools import pairwise

import aiohttp
import pytest
from aiohttp import web

from digests.config import NetworkConfig, PollingConfig
from digests.feeds.addresses import connector_for
from digests.feeds.fetching import Fetcher
from digests.feeds.polling import SAVE_MARGIN, Poller
from digests.feeds.reading import FeedReader
from digests.runtime.workers import WorkerPool
from digests.store.core import Store

from conftest import NOW, fixture_bytes, needs_postgresql
from feedserver import FeedServer

RSS = fixture_bytes("rss20.xml")
CONFIG = PollingConfig(interval_seconds=600, max_interval_seconds=6 * 3600, concurrency=4)
FEEDS = 24
HANG_GUARD = 60  # seconds: a poll that never ends fails the test instead of hanging it


@pytest.fixture(scope="module")
def workers() -> Iterator[WorkerPool]:
    pool = WorkerPool(2)
    yield pool
    pool.close()



async def fetcher_named(session: aiohttp.ClientSession, name: str) -> Fetcher:
    network = NetworkConfig(allow_private_addresses=True, total_timeout_seconds=5.0)
    return Fetcher(session, network, f"Newsdesk-{name}/1.0 (+https://example.org/contact)")


def serve_when_both_ask(server: FeedServer, paths: list[str]) -> None:
    """Each feed is served once both pollers have sent a request: neither can poll every
    feed before the other starts, so the two really poll side by side."""
    asked: set[str] = set()
    both = asyncio.Event()

    async def handler(request: web.Request) -> web.StreamResponse:
        asked.add(request.headers["User-Agent"].split("/", 1)[0])
        if len(asked) == 2:
            both.set()
        await both.wait()
        return web.Response(body=RSS, headers={"Content-Type": "application/rss+xml"})

    for path in paths:
        server.routes[path] = handler


@needs_postgresql
async def test_two_pollers_on_one_database_fetch_each_due_feed_once(
        shared_url: str, feed_server: FeedServer, workers: WorkerPool) -> None:
    paths = [f"/feed{n}" for n in range(FEEDS)]
    serve_when_both_ask(feed_server, paths)
    first, second = await Store.open(shared_url), await Store.open(shared_url)
    connector = connector_for(True)
    try:
        async with aiohttp.ClientSession(connector=connector) as session:
            for path in paths:
                await first.add_feed(feed_server.url(path), now=NOW - timedelta(minutes=1))
            pollers = [Poller(store, await fetcher_named(session, name), FeedReader(workers).parse,
                              CONFIG) for store, name in ((first, "a"), (second, "b"))]
            async with asyncio.timeout(HANG_GUARD):
                results = await asyncio.gather(*(p.poll_due(NOW) for p in pollers))
        assert [feed_server.hits(path) for path in paths] == [1] * FEEDS
        assert all(results[0]) and all(results[1])  # both did part of the work
        polled = [r.feed_id for rs in results for r in rs]
        assert sorted(polled) == sorted(f.id for f in await first.all_feeds())
        assert {r.outcome for rs in results for r in rs} == {"fetched"}
        assert await first.claim_due_feeds(NOW, FEEDS, owner="c", lease=timedelta(minutes=5)) == []
        later = NOW + timedelta(hours=7)  # every feed due again: all leases were released
        again = await first.claim_due_feeds(later, FEEDS, owner="c", lease=timedelta(minutes=5))
        assert len(again) == FEEDS
    finally:
        await first.close()
        await second.close()


@needs_postgresql
async def test_a_feed_another_process_holds_is_left_to_it(
        shared_url: str, feed_server: FeedServer, fetcher: Fetcher, workers: WorkerPool) -> None:
    feed_server.serve("/held", RSS)
    feed_server.serve("/free", RSS)
    store = await Store.open(shared_url)
    try:
        held = await store.add_feed(feed_server.url("/held"), now=NOW - timedelta(minutes=2))
        free = await store.add_feed(feed_server.url("/free"), now=NOW - timedelta(minutes=1))
        assert [f.id for f in await store.claim_due_feeds(
            NOW, 1, owner="elsewhere", lease=timedelta(minutes=5))] == [held.id]
        results = await Poller(store, fetcher, FeedReader(workers).parse, CONFIG).poll_due(NOW)
        assert [r.feed_id for r in results] == [free.id]
        assert (feed_server.hits("/held"), feed_server.hits("/free")) == (0, 1)
    finally:
        await store.close()


@needs_postgresql
async def test_a_fetch_that_would_outlast_its_lease_is_deferred(
        shared_url: str, feed_server: FeedServer, fetcher: Fetcher, workers: WorkerPool) -> None:
    """A fetch still waiting when the lease is nearly out (a host that never answers, or a
    queue behind it) is given up, so no other process can claim the feed while it runs."""
    never = asyncio.Event()

    async def hang(_: web.Request) -> web.StreamResponse:
        await never.wait()
        return web.Response(status=500)

    feed_server.routes["/slow"] = hang
    store = await Store.open(shared_url)
    try:
        feed = await store.add_feed(feed_server.url("/slow"), now=NOW - timedelta(minutes=1))
        lease = SAVE_MARGIN + timedelta(milliseconds=200)  # the fetch gets 0.2 s
        poller = Poller(store, fetcher, FeedReader(workers).parse, CONFIG, lease=lease)
        async with asyncio.timeout(HANG_GUARD):
            [result] = await poller.poll_due(NOW)
        assert result.outcome == "deferred"
        stored = await store.get_feed(feed.id)
        # dated when its slot came (a moment after the round's start), one lease on
        assert NOW + lease <= stored.next_check_at < NOW + lease + timedelta(seconds=5)
        assert stored.failure_count == 0
        assert await store.claim_due_feeds(stored.next_check_at, 1, owner="c", lease=lease) != []
    finally:
        never.set()
        await store.close()


def numbered_rss(number: int) -> bytes:
    return (f'<rss version="2.0"><channel><title>Ticker</title><link>https://ticker.example/</link>'
            f'<item><title>Bulletin {number}</title><guid>https://ticker.example/{number}</guid>'
            f'<link>https://ticker.example/{number}</link></item></channel></rss>').encode()


@needs_postgresql
async def test_each_poll_of_a_long_round_is_dated_when_it_runs(
        shared_url: str, feed_server: FeedServer, fetcher: Fetcher, workers: WorkerPool) -> None:
    """A feed slower to answer than its interval falls due again within the round that polls
    it. Each of its polls is dated when it runs: dated at the round's start, every poll's next
    check was already past (the round went on polling it for ever) and every item it brought
    was seen "before" whatever happened meanwhile (an alert set up since never matched)."""
    asked = [0]

    async def slow(_: web.Request) -> web.StreamResponse:
        asked[0] += 1
        await asyncio.sleep(1.5)
        return web.Response(body=numbered_rss(asked[0]), headers={"Content-Type": "application/rss+xml"})

    feed_server.routes["/ticker"] = slow
    store = await Store.open(shared_url)
    try:
        await store.add_feed(feed_server.url("/ticker"), now=NOW - timedelta(minutes=1))
        config = replace(CONFIG, interval_seconds=1, max_interval_seconds=60)
        poller = Poller(store, fetcher, FeedReader(workers).parse, config)
        async with asyncio.timeout(HANG_GUARD):
            results = await poller.poll_due(NOW, limit=3)
        assert [r.outcome for r in results] == ["fetched"] * len(results)
        items = await store.items_published_between(NOW - timedelta(days=1), NOW + timedelta(days=1))
        seen = sorted(item.first_seen_at for item in items)
        assert len(seen) == len(results) == 3
        # one interval at least between polls of the feed, each after the one before had ended
        assert all(later - earlier >= timedelta(seconds=1) for earlier, later in pairwise(seen))
    finally:
        await store.close()


async def test_only_postgresql_is_taken_for_shared(store: Store, feed_server: FeedServer,
                                                   fetcher: Fetcher, workers: WorkerPool,
                                                   backend: str) -> None:
    """SQLite's file is held by one process: its poller keeps the path without claims."""
    feed_server.serve("/feed", RSS)
    feed = await store.add_feed(feed_server.url("/feed"), now=NOW - timedelta(minutes=1))
    assert store.several_processes == (backend == "postgresql")
    [result] = await Poller(store, fetcher, FeedReader(workers).parse, CONFIG).poll_due(NOW)
    assert (result.feed_id, result.outcome) == (feed.id, "fetched")
    assert feed_server.hits("/feed") == 1


@needs_postgresql
async def test_a_poll_asked_for_now_leaves_a_feed_being_polled_elsewhere(
        shared_url: str, feed_server: FeedServer, fetcher: Fetcher, workers: WorkerPool) -> None:
    """`/feeds add` polls at once; when another process's tick is polling that very feed, its
    poll stores the items and this one steps aside instead of inserting them a second time."""
    feed_server.serve("/feed", RSS)
    store = await Store.open(shared_url)
    try:
        feed = await store.add_feed(feed_server.url("/feed"), now=NOW)
        poller = Poller(store, fetcher, FeedReader(workers).parse, CONFIG)
        far_future = NOW + timedelta(days=365 * 100)  # held whatever the wall clock says
        assert await store.claim_feed(feed.id, owner="elsewhere", now=far_future,
                                      lease=timedelta(minutes=5))
        result = await poller.poll_feed(feed, NOW)
        assert (result.outcome, result.error, feed_server.hits("/feed")) == ("deferred", None, 0)
        await store.release_feed(feed.id, "elsewhere")
        result = await poller.poll_feed(feed, NOW)
        assert (result.outcome, feed_server.hits("/feed")) == ("fetched", 1)
        assert await store.claim_feed(feed.id, owner="c", now=NOW, lease=timedelta(minutes=5))
    finally:
        await store.close()
