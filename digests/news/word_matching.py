"""How a question's words meet a sentence's: by lemma, by word family, and by name."""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Set
from functools import lru_cache

from digests.news.lexicon import family_of_lemma, kinds_of_lemma, lemma
from digests.news.people_words import DEMONYMS
from digests.news.text import STOPWORDS, words

FAMILY_MATCH = 0.8  # what a word of the same family counts, where the word itself counts 1
_ROMAN = re.compile(r"[IVXLCDM]+")  # "Super Bowl LVI" is also "Super Bowl 2022"
# The last word of a name that says what kind of thing it names: "Brit Awards" is not any
# awards ("SAG Awards"), as "Marian Vajda" may be "Vajda".
_KIND_OF_NAME = frozenset("""awards award cup league games championship championships party festival
summit prize council bank university club society show series open trophy classic""".split())


def _written(word: str) -> str:
    """A pattern for a word of a name, whole; a longer word also in the plural ("the Razzies",
    "the Baftas": a prize named in the plural is still its name)."""
    plural = "(?:s|es)?" if len(word) >= 4 and not word.casefold().endswith("s") else ""
    return rf"(?<![\w]){re.escape(word.casefold())}{plural}(?![\w])"


_SPELLINGS = ((re.compile(r"(?<=[a-z]{3})our"), "or"), (re.compile(r"(?<=[a-z]{3})or(?=[a-z]?$)"), "our"),
              (re.compile(r"([iy])s$"), r"\1z"), (re.compile(r"([iy])z$"), r"\1s"),
              (re.compile(r"(?<=[a-z]{3})tr$"), "ter"), (re.compile(r"(?<=[a-z]{3})ter$"), "tr"),
              (re.compile(r"enc$"), "ens"), (re.compile(r"ens$"), "enc"),
              (re.compile(r"mm$"), "m"), (re.compile(r"gu$"), "g"))


@lru_cache(maxsize=1 << 14)
def other_spellings(term: str) -> tuple[str, ...]:
    """A lemma as the other side of the Atlantic spells it: a member writes "multicoloured"
    or "organised" and CNN "multicolored" and "organized" ("colour" and "color", "centre" and
    "center", "defence" and "defense", "programme" and "program")."""
    return tuple({pattern.sub(written, term) for pattern, written in _SPELLINGS} - {term})


def meets(term: str, found: Set[str]) -> float:
    """1 when the lemma itself is found, a little less for a word of its family: the article's
    own words answer best, other words still answer."""
    if term in found or any(variant in found for variant in other_spellings(term)):
        return 1.0
    if family_of_lemma(term) & found or kinds_of_lemma(term) & found or (len(term) >= 5 and any(
            w.startswith(term) and len(w) - len(term) <= 3 for w in found)) \
            or _COUNTRY_OF.get(term, _NONE) & found:
        return FAMILY_MATCH  # a word of the family, or one made from it ("conductor")
    if "-" in term.strip("-"):  # "record-breaking" is met by "record breaker", part by part
        parts = [lemma(part) for part in term.split("-") if part]  # ("second-stag": "second stage")
        if len(parts) > 1 and all(meets(part, found) or any(w.startswith(part) and len(w) - len(part) <= 2
                                                            for w in found) for part in parts):
            return FAMILY_MATCH
    return 0.0


def _countries_of() -> dict[str, frozenset[str]]:
    """What a demonym is met by: its country's name ("pakistani" by "Pakistan's"; the reverse,
    "pakistan" in "Pakistani", is a longer word) or, for a country of several words, the short
    forms news writes ("american" by "US", "british" by "UK" or "Britain")."""
    short: dict[str, set[str]] = {"United States": {"america"}, "United Kingdom": {"britain"}}
    for form, country in DEMONYMS.items():
        letters = form.replace(".", "")  # "u.s.": "us"
        if " " in country and letters.isalpha() and len(letters) <= 3:
            short.setdefault(country, set()).add(letters)
        first, _, rest = country.partition(" ")
        if first in ("North", "South", "East", "West") and " " not in rest:  # "North Macedonia"
            short.setdefault(country, set()).add(rest.casefold())
    met = {}
    for demonym, country in DEMONYMS.items():
        names = {country.casefold()} if " " not in country else short.get(country, set())
        if names:
            met[lemma(demonym)] = frozenset(lemma(n) for n in names)
    return met


