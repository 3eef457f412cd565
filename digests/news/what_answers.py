"""What a sentence tells beyond the question's words: a cause, a kind, what something is or is
called, what follows the question's own words; and whether it completes what is asked."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from digests.news.asked_names import (
    NAME,
    QUOTED_WORDS,
    Wanted,
    wanted,
)
from digests.news.extracts import (
    given_words,
    is_given,
)
from digests.news.lexicon import kinds_of_lemma, lemma
from digests.news.member_phrases import in_news_words
from digests.news.people import extract_people
from digests.news.people_words import DEMONYMS, HEAD_WORDS
from digests.news.place_answers import KNOWN_PLACES
from digests.news.question import SOMEONE, Question
from digests.news.text import STOPWORDS, words
from digests.news.word_matching import lemmas_of, meets

# "what kind of firm is Cobalt Ridge": "the American private equity firm Cobalt Ridge Partners"
_KIND_OF_ASKED = re.compile(r"^\s*what\s+(?:kind|type|sort)(?:a|s?\s+of)\s+(?P<noun>[a-z]+)\s+"
                            r"(?:is|was|are|were)\s+(?:the\s+)?(?P<name>[\w'’&.-]+)", re.IGNORECASE)
_DETERMINERS = frozenset("a an the this that its their his her our".split())


def kind_given(question: str, text: str) -> str | None:
    """The kind a sentence gives of what a "what kind of N is X" question asks about: the words
    before N right before X's name ("private equity firm"), or after "X, a" ("X, a Leeds-based
    firm"), or what "X is a" says it is ("an antisense oligonucleotide")."""
    asked = _KIND_OF_ASKED.match(question)  # "what kinda firm is …" too
    if asked is None:
        return None
    noun, name = re.escape(asked.group("noun")), re.escape(asked.group("name"))
    before = re.search(rf"((?:[\w'’-]+\s+){{1,3}}){noun}s?\s+(?i:{name})", text, re.IGNORECASE)
    after = re.search(rf"(?i:{name})[\w\s&.'’-]{{0,40}},\s+(?:an?|the)\s+((?:[\w'’-]+\s+){{1,3}}){noun}s?\b",
                      text, re.IGNORECASE)
    found = before or after
    if found is None:  # "Lumarsen is an antisense oligonucleotide, a short strand …"
        said = re.search(rf"(?i:{name})\s+(?:is|was)\s+(?:an?)\s+(?P<kind>(?:[\w'’-]+\s+){{0,2}}[\w'’-]+)"
                         r"(?=\s*[,.;:(]|\s+(?:that|which|used|made|developed|designed)\b)",
                         text, re.IGNORECASE)
        return said.group("kind") if said is not None else None
    kept = [w for w in found.group(1).split() if w.casefold() not in _DETERMINERS]
    while kept and (kept[0][:1].isupper() and kept[0].casefold() not in DEMONYMS):
        kept.pop(0)  # "Denver-based private equity firm": the place it is in is no kind
    return " ".join([*kept, asked.group("noun")]) if kept else None


ASKS_WHY = re.compile(r"^\s*(?:why|how\s+come|what\s+(?:was|is)\s+the\s+reason)\b", re.IGNORECASE)
CAUSE_GIVEN = re.compile(r"\b(?:because|after|over|due\s+to|as\s+a\s+result\s+of|following|for\s+\w+ing|"
                    r"in\s+(?:protest|response|retaliation)|amid|so\s+that|since)\b", re.IGNORECASE)


# "What caused the crash", "what killed the birds", "what do investigators suspect caused it": the
# cause is what is asked, and a sentence that only says the crash happened ("Plane crashes in
# Guangxi hills") does not give it.
_ASKS_CAUSE = re.compile(r"^\s*what\s+(?:(?:do|does|did)\s+(?:[\w'’-]+\s+){1,3}?"
                         r"(?:believe|think|suspect|fear|reckon)s?\s+)?(?:caused|causes|cause|triggered|triggers|sparked|sparks|prompted|"
                         r"started|starts|made|makes|led\s+to|leads\s+to|killed|kills|(?:is|was)\s+behind|"
                         r"(?:is|was)\s+the\s+cause\s+of)\b", re.IGNORECASE)
