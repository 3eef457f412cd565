"""An item that fails to be read is never lost: a full disk while storing its analysis leaves
it to be tried again later, and only an item that keeps failing is given up, with its reason."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import timedelta
from pathlib import Path

from digests.models import Entry
from digests.news.enrichment import RETRY_DELAYS, Enricher
from digests.news.stories import StoryDoc, StoryIndex
from digests.runtime.workers import WorkerPool
from digests.store.core import Store

from conftest import NOW, page_limit


def report(key: str, title: str, sentences: int) -> Entry:
    text = " ".join(f"Rescuers said {n + 3} more people were reached in the valley on day {n}."
                    for n in range(sentences))
    return Entry(key=key, guid=key, url=f"https://wire.example/{key}", title=title, text=text,
                 author=None, categories=(), language="en", published_at=NOW, dated=True,
                 content_hash=key)


def pages(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return int(conn.execute("PRAGMA page_count").fetchone()[0])


async def test_a_full_disk_while_storing_an_analysis_loses_nothing(tmp_path: Path,
                                                                   workers: WorkerPool) -> None:
    path = tmp_path / "full.db"
    store = await Store.open(f"sqlite:///{path}")
    feed = await store.add_feed("https://wire.example/feed", now=NOW)
    await store.save_entries(feed.id, [report("small", "Valley road reopens", 2)], now=NOW,
                             first_poll=False)
    await Enricher(store, workers).run(NOW)
    saved = await store.save_entries(feed.id, [report("big", "Flood rescue in the valley", 400)],
                                     now=NOW, first_poll=False)
    [big] = saved.new_item_ids
    await store.close()

    with page_limit(pages(path) + 50):  # room for small writes, not for 400 sentences and their index
        full = await Store.open(f"sqlite:///{path}")
        try:
            assert await Enricher(full, workers).run(NOW) == 1
            [(_, attempts, reason, given_up)] = await full.enrichment_failures()
            assert (attempts, given_up) == (1, False) and "disk is full" in reason
            assert await full.pending_items(10, now=NOW) == []  # not before its retry is due
            assert len(await full.pending_items(10)) == 1  # but still waiting
        finally:
            await full.close()

    store = await Store.open(f"sqlite:///{path}")  # space again
    try:
        await Enricher(store, workers).run(NOW + RETRY_DELAYS[0])
        assert await store.pending_items(10) == []
        hits = await store.search_sentences(["valley"], limit=1000)
        assert sum(h.source.item_id == big for h in hits) == 401  # its title and 400 sentences
    finally:
        await store.close()


class _PoisonedIndex(StoryIndex):
    """A story index that cannot place one particular item, as a bug in clustering would."""

    def __init__(self, poisoned_title: str) -> None:
        super().__init__()
        self.poisoned_title = poisoned_title

    def add(self, doc: StoryDoc) -> int:
        if doc.title == self.poisoned_title:
            raise OverflowError("date value out of range")
        return super().add(doc)


async def test_an_item_that_keeps_failing_is_given_up_after_the_last_try(
        tmp_path: Path, workers: WorkerPool) -> None:
    store = await Store.open(f"sqlite:///{tmp_path / 'poison.db'}")
    feed = await store.add_feed("https://wire.example/feed", now=NOW)
    await store.save_entries(feed.id, [report("p", "Poisoned", 1), report("q", "Healthy", 1)],
                             now=NOW, first_poll=False)
    enricher = Enricher(store, workers, stories=_PoisonedIndex("Poisoned"))
    when = NOW
    assert await enricher.run(when) == 2
    for delay in RETRY_DELAYS:
        assert len(await store.pending_items(10)) == 1
        when += delay
        await enricher.run(when)
    assert await store.pending_items(10) == []
    [(_, attempts, reason, given_up)] = await store.enrichment_failures()
    assert (attempts, given_up) == (len(RETRY_DELAYS) + 1, True)
    assert "OverflowError" in reason
    assert sum(RETRY_DELAYS, timedelta()) > timedelta(days=1)
    await store.close()
