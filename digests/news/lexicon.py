"""News language for matching a question with a sentence: lemmas, and words that say the same.

A member asks "how many soldiers did the US send?" and the item says "3,800 troops were
ordered": the words never meet. `lemma` reduces a word to its base form (irregular verbs by
table, regular endings by rule) and `family` gives the lemmas that news uses for the same thing
(troop, soldier, force; send, order, deploy). The families are written here for news wording;
no general thesaurus is used: it would also join words news keeps apart ("fire" and "sack").
Stemming is Snowball's (snowballstemmer, the stemmer Sphinx and many search tools use).
"""

from __future__ import annotations

import threading
import unicodedata
from functools import lru_cache

import snowballstemmer

_IRREGULAR = {
    "fled": "flee", "fleeing": "flee", "flees": "flee", "left": "leave", "leaving": "leave",
    "sent": "send", "died": "die", "dying": "die", "dead": "die", "death": "die", "deaths": "die",
    "killed": "kill", "won": "win", "winning": "win", "lost": "lose", "losing": "lose",
    "held": "hold", "holding": "hold", "met": "meet", "meeting": "meet", "said": "say",
    "says": "say", "told": "tell", "sold": "sell", "bought": "buy", "paid": "pay",
    "fell": "fall", "fallen": "fall", "rose": "rise", "risen": "rise", "rising": "rise",
    "grew": "grow", "grown": "grow", "began": "begin", "begun": "begin", "spent": "spend",
    "struck": "strike", "hit": "hit", "shot": "shoot", "caught": "catch", "brought": "bring",
    "built": "build", "cut": "cut", "cuts": "cut", "cutting": "cut", "set": "set", "led": "lead",
    "chose": "choose", "chosen": "choose", "took": "take", "taken": "take", "gave": "give",
    "given": "give", "made": "make", "went": "go", "gone": "go", "came": "come", "saw": "see",
    "seen": "see", "found": "find", "fought": "fight", "wounded": "wound", "injured": "injure",
    "women": "woman", "men": "man", "children": "child", "people": "people", "lives": "life",
    "ran": "run", "running": "run", "quit": "quit", "laid": "lay", "forces": "force",
    "arrested": "arrest", "stolen": "steal", "stole": "steal", "hired": "hire", "fired": "fire",
    "shut": "shut", "closed": "close", "beaten": "beat", "beat": "beat", "broke": "break",
    "broken": "break", "wrote": "write", "written": "write", "spoke": "speak", "spoken": "speak",
    "kept": "keep", "flew": "fly", "flown": "fly", "drew": "draw", "drawn": "draw", "threw": "throw",
    "thrown": "throw", "sank": "sink", "sunk": "sink", "froze": "freeze", "frozen": "freeze",
    "hid": "hide", "hidden": "hide", "stood": "stand", "sought": "seek", "taught": "teach",
    "thought": "think", "heard": "hear", "redid": "redo", "redone": "redo", "wore": "wear",
    "worn": "wear", "swore": "swear", "trialled": "trial", "trialling": "trial", "fuelled": "fuel",
    "fuelling": "fuel", "dialled": "dial", "dialling": "dial",  # Snowball keeps their "ll"
    "sworn": "swear", "withdrew": "withdraw", "withdrawn": "withdraw", "overthrew": "overthrow",
    "overthrown": "overthrow", "upheld": "uphold", "withheld": "withhold", "rebuilt": "rebuild",
    "shook": "shake", "shaken": "shake", "sang": "sing", "sung": "sing", "rang": "ring", "swam": "swim",
    "swum": "swim", "drank": "drink", "ate": "eat", "eaten": "eat", "drove": "drive", "driven": "drive",
    "rode": "ride", "ridden": "ride", "woke": "wake", "woken": "wake", "bitten": "bite", "hung": "hang",
    "dug": "dig", "bled": "bleed", "slid": "slide", "spun": "spin", "stuck": "stick", "lent": "lend",
    "knew": "know", "blew": "blow", "blown": "blow", "forgot": "forget", "forgotten": "forget",
    "became": "become", "overtook": "overtake", "overtaken": "overtake", "understood": "understand",
    "meant": "mean", "slept": "sleep", "swept": "sweep", "wept": "weep", "dealt": "deal", "arose": "arise",
    "arisen": "arise", "shone": "shine", "stung": "sting", "swung": "swing", "burnt": "burn",
    "learnt": "learn", "spilt": "spill", "leapt": "leap", "knelt": "kneel",
}
_STEMMERS = threading.local()  # a Snowball stemmer keeps state: one per thread


