"""Where the market priced a share ("fell 18pc to 94p", "finished at 261p") and the move itself
("jumped 22pc") answer only a question about the shares: a fine, a profit or an offer is another
sum, and without one stored the answer is "I don't know". Read on hand-made items in a real
SQLite store (found in the twenty-fourth session on the weeks quarry, ridge and tundra)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (16, "Quillon tumbles 18pc after cyber breach hits 2.1m customers",
     "Shares in digital lender Quillon fell 18pc to 94p after it disclosed that hackers had stolen "
     "personal data. Analysts warned the company could face a fine of up to 4pc of global turnover."),
    (17, "Harbury warns on profit",
     "Harbury warned that it would make an annual pre-tax profit of about £84.6m, down from £97m."),
    (18, "Harbury shares jump as profit warning is milder than feared",
     "Harbury jumped 22pc to 406p after its annual pre-tax profit warning."),
    (18, "Markets round-up",
     "Marlow Precision finished at 261p after Kanto Industri confirmed its interest in a bid."),
]


async def test_a_share_price_is_no_fine(week: Store) -> None:
    answer = await answer_question(week, "how big a fine did quillon get hit with", NOW)
    assert not answer.found, answer.headline


async def test_a_share_price_is_no_offer(week: Store) -> None:
    answer = await answer_question(week, "How much did Kanto Industri offer for Marlow Precision?", NOW)
    assert not answer.found, answer.headline


async def test_the_profit_not_the_price_or_the_move(week: Store) -> None:
    answer = await answer_question(week, "What annual pre-tax profit did Harbury warn it would make?", NOW)
    assert answer.headline.startswith("about £84.6 million"), answer.headline


async def test_the_price_when_the_shares_are_asked(week: Store) -> None:
    answer = await answer_question(week, "what did quillon shares fall to", NOW)
    assert answer.headline.startswith("94p"), answer.headline
