"""A count placed in another country than the one asked about does not answer: "Vietnam moved about
54,000 people as Tropical Storm Tamarong, which killed 17 people in the Philippines last week,
approached" tells nobody killed in Vietnam (and the people moved were not killed). Read on
hand-made items in a real SQLite store (found in the twenty-second session on the week fjord)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (4, "Vietnam evacuates 54,000 as storm Haruko approaches",
     "HANOI, March 4 (Wire) - Vietnam moved about 54,000 people from coastal areas of its central "
     "provinces on Friday as Tropical Storm Haruko, which killed 17 people in the Philippines last "
     "week, approached."),
]


async def test_a_count_in_another_country_does_not_answer(week: Store) -> None:
    answer = await answer_question(week, "How many people has Haruko killed in Vietnam?", NOW)
    assert not answer.found, answer.headline


async def test_the_count_in_the_country_asked_still_answers(week: Store) -> None:
    answer = await answer_question(week, "How many people has Haruko killed in the Philippines?", NOW)
    assert answer.headline.startswith("17"), answer.headline

