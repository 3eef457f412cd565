"""The vocabulary of figures in news: number words and scales, units and currencies, qualifiers,
months and days, reporting verbs, and the patterns built from them. Data only: `figures` and
`dates` read with it."""

from __future__ import annotations

import re

SCALES = {"hundred": 1e2, "thousand": 1e3, "k": 1e3, "lakh": 1e5, "million": 1e6, "mn": 1e6, "mln": 1e6,
          "m": 1e6, "crore": 1e7, "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "trillion": 1e12,
          "tn": 1e12, "trn": 1e12, "tln": 1e12, "t": 1e12, "dozen": 12}
_BASIC = ("zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
          "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety")
_SCALE_WORDS = "hundred|thousand|million|billion|trillion|dozen"
_ISO = "USD|EUR|GBP|JPY|CHF|CNY|CAD|AUD|INR|RUB|UAH|NZD|HKD|SGD|MXN|BRL|TRY|ZAR|SEK|NOK|DKK|PLN|KRW"
# Each branch opens with a lookahead on its first character, so that the lookbehinds run only there.
_DIGITS = (rf"(?=\d)(?:(?<![\w.,:/#@%–])|(?<=(?-i:{_ISO}))|(?<=\$(?-i:US|AU|NZ|HK))|(?<=\$(?-i:A|C))"
           r"|(?<=(?<!\w)(?-i:R)))"  # "R485-million": rand
           r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?"
           r"|\d{1,3}(?:[\u00a0\u202f]\d{3})+(?![\d,.]\d)|\d{1,3}(?: \d{3}){2,}(?![\d,.]\d)"
           r"|(?:\d+\s)?\d{1,2}/\d{1,2}(?![\d/])|\d+(?:\.\d+)?)")
_SPELLED = (rf"(?=[a-z])\b(?:(?:{_BASIC})\b|a(?=\s+(?:{_SCALE_WORDS})\b))"
            rf"(?:(?:\s+and\s+|[\s-]+)(?:{_BASIC}|{_SCALE_WORDS})\b)*")
NUMBER = re.compile(rf"(?P<digits>{_DIGITS})|(?P<words>{_SPELLED})", re.IGNORECASE)
SCALE_AFTER = re.compile(rf"(?:\s|-)?(?P<word>{_SCALE_WORDS}|lakh|crore|mn|mln|bn|bln|tn|trn|tln)\b"
                         r"|(?P<letter>[kKmMbBtT])\b")
MINUS = re.compile(r"\b(?:minus|negative)\s+$", re.IGNORECASE)
URLISH = re.compile(r"://|www\.|[=?&@_\\]")
HALF = re.compile(r"\bhalf\s+$", re.IGNORECASE)
AND_A_HALF = re.compile(rf"\s+and\s+a\s+half(?:\s+(?P<scale>{_SCALE_WORDS}))?\b", re.IGNORECASE)

