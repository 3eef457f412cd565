"""Answers that understand the question, on small hand-made items in a real SQLite store:
paraphrase, how old / how long, where and which from an item's sentences, who-is with a role, a
post's holder, one series per place, and "I don't know" when nothing stored says it."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from digests.models import Entry, Source
from digests.news.answers import (
    age_in,
    answer_question,
    lowercase_names,
    name_in,
    place_in,
    support,
)
from digests.news.asked_names import COUNTRY, NAME, PERSON, PLACE, name_of_kind, wanted
from digests.news.date_answers import dates_its_own
from digests.news.dates import dates_in
from digests.news.enrichment import Enricher
from digests.news.extracts import age_by_name
from digests.news.figure_answers import _figure_headline
from digests.news.figures import extract_figures
from digests.news.lexicon import is_verb_form, lemma
from digests.news.loose_roles import role_near
from digests.news.member_phrases import in_news_words
from digests.news.name_answers import name_given as answers_named
from digests.news.question import (
    KIND_DATE,
    KIND_FIGURES,
    KIND_HOLDER,
    KIND_PERSON,
    KIND_PLACE,
    MEASURE_AGE,
    MEASURE_COUNT,
    MEASURE_DISTANCE,
    MEASURE_DURATION,
    MEASURE_MONEY,
    MEASURE_PERCENT,
    MEASURE_SPEED,
    MEASURE_WEIGHT,
    Unreadable,
    read_question,
)
from digests.news.support import _places_met, about_it, says_it, whole_items
from digests.news.what_answers import gives_cause, names_someone
from digests.news.word_matching import compounds_in, has_name, lemmas_of, meets, split_in
from digests.readings import CitedFigure, Figure
from digests.runtime.workers import WorkerPool
from digests.store.core import Store

NOW = datetime(2022, 3, 31, 23, 0, tzinfo=UTC)
TODAY = NOW.date()

ITEMS = [  # (day of March 2022, title, text)
    (12, "Pucello concussed again",
     "Batter Ray Pucello is out of the match after his 11th concussion in a comeback game."),
    (2, "Earth has a rare companion", "It is only the second Earth Trojan asteroid ever discovered."),
    (1, "Millbrook ball game returns for 822nd year", "The Shrove Tuesday game is played in the streets."),
    (9, "Mayor's poll", "Nearly 6 in 10 voters disapprove of how Mayor Ann Vell is handling the floods."),
    (2, "US orders more soldiers to Europe",
     "The Pentagon said 3,800 soldiers were ordered to Poland on Wednesday."),
    (4, "Cricket icon Shane Warne dies aged 52", "The Australian leg-spinner was found in his villa."),
    (3, "Djokovic splits with his coach",
     "Novak Djokovic has split with his coach, Marian Vajda, who formed part of his team "
     "for the last 15 years."),
    (5, "Wordle bought by newspaper",
     "Puzzle creator Josh Wardle is thrilled that the newspaper is taking over his game."),
    (6, "Kherson surrounded", "The mayor of Kherson said the city was surrounded by troops."),
    (7, "Melitopol mayor Ivan Fedorov released", "He was held for five days."),
    (26, "Foo Fighters drummer Taylor Hawkins dies",
     "The drummer's death was announced before the band's concert in Bogotá, Colombia."),
    (28, "Oscars night", "At the ceremony, best picture went to Coda, a film about a deaf family."),
    (8, "Mariupol counts its dead", "Officials said 2,500 civilians had been killed in Mariupol."),
    (9, "Kharkiv under fire", "At least 170 civilians have been killed in Kharkiv, officials said."),
    (18, "Storm Eunice: winds topple trees",
     "The storm swept across the UK, with a record gust of 122mph measured on the Isle of Wight."),
    (15, "Tesco ends overnight restocking", "Up to 1,600 staff could lose their jobs, the grocer said."),
    (11, "Razzies: Diana the Musical leads with nine nominations", "The awards are given out in March."),
    (12, "Aiming for gold at a fourth Games",
     "Eve Muirhead, Team GB's women's curling captain, is going for gold in Beijing."),
    (13, "Cup final", "The two clubs play each other at Wembley on Sunday."),
    (5, "State funeral for Tom Vale", "The family of cricketer Tom Vale has been offered a state "
     "funeral following his death, the premier announced on Saturday."),
    (6, "Tributes for Tom Vale", "Team-mates paid tribute to Tom Vale, who died on Friday."),
    (4, "Chernihiv flats hit", "Air strikes hit a block of flats in Chernihiv on Thursday."),
    (14, "Rouble falls", "The Russian currency fell again on Monday."),
    (16, "Covid rules in Wales", "All remaining rules in Wales could be scrapped on 28 March."),
    (22, "Oscars 2022: the best picture nominees", "Ten films are nominated for best picture."),
    (23, "Photo sold", "An original Buzz Aldrin moon walk photo sold for $7,700 at auction."),
    (10, "The papers", "Adele's three wins at the Brit Awards make the front pages."),
    (7, "Inquiry opened", "Police opened an inquiry following the death of cricket legend Tom Vale."),
    (21, "Hearings begin", "Judge Jo Doe's confirmation hearings began on Monday."),
    (19, "Champion signs new deal", "Max Verstappen signs a new deal with Red Bull until 2028."),
    (17, "Ryanair boss: Fares will be higher this summer",
     "Fuel prices will push fares up this summer, says Michael O'Leary."),
    (20, "Imran Khan faces no-confidence vote", "Pakistan's prime minister faces a vote of no confidence."),
    (24, "Austria makes Covid jabs compulsory",
     "The country is the first in Europe to make vaccination against Covid mandatory for adults."),
    (25, "Senator backs nominee",
     "West Virginia Democratic Sen. Joe Manchin said he will vote for Judge Jo Doe."),
    (29, "Cyclone Xena strikes Ruritania",
     "At least 10 people have been killed and nearly 5,000 displaced after Cyclone Xena made landfall."),
    (29, "MP speaks", "Peace talks: an MP speaks in Kyiv."),
    (30, "Delegations arrive",
     "Russian and Ukrainian delegations arrive in Istanbul for the next peace talks."),
    (30, "Turkey hosts", "Turkey's president hails the resumption of peace talks in Istanbul this week."),
    (28, "Officials seize superyacht in port",
     "Officials seized a superyacht in port on Monday. The £38m yacht, named Quill, is owned by a "
     "businessman, the government says."),
    (29, "Moth species gets a new name",
     "A renaming process has decided -- \"fuzzy moth\" is the new common name for the insect."),
    (30, "Holt speaks to MPs", "President Dan Holt invokes Winston Churchill as he appeals to MPs."),
    (21, "Host suspended", "The network suspended host Ana Vale for two weeks on Tuesday night."),
    (21, "Host Ana Vale suspended", "The host was suspended because of a joke about the network."),
    (4, "Ivo Brandt: Redfield Rovers confirm signing on free transfer",
     "Redfield Rovers confirm the signing of striker Ivo Brandt on a free transfer."),
    (20, "Lara Kent to replace Andrew Moss full-time",
     "The former political editor will take over the flagship Sunday politics show."),
    (7, "World's oldest chess player staying put in Ukraine war zone",
     "The 95-year-old amateur is enduring the bombing of Kharkiv with his family."),
    (13, "Hatchet attacker at Canada mosque charged",
     "The man who brandished a hatchet at a mosque in the Canadian city of Mississauga faces charges."),
    (16, "Inflation at a high", "Inflation rose by 5.5% in the 12 months to January, a 30-year high. "
     "House prices rose 0.8% in January."),
    (22, "Ruiz beaten after heckling", "Former champion Ana Ruiz is brought to tears by a heckler during her "
     "6-0 6-4 defeat by Maria Lenz at Indian Wells."),
    (23, "Star's medal stolen", "Tom Bell's World Cup winner's medal was among the items stolen "
     "during a burglary at his home."),
    (24, "Tycoon opens plant", "Tycoon Ike Obi opened the continent's largest fertilizer plant this week."),
    (2, "Exodus from Ruritania", "More than 100,000 people have fled Ruritania, the UN said."),
    (15, "Ruritania exodus grows", "More than 200,000 people have fled Ruritania, the agency said."),
    (25, "Children flee Ruritania", "More than 90,000 children have fled Ruritania, the UN says."),
    (27, "Shells hit power station",
     "Shells hit the Brightwater nuclear power plant, the largest in Ruritania."),
    (28, "Drama pays tribute to Helen Quarrie", "The actress, aged 61, was remembered by the cast."),
    (19, "4 US service members killed after aircraft crashes in Norway",
     "The aircraft went down during a Nato exercise near Bodo."),
    (29, "Doping agency chief speaks", "The head of the US Anti-Doping Agency (USADA), Travis Tygart, "
     "told reporters that Russia must answer."),
    (31, "Sir Ned Pike resigns as Guild of Potters president after row",
     "The novelist said he could no longer speak freely."),
    (14, "Drummer Lee Frost dies", "Drummer Lee Frost has died, his band said on Monday."),
    (27, "Jet crashes in Ruritanian hills",
     "A passenger jet carrying 90 people crashed in the hills on Monday."),
    (15, "Tributes to drummer Lee Frost", "Drummer Lee Frost died at a hotel in Lisbon on Saturday."),
    (9, "Ministry may have bought 3bn gloves from sweatshop",
     "The ministry may have bought 3bn gloves made in a sweatshop, MPs were told."),
    (10, "Rare Italian lynx famous for cafe raid captured",
     "Activists criticise the removal of a lynx known as Marco Pelo, taken to an enclosure."),
    (26, "Backlash over Fenwick grows", "Members were abuzz about one topic: Rep. Lyle Fenwick."),
    (27, "Ned Barlow: PM's new chief of staff pledges smaller state",
     "Ned Barlow says the state needs to step back."),
    (27, "Wera Ahmed: the town should be free to choose",
     "Wera Ahmed says the town should set its own rules."),
    (30, "Fieldcraft backtracks on Ruritania after boycott calls",
     "The outdoor retailer has halted its business in Ruritania after criticism of its decision to stay."),
    (17, "The country where 30 farmers die each day",
     "Gazing across the wheat fields of northern Ruritania, there was little sign of the crisis."),
    (19, "Gunfire at Varrow car show",
     "Police say they are hunting two suspects after gunfire broke out at a car show in Varrow."),
    (28, "Why the world loves halloumi",
     "The world loves halloumi: last year, more than 21 million metric tons of it were produced globally."),
    (27, "Bo Lindqvist is leaving Starlight Ballroom",
     "The 32-year-old is calling it a day after nine years, he confirms on his Instagram account."),
    (14, "Italy's Mount Varro erupts again",
     "Europe's tallest volcano spewed lava into the sky, forcing the closure of a nearby airport."),
]


def _entry(number: int, day: int, title: str, text: str) -> Entry:
    link = f"https://news.example/{number}"
    return Entry(key=hashlib.sha256(link.encode()).hexdigest(), guid=link, url=link, title=title,
                 text=text, author=None, categories=(), language="en",
                 published_at=datetime(2022, 3, day, 9, 0, tzinfo=UTC), dated=True,
                 content_hash=hashlib.sha256(f"{title}\n{text}".encode()).hexdigest())


async def _stored(path: Path, workers: WorkerPool, items: list[tuple[int, str, str]]) -> Store:
    """A real SQLite store at `path` holding `items` (day of March 2022, title, text), enriched."""
    store = await Store.open(f"sqlite:///{path}")
    feed = await store.add_feed("https://news.example/feed", now=NOW, name="Example News")
    entries = [_entry(n, day, title, text) for n, (day, title, text) in enumerate(items)]
    await store.save_entries(feed.id, entries, now=NOW, first_poll=False)
    await Enricher(store, workers).run(NOW)
    return store


@pytest.fixture
async def newsroom(tmp_path: Path, workers: WorkerPool) -> AsyncIterator[Store]:
    store = await _stored(tmp_path / "answers.db", workers, ITEMS)
    yield store
    await store.close()


# Reading the question ------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "measure"), [
    ("how old was shane warne when he passed away", MEASURE_AGE),
    ("How many years was Marian Vajda part of Novak Djokovic's team?", MEASURE_DURATION),
    ("how long was tom brady retired", MEASURE_DURATION),
    ("How much was Lockheed Martin going to pay for Aerojet Rocketdyne?", MEASURE_MONEY),
    ("how far did foot locker shares drop in per cent", MEASURE_PERCENT),
    ("how many people have fled Ukraine?", MEASURE_COUNT),
    ("How many metric tons of cheese were produced globally last year?", MEASURE_WEIGHT),
    ("At what altitude was the satellite placed in orbit?", MEASURE_DISTANCE),
    ("what depth was the wreck found at", MEASURE_DISTANCE),
    ("at what speed was the car travelling", MEASURE_SPEED),
])
def test_a_number_question_says_what_kind_of_value_it_wants(question: str, measure: str) -> None:
    asked = read_question(question, TODAY)
    assert asked.kind == KIND_FIGURES and asked.measure == measure


def test_what_is_counted_is_the_noun_not_the_verb() -> None:
    assert read_question("how many people died in storm eunice", TODAY).head == "peopl"
    assert read_question("how many people lost their homes to the cyclone", TODAY).head == "peopl"
    assert read_question("How much was X going to pay for Y?", TODAY).head is None
    assert read_question("How many farmers die each day in India?", TODAY).head == lemma("farmers")


def test_a_members_filler_words_are_not_asked_for() -> None:
    asked = read_question("how many teslas are being recalled because of the full self driving thing", TODAY)
    assert "thing" not in asked.terms and "tesla" in asked.terms
    typed = read_question("how old is the tennis player thats stuck in kharkiv, isnt he 97", TODAY)
    assert not {"that", "thats", "isnt"} & set(typed.terms)  # apostrophes a member leaves out


def test_a_nationality_is_not_a_name_the_answer_must_repeat() -> None:
    assert read_question("When did the Russian strike on Chernihiv happen?", TODAY).names == ("Chernihiv",)
    scheme = read_question("How many applied for the UK's Ukrainian family scheme, says the Home Office?",
                           TODAY)
    assert scheme.names == ("Home Office",)  # a possessive ends a name: not "UK Ukrainian"
    assert "name" not in read_question("whats the name of the old comedy show", TODAY).terms
    assert all(meets(lemma(a), {lemma(b)}) for a, b in [("trip", "visit"), ("started", "began"),
                                                       ("born", "birth"), ("titles", "championships")])
    asked = read_question("which african country is the studio making films in", TODAY)
    written = ["The studio signs deals in Nigeria, its first in the African market.",
               "African film is booming, African producers say."]
    assert "african" not in lowercase_names(asked, written, {})


def test_who_holds_a_post_is_its_own_kind() -> None:
    asked = read_question("who is the mayor of kherson", TODAY)
    assert asked.kind == KIND_HOLDER and asked.person == "mayor of kherson"
    assert read_question("Which town was Brent Renaud killed in?", TODAY).kind == KIND_PLACE


@pytest.mark.parametrize("question", ["", "   ", "?!", "¿Cuántas personas han huido de Ucrania?",
                                      "Combien de personnes ont fui l'Ukraine ?",
                                      "Wie viele Menschen sind aus der Ukraine geflohen?"])
def test_an_empty_or_foreign_question_is_refused_with_a_reason(question: str) -> None:
    with pytest.raises(Unreadable, match=r"question in words|in English"):
        read_question(question, TODAY)


@pytest.mark.parametrize("question", ["whats maserati's new electric suv called",
                                      "wheres novak djokovic now", "hows inflation doing",
                                      "sonegarh bridge collapse death toll latest"])  # no function word
def test_english_typed_the_way_members_type_it_is_read(question: str) -> None:
    assert read_question(question, TODAY).terms


# Reading sentences ---------------------------------------------------------------------------

def test_support_counts_what_the_sentence_covers_and_needs_the_names() -> None:
    asked = read_question("How many nominations did Dune get at the Bafta Film Awards?", TODAY)
    rarity = {"nomin": 5.7, "dune": 7.9, "bafta": 6.7, "film": 4.9, "award": 5.0}
    assert support(asked, "Bafta Film Awards 2022: Dune leads nominations with 11", rarity) == 1.0
    assert support(asked, "Bafta Film Awards 2022: the nominations", rarity) == 0.0  # no Dune
    partial = support(asked, "Dune at the Bafta awards", rarity)
    assert 0.0 < partial < 1.0


@pytest.mark.parametrize(("sentence", "age"), [
    ("Cricket icon Shane Warne dies aged 52", 52),
    ("16-year-old Indian chess sensation stuns Magnus Carlsen", 16),
    ("India honors singer Lata Mangeshkar, dead at 92", 92),
    ("Peter Lang, 71, won the lottery.", 71),
    ("Reid Vale: Mother admits killing son, 2", 2),
    ("The son, 24, of the founder spoke.", 24),
    ("The museum opened in 1992.", None),
    ("A 5,000-year-old chalk drum is 'most important' prehistoric art", 5000),  # not 0
    ("The oak is 1,200 years old.", 1200),
])
def test_an_age_is_read_from_news_wording(sentence: str, age: int | None) -> None:
    assert age_in(sentence) == age


@pytest.mark.parametrize(("name", "sentence", "role"), [
    ("Jo Marsh", "Jo Marsh was one of the bank workers wrongly convicted in the scandal.", "bank worker"),
    ("Ida Kell", "Not only is Ida Kell among the decade's great self-taught painters, she is a symbol.",
     "great self-taught painter"),
    ("Lia Fenn", 'Lia Fenn has been a breakout star as Rue on "Tides," the drama.', "breakout star"),
    ("Leo Conti", "Leo Conti is visiting professor in practice at a business school.", "visiting professor"),
    ("Leo Conti", "Leo Conti was the chief economist of the treasury until 2015.", "chief economist"),
    ("Leo Conti", "Leo Conti is under pressure at Westminster.", None),
    ("Mila Kent", "Ukrainian restaurateur Mila Kent joins the show.", "Ukrainian restaurateur"),
    ("Raj Patel", "Raj Patel has overtaken his rival to become the richest person in Europe, a list says.",
     "richest person in Europe"),
    ("Omid Rahi", "Omid Rahi: British-Iranian national held in Iran begins a hunger strike",
     "British-Iranian national"),
    ("Dr Dre", "Dr Dre plays the half-time show.", None),
    ("Ann Pike", "Living With Grief by Ann Pike review – a book of hope", "author"),
    ("Todd Boehly", "Consortiums involving Los Angeles Dodgers co-owner Todd Boehly make the shortlist.",
     "Los Angeles Dodgers co-owner"),
    ("Maria Pevchikh", "Maria Pevchikh, head of the investigative department for the foundation, explains.",
     "head of the investigative department for the foundation"),
    ("Eric Lander", "A top science adviser to President Joe Biden, Eric Lander, apologized to staff.",
     "A top science adviser to President Joe Biden"),
    ("Alina Pash", "Alina Pash: Singer won't represent Ukraine at Eurovision", "Singer"),
    ("Stephen Wilhite", "Stephen Wilhite, who created GIFs, dies at 74", "who created GIFs"),
    ("Barnaby Joyce", "Barnaby Joyce apologises for a text.", None),
    ("Travis Tygart", "the head of the US Anti-Doping Agency (USADA), Travis Tygart, told CNN.",
     "the head of the US Anti-Doping Agency"),
    ("Paulo Fonseca", "Paulo Fonseca: Former Roma manager shares family escape story", "Former Roma manager"),
    ("Paul Collingwood", "Paul Collingwood is appointed as England interim head coach for the tour.",
     "England interim head coach"),
    ("Boris Johnson", "Boris Johnson: Partygate fines issued", None),
    ("Ed Kane", "Ed Kane qualified as a social worker in 2019 and now works on safeguarding.",
     "social worker"),
    ("Ann Bo", "Ann Bo spent 20 years as a teacher in Hull.", "teacher"),
    ("Ann Bo", "Ann Bo worked as a result of the deal.", None),
    ("Ken Oda", "Having a family portrait taken by Ken Oda comes with one odd condition.", "photographer"),
    ("Ken Oda", "The film, directed by Ken Oda, opens today.", "director"),
    ("Ken Oda", "He was shot by Ken Oda in the street.", None),  # a shooting, not a photo
    ("Ida Holm", "Ida Holm lifts the drama with an understated performance as Queen Margrete.", "actor"),
    ("Ida Holm", "Ida Holm said the performance as a whole was poor.", None),
    ("Ana Bor", "Poland's Ana Bor was crowned the 70th Miss World on Wednesday.", "Miss World"),
    ("Ana Bor", "Ana Bor was crowned world champion in Oslo.", "world champion"),
    ("Ana Bor", "Ana Bor was crowned on Friday.", None),
    ("Ida Holm", "Ida Holm, who chaired the Competition and Markets Authority's inquiry panel, said so.",
     "who chaired the Competition and Markets Authority's inquiry panel"),
    ("Ida Holm", "Ida Holm has won the £25,000 Wenlock Prize for Poetry for her debut collection.",
     "winner of the Wenlock Prize for Poetry"),
    ("Ida Holm", "Ida Holm won the Turner Prize on Tuesday.", "winner of the Turner Prize"),
    ("Ida Holm", "Ida Holm won the race on Tuesday.", None),
    ("Ida Holm", "School librarian Ida Holm set up the club.", "School librarian"),
    ("Ida Holm", "Prosecutors said former Osage Ridge County treasurer Ida Holm took the money.",
     "Osage Ridge County treasurer"),
    ("Ida Holm",
     "Dr Ida Holm, an external member of the Bank of England's Monetary Policy Committee, said so.",
     "external member of the Bank of England's Monetary Policy Committee"),
    ("Ida Holm", "Australia's chief negotiator at the climate summit, Dr Ida Holm, says a deal is close.",
     "Australia's chief negotiator at the climate summit"),
    ("Ida Holm", "Ida Holm, 34, a dental hygienist and mother of two, is seeking damages.",
     "dental hygienist and mother of two"),
    ("Ida Holm", "Ex-communist Ida Holm has been one of the mayor's closest advisers for a decade.",
     "closest adviser"),
    ("Ida Holm", "Officials asked whether Ida Holm would stand.", None),
    ("Ida Holm", "Police arrested the ferry's owner, Ida Holm, 49, on charges of culpable homicide.",
     "ferry's owner"),  # the role begins after the verb (thirty-third session, tarn)
])
def test_a_role_is_read_loosely_for_the_person_asked_about(name: str, sentence: str,
                                                           role: str | None) -> None:
    assert role_near(name, sentence) == role


def test_a_place_and_a_name_the_question_does_not_give() -> None:
    where = read_question("where did the two reservists get married", TODAY)
    assert place_in("Ukrainian reservists marry at Kyiv checkpoint", where) == "Kyiv"
    assert place_in("Colombia AG releases the toxicology report", where) == "Colombia"
    assert place_in("a superyacht moored at an Italian marina", where) == "Italian marina"
    assert place_in("the legendary US rock band", where) is None  # a nationality alone is no place
    assert place_in("Colombia's Attorney General's Office released a report", where) == "Colombia"
    assert place_in("a record gust measured on the Isle of Wight", where) == "Isle of Wight"
    assert place_in("94 died in the Brazilian mountain city of Petropolis", where) == "Petropolis"
    assert place_in("She posted the video on Instagram", where) is None
    assert place_in("Peace talks: The West calls for actions not words", where) is None
    assert place_in("Rotterdam is considering a request to dismantle a bridge", where) == "Rotterdam"
    which = read_question("Which team won Super Bowl LVI?", TODAY)
    assert name_in("In the end the Rams beat the Bengals to win Super Bowl LVI", which) == "Rams"


def test_news_words_meet_their_paraphrases_and_a_kind_meets_its_kinds() -> None:
    for asked, written in [("workers", "staff"), ("night", "overnight"), ("mudslides", "landslides"),
                           ("fridge", "refrigerated"), ("kept", "keep"), ("dead", "morgue")]:
        assert meets(lemma(asked), {lemma(written)}) > 0, (asked, written)
    assert meets(lemma("sport"), {lemma("curling")}) > 0
    assert meets(lemma("curling"), {lemma("sport")}) == 0  # one way: the sport is not curling
    assert meets(lemma("tennis"), {lemma("curling")}) == 0
    assert has_name("Razzie", "Razzies: Diana the Musical leads nominations")
    assert not has_name("Brit Awards", "SAG Awards 2022: the best fashion")  # not any awards
    assert has_name("Marian Vajda", "his coach Vajda")
    moonwalk = read_question("how much did the buzz aldrin moonwalk photo go for", TODAY)
    rare = {term: 9.0 for term in moonwalk.terms}  # every word rare: one no sentence has is required
    sentence = "An original Buzz Aldrin moon walk photo sold for $7,700 at auction."
    assert lemma("moonwalk") not in lowercase_names(moonwalk, [sentence], rare)
    assert lemma("moonwalk") in lowercase_names(moonwalk, ["A photo sold for $7,700."], rare)
    parked = read_question("how many cars are owners told to leave parked outdoors", TODAY)
    assert lemma("outdoors") not in lowercase_names(parked, ["Owners are told to park outside."],
                                                    {term: 9.0 for term in parked.terms})  # a paraphrase
    assert not has_name("Ace", "the aces of the team")  # short words only as written


# Answers from the store ----------------------------------------------------------------------

async def test_a_count_asked_in_other_words_is_found(newsroom: Store) -> None:
    """"troops ... send" meets "soldiers were ordered"."""
    answer = await answer_question(newsroom, "How many troops did the US send?", NOW)
    assert answer.found and answer.values[0] == 3800
    assert answer.headline.startswith("3,800")


async def test_how_old_leads_with_the_age(newsroom: Store) -> None:
    answer = await answer_question(newsroom, "how old was shane warne when he passed away", NOW)
    assert answer.found and answer.headline.startswith("52 years old")


async def test_how_old_reads_the_other_sentences_of_the_item_that_names_the_person(
        newsroom: Store) -> None:
    """The headline names her and says nothing of her age; "The actress, aged 61" shares no
    word with the question, so no search finds it: the item's stored sentences are read."""
    answer = await answer_question(newsroom, "how old was helen quarrie", NOW)
    assert answer.found and answer.headline.startswith("61 years old")


