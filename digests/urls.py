"""Checking and canonicalising web addresses, so that one article has one URL.

`canonical_url` lower-cases the scheme and host, drops default ports and tracking query
parameters, and otherwise leaves the address exactly as written (path, order of the remaining
parameters, their encoding, the fragment). Characters that are never allowed in a URL
(spaces and other ASCII controls, `"<>\\^`{|}`) are percent-encoded in the path, query and
fragment, as a browser does before requesting it: Discord refuses an embed whose link holds
them, and they could end a markdown link early.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, unquote, urlsplit, urlunsplit

__all__ = ["canonical_url", "host_of", "is_http_url"]

_HTTP_SCHEMES = frozenset({"http", "https"})
_DEFAULT_PORTS = {"http": "80", "https": "443"}
_TRACKING_PREFIXES = ("utm_",)
_TRACKING_PARAMETERS = frozenset({
    "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid",
    "_hsenc", "_hsmi", "at_medium", "at_campaign", "at_custom1", "at_custom2", "at_custom3",
    "at_custom4", "ocid", "cmpid", "ncid", "sr_share", "ref_src",
})
_NEVER_IN_URLS = re.compile(r'[\x00-\x20\x7f"<>\\^`{|}]')
_HOST_AND_PORT = re.compile(r"(?P<host>\[[^\]]*\]|[^:]*)(?::(?P<port>\d*))?")


def is_http_url(url: str) -> bool:
    """Whether `url` is an absolute http or https URL with a host."""
    parts = _split(url)
    return parts is not None and _is_http(parts)


def host_of(url: str) -> str:
    """The lower-case host name of `url`, or "" when it has none."""
    parts = _split(url)
    return (parts.hostname or "").lower() if parts is not None else ""


def canonical_url(url: str) -> str:
    """`url` stripped and, if it is an absolute http(s) URL, in canonical form."""
    stripped = url.strip()
    parts = _split(stripped)
    if parts is None or not _is_http(parts):
        return stripped
    scheme = parts.scheme.lower()
    return urlunsplit((scheme, _canonical_netloc(parts.netloc, scheme), _encoded(parts.path),
                       _encoded(_without_tracking(parts.query)), _encoded(parts.fragment)))


def _encoded(part: str) -> str:
    return _NEVER_IN_URLS.sub(lambda m: "%" + format(ord(m.group()), "02X"), part)


def _split(url: str) -> SplitResult | None:
    try:
        return urlsplit(url.strip())
    except ValueError:
        return None


def _is_http(parts: SplitResult) -> bool:
    return parts.scheme.lower() in _HTTP_SCHEMES and bool(parts.hostname) and _port_ok(parts)


def _port_ok(parts: SplitResult) -> bool:
    """Whether the port, if any, is a number from 1 to 65535 (`:0` and `:99999` are no ports)."""
    try:
        port = parts.port
    except ValueError:
        return False
    return port != 0


def _canonical_netloc(netloc: str, scheme: str) -> str:
    user_info, at, host_and_port = netloc.rpartition("@")
    match = _HOST_AND_PORT.fullmatch(host_and_port)
    if match is None:
        return user_info + at + host_and_port.lower()
    host, port = match.group("host").lower(), match.group("port")
    if not port or port.lstrip("0") == _DEFAULT_PORTS[scheme]:
        return user_info + at + host
    return f"{user_info}{at}{host}:{port}"


def _without_tracking(query: str) -> str:
    return "&".join(p for p in query.split("&") if p and not _is_tracking(p))


def _is_tracking(parameter: str) -> bool:
    name = unquote(parameter.partition("=")[0]).lower()
    return name.startswith(_TRACKING_PREFIXES) or name in _TRACKING_PARAMETERS
