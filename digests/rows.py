"""Reading item rows: shared by the store's modules, never used outside them."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncEngine

from .models import Item
from .schema import feeds, items


def item_query() -> Any:
    feed_name = func.coalesce(feeds.c.name, feeds.c.title, feeds.c.url).label("feed_name")
    return select(items, feed_name).join(feeds, feeds.c.id == items.c.feed_id)


def item_from_row(row: Row[Any]) -> Item:
    return Item(
        id=row.id, feed_id=row.feed_id, feed_name=row.feed_name, url=row.url, title=row.title,
        text=row.text, author=row.author, categories=tuple(json.loads(row.categories)),
        language=row.language, published_at=row.published_at, first_seen_at=row.first_seen_at,
        seen_at_first_poll=bool(row.seen_at_first_poll))


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
        result = await conn.stream(query, parameters)
        async for rows in result.partitions(READ_CHUNK):
            values.extend(convert(row) for row in rows)
            await asyncio.sleep(0)  # the driver may have buffered every row: yield anyway
    return values
