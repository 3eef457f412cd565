"""A win's margin is asked "what did X win by" or "by how many did X win", and written "a 64-run
win" or "won by 64 runs": the margin answers, not the first innings' 287. Read on hand-made items
in a real SQLite store (found in the twenty-fourth session on the week steppe)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (14, "Deshmukh century lifts India in Kolkata",
     "Aarav Deshmukh struck an unbeaten 112 as India reached 287 for 5 on the opening day of the "
     "second Test against New Zealand in Kolkata."),
    (18, "India seal series with 64-run win in Kolkata",
     "India beat New Zealand in the Kolkata Test on the final day to take the series 2-0."),
]


@pytest.mark.parametrize("question", ["what did india win the kolkata test by",
                                      "by how many did india win the kolkata test"])
async def test_the_margin_answers(week: Store, question: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith("64"), answer.headline
