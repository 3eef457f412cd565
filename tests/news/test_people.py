"""Key people: names, roles, affiliations and speakers, read from news prose by rules."""

from __future__ import annotations

import pytest

from digests.news.loose_roles import peer_before
from digests.news.names import describe, merge_names, person_key
from digests.news.people import extract_people
from digests.readings import Mention

Row = tuple[str, str | None, str | None, bool]


def _rows(text: str) -> list[Row]:
    return [(m.name, m.role, m.affiliation, m.statement is not None) for m in extract_people(text)]


def _mention(role: str | None, affiliation: str | None = None) -> Mention:
    return Mention("Someone", role, affiliation, None, None, "", 0, 0)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("UNHCR spokesperson Shabia Mantoo said the agency was ready.",
     [("Shabia Mantoo", "spokesperson", "UNHCR", True)]),
    ("Dmytro Kuleba, Ukraine's foreign minister, said the vote mattered.",
     [("Dmytro Kuleba", "foreign minister", "Ukraine", True)]),
    ("Dmytro Kuleba, the foreign minister of Ukraine, spent Friday on the phone.",
     [("Dmytro Kuleba", "foreign minister", "Ukraine", False)]),
    ("Presidential adviser Mykhailo Podolyak said talks would continue.",
     [("Mykhailo Podolyak", "presidential adviser", None, True)]),
    ("Pentagon press secretary John Kirby said the deployment was temporary.",
     [("John Kirby", "press secretary", "Pentagon", True)]),
    ("About 660,000 people have fled, UN High Commissioner for Refugees Filippo Grandi said on Tuesday.",
     [("Filippo Grandi", "High Commissioner for Refugees", "UN", True)]),
    ("Filippo Grandi, the UN High Commissioner for Refugees, said the speed was unprecedented.",
     [("Filippo Grandi", "High Commissioner for Refugees", "UN", True)]),
    ("President Volodymyr Zelensky imposed martial law across the country.",
     [("Volodymyr Zelensky", "president", None, False)]),
    ("In Brussels, Commission President Ursula von der Leyen said the money would go to aid.",
     [("Ursula von der Leyen", "president", "Commission", True)]),
    ("Russian Foreign Minister Sergei Lavrov announced a new round of talks.",
     [("Sergei Lavrov", "foreign minister", "Russia", True)]),
    ("Chancellor Olaf Scholz told the Bundestag that spending would rise.",
     [("Olaf Scholz", "chancellor", None, True)]),
    ("The defence minister, Oleksii Reznikov, was also in the room.",
     [("Oleksii Reznikov", "defence minister", None, False)]),
    ("Shabia Mantoo, speaking for UNHCR in Geneva, said the agency was preparing.",
     [("Shabia Mantoo", None, "UNHCR", True)]),
    ("Mykhailo Podolyak, an adviser to President Zelensky, told reporters the talks went on.",
     [("Mykhailo Podolyak", "adviser to President Zelensky", None, True),
      ("Zelensky", "president", None, False)]),
    ("More than half have gone to Poland, said Filippo Grandi.", [("Filippo Grandi", None, None, True)]),
    ("The count passed one million, according to Filippo Grandi.",
     [("Filippo Grandi", None, None, True)]),
    ("Kuleba warned that every day of delay cost lives.", [("Kuleba", None, None, True)]),
    ("Police corporal Ana Goodwin pushed a student out of the way.",
     [("Ana Goodwin", "corporal", None, False)]),
    ("Defense expert Eva Farr worries that the war will go on.",
     [("Eva Farr", "defense expert", None, False)]),
    ("Outside the court, Warlpiri elder Ned Jampi could barely contain his rage.",
     [("Ned Jampi", "elder", "Warlpiri", False)]),
    ("Cal Sefton is a young goalkeeper progressing through the Ajax system.",
     [("Cal Sefton", "goalkeeper", None, False)]),
    ("VFX Supervisor Jon Fawn tells the BBC about the film.", [("Jon Fawn", "supervisor", "VFX", True)]),
    ("Senator Dean Heller met voters.", [("Dean Heller", "senator", None, False)]),  # "Dean": no post
    ("Lt. Col. Alex Vind testified.", [("Alex Vind", "lieutenant colonel", None, False)]),
    ("Brig. Gen. Pat Ryde spoke.", [("Pat Ryde", "brigadier general", None, False)]),
    ("The trade was confirmed by Texans General Manager Nick Caro.",
     [("Nick Caro", "general manager", "Texans", False)]),
    ("Situ Nufa, who was killed during the demonstrations, has become an icon for protesters.",
     [("Situ Nufa", "icon for protesters", None, False)]),
    ("Labour MP Rosena Allin-Khan helps with the aid effort.",
     [("Rosena Allin-Khan", "MP", "Labour", False)]),
    ("Seamus O'Brien and Jean-Claude Juncker met over lunch.",
     [("Seamus O'Brien", None, None, False), ("Jean-Claude Juncker", None, None, False)]),
    ("Guard J. R. Smith scored 20 points on Monday.", [("J. R. Smith", None, None, False)]),
    ("Russian President Vladimir Putin Says The Talks Are Over",
     [("Vladimir Putin", "president", "Russia", True)]),
])
def test_people_roles_and_speakers(sentence: str, expected: list[Row]) -> None:
    """Each pattern gives the name as written, its role, its affiliation and whether it speaks."""
    assert _rows(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # A title before the name: club, country, company; "former" and "ex-" kept, colour dropped.
    ("West Ham United defender Rene Dupont was fined two weeks' wages.",
     [("Rene Dupont", "defender", "West Ham United", False)]),
    ("Chelsea Defender Marco Ricci: Club Condemns Video Of Player",
     [("Marco Ricci", "defender", "Chelsea", False)]),
    ("Ukrainian ambassador Oksana Petrenko said the shelling had not stopped.",
     [("Oksana Petrenko", "ambassador", "Ukraine", True)]),
    ("Former Ukrainian minister Ivan Bondar said the talks had failed.",
     [("Ivan Bondar", "former minister", "Ukraine", True)]),
    ("Former Disney CEO Robert Hale criticised the bill on Tuesday.",
     [("Robert Hale", "former CEO", "Disney", False)]),
    ("Ex-England scrum-half Tom Ward praised the young forwards.",
     [("Tom Ward", "former scrum-half", "England", False)]),
    ("Tensions are rising, said vice president Karen Holt.", [("Karen Holt", "vice president", None, True)]),
    ("Grammy-winning singer Lena Park denied making the remark.", [("Lena Park", "singer", None, True)]),
    ("Defending champion Cameron Hale reached the last 16.",
     [("Cameron Hale", "defending champion", None, False)]),
    ("UK Sport chair Dame Anna Grey says she is not panicking yet.",
     [("Anna Grey", "chair", "UK Sport", True)]),
    ("The rule was broken, says ex-PM Sir John Major.",
     [("John Major", "former prime minister", None, True)]),
    ("Freestyle skiers Amy Lowe and Kate Rees missed the podium.",
     [("Amy Lowe", "freestyle skier", None, False), ("Kate Rees", "freestyle skier", None, False)]),
    # A title before the name, set off by a comma.
    ("The head of the Northern Water Agency, Pavel Orlov, hesitated before answering.",
     [("Pavel Orlov", "head", "Northern Water Agency", False)]),
    ("The Turkish president's spokesperson, Omer Celik, spoke to reporters in Ankara.",
     [("Omer Celik", "spokesperson", "Turkey", False)]),
    ("Ukraine's youngest cabinet minister, 31-year-old Taras Melnyk, is leading the effort.",
     [("Taras Melnyk", "cabinet minister", "Ukraine", False)]),
    # A role after the name: apposition, relative clause, copula, obituary, change of post.
    ("Dana Wolfe, the Russian journalist who held up a sign on air, was fined.",
     [("Dana Wolfe", "journalist", "Russia", False)]),
    ("Paul Marsh, former MLB player, has died at 47.", [("Paul Marsh", "former player", "MLB", False)]),
    ("Jon Abel, CEO of the airline SkyJet, shared his advice.", [("Jon Abel", "CEO", "SkyJet", False)]),
    ("Maria Conti -- a revered star of Italian cinema -- has died.",
     [("Maria Conti", "star of Italian cinema", None, False)]),
    ("Gale Rivers, who was the first female US secretary of state, has died.",
     [("Gale Rivers", "first female secretary of state", "United States", False)]),
    ("Lena Novak is the ombudsman for children in the region.",
     [("Lena Novak", "ombudsman for children", None, False)]),
    ("Rod Hill: Legendary Australia wicketkeeper dies aged 74",
     [("Rod Hill", "wicketkeeper", "Australia", False)]),
    ("Howard Kemp returns to Starbucks as interim CEO", [("Howard Kemp", "interim CEO", "Starbucks", False)]),
    ("Howard Kemp, who led the chain for decades, will take over as interim CEO in April.",
     [("Howard Kemp", "interim CEO", None, False)]),
    ("Nina Varga has been appointed defence minister.", [("Nina Varga", "defence minister", None, False)]),
    ("It's been a rough first year as vice president for Karen Holt.",
     [("Karen Holt", "vice president", None, False)]),
    ("Marla Greene (R-GA) criticised the speaker on Friday.",
     [("Marla Greene", "lawmaker", "Republican", False)]),
    ("The jury heard from officers who confronted the killer of Peter Amis MP.",
     [("Peter Amis", "MP", None, False)]),
    # The role belongs to the person it describes, never to the name beside it.
    ("Vladimir Petrov appointed Oleg Sorokin as defence minister on Monday.",
     [("Vladimir Petrov", None, None, False), ("Oleg Sorokin", "defence minister", None, False)]),
    ("Kanye posted a slur directed at host Tim Noah, a spokesperson for Meta confirmed to CNN.",
     [("Tim Noah", "host", None, False)]),
    ("Tina Brook, adviser to President Dan Holt, met the envoy.",
     [("Tina Brook", "adviser to President Dan Holt", None, False), ("Dan Holt", "president", None, False)]),
    ("A deal was agreed to host Euro 2028 in the capital.", []),
    ("Two men were exposed to the nerve agent Novichok in 2018.", []),
    ("Radio Liberty CEO Jamie Fly said the service would pause.",
     [("Jamie Fly", "CEO", "Radio Liberty", True)]),
    # An apposition before the copula; a post the news calls "second gentleman"; a job left.
    ("Karim Dosti, a Kurd, was the country's longest-serving foreign minister.",
     [("Karim Dosti", "foreign minister", None, False)]),
    ("Second gentleman Rob Hale was ushered out of the hall.",
     [("Rob Hale", "second gentleman", None, False)]),
    ("Ivan Lebed is leaving his job as President Oleg Sorokin's special envoy on climate.",
     [("Ivan Lebed", "special envoy", None, False), ("Oleg Sorokin", "president", None, False)]),
    ("Anna Berg, who heads the World Food Programme, said aid was running out.",
     [("Anna Berg", "head", "World Food Programme", True)]),
    ("Tom Reed (Labour MP) asked a question.", [("Tom Reed", "MP", "Labour", True)]),
    ("Tom Reed (pictured) asked a question.", [("Tom Reed", None, None, True)]),
    # An aside in brackets does not hide the apposition after it.
    ("Tom Hale (pictured), the club's owner, spoke.", [("Tom Hale", "owner", None, False)]),
    # Titles written short that syntok takes for a sentence's end; "Major" as a title.
    ("Members were abuzz about one topic: Rep. Lyle Fenwick.",
     [("Lyle Fenwick", "representative", None, False)]),
    ("CNN talks to Territorial Defense Major Ivo Tamar about the tactics.",
     [("Ivo Tamar", "major", None, False)]),
    ("Major League Baseball's Rob Manfred said talks failed.",
     [("Rob Manfred", None, "Major League Baseball", True)]),
    ("The label unveils a collection by new creative director Matt Blaze.",
     [("Matt Blaze", "creative director", None, False)]),
    # A post's modifier capitalised only because it opens the sentence is no body's name, in
    # lower case it is part of the post; a body's name at the start stays the affiliation.
    ("Returning officer Kate Bassett said the count would start at 11pm.",
     [("Kate Bassett", "returning officer", None, True)]),
    ("The count was late, returning officer Kate Bassett said.",
     [("Kate Bassett", "returning officer", None, True)]),
    ('"Care home boss Ron Achter denies fraud," the court heard.',
     [("Ron Achter", "care home boss", None, True)]),
    ("Council leader Jo Pike resigned.", [("Jo Pike", "council leader", None, False)]),
    ("Labour leader Keir Starmer said it.", [("Keir Starmer", "leader", "Labour", True)]),
    ("The Fire chief Ann Cole spoke.", [("Ann Cole", "chief", "Fire", False)]),
    # Posts of money and of science that were missing ("Dean" and "guard" are left out: "Dean
    # Heller" is a name, "the National Guard" a body).
    ("The deficit grew, Treasurer Priya Donnellan said today.",
     [("Priya Donnellan", "treasurer", None, True)]),
    ("Joint liquidator Ann Lee said talks continue.", [("Ann Lee", "joint liquidator", None, True)]),
    ("The team was led by herpetologist Rosa Quispe.", [("Rosa Quispe", "herpetologist", None, False)]),
])
def test_roles_news_writes(sentence: str, expected: list[Row]) -> None:
    """The ways news says who someone is, each read into role and affiliation."""
    assert _rows(sentence) == expected


