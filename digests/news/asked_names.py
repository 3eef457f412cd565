"""What a "which …" question asks to be named, and that name in a sentence.

"Which senator said he would vote for Jackson" wants a person ("Joe Manchin", not "West
Virginia"); "which country was the first to…" a country; "what was the first big city the
Russians captured" a place; "which nuclear power plant was shelled" the name that the sentence
gives that kind of thing ("the Zaporizhzhia nuclear power plant", "a yacht named Phi").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from digests.news.extracts import BINOMIAL as _BINOMIAL
from digests.news.extracts import POSSESSIVE_END, binomial_in, given_words, is_given
from digests.news.lexicon import is_verb_form, lemma
from digests.news.people import extract_people
from digests.news.people_words import COUNTRIES, DEMONYMS, ORG_NOUNS, PERSON_POSTS, PLACES
from digests.news.question import Question
from digests.news.text import STOPWORDS, words
from digests.news.word_matching import meets

PERSON, COUNTRY, PLACE, NAME = "person", "country", "place", "name"

_NAME_OF = (r"(?:(?:full|actual|official|real|proper|scientific)\s+)?name\s+"
            r"(?:of|(?:they|scientists|researchers)\s+(?:gave|have\s+given)(?:\s+to)?)\s+(?:the\s+|this\s+|that\s+)?")
_ASKED = re.compile(r"^\s*(?:(?:in|at|from|for|to|by|on|with)\s+)?(?:which|what)"
                    rf"(?:['’]?s\s+(?:the\s+)?{_NAME_OF}|\s+(?:(?:is|was|are|were)\s+(?:the\s+)?(?:{_NAME_OF})?)?)"
                    r"(?P<words>[\w'’-]+(?:\s+[\w'’-]+){0,4})", re.IGNORECASE)
# The words of the posts and plain words for a person.
_PERSON_NOUNS = PERSON_POSTS | frozenset("""person man woman boy girl men women people politician figure
celebrity""".split())
_COUNTRY_NOUNS = frozenset({"country", "nation"})
_PLACE_NOUNS = frozenset("""city town village region province state island capital district county
port area street road avenue square suburb neighbourhood neighborhood""".split())
_NAME_NOUNS = ORG_NOUNS | frozenset({"name", "title", "nickname"}) | frozenset("""policy token coin
disease virus drug product scheme law plan system spray chemical chemicals ingredient technique method
trick rule mission variant device gadget phone model character symbol hashtag
gang crew collective outfit syndicate cartel""".split())  # "what hacker crew": its name, not a hacker
_KIND_NOUNS = {**{w: PERSON for w in _PERSON_NOUNS}, **{w: COUNTRY for w in _COUNTRY_NOUNS},
               **{w: PLACE for w in _PLACE_NOUNS}, **{w: NAME for w in _NAME_NOUNS}}
_A_KIND_OF = frozenset("kind kinda kind-of type sort sorta".split())
_PAST_FORMS = frozenset("""won beat took got made led lost sold bought wrote ran gave went came saw struck
shot sent kept held brought began drew""".split())
# A work is named after the word its news calls it by, which need not be the question's: "which
# album won": "her second record, Low Tide Hymns"; "what book": "her collection Tidewrack"
_WORK_KINDS = tuple(frozenset(lemma(w) for w in line.split()) for line in """
book novel collection memoir anthology
album record ep
song single track
film movie drama documentary comedy thriller
series show sitcom drama
play musical opera
painting portrait sculpture""".strip().splitlines())
_TIME_NOUNS = frozenset("day date time year month week hour".split())
_NOUN_WORDS = 4  # "first big city", "pakistani leader", "nuclear power plant"
_COUNTRIES = {c.casefold(): c for c in COUNTRIES}
# One pattern for every country's name, the longest first ("south korea" before "korea")
_COUNTRY_NAMES = re.compile(r"(?<!\w)(?:"
                            + "|".join(re.escape(k) for k in sorted(_COUNTRIES, key=len, reverse=True))
                            + r")(?!\w)")
# "what do the locals call the Italian bear", "what's that chalk drum sculpture called": the
# thing's name is asked, the words after "call" (or before "called") say what it is.
_CALLED = re.compile(r"^\s*what\s+(?:do|does|did)\s+(?:[\w'’-]+\s+){0,3}?call\s+(?:the\s+|that\s+|this\s+)?"
                     r"(?P<words>[\w'’-]+(?:\s+[\w'’-]+){0,4})"
                     r"|^\s*what(?:['’]?s|\s+is|\s+was|\s+are|\s+were)\s+(?:the\s+|that\s+|this\s+)?"
                     r"(?P<thing>[\w'’-]+(?:\s+[\w'’-]+){0,8}?)\s+called"
                     r"(?:\s+(?:this|last|next)\s+(?:year|season|month|week)|\s+now)?\s*[?.!]*\s*$"
                     r"|^\s*what\s+will\s+(?:the\s+|that\s+|this\s+)?(?P<future>[\w'’-]+(?:\s+[\w'’-]+){0,4}?)\s+be\s+"
                     r"(?:called|named)\s*[?.!]*\s*$",  # "what will the new footbridge be called"
                     re.IGNORECASE)
_NAMED = re.compile(r"\b(?:named|nicknamed|renamed|christened|called|dubbed|designated|known\s+as"
                    r"|call(?:s|ing)\s+(?:itself|themselves|himself|herself))\s+"
                    r"(?:[Tt]he\s+)?[\"“‘']?"
                    rf"(?P<name>{_BINOMIAL}|[A-Z][\w'’.-]*(?:[^\S\n]+(?:(?:of|the|and|de|du|la|le)[^\S\n]+){{0,2}}"
                    r"[A-Z][\w'’.-]*){0,6})")
# A species' name, its genus then its epithet, given to a new one: "a new titanosaur, Chubutitan
# invernalis, from fossils"
_BINOMIAL_AT = re.compile(rf"\bnew\s+(?:[\w'’-]+\s+){{0,2}}?[a-z]+,\s+(?P<name>{_BINOMIAL})[,.]")
# A quoted phrase, in double or single quotes ("opened with 'Vine Harvest'"; a single quote only
# where no letter is joined to it, not the apostrophe of "Britain's", and round a capital, not the
# scare quotes of "its 'amazing' revival")
_QUOTED_SPAN = (r"[\"“](?P<double>[^\"“”]{{2,{n}}}?)[\"”]"
                r"|(?:‘|(?<![\w’'])')(?P<single>{first}(?:[^‘’'\"“”]|['’](?=\w)){{1,{n}}}?)[’'](?![\w’'])")
_QUOTED = re.compile(_QUOTED_SPAN.format(n=40, first="[A-Z0-9]"))  # a short one: a name given in quotes
_LONG_QUOTED = re.compile(_QUOTED_SPAN.format(n=120, first="[A-Z0-9]"))  # a book's title, its subtitle
# Any words a sentence quotes, scare quotes too: "said the clause was 'a contractual fiction'"
QUOTED_WORDS = re.compile(_QUOTED_SPAN.format(n=60, first=r"[^\W_]"))
_TITLES = frozenset({"title", "titles", "slogan", "motto", "headline"})
_CAPITALISED = r"[A-Z][\w'’.-]*(?:[^\S\n]+[A-Z][\w'’.-]*){0,3}"  # within one sentence
_MODEL_NUMBER = r"(?:[^\S\n]+\d{1,4}[A-Za-z]{0,2})?"  # a name's number: "Falcon 9", "Tokyo 2020"


@dataclass(frozen=True, slots=True)
class Wanted:
    """What the question asks to be named: its kind, and the words it calls it by."""

    kind: str
    nouns: tuple[str, ...]  # as typed, lower case: ("nuclear", "power", "plant")
    said: bool  # the kind is said by a word ("senator", "city", "film"), not taken as a name
    head: str | None = None  # that word

    @property
    def kind_nouns(self) -> tuple[str, ...]:
        """The words up to the head, which say the kind ("2nd satellite" of "2nd satellite kea
        orbital", where the rest is what it did or whose it is)."""
        return self.nouns[:self.nouns.index(self.head) + 1] if self.head in self.nouns else self.nouns


def names_one(text: str) -> bool:
    """Whether a sentence gives something a name ("a group calling itself Nightjar", "a yacht
    named Phi", a species' two words): it may answer a "what's the name of" question without
    repeating its words."""
    return _NAMED.search(text) is not None or binomial_in(text) is not None


def wanted(asked: Question) -> Wanted | None:
    """The kind of name a "which/what X" question asks for, from the words that say X; None
    for any other question."""
    found = _CALLED.match(asked.text) or _ASKED.match(asked.text)
    if found is None:
        return None
    nouns: list[str] = []
    for word in words(found.group("words") or found.group("thing") or found.group("future")):
        lowered = word.casefold()
        if lowered in STOPWORDS or len(nouns) == _NOUN_WORDS or (nouns and lowered in DEMONYMS):
            break  # "the dog ukrainian soldiers rescued": a clause of its own after "dog"
        if nouns and ((lowered.endswith("ed") and is_verb_form(lowered)) or lowered in _PAST_FORMS):
            break  # "which spanish paper called bale a parasite": the paper, not "bale"; "what film won"
        if POSSESSIVE_END.search(word) and not nouns:
            continue  # "ESA's new asteroid probe": whose, not what
        nouns.append(lowered)
    if nouns and nouns[0] in _A_KIND_OF:
        return None  # "what kinda firm is cobalt ridge": the kind is asked, not a name
    kinds = [(n, _KIND_NOUNS.get(n) or _KIND_NOUNS.get(lemma(n))) for n in nouns]
    head, kind = next(((n, k) for n, k in reversed(kinds) if k), (None, None))  # "hacker *group*"
    if (kind is None and not nouns) or set(nouns) & _TIME_NOUNS:
        return None  # "what day did …": a date, asked by its own kind of question
    return Wanted(kind or NAME, tuple(nouns), kind is not None, head)


def name_of_kind(text: str, asked: Question, want: Wanted, *, around: bool = False) -> str | None:
    """The first name of the wanted kind the text gives that the question does not. `around`:
    the text is the item around the sentence that says it, not that sentence: a person there
    must be one it calls what the question does ("the general"), or one it gives no post."""
    given = given_words(asked)

    def new(name: str) -> bool:
        return not all(is_given(w, given) for w in words(name)) and not capital_by_position(name, text)

    if want.kind == PERSON:
        people = [m for m in extract_people(text) if new(m.name)]
        if around and want.head is not None:
            called = [m for m in people if m.role and _called(want.head, m.role)]
            people = called or [m for m in people if not m.role]
        return people[0].name if people else None
    if want.kind == COUNTRY:
        return next((c for c in countries_in(text) if new(c)), None)
    if want.kind == NAME:
        return _name_for(text, want, new) or (_headline_subject(text, new) if around else None)
    return None


# "Which Pakistani leader …": a leader, a head or a boss is any post that leads ("prime minister").
_GENERIC_HEADS = frozenset({"leader", "head", "chief", "boss"})
_LEADING = frozenset({lemma(w) for w in """president minister premier chancellor king queen leader head
chief boss ceo chairman chair captain commander director governor mayor""".split()})


def _called(head: str, role: str) -> bool:
    """Whether a post is what the question calls the person ("the general")."""
    said = {lemma(w) for w in words(role)}
    return lemma(head) in said or (head.lower() in _GENERIC_HEADS and bool(said & _LEADING))


def capital_by_position(name: str, text: str) -> bool:
    """Whether a one-word name is only a word of the language written with a capital where a
    sentence or a title's part begins ("More than 100 people…", "Kev Crane: Singing plumber…"),
    or a made-up superlative ("in the Trumpiest way"): no name."""
    word = name.casefold()
    if " " in name or word in PLACES:
        return False
    if word.endswith("iest") and len(word) > 6:
        return True
    if word not in STOPWORDS and not (word.endswith("ing") and is_verb_form(word)):
        return False
    for match in re.finditer(rf"\b{re.escape(name)}\b", text):
        before = text[:match.start()].rstrip(" \t\"“‘'")
        if before and before[-1] not in ".!?:|—–-\n":
            return False  # written so mid-sentence too ("her song “Levitating”"): a name
    return True


def _headline_subject(text: str, new: Callable[[str], bool]) -> str | None:
    """The name an item's title opens with, as the subject of its verb ("Decathlon backtracks
    on Russia"): what the item's "the sporting retailer" is."""
    opening = re.match(rf"\s*(?P<name>{_CAPITALISED})\s+(?-i:[a-z]+s)\b", text)
    if opening is None:
        return None
    name = opening.group("name")
    return name if new(name) and name.casefold() not in STOPWORDS else None


def _names_it(text: str, end: int, want: Wanted) -> bool:
    """Whether a name given after "named" is the thing asked for: "a sculpture named the Burton
    Agnes drum" names a drum, not the museum asked for."""
    after = re.match(r"[\"”’']?\s+(?P<noun>(?-i:[a-z]+))\b", text[end:])
    return (after is None or after.group("noun") in STOPWORDS or is_verb_form(after.group("noun"))
            or lemma(after.group("noun")) in {lemma(n) for n in want.nouns})  # "… Velvet Lynx claimed"


def countries_in(text: str, *, nationalities: bool = True) -> list[str]:
    """The countries a text names, by name (however it is typed) or, unless told not to, by
    nationality ("Austrian"), in order."""
    lowered = text.casefold()
    found = [(m.start(), _COUNTRIES[m.group()]) for m in _COUNTRY_NAMES.finditer(lowered)]
    if nationalities:
        found += [(m.start(), DEMONYMS[m.group().casefold()]) for m in re.finditer(r"[A-Z][a-z]+", text)
                  if m.group().casefold() in DEMONYMS and m.group().casefold() != "us"]
    return [country for _, country in sorted(found)]


def _name_for(text: str, want: Wanted, new: Callable[[str], bool]) -> str | None:
    """"the Zaporizhzhia nuclear power plant": the name right before the words the question
    calls the thing by; else "a yacht named Phi"."""
    told = _WORK_TOLD.match(text) or _WORK_TOLD_AFTER.search(text)  # "… Daughter, a Danish drama, has won"
    if (told is not None and lemma(told.group("work")) in _kin_works(want)
            and new(_without_article(told.group("name")))):
        return told.group("name")  # a work's title keeps its article: "The Salt Orchards"
    kind = want.kind_nouns  # "2nd satellite kea orbital": a satellite, not "Kea Orbital"
    for noun in dict.fromkeys((*kind[:2], kind[-1])):  # the last is the head: "asteroid *probe*"
        before = re.search(rf"(?<![\w'’-])(?P<name>{_CAPITALISED}{_MODEL_NUMBER})"
                           rf"[^\S\n]+(?i:{re.escape(noun)})\b", text)  # "the Talon 5 rocket"
        if before is not None:
            name = _without_article(before.group("name"))
            parts = name.split()
            while len(parts) > 1 and parts[-1].casefold() in DEMONYMS:
                parts.pop()  # "Rare Italian": "Rare"
            name = " ".join(parts)
            opening = before.start() == 0 and " " not in name  # "Rare Italian bear …": a title's first word
            if name.endswith(("'s", "’s")) or (parts and parts[-1] in ("The", "A", "An")):
                continue  # "Chernobyl's vodka producer": whose, not the name; "Milwaukee's The Ferrous"
            if name[:1].isupper() and new(name) and not opening:  # "The sporting retailer": no name
                return name
    kin = _name_before_kin(text, want.nouns[-1], new)
    if kin is not None:
        return kin
    after = _name_after(text, want, new)
    if after is not None:
        return after
    named = _NAMED.search(text)
    if named is not None and new(named.group("name")) and _names_it(text, named.end("name"), want):
        return re.sub(r"(?<=\w\w)\.$", "", named.group("name"))  # the full stop after it, not "Jr."
    species = _BINOMIAL_AT.search(text)  # "a new titanosaur, Chubutitan invernalis, from fossils"
    if species is None and (found := binomial_in(text)) and all(new(w) for w in found.group("name").split()):
        species = found  # "Pakudyptes aldridgeae honours …", not "Rare okapi" of an okapi asked
    if species is not None and new(species.group("name")):
        return species.group("name")
    # "… has decided -- "spongy moth" is the new common name"
    quoted = _LONG_QUOTED if want.head in _TITLES else _QUOTED
    return next((name for q in quoted.finditer(text)
                 if new(name := (q.group("double") or q.group("single")).split(": ")[0])
                 and _named_in_quotes(name)), None)


_QUOTE_NAME_WORDS = frozenset({"of", "the", "and", "a", "an", "in", "on", "for", "to"})


def _named_in_quotes(quoted: str) -> bool:
    """Whether quotes hold a name ("spongy moth", "Confidence Man"), not words someone said
    ("never gave up"): no verb in the past, no small word but those a title may hold."""
    return not any((w.lower() in STOPWORDS and w.lower() not in _QUOTE_NAME_WORDS)
                   or (is_verb_form(w) and not w.lower().endswith("ing")) for w in words(quoted))


def _without_article(name: str) -> str:
    return re.sub(r"^(?:The|A|An|This|That|Its|Their)(?:\s+|$)", "", name)


_NAME_THEN_WORD = re.compile(rf"(?<![\w'’-])(?P<name>{_CAPITALISED})[^\S\n]+(?P<word>[a-z][\w'’-]*)")


def _name_before_kin(text: str, head: str, new: Callable[[str], bool]) -> str | None:
    """"ESA's Halcyon spacecraft" for "the new asteroid probe": a name right before a word of
    the head's family."""
    for found in _NAME_THEN_WORD.finditer(text):
        name = re.split(r"['’]s\s+", _without_article(found.group("name")))[-1]  # "ESA's Halcyon": Halcyon
        if (found.group("word") != head and meets(lemma(found.group("word")), {lemma(head)})
                and name and (found.start() > 0 or " " in found.group("name")) and new(name)
                and not name.endswith(("'s", "’s"))):
            return name
    return None


_WORD_THEN_NAME = re.compile(rf"(?<![\w'’-])(?P<word>[a-z][\w'’-]*),?[^\S\n]+(?P<name>{_CAPITALISED})")


def _name_after(text: str, want: Wanted, new: Callable[[str], bool]) -> str | None:
    """"the film Jujutsu Kaisen 0" for "which anime movie": the name right after a word the
    question calls the thing by, or one of its family ("film" for "movie")."""
    wanted_words = {lemma(want.head)} if want.head else {lemma(n) for n in want.nouns[-1:]}
    wanted_words |= _kin_works(want)
    for match in _WORD_THEN_NAME.finditer(text):
        if _SUBJECT_BEFORE.search(text, 0, match.start()):
            continue  # "a game that fights Covid misinformation": a verb, not the game's name
        if meets(lemma(match.group("word")), wanted_words) and new(match.group("name")):
            return POSSESSIVE_END.sub("", match.group("name"))
    return None


def _kin_works(want: Wanted) -> frozenset[str]:
    """The words a work of the kind asked may be called by: an album's "record", a film's "drama"."""
    asked = lemma(want.head or want.nouns[-1])
    return frozenset().union(*(kind for kind in _WORK_KINDS if asked in kind))


_WORK_TOLD_AS = (rf"(?P<name>{_CAPITALISED}),[^\S\n]+(?:a|an)[^\S\n]+(?:[\w'’-]+[^\S\n]+){{0,3}}?"
                 r"(?P<work>[a-z]+)\b")
_WORK_TOLD = re.compile(r"\s*" + _WORK_TOLD_AS)
# "has won the prize with The Salt Orchards, a novel about …"
_WORK_TOLD_AFTER = re.compile(r"\b(?:with|for|by|of|from)[^\S\n]+" + _WORK_TOLD_AS)
_SUBJECT_BEFORE = re.compile(r"\b(?:that|which|who|it|he|she|they|we)\s+$", re.IGNORECASE)


def is_person(name: str, text: str) -> bool:
    """Whether the text names `name` as a person (with a post, a speech verb, a person's shape)."""
    return any(m.name == name or name in m.name for m in extract_people(text))
