"""Key people in news text: names, roles, affiliations and who said what. Rule-based, offline.

A name is a group of capitalised tokens (initials and particles such as "von der" allowed) that is
not a place, organisation, day, role or function word. Two to four tokens make a full name; one
token (a surname) counts only when a role or title, a speech verb or a full mention elsewhere in
the text confirms it. Title-Case headlines yield confirmed names only.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from digests.news.text import split_sentences
from digests.readings import Mention, Sentence


def _set(block: str) -> frozenset[str]:
    return frozenset(block.replace("_", " ").lower().split())


_FUNCTION = _set("""a an the and or but nor of to in on at by for with from as into onto over under after
before since until during amid against about around across between behind beyond near off out up down via per
than then if so yet still also even just only not no yes all any some many most more much few each every both
either neither other another such this that these those there here it its he she they we you i his her their
our your my who whom whose what which when where why how is are was were be been being has have had do does
did will would can could should might must new old first second third last next top big today tonight
yesterday tomorrow now earlier later meanwhile however although though while because despite instead once
again already hours minutes days weeks months years live latest breaking update updates watch video analysis
opinion exclusive explainer photos pictures inside outside speaking according asked let dear day week month
year key world false true daily hear monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct
nov dec""")
_PLACES = _set("""ukraine russia belarus poland europe america africa asia kyiv kiev kharkiv odesa odessa
lviv mariupol kherson mykolaiv dnipro zaporizhzhia chernihiv sumy bucha irpin hostomel donetsk luhansk donbas
donbass crimea chernobyl zhytomyr kramatorsk severodonetsk izium melitopol poltava mariupol moscow minsk
gomel brest geneva brussels berlin paris london washington warsaw budapest bucharest chisinau prague vienna
rome madrid lisbon amsterdam helsinki stockholm oslo copenhagen riga vilnius tallinn belgrade ankara istanbul
beijing tokyo delhi tehran damascus kabul jerusalem germany france britain england scotland wales ireland
italy spain portugal greece turkey hungary romania moldova slovakia czechia lithuania latvia estonia finland
sweden norway denmark netherlands holland belgium austria switzerland serbia croatia bulgaria georgia armenia
azerbaijan kazakhstan china japan india pakistan iran iraq syria israel egypt libya afghanistan canada mexico
brazil australia taiwan korea arabia emirates qatar transnistria siberia baltic balkans caucasus kremlin
united states kingdom nations north south east west eastern western northern southern central new_york saudi
hong kong zealand dhabi capitol velyka sri lanka republic sea gulf ocean black atlantic pacific nato pentagon
white house downing congress senate parliament bundestag duma rada westminster""")
_DEMONYMS = {"russian": "Russia", "ukrainian": "Ukraine", "american": "United States", "us": "United States",
             "u.s.": "United States", "british": "United Kingdom", "uk": "United Kingdom",
             "german": "Germany", "french": "France", "polish": "Poland", "belarusian": "Belarus",
             "chinese": "China"}
_NATIONS = _set("""russians ukrainians americans briton britons english european europeans germans poles
belarusians japanese hungarian romanian moldovan slovak czech lithuanian latvian estonian finnish swedish
norwegian danish dutch belgian italian spanish portuguese greek israeli iranian syrian indian pakistani
canadian australian georgian chechen crimean irish scottish welsh swiss austrian serbian croatian bulgarian
afghan iraqi arab african asian latin mexican brazilian korean egyptian nordic western eastern allied syrians
georgians moldovans chechens afghans iranians israelis palestinians africans asians indians
republican republicans democrat democrats democratic conservative tory labour liberal
""") | frozenset(_DEMONYMS)
_ORG = _set("""commission council union assembly ministry office agency service committee bank fund army navy
force forces guard division brigade group party government department court organisation organization
institute university college school hospital company corporation corp inc ltd airlines airways network news
times post journal telegraph guardian independent reuters bloomberg interfax associated street square avenue
road river station airport bridge plant port region oblast province district county city town village island
islands mountains cup league championship games olympics ballet theatre theater museum centre center cross
crescent emergency exchange stream pipeline media television tv radio channel club fc security rights watch
amnesty international foundation society association federation alliance coalition movement front church
cathedral palace embassy mission programme program summit conference forum festival war crisis invasion
operation treaty agreement plan report index market fleet regiment battalion corps command gazprom rosneft
lukoil shell apple google microsoft meta facebook twitter amazon netflix visa mastercard boeing airbus
aeroflot paralympics open prix express mirror check starlink oneweb spacex goldman sachs championships act
prize award awards room affairs scheme opera estate railway railways symphony chiefs slam formula sukhoi dow
""")
_PLACE_PREFIX = _set("fort mount lake port cape camp saint st san santa sao los las")
_PARTICLES = _set("von van der den de del della di da du le la bin ibn ter ten dos das zu al")
_HONORIFICS: dict[str, str | None] = {
    word: role or None for word, _, role in (pair.partition(":") for pair in """mr mrs ms miss dr sir dame
    lord lady rev prof:professor gen:general col:colonel lt:lieutenant sgt:sergeant capt:captain adm:admiral
    maj:major sen:senator rep:representative gov:governor pres:president""".split())}
_HEADS = """secretary_of_state secretary-general secretary_general attorney_general director-general
director_general major_general lieutenant_general prime_minister vice_president vice-president
high_commissioner chief_executive chief_of_staff president-elect president minister premier chancellor
adviser advisor aide spokesperson spokesman spokeswoman secretary ambassador envoy diplomat commissioner
chief head commander general colonel lieutenant sergeant captain admiral marshal mayor governor director
chairman chairwoman chairperson chair leader king queen prince princess pope patriarch senator congressman
congresswoman lawmaker legislator mp mep deputy official negotiator representative correspondent reporter
journalist editor analyst economist manager coach goalkeeper player champion ceo founder owner judge
prosecutor speaker professor writer author activist boss oligarch businessman billionaire presenter anchor
ombudsman emir pm skater star medalist athlete gymnast swimmer boxer footballer striker midfielder driver
grandmaster actor actress singer rapper musician model supermodel comedian filmmaker conductor composer
ballerina dancer brigadier commentator columnist pundit broadcaster duke duchess countess taoiseach""".split()
_MODS = """foreign defence defense interior finance economy economic health justice energy trade culture
digital deputy vice presidential press prime first former acting top chief senior state relief refugee
military security national communications cabinet opposition army armed regional city federal assistant
associate executive managing special political international diplomatic global figure tennis chess football
basketball hockey olympic skating gold tv""".split()
_VERBS = """said says told tells announced announces warned warns added adds stated
insisted insists stressed stresses noted claimed claims confirmed confirms explained explains wrote writes
tweeted urged urges argued argues repeated acknowledged admitted denied denies cautioned predicted vowed vows
pledged pledges replied responded accused accuses asked""".split()
_STOP = (_FUNCTION | _PLACES | _NATIONS | frozenset(_HONORIFICS) | frozenset(_VERBS)
         | frozenset(w for h in _HEADS + _MODS for w in re.split("[_-]", h)))
_PREPOSITIONS = _set("in at from to of near into across outside inside around towards for by with via")
_ABBREVIATED_ROLES = {"pm": "prime minister"}


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace("_", r"\s+") for w in sorted(words, key=len, reverse=True))


_CAP = r"[A-Z][\w’'.&-]*"
_NOT_ROLE = rf"(?!(?i:(?:{_alternation(_MODS + _HEADS)})\b))"
_AFF = rf"(?P<aff>{_NOT_ROLE}{_CAP}(?:\s+{_NOT_ROLE}{_CAP}){{0,2}}?)"
_ROLE = rf"(?i:(?:(?:{_alternation(_MODS)})\s+){{0,3}}(?:{_alternation(_HEADS)})(?![\w-]))"
_OFFICE = rf"(?:\s+(?:for|of)\s+(?:the\s+)?{_CAP}(?:\s+{_CAP}){{0,2}})"  # "for Refugees"
_HON = rf"(?P<hon>{_alternation(_HONORIFICS)})\.?"
_VERB = rf"(?P<verb>(?i:{_alternation(_VERBS)}))(?![\w-])"
_LEFT_ROLE = re.compile(rf"(?<![\w’'-])(?:{_AFF}(?:['’]s)?\s+)?(?P<role>{_ROLE}{_OFFICE}?)\s+$")
_LEFT_COMMA_ROLE = re.compile(rf"(?<![\w’'-])(?:(?i:the|its|his|her|their)\s+|{_AFF}['’]s\s+)"
                              rf"(?P<role>{_ROLE}{_OFFICE}?)\s*,\s*$")  # "the defence minister, X"
_LEFT_HON = re.compile(rf"(?<![\w’'-])(?i:{_HON})\s+$")
_LEFT_POSSESSIVE = re.compile(rf"(?<![\w’'-]){_AFF}['’]s\s+$")
_APPOSITIVE = re.compile(rf"\s*,\s*(?:(?i:the|a|an|its|his|her)\s+)?(?:{_AFF}(?:['’]s)?\s+)?"
                         rf"(?P<role>{_ROLE})(?P<tail>\s+(?:of|for|to|at)(?:\s+[^\s,.;:()\"“”]+){{1,6}}?)?"
                         rf"\s*(?=[,.;:)]|$|\s+{_VERB})")
_SPEAKING_FOR = re.compile(rf"\s*,\s*speaking\s+(?:for|on\s+behalf\s+of)\s+(?:the\s+)?{_AFF}")
_FILLER = (r"(?:also|again|later|earlier|then|now|has|had|have|previously|reportedly|repeatedly|"
           r"publicly|once|afterwards|separately|on\s+\w+|last\s+\w+|this\s+\w+|"
           r"in\s+an?\s+[\w-]+(?:\s+[\w-]+){0,2})")
_SPEAKER_AFTER = re.compile(rf"(?:\s*\([^)]{{1,20}}\))?(?:\s*,[^,;]{{1,120}},)?\s+(?:{_FILLER}\s+){{0,3}}"
                            rf"{_VERB}")
_SPEAKER_BEFORE = re.compile(rf"(?:(?:^|[,\"“”‘’'—–:])\s*{_VERB}|(?P<acc>according\s+to))\s+$")
_TOKEN = re.compile(r"(?:[^\W\d_]\.){1,3}|[^\W\d_]+(?:['’-][^\W\d_]+)*")
_NOT_NAME_SHAPE = re.compile(r"[a-z]{3}[A-Z]|^Ex-|-[a-z]|^[A-Z]+s$")  # BlackRock, Ex-PM, Kremlin-backed, MPs
_ARABIC_PARTICLE = re.compile(r"(?:al|el|bin|ibn|abu)-[A-Z]")
_WORD = re.compile(r"[^\W\d_]+")
_POSSESSIVE = re.compile(r"['’]s?$")
_ROLE_TAIL = re.compile(r"\s+(?:for|of|to|at)\s+")
_TRANSLITERATION = re.compile(r"sk(?:iy|yy|yi|ii)\b")  # Zelenskiy, Zelenskyy → zelensky
_NAME_KINDS = ("name", "initial", "particle")




@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    start: int
    end: int
    kind: str
    possessive: bool


@dataclass(frozen=True, slots=True)
class _Candidate:
    sentence: Sentence
    start: int  # offsets in the sentence
    end: int
    proper: int  # name tokens and initials, particles not counted
    title_case: bool
    after_preposition: bool


def extract_people(text: str) -> list[Mention]:
    """People named in `text` (paragraphs separated by blank lines), in order of appearance."""
    return people_in_sentences(split_sentences(text))


def people_in_sentences(sentences: Iterable[Sentence]) -> list[Mention]:
    """`extract_people` of a text already split into its sentences."""
    read = [_read(c) for s in sentences for c in _candidates(s)]
    known = {person_key(m.name) for m, confirmed, proper in read if confirmed and proper > 1}
    surnames = {_surname(k) for k in known}
    return [m for m, confirmed, proper in read
            if confirmed or person_key(m.name) in known or (proper == 1 and person_key(m.name) in surnames)]


def person_key(name: str) -> str:
    """Normalised key: honorific and possessive dropped, accents folded, casefolded."""
    folded = unicodedata.normalize("NFKD", _clean_name(name))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    key = " ".join(folded.replace("’", "'").replace(".", ". ").casefold().split())
    return _TRANSLITERATION.sub("sky", key)


def merge_names(names: Iterable[str]) -> dict[str, str]:
    """Every name mapped to its canonical full form, written as it most often is. A surname
    merges into the one full name that has it, or into one that has over 90% of at least ten
    such mentions; otherwise (two people share it) it stays as it is."""
    given = list(names)
    forms: dict[str, Counter[str]] = {}
    for name in given:
        forms.setdefault(person_key(name), Counter())[_clean_name(name) or name] += 1
    owners: dict[str, Counter[str]] = {}
    for key, written in forms.items():
        if _is_full(key):
            for surname in {_surname(key), key.split()[-1]}:
                owners.setdefault(surname, Counter())[key] += written.total()
    merged = {}
    for name in given:
        key = person_key(name)
        if not _is_full(key) and key in owners:
            (top, count), total = owners[key].most_common(1)[0], owners[key].total()
            key = top if count == total or (count >= 10 and count >= 0.9 * total) else key
        merged[name] = forms[key].most_common(1)[0][0]
    return merged


def describe(mentions: Sequence[Mention]) -> tuple[str | None, str | None]:
    """The best (role, affiliation) for one person: the value most mentions support, then the
    most specific ("High Commissioner for Refugees" over "high commissioner")."""
    role = _best([m.role for m in mentions if m.role])
    fitting = [m.affiliation for m in mentions
               if m.affiliation and (role is None or (m.role and _covers(role, m.role)))]
    return role, _best(fitting or [m.affiliation for m in mentions if m.affiliation])


# Candidates ------------------------------------------------------------------------------------

def _candidates(sentence: Sentence) -> list[_Candidate]:
    text, found = sentence.text, []
    tokens = _tokens(text)
    title_case = _is_title_case(text)
    for first, last in _groups(tokens, text):
        while first <= last and tokens[last].kind != "name":
            last -= 1
        before = tokens[first - 1].kind if first and _joined(text, tokens[first - 1], tokens[first]) else ""
        after = (tokens[last + 1].kind if last + 1 < len(tokens)
                 and _joined(text, tokens[last], tokens[last + 1]) else "")
        proper = sum(t.kind != "particle" for t in tokens[first:last + 1])
        if before == "prefix" or after == "org" or not 0 < proper <= 5:
            continue
        if proper > 1 and _verb_shaped_opener(text, tokens[first]):
            first, proper = first + 1, proper - 1
        if proper <= 4:
            previous = _WORD.findall(text, 0, tokens[first].start)[-1:]
            found.append(_Candidate(sentence, tokens[first].start, tokens[last].end, proper,
                                    title_case, bool(previous) and previous[0] in _PREPOSITIONS))
    return found


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        possessive = word.endswith(("'s", "’s")) and len(word) > 3
        bare = word[:-2] if possessive else word
        tokens.append(_Token(bare, match.start(), match.start() + len(bare), _kind(bare), possessive))
    return tokens


def _kind(word: str) -> str:
    """"name", "initial", "particle"; "org" and "prefix" ("Fort") for words that make the names
    beside them bodies or places; "stop" for other capitalised non-names; else "other"."""
    lowered = word.lower()
    if word.endswith("."):
        return "stop" if lowered in _DEMONYMS or lowered[:-1] in _HONORIFICS else "initial"
    if _ARABIC_PARTICLE.match(word):
        return "name"
    if lowered in _PARTICLES and word.islower():
        return "particle"
    if not word[0].isupper() or word.isupper() or _NOT_NAME_SHAPE.search(word):
        return "other"
    if lowered in _ORG or lowered in _PLACE_PREFIX:
        return "org" if lowered in _ORG else "prefix"
    return "stop" if lowered in _STOP else "name"


def _groups(tokens: list[_Token], text: str) -> list[tuple[int, int]]:
    """Index ranges of name-like tokens joined by spaces only (a possessive ends a group)."""
    groups: list[tuple[int, int]] = []
    for index, token in enumerate(tokens):
        if token.kind not in _NAME_KINDS:
            continue
        if groups and groups[-1][1] == index - 1 and _joined(text, tokens[index - 1], token):
            groups[-1] = (groups[-1][0], index)
        else:
            groups.append((index, index))
    return groups


def _joined(text: str, left: _Token, right: _Token) -> bool:
    gap = text[left.end:right.start]
    return not left.possessive and 0 < len(gap) <= 2 and gap.isspace()


def _verb_shaped_opener(text: str, token: _Token) -> bool:
    """A clause's first word shaped like a verb or participle: "Calling", "Murdered"."""
    before, word = text[:token.start].rstrip(), token.text
    return ((not before or before[-1] in ":\"“‘(—–-") and len(word) >= 6
            and word.endswith(("ing", "ed")) and not word.endswith("med"))


