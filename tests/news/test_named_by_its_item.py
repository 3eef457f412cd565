"""A sentence that tells what is asked without repeating the name its report is about ("The
strongest gust was recorded at Gwennap Head", in a report of Storm Hollis) is read as naming it,
a little below one that names it; not a sentence about someone else it names first ("Helen
Marchetti, a former barrister who has served … since 2024, has been appointed"). Found in the
thirtieth session on the week marsh. Read on hand-made items in a real SQLite store."""

from __future__ import annotations

from datetime import UTC, date, datetime

from digests.news.answers import answer_question
from digests.news.question import read_question
from digests.news.support import support_in_item
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (15, "Storm Kestrel leaves 90,000 homes without power",
     "More than 90,000 homes were left without electricity overnight as Storm Kestrel swept across "
     "south-west England and Wales, bringing gusts of up to 96mph.\n\nThe strongest gust was recorded "
     "at Pendeen Head, near St Just, shortly after 2am."),
    (16, "Reshuffle after housing minister quits",
     "Alastair Greaves, who has been MP for Ashwold since 2015, resigned as housing minister on "
     "Tuesday.\n\nHelen Marchetti, a former barrister who has served as exchequer secretary since "
     "2019, has been appointed in his place."),
]


async def test_a_detail_told_without_the_storms_name(week: Store) -> None:
    answer = await answer_question(week, "Where was the strongest gust of Storm Kestrel recorded?", NOW)
    assert answer.headline.startswith("Pendeen Head"), answer.headline


def test_not_a_sentence_led_by_someone_else() -> None:
    asked = read_question("Since when has Alastair Greaves been an MP?", date(2022, 3, 20))
    led = ("Helen Marchetti, a former barrister who has served as an MP since 2019, has been appointed "
           "in his place.")
    plain = "A former barrister who has served as an MP since 2019 has been appointed in his place."
    context = f"Alastair Greaves resigned as housing minister on Tuesday. {led}"
    rarity = {t: 3.0 for t in asked.terms}
    assert support_in_item(asked, led, context, rarity) < support_in_item(asked, plain, context, rarity)
