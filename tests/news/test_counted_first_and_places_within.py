""""How many pupils and staff were told to stay home": the pupils, named first, are counted
("Forty-two pupils and staff"); "how many cases in Vastland's Eastern District": the province
only says where the district is, and a local report of the district need not name it. Read on
hand-made items in a real SQLite store (found in the thirty-fifth session on the week bog)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (15, "Measles outbreak confirmed in Vastland",
     "Health officials in Vastland confirmed 14 measles cases in the Eastern District on Tuesday."),
    (16, "Ashby school closes after pupils catch measles",
     "Fenwick Primary in Ashby will close until April after three pupils tested positive for measles, "
     "as the outbreak in the Eastern District rose to 19 cases. Forty-two pupils and staff who cannot "
     "show proof of immunity have been told to stay home for 21 days."),
    (17, "Measles cases climb again",
     "The number of measles cases in the Eastern District rose to 26 on Thursday."),
    (18, "Weekend clinic in Ashby as cases hit 29",
     "The number of measles cases in the Eastern District rose to 29 on Friday, and a weekend clinic "
     "is running at the Ashby fire hall."),
]


async def test_the_first_named_of_two_is_counted(week: Store) -> None:
    answer = await answer_question(
        week, "How many pupils and staff at Fenwick Primary were told to stay home for 21 days?", NOW)
    assert answer.headline.startswith("42 pupils"), answer.headline


async def test_a_place_that_says_where_the_next_is_need_not_be_named(week: Store) -> None:
    answer = await answer_question(
        week, "How many measles cases are there now in Vastland's Eastern District?", NOW)
    assert answer.headline.startswith("29"), answer.headline
