"""Hostile servers on loopback: each ends within its limits, with a clear recorded reason.

Every case polls the hostile feed through the real Poller, Fetcher, worker pool and SQLite
store, in the same `poll_many` call as a healthy feed, and checks three things: the hostile
feed ended within a generous bound on its configured limit, the failure is on record with a
reason a person can read (or, for documents that can be read safely, e.g. ones with entities,
they were read without harm), and the healthy feed's items were stored all the same, without
waiting on the hostile feed.

Limits are made small here (a 2.5 s total timeout, a 256 KiB body cap, 3 redirects) so the
whole file runs in seconds; the production defaults are the same code with bigger numbers.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import importlib
import multiprocessing
import socket
import time
import tracemalloc
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver

from digests.config import NetworkConfig, PollingConfig
from digests.feeds import parsing
from digests.feeds.addresses import PublicOnlyResolver
from digests.feeds.fetching import Fetcher
from digests.feeds.parsing import parse_document
from digests.feeds.polling import Poller
from digests.feeds.reading import PARSE_TIMEOUT_SECONDS, FeedReader
from digests.models import Feed, ParsedFeed, PollResult
from digests.runtime.workers import WorkerPool
from digests.store.core import Store
from digests.store.feeds import FeedError

from conftest import LAUGHS_DTD, NOW, fixture_bytes
from feedserver import FeedServer
from workcount import hang_guard

RSS = fixture_bytes("rss20.xml")
HEALTHY_ITEMS = 6
KIB = 1024
MIB = 1024 * KIB

LIMITS = NetworkConfig(
    allow_private_addresses=True, connect_timeout_seconds=1.0, read_timeout_seconds=2.0,
    total_timeout_seconds=2.5, max_body_bytes=256 * KIB, max_redirects=3)
POLLING = PollingConfig(interval_seconds=600, max_interval_seconds=6 * 3600,
                        pause_after_failing_seconds=3 * 86400)
# Timeouts honoured are behaviour, not speed: a poll that fails while fetching is held to the
# total timeout, and one that reads its document to that and the parse time limit. The bounds
# are three times those limits, so that only a limit not applied fails them, not a busy machine.
BOUND = 3 * LIMITS.total_timeout_seconds
READ_BOUND = 3 * (LIMITS.total_timeout_seconds + PARSE_TIMEOUT_SECONDS)
EVERYTHING = (NOW - timedelta(days=365 * 30), NOW + timedelta(days=365))


def new_process_pool(workers: int) -> Executor:
    """The pool WorkerPool would make, its processes started and feedparser imported up front,
    so that no timing below includes a worker's start-up."""
    executor = ProcessPoolExecutor(max_workers=workers, initializer=importlib.import_module,
                                   initargs=("digests.feeds.parsing",),
                                   mp_context=multiprocessing.get_context("spawn"))
    list(executor.map(time.sleep, [0.2] * workers))
    return executor


@pytest.fixture(scope="module")
def workers() -> Iterator[WorkerPool]:
    started = [new_process_pool(2)]
    pool = WorkerPool(2, factory=lambda n: started.pop() if started else new_process_pool(n))
    yield pool
    pool.close()


def healthy_url(server: FeedServer) -> str:
    """The healthy feed lives on its own host name, as it would: the per-host limit of the
    hostile host (127.0.0.1) must not be what it waits for."""
    return f"http://healthy.example:{server.port}/healthy"


@dataclass
class Outcome:
    """What one hostile poll left behind."""

    result: PollResult
    feed: Feed
    errors: list[FeedError]
    seconds: float

    @property
    def kind(self) -> str:
        return self.errors[0].kind if self.errors else ""

    @property
    def reason(self) -> str:
        return self.feed.last_error or ""


@contextlib.asynccontextmanager
async def polling(store: Store, workers: WorkerPool, network: NetworkConfig = LIMITS, *,
                  connector: aiohttp.TCPConnector | None = None) -> AsyncIterator[TimedPoller]:
    """A Poller over its own session, as the bot builds one (guarded unless told otherwise)."""
    names = Names({"healthy.example": ["127.0.0.1"]})
    connector = connector or aiohttp.TCPConnector(
        resolver=names if network.allow_private_addresses else PublicOnlyResolver(names))
    async with aiohttp.ClientSession(connector=connector) as session:
        yield TimedPoller(store, Fetcher(session, network, "Newsdesk-test/1.0"), FeedReader(workers).parse,
                          POLLING)


