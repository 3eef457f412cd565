"""A member's typing slips ("measels", "ingird", "brenock") are read as the stored word one slip
away (letters swapped, a double letter typed once or twice), when the news uses that word; a word
no slip turns into a stored one stays as typed, and a question about it gets "I don't know".
Read on hand-made items in a real SQLite store (found in the twenty-fourth session on the week
steppe, whose first run lost three questions to typos)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.news.spelling import corrected, slips
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (14, "Measles outbreak in Cranmere grows",
     "The measles outbreak in Cranmere has grown to 22 confirmed cases, health officials said."),
    (15, "Ships queue off Brennock as dockers strike",
     "Some 41 container ships were waiting off Brennock on Friday. The Brennock strike goes on."),
    (16, "Measles jabs offered", "Measles jabs are offered at two clinics."),
]


def test_slips_of_a_word() -> None:
    assert "measles" in slips("measels")  # swapped
    assert "brennock" in slips("brenock")  # a double letter typed once
    assert "shipping" in slips("shippping")  # one typed thrice
    assert "measels" not in slips("measels")


@pytest.mark.parametrize(("typed", "meant"), [
    ("how many measels cases are there in cranmere now", "how many measles cases are there in cranmere now"),
    ("how many ships were waiting off Brenock", "how many ships were waiting off Brennock"),
    ("how many cases of Holodomor", "how many cases of Holodomor"),  # no stored word one slip away
    ("how big is the Kererū fire", "how big is the Kererū fire"),  # a word of other letters kept whole
])
async def test_the_question_as_meant(week: Store, typed: str, meant: str) -> None:
    assert await corrected(week, typed) == meant


async def test_a_slip_is_answered(week: Store) -> None:
    answer = await answer_question(week, "how many container ships were stuck waiting off brenock", NOW)
    assert answer.headline.startswith("Some 41 container ships"), answer.headline
