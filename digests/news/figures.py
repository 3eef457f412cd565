"""Key figures: the numbers of a news text, with what they count, who says so and when.

Rule-based and fast (regular expressions over syntok sentences). A figure is a number written
in digits ("3,800", "2.5 million", "$1.4bn", "12%", "64 km") or in words ("one million");
words go through text2num, only ever on the spelled-out span. Years, dates, clock times,
ordinals, scores, phone numbers, codes ("COVID-19", "G7", "Boeing 737"), list markers, page
and reference numbers, and ages ("aged 18 to 60", "a 28-year-old") are not figures; nor is a
lone "one" without a unit ("one of them").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from text_to_num import text2num

from digests.news import figure_words as vocab
from digests.news.dates import dates_in
from digests.news.text import STOPWORDS, split_sentences, terms
from digests.readings import Figure, Sentence

_Predicate = Callable[[str], bool]


@dataclass(frozen=True, slots=True)
class _Reading:
    value: float
    unit: str | None
    start: int
    end: int


def extract_figures(text: str, published: datetime) -> list[Figure]:
    """Every figure of the text (paragraphs separated by blank lines), in order of appearance."""
    return figures_in_sentences(split_sentences(text), published)


def figures_in_sentences(sentences: Iterable[Sentence], published: datetime) -> list[Figure]:
    """`extract_figures` of a text already split into its sentences."""
    today = published.astimezone(UTC).date() if published.tzinfo else published.date()
    figures: list[Figure] = []
    for sentence in sentences:
        figures.extend(_sentence_figures(sentence.text, sentence.start, today))
    return figures


def _sentence_figures(sentence: str, offset: int, today: date) -> list[Figure]:
    readings = [r for m in vocab.NUMBER.finditer(sentence) if (r := _reading(sentence, m)) is not None]
    if not readings:
        return []
    source, dates = _source(sentence), dates_in(sentence, today)
    figures = []
    for reading in readings:
        qualifier, qualifier_text, start, end = _qualify(sentence, reading)
        when = min(dates, key=lambda d: abs(d[0] - reading.start))[1] if dates else None
        figures.append(Figure(reading.value, reading.unit, qualifier, qualifier_text,
                              _counted(sentence, reading, start, end), source, when, sentence[start:end],
                              sentence, offset + start, offset + end))
    return figures


def _reading(sentence: str, match: re.Match[str]) -> _Reading | None:
    """The number at `match` with its scale and unit, or None when it is no figure."""
    number = _digits(sentence, match) if match.group("digits") else _spelled(sentence, match)
    if number is None:
        return None
    start, value, end, scaled = number
    spelled_a = match.group()[:2].lower() == "a "
    half = vocab.HALF.search(sentence, max(0, start - 6), start) if spelled_a else None
    if half:
        value, start = value / 2, half.start()
    if minus := vocab.MINUS.search(sentence, max(0, start - 10), start):
        value, start = -value, minus.start()
    currency = vocab.CURRENCY_BEFORE.search(sentence, max(0, start - 8), start)
    unit, end = _unit(sentence, end, scaled, currency)
    if unit is None and (re.match(r"-(?!plus\b)[^\W\d_]", sentence[end:]) or "/" in match.group()):
        return None
    if unit is None and currency is None and _looks_like_a_name_or_year(sentence, match, value):
        return None
    if currency is not None:
        start = currency.start()
        unit = unit if unit in {"cent", "penny"} or (unit and len(unit) == 3) else _currency_code(currency)
    if unit in {"cent", "penny"}:
        value, unit = value / 100, "USD" if unit == "cent" else "GBP"
    if unit in vocab.TIME_UNITS and vocab.AFTER_TIME_UNIT.match(sentence, end):
        return None
    if unit is None and match.group("words") and value in {0, 1} and not scaled:
        return None
    return _Reading(value, unit, start, end)


def _digits(sentence: str, match: re.Match[str]) -> tuple[int, float, int, bool] | None:
    start, end = match.span()
    if vocab.NOT_AFTER.match(sentence, end) or vocab.NOT_BEFORE.search(sentence, max(0, start - 30), start):
        return None
    after_month = vocab.MONTH_BEFORE.search(sentence, max(0, start - 12), start)
    if after_month and (end - start == 4 or end - start < 3):
        return None
    if re.match(r"\s?\)", sentence[end:]) and re.search(r"(?:^|\()\s*$", sentence[:start]):
        return None
    if start == 0 and re.match(r"[.)]\s", sentence[end:end + 2]):
        return None
    if vocab.URLISH.search(_word_at(sentence, start)):
        return None
    sign = 1.0
    if sentence[start - 1:start] == "-" and start > 0:
        if re.match(r"[\w-]", sentence[start - 2:start - 1]):
            return None
        sign, start = -1.0, start - 1
    value = sign * _digit_value(match.group())
    scale = vocab.SCALE_AFTER.match(sentence, end)
    if scale and (scale.group("word") or _letter_scale(sentence, match, scale.group("letter"))):
        factor = vocab.SCALES[(scale.group("word") or scale.group("letter")).lower()]
        return start, *_and_a_half(sentence, value, scale.end(), factor)
    if re.match(r"[^\W\d_]", sentence[end:end + 1]) and not vocab.UNIT_AFTER.match(sentence, end):
        return None
    return start, *_and_a_half(sentence, value, end, 1.0)


def _digit_value(text: str) -> float:
    if "/" in text:
        whole, _, fraction = text.rpartition(" ")
        numerator, denominator = fraction.split("/")
        return float(whole or 0) + int(numerator) / max(int(denominator), 1)
    return float(re.sub(r"[,\s]", "", text))


def _word_at(sentence: str, start: int) -> str:
    end = sentence.find(" ", start)
    return sentence[sentence.rfind(" ", 0, start) + 1:end if end >= 0 else len(sentence)]


def _letter_scale(sentence: str, match: re.Match[str], letter: str) -> bool:
    """k is always a thousand; M a million; m, b, B, t, T only after a currency sign."""
    if letter in "kKM":
        return True
    return vocab.CURRENCY_BEFORE.search(sentence, max(0, match.start() - 8), match.start()) is not None


def _spelled(sentence: str, match: re.Match[str]) -> tuple[int, float, int, bool] | None:
    words = list(re.finditer(r"[a-z]+", match.group().lower()))
    for count in range(len(words), 0, -1):
        chosen = [w.group() for w in words[:count]]
        if chosen[-1] == "and":
            continue
        try:
            value = _words_value(chosen)
        except ValueError:
            continue
        end = match.start() + words[count - 1].end()
        value, end, _ = _and_a_half(sentence, value, end, 1.0)
        return match.start(), value, end, bool(set(chosen) & {"million", "billion", "trillion"})
    return None


def _words_value(words: list[str]) -> float:
    """The value of number words; text2num does the work, trillions and dozens aside."""
    if words[0] == "a":
        words = ["one", *words[1:]]
    if words[-1] == "dozen":
        return 12 * (_words_value(words[:-1]) if len(words) > 1 else 1)
    if "trillion" in words:
        i = words.index("trillion")
        rest = words[i + 2:] if words[i + 1:i + 2] == ["and"] else words[i + 1:]
        return (_words_value(words[:i]) if i else 1.0) * 1e12 + (_words_value(rest) if rest else 0.0)
    return float(text2num(" ".join(words), "en"))


def _and_a_half(sentence: str, value: float, end: int, scale: float) -> tuple[float, int, bool]:
    half = vocab.AND_A_HALF.match(sentence, end)
    if half and (half.group("scale") or scale == 1.0) and value == int(value):
        factor = vocab.SCALES[half.group("scale").lower()] if half.group("scale") else 1.0
        return (value + 0.5) * factor, half.end(), factor > 1.0
    return value * scale, end, scale > 1.0


def _unit(sentence: str, end: int, scaled: bool,
          currency: re.Match[str] | None) -> tuple[str | None, int]:
    unit = vocab.UNIT_AFTER.match(sentence, end)
    if unit is None or unit.lastgroup is None:
        return None, end
    code = vocab.UNIT_TABLE[int(unit.lastgroup[1:])][1]
    if code == "lb" and (scaled or currency) and unit.group().strip().lower().startswith("pound"):
        code = "GBP"
    if currency is not None and code not in {"cent", "penny"} and (
            len(code) != 3 or code != _currency_code(currency)):
        return None, end
    return code, unit.end()


def _currency_code(currency: re.Match[str]) -> str:
    if currency.group("iso"):
        return currency.group("iso").upper()
    prefix = (currency.group("prefix") or "").lower()
    if currency.group("symbol") == "$" and prefix:
        return vocab.DOLLAR_PREFIX.get(prefix, "USD")
    return vocab.SYMBOLS[currency.group("symbol")]


def _looks_like_a_name_or_year(sentence: str, match: re.Match[str], value: float) -> bool:
    """A bare number after a Capitalised word ("Boeing 737") or a year ("in 2004", "1997")."""
    text = match.group()
    if not match.group("digits") or "," in text or "." in text:
        return False
    previous = re.search(r"([^\W\d_][\w'’-]*)\s+$", sentence[:match.start()])
    word = previous.group(1) if previous else ""
    ordinary = STOPWORDS | vocab.DATE_NOUNS
    if word[:1].isupper() and word.lower() not in ordinary and not vocab.QUALIFIER_BEFORE.search(word + " "):
        return True
    if len(text) != 4 or not 1000 <= value <= 2100:
        return False
    following = re.match(r"\s+([a-z]+)", sentence[match.end():])
    plural_noun = following is not None and following.group(1).endswith("s") and \
        following.group(1) not in STOPWORDS
    return not plural_noun or word.lower() in vocab.YEAR_PREPOSITIONS


def _qualify(sentence: str, reading: _Reading) -> tuple[str, str | None, int, int]:
    """The qualifier kind and words around the reading, and the surface's extended span."""
    before = vocab.QUALIFIER_BEFORE.search(sentence, max(0, reading.start - 25), reading.start)
    if before and before.lastgroup:
        return before.lastgroup, before.group(before.lastgroup), before.start(), reading.end
    after = vocab.QUALIFIER_AFTER.match(sentence, reading.end)
    if after and after.lastgroup:
        return after.lastgroup, after.group().strip(" -"), reading.start, after.end()
    return "exact", None, reading.start, reading.end


