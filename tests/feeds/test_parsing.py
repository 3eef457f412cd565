"""Parsing fetched bytes into normalised entries, for every supported format."""

from __future__ import annotations

import json
import tracemalloc
import xml.parsers.expat
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urljoin

import pytest

from digests.feeds.parsing import MAX_ENTRIES, cap_entries, parse_capped, parse_document

from conftest import LAUGHS_DTD, NOW, fixture_bytes
from workcount import calls_made, hang_guard

RSS_HEADERS = {"content-type": "application/rss+xml; charset=utf-8"}


def parse(name: str, url: str = "https://wire.example/feed.xml") -> object:
    return parse_document(fixture_bytes(name), RSS_HEADERS, url, NOW)


def test_rss20_entries_are_normalised() -> None:
    """Plain-text title, canonical URL, safe clean text, author, categories, UTC date."""
    feed = parse_document(fixture_bytes("rss20.xml"), RSS_HEADERS, "https://wire.example/f", NOW)
    assert (feed.title, feed.site_url, feed.language, feed.ttl_seconds) == (
        "Test Wire & Co", "https://wire.example/", "en-gb", 1800)
    first = feed.entries[0]
    assert first.title == "Talks resume near the border"
    assert first.url == "https://wire.example/talks?id=7"
    assert first.text == "Delegations met on Monday.\n\nMore talks are planned."
    assert (first.author, first.categories, first.guid) == ("Olena Test", ("World", "Talks"),
                                                              "wire-1")
    assert first.published_at == datetime(2022, 2, 28, 12, 30, tzinfo=UTC)


def test_identities_are_unique_and_stable() -> None:
    """Repeated guids are told apart, identity falls back to link then content, and reparsing
    the same bytes gives the same keys."""
    feed = parse_document(fixture_bytes("rss20.xml"), RSS_HEADERS, "https://wire.example/f", NOW)
    keys = [e.key for e in feed.entries]
    assert len(set(keys)) == len(keys) == 6
    again = parse_document(fixture_bytes("rss20.xml"), RSS_HEADERS, "https://wire.example/f",
                           datetime(2023, 1, 1, tzinfo=UTC))
    assert [e.key for e in again.entries] == keys


def test_dates_missing_or_far_future() -> None:
    """A missing date becomes the time first seen; a far-future date is clamped to it."""
    feed = parse_document(fixture_bytes("rss20.xml"), RSS_HEADERS, "https://wire.example/f", NOW)
    future = next(e for e in feed.entries if e.title == "From the future")
    undated = feed.entries[-1]
    assert (future.published_at, future.dated) == (NOW, True)
    assert (undated.published_at, undated.dated) == (NOW, False)
    assert undated.title.startswith("No title, no link")


