"""Reading a match's result: "how many did Chelsea put past Leicester" is answered by
"Leicester 0-9 Chelsea", and "how many goals did Leeds lose by" by "a 4-0 defeat by Tottenham".
A scoreline is no figure of its own (it is two numbers and who scored them), so the figure
extractor leaves it alone and this module reads it for the side a question asks about."""

from __future__ import annotations

import re
from dataclasses import dataclass

from digests.news.extracts import number_of
from digests.news.text import STOPWORDS, words

_SCORE = r"(?P<x>\d{1,3})\s?[-–]\s?(?P<y>\d{1,3})"
_SIDE = r"(?:[A-Z][\w'’&-]{0,30}(?:\s+(?:[A-Z][\w'’&-]{0,30}|of|de|del|la)){0,4})"
_WINDOW = 120  # characters each side of a scoreline read for its sides: no scan grows with the text
_VS = r"(?<![\w-]){score}(?![\w-]|\s+on\s+aggregate)"

_ASKED = re.compile(
    r"^\s*(?P<by>by\s+)?how\s+(?:many|much)(?:\s+(?P<unit>goals?|points?|runs?|tries|baskets|touchdowns|frames|sets|games))?\s+"
    r"(?:did|do|does|had|have|has|will)\s+(?P<subject>.+?)\s+"
    r"(?P<verb>score|scored|put|net|netted|hit|lose|lost|win|won|beat|concede|conceded|let)\b(?P<rest>.*)$",
    re.IGNORECASE)
_MARGIN_VERBS = frozenset("lose lost win won beat".split())
_CONCEDED_VERBS = frozenset("concede conceded let".split())

# "Leicester 0-9 Chelsea"
_BETWEEN = re.compile(rf"(?P<a>{_SIDE})\s+{_VS.format(score=_SCORE)}\s+(?P<b>{_SIDE})")
# "Manchester United's 4-2 victory over Leeds", "a shock 8-4 loss to China"
_RESULT_AFTER = re.compile(
    rf"(?:(?P<a>{_SIDE})['’]s?\s+(?:\w+\s+){{0,2}}?)?(?:\w+\s+){{0,2}}?{_VS.format(score=_SCORE)}\s+"
    r"(?:\w+\s+){0,1}?(?P<kind>win|victory|triumph|thrashing|rout|success|defeat|loss|drubbing|hammering|"
    rf"reverse|beating)\s+(?P<prep>over|against|by|to|at\s+the\s+hands\s+of|at)\s+(?P<b>{_SIDE})")
# "Bayern Munich thrash Salzburg 7-1", "Brentford lost 4-1 to Chelsea"
_BEAT = re.compile(rf"(?P<a>{_SIDE})\s+(?:\w+\s+)?(?P<kind>beat|beats|thrash|thrashed|thrashes|defeat|"
                   r"defeated|defeats|hammer|hammered|hammers|crush|crushed|crushes|rout|routed|routs|edge|edged|edges|"
                   rf"overcame|overcome|sink|sank|sinks|see\s+off|saw\s+off|sees\s+off)\s+(?P<b>{_SIDE})\s+"
                   rf"{_VS.format(score=_SCORE)}")
_LOST_TO = re.compile(rf"(?P<a>{_SIDE})\s+(?:\w+\s+)?(?P<kind>lose|lost|loses|fall|fell|falls|slip|"
                      r"slipped)\s+"
                      rf"{_VS.format(score=_SCORE)}\s+(?:to|against|at)\s+(?P<b>{_SIDE})")
_WON_NOUNS = frozenset("win victory triumph success".split())
# "a thrashing of/over X" is won, "a thrashing by X" lost
_BEATING_NOUNS = frozenset("thrashing rout drubbing hammering beating".split())
_LOST_VERBS = frozenset("lose lost loses fall fell falls slip slipped".split())


@dataclass(frozen=True, slots=True)
class ScoreQuestion:
    """A question about a match's score: the side asked about (its words, lower case), the
    other side when named, and whether the margin or the goals let in are asked."""

    side: frozenset[str]
    other: frozenset[str]
    unit: str | None
    margin: bool = False
    conceded: bool = False
    opponent: frozenset[str] = frozenset()  # the other side's own words ("bangladesh"), not the occasion's


@dataclass(frozen=True, slots=True)
class Result:
    """Who scored what in a sentence's scoreline: a side's name (None when the sentence only
    says "his side") and its score, for the two sides."""

    first: str | None
    first_score: int
    second: str
    second_score: int
    said: str  # the words that give the result ("Leicester 0-9 Chelsea")


