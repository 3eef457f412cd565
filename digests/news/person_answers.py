"""Answering "who is": a person from their stored mentions (their role and affiliation), and
"who is the mayor of …": the one a supported sentence names with that post."""

from __future__ import annotations

import asyncio
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from digests.news.answer_types import Answer, AnswerStore, Quote, dont_know
from digests.news.lexicon import lemma
from digests.news.loose_roles import doctor_before, introduced_before, peer_before, role_near
from digests.news.names import describe, merge_names, person_key, surname
from digests.news.people import extract_people
from digests.news.question import KIND_PERSON, Question
from digests.news.sentence_search import SEARCHED, distinct_hits, search_terms, searched
from digests.news.support import SUPPORTED, lowercase_names, says_it, support
from digests.news.text import STOPWORDS, words
from digests.news.word_matching import has_name, meets
from digests.readings import CitedMention


async def answer_person(store: AnswerStore, asked: Question) -> Answer:
    """A full name is read from its own mentions and its surname's (indexed look-ups: a full
    name that is not stored is never someone else with that surname); a surname alone is
    looked for among every stored person, surnames merged into full names."""
    wanted = person_key((asked.person or "").strip(" ?.!\"'"))
    if len(wanted.split()) > 1:
        mentions = await store.mentions_of(_hyphenated(wanted))
        if not mentions:
            return await _person_from_sentences(store, asked)
        role, affiliation = await asyncio.to_thread(_describe, mentions)
        if role is None or " " not in role:  # "Podolyak, an adviser to …": the surname's mentions may say it
            by_surname = await store.mentions_of([surname(wanted)])
            if role is None:
                role, affiliation = await asyncio.to_thread(_describe, [*mentions, *by_surname])
            else:  # "champion", and a title's "Olympic champion Vos": the fuller post
                role = _fuller(role, by_surname)
    else:
        people = await store.person_keys()
        # Merging tens of thousands of names is CPU work: in a thread, so the event loop gets turns.
        key = await asyncio.to_thread(_find_person, asked.person or "", people)
        if key is None:
            return await _person_from_sentences(store, asked)
        mentions = await store.mentions_of(await asyncio.to_thread(same_person_keys, key, people))
        if not mentions:
            return dont_know(asked.text, KIND_PERSON)
        role, affiliation = await asyncio.to_thread(_describe, mentions)
    full_name = max((m.mention.name for m in mentions), key=len)
    if role and affiliation and affiliation in role:
        affiliation = None  # "Los Angeles Dodgers co-owner" already says it
    said = [m for m in mentions if m.mention.statement]
    chosen = (said or mentions)[:3]
    quotes = tuple(Quote(m.mention.statement or m.mention.sentence, m.source) for m in chosen)
    described = _described(role, affiliation)
    if not described:  # "A financial adviser who … . Kieran Ashworth, 52, …": the item says it
        texts = await store.item_texts({m.source.item_id for m in mentions})
        described = next(filter(None, (introduced_before(full_name, text) for text in texts.values())), "")
    if not described:
        return _not_described(asked, full_name, quotes)
    return Answer(asked.text, KIND_PERSON, True, f"{full_name} — {described}", quotes)


def _fuller(role: str, mentions: Sequence[CitedMention]) -> str:
    """The post most of these mentions give that ends on `role` ("Olympic champion" for
    "champion"), else `role`."""
    fuller = Counter(r for m in mentions if (r := m.mention.role) and r.lower().endswith(f" {role.lower()}"))
    return fuller.most_common(1)[0][0] if fuller else role


def _not_described(asked: Question, name: str, quotes: tuple[Quote, ...]) -> Answer:
    """A person the news names without saying who they are: "I don't know" for who they are,
    with where they are named, rather than their bare name as if it answered."""
    return Answer(asked.text, KIND_PERSON, False, f"I don't know who {name} is: the news I keep "
                  "names them without saying what they do. Where they are named:", quotes)


def _describe(mentions: Sequence[CitedMention]) -> tuple[str | None, str | None]:
    """Role and affiliation as most mentions give them, else a role read loosely."""
    role, affiliation = describe([m.mention for m in mentions])
    return role or _loose_role([(m.mention.name, m.mention.sentence) for m in mentions]), affiliation


_HEADS_AFTER_THEIR_OWNER = frozenset("""chief boss head owner co-owner founder co-founder captain
coach manager chairman chairwoman chair leader""".split())
"""Posts written after what they head: "Ryanair boss", "Met Police chief", "Liverpool manager",
"Labour leader"."""


def _described(role: str | None, affiliation: str | None) -> str:
    """The answer line's "who": "Met Police chief", "president, Finland", "drummer"."""
    if role and affiliation and role.casefold() in _HEADS_AFTER_THEIR_OWNER:
        return f"{affiliation} {role}"
    return ", ".join(p for p in (role, affiliation) if p)


