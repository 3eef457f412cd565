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
from datetime import UTC, date, datetime, timedelta

from text_to_num import text2num

from digests.news.text import STOPWORDS, split_sentences, terms
from digests.readings import Figure, Sentence

_Predicate = Callable[[str], bool]


@dataclass(frozen=True, slots=True)
class _Reading:
    value: float
    unit: str | None
    start: int
    end: int


_SCALES = {"hundred": 1e2, "thousand": 1e3, "k": 1e3, "lakh": 1e5, "million": 1e6, "mn": 1e6, "mln": 1e6,
           "m": 1e6, "crore": 1e7, "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "trillion": 1e12,
           "tn": 1e12, "trn": 1e12, "tln": 1e12, "t": 1e12, "dozen": 12}
_BASIC = ("zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
          "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety")
_SCALE_WORDS = "hundred|thousand|million|billion|trillion|dozen"
_DIGITS = (r"(?<![\w.,:/#@+%–])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?"
           r"|\d{1,3}(?:[\u00a0\u202f]\d{3})+(?![\d,.]\d)|\d{1,3}(?: \d{3}){2,}(?![\d,.]\d)"
           r"|(?:\d+\s)?\d{1,2}/\d{1,2}(?![\d/])|\d+(?:\.\d+)?)")
_SPELLED = (rf"\b(?:(?:{_BASIC})\b|a(?=\s+(?:{_SCALE_WORDS})\b))"
            rf"(?:(?:\s+and\s+|[\s-]+)(?:{_BASIC}|{_SCALE_WORDS})\b)*")
_NUMBER = re.compile(rf"(?P<digits>{_DIGITS})|(?P<words>{_SPELLED})", re.IGNORECASE)
_SCALE_AFTER = re.compile(rf"\s?(?P<word>{_SCALE_WORDS}|lakh|crore|mn|mln|bn|bln|tn|trn|tln)\b"
                          r"|(?P<letter>[kKmMbBtT])\b")
_MINUS = re.compile(r"\b(?:minus|negative)\s+$", re.IGNORECASE)
_URLISH = re.compile(r"://|www\.|[=?&@_\\]")
_HALF = re.compile(r"\bhalf\s+$", re.IGNORECASE)
_AND_A_HALF = re.compile(rf"\s+and\s+a\s+half(?:\s+(?P<scale>{_SCALE_WORDS}))?\b", re.IGNORECASE)

