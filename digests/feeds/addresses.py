"""Refusing feed URLs that point into private networks.

The host is judged exactly as the HTTP client will connect to it: yarl normalises it first
(IDNA turns full-width digits and ideographic full stops into "127.0.0.1"), and the check runs
on that. It happens three times: on the URL of every request, redirect hop and discovered
link; inside the resolver the session connects through, so a name that resolves to a private
address is refused whatever it resolved to earlier; and, as the backstop for every literal and
every name, on the very address a socket is about to connect to (`connector_for`).
"""

from __future__ import annotations

import errno
import ipaddress
import socket
from typing import Any

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver
from yarl import URL

from digests.errors import BlockedAddress, FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def is_public_address(address: IPAddress) -> bool:
    """True for an address on the public internet; false for private, loopback and the like."""
    if isinstance(address, ipaddress.IPv6Address):
        mapped = address.ipv4_mapped or address.sixtofour
        if mapped is not None:
            return is_public_address(mapped)
    return not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or not address.is_global
    )


def literal_address(host: str) -> IPAddress | None:
    """The IP address written in a URL's host, or None when the host is a name."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def connect_host(url: str) -> str:
    """The host the HTTP client will connect to: normalised as yarl does it for aiohttp
    (IDNA, Unicode compatibility forms), lower case, without a trailing dot."""
    try:
        host = URL(url.strip()).host or ""
    except (ValueError, TypeError) as exc:
        raise FetchError("bad-url", "not a usable URL") from exc
    return host.lower().rstrip(".")


def check_url_host(url: str) -> None:
    """Raise `BlockedAddress` when the URL's host, as the client will connect to it, is a
    non-public IP address in any spelling the system accepts, or a loopback name."""
    host = connect_host(url)
    address = literal_address(host) or _ipv4_shorthand(host)
    if address is not None and not is_public_address(address):
        raise BlockedAddress(f"{host} is a private or reserved address")
    if host == "localhost" or host.endswith(".localhost"):
        raise BlockedAddress(f"{host} is a loopback name, a private address")


def _ipv4_shorthand(host: str) -> ipaddress.IPv4Address | None:
    """An IPv4 address in a form the system's resolver accepts though it is no literal to
    aiohttp: "127.1", "0x7f.0.0.1", "0177.0.0.1", "2130706433"."""
    if not host or not all(c in "0123456789abcdefx." for c in host) or not host[0].isdigit():
        return None
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        return None


class PublicOnlyResolver(AbstractResolver):
    """A resolver that drops private addresses and refuses names that resolve to nothing else."""

    def __init__(self, inner: AbstractResolver | None = None) -> None:
        self._inner = inner or DefaultResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        results = await self._inner.resolve(host, port, family)
        public = [r for r in results if is_public_address(ipaddress.ip_address(r["host"]))]
        if not public:
            # Worded as a name that does not resolve: members must not learn which internal
            # names exist. The kind tells the operator's tools it was refused.
            raise BlockedAddress(f"could not find the host {host}")
        return public

    async def close(self) -> None:
        await self._inner.close()


def resolver_for(allow_private_addresses: bool, **kwargs: Any) -> AbstractResolver:
    """The resolver an HTTP session should use under the operator's setting."""
    inner = DefaultResolver(**kwargs)
    return inner if allow_private_addresses else PublicOnlyResolver(inner)


class PrivateAddressRefused(OSError):
    """A socket was about to connect to a private address: the connection is never made."""


def public_socket(addr_info: tuple[Any, ...]) -> socket.socket:
    """aiohttp's socket factory, refusing to connect anywhere but a public address: the last
    check, which sees the address itself, whether the URL held a name or a literal."""
    family, type_, proto, _, address = addr_info
    if not is_public_address(ipaddress.ip_address(str(address[0]).partition("%")[0])):
        raise PrivateAddressRefused(errno.EACCES, "not a public address")
    return socket.socket(family=family, type=type_, proto=proto)


def connector_for(allow_private_addresses: bool, **kwargs: Any) -> aiohttp.TCPConnector:
    """The connector an HTTP session should use under the operator's setting: without it, every
    connection is checked twice, by the resolver and by the socket factory."""
    if allow_private_addresses:
        return aiohttp.TCPConnector(resolver=resolver_for(True), **kwargs)
    return aiohttp.TCPConnector(resolver=resolver_for(False), socket_factory=public_socket, **kwargs)