def _loose_role(named: Sequence[tuple[str, str]]) -> str | None:
    """The role most of a person's sentences give, read loosely (`role_near`)."""
    roles = Counter(r for name, text in named if (r := role_near(name, text)))
    if roles:
        return roles.most_common(1)[0][0]
    if any(doctor_before(name, text) for name, text in named):
        return "doctor"
    return "peer, House of Lords" if any(peer_before(name, text) for name, text in named) else None


async def _person_from_sentences(store: AnswerStore, asked: Question) -> Answer:
    """A person no mention was read for ("Steve Dickson"): the sentences naming them in full,
    with the role one of them gives; else "I don't know"."""
    name = (asked.person or "").strip(" ?.!\"'")
    if len(words(name)) < 2:
        return dont_know(asked.text, KIND_PERSON)
    hits = await searched(store, words(name), SEARCHED)
    written = [h for h in hits if has_name(name, h.text) and re.search(
        r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words(name)) + r"(?!\w)", h.text, re.IGNORECASE)]
    if not written:
        return dont_know(asked.text, KIND_PERSON)
    as_written = [(m.group(), h.text) for h in written if (m := re.search(
        r"\s+".join(re.escape(w) for w in words(name)), h.text, re.IGNORECASE))]
    role = _loose_role(as_written)
    quotes = tuple(Quote(h.text, h.source) for h in written[:3])
    if role is None:
        return _not_described(asked, as_written[0][0], quotes)
    return Answer(asked.text, KIND_PERSON, True, f"{as_written[0][0]} — {role}", quotes)


async def answer_holder(store: AnswerStore, asked: Question, rarity: Mapping[str, float]) -> Answer:
    """"Who is the mayor of Kherson": a person a supported sentence names with that post; a
    sentence about the post that names no one in it answers nothing."""
    post = [lemma(w.lower()) for w in words(asked.person or "") if w.lower() not in STOPWORDS]
    heads = {t for t in post if t in _POST_HEADS}
    rest = [t for t in post if t not in heads]  # "space agency" of "the head of Russia's space agency"
    hits = distinct_hits(await searched(store, search_terms(asked, rarity), SEARCHED))
    named = lowercase_names(asked, (h.text for h in hits), rarity)
    ranked = sorted(((support(asked, h.text, rarity, named), h) for h in hits),
                    key=lambda pair: (pair[0], pair[1].score), reverse=True)
    for score, hit in ranked:
        if score < SUPPORTED:
            break
        if not says_it(asked, hit.text, hit.source.published_at.date()):
            continue
        for mention in extract_people(hit.text):
            if _named_in(mention.name, asked.text):
                continue  # "the new Chelsea manager after Tuchel": not Tuchel
            role = mention.role or role_near(mention.name, hit.text) or ""
            held = {lemma(w.lower()) for w in words(f"{role} {mention.affiliation or ''}")}
            if heads & held and all(meets(t, held) for t in rest):
                of = f", {mention.affiliation}" if mention.affiliation else ""
                headline = f"{mention.name} — {role}{of}"
                return Answer(asked.text, KIND_PERSON, True, headline, (Quote(hit.text, hit.source),))
    return dont_know(asked.text, KIND_PERSON)


def _named_in(name: str, question: str) -> bool:
    """Whether the question itself names the person (by any of their names)."""
    typed = {w.casefold() for w in words(question)}
    return any(part.casefold() in typed for part in words(name) if len(part) > 2)


_POST_HEADS = frozenset(lemma(w) for w in """mayor governor head leader president minister ceo chief
boss commissioner chair chairman director captain manager coach owner spokesman spokesperson
secretary ambassador king queen pope premier chancellor founder""".split())


def _hyphenated(key: str) -> list[str]:
    """A name's key as typed, and with one of its spaces written as the hyphen of a
    double-barrelled name ("tom ashworth reid" may be stored as "tom ashworth-reid")."""
    parts = key.split()
    return [key, *(" ".join([*parts[:at - 1], f"{parts[at - 1]}-{parts[at]}", *parts[at + 1:]])
                   for at in range(2, len(parts)))]


def same_person_keys(key: str, people: Sequence[tuple[str, str, int]]) -> list[str]:
    """Every stored key naming the same person: "podolyak" alongside "mykhailo podolyak"."""
    canonical = merge_names(name for _, name, _ in people)
    names = {k: name for k, name, _ in people}
    target = person_key(canonical.get(names.get(key, key), names.get(key, key)))
    return [k for k, name, _ in people if person_key(canonical.get(name, name)) == target] or [key]


def _find_person(name: str, people: Sequence[tuple[str, str, int]]) -> str | None:
    """The stored person a name means: the full key, else a unique surname match."""
    wanted = person_key(name.strip(" ?.!\"'"))
    if not wanted:
        return None
    for key, _, _ in people:
        if key == wanted:
            return key
    if len(wanted.split()) > 1:
        return None  # a full name that is not stored: never someone else with that surname
    matches = [key for key, _, _ in people if key.split()[-1] == wanted]
    full = [k for k in matches if len(k.split()) > 1]
    if len(set(full)) == 1:
        return full[0]
    return matches[0] if len(matches) == 1 else None
