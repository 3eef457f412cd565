"""Words a question puts after a name to say what it is ("the Irish Open golf tournament", "the
Halcyon spacecraft") need not be in the report that names it: "the Irish Open, which starts on
Thursday at the K Club in County Kildare" answers where the golf tournament was played. What is
a name's own ("Carrow's last film") is still asked for. Read on hand-made items in a real SQLite
store (found in the twenty-fourth session on the week quarry)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.news.question import read_question
from digests.news.support import SUPPORTED, support
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (14, "Halvorsen and Ashdown lead field for Irish Open",
     "Sweden's Lukas Halvorsen and England's Tom Ashdown lead a 156-man field for the Irish Open, which "
     "starts on Thursday at the K Club in County Kildare."),
    (15, "Open golf tournament entries rise", "Entries for the club's open golf tournament rose again."),
    (16, "Golf tournament on television", "The golf tournament will be shown live on Sunday."),
]


async def test_a_kind_after_a_name_is_not_required(week: Store) -> None:
    answer = await answer_question(week, "Where was the Irish Open golf tournament played?", NOW)
    assert answer.headline.startswith(("K Club", "County Kildare")), answer.headline


def test_what_is_a_names_own_is_still_asked() -> None:
    """"Carrow's last film" asks for the film: an obituary that names no film covers little of it."""
    asked = read_question("What was Sir Desmond Carrow's last film?", NOW.date())
    rarity = {"sir": 4.8, "desmond": 5.0, "carrow": 5.0, "last": 3.8, "film": 6.2}
    text = "Sir Desmond Carrow, the actor best known for the television series Wakeling, has died aged 88."
    assert support(asked, text, rarity) < SUPPORTED
