"""The store on both backends (a real SQLite file, a real PostgreSQL database): dedup, edits,
first poll, restarts; and SQLite's own: WAL, files of older versions."""

from __future__ import annotations

import asyncio
import sqlite3
from dataclasses import replace
from datetime import timedelta, timezone
from pathlib import Path

from digests.models import Entry, ParsedFeed
from digests.store import legacy, migrations
from digests.store.core import Store
from digests.store.items import FetchState

from builders import entry
from conftest import NOW


async def test_one_row_per_url(store: Store) -> None:
    """Adding the same URL twice gives the same feed; a name given later is kept."""
    first = await store.add_feed("https://a.example/rss", now=NOW)
    again = await store.add_feed("https://a.example/rss", now=NOW, name="A")
    assert first.id == again.id
    assert again.name == "A"
    assert len(await store.all_feeds()) == 1


async def test_dedup_by_entry_identity_not_date(store: Store) -> None:
    """Entries already stored are not new again, even with older dates; new ones are."""
    feed = await store.add_feed("https://a.example/rss", now=NOW)
    first = await store.save_entries(feed.id, [entry("a"), entry("b")], now=NOW, first_poll=True)
    old = replace(entry("c"), published_at=NOW - timedelta(days=30))
    second = await store.save_entries(feed.id, [entry("a"), entry("b"), old], now=NOW,
                                      first_poll=False)
    assert (first.new, second.new, second.unchanged) == (2, 1, 2)


async def test_changed_text_updates_without_counting_as_new(store: Store) -> None:
    """An entry seen again with changed text updates the stored item."""
    feed = await store.add_feed("https://a.example/rss", now=NOW)
    await store.save_entries(feed.id, [entry("a", "First version")], now=NOW, first_poll=True)
    result = await store.save_entries(feed.id, [entry("a", "Corrected version")],
                                      now=NOW + timedelta(hours=1), first_poll=False)
    assert (result.new, result.updated) == (0, 1)
    items = await store.items_published_between(NOW - timedelta(days=1), NOW + timedelta(days=1))
    assert [i.text for i in items] == ["Corrected version"]


async def test_first_poll_items_are_marked(store: Store) -> None:
    """Items from a feed's first poll are flagged so nothing alerts on them later."""
    feed = await store.add_feed("https://a.example/rss", now=NOW)
    await store.save_entries(feed.id, [entry("a")], now=NOW, first_poll=True)
    await store.save_entries(feed.id, [entry("a"), entry("b")], now=NOW, first_poll=False)
    items = await store.items_published_between(NOW - timedelta(days=1), NOW)
    assert {i.url.rsplit("/", 1)[1]: i.seen_at_first_poll for i in items if i.url} == {
        "a": True, "b": False}


async def test_undated_entry_keeps_its_first_seen_time(store: Store) -> None:
    """An entry without a date is dated when first seen, and later polls do not move it."""
    feed = await store.add_feed("https://a.example/rss", now=NOW)
    await store.save_entries(feed.id, [entry("a", dated=False)], now=NOW, first_poll=True)
    later = NOW + timedelta(hours=5)
    await store.save_entries(feed.id, [replace(entry("a", "edited", dated=False),
                                               published_at=later)], now=later, first_poll=False)
    [item] = await store.items_published_between(NOW - timedelta(days=1), later)
    assert item.published_at == NOW
    assert item.text == "edited"


async def test_restart_keeps_everything_once(database_url: str) -> None:
    """Close and reopen the database: feeds, items and fetch state are there, none duplicated."""
    url = database_url
    store = await Store.open(url)
    feed = await store.add_feed("https://a.example/rss", now=NOW)
    parsed = ParsedFeed("A", None, None, None, (entry("a"), entry("b")))
    await store.save_poll(feed.id, parsed, now=NOW, first_poll=True,
                          next_check_at=NOW + timedelta(minutes=10),
                          state=FetchState('"v1"', "Wed, 02 Mar 2022 10:00:00 GMT", "h", 200))
    await store.close()

    reopened = await Store.open(url)
    try:
        [again] = await reopened.all_feeds()
        assert (again.etag, again.body_hash, again.item_count, again.first_polled) == (
            '"v1"', "h", 2, True)
        repeat = await reopened.save_entries(again.id, [entry("a"), entry("b")], now=NOW,
                                             first_poll=False)
        assert repeat.new == 0
        assert (await reopened.counts()).items == 2
    finally:
        await reopened.close()