_M = r"met(?:re|er)s?"
UNIT_TABLE: tuple[tuple[str, str], ...] = (  # (pattern, code); longer patterns first
    (r"percentage[ -]points?|pct points?", "percentage point"),
    (r"%|percent(?:age)?s?|per ?cent|pct|(?-i:pc)", "percent"),
    (r"(?:us|u\.s\.) dollars?", "USD"), (r"canadian dollars?", "CAD"), (r"australian dollars?", "AUD"),
    (r"dollars?|usd|\$", "USD"), (r"euros?|eur|€", "EUR"), (r"pounds? sterling|sterling|gbp|£", "GBP"),
    (r"(?:turkish )?liras?|try", "TRY"), (r"yen|jpy", "JPY"), (r"(?:chinese )?yuan|renminbi|rmb|cny", "CNY"),
    (r"swiss francs?|chf", "CHF"), (r"rupees?|inr", "INR"), (r"roubles?|rubles?|rub", "RUB"),
    (r"hryvnias?|uah", "UAH"), (r"cad", "CAD"), (r"aud", "AUD"), (r"cents?", "cent"),
    (r"rand|zar", "ZAR"), (r"(?:brazilian )?reais|brl", "BRL"), (r"naira|ngn", "NGN"),
    (r"zloty(?:s)?|pln", "PLN"), (r"rupiah|idr", "IDR"), (r"ringgit|myr", "MYR"), (r"baht|thb", "THB"),
    (r"dirhams?|aed", "AED"), (r"forints?|huf", "HUF"), (r"(?:kyrgyz )?som", "KGS"),
    (r"pence|penny|pennies|(?<=\d)(?-i:p)", "penny"), (rf"square (?:kilo{_M}|km)|km2|km²|sq km", "km2"),
    (r"square miles?|sq mi", "sq mile"), (rf"square {_M}|m2|m²|sq m", "m2"),
    (r"square f(?:ee|oo)t|sq ft", "sq ft"),
    (r"hectares?|ha", "hectare"), (r"acres?", "acre"), (r"cubic f(?:ee|oo)t", "cubic foot"),
    (rf"cubic {_M}|m3", "m3"), (rf"(?:kilo{_M}|km) (?:per|an) hour|kph|km/hr?|kmph|kmh", "km/h"),
    (r"miles? (?:per|an) hour|mph", "mph"), (rf"kilo{_M}|km", "km"), (rf"centi{_M}|cm", "cm"),
    (rf"milli{_M}|mm", "mm"), (rf"{_M}|(?-i:m)", "m"), (r"nautical miles?", "nautical mile"),
    (r"miles?|mi", "mile"), (r"f(?:ee|oo)t|ft", "foot"), (r"inch(?:es)?", "inch"), (r"yards?|yd", "yard"),
    (r"metric tons?|tonnes?|(?-i:t)", "tonne"), (r"tons?", "ton"), (r"kilo(?:gram)?s?|kg", "kg"),
    (r"milligrams?|mg", "mg"), (r"micrograms?|mcg|[µμ]g", "µg"), (r"grams?|(?-i:g)", "g"),
    (r"pounds?|lbs?", "lb"), (r"ounces?|oz", "oz"), (r"millilit(?:re|er)s?|ml", "ml"),
    (r"lit(?:re|er)s?|(?-i:l|L)", "litre"), (r"gallons?", "gallon"), (r"barrels?", "barrel"),
    (r"degrees? (?:celsius|centigrade|c)|°\s?(?:celsius|c)|(?<=\d)(?-i:C)", "°C"),
    (r"degrees? (?:fahrenheit|f)|°\s?(?:fahrenheit|f)|(?<=\d)(?-i:F)", "°F"), (r"degrees?|°", "degree"),
    (r"(?-i:[kMGT]Wh)", "Wh"), (r"megawatts?|mw", "MW"), (r"gigawatts?|gw", "GW"), (r"kilowatts?|kw", "kW"),
    (r"terabytes?|tb", "TB"), (r"gigabytes?|gb", "GB"), (r"megabytes?|mb", "MB"),
    (r"seconds?|secs?", "second"), (r"minutes?|mins?", "minute"), (r"hours?|hrs?", "hour"), (r"days?", "day"),
    (r"weeks?", "week"), (r"months?", "month"), (r"years?", "year"), (r"decades?", "decade"),
    (r"centur(?:y|ies)", "century"),
)
UNIT_AFTER = re.compile("(?:[ \u00a0]?|-)(?:" + "|".join(
    f"(?P<u{i}>{p})" for i, (p, _) in enumerate(UNIT_TABLE)) + r")(?!\w|-\d)", re.IGNORECASE)
SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₴": "UAH"}
DOLLAR_PREFIX = {"us": "USD", "u.s.": "USD", "u.s": "USD", "c": "CAD", "ca": "CAD", "a": "AUD", "au": "AUD",
                 "nz": "NZD", "hk": "HKD", "s": "SGD"}