_CAUSE_SAID = re.compile(r"\b(?:caus\w*|because|due\s+to|blam\w*|results?\s+of|resulted\s+from|"
                         r"trigger\w*|spark\w*|prompt\w*|led\s+to|(?<!left\s)(?<!fell\s)behind|reasons?|linked\s+to|owing\s+to|"
                         r"attributed\s+to|\w+ed\s+by\s+(?!(?:early|late|mid|noon|midnight|morning|afternoon|"
                         r"evening|tonight|tomorrow|the\s+(?:end|time|weekend)|(?:mon|tues|wednes|thurs|fri|satur|"
                         r"sun)day|\d))|died\s+(?:of|from)|poison\w*|traced\s+to|"
                         r"points?\s+to|pointed\s+to|narrow\w*\s+(?:[\w'’-]+\s+){0,3}?(?:down\s+)?to"
                         r"|when\s+(?:an?|the|its)\s+[^.;]{2,80}?\s+(?:gave\s+way|collapsed|burst|failed|broke|"
                         r"exploded|caught\s+fire|overheated|snapped)"
                         # "the valve that halted the countdown"; "called off … after sensors found"
                         r"|(?:that|which)\s+(?:halted|forced|stopped|grounded|triggered|delayed)"
                         r"|(?:called\s+off|scrubbed|halted|aborted|abandoned|suspended|postponed|grounded)\b"
                         r"[^.;]{0,120}?\b(?:after|following))\b",
                         re.IGNORECASE)  # "the failure points to a fuel valve", "began when a wall gave way"


# "who was hosting …", "who is the Saudi citizen that …": a person is asked for
_ASKS_WHO = re.compile(r"^\s*who(?:['’]s|\s+(?:is|was|are|were))\s+(?:(?P<ing>[a-z]+ing)\b"
                       r"|the\s+(?P<nouns>(?:[\w'’-]+\s+){0,3}[\w'’-]+))",
                       re.IGNORECASE)
_SOMEONE_ASKED = SOMEONE | {lemma("citizen")}


def names_someone(asked: Question, text: str) -> bool:
    """"Who was hosting the talk show when X punched Y": a sentence that names no one besides
    the people the question gives does not say who."""
    who = _ASKS_WHO.match(asked.text)
    nouns = [w.lower() for w in words(who.group("nouns") or "")] if who else []
    if who is None or (nouns and not any(n in HEAD_WORDS or lemma(n) in _SOMEONE_ASKED for n in nouns)):
        return True  # "who is the east london chef sending …", "who is the senior WHO official …"
    given = given_words(asked)  # "Yuriy Butusov" is the question's "butusov"
    people = [m for m in extract_people(text) if not is_given(words(m.name)[-1], given)]
    post = _post_asked(nouns)
    if post and not any(post <= _said_of(m.name, m.role, text) for m in people):
        return False  # "who is the judge in the trial": not its defendant, named without the post
    return bool(people)


_POST_ENDS = frozenset("of in at for on from with who that which".split())  # "the judge in …", "the X who …"


def _post_asked(nouns: Sequence[str]) -> set[str]:
    """The words of the post a "who is the judge in …" question asks for, when they are a post."""
    post = []
    for noun in nouns:
        if noun in _POST_ENDS:
            break
        post.append(noun)
    return {lemma(n) for n in post} if post and post[-1] in HEAD_WORDS else set()


def _said_of(name: str, role: str | None, text: str) -> set[str]:
    """The words said of a person: their role, and the words right around their name."""
    around = re.search(rf"((?:[\w'’-]+\s+){{0,3}}){re.escape(name)}((?:[\s,]+[\w'’-]+){{0,4}})", text)
    said = f"{role or ''} {around.group(1)} {around.group(2)}" if around else role or ""
    return {lemma(w.casefold()) for w in words(said)}


def gives_cause(question: str, text: str) -> bool:
    """A cause asked ("what caused …") is given; a result asked ("what was the result of Fury v
    Whyte") is told, not a preview of what is to come."""
    if _ASKS_RESULT.match(question) is not None and _RESULT_SAID.search(text) is None:
        return False
    asked_cause = _ASKS_CAUSE.match(question)
    if asked_cause is not None:
        thing = {lemma(w.lower()) for w in words(question[asked_cause.end():])
                 if w.lower() not in STOPWORDS} - _CAUSE_VERBS
        return (any(not _caused_by_it(said, text, thing) for said in _CAUSE_SAID.finditer(text))
                or any(_names_next(thing, text, done.end()) for done in _STARTED.finditer(text)))
        # "Lighter started Paisley fire"
    if ASKS_FAULT.match(question) is not None:  # "what's wrong with the heaters": a fault, not only a recall
        return fault_given(question, text)[1] is not None
    if _ASKS_REASON.match(question) is not None:  # "what was the reason he stood down": not only that he did
        return _CAUSE_SAID.search(text) is not None or CAUSE_GIVEN.search(text) is not None
    return True


