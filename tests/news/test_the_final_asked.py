"""A win that "reached the final" is a win before it: "what was the score in the Baltic Open
final" is not answered by "reached the Baltic Open final in Riga with a 7-6 6-3 win". Read on
hand-made items in a real SQLite store (found in the twenty-second session on the week glacier)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (5, "Ilic and Varga to meet in Riga Open final",
     "Croatia's Mateo Ilic reached the Riga Open final with a 7-6 6-3 win over Finland's Aatu Lehtonen."),
    (4, "Schools score well in inspection", "Most of the city's schools got a good score in this year's "
     "inspections, the council said."),
    (3, "Final score: Harbour 2 Town 1",
     "Harbour beat Town 2-1, and the final score flattered the visitors."),
]


async def test_the_win_that_reached_the_final_is_not_its_score(week: Store) -> None:
    answer = await answer_question(week, "what was the score in the riga open final", NOW)
    assert "7-6 6-3" not in answer.headline, answer.headline
