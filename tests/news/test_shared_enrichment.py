"""Enrichment by several processes on one PostgreSQL database: two enrichers, each with its own
store (its own connections), as two processes would have, read the same backlog at once; each
item is read once, and unrelated items never share a story id."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from datetime import timedelta

import pytest

from digests.models import Entry
from digests.news.enrichment import Enricher
from digests.news.stories import StoryDoc, StoryIndex
from digests.runtime.workers import WorkerPool
from digests.store.core import Store

from builders import entry
from conftest import NOW, needs_postgresql, postgres_database

ITEMS = 60
BATCH = 5
HANG_GUARD = 120  # seconds: a run that never ends fails the test instead of hanging it


@pytest.fixture(scope="module")
def workers() -> Iterator[WorkerPool]:
    pool = WorkerPool(2)
    yield pool
    pool.close()


@pytest.fixture
async def two_stores(postgres_server: str) -> AsyncIterator[tuple[Store, Store]]:
    async with postgres_database(postgres_server) as url:
        first, second = await Store.open(url), await Store.open(url)
        try:
            yield first, second
        finally:
            await first.close()
            await second.close()


def unrelated(n: int) -> Entry:
    """An item about nothing any other item is about: its words are its own."""
    words = [f"{syllable}{chr(97 + n % 26)}{chr(97 + n // 26)}" for syllable in
             ("zor", "quel", "brim", "tav", "mok", "fen")]
    title = f"{words[0].title()} {words[1]} {words[2]}"
    text = f"{words[3].title()} {words[4]} {words[5]} {words[0]} {words[2]}."
    return replace(entry(f"item{n}", text, title=title),
                   published_at=NOW - timedelta(minutes=n))


@needs_postgresql
async def test_two_enrichers_read_each_item_once_with_story_ids_of_their_own(
        two_stores: tuple[Store, Store], workers: WorkerPool) -> None:
    first, second = two_stores
    feed = await first.add_feed("https://wire.example/feed", now=NOW)
    await first.save_entries(feed.id, [unrelated(n) for n in range(ITEMS)],
                             now=NOW, first_poll=False)
    read: dict[str, int] = {"a": 0, "b": 0}

    def counting(name: str) -> Enricher:
        def heard(items: int) -> None:
            read[name] += items
        store = first if name == "a" else second
        return Enricher(store, workers, batch=BATCH, on_read=heard)

    enrichers = [counting("a"), counting("b")]
    async with asyncio.timeout(HANG_GUARD):
        done = await asyncio.gather(*(e.run(NOW) for e in enrichers))
    assert sum(done) == sum(read.values()) == ITEMS  # an item read twice would count twice
    assert read["a"] > 0 and read["b"] > 0  # both did part of the work
    assert await first.pending_items(ITEMS) == []
    placed = await first.story_assignments_since(NOW - timedelta(days=1))
    assert len(placed) == ITEMS
    assert len({story for _, story in placed}) == ITEMS  # none put with an unrelated item


@needs_postgresql
async def test_a_story_id_is_never_given_to_two_processes(two_stores: tuple[Store, Store],
                                                          workers: WorkerPool) -> None:
    """Both enrichers start from the same stored stories: an id counted in memory would be the
    same in both; ids from the database never are."""
    first, second = two_stores
    feed = await first.add_feed("https://wire.example/feed", now=NOW)
    await first.save_entries(feed.id, [unrelated(0)], now=NOW, first_poll=False)
    async with asyncio.timeout(HANG_GUARD):
        await Enricher(first, workers).run(NOW)
        highest = await first.highest_story_id()
        a, b = Enricher(first, workers), Enricher(second, workers)
        await a.load(NOW)
        await b.load(NOW)
        await first.save_entries(feed.id, [unrelated(1)], now=NOW, first_poll=False)
        await a.run(NOW)
        await second.save_entries(feed.id, [unrelated(2)], now=NOW, first_poll=False)
        await b.run(NOW)
    stories = [story for _, story in await first.story_assignments_since(NOW - timedelta(days=1))]
    assert len(set(stories)) == 3 and min(stories) == highest and max(stories) > highest


@needs_postgresql
async def test_a_member_waiting_for_items_another_process_reads_is_answered(
        two_stores: tuple[Store, Store], workers: WorkerPool) -> None:
    """`read` of items another process claimed returns once that process has read them."""
    first, second = two_stores
    feed = await first.add_feed("https://wire.example/feed", now=NOW)
    saved = await first.save_entries(feed.id, [unrelated(n) for n in range(3)],
                                     now=NOW, first_poll=False)
    waiting = Enricher(first, workers)
    waiting.start(lambda: NOW)
    try:
        other = await second.claim_pending_items(3, owner="other", now=NOW,
                                                 lease=timedelta(minutes=5))
        assert {i.id for i in other} == set(saved.new_item_ids)
        reading = asyncio.ensure_future(waiting.read(saved.new_item_ids, NOW))
        async with asyncio.timeout(HANG_GUARD):
            await second.release_items([i.id for i in other], "other")
            await Enricher(second, workers).run(NOW)
            await reading
        assert await first.pending_items_among(saved.new_item_ids) == []
    finally:
        await waiting.stop()


def test_supplied_ids_are_the_only_ones_new_stories_take() -> None:
    index = StoryIndex()
    index.reserve_ids_through(10)
    index.supply_ids(range(500, 502))
    docs = [StoryDoc(n, f"Zorq{n} quib{n}", f"Vlet{n} sarn{n}.", "wire", NOW) for n in range(3)]
    assert [index.add(doc) for doc in docs[:2]] == [500, 501]
    assert index.ids_in_hand() == 0
    with pytest.raises(LookupError):
        index.add(docs[2])


REFUGEES_UN = ("One million refugees have fled Ukraine in a week, UNHCR says",
               "The UN refugee agency UNHCR said on Wednesday that one million people had fled "
               "Ukraine in the seven days since the invasion, most of them to Poland. Filippo "
               "Grandi, the UN High Commissioner for Refugees, called it an exodus without "
               "precedent this century and warned that up to four million refugees could follow.")
REFUGEES_AP = ("Exodus from Ukraine passes a million in seven days",
               "More than a million people have crossed from Ukraine into Poland, Hungary, "
               "Moldova and Romania since the invasion, Filippo Grandi announced on Wednesday. "
               "The UNHCR chief said four million refugees might leave in the coming weeks if the "
               "fighting goes on, an exodus the agency says Europe has not seen this century.")


@needs_postgresql
async def test_two_processes_put_two_reports_of_one_event_in_one_story(
        two_stores: tuple[Store, Store], workers: WorkerPool) -> None:
    """The second process places its report knowing the story the first made meanwhile (its
    index, loaded before, did not hold it): one event, one story, with both outlets."""
    first, second = two_stores
    a, b = Enricher(first, workers), Enricher(second, workers)
    async with asyncio.timeout(HANG_GUARD):
        await _one_event_from_two_processes(first, second, a, b)
    placed = await first.story_assignments_since(NOW - timedelta(days=1))
    assert len(placed) == 2 and len({story for _, story in placed}) == 1
    alone = Enricher(second, workers)  # a process started now learns both from the store
    await alone.load(NOW)
    assert await second.latest_story_turn() == 2


async def _one_event_from_two_processes(first: Store, second: Store, a: Enricher, b: Enricher) -> None:
    un = await first.add_feed("https://un.example/feed", now=NOW)
    ap = await first.add_feed("https://ap.example/feed", now=NOW)
    await a.load(NOW)
    await b.load(NOW)
    (title, text) = REFUGEES_UN
    await first.save_entries(un.id, [replace(entry("un", text, title=title),
                                             published_at=NOW - timedelta(hours=2))],
                             now=NOW, first_poll=False)
    assert await a.run(NOW) == 1
    (title, text) = REFUGEES_AP
    await second.save_entries(ap.id, [entry("ap", text, title=title)], now=NOW, first_poll=False)
    assert await b.run(NOW) == 1
