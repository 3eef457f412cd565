"""A member's phrases for what news says in its own words: people "moved out" or "pulled out
alive" were evacuated or rescued, flights "axed" were cancelled, a ferry that "went under" sank,
details "nicked" in a hack were stolen in a breach. Read on hand-made items in a real SQLite
store (found in the nineteenth session's look at the weeks of other writing)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from digests.news.answers import answer_question
from digests.news.lexicon import family_of_lemma, lemma
from digests.news.member_phrases import in_news_words
from digests.news.question import read_question
from digests.store.core import Store

NOW = datetime(2022, 3, 31, 23, 0, tzinfo=UTC)
TODAY = date(2022, 3, 31)

ITEMS = [  # (day of March 2022, title, text)
    (10, "Mount Kerrow evacuees near 10,000 as ash falls",
     "The number of people evacuated from around Mount Kerrow rose to 9,800 on Sunday, officials said."),
    (12, "Northtown Airport outage cancelled 214 flights",
     "A fault in air traffic control systems at Northtown Airport led to the cancellation of 214 flights "
     "on Wednesday, the operator said."),
    (14, "Ferry capsizes on Lake Seabrook, at least nine dead",
     "A passenger ferry capsized on Lake Seabrook on Tuesday after it was overloaded, police said."),
    (16, "Portville Mobile says breach exposed data of 2.3 million customers",
     "Attackers accessed the names and addresses of about 2.3 million customers of Portville Mobile."),
    (18, "Ransomware crew Coldhook claims Portville Mobile hack", "The group demanded $8 million."),
    (20, "Severnside's Dalby to miss three matches after red card",
     "Severnside lock Owen Dalby has been banned for three matches for a high tackle, a panel ruled."),
    (21, "Nurses' strike hits Eastvale hospitals",
     "Eastvale Health has postponed 340 non-urgent elective surgeries that had been scheduled for "
     "Thursday because of the nurses' strike."),
    (23, "Tankers collide in Strait of Kerrow, spilling oil",
     "Two tankers collided in the Strait of Kerrow on Thursday, spilling crude oil, the port "
     "authority said."),
    (22, "Tarvania's government loses budget vote",
     "Tarvania's minority government lost a vote on its budget on Monday, with 118 deputies in the "
     "230-seat assembly voting against it."),
]


@pytest.mark.parametrize(("typed", "read_as"), [
    ("how many folks have been moved out from around mount kerrow", "people have been evacuated from"),
    ("how many were moved out of their homes", "were evacuated"),
    ("how many are still out of their homes after the cyclone", "still displaced after"),
    ("how many got pulled out alive after the ferry went under", "got rescued after the ferry sank"),
    ("why did the ferry flip over", "ferry capsized"),
    ("how many flights got axed cos of the atc glitch", "flights cancelled because of the air traffic "
                                                         "control glitch"),
    ("how many customers had their details nicked", "details stolen"),
    ("how much compo do the families get", "how much compensation do"),
    ("how many guys got stuck down that gold mine", "how many people were trapped down"),
    ("how many first prefs did carrigan get", "first preferences"),
])
def test_a_members_phrase_is_read_as_news_says_it(typed: str, read_as: str) -> None:
    assert read_as in in_news_words(typed)


@pytest.mark.parametrize("typed", [
    "how many jobs did the bank axe",  # a job is axed: cut, not cancelled
    "when did nick clegg leave",  # a name, not "nicked"
    "who pulled out of the race",  # withdrew, not rescued
    "when did he move out of london",  # moved house, not evacuated
])
def test_the_same_words_elsewhere_keep_their_meaning(typed: str) -> None:
    read = in_news_words(typed)
    assert not any(word in read for word in ("cancelled", "stolen", "rescued", "evacuated")), read


@pytest.mark.parametrize(("one", "other"), [
    ("info", "data"), ("details", "information"), ("hack", "breach"), ("cyberattack", "intrusion"),
    ("leaked", "exposed"), ("capsized", "sank"), ("glitch", "fault"), ("evacuees", "evacuated"),
    ("failure", "fault"), ("gang", "crew"), ("spot", "discoverer"), ("mps", "deputies"),
    ("parliament", "assembly"), ("games", "matches"), ("guys", "men"), ("ops", "surgeries"),
    ("work", "employs"), ("crash", "collided"), ("survived", "rescued"),
])
def test_news_words_of_one_family(one: str, other: str) -> None:
    assert lemma(other) in family_of_lemma(lemma(one))


def test_how_many_got_names_nothing_counted() -> None:
    assert read_question("how many got pulled out alive after the ferry sank", TODAY).head is None


@pytest.mark.parametrize(("question", "value"), [
    ("how many folks have been moved out from around mount kerrow", "9,800"),
    ("how many flights got axed at northtown airport cos of the atc glitch", "214"),
    ("how many customers had their info stolen in the portville mobile hack", "2.3 million"),
    ("how many games is dalby banned for", "3"),
    ("how many ops got called off cos of the eastvale nurses strike", "340"),
    ("how many mps voted against tarvania's budget", "118"),
])
async def test_a_figure_asked_in_a_members_words(week: Store, question: str, value: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.found and answer.headline.startswith(value), answer.headline


async def test_ships_that_collided_crashed(week: Store) -> None:
    answer = await answer_question(week, "where did the two tankers crash into each other", NOW)
    assert answer.found and answer.headline.startswith("Strait of Kerrow"), answer.headline


async def test_a_gang_is_a_crew(week: Store) -> None:
    question = "whats the name of the hacker gang behind the portville mobile hack"
    answer = await answer_question(week, question, NOW)
    assert answer.found and answer.headline.startswith("Coldhook"), answer.headline


async def test_a_cause_asked_in_a_members_words(week: Store) -> None:
    answer = await answer_question(week, "why did the ferry on lake seabrook flip over", NOW)
    assert answer.found and "overloaded" in answer.headline, answer.headline
