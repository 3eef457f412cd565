"""The delivery job: write what is due (daily digests, paused-feed notices, alerts) to the
outbox, then send the outbox. Runs on the scheduler, a few seconds apart.

One failure never holds up the rest: a message that cannot be rendered is written to the
outbox as dropped, with its reason, and the job goes on; a step that fails (a server's digest,
an alert bundle) is logged and tried again at the next run while the others go ahead; the
outbox is flushed whatever happened before.

With the bot on several processes (shards), each writes the digests, notices and alerts of the
servers it holds the shard of, and only those (an alert by DM goes with the server it was set
up in); matching new stories against subscriptions is done by any of them, the database's
unique keys keeping each match once.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta
from functools import partial

from cogs.limits import Payload
from cogs.outbox import OutboxSender, to_body
from cogs.render import render_digest
from cogs.render_alerts import render_alert
from cogs.render_status import render_paused_notice
from digests.models import Feed, PendingAlert
from digests.newsroom import digest_of_last, story_cards
from digests.servers.alerts import Bundle, is_muted, plan_deliveries
from digests.servers.deliveries import (
    DueDigest,
    IndexedQueries,
    collect_alert_matches,
    paused_feed_notices,
)
from digests.servers.schedules import digests_due_here
from digests.servers.scope import guild_view
from digests.servers.shards import EVERY_SHARD, ShardView
from digests.store.core import Store
from digests.store.servers import MATCH_MUTED, OutboxMessage

log = logging.getLogger(__name__)

STORY_LOOKBACK = timedelta(days=3)
UNRENDERED = "{}"  # the body of a message that could not be rendered: dropped, never sent
REASON_CHARS = 500


class DeliveryDesk:
    def __init__(self, store: Store, sender: OutboxSender, *, grace: timedelta,
                 alerts_per_hour: int, shards: ShardView = EVERY_SHARD) -> None:
        """`shards`: those this process runs; the work of other shards' servers is left alone."""
        self._store = store
        self._sender = sender
        self._grace = grace
        self._alerts_per_hour = alerts_per_hour
        self._shards = shards
        self._indexed = IndexedQueries()  # parsed and indexed once while subscriptions stay the same

    async def run(self, now: datetime) -> None:
        steps: list[Callable[[datetime], Awaitable[object]]] = [
            self.queue_digests, self.queue_paused_notices, self.collect_alert_matches, self.queue_alerts]
        for step in steps:
            await _isolated(step.__name__, step(now))
        await self._sender.flush(now)

    async def collect_alert_matches(self, now: datetime) -> None:
        await collect_alert_matches(self._store, now, indexed=self._indexed)

    async def queue_digests(self, now: datetime) -> None:
        for due in await digests_due_here(self._store, now, self._grace, self._shards):
            await _isolated(f"digest of guild {due.guild_id}", self._queue_digest(due, now))

    async def _queue_digest(self, due: DueDigest, now: datetime) -> None:
        view = await guild_view(self._store, due.guild_id, live_only=True)
        digest = await digest_of_last(view, 24, now)
        key = f"digest:{due.guild_id}:{due.day.isoformat()}"
        messages = rendered(key, "digest", lambda: render_digest(digest, tz=due.timezone),
                            guild_id=due.guild_id, channel_id=due.channel_id)
        if await self._store.claim_digest(due.guild_id, due.day.isoformat(), messages, now):
            log.info("digest queued guild=%s day=%s messages=%s", due.guild_id, due.day, len(messages))

    async def queue_paused_notices(self, now: datetime) -> None:
        for settings, feed in await paused_feed_notices(self._store):
            if not self._shards.holds(settings.guild_id):
                continue
            stamp = feed.paused_at.isoformat() if feed.paused_at else "?"
            key = f"paused:{settings.guild_id}:{feed.id}:{stamp}"
            if await self._store.outbox_has(key):
                continue  # told already (or recorded as impossible to tell)
            await self._store.enqueue(rendered(key, "notice", partial(_paused_notice, feed),
                                               guild_id=settings.guild_id,
                                               channel_id=settings.digest_channel_id), now)

    async def queue_alerts(self, now: datetime) -> None:
        pending = [a for a in await self._store.pending_alerts() if self._shards.holds(a.guild_id)]
        if not pending:
            return
        active = await self._drop_muted(pending, now)
        sent = await self._store.alerts_sent_since(now - timedelta(hours=1))
        queries = {a.subscription_id: q for a, q in await self._queries(active)}
        for bundle in plan_deliveries(active, sent, now, per_hour=self._alerts_per_hour):
            await _isolated(f"alert bundle of member {bundle.member_id}",
                            self._queue_bundle(bundle, _members_of(bundle, active), queries, now))

    async def _drop_muted(self, pending: Sequence[PendingAlert], now: datetime) -> list[PendingAlert]:
        active: list[PendingAlert] = []
        muted: list[PendingAlert] = []
        mutes: dict[tuple[int, int], bool] = {}
        for alert in pending:
            key = (alert.guild_id, alert.member_id)
            if key not in mutes:
                mutes[key] = is_muted(await self._store.muted_until(*key), now)
            (muted if mutes[key] else active).append(alert)
        if muted:
            await self._store.set_match_state([(a.subscription_id, a.story_id) for a in muted], MATCH_MUTED)
        return active

    async def _queries(self, alerts: Sequence[PendingAlert]) -> list[tuple[PendingAlert, str]]:
        guilds = {a.guild_id for a in alerts}
        by_id = {s.id: s.query for s in await self._store.subscriptions_in(guilds)}
        return [(a, by_id[a.subscription_id]) for a in alerts if a.subscription_id in by_id]

    async def _queue_bundle(self, bundle: Bundle, alerts: Sequence[PendingAlert],
                            queries: dict[int, str], now: datetime) -> None:
        view = await guild_view(self._store, bundle.guild_id)
        cards = await story_cards(self._store, bundle.story_ids, view.feed_ids, now - STORY_LOOKBACK)
        stories = [cards[s] for s in bundle.story_ids if s in cards]
        pairs = [(a.subscription_id, a.story_id) for a in alerts]
        if not stories:
            await self._store.set_match_state(pairs, MATCH_MUTED)
            return
        dm = bundle.deliver == "dm"
        matched = [queries.get(a.subscription_id, "?") for a in alerts]
        channel = bundle.channel_id if not dm else _fallback_channel(alerts)
        key = f"alert:{bundle.guild_id}:{bundle.member_id}:{bundle.deliver}:{channel}:" + \
              "-".join(map(str, bundle.story_ids))
        messages = rendered(key, "alert-dm" if dm else "alert",
                            lambda: render_alert(stories, matched, mention=None if dm else bundle.member_id),
                            guild_id=bundle.guild_id, channel_id=channel, user_id=bundle.member_id)
        await self._store.queue_alert(pairs, messages, now)