def _counted(sentence: str, reading: _Reading, start: int, end: int) -> str | None:
    """What the figure counts: the noun phrase after it, with a short verb phrase when one follows."""
    tokens = [(m.group(), m.start(), m.end()) for m in vocab.TOKEN.finditer(sentence, end)][:14]
    i = 0
    if tokens and reading.unit is not None and reading.unit not in vocab.TIME_UNITS:
        if tokens[0][0].lower() in {"of", "in", "for", "worth"}:
            i = 1
        while i < len(tokens) and tokens[i][0].lower() in vocab.DETERMINERS:
            i += 1
    phrase_start, i = i, _take(tokens, i, _is_content, 4)
    if reading.unit is not None:
        return sentence[tokens[phrase_start][1]:tokens[i - 1][2]] if i > phrase_start else None
    auxiliaries = _take(tokens, i, lambda t: t.lower() in vocab.AUXILIARIES, 3)
    verb = _take(tokens, auxiliaries, lambda t: _is_content(t) and t.islower(), 1)
    if verb > auxiliaries:
        i = _take(tokens, verb, _is_content, 2)
    elif i > phrase_start:
        previous = re.search(r"([a-z]+)\s+$", sentence[:start])
        if previous and previous.group(1) in vocab.FATE_VERBS:
            return f"{sentence[tokens[0][1]:tokens[i - 1][2]]} {previous.group(1)}"
    return sentence[tokens[phrase_start][1]:tokens[i - 1][2]] if i > phrase_start else None