async def test_a_members_words_meet_a_headlines(newsroom: Store) -> None:
    """"ppl", "american" (the US), "troops" (service members), a plane that "went down"."""
    answer = await answer_question(
        newsroom, "how many american troops died when that military plane went down in norway", NOW)
    assert answer.found and answer.values[0] == 4


async def test_how_many_years_reads_a_duration(newsroom: Store) -> None:
    question = "How many years was Marian Vajda part of Novak Djokovic's team?"
    answer = await answer_question(newsroom, question, NOW)
    assert answer.found and answer.headline.startswith("15 years")


async def test_who_is_says_what_the_person_is(newsroom: Store) -> None:
    answer = await answer_question(newsroom, "who's josh wardle", NOW)
    assert answer.found and "creator" in answer.headline


async def test_who_is_reads_short_titles_and_a_headline_naming_the_post_after_a_colon(
        newsroom: Store) -> None:
    rep = await answer_question(newsroom, "who's lyle fenwick", NOW)
    assert rep.found and rep.headline == "Lyle Fenwick — representative"
    chief = await answer_question(newsroom, "who is ned barlow", NOW)
    assert chief.found and "chief of staff" in chief.headline


async def test_a_person_named_without_a_role_is_no_answer_but_where_they_are_named(
        newsroom: Store) -> None:
    """A bare name is no answer to "who is": "I don't know", with the sentences naming them;
    a name ending like a verb ("Ahmed", "killed") is still looked up among stored people."""
    answer = await answer_question(newsroom, "who's wera ahmed", NOW)
    assert not answer.found and answer.kind == KIND_PERSON
    assert answer.headline.startswith("I don't know who Wera Ahmed is")
    assert answer.quotes and all("Wera Ahmed" in quote.text for quote in answer.quotes)
    assert (await answer_question(newsroom, "who is buying fieldcraft", NOW)).kind != KIND_PERSON


