"""OPML read with listparser (bytes only, size and DTD checked first) and written with the
standard library: nested outlines, duplicates, hostile files, and the round trip."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.feeds.opml import (
    MAX_OPML_BYTES,
    MAX_OUTLINES,
    ExportedFeed,
    OpmlError,
    read_opml,
    write_opml,
)

NOW = datetime(2022, 3, 3, 12, 0, tzinfo=UTC)

NESTED = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Morning reading</title></head>
  <body>
    <outline text="World">
      <outline text="BBC World" type="rss" xmlUrl="https://feeds.bbci.co.uk/news/world/rss.xml"/>
      <outline text="Europe">
        <outline title="Kyiv Independent" type="rss" xmlUrl="https://kyivindependent.com/feed/"/>
      </outline>
    </outline>
    <outline text="Guardian" type="rss" xmlUrl="https://www.theguardian.com/world/rss"
             htmlUrl="https://www.theguardian.com/world"/>
    <outline text="A web site, not a feed" htmlUrl="https://example.org/"/>
  </body>
</opml>"""


def test_nested_outlines_are_flattened_in_order_with_their_folders() -> None:
    feed_list = read_opml(NESTED)
    assert feed_list.title == "Morning reading"
    assert [(f.url, f.title, f.folder) for f in feed_list.feeds] == [
        ("https://feeds.bbci.co.uk/news/world/rss.xml", "BBC World", "World"),
        ("https://kyivindependent.com/feed/", "Kyiv Independent", "World / Europe"),
        ("https://www.theguardian.com/world/rss", "Guardian", None),
    ]


def test_export_then_import_gives_back_the_same_feeds() -> None:
    feeds = [ExportedFeed("BBC World", "https://feeds.bbci.co.uk/news/world/rss.xml",
                          "https://www.bbc.co.uk/news/world"),
             ExportedFeed('Tom & Jerry\'s "<News>"', "https://news.example/feed?a=1&b=2"),
             ExportedFeed("Київ Пост", "https://kyivpost.example/rss")]
    document = write_opml(feeds, title="Newsdesk feeds", created=NOW)
    assert document.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    back = read_opml(document)
    assert back.title == "Newsdesk feeds"
    assert [(f.title, f.url) for f in back.feeds] == [(f.name, f.url) for f in feeds]


def test_export_leaves_out_characters_xml_cannot_hold() -> None:
    document = write_opml([ExportedFeed("Bell\x07 and\x00 null", "https://x.example/f")],
                          title="t\x1b", created=NOW)
    back = read_opml(document)
    assert [f.title for f in back.feeds] == ["Bell and null"]


def test_duplicate_urls_are_all_reported_once_read() -> None:
    """listparser keeps the first outline of a URL; the importer reports the rest (see
    tests/servers/test_operator.py for URLs that differ only in spelling)."""
    document = b"""<opml version="1.0"><body>
      <outline text="One" xmlUrl="https://a.example/feed"/>
      <outline text="Two" xmlUrl="https://b.example/feed"/>
      <outline text="One again" xmlUrl="https://a.example/feed"/>
    </body></opml>"""
    assert [f.url for f in read_opml(document).feeds] == ["https://a.example/feed",
                                                          "https://b.example/feed"]


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<opml version="1.0"><body><outline text="&lol9;" xmlUrl="https://a.example/feed"/></body></opml>"""


@pytest.mark.parametrize("document", [
    BILLION_LAUGHS,
    BILLION_LAUGHS.replace(b"<!DOCTYPE", b"<! doctype"),
    BILLION_LAUGHS.decode().encode("utf-16"),
    b'<?xml version="1.0"?><!DOCTYPE opml SYSTEM "file:///etc/passwd"><opml/>',
])
def test_a_file_that_declares_entities_is_refused_unread(document: bytes) -> None:
    with pytest.raises(OpmlError, match="DTD"):
        read_opml(document)


def test_a_huge_file_is_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    import listparser

    def never(*args: object) -> None:
        raise AssertionError("a file over the limit was parsed")

    monkeypatch.setattr(listparser, "parse", never)
    document = b"<opml><body>" + b" " * MAX_OPML_BYTES + b"</body></opml>"
    with pytest.raises(OpmlError, match="at most 2,097,152"):
        read_opml(document)


def test_too_many_feeds_are_refused() -> None:
    outlines = "".join(f'<outline xmlUrl="https://f{n}.example/rss"/>' for n in range(MAX_OUTLINES + 1))
    with pytest.raises(OpmlError, match="at most 5,000"):
        read_opml(f"<opml version='2.0'><body>{outlines}</body></opml>".encode())


@pytest.mark.parametrize("document", [
    b"", b"just some text", b"<html><body><a href='https://x.example/rss'>feed</a></body></html>",
    b"https://feeds.example/list.opml",  # a URL as the document: never fetched
    b"\xff\xfe\x00garbage",
])
def test_what_is_not_a_feed_list_says_so(document: bytes) -> None:
    with pytest.raises(OpmlError, match="not an OPML feed list"):
        read_opml(document)


def test_an_empty_list_is_a_list() -> None:
    feed_list = read_opml(b"<opml version='2.0'><head><title>none</title></head><body/></opml>")
    assert feed_list.feeds == () and feed_list.title == "none"


def test_titles_are_one_printable_line_of_bounded_length() -> None:
    long = "Breaking\u202e " + "x" * 500
    document = write_opml([ExportedFeed(long, "https://x.example/f")], title="t", created=NOW)
    [feed] = read_opml(document).feeds
    assert feed.title is not None and len(feed.title) <= 100 and "\u202e" not in feed.title
