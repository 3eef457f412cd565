"""The store's items: what polls bring (new and changed entries, stored with the feed's new
fetch state in one transaction), read back as frozen `Item`s."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from digests.models import Entry, Item, ParsedFeed, StoreResult
from digests.store.connection import Queries
from digests.store.rows import aware, chunks, item_from_row, item_query, offset_minutes
from digests.store.schema import feeds, items

_LOOKUP_CHUNK = 400
_STORED_LINKS = (select(items.c.id, items.c.url, items.c.entry_key, items.c.content_hash)
                 .where(items.c.feed_id == bindparam("feed_id"),
                        items.c.url.in_(bindparam("urls", expanding=True))))
# One expanding parameter for the keys: a list given to `in_()` is checked value by value.
_KNOWN_ENTRIES = (select(items.c.entry_key, items.c.id, items.c.content_hash)
                  .where(items.c.feed_id == bindparam("feed_id"),
                         items.c.entry_key.in_(bindparam("keys", expanding=True))))


@dataclass(frozen=True, slots=True)
class FetchState:
    """What a successful fetch leaves behind for the next conditional request."""

    etag: str | None
    last_modified: str | None
    body_hash: str | None
    status: int


@dataclass(frozen=True, slots=True)
class StoreCounts:
    feeds_ok: int
    feeds_failing: int
    feeds_paused: int
    items: int
    last_poll_at: datetime | None


class ItemQueries(Queries):
    """Items: saved from polls, read back by id or publication time; counts for /status."""

    async def save_entries(self, feed_id: int, entries: Sequence[Entry], *, now: datetime,
                           first_poll: bool) -> StoreResult:
        """Insert new entries and update changed ones; dedup by the feed's entry identities."""
        async with self._begin() as conn:
            return await _save_entries(conn, feed_id, entries, now, first_poll)

    async def save_poll(self, feed_id: int, parsed: ParsedFeed, *, now: datetime,
                        first_poll: bool, next_check_at: datetime, state: FetchState,
                        quiet_before: datetime | None = None) -> StoreResult:
        """A successful poll: its new and changed entries (as `save_entries`) and the feed's
        state (ETag, body hash, next check) in one transaction, stored together or not at all.
        New entries dated before `quiet_before` are stored as seen at a first poll: an article
        older than the retention period is never news, even when a feed lists it again."""
        async with self._begin() as conn:
            saved = await _save_entries(conn, feed_id, parsed.entries, now, first_poll, quiet_before)
            await conn.execute(update(feeds).where(feeds.c.id == feed_id).values(
                **_success_values(now, next_check_at, state, parsed.title, parsed.site_url,
                                  parsed.ttl_seconds)))
        return saved

    async def replace_item_text(self, item_id: int, text: str, *, now: datetime) -> None:
        async with self._begin() as conn:
            await conn.execute(update(items).where(items.c.id == item_id)
                               .values(text=text, updated_at=now))

    async def get_items(self, item_ids: Iterable[int]) -> list[Item]:
        ids = list(item_ids)
        async with self._engine.connect() as conn:
            rows = (await conn.execute(item_query().where(items.c.id.in_(ids)))).all()
        return [item_from_row(r) for r in rows]

    async def items_published_between(self, start: datetime, end: datetime) -> list[Item]:
        query = (item_query().where(items.c.published_at >= start, items.c.published_at <= end)
                 .order_by(items.c.published_at.desc(), items.c.id.desc()))
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [item_from_row(r) for r in rows]

    async def counts(self) -> StoreCounts:
        async with self._engine.connect() as conn:
            paused = await conn.scalar(select(func.count()).where(feeds.c.paused.is_(True)))
            failing = await conn.scalar(select(func.count()).where(
                feeds.c.paused.is_(False), feeds.c.failing_since.is_not(None)))
            total = await conn.scalar(select(func.count()).select_from(feeds))
            item_total = await conn.scalar(select(func.count()).select_from(items))
            last_poll = await conn.scalar(select(func.max(feeds.c.last_polled_at)))
        return StoreCounts(
            feeds_ok=int(total or 0) - int(paused or 0) - int(failing or 0),
            feeds_failing=int(failing or 0), feeds_paused=int(paused or 0),
            items=int(item_total or 0), last_poll_at=aware(last_poll))