async def test_who_is_reads_the_post_of_the_headline(newsroom: Store) -> None:
    """"Ryanair boss: …" over "…, says Michael O'Leary": he is the boss, written as news
    writes a post held at a company ("Ryanair boss", not "boss, Ryanair")."""
    answer = await answer_question(newsroom, "who's michael o'leary", NOW)
    assert answer.found and answer.headline == "Michael O'Leary — Ryanair boss"


async def test_a_post_is_answered_by_the_person_named_in_it(newsroom: Store) -> None:
    named = await answer_question(newsroom, "Who is the mayor of Melitopol?", NOW)
    assert named.found and named.headline.startswith("Ivan Fedorov")
    unnamed = await answer_question(newsroom, "who is the mayor of kherson", NOW)
    assert not unnamed.found  # "the mayor of Kherson said": no one is named


async def test_a_post_is_answered_only_by_a_holder_of_that_post(newsroom: Store) -> None:
    """"The head of the US Anti-Doping Agency" holds the post asked about, not the head of
    Russia's: a post's words besides its head must be in the role or the body it is held at."""
    ours = await answer_question(newsroom, "who is the head of the us anti-doping agency", NOW)
    assert ours.found and ours.headline.startswith("Travis Tygart")
    theirs = await answer_question(newsroom, "who is the head of russia's anti-doping agency", NOW)
    assert not theirs.found


async def test_where_reads_the_place_from_the_items_other_sentence(newsroom: Store) -> None:
    """The title names the drummer, the body the place: the answer puts the place first."""
    answer = await answer_question(newsroom, "where did taylor hawkins die", NOW)
    assert answer.found and answer.headline.startswith(("Bogotá", "Colombia"))


async def test_a_sentence_is_read_with_its_items_title(newsroom: Store) -> None:
    """The title names the storm or the store, the body gives the place or the number: the
    answer comes from the body, worded otherwise or not. A sport is any sport named."""
    where = await answer_question(newsroom, "Where was Storm Eunice's record gust measured?", NOW)
    assert where.found and where.headline.startswith("Isle of Wight")
    jobs = await answer_question(newsroom, "how many tesco workers could lose their jobs at night", NOW)
    assert jobs.found and jobs.values[0] == 1600
    sport = await answer_question(newsroom, "what sport does eve muirhead play", NOW)
    assert sport.found and "curling" in sport.headline


async def test_when_leads_with_the_day_of_the_event_asked_about(newsroom: Store) -> None:
    """Of two sentences about his death, the one that dates the death answers, not the one
    that dates the funeral's announcement; a nationality the question types need not be
    written; "meant to be" is how a member asks, not what the item says."""
    died = await answer_question(newsroom, "When did Tom Vale die?", NOW)
    assert died.found and died.headline.startswith("Friday 4 March")
    hit = await answer_question(newsroom, "when did the russian strike on the chernihiv flats happen", NOW)
    assert hit.found and hit.headline.startswith("Thursday 3 March")
    scrapped = await answer_question(newsroom, "when were the wales covid rules meant to be scrapped", NOW)
    assert scrapped.found and scrapped.headline.startswith("Monday 28 March")
    until = await answer_question(newsroom, "till when is verstappen signed with red bull", NOW)
    assert until.found and until.headline.startswith("2028")


async def test_a_figure_is_read_with_its_item_and_in_the_members_words(newsroom: Store) -> None:
    """The title names the Oscars, the body counts the films; "moonwalk" is the sentence's
    "moon walk"; "how many Brits did Adele take home" is answered by her three wins at them."""
    films = await answer_question(newsroom, "How many films are nominated for best picture at "
                                            "the 2022 Oscars?", NOW)
    assert films.found and films.values[0] == 10
    photo = await answer_question(newsroom, "how much did the buzz aldrin moonwalk photo go for", NOW)
    assert photo.found and photo.values[0] == 7700
    brits = await answer_question(newsroom, "how many brits did adele take home", NOW)
    assert brits.found and brits.values[0] == 3


async def test_a_place_more_items_give_leads(newsroom: Store) -> None:
    """Three sentences about the talks as well supported: two put them in Istanbul."""
    answer = await answer_question(newsroom, "where are the peace talks", NOW)
    assert answer.found and answer.headline.startswith("Istanbul — ")


@pytest.mark.parametrize(("question", "said"), [
    ("who beat ana ruiz when she got heckled", "Maria Lenz — "),  # "her defeat by Maria Lenz"
    ("what did tom bell say the burglars got away with", "medal"),  # "stolen"
    ("what has ike obi just opened a giant factory for", "fertilizer plant"),  # the plant's kind
])
async def test_a_members_question_meets_the_sentence_that_says_it(newsroom: Store, question: str,
                                                                  said: str) -> None:
    answer = await answer_question(newsroom, question, NOW)
    assert answer.found and said in answer.headline


@pytest.mark.parametrize(("question", "value"), [
    ("how long did the network take ana vale off the air for", 2),  # suspended for two weeks
    ("what was inflation in the year to january", 5.5),  # the rate named, not house prices
])
async def test_a_value_asked_in_a_members_words(newsroom: Store, question: str, value: float) -> None:
    answer = await answer_question(newsroom, question, NOW)
    assert answer.found and answer.values[0] == value


async def test_people_are_not_answered_by_a_count_of_children(newsroom: Store) -> None:
    """The latest figure counts children, a part of the people asked about: the one that counts
    people answers; "by 10 March" answers from what was counted by then."""
    latest = await answer_question(newsroom, "how many people have fled ruritania", NOW)
    assert latest.found and latest.values[0] == 200_000
    by = await answer_question(newsroom, "how many people had fled ruritania by 10 March", NOW)
    assert by.found and by.values[0] == 100_000


def test_the_day_a_period_starts_is_no_figures_day() -> None:
    since = extract_figures("Since the invasion started on 24 February, more than 1 million people "
                            "have fled.", datetime(2022, 3, 3, 9, 0, tzinfo=UTC))
    assert [f.as_of for f in since] == [None]
    said = extract_figures("The UN said on Tuesday that 2 million people had fled.",
                           datetime(2022, 3, 3, 9, 0, tzinfo=UTC))
    assert [f.as_of for f in said] == [date(2022, 3, 1)]


async def test_the_biggest_gust_is_the_record_one(newsroom: Store) -> None:
    asked = read_question("what was the biggest gust in storm eunice", TODAY)
    assert asked.kind == KIND_FIGURES
    answer = await answer_question(newsroom, asked.text, NOW)
    assert answer.found and answer.values[0] == 122


async def test_people_are_counted_by_what_happened_to_them(newsroom: Store) -> None:
    """"Lost their homes" is what news calls displaced; "5,000 displaced" counts people."""
    answer = await answer_question(newsroom, "how many people lost their homes to cyclone xena", NOW)
    assert answer.found and answer.values[0] == 5000


async def test_a_prize_named_in_the_plural_is_its_name(newsroom: Store) -> None:
    answer = await answer_question(newsroom, "How many Razzie nominations did Diana the Musical get?", NOW)
    assert answer.found and answer.values[0] == 9


async def test_which_leads_with_the_name(newsroom: Store) -> None:
    answer = await answer_question(newsroom, "which film won best picture at the oscars", NOW)
    assert answer.found and answer.headline.startswith("Coda")


@pytest.mark.parametrize(("question", "lead"), [
    ("which senator said he'd vote for jo doe", "Joe Manchin"),  # a person, not "West Virginia"
    ("which pakistani leader is facing a vote of no confidence", "Imran Khan"),  # from the title
    ("which country was the first in europe to make covid jabs mandatory", "Austria"),  # "the country"
    ("which nuclear power plant was shelled", "Brightwater"),  # the name before what it is called
    ("what is the name of the superyacht officials seized in port", "Quill"),  # another sentence's
    ("what new common name was chosen for the moth", "fuzzy moth"),  # a name given in quotes
    ("which british wartime pm did dan holt bring up when he addressed mps", "Winston Churchill"),
    ("what do the locals call the italian lynx that raided a cafe", "Marco Pelo"),  # not "Rare"
    ("which outdoor retailer halted its business in ruritania", "Fieldcraft"),  # "The outdoor
    # retailer has halted …": no name before the words, the title's subject is the one
])
async def test_which_leads_with_a_name_of_the_kind_asked(newsroom: Store, question: str, lead: str) -> None:
    answer = await answer_question(newsroom, question, NOW)
    assert answer.found and answer.headline.startswith(f"{lead} — ")


async def test_a_series_is_one_place(newsroom: Store) -> None:
    """Civilians killed in Mariupol and in Kharkiv are two measures, not one trend."""
    answer = await answer_question(newsroom, "how many civilians have been killed", NOW)
    assert answer.found
    assert set(answer.values) in ({2500.0}, {170.0})
    assert "earlier" not in answer.headline


@pytest.mark.parametrize("question", [
    "how many people watched the oscars this year",
    "who is the mayor of kherson",
    "When did Boris Johnson resign?",
    "what did the zebra say about quantum marmalade",
    "what did tom vale die of",  # "the death of cricket legend Tom Vale" says of whom
    "When was Jo Doe confirmed to the court?",  # her confirmation hearings began, no more
    "what was the final death toll in mariupol",  # a count of the day, while it goes on
])
async def test_nothing_stored_says_it_so_the_answer_says_so(newsroom: Store, question: str) -> None:
    answer = await answer_question(newsroom, question, NOW)
    assert not answer.found and answer.headline.startswith("I don't know")


async def test_a_refused_question_is_an_answer_with_the_reason(newsroom: Store) -> None:
    answer = await answer_question(newsroom, "   ", NOW)
    assert not answer.found and answer.kind == "refused" and "question" in answer.headline


def test_dates_in_a_trend_carry_the_year_when_it_is_not_this_one() -> None:
    from digests.news.figure_answers import _day
    assert _day(date(2022, 3, 2), NOW) == "2 Mar"
    assert _day(date(2021, 3, 2), NOW) == "2 Mar 2021"


def test_the_people_patterns_are_compiled_once_on_first_use() -> None:
    """`people_words` compiles its patterns when first read (start-up does not pay for them),
    once, and an unknown name is still an AttributeError."""
    import re

    from digests.news import people_words

    pattern = people_words.LEFT_ROLE
    assert isinstance(pattern, re.Pattern) and people_words.LEFT_ROLE is pattern
    assert people_words.TRANSLITERATION.sub("sky", "Zelenskiy") == "Zelensky"
    with pytest.raises(AttributeError):
        people_words.NOT_A_PATTERN  # noqa: B018