class TimedPoller(Poller):
    """The real Poller, noting how long each feed's poll took."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.seconds: dict[int, float] = {}
        self.finished: list[int] = []  # feed ids, in the order their polls ended

    async def poll_feed(self, feed: Feed, now: datetime) -> PollResult:
        started = time.monotonic()
        try:
            return await super().poll_feed(feed, now)
        finally:
            self.seconds[feed.id] = time.monotonic() - started
            self.finished.append(feed.id)


async def poll_beside_healthy(poller: TimedPoller, store: Store, hostile_urls: list[str],
                              healthy: str) -> list[Outcome]:
    """Poll the hostile feeds and a healthy one together; check the healthy one came through,
    without waiting on the hostile ones: it was done before any hostile poll that ran into its
    timeout ended (an order of events, not a time)."""
    healthy_feed = await store.add_feed(healthy, now=NOW)
    hostile = [await store.add_feed(url, now=NOW) for url in hostile_urls]
    *hostile_results, healthy_result = await poller.poll_many([*hostile, healthy_feed], NOW)
    assert (healthy_result.outcome, healthy_result.new) == ("fetched", HEALTHY_ITEMS)
    assert (await store.get_feed(healthy_feed.id)).item_count == HEALTHY_ITEMS
    outcomes = [Outcome(result, await store.get_feed(feed.id), await store.feed_errors(feed.id),
                        poller.seconds[feed.id])
                for feed, result in zip(hostile, hostile_results, strict=True)]
    healthy_done = poller.finished.index(healthy_feed.id)
    for feed, outcome in zip(hostile, outcomes, strict=True):
        if outcome.kind == "timeout":
            assert healthy_done < poller.finished.index(feed.id), "the healthy feed waited"
    return outcomes


def assert_failed(outcome: Outcome, kind: str, *words: str) -> None:
    """The poll failed, the history says why, and the feed's last error says it in words."""
    assert outcome.result.outcome == "failed", outcome
    assert outcome.kind == kind, outcome
    assert outcome.feed.status.value == "failing"
    for word in words:
        assert word in outcome.reason, (word, outcome.reason)
    assert outcome.seconds < BOUND, outcome


async def stored_texts(store: Store) -> str:
    items = await store.items_published_between(*EVERYTHING)
    return "\n".join(f"{i.title}\n{i.text}" for i in items)


# Slow and endless bodies --------------------------------------------------------------------

@contextlib.asynccontextmanager
async def raw_drip_server() -> AsyncIterator[int]:
    """A bare TCP server that drips even the status line and headers, one byte a second."""
    answer = (b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
              b"Content-Length: %d\r\n\r\n" % len(RSS)) + RSS

    writers: list[asyncio.StreamWriter] = []

    async def drip(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writers.append(writer)
        with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError):
            await reader.readuntil(b"\r\n\r\n")
            for byte in answer[:60]:
                if reader.at_eof() or writer.is_closing():
                    break  # the client hung up
                writer.write(bytes([byte]))
                await writer.drain()
                await asyncio.sleep(1.0)
        writer.close()

    server = await asyncio.start_server(drip, "127.0.0.1", 0)
    try:
        yield server.sockets[0].getsockname()[1]
    finally:
        for writer in writers:
            writer.close()
        server.close()
        await server.wait_closed()


async def test_one_byte_a_second_is_cut_off_by_the_total_timeout(
        feed_server: FeedServer, store: Store, workers: WorkerPool) -> None:
    """A drip never trips the read timeout; the total timeout ends it, with 'timed out'.

    Two drips: one sends its headers at once and drips the body, the other drips the status
    line and headers too.
    """
    dripped = 0

    async def drip(request: web.Request) -> web.StreamResponse:
        nonlocal dripped
        response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        with contextlib.suppress(ConnectionError, RuntimeError):
            for byte in RSS[:60]:
                await response.write(bytes([byte]))
                dripped += 1
                await asyncio.sleep(1.0)
        return response

    feed_server.routes["/drip"] = drip
    feed_server.serve("/healthy", RSS)
    async with raw_drip_server() as port, polling(store, workers) as poller:
        body_drip, header_drip = await poll_beside_healthy(
            poller, store, [feed_server.url("/drip"), f"http://127.0.0.1:{port}/feed"],
            healthy_url(feed_server))
    for outcome in (body_drip, header_drip):
        assert_failed(outcome, "timeout", "timed out", "within 2.5 s")
        assert outcome.seconds >= LIMITS.total_timeout_seconds - 0.5
    # A byte a second: a timeout honoured stops it near 2.5 bytes of 60; three times the
    # timeout leaves room for a busy machine closing late (behaviour, not speed).
    assert dripped <= 3 * LIMITS.total_timeout_seconds