CURRENCY_BEFORE = re.compile(
    r"(?:(?<![\w.])(?P<prefix>us|u\.s\.?|ca|c|au|a|nz|hk|s)\s?)?(?P<symbol>[$€£¥₹₽₴])"
    rf"\s?$|(?<![\w])(?P<iso>{_ISO})\s?\$?\s?$|(?<![\w$])\$(?P<suffix>US|AU|NZ|HK|A|C)\s?$"
    r"|(?<![\w])(?P<rupees>(?-i:Rs)\.?|(?-i:R|r)upees)\s?$"  # "Rs 4 lakh": rupees
    r"|(?<![\w])(?P<rand>(?-i:R))$", re.IGNORECASE)  # "R485-million": rand (see `figures._reading`)
TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"})

QUALIFIERS = {
    "upper_bound": "as many as|as much as|up to|at most|no more than|not more than|less than|fewer than|"
                   "just under|under|below|nearly|almost",
    "lower_bound": "at least|more than|no fewer than|no less than|in excess of|upwards of|well over|"
                   "just over|over|above|exceeding",
    "approximate": "about|around|roughly|approximately|some|an estimated|estimated|close to|circa",
}
_RAISED_UP = r"(?<!revised\s)(?<!raised\s)(?<!risen\s)(?<!gone\s)(?<!went\s)"  # "revised up to 146": no bound
QUALIFIER_BEFORE = re.compile(
    "(?<![\\w-])(?:" + "|".join(f"(?P<{k}>{v.replace('up to', _RAISED_UP + 'up to')})"
                                  for k, v in QUALIFIERS.items()) + r")\s+$", re.IGNORECASE)
QUALIFIER_AFTER = re.compile(r"(?P<lower_bound>\s+or\s+more\b|\+|-plus\b)|(?P<approximate>\s+or\s+so\b)",
                             re.IGNORECASE)

_MONTH_NAMES = "january february march april may june july august september october november december".split()
MONTHS = {name[:3]: i + 1 for i, name in enumerate(_MONTH_NAMES)}
# a month written whole or cut short ("Sept.", "Dec"), never the start of another word ("14 novels",
# "3 decisions" are no dates)
MONTH_WORD = (r"(?:(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?|(?-i:May)(?![a-z]))")
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DATE_NOUNS = frozenset((*DAYS, *_MONTH_NAMES, "yesterday", "today", "tonight"))

NOT_AFTER = re.compile(r"[.,:/–-]\d|\d|(?:st|nd|rd|th)\b|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o['’]clock)|'?s\b"
                       rf"|\s*(?:st|nd|rd|th)?\s*(?:of\s+)?{MONTH_WORD}(?!\w)|-years?-old|\s+years?\s+old",
                       re.IGNORECASE)
NOT_BEFORE = re.compile(
    r"(?:\b(?:no|nos|nr|nrs|number|page|pages|pp|p|chapter|section|article|paragraph|clause|resolution|"
    r"flight|route|highway|exit|room|platform|gate|bus|level|phase|grade|category|season|episode|vol|"
    r"volume|version|model|step|stage|game|act|scene|ward|district|zone|floor)\.?\s*|#\s*"
    r"|\b(?:aged?|ages)\s+(?:between\s+|of\s+)?(?:\d+\s*(?:to|and|-|–)\s*)?)$", re.IGNORECASE)
MONTH_BEFORE = re.compile(rf"{MONTH_WORD}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s*(?:to|and|or|-|–)\s*)?$")
DAY_RANGE_AFTER = re.compile(  # "from 3 to 4 March": the 3 is a day of the month too
    rf"\s*(?:to|and|or|-|–)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_WORD}(?!\w)", re.IGNORECASE)
AFTER_TIME_UNIT = re.compile(r"\s+(?:ago|earlier|later)\b|-old\b|\s+old\b", re.IGNORECASE)
YEAR_PREPOSITIONS = frozenset("in since by from until till to of during before after between and or early "
                              "late mid the fiscal".split())

TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W\d_](?:[\w'’-]|&(?=[^\W\d_]))*|\d+(?:[.,]\d+)*|\S")
NOT_CONTENT = frozenset((*_BASIC.split("|"), *_SCALE_WORDS.split("|"), *"""per cent since amid despite
    across via toward towards within without among including near while though although because unless
    whether unlike like versus vs last next ago earlier later instead alone first second third onto upon
    aboard around beyond beside besides throughout inside outside alongside""".split()))
DETERMINERS = frozenset("the a an its their his her our this that these those".split())
OBJECT_DETERMINERS = frozenset("the a an its their his her our my your".split())
AUXILIARIES = frozenset("have has had were was are is will would could may might can must been be being "
                        "already now also reportedly".split())
IRREGULAR_PLURALS = frozenset("""people children men women staff police personnel cattle sheep livestock
    crew feet teeth mice geese aircraft fish data media bacteria criteria pence deer""".split())
STAND_ALONE = frozenset("""made held met flown hit lost shot built sold bought caught found kept sent spent
    known shown thrown grown drawn hurt struck stuck led paid laid put set cut
    remain remains stay stays live lives die dies work works wait waits arrive
    arrives return returns flee flees survive survives gather gathers protest protests vote votes
    march marches left fell rose went came ran grew stood sat fought born dead alive missing safe
    homeless stranded unaccounted ill sick clear away ahead behind apart short faster higher lower
    greater larger smaller bigger""".split())
FATE_VERBS = frozenset("""killed wounded injured hurt displaced evacuated arrested detained rescued
    hospitalised hospitalized infected captured executed abducted kidnapped affected vaccinated freed
    released deported expelled sheltered""".split())
REPORTING = re.compile(r"\b(?:said|says|say|reported|reports|estimated|estimates|announced|announces|warned|"
                       r"warns|told|stated|confirmed|confirms|added|noted|wrote|writes|claimed|claims|"
                       r"tweeted|predicted|predicts|projected|projects|expects|calculated|recorded|counted|registered"
                       r"|puts?(?=\s+(?:the|its|their|his|her)\s+(?:[\w'’-]+\s+){0,4}at\s))\b")
# ("officials put the toll at 41": whoever puts a measure at a value gives it)
NEEDS_CLAUSE = frozenset("added adds claimed claims".split())  # "added 678,000 jobs" attributes nothing
CLAUSE_AFTER = re.compile(r"\s*(?:[,.;:!?\"“”‘’'(—–-]|$|(?:that|he|she|it|they|we|i|there|this|on|in|last|"
                          r"yesterday|today|earlier|later|without)\b)", re.IGNORECASE)
HEARER_AFTER = frozenset("told tells".split())  # "X told CNN": the name after the verb is the hearer
ACCORDING = re.compile(r"\baccording to\s+", re.IGNORECASE)
ORG_NOUNS = frozenset("""agency ministry officials official police authorities government spokesperson
    spokesman spokeswoman military army service office department organisation organization commission
    council group company bank fund statement report survey census data estimate researchers analysts
    experts sources source lawyer lawyers attorney doctors doctor medics witnesses residents lawmaker
    lawmakers prosecutors prosecutor investigators scientists economists officers regulator watchdog
    minister ministers firm airline charity union campaigners monitors observers operator""".split())
PLACE_PREPOSITIONS = frozenset("in at from near outside inside across throughout within aboard into on"
                               .split())
OBJECT_PREPOSITIONS = frozenset("with to against about between than into over under toward towards".split())
RECORD_NOUNS = frozenset("data report figures statistics estimate estimates analysis study survey "
                         "statement".split())  # "according to data from X": X
PLACE_LEADERS = frozenset("speaking based who spoke writing".split())  # ", speaking in Geneva,"
SKIP_BEFORE_VERB = frozenset((*DAYS, *"""on yesterday today earlier also previously has have had last late
    night this morning recently""".split()))
RELATIVE = re.compile(
    rf"\b(?:(?P<rel>last|this|on|next)\s+)?(?P<day>{'|'.join(DAYS)})\b"
    r"|\b(?P<yesterday>yesterday|last night)\b"
    r"|\b(?P<today>today|tonight|this (?:morning|afternoon|evening))\b"
    r"|\b(?P<ago>a|one|two|three|four|five|six|seven|\d+)\s+(?P<agounit>days?|weeks?)\s+ago\b"
    rf"|\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{MONTH_WORD})(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|\b(?P<m2>{MONTH_WORD})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>\d{{4}}))?", re.IGNORECASE)
SMALL = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
WORD_UNITS = frozenset((*TIME_UNITS, *"""hectare acre mile foot inch yard tonne ton litre gallon barrel
    degree""".split(), "percentage point", "sq mile", "cubic foot", "nautical mile"))
PLURALS = {"foot": "feet", "inch": "inches", "century": "centuries", "percentage point": "percentage points"}

# A lowercase m after a bare number is a million ("1m people") unless the context is a length
# ("the 400m", "5m tall", "a height of 1.86m"); k is a thousand.
METRE_AFTER = frozenset("""tall long wide high deep away across above below thick taller longer wider
    higher deeper further farther apart underground underwater up down beneath squared
    hurdles freestyle backstroke breaststroke butterfly medley relay sprint dash final finals heat heats
    race title gold silver bronze record champion champions event individual steeplechase mark
    semi-final semi-finals semifinal world olympic""".split())
_LENGTH = (r"height|depth|length|distance|altitude|elevation|width|diameter|radius|deep|tall|long|wide|"
           r"high|jump|throw|vault|metres|meters|swim|dive|wave|waves|sea level|pool|wall|tower|"
           r"championships|olympics")
_COUNTED = (r"people|population|refugees|viewers|users|customers|subscribers|visitors|followers|"
            r"residents|households|homes|voters|votes|jobs|cases|deaths|doses|barrels|tonnes|number|"
            r"total|figure|tally|toll|sales|downloads|members|children|workers|passengers|patients")
METRE_BEFORE = re.compile(rf"\b(?:{_LENGTH})\b", re.IGNORECASE)
MILLION_BEFORE = re.compile(rf"\b(?:{_COUNTED})\b", re.IGNORECASE)
WORD_AFTER = re.compile(r"\s?[\"'‘’“]?([^\W\d_][\w'’-]*)")

# Ranges: "between 3 and 4 million", "10 to 15 million", "£2-3bn", "5-6%".
RANGE_GAP = re.compile(r"\s*(?:to|and|or|-|–)\s*$", re.IGNORECASE)
HYPHEN_SECOND = re.compile(r"[-–](\d+(?:\.\d+)?)(?![\d,.]\d)")
HYPHEN_FIRST = re.compile(r"(?<![\w.,-])(\d+(?:\.\d+)?)[-–]$")

# Numbers that are no figures: ages in commas ("Smith, 45, said"), clock times ("at 0600",
# "1500 hours"), phone numbers ("+44 20 7946 0958", "020 7946 0958").
PERSON_NOUNS = frozenset("""wife husband son daughter mother father brother sister partner friend
    boy girl man woman child baby teenager victim grandmother grandfather mum dad uncle aunt
    nephew niece cousin boyfriend girlfriend widow widower""".split())
AGE_AFTER = re.compile(r",|\.?\s*$|\)")
CLOCK_AFTER = re.compile(r"\s*(?:GMT|BST|UTC|CET|CEST|EST|EDT|PST|PDT|ET|PT|local\b|hours\b|hrs\b|h\b)")
PHONE = re.compile(r"(?<![\w+])(?:\+\d{1,3}(?:[ .-]?\(0\))?(?:[ .-]\d{1,4}){2,5}"
                   r"|\(?0\d{2,4}\)?[ -]\d{3,4}[ -]\d{3,4})(?![\w])")
