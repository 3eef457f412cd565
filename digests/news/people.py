"""Key people in news text: names, roles, affiliations and who said what. Rule-based, offline.

A name is a group of capitalised tokens (initials and particles such as "von der" allowed) that is
not a place, organisation, day, role or function word. Two to four tokens make a full name; one
token (a surname) counts only when a role or title, a speech verb or a full mention elsewhere in
the text confirms it. Title-Case headlines yield confirmed names only.

The role comes from the words before the name ("Chelsea defender Kurt Zouma", "former Disney CEO
Bob Iger", "UK Sport chair Dame Katherine Grainger", "the head of the agency, X,") or after it
(", the Y of Z,", ", a Y who", ", who was Y", " is the Y", " returns to Starbucks as interim CEO",
": Y dies aged 74"). A group that reads as a body, a work or an event ("the Super Bowl", "band Foo
Fighters", "Final Fantasy 7") is not a person unless the text also gives it a role, a title or a
speech verb.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from digests.news import people_words as vocab
from digests.news.names import OUTLETS_JOURNALIST, person_key, surname, without_nickname
from digests.news.text import WIRE_DATELINE, split_sentences
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
    thing: bool  # read as a body, a work or an event: "the Super Bowl", "Final Fantasy 7"
    modifier: bool  # used as a modifier: "Foo Fighters drummer", "Walking Dead actor"


# What one candidate's own sentence says about it being a person.
_STRONG = 3  # a role, a title or a speech verb
_SHAPE = 2  # two or more name tokens in running prose
_NONE = 1
_THING = 0


def extract_people(text: str) -> list[Mention]:
    """People named in `text` (paragraphs separated by blank lines), in order of appearance."""
    return people_in_sentences(split_sentences(text))


def people_in_sentences(sentences: Iterable[Sentence]) -> list[Mention]:
    """`extract_people` of a text already split into its sentences. A name read as a thing
    anywhere in the text is dropped everywhere in it, unless a role, a title or a speech verb
    makes it a person somewhere."""
    sentences = list(sentences)
    read = [(m, person_key(m.name), evidence, proper)
            for s in sentences for c in _candidates(s) for m, evidence, proper in (_read(c),)]
    strong = {key for _, key, evidence, _ in read if evidence == _STRONG}
    things = {key for _, key, evidence, _ in read if evidence == _THING} - strong
    known = {key for _, key, evidence, proper in read if evidence >= _SHAPE and proper > 1} - things
    surnames = {surname(k) for k in known}
    kept = [m for m, key, evidence, proper in read if key not in things
            and (evidence >= _SHAPE or key in known or (proper == 1 and key in surnames))]
    found = _with_label_role(sentences, _with_headline_role(sentences, _with_lead_role(sentences, kept)))
    found = _with_delayed_name(sentences, _with_epithet_role(sentences, found))
    return _with_obituary_role(sentences, _with_post_in_headline(sentences, found))


_OBITUARY = re.compile(r"^(?P<name>.+?)\s+obituary\s*$", re.IGNORECASE)
# An obituary's standfirst opens on who they were: "Comedian whose catchphrase …", "Architect
# whose Tidewater Centre …", "Former England cricketer who …"
_STANDFIRST_ROLE = re.compile(r"^(?P<role>(?-i:[A-Z])[\w'’-]+(?:\s+[\w'’-]+){0,5}?)\s+(?:whose|who|with|,)")


def _with_obituary_role(sentences: list[Sentence], mentions: list[Mention]) -> list[Mention]:
    """"Bernie Ashcombe obituary" over a body opening "Comedian whose catchphrase …": the person
    the headline names was what the standfirst opens on."""
    headline, opening = _headline_and_opening(sentences)
    named = _OBITUARY.match(headline.text) if headline is not None else None
    found = _STANDFIRST_ROLE.match(opening.text) if named is not None and opening is not None else None
    if named is None or found is None:
        return mentions
    role = found.group("role")
    if role.split()[-1].lower() not in vocab.HEAD_WORDS:
        return mentions
    key = person_key(named.group("name"))
    return [replace(m, role=role[0].lower() + role[1:]) if m.role is None and person_key(m.name) == key else m
            for m in mentions]


def _headline_and_opening(sentences: list[Sentence]) -> tuple[Sentence | None, Sentence | None]:
    """A text's first sentence (its headline) and the first sentence of its body."""
    return (next((s for s in sentences if s.paragraph == 0), None),
            next((s for s in sentences if s.paragraph == 1), None))


def _with_lead_role(sentences: list[Sentence], mentions: list[Mention]) -> list[Mention]:
    """A headline that names one person without a post, and a body that opens on that post
    ("Give PM time, says Kwasi Kwarteng" / "The business secretary says ..."): the headline's
    mentions get the post. Only when the post is the opening's subject; a headline naming
    others too gives it to the one the opening does not name ("Andrew's statement contradicts
    me - Emily Maitlis" / "The BBC presenter compares Prince Andrew's …")."""
    headline = {s.text for s in sentences if s.paragraph == 0}
    opening = next((s for s in sentences if s.paragraph == 1), None)
    if opening is None or (key := _headline_person(headline, opening, mentions)) is None:
        return mentions
    theirs = [m for m in mentions if m.sentence in headline and person_key(m.name) == key]
    if any(m.role for m in theirs):
        return mentions
    again = [m for m in mentions if m.sentence == opening.text and person_key(m.name) == key]
    if again and all(m.role is None for m in again):
        return mentions  # "The Russian leader has …, says the BBC's John Simpson": not John Simpson
    match = vocab.LEAD_ROLE.match(opening.text)
    if match is None and (_said_last(theirs[0]) or _leads(theirs[0])):
        match = vocab.SAID_ROLE.search(opening.text)  # "…, the health secretary says"
    if match is None or (match.groupdict().get("any_verb")
                         and not (_said_last(theirs[0]) or _leads(theirs[0]))):
        return mentions  # "The rapper wants …" under "Kanye wants Billie Eilish to …": Kanye's
    role, affiliation = _titled(match)
    if role is None or _relation(role):  # "X's mum says …" under a headline about X: not X
        return mentions
    return [replace(m, role=role, affiliation=m.affiliation or affiliation)
            if m in theirs else m for m in mentions]