async def test_endless_body_is_cut_off_at_the_size_cap(
        feed_server: FeedServer, store: Store, workers: WorkerPool) -> None:
    """A body with no length and no end is refused once it passes max_body_bytes."""
    sent = 0

    async def endless(request: web.Request) -> web.StreamResponse:
        nonlocal sent
        response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        with contextlib.suppress(ConnectionError, RuntimeError):
            await response.write(b'<?xml version="1.0"?><rss version="2.0"><channel>')
            while sent < 1024 * MIB:
                await response.write(b"<!-- endless -->" * 4096)
                sent += 16 * 4096
        return response

    feed_server.routes["/endless"] = endless
    feed_server.serve("/healthy", RSS)
    async with polling(store, workers) as poller:
        [outcome] = await poll_beside_healthy(poller, store, [feed_server.url("/endless")],
                                              healthy_url(feed_server))
    assert_failed(outcome, "too-large", "too large", "256 KiB")
    assert sent < 64 * MIB  # stopped reading long before the server gave up


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    return gzip.compress(b"\0" * 128 * MIB, compresslevel=9)


async def test_gzip_bomb_is_cut_off_by_decompressed_size(
        feed_server: FeedServer, store: Store, workers: WorkerPool, gzip_bomb: bytes) -> None:
    """~128 KiB of gzip that inflates to 128 MiB: refused at the cap, never inflated whole."""
    assert len(gzip_bomb) < LIMITS.max_body_bytes  # the bytes on the wire are under the cap
    feed_server.serve("/bomb", gzip_bomb, headers={"Content-Encoding": "gzip"})
    feed_server.serve("/healthy", RSS)
    tracemalloc.start()
    try:
        async with polling(store, workers) as poller:
            [outcome] = await poll_beside_healthy(poller, store, [feed_server.url("/bomb")],
                                                  healthy_url(feed_server))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert_failed(outcome, "too-large", "too large", "256 KiB", "decompressed")
    assert peak < 16 * MIB, f"peak {peak / MIB:.1f} MiB while refusing a 128 MiB bomb"


# XML entities -------------------------------------------------------------------------------

BILLION_LAUGHS = LAUGHS_DTD + b"""<rss version="2.0"><channel><title>Laughs</title><link>https://laughs.example/</link>
<item><title>Ha &lol9;</title><guid>laugh-1</guid><description>&lol9;</description></item>
<item><title>Plain</title><guid>laugh-2</guid><description>Nothing to see.</description></item>
</channel></rss>
"""


def external_entity_feeds(secret_file: Path) -> dict[str, bytes]:
    uri = secret_file.as_uri().encode()
    general = (b'<?xml version="1.0"?>\n<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "' + uri + b'"> ]>\n'
               b"<rss version=\"2.0\"><channel><title>XXE &xxe;</title>"
               b"<item><title>Leak &xxe;</title><guid>xxe-1</guid>"
               b"<description>Body &xxe; end</description></item></channel></rss>")
    parameter = (b'<?xml version="1.0"?>\n<!DOCTYPE rss [ <!ENTITY % ext SYSTEM "' + uri +
                 b'"> %ext; ]>\n<rss version="2.0"><channel><title>P</title><item>'
                 b"<title>Param</title><guid>xxe-2</guid><description>P</description>"
                 b"</item></channel></rss>")
    doctype = (b'<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "' + uri + b'">\n'
               b'<rss version="2.0"><channel><title>D</title><item><title>Doc</title>'
               b"<guid>xxe-3</guid><description>D</description></item></channel></rss>")
    return {"/xxe-general": general, "/xxe-parameter": parameter, "/xxe-doctype": doctype}


def test_billion_laughs_does_not_expand_in_the_parser() -> None:
    """Parsing the document directly: memory stays small whatever the outcome, and nothing
    expanded reaches an entry."""
    def parse() -> tuple[ParsedFeed, int]:
        tracemalloc.start()
        try:
            parsed = parse_document(BILLION_LAUGHS, {"content-type": "application/rss+xml"},
                                    "https://laughs.example/feed", NOW)
            return parsed, tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    parsed, peak = hang_guard(parse)  # the guard stops a hang; bench `entity-expansion` times it
    assert peak < 16 * MIB, f"peak {peak / MIB:.1f} MiB"
    assert all(len(e.title) + len(e.text) < 10_000 for e in parsed.entries)


