""""A 16-member team" says how big the team is, not how many of anything else a question asks
about ("how many miners got injured"). Read on hand-made items in a real SQLite store (found in
the twenty-second session on the week orchard)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (5, "Rescue team flies to Zambia", "A 16-member team from the Mines Rescue Service flew to Zambia on "
     "Friday to help search for miners trapped in the Kasompe collapse."),
]


async def test_the_size_of_a_team_counts_no_one_else(week: Store) -> None:
    answer = await answer_question(week, "how many miners got injured in the kasompe collapse", NOW)
    assert not answer.headline.startswith("16"), answer.headline
