"""Extractive summaries of a story: one or two whole sentences quoted from its items.

A story is several items telling the same event. News puts the key facts first, so the
candidates are the sentences of each item's opening (its first WINDOW_CHARS characters or so),
less junk: too short, bylines, link prompts, questions, photo credits, datelines, the title again.
A candidate scores by its position in its item and by its content: how central its words and word
pairs are to the whole story (how often the rest of every item uses them, per √length) and how
many names and numbers it carries. Headings and captions run into the text are marked down.
Sentences are then picked greedily, MMR-style, so that no two say the same thing, and come back in
reading order with their offsets in their item's text: a quote, never a rewrite.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from digests.news.text import split_sentences, terms, words

WINDOW_CHARS = 800  # candidates are the sentences of about this much of each item's opening
MIN_WORDS = 6
POSITION_DECAY = 0.5  # the n-th candidate of an item (from 0) has the prior 1 / (1 + n) ** decay
POSITION_WEIGHT = 0.3  # the prior's share of the score; the rest is content
INFO_BONUS = 0.2  # content bonus at most, for a sentence made of names and numbers
UNTERMINATED = 0.5  # score factor for a "sentence" with no final stop: a heading, a caption
CAPTION = 0.5  # score factor for a photo caption ("Rescue: A fireman…", "(pictured)")
REDUNDANCY = 0.5  # MMR: what full word overlap with an already picked sentence costs
SAME_THING = 0.6  # word overlap (cosine) from which two sentences say the same thing
TITLE_REPEAT = 0.8  # word overlap with the title from which a sentence is the title again

_CHROME = re.compile(r"Share this with\S*(?:\s+\S+){0,3}?\s+this link\s*")  # share buttons, glued
_BOILERPLATE = re.compile(
    r"\W*(?:read (?:more|next)|click here|scroll down|advertisement|sign up|subscribe|follow (?:us|me)"
    r"|related:|see also|watch:|listen:|image (?:copyright|caption)|media playback|photo(?:graph)?s?:"
    r"|pictures?:|credit:|updated:|published:|last (?:updated|modified))", re.IGNORECASE)
_READ_MORE = re.compile(r"\bread more\b", re.IGNORECASE)
_BYLINE = re.compile(r"(?:By|Written by|Reporting by|Edited by)\s+[A-Z]")
_CREDIT = re.compile(r"(?:\((?:[^()]*/)?(?:Getty|Reuters|AP|AFP|EPA|PA|Shutterstock|Alamy)\b[^()]*\)"
                     r"|(?:Photo(?:graph)?|Image|Picture)\s*(?:credit)?\s*:\s*\S+)\W*$", re.IGNORECASE)
_QUESTION = re.compile(r"\?\W*$")
_FRAGMENT = re.compile(r"\b(?:Gov|Sen|Rep|Gen|Lt|Col|Capt|Sgt|Prof|Rev|Mr|Mrs|Ms|Dr|St|No)\.$")
_TERMINATED = re.compile(r"[.!…]['\"’”)\]]*$")
_LABEL = re.compile(r"[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,2}:\s")
_SAYS = re.compile(r"\b(?:said|says|added|told|wrote|explained|insisted|warned|tweeted)\b")
_POSE = re.compile(r"\((?:pictured|left|right|centre|center|above|below|top|bottom|inset|file)\b[^()]*\)",
                   re.IGNORECASE)
_NAME_OR_NUMBER = re.compile(r"\s[A-Z]|\d+")


@dataclass(frozen=True, slots=True)
class SummaryDoc:
    """One item of a story: its title, plain text (paragraphs split by a blank line), outlet."""

    title: str
    text: str
    source: str


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A picked sentence, verbatim, with the index of its doc and its offsets in that doc's text."""

    doc: int
    text: str
    start: int
    end: int


@dataclass(slots=True)
class _Candidate:
    doc: int
    rank: int  # among the doc's candidates, from 0
    start: int
    end: int
    text: str
    terms: Counter[str]  # content words: for overlap with the title and with other picks
    grams: Counter[str]  # content words and adjacent pairs: for centrality
    quality: float  # 1 for a clean sentence, less for a likely heading or caption
    info: float  # names and numbers per word
    score: float = 0.0


def summarise(docs: Sequence[SummaryDoc], max_sentences: int = 2,
              max_chars: int = 400) -> list[SummarySentence]:
    """Up to `max_sentences` central, informative, non-redundant sentences, in reading order.

    Their total length stays within `max_chars` where possible: a single sentence longer than
    that is returned only when no shorter candidate exists.
    """
    if max_sentences <= 0:
        return []
    candidates = [c for index, doc in enumerate(docs) for c in _candidates(index, doc)]
    if not candidates:
        return []
    story: Counter[str] = Counter()
    for doc in docs:
        story.update(_grams(terms(doc.title)))
        story.update(_grams(terms(doc.text)))
    _score(candidates, story)
    picked = _pick(candidates, max_sentences, max_chars)
    picked.sort(key=lambda c: (c.doc, c.start))
    return [SummarySentence(c.doc, c.text, c.start, c.end) for c in picked]