def is_verb_form(word: str) -> bool:
    """Whether a word is written as a verb inflects ("chosen", "decided", "sinking"): a word of
    the language, never a name no stored sentence happens to hold."""
    lowered = word.lower()
    return lowered in _IRREGULAR or (len(lowered) > 5 and lowered.endswith(("ed", "ing")))


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """A word's base form for matching: irregular forms by table ("fled" → "flee"), then the
    Snowball English stemmer ("evacuated" and "evacuate" → "evacu", "troops" → "troop")."""
    lowered = word.lower()
    if not lowered.isascii():  # "Pokémon" is the "pokemon" a member types
        lowered = "".join(c for c in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(c))
    stemmer = getattr(_STEMMERS, "english", None)
    if stemmer is None:
        stemmer = _STEMMERS.english = snowballstemmer.stemmer("english")
    return str(stemmer.stemWord(_IRREGULAR.get(lowered, lowered)))


# Each line: lemmas that news uses for the same thing. A word may be in one family only.
_FAMILIES_TEXT = """
troop soldier force serviceman servicemen military personnel army
docker dockworker longshoreman stevedore
send order deploy dispatch deployment reinforcement
flee leave escape refugee evacuate evacuee displace exodus
kill die death dead life fatality casualty toll morgue
injure injury wound hurt
talk negotiation negotiator meet summit
ceasefire truce
attack strike shell shelling bomb bombing missile rocket airstrike
invade invasion offensive incursion
sanction embargo
ban prohibit outlaw block restrict illegal criminalise criminalize suspend suspension
arrest detain custody
sack dismiss layoff redundancy job lay axe fire
buy acquire acquisition purchase takeover buyout
sell sale fetch
price cost
rise increase climb grow growth jump surge soar
fall drop decrease decline plunge slump
win victory triumph
lose defeat
beat stun thrash overcome hammer rout thump
resign quit step
appoint name
pick nominee nomination nominate nom nod candidate
vote ballot election poll
president presidency
leader head chief boss
company firm business
country nation
city town
say tell state announce claim
case infection
live resident inhabitant population
song track single
film movie
book novel
fine penalty
aid assistance help
weapon arm munition
oil crude
inflation
unemployment jobless
pay salary wage
profit earning
spend spending budget
child kid pupil
woman women
boat ship vessel ferry
plane aircraft jet flight
car vehicle
staff staffer worker employee workforce job employ work
night overnight
mudslide landslide landslip
stab knife knifing
float flotation listing ipo
doorman bouncer
fridge refrigerate refrigerator
record biggest largest highest strongest giant
factory plant
repair fix mend
nap doze snooze
gadget device
trainee student apprentice intern
bar pub boozer
destroy wreck ruin devastate demolish flatten raze
rubbish garbage trash litter
variant subvariant strain offshoot lineage
huge massive enormous vast immense
dump landfill
cry tear weep sob
crowd spectator heckler audience attendance
police cop gardai garda officer
speak speech address
invoke mention cite evoke
site platform website
regulator watchdog
quake earthquake tremor
house home property
burn torch incinerate
cocaine coke
restaurant outlet shop store branch
join sign
covid coronavirus
miss missing disappear disappearance vanish
hit slap smack punch
croc crocodile
rail railway railroad
dig unearth excavate excavation
headless decapitated decapitate behead beheaded
title champion championship crown
visit trip
begin start
birth born
jab vaccine vaccination vaccinate inoculation inoculate
annex seize grab
worth value valuation
haul seizure
paper newspaper tabloid
gator alligator
tyre tire
collapse disintegrate crumble
explode explosion blast
junction interchange
law legal legislation
wed wedding marry marriage
plough plow ram smash crash collide collision
kidnap abduct abduction
publish release
requirement rule duty obligation
score bag
earn pocket collect
clone copycat knockoff
flat apartment
hold host
wildfire blaze bushfire
cancel cancellation scrap abandon
money fund funding cash
build construct construction
baby infant newborn
quick fast rapid swift
storyline plotline
picture photo photograph pic image
crypto cryptocurrency
scam fraud swindle
bunker shelter
sick ill ail ailment illness
pile pileup
spacecraft probe orbiter lander
move shift relocate relocation transfer
open reopen reopening
close shut closure
hint suggest
radiation radioactive radioactivity
jan january
feb february
apr april
aug august
sept september
oct october
nov november
prison jail imprison imprisonment sentence
restore reinstate reconnect
rehab rehabilitate rehabilitation
try trial jury juror
stadium ground arena
observer monitor
launch liftoff blastoff
hack hacker breach cyberattack intrusion
data information info detail
leak expose compromise
sink capsize overturn
fault glitch malfunction failure
gang crew
spot discover discoverer sight
rescue survive survivor save refloat
mp mps deputy lawmaker legislator parliamentarian
parliament assembly legislature
game match fixture
guy man bloke
surgery operation op
convict conviction guilty
charge count offence offense
customer user subscriber
""".strip()


