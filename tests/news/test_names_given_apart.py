""""What hacker crew said they did the Hollinet breach": a crew, a gang or a syndicate is asked by
its name (not a hacker's), and "a group calling itself Amber Moth" gives it, whatever verb follows
the name, even in a sentence that writes none of the question's words (its item does); so does a
species' two words ("Rana hollisae, found in …"). "Named after Waipara farmer" names whom the name
honours, not the name; a novel's title keeps its article; "PUNE, India, Dec 19 (Wirename)" is the
wire that filed, no one's name. Read on hand-made items in a real SQLite store (found in the
thirty-fourth session: three weeks asked which group claimed a breach, in a member's words, and
the week loch asked for a species' name)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.news.asked_names import NAME, wanted
from digests.news.name_answers import name_given
from digests.news.question import read_question
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (4, "Breach at Hollinet hits 90,000 customers",
     "Broadband firm Hollinet said on Friday that the personal details of 90,000 customers were taken in a "
     "breach of its billing system. A hacking group calling itself Amber Moth claimed the attack on a "
     "leak site."),
    (7, "Gang claims Dunmore Telecom hack",
     "A criminal gang calling itself Corvane has claimed responsibility for the hack of Dunmore Telecom, "
     "the firm's chief executive, Ruth Callan, confirmed on Monday."),
    (5, "Storm cuts power to 40,000 homes",
     "Storm Edda cut power to 40,000 homes across the north on Saturday, the grid operator said."),
    (6, "Council approves new library",
     "Councillors in Ashby approved plans for a new library on Sunday after a two-hour debate."),
    (8, "Rail strike called off",
     "A rail strike planned for Thursday was called off after the union accepted a revised pay offer."),
    (9, "Kestrel Health says hackers took records of 40,000 patients",
     "Kestrel Health said on Wednesday that hackers had taken the records of 40,000 patients.\n\n"
     "A ransomware group calling itself Saltmoth has claimed responsibility."),
    (10, "Tiny tree frog from Western Ghats named after schoolteacher",
     "Researchers have described a new species of tree frog and named it after a retired schoolteacher.\n\n"
     "Raorchestes velankarae, about 1.8 cm long, was found on a tea estate near Munnar."),
    (11, "Author wins Bellfield prize",
     "Mira Castell has won the £30,000 Bellfield prize for fiction with The Glass Orchard, a novel about "
     "three sisters."),
]


async def test_a_crew_is_asked_by_its_name(week: Store) -> None:
    answer = await answer_question(week, "what hacker crew said they did the hollinet breach", NOW)
    assert answer.headline.startswith("Amber Moth"), answer.headline


async def test_a_gang_behind_a_hack(week: Store) -> None:
    answer = await answer_question(week, "whats the hacker crew behind dunmore called", NOW)
    assert answer.headline.startswith("Corvane"), answer.headline


def test_a_crew_or_a_gang_is_a_name_asked() -> None:
    for question in ("what hacker crew said they did the hollinet breach", "which criminal gang hit dunmore"):
        want = wanted(read_question(question, NOW.date()))
        assert want is not None and want.kind == NAME, want


def test_the_name_a_group_calls_itself_ends_at_its_verb() -> None:
    asked = read_question("what hacker crew said they did the hollinet breach", NOW.date())
    text = "A hacking group calling itself Amber Moth claimed the attack on Hollinet on a leak site."
    assert name_given(asked, text) == "Amber Moth"


async def test_a_name_given_by_a_sentence_of_the_item(week: Store) -> None:
    answer = await answer_question(week, "whats name of crew behind kestrel health hack", NOW)
    assert answer.headline.startswith("Saltmoth"), answer.headline


async def test_a_species_named_by_its_two_words(week: Store) -> None:
    answer = await answer_question(week, "whats scientific name they gave new tree frog", NOW)
    assert answer.headline.startswith("Raorchestes velankarae"), answer.headline


async def test_a_novels_title_keeps_its_article(week: Store) -> None:
    answer = await answer_question(week, "whats name of book that won the bellfield", NOW)
    assert answer.headline.startswith("The Glass Orchard"), answer.headline


def test_whom_a_name_honours_is_not_the_name() -> None:
    asked = read_question("whats the name they gave the new penguin", NOW.date())
    assert name_given(asked, "Giant fossil penguin named after Waipara farmer who found it") is None


def test_the_wire_that_filed_is_no_name() -> None:
    asked = read_question("whats name of guy arrested for the kestrel hack", NOW.date())
    text = "PUNE, India, Dec 19 (Palisade) - Indian police have arrested a former contractor of Kestrel."
    assert name_given(asked, text) != "Palisade"


def test_the_kind_asked_ends_at_its_head() -> None:
    """"whats name of 2nd satellite kea orbital put up": a satellite is asked, not "Kea Orbital"."""
    asked = read_question("whats name of 2nd satellite kea orbital put up", NOW.date())
    assert name_given(asked, "New Zealand's Kea Orbital reaches orbit on second try") is None
