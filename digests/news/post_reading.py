"""A person's post read next to their name: before it ("UNHCR spokesperson Shabia Mantoo",
"former Disney CEO X"), after it (", Ukraine's foreign minister,", " -- a revered star --"), and
the affiliation that goes with it. Used by `people`, which finds the names."""

from __future__ import annotations

import re

from digests.news import people_words as vocab


def role_before_name(text: str, start: int, end: int, single: bool) -> tuple[str | None, str | None, int]:
    """Role and affiliation written before the name, and where that title starts. A lone word
    after an office ("coach of the Miami Dolphins") is the office's end, not a name."""
    low = max(0, start - 120)
    named = _NAMING_THEM_AS.search(text, max(0, start - 200), start)
    if named is not None and _plausible(named.group("role")) and \
            named.group("role").split()[-1].lower() in vocab.HEAD_WORDS:
        return _role_text(named.group("role")), _affiliation(named.group("aff")), named.start()
    near = vocab.WORD.findall(text, max(0, start - 80), start)[-8:]  # the searches below cost more
    if any(w.lower() in vocab.HEAD_WORDS for w in near):
        match = vocab.LEFT_ROLE.search(text, low, start) or vocab.LEFT_COMMA_ROLE.search(text, low, start)
        if match and not (single and match.group("office") and not text[low:start].rstrip().endswith(",")):
            role, affiliation = read_title(match)
            if role is not None:
                return role, affiliation, match.start()
        match = vocab.IT_HAS_BEEN.search(text, low, start)
        if match:
            return _role_text(match.group("role")), None, match.start()
    if not near:
        return None, None, start
    if any(w[-1:] == "s" and w[:-1].lower() in vocab.HEAD_WORDS for w in near):
        match = vocab.LEFT_PLURAL.search(text, low, start)
        if match and (match.group("others") or vocab.PLURAL_NEXT.match(text, end)):
            role, affiliation = read_title(match)
            if role is not None:
                return role, affiliation, match.start()
    match = vocab.LEFT_HON.search(text, low, start) if near[-1].lower() in vocab.HONORIFICS else None
    if match:  # "UK Sport chair Dame Katherine Grainger", "CNN's Dr Sanjay Gupta"
        titled = vocab.LEFT_ROLE.search(text, low, match.start())
        role, affiliation = read_title(titled) if titled else (None, None)
        if titled and role is not None:
            return role, affiliation, titled.start()
        owner = vocab.LEFT_POSSESSIVE.search(text, low, match.start())
        affiliation = _affiliation(owner.group("aff")) if owner else None
        rank = _RANK_BEFORE.search(text, low, match.start())  # "Lt. Col.": a lieutenant colonel
        title = vocab.HONORIFICS[match.group("hon").lower()]
        if rank is not None and title:
            return f"{_RANKS[rank.group('rank').lower()]} {title}", affiliation, rank.start()
        return title, affiliation, match.start()
    if not text[low:start].rstrip().endswith(("'s", "’s")):
        return None, None, start
    match = vocab.LEFT_POSSESSIVE.search(text, low, start)
    return None, _affiliation(match.group("aff")) if match else None, start


# "arrested the captain of the ferry that capsized in the strait, naming him as Ruslan Hadiwijaya"
_NAMING_THEM_AS = re.compile(r"\bthe\s+(?P<role>(?:[a-z-]+\s+){0,2}?[a-z-]+)\s+(?:of|at|on)\s+(?:the\s+)?"
                             r"(?P<aff>[^,;:]{1,80}?)(?:\s+(?:that|which|who)\s+[^,;:]{1,80}?)?,\s+"
                             r"(?:naming|identifying)\s+(?:him|her)\s+as\s+$")


_RANKS = {"lt": "lieutenant", "lieut": "lieutenant", "lieutenant": "lieutenant", "maj": "major",
          "major": "major", "brig": "brigadier", "brigadier": "brigadier", "rear": "rear", "vice": "vice"}
_RANK_BEFORE = re.compile(r"\b(?P<rank>Lt|Lieut|Lieutenant|Maj|Major|Brig|Brigadier|Rear|Vice)\.?\s+$")


