"""Fetching feeds politely and defensively over one shared aiohttp session.

Redirects are followed by hand so that every hop is checked (scheme, address) and counted;
bodies are streamed against a size cap; each host gets a small concurrency limit and a
cool-down when it answers 429 or 503. Errors come out as `FetchError` with a stable `kind`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import urljoin, urlsplit

import aiohttp

from digests.config import NetworkConfig
from digests.errors import BlockedAddress, FetchError
from digests.feeds.addresses import PrivateAddressRefused, check_url_host
from digests.feeds.discovery import find_feed_links, looks_like_html
from digests.feeds.pacing import cache_lifetime, retry_after_seconds
from digests.urls import host_of, is_http_url

log = logging.getLogger(__name__)

ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.5, */*;q=0.1"
)
_REDIRECTS = {301, 302, 303, 307, 308}
_PERMANENT = {301, 308}
_CHUNK = 64 * 1024


class RateLimited(FetchError):
    """The host asked us to slow down (429/503); `retry_after` seconds, if it said."""

    def __init__(self, status: int, retry_after: int | None, host: str) -> None:
        self.retry_after = retry_after
        wait = f", retry after {retry_after} s" if retry_after is not None else ""
        super().__init__("rate-limited", f"HTTP {status} from {host}{wait}", status=status)


class HostCoolingDown(FetchError):
    """We are waiting out a host's cool-down and did not contact it."""

    def __init__(self, host: str, until: datetime) -> None:
        self.until = until
        super().__init__("cooling-down", f"{host} asked us to wait until {until:%H:%M:%S} UTC")


@dataclass(frozen=True, slots=True)
class Fetched:
    """A feed document, or a 304 saying the stored one is still current."""

    url: str
    status: int
    body: bytes
    headers: Mapping[str, str]
    moved_to: str | None = None
    cache_seconds: int | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")


@dataclass(slots=True)
class _HostGate:
    semaphore: asyncio.Semaphore
    cool_until: datetime | None = None


@dataclass(frozen=True, slots=True)
class _Response:
    status: int
    headers: dict[str, str]
    body: bytes = b""


@dataclass(slots=True)
class _Hops:
    seen: list[str] = field(default_factory=list)
    permanent_url: str | None = None
    unbroken: bool = True


