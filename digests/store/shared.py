"""Work that several Newsdesk processes share through one PostgreSQL database, each piece done
by one of them: leases on due feeds, items to read and outbox rows; story ids handed out by
the database; items marked once checked for alerts.

A lease is (owner, until): a process claims free rows (no lease, or one that has expired) and
writes its name and an expiry on them in one transaction; on PostgreSQL the rows are picked
`FOR UPDATE SKIP LOCKED`, so two processes claiming at once get disjoint rows without waiting
for each other. A process that dies holds its rows only until the expiry. On SQLite (one
process) the same calls work, the write lock doing what the row locks do.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select, update

from digests.models import Feed, Item
from digests.store.connection import Queries
from digests.store.rows import feed_from_row, feed_query, item_from_row, item_query
from digests.store.schema import counters, feeds, items, outbox, stories
from digests.store.servers import BLOCKED, PENDING, AlertCandidate, OutboxRow, outbox_row

STORY_COUNTER = "stories"


class SharedWorkQueries(Queries):
    """Claims with expiry, ids from the database, alert checks that no late commit escapes."""

    @property
    def several_processes(self) -> bool:
        """Whether other Newsdesk processes may share this database: PostgreSQL (SQLite's file
        is held by one process), so work is claimed before it is done."""
        return self._engine.dialect.name == "postgresql"

    async def claim_due_feeds(self, now: datetime, limit: int, *, owner: str,
                              lease: timedelta) -> list[Feed]:
        """Due, unpaused feeds that no other process holds, the most overdue first, now held
        by `owner` until `now + lease` (or `release_feed`)."""
        ids = await self._claim(feeds, [feeds.c.paused.is_(False), feeds.c.next_check_at <= now],
                                [feeds.c.next_check_at, feeds.c.id], limit, owner, now, lease)
        return await self._in_order(ids, feed_query().where(feeds.c.id.in_(ids)), feed_from_row)

    async def claim_feed(self, feed_id: int, *, owner: str, now: datetime,
                         lease: timedelta) -> bool:
        """Hold one feed, due or not (a poll asked for now: a feed just added), unless another
        process holds it; True when `owner` now holds it."""
        return bool(await self._claim(feeds, [feeds.c.id == feed_id], [feeds.c.id], 1, owner,
                                      now, lease))

    async def release_feed(self, feed_id: int, owner: str) -> None:
        await self._release(feeds, [feed_id], owner)

    async def claim_pending_items(self, limit: int, *, owner: str, now: datetime,
                                  lease: timedelta) -> list[Item]:
        """Items not read yet (and due, after a failure) that no other process is reading,
        newest first, now held by `owner`: each item is read by one process."""
        due = or_(items.c.enrich_after.is_(None), items.c.enrich_after <= now)
        ids = await self._claim(items, [items.c.enriched.is_(False), due],
                                [items.c.published_at.desc(), items.c.id.desc()], limit, owner,
                                now, lease)
        return await self._in_order(ids, item_query().where(items.c.id.in_(ids)), item_from_row)

    async def claim_items_among(self, item_ids: Collection[int], *, owner: str, now: datetime,
                                lease: timedelta) -> list[Item]:
        """Those of `item_ids` not read yet that no other process is reading, newest first,
        now held by `owner` (items a member waits for, read before the rest)."""
        if not item_ids:
            return []
        ids = await self._claim(items, [items.c.enriched.is_(False), items.c.id.in_(list(item_ids))],
                                [items.c.published_at.desc(), items.c.id.desc()], len(item_ids),
                                owner, now, lease)
        return await self._in_order(ids, item_query().where(items.c.id.in_(ids)), item_from_row)

    async def release_items(self, item_ids: Collection[int], owner: str) -> None:
        await self._release(items, item_ids, owner)

    async def claim_outbox(self, now: datetime, limit: int, *, owner: str,
                           lease: timedelta) -> list[OutboxRow]:
        """Due outbox rows no other process is sending, oldest first, now held by `owner`: a
        row is sent by one process (its nonce stays the last line of defence, should a lease
        expire mid-send)."""
        ids = await self._claim(outbox, [outbox.c.status.in_([PENDING, BLOCKED]),
                                         outbox.c.next_attempt_at <= now],
                                [outbox.c.id], limit, owner, now, lease)
        return await self._in_order(ids, select(outbox).where(outbox.c.id.in_(ids)), outbox_row)

    async def release_outbox(self, row_ids: Collection[int], owner: str) -> None:
        await self._release(outbox, row_ids, owner)

    async def reserve_story_ids(self, count: int) -> range:
        """`count` story ids no other process will be given, above every stored story's. One
        atomic statement: the counter's row is made (above the stories) or moved on."""
        from sqlalchemy.dialects import postgresql, sqlite

        above_stories = select(func.coalesce(func.max(stories.c.id), 0) + count).scalar_subquery()
        dialect = postgresql if self._engine.dialect.name == "postgresql" else sqlite
        statement = (dialect.insert(counters).values(name=STORY_COUNTER, value=above_stories)
                     .on_conflict_do_update(index_elements=[counters.c.name],
                                            set_={"value": counters.c.value + count})
                     .returning(counters.c.value))
        async with self._begin() as conn:
            last = int(await conn.scalar(statement) or 0)
        return range(last - count + 1, last + 1)

    async def unchecked_alert_candidates(self, limit: int) -> list[AlertCandidate]:
        """Items not yet checked against alert subscriptions, in id order. An item whose
        transaction commits late is still unchecked when it shows up, where a cursor on ids
        would have passed it. Mark them with `record_alert_matches(checked_item_ids=…)`."""
        from digests.store.servers import alert_candidate_query, candidate_from_row

        query = (alert_candidate_query().where(items.c.alert_checked.is_(False))
                 .order_by(items.c.id).limit(limit))
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [candidate_from_row(r) for r in rows]

    async def _claim(self, table: Any, conditions: list[Any], order: list[Any], limit: int,
                     owner: str, now: datetime, lease: timedelta) -> list[int]:
        free = or_(table.c.lease_until.is_(None), table.c.lease_until < now)
        pick = select(table.c.id).where(*conditions, free).order_by(*order).limit(limit)
        if self._engine.dialect.name == "postgresql":
            pick = pick.with_for_update(skip_locked=True)
        async with self._begin() as conn:
            ids = [int(r[0]) for r in await conn.execute(pick)]
            if ids:
                await conn.execute(update(table).where(table.c.id.in_(ids)).values(
                    lease_owner=owner, lease_until=now + lease))
        return ids

    async def _release(self, table: Any, ids: Collection[int], owner: str) -> None:
        if not ids:
            return
        async with self._begin() as conn:
            await conn.execute(update(table).where(table.c.id.in_(list(ids)),
                                                   table.c.lease_owner == owner)
                               .values(lease_owner=None, lease_until=None))

    async def _in_order(self, ids: list[int], query: Any, convert: Any) -> list[Any]:
        if not ids:
            return []
        async with self._engine.connect() as conn:
            by_id = {r.id: convert(r) for r in await conn.execute(query)}
        return [by_id[i] for i in ids if i in by_id]
