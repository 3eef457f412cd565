"""What a week of news in other outlets' writing showed (bench/scenario_harbour): tolls that
rise, figures a title gives and its body names, counts written as compounds ("a 6,500-seat
stadium"), a member's shorthand, and names typed in lower case. Hand-made items in a real
SQLite store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from digests.news.answers import answer_question
from digests.news.dates import dates_in
from digests.news.extracts import date_in
from digests.news.figures import extract_figures
from digests.news.lexicon import family_of_lemma, lemma
from digests.news.loose_roles import role_near
from digests.news.question import MEASURE_MONEY, read_question
from digests.news.support import lowercase_names, support
from digests.runtime.workers import WorkerPool
from digests.store.core import Store

from builders import enriched_store

NOW = datetime(2022, 3, 31, 23, 0, tzinfo=UTC)  # a Thursday
TODAY = NOW.date()

ITEMS = [  # (day of March 2022, title, text)
    (20, "Valley floods: nine dead as storms batter the region",
     "At least 11 people have been killed, officials said."),
    (22, "Valley flood death toll rises to 17", "The army was sent in to help with rescues."),
    (24, "Rescuers search the flooded valley",
     "Boats reached cut-off farms on Thursday. The number of people killed in the valley floods rose "
     "to 21 on Thursday after two more bodies were found, officials said."),
    (5, "Athletics: Olympic champion Vos to retire",
     "Former Olympic 400m hurdles champion Lena Vos, 35, says injuries have made it impossible to go on."),
    (7, "Green light for 6,500-seat stadium on old mill site",
     "Planners approved a new community stadium for Redfield Town FC."),
]


@pytest.fixture
async def week(tmp_path: Path, workers: WorkerPool) -> AsyncIterator[Store]:
    store = await enriched_store(tmp_path / "week.db", workers, "valley.example", NOW, ITEMS)
    yield store
    await store.close()


async def test_a_death_toll_counts_people_and_the_latest_leads(week: Store) -> None:
    answer = await answer_question(week, "how many ppl died in the valley floods", NOW)
    assert answer.found and answer.headline.startswith("21 "), answer.headline


def test_by_a_day_of_the_week_is_the_last_such_day() -> None:
    asked = read_question("how many people had died in the valley floods by tuesday", TODAY)
    assert asked.by == date(2022, 3, 29) and lemma("tuesday") not in asked.terms
    assert read_question("how many had died by thursday", TODAY).by == TODAY


async def test_a_title_s_figure_answers_for_the_name_its_body_gives(week: Store) -> None:
    answer = await answer_question(week, "How many seats will Redfield Town's new stadium have?", NOW)
    assert answer.found and answer.headline.startswith("6,500 "), answer.headline


@pytest.mark.parametrize(("sentence", "values"), [
    ("Green light for 6,500-seat stadium on old mill site", [6500.0]),
    ("The band will play a four-night residency in Las Vegas.", [4.0]),
    ("A 40-strong team of observers will arrive on Monday.", [40.0]),
    ("The Covid-19-related rules ended.", []),
    ("She is a 30-something mother.", []),
    ("Sales rose ten-fold.", []),
])
def test_a_count_written_as_a_compound_is_a_figure(sentence: str, values: list[float]) -> None:
    assert [f.value for f in extract_figures(sentence, NOW)] == values


@pytest.mark.parametrize(("typed", "plain"), [
    ("how many dockers r striking at felixstowe", "how many dockers striking at felixstowe"),
    ("where are they gonna release the seal", "where will they release the seal"),
    ("how many intl observers are going", "how many international observers are going"),
    ("how many workers is the carmaker letting go", "how many workers is the carmaker cutting"),
    ("how many dockers r downing tools", "how many dockers are striking"),
    ("how much did the carmaker lose in q3", "how much did the carmaker lose in the third quarter"),
    ("what is the bumped up bid worth", "what is the raised bid worth"),
    ("how many ppl had to get out of their homes", "how many people were forced from their homes"),
])
def test_a_members_shorthand_is_read(typed: str, plain: str) -> None:
    assert read_question(typed, TODAY).terms == read_question(plain, TODAY).terms


def test_how_much_a_ticket_is_asks_a_price() -> None:
    assert read_question("how much r tickets for the tour", TODAY).measure == MEASURE_MONEY
    assert read_question("how much is a pint in london now", TODAY).measure == MEASURE_MONEY


def test_a_word_the_news_only_ever_capitalises_is_a_name_to_meet() -> None:
    asked = read_question("where will stonebridge base its uk office", TODAY)
    found = ["Under UK takeover rules Stonebridge has until November to bid.",
             "The offer from Stonebridge was raised on Friday.",
             "Stonebridge declined to comment."]
    assert lemma("stonebridge") in lowercase_names(asked, found, {lemma("stonebridge"): 4.0})


def test_a_verb_typed_in_lower_case_is_no_place_to_meet() -> None:
    """"Downing tools" is no Downing Street: a sentence need not name a place for it."""
    asked = read_question("how many dockers r downing tools at felixstowe", TODAY)
    assert support(asked, "Felixstowe dock workers vote to strike over pay", {}) > 0


@pytest.mark.parametrize(("sentence", "day"), [
    ("The truce takes effect at midnight on Monday, October 13, and includes a swap.", date(2025, 10, 13)),
    ("Parties hold final rallies before Sunday vote", date(2025, 10, 12)),
    ("He was last seen on Sunday.", date(2025, 10, 5)),
])
def test_a_day_of_the_week_is_read_with_what_it_says(sentence: str, day: date) -> None:
    """Told on Friday 10 October 2025: the date a weekday is written with says which; "before
    Sunday vote" is the Sunday to come; a plain "on Sunday" the one just gone."""
    assert dates_in(sentence, date(2025, 10, 10))[0][1] == day


