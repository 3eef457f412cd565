"""A start is written many ways: a fire "broke out on Sunday", workers "went on strike" or
"walked off the job" on Monday. "When did it start / begin" is answered by the day they give.
Read on hand-made items in a real SQLite store (found in the twenty-fourth session on the week
tundra)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (16, "Nevada's Cutter Ridge Fire doubles in size",
     "The Cutter Ridge Fire broke out on Sunday afternoon near Red Pine Canyon and was zero percent "
     "contained on Wednesday."),
    (17, "Brannock workers strike",
     "More than 2,800 workers went on strike at Brannock Tractor's Fort Addison plant on Monday after "
     "voting down the company's offer."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("when did the cutter ridge fire start", "Sunday 13 March"),
    ("When did the strike at Brannock Tractor begin?", "Monday 14 March"),
])
async def test_the_day_it_began(week: Store, question: str, expected: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith(expected), answer.headline