def read_title(match: re.Match[str]) -> tuple[str | None, str | None]:
    """Role and affiliation of a title read before the name: "former" kept from before the
    affiliation ("Former Disney CEO"), an office "of" somewhere read as the affiliation ("Mayor
    of London", "the head of Russia's Foreign Intelligence Service")."""
    groups = match.groupdict()
    role, affiliation = match.group("role"), _affiliation(groups.get("aff") or groups.get("aff2"))
    office = groups.get("office") or ""
    if office:
        role = role[:len(role) - len(office)]
        preposition, _, named = office.strip().partition(" ")
        if preposition == "of" and not _portfolio(named):
            affiliation, office = affiliation or _affiliation(named.removeprefix("the ")), ""
        elif preposition == "of":
            office = office.lower()  # "Secretary of Transportation"
    if affiliation is not None and _opens_the_sentence(match, affiliation):
        role, affiliation = f"{affiliation.lower()} {role}", None
    before = max(0, match.start("role") - 16), match.start("role")
    if (not _plausible(role) or vocab.NOT_A_PERSON_BEFORE.search(match.string, *before)
            or (role.lower() in vocab.VERB_HEADS and not groups.get("aff")
                and vocab.AUXILIARY_BEFORE.search(match.string, *before))):
        return None, affiliation  # "ICON Park", "nerve agent Novichok", "to host Euro 2028"
    return _role_text(f"{_pre(groups.get('pre'))}{role}", office), affiliation


_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n)[\"“‘']?\s*$")


def _opens_the_sentence(match: re.Match[str], affiliation: str) -> bool:
    """Whether the affiliation read before a post is one modifier of the post written with a
    capital only because it opens the sentence ("Council leader X", "Care home boss X")."""
    aff = match.groupdict().get("aff")
    return (aff is not None and affiliation == aff
            and aff.lower() in vocab.LOWER_MODIFIERS
            and _SENTENCE_START.search(match.string, 0, match.start("aff")) is not None)


def _plausible(role: str) -> bool:
    """A head in capitals is an acronym role (MP, CEO) or no role at all ("ICON Park")."""
    head = role.split()[-1]
    return not (head.isupper() and len(head) > 1 and head.lower() not in vocab.ACRONYM_ROLES)


def _pre(pre: str | None) -> str:
    return "" if not pre else "former " if pre.lower() == "ex-" else pre


