"""Figures chosen by what the question's words say, on hand-made items in a real SQLite store
(found in the thirty-first session on the week dune): "how much did Harrowgate raise" is the sum
its headline says it "raises", not the share price beside it, and a member's "bring in from
listing" is what the float raised; a figure of another's clause ("…, which closed 5pc lower") is
not the one the verb asks of; "what do the costings put the cost at" asks for a value."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (8, "Harrowgate prices float at 240p, raises £350m",
     "Harrowgate Power has priced its initial public offering at 240p a share, raising £350m. It is "
     "the largest London listing so far this year."),
    (8, "Markets: Brindle slumps on veto",
     "Brindle Quarries closed down 17pc after the regulator blocked its takeover by Ashcombe Stone, "
     "which closed 4pc lower."),
    (9, "Costings of the spring statement",
     "The Treasury's costings put the cost of the 12-month fuel duty freeze at £2.4bn, up from the "
     "£2.2bn the chancellor gave MPs."),
]


async def test_the_sum_raised_is_not_the_price(week: Store) -> None:
    answer = await answer_question(week, "How much did Harrowgate Power raise?", NOW)
    assert answer.headline.startswith("£350 million"), answer.headline


async def test_what_a_listing_brought_in_is_what_it_raised(week: Store) -> None:
    answer = await answer_question(week, "how much cash did harrowgate bring in from listing", NOW)
    assert answer.headline.startswith("£350 million"), answer.headline


async def test_another_firms_clause_is_not_the_one_asked(week: Store) -> None:
    answer = await answer_question(
        week, "By what percentage did Brindle Quarries shares close lower after the veto?", NOW)
    assert answer.headline.startswith("17%"), answer.headline


async def test_what_costings_put_a_cost_at_is_a_value(week: Store) -> None:
    answer = await answer_question(
        week, "What do the Treasury's costings put the cost of the fuel duty freeze at?", NOW)
    assert answer.headline.startswith("£2.4 billion"), answer.headline