def score_asked(question: str) -> ScoreQuestion | None:
    """The score question `question` asks, or None. The question is in news words (clubs as
    news names them: "Manchester United", not "man utd")."""
    found = _ASKED.match(question)
    if found is None:
        return None
    verb, rest = found.group("verb").lower(), found.group("rest")
    by = (found.group("by") is not None or re.match(r"\s+by\b", rest) is not None
          or re.search(r"\bby\s*[?.!]*\s*$", rest) is not None)  # "win the galle test by"
    margin = verb in _MARGIN_VERBS and by
    if verb in _MARGIN_VERBS and not margin:
        return None  # "how many did they win": medals, not a margin
    if found.group("unit") is None and not margin and verb not in _CONCEDED_VERBS \
            and not re.search(r"\b(?:past|against|vs?|versus|in\s+the|at|over)\b", rest, re.IGNORECASE):
        return None  # "how many did the police hit": no match named
    # "on his England debut": his own side, not the one played
    unit, other = found.group("unit"), _side_words(_OWN_SIDE.sub(" ", rest))
    if not other and not margin:
        return None  # "how many goals has Salah scored": a tally, not one match's score
    opponent = re.split(r"\b(?:in|at|on|during|when|while|before|after|right|just|where|that)\b",
                        re.sub(r"^\s*(?:by\s+)?(?:to|against|over|past|vs?|versus)?\s*", "", rest,
                               flags=re.IGNORECASE), maxsplit=1, flags=re.IGNORECASE)[0]
    return ScoreQuestion(_side_words(found.group("subject")), other, unit.lower() if unit else None,
                         margin, verb in _CONCEDED_VERBS, _side_words(opponent))


_OWN_SIDE = re.compile(r"\b(?:his|her|their|its)\s+[\w'’-]+(?:\s+(?:debut|side|team|club|country))?",
                       re.IGNORECASE)


def _side_words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in words(text) if len(w) >= 2 and w.lower() not in STOPWORDS
                     and w.lower() not in _NOT_A_SIDE)


_NOT_A_SIDE = frozenset("""goals goal points point runs tries score scored game match win lose lost past
against versus women men women's men's team side squad final semi-final quarter-final round leg that this
right before after when where while""".split())


def results_in(sentence: str) -> list[Result]:
    """The scorelines a sentence gives, with the sides it names for them. Each scoreline is read
    within a window of its own, so a long text costs a bounded amount of work per scoreline."""
    found: list[Result] = []
    for score in _SCORE_ONLY.finditer(sentence):
        start = max(0, score.start() - _WINDOW)
        window = sentence[start:score.end() + _WINDOW]
        at = score.start() - start
        found.extend(_read(window, at))
    return found


_SCORE_ONLY = re.compile(_VS.format(score=_SCORE))


def _read(window: str, at: int) -> list[Result]:
    """The results a window gives for its scoreline starting at `at`."""
    found: list[Result] = []
    for match in _BETWEEN.finditer(window):
        if match.start("x") == at:
            found.append(Result(match.group("a"), int(match.group("x")), match.group("b"),
                                int(match.group("y")), match.group(0)))
    for pattern in (_RESULT_AFTER, _BEAT, _LOST_TO):
        for match in pattern.finditer(window):
            if match.start("x") != at:
                continue
            high, low = sorted((int(match.group("x")), int(match.group("y"))), reverse=True)
            won = _first_won(match)
            # the first side won a "victory over" the second, or "lost to" it
            first_score, second_score = (high, low) if won else (low, high)
            said = window[match.start("a") if match.group("a") else match.start("x"):match.end()]
            found.append(Result(match.group("a"), first_score, match.group("b"), second_score, said))
    return found


# "England's 109-run warm-up win against Bangladesh", "beat Bangladesh by 109 runs": a margin
_MARGIN_UNITS = r"(?:runs?|wickets?|goals?|points?|strokes?|shots?|tries|try|lengths?|frames?|sets?)"
_MARGIN = re.compile(
    rf"\b(?P<n>\d{{1,3}})[- ](?P<unit>{_MARGIN_UNITS})\s+(?:[\w'’-]+\s+){{0,4}}?"
    r"(?:win|victory|defeat|loss|triumph|success|thrashing|drubbing)\b"
    r"|\b(?:beat|beats|beaten|won|win|wins|winning|lost|lose|loses|losing|defeated|thrashed|edged)\s+"
    rf"(?:[\w'’.-]+\s+){{0,5}}?by\s+(?P<n2>\d{{1,3}})\s+(?P<unit2>{_MARGIN_UNITS})\b", re.IGNORECASE)


