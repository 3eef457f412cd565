"""Polling end to end over loopback HTTP: fetch, parse in worker processes, store, pace."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from digests.config import NetworkConfig, PollingConfig
from digests.feeds import polling
from digests.feeds.addresses import connector_for
from digests.feeds.fetching import Fetcher
from digests.feeds.polling import Poller
from digests.feeds.reading import FeedReader
from digests.models import ParsedFeed
from digests.runtime.scheduling import build_scheduler
from digests.runtime.workers import WorkerPool
from digests.store.core import Store

from conftest import NOW, fixture_bytes
from feedserver import FeedServer

RSS = fixture_bytes("rss20.xml")
CONFIG = PollingConfig(interval_seconds=600, max_interval_seconds=6 * 3600,
                       pause_after_failing_seconds=3 * 86400)


class _HangingAndQuick:
    """Two routes of the feed server: one that hangs until `answer` is set, one that answers
    at once; each says when it was asked."""

    def __init__(self, quick_body: bytes = RSS) -> None:
        self.answer, self.hanging_asked, self.quick_asked = asyncio.Event(), asyncio.Event(), asyncio.Event()
        self._quick_body = quick_body

    async def hanging(self, _: web.Request) -> web.StreamResponse:
        self.hanging_asked.set()
        await self.answer.wait()
        return web.Response(body=RSS, headers={"Content-Type": "application/rss+xml"})

    async def quick(self, _: web.Request) -> web.StreamResponse:
        self.quick_asked.set()
        return web.Response(body=self._quick_body, headers={"Content-Type": "application/rss+xml"})


@pytest.fixture(scope="module")
def workers() -> AsyncIterator[WorkerPool]:
    pool = WorkerPool(2)
    yield pool  # type: ignore[misc]
    pool.close()


@pytest.fixture
def poller(store: Store, fetcher: Fetcher, workers: WorkerPool) -> Poller:
    return Poller(store, fetcher, FeedReader(workers).parse, CONFIG)


async def test_first_poll_then_304_costs_no_parse(feed_server: FeedServer, store: Store,
                                                  poller: Poller) -> None:
    """First poll stores everything as seen-at-first-poll; the next is a 304 and stores nothing."""
    feed_server.serve("/feed", RSS, etag='"v1"')
    feed = await store.add_feed(feed_server.url("/feed"), now=NOW)
    first = await poller.poll_feed(feed, NOW)
    assert (first.outcome, first.new, first.entries, first.title) == ("fetched", 6, 6,
                                                                      "Test Wire & Co")
    stored = await store.get_feed(feed.id)
    assert (stored.etag, stored.first_polled, stored.status.value) == ('"v1"', True, "ok")
    assert stored.next_check_at > NOW
    second = await poller.poll_feed(stored, NOW + timedelta(minutes=10))
    assert second.outcome == "not-modified"
    items = await store.items_published_between(NOW - timedelta(days=30), NOW)
    assert len(items) == 6 and all(i.seen_at_first_poll for i in items)


async def test_identical_body_is_not_parsed_again(feed_server: FeedServer, store: Store,
                                                  poller: Poller) -> None:
    """Without validators, an identical body is recognised by its hash."""
    feed_server.serve("/feed", RSS)
    feed = await store.add_feed(feed_server.url("/feed"), now=NOW)
    await poller.poll_feed(feed, NOW)
    again = await poller.poll_feed(await store.get_feed(feed.id), NOW)
    assert again.outcome == "unchanged"


async def test_changed_body_adds_only_new_items(feed_server: FeedServer, store: Store,
                                                poller: Poller) -> None:
    """A changed feed adds its new entries (not flagged first-poll) and updates edited ones."""
    feed_server.serve("/feed", RSS, etag='"v1"')
    feed = await store.add_feed(feed_server.url("/feed"), now=NOW)
    await poller.poll_feed(feed, NOW)
    changed = RSS.replace(b"More talks are planned.", b"A second round is planned.").replace(
        b"<channel>", b"<channel><item><title>Brand new</title><guid>new-1</guid>"
                      b"<description>Fresh.</description></item>", 1)
    feed_server.serve("/feed", changed, etag='"v2"')
    result = await poller.poll_feed(await store.get_feed(feed.id), NOW + timedelta(minutes=10))
    assert (result.new, result.updated) == (1, 1)
    items = await store.items_published_between(NOW - timedelta(days=30), NOW + timedelta(hours=1))
    new = [i for i in items if i.title == "Brand new"]
    assert len(new) == 1 and not new[0].seen_at_first_poll
    assert len(items) == 7


async def test_permanent_redirect_updates_the_stored_url(feed_server: FeedServer, store: Store,
                                                         poller: Poller) -> None:
    """After a 301 the feed is polled at its new address."""
    feed_server.redirect("/old", "/new", 301)
    feed_server.serve("/new", RSS)
    feed = await store.add_feed(feed_server.url("/old"), now=NOW)
    await poller.poll_feed(feed, NOW)
    assert (await store.get_feed(feed.id)).url == feed_server.url("/new")


async def test_web_page_url_becomes_the_feed_url(feed_server: FeedServer, store: Store,
                                                 poller: Poller) -> None:
    """A feed added by its web page's URL ends up stored under the discovered feed URL."""
    feed_server.serve("/", fixture_bytes("page.html"), content_type="text/html")
    feed_server.serve("/feeds/wire.xml", RSS)
    feed = await store.add_feed(feed_server.url("/"), now=NOW)
    result = await poller.poll_feed(feed, NOW)
    assert (result.outcome, result.new) == ("fetched", 6)
    assert (await store.get_feed(feed.id)).url == feed_server.url("/feeds/wire.xml")


