""""What charge was X cleared of": "He was cleared of a single count of money laundering" names
the charge (a count of something is no mere "a charge"), and a member's "what charge did he get
off on" asks the same. Read on hand-made items in a real SQLite store (found in the thirty-fourth
session on the weeks moor and heath)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (15, "Solar bond founder guilty of £9m fraud",
     "Owen Talbrook, the founder of Greyfield Solar, was found guilty today of four counts of fraud "
     "at Leeds Crown Court.\n\nHe was cleared of a single count of money laundering."),
    (16, "Storm cuts power to 20,000 homes",
     "Storm Edda cut power to 20,000 homes across the north on Wednesday, the grid operator said."),
    (17, "Council approves new library",
     "Councillors in Ashby approved plans for a new library on Thursday after a two-hour debate."),
]


async def test_the_charge_cleared_of_is_named(week: Store) -> None:
    answer = await answer_question(week, "What charge was Owen Talbrook cleared of?", NOW)
    assert answer.found and "money laundering" in answer.headline.split(" — ")[0], answer.headline


async def test_a_member_asks_what_he_got_off_on(week: Store) -> None:
    answer = await answer_question(week, "what charge did talbrook get off on", NOW)
    assert answer.found and "money laundering" in answer.headline, answer.headline