def _with_epithet_role(sentences: list[Sentence], mentions: list[Mention]) -> list[Mention]:
    """A text about one person only, named in its headline with no post anywhere, and a body
    sentence that has that person by a post as a clause's subject ("Marcus Rashford to publish
    guide" / "…, in which the England footballer will explore …", "…, the Nobel Peace Prize
    laureate says"), before any mention of them there: the post is theirs."""
    keys = {person_key(m.name) for m in mentions}
    headline = {s.text for s in sentences if s.paragraph == 0}
    if len(keys) != 1 or any(m.role for m in mentions) or not any(m.sentence in headline for m in mentions):
        return mentions
    opening = next((s for s in sentences if s.paragraph == 1), None)
    for sentence in sentences:
        if sentence.paragraph == 0:
            continue
        match = vocab.EPITHET_ROLE.search(sentence.text, 1 if sentence is opening else 0)
        if match is None or any(m.sentence == sentence.text and m.start - sentence.start > match.start()
                                for m in mentions):
            continue  # the opening's own subject is `_with_lead_role`'s; "the Labour leader accused X": not X
        role, affiliation = _titled(match)
        if role is not None and not _relation(role):
            return [replace(m, role=role, affiliation=m.affiliation or affiliation) for m in mentions]
    return mentions


def _with_delayed_name(sentences: list[Sentence], mentions: list[Mention]) -> list[Mention]:
    """A body that opens on someone by their post alone and names them at the start of its next
    sentence ("The founder of a London crypto firm has been jailed … . Elliot Vance, 44, told
    customers …"): the name holds the post, when the text gives them none."""
    body = [s for s in sentences if s.paragraph == 1]
    if len(body) < 2:
        return mentions
    dateline = WIRE_DATELINE.match(body[0].text)  # "LONDON, Nov 3 (Caspian Wire) - The former …"
    skipped = dateline.end() if dateline else 0
    match = vocab.DELAYED_ROLE.match(body[0].text[skipped:])
    if match is not None and any(m.sentence == body[0].text and len(m.name.split()) > 1
                                 and skipped <= m.start - body[0].start < skipped + match.end()
                                 for m in mentions):
        return mentions  # the opening names its subject: no name is held back
    first = next((m for m in mentions if m.sentence == body[1].text), None)
    if (match is None or first is None or len(first.name.split()) < 2
            or body[1].text[:first.start - body[1].start].strip(" \"“‘'")
            or not _NAMED_AS_DOER.match(body[1].text, first.end - body[1].start)):
        return mentions
    key = person_key(first.name)
    if any(m.role for m in mentions if person_key(m.name) == key):
        return mentions
    role, affiliation = _titled(match)
    if role is None or _relation(role) or "spokes" in role.lower():
        return mentions  # "A police spokesman said …": the one named next is someone else
    role = f"{role}{match.group('duty') or ''}"  # "head of customer accounts"
    return [replace(m, role=role, affiliation=m.affiliation or affiliation)
            if person_key(m.name) == key else m for m in mentions]


# What follows the name that a lede held back: "Elliot Vance, 44, told …", "Jane Roe admitted …",
# "Anjali Rao, who left Kestrelpay in late 2024, said …"
_NAMED_AS_DOER = re.compile(r",\s*\d{1,3},|,\s+who\s+[^,;]{1,80},\s+(?:said|told|added)\b"
                            r"|\s+(?:(?-i:[a-z]{3,}ed)|said|told|was|has|had|is|admitted|denied)\b")


def _headline_person(headline: set[str], opening: Sentence, mentions: list[Mention]) -> str | None:
    """The key of the one person of the headline the opening may be about: the only one named,
    else the one the opening does not name again, else the headline's speaker ("Attacks on X's
    wife are sexist, says Y" / "The health secretary argues …"), unless the opening quotes
    someone itself ("Russia's president has underestimated …, says PM" is not the PM)."""
    named = {person_key(m.name) for m in mentions if m.sentence in headline}
    if len(named) > 1:
        again = {surname(person_key(m.name)) for m in mentions if m.sentence == opening.text}
        named = {key for key in named if surname(key) not in again}
    if len(named) > 1 and not _QUOTES_SOMEONE.search(opening.text):
        speakers = {person_key(m.name) for m in mentions if m.sentence in headline and _said_last(m)}
        named = speakers if len(speakers) == 1 else named
    return next(iter(named)) if len(named) == 1 else None


_QUOTES_SOMEONE = re.compile(r",\s+(?:says|said|adds|added|according\s+to)\s+[\w'’. -]{2,40}$|"
                             r",\s+(?:he|she|they)\s+(?:says|said)\b", re.IGNORECASE)


def _relation(role: str) -> bool:
    """A role that says whose relative someone is ("mum", "husband"), not what they do."""
    return role.rsplit(None, 1)[-1].lower() in vocab.RELATIONS


def _said_last(mention: Mention) -> bool:
    """A headline ending on the person who said it: "… answers he gave me - Emily Maitlis",
    "…, Putin says"."""
    at = mention.sentence.rfind(mention.name)
    rest = mention.sentence[at + len(mention.name):].strip(" .\"'’”") if at >= 0 else "-"
    return (rest == "says" and mention.sentence[:at].rstrip().endswith(",")) or (
        not rest and vocab.SAID_BY_LAST.search(mention.sentence[:at]) is not None)


