"""A figure is dated by the day its sentence gives only when that day is not after the report: in
"drivers suspended a strike planned for 22 March after the operator tabled an offer of 6.2%", the
22nd is the strike's day, and the offer is of the day it was reported. Read on hand-made items
in a real SQLite store (found in the twenty-third session on the week tundra)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (17, "Kerrow Rail drivers suspend strike over improved offer",
     "Train drivers at Kerrow Rail have suspended a strike planned for 22 March after the operator "
     "tabled an improved pay offer of 6.2% over two years."),
]


async def test_a_planned_day_does_not_date_the_figure(week: Store) -> None:
    answer = await answer_question(week, "what pay rise is in the improved offer to kerrow rail drivers", NOW)
    assert answer.headline.startswith("6.2%") and "Thu 17 Mar 2022" in answer.headline, answer.headline
