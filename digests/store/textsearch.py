"""Full-text search on both backends from one query text (`fts_query`), ranked alike.

SQLite: FTS5 with the porter tokenizer, ranked by its bm25. PostgreSQL: `to_tsvector('english',
text)`, kept in a generated column under a GIN index, matched by `websearch_to_tsquery` (each
quoted term a phrase, OR between them), ranked by the same BM25 as FTS5's: a term weighs its
inverse document frequency (how few sentences have it), and a short sentence beats a long one.
PostgreSQL keeps no such frequencies, so they are counted with the index and kept for a minute
(`Frequencies`): answers ask about the same words again and again, and a rarity a minute old
ranks as well. SQLite's are kept too, until a sentence is added: counted one statement a
question, they still cost an answer a tenth of its time at 100,000 items.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

SEARCH_CONFIG = "english"
"""PostgreSQL's text search configuration: Snowball's English stemmer, as FTS5's porter
tokenizer stems (the stored vectors are made with it too)."""
SENTENCE_VECTOR = "s.search_vector"
"""The stored `to_tsvector('english', text)` of each sentence (a generated column, revision 0003)."""
K1, B = 1.2, 0.75  # FTS5's bm25 constants
KEPT_SECONDS = 60.0


def terms_of(terms: Sequence[str]) -> list[str]:
    """The distinct terms, without quotes (user text carries no operators)."""
    cleaned = dict.fromkeys(t.replace('"', "").strip() for t in terms)
    return [t for t in cleaned if t]


def fts_query(terms: Sequence[str]) -> str:
    """A safe full-text query: each term quoted, joined by OR. The same text is an FTS5 query
    and a `websearch_to_tsquery` one."""
    return " OR ".join(f'"{t}"' for t in terms_of(terms))


def idf(total: int, used: int) -> float:
    """FTS5's inverse document frequency, never below its floor."""
    return max(1e-6, math.log((total - used + 0.5) / (used + 0.5)))


# The best `limit` matches are picked first, by rowid and score alone, and only they are joined
# to their sentences' text: sorting every match with its text took a third longer. A search
# limited to some feeds or to a date joins each match to its item ({join}, {scope} on `i`):
# probing an item by its key is twice as fast as building the set of the feeds' items.
SQLITE_SEARCH = (
    "SELECT s.text AS text, f.score AS score, s.item_id AS item_id FROM ("
    "SELECT sentences_fts.rowid AS id, bm25(sentences_fts) AS score FROM sentences_fts{join} "
    "WHERE sentences_fts MATCH :query{scope} ORDER BY score LIMIT :limit) f "
    "JOIN sentences s ON s.id = f.id ORDER BY f.score")
# The same, one row per distinct sentence text among the best `wide` matches (a wire story
# carried by many outlets is one sentence many times): its best-scored copy, the earliest item first.
SQLITE_DISTINCT_SEARCH = (
    "SELECT text, score, item_id FROM (SELECT s.text AS text, f.score AS score, s.item_id AS item_id, "
    "row_number() OVER (PARTITION BY s.text ORDER BY f.score, s.item_id) AS copy FROM ("
    "SELECT sentences_fts.rowid AS id, bm25(sentences_fts) AS score FROM sentences_fts{join} "
    "WHERE sentences_fts MATCH :query{scope} ORDER BY score LIMIT :wide) f "
    "JOIN sentences s ON s.id = f.id) WHERE copy = 1 ORDER BY score, item_id LIMIT :limit")
# For a server that follows most feeds: the best matches of every feed first (no item probed
# per match), then only those of its feeds; when fewer than wanted remain, the search is run
# again with the filter. {copies}: s.text keeps one row per sentence text, s.id every row.
SQLITE_SEARCH_THEN_SCOPE = (
    "SELECT text, score, item_id, seen FROM (SELECT s.text AS text, f.score AS score, s.item_id AS item_id, "
    "row_number() OVER (PARTITION BY {copies} ORDER BY f.score, s.item_id) AS copy, "
    "count(*) OVER () AS seen FROM ("
    "SELECT sentences_fts.rowid AS id, bm25(sentences_fts) AS score FROM sentences_fts "
    "WHERE sentences_fts MATCH :query ORDER BY score LIMIT :first) f "
    "JOIN sentences s ON s.id = f.id JOIN items i ON i.id = s.item_id WHERE 1 = 1{scope}) "
    "WHERE copy = 1 ORDER BY score, item_id LIMIT :limit")
SQLITE_SCOPE_JOIN = (" JOIN sentences s0 ON s0.id = sentences_fts.rowid"
                     " JOIN items i ON i.id = s0.item_id")
SQLITE_COUNT = "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH :query"

