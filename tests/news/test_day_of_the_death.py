"""Of an obituary's sentences about as well supported, the one that dates the death answers "when
did X die": "His son said he died on Friday", not the Saturday the family spoke nor the wire's
dateline. Read on hand-made items in a real SQLite store (found in the twenty-second session on
the week estuary)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (5, "Nigerian saxophonist Babajide Okoro, Afrobeat pioneer, dies at 81",
     "LAGOS, March 5 (Wire) - Babajide Okoro, a saxophonist and bandleader who helped shape the sound "
     "of Afrobeat in the 1970s, has died in Lagos at the age of 81, his family said on Saturday. His son "
     "Tunde said he died on Friday after a long illness."),
]


async def test_the_sentence_that_dates_the_death(week: Store) -> None:
    answer = await answer_question(week, "When did the saxophonist Babajide Okoro die?", NOW)
    assert answer.headline.startswith("Friday 4 March"), answer.headline
