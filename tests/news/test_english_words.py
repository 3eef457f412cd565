"""The optional English word list (wordfreq): a question word the stored news never uses is a
member's ordinary word when English uses it often, and may name something not stored when it
does not. Without the package (the default install) every such rare word still must be met."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from digests.news import english
from digests.news.lexicon import lemma
from digests.news.question import read_question
from digests.news.support import lowercase_names

TODAY = date(2022, 3, 31)
SENTENCES = ["Mary J Blige wore 10,000 Swarovski crystals at the half-time show."]
RARE = {lemma("outfit"): 8.0, lemma("crystal"): 6.0, lemma("blige"): 7.5}
ASKED = read_question("how many crystals were on mary j blige's super bowl outfit", TODAY)


@pytest.fixture
def no_word_list(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(english, "zipf_frequency", None)
    english.is_common_word.cache_clear()
    yield
    english.is_common_word.cache_clear()


def test_without_the_word_list_a_rare_absent_word_must_be_met(no_word_list: None) -> None:
    assert not english.has_word_list()
    assert not english.is_common_word("outfit")
    assert lemma("outfit") in lowercase_names(ASKED, SENTENCES, RARE)


@pytest.mark.skipif(not english.has_word_list(), reason="the optional wordfreq package is not installed")
def test_with_the_word_list_an_everyday_word_is_a_members_paraphrase() -> None:
    english.is_common_word.cache_clear()
    assert english.is_common_word("outfit") and english.is_common_word("basket")
    assert not english.is_common_word("holodomor") and not english.is_common_word("neom")
    assert lemma("outfit") not in lowercase_names(ASKED, SENTENCES, RARE)
    project = read_question("what was amazon's secret project iliad about", TODAY)
    assert lemma("iliad") in lowercase_names(project, ["Amazon's secret project made Prime hard to leave."],
                                              {lemma("iliad"): 8.0, lemma("amazon"): 5.0})