def _leads(mention: Mention) -> bool:
    """A headline whose subject is the person: the first capitalised words after any section's
    label ("Oscars: "), an owner allowed before them ("Pakistan's Imran Khan is …")."""
    first = vocab.HEADLINE_SUBJECT.match(mention.sentence)
    return first is not None and mention.sentence.startswith(mention.name, first.end())


def _with_headline_role(sentences: list[Sentence], mentions: list[Mention]) -> list[Mention]:
    """The converse: a headline that opens on a post and names no one for it, and a body whose
    opening sentence names one person, as its subject or as its speaker ("Ryanair boss: Air
    fares will be higher" / "…, says Michael O'Leary."): that person holds the post."""
    headline, opening = _headline_and_opening(sentences)
    if headline is None or opening is None:
        return mentions
    match = vocab.HEADLINE_ROLE.match(headline.text)
    titles = [s.text for s in sentences if s.paragraph == 0]
    if match is None and not any(m.sentence in titles for m in mentions):
        # "…, standards chief admits"; "Do dogs need boots? A … trainer weighs in"
        match = vocab.HEADLINE_END_ROLE.search(titles[-1])
    there = [m for m in mentions if m.sentence == opening.text]
    if match is None or len({person_key(m.name) for m in there}) != 1:
        return mentions
    person = there[0]
    named_in_headline = any(person_key(m.name) == person_key(person.name)
                            for m in mentions if m.sentence == headline.text)
    role, affiliation = _titled(match)
    if named_in_headline or not _starts_on(person, opening) or role is None:
        return mentions
    return [replace(m, role=role, affiliation=m.affiliation or affiliation)
            if m in there and m.role is None else m for m in mentions]


def _with_label_role(sentences: list[Sentence], mentions: list[Mention]) -> list[Mention]:
    """A headline labelled with a person's name and going on with a post ("Gillian Keegan:
    Minister sorry for …"), over a body that opens on that person and no one else: the label's
    person holds the post."""
    headline, opening = _headline_and_opening(sentences)
    if headline is None or opening is None:
        return mentions
    label = next((m for m in mentions if m.sentence == headline.text and m.role is None
                  and not headline.text[:m.start - headline.start].strip(" \"“‘'")), None)
    if label is None or {person_key(m.name) for m in mentions if m.sentence == opening.text} \
            != {person_key(label.name)}:
        return mentions
    match = vocab.LABEL_ROLE.match(headline.text, label.end - headline.start)
    role, affiliation = _titled(match) if match else (None, None)
    if role is None or _relation(role):  # "X: Daughter and wife say …": X's relatives
        return mentions
    return [replace(m, role=role, affiliation=m.affiliation or affiliation) if m == label else m
            for m in mentions]


def _with_post_in_headline(sentences: list[Sentence], mentions: list[Mention]) -> list[Mention]:
    """A headline that speaks of one person by a post alone, anywhere in it ("Gordon Ramsay
    sends chef to help school canteen", "Backlash after Bank boss says …"), and a body whose
    opening names one person it gives no post and the headline does not name: that person
    holds the post. Not when the headline speaks of someone else besides ("Man charged after
    officer hurt"): the post may then be the other's."""
    headline, opening = _headline_and_opening(sentences)
    if headline is None or opening is None:
        return mentions
    titles = [s.text for s in sentences if s.paragraph == 0]
    posts = [match for title in titles for match in vocab.HEADLINE_MID_ROLE.finditer(title)]
    if len(posts) != 1 or any(vocab.SOMEONE_IN_HEADLINE.search(title) for title in titles):
        return mentions
    if any(m.role for m in mentions if m.sentence in titles):
        return mentions  # "Jeremy Giambi, former MLB player, has died": the post is his
    placed = {person_key(m.name) for m in mentions if m.role or m.sentence in titles}
    there = [m for m in mentions if m.sentence == opening.text and person_key(m.name) not in placed]
    if len({person_key(m.name) for m in there}) > 1 and not posts[0].string[:posts[0].start()].strip():
        there = there[:1]  # "Gym owner 'cooperating fully'" / "Kieran Blythe, who opened Forge Fitness …"
    if len({person_key(m.name) for m in there}) != 1 or not _opens_on(there[0], opening):
        return mentions
    words = {w.casefold() for title in titles for w in vocab.WORD.findall(title)}
    role, affiliation = _titled(posts[0])
    if role is None or _relation(role) or surname(person_key(there[0].name)) in words:
        return mentions  # "Osaka … says she started talking to a therapist": not the therapist
    if re.search(rf"\b{re.escape(role.split()[-1])}\b", opening.text, re.IGNORECASE):
        return mentions  # "X speaks with UN relief chief Martin Griffiths": the opening's own post
    key = person_key(there[0].name)
    return [replace(m, role=role, affiliation=m.affiliation or affiliation)
            if person_key(m.name) == key else m for m in mentions]


# A presenter's line ("Christiane Amanpour speaks with …"), or one of two ("X and Y discuss …")
_PRESENTS = re.compile(r"\s+(?:speaks|spoke|talks|talked|sits\s+down|sat\s+down|interviews|joins|asks|"
                       r"reports|and)\b")


def _opens_on(person: Mention, opening: Sentence) -> bool:
    """`_starts_on`, or after saying who they are ("One of the stars of the Bolshoi Ballet, Olga
    Smirnova, has quit"); not a presenter's line ("CNN's John Berman speaks with …": the post is
    the guest's) nor one of two ("X and Col. Y discuss")."""
    if _PRESENTS.match(opening.text, person.end - opening.start):
        return False
    before = opening.text[:person.start - opening.start]
    return _starts_on(person, opening) or _APPOSITION_FIRST.match(before) is not None


