"""The understanding engine end to end on the bundled samples: enrichment, digest, answers."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from digests.models import Entry
from digests.news.answers import answer_question
from digests.news.enrichment import Enricher
from digests.news.stories import StoryDoc, StoryIndex
from digests.newsroom import digest_of_last
from digests.runtime.workers import WorkerPool
from digests.samples import DEMO_NOW, sample_feeds
from digests.store.core import Store

from builders import ingest_samples


@pytest.fixture(scope="module")
def workers() -> WorkerPool:
    pool = WorkerPool(2)
    yield pool  # type: ignore[misc]
    pool.close()


@pytest.fixture
async def newsroom(tmp_path: Path, workers: WorkerPool) -> AsyncIterator[Store]:
    store = await Store.open(f"sqlite:///{tmp_path / 'newsroom.db'}")
    await ingest_samples(store, workers)
    await Enricher(store, workers).run(DEMO_NOW)
    yield store
    await store.close()


async def test_every_item_is_enriched_once(newsroom: Store, workers: WorkerPool) -> None:
    """After a run nothing is pending, and a second run finds nothing to do."""
    assert await newsroom.pending_items(10) == []
    assert await Enricher(newsroom, workers).run(DEMO_NOW) == 0


async def test_same_event_from_several_outlets_is_one_story(newsroom: Store) -> None:
    """The first round of talks, told by several outlets, is one story; the second is another."""
    stories = await newsroom.stories_between(DEMO_NOW - timedelta(days=8), DEMO_NOW)

    def story_of(url_part: str) -> set[str]:
        [urls] = [{i.url or "" for i in s.items} for s in stories
                  if any(url_part in (i.url or "") for i in s.items)]
        return urls

    first = story_of("kyivwire.example/2022/02/28/delegations-meet-on-belarus-border")
    second = story_of("kyivwire.example/2022/03/03/second-round-humanitarian-corridors")
    assert len({u.split("/")[2] for u in first}) >= 2
    assert first.isdisjoint(second)


async def test_digest_ranks_widely_reported_stories_first(newsroom: Store) -> None:
    """The top story has the most sources; every summary sentence is quoted verbatim."""
    digest = await digest_of_last(newsroom, 24 * 8, DEMO_NOW)
    assert digest.story_total >= 10 and digest.source_total == 4
    counts = [len(s.sources) for s in digest.stories]
    assert counts[0] == max(counts)
    items = await newsroom.items_published_between(DEMO_NOW - timedelta(days=9), DEMO_NOW)
    texts = [f"{i.title}\n\n{i.text}" for i in items]
    for story in digest.stories:
        assert 1 <= len(story.summary) <= 2
        for quote in story.summary:
            assert any(quote.text in text for text in texts)


async def test_the_digest_reads_people_only_for_the_stories_it_shows(newsroom: Store) -> None:
    """Ranked first, people read after for the dozen shown: the same cards as reading every
    story's people up front."""
    from digests.news.digest import STORY_LIMIT, build_digest
    from digests.newsroom import digest_inputs
    digest = await digest_of_last(newsroom, 24 * 8, DEMO_NOW)
    given = await digest_inputs(newsroom, 24 * 8, DEMO_NOW)
    assert digest == build_digest(given.stories, given.figures, given.start, DEMO_NOW, STORY_LIMIT,
                                  given.mentions, given.before)
    assert any(story.people for story in digest.stories)


async def test_how_many_gives_the_latest_value_with_its_trend(newsroom: Store) -> None:
    """The refugee count: latest first (one million, UNHCR), earlier values as the trend."""
    answer = await answer_question(newsroom, "How many people have fled Ukraine?", DEMO_NOW)
    assert answer.found
    assert answer.values[0] == 1_000_000
    assert "UNHCR" in answer.headline and "earlier" in answer.headline
    assert all(q.source.url for q in answer.quotes)


async def test_a_date_in_the_question_caps_the_series(newsroom: Store) -> None:
    """Asked "by 1 March", the answer is the count as of that day, not the latest."""
    answer = await answer_question(newsroom, "How many people had fled Ukraine by 1 March?",
                                   DEMO_NOW)
    assert answer.found and answer.values[0] == 660_000


async def test_who_gives_role_and_statements(newsroom: Store) -> None:
    """A person card: role as the sources give it, statements quoted with sources."""
    answer = await answer_question(newsroom, "Who is Mykhailo Podolyak?", DEMO_NOW)
    assert answer.headline == "Mykhailo Podolyak — presidential adviser"
    assert answer.quotes and all("Podolyak" in q.text for q in answer.quotes)
    surname = await answer_question(newsroom, "Who is Podolyak?", DEMO_NOW)
    assert surname.headline == answer.headline


