"""More of what other outlets' writing showed (bench/scenario_harbour): names given after
"nicknamed" or before a word of the same family ("Halcyon spacecraft" for "the probe"), a
day to come that is next year's, where a thing was taken from, a sentence that calls what is
asked "her", an age written after "grandad,", and a member's "nick" and "let … go". Hand-made
items in a real SQLite store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from digests.news.answers import answer_question
from digests.news.dates import dates_in
from digests.news.extracts import age_in
from digests.news.figures import extract_figures, format_value
from digests.news.loose_roles import role_near
from digests.news.member_phrases import in_news_words
from digests.news.people import extract_people
from digests.runtime.workers import WorkerPool
from digests.store.core import Store

from builders import enriched_store

NOW = datetime(2022, 3, 31, 23, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (8, "Two men jailed over rare whisky theft",
     "Two men were jailed on Tuesday for stealing rare whisky from a bonded warehouse in Speyside, "
     "Scotland."),
    (9, "Former mayor convicted of taking bribes in towing scheme",
     "A federal jury found former mayor Raymond Kessel guilty of bribery. Sentencing is set for January 15."),
    (10, "Seal pup found beside trolley bay at a supermarket",
     "The pup, nicknamed Pebble by staff, was taken to a rescue centre in Northumberland."),
    (15, "Pebble the seal pup piling on the pounds at rescue centre",
     "Carers hope to release her back into the North Sea off Seaham before Christmas."),
    (11, "Carmaker Vantor to cut 2,300 jobs at car plant",
     "The carmaker says it will move battery pack assembly to Slovakia."),
    (12, "Halcyon: Europe's asteroid sampler is ready for launch",
     "ESA's Halcyon spacecraft is due to lift off on an Ariane 6 rocket from Kourou on Wednesday."),
    (13, "Washington grandad, 71, set for 100th marathon in Chicago",
     "Retired welder Alan Brickley will complete a century of marathons."),
    (21, "Portville dockers delay walkout",
     "PORTVILLE, Mar 21 (Wire) - The union postponed the dock strike, which will now begin on Tuesday."),
    (23, "Harbour Lines to close offices and cut 300 jobs",
     "LISBON, Mar 23 (Wire) - Shares of Harbour Lines rose 3% on Wednesday after it said it would "
     "cut costs."),
    (24, "Building collapse in Northtown kills eight",
     "A building collapsed in Northtown on Tuesday, killing at least eight people."),
    (27, "Ridge bushfire under control", "The Ridge bushfire was declared under control on Sunday after "
     "burning 19,200 hectares."),
    (28, "Northtown council tax to rise", "Northtown council tax bills will rise by 4.99% from April under "
     "budget proposals published on Monday. Councillors will vote on the budget on 19 April."),
    (16, "Kerrow landslide toll rises to 23",
     "The death toll from landslides in Kerrow rose to 23 on Wednesday."),
    (17, "Kerrow landslides: rescuers find more bodies",
     "The number of people killed in the Kerrow landslides has risen to 38, officials said."),
    (18, "Kerrow: search for landslide missing scaled back", "Authorities have scaled back the search for "
     "nine people still missing after the Kerrow landslides. The confirmed death toll stands at 41."),
    (19, "Kerrow counts the cost of the floods", "The number of Kerrow homes flooded by the storm has been "
     "revised up to 146, the council said."),
    (20, "Smart glasses maker Lumora recalls 38,000 pairs", "Smart glasses maker Lumora is recalling about "
     "38,000 pairs of its glasses sold in Canada."),
    (20, "Fennick Robotics raises $410m", "Boston-based Fennick Robotics has raised $410 million."),
    (21, "New Kerrow footbridge approved",
     "A new £9.6m footbridge linking the wharf to the harbourside has been approved by the council."),
    (30, "Singer Ava Stone cancels two stadium concerts",
     "Ava Stone has cancelled her two stadium concerts, which were due to take place on Saturday."),
    (22, "Portville dockers to vote on new offer",
     "Dock workers at Portville will vote on an improved pay offer of 6.2% after talks on Monday."),
]


@pytest.fixture
async def week(tmp_path: Path, workers: WorkerPool) -> AsyncIterator[Store]:
    store = await enriched_store(tmp_path / "week.db", workers, "wearside.example", NOW, ITEMS)
    yield store
    await store.close()


@pytest.mark.parametrize(("question", "lead"), [
    ("what did the supermarket staff call the seal", "Pebble"),
    ("What is the name of ESA's asteroid probe?", "Halcyon"),
    ("where did they nick the whisky from", "Speyside"),
    ("where are they gonna let pebble the seal go", "Seaham"),
    ("where's vantor shifting the battery work to", "Slovakia"),
    ("When will Raymond Kessel be sentenced?", "Sunday 15 January 2023"),
    ("how old is the washington grandad set for his 100th marathon", "71 years old"),
    ("when will the portville dock strike begin", "Tuesday 22 March"),  # not the wire's dateline
    ("when do northtown councillors vote on the budget", "Tuesday 19 April"),
    ("whats the latest death toll from the kerrow landslides", "41 "),  # its item says where
    ("how many homes got flooded in kerrow", "146 "),  # what was revised up to 146
    ("where is fennick robotics based", "Boston"),
    ("whats the improved pay offer the portville dockers are voting on", "improved pay offer of 6.2%"),
])
async def test_the_answer_line_leads_with_what_is_asked(week: Store, question: str, lead: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.found and answer.headline.startswith(lead), answer.headline


@pytest.mark.parametrize("question", [
    "where is harbour lines closing offices",  # the dateline says where the wire filed from
    "how many people were injured in the northtown building collapse",  # "killing at least eight people"
    "When did the Ridge bushfire start?",  # "declared under control on Sunday"
    "where is lumora based",  # where its glasses were sold is not where it is based
    "What will the new Kerrow footbridge be called?",  # a name is asked; none is given
    "When will Ava Stone's cancelled concerts be rescheduled to?",  # only the cancelled days are given
])
async def test_what_the_news_does_not_say_is_not_answered(week: Store, question: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert not answer.found, answer.headline


async def test_a_dateline_answers_where_when_its_sentence_tells_the_event(week: Store) -> None:
    answer = await answer_question(week, "where did harbour lines shares rise", NOW)
    assert answer.found and answer.headline.startswith("LISBON"), answer.headline


def test_a_day_to_come_more_than_a_month_gone_this_year_is_next_years() -> None:
    assert [day for _, day in dates_in("Sentencing is set for January 15.", date(2022, 10, 9))] \
        == [date(2023, 1, 15)]
    assert [day for _, day in dates_in("He was sentenced on January 15.", date(2022, 10, 9))] \
        == [date(2022, 1, 15)]


def test_a_weekday_still_to_come() -> None:
    sunday = date(2026, 1, 25)
    assert [day for _, day in dates_in("On Tuesday she will play the second seed.", sunday)] \
        == [date(2026, 1, 27)]
    assert [day for _, day in dates_in("Tunnel reopening pushed back to Wednesday", sunday)] \
        == [date(2026, 1, 28)]
    assert [day for _, day in dates_in("On Tuesday she beat the top seed and will play on.", sunday)] \
        == [date(2026, 1, 20)]


def test_pence_are_shown_as_written() -> None:
    published = datetime(2026, 1, 23, tzinfo=UTC)
    shown = [format_value(f) for f in extract_figures("Corvane raised its offer to 445 pence a share, "
                                                      "and shares rose to £4.20.", published)]
    assert shown == ["445p", "£4.2"]


def test_a_count_revised_up_to_is_no_bound() -> None:
    published = datetime(2026, 1, 22, tzinfo=UTC)
    [figure] = extract_figures("The number of homes flooded has been revised up to 146, the council said.",
                               published)
    assert (figure.value, figure.qualifier) == (146, "exact")
    [bound] = extract_figures("Up to 300 people were evacuated.", published)
    assert bound.qualifier == "upper_bound"


def test_an_age_after_a_word_for_someone() -> None:
    assert age_in("Washington grandad, 71, set for 100th marathon") == 71
    assert age_in("Police said the woman, 45, was arrested") == 45
    assert age_in("The plant, 71, was closed") is None


@pytest.mark.parametrize(("typed", "news"), [
    ("how many workers is vantor letting go", "how many workers is vantor cutting"),
    ("vantor letting 2,300 workers go", "vantor cut 2,300 workers"),
    ("when will they let the seal go", "when will they release the seal"),
    ("where did they nick the whisky from", "where did they steal the whisky from"),
    ("how many ppl got nicked", "how many people arrested"),
    ("how many flights got axed at the airport", "how many flights cancelled at the airport"),
    ("how many jobs were axed", "how many jobs were axed"),
    ("how much did the grocer make before tax", "how much did the grocer pre-tax profit"),
    ("will they let it go ahead", "will they let it go ahead"),
])
def test_members_words_for_letting_go_and_nicking(typed: str, news: str) -> None:
    assert in_news_words(typed) == news


@pytest.mark.parametrize(("name", "text", "role"), [
    ("Kirsten Vaal", "Kirsten Vaal of the Netherlands, ranked 87th in the world, beat the fourth seed.",
     "player ranked 87th in the world"),
    ("Lukas Halvorsen", "Sweden's Lukas Halvorsen, the world No 23, leads the field.",
     "player ranked 23rd in the world"),
    ("Vaal", "Australian Open: world No 87 Vaal stuns fourth seed", "player ranked 87th in the world"),
    ("Jo Bell", "Jo Bell, ranked 3rd in the league, won.", None),
])
def test_a_world_ranking_says_a_player(name: str, text: str, role: str | None) -> None:
    assert role_near(name, text) == role


@pytest.mark.parametrize(("text", "person"), [
    ("Cllr Tariq Bajwa, the council's transport lead, said the work was unavoidable.",
     ("Tariq Bajwa", "councillor")),
    ("CFA incident controller Bronwyn Tait said 1,300 residents had left.",
     ("Bronwyn Tait", "incident controller")),
    ("The study was led by glaciologist Dr. Eleanor Rusk of the Antarctic Survey.",
     ("Eleanor Rusk", "glaciologist")),
])
def test_posts_of_councils_emergencies_and_science(text: str, person: tuple[str, str]) -> None:
    assert person in [(m.name, m.role) for m in extract_people(text)]