@pytest.mark.parametrize(("question", "kind", "nouns"), [
    ("which senator said he'd vote for her", PERSON, ("senator",)),
    ("which pakistani leader is facing a vote", PERSON, ("pakistani", "leader")),
    ("which country was the first in europe", COUNTRY, ("country",)),
    ("what was the first big city the russians captured", PLACE, ("first", "big", "city")),
    ("What was the name of the Russian general Ukraine said it killed?", PERSON,
     ("russian", "general", "ukraine")),
    ("Which nuclear power plant, Europe's largest, was shelled?", NAME, ("nuclear", "power", "plant")),
    ("In which Indian state did the guests fall into a well?", PLACE, ("indian", "state")),
    ("what do the locals call the italian bear", NAME, ("italian", "bear")),
    ("what's that chalk drum sculpture called", NAME, ("chalk", "drum", "sculpture")),
    ("what's the name of the dog ukrainian soldiers rescued", NAME, ("dog",)),
    ("what's the actual name of the game", NAME, ("game",)),
    ("whats the new electric suv called this year", NAME, ("new", "electric", "suv")),
])
def test_which_question_says_the_kind_of_name_it_wants(question: str, kind: str,
                                                        nouns: tuple[str, ...]) -> None:
    want = wanted(read_question(question, TODAY))
    assert want is not None and (want.kind, want.nouns) == (kind, nouns)


def test_where_something_was_headed_is_where_to_not_where_it_was() -> None:
    asked = read_question("where was the airline flight with the snake on it headed", TODAY)
    assert place_in("Flight in Malaysia rerouted after snake found on board plane", asked) is None
    assert place_in("The flight, bound for Tawau, was rerouted to Kuching.", asked) == "Tawau"
    assert place_in("Snake found on a Kyiv-bound train", asked) == "Kyiv"
    where = read_question("where was the flight", TODAY)
    assert place_in("The flight in Malaysia was rerouted", where) == "Malaysia"


def test_a_name_of_the_thing_the_question_gives_is_not_the_thing_it_asks_for() -> None:
    asked = read_question("Which museum will the old chalk drum go on display at?", TODAY)
    text = 'A chalk sculpture named the "Burton Agnes drum" is hailed as a "significant find".'
    assert answers_named(asked, text) is None  # the drum's name, not a museum's


def test_a_species_is_named_by_its_genus_and_its_epithet() -> None:
    asked = read_question("What is the new pterosaur species from Purbeck called?", TODAY)
    text = "A pterosaur found on Purbeck has been named as a new species, Caelodraco purbeckensis."
    assert answers_named(asked, text) == "Caelodraco purbeckensis"
    genus = "A pterosaur found on Purbeck has been named as a new species, Caelodraco, today."
    assert answers_named(asked, genus) == "Caelodraco"  # an ordinary word after it is no epithet


def test_who_was_doing_it_needs_a_sentence_naming_someone_the_question_does_not() -> None:
    asked = read_question("who was hosting the talk show when butusov punched shufrych", TODAY)
    assert not names_someone(asked, "Journalist Yuriy Butusov hit MP Nestor Shufrych on a talk show.")
    assert names_someone(asked, "Host Ana Vale watched as Yuriy Butusov hit MP Nestor Shufrych.")
    bowled = read_question("how many runs did india get when england bowled them out", TODAY)
    assert "bowl" not in lowercase_names(bowled, ["The Super Bowl and the Rose Bowl", "Super Bowl ads"], {})
    sponsor = read_question("who's barcelona's new shirt sponsor", TODAY)  # a company may answer
    assert names_someone(sponsor, "FC Barcelona has signed a deal with Spotify.")


def test_places_from_a_dateline_and_from_the_city_of() -> None:
    asked = read_question("where did the mom and kid escape the burning car", TODAY)
    assert place_in("Spring, Texas, officials say a woman escaped her car.", asked) == "Spring"
    assert place_in("An investigation is underway in the Texas city of Colleyville.", asked) == "Colleyville"
    assert place_in("Boris Johnson, Prime Minister, said so.", asked) is None


def test_someone_is_no_doer_the_sentence_must_name() -> None:
    assert read_question("when did someone buy that drawing at a yard sale", TODAY).subject is None
    assert read_question("when did boris johnson resign", TODAY).subject == "boris johnson"


def test_a_street_is_a_place_asked_for() -> None:
    asked = read_question("which street was the house fire on", TODAY)
    want = wanted(asked)
    assert want is not None and want.kind == PLACE
    assert answers_named(asked, "Woman dies in London house fire") is None  # London is no street
    assert answers_named(asked, "A house fire in Hyson Road killed two.") == "Hyson Road"


def test_what_made_it_happen_asks_a_cause() -> None:
    assert not gives_cause("what made the cyclist collapse", "He will have tests after his collapse.")
    assert gives_cause("what made the cyclist collapse", "He collapsed because of a heart problem.")


@pytest.mark.parametrize(("question", "head"), [
    ("what gadget did the trainee doctor have put in his ear", "gadget"),
    ("what chemicals in tap water are over the limit", "chemicals"),
    ("which policy keeps refugees at the border", "policy"),
])
def test_a_named_thing_asked_for_is_a_name_the_answer_leads_with(question: str, head: str) -> None:
    want = wanted(read_question(question, TODAY))
    assert want is not None and (want.kind, want.said, want.head) == (NAME, True, head)


def test_the_last_kind_noun_says_the_kind() -> None:
    """"Which hacker group": a group is asked for, not a hacker."""
    want = wanted(read_question("which hacker group hit the supplier", TODAY))
    assert want is not None and (want.kind, want.head) == (NAME, "group")


def test_a_verb_the_question_types_is_no_name_it_requires() -> None:
    """"chosen" is in no stored sentence, yet a sentence saying "decided" may answer."""
    assert is_verb_form("chosen") and is_verb_form("decided") and not is_verb_form("Fennimore")
    asked = read_question("what new name was chosen for the moth", TODAY)
    rarity = {t: 9.0 for t in asked.terms}
    assert lemma("chosen") not in lowercase_names(asked, ["The society decided on a new name."], rarity)


async def test_a_post_of_a_body_is_read_before_the_post_too(newsroom: Store) -> None:
    """"President of what": "resigns as Guild of Potters president" says it, as "president of
    the Guild of Potters" would."""
    answer = await answer_question(newsroom, "What has Sir Ned Pike resigned as president of?", NOW)
    assert answer.found and "Guild of Potters" in answer.headline


async def test_when_leads_with_the_day_of_the_event_not_of_its_telling(newsroom: Store) -> None:
    """"Has died, his band said on Monday" dates the telling; "died on Saturday" the death."""
    answer = await answer_question(newsroom, "when did drummer lee frost die", NOW)
    assert answer.found and answer.headline.startswith("Saturday 12 March")
    told = await answer_question(newsroom, "when did lee frost's band say he had died", NOW)
    assert told.found and told.headline.startswith("Monday 14 March")


def test_the_club_a_player_went_to_is_the_club_he_joined() -> None:
    asked = read_question("which club did the striker go to on a free", TODAY)
    assert lemma("joined") in asked.terms and meets(lemma("join"), {lemma("signing")})
    assert "joined" not in in_news_words("did the minister go to the summit")


def test_a_nationality_the_question_gives_is_no_place_to_answer_with() -> None:
    asked = read_question("In which Indian state did the guests fall into a well?", TODAY)
    assert place_in("Guests fell into a well in India, authorities in Bihar said.", asked) == "Bihar"


def test_a_name_given_with_small_words_inside_is_read_whole() -> None:
    asked = read_question("what's the actual name of the game", TODAY)
    want = wanted(asked)
    assert want is not None and name_of_kind(
        "The game is officially called The Legend of Zelda Tears of the Kingdom.\n\nMore soon.",
        asked, want) == "Legend of Zelda Tears of the Kingdom"


def test_a_sale_up_for_auction_is_no_sale_done() -> None:
    asked = read_question("how much did the clubs sell for", TODAY)
    assert not says_it(asked, "The clubs are up for sale -- and could sell for more than $1m.", TODAY)
    assert says_it(asked, "The clubs sold for more than $1m.", TODAY)


def test_words_a_sentence_writes_as_one_meet_the_question_s_two() -> None:
    asked = read_question("how many toyota plants had to stop after that cyber attack", TODAY)
    rarity = {t: 5.0 for t in asked.terms}
    one_word = "A cyberattack on Toyota's supply chain shuts its 14 factories for a day."
    assert support(asked, one_word, rarity) > support(asked, one_word.replace("cyberattack", "outage"),
                                                      rarity)
    assert split_in("heat wave", {lemma("heatwaves")}) == {lemma("heat"), lemma("wave")}


def test_a_word_a_sentence_hyphenates_meets_the_question_s_one_word() -> None:
    antivirus = {lemma("antivirus")}
    assert compounds_in("Kaspersky anti-virus is safe for users.", antivirus) == antivirus
    assert compounds_in("An anti-war march.", {lemma("antivirus")}) == set()


def test_a_hyphenated_word_of_the_question_is_met_part_by_part() -> None:
    """"record-breaking" by "record breaker", "sky-high" by "high in the sky"; not by half of it."""
    assert meets(lemma("record-breaking"), lemmas_of("Shanghai restaurant named as record breaker"))
    assert meets(lemma("sky-high"), lemmas_of("A restaurant high in the sky"))
    assert not meets(lemma("record-breaking"), lemmas_of("A record crowd watched"))


def test_how_deep_asks_for_a_distance_and_shorthand_is_read() -> None:
    assert read_question("how deep was the shipwreck", TODAY).measure == MEASURE_DISTANCE
    assert lemma("lottery") in read_question("how much did he win on the lotto", TODAY).terms
    assert lemma("instagram") in read_question("why was he banned from insta", TODAY).terms


def test_a_role_as_the_subject_after_a_clause_naming_the_person() -> None:
    text = "After Lebo Kganye's mother died at age 49, the South African artist began to sort her things."
    assert role_near("Lebo Kganye", text) == "South African artist"
    assert role_near("Tom Bell", "When Tom Bell met the minister, the minister said no.") is None
    assert role_near("Tom Bell", "After Tom Bell scored twice, the crowd went wild.") is None


def test_a_place_at_a_sentence_s_start_or_beneath_something() -> None:
    asked = read_question("where's the deepest railway station", TODAY)
    assert place_in("Beneath the Great Wall of China lies the deepest railway station.",
                    asked) == "Great Wall of China"
    assert place_in("In Kharkiv, the railway station was hit.", asked) == "Kharkiv"


def test_the_event_a_medal_was_won_in_must_be_the_one_asked() -> None:
    asked = read_question("who took gold in the men's snowboard cross in beijing", TODAY)
    rarity = {**{t: 3.0 for t in (*asked.terms, *asked.thing)}, "snowboard": 5.8, "cross": 5.4}
    halfpipe = "Ayumu Hirano wins snowboard halfpipe gold in Beijing."
    cross = "Alessandro Haemmerle wins snowboard cross gold in Beijing."
    assert not about_it(asked, halfpipe, halfpipe, rarity) and about_it(asked, cross, cross, rarity)


def test_a_country_named_with_a_possessive_is_met_by_its_nationality() -> None:
    asked = read_question("When is Hungary's election?", TODAY)
    rarity = {t: 5.0 for t in asked.terms}
    assert support(asked, "Hungarian election: Orban faces toughest race", rarity) > 0
    assert support(asked, "Texans are heading to the polls in the 2022 election.", rarity) == 0


def test_a_known_place_is_read_with_the_words_of_its_name_before_it() -> None:
    asked = read_question("In which Indian state did the guests fall into a well?", TODAY)
    assert place_in("Authorities from Uttar Pradesh state said so.", asked) == "Uttar Pradesh"
    assert place_in("Officials in the state of Madhya Pradesh said so.", asked) == "Madhya Pradesh"
    assert place_in("Governor Kyiv said so.", asked) == "Kyiv"


def test_welcome_to_places_and_a_country_is_no_town() -> None:
    asked = read_question("which polish town are people greeting refugees in", TODAY)
    text = "A couple, messaged from Taiwan, came to meet a refugee - welcome to Przemysl."
    assert answers_named(asked, text) == "Przemysl"


def test_the_thing_asked_for_may_come_before_its_name() -> None:
    asked = read_question("which anime movie was a surprise hit", TODAY)
    want = wanted(asked)
    assert want is not None and name_of_kind(
        "Animated film Jujutsu Kaisen 0 is a surprise box office hit.", asked, want) == "Jujutsu Kaisen"


