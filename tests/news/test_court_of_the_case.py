"""Where a case is heard is a court: "a yacht moored at Dartmouth, a jury at Exeter Crown Court
heard" answers "where's the trial being heard" with the court, not the harbour the case tells
of; where a sentence will be served is not where it was passed. Read on hand-made items in a
real SQLite store (found in the twenty-eighth session's first run of the week written blind,
heath)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (14, "Care boss 'used company money for yacht', jury told",
     "The former managing director of a care home group diverted £1.3m of company money, partly to "
     "pay for a yacht moored at Dartmouth, a jury at Exeter Crown Court heard today. Desmond Achter, "
     "58, denies fraud."),
    (18, "Achter to be sentenced next month",
     "Desmond Achter will be sentenced at Exeter Crown Court on 22 April after being convicted of fraud."),
]


async def test_where_the_trial_is_heard_is_the_court(week: Store) -> None:
    answer = await answer_question(week, "where's achter trial being heard", NOW)
    assert answer.headline.startswith("Exeter Crown Court"), answer.headline


async def test_where_a_sentence_is_served_is_not_the_court(week: Store) -> None:
    answer = await answer_question(week, "which prison will achter serve his sentence in", NOW)
    assert not answer.headline.startswith("Exeter Crown Court"), answer.headline