_M = r"met(?:re|er)s?"
_UNIT_TABLE: tuple[tuple[str, str], ...] = (  # (pattern, code); longer patterns first
    (r"percentage[ -]points?|pct points?", "percentage point"),
    (r"%|percent(?:age)?s?|per ?cent|pct", "percent"),
    (r"(?:us|u\.s\.) dollars?", "USD"), (r"canadian dollars?", "CAD"), (r"australian dollars?", "AUD"),
    (r"dollars?|usd|\$", "USD"), (r"euros?|eur|€", "EUR"), (r"pounds? sterling|sterling|gbp|£", "GBP"),
    (r"(?:turkish )?liras?|try", "TRY"), (r"yen|jpy", "JPY"), (r"(?:chinese )?yuan|renminbi|rmb|cny", "CNY"),
    (r"swiss francs?|chf", "CHF"), (r"rupees?|inr", "INR"), (r"roubles?|rubles?|rub", "RUB"),
    (r"hryvnias?|uah", "UAH"), (r"cad", "CAD"), (r"aud", "AUD"), (r"cents?", "cent"),
    (r"pence|penny|pennies", "penny"), (rf"square (?:kilo{_M}|km)|km2|km²|sq km", "km2"),
    (r"square miles?|sq mi", "sq mile"), (rf"square {_M}|m2|m²|sq m", "m2"),
    (r"square f(?:ee|oo)t|sq ft", "sq ft"),
    (r"hectares?|ha", "hectare"), (r"acres?", "acre"), (r"cubic f(?:ee|oo)t", "cubic foot"),
    (rf"cubic {_M}|m3", "m3"), (rf"(?:kilo{_M}|km) (?:per|an) hour|kph|km/hr?|kmph|kmh", "km/h"),
    (r"miles? (?:per|an) hour|mph", "mph"), (rf"kilo{_M}|km", "km"), (rf"centi{_M}|cm", "cm"),
    (rf"milli{_M}|mm", "mm"), (rf"{_M}|(?-i:m)", "m"), (r"nautical miles?", "nautical mile"),
    (r"miles?|mi", "mile"), (r"f(?:ee|oo)t|ft", "foot"), (r"inch(?:es)?", "inch"), (r"yards?|yd", "yard"),
    (r"metric tons?|tonnes?", "tonne"), (r"tons?", "ton"), (r"kilo(?:gram)?s?|kg", "kg"),
    (r"milligrams?|mg", "mg"), (r"micrograms?|mcg|[µμ]g", "µg"), (r"grams?|(?-i:g)", "g"),
    (r"pounds?|lbs?", "lb"), (r"ounces?|oz", "oz"), (r"millilit(?:re|er)s?|ml", "ml"),
    (r"lit(?:re|er)s?|(?-i:l|L)", "litre"), (r"gallons?", "gallon"), (r"barrels?", "barrel"),
    (r"degrees? (?:celsius|centigrade|c)|°\s?(?:celsius|c)", "°C"),
    (r"degrees? (?:fahrenheit|f)|°\s?(?:fahrenheit|f)", "°F"), (r"degrees?|°", "degree"),
    (r"(?-i:[kMGT]Wh)", "Wh"), (r"megawatts?|mw", "MW"), (r"gigawatts?|gw", "GW"), (r"kilowatts?|kw", "kW"),
    (r"terabytes?|tb", "TB"), (r"gigabytes?|gb", "GB"), (r"megabytes?|mb", "MB"),
    (r"seconds?|secs?", "second"), (r"minutes?|mins?", "minute"), (r"hours?|hrs?", "hour"), (r"days?", "day"),
    (r"weeks?", "week"), (r"months?", "month"), (r"years?", "year"), (r"decades?", "decade"),
    (r"centur(?:y|ies)", "century"),
)
_UNIT_AFTER = re.compile("(?:[ \u00a0]?|-)(?:" + "|".join(
    f"(?P<u{i}>{p})" for i, (p, _) in enumerate(_UNIT_TABLE)) + r")(?!\w|-\d)", re.IGNORECASE)
_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₴": "UAH"}
_DOLLAR_PREFIX = {"us": "USD", "u.s.": "USD", "u.s": "USD", "c": "CAD", "ca": "CAD", "a": "AUD", "au": "AUD",
                  "nz": "NZD", "hk": "HKD", "s": "SGD"}
_ISO = "USD|EUR|GBP|JPY|CHF|CNY|CAD|AUD|INR|RUB|UAH|NZD|HKD|SGD|MXN|BRL|TRY|ZAR|SEK|NOK|DKK|PLN|KRW"
_CURRENCY_BEFORE = re.compile(
    r"(?:(?<![\w.])(?P<prefix>us|u\.s\.?|ca|c|au|a|nz|hk|s)\s?)?(?P<symbol>[$€£¥₹₽₴])"
    rf"\s?$|(?<![\w])(?P<iso>{_ISO})\s?\$?\s?$", re.IGNORECASE)
_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"})

_QUALIFIERS = {
    "upper_bound": "as many as|as much as|up to|at most|no more than|not more than|less than|fewer than|"
                   "just under|under|below|nearly|almost",
    "lower_bound": "at least|more than|no fewer than|no less than|in excess of|upwards of|well over|"
                   "just over|over|above|exceeding",
    "approximate": "about|around|roughly|approximately|some|an estimated|estimated|close to|circa",
}
_QUALIFIER_BEFORE = re.compile(
    "(?<![\\w-])(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _QUALIFIERS.items()) + r")\s+$", re.IGNORECASE)
_QUALIFIER_AFTER = re.compile(r"(?P<lower_bound>\s+or\s+more\b|\+|-plus\b)|(?P<approximate>\s+or\s+so\b)",
                              re.IGNORECASE)

_MONTH_NAMES = "january february march april may june july august september october november december".split()
_MONTHS = {name[:3]: i + 1 for i, name in enumerate(_MONTH_NAMES)}
_MONTH = r"(?:(?i:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?|(?-i:May))"
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DATE_NOUNS = frozenset((*_DAYS, *_MONTH_NAMES, "yesterday", "today", "tonight"))

_NOT_AFTER = re.compile(r"[.,:/–-]\d|\d|(?:st|nd|rd|th)\b|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock)|'?s\b"
                        rf"|\s*(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTH}(?!\w)|-years?-old|\s+years?\s+old",
                        re.IGNORECASE)