def _take(tokens: list[tuple[str, int, int]], i: int, wanted: _Predicate, most: int) -> int:
    limit = i + most
    while i < min(limit, len(tokens)) and wanted(tokens[i][0]):
        i += 1
    return i


def _is_content(token: str) -> bool:
    if not token[:1].isalpha():
        return False
    lowered = token.lower()
    if lowered in vocab.DATE_NOUNS or lowered in vocab.NOT_CONTENT or vocab.UNIT_AFTER.fullmatch(" " + token):
        return False
    return lowered not in STOPWORDS or (token.isupper() and len(token) > 1)


def _source(sentence: str) -> str | None:
    """Who the sentence attributes its claims to: "according to X", "X said", "said X"."""
    according = vocab.ACCORDING.search(sentence)
    if according:
        return _name_after(sentence, according.end())
    for verb in vocab.REPORTING.finditer(sentence):
        name = _name_before(sentence, verb.start()) or _name_after(sentence, verb.end())
        if name:
            return name
    return None


def _name_before(sentence: str, end: int) -> str | None:
    tokens = [m for m in vocab.TOKEN.finditer(sentence[:end])]
    while tokens and tokens[-1].group().lower() in vocab.SKIP_BEFORE_VERB:
        tokens.pop()
    if len(tokens) > 2 and tokens[-1].group() == ",":
        tokens.pop()
    taken: list[re.Match[str]] = []
    for token in reversed(tokens):
        word = token.group()
        if len(taken) == 6 or not word[:1].isalpha():
            break
        lowered = word.lower()
        if lowered in {"of", "for"} or _is_content(word) or lowered == "the":
            taken.insert(0, token)
            if lowered == "the":
                break
            continue
        break
    while taken and taken[0].group().lower() in {"of", "for"}:
        taken.pop(0)
    return _valid_name(sentence[taken[0].start():taken[-1].end()]) if taken else None


