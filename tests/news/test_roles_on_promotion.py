"""Posts given where a person is moved into them, or after a title: "X promoted to housing
secretary", "X, a former barrister who …, has been appointed housing secretary", "Pennant's
chair, Sir Hugh Alder, said"; a South African province's minister is its MEC ("Gauteng health
MEC Nomsa Dlamini-Khoza"). Read from hand-made sentences, and answered from a real SQLite
store (found in the twenty-third session on the week tundra)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.news.people import extract_people
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (14, "Ellen Varga promoted to housing secretary in mini-reshuffle",
     "Ellen Varga, a former barrister who has served as a Treasury minister since 2020, has been "
     "appointed housing secretary following Tom Reade's resignation."),
    (16, "Pennant board in talks with Calloway",
     "Pennant's chair, Sir Hugh Alder, said the board was in discussions with Calloway."),
]


@pytest.mark.parametrize(("text", "name", "role"), [
    ("Ellen Varga promoted to housing secretary in mini-reshuffle", "Ellen Varga", "housing secretary"),
    ("Ellen Varga, a former barrister who has served as a Treasury minister since 2020, has been "
     "appointed housing secretary.", "Ellen Varga", "housing secretary"),
    ("Pennant's chair, Sir Hugh Alder, said the board was in talks.", "Hugh Alder", "chair"),
    ("Two people have died, Gauteng health MEC Nomsa Dlamini-Khoza said on Thursday.",
     "Nomsa Dlamini-Khoza", "health MEC"),
])
def test_the_post_is_read(text: str, name: str, role: str) -> None:
    assert any(m.name == name and m.role == role for m in extract_people(text)), extract_people(text)


@pytest.mark.parametrize(("question", "said"), [
    ("who's ellen varga", "housing secretary"),
    ("who is sir hugh alder", "chair"),
])
async def test_who_is_gives_the_post(week: Store, question: str, said: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.found and said in answer.headline, answer.headline
