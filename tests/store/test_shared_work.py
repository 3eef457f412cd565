"""Work shared through one database: leases on due feeds, items to read and outbox rows, story
ids from the database, alert checks that a late commit cannot escape; on both backends, and
with real concurrent processes on PostgreSQL."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import textwrap
from dataclasses import replace
from datetime import timedelta

from digests.store.core import Store
from digests.store.servers import OutboxMessage

from builders import entry
from conftest import NOW, ROOT, needs_postgresql, postgres_database

LEASE = timedelta(minutes=5)


async def test_a_due_feed_is_held_by_one_owner_until_released_or_expired(store: Store) -> None:
    first = await store.add_feed("https://a.example/rss", now=NOW - timedelta(minutes=9))
    second = await store.add_feed("https://b.example/rss", now=NOW - timedelta(minutes=5))
    later = await store.add_feed("https://c.example/rss", now=NOW)
    await store.reschedule(later.id, NOW + timedelta(hours=1))
    assert [f.id for f in await store.claim_due_feeds(NOW, 1, owner="a", lease=LEASE)] == [first.id]
    assert [f.id for f in await store.claim_due_feeds(NOW, 5, owner="b", lease=LEASE)] == [second.id]
    assert await store.claim_due_feeds(NOW, 5, owner="c", lease=LEASE) == []
    await store.release_feed(first.id, "someone else")  # only the holder releases
    assert await store.claim_due_feeds(NOW, 5, owner="c", lease=LEASE) == []
    await store.release_feed(first.id, "a")
    assert [f.id for f in await store.claim_due_feeds(NOW, 5, owner="c", lease=LEASE)] == [first.id]
    expired = NOW + LEASE + timedelta(seconds=1)  # "b" died: its lease runs out
    assert [f.id for f in await store.claim_due_feeds(expired, 5, owner="d", lease=LEASE)] == [
        first.id, second.id]


async def test_an_item_is_read_by_one_owner(store: Store) -> None:
    feed = await store.add_feed("https://a.example/rss", now=NOW)
    batch = [replace(entry(f"k{n}"), published_at=NOW - timedelta(hours=n)) for n in range(5)]
    await store.save_entries(feed.id, batch, now=NOW, first_poll=False)
    mine = await store.claim_pending_items(3, owner="a", now=NOW, lease=LEASE)
    theirs = await store.claim_pending_items(3, owner="b", now=NOW, lease=LEASE)
    assert [i.published_at for i in mine] == [NOW - timedelta(hours=n) for n in range(3)]
    assert len(theirs) == 2 and not {i.id for i in mine} & {i.id for i in theirs}
    await store.mark_enriched([i.id for i in mine])
    await store.release_items([i.id for i in theirs], "b")
    assert {i.id for i in await store.claim_pending_items(9, owner="c", now=NOW, lease=LEASE)} == {
        i.id for i in theirs}
    assert await store.claim_pending_items(9, owner="d", now=NOW, lease=LEASE) == []
    expired = NOW + LEASE + timedelta(seconds=1)  # "c" died holding them: its lease runs out
    assert {i.id for i in await store.claim_pending_items(9, owner="d", now=expired, lease=LEASE)} == {
        i.id for i in theirs}


async def test_an_outbox_row_is_sent_by_one_owner(store: Store) -> None:
    messages = [OutboxMessage(f"k{n}", 0, "digest", "body", guild_id=1, channel_id=2) for n in range(3)]
    await store.enqueue(messages, NOW)
    mine = await store.claim_outbox(NOW, 2, owner="a", lease=LEASE)
    theirs = await store.claim_outbox(NOW, 2, owner="b", lease=LEASE)
    assert [r.key for r in mine] == ["k0", "k1"] and [r.key for r in theirs] == ["k2"]
    await store.mark_sent(mine[0].id, 99, NOW)
    await store.release_outbox([mine[1].id], "a")  # not sent, handed back at once
    assert [r.key for r in await store.claim_outbox(NOW, 5, owner="c", lease=LEASE)] == ["k1"]
    await store.mark_retry(theirs[0].id, "Discord error 503", NOW)  # a retry ends the claim too
    assert [r.key for r in await store.claim_outbox(NOW, 5, owner="d", lease=LEASE)] == ["k2"]


async def test_story_ids_come_from_the_database_above_every_story(store: Store) -> None:
    first = await store.reserve_story_ids(3)
    second = await store.reserve_story_ids(2)
    assert list(first) == [1, 2, 3] and list(second) == [4, 5]


async def test_an_item_committed_late_is_still_checked_for_alerts(store: Store) -> None:
    """The checks follow a mark on each item, not a cursor on ids: an item with a smaller id
    that shows up after larger ones were checked (its transaction committed late) is found."""
    feed = await store.add_feed("https://a.example/rss", now=NOW)
    saved = await store.save_entries(feed.id, [entry("a"), entry("b"), entry("c")], now=NOW,
                                     first_poll=False)
    early, late, last = saved.new_item_ids
    await store.record_alert_matches([], cursor_name="alerts.item_cursor", cursor=last, now=NOW,
                                     checked_item_ids=[early, last])
    assert [c.item_id for c in await store.unchecked_alert_candidates(10)] == [late]
    await store.record_alert_matches([], cursor_name="alerts.item_cursor", cursor=last, now=NOW,
                                     checked_item_ids=[late])
    assert await store.unchecked_alert_candidates(10) == []


_CLAIMER = textwrap.dedent("""
    import asyncio, json, sys
    from datetime import timedelta
    sys.path.insert(0, {root!r})
    from digests.store.core import Store
    from conftest import NOW

    async def main():
        store = await Store.open({url!r})
        feeds, stories = [], []
        try:
            while batch := await store.claim_due_feeds(NOW, 7, owner={owner!r},
                                                       lease=timedelta(minutes=5)):
                feeds += [f.id for f in batch]
                stories += list(await store.reserve_story_ids(3))
        finally:
            await store.close()
        print(json.dumps({{"feeds": feeds, "stories": stories}}))

    asyncio.run(main())
