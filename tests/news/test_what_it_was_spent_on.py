""""What did Merritt spend the stolen money on?" ends on the object's preposition: the sentence
must say the verb before the object with it ("he spent on vintage tractors"), and "on" right
after the verb is that preposition, not the "on" of "on Monday". The answer line leads with what
follows ("vintage tractors"). Read on hand-made items in a real SQLite store (found in the
twenty-sixth session on the week delta)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (18, "Former county treasurer convicted of stealing $2.1 million",
     "A jury on Friday convicted Dale Barrow, the former treasurer of Ridley County, of stealing about "
     "$2.1 million in public funds over eight years, much of which prosecutors said he spent on vintage "
     "motorbikes and online poker."),
]


async def test_the_verb_before_the_object_is_said_with_its_preposition(week: Store) -> None:
    answer = await answer_question(week, "what did barrow spend the stolen money on", NOW)
    assert answer.headline.startswith("vintage motorbikes — "), answer.headline
