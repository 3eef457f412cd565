"""The delivery job on a real store: what it writes to the outbox, and what it never writes twice."""

from __future__ import annotations

import json
from datetime import timedelta

from cogs.delivery import DeliveryDesk
from cogs.outbox import OutboxSender
from digests.feeds.polling import PAUSED_BY_BOT
from digests.models import Entry
from digests.news.enrichment import Enricher
from digests.runtime.workers import WorkerPool
from digests.store.core import Store

from conftest import NOW

GUILD, CHANNEL = 11, 22


def desk(store: Store) -> DeliveryDesk:
    return DeliveryDesk(store, OutboxSender(store, client=None),  # type: ignore[arg-type]
                        grace=timedelta(hours=6), alerts_per_hour=2)


async def test_a_feed_the_bot_paused_is_announced_once_in_the_digest_channel(store: Store) -> None:
    feed = await store.add_feed("https://wire.example/feed", now=NOW, name="Wire", operator=True)
    await store.pause_feed(feed.id, now=NOW, reason="failing for 3 days", by=PAUSED_BY_BOT)
    await store.set_digest_schedule(GUILD, channel_id=CHANNEL, time="08:00", timezone="UTC", now=NOW)
    for _ in range(2):
        await desk(store).queue_paused_notices(NOW)
    [row] = await store.outbox_rows("paused:")
    content = json.loads(row.body)["content"]
    assert row.channel_id == CHANNEL and "Wire" in content and "/feeds resume" in content


async def test_a_feed_paused_by_the_server_itself_is_not_announced(store: Store) -> None:
    feed = await store.add_feed("https://wire.example/feed", now=NOW, operator=True)
    await store.set_follow_paused(GUILD, feed.id, True, now=NOW)
    await store.set_digest_schedule(GUILD, channel_id=CHANNEL, time="08:00", timezone="UTC", now=NOW)
    await desk(store).queue_paused_notices(NOW)
    assert await store.outbox_rows("paused:") == []


async def test_a_due_digest_is_written_once_with_every_part(store: Store) -> None:
    await store.set_digest_schedule(GUILD, channel_id=CHANNEL, time="08:00", timezone="UTC",
                                    now=NOW - timedelta(days=1))
    due = NOW.replace(hour=9)
    for _ in range(3):
        await desk(store).queue_digests(due)
    rows = await store.outbox_rows("digest:")
    assert [r.key for r in rows] == [f"digest:{GUILD}:{due.date().isoformat()}"]
    assert json.loads(rows[0].body)["content"].startswith("Daily digest")


async def refugee_stories(store: Store) -> list[int]:
    """Three stored, enriched stories that all mention refugees; their story ids."""
    feed = await store.add_feed("https://wire.example/feed", now=NOW, name="Wire", operator=True)
    topics = ["Poland opens three border crossings for refugees",
              "Madrid football club plays a charity match for refugees",
              "Berlin tech firms donate laptops to refugees"]
    entries = [Entry(key=str(n), guid=str(n), url=f"https://wire.example/{n}", title=title,
                     text=f"{title}.", author=None,
                     categories=(), language="en", published_at=NOW, dated=True, content_hash=str(n))
               for n, title in enumerate(topics)]
    await store.save_entries(feed.id, entries, now=NOW, first_poll=False)
    workers = WorkerPool(1)
    try:
        await Enricher(store, workers).run(NOW)
    finally:
        workers.close()
    return sorted({s.id for s in await store.stories_between(NOW - timedelta(hours=1), NOW)})


async def test_alerts_of_a_muted_member_are_dropped_not_kept_for_later(store: Store) -> None:
    stories = await refugee_stories(store)
    subscription = await store.add_subscription(GUILD, 5, query="refugees", deliver="dm", channel_id=CHANNEL,
                                                now=NOW, cap=5)
    await store.record_alert_matches([(subscription.id, s) for s in stories], cursor_name="c", cursor=1,
                                     now=NOW)
    await store.mute(GUILD, 5, NOW + timedelta(hours=2))
    await desk(store).queue_alerts(NOW)
    assert await store.pending_alerts() == [] and await store.outbox_rows("alert") == []
    await desk(store).queue_alerts(NOW + timedelta(hours=3))  # unmuted: nothing comes back later
    assert await store.outbox_rows("alert") == []


async def test_alerts_over_the_hourly_limit_are_bundled_into_one_message(store: Store) -> None:
    stories = await refugee_stories(store)
    assert len(stories) == 3
    subscription = await store.add_subscription(GUILD, 5, query="refugees", deliver="channel",
                                                channel_id=CHANNEL, now=NOW, cap=5)
    await store.record_alert_matches([(subscription.id, s) for s in stories], cursor_name="c", cursor=1,
                                     now=NOW)
    await desk(store).queue_alerts(NOW)
    rows = await store.outbox_rows("alert")
    bodies = [json.loads(r.body) for r in rows]
    assert len(rows) == 2 and [len(b["embeds"]) for b in bodies] == [1, 2]
    assert all(b["content"].startswith("<@5>") and b["mention_users"] == [5] for b in bodies)
    assert await store.pending_alerts() == []
    await desk(store).queue_alerts(NOW)
    assert len(await store.outbox_rows("alert")) == 2  # nothing twice
