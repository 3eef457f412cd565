"""News judgement, one signal at a time, on small hand-made stories (pure, no store)."""

from __future__ import annotations

import itertools
import random
from dataclasses import replace
from datetime import timedelta

import pytest

from digests.models import Item, StoryRecord
from digests.news.judgement import (
    SECTION_NEWS,
    SERVICE,
    SOFT,
    WEIGHTS,
    bursts,
    importance,
    minor_sources,
    neighbours,
    piece_kind,
    ranked,
    report_support,
    story_vectors,
)

from conftest import NOW

START = NOW - timedelta(hours=24)


def report(item_id: int, site: str, hours_ago: float, title: str, text: str = "") -> Item:
    when = NOW - timedelta(hours=hours_ago)
    return Item(id=item_id, feed_id=item_id, feed_name=site, url=f"https://www.{site}/news/{item_id}",
                title=title, text=text or f"{title}. Officials gave details on the day.", author=None,
                categories=(), language="en", published_at=when, first_seen_at=when,
                seen_at_first_poll=False)


def story(story_id: int, *items: Item) -> StoryRecord:
    ordered = sorted(items, key=lambda i: i.published_at)
    return StoryRecord(story_id, ordered[0].title, ordered[0].published_at, ordered[-1].published_at,
                       tuple(ordered))


def order(stories: list[StoryRecord], **weights: object) -> list[int]:
    return [s.id for s in ranked(stories, START, NOW, weights=replace(WEIGHTS, **weights))]


_IDS = itertools.count(1000)


def fillers(count: int, site: str = "wire.example") -> list[StoryRecord]:
    """Unrelated one-report stories, each of words no other story uses, from one outlet."""
    draw = random.Random(count)
    out = []
    for n in range(count):
        item_id = next(_IDS)
        words = ["".join(draw.choice("bdfgklmnprstvz") + draw.choice("aeiou") for _ in range(3))
                 for _ in range(4)]
        out.append(story(item_id, report(item_id, site, 20 - n % 10, " ".join(words[:2]).capitalize(),
                                         " ".join(words) + ".")))
    return out


def test_support_counts_the_reports_the_grouping_kept_apart() -> None:
    """A one-report story whose event other stories of the window also tell is supported by
    them; a story on its own subject is not."""
    quake = story(1, report(1, "bbc.co.uk", 5, "Earthquake strikes Caldera city",
                            "A strong earthquake struck Caldera city, toppling buildings."))
    rescue = story(2, report(2, "cnn.com", 4, "Rescuers search rubble after Caldera earthquake",
                             "Rescuers searched the rubble in Caldera city after the earthquake."))
    aid = story(3, report(3, "theguardian.com", 3, "Aid flown to Caldera earthquake survivors",
                          "Aid was flown to survivors of the Caldera city earthquake."))
    alone = story(4, report(4, "bbc.co.uk", 5, "Library extends opening hours",
                            "The central library will open later on weekdays."))
    live = [quake, rescue, aid, alone]
    close = neighbours(story_vectors(live, START, NOW), floor=0.05)
    support = report_support(live, START, NOW, close)
    assert support[1] > 0 and support[2] > 0 and support[3] > 0
    assert support[4] == 0
    assert order(live, diversity=0.0)[-1] == 4


def test_support_lifts_a_supported_report_above_an_equal_one_alone() -> None:
    """Two one-report stories from one outlet: the one the day's other reports tell of too
    comes first, though the other is a little fresher; without support, the fresher first."""
    told = story(1, report(1, "bbc.co.uk", 6, "Dam bursts above Verdan valley",
                           "The Verdan dam burst at dawn, flooding the valley."))
    echo = [story(10 + n, report(10 + n, site, 5, f"Verdan valley flood: {what}",
                                 f"After the Verdan dam burst, {what} in the flooded valley."))
            for n, (site, what) in enumerate([("cnn.com", "towns evacuated"),
                                              ("theguardian.com", "rescuers arrive"),
                                              ("reuters.com", "roads closed")])]
    lone = story(2, report(2, "bbc.co.uk", 5.5, "Orchestra names new conductor",
                           "The city orchestra named a new principal conductor."))
    stories = [lone, told, *echo]
    with_support = order(stories, diversity=0.0, centrality=0.0, burst=0.0, fold=False)
    without = order(stories, diversity=0.0, centrality=0.0, burst=0.0, fold=False, support=0.0)
    assert with_support.index(1) < with_support.index(2)
    assert without.index(2) < without.index(1)