@pytest.mark.parametrize("text", [
    "Ukraine, Russia and Belarus sent delegations to Kyiv on Monday.",
    "UNHCR and NATO said on Wednesday that the European Union would help.",
    "Ukraine's State Emergency Service said 2,000 civilians had died.",
    "About 3,800 US troops from Fort Stewart in Georgia head for Europe in March.",
    "Moscow said the White House had not replied by Thursday.",
    "Doctors in Kharkiv and Mariupol told aid workers that oxygen was short.",
    "Smith arrived late and left early.",
    "Russia Says Ukraine Talks Will Resume On Monday In Belarus",
    "Liverpool Edge Chelsea On Penalties To Lift League Cup At Wembley",
    "How Vladimir Putin Could Be Indicted For War Crimes In The Hague",
    "Fans across the country gathered for the Super Bowl on Sunday.",
    "Storm Eunice brought winds of 100mph to the south coast.",
    "Final Fantasy 7 Remake arrives on a new console next year.",
    "The band Foo Fighters cancelled the rest of their tour.",
    "Fans sang along as the Rolling Stones played a second encore.",
    "Highlights Luton 2-3 Chelsea: a late winner settles the tie",
    "The Freedom Convoy blocked the bridge for a week.",
    "Tickets for the 'Walking Dead' reunion sold out in minutes.",
    "The Met Police said the Foo Fighters drummer had died in a hotel.",
    "National League Boreham Wood were knocked out of the cup.",
])
def test_places_organisations_days_and_headlines_are_not_people(text: str) -> None:
    """Places, bodies, weekdays, lone surnames and unconfirmed Title-Case names give nothing."""
    assert extract_people(text) == []


