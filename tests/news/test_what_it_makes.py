""""What does X make" is answered as "what does X do": by what a sentence says X is ("Tarn Labs,
the Cumbrian developer of AI software for hospitals") or does ("Thornbury, which makes pumps and
valves", the firm named short). Hand-made items in a real SQLite store (found on the weeks
savanna and glacier)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (8, "Fellgate Labs sets float price range",
     "Fellgate Labs, the Cumbrian developer of scheduling software for hospitals, has set a price range of "
     "185p to 215p for its London listing."),
    (10, "Kestrel agrees to buy Marlstone Engineering",
     "Kestrel Industrial has agreed to buy Marlstone Engineering for £420m. Marlstone, which makes pumps "
     "and valves for the water industry, employs 2,100 people. Kestrel has promised to keep Marlstone "
     "Engineering's Chardleigh factory open."),
]


@pytest.mark.parametrize(("question", "lead"), [
    ("What does Fellgate Labs make?", "the Cumbrian developer of scheduling software for hospitals"),
    ("what does marlstone engineering make", "makes pumps and valves for the water industry"),
])
async def test_what_a_firm_makes(week: Store, question: str, lead: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith(lead), answer.headline