def test_growth_is_the_share_of_reports_in_the_windows_last_quarter() -> None:
    early = story(1, *(report(n, "bbc.co.uk", 22 - n, "Strike talks continue") for n in range(1, 4)))
    late = story(2, *(report(n, "bbc.co.uk", 5 - n / 2, "Strike talks collapse") for n in range(4, 7)))
    assert importance(early, START, NOW).growth == 0.0
    assert importance(late, START, NOW).growth > 0.5
    assert importance(late, START, NOW).score > importance(early, START, NOW).score


def test_a_headline_an_outlet_lists_twice_is_one_report() -> None:
    """One article in two of an outlet's feeds (or under a link with and without its last
    slash) does not count as two reports; two articles of one outlet do."""
    twice = story(1, report(1, "techradar.com", 3, "All the new phones this spring"),
                  report(2, "techradar.com", 3, "All the new phones this spring"))
    two = story(2, report(3, "bbc.co.uk", 3, "Floods close the main road"),
                report(4, "bbc.co.uk", 2, "Floods: villages cut off as rivers rise"))
    assert importance(twice, START, NOW).reports == 1
    assert importance(two, START, NOW).reports == 2
    assert importance(two, START, NOW).score > importance(twice, START, NOW).score


def test_recency_only_breaks_ties() -> None:
    """A fresh single report does not beat a story told by two outlets hours ago."""
    wide = story(1, report(1, "bbc.co.uk", 20, "Parliament passes the budget"),
                 report(2, "cnn.com", 19, "Budget passed by parliament"))
    fresh = story(2, report(3, "bbc.co.uk", 0.1, "Council names new chief executive"))
    same_old = story(3, report(4, "bbc.co.uk", 20, "Museum opens new wing"))
    ids = order([fresh, wide, same_old])
    assert ids[0] == 1
    assert ids.index(2) < ids.index(3)  # equal otherwise: the fresher first


def test_a_source_of_no_standing_weighs_less() -> None:
    """Among 60 reports of two regular outlets, a blog post linked by a link site (two
    'outlets' of one item each) is a minor source and its story comes after a regular one."""
    regular = fillers(30, "bbc.co.uk") + fillers(30, "cnn.com")
    blog = story(1, report(1, "someblog.example", 10, "Search engines are dying, says developer"),
                 report(2, "linksite.example", 9, "Search engines are dying, says developer"))
    news = story(2, report(3, "bbc.co.uk", 10, "Minister resigns over leaked memo"),
                 report(4, "cnn.com", 9, "Leaked memo: minister resigns"))
    live = [*regular, blog, news]
    assert minor_sources(live, START, NOW, []) == {"someblog.example", "linksite.example"}
    ids = order(live)
    assert ids.index(2) < ids.index(1)
    assert order(live, minor_source=1.0).index(1) < order(live).index(1)


def test_with_few_feeds_followed_no_source_is_minor() -> None:
    live = [story(1, report(1, "someblog.example", 3, "Garden notes")),
            story(2, report(2, "otherblog.example", 2, "Bread at home"))]
    assert minor_sources(live, START, NOW, []) == set()


