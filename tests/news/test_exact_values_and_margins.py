""""286 passengers" and "almost 300" told the same day are one value told exactly and roughly: the
exact one answers, as a turnout of 45.4% does before the wire's rounded 45%; and "won the
by-election by just 412 votes" or "takes Ashfold by 412 votes" is a margin, not the votes a
candidate won. Read on hand-made items in a real SQLite store (found in the thirty-fifth session on
the week bog)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (14, "Almost 300 passengers evacuated as fire hits Tern Bay ferry",
     "Almost 300 passengers were sent to muster stations after a fire broke out on board the Tern Bay."),
    (14, "Fire on Tern Bay ferry, no injuries reported",
     "A fire broke out on a ferry carrying 286 passengers and 40 crew, the coast guard said."),
    (15, "Greens take Ashfold by 412 votes",
     "Green candidate Mara Lowe won the Ashfold by-election by just 412 votes."),
    (15, "Ashfold by-election: the result",
     "Mara Lowe took 9,870 votes to 9,458 for the Conservative candidate, a majority of 412. Turnout "
     "was 45.4%."),
    (15, "Greens win Ashfold",
     "The turnout in the Ashfold by-election was 45%, and the Greens took the seat for the first time."),
]


async def test_the_exact_value_of_a_day_answers(week: Store) -> None:
    answer = await answer_question(
        week, "How many passengers were on board the Tern Bay when the fire broke out?", NOW)
    assert answer.headline.startswith("286 passengers"), answer.headline


async def test_the_exact_turnout_answers(week: Store) -> None:
    answer = await answer_question(week, "What was the turnout in the Ashfold by-election?", NOW)
    assert answer.headline.startswith("45.4%"), answer.headline


async def test_a_win_by_just_so_many_votes_is_a_margin(week: Store) -> None:
    answer = await answer_question(week, "How many votes did Mara Lowe win in the Ashfold by-election?", NOW)
    assert answer.headline.startswith("9,870 votes"), answer.headline