def test_atom_relative_links_dates_and_content() -> None:
    """Atom: links resolved against the document, content preferred over summary."""
    feed = parse_document(fixture_bytes("atom.xml"), {"content-type": "application/atom+xml"},
                          "https://monitor.example/atom.xml", NOW)
    troops, updated = feed.entries
    assert troops.url == "https://monitor.example/news/troops"
    assert troops.text == "About 7,000 troops were ordered to Germany.\n\nSecond paragraph."
    assert troops.published_at == datetime(2022, 2, 24, 21, 0, tzinfo=UTC)
    assert troops.language == "en"
    assert updated.published_at == datetime(2022, 3, 1, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(("name", "count", "title"), [
    ("rss091.xml", 2, "Old School"),
    ("rdf.xml", 1, "Relief Test Desk"),
    ("atom.xml", 2, "Border Test Monitor"),
    ("feed.json", 2, "Capital Test Briefing"),
])
def test_every_format_is_read(name: str, count: int, title: str) -> None:
    """RSS 0.91, RSS 1.0, Atom and JSON Feed all yield their entries."""
    feed = parse_document(fixture_bytes(name), {}, "https://x.example/feed", NOW)
    assert (len(feed.entries), feed.title, feed.ill_formed) == (count, title, None)


def test_json_feed_fields() -> None:
    """JSON Feed items: numeric ids, tracking parameters dropped, authors and tags kept."""
    feed = parse_document(fixture_bytes("feed.json"), {}, "https://briefing.example/feed", NOW)
    first, second = feed.entries
    assert (first.url, first.author, first.categories) == (
        "https://briefing.example/1", "A. Writer", ("Economy",))
    assert first.text == "New sanctions on banks."
    assert (second.guid, second.title) == ("2", "Untitled text item.")
    assert second.published_at == datetime(2022, 2, 27, 8, 0, tzinfo=UTC)


def test_ill_formed_feed_is_used_and_flagged() -> None:
    """A feed feedparser flags as ill-formed still gives its entries, with the problem noted."""
    feed = parse_document(fixture_bytes("illformed.xml"), RSS_HEADERS, "https://sloppy.example/", NOW)
    assert feed.ill_formed
    assert feed.entries


def test_garbage_gives_no_entries_and_a_reason() -> None:
    """Bytes that are no feed give nothing and say so, without raising."""
    feed = parse_document(fixture_bytes("garbage.txt"), {}, "https://x.example/", NOW)
    assert (feed.entries, bool(feed.ill_formed)) == ((), True)


def test_broken_json_feed_gives_a_reason() -> None:
    """A JSON Feed that is not valid JSON is reported, not raised."""
    body = b'{"version": "https://jsonfeed.org/version/1", "items": [ {'
    feed = parse_document(body, {}, "https://x.example/", NOW)
    assert feed.entries == () and "JSON" in (feed.ill_formed or "")


# The entry cap ------------------------------------------------------------------------------


def rss_items(count: int, body: bytes = b"Body of story %d.") -> bytes:
    return b"".join(b"<item><title>Story %d</title><guid>s-%d</guid><description>" % (n, n) +
                    (body % n if b"%d" in body else body) + b"</description></item>"
                    for n in range(count))


def big_rss(count: int, prolog: bytes = b'<?xml version="1.0" encoding="utf-8"?>\n') -> bytes:
    return (prolog + b'<rss version="2.0"><channel><title>Big</title>' + rss_items(count) +
            b"</channel></rss>")


def big_atom(count: int) -> bytes:
    entries = b"".join(b"<entry><title>Story %d</title><id>urn:s:%d</id>"
                       b"<updated>2022-03-01T08:00:00Z</updated><summary>Body %d.</summary>"
                       b"</entry>" % (n, n, n) for n in range(count))
    return (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Big</title>'
            + entries + b"</feed>")


def well_formed(body: bytes) -> bool:
    parser = xml.parsers.expat.ParserCreate()
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.UseForeignDTD(True)
    parser.DefaultHandler = lambda data: None
    try:
        parser.Parse(body, True)
    except xml.parsers.expat.ExpatError:
        return False
    return True


@pytest.mark.parametrize("document", [big_rss, big_atom])
def test_a_long_feed_gives_its_first_entries_quickly(document: Callable[[int], bytes]) -> None:
    """A 5,000-entry RSS or Atom document gives exactly its first MAX_ENTRIES entries (feeds
    list newest first), in well under a second or two instead of ~8 s, and says it was cut."""
    body = document(5_000)
    feed, cut = parse_capped(body, {}, "https://big.example/feed", NOW)
    # Work counted, not timed: 5,000 entries cost the calls of MAX_ENTRIES + 1.
    just_over = document(MAX_ENTRIES + 1)
    assert (calls_made(lambda: parse_capped(body, {}, "https://big.example/feed", NOW))
            <= 1.01 * calls_made(lambda: parse_capped(just_over, {}, "https://big.example/feed", NOW)))
    assert cut and feed.ill_formed is None and feed.title == "Big"
    assert [e.title for e in feed.entries] == [f"Story {n}" for n in range(MAX_ENTRIES)]


def test_a_feed_at_the_cap_is_left_whole() -> None:
    """Up to MAX_ENTRIES entries, the very same bytes go to feedparser; no cut is reported."""
    body = big_rss(MAX_ENTRIES)
    assert cap_entries(body) is body
    feed, cut = parse_capped(body, {}, "https://big.example/feed", NOW)
    assert (len(feed.entries), cut) == (MAX_ENTRIES, False)


def test_the_cut_closes_what_is_open() -> None:
    """The cut falls just after the last kept entry, however its end is spelt (`<item/>`,
    a `>` in an attribute, a prefix), and the open elements are closed after it."""
    body = (b'<?xml version="1.0"?><rss><channel><x:item/><item a=">">t</item >'
            b"<!-- c --><rss:item><item>nested</item></rss:item><entry/></channel></rss>")
    assert cap_entries(body, 2) == (b'<?xml version="1.0"?><rss><channel><x:item/>'
                                    b'<item a=">">t</item ></channel></rss>')
    assert cap_entries(body, 3).endswith(b"</item></rss:item></channel></rss>")
    assert well_formed(cap_entries(big_rss(2_000)))


def test_cut_documents_keep_their_bytes_and_encoding() -> None:
    """Non-ASCII text, a BOM, a declared single-byte encoding and an undefined HTML entity
    all survive the cut; UTF-16 documents are left whole."""
    latin = (b'<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel>'
             b"<title>Caf\xe9</title>" + rss_items(1_500, b"Cr\xe8me &nbsp; %d") +
             b"</channel></rss>")
    feed, cut = parse_capped(latin, {}, "https://big.example/feed", NOW)
    assert cut and feed.title == "Caf\u00e9" and len(feed.entries) == MAX_ENTRIES
    assert feed.entries[0].text.startswith("Cr\u00e8me")
    bom = b"\xef\xbb\xbf" + big_rss(1_500).replace(b"Big", "Gro\u00df".encode())
    feed, cut = parse_capped(bom, {}, "https://big.example/feed", NOW)
    assert cut and feed.title == "Gro\u00df" and len(feed.entries) == MAX_ENTRIES
    utf16 = big_rss(1_500).decode().encode("utf-16")
    assert cap_entries(utf16) is utf16


def test_a_malformed_long_document_is_left_whole() -> None:
    """expat failing before the cut means the document is malformed: it goes to feedparser
    unchanged, whose tolerant reading is all there is."""
    body = big_rss(1_500).replace(b"<title>Story 5</title>", b"<title>Story 5</titl>", 1)
    assert cap_entries(body) is body


def test_a_billion_laughs_document_with_many_items_stays_harmless() -> None:
    """The cut expands no entity: a billion-laughs document of 1,500 items is cut quickly,
    in little memory, with its entity references left as written."""
    body = big_rss(1_500, LAUGHS_DTD).replace(b"Body of story", b"&lol9; story")
    tracemalloc.start()
    try:
        cut = cap_entries(body)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * len(body) + (1 << 20)
    assert cut is not body and len(cut) < len(body)
    assert cut.count(b"<item>") == MAX_ENTRIES and cut.count(b"&lol9;") == MAX_ENTRIES
    assert b"lollol" not in cut
    feed = hang_guard(lambda: parse_document(body, RSS_HEADERS, "https://laughs.example/feed", NOW))
    assert len(feed.entries) <= MAX_ENTRIES
    assert all(len(e.title) + len(e.text) < 10_000 for e in feed.entries)


def test_a_long_json_feed_is_cut_too() -> None:
    """JSON Feed: the first MAX_ENTRIES items of the list."""
    items = [{"id": str(n), "title": f"Story {n}", "content_text": f"Body {n}."}
             for n in range(5_000)]
    body = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "Big",
                       "items": items}).encode()
    feed, cut = parse_capped(body, {}, "https://big.example/feed.json", NOW)
    assert cut and [e.title for e in feed.entries] == [f"Story {n}" for n in range(MAX_ENTRIES)]


