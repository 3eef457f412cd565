"""A member's words of the Easter week (found in the thirty-second session on the week scree):
homes "still in the dark" are without power (and "the dark" is no place the count is of), an
"ssn" is a Social Security number, "sats" are satellites (not the SATs a pupil sits), people
who "turned up on" a day attended it. Read on hand-made items in a real SQLite store."""

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
]


@pytest.mark.parametrize(("typed", "written"), [
    ("how many homes still in the dark", "how many homes still without power"),
    ("were they kept in the dark about it", "were they kept in the dark about it"),
    ("how many ssns were leaked", "how many Social Security numbers were leaked"),
    ("how many sats did the rocket carry", "how many satellites did the rocket carry"),
    ("when are sats results out", "when are sats results out"),
    ("how many ppl turned up on the last day", "how many people attended the last day"),
])
def test_a_members_words_are_read_as_news_writes_them(typed: str, written: str) -> None:
    assert in_news_words(typed) == written


async def test_homes_still_in_the_dark_are_still_without_power(week: Store) -> None:
    answer = await answer_question(week, "how many homes still in dark after brenna", NOW)
    assert answer.headline.startswith("2,600 homes"), answer.headline