def _is_title_case(text: str) -> bool:
    words = [w for w in _WORD.findall(text)[1:] if len(w) >= 4]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


# Reading one candidate -------------------------------------------------------------------------

def _read(candidate: _Candidate) -> tuple[Mention, bool, int]:
    """The mention, whether it is a person on its own evidence, and its count of name tokens."""
    text, start, end, proper = candidate.sentence.text, candidate.start, candidate.end, candidate.proper
    role, affiliation, prefix = _role_before(text, start)
    if prefix == start and proper > 2:  # "… Commissioner for Refugees Filippo Grandi"
        for token in list(_TOKEN.finditer(text, start, end))[1:3]:
            match = _LEFT_ROLE.search(text, max(0, token.start() - 120), token.start())
            if match and _ROLE_TAIL.search(match.group("role")):
                proper -= len(_TOKEN.findall(text, start, token.start()))
                role, affiliation, prefix = _role_before(text, start := token.start())
                break
    appositive = role is None and affiliation is None
    if appositive:
        role, affiliation = _role_after(text[end:end + 200])
    verb = _speech_verb(text, end, prefix)
    single = proper == 1
    confirmed = (prefix < start or (appositive and role is not None)
                 or (verb is not None and not (single and candidate.after_preposition))
                 or (not single and not candidate.title_case))
    sentence = candidate.sentence
    mention = Mention(" ".join(text[start:end].split()), role, affiliation,
                      sentence.text if verb else None, verb, sentence.text,
                      sentence.start + start, sentence.start + end)
    return mention, confirmed, proper


