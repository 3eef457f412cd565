"""Sending what the outbox holds: written first, sent, then marked sent with its message id.

A crash between sending and marking is covered by the message nonce: Discord (with
`enforce_nonce`) answers a repeated nonce with the message it already created, so the retry
after a restart does not post twice. 429s are waited out by discord.py; 5xx and network errors
are retried with back-off; a missing permission pauses that delivery (shown in /status) and is
tried again hourly; what can never be sent (a body that breaks Discord's limits, a 4xx from
Discord) is dropped with its reason. One row's failure, whatever it is, costs that row only:
the flush goes on with the others.

When the bot runs as several processes (shards), each sends the rows of the servers it holds
the shard of, and only those: a direct-message alert goes with the server it was set up in.
"""

from __future__ import annotations

import asyncio
import enum
import json
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import aiohttp
import discord

from cogs.limits import Payload, check
from cogs.render_alerts import render_dms_closed
from digests.errors import StorageError
from digests.servers.shards import EVERY_SHARD, ShardView
from digests.store.core import Store
from digests.store.servers import OutboxMessage, OutboxRow

log = logging.getLogger(__name__)

GIVE_UP_AFTER = timedelta(hours=24)
BLOCKED_RETRY = timedelta(hours=1)
FIRST_RETRY = timedelta(seconds=30)
DMS_CLOSED = 50007
REASON_CHARS = 500


def to_body(payload: Payload) -> str:
    """A payload as the JSON text the outbox keeps."""
    users = payload.allowed_mentions.users
    mentioned = [u.id for u in users] if isinstance(users, list) else []
    return json.dumps({"content": payload.content, "embeds": [e.to_dict() for e in payload.embeds],
                       "mention_users": mentioned})


def from_body(body: str) -> Payload:
    data = json.loads(body)
    mentions = discord.AllowedMentions.none()
    if data.get("mention_users"):
        mentions = discord.AllowedMentions(everyone=False, roles=False, replied_user=False,
                                           users=[discord.Object(u) for u in data["mention_users"]])
    embeds = tuple(discord.Embed.from_dict(e) for e in data.get("embeds", []))
    return Payload(data.get("content"), embeds, mentions)


def sendable(body: str) -> Payload:
    """The payload an outbox body holds, or ValueError when it cannot be sent as it is (not
    the JSON the outbox writes, or beyond Discord's limits: written before a fix, say)."""
    try:
        payload = from_body(body)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise ValueError(f"not a message the outbox can read ({type(exc).__name__})") from exc
    return check(payload)


def nonce_of(row: OutboxRow) -> str:
    return f"newsdesk-{row.id}"


class Outcome(enum.Enum):
    SENT = "sent"
    WAITING = "waiting"  # to be tried again: the rest of its key waits with it
    DROPPED = "dropped"  # never to be sent: the rest of its key goes on


