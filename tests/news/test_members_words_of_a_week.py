"""More of a member's words for what news writes, and a whole asked for beside its parts: people
"signed up to vote" are registered, SUVs "called back" are recalled, a launch whose plug was
"pulled" was called off, "secs" are seconds, an app's users are its customers; "how many
altogether" is not answered by the share "sold in Canada". Read on hand-made items in a real
SQLite store (found in the twenty-eighth session's first run of the week written blind, heath)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.news.member_phrases import in_news_words
from digests.store.core import Store

NOW = datetime(2022, 3, 12, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (7, "Candidates named for Penrose by-election",
     "Five candidates will stand in Thursday's Penrose by-election. About 74,300 people are "
     "registered to vote."),
    (8, "Hollis Aerospace scrubs first Kite 3 launch",
     "Hollis Aerospace called off the first launch of its Kite 3 rocket on Tuesday with 48 seconds "
     "left in the countdown after a valve alarm."),
    (9, "Quayline Mobile breach hit 3.4m customers",
     "The Quayline Mobile cyber attack affected 3.4m customers, nearly three times the number first "
     "disclosed."),
    (8, "Marston recalls 86,400 Tallow SUVs", "Marston Motor is recalling 86,400 Tallow SUVs in the "
     "United States because a brake hose can leak."),
    (10, "Marston widens Tallow recall", "Marston Motor has expanded its recall of Tallow SUVs to "
     "131,000 vehicles worldwide."),
    (10, "Canadian Tallow owners caught up in recall", "Marston says 18,300 Tallow SUVs sold in Canada "
     "are included in its widened recall."),
]


@pytest.mark.parametrize(("typed", "written"), [
    ("how many ppl are signed up to vote", "how many people are registered to vote"),
    ("how many suvs are getting called back", "how many suvs are getting recalled"),
    ("when did they pull the plug on the launch", "when did they called off the launch"),
    ("will she call back later", "will she call back later"),  # a telephone call
    ("how many secs were left", "how many seconds were left"),
])
def test_a_members_phrase_in_news_words(typed: str, written: str) -> None:
    assert in_news_words(typed) == written


@pytest.mark.parametrize(("question", "expected"), [
    ("how many ppl are signed up to vote in penrose", "About 74,300 people"),
    ("how many secs left when hollis pulled plug on kite 3 launch", "48 seconds"),
    ("how many quayline users ended up affected by hack", "3.4 million customers"),
    ("how many tallow suvs are getting called back altogether now", "131,000 vehicles"),
    ("how many tallow suvs sold in canada are being recalled", "18,300"),
])
async def test_answered_in_the_members_words(week: Store, question: str, expected: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith(expected), answer.headline
