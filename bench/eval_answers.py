"""Answer accuracy on real 2022 news: `/ask`, `/figures` and `/who` against hand-checked questions.

Run: `.venv/bin/python bench/eval_answers.py` (reads `../shared/corpora/news-2022/ukraine.jsonl`;
says so and exits 0 when it is absent).

What it measures. The 1,325 Ukraine items (BBC, CNN, Guardian, Feb-Mar 2022) are stored in a
temporary SQLite store with the project's own code (one feed per distinct `source`), enriched
with `Enricher` in a pool of two worker processes, then every question of
`bench/questions_ukraine.jsonl` is answered by `digests.news.answers.answer_question` as of
31 Mar 2022 23:59 UTC. It prints accuracy per question kind, the rate of wrong answers to
questions the data cannot answer, one line per question, the enrichment throughput (items/s,
wall time of `load` + `run`) and the mean time to answer a question.

Scoring rules:
- figures (answerable): correct when the answer is found and its FIRST value (the latest figure
  cited) is within 2 % of any expected value. Also reported: "any cited value" matches, where
  any value the answer cites may match.
- person and search (answerable): correct when the answer is found and any expected term occurs,
  case-insensitively, in the headline or the text of a quote.
- unanswerable: the answer is wrong when `found` is True (it should say it does not know).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from digests.feeds.htmltext import html_to_text  # noqa: E402
from digests.feeds.reading import WORKER_MODULES as READING_MODULES  # noqa: E402
from digests.models import Entry  # noqa: E402
from digests.news.answers import Answer, answer_question  # noqa: E402
from digests.news.enrichment import WORKER_MODULES as ANALYSIS_MODULES  # noqa: E402
from digests.news.enrichment import Enricher  # noqa: E402
from digests.runtime.workers import WorkerPool  # noqa: E402
from digests.store.core import Store  # noqa: E402

WARM_MODULES = (*READING_MODULES, *ANALYSIS_MODULES)

CORPUS = ROOT.parent / "shared" / "corpora" / "news-2022" / "ukraine.jsonl"
QUESTIONS = Path(__file__).resolve().parent / "questions_ukraine.jsonl"
NOW = datetime(2022, 3, 31, 23, 59, tzinfo=UTC)
TOLERANCE = 0.02
WORKERS = 2
KINDS = ("figures", "person", "search")
FEED_NAMES = {
    "feeds.bbci.co.uk": "BBC",
    "www.bbc.co.uk": "BBC",
    "rss.cnn.com": "CNN",
    "www.theguardian.com": "Guardian",
}


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    kind: str
    question: str
    answerable: bool
    expected_values: tuple[float, ...] = ()
    expected_terms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Result:
    question: Question
    answer: Answer
    correct: bool
    any_value_matches: bool
    seconds: float


# Loading -----------------------------------------------------------------------------------

def read_jsonl(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def load_questions(path: Path) -> list[Question]:
    return [Question(id=str(row["id"]), kind=str(row["kind"]), question=str(row["question"]),
                     answerable=bool(row["answerable"]),
                     expected_values=tuple(float(str(v)) for v in _list(row.get("expected_values"))),
                     expected_terms=tuple(str(t).lower() for t in _list(row.get("expected_terms"))))
            for row in read_jsonl(path)]


def _list(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else []


def to_entry(row: dict[str, object]) -> Entry:
    link = str(row["link"])
    title = str(row["title"])
    description = str(row["description"] or "")
    language = row.get("language")
    return Entry(
        key=hashlib.sha256(link.encode()).hexdigest(),
        guid=link,
        url=link,
        title=title,
        text=html_to_text(description),
        author=None,
        categories=(),
        language=str(language) if language else None,
        published_at=datetime.fromisoformat(str(row["published"])),
        dated=True,
        content_hash=hashlib.sha256(f"{title}\n{description}".encode()).hexdigest(),
    )


def feed_name(source: str) -> str:
    host = urlsplit(source).hostname or source
    return FEED_NAMES.get(host, host)


async def store_items(store: Store, rows: Iterable[dict[str, object]]) -> int:
    """One feed per distinct source; returns how many items were stored."""
    by_source: dict[str, list[Entry]] = {}
    for row in rows:
        by_source.setdefault(str(row["source"]), []).append(to_entry(row))
    stored = 0
    for source, entries in by_source.items():
        feed = await store.add_feed(source, now=NOW, name=feed_name(source))
        result = await store.save_entries(feed.id, entries, now=NOW, first_poll=False)
        stored += result.new
    return stored


async def enrich(store: Store, workers: WorkerPool) -> float:
    """Enrich every stored item; returns the wall time in seconds."""
    enricher = Enricher(store, workers)
    start = time.perf_counter()
    await enricher.load(NOW)
    await enricher.run(NOW)
    return time.perf_counter() - start


# Scoring -----------------------------------------------------------------------------------

def close(value: float, expected: float) -> bool:
    return abs(value - expected) <= TOLERANCE * abs(expected)


def matches_any(value: float, expected: Sequence[float]) -> bool:
    return any(close(value, e) for e in expected)


def answer_text(answer: Answer) -> str:
    return " ".join([answer.headline, *(q.text for q in answer.quotes)]).lower()


def score(question: Question, answer: Answer) -> tuple[bool, bool]:
    """(correct, any cited value matches); the second is only meaningful for figures."""
    if not question.answerable:
        return not answer.found, False
    if not answer.found:
        return False, False
    if question.kind == "figures":
        first = bool(answer.values) and matches_any(answer.values[0], question.expected_values)
        anywhere = any(matches_any(v, question.expected_values) for v in answer.values)
        return first, anywhere
    text = answer_text(answer)
    return any(term in text for term in question.expected_terms), False


async def ask_all(store: Store, questions: Sequence[Question]) -> list[Result]:
    results = []
    for question in questions:
        start = time.perf_counter()
        answer = await answer_question(store, question.question, NOW)
        seconds = time.perf_counter() - start
        correct, anywhere = score(question, answer)
        results.append(Result(question, answer, correct, anywhere, seconds))
    return results


# Report ------------------------------------------------------------------------------------

def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f} %" if whole else "    - "


def summary_lines(results: Sequence[Result]) -> list[str]:
    answerable = [r for r in results if r.question.answerable]
    lines = [f"{'kind':<12}{'questions':>10}{'correct':>9}{'accuracy':>10}"]
    for kind in KINDS:
        group = [r for r in answerable if r.question.kind == kind]
        right = sum(r.correct for r in group)
        lines.append(f"{kind:<12}{len(group):>10}{right:>9}{percent(right, len(group)):>10}")
    right = sum(r.correct for r in answerable)
    lines.append(f"{'answerable':<12}{len(answerable):>10}{right:>9}{percent(right, len(answerable)):>10}")
    figures = [r for r in answerable if r.question.kind == "figures"]
    anywhere = sum(r.any_value_matches for r in figures)
    lines.append(f"figures where any cited value matches: {anywhere}/{len(figures)} "
                 f"({percent(anywhere, len(figures)).strip()})")
    unanswerable = [r for r in results if not r.question.answerable]
    wrong = sum(not r.correct for r in unanswerable)
    lines.append(f"unanswerable: {len(unanswerable)} questions, wrongly answered {wrong} "
                 f"({percent(wrong, len(unanswerable)).strip()})")
    return lines


def detail_line(result: Result) -> str:
    verdict = "ok   " if result.correct else "WRONG"
    headline = " ".join(result.answer.headline.split())
    if len(headline) > 100:
        headline = headline[:99] + "…"
    expected = ""
    if result.question.kind == "figures" and result.question.answerable and not result.correct:
        expected = f"  [expected {', '.join(f'{v:,.0f}' for v in result.question.expected_values)}]"
    return f"{result.question.id}  {verdict}  {result.question.question}\n        -> {headline}{expected}"


def print_report(results: Sequence[Result], items: int, enrich_seconds: float) -> None:
    print("\n".join(summary_lines(results)))
    rate = items / enrich_seconds if enrich_seconds else 0.0
    mean_ms = 1000 * sum(r.seconds for r in results) / len(results) if results else 0.0
    print(f"\nenrichment: {items} items in {enrich_seconds:.1f} s ({rate:.1f} items/s, {WORKERS} workers)")
    print(f"answering: {len(results)} questions, mean {mean_ms:.1f} ms per answer")
    print("\nper question:")
    for result in results:
        print(detail_line(result))


# Main --------------------------------------------------------------------------------------

async def evaluate(rows: list[dict[str, object]], questions: list[Question]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = await Store.open(f"sqlite:///{Path(folder) / 'eval.db'}")
        workers = WorkerPool(WORKERS, warm=WARM_MODULES)
        try:
            items = await store_items(store, rows)
            enrich_seconds = await enrich(store, workers)
            results = await ask_all(store, questions)
        finally:
            workers.close()
            await store.close()
    print_report(results, items, enrich_seconds)


def main() -> int:
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS} (nothing to evaluate)")
        return 0
    rows = read_jsonl(CORPUS)
    questions = load_questions(QUESTIONS)
    print(f"{len(rows)} items from {CORPUS.name}, {len(questions)} questions from {QUESTIONS.name}\n")
    asyncio.run(evaluate(rows, questions))
    return 0


if __name__ == "__main__":
    sys.exit(main())
