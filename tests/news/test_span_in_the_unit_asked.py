""""How many years did she get" is not answered by the hours a jury took: a span answers in the
unit of time asked or the next one ("18 months" for years), not further off; nor by the most she
"faces" ("faces up to 10 years in prison on each count") before she is sentenced (found in the
thirtieth session on the weeks prairie, moor and marsh). Read on hand-made items in a real SQLite
store."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (16, "Solar firm founder convicted of fraud",
     "Maren Holt, the founder of Brightfield Solar, was found guilty of four counts of fraud after a "
     "jury at Leeds Crown Court deliberated for just over 19 hours. She will be sentenced in May."),
    (17, "Bookkeeper jailed over council theft",
     "Dorran Pike, a former bookkeeper who stole from Ashwell council, was jailed for 18 months at "
     "Bristol Crown Court on Thursday."),
    (18, "Fund manager convicted of fraud",
     "Marcus Fenwick, 47, faces up to 10 years in prison on each of five counts. He will be sentenced "
     "in May."),
    (18, "Payments firm faces shortfall",
     "Customers of the failed payments firm Kestrix face a £61 million shortfall, its administrators said."),
]


async def test_hours_of_a_jury_are_no_sentence_in_years(week: Store) -> None:
    answer = await answer_question(week, "how many years did maren holt get", NOW)
    assert not answer.found, answer.headline


async def test_months_may_answer_for_years(week: Store) -> None:
    answer = await answer_question(week, "How many years did Dorran Pike get?", NOW)
    assert answer.headline.startswith("18 months"), answer.headline


async def test_the_most_a_court_may_give_is_no_sentence(week: Store) -> None:
    answer = await answer_question(week, "How many years in prison was Marcus Fenwick sentenced to?", NOW)
    assert not answer.found, answer.headline
    answer = await answer_question(week, "How many years in prison does Marcus Fenwick face?", NOW)
    assert answer.headline.startswith("up to 10 years"), answer.headline


async def test_a_sum_faced_is_a_sum(week: Store) -> None:
    answer = await answer_question(week, "how big is the shortfall for kestrix customers", NOW)
    assert answer.headline.startswith("£61 million"), answer.headline