async def test_failures_are_counted_and_kept_in_history(store: Store) -> None:
    """Each failure is counted from the first one, and a success clears the run."""
    feed = await store.add_feed("https://a.example/rss", now=NOW)
    later = NOW + timedelta(minutes=10)
    await store.record_failure(feed.id, now=NOW, next_check_at=later, kind="http",
                               message="HTTP 500", status=500)
    failing = await store.record_failure(feed.id, now=later, next_check_at=later, kind="timeout",
                                         message="no answer")
    assert (failing.failure_count, failing.failing_since, failing.last_error) == (
        2, NOW, "no answer")
    assert failing.status.value == "failing"
    assert [e.kind for e in await store.feed_errors(feed.id)] == ["timeout", "http"]
    await store.record_not_modified(feed.id, now=later, next_check_at=later, etag=None,
                                    last_modified=None)
    healthy = await store.get_feed(feed.id)
    assert (healthy.failure_count, healthy.failing_since, healthy.status.value) == (0, None, "ok")


async def test_not_modified_answers_arriving_together_are_each_recorded(store: Store) -> None:
    """Thirty 304s at once are written together, each with its own times and validators; a
    validator the answer did not give keeps the one stored."""
    made = [await store.add_feed(f"https://n{n}.example/rss", now=NOW) for n in range(30)]
    await store.record_not_modified(made[0].id, now=NOW, next_check_at=NOW, etag='"kept"',
                                    last_modified="Mon, 01 Jan 2024 00:00:00 GMT")
    await asyncio.gather(*(
        store.record_not_modified(feed.id, now=NOW + timedelta(seconds=n),
                                  next_check_at=NOW + timedelta(minutes=n),
                                  etag=None if n == 0 else f'"e{n}"', last_modified=None)
        for n, feed in enumerate(made)))
    for n, feed in enumerate(made):
        got = await store.get_feed(feed.id)
        assert got.next_check_at == NOW + timedelta(minutes=n)
        assert got.last_polled_at == NOW + timedelta(seconds=n)
        assert got.etag == ('"kept"' if n == 0 else f'"e{n}"')
    first = await store.get_feed(made[0].id)
    assert first.last_modified == "Mon, 01 Jan 2024 00:00:00 GMT"


async def test_due_feeds_skip_paused_and_future(store: Store) -> None:
    """Only unpaused feeds whose next check has come are due, the most overdue first."""
    a = await store.add_feed("https://a.example/rss", now=NOW - timedelta(minutes=5))
    b = await store.add_feed("https://b.example/rss", now=NOW - timedelta(minutes=9))
    c = await store.add_feed("https://c.example/rss", now=NOW)
    await store.reschedule(c.id, NOW + timedelta(minutes=1))
    await store.pause_feed(a.id, now=NOW, reason="by hand", by="admin")
    assert [f.id for f in await store.due_feeds(NOW, 10)] == [b.id]
    await store.resume_feed(a.id, now=NOW)
    assert [f.id for f in await store.due_feeds(NOW, 10)] == [b.id, a.id]


async def test_due_feeds_leave_out_those_being_polled_and_keep_the_order(store: Store) -> None:
    made = [await store.add_feed(f"https://d{n}.example/rss", now=NOW - timedelta(minutes=n))
            for n in range(6)]  # d5 is the most overdue
    busy = {made[5].id, made[3].id}
    due = await store.due_feeds(NOW, 3, excluding=busy)
    assert [f.url for f in due] == ["https://d4.example/rss", "https://d2.example/rss",
                                    "https://d1.example/rss"]
    assert await store.due_feeds(NOW, 3, excluding={f.id for f in made}) == []


async def test_move_feed_refuses_a_taken_url(store: Store) -> None:
    """A permanent redirect onto a URL another feed already has leaves both as they are."""
    a = await store.add_feed("https://a.example/rss", now=NOW)
    await store.add_feed("https://b.example/rss", now=NOW)
    assert not await store.move_feed(a.id, "https://b.example/rss")
    assert await store.move_feed(a.id, "https://a.example/feed.xml")
    assert (await store.get_feed(a.id)).url == "https://a.example/feed.xml"


