"""A role read loosely around a name for a who-is answer, where `people`'s strict reading found
none: "X, 34, a dental hygienist", "X has won the Wenlock Prize", "the study led by X"."""

from __future__ import annotations

import itertools
import re

from digests.news import people_words as vocab

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
_LOOSE_BEFORE = re.compile(r"\s*(?P<role>[^,;:()\"“”]{3,90}?)\s*,\s*$")  # from where a role may begin
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
    match = _SELECTED_AS.match(text, end) if _SELECTING.search(before) else None
    if match and _is_role(vocab.WORD.findall(match.group("role"))):
        return _trimmed(match.group("role"))  # "has selected X, 39, who runs a farm, as its candidate"
    loose = _loose_role_before(_BRACKETED.sub("", before))
    if loose is not None:
        return loose
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


# "The party has selected X, 39, who runs a farm near Molland, as its candidate"
_SELECTING = re.compile(r"\b(?:selected|selects|chosen|chose|chooses|picked|picks|nominated|nominates"
                        r"|endorsed|endorses|hired|hires)\s+$", re.IGNORECASE)
_SELECTED_AS = re.compile(r"(?:\s*,[^;.]{0,120}?,)?\s+as\s+(?:its|their|his|her|the\s+[\w'’-]+['’]s|the|a|an)"
                          r"\s+(?:new\s+|next\s+)?(?P<role>(?:[\w’'-]+\s+){0,3}?[\w’'-]+)"
                          r"\s*(?:[,;.]|\s(?:for|in|at|while|and|after|to|on|from)\b|$)")
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


def _loose_role_before(before: str) -> str | None:
    """A role ending in a comma before the name, from the first place it may begin where its
    words hold a role and no verb: "Police arrested the ferry's owner, X" is the ferry's owner."""
    for start in [0, *(found.end() for found in _ROLE_MAY_BEGIN.finditer(before))]:
        match = _LOOSE_BEFORE.match(before, start)
        role = match.group("role") if match else ""
        if role and _is_role(vocab.WORD.findall(role)) and not _DOING.match(role):
            return _trimmed(role)
    return None


_ROLE_MAY_BEGIN = re.compile(r"[,;:(\"“‘]|\b(?:a|an|the)\s", re.IGNORECASE)


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


# "A financial adviser who persuaded 143 steelworkers … has been convicted of fraud." then "Kieran
# Ashworth, 52, of Wilmslow, took £3.1m …": a report's subject introduced by what they are, then named
_INTRODUCED = re.compile(r"^(?:An?|The)\s+(?P<role>(?:(?-i:[a-z])[\w’'-]*\s+){0,3}?(?-i:[a-z])[\w’'-]*)\s+"
                         r"(?:who|whose|from|accused|charged|convicted|jailed|found|has|had|was|is)\b")


def introduced_before(name: str, text: str) -> str | None:
    """The role an item's sentence gives the one its next sentence then names with their age
    ("A financial adviser who … . Kieran Ashworth, 52, …"); `text` is the item, its sentences
    apart by blank lines."""
    sentences = text.split("\n\n")
    for before, sentence in itertools.pairwise(sentences):
        if not re.match(rf"{re.escape(name)},\s+\d{{1,3}},", sentence):
            continue
        found = _INTRODUCED.match(before)
        role = found.group("role").split() if found is not None else []
        if role and (_is_role(role) or _agentive(role[-1])):
            return " ".join(role)
    return None
