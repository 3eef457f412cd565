"""What a sentence gives for a question to lead its answer with: a place, a name, a day or a year, an age."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from datetime import date

from digests.news.dates import dates_in, is_future
from digests.news.english import is_common_word
from digests.news.figure_words import MONTHS
from digests.news.lexicon import lemma
from digests.news.people_words import COUNTRIES, DEMONYMS, HEAD_WORDS, NATIONS, PLACES
from digests.news.question import Question
from digests.news.text import STOPWORDS, words

# A place's name: capitalised words, "of", "de", "on" or "upon" between them ("Newcastle upon Tyne")
_MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December"
_CALENDAR = rf"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|{_MONTHS})\b"
# "Stratford-upon-Avon", "Newcastle upon Tyne", "Southend-on-Sea"; not "Mariupol on Saturday"
_PLACE_NAME = (r"(?P<place>(?:[A-Z][\w'’.-]+)(?:\s+(?:(?:of|de|on|upon)\s+)?(?!" + _CALENDAR
               + r")[A-Z][\w'’.-]+){0,3})")
# "In Kyiv, …" too; "across the Dardanelles", "off Corfu"
_PLACE_AFTER = re.compile(r"\b(?:(?i:in|at|near|outside|inside|beneath|underneath|across|off|along)"
                          r"|on(?=\s+(?:the\s+)?(?:Isle|Island)\s+of\b)"
                          r"|(?i:welcome)\s+to"
                          # "flown to Royal Hobart Hospital, where he is being treated"
                          r"|to(?=\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3},\s+where\b)"
                          r"|(?:city|town|village|hamlet|municipality|commune|port|region|province|island|state|"
                          r"county|district|mayor|"
                          r"governor|residents|outskirts|suburbs|streets)\s+of)"
                          r"\s+(?:[Tt]he\s+|an?\s+(?=[A-Z][\w'’.-]+\s+(?:cafe|café|restaurant|pub|bar|hotel|shop|"
                          r"school|hospital|farm|church|mosque|prison|zoo|factory|mine|care\s+home)\b))?"
                          r"(?:(?:downtown|central|northern|southern|eastern|western|"
                          r"north-?(?:east|west)ern|south-?(?:east|west)ern|suburban|rural|coastal)\s+)?"
                          + _PLACE_NAME)
# A run of capitalised words (a name, a place), a trailing possessive, and capitalised words
# that are never places: also what `support` reads a name in a sentence by.
CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.-]*(?:[^\S\n]+[A-Z][\w'’.-]*){0,3}")  # no name runs across a line
POSSESSIVE_END = re.compile(r"['’]s?$")
NOT_PLACES = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december the a an this that i we he she
they it his her their its our christmas easter former ex""".split())


def place_in(text: str, asked: Question) -> str | None:
    """The first place the sentence puts something in ("in the Gomel region", "at Wembley"),
    else the first known place it names, other than a place the question itself gives. For
    "where is X from", only a place the sentence gives as where someone or something comes
    from: where a man died is not where he is from."""
    placed = placed_in(text, asked)
    if not (placed or asks_origin(asked) or asks_destination(asked)):
        placed = _known_place_in(text, asked) or _home_of_someone(text, asked)
    return _IN_FULL.get(placed, placed) if placed else None


# A headline's "Wisbech teacher fretting over …", "Hull mum …": someone by where they live.
_HOME_BEFORE_SOMEONE = re.compile(
    r"(?:^|:\s+)(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\s+(?:teacher|mum|mom|dad|man|woman|boy|girl|"
    r"pensioner|student|couple|family|teenager|teen|grandmother|grandfather|gran|nurse|farmer|schoolboy|"
    r"schoolgirl|toddler|baby|widow|shopkeeper|baker|vicar)s?\b")


def _home_of_someone(text: str, asked: Question) -> str | None:
    found = _HOME_BEFORE_SOMEONE.search(text)
    if found is None:
        return None
    place = found.group("place")
    given = given_words(asked)
    lowered = place.casefold()
    if lowered in NOT_PLACES or lowered in NATIONS or lowered in _OTHER_PARTIES \
            or all(is_given(w, given) for w in words(place)):
        return None  # "Ukrainian mum", "Labour woman": who they are, not where
    return place


