"""Where someone was born and where they died are two places: "where was she born" is answered by
an obituary's "Born in Ballarat, Victoria, she studied physics", not by "has died in Hobart";
"where did he die" is not answered by "who was born in Saltmouth and has died at 81". Read on
hand-made items in a real SQLite store (found in the twenty-second session on the weeks glacier
and fjord)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (3, "Pioneering glaciologist Margaret Ellwood dies at 88",
     "Margaret Ellwood, the glaciologist who led 11 Antarctic expeditions, has died in Hobart aged 88."),
    (3, "Margaret Ellwood, who mapped the flow of the Lambert Glacier, dies at 88",
     "Margaret Ellwood, an emeritus professor at the Hobart Institute of Polar Science, showed in the "
     "1980s that the Lambert Glacier moves up to 1.2 kilometres a year near its mouth."),
    (4, "Margaret Ellwood obituary",
     "Margaret Ellwood, who has died aged 88, was an Australian glaciologist whose measurements changed "
     "the understanding of the East Antarctic ice sheet. Born in Ballarat, Victoria, she studied physics "
     "at the University of Melbourne before joining her first Antarctic expedition in 1962."),
    (6, "Zoo celebrates rare okapi calf", "A rare okapi calf was born at the city zoo on Sunday, "
     "the first born there in ten years."),
    (7, "Five-legged lamb born in Devon", "A lamb born with five legs at a Devon farm is doing well."),
    (5, "Tributes to jazz pianist Con Ashby",
     "Tributes have been paid to the jazz pianist Con Ashby, who was born in Saltmouth and has died at "
     "the age of 81. He died peacefully at his home in Bath on Tuesday, his family said."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("where was margaret ellwood born", "Ballarat"),
    ("Where did Con Ashby die?", "Bath"),
])
async def test_birth_and_death_have_their_own_places(week: Store, question: str, expected: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith(f"{expected} —"), answer.headline
