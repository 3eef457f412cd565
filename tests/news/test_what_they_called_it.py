""""What did Lady Ashcombe call the substitution clause?" may ask a name ("what do scientists
call the new frog") or what someone said a thing was: when no name is given, the sentence that
says it answers, led by the words it quotes ("… was 'a contractual fiction'"). Read on hand-made
items in a real SQLite store (found in the twenty-sixth session on the week delta)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (16, "PedalPost riders are workers, Supreme Court rules",
     "About 21,000 riders for the delivery app PedalPost are workers entitled to the minimum wage, the "
     "Supreme Court ruled on Wednesday.\n\n"
     "Giving the judgment, Lady Farrow said PedalPost's 'substitution clause', allowing riders to send "
     "someone else in their place, was 'a contractual fiction'."),
]


async def test_what_someone_called_a_thing_is_what_she_said_it_was(week: Store) -> None:
    answer = await answer_question(week, "What did Lady Farrow call PedalPost's substitution clause?", NOW)
    assert answer.headline.startswith("a contractual fiction — "), answer.headline
