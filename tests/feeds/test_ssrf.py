"""Private addresses in any spelling: the host is judged as the HTTP client will connect to
it, and the socket factory refuses every private address, literal or resolved, as a backstop."""

from __future__ import annotations

import socket

import aiohttp
import pytest
from aiohttp.abc import AbstractResolver, ResolveResult

from digests.config import NetworkConfig, PollingConfig
from digests.errors import BlockedAddress, FetchError
from digests.feeds.addresses import PrivateAddressRefused, check_url_host, connect_host, connector_for
from digests.feeds.fetching import Fetcher
from digests.feeds.polling import Poller
from digests.feeds.reading import FeedReader
from digests.runtime.workers import WorkerPool
from digests.store.core import Store

from conftest import NOW
from feedserver import FeedServer

RSS = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Inside</title><item>'
       "<title>Secret</title><guid>s</guid></item></channel></rss>")

# Spellings of 127.0.0.1 and localhost that a URL parser sees as names, but that the HTTP
# client (IDNA through yarl) or the system's resolver turns into the loopback address.
SPELLINGS = [
    "１２７．０．０．１",          # full-width digits and full stops
    "127。0。0。1",                 # ideographic full stops
    "⑫⑦.0.0.1",                    # circled numbers
    "１２7.0.0.1",                  # mixed widths
    "①②⑦.０.０.１",
    "127.1",                        # shorthand the resolver accepts
    "0x7f.0.0.1",                   # hexadecimal
    "0177.0.0.1",                   # octal
    "2130706433",                   # one integer
    "[::ffff:127.0.0.1]",           # IPv4-mapped IPv6
    "[::1]",
    "localhost.",                   # trailing dot
    "ｌｏｃａｌｈｏｓｔ",            # full-width letters
    "LocalHost",
    "api.localhost.",
]


@pytest.mark.parametrize("host", SPELLINGS)
def test_every_spelling_of_a_private_host_is_refused_from_the_url(host: str) -> None:
    with pytest.raises(BlockedAddress):
        check_url_host(f"http://{host}:8080/feed")


def test_the_host_is_judged_as_the_client_connects_to_it() -> None:
    assert connect_host("http://１２７．０．０．１:81/x") == "127.0.0.1"
    assert connect_host("http://Feeds.Example.ORG./rss") == "feeds.example.org"
    check_url_host("https://ｆｅｅｄｓ.example.org/rss")  # a public name, however written
    check_url_host("http://1e100.net/")


@pytest.mark.parametrize("host", ["１２７．０．０．１", "127。0。0。1", "⑫⑦.0.0.1"])
async def test_fullwidth_literal_never_reaches_the_server(feed_server: FeedServer, host: str) -> None:
    """Through the fetcher with no connect-time guard at all, the URL check alone refuses it."""
    feed_server.serve("/feed", RSS)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector()) as session:
        fetcher = Fetcher(session, NetworkConfig(), "test")
        with pytest.raises(BlockedAddress):
            await fetcher.fetch(f"http://{host}:{feed_server.port}/feed", now=NOW)
    assert feed_server.requests == []


async def test_socket_guard_refuses_literals_the_url_check_never_saw(feed_server: FeedServer) -> None:
    """The backstop: the session itself will not connect to a private literal."""
    feed_server.serve("/feed", RSS)
    async with aiohttp.ClientSession(connector=connector_for(False)) as session:
        with pytest.raises(aiohttp.ClientConnectorError) as caught:
            await session.get(feed_server.url("/feed"))
        assert isinstance(caught.value.os_error, PrivateAddressRefused)
        with pytest.raises(aiohttp.ClientConnectorError):
            await session.get(f"http://１２７．０．０．１:{feed_server.port}/feed")
    assert feed_server.requests == []