def _starts_on(person: Mention, opening: Sentence) -> bool:
    """Whether the opening sentence is about the person: it starts on them (a time may come
    first: "When X served …", and an owner: "CNN's Peter Bergen reviews …") or ends on them as
    its speaker ("…, says Michael O'Leary")."""
    before = opening.text[:person.start - opening.start]
    speaker = vocab.SPEAKER_LAST.search(opening.text)
    return (not before or vocab.WHEN_THEY.match(before) is not None
            or (speaker is not None and speaker.group("name") == person.name))


# "One of the stars of Moscow's Bolshoi Ballet, Olga Smirnova, has quit": who they are, then them
_APPOSITION_FIRST = re.compile(r"^(?:One|A|An|The)\b[^,;:.!?\"“”]{3,80},\s*$")


# Candidates ------------------------------------------------------------------------------------

def _candidates(sentence: Sentence) -> list[_Candidate]:
    text, found = sentence.text, []
    tokens = _surname_titles(_tokens(text), text)
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
            start, end = tokens[first].start, tokens[last].end
            previous = vocab.WORD.findall(text, max(0, start - 40), start)[-1:]
            thing = (True if before == "org" and tokens[first - 1].text.lower() in vocab.TEAM_BEFORE
                     else _thing(text, start, end, tokens[last].possessive))
            found.append(_Candidate(sentence, start, end, proper, title_case,
                                    bool(previous) and previous[0] in vocab.PREPOSITIONS,
                                    thing is True, thing is None))
    return found


def _thing(text: str, start: int, end: int, possessive: bool) -> bool | None:
    """Whether the words around a name make it a body, a work or an event (True), a modifier
    of a noun that may be a person's ("the Ghislaine Maxwell trial": None), or neither."""
    if possessive:
        return False
    after = vocab.LOWER_WORD_AFTER.match(text, end)
    noun_after = after is not None and after.group("word") not in vocab.FUNCTION
    if vocab.DETERMINER_BEFORE.search(text, max(0, start - 12), start):
        return None if noun_after else True  # "the Super Bowl", "her Platinum Jubilee"
    if vocab.ORG_NOUN_BEFORE.search(text, max(0, start - 16), start):
        return True  # "band Foo Fighters"
    if vocab.NUMBER_AFTER.match(text, end):
        return True  # "Final Fantasy 7", "Luton 2-3 Chelsea"
    if vocab.ROLE_AFTER.match(text, end):
        return None  # "Foo Fighters drummer", "Walking Dead actor"
    quoted = start > 0 and text[start - 1] in "\"“‘'" and text[end:end + 1] in "\"”’'"
    return quoted and not text[end + 1:end + 2].isalpha()  # "'Walking Dead'"


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for match in vocab.TOKEN.finditer(text):
        word = match.group()
        possessive = word.endswith(("'s", "’s")) and len(word) > 3
        bare = word[:-2] if possessive else word
        tokens.append(_Token(bare, match.start(), match.start() + len(bare), _kind(bare), possessive))
    return tokens


_THE_BEFORE = re.compile(r"\b(?i:the)\s+$")


def _surname_titles(tokens: list[_Token], text: str) -> list[_Token]:
    """A title word that ends a name is its surname: "Sir John Major" (but "Major General X");
    so is a post's word after a first name, when no capitalised word follows ("Stephen King
    said", "Adam Driver", "Jofra Archer"; but "Apple Chief Tim Cook", "Nvidia Chief Executive")."""
    for i, token in enumerate(tokens):
        after_a_name = i and tokens[i - 1].kind == "name" and _joined(text, tokens[i - 1], token)
        if token.kind == "stop" and after_a_name and _ends_a_name(tokens, i, text):
            tokens[i] = _Token(token.text, token.start, token.end, "name", token.possessive)
    return tokens


def _ends_a_name(tokens: list[_Token], i: int, text: str) -> bool:
    following = tokens[i + 1] if i + 1 < len(tokens) and _joined(text, tokens[i], tokens[i + 1]) else None
    lowered = tokens[i].text.lower()
    if lowered in vocab.SURNAME_TITLES:
        return following is None or following.kind not in vocab.NAME_KINDS
    first = tokens[i - 1].start
    return (lowered in vocab.POST_SURNAMES and (following is None or not following.text[0].isupper())
            and not _THE_BEFORE.search(text, max(0, first - 5), first))  # "'The Masked Singer'"


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
    if lowered in vocab.STOP or (lowered[-1] == "s" and lowered[:-1] in vocab.HEAD_WORDS):  # "Actors"
        return "stop"
    return "name"


def _groups(tokens: list[_Token], text: str) -> list[tuple[int, int]]:
    """Index ranges of name-like tokens joined by spaces only (a possessive ends a group)."""
    groups: list[tuple[int, int]] = []
    for index, token in enumerate(tokens):
        if token.kind not in vocab.NAME_KINDS:
            continue
        nickname = index > 1 and _nickname(tokens, index - 1, text)  # "Spider" before this token
        if groups and groups[-1][1] == index - 1 and (nickname or _joined(text, tokens[index - 1], token)
                                                      or _nickname(tokens, index, text)):
            groups[-1] = (groups[-1][0], index)
        else:
            groups.append((index, index))
    return groups


def _joined(text: str, left: _Token, right: _Token) -> bool:
    gap = text[left.end:right.start]
    return not left.possessive and 0 < len(gap) <= 2 and gap.isspace()