async def _save_entries(conn: AsyncConnection, feed_id: int, entries: Sequence[Entry],
                        now: datetime, first_poll: bool,
                        quiet_before: datetime | None = None) -> StoreResult:
    known = await _known_entries(conn, feed_id, [e.key for e in entries])
    known |= await _known_by_link(conn, feed_id, entries, known)
    await _mark_seen(conn, [item_id for item_id, _ in known.values()], now)
    new_rows = [_item_row(feed_id, e, now, first_poll or _older(e, quiet_before))
                for e in entries if e.key not in known]
    changed = [e for e in entries if e.key in known and known[e.key][1] != e.content_hash]
    new_ids: list[int] = []
    if new_rows:
        # Not `sort_by_parameter_order`: SQLite cannot promise RETURNING's order, so
        # SQLAlchemy would send one statement per row; the keys give the order back.
        id_of: dict[str, int] = {}
        for chunk in chunks(new_rows):
            inserted = await conn.execute(
                insert(items).returning(items.c.id, items.c.entry_key), chunk)
            id_of.update((r.entry_key, r.id) for r in inserted)
        new_ids = [id_of[row["entry_key"]] for row in new_rows]
    for entry in changed:
        await conn.execute(update(items).where(items.c.id == known[entry.key][0])
                           .values(**_item_changes(entry, now)))
    return StoreResult(new=len(new_rows), updated=len(changed),
                       unchanged=len(entries) - len(new_rows) - len(changed),
                       new_item_ids=tuple(new_ids))


def _success_values(now: datetime, next_check_at: datetime, state: FetchState,
                    title: str | None, site_url: str | None,
                    ttl_seconds: int | None) -> dict[str, Any]:
    values: dict[str, Any] = {
        "etag": state.etag, "last_modified": state.last_modified,
        "body_hash": state.body_hash, "last_status": state.status,
        "failing_since": None, "failure_count": 0, "last_error": None,
        "last_success_at": now, "last_polled_at": now, "next_check_at": next_check_at,
        "first_polled": True, "ttl_seconds": ttl_seconds,
    }
    if title:
        values["title"] = title
    if site_url:
        values["site_url"] = site_url
    return values


async def _known_by_link(conn: AsyncConnection, feed_id: int, entries: Sequence[Entry],
                         known: dict[str, tuple[int, str]]) -> dict[str, tuple[int, str]]:
    """Stored items that are the same articles under new ids: a feed that changes its entries'
    ids at every poll still links each to one address. An unknown entry is matched to the one
    stored item with its link whose own id the document no longer lists, and that item takes
    the new id. A link shared by several entries, or several stored items, matches nothing."""
    links = Counter(e.url for e in entries if e.url)
    unknown = {e.url: e.key for e in entries if e.key not in known and e.url and links[e.url] == 1}
    if not unknown:
        return {}
    listed = {e.key for e in entries}
    stored: dict[str, list[tuple[int, str, str]]] = {}
    for chunk in chunks(list(unknown), _LOOKUP_CHUNK):
        rows = await conn.execute(_STORED_LINKS, {"feed_id": feed_id, "urls": chunk})
        for r in rows:
            stored.setdefault(r.url, []).append((r.id, r.entry_key, r.content_hash))
    found: dict[str, tuple[int, str]] = {}
    for url, candidates in stored.items():
        if len(candidates) == 1 and candidates[0][1] not in listed:
            item_id, _, content_hash = candidates[0]
            found[unknown[url]] = (item_id, content_hash)
            await conn.execute(update(items).where(items.c.id == item_id)
                               .values(entry_key=unknown[url]))
    return found


async def _mark_seen(conn: AsyncConnection, item_ids: list[int], now: datetime) -> None:
    """The items the feed still lists: the retention policy keeps them."""
    for chunk in chunks(item_ids, _LOOKUP_CHUNK):
        await conn.execute(update(items).where(items.c.id.in_(bindparam("ids", expanding=True)))
                           .values(last_seen_at=now), {"ids": list(chunk)})


async def _known_entries(conn: Any, feed_id: int, keys: list[str]) -> dict[str, tuple[int, str]]:
    known: dict[str, tuple[int, str]] = {}
    for chunk in chunks(keys, _LOOKUP_CHUNK):
        rows = await conn.execute(_KNOWN_ENTRIES, {"feed_id": feed_id, "keys": chunk})
        known.update({r.entry_key: (r.id, r.content_hash) for r in rows})
    return known


def _older(entry: Entry, moment: datetime | None) -> bool:
    return moment is not None and entry.dated and entry.published_at < moment


def _item_row(feed_id: int, entry: Entry, now: datetime, first_poll: bool) -> dict[str, Any]:
    return {
        "feed_id": feed_id, "entry_key": entry.key, "guid": entry.guid, "url": entry.url,
        "title": entry.title, "text": entry.text, "author": entry.author,
        "categories": json.dumps(list(entry.categories)), "language": entry.language,
        "published_at": entry.published_at if entry.dated else now, "dated": entry.dated,
        "published_offset": offset_minutes(entry.published_at) if entry.dated else None,
        "first_seen_at": now, "last_seen_at": now, "updated_at": now, "content_hash": entry.content_hash,
        "seen_at_first_poll": first_poll,
    }


def _item_changes(entry: Entry, now: datetime) -> dict[str, Any]:
    changes: dict[str, Any] = {
        "url": entry.url, "title": entry.title, "text": entry.text, "author": entry.author,
        "categories": json.dumps(list(entry.categories)), "language": entry.language,
        "content_hash": entry.content_hash, "updated_at": now,
    }
    if entry.dated:
        changes.update(published_at=entry.published_at, dated=True,
                       published_offset=offset_minutes(entry.published_at))
    return changes
