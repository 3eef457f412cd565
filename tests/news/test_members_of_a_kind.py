"""A "what X" question whose kind the lexicon lists (crimes, diseases, instruments, sports,
breeds) is answered by the members a sentence names in lower case or at a sentence's start: "what
crimes was X convicted of" by "wire fraud and money laundering", "what disease" by "cholera",
"what instrument" by "Sitar", "what breed" by "Staffordshire bull terrier". Nouns before the
member are part of it ("wire fraud"), an adjective is not ("elusive curling gold"); a phrase
aligned on the question's last words must name a member ("convicted of defrauding the town" says
what was done, not the crime). Read on hand-made items in a real SQLite store (found in the
twenty-fourth session on the weeks tundra and lagoon, and dev15)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (16, "Former Tarn mayor convicted of defrauding town water fund",
     "A federal jury on Friday convicted Dale Hutchens, the former mayor of Tarn, on seven of nine "
     "counts of wire fraud and money laundering for diverting $2.3 million from the water fund."),
    (17, "Cholera fears grow in cyclone-hit Beira",
     "Health officials warned on Tuesday of a high risk of cholera in Beira after the cyclone cut "
     "the city's water supply."),
    (18, "Sitar maestro Raghunath Sarangdev dies at 91",
     "Sitar maestro Pandit Raghunath Sarangdev, one of the leading exponents of the Maihar gharana, "
     "died at his home in Pune on Thursday."),
    (19, "Eve Muirhead targets elusive gold",
     "Eve Muirhead targets elusive curling gold at her fourth Winter Olympics."),
    (20, "Deaf dog learns sign language",
     "Rocco the Staffordshire bull terrier is learning the signs for good boy and walkies."),
    # words a member types, common in the news: "play", "sport"
    (12, "Wales to play Italy", "Wales will play Italy on Saturday, a big day for the sport."),
    (13, "Band to play Glastonbury", "The band will play Glastonbury, the sport of summer."),
    (14, "Rovers play on", "Rovers play Town next in a sport that never stops."),
    (15, "Orchestra to play in Leeds", "The orchestra will play in Leeds, the sport of kings aside."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("What crimes was Dale Hutchens convicted of?", "wire fraud and money laundering —"),
    ("What disease are health officials worried about in Beira after the cyclone?", "cholera —"),
    ("What instrument did Pandit Raghunath Sarangdev play?", "Sitar —"),
    ("what sport does eve muirhead play", "curling —"),
    ("what breed is rocco the deaf dog", "Staffordshire bull terrier —"),
])
async def test_the_members_named_lead(week: Store, question: str, expected: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith(expected), answer.headline
