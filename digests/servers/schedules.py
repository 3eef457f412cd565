"""Setting and stopping a server's daily digest, and which digests are due in this process."""

from __future__ import annotations

from datetime import datetime, timedelta

from digests.servers.deliveries import DueDigest, due_digests, parse_clock, parse_timezone
from digests.servers.shards import ShardView
from digests.store.core import Store
from digests.store.servers import GuildSettings


async def schedule_digest(store: Store, guild_id: int, channel_id: int, time_text: str,
                          timezone: str, now: datetime) -> GuildSettings:
    """One daily digest per server: a new schedule replaces the old one. A time already past
    today first fires tomorrow (the schedule counts from `now`)."""
    clock = parse_clock(time_text)
    zone = parse_timezone(timezone.strip() or "UTC")
    await store.set_digest_schedule(guild_id, channel_id=channel_id, time=f"{clock:%H:%M}",
                                    timezone=zone.key, now=now)
    settings = await store.guild_settings(guild_id)
    assert settings is not None
    return settings


async def stop_digest(store: Store, guild_id: int, now: datetime) -> None:
    await store.set_digest_schedule(guild_id, channel_id=None, time=None, timezone=None, now=now)


async def digests_due_here(store: Store, now: datetime, grace: timedelta,
                           shards: ShardView) -> list[DueDigest]:
    """The daily digests due now of the servers whose shard this process holds: with the bot
    on several processes, each server's digest is written (and posted) by one of them."""
    return [due for due in await due_digests(store, now, grace) if shards.holds(due.guild_id)]
