"""The one store: every read and write of Newsdesk's data goes through a named method here.

SQLAlchemy Core over an async engine; SQLite (WAL) by default. Rows never leave this module:
callers get frozen values from `models`.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Collection, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import and_, bindparam, event, func, insert, or_, select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from . import migrations
from .errors import StorageError
from .models import Entry, Feed, Item, ParsedFeed, StoreResult
from .rows import chunks, item_from_row, item_query
from .schema import feeds, fetch_errors, follows, items
from .storage_enrichment import EnrichmentQueries
from .storage_guilds import GuildQueries

log = logging.getLogger(__name__)

_LOOKUP_CHUNK = 400
# One expanding parameter for the keys: a list given to `in_()` is checked value by value.
_KNOWN_ENTRIES = (select(items.c.entry_key, items.c.id, items.c.content_hash)
                  .where(items.c.feed_id == bindparam("feed_id"),
                         items.c.entry_key.in_(bindparam("keys", expanding=True))))


PAUSED_BY_SERVER = "server"


@dataclass(frozen=True, slots=True)
class FetchState:
    """What a successful fetch leaves behind for the next conditional request."""

    etag: str | None
    last_modified: str | None
    body_hash: str | None
    status: int


@dataclass(frozen=True, slots=True)
class FeedError:
    at: datetime
    kind: str
    status: int | None
    message: str


@dataclass(frozen=True, slots=True)
class StoreCounts:
    feeds_ok: int
    feeds_failing: int
    feeds_paused: int
    items: int
    last_poll_at: datetime | None


def async_database_url(url: str) -> str:
    """The SQLAlchemy URL with its async driver: sqlite → aiosqlite, postgresql → asyncpg."""
    if url.startswith("sqlite:///"):
        return "sqlite+aiosqlite:///" + url.removeprefix("sqlite:///")
    if url.startswith("postgresql://"):
        return "postgresql+asyncpg://" + url.removeprefix("postgresql://")
    return url


class Store(EnrichmentQueries, GuildQueries):
    """Feeds, follows, items, fetch history and what was read from items, by named methods."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._write_lock = asyncio.Lock()

    @asynccontextmanager
    async def _begin(self) -> AsyncIterator[AsyncConnection]:
        """A write transaction. Writes take turns: SQLite has one writer, and a transaction
        that reads and then writes would otherwise fail with "database is locked"."""
        async with self._write_lock, self._engine.begin() as conn:
            yield conn

    @classmethod
    async def open(cls, url: str) -> Store:
        """Connect and upgrade the schema to the latest version."""
        try:
            engine = create_async_engine(async_database_url(url))
        except ModuleNotFoundError as exc:
            raise StorageError(f"the database driver for {url.split(':', 1)[0]} is not installed "
                               f"({exc.name}); PostgreSQL support is not available yet") from exc
        if engine.dialect.name == "sqlite":
            _prepare_sqlite(engine, url)
        try:
            await migrations.upgrade(engine)
        except BaseException:
            await engine.dispose()
            raise
        return cls(engine)

    async def close(self) -> None:
        await self._engine.dispose()

    # Feeds ---------------------------------------------------------------------------------

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
            row = (await conn.execute(_feed_query().where(feeds.c.id == feed_id))).one()
        return _feed(row)

    async def all_feeds(self) -> list[Feed]:
        async with self._engine.connect() as conn:
            rows = (await conn.execute(_feed_query().order_by(feeds.c.id))).all()
        return [_feed(r) for r in rows]

    async def feeds_paused_by(self, by: str) -> list[Feed]:
        """Feeds paused for everyone by `by` (the bot, say): usually none."""
        query = select(feeds).where(feeds.c.paused.is_(True), feeds.c.paused_by == by)
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query.order_by(feeds.c.id))).all()
        return [_feed(r) for r in rows]

    async def due_feeds(self, now: datetime, limit: int) -> list[Feed]:
        """Feeds whose next check has come, the most overdue first; paused feeds never."""
        query = (select(feeds).where(feeds.c.paused.is_(False), feeds.c.next_check_at <= now)
                 .order_by(feeds.c.next_check_at).limit(limit))
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [_feed(r) for r in rows]

    async def record_not_modified(self, feed_id: int, *, now: datetime, next_check_at: datetime,
                                  etag: str | None, last_modified: str | None) -> None:
        """A 304 or an identical body: the feed is healthy and nothing needs parsing."""
        values: dict[str, Any] = {
            "failing_since": None, "failure_count": 0, "last_error": None, "last_status": 304,
            "last_success_at": now, "last_polled_at": now, "next_check_at": next_check_at,
        }
        if etag:
            values["etag"] = etag
        if last_modified:
            values["last_modified"] = last_modified
        await self._update_feed(feed_id, values)

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

    # Follows -------------------------------------------------------------------------------

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
        base: Any = _feed_query() if counts else select(feeds)
        query = (base.add_columns(follows.c.paused.label("follow_paused"),
                                           follows.c.name.label("follow_name"))
                 .outerjoin(follows, and_(follows.c.feed_id == feeds.c.id, mine))
                 .where(or_(follows.c.removed.is_(False),
                            and_(feeds.c.operator.is_(True), follows.c.guild_id.is_(None))))
                 .order_by(feeds.c.id))
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [_guild_feed(r) for r in rows]

    async def guild_feed_ids(self, guild_ids: Collection[int], *,
                             live_only: bool = False) -> dict[int, frozenset[int]]:
        """For each server, the ids of the feeds `guild_feeds` lists, in two queries however
        many servers: what scoping queries and matching alerts need. `live_only` leaves out
        the feeds paused by a server (`paused_by` PAUSED_BY_SERVER there)."""
        wanted = list(guild_ids)
        follow_rows = (select(follows.c.guild_id, follows.c.feed_id, follows.c.removed,
                              follows.c.paused, feeds.c.paused.label("feed_paused"),
                              feeds.c.paused_by)
                       .join(feeds, feeds.c.id == follows.c.feed_id)
                       .where(follows.c.guild_id.in_(bindparam("guilds", expanding=True))))
        operator_rows = select(feeds.c.id, feeds.c.paused_by).where(feeds.c.operator.is_(True))
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

    # Items ---------------------------------------------------------------------------------

    async def save_entries(self, feed_id: int, entries: Sequence[Entry], *, now: datetime,
                           first_poll: bool) -> StoreResult:
        """Insert new entries and update changed ones; dedup by the feed's entry identities."""
        async with self._begin() as conn:
            return await _save_entries(conn, feed_id, entries, now, first_poll)

    async def save_poll(self, feed_id: int, parsed: ParsedFeed, *, now: datetime,
                        first_poll: bool, next_check_at: datetime,
                        state: FetchState) -> StoreResult:
        """A successful poll: its new and changed entries (as `save_entries`) and the feed's
        state (ETag, body hash, next check) in one transaction, stored together or not at all."""
        async with self._begin() as conn:
            saved = await _save_entries(conn, feed_id, parsed.entries, now, first_poll)
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
            items=int(item_total or 0), last_poll_at=_aware(last_poll))


