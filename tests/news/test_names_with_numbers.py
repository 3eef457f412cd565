"""A name may end in its number: "the Talon 5 rocket" is the Talon 5, "Fifa 22 game" Fifa 22.
Read on hand-made items in a real SQLite store (found in the twenty-fifth session on the week
taiga, whose rocket had been answered "Talon")."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (14, "Moon lander launch called off",
     "Perihelion called off the launch of its Wayfarer lander, saying the Talon 5 rocket was healthy."),
    (15, "EA removes Russian teams from game",
     "EA has removed the Russian national team from its Fifa 22 game."),
]


@pytest.mark.parametrize(("question", "name"), [
    ("what rocket did the wayfarer lander go up on", "Talon 5"),
    ("which game did ea pull the russian team from", "Fifa 22"),
])
async def test_a_name_keeps_its_number(week: Store, question: str, name: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith(f"{name} — "), answer.headline
