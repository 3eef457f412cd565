"""News judgement: does the daily digest lead with what led the news that day?

Run: `.venv/bin/python bench/eval_digest.py [--show] [--patterns]` (reads
`../shared/corpora/news-2022/items.jsonl`; says so and exits 0 when it is absent). About two
minutes on the 2-core development machine, nearly all of it the replay.

Reference: `bench/digest_reference.toml`, written before any tuning of the ranking: 20 days
of the corpus, each with the events that led the news that day (weight 3 = lead, 2 = major,
1 = notable) and a regular expression matching the items that report each, plus junk patterns
for items no serious digest would lead with. Its header says how the patterns are matched.

Replay (`bench/replay2022.py`): the items, in publication order, are stored hour by hour in a
temporary SQLite store (one feed per source) and enriched by the real `Enricher`. On each
reference day, at 23:59 UTC, with only the items published by then stored and enriched, the
digest is `digests.newsroom.digest_of_last(store, 24, at)` and its first ten stories are scored.
The replay is deterministic: same items, same order, same ids, same stories at every run.

How a story is matched (strict, the figures reported first): a story is judged by what the
digest shows of it: its lead item (whose title is the story's title) and the items its summary
quotes, counting only those published in the 24-hour window. The story matches an event when
the event's pattern is found in one of these items' title + "\n" + stored text. Lenient (also
printed, means only): any item of the story published in the window may match.

Metrics, per day, over the top ten stories (five for the lead recall):
- R@10, weighted event recall: the sum of the weights of the day's events matched by at least
  one of the ten stories, over the sum of all the day's weights.
- L@5, lead recall: the share of the day's weight-3 events matched by one of the top five.
- junk: how many of the ten stories have a lead item whose TITLE matches a junk pattern.
- split: how many events are matched by two or more of the ten stories (one event told as
  several stories).

Baselines, built from the same stored items of the same window:
- latest: the ten most recently published items, one story each (lead = the item).
- title words: the window's items grouped greedily in publication order (an item joins the
  earliest group holding a title that shares at least half of the content words of both
  titles, `replay2022.titles_match`), groups ranked by size, ties by their latest item, then
  their first; a group's lead (strict) is its first item, as the digest leads a story with its
  first report in the window; lenient: any member.

Tuning and held-out days: the ranking's weights (`digests.news.judgement.Weights`) were chosen
on 14 of the 20 days; the other six (`HELD_OUT`: two quiet days, two war days, two later days)
were only scored. Means are printed over all days and over each part.

`--ablation` ranks each day again with one signal turned off at a time
(`judgement.ABLATIONS`), from the same inputs `digest_of_last` reads from the store, and prints
R@10 / L@5 / junk / split without each signal (all days, tuning, held-out).

`--show` prints each system's ten stories per day (title, sources, events matched, junk);
`--patterns` prints, per day, every stored item each event pattern and the junk patterns match
(to check that the patterns are precise). Titles are printed, never stored.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import sys
import time
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from replay2022 import CORPUS, Replay, group_by_titles, item_text, one_line, read_items  # noqa: E402

from digests.models import Item, StoryRecord  # noqa: E402
from digests.news.digest import Digest, build_digest  # noqa: E402
from digests.news.judgement import ABLATIONS, WEIGHTS, Weights  # noqa: E402
from digests.newsroom import digest_inputs, digest_of_last  # noqa: E402
from digests.readings import Figure, Mention  # noqa: E402
from digests.store.core import Store  # noqa: E402

REFERENCE = BENCH / "digest_reference.toml"
TOP = 10
LEAD_TOP = 5
WINDOW_HOURS = 24
SYSTEMS = ("Newsdesk", "latest", "title words")
# Days only scored, never looked at while the ranking's weights were chosen.
HELD_OUT = frozenset({"2022-02-03", "2022-02-10", "2022-02-25", "2022-03-01", "2022-03-08", "2022-03-28"})


@dataclass(frozen=True, slots=True)
class Event:
    weight: int
    label: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Day:
    date: str
    events: tuple[Event, ...]
    junk: tuple[re.Pattern[str], ...]

    @property
    def at(self) -> datetime:
        return datetime.fromisoformat(f"{self.date}T23:59:00+00:00")


@dataclass(frozen=True, slots=True)
class Shown:
    """One story of a ranked list: its lead item, the items judged strictly, all window items."""

    lead: Item
    strict: tuple[Item, ...]
    lenient: tuple[Item, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Score:
    recall: float
    lead_recall: float | None  # None when the day has no weight-3 event
    junk: int
    split: int


def load_reference(path: Path = REFERENCE) -> list[Day]:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    common = tuple(re.compile(p, re.IGNORECASE) for p in data["junk"]["patterns"])
    days = []
    for day in data["day"]:
        events = tuple(Event(int(e["weight"]), str(e["label"]), re.compile(e["pattern"], re.IGNORECASE))
                       for e in day["event"])
        junk = common + tuple(re.compile(p, re.IGNORECASE) for p in day.get("junk", ()))
        days.append(Day(str(day["date"]), events, junk))
    return sorted(days, key=lambda d: d.date)


# Ranked lists ------------------------------------------------------------------------------

def _in_window(items: Sequence[Item], start: datetime, end: datetime) -> tuple[Item, ...]:
    return tuple(i for i in items if start <= i.published_at <= end)


async def newsdesk(replay: Replay, at: datetime) -> list[Shown]:
    """The digest's first ten stories, each mapped back to its stored items by its lead's link
    (every stored item belongs to one story) and its summary's quoted item ids (a story folded
    from several stored ones quotes from any of them)."""
    start = at - timedelta(hours=WINDOW_HOURS)
    digest = await digest_of_last(replay.store, WINDOW_HOURS, at)
    stories: list[StoryRecord] = await replay.store.stories_between(start, at)
    return shown_of(digest, stories, start, at)


def shown_of(digest: Digest, stories: Sequence[StoryRecord], start: datetime, at: datetime) -> list[Shown]:
    by_link = {i.url: s for s in stories for i in s.items if i.url}
    every = {i.id: i for s in stories for i in s.items}
    shown = []
    for card in digest.stories[:TOP]:
        story = by_link[card.url] if card.url else None
        if story is None:
            raise RuntimeError(f"digest story without a stored lead: {card.title!r}")
        lead = next(i for i in story.items if i.url == card.url)
        quoted = [every[q.source.item_id] for q in card.summary if q.source.item_id in every]
        strict = _in_window(list(dict.fromkeys([lead, *quoted])), start, at)
        shown.append(Shown(lead, strict, _in_window(story.items, start, at), card.sources))
    return shown


@dataclass(frozen=True, slots=True)
class Inputs:
    """What `digest_of_last` reads from the store for one window, to rank it again."""

    stories: list[StoryRecord]
    figures: dict[int, list[Figure]]
    mentions: dict[int, list[Mention]]
    before: list[Item]
    start: datetime
    at: datetime

    def digest(self, weights: Weights) -> Digest:
        return build_digest(self.stories, self.figures, self.start, self.at, TOP, self.mentions,
                            self.before, weights)


async def inputs_of(store: Store, at: datetime, hours: float = WINDOW_HOURS) -> Inputs:
    """The same reads as `digest_of_last`, through the same call."""
    given = await digest_inputs(store, hours, at)
    return Inputs(given.stories, given.figures, given.mentions, given.before, given.start, at)


def latest(items: Sequence[Item]) -> list[Shown]:
    """Baseline (a): the ten most recent items, one story each."""
    ranked = sorted(items, key=lambda i: (i.published_at, i.id), reverse=True)[:TOP]
    return [Shown(i, (i,), (i,), (i.feed_name,)) for i in ranked]


def by_title_words(items: Sequence[Item]) -> list[Shown]:
    """Baseline (b): greedy title-word groups, the largest first, ties by recency."""
    groups = group_by_titles(items)
    groups.sort(key=lambda g: (len(g), max(i.published_at for i in g), g[0].published_at),
                reverse=True)
    return [Shown(g[0], (g[0],), tuple(g), tuple(dict.fromkeys(i.feed_name for i in g)))
            for g in groups[:TOP]]


# Scoring -----------------------------------------------------------------------------------

def matched(story_items: Sequence[Item], day: Day) -> set[int]:
    """Indexes of the day's events that one of the items matches."""
    texts = [item_text(i) for i in story_items]
    return {n for n, e in enumerate(day.events) if any(e.pattern.search(t) for t in texts)}


