"""A server's status: its feeds, the next digest, deliveries waiting on a permission, and
how much the bot still has to read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from digests.models import Feed
from digests.servers.deliveries import next_digest_at
from digests.store.core import Store
from digests.store.servers import OutboxRow


@dataclass(frozen=True, slots=True)
class Backlog:
    """Items stored but not read yet (the whole bot's, not one server's)."""

    items: int = 0
    oldest_arrival: datetime | None = None


@dataclass(frozen=True, slots=True)
class ServerStatus:
    feeds: tuple[Feed, ...]
    next_digest: datetime | None
    digest_channel: int | None
    blocked: tuple[OutboxRow, ...]
    backlog: Backlog = Backlog()


async def server_status(store: Store, guild_id: int, now: datetime) -> ServerStatus:
    settings = await store.guild_settings(guild_id)
    return ServerStatus(
        feeds=tuple(await store.guild_feeds(guild_id)),
        next_digest=next_digest_at(settings, now) if settings else None,
        digest_channel=settings.digest_channel_id if settings else None,
        blocked=tuple(await store.blocked_deliveries(guild_id)),
        backlog=Backlog(*await store.enrichment_backlog()))
