"""A member's phrases written as news writes them: "got away with" is "stole", "take place" is
"held", "how many ppl" counts people. Read before the question's words are (`question`)."""

from __future__ import annotations

import re
from collections.abc import Callable

# Phrases a member types for a word news uses: read as that word.
_MONTHS = {"jan": "January", "feb": "February", "sep": "September", "apr": "April", "aug": "August",
           "oct": "October", "nov": "November", "dec": "December"}
_LET_GO_OF_STAFF = re.compile(r"\d|\b(?:workers?|staff|employees?|jobs?|people|drivers?|nurses?|"
                              r"teachers?|officers?|managers?|players?|them)\b", re.IGNORECASE)


def _let_go(found: re.Match[str]) -> str:
    """"letting 2,300 workers go" cuts jobs; "let the seal go" releases it."""
    who = found.group("who")
    return f"{'cut' if _LET_GO_OF_STAFF.search(who) else 'release'} {who.strip()}"


_Replacement = str | Callable[[re.Match[str]], str]
_PHRASES: tuple[tuple[re.Pattern[str], _Replacement], ...] = (
            (re.compile(r"\bpass(?:ed|es)?\s+away\b", re.I), "died"),
            (re.compile(r"\bwas\s+born\b", re.I), "born"),
            (re.compile(r"\btak(?:e|es|en|ing)\s+home\b|\btook\s+home\b", re.I), "won"),
            # "how much prize money did he pick up"
            (re.compile(r"\b((?:prize|money|cash|cheque)\b.{1,40}?\b)pick(?:s|ed|ing)?\s+up\b", re.I),
             r"\1collected"),
            (re.compile(r"\bkick(?:ed)?\s+out\b", re.I), "exclude"),
            (re.compile(r"\blaid\s+off\b|\blay\s+off\b", re.I), "layoff"),
            (re.compile(r"\b(?:get|got|gets|getting|gotten)\s+rid\s+of\b", re.I), "sacked"),
            (re.compile(r"\b(?:put|puts|putting)\s+to\s+death\b", re.I), "executed"),
            (re.compile(r"\ba\s+single\b", re.I), "one"),
            (re.compile(r"\b(?:take|takes|took|taken|taking)\s+place\b", re.I), "held"),
            (re.compile(r"\b(?:take|takes|took|taken|taking|claim(?:s|ed)?|grab(?:s|bed)?|scoop(?:s|ed)?)\s+"
                        r"(?:the\s+)?gold\b", re.I), "won gold"),
            (re.compile(r"\b(?:bring|brings|brought|bringing)\s+up\b", re.I), "invoked"),
            (re.compile(r"\bcut(?:s|ting)?\s+off\b", re.I), "blocked"),
            # "how many are signed up to vote": registered; "getting called back": recalled (goods);
            # "when they pulled the plug on the launch": called it off
            (re.compile(r"\b(?:signed|sign|signing)\s+up\s+to\s+vote\b", re.I), "registered to vote"),
            (re.compile(r"\b(?:call(?:s|ed|ing)?)\s+back\b(?!\s+(?:to|for|in|after|later|tomorrow))", re.I),
             "recalled"),
            (re.compile(r"\b(?:pull(?:s|ed|ing)?)\s+(?:the\s+)?plug\s+on\b", re.I), "called off"),
            (re.compile(r"\bin\s+the\s+year\s+to\b", re.I), "in the 12 months to"),
            # "when did they get their electric back": power was restored
            (re.compile(r"\b(?:get|gets|got|getting|gotten|have|has|had|having)\s+(?:their|the|its|his|her|our)\s+"
                        r"(?:electric|electricity|power|lights)\s+back\b", re.I), "had power restored"),
            # "when do exmoor ppl vote for their new mp": the by-election's day
            (re.compile(r"\b(?:vote|votes|voting|voted|elect|elects|electing|elected|pick|picks|picking|choose|"
                        r"chooses|choosing)\s+(?:for\s+)?(?:a|an|their|the|its)\s+new\s+(?:mp|member\s+of\s+"
                        r"parliament|mla|msp|td)\b", re.I), "by-election"),
            (re.compile(r"\b(?:get|got|gets|getting|gotten)\s+away\s+with\b", re.I), "stole"),
            (re.compile(r"\bmix(?:ed|es|ing)?\s+((?:[\w'’-]+\s+){0,3}?)up\s+with\b", re.I),
             r"confused \1with"),
            (re.compile(r"\b(?:go|goes|going|gone|went)\s+up\b", re.I), "risen"),
            (re.compile(r"\b(?:fall|falls|falling|fell|fallen)\s+apart\b", re.I), "collapsed"),
            (re.compile(r"\b(?:blow|blows|blowing|blew|blown)\s+up\b", re.I), "exploded"),
            (re.compile(r"\b(?:step|steps|stepping|stepped)\s+down\b", re.I), "resigned"),
            (re.compile(r"\b(?:walk|walks|walked|walking|get|gets|got|getting)\s+(?:free|out\s+of\s+"
                        r"(?:prison|jail))\b", re.I), "released from prison"),
            (re.compile(r"\b(?:beat|beats|beaten|beating)\s+up\b", re.I), "assaulted"),
            (re.compile(r"\b(?:pull|pulls|pulling|pulled)\s+(?:out\s+)?(?:alive|to\s+safety)\b", re.I),
             "rescued"),
            (re.compile(r"\b(?:pull|pulls|pulling|pulled)\s+out\s+of\b", re.I), "withdrew from"),
            # "how many made it out alive": survived; "how many houses got wiped out": destroyed
            (re.compile(r"\b(?:made|make|makes|making|got|get|came|come)\s+(?:it\s+)?out\s+alive\b", re.I),
             "survived"),
            (re.compile(r"\b(homes?|houses?|buildings?|properties|villages?|businesses|structures|crops)\b"
                        r"(.{0,20}?)\b(?:wiped|wipe|wipes|wiping)\s+out\b", re.I), r"\1\2destroyed"),
            # "how many got told to leave on monday": ordered to leave their homes
            (re.compile(r"\b(?:told|asked)\s+to\s+(?=(?:leave|get\s+out|go)\s*(?:[?.!]|$|(?:on|bc|because|after"
                        r"|due|their|the\s+area|home|homes)\b))", re.I), "ordered to "),
            # "how many ppl went to the museum on opening day": visited
            (re.compile(r"\b(?:went|go|goes|going|gone)\s+to\s+(?=(?:the\s+)?(?:[\w'’&-]+\s+){0,3}?(?:museum|"
                        r"gallery|exhibition|zoo|festival|fair|show)\b)", re.I), "visited "),
            # "how many were moved out of their homes": evacuated; "are still out of their homes": displaced
            (re.compile(r"\b(?:move|moves|moved|moving|driven)\s+out\s+of\s+"
                        r"(?:their|his|her|its)\s+(?:homes?|houses?)\b|\b(?:moved|move|moving)\s+out\b(?!\s+of)",
                        re.I), "evacuated"),
            # "how many ppl had to leave their homes": evacuated; "forced out of their houses": displaced
            (re.compile(r"\b(?:had|have|has|having|forced|made|ordered|told)\s+to\s+(?:leave|flee|abandon)\s+"
                        r"(?:their|his|her)\s+(?:homes?|houses?)\b", re.I), "evacuated"),
            (re.compile(r"\b(?:forced|driven|pushed)\s+out\s+of\s+(?:their|his|her)\s+(?:homes?|houses?)\b",
                        re.I), "displaced"),
            (re.compile(r"\b(still|now|remain\w*|are|were|been|living)\s+out\s+of\s+(?:their|his|her)\s+"
                        r"(?:homes?|houses?)\b", re.I), r"\1 displaced"),
            (re.compile(r"\b(ferry|boat|ship|vessel|yacht|trawler|dinghy|sub|submarine)\s+"
                        r"(?:went|go|goes|gone|going)\s+under\b", re.I), r"\1 sank"),
            (re.compile(r"\b(?:flip|flips|flipping|flipped)\s+over\b", re.I), "capsized"),
            # "had their details nicked": stolen ("he got nicked" is arrested, below)
            (re.compile(r"\b(had|have|has|having)\s+((?:[\w'’-]+\s+){1,3}?)(?:nicked|swiped|pinched)\b",
                        re.I), r"\1 \2stolen"),
            # "why are the suvs going back to dealers": recalled
            (re.compile(r"\b(?:(?:are|is|were|was)\s+)?(?:go|goes|going|gone|went|sent|taken)\s+back\s+to\s+"
                        r"(?:the\s+)?(?:dealers?|dealerships?|shops?|stores?|retailers?|makers?|manufacturers?)\b",
                        re.I), "recalled"),
            (re.compile(r"\b(?:switch|switched|switching|go|goes|going|went)\s+back\s+to\b", re.I),
             "bring back"),
            # "when do the shares start trading": when they list
            (re.compile(r"\b(?:start|starts|started|starting|begin|begins|began|beginning)\s+trading\b",
                        re.I), "list"),
            # "what does tarn labs make": what it does, which a description of it says
            (re.compile(r"^(\s*what\s+(?:does|do|did)\s+.{1,60}?\s+)(?:make|produce|sell|build|manufacture|develop)"
                        r"(?=\s*[?.!]*\s*$)", re.I), r"\1do"),
            (re.compile(r"\b(kind|sort)a\b", re.I), r"\1 of"),  # "what kinda firm"
            # "what kind of feed": the feed is asked about, the kind is how a member asks
            (re.compile(r"^\s*(?:what|which)\s+(?:kind|sort|type)\s+of\b", re.I), "what"),
            (re.compile(r"\b(?:take|takes|taken|taking|took)\s+((?:[\w'’-]+\s+){0,3}?)off\s+(?:the\s+)?air\b",
                        re.I), r"suspended \1"),
            (re.compile(r"\b(plane|jet|aircraft|helicopter|chopper|flight|airliner)\s+"
                        r"(?:went|go|goes|gone|going)\s+down\b", re.I), r"\1 crashed"),
            (re.compile(r"\b((?:he|she|they)\s+)passed\s*(?=[?.!]?\s*$)", re.I), r"\1died"),
            # "which club did he go to": the club he joined
            (re.compile(r"\b(club|team|side)\b(.*?)\b(?:go|goes|went|gone|going|move|moved|moves|moving)\s+to\b",
                        re.I), r"\1\2 joined"),
            (re.compile(r"\b(money|cash|funds?|loans?|savings)\b(.*?)\b(?:blow|blew|blown|blowing|splurged?|"
                        r"splurging)\b", re.I), r"\1\2spent"),  # "how much money did he blow on a card"
            # members' shorthand
            # what a member adds that asks nothing: "lol", "tbh", "pls", "idk"
            (re.compile(r"[\s,]*\b(?:lol|lmao|lmfao|rofl|tbh|tbf|pls|plz|please|idk|imo|imho|ngl|fr|smh|btw|"
                        r"haha+|jk)\b[\s,]*(?=\W*$)|\b(?:lol|lmao|tbh|tbf|ngl|imo|btw)\b[,]?\s*", re.I), " "),
            (re.compile(r"\b(high|middle|grade|primary|secondary)\s+schoolers?\b", re.I),
             r"\1 school student"),
            (re.compile(r"\bwc\b", re.I), "World Cup"),
            (re.compile(r"\bnz\b", re.I), "New Zealand"),
            (re.compile(r"\baus\b", re.I), "Australia"),
            (re.compile(r"\beng\b", re.I), "England"),
            *((re.compile(rf"\b{n}(?:st|nd|rd|th)\b", re.I), word) for n, word in enumerate(
                "first second third fourth fifth sixth seventh eighth ninth tenth".split(), start=1)),
            (re.compile(r"\bppl\b|\bfolks?\b", re.I), "people"),
            (re.compile(r"(?<![\w./-])w/?(?=\s+[a-z])"), "with"),  # "whats wrong w the kettles"
            # "whats wrong w the bikes getting pulled", "pulled from shelves": goods recalled
            (re.compile(r"\b(?:get|gets|getting|got|gotten|being|been)\s+pulled\b(?=\s*[?.!]*\s*$)"
                        r"|\bpull(?:s|ed|ing)?\s+(?:\w+\s+){0,3}?from\s+(?:the\s+)?(?:shelves|sale|stores|shops)\b",
                        re.I), "recalled"),
            (re.compile(r"(?<=\bhow\s)(many\s+)(?:guys|blokes|dudes)\b", re.I), r"\1people"),
            # "how many turned up for the funeral": attended; "when aurelia went bust": collapsed
            (re.compile(r"\b(?:turned|turn|turns|showed|show|shows)\s+up\s+(?:for|at|to|on)\b", re.I),
             "attended"),
            # "how many homes still in the dark": without power (not "kept in the dark about")
            (re.compile(r"\bin\s+(?:the\s+)?dark\b(?!\s+(?:about|over|on|as\s+to)\b)", re.I),
             "without power"),
            (re.compile(r"\bssns?\b", re.I), "Social Security numbers"),
            # "where did the ground give way": a landslide
            (re.compile(r"\b(?:the\s+)?(?:ground|hillside|embankment|cliff)\s+(?:give|gives|gave|given|giving)\s+way\b",
                        re.I), "landslide"),
            (re.compile(r"\bsats\b(?!\s+(?:results?|exams?|tests?|scores?|papers?)\b)", re.I), "satellites"),
            (re.compile(r"\b(?:went|gone|go|goes|going)\s+(?:bust|under(?!\s+the\s+hammer)|belly[\s-]up)\b",
                        re.I), "collapsed"),
            # "how many guys got stuck down the mine": trapped
            (re.compile(r"\b(?:got|get|gets|getting|were|was|are|is|been)\s+stuck\b", re.I), "were trapped"),
            (re.compile(r"\bcompo\b", re.I), "compensation"),
            (re.compile(r"\bdinos?\b", re.I), "dinosaur"),  # "where'd they dig up new dino"
            # "where'd they dig up the dino", "how old is the bone they dug up": found
            (re.compile(r"\b(?:dig|digs|dug|digging)\s+up\b", re.I), "found"),
            (re.compile(r"\bprefs\b", re.I), "preferences"),  # "first prefs" in an Irish count
            (re.compile(r"\bhq\b", re.I), "headquarters"),
            # "when does the toll rise take effect": when it starts
            (re.compile(r"\b(?:take|takes)\s+effect\b|\b(?:kick|kicks)\s+(?:in|off)\b|\b(?:come|comes)\s+into\s+"
                        r"(?:force|effect)\b", re.I), "start"),
            # "when do schools go back": reopen
            (re.compile(r"\b(schools?|colleges?|universities|pupils|students|kids|children)\s+"
                        r"(?:go|goes|going|went|gone)\s+back\b(?!\s+to\s+\w)", re.I), r"\1 reopen"),
            # "what % of estonians actually voted": the turnout
            (re.compile(r"^\s*what\s+(?:%|percent(?:age)?|per\s*cent|share|proportion)\s+of\s+(?:the\s+)?"
                        r"((?:[\w'’-]+\s+){0,2}?)(?:actually\s+|really\s+)?(?:voted|turned\s+out)\b"
                        r"(?!\s+(?:for|in\s+favou?r|against|to|yes|no)\b)", re.I),
             r"what was the turnout of \1"),
            (re.compile(r"\batc\b", re.I), "air traffic control"),
            (re.compile(r"\brn\b(?=\W*$)|\b(?:rn|atm)\b(?=\s*[,?!])", re.I), " "),  # "right now"
            (re.compile(r"\b(?:bc|cuz|coz|cos)\b(?=\s+(?:of|the|he|she|they|it|a|an|we|i|his|her|their)\b)",
                        re.I), "because"),
            (re.compile(r"\bphilly\b", re.I), "Philadelphia"),
            (re.compile(r"\btassie\b", re.I), "Tasmania"),
            # "fire at": a gun's fire, not a sacking ("the fire at the plant" is a fire)
            (re.compile(r"(?<!\bthe\s)(?<!\ba\s)(?<!\bthis\s)(?<!\bthat\s)(?<!['’]s\s)"
                        r"\bfir(?:e|es|ed|ing)\s+(?=(?:shots?\s+)?at\b)", re.I), "shoot "),
            (re.compile(r"\bbooze\b", re.I), "alcohol"),
            (re.compile(r"\bwall\s+st\b\.?", re.I), "Wall Street"),
            (re.compile(r"\btourney\b", re.I), "tournament"),
            (re.compile(r"\blbj\b", re.I), "Lyndon Johnson"),
            (re.compile(r"\bjfk\b(?!\s+airport)", re.I), "John F Kennedy"),
            (re.compile(r"\bun-?(?:jabbed|vaxx?ed)\b", re.I), "unvaccinated"),
            (re.compile(r"\bvaxx?ed\b", re.I), "vaccinated"),
            (re.compile(r"\bwindies\b", re.I), "West Indies"),
            # "what charge did he get off on": the one he was cleared of
            (re.compile(r"\b(?:get|got|gets|getting|gotten)\s+off\s+(?:on|of|for)\b", re.I), "cleared of"),
            # words that stress, not ask: "in actual votes", "where exactly", "did it really"
            (re.compile(r"\b(?:actually|actual|really|exactly)\s+(?=\w)", re.I), ""),
            # "the crew behind the hack": the one responsible for it (which it claims)
            (re.compile(r"\b(gangs?|crews?|groups?|hackers?|people|person|man|woman|men|cell|outfit)\s+behind\b",
                        re.I), r"\1 responsible for"),
            # "when it came off the rails": derailed; "when did the typhoon hit land": made landfall (not a
            # waterspout that came ashore)
            (re.compile(r"\b(?:came|come|comes|coming|went|go|goes|going|gone)\s+off\s+(?:the\s+)?"
                        r"(?:rails|tracks?|line)\b", re.I), "derailed"),
            (re.compile(r"\b(typhoon|cyclone|hurricane|storm)\b(.{0,30}?)\b(?:hit|hits|hitting|reach|reached"
                        r"|reaches|reaching|made|make|makes)\s+(?:land|the\s+coast|shore)\b", re.I),
             r"\1\2made landfall"),
            # "how much is nz chipping in": giving; "where does it fire its rockets from": launches
            (re.compile(r"\bchip(?:s|ped|ping)?\s+in\b", re.I), "giving"),
            (re.compile(r"\b(?:fire|fires|fired|firing)\s+((?:its|their|the)\s+)?(rockets?|missiles?)\b",
                        re.I), r"launch \1\2"),
            # "what's the top break": the highest
            (re.compile(r"\btop\s+(?=(?:break|score|speed|temperature|temp|bid|price|gust)s?\b)", re.I),
             "highest "),
            # "when's he getting his punishment": sentenced; "asked for more time": sought an extension
            (re.compile(r"\b(?:get|gets|getting|got|find|finds|finding)\s+(?:out\s+)?(?:his|her|their)\s+"
                        r"(?:punishment|sentence)\b", re.I), "sentenced"),
            (re.compile(r"\bfor\s+more\s+time\b", re.I), "for an extension"),
            (re.compile(r"\b(?:nick|nicks|nicked|nicking|pinch|pinched|swipe|swiped)\s+(?=(?:from|off|out\s+of)\b)",
                        re.I), "steal "),
            (re.compile(r"\bnj\b", re.I), "New Jersey"),
            (re.compile(r"(?<=\w)\s+(?:v|vs|versus)\.?\s+(?=\w)", re.I), " against "),  # "fury v whyte"
            (re.compile(r"\bbrit\b(?!\s+awards?)", re.I), "British"),  # "the brits": the Brit Awards too
            (re.compile(r"\bquali\b", re.I), "qualifying"),
            (re.compile(r"\bpts\b", re.I), "points"),
            (re.compile(r"\bvids?\b", re.I), "video"),
            (re.compile(r"\bdhs\b", re.I), "Homeland Security"),
            (re.compile(r"(?<=[A-Za-z]\s)org\b", re.I), "Organization"),  # "the trump org"
            (re.compile(r"\bda['’]s\b", re.I), "district attorney's"),
            (re.compile(r"\blotto\b", re.I), "lottery"),
            (re.compile(r"\bmeth\b", re.I), "methamphetamine"),
            (re.compile(r"\binsta\b|\bthe\s+gram\b", re.I), "Instagram"),
            (re.compile(r"\b(world|european|indoor|outdoor|national|commonwealth|athletics|swimming|"
                        r"gymnastics|skating)\s+champs\b", re.I), r"\1 championships"),
            (re.compile(r"\b(early|mid|late|in|since|by|from|until|of|on|\d{1,2})(\s+|-)(jan|feb|sept?|apr|aug|oct|"
                        r"nov|dec)\b", re.I), lambda m: f"{m.group(1)} {_MONTHS[m.group(3).lower()[:3]]}"),
            (re.compile(r"\bd(?:n|&)b\b", re.I), "drum and bass"),
            (re.compile(r"\bgov(?:t|['’]t)?\b", re.I), "government"),
            (re.compile(r"(?<!\d)(?<!\d\s)\bpm\b", re.I), "prime minister"),
            (re.compile(r"\bprofs?\b(?!\.)", re.I), "professor"),
            (re.compile(r"\bgrads?\b", re.I), "graduate"),
            (re.compile(r"\bunis?\b", re.I), "university"),
            (re.compile(r"\bquid\b(?!\s+pro\b)", re.I), "pounds"),
            (re.compile(r"(?<=[a-z]{3}\s)n(?=\s[a-z]{3,}\b)(?!\s(?:of|the|and|for|was|are)\b)"),
             "and"),  # "fruit n veg", not "section n of"
            (re.compile(r"\btues\b", re.I), "Tuesday"),
            (re.compile(r"\bweds\b", re.I), "Wednesday"),
            (re.compile(r"\bthurs?\b", re.I), "Thursday"),
            (re.compile(r"\bwkts?\b", re.I), "wickets"),
            (re.compile(r"\bchoppers?\b", re.I), "helicopters"),
            # "what % said yes to striking": voted in favour of it
            (re.compile(r"\b(?:said|say|says|voted|vote|votes)\s+yes\s+to\b", re.I), "voted in favour of"),
            # "how many places were still off grid": without power; "houses burnt down": destroyed
            (re.compile(r"\boff(?:\s+the)?[\s-]+grid\b|\bwith\s+no\s+(?:electricity|electric|power)\b"
                        r"|\bwithout\s+(?:electricity|electric)\b"
                        r"|\b(?:lost|lose|loses|losing)\s+(?:their\s+|its\s+)?(?:power|electricity|electric)\b",
                        re.I), "without power"),
            (re.compile(r"\b(?:burnt|burned|burn|burns|burning)\s+down\b", re.I), "destroyed"),
            (re.compile(r"\bmins\b", re.I), "minutes"),
            (re.compile(r"\bsecs\b", re.I), "seconds"),
            (re.compile(r"\bhrs\b", re.I), "hours"),
            (re.compile(r"\bwks?\b", re.I), "week"),
            (re.compile(r"\bbday\b", re.I), "birthday"),
            (re.compile(r"\bxmas\b", re.I), "Christmas"),
            (re.compile(r"\b(?:death|body)\s+count\b", re.I), "death toll"),
            (re.compile(r"\bgaffer\b", re.I), "manager"),
            # "how much cash did greyfriars bring in from listing": what the float raised
            (re.compile(r"(?<=\bhow much )(.*?)\b(?:bring|brings|brought|bringing)\s+in\b", re.I),
             r"\1raise"),
            # "when did the rocket make it off the pad": it launched
            (re.compile(r"\b(?:make|made|makes|making)\s+it\s+off\s+(?:the\s+)?(?:pad|ground|launchpad)\b",
                        re.I), "launch"),
            (re.compile(r"\bfooty\b", re.I), "football"),
            (re.compile(r"\b(?:coz|cuz|cos)\b", re.I), "because"),
            (re.compile(r"\bpics?\b", re.I), "picture"),
            (re.compile(r"\brefs?\b(?!\.)", re.I), "referee"),
            (re.compile(r"\bvaxx?(?:ine)?\b", re.I), "vaccine"),
            (re.compile(r"\bdems\b", re.I), "Democrats"),
            (re.compile(r"\bgop\b", re.I), "Republican"),
            (re.compile(r"\bnyc\b", re.I), "New York"),
            (re.compile(r"\b(?:the\s+)?aussies\b", re.I), "Australia"),
            (re.compile(r"\b(?:the\s+)?kiwis\b", re.I), "New Zealand"),
            (re.compile(r"\b(?:the\s+)?yanks\b", re.I), "the United States"),
            (re.compile(r"\byrs\b", re.I), "years"),
            (re.compile(r"\byr\b", re.I), "year"),
            (re.compile(r"\babt\b|\bapprox\b", re.I), "about"),
            (re.compile(r"\bthru\b", re.I), "through"),
            (re.compile(r"\bw/o\b", re.I), "without"),
            (re.compile(r"\bw/(?=\s)", re.I), "with"),
            (re.compile(r"\bu\b(?!\.)", re.I), "you"),
            (re.compile(r"\bur\b", re.I), "your"),
            (re.compile(r"(?<=\S\s)r(?=\s+[a-z])"), "are"),  # "how many dockers r striking", "what % r"
            (re.compile(r"\b(?:(?:is|are|am)\s+)?gonna\b", re.I), "will"),
            (re.compile(r"\bwanna\b", re.I), "want to"),
            (re.compile(r"\bintl\b", re.I), "international"),
            (re.compile(r"\blet(?:s|ting)?\s+go(?:\s+of)?\b", re.I), "cutting"),  # "letting go of 300 staff"
            (re.compile(r"\blet(?:s|ting)?\s+(?P<who>(?:[\w'’,-]+\s+){1,3}?)go\b(?!\s+(?:of|on|ahead|through)\b)",
                        re.I), _let_go),  # "letting 2,300 workers go"; "let chips the seal go"
            (re.compile(r"\bnick(?:s|ed|ing)?\b(?=\s+(?:the|a|an|their|his|her|its|some|\d|[£$€]))", re.I),
             "steal"),  # "where did they nick the whisky from"; "got nicked" is below
            (re.compile(r"\bdown(?:s|ed|ing)?\s+tools\b", re.I), "striking"),
            # "flights got axed": cancelled; "jobs axed" stays a cut
            (re.compile(r"\b(flights?|trains?|services|shows?|concerts?|gigs?|matches|games?|events?|routes?|"
                        r"plans?|trips?)\s+(?:(?:got|were|was|been|being|are|is)\s+)?ax(?:e|ed|es|ing)\b",
                        re.I),
             r"\1 cancelled"),
            (re.compile(r"\bmake\s+before\s+tax\b|\bbefore[-\s]tax\s+profits?\b", re.I), "pre-tax profit"),
            (re.compile(r"\b(?:get|gets|got|getting|gotten|finally)\s+off\s+the\s+ground\b", re.I), "launch"),
            (re.compile(r"\bbump(?:s|ed|ing)?[\s-]+up\b", re.I), "raised"),
            (re.compile(r"\b(?:get|gets|got|getting)\s+out\s+of\s+(?:their|his|her|the)\s+homes?\b", re.I),
             "forced from their homes"),
            (re.compile(r"\bq([1-4])\b", re.I),
             lambda m: f"{('first', 'second', 'third', 'fourth')[int(m.group(1)) - 1]} quarter"),
            # what members call clubs and grounds
            (re.compile(r"\bbar[cç]a\b", re.I), "Barcelona"),
            (re.compile(r"\bnou\s+camp\b", re.I), "Camp Nou"),
            (re.compile(r"\bman\s+utd\b", re.I), "Manchester United"),
            (re.compile(r"\bman\s+city\b", re.I), "Manchester City"),
            (re.compile(r"\bspurs\b", re.I), "Tottenham"),
            (re.compile(r"\b(?:the\s+)?prem\b|\bepl\b", re.I), "the Premier League"),
            (re.compile(r"\bhow\s+much\b(.*?)\b(?:get|got|gets|getting|was|were|been)\s+(?:nicked|pinched)\b",
                        re.I), r"how much\1was stolen"),  # things are nicked; people are arrested
            (re.compile(r"\b(?:get|got|gets|getting|was|were|been)\s+(?:nicked|busted|collared)\b", re.I),
             "arrested"),
            # "what was the name of the general": the name is what is asked, no word to say
            (re.compile(r"^\s*(?:what|which)(?:['’]?s|\s+(?:is|was|are|were))\s+(?:the\s+)?(?:full\s+)?"
                        r"names?\s+of\b", re.I), "which"),
            # "whats X called, the one they …": "the one" says X again
            (re.compile(r",?\s+the\s+one\s+(?=(?:that|which|who|they|he|she|we|you|where|with)\b)", re.I),
             ", "),
            (re.compile(r"\bin\s+a\s+row\b", re.I), "consecutive"),
            (re.compile(r"\b(?:blow|blew|blown|blowing|blows)\s+(past|through)\b", re.I), r"rose \1"),
            # "what day did …": the day is what is asked, no word an answer must say
            (re.compile(r"^\s*(?:on\s+|in\s+)?(?:what|which)\s+(?:day|date|year)(?:['’]s\b)?", re.I), "when"),
            (re.compile(r"\b(?:made|make|makes|making)\s+(?:her|him|them|me|us)\s+cry\b", re.I), "tears"),
            (re.compile(r"\b(?:los[te]|loses|losing)\s+(?:(?:their|his|her|its|our|my)\s+)?homes?\b"
                        r"|\b(?:made|left)\s+homeless\b", re.I), "displaced"),
            # "when were the rules meant to be scrapped": when they were to be scrapped
            (re.compile(r"\b(?:meant|supposed|scheduled|due)\s+to(?:\s+be)?\b", re.I), ""))


def in_news_words(text: str) -> str:
    """The question with a member's phrases written as news writes them ("got away with" →
    "stole", "take place" → "held")."""
    for pattern, replacement in _PHRASES:
        text = pattern.sub(replacement, text)
    return text