def _role_before(text: str, start: int) -> tuple[str | None, str | None, int]:
    """Role and affiliation written before the name, and where that title starts."""
    low = max(0, start - 120)
    match = _LEFT_ROLE.search(text, low, start) or _LEFT_COMMA_ROLE.search(text, low, start)
    if match:
        return _role_text(match.group("role")), _affiliation(match.group("aff")), match.start()
    match = _LEFT_HON.search(text, low, start)
    if match:
        return _HONORIFICS[match.group("hon").lower()], None, match.start()
    match = _LEFT_POSSESSIVE.search(text, low, start)
    return None, _affiliation(match.group("aff")) if match else None, start


def _role_after(right: str) -> tuple[str | None, str | None]:
    """A role in apposition: ", Ukraine's foreign minister," / ", the foreign minister of Ukraine"."""
    match = _APPOSITIVE.match(right)
    if match is None:
        match = _SPEAKING_FOR.match(right)
        return None, _affiliation(match.group("aff")) if match else None
    role, affiliation = match.group("role"), _affiliation(match.group("aff"))
    tail = " ".join((match.group("tail") or "").split())
    preposition, _, rest = tail.partition(" ")
    rest = rest.removeprefix("the ")
    if preposition in ("of", "at") and rest[:1].isupper():
        affiliation = affiliation or _affiliation(rest)
    elif tail:
        role = f"{role} {tail}"
    return _role_text(role), affiliation


