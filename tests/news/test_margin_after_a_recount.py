""""By how many votes did Hinrichs win after the recount?": "her margin … shrank from 27 votes to
19" and "margin narrows to 19 votes" give a margin as much as "won by 19 votes" does; and "a
recount confirmed X as the winner" names X as the winner, not as the source of the figures.
Read on hand-made items in a real SQLite store (found in the twenty-sixth session on the week
delta)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.news.figures import extract_figures
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (14, "Recount set in District 12 race after 27-vote margin",
     "The state will conduct a recount Thursday in District 12, where Sen. Tom Berg trailed challenger "
     "Marla Hendry by 27 votes out of more than 15,800 cast."),
    (18, "Recount confirms Hendry win in District 12; margin narrows to 19 votes",
     "A recount completed Thursday confirmed Marla Hendry as the winner of the District 12 race, though "
     "her margin over Sen. Tom Berg shrank from 27 votes to 19."),
]


def test_the_one_confirmed_as_winner_is_no_source() -> None:
    found = extract_figures("A recount on Thursday confirmed Marla Hendry as the winner, though her "
                            "margin shrank from 27 votes to 19.", NOW)
    assert [f.source for f in found] == [None, None]


async def test_a_margin_that_narrows_to_a_value_is_a_margin(week: Store) -> None:
    answer = await answer_question(
        week, "By how many votes did Marla Hendry win after the District 12 recount?", NOW)
    assert answer.headline.startswith("19 "), answer.headline
