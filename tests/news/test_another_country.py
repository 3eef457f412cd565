"""A question that names a country asks about that country: "how many cholera cases in
mozambique" is not answered with Malawi's count, nor "where in Tajikistan" with a town in
Kyrgyzstan, when the news says nothing of the country asked about beyond a mention. A sentence
that names no country, or the one asked (by its name or its people's), may still answer. Read
on hand-made items in a real SQLite store (found in the twentieth session's look at the week
written blind)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from digests.news.answers import answer_question
from digests.news.figure_answers import countries_asked, of_another_country
from digests.runtime.workers import WorkerPool
from digests.store.core import Store

from builders import answer_over

NOW = datetime(2026, 7, 12, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of July 2026, title, text)
    (6, "Malawi confirms cholera outbreak in the south",
     "Malawi has recorded 230 cholera cases in Chikwawa district, the health ministry said on Monday. "
     "Neighbouring Mozambique has put health workers in its border areas on alert."),
    (7, "Earthquake in southern Kyrgyzstan kills dozens",
     "At least 31 people died in the earthquake in southern Kyrgyzstan, in and around the village of "
     "Tash-Bulak, officials said. Tremors were felt in Uzbekistan and Tajikistan."),
    (8, "Ireland takes in 5,500 refugees",
     "Ireland's government said it had taken in 5,500 refugees from the war so far."),
]


@pytest.mark.parametrize("question", [
    "how many cholera cases in mozambique",
    "How many people died in Uzbekistan in the earthquake?",
    "Where in Tajikistan were people killed by the earthquake?",
])
async def test_another_countrys_news_does_not_answer(week: Store, question: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert not answer.found, answer.headline


@pytest.mark.parametrize(("question", "expected"), [
    ("how many cholera cases in malawi", "230"),
    ("How many people died in the Kyrgyzstan earthquake?", "31"),
    ("how many ukrainian refugees has ireland taken in", "5,500"),
])
async def test_the_country_asked_about_still_answers(week: Store, question: str, expected: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.found and expected in answer.headline, answer.headline


def test_a_nationality_in_the_question_says_who_not_where() -> None:
    assert countries_asked("what letter did the russian gymnast tape to his outfit") == frozenset()
    assert countries_asked("how many refugees has ireland's government taken in") == {"ireland"}


def test_a_sentence_naming_the_country_by_its_people_still_answers() -> None:
    asked = frozenset({"russia"})
    assert not of_another_country(asked, "Ukraine war: workers' 12-day ordeal under Russian guard")
    assert not of_another_country(asked, "The workers were held for 12 days.")
    assert of_another_country(asked, "Ukraine says the workers were held for 12 days.")


async def test_a_share_is_no_ordinal_count(tmp_path: Path, workers: WorkerPool) -> None:
    """"Airlines must cut a third of their flights" counts no third flight, and an ordinal count
    of a noun written in the plural is not pluralised again ("3 flightses")."""
    items = [(9, "Strike threat",
              "Air traffic controllers will strike on Tuesday in a dispute over staffing, and airlines "
              "have been told to cut a third of their flights at Norbury and Castlefield.")]
    question = "How many flights were cancelled because of the air traffic control strike?"
    answer = await answer_over(tmp_path / "share.db", workers, NOW, items, question)
    assert not answer.found, answer.headline
