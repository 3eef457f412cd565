"""A figure asked for by what it is called, not by "how many": "what net profit did X report",
"by what percentage did shares close lower", "what was her majority", "what magnitude was the
quake". Such a question wants the value of that name: a quake's magnitude, not its toll; the
profit reported, not the one analysts expected; and "in the end", the value as last revised.
Read on hand-made items in a real SQLite store (found in the twenty-first session's look at the
weeks written blind)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from digests.news.answers import answer_question
from digests.news.question import KIND_FIGURES, read_question
from digests.store.core import Store

NOW = datetime(2026, 7, 12, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of July 2026, title, text)
    (7, "Strong quake hits southern Kyrgyzstan",
     "A magnitude 6.4 earthquake struck southern Kyrgyzstan before dawn on Tuesday, killing at least "
     "23 people, officials said."),
    (10, "Kyrgyzstan quake death toll climbs to 52",
     "The death toll from Tuesday's earthquake in southern Kyrgyzstan rose to 52 on Friday, the "
     "emergencies ministry said."),
    (11, "Kyrgyzstan revises quake magnitude",
     "Kyrgyzstan's seismology centre on Saturday revised the magnitude of Tuesday's earthquake to 6.2."),
    (8, "Calderwick results preview",
     "Calderwick Systems is expected to report a net profit of about £190 million for the April-June "
     "quarter when it publishes results on Thursday, according to analysts."),
    (9, "Calderwick profit rises 8% in first quarter",
     "Calderwick Systems on Thursday reported a net profit of £212 million for the April-June quarter, "
     "up 8 per cent from a year earlier."),
    (9, "Stenway shares slump after watchdog blocks takeover",
     "Stenway Quarries was the biggest faller on the index, closing down 19pc at 210p after the "
     "competition watchdog blocked its takeover."),
    (10, "Okafor wins Fenbridge by-election for Labour",
     "Ruth Okafor won the Fenbridge by-election for Labour with a majority of 4,212 after a recount."),
]


@pytest.mark.parametrize("question", [
    "What net profit did Calderwick Systems report for the April-June quarter?",
    "By what percentage did Stenway Quarries shares close lower?",
    "What was Ruth Okafor's majority in the Fenbridge by-election?",
    "what magnitude was the kyrgyzstan quake",
    "What interim dividend per share will Fenwick pay?",
])
def test_a_figure_asked_by_its_name_is_a_figure_question(question: str) -> None:
    assert read_question(question, NOW.date()).kind == KIND_FIGURES


@pytest.mark.parametrize("question", ["what did the union reject", "what team did he join"])
def test_other_what_questions_stay_searches(question: str) -> None:
    assert read_question(question, date(2026, 7, 12)).kind != KIND_FIGURES


@pytest.mark.parametrize(("question", "expected"), [
    ("By what percentage did Stenway Quarries shares close lower?", "19%"),
    ("What was Ruth Okafor's majority in the Fenbridge by-election?", "4,212"),
])
async def test_the_value_of_that_name_leads(week: Store, question: str, expected: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith(expected), answer.headline


async def test_a_magnitude_is_not_the_toll_and_in_the_end_is_the_revised_one(week: Store) -> None:
    answer = await answer_question(week, "what magnitude was the kyrgyzstan quake in the end", NOW)
    assert answer.headline.startswith("6.2"), answer.headline
    assert "52" not in answer.headline


async def test_the_profit_reported_is_not_the_one_expected(week: Store) -> None:
    answer = await answer_question(
        week, "What net profit did Calderwick Systems report for the April-June quarter?", NOW)
    assert "212" in answer.headline.split("(")[0], answer.headline


async def test_a_forecast_asked_for_is_the_forecast(week: Store) -> None:
    answer = await answer_question(
        week, "What net profit was Calderwick Systems expected to report for the April-June quarter?", NOW)
    assert "190" in answer.headline.split("(")[0], answer.headline