# Scores are negated, lowest best, as bm25's are; a term's frequency in a sentence is taken
# as 1 (sentences are short), and length is in lexemes against the matched sentences' mean.
POSTGRESQL_SEARCH = (
    "WITH weights AS MATERIALIZED (SELECT websearch_to_tsquery('" + SEARCH_CONFIG + "', w.term) AS q, w.idf "
    "FROM unnest(CAST(:terms AS text[]), CAST(:idfs AS float8[])) AS w(term, idf)), "
    "hits AS (SELECT s.id, s.text, s.item_id, " + SENTENCE_VECTOR + " AS v FROM sentences s "
    "WHERE " + SENTENCE_VECTOR + " @@ websearch_to_tsquery('" + SEARCH_CONFIG + "', :query)"
    "{scope}) "
    "SELECT text, item_id, -(SELECT coalesce(sum(idf), 0) FROM weights WHERE v @@ q) "
    f"* {K1 + 1} / (1 + {K1} * ({1 - B} + {B} * length(v) / "
    "greatest(avg(length(v)) OVER (), 1))) AS score "
    "FROM hits ORDER BY score, id LIMIT :limit")
# A stop word ("the") makes an empty query, which matches nothing: NULL says so, and the word
# counts as used everywhere, as FTS5 (which keeps stop words) would find it.
POSTGRESQL_COUNT = (
    "SELECT CASE WHEN numnode(q) = 0 THEN NULL ELSE (SELECT count(*) FROM sentences s WHERE "
    + SENTENCE_VECTOR + " @@ q) END FROM websearch_to_tsquery('" + SEARCH_CONFIG + "', :query) AS q")


# The lexemes PostgreSQL's statistics (ANALYZE, run by autovacuum) found most common among
# the stored vectors, with the share of sentences that have each; and an estimate of how many
# sentences there are.
POSTGRESQL_COMMON = (
    "SELECT most_common_elems::text::text[] AS lexemes, most_common_elem_freqs AS shares, "
    "(SELECT reltuples FROM pg_class WHERE oid = 'sentences'::regclass) AS total "
    "FROM pg_stats WHERE tablename = 'sentences' AND attname = 'search_vector' "
    "AND schemaname = current_schema()")
POSTGRESQL_LEXEMES = (
    "SELECT w.term, ARRAY(SELECT lexeme FROM unnest(to_tsvector('" + SEARCH_CONFIG + "', w.term))) "
    "FROM unnest(CAST(:terms AS text[])) AS w(term)")


@dataclass
class Frequencies:
    """How many sentences there are, and how many have each term.

    SQLite: counted with FTS5's index, kept while no sentence is added (the highest sentence id
    is unchanged) and at most `KEPT_SECONDS`. PostgreSQL: kept `KEPT_SECONDS`; a word among the
    most common lexemes of the table's statistics takes its share from there (counting a common
    word visits a good part of the table), any other term is counted with the index (a rare
    one: few rows); without statistics yet, every term is counted. The terms not yet counted
    are counted in one statement: one round trip to the database, not one a term."""

    counted_at: float = -math.inf
    total: int = 0
    used: dict[str, int] = field(default_factory=dict)
    common: dict[str, float] = field(default_factory=dict)
    newest_sentence: int | None = None

    async def counts(self, conn: AsyncConnection, terms: Sequence[str]) -> tuple[int, dict[str, int]]:
        """The number of sentences, and of those with each term."""
        sqlite = conn.dialect.name == "sqlite"
        newest = await conn.scalar(text("SELECT max(id) FROM sentences")) if sqlite else None
        if time.monotonic() - self.counted_at > KEPT_SECONDS or newest != self.newest_sentence:
            await self._start_over(conn, sqlite)
            self.newest_sentence = newest
        used = {t: self.used[t] for t in terms if t in self.used}  # another answer may start over
        total, missing = self.total, [t for t in dict.fromkeys(terms) if t not in used]
        if missing and self.common:
            for term, lexemes in (await conn.execute(text(POSTGRESQL_LEXEMES),
                                                     {"terms": missing})).all():
                if len(lexemes) == 1 and lexemes[0] in self.common:
                    used[term] = round(self.common[lexemes[0]] * total)
        missing = [t for t in missing if t not in used]
        if missing:
            counting = SQLITE_COUNT if sqlite else POSTGRESQL_COUNT
            statement = "SELECT " + ", ".join(f"({counting.replace(':query', f':q{i}')})"
                                              for i in range(len(missing)))
            found = (await conn.execute(text(statement),
                                        {f"q{i}": fts_query([t]) for i, t in enumerate(missing)})).one()
            used |= {term: total if n is None else int(n) for term, n in zip(missing, found, strict=True)}
        self.used |= used
        return total, {t: used[t] for t in terms}

    async def _start_over(self, conn: AsyncConnection, sqlite: bool) -> None:
        self.used, self.common, self.counted_at = {}, {}, time.monotonic()
        if not sqlite:
            row = (await conn.execute(text(POSTGRESQL_COMMON))).first()
            if row is not None and row.lexemes and row.total and row.total > 0:
                self.common = dict(zip(row.lexemes, row.shares, strict=False))
                self.total = int(row.total)
                return
        self.total = int(await conn.scalar(text("SELECT count(*) FROM sentences")) or 0)
