"""The store's feeds: one row per URL however many servers follow it, with its fetch state,
its failures and pauses."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update

from digests.models import Feed
from digests.store.connection import GroupCommit, Queries, Rows
from digests.store.rows import feed_from_row, feed_query
from digests.store.schema import feeds, fetch_errors


@dataclass(frozen=True, slots=True)
class FeedError:
    at: datetime
    kind: str
    status: int | None
    message: str


class FeedQueries(Queries):
    """Feeds and their fetch state (not what they hold: see `ItemQueries`)."""

    async def add_feed(self, url: str, *, now: datetime, name: str | None = None,
                       full_text: bool = False, operator: bool = False) -> Feed:
        """The feed for `url`, created if new; one row per URL however many servers follow it."""
        async with self._begin() as conn:
            feed_id = await conn.scalar(select(feeds.c.id).where(feeds.c.url == url))
            if feed_id is None:
                result = await conn.execute(insert(feeds).values(
                    url=url, name=name, full_text=full_text, operator=operator,
                    next_check_at=now, created_at=now, failure_count=0, paused=False,
                    first_polled=False))
                feed_id = result.inserted_primary_key[0]  # type: ignore[index]
            else:
                changes: dict[str, Any] = {}
                if name is not None:
                    changes["name"] = name
                if full_text:
                    changes["full_text"] = True
                if operator:
                    changes["operator"] = True
                if changes:
                    await conn.execute(update(feeds).where(feeds.c.id == feed_id).values(**changes))
        return await self.get_feed(feed_id)

    async def set_operator_feeds(self, urls: Iterable[str]) -> None:
        """Mark exactly these URLs as the operator's feeds (a feed dropped from the file is not)."""
        keep = list(urls)
        async with self._begin() as conn:
            await conn.execute(update(feeds).where(feeds.c.operator.is_(True), feeds.c.url.not_in(keep))
                               .values(operator=False))

    async def get_feed(self, feed_id: int) -> Feed:
        async with self._engine.connect() as conn:
            row = (await conn.execute(feed_query().where(feeds.c.id == feed_id))).one()
        return feed_from_row(row)

    async def all_feeds(self) -> list[Feed]:
        async with self._engine.connect() as conn:
            rows = (await conn.execute(feed_query().order_by(feeds.c.id))).all()
        return [feed_from_row(r) for r in rows]

    async def feeds_paused_by(self, by: str) -> list[Feed]:
        """Feeds paused for everyone by `by` (the bot, say): usually none."""
        query = select(feeds).where(feeds.c.paused.is_(True), feeds.c.paused_by == by)
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query.order_by(feeds.c.id))).all()
        return [feed_from_row(r) for r in rows]

    async def due_feeds(self, now: datetime, limit: int,
                        excluding: Collection[int] = ()) -> list[Feed]:
        """Feeds whose next check has come, the most overdue first; paused feeds never, nor
        those of `excluding` (being polled already)."""
        query = (select(feeds).where(feeds.c.paused.is_(False), feeds.c.next_check_at <= now)
                 .order_by(feeds.c.next_check_at).limit(limit))
        if excluding:
            query = query.where(feeds.c.id.not_in(list(excluding)))
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [feed_from_row(r) for r in rows]

    async def next_check_after(self, now: datetime) -> datetime | None:
        """When the next feed falls due after `now` (paused feeds never): the poller wakes then.
        Feeds overdue already are being polled, or are another process's."""
        query = select(func.min(feeds.c.next_check_at)).where(
            feeds.c.paused.is_(False), feeds.c.next_check_at > now)
        async with self._engine.connect() as conn:
            due: datetime | None = await conn.scalar(query)
        return due

    async def record_not_modified(self, feed_id: int, *, now: datetime, next_check_at: datetime,
                                  etag: str | None, last_modified: str | None) -> None:
        """A 304 or an identical body: the feed is healthy and nothing needs parsing. Written
        with the other feeds' that arrive meanwhile, in one transaction."""
        await self._not_modified.add({"b_id": feed_id, "b_now": now, "b_next": next_check_at,
                                      "b_etag": etag or None, "b_modified": last_modified or None})

    @cached_property
    def _not_modified(self) -> GroupCommit:
        return GroupCommit(self._write_not_modified)

    async def _write_not_modified(self, rows: Rows) -> None:
        moment = feeds.c.last_polled_at.type
        statement = update(feeds).where(feeds.c.id == bindparam("b_id")).values(
            failing_since=None, failure_count=0, last_error=None, last_status=304,
            last_success_at=bindparam("b_now", type_=moment),
            last_polled_at=bindparam("b_now", type_=moment),
            next_check_at=bindparam("b_next", type_=moment),
            etag=func.coalesce(bindparam("b_etag", type_=feeds.c.etag.type), feeds.c.etag),
            last_modified=func.coalesce(bindparam("b_modified", type_=feeds.c.last_modified.type),
                                        feeds.c.last_modified))
        async with self._begin() as conn:
            await conn.execute(statement, rows)

    async def record_failure(self, feed_id: int, *, now: datetime, next_check_at: datetime,
                             kind: str, message: str, status: int | None = None) -> Feed:
        """Count one more failure, keep it in the history, and return the feed as it is now."""
        async with self._begin() as conn:
            await conn.execute(update(feeds).where(feeds.c.id == feed_id).values(
                failing_since=func.coalesce(feeds.c.failing_since, now),
                failure_count=feeds.c.failure_count + 1,
                last_error=message, last_status=status,
                last_polled_at=now, next_check_at=next_check_at))
            await conn.execute(insert(fetch_errors).values(
                feed_id=feed_id, at=now, kind=kind, status=status, message=message))
        return await self.get_feed(feed_id)

    async def reschedule(self, feed_id: int, next_check_at: datetime) -> None:
        await self._update_feed(feed_id, {"next_check_at": next_check_at})

    async def pause_feed(self, feed_id: int, *, now: datetime, reason: str, by: str) -> None:
        await self._update_feed(feed_id, {"paused": True, "paused_reason": reason,
                                          "paused_by": by, "paused_at": now})

    async def resume_feed(self, feed_id: int, *, now: datetime) -> None:
        """Unpause, forget the run of failures and poll at the next tick."""
        await self._update_feed(feed_id, {
            "paused": False, "paused_reason": None, "paused_by": None, "paused_at": None,
            "failing_since": None, "failure_count": 0, "next_check_at": now})

    async def move_feed(self, feed_id: int, new_url: str) -> bool:
        """Point a feed at its new URL (a permanent redirect); False if another feed has it."""
        async with self._begin() as conn:
            taken = await conn.scalar(select(feeds.c.id).where(feeds.c.url == new_url))
            if taken is not None and taken != feed_id:
                return False
            await conn.execute(update(feeds).where(feeds.c.id == feed_id).values(
                url=new_url, etag=None, last_modified=None))
        return True

    async def feed_errors(self, feed_id: int, limit: int = 10) -> list[FeedError]:
        query = (select(fetch_errors).where(fetch_errors.c.feed_id == feed_id)
                 .order_by(fetch_errors.c.at.desc(), fetch_errors.c.id.desc()).limit(limit))
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [FeedError(r.at, r.kind, r.status, r.message) for r in rows]

    async def _update_feed(self, feed_id: int, values: dict[str, Any]) -> None:
        async with self._begin() as conn:
            await conn.execute(update(feeds).where(feeds.c.id == feed_id).values(**values))