def _candidates(index: int, doc: SummaryDoc) -> list[_Candidate]:
    """The clean sentences of the doc's opening, with glued share-button text trimmed off."""
    title = Counter(terms(doc.title))
    found: list[_Candidate] = []
    for start, end in _opening(doc.text):
        chrome = _CHROME.match(doc.text, start, end)
        if chrome:
            start = chrome.end()
        text = doc.text[start:end]
        tokens = words(text)
        found_terms = terms(text)
        counts = Counter(found_terms)
        if _is_junk(text, tokens, counts, title):
            continue
        quality = 1.0 if _TERMINATED.search(text) else UNTERMINATED
        quality *= CAPTION if _is_caption(text) else 1.0
        info = len(_NAME_OR_NUMBER.findall(text)) / len(tokens)
        found.append(_Candidate(index, len(found), start, end, text, counts,
                                Counter(_grams(found_terms)), quality, info))
    return found


def _opening(text: str) -> list[tuple[int, int]]:
    """Spans of the whole sentences that start in the text's opening; the one cut short left out."""
    limit = WINDOW_CHARS
    while limit < len(text):
        spans = [(s.start, s.end) for s in split_sentences(text[:limit])]
        if len(spans) > 1:
            return spans[:-1]
        limit *= 2
    return [(s.start, s.end) for s in split_sentences(text)]


def _grams(found: list[str]) -> list[str]:
    """Content words and the pairs of adjacent ones ("shale gas", "school lunch")."""
    return found + [f"{a} {b}" for a, b in pairwise(found)]


# A list of links, not a sentence: "• 5 takeaways from Biden's speech • Hits and misses …",
# "• Analysis: Shift in Ukraine map …" (a feed's related-links block in the description).
_LINKS = re.compile(r"^\s*[•▪►‣◦]|[•▪►‣◦].*[•▪►‣◦]")


def _is_junk(text: str, tokens: list[str], counts: Counter[str], title: Counter[str]) -> bool:
    """Too short, a fragment, a prompt, a question, a byline, a credit, all caps, a list of
    links, or the title."""
    if len(tokens) < MIN_WORDS or len(counts) < 2 or _FRAGMENT.search(text):
        return True
    if _BOILERPLATE.match(text) or _READ_MORE.search(text) or _QUESTION.search(text) or _LINKS.search(text):
        return True
    if (_BYLINE.match(text) and len(tokens) < 10) or _CREDIT.search(text):
        return True
    if sum(map(str.isupper, text)) > 0.6 * sum(map(str.isalpha, text)):
        return True
    return bool(title) and _cosine(counts, title) >= TITLE_REPEAT


def _is_caption(text: str) -> bool:
    """A photo caption: "(pictured)", "(left)"…, or a short label and a colon ("Rescue: A …")."""
    label = _LABEL.match(text)
    return bool(_POSE.search(text) or (label and not _SAYS.search(label.group())))


def _score(candidates: list[_Candidate], story: Counter[str]) -> None:
    centrality = [_centrality(c.grams, story) for c in candidates]
    top = max(centrality) or 1.0
    for candidate, central in zip(candidates, centrality, strict=True):
        prior = 1.0 / (1.0 + candidate.rank) ** POSITION_DECAY
        content = central / top * (1.0 + INFO_BONUS * min(candidate.info, 1.0))
        mixed = POSITION_WEIGHT * prior + (1.0 - POSITION_WEIGHT) * content
        candidate.score = mixed * candidate.quality


def _centrality(grams: Counter[str], story: Counter[str]) -> float:
    """How often the rest of the story uses the sentence's words and pairs, per √(distinct ones)."""
    support = sum(max(story[gram] - count, 0) for gram, count in grams.items())
    return support / math.sqrt(len(grams))


def _pick(candidates: list[_Candidate], limit: int, max_chars: int) -> list[_Candidate]:
    """Greedy MMR: the best score less overlap with the picks, within the length budget."""
    picked: list[_Candidate] = []
    used = 0
    pool = sorted(candidates, key=lambda c: (-c.score, c.doc, c.rank))
    while pool and len(picked) < limit:
        best = max(pool, key=lambda c: c.score - REDUNDANCY * _overlap(c, picked))
        pool.remove(best)
        length = len(best.text)
        if picked and (used + length > max_chars or _overlap(best, picked) >= SAME_THING):
            continue
        if not picked and length > max_chars and any(len(c.text) <= max_chars for c in pool):
            continue
        picked.append(best)
        used += length
    return picked


def _overlap(candidate: _Candidate, picked: list[_Candidate]) -> float:
    return max((_cosine(candidate.terms, other.terms) for other in picked), default=0.0)


def _cosine(left: Counter[str], right: Counter[str]) -> float:
    shared = sum(left[term] * right[term] for term in left.keys() & right.keys())
    if not shared:
        return 0.0
    norm = math.sqrt(sum(v * v for v in left.values()) * sum(v * v for v in right.values()))
    return shared / norm
