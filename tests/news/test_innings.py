"""A batter's runs, and a margin asked "how much did X win by", are read as cricket writes them:
"Ollie Pascoe made an unbeaten 127", "Harry Penhallow struck 143", "Gunasekara's 163 gives Sri
Lanka a lead", a scorecard's "(Gunasekara 163, Perera 88, Alleyne 4-102)"; not a bowler's "took 5
for 71" nor a total's "388 for six". Read on hand-made items in a real SQLite store (found in the
twenty-second session on the weeks lagoon, cove, estuary, quarry, orchard, ridge and glacier)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.news.scorelines import innings_asked, innings_in
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (2, "Pascoe's unbeaten 127 guides Tasmania home in Shield thriller",
     "Wicketkeeper Ollie Pascoe made an unbeaten 127 as Tasmania chased down 311 with two wickets to "
     "spare on the final day of their Sheffield Shield match against Victoria in Hobart."),
    (4, "Tasmania win Spring Cup final by 46 runs", "Tasmania made 287 for 6 and then bowled Queensland "
     "out for 241 to win the Spring Cup final in Hobart by 46 runs."),
    (3, "Penhallow's century puts Wealdshire in command",
     "Captain Harry Penhallow struck 143 as Wealdshire closed the opening day on 388 for six against "
     "Northmoor at the Priory Ground. Seamer Tom Frayne took 5 for 71."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("How many runs did Ollie Pascoe score against Victoria?", "127 runs"),
    ("how many did penhallow make against northmoor", "143 runs"),
])
async def test_the_batters_runs(week: Store, question: str, expected: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith(expected), answer.headline


@pytest.mark.parametrize(("sentence", "runs"), [
    ("Sri Lanka 447 (Gunasekara 163, Perera 88, Alleyne 4-102) v West Indies 318", 163),
    ("Gunasekara's 163 gives Sri Lanka a 129-run lead", 163),
    ("Lahiru Gunasekara took 5 for 71 and then hit 4 sixes.", None),
])
def test_an_innings_as_cricket_writes_it(sentence: str, runs: int | None) -> None:
    asked = innings_asked("how many did gunasekara make in the first innings")
    assert asked is not None
    made = innings_in(asked, sentence)
    assert (made.runs if made else None) == runs


@pytest.mark.parametrize("question", [
    "how much did tasmania win the spring cup final by",
    "how much did tassie win the spring cup final by",
])
async def test_a_margin_asked_how_much(week: Store, question: str) -> None:
    """"How much did X win by" asks the margin, as "by how many" does; "tassie" is Tasmania."""
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith("46 runs"), answer.headline
