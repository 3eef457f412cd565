"""The store's queries for what the understanding engine derives: stories, sentences, figures
and people. Mixed into `Store`; rows never leave this module either."""

from __future__ import annotations

import asyncio
import math
from collections.abc import AsyncIterator, Callable, Collection, Iterable, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, case, func, insert, literal, or_, select, text, tuple_, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from digests.models import Item, SentenceHit, Source, StoryRecord
from digests.readings import CitedFigure, CitedMention, Figure, ItemAnalysis, Mention
from digests.store.connection import Queries
from digests.store.rows import aware, chunks, item_from_row, item_query, on_clock, read_all
from digests.store.schema import (
    UTCDateTime,
    feeds,
    figures,
    items,
    mentions,
    sentences,
    stories,
    story_items,
)
from digests.store.textsearch import (
    POSTGRESQL_SEARCH,
    SQLITE_DISTINCT_SEARCH,
    SQLITE_SCOPE_JOIN,
    SQLITE_SEARCH,
    SQLITE_SEARCH_THEN_SCOPE,
    Frequencies,
    fts_query,
    idf,
    terms_of,
)

STORY_LOCK = 0x53746F72  # PostgreSQL advisory lock key: "Stor"


@dataclass(frozen=True)
class StoryTurn:
    """One process's turn at placing items in stories (see `NewsQueries.story_turn`)."""

    number: int
    placed_by_others: list[tuple[Item, int]]
    _conn: AsyncConnection

    async def save(self, analyses: Sequence[ItemAnalysis], story_of: Mapping[int, int],
                   items_by_id: Mapping[int, Item]) -> None:
        """`save_enrichment`, inside the turn's transaction, its story links marked with it."""
        rows = await asyncio.to_thread(_analysis_rows, analyses)
        await _write_enrichment(self._conn, rows, analyses, story_of, items_by_id,
                                turn=self.number)


