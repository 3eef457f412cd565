"""A question may write as one word what a report writes as two, or the converse: "dockers" are
"dock workers" and dockers. Asked either way, the count is found. Read on hand-made items in a
real SQLite store (found in the twenty-fourth session on the weeks steppe and harbour)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (14, "Brennock dockers walk out in eight-day strike over pay",
     "Around 1,900 dockers at the Port of Brennock in Essex began an eight-day strike at 6am on Monday."),
    (15, "Felixstowe strike looms",
     "About 2,300 dock workers at Felixstowe will begin a strike on Friday over pay."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("How many dockers walked out at the Port of Brennock?", "Around 1,900"),
    ("how many dockers r striking at felixstowe", "About 2,300"),
])
async def test_dockers_and_dock_workers(week: Store, question: str, expected: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith(expected), answer.headline