def _speech_verb(text: str, end: int, prefix: int) -> str | None:
    """The verb when the person speaks: "X said", "X, …, told", "said X", "according to X"."""
    after = _SPEAKER_AFTER.match(text, end)
    if after:
        return after.group("verb").lower()
    before = _SPEAKER_BEFORE.search(text, max(0, prefix - 40), prefix)
    if before:
        return "according to" if before.group("acc") else before.group("verb").lower()
    return None


def _role_text(role: str) -> str:
    """Lower case ("Presidential adviser" → "presidential adviser") unless the office is "for"
    or "to" something named ("High Commissioner for Refugees"); acronyms such as MP stay."""
    if re.search(r"\b(?:for|to)\s+(?:the\s+)?[A-Z]", role):
        return " ".join(role.split())
    return " ".join(_ABBREVIATED_ROLES.get(w.lower(), w if w.isupper() and len(w) > 1 else w.lower())
                    for w in role.split())


def _affiliation(raw: str | None) -> str | None:
    words = _POSSESSIVE.sub("", raw or "").split()
    while words and (words[0].lower() in _FUNCTION or words[0].lower() in _HONORIFICS
                     or (len(words) > 1 and words[0].lower() in _NATIONS)):  # "Russian Chelsea"
        words.pop(0)
    joined = words[-1] if words and words[-1].lower() in _DEMONYMS else " ".join(words)
    return _DEMONYMS.get(joined.lower(), joined) or None