class NewsQueries(Queries):
    """Stories, sentences, figures and mentions."""

    async def pending_items(self, limit: int, *, before: Item | None = None,
                            now: datetime | None = None) -> list[Item]:
        """Items not yet analysed, newest first (what members ask about comes first when much
        is waiting), after `before` in that order; with `now`, only those whose retry (after a
        failure) is due."""
        query = item_query().where(items.c.enriched.is_(False))
        if before is not None:
            query = query.where(tuple_(items.c.published_at, items.c.id)
                                < tuple_(literal(before.published_at, UTCDateTime), before.id))
        if now is not None:
            query = query.where(or_(items.c.enrich_after.is_(None), items.c.enrich_after <= now))
        query = query.order_by(items.c.published_at.desc(), items.c.id.desc()).limit(limit)
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [item_from_row(r) for r in rows]

    async def save_enrichment(self, analyses: Sequence[ItemAnalysis], story_of: Mapping[int, int],
                              items_by_id: Mapping[int, Item]) -> None:
        """Store what was read from the items and which story each joined, in one transaction."""
        rows = await asyncio.to_thread(_analysis_rows, analyses)
        async with self._begin() as conn:
            await _write_enrichment(conn, rows, analyses, story_of, items_by_id, turn=None)

    @asynccontextmanager
    async def story_turn(self, after: int) -> AsyncIterator[StoryTurn]:
        """A turn at placing items in stories, for one process at a time on a shared database
        (an advisory lock, released by the transaction's end or the death of its process).
        It brings what other processes placed in turns after `after`, so that this one places
        its items knowing them; what it saves commits when the block ends, as turn `number`."""
        async with self._begin() as conn:
            if conn.dialect.name == "postgresql":
                await conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": STORY_LOCK})
            latest = int(await conn.scalar(select(func.coalesce(func.max(story_items.c.turn), 0))) or 0)
            query = (item_query().add_columns(story_items.c.story_id)
                     .join(story_items, story_items.c.item_id == items.c.id)
                     .where(story_items.c.turn > after)
                     .order_by(items.c.published_at, items.c.id))
            placed = [(item_from_row(r), r.story_id) for r in (await conn.execute(query)).all()]
            yield StoryTurn(latest + 1, placed, conn)

    async def latest_story_turn(self) -> int:
        """The number of the last turn saved (0 before any): where a new process starts."""
        async with self._engine.connect() as conn:
            return int(await conn.scalar(select(func.coalesce(func.max(story_items.c.turn), 0))) or 0)

    async def mark_enriched(self, item_ids: Sequence[int]) -> None:
        """Mark items done without storing anything read from them (an item that cannot be read)."""
        async with self._begin() as conn:
            await conn.execute(update(items).where(items.c.id.in_(list(item_ids))).values(enriched=True))

    async def record_enrichment_failure(self, item: Item, reason: str, *, story_id: int,
                                        retry_at: Callable[[int], datetime | None]) -> int:
        """Count one more failed attempt to read the item, keep the reason, and set its next
        try at `retry_at(attempts)`; None gives the item up (marked done, the reason kept).
        An item in no story yet is put in a story of its own, `story_id`, so that digests and
        alerts show it plainly meanwhile. Returns the attempts made so far."""
        async with self._begin() as conn:
            attempts = 1 + int(await conn.scalar(
                select(items.c.enrich_attempts).where(items.c.id == item.id)) or 0)
            when = retry_at(attempts)
            await conn.execute(update(items).where(items.c.id == item.id).values(
                enrich_attempts=attempts, enrich_error=reason[:500], enrich_after=when,
                enriched=when is None))
            placed = await conn.scalar(select(story_items.c.story_id).where(
                story_items.c.item_id == item.id))
            if placed is None:
                await _assign_stories(conn, {item.id: story_id}, {item.id: item})
        return attempts

    async def pending_items_among(self, item_ids: Collection[int]) -> list[Item]:
        """Those of `item_ids` not read yet, newest first."""
        query = (item_query().where(items.c.enriched.is_(False),
                                    items.c.id.in_(bindparam("ids", expanding=True)))
                 .order_by(items.c.published_at.desc(), items.c.id.desc()))
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query, {"ids": list(item_ids)})).all()
        return [item_from_row(r) for r in rows]

    async def enrichment_backlog(self) -> tuple[int, datetime | None]:
        """Items waiting to be read: how many, and when the longest-waiting one arrived."""
        query = (select(func.count(), func.min(items.c.first_seen_at))
                 .where(items.c.enriched.is_(False)))
        async with self._engine.connect() as conn:
            count, oldest = (await conn.execute(query)).one()
        return int(count or 0), aware(oldest)

    async def unread_items_between(self, start: datetime, end: datetime,
                                   feed_ids: Collection[int] | None = None) -> list[Item]:
        """Items published in the window that are in no story yet (not read so far), of every
        feed or of `feed_ids`: a digest shows them plainly until they are."""
        placed = select(story_items.c.item_id)
        query = _in_feeds(item_query().where(
            items.c.published_at >= start, items.c.published_at <= end,
            items.c.id.not_in(placed)), feed_ids).order_by(items.c.published_at, items.c.id)
        return await read_all(self._engine, query, item_from_row)

    async def headlines_between(self, start: datetime, end: datetime,
                                feed_ids: Collection[int] | None = None) -> list[Item]:
        """Items published in the window without their text (an empty one): what a digest
        reads of the window before its own, to judge what is usual and who publishes much."""
        query = _in_feeds(item_query(text=False).where(items.c.published_at >= start,
                                                       items.c.published_at <= end), feed_ids)
        return await read_all(self._engine, query.order_by(items.c.published_at, items.c.id), item_from_row)

    async def enrichment_failures(self) -> list[tuple[int, int, str, bool]]:
        """Items that failed to be read: (id, attempts, last reason, given up)."""
        query = (select(items.c.id, items.c.enrich_attempts, items.c.enrich_error, items.c.enriched)
                 .where(items.c.enrich_attempts > 0).order_by(items.c.id))
        return await read_all(self._engine, query, lambda r: (
            r.id, int(r.enrich_attempts), r.enrich_error or "", bool(r.enriched)))

    async def highest_story_id(self) -> int:
        async with self._engine.connect() as conn:
            return int(await conn.scalar(select(func.coalesce(func.max(stories.c.id), 0))) or 0)

    async def story_assignments_since(self, moment: datetime) -> list[tuple[Item, int]]:
        query = (item_query().add_columns(story_items.c.story_id)
                 .join(story_items, story_items.c.item_id == items.c.id)
                 .where(items.c.published_at >= moment).order_by(items.c.published_at, items.c.id))
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [(item_from_row(r), r.story_id) for r in rows]

    async def stories_between(self, start: datetime, end: datetime,
                              feed_ids: Collection[int] | None = None, *,
                              since: datetime | None = None) -> list[StoryRecord]:
        """Stories with at least one item published in the window, each with all its items
        published by `end` (only the items of `feed_ids`, when given; only those published
        from `since`, when given: a story that has run for months need not be read whole)."""
        in_window = _in_feeds(select(story_items.c.story_id).join(items, items.c.id == story_items.c.item_id)
                              .where(items.c.published_at >= start, items.c.published_at <= end), feed_ids)
        condition: Any = story_items.c.story_id.in_(in_window)
        if since is not None:
            condition = condition & (items.c.published_at >= since)
        return await self._stories(condition, feed_ids, until=end)

    async def stories_by_id(self, story_ids: Iterable[int],
                            feed_ids: Collection[int] | None = None) -> list[StoryRecord]:
        return await self._stories(story_items.c.story_id.in_(list(story_ids)), feed_ids)

    async def _stories(self, condition: Any, feed_ids: Collection[int] | None,
                       until: datetime | None = None) -> list[StoryRecord]:
        """The stories, each with its items (of `feed_ids`, published by `until`, when given)."""
        query = _in_feeds(item_query().add_columns(story_items.c.story_id,
                                                   stories.c.title.label("story_title"))
                          .join(story_items, story_items.c.item_id == items.c.id)
                          .join(stories, stories.c.id == story_items.c.story_id)
                          .where(condition)
                          .order_by(items.c.published_at, items.c.id), feed_ids, until)
        rows = await read_all(self._engine, query,
                              lambda r: (r.story_id, r.story_title, item_from_row(r)))
        grouped: dict[int, tuple[str, list[Item]]] = {}
        for story_id, story_title, item in rows:
            grouped.setdefault(story_id, (story_title, []))[1].append(item)
        return [StoryRecord(sid, title, members[0].published_at, members[-1].published_at,
                            tuple(members)) for sid, (title, members) in grouped.items()]

    async def figures_of_items(self, item_ids: Iterable[int]) -> list[CitedFigure]:
        query = _figure_query().where(figures.c.item_id.in_(list(item_ids)))
        return await read_all(self._engine, query, lambda r: CitedFigure(_figure(r), _source(r)))

    async def figures_of_sentences(self, found: Collection[tuple[int, str]]) -> list[CitedFigure]:
        """The figures of these (item, sentence) pairs only: a search's hits, without the other
        figures of their items (a question's 200 hits' items hold three times as many)."""
        if not found:
            return []
        query = _figure_query().where(figures.c.item_id.in_({item for item, _ in found}),
                                      figures.c.sentence.in_({sentence for _, sentence in found}))
        wanted = set(found)
        return [f for f in await read_all(self._engine, query, lambda r: CitedFigure(_figure(r), _source(r)))
                if (f.source.item_id, f.figure.sentence) in wanted]

    async def figures_in_sentences_matching(self, terms: Sequence[str], limit: int = 200,
                                            feed_ids: Collection[int] | None = None,
                                            until: datetime | None = None) -> list[CitedFigure]:
        """Figures whose sentence matches any of the terms, best matches first."""
        hits = await self.search_sentences(terms, limit, feed_ids, until)
        if not hits:
            return []
        return await self.figures_of_sentences({(h.source.item_id, h.text) for h in hits})

    async def word_rarity(self, words: Sequence[str]) -> dict[str, float]:
        """How rare each word is among the stored sentences: log(sentences / (sentences using
        it + 1)), the inverse document frequency answers weigh a question's words by, counted
        with the full-text index (one look-up a word)."""
        total, used = await self._sentences_using(words)
        return {w: math.log((total + 1) / (n + 1)) for w, n in used.items()}

    async def word_uses(self, words: Sequence[str]) -> dict[str, int]:
        """How many stored sentences use each word (counted as `word_rarity` counts them)."""
        _, used = await self._sentences_using(words)
        return used

    async def _sentences_using(self, words: Sequence[str]) -> tuple[int, dict[str, int]]:
        """The stored sentences, and how many use each word the full-text index can look up."""
        wanted = list(dict.fromkeys(w for w in words if fts_query([w])))
        if not wanted:
            return 0, {}
        async with self._engine.connect() as conn:
            total, used = await self._frequencies().counts(conn, wanted)
        return total, {w: used[w] for w in wanted}

    async def search_sentences(self, terms: Sequence[str], limit: int = 20,
                               feed_ids: Collection[int] | None = None,
                               until: datetime | None = None, *,
                               distinct_among: int = 0) -> list[SentenceHit]:
        """Full-text search over the stored sentences, best first (BM25: SQLite's FTS5, or the
        same ranking on PostgreSQL's text search), of every feed or of `feed_ids`, published
        by `until` when given. `distinct_among`: one hit per sentence text among the best that
        many (a wire story's copies are one sentence), `limit` of them."""
        query = fts_query(terms)
        if not query or (feed_ids is not None and not feed_ids):
            return []
        sqlite = self._engine.dialect.name == "sqlite"
        async with self._engine.connect() as conn:
            share = await _share_of_feeds(conn, feed_ids) if feed_ids is not None else 1.0
            if share >= 1.0:
                feed_ids = None  # a server that follows every feed: no filter to pay for
            elif sqlite and share >= MOST_FEEDS:
                found = await _best_then_scoped(conn, query, limit, (feed_ids or (), share), until,
                                                distinct_among)
                if found is not None:
                    sources = await _sources(conn, {r.item_id for r in found})
                    return [SentenceHit(r.text, sources[r.item_id], -float(r.score)) for r in found]
            statement, parameters = _search_statement(sqlite, query, limit, feed_ids, until, distinct_among)
            if not sqlite:
                wanted = terms_of(terms)
                total, used = await self._frequencies().counts(conn, wanted)
                parameters |= {"terms": [f'"{t}"' for t in wanted],
                               "idfs": [idf(total, used[t]) for t in wanted]}
            rows = (await conn.execute(statement, parameters)).all()
            if not sqlite and distinct_among:  # the same choice as SQLite's: the best copy of each
                best = {r.text: r for r in sorted(rows, key=lambda r: (-r.score, -r.item_id))}
                rows = sorted(best.values(), key=lambda r: (r.score, r.item_id))[:limit]
            sources = await _sources(conn, {r.item_id for r in rows})
        return [SentenceHit(r.text, sources[r.item_id], -float(r.score)) for r in rows]

    def _frequencies(self) -> Frequencies:
        if not hasattr(self, "_kept_frequencies"):
            self._kept_frequencies = Frequencies()
        return self._kept_frequencies

    async def mentions_of(self, keys: Iterable[str], feed_ids: Collection[int] | None = None,
                          until: datetime | None = None) -> list[CitedMention]:
        query = _in_feeds(select(mentions, *_source_columns())
                          .join(items, items.c.id == mentions.c.item_id)
                          .join(feeds, feeds.c.id == items.c.feed_id)
                          .where(mentions.c.person_key.in_(list(keys)))
                          .order_by(items.c.published_at.desc(), mentions.c.id), feed_ids, until)
        return await read_all(self._engine, query, lambda r: CitedMention(_mention(r), _source(r)))

    async def item_texts(self, item_ids: Iterable[int]) -> dict[int, str]:
        """Each item's stored sentences in order (its title first), as one text, a blank line
        between sentences (a title has no full stop to end it): what an answer reads a
        sentence's "the country" or "he" against."""
        query = (select(sentences.c.item_id, sentences.c.text).where(sentences.c.item_id.in_(list(item_ids)))
                 .order_by(sentences.c.item_id, sentences.c.position))
        found: dict[int, list[str]] = {}
        async with self._engine.connect() as conn:
            for row in await conn.execute(query):
                found.setdefault(row.item_id, []).append(row.text)
        return {item: "\n\n".join(texts) for item, texts in found.items()}

    async def mentions_of_items(self, item_ids: Iterable[int]) -> list[CitedMention]:
        query = (select(mentions, *_source_columns()).join(items, items.c.id == mentions.c.item_id)
                 .join(feeds, feeds.c.id == items.c.feed_id)
                 .where(mentions.c.item_id.in_(list(item_ids))).order_by(mentions.c.id))
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [CitedMention(_mention(r), _source(r)) for r in rows]

    async def person_keys(self, feed_ids: Collection[int] | None = None,
                          until: datetime | None = None) -> list[tuple[str, str, int]]:
        """Every person seen: (key, a name as written, number of mentions), most mentioned first."""
        query = select(mentions.c.person_key, func.max(mentions.c.name).label("name"),
                       func.count().label("mentioned"))
        if feed_ids is not None or until is not None:
            query = _in_feeds(query.join(items, items.c.id == mentions.c.item_id), feed_ids, until)
        query = query.group_by(mentions.c.person_key).order_by(func.count().desc())
        return await read_all(self._engine, query, _person_row)

    async def figure_labels(self, feed_ids: Collection[int] | None = None, limit: int = 500) -> list[str]:
        """What the stored figures count ("people have fled Ukraine"), most frequent first."""
        query = select(figures.c.counted).where(figures.c.counted.is_not(None))
        if feed_ids is not None:
            query = _in_feeds(query.join(items, items.c.id == figures.c.item_id), feed_ids)
        query = query.group_by(figures.c.counted).order_by(func.count().desc()).limit(limit)
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [r[0] for r in rows]


