""""How many people have died" is answered by a count of deaths, wherever the sentence puts it:
"as confirmed cases rose to 431 with 15 deaths" gives the latest toll though it never says
"people". A count given per year ("nearly 150 fatalities per year") is a rate, not the toll of
one event. Read on hand-made items in a real SQLite store (found in the twenty-third session on
the week quarry)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (2, "Tarvania cholera outbreak reaches capital; nine dead",
     "A cholera outbreak in Tarvania has spread to the capital, with 212 cases and nine deaths "
     "recorded since mid-February, the health ministry said on Wednesday."),
    (5, "Tarvania cholera cases near 400 as outbreak reaches seventh district",
     "Tarvania has recorded 386 cholera cases and 14 deaths since mid-February, a health "
     "ministry spokesman said on Saturday. Schools in the lakeshore districts will stay shut."),
    (8, "Cholera vaccines arrive in Tarvania as cases pass 430",
     "The first 600,000 of 1.2 million oral cholera vaccine doses arrived in Tarvania on Tuesday, "
     "the health ministry said, as confirmed cases rose to 431 with 15 deaths."),
    (6, "Why flash floods are the deadliest weather in Norland",
     "Flash floods kill nearly 150 people per year in Norland, more than storms and tornadoes "
     "combined, the weather service says."),
    (7, "Storm Mirela batters Norland coast",
     "Storm Mirela brought winds of 90 mph to the Norland coast on Monday, cutting power to "
     "thousands of homes."),
]


async def test_the_latest_count_of_deaths_answers(week: Store) -> None:
    answer = await answer_question(week, "How many people have died in Tarvania's cholera outbreak?", NOW)
    assert answer.headline.startswith("15"), answer.headline


async def test_a_yearly_rate_is_not_the_toll_of_this_weeks_floods(week: Store) -> None:
    answer = await answer_question(week, "how many people have died in the norland flash floods", NOW)
    assert "150" not in answer.headline, answer.headline


async def test_a_yearly_rate_answers_when_a_rate_is_asked(week: Store) -> None:
    answer = await answer_question(week, "How many people die in Norland flash floods each year?", NOW)
    assert "150" in answer.headline, answer.headline
