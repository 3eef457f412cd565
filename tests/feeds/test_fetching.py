"""The fetcher against a real HTTP server on 127.0.0.1: caching, redirects, limits, errors."""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import socket
from dataclasses import replace
from datetime import timedelta

import aiohttp
import pytest
from aiohttp import web
from aiohttp.abc import AbstractResolver, ResolveResult

from digests.config import NetworkConfig
from digests.errors import BlockedAddress, FetchError
from digests.feeds.addresses import PublicOnlyResolver, check_url_host, is_public_address, literal_address
from digests.feeds.fetching import Fetcher, HostCoolingDown, RateLimited

from conftest import NOW, fixture_bytes
from feedserver import FeedServer

RSS = fixture_bytes("rss20.xml")


async def test_user_agent_and_conditional_requests(feed_server: FeedServer, fetcher: Fetcher) -> None:
    """The first GET is plain and identified; the next sends the validators and gets a 304."""
    feed_server.serve("/feed", RSS, etag='"v1"', last_modified="Wed, 02 Mar 2022 10:00:00 GMT")
    first = await fetcher.fetch(feed_server.url("/feed"), now=NOW)
    assert (first.status, first.body, first.etag) == (200, RSS, '"v1"')
    second = await fetcher.fetch(feed_server.url("/feed"), now=NOW, etag=first.etag,
                                 last_modified=first.last_modified)
    assert second.not_modified and second.body == b""
    (_, plain), (_, conditional) = feed_server.requests
    assert plain["User-Agent"].startswith("Newsdesk-test/1.0")
    assert "If-None-Match" not in plain
    assert conditional["If-None-Match"] == '"v1"'
    assert conditional["If-Modified-Since"] == "Wed, 02 Mar 2022 10:00:00 GMT"


async def test_gzip_is_decoded(feed_server: FeedServer, fetcher: Fetcher) -> None:
    """A gzip-encoded body arrives decoded."""
    feed_server.serve("/gz", gzip.compress(RSS), headers={"Content-Encoding": "gzip"})
    assert (await fetcher.fetch(feed_server.url("/gz"), now=NOW)).body == RSS


async def test_cache_hints_are_reported(feed_server: FeedServer, fetcher: Fetcher) -> None:
    """Cache-Control max-age comes back as the document's lifetime."""
    feed_server.serve("/cached", RSS, headers={"Cache-Control": "public, max-age=1800"})
    assert (await fetcher.fetch(feed_server.url("/cached"), now=NOW)).cache_seconds == 1800


async def test_temporary_redirects_do_not_move_the_feed(feed_server: FeedServer,
                                                        fetcher: Fetcher) -> None:
    """302 → 307 → feed: the body arrives and the stored URL stays."""
    feed_server.redirect("/a", "/b", 302)
    feed_server.redirect("/b", feed_server.url("/c"), 307)
    feed_server.serve("/c", RSS)
    fetched = await fetcher.fetch(feed_server.url("/a"), now=NOW)
    assert (fetched.body, fetched.moved_to) == (RSS, None)


async def test_permanent_redirect_moves_the_feed(feed_server: FeedServer, fetcher: Fetcher) -> None:
    """301 → 308 → feed: the feed's new URL is the last permanent hop."""
    feed_server.redirect("/old", "/older", 301)
    feed_server.redirect("/older", "/new", 308)
    feed_server.serve("/new", RSS)
    fetched = await fetcher.fetch(feed_server.url("/old"), now=NOW)
    assert fetched.moved_to == feed_server.url("/new")


async def test_permanent_after_temporary_does_not_move(feed_server: FeedServer,
                                                       fetcher: Fetcher) -> None:
    """Only an unbroken chain of permanent redirects moves the feed."""
    feed_server.redirect("/t", "/p", 302)
    feed_server.redirect("/p", "/final", 301)
    feed_server.serve("/final", RSS)
    assert (await fetcher.fetch(feed_server.url("/t"), now=NOW)).moved_to is None


async def test_redirect_loop(feed_server: FeedServer, fetcher: Fetcher) -> None:
    """A loop is reported as such, not followed forever."""
    feed_server.redirect("/x", "/y")
    feed_server.redirect("/y", "/x")
    with pytest.raises(FetchError) as caught:
        await fetcher.fetch(feed_server.url("/x"), now=NOW)
    assert caught.value.kind == "redirect-loop"


async def test_at_most_five_redirects(feed_server: FeedServer, fetcher: Fetcher) -> None:
    """Five redirects are followed; a sixth is refused."""
    for hop in range(6):
        feed_server.redirect(f"/r{hop}", f"/r{hop + 1}")
    feed_server.serve("/r6", RSS)
    with pytest.raises(FetchError) as caught:
        await fetcher.fetch(feed_server.url("/r0"), now=NOW)
    assert caught.value.kind == "too-many-redirects"
    assert (await fetcher.fetch(feed_server.url("/r1"), now=NOW)).body == RSS