def _in_feeds(query: Any, feed_ids: Collection[int] | None, until: datetime | None = None) -> Any:
    """The query limited to items of `feed_ids` (a server's feeds) and published by `until`;
    unchanged for None."""
    if feed_ids is not None:
        query = query.where(items.c.feed_id.in_(list(feed_ids)))
    return query if until is None else query.where(items.c.published_at <= until)


def _person_row(row: Row[Any]) -> tuple[str, str, int]:
    return row.person_key, row.name, int(row.mentioned)


@dataclass(frozen=True, slots=True)
class _AnalysisRows:
    sentences: list[dict[str, Any]]
    figures: list[dict[str, Any]]
    mentions: list[dict[str, Any]]


def _analysis_rows(analyses: Sequence[ItemAnalysis]) -> _AnalysisRows:
    """The rows a batch's analyses become: CPU work for a big batch, done in a thread before
    the transaction."""
    return _AnalysisRows(
        [{"item_id": a.item_id, "position": s.index, "text": s.text, "start_offset": s.start,
          "end_offset": s.end} for a in analyses for s in a.sentences],
        [_figure_row(a.item_id, f, k) for a in analyses
         for f, k in zip(a.figures, a.measure_keys, strict=True)],
        [_mention_row(a.item_id, m, k) for a in analyses
         for m, k in zip(a.mentions, a.person_keys, strict=True)])


