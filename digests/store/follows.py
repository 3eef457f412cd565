"""The store's follows: which servers follow which feeds, under what name, paused or removed;
the operator's feeds count for every server that has not removed them."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import and_, bindparam, func, insert, or_, select, update
from sqlalchemy.engine import Row

from digests.models import Feed
from digests.store.connection import Queries
from digests.store.rows import feed_from_row, feed_query
from digests.store.schema import feeds, follows, items

PAUSED_BY_SERVER = "server"


class FollowQueries(Queries):
    """Servers' follows of feeds."""

    async def follow(self, guild_id: int, feed_id: int, *, now: datetime,
                     name: str | None = None) -> None:
        await self._set_follow(guild_id, feed_id, now, {"removed": False, "paused": False,
                                                        "name": name})

    async def unfollow(self, guild_id: int, feed_id: int, *, now: datetime) -> None:
        """Remember the removal, so an operator feed stays removed for this server."""
        await self._set_follow(guild_id, feed_id, now, {"removed": True, "paused": False})

    async def set_follow_paused(self, guild_id: int, feed_id: int, paused: bool, *,
                                now: datetime) -> None:
        """Pause or resume a feed for one server only (others that follow it are unaffected)."""
        await self._set_follow(guild_id, feed_id, now, {"removed": False, "paused": paused})

    async def _set_follow(self, guild_id: int, feed_id: int, now: datetime,
                          values: dict[str, Any]) -> None:
        async with self._begin() as conn:
            changed = await conn.execute(update(follows).where(
                follows.c.guild_id == guild_id, follows.c.feed_id == feed_id).values(**values))
            if changed.rowcount == 0:
                await conn.execute(insert(follows).values(
                    guild_id=guild_id, feed_id=feed_id, created_at=now,
                    **{"name": None, "removed": False, "paused": False, **values}))

    async def own_follow_ids(self, guild_id: int) -> frozenset[int]:
        """The feeds the server follows itself (a follow it has not removed), operator feeds
        it merely inherits left out."""
        query = select(follows.c.feed_id).where(follows.c.guild_id == guild_id,
                                                follows.c.removed.is_(False))
        async with self._engine.connect() as conn:
            return frozenset((await conn.scalars(query)).all())

    async def active_followers(self, feed_id: int) -> int:
        """How many servers follow the feed and have not paused it (operator feeds: at least 1)."""
        async with self._engine.connect() as conn:
            operator = await conn.scalar(select(feeds.c.operator).where(feeds.c.id == feed_id))
            count = await conn.scalar(select(func.count()).select_from(follows).where(
                follows.c.feed_id == feed_id, follows.c.removed.is_(False),
                follows.c.paused.is_(False)))
        return int(count or 0) + (1 if operator else 0)

    async def forget_feed(self, feed_id: int) -> bool:
        """Delete a feed that no server follows and that holds no items (a failed /feeds add)."""
        async with self._begin() as conn:
            followed = await conn.scalar(select(func.count()).select_from(follows).where(
                follows.c.feed_id == feed_id))
            held = await conn.scalar(select(func.count()).select_from(items).where(
                items.c.feed_id == feed_id))
            if followed or held:
                return False
            result = await conn.execute(feeds.delete().where(
                feeds.c.id == feed_id, feeds.c.operator.is_(False)))
        return bool(result.rowcount)

    async def guild_feeds(self, guild_id: int, *, counts: bool = True) -> list[Feed]:
        """The server's own follows plus the operator's feeds it has not removed; a feed the
        server paused shows as paused here, whatever other servers do. Without `counts`,
        `item_count` is left at 0: counting items per feed is the costly part, and scoping a
        query or matching alerts only needs which feeds they are."""
        mine = follows.c.guild_id == guild_id
        base: Any = feed_query() if counts else select(feeds)
        query = (base.add_columns(follows.c.paused.label("follow_paused"),
                                           follows.c.name.label("follow_name"))
                 .outerjoin(follows, and_(follows.c.feed_id == feeds.c.id, mine))
                 .where(or_(follows.c.removed.is_(False),
                            and_(feeds.c.operator.is_(True), follows.c.guild_id.is_(None))))
                 .order_by(feeds.c.id))
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [_guild_feed(r) for r in rows]

    async def guild_feed_ids(self, guild_ids: Collection[int], *, live_only: bool = False,
                             among: Collection[int] | None = None) -> dict[int, frozenset[int]]:
        """For each server, the ids of the feeds `guild_feeds` lists, in two queries however
        many servers: what scoping queries and matching alerts need. `live_only` leaves out
        the feeds paused by a server (`paused_by` PAUSED_BY_SERVER there); `among` limits the
        answer to these feeds (alerts ask only about the feeds of the items they match)."""
        wanted = list(guild_ids)
        follow_rows = (select(follows.c.guild_id, follows.c.feed_id, follows.c.removed,
                              follows.c.paused, feeds.c.paused.label("feed_paused"),
                              feeds.c.paused_by)
                       .join(feeds, feeds.c.id == follows.c.feed_id)
                       .where(follows.c.guild_id.in_(bindparam("guilds", expanding=True))))
        operator_rows = select(feeds.c.id, feeds.c.paused_by).where(feeds.c.operator.is_(True))
        if among is not None:
            follow_rows = follow_rows.where(follows.c.feed_id.in_(list(among)))
            operator_rows = operator_rows.where(feeds.c.id.in_(list(among)))
        async with self._engine.connect() as conn:
            rows = (await conn.execute(follow_rows, {"guilds": wanted})).all() if wanted else []
            operator = (await conn.execute(operator_rows)).all()
        listed: dict[int, set[int]] = {g: set() for g in wanted}
        kept: dict[int, set[int]] = {g: set() for g in wanted}
        for row in rows:
            listed[row.guild_id].add(row.feed_id)
            paused_here = row.paused and not row.feed_paused
            by_server = paused_here or row.paused_by == PAUSED_BY_SERVER
            if not row.removed and not (live_only and by_server):
                kept[row.guild_id].add(row.feed_id)
        unlisted = frozenset(r.id for r in operator
                             if not (live_only and r.paused_by == PAUSED_BY_SERVER))
        # Servers that follow nothing of their own share one set: no copy per server.
        return {g: frozenset(kept[g] | (unlisted - listed[g])) if listed[g] else unlisted
                for g in wanted}


def _guild_feed(row: Row[Any]) -> Feed:
    """The feed as one server sees it: the name it gave, and paused if it paused it."""
    feed = feed_from_row(row)
    if row.follow_name:
        feed = replace(feed, name=row.follow_name)
    if row.follow_paused and not feed.paused:
        return replace(feed, paused=True, paused_reason="paused by this server",
                       paused_by=PAUSED_BY_SERVER)
    return feed
