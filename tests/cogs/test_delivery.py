"""The delivery job on a real store: what it writes to the outbox, and what it never writes twice."""

from __future__ import annotations

import json
from datetime import timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import discord
import pytest

from cogs import delivery
from cogs.delivery import DeliveryDesk
from cogs.limits import Payload
from cogs.outbox import OutboxSender, nonce_of, to_body
from digests.feeds.polling import PAUSED_BY_BOT
from digests.models import Entry
from digests.news.digest import Digest
from digests.news.enrichment import Enricher
from digests.runtime.workers import WorkerPool
from digests.store.core import Store
from digests.store.servers import OutboxMessage

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


# One failure costs one message --------------------------------------------------------------

OTHER_GUILD, OTHER_CHANNEL = 12, 23


class Channel:
    """A channel of the fake client: records what it is sent, or answers with an HTTP error."""

    def __init__(self, client: Client, channel_id: int) -> None:
        self._client = client
        self._id = channel_id

    async def send(self, *, content: str | None, embeds: list[discord.Embed],
                   allowed_mentions: discord.AllowedMentions, nonce: str) -> SimpleNamespace:
        status = self._client.refuse.get(nonce)
        if status:
            raise discord.HTTPException(SimpleNamespace(status=status, reason="Bad Request"),
                                        {"code": 50035, "message": "Invalid Form Body"})
        self._client.sent.append((self._id, content, embeds))
        return SimpleNamespace(id=len(self._client.sent))


class Client:
    def __init__(self, refuse: dict[str, int] | None = None) -> None:
        self.sent: list[tuple[int, str | None, list[discord.Embed]]] = []
        self.refuse = refuse or {}

    def get_partial_messageable(self, channel_id: int) -> Channel:
        return Channel(self, channel_id)


def oversized_body() -> str:
    """A message as an older release could write it: one embed of 6,400 characters."""
    embed = discord.Embed(title="t" * 256, description="d" * 4096).set_footer(text="f" * 2048)
    return to_body(Payload(None, (embed,)))


async def test_a_body_beyond_the_limits_is_dropped_and_the_outbox_goes_on(store: Store) -> None:
    """The validator's error used to escape the flush: no server got anything while that row
    was due. Now the row is dropped with its reason and the rest is sent."""
    await store.enqueue([OutboxMessage("digest:1:x", 0, "digest", oversized_body(), guild_id=GUILD,
                                       channel_id=CHANNEL),
                         OutboxMessage("digest:1:x", 1, "digest", to_body(Payload("part two")),
                                       guild_id=GUILD, channel_id=CHANNEL),
                         OutboxMessage("notice:2", 0, "notice", to_body(Payload("hello")),
                                       guild_id=OTHER_GUILD, channel_id=OTHER_CHANNEL)], NOW)
    client = Client()
    assert await OutboxSender(store, client).flush(NOW) == 2  # type: ignore[arg-type]
    bad, two, hello = await store.outbox_rows()
    assert bad.status == "dropped" and "6400 characters in all" in (bad.last_error or "")
    assert (two.status, hello.status) == ("sent", "sent")
    assert [content for _, content, _ in client.sent] == ["part two", "hello"]


async def test_a_message_discord_refuses_costs_that_message_only(store: Store) -> None:
    await store.enqueue([OutboxMessage("digest:1:x", n, "digest", to_body(Payload(f"part {n}")),
                                       guild_id=GUILD, channel_id=CHANNEL) for n in range(3)], NOW)
    [first, *_] = await store.outbox_rows()
    client = Client(refuse={nonce_of(first): 400})
    assert await OutboxSender(store, client).flush(NOW) == 2  # type: ignore[arg-type]
    rows = await store.outbox_rows()
    assert [r.status for r in rows] == ["dropped", "sent", "sent"]
    assert (rows[0].last_error or "").startswith("rejected by Discord: 400")


