""""Where did X die?" is answered by the place of the death, which an obituary often gives in a
sentence of its own that names neither the person nor their trade ("His family said he died
peacefully at home in Whitby"), or as "passed away at his residence in Pune"; a place given in
a clause of its own ("whose bronze group stands at the Spanish Arch in Galway, has died") is not
where the death was. Read on hand-made items in a real SQLite store (found in the twenty-first
session's look at the weeks written blind)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2026, 7, 12, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of July 2026, title, text)
    (7, "Actor Bernard Quill dies aged 88",
     "Bernard Quill, the actor best known for playing a gruff harbourmaster in a long-running drama, "
     "has died aged 88. His family said he died peacefully at home in Whitby on Tuesday. Quill also "
     "spent more than 20 seasons with a touring theatre company."),
    (8, "Sculptor Seamus Kerrigan dies aged 91",
     "The sculptor Seamus Kerrigan, whose bronze group Currach Women stands at the Spanish Arch in "
     "Galway, has died aged 91. His family said he died peacefully at his home in Spiddal on Friday."),
    (9, "Sitar maestro Pandit Raghav Sarangpani passes away at 91",
     "Sitar maestro Pandit Raghav Sarangpani, one of the leading exponents of his school, passed away "
     "at his residence in Pune on Thursday morning. He was 91."),
    (9, "Dozens of people died in the Tana valley floods",
     "Rescue teams said the floods, which began near the village of Koro, left dozens of people dead "
     "in the lower valley."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("Where did the actor Bernard Quill die?", "Whitby"),
    ("Where did the sculptor Seamus Kerrigan die?", "Spiddal"),
    ("Where did Pandit Raghav Sarangpani die?", "Pune"),
])
async def test_the_place_of_the_death_leads(week: Store, question: str, expected: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith(expected), answer.headline


async def test_a_clause_that_tells_the_event_still_places_it(week: Store) -> None:
    answer = await answer_question(week, "where did the tana valley floods begin", NOW)
    assert answer.headline.startswith("Koro"), answer.headline
