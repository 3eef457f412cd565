"""A day counted from the event asked about: "reunited with his family tonight, two days after his
release" was released two days before tonight, and "a week after the crash" a week before the day
told. Hand-made items in a real SQLite store (found in the thirty-third session on the week tarn)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (10, "'Best sight in the world': freed engineer home with family",
     "Owen Tremlett was reunited with his wife and two daughters in Barrow tonight, two days after his "
     "release from captivity in Nigeria."),
    (18, "Ferry owner charged",
     "The owner of the Jogamaya was charged on Friday, a week after the capsize that killed 19 people."),
]


@pytest.mark.parametrize(("question", "day"), [
    ("when did kidnappers let tremlett go", "Tuesday 8 March"),
    ("When did the Jogamaya capsize?", "Friday 11 March"),
])
async def test_the_day_counted_back_from_the_one_told(week: Store, question: str, day: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith(f"{day} —"), answer.headline
