""""How many tries did Kofi Adebanjo score on his England debut" asks a player's tally: "his
England" is his own side, not an opponent, so the match's scoreline ("England 31-17 Argentina")
does not answer it. Hand-made items in a real SQLite store (found on the week savanna)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.news.scorelines import score_asked
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (12, "England 31-17 Argentina: Okafor double on debut",
     "England 31 Argentina 17. Tobi Okafor marked his debut with two tries as England came from 10-7 down "
     "at the break to win at Twickenham."),
]


def test_his_side_is_no_opponent() -> None:
    assert score_asked("How many tries did Tobi Okafor score on his England debut?") is None
    asked = score_asked("how many tries did england score against argentina")
    assert asked is not None and asked.other == frozenset({"argentina"})


async def test_a_players_tries_on_debut(week: Store) -> None:
    answer = await answer_question(week, "How many tries did Tobi Okafor score on his England debut?", NOW)
    assert answer.headline.startswith("2 "), answer.headline