async def test_guild_feeds_include_operator_feeds_until_removed(store: Store) -> None:
    """Servers follow the operator's feeds unless they remove them, plus their own."""
    operator = await store.add_feed("https://op.example/rss", now=NOW, operator=True)
    own = await store.add_feed("https://own.example/rss", now=NOW)
    await store.follow(1, own.id, now=NOW)
    assert [f.id for f in await store.guild_feeds(1)] == [operator.id, own.id]
    assert [f.id for f in await store.guild_feeds(2)] == [operator.id]
    await store.unfollow(1, operator.id, now=NOW)
    assert [f.id for f in await store.guild_feeds(1)] == [own.id]


async def test_feeds_dropped_from_the_file_stop_being_operator_feeds(store: Store) -> None:
    """Only the feeds still in the configuration are followed by every server."""
    kept = await store.add_feed("https://kept.example/rss", now=NOW, operator=True)
    await store.add_feed("https://dropped.example/rss", now=NOW, operator=True)
    await store.set_operator_feeds([kept.url])
    assert [f.id for f in await store.guild_feeds(1)] == [kept.id]


# SQLite files read by hand (sqlite3): their journal mode and tables are what is checked.
async def test_schema_is_versioned_and_uses_wal(tmp_path: Path) -> None:
    """A new database is at the latest revision, in WAL mode; reopening changes nothing."""
    path = tmp_path / "v.db"
    for _ in range(2):
        store = await Store.open(f"sqlite:///{path}")
        await store.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (migrations.head(),)]
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


# A file made by hand as the first release left it: what operators' SQLite files are.
async def test_upgrade_from_version_1_keeps_the_data(tmp_path: Path) -> None:
    """A database made by the first release is upgraded in place: items stay, to be enriched."""
    path = tmp_path / "v1.db"
    types = {"pk": "INTEGER PRIMARY KEY", "ts": "TIMESTAMP", "bool": "BOOLEAN", "big": "BIGINT",
             "int_ref": "INTEGER"}
    with sqlite3.connect(path) as conn:
        for statement in legacy.MIGRATIONS[0]:
            assert isinstance(statement, str)
            conn.execute(statement.format(**types))
        conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        conn.execute("INSERT INTO schema_version VALUES (1)")
        conn.execute("INSERT INTO feeds (id, url, next_check_at, created_at) "
                     "VALUES (1, 'https://a.example/rss', '2022-03-03 12:00:00', '2022-03-03 12:00:00')")
        conn.execute(
            "INSERT INTO items (feed_id, entry_key, url, title, text, categories, published_at, dated,"
            " first_seen_at, updated_at, content_hash, seen_at_first_poll) VALUES (1, 'k', "
            "'https://a.example/1', 'Old item', 'Kept text.', '[]', '2022-03-03 11:00:00', 1,"
            " '2022-03-03 12:00:00', '2022-03-03 12:00:00', 'h', 1)")
    store = await Store.open(f"sqlite:///{path}")
    try:
        [item] = await store.pending_items(10)
        assert (item.title, item.text, item.published_at) == ("Old item", "Kept text.",
                                                             NOW - timedelta(hours=1))
    finally:
        await store.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            migrations.head(),)


async def test_a_large_batch_is_stored_in_chunks_with_its_ids_in_order(store: Store) -> None:
    """600 new entries (more than one INSERT chunk) come back with ids in the entries' order."""
    feed = await store.add_feed("https://wire.example/big", now=NOW)
    batch = [entry(f"k{n}") for n in range(600)]
    saved = await store.save_entries(feed.id, batch, now=NOW, first_poll=False)
    assert saved.new == 600 and len(set(saved.new_item_ids)) == 600
    stored = await store.get_items(saved.new_item_ids)
    url_of = {item.id: item.url for item in stored}
    assert [url_of[i] for i in saved.new_item_ids] == [e.url for e in batch]


async def test_long_results_are_read_in_parts_with_turns_for_the_loop(store: Store) -> None:
    """`read_all` reads every row, and other tasks run between its parts."""
    import asyncio

    from sqlalchemy import text

    from digests.store.rows import READ_CHUNK, read_all

    turns = 0

    async def count_turns() -> None:
        nonlocal turns
        while True:
            turns += 1
            await asyncio.sleep(0)

    counter = asyncio.create_task(count_turns())
    rows = 2 * READ_CHUNK + 500
    numbers = text(f"WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n "
                   f"WHERE x < {rows}) SELECT x FROM n")
    try:
        values = await read_all(store._engine, numbers, lambda row: int(row.x))
    finally:
        counter.cancel()
    assert values == list(range(1, rows + 1))
    assert turns > 3


