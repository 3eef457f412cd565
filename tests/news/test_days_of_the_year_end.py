"""A week across the new year: "late on New Year's Eve", "on Boxing Day" name days (the nearest to
the report, a past one when told as past, a coming one when told as to come); a deadline "expires"
on the day a firm "has until"; "vote for their new MP" is a by-election; "get their electric back"
is power restored; a launch called off "seconds before liftoff" is not the day the rocket flew, nor is
"since September" the day a minister resigned (found in the thirtieth session on the week marsh).
Read on hand-made items in a real SQLite store."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from digests.models import SentenceHit, Source
from digests.news.answers import answer_question
from digests.news.date_answers import event_day
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
    (15, "Rocket launch called off seconds before liftoff",
     "Kestrel Orbital called off the first launch of its Skylark-1 rocket on Tuesday seconds before "
     "liftoff because of a faulty valve."),
    (18, "Skylark-1 reaches orbit at second attempt",
     "Investors are lining up for the launch company after its Skylark-1 rocket reached orbit at the "
     "second attempt on Thursday."),
    (16, "Fisheries minister quits",
     "Fisheries minister Dora Penhale resigned on Wednesday evening over undeclared payments."),
    (17, "Third minister to go",
     "Penhale's resignation is the third by a minister since September."),
]


@pytest.mark.parametrize(("text", "today", "day"), [
    ("the last homes were reconnected late on New Year's Eve.", date(2027, 1, 1), date(2026, 12, 31)),
    ("He was arrested on Christmas Eve.", date(2027, 1, 2), date(2026, 12, 24)),
    ("A shop was raided on Christmas Eve and three men will appear in court.", date(2027, 1, 2),
     date(2026, 12, 24)),
    ("The final Test starts on Boxing Day.", date(2026, 12, 18), date(2026, 12, 26)),
    ("Fans will gather on New Year's Day.", date(2026, 12, 29), date(2027, 1, 1)),
    ("The haunted house opened on Hallowe'en.", date(2026, 11, 2), date(2026, 10, 31)),
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


async def test_a_launch_called_off_is_not_the_day_it_flew(week: Store) -> None:
    answer = await answer_question(week, "when did skylark-1 actually get off the ground", NOW)
    assert answer.headline.startswith("Thursday 17 March"), answer.headline


async def test_since_a_month_is_not_the_day(week: Store) -> None:
    answer = await answer_question(week, "When did Dora Penhale resign?", NOW)
    assert answer.headline.startswith("Wednesday 16 March"), answer.headline


def test_since_a_month_dates_no_event() -> None:
    asked = read_question("When did Dora Penhale resign?", date(2022, 3, 20))
    source = Source(1, "Desk", None, datetime(2022, 3, 17, 8, tzinfo=UTC))
    hit = SentenceHit("Penhale's resignation is the third by a minister since September.", source, 1.0)
    assert event_day(asked, hit) is None