def _nickname(tokens: list[_Token], index: int, text: str) -> bool:
    """Whether the token is a one-word nickname in quotes between a first name and a last:
    James "Spider" Marks."""
    if not 0 < index < len(tokens) - 1:
        return False
    left, nick, right = tokens[index - 1], tokens[index], tokens[index + 1]
    return (left.kind == "name" and nick.kind == "name" and right.kind == "name" and not left.possessive
            and text[left.end:nick.start] in (' "', " “", " ‘")
            and text[nick.end:right.start] in ('" ', "” ", "’ "))


def _verb_shaped_opener(text: str, token: _Token) -> bool:
    """A clause's first word shaped like a verb or participle: "Calling", "Murdered"."""
    before, word = text[max(0, token.start - 40):token.start].rstrip(), token.text
    opens = not before and token.start <= 40  # the sentence's first word
    return ((opens or before[-1:] in tuple(":\"“‘(—–-")) and len(word) >= 6
            and word.endswith(("ing", "ed")) and not word.endswith("med"))


def _is_title_case(text: str) -> bool:
    """A headline in Title Case, where capitals say nothing of names: three in four of its long
    words capitalised, and no short word but a joining one in lower case ("the", "and", "for";
    a lower-case "war" or "say" is no Title Case)."""
    found = vocab.WORD.findall(text)[1:]
    words = [w for w in found if len(w) >= 4]
    return (len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)
            and not any(len(w) == 3 and w.islower() and w not in _SMALL_WORDS for w in found))


_SMALL_WORDS = frozenset("the and but for nor yet off out via per its has was are".split())


# Reading one candidate -------------------------------------------------------------------------

_TITLE_ROLES = frozenset(role for role in vocab.HONORIFICS.values() if role)  # "Cllr": a councillor


def _read(candidate: _Candidate) -> tuple[Mention, int, int]:
    """The mention, what its own sentence says about it being a person, and its count of name
    tokens."""
    text, start, end, proper = candidate.sentence.text, candidate.start, candidate.end, candidate.proper
    role, affiliation, prefix = _role_before(text, start, end, proper == 1)
    if prefix == start and proper > 2:  # "… Commissioner for Refugees Filippo Grandi"
        for token in list(vocab.TOKEN.finditer(text, start, end))[1:3]:
            match = vocab.LEFT_ROLE.search(text, max(0, token.start() - 120), token.start())
            if match and vocab.ROLE_TAIL.search(match.group("role")):
                proper -= len(vocab.TOKEN.findall(text, start, token.start()))
                role, affiliation, prefix = _role_before(text, start := token.start(), end, False)
                break
    titled = prefix < start
    if role is None or _relation(role) or role in _TITLE_ROLES:
        # "her husband, X, a human rights lawyer": the lawyer; "Cllr X has been elected leader of
        # Peakland District Council": the leader, more than the councillor her title says
        by_title = role in _TITLE_ROLES
        after_role, after = _role_after(text, start, end)
        role = after_role or role
        affiliation = (after or affiliation) if by_title and after_role else affiliation or after
        titled = titled or role is not None
    if role is None and _outlets_journalist(affiliation, text, end):  # "CNN's Ivan Watson reports"
        role, titled = OUTLETS_JOURNALIST, True
    party = vocab.PARTY_TAG.match(text, end)
    if party:  # "(R-GA)": a member of a US legislature
        role, titled = role or "lawmaker", True
        affiliation = affiliation or vocab.PARTIES[party.group("party")]
    verb = _speech_verb(text, end, prefix)
    single = proper == 1
    if titled or (verb is not None and not (single and candidate.after_preposition)):
        evidence = _STRONG
    elif candidate.thing:
        evidence = _THING
    elif not single and not candidate.title_case and not candidate.modifier:
        evidence = _SHAPE
    else:
        evidence = _NONE
    sentence = candidate.sentence
    mention = Mention(without_nickname(text[start:end]), role, affiliation,
                      sentence.text if verb else None, verb, sentence.text,
                      sentence.start + start, sentence.start + end)
    return mention, evidence, proper


def _outlets_journalist(affiliation: str | None, text: str, end: int) -> bool:
    """Whether a person owned by a news outlet is written reporting, interviewing or explaining."""
    outlet = (affiliation or "").casefold().removeprefix("the ")
    return outlet in vocab.NEWS_OUTLETS and vocab.PRESENTER_AFTER.match(text, end) is not None


def _role_before(text: str, start: int, end: int, single: bool) -> tuple[str | None, str | None, int]:
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
            role, affiliation = _titled(match)
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
            role, affiliation = _titled(match)
            if role is not None:
                return role, affiliation, match.start()
    match = vocab.LEFT_HON.search(text, low, start) if near[-1].lower() in vocab.HONORIFICS else None
    if match:  # "UK Sport chair Dame Katherine Grainger", "CNN's Dr Sanjay Gupta"
        titled = vocab.LEFT_ROLE.search(text, low, match.start())
        role, affiliation = _titled(titled) if titled else (None, None)
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


def _titled(match: re.Match[str]) -> tuple[str | None, str | None]:
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
            and aff.lower() in vocab.LOWER_MODIFIERS and aff[:1].isupper()
            and _SENTENCE_START.search(match.string, 0, match.start("aff")) is not None)


def _plausible(role: str) -> bool:
    """A head in capitals is an acronym role (MP, CEO) or no role at all ("ICON Park")."""
    head = role.split()[-1]
    return not (head.isupper() and len(head) > 1 and head.lower() not in vocab.ACRONYM_ROLES)


def _pre(pre: str | None) -> str:
    return "" if not pre else "former " if pre.lower() == "ex-" else pre


def _role_after(text: str, start: int, end: int) -> tuple[str | None, str | None]:
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


def _speech_verb(text: str, end: int, prefix: int) -> str | None:
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


# A role read loosely, for one person asked about ----------------------------------------------