_COUNTRY_OF = _countries_of()
_NONE: frozenset[str] = frozenset()


def lemmas_of(text: str) -> set[str]:
    """The lemmas of a text's words, lower-cased, and of the parts of its hyphenated words
    ("an 80-ton-shipment" has a ton and a shipment), but for a word made with a prefix: an
    "anti-tank" weapon is no tank, an "ex-minister" no minister."""
    tokens = words(text)
    found = {lemma(w.lower()) for w in tokens}
    for word in tokens:
        parts = word.lower().split("-")
        if len(parts) > 1 and parts[0] not in _PREFIXES:
            found.update(lemma(part) for part in parts if part)
    return found


_PREFIXES = frozenset("""anti non ex pro pre post co counter de re un sub super semi multi mid
cross over under inter intra extra ultra mini micro mega neo pseudo quasi vice""".split())


def has_name(name: str, text: str) -> bool:
    """Whether a name the question gives is in the text (case aside): a one-word name whole,
    a longer one by most of its words ("Bafta Film Awards" in "the Bafta awards")."""
    lowered = text.casefold().replace("’", "'")  # "David M’zee" is "David M'zee"
    if _ACRONYMS_SPELT.search(lowered):  # both ways of writing it: "United States" and "US"
        lowered += "\n" + _ACRONYMS_SPELT.sub(lambda m: _ACRONYM_OF[m.group()], lowered)
    lowered += teams_named(lowered)  # "the Proteas beat Sri Lanka": South Africa did
    parts = words(name.replace("’", "'"))
    if len(parts) == 1 and _nation_written(parts[0], lowered):
        return True  # "Ukraine's children" in "Ukrainian children", and the converse
    present = sum(1 for w in parts if re.search(_written(w), lowered))
    if len(parts) >= 2 and _only_double_barrelled(parts[-1], text):
        return False  # "Martin Pryce" is not "Martin Pryce-Owen"
    if any(len(w) >= 2 and w.isupper() and not _ROMAN.fullmatch(w) and not re.search(
            rf"(?<![\w]){re.escape(w.casefold())}(?![\w])", lowered) for w in parts):
        return False  # the "FIFA" of "FIFA World Cup" is what tells it from other World Cups
    if len(parts) <= 2:  # "Felicity Ace" is not any ace; "Marian Vajda" may be "Vajda"
        last = parts[-1].casefold()
        return present == len(parts) or (len(last) >= 5 and last not in _KIND_OF_NAME
                                         and _written_as_a_name(parts[-1], text))
    if _another_of_its_kind(parts, text):
        return False  # "Bafta Film Awards" is not the "Bafta Games Awards"
    return present * 2 >= len(parts)


def _written_as_a_name(word: str, text: str) -> bool:
    """Whether a name's last word is in the text as a name, capitalised: "Vajda" may be Marian
    Vajda, but "its systems" is no "Arvenna Systems"."""
    spelt = re.escape(word.replace("’", "'"))
    return any(found.group()[0].isupper() for found in re.finditer(
        rf"(?<![\w]){spelt}(?![\w])", text.replace("’", "'"), re.IGNORECASE))


def _only_double_barrelled(last: str, text: str) -> bool:
    """Whether the last word of a name is written in the text only as the first half of a
    double-barrelled one ("Pryce-Owen")."""
    spelt = re.escape(last.replace("’", "'"))
    written = text.replace("’", "'")
    found = [m.end() for m in re.finditer(rf"(?<![\w]){spelt}(?![\w])", written, re.IGNORECASE)]
    return bool(found) and all(re.match(r"-[A-Z]", written[end:end + 2]) for end in found)


def _nation_written(name: str, lowered: str) -> bool:
    """Whether a country or its people is written as the other ("Ukraine" / "Ukrainian")."""
    return any(re.search(rf"(?<![\w]){re.escape(other)}s?(?![\w])", lowered)
               for other in _NATION_FORMS.get(name.casefold(), ()))


def _nation_forms() -> dict[str, tuple[str, ...]]:
    """For each one-word country, its people's adjectives; for each adjective, its country
    (a word that is both is read as the country)."""
    adjectives: dict[str, list[str]] = {}
    for demonym, country in DEMONYMS.items():
        if country and " " not in country and demonym != country.casefold():
            adjectives.setdefault(country.casefold(), []).append(demonym)
    countries = {demonym: (country.casefold(),) for demonym, country in DEMONYMS.items()
                 if country and " " not in country}
    return {**countries, **{country: tuple(found) for country, found in adjectives.items()}}


