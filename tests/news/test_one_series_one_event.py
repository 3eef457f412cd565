"""A series is one measure of one thing: asked the death toll of a ferry now, a cyclone's toll
reported a day later ("the death toll rose to 14") is no later value of it, however both are
worded. Read on hand-made items in a real SQLite store (found in the twenty-fifth session on the
week taiga, whose ferry toll of 52 had been answered with the cyclone's 14)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (14, "Philippine ferry capsizes off Isla Malaya",
     "A Philippine passenger ferry carrying 212 people capsized in rough seas, leaving 31 dead."),
    (16, "Philippine ferry toll rises to 52; captain detained",
     "Divers recovered more bodies from the capsized ferry, raising the death toll to 52."),
    (17, "Cyclone toll rises to 14",
     "The death toll from the cyclone rose to 14 on Friday after two fishermen washed ashore."),
    (17, "Tornado toll rises to five",
     "Two more people died in hospital overnight, bringing the tornado's death toll to five."),
]


async def test_the_latest_toll_is_the_one_of_the_event_asked(week: Store) -> None:
    answer = await answer_question(week, "whats the death toll from the philippine ferry now", NOW)
    assert answer.headline.startswith("52"), answer.headline
    assert 14 not in answer.values and 5 not in answer.values, answer.headline
