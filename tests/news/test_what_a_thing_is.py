""""What is Norbury Re?" and "what does Quillon actually do?" ask what the thing named is: the
sentence that says it leads, an apposition ("Quillon, a London-based startup building AI agents
for legal work,") before the words right before the name ("Bermuda-based reinsurer Norbury
Re"), and the answer line leads with those words. Read on hand-made items in a real SQLite store
(found in the twenty-sixth session on the weeks quarry and ridge)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (14, "Dunmore Assurance soars on takeover interest",
     "Dunmore Assurance jumped 22pc to 76p after Halloran Re confirmed takeover talks.\n\n"
     "Bermuda-based reinsurer Halloran Re confirmed it was in talks about injecting up to £260m."),
    (15, "London AI startup Vellum raises $210M",
     "The round comes 11 months after Vellum's $48 million Series B.\n\n"
     "Vellum, a London-based startup building AI agents for legal and compliance work, has raised $210 "
     "million in a Series C round."),
]


async def test_the_words_before_the_name_say_what_it_is(week: Store) -> None:
    answer = await answer_question(week, "what is halloran re", NOW)
    assert answer.headline.startswith("Bermuda-based reinsurer — "), answer.headline


async def test_an_apposition_says_what_it_does(week: Store) -> None:
    answer = await answer_question(week, "what does vellum actually do", NOW)
    assert answer.headline.startswith("a London-based startup building AI agents for legal"), answer.headline
