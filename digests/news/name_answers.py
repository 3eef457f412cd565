"""Which and whose: the name a sentence gives for what is asked ("which club", "who did they
beat"), not a name the question itself gives."""

from __future__ import annotations

import re
from collections.abc import Sequence

from digests.news.asked_names import (
    COUNTRY,
    NAME,
    PLACE,
    Wanted,
    capital_by_position,
    is_person,
    name_of_kind,
    wanted,
)
from digests.news.english import is_common_word
from digests.news.extracts import (
    COMPASS,
    POSSESSIVE_END,
    given_words,
    is_given,
    name_in,
    place_in,
)
from digests.news.lexicon import lemma
from digests.news.people_words import PLACES
from digests.news.place_answers import KNOWN_PLACES, place_fits, placed_thing
from digests.news.question import (
    CALENDAR_WORDS,
    KIND_PLACE,
    Question,
)
from digests.news.support import (
    BUY,
    SOLD_TO,
    by_doer_noun,
    given_by_the_question,
    name_doing_it,
)
from digests.news.text import STOPWORDS, words
from digests.news.what_answers import follows_the_question, member_of_kind
from digests.news.word_matching import meets


def name_given(asked: Question, text: str, *, around: bool = False) -> str | None:
    name = _named_as_written(asked, text, around=around)
    if name is None or capital_by_position(name, text) or name.endswith("-based"):
        return None  # "the Austin-based chip designer": where it is, not what it is called
    if _CODE.fullmatch(name) and (year := re.search(rf"\b((?:19|20)\d\d)\s+{re.escape(name)}\b", text)):
        name = f"{year.group(1)} {name}"  # "the asteroid 2008 EV5": a designation begins with its year
    if asked.kind == KIND_PLACE and POSSESSIVE_END.sub("", name).casefold() in CALENDAR_WORDS:
        return None  # "Friday's bus accident in Kullu district": a day, not a place
    if given_by_the_question(asked, name):
        return None  # "what kinda firm is cobalt ridge": not "Cobalt Ridge Partners"
    if (asked.kind != KIND_PLACE and " " not in name and text.lstrip(" \"'‘“").startswith(name)
            and is_common_word(name.casefold()) and name.casefold() not in PLACES
            and not name.endswith("s")):  # "Rams beat Bengals": a side's name is a plural
        # "Debut collection wins Wenlock Prize": a headline's first word, no name; the sentence
        # may name one further on ("Finance chief Priya Lomas will take over")
        rest = text.lstrip(" \"'‘“")[len(name):]
        return name_given(asked, rest, around=around) if rest.strip() else None
    if re.match(rf"\s*[A-Z][A-Z .,'-]+,(?:\s+[A-Z][\w.]+,){{0,2}}\s+[A-Z][a-z]+\.?\s+\d{{1,2}}\s+"
                rf"\({re.escape(name)}\)", text):
        return None  # "SOFIA, Oct 12 (CPA) - …": the agency that filed it
    if asked.kind != KIND_PLACE and _tail_of_a_name(name, text):
        return None
    if re.search(rf"\b(?:named|renamed|called)\s+(?:after|for)\s+(?:the\s+|an?\s+)?{re.escape(name)}", text):
        return None  # "penguin named after Waipara farmer": whom or where the name honours
    if " " not in name and (epithet := re.search(rf"(?<!\w){re.escape(name)}{_EPITHET}", text)):
        return epithet.group()  # "Caelodraco purbeckensis": a species is named by two words
    if asked.kind != KIND_PLACE and _NAME_ASKED.search(asked.text) and _where_it_is(name, text) \
            and ((want := wanted(asked)) is None or want.kind != PLACE):
        return None  # "what's the name of the boat": not "Nsazi" it travelled from
    return name


_NAME_ASKED = re.compile(r"\bname\b|\bcalled(?:\W*$|\s+(?:that|which|who)\b)", re.IGNORECASE)
_PLACED_BEFORE = re.compile(r"\b(?:near|from|off|outside|in|on|at|into)\s+(?:the\s+)?$", re.IGNORECASE)
_MADE_IN = re.compile(r"[A-Z][\w.]*-(?-i:led|made|owned|backed|built|funded|run|linked|born|based)")