_OTHER_PARTIES = frozenset(("tories", "green", "snp", "ukip", "lib dem", "lib dems", "plaid", "reform",
                            "democrat", "republican", "gop"))  # besides `NATIONS`' "labour", "tory" …


_IN_FULL = {"LA": "Los Angeles", "L.A.": "Los Angeles", "NYC": "New York City"}  # as the answer says it


def asks_origin(asked: Question) -> bool:
    """"Where is X from", "where does she come from", "where did the flight take off from"."""
    return _ORIGIN_ASKED.match(asked.text) is not None


def asks_destination(asked: Question) -> bool:
    """"Where was the flight headed", "where are the ships going to": where to, not where."""
    return _DESTINATION_ASKED.match(asked.text) is not None


_DESTINATION_ASKED = re.compile(r"^\s*where\b.*\b(?:head(?:ed|ing)|bound|flying|sailing|travell?ing|"
                                r"en\s+route|destined)\b(?:\s+(?:to|for))?"
                                r"(?:\s+(?:when|before|as|while)\b.*)?\s*[?.!]*\s*$"  # "headed when it sank"
                                r"|^\s*where\b.*\bto\s*[?.!]*\s*$"
                                # "where did Trump travel to deliver his speech": where he went
                                r"|^\s*where\s+(?:did|does|do|will|has|have|had)\s+[\w\s'’.-]{1,40}?\s+"
                                r"(?:travel|fly|move|relocate|flee|flown|moved|fled)\b"
                                r"(?!\s+(?:off|out|on|up|down|through|missing|viral|wrong|bust|ahead|over|into)\b)",
                                re.IGNORECASE)


_ORIGIN_ASKED = re.compile(r"^\s*where\b.*\b(?:from|out\s+of)\s*[?.!]*\s*$", re.IGNORECASE)
# "from Leeds", "John Smith, 24, of Leeds", "a native of Leeds", "Leeds-born": where one is from;
# "walked out of HMP Ford" for "where did he walk out of"; "from a bonded warehouse in Speyside"
_ORIGIN = re.compile(r"(?:\bfrom|\bout\s+of|,\s+of|\bnative\s+of|\bborn\s+in|\bhometown\s+of"
                     r"|\bgrew\s+up\s+in|\b(?:from|out\s+of)\s+(?:an?|the)\s+(?-i:[a-z][\w-]*\s+){1,3}(?:in|at|near))"
                     r"\s+(?:the\s+)?" + _PLACE_NAME
                     + r"|\b(?!(?:The|A|An)\s)(?P<born>[A-Z][\w'’.]+(?:\s+[A-Z][\w'’.]+)?)-born\b")


# "bound for Jeddah", "headed to Orkney", "a Kyiv-bound train": where to
_DESTINATION = re.compile(r"(?:\bbound\s+for|\bhead(?:ed|ing|s)?\s+(?:to|for)|\bdestined\s+for|\btowards?"
                          r"|\b(?:flight|flights|flying|sailing|travell?ing|going|route|way|trip|journey)\s+to"
                          r"|\bto|\bbetween)"  # "services between Helsinki and St Petersburg"
                          r"\s+(?:the\s+)?" + _PLACE_NAME
                          + r"|\b(?!(?:The|A|An)\s)(?P<born>[A-Z][\w'’.]+(?:\s+[A-Z][\w'’.]+)?)-bound\b")


