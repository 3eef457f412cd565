"""A value wanted is not one had: "needs 12,500 valid signatures" does not say how many were
got, "have demanded a ransom of 300 million naira, about £145,000" does not say what was paid
(the sum restated in pounds is the same demand). A question that asks what is wanted takes
it. Read on hand-made items in a real SQLite store (found in the twenty-fourth session on the
weeks ridge and cove)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (16, "Petition drive seeks referendum on stadium bonds",
     "A coalition of residents has begun collecting signatures to force a referendum on the stadium bonds. "
     "The group needs 12,500 valid signatures by 15 April to put the question on the ballot. "
     "The mayor called the petition a delay tactic."),
    (17, "Kidnappers demand ransom for engineer",
     "Kidnappers holding the British engineer Tom Aldridge have demanded a ransom of 300 million "
     "naira, about £145,000, police said. Aldridge's family said no ransom had been paid to free him."),
    (18, "Biscuit maker Harrow & Pike rejects bid",
     "The board of Harrow & Pike has rejected a takeover approach. Unions said they would seek "
     "guarantees for the 1,900 staff at the company's main bakery in Leicester."),
]


async def test_signatures_needed_are_not_signatures_got(week: Store) -> None:
    answer = await answer_question(week, "how many signatures have the stadium petition ppl got so far", NOW)
    assert not answer.found, answer.headline


async def test_signatures_needed_when_asked(week: Store) -> None:
    answer = await answer_question(week, "how many signatures does the stadium petition need", NOW)
    assert answer.headline.startswith("12,500"), answer.headline


async def test_a_ransom_demanded_is_not_a_ransom_paid(week: Store) -> None:
    answer = await answer_question(week, "How much ransom was paid to free Tom Aldridge?", NOW)
    assert not answer.found, answer.headline


async def test_the_ransom_demanded_when_asked(week: Store) -> None:
    answer = await answer_question(week, "How much ransom did the kidnappers demand for Tom Aldridge?", NOW)
    assert "300 million" in answer.headline, answer.headline


async def test_people_already_there_are_not_what_is_sought(week: Store) -> None:
    """"seek guarantees for the 1,900 staff": the guarantees are sought, the staff are there."""
    answer = await answer_question(week, "How many staff work at Harrow & Pike's main bakery?", NOW)
    assert answer.headline.startswith("1,900 staff"), answer.headline