def _where_it_is(name: str, text: str) -> bool:
    """What a thing's name asked for is not: the place it is in or near ("turkey farm near
    Cheselbury", "travelling from Nsazi", "Manitoba"), a compass point ("East Antarctic") or where
    it was made ("Indian-made dengue vaccine", "the UK-led Halcyon")."""
    bare = POSSESSIVE_END.sub("", name).casefold()
    if bare in KNOWN_PLACES or bare in COMPASS or _MADE_IN.fullmatch(name):
        return True
    at = text.find(name)
    return at > 0 and _PLACED_BEFORE.search(text, max(0, at - 20), at) is not None


_CODE = re.compile(r"[A-Z]{1,3}\d{1,4}")
_EPITHET = r"\s+(?-i:[a-z]{3,}(?:ensis|ii|ae|orum|oides))\b"  # a species' name after its genus


_OF_A_NAME = re.compile(r"\b[A-Z][\w'’-]*\s+of\s+(?:the\s+)?$")


def _tail_of_a_name(name: str, text: str) -> bool:
    """"Year People's Choice" in "Wildlife Photographer of the Year People's Choice": the end of
    a longer name, which is what the text names (a place may be one: "Republic of Moldova")."""
    at = text.find(name)
    return (at > 0 and name[:1].isupper() and name.casefold() not in KNOWN_PLACES
            and _OF_A_NAME.search(text, max(0, at - 40), at) is not None)


def an_unnamed_one(asked: Question, text: str) -> bool:
    """"Which island was he imprisoned on": "… on a craggy island off Taiwan" says there was
    one, not which; "the island of Green Island", "Lake Mead", "Coda, a film about…" or
    "melatonin as a sleep aid" would."""
    want = wanted(asked)
    if want is None or not want.nouns:
        return False
    noun = f"(?i:{re.escape(want.head or want.nouns[-1])})"  # "Lake Mead", "Green Island"
    one = re.search(rf"(?<!\bas\s)(?<!,\s)\b(?:a|an|another)\s+(?:[a-z][\w'’-]*\s+){{0,2}}{noun}(?:e?s)?\b"
                    rf"(?!\s+(?:such\s+as|like|called|named|known)\b)", text)
    named = re.search(rf"\b(?:the|this|that|its)\s+(?:[\w'’-]+\s+){{0,2}}{noun}"  # "the island" is one said
                      rf"|[A-Z][\w'’-]*\s+{noun}\b|\b{noun}(?:e?s)?(?:\s+of)?\s+[A-Z]"
                      rf"|\b{noun}(?:e?s)?,?\s+(?:called|named|known)\b", text)
    return one is not None and named is None and _kind_then_its_name(asked, want, text) is None


def _named_as_written(asked: Question, text: str, *, around: bool = False) -> str | None:
    want = wanted(asked)
    if want is not None and want.kind == NAME and not around \
            and (aligned := follows_the_question(asked, text)):
        return aligned
    buyer = SOLD_TO.search(text) if BUY in asked.verbs and not around else None
    if buyer is not None and want is not None and want.kind != PLACE:
        return buyer.group("buyer")  # "which company bought …": "Sting sells it to Universal"
    if asked.kind == KIND_PLACE or (want is not None and want.kind == PLACE):
        if want is not None and want.kind == COUNTRY:
            return name_of_kind(text, asked, want, around=around)
        place = place_in(text, asked)
        return place if place and place_fits(asked, want, place) else None
    if not around and (member := member_of_kind(asked, want, text)):
        return member  # "what disease": "a high risk of cholera", a member the lexicon lists
    if want is not None:
        typed = (want.kind == NAME and not around and _kind_then_its_name(asked, want, text)) or \
            name_of_kind(text, asked, want, around=around)
        if typed is not None and want.kind == NAME and _names_what_is_given(typed, asked, want):
            return None
        if typed is None and want.kind == NAME and not around:
            typed = _kind_said(asked, want, text)  # "which sleep aid": "melatonin as a sleep aid"
        if typed is not None or want.kind != NAME:
            return typed  # "which senator": a person, not "West Virginia"
    doer = (asked.verbs and not OBJECT_ASKED.search(asked.text)  # "taking over from whom": no doer
            and not by_doer_noun(asked, text))  # "named X as its conductor": X, whoever named
    name = name_doing_it(text, asked) if doer else name_in(text, asked)
    if name is not None and want is not None and (
            is_person(name, text) or _cited(name, text) or placed_thing(name, want.nouns)
            or _names_what_is_given(name, asked, want)
            or name.endswith("-born")
            or re.search(rf"\b(?:that|which|who)\s+[a-z]+\s+{re.escape(name)}", text) is not None
            or not (asked.verbs or _near(name, text, want.nouns[-1:]))):  # a doer of the event asked
        return None  # "which three drugs": not the reporter, the paper, an "Olympic doping case";
    return name  # "the name of the cruise ship": not the "Caribbean" of its voyage, nor what the
    # game "that fights Covid" fights


