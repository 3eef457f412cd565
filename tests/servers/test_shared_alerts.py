"""Alerts with several writers on one PostgreSQL database: an item whose transaction commits
after items with larger ids were checked is still matched, and matched once."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from digests.models import Entry, ParsedFeed
from digests.news.enrichment import Enricher
from digests.runtime.workers import WorkerPool
from digests.servers.deliveries import collect_alert_matches
from digests.store.core import Store, async_database_url
from digests.store.items import FetchState

from builders import entry
from conftest import NOW, needs_postgresql

HANG_GUARD = 60  # seconds: a wait that never ends fails the test instead of hanging it
LATER = NOW + timedelta(minutes=5)


@pytest.fixture(scope="module")
def workers() -> Iterator[WorkerPool]:
    pool = WorkerPool(1)
    yield pool
    pool.close()



def news(key: str, title: str) -> Entry:
    return replace(entry(key, f"{title}. Reporters at the scene said more."), title=title,
                   published_at=LATER)


async def wait_for_item_ids(engine: AsyncEngine, count: int) -> None:
    """Until `count` item ids were handed out (a sequence moves on before any commit)."""
    async with asyncio.timeout(HANG_GUARD):
        while True:
            async with engine.connect() as conn:
                called = await conn.scalar(text(
                    "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM items_id_seq"))
            if int(called or 0) >= count:
                return
            await asyncio.sleep(0.01)


@needs_postgresql
async def test_an_item_committed_late_by_another_process_is_still_alerted(
        shared_url: str, workers: WorkerPool) -> None:
    here, there = await Store.open(shared_url), await Store.open(shared_url)
    engine = create_async_engine(async_database_url(shared_url))
    try:
        near = await here.add_feed("https://near.example/rss", now=NOW, operator=True)
        far = await here.add_feed("https://far.example/rss", now=NOW, operator=True)
        await here.add_subscription(1, 5, query="zorblat", deliver="dm", channel_id=2, now=NOW,
                                    cap=5)
        await here.add_subscription(1, 6, query="quelmar", deliver="dm", channel_id=2, now=NOW,
                                    cap=5)
        assert await collect_alert_matches(here, NOW) == 0  # alerts start now
        async with engine.connect() as holder:
            # The far feed's row is locked: the other process's poll inserts its item (taking
            # the smaller id), then waits to update the feed, its transaction still open.
            await holder.execute(text("SELECT id FROM feeds WHERE id = :id FOR UPDATE"),
                                 {"id": far.id})
            late_poll = asyncio.ensure_future(there.save_poll(
                far.id, ParsedFeed("Far", None, "en", None, (news("late", "Quelmar dam opens"),)),
                now=LATER, first_poll=False, next_check_at=LATER + timedelta(minutes=10),
                state=FetchState(None, None, "hash", 200)))
            await wait_for_item_ids(engine, 1)
            early = await here.save_entries(near.id, [news("early", "Zorblat bridge closes")],
                                            now=LATER, first_poll=False)
            assert list(early.new_item_ids) == [2]  # the larger id, committed first
            await Enricher(here, workers).run(LATER)
            assert await collect_alert_matches(here, LATER) == 1  # the early item's
            await holder.rollback()  # the lock goes: the late transaction commits
        async with asyncio.timeout(HANG_GUARD):
            late = await late_poll
        assert list(late.new_item_ids) == [1]
        await Enricher(there, workers).run(LATER)
        assert await collect_alert_matches(there, LATER) == 1  # the late item's, not skipped
        assert await collect_alert_matches(here, LATER) == 0  # and never twice
        assert sorted(a.member_id for a in await here.pending_alerts()) == [5, 6]
    finally:
        await engine.dispose()
        await here.close()
        await there.close()