def test_a_thing_in_one_sentence_is_a_thing_in_the_whole_text() -> None:
    """A group read as a body or a work ("the Rolling Stones") is dropped from the whole text,
    unless a role, a title or a speech verb makes it a person somewhere in it."""
    text = "Velvet Crows sold out Wembley in an hour. The Velvet Crows will play ten dates."
    assert extract_people(text) == []
    text = "Lena Park is back.\n\nThe Lena Park comeback tour opens in May, singer Lena Park said."
    assert [m.name for m in extract_people(text)] == ["Lena Park", "Lena Park", "Lena Park"]


def test_a_person_named_as_a_modifier_is_still_a_person() -> None:
    """ "the Michael Avenatti trial" names a person: it neither confirms nor vetoes the name."""
    text = "Michael Avenatti was convicted on Friday. Jurors in the Michael Avenatti trial were sequestered."
    assert [m.name for m in extract_people(text)] == ["Michael Avenatti", "Michael Avenatti"]


def test_surname_confirmed_by_a_full_mention_anywhere_in_the_text() -> None:
    """A headline's bare surname counts once the body names the person in full."""
    text = ("Kuleba urges allies to cut Russia off from the banks\n\n"
            "Dmytro Kuleba, Ukraine's foreign minister, spent Friday on the phone.")
    assert [m.name for m in extract_people(text)] == ["Kuleba", "Dmytro Kuleba"]