_LOOSE_AFTER = re.compile(r"\s*(?:,|\s[-–—]+)\s*(?:(?:a|an|the)\s+)?(?P<role>[^,;:()]{3,90}?)"
                          r"\s*(?:,|;|\s[-–—]|\)|$)")
_LOOSE_COLON = re.compile(r"\s*:\s+(?:(?:a|an|the)\s+)?(?P<role>(?:[\w’'-]+\s+){0,5}?[\w’'-]+)\s+"
                          r"(?:dies|died|won['’]t|will|wins|says|is|was|has|had|to|returns|quits|on"
                          r"|(?-i:[a-z]{2,}s))\b")  # "X: Former Roma manager shares …"
# "X is appointed as England interim head coach for …", "X has been named the club's new manager"
_APPOINTED = re.compile(r"\s+(?:is|was|has\s+been|had\s+been|have\s+been)\s+(?:appointed|named|made|"
                        r"confirmed|unveiled|installed)\s+(?:as\s+)?(?:(?:a|an|the)\s+)?"
                        r"(?P<role>[^,;:()]{3,60}?)\s*(?:[,;.]|\s(?:for|at|in|on|after|until|with|by)\b|$)")
_BRACKETED = re.compile(r"\s*\([^()]{1,40}\)")  # "the head of the US Anti-Doping Agency (USADA), X"
_WHO_CLAUSE = re.compile(r"\s*,\s*(?P<role>who\s+(?!is\b|was\b|has\b|had\b|said\b|says\b|told\b)"
                         r"[^,;:]{3,90}?)\s*(?:,|;|$)")
_LOOSE_BEFORE = re.compile(r"(?:^|[,;:(\"“‘]|\b(?:a|an|the)\s)\s*(?P<role>[^,;:()\"“”]{3,90}?)\s*,\s*$")
_WORDS_BEFORE = 4
# "Giving evidence at Manchester Crown Court, X said": what X was doing, not a role
_DOING = re.compile(r"\s*(?-i:[A-Z][a-z]+ing)\b")
# "X was one of the Post Office workers wrongly convicted": one of a group named by its role
_ONE_OF = re.compile(r"\s+(?:(?:is|was|has\s+been|had\s+been|became)\s+)?(?:also\s+)?(?:one\s+of|among)\s+"
                     r"(?:the\s+)?(?:(?:[\w’'-]+\s+)?[\w’'-]+['’]s\s+)?(?P<role>(?:[\w’'-]+\s+){0,3}?[\w’'-]+?(?:s|men))\b(?!['’])")
# "X has been a breakout star as Faye", "X is a young goalkeeper with …"; an obituary's "X, who
# has died aged 81, was a stage actor of rare range"
_HAS_BEEN_A = re.compile(r"(?:,\s+who\s+(?:has\s+)?died\b[^,;.]{0,40},)?"
                         r"\s+(?:has\s+been|had\s+been|is|was)\s+(?:(?:a|an|the)\s+)?"
                         r"(?P<role>(?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+(?:as|on|in|for|at|with|since|of|who)\b")
# "… has overtaken Y to become the wealthiest person in Asia"
_TO_BECOME = re.compile(r"\s+(?:has\s+|had\s+)?[^,;:.]{0,80}?\bto\s+become\s+(?:the\s+|a\s+|an\s+)?"
                        r"(?P<role>(?:[\w’'-]+\s+){0,3}?[\w’'-]+(?:\s+(?:in|of)\s+(?-i:[A-Z])[\w’'-]+)?)"
                        r"\s*(?:[,;.]|\s(?:after|according|since|when|with|by|on)\b|$)")
# "X qualified as a social worker in 2019", "X, who works as a nurse in Leeds"
_WORKS_AS = re.compile(r"\s+(?:(?:has|had|have|now|also|first|later|then|once|previously)\s+)*"
                       r"(?:works?|worked|working|qualified|qualifies|trained|trains|serves|served|serving|started|began|volunteers|"
                       r"volunteered|retired|spent(?:\s+[\w’'-]+){1,3}?)\s+as\s+(?:a|an|the)\s+"
                       r"(?P<role>(?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s*(?:[,;.]|\s(?:in|at|for|with|since|after|"
                       r"before|and|until|on|of|from|to|when|during)\b|$)")
# "a family portrait taken by X", "a film directed by X": the maker of a work, by what they made it
_MAKERS = {"taken": "photographer", "shot": "photographer", "captured": "photographer",
           "directed": "director", "curated": "curator", "designed": "designer",
           "choreographed": "choreographer", "illustrated": "illustrator", "composed": "composer",
           "written": "writer", "co-written": "writer"}
_MADE_BY = re.compile(r"(?:\b(?:photo(?:graph)?s?|pictures?|portraits?|images?|snaps?)\s+"
                      r"(?:[\w’'-]+\s+){0,2}?(?P<verb>taken|shot|captured)"
                      r"|\b(?P<verb2>directed|curated|designed|choreographed|"
                      r"illustrated|composed|written|co-written))\s+by\s+$", re.IGNORECASE)
# "X stars as …", "X … with an understated performance as Denmark's queen": X acts
_ACTS = re.compile(r"[^.;:!?]{0,100}?\b(?:stars\s+as|starred\s+as|starring\s+as|"
                   r"performance\s+as\s+(?-i:[A-Z])|portrays|"
                   r"portrayed|(?:plays|played|playing)\s+the\s+(?:title\s+)?(?:role|part)\s+of)",
                   re.IGNORECASE)
_SUPERLATIVE_PERSON = re.compile(r"\b(?:\w+est|most\s+\w+)\s+(?:person|man|woman|player|people)\b",
                                 re.IGNORECASE)
