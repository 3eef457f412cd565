"""A place typed in lower case is met by its people's word ("South African" for "south africa"),
which is no place to answer with; "how many of the trapped miners" counts miners; and people
who got out alive were rescued. Read on hand-made items in a real SQLite store (found in the
twenty-third session on the week tundra)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from digests.news.answers import answer_question
from digests.news.question import read_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (13, "11 miners trapped as water floods gold mine",
     "Eleven mineworkers are trapped about 1.2km underground after water flooded a section of Kgotla "
     "Mining's Tshiamo gold mine, the company said."),
    (15, "Nine miners rescued, two dead after South African gold mine flood",
     "Rescuers pulled five more miners alive from the flooded gold mine on Thursday, bringing the "
     "number rescued to nine, while the bodies of two workers were recovered."),
    (16, "Three killed in South African platinum mine rockfall",
     "Three workers were killed after a rockfall at a platinum mine near Rustenburg in North West "
     "province, the operator said."),
]


def test_how_many_of_the_ones_counted() -> None:
    asked = read_question("how many of the trapped gold miners got out alive", date(2022, 3, 20))
    assert asked.head == "miner"


async def test_people_who_got_out_alive_in_a_country_typed_in_lower_case(week: Store) -> None:
    question = "how many of the trapped gold miners in south africa got out alive"
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith("9"), answer.headline


async def test_a_countrys_people_are_no_place(week: Store) -> None:
    answer = await answer_question(week, "where's the platinum mine that collapsed in south africa", NOW)
    assert not answer.headline.startswith("South African"), answer.headline
