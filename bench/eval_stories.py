"""Story clustering: Newsdesk's StoryIndex against a title-overlap baseline, on ECB+.

Run: `.venv/bin/python bench/eval_stories.py` (reads `../shared/corpora/clusters/ecbplus.jsonl`;
says so and exits 0 when it is absent). Standard library only, besides the project.

Data: ECB+, 982 news documents in 86 gold event clusters over 43 topics. Every topic holds two
different events of the same kind (two earthquakes, two rehab check-ins), so grouping by topic
is not enough: the "one cluster per topic" line shows what topic-level grouping scores.
ECB+ has no publication dates: every document gets the same time, so the window never decides.
Documents arrive one at a time in a fixed shuffled order (seeded), as feeds interleave stories.

Methods, all incremental and in the same order:
- Newsdesk: `digests.news.stories.StoryIndex` with its default threshold, on title + text.
- Title overlap (baseline): a document joins the earlier cluster holding the title most similar
  to its own (Jaccard of the title's content words, `digests.news.text.terms`) when that similarity
  reaches t, or starts a cluster. Its one parameter t is tuned on this very data (the best F1
  over a grid is reported), which favours the baseline. Newsdesk runs at its module default,
  which is not re-tuned here; the sweep below shows F1 around it and over other shuffles.
- One cluster per topic (reference): the gold topic as the cluster; not a method.

Scores: B-cubed precision, recall and F1 over documents, × 100; how many topics keep their two
events apart (no found cluster holds docs of both); docs/s: StoryIndex's throughput over the
whole set, one process, features included. A sweep shows F1 at other thresholds and shuffles.

Second part, real feeds (`../shared/corpora/news-2022/items.jsonl` and `bench/story_pairs.jsonl`,
skipped with a message when the corpus is absent): 590 pairs of items published the same UTC
day, each labelled by reading both: same event (they report the same real-world happening: the
same attack, vote, announcement, death, match, ceremony; a piece written because of it, such as
an explainer of that announcement or the reactions to that slap, counts) or not (same topic,
different happenings: two doping cases, the UK's and the US's sanctions, the result of a game
and its halftime show). Items are named by their links. 440 pairs are BBC vs CNN, 150 BBC vs
BBC ("five BBC items about one event in a day are one story"). They were drawn, with seeds,
from four strata so that both classes are well represented: pairs sharing two or more title
content words (`title-overlap`), then among the pairs not yet drawn, three or more, or two and a
title Jaccard of at least 0.3 (`strong-title`), fewer than two title words but four or more
content words of title and description (`text-overlap`), and at random among pairs sharing at
least one content word (`random`); 157 pairs are the same event, 433 not.

The whole corpus is replayed in publication order through the real `Enricher`
(`bench/replay2022.py`: hourly `save_entries` then `Enricher.run`, as the bot does after each
poll), and a pair counts as grouped when both items end in the same story. Pairwise
precision, recall and F1 (the positive class: same event), overall and by outlet pair, against
baselines: the title rule alone on each pair (same story when the two titles share at least
half of the content words of each, `replay2022.titles_match`), the same rule as a greedy
grouping of each day's items in publication order (`replay2022.group_by_titles`, the grouping
`eval_digest.py` uses as a baseline), and a title-word Jaccard threshold tuned on these very
pairs (the best F1 over the same grid as above: an oracle, in the baseline's favour). Then
Newsdesk and the title rule by stratum. `--part ecb` or `--part pairs` runs one part only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from replay2022 import CORPUS as NEWS_2022
from replay2022 import Replay, group_by_titles, read_items, title_words, titles_match

from digests.news.stories import THRESHOLD, StoryDoc, StoryIndex
from digests.news.text import terms

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "clusters" / "ecbplus.jsonl"
SEED = 2022
SEEDS = (1, 2, 3, 4, 5)
SAME_TIME = datetime(2022, 3, 2, 12, 0, tzinfo=UTC)
BASELINE_GRID = tuple(round(0.05 * step, 2) for step in range(1, 17))
SWEEP = (0.15, 0.2, 0.25, 0.3, 0.35)
PAIRS = Path(__file__).resolve().parent / "story_pairs.jsonl"


@dataclass(frozen=True, slots=True)
class Doc:
    """One ECB+ document with its gold labels."""

    story: StoryDoc
    topic: int
    cluster: str


@dataclass(frozen=True, slots=True)
class Score:
    """B-cubed precision, recall and F1, and the number of clusters found."""

    precision: float
    recall: float
    f1: float
    clusters: int


Clusterer = Callable[[Sequence[Doc]], list[int]]


def load(path: Path) -> list[Doc]:
    """The corpus in file order; ids are line numbers, the text's lines become paragraphs."""
    docs = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            row = json.loads(line)
            text = "\n\n".join(row["text"].split("\n"))
            story = StoryDoc(number, row["title"], text, row["doc_id"], SAME_TIME)
            docs.append(Doc(story, int(row["topic"]), str(row["cluster"])))
    return docs


