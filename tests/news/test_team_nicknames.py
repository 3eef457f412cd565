"""National teams go by nicknames in sports writing: "the Proteas beat Sri Lanka by 119 runs" is
South Africa's win, "the All Blacks" are New Zealand. A question naming the country is met by a
report that names the team so, and not by one about another country. Read on hand-made items in
a real SQLite store (found in the twenty-fourth session on the week tundra)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.news.word_matching import has_name
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (16, "Nkosi stars as Proteas win first Test",
     "Fast bowler Lwazi Nkosi took four wickets as the Proteas beat Sri Lanka by 119 runs at "
     "Kingsmead to take a 1-0 lead in the two-Test series."),
    (17, "Wallabies edge Pumas", "The Wallabies beat Argentina by three points in Perth."),
]


def test_a_team_is_its_country() -> None:
    assert has_name("South Africa", "the Proteas beat Sri Lanka")
    assert has_name("New Zealand", "The All Blacks won in Cardiff.")
    assert not has_name("South Africa", "The Wallabies beat Argentina.")


async def test_a_question_naming_the_country_meets_the_team(week: Store) -> None:
    question = "By how many runs did South Africa beat Sri Lanka at Kingsmead?"
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith("119 runs"), answer.headline
