"""Entry identities that stay the same from poll to poll, whatever a feed does with its ids."""

from __future__ import annotations

from datetime import timedelta

import pytest

from digests.feeds.parsing import parse_document
from digests.store.core import Store

from conftest import NOW


def rss(numbers: range, *, links: bool) -> bytes:
    """Entries newest first, all under one guid (a broken CMS), with or without links."""
    items = "".join(
        f"<item><title>Story {n}</title><guid>https://one.example/guid</guid>"
        + (f"<link>https://one.example/{n}</link>" if links else "")
        + f"<description>Report number {n}.</description></item>"
        for n in reversed(numbers))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>One guid</title>{items}'
            "</channel></rss>").encode()


@pytest.mark.parametrize("links", [True, False])
async def test_entries_sharing_one_guid_keep_their_identities_as_the_feed_moves(
        store: Store, links: bool) -> None:
    """Twenty entries under one guid; each poll a new one on top and the oldest gone: one new
    entry and nothing else changes (not "1 new, 19 updated" at every poll)."""
    feed = await store.add_feed("https://one.example/feed", now=NOW)
    for poll in range(4):
        when = NOW + timedelta(hours=poll)
        parsed = parse_document(rss(range(poll, poll + 20), links=links), {}, feed.url, when)
        saved = await store.save_entries(feed.id, parsed.entries, now=when, first_poll=poll == 0)
        assert (saved.new, saved.updated) == ((20, 0) if poll == 0 else (1, 0)), poll