# Names and roles across mentions ---------------------------------------------------------------

def _clean_name(name: str) -> str:
    words = _POSSESSIVE.sub("", name.strip()).split() if len(name.strip()) > 3 else name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in _HONORIFICS:
        words.pop(0)
    return " ".join(words)


def _is_full(key: str) -> bool:
    return sum(word not in _PARTICLES for word in key.split()) > 1


def _surname(key: str) -> str:
    """The last name with its particles: "ursula von der leyen" → "von der leyen"."""
    words = key.split()
    start = len(words) - 1
    while start > 0 and words[start - 1] in _PARTICLES:
        start -= 1
    return " ".join(words[start:])


def _best(values: list[str]) -> str | None:
    """The value that covers most of the others (the same words, or theirs plus modifiers), then
    the one with most words; written as it most often is."""
    if not values:
        return None
    counts = Counter(v.casefold() for v in values)
    scores = {v: sum(n for other, n in counts.items() if _covers(v, other)) for v in counts}
    chosen = max(counts, key=lambda v: (scores[v], len(v.split()), counts[v]))
    return Counter(v for v in values if v.casefold() == chosen).most_common(1)[0][0]


def _covers(specific: str, general: str) -> bool:
    """Whether `general` says no more than `specific`: its core words a subset, the same tail."""
    (core_s, *tail_s), (core_g, *tail_g) = (_ROLE_TAIL.split(r.casefold(), maxsplit=1)
                                            for r in (specific, general))
    return set(core_g.split()) <= set(core_s.split()) and tail_g in ([], tail_s)
