"""Full-text search over stored sentences, on both backends (SQLite's FTS5, PostgreSQL's text
search): the same query text finds the same kind of sentences, stemmed, scoped and ranked, and
words weigh by how rare they are."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import event

from digests.models import SentenceHit
from digests.news.enrichment import Enricher
from digests.runtime.workers import WorkerPool
from digests.samples import DEMO_NOW
from digests.store.core import Store

from builders import entry, ingest_samples


@pytest.fixture(scope="module")
def workers() -> Iterator[WorkerPool]:
    pool = WorkerPool(1)
    yield pool
    pool.close()


@pytest.fixture
async def filled(store: Store, workers: WorkerPool) -> Store:
    await ingest_samples(store, workers)
    await Enricher(store, workers).run(DEMO_NOW)
    return store


async def test_words_are_found_in_any_form_best_first(filled: Store) -> None:
    hits = await filled.search_sentences(["refugees"], limit=10)
    assert hits and all("refugee" in h.text.lower() for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    crossing = await filled.search_sentences(["crossed"], limit=10)  # "crossed" ~ "crossing"
    assert any("crossed" in h.text for h in crossing)


async def test_a_term_of_several_words_is_a_phrase(filled: Store) -> None:
    [hit, *_] = await filled.search_sentences(["refugee agency"], limit=5)
    assert "refugee agency" in hit.text.lower()
    assert await filled.search_sentences(["agency refugee"], limit=5) == []


async def test_operators_in_user_text_are_plain_words(filled: Store) -> None:
    for hostile in ['refugees" OR "', "-refugees", "refugees & !", "NEAR(refugees)", "'", ""]:
        hits = await filled.search_sentences([hostile], limit=5)
        assert all("refugee" in h.text.lower() for h in hits)


async def test_search_is_scoped_to_feeds_and_time(filled: Store) -> None:
    border = [f.id for f in await filled.all_feeds() if "border" in f.url]
    others = [f.id for f in await filled.all_feeds() if "border" not in f.url]

    async def feeds_of(hits: list[SentenceHit]) -> set[int]:
        return {i.feed_id for i in await filled.get_items([h.source.item_id for h in hits])}

    everywhere = await filled.search_sentences(["refugees"], limit=50)
    assert set(border) < await feeds_of(everywhere)
    assert await feeds_of(await filled.search_sentences(["refugees"], limit=50,
                                                        feed_ids=border)) == set(border)
    assert set(border).isdisjoint(await feeds_of(await filled.search_sentences(
        ["refugees"], limit=50, feed_ids=others)))
    assert await filled.search_sentences(["refugees"], feed_ids=[]) == []
    assert await filled.search_sentences(["refugees"], until=DEMO_NOW - timedelta(days=365)) == []
    every = [f.id for f in await filled.all_feeds()]  # a server that follows them all
    assert await filled.search_sentences(["refugees"], limit=50, feed_ids=every) == everywhere
    assert await filled.search_sentences(["refugees"], limit=50, feed_ids=[*every, 999]) == everywhere


async def test_one_copy_of_a_sentence_repeated_by_many_items(filled: Store) -> None:
    """`distinct_among`: one hit per sentence text among the best that many."""
    hits = await filled.search_sentences(["refugees"], limit=5, distinct_among=50)
    assert len({h.text for h in hits}) == len(hits) <= 5
    plain = [h.text for h in await filled.search_sentences(["refugees"], limit=50)]
    assert {h.text for h in hits} <= set(plain) and len(hits) == min(5, len(set(plain)))
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)  # best first


async def test_rare_words_weigh_more_than_common_ones(filled: Store) -> None:
    rarity = await filled.word_rarity(["refugees", "said", "the", "zeppelin"])
    assert rarity["zeppelin"] > rarity["refugees"] > rarity["said"] >= rarity["the"] >= 0


async def test_rarity_follows_the_sentences_added(filled: Store, workers: WorkerPool,
                                                  database_url: str) -> None:
    """Rarities are kept between answers, but a word is counted again once sentences are added
    (SQLite at once; PostgreSQL within its minute, so its later counts are not checked here)."""
    words = ["zeppelin", "refugees", "said", "the", "dirigible"]
    counting: list[str] = []  # the statements that count a word (FTS5 MATCH or a tsquery)

    def record(conn: object, cursor: object, statement: str, *args: object) -> None:
        if "count(*)" in statement and ("MATCH" in statement or "tsquery" in statement):
            counting.append(statement)

    event.listen(filled._engine.sync_engine, "before_cursor_execute", record)
    try:
        before = await filled.word_rarity(words)
        assert len(counting) == 1  # every word counted in one statement
        assert await filled.word_rarity(words) == before and len(counting) == 1  # kept: none counted again
    finally:
        event.remove(filled._engine.sync_engine, "before_cursor_execute", record)
    feed = (await filled.all_feeds())[0]
    await filled.save_entries(feed.id, [entry("zep", "A zeppelin flew over the harbour.",
                                               title="Zeppelin seen")], now=DEMO_NOW,
                             first_poll=False)
    await Enricher(filled, workers).run(DEMO_NOW)
    after = await filled.word_rarity(words)
    if database_url.startswith("sqlite"):
        assert after["zeppelin"] < before["zeppelin"] and after["dirigible"] > before["dirigible"]
    assert set(after) == set(words)


async def test_a_server_of_most_feeds_gets_what_the_filter_gives(filled: Store, database_url: str,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A server that follows most feeds is searched best-first then filtered; the sentences are
    those the filtered search finds."""
    from digests.store import news
    others = [f.id for f in await filled.all_feeds() if "border" not in f.url]
    answered: list[object] = []
    best_then_scoped = news._best_then_scoped

    async def recorded(*args: object, **kwargs: object) -> object:
        answered.append(found := await best_then_scoped(*args, **kwargs))  # type: ignore[arg-type]
        return found

    monkeypatch.setattr(news, "_best_then_scoped", recorded)
    best_first = await filled.search_sentences(["refugees"], limit=3, feed_ids=others)
    if database_url.startswith("sqlite"):  # PostgreSQL always filters
        assert answered and answered[0] is not None  # the best-first search gave the answer itself
    monkeypatch.setattr(news, "MOST_FEEDS", 2.0)  # never best-first: always the filter
    filtered = await filled.search_sentences(["refugees"], limit=3, feed_ids=others)
    assert best_first and {h.text for h in best_first} == {h.text for h in filtered}
