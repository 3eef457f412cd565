"""When-answers: an item that tells an event as just done ("has resigned as leader") and gives
no day of its own dates it by its publication, though it names an older year ("who has led the
council since 2019"); an obituary's "who has died aged 91", written days later, does not. A
year in an aside ("who resigned in 2018") dates another event, and a year before the report
("floated in 2019") does not date what is still to come ("when is it putting its prices up").
Hand-made items in a real SQLite store (found on the week savanna)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (8, "BREAKING: Pellow quits as council leader",
     "Rhona Pellow has resigned as leader of Marlvale District Council with immediate effect, saying the "
     "row over her expenses had become a distraction. The Stanbury councillor, who has led the authority "
     "since 2019, will remain a ward member."),
    (12, "Sir Anton Vesey obituary",
     "Sir Anton Vesey, who has died aged 91, designed more than 60 public buildings, among them the "
     "Tidemark library in Hull."),
    (16, "Scootly shares slide after court ruling", "Scootly floated in 2019 at 390p. Its shares fell 12 per "
     "cent after the ruling, which analysts said could force it to raise prices."),
    (15, "Former Kestrel treasurer convicted",
     "Hollis, 58, who resigned in 2018, will be sentenced in June after a jury found him guilty of fraud."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("when did pellow quit as council leader", "Tuesday 8 March"),
    ("When will Hollis be sentenced?", "June 2022"),
])
async def test_the_day_of_the_event(week: Store, question: str, expected: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith(expected), answer.headline


async def test_a_past_year_does_not_date_what_is_to_come(week: Store) -> None:
    answer = await answer_question(week, "when is scootly putting its prices up", NOW)
    assert not answer.found, answer.headline


async def test_an_obituary_is_not_dated_by_its_publication(week: Store) -> None:
    answer = await answer_question(week, "when did sir anton vesey die", NOW)
    assert not answer.found, answer.headline