_NOT_BEFORE = re.compile(
    r"(?:\b(?:no|nos|nr|nrs|number|page|pages|pp|p|chapter|section|article|paragraph|clause|resolution|"
    r"flight|route|highway|exit|room|platform|gate|bus|level|phase|grade|category|season|episode|vol|"
    r"volume|version|model|step|stage|game|act|scene|ward|district|zone|floor)\.?\s*|#\s*"
    r"|\b(?:aged?|ages)\s+(?:between\s+|of\s+)?(?:\d+\s*(?:to|and|-|–)\s*)?)$", re.IGNORECASE)
_MONTH_BEFORE = re.compile(rf"{_MONTH}\s+$")
_AFTER_TIME_UNIT = re.compile(r"\s+(?:ago|earlier|later)\b|-old\b|\s+old\b", re.IGNORECASE)
_YEAR_PREPOSITIONS = frozenset("in since by from until till to of during before after between and or early "
                               "late mid the fiscal".split())

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W\d_][\w'’-]*|\d[\d,.]*|\S")
_NOT_CONTENT = frozenset((*_BASIC.split("|"), *_SCALE_WORDS.split("|"), *"""per cent since amid despite
    across via toward towards within without among including near while though although because unless
    whether unlike like versus vs last next ago earlier later instead alone first second third""".split()))
_DETERMINERS = frozenset("the a an its their his her our this that these those".split())
_AUXILIARIES = frozenset("have has had were was are is will would could may might can must been be being "
                         "already now also reportedly".split())
FATE_VERBS = frozenset("""killed wounded injured hurt displaced evacuated arrested detained rescued
    hospitalised hospitalized infected captured executed abducted kidnapped affected vaccinated freed
    released deported expelled sheltered""".split())
_REPORTING = re.compile(r"\b(?:said|says|reported|reports|estimated|estimates|announced|announces|warned|"
                        r"warns|told|stated|confirmed|confirms|added|noted|wrote|writes|claimed|claims|"
                        r"tweeted|predicted|predicts|projected|projects|expects|calculated|recorded|counted|registered)\b")
_ACCORDING = re.compile(r"\baccording to\s+", re.IGNORECASE)
_ORG_NOUNS = frozenset("agency ministry officials official police authorities government spokesperson "
                       "spokesman spokeswoman military army service office department organisation "
                       "organization commission council group company bank fund statement report survey "
                       "census data estimate researchers analysts experts".split())
_SKIP_BEFORE_VERB = frozenset((*_DAYS, *"""on yesterday today earlier also previously has have had last late
    night this morning recently""".split()))
_RELATIVE = re.compile(
    rf"\b(?:(?P<rel>last|this|on|next)\s+)?(?P<day>{'|'.join(_DAYS)})\b"
    r"|\b(?P<yesterday>yesterday|last night)\b"
    r"|\b(?P<today>today|tonight|this (?:morning|afternoon|evening))\b"
    r"|\b(?P<ago>a|one|two|three|four|five|six|seven|\d+)\s+(?P<agounit>days?|weeks?)\s+ago\b"
    rf"|\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH})(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|\b(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>\d{{4}}))?", re.IGNORECASE)
_SMALL = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_WORD_UNITS = frozenset((*_TIME_UNITS, *"""hectare acre mile foot inch yard tonne ton litre gallon barrel
    degree""".split(), "percentage point", "sq mile", "cubic foot", "nautical mile"))
_PLURALS = {"foot": "feet", "inch": "inches", "century": "centuries", "percentage point": "percentage points"}


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
    readings = [r for m in _NUMBER.finditer(sentence) if (r := _reading(sentence, m)) is not None]
    if not readings:
        return []
    source, dates = _source(sentence), _dates(sentence, today)
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
    half = _HALF.search(sentence, max(0, start - 6), start) if match.group()[:2].lower() == "a " else None
    if half:
        value, start = value / 2, half.start()
    if minus := _MINUS.search(sentence, max(0, start - 10), start):
        value, start = -value, minus.start()
    currency = _CURRENCY_BEFORE.search(sentence, max(0, start - 8), start)
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
    if unit in _TIME_UNITS and _AFTER_TIME_UNIT.match(sentence, end):
        return None
    if unit is None and match.group("words") and value in {0, 1} and not scaled:
        return None
    return _Reading(value, unit, start, end)


def _digits(sentence: str, match: re.Match[str]) -> tuple[int, float, int, bool] | None:
    start, end = match.span()
    if _NOT_AFTER.match(sentence, end) or _NOT_BEFORE.search(sentence, max(0, start - 30), start):
        return None
    if _MONTH_BEFORE.search(sentence, max(0, start - 12), start) and (end - start == 4 or end - start < 3):
        return None
    if re.match(r"\s?\)", sentence[end:]) and re.search(r"(?:^|\()\s*$", sentence[:start]):
        return None
    if start == 0 and re.match(r"[.)]\s", sentence[end:end + 2]):
        return None
    if _URLISH.search(_word_at(sentence, start)):
        return None
    sign = 1.0
    if sentence[start - 1:start] == "-" and start > 0:
        if re.match(r"[\w-]", sentence[start - 2:start - 1]):
            return None
        sign, start = -1.0, start - 1
    value = sign * _digit_value(match.group())
    scale = _SCALE_AFTER.match(sentence, end)
    if scale and (scale.group("word") or _letter_scale(sentence, match, scale.group("letter"))):
        factor = _SCALES[(scale.group("word") or scale.group("letter")).lower()]
        return start, *_and_a_half(sentence, value, scale.end(), factor)
    if re.match(r"[^\W\d_]", sentence[end:end + 1]) and not _UNIT_AFTER.match(sentence, end):
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
    return _CURRENCY_BEFORE.search(sentence, max(0, match.start() - 8), match.start()) is not None


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
    half = _AND_A_HALF.match(sentence, end)
    if half and (half.group("scale") or scale == 1.0) and value == int(value):
        factor = _SCALES[half.group("scale").lower()] if half.group("scale") else 1.0
        return (value + 0.5) * factor, half.end(), factor > 1.0
    return value * scale, end, scale > 1.0


def _unit(sentence: str, end: int, scaled: bool,
          currency: re.Match[str] | None) -> tuple[str | None, int]:
    unit = _UNIT_AFTER.match(sentence, end)
    if unit is None or unit.lastgroup is None:
        return None, end
    code = _UNIT_TABLE[int(unit.lastgroup[1:])][1]
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
        return _DOLLAR_PREFIX.get(prefix, "USD")
    return _SYMBOLS[currency.group("symbol")]


def _looks_like_a_name_or_year(sentence: str, match: re.Match[str], value: float) -> bool:
    """A bare number after a Capitalised word ("Boeing 737") or a year ("in 2004", "1997")."""
    text = match.group()
    if not match.group("digits") or "," in text or "." in text:
        return False
    previous = re.search(r"([^\W\d_][\w'’-]*)\s+$", sentence[:match.start()])
    word = previous.group(1) if previous else ""
    if word[:1].isupper() and word.lower() not in STOPWORDS | _DATE_NOUNS and not _QUALIFIER_BEFORE.search(
            word + " "):
        return True
    if len(text) != 4 or not 1000 <= value <= 2100:
        return False
    following = re.match(r"\s+([a-z]+)", sentence[match.end():])
    plural_noun = following is not None and following.group(1).endswith("s") and \
        following.group(1) not in STOPWORDS
    return not plural_noun or word.lower() in _YEAR_PREPOSITIONS


def _qualify(sentence: str, reading: _Reading) -> tuple[str, str | None, int, int]:
    """The qualifier kind and words around the reading, and the surface's extended span."""
    before = _QUALIFIER_BEFORE.search(sentence, max(0, reading.start - 25), reading.start)
    if before and before.lastgroup:
        return before.lastgroup, before.group(before.lastgroup), before.start(), reading.end
    after = _QUALIFIER_AFTER.match(sentence, reading.end)
    if after and after.lastgroup:
        return after.lastgroup, after.group().strip(" -"), reading.start, after.end()
    return "exact", None, reading.start, reading.end


def _counted(sentence: str, reading: _Reading, start: int, end: int) -> str | None:
    """What the figure counts: the noun phrase after it, with a short verb phrase when one follows."""
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(sentence, end)][:14]
    i = 0
    if tokens and reading.unit is not None and reading.unit not in _TIME_UNITS:
        if tokens[0][0].lower() in {"of", "in", "for", "worth"}:
            i = 1
        while i < len(tokens) and tokens[i][0].lower() in _DETERMINERS:
            i += 1
    phrase_start, i = i, _take(tokens, i, _is_content, 4)
    if reading.unit is not None:
        return sentence[tokens[phrase_start][1]:tokens[i - 1][2]] if i > phrase_start else None
    auxiliaries = _take(tokens, i, lambda t: t.lower() in _AUXILIARIES, 3)
    verb = _take(tokens, auxiliaries, lambda t: _is_content(t) and t.islower(), 1)
    if verb > auxiliaries:
        i = _take(tokens, verb, _is_content, 2)
    elif i > phrase_start:
        previous = re.search(r"([a-z]+)\s+$", sentence[:start])
        if previous and previous.group(1) in FATE_VERBS:
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
    if lowered in _DATE_NOUNS or lowered in _NOT_CONTENT or _UNIT_AFTER.fullmatch(" " + token):
        return False
    return lowered not in STOPWORDS or (token.isupper() and len(token) > 1)


