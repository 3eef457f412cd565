"""Hostile field values: one bad value costs its field, never the feed; every field is capped.

A JSON Feed value may have any type and any size, and an XML feed's text any character
reference; whatever a field holds, the other fields and the other entries are read, and what is
stored is bounded by the caps of `digests.feeds.normalise`, for every format alike.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import fields
from datetime import UTC, datetime
from typing import Any

import pytest

from digests.feeds import normalise, parsing
from digests.feeds.jsonfeed import MAX_INTEGER_DIGITS, read_json_feed
from digests.feeds.normalise import (
    MAX_AUTHOR,
    MAX_CATEGORIES,
    MAX_CATEGORY,
    MAX_FEED_TITLE,
    MAX_GUID,
    MAX_TEXT,
    MAX_TITLE,
)
from digests.feeds.parsing import parse_capped, parse_document
from digests.models import ParsedFeed
from digests.store.core import Store

from conftest import NOW
from workcount import calls_made, growth

URL = "https://hostile.example/feed"
JSON = {"content-type": "application/feed+json"}
RSS = {"content-type": "application/rss+xml"}
WORDS = "Officials said the talks would resume on Monday in the capital. " * 40_000  # 2.6 MB


def json_feed(items: list[Any], **feed: Any) -> bytes:
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "Hostile",
                       "items": items, **feed}).encode()


def ordinary(n: int) -> dict[str, Any]:
    return {"id": f"ok-{n}", "title": f"Ordinary {n}", "url": f"https://hostile.example/{n}",
            "content_text": "Ordinary text.", "date_published": "2022-03-01T10:00:00Z"}


def between_ordinary(hostile_item: bytes) -> bytes:
    """A JSON Feed whose second item's members are `hostile_item`, written as raw JSON."""
    first, third = (json.dumps(ordinary(n)).encode() for n in (1, 3))
    return (b'{"version": "https://jsonfeed.org/version/1.1", "items": [' + first +
            b', {"title": "Hostile", ' + hostile_item + b"}, " + third + b"]}")


def rss(item: str, channel: str = "") -> bytes:
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title>{channel}'
            f"<item><title>Ordinary 1</title><guid>ok-1</guid></item><item>{item}</item>"
            f"<item><title>Ordinary 3</title><guid>ok-3</guid></item></channel></rss>").encode()


def digest(*parts: str) -> str:
    """How `normalise` has always derived keys and content hashes."""
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def assert_ordinary_entries_kept(feed: ParsedFeed) -> None:
    assert feed.ill_formed is None
    assert [e.title for e in feed.entries if e.title.startswith("Ordinary")] == [
        "Ordinary 1", "Ordinary 3"]


# ---------------------------------------------------------------- JSON Feed values (A)

@pytest.mark.parametrize("written", [
    "0001-01-01T00:00:00+00:01",  # year 0 in UTC
    "9999-12-31T23:59:59-00:01",  # year 10000 in UTC
    "Fri, 31 Dec 9999 23:59:59 -0100",
])
def test_a_date_utc_cannot_hold_costs_only_that_date(written: str) -> None:
    """It raised OverflowError, and the feed failed with an internal error, keeping nothing."""
    items = [ordinary(1), {"id": "h", "title": "Hostile", "date_published": written}, ordinary(3)]
    feed = parse_document(json_feed(items), JSON, URL, NOW)
    assert_ordinary_entries_kept(feed)
    hostile = feed.entries[1]
    assert (hostile.title, hostile.published_at, hostile.dated) == ("Hostile", NOW, False)
    assert feed.entries[0].published_at == datetime(2022, 3, 1, 10, 0, tzinfo=UTC)


def test_a_placeholder_year_in_an_rfc822_date_reads_as_undated_as_in_rss() -> None:
    """RSS reads `Mon, 01 Jan 0001` as undated; JSON Feed read it as 1 January 2001."""
    body = json_feed([{"id": "1", "title": "T", "date_published": "Mon, 01 Jan 0001 00:00:00 GMT"}])
    [entry] = parse_document(body, JSON, URL, NOW).entries
    assert (entry.published_at, entry.dated) == (NOW, False)


@pytest.mark.parametrize("member", [
    b'"id": ' + b"7" * 5_000,  # past Python's 4,300-digit limit: a ValueError lost the feed
    b'"id": "h", "_extension": {"count": ' + b"7" * 5_000 + b"}",  # in a field never read
    b'"id": -' + b"7" * 5_000,
])
def test_an_integer_of_thousands_of_digits_costs_only_its_field(member: bytes) -> None:
    feed = parse_document(between_ordinary(member), JSON, URL, NOW)
    assert_ordinary_entries_kept(feed)
    assert feed.entries[1].title == "Hostile"
    assert feed.entries[1].guid in (None, "h")