def rendered(key: str, kind: str, render: Callable[[], list[Payload]], *, guild_id: int | None,
             channel_id: int | None, user_id: int | None = None) -> list[OutboxMessage]:
    """The outbox messages of what `render` makes; when it fails, one dropped message that keeps
    the reason, so the failure is on record and the job goes on with the others."""
    def message(part: int, body: str, error: str | None = None) -> OutboxMessage:
        return OutboxMessage(key, part, kind, body, guild_id=guild_id, channel_id=channel_id,
                             user_id=user_id, error=error)

    try:
        return [message(n, to_body(p)) for n, p in enumerate(render())]
    except Exception as exc:  # a renderer's bug must cost this message only
        log.exception("%s could not be rendered; it is dropped", key)
        return [message(0, UNRENDERED, f"could not be rendered: {type(exc).__name__}: {exc}"[:REASON_CHARS])]


async def _isolated(what: str, step: Awaitable[object]) -> None:
    """Run one step; if it fails, log it and let the job go on (it is tried again next run)."""
    try:
        await step
    except Exception:
        log.exception("delivery: %s failed; the others go on", what)


def _paused_notice(feed: Feed) -> list[Payload]:
    return [render_paused_notice(feed)]


def _members_of(bundle: Bundle, alerts: Sequence[PendingAlert]) -> list[PendingAlert]:
    """The pending matches a bundle carries: same member, server, destination, and its stories."""
    return [a for a in alerts
            if a.member_id == bundle.member_id and a.guild_id == bundle.guild_id
            and a.deliver == bundle.deliver and a.story_id in bundle.story_ids
            and (bundle.deliver == "dm" or a.channel_id == bundle.channel_id)]


def _fallback_channel(alerts: Sequence[PendingAlert]) -> int | None:
    """Where a DM alert's member is told if their DMs are closed: where they set the alert up."""
    return next((a.channel_id for a in alerts if a.channel_id), None)
