""""When do Sahyadri Cements shares start trading?" asks when they list: a member's phrase read as
the word news uses ("The shares are scheduled to list on the BSE and NSE on November 24"). Read
on hand-made items in a real SQLite store (found in the twenty-sixth session on the week
delta)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from digests.news.answers import answer_question
from digests.news.lexicon import lemma
from digests.news.question import read_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (17, "Kaveri Cements IPO fully subscribed on final day",
     "The Rs 1,200 crore offer of Kaveri Cements was subscribed 3.4 times on its last day. The shares "
     "are scheduled to list on the BSE and NSE on March 24."),
]


def test_starting_to_trade_is_listing() -> None:
    asked = read_question("when do kaveri cements shares start trading", date(2022, 3, 20))
    assert lemma("list") in asked.terms


async def test_the_day_they_list_answers(week: Store) -> None:
    answer = await answer_question(week, "when do kaveri cements shares start trading", NOW)
    assert answer.headline.startswith("Thursday 24 March"), answer.headline
