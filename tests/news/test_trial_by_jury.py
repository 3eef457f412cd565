"""A trial is told by its jury: "a jury at Southwark Crown Court heard on Monday" says where the
trial is heard, though it never says "trial". Read on hand-made items in a real SQLite store
(found in the twenty-fourth session on the week steppe)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (14, "Kestrelpay founder diverted £84.6m, jury told",
     "The founder of collapsed payments company Kestrelpay diverted £84.6m of customers' money to a "
     "crypto venture, a jury at Southwark Crown Court heard on Monday."),
    (15, "Fraud trial opens in Leeds", "A fraud trial opened at Leeds Crown Court on Tuesday."),
]


async def test_where_the_jury_heard_it(week: Store) -> None:
    answer = await answer_question(week, "Where is the Kestrelpay fraud trial being heard?", NOW)
    assert answer.headline.startswith("Southwark Crown Court —"), answer.headline