async def test_where_reads_a_narrower_place_from_the_item_s_own_sentence(newsroom: Store) -> None:
    answer = await answer_question(newsroom, "where did that hatchet attack at the mosque happen", NOW)
    assert answer.found and answer.headline.startswith("Mississauga — ")


async def test_where_reads_the_narrower_place_of_the_opening_under_a_title_that_names_a_country(
        newsroom: Store) -> None:
    """A title placing the story in a country only, over an opening that names the city in
    other words than the question's: the opening tells the title's story."""
    asked = "Where is the world's oldest chess player staying during the war?"
    answer = await answer_question(newsroom, asked, NOW)
    assert answer.found and answer.headline.startswith("Kharkiv — ")


def test_a_peer_s_title_names_no_place() -> None:
    asked = read_question("where did the prince condemn slavery", TODAY)
    assert place_in("The Duke of Cambridge condemns the slave trade.", asked) is None
    assert place_in("The prince spoke in Cambridge on Tuesday.", asked) == "Cambridge"


async def test_a_figure_from_the_matching_item_s_sentence_that_repeats_none_of_its_words(
        newsroom: Store) -> None:
    """"The 32-year-old is calling it a day after nine years" under "X is leaving Y": quitting
    said as leaving, and the duration in the next sentence."""
    asked = "how long was bo lindqvist on starlight ballroom before quitting"
    answer = await answer_question(newsroom, asked, NOW)
    assert answer.found and answer.headline.startswith("9 years")


async def test_how_many_were_arrested_needs_a_sentence_that_says_an_arrest(newsroom: Store) -> None:
    asked = "How many suspects have been arrested over the shooting at the Varrow car show?"
    assert not (await answer_question(newsroom, asked, NOW)).found  # "hunting two suspects"
    assert (await answer_question(newsroom, "how many suspects are police hunting after the Varrow car show",
                                  NOW)).found


async def test_a_sentence_is_read_with_the_rest_of_its_item(newsroom: Store) -> None:
    """The title counts the farmers; only the item's next sentence says in which country."""
    hits = await newsroom.search_sentences(["farmer", "die", "day"], 5)
    title = next(h for h in hits if h.text.startswith("The country where"))
    contexts, _ = await whole_items(newsroom, [title])
    assert "Ruritania" in contexts[title.source.item_id]
    answer = await answer_question(newsroom, "How many farmers die each day in Ruritania?", NOW)
    assert answer.found and answer.headline.startswith("30 farmers")


async def test_how_many_tons_of_a_thing_asks_its_weight(newsroom: Store) -> None:
    """"Tons of halloumi": the halloumi is weighed, not counted; "of it" counts nothing."""
    asked = "how many metric tons of halloumi were made globally last year"
    answer = await answer_question(newsroom, asked, NOW)
    assert answer.found and answer.headline.startswith("more than 21 million tonnes")


async def test_where_reads_a_country_over_the_continent_a_sentence_describes_by(newsroom: Store) -> None:
    """"Europe's tallest volcano" is a description: the title says where it is."""
    answer = await answer_question(newsroom, "where did a volcano force an airport to close", NOW)
    assert answer.found and answer.headline.startswith("Italy — ")


@pytest.mark.parametrize(("question", "month", "left"), [
    ("where did a volcano force an airport to close in March?", 3, {"volcano", "airport"}),
    ("how many tons of aid landed in ukraine in early feb", 2, {"aid", "ukrain"}),
    ("what happened since late march", 3, set()),
    ("what will happen in may", 5, set()),
])
def test_a_month_named_as_the_time_is_not_a_word_to_find(question: str, month: int,
                                                         left: set[str]) -> None:
    asked = read_question(question, TODAY)
    assert asked.month == month
    assert left <= set(asked.terms) and not {"march", "februari", "earli", "late", "may"} & set(asked.terms)


@pytest.mark.parametrize("question", ["who led the march on the capitol", "what happened on march 3",
                                      "what may happen next"])
def test_march_and_may_as_words_or_with_a_day_are_no_month_named(question: str) -> None:
    assert read_question(question, TODAY).month is None


def test_what_year_asks_when_and_the_year_is_no_word_to_find() -> None:
    for typed in ("what year's the iran nuclear deal", "which year's euros are they bidding for"):
        asked = read_question(typed, TODAY)
        assert asked.kind == KIND_DATE and "year" not in asked.terms


def test_a_target_year_is_no_year_the_question_asks_about() -> None:
    assert read_question("By what percentage did the pledge aim to cut methane by 2030?", TODAY).year is None
    assert read_question("who won the cup in 2021", TODAY).year == 2021


def test_a_sentence_of_the_year_asked_does_not_tell_of_last_year() -> None:
    asked = read_question("how many chain store shops closed in 2022", TODAY)
    assert not says_it(asked, "More than 17,000 chain store shops closed last year.", date(2022, 2, 19))
    assert says_it(asked, "More than 1,000 chain store shops closed this month.", date(2022, 2, 19))


def test_a_month_named_wants_a_sentence_of_that_month_or_one_that_names_it() -> None:
    asked = read_question("where did a volcano erupt in February", TODAY)
    assert says_it(asked, "A volcano erupted on Monday.", date(2022, 2, 21))
    assert says_it(asked, "The volcano erupted in February, officials said.", date(2022, 3, 3))
    assert not says_it(asked, "A volcano erupted on Monday.", date(2022, 3, 21))


def test_when_answers_from_a_sentence_with_the_question_s_own_words() -> None:
    """"Unveiled its new SUV on Tuesday" names the carmaker, not the electric future asked of."""
    asked = read_question("By when does Velora plan to be fully electric?", TODAY)
    assert not dates_its_own(asked, "Velora unveiled its new Corsa SUV on Tuesday.")
    assert dates_its_own(asked, "It is a step toward making the carmaker fully electric by 2030.")


async def test_which_club_is_the_one_doing_the_event_though_no_sentence_says_club(
        newsroom: Store) -> None:
    answer = await answer_question(newsroom, "which club did ivo brandt go to on a free", NOW)
    assert answer.found and answer.headline.startswith("Redfield Rovers — ")


async def test_who_someone_is_doing_something_to_is_the_other_person_named(newsroom: Store) -> None:
    """"Who's X taking over from": not X, and the sentence that says it names no one; its
    item's title does ("X to replace Y")."""
    answer = await answer_question(newsroom, "who's lara kent taking over from on the politics show", NOW)
    assert answer.found and answer.headline.startswith("Andrew Moss — ")


async def test_why_leads_with_a_sentence_that_gives_a_cause(newsroom: Store) -> None:
    answer = await answer_question(newsroom, "why was the host suspended", NOW)
    assert answer.found and "because" in answer.headline


def test_what_did_asks_no_name() -> None:
    assert wanted(read_question("what did the zebra say about quantum marmalade", TODAY)) is None


def test_a_nationality_is_met_by_its_country() -> None:
    assert meets("pakistani", {"pakistan"}) and meets(lemma("ukrainian"), {lemma("ukraine")})
    assert not meets("pakistani", {"india"})


def test_a_members_phrase_is_read_as_the_word_news_uses() -> None:
    assert lemma("sacked") in read_question("how many seafarers did the firm get rid of", TODAY).terms
    assert lemma("executed") in read_question("how many people did they put to death", TODAY).terms
    assert meets(lemma("people"), {lemma("men")}) and not meets(lemma("men"), {lemma("people")})
    assert meets(lemma("fired"), {lemma("sacked")})
    assert lemma("tears") in read_question("where was she playing when the crowd made her cry", TODAY).terms
    assert lemma("held") in read_question("where did the awards take place", TODAY).terms
    assert "someon" not in read_question("who did someone in the crowd shout at", TODAY).terms
    assert meets(lemma("bar"), {lemma("pub")}) and meets(lemma("wrecked"), {lemma("destroyed")})
    assert meets(lemma("crowd"), {lemma("heckler")})
    assert lemma("won") in read_question("who took gold in the downhill", TODAY).terms
    assert lemma("blocked") in read_question("which site did the regulator cut off", TODAY).terms
    assert "name" not in read_question("what was the name of the general", TODAY).terms
    assert lemma("barcelona") in read_question("how many fans packed the nou camp for barca", TODAY).terms
    mixed = read_question("what did the mp mix gazpacho up with", TODAY)
    assert lemma("confused") in mixed.terms and "kind" not in read_question(
        "what kind of feed is the app letting people switch back to", TODAY).terms
    assert meets(lemma("gadget"), {lemma("device")}) and "lot" not in read_question(
        "what's lots of dozing linked to", TODAY).terms


@pytest.mark.parametrize(("typed", "read_as"), [
    ("how many ppl died", "people"),
    ("what did the govt announce", "government"),
    ("who is the uk pm", "prime minister"),
    ("how many yrs did he serve", "years"),
    ("how old was the dnb mc when he passed", "drum and bass"),
    ("how old was the mc when he passed", "he died"),
    ("how many died when the plane went down", "plane crashed"),
    ("what landed in ukraine in early feb", "early February"),
    ("what happened on 3 dec", "3 December"),
    ("how many grad students are suing the prof", "graduate students are suing the professor"),
    ("how much fruit n veg is binned, in quid", "fruit and veg is binned, in pounds"),
    ("where did england lose to the aussies", "lose to Australia"),
    ("how many titles in a row has the team won", "titles consecutive has"),
    ("oil blew past what price", "oil rose past"),
    ("how much got nicked in the crypto hack", "how much was stolen in the crypto hack"),
    ("what song did nz play at the protesters lol", "New Zealand play at the protesters"),
    ("how many runs at the womens wc", "womens World Cup"),
    ("where did the teacher hit a high schooler", "a high school student"),
    ("whats the system called, the one they sell", "called, they sell"),
    ("what is the airline flying rn", "what is the airline flying"),
    ("why are women training bc of russia", "because of russia"),
    ("how many cops did the philly teen fire at", "Philadelphia teen shoot at"),
    ("when did the airline stop selling booze", "selling alcohol"),
    ("can unjabbed teens travel", "unvaccinated teens"),
    ("when did the statue show up on wall st", "Wall Street"),
    ("where was the tourney", "tournament"),
    ("what year did lbj sign it", "Lyndon Johnson"),
])
def test_a_members_shorthand_is_read_in_full(typed: str, read_as: str) -> None:
    assert read_as in in_news_words(typed)


def test_shorthand_is_read_only_where_it_is_shorthand() -> None:
    assert in_news_words("what happened at 5 pm") == "what happened at 5 pm"
    assert in_news_words("what did the dec committee say") == "what did the dec committee say"
    assert in_news_words("how much have prices gone down") == "how much have prices gone down"
    assert in_news_words("which bill passed the senate") == "which bill passed the senate"
    assert in_news_words("was it a quid pro quo") == "was it a quid pro quo"
    assert "lol" not in in_news_words("lol who won") and "rowling" in in_news_words("jk rowling's new book")
    assert in_news_words("what does section n of the act say") == "what does section n of the act say"


def test_a_figure_asked_mid_question_is_a_figure_question() -> None:
    asked = read_question("russia and ukraine make up what percentage of the world's wheat exports", TODAY)
    assert asked.kind == KIND_FIGURES
    assert read_question("where is the share of votes counted", TODAY).kind != KIND_FIGURES
    for asked_word, written in [("house", "home"), ("torch", "burn"), ("coke", "cocaine"),
                                ("restaurants", "outlets"), ("offshoot", "subvariant")]:
        assert meets(lemma(asked_word), {lemma(written)}) > 0, (asked_word, written)


@pytest.mark.parametrize(("british", "american"), [
    ("multicoloured", "multicolored"), ("organised", "organized"), ("analysed", "analyzed"),
    ("centre", "center"), ("defence", "defense"), ("labour", "labor"), ("programme", "program"),
    ("theatre", "theater"), ("licence", "license"),
])
def test_a_word_meets_its_other_spelling(british: str, american: str) -> None:
    assert meets(lemma(british), {lemma(american)}) == 1.0
    assert meets(lemma(american), {lemma(british)}) > 0


def test_other_spellings_join_no_other_words() -> None:
    assert not meets(lemma("four"), {lemma("for")}) and not meets(lemma("hour"), {lemma("hor")})


def test_an_event_is_no_place_and_words_of_a_name_are_no_event() -> None:
    asked = read_question("where were the world indoor athletics champs held", TODAY)
    assert place_in("She won gold at the World Indoor Athletics Championships.", asked) is None
    assert place_in("She won gold at the World Indoor Athletics Championships in Belgrade.",
                    asked) == "Belgrade"
    assert "world championships" in in_news_words("where were the world champs")
    assert in_news_words("did the champs win") == "did the champs win"  # champions, there
    assert "die" not in [*read_question("Where is China's multicoloured 'Dead Sea'?", TODAY).verbs]


