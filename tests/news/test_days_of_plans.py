"""The day of an event asked about: "an inquiry into Monday's collapse" dates the collapse, not
the inquiry's Tuesday; what is still to come is dated by the latest report (plans move); a day
something "had been due on" is no longer its day, unless the question asks what it was first
due on; schools that "go back" reopen. Hand-made items in a real SQLite store."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from digests.news.answers import answer_question
from digests.news.dates import dates_in
from digests.news.member_phrases import in_news_words
from digests.store.core import Store

NOW = datetime(2022, 3, 12, 23, 0, tzinfo=UTC)
TODAY = date(2022, 3, 12)

ITEMS = [  # (day of March 2022, title, text)
    (1, "Kerrow mine collapse traps miners",
     "Rescuers are searching for miners trapped at the Kerrow copper mine."),
    (2, "Kerrow mine: inquiry ordered",
     "The government suspended all operations at the Kerrow copper mine on Wednesday and ordered an "
     "inquiry into Monday's collapse."),
    (3, "Tarn Bridge to close for repairs",
     "Repairs that will shut the Tarn Bridge for six weeks will start on 15 March, the council said."),
    (9, "Tarn Bridge closure delayed",
     "Repairs that will shut the Tarn Bridge for six weeks will now start on 22 March, a week later "
     "than planned."),
    (5, "Lusk schools stay shut",
     "The government has postponed the reopening of schools in Lusk, which had been due on 7 March, "
     "to 21 March."),
    (4, "Tarn bus strike: two walkouts planned",
     "A second strike by Tarn bus drivers is planned for 23 March, the union said."),
    (7, "Tarn bus drivers to strike", "Bus drivers in Tarn will strike on Wednesday 9 March over pay."),
]


def test_schools_that_go_back_reopen() -> None:
    assert "schools reopen" in in_news_words("when do schools go back in lusk")
    assert "reopen" not in in_news_words("when did the pupils go back to the museum")


@pytest.mark.parametrize(("question", "lead"), [
    ("When did the Kerrow mine collapse?", "Monday 28 February"),  # "Monday's collapse"
    ("When will the Tarn Bridge close for repairs?", "Tuesday 22 March"),  # the latest plan
    ("when do schools go back in lusk", "Monday 21 March"),  # not the day it had been due on
    ("when were schools in lusk originally due to reopen", "Monday 7 March"),
    ("when's the next tarn bus strike", "Wednesday 23 March"),  # the 9th is past: not the next
])
async def test_the_day_of_the_event_asked(week: Store, question: str, lead: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.found and answer.headline.startswith(lead), answer.headline


@pytest.mark.parametrize(("sentence", "told", "day"), [
    ("He has been released on bail until 21 August.", date(2026, 7, 9), date(2026, 8, 21)),  # to come
    ("The museum is closed until August 21.", date(2026, 7, 9), date(2026, 8, 21)),
    ("It was held on 21 August.", date(2026, 7, 9), date(2025, 8, 21)),  # told as past: last year's
    ("He was held until 12 May.", date(2026, 12, 9), date(2026, 5, 12)),  # this year's, gone
])
def test_a_day_until_which_something_lasts_is_still_to_come(sentence: str, told: date, day: date) -> None:
    assert [when for _, when in dates_in(sentence, told)] == [day]
