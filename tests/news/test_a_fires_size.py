""""How big did the Carrow Ridge fire get" asks the area it burned (the fire is a noun there, no
sacking), the latest; "where is Harlow Foods based" is not answered by "Denver-based Granite
Peak Capital", another firm's base. Hand-made items in a real SQLite store (found on the weeks
prairie and taiga)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from digests.news.answers import answer_question
from digests.news.place_answers import based_in
from digests.news.question import MEASURE_AREA, read_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (8, "Bushfire burns 12,000 hectares",
     "SYDNEY, Mar 8 (Wire) - A fast-moving bushfire near Carrow Ridge has burned through about 12,000 "
     "hectares of forest and farmland, the Rural Fire Service said."),
    (12, "Rain helps crews contain Carrow Ridge fire",
     "Firefighters said the Carrow Ridge bushfire was contained after overnight rain, with a final footprint "
     "of 41,200 hectares."),
    (9, "Harlow Foods staff fear takeover",
     "Shopworkers at Harlow Foods have warned that a takeover could put jobs at risk, after Denver-based "
     "Granite Peak Capital made an approach for the supermarket chain."),
    (10, "Harlow Foods rejects approach",
     "The board of Leicester-based Harlow Foods, which employs around 28,000 people, rejected the approach."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("how big did the carrow ridge fire get in the end", "41,200 hectares"),
    ("where is harlow foods based", "Leicester"),
])
async def test_the_fire_and_the_firm(week: Store, question: str, expected: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith(expected), answer.headline


def test_a_fire_is_a_noun_and_its_size_an_area() -> None:
    asked = read_question("how big did the carrow ridge fire get", date(2022, 3, 20))
    assert (asked.measure, asked.verbs) == (MEASURE_AREA, ())
    assert read_question("how big was the fire brigade's budget", date(2022, 3, 20)).measure != MEASURE_AREA


def test_another_firms_base() -> None:
    asked = read_question("where is harlow foods based", date(2022, 3, 20))
    text = "Staff at Harlow Foods fear a takeover after Denver-based Granite Peak Capital made an approach."
    assert based_in(asked, text) is None
    assert based_in(asked, "The board of Leicester-based Harlow Foods rejected it.") == "Leicester"
