"""A headline's count that names no place ("Storm Brannock: 52,000 homes lose power") is not the
count of the place a question asks about when its item tells the same number again as a total of
several places ("most of them in Lancashire and Cumbria", "across Cumbria and Wales"); a county
asked as "County Clare" is the place Clare, so a total listed with others ("Galway, Mayo and Clare
worst affected") does not answer for it. A count told again for the place asked still answers,
and homes that "lost power" are those news says were "without power".
Read on hand-made items in a real SQLite store (found in the thirty-first session on the weeks
delta, heath and savanna)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (8, "Storm Brannock: man dies as 52,000 homes lose power",
     "A man in his sixties died when a tree fell on his van near Kendal as Storm Brannock brought "
     "gusts of 90mph to Cumbria and Wales overnight. About 52,000 homes were without power on "
     "Tuesday morning, most of them in Lancashire and Cumbria, the network operator said."),
    (9, "Storm Fiadh: 71,000 without power",
     "Around 71,000 homes, farms and businesses were without power at the height of Storm Fiadh, "
     "ESB Networks said, with Galway, Mayo and Clare worst affected."),
    (9, "Storm Brannock: 9,300 homes still cut off",
     "Some 9,300 homes in Cumbria were still without power on Wednesday evening, Electricity North "
     "West said."),
]


async def test_a_total_told_again_for_other_places_does_not_answer_for_wales(week: Store) -> None:
    answer = await answer_question(week, "How many homes in Wales lost power during Storm Brannock?", NOW)
    assert not answer.found, answer.headline


async def test_a_county_asked_by_its_full_name_is_not_answered_by_a_total(week: Store) -> None:
    answer = await answer_question(week, "How many homes in County Clare lost power during Storm Fiadh?", NOW)
    assert not answer.found, answer.headline


async def test_the_total_asked_as_a_total_still_answers(week: Store) -> None:
    answer = await answer_question(week, "How many homes were without power during Storm Fiadh?", NOW)
    assert "71,000" in answer.headline, answer.headline


async def test_a_count_of_the_place_asked_still_answers(week: Store) -> None:
    answer = await answer_question(
        week, "how many homes in cumbria were still without power on wednesday", NOW)
    assert "9,300" in answer.headline, answer.headline


async def test_homes_that_lost_power_are_the_homes_left_without_it(week: Store) -> None:
    answer = await answer_question(week, "How many homes lost power during Storm Fiadh?", NOW)
    assert "71,000" in answer.headline, answer.headline
