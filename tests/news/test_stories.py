"""Story clustering: same event together, same topic on other days apart, ids kept across restarts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from digests.news.stories import StoryDoc, StoryIndex, restore

MONDAY = datetime(2022, 2, 28, 15, 0, tzinfo=UTC)
WEDNESDAY = MONDAY + timedelta(days=2)
THURSDAY = MONDAY + timedelta(days=2, hours=19)  # 3 March, 10:00: within the window

TALKS_1_BBC = StoryDoc(
    1, "Ukraine and Russia hold first talks on the Belarus border",
    "Ukrainian and Russian delegations met on Monday near the Pripyat river in the Gomel region of "
    "Belarus, the first talks since the invasion began on Thursday.\n\n"
    "Kyiv demanded an immediate ceasefire and the withdrawal of Russian troops. Mykhailo Podolyak, "
    "an adviser to President Volodymyr Zelensky, said the talks in Gomel lasted nearly five hours "
    "and that both sides went home for consultations.",
    "BBC", MONDAY)
TALKS_1_GUARDIAN = StoryDoc(
    2, "Talks in Gomel end without a ceasefire as Kyiv insists on Russian withdrawal",
    "The first face-to-face meeting between Ukraine and Russia, held in a hunting lodge in the Gomel "
    "region on Monday, ended after five hours with no ceasefire.\n\n"
    "Mykhailo Podolyak said Ukraine's delegation had insisted on the withdrawal of Russian forces, "
    "while Vladimir Medinsky, who led the Russian side, said points of common ground had been found "
    "in Gomel.",
    "The Guardian", MONDAY + timedelta(hours=3))
TALKS_2 = StoryDoc(
    3, "Second round of talks agrees humanitarian corridors for civilians",
    "Russian and Ukrainian negotiators met on Thursday in the Brest region of Belarus, near the "
    "Polish border, for a second round of talks.\n\n"
    "They agreed to open humanitarian corridors for civilians leaving Mariupol and Volnovakha, with a "
    "local truce along the routes, Mykhailo Podolyak said. Vladimir Medinsky said a third round in "
    "Brest would follow within days.",
    "Reuters", THURSDAY)
REFUGEES_UN = StoryDoc(
    4, "One million refugees have fled Ukraine in a week, UNHCR says",
    "The UN refugee agency UNHCR said on Wednesday that one million people had fled Ukraine in the "
    "seven days since the invasion, most of them to Poland.\n\n"
    "Filippo Grandi, the UN High Commissioner for Refugees, called it an exodus without precedent "
    "this century and warned that up to four million refugees could follow.",
    "UN News", WEDNESDAY)
REFUGEES_AP = StoryDoc(
    5, "Exodus from Ukraine passes a million in seven days",
    "More than a million people have crossed from Ukraine into Poland, Hungary, Moldova and Romania "
    "since the invasion, Filippo Grandi announced on Wednesday.\n\n"
    "The UNHCR chief said four million refugees might leave in the coming weeks if the fighting goes "
    "on, an exodus the agency says Europe has not seen this century.",
    "AP", WEDNESDAY + timedelta(hours=2))
TROOPS = StoryDoc(
    6, "Pentagon orders 3,800 more US troops to Europe",
    "The Pentagon ordered 3,800 more US troops to Europe on Wednesday, adding to the forces sent to "
    "Poland and Romania to reassure NATO allies. Lloyd Austin said the soldiers of the 82nd Airborne "
    "Division would deploy from Fort Bragg within days.",
    "Defense News", WEDNESDAY + timedelta(hours=1))

ALL = (TALKS_1_BBC, TALKS_1_GUARDIAN, REFUGEES_UN, TROOPS, REFUGEES_AP, TALKS_2)


def filled(docs: tuple[StoryDoc, ...] = ALL) -> StoryIndex:
    """An index fed the docs in order."""
    index = StoryIndex()
    for doc in docs:
        index.add(doc)
    return index


def moved(doc: StoryDoc, new_id: int, when: datetime) -> StoryDoc:
    """The same doc under another id and published time."""
    return StoryDoc(new_id, doc.title, doc.text, doc.source, when)


def test_two_outlets_telling_one_event_make_one_story() -> None:
    """UNHCR's million refugees, told in different words by two outlets, is one story."""
    index = filled()
    assert index.story_of(REFUGEES_UN.id) == index.story_of(REFUGEES_AP.id)
    assert index.story_of(TALKS_1_BBC.id) == index.story_of(TALKS_1_GUARDIAN.id)
    assert index.story_of(TROOPS.id) != index.story_of(REFUGEES_UN.id)


def test_first_and_second_round_of_talks_are_two_stories() -> None:
    """Same topic, other days and details: the second round of talks starts its own story."""
    index = filled()
    assert index.story_of(TALKS_2.id) != index.story_of(TALKS_1_BBC.id)
    assert len(index.stories()) == 4