@pytest.mark.parametrize("question", [
    "How many tanks has Ukraine captured?",
    "Who is Dmytro Podolyak?",
    "How many refugees has Japan taken in?",
    "What did the Pope say in Lviv?",
])
async def test_unsupported_questions_get_no_answer(newsroom: Store, question: str) -> None:
    """Nothing stored supports these: the answer says so instead of guessing."""
    answer = await answer_question(newsroom, question, DEMO_NOW)
    assert (answer.found, answer.quotes, answer.values) == (False, (), ())
    assert answer.headline.startswith("I don't know")


async def test_open_question_uses_full_text_search(newsroom: Store) -> None:
    """Other questions are answered with the best-matching stored sentences."""
    answer = await answer_question(newsroom, "Where were the talks held?", DEMO_NOW)
    assert answer.found and "Belarus" in answer.quotes[0].text


async def test_hostile_question_is_safe(newsroom: Store) -> None:
    """FTS5 syntax in a question is quoted away, never run as a query."""
    answer = await answer_question(newsroom, 'talks" OR NEAR(* "belarus) -- AND NOT x*', DEMO_NOW)
    assert answer.kind == "search"


async def test_restart_resumes_pending_items_and_keeps_stories(tmp_path: Path,
                                                              workers: WorkerPool) -> None:
    """Items stored before a restart but not enriched are read after it; story ids survive,
    and reports arriving later join the stories already stored."""
    path = tmp_path / "restart.db"
    samples = sample_feeds()
    store = await Store.open(f"sqlite:///{path}")
    await ingest_samples(store, workers, samples[:1])
    await Enricher(store, workers).run(DEMO_NOW)
    await ingest_samples(store, workers, samples[1:])  # stored, then the process stops
    await store.close()

    reopened = await Store.open(f"sqlite:///{path}")
    try:
        since = DEMO_NOW - timedelta(days=30)
        before = dict((i.id, s) for i, s in await reopened.story_assignments_since(since))
        enricher = Enricher(reopened, workers)
        await enricher.load(DEMO_NOW)
        assert await enricher.run(DEMO_NOW) == (await reopened.counts()).items - len(before)
        after = dict((i.id, s) for i, s in await reopened.story_assignments_since(since))
        assert all(after[item] == story for item, story in before.items())
        joined = [s for s in set(before.values()) if list(after.values()).count(s) > 1
                  and any(after[i] == s for i in after if i not in before)]
        assert joined, "no later report joined a story stored before the restart"
    finally:
        await reopened.close()
    with sqlite3.connect(path) as conn:
        sentences = conn.execute("SELECT count(*) FROM sentences").fetchone()[0]
        indexed = conn.execute("SELECT count(*) FROM sentences_fts").fetchone()[0]
    assert sentences == indexed > 0


class _PoisonedIndex(StoryIndex):
    """A story index that cannot place one particular item, as a bug in clustering would."""

    def __init__(self, poisoned_title: str) -> None:
        super().__init__()
        self.poisoned_title = poisoned_title

    def add(self, doc: StoryDoc) -> int:
        if doc.title == self.poisoned_title:
            raise OverflowError("date value out of range")
        return super().add(doc)


async def test_one_item_that_cannot_be_enriched_never_blocks_the_rest(tmp_path: Path,
                                                                       workers: WorkerPool) -> None:
    store = await Store.open(f"sqlite:///{tmp_path / 'poison.db'}")
    await ingest_samples(store, workers)
    [poisoned] = (await store.pending_items(1))
    enricher = Enricher(store, workers, stories=_PoisonedIndex(poisoned.title))
    done = await enricher.run(DEMO_NOW)
    assert await store.pending_items(10, now=DEMO_NOW) == []  # nothing due again at once
    assert [i.id for i in await store.pending_items(10)] == [poisoned.id]  # tried again later
    assert done >= 10
    digest = await digest_of_last(store, 24 * 8, DEMO_NOW)
    assert digest.story_total >= 10
    await store.close()


async def test_after_a_long_silence_new_stories_never_reuse_old_ids(newsroom: Store,
                                                                    workers: WorkerPool) -> None:
    """Restarted a month later, nothing recent is loaded; new stories must still get new ids."""
    before = {s.id for s in await newsroom.stories_between(DEMO_NOW - timedelta(days=30), DEMO_NOW)}
    later = DEMO_NOW + timedelta(days=30)
    feed = await newsroom.add_feed("https://later.example/feed", now=later, operator=True)
    entry = Entry(key="x", guid="x", url="https://later.example/x", title="Lighthouse keepers strike",
                  text="Lighthouse keepers walked out on Monday.", author=None, categories=(),
                  language="en", published_at=later, dated=True, content_hash="x")
    await newsroom.save_entries(feed.id, [entry], now=later, first_poll=False)
    enricher = Enricher(newsroom, workers)
    await enricher.load(later)
    await enricher.run(later)
    [story] = await newsroom.stories_between(later - timedelta(hours=1), later)
    assert story.id not in before and story.id > max(before)
    assert [i.title for i in story.items] == ["Lighthouse keepers strike"]
