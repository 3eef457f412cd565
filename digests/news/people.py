"""Key people in news text: names, roles, affiliations and who said what. Rule-based, offline.

A name is a group of capitalised tokens (initials and particles such as "von der" allowed) that is
not a place, organisation, day, role or function word. Two to four tokens make a full name; one
token (a surname) counts only when a role or title, a speech verb or a full mention elsewhere in
the text confirms it. Title-Case headlines yield confirmed names only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from digests.news import people_words as vocab
from digests.news.names import person_key, surname
from digests.news.text import split_sentences
from digests.readings import Mention, Sentence


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
    surnames = {surname(k) for k in known}
    return [m for m, confirmed, proper in read
            if confirmed or person_key(m.name) in known or (proper == 1 and person_key(m.name) in surnames)]








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
            previous = vocab.WORD.findall(text, 0, tokens[first].start)[-1:]
            found.append(_Candidate(sentence, tokens[first].start, tokens[last].end, proper,
                                    title_case, bool(previous) and previous[0] in vocab.PREPOSITIONS))
    return found


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for match in vocab.TOKEN.finditer(text):
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
        return "stop" if lowered in vocab.DEMONYMS or lowered[:-1] in vocab.HONORIFICS else "initial"
    if vocab.ARABIC_PARTICLE.match(word):
        return "name"
    if lowered in vocab.PARTICLES and word.islower():
        return "particle"
    if not word[0].isupper() or word.isupper() or vocab.NOT_NAME_SHAPE.search(word):
        return "other"
    if lowered in vocab.ORG or lowered in vocab.PLACE_PREFIX:
        return "org" if lowered in vocab.ORG else "prefix"
    return "stop" if lowered in vocab.STOP else "name"


def _groups(tokens: list[_Token], text: str) -> list[tuple[int, int]]:
    """Index ranges of name-like tokens joined by spaces only (a possessive ends a group)."""
    groups: list[tuple[int, int]] = []
    for index, token in enumerate(tokens):
        if token.kind not in vocab.NAME_KINDS:
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
    words = [w for w in vocab.WORD.findall(text)[1:] if len(w) >= 4]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


# Reading one candidate -------------------------------------------------------------------------

def _read(candidate: _Candidate) -> tuple[Mention, bool, int]:
    """The mention, whether it is a person on its own evidence, and its count of name tokens."""
    text, start, end, proper = candidate.sentence.text, candidate.start, candidate.end, candidate.proper
    role, affiliation, prefix = _role_before(text, start)
    if prefix == start and proper > 2:  # "… Commissioner for Refugees Filippo Grandi"
        for token in list(vocab.TOKEN.finditer(text, start, end))[1:3]:
            match = vocab.LEFT_ROLE.search(text, max(0, token.start() - 120), token.start())
            if match and vocab.ROLE_TAIL.search(match.group("role")):
                proper -= len(vocab.TOKEN.findall(text, start, token.start()))
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
    match = vocab.LEFT_ROLE.search(text, low, start) or vocab.LEFT_COMMA_ROLE.search(text, low, start)
    if match:
        return _role_text(match.group("role")), _affiliation(match.group("aff")), match.start()
    match = vocab.LEFT_HON.search(text, low, start)
    if match:
        return vocab.HONORIFICS[match.group("hon").lower()], None, match.start()
    match = vocab.LEFT_POSSESSIVE.search(text, low, start)
    return None, _affiliation(match.group("aff")) if match else None, start


def _role_after(right: str) -> tuple[str | None, str | None]:
    """A role in apposition: ", Ukraine's foreign minister," / ", the foreign minister of Ukraine"."""
    match = vocab.APPOSITIVE.match(right)
    if match is None:
        match = vocab.SPEAKING_FOR.match(right)
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
    after = vocab.SPEAKER_AFTER.match(text, end)
    if after:
        return after.group("verb").lower()
    before = vocab.SPEAKER_BEFORE.search(text, max(0, prefix - 40), prefix)
    if before:
        return "according to" if before.group("acc") else before.group("verb").lower()
    return None


def _role_text(role: str) -> str:
    """Lower case ("Presidential adviser" → "presidential adviser") unless the office is "for"
    or "to" something named ("High Commissioner for Refugees"); acronyms such as MP stay."""
    if re.search(r"\b(?:for|to)\s+(?:the\s+)?[A-Z]", role):
        return " ".join(role.split())
    return " ".join(vocab.ABBREVIATED_ROLES.get(w.lower(), w if w.isupper() and len(w) > 1 else w.lower())
                    for w in role.split())


def _affiliation(raw: str | None) -> str | None:
    words = vocab.POSSESSIVE.sub("", raw or "").split()
    while words and (words[0].lower() in vocab.FUNCTION or words[0].lower() in vocab.HONORIFICS
                     or (len(words) > 1 and words[0].lower() in vocab.NATIONS)):  # "Russian Chelsea"
        words.pop(0)
    joined = words[-1] if words and words[-1].lower() in vocab.DEMONYMS else " ".join(words)
    return vocab.DEMONYMS.get(joined.lower(), joined) or None








