"""Building a digest from stories: ranking, key figures, key people (pure, no store)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from digests.models import Item, StoryRecord
from digests.news.digest import build_digest, key_people
from digests.readings import Figure, Mention

from conftest import NOW


def item(item_id: int, feed: str, hours_ago: float, text: str = "A sentence long enough to quote.") -> Item:
    when = NOW - timedelta(hours=hours_ago)
    return Item(id=item_id, feed_id=1, feed_name=feed, url=f"https://{feed}.example/{item_id}",
                title=f"Title {item_id}", text=text, author=None, categories=(), language="en",
                published_at=when, first_seen_at=when, seen_at_first_poll=False)


def story(story_id: int, *items: Item) -> StoryRecord:
    return StoryRecord(story_id, items[0].title, items[0].published_at, items[-1].published_at,
                       items)


def figure(value: float, counted: str | None, source: str | None, surface: str) -> Figure:
    return Figure(value=value, unit=None, qualifier="exact", qualifier_text=None, counted=counted,
                  source=source, as_of=None, surface=surface, sentence=surface, start=0,
                  end=len(surface))


def test_more_sources_rank_first_then_recency() -> None:
    """A story carried by three outlets beats a fresher one from a single outlet."""
    wide = story(1, item(1, "bbc", 20, "Storm floods the harbour."), item(2, "cnn", 19, "Harbour flooded."),
                 item(3, "guardian", 18, "Flooding at the harbour."))
    fresh = story(2, item(4, "bbc", 1, "Orchestra names a conductor."))
    old = story(3, item(5, "bbc", 22, "Grain terminal reopens after strike."))
    digest = build_digest([old, fresh, wide], {}, NOW - timedelta(hours=24), NOW)
    assert [s.title for s in digest.stories] == ["Title 1", "Title 4", "Title 5"]
    assert (digest.story_total, digest.source_total) == (3, 3)
    assert digest.stories[0].sources == ("bbc", "cnn", "guardian")


def test_stories_outside_the_window_are_left_out() -> None:
    """Only stories with an item published inside the window count."""
    digest = build_digest([story(1, item(1, "bbc", 30))], {}, NOW - timedelta(hours=24), NOW)
    assert digest.stories == () and digest.story_total == 0


def test_key_figures_prefer_attributed_distinct_measures() -> None:
    """Attributed figures come first; the same value twice and small spelled counts are dropped."""
    figures = {1: [figure(2, "sides would work", "Mr X", "two sides"),
                   figure(1_000_000, "people have fled Ukraine", "UNHCR", "one million"),
                   figure(1_000_000, "people fled", None, "a million"),
                   figure(227, "civilians killed", None, "227")]}
    digest = build_digest([story(1, item(1, "bbc", 1))], figures, NOW - timedelta(hours=24), NOW)
    assert [(f.value, f.said_by) for f in digest.stories[0].figures] == [
        ("1 million", "UNHCR"), ("227", None)]


def test_key_people_merge_short_and_full_names() -> None:
    """"Podolyak" and "Mykhailo Podolyak" are one person, counted together, most mentioned first."""
    def mention(name: str, role: str | None = None) -> Mention:
        return Mention(name=name, role=role, affiliation=None, statement=None, verb=None,
                       sentence=name, start=0, end=len(name))

    people = key_people([mention("Mykhailo Podolyak", "presidential adviser"),
                         mention("Podolyak"), mention("John Kirby", "press secretary")])
    assert [(p.name, p.role, p.mentions) for p in people] == [
        ("Mykhailo Podolyak", "presidential adviser", 2), ("John Kirby", "press secretary", 1)]


# News judgement: the ranking's signals on small hand-made stories ----------------------------

def report(item_id: int, url: str, hours_ago: float, title: str, text: str = "",
           feed: str = "Wire") -> Item:
    when = NOW - timedelta(hours=hours_ago)
    return Item(id=item_id, feed_id=item_id, feed_name=feed, url=url, title=title,
                text=text or f"{title}. Officials gave details on the day.", author=None,
                categories=(), language="en", published_at=when, first_seen_at=when,
                seen_at_first_poll=False)


def titles(stories: list[StoryRecord]) -> list[str]:
    return [s.title for s in build_digest(stories, {}, NOW - timedelta(hours=24), NOW).stories]


def test_only_reports_inside_the_window_count() -> None:
    """Yesterday's reports of a long-running topic bring nothing to today's ranking."""
    running = story(1, report(1, "https://a.example/1", 40, "Royal tour continues"),
                    report(2, "https://b.example/2", 38, "Royal tour continues"),
                    report(3, "https://c.example/3", 30, "Royal tour continues"),
                    report(4, "https://a.example/4", 5, "Royal tour reaches the coast"))
    today = story(2, report(5, "https://a.example/5", 6, "Dam bursts in the valley"),
                  report(6, "https://b.example/6", 5, "Valley dam bursts, towns evacuated"))
    assert "dam bursts" in titles([running, today])[0].lower()


def test_sister_feeds_of_one_publisher_are_one_outlet() -> None:
    """Two feeds of one publisher (and an aggregator linking to it) are one outlet; two
    publishers are two."""
    sisters = story(1, report(1, "https://www.bbc.co.uk/news/1", 3, "Minister resigns over leak",
                              feed="BBC News"),
                    report(2, "https://www.bbc.co.uk/news/2", 2, "Minister resigns over leak",
                           feed="BBC Politics"),
                    report(3, "https://www.bbc.co.uk/news/1", 2, "Minister resigns over leak",
                           feed="Link aggregator"))
    two = story(2, report(4, "https://www.cnn.com/a", 4, "Court blocks the new border law"),
                report(5, "https://www.theguardian.com/b", 4, "Border law blocked by court"))
    assert titles([sisters, two])[0] == "Court blocks the new border law"


def test_service_and_soft_pieces_come_after_news() -> None:
    """A deal, a review or a quiz never leads; a feature comes after hard news."""
    deal = story(1, report(1, "https://a.example/deals/1", 1, "Best laptop deals this week"),
                 report(2, "https://b.example/deals/2", 1, "Laptop deals: cheapest prices"))
    feature = story(2, report(3, "https://a.example/lifestyle/3", 2, "Why we love long walks"))
    news = story(3, report(4, "https://a.example/news/4", 3, "Parliament passes the budget"))
    first, second, third = titles([deal, feature, news])
    assert (first, second) == ("Parliament passes the budget", "Why we love long walks")
    assert "deals" in third


def test_one_event_is_one_story() -> None:
    """Two stories telling the same event are shown once, with the reports of both."""
    first = story(1, report(1, "https://a.example/1", 3, "Volcano erupts on Aldo island",
                            "The Aldo volcano erupted on Monday, forcing thousands to flee."))
    second = story(2, report(2, "https://b.example/2", 2, "Aldo island volcano eruption",
                             "Thousands fled the Aldo volcano eruption on Monday."))
    other = story(3, report(3, "https://c.example/3", 1, "Rail strike called off"))
    digest = build_digest([first, second, other], {}, NOW - timedelta(hours=24), NOW)
    assert len(digest.stories) == 2
    volcano = next(s for s in digest.stories if "olcano" in s.title)
    assert volcano.item_count == 2


def test_the_card_is_led_by_the_report_that_tells_the_event() -> None:
    """A video clip or a press review never leads a story that has a report."""
    clip = report(1, "https://a.example/av/1", 3, "Watch: the moment the bridge fell", "Video.")
    news = report(2, "https://b.example/news/2", 2, "Bridge collapses in Porto Alba",
                  "The old bridge in Porto Alba collapsed at dawn on Tuesday, officials said, and "
                  "two people were injured.")
    digest = build_digest([story(1, clip, news)], {}, NOW - timedelta(hours=24), NOW)
    assert digest.stories[0].title == "Bridge collapses in Porto Alba"


# The card: people the items show to be people, and no place as a source ---------------------

def test_key_people_leave_out_places_and_unexplained_single_words() -> None:
    """"Adidas" (one word, no role) and "Kyiv" are no key people; a full name, or one word the
    items give a role for, is."""
    def mention(name: str, role: str | None = None) -> Mention:
        return Mention(name=name, role=role, affiliation=None, statement=None, verb=None,
                       sentence=name, start=0, end=len(name))

    people = key_people([mention("Adidas"), mention("Adidas"), mention("Kyiv"), mention("Kyiv"),
                         mention("Virgil Abloh"), mention("Madonna", "singer")])
    assert [p.name for p in people] == ["Madonna", "Virgil Abloh"]


def test_a_place_is_no_source_of_a_key_figure() -> None:
    """"21 babies, Kyiv says" keeps the figure, unattributed; "the Pentagon" is a source."""
    babies = figure(21, "babies born", "Kyiv", "21 babies")
    troops = figure(3000, "troops", "the Pentagon", "3,000 troops")
    digest = build_digest([story(1, item(1, "bbc", 2))], {1: [babies, troops]},
                          NOW - timedelta(hours=24), NOW)
    said = {f.value: f.said_by for f in digest.stories[0].figures}
    assert said == {"3,000": "the Pentagon", "21": None}


def test_a_card_leaves_out_figures_asked_about_and_unsaid_lengths_of_time() -> None:
    """"Did the UK sanction 100 people last week?" checks a number, it gives none; "32 weeks
    pregnant" is a report's colour; "jailed for 13 years, the judge said" is a key figure."""
    asked = figure(100, "people", None, "Did the UK sanction 100 people last week?")
    colour = replace(figure(32, "pregnant", None, "32 weeks pregnant"), unit="week")
    sentence = replace(figure(13, "years", "the judge", "jailed for 13 years, the judge said"), unit="year")
    killed = figure(21, "people killed", None, "21 people killed")
    digest = build_digest([story(1, item(1, "bbc", 2))], {1: [asked, colour, sentence, killed]},
                          NOW - timedelta(hours=24), NOW)
    assert [f.value for f in digest.stories[0].figures] == ["13 years", "21"]