async def test_billion_laughs_is_bounded(feed_server: FeedServer, store: Store,
                                         workers: WorkerPool) -> None:
    """The nested entities are never expanded: the feed is read or refused, within its limits."""
    feed_server.serve("/laughs", BILLION_LAUGHS)
    feed_server.serve("/healthy", RSS)
    async with polling(store, workers) as poller:
        [outcome] = await poll_beside_healthy(poller, store, [feed_server.url("/laughs")],
                                              healthy_url(feed_server))
    assert outcome.seconds < READ_BOUND
    assert outcome.result.outcome in ("fetched", "failed"), outcome
    if outcome.result.outcome == "failed":
        assert outcome.kind == "malformed" and "not a readable feed" in outcome.reason
    assert "lollol" not in await stored_texts(store)


async def test_external_entities_read_no_file(feed_server: FeedServer, store: Store,
                                              workers: WorkerPool, tmp_path: Path) -> None:
    """SYSTEM entities (general, parameter, DTD) pointing at a local file leak nothing."""
    secret = "hunter2-newsdesk-secret"
    secret_file = tmp_path / "secret.txt"
    secret_file.write_text(secret)
    feeds = external_entity_feeds(secret_file)
    for path, body in feeds.items():
        feed_server.serve(path, body)
    feed_server.serve("/healthy", RSS)
    async with polling(store, workers) as poller:
        outcomes = await poll_beside_healthy(poller, store,
                                             [feed_server.url(p) for p in feeds],
                                             healthy_url(feed_server))
    for outcome in outcomes:
        assert outcome.seconds < READ_BOUND
        assert outcome.result.outcome in ("fetched", "failed"), outcome
        assert secret not in outcome.reason
        assert secret not in (outcome.feed.title or "")
    assert secret not in await stored_texts(store)


# A huge feed --------------------------------------------------------------------------------
#
# feedparser spends about 0.8 ms per entry and normalising and storing cost as much again: a
# 50,000-entry document (5 MB, well under the 15 MiB cap) took ~90 s of one worker here, and a
# 15 MiB one of tiny entries would take minutes. So a document is cut to its first
# `parsing.MAX_ENTRIES` (1,000) entries *before* feedparser sees it; feeds list newest first and
# no real feed publishes more than a few hundred at a time.

ENTRY_CAP = parsing.MAX_ENTRIES


def huge_feed(entries: int) -> bytes:
    items = b"".join(
        b"<item><title>Story %d</title><guid>huge-%d</guid>"
        b"<description>Body of story %d.</description></item>" % (n, n, n)
        for n in range(entries))
    return (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>' + items +
            b"</channel></rss>")


async def test_fifty_thousand_entries_in_bounded_time(
        feed_server: FeedServer, store: Store, workers: WorkerPool) -> None:
    """A 50,000-entry feed (~5 MB) within the real 15 MiB cap: its first entries, within its limits."""
    body = huge_feed(50_000)
    assert len(body) < NetworkConfig().max_body_bytes
    feed_server.serve("/huge", body)
    feed_server.serve("/healthy", RSS)
    network = replace(LIMITS, max_body_bytes=NetworkConfig().max_body_bytes)
    async with polling(store, workers, network) as poller:
        [outcome] = await poll_beside_healthy(poller, store, [feed_server.url("/huge")],
                                              healthy_url(feed_server))
    assert outcome.seconds < READ_BOUND, outcome  # its limits honoured; bench/ measures speed
    assert outcome.result.outcome == "fetched", outcome
    assert outcome.feed.item_count == ENTRY_CAP
    titles = {i.title for i in await store.items_published_between(*EVERYTHING)}
    assert "Story 0" in titles and "Story 49999" not in titles


# Bad encodings ------------------------------------------------------------------------------

LYING = {
    # Declares UTF-8 in the prolog, but carries bytes that are not UTF-8 at all.
    "/invalid-utf8": (b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                      b"<title>Bad \xff\xfe bytes</title><item><title>Caf\xe9 \xc3\x28 \x80</title>"
                      b"<guid>bad-1</guid><description>Na\xefve \xed\xa0\x80 text</description>"
                      b"</item></channel></rss>", "application/rss+xml"),
    # The header says UTF-8; the document is windows-1252.
    "/lying-header": (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Lie</title>'
                      b"<item><title>Caf\xe9 \x93quoted\x94</title><guid>lie-1</guid>"
                      b"<description>Cr\xe8me br\xfbl\xe9e</description></item></channel></rss>",
                      "application/rss+xml; charset=utf-8"),
    # The header says Latin-1; the document is UTF-8 (and says so).
    "/lying-latin1": ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                      "<title>Lie 2</title><item><title>Naïve café</title><guid>lie-2</guid>"
                      "<description>Crème brûlée</description></item></channel></rss>"
                      .encode(), "text/xml; charset=iso-8859-1"),
}