def _families(text: str) -> tuple[dict[str, frozenset[str]], dict[str, tuple[str, ...]]]:
    """Each lemma's family as lemmas, and as words (for a full-text search, which stems alike)."""
    lemmas: dict[str, frozenset[str]] = {}
    written: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        members = frozenset(lemma(word) for word in line.split())
        for member in members:
            lemmas[member] = members
            written[member] = tuple(line.split())
    return lemmas, written


_FAMILY, _FAMILY_WORDS = _families(_FAMILIES_TEXT)


# Each line: a word for a kind of thing, and the kinds of it. One way only: a question asking
# "what sport" is answered by "curling", but curling is not tennis.
_KINDS_TEXT = """
people: man men woman women child children adult adults resident residents civilian civilians person
  mourner mourners crowd crowds attendee attendees
sport: football soccer tennis golf cricket rugby curling curler skiing skier snowboarding
  snowboarder skating skater hockey basketball baseball boxer athletics cycling cyclist
  swimming swimmer darts snooker badminton volleyball netball sprinting sprinter bobsleigh
crime: fraud murder manslaughter theft robbery burglary assault rape bribery corruption laundering
  embezzlement smuggling trafficking kidnapping arson terrorism perjury extortion racketeering
  stalking harassment blackmail forgery espionage treason
disease: cholera measles mumps typhoid malaria ebola covid coronavirus flu influenza mpox monkeypox
  tuberculosis dengue polio diphtheria meningitis hepatitis legionnaires salmonella listeria
  anthrax rabies plague zika marburg norovirus pertussis
instrument: piano guitar violin cello viola drums saxophone trumpet flute clarinet oboe harp sitar
  tabla organ banjo ukulele accordion harmonica bagpipes trombone tuba
breed: terrier spaniel labrador retriever poodle bulldog collie dachshund beagle husky greyhound
  whippet pug chihuahua rottweiler doberman mastiff setter pointer corgi schnauzer alsatian lurcher
""".strip()


def _kinds(text: str) -> dict[str, frozenset[str]]:
    kinds: dict[str, frozenset[str]] = {}
    for entry in text.replace("\n ", " ").splitlines():
        word, _, members = entry.partition(":")
        kinds[lemma(word.strip())] = frozenset(lemma(m) for m in members.split())
    return kinds


_KINDS = _kinds(_KINDS_TEXT)


def kinds_of_lemma(base: str) -> frozenset[str]:
    """The lemmas of the kinds of what `base` names ("sport": curling, tennis…), if listed."""
    return _KINDS.get(base, frozenset())


def doers_of(base: str) -> frozenset[str]:
    """The nouns for one who does what a verb's lemma says ("conduct": conductor; "speak":
    speaker; "chair": chairman), as lemmas."""
    return frozenset(f"{base}{end}" for end in ("er", "r", "or", "man", "woman", "person"))


def is_news_word(word: str) -> bool:
    """Whether a word is one of the news words the families list ("death", "toll", "troops")."""
    return lemma(word) in _FAMILY


def family(word: str) -> frozenset[str]:
    """The lemmas that say what `word` says in news (itself included)."""
    base = lemma(word)
    return _FAMILY.get(base, frozenset({base}))


def family_of_lemma(base: str) -> frozenset[str]:
    """`family` of a word already reduced to its lemma."""
    return _FAMILY.get(base, frozenset({base}))


@lru_cache(maxsize=65536)
def canonical(word: str) -> str:
    """One lemma standing for `word`'s whole family (the same for every member)."""
    return min(family(word))


def other_words(base: str) -> tuple[str, ...]:
    """The words of a lemma's family, as written: what a search for it should also look for."""
    return _FAMILY_WORDS.get(base, ())


def same_meaning(left: str, right: str) -> bool:
    return lemma(right) in family(left)
