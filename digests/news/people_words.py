"""The vocabulary of people in news: function words, places, nations and demonyms,
organisations, honorifics, roles and their modifiers, speech verbs, and the patterns built from
them. Data only: `people` and `names` read with it."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

# The patterns' sources, compiled on first use (`__getattr__`): compiling them all took 0.3–0.6 s of
# every start-up, `bot.py ask` included, most of which never reads a person.
_SOURCES: dict[str, str] = {}


def _set(block: str) -> frozenset[str]:
    return frozenset(block.replace("_", " ").lower().split())


FUNCTION = _set("""a an the and or but nor of to in on at by for with from as into onto over under after
before since until during amid against about around across between behind beyond near off out up down via per
than then if so yet still also even just only not no yes all any some many most more much few each every both
either neither other another such this that these those there here it its he she they we you i his her their
our your my who whom whose what which when where why how is are was were be been being has have had do does
did will would can could should might must new old first second third last next top big today tonight
yesterday tomorrow now earlier later meanwhile however although though while because despite instead once
again already hours minutes days weeks months years live latest breaking update updates watch video analysis
opinion exclusive explainer photos pictures inside outside speaking according asked let meet dear day week
month year key world false true daily hear monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december jan feb mar
apr jun jul aug sep sept oct nov dec highlights obituary preview recap quiz men women mens womens see
covid""")
# Counties, states and regions news names often, each with the country it is in as `places_named`
# reads it: a count for Powys is one of Wales's ("mid-Wales"), not of another place.
REGION_OF = {region: country for country, block in {
    "england": """somerset dorset wiltshire gloucestershire oxfordshire berkshire buckinghamshire
        hertfordshire bedfordshire cambridgeshire northamptonshire leicestershire nottinghamshire
        derbyshire staffordshire shropshire herefordshire worcestershire warwickshire cheshire
        merseyside cumbria northumberland lincolnshire norfolk suffolk essex surrey sussex hampshire
        teesside tyneside humberside midlands""",
    "wales": "gwynedd powys ceredigion pembrokeshire carmarthenshire anglesey snowdonia",
    "scotland": "fife lothian ayrshire aberdeenshire argyll perthshire lanarkshire",
    "ireland": """donegal mayo wexford wicklow kilkenny tipperary waterford sligo connemara leinster munster
        antrim fermanagh armagh ulster""",  # the island: Northern Ireland's too
    "australia": "hobart cairns townsville gippsland",
    "india": """maharashtra karnataka telangana odisha assam bihar rajasthan uttarakhand himachal chennai
        bengaluru bangalore kolkata hyderabad pune ahmedabad jaipur lucknow kochi sriharikota""",
    "zealand": "otago waikato taranaki",
    "canada": "alberta newfoundland labrador",
    "united states": "montana indiana",
}.items() for region in block.split()}
PLACES = _set("""ukraine russia belarus poland europe america africa asia kyiv kiev kharkiv odesa odessa
lviv mariupol kherson mykolaiv dnipro zaporizhzhia chernihiv sumy bucha irpin hostomel donetsk luhansk donbas
donbass crimea chernobyl zhytomyr kramatorsk severodonetsk izium melitopol poltava mariupol moscow minsk
gomel brest geneva brussels berlin paris london washington warsaw budapest bucharest chisinau prague vienna
rome madrid lisbon amsterdam helsinki stockholm oslo copenhagen riga vilnius tallinn belgrade ankara istanbul
beijing tokyo delhi tehran damascus kabul jerusalem germany france britain england scotland wales ireland
italy spain portugal greece turkey hungary romania moldova slovakia czechia lithuania latvia estonia finland
sweden norway denmark netherlands holland belgium austria switzerland serbia croatia bulgaria georgia armenia
azerbaijan kazakhstan china japan india pakistan iran iraq syria israel egypt libya afghanistan canada mexico
brazil australia taiwan korea arabia emirates qatar transnistria siberia baltic balkans caucasus kremlin
united states kingdom nations north south east west eastern western northern southern central new_york saudi
hong kong zealand dhabi capitol velyka sri lanka republic sea gulf ocean black atlantic pacific nato pentagon
white house downing congress senate parliament bundestag duma rada westminster dublin edinburgh glasgow
cardiff belfast manchester liverpool birmingham leeds bristol sheffield newcastle southampton madagascar
nigeria kenya ethiopia somalia sudan yemen lebanon morocco algeria tunisia argentina chile colombia peru
venezuela haiti jamaica philippines indonesia malaysia singapore thailand vietnam myanmar bangladesh nepal
angeles chicago texas florida california ohio miami seattle atlanta ottawa toronto vancouver montreal
melbourne auckland mumbai shanghai wuhan seoul pyongyang macau pradesh rio janeiro sierra leone moines
tel aviv""") | _set(  # no place that is also a common name: "Naomi Osaka", "William Hague"
    """albania andorra angola bahrain benin bhutan bolivia bosnia herzegovina botswana
