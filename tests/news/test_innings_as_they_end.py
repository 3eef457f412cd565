"""A batter's score as the innings ended, and a bowler's wickets in the whole match: a day's
scorecard ("Marlow 287-6 (K Asante 104, ...)") tells runs still being made, so the score of the
next days' report answers "how many did Asante end up with"; "match figures of 9-107" and "12 in
the match" answer "how many wickets did X take in the Test". Hand-made items in a real SQLite
store (found on the weeks tundra, steppe, orchard, delta and savanna)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.news.scorelines import innings_asked, innings_in, match_wickets_asked
from digests.store.core import Store

NOW = datetime(2022, 3, 12, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (2, "Asante hundred lifts Marlow on day one",
     "Marlow 287-6 (K Asante 104, D Reyes 58; P Okoro 3-71) v Castlebar. Kwame Asante made his third "
     "hundred as Marlow recovered from 41-3 on the opening day at the Riverside Oval."),
    (3, "Marlow post 334 before Castlebar reply",
     "Castlebar 151-3 (T Mwangi 71*) trail Marlow 334 (K Asante 131, D Reyes 58; P Okoro 4-88) by 183 "
     "runs. Asante added 27 to his overnight score before edging to slip."),
    (6, "Okoro's nine wickets not enough as Marlow win at the Riverside Oval",
     "Castlebar 281 & 227 lost to Marlow 334 & 248 by 74 runs. Peter Okoro finished with match figures "
     "of 9-160 for Castlebar, and Marlow seamer Ben Farrant took 5-49 in the second innings."),
    (9, "Galway spinner Lenihan takes 12 in the match",
     "Lenihan took the last three wickets to finish with 12 in the match as Galway beat Sligo by seven "
     "wickets at Castle Park."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("how many did asante end up with in marlow's first innings", "131 runs"),
    ("How many runs did Kwame Asante score against Castlebar?", "131 runs"),
    ("how many wickets did okoro take in the riverside oval test altogether", "9 wickets"),
    ("How many wickets did Lenihan take in the match against Sligo?", "12 wickets"),
])
async def test_the_score_as_it_ended(week: Store, question: str, expected: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith(expected), answer.headline


@pytest.mark.parametrize(("sentence", "runs", "unfinished"), [
    ("Marlow 287-6 (K Asante 104, D Reyes 58; P Okoro 3-71) v Castlebar", 104, True),
    ("Marlow 334 (K Asante 131, D Reyes 58; P Okoro 4-88)", 131, False),
    ("Marlow 402 & 145-4 dec (Asante 58*) v Castlebar 296", 58, True),
    ("Castlebar 61-2 (K Asante 33no)", 33, True),
    ("Kwame Asante struck an unbeaten 112 as Marlow reached 287 for 5.", 112, True),
    ("Marlow 412 & 198-6 dec (Asante 77, Reyes 40)", 77, False),
])
def test_runs_still_being_made(sentence: str, runs: int, unfinished: bool) -> None:
    asked = innings_asked("how many did asante finish with")
    assert asked is not None
    made = innings_in(asked, sentence)
    assert made is not None and (made.runs, made.unfinished) == (runs, unfinished)


def test_wickets_of_an_innings_are_not_the_matchs() -> None:
    assert match_wickets_asked("how many wickets did okoro take in the first innings") is None
    assert match_wickets_asked("how many wickets did okoro take in the test") == frozenset({"okoro"})
