"""A work is named after the word its news calls it by, which need not be the question's: "which
album won" is answered by "her second record, Low Tide Hymns", "what book" by "her collection
Tidewrack", "what film" by "The Harbour Keeper's Daughter, a Danish drama, has won". A song is
not an album: "what song did they play" is not answered by the album's name. Read on hand-made
items in a real SQLite store (found in the twenty-second session on the weeks lagoon, valley and
fjord)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (2, "Ashcombe Prize goes to poet Ivy Marwood",
     "Poet Ivy Marwood has won the £30,000 Ashcombe Prize for her collection Saltmarsh, about "
     "growing up on the Essex coast."),
    (3, "Singer-songwriter wins Beacon Prize",
     "The Devon singer-songwriter Tamsin Reyes has won the 2022 Beacon Prize for album of the year "
     "with her second record, Quiet Harbour Songs, beating the favourites."),
    (4, "Danish drama wins at Scarby festival",
     "The Harbour Keeper's Daughter, a Danish drama directed by Freja Holm, has won the Silver Tern "
     "for best film at the Scarby International Film Festival."),
    (5, "Darwin duo win the Kestrel Music Prize",
     "Darwin duo Banksia Road have won the $30,000 Kestrel Music Prize for their second album, Dry "
     "Creek Hymns. The duo played a short set at the prize night."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("whats the name of the book that won the ashcombe prize", "Saltmarsh"),
    ("Which album won the 2022 Beacon Prize?", "Quiet Harbour Songs"),
    ("what film won the silver tern at scarby", "The Harbour Keeper's Daughter"),
])
async def test_the_work_is_named(week: Store, question: str, expected: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith(f"{expected} —"), answer.headline


async def test_a_song_is_not_an_album(week: Store) -> None:
    answer = await answer_question(week, "what song did banksia road play at the kestrel prize night", NOW)
    assert not answer.headline.startswith("Dry Creek Hymns"), answer.headline
