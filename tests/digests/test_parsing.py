"""Parsing fetched bytes into normalised entries, for every supported format."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.parsing import parse_document

from conftest import NOW, fixture_bytes

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