async def _insert_analyses(conn: AsyncConnection, rows: _AnalysisRows) -> None:
    """A batch's sentences, figures and mentions, in statements of at most `INSERT_CHUNK`
    rows: SQLAlchemy prepares a statement's rows in one go on the event loop, so one long
    article's thousand sentences in one statement would hold it."""
    for chunk in chunks(rows.sentences):
        # Any order will do (each id comes with its text), and asking for the parameters'
        # order would make SQLAlchemy send SQLite one statement per sentence.
        result = await conn.execute(insert(sentences).returning(sentences.c.id, sentences.c.text),
                                    chunk)
        if conn.dialect.name == "sqlite":
            fts_rows = [{"rowid": r.id, "text": r.text} for r in result]
            await conn.execute(text("INSERT INTO sentences_fts (rowid, text) VALUES (:rowid, :text)"),
                               fts_rows)
    for chunk in chunks(rows.figures):
        await conn.execute(insert(figures), chunk)
    for chunk in chunks(rows.mentions):
        await conn.execute(insert(mentions), chunk)


async def delete_search_rows(conn: AsyncConnection, item_ids: list[int]) -> None:
    """The full-text rows of the items' sentences (SQLite's FTS5 table is kept by hand)."""
    if conn.dialect.name != "sqlite" or not item_ids:
        return
    old = select(sentences.c.id).where(sentences.c.item_id.in_(item_ids))
    old_ids = [r[0] for r in await conn.execute(old)]
    for start in range(0, len(old_ids), 500):
        chunk = old_ids[start:start + 500]
        marks = ",".join(str(int(i)) for i in chunk)
        await conn.execute(text(f"DELETE FROM sentences_fts WHERE rowid IN ({marks})"))