def test_key_people_merge_a_two_word_surname_into_the_full_name() -> None:
    """"Deciding it was time for a change, Nunez Fuentes set up …" names Christian Nunez Fuentes:
    the card lists him once."""
    def mention(name: str) -> Mention:
        return Mention(name=name, role=None, affiliation=None, statement=None, verb=None,
                       sentence=name, start=0, end=len(name))

    people = key_people([mention("Christian Nunez Fuentes"), mention("Nunez Fuentes")])
    assert [(p.name, p.mentions) for p in people] == [("Christian Nunez Fuentes", 2)]


def test_key_people_name_royals_by_title_and_leave_out_places_and_firms() -> None:
    """"Andrew" with the role "prince" is Prince Andrew; "Outer Banks" and "Purdue Pharma", two
    capitalised words with no role, are a place and a firm; a role given keeps a name."""
    def mention(name: str, role: str | None = None) -> Mention:
        return Mention(name=name, role=role, affiliation=None, statement=None, verb=None,
                       sentence=name, start=0, end=len(name))

    people = key_people([mention("Andrew", "prince"), mention("Andrew"), mention("Outer Banks"),
                         mention("Purdue Pharma"), mention("Virginia Giuffre"),
                         mention("Michael Bay", "director")],
                        limit=5)
    assert [(p.name, p.role) for p in people] == [("Prince Andrew", None), ("Michael Bay", "director"),
                                                  ("Virginia Giuffre", None)]


def test_the_summary_of_a_news_report_quotes_no_press_review() -> None:
    """A press review grouped with the day's report ("… lead Tuesday's front pages") tells
    nothing of the event: the card quotes the reports, never it."""
    news = report(1, "https://b.example/news/1", 3, "UK to do more for refugees, minister says",
                  "The UK has granted visas to 300 refugees fleeing the war so far, the Home Office says.")
    papers = report(2, "https://b.example/news/2", 2, "The Papers: refugees and energy prices",
                    "The refugee crisis and soaring energy prices lead Tuesday's front pages.")
    card = build_digest([story(1, news, papers)], {}, NOW - timedelta(hours=24), NOW).stories[0]
    assert card.title == "UK to do more for refugees, minister says"
    assert [q.source.item_id for q in card.summary] == [1]
