"""Key people: what `digests.news.people` finds in the bundled samples and in real 2022 headlines.

Run: `.venv/bin/python bench/eval_people.py`.

1. The sample feeds of `digests/samples` (fictional outlets): every canonical person (names
   merged over all items with `merge_names`) with the role and affiliation `describe` gives,
   the number of mentions and of statements (mentions where the person is the speaker).
2. `../shared/corpora/news-2022/ukraine.jsonl` and `items.jsonl` (real headlines and
   descriptions; skipped when absent): each line's title and description (HTML reduced to plain
   text) as one text, the 25 most-mentioned people with their described role and affiliation,
   how many of the people mentioned at least three times get a role at all, and the throughput
   of `extract_people` (docs/s, one process, warm). There is no gold standard: the lists are for
   checking by eye that the names are people and the roles right.
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digests.feeds.htmltext import html_to_text
from digests.feeds.parsing import parse_document
from digests.news.analysis import full_text
from digests.news.names import describe, merge_names
from digests.news.people import extract_people
from digests.readings import Mention
from digests.samples import sample_feeds

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "news-2022"
TOP = 25
OFTEN = 3  # mentions that make a person one a member may ask about


def sample_texts() -> list[str]:
    """Title and body of every item of the bundled sample feeds."""
    texts: list[str] = []
    for feed in sample_feeds():
        parsed = parse_document(feed.body, {"content-type": feed.content_type}, feed.url,
                                datetime(2022, 3, 3, tzinfo=UTC))
        texts.extend(full_text(entry.title, entry.text) for entry in parsed.entries)
    return texts


def corpus_texts(corpus: Path) -> list[str]:
    texts = []
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            title = html_to_text(record.get("title") or "")
            texts.append(full_text(title, html_to_text(record.get("description") or "")))
    return texts


def people(mentions: Iterable[Mention]) -> dict[str, list[Mention]]:
    """Mentions grouped by canonical name."""
    listed = list(mentions)
    canonical = merge_names(m.name for m in listed)
    grouped: dict[str, list[Mention]] = defaultdict(list)
    for mention in listed:
        grouped[canonical[mention.name]].append(mention)
    return grouped


def table(grouped: dict[str, list[Mention]], limit: int | None = None) -> None:
    ranked = sorted(grouped.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:limit]
    width = max((len(name) for name, _ in ranked), default=10)
    print(f"  {'person':<{width}}  mentions  statements  role / affiliation")
    for name, found in ranked:
        role, affiliation = describe(found)
        said = sum(1 for m in found if m.statement)
        print(f"  {name:<{width}}  {len(found):>8}  {said:>10}  {role or '-'} / {affiliation or '-'}")


def main() -> None:
    texts = sample_texts()
    mentions = [m for text in texts for m in extract_people(text)]
    grouped = people(mentions)
    print(f"Samples: {len(texts)} items, {len(mentions)} mentions, {len(grouped)} people\n")
    table(grouped)
    for name in ("ukraine.jsonl", "items.jsonl"):
        corpus = CORPORA / name
        if not corpus.exists():
            print(f"\n{corpus} is absent: real-headline evaluation skipped.")
            continue
        texts = corpus_texts(corpus)
        started = time.perf_counter()
        mentions = [m for text in texts for m in extract_people(text)]
        elapsed = time.perf_counter() - started
        grouped = people(mentions)
        often = [found for found in grouped.values() if len(found) >= OFTEN]
        with_role = sum(1 for found in often if describe(found)[0])
        print(f"\nnews-2022/{name}: {len(texts)} docs, {len(mentions)} mentions, "
              f"{len(grouped)} people, {len(texts) / elapsed:,.0f} docs/s; "
              f"{with_role} of the {len(often)} mentioned {OFTEN}+ times have a role "
              f"({with_role / max(1, len(often)):.0%})\n")
        table(grouped, TOP)


if __name__ == "__main__":
    main()
