""""When did the rocket finally lift off" asks the day it lifted off, which a sentence that only
plans it ("is due to lift off on Tuesday") does not give. Hand-made items in a real SQLite store
(found in the thirty-third session on the week tarn)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 12, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (7, "Vayuyan set for first orbital launch",
     "Vayuyan Aerospace will attempt its first orbital launch at 10:42 am on Tuesday, when its Garuda-1 "
     "rocket is due to lift off from Sriharikota."),
    (8, "Garuda-1 launch scrubbed",
     "Vayuyan Aerospace scrubbed the maiden launch of its Garuda-1 rocket this morning when the "
     "countdown was halted at T-minus 41 seconds."),
    (11, "Garuda-1 reaches orbit",
     "Vayuyan Aerospace's rocket lifted off at 10:17 am today and placed its satellite into orbit."),
]


async def test_the_day_it_lifted_off_not_the_day_it_was_due_to(week: Store) -> None:
    answer = await answer_question(week, "When did the Garuda-1 rocket finally lift off?", NOW)
    assert answer.headline.startswith("Friday 11 March —"), answer.headline