def _churned(poll: int, links: int = 10) -> list[Entry]:
    """The same `links` articles under ids that change at every poll."""
    return [replace(entry(f"poll{poll}-{n}", f"Report {n}"), url=f"https://news.example/story-{n}",
                    content_hash=f"story-{n}") for n in range(links)]


async def test_articles_whose_ids_change_at_every_poll_are_stored_once(store: Store) -> None:
    """A feed that rotates its guids lists the same ten articles: ten rows, not ten a poll."""
    feed = await store.add_feed("https://churn.example/rss", now=NOW)
    first = await store.save_entries(feed.id, _churned(0), now=NOW, first_poll=True)
    assert first.new == 10
    for poll in range(1, 5):
        again = await store.save_entries(feed.id, _churned(poll), now=NOW + timedelta(hours=poll),
                                         first_poll=False)
        assert (again.new, again.updated, again.unchanged) == (0, 0, 10)
    assert len(await store.items_published_between(NOW - timedelta(days=1), NOW)) == 10


async def test_a_link_is_no_identity_when_entries_share_it(store: Store) -> None:
    """Entries that all link to one page (a front page) are different articles: a new id there
    is a new article, and so is a new id while the old one is still listed."""
    feed = await store.add_feed("https://front.example/rss", now=NOW)
    shared = [replace(entry(f"a{n}", f"Brief {n}"), url="https://front.example/") for n in range(3)]
    await store.save_entries(feed.id, shared, now=NOW, first_poll=True)
    more = [*shared, replace(entry("a3", "Brief 3"), url="https://front.example/")]
    assert (await store.save_entries(feed.id, more, now=NOW, first_poll=False)).new == 1
    listed = [replace(entry("b0", "Lead"), url="https://front.example/lead")]
    await store.save_entries(feed.id, listed, now=NOW, first_poll=False)
    both = [*listed, replace(entry("b1", "Follow-up"), url="https://front.example/lead")]
    assert (await store.save_entries(feed.id, both, now=NOW, first_poll=False)).new == 1


async def test_headlines_of_a_window_come_without_their_text(store: Store) -> None:
    """What a digest reads of the window before its own: every report published in it, its
    title, link and outlet, no text; of a server's feeds only, when asked through its view."""
    first = await store.add_feed("https://a.example/rss", now=NOW, name="A")
    other = await store.add_feed("https://b.example/rss", now=NOW, name="B")
    early = replace(entry("early", "Long body"), published_at=NOW - timedelta(hours=30))
    await store.save_entries(first.id, [early, entry("now", "Body now")], now=NOW, first_poll=False)
    await store.save_entries(other.id, [replace(entry("b-early"), published_at=NOW - timedelta(hours=26))],
                             now=NOW, first_poll=False)
    found = await store.headlines_between(NOW - timedelta(hours=48), NOW - timedelta(hours=24))
    assert [(i.url, i.feed_name, i.text) for i in found] == [
        ("https://news.example/early", "A", ""), ("https://news.example/b-early", "B", "")]
    only_a = await store.headlines_between(NOW - timedelta(hours=48), NOW, [first.id])
    assert {i.url for i in only_a} == {"https://news.example/early", "https://news.example/now"}


async def test_items_keep_their_publishers_clock(store: Store) -> None:
    """An item dated on a Wellington clock reads back on that clock, the same moment; a UTC
    item stays UTC. Window queries compare moments, whatever the clock."""
    feed = await store.add_feed("https://a.example/rss", now=NOW)
    wellington = timezone(timedelta(hours=13))
    local = replace(entry("nz"), published_at=(NOW - timedelta(hours=2)).astimezone(wellington))
    await store.save_entries(feed.id, [local, entry("utc")], now=NOW, first_poll=True)
    items = await store.items_published_between(NOW - timedelta(hours=3), NOW - timedelta(hours=1))
    assert [(i.url, i.published_at, i.published_at.utcoffset()) for i in items] == [
        ("https://news.example/nz", NOW - timedelta(hours=2), timedelta(hours=13))]
    (utc,) = await store.items_published_between(NOW, NOW)
    assert utc.published_at.utcoffset() == timedelta(0)
