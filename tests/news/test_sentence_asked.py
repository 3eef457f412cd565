""""How many years was X sentenced to" is answered by a sentence that tells a sentence (or a
jailing), not by the years of the crime a conviction's report gives ("diverted $3.4 million
over five years"). Hand-made items in a real SQLite store (found on the week savanna)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.news.figure_answers import _says_the_event
from digests.news.question import read_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (9, "Former county treasurer convicted of stealing public funds",
     "BOISE, Idaho, Mar 9 (Wire) - A jury in Boise on Wednesday found former county treasurer Dale Hollis "
     "guilty on 11 of the 14 counts he faced, including grand theft, after prosecutors said he diverted "
     "about $3.4 million from county accounts over five years. Hollis, 58, who resigned in 2020, will be "
     "sentenced in June. His lawyer said he would appeal."),
    (11, "Bookkeeper jailed", "Former bookkeeper Mara Quist was jailed for six years for stealing £2m."),
]


def test_the_years_of_a_crime_are_no_sentence() -> None:
    asked = read_question("How many years in prison was Dale Hollis sentenced to?", NOW.date())
    assert not _says_the_event(asked, "Prosecutors said he diverted $3.4 million over five years.")
    assert _says_the_event(asked, "Hollis was jailed for six years.")


async def test_no_sentence_yet(week: Store) -> None:
    answer = await answer_question(week, "How many years in prison was Dale Hollis sentenced to?", NOW)
    assert not answer.found, answer.headline


async def test_a_jailing_is_a_sentence(week: Store) -> None:
    answer = await answer_question(week, "How many years was Mara Quist sentenced to?", NOW)
    assert answer.headline.startswith("6 years"), answer.headline