def test_offsets_point_at_the_name_and_possessives_are_dropped() -> None:
    """start/end slice the name out of the text; "Podolyak's" is read as Podolyak."""
    text = "Talks ended.\n\nMykhailo Podolyak said so. Podolyak's remarks were welcomed."
    mentions = extract_people(text)
    assert [(m.name, text[m.start:m.end]) for m in mentions] == [
        ("Mykhailo Podolyak", "Mykhailo Podolyak"), ("Podolyak", "Podolyak")]
    assert (mentions[0].verb, mentions[0].statement) == ("said", "Mykhailo Podolyak said so.")
    assert mentions[1].statement is None and mentions[1].sentence == "Podolyak's remarks were welcomed."


@pytest.mark.parametrize(("name", "key"), [
    ("Mykhailo Podolyak", "mykhailo podolyak"),
    ("Recep Tayyip Erdoğan", "recep tayyip erdogan"),
    ("Mr. Podolyak's", "podolyak"),
    ("J.R. Smith", "j. r. smith"),
    ("J. R. Smith", "j. r. smith"),
    ("Volodymyr Zelenskyy", "volodymyr zelensky"),
])
def test_person_key(name: str, key: str) -> None:
    """Keys fold case, accents, honorifics, possessives, initials' spacing and -skiy spellings."""
    assert person_key(name) == key