def _name_after(sentence: str, start: int) -> str | None:
    tokens = [m for m in vocab.TOKEN.finditer(sentence, start)][:6]
    taken: list[re.Match[str]] = []
    for token in tokens:
        word = token.group()
        if not taken and not (word[:1].isupper() or word == "the"):
            return None
        if (word == "the" and taken) or not (word == "the" or word in {"of", "for"} or _is_content(word)):
            break
        taken.append(token)
    while taken and taken[-1].group() in {"of", "for", "the"}:
        taken.pop()
    return _valid_name(sentence[taken[0].start():taken[-1].end()]) if taken else None


def _valid_name(name: str) -> str | None:
    words = name.split()
    lowered = [i for i, w in enumerate(words) if w.islower() and w not in {"of", "for", "the"}]
    if lowered and lowered[-1] < len(words) - 1 and words[lowered[-1] + 1][:1].isupper():
        words = words[lowered[-1] + 1:]
        name = " ".join(words)
    named = any(w[:1].isupper() for w in words) or words[-1].lower() in vocab.ORG_NOUNS
    return name if named and not any(c.isdigit() for c in name) else None


def measure_key(figure: Figure) -> str:
    """What is measured (counted terms, sorted, and the unit), so that values over time form a series."""
    wording = figure.counted
    if not wording:
        position = figure.sentence.find(figure.surface)
        wording = " ".join(figure.sentence[:max(position, 0)].split()[-4:])
    qualifier_words = {w for words in vocab.QUALIFIERS.values() for w in re.split(r"\W+", words)}
    kept = sorted({t for t in terms(wording) if t not in qualifier_words and not t[:1].isdigit()})
    return f"{' '.join(kept)}|{figure.unit or 'count'}"


def format_value(figure: Figure) -> str:
    """The value as a reader writes it: "1 million", "3,800", "2%", "$1.4 billion", "64 km"."""
    number = _human(figure.value)
    unit = figure.unit
    if unit is None:
        return number
    if unit == "percent":
        return f"{number}%"
    if unit in vocab.CURRENCY_SIGNS:
        return f"{vocab.CURRENCY_SIGNS[unit]}{number}"
    if unit.isupper() and len(unit) == 3:
        return f"{unit} {number}"
    if unit in vocab.WORD_UNITS and figure.value != 1:
        unit = vocab.PLURALS.get(unit, unit + "s")
    return f"{number}{'' if unit.startswith('°') else ' '}{unit}"


def _human(value: float) -> str:
    for scale, name in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"{_trim(value / scale)} {name}"
    if value == int(value):
        return f"{int(value):,}"
    return _trim(value) if abs(value) >= 1 else f"{value:.3g}"


def _trim(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")

