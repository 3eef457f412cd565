"""A headline's bound ("More than 1,200 get shots") gives way to the figure its own report's body
gives more exactly within that bound ("Some 1,240 people were vaccinated"); a body figure beyond
the bound ("the 2,000 doses ordered") or in another report does not replace it (found in the
twenty-ninth session on the week moor)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (6, "More than 1,200 get shots at first measles clinic",
     "Some 1,240 people were vaccinated at Saturday's free measles clinic at the county fairgrounds, "
     "far more than officials had planned for."),
    (7, "Over 300 homes flooded in Tewby",
     "The council said it had ordered 2,000 sandbags for the town on Sunday."),
]


async def test_the_body_gives_the_figure_more_exactly(week: Store) -> None:
    answer = await answer_question(week, "how many ppl got measles shots at the fairgrounds", NOW)
    assert answer.headline.startswith("Some 1,240"), answer.headline


async def test_a_figure_beyond_the_bound_does_not_replace_it(week: Store) -> None:
    answer = await answer_question(week, "how many homes flooded in tewby", NOW)
    assert answer.headline.startswith("Over 300"), answer.headline