def _caused_by_it(said: re.Match[str], text: str, thing: set[str]) -> bool:
    """"fees caused by Wednesday's outage": a cause word whose cause is the thing asked about
    tells what it caused, not what caused it."""
    caused = {lemma(w.lower()) for w in words(text[said.end():said.end() + _CAUSED_OBJECT])}
    if said.group().lower().endswith(("after", "following")):  # "called off after a valve fault": the fault
        clause = re.split(r"[,;.]", text[said.end():], maxsplit=1)[0]
        return bool(thing & {lemma(w.lower()) for w in words(clause)[:_CLAUSE_WORDS]})
    if said.group().lower().startswith(("that", "which")):  # "Tuesday's fire, which forced miners to shelter"
        return bool(thing & {lemma(w.lower()) for w in words(text[:said.start()])[-_AGENT_WORDS - 3:]})
    if said.group().lower().startswith("when"):  # "left behind when the baggage system failed": the event
        return bool(thing & {lemma(w.lower()) for w in words(said.group())})
    if said.group().lower().rstrip().endswith(" by"):  # "miners trapped by a collapse": what the collapse did
        return _names_next(thing, text, said.end())
    if (said.group().lower() in ("caused", "causes", "causing")
            and not re.match(r"\s+by\b", text[said.end():])
            and not _ASKED_WITHIN.search(text[:said.start()])):
        return False  # "a washout caused Monday's derailment": its subject is the cause
    return said.group().lower().startswith("caus") and bool(thing & caused)


def _names_next(thing: set[str], text: str, at: int) -> bool:
    """Whether the words right after `at` name the thing asked about ("trapped by a *collapse*")."""
    return bool(thing & {lemma(w.lower()) for w in words(text[at:])[:_AGENT_WORDS]})


_ASKED_WITHIN = re.compile(r"\b(?:what|how|whether|who)\s+$", re.IGNORECASE)  # "… determine what caused it"
_CLAUSE_WORDS = 12  # words of a clause read for what it tells of
_AGENT_WORDS = 3  # words after "…ed by" read for who or what did it
# "<the cause> started <the thing>", not "the blaze started near Kestrel Ridge"
_STARTED = re.compile(r"\b(?:started|starts|sparked|sparks)\b(?!\s+(?:on|at|in|by|when|after|before|near|"
                      r"around|outside|inside|along|across|during|overnight|shortly|just|early|late|last|from|"
                      r"off|up|yesterday|today|about|some)\b)", re.IGNORECASE)


_CAUSED_OBJECT = 40  # characters after "caused" read for what is said to have caused it
_CAUSE_VERBS = frozenset(lemma(w) for w in "make cause trigger spark prompt lead kill".split())


# (a "why" question is read as before: a sentence that only says what happened may still be the
# best the news gives, "jailed for nine more years, trial branded 'sham'")
_ASKS_REASON = re.compile(r"^\s*(?:what\s+(?:was|is|were|are)\s+the\s+reasons?|for\s+what\s+reason)\b",
                          re.IGNORECASE)


_ASKS_RESULT = re.compile(r"^\s*(?:what|how)\s+(?:was|were|is|did)\s+(?:the\s+)?(?:final\s+)?"
                          r"(?:result|outcome|score|scoreline|verdict)s?\b|^\s*how\s+did\s+.+\s+(?:go|end)\b",
                          re.IGNORECASE)
_RESULT_SAID = re.compile(r"\b(?:won|wins?|beat|beats|beaten|defeat\w*|lost|loses?|draw|drew|drawn|victory|"
                          r"triumph\w*|knock\w*\s+out|stopped|thrash\w*|clinch\w*|guilty|acquitted|"
                          r"cleared|convicted|ruled|verdict|passed|rejected|approved)\b|\b\d{1,3}\s*-\s*\d{1,3}\b",
                          re.IGNORECASE)


