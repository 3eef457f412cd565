"""Reading item rows: shared by the store's modules, never used outside them."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Row

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
