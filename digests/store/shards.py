"""The outbox of some Discord shards only: what one process of a sharded bot sends; and the
pulse of each process (which shards it runs, when it last said it was alive).

A server belongs to shard `(guild_id >> 22) % count` (Discord's formula, kept in
`digests.servers.shards`); the filter is computed in SQL, the same on SQLite and PostgreSQL, so
the rows of shards held elsewhere never crowd this process's rows out of a batch. A row tied to
no server counts as server 0's (shard 0).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Integer, delete, func, literal, or_, select

from digests.store.connection import Queries
from digests.store.schema import outbox, shard_holders
from digests.store.servers import BLOCKED, PENDING, OutboxRow, outbox_row

TIME_SHIFT = 22


def shard_expression(guild_id: Any, count: int) -> Any:
    """`(coalesce(guild_id, 0) >> 22) % count` as a SQL expression."""
    server = func.coalesce(guild_id, literal(0, BigInteger))
    return server.op(">>")(literal(TIME_SHIFT, Integer)).op("%")(literal(count, BigInteger))


@dataclass(frozen=True, slots=True)
class ShardHolder:
    """A process of a sharded bot: its shards among `shard_count`, and its last beat."""

    owner: str
    shard_count: int
    shard_ids: tuple[int, ...]
    beat_at: datetime


class ShardQueries(Queries):
    """Outbox reads restricted to the shards a process holds; the processes' pulses."""

    async def beat(self, owner: str, shard_count: int, shard_ids: Collection[int],
                   now: datetime) -> None:
        """Say that `owner` is alive and runs `shard_ids`."""
        from sqlalchemy.dialects import postgresql, sqlite

        values = {"shard_count": shard_count, "beat_at": now,
                  "shard_ids": ",".join(map(str, sorted(shard_ids)))}
        async with self._begin() as conn:
            dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
            await conn.execute(dialect.insert(shard_holders).values(owner=owner, **values)
                               .on_conflict_do_update(index_elements=["owner"], set_=values))

    async def shard_holders(self) -> list[ShardHolder]:
        async with self._engine.connect() as conn:
            rows = (await conn.execute(select(shard_holders).order_by(shard_holders.c.owner))).all()
        return [ShardHolder(r.owner, r.shard_count,
                            tuple(int(s) for s in r.shard_ids.split(",") if s), r.beat_at)
                for r in rows]

    async def forget_shard_holder(self, owner: str) -> None:
        """Forget a silent process whose shards others run now (restarted under a new name)."""
        async with self._begin() as conn:
            await conn.execute(delete(shard_holders).where(shard_holders.c.owner == owner))

    async def due_outbox_in_shards(self, now: datetime, count: int, shard_ids: Collection[int],
                                   limit: int = 100) -> list[OutboxRow]:
        """Due rows (oldest first) of the servers of `shard_ids` among `count` shards, leaving
        out rows another process holds a live lease on."""
        query = (select(outbox).where(
            outbox.c.status.in_([PENDING, BLOCKED]), outbox.c.next_attempt_at <= now,
            or_(outbox.c.lease_until.is_(None), outbox.c.lease_until < now),
            shard_expression(outbox.c.guild_id, count).in_(sorted(shard_ids)))
            .order_by(outbox.c.id).limit(limit))
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [outbox_row(r) for r in rows]