_ENDS_ON_PREPOSITION = re.compile(r"^\s*what\s+(?:did|does|do|has|have|had|was|were|is|are)\s+"
                                  r"(?P<middle>.+?)\s+(?P<verb>[a-z]+)\s+(?P<prep>of|from|with|up|for|about|on|by)\s*[?.!]*$",
                                  re.IGNORECASE)


def _verbs_before_the_object(middle: str) -> set[str]:
    """"What did Merritt spend the stolen money on": the verb before the object ("spend"), whose
    preposition the sentence says ("spent on vintage tractors")."""
    found = words(middle)
    return {lemma(found[i].lower()) for i in range(1, len(found) - 1)
            if found[i + 1].lower() in _OBJECT_STARTS and found[i].islower()}


_OBJECT_STARTS = frozenset("the a an his her its their".split())


_OF_WHOM_WORDS = 5  # "the death of Foo Fighters' drummer Taylor Hawkins": still of whom


def completes(asked: Question, text: str) -> bool:
    """"What did X die of": the sentence says the event with its preposition ("died of …",
    "held up …"); "X dies aged 50" does not say of what."""
    ends = _ENDS_ON_PREPOSITION.match(in_news_words(asked.text))
    if ends is None:
        return True
    verb, preposition = lemma(ends.group("verb").lower()), ends.group("prep").lower()
    subject = {w.lower() for w in words(asked.subject or "")}
    done_to = _verbs_before_the_object(ends.group("middle"))
    tokens = [w.lower() for w in words(text)]
    for i, word in enumerate(tokens):
        after = tokens[i + 1:i + 3]
        if (preposition == "for" and i and meets(verb, {lemma(word)}) and tokens[i - 1].isalpha()
                and tokens[i - 1] not in STOPWORDS and lemma(tokens[i - 1]) not in asked.terms):
            return True  # "a giant factory for what": "the largest fertilizer plant"
        if (preposition == "of" and i and word == ends.group("verb").lower() and word in HEAD_WORDS
                and tokens[i - 1] not in STOPWORDS and _capitalised_before(text, word)):
            return True  # "president of what": "resigns as Society of Authors president"
        skipped = 0  # "found guilty last month of fraud": a time said between ("spent on tractors" is none)
        while (tokens[i + 1 + skipped:i + 2 + skipped] and tokens[i + 1 + skipped] in _TIME_BETWEEN
               and tokens[i + 1 + skipped] != preposition):
            skipped += 1
        after = tokens[i + 1 + skipped:i + 3 + skipped]
        if (meets(verb, {lemma(word)}) or lemma(word) in done_to) and preposition in after:
            said = tokens[i + 2 + skipped + after.index(preposition):][:_OF_WHOM_WORDS]
            if not subject & set(said):  # "the death of Taylor Hawkins" says of whom, not of what
                return True
    return False


_TIME_BETWEEN = frozenset("""last this next month week year yesterday today earlier on monday tuesday
wednesday thursday friday saturday sunday""".split())


TELLING_WORDS = 8  # new words beyond which a longer sentence tells no more


def new_words_told(asked: Question, text: str) -> int:
    """How many content words a sentence adds to the question's (up to `TELLING_WORDS`)."""
    asked_words = set(asked.terms)
    return min(TELLING_WORDS, sum(1 for w in words(text) if w.lower() not in STOPWORDS
                                  and not meets(lemma(w.lower()), asked_words)))


ECHO_WORDS = 6  # new words below which a sentence mostly repeats the question (a headline)


def asked_words_told(asked: Question, text: str) -> int:
    """How many of the question's words besides its names a sentence says, when it also tells
    enough that is new: "what did the firm blame" is told by the sentence that says "blamed",
    not the one with more of the firm's names; a headline echoing the question counts none."""
    if new_words_told(asked, text) < ECHO_WORDS:
        return 0
    found = lemmas_of(text)
    return sum(1 for term in set(asked.content_terms()) if meets(term, found))


def _capitalised_before(text: str, word: str) -> bool:
    """Whether the text writes a name right before `word` ("Society of Authors president")."""
    return re.search(rf"[A-Z][\w'’-]*\s+(?i:{re.escape(word)})\b", text) is not None