@pytest.mark.parametrize(("names", "expected"), [
    (["Mykhailo Podolyak", "Podolyak", "Mr Podolyak", "Podolyak's"],
     ["Mykhailo Podolyak"] * 4),
    (["Podolyak", "Mr Podolyak"], ["Podolyak", "Podolyak"]),
    (["Vitali Klitschko", "Wladimir Klitschko", "Klitschko"],
     ["Vitali Klitschko", "Wladimir Klitschko", "Klitschko"]),
    (["Ursula von der Leyen", "von der Leyen", "Leyen"], ["Ursula von der Leyen"] * 3),
    (["Volodymyr Zelenskiy", "Volodymyr Zelensky", "Volodymyr Zelensky", "Zelenskyy"],
     ["Volodymyr Zelensky"] * 4),
    (["Vladimir Putin"] * 12 + ["Calling Putin", "Putin"], ["Vladimir Putin"] * 12 + ["Calling Putin",
                                                                                       "Vladimir Putin"]),
])
def test_merge_names(names: list[str], expected: list[str]) -> None:
    """Surnames and variants meet their full name; a surname two people share stays apart."""
    merged = merge_names(names)
    assert [merged[name] for name in names] == expected


@pytest.mark.parametrize(("mentions", "expected"), [
    ([_mention("high commissioner"), _mention("High Commissioner for Refugees", "UN"),
      _mention("high commissioner")], ("High Commissioner for Refugees", "UN")),
    ([_mention("presidential adviser"), _mention("adviser"), _mention("presidential adviser"),
      _mention("adviser to the head of the presidential office")], ("presidential adviser", None)),
    ([_mention("president", "Ukraine"), _mention("president"), _mention(None, "Ukraine")],
     ("president", "Ukraine")),
    ([_mention(None, "CNN"), _mention(None, "BBC"), _mention(None, "CNN")], (None, "CNN")),
    ([_mention("former heavyweight boxing champion"), _mention("mayor")], ("mayor", None)),
    ([_mention("founder", "Starbucks"), _mention("interim CEO", "Starbucks"), _mention("CEO")],
     ("interim CEO", "Starbucks")),
    ([_mention("winner of the first Olympic monobob gold"), _mention("slider")], ("slider", None)),
    ([_mention("partner"), _mention("reservist")], ("reservist", None)),
    ([_mention("boss", "Netflix"), _mention("executive", "Netflix")], ("executive", "Netflix")),
    ([], (None, None)),
])
def test_describe_prefers_the_supported_and_specific(mentions: list[Mention],
                                                      expected: tuple[str | None, str | None]) -> None:
    """The role most mentions support wins, and the most specific of equals ("… for Refugees")."""
    assert describe(mentions) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Keep calm, says Jane Okoro\n\nThe health secretary says hospitals are coping.",
     [("Jane Okoro", "health secretary"), ]),
    ("Tomas Vidal: Two held over threats\n\nThe Spanish foreign affairs minister was due to "
     "speak at the event.", [("Tomas Vidal", "foreign affairs minister")]),
    ("Ana Ruiz wins the title\n\nThe world champion, who is 24, said she was delighted.",
     [("Ana Ruiz", "world champion")]),
    ("Tom Reed: Ex-leader backs his wife\n\nThe ex-Labour leader says his wife has been brave.",
     [("Tom Reed", "former leader")]),
])
def test_a_body_opening_on_a_post_gives_it_to_the_headline_person(
        text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.name, m.role) for m in extract_people(text) if m.role] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the headline's other person is named again in the opening: the post is the speaker's
    ("Tom Brown's story does not add up - Clara Hobbs\n\nThe BBC Radio presenter compares Tom "
     "Brown's account with the one he gave in 2019.", ("Clara Hobbs", "presenter", "BBC Radio")),
    # any verb after the post when the person is the headline's subject, after a section label
    ("Stage: Ana Ruiz on fame, family and a bear\n\nThe actor talks about her new role.",
     ("Ana Ruiz", "actor", None)),
    ("This former Republican senator has a strange reason to doubt\n\nWhen Tom Brown served in "
     "the Senate, he was known as a moderate.", ("Tom Brown", "former senator", "Republican")),
    ("Regulator hunts for a chair\n\nThe search began in 2020, after the appointment of Ana Ruiz "
     "as Ofcom's new chief executive.", ("Ana Ruiz", "chief executive", "Ofcom")),
])
def test_posts_read_across_headline_and_opening(text: str, expected: tuple[str, str, str | None]) -> None:
    assert [(m.name, m.role, m.affiliation) for m in extract_people(text) if m.role] == [expected]


def test_two_people_both_holding_a_post_and_a_pastor_by_title() -> None:
    found = {m.name: (m.role, m.affiliation) for m in extract_people(
        "Tom Brown and Ann Lee, both Republican candidates for the Senate seat, argued.\n\n"
        "Pastor Ivo Brandt led the event.") if m.role}
    assert found == {"Tom Brown": ("candidate for the Senate seat", "Republican"),
                     "Ann Lee": ("candidate for the Senate seat", "Republican"),
                     "Ivo Brandt": ("pastor", None)}
    assert not any(m.role for m in extract_people("Tom Brown and Ann Lee, both of whom live here, spoke."))
    said = extract_people("Tom Brown and Ann Lee, both senior managers said the plan was fine.")
    assert {m.name for m in said} == {"Tom Brown", "Ann Lee"}  # read, whatever the post