@pytest.mark.parametrize(("status", "kind"), [(404, "http"), (500, "http"), (410, "gone")])
async def test_error_statuses(feed_server: FeedServer, fetcher: Fetcher, status: int,
                              kind: str) -> None:
    """Error statuses become FetchErrors with a kind and the status."""
    feed_server.status("/err", status)
    with pytest.raises(FetchError) as caught:
        await fetcher.fetch(feed_server.url("/err"), now=NOW)
    assert (caught.value.kind, caught.value.status) == (kind, status)


async def test_429_cools_the_host_down(feed_server: FeedServer, fetcher: Fetcher) -> None:
    """429 with Retry-After: the host is left alone until then, even for other feeds on it."""
    feed_server.status("/limited", 429, {"Retry-After": "120"})
    feed_server.serve("/other", RSS)
    with pytest.raises(RateLimited) as caught:
        await fetcher.fetch(feed_server.url("/limited"), now=NOW)
    assert caught.value.retry_after == 120
    with pytest.raises(HostCoolingDown) as cooling:
        await fetcher.fetch(feed_server.url("/other"), now=NOW + timedelta(seconds=60))
    assert cooling.value.until == NOW + timedelta(seconds=120)
    assert feed_server.hits("/other") == 0
    later = await fetcher.fetch(feed_server.url("/other"), now=NOW + timedelta(seconds=121))
    assert later.body == RSS


async def test_503_without_retry_after_uses_the_default_cool_down(feed_server: FeedServer,
                                                                  fetcher: Fetcher) -> None:
    """503 with no Retry-After cools the host down for the configured default."""
    feed_server.status("/busy", 503)
    with pytest.raises(RateLimited):
        await fetcher.fetch(feed_server.url("/busy"), now=NOW)
    assert fetcher.cooling_until(feed_server.url("/x"), NOW) == NOW + timedelta(seconds=300)


async def test_slow_server_times_out(feed_server: FeedServer, network: NetworkConfig) -> None:
    """A server slower than the read timeout gives a timeout error, not a hang."""
    released = asyncio.Event()

    async def slow(_: web.Request) -> web.StreamResponse:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(released.wait(), 10)
        return web.Response(body=RSS)

    feed_server.routes["/slow"] = slow
    quick = replace(network, read_timeout_seconds=0.3, total_timeout_seconds=1.0)
    async with aiohttp.ClientSession() as session:
        fetcher = Fetcher(session, quick, "test")
        with pytest.raises(FetchError) as caught:
            await fetcher.fetch(feed_server.url("/slow"), now=NOW)
    released.set()
    assert caught.value.kind == "timeout"


async def test_oversized_body_is_cut_off_while_streaming(feed_server: FeedServer,
                                                         network: NetworkConfig) -> None:
    """A body over the cap is refused as it streams in, without a Content-Length to go by."""
    sent = 0

    async def endless(request: web.Request) -> web.StreamResponse:
        nonlocal sent
        response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        try:
            for _ in range(1000):
                await response.write(b"x" * 65536)
                sent += 65536
        except (ConnectionError, RuntimeError):
            pass
        return response

    feed_server.routes["/huge"] = endless
    capped = replace(network, max_body_bytes=256 * 1024)
    async with aiohttp.ClientSession() as session:
        with pytest.raises(FetchError) as caught:
            await Fetcher(session, capped, "test").fetch(feed_server.url("/huge"), now=NOW)
    assert caught.value.kind == "too-large"
    assert sent < 1000 * 65536


async def test_declared_oversized_body_is_refused(feed_server: FeedServer,
                                                  network: NetworkConfig) -> None:
    """A Content-Length over the cap is refused before reading."""
    feed_server.serve("/big", b"y" * 300_000)
    async with aiohttp.ClientSession() as session:
        fetcher = Fetcher(session, replace(network, max_body_bytes=100_000), "test")
        with pytest.raises(FetchError, match="more than 97 KiB"):
            await fetcher.fetch(feed_server.url("/big"), now=NOW)


async def test_web_page_leads_to_its_feed(feed_server: FeedServer, fetcher: Fetcher) -> None:
    """A web page is searched for <link rel=alternate> and the feed behind it is fetched."""
    feed_server.serve("/", fixture_bytes("page.html"), content_type="text/html; charset=utf-8")
    feed_server.serve("/feeds/wire.xml", RSS)
    fetched = await fetcher.fetch_feed(feed_server.url("/"), now=NOW)
    assert (fetched.body, fetched.moved_to) == (RSS, feed_server.url("/feeds/wire.xml"))