# A quiz's heading: "Quiz of the week: …", "Thursday quiz: …", "News quiz - …"
_QUIZ = re.compile(r"^\s*(?:(?:the|news|weekly|daily|\w+day['’]?s?)\s+)?quiz"
                   r"(?:\s+of\s+the\s+(?:week|day|month|year))?\s*[:|–—-]"
                   r"|\bquiz\s+of\s+the\s+(?:week|day|month|year)\b", re.IGNORECASE)


def asks_a_question(text: str) -> bool:
    """A sentence that asks ("Who are the potential bidders…") answers nothing."""
    if re.match(r"^\s*what\s+we\s+(?:know|don['’]t\s+know)\b", text, re.IGNORECASE):
        return True  # "What we know about …": a heading, not an answer
    if _QUIZ.search(text):
        return True  # "Quiz of the week: storms, sacked ministers and runaway llamas": it asks
    return text.rstrip(" \"'’”").endswith("?") or re.match(
        r"^\s*(?:who|what|which|where|when|why|how)\s+(?:are|is|was|were|will|would|could|can|do|does|did)\b",
        text, re.IGNORECASE) is not None


def without_the_cause_word(asked: Question) -> Question:
    """"What caused the failure": a sentence need not write "cause" ("the failure points to a
    fuel valve"); that it gives a cause is judged on its own (`gives_cause`). Nor need it write
    "wrong" for "what's wrong with the heaters" (`fault_given`)."""
    if _ASKS_CAUSE.match(asked.text) is not None:
        dropped = _CAUSE_TERMS
    elif ASKS_FAULT.match(asked.text) is not None:
        dropped = _FAULT_TERMS
    else:
        return asked
    kept = tuple(t for t in asked.terms if t not in dropped)
    return replace(asked, terms=kept) if kept else asked


# how a cause is asked, not what it caused ("what made everyone sick": sick, not "made")
_CAUSE_TERMS = frozenset(lemma(w) for w in "cause make everyone everybody".split())


# "what is norbury re", "what does quillon actually do", "what does tarn labs make": what the
# thing named is
_WHAT_IS = re.compile(r"^\s*what(?:['’]?s|\s+is|\s+are|\s+was)\s+(?P<thing>[\w&'’.-]+(?:\s+[\w&'’.-]+){0,3}?)"
                      r"\s*[?.!]*\s*$|^\s*what\s+(?:does|do|did)\s+(?P<doer>[\w&'’.-]+(?:\s+[\w&'’.-]+){0,3}?)"
                      r"\s+(?:\w+ly\s+)?(?:do|make|produce|sell|build|manufacture|develop)"
                      r"\s*[?.!]*\s*$", re.IGNORECASE)  # "what does Tarn Labs make"
# "Quillon, a London-based startup", "Tarn Labs, the Cumbrian developer", "Thornbury, which makes pumps"
_APPOSED = (r",\s+(?P<apposed>(?:a|an|the|(?:which|that)\s+(?:makes|produces|sells|builds|develops"
            r"|manufactures|runs|operates|owns|supplies))\s+[^,.;:()]{3,90}?)(?=,|\.\s|\.$|;)")


def description_of(asked: Question, text: str) -> tuple[int, str | None]:
    """"What is Norbury Re": what a sentence says the thing is, by an apposition ("Quillon, a
    London-based startup building AI agents for …": 2) or the words right before its name
    ("Bermuda-based reinsurer Norbury Re": 1); (0, None) when it says neither."""
    what = _WHAT_IS.match(asked.text)
    if what is None:
        return 0, None
    named = what.group("thing") or what.group("doer")
    first = named.split()[0]
    short = first if len(first) > 3 and first.lower() not in STOPWORDS else named  # "Thornbury, which makes"
    thing = re.escape(named)
    apposed = re.search(rf"\b(?:{thing}|{re.escape(short)})(?:['’]s)?{_APPOSED}", text, re.IGNORECASE)
    if apposed:
        return 2, re.sub(r"^(?:which|that)\s+", "", apposed.group("apposed"))
    for named in re.finditer(rf"\b{thing}\b", text, re.IGNORECASE):
        before = _words_before_a_name(text[:named.start()])
        if before:
            return 1, before
    return 0, None


_DESCRIBING_WORDS = 4  # words before a name read for what it is