@pytest.mark.parametrize("text", [
    "Rapper wants Ana Ruiz to say sorry\n\nThe rapper wants her to apologise.",  # not the subject
    "Ana Ruiz's answer may get her in trouble\n\nThe New York attorney general wants Ana Ruiz "
    "to testify.",  # named again: the post is someone else's
])
def test_a_post_opening_on_any_verb_needs_the_headline_subject(text: str) -> None:
    assert all(m.role is None for m in extract_people(text) if m.name == "Ana Ruiz")


@pytest.mark.parametrize("text", [
    "Ana Ruiz wins the title\n\nThe world champion Tom Brown said she was delighted.",  # named
    "Ana Ruiz and Tom Brown win\n\nThe world champion said she was delighted.",  # two people
    "Ana Ruiz wins the title\n\nThe company said she was delighted.",  # no post
    "Ana Ruiz wins the title\n\nShe beat the world champion in the final.",  # not the subject
])
def test_a_post_in_the_opening_is_no_headline_persons_without_a_plain_subject(text: str) -> None:
    headline = [m for m in extract_people(text) if m.name == "Ana Ruiz"]
    assert headline and all(m.role is None for m in headline)


@pytest.mark.parametrize(("text", "expected"), [
    ("Airline boss: Fares will be higher this summer\n\nFuel prices will push fares up, "
     "says Ruth Callan.", ("Ruth Callan", "boss", "Airline")),
    ("Scotland politics: Deputy keeps job despite row\n\nMoira Grant apologises for calling "
     "a colleague a liar.", ("Moira Grant", "deputy", None)),
    ("Bishop of Wessex says his faith helped him\n\nJohn Arden says he felt hope and doubt at once.",
     ("John Arden", "bishop", "Wessex")),
    ("City police: Some officers are biased, professional standards chief admits\n\nBen Okoro "
     "pledges to remove biased staff.", ("Ben Okoro", "professional standards chief", None)),
    ("Do cats need coats? A mountain rescue trainer weighs in\n\nSara Pell trains dogs to find "
     "walkers.", ("Sara Pell", "mountain rescue trainer", None)),
    ("'Quizzer!' contestant takes off wig\n\nChris Wel auditioned for the show after her illness.",
     ("Chris Wel", "contestant", "Quizzer")),
    ("Wessex Police's former chief constable found dead at home\n\nSam Cole had announced his "
     "retirement in January.", ("Sam Cole", "former chief constable", "Wessex Police")),
])
def test_a_headline_opening_on_a_post_gives_it_to_the_body_person(
        text: str, expected: tuple[str, str, str | None]) -> None:
    assert [(m.name, m.role, m.affiliation) for m in extract_people(text) if m.role] == [expected]


@pytest.mark.parametrize(("text", "body_person"), [
    ("Airline boss: Fares will rise\n\nRuth Callan and Tom Brown said fuel costs more.",
     "Ruth Callan"),  # two people
    ("Airline boss: Fares will rise\n\nFuel costs more, analysts told Ruth Callan.",
     "Ruth Callan"),  # not the speaker
    ("Airline boss Ruth Callan: Fares will rise\n\nFuel costs more, says Tom Brown.",
     "Tom Brown"),  # the post has its person
])
def test_a_post_in_the_headline_is_no_body_persons_without_a_plain_subject(
        text: str, body_person: str) -> None:
    body = [m for m in extract_people(text) if m.name == body_person and m.start > text.index("\n\n")]
    assert body and all(m.role is None for m in body)


@pytest.mark.parametrize(("text", "expected"), [
    ("Gail Keen: Minister sorry for not ending meeting\n\nGail Keen says she carried on.",
     ("Gail Keen", "minister")),
    ("Kay Hume: World's top female bobsledder says she switched teams\n\nAny time Kay Hume wishes, "
     "she can look back.", ("Kay Hume", "top female bobsledder")),
])
def test_a_headline_labelled_with_a_person_gives_them_the_post_that_follows(
        text: str, expected: tuple[str, str]) -> None:
    assert [(m.name, m.role) for m in extract_people(text) if m.role] == [expected]


def test_a_label_s_post_is_not_theirs_when_the_body_opens_on_someone_else() -> None:
    text = "Sue Grey: Minister says the report is due\n\nMike Ellis told MPs that Sue Grey would publish."
    assert all(m.role is None for m in extract_people(text))


