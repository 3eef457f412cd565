""""Where was the world men's curling championship held" asks where the championship was, which a
sentence gives right after it ("… of the world men's curling championship in Östersund, Sweden"),
not the country its final's loser came from; "the final on Saturday" names a day, no place.
Hand-made items in a real SQLite store (found in the thirty-third session on the week tarn)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 12, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (6, "Selkirk's Sigurdson rink wins world men's curling title",
     "Skip Erik Sigurdson and his rink beat Switzerland 7-5 in the final of the world men's curling "
     "championship in Östersund, Sweden, on Sunday."),
    (4, "Hawks and Stags set up Rangatira Cup final",
     "The Hawks beat the Falcons 31-17 on Sunday to reach the Rangatira Cup final, where they will meet "
     "the Stags. The final is scheduled for Saturday at Tūī Park in Palmerston North."),
    (6, "Latu late show wins Rangatira Cup for Hawks",
     "Sione Latu's late try gave the Hawks a 27-24 victory over the Stags in the Rangatira Cup final on "
     "Saturday."),
]


async def test_where_a_championship_was_held(week: Store) -> None:
    answer = await answer_question(week, "Where was the world men's curling championship held?", NOW)
    assert answer.headline.startswith("Östersund —"), answer.headline


async def test_a_day_after_the_thing_is_no_place(week: Store) -> None:
    answer = await answer_question(week, "Where was the Rangatira Cup final played?", NOW)
    assert answer.headline.startswith("Tūī Park —"), answer.headline
