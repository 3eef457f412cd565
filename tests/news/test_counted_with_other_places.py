"""A count the sentence gives for the place asked together with others ("homes destroyed after the
blaze reached the hamlets of Wootton and Markwell") is not that place's count, and the answer is
"I don't know"; a place that owns the names listed ("Kenya's Dadaab and Kakuma camps") or the
place of another thing the question names ("the substation fault in Mickleover") does not rule it
out. Read on hand-made items in a real SQLite store (found in the twenty-ninth session on the week
heath)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (8, "Bushfire destroys homes near Taree",
     "At least 14 homes have been destroyed by the Bulahdelah fire, the RFS said late last night, "
     "after a wind change pushed the blaze into the hamlets of Wootton and Markwell."),
    (8, "Aid agency to cut rations for refugees",
     "The World Food Programme said on Tuesday it would cut food rations for about 700,000 refugees "
     "in Kenya's Dadaab and Kakuma camps by 30 percent from April."),
    (9, "Substation fault: 8,400 homes lose power in Derby suburbs",
     "Around 8,400 homes in Mickleover, Littleover and Mackworth were left without electricity for "
     "nine hours after a fault at a substation on Station Road, Mickleover."),
]


async def test_a_count_of_the_place_asked_and_others_does_not_answer(week: Store) -> None:
    answer = await answer_question(week, "How many homes were destroyed in Wootton?", NOW)
    assert not answer.found, answer.headline


async def test_the_places_named_together_are_asked_together(week: Store) -> None:
    answer = await answer_question(week, "how many homes were destroyed in wootton and markwell", NOW)
    assert "14 homes" in answer.headline, answer.headline


async def test_a_place_that_owns_the_names_listed_still_answers(week: Store) -> None:
    answer = await answer_question(week, "How many refugees in Kenya will have their rations cut?", NOW)
    assert "700,000 refugees" in answer.headline, answer.headline


async def test_the_place_of_another_thing_asked_still_answers(week: Store) -> None:
    answer = await answer_question(
        week, "How many homes lost power after the substation fault in Mickleover?", NOW)
    assert "8,400 homes" in answer.headline, answer.headline