def test_a_nickname_in_quotes_is_part_of_the_name_and_not_of_its_key() -> None:
    text = 'Retired Maj. Gen. James "Spider" Marks breaks down how the army holds. Tom “Ace” Hill agreed.'
    found = [(m.name, m.role) for m in extract_people(text)]
    assert found == [("James Marks", "major general"), ("Tom Hill", None)]
    assert person_key('James "Spider" Marks') == "james marks"
    assert [m.name for m in extract_people('He said "Yes" Tom Hill agreed.')] == ["Tom Hill"]


def test_world_places_are_no_people_and_a_surname_that_is_a_place_still_is_one() -> None:
    """Cities and countries of the news are never people ("Rotterdam", "Burkina Faso"), and a
    place that is also a surname is not taken for a place after a first name."""
    found = [m.name for m in extract_people(
        "Rotterdam is considering a request from Burkina Faso, Naomi Osaka said on Monday.")]
    assert found == ["Naomi Osaka"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Rail fares: The baker making bread from spent grain\n\nNia Powell, from Ceredigion, bakes at dawn.",
     ("Nia Powell", "baker")),  # the headline's post, then "making …"
    ("Flood appeal: Mum wants a new law on insurance\n\nDee Hart called on ministers to act.",
     ("Dee Hart", "mum")),  # a relation is who the item's person is
    ("The Leeds schoolboy who is pals with a film star\n\nMeet Sam Ojo, who is off to LA.",
     ("Sam Ojo", "schoolboy")),  # "Meet X" opens on X
    ("The manager who beat Real Madrid leaves to fight in Ukraine\n\nSix months ago Ivan Tkach was "
     "winning in Madrid.", ("Ivan Tkach", "manager")),  # a time, then the subject
])
def test_a_headline_post_goes_to_the_body_person_it_introduces(text: str, expected: tuple[str, str]) -> None:
    assert (expected[0], expected[1]) in [(m.name, m.role) for m in extract_people(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Gordon Reed sends chef to help village school kitchen\n\nRoy Dunn served up lunches after "
     "kitchen manager Tina Marsh asked for help.", ("Roy Dunn", "chef")),  # a post mid-headline
    ("Backlash after Bank boss says pay rises must slow\n\nRay Okafor urged firms to hold back.",
     ("Ray Okafor", "boss")),
    ("Flood: Welsh doctor stranded with two horses\n\nGiri Patel, who keeps the horses, says he "
     "will not leave.", ("Giri Patel", "doctor")),  # a headline post and what was done to them
    ("Russian star ballerina quits the Bolshoi\n\nOne of the stars of the Bolshoi Ballet, Olga Smirna, "
     "has quit the company.", ("Olga Smirna", "star ballerina")),  # who they are, then them
    ("'A big problem': Security analyst's warning to the Kremlin\n\nCNN's Peter Bergen reviews the "
     "war in Afghanistan and how it could draw parallels.", ("Peter Bergen", "analyst")),  # the outlet's own
])
def test_a_post_anywhere_in_the_headline_goes_to_the_person_the_body_opens_on(
        text: str, expected: tuple[str, str]) -> None:
    assert expected in [(m.name, m.role) for m in extract_people(text)]


@pytest.mark.parametrize(("text", "body_person"), [
    ("Man charged after police officer hurt\n\nJon Slade, 32, appeared in court on Monday.",
     "Jon Slade"),  # the headline speaks of someone else too
    ("Mira Sol says she started seeing a therapist\n\nNaomi Sol won her first match since March.",
     "Naomi Sol"),  # the headline names her: the post is another's
    ("Aid chief: 'The city is in ruins'\n\nCNN's Ann Bly speaks with aid chief Tom Hart.",
     "Ann Bly"),  # an outlet's presenter, not the guest
    ("Aid chief: 'The city is in ruins'\n\nAnn Bly speaks with Tom Hart about the city.",
     "Ann Bly"),  # a presenter's line
    ("'Notorious': military analyst on mercenaries\n\nCNN's Don Lemming and Col. Ed Hart discuss "
     "the reports.", "Don Lemming"),  # one of two
    ("Actor visits old school\n\nPupils cheered as Dan Roe and Ella Fenn arrived.",
     "Dan Roe"),  # two people: whose is it?
])
def test_a_headline_post_is_no_ones_when_the_body_does_not_open_on_one_person(
        text: str, body_person: str) -> None:
    body = [m for m in extract_people(text) if m.name == body_person and m.start > text.index("\n\n")]
    assert body and all(m.role in (None, "journalist") for m in body)  # an outlet's presenter is one