class Fetcher:
    """Fetches feed documents. It holds no feed state: that lives in the store."""

    def __init__(self, session: aiohttp.ClientSession, network: NetworkConfig,
                 user_agent: str) -> None:
        self._session = session
        self._net = network
        self._headers = {"User-Agent": user_agent, "Accept": ACCEPT}
        self._timeout = aiohttp.ClientTimeout(
            total=network.total_timeout_seconds, sock_connect=network.connect_timeout_seconds,
            sock_read=network.read_timeout_seconds)
        self._gates: dict[str, _HostGate] = {}

    def cooling_until(self, url: str, now: datetime) -> datetime | None:
        gate = self._gates.get(host_of(url))
        if gate is None or gate.cool_until is None or gate.cool_until <= now:
            return None
        return gate.cool_until

    async def fetch_feed(self, url: str, *, now: datetime, etag: str | None = None,
                         last_modified: str | None = None) -> Fetched:
        """Fetch a feed; a web page in its place is searched for its feed link."""
        fetched = await self.fetch(url, now=now, etag=etag, last_modified=last_modified)
        if fetched.not_modified or not looks_like_html(fetched.body,
                                                       fetched.headers.get("content-type")):
            return fetched
        links = [link for link in find_feed_links(fetched.body, fetched.url) if link != url]
        if not links:
            raise FetchError("not-a-feed", f"{fetched.url} is a web page with no feed link")
        found = await self.fetch(links[0], now=now)
        if looks_like_html(found.body, found.headers.get("content-type")):
            raise FetchError("not-a-feed", f"the feed link of {url} leads to another web page")
        log.info("feed discovered url=%s feed=%s", url, found.url)
        return Fetched(found.url, found.status, found.body, found.headers,
                       moved_to=found.moved_to or found.url, cache_seconds=found.cache_seconds)

    async def fetch(self, url: str, *, now: datetime, etag: str | None = None,
                    last_modified: str | None = None) -> Fetched:
        """GET a URL, following up to `max_redirects` redirects, each one checked."""
        hops = _Hops()
        current = url
        conditional = _conditional_headers(etag, last_modified)
        for _ in range(self._net.max_redirects + 1):
            self._check_target(current, now)
            hops.seen.append(current)
            response = await self._get(current, conditional)
            if response.status not in _REDIRECTS:
                return self._finish(current, response, hops, now)
            current = _follow(current, response, hops)
        raise FetchError("too-many-redirects",
                         f"more than {self._net.max_redirects} redirects from {url}")

    def _check_target(self, url: str, now: datetime) -> None:
        if not is_http_url(url):
            raise FetchError("bad-url", f"only http and https URLs can be fetched, not {url!r}")
        if not self._net.allow_private_addresses:
            check_url_host(url)
        until = self.cooling_until(url, now)
        if until is not None:
            raise HostCoolingDown(host_of(url), until)

    async def _get(self, url: str, conditional: dict[str, str]) -> _Response:
        gate = self._gate(url)
        async with gate.semaphore:
            try:
                return await self._request(url, conditional)
            except FetchError:
                raise
            except TimeoutError as exc:
                raise FetchError("timeout", self._timed_out(url, exc)) from exc
            except aiohttp.InvalidURL as exc:  # e.g. 2130706433, a non-canonical 127.0.0.1
                raise FetchError("bad-url", "not a usable URL") from exc
            except aiohttp.ClientError as exc:
                raise _network_error(url, exc) from exc

    async def _request(self, url: str, conditional: dict[str, str]) -> _Response:
        async with self._session.get(
            url, headers={**self._headers, **conditional}, allow_redirects=False,
            timeout=self._timeout,
        ) as resp:
            headers = {k.lower(): v for k, v in resp.headers.items()}
            if resp.status != 200:
                return _Response(resp.status, headers)
            return _Response(200, headers, await self._read_capped(resp, url))

    def _timed_out(self, url: str, exc: TimeoutError) -> str:
        """Which of the three timeouts ran out, in words."""
        host = host_of(url)
        if isinstance(exc, aiohttp.ConnectionTimeoutError):
            return (f"timed out: could not connect to {host} within "
                    f"{self._net.connect_timeout_seconds:g} s")
        if isinstance(exc, aiohttp.SocketTimeoutError):
            return f"timed out: {host} sent nothing for {self._net.read_timeout_seconds:g} s"
        return (f"timed out: no complete answer from {host} within "
                f"{self._net.total_timeout_seconds:g} s")

    async def _read_capped(self, resp: aiohttp.ClientResponse, url: str) -> bytes:
        """The body, decoded, refused as soon as it passes the cap.

        The cap is on the decoded size: aiohttp inflates gzip/deflate/br in bounded pieces as
        the body is read, so a small compressed body that inflates past the cap (a "gzip bomb")
        is cut off after at most one piece beyond the cap, never inflated whole.
        """
        cap = self._net.max_body_bytes
        encoding = resp.headers.get("Content-Encoding", "").strip().lower()
        encoded = encoding not in ("", "identity")
        if resp.content_length is not None and resp.content_length > cap:
            raise _too_large(url, cap, None)  # the length on the wire is already too much
        chunks: list[bytes] = []
        size = 0
        async for chunk in resp.content.iter_chunked(_CHUNK):
            size += len(chunk)
            if size > cap:
                raise _too_large(url, cap, encoding if encoded else None)
            chunks.append(chunk)
        return b"".join(chunks)

    def _finish(self, url: str, response: _Response, hops: _Hops, now: datetime) -> Fetched:
        status = response.status
        if status in (429, 503):
            retry = retry_after_seconds(response.headers.get("retry-after"), now)
            self._cool_down(url, now, retry)
            raise RateLimited(status, retry, host_of(url))
        if status == 410:
            raise FetchError("gone", f"{url} is gone (HTTP 410)", status=410)
        if status not in (200, 304):
            raise FetchError("http", f"HTTP {status} from {url}", status=status)
        return Fetched(url, status, response.body, response.headers, moved_to=hops.permanent_url,
                       cache_seconds=cache_lifetime(response.headers, now))

    def _cool_down(self, url: str, now: datetime, retry_after: int | None) -> None:
        seconds = retry_after if retry_after is not None else self._net.default_cooldown_seconds
        gate = self._gate(url)
        until = now + timedelta(seconds=seconds)
        gate.cool_until = max(until, gate.cool_until) if gate.cool_until else until
        log.warning("host cooling down host=%s seconds=%s", host_of(url), seconds)

    def _gate(self, url: str) -> _HostGate:
        host = host_of(url)
        gate = self._gates.get(host)
        if gate is None:
            gate = self._gates[host] = _HostGate(asyncio.Semaphore(self._net.per_host_concurrency))
        return gate


def _conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _follow(current: str, response: _Response, hops: _Hops) -> str:
    location = response.headers.get("location")
    if not location:
        raise FetchError("http", f"HTTP {response.status} redirect without a Location from {current}")
    target = urljoin(current, location.strip())
    if target in hops.seen:
        raise FetchError("redirect-loop", f"redirect loop at {target}")
    if response.status in _PERMANENT and hops.unbroken:
        hops.permanent_url = target
    else:
        hops.unbroken = False
    return target


def _network_error(url: str, exc: aiohttp.ClientError) -> FetchError:
    """The failure in words that reveal nothing of the network behind the host: no address,
    port or system message (those could map a private network), which stay in the log."""
    host = host_of(url)
    log.info("network error url=%s error=%s: %s", url, type(exc).__name__, exc)
    if isinstance(exc, aiohttp.ClientConnectorError) and isinstance(exc.os_error, PrivateAddressRefused):
        return BlockedAddress(f"{host} is not a public address")
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return FetchError("network", f"could not find the host {host}")
    if isinstance(exc, aiohttp.ClientSSLError | aiohttp.ClientConnectorCertificateError):
        return FetchError("network", f"the secure connection to {host} failed")
    if isinstance(exc, aiohttp.ClientConnectorError):
        return FetchError("network", f"could not connect to {host}")
    if isinstance(exc, aiohttp.ServerDisconnectedError | aiohttp.ClientConnectionResetError):
        return FetchError("network", f"{host} closed the connection before answering")
    if isinstance(exc, aiohttp.ClientPayloadError | aiohttp.ClientResponseError):
        return FetchError("network", f"{host} sent a response that could not be read")
    return FetchError("network", f"the connection to {host} failed")


def _too_large(url: str, cap: int, encoding: str | None) -> FetchError:
    inflated = f" once decompressed ({encoding})" if encoding else ""
    return FetchError("too-large", f"too large: {urlsplit(url).netloc} sent more than "
                                   f"{cap // 1024} KiB{inflated}")
