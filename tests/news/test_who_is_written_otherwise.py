"""Who-is when the name or the post is written otherwise than the question's way: "Helena
Marchbank KC" is Helena Marchbank, "tom ashworth reid" is Tom Ashworth-Reid, "X, a government
whip, has been appointed housing minister" holds the new post, and "Opener Finn Haverford" is
an opener called Finn Haverford. Read on hand-made items in a real SQLite store (found in the
twenty-fourth session on the week steppe, after its first run)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.news.people import extract_people
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (16, "Kestrelpay founder diverted £84.6m, jury told",
     "Opening the prosecution case, Helena Marchbank KC told jurors the money was never traded."),
    (17, "Ashworth-Reid promoted to housing minister in mini-reshuffle",
     "Tom Ashworth-Reid, a government whip and the MP for Kelsall, has been appointed housing minister "
     "following Priya Calloway's resignation."),
]


async def test_a_post_nominal_is_not_the_name(week: Store) -> None:
    answer = await answer_question(week, "Who is Helena Marchbank KC?", NOW)
    assert answer.headline.startswith("Helena Marchbank — barrister"), answer.headline


async def test_a_double_barrelled_name_typed_without_its_hyphen(week: Store) -> None:
    answer = await answer_question(week, "who is tom ashworth reid", NOW)
    assert answer.headline.startswith("Tom Ashworth-Reid — housing minister"), answer.headline


def test_a_sport_post_that_opens_a_sentence() -> None:
    text = "Opener Finn Haverford fell six short of a maiden Test century as New Zealand were bowled out."
    assert [(m.name, m.role) for m in extract_people(text)] == [("Finn Haverford", "opener")]
