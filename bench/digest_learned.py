"""An experiment kept for the record: does a ranking learned from the reference beat the
hand-set weights of `digests.news.judgement`?

Run: `.venv/bin/python bench/eval_digest.py`'s replay is repeated here, so about 30 s
(`pip install -e '.[bench]'` for numpy): `.venv/bin/python bench/digest_learned.py`.

Each live story of each reference day is described by the ranking's own signals (outlets,
reports, growth, kind, centrality, burst, support, minor source, lateness, figures quoted) and by
cues an editor reads (event, politics, economy and soft words in the headlines and openings,
the link's section, the outlet, a headline's colon or question mark). A logistic regression
(L2, Newton steps) is fitted to "reports one of the day's events" (weighted by the event's
weight); the story's score is its log-odds, then the same one-event-once folding and diversity
as the digest. The tuning days are scored leaving one day out; the held-out days with a model
fitted on all tuning days. "stacked" adds the cues to the hand ranking's place instead of
replacing it. Strict matching, as `eval_digest.py` scores. "ceiling" is what a perfect ranking
of the stories as grouped could reach: the ten that together match the most event weight.
"""

from __future__ import annotations

import asyncio
import math
import re
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from dataclasses import replace  # noqa: E402

import numpy as np  # noqa: E402
from eval_digest import HELD_OUT, TOP, Day, Inputs, inputs_of, load_reference, matched, score, shown_of  # noqa: E402
from replay2022 import CORPUS, Replay, read_items  # noqa: E402

from digests.models import StoryRecord  # noqa: E402
from digests.news import judgement as J  # noqa: E402
from digests.news.digest import digest_of_ranked  # noqa: E402

_EVENT = re.compile(r"\b(?:attack\w*|strike[sd]?|shell\w*|bomb\w*|invade[sd]?|invasion|captur\w*|seiz\w*|"
                    r"troops|forces|siege|flee\w*|fled|refugees|sanction\w*|talks|ceasefire|missile\w*|killed|"
                    r"dead|deaths?|die[sd]|injured|explosion|blast|crash\w*|earthquake|flood\w*|storm)\b",
                    re.I)
_POLITICS = re.compile(r"\b(?:vote[sd]?|approv\w*|law|bill|court|judge|jury|trial|verdict|guilty|charged|"
                       r"arrest\w*|resign\w*|quits|sacked|elect\w*|announce[sd]?|agree[sd]?|deal|settle\w*|"
                       r"inquiry|investigation|police|minister|president|government)\b", re.I)
_ECONOMY = re.compile(r"\b(?:shares|stocks?|markets?|oil|prices?|inflation|rates?|economy|profits?"
                      r"|billion)\b", re.I)
_SOFT = re.compile(r"\b(?:video|watch|pictures|quiz|how|why|what|moment|inside|meet|life|stories|family|"
                   r"hope|love|best)\b", re.I)


def _section(url: str | None) -> str:
    parts = [p for p in urlsplit(url or "").path.lower().split("/") if p and not p[:1].isdigit()]
    return f"{parts[0]}/{parts[1].split('-')[0] if len(parts) > 1 else ''}" if parts else ""


def features(given: Inputs) -> tuple[list[StoryRecord], np.ndarray, dict[int, dict[int, float]]]:
    start, end, weights = given.start, given.at, J.WEIGHTS
    live = [s for s in given.stories if J.in_window(s, start, end)]
    floor = min(J.SUPPORT_FLOOR, weights.diversity_floor)
    close = J.neighbours(J.story_vectors(live, start, end), floor=floor)
    near = J._at_least(close, J.RELATED)
    outlets = {s.id: {J.outlet_of(i) for i in J.in_window(s, start, end)} for s in live}
    news = J.bursts(live, start, end, given.before)
    support = J.report_support(live, start, end, close)
    minor = J.minor_sources(live, start, end, given.before)
    rows = []
    for story in live:
        reports = J.in_window(story, start, end)
        own = J.importance(story, start, end, given.figures, weights)
        titles = " ".join(i.title for i in reports)
        opening = " ".join(f"{i.title} {i.text[:300]}" for i in reports)
        sections = {_section(i.url) for i in reports}
        rows.append([
            own.outlets - 1, math.log1p(own.reports), own.growth, own.kind == 1.0, own.kind == J.SOFT,
            own.kind == J.SERVICE, math.log1p(sum(c * len(outlets[o]) for o, c in near[story.id].items())),
            J._story_burst(story, start, end, news), math.log1p(support[story.id]),
            J._reporting(outlets[story.id]) <= minor,
            J._lateness(max(i.published_at for i in reports), start, end),
            math.log1p(sum(1 for i in reports for f in given.figures.get(i.id, ()) if f.source)),
            bool(_EVENT.search(titles)), bool(_POLITICS.search(titles)), bool(_ECONOMY.search(titles)),
            bool(_SOFT.search(titles)), len(_EVENT.findall(opening)) / 5, len(_POLITICS.findall(opening)) / 5,
            any(x.startswith("news/world") for x in sections), any(x.startswith("news/uk") for x in sections),
            any(x.startswith("news/business") for x in sections),
            bool(sections & {"news/entertainment", "news/technology", "news/health", "news/science"}),
            any("cnn.com" in (i.url or "") for i in reports), any("bbc." in (i.url or "") for i in reports),
            ":" in reports[0].title, "?" in titles,
        ])
    return live, np.array(rows, dtype=float), close


