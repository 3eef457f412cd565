"""Refusing feed URLs that point into private networks.

The check happens twice: on the URL of every request (which catches IP literals, since aiohttp
does not resolve those) and inside the resolver the HTTP session connects through, so a name
that resolves to a private address is refused at connect time, whatever it resolved to earlier.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any
from urllib.parse import urlsplit

from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver

from digests.errors import BlockedAddress

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


def check_url_host(url: str) -> None:
    """Raise `BlockedAddress` when the URL's host is a non-public IP literal or 'localhost'."""
    host = (urlsplit(url).hostname or "").lower()
    address = literal_address(host)
    if address is not None and not is_public_address(address):
        raise BlockedAddress(f"{host} is a private or reserved address")
    if host == "localhost" or host.endswith(".localhost"):
        raise BlockedAddress(f"{host} is a loopback name, a private address")


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
            raise BlockedAddress(f"{host} resolves only to private or reserved addresses")
        return public

    async def close(self) -> None:
        await self._inner.close()


def resolver_for(allow_private_addresses: bool, **kwargs: Any) -> AbstractResolver:
    """The resolver an HTTP session should use under the operator's setting."""
    inner = DefaultResolver(**kwargs)
    return inner if allow_private_addresses else PublicOnlyResolver(inner)
