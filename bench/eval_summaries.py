"""Extractive summaries: Newsdesk's summariser against the lead baseline, TextRank and LexRank.

Run: `.venv/bin/python bench/eval_summaries.py` (reads `../shared/corpora/summaries/frank.jsonl`;
says so and exits 0 when it is absent). Needs the `bench` extra: rouge-score, sumy and numpy.

Data: FRANK's 250 CNN/DailyMail and 251 XSum (BBC) test articles with their human reference
summaries. Each article is summarised on its own, with no title (FRANK gives none):
- CNN/DM references are 3–4 highlight sentences: every method picks 3 sentences;
- XSum references are one abstractive sentence: every method picks 1.
Newsdesk runs with a generous `max_chars` (5,000), so that the length cap never decides.
Lead takes the article's first sentences as `digests.news.text.split_sentences` cuts them.
sumy's TextRank and LexRank are development-only baselines (sumy is not a runtime dependency).
NLTK data cannot be downloaded, so sumy gets the project's own tokenizer: sentences from
`split_sentences`, words from a plain regex; with sumy's English stop words and Snowball stemmer.
Scores: ROUGE-1/2/L F1 (rouge-score, Porter stemming, case-insensitive), mean over the articles,
× 100. docs/s is Newsdesk's throughput over the dataset, one process, warm.

Is Newsdesk's gain over the lead baseline beyond noise? A paired bootstrap over the articles
(10,000 resamples, seed 2022): each resample draws the articles with replacement and takes the
mean of the per-article differences (Newsdesk − lead); printed are the mean difference, its 95 %
interval (2.5th and 97.5th percentiles) and p, the share of resamples in which Newsdesk does
not gain (difference ≤ 0). The gain is beyond noise when the interval excludes 0 (p < 0.025).
"""

from __future__ import annotations

import json
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rouge_score import rouge_scorer
from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from digests.news.summaries import SummaryDoc, summarise
from digests.news.text import split_sentences

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "summaries" / "frank.jsonl"
SENTENCES = {"cnndm": 3, "xsum": 1}
NAMES = {"cnndm": "CNN/DailyMail", "xsum": "XSum"}
MAX_CHARS = 5000
RESAMPLES = 10_000
SEED = 2022
KEYS = ("rouge1", "rouge2", "rougeL")
_WORD = re.compile(r"\w+(?:['’.-]\w+)*")

Summariser = Callable[[str, int], str]


class ProjectTokenizer:
    """sumy's tokenizer interface, backed by the project's sentence splitter and a word regex."""

    language = "english"

    def to_sentences(self, paragraph: str) -> list[str]:
        """The paragraph's sentences as `digests.news.text.split_sentences` cuts them."""
        return [s.text for s in split_sentences(paragraph)]

    def to_words(self, sentence: str) -> list[str]:
        """Word tokens by a plain regex."""
        return _WORD.findall(sentence)


def newsdesk(article: str, count: int) -> str:
    """Newsdesk's summariser on one untitled doc."""
    doc = SummaryDoc(title="", text=article, source="eval")
    return " ".join(s.text for s in summarise([doc], max_sentences=count, max_chars=MAX_CHARS))


def lead(article: str, count: int) -> str:
    """The article's first `count` sentences."""
    return " ".join(s.text for s in split_sentences(article)[:count])


def sumy_method(kind: type[TextRankSummarizer] | type[LexRankSummarizer]) -> Summariser:
    """A sumy summariser with the project's tokenizer, English stop words and stemmer."""
    summariser = kind(Stemmer("english"))
    summariser.stop_words = get_stop_words("english")
    tokenizer = ProjectTokenizer()

    def run(article: str, count: int) -> str:
        parser = PlaintextParser.from_string(article, tokenizer)
        return " ".join(str(s) for s in summariser(parser.document, count))

    return run


def evaluate(rows: list[dict[str, str]], method: Summariser,
             count: int) -> tuple[list[float], float, list[list[float]]]:
    """Mean ROUGE-1/2/L F1 (× 100) over the rows, the method's docs per second, and the
    per-article F1 (× 100) for each of the three, for the paired bootstrap."""
    scorer = rouge_scorer.RougeScorer(list(KEYS), use_stemmer=True)
    started = time.perf_counter()
    outputs = [method(row["article"], count) for row in rows]
    rate = len(rows) / (time.perf_counter() - started)
    scores = [scorer.score(row["reference"], output) for row, output in zip(rows, outputs, strict=True)]
    per_article = [[100 * s[key].fmeasure for s in scores] for key in KEYS]
    return [statistics.fmean(values) for values in per_article], rate, per_article


def paired_bootstrap(ours: list[float], theirs: list[float], resamples: int = RESAMPLES,
                     seed: int = SEED) -> tuple[float, float, float, float]:
    """Mean of the paired differences, its 95 % bootstrap interval, and the share of resamples
    whose mean difference is not above 0 (a one-sided p)."""
    differences = [a - b for a, b in zip(ours, theirs, strict=True)]
    draw = random.Random(seed)
    size = len(differences)
    means = sorted(statistics.fmean(draw.choices(differences, k=size)) for _ in range(resamples))
    low, high = means[int(0.025 * resamples)], means[int(0.975 * resamples) - 1]
    not_above = sum(1 for m in means if m <= 0) / resamples
    return statistics.fmean(differences), low, high, not_above


def main() -> int:
    """Score every method on both datasets and print one table per dataset."""
    if not CORPUS.exists():
        print(f"{CORPUS} is absent: nothing to evaluate.")
        return 0
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    methods: dict[str, Summariser] = {
        "Newsdesk": newsdesk, "lead": lead,
        "TextRank (sumy)": sumy_method(TextRankSummarizer),
        "LexRank (sumy)": sumy_method(LexRankSummarizer),
    }
    newsdesk(rows[0]["article"], 1)  # warm-up: imports and caches
    for dataset, count in SENTENCES.items():
        subset = [row for row in rows if row["dataset"] == dataset]
        print(f"\n{NAMES[dataset]}: {len(subset)} articles, {count} sentence(s) per summary")
        print(f"{'method':<18} {'R1':>6} {'R2':>6} {'RL':>6}")
        per_article: dict[str, list[list[float]]] = {}
        for name, method in methods.items():
            (r1, r2, rl), rate, per_article[name] = evaluate(subset, method, count)
            label = f"{name}-{count}" if name == "lead" else name
            extra = f"   {rate:,.0f} docs/s" if name == "Newsdesk" else ""
            print(f"{label:<18} {r1:6.2f} {r2:6.2f} {rl:6.2f}{extra}")
        print(f"\nNewsdesk − lead-{count}, paired bootstrap ({RESAMPLES:,} resamples of the "
              f"{len(subset)} articles, seed {SEED}):")
        print(f"{'metric':<8} {'gain':>6} {'95 % interval':>17} {'p (gain <= 0)':>14}")
        for key, ours, theirs in zip(KEYS, per_article["Newsdesk"], per_article["lead"], strict=True):
            gain, low, high, p = paired_bootstrap(ours, theirs)
            print(f"{key:<8} {gain:+6.2f} {f'[{low:+.2f}, {high:+.2f}]':>17} {p:14.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