def test_a_relation_is_a_role_but_not_when_it_names_someone_else() -> None:
    married = extract_people("Ann Lo is awaiting news of her husband, Ken Lo, a human rights lawyer.")
    assert ("Ken Lo", "human rights lawyer") in [(m.name, m.role) for m in married]  # the post, not "husband"
    assert ("Eve Moss", "girlfriend") in [(m.name, m.role) for m in extract_people(
        "Tom Ray's girlfriend, Eve Moss, is to be questioned.")]
    labelled = "Joe Pike: Daughter and wife say they will welcome him home\n\nJoe Pike flew home on Monday."
    assert all(m.role is None for m in extract_people(labelled))  # his relatives, not him
    lead = "Ana Bell: 'The sentence is too short'\n\nAna Bell's mum says she hopes it is extended."
    assert all(m.role is None for m in extract_people(lead) if m.name == "Ana Bell")


def test_a_post_to_another_post_is_read_whole() -> None:
    rows = _rows("A lawsuit names former Secretary to the Governor Ada Ruiz and the state police.")
    assert ("Ada Ruiz", "former Secretary to the Governor") in [(name, role) for name, role, _, _ in rows]


@pytest.mark.parametrize(("text", "expected"), [
    ("Attacks on Tom Bell's wife are unfair, says Ann Cole\n\nThe health secretary argues partners "
     "should be off limits.", ("Ann Cole", "health secretary")),  # the speaker, not the owner
    ("Covid: Ann Cole defends the end of free tests\n\nIt is a historic moment, the health "
     "secretary says - but she warns of new variants.", ("Ann Cole", "health secretary")),
])
def test_a_headline_speaker_gets_the_post_the_body_opens_on(text: str, expected: tuple[str, str]) -> None:
    assert expected in [(m.name, m.role) for m in extract_people(text)]


def test_a_body_that_quotes_someone_else_gives_no_post_to_the_headline_speaker() -> None:
    text = ("Ukraine: Ivan Dorn using cruel tactics, Tom Bell says\n\nRussia's president has "
            "misjudged the West, says PM as he meets allies.")
    assert all(m.role is None for m in extract_people(text))


def test_a_body_naming_the_headline_person_as_its_speaker_gives_them_no_post() -> None:
    text = ("Ed Ross: Volkov's miscalculations mean he could strike harder\n\nThe Russian leader has "
            "always refused to back down, says the BBC's Ed Ross.")
    assert all(m.role is None for m in extract_people(text) if m.name == "Ed Ross")
    asked = ("Is this a new Cold War, asks Ed Ross\n\nVolkov might turn the country back to the USSR, "
             "our world affairs editor writes.")
    assert ("Ed Ross", "world affairs editor") in [(m.name, m.role) for m in extract_people(asked)]


def test_a_copula_broken_by_a_time_and_a_role_ending_before_called() -> None:
    rows = _rows("Mia Lund was, from 1933, the assistant secretary to a charity called the Refuge Fund.")
    assert ("Mia Lund", "assistant secretary to a charity") in [(name, role) for name, role, _, _ in rows]


@pytest.mark.parametrize(("text", "expected"), [
    ("Stephen King said the book was his darkest.", [("Stephen King", None)]),
    ("Fans cheered as Adam Driver arrived, said Jofra Archer.",
     [("Adam Driver", None), ("Jofra Archer", None)]),
    ("Weaver Olena Shevchuk sells belts online.", [("Olena Shevchuk", "weaver")]),  # a post before a name
    ("Apple Chief Tim Cook said so.", [("Tim Cook", "chief")]),
])
def test_a_post_that_is_also_a_surname_ends_a_name_when_no_name_follows(
        text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(m.name, m.role) for m in extract_people(text)] == expected


def test_a_post_surname_after_a_title_s_article_is_no_person() -> None:
    assert extract_people("Fans of 'The Masked Singer' were stunned.") == []


def test_lord_or_baroness_before_a_name_makes_a_peer() -> None:
    assert peer_before("Young", "Lord Young barred from debate after falling asleep")
    assert peer_before("Hallett", "The inquiry, led by Baroness Hallett, opens.")
    assert not peer_before("Young", "Will Young sang on Friday.")


def test_a_short_sentence_with_lower_case_words_is_no_title_case_headline() -> None:
    """"CNN's Peter Berg reviews the war in Afghanistan": three capitalised words of four long
    ones, but "war" is in lower case, as no Title Case headline writes it."""
    text = "Intro.\n\nCNN's Peter Berg reviews the war in Afghanistan."
    assert [m.name for m in extract_people(text)] == ["Peter Berg"]
    assert extract_people("Intro.\n\nWhy Peter Berg Reviews The War In Afghanistan") == []
