"""Crimes are named in lower case: "what crimes was X convicted of" is met by "counts of wire fraud
and money laundering" (a crime is a kind whose members the lexicon lists), and an answer aligned
on the question's last words must name one ("convicted of defrauding the town" says what was
done, not the crime). Read on hand-made items in a real SQLite store (found in the twenty-fourth
session on the week tundra)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (16, "Former Tarn mayor convicted of defrauding town water fund",
     "A federal jury on Friday convicted Dale Hutchens, the former mayor of Tarn, on seven of nine "
     "counts of wire fraud and money laundering for diverting $2.3 million from the water fund."),
]


async def test_a_crime_named_in_lower_case(week: Store) -> None:
    answer = await answer_question(week, "What crimes was Dale Hutchens convicted of?", NOW)
    assert "wire fraud" in answer.headline, answer.headline

