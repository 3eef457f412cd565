"""URL checks and canonical form: case, default ports, tracking parameters."""

from __future__ import annotations

import pytest

from digests.urls import canonical_url, host_of, is_http_url


@pytest.mark.parametrize(("url", "expected"), [
    ("HTTP://Example.COM/Path/To", "http://example.com/Path/To"),
    ("http://example.com:80/a", "http://example.com/a"),
    ("https://example.com:443/a", "https://example.com/a"),
    ("https://example.com:0443/a", "https://example.com/a"),
    ("http://example.com:/a", "http://example.com/a"),
    ("http://example.com:443/a", "http://example.com:443/a"),
    ("https://example.com:8443/a", "https://example.com:8443/a"),
    ("http://[::1]:80/a", "http://[::1]/a"),
    ("http://User:Secret@Example.com:80/a", "http://User:Secret@example.com/a"),
    ("https://example.com", "https://example.com"),
], ids=["case", "http-default-port", "https-default-port", "zero-padded-port", "empty-port",
        "other-scheme-port", "other-port", "ipv6", "user-info", "no-path"])
def test_scheme_host_and_port_are_canonical(url: str, expected: str) -> None:
    """Scheme and host are lower-cased and default ports dropped; the rest is untouched."""
    assert canonical_url(url) == expected


@pytest.mark.parametrize(("url", "expected"), [
    ("https://e.com/a?utm_source=rss&utm_medium=feed&utm_campaign=x&utm_anything=1",
     "https://e.com/a"),
    ("https://www.bbc.co.uk/news/uk-1?at_medium=RSS&at_campaign=KARANGA",
     "https://www.bbc.co.uk/news/uk-1"),
    ("https://e.com/a?id=7&fbclid=x&gclid=x&dclid=x&msclkid=x&page=2",
     "https://e.com/a?id=7&page=2"),
    ("https://e.com/a?mc_cid=x&mc_eid=x&igshid=x&yclid=x&_hsenc=x&_hsmi=x&q=1",
     "https://e.com/a?q=1"),
    ("https://e.com/a?at_custom1=x&at_custom2=x&at_custom3=x&at_custom4=x&at_other=1",
     "https://e.com/a?at_other=1"),
    ("https://e.com/a?ocid=x&cmpid=x&ncid=x&sr_share=x&ref_src=x&ref=keep",
     "https://e.com/a?ref=keep"),
    ("https://e.com/a?UTM_Source=x&Fbclid=y&z=1", "https://e.com/a?z=1"),
    ("https://e.com/a?utm%5Fsource=x&z=1", "https://e.com/a?z=1"),
    ("https://e.com/a?b=2&utm_source=x&a=1&c", "https://e.com/a?b=2&a=1&c"),
    ("https://e.com/a?q=a+b%20c&x=%2F&utm_medium=y", "https://e.com/a?q=a+b%20c&x=%2F"),
    ("https://e.com/a?x=1&x=2", "https://e.com/a?x=1&x=2"),
    ("https://e.com/a?utm_source=x#section-2", "https://e.com/a#section-2"),
    ("https://e.com/a?x=1#frag?utm_source=kept", "https://e.com/a?x=1#frag?utm_source=kept"),
], ids=["utm", "bbc", "click-ids", "mail-and-social", "at-custom", "misc", "any-case",
        "encoded-name", "order-kept", "encoding-kept", "repeats-kept", "fragment-kept",
        "fragment-untouched"])
def test_tracking_parameters_are_dropped(url: str, expected: str) -> None:
    """Tracking parameters go; other parameters keep their order and encoding."""
    assert canonical_url(url) == expected


@pytest.mark.parametrize(("url", "expected"), [
    ("  https://E.com/a \n", "https://e.com/a"),
    ("  /relative/path?utm_source=x ", "/relative/path?utm_source=x"),
    ("ftp://Example.com/file?utm_source=x", "ftp://Example.com/file?utm_source=x"),
    ("mailto:Someone@Example.com", "mailto:Someone@Example.com"),
    ("http://[::1", "http://[::1"),
    ("", ""),
])
def test_other_input_is_only_stripped(url: str, expected: str) -> None:
    """Anything but an absolute http(s) URL comes back stripped and otherwise unchanged."""
    assert canonical_url(url) == expected


def test_canonical_url_is_idempotent() -> None:
    """Canonicalising a canonical URL changes nothing."""
    once = canonical_url("HTTPS://News.Example:443/a?utm_source=x&id=1#top")
    assert canonical_url(once) == once


@pytest.mark.parametrize(("url", "expected"), [
    ("http://example.com", True),
    ("HTTPS://example.com/a?b", True),
    (" https://example.com/ ", True),
    ("http://[::1]:8080/", True),
    ("https:///no-host", False),
    ("http://", False),
    ("ftp://example.com/", False),
    ("javascript:alert(1)", False),
    ("example.com/path", False),
    ("/relative", False),
    ("http://[::1", False),
    ("", False),
])
def test_is_http_url(url: str, expected: bool) -> None:
    """Only http and https URLs with a host count."""
    assert is_http_url(url) is expected


@pytest.mark.parametrize(("url", "expected"), [
    ("https://News.Example.COM:8080/a", "news.example.com"),
    ("http://user:pw@Host.example/", "host.example"),
    ("http://[::1]:80/", "::1"),
    ("ftp://Files.example/x", "files.example"),
    ("/relative/path", ""),
    ("not a url", ""),
    ("http://[::1", ""),
])
def test_host_of(url: str, expected: str) -> None:
    """The host is lower-case, without port or user info, and "" when there is none."""
    assert host_of(url) == expected
