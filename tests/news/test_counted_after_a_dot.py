"""What a how-many question counts is read past a dotted word: "How many confirmed E. coli cases"
counts cases (not "E"), "how many U.S. troops" troops; and it ends at a preposition: "how many
homes across southern England" counts homes, not England. Read on hand-made items in a real SQLite
store (found in the twenty-third session on the week tundra)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from digests.news.answers import answer_question
from digests.news.question import read_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (13, "E. coli outbreak at Brannon County Fair grows",
     "The E. coli outbreak linked to the Brannon County Fair has grown to 17 cases, state health "
     "officials said on Sunday."),
    (17, "State confirms goats as E. coli source; cases linked to Brannon fair reach 22",
     "Laboratory tests have matched the strain of E. coli O157:H7 sickening fairgoers to samples taken "
     "from goat pens in the Brannon County Fair petting barn, the state health department said "
     "Thursday. The number of confirmed cases has risen to 22, including 15 children under 10. Eight "
     "people have been hospitalized."),
]


@pytest.mark.parametrize(("question", "counted"), [
    ("How many confirmed E. coli cases are linked to the fair?", "case"),
    ("how many U.S. troops are in Poland?", "troop"),
    ("How many homes across southern England were left without power?", "home"),
])
def test_what_is_counted_is_read_past_a_dot(question: str, counted: str) -> None:
    assert read_question(question, date(2022, 3, 20)).head == counted


async def test_the_latest_count_of_cases_answers(week: Store) -> None:
    question = "How many confirmed E. coli cases are now linked to the Brannon County Fair?"
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith("22"), answer.headline
