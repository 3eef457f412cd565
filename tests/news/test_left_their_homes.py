"""A member's "had to leave their homes" asks who was evacuated and "forced out of their houses"
who was displaced; residents counted by what was done to them ("640 residents … were
evacuated") are the people asked about, not a town's population (found in the twenty-ninth
session on the week moor)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (8, "Hundreds evacuated as Santiam tops its banks",
     "About 640 residents of Jefferson and Scio were evacuated on Tuesday as the Santiam River "
     "burst its banks."),
    (9, "Quake search ends with 61 dead",
     "Rescuers ended the search for survivors of the Mindanao earthquake on Wednesday. The number "
     "of people displaced by the Mindanao earthquake rose to 18,500 as engineers declared more "
     "homes unsafe."),
]


async def test_leaving_their_homes_is_being_evacuated(week: Store) -> None:
    answer = await answer_question(week, "how many ppl in jefferson and scio had to leave their homes", NOW)
    assert "640" in answer.headline, answer.headline


async def test_forced_out_of_their_houses_is_being_displaced(week: Store) -> None:
    answer = await answer_question(week, "how many ppl forced out of their houses by the mindanao quake", NOW)
    assert "18,500" in answer.headline, answer.headline
