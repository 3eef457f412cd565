"""OPML, the feed list every feed reader imports and exports.

Reading goes through listparser, on bytes only: given a string that starts with http://,
listparser would fetch it. A file is refused whole before parsing when it is larger than
`MAX_OPML_BYTES` or declares a DTD (entity expansion has no place in a feed list), and after
parsing when it lists more than `MAX_OUTLINES` feeds. Writing uses the standard library.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from digests.errors import DigestError

MAX_OPML_BYTES = 2 * 1024 * 1024
"""A list of ten thousand feeds is about 1.5 MB of OPML; anything larger is not a feed list."""
MAX_OUTLINES = 5000
MAX_TITLE = 100
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_ENCODED_DTD = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


class OpmlError(DigestError):
    """A file that is not a feed list Newsdesk can read; the message says why."""


@dataclass(frozen=True, slots=True)
class OpmlFeed:
    """One feed outline: its address as written, and the title the list gives it (if any)."""

    url: str
    title: str | None = None
    folder: str | None = None


@dataclass(frozen=True, slots=True)
class FeedList:
    title: str | None
    feeds: tuple[OpmlFeed, ...]


@dataclass(frozen=True, slots=True)
class ExportedFeed:
    name: str
    url: str
    site_url: str | None = None


def read_opml(data: bytes) -> FeedList:
    """The feeds an OPML document lists, nested outlines flattened in document order (their
    folder kept), or `OpmlError` when the file cannot be a feed list."""
    if len(data) > MAX_OPML_BYTES:
        raise OpmlError(f"The file is {len(data):,} bytes; a feed list may have at most "
                        f"{MAX_OPML_BYTES:,}.")
    if _DTD.search(data) or _ENCODED_DTD.search(_as_text(data)):
        raise OpmlError("The file declares a DTD (<!DOCTYPE> or <!ENTITY>), which a feed list "
                        "never needs; it was not read.")
    import listparser  # only `feeds import` pays for it

    parsed = listparser.parse(bytes(data))  # bytes: never a URL to fetch
    found = [_feed(entry) for entry in parsed.get("feeds", [])]
    if not found and not parsed.get("version", "").startswith("opml"):
        raise OpmlError("The file is not an OPML feed list (no <opml> document with feed "
                        "outlines was found).")
    if len(found) > MAX_OUTLINES:
        raise OpmlError(f"The file lists {len(found):,} feeds; at most {MAX_OUTLINES:,} can be "
                        "imported at once.")
    title = _clean(parsed.get("meta", {}).get("title"))
    return FeedList(title, tuple(found))


def _as_text(data: bytes) -> str:
    """The document decoded as UTF-16 when it starts like it: a DTD hides there from a bytes
    search (UTF-8 and its relatives are caught as bytes)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="replace")
    return ""


def _feed(entry: dict[str, object]) -> OpmlFeed:
    url = str(entry.get("url") or "").strip()
    categories = entry.get("categories") or []
    folder = None
    if isinstance(categories, list) and categories and isinstance(categories[0], list):
        folder = _clean(" / ".join(str(c) for c in categories[0]))
    return OpmlFeed(url, _clean(entry.get("title")), folder)


def _clean(text: object) -> str | None:
    """A title as one printable line of at most MAX_TITLE characters, or None."""
    if not isinstance(text, str):
        return None
    line = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    return line[:MAX_TITLE].rstrip() or None


def write_opml(feeds: Iterable[ExportedFeed], *, title: str, created: datetime) -> bytes:
    """An OPML 2.0 document listing `feeds`, as UTF-8 bytes."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = _xml_safe(title)
    ET.SubElement(head, "dateCreated").text = created.strftime("%a, %d %b %Y %H:%M:%S %z")
    body = ET.SubElement(root, "body")
    for feed in feeds:
        name = _xml_safe(feed.name)
        outline = ET.SubElement(body, "outline", type="rss", text=name, title=name,
                                xmlUrl=_xml_safe(feed.url))
        if feed.site_url:
            outline.set("htmlUrl", _xml_safe(feed.site_url))
    ET.indent(root)
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 cannot hold (a feed title may carry them)."""
    return _NOT_IN_XML.sub("", text)
