"""What the store keeps for Discord servers: digest schedules, alert subscriptions, mutes,
alert matches and the outbox. `Store` provides the engine; rows never leave this module."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, and_, delete, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from digests.errors import DigestError
from digests.models import Deliver, PendingAlert
from digests.store.connection import Queries
from digests.store.rows import read_all
from digests.store.schema import (
    alert_matches,
    bot_state,
    guild_settings,
    items,
    members,
    outbox,
    story_items,
    subscriptions,
)

PENDING, SENT, BLOCKED, DROPPED = "pending", "sent", "blocked", "dropped"
MATCH_PENDING, MATCH_QUEUED, MATCH_MUTED = "pending", "queued", "muted"


class LimitReached(DigestError):
    """A member or server asked for more than the cap allows."""


@dataclass(frozen=True, slots=True)
class GuildSettings:
    guild_id: int
    digest_channel_id: int | None
    digest_time: str | None
    digest_timezone: str | None
    digest_set_at: datetime | None
    last_digest_on: str | None


@dataclass(frozen=True, slots=True)
class Subscription:
    id: int
    guild_id: int
    member_id: int
    query: str
    deliver: Deliver
    channel_id: int | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class OutboxMessage:
    """A message to write to the outbox; (key, part) is unique, so writing it twice is harmless.
    With `error`, what could not be made is written as dropped with that reason: kept on
    record, never sent."""

    key: str
    part: int
    kind: str
    body: str
    guild_id: int | None = None
    channel_id: int | None = None
    user_id: int | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class OutboxRow:
    id: int
    key: str
    part: int
    kind: str
    body: str
    guild_id: int | None
    channel_id: int | None
    user_id: int | None
    status: str
    attempts: int
    last_error: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class AlertCandidate:
    """A stored item in id order, as alert matching reads it."""

    item_id: int
    feed_id: int
    story_id: int | None
    title: str
    text: str
    first_seen_at: datetime
    seen_at_first_poll: bool
    enriched: bool


class ServerQueries(Queries):
    """Digest schedules, subscriptions, mutes, alert matches and the outbox of servers."""

    # Digest schedules --------------------------------------------------------------------

    async def guild_settings(self, guild_id: int) -> GuildSettings | None:
        async with self._engine.connect() as conn:
            row = (await conn.execute(select(guild_settings).where(
                guild_settings.c.guild_id == guild_id))).one_or_none()
        return _settings(row) if row is not None else None

    async def digest_schedules(self) -> list[GuildSettings]:
        query = select(guild_settings).where(guild_settings.c.digest_channel_id.is_not(None))
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [_settings(r) for r in rows]

    async def set_digest_schedule(self, guild_id: int, *, channel_id: int | None, time: str | None,
                                  timezone: str | None, now: datetime) -> None:
        values = {"digest_channel_id": channel_id, "digest_time": time,
                  "digest_timezone": timezone, "digest_set_at": now}
        async with self._begin() as conn:
            await _upsert(conn, guild_settings, {"guild_id": guild_id}, values)

    async def claim_digest(self, guild_id: int, day: str, messages: Sequence[OutboxMessage],
                           now: datetime) -> bool:
        """Record that `day`'s digest is written and queue its messages, in one transaction.

        False when that day's digest was already claimed: never two digests a day.
        """
        async with self._begin() as conn:
            claimed = await conn.execute(update(guild_settings).where(
                guild_settings.c.guild_id == guild_id,
                or_(guild_settings.c.last_digest_on.is_(None),
                    guild_settings.c.last_digest_on < day)).values(last_digest_on=day))
            if claimed.rowcount != 1:
                return False
            await _enqueue(conn, messages, now)
        return True

    # Subscriptions and members -------------------------------------------------------------

    async def add_subscription(self, guild_id: int, member_id: int, *, query: str, deliver: Deliver,
                               channel_id: int | None, now: datetime, cap: int) -> Subscription:
        async with self._begin() as conn:
            count = await conn.scalar(select(func.count()).select_from(subscriptions).where(
                subscriptions.c.guild_id == guild_id, subscriptions.c.member_id == member_id))
            if int(count or 0) >= cap:
                raise LimitReached(f"You already have {cap} alerts, the most one member may have "
                                   "here; remove one with /alerts remove first.")
            result = await conn.execute(insert(subscriptions).values(
                guild_id=guild_id, member_id=member_id, query=query, deliver=deliver,
                channel_id=channel_id, created_at=now))
            new_id = result.inserted_primary_key[0]  # type: ignore[index]
        return Subscription(new_id, guild_id, member_id, query, deliver, channel_id, now)

    async def subscriptions_of(self, guild_id: int, member_id: int) -> list[Subscription]:
        query = select(subscriptions).where(subscriptions.c.guild_id == guild_id,
                                            subscriptions.c.member_id == member_id)
        return await self._subscriptions(query.order_by(subscriptions.c.id))

    async def subscriptions_in(self, guild_ids: Iterable[int]) -> list[Subscription]:
        query = select(subscriptions).where(subscriptions.c.guild_id.in_(list(guild_ids)))
        return await self._subscriptions(query.order_by(subscriptions.c.id))

    async def guilds_with_subscriptions(self) -> list[int]:
        async with self._engine.connect() as conn:
            rows = (await conn.execute(select(subscriptions.c.guild_id).distinct())).all()
        return [int(r[0]) for r in rows]

    async def _subscriptions(self, query: Any) -> list[Subscription]:
        return await read_all(self._engine, query, lambda r: Subscription(
            r.id, r.guild_id, r.member_id, r.query, r.deliver, r.channel_id, r.created_at))

    async def remove_subscription(self, guild_id: int, member_id: int, subscription_id: int) -> bool:
        async with self._begin() as conn:
            result = await conn.execute(delete(subscriptions).where(
                subscriptions.c.id == subscription_id, subscriptions.c.guild_id == guild_id,
                subscriptions.c.member_id == member_id))
        return bool(result.rowcount)

    async def mute(self, guild_id: int, member_id: int, until: datetime) -> None:
        async with self._begin() as conn:
            await _upsert(conn, members, {"guild_id": guild_id, "member_id": member_id},
                          {"muted_until": until})

    async def muted_until(self, guild_id: int, member_id: int) -> datetime | None:
        async with self._engine.connect() as conn:
            return await conn.scalar(select(members.c.muted_until).where(
                members.c.guild_id == guild_id, members.c.member_id == member_id))

    async def set_dms_closed(self, guild_id: int, member_id: int, closed: bool) -> bool:
        """Record whether the member's DMs are closed; True when that changed."""
        key = {"guild_id": guild_id, "member_id": member_id}
        async with self._begin() as conn:
            before = await conn.scalar(select(members.c.dms_closed).where(
                members.c.guild_id == guild_id, members.c.member_id == member_id))
            await _upsert(conn, members, key, {"dms_closed": closed})
        return bool(before) != closed

    # Alert matching ----------------------------------------------------------------------

    async def alert_candidates(self, after_id: int, limit: int) -> list[AlertCandidate]:
        query = alert_candidate_query().where(items.c.id > after_id).order_by(items.c.id).limit(limit)
        return await read_all(self._engine, query, candidate_from_row)

    async def last_item_id(self) -> int:
        async with self._engine.connect() as conn:
            return int(await conn.scalar(select(func.coalesce(func.max(items.c.id), 0))) or 0)

    async def state(self, name: str) -> str | None:
        async with self._engine.connect() as conn:
            return await conn.scalar(
                select(bot_state.c.value).where(bot_state.c.name == name))

    async def set_state(self, name: str, value: str) -> None:
        """Keep `value` under `name` (the health check writes its probe here)."""
        async with self._begin() as conn:
            await _upsert(conn, bot_state, {"name": name}, {"value": value})

    async def record_alert_matches(self, pairs: Iterable[tuple[int, int]], *, cursor_name: str,
                                   cursor: int, now: datetime,
                                   checked_item_ids: Collection[int] = ()) -> int:
        """Store new (subscription, story) matches and move the cursor (and mark
        `checked_item_ids` checked), in one transaction. A match stored already, by this
        process or another, is left as it is."""
        wanted = set(pairs)
        async with self._begin() as conn:
            if wanted:
                known = await conn.execute(select(alert_matches.c.subscription_id,
                                                  alert_matches.c.story_id).where(
                    alert_matches.c.story_id.in_({story for _, story in wanted})))
                wanted -= {(r[0], r[1]) for r in known}
            if wanted:
                added = await conn.execute(_insert_new(conn, alert_matches), [
                    {"subscription_id": s, "story_id": t, "matched_at": now, "state": MATCH_PENDING}
                    for s, t in sorted(wanted)])
                if added.rowcount >= 0:  # those another process stored meanwhile are not new
                    wanted = set(sorted(wanted)[:added.rowcount])
            if checked_item_ids:
                await conn.execute(update(items).where(items.c.id.in_(list(checked_item_ids)))
                                   .values(alert_checked=True))
            await _upsert(conn, bot_state, {"name": cursor_name}, {"value": str(cursor)})
        return len(wanted)

    async def pending_alerts(self) -> list[PendingAlert]:
        query = (select(alert_matches.c.subscription_id, subscriptions.c.member_id,
                        subscriptions.c.guild_id, alert_matches.c.story_id,
                        subscriptions.c.deliver, subscriptions.c.channel_id)
                 .join(subscriptions, subscriptions.c.id == alert_matches.c.subscription_id)
                 .where(alert_matches.c.state == MATCH_PENDING)
                 .order_by(alert_matches.c.matched_at, alert_matches.c.story_id))
        return await read_all(self._engine, query, lambda r: PendingAlert(
            r.subscription_id, r.member_id, r.guild_id, r.story_id, r.deliver, r.channel_id))

    async def set_match_state(self, pairs: Iterable[tuple[int, int]], state: str) -> None:
        async with self._begin() as conn:
            await _set_match_state(conn, list(pairs), state)

    async def alerts_sent_since(self, moment: datetime) -> dict[int, list[datetime]]:
        """When each member's alert messages were written since `moment` (first parts only)."""
        query = select(outbox.c.user_id, outbox.c.created_at).where(
            outbox.c.kind.in_(["alert", "alert-dm"]), outbox.c.part == 0, outbox.c.created_at >= moment)
        sent: dict[int, list[datetime]] = {}
        for member, at in await read_all(self._engine, query, lambda r: (int(r.user_id),
                                                                          r.created_at)):
            sent.setdefault(member, []).append(at)
        return sent

    async def queue_alert(self, pairs: Sequence[tuple[int, int]], messages: Sequence[OutboxMessage],
                          now: datetime) -> None:
        """Write an alert's messages and mark its matches queued, in one transaction."""
        async with self._begin() as conn:
            await _enqueue(conn, messages, now)
            await _set_match_state(conn, list(pairs), MATCH_QUEUED)

    # Outbox ------------------------------------------------------------------------------

    async def enqueue(self, messages: Sequence[OutboxMessage], now: datetime) -> int:
        async with self._begin() as conn:
            return await _enqueue(conn, messages, now)

    async def due_outbox(self, now: datetime, limit: int = 100) -> list[OutboxRow]:
        query = (select(outbox).where(outbox.c.status.in_([PENDING, BLOCKED]),
                                      outbox.c.next_attempt_at <= now)
                 .order_by(outbox.c.id).limit(limit))
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [outbox_row(r) for r in rows]

    async def outbox_depth(self, now: datetime) -> int:
        """How many outbox rows are due and not sent (the metrics' gauge)."""
        query = select(func.count()).select_from(outbox).where(
            outbox.c.status.in_([PENDING, BLOCKED]), outbox.c.next_attempt_at <= now)
        async with self._engine.connect() as conn:
            return int(await conn.scalar(query) or 0)

    async def outbox_has(self, key: str) -> bool:
        """Whether a message with this key was ever written, whatever became of it."""
        async with self._engine.connect() as conn:
            return await conn.scalar(select(outbox.c.id).where(outbox.c.key == key).limit(1)) is not None

    async def outbox_rows(self, key_prefix: str = "") -> list[OutboxRow]:
        query = select(outbox).where(outbox.c.key.startswith(key_prefix, autoescape=True))
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query.order_by(outbox.c.id))).all()
        return [outbox_row(r) for r in rows]

    async def mark_sent(self, row_id: int, message_id: int, now: datetime) -> None:
        await self._set_outbox(row_id, status=SENT, sent_at=now, message_id=message_id,
                               last_error=None)

    async def mark_retry(self, row_id: int, error: str, at: datetime, *, blocked: bool = False) -> None:
        await self._set_outbox(row_id, status=BLOCKED if blocked else PENDING, last_error=error,
                               next_attempt_at=at, attempts=outbox.c.attempts + 1)

    async def mark_dropped(self, row_id: int, error: str) -> None:
        await self._set_outbox(row_id, status=DROPPED, last_error=error)

    async def blocked_deliveries(self, guild_id: int) -> list[OutboxRow]:
        query = select(outbox).where(outbox.c.guild_id == guild_id, outbox.c.status == BLOCKED)
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query.order_by(outbox.c.id))).all()
        return [outbox_row(r) for r in rows]

    async def _set_outbox(self, row_id: int, **values: Any) -> None:
        """Record what became of a row; whoever had claimed it (`claim_outbox`) is done with it."""
        async with self._begin() as conn:
            await conn.execute(update(outbox).where(outbox.c.id == row_id).values(
                **values, lease_owner=None, lease_until=None))


