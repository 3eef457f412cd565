"""A member's words from the week across the new year: "said yes to striking" is voting in favour,
"off grid" is without power, houses "burnt down" were destroyed, "wkts" are wickets, "choppers"
helicopters, "tues" and "thurs" are days (found in the thirtieth session on the week marsh).
Read on hand-made items in a real SQLite store."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.news.member_phrases import in_news_words
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (15, "Drivers back strike at Wessex Trains",
     "Members of the drivers' union at Wessex Trains voted 88 per cent in favour of strike action, the "
     "union said."),
]


@pytest.mark.parametrize(("typed", "written"), [
    ("what % of drivers said yes to striking", "what % of drivers voted in favour of striking"),
    ("how many homes were still off grid", "how many homes were still without power"),
    ("how many homes with no electricity", "how many homes without power"),
    ("how many houses burnt down", "how many houses destroyed"),
    ("how many wkts did he take", "how many wickets did he take"),
    ("how many choppers were used", "how many helicopters were used"),
    ("what happened tues morning", "what happened Tuesday morning"),
    ("how many were out thurs", "how many were out Thursday"),
])
def test_a_members_words_read_as_news_writes(typed: str, written: str) -> None:
    assert in_news_words(typed) == written


async def test_a_share_voting_in_favour(week: Store) -> None:
    answer = await answer_question(week, "what % of wessex drivers said yes to striking", NOW)
    assert answer.headline.startswith("88%"), answer.headline
