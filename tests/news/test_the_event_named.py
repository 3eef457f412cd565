"""A question may name the event by a word that points at it without telling it: "the Velgaon
dam disaster" is the breach the news reports, and a report that says "breach" without "disaster"
tells it as well as the first report, whose other sentences happen to use the word. Read on
hand-made items in a real SQLite store (found in the twenty-second session on the week fjord)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 8, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (1, "Harlow Creek dam breach: 6 dead, 25 missing",
     "At least six people were killed and 25 are missing after a section of the Harlow Creek dam "
     "gave way on Sunday night. State disaster response teams were sent to the valley."),
    (3, "Harlow Creek toll rises to 13",
     "The death toll in the Harlow Creek dam breach rose to 13 on Tuesday, officials said. State "
     "disaster response teams are searching the river banks."),
    (5, "Harlow Creek toll at 23; five still missing",
     "The death toll in the Harlow Creek dam breach rose to 23 on Saturday after two more bodies "
     "were found downstream. Five people remain missing."),
]


@pytest.mark.parametrize("question", [
    "how many ppl have died in the harlow creek dam disaster",
    "How many people were killed in the Harlow Creek dam tragedy?",
])
async def test_the_latest_toll_of_the_event_named(week: Store, question: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith("23"), answer.headline
