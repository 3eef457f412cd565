"""Text basics for the understanding engine: sentences (syntok) and word tokens.

Texts reaching this module are the plain texts `htmltext` produces: paragraphs separated by a
blank line. Sentences never cross a paragraph break and keep their offsets in the text, so a
quote can always be traced back to where it was taken from.
"""

from __future__ import annotations

import re
from functools import lru_cache

from syntok import segmenter

from digests.readings import Sentence

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# "ROTTERDAM, Jan 21 (Meridian) - ": where and when a wire filed the story, before its first words
WIRE_DATELINE = re.compile(r"^\s*[A-Z][A-Z.'’ -]+(?:,\s+[A-Z][\w.'’ -]+){0,2},\s+"
                           r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+\([^)]{1,30}\)\s*[-–—]+\s*")

STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not now of off on once only or other our ours ourselves out over
own same she should so some such than that the their theirs them themselves then there these
they this those through to too under until up very was we were what when where which while who
whom why will with would you your yours yourself yourselves said says say says told according
would could may might must shall one's it's i'm he's she's we're they're
""".split())


def split_sentences(text: str) -> list[Sentence]:
    """The text's sentences in order; news prose (abbreviations, initials, quotes) handled."""
    sentences: list[Sentence] = []
    for number, (offset, paragraph) in enumerate(_paragraphs(text)):
        for start, end in _sentence_spans(paragraph):
            sentences.append(Sentence(paragraph[start:end], offset + start, offset + end,
                                      number, len(sentences)))
    return sentences


def words(text: str) -> list[str]:
    """Word tokens, case kept ("U.S.", "3,800" → "3", "800" are not words; numbers are)."""
    return _WORD.findall(text)


def terms(text: str) -> list[str]:
    """Lower-cased content words: stop words dropped, all-caps acronyms such as US kept."""
    found = []
    for word in words(text):
        lowered = word.lower()
        if lowered in STOPWORDS and not (word.isupper() and len(word) > 1):
            continue
        found.append(stem(lowered))
    return found


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Plurals to singulars, nothing more: "refugees" meets "refugee", "casualties" "casualty"."""
    if len(word) < 4 or not word.endswith("s") or word.endswith(("ss", "us", "is", "'s")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1]


def _paragraphs(text: str) -> list[tuple[int, str]]:
    spans = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((position, text[position:match.start()]))
        position = match.end()
    spans.append((position, text[position:]))
    return [(start, body) for start, body in spans if body.strip()]


def _sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for sentence in segmenter.analyze(paragraph):
        for tokens in sentence:
            if not tokens:
                continue
            start = tokens[0].offset
            end = tokens[-1].offset + len(tokens[-1].value)
            if spans and _TITLE_AT_END.search(paragraph, spans[-1][0], spans[-1][1]) \
                    and paragraph[start:start + 1].isupper():
                start = spans.pop()[0]  # "Rep. Madison Cawthorn": a title, not a sentence's end
            spans.append((start, end))
    return [part for span in spans for part in _split_after_amounts(paragraph, span)]


def _split_after_amounts(paragraph: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """A sentence ending on an amount written short ("… investors of £14.8m. Elliot Vance, 44,
    told …") or on a decimal ("… put the magnitude at 7.2. Power was cut …"), which syntok reads
    as an abbreviation: two sentences."""
    parts = []
    start, end = span
    for match in _AMOUNT_AT_END.finditer(paragraph, start, end):
        parts.append((start, match.end(1)))
        start = match.end()
    return [*parts, (start, end)]


_AMOUNT_AT_END = re.compile(r"(?:(?<=\d)(?:m|bn|k|pc)|(?<=\d\.\d)\d*)(\.)\s+(?=[A-Z\"“‘])")
# Titles written short before a name that syntok does not know ("Sen.", "Gen.", "Capt." it does).
_TITLE_AT_END = re.compile(r"(?<![\w.])(?<!\b(?i:the) )(?<!\b(?i:an) )(?<!\b(?i:a) )"
                           r"(?:Rep|Reps|Maj|Lt|Sgt|Gov|Rev|Supt|Insp|Cllr|Cmdr|Cpl|Pvt|Pres|Atty|Hon|Det|Rt|"
                           r"Amb|Lieut|Messrs|Gens|Sens|Govs)\.$")  # not "the Rep.", a noun there
