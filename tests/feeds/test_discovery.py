"""Feed discovery in web pages, and telling web pages from feeds."""

from __future__ import annotations

import pytest

from digests.feeds.discovery import find_feed_links, looks_like_html

from workcount import hang_guard

BASE = "https://site.example/blog/post.html"


def _page(head: str, body: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize("media_type", [
    "application/rss+xml", "application/atom+xml", "application/feed+json", "application/json",
    "application/rdf+xml", "text/xml",
])
def test_each_feed_media_type_is_found(media_type: str) -> None:
    """Alternate links of every feed media type are found."""
    page = _page(f'<link rel="alternate" type="{media_type}" href="/feed">')
    assert find_feed_links(page, BASE) == ["https://site.example/feed"]


@pytest.mark.parametrize("link", [
    '<link rel="stylesheet" type="text/css" href="/style.css">',
    '<link rel="alternate" type="text/html" hreflang="fr" href="/fr/">',
    '<link rel="alternate" href="/no-type">',
    '<link type="application/rss+xml" href="/no-rel">',
    '<link rel="feed" type="application/rss+xml" href="/rel-feed">',
    '<link rel="alternate" type="application/json" href="">',
    '<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">',
    '<link rel="alternate" type="application/rss+xml" href="ftp://site.example/f">',
    '<a rel="alternate" type="application/rss+xml" href="/anchor">feed</a>',
], ids=["stylesheet", "translation", "no-type", "no-rel", "other-rel", "empty-href",
        "javascript", "ftp", "anchor"])
def test_other_links_are_ignored(link: str) -> None:
    """Only link elements with rel alternate, a feed type and an http(s) target count."""
    assert find_feed_links(_page(link), BASE) == []


def test_rel_and_type_are_read_loosely() -> None:
    """rel may hold several tokens in any case; type may have parameters and any case."""
    page = _page('<LINK REL="Home  ALTERNATE" TYPE="Application/RSS+XML; charset=UTF-8" '
                 'HREF="feed.xml">')
    assert find_feed_links(page, BASE) == ["https://site.example/blog/feed.xml"]


def test_links_come_in_document_order_without_repeats() -> None:
    """Links keep document order, body links included, and repeats are dropped."""
    page = _page(
        '<link rel="alternate" type="application/rss+xml" href="/rss">'
        '<link rel="alternate" type="application/atom+xml" href="https://other.example/atom">'
        '<link rel="alternate" type="application/rss+xml" href="https://site.example/rss">',
        '<link rel="alternate" type="application/feed+json" href="/feed.json">')
    assert find_feed_links(page, BASE) == [
        "https://site.example/rss", "https://other.example/atom",
        "https://site.example/feed.json"]


@pytest.mark.parametrize(("head", "expected"), [
    ('<base href="https://cdn.example/sub/"><link rel="alternate" '
     'type="application/rss+xml" href="feed.xml">', "https://cdn.example/sub/feed.xml"),
    ('<link rel="alternate" type="application/rss+xml" href="feed.xml">'
     '<base href="/other/">', "https://site.example/other/feed.xml"),
    ('<base target="_blank"><base href="/first/"><base href="/second/">'
     '<link rel="alternate" type="application/rss+xml" href="feed.xml">',
     "https://site.example/first/feed.xml"),
    ('<base href="javascript:void(0)"><link rel="alternate" '
     'type="application/rss+xml" href="feed.xml">', "https://site.example/blog/feed.xml"),
], ids=["absolute-base", "base-after-link", "first-base-href", "unusable-base"])
def test_base_href_is_honoured(head: str, expected: str) -> None:
    """The first <base href> resolves every link, wherever it stands; a useless one is ignored."""
    assert find_feed_links(_page(head), BASE) == [expected]


def test_links_in_comments_and_scripts_are_not_links() -> None:
    """Link tags inside comments, scripts and other raw text are not part of the page."""
    link = '<link rel="alternate" type="application/rss+xml" href="/{}">'
    page = _page(f"<!-- {link.format('commented')} -->"
                 f"<script>document.write('{link.format('scripted')}')</script>"
                 f"<noscript>{link.format('noscript')}</noscript>" + link.format("real"))
    assert find_feed_links(page, BASE) == ["https://site.example/real"]


def test_entities_in_href_are_decoded() -> None:
    """Character references in href are decoded before the URL is resolved."""
    page = _page('<link rel=alternate type=application/rss+xml href="/feed?a=1&amp;b=2">')
    assert find_feed_links(page, BASE) == ["https://site.example/feed?a=1&b=2"]


@pytest.mark.parametrize(("body", "expected"), [
    ('<meta charset="iso-8859-1"><link rel=alternate type=application/rss+xml '
     'href="/caf\xe9">'.encode("latin-1"), "https://site.example/café"),
    ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
     '<link rel=alternate type=application/rss+xml href="/\u043d">'.encode("cp1251"),
     "https://site.example/н"),
    ('<link rel=alternate type=application/rss+xml href="/caf\xe9">'.encode(),
     "https://site.example/café"),
    ('<meta charset="no-such-charset"><link rel=alternate type=application/rss+xml '
     'href="/caf\xe9">'.encode(), "https://site.example/café"),
    ('<link rel=alternate type=application/rss+xml href="/caf\xe9">'.encode("utf-16"),
     "https://site.example/café"),
    (b'<link rel=alternate type=application/rss+xml href="/bad\xff">',
     "https://site.example/bad\ufffd"),
], ids=["meta-charset", "http-equiv", "utf-8", "unknown-charset", "utf-16-bom", "invalid"])
def test_bytes_are_decoded_by_their_declared_charset(body: bytes, expected: str) -> None:
    """Bytes are decoded by BOM, then <meta> charset, then as UTF-8, never raising."""
    assert find_feed_links(body, BASE) == [expected]


