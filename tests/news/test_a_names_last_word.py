"""A two-word name may be met by its last word alone when that word is written as a name ("his
coach Vajda" is Marian Vajda), never by the same word in lower case: "stole data from its systems"
does not name "Arvenna Systems", so a sentence of that item does not say where Arvenna is based
(found in the thirtieth session on the week valley). Read on hand-made items in a real SQLite
store."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.news.word_matching import has_name
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (15, "Kelbrook Building Society hack: what members need to know",
     "Kelbrook Building Society has written to 900,000 members after criminals stole personal data "
     "from its systems.\n\nThe Skipton-based society, which has 24 branches, said members should be "
     "alert to scam calls."),
    (16, "Airline ends contract with software supplier",
     "The airline said it had ended its contract with software supplier Torvane Systems after the "
     "outage that grounded its fleet."),
]


def test_a_last_word_in_lower_case_is_no_name() -> None:
    assert has_name("Marian Vajda", "his coach Vajda said")
    assert has_name("Torvane Systems", "a contract with Systems, as it is known")
    assert not has_name("Torvane Systems", "criminals stole personal data from its systems")


async def test_where_a_firm_is_based_is_not_another_firms_base(week: Store) -> None:
    answer = await answer_question(week, "Where is Torvane Systems based?", NOW)
    assert not answer.found, answer.headline
