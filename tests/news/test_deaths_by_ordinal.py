"""A death counted by an ordinal gives the toll so far: "A third child has died in the measles
outbreak" makes three, after a report of two, and "Third typhoid death as cases climb" too.
Read on hand-made items in a real SQLite store (found in the twenty-third session on the weeks
estuary and tundra)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (12, "Measles outbreak in Tarvania tops 200 cases",
     "Health authorities in the Tarvanian state of Kolm have confirmed 212 measles cases since early "
     "February, most of them among unvaccinated children. Two children have died."),
    (15, "Kolm measles outbreak reaches 241 cases after third child death",
     "A third child has died in the measles outbreak in Tarvania's Kolm state, where confirmed cases "
     "have risen to 241, state health officials said on Tuesday."),
    (13, "Typhoid outbreak: two dead in Mabeni",
     "Two people have died and 112 cases of typhoid have been confirmed in Mabeni, health officials "
     "said on Sunday."),
    (17, "Third typhoid death as Mabeni cases climb to 139",
     "A third person has died of typhoid in Mabeni, where confirmed cases have risen to 139, the "
     "health department said on Thursday."),
]


@pytest.mark.parametrize(("question", "told"), [
    ("How many children have died in the measles outbreak in Kolm?", "3 children have died"),
    ("how many ppl have died of typhoid in mabeni so far", "3 people have died"),
])
async def test_a_death_counted_by_an_ordinal_is_the_toll(week: Store, question: str, told: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith(told) and "earlier: 2" in answer.headline, answer.headline