def test_an_integer_id_within_the_digit_limit_is_still_an_id() -> None:
    digits = "9" * MAX_INTEGER_DIGITS
    feed = parse_document(between_ordinary(b'"id": ' + digits.encode()), JSON, URL, NOW)
    assert feed.entries[1].guid == digits


def test_true_is_no_id() -> None:
    """`"id": true` on every item read as the guid "True", shared by all of them."""
    items = [{"id": True, "title": f"T{n}", "url": f"https://hostile.example/{n}"}
             for n in range(3)]
    feed = parse_document(json_feed(items), JSON, URL, NOW)
    assert [e.guid for e in feed.entries] == [None, None, None]
    assert len({e.key for e in feed.entries}) == 3


@pytest.mark.parametrize("member", [
    b'"id": NaN, "url": Infinity, "date_published": -Infinity, "tags": [NaN]',
    b'"id": 1.5e999, "content_text": 7, "content_html": {"a": [1]}, "url": ["https://x/"]',
    b'"id": "h", "language": {"tag": "en"}, "tags": {"a": 1}, "summary": null',
    b'"id": "h", "authors": "A. Writer", "author": ["B"], "date_modified": 1646300000',
    b'"id": "h", "authors": [{"name": 5}, {"name": {"first": "A"}}, null, [], "C"]',
    b'"id": "h", "attachments": [{"url": 5, "size_in_bytes": "many"}, 7, "x"]',
    b'"id": "h", "_deep": ' + b"[" * 500 + b"]" * 500,
])
def test_values_of_any_other_type_cost_only_their_fields(member: bytes) -> None:
    feed = parse_document(between_ordinary(member), JSON, URL, NOW)
    assert_ordinary_entries_kept(feed)
    assert len(feed.entries) == 3


def test_lone_surrogates_are_replaced_in_every_field() -> None:
    """JSON may escape half a surrogate pair; no UTF-8 text (so no SQLite row) can hold it."""
    member = (b'"id": "g\\ud800", "title": "T\\udfff", "url": "https://hostile.example/\\udc00",'
              b' "content_text": "a\\ud800b", "tags": ["c\\udc00"], "language": "e\\ud800n",'
              b' "authors": [{"name": "N\\ud800"}]')
    feed = parse_document(between_ordinary(member), JSON, URL, NOW)
    hostile = feed.entries[1]
    for field in fields(hostile):
        value = getattr(hostile, field.name)
        for text in value if isinstance(value, tuple) else (value,):
            if isinstance(text, str):
                text.encode("utf-8")  # raised UnicodeEncodeError
    assert (hostile.title, hostile.text, hostile.author) == ("T\ufffd", "a\ufffdb", "N\ufffd")


async def test_a_feed_with_lone_surrogates_is_stored(store: Store) -> None:
    """Storing such an entry raised UnicodeEncodeError: every poll of the feed failed."""
    member = b'"id": "g\\ud800", "title": "T\\udfff", "url": "https://hostile.example/\\udc00"'
    feed = parse_document(between_ordinary(member), JSON, URL, NOW)
    followed = await store.add_feed(URL, now=NOW)
    saved = await store.save_entries(followed.id, feed.entries, now=NOW, first_poll=True)
    assert saved.new == 3


def test_only_the_first_items_of_a_huge_json_feed_are_read() -> None:
    """Every item became an entry before the list was cut: 300,000 items took 1.7 s, and
    5 million `{}` (15 MB) 22 s and 885 MB."""
    def items(count: int) -> bytes:
        return b'{"version": "1", "items": [' + b", ".join([b'{"title": "T"}'] * count) + b"]}"

    big, small = items(300_000), items(3_000)
    parsed, cut = parse_capped(big, JSON, URL, NOW, limit=1_000)
    assert (len(parsed.entries), cut) == (1_000, True)
    assert {e.title for e in parsed.entries} == {"T"}
    # Work counted, not timed: past the JSON decoding, 300,000 items cost what 3,000 do.
    calls = calls_made(lambda: parse_capped(big, JSON, URL, NOW, limit=1_000))
    assert calls <= 1.1 * calls_made(lambda: parse_capped(small, JSON, URL, NOW, limit=1_000))


def test_a_json_feed_within_the_limit_is_not_cut() -> None:
    raw, cut = read_json_feed(json_feed([ordinary(n) for n in range(3)] + [1, "x"]), 3)
    assert (len(raw.entries), cut) == (3, False)