async def test_failures_back_off_then_pause(feed_server: FeedServer, store: Store,
                                            poller: Poller) -> None:
    """A failing feed waits longer after each failure and is paused after three days of it."""
    feed_server.status("/down", 500)
    feed = await store.add_feed(feed_server.url("/down"), now=NOW)
    waits = []
    now = NOW
    while True:
        result = await poller.poll_feed(await store.get_feed(feed.id), now)
        feed_now = await store.get_feed(feed.id)
        if result.outcome == "paused":
            break
        assert result.outcome == "failed" and result.error == f"HTTP 500 from {feed.url}"
        waits.append(feed_now.next_check_at - now)
        now = feed_now.next_check_at
    assert waits[:4] == [timedelta(minutes=m) for m in (10, 20, 40, 80)]
    assert max(waits) == timedelta(hours=6)
    assert now - NOW >= timedelta(days=3)
    assert feed_now.paused and "failing for more than 3 days" in (feed_now.paused_reason or "")
    assert feed_now.last_error == f"HTTP 500 from {feed.url}"
    assert await store.due_feeds(now + timedelta(days=30), 10) == []


async def test_gone_pauses_at_once(feed_server: FeedServer, store: Store, poller: Poller) -> None:
    """410 Gone pauses the feed on the first try, with the reason kept."""
    feed_server.status("/gone", 410)
    feed = await store.add_feed(feed_server.url("/gone"), now=NOW)
    result = await poller.poll_feed(feed, NOW)
    stored = await store.get_feed(feed.id)
    assert result.outcome == "paused"
    assert (stored.paused, stored.paused_reason) == (True, "the feed is gone (HTTP 410)")


async def test_429_defers_other_feeds_on_the_host(feed_server: FeedServer, store: Store,
                                                  poller: Poller) -> None:
    """After a 429, the other feeds of that host wait for the cool-down without a request."""
    feed_server.status("/a", 429, {"Retry-After": "900"})
    feed_server.serve("/b", RSS)
    a = await store.add_feed(feed_server.url("/a"), now=NOW)
    b = await store.add_feed(feed_server.url("/b"), now=NOW)
    first = await poller.poll_feed(a, NOW)
    second = await poller.poll_feed(b, NOW)
    assert (first.outcome, second.outcome) == ("failed", "deferred")
    assert (await store.get_feed(a.id)).next_check_at == NOW + timedelta(seconds=900)
    deferred = await store.get_feed(b.id)
    assert (deferred.next_check_at, deferred.status.value) == (NOW + timedelta(seconds=900), "ok")
    assert feed_server.hits("/b") == 0


async def test_malformed_and_garbage(feed_server: FeedServer, store: Store, poller: Poller) -> None:
    """An ill-formed feed with entries is used; garbage is a failure that loses nothing."""
    feed_server.serve("/sloppy", fixture_bytes("illformed.xml"))
    feed_server.serve("/garbage", fixture_bytes("garbage.txt"), content_type="text/plain")
    sloppy = await store.add_feed(feed_server.url("/sloppy"), now=NOW)
    garbage = await store.add_feed(feed_server.url("/garbage"), now=NOW)
    assert (await poller.poll_feed(sloppy, NOW)).new == 2
    result = await poller.poll_feed(garbage, NOW)
    assert result.outcome == "failed" and "not a readable feed" in (result.error or "")


async def test_poll_due_polls_only_due_feeds(feed_server: FeedServer, store: Store,
                                             poller: Poller) -> None:
    """poll_due takes the feeds whose time has come; a second call right after finds none."""
    for name in ("a", "b", "c"):
        feed_server.serve(f"/{name}", RSS.replace(b"Test Wire", name.encode()))
        await store.add_feed(feed_server.url(f"/{name}"), now=NOW)
    paused = await store.add_feed(feed_server.url("/paused"), now=NOW)
    await store.pause_feed(paused.id, now=NOW, reason="by hand", by="admin")
    results = await poller.poll_due(NOW)
    assert sorted(r.outcome for r in results) == ["fetched"] * 3
    assert await poller.poll_due(NOW + timedelta(seconds=1)) == []
    assert feed_server.hits("/paused") == 0