def _kind_then_its_name(asked: Question, want: Wanted, text: str) -> str | None:
    """A name written in lower case right after the kind, between commas: "a new antibiotic,
    halomycin B, from bacteria" (not "B", its only capital)."""
    kind = r"\s+".join(re.escape(noun) + r"\w{0,2}" for noun in want.nouns[-2:])
    found = re.search(rf"\b{kind},\s+(?P<x>[a-z][\w'’-]*(?:\s+[\w'’-]+)?),", text)
    if found is None:
        return None
    kept = words(found.group("x"))
    if any(w.lower() in STOPWORDS for w in kept) or all(is_given(w, given_words(asked)) for w in kept):
        return None
    return found.group("x")


def _kind_said(asked: Question, want: Wanted, text: str) -> str | None:
    """A thing of the kind asked that the sentence writes in lower case, by how it says the
    kind: "melatonin as a sleep aid", "sleep aids such as melatonin"."""
    kind = r"\s+".join(re.escape(noun) + r"\w{0,2}" for noun in want.nouns[-2:])
    found = (re.search(rf"(?P<x>[a-z][\w-]+(?:\s+[a-z][\w-]+)?)\s+as\s+(?:an?|the)\s+{kind}\b", text)
             or re.search(rf"\b{kind}\s+(?:such\s+as|like|called|named|known\s+as)\s+"
                          rf"(?P<x>[a-z][\w-]+(?:\s+[a-z][\w-]+)?)", text))
    if found is None:
        return None
    given = given_words(asked)
    kept = [w for w in words(found.group("x")) if w.lower() not in STOPWORDS]
    if not kept or all(is_given(w, given) for w in kept):
        return None
    return " ".join(kept)


def _names_what_is_given(name: str, asked: Question, want: Wanted) -> bool:
    """"Which museum will the chalk drum go on display at": "the Burton Agnes drum" names the
    drum the question gives, not the museum it asks for."""
    if {"name", "names", "nickname", "title"} & set(want.nouns):
        return False  # "the new name for the gypsy moth": a moth's name is asked
    last = lemma(name.split()[-1].lower())
    return last in asked.terms and last not in {lemma(n) for n in want.nouns}


OBJECT_ASKED = re.compile(r"^\s*who\b.*\b(?:from|to|with|against)(?:\s*[?.!]*\s*$|\s+(?:on|in|at|for)\b)",
                           re.IGNORECASE)  # "who's X taking over from (on the show)": the one it is done to
_NEAR_WORDS = 4


def _near(name: str, text: str, nouns: Sequence[str]) -> bool:
    """Whether the text writes `name` within a few words of a word the question calls the
    thing asked for by ("the drugs trimetazidine, …", "Coda, a film about …")."""
    tokens = [w.lower() for w in words(text)]
    wanted = {lemma(n) for n in nouns}
    spots = [i for i, w in enumerate(tokens) if meets(lemma(w), wanted)]
    first = words(name)[0].lower() if words(name) else ""
    at = [i for i, w in enumerate(tokens) if w == first]
    return any(abs(i - j) <= _NEAR_WORDS for i in at for j in spots)


def _cited(name: str, text: str) -> bool:
    """Whether the text names `name` only as its source ("according to a New York Times report")."""
    return re.search(rf"\baccording\s+to\s+(?:an?\s+|the\s+)?{re.escape(name)}\b", text) is not None