@pytest.mark.parametrize("page", [
    "", "not html at all", "<link", '<link rel="alternate" type="application/rss+xml" href="',
    "<html><head><link rel=alternate type=application/rss+xml href=/f",
    "<<<>>><!--<link rel=alternate type=application/rss+xml href=/f>",
])
def test_broken_pages_yield_no_links(page: str) -> None:
    """Empty, truncated or malformed pages give no links and do not raise."""
    assert find_feed_links(page, BASE) == []


@pytest.mark.parametrize("piece", ["<!--", "<a", "</", "<link rel=alternate href='", "<?"])
def test_hostile_page_is_searched_in_linear_time(piece: str) -> None:
    """A megabyte of one unfinished construct, repeated, gives no links and ends (the guard
    only stops a hang; the cost is normalise_markup's, timed by bench `html-hostile`)."""
    page = piece * (1_000_000 // len(piece))
    assert hang_guard(lambda: find_feed_links(page, BASE)) == []


@pytest.mark.parametrize(("body", "content_type", "expected"), [
    (b"<div>fragment</div>", "text/html", True),
    (b"<div>fragment</div>", "text/html; charset=utf-8", True),
    (b"<div>fragment</div>", "APPLICATION/XHTML+XML", True),
    (b"<!DOCTYPE html><html><body>x</body></html>", None, True),
    (b"<!doctype html>", "text/plain", True),
    (b"\xef\xbb\xbf \r\n\t<HTML lang='en'>", "application/octet-stream", True),
    (b"<!-- generated --><html>", "", True),
    (b"<?xml version='1.0'?>\n<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0//EN'>\n<html>",
     None, True),
    ("<html>".encode("utf-16"), None, True),
    (b"<div>fragment</div>", None, False),
    (b"<div>fragment</div>", "text/plain", False),
    (b"", None, False),
], ids=["html-type", "html-type-params", "xhtml-type", "doctype", "doctype-wrong-type",
        "bom-and-whitespace", "leading-comment", "xhtml-prolog", "utf-16", "fragment-untyped",
        "fragment-plain", "empty"])
def test_web_pages_look_like_html(body: bytes, content_type: str | None,
                                  expected: bool) -> None:
    """An HTML content type or an HTML start means a web page."""
    assert looks_like_html(body, content_type) is expected


@pytest.mark.parametrize(("body", "content_type"), [
    (b"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'>", "text/html"),
    (b"<rss version='2.0'><channel>", "text/html"),
    (b"<feed xmlns='http://www.w3.org/2005/Atom'>", "application/xhtml+xml"),
    (b"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>", None),
    (b'  {"version": "https://jsonfeed.org/version/1.1"}', "text/html"),
    (b"<?xml version='1.0'?><?xml-stylesheet href='s.xsl'?><rss>", "text/html"),
    (b"<?xml version='1.0'?>\n<!DOCTYPE rss SYSTEM 'x.dtd'><rss>", None),
    (b"<?xml version='1.0'", "text/html"),
    (b"<rss version='2.0'>", "application/rss+xml"),
], ids=["xml-declaration", "rss", "atom", "rdf", "json-feed", "stylesheet-pi",
        "rss-doctype", "unfinished-prolog", "feed-type"])
def test_feeds_do_not_look_like_html(body: bytes, content_type: str | None) -> None:
    """A body that starts like a feed is not HTML, whatever the content type claims."""
    assert looks_like_html(body, content_type) is False