def placed_in(text: str, asked: Question) -> str | None:
    """The first place the sentence puts something in ("in the Gomel region", "at Wembley"),
    or for "where is X from", the first it gives as where X comes from."""
    given = given_words(asked)
    pattern = _ORIGIN if asks_origin(asked) else _DESTINATION if asks_destination(asked) else _PLACE_AFTER
    for match in pattern.finditer(text):
        place = match.group("place") or match.group("born")
        inner = _OWNED_PLACE.match(text, match.end()) if POSSESSIVE_END.search(place) else None
        if POSSESSIVE_END.search(place) and inner is None and _OWNED_SITE.match(text, match.end()):
            continue  # "at Halvorsen's plant in Bellhaven": the firm's, in Bellhaven
        if inner is not None and not all(is_given(w, given) for w in words(inner.group("place"))):
            place = inner.group("place")  # "in Morocco's northern Chefchaouen province": Chefchaouen
        of = _KIND_OF_PLACE.match(text, match.end())
        if of is not None and not all(is_given(w, given) for w in words(of.group("place"))):
            place = of.group("place")  # "in the Texas city of Colleyville": Colleyville
        first = words(place)[0].casefold() if words(place) else ""
        if (first in NOT_PLACES or place.casefold() in DEMONYMS or _people_of_a_place(place)
                or _EVENT_END.search(place)
                or all(is_given(w, given) for w in words(place))):
            continue
        owned = re.split(r"['’]s\s+", place)[-1]  # "Belarus's Brest": Brest
        street = owned.split()[0].casefold().rstrip(".,") in _OWNED_NAME_ENDS  # "Tanner's Lane"
        place = place if street else owned
        return POSSESSIVE_END.sub("", place.rstrip(".,"))
    dateline = _DATELINE.match(text) if pattern is _PLACE_AFTER else None
    if dateline is not None and dateline.group("wider").casefold() in PLACES \
            and not all(is_given(w, given) for w in words(dateline.group("place"))):
        return dateline.group("place")  # "Spring, Texas, officials say …"
    return None


_PEOPLE_ENDINGS = ("n", "an", "ian")  # "Kenyan", "South African", "Nigerian"
_PLACES_AND_COUNTRIES = PLACES | frozenset(c.casefold() for c in COUNTRIES)


def people_of(place: str, found: Collection[str]) -> bool:
    """Whether the words found call something by a place's people ("south african" for "south
    africa", "kenyan" for "kenya"); the place and the words in lower case."""
    return any(f"{place}{end}" in found for end in _PEOPLE_ENDINGS)


def _people_of_a_place(name: str) -> bool:
    """"South African", "Kenyan": what someone is, by a known place; no place itself."""
    lowered = name.casefold()
    return any(lowered.endswith(end) and lowered[:-len(end)] in _PLACES_AND_COUNTRIES
               for end in _PEOPLE_ENDINGS)


# Words that end a street's own name after an owner's "'s": "Tanner's Lane", "St John's Road"
_OWNED_NAME_ENDS = frozenset("""lane street road avenue square hill green wharf quay close row yard
gate""".split())
# A place inside the one just named as its owner: "Morocco's northern Chefchaouen province".
_OWNED_PLACE = re.compile(r"[^\S\n]+(?:(?:northern|southern|eastern|western|central|north-?(?:east|west)ern|"
                          r"south-?(?:east|west)ern|coastal|remote)[^\S\n]+)?"
                          r"(?P<place>[A-Z][\w'’.-]+(?:[^\S\n]+[A-Z][\w'’.-]+){0,2})")
_OWNED_SITE = re.compile(r"[^\S\n]+(?:[a-z][\w-]*[^\S\n]+)?(?:plant|factory|site|works|mine|office|offices|"
                         r"headquarters|warehouse|depot|campus|yard|shipyard|refinery|facility|store|"
                         r"branch|home|house|farm|studio|studios|lab|laboratory)\b")
# A dateline: a sentence opening on a town and its state or country ("Spring, Texas, officials …")
_DATELINE = re.compile(r"\s*(?P<place>[A-Z][\w'’.-]+(?:[^\S\n]+[A-Z][\w'’.-]+){0,2}),[^\S\n]+"
                       r"(?P<wider>[A-Z][\w'’.-]+(?:[^\S\n]+[A-Z][\w'’.-]+)?)[^\S\n]*[,(—–-]")
_KIND_OF_PLACE = re.compile(r"[^\S\n]+(?:city|town|village|hamlet|municipality|commune|port|region|province|"
                            r"county|district|state|suburb)"
                            r"[^\S\n]+of[^\S\n]+(?P<place>[A-Z][\w'’.-]+(?:[^\S\n]+[A-Z][\w'’.-]+){0,2})")
# "at the World Indoor Athletics Championships": an event, not a place ("… in Belgrade" is)
_EVENT_END = re.compile(r"\b(?:Championships?|Games|Olympics|Paralympics|Cup|Open|Awards|Festival|Summit|"
                        r"Conference|Tournament|Finals?|Grand\s+Prix|Marathon|Show|Expo|Congress)$")


