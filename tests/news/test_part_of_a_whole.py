"""In "convicted on seven of nine counts" nine is the whole and seven what the verb did: "on how
many counts was he convicted" is answered by seven, "out of how many" by nine. "One of more than
50 people sent it" still counts the 50. Read on hand-made items in a real SQLite store (found in
the twenty-third session on the week tundra)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (16, "Former Tarn mayor convicted of fraud",
     "A federal jury on Friday convicted Dale Hutchens, the former mayor of Tarn, on seven of nine "
     "counts of wire fraud and money laundering."),
    (17, "Kerrow returns questionnaire to police",
     "Kerrow was one of more than 50 people to be sent the questionnaire by police."),
]


async def test_the_part_the_verb_did(week: Store) -> None:
    answer = await answer_question(week, "On how many counts was Dale Hutchens convicted?", NOW)
    assert answer.headline.startswith("7"), answer.headline


async def test_one_of_many_counts_the_many(week: Store) -> None:
    answer = await answer_question(week, "how many people did police send the questionnaire to", NOW)
    assert answer.headline.startswith("more than 50"), answer.headline


async def test_the_whole_when_asked(week: Store) -> None:
    answer = await answer_question(week, "Dale Hutchens was convicted out of how many counts?", NOW)
    assert answer.headline.startswith("9"), answer.headline