async def _write_enrichment(conn: AsyncConnection, rows: _AnalysisRows, analyses: Sequence[ItemAnalysis],
                            story_of: Mapping[int, int], items_by_id: Mapping[int, Item], *,
                            turn: int | None) -> None:
    ids = [a.item_id for a in analyses]
    for table in (sentences, figures, mentions):
        await conn.execute(table.delete().where(table.c.item_id.in_(ids)))
    await delete_search_rows(conn, ids)
    await _insert_analyses(conn, rows)
    await _assign_stories(conn, story_of, items_by_id, turn=turn)
    await conn.execute(update(items).where(items.c.id.in_(ids)).values(
        enriched=True, enrich_after=None))


async def _assign_stories(conn: AsyncConnection, story_of: Mapping[int, int],
                          items_by_id: Mapping[int, Item], *, turn: int | None = None) -> None:
    """Create or widen each story touched, then (re)link its items: a few statements a batch."""
    members: dict[int, list[datetime]] = {}
    for item_id, story_id in story_of.items():
        members.setdefault(story_id, []).append(items_by_id[item_id].published_at)
    known = {r.id: r for r in await conn.execute(
        select(stories).where(stories.c.id.in_(list(members))))}
    new_rows = []
    for story_id, times in members.items():
        existing = known.get(story_id)
        if existing is None:
            title = next(items_by_id[i].title for i, s in story_of.items() if s == story_id)
            new_rows.append({"id": story_id, "title": title, "first_seen_at": min(times),
                             "last_seen_at": max(times)})
        else:
            await conn.execute(update(stories).where(stories.c.id == story_id).values(
                first_seen_at=min(existing.first_seen_at, *times),
                last_seen_at=max(existing.last_seen_at, *times)))
    if new_rows:
        await conn.execute(insert(stories), new_rows)
    await conn.execute(story_items.delete().where(story_items.c.item_id.in_(list(story_of))))
    await conn.execute(insert(story_items), [{"item_id": i, "story_id": s, "turn": turn}
                                             for i, s in story_of.items()])