async def test_scheduler_tick_polls_due_feeds(feed_server: FeedServer, store: Store,
                                              poller: Poller) -> None:
    """The APScheduler job runs at once on start and polls the due feeds."""
    feed_server.serve("/feed", RSS)
    feed = await store.add_feed(feed_server.url("/feed"), now=NOW)
    polled = asyncio.Event()

    async def tick(now: datetime) -> None:
        await poller.poll_due(now)
        polled.set()

    ticks = build_scheduler(tick, tick_seconds=3600, clock=lambda: NOW)
    job = ticks.scheduler.get_job("poll:tick")
    assert (job.coalesce, job.max_instances) == (True, 1)
    ticks.start()
    try:
        await asyncio.wait_for(polled.wait(), 10)
    finally:
        await ticks.stop()
    assert (await store.get_feed(feed.id)).item_count == 6


async def test_restart_polls_without_duplicates(feed_server: FeedServer, tmp_path, fetcher: Fetcher,
                                                workers: WorkerPool) -> None:
    """A new process on the same file carries on: nothing duplicated, 304 from the saved ETag."""
    feed_server.serve("/feed", RSS, etag='"v1"')
    url = f"sqlite:///{tmp_path / 'restart.db'}"
    for attempt in range(2):
        store = await Store.open(url)
        try:
            [feed] = await store.all_feeds() or [await store.add_feed(feed_server.url("/feed"),
                                                                      now=NOW)]
            result = await Poller(store, fetcher, FeedReader(workers).parse, CONFIG).poll_feed(feed, NOW)
            assert result.outcome == ("fetched", "not-modified")[attempt]
            assert (await store.counts()).items == 6
        finally:
            await store.close()


async def test_crash_in_parse_is_a_recorded_failure(feed_server: FeedServer, store: Store,
                                                    fetcher: Fetcher) -> None:
    """An exception while parsing marks the feed failing and the batch goes on."""

    async def broken_parse(*_):  # type: ignore[no-untyped-def]
        raise ValueError("boom")

    feed_server.serve("/feed", RSS)
    feed = await store.add_feed(feed_server.url("/feed"), now=NOW)
    result = await Poller(store, fetcher, broken_parse, CONFIG).poll_feed(feed, NOW)
    stored = await store.get_feed(feed.id)
    assert result.outcome == "failed"
    assert (stored.status.value, stored.first_polled) == ("failing", False)
    assert replace(stored, item_count=0).last_error == "internal error: boom"


async def test_dispatch_due_never_waits_for_a_slow_feed(feed_server: FeedServer, store: Store,
                                                        poller: Poller) -> None:
    """A tick starts its round and returns: a feed that hangs holds back neither the tick nor
    a feed that falls due after it, and is not polled twice while it hangs."""
    routes = _HangingAndQuick(quick_body=RSS.replace(b"Test Wire", b"Quick"))
    answer, hanging_asked, quick_asked = routes.answer, routes.hanging_asked, routes.quick_asked
    feed_server.routes.update({"/hanging": routes.hanging, "/quick": routes.quick})
    slow = await store.add_feed(feed_server.url("/hanging"), now=NOW)
    ended: list[bool] = []
    poller.when_a_round_ends(lambda: ended.append(True))
    async with asyncio.timeout(10):
        await poller.dispatch_due(NOW)
        await hanging_asked.wait()
        fast = await store.add_feed(feed_server.url("/quick"), now=NOW)
        await poller.dispatch_due(NOW + timedelta(seconds=1))
        await quick_asked.wait()
        await poller.dispatch_due(NOW + timedelta(seconds=2))
    answer.set()
    await poller.drain(grace=10)
    assert (feed_server.hits("/hanging"), feed_server.hits("/quick")) == (1, 1)
    assert [(await store.get_feed(f.id)).item_count for f in (slow, fast)] == [6, 6]
    # Each round says when it ends (its feeds' next checks are known then); on a shared
    # database every dispatch is a claiming round, here only the two that found due feeds.
    assert len(ended) == (3 if store.several_processes else 2)