# "X was crowned the 70th Miss World", "X was crowned world champion": the title is who they are
_CROWNED = re.compile(r"\s+(?:was|is|has\s+been|had\s+been|were|are)\s+crowned\s+(?:the\s+)?"
                      r"(?:\d{1,3}(?:st|nd|rd|th)\s+|new\s+)?(?P<role>(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*"
                      r"|(?:[a-z][\w'’-]*\s+){0,2}champions?)")
# "X has won the £25,000 Wenlock Prize for Poetry", "X won this year's Booker Prize": a prize's winner
_HAS_WON = re.compile(r"\s+(?:has\s+|have\s+|had\s+)?(?:won|wins|scooped|scoops)\s+"
                      r"(?:the\s+|this\s+year['’]s\s+)?"
                      r"(?:[£$€]\s?[\d,.]+\s*(?:m|k|bn|million)?\s+)?"
                      r"(?P<prize>(?:[A-Z][\w'’-]*\s+){0,4}(?:Prize|Award|Medal|Trophy)"
                      r"(?:\s+for\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?)(?![\w'’-])")
# "Morad Tahbaz: British-US national detained in Iran", "a British national"
_NATIONAL = re.compile(r"\s*:\s+(?P<role>(?:[A-Z]\w*-)?(?P<nation>[A-Z]\w+)\s+(?:dual\s+)?national)\b")
_REVIEWED = re.compile(r"\s+review\b")
_DOCTOR_BEFORE = re.compile(r"\bDr\.?\s+$")
_TITLE_BEFORE = re.compile(r"\b(?:Dr|Prof|Professor|Mr|Mrs|Ms|Miss|Sir|Dame)\.?\s+$")
_AGE_AFTER = re.compile(r",\s*\d{1,3}(?=\s*,)")
# ", a dental hygienist and mother of two,", ", an external member of the Bank of England's MPC,":
# an apposition that calls the person an agent of some work (a noun in -er, -ist, -ian …)
_AN_AGENT_AFTER = re.compile(r"\s*,\s*(?:a|an)\s+"
                             r"(?P<role>(?:[a-z][\w'’-]*\s+){0,3}?(?P<head>[a-z][\w'’-]{3,})"
                             r"(?:\s+(?:of|at|for|with|and)\s+[^,;:()]{2,60}?)?)\s*(?:,|;|\s[-–—]|\)|$)")
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent")
# Words with an agent's ending that name no one's work
_NO_AGENTS = frozenset("""number quarter other another order water letter centre center matter winter summer
paper border corner power tower river cancer weather disaster chapter monster however whether either
neither rather together after never ever later under over offer answer silver dinner platform moment
student event percent statement comment amount agent present parent client patient resident
communist socialist nationalist populist feminist marxist islamist separatist extremist loyalist unionist
centrist leftist rightist""".split())  # and a belief's followers: "Ex-communist Munira Mirza"


def _agentive(word: str) -> bool:
    """A lower-case noun shaped as one who does something ("treasurer", "hygienist",
    "technician"), for the loose reading of one person asked about."""
    return (word.islower() and len(word) > 5 and word.endswith(_AGENT_ENDINGS)
            and word not in _NO_AGENTS and word not in vocab.FUNCTION)
_THEN_THE_ROLE = re.compile(r"\s*(?:After|When|As|Since|Before|Though|Although|While|Once)\b"
                            r"(?P<clause>[^,;]{3,120}),\s+the\s+(?P<role>(?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+(?:has|had|was|is|said|says|"
                            r"(?-i:[a-z]{2,}(?:ed|s)|began|went|came|took|made|won|told))\b")


def role_near(name: str, text: str) -> str | None:
    """The role a sentence gives one named person, read more loosely than `extract_people`
    does, for a member asking who that person is: the words just before the name that end in a
    role ("Los Angeles Dodgers co-owner X"), an apposition holding a role (", head of the
    investigative department for Y,"), a role ending in a comma before the name ("a top science
    adviser to President Joe Biden, X"), a headline's "X: Singer won't …", an appointment ("X is
    appointed as interim head coach"), or "X, who created GIFs,"."""
    at = text.find(name)
    if at < 0:
        return None
    end = at + len(name)
    end += 2 if text[end:end + 2] in ("'s", "’s") else 0
    if (age := _AGE_AFTER.match(text, end)) is not None:
        end = age.end()  # "Kayla Ostrander, 34, a dental hygienist"
    before = text[:at]
    before = before[:title.start()] if (title := _TITLE_BEFORE.search(before)) else before  # "…, Dr X"
    words_before = vocab.WORD.findall(before)[-_WORDS_BEFORE:]
    if words_before and before.rstrip() == before.rstrip(" ") \
            and (_is_role(words_before[-1:]) or _agentive(words_before[-1])) \
            and not before.rstrip().endswith((",", ".", ":", ";")):
        return _span_role(before, words_before)
    for pattern in (_LOOSE_AFTER, _LOOSE_COLON, _APPOINTED):
        match = pattern.match(text, end)
        if match and _is_role(vocab.WORD.findall(match.group("role"))[:6]):
            return _trimmed(match.group("role"))
    if (match := _AN_AGENT_AFTER.match(text, end)) is not None and _agentive(match.group("head")):
        return _trimmed(match.group("role"))  # "X, an external member of the Bank of England's MPC,"
    match = _ONE_OF.match(text, end)
    if match and _is_role(vocab.WORD.findall(match.group("role"))):
        return _singular(_trimmed(match.group("role")))
    for pattern in (_HAS_BEEN_A, _TO_BECOME, _WORKS_AS):
        match = pattern.match(text, end)
        if match and (_is_role(vocab.WORD.findall(match.group("role"))[:6])
                      or _SUPERLATIVE_PERSON.search(match.group("role"))):
            return _trimmed(match.group("role"))
    match = _CROWNED.match(text, end)
    if match:
        return match.group("role")
    match = _HAS_WON.match(text, end)
    if match:
        return f"winner of the {match.group('prize')}"  # "X has won the £25,000 Wenlock Prize for Poetry"
    match = _LOOSE_BEFORE.search(_BRACKETED.sub("", before))
    if match and _is_role(vocab.WORD.findall(match.group("role"))) and not _DOING.match(match.group("role")):
        return _trimmed(match.group("role"))
    match = _WHO_CLAUSE.match(text, end)
    if match:
        return _trimmed(match.group("role"))
    if before.endswith(" by ") and _REVIEWED.match(text, end):
        return "author"  # "What I Wish People Knew About Dementia by Wendy Mitchell review"
    if _ACTS.match(text, end):
        return "actor"  # "X elevates this drama with a masterful performance as Queen Margrete"
    made = _MADE_BY.search(before)
    if made is not None:
        return _MAKERS[(made.group("verb") or made.group("verb2")).lower()]
    if _PARTY_OF.search(before):
        return "party leader"  # "the liberal New Direction party of X"
    if _STUDY_LED_BY.search(before):
        return "lead researcher"  # "The study … was led by Dr X of the University of Leeds"
    ranked = _RANKED_AFTER.match(text, end) or _RANKED_BEFORE.search(before)
    if ranked is not None:
        return f"player ranked {_ordinal(int(ranked.group('rank')))} in the world"
    return _role_after_clause(name, text) or _national(text, end)