def _source(sentence: str) -> str | None:
    """Who the sentence attributes its claims to: "according to X", "X said", "said X"."""
    according = _ACCORDING.search(sentence)
    if according:
        return _name_after(sentence, according.end())
    for verb in _REPORTING.finditer(sentence):
        name = _name_before(sentence, verb.start()) or _name_after(sentence, verb.end())
        if name:
            return name
    return None


def _name_before(sentence: str, end: int) -> str | None:
    tokens = [m for m in _TOKEN.finditer(sentence[:end])]
    while tokens and tokens[-1].group().lower() in _SKIP_BEFORE_VERB:
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
    tokens = [m for m in _TOKEN.finditer(sentence, start)][:6]
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
    named = any(w[:1].isupper() for w in words) or words[-1].lower() in _ORG_NOUNS
    return name if named and not any(c.isdigit() for c in name) else None


def calendar_dates_in(text: str, today: date) -> list[date]:
    """Explicit calendar dates a text names ("by 3 March", "on March 8"), resolved to `today`'s year."""
    return [when for match in _RELATIVE.finditer(text)
            if (match.group("d1") or match.group("d2")) and (when := _resolve(match, today))]


def _dates(sentence: str, today: date) -> list[tuple[int, date]]:
    """The dates the sentence names, resolved against the publication day, with their positions."""
    found = []
    for match in _RELATIVE.finditer(sentence):
        when = _resolve(match, today)
        if when is not None:
            found.append((match.start(), when))
    return found


