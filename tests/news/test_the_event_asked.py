"""A when- or where-question asks of one event, and a sentence answers only with that event's
day or place: "the building, which opened in 1862, was gutted on Tuesday" opened in 1862 (and
"the building" is the Corn Exchange its item names); "the festival, which was founded in 1949,
runs until Sunday" was founded in 1949; "when will the final be replayed" is not answered by the
day of the crush that stopped it; and "will be sentenced at Southwark Crown Court" says where he
was sentenced, though it was said before. Read on hand-made items in a real SQLite store (found
in the twenty-first session's first run of the week written blind, cove)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 27, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (22, "Blaze guts 160-year-old Corn Exchange in Hartsford",
     "A fire has destroyed the main hall of the Corn Exchange in Hartsford. The building, which opened "
     "in 1862 and hosted touring orchestras, was gutted overnight on Tuesday."),
    (23, "Literature festival opens in Cheltenham",
     "Writers from 30 countries are in Cheltenham this week. The festival, which was founded in 1949, "
     "runs until Sunday."),
    (20, "Crush at Bouake stadium kills 12 before cup final",
     "At least 12 people died in a crush at the Stade de la Paix in Bouake, Ivory Coast, before "
     "Sunday's national cup final, which was abandoned."),
    (21, "Payments founder to be sentenced on Friday",
     "Julian Ferrer, the founder of collapsed payments firm Pellucid, will be sentenced at Southwark "
     "Crown Court on Friday after being convicted of fraud."),
    (19, "Search called off after Central Java landslide",
     "Indonesian rescuers have called off the search for survivors of Monday's landslide in Central "
     "Java, with 38 people confirmed dead. Three villages near the slope will be relocated."),
    (25, "Payments boss jailed for nine years",
     "Pellucid founder Julian Ferrer was jailed for nine years on Friday."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("When did the Hartsford Corn Exchange open?", "1862"),
    ("When was the Cheltenham literature festival founded?", "1949"),
    ("Where was Julian Ferrer sentenced?", "Southwark Crown Court"),
])
async def test_the_day_or_place_of_the_event_leads(week: Store, question: str, expected: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith(expected), answer.headline


@pytest.mark.parametrize("question", [
    "When will the Ivory Coast cup final be replayed?",
    "Where will the abandoned Ivory Coast cup final be replayed?",
    "Where will the three villages relocated after the Central Java landslide be rebuilt?",
])
async def test_what_is_still_to_be_done_is_not_what_was(week: Store, question: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert not answer.found, answer.headline
