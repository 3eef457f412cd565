"""feedparser's re-encoding step, kept lean for UTF-8 documents and the same in every case."""

from __future__ import annotations

import codecs
import tracemalloc
from typing import Any

import feedparser.encodings
import pytest

from digests.feeds import utf8recode
from digests.feeds.parsing import parse_document

from conftest import NOW

feedparsers = feedparser.encodings.convert_to_utf8

ITEM = "<item><title>Kyiv talks 😀 é</title><link>https://w.example/{n}</link></item>\n"
UTF8_DECLARED = "<?xml version='1.0' encoding='utf-8'?>\n<rss version='2.0'><channel>\n"
TAIL = "</channel></rss>\n"


def rss(head: str = UTF8_DECLARED, items: int = 3) -> str:
    return head + "".join(ITEM.format(n=n) for n in range(items)) + TAIL


DOCUMENTS = {
    "utf-8, declared": rss().encode(),
    "utf-8, no declaration": rss("<rss version='2.0'><channel>\n").encode(),
    "utf-8 with a BOM": codecs.BOM_UTF8 + rss().encode(),
    "declared utf-8, a Latin-1 byte late": rss().encode() + "<!-- café -->".encode("latin-1"),
    "declared iso-8859-1": rss(UTF8_DECLARED.replace("utf-8", "iso-8859-1"))
    .replace("😀", "").encode("latin-1"),
    "declared windows-1251": rss(UTF8_DECLARED.replace("utf-8", "windows-1251"))
    .replace("😀", "").replace("é", "Киев").encode("cp1251"),
    "utf-16 with a BOM": codecs.BOM_UTF16_LE
    + rss(UTF8_DECLARED.replace("utf-8", "utf-16")).encode("utf-16-le"),
    "utf-16 big-endian, no BOM": rss(UTF8_DECLARED.replace("utf-8", "utf-16be"))
    .encode("utf-16-be"),
    "utf-32 with a BOM": codecs.BOM_UTF32_LE + rss(UTF8_DECLARED.replace("utf-8", "utf-32"))
    .encode("utf-32-le"),
    "all on one line": rss().replace("\n", "").encode(),
    "an encoding named again later on the first line": (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><description>"
        "encoding='iso-8859-1' ?></description>\n" + ITEM.format(n=1) + TAIL).encode(),
    "a declaration over two lines": rss("<?xml version='1.0'\n encoding='utf-8'?>\n<rss>\n")
    .encode(),
    "no markup at all": "plain text, no feed é\n".encode(),
}
HEADERS = [
    {},
    {"content-type": "application/rss+xml; charset=utf-8"},
    {"content-type": "application/xml"},
    {"content-type": "text/xml"},  # RFC 3023: us-ascii, whatever the document says
    {"content-type": "text/html; charset=UTF-8"},
    {"content-type": "application/atom+xml; charset=iso-8859-1"},
]


@pytest.mark.parametrize("headers", HEADERS, ids=lambda h: h.get("content-type", "none"))
@pytest.mark.parametrize("name", DOCUMENTS)
def test_same_bytes_encoding_and_errors_as_feedparsers_own(name: str,
                                                           headers: dict[str, str]) -> None:
    data = DOCUMENTS[name]
    theirs: dict[str, Any] = {}
    ours: dict[str, Any] = {}
    expected = feedparsers(dict(headers), data, theirs)
    assert utf8recode.convert_to_utf8(dict(headers), data, ours) == expected
    assert repr(ours) == repr(theirs)


def test_a_large_utf8_document_is_not_copied_as_text() -> None:
    """2 MB with one emoji: feedparser's own step holds the text at four bytes a character,
    twice; the lean one little more than the document."""
    data = rss(items=25_000).encode()
    assert len(data) > 2_000_000

    def peak(convert: Any) -> int:
        tracemalloc.start()
        try:
            convert({}, data, {})
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    assert peak(feedparsers) > 6 * len(data)
    assert peak(utf8recode.convert_to_utf8) < 1.5 * len(data)


def test_parsing_reads_a_utf8_feed_through_the_lean_step() -> None:
    feed = parse_document(DOCUMENTS["utf-8, declared"],
                          {"content-type": "application/rss+xml; charset=utf-8"},
                          "https://w.example/feed", NOW)
    assert [e.title for e in feed.entries] == ["Kyiv talks 😀 é"] * 3
    assert feedparser.api.convert_to_utf8 is utf8recode.convert_to_utf8