def _words_before_a_name(text: str) -> str | None:
    """"The gene therapy Libmeldy", "Australian personal trainer Michael Italiano": the words
    before a name that say what it is, ending on a common noun."""
    found: list[str] = []
    for word in reversed(text.split()[-_DESCRIBING_WORDS:] if text.endswith(" ") else []):
        if not re.fullmatch(r"[A-Za-z][\w-]*", word) or word.lower() in STOPWORDS:
            break
        found.insert(0, word)
    if not found or not found[-1].islower() or found[-1].endswith(("ed", "ing", "ly")):
        return None
    return " ".join(found)


WHAT_CALLED = re.compile(r"^\s*what\s+(?:do|does|did)\s+.+?\s+call\b", re.IGNORECASE)


def called_it(asked: Question, text: str) -> str | None:
    """"What did the judge call the clause": the last words the sentence quotes that the
    question does not give ("… was 'a contractual fiction'")."""
    if not WHAT_CALLED.match(asked.text):
        return None
    given = given_words(asked)
    quoted = (m.group("double") or m.group("single") for m in QUOTED_WORDS.finditer(text))
    said = [words_said for words_said in quoted if not all(is_given(w, given) for w in words(words_said))]
    return said[-1] if said else None


_ENDS_ON_ANCHOR = re.compile(r"\b(?P<anchor>[a-z][a-z'-]{2,})\s+(?P<prep>in|to|for|of|on|with|into|about)"
                             r"\s*[?.!]*\s*$", re.IGNORECASE)
_PHRASE_END = (r"(?=\s*(?:[;:()\"“”!?]|(?<!\d)[,.]|[,.](?!\d)"  # not the point of "6.2%"
               r"|\s(?:and|after|before|but|with|as|at|in|on|for|by|from|when|while|"
               r"said|says|which|who|that|this|since|until|over|under|despite|amid)\b|$))")


# "what's wrong with the recalled heaters", "whats the problem w the bikes", "what was the fault in
# the kettles": the fault is asked, which the news writes as a cause
ASKS_FAULT = re.compile(r"^\s*what(?:['’]?s|\s+(?:is|was|are|were))\s+(?:wrong|the\s+(?:problem|issue|fault|"
                        r"defect|flaw|trouble))\s+(?:with|w/?|in)\b", re.IGNORECASE)
_FAULT_TERMS = frozenset(lemma(w) for w in "wrong problem issue fault defect flaw trouble".split())
# "recalling … because a weak weld can let them topple", "after reports that the lids can pop open"
_FAULT_BECAUSE = re.compile(r"\b(?:because(?:\s+of)?|due\s+to|after\s+(?:reports|complaints|tests)\s+"
                            r"(?:that|of|showed))\s+(?P<phrase>[^,.;:()\"“”]{3,90}?)" + _PHRASE_END,
                            re.IGNORECASE)
# "recalls 3,100 e-bikes over a frame fault", "over tip-over risk"
_FAULT_OVER = re.compile(r"\bover\s+(?:an?\s+|the\s+)?(?P<phrase>(?:[\w'’-]+\s+){0,3}?(?:faults?|defects?|"
                         r"risks?|leaks?|flaws?|problems?|issues?|concerns?|fears?|failures?))\b",
                         re.IGNORECASE)


def fault_given(question: str, text: str) -> tuple[int, str | None]:
    """What a sentence gives as the fault a "what's wrong with …" question asks for: its
    "because …" (2: the part that failed), else what the thing was recalled "over" (1: often
    only the risk); (0, None) when it gives neither or no fault is asked."""
    if ASKS_FAULT.match(question) is None:
        return 0, None
    for rank, said in ((2, _FAULT_BECAUSE), (1, _FAULT_OVER)):
        found = said.search(text)
        if found is not None:
            return rank, found.group("phrase").strip()
    return 0, None


def follows_the_question(asked: Question, text: str) -> str | None:
    """"What event did she win gold in": the words a sentence gives after the question's own
    last words ("winner of the first-ever Olympic gold in *the monobob*"); "what did they
    reaffirm their commitment to": "… their commitment to *the PGA Tour*"."""
    found = _after_the_anchor(asked, text)
    if found is None or _indefinite(asked, found):
        return None
    phrase = found.group("phrase").strip()
    given = given_words(asked)
    if all(is_given(w, given) for w in words(phrase)) or phrase.casefold() in KNOWN_PLACES:
        return None  # "won gold in Beijing": where, not in what
    members = _members_asked(wanted(asked))
    if members and not members & lemmas_of(phrase):
        return None  # "what crimes was he convicted of": "wire fraud", not "defrauding the town"
    return phrase


