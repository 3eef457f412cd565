"""A member's words for what news writes otherwise, found in the thirty-fourth session on the week
loch: "unvaxxed" kids, a train that "came off the rails", a typhoon that "hit land", a country
"chipping in", the "top break", a crook "getting his punishment", people asking for "more time",
burglars who "nick" things, talks that "kick off", the crew "behind" a hack. The same words
elsewhere keep their meaning (a waterspout that came ashore made no landfall; a top court is no
highest one)."""

from __future__ import annotations

import pytest

from digests.news.member_phrases import in_news_words


@pytest.mark.parametrize(("typed", "read_as"), [
    ("how many unvaxxed kids were sent home", "unvaccinated kids"),
    ("how fast was the train going when it came off the rails", "when it derailed"),
    ("when did the typhoon actually hit land", "typhoon made landfall"),
    ("how much is nz chipping in for the philippines", "is New Zealand giving for"),
    ("where does kea orbital fire its rockets from", "launch its rockets from"),
    ("whats the top break at the crucible so far", "the highest break"),
    ("when's the pension crook getting his punishment", "pension crook sentenced"),
    ("how many ppl asked the irs for more time", "asked the irs for an extension"),
    ("what did burglars nick from the museum", "burglars steal from"),
    ("when do the acas talks kick off", "talks start"),
    ("whats the name of the crew behind the oriel hack", "crew responsible for the oriel hack"),
    ("where's the last windies game", "last West Indies game"),
])
def test_a_members_phrase_is_read_as_news_says_it(typed: str, read_as: str) -> None:
    assert read_as in in_news_words(typed)


@pytest.mark.parametrize(("typed", "kept"), [
    ("where did the waterspout come ashore", "come ashore"),
    ("which top court heard the case", "top court"),
    ("what did nick clegg say", "nick clegg"),
])
def test_the_same_words_elsewhere_keep_their_meaning(typed: str, kept: str) -> None:
    assert kept in in_news_words(typed).casefold()
