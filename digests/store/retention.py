"""The retention policy: what is older than the period an operator keeps is deleted, in small
transactions, so a year of polling stays bounded.

An item goes once its feed has not listed it, and it was not published, within the period;
with it go its sentences, figures, mentions and place in a story, then stories left empty and
the alert matches of deleted stories. Fetch errors are diagnostics and go after 30 days; sent
digests and alerts once older than the period (paused-feed notices stay: their keys keep them
from being sent again).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select

from digests.store.connection import Queries
from digests.store.news import delete_search_rows
from digests.store.schema import alert_matches, fetch_errors, items, outbox, stories, story_items

BATCH = 500
ERRORS_KEPT = timedelta(days=30)
_FINISHED = ("sent", "dropped", "blocked")


@dataclass(frozen=True, slots=True)
class Pruned:
    items: int = 0
    stories: int = 0
    fetch_errors: int = 0
    outbox: int = 0


class RetentionQueries(Queries):
    """Deleting what the retention period no longer keeps."""

    async def prune(self, now: datetime, keep: timedelta) -> Pruned:
        cutoff = now - keep
        pruned_items = 0
        while batch := await self._expired_items(cutoff):
            async with self._begin() as conn:
                await delete_search_rows(conn, batch)
                await conn.execute(delete(items).where(items.c.id.in_(batch)))
            pruned_items += len(batch)
            await asyncio.sleep(0)  # other writers take their turn between batches
        async with self._begin() as conn:
            emptied = await conn.execute(delete(stories).where(
                stories.c.last_seen_at < cutoff, stories.c.id.not_in(select(story_items.c.story_id))))
            await conn.execute(delete(alert_matches).where(
                alert_matches.c.story_id.not_in(select(stories.c.id))))
            errors = await conn.execute(delete(fetch_errors).where(
                fetch_errors.c.at < now - ERRORS_KEPT))
            sent = await conn.execute(delete(outbox).where(
                outbox.c.created_at < cutoff, outbox.c.status.in_(_FINISHED),
                outbox.c.kind.in_(["digest", "alert", "alert-dm"])))
        return Pruned(pruned_items, emptied.rowcount, errors.rowcount, sent.rowcount)

    async def _expired_items(self, cutoff: datetime) -> list[int]:
        query = (select(items.c.id).where(items.c.last_seen_at < cutoff, items.c.published_at < cutoff)
                 .order_by(items.c.id).limit(BATCH))
        async with self._engine.connect() as conn:
            return [r[0] for r in await conn.execute(query)]