def margins_in(sentence: str) -> list[tuple[int, str]]:
    """The winning margins a sentence gives ("a 109-run win", "won by seven wickets"), each with
    its words."""
    return [(int(m.group("n") or m.group("n2")), m.group(0)) for m in _MARGIN.finditer(sentence)]


def _first_won(match: re.Match[str]) -> bool:
    """Whether the side named first won: "X beat Y", "X's win over Y", "X's thrashing of Y";
    not "X lost to Y", "X's defeat by Y", "a thrashing by Y"."""
    kind = match.group("kind").lower()
    if kind in _LOST_VERBS:
        return False
    if "prep" not in match.groupdict():
        return True  # "X beat Y 2-1"
    if kind in _WON_NOUNS:
        return True
    return kind in _BEATING_NOUNS and match.group("prep").lower() in ("over", "against")


def side_written(word: str, text: str) -> bool:
    """Whether a text writes a side's word, as a side is named: its first letters start a word
    ("leicester" in "Leicester City", "bangladesh" in "Bangladesh's")."""
    return re.search(rf"\b{re.escape(word[:5])}", text, re.IGNORECASE) is not None


def _names(side: str | None, asked: frozenset[str]) -> bool:
    if side is None:
        return False
    written = [w.lower() for w in words(side)]
    return any(w.startswith(a[:5]) or a.startswith(w[:5]) for a in asked for w in written if len(w) >= 3)


def _which_is_first(asked: ScoreQuestion, result: Result) -> bool | None:
    """Whether the side asked about is the result's first side (None: the result does not say)."""
    for words_of, is_it in ((asked.side, True), (asked.other, False)):
        first, second = _names(result.first, words_of), _names(result.second, words_of)
        if first != second:
            return first == is_it
    return None


def score_of(asked: ScoreQuestion, result: Result) -> int | None:
    """The number the question asks of a result: the side's score, what it let in, or the
    margin; None when the result does not say which side is the one asked about."""
    if asked.margin:
        return abs(result.first_score - result.second_score)
    first = _which_is_first(asked, result)
    if first is None:
        return None
    own, other = ((result.first_score, result.second_score) if first
                  else (result.second_score, result.first_score))
    return other if asked.conceded else own


# A batter's innings: "how many runs did Ollie Pascoe score against Victoria", "how many did
# Ashcroft make in the first ODI", "how many did Thorley end up with"
_INNINGS_ASKED = re.compile(r"^\s*how\s+many(?:\s+runs)?\s+(?:did|has|had|does)\s+(?P<who>.+?)\s+"
                            r"(?:score|make|hit|get|smash|compile|post|reach|total|end\s+up\s+(?:with|on)"
                            r"|finish(?:ed)?\s+(?:with|on))\b(?P<rest>.*)$", re.IGNORECASE)
_PRAISE = (r"(?:(?:an?|his|her|their)\s+)?(?:(?:unbeaten|undefeated|career-best|maiden|brilliant|superb"
           r"|fluent|patient|rapid|attacking|fine|fighting|majestic|chanceless|match-winning|stylish)\s+)*")
# "Ollie Pascoe made an unbeaten 127", "Harry Penhallow struck 143", "Pascoe's unbeaten 127", and
# a scorecard's "(Gunasekara 163, Perera 88)", "(J Thorley 104, F Haverford 33no)";
# not a bowler's "took 5 for 71", a total's "388 for six", nor "hit 4 sixes"
_INNINGS = re.compile(
    r"(?:(?<=\()|(?<=[,;]\s))(?:(?-i:[A-Z])\.?\s+)?(?P<card>(?-i:[A-Z])[\w'’-]+)\s+(?P<card_runs>\d{1,3})"
    r"(?P<not_out>\*|no)?(?=\s*[,;)])"
    r"|(?P<who>(?-i:[A-Z])[\w'’-]+)(?:\s+(?:made|scored|struck|hit|smashed|compiled|posted|hammered|blasted)"
    rf"\s+{_PRAISE}|['’]s\s+(?:(?:unbeaten|undefeated|career-best|maiden)\s+)*)(?P<runs>\d{{1,3}})\b"
    r"(?![-–.,]\d|\s*(?:%|for\s+\w|overs?\b|balls\s+(?:left|remaining)|wickets?\b|sixes|fours|boundaries"
    r"|goals?\b|points?\b|tries\b|-run))", re.IGNORECASE)
