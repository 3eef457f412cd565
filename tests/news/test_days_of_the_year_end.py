"""A week across the new year: "late on New Year's Eve", "on Boxing Day" name days (the nearest to
the report, a past one when told as past, a coming one when told as to come); a deadline "expires"
on the day a firm "has until"; "vote for their new MP" is a by-election; "get their electric back"
is power restored (found in the thirtieth session on the week marsh). Read on hand-made items in a
real SQLite store."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from digests.news.answers import answer_question
from digests.news.dates import dates_in
from digests.news.question import read_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (18, "Regulator to review storm response",
     "The energy regulator has opened a review into how Westmoor Power handled Storm Hallam, after the "
     "last homes in west Kernow were reconnected late on St Patrick's Day."),
    (15, "Dunmore by-election set for 21 April",
     "Voters in Dunmore and Keld will go to the polls on 21 April to choose a successor to Ruth Ashdown."),
    (16, "Bidder granted access to books",
     "Oakmoor has been granted access to due diligence, and the deadline for a firm offer for Trevail "
     "Foods remains 5pm on 11 April."),
]


@pytest.mark.parametrize(("text", "today", "day"), [
    ("the last homes were reconnected late on New Year's Eve.", date(2027, 1, 1), date(2026, 12, 31)),
    ("He was arrested on Christmas Eve.", date(2027, 1, 2), date(2026, 12, 24)),
    ("The final Test starts on Boxing Day.", date(2026, 12, 18), date(2026, 12, 26)),
    ("Fans will gather on New Year's Day.", date(2026, 12, 29), date(2027, 1, 1)),
])
def test_a_holiday_is_a_day(text: str, today: date, day: date) -> None:
    assert [when for _, when in dates_in(text, today)] == [day]


async def test_when_power_came_back(week: Store) -> None:
    answer = await answer_question(week, "when did the last kernow houses get their electric back", NOW)
    assert answer.headline.startswith("Thursday 17 March"), answer.headline


async def test_when_a_seat_votes_for_its_new_mp(week: Store) -> None:
    answer = await answer_question(week, "when do dunmore ppl vote for their new mp", NOW)
    assert answer.headline.startswith("Thursday 21 April"), answer.headline


async def test_when_a_deadline_expires(week: Store) -> None:
    asked = "When does Oakmoor's deadline to make a firm offer for Trevail expire?"
    answer = await answer_question(week, asked, NOW)
    assert answer.headline.startswith("Monday 11 April"), answer.headline


def test_a_by_election_in_a_members_words() -> None:
    assert "by-elect" in " ".join(read_question("when do they vote for a new MP", date(2022, 3, 1)).terms)