def fit(x: np.ndarray, y: np.ndarray, l2: float = 10.0, steps: int = 30):
    mean, spread = x.mean(0), x.std(0) + 1e-9
    z = np.c_[np.ones(len(x)), (x - mean) / spread]
    hit, weight = (y > 0).astype(float), np.where(y > 0, y, 1.0)
    beta = np.zeros(z.shape[1])
    penalty = l2 * np.diag(np.r_[0.0, np.ones(len(beta) - 1)])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-z @ beta))
        gradient = z.T @ (weight * (p - hit)) + penalty @ beta
        hessian = (z * (weight * p * (1 - p))[:, None]).T @ z + penalty
        beta -= np.linalg.solve(hessian, gradient)
    return lambda new: np.c_[np.ones(len(new)), (new - mean) / spread] @ beta


def ranked_by(live: list[StoryRecord], scores: np.ndarray,
              close: dict[int, dict[int, float]]) -> list[StoryRecord]:
    # diversity lowers a score in proportion to its size: read on a positive scale
    total = {s.id: float(v) + 3.0 for s, v in zip(live, scores, strict=True)}
    order = sorted(live, key=lambda s: (total[s.id], s.last_seen_at, -s.id), reverse=True)
    order = J._one_event_once(order, J._at_least(close, J.RELATED))
    return J._diverse(order, total, J._at_least(close, J.WEIGHTS.diversity_floor), J.WEIGHTS.diversity)


def hand_place(given: Inputs, live: list[StoryRecord]) -> np.ndarray:
    unfolded = J.ranked(given.stories, given.start, given.at, given.figures, given.before,
                        replace(J.WEIGHTS, fold=False, diversity=0.0))
    place = {s.id: n for n, s in enumerate(unfolded)}
    return np.array([[math.log1p(place.get(s.id, 999))] for s in live])


def _greedy_ceiling(day: Day, given: Inputs, live: list[StoryRecord]) -> float:
    """The weighted recall of the ten stories, as grouped, that together match the most event
    weight (picked greedily): what a perfect ranking of these stories could reach."""
    covers = [matched(J.in_window(s, given.start, given.at), day) for s in live]
    got: set[int] = set()
    for _ in range(TOP):
        best = max(covers, key=lambda c: sum(day.events[n].weight for n in c - got), default=set())
        got |= best
    return sum(day.events[n].weight for n in got) / sum(e.weight for e in day.events)


async def gather(days: Sequence[Day]) -> list[Inputs]:
    found = []
    async with Replay(read_items()) as replay:
        for day in days:
            await replay.advance(day.at)
            found.append(await inputs_of(replay.store, day.at))
    return found


def main() -> int:
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS} (nothing to evaluate)")
        return 0
    days = load_reference()
    given = asyncio.run(gather(days))
    prepared = []
    for day, inputs in zip(days, given, strict=True):
        live, x, close = features(inputs)
        y = np.array([max((day.events[n].weight
                           for n in matched(J.in_window(s, inputs.start, inputs.at), day)), default=0)
                      for s in live], dtype=float)
        prepared.append((day, inputs, live, x, y, close, hand_place(inputs, live)))
    tuning = [p for p in prepared if p[0].date not in HELD_OUT]
    print(f"ceiling: ten stories chosen greedily by the events they match, R@10 "
          f"{statistics.mean(_greedy_ceiling(p[0], p[1], p[2]) for p in prepared):.3f} (all days)")
    for name, columns in (("learned", lambda p: p[3]), ("hand place only", lambda p: p[6]),
                          ("stacked", lambda p: np.c_[p[6], p[3][:, 12:]])):
        scores = {}
        for p in prepared:
            train = [q for q in tuning if q is not p]
            model = fit(np.vstack([columns(q) for q in train]), np.concatenate([q[4] for q in train]))
            order = ranked_by(p[2], model(columns(p)), p[5])
            digest = digest_of_ranked(order, p[1].figures, p[1].mentions, p[1].start, p[1].at, TOP)
            scores[p[0].date] = score(shown_of(digest, p[1].stories, p[1].start, p[1].at), p[0])
        for part, chosen in (("tuning (left out)", [d for d in days if d.date not in HELD_OUT]),
                             ("held-out", [d for d in days if d.date in HELD_OUT])):
            part_scores = [scores[d.date] for d in chosen]
            leads = [s.lead_recall for s in part_scores if s.lead_recall is not None]
            recall = statistics.mean(s.recall for s in part_scores)
            junk = statistics.mean(s.junk for s in part_scores)
            split = statistics.mean(s.split for s in part_scores)
            print(f"{name:16} {part:18} R@10 {recall:.3f}  L@5 {statistics.mean(leads):.3f}  "
                  f"junk {junk:.2f}  split {split:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