def shuffled(docs: Sequence[Doc], seed: int) -> list[Doc]:
    """The docs in a fixed pseudo-random order."""
    order = list(docs)
    random.Random(seed).shuffle(order)
    return order


def bcubed(predicted: Sequence[object], gold: Sequence[object]) -> Score:
    """B-cubed precision/recall/F1 of a predicted labelling against the gold one."""
    pairs = list(zip(predicted, gold, strict=True))
    both: dict[tuple[object, object], int] = {}
    by_predicted: dict[object, int] = {}
    by_gold: dict[object, int] = {}
    for pair in pairs:
        both[pair] = both.get(pair, 0) + 1
        by_predicted[pair[0]] = by_predicted.get(pair[0], 0) + 1
        by_gold[pair[1]] = by_gold.get(pair[1], 0) + 1
    precision = statistics.fmean(both[pair] / by_predicted[pair[0]] for pair in pairs)
    recall = statistics.fmean(both[pair] / by_gold[pair[1]] for pair in pairs)
    f1 = 2 * precision * recall / (precision + recall)
    return Score(precision, recall, f1, len(by_predicted))


def newsdesk(threshold: float) -> Clusterer:
    """StoryIndex at the given threshold."""
    def cluster(docs: Sequence[Doc]) -> list[int]:
        index = StoryIndex(threshold=threshold)
        return [index.add(doc.story) for doc in docs]
    return cluster


def title_overlap(t: float) -> Clusterer:
    """Baseline: join the cluster of the earlier title with the highest Jaccard ≥ t."""
    def cluster(docs: Sequence[Doc]) -> list[int]:
        seen: list[tuple[frozenset[str], int]] = []
        labels: list[int] = []
        for doc in docs:
            words = frozenset(terms(doc.story.title))
            best, label = 0.0, len(labels)
            for other, other_label in seen:
                union = len(words | other)
                similarity = len(words & other) / union if union else 0.0
                if similarity > best:
                    best, label = similarity, other_label
            label = label if best >= t else len(labels)
            seen.append((words, label))
            labels.append(label)
        return labels
    return cluster


def score(clusterer: Clusterer, docs: Sequence[Doc]) -> Score:
    """The clusterer's B-cubed score on the docs in the given order."""
    return bcubed(clusterer(docs), [doc.cluster for doc in docs])


def tuned_baseline(docs: Sequence[Doc]) -> tuple[float, Score]:
    """The baseline at its best t on this data (an oracle tuning, in the baseline's favour)."""
    scored = [(t, score(title_overlap(t), docs)) for t in BASELINE_GRID]
    return max(scored, key=lambda pair: pair[1].f1)


def topics_kept_apart(labels: Sequence[int], docs: Sequence[Doc]) -> int:
    """How many topics have no found cluster that mixes their two gold events."""
    events: dict[tuple[int, int], set[str]] = {}
    for label, doc in zip(labels, docs, strict=True):
        events.setdefault((doc.topic, label), set()).add(doc.cluster)
    mixed = {topic for (topic, _), clusters in events.items() if len(clusters) > 1}
    return len({doc.topic for doc in docs} - mixed)


def throughput(docs: Sequence[Doc], repeats: int = 3) -> float:
    """StoryIndex's docs/s over the whole set, best of a few runs."""
    best = float("inf")
    for _ in range(repeats):
        index = StoryIndex()
        start = time.perf_counter()
        for doc in docs:
            index.add(doc.story)
        best = min(best, time.perf_counter() - start)
    return len(docs) / best


def row(name: str, result: Score) -> str:
    """One line of the results table."""
    return (f"| {name} | {100 * result.precision:.1f} | {100 * result.recall:.1f} "
            f"| {100 * result.f1:.1f} | {result.clusters} |")


