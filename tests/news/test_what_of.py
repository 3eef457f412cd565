""""What was X found guilty of" is answered by a sentence that says the verdict with its "of",
though a time comes between ("found guilty last month of fraud by abuse of position"). Read on
hand-made items in a real SQLite store (found in the twenty-second session on the week valley)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (4, "Housing trust fraudster to be sentenced on Wednesday",
     "Lorna Petts, 58, the former finance director of Greyhaven Housing Trust, will be sentenced at "
     "Carrow Crown Court on Wednesday after being found guilty last month of fraud by abuse of position."),
]


async def test_the_verdict_with_a_time_between(week: Store) -> None:
    answer = await answer_question(week, "What was Lorna Petts found guilty of?", NOW)
    assert "fraud by abuse of position" in answer.headline, answer.headline