def given_words(asked: Question) -> set[str]:
    """What the question itself gives: the words of its names, its terms, and the countries
    of its nationalities ("which Indian state": not India)."""
    countries = {w.casefold() for t in words(asked.text) if t.casefold() in DEMONYMS
                 for w in words(DEMONYMS[t.casefold()])}
    return {w.casefold() for name in asked.names for w in words(name)} | set(asked.terms) | countries


def is_given(word: str, given: set[str]) -> bool:
    return word.casefold() in given or lemma(word.lower()) in given


def new_words(run: str, given: set[str]) -> list[str]:
    """The words of a capitalised run that the question does not give, small words and
    nationalities left out: what a name the sentence adds is made of."""
    return [w for w in words(POSSESSIVE_END.sub("", run))
            if not is_given(w, given) and w.casefold() not in NOT_PLACES and w.casefold() not in DEMONYMS]


_TITLE_OF = re.compile(r"\b(?:Duke|Duchess|Earl|Countess|Marquess|Marchioness|Viscount|Baron|Baroness|"
                       r"Prince|Princess|Bishop|Archbishop)\s+of\s+$")


def _known_place_in(text: str, asked: Question) -> str | None:
    """The first place the sentence names that the question does not ("Liverpool's win")."""
    given = given_words(asked)
    for match in CAPITALISED_RUN.finditer(text):
        if _TITLE_OF.search(text, max(0, match.start() - 20), match.start()):
            continue  # "the Duke of Cambridge": a title, not a place
        found = [POSSESSIVE_END.sub("", w) for w in words(match.group())]  # "Colombia's Attorney…"
        if found and found[0].casefold() == "the":
            found = found[1:]  # "…: The West calls for …": the run's article is no part of it
        known = [i for i, w in enumerate(found) if w.casefold() in PLACES or w.casefold() in DEMONYMS]
        cut = _NEXT_CAPITALISED.match(text, match.end())  # the run stopped at its fourth word
        if not known or _names_a_team(match.group(), [*found, *([cut.group(1)] if cut else [])], known[-1]):
            continue
        start = known[0]
        while known[-1] == len(found) - 1 and not cut and start > 0 and known[-1] - start < 2 \
                and found[start - 1].casefold() not in NOT_PLACES | _NAME_WORDS_BEFORE:
            start -= 1  # "Uttar Pradesh", "Madhya Pradesh": the run's words before a known last one
        place = found[start:known[-1] + 1]  # "Colombia" of "Colombia AG"
        post = re.match(r"\s+([a-z]+)", text[match.end():]) if known[-1] == len(found) - 1 else None
        if (post and post.group(1) in HEAD_WORDS and post.group(1) not in _PLACE_AFTER_WORDS
                and not POSSESSIVE_END.search(match.group())):
            continue  # "Former Wales manager …": whose manager, not where ("Syria's leader" is)
        if len(place) == 1 and place[0].casefold() in COMPASS:
            if not known[0]:
                continue  # "the West calls for …": no place
            place = found[:known[0] + 1]  # "Southend West"
        if place[-1].casefold() not in PLACES:  # "an Italian port": the demonym and its noun
            noun = re.match(r"\s+([a-z]+)", text[match.end():]) if known[-1] == len(found) - 1 else None
            if not (noun and noun.group(1) in _PLACE_NOUNS):
                continue
            place = [*place, noun.group(1)]
        if not all(is_given(w, given) for w in place):
            return " ".join(place)
    return _country_of_demonym(text, given)


def _country_of_demonym(text: str, given: set[str]) -> str | None:
    """"Philippine authorities evacuate thousands": a sentence that names no place may still say
    the country, by its authorities (not "Ukrainian flags": things of a country are anywhere)."""
    for match in _COUNTRY_AUTHORITIES.finditer(text):
        word = match.group("demonym")
        country = DEMONYMS.get(word.casefold())
        if country and " " not in country and not is_given(country, given) and not is_given(word, given):
            return country
    return None


_COUNTRY_AUTHORITIES = re.compile(r"\b(?P<demonym>[A-Z][a-z]+)\s+(?:authorities|officials|police|"
                                  r"government|rescuers|emergency\s+services|coast\s*guard|state\s+media)\b")


# Words after a place that still name a place ("Kharkiv Oblast", "New York City"), or an event
# held there.
_PLACE_AFTER_WORDS = frozenset("""city county oblast region province state island islands bay coast valley
airport station street square bridge district borough metro area""".split()) | frozenset(
    # an event held there: "at the Guadalajara Open"
    """open cup games championship championships olympics paralympics awards festival summit
    conference tournament final finals grand marathon show expo congress masters classic derby""".split())


