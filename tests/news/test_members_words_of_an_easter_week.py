"""A member's words of the Easter week (found in the thirty-second session on the week scree):
homes "still in the dark" are without power (and "the dark" is no place the count is of), an
"ssn" is a Social Security number, "sats" are satellites (not the SATs a pupil sits), people
who "turned up on" a day attended it, cars "going back to dealers" are recalled, and the
"offence" someone denies is the charge or count; a "Reeve" named before a name is a post (a
Canadian municipality's head); where "the ground gave way" is where a landslip was. Read on
hand-made items in a real SQLite store."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.news.member_phrases import in_news_words
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (7, "Storm Brenna cuts power to 150,000 homes",
     "About 150,000 homes were without power this morning after Storm Brenna brought gusts of 90mph."),
    (9, "2,600 homes still without power after Storm Brenna",
     "About 2,600 homes, most of them in rural Powys and north Devon, were still without electricity "
     "this evening, two days after Storm Brenna struck."),
    (8, "Former finance director faces retrial",
     "Marcus Penhale, 51, who denies a single count of fraud by abuse of position, was released on "
     "unconditional bail after the jury failed to agree."),
    (8, "Orrin Motors recalls 90,000 SUVs",
     "Orrin Motors is recalling 90,000 Ridgeback SUVs because a rear seat belt anchor may not have "
     "been properly welded, the company said."),
    (9, "Evacuees may return home on Friday",
     "Reeve Darlene Hartigan said evacuees could expect to return home on Friday if conditions stayed "
     "calm."),
    (9, "Trains return to Upper Wharfe line",
     "Passenger trains returned to the Upper Wharfe line this morning, ten weeks after a landslip at "
     "Kettlewell buried the tracks."),
]


@pytest.mark.parametrize(("typed", "written"), [
    ("how many homes still in the dark", "how many homes still without power"),
    ("were they kept in the dark about it", "were they kept in the dark about it"),
    ("how many ssns were leaked", "how many Social Security numbers were leaked"),
    ("how many sats did the rocket carry", "how many satellites did the rocket carry"),
    ("when are sats results out", "when are sats results out"),
    ("how many ppl turned up on the last day", "how many people attended the last day"),
    ("why are the suvs going back to dealers", "why are the suvs recalled"),
    ("where did the ground give way on the line", "where did landslide on the line"),
])
def test_a_members_words_are_read_as_news_writes_them(typed: str, written: str) -> None:
    assert in_news_words(typed) == written


async def test_homes_still_in_the_dark_are_still_without_power(week: Store) -> None:
    answer = await answer_question(week, "how many homes still in dark after brenna", NOW)
    assert answer.headline.startswith("2,600 homes"), answer.headline



async def test_the_offence_denied_is_the_count_denied(week: Store) -> None:
    answer = await answer_question(week, "What offence does Marcus Penhale deny?", NOW)
    assert "fraud by abuse of position" in answer.headline, answer.headline


async def test_cars_going_back_to_dealers_are_recalled(week: Store) -> None:
    answer = await answer_question(week, "why r orrin suvs going back to dealers", NOW)
    assert "seat belt anchor" in answer.headline, answer.headline


async def test_a_reeve_is_a_post(week: Store) -> None:
    answer = await answer_question(week, "Who is Darlene Hartigan?", NOW)
    assert "reeve" in answer.headline, answer.headline


async def test_where_the_ground_gave_way_is_where_the_landslip_was(week: Store) -> None:
    answer = await answer_question(week, "where did ground give way on upper wharfe line", NOW)
    assert answer.headline.startswith("Kettlewell"), answer.headline
