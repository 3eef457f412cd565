""""What did the union say the 4.5 per cent pay offer was tied to?" names a pay offer but asks
what it was tied to, not a value something went to: a search answer, which gives the spread of
driver-only trains. "What did the BoE cut rates to" and "what did Russia put its interest rate up
to" still ask a value. Read on hand-made items in a real SQLite store (found in the twenty-sixth
session on the week delta)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from digests.news.answers import answer_question
from digests.news.question import KIND_FIGURES, KIND_SEARCH, read_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (17, "Rail union rejects Northline pay offer",
     "The Rail Guards Union, which represents about 1,400 staff at Northline, rejected a pay offer of "
     "4.5 per cent over two years, saying it was tied to the spread of driver-only trains."),
]


@pytest.mark.parametrize(("question", "kind"), [
    ("What did the union say Northline's 4.5 per cent pay offer was tied to?", KIND_SEARCH),
    ("what did the boe cut rates to", KIND_FIGURES),
    ("what did russia put its interest rate up to", KIND_FIGURES),
    ("what has the death toll risen to", KIND_FIGURES),
])
def test_a_value_went_to_only_by_a_verb_of_change_or_a_measure(question: str, kind: str) -> None:
    assert read_question(question, date(2022, 3, 20)).kind == kind


async def test_what_the_offer_was_tied_to_is_answered(week: Store) -> None:
    answer = await answer_question(
        week, "What did the union say Northline's 4.5 per cent pay offer was tied to?", NOW)
    assert "driver-only trains" in answer.headline, answer.headline
