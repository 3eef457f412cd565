"""A firm's site is where the firm is, not the firm: "assembled at Halvorsen's plant in Bellhaven,
Ohio" puts the SUVs in Bellhaven, not in "Halvorsen". A possessive that owns a place still gives
the place inside ("in Morocco's northern Chefchaouen province"). Read on hand-made items in a real
SQLite store (found in the twenty-third session on the week tundra)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from digests.news.answers import answer_question
from digests.news.extracts import place_in
from digests.news.question import read_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (16, "Where the recalled Trailhawks were built",
     "Every one of the 412,000 Trailhawk SUVs recalled this week was assembled at Halvorsen's plant "
     "in Bellhaven, Ohio, which employs 3,900 people."),
]


@pytest.mark.parametrize(("text", "place"), [
    ("The SUVs were assembled at Halvorsen's plant in Bellhaven, Ohio.", "Bellhaven"),
    ("The jets are built at Aerion's main factory in Tarnby.", "Tarnby"),
    ("The quake struck in Morocco's northern Chefchaouen province.", "Chefchaouen"),
])
def test_the_place_of_a_firms_site(text: str, place: str) -> None:
    assert place_in(text, read_question("where did it happen", date(2022, 3, 20))) == place


async def test_where_the_things_were_made(week: Store) -> None:
    answer = await answer_question(week, "Where were the recalled Trailhawk SUVs assembled?", NOW)
    assert answer.headline.startswith("Bellhaven"), answer.headline
