"""A day told without its year is the nearer of its last and its coming one unless the words
before it tell it as past: "would be sentenced on 22 January", told in December, is next January
(a "was" later in the sentence does not make it past); "has until 25 December to make a firm
offer" is a deadline, not when the offer will be made; and "when will …" is not answered with a
day before the report was told (found in the twenty-ninth session on the weeks moor, savanna,
delta and tundra), nor with the day of the report itself when the sentence tells of what was done
that day ("reduced load-shedding on Tuesday": found in the thirty-third on lagoon, cove and tundra)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from digests.news.answers import answer_question
from digests.news.dates import dates_in
from digests.store.core import Store


@pytest.mark.parametrize(("text", "told", "day"), [
    ("Judge Helen Ashcombe said he would be sentenced on 22 January, warning that a long custodial "
     "sentence was inevitable.", date(2026, 12, 17), date(2027, 1, 22)),
    ("U.S. District Judge Ellen Marsh set sentencing for Jan. 22.", date(2026, 10, 16), date(2027, 1, 22)),
    ("He was sentenced on 22 January.", date(2026, 12, 17), date(2026, 1, 22)),
    ("The 3 March meeting agreed a ceasefire.", date(2022, 3, 10), date(2022, 3, 3)),
    ("The Platinum Party at the Palace on 4 June.", date(2022, 2, 10), date(2022, 6, 4)),
])
def test_a_day_without_its_year_is_the_nearer_one(text: str, told: date, day: date) -> None:
    assert [when for _, when in dates_in(text, told)] == [day]


NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (4, "Veldt considers offer for Harrow & Lyle",
     "Veldt Retail, which owns 2,300 stores across southern Africa, has until 25 March to announce "
     "a firm offer for Harrow & Lyle or walk away."),
    (4, "Granite Peak makes approach for Harlow Foods",
     "Granite Peak Capital made an indicative cash proposal for Harlow Foods on Monday, the biscuit "
     "maker said."),
    (7, "Harrow & Lyle shares jump on bid talk",
     "Shares in Harrow & Lyle rose 9 per cent on Monday after Veldt Retail confirmed its interest."),
    (8, "Eskom eases power cuts",
     "JOHANNESBURG, March 8 - Eskom reduced load-shedding to Stage 2 on Tuesday as repaired units "
     "returned to service."),
    (8, "Dockers to strike",
     "Dockers at Port Elgin will walk out on Tuesday evening over pay, their union said."),
]


async def test_a_deadline_is_not_when_it_will_be_done(week: Store) -> None:
    answer = await answer_question(week, "When will Veldt Retail make its firm offer for Harrow & Lyle?", NOW)
    assert not answer.found, answer.headline


async def test_when_it_will_be_done_is_no_day_already_past(week: Store) -> None:
    answer = await answer_question(week, "When will Granite Peak make its firm offer for Harlow Foods?", NOW)
    assert "28 February" not in answer.headline, answer.headline


async def test_when_it_will_be_done_is_not_the_day_told_of_what_was_done(week: Store) -> None:
    answer = await answer_question(week, "When will Eskom end load-shedding altogether?", NOW)
    assert not answer.found, answer.headline


async def test_when_it_will_be_done_may_be_the_day_it_is_told(week: Store) -> None:
    answer = await answer_question(week, "When will the Port Elgin dockers walk out?", NOW)
    assert answer.headline.startswith("Tuesday 8 March —"), answer.headline
