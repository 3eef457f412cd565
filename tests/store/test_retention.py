"""The retention policy on both backends: what is older than the period goes, with all
that was read from it; what a feed still lists stays; a year of polling stays bounded."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import insert, text

from digests.config import PollingConfig
from digests.feeds.polling import Poller
from digests.models import Entry, ParsedFeed
from digests.news.enrichment import Enricher
from digests.runtime.workers import WorkerPool
from digests.store.core import Store
from digests.store.items import FetchState
from digests.store.schema import fetch_errors, outbox

from builders import entry
from conftest import NOW

YEAR = timedelta(days=365)


@pytest.fixture(scope="module")
def workers() -> Iterator[WorkerPool]:
    pool = WorkerPool(1)
    yield pool
    pool.close()


def dated(key: str, when: timedelta, text: str) -> Entry:
    return replace(entry(key, text, title=f"Report {key}"), published_at=NOW - when)


async def test_old_items_go_with_everything_read_from_them(database_url: str, workers: WorkerPool) -> None:
    store = await Store.open(database_url)
    feed = await store.add_feed("https://wire.example/feed", now=NOW - 2 * YEAR)
    old = dated("old", 2 * YEAR, "Mayor Anna Lind said 4,000 homes lost power in the gale.")
    listed = dated("listed", 2 * YEAR, "The archive page about the lighthouse remains online.")
    await store.save_entries(feed.id, [old, listed], now=NOW - 2 * YEAR, first_poll=True)
    await Enricher(store, workers).run(NOW - 2 * YEAR)
    fresh = dated("fresh", timedelta(days=1), "Ferries resumed after the gale, officials said.")
    await store.save_entries(feed.id, [listed, fresh], now=NOW, first_poll=False)  # old: gone
    await Enricher(store, workers).run(NOW)
    async with store._engine.begin() as conn:
        await conn.execute(insert(fetch_errors).values(feed_id=feed.id, at=NOW - timedelta(days=40),
                                                       kind="http", message="HTTP 500"))
        await conn.execute(insert(outbox).values(
            key="alert:1", part=0, kind="alert", body="{}", status="sent", attempts=1,
            created_at=NOW - 2 * YEAR, next_attempt_at=NOW - 2 * YEAR))

    pruned = await store.prune(NOW, YEAR)

    assert (pruned.items, pruned.stories, pruned.fetch_errors, pruned.outbox) == (1, 1, 1, 1)
    kept = await store.items_published_between(NOW - 3 * YEAR, NOW)
    assert sorted(i.title for i in kept) == ["Report fresh", "Report listed"]
    assert await store.search_sentences(["gale"]) != []
    assert all("homes" not in h.text for h in await store.search_sentences(["homes", "power"]))
    assert await store.mentions_of(["anna lind"]) == []
    async with store._engine.connect() as conn:
        async def rows(sql: str) -> int:
            return int((await conn.execute(text(sql))).scalar() or 0)

        for table in ("sentences", "figures", "mentions", "story_items"):
            orphans = f"SELECT count(*) FROM {table} WHERE item_id NOT IN (SELECT id FROM items)"
            assert await rows(orphans) == 0, table
        if conn.dialect.name == "sqlite":  # FTS5's rows are kept by hand; PostgreSQL's index is not
            assert await rows("SELECT count(*) FROM sentences_fts") == \
                await rows("SELECT count(*) FROM sentences")
    await store.close()


async def test_a_year_of_a_rotating_feed_stays_bounded(store: Store) -> None:
    """Five new articles a day for 400 days, 100 days kept: at most 101 days of items remain."""
    feed = await store.add_feed("https://daily.example/feed", now=NOW)
    keep = timedelta(days=100)
    for day in range(400):
        today = NOW + timedelta(days=day)
        batch = [replace(entry(f"d{day}-{n}", f"Story {n} of day {day}"), published_at=today)
                 for n in range(5)]
        await store.save_entries(feed.id, batch, now=today, first_poll=False)
        await store.prune(today, keep)
    remaining = await store.items_published_between(NOW, NOW + timedelta(days=400))
    assert 5 * 100 <= len(remaining) <= 5 * 101


async def test_an_entry_older_than_the_period_is_stored_quietly(store: Store) -> None:
    """Listed again after it was deleted, an old article is no news: never alerted."""
    feed = await store.add_feed("https://again.example/feed", now=NOW)
    parsed = ParsedFeed("Again", None, None, None, (dated("ancient", 2 * YEAR, "Old news."),
                                                    dated("recent", timedelta(hours=1), "News.")))
    await store.save_poll(feed.id, parsed, now=NOW, first_poll=False, next_check_at=NOW,
                          state=FetchState(None, None, "h", 200), quiet_before=NOW - YEAR)
    quiet = {i.title: i.seen_at_first_poll
             for i in await store.items_published_between(NOW - 3 * YEAR, NOW)}
    assert quiet == {"Report ancient": True, "Report recent": False}


def test_the_poller_passes_the_period_on() -> None:
    poller = Poller(None, None, None, PollingConfig(), retention=YEAR)  # type: ignore[arg-type]
    assert poller._retention == YEAR