def test_coalesced_text_reads_exactly_as_feedparser_alone() -> None:
    """`saxreader` hands feedparser whole runs of text; what it reads does not change."""
    import io

    import feedparser
    import feedparser.api

    from digests.feeds import saxreader

    lines = "\n".join(f"&lt;p&gt;Line {n} &amp;amp; more &#8217;quoted&#8217;&lt;/p&gt;"
                      for n in range(2_000))  # far more than one expat buffer
    body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>T &amp; C</title>'
            f"<item><title>One</title><description>{lines}</description></item>"
            f"<item><title>Two\nlines</title><guid>g2</guid></item></channel></rss>").encode()

    def read() -> object:
        parsed = feedparser.parse(io.BytesIO(body), response_headers=RSS_HEADERS,
                                  sanitize_html=False, resolve_relative_uris=False)
        return parsed["feed"], parsed["entries"], parsed.get("bozo")

    preferred = feedparser.api.PREFERRED_XML_PARSERS
    try:
        feedparser.api.PREFERRED_XML_PARSERS = ["xml.sax.expatreader"]
        plain = read()
        saxreader.install()
        assert feedparser.api.PREFERRED_XML_PARSERS == ["digests.feeds.saxreader"]
        assert read() == plain
        assert "Line 1999 &amp; more ’quoted’" in plain[1][0]["summary"]
    finally:
        feedparser.api.PREFERRED_XML_PARSERS = preferred