def is_junk(item: Item, day: Day) -> bool:
    return any(p.search(item.title) for p in day.junk)


def score(shown: Sequence[Shown], day: Day, lenient: bool = False) -> Score:
    per_story = [matched(s.lenient if lenient else s.strict, day) for s in shown[:TOP]]
    found = set().union(*per_story) if per_story else set()
    in_top = set().union(*per_story[:LEAD_TOP]) if per_story else set()
    total = sum(e.weight for e in day.events)
    recall = sum(day.events[n].weight for n in found) / total
    leads = [n for n, e in enumerate(day.events) if e.weight == 3]
    lead_recall = len([n for n in leads if n in in_top]) / len(leads) if leads else None
    counts = [sum(n in m for m in per_story) for n in range(len(day.events))]
    return Score(recall, lead_recall, sum(is_junk(s.lead, day) for s in shown[:TOP]),
                 sum(c >= 2 for c in counts))


# Report ------------------------------------------------------------------------------------

def _cells(s: Score) -> str:
    lead = f"{s.lead_recall:.2f}" if s.lead_recall is not None else "  - "
    return f"{s.recall:5.2f} {lead:>5} {s.junk:4d} {s.split:4d}"


def _means(scores: Sequence[Score]) -> str:
    leads = [s.lead_recall for s in scores if s.lead_recall is not None]
    junk = statistics.fmean(s.junk for s in scores)
    split = statistics.fmean(s.split for s in scores)
    return (f"{statistics.fmean(s.recall for s in scores):5.2f} {statistics.fmean(leads):5.2f} "
            f"{junk:4.2f} {split:4.2f}")