def test_where_someone_is_from_is_a_place_given_as_their_origin() -> None:
    """Where a man died is not where he is from; "of Leeds" after a name and "Leeds-born" are."""
    asked = read_question("where was john smith from", TODAY)
    assert place_in("John Smith, 24, died after getting into difficulties at Loch Doon.", asked) is None
    assert place_in("John Smith, 24, of Newcastle upon Tyne, died at Loch Doon.",
                    asked) == "Newcastle upon Tyne"
    assert place_in("The Leeds-born singer John Smith won.", asked) == "Leeds"
    launch = read_question("where's the rocket launching from", TODAY)
    assert place_in("It will launch from the Kennedy Space Center in Florida.",
                    launch) == "Kennedy Space Center"
    assert place_in("A fire broke out in Leeds.", read_question("where was the fire", TODAY)) == "Leeds"


def test_shorthand_dates_hyphens_accents_and_slang_are_read_as_news_writes_them() -> None:
    assert not read_question("what happened in kyiv on 3 dec", TODAY).terms[1:]  # a date, no word
    assert {lemma("ton"), lemma("shipment")} <= lemmas_of("An 80-ton-shipment of aid arrived.")
    assert lemma("tank") not in lemmas_of("It sent 1,000 anti-tank weapons.")  # made with a prefix
    assert lemma("Pokémon") == lemma("pokemon") and lemma("Zürich") == lemma("zurich")
    assert lemma("Київ") == lemma("київ")  # another script is kept, not emptied
    assert lemma("spent") in read_question("how much money did he blow on a card", TODAY).terms
    assert "spent" not in in_news_words("will the wind blow on the coast")
    assert meets(lemma("covid"), {lemma("coronavirus")})


async def test_a_question_that_says_may_is_answered_by_a_sentence_that_says_may(newsroom: Store) -> None:
    """"How many gloves may the government have bought": "may have bought 3bn gloves" answers
    it; a done event asked about is not answered by one only expected."""
    answer = await answer_question(newsroom, "how many gloves may the ministry have bought from the "
                                             "sweatshop", NOW)
    assert answer.found and answer.values[0] == 3_000_000_000


def test_a_nationality_is_met_by_its_countrys_short_name() -> None:
    assert meets(lemma("american"), {lemma("us")}) and meets(lemma("british"), {lemma("uk")})
    assert meets(lemma("british"), {lemma("britain")}) and meets(lemma("pakistani"), {lemma("pakistan")})
    assert not meets(lemma("american"), {lemma("uk")})


@pytest.mark.parametrize(("sentence", "day"), [
    ("Zelensky to address MPs via video link on Tuesday", date(2022, 3, 8)),  # a headline's future
    ("He will speak on Tuesday", date(2022, 3, 8)),
    ("McGregor was arrested by police on Tuesday evening", date(2022, 3, 1)),
    ("Russia agreed to talks on Tuesday", date(2022, 3, 1)),
    ("Police were called to the scene on Tuesday", date(2022, 3, 1)),
    ("A look at his bid to become champion against Martinez on Saturday", date(2022, 3, 12)),
    ("The leaders are set to meet in Brussels on Monday", date(2022, 3, 7)),  # written that day
    ("He will speak next Monday", date(2022, 3, 14)),
    ("A jet that appears to have crashed Saturday was found", date(2022, 3, 5)),  # no future
    ("From Thursday, visitors will be allowed in with a test", date(2022, 3, 10)),  # a change to come
    ("From Thursday, visitors were allowed in with a test", date(2022, 3, 3)),
    # A day and month more than a month ahead: this year's when the sentence speaks of the
    # future, last year's when it does not.
    ("Voters will go to the polls on 3 May", date(2022, 5, 3)),
    ("The vote was held on 3 May", date(2021, 5, 3)),
])
def test_a_weekday_still_to_come_is_the_next_one(sentence: str, day: date) -> None:
    """Published on Monday 7 March 2022."""
    assert [when for _, when in dates_in(sentence, date(2022, 3, 7))] == [day]


def test_what_day_asks_for_no_word_day() -> None:
    asked = read_question("what day did zelensky speak to the commons", TODAY)
    assert asked.kind == KIND_DATE and "day" not in asked.terms
    assert meets(lemma("gardai"), {lemma("police")}) and lemma("arrested") in read_question(
        "when did he get nicked", TODAY).terms


def test_a_running_toll_is_not_shown_falling() -> None:
    """The UN's confirmed 227 dead is one count, a rescue service's "more than 2,000" another:
    a toll only grows, so a higher earlier value is not its trend; a lower one is."""
    from digests.readings import CitedFigure

    def cited(value: float, day: int, counted: str = "civilians killed") -> CitedFigure:
        figure = Figure(value=value, unit=None, qualifier="exact", qualifier_text=None, counted=counted,
                        source=None, as_of=date(2022, 3, day), surface=str(value), sentence="",
                        start=0, end=0)
        return CitedFigure(figure, Source(day, "Desk", None, datetime(2022, 3, day, tzinfo=UTC)))

    line = _figure_headline(cited(227, 2), [cited(2000, 2), cited(136, 1)], NOW)
    assert "136 (1 Mar)" in line and "2,000" not in line
    price = _figure_headline(cited(80, 2, "dollars a barrel"), [cited(100, 1, "dollars a barrel")], NOW)
    assert "100 (1 Mar)" in price  # a price may fall


@pytest.mark.parametrize(("sentence", "when"), [
    ("In February 2018 at the Winter Games, she made history.", "February 2018"),
    ("She filed for divorce last year.", "2021"),
    ("The film came out 20 years ago.", "2002"),
    ("The statue first appeared five years ago.", "2017"),
    ("The stadium will open next year.", "2023"),
    ("She left the family home in 2019, a year after the move.", "2019"),
    ("may 2020 be kinder", "2020"),  # "may" typed lower case is no month: the year alone
])
def test_a_year_is_read_from_a_month_or_from_the_year_of_telling(sentence: str, when: str | None) -> None:
    from digests.news.answers import date_in
    assert date_in(sentence, date(2022, 2, 3)) == when


def test_will_at_a_sentence_s_start_may_be_a_name_not_the_future() -> None:
    """"Will Smith striking Chris Rock at Sunday's Academy Awards will go down…", published on
    Monday 28 March: the Sunday before, not the next one."""
    found = dates_in("Will Smith striking Chris Rock at the Academy Awards on Sunday shocked many.",
                     date(2022, 3, 28))
    assert [when for _, when in found] == [date(2022, 3, 27)]


def test_a_beating_may_be_written_as_the_winner_s_noun_and_a_warm_up_is_another_match() -> None:
    asked = read_question("Where did England beat Bangladesh in the Women's World Cup?", TODAY)
    published = date(2022, 3, 27)
    assert says_it(asked, "England will face South Africa in the semi-finals after an efficient "
                          "defeat of Bangladesh in Wellington.", published)
    assert says_it(asked, "Women's World Cup: Sciver stars in England win over Bangladesh", published)
    assert not says_it(asked, "Sciver hits a century in England's warm-up win against Bangladesh "
                              "in Lincoln.", published)


def test_the_day_of_an_occasion_comes_from_a_sentence_that_says_the_occasion() -> None:
    asked = read_question("when's the wedding for son ye-jin and hyun bin", TODAY)
    assert not says_it(asked, "Son Ye-jin and Hyun Bin announced their engagement on Thursday.",
                       date(2022, 2, 10))
    assert says_it(asked, "Son Ye-jin and Hyun Bin will marry on 31 March.", date(2022, 2, 10))


def test_a_place_that_begins_a_team_s_or_a_paper_s_name_is_not_where_it_happened() -> None:
    asked = read_question("where was the game when lebron passed karl malone", TODAY)
    assert place_in("LeBron James passes Karl Malone despite the Los Angeles Lakers' loss to the "
                    "Washington Wizards.", asked) is None
    assert place_in("A New York Times report says so.", asked) is None
    assert place_in("She retired from her match at the Guadalajara Open with a hip injury.", asked) \
        == "Guadalajara"
    assert place_in("Fighting went on in Kharkiv Oblast.", asked) == "Kharkiv Oblast"
    assert place_in("In the Swiss municipality of Arbedo-Castione, a crane stands tall.", asked) \
        == "Arbedo-Castione"
    assert place_in("Bayeux Tapestry: Wisbech teacher frets over famous errors", asked) == "Wisbech"
    assert place_in("Labour woman wins the seat", asked) is None  # a party is no home
    assert place_in("Ukraine President Zelensky spoke to MPs.", asked) == "Ukraine"


@pytest.mark.parametrize(("typed", "written"), [
    ("missing", "disappearance"), ("hit", "slapped"), ("ban", "suspended"), ("legal", "law"),
    ("requirement", "rules"), ("wedding", "marry"), ("croc", "crocodile"),
    ("flats", "apartment"), ("held", "hosts"), ("cancelled", "abandoned"), ("money", "funds"),
    ("baby", "infants"), ("storyline", "plotline"), ("pic", "image"), ("crypto", "cryptocurrency"),
    ("scam", "fraud"), ("bunker", "shelter"), ("sick", "ailed"), ("piled", "pileup"), ("hinted", "suggested"),
    ("radiation", "radioactive"), ("feb", "February"), ("jail", "prison"), ("reinstated", "restores"),
    ("trying", "trial"), ("grow", "growth"), ("sang", "singing"), ("dug", "digging"), ("stuck", "sticks"),
])
def test_news_words_of_the_same_thing_meet(typed: str, written: str) -> None:
    assert meets(lemma(typed), {lemma(written)})


def test_expectation_words_and_the_prem_are_read_as_news_writes_them() -> None:
    asked = read_question("when were biden and xi due to have their call", TODAY)
    assert "due" not in asked.terms
    assert {"premier", "leagu"} <= set(read_question("when is his first prem game", TODAY).terms)


@pytest.mark.parametrize(("typed", "kind"), [
    ("which belgian town did the car plough into the carnival crowd", KIND_PLACE),
    ("which small ex-soviet country are ukrainians fleeing to", KIND_PLACE),
    ("beckham handed his instagram over to a doctor in which city", KIND_PLACE),
    ("which state is the fire in", KIND_PLACE),
    ("what state of mind was he in", "search"),
    ("what's the little ukrainian town whose locals drove the russians back", KIND_PLACE),
    ("what was the venue", KIND_PLACE),
    ("what is the city council doing", "search"),
])
def test_a_place_asked_with_words_before_it_or_at_the_question_s_end(typed: str, kind: str) -> None:
    assert read_question(typed, TODAY).kind == kind


def test_a_town_is_read_after_downtown_and_a_state_is_no_town() -> None:
    asked = read_question("which town was the hookah lounge shooting in", TODAY)
    assert answers_named(asked, "A shooting at a hookah lounge in downtown Blacksburg, police said.") \
        == "Blacksburg"
    assert answers_named(asked, "Deadly hookah lounge shooting in Virginia") is None


def test_a_count_of_the_dead_does_not_answer_how_many_were_hurt() -> None:
    from digests.news.figure_answers import same_fate
    hurt = read_question("how many people got hurt when the car hit the carnival", TODAY)
    assert not same_fate(hurt, "people killed")
    assert same_fate(hurt, "people injured") and same_fate(hurt, "spectators")
    either = read_question("how many civilians have been killed or injured", TODAY)
    assert same_fate(either, "civilians killed")
    burned = read_question("how many houses got burned down in the fire", TODAY)
    assert not same_fate(burned, "homes are lifted") and same_fate(burned, "homes destroyed")
    assert same_fate(burned, "homes")
    assert meets(lemma("plough"), {lemma("crashed")})


def test_a_country_is_named_by_its_nationality_across_the_world() -> None:
    asked = read_question("which country had that massive repsol oil spill", TODAY)
    assert "massiv" not in asked.terms
    want = wanted(asked)
    assert want is not None and want.kind == COUNTRY
    assert name_of_kind("After Peru’s worst ever disaster, Repsol, the Spanish firm, said little.",
                        asked, want) == "Peru"


def test_a_place_ends_before_a_day_and_inside_the_country_that_owns_it() -> None:
    asked = read_question("where did it happen", TODAY)
    assert place_in("Evacuations from the besieged city of Mariupol on Saturday were halted.", asked) \
        == "Mariupol"
    assert place_in("Crowds gathered in Morocco's northern Chefchaouen province on Monday.", asked) \
        == "Chefchaouen"
    assert place_in("Former CNN Digital Asia Director Marc Lourdes dies at 40", asked) == "Asia"
    assert place_in("Protests in Uttar Pradesh grew.", asked) == "Uttar Pradesh"


@pytest.mark.parametrize(("typed", "read"), [
    ("so when does stranger things actually end", "when does stranger things actually end"),
    ("ok so who is kemi badenoch", "who is kemi badenoch"),
    ("hey, where is kharkiv", "where is kharkiv"),
    ("right, where is kharkiv", "where is kharkiv"),
    ("so-called experts say what", "so-called experts say what"),
])
def test_what_a_member_types_before_asking_is_not_the_question(typed: str, read: str) -> None:
    assert read_question(typed, TODAY).text == read