async def _enqueue(conn: AsyncConnection, messages: Sequence[OutboxMessage], now: datetime) -> int:
    if not messages:
        return 0
    keys = {m.key for m in messages}
    known = {(r[0], r[1]) for r in await conn.execute(
        select(outbox.c.key, outbox.c.part).where(outbox.c.key.in_(keys)))}
    rows = [{"key": m.key, "part": m.part, "kind": m.kind, "guild_id": m.guild_id,
             "channel_id": m.channel_id, "user_id": m.user_id, "body": m.body,
             "status": PENDING if m.error is None else DROPPED, "last_error": m.error,
             "attempts": 0, "created_at": now, "next_attempt_at": now}
            for m in {(m.key, m.part): m for m in messages}.values() if (m.key, m.part) not in known]
    if rows:
        await conn.execute(insert(outbox), rows)
    return len(rows)


async def _set_match_state(conn: AsyncConnection, pairs: list[tuple[int, int]], state: str) -> None:
    for subscription_id, story_id in pairs:
        await conn.execute(update(alert_matches).where(and_(
            alert_matches.c.subscription_id == subscription_id,
            alert_matches.c.story_id == story_id)).values(state=state))


async def _upsert(conn: AsyncConnection, table: Any, key: dict[str, Any], values: dict[str, Any]) -> None:
    """Insert the row with `key`, or update it if it is there: one statement, so two processes
    writing the same new row at once never fail on its key (an UPDATE-then-INSERT could)."""
    from sqlalchemy.dialects import postgresql, sqlite

    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    await conn.execute(dialect.insert(table).values(**key, **values)
                       .on_conflict_do_update(index_elements=list(key), set_=values))


