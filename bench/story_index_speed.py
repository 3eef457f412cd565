"""How long the story index takes to file a long history read newest first, as a cold start
on many feeds reads it (the bottleneck py-spy found in bench/newsroom_day.py).

    python bench/story_index_speed.py [--copies 6] [--save assignments.json]

The news-2022 items are copied `--copies` times, each copy a month earlier than the one
before, and added newest first to one `StoryIndex`. Prints the time per 1,000 items and a
fingerprint of the assignments; `--save` writes them, so two versions of the index can be
shown to file every item alike (`cmp` the two files).
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digests.news.stories import StoryDoc, StoryIndex

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "news-2022" / "items.jsonl"


def docs(copies: int) -> list[StoryDoc]:
    rows = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    made: list[StoryDoc] = []
    for copy in range(copies):
        for row in rows:
            try:
                published = datetime.fromisoformat(str(row.get("published")).replace("Z", "+00:00"))
            except ValueError:
                continue
            if published.tzinfo is None:
                published = published.replace(tzinfo=UTC)
            text = re.sub(r"<[^>]+>", " ", html.unescape(row.get("description") or ""))
            made.append(StoryDoc(len(made) + 1, row.get("title") or "", text, row.get("source") or "",
                                 published - timedelta(days=31 * copy)))
    return sorted(made, key=lambda d: (d.published, d.id), reverse=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=6)
    parser.add_argument("--save", type=Path)
    options = parser.parse_args()
    if not CORPUS.exists():
        raise SystemExit(f"{CORPUS} is not here: this benchmark needs ../shared")
    history = docs(options.copies)
    index = StoryIndex()
    began = time.perf_counter()
    filed = [index.add(doc) for doc in history]
    seconds = time.perf_counter() - began
    fingerprint = hashlib.sha256(json.dumps(filed).encode()).hexdigest()[:16]
    print(f"{len(history):,} items newest first into {len(set(filed)):,} stories: {seconds:.1f} s, "
          f"{1000 * seconds / len(history):.2f} s per 1,000 items; assignments {fingerprint}")
    if options.save:
        options.save.write_text(json.dumps(filed))


if __name__ == "__main__":
    main()