def _parts(days: Sequence[Day], scores: Sequence[Score]) -> dict[str, list[Score]]:
    """All days, the tuning days and the held-out days."""
    return {"mean": list(scores),
            "tuning": [s for d, s in zip(days, scores, strict=True) if d.date not in HELD_OUT],
            "held-out": [s for d, s in zip(days, scores, strict=True) if d.date in HELD_OUT]}


def table(days: Sequence[Day], strict: dict[str, list[Score]], lenient: dict[str, list[Score]]) -> list[str]:
    head = "".join(f" | {name:^21}" for name in SYSTEMS)
    sub = "".join(" |  R@10   L@5 junk split" for _ in SYSTEMS)
    lines = [f"{'day':<10} {'events':>6}{head}", f"{'':<10} {'(w)':>6}{sub}"]
    for n, day in enumerate(days):
        weights = f"{len(day.events)}({sum(e.weight for e in day.events)})"
        held = "*" if day.date in HELD_OUT else " "
        cells = "".join(f" | {_cells(strict[s][n])}" for s in SYSTEMS)
        lines.append(f"{day.date}{held}{weights:>6}{cells}")
    parts = {name: _parts(days, strict[name]) for name in SYSTEMS}
    for part in ("mean", "tuning", "held-out"):
        count = len(parts[SYSTEMS[0]][part])
        label = f"{part} ({count})"
        lines.append(f"{label:<17}" + "".join(f" | {_means(parts[name][part])}" for name in SYSTEMS))
    lines.append(f"{'lenient':<17}" + "".join(f" | {_means(lenient[s])}" for s in SYSTEMS))
    return lines


def ablation_table(days: Sequence[Day], inputs: Sequence[Inputs]) -> list[str]:
    """R@10 / L@5 / junk / split with every signal, then without each one."""
    variants = {"all signals": WEIGHTS, **{f"without {name}": w for name, w in ABLATIONS.items()}}
    lines = [f"{'ranking':<24} | {'all days':^23} | {'tuning':^23} | {'held-out':^23}",
             f"{'':<24}" + " |  R@10   L@5 junk split" * 3]
    for name, weights in variants.items():
        scores = [score(shown_of(i.digest(weights), i.stories, i.start, i.at), day)
                  for day, i in zip(days, inputs, strict=True)]
        parts = _parts(days, scores)
        cells = "".join(f" | {_means(parts[p])}" for p in ("mean", "tuning", "held-out"))
        lines.append(f"{name:<24}{cells}")
    return lines


def show(day: Day, name: str, shown: Sequence[Shown]) -> list[str]:
    lines = [f"  {name}:"]
    for rank, s in enumerate(shown[:TOP], start=1):
        events = sorted(matched(s.strict, day))
        extra = sorted(matched(s.lenient, day) - set(events))
        marks = ", ".join(f"[{day.events[n].weight}] {day.events[n].label[:40]}" for n in events)
        if extra:
            marks += " (lenient: " + ", ".join(day.events[n].label[:30] for n in extra) + ")"
        junk = " JUNK" if is_junk(s.lead, day) else ""
        lines.append(f"   {rank:2d}. {one_line(s.lead.title, 70)}  <{len(s.lenient)} items; "
                     f"{'/'.join(s.sources)}>{junk}")
        if marks:
            lines.append(f"         = {marks}")
    return lines


