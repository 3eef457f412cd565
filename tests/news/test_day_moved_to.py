""""When is the hearing" is answered by the day it was moved to, however long the words between
the move and the day ("moved a hearing on the planned demolition of homes in Nairobi's Mukuru kwa
Njenga settlement from Feb. 4 to Feb. 11"), and though the question names no event verb. Read on
hand-made items in a real SQLite store (found in the twenty-second session on the week estuary)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 2, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (1, "Mukuru demolition hearing moved",
     "NAIROBI, March 1 (Wire) - Kenya's High Court on Tuesday moved a hearing on the planned "
     "demolition of homes in Nairobi's Mukuru kwa Njenga settlement from March 14 to March 21, after "
     "lawyers for the roads authority asked for more time."),
]


async def test_the_day_a_hearing_was_moved_to(week: Store) -> None:
    question = "When is the court hearing on the Mukuru kwa Njenga demolitions?"
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith("Monday 21 March"), answer.headline