_NEXT_CAPITALISED = re.compile(r"[^\S\n]+([A-Z][\w'’.-]*)")


def _names_a_team(run: str, found: list[str], last_place: int) -> bool:
    """Whether the place is the first part of a team's or a firm's name ("the Los Angeles
    Lakers' loss", "New York Times"): a capitalised word follows it that is no place, no post
    ("Ukraine President Zelensky"), and the place is not written as an owner ("Colombia's")."""
    if last_place == len(found) - 1:
        return False
    if found[last_place + 1].isupper():
        return False  # "Colombia AG", "UK PM": a post written short
    after = found[last_place + 1].casefold()
    owner = re.search(rf"{re.escape(found[last_place])}['’]s?\b", run) is not None
    return not owner and after not in _PLACE_AFTER_WORDS and after not in HEAD_WORDS \
        and after not in PLACES and after not in DEMONYMS


_NAME_WORDS_BEFORE = frozenset("""mayor governor president minister leader king queen prince general
mr mrs ms dr sir""".split())
COMPASS = frozenset("west east north south western eastern northern southern central".split())
_PLACE_NOUNS = frozenset("""port marina city town village coast island border capital region
province county harbour harbor resort airport base""".split())


def name_in(text: str, asked: Question) -> str | None:
    """The first name a sentence gives that the question does not ("Coda", "Joe Manchin"):
    what a "which" or "who won" question asks for."""
    given = given_words(asked)
    for match in CAPITALISED_RUN.finditer(text):
        found = new_words(match.group(), given)
        while len(found) > 1 and found[0].casefold() in _NUMBER_WORDS:
            found = found[1:]  # "Four Dublin branches among 11 closures": no one's name
        opens = match.start() == 0 or text[:match.start()].rstrip().endswith((":", "-", "–", "—", "\"", "“"))
        if found and (not opens or len(found) > 1 or text[match.end():match.end() + 1] in ":,"):
            return " ".join(found)
    return None


def date_in(text: str, published: date, *, bare: bool = True) -> date | str | None:
    """The first day the sentence names, read against the day it was published; else the first
    month of a year ("in February 2018") or year it gives ("in 1986", "until 2028", "last year",
    "20 years ago", read against the year it was published); `bare`: else a year on its own
    ("its 2023 launch")."""
    found = dates_in(text, published)
    if found:
        return found[0][1]
    years = [(m.start(), _year_of(m, published.year)) for m in _YEAR.finditer(text)]
    if years:
        return min(years)[1]
    alone = _BARE_YEAR.search(text) if bare else None  # "ahead of its 2023 Disney Plus launch"
    if alone:
        return alone.group("year")
    month = _BARE_MONTH.search(text) if bare else None  # "the bout expected at Wembley in April"
    return _month_of(month.group("month"), published, text) if month else None


_BARE_MONTH = re.compile(rf"\b(?:in|by|until|from|since|early|late|mid|mid-|end\s+of|start\s+of|"
                         rf"beginning\s+of)\s+(?-i:(?P<month>{_MONTHS}))\b(?!\s*,?\s*\d)", re.IGNORECASE)


def _month_of(name: str, published: date, text: str) -> str:
    """A month named without its year: the one of the year told in, unless it is more than a
    month ahead of the telling and the sentence does not say it is still to come (then last
    year's); a month already past in a sentence of what is to come is next year's."""
    month = MONTHS[name.lower()[:3]]
    year = published.year
    # "plans to close in June", "said he would step down in June": still to come when told
    ahead = is_future(text) or re.search(rf"\b(?:to|would)\s+[a-z]+(?:\s+(?:down|up|out|off|back))?\s+"
                                         rf"(?:in|by)\s+{name}\b", text) is not None
    if month > published.month + 1 and not ahead:
        year -= 1
    elif month < published.month and ahead:
        year += 1
    return f"{name.title()} {year}"


