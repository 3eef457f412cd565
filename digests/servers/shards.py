"""Which process looks after which Discord server, when the bot runs as several processes.

Discord splits a bot's servers into shards: server `g` belongs to shard `(g >> 22) % count`,
and each gateway connection receives the events (and slash commands) of its shard's servers
only. A process runs some of the shards; the work of a server that is not pushed by Discord
(its daily digest, its outbox, its members' alerts) is done by the process that holds its
shard, so two processes on one database never both do it.

When a process stops beating (killed, crashed, cut off from the database), the others take
that work over (`ShardCover`) until it, or a process started in its place, beats again: the
digests, outbox and alerts need only Discord's HTTP API, which any process can use. Its slash
commands wait for its restart: Discord sends them to the gateway connection of the shard.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from digests.store.core import Store

log = logging.getLogger(__name__)
BEAT_SECONDS = 10.0
"""How often a process of a sharded bot says it is alive (and looks at the others)."""
SILENT_AFTER = timedelta(seconds=45)
"""A process not heard from for this long is taken for dead, and its shards' work is taken
over: a few beats missed, well past a slow database moment."""

SNOWFLAKE_TIME_SHIFT = 22
"""The low bits of a Discord id that are not its timestamp; the shard formula drops them."""


def shard_of(guild_id: int, count: int) -> int:
    """The shard a server belongs to, among `count` (Discord's own formula)."""
    if count < 1:
        raise ValueError(f"a bot has at least one shard, not {count}")
    return (guild_id >> SNOWFLAKE_TIME_SHIFT) % count


@dataclass(frozen=True, slots=True)
class Shards:
    """The shards this process runs: `count` in all (0: not sharded) and `ids` among them
    (empty: every one). Without sharding, or with every shard, it holds every server."""

    count: int = 0
    ids: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        if self.ids and self.count < 1:
            raise ValueError("shard ids need a shard count")
        if any(not 0 <= shard < self.count for shard in self.ids):
            raise ValueError(f"shard ids {self.ids} are not all below the count {self.count}")

    @property
    def everything(self) -> bool:
        """True when this process runs every shard: it holds every server."""
        return self.count <= 1 or not self.ids or set(self.ids) == set(range(self.count))

    def holds(self, guild_id: int | None) -> bool:
        """Whether the work of this server is this process's. Work tied to no server (None)
        goes with shard 0, as Discord sends direct messages to shard 0."""
        if self.everything:
            return True
        return shard_of(guild_id or 0, self.count) in self.ids

    def describe(self) -> str:
        """For the log line at the start: "all shards", or "shards 0, 2 of 4"."""
        if self.count == 0:
            return "one connection (not sharded)"
        if self.everything:
            return f"all {self.count} shards"
        return f"shard{'s' if len(self.ids) > 1 else ''} {', '.join(map(str, self.ids))} of {self.count}"


EVERY_SHARD = Shards()
"""One process for the whole bot: it holds every server."""


class ShardView(Protocol):
    """Which servers' work is this process's: `Shards` (fixed) or `ShardCover` (live)."""

    @property
    def count(self) -> int: ...
    @property
    def ids(self) -> tuple[int, ...]: ...
    @property
    def everything(self) -> bool: ...
    def holds(self, guild_id: int | None) -> bool: ...


class ShardCover:
    """The shards whose work this process does: those it runs, and those of processes that
    stopped beating, until one that runs them beats again.

    Each silent process's shards go to the live processes in turn, by name, so that each is
    adopted by one of them (were two ever to adopt one for a beat, the outbox's claims, the
    digest's claim of its day and the items' alert checks still make every message once).
    A shard no process has ever announced is nobody's: it may simply not be started yet."""

    def __init__(self, own: Shards, store: Store, owner: str) -> None:
        self._own = own
        self._store = store
        self._owner = owner
        self._adopted: frozenset[int] = frozenset()

    @property
    def count(self) -> int:
        return self._own.count

    @property
    def ids(self) -> tuple[int, ...]:
        if self._own.everything:
            return self._own.ids
        return tuple(sorted({*self._own.ids, *self._adopted}))

    @property
    def everything(self) -> bool:
        return self._own.everything or set(self.ids) == set(range(self.count))

    @property
    def adopted(self) -> frozenset[int]:
        return self._adopted

    def holds(self, guild_id: int | None) -> bool:
        return self.everything or shard_of(guild_id or 0, self.count) in self.ids

    async def beat(self, now: datetime) -> None:
        """Say this process is alive, and adopt the shards of those that are not."""
        await self._store.beat(self._owner, self._own.count, self._own.ids, now)
        holders = [h for h in await self._store.shard_holders() if h.shard_count == self.count]
        live = [h for h in holders if h.beat_at >= now - SILENT_AFTER]
        covered = {shard for h in live for shard in h.shard_ids}
        silent = [h for h in holders if h.beat_at < now - SILENT_AFTER]
        for holder in silent:
            if set(holder.shard_ids) <= covered:  # restarted under another name
                await self._store.forget_shard_holder(holder.owner)
        orphans = sorted({shard for h in silent for shard in h.shard_ids} - covered)
        names = sorted({h.owner for h in live} | {self._owner})
        adopted = frozenset(shard for n, shard in enumerate(orphans)
                            if names[n % len(names)] == self._owner)
        if adopted != self._adopted:
            log.warning("shards taken over: %s (their process is silent); given back: %s",
                        _listed(adopted - self._adopted), _listed(self._adopted - adopted))
        self._adopted = adopted


def _listed(shards: frozenset[int]) -> str:
    return ", ".join(map(str, sorted(shards))) or "none"