# Runs still being made: "an unbeaten 112", "71*", "33no", "127 not out", or a scorecard whose
# side is still batting ("South Africa 287-6 (Tembe 104"); "198-6 dec" has ended
_NOT_OUT = re.compile(r"\b(?:unbeaten|undefeated)\b", re.IGNORECASE)
_NOT_OUT_AFTER = re.compile(r"\s*(?:not\s+out|\*)", re.IGNORECASE)
_STILL_BATTING = re.compile(r"\b\d{1,3}\s*(?:[-/]\s*\d|for\s+(?:\d|one|two|three|four|five|six|seven|eight|"
                            r"nine))\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class InningsQuestion:
    batter: frozenset[str]  # the words of the batter's name, lower case
    against: frozenset[str]  # the side they batted against, when asked


@dataclass(frozen=True, slots=True)
class Innings:
    runs: int
    said: str  # the words that say it
    unfinished: bool  # told while the batter was still in: a later report may give more


def innings_asked(question: str) -> InningsQuestion | None:
    """The batter a "how many runs did X score" question asks about (None for another question)."""
    found = _INNINGS_ASKED.match(question)
    if found is None:
        return None
    batter = _side_words(found.group("who"))
    against = re.search(r"\b(?:against|vs?|versus)\s+(?P<side>.+)$", found.group("rest"), re.IGNORECASE)
    return InningsQuestion(batter, _side_words(against.group("side")) if against else frozenset()) \
        if batter else None


def innings_in(asked: InningsQuestion, sentence: str) -> Innings | None:
    """The runs a sentence says the batter asked about made, with the words that say it."""
    for found in _INNINGS.finditer(sentence):
        if (found.group("who") or found.group("card")).lower() in asked.batter:
            return Innings(int(found.group("runs") or found.group("card_runs")), found.group(0),
                           _unfinished(found, sentence))
    return None


def _unfinished(found: re.Match[str], sentence: str) -> bool:
    if found.group("card"):
        bracket = sentence.rfind("(", 0, found.start())
        return found.group("not_out") is not None or (
            bracket >= 0 and _STILL_BATTING.search(sentence, 0, bracket) is not None)
    return (_NOT_OUT.search(found.group(0)) is not None
            or _NOT_OUT_AFTER.match(sentence, found.end()) is not None)


# A bowler's wickets in a whole match: "how many wickets did Calloway take in the Hamilton Test
# altogether", answered by "finished with match figures of 9-107" or "to finish with 12 in the match"
_MATCH_WICKETS_ASKED = re.compile(r"^\s*how\s+many\s+wickets\s+(?:did|has|had|does)\s+(?P<who>.+?)\s+"
                                  r"(?:take|get|claim|finish\s+with|end\s+up\s+with)\b(?P<rest>.*)$",
                                  re.IGNORECASE)
_WHOLE_MATCH = re.compile(r"\b(?:test|match|altogether|overall|in\s+total|in\s+all)\b", re.IGNORECASE)
_WICKET_COUNT = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|" \
                r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
_MATCH_WICKETS = (re.compile(rf"\bmatch\s+figures\s+of\s+{_WICKET_COUNT}\s*[-–/]\s*\d{{1,3}}\b",
                             re.IGNORECASE),
                  re.compile(rf"\b{_WICKET_COUNT}\s+(?:wickets\s+)?in\s+the\s+match\b", re.IGNORECASE))


def match_wickets_asked(question: str) -> frozenset[str] | None:
    """The words of the bowler's name a question asks the match's wickets of (not an innings')."""
    found = _MATCH_WICKETS_ASKED.match(question)
    if found is None or re.search(r"\binnings\b", found.group("rest"), re.IGNORECASE) \
            or not _WHOLE_MATCH.search(found.group("rest")):
        return None
    return _side_words(found.group("who")) or None


def match_wickets_in(bowler: frozenset[str], sentence: str) -> tuple[int, str] | None:
    """The wickets a sentence says the bowler took in the whole match, with the words that say it."""
    if not all(side_written(w, sentence) for w in bowler):
        return None
    for pattern in _MATCH_WICKETS:
        if found := pattern.search(sentence):
            return number_of(found.group(1)) or 0, found.group(0)
    return None
