"""Which sentence leads a search answer: of the sentences about as well supported, the one that
tells most besides the question's own words (a title that repeats the question says less than
the body sentence that answers it), on a real SQLite store of hand-made items."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from digests.news import answers
from digests.news.answers import answer_question
from digests.runtime.workers import WorkerPool
from digests.store.core import Store

from builders import enriched_store

NOW = datetime(2022, 3, 31, 23, 0, tzinfo=UTC)
ITEMS = [
    (10, "Rare snake found in Alabama for the second time in 60 years",
     "For only the second time in more than 60 years, the elusive eastern indigo snake has slithered "
     "into Alabama."),
    (12, "Free-range eggs no longer available in UK due to bird flu",
     'They will be relabelled "barn eggs" because hens have been kept inside for weeks to tackle bird flu.'),
    (22, "Two Blackhawk helicopters crash during training, National Guard says",
     "Two National Guard Blackhawk helicopters were involved in a training accident on Tuesday morning."),
    (23, "Harbour museum reopens its doors to visitors",
     "Its first exhibition was held there in 2018, the town council says."),
]


@pytest.fixture
async def desk(tmp_path: Path, workers: WorkerPool) -> AsyncIterator[Store]:
    store = await enriched_store(tmp_path / "lines.db", workers, "lines.example", NOW, ITEMS)
    yield store
    await store.close()


@pytest.mark.parametrize(("question", "told"), [
    ("what kind of rare snake was found in alabama", "eastern indigo snake"),
    ("what are free range eggs getting relabelled as because of bird flu", "barn eggs"),
])
async def test_the_sentence_that_tells_the_answer_leads(desk: Store, question: str, told: str) -> None:
    answer = await answer_question(desk, question, NOW)
    assert answer.found and told in answer.headline


async def test_without_the_margin_the_title_that_repeats_the_question_would_lead(
        desk: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same store with no margin: the title wins on support alone, and says no new label."""
    monkeypatch.setattr(answers, "TELLING_MARGIN", -1.0)
    question = "what are free range eggs getting relabelled as because of bird flu"
    answer = await answer_question(desk, question, NOW)
    assert answer.found and "barn" not in answer.headline


async def test_a_headline_without_a_day_is_dated_by_its_item(desk: Store) -> None:
    """"2 Blackhawk helicopters crash during training" gives no day; its item's "on Tuesday
    morning" does (published on Tuesday 22 March)."""
    answer = await answer_question(desk, "when did the two national guard blackhawk helicopters crash", NOW)
    assert answer.found and answer.headline.startswith("Tuesday 22 March")


async def test_an_older_year_in_the_item_dates_nothing(desk: Store) -> None:
    """The year the museum was built is not the day it reopened."""
    answer = await answer_question(desk, "when did the harbour museum reopen its doors", NOW)
    assert "2018" not in answer.headline