def test_diversity_moves_a_second_story_of_one_topic_down() -> None:
    """Two close stories of one topic (kept apart: no folding here) and one of another: the
    other comes second, though it has fewer reports than the second of the topic."""
    grain = "Grain ships left Odesa port as Ukraine grain exports resumed on Monday."
    first = story(1, report(1, "bbc.co.uk", 5, "Ukraine grain exports resume at Odesa port", grain),
                  report(2, "cnn.com", 4, "Grain ships leave Odesa port", grain))
    second = story(2, report(3, "bbc.co.uk", 6, "Odesa port grain exports: farmers relieved", grain),
                   report(4, "bbc.co.uk", 6, "Grain exports from Odesa port restart", grain))
    other = story(4, report(6, "bbc.co.uk", 7, "Storm cuts power to coastal towns",
                            "A storm cut power to thousands of homes in coastal towns."))
    live = [first, second, other]
    assert order(live, diversity=0.0, fold=False) == [1, 2, 4]
    assert order(live, fold=False) == [1, 4, 2]


def test_a_buying_guide_is_a_service_piece() -> None:
    guide = report(1, "techradar.com", 2, "The best unlimited data plans in the US for December 2022")
    picture = report(2, "bbc.co.uk", 2, "Best picture winner Coda makes Oscars history")
    assert piece_kind(guide) == SERVICE
    assert piece_kind(picture) == 1.0


@pytest.mark.parametrize(("title", "kind"), [
    ("New Xbox Series X games: all the upcoming releases", SERVICE),
    ("Upcoming games 2022: all the game releases for console and PC", SERVICE),
    ("Studio confirms all the delayed releases will go ahead", 1.0),
    ("MCU Phase 4: Black Panther 2, Guardians Holiday Special, and more", SERVICE),
    ("Apple XR headset news, leaks, and what we want to see", SERVICE),
    ("Pentagon leaks reveal war plans", 1.0),
    ("Russia and Ukraine agree to more talks", 1.0),
])
def test_release_lists_and_rumour_roundups_are_service_pieces(title: str, kind: float) -> None:
    assert piece_kind(report(1, "techradar.com", 2, title)) == kind


@pytest.mark.parametrize(("title", "kind"), [
    ("Afghanistan women: 'I felt anxious going back to university'", SOFT),
    ("Ukraine conflict: Telling my children why dad joined the war", SOFT),
    ("Ukraine conflict: We need support from our allies, say Klitschko brothers", SOFT),
    ("World War I veteran dies aged 110", 1.0),
    ("US sanctions Russian oligarchs", 1.0),
])
def test_a_headline_in_someones_own_voice_is_a_feature(title: str, kind: float) -> None:
    assert piece_kind(report(1, "bbc.co.uk", 2, title)) == kind


def test_turning_the_kind_off_lets_a_deal_lead() -> None:
    """Each signal can be turned off (for the evaluation's ablation): without the kind, two
    deal pages from two outlets outrank a single news report."""
    deals = story(1, report(1, "a.example", 2, "Best laptop deals this week"),
                  report(2, "b.example", 2, "Laptop deals: cheapest prices"))
    news = story(2, report(3, "c.example", 3, "Parliament passes the budget"))
    assert order([deals, news])[0] == 2
    assert order([deals, news], kind=False)[0] == 1


def test_a_headline_word_that_bursts_today() -> None:
    today = [story(1, report(1, "bbc.co.uk", 5, "Kherson falls to Russian troops")),
             story(2, report(2, "cnn.com", 4, "Kherson mayor says city taken")),
             story(3, report(3, "bbc.co.uk", 4, "Weather stays mild"))]
    usual = [report(10 + n, "bbc.co.uk", 30, f"Weather report {n}") for n in range(5)]
    words = bursts(today, START, NOW, usual)
    assert words["kherson"] > 0
    assert "weather" not in words or words["weather"] < words["kherson"]


def test_neighbours_find_what_comparing_every_pair_finds() -> None:
    """The candidate index finds the same similar pairs as the square loop, on 40 stories."""
    stories = fillers(20) + [
        story(100 + n, report(100 + n, "bbc.co.uk", 3, f"Caldera earthquake update {n}",
                              f"The Caldera earthquake toll rose, officials said ({n}).")) for n in range(20)]
    vectors = story_vectors(stories, START, NOW)
    found = neighbours(vectors, floor=0.2)
    square = {(a, b) for a, b in itertools.permutations(vectors, 2)
              if sum(w * vectors[b].get(t, 0.0) for t, w in vectors[a].items()) >= 0.2}
    assert {(a, b) for a, near in found.items() for b in near} == square