# ---------------------------------------------------------------- XML character references (A)

@pytest.mark.parametrize("reference", [
    "&#xD800;", "&#xdfff;", "&#55296;",  # surrogates
    "&#x110000;", "&#1114112;",  # beyond Unicode
    "&#" + "9" * 5_000 + ";",  # past Python's 4,300-digit limit
    "&#x" + "0" * 5_000 + "41;",  # many zeros, still one character
])
def test_a_character_reference_naming_no_character_costs_nothing_else(reference: str) -> None:
    """feedparser's lenient reader raised on it, and the whole feed was lost."""
    feed = parse_document(rss(f"<title>a{reference}b</title><guid>h</guid>"), RSS, URL, NOW)
    assert [e.title for e in feed.entries][::2] == ["Ordinary 1", "Ordinary 3"]
    assert feed.entries[1].title in ("a\ufffdb", "aAb")


def test_many_categories_on_one_entry_take_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """feedparser compares each category with all before it: 100,000 took three minutes. Work
    is counted, not timed: feedparser's own tag list gets as many additions for 20,000
    categories as for `MAX_CATEGORIES`, and the rest of the work grows linearly."""
    def tagged(count: int) -> ParsedFeed:
        categories = "".join(f"<category>c{n}</category>" for n in range(count))
        return parse_document(rss(f"<title>Tagged</title>{categories}"), RSS, URL, NOW)

    feed = tagged(20_000)
    assert feed.entries[1].categories == tuple(f"c{n}" for n in range(MAX_CATEGORIES))
    additions = 0
    feedparsers_add_tag = parsing._feedparsers_add_tag

    def counted(*args: Any) -> None:
        nonlocal additions
        additions += 1
        feedparsers_add_tag(*args)

    monkeypatch.setattr(parsing, "_feedparsers_add_tag", counted)
    tagged(MAX_CATEGORIES)
    at_the_cap, additions = additions, 0
    tagged(20_000)
    assert additions == at_the_cap > 0
    assert growth(tagged, 2_000) < 5  # about 4; a quadratic cost gives 16


# ---------------------------------------------------------------- caps at ingest (B)

def long_words(length: int) -> str:
    return WORDS[:length]


def is_cut_at_a_word(cut: str, whole: str, limit: int) -> bool:
    kept = cut.removesuffix("…")
    return (len(cut) <= limit and cut.endswith("…") and whole.startswith(kept)
            and whole[len(kept)] == " ")


BIG = 1_000_000


@pytest.mark.parametrize("document", ["rss", "atom", "json"])
def test_every_one_line_field_is_capped_in_every_format(document: str) -> None:
    """They were stored whole: a 10 MB title took 52 s and 837 MB to enrich."""
    text = long_words(BIG)
    feed = parse_document(_every_field_huge(document, text), {}, URL, NOW)
    hostile = next(e for e in feed.entries if not e.title.startswith("Ordinary"))
    assert is_cut_at_a_word(hostile.title, text, MAX_TITLE)
    assert is_cut_at_a_word(hostile.author or "", text, MAX_AUTHOR)
    assert len(hostile.categories) == MAX_CATEGORIES
    assert all(len(c) <= MAX_CATEGORY for c in hostile.categories)
    assert is_cut_at_a_word(hostile.categories[0], text, MAX_CATEGORY)
    assert len(hostile.guid or "") == MAX_GUID  # feedparser resolves it against the feed's URL
    assert (hostile.url, hostile.language) == (None, None)
    assert is_cut_at_a_word(feed.title or "", text, MAX_FEED_TITLE)
    assert (feed.site_url, feed.language) == (None, None)
    assert len(hostile.text) <= MAX_TEXT
    assert [e.title for e in feed.entries if e.title.startswith("Ordinary")] == ["Ordinary 1"]


def _every_field_huge(document: str, text: str) -> bytes:
    guid, link, language = "g" * BIG, "https://hostile.example/" + "p" * BIG, "e" * BIG
    categories = [text] + [f"c{n}" for n in range(200)]
    if document == "json":
        return json_feed([ordinary(1), {
            "id": guid, "url": link, "title": text, "content_text": text, "language": language,
            "authors": [{"name": text}], "tags": categories}],
            title=text, home_page_url=link, language=language)
    if document == "rss":
        tags = "".join(f"<category>{c}</category>" for c in categories)
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{text}</title>'
                f"<link>{link}</link><language>{language}</language>"
                f"<item><title>Ordinary 1</title><guid>ok-1</guid></item>"
                f"<item><title>{text}</title><guid>{guid}</guid><link>{link}</link>"
                f"<author>{text}</author>{tags}<description>{text}</description></item>"
                f"</channel></rss>").encode()
    tags = "".join(f'<category term="{c}"/>' for c in categories)
    return (f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{language}">'
            f'<title>{text}</title><link href="{link}"/>'
            f"<entry><id>ok-1</id><title>Ordinary 1</title></entry>"
            f'<entry><id>{guid}</id><title>{text}</title><link href="{link}"/>'
            f"<author><name>{text}</name></author>{tags}<content>{text}</content></entry>"
            f"</feed>").encode()