def _figure_row(item_id: int, figure: Figure, key: str) -> dict[str, Any]:
    return {
        "item_id": item_id, "value": figure.value, "unit": figure.unit,
        "qualifier": figure.qualifier, "qualifier_text": figure.qualifier_text,
        "counted": figure.counted, "measure_key": key, "source": figure.source,
        "as_of": figure.as_of.isoformat() if figure.as_of else None, "surface": figure.surface,
        "sentence": figure.sentence, "start_offset": figure.start, "end_offset": figure.end,
    }


def _mention_row(item_id: int, mention: Mention, key: str) -> dict[str, Any]:
    return {
        "item_id": item_id, "person_key": key, "name": mention.name,
        "role": mention.role, "affiliation": mention.affiliation, "statement": mention.statement,
        "verb": mention.verb, "sentence": mention.sentence, "start_offset": mention.start,
        "end_offset": mention.end,
    }


def _source_columns() -> list[Any]:
    return [items.c.feed_id, items.c.url.label("item_url"),
            items.c.published_at.label("item_published_at"),
            items.c.published_offset.label("item_published_offset"),
            func.coalesce(feeds.c.name, feeds.c.title, feeds.c.url).label("feed_name")]


def _figure_query() -> Any:
    return (select(figures, *_source_columns()).join(items, items.c.id == figures.c.item_id)
            .join(feeds, feeds.c.id == items.c.feed_id)
            .order_by(items.c.published_at.desc(), figures.c.id))


