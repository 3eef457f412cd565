""""How many homes lost power" is all the storm cut off, not the "12,000 still without power" of a
later evening, which is what "how many are still without power" asks; "ended up", "the final
count", "after they corrected it" ask for the value in the end, and are no words a report must
repeat; a final toll given as a count (not "at least") is final enough to answer. A question's
closing setting ("after it was towed into port") is weighed lightly, a word typed in lower case
that the news capitalises only inside a longer name ("port" of "Port Kessock") is no name, and the
parts a sentence lists after its total are not earlier values of it. Read on hand-made items in a
real SQLite store (found in the thirty-fifth session, from the weeks heath, moor, marsh and bog)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (14, "Storm Tamsin leaves 90,000 homes without power",
     "About 90,000 homes lost power overnight as Storm Tamsin swept across Wales, bringing down "
     "lines and trees."),
    (15, "Tamsin: 12,000 homes still without power as count revised",
     "Network operators revised the number of homes that lost power during Storm Tamsin to 104,000. "
     "About 12,000 homes were still without power on Tuesday evening, the operators said."),
    (16, "Quake in Lorvania kills at least 12",
     "At least 12 people were killed when a strong earthquake struck northern Lorvania on Wednesday."),
    (17, "Lorvania quake toll rises to 31",
     "The death toll from Wednesday's earthquake in northern Lorvania rose to 31, officials said on "
     "Thursday."),
    (18, "Fire on Marra Dawn ferry off Port Kessock",
     "A fire broke out in the engine room of the Marra Dawn ferry off Port Kessock, and the ship "
     "was towed in by two tugs. Port Kessock harbour staff met the passengers."),
    (19, "Marra Dawn sailings cancelled until Sunday",
     "All sailings are cancelled while the Marra Dawn is inspected. Operations director Ann Pryce "
     "said 120 vehicles, 80 cars and 40 lorries, were still on board and would be unloaded on "
     "Friday."),
    (19, "Port Kessock council meets over ferry fire",
     "Port Kessock council will meet on Monday. Port Kessock's mayor praised the crews."),
]


async def test_lost_power_is_all_the_storm_cut_off(week: Store) -> None:
    answer = await answer_question(week, "how many homes lost power in storm tamsin", NOW)
    assert answer.headline.startswith("104,000"), answer.headline


async def test_still_without_power_is_what_is_left(week: Store) -> None:
    answer = await answer_question(week, "how many homes are still without power after storm tamsin", NOW)
    assert answer.headline.startswith("About 12,000") or answer.headline.startswith("12,000"), answer.headline


async def test_ended_up_and_the_final_count_ask_the_value_in_the_end(week: Store) -> None:
    answer = await answer_question(
        week, "how many houses ended up losing electricity in tamsin altogether, final count", NOW)
    assert answer.headline.startswith("104,000"), answer.headline


async def test_a_final_toll_given_as_a_count_answers(week: Store) -> None:
    answer = await answer_question(week, "What was the final death toll from the Lorvania earthquake?", NOW)
    assert answer.headline.startswith("31"), answer.headline


async def test_a_setting_typed_after_the_figure_is_weighed_lightly(week: Store) -> None:
    answer = await answer_question(
        week, "How many vehicles were still on board the Marra Dawn after it was towed into port?", NOW)
    assert answer.headline.startswith("120 vehicles"), answer.headline
    assert "earlier" not in answer.headline, answer.headline  # 80 cars and 40 lorries are its parts