async def test_of_a_sentence_s_days_the_one_written_with_the_event_answers(
        tmp_path: Path, workers: WorkerPool) -> None:
    items = [(25, "Ruritania votes", "Party leaders held their final rallies on Friday ahead of "
              "Sunday's snap parliamentary election.")]
    store = await enriched_store(tmp_path / "vote.db", workers, "vote.example", NOW, items)
    try:
        answer = await answer_question(store, "When did Ruritania hold its snap parliamentary election?", NOW)
    finally:
        await store.close()
    assert answer.found and answer.headline.startswith("Sunday 27 March"), answer.headline


async def test_who_is_gives_the_fuller_post_a_title_writes_for_the_surname(week: Store) -> None:
    answer = await answer_question(week, "whos lena vos", NOW)
    assert answer.found and "olympic champion" in answer.headline.lower(), answer.headline


def test_an_obituary_says_who_someone_was() -> None:
    sentence = "Margot Ellery, who has died aged 81, was a stage actor of rare range who became famous."
    assert role_near("Margot Ellery", sentence) == "stage actor"


def test_a_number_naming_an_asteroid_is_no_year() -> None:
    assert date_in("It will reach the asteroid 2008 EV5, arriving in 2028.", date(2025, 10, 9)) == "2028"
    assert date_in("The probe was built in 2008.", date(2025, 10, 9)) == "2008"


@pytest.mark.parametrize(("typed", "plain"), [
    ("when did the probe get off the ground", "when did the probe launch"),
])
def test_a_members_idiom_is_read(typed: str, plain: str) -> None:
    assert read_question(typed, TODAY).terms == read_question(plain, TODAY).terms


@pytest.mark.parametrize(("one", "other"), [("ground", "stadium"), ("observers", "monitors")])
def test_news_words_of_one_family(one: str, other: str) -> None:
    assert lemma(other) in family_of_lemma(lemma(one))


async def test_the_next_one_is_not_the_one_just_held(tmp_path: Path, workers: WorkerPool) -> None:
    items = [(24, "Port strike: ships queue as 48-hour walkout begins",
              "Ships were waiting at anchor on Thursday as dock workers began a two-day strike.")]
    store = await enriched_store(tmp_path / "port.db", workers, "port.example", NOW, items)
    try:
        next_one = await answer_question(store, "when's the next port walkout", NOW)
        this_one = await answer_question(store, "when did the port walkout begin", NOW)
    finally:
        await store.close()
    assert not next_one.found, next_one.headline
    assert this_one.found and this_one.headline.startswith("Thursday 24 March"), this_one.headline


@pytest.mark.parametrize(("name", "sentence", "role"), [
    ("Vesela Dragneva", "Its rival, the liberal New Direction party of Vesela Dragneva, has campaigned.",
     "party leader"),
    ("Priya Ramanathan", "The study, published in a journal, was led by Dr Priya Ramanathan of Leeds.",
     "lead researcher"),
    ("Tom Lee", "The team was led by Tom Lee.", None),
])
def test_a_party_of_someone_and_a_study_led_by_someone(name: str, sentence: str, role: str | None) -> None:
    assert role_near(name, sentence) == role
