"""A figure asked as someone's ("how many tractors did the cops say were there", "according to
the BRC") is theirs, not another's count of the same thing: the police's 400, not the
organisers' 650. Read on hand-made items in a real SQLite store (found in the twenty-third
session on the week lagoon)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (4, "Tractors converge on Kerrow for farmers' protest",
     "Organisers from the campaign group Farmers Standing Together said they expected 650 tractors in "
     "Kerrow. The Kerrow Police estimated that about 400 tractors were taking part in the protest."),
]


@pytest.mark.parametrize(("question", "value"), [
    ("how many tractors did the cops say were at the kerrow farmers protest", "about 400"),
    ("how many tractors were at the kerrow farmers protest, according to the organisers", "650"),
])
async def test_the_figure_of_whoever_is_asked(week: Store, question: str, value: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith(value), answer.headline