def role_after_name(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """A role after the name: an apposition (", Ukraine's foreign minister,", ", the foreign
    minister of Ukraine", " -- a revered star --", ", who was Y", " is the Y"), a change of post
    (" returns to Starbucks as interim CEO", " has been appointed Y"), an obituary headline
    (": Y dies aged 74"), a title after the name ("MP")."""
    aside = _ASIDE.match(text, end)  # "Tom Hale (pictured), the club's owner"
    if aside:
        end = aside.end()
    match = vocab.APPOSITIVE.match(text, end) or vocab.BOTH_ROLE.match(text, end)
    said = match.groupdict() if match else {}  # BOTH_ROLE has no "who" nor "copula"
    if (match and (said.get("verb") or said.get("tail_verb")) and not said.get("who")
            and not said.get("copula") and (start > 8 or text[:start].strip(" \"“‘'"))):
        match = None  # "… at Trevor Noah, a spokesperson for Meta confirmed": Meta's spokesperson
    if match is not None and (moved := vocab.NAMED_ROLE.match(text, end)) and moved.end() > match.end():
        match = moved  # "X, a former barrister who …, has been appointed housing secretary", "X, a
        # government whip …, has been appointed housing minister": the new post
    if match is None:
        match = (vocab.AS_ROLE.match(text, end) or vocab.OBITUARY.match(text, end)
                 or vocab.NATIONAL_TRADE.match(text, end))
    if match is None and vocab.APPOINTED_BEFORE.search(text, max(0, start - 20), start):
        match = vocab.AS_AFTER.match(text, end)
    if match is None:
        match = vocab.NAMED_ROLE.match(text, end)
        if match and match.group("aff") and not match.group("passive"):
            match = None
    if match is None:
        match = vocab.BRACKET_ROLE.match(text, end)
    if match is None and (award := vocab.OF_THE_YEAR.match(text, end)):
        return award.group("title"), None  # "named International Garden Photographer of the Year"
    if match is None:
        title = vocab.RIGHT_TITLE.match(text, end)
        if title:  # "Rebecca Oyelaran KC": a barrister, King's Counsel
            return _COUNSEL.get(title.group("role"), title.group("role")), None
        heads = vocab.WHO_HEADS.match(text, end)
        body = vocab.WHO_HEADS_BODY.match(text, end)
        if body:  # ", who chairs the budget committee": its chair
            return f"{body.group('body')} {vocab.ROLE_OF_VERB[body.group('verb').lower()]}", None
        done = (heads is not None and heads.group("verb").lower() in vocab.HELD_VERBS
                and not heads.group("perfect"))
        if heads and not done:  # ", who heads the World Food Programme"; not ", who led it in 1979"
            role = vocab.ROLE_OF_VERB[heads.group("verb").lower()]
            former = heads.group("perfect") == "had"
            return f"former {role}" if former else role, _affiliation(heads.group("org"))
        match = vocab.SPEAKING_FOR.match(text, end)
        return None, _affiliation(match.group("aff")) if match else None
    groups = match.groupdict()
    role, affiliation = match.group("role"), _affiliation(groups.get("aff") or groups.get("org"))
    if not _plausible(role):
        return None, None
    tail = " ".join((groups.get("tail") or "").split())
    preposition, _, rest = tail.partition(" ")
    rest = rest.removeprefix("the ")
    named = _trailing_name(rest) if preposition in ("of", "at") and not _portfolio(rest) else None
    if named:  # "CEO of the airline EasyJet", "the foreign minister of Ukraine"
        affiliation, tail = affiliation or _affiliation(named), ""
    elif tail == "of the year":  # "named sports columnist of the year": the award says their trade
        return _role_text(f"{_pre(groups.get('pre'))}{role}"), affiliation
    return _role_text(f"{_pre(groups.get('pre'))}{role}", f" {tail}" if tail else ""), affiliation


_COUNSEL = {"KC": "barrister (KC)", "QC": "barrister (QC)"}
_ASIDE = re.compile(r"\s*\((?:pictured|left|right|centre|center|above|below|top|inset)\)")


def _portfolio(words: str) -> bool:
    """ "Transportation" in "Secretary of Transportation": part of the role, not a body."""
    return all(w in vocab.PORTFOLIOS for w in words.lower().removeprefix("the ").split())


def _trailing_name(words: str) -> str | None:
    """The name an office "of" or "at" gives: all of it when it is capitalised ("Russia's
    Foreign Intelligence Service", "CNN Digital for Asia"), else the capitalised end after one
    or two lower-case words ("airline EasyJet" → "EasyJet")."""
    if words[:1].isupper() and all(w[:1].isupper() or w in vocab.FUNCTION for w in words.split()):
        return words
    split = words.split()
    first = len(split)
    while first and split[first - 1][:1].isupper():
        first -= 1
    return " ".join(split[first:]) if first <= 2 and first < len(split) else None


def speech_verb(text: str, end: int, prefix: int) -> str | None:
    """The verb when the person speaks: "X said", "X, …, told", "said X", "according to X"."""
    after = vocab.SPEAKER_AFTER.match(text, end)
    if after:
        return after.group("verb").lower()
    before = vocab.SPEAKER_BEFORE.search(text, max(0, prefix - 40), prefix)
    if before:
        return "according to" if before.group("acc") else before.group("verb").lower()
    return None


def _role_text(role: str, office: str = "") -> str:
    """Lower case ("Presidential adviser" → "presidential adviser") unless the office is "for"
    or "to" something named ("High Commissioner for Refugees"); acronyms such as MP stay; words
    that only colour the role dropped ("legendary", "31-year-old"); "ex-" read as "former". The
    office after the role ("of 'Ghostbusters'") is kept as written."""
    words = role.split()
    first = words[0].lower()
    if first.startswith(("ex-", "then-")) and len(first) > first.index("-") + 1:
        head = words[0].partition("-")[2]
        words[0:1] = ["former", head] if first.startswith("ex-") else [head]
    if " ".join(words).lower() not in vocab.ROLE_WORDS:  # "second gentleman" is the post itself
        words = [w for i, w in enumerate(words) if i == len(words) - 1 or not _descriptor(w)]
    if re.match(r"\s+(?:for|to)\s+(?:the\s+)?[A-Z]", office):
        return " ".join(words) + office
    return " ".join(vocab.ABBREVIATED_ROLES.get(w.lower(), w if w.isupper() and len(w) > 1 else w.lower())
                    for w in words) + office


def _descriptor(word: str) -> bool:
    lowered = word.lower()
    return lowered in vocab.DROPPED_FROM_ROLES or (vocab.HYPHEN_DESCRIPTOR.fullmatch(word) is not None
                                                   and lowered not in vocab.ROLE_WORDS)


_NO_ONE = frozenset({"league", "cup", "open", "police", "party", "team", "club", "group", "series"})


def _affiliation(raw: str | None) -> str | None:
    words = vocab.POSSESSIVE.sub("", raw or "").split()
    owners = [i for i, w in enumerate(words[:-1]) if vocab.POSSESSIVE.search(w) and len(w) > 3]
    words = words[owners[-1] + 1:] if owners else words  # "Biden's Supreme Court" → "Supreme Court"
    while words and ((words[0].lower() in vocab.FUNCTION
                      and not (words[0].lower() in vocab.NAME_STARTS and len(words) > 1))  # "New Zealand"
                     or words[0].lower() in vocab.HONORIFICS.keys() - vocab.SURNAME_TITLES
                     or (len(words) > 1 and words[0].lower() in vocab.NATIONS  # "Russian Chelsea"
                         and not words[0].isupper()  # but "US Open", "UK Sport"
                         and words[1].lower() not in vocab.ORG)):  # and "British Airways"
        words.pop(0)
    if len(words) == 1 and words[0].lower() in _NO_ONE:
        return None  # "League" alone names no body
    joined = words[-1] if words and words[-1].lower() in vocab.DEMONYMS else " ".join(words)
    return vocab.DEMONYMS.get(joined.lower(), joined) or None
