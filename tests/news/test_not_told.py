"""A sum the news says it does not tell is not answered with a sum told for something else:
"the gang demanded a ransom of $4.5m" then "the society has refused to say whether it has paid a
ransom" answers how much was demanded, not how much was paid; and "Ostara has not said what
price it might offer" is no offer of 412p, which is its rival's. Read on hand-made items in a
real SQLite store (found in the twenty-first session's first run of the week written blind,
cove)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from digests.news.answers import answer_question
from digests.runtime.workers import WorkerPool
from digests.store.core import Store

from builders import enriched_store

NOW = datetime(2022, 3, 27, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (7, "Kilnsey hackers demand $4.5m ransom",
     "The gang behind the Kilnsey Building Society breach has demanded a ransom of $4.5m in bitcoin."),
    (11, "Kilnsey sets aside £15m for breach",
     "Kilnsey Building Society has set aside £15m to cover the cost of its data breach. The society has "
     "refused to say whether it has paid a ransom."),
    (25, "Brightwater jumps above offer as Ostara weighs counter-bid",
     "Shares in Brightwater Foods rose 7pc to 431p, above Calloway Brands' 412p-a-share offer, after "
     "private equity group Ostara Capital confirmed it was considering a rival bid. Ostara has not said "
     "what price it might offer."),
]


@pytest.mark.parametrize("question", [
    "How much ransom did Kilnsey Building Society pay?",
    "how much is ostara offering for brightwater",
])
async def test_what_the_news_says_it_does_not_tell_is_not_answered(week: Store, question: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert not answer.found, answer.headline


@pytest.mark.parametrize(("question", "expected"), [
    ("How much ransom did the Kilnsey hackers demand?", "$4.5 million"),
    ("how much is calloway offering for brightwater", "412p"),
])
async def test_what_it_tells_is_still_answered(week: Store, question: str, expected: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith(expected), answer.headline


OTHER_ITEMS = [  # (day of March 2022, title, text)
    (24, "Carrick Sands report: families call for charges after Transport Secretary responds",
     "Families of the seven people killed in the Carrick Sands rail crash have called for Westrail "
     "Infrastructure executives to face criminal charges after the inquiry's findings."),
    (26, "Machinists' strike enters fourth day",
     "No negotiations are scheduled between Stratus Aerospace and the machinists' union as the strike in "
     "Wichita entered its fourth day."),
]


@pytest.fixture
async def other_week(tmp_path: Path, workers: WorkerPool) -> AsyncIterator[Store]:
    store = await enriched_store(tmp_path / "others.db", workers, "wire.example", NOW, OTHER_ITEMS)
    yield store
    await store.close()


@pytest.mark.parametrize("question", [
    "Who is the Transport Secretary who responded to the Carrick Sands report?",
    "Where will the Stratus Aerospace talks be held?",
])
async def test_no_one_named_and_nothing_scheduled_answer_nothing(other_week: Store, question: str) -> None:
    """"Who is the X who …" wants someone given that post, not a company named near it; "no
    negotiations are scheduled" gives no place for them."""
    answer = await answer_question(other_week, question, NOW)
    assert not answer.found, answer.headline
