"""Match results read for the side asked about: "how many did Chelsea put past Leicester" from
"Leicester 0-9 Chelsea", margins from "a 4-0 defeat by Tottenham", on hand-made sentences and on a
real SQLite store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from digests.news.answers import answer_question
from digests.news.member_phrases import in_news_words
from digests.news.scorelines import margins_in, results_in, score_asked, score_of
from digests.runtime.workers import WorkerPool
from digests.store.core import Store

from builders import enriched_store

NOW = datetime(2022, 3, 31, 23, 0, tzinfo=UTC)


def _score(question: str, sentence: str) -> list[int | None]:
    asked = score_asked(in_news_words(question))
    assert asked is not None
    return [score_of(asked, result) for result in results_in(sentence)]


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    ("how many did chelsea women put past leicester",
     "WSL highlights: Leicester 0-9 Chelsea - champions go top", 9),
    ("how many goals did leicester concede against chelsea", "Leicester 0-9 Chelsea", 9),
    ("how many goals did man utd score in that win at leeds",
     "Sancho's performance after Manchester United's 4-2 victory over Leeds United.", 4),
    ("how many goals did leeds score against man utd",
     "Sancho's performance after Manchester United's 4-2 victory over Leeds United.", 2),
    ("how many goals did leeds lose by to spurs",
     "Bielsa's tactics after his side's 4-0 defeat by Tottenham.", 4),
    ("how many did china score vs the gb curling team",
     "hopes fade after slipping to a shock 8-4 loss to China.", 8),
    ("how many goals did salzburg score against bayern",
     "Bayern Munich thrash Red Bull Salzburg 7-1 in Munich", 1),
    ("how many goals did brentford score against chelsea", "Brentford lost 4-1 to Chelsea at home", 1),
])
def test_the_side_asked_about_is_read_from_the_scoreline(question: str, sentence: str, expected: int) -> None:
    assert _score(question, sentence) == [expected]


@pytest.mark.parametrize(("sentence", "margins"), [
    ("Nat Sciver strikes a century in England's 109-run World Cup warm-up win against Bangladesh.", [109]),
    ("Australia beat Pakistan by seven wickets in Mount Maunganui.", []),  # a margin in words: not read
    ("Australia beat Pakistan by 7 wickets in Mount Maunganui.", [7]),
])
def test_a_winning_margin_is_read(sentence: str, margins: list[int]) -> None:
    assert [n for n, _ in margins_in(sentence)] == margins


def test_by_how_many_asks_a_margin_against_the_side_named() -> None:
    asked = score_asked("by how many runs did England women beat Bangladesh in the world cup warm-up")
    assert asked is not None and asked.margin and asked.opponent == frozenset({"bangladesh"})


def test_a_two_legged_aggregate_is_not_a_match_score() -> None:
    assert results_in("Bayern Munich thrash Red Bull Salzburg 6-2 on aggregate") == []


@pytest.mark.parametrize("question", [
    "how many medals did britain win",  # a count, not a margin
    "how many people did the police hit",  # no match named
    "how many goals has salah scored",  # a tally, not one match
])
def test_only_a_match_question_is_read_as_one(question: str) -> None:
    assert score_asked(in_news_words(question)) is None


def test_a_scoreline_naming_neither_side_asked_says_nothing() -> None:
    assert _score("how many goals did everton score against wolves", "Leicester 0-9 Chelsea") == [None]


def test_a_long_text_is_read_only_around_its_scorelines() -> None:
    """Each scoreline is read in a window of its own, and a side is a few words at most: a
    hostile text of thousands of capitalised words around a score is read as a short result
    (whole-text patterns took tens of seconds on such a text)."""
    hostile = "Leeds " * 8000 + "4-0 defeat by" + " Tottenham" * 8000
    found = results_in(hostile)
    assert len(found) == 1 and found[0].second_score == 4
    assert len(found[0].said) < 200


ITEMS = [
    (27, "WSL highlights: Leicester 0-9 Chelsea - champions go top of table",
     "Watch highlights as Chelsea go top of the Women's Super League after thrashing Leicester."),
    (20, "Match of the Day 2 analysis: Jadon Sancho 'showing how good he is'",
     "Jonathan Woodgate looks at Jadon Sancho's performance after Manchester United's 4-2 victory "
     "over Leeds United."),
]


@pytest.fixture
async def sport(tmp_path: Path, workers: WorkerPool) -> AsyncIterator[Store]:
    store = await enriched_store(tmp_path / "sport.db", workers, "sport.example", NOW, ITEMS)
    yield store
    await store.close()


async def test_a_member_asking_a_score_gets_the_side_s_goals(sport: Store) -> None:
    answer = await answer_question(sport, "how many did chelsea women put past leicester", NOW)
    assert answer.found and answer.headline.startswith("9: Leicester 0-9 Chelsea")
    answer = await answer_question(sport, "how many goals did man utd score in that win at leeds", NOW)
    assert answer.found and answer.headline.startswith("4 goals: Manchester United's 4-2 victory")


async def test_a_match_not_stored_is_not_answered_from_another(sport: Store) -> None:
    answer = await answer_question(sport, "how many goals did everton put past wolves", NOW)
    assert not answer.found