_NATION_FORMS = _nation_forms()


# Bodies a question names by their initials and a sentence in full: "the UN World Tourism
# Organization" is the "United Nations World Tourism Organization".
_ACRONYM_OF = {"united nations": "un", "european union": "eu", "united states": "us",
               "united kingdom": "uk", "world health organization": "who"}
_ACRONYMS_SPELT = re.compile(r"\b(?:" + "|".join(_ACRONYM_OF) + r")\b")
# National teams by the names sports writing gives them
_TEAMS_TEXT = """
south africa: proteas | springboks | bafana bafana
new zealand: all blacks | black caps | blackcaps | black ferns | silver ferns
australia: wallabies | socceroos | matildas | kangaroos
england: lionesses | three lions
italy: azzurri
france: les bleus
brazil: seleção | selecao
argentina: los pumas
west indies: windies
nigeria: super eagles
ghana: black stars
fiji: flying fijians
"""
_TEAM_OF = {nickname.strip(): country for country, _, nicknames in
            (line.partition(":") for line in _TEAMS_TEXT.strip().splitlines())
            for nickname in nicknames.split("|")}


def teams_named(text: str) -> str:
    """The countries whose national teams a text names by their nicknames ("the Proteas": south
    africa), one per line after a line break, for matching; "" when it names none."""
    found = [_TEAM_OF[m.group().casefold()] for m in _TEAMS_NICKNAMED.finditer(text)]
    return "".join(f"\n{country}" for country in dict.fromkeys(found))


_TEAMS_NICKNAMED = re.compile(r"\b(?:" + "|".join(sorted(_TEAM_OF, key=len, reverse=True)) + r")\b",
                              re.IGNORECASE)


def _another_of_its_kind(parts: list[str], text: str) -> bool:
    """Whether the text writes the name's first and last words around another word than the
    name's own: the word that tells one of a family of names from the others."""
    if len(parts) != 3:
        return False
    first, last = re.escape(parts[0]), re.escape(parts[2])
    found = re.search(rf"(?<![\w]){first}\s+(?P<middle>[\w'’-]+)\s+{last}s?(?![\w])", text, re.IGNORECASE)
    return found is not None and found.group("middle").casefold() != parts[1].casefold()


def compounds_in(text: str, terms: Collection[str]) -> set[str]:
    """The `terms` a text writes as two neighbouring words ("moon walk": moonwalk, "body
    suit": bodysuit) or hyphenated ("anti-virus": antivirus), or whose joined form is of a term's
    family ("dock workers": dockworkers, for "dockers"): a question may write as one word what a
    sentence writes as two. Only pairs that begin as a term does are stemmed
    (stemming every pair cost most of an answer)."""
    starts = {t[:_COMPOUND_START] for t in terms if len(t) > _COMPOUND_START}
    if not starts:
        return set()
    found = [w.lower() for w in words(text)]
    asked = set(terms)
    hyphened = {base for w in found if "-" in w and w[:_COMPOUND_START] in starts  # "anti-virus"
                and (base := lemma(w.replace("-", ""))) in terms}
    return hyphened | {base for a, b in itertools.pairwise(found)
                       if (a + b)[:_COMPOUND_START] in starts and a.isalpha() and b.isalpha()
                       and ((base := lemma(a + b)) in asked or family_of_lemma(base) & asked)}


_COMPOUND_START = 4


def split_in(question: str, found: Collection[str]) -> set[str]:
    """The question's neighbouring words a text writes as one ("cyber attack": a cyberattack,
    "heat wave": heatwaves), each as met: the converse of `compounds_in`."""
    return {part for joined, parts in _joined_pairs(question) if joined in found for part in parts}


@lru_cache(maxsize=1024)
def _joined_pairs(question: str) -> tuple[tuple[str, tuple[str, str]], ...]:
    """Each pair of neighbouring content words of a question, as one word and as its two (a
    question is read against every sentence found: its pairs are made once)."""
    typed = [w.lower() for w in words(question)]
    return tuple((lemma(a + b), (lemma(a), lemma(b))) for a, b in itertools.pairwise(typed)
                 if a.isalpha() and b.isalpha() and a not in STOPWORDS and b not in STOPWORDS)
