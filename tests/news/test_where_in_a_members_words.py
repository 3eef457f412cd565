"""Where-questions in a member's words, on hand-made items in a real SQLite store (found in the
thirty-first session on the week dune): "where's Corvell from" asks where a firm is based
("Corvell, based in Basel"); a bouncer "got knifed" where news says a doorman was stabbed; "the
guy" killed is the man news tells of, not someone named Guy."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (7, "Corvell weighs bid for Harlow Biscuits",
     "Swiss snacks group Corvell confirmed it is considering a possible cash offer for Harlow "
     "Biscuits. Corvell, based in Basel, said there was no certainty an offer would be made."),
    (8, "Man jailed for Exeter nightclub stabbing",
     "A 24-year-old man who stabbed a doorman outside a nightclub on Fore Street in Exeter has "
     "been jailed for 12 years."),
    (9, "Storm Idris: driver killed as gusts reach 90mph",
     "A man in his fifties died when a tree fell on his van on the A66 near Keswick overnight, "
     "police said."),
]


async def test_where_a_firm_is_from_is_where_it_is_based(week: Store) -> None:
    answer = await answer_question(week, "where's corvell from", NOW)
    assert answer.headline.startswith("Basel"), answer.headline


async def test_a_knifed_bouncer_is_a_stabbed_doorman(week: Store) -> None:
    answer = await answer_question(week, "where did that bouncer get knifed", NOW)
    assert answer.headline.startswith("Exeter") or answer.headline.startswith("Fore Street"), answer.headline


async def test_the_guy_is_the_man_news_tells_of(week: Store) -> None:
    answer = await answer_question(week, "where was guy killed when tree hit his van", NOW)
    assert answer.headline.startswith("Keswick") or answer.headline.startswith("A66"), answer.headline
