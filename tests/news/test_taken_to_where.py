"""A place someone was taken to, then what happens there: "flown to Royal Hobart Hospital, where
he is being treated" answers where he is being treated, though the sentence calls him "he" and
its item names him. Read on hand-made items in a real SQLite store (found in the twenty-third
session on the week tundra)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from digests.news.answers import answer_question
from digests.news.extracts import place_in
from digests.news.question import read_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (18, "'Miracle': missing bushwalker found alive after six days",
     "Kerrow bushwalker Liam Hodder has been found alive, six days after he set off on a solo hike. "
     "A rescue helicopter crew spotted Mr Hodder waving a survival blanket on Friday morning. He was "
     "winched aboard and flown to Royal Kerrow Hospital, where he is being treated for hypothermia."),
]


def test_the_place_taken_to() -> None:
    text = "He was flown to Royal Kerrow Hospital, where he is being treated for hypothermia."
    asked = read_question("where is he being treated", date(2022, 3, 20))
    assert place_in(text, asked) == "Royal Kerrow Hospital"


async def test_where_someone_is_treated(week: Store) -> None:
    answer = await answer_question(week, "Where is rescued bushwalker Liam Hodder being treated?", NOW)
    assert answer.headline.startswith("Royal Kerrow Hospital"), answer.headline
