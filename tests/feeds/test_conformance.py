"""Regressions found by `bench/conformance.py` (feedparser's suite and 200 real feeds).

Each document here is a small stand-in, written for the test, for the input that went wrong.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from digests.feeds.parsing import parse_document

from conftest import NOW

URL = "https://blog.example/feed"
RSS = {"content-type": "application/rss+xml"}
JSON = {"content-type": "application/feed+json"}


def rss(*items: str) -> bytes:
    body = "".join(f"<item>{item}</item>" for item in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Blog</title><link>https://blog.example/</link>{body}</channel></rss>").encode()


def json_feed(items: list[dict[str, object]], **feed: object) -> bytes:
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "Blog",
                       **feed, "items": items}).encode()


# ---------------------------------------------------------------- entries with nothing to show

def test_entry_with_neither_title_nor_text_is_not_kept() -> None:
    """A real feed had an item with an empty title and description and only a link: it has
    nothing to show in a digest, so it is dropped and the other entries keep their order."""
    feed = parse_document(rss(
        "<title>First</title><link>https://blog.example/1</link>",
        "<title></title><link>https://blog.example/archives/</link><description></description>"
        "<guid>https://blog.example/archives/</guid>",
        "<description>Only text, no title.</description>",
    ), RSS, URL, NOW)
    assert [e.title for e in feed.entries] == ["First", "Only text, no title."]
    assert all(e.title or e.text for e in feed.entries)


def test_markup_that_shows_nothing_is_no_text() -> None:
    """feedparser's case item_description_not_a_doctype: `<!' ...>` is a bogus comment to an HTML
    reader, so the entry has no text and is dropped rather than kept with an empty title."""
    feed = parse_document(rss("<description>&lt;!' &lt;a href=\"foo\"&gt;</description>"),
                          RSS, URL, NOW)
    assert feed.entries == ()


VIDEO_ONLY = ('<description>&lt;figure class="embed"&gt;&lt;iframe width="356" '
              'src="https://www.youtube.com/embed/abc" allowfullscreen '
              'title="Caroline Test &amp;amp; Percussion - Live at the Hall"&gt;&lt;/iframe&gt;'
              '&lt;/figure&gt;</description><link>https://blog.example/post/1</link>')


def test_video_only_post_is_titled_from_its_embed() -> None:
    """Tumblr-style posts that only embed a video (no title, no text) were kept with an empty
    title; the embed's own title now names the entry."""
    feed = parse_document(rss(VIDEO_ONLY), RSS, URL, NOW)
    (entry,) = feed.entries
    assert entry.title == "Caroline Test & Percussion - Live at the Hall"
    assert (entry.text, entry.url) == ("", "https://blog.example/post/1")


@pytest.mark.parametrize("embed", [
    '&lt;iframe src="https://www.youtube.com/embed/x" title="YouTube video player"&gt;&lt;/iframe&gt;',
    '&lt;img src="https://blog.example/a.png" alt="Photo of the border crossing"&gt;',
    '&lt;iframe src="https://blog.example/x" title="\uB144"&gt;&lt;/iframe&gt;',
])
def test_generic_labels_and_alt_text_do_not_make_a_title(embed: str) -> None:
    """Boilerplate player titles, one-word labels and image alt text are not headlines."""
    feed = parse_document(rss(f"<description>{embed}</description>"), RSS, URL, NOW)
    assert feed.entries == ()


def test_an_entry_with_a_title_keeps_it_over_its_embed() -> None:
    feed = parse_document(rss("<title>Own title</title>" + VIDEO_ONLY), RSS, URL, NOW)
    assert feed.entries[0].title == "Own title"


# ---------------------------------------------------------------- JSON Feed

def test_json_feed_with_version_after_its_items_is_read_as_json() -> None:
    """The `version` key may come after a long `items` list; such a feed went to feedparser,
    which found nothing in it."""
    items = [{"id": str(n), "title": f"Item {n}", "content_text": "x" * 300} for n in range(30)]
    body = json.dumps({"title": "Late version", "items": items,
                       "version": "https://jsonfeed.org/version/1"}).encode()
    feed = parse_document(body, JSON, URL, NOW)
    assert (feed.title, len(feed.entries), feed.ill_formed) == ("Late version", 30, None)


@pytest.mark.parametrize(("written", "expected"), [
    ("2022-03-02T10:00:00z", datetime(2022, 3, 2, 10, 0, tzinfo=UTC)),
    ("Wed, 02 Mar 2022 10:00:00 GMT", datetime(2022, 3, 2, 10, 0, tzinfo=UTC)),
    ("Wed, 02 Mar 2022 12:00:00 +0200", datetime(2022, 3, 2, 10, 0, tzinfo=UTC)),
    ("2022-03-02T10:00:00.123456789+00:00", datetime(2022, 3, 2, 10, 0, 0, 123456, tzinfo=UTC)),
])
def test_json_feed_dates_in_other_common_forms(written: str, expected: datetime) -> None:
    """Lower-case `z` and RFC 822 dates in JSON Feeds were lost (the entry became undated)."""
    feed = parse_document(json_feed([{"id": "1", "title": "T", "date_published": written}]),
                          JSON, URL, NOW)
    assert (feed.entries[0].published_at, feed.entries[0].dated) == (expected, True)


def test_json_feed_item_authors_default_to_the_feed_authors() -> None:
    body = json_feed([{"id": "1", "title": "A"}, {"id": "2", "title": "B",
                                                   "authors": [{"name": "Own Author"}]}],
                     authors=[{"name": "Feed Author"}])
    feed = parse_document(body, JSON, URL, NOW)
    assert [e.author for e in feed.entries] == ["Feed Author", "Own Author"]


def test_json_feed_with_odd_field_types() -> None:
    """Wrongly typed `tags` and `authors` neither crash nor turn a string into letters."""
    body = json_feed([{"id": "1", "title": "T", "tags": "politics", "authors": 7},
                      {"id": "2", "title": "U", "tags": ["a", "a", 3], "author": {"name": "N"}}])
    feed = parse_document(body, JSON, URL, NOW)
    assert [(e.categories, e.author) for e in feed.entries] == [((), None), (("a",), "N")]


# ---------------------------------------------------------------- never an exception

@pytest.mark.parametrize("body", [
    b"",
    b"{",
    b"<",
    b"\xef\xbb\xbf",
    b"{" + b"[" * 200_000,
    b"<rss>" + b"<a>" * 5_000 + b"</rss>",
    b'{"version": "https://jsonfeed.org/version/1", "items": 5}',
    b'{"version": "https://jsonfeed.org/version/1", "items": [1, "x", null, {}]}',
    b"\xff\xfe<\x00r\x00s\x00s\x00>\x00",
])
def test_hostile_documents_give_no_exception(body: bytes) -> None:
    feed = parse_document(body, RSS, URL, NOW)
    assert all(e.title or e.text for e in feed.entries)


# ---------------------------------------------------------------- XML

def test_rss_with_an_undeclared_rss_prefix_is_read() -> None:
    """A real feed writes `<rss:channel>`, `<rss:item>`… without declaring the prefix, after a
    garbled XML declaration: feedparser found no entries; the prefix is now dropped."""
    body = (b'<!-- generated -->\n<?xml?xml version="1.0" encoding="UTF-8" ??>\n'
            b"<rss rss:version=2.0><rss:channel><rss:title>Ego</rss:title>"
            b"<rss:link>https://ego.example/</rss:link>"
            b"<rss:item><rss:title>First post</rss:title>"
            b"<rss:link>https://ego.example/1.shtml</rss:link>"
            b"<rss:description>Some news.</rss:description>"
            b"<rss:pubDate>Wed, 19 jan 2022 00:00:00 GMT</rss:pubDate></rss:item>"
            b"<rss:item><rss:title>Second post</rss:title></rss:item>"
            b"</rss:channel></rss>")
    feed = parse_document(body, RSS, URL, NOW)
    assert feed.title == "Ego"
    assert [(e.title, e.url) for e in feed.entries] == [
        ("First post", "https://ego.example/1.shtml"), ("Second post", None)]
    assert feed.entries[0].published_at == datetime(2022, 1, 19, tzinfo=UTC)
    assert feed.ill_formed is not None  # still said, but the entries are used


def test_a_placeholder_date_before_1900_reads_as_undated() -> None:
    """Some feeds write 0001-01-01 for "no date": the entry takes the fetch time instead."""
    body = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
            b"<item><title>Old placeholder</title><link>https://x.example/1</link>"
            b"<pubDate>Mon, 01 Jan 0001 00:00:00 GMT</pubDate></item></channel></rss>")
    parsed = parse_document(body, {"content-type": "application/rss+xml"}, "https://x.example/feed", NOW)
    [entry] = parsed.entries
    assert entry.published_at == NOW and not entry.dated