def test_a_feeds_huge_author_and_language_reach_its_entries_capped_and_cheaply(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each item inherits them: a 2 MB author on 1,000 items was stored 1,000 times (2 GB), and
    read whole for each. Work is counted, not timed: no line read is longer than 4 times the
    author cap, whatever the author's length."""
    author, language = long_words(2 * BIG), "en" + "-x" * BIG
    items = [{"id": str(n), "title": f"Item {n}"} for n in range(1_000)]
    lengths_read: list[int] = []
    one_line = normalise.one_line

    def measured(value: str) -> str:
        lengths_read.append(len(value))
        return one_line(value)

    monkeypatch.setattr(normalise, "one_line", measured)
    feed = parse_document(json_feed(items, authors=[{"name": author}], language=language),
                          JSON, URL, NOW)
    assert len(lengths_read) >= 1_000 and max(lengths_read) <= 4 * MAX_AUTHOR
    assert len(feed.entries) == 1_000
    assert all(is_cut_at_a_word(e.author or "", author, MAX_AUTHOR) for e in feed.entries)
    assert {e.language for e in feed.entries} == {None} and feed.language is None


def test_guids_alike_in_their_stored_part_stay_apart() -> None:
    """The identity comes from the whole guid, not from the part that is stored."""
    items = [{"id": "g" * MAX_GUID + tail, "title": tail} for tail in ("a", "b")]
    first, second = parse_document(json_feed(items), JSON, URL, NOW).entries
    assert first.guid == second.guid == "g" * MAX_GUID
    assert first.key != second.key


def test_a_title_that_is_one_long_word_is_cut_at_the_cap() -> None:
    url_title = "https://hostile.example/" + "p" * 1_500  # kept whole as a word: it is a URL
    [entry] = parse_document(json_feed([{"id": "1", "title": url_title}]), JSON, URL, NOW).entries
    assert entry.title == url_title[:MAX_TITLE - 1] + "…"


def test_a_long_text_keeps_its_first_whole_paragraphs() -> None:
    paragraphs = [f"Paragraph {n}. " + long_words(5_000).strip() for n in range(100)]
    text = "\n\n".join(paragraphs)
    [entry] = parse_document(json_feed([{"id": "1", "content_text": text}]), JSON, URL, NOW).entries
    assert MAX_TEXT // 2 <= len(entry.text) <= MAX_TEXT
    assert text.startswith(entry.text) and text[len(entry.text):].startswith("\n\nParagraph")


def test_one_long_paragraph_is_cut_after_a_sentence() -> None:
    text = long_words(BIG).strip()
    [entry] = parse_document(json_feed([{"id": "1", "content_text": text}]), JSON, URL, NOW).entries
    assert MAX_TEXT // 2 <= len(entry.text) <= MAX_TEXT
    assert text.startswith(entry.text) and entry.text.endswith("capital.")


def test_a_paragraph_without_sentence_ends_is_cut_at_a_word() -> None:
    text = long_words(BIG).replace(".", "")
    [entry] = parse_document(json_feed([{"id": "1", "content_text": text}]), JSON, URL, NOW).entries
    assert len(entry.text) >= MAX_TEXT // 2
    assert is_cut_at_a_word(entry.text, text, MAX_TEXT)


def test_ordinary_entries_keep_their_identity_and_content_hash() -> None:
    """The caps change nothing below them: key and hash are those the entry always had."""
    text = "Ordinary text. " * 1_000
    items = [{"id": "ok-1", "title": "Ordinary title", "url": "https://hostile.example/1",
              "content_text": text, "tags": ["World"], "authors": [{"name": "A. Writer"}]}]
    [entry] = parse_document(json_feed(items), JSON, URL, NOW).entries
    assert entry.key == digest("ok-1")
    assert entry.content_hash == digest("Ordinary title", text.strip(), "https://hostile.example/1")
    assert (entry.author, entry.categories) == ("A. Writer", ("World",))
