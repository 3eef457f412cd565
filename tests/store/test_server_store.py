"""The store's server side on both backends: digests claimed once, the outbox, subscriptions,
per-server feeds, and alert matching against enriched items."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from contextlib import closing
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from digests.config import PollingConfig
from digests.feeds.fetching import Fetcher
from digests.feeds.polling import Poller
from digests.feeds.reading import FeedReader
from digests.models import Entry
from digests.news.enrichment import Enricher
from digests.runtime.workers import WorkerPool
from digests.servers.deliveries import ALERT_CURSOR, collect_alert_matches
from digests.servers.following import (
    FeedUnreadable,
    add_guild_feed,
    find_guild_feed,
    pause_guild_feed,
    remove_guild_feed,
    resume_guild_feed,
)
from digests.servers.scope import guild_view
from digests.store import legacy, migrations
from digests.store.core import Store
from digests.store.servers import LimitReached, OutboxMessage

from conftest import NOW, fixture_bytes
from feedserver import FeedServer

RSS = fixture_bytes("rss20.xml")


@pytest.fixture(scope="module")
def workers() -> AsyncIterator[WorkerPool]:
    pool = WorkerPool(1)
    yield pool  # type: ignore[misc]
    pool.close()


@pytest.fixture
def poller(store: Store, fetcher: Fetcher, workers: WorkerPool) -> Poller:
    return Poller(store, fetcher, FeedReader(workers).parse, PollingConfig())


def message(key: str, part: int = 0) -> OutboxMessage:
    return OutboxMessage(key, part, "digest", '{"content": "hi"}', guild_id=1, channel_id=2)


async def test_a_day_is_claimed_once_with_its_messages(store: Store) -> None:
    await store.set_digest_schedule(1, channel_id=2, time="08:00", timezone="UTC", now=NOW)
    parts = [message("digest:1:2022-03-03", n) for n in range(3)]
    assert await store.claim_digest(1, "2022-03-03", parts, NOW)
    assert not await store.claim_digest(1, "2022-03-03", parts, NOW)
    assert not await store.claim_digest(1, "2022-03-02", parts, NOW)
    rows = await store.due_outbox(NOW)
    assert [(r.key, r.part, r.status) for r in rows] == [
        ("digest:1:2022-03-03", n, "pending") for n in range(3)]
    settings = await store.guild_settings(1)
    assert settings is not None and settings.last_digest_on == "2022-03-03"


async def test_outbox_rows_are_written_once_and_move_through_states(store: Store) -> None:
    assert await store.enqueue([message("k"), message("k")], NOW) == 1
    assert await store.enqueue([message("k")], NOW) == 0
    [row] = await store.due_outbox(NOW)
    await store.mark_retry(row.id, "Discord error 503", NOW + timedelta(seconds=30))
    assert await store.due_outbox(NOW) == []
    [again] = await store.due_outbox(NOW + timedelta(seconds=30))
    assert again.attempts == 1 and again.last_error == "Discord error 503"
    await store.mark_retry(row.id, "missing permission", NOW + timedelta(hours=1), blocked=True)
    assert [r.status for r in await store.blocked_deliveries(1)] == ["blocked"]
    await store.mark_sent(row.id, 1234, NOW)
    assert await store.due_outbox(NOW + timedelta(days=1)) == []
    assert await store.blocked_deliveries(1) == []


async def test_subscriptions_are_capped_per_member(store: Store) -> None:
    for n in range(3):
        await store.add_subscription(1, 5, query=f"topic {n}", deliver="dm", channel_id=2, now=NOW, cap=3)
    with pytest.raises(LimitReached, match="3 alerts"):
        await store.add_subscription(1, 5, query="one more", deliver="dm", channel_id=2, now=NOW, cap=3)
    other = await store.add_subscription(1, 6, query="x", deliver="channel", channel_id=2, now=NOW, cap=3)
    assert not await store.remove_subscription(1, 5, other.id)  # not theirs
    assert await store.remove_subscription(1, 6, other.id)
    assert [s.query for s in await store.subscriptions_of(1, 5)] == ["topic 0", "topic 1", "topic 2"]


async def test_dms_closed_is_reported_as_a_change_once(store: Store) -> None:
    assert await store.set_dms_closed(1, 5, True)
    assert not await store.set_dms_closed(1, 5, True)
    assert await store.set_dms_closed(1, 5, False)


async def test_adding_a_feed_reads_it_at_once_without_alerting(
        feed_server: FeedServer, store: Store, poller: Poller) -> None:
    feed_server.serve("/feed", RSS)
    added = await add_guild_feed(store, poller, 1, feed_server.url("/feed"), name="Wire", now=NOW)
    assert not added.already and added.feed.item_count > 0 and added.feed.display_name == "Wire"
    items = await store.items_published_between(NOW - timedelta(days=10000), NOW + timedelta(days=1))
    assert items and all(i.seen_at_first_poll for i in items)
    again = await add_guild_feed(store, poller, 1, feed_server.url("/feed"), name=None, now=NOW)
    assert again.already and feed_server.hits("/feed") == 1
    second = await add_guild_feed(store, poller, 2, feed_server.url("/feed"), name=None, now=NOW)
    assert second.feed.id == added.feed.id and feed_server.hits("/feed") == 1  # fetched once


async def test_a_url_that_is_no_feed_is_refused_and_forgotten(
        feed_server: FeedServer, store: Store, poller: Poller) -> None:
    feed_server.status("/missing", 404)
    with pytest.raises(FeedUnreadable, match="could not read"):
        await add_guild_feed(store, poller, 1, feed_server.url("/missing"), name=None, now=NOW)
    assert await store.all_feeds() == [] and await store.guild_feeds(1) == []


async def test_pausing_is_per_server_until_nobody_wants_the_feed(
        feed_server: FeedServer, store: Store, poller: Poller) -> None:
    feed_server.serve("/feed", RSS)
    feed = (await add_guild_feed(store, poller, 1, feed_server.url("/feed"), name=None, now=NOW)).feed
    await add_guild_feed(store, poller, 2, feed_server.url("/feed"), name=None, now=NOW)
    paused = await pause_guild_feed(store, 1, feed, NOW)
    assert paused.paused and not (await store.get_feed(feed.id)).paused  # server 2 still reads it
    assert feed.id not in (await guild_view(store, 1, live_only=True)).feed_ids
    assert feed.id in (await guild_view(store, 1)).feed_ids  # what it stored still answers
    await remove_guild_feed(store, 2, feed, NOW)
    assert (await store.get_feed(feed.id)).paused  # nobody polls it now
    resumed = await resume_guild_feed(store, 1, feed, NOW)
    assert not resumed.paused and not (await store.get_feed(feed.id)).paused
    assert [f.id for f in await store.guild_feeds(2)] == []
    assert (await find_guild_feed(store, 1, str(feed.id))).id == feed.id


async def test_feed_ids_of_many_servers_are_what_each_server_lists(store: Store) -> None:
    """`guild_feed_ids` (two queries for every server) agrees with `guild_feeds` (one server,
    whole feeds) on operator feeds removed, paused by one server or by all, and private feeds."""
    shared, private_1, private_2 = [await store.add_feed(f"https://{n}.example/f", now=NOW)
                                    for n in ("shared", "one", "two")]
    operators = [await store.add_feed(f"https://op{n}.example/f", now=NOW, operator=True)
                 for n in range(4)]
    for guild, feed in ((1, shared), (2, shared), (1, private_1), (2, private_2)):
        await store.follow(guild, feed.id, now=NOW)
    await store.unfollow(1, operators[0].id, now=NOW)
    await pause_guild_feed(store, 2, operators[1], NOW)
    await pause_guild_feed(store, 1, shared, NOW)
    for guild in (1, 2, 3):
        await pause_guild_feed(store, guild, operators[2], NOW)  # a follow row for each
    await store.pause_feed(operators[3].id, now=NOW, reason="everyone paused it", by="server")
    for live_only in (False, True):
        ids = await store.guild_feed_ids([1, 2, 3, 4], live_only=live_only)
        for guild in (1, 2, 3, 4):
            expected = (await guild_view(store, guild, live_only=live_only)).feed_ids
            listed = {f.id for f in await store.guild_feeds(guild, counts=False)
                      if not (live_only and f.paused_by == "server")}
            assert ids[guild] == expected == listed, (guild, live_only)
    assert ids[4] == {op.id for op in operators[:3]}  # live for server 4: not the one paused by all


def entry(key: str, title: str) -> Entry:
    return Entry(key=key, guid=key, url=f"https://wire.example/{key}", title=title,
                 text=f"{title}. More words follow here about it.", author=None, categories=(),
                 language="en", published_at=NOW, dated=True, content_hash=key)


async def test_alert_matching_starts_now_and_waits_for_enrichment(store: Store, workers: WorkerPool) -> None:
    feed = await store.add_feed("https://wire.example/feed", now=NOW, operator=True)
    await store.save_entries(feed.id, [entry("a", "Refugees reach Poland")], now=NOW, first_poll=True)
    subscription = await store.add_subscription(1, 5, query="refugees", deliver="dm", channel_id=2,
                                                now=NOW, cap=5)
    assert await collect_alert_matches(store, NOW) == 0  # the cursor starts after what is stored
    later = NOW + timedelta(minutes=5)
    await store.save_entries(feed.id, [entry("b", "More refugees reach Moldova"),
                                       entry("c", "Markets fall")], now=later, first_poll=False)
    assert await collect_alert_matches(store, later) == 0  # not enriched yet: waits
    await Enricher(store, workers).run(later)
    assert await collect_alert_matches(store, later) == 1
    assert await collect_alert_matches(store, later) == 0  # never twice
    [pending] = await store.pending_alerts()
    assert (pending.subscription_id, pending.member_id) == (subscription.id, 5)
    assert int(await store.state(ALERT_CURSOR) or 0) == await store.last_item_id()


# A file made by hand as an older Newsdesk left it (schema_version 2), so SQLite only.
async def test_upgrade_to_version_3_keeps_feeds_and_follows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    types = {"pk": "INTEGER PRIMARY KEY", "ts": "TIMESTAMP", "bool": "BOOLEAN", "big": "BIGINT",
             "int_ref": "INTEGER"}
    with closing(sqlite3.connect(path)) as conn, conn:
        for step in [*legacy.MIGRATIONS[0], *legacy.MIGRATIONS[1]]:
            statement = step if isinstance(step, str) else step.get("sqlite")
            if statement:
                conn.execute(statement.format(**types))
        conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        conn.execute("INSERT INTO schema_version VALUES (2)")
        conn.execute("INSERT INTO feeds (id, url, next_check_at, created_at) VALUES "
                     "(7, 'https://wire.example/feed', '2022-03-03 12:00:00', '2022-03-03 12:00:00')")
        conn.execute("INSERT INTO follows (guild_id, feed_id, created_at) VALUES "
                     "(1, 7, '2022-03-03 12:00:00')")
    reopened = await Store.open(f"sqlite:///{path}")
    assert [f.id for f in await reopened.guild_feeds(1)] == [7]
    assert await reopened.state(ALERT_CURSOR) is None
    async with reopened._engine.connect() as conn:
        from sqlalchemy import text
        assert (await conn.execute(text("SELECT version_num FROM alembic_version"))).scalar() == \
            migrations.head()
    await reopened.close()


async def test_a_backlog_of_first_poll_items_never_holds_alerts_back(store: Store,
                                                                     workers: WorkerPool) -> None:
    """A cold start stores thousands of items to read (never alerted: seen at a first poll);
    a new item read at once is matched without waiting for the backlog."""
    feed = await store.add_feed("https://wire.example/feed", now=NOW, operator=True)
    await store.add_subscription(1, 5, query="refugees", deliver="dm", channel_id=2, now=NOW, cap=5)
    assert await collect_alert_matches(store, NOW) == 0
    backlog = [entry(f"old{n}", f"Archive report {n}") for n in range(50)]
    await store.save_entries(feed.id, backlog, now=NOW, first_poll=True)
    later = NOW + timedelta(minutes=1)
    fresh = replace(entry("fresh", "Refugees reach Moldova"), published_at=later)
    await store.save_entries(feed.id, [fresh], now=later, first_poll=False)
    await Enricher(store, workers).run(later, limit=1)  # the newest item only
    assert len(await store.pending_items(100)) == 50
    assert await collect_alert_matches(store, later) == 1


async def test_an_item_that_cannot_be_read_is_alerted_in_a_story_of_its_own(
        store: Store, workers: WorkerPool) -> None:
    feed = await store.add_feed("https://wire.example/feed", now=NOW, operator=True)
    await store.add_subscription(1, 5, query="refugees", deliver="dm", channel_id=2, now=NOW, cap=5)
    assert await collect_alert_matches(store, NOW) == 0
    later = NOW + timedelta(minutes=1)
    await store.save_entries(feed.id, [entry("x", "Refugees reach Moldova")], now=later,
                             first_poll=False)
    [item] = await store.pending_items(1)
    await store.record_enrichment_failure(item, "its analysis failed", story_id=77,
                                          retry_at=lambda attempts: later + timedelta(hours=1))
    assert await collect_alert_matches(store, later) == 1
    [alert] = await store.pending_alerts()
    assert alert.story_id == 77