_YEAR = re.compile(r"\b(?:in|since|until|till|from|by|before|after|of|back to|dating to|through)\s+"
                   r"(?:the\s+(?:year\s+)?)?(?P<year>1[0-9]{3}|20[0-9]{2})\b(?!\s+[A-Z]{1,4}\d)"
                   rf"|\b(?-i:(?P<month>{_MONTHS}))\s+(?P<monthyear>1[0-9]{{3}}|20[0-9]{{2}})\b"
                   r"|\b(?P<last>last|next)\s+year\b"
                   r"|\b(?P<ago>\d{1,3}|a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty)"
                   r"\s+years?\s+ago\b", re.IGNORECASE)
# A year on its own after a small word: not "Euro 2020" or "Beijing 2022" (names), "2,022", "£2022",
# "2020-21" or the asteroid "2008 EV5".
_BARE_YEAR = re.compile(r"(?:^|(?<![\w'’-])(?:[a-z]{2,}|[A-Z][a-z]+['’]s)\s+)"  # "Johnson's 2050 target" too
                        r"(?P<year>19[5-9][0-9]|20[0-9][0-9])(?![\w%,.-])(?!\s+[A-Z]{1,4}\d)")
_YEAR_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9, "ten": 10, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}


def _year_of(match: re.Match[str], this_year: int) -> str:
    """The year (or month and year) a match of `_YEAR` gives, read against the year of telling."""
    if match.group("year"):
        return match.group("year")
    if match.group("month"):
        return f"{match.group('month').title()} {match.group('monthyear')}"
    if match.group("last"):
        return str(this_year + (1 if match.group("last").lower() == "next" else -1))
    count = match.group("ago").lower()
    return str(this_year - (_YEAR_WORDS.get(count) or int(count)))


_AGE = re.compile(r"\baged\s+(?P<a>\d{1,3})\b|(?<![\d,.])(?P<b>\d{1,3}(?:,\d{3})*)-year-olds?\b"
                  r"|\bat\s+(?:the\s+)?age\s+of\s+(?P<c>\d{1,3})\b"
                  r"|\b(?:dies|died|dead|death|passes\s+away|passed\s+away)\s+at\s+(?P<d>\d{1,3})\b"
                  r"|(?<![\d,.])(?P<e>\d{1,3}(?:,\d{3})*)\s+years?\s+old\b"
                  r"|\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*,\s+(?P<f>\d{1,3}),"
                  # "Mother admits killing son, 2": a child's age after the word for them
                  r"|\b(?-i:son|daughter|boy|girl|baby|toddler|child|grandson|granddaughter|man|woman|mum|mother|"
                  r"dad|father|grandad|granddad|grandfather|grandmother|grandma|grandpa|gran|pensioner|teenager|"
                  r"widow|widower|schoolboy|schoolgirl),\s+(?P<i>\d{1,3})"
                  r"(?=\s*(?:,|$))"
                  # "Chloe was 15 when she got a job", "when he was just 12"
                  r"|(?:\b(?-i:he|she|I)|\b(?-i:[A-Z][a-z]+))\s+was\s+(?:just\s+|only\s+)?(?P<g>\d{1,2})\s+when\b"
                  r"|\bwhen\s+(?:he|she|they|I)\s+(?:was|were)\s+(?:just\s+|only\s+)?(?P<h>\d{1,2})(?![\w%,]|\.\d)"
                  r"(?!\s+(?:per|of|in|on|at|minutes|hours|days|weeks|months|points|goals)\b)")


def age_in(text: str, about: Collection[str] = ()) -> int | None:
    """The first age a sentence gives a person or a thing: "aged 52", "a 16-year-old", ", 45,",
    "dies at 87", "a 5,000-year-old drum". `about`: the question's words; an age written
    against a name of theirs comes first ("Tom Hale, 22, after the death of 19-year-old Ann
    Lee": Ann Lee is 19)."""
    ages = list(_AGE.finditer(text))
    if not ages:
        return None
    if about and len(ages) > 1 and (named := age_by_name(text, about)) is not None:
        return named
    return _age_of(ages[0])


def age_by_name(text: str, about: Collection[str], least: int = 1) -> int | None:
    """The age a sentence writes against a name of the question's ("Ava White, 12, was …"), a
    name with at least `least` of its words ("Parker, 33," is not Eugene Parker's)."""
    spans = [m.span() for m in CAPITALISED_RUN.finditer(text)
             if sum(lemma(w.lower()) in about for w in words(m.group())) >= least]
    for match in _AGE.finditer(text) if spans else ():
        if any(0 <= start - match.end() <= 1 or 0 <= match.start() - end <= 2
               or match.start() <= start < end <= match.end() for start, end in spans):
            return _age_of(match)
    return None


