"""A member's words from a spring week: a "gaffer" is a manager, a rocket that "made it off the
pad" launched, "eng" is England and "3rd" third; a sentencing day told after "and" ("entered his
plea yesterday and will be sentenced on 16 March") is the day asked, not the plea's (found in the
thirty-first session on the week dune). Read on hand-made items in a real SQLite store."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.news.member_phrases import in_news_words
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (8, "Keighley man admits torching van",
     "A Keighley man has admitted arson after setting fire to a neighbour's van. Dean Holroyd, 31, "
     "entered his plea at Bradford Crown Court yesterday and will be sentenced on 16 March."),
    (9, "Third Test date set",
     "The third Test between New Zealand and England begins at Eden Park on 18 March."),
]


@pytest.mark.parametrize(("typed", "written"), [
    ("when did airedale get new gaffer", "when did airedale get new manager"),
    ("when did the rocket make it off the pad", "when did the rocket launch"),
    ("when does 3rd nz eng test start", "when does third New Zealand England test start"),
])
def test_a_members_words_are_read_as_news_writes_them(typed: str, written: str) -> None:
    assert in_news_words(typed) == written


async def test_a_day_after_and_is_not_the_day_before_it(week: Store) -> None:
    answer = await answer_question(week, "When will Dean Holroyd be sentenced?", NOW)
    assert answer.headline.startswith("Wednesday 16 March"), answer.headline


async def test_a_test_typed_in_shorthand_is_found(week: Store) -> None:
    answer = await answer_question(week, "when does 3rd nz eng test start", NOW)
    assert answer.headline.startswith("Friday 18 March"), answer.headline