def _search_statement(sqlite: bool, query: str, limit: int, feed_ids: Collection[int] | None,
                      until: datetime | None, distinct_among: int) -> tuple[Any, dict[str, Any]]:
    """The full-text search's statement and parameters on this database."""
    feeds = ",".join(str(int(f)) for f in feed_ids) if feed_ids is not None else None
    wide = max(distinct_among, limit)
    if sqlite:
        scope = (f" AND i.feed_id IN ({feeds})" if feeds is not None else "") + (
            " AND i.published_at <= :until" if until is not None else "")
        template = SQLITE_DISTINCT_SEARCH if distinct_among else SQLITE_SEARCH
        statement = text(template.format(scope=scope, join=SQLITE_SCOPE_JOIN if scope else ""))
    else:
        scope = (f" AND s.item_id IN (SELECT id FROM items WHERE feed_id IN ({feeds}))"
                 if feeds is not None else "")
        if until is not None:
            scope += " AND s.item_id IN (SELECT id FROM items WHERE published_at <= :until)"
        statement = text(POSTGRESQL_SEARCH.format(scope=scope))
    parameters: dict[str, Any] = {"query": query, "limit": wide if not sqlite else limit}
    if sqlite and distinct_among:
        parameters["wide"] = wide
    if until is not None:
        statement = statement.bindparams(bindparam("until", type_=UTCDateTime))
        parameters["until"] = until
    return statement, parameters


MOST_FEEDS = 0.5  # a server following at least this share of the feeds: best first, then filtered


async def _share_of_feeds(conn: AsyncConnection, feed_ids: Collection[int]) -> float:
    """The share of the stored feeds that `feed_ids` holds (1.0: every one, as a bot on one
    server follows them all)."""
    missing = case((feeds.c.id.not_in(list(feed_ids)), 1), else_=0)
    stored, unfollowed = (await conn.execute(select(func.count(), func.sum(missing)))).one()
    return 1.0 - (unfollowed or 0) / stored if stored else 1.0


async def _best_then_scoped(conn: AsyncConnection, query: str, limit: int,
                            followed: tuple[Collection[int], float], until: datetime | None,
                            distinct_among: int) -> list[Row[Any]] | None:
    """The best matches of every feed, then those of the feeds `followed` (the ids, and their
    share of the stored feeds) and `until`: None when fewer of the best than the search reads
    are theirs (the filtered search must run)."""
    feed_ids, share = followed
    scope = f" AND i.feed_id IN ({','.join(str(int(f)) for f in feed_ids)})" + (
        " AND i.published_at <= :until" if until is not None else "")
    copies = "s.text" if distinct_among else "s.id"  # one row per text, or every row
    statement = text(SQLITE_SEARCH_THEN_SCOPE.format(scope=scope, copies=copies))
    parameters: dict[str, Any] = {"query": query, "limit": limit,
                                  "first": round(max(distinct_among, limit) / share) + limit}
    if until is not None:
        statement = statement.bindparams(bindparam("until", type_=UTCDateTime))
        parameters["until"] = until
    rows = list((await conn.execute(statement, parameters)).all())
    # Exact when the server's feeds held as many of the best matches as the search reads.
    return rows if rows and rows[0].seen >= max(distinct_among, limit) else None


def _source(row: Row[Any]) -> Source:
    return Source(row.item_id, row.feed_name, row.item_url,
                  on_clock(row.item_published_at, row.item_published_offset))


async def _sources(conn: AsyncConnection, item_ids: set[int]) -> dict[int, Source]:
    query = (select(items.c.id.label("item_id"), *_source_columns())
             .join(feeds, feeds.c.id == items.c.feed_id).where(items.c.id.in_(list(item_ids))))
    return {r.item_id: _source(r) for r in await conn.execute(query)}


def _figure(row: Row[Any]) -> Figure:
    return Figure(
        value=row.value, unit=row.unit, qualifier=row.qualifier, qualifier_text=row.qualifier_text,
        counted=row.counted, source=row.source,
        as_of=date.fromisoformat(row.as_of) if row.as_of else None, surface=row.surface,
        sentence=row.sentence, start=row.start_offset, end=row.end_offset)


def _mention(row: Row[Any]) -> Mention:
    return Mention(
        name=row.name, role=row.role, affiliation=row.affiliation, statement=row.statement,
        verb=row.verb, sentence=row.sentence, start=row.start_offset, end=row.end_offset)