def _after_the_anchor(asked: Question, text: str) -> re.Match[str] | None:
    """Where the sentence goes on after the question's last word and preposition ("win gold in"),
    when the question ends on them."""
    ends = _ENDS_ON_ANCHOR.search(in_news_words(asked.text))  # "get off on": "cleared of"
    if ends is None or ends.group("anchor").lower() in STOPWORDS:
        return None
    anchor, prep = ends.group("anchor").lower(), ends.group("prep").lower()
    found = _phrase_after(lemma(anchor), prep, text)
    object_asked = _ENDS_ON_PREPOSITION.match(in_news_words(asked.text))
    if found is None and object_asked is not None:  # "spend the money on": "spent on tractors"
        verbs = _verbs_before_the_object(object_asked.group("middle"))
        found = next(filter(None, (_phrase_after(verb, prep, text) for verb in sorted(verbs))), None)
    return found


def _phrase_after(stem_of: str, prep: str, text: str) -> re.Match[str] | None:
    """The phrase a sentence gives after a word of the stem and the preposition ("spent on *…*")."""
    stem = re.escape(stem_of[:max(4, len(stem_of) - 1)])
    return re.search(rf"\b{stem}[\w'’-]*\s+{prep}\s+(?:(?P<det>the|a|an|some|their|his|her|its|our)\s+)?"
                     rf"(?P<phrase>(?:[^,.;:()\"“”]|(?<=\d)[.,](?=\d)){{2,40}}?){_PHRASE_END}",
                     text, re.IGNORECASE)


def _indefinite(asked: Question, found: re.Match[str]) -> bool:
    """"What drug did she test positive for": "… positive for a banned substance" tells the kind,
    not which one."""
    want = wanted(asked)
    article = (found.group("det") or "").lower()
    if _ONE_OF_A_KIND.search(found.group("phrase")):
        return False  # "cleared of a single count of money laundering": which charge, by its name
    return want is not None and want.kind == NAME and article in ("a", "an", "some")


_ONE_OF_A_KIND = re.compile(r"\b(?:counts?|charges?|offences?|offenses?)\s+of\s+\w", re.IGNORECASE)


def says_only_a_kind(asked: Question, text: str) -> bool:
    """A sentence that, where the question's last words lead, says only "a <thing>"."""
    found = _after_the_anchor(asked, text)
    return found is not None and _indefinite(asked, found)


def member_of_kind(asked: Question, want: Wanted | None, text: str) -> str | None:
    """The first word of the sentence that the lexicon lists as one of the kind a "what X"
    question asks for ("what disease": "a high risk of cholera"; "what instrument": "Sitar
    maestro …"), the question's own words aside."""
    if want is None or want.kind != NAME or not want.nouns:
        return None
    members = _members_asked(want)
    given = given_words(asked)
    tokens = words(text)
    found: dict[str, str] = {}
    for at, word in enumerate(tokens):
        if lemma(word.lower()) in members and not is_given(word, given):
            named = word
            for before in reversed(tokens[max(0, at - _MODIFIERS):at]):  # "Staffordshire bull terrier"
                if not _MODIFIER.fullmatch(before.lower()) or before.lower() in STOPWORDS:
                    break
                named = f"{before} {named}"
            found.setdefault(lemma(word.lower()), named)  # "counts of wire fraud": "wire fraud"
    named_all = list(found.values())[:_MEMBERS_SHOWN]
    return " and ".join(named_all) if named_all else None


def _members_asked(want: Wanted | None) -> frozenset[str]:
    """The members the lexicon lists of the kind a "what X" question asks for ("what disease":
    cholera, measles …); none when it lists no such kind."""
    return kinds_of_lemma(lemma(want.nouns[-1])) if want is not None and want.nouns else frozenset()


# a noun before the member ("wire fraud", "bird flu", "ice hockey"), not an adjective or a participle
# ("suspected cholera", "elusive curling gold", "serious fraud")
_MODIFIER = re.compile(r"[a-z]{3,}(?<!ed)(?<!ing)(?<!ly)(?<!ive)(?<!ous)(?<!ful)(?<!al)(?<!ic)(?<!ble)"
                       r"(?<!ent)(?<!ant)(?<!less)(?<!ish)(?<!ary)(?<!ory)(?<!est)(?<!er)")
_MEMBERS_SHOWN = 2
_MODIFIERS = 2
