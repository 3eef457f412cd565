"""What leads an answer line is read right: the day a launch was moved to, not the day it was
set for ("postponed from Thursday to Saturday"; "set for maiden launch on Thursday" is a plan,
not the day it happened); a weekday is no place ("Friday's bus accident in Kullu district");
"what kinda firm" asks for the kind ("private equity firm"), not the firm's name; a name the
question gives is no answer ("a first in the US" for "the company's first us union"). Read on
hand-made items in a real SQLite store (found in the twentieth session's look at the week
written blind)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from digests.news.answers import answer_question
from digests.runtime.workers import WorkerPool
from digests.store.core import Store

from builders import enriched_store

NOW = datetime(2022, 3, 31, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (1, "Orbex's Kestrel set for maiden launch from Sutherland on Thursday",
     "Orbex Space will attempt the first orbital launch of its Kestrel rocket on Thursday 3 March."),
    (3, "Orbex launch postponed to Saturday",
     "Orbex Space has postponed the maiden launch of its Kestrel rocket from Thursday to Saturday, "
     "March 5, because of high winds."),
    (6, "Kullu bus toll rises to 23",
     "The death toll in Friday's bus accident in Kullu district rose to 23 after four injured passengers "
     "died in hospital, officials said."),
    (8, "Grocer rejects takeover approach",
     "The supermarket chain Hallett & Rowe has rejected a £1.2 billion takeover approach from the "
     "American private equity firm Cobalt Ridge Partners."),
    (9, "Cobalt Ridge has until August",
     "Under takeover rules Cobalt Ridge has until 5pm on 3 August to make a firm offer or walk away."),
    (10, "Amazon workers vote on a union",
     "Workers in three Amazon warehouses are deciding whether to join a union - which would be a first "
     "in the US."),
]


@pytest.fixture
async def week(tmp_path: Path, workers: WorkerPool) -> AsyncIterator[Store]:
    store = await enriched_store(tmp_path / "leads.db", workers, "wire.example", NOW, ITEMS)
    yield store
    await store.close()


async def test_the_day_a_launch_was_moved_to_is_when_it_happened(week: Store) -> None:
    answer = await answer_question(week, "when did the kestrel rocket actually launch", NOW)
    assert answer.found and answer.headline.startswith("Saturday 5 March"), answer.headline


async def test_a_weekday_is_no_place(week: Store) -> None:
    answer = await answer_question(week, "Where did the Kullu bus accident happen?", NOW)
    assert not answer.headline.startswith("Friday"), answer.headline


async def test_what_kind_of_firm_leads_with_the_kind(week: Store) -> None:
    answer = await answer_question(week, "what kinda firm is cobalt ridge", NOW)
    assert answer.found and answer.headline.startswith("American private equity firm"), answer.headline


async def test_a_name_the_question_gives_is_no_answer(week: Store) -> None:
    question = "where did amazon workers vote to form the company's first us union"
    answer = await answer_question(week, question, NOW)
    assert not answer.found, answer.headline
