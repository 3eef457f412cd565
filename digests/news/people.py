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

Here: the names, and posts read across a text (a headline's post for the body's person, a lede
that holds the name back). The post next to a name is read by `post_reading`; a looser reading
for who-is answers is `loose_roles`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from digests.news import people_words as vocab
from digests.news.names import OUTLETS_JOURNALIST, person_key, surname, without_nickname
from digests.news.post_reading import read_title, role_after_name, role_before_name, speech_verb
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
    role, affiliation = read_title(match)
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
        role, affiliation = read_title(match)
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
    role, affiliation = read_title(match)
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
    role, affiliation = read_title(match)
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
    role, affiliation = read_title(match) if match else (None, None)
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
    role, affiliation = read_title(posts[0])
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
    role, affiliation, prefix = role_before_name(text, start, end, proper == 1)
    if prefix == start and proper > 2:  # "… Commissioner for Refugees Filippo Grandi"
        for token in list(vocab.TOKEN.finditer(text, start, end))[1:3]:
            match = vocab.LEFT_ROLE.search(text, max(0, token.start() - 120), token.start())
            if match and vocab.ROLE_TAIL.search(match.group("role")):
                proper -= len(vocab.TOKEN.findall(text, start, token.start()))
                role, affiliation, prefix = role_before_name(text, start := token.start(), end, False)
                break
    titled = prefix < start
    if role is None or _relation(role) or role in _TITLE_ROLES:
        # "her husband, X, a human rights lawyer": the lawyer; "Cllr X has been elected leader of
        # Peakland District Council": the leader, more than the councillor her title says
        by_title = role in _TITLE_ROLES
        after_role, after = role_after_name(text, start, end)
        role = after_role or role
        affiliation = (after or affiliation) if by_title and after_role else affiliation or after
        titled = titled or role is not None
    if role is None and _outlets_journalist(affiliation, text, end):  # "CNN's Ivan Watson reports"
        role, titled = OUTLETS_JOURNALIST, True
    party = vocab.PARTY_TAG.match(text, end)
    if party:  # "(R-GA)": a member of a US legislature
        role, titled = role or "lawmaker", True
        affiliation = affiliation or vocab.PARTIES[party.group("party")]
    verb = speech_verb(text, end, prefix)
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