async def test_a_digest_that_cannot_be_rendered_is_recorded_and_the_others_go_out(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A renderer that fails for one server costs that server's digest only; the reason is kept
    in the outbox, and the digest is not attempted again every few seconds."""
    for guild, channel in ((GUILD, CHANNEL), (OTHER_GUILD, OTHER_CHANNEL)):
        await store.set_digest_schedule(guild, channel_id=channel, time="08:00", timezone="UTC",
                                        now=NOW - timedelta(days=1))
    real = delivery.render_digest
    calls: list[ZoneInfo | None] = []

    def failing_for_the_first(digest: Digest, *, tz: ZoneInfo | None = None) -> list[Payload]:
        calls.append(tz)
        if len(calls) == 1:
            raise ValueError("payload breaks Discord limits: embeds have 6400 characters in all")
        return real(digest, tz=tz)

    monkeypatch.setattr(delivery, "render_digest", failing_for_the_first)
    client = Client()
    job = DeliveryDesk(store, OutboxSender(store, client),  # type: ignore[arg-type]
                       grace=timedelta(hours=6), alerts_per_hour=2)
    due = NOW.replace(hour=9)
    await job.run(due)
    await job.run(due + timedelta(seconds=5))
    rows = await store.outbox_rows("digest:")
    assert sorted(r.status for r in rows) == ["dropped", "sent"] and len(calls) == 2
    [dropped] = [r for r in rows if r.status == "dropped"]
    assert "could not be rendered: ValueError: payload breaks Discord limits" in (dropped.last_error or "")
    assert len(client.sent) == 1 and (client.sent[0][1] or "").startswith("Daily digest")


async def test_an_alert_that_cannot_be_rendered_is_recorded_not_retried_forever(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    stories = await refugee_stories(store)
    subscription = await store.add_subscription(GUILD, 5, query="refugees", deliver="channel",
                                                channel_id=CHANNEL, now=NOW, cap=5)
    await store.record_alert_matches([(subscription.id, s) for s in stories], cursor_name="c", cursor=1,
                                     now=NOW)

    def broken(*_: object, **__: object) -> list[Payload]:
        raise RuntimeError("renderer bug")

    monkeypatch.setattr(delivery, "render_alert", broken)
    await desk(store).queue_alerts(NOW)
    rows = await store.outbox_rows("alert")
    assert rows and all(r.status == "dropped" and "RuntimeError: renderer bug" in (r.last_error or "")
                        for r in rows)
    assert await store.pending_alerts() == []


async def test_the_outbox_is_flushed_whatever_failed_before(store: Store,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    await store.enqueue([OutboxMessage("notice:1", 0, "notice", to_body(Payload("hello")),
                                       guild_id=GUILD, channel_id=CHANNEL)], NOW)

    async def broken(*_: object, **__: object) -> int:
        raise RuntimeError("matching bug")

    monkeypatch.setattr(delivery, "collect_alert_matches", broken)
    client = Client()
    await DeliveryDesk(store, OutboxSender(store, client),  # type: ignore[arg-type]
                       grace=timedelta(hours=6), alerts_per_hour=2).run(NOW)
    assert [content for _, content, _ in client.sent] == ["hello"]


async def test_a_notice_that_cannot_be_rendered_is_recorded_once(store: Store,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    feed = await store.add_feed("https://wire.example/feed", now=NOW, name="Wire", operator=True)
    await store.pause_feed(feed.id, now=NOW, reason="failing for 3 days", by=PAUSED_BY_BOT)
    await store.set_digest_schedule(GUILD, channel_id=CHANNEL, time="08:00", timezone="UTC", now=NOW)
    calls: list[int] = []

    def broken(paused: object) -> Payload:
        calls.append(1)
        raise RuntimeError("renderer bug")

    monkeypatch.setattr(delivery, "render_paused_notice", broken)
    for _ in range(3):
        await desk(store).queue_paused_notices(NOW)
    [row] = await store.outbox_rows("paused:")
    assert row.status == "dropped" and "renderer bug" in (row.last_error or "") and len(calls) == 1
