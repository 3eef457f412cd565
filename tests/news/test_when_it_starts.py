""""When does it start / take effect / kick in" is answered by the day a report says a change
applies from ("will rise from £1 to £1.50 from 1 November", "will shut the line from Nov. 22 to
Nov. 30"); a rule to come ("birds must be kept indoors from Saturday") starts on the Saturday
after the report, not the one before. Read on hand-made items in a real SQLite store (found in
the twenty-second session on the weeks quarry, orchard and lagoon)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (2, "Avonmouth Bridge toll to rise by 50p",
     "The toll for crossing the Avonmouth Bridge by car will rise from £1 to £1.50 from 1 April, "
     "the bridge trust has confirmed."),
    (3, "Tramline to close for nine days for repairs",
     "Metrolink will shut the Eccles tramline between Salford Quays and Eccles from Mar. 22 to Mar. 30 "
     "so crews can replace worn rails, the city council said."),
    (3, "Bird flu: poultry lockdown ordered in Norfolk",  # Thursday 3 March
     "All poultry and captive birds in Norfolk must be kept indoors from Saturday, the government "
     "has ordered, after a case of bird flu was confirmed at a farm near Diss."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("When will the Avonmouth Bridge toll rise take effect?", "Friday 1 April"),
    ("When will the Eccles tramline closure begin?", "Tuesday 22 March"),
    ("when did the poultry lockdown in norfolk kick in", "Saturday 5 March"),
])
async def test_the_day_a_change_applies_from(week: Store, question: str, expected: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith(f"{expected} —"), answer.headline