class OutboxSender:
    """Sends due outbox rows in order; one flush at a time."""

    def __init__(self, store: Store, client: discord.Client,
                 on_outcome: Callable[[str], None] | None = None, *,
                 shards: ShardView = EVERY_SHARD) -> None:
        """`on_outcome` hears the outcome of every try ("sent", "waiting", "dropped");
        `shards` are those this process runs: it sends the rows of their servers only."""
        self._store = store
        self._client = client
        self._on_outcome = on_outcome
        self._shards = shards
        self._lock = asyncio.Lock()

    async def _due(self, now: datetime) -> list[OutboxRow]:
        if self._shards.everything:
            return await self._store.due_outbox(now)
        return await self._store.due_outbox_in_shards(now, self._shards.count, self._shards.ids)

    async def flush(self, now: datetime) -> int:
        """Send every due row; returns how many were sent. A key whose part failed waits whole."""
        sent = 0
        async with self._lock:
            stalled: set[str] = set()
            for row in await self._due(now):
                if row.key in stalled:
                    continue
                outcome = await self._deliver_alone(row, now)
                if self._on_outcome is not None:
                    self._on_outcome(outcome.value)
                if outcome is Outcome.SENT:
                    sent += 1
                elif outcome is Outcome.WAITING:
                    stalled.add(row.key)
        return sent

    async def _deliver_alone(self, row: OutboxRow, now: datetime) -> Outcome:
        """Deliver one row; an unforeseen failure is logged and the row tried again later."""
        try:
            return await self._deliver(row, now)
        except StorageError:
            raise  # no row can be recorded: the next flush tries again
        except Exception as exc:
            log.exception("outbox row %s failed unexpectedly", row.id)
            await self._retry(row, f"unexpected error: {type(exc).__name__}", now)
            return Outcome.WAITING

    async def _deliver(self, row: OutboxRow, now: datetime) -> Outcome:
        if now - row.created_at > GIVE_UP_AFTER:
            await self._drop(row, f"not delivered within a day: {row.last_error}")
            return Outcome.DROPPED
        try:
            payload = sendable(row.body)
        except ValueError as exc:
            log.error("outbox row %s cannot be sent: %s", row.id, exc)
            await self._drop(row, f"cannot be sent: {exc}")
            return Outcome.DROPPED
        try:
            message = await self._send(row, payload)
        except discord.Forbidden as exc:
            return await self._forbidden(row, exc, now)
        except discord.NotFound as exc:
            await self._drop(row, f"the channel no longer exists ({exc.text})")
            return Outcome.DROPPED
        except discord.HTTPException as exc:
            if exc.status >= 500 or exc.status == 429:
                await self._retry(row, f"Discord error {exc.status}", now)
                return Outcome.WAITING
            log.error("outbox row %s rejected by Discord: %s", row.id, exc)
            await self._drop(row, f"rejected by Discord: {exc.status} {exc.text}")
            return Outcome.DROPPED
        except (aiohttp.ClientError, OSError, TimeoutError) as exc:
            await self._retry(row, f"network error: {exc}", now)
            return Outcome.WAITING
        await self._store.mark_sent(row.id, message.id, now)
        if row.kind == "alert-dm" and row.guild_id and row.user_id:
            await self._store.set_dms_closed(row.guild_id, row.user_id, False)
        return Outcome.SENT

    async def _drop(self, row: OutboxRow, reason: str) -> None:
        await self._store.mark_dropped(row.id, reason[:REASON_CHARS])

    async def _send(self, row: OutboxRow, payload: Payload) -> discord.Message:
        channel: Any
        if row.kind == "alert-dm":
            channel = await self._client.create_dm(discord.Object(_require(row.user_id)))
        else:
            channel = self._client.get_partial_messageable(_require(row.channel_id))
        return await channel.send(content=payload.content, embeds=list(payload.embeds),  # type: ignore[no-any-return]
                                  allowed_mentions=payload.allowed_mentions, nonce=nonce_of(row))

    async def _forbidden(self, row: OutboxRow, exc: discord.Forbidden, now: datetime) -> Outcome:
        if exc.code == DMS_CLOSED and row.kind == "alert-dm":
            await self._drop(row, "the member's DMs are closed")
            await self._tell_dms_closed(row, now)
            return Outcome.DROPPED
        reason = f"missing permission to post in <#{row.channel_id}> ({exc.text or exc.status})"
        log.warning("outbox row %s paused: %s", row.id, reason)
        await self._store.mark_retry(row.id, reason[:REASON_CHARS], now + BLOCKED_RETRY, blocked=True)
        return Outcome.WAITING

    async def _tell_dms_closed(self, row: OutboxRow, now: datetime) -> None:
        """Once per member and server: a mention in the channel the alert was set up in."""
        if not (row.guild_id and row.user_id and row.channel_id):
            return
        if not await self._store.set_dms_closed(row.guild_id, row.user_id, True):
            return
        payload = render_dms_closed(row.user_id, from_body(row.body))
        await self._store.enqueue([OutboxMessage(
            f"dms-closed:{row.guild_id}:{row.user_id}:{row.id}", 0, "notice", to_body(payload),
            guild_id=row.guild_id, channel_id=row.channel_id, user_id=row.user_id)], now)

    async def _retry(self, row: OutboxRow, reason: str, now: datetime) -> None:
        delay = min(FIRST_RETRY * 2 ** row.attempts, BLOCKED_RETRY)
        log.warning("outbox row %s will be retried in %s: %s", row.id, delay, reason)
        await self._store.mark_retry(row.id, reason[:REASON_CHARS], now + delay)


def _require(value: int | None) -> int:
    if value is None:
        raise ValueError("outbox row without a destination")
    return value
