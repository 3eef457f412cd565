""""What did Peru's government declare after the earthquake?" asks the object of "declare": the
sentence that says the government declared something answers, not the dateline sentence that
names Peru and the earthquake best. Read on hand-made items in a real SQLite store (found in the
twenty-fifth session on the week taiga)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from digests.news.answers import answer_question
from digests.news.lexicon import lemma
from digests.news.question import read_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (15, "Peru quake death toll climbs to 68",
     "LIMA, March 15 - The death toll from Sunday's earthquake in southern Peru rose to 68 on "
     "Tuesday, as army engineers cleared landslides.\n\n"
     "The government declared a 60-day state of emergency in 14 districts."),
]


async def test_the_sentence_that_says_the_verb_answers(week: Store) -> None:
    answer = await answer_question(week, "What did Peru's government declare after the earthquake?", NOW)
    assert "state of emergency" in answer.headline, answer.headline


@pytest.mark.parametrize(("question", "verb"), [
    ("What did Peru's government declare after the earthquake?", "declare"),
    ("what did the council announce on monday", "announce"),
    ("what did the report find", "find"),
])
def test_what_was_done_is_the_event_asked(question: str, verb: str) -> None:
    assert read_question(question, date(2022, 3, 20)).verbs == (lemma(verb),)
