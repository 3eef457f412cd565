""""When did the lander actually launch" is not answered by the day a plan named ("Halyard Space
targets Wednesday launch for Kestrel-1"), but by the report that it launched. Read on hand-made
items in a real SQLite store (found in the twenty-second session on the week orchard)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (1, "Halyard Space targets Wednesday launch for Kestrel-1 Moon lander",
     "Halyard Space said its Kestrel-1 Moon lander was ready after final checks."),
    (11, "Kestrel-1 on its way to the Moon",
     "A dust spectrometer built at the University of Leeds is among the 12 payloads on the Kestrel-1 "
     "lunar lander that launched Friday from Florida."),
]


async def test_the_day_it_happened_not_the_day_planned(week: Store) -> None:
    answer = await answer_question(week, "when did the kestrel moon lander actually launch", NOW)
    assert answer.headline.startswith("Friday 11 March"), answer.headline