async def test_socket_guard_refusal_reads_as_a_blocked_address(feed_server: FeedServer,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Should the URL check ever miss a spelling, the fetcher still fails as blocked, plainly."""
    monkeypatch.setattr("digests.feeds.fetching.check_url_host", lambda url: None)
    async with aiohttp.ClientSession(connector=connector_for(False)) as session:
        fetcher = Fetcher(session, NetworkConfig(), "test")
        with pytest.raises(BlockedAddress) as caught:
            await fetcher.fetch(feed_server.url("/feed"), now=NOW)
    assert str(caught.value) == "127.0.0.1 is not a public address"
    assert feed_server.requests == []


class _PretendDNS(AbstractResolver):
    """Resolves every name to 127.0.0.1: lets a "public" first hop reach the test server."""

    async def resolve(self, host: str, port: int = 0,
                      family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        return [ResolveResult(hostname=host, host="127.0.0.1", port=port, family=socket.AF_INET,
                              proto=0, flags=0)]

    async def close(self) -> None:
        return None


async def test_redirect_to_a_fullwidth_private_host_refused(feed_server: FeedServer) -> None:
    feed_server.redirect("/feed", f"http://１２７．０．０．１:{feed_server.port}/internal")
    feed_server.serve("/internal", RSS)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(resolver=_PretendDNS())) as session:
        fetcher = Fetcher(session, NetworkConfig(), "test")
        with pytest.raises(BlockedAddress):
            await fetcher.fetch(f"http://feeds.news.example:{feed_server.port}/feed", now=NOW)
    assert feed_server.hits("/internal") == 0


async def test_discovered_feed_link_to_a_fullwidth_private_host_refused(feed_server: FeedServer) -> None:
    page = (f'<!doctype html><html><head><link rel="alternate" type="application/rss+xml" '
            f'href="http://１２７．０．０．１:{feed_server.port}/internal"></head><body>Hi</body></html>')
    feed_server.serve("/page", page, content_type="text/html")
    feed_server.serve("/internal", RSS)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(resolver=_PretendDNS())) as session:
        fetcher = Fetcher(session, NetworkConfig(), "test")
        with pytest.raises(BlockedAddress):
            await fetcher.fetch_feed(f"http://news.example:{feed_server.port}/page", now=NOW)
    assert feed_server.hits("/internal") == 0


async def test_full_text_of_a_fullwidth_private_link_is_not_fetched(feed_server: FeedServer,
                                                                    store: Store) -> None:
    pytest.importorskip("trafilatura", exc_type=ImportError, reason="the fulltext extra")
    from digests.feeds.fulltext import full_text_enricher

    link = f"http://１２７．０．０．１:{feed_server.port}/article"
    feed_server.serve("/feed", RSS.replace("<guid>s</guid>", f"<guid>s</guid><link>{link}</link>"))
    feed_server.serve("/article", "<html><body><article><p>Internal</p></article></body></html>",
                      content_type="text/html")
    workers = WorkerPool(1)
    try:
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(resolver=_PretendDNS())) as session:
            fetcher = Fetcher(session, NetworkConfig(), "test")
            config = PollingConfig()
            poller = Poller(store, fetcher, FeedReader(workers).parse, config,
                            full_text=full_text_enricher(fetcher, workers, config))
            feed = await store.add_feed(f"http://news.example:{feed_server.port}/feed", now=NOW,
                                        full_text=True)
            assert (await poller.poll_feed(feed, NOW)).outcome == "fetched"
    finally:
        workers.close()
    assert feed_server.hits("/article") == 0


async def test_network_errors_say_nothing_of_the_network(feed_server: FeedServer,
                                                         fetcher: Fetcher) -> None:
    """A refused connection reads the same whatever refused it: no address, port or errno."""
    await feed_server.stop()
    with pytest.raises(FetchError) as caught:
        await fetcher.fetch(f"http://127.0.0.1:{feed_server.port}/feed", now=NOW)
    assert str(caught.value) == "could not connect to 127.0.0.1"
    with pytest.raises(FetchError) as caught:
        await fetcher.fetch("http://no-such-host.invalid/feed", now=NOW)
    assert str(caught.value) == "could not find the host no-such-host.invalid"