def pattern_check(day: Day, items: Sequence[Item]) -> list[str]:
    lines = [f"== {day.date}: {len(items)} items in the window"]
    hits: dict[int, list[str]] = {}
    for event in day.events:
        found = [i for i in items if event.pattern.search(item_text(i))]
        lines.append(f"  [{event.weight}] {event.label}: {len(found)}" + ("   <-- NONE" if not found else ""))
        for item in found:
            hits.setdefault(item.id, []).append(event.label)
            lines.append(f"        {item.feed_name:<8} {one_line(item.title, 90)}")
    for item_id, labels in hits.items():
        if len(labels) > 1:
            lines.append(f"  item {item_id} matches {len(labels)} events: {'; '.join(labels)}")
    junk = [i for i in items if is_junk(i, day)]
    lines.append(f"  junk titles: {len(junk)}")
    lines.extend(f"        {i.feed_name:<8} {one_line(i.title, 90)}" for i in junk)
    return lines


# Main --------------------------------------------------------------------------------------

Ranker = Callable[[Sequence[Item]], list[Shown]]


async def evaluate(days: Sequence[Day], options: argparse.Namespace) -> None:
    rows = read_items()
    strict: dict[str, list[Score]] = {name: [] for name in SYSTEMS}
    lenient: dict[str, list[Score]] = {name: [] for name in SYSTEMS}
    details: list[str] = []
    inputs: list[Inputs] = []
    begin = time.perf_counter()
    digest_seconds = 0.0
    async with Replay(rows) as replay:
        for day in days:
            await replay.advance(day.at)
            start = day.at - timedelta(hours=WINDOW_HOURS)
            items = await replay.store.items_published_between(start, day.at)
            clock = time.perf_counter()
            ranked = {"Newsdesk": await newsdesk(replay, day.at)}
            digest_seconds += time.perf_counter() - clock
            ranked["latest"] = latest(items)
            ranked["title words"] = by_title_words(items)
            if options.ablation:
                inputs.append(await inputs_of(replay.store, day.at))
                again = shown_of(inputs[-1].digest(WEIGHTS), inputs[-1].stories, start, day.at)
                if [s.lead.id for s in again] != [s.lead.id for s in ranked["Newsdesk"]]:
                    raise RuntimeError(f"{day.date}: the inputs read again do not give the digest")
            for name in SYSTEMS:
                strict[name].append(score(ranked[name], day))
                lenient[name].append(score(ranked[name], day, lenient=True))
            if options.patterns:
                details.extend(pattern_check(day, items))
            if options.show:
                details.append(f"== {day.date}")
                for name in SYSTEMS:
                    details.extend(show(day, name, ranked[name]))
        failures = await replay.store.enrichment_failures()
    elapsed = time.perf_counter() - begin
    if failures:
        print(f"warning: {len(failures)} items could not be enriched; their stories are missing\n")
    events = sum(len(d.events) for d in days)
    print(f"{len(rows)} items replayed up to {days[-1].at:%d %b %H:%M}; {len(days)} reference days, "
          f"{events} events ({sum(1 for d in days for e in d.events if e.weight == 3)} leads)\n")
    print("\n".join(table(days, strict, lenient)))
    print(f"\nR@10 weighted event recall, L@5 lead recall, junk and split: stories of the ten (strict "
          f"matching; 'lenient' = any window item of a story may match); * held-out day.\nReplay and scoring "
          f"{elapsed:.0f} s; the {len(days)} digests {digest_seconds:.1f} s.")
    if inputs:
        print("\nWhat each signal adds: the same days ranked without it (strict matching)\n")
        print("\n".join(ablation_table(days, inputs)))
    if details:
        print("\n" + "\n".join(details))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--show", action="store_true", help="print each system's ten stories per day")
    parser.add_argument("--patterns", action="store_true", help="print what every pattern matches")
    parser.add_argument("--ablation", action="store_true", help="rank again without each signal")
    options = parser.parse_args()
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS} (nothing to evaluate)")
        return 0
    asyncio.run(evaluate(load_reference(), options))
    return 0


if __name__ == "__main__":
    sys.exit(main())
