"""Sending what the outbox holds: written first, sent, then marked sent with its message id.

A crash between sending and marking is covered by the message nonce: Discord (with
`enforce_nonce`) answers a repeated nonce with the message it already created, so the retry
after a restart does not post twice. 429s are waited out by discord.py; 5xx and network errors
are retried with back-off; a missing permission pauses that delivery (shown in /status) and is
tried again hourly; what can never be sent is dropped with its reason.
"""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import aiohttp
import discord

from cogs.limits import Payload, check
from cogs.render_alerts import render_dms_closed
from digests.store.core import Store
from digests.store.servers import OutboxMessage, OutboxRow

log = logging.getLogger(__name__)

GIVE_UP_AFTER = timedelta(hours=24)
BLOCKED_RETRY = timedelta(hours=1)
FIRST_RETRY = timedelta(seconds=30)
DMS_CLOSED = 50007


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


def nonce_of(row: OutboxRow) -> str:
    return f"newsdesk-{row.id}"


@dataclass(frozen=True, slots=True)
class Outcome:
    sent: bool
    message_id: int | None = None


class OutboxSender:
    """Sends due outbox rows in order; one flush at a time."""

    def __init__(self, store: Store, client: discord.Client) -> None:
        self._store = store
        self._client = client
        self._lock = asyncio.Lock()

    async def flush(self, now: datetime) -> int:
        """Send every due row; returns how many were sent. A key whose part failed waits whole."""
        sent = 0
        async with self._lock:
            stalled: set[str] = set()
            for row in await self._store.due_outbox(now):
                if row.key in stalled:
                    continue
                if await self._deliver(row, now):
                    sent += 1
                else:
                    stalled.add(row.key)
        return sent

    async def _deliver(self, row: OutboxRow, now: datetime) -> bool:
        if now - row.created_at > GIVE_UP_AFTER:
            await self._store.mark_dropped(row.id, f"not delivered within a day: {row.last_error}")
            return False
        try:
            message = await self._send(row)
        except discord.Forbidden as exc:
            await self._forbidden(row, exc, now)
            return False
        except discord.NotFound as exc:
            await self._store.mark_dropped(row.id, f"the channel no longer exists ({exc.text})")
            return False
        except discord.HTTPException as exc:
            if exc.status >= 500 or exc.status == 429:
                await self._retry(row, f"Discord error {exc.status}", now)
            else:
                log.error("outbox row %s rejected by Discord: %s", row.id, exc)
                await self._store.mark_dropped(row.id, f"rejected by Discord: {exc.status} {exc.text}")
            return False
        except (aiohttp.ClientError, OSError, TimeoutError) as exc:
            await self._retry(row, f"network error: {exc}", now)
            return False
        await self._store.mark_sent(row.id, message.id, now)
        if row.kind == "alert-dm" and row.guild_id and row.user_id:
            await self._store.set_dms_closed(row.guild_id, row.user_id, False)
        return True

    async def _send(self, row: OutboxRow) -> discord.Message:
        payload = check(from_body(row.body))
        channel: Any
        if row.kind == "alert-dm":
            channel = await self._client.create_dm(discord.Object(_require(row.user_id)))
        else:
            channel = self._client.get_partial_messageable(_require(row.channel_id))
        return await channel.send(content=payload.content, embeds=list(payload.embeds),  # type: ignore[no-any-return]
                                  allowed_mentions=payload.allowed_mentions, nonce=nonce_of(row))

    async def _forbidden(self, row: OutboxRow, exc: discord.Forbidden, now: datetime) -> None:
        if exc.code == DMS_CLOSED and row.kind == "alert-dm":
            await self._store.mark_dropped(row.id, "the member's DMs are closed")
            await self._tell_dms_closed(row, now)
            return
        reason = f"missing permission to post in <#{row.channel_id}> ({exc.text or exc.status})"
        log.warning("outbox row %s paused: %s", row.id, reason)
        await self._store.mark_retry(row.id, reason, now + BLOCKED_RETRY, blocked=True)

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
        await self._store.mark_retry(row.id, reason, now + delay)


def _require(value: int | None) -> int:
    if value is None:
        raise ValueError("outbox row without a destination")
    return value
