"""The vocabulary of people in news: function words, places, nations and demonyms,
organisations, honorifics, roles and their modifiers, speech verbs, and the patterns built from
them. Data only: `people` and `names` read with it."""

from __future__ import annotations

import re
from collections.abc import Iterable


def _set(block: str) -> frozenset[str]:
    return frozenset(block.replace("_", " ").lower().split())


FUNCTION = _set("""a an the and or but nor of to in on at by for with from as into onto over under after
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
DEMONYMS = {"russian": "Russia", "ukrainian": "Ukraine", "american": "United States", "us": "United States",
            "u.s.": "United States", "british": "United Kingdom", "uk": "United Kingdom",
            "german": "Germany", "french": "France", "polish": "Poland", "belarusian": "Belarus",
            "chinese": "China"}
NATIONS = _set("""russians ukrainians americans briton britons english european europeans germans poles
belarusians japanese hungarian romanian moldovan slovak czech lithuanian latvian estonian finnish swedish
norwegian danish dutch belgian italian spanish portuguese greek israeli iranian syrian indian pakistani
canadian australian georgian chechen crimean irish scottish welsh swiss austrian serbian croatian bulgarian
afghan iraqi arab african asian latin mexican brazilian korean egyptian nordic western eastern allied syrians
georgians moldovans chechens afghans iranians israelis palestinians africans asians indians
republican republicans democrat democrats democratic conservative tory labour liberal
""") | frozenset(DEMONYMS)
ORG = _set("""commission council union assembly ministry office agency service committee bank fund army navy
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
PLACE_PREFIX = _set("fort mount lake port cape camp saint st san santa sao los las")
PARTICLES = _set("von van der den de del della di da du le la bin ibn ter ten dos das zu al")
HONORIFICS: dict[str, str | None] = {
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
STOP = (FUNCTION | _PLACES | NATIONS | frozenset(HONORIFICS) | frozenset(_VERBS)
        | frozenset(w for h in _HEADS + _MODS for w in re.split("[_-]", h)))
PREPOSITIONS = _set("in at from to of near into across outside inside around towards for by with via")
ABBREVIATED_ROLES = {"pm": "prime minister"}


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace("_", r"\s+") for w in sorted(words, key=len, reverse=True))


_CAP = r"[A-Z][\w’'.&-]*"
_NOT_ROLE = rf"(?!(?i:(?:{_alternation(_MODS + _HEADS)})\b))"
_AFF = rf"(?P<aff>{_NOT_ROLE}{_CAP}(?:\s+{_NOT_ROLE}{_CAP}){{0,2}}?)"
_ROLE = rf"(?i:(?:(?:{_alternation(_MODS)})\s+){{0,3}}(?:{_alternation(_HEADS)})(?![\w-]))"
_OFFICE = rf"(?:\s+(?:for|of)\s+(?:the\s+)?{_CAP}(?:\s+{_CAP}){{0,2}})"  # "for Refugees"
_HON = rf"(?P<hon>{_alternation(HONORIFICS)})\.?"
_VERB = rf"(?P<verb>(?i:{_alternation(_VERBS)}))(?![\w-])"
LEFT_ROLE = re.compile(rf"(?<![\w’'-])(?:{_AFF}(?:['’]s)?\s+)?(?P<role>{_ROLE}{_OFFICE}?)\s+$")
LEFT_COMMA_ROLE = re.compile(rf"(?<![\w’'-])(?:(?i:the|its|his|her|their)\s+|{_AFF}['’]s\s+)"
                             rf"(?P<role>{_ROLE}{_OFFICE}?)\s*,\s*$")  # "the defence minister, X"
LEFT_HON = re.compile(rf"(?<![\w’'-])(?i:{_HON})\s+$")
LEFT_POSSESSIVE = re.compile(rf"(?<![\w’'-]){_AFF}['’]s\s+$")
APPOSITIVE = re.compile(rf"\s*,\s*(?:(?i:the|a|an|its|his|her)\s+)?(?:{_AFF}(?:['’]s)?\s+)?"
                        rf"(?P<role>{_ROLE})(?P<tail>\s+(?:of|for|to|at)(?:\s+[^\s,.;:()\"“”]+){{1,6}}?)?"
                        rf"\s*(?=[,.;:)]|$|\s+{_VERB})")
SPEAKING_FOR = re.compile(rf"\s*,\s*speaking\s+(?:for|on\s+behalf\s+of)\s+(?:the\s+)?{_AFF}")
_FILLER = (r"(?:also|again|later|earlier|then|now|has|had|have|previously|reportedly|repeatedly|"
           r"publicly|once|afterwards|separately|on\s+\w+|last\s+\w+|this\s+\w+|"
           r"in\s+an?\s+[\w-]+(?:\s+[\w-]+){0,2})")
SPEAKER_AFTER = re.compile(rf"(?:\s*\([^)]{{1,20}}\))?(?:\s*,[^,;]{{1,120}},)?\s+(?:{_FILLER}\s+){{0,3}}"
                           rf"{_VERB}")
SPEAKER_BEFORE = re.compile(rf"(?:(?:^|[,\"“”‘’'—–:])\s*{_VERB}|(?P<acc>according\s+to))\s+$")
TOKEN = re.compile(r"(?:[^\W\d_]\.){1,3}|[^\W\d_]+(?:['’-][^\W\d_]+)*")
NOT_NAME_SHAPE = re.compile(r"[a-z]{3}[A-Z]|^Ex-|-[a-z]|^[A-Z]+s$")  # BlackRock, Ex-PM, Kremlin-backed, MPs
ARABIC_PARTICLE = re.compile(r"(?:al|el|bin|ibn|abu)-[A-Z]")
WORD = re.compile(r"[^\W\d_]+")
POSSESSIVE = re.compile(r"['’]s?$")
ROLE_TAIL = re.compile(r"\s+(?:for|of|to|at)\s+")
TRANSLITERATION = re.compile(r"sk(?:iy|yy|yi|ii)\b")  # Zelenskiy, Zelenskyy → zelensky
NAME_KINDS = ("name", "initial", "particle")
