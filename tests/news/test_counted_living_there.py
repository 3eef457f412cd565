""""How many Indian nationals living in the Arequipa region were confirmed safe?" counts the
nationals (not "living"), and asks whether they are safe, not how many live there: the sentence
that gives "all 23 Indian nationals known to be living in the … region … are safe" answers.
"How many people live in Tash-Bulak" still asks who lives there. Read on hand-made items in a
real SQLite store (found in the twenty-sixth session on the week delta)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from digests.news.answers import answer_question
from digests.news.lexicon import lemma
from digests.news.question import read_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (16, "Chile quake: embassy says its citizens are accounted for",
     "The Indian Embassy in Santiago said on Wednesday that all 31 Indian nationals known to be living "
     "in the quake-hit Atacama region, most of them engineers at copper mines, are safe."),
]


def test_a_participle_after_the_counted_noun_is_not_counted() -> None:
    asked = read_question("How many Indian nationals living in the Atacama region were confirmed safe?",
                          date(2022, 3, 20))
    assert asked.head == lemma("nationals")


async def test_who_they_are_is_not_what_is_asked(week: Store) -> None:
    answer = await answer_question(
        week, "How many Indian nationals living in the quake-hit Atacama region were confirmed safe?", NOW)
    assert answer.headline.startswith("31 Indian nationals"), answer.headline
