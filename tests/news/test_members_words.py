"""A member's words for what the news says: people who "turned up" for a funeral attended it,
and mourners and a crowd are people (while "the 45,000-seat stadium" counts seats); a firm that
"went bust" collapsed; houses "wiped out" were destroyed (not the dinosaurs); people "told to
leave" were ordered to; who "went to the museum" visited it; who "made it out alive" survived.
Read on hand-made items in a real SQLite store (found in the
twenty-first session's first run of the week written blind, fjord)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.news.member_phrases import in_news_words
from digests.news.question import read_question
from digests.store.core import Store

NOW = datetime(2022, 3, 8, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (5, "Tens of thousands mourn Adu-Raka at state funeral",
     "Tens of thousands of mourners packed the 45,000-seat national stadium on Saturday for the state "
     "funeral of former President Samuel Adu-Raka, with police estimating the crowd inside and outside "
     "the stadium at 70,000. Eleven heads of state attended."),
    (6, "Saltmouth Maritime Museum reopens", "More than 3,200 visitors passed through the doors of the "
     "Saltmouth Maritime Museum on its first day after a two-year refit."),
    (3, "Aurelia Airways collapses, stranding passengers",
     "About 1,900 staff have lost their jobs after Aurelia Airways collapsed into administration."),
]


@pytest.mark.parametrize(("typed", "written"), [
    ("how many turned up for the funeral", "how many attended the funeral"),
    ("when aurelia went bust", "when aurelia collapsed"),
    ("when did the banksys go under the hammer", "when did the banksys go under the hammer"),
    ("how many guys broke out", "how many people broke out"),
    ("how many houses got wiped out by the fire", "how many houses got destroyed by the fire"),
    ("how long ago did the asteroid that wiped out the dinosaurs hit",
     "how long ago did the asteroid that wiped out the dinosaurs hit"),
    ("how many ppl got told to leave on monday", "how many people got ordered to leave on monday"),
    ("how many cars are owners being told to leave parked outdoors",
     "how many cars are owners being told to leave parked outdoors"),
    ("how many ppl went to the saltmouth museum on opening day",
     "how many people visited the saltmouth museum on opening day"),
    ("how many of the miners made it out alive", "how many of the miners survived"),
])
def test_a_members_phrase_in_news_words(typed: str, written: str) -> None:
    assert in_news_words(typed) == written


@pytest.mark.parametrize(("question", "expected"), [
    ("how many ppl turned up for adu-raka's funeral", "70,000"),
    ("how many ppl lost their jobs when aurelia went bust", "About 1,900 staff"),
    ("how many ppl went to the saltmouth museum on opening day", "More than 3,200 visitors"),
])
async def test_answered_in_the_members_words(week: Store, question: str, expected: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith(expected), answer.headline



@pytest.mark.parametrize("typed", ["wat made the rocket fail", "wot made the rocket fail"])
def test_what_typed_short(typed: str) -> None:
    assert read_question(typed, NOW.date()).text == "what made the rocket fail"