async def test_next_check_after_is_the_next_feed_to_fall_due(store: Store) -> None:
    """The poller's tick sleeps until the next feed falls due: overdue and paused feeds are
    not that (they are being polled, or not at all)."""
    assert await store.next_check_after(NOW) is None
    await store.add_feed("http://127.0.0.1:9/overdue", now=NOW - timedelta(minutes=5))
    later = await store.add_feed("http://127.0.0.1:9/later", now=NOW)
    paused = await store.add_feed("http://127.0.0.1:9/paused", now=NOW)
    await store.reschedule(later.id, NOW + timedelta(seconds=90))
    await store.reschedule(paused.id, NOW + timedelta(seconds=30))
    await store.pause_feed(paused.id, now=NOW, reason="by hand", by="admin")
    assert await store.next_check_after(NOW) == NOW + timedelta(seconds=90)


async def test_fetching_waits_while_documents_wait_to_be_read(
        feed_server: FeedServer, store: Store, fetcher: Fetcher, workers: WorkerPool) -> None:
    """When `DOCUMENTS_IN_HAND` fetched documents wait to be read (a cold start on fast feeds,
    reading the bottleneck), no new fetch starts until one is stored: the rest wait to be
    fetched instead of waiting in memory, and every feed is polled in the end."""
    reader, reading = FeedReader(workers).parse, 0
    go_on, full = asyncio.Event(), asyncio.Event()

    async def lagging(body: bytes, headers: Any, url: str, now: datetime) -> ParsedFeed:
        nonlocal reading
        reading += 1
        if reading == polling.DOCUMENTS_IN_HAND:
            full.set()
        await go_on.wait()
        return await reader(body, headers, url, now)

    first = [f"/first{n}" for n in range(polling.DOCUMENTS_IN_HAND)]
    later = [f"/later{n}" for n in range(2 * polling.DOCUMENTS_IN_HAND)]
    for path in (*first, *later):
        feed_server.serve(path, RSS.replace(b"Test Wire", path.encode()))
    poller = Poller(store, fetcher, lagging, replace(CONFIG, concurrency=64))
    in_hand = asyncio.ensure_future(poller.poll_many(
        [await store.add_feed(feed_server.url(p), now=NOW) for p in first], NOW))
    async with asyncio.timeout(10):
        await full.wait()
    waiting = asyncio.ensure_future(poller.poll_many(
        [await store.add_feed(feed_server.url(p), now=NOW) for p in later], NOW))
    await asyncio.sleep(0.3)
    assert sum(feed_server.hits(p) for p in later) == 0
    go_on.set()
    async with asyncio.timeout(30):
        results = [*await in_hand, *await waiting]
    assert [r.outcome for r in results] == ["fetched"] * (len(first) + len(later))


async def test_a_slow_fetch_let_through_stops_counting(feed_server: FeedServer, store: Store,
                                                       network: NetworkConfig, workers: WorkerPool,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A fetch let through while the hand was full counts as a document from its start; a
    server that then takes its time holds up nobody: after `SLOW_FETCH_SECONDS` it stops
    counting and the next feed is fetched."""
    monkeypatch.setattr(polling, "DOCUMENTS_IN_HAND", 1)
    monkeypatch.setattr(polling, "SLOW_FETCH_SECONDS", 0.1)
    reader, go_on, reading = FeedReader(workers).parse, asyncio.Event(), asyncio.Event()
    routes = _HangingAndQuick()
    answer, hanging_asked, quick_asked = routes.answer, routes.hanging_asked, routes.quick_asked

    async def lagging(body: bytes, headers: Any, url: str, now: datetime) -> ParsedFeed:
        if url.endswith("/first"):
            reading.set()
            await go_on.wait()
        return await reader(body, headers, url, now)

    feed_server.serve("/first", RSS)
    feed_server.routes.update({"/hanging": routes.hanging, "/quick": routes.quick})
    first, slow, fast = [await store.add_feed(feed_server.url(p), now=NOW)
                         for p in ("/first", "/hanging", "/quick")]
    async with aiohttp.ClientSession(connector=connector_for(True)) as session:
        fetcher = Fetcher(session, replace(network, per_host_concurrency=4), "Newsdesk-test")
        poller = Poller(store, fetcher, lagging, CONFIG)
        polls = [asyncio.ensure_future(poller.poll_feed(first, NOW))]
        async with asyncio.timeout(5):
            await reading.wait()  # the hand is full
            polls.append(asyncio.ensure_future(poller.poll_feed(slow, NOW)))
            await asyncio.sleep(0.2)
            assert not hanging_asked.is_set()
            go_on.set()  # the first is stored: the slow one is let through, and counts
            await hanging_asked.wait()
            polls.append(asyncio.ensure_future(poller.poll_feed(fast, NOW)))
        async with asyncio.timeout(1.5):  # well before the fetcher's 2 s without a byte
            await quick_asked.wait()
        answer.set()
        async with asyncio.timeout(30):
            results = await asyncio.gather(*polls)
    assert [r.outcome for r in results] == ["fetched"] * 3
