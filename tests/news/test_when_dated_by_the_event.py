"""A when-question is answered by the sentence whose day dates the event asked about: "resigned
as housing minister last night" dates the resignation, "elected in 2024 … following the
resignation" dates an election. "What night did …" asks a day too. Read on hand-made items in a
real SQLite store (found in the twenty-fifth session on the week taiga)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from digests.models import SentenceHit, Source
from digests.news.answers import answer_question
from digests.news.date_answers import dates_the_event
from digests.news.question import KIND_DATE, read_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (15, "Minister quits over expenses",
     "Gareth Ollerton resigned as housing minister last night, hours after a newspaper revealed his "
     "expenses claims."),
    (15, "New housing minister named",
     "Priya Rahman, a former solicitor who was elected in 2019 as MP for Harlow Vale, has been "
     "appointed housing minister following the resignation of Gareth Ollerton."),
]


async def test_the_day_of_the_event_asked_answers(week: Store) -> None:
    answer = await answer_question(week, "when did ollerton quit", NOW)
    assert answer.headline.startswith("Monday 14 March"), answer.headline


def test_a_day_three_words_after_the_event_dates_it() -> None:
    asked = read_question("when did ollerton quit", date(2022, 3, 20))
    source = Source(1, "Desk", None, datetime(2022, 3, 15, 8, tzinfo=UTC))
    told = SentenceHit("Gareth Ollerton resigned as housing minister last night, hours after a report.",
                       source, 1.0)
    other = SentenceHit("Priya Rahman, elected in 2019 as MP, replaces Gareth Ollerton, who resigned.",
                        source, 1.0)
    assert dates_the_event(asked, told) and not dates_the_event(asked, other)


@pytest.mark.parametrize("question", ["what night did the tornado hit the town",
                                      "what morning did the bridge close"])
def test_a_part_of_a_day_asked_is_a_when_question(question: str) -> None:
    assert read_question(question, date(2022, 3, 20)).kind == KIND_DATE
