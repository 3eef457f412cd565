""""How many workers are at the mine" asks for those the mine has, not for what befell some of
them ("a quake injures three workers"); a match's attendance is its crowd ("A crowd of 8,112
watched the game"). Read on hand-made items in a real SQLite store (found in the thirty-first
session on the week dune)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (8, "Miner halts Bolivian operations after quake injures three workers",
     "Calgary-based Northcrest Mining has suspended production at its Pulacayo silver mine in "
     "Bolivia after Monday's earthquake injured three employees, the company said. Chief executive "
     "Dana Ferrier said all 820 workers at the site had been accounted for."),
    (9, "Brockley edge Dunmore in front of home crowd",
     "Brockley Town beat Dunmore Athletic 2-1 at Vale Park, the winner arriving in the 90th minute. "
     "A crowd of 8,112 watched the game."),
]


async def test_the_workers_a_mine_has_are_not_those_hurt(week: Store) -> None:
    answer = await answer_question(week, "How many workers are at Northcrest Mining's Pulacayo mine?", NOW)
    assert answer.headline.startswith("820 workers"), answer.headline


async def test_those_hurt_are_still_answered_when_asked(week: Store) -> None:
    answer = await answer_question(week, "How many workers were injured at the Pulacayo mine?", NOW)
    assert answer.headline.startswith("3 "), answer.headline


async def test_the_attendance_is_the_crowd(week: Store) -> None:
    answer = await answer_question(week, "What was the attendance at Brockley Town's win over Dunmore?", NOW)
    assert answer.headline.startswith("8,112"), answer.headline
