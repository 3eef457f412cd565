import asyncio
from collections.abc import Collection
from datetime import UTC, datetime, timedelta

import pytest

from digests.news.suggestions import PeopleSuggestions, matching_names, ranked_people

NOW = datetime(2022, 3, 2, 12, tzinfo=UTC)
PEOPLE = [("vladimir putin", "Vladimir Putin", 40), ("putin", "Putin", 15),
          ("mykhailo podolyak", "Mykhailo Podolyak", 9), ("antony blinken", "Antony Blinken", 12),
          ("olena zelenska", "Olena Zelenska", 3)]


class CountingPeople:
    """The store's `person_keys`, counting readings; a reading waits until it is let go."""

    def __init__(self) -> None:
        self.readings: list[frozenset[int] | None] = []
        self.go = asyncio.Event()
        self.go.set()
        self.people = list(PEOPLE)

    async def person_keys(self, feed_ids: Collection[int] | None = None) -> list[tuple[str, str, int]]:
        self.readings.append(None if feed_ids is None else frozenset(feed_ids))
        await self.go.wait()
        return list(self.people)


def person_suggestions(people: list[tuple[str, str, int]], typed: str) -> list[str]:
    return matching_names(ranked_people(people), typed)


def test_suggestions_fold_surnames_and_put_word_starts_first() -> None:
    assert person_suggestions(PEOPLE, "") == ["Vladimir Putin", "Antony Blinken",
                                              "Mykhailo Podolyak", "Olena Zelenska"]
    assert person_suggestions(PEOPLE, "pod") == ["Mykhailo Podolyak"]
    assert person_suggestions(PEOPLE, "OL") == ["Olena Zelenska", "Mykhailo Podolyak"]  # any case
    assert person_suggestions(PEOPLE, "ken") == ["Antony Blinken"]  # contained, not a word start


async def test_each_keystroke_reads_the_store_once_per_minute_per_server() -> None:
    source = CountingPeople()
    people = PeopleSuggestions(source, max_age=timedelta(minutes=1))
    one, two = frozenset({1, 2}), frozenset({3})
    assert await people.names(one, "p", NOW) == ["Vladimir Putin", "Mykhailo Podolyak"]
    assert await people.names(one, "po", NOW + timedelta(seconds=30)) == ["Mykhailo Podolyak"]
    assert source.readings == [one]
    await people.names(two, "", NOW + timedelta(seconds=31))
    assert source.readings == [one, two]
    source.people.append(("pavlo kyrylenko", "Pavlo Kyrylenko", 60))
    assert await people.names(one, "p", NOW + timedelta(seconds=59)) == [
        "Vladimir Putin", "Mykhailo Podolyak"]  # under a minute old: not read again
    assert source.readings == [one, two]


async def test_an_old_list_answers_at_once_while_a_fresh_one_is_read() -> None:
    source = CountingPeople()
    people = PeopleSuggestions(source, max_age=timedelta(minutes=1), stale_limit=timedelta(hours=1))
    one = frozenset({1})
    await people.names(one, "p", NOW)
    source.people.append(("pavlo kyrylenko", "Pavlo Kyrylenko", 60))
    source.go.clear()
    later = NOW + timedelta(minutes=5)
    assert await people.names(one, "p", later) == ["Vladimir Putin", "Mykhailo Podolyak"]
    await asyncio.sleep(0.01)
    assert await people.names(one, "p", later) == ["Vladimir Putin", "Mykhailo Podolyak"]
    assert len(source.readings) == 2  # one reading in the background, shared
    source.go.set()
    fresh = ["Pavlo Kyrylenko", "Vladimir Putin", "Mykhailo Podolyak"]
    for _ in range(500):  # the background reading finishes in its own time: wait for it, not a clock
        if await people.names(one, "p", later) == fresh:
            break
        await asyncio.sleep(0.01)
    assert await people.names(one, "p", later) == fresh
    assert len(source.readings) == 2


async def test_a_list_older_than_the_stale_limit_is_not_shown() -> None:
    source = CountingPeople()
    people = PeopleSuggestions(source, stale_limit=timedelta(hours=1))
    await people.names(frozenset({1}), "", NOW)
    source.people = [("pavlo kyrylenko", "Pavlo Kyrylenko", 60)]
    assert await people.names(frozenset({1}), "", NOW + timedelta(hours=2)) == ["Pavlo Kyrylenko"]


async def test_a_failed_background_reading_keeps_the_old_list(caplog: pytest.LogCaptureFixture) -> None:
    source = CountingPeople()
    people = PeopleSuggestions(source)
    await people.names(frozenset({1}), "", NOW)

    async def broken(feed_ids: object = None) -> list[tuple[str, str, int]]:
        raise OSError("disk I/O error")

    source.person_keys = broken  # type: ignore[method-assign]
    later = NOW + timedelta(minutes=5)
    assert await people.names(frozenset({1}), "vl", later) == ["Vladimir Putin"]
    await asyncio.sleep(0.01)
    assert "disk I/O error" in caplog.text
    assert await people.names(frozenset({1}), "vl", later) == ["Vladimir Putin"]


async def test_calls_during_a_reading_wait_for_it_instead_of_reading_again() -> None:
    source = CountingPeople()
    source.go.clear()
    people = PeopleSuggestions(source)
    calls = [asyncio.create_task(people.names(frozenset({1}), typed, NOW))
             for typed in ("v", "vl", "vla")]
    await asyncio.sleep(0.01)
    source.go.set()
    assert await asyncio.gather(*calls) == [["Vladimir Putin"]] * 3
    assert len(source.readings) == 1


async def test_only_the_most_recently_used_servers_are_kept() -> None:
    source = CountingPeople()
    people = PeopleSuggestions(source, servers_kept=2)
    for feeds in ({1}, {2}, {1}, {3}, {1}, {2}):
        await people.names(frozenset(feeds), "", NOW)
    assert source.readings == [frozenset({1}), frozenset({2}), frozenset({3}), frozenset({2})]


async def test_a_clock_that_went_back_reads_again() -> None:
    source = CountingPeople()
    people = PeopleSuggestions(source)
    await people.names(frozenset({1}), "", NOW)
    await people.names(frozenset({1}), "", NOW - timedelta(seconds=5))
    assert len(source.readings) == 2