def test_a_year_on_its_own_comes_after_every_other_date() -> None:
    from digests.news.answers import date_in
    published = date(2022, 3, 7)
    assert date_in("ahead of its 2023 Disney Plus launch", published) == "2023"
    assert date_in("Boris Johnson’s 2050 emissions target is being challenged", published) == "2050"
    assert date_in("at Euro 2020 and the Beijing 2022 Games", published) is None
    assert date_in("the 2020-21 season cost £2022", published) is None
    assert date_in("suspended for bets during the 2021 season, the league said", published,
                   bare=False) is None
    assert meets(lemma("kidnapped"), {lemma("abducted")}) and meets(lemma("released"), {lemma("published")})


async def test_how_many_so_far_is_read_from_an_ordinal(newsroom: Store) -> None:
    """"His 11th concussion": eleven so far, when no sentence gives the count as a number."""
    answer = await answer_question(newsroom, "how many concussions has pucello had now", NOW)
    assert answer.found and answer.headline.startswith("11 concussions so far")
    answer = await answer_question(newsroom, "how many earth trojan asteroids have been discovered", NOW)
    assert answer.found and answer.headline.startswith("2 asteroids so far")  # a few words after it
    answer = await answer_question(newsroom, "how many years has the millbrook ball game been going", NOW)
    assert answer.found and answer.headline.startswith("822 years so far")


async def test_a_share_said_as_n_in_m_is_a_percentage(newsroom: Store) -> None:
    answer = await answer_question(newsroom, "what share of voters disapprove of ann vell", NOW)
    assert answer.found and answer.headline.startswith("6 in 10 (60%)") and answer.values == (60.0,)


def test_a_series_counts_the_thing_asked_not_another_counted_beside_it() -> None:
    """"Twenty fire engines and 125 firefighters were called": how many firefighters is 125."""
    from digests.news.figure_answers import figure_question
    from digests.news.figure_series import best_series
    sentence = "Twenty fire engines and 125 firefighters were called to a fire at a block of flats."
    published = datetime(2022, 3, 7, 9, tzinfo=UTC)
    found = [CitedFigure(f, Source(1, "Desk", None, published)) for f in extract_figures(sentence, published)]
    asked = read_question("how many firefighters went to the tower block fire", TODAY)
    assert [c.figure.value for c in best_series(found, figure_question(asked))] == [125]


@pytest.mark.parametrize(("typed", "measure"), [
    ("How long is the Coast Starlight train route from Seattle to Los Angeles?", MEASURE_DISTANCE),
    ("how long was the russian convoy", MEASURE_DISTANCE),
    ("how long is the flight", MEASURE_DURATION),
    ("how long did the war last", MEASURE_DURATION),
])
def test_how_long_is_a_route_asks_for_a_length(typed: str, measure: str) -> None:
    assert read_question(typed, TODAY).measure == measure


def test_the_mayor_of_a_town_places_it() -> None:
    asked = read_question("what's the little ukrainian town whose locals drove the russians back", TODAY)
    assert "littl" not in asked.terms
    assert place_in("The mayor of Voznesensk hails local people who drove Russian troops back.", asked) \
        == "Voznesensk"
    assert meets(lemma("boozer"), {lemma("pub")})


async def test_what_caused_wants_a_sentence_that_gives_a_cause(newsroom: Store) -> None:
    """"Jet crashes in hills" says that it crashed, not what caused it."""
    answer = await answer_question(newsroom, "what caused the jet crash in ruritania", NOW)
    assert not answer.found
    from digests.news.what_answers import gives_cause
    assert gives_cause("what caused the jet crash", "The crash was blamed on a fuel leak.")
    assert gives_cause("where did the jet crash", "Jet crashes in hills")


async def test_a_month_after_the_news_ends_is_not_answered_from_older_news(newsroom: Store) -> None:
    answer = await answer_question(newsroom, "what did inflation actually hit in april 2022", NOW)
    assert not answer.found and "April 2022" in answer.headline


@pytest.mark.parametrize(("typed", "kind", "term"), [
    ("what % voted yes in the referendum", KIND_FIGURES, "vote"),
    ("how much have groceries gone up in a year", KIND_FIGURES, "rise"),
    ("where did the ice shelf fall apart", KIND_PLACE, "collaps"),
])
def test_members_phrasal_verbs_and_percent_signs(typed: str, kind: str, term: str) -> None:
    asked = read_question(typed, TODAY)
    assert asked.kind == kind and term in asked.terms


def test_a_body_named_by_its_initials_is_met_in_full() -> None:
    assert has_name("UN World Tourism Organization", "The United Nations World Tourism Organization said")
    assert has_name("United States", "the United States Army") and not has_name("UN", "The union said")
    assert meets(lemma("gator"), {lemma("alligator")}) and meets(lemma("tyre"), {lemma("tire")})


def test_a_paper_named_after_newspaper_and_a_title_in_quotes() -> None:
    """"Which spanish paper called X a parasite": the paper, not X; "the title of her book":
    the quoted title, its subtitle left out."""
    asked = read_question("which spanish paper called tom vale a parasite", TODAY)
    want = wanted(asked)
    assert want is not None and want.nouns == ("spanish", "paper")
    assert name_of_kind("Vale hit out at Spanish newspaper Diario for a column.", asked, want) == "Diario"
    asked = read_question("what is the title of ana vale's new book", TODAY)
    want = wanted(asked)
    assert want is not None and name_of_kind(
        'Ana Vale\'s new book "Glass House: The Making of a Prime Minister and the Breaking of '
        'a Party" is out.', asked, want) == "Glass House"


def test_a_city_named_in_the_question_is_not_the_kind_of_place_asked() -> None:
    """"Where is the 'city within a city' planned": a country answers; "which city" wants a city."""
    from digests.news.name_answers import name_given
    sentence = 'A firm has unveiled plans for a new "city within a city" in Vietnam.'
    asked = read_question("where is the 'city within a city' planned", TODAY)
    assert name_given(asked, sentence) == "Vietnam"
    assert name_given(read_question("which city is the new district planned in", TODAY), sentence) is None


def test_a_figure_the_question_gives_is_not_its_answer() -> None:
    from digests.news.figure_answers import given_by_question
    published = datetime(2022, 3, 14, 9, tzinfo=UTC)
    asked = read_question("how much could food prices go up according to the 2 sisters boss", TODAY)
    given, = extract_figures("The boss of food firm 2 Sisters warns prices will jump.", published)
    asked_for, = extract_figures("Food prices could rise by up to 15%, the boss says.", published)
    assert given_by_question(asked, given) and not given_by_question(asked, asked_for)


@pytest.mark.parametrize(("typed", "present", "absent"), [
    ("when was the fan beaten up outside the stadium", "assault", "beat"),
    ("how old is ana vale the kid from belfast", "belfast", "kid"),
])
def test_members_words_for_events_and_people(typed: str, present: str, absent: str) -> None:
    asked = read_question(typed, TODAY)
    assert present in asked.terms and absent not in asked.terms


def test_a_hammering_of_a_side_says_it_was_beaten() -> None:
    asked = read_question("where did england beat india", TODAY)
    assert says_it(asked, "England sealed a four-wicket hammering of India in Mount Maunganui.", TODAY)


@pytest.mark.parametrize("typed", ["whats the covid jab rate in the cook islands",
                                   "what's the death toll in mariupol so far"])
def test_what_is_the_rate_in_a_place_asks_for_a_figure(typed: str) -> None:
    assert read_question(typed, TODAY).kind == KIND_FIGURES
    assert meets(lemma("jab"), {lemma("vaccination")}) and meets(lemma("grabbed"), {lemma("annexed")})


def test_self_harm_is_harm_and_an_anti_tank_weapon_no_tank() -> None:
    assert lemma("harm") in lemmas_of("Referrals for self-harm rose by 77%.")
    assert lemma("tank") not in lemmas_of("An anti-tank weapon was fired.")


def test_becoming_champion_says_the_title_was_won() -> None:
    asked = read_question("what year did tom vale win the olympic skating title", TODAY)
    assert says_it(asked, "In 1976, Tom Vale became the Olympic, world and European champion in skating.",
                   TODAY)


def test_a_place_is_no_name_of_a_ship_but_may_be_a_clubs() -> None:
    from digests.news.name_answers import name_given
    ship = read_question("what's the name of the cruise ship that ran aground", TODAY)
    assert name_given(ship, "Cruise ship runs aground during Caribbean voyage") is None
    club = read_question("which club did ivo brandt go to on a free", TODAY)
    assert name_given(club, "Ivo Brandt: Barcelona confirm signing on free transfer") == "Barcelona"


def test_a_number_in_a_name_is_met_only_with_its_name() -> None:
    """"When is GTA 6 coming out": "January 6 Committee … in coming weeks" says nothing of it."""
    asked = read_question("when is gta 6 coming out", TODAY)
    rarity = {"gta": 7.7, "6": 4.8, "come": 4.4}
    assert support(asked, "January 6 Committee to interview her in coming weeks", rarity) < 0.3
    assert support(asked, "GTA 6 is coming out in 2025, Rockstar says", rarity) > 0.9
    first = read_question("how many civilians died in the first 12 days", TODAY)
    assert support(first, "In 12 days, 400 civilians died.", {"civilian": 5.0, "die": 3.0, "12": 4.0,
                                                              "day": 2.0}) > 0.9


def test_members_abbreviations_and_words_for_one_thing() -> None:
    asked = read_question("when did the 2 prosecutors on the manhattan da's trump org case quit", TODAY)
    assert {"district", "attorney", "organiz"} <= set(asked.terms)
    assert "qualifying" in in_news_words("schumacher's quali crash")
    assert meets(lemma("headless"), {lemma("decapitated")})
    assert _places_met("how old is the macedonian girl", "The President of North Macedonia walked her.")
    assert age_in("Tributes to campaigner after death at 98") == 98


def test_where_did_he_walk_out_of_and_nationalities_of_two_words() -> None:
    asked = read_question("where did ivo brandt walk out of", TODAY)
    assert place_in("Ivo Brandt walked out of HMP North Sea Camp on Sunday.", asked) == "HMP North Sea Camp"
    assert meets(lemma("macedonian"), {lemma("macedonia")}) and meets(lemma("railway"), {lemma("rail")})
    assert meets(lemma("dig"), {lemma("unearthed")})


def test_quoted_words_someone_said_are_no_name_and_a_target_is_a_figure() -> None:
    from digests.news.asked_names import _named_in_quotes
    assert _named_in_quotes("spongy moth") and _named_in_quotes("The Worst Person in the World")
    assert not _named_in_quotes("never gave up")
    assert read_question("what target were the visitors chasing", TODAY).kind == KIND_FIGURES
    assert "points" in in_news_words("how many pts behind city") and "video" in in_news_words("that vid")
    assert meets(lemma("kids"), {lemma("pupils")})
    asked = read_question("what year did ana ruiz win olympic gold", TODAY)
    assert says_it(asked, "Ana Ruiz, winner of the first Olympic gold in the monobob, spoke.", TODAY)


def test_a_doctor_is_read_from_dr_before_a_full_name_only_when_nothing_else_says() -> None:
    from digests.news.loose_roles import doctor_before
    assert doctor_before("Anil Rao", "CNN speaks to Dr. Anil Rao about the new wave.")
    assert not doctor_before("Dre", "Dr Dre plays the half-time show.")  # a name, not a doctor
    assert not doctor_before("Anil Rao", "Anil Rao, a virologist, spoke.")


def test_who_is_a_name_then_what_the_member_remembers_of_them() -> None:
    for question, person in [("Who is Ryan Brook, the expert warning about wild pigs?", "Ryan Brook"),
                             ("who is lord young who got told off for sleeping", "lord young"),
                             ("who is steven fuller at yellowstone", "steven fuller")]:
        asked = read_question(question, TODAY)
        assert (asked.kind, asked.person) == (KIND_PERSON, person)


def test_members_shorthand_in_figure_questions() -> None:
    assert read_question("how many ppl in england can get the booster", TODAY).head == lemma("people")
    assert read_question("how many yrs did she wait", TODAY).measure == MEASURE_DURATION
    percent = read_question("by what percent are energy bills going up", TODAY)
    assert percent.kind == KIND_FIGURES and percent.measure == MEASURE_PERCENT
    assert "percent" not in percent.terms  # the sentence writes "54%"
    assert "British" in in_news_words("that 75 yr old brit stuck abroad")
    assert "British" not in in_news_words("how many brits did adele win")  # the Brit Awards
    assert "released from prison" in in_news_words("when does she walk out of prison")