@pytest.mark.parametrize(("bodies", "expected"), [
    (("<p>Short summary</p>", "<p>The full text of the story, much longer.</p>"),
     "The full text of the story, much longer."),
    (("<p><span><b><i>Tiny</i></b></span></p>", "A plain body of some length"),
     "A plain body of some length"),
    (("Same text", "<b>Same text</b>"), "Same text"),
    (("", "   ", "Only this"), "Only this"),
], ids=["full-over-summary", "markup-heavy-but-short", "equal", "blanks"])
def test_the_longest_text_wins_whatever_the_markup(bodies: tuple[str, ...],
                                                   expected: str) -> None:
    from digests.feeds.htmltext import html_to_text
    from digests.feeds.normalise import _longest_text

    assert _longest_text(bodies) == expected
    assert expected == max((html_to_text(b) for b in bodies), key=len)


_ITEMS = {
    "absolute": "<guid>https://wire.example/p/1</guid>",
    "relative": "<guid>p/1</guid>",
    "number": "<guid>12345</guid>",
    "not-permalink": '<guid isPermaLink="false">p/1</guid>',
    "cdata": "<guid><![CDATA[p/1]]></guid>",
    "escaped": "<guid>&#112;/1</guid>",
    "tag": "<guid>tag:wire.example,2022:1</guid>",
    "xml-base": '<guid>p/1</guid><link xml:base="https://other.example/x/">a</link>',
}


@pytest.mark.parametrize("item", list(_ITEMS.values()), ids=list(_ITEMS))
def test_guids_read_as_feedparser_reads_them_with_the_feed_url_as_base(item: str) -> None:
    """The base is left out of feedparser's reading only where it changes nothing."""
    import io

    import feedparser

    from digests.feeds.parsing import read_xml_feed

    url = "https://wire.example/news/feed.xml"
    body = (f'<rss version="2.0"><channel><item><title>T</title>{item}</item>'
            f"</channel></rss>").encode()
    expected = feedparser.parse(io.BytesIO(body), response_headers={"content-location": url},
                                sanitize_html=False, resolve_relative_uris=False).entries[0]
    entry = read_xml_feed(body, RSS_HEADERS, url).entries[0]
    assert entry.guid == (expected.get("id") or None)
    assert urljoin(url, entry.link or "") == urljoin(url, expected.get("link") or "")


def test_the_cp1252_list_remaps_every_character_as_feedparsers_dict() -> None:
    """`cp1252table` changes how feedparser looks characters up, never what it gets."""
    import feedparser.html
    import feedparser.mixin

    from digests.feeds import cp1252table

    text = "".join(map(chr, range(0x110000)))  # every code point, surrogates included
    assert text.translate(cp1252table.table()) == text.translate(feedparser.html._cp1252)
    assert "\x93quoted\x94 \x80 😀".translate(cp1252table.table()) == "“quoted” € 😀"
    cp1252table.install()
    assert isinstance(feedparser.mixin._cp1252, list)


