"""One person across many mentions: a key for each name as written, surnames merged into the
full name they belong to, and the role and affiliation most mentions support."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

from digests.news import people_words as vocab
from digests.readings import Mention


def person_key(name: str) -> str:
    """Normalised key: honorific and possessive dropped, accents folded, casefolded."""
    folded = unicodedata.normalize("NFKD", clean_name(name))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    key = " ".join(folded.replace("’", "'").replace(".", ". ").casefold().split())
    return vocab.TRANSLITERATION.sub("sky", key)


def merge_names(names: Iterable[str], *, two_word_surnames: bool = False) -> dict[str, str]:
    """Every name mapped to its canonical full form, written as it most often is. A surname
    merges into the one full name that has it, or into one that has over 90% of at least ten
    such mentions; otherwise (two people share it) it stays as it is. With `two_word_surnames`
    (the few names of one story), two names that end the one longer name are its surname too:
    "Nunez Fuentes" is Christian Nunez Fuentes."""
    given = list(names)
    forms: dict[str, Counter[str]] = {}
    for name in given:
        forms.setdefault(person_key(name), Counter())[clean_name(name) or name] += 1
    owners: dict[str, Counter[str]] = {}
    for key, written in forms.items():
        if _is_full(key):
            words = key.split()
            ends = {surname(key), words[-1]} | ({" ".join(words[-2:])} if two_word_surnames
                                                and len(words) > 2 else set())
            for last in ends - {key}:
                owners.setdefault(last, Counter())[key] += written.total()
    merged = {}
    for name in given:
        key = person_key(name)
        if key in owners and (not _is_full(key) or (len(owners[key]) == 1 and two_word_surnames)):
            (top, count), total = owners[key].most_common(1)[0], owners[key].total()
            key = top if count == total or (count >= 10 and count >= 0.9 * total) else key
        merged[name] = forms[key].most_common(1)[0][0]
    return merged


def describe(mentions: Sequence[Mention]) -> tuple[str | None, str | None]:
    """The best (role, affiliation) for one person: the value most mentions support, then a
    post held now over a former one ("mayor" over "former heavyweight boxing champion"), then
    the most specific ("High Commissioner for Refugees" over "high commissioner")."""
    roles = [m.role for m in mentions if m.role]
    posts = [r for r in roles if r != OUTLETS_JOURNALIST]  # a post said ("Moscow correspondent") says more
    role = _best(posts or roles)
    fitting = [m.affiliation for m in mentions
               if m.affiliation and (role is None or (m.role and _covers(role, m.role)))]
    return role, _best(fitting or [m.affiliation for m in mentions if m.affiliation])


OUTLETS_JOURNALIST = "journalist"  # what an outlet's presenter or reporter is read as (`people`)
_NICKNAME = re.compile(r"\s[\"“‘'][^\"“”‘’']{1,25}[\"”’'](?=\s)")


def without_nickname(name: str) -> str:
    """A name without the nickname quoted inside it: "James Marks" for James "Spider" Marks."""
    return " ".join(_NICKNAME.sub(" ", name).split())


def clean_name(name: str) -> str:
    name = without_nickname(name)
    words = vocab.POSSESSIVE.sub("", name.strip()).split() if len(name.strip()) > 3 else name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in vocab.HONORIFICS:
        words.pop(0)
    return " ".join(words)


def _is_full(key: str) -> bool:
    return sum(word not in vocab.PARTICLES for word in key.split()) > 1


def surname(key: str) -> str:
    """The last name with its particles: "ursula von der leyen" → "von der leyen"."""
    words = key.split()
    start = len(words) - 1
    while start > 0 and words[start - 1] in vocab.PARTICLES:
        start -= 1
    return " ".join(words[start:])


def _best(values: list[str]) -> str | None:
    """The value that covers most of the others (the same words, or theirs plus modifiers), then
    one not "former", then what someone is over what they once did ("slider" over "winner of the
    first Olympic gold", "reservist" over "partner"), then a post over a headline's short word for
    it ("founder" over "boss"), then the one with most words; written as
    it most often is."""
    if not values:
        return None
    counts = Counter(v.casefold() for v in values)
    scores = {v: sum(n for other, n in counts.items() if _covers(v, other)) for v in counts}
    chosen = max(counts, key=lambda v: (scores[v], not v.startswith("former "), not _occasional(v),
                                        not _shorthand(v), len(v.split()), counts[v]))
    return Counter(v for v in values if v.casefold() == chosen).most_common(1)[0][0]


_OCCASIONS = frozenset({"winner", "winners", "partner", "star", "stars"})


def _occasional(role: str) -> bool:
    """A role that says what someone did or who they are with, not what they are."""
    core = vocab.ROLE_TAIL.split(role, maxsplit=1)[0].split()
    return bool(core) and core[-1] in _OCCASIONS


_SHORTHAND = frozenset("boss bosses chief chiefs supremo ace icon legend great hero".split())


def _shorthand(role: str) -> bool:
    """A headline's short word for a post ("Drone boss Henri Seydoux"), which the post itself
    ("founder and CEO of Parrot") says better."""
    core = vocab.ROLE_TAIL.split(role, maxsplit=1)[0].split()
    return bool(core) and core[-1] in _SHORTHAND


def _covers(specific: str, general: str) -> bool:
    """Whether `general` says no more than `specific`: its core words a subset, the same tail."""
    (core_s, *tail_s), (core_g, *tail_g) = (vocab.ROLE_TAIL.split(r.casefold(), maxsplit=1)
                                            for r in (specific, general))
    return set(core_g.split()) <= set(core_s.split()) and tail_g in ([], tail_s)
