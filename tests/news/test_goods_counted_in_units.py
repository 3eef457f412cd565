"""Goods counted by what they are: "expanded its recall of QuickPot pressure cookers to about 2.3
million units" counts the cookers it names. Read on hand-made items in a real SQLite store (found
in the twenty-fifth session on the week taiga; tundra's "518,000 vehicles" of Trailhawk SUVs is
the same shape)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (14, "Hearthwell recalls 1.1 million QuickPot cookers",
     "Hearthwell is recalling about 1.1 million QuickPot electric pressure cookers sold in the US."),
    (17, "Hearthwell more than doubles cooker recall",
     "Hearthwell expanded its recall of QuickPot pressure cookers to about 2.3 million units on Thursday."),
]


async def test_the_latest_count_in_units_counts_the_goods_named(week: Store) -> None:
    answer = await answer_question(week, "how many quickpot cookers are being recalled now", NOW)
    assert answer.headline.startswith("about 2.3 million"), answer.headline