def test_feedparser_reads_windows_1252_code_points_the_same_with_the_list() -> None:
    body = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
            '<item><title>\u0093Quoted\u0094 – caf\u00e9 😀</title><guid>g</guid></item>'
            "</channel></rss>").encode()
    feed = parse_document(body, RSS_HEADERS, "https://example.org/feed", NOW)
    assert feed.entries[0].title == "“Quoted” – café 😀"


def test_feedparser_reads_without_chardet_whether_or_not_it_is_installed() -> None:
    """feedparser would guess a misdeclared document's encoding with chardet when one happens to
    be installed (26-34 MiB in every worker); parsing imports feedparser without it, and a
    document declared UTF-16 that is UTF-8 still reads right (the next guess is UTF-8)."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from datetime import UTC, datetime\n"
        "from digests.feeds.parsing import parse_document\n"
        "body = ('<?xml version=\"1.0\" encoding=\"utf-16\"?><rss version=\"2.0\"><channel>'\n"
        "        '<title>Caf\\u00e9</title><item><title>Na\\u00efve r\\u00e9sum\\u00e9</title>'\n"
        "        '<link>https://cafe.example/1</link></item></channel></rss>').encode()\n"
        "feed = parse_document(body, {'content-type': 'application/rss+xml'}, 'https://cafe.example/f',\n"
        "                      datetime(2026, 1, 1, tzinfo=UTC))\n"
        "print(feed.title, '|', feed.entries[0].title, '|', 'chardet' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "Caf\u00e9 | Na\u00efve r\u00e9sum\u00e9 | False"


def _rss_dated(*dates: str) -> bytes:
    items = "".join(f"<item><title>Item {n}</title><link>https://wire.example/{n}</link>"
                    f"<pubDate>{d}</pubDate></item>" for n, d in enumerate(dates))
    return f"<rss version='2.0'><channel><title>W</title>{items}</channel></rss>".encode()


def test_a_date_keeps_the_clock_it_is_written_in() -> None:
    """One moment, on each publisher's clock: "+1300", "EST", "GMT"."""
    feed = parse_document(_rss_dated("Tue, 17 Nov 2026 11:10:00 +1300", "Mon, 16 Nov 2026 17:10:00 EST",
                                     "Mon, 16 Nov 2026 22:10:00 GMT"), RSS_HEADERS,
                          "https://wire.example/f", datetime(2026, 11, 20, tzinfo=UTC))
    moments = [e.published_at for e in feed.entries]
    assert len(set(moments)) == 1 and moments[0] == datetime(2026, 11, 16, 22, 10, tzinfo=UTC)
    assert [m.utcoffset() for m in moments] == [timedelta(hours=13), timedelta(hours=-5), timedelta(0)]
    assert [m.date() for m in moments] == [date(2026, 11, 17), date(2026, 11, 16), date(2026, 11, 16)]


def test_atom_and_json_dates_keep_their_offsets() -> None:
    atom = (b"<feed xmlns='http://www.w3.org/2005/Atom'><title>A</title><entry><title>T</title>"
            b"<id>urn:1</id><link href='https://a.example/1'/><updated>2026-11-17T08:30:00+05:30</updated>"
            b"</entry></feed>")
    json_feed = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [
        {"id": "1", "url": "https://j.example/1", "content_text": "x",
         "date_published": "2026-11-16T21:00:00-06:00"}]}).encode()
    later = datetime(2026, 11, 20, tzinfo=UTC)
    (indian,) = parse_document(atom, {"content-type": "application/atom+xml"},
                               "https://a.example/", later).entries
    (chicago,) = parse_document(json_feed, {"content-type": "application/feed+json"},
                                "https://j.example/", later).entries
    assert (indian.published_at, indian.published_at.utcoffset()) == (
        datetime(2026, 11, 17, 3, 0, tzinfo=UTC), timedelta(hours=5, minutes=30))
    assert (chicago.published_at, chicago.published_at.date()) == (
        datetime(2026, 11, 17, 3, 0, tzinfo=UTC), date(2026, 11, 16))