def _prepare_sqlite(engine: AsyncEngine, url: str) -> None:
    path = url.split("///", 1)[-1]
    if path and path != ":memory:":
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(f"the folder of the database {path} cannot be created: "
                               f"{exc.strerror or exc}") from exc

    @event.listens_for(engine.sync_engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    name = Path(path).name or path

    @event.listens_for(engine.sync_engine, "handle_error")
    def _plain(context: Any) -> None:
        """SQLite's failures an operator can act on, as a StorageError that says what to do."""
        found = str(context.original_exception).lower()
        for needle, meaning in _SQLITE_FAILURES:
            if needle in found:
                raise StorageError(f"the database {name} {meaning} "
                                   f"(SQLite: {context.original_exception})") from context.original_exception


_SQLITE_FAILURES = (
    ("database is locked", "is locked by another program: stop the program that holds it "
                           "(another Newsdesk, a backup, a SQLite shell), then try again"),
    ("database table is locked", "is locked by another program: stop the program that holds it, "
                                 "then try again"),
    ("database or disk is full", "cannot grow: the disk is full; free some space, then try again "
                                 "(the change that failed was rolled back, nothing stored before is lost)"),
    ("disk i/o error", "could not be read or written (the disk may be full or failing); "
                       "free some space or check the disk, then try again"),
    ("readonly database", "is read-only: let Newsdesk write to the file and its folder"),
    ("unable to open database file", "cannot be opened: check that its folder exists and is writable"),
    ("file is not a database", "is not a SQLite database, or is damaged: restore it from a backup "
                               "or point [storage] url at another file"),
    ("database disk image is malformed", "is damaged: restore it from a backup"),
)


async def _save_entries(conn: AsyncConnection, feed_id: int, entries: Sequence[Entry],
                        now: datetime, first_poll: bool) -> StoreResult:
    known = await _known_entries(conn, feed_id, [e.key for e in entries])
    new_rows = [_item_row(feed_id, e, now, first_poll) for e in entries if e.key not in known]
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


async def _known_entries(conn: Any, feed_id: int, keys: list[str]) -> dict[str, tuple[int, str]]:
    known: dict[str, tuple[int, str]] = {}
    for chunk in chunks(keys, _LOOKUP_CHUNK):
        rows = await conn.execute(_KNOWN_ENTRIES, {"feed_id": feed_id, "keys": chunk})
        known.update({r.entry_key: (r.id, r.content_hash) for r in rows})
    return known


def _item_row(feed_id: int, entry: Entry, now: datetime, first_poll: bool) -> dict[str, Any]:
    return {
        "feed_id": feed_id, "entry_key": entry.key, "guid": entry.guid, "url": entry.url,
        "title": entry.title, "text": entry.text, "author": entry.author,
        "categories": json.dumps(list(entry.categories)), "language": entry.language,
        "published_at": entry.published_at if entry.dated else now, "dated": entry.dated,
        "first_seen_at": now, "updated_at": now, "content_hash": entry.content_hash,
        "seen_at_first_poll": first_poll,
    }


def _item_changes(entry: Entry, now: datetime) -> dict[str, Any]:
    changes: dict[str, Any] = {
        "url": entry.url, "title": entry.title, "text": entry.text, "author": entry.author,
        "categories": json.dumps(list(entry.categories)), "language": entry.language,
        "content_hash": entry.content_hash, "updated_at": now,
    }
    if entry.dated:
        changes.update(published_at=entry.published_at, dated=True)
    return changes


def _feed_query() -> Any:
    count = (select(func.count()).where(items.c.feed_id == feeds.c.id)
             .correlate(feeds).scalar_subquery().label("item_count"))
    return select(feeds, count)


def _feed(row: Row[Any]) -> Feed:
    return Feed(
        id=row.id, url=row.url, title=row.title, name=row.name, site_url=row.site_url,
        full_text=bool(row.full_text), etag=row.etag, last_modified=row.last_modified,
        body_hash=row.body_hash, paused=bool(row.paused), paused_reason=row.paused_reason,
        failing_since=row.failing_since, failure_count=row.failure_count,
        last_error=row.last_error, last_success_at=row.last_success_at,
        last_polled_at=row.last_polled_at, next_check_at=row.next_check_at,
        first_polled=bool(row.first_polled), item_count=getattr(row, "item_count", 0) or 0,
        paused_by=row.paused_by, paused_at=row.paused_at)


def _guild_feed(row: Row[Any]) -> Feed:
    """The feed as one server sees it: the name it gave, and paused if it paused it."""
    feed = _feed(row)
    if row.follow_name:
        feed = replace(feed, name=row.follow_name)
    if row.follow_paused and not feed.paused:
        return replace(feed, paused=True, paused_reason="paused by this server",
                       paused_by=PAUSED_BY_SERVER)
    return feed


def _aware(value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)  # type: ignore[no-any-return]