async def test_invalid_utf8_and_lying_charsets(feed_server: FeedServer, store: Store,
                                               workers: WorkerPool) -> None:
    """Wrong bytes and wrong labels never crash a poll: the items are read, text stays valid."""
    for path, (body, content_type) in LYING.items():
        feed_server.serve(path, body, content_type=content_type)
    feed_server.serve("/healthy", RSS)
    async with polling(store, workers) as poller:
        outcomes = await poll_beside_healthy(poller, store,
                                             [feed_server.url(p) for p in LYING],
                                             healthy_url(feed_server))
    for outcome in outcomes:
        assert outcome.seconds < READ_BOUND
        assert outcome.result.outcome == "fetched", outcome
        assert outcome.feed.item_count == 1
    text = await stored_texts(store)
    text.encode("utf-8")  # no lone surrogates made it into the store
    assert "Naïve café" in text


# Redirects ----------------------------------------------------------------------------------

async def test_redirect_loop_and_endless_redirects(feed_server: FeedServer, store: Store,
                                                   workers: WorkerPool) -> None:
    """A → B → A is a loop; /r/1 → /r/2 → … stops after max_redirects."""
    feed_server.redirect("/loop-a", "/loop-b")
    feed_server.redirect("/loop-b", "/loop-a")

    async def onwards(request: web.Request) -> web.StreamResponse:
        step = int(request.match_info.get("tail", "r/0").rsplit("/", 1)[-1] or 0)
        return web.Response(status=302, headers={"Location": f"/r/{step + 1}"})

    for step in range(20):
        feed_server.routes[f"/r/{step}"] = onwards
    feed_server.serve("/healthy", RSS)
    async with polling(store, workers) as poller:
        loop, endless = await poll_beside_healthy(
            poller, store, [feed_server.url("/loop-a"), feed_server.url("/r/0")],
            healthy_url(feed_server))
    assert_failed(loop, "redirect-loop", "redirect loop")
    assert_failed(endless, "too-many-redirects", "more than 3 redirects")
    assert feed_server.hits("/loop-a") == 1 and feed_server.hits("/loop-b") == 1
    assert sum(feed_server.hits(f"/r/{n}") for n in range(20)) == LIMITS.max_redirects + 1


