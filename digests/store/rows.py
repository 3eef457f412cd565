"""Reading feed and item rows: shared by the store's modules, never used outside them."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta, timezone
from functools import lru_cache
from typing import Any, TypeVar

from sqlalchemy import func, literal, select
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncEngine

from digests.models import Feed, Item
from digests.store.schema import feeds, items


def item_query(*, text: bool = True) -> Any:
    """Items with their feed's name; without their text (an empty one) when `text` is False."""
    feed_name = func.coalesce(feeds.c.name, feeds.c.title, feeds.c.url).label("feed_name")
    columns = [items] if text else [*(c for c in items.c if c.name != "text"), literal("").label("text")]
    return select(*columns, feed_name).join(feeds, feeds.c.id == items.c.feed_id)


def offset_minutes(moment: datetime) -> int | None:
    """The minutes east of UTC of `moment`'s clock; None for UTC itself."""
    offset = moment.utcoffset()
    minutes = round(offset.total_seconds() / 60) if offset is not None else 0
    return minutes or None


def on_clock(stored: datetime, offset: int | None) -> datetime:
    """A stored (UTC) time on the publisher's clock, `offset` minutes east of UTC."""
    return stored.astimezone(timezone(timedelta(minutes=offset))) if offset else stored


def item_from_row(row: Row[Any]) -> Item:
    return Item(
        id=row.id, feed_id=row.feed_id, feed_name=row.feed_name, url=row.url, title=row.title,
        text=row.text, author=row.author, categories=_categories(row.categories),
        language=row.language, published_at=on_clock(row.published_at, row.published_offset),
        first_seen_at=row.first_seen_at,
        seen_at_first_poll=bool(row.seen_at_first_poll))


@lru_cache(maxsize=1024)  # most items have none, or one of a feed's few: read each list once
def _categories(stored: str) -> tuple[str, ...]:
    return tuple(json.loads(stored))


def feed_query() -> Any:
    count = (select(func.count()).where(items.c.feed_id == feeds.c.id)
             .correlate(feeds).scalar_subquery().label("item_count"))
    return select(feeds, count)


def feed_from_row(row: Row[Any]) -> Feed:
    return Feed(
        id=row.id, url=row.url, title=row.title, name=row.name, site_url=row.site_url,
        full_text=bool(row.full_text), etag=row.etag, last_modified=row.last_modified,
        body_hash=row.body_hash, paused=bool(row.paused), paused_reason=row.paused_reason,
        failing_since=row.failing_since, failure_count=row.failure_count,
        last_error=row.last_error, last_success_at=row.last_success_at,
        last_polled_at=row.last_polled_at, next_check_at=row.next_check_at,
        first_polled=bool(row.first_polled), item_count=getattr(row, "item_count", 0) or 0,
        paused_by=row.paused_by, paused_at=row.paused_at)


T = TypeVar("T")
INSERT_CHUNK = 250
"""Rows per INSERT: SQLAlchemy prepares a statement's rows in one go on the event loop."""
READ_CHUNK = 500
"""Rows turned into values between two turns of the event loop (`read_all`): about 15 µs of
the loop's time each (SQLAlchemy's row, our types, a frozen dataclass), so under 10 ms a turn."""


def chunks(rows: Sequence[T], size: int = INSERT_CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


async def read_all(engine: AsyncEngine, query: Any, convert: Callable[[Row[Any]], T],
                   parameters: dict[str, Any] | None = None) -> list[T]:
    """Every row of `query`, converted by `convert`, read `READ_CHUNK` rows at a time: a
    result of tens of thousands of rows (every person named, every alert) would otherwise be
    read and converted in one go, holding the event loop for a tenth of a second or more."""
    values: list[T] = []
    async with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            # asyncpg reads rows in C as they arrive; a server-side cursor would only add round
            # trips (a transaction, DECLARE, FETCH), several times the query's own time.
            for rows in (await conn.execute(query, parameters)).partitions(READ_CHUNK):
                values.extend(convert(row) for row in rows)
                await asyncio.sleep(0)
            return values
        result = await conn.stream(query, parameters)
        async for rows in result.partitions(READ_CHUNK):
            values.extend(convert(row) for row in rows)
            await asyncio.sleep(0)  # the driver may have buffered every row: yield anyway
    return values


def aware(value: Any) -> datetime | None:
    """A timestamp read by an aggregate (min, max), as an aware UTC datetime."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)  # type: ignore[no-any-return]
