""""What caused the outage" is not answered by what the outage caused ("fees or charges caused by
Wednesday's outage"): the news that gives no cause gets "I don't know", and one that gives it is
still read. Read on hand-made items in a real SQLite store (found in the twenty-second session on
the week lagoon)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (4, "Northgate Bank to refund outage charges",
     "Northgate Bank said Friday it would refund any late-payment fees or overdraft charges caused by "
     "Wednesday's outage of its app and online banking."),
    (5, "Eastley Bank outage blamed on a faulty update",
     "Eastley Bank said Wednesday's outage of its app was caused by a faulty software update."),
]


async def test_what_the_outage_caused_is_not_its_cause(week: Store) -> None:
    answer = await answer_question(week, "what caused the northgate bank outage", NOW)
    assert not answer.found, answer.headline


async def test_the_cause_given_is_read(week: Store) -> None:
    answer = await answer_question(week, "what caused the eastley bank outage", NOW)
    assert "faulty software update" in answer.headline, answer.headline
