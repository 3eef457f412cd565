""""In which Mexican state is the plant" asks for a part of a country: a country ("Thailand",
where the firm closes another plant) is no answer; "which state TV channel" asks no place.
Hand-made items in a real SQLite store (found on the week savanna)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (9, "Kaito Motors to shut two plants",
     "Kaito Motors said it would cut 4,500 jobs and close plants in Thailand and Mexico by the end of 2027."),
]


async def test_a_country_is_no_state(week: Store) -> None:
    question = "In which Mexican state is the Kaito Motors plant that is due to close?"
    answer = await answer_question(week, question, NOW)
    assert not answer.found, answer.headline


async def test_a_country_answers_where(week: Store) -> None:
    answer = await answer_question(week, "Where will Kaito Motors close plants?", NOW)
    assert answer.found and answer.headline.startswith("Thailand"), answer.headline