def sweep(corpus: Sequence[Doc]) -> list[str]:
    """F1 of StoryIndex at a few thresholds, on the main order and averaged over other shuffles."""
    orders = [shuffled(corpus, seed) for seed in SEEDS]
    seeds = ",".join(map(str, SEEDS))
    lines = [f"| threshold | F1 (seed {SEED}) | F1 mean ± sd over seeds {seeds} |", "|---|---:|---:|"]
    for threshold in SWEEP:
        clusterer = newsdesk(threshold)
        here = score(clusterer, shuffled(corpus, SEED)).f1
        others = [score(clusterer, order).f1 for order in orders]
        mark = " (default)" if threshold == THRESHOLD else ""
        lines.append(f"| {threshold:.2f}{mark} | {100 * here:.1f} "
                     f"| {100 * statistics.fmean(others):.1f} ± {100 * statistics.stdev(others):.1f} |")
    return lines


def ecb_part() -> None:
    """Prints the ECB+ results table, the docs/s and the threshold sweep."""
    if not CORPUS.exists():
        print(f"ECB+ corpus not found at {CORPUS}; nothing to evaluate.")
        return
    corpus = load(CORPUS)
    docs = shuffled(corpus, SEED)
    gold_clusters = len({doc.cluster for doc in docs})
    print(f"ECB+: {len(docs)} docs, {gold_clusters} gold clusters, shuffled with seed {SEED}\n")
    ours = score(newsdesk(THRESHOLD), docs)
    t, baseline = tuned_baseline(docs)
    topics = bcubed([doc.topic for doc in docs], [doc.cluster for doc in docs])
    print("| method | P | R | F1 | clusters found |")
    print("|---|---:|---:|---:|---:|")
    print(row(f"Newsdesk StoryIndex (threshold {THRESHOLD})", ours))
    print(row(f"title-word Jaccard baseline (t = {t}, tuned on this data)", baseline))
    print(row("one cluster per topic (reference)", topics))
    kept = [topics_kept_apart(method(docs), docs) for method in (newsdesk(THRESHOLD), title_overlap(t))]
    print(f"\nTopics whose two events no found cluster mixes: StoryIndex {kept[0]} of "
          f"{len({doc.topic for doc in docs})}, baseline {kept[1]}")
    print(f"StoryIndex throughput: {throughput(docs):,.0f} docs/s (incremental, one process)\n")
    print("\n".join(sweep(corpus)))


# Story pairs on real feeds (news-2022) -------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Pair:
    """Two items of the same day, by link, with the label read by hand."""

    day: str
    a: str
    b: str
    same: bool
    stratum: str

    @property
    def outlets(self) -> str:
        return self.stratum.split("/")[0]


@dataclass(frozen=True, slots=True)
class PairScore:
    """Pairwise precision, recall and F1 of "grouped" against "same event"."""

    pairs: int
    positives: int
    grouped: int
    hits: int

    @property
    def precision(self) -> float:
        return self.hits / self.grouped if self.grouped else 0.0

    @property
    def recall(self) -> float:
        return self.hits / self.positives if self.positives else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def prf(result: PairScore) -> str:
    """"P / R / F1" × 100; a dash for the precision of a method that grouped no pair."""
    precision = f"{100 * result.precision:5.1f}" if result.grouped else "    -"
    return f"{precision} / {100 * result.recall:5.1f} / {100 * result.f1:5.1f}"


def load_pairs(path: Path = PAIRS) -> list[Pair]:
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return [Pair(str(r["day"]), str(r["a"]), str(r["b"]), bool(r["same"]), str(r["stratum"])) for r in rows]


def pair_score(pairs: Sequence[Pair], grouped: Callable[[Pair], bool]) -> PairScore:
    decided = [(p.same, grouped(p)) for p in pairs]
    return PairScore(len(decided), sum(s for s, _ in decided), sum(g for _, g in decided),
                     sum(s and g for s, g in decided))


