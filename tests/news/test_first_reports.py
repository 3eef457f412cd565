"""A question that asks the first value given ("according to the very first reports", "at first",
"initially") is answered by the earliest of the series, with the later values after it; without
such words the latest leads. Read on hand-made items in a real SQLite store (found in the
twenty-third session on the week tundra)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (12, "Strong quake hits northern Tarvania, at least 14 dead",
     "At least 14 people were killed when a magnitude 7.1 earthquake struck northern Tarvania on "
     "Saturday, officials said."),
    (13, "Tarvania quake toll rises to 26",
     "The death toll from Saturday's earthquake in northern Tarvania rose to 26 on Sunday, the "
     "disaster agency said."),
    (14, "Tarvania quake: 37 dead as rescuers reach remote villages",
     "The number of people killed in the earthquake in northern Tarvania has risen to 37, the "
     "disaster agency said on Monday."),
]


@pytest.mark.parametrize("question", [
    "how many ppl did the tarvania quake kill according to the very first reports",
    "How many people were initially reported killed in the Tarvania earthquake?",
])
async def test_the_first_value_leads_when_asked(week: Store, question: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.lower().startswith("at least 14") and "later: " in answer.headline, answer.headline


async def test_the_latest_leads_otherwise(week: Store) -> None:
    answer = await answer_question(week, "how many people did the tarvania quake kill", NOW)
    assert answer.headline.startswith("37"), answer.headline
