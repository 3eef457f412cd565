""""Where is the ferry getting fixed": a ship goes to dry dock "for repairs", and to fix is to
repair (one family of words). Read on hand-made items in a real SQLite store (found in the
thirty-fifth session on the week bog)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (15, "Marra Dawn towed into Penzance after engine fire",
     "The Marra Dawn was towed into Penzance on Tuesday evening after a fire in its engine room."),
    (17, "Chartered ferry to cover Scilly sailings",
     "Sailings will resume on Monday with a chartered ferry while the fire-damaged Marra Dawn goes to "
     "dry dock in Falmouth for repairs expected to take six weeks."),
]


async def test_getting_fixed_is_going_for_repairs(week: Store) -> None:
    answer = await answer_question(week, "where is the marra dawn getting fixed", NOW)
    assert answer.headline.startswith("Falmouth"), answer.headline
