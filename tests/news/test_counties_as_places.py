"""Counties and regions are places, each in its country, on hand-made items in a real SQLite store
(found in the thirty-third session on the weeks heath, glacier, taiga and scree):
- a count asked for a county the items never give ("how many somerset houses lost power") is not
  the storm's count for other places: I don't know;
- "a Somerset turkey farm" names where the farm is, not what it is called;
- a county's count and its country's are one series: "29, Powys Teaching Health Board said" and
  "the mid-Wales town … has grown to 38" are the outbreak's one count."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (7, "Storm Dervla: 58,000 homes without power",
     "Storm Dervla left 58,000 homes without power across the south-west on Tuesday, including 21,000 "
     "in Cornwall and 14,000 in Devon, the network operator said."),
    (8, "Bird flu found at Somerset turkey farm",
     "About 48,000 turkeys are being culled at a commercial farm near Cheselbury after bird flu was "
     "confirmed, the Animal and Plant Health Agency said."),
    (7, "Measles cases in Abercarrog rise to 29",
     "The number of confirmed measles cases in the Abercarrog outbreak has risen to 29, Powys Teaching "
     "Health Board said."),
    (9, "Measles outbreak in Welsh town grows to 38 cases",
     "A measles outbreak in the mid-Wales town of Abercarrog has grown to 38 confirmed cases, as health "
     "officials warned that falling vaccination rates had left pockets of England and Wales vulnerable."),
]


async def test_a_county_the_items_do_not_count(week: Store) -> None:
    answer = await answer_question(week, "how many somerset houses lost electricity in dervla", NOW)
    assert not answer.found, answer.headline


async def test_a_county_is_not_a_farms_name(week: Store) -> None:
    answer = await answer_question(week, "whats the name of the turkey farm with bird flu", NOW)
    assert not answer.found, answer.headline


async def test_a_countys_count_and_its_countrys_are_one_series(week: Store) -> None:
    answer = await answer_question(week, "how many measles cases in abercarrog now", NOW)
    assert answer.headline.startswith("38 "), answer.headline
    assert "earlier: 29" in answer.headline, answer.headline
