""""How many of the stranded whales were saved?": whales refloated or rescued were saved (one
family of words), and in "Thirty-one of the 48 pilot whales that stranded … have been
refloated" the 48 is the whole the 31 are part of, a spelled-out part as much as "7 of 9".
Read on hand-made items in a real SQLite store (found in the twenty-sixth session on the week
delta)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (16, "Dozens of pilot whales stranded at Farewell Spit",
     "Forty-eight long-finned pilot whales have stranded at Farewell Spit, the Department of "
     "Conservation says."),
    (17, "Pilot whales refloated at Farewell Spit",
     "Thirty-one of the 48 pilot whales that stranded at Farewell Spit have been refloated and were "
     "last seen swimming out to sea."),
]


async def test_the_part_refloated_is_the_number_saved(week: Store) -> None:
    answer = await answer_question(week, "how many of the stranded whales at farewell spit were saved", NOW)
    assert answer.headline.startswith("31 "), answer.headline
