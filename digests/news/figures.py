"""Key figures: the numbers of a news text, with what they count, who says so and when.

Rule-based and fast (regular expressions over syntok sentences). A figure is a number written
in digits ("3,800", "2.5 million", "$1.4bn", "USD10m", "12%", "+0.4%", "5pc", "64 km") or in
words ("one million"); words go through text2num, only ever on the spelled-out span. A lowercase
"m" after a number is a million ("1m people") unless the context is a length ("the 400m", "5m
tall"); a range shares its scale and unit ("between 3 and 4 million", "£2-3bn", "5-6%"). Years
(up to 2999), dates, clock times ("at 0600"), ordinals, scores, phone numbers, codes ("COVID-19",
"G7", "Boeing 737", "iPhone 13"), list markers, page and reference numbers, and ages ("aged 18 to
60", "a 28-year-old", "John Smith, 45, said") are not figures; nor is a lone "one" without a unit
("one of them"). What a figure counts is a whole phrase ("civilians had lost their lives", "US
soldiers"); its source is who the sentence attributes the claim to ("according to X", "X said",
"said X"), never a place nor a subject that says nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice
from typing import TypeVar

from text_to_num import text2num

from digests.news import figure_words as vocab
from digests.news.dates import dates_in
from digests.news.text import STOPWORDS, split_sentences, terms
from digests.readings import Figure, Sentence

_Predicate = Callable[[str], bool]
_T = TypeVar("_T")
_GLUED_WORD = re.compile(r"-(?P<word>[^\W\d_]\w*)")
_NOT_COUNTED = frozenset("old style like ish odd fold something related based led backed born".split())
_CLOSING = re.compile(r"\s?\)")
_OPENING = re.compile(r"(?:^|\()\s*$")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)\s+$")


@dataclass(slots=True)
class _Reading:
    value: float
    unit: str | None
    start: int
    end: int
    factor: float = 1.0  # the scale the value was multiplied by ("4 million": 1e6)
    follow: int = -1  # where what it counts is read from, when not at its end (a range's first number)


def extract_figures(text: str, published: datetime) -> list[Figure]:
    """Every figure of the text (paragraphs separated by blank lines), in order of appearance."""
    return figures_in_sentences(split_sentences(text), published)


def figures_in_sentences(sentences: Iterable[Sentence], published: datetime) -> list[Figure]:
    """`extract_figures` of a text already split into its sentences."""
    today = published.date()  # the publisher's day: the store keeps the clock a feed dated it in
    figures: list[Figure] = []
    for sentence in sentences:
        figures.extend(_sentence_figures(sentence.text, sentence.start, today))
    return figures


def _sentence_figures(sentence: str, offset: int, today: date) -> list[Figure]:
    readings = _readings(sentence)
    if not readings:
        return []
    sources = _sources(sentence)
    dates = [(at, day) for at, day in dates_in(sentence, today) if not _SINCE.search(sentence, 0, at)]
    figures: list[Figure] = []
    for reading in readings:
        qualifier, qualifier_text, start, end = _qualify(sentence, reading)
        when = _nearest(dates, reading.start)
        source = _nearest(sources, reading.start)
        counted = _counted(sentence, reading, start, max(end, reading.follow))
        if counted is None and figures and _listed_after_a_count(sentence, start, end):
            counted = figures[-1].counted  # "…has 8 cases, Severn Landing Middle 6": 6 cases
        figures.append(Figure(reading.value, reading.unit, qualifier, qualifier_text, counted, source, when,
                              sentence[start:end], sentence, offset + start, offset + end))
    return figures


# A day a period starts from is no day a figure was true on: "since the invasion started on
# 24 February, more than 1 million people have fled" (published 3 March).
_SINCE = re.compile(r"\b(?:since|started|starting|start|began|begun|beginning|from)\s+(?:on\s+)?$",
                    re.IGNORECASE)


def _nearest(found: list[tuple[int, _T]], position: int) -> _T | None:
    """The thing of `found` (in order of position) nearest to position; the earlier one on a tie."""
    if not found:
        return None
    i = bisect_left(found, position, key=lambda f: f[0])
    if i == len(found) or (i > 0 and position - found[i - 1][0] <= found[i][0] - position):
        return found[i - 1][1]
    return found[i][1]


def _readings(sentence: str) -> list[_Reading]:
    """The sentence's numbers that are figures, a range's shared scale and unit given to both ends."""
    readings: list[_Reading] = []
    phones = [m.span() for m in vocab.PHONE.finditer(sentence)] if "+" in sentence or "0" in sentence else []
    position = phone = 0
    while (match := vocab.NUMBER.search(sentence, position)) is not None:
        position = match.end()
        while phone < len(phones) and phones[phone][1] <= match.start():
            phone += 1
        if phone < len(phones) and phones[phone][0] <= match.start():
            continue
        reading = _reading(sentence, match)
        if reading is None:
            continue
        if match.group("words") and reading.end < match.end():
            position = reading.end  # "two and three million": two, then three million
        if readings:
            _share_range(sentence, readings[-1], reading)
            if _one_duration(sentence, readings[-1], reading):
                continue
        readings.append(reading)
    return readings


# "four years and eight months", "two weeks and three days": one length of time, in its smaller unit
# (a court's "56 months"; a clock's "3 hours 20 minutes" is left as written)
_SMALLER_UNIT = {"year": ("month", 12), "week": ("day", 7)}
_DURATION_JOIN = re.compile(r"\s*(?:,\s*|\s+and\s+|\s+)$")


def _one_duration(sentence: str, first: _Reading, second: _Reading) -> bool:
    """Whether `second` goes on the length of time `first` began ("jailed for four years and
    eight months": 56 months); `first` then holds both."""
    smaller = _SMALLER_UNIT.get(first.unit or "")
    if smaller is None or second.unit != smaller[0] or not second.value < smaller[1] \
            or not _DURATION_JOIN.match(sentence[first.end:second.start]):
        return False
    first.value, first.unit, first.end = first.value * smaller[1] + second.value, second.unit, second.end
    return True


def _share_range(sentence: str, first: _Reading, second: _Reading) -> None:
    """"between 3 and 4 million", "£2-3bn", "5-6%": the first end takes the second's scale and unit,
    the second the first's currency sign when the range is written with "to" or a dash."""
    gap = vocab.RANGE_GAP.match(sentence, first.end, second.start)
    if gap is None or first.end == second.start:
        return
    first_raw, second_raw = first.value / first.factor, second.value / second.factor
    if not 0 <= first_raw < second_raw:
        return
    currency = first.unit is not None and len(first.unit) == 3 and first.unit.isupper()
    dash = gap.group().strip() in {"-", "–"}
    if first.unit is None and second.unit is not None:
        first.unit = second.unit
    elif second.unit is None and currency and first.factor == 1.0 and (dash or second.factor > 1.0):
        second.unit = first.unit  # "£2-3bn", "$10 to 20 million"; not "$3.8bn to 465 charities"
    elif first.unit != second.unit:
        return
    if first.factor == 1.0 and second.factor > 1.0:
        first.value, first.factor = first.value * second.factor, second.factor
    first.follow = second.end


def _reading(sentence: str, match: re.Match[str]) -> _Reading | None:
    """The number at `match` with its scale and unit, or None when it is no figure."""
    number = _digits(sentence, match) if match.group("digits") else _spelled(sentence, match)
    if number is None:
        return None
    start, value, end, factor = number
    scaled = factor >= 1e6 if match.group("words") else factor > 1.0
    spelled_a = match.group()[:2].lower() == "a "
    half = vocab.HALF.search(sentence, max(0, start - 6), start) if spelled_a else None
    if half:
        value, start = value / 2, half.start()
    if minus := vocab.MINUS.search(sentence, max(0, start - 10), start):
        value, start = -value, minus.start()
    currency = vocab.CURRENCY_BEFORE.search(sentence, max(0, start - 8), start)
    if currency is not None and currency.group("rand") and not (scaled or "," in match.group()):
        return None  # "R485-million", "R2,000" are rand; "R29", "R5" are names of things
    if currency is None and sentence[start - 1:start].isalpha():
        return None  # digits glued to a word that is no currency code ("EU27", "US101")
    unit, end = _unit(sentence, end, scaled, currency)
    if unit is None and (_glued_to_a_word(sentence, end) or "/" in match.group()):
        return None
    if sentence[start - 1:start] == "+":
        if unit not in {"percent", "percentage point"}:
            return None  # "+44": a dialling code, not a figure; "+0.4%" is one
        start -= 1
    if unit is None and currency is None and (_looks_like_a_name_or_year(sentence, match, value)
                                              or _is_an_age(sentence, match, value)):
        return None
    if _is_a_clock_time(sentence, match, unit):
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
    return _Reading(value, unit, start, end, factor)


def _glued_to_a_word(sentence: str, end: int) -> bool:
    """A number joined by a hyphen to a word that makes it no count ("Covid-19-related", "a 3-D
    film", "a 30-something"), not to the thing it counts ("a 6,500-seat stadium", "a four-night
    residency", "a 40-strong team")."""
    found = _GLUED_WORD.match(sentence, end)
    if found is None:
        return False
    word = found.group("word")
    if word == "plus":
        return False  # "2-plus hours"
    return word in _NOT_COUNTED or re.fullmatch(r"[a-z]{3,}", word) is None


def _digits(sentence: str, match: re.Match[str]) -> tuple[int, float, int, float] | None:
    start, end = match.span()
    if vocab.NOT_AFTER.match(sentence, end) and not (sentence[end:end + 1] in "-–"
                                                     and _hyphen_range(sentence, start, end)):
        return None
    if vocab.NOT_BEFORE.search(sentence, max(0, start - 30), start):
        return None
    if vocab.DAY_RANGE_AFTER.match(sentence, end) and end - start < 3:
        return None
    after_month = vocab.MONTH_BEFORE.search(sentence, max(0, start - 12), start)
    if after_month and (end - start == 4 or end - start < 3):
        return None
    if _CLOSING.match(sentence, end) and _OPENING.search(sentence, max(0, start - 40), start):
        return None
    if start == 0 and re.match(r"[.)]\s", sentence[end:end + 2]):
        return None
    if vocab.URLISH.search(_word_at(sentence, start)):
        return None
    sign = 1.0
    if start > 0 and sentence[start - 1] in "-–":
        first = vocab.HYPHEN_FIRST.search(sentence, max(0, start - 24), start)
        if first is not None and _hyphen_range(sentence, first.start(1), first.end(1)):
            pass  # the second end of "£2-3bn", "5-6%"
        elif sentence[start - 1] == "–" or re.match(r"[\w-]", sentence[start - 2:start - 1]):
            return None
        else:
            sign, start = -1.0, start - 1
    value = sign * _digit_value(match.group())
    scale = vocab.SCALE_AFTER.match(sentence, end)
    if scale and (scale.group("word") or _letter_scale(sentence, match, scale.group("letter"), scale.end())):
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


def _hyphen_range(sentence: str, start: int, end: int) -> bool:
    """Whether the number at start:end opens a range written with a hyphen that holds a figure:
    a currency before it, a scale or a unit after its second end ("£2-3bn", "5-6%", "3-4 weeks");
    not a score ("3-4 after extra time") nor a season ("2021-22")."""
    second = vocab.HYPHEN_SECOND.match(sentence, end)
    if second is None or sentence[start - 1:start] in {"-", "–"}:  # not "-78-0 degrees"
        return False
    if vocab.CURRENCY_BEFORE.search(sentence, max(0, start - 8), start):
        return True
    scale = vocab.SCALE_AFTER.match(sentence, second.end())
    if scale and (scale.group("word") or scale.group("letter") in "kKM"
                  or _letter_scale(sentence, second, scale.group("letter"), scale.end())):
        return True
    return vocab.UNIT_AFTER.match(sentence, second.end()) is not None


def _letter_scale(sentence: str, match: re.Match[str], letter: str, end: int) -> bool:
    """k is always a thousand and M a million; b, B, t, T only after a currency sign; m after a
    currency sign, or before what it counts ("1m people") when the context is no length."""
    if letter in "kKM":
        return True
    if vocab.CURRENCY_BEFORE.search(sentence, max(0, match.start() - 8), match.start()) is not None:
        return True
    return letter == "m" and _million_not_metres(sentence, match.start(), end)


def _million_not_metres(sentence: str, start: int, end: int) -> bool:
    """"1m people", "2.5m households", "1m barrels a day" are millions; "the 400m", "5m tall",
    "a 10m-high wall", "a height of 1.86m" are metres; a bare "1m" is a million only where the
    words before it name what is counted ("the number of refugees passed 1m")."""
    if sentence[end:end + 1] == "-":
        return False
    after = vocab.WORD_AFTER.match(sentence, end)
    if after is not None:
        word = after.group(1).lower()
        if word in vocab.METRE_AFTER:
            return False
        if word not in STOPWORDS and "'" not in word and "’" not in word:  # not "1m isn't"
            return True
    before = sentence[max(0, start - 40):start]
    return vocab.METRE_BEFORE.search(before) is None and vocab.MILLION_BEFORE.search(before) is not None


def _spelled(sentence: str, match: re.Match[str]) -> tuple[int, float, int, float] | None:
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
        scale = vocab.SCALES[chosen[-1]] if chosen[-1] in vocab.SCALES and chosen[-1] != "dozen" else 1.0
        if scale > 1.0 and (half := vocab.AND_A_HALF.match(sentence, end)) and not half.group("scale"):
            return match.start(), value + scale / 2, half.end(), scale  # "a million and a half"
        value, end, half_scale = _and_a_half(sentence, value, end, 1.0)
        return match.start(), value, end, max(scale, half_scale)
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


def _and_a_half(sentence: str, value: float, end: int, scale: float) -> tuple[float, int, float]:
    """The value times its scale, its end and the scale, "and a half" (and its own scale) included."""
    half = vocab.AND_A_HALF.match(sentence, end)
    if half and (half.group("scale") or scale == 1.0) and value == int(value):
        factor = vocab.SCALES[half.group("scale").lower()] if half.group("scale") else 1.0
        return (value + 0.5) * factor, half.end(), factor
    return value * scale, end, scale


def _unit(sentence: str, end: int, scaled: bool,
          currency: re.Match[str] | None) -> tuple[str | None, int]:
    unit = vocab.UNIT_AFTER.match(sentence, end)
    more = _MORE.match(sentence, end) if unit is None else None
    if more is not None:
        unit = vocab.UNIT_AFTER.match(sentence, more.end())  # "nine more years", "two extra weeks"
    if unit is None or unit.lastgroup is None:
        return None, end
    code = vocab.UNIT_TABLE[int(unit.lastgroup[1:])][1]
    if more is not None and code not in vocab.TIME_UNITS:
        return None, end  # "five more pounds": weight or money, the sentence does not say
    if code == "lb" and (scaled or currency) and unit.group().strip().lower().startswith("pound"):
        code = "GBP"
    if currency is not None and code not in {"cent", "penny"} and (
            len(code) != 3 or code != _currency_code(currency)):
        return None, end
    return code, unit.end()


_MORE = re.compile(r"\s+(?:more|extra|additional|further)(?=\s)", re.IGNORECASE)


def _currency_code(currency: re.Match[str]) -> str:
    if currency.group("iso"):
        return currency.group("iso").upper()
    if currency.group("rupees"):
        return "INR"
    if currency.group("rand"):
        return "ZAR"
    if currency.group("suffix"):  # "$US2", "$A5"
        return vocab.DOLLAR_PREFIX[currency.group("suffix").lower()]
    prefix = (currency.group("prefix") or "").lower()
    if currency.group("symbol") == "$" and prefix:
        return vocab.DOLLAR_PREFIX.get(prefix, "USD")
    return vocab.SYMBOLS[currency.group("symbol")]


def _looks_like_a_name_or_year(sentence: str, match: re.Match[str], value: float) -> bool:
    """A bare number after a Capitalised word ("Boeing 737") or a year ("in 2004", "1997")."""
    text = match.group()
    if not match.group("digits") or "," in text or "." in text:
        return False
    previous = _WORD_BEFORE.search(sentence, max(0, match.start() - 60), match.start())
    word = previous.group(1) if previous else ""
    ordinary = STOPWORDS | vocab.DATE_NOUNS
    capitalised = word[:1].isupper() or any(c.isupper() for c in word[1:])  # "Boeing 737", "iPhone 13"
    if capitalised and word.lower() not in ordinary and not vocab.QUALIFIER_BEFORE.search(word + " "):
        return not _listed_after_a_count(sentence, match.start(), match.end())
    if len(text) != 4 or not 1000 <= value <= 2999:
        return False
    following = re.match(r"\s+([a-z]+)", sentence[match.end():match.end() + 40])
    plural_noun = following is not None and _is_plural(following.group(1)) and \
        following.group(1) not in STOPWORDS
    if value > 2100:  # "until 2150", "the year 2300"; "up to 2300 people" is a count
        return not plural_noun
    return not plural_noun or word.lower() in vocab.YEAR_PREPOSITIONS


# "Harwood Park Elementary has 8 cases, Severn Landing Middle 6 and Crofton Ridge High 4": a list
# that writes its count's noun and verb once
_LIST_ITEM_BEFORE = re.compile(r"(?:,|\band)\s+(?:[A-Z][\w'’.&-]*\s+){1,4}$")
_LIST_ITEM_AFTER = re.compile(r"\s*(?:,|\band\b|;|\.|$)")
_COUNT_BEFORE = re.compile(r"\d[\d,.]*\s+(?:[a-z]+\s+)?[a-z]{3,}s\b")  # "8 cases", "48,000 homes"


def _listed_after_a_count(sentence: str, start: int, end: int) -> bool:
    """Whether the number at [start, end) is one of a list after a count that gives its noun
    ("…has 8 cases, Severn Landing Middle *6* and Crofton Ridge High 4"), not a name's number
    ("Boeing 737")."""
    before = _LIST_ITEM_BEFORE.search(sentence, max(0, start - 60), start)
    return (before is not None and _LIST_ITEM_AFTER.match(sentence, end) is not None
            and _COUNT_BEFORE.search(sentence, 0, before.start()) is not None)


def _is_an_age(sentence: str, match: re.Match[str], value: float) -> bool:
    """A person's age in commas after their name or role: "John Smith, 45, said", "his wife, 58,"."""
    start = match.start()
    if sentence[start - 2:start] != ", " or not match.group().isdigit() or not 0 < value <= 120:
        return False
    if not vocab.AGE_AFTER.match(sentence, match.end()):
        return False
    previous = re.search(r"([^\W\d_][\w'’-]*)$", sentence[max(0, start - 42):start - 2])
    if previous is None:
        return False
    word = previous.group(1)
    lowered = word.lower()
    return lowered in vocab.PERSON_NOUNS or (
        word[:1].isupper() and lowered not in STOPWORDS and lowered not in vocab.DATE_NOUNS)


def _is_a_clock_time(sentence: str, match: re.Match[str], unit: str | None) -> bool:
    """Four digits that tell the time: "at 0600", "0130 GMT", "at 1500 hours"."""
    text = match.group()
    if len(text) != 4 or not text.isdigit() or unit not in {None, "hour"}:
        return False
    if int(text[:2]) > 23 or int(text[2:]) > 59:
        return False
    if text[0] == "0" or vocab.CLOCK_AFTER.match(sentence, match.end()):
        return True
    return unit == "hour" and re.search(r"\b(?:at|from|until|till|by|to|before|after)\s+$",
                                        sentence[max(0, match.start() - 8):match.start()]) is not None


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
    """What the figure counts: the noun phrase after it, with the verb phrase that follows when the
    verb comes whole: with its object ("homes lost power", "civilians had lost their lives"), after
    an auxiliary ("troops are being sent") or standing alone ("people fled"); never "soldiers head"."""
    glued = _GLUED_NOUN.match(sentence, end) if reading.unit is None else None
    if glued is not None:  # "the 45,000-seat stadium": seats, not the people in it
        noun = glued.group("noun").lower()
        return _GLUED_PLURALS.get(noun, f"{noun}s")
    tokens = [(m.group(), m.start(), m.end()) for m in islice(vocab.TOKEN.finditer(sentence, end), 14)]
    i = 0
    if tokens and reading.unit is not None and reading.unit not in vocab.TIME_UNITS:
        if tokens[0][0].lower() in ({"of"} if reading.unit == "percent" else {"of", "in", "for", "worth"}):
            i = 1
        elif reading.unit == "percent" and tokens[0][0].lower() in vocab.DETERMINERS:
            return None  # "above 8% this spring": a time, not what the share is of
        while i < len(tokens) and tokens[i][0].lower() in vocab.DETERMINERS:
            i += 1
    phrase_start, i = i, _noun_phrase(tokens, i, reading.unit is None)
    if i > phrase_start and tokens[i - 1][0].lower() in _PARTS and i + 1 < len(tokens) \
            and tokens[i][0].lower() == "of" and _is_content(tokens[i + 1][0]):
        i = _take(tokens, i + 1, _is_content, 2)  # "three new items of clothing": clothing counted
    elif i > phrase_start and tokens[i - 1][0][:1].isupper() and i + 1 < len(tokens) \
            and tokens[i][0] == "of" and tokens[i + 1][0][:1].isupper():
        i = _take(tokens, i + 1, lambda t: _is_content(t) and t[:1].isupper(), 3)
        i = _take(tokens, i, _is_content, 1)  # "$10bn in Department of Energy funding": one name
    if reading.unit is not None:
        return sentence[tokens[phrase_start][1]:tokens[i - 1][2]] if i > phrase_start else None
    auxiliaries = _take(tokens, i, _is_auxiliary, 3)
    verb = _take(tokens, auxiliaries, lambda t: _is_content(t) and t.islower(), 1)
    # "people are expected | to flee", "Ukrainians are thought | to have fled": the noun alone
    unfinished = (verb > auxiliaries and i > phrase_start and verb < len(tokens)
                  and tokens[verb - 1][0].lower() in _BEFORE_AN_INFINITIVE
                  and tokens[verb][0].lower() == "to")
    if verb > auxiliaries and not unfinished:
        complement = _object(tokens, verb)
        if complement > verb:
            i = complement
        elif auxiliaries > i or _stands_alone(tokens[verb - 1][0]):
            i = verb
    elif i > phrase_start:
        previous = re.search(r"([a-z]+)\s+$", sentence[max(0, start - 24):start])
        if previous and previous.group(1) in vocab.FATE_VERBS:
            return f"{sentence[tokens[0][1]:tokens[i - 1][2]]} {previous.group(1)}"
    return sentence[tokens[phrase_start][1]:tokens[i - 1][2]] if i > phrase_start else None


# Plurals no noun is compounded of: the word after them is their verb ("132 people | crashes")
_NO_COMPOUND_HEADS = frozenset("people men women children".split())
# Verbs whose phrase is whole only with the infinitive after them ("are expected to flee")
_BEFORE_AN_INFINITIVE = frozenset("""expected thought believed feared estimated forced set due likely
going able reported said understood known scheduled planned asked told ordered urged allowed made
needed required encouraged advised invited tipped poised slated""".split())
_GLUED_NOUN = re.compile(r"-(?P<noun>seat|bed|room|page|acre|mile|strong|member|year|storey|story|day|week|"
                         r"hour|minute|man|person|vehicle|car|home|house|unit)s?\b(?!-)")
_GLUED_PLURALS = {"man": "men", "person": "people", "story": "stories", "strong": "strong"}
_PARTS = frozenset("""item items piece pieces pair pairs kind kinds type types sort sorts bottle bottles
cup cups pack packs packet packets bag bags box boxes unit units bit bits slice slices""".split())


def _noun_phrase(tokens: list[tuple[str, int, int]], i: int, split: bool) -> int:
    """The end of the noun phrase at i: at most four content words; with `split`, it ends at a
    lowercase plural head noun when a singular lowercase word follows, which is then read as its
    verb ("US soldiers | head to Poland", "homes | lost power")."""
    limit = min(i + 4, len(tokens))
    while i < limit and _is_content(tokens[i][0]):
        i += 1
        if split and i < len(tokens) and tokens[i - 1][0].islower() and _is_plural(tokens[i - 1][0]):
            following = tokens[i][0]
            if following.islower() and _is_content(following) and (
                    not _is_plural(following) or tokens[i - 1][0].lower() in _NO_COMPOUND_HEADS):
                break  # "132 people | crashes in Guangxi": no noun is made of "people" and another
    return i


def _object(tokens: list[tuple[str, int, int]], verb: int) -> int:
    """The end of the verb's object ("lost their lives", "fled Ukraine"), or the verb's end."""
    i = verb + 1 if verb < len(tokens) and tokens[verb][0].lower() in vocab.OBJECT_DETERMINERS else verb
    end = _take(tokens, i, _is_content, 1)
    end = _take(tokens, end, lambda t: _is_content(t) and not t.endswith("ing"), 2)  # "a website | linking"
    if end > i and tokens[end - 1][0][:1].isupper():  # "won British Sports Journalism Awards"
        end = _take(tokens, end, lambda t: _is_content(t) and t[:1].isupper(), 3)
    if end == i + 1 and end + 1 < len(tokens) and tokens[end][0] == "of" and _is_content(tokens[end + 1][0]):
        end = _take(tokens, end + 1, _is_content, 2)  # "a form of coercion"
    return end if end > i else verb


def _is_plural(word: str) -> bool:
    lowered = word.lower()
    return lowered in vocab.IRREGULAR_PLURALS or (
        len(lowered) > 3 and lowered.endswith("s") and not lowered.endswith(("ss", "us", "is", "'s", "’s")))


def _is_auxiliary(word: str) -> bool:
    lowered = word.lower()
    return lowered in vocab.AUXILIARIES or (len(word) > 4 and word.endswith("ly") and word.islower())


def _stands_alone(verb: str) -> bool:
    """A verb, participle or state that makes a phrase without an object: "fled", "died", "remain",
    "born", "made", "fleeing", "dead", "faster"; not "head", "apply" nor "want"."""
    return verb.endswith(("ed", "ing")) or (len(verb) > 4 and verb.endswith("en")) \
        or verb in vocab.STAND_ALONE


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


def _sources(sentence: str) -> list[tuple[int, str]]:
    """Whom the sentence attributes its claims to, with where: "according to X", "X said", "said X",
    "X estimated"; never a place ("…, UNHCR said in Geneva"), the one told ("told CNN"), nor a
    subject whose verb has a figure for object ("The war has claimed 2,000 lives"). A figure takes
    the nearest ("Charities say …, as the UN warns five million people could be displaced")."""
    found = []
    for according in vocab.ACCORDING.finditer(sentence):
        if name := _name_after(sentence, according.end()):
            found.append((according.start(), name))
    for verb in vocab.REPORTING.finditer(sentence):
        word = verb.group()
        if word in vocab.NEEDS_CLAUSE and not vocab.CLAUSE_AFTER.match(sentence, verb.end()):
            continue
        after = word not in vocab.HEARER_AFTER
        before_verb = sentence[max(0, verb.start() - 3):verb.start()]
        if _CONFIRMED_AS.match(sentence, verb.end()):  # "confirmed X as the winner": X is no source
            name = _name_before(sentence, verb.start())
        elif after and re.search(r"[,\"”’']\s*$", before_verb):  # ", says X"
            name = _name_after(sentence, verb.end()) or _name_before(sentence, verb.start())
        else:
            name = _name_before(sentence, verb.start()) or (
                _name_after(sentence, verb.end()) if after else None)
        if name:
            found.append((verb.start(), name))
    return found


_CONFIRMED_AS = re.compile(r"\s+[^,.;:]{2,60}?\s+as\s+(?:the|a|an|its|their|his|her)\b")


def _name_before(sentence: str, end: int) -> str | None:
    """The name that ends right before a reporting verb, past a place ("officials in Kyiv said",
    "UNHCR, speaking in Geneva, said"), an age ("John Smith, 45, said") and a role in commas
    ("Shawn Elliott, president of the luxury division, said"); not the object of a preposition
    ("… cooperate with Iran on nuclear projects")."""
    tokens = list(vocab.TOKEN.finditer(sentence, max(0, end - 200), end))
    for _ in range(4):
        while tokens and tokens[-1].group().lower() in vocab.SKIP_BEFORE_VERB:
            tokens.pop()
        if len(tokens) > 1 and tokens[-1].group() == ",":
            tokens.pop()
        if len(tokens) > 2 and tokens[-1].group().isdigit() and tokens[-2].group() == ",":
            del tokens[-2:]  # ", 45,"
        first = _name_start(tokens)
        if first is None:
            return None
        before = tokens[first - 1].group().lower() if first > 0 else ""
        if before in vocab.PLACE_PREPOSITIONS:
            del tokens[first - 1:]  # "in Geneva"
            while tokens and tokens[-1].group().lower() in vocab.PLACE_LEADERS:
                tokens.pop()
            continue
        if before in vocab.OBJECT_PREPOSITIONS:
            return None
        name = _valid_name(sentence[tokens[first].start():tokens[-1].end()])
        if name is not None or before != ",":
            return name
        del tokens[first - 1:]  # ", president of the luxury division,"
    return None


def _name_start(tokens: list[re.Match[str]]) -> int | None:
    """Where the name that ends the tokens begins: content words joined by "of", "for", "the" after
    them, and "and" between capitals ("the US Food and Drug Administration")."""
    first = None
    for index in range(len(tokens) - 1, max(-1, len(tokens) - 10), -1):
        word = tokens[index].group()
        lowered = word.lower()
        if not word[:1].isalpha():
            break
        if lowered == "the":
            first = index
            if index > 1 and tokens[index - 1].group().lower() in {"of", "for"}:
                continue
            break
        joins = lowered == "and" and first is not None and tokens[first].group()[:1].isupper() \
            and index > 0 and tokens[index - 1].group()[:1].isupper()
        if lowered in {"of", "for"} or joins or _is_content(word):
            first = index
            continue
        break
    while first is not None and first < len(tokens) and tokens[first].group().lower() in {"of", "for", "and"}:
        first = first + 1 if first + 1 < len(tokens) else None
    return first


def _name_after(sentence: str, start: int) -> str | None:
    """The name right after a reporting verb or "according to": "said UNHCR", "says lawmaker",
    "according to the US embassy in Kyiv" (the embassy)."""
    taken: list[re.Match[str]] = []
    for token in islice(vocab.TOKEN.finditer(sentence, start), 8):
        word = token.group()
        lowered = word.lower()
        if not taken:
            if lowered in {"the", "a", "an"} or _is_content(word):
                taken.append(token)
                continue
            return None
        if lowered in {"of", "for"} or _is_content(word) or (
                lowered == "the" and taken[-1].group().lower() in {"of", "for"}):
            taken.append(token)
            continue
        break
    while taken and taken[-1].group().lower() in {"of", "for", "the", "a", "an"}:
        taken.pop()
    if taken and taken[0].group().lower() in {"a", "an"}:
        taken.pop(0)
    if not taken:
        return None
    if taken[-1].group().lower() in vocab.RECORD_NOUNS:  # "data from Johns Hopkins University"
        behind = re.match(r"\s+(?:from|by)\s+", sentence[taken[-1].end():taken[-1].end() + 8])
        if behind and (named := _name_after(sentence, taken[-1].end() + behind.end())):
            return named
    name = sentence[taken[0].start():taken[-1].end()]
    if len(taken) > 1 and taken[0].group() == "the" and not any(c.isdigit() for c in name):
        return name  # "says the coastguard", "according to the ministry"
    return _valid_name(name)


def _valid_name(name: str) -> str | None:
    """The name if it names someone: a capitalised word other than the article that opens the
    sentence, or an organisation or role noun at its end ("officials", "the company")."""
    words = name.split()
    lowered = [i for i, w in enumerate(words) if w.islower() and w not in {"of", "for", "the", "and"}]
    if lowered and lowered[-1] < len(words) - 1 and words[lowered[-1] + 1][:1].isupper():
        words = words[lowered[-1] + 1:]
        name = " ".join(words)
    named = any(w[:1].isupper() and w not in {"The", "A", "An"} for w in words) \
        or words[-1].lower() in vocab.ORG_NOUNS
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
    if unit == "GBP" and written_in_pence(figure):  # "445p a share": as the market writes it
        return f"{_human(round(figure.value * 100, 2))}p"
    if unit == "percent":
        return f"{number}%"
    if unit in vocab.CURRENCY_SIGNS:
        return f"{vocab.CURRENCY_SIGNS[unit]}{number}"
    if unit.isupper() and len(unit) == 3:
        return f"{unit} {number}"
    if unit in vocab.WORD_UNITS and figure.value != 1:
        unit = vocab.PLURALS.get(unit, unit + "s")
    return f"{number}{'' if unit.startswith('°') else ' '}{unit}"


_IN_PENCE = re.compile(r"\d\s*(?:p|pence)$", re.IGNORECASE)


def written_in_pence(figure: Figure) -> bool:
    """Whether a sum is written in pence ("445p", "94 pence"), as the market prices a share."""
    return _IN_PENCE.search(figure.surface) is not None


def _human(value: float) -> str:
    for scale, name in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"{_trim(value / scale)} {name}"
    if value == int(value):
        return f"{int(value):,}"
    return _trim(value) if abs(value) >= 1 else f"{value:.3g}"


def _trim(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")