async def test_web_page_without_a_feed(feed_server: FeedServer, fetcher: Fetcher) -> None:
    """A web page with no feed link is reported plainly."""
    feed_server.serve("/plain", "<!doctype html><html><body>hi</body></html>",
                      content_type="text/html")
    with pytest.raises(FetchError) as caught:
        await fetcher.fetch_feed(feed_server.url("/plain"), now=NOW)
    assert caught.value.kind == "not-a-feed"


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/feed", "file:///etc/passwd", "javascript:alert(1)"])
async def test_only_http_and_https(fetcher: Fetcher, url: str) -> None:
    """Other schemes are refused before anything is sent."""
    with pytest.raises(FetchError) as caught:
        await fetcher.fetch(url, now=NOW)
    assert caught.value.kind == "bad-url"


# Private addresses ---------------------------------------------------------------------------

@pytest.mark.parametrize(("address", "public"), [
    ("127.0.0.1", False), ("10.1.2.3", False), ("172.16.0.1", False), ("192.168.1.1", False),
    ("169.254.169.254", False), ("224.0.0.1", False), ("0.0.0.0", False), ("240.0.0.1", False),
    ("100.64.0.1", False), ("::1", False), ("fe80::1", False), ("fc00::1", False),
    ("::ffff:127.0.0.1", False), ("93.184.216.34", True), ("2606:4700::1111", True),
])
def test_address_classes(address: str, public: bool) -> None:
    """Private, loopback, link-local, multicast, reserved and shared ranges are not public."""
    parsed = literal_address(address)
    assert parsed is not None
    assert is_public_address(parsed) is public


async def test_private_literal_refused_without_the_setting(feed_server: FeedServer) -> None:
    """A feed on 127.0.0.1 is refused unless network.allow_private_addresses is set."""
    feed_server.serve("/feed", RSS)
    async with aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(resolver=PublicOnlyResolver())) as session:
        fetcher = Fetcher(session, NetworkConfig(), "test")
        with pytest.raises(BlockedAddress):
            await fetcher.fetch(feed_server.url("/feed"), now=NOW)
        with pytest.raises(BlockedAddress):
            await fetcher.fetch(f"http://localhost:{feed_server.port}/feed", now=NOW)
    assert feed_server.requests == []


class _PretendDNS(AbstractResolver):
    """Resolves every name to 127.0.0.1: stands in for a DNS record pointing inside."""

    async def resolve(self, host: str, port: int = 0,
                      family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        return [ResolveResult(hostname=host, host="127.0.0.1", port=port, family=socket.AF_INET,
                              proto=0, flags=0)]

    async def close(self) -> None:
        return None


async def test_name_resolving_to_private_refused_at_connect(feed_server: FeedServer) -> None:
    """A harmless-looking name whose address is private is refused when connecting."""
    feed_server.serve("/feed", RSS)
    guarded = aiohttp.TCPConnector(resolver=PublicOnlyResolver(_PretendDNS()))
    async with aiohttp.ClientSession(connector=guarded) as session:
        fetcher = Fetcher(session, NetworkConfig(), "test")
        with pytest.raises(BlockedAddress):
            await fetcher.fetch(f"http://feeds.news.example:{feed_server.port}/feed", now=NOW)
    assert feed_server.requests == []


async def test_redirect_to_private_address_refused(feed_server: FeedServer) -> None:
    """Every redirect hop is checked: a public feed redirecting to 127.0.0.1 is refused."""
    feed_server.redirect("/feed", feed_server.url("/internal"))
    feed_server.serve("/internal", RSS)
    unguarded = aiohttp.TCPConnector(resolver=_PretendDNS())  # lets the first hop through
    async with aiohttp.ClientSession(connector=unguarded) as session:
        fetcher = Fetcher(session, NetworkConfig(), "test")
        with pytest.raises(BlockedAddress):
            await fetcher.fetch(f"http://feeds.news.example:{feed_server.port}/feed", now=NOW)
    assert feed_server.hits("/internal") == 0


def test_loopback_names_refused_by_url() -> None:
    """'localhost' and its subdomains are refused from the URL alone."""
    for url in ("http://localhost/feed", "http://api.localhost:8080/x", "http://[::1]/f"):
        with pytest.raises(BlockedAddress):
            check_url_host(url)
    check_url_host("https://feeds.example.org/rss")


async def test_feed_behind_an_html_doctype_is_a_feed(feed_server: FeedServer,
                                                     fetcher: Fetcher) -> None:
    """A feed whose generator put `<!DOCTYPE html>` above `<feed>` is read as a feed."""
    body = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html><feed '
            b'xmlns="http://www.w3.org/2005/Atom"><title>T</title></feed>')
    feed_server.serve("/odd", body, content_type="application/atom+xml")
    fetched = await fetcher.fetch_feed(feed_server.url("/odd"), now=NOW)
    assert (fetched.body, fetched.moved_to) == (body, None)
