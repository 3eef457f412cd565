"""Which process looks after which Discord server, when the bot runs as several processes.

Discord splits a bot's servers into shards: server `g` belongs to shard `(g >> 22) % count`,
and each gateway connection receives the events (and slash commands) of its shard's servers
only. A process runs some of the shards; the work of a server that is not pushed by Discord
(its daily digest, its outbox, its members' alerts) is done by the process that holds its
shard, so two processes on one database never both do it.
"""

from __future__ import annotations

from dataclasses import dataclass

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