def test_who_is_the_one_doing_it_needs_a_sentence_that_names_them() -> None:
    chef = read_question("who's the london chef sending flak jackets to his brother", TODAY)
    assert not names_someone(chef, "The London chef sending protective kit to soldiers.")
    assert names_someone(chef, "Chef Ali Demir is sending protective kit to his brother.")
    official = read_question("Who is the senior WHO official who warned about lifting rules", TODAY)
    assert not names_someone(official, "A senior World Health Organization official warned on Tuesday.")


def test_a_month_without_a_year_is_the_one_the_sentence_means() -> None:
    from digests.news.answers import date_in
    told = date(2022, 3, 1)
    assert date_in("Fury says he will retire after the Whyte fight in April", told) == "April 2022"
    assert date_in("The factory closed in November", told) == "November 2021"  # already past
    assert date_in("A theme park to open in November", told) == "November 2022"
    assert date_in("The bout is set for 23 April at Wembley", told) == date(2022, 4, 23)
    assert date_in("The shop was set on fire on 2 March", date(2022, 3, 5)) == date(2022, 3, 2)


def test_a_past_question_is_not_answered_by_a_day_still_to_come() -> None:
    from digests.news.date_answers import begins_after
    assert begins_after("November 2022", NOW) and begins_after(date(2022, 4, 2), NOW)
    assert not begins_after("March 2022", NOW) and not begins_after("2021", NOW)


def test_a_result_asked_needs_a_sentence_that_tells_it() -> None:
    asked = "what was the result of fury vs whyte"
    assert not gives_cause(asked, "Fury v Whyte will be 'absolute madness'")
    assert gives_cause(asked, "Fury beat Whyte with a sixth-round stoppage.")
    assert "against" in in_news_words("when is fury v whyte")


def test_places_across_off_and_along_and_a_country_by_its_authorities() -> None:
    bridge = read_question("where is the new bridge that links two continents", TODAY)
    assert place_in("It shortens travel across the Bosporus Strait to minutes.", bridge) == "Bosporus Strait"
    volcano = read_question("where's the volcano that just erupted", TODAY)
    assert place_in("Chilean authorities evacuate thousands as the volcano spews ash", volcano) == "Chile"
    assert place_in("Squatters draped Ukrainian flags over the mansion", volcano) is None
    headed = read_question("where was the ferry headed when it caught fire", TODAY)
    assert place_in("A passenger was found alive off Corfu", headed) is None  # not where it was going
    travelled = read_question("where did the ex-president travel in mid-March to give a speech", TODAY)
    assert place_in("He traveled to Florence, South Carolina, at the weekend to give a speech.",
                    travelled) == "Florence"  # where he went
    home = read_question("where did ppl shout go home at the soldiers", TODAY)
    assert place_in("Protesters in Chaplynka shouted at soldiers to go home", home) == "Chaplynka"


def test_an_age_told_by_when_and_a_length_asked_by_how_long() -> None:
    assert age_in("Mia Ross was 15 when she got a job in a cafe.") == 15
    assert age_in("The 33-year-olds death sparked a debate.") == 33  # the apostrophe left out
    assert age_in("He moved abroad when he was just 12.") == 12
    assert age_in("The score was 2 when he left.") is None  # no one's age
    assert read_question("how long was the alligator the driver hit", TODAY).measure == "extent"
    assert read_question("how long was the war in the north", TODAY).measure == MEASURE_DURATION
    assert read_question("how long did the siege last", TODAY).measure == MEASURE_DURATION


def test_a_place_is_not_whose_post_it_is_and_a_town_may_be_named_by_its_cafe() -> None:
    asked = read_question("where's the coach in hospital", TODAY)
    assert place_in("Former Wales manager Jo Tate in hospital with Covid", asked) is None
    assert place_in("Former Wales manager Jo Tate is in hospital in Spain.", asked) == "Spain"
    assert place_in("Syria's leader makes a visit", asked) == "Syria"  # the owner is still a place
    cafe = read_question("where's the cafe she runs", TODAY)
    assert place_in("She got a job in a Moray cafe at 15.", cafe) == "Moray"
    shot = read_question("where was the rapper shot", TODAY)
    assert place_in("Rapper shot near LA restaurant", shot) == "Los Angeles"  # said in full


def test_an_owner_before_the_thing_is_not_its_name() -> None:
    asked = read_question("What is the name of the gin made by Bath's gin distiller?", TODAY)
    assert answers_named(asked, "Bath’s gin distiller stays open") is None
    assert answers_named(asked, "A firm that makes Bath’s ‘Roman gin’ donates its profits.") == "Roman"


def test_an_age_against_the_name_asked_about_and_a_figure_changed_from() -> None:
    sentence = "Police want to speak to Tom Hale, 22, after the death of 19-year-old Ann Lee."
    assert age_in(sentence, ("ann", "lee")) == 19
    assert age_in(sentence, ("tom", "hale")) == 22
    assert age_in(sentence) == 22  # no one asked about: the first
    from digests.news.figure_answers import _changed_from as changed_from
    told = datetime(2022, 3, 7, tzinfo=UTC)
    text = "The number of visas granted has risen from about 50 to 300, the government said."
    was, now = extract_figures(text, told)[:2]
    assert changed_from(was) and not changed_from(now)


def test_how_long_ago_is_read_as_it_is_written() -> None:
    from digests.news.extracts import ago_in
    assert ago_in("They met on a night bus 35 years ago.") == "35 years ago"
    assert ago_in("Picture a spring day 66 million years ago in what is now Texas.") == "66 million years ago"
    assert ago_in("Fifty-seven years ago, three fathers faced a predicament.") == "57 years ago"
    assert ago_in("The club was founded in 1901.") is None
    assert read_question("how many years ago did they invent the game", TODAY).measure == MEASURE_AGE


async def test_a_how_long_ago_question_is_answered_with_how_long_ago(tmp_path: Path,
                                                                   workers: WorkerPool) -> None:
    store = await Store.open(f"sqlite:///{tmp_path / 'ago.db'}")
    try:
        feed = await store.add_feed("https://ago.example/feed", now=NOW)
        entry = _entry(900, 20, "They fell in love on a night bus",
                       "The couple met on a Greyhound night bus 35 years ago and married.")
        await store.save_entries(feed.id, [entry], now=NOW, first_poll=False)
        await Enricher(store, workers).run(NOW)
        answer = await answer_question(store, "how long ago did the greyhound bus couple meet", NOW)
        assert answer.found and answer.headline.startswith("35 years ago")
    finally:
        await store.close()


def test_a_month_or_a_weekday_is_never_a_name_a_sentence_must_repeat() -> None:
    asked = read_question("how many murders were there on that one saturday in march", TODAY)
    texts = ["On Saturday 62 people were killed.", "Saturday was the deadliest day.",
             "In March, Saturday saw 62 killings."]
    assert not {"saturday", "march"} & lowercase_names(asked, texts, {})


def test_a_name_after_a_verb_is_not_the_thing_s_name() -> None:
    asked = read_question("what's the name of the video game the researchers made", TODAY)
    assert answers_named(asked, "They designed a game that fights Covid myths.") is None
    assert answers_named(asked, "They designed the game Bad News to fight myths.") == "Bad News"


def test_a_name_with_a_curly_apostrophe_and_a_state_by_its_initials() -> None:
    assert has_name("David M'zee", "David M’zee received an implant in 2017.")
    assert "New Jersey" in in_news_words("how many charges is the nj man facing")


def test_a_country_is_met_by_its_people_and_worldwide_is_not_what_is_counted() -> None:
    assert has_name("Ukraine", "Cancer care for Ukrainian children.")
    assert has_name("Ukrainian", "Children from Ukraine.")
    assert not has_name("Ukraine", "Cancer care for Polish children.")
    assert read_question("how many hospitals worldwide are offering care", TODAY).head == lemma("hospitals")


def test_a_purchase_told_as_its_sale_names_the_buyer() -> None:
    asked = read_question("Which company bought Mira Lane's song catalogue?", TODAY)
    sentence = "Singer Mira Lane has sold her song catalogue to Northway Music Group, the firm said."
    assert says_it(asked, sentence, TODAY)
    assert answers_named(asked, sentence) == "Northway Music Group"


@pytest.mark.parametrize(("question", "sentence", "aligned"), [
    ("what event did kaillie humphries win olympic gold in",
     "Kaillie Humphries, winner of the first-ever Olympic gold in the monobob, says she never gave up.",
     "monobob"),
    ("What did Dustin Johnson reaffirm his commitment to?",
     "Dustin Johnson distances himself from a rival league by reaffirming his commitment to the PGA Tour.",
     "PGA Tour"),
    ("what event did birk ruud win gold in", "Birk Ruud wins gold in Beijing", None),  # a place says no event
])
def test_the_words_after_the_question_s_own_last_words_answer_it(question: str, sentence: str,
                                                                 aligned: str | None) -> None:
    from digests.news.what_answers import follows_the_question
    assert follows_the_question(read_question(question, TODAY), sentence) == aligned


def test_a_time_since_an_event_is_no_age() -> None:
    """"Sarah Everard one year on": one year since her death, not her age."""
    from digests.news.figure_answers import _SPAN_SINCE
    figure = extract_figures("Sarah Everard one year on: the people trying to make change",
                             datetime(2022, 3, 3, tzinfo=UTC))[0]
    assert _SPAN_SINCE.match(figure.sentence, figure.end)


def test_a_thing_of_the_kind_asked_may_be_written_in_lower_case() -> None:
    """"Which sleep aid": "melatonin as a sleep aid", "sleep aids such as melatonin"; not the
    question's own words."""
    from digests.news.name_answers import name_given as named
    asked = read_question("which sleep aid are more adults overusing according to that study", TODAY)
    assert named(asked, "Overuse of melatonin as a sleep aid is on the rise, study says.") == "melatonin"
    assert named(asked, "Adults overuse sleep aids such as melatonin, a study says.") == "melatonin"
    assert named(asked, "More adults overuse a sleep aid, a study says.") is None


def test_british_doubled_l_forms_meet_their_word() -> None:
    """Snowball keeps the "ll" of "trialling" and "fuelled": they meet "trial" and "fuel" all the same."""
    assert lemma("trialling") == lemma("trial") == lemma("trialled")
    assert lemma("fuelled") == lemma("fuel") and lemma("travelled") == lemma("travel")
    assert lemma("filled") != lemma("file")


def test_the_age_written_against_the_person_asked_about() -> None:
    """"how old was Ava Wise": her age, not the boy's in the headline, nor another Wise's."""
    about = (lemma("ava"), lemma("wise"))
    assert age_by_name("Ava Wise, 12, was stabbed at a lights switch-on.", about, least=2) == 12
    assert age_by_name("Ava Wise death: Boy, 14, denies murder", about, least=2) is None
    assert age_by_name("Wise, 33, who died of cancer, was amazing.", about, least=2) is None


def test_the_end_of_a_longer_name_leads_no_answer() -> None:
    from digests.news.name_answers import _tail_of_a_name
    text = "Wildlife Photographer of the Year People's Choice winner revealed"
    assert _tail_of_a_name("Year People's Choice", text)
    assert not _tail_of_a_name("Wildlife Photographer", text)
    assert not _tail_of_a_name("Moldova", "Refugees reach the Republic of Moldova.")  # a place
    assert not _tail_of_a_name("melatonin", "Overuse of melatonin is on the rise.")


def test_an_age_written_against_another_of_the_family_is_not_theirs() -> None:
    from digests.news.extracts import namesakes_age
    terms = read_question("how old was reid vale", TODAY).terms
    assert namesakes_age("Natalie Vale, 32, pleads guilty to the manslaughter of Reid.", terms)
    assert not namesakes_age("Reid Vale, 2, died in March.", terms)
    ava = read_question("how old was ava white", TODAY).terms
    assert not namesakes_age("Ava White, 12, was stabbed.", ava)


def test_a_year_is_read_from_the_years_since_the_event() -> None:
    """"Twelve years after X's death", told in 2022: he died in 2010; not when the words after
    "after" say another event."""
    from digests.news.extracts import year_before
    told = date(2022, 2, 3)
    text = "Twelve years after Ana Kell's death at the Winter Olympics, her cousin competes at Beijing 2022."
    died = read_question("what year did ana kell die", TODAY)
    assert year_before(text, told, lambda what: meets(died.verbs[0], lemmas_of(what))) == "2010"
    wed = read_question("what year did ana kell marry", TODAY)
    assert year_before(text, told, lambda what: meets(wed.verbs[0], lemmas_of(what))) is None


async def test_a_year_since_an_event_asked_without_an_event_verb(tmp_path: Path, workers: WorkerPool) -> None:
    text = ("Five years after first appearing on the cobblestones of Wall Street, the 'Brave Kid' "
            "statue is taking on a new digital form.")
    store = await _stored(tmp_path / "since.db", workers, [(8, "'Brave Kid' goes digital", text)])
    asked = "what year did the brave kid statue first show up on wall st"
    answer = await answer_question(store, asked, NOW)
    await store.close()
    assert answer.found and answer.headline.startswith("2017")