async def replayed_groupings(pairs: Sequence[Pair]
                             ) -> tuple[dict[str, int], dict[str, tuple[str, int]], dict[str, str]]:
    """Replays the corpus through the real Enricher; returns each item's story (by link), its
    title-word group within its day (by link) and its title (by link)."""
    rows = read_items(NEWS_2022)
    async with Replay(rows) as replay:
        last = max(datetime.fromisoformat(str(r["published"])) for r in rows)
        await replay.advance(last + timedelta(hours=1))
        failures = await replay.store.enrichment_failures()
        if failures:
            print(f"warning: {len(failures)} items could not be enriched")
        story = await replay.story_of_link()
        groups: dict[str, tuple[str, int]] = {}
        titles: dict[str, str] = {}
        for day in sorted({p.day for p in pairs}):
            start = datetime.fromisoformat(f"{day}T00:00:00+00:00")
            end = start + timedelta(days=1) - timedelta.resolution
            items = await replay.store.items_published_between(start, end)
            for number, group in enumerate(group_by_titles(items)):
                for item in group:
                    if item.url:
                        groups[item.url] = (day, number)
                        titles[item.url] = item.title
    return story, groups, titles


def jaccard_at_least(t: float, titles: dict[str, str]) -> Callable[[Pair], bool]:
    """Oracle baseline: the pair's titles have a content-word Jaccard of at least t."""
    def grouped(pair: Pair) -> bool:
        a, b = title_words(titles[pair.a]), title_words(titles[pair.b])
        return bool(a | b) and len(a & b) / len(a | b) >= t
    return grouped


def pairs_part() -> None:
    """Prints pairwise precision/recall/F1 of Newsdesk's story grouping and the baselines."""
    if not NEWS_2022.exists() or not PAIRS.exists():
        print(f"news-2022 corpus or pairs not found ({NEWS_2022}, {PAIRS}); nothing to evaluate.")
        return
    pairs = load_pairs()
    start = time.perf_counter()
    story, groups, titles = asyncio.run(replayed_groupings(pairs))
    seconds = time.perf_counter() - start
    missing = {link for p in pairs for link in (p.a, p.b)} - story.keys()
    if missing:
        raise SystemExit(f"{len(missing)} pair items are not in the replayed store")
    t, _ = max(((t, pair_score(pairs, jaccard_at_least(t, titles))) for t in BASELINE_GRID),
               key=lambda pair: pair[1].f1)
    methods: list[tuple[str, Callable[[Pair], bool]]] = [
        ("Newsdesk stories (replayed Enricher)", lambda p: story[p.a] == story[p.b]),
        ("title words, pair rule",
         lambda p: titles_match(title_words(titles[p.a]), title_words(titles[p.b]))),
        ("title words, greedy grouping of the day", lambda p: groups[p.a] == groups[p.b]),
        (f"title-word Jaccard >= {t} (tuned on these pairs)", jaccard_at_least(t, titles)),
    ]
    positives = sum(p.same for p in pairs)
    print(f"\nStory pairs, news-2022: {len(pairs)} labelled pairs ({positives} same event), "
          f"corpus replayed in {seconds:.0f} s\n")
    print("| method | pairs | P | R | F1 | BBC-CNN F1 | BBC-BBC F1 | grouped |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for name, grouped in methods:
        overall = pair_score(pairs, grouped)
        by = {o: pair_score([p for p in pairs if p.outlets == o], grouped) for o in ("bbc-cnn", "bbc-bbc")}
        print(f"| {name} | all | {100 * overall.precision:.1f} | {100 * overall.recall:.1f} "
              f"| {100 * overall.f1:.1f} | {100 * by['bbc-cnn'].f1:.1f} | {100 * by['bbc-bbc'].f1:.1f} "
              f"| {overall.grouped} |")
    print("\nBy stratum: same-event pairs / pairs, then P / R / F1 × 100:")
    strata = sorted({p.stratum for p in pairs})
    for stratum in strata:
        subset = [p for p in pairs if p.stratum == stratum]
        ours = pair_score(subset, methods[0][1])
        rule = pair_score(subset, methods[1][1])
        print(f"  {stratum:<24} {ours.positives:3d}/{len(subset):3d}  Newsdesk {prf(ours)}   "
              f"title rule {prf(rule)}")


def main() -> int:
    """Prints the ECB+ part, then the news-2022 pairs part."""
    parser = argparse.ArgumentParser(description="Story clustering: ECB+ and news-2022 pairs.")
    parser.add_argument("--part", choices=("all", "ecb", "pairs"), default="all")
    part = parser.parse_args().part
    if part in ("all", "ecb"):
        ecb_part()
    if part in ("all", "pairs"):
        pairs_part()
    return 0


if __name__ == "__main__":
    sys.exit(main())
