""""How many people deliver for Dashly" counts people: a base-form verb followed by its
preposition ("deliver for", "work for", "live in") ends what is counted, which the firm's name
after it is not. Hand-made items in a real SQLite store (found on the week savanna)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from digests.news.answers import answer_question
from digests.news.lexicon import lemma
from digests.news.question import read_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (9, "Court rules Scootly couriers are workers",
     "About 41,000 people deliver for Scootly in Britain, and the ruling will cost the app an extra £30m a "
     "year, analysts said."),
]


@pytest.mark.parametrize(("question", "head"), [
    ("How many people deliver for Scootly in Britain?", "people"),
    ("how many nurses work for the trust", "nurses"),
    ("how many migrants arrived in kent", "migrants"),
    ("how many homes in wales lost power", "homes"),
])
def test_what_is_counted(question: str, head: str) -> None:
    assert read_question(question, date(2022, 3, 20)).head == lemma(head)


async def test_the_people_who_do_it(week: Store) -> None:
    answer = await answer_question(week, "How many people deliver for Scootly in Britain?", NOW)
    assert answer.headline.startswith("About 41,000 people"), answer.headline