# "X of the Netherlands, ranked 87th in the world,", "X, the world No 23,", "world No 87 X": a
# player, whatever the sport
_RANKED_AFTER = re.compile(r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?,\s+(?:the\s+)?"
                           r"(?:world\s+(?:No\.?|number)\s*|ranked\s+(?=\d{1,4}(?:st|nd|rd|th)\s+in\s+the\s+world))"
                           r"(?P<rank>\d{1,4})")
_RANKED_BEFORE = re.compile(r"\bworld\s+(?:No\.?|number)\s*(?P<rank>\d{1,4})\s+$")


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


_PARTY_OF = re.compile(r"\b(?-i:[A-Z])[\w'’-]*\s+(?:party|movement|alliance|bloc)\s+of\s+$", re.IGNORECASE)
_STUDY_LED_BY = re.compile(r"\b(?:study|studies|research|trial|survey|analysis|review)\b[^.;:]{0,80}?"
                           r"\bled\s+by\s+(?:(?:Dr|Prof|Professor)\.?\s+)?$", re.IGNORECASE)


def _national(text: str, end: int) -> str | None:
    """A headline's "X: British-US national detained in Iran": a nation's national."""
    match = _NATIONAL.match(text, end)
    if match is None or match.group("nation").lower() not in vocab.DEMONYMS:
        return None
    return _trimmed(match.group("role"))


def doctor_before(name: str, text: str) -> bool:
    """"Dr. Anand Swaminathan": a doctor, when nothing else says what the person is (a full
    name: "Dr Dre" and "Dr Seuss" are names, not doctors)."""
    at = text.find(name)
    return at > 0 and len(name.split()) > 1 and _DOCTOR_BEFORE.search(text, max(0, at - 6), at) is not None


def peer_before(name: str, text: str) -> bool:
    """"Lord Young", "Baroness Hallett": a member of the House of Lords, when nothing else says
    what the person is."""
    at = text.find(name)
    return name.startswith(("Lord ", "Baroness ")) or (
        at > 0 and _PEER_BEFORE.search(text, max(0, at - 10), at) is not None)


_PEER_BEFORE = re.compile(r"\b(?:Lord|Baroness)\s+$")


def _singular(role: str) -> str:
    """"Post Office workers" → "Post Office worker"."""
    head, _, last = role.rpartition(" ")
    for plural, single in (("women", "woman"), ("men", "man"), ("ies", "y"), ("sses", "ss"),
                           ("ches", "ch"), ("shes", "sh"), ("s", "")):
        if last.endswith(plural):
            last = last[:-len(plural)] + single
            break
    return f"{head} {last}".strip()


def _role_after_clause(name: str, text: str) -> str | None:
    """"After X's mother died, the South African artist began …": an opening clause naming the
    person, then "the <role>" as the main clause's subject; not when the clause names that
    role itself ("When X met the minister, the minister said no")."""
    match = _THEN_THE_ROLE.match(text)
    if match is None or name not in match.group("clause"):
        return None
    role = vocab.WORD.findall(match.group("role"))
    clause = {w.lower() for w in vocab.WORD.findall(match.group("clause"))}
    if not _is_role(role) or {w.lower() for w in role} & clause:
        return None
    return _trimmed(match.group("role"))


def _is_role(found: list[str]) -> bool:
    """Whether words hold a role's head, itself a role ("creator"; not "staff" of "chief of
    staff"), before any verb ("apologized to staff" is no role)."""
    for word in found:
        lowered = word.lower()
        if lowered.endswith("ed") or lowered in vocab.SPEECH_VERBS:
            return False
        if any(w in vocab.HEAD_WORDS and w in vocab.ROLE_WORDS for w in (lowered, lowered.removesuffix("s"))):
            return True
    return False


def _span_role(before: str, found: list[str]) -> str:
    """The role words right before a name: back from its head over lower-case modifiers and a
    capitalised owner ("Los Angeles Dodgers co-owner")."""
    tail = before.rstrip().split()
    kept: list[str] = []
    for word in reversed(tail[-_WORDS_BEFORE:]):
        bare = word.strip("\"“”‘’'")
        if kept and (bare.lower() in vocab.FUNCTION or not bare):
            break
        kept.insert(0, bare)
    return _trimmed(" ".join(kept))


def _trimmed(role: str) -> str:
    found = role.split()
    return " ".join(found[:12]).strip(" \"“”‘’'.")