""")


@needs_postgresql
async def test_three_processes_claim_every_due_feed_once(postgres_server: str) -> None:
    """Three processes claim 300 due feeds at once, seven at a time, and reserve story ids as
    they go: every feed is claimed by exactly one of them, and no story id is given twice."""
    async with postgres_database(postgres_server) as url:
        store = await Store.open(url)
        try:
            for n in range(300):
                await store.add_feed(f"https://feed{n}.example/rss", now=NOW - timedelta(minutes=1))
        finally:
            await store.close()
        scripts = [_CLAIMER.format(root=str(ROOT), url=url, owner=f"p{n}") for n in range(3)]
        processes = [await asyncio.create_subprocess_exec(
            sys.executable, "-c", script, cwd=ROOT / "tests", stdout=subprocess.PIPE)
            for script in scripts]
        outputs = [json.loads((await p.communicate())[0]) for p in processes]
        assert [p.returncode for p in processes] == [0, 0, 0]
    claimed = [f for out in outputs for f in out["feeds"]]
    stories = [s for out in outputs for s in out["stories"]]
    assert len(claimed) == 300 and len(set(claimed)) == 300
    assert len(stories) == len(set(stories)) >= 3 * len(range(0, 300, 7))


@needs_postgresql
async def test_two_processes_writing_one_new_member_row_at_once_both_succeed(
        postgres_server: str) -> None:
    """Muting a member and recording their closed DMs create the same row: from two processes
    at the same moment, both land (one statement each, no UPDATE-then-INSERT to lose)."""
    async with postgres_database(postgres_server) as url:
        first, second = await Store.open(url), await Store.open(url)
        try:
            for member in range(20):
                await asyncio.gather(first.mute(7, member, NOW + timedelta(hours=1)),
                                     second.set_dms_closed(7, member, True))
                assert await first.muted_until(7, member) == NOW + timedelta(hours=1)
            await asyncio.gather(*(store.set_digest_schedule(
                8, channel_id=80 + n, time="08:00", timezone="UTC", now=NOW)
                for n, store in enumerate((first, second))))
            [settings] = [s for s in await first.digest_schedules() if s.guild_id == 8]
            assert settings.digest_channel_id in (80, 81)
        finally:
            await first.close()
            await second.close()