def _settings(row: Row[Any]) -> GuildSettings:
    return GuildSettings(row.guild_id, row.digest_channel_id, row.digest_time, row.digest_timezone,
                         row.digest_set_at, row.last_digest_on)


def _insert_new(conn: AsyncConnection, table: Any) -> Any:
    """An INSERT that skips rows whose key is taken (by another process's transaction)."""
    from sqlalchemy.dialects import postgresql, sqlite

    if conn.dialect.name == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing()
    return sqlite.insert(table).on_conflict_do_nothing()


def alert_candidate_query() -> Any:
    return (select(items.c.id, items.c.feed_id, story_items.c.story_id, items.c.title,
                   items.c.text, items.c.first_seen_at, items.c.seen_at_first_poll,
                   items.c.enriched)
            .outerjoin(story_items, story_items.c.item_id == items.c.id))


def candidate_from_row(r: Row[Any]) -> AlertCandidate:
    return AlertCandidate(r.id, r.feed_id, r.story_id, r.title, r.text, r.first_seen_at,
                          r.seen_at_first_poll, r.enriched)


def outbox_row(row: Row[Any]) -> OutboxRow:
    return OutboxRow(row.id, row.key, row.part, row.kind, row.body, row.guild_id, row.channel_id,
                     row.user_id, row.status, row.attempts, row.last_error, row.created_at)