def namesakes_age(text: str, about: Collection[str]) -> bool:
    """Whether the sentence's first age is written against another of the family ("Natalie
    Steele, 32, pleads guilty to manslaughter of Reid" is not Reid Steele's age): a full name
    sharing a word with the question's and with another first word."""
    first = _AGE.search(text)
    if first is None:
        return False
    for run in CAPITALISED_RUN.finditer(text):
        names = [lemma(w.lower()) for w in words(run.group())]
        touching = (0 <= first.start() - run.end() <= 2 or 0 <= run.start() - first.end() <= 1
                    or first.start() <= run.start() < run.end() <= first.end())  # "Natalie Steele, 32,"
        if touching and len(names) >= 2 and names[-1] in about and names[0] not in about:
            return True
    return False


_YEARS_AFTER = re.compile(r"\b(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+years\s+(?:after|since|on\s+from)\s+"
                          r"(?P<what>[^,.;:]{3,80})", re.IGNORECASE)


def year_before(text: str, published: date, said_of: Callable[[str], bool]) -> str | None:
    """The year of an event a sentence dates by the years since it ("Twelve years after X's
    death at the Winter Olympics, …", told in 2022: 2010), when `said_of` the words after
    "after" (that they say the event asked about)."""
    for found in _YEARS_AFTER.finditer(text):
        years = number_of(found.group("n"))
        if years and 0 < years < 200 and said_of(found.group("what")):
            return str(published.year - years)
    return None


def ago_in(text: str) -> str | None:
    """How long ago a sentence says something was: "35 years ago", "66 million years ago",
    "Fifty-seven years ago" (as it is written, the number in figures)."""
    found = _AGO.search(text)
    if found is None:
        return None
    number = found.group("number").lower().replace(",", "")
    if not number.replace(".", "", 1).isdigit():
        value = number_of(number)
        if value is None:
            return None
        number = str(value)
    scale = f" {found.group('scale').lower()}" if found.group("scale") else ""
    return f"{number}{scale} {found.group('unit').lower()} ago"


_NUMBER_WORDS = {w: n for n, w in enumerate("""zero one two three four five six seven eight nine ten
eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen""".split())} | {
    w: 10 * n for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
_AGO = re.compile(r"\b(?P<number>\d[\d,]*(?:\.\d+)?|[A-Za-z]+(?:-[a-z]+)?)\s+(?:(?P<scale>million|billion|"
                  r"thousand)\s+)?(?P<unit>years|decades|centuries|months|weeks)\s+ago\b", re.IGNORECASE)


def number_of(word: str) -> int | None:
    """A whole number written in figures or in words below a hundred ("6", "six",
    "fifty-seven")."""
    lowered = word.lower()
    if lowered.isdigit():
        return int(lowered)
    parts = [_NUMBER_WORDS.get(part) for part in lowered.split("-", 1)]
    return None if None in parts else sum(p for p in parts if p is not None)


def _age_of(match: re.Match[str]) -> int:
    return int(next(v for v in match.groupdict().values() if v).replace(",", ""))


# A species' name, its genus then its epithet ("Pakudyptes aldridgeae")
BINOMIAL = r"[A-Z][a-z]{3,}[^\S\n]+[a-z]{3,}(?:ae|ii|i|us|um|is|ensis|oides|ata|ana|ica|ium|orum)\b"
# where a phrase begins: "Pakudyptes aldridgeae honours June Aldridge", "the frog (Rana aurora)"
_BINOMIAL_OPENS = re.compile(rf"(?:^|[(,;:]\s*|\b(?:the|a|an|species|genus)\s+)[\"“‘']?(?P<name>{BINOMIAL})")


def binomial_in(text: str) -> re.Match[str] | None:
    """A species' name where a phrase of the text begins, its genus no word of the language,
    place or people."""
    for found in _BINOMIAL_OPENS.finditer(text):
        genus = found.group("name").split()[0].casefold()
        if not (genus in STOPWORDS or genus in PLACES or genus in DEMONYMS or is_common_word(genus)):
            return found  # not "Rare okapi calf born at Bristol Zoo"
    return None