def _resolve(match: re.Match[str], today: date) -> date | None:
    if match.group("day"):
        weekday = _DAYS.index(match.group("day").lower())
        relation = (match.group("rel") or "").lower()
        if relation == "next":
            return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)
        back = (today.weekday() - weekday) % 7
        return today - timedelta(days=back or (7 if relation == "last" else 0))
    if match.group("yesterday") or match.group("today"):
        return today - timedelta(days=1 if match.group("yesterday") else 0)
    if match.group("ago"):
        count = _SMALL.get(match.group("ago").lower()) or int(match.group("ago"))
        return today - timedelta(days=count * (7 if match.group("agounit").lower().startswith("w") else 1))
    day, month, year = ((match.group("d1"), match.group("m1"), match.group("y1")) if match.group("d1")
                        else (match.group("d2"), match.group("m2"), match.group("y2")))
    return _calendar_date(int(day), _MONTHS[month.lower()[:3]], year, today)


def _calendar_date(day: int, month: int, year: str | None, today: date) -> date | None:
    try:
        when = date(int(year) if year else today.year, month, day)
    except ValueError:
        return None
    if not year and when > today + timedelta(days=31):
        return when.replace(year=when.year - 1) if not (month == 2 and day == 29) else None
    return when


def measure_key(figure: Figure) -> str:
    """What is measured (counted terms, sorted, and the unit), so that values over time form a series."""
    wording = figure.counted
    if not wording:
        position = figure.sentence.find(figure.surface)
        wording = " ".join(figure.sentence[:max(position, 0)].split()[-4:])
    qualifier_words = {w for words in _QUALIFIERS.values() for w in re.split(r"\W+", words)}
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
    if unit in _CURRENCY_SIGNS:
        return f"{_CURRENCY_SIGNS[unit]}{number}"
    if unit.isupper() and len(unit) == 3:
        return f"{unit} {number}"
    if unit in _WORD_UNITS and figure.value != 1:
        unit = _PLURALS.get(unit, unit + "s")
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