class Names(AbstractResolver):
    """Pretend DNS: names map to lists of answers, handed out in turn (the last one repeats)."""

    def __init__(self, answers: dict[str, list[str]]) -> None:
        self.answers = answers
        self.asked: dict[str, int] = {}

    async def resolve(self, host: str, port: int = 0,
                      family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        turn = self.asked.get(host, 0)
        self.asked[host] = turn + 1
        choices = self.answers.get(host)
        if not choices:  # numeric spellings like 2130706433 go to the system, which needs no DNS
            return await DefaultResolver().resolve(host, port, family)
        address = choices[min(turn, len(choices) - 1)]
        return [ResolveResult(hostname=host, host=address, port=port, family=socket.AF_INET,
                              proto=0, flags=0)]

    async def close(self) -> None:
        return None


PRETEND_PUBLIC = "93.184.216.34"  # a public address; the pretend network routes it to loopback


class Routed(AbstractResolver):
    """The pretend network: after the guard has approved an answer, send it to 127.0.0.1."""

    def __init__(self, inner: AbstractResolver) -> None:
        self.inner = inner

    async def resolve(self, host: str, port: int = 0,
                      family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        answers = await self.inner.resolve(host, port, family)
        return [ResolveResult(hostname=a["hostname"], port=a["port"], family=a["family"],
                              proto=a["proto"], flags=a["flags"],
                              host="127.0.0.1" if a["host"] == PRETEND_PUBLIC else a["host"])
                for a in answers]

    async def close(self) -> None:
        await self.inner.close()


GUARDED = replace(LIMITS, allow_private_addresses=False)


async def test_redirect_to_a_private_address_is_refused(feed_server: FeedServer, store: Store,
                                                        workers: WorkerPool) -> None:
    """A public feed redirecting inside (127.0.0.1 in any spelling, 10.x, localhost, a name
    resolving to 10.x) is refused at that hop, before anything is sent there."""
    port = feed_server.port
    feed_server.redirect("/to-loopback", feed_server.url("/internal"))
    feed_server.redirect("/to-ten", "http://10.0.0.1/admin")
    feed_server.redirect("/to-localhost", f"http://localhost:{port}/internal")
    feed_server.redirect("/to-name", f"http://intranet.example:{port}/internal")
    feed_server.redirect("/to-decimal", f"http://2130706433:{port}/internal")  # 127.0.0.1
    feed_server.redirect("/to-mapped", f"http://[::ffff:127.0.0.1]:{port}/internal")
    feed_server.serve("/internal", RSS)
    feed_server.serve("/healthy", RSS)
    names = Names({"feeds.example": [PRETEND_PUBLIC], "intranet.example": ["10.1.2.3"],
                   "healthy.example": [PRETEND_PUBLIC]})
    connector = aiohttp.TCPConnector(resolver=Routed(PublicOnlyResolver(names)))
    async with polling(store, workers, GUARDED, connector=connector) as poller:
        outcomes = await poll_beside_healthy(
            poller, store,
            [f"http://feeds.example:{port}{path}"
             for path in ("/to-loopback", "/to-ten", "/to-localhost", "/to-name",
                          "/to-decimal", "/to-mapped")],
            f"http://healthy.example:{port}/healthy")
    loopback, ten, localhost, name, decimal, mapped = outcomes
    for outcome in (loopback, ten, decimal, mapped):
        assert_failed(outcome, "blocked-address", "private")
    assert_failed(localhost, "blocked-address", "loopback")
    # A name resolving inside reads like a name that does not resolve: members must not
    # learn which internal names exist.
    assert_failed(name, "blocked-address", "could not find the host intranet.example")
    assert feed_server.hits("/internal") == 0


async def test_name_that_flips_to_private_is_refused_at_connect(
        feed_server: FeedServer, store: Store, workers: WorkerPool) -> None:
    """DNS rebinding: a public answer at the first look-up, 127.0.0.1 at the next."""
    port = feed_server.port
    feed_server.serve("/feed", RSS.replace(b"Test Wire", b"Rebind"))
    feed_server.serve("/healthy", RSS)
    names = Names({"rebind.example": [PRETEND_PUBLIC, "127.0.0.1"],
                   "healthy.example": [PRETEND_PUBLIC]})
    guard = PublicOnlyResolver(names)
    # Whatever looked the name up earlier (a check when the feed was added, say) saw a public
    # address; that look-up must not vouch for the connection made later.
    [first] = await guard.resolve("rebind.example", port)
    assert first["host"] == PRETEND_PUBLIC
    connector = aiohttp.TCPConnector(resolver=Routed(guard))
    async with polling(store, workers, GUARDED, connector=connector) as poller:
        [outcome] = await poll_beside_healthy(
            poller, store, [f"http://rebind.example:{port}/feed"],
            f"http://healthy.example:{port}/healthy")
    assert_failed(outcome, "blocked-address", "could not find the host rebind.example")
    assert names.asked["rebind.example"] == 2
    assert feed_server.hits("/feed") == 0


async def test_rebinding_between_polls_is_refused(feed_server: FeedServer, store: Store,
                                                  workers: WorkerPool) -> None:
    """The first poll connects to the public answer; the next poll's answer is checked anew."""
    port = feed_server.port
    feed_server.serve("/feed", RSS.replace(b"Test Wire", b"Rebind"))
    names = Names({"rebind.example": [PRETEND_PUBLIC, "127.0.0.1"]})
    # No pooled connection or cached answer to hide the second look-up (the bot caches only
    # answers that passed the guard, so a cache could only ever replay a public address).
    connector = aiohttp.TCPConnector(resolver=Routed(PublicOnlyResolver(names)),
                                     use_dns_cache=False, force_close=True)
    async with polling(store, workers, GUARDED, connector=connector) as poller:
        feed = await store.add_feed(f"http://rebind.example:{port}/feed", now=NOW)
        first = await poller.poll_feed(feed, NOW)
        assert (first.outcome, first.new) == ("fetched", HEALTHY_ITEMS)
        second = await poller.poll_feed(await store.get_feed(feed.id), NOW + timedelta(hours=1))
    assert second.outcome == "failed"
    [error, *_] = await store.feed_errors(feed.id)
    assert error.kind == "blocked-address"
    assert feed_server.hits("/feed") == 1