def test_an_opinion_section_is_a_soft_piece_whatever_its_site_calls_it() -> None:
    column = replace(report(1, "cnn.com", 2, "Nuclear power is no climate fix"),
                     url="https://www.cnn.com/2022/02/28/opinions/nuclear-power-climate/index.html")
    news = replace(column, url="https://www.cnn.com/2022/02/28/europe/nuclear-plant-fire/index.html")
    assert piece_kind(column) == SOFT and piece_kind(news) == 1.0


def test_a_report_that_gives_an_officials_word_weighs_more() -> None:
    attributed = story(1, report(1, "wire.example", 5, "Bridge shut after crash",
                                 "Police said the bridge was shut after a lorry hit its railings."))
    unattributed = story(2, report(2, "wire.example", 5, "Bridge shut after crash",
                                   "The bridge was shut after a lorry hit its railings, leaving many stuck."))
    assert importance(attributed, START, NOW).score > importance(unattributed, START, NOW).score
    off = replace(WEIGHTS, official=0.0)
    assert importance(attributed, START, NOW, weights=off).score == importance(unattributed, START, NOW,
                                                                                weights=off).score


@pytest.mark.parametrize(("title", "kind"), [
    ("A man was stabbed 13 times in 1994. It took almost 30 years to find the paramedics", SOFT),
    ("Adele to perform at the Brit Awards. Some fans would prefer Las Vegas", SOFT),
    ("Florida Gov. Ron DeSantis signals support for the bill", 1.0),
    ("UEFA moves Champions League final from St. Petersburg", 1.0),
    ("Russian troops take control of Kherson - mayor", 1.0),
])
def test_a_headline_told_as_a_story_in_two_sentences_is_a_feature(title: str, kind: float) -> None:
    assert piece_kind(report(1, "cnn.com", 2, title)) == kind


def test_an_outlets_analysis_is_soft_by_its_link() -> None:
    analysis = replace(report(1, "cnn.com", 2, "Shifting Ukraine map makes Russia's intentions clearer"),
                       url="https://www.cnn.com/2022/03/02/europe/russia-ukraine-shifting-map-analysis-intl/")
    assert piece_kind(analysis) == SOFT


@pytest.mark.parametrize(("title", "kind"), [
    ("Cricket icon Shane Warne dies aged 52", SECTION_NEWS),
    ("Fifa and Uefa ban all Russian clubs and national teams", SECTION_NEWS),
    ("Will Smith apologises to Chris Rock after Oscars slap", SECTION_NEWS),
    ("Eileen Gu soars to big air gold in Beijing", SOFT),
    ("The ten greatest goals of the season so far", SOFT),
])
def test_a_sport_or_culture_desks_event_weighs_more_than_its_features(title: str, kind: float) -> None:
    piece = replace(report(1, "bbc.co.uk", 2, title), url="https://www.bbc.co.uk/sport/cricket/60626656")
    assert piece_kind(piece) == kind


def test_a_link_sites_discussion_is_no_second_outlet() -> None:
    """A blog post and the Hacker News page discussing it are one report, not two outlets."""
    post = report(1, "dkb.io", 3, "Google Search Is Dying")
    thread = replace(report(2, "news.ycombinator.com", 2, "Google Search Is Dying | Hacker News"),
                     url="https://news.ycombinator.com/item?id=30347719")
    assert importance(story(1, post, thread), START, NOW).outlets == 1
    news = replace(report(3, "cnn.com", 2, "Google Search Is Dying"), url="https://www.cnn.com/2022/02/15/tech/x")
    assert importance(story(2, post, news), START, NOW).outlets == 2
