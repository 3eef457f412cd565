""""Where was the final played?" asks where it took place, which a report of it takes for granted:
"The final is scheduled for Sunday at Kowhai Park in Palmerston North" places it without the
word "played" (only a question that ends on "played", "held" or "staged" is read so). Read on
hand-made items in a real SQLite store (found in the twenty-second session on the week valley)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 8, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (3, "Stags reach Korimako Cup final",
     "The Ruahine Stags beat the Coast Hawks 31-17 in the Korimako Cup semi-final on Saturday. "
     "The final is scheduled for Sunday 13 March at Kowhai Park in Palmerston North."),
    (4, "Rakaia edge past Otaki", "The Rakaia Rams edged past Otaki 22-19 in the other Korimako Cup "
     "semi-final a day later."),
]


async def test_where_a_final_was_played_is_where_it_is_scheduled(week: Store) -> None:
    answer = await answer_question(week, "Where was the Korimako Cup final played?", NOW)
    assert answer.headline.startswith("Kowhai Park —"), answer.headline
