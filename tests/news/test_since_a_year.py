""""Since 2018" says when a state began, not the day of the event a sentence tells: "X, who has
chaired the bank since 2018, is to step down at its annual meeting in May 2027" answers "when is
the chair stepping down" with May 2027; a question of the start ("when was the last time",
"since when") still reads it. Read on hand-made items in a real SQLite store (found in the
twenty-second session on the week glacier)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (4, "Carrow & Vane chair to step down",
     "Sir Hugh Pendleton, who has chaired Carrow & Vane since 2018, is to step down at the bank's annual "
     "meeting in May 2023, the lender said on Friday."),
    (5, "Belgium win speed skating gold", "Belgium win their first Winter Olympics gold medal since 1948 "
     "when Bart Swings skates to victory in the mass start."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("when's the carrow & vane chair stepping down", "May 2023"),
    ("When had Belgium last won a Winter Olympics gold before Bart Swings?", "1948"),
])
async def test_since_a_year_dates_a_start(week: Store, question: str, expected: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith(f"{expected} —"), answer.headline
