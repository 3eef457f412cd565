"""Members' words for values and seizures: a haul is a seizure, what it is worth its value
("which customs has now valued at €9.1 million"); an offer's worth is not "an extra £280m" its
holders were rewarded with, nor a pension "up £9.90" what it now is (thirty-third session, tarn);
"first prefs" are an Irish count's first preferences. Hand-made
items in a real SQLite store (found on the weeks savanna, tundra and glacier)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (8, "Cocaine worth €8.4m seized at Kellan pier",
     "Customs officers seized cocaine with an estimated value of €8.4 million at Kellan pier early this "
     "morning."),
    (10, "Two men charged over Kellan cocaine",
     "Two men have been charged over the seizure of 130kg of cocaine at Kellan pier, which customs has now "
     "valued at €9.1 million."),
    (11, "Harwell makes third offer for Brookes",
     "Harwell's third offer for Brookes Engineering values the company at £1.88bn."),
    (12, "Brookes holdouts rewarded", "Brookes Engineering shareholders who ignored Harwell's first two "
     "offers have been rewarded with an extra £280m."),
    (14, "Carrigan tops the poll in Ennis",
     "Dr Niamh Carrigan topped the poll in Ennis with 14,212 first preferences."),
    (15, "New tax year: state pension up £9.90 a week",
     "The full new state pension rises by 4.3 per cent from today to £241.30 a week, an increase of "
     "£9.90."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("how much is the kellan cocaine haul worth now", "€9.1 million"),
    ("How much is Harwell's latest offer for Brookes Engineering worth?", "£1.88 billion"),
    ("how many first prefs did carrigan get", "14,212"),
    ("How much is the full new state pension per week?", "£241.3"),  # not "up £9.90"
    ("how much did the state pension go up by a week", "£9.9"),
])
async def test_worth_hauls_and_prefs(week: Store, question: str, expected: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert expected in answer.headline.split(" (")[0], answer.headline