def test_story_ids_count_from_one_and_members_keep_arrival_order() -> None:
    """Ids are 1, 2, … in order of creation; members are listed as they joined."""
    index = filled()
    assert sorted(index.stories()) == [1, 2, 3, 4]
    assert index.members(1) == (TALKS_1_BBC.id, TALKS_1_GUARDIAN.id)
    assert index.members(2) == (REFUGEES_UN.id, REFUGEES_AP.id)
    assert index.add(REFUGEES_AP) == 2  # a doc added twice stays where it is


def test_doc_outside_the_window_starts_a_new_story() -> None:
    """The same text a week later cannot join a story whose docs are all older than the window."""
    index = filled((REFUGEES_UN,))
    later = index.add(moved(REFUGEES_AP, 50, WEDNESDAY + timedelta(days=7)))
    assert later != index.story_of(REFUGEES_UN.id)
    assert index.add(moved(REFUGEES_AP, 51, WEDNESDAY + timedelta(hours=5))) == index.story_of(4)


def test_restore_keeps_story_ids_without_redeciding() -> None:
    """A rebuilt index keeps the stored ids, even odd ones, and numbers new stories above them."""
    original = filled()
    pairs = [(doc, original.story_of(doc.id) + 10) for doc in ALL]
    pairs.append((moved(TROOPS, 60, WEDNESDAY), 99))  # stored apart: restore must not merge it
    rebuilt = StoryIndex()
    restore(rebuilt, pairs)
    assert rebuilt.stories() == {story + 10: members for story, members in original.stories().items()
                                 } | {99: (60,)}
    assert rebuilt.add(moved(REFUGEES_UN, 70, WEDNESDAY + timedelta(hours=6))) == 12
    unrelated = StoryDoc(71, "Tennis final postponed by rain", "Rain stopped play at Wimbledon.",
                         "Sport", WEDNESDAY)
    assert rebuilt.add(unrelated) == 100


def test_forget_before_drops_old_stories_and_their_counts() -> None:
    """Stories whose last doc is older than the moment go, with their docs, postings and IDF."""
    index = filled()
    index.forget_before(WEDNESDAY)
    assert set(index.stories().values()) == {(REFUGEES_UN.id, REFUGEES_AP.id), (TROOPS.id,),
                                             (TALKS_2.id,)}
    with pytest.raises(KeyError):
        index.story_of(TALKS_1_BBC.id)
    index.forget_before(THURSDAY + timedelta(days=1))
    assert len(index) == 0 and index.stories() == {}
    assert not index._df and not index._postings and not index._doc_features


def test_clustering_is_deterministic() -> None:
    """The same docs in the same order give the same stories every time."""
    assert filled().stories() == filled().stories()
    assert filled(ALL[::-1]).stories() == filled(ALL[::-1]).stories()


def test_rejects_story_ids_below_one_and_naive_times() -> None:
    """Story ids are positive, as `add` assigns them; a published time without zone is refused."""
    with pytest.raises(ValueError, match="start at 1"):
        StoryIndex().assign(TROOPS, 0)
    with pytest.raises(ValueError, match="timezone-aware"):
        StoryIndex().add(moved(TROOPS, 80, datetime(2022, 3, 2, 12, 0)))  # noqa: DTZ001


def test_a_placeholder_date_in_year_one_does_not_break_clustering() -> None:
    """A feed dated an item 0001-01-01: story windows must not overflow the calendar."""
    index = StoryIndex()
    title = "Harbour authority closes the old port after the storm"
    first = index.add(StoryDoc(1, title, title, "Wire", datetime(1, 1, 1, tzinfo=UTC)))
    second = index.add(StoryDoc(2, title, title, "Post", datetime(1, 1, 2, tzinfo=UTC)))
    assert first == second


def test_a_story_running_for_weeks_is_found_in_each_week_it_spans_and_not_beyond() -> None:
    """The index keeps its look-up per week of a story's span: a story that grows day by day
    across weeks is still found by a report at either end, read newest first or oldest first,
    and a report a month away starts a story of its own."""
    start = TALKS_1_BBC.published
    days = [moved(TALKS_1_BBC, 100 + n, start + timedelta(days=2 * n)) for n in range(12)]
    for order in (days, list(reversed(days))):
        index = StoryIndex()
        stories = {index.add(doc) for doc in order}
        assert len(stories) == 1
        late = index.add(moved(TALKS_1_BBC, 200, days[-1].published + timedelta(days=1)))
        early = index.add(moved(TALKS_1_BBC, 201, start - timedelta(days=1)))
        far = index.add(moved(TALKS_1_BBC, 202, days[-1].published + timedelta(days=30)))
        assert late == early == next(iter(stories)) != far
