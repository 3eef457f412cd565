"""Members' words of a week in April (found in the thirty-third session on the week tarn): a "dino"
is a dinosaur, and what was dug up was found. Hand-made items in a real SQLite store."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.news.member_phrases import in_news_words
from digests.store.core import Store

NOW = datetime(2022, 3, 12, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (8, "Meet Queensland's newest giant",
     "Palaeontologists have named a new species of long-necked dinosaur from bones found on a cattle "
     "station near Winton in central-west Queensland."),
]


def test_a_dino_is_a_dinosaur_and_what_is_dug_up_is_found() -> None:
    assert in_news_words("where'd they dig up new dino") == "where'd they found new dinosaur"


async def test_where_they_dug_up_the_dino(week: Store) -> None:
    answer = await answer_question(week, "where'd they dig up new dino", NOW)
    assert answer.headline.startswith("Winton —"), answer.headline