brunei burkina faso burundi cambodia cameroon congo cuba cyprus ecuador eritrea eswatini fiji gabon gambia
ghana guatemala guinea guyana honduras iceland kosovo kuwait kyrgyzstan laos lesotho liberia
liechtenstein luxembourg malawi maldives mali malta mauritania mauritius mongolia montenegro
mozambique namibia nicaragua niger oman panama paraguay rwanda senegal slovenia suriname tajikistan
tanzania togo tonga turkmenistan uganda uruguay uzbekistan vanuatu zambia zimbabwe macedonia greenland
taipei baghdad beirut riyadh doha dubai cairo tripoli tunis algiers rabat casablanca nairobi lagos abuja
accra ababa khartoum kinshasa johannesburg pretoria karachi lahore islamabad dhaka kathmandu bangkok jakarta
manila hanoi lumpur kyoto fukushima okinawa hokkaido shenzhen guangzhou guangxi guangdong xinjiang
tibet hubei sichuan kashmir punjab gujarat kerala bengal sindh gaza ramallah jenin haifa aleppo idlib homs
mosul basra kurdistan sanaa aden mecca darfur tigray mogadishu benghazi sahel kigali kampala harare
lusaka dakar bamako niamey bogota bogotá caracas havana quito aires montevideo brasilia petropolis
petrópolis guadalajara munich hamburg frankfurt cologne stuttgart dusseldorf düsseldorf dresden leipzig
turin naples venice genoa bologna sicily sardinia barcelona seville bilbao marseille toulouse
bordeaux strasbourg rotterdam antwerp zurich basel lausanne salzburg krakow kraków gdansk wroclaw
lodz przemysl rzeszow lublin kaunas porto athens thessaloniki zagreb sarajevo ljubljana bratislava skopje
tirana podgorica pristina tbilisi yerevan baku astana almaty tashkent bishkek dushanbe murmansk
petersburg sochi kaliningrad novosibirsk yekaterinburg chechnya grozny dagestan vladivostok vinnytsia
uzhhorod ternopil rivne lutsk khmelnytskyi cherkasy kropyvnytskyi rih nikopol enerhodar berdyansk
bakhmut sloviansk lysychansk okhtyrka volnovakha vasylkiv brovary makariv borodianka oxford cambridge
nottingham leicester coventry plymouth portsmouth aberdeen dundee inverness swansea derry
cornwall yorkshire lancashire wight hebrides shetland orkney galway limerick alabama alaska
arizona arkansas colorado connecticut delaware hawaii idaho illinois iowa kansas kentucky louisiana
maine maryland massachusetts michigan minnesota mississippi missouri nebraska nevada oklahoma oregon
pennsylvania tennessee utah vermont wisconsin wyoming queensland brisbane canberra tasmania
christchurch dunedin ontario quebec manitoba saskatchewan yukon calgary edmonton winnipeg
nashville baltimore philadelphia pittsburgh minneapolis brooklyn manhattan antarctica arctic
himalayas alps sahara mediterranean caribbean""") | frozenset(REGION_OF)
DEMONYMS = {"russian": "Russia", "ukrainian": "Ukraine", "american": "United States", "us": "United States",
            "u.s.": "United States", "usa": "United States", "british": "United Kingdom",
            "uk": "United Kingdom", "gb": "United Kingdom", "german": "Germany", "french": "France",
            "polish": "Poland", "belarusian": "Belarus", "chinese": "China", "taiwanese": "Taiwan",
            "canadian": "Canada",
            "australian": "Australia", "japanese": "Japan", "indian": "India", "italian": "Italy",
            "spanish": "Spain", "turkish": "Turkey", "irish": "Ireland", "israeli": "Israel",
            "iranian": "Iran", "dutch": "Netherlands", "swedish": "Sweden", "finnish": "Finland",
            "norwegian": "Norway", "danish": "Denmark", "belgian": "Belgium", "austrian": "Austria",
            "swiss": "Switzerland", "greek": "Greece", "hungarian": "Hungary", "czech": "Czech Republic",
            "romanian": "Romania", "moldovan": "Moldova", "lithuanian": "Lithuania", "latvian": "Latvia",
            "estonian": "Estonia", "georgian": "Georgia", "serbian": "Serbia", "croatian": "Croatia",
            "bulgarian": "Bulgaria", "slovak": "Slovakia", "portuguese": "Portugal", "mexican": "Mexico",
            "brazilian": "Brazil", "argentine": "Argentina", "argentinian": "Argentina",
            "egyptian": "Egypt", "syrian": "Syria", "afghan": "Afghanistan", "pakistani": "Pakistan",
            "iraqi": "Iraq", "saudi": "Saudi Arabia", "qatari": "Qatar", "nigerian": "Nigeria",
            "kenyan": "Kenya", "scottish": "Scotland", "welsh": "Wales", "english": "England",
            "chechen": "Chechnya", "kazakh": "Kazakhstan", "armenian": "Armenia",
            "indonesian": "Indonesia", "filipino": "Philippines", "philippine": "Philippines",
            "thai": "Thailand",
            "vietnamese": "Vietnam", "lebanese": "Lebanon", "jamaican": "Jamaica",
            "republican": "Republican", "democrat": "Democrat", "democratic": "Democrat",
            "tory": "Conservative",
            # more countries by their nationality: the Americas, Africa, Asia and the rest of Europe
            "peruvian": "Peru", "chilean": "Chile", "colombian": "Colombia", "venezuelan": "Venezuela",
            "cuban": "Cuba", "ecuadorian": "Ecuador", "bolivian": "Bolivia", "paraguayan": "Paraguay",
            "uruguayan": "Uruguay", "haitian": "Haiti", "guatemalan": "Guatemala", "honduran": "Honduras",
            "nicaraguan": "Nicaragua", "panamanian": "Panama", "ethiopian": "Ethiopia", "somali": "Somalia",
            "sudanese": "Sudan", "ugandan": "Uganda", "tanzanian": "Tanzania", "rwandan": "Rwanda",
            "ghanaian": "Ghana", "senegalese": "Senegal", "malian": "Mali", "moroccan": "Morocco",
            "algerian": "Algeria", "tunisian": "Tunisia", "libyan": "Libya", "zimbabwean": "Zimbabwe",
            "zambian": "Zambia", "congolese": "Congo", "cameroonian": "Cameroon", "angolan": "Angola",
            "mozambican": "Mozambique", "namibian": "Namibia", "malawian": "Malawi", "nepalese": "Nepal",
            "nepali": "Nepal", "bangladeshi": "Bangladesh", "burmese": "Myanmar", "cambodian": "Cambodia",
            "laotian": "Laos", "malaysian": "Malaysia", "singaporean": "Singapore", "mongolian": "Mongolia",
            "uzbek": "Uzbekistan", "turkmen": "Turkmenistan", "tajik": "Tajikistan", "kyrgyz": "Kyrgyzstan",
            "azerbaijani": "Azerbaijan", "kuwaiti": "Kuwait", "emirati": "United Arab Emirates",
            "bahraini": "Bahrain", "omani": "Oman", "yemeni": "Yemen", "icelandic": "Iceland",
            "maltese": "Malta", "cypriot": "Cyprus", "slovenian": "Slovenia", "slovene": "Slovenia",
            "bosnian": "Bosnia", "montenegrin": "Montenegro", "albanian": "Albania", "kosovan": "Kosovo",
            "macedonian": "North Macedonia",
            "fijian": "Fiji", "tongan": "Tonga", "samoan": "Samoa", "luxembourgish": "Luxembourg"}
# Countries no single nationality word names here (with those DEMONYMS gives: every country known).
COUNTRIES = frozenset(DEMONYMS.values()) - {"Republican", "Democrat", "Conservative"} | frozenset({
    "South Korea", "North Korea", "New Zealand", "South Africa", "Sri Lanka", "Costa Rica", "El Salvador",
    "Dominican Republic", "Ivory Coast", "Sierra Leone", "Burkina Faso", "Papua New Guinea", "Niger",
    "Guinea", "Eritrea", "Liberia", "Gabon", "Gambia", "Benin", "Togo", "Botswana", "Lesotho", "Eswatini",
    "Madagascar", "Mauritius", "Maldives", "Bhutan", "Brunei", "Liechtenstein", "Andorra", "Monaco",
    "San Marino", "Vatican", "Greenland", "Guyana", "Suriname", "Vanuatu", "Palestine"})
NATIONS = _set("""russians ukrainians americans briton britons english european europeans germans poles
belarusians japanese hungarian romanian moldovan slovak czech lithuanian latvian estonian finnish swedish
norwegian danish dutch belgian italian spanish portuguese greek israeli iranian syrian indian pakistani
canadian australian georgian chechen crimean irish scottish welsh swiss austrian serbian croatian bulgarian
afghan iraqi arab african asian latin mexican brazilian korean egyptian nordic western eastern allied syrians
georgians moldovans chechens afghans iranians israelis palestinians africans asians indians
republican republicans democrat democrats democratic conservative tory labour liberal
""") | frozenset(DEMONYMS)
ORG = _set("""commission council union assembly ministry office agency service committee bank fund army navy
force forces guard division brigade group party government department court organisation organization
institute university college school hospital company corporation corp inc ltd airlines airways network news
times post journal telegraph guardian independent reuters bloomberg interfax associated street square avenue
road river station airport bridge plant port region oblast province district county city town village island
islands mountains cup league championship games olympics ballet theatre theater museum centre center cross
crescent emergency exchange stream pipeline media television tv radio channel club fc security rights watch
burger amnesty international foundation society association federation alliance coalition movement
front church
cathedral palace embassy mission programme program summit conference forum festival war crisis invasion
operation treaty agreement plan report index market fleet regiment battalion corps command gazprom rosneft
lukoil shell apple google microsoft meta facebook twitter amazon netflix visa mastercard boeing airbus
aeroflot paralympics open prix express mirror check starlink oneweb spacex goldman sachs championships act
prize award awards room affairs scheme opera estate railway railways symphony chiefs slam formula sukhoi dow
bowl jubilee convoy police utd united rovers wanderers athletic albion hotspur fighters series plus galaxy
statement control prevention centers centres tower administration motorsport trophy marathon oscars
grammys baftas nintendo xbox playstation samsung huawei nvidia spotify tiktok instagram youtube starbucks
tesla paypal liga wolves social
""")
# Bodies whose name, right before another, makes that one a team too: "National League Boreham Wood".
TEAM_BEFORE = _set("league cup fc club")
# Lower-case nouns that make the capitalised name right after them a body, a work or an event: "the band
# Foo Fighters", "the airline EasyJet".
ORG_NOUNS = _set("""band club team side firm company group show series film movie game album song brand chain
retailer app platform bill campaign label startup airline carrier magazine newspaper website network channel
station programme program musical play novel book drama sitcom franchise event tournament race storm cyclone
hurricane operation charity organisation organization agency university school hospital venue stadium
festival exhibition podcast documentary ship satellite rocket vaccine""")
PLACE_PREFIX = _set("fort mount lake port cape camp saint st san santa sao los las storm cyclone hurricane "
                    "typhoon")
PARTICLES = _set("von van der den de del della di da du le la bin ibn ter ten dos das zu al")
HONORIFICS: dict[str, str | None] = {
    word: role or None for word, _, role in (pair.partition(":") for pair in """mr mrs ms miss dr sir dame
    lord lady rev prof:professor gen:general col:colonel lt:lieutenant sgt:sergeant capt:captain adm:admiral
    maj:major major:major sen:senator rep:representative gov:governor pres:president cllr:councillor
    cr:councillor""".split())}
_HEADS = """secretary_of_state secretary-general secretary_general attorney_general director-general
director_general major_general lieutenant_general prime_minister vice_president vice-president
high_commissioner chief_executive chief_of_staff president-elect president minister premier chancellor
adviser advisor aide spokesperson spokesman spokeswoman secretary ambassador envoy diplomat commissioner
chief head commander general colonel lieutenant sergeant captain admiral marshal mayor governor director
chairman chairwoman chairperson chair leader king queen prince princess pope patriarch senator congressman
congresswoman lawmaker legislator mp mep td mec gp deputy official wing flanker negotiator representative
correspondent reporter librarian counsellor counselor
journalist editor analyst economist manager coach goalkeeper player champion ceo founder owner judge
prosecutor speaker professor writer author activist boss oligarch businessman billionaire presenter anchor
ombudsman emir pm skater star medalist athlete gymnast swimmer boxer footballer striker midfielder driver
grandmaster actor actress singer rapper musician model supermodel comedian filmmaker conductor composer
ballerina dancer brigadier commentator columnist pundit broadcaster duke duchess countess taoiseach
under-secretary-general under-secretary member_of_parliament member_of_congress queen_consort first_lady
crown_prince co-founder cofounder cfo coo cto chief_operating_officer chief_financial_officer executive
entrepreneur investor tycoon magnate mogul banker financier businesswoman heiress coordinator regulator
defender forward winger full-back fullback centre-back center-back centre-half fly-half scrum-half wing-back
quarterback receiver linebacker pitcher cricketer batter batsman bowler spinner leg-spinner all-rounder
wicketkeeper wicket-keeper keeper jockey trainer cyclist runner sprinter skier snowboarder curler golfer
rower sailor climber surfer skateboarder wrestler fighter heavyweight skipper referee umpire sportsman
opener seamer
sportswoman olympian paralympian medallist drummer guitarist bassist pianist violinist cellist vocalist
frontman frontwoman songwriter singer-songwriter dj producer popstar superstar icon artist painter sculptor
photographer novelist poet playwright screenwriter designer architect chef host podcaster influencer
youtuber blogger historian philosopher scientist physicist astrophysicist astronomer chemist biologist
astronaut researcher academic lecturer teacher headteacher headmaster headmistress doctor nurse surgeon
physician epidemiologist virologist psychologist justice councillor councilor councilman councilwoman
alderman reeve assemblyman assemblywoman delegate whip nominee candidate campaigner dissident protester lawyer
attorney barrister solicitor magistrate coroner sheriff detective inspector superintendent constable
officer agent spy soldier pilot monarch emperor empress sultan sheikh heir archbishop bishop cardinal priest
rabbi imam cleric ayatollah pastor vicar preacher evangelist newsreader critic publisher collector
mla msp worker film-maker
civil_servant creator inventor translator interpreter reservist administrator engineer
co-owner volunteer medic paramedic firefighter winner laureate partner
second_gentleman second_lady first_gentleman
district_attorney corporal trooper commodore cadet marine paratrooper commando veteran chaplain
expert specialist consultant strategist lobbyist pollster organiser organizer mediator consul
emissary politician statesman stateswoman peer baron baroness earl viscount marquess aristocrat
socialite regent dictator warlord counsel advocate jurist clerk proprietor landlord developer
trader broker accountant auditor shareholder staffer employee intern apprentice
elder chieftain nun monk deacon missionary
bobsledder slider luger biathlete hurdler decathlete heptathlete marathoner triathlete mountaineer
explorer adventurer diver fencer archer weightlifter powerlifter bodybuilder racer motorcyclist rider
choreographer illustrator cartoonist animator magician soprano tenor baritone organist saxophonist
trumpeter harpist bandleader impresario promoter curator auctioneer dealer reviewer vlogger streamer
gamer tiktoker narrator
meteorologist forecaster climatologist geologist seismologist volcanologist archaeologist glaciologist
oceanographer hydrologist investigator controller porter welder operator
anthropologist paleontologist palaeontologist zoologist ecologist botanist conservationist vet
veterinarian pharmacist dentist midwife psychiatrist therapist neuroscientist neurologist cardiologist
oncologist paediatrician pediatrician radiologist immunologist microbiologist geneticist
mathematician statistician programmer hacker technologist
farmer fisherman miner builder plumber electrician mechanic carpenter baker butcher brewer winemaker
shopkeeper publican landlady waiter waitress cleaner caretaker carer nanny chauffeur trucker courier
postman postwoman bodyguard warden lifeguard ranger steward stewardess seafarer coxswain helmsman
harbourmaster harbormaster lifeboatman deckhand shepherd gamekeeper
student pupil schoolboy schoolgirl teenager pensioner widow widower grandmother grandfather
mum mom mother father dad wife husband son daughter brother sister girlfriend boyfriend fiancee fiancée
fiance fiancé stepmother stepfather grandson granddaughter stepson stepdaughter
suspect defendant whistleblower hostage prisoner inmate fugitive survivor
supervisor showrunner cinematographer stuntman stuntwoman provost registrar beatboxer
treasurer comptroller bursar rector liquidator trustee actuary entomologist herpetologist ornithologist
restaurateur hotelier caterer hairdresser barber tailor grocer
weaver artisan craftsman craftswoman blacksmith beekeeper seamstress jeweller jeweler florist
general_manager general_secretary
contestant finalist semi-finalist runner-up debutant rookie co-host co-star co-author
world_number_one world_number_two world_number_three world_number_four
world_number_five world_no._1 world_no._2 world_no._3 number_one""".split()
# Whose relative someone is: a role that names another person's family, not a post
RELATIONS = _set("""mum mom mother father dad wife husband son daughter brother sister girlfriend
boyfriend fiancee fiancée fiance fiancé stepmother stepfather grandson granddaughter stepson stepdaughter
widow widower grandmother grandfather""")
_MODS = """foreign defence defense interior finance economy economic health justice energy trade culture
digital deputy vice presidential press prime first former acting top chief senior state relief refugee
military security national communications cabinet opposition army armed regional federal assistant
associate executive managing special political international diplomatic global figure tennis chess football
basketball hockey olympic skating gold tv""".split()
# Modifiers that may stand next to a name ("Chris Rock", "Tom Brady"), so kept out of STOP. Those of
# time and standing may come before an affiliation ("former Disney CEO"); both read in any case.
_STANDING = """former acting interim incoming outgoing future defending reigning retired deputy senior top
first female male""".split()
_MORE_MODS = """interim incoming outgoing future defending reigning retired head lead co joint grand_slam
heavyweight middleweight lightweight welterweight featherweight speed freestyle alpine snowboard ski track
rugby cricket cricketing golf soccer boxing cycling athletics swimming paralympic children's children’s
female male wide fast opening star emergency human_rights civil_rights shadow home business treasury
education transport housing environment brexit agriculture science winter foreign_affairs
creative artistic technical sporting musical editorial incident detective
european_affairs veterans_affairs world_affairs home_affairs""".split()
# Modifiers read in lower case only: capitalised, they are part of a name ("BBC Sport", "Met Police").
_LOWER_MODS = """world pop rock rap jazz folk film movie music fashion reality radio television
comedy art tech technology crypto media investment union trade_union party campaign environmental climate
peace nuclear police fire intelligence spy navy naval air_force team club squad junior principal general
medical scientific operating financial information marketing commercial legal strategy sports sport
backbench district county provincial local municipal parliamentary congressional royal crown silver bronze
aid charity skeleton new public returning care council parish hospital school prison city town
village church gym shop pub restaurant cafe farm factory salon bakery garage hotel rescue search mine mining
safety ambulance coastguard lifeboat""".split()
# Written in lower case they modify a post; at a sentence's start the capital says nothing, so
# "Returning officer Kate Bassett" is a returning officer, not an officer of something "Returning".
LOWER_MODIFIERS = frozenset(w for w in _LOWER_MODS if "_" not in w)
DESCRIPTORS = _set("""legendary iconic veteran renowned famed celebrated beloved popular prominent leading
outspoken embattled beleaguered disgraced controversial young youngest oldest fellow late longtime current
storied revered influential original acclaimed talented unified undisputed then second third fourth
fifth""")
DROPPED_FROM_ROLES = DESCRIPTORS | {"new"}
_VERBS = """said says told tells announced announces warned warns added adds stated
insisted insists stressed stresses noted claimed claims confirmed confirms explained explains wrote writes
tweeted urged urges argued argues repeated acknowledged admitted denied denies cautioned predicted vowed vows
pledged pledges replied responded accused accuses asked""".split()
SURNAME_TITLES = _set("major")  # "Sir John Major"; a title before a name too, but no stop word
# Posts that are common surnames too ("Stephen King", "Adam Driver", "Danny Baker"): a name's last
# word when no capitalised word follows (not every post: "Maritime Minister", "Hugo Boss").
POST_SURNAMES = _set("""king bishop baker butcher carpenter weaver driver archer judge singer farmer brewer
baron sultan pope marshal chancellor fisherman barber tailor""")
STOP = (FUNCTION | PLACES | NATIONS | (frozenset(HONORIFICS) - SURNAME_TITLES) | frozenset(_VERBS)
        | frozenset(h for h in _HEADS + _MODS if "-" in h)  # "scrum-half", but "Fly" may be a surname
        | frozenset(w for h in _HEADS + _MODS for w in re.split("[_-]", h)
                    if "-" not in h or w in _HEADS or w in _MODS))
ROLE_WORDS = frozenset(h.replace("_", " ") for h in _HEADS + _MODS + _MORE_MODS + _LOWER_MODS)
SPEECH_VERBS = frozenset(_VERBS)
# (an MEC: a minister of a South African province)
ACRONYM_ROLES = _set("mp mep msp mla mpp td mec ceo cfo coo cto pm dj gp")  # TD: a member of the Dáil
# What an office "of" may name and still be part of the role: "Secretary of Transportation".
PORTFOLIOS = frozenset(w for h in _MODS + _MORE_MODS + _LOWER_MODS for w in h.split("_")) | _set("""
transportation commerce labor labour homeland veterans affairs state staff""")
# Function words that may begin a name of a body or a show: "New Zealand", "The Daily Show", "World Bank".
NAME_STARTS = _set("""new daily world live key top big first monday tuesday wednesday thursday friday saturday
sunday""")
_SOURCES["NOT_A_PERSON_BEFORE"] = (r"(?<![\w’'-])(?i:nerve|chemical|biological|toxic)\s+$")  # "nerve agent"
VERB_HEADS = _set("host coach star model head chair judge champion captain skipper lead pilot")  # also verbs
_SOURCES["AUXILIARY_BEFORE"] = (r"(?<![\w’'-])(?:to|will|would|could|can|may|might|should|must|shall|"
                              r"'ll|’ll)\s+$")
# Every word of a role's head ("minister", "scrum-half", "half"): a title before a name ends near one.
HEAD_WORDS = frozenset(w for h in _HEADS for w in [*re.split("[_-]", h), h.replace("_", " ")]
                       if w not in FUNCTION) | ACRONYM_ROLES
# The words of the posts that name a person (split from "world_number_three", "fly-half": not
# their parts)
PERSON_POSTS = HEAD_WORDS - frozenset("""1 2 3 one two three four five number no. world back co film
fly full half high leg vice wing""".split())
PREPOSITIONS = _set("in at from to of near into across outside inside around towards for by with via")
ABBREVIATED_ROLES = {"pm": "prime minister"}


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace("_", r"\s+") for w in sorted(words, key=len, reverse=True))


_CAP = r"[A-Z][\w’'.&-]*"
_SOURCES["HYPHEN_DESCRIPTOR"] = (r"[A-Za-z0-9]+(?:-[a-z]+)+")  # 31-year-old, Grammy-winning, three-time
_HYPHEN = rf"(?-i:{_SOURCES['HYPHEN_DESCRIPTOR']})"
_ANY_CASE_MOD = rf"(?:{_alternation(_MODS + _MORE_MODS + list(DESCRIPTORS))}|{_HYPHEN})"
# Modifiers of a post that also begin the names of bodies ("Chief Election Commissioner", but the
# "Election Commission"; "Mission director", but "Mission Control"): a modifier only before a post.
_TITLE_MODS = "election electoral mission flight".split()
_MOD = rf"(?:{_ANY_CASE_MOD}|(?i:{_alternation(_TITLE_MODS)})|(?-i:{_alternation(_LOWER_MODS)}))"
_HEAD = _alternation(_HEADS)
_NOT_ROLE = rf"(?!(?i:(?:{_ANY_CASE_MOD}|{_HEAD})\b)|(?i:{_alternation(_TITLE_MODS)})\s+(?-i:[a-z]))"
_AFF = rf"(?P<aff>{_NOT_ROLE}{_CAP}(?:\s+{_NOT_ROLE}{_CAP}){{0,2}}?)"
_PRE = (rf"(?P<pre>(?:(?i:{_alternation(_STANDING + list(DESCRIPTORS))}|{_HYPHEN})\s+){{1,3}}"
        rf"|(?i:ex-)(?=[A-Z]))")  # "former" in "former Disney CEO"
_ROLE = rf"(?i:(?:ex-|then-)?(?:{_MOD}\s+){{0,4}}(?:{_HEAD})(?![\w-]))"
_LOWER_ROLE = (rf"(?:(?:{_alternation(_MODS + _MORE_MODS + _LOWER_MODS + list(DESCRIPTORS))}|{_HYPHEN})"
               rf"\s+){{0,4}}(?:{_HEAD}|{_alternation(w.upper() for w in ACRONYM_ROLES)})(?![\w-])")
_NOT_HEAD = rf"(?!(?i:(?:{_HEAD})\b))"
# "for Refugees" in "High Commissioner for Refugees"
_OFFICE = (rf"(?:\s+(?:for|of|to)\s+(?:the\s+)?{_NOT_HEAD}{_CAP}(?:\s+{_NOT_HEAD}{_CAP}){{0,2}}"
           rf"|\s+to\s+the\s+(?=[A-Z])(?i:{_HEAD})(?![\w-]))")  # "Secretary to the Governor"
_LONG_OFFICE = rf"(?:\s+(?:for|of|to)\s+(?:the\s+)?{_NOT_HEAD}{_CAP}(?:\s+{_NOT_HEAD}{_CAP}){{0,4}})"
_HON = rf"(?P<hon>{_alternation(HONORIFICS)})\.?"
_VERB = rf"(?P<verb>(?i:{_alternation(_VERBS)}))(?![\w-])"
_DET = r"(?i:the|a|an|its|his|her|their)"
# Where a role read after a name may stop: punctuation, a dash, a clause word, a speech verb; "and"
# too, right after the role ("music entrepreneur and YouTube star"), not after its office ("Minister
# for European and Euro-Atlantic Integration").
def _end(verb: str) -> str:
    return (rf"[,.;:!?)]|$|\s*(?:--?|[–—])\s|\s+(?:who|whose|which|that|since|until|with|in|on|at|from|after|"
            rf"before|during|when|called|named)\b|\s+(?P<{verb}>(?i:{_alternation(_VERBS)}))(?![\w-])"
            rf"|\s+(?-i:[a-z]{{3,}}ing)\b")  # "a young goalkeeper progressing through …"


# (not "boss for not predicting": a reason, not an office)
_ROLE_END = (rf"(?:(?P<tail>\s+(?:of|for|at|to(?=\s+(?:the\s|an?\s|[A-Z])))"
             rf"(?!\s+(?:not|never|failing|being|having)\b)(?:\s+[^\s,.;:()\"“”]+){{1,6}}?)"
             rf"(?={_end('tail_verb')})|(?={_end('verb')}|\s+and\b))")
_BE = (r"(?:is|was|has\s+been|had\s+been|became|becomes|(?:has|had|have)\s+become|is\s+now|was\s+once|"
       r"remains|served\s+as|serves\s+as)"
       r"(?:\s+(?:also|now|once|currently|still))?")
_OWNER = rf"(?:{_PRE}?[\"“‘']?{_AFF}!?[\"”’']?(?:['’]s)?\s+)"  # "former Disney", "'Baywatch'", "Ukraine's"
_SOURCES["LEFT_ROLE"] = (rf"(?<![\w’'-]){_OWNER}?(?P<role>{_ROLE}(?P<office>{_OFFICE})?)\s+$")
# "X and Y, both Republican candidates for Ohio's US Senate seat": each holds the post.
_SOURCES["BOTH_ROLE"] = (rf"(?:\s+and\s+{_CAP}(?:\s+{_CAP}){{0,3}})?\s*,\s*both\s+{_OWNER}?"
                         rf"(?P<role>(?i:(?:{_MOD}\s+){{0,4}}(?:{_HEAD})))s?{_ROLE_END}")
_SOURCES["LEFT_PLURAL"] = (  # "freestyle skiers Kirsty Muir and Katie Summerhayes"
    rf"(?<![\w’'-]){_OWNER}?(?P<role>(?i:(?:{_MOD}\s+){{0,4}}(?:{_HEAD})))s\s+"
    rf"(?P<others>(?:[A-Z][\w’'.-]*,?\s+){{1,6}}?(?:and|&)\s+)?$")
_SOURCES["PLURAL_NEXT"] = (r"\s*(?:,|\s(?:and|&))\s+[A-Z]")
# "the defence minister, X", "the head of Russia's Foreign Intelligence Service, X"
_SOURCES["LEFT_COMMA_ROLE"] = (
    rf"(?<![\w’'-])(?:{_DET}\s+(?:(?P<aff2>{_NOT_ROLE}{_CAP})\s+)?(?:{_ROLE}['’]s\s+)?|{_AFF}['’]s\s+)"
    rf"(?P<role>{_ROLE}(?P<office>{_LONG_OFFICE})?)\s*,\s*(?:\d{{1,3}}-year-old\s+)?"
    rf"(?:(?i:{_alternation(HONORIFICS)})\.?\s+)?$")  # "Pennant's chair, Sir Hugh Alder"
_SOURCES["IT_HAS_BEEN"] = (  # "It's been a rough first year as vice president for X": X's post
    rf"(?i:it['’]s|it\s+has)\s+been\s+an?\s+[^.;:]{{0,60}}?\bas\s+(?:the\s+)?(?P<role>{_ROLE})\s+for\s+$")
_SOURCES["LEFT_HON"] = (rf"(?<![\w’'-])(?=[A-Z])(?i:{_HON})\s+$")  # "Miss X", not "miss X"
_SOURCES["LEFT_POSSESSIVE"] = (rf"(?<![\w’'-]){_AFF}['’]s\s+$")
# After the name: ", the Y of Z,", " -- a Y --", ", who was Y", " is the Y".
_PLAIN_ROLE = rf"(?:(?-i:[a-z][a-z-]{{2,}})\s+(?i:{_HEAD})(?![\w-]))"
_SOURCES["APPOSITIVE"] = (
    rf"(?:\s*(?:\(\d{{1,3}}\))?\s*(?:,|--?\s|[–—])\s*(?:\d{{1,3}},\s*)?(?P<who>who\s+{_BE}\s+)?"
    rf"|(?:\s*,\s*(?:an?\s+|who\s+)?[^,;]{{1,60}},)?\s+(?P<copula>{_BE})(?:\s*,\s*[^,;]{{1,30}},)?\s+"
    rf"(?={_DET}\s))"  # "X was, from 1933, the assistant secretary …"
    rf"(?:{_DET}\s+)?(?:(?-i:[a-z]+)['’]s\s+)?"  # "the country's", "the trial's"
    rf"{_OWNER}?(?P<role>{_ROLE}|(?<=\ba\s)(?<!\bas\sa\s){_PLAIN_ROLE}|(?<=\ban\s){_PLAIN_ROLE}){_ROLE_END}")
# "X, who has died aged 74, was a South African distance runner whose …": a trade said with a word
# of its own after the nationality (the apposition reads a known post after it, or a plain one
# right after "a")
_SOURCES["NATIONAL_TRADE"] = (
    rf"(?:\s*,[^,;]{{1,60}},)?\s+(?:{_BE})\s+an?\s+(?P<aff>(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+))?)\s+"
    rf"(?P<role>{_PLAIN_ROLE}){_ROLE_END}")
# "X, 34, a process operator from …", "X, 58, a beef farmer and …": a trade said with a word of
# its own before a known one (only after "a"/"an": an apposition that says what someone is)
# "X returns to Starbucks as interim CEO", "X, who ..., will take over as CEO", "X steps down as coach".
_BECOME = (r"(?:named|appointed|elected|re-elected|confirmed|installed|sworn\s+in|unveiled|announced|chosen|"
           r"picked|hired|(?:re)?joins?|(?:re)?joined|returns?|returning|returned|steps?\s+down|stepping\s+down|"
           r"stepped\s+down|quits?|quitting|resigns?|resigning|resigned|takes?\s+over|took\s+over|"
           r"taking\s+over|stays?\s+on|stayed\s+on|serves?|served|serving|continues?|continued|remains?|"
           r"remained|sacked|fired|ousted|axed|retires?|retired|retiring|starts?|started|begins?|began|"
           r"(?:leaves?|leaving|left|los(?:es|t|ing)|quit(?:s|ting)?)\s+(?:his|her|their)\s+(?:job|post|role|"
           r"position|seat))")
_AUX = r"(?:will|would|to|has|have|had|is|was|be|been|set\s+to|is\s+to|expected\s+to|also|now|officially)"
_TITLED_OWNER = rf"(?:(?i:{_HEAD})\s+{_CAP}(?:\s+{_CAP}){{0,2}}['’]s\s+)"  # "President Vladimir Putin's"
_SOURCES["AS_ROLE"] = (
    rf"(?:\s*,[^,;]{{1,100}},)?\s+(?:{_AUX}\s+){{0,3}}{_BECOME}"
    rf"(?:\s+(?:(?:to|at|from|with|in)\s+|(?<=joins\s)|(?<=joined\s)|(?<=join\s))"  # "joins Chelsea as coach"
    rf"(?:the\s+)?(?P<org>{_NOT_ROLE}{_CAP}(?:\s+{_NOT_ROLE}{_CAP}){{0,2}}))?"
    rf"\s+as\s+(?:{_DET}\s+)?(?:{_TITLED_OWNER}|{_OWNER})?(?P<role>{_ROLE}){_ROLE_END}")
# "X has been appointed defence minister" (passive: "Putin appointed X" is not X's)
_SOURCES["NAMED_ROLE"] = (
    rf"(?:\s*,[^,;]{{1,100}},)?\s+(?:(?P<passive>(?:has|have|had)\s+been|was|were|is|are|to\s+be|will\s+be)\s+"
    rf"(?:named|appointed|elected|re-elected|made)\s+|(?:(?:has\s+been|was|is)\s+)?promoted\s+to\s+)"
    rf"(?:{_DET}\s+)?{_OWNER}?(?P<role>{_ROLE}){_ROLE_END}")  # "X promoted to housing secretary"
# "X, from Poland, has been named International Garden Photographer of the Year": the title says
# what they do (in lower case, "named sports columnist of the year", it is a role like any other)
_SOURCES["OF_THE_YEAR"] = (
    r"(?:\s*,[^,;]{1,60},)?\s+(?:(?:has|have|had)\s+been\s+|was\s+|were\s+|is\s+|are\s+)?"
    r"(?:named|crowned|voted|declared)\s+(?:as\s+)?(?:the\s+)?(?:\d{4}\s+)?"
    r"(?P<title>(?:(?-i:[A-Z])[\w'’-]*\s+){0,4}?(?-i:[A-Z])[\w'’-]*\s+of\s+the\s+(?-i:Year))\b")
_SOURCES["OBITUARY"] = (  # "X: Legendary Australia wicketkeeper dies aged 74"
    rf"\s*:\s+(?:['‘\"“][^'’\"”]{{1,40}}['’\"”]\s+)?(?:{_DET}\s+)?{_OWNER}?(?P<role>{_ROLE})"
    rf"(?:\s+and\s+(?:{_CAP}\s+)?{_ROLE})?\s+(?:who\s+[^.;:]{{1,80}}?\s+)?(?i:dies|died|dead|has\s+died)\b")
# A body that opens on the headline's person by their post: "The business secretary says ...",
# "The Irish foreign affairs minister has ...", "Ukraine's president told ..." (no name of its own).
_SOURCES["LEAD_ROLE"] = (
    rf"^\s*(?:(?i:the)\s+(?P<pre>(?i:ex-|former\s+))?(?:(?P<aff2>{_NOT_ROLE}{_CAP}(?:\s+{_NOT_ROLE}{_CAP}){{0,2}})\s+)?"
    rf"|{_AFF}['’]s\s+)"
    rf"(?P<role>{_ROLE})"
    rf"(?:\s*,[^,;]{{1,60}},)?\s+(?:has|have|had|is|was|will|would|also|now|again|later|{_VERB}|"
    rf"(?i:defended|defends|admits|apologised|apologized|refused|refuses|called|calls|criticised|"
    rf"criticized|rejected|rejects|tested|tests|resigned|resigns|died|dies|won|wins|revealed|"
    rf"reveals)|(?P<any_verb>(?-i:[a-z]{{3,}}[^s\W]s)))\b")  # besides `_VERB`'s speech verbs
# A body sentence whose subject, after a clause's start, is the headline's person by their post:
# "…, in which the England footballer will explore …", "As the 31-year-old Swede said …"
_SOURCES["EPITHET_ROLE"] = (
    rf"(?:^\s*|[,;]\s+(?:(?i:and|but|as|after|when|while|where|which|in\s+which|before)\s+)?|"
    rf"\b(?i:which|in\s+which|as|after|when|while|before|because)\s+)"
    rf"(?i:the)\s+(?:\d{{1,3}}-year-old\s+)?(?P<pre>(?i:ex-|former\s+))?"
    rf"(?:(?P<aff2>{_NOT_ROLE}{_CAP}(?:\s+{_NOT_ROLE}{_CAP}){{0,2}})\s+)?"
    rf"(?P<role>{_ROLE})(?!\s+[A-Z])"
    rf"\s+(?:has|have|had|is|was|will|would|also|now|again|later|can|could|{_VERB}|(?-i:[a-z]{{3,}}(?:ed|s)))\b")
# A body that opens on someone by their post, to name them in its next sentence: "The founder of a
# London cryptocurrency investment firm has been jailed …", "A former head of customer accounts
# told …" (not a spokesman, who is seldom the one named next)
_SOURCES["DELAYED_ROLE"] = (
    rf"^\s*(?:(?i:the|an?)\s+|(?P<aff>{_CAP}(?:\s+{_CAP}){{0,3}})['’]s\s+)"  # "Halloway Care Group's"
    rf"(?P<pre>(?i:ex-|former\s+))?(?:(?P<aff2>{_NOT_ROLE}{_CAP}(?:\s+{_NOT_ROLE}{_CAP}){{0,2}})\s+)?"
    rf"(?P<role>{_ROLE})(?P<duty>\s+of\s+(?-i:[a-z]+)(?:\s+(?-i:[a-z]+)){{0,2}}(?=\s+(?:at|for|of)\b))?"
    rf"(?:\s+(?:of|at|for)\s+[^,;]{{1,60}}?)?(?:\s*,[^,;]{{1,60}},)?"
    rf"\s+(?:has|have|had|is|was|will|would|{_VERB}|(?-i:[a-z]{{3,}}(?:ed|s)))\b")
# A body whose opening gives the headline's person by their post as its speaker, mid-sentence:
# "It is a historic moment, the health secretary says - but …"
_SOURCES["SAID_ROLE"] = (rf"[,;]\s+(?i:the|our)\s+(?P<role>{_ROLE})\s+{_VERB}")
# A headline that opens on a post and names no one for it: "Ryanair boss: Air fares will be
# higher", "Australia politics: Deputy keeps job despite …" (a section's label may come first).
_SOURCES["HEADLINE_ROLE"] = (
    rf"^\s*(?:[^:]{{1,30}}:\s+)?(?:(?:This|That|The)\s+)?(?P<pre>(?i:ex-|former\s+))?"
    rf"(?:[\"“‘']?{_AFF}!?[\"”’']?(?:['’]s)?\s+)?"  # "'Jeopardy!' contestant takes off wig"
    rf"(?P<role>{_ROLE}(?P<office>{_OFFICE})?)"
    rf"(?:\s*:\s|\s+(?:{_VERB}|[a-z]+s|found|jailed|charged|arrested|sacked|named|appointed|killed|"
    rf"cleared|convicted|sentenced|dead|who|(?-i:[a-z]{{3,}}(?:ing|ed)))\b)")  # "… doctor stranded"
# (what follows the post: "Archbishop of Canterbury says …", "… chief found dead", "The farmer
# making vodka …", "The Belfast schoolboy who …")
# A post said in plain words before its head ("top female bobsledder", "avalanche rescue
# trainer"): read only where a headline's shape says it is a post (the patterns below).
_LOOSE_ROLE = rf"(?P<role>(?:[A-Za-z][\w-]*\s+)?(?:(?-i:[a-z][\w-]*)\s+){{0,3}}(?i:{_HEAD})(?![\w'’-]))"
# "Gillian Keegan: Minister sorry for …", "X: World's top female bobsledder says …": after a
# headline's label that names a person, the post that opens what follows.
_WIDE_OWNER = rf"(?:(?i:world|nation|country|sport|{_alternation(c.lower() for c in COUNTRIES)})['’]s\s+)"
_SOURCES["LABEL_ROLE"] = (rf"\s*:\s+(?:{_DET}\s+)?{_WIDE_OWNER}?{_LOOSE_ROLE}\s+(?-i:[a-z])")
# "Some officers are racist, professional standards chief admits", "Do dogs need boots? A K9
# avalanche rescue trainer weighs in": a headline ending on a post and what it does.
_SOURCES["HEADLINE_END_ROLE"] = (rf"(?:^|[,?:;]\s+)(?:{_DET}\s+)?{_LOOSE_ROLE}"
                                 rf"\s+(?-i:[a-z]+s)(?:\s+(?-i:[a-z]+))?\s*[.!]?\s*$")
# A post in lower case inside a headline, no name after it ("Gordon Ramsay sends chef to help …",
# "Backlash after Bank boss says …"): whom the body's opening names and gives no post may hold it.
_SOURCES["HEADLINE_MID_ROLE"] = (rf"(?<![\w'’-])(?:{_AFF}\s+)?(?P<role>{_LOWER_ROLE})(?!\s+[A-Z])")
# Someone a headline speaks of besides a post: then the post may be anyone's.
_SOURCES["SOMEONE_IN_HEADLINE"] = (r"\b(?i:man|men|woman|women|boy|girl|teen|teenager|child|children|"
                                   r"person|people|couple|family|suspect|victim|pupil|student|baby)\b")
# The body's opening sentence naming its speaker last: "…, says Michael O'Leary."
# "… contradict me - Emily Maitlis", "…, says Sir Keir Starmer": the headline's speaker last
_SOURCES["SAID_BY_LAST"] = (r"(?:\s[-–—]+\s*|,?\s+(?:says|asks|writes|warns|argues)\s+)"
                            r"(?:(?:Sir|Dame|Lord|Lady|Dr|Prof)\.?\s+)?$")
_SOURCES["HEADLINE_SUBJECT"] = (r"(?:[^:]{1,40}:\s+)?(?:[\"“‘']\s*)?"
                                r"(?:(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*){0,2}['’]s\s+)?")
# "When X served …", "Meet X, who …", "CNN's X reviews …"
_SOURCES["WHEN_THEY"] = (r"\s*(?:(?:When|After|As|Since|While|Before|Until|Though|Meet)\s+"
                         r"|(?-i:[A-Z])[\w&]*['’]s\s+"
                         # "Six months ago X was …", "Last week, X …", "On Monday X …": a time, then X
                         r"|(?:(?:[\w-]+\s+){1,3}ago|(?:last|this|earlier\s+this|later\s+that)\s+\w+"
                         r"|on\s+\w+day|in\s+\d{4})\s*,?\s+)$")
_SOURCES["SPEAKER_LAST"] = (rf",\s+(?:{_VERB})\s+(?P<name>[^,;:]{{3,60}}?)\.?\s*$")
_SOURCES["APPOINTED_BEFORE"] = (  # "... appointed X as defence minister": X's role
    r"(?<![\w’'-])(?:named|appointed|elected|made|chose|picked|hired|nominated|tapped|"
    r"(?:appointment|election|nomination)\s+of)\s+$")  # "after the appointment of X as …"
_SOURCES["AS_AFTER"] = (rf"\s+as\s+(?:{_DET}\s+)?(?:new\s+)?{_OWNER}?(?P<role>{_ROLE}){_ROLE_END}")
_SOURCES["RIGHT_TITLE"] = (r"\s+(?P<role>MP|MEP|MSP|MLA|KC|QC)\b")  # "David Amess MP", "Jane Roe KC"
# ", who heads the World Food Programme": the post said by its verb.
# ", who has chaired Calder & Finch since 2018": still in the post; ", who had chaired": no longer
HELD_VERBS = frozenset("chaired led headed managed directed coached captained".split())  # "who has chaired"
_HELD = "|".join(sorted(HELD_VERBS))
_SOURCES["WHO_HEADS"] = (rf"\s*,\s*who\s+(?:now\s+|also\s+|currently\s+)?"
                         rf"(?:(?P<perfect>has|had)\s+(?:long\s+)?(?=(?:{_HELD})\b))?"
                         rf"(?P<verb>heads|leads|chairs|manages|directs|coaches|captains|owns|founded|co-founded"
                         rf"|{_HELD})\s+(?:the\s+)?"
                         rf"(?P<org>{_CAP}(?:\s+(?:of\s+|for\s+|&\s+)?{_CAP}){{0,4}})")
# ", who chairs the budget committee,": a post over a body named in lower case ("budget committee chair")
_SOURCES["WHO_HEADS_BODY"] = (r"\s*,\s*who\s+(?:now\s+|also\s+|currently\s+)?(?P<verb>heads|leads|chairs"
                              r"|manages|directs|coaches|captains)\s+(?:the|its|their|a)\s+"
                              r"(?P<body>(?-i:[a-z]+)(?:\s+(?-i:[a-z]+)){0,2}?"
                              r"\s+(?-i:committee|board|panel|council|team|group|union|department|unit|inquiry|"
                              r"taskforce|commission))(?=\s*[,.;]|\s+(?:of|at|for|and)\b)")
ROLE_OF_VERB = {"heads": "head", "leads": "leader", "chairs": "chair", "manages": "manager",
                "directs": "director", "coaches": "coach", "captains": "captain", "owns": "owner",
                "founded": "founder", "co-founded": "co-founder", "chaired": "chair", "led": "leader",
                "headed": "head", "managed": "manager", "directed": "director", "coached": "coach",
                "captained": "captain"}
# "Tom Reed (Labour MP)": a post in brackets right after the name.
_SOURCES["BRACKET_ROLE"] = (rf"\s*\(\s*(?:{_OWNER})?(?P<role>{_ROLE})\s*\)")
_SOURCES["PARTY_TAG"] = (r"\s*\((?P<party>[RDI])-[A-Z]{2}\)")  # "Marjorie Taylor Greene (R-GA)"
PARTIES = {"R": "Republican", "D": "Democrat", "I": "Independent"}

# News outlets: "CNN's Ivan Watson reports from Hungary" is one of its journalists
NEWS_OUTLETS = frozenset("""cnn|bbc|guardian|reuters|ap|afp|bloomberg|politico|axios|npr|pbs|msnbc|cnbc|espn|
itv|itv news|sky news|nbc|nbc news|cbs|cbs news|abc news|fox news|al jazeera|channel 4 news|times|
new york times|washington post|telegraph|independent|economist|atlantic|financial times|
wall street journal""".replace("\n", "").split("|"))
# what a journalist of an outlet is written doing: reporting, interviewing, explaining
PRESENTER_AFTER = re.compile(r"\s+(?:reports|reported|speaks|spoke|talks|talked|sits\s+down|sat\s+down|"
                             r"interviews|interviewed|asks|explains|discusses|looks\s+at|breaks\s+down|"
                             r"presses|examines|investigates|analy[sz]es|has\s+the\s+latest|has\s+more|"
                             r"is\s+live|goes\s+inside|takes\s+a\s+look|fact-checks)\b")
# What makes a capitalised group something other than a person: "the Super Bowl", "a Final Fantasy",
# "band Foo Fighters", a number right after ("Final Fantasy 7"), a role right after ("Foo Fighters drummer").
_SOURCES["DETERMINER_BEFORE"] = (r"(?<![\w’'-])(?i:the|a|an|this|these|those|its|his|her|their|our|your|my|"
                               r"every|each|another)\s+[\"“‘']?$")
_SOURCES["LOWER_WORD_AFTER"] = (r"\s+(?P<word>[a-z][\w’'-]*)")
_SOURCES["ORG_NOUN_BEFORE"] = (rf"(?<![\w’'-])(?:{_alternation(ORG_NOUNS)})\s+[\"“‘']?$")
_SOURCES["NUMBER_AFTER"] = (r"\s+\d")
_SOURCES["ROLE_AFTER"] = (rf"\s+{_LOWER_ROLE}")  # "Foo Fighters drummer"
_SOURCES["SPEAKING_FOR"] = (rf"\s*,\s*speaking\s+(?:for|on\s+behalf\s+of)\s+(?:the\s+)?{_AFF}")
_FILLER = (r"(?:also|again|later|earlier|then|now|has|had|have|previously|reportedly|repeatedly|"
           r"publicly|once|afterwards|separately|on\s+\w+|last\s+\w+|this\s+\w+|"
           r"in\s+an?\s+[\w-]+(?:\s+[\w-]+){0,2})")
_SOURCES["SPEAKER_AFTER"] = (rf"(?:\s*\([^)]{{1,20}}\))?(?:\s*,[^,;]{{1,120}},)?\s+(?:{_FILLER}\s+){{0,3}}"
                           rf"{_VERB}")
_SOURCES["SPEAKER_BEFORE"] = (rf"(?:(?:^|[,\"“”‘’'—–:])\s*{_VERB}|(?P<acc>according\s+to))\s+$")
_SOURCES["TOKEN"] = (r"(?:[^\W\d_]\.){1,3}|[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SOURCES["NOT_NAME_SHAPE"] = (r"[a-z]{3}[A-Z]|^Ex-|-[a-z]|^[A-Z]+s$")  # BlackRock, Ex-PM, Kremlin-backed, MPs
_SOURCES["ARABIC_PARTICLE"] = (r"(?:al|el|bin|ibn|abu)-[A-Z]")
_SOURCES["WORD"] = (r"[^\W\d_]+")
_SOURCES["POSSESSIVE"] = (r"['’]s?$")
_SOURCES["ROLE_TAIL"] = (r"\s+(?:for|of|to|at)\s+")
_SOURCES["TRANSLITERATION"] = (r"sk(?:iy|yy|yi|ii)\b")  # Zelenskiy, Zelenskyy → zelensky
NAME_KINDS = ("name", "initial", "particle")


@functools.cache
def _compiled(name: str) -> re.Pattern[str]:
    return re.compile(_SOURCES[name])


def __getattr__(name: str) -> re.Pattern[str]:
    """`people_words.LEFT_ROLE` and the other patterns, compiled the first time they are read."""
    if name in _SOURCES:
        return _compiled(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
