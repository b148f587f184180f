"""Speaker mentions, their resolution across an article, and venues."""

from __future__ import annotations

import pytest

from service.extraction.dating.venues import find_venue
from service.extraction.layout.clean import Block
from service.extraction.layout.spans import paragraphs
from service.extraction.speakers.mentions import parse_mention
from service.extraction.statements import find_quotes


def _quotes(text: str, published: str | None = None):
    blocks = [Block(p.start, p.end, "body") for p in paragraphs(text, [Block(0, len(text), "body")])]
    return find_quotes(text, blocks, published)


@pytest.mark.parametrize(
    ("phrase", "kind", "name", "role"),
    [
        ("Deputy Foreign Minister Mikhail Bogdanov", "name", "Mikhail Bogdanov", "Deputy Foreign Minister"),
        (
            "Defense Ministry deputy head Anatoly Antonov",
            "name",
            "Anatoly Antonov",
            "Defense Ministry deputy head",
        ),
        ("Federal Security Service (FSB) head Alexander Bortnikov", "name", "Alexander Bortnikov", None),
        (
            "Nicholas Rasmussen, the director of the National Counterterrorism Center",
            "name",
            "Nicholas Rasmussen",
            "director of the National Counterterrorism Center",
        ),
        ("the agency's acting coordinator for sanctions, Justin Siberell", "name", "Justin Siberell", None),
        ("climate scientist Maria Lopez of Stanford University", "name", "Maria Lopez", None),
        ("Sen. Susan Collins, R-Maine", "name", "Susan Collins", None),
        ("the State Department", "org", "State Department", None),
        ("Russia", "org", "Russia", None),
        ("the study", "study", "study", None),
        ("he", "pronoun", None, None),
        ("the Russian official", "description", "Russian official", None),
    ],
)
def test_parse_mention(phrase, kind, name, role):
    mention = parse_mention(phrase, 0)
    assert mention is not None
    assert (mention.kind, mention.name) == (kind, name)
    if role:
        assert mention.role == role


@pytest.mark.parametrize(
    "phrase",
    [
        "A U.S. intelligence official, speaking on condition of anonymity",
        "a senior official who asked not to be named",
        "two people familiar with the matter",
        "sources",
        "officials",
    ],
)
def test_anonymous_sources(phrase):
    mention = parse_mention(phrase, 0)
    assert mention is not None and mention.anonymous


@pytest.mark.parametrize(
    "phrase",
    ["", "Curiously, he never", "sending it to the House with hours to spare", "In Moscow", "the estimates"],
)
def test_not_speaker_mentions(phrase):
    mention = parse_mention(phrase, 0)
    assert mention is None or mention.kind not in ("name", "org")


def test_surname_resolves_to_the_full_name_printed_elsewhere():
    text = (
        "The war began when the opposition rose against President Bashar Assad's government.\n\n"
        "Assad said in 2015 that his country would not negotiate with terrorists."
    )
    assert _quotes(text)[0].speaker.name == "Bashar Assad"


def test_the_official_points_back_to_the_matching_person():
    text = (
        '"We see fewer fighters crossing," the agency\'s coordinator for sanctions, '
        "Justin Siberell, said.\n\n"
        "The most recent data came from the intelligence community, the official said."
    )
    quotes = _quotes(text)
    assert [q.speaker.name for q in quotes] == ["Justin Siberell", "Justin Siberell"]
    assert quotes[1].speaker.mention == "the official"


def test_lede_description_is_the_person_named_next():
    text = (
        "Russia's air force is striking only confirmed terrorist targets, "
        "Russia's deputy defense minister said.\n\n"
        '"The aviation is deployed exclusively against terrorists," Defense Ministry deputy head '
        "Anatoly Antonov said on Wednesday."
    )
    quotes = _quotes(text, "2015-11-04")
    assert quotes[0].speaker.name == "Anatoly Antonov"
    assert quotes[0].said_on == "2015-11-04"  # the same speaker's dated statement, same event


def test_anonymous_source_is_referred_back_to():
    text = (
        "A U.S. intelligence official, speaking on condition of anonymity, said that fewer than 15,000 "
        "fighters remain.\n\n"
        "Nicholas Rasmussen said he was worried about returnees.\n\n"
        "Borders have been tightened in recent months, the intelligence official said."
    )
    quotes = _quotes(text)
    assert quotes[0].speaker.anonymous and quotes[2].speaker.anonymous
    assert quotes[0].speaker.name == quotes[2].speaker.name == "U.S. intelligence official"


def test_pronoun_goes_to_the_person_named_since_the_last_statement():
    text = (
        "The judge, U.S. District Judge Helen Park, wrote that the defense needed more time.\n\n"
        "Mr. Torres has pleaded not guilty. He says he never took a bribe. "
        '"I never sold a vote," Torres says.'
    )
    assert _quotes(text)[1].speaker.name == "Torres"


@pytest.mark.parametrize(
    ("words", "venue"),
    [
        ("Antonov said at a press briefing.", "press briefing"),
        ("Bogdanov told RIA Novosti earlier this week", "RIA Novosti"),
        ("Rasmussen told the annual Aspen Security Forum.", "Aspen Security Forum"),
        ("Assad told Spanish News Agency EFE in 2015.", "Spanish News Agency EFE"),
        ("Kemp wrote on Twitter that", "Twitter"),
        ("she said in an interview with the Financial Times", "Financial Times"),
        ("Speaking at the Valdai discussion club in Sochi, Lavrov said", "Valdai discussion club in Sochi"),
        ("Schumer said on the Senate floor.", "Senate floor"),
        ("Whitfield told reporters.", None),
        ("he said.", None),
    ],
)
def test_find_venue(words, venue):
    assert find_venue(words) == venue


def test_pronoun_after_a_person_named_in_passing():
    text = (
        "Airstrikes hit four hospitals this week, medical charities said on Wednesday.\n\n"
        "Dmitry Peskov, the Kremlin spokesman, dismissed the reports. "
        '"We do not trust these sources," he told reporters.'
    )
    quotes = _quotes(text, "2015-11-04")
    assert quotes[0].speaker.anonymous
    assert quotes[1].speaker.name == "Dmitry Peskov"


def test_office_named_without_its_holder_is_its_own_speaker():
    text = (
        "Ministers agreed early on Wednesday to extend the grain deal, officials said.\n\n"
        '"This is a good day for food security," the Turkish foreign minister told reporters '
        "after the talks, "
        "adding that inspections would resume on Thursday."
    )
    quotes = _quotes(text, "2015-11-04")
    assert quotes[1].speaker.name == "Turkish foreign minister" and not quotes[1].speaker.anonymous
    assert quotes[1].said_on is None  # "on Thursday" belongs to the added clause, not to the quote


def test_body_with_a_person_like_name_is_an_organisation():
    mention = parse_mention("The Syrian American Medical Society", 0)
    assert mention is not None and mention.kind == "org"


@pytest.mark.parametrize(
    ("lede", "statement"),
    [
        (
            "Moscow (CNN)Russia will keep its forces in Syria, Foreign Minister Sergey Lavrov said.",
            "Russia will",
        ),
        ("(Reuters) - The flow of fighters has slowed sharply, a senior official said.", "The flow"),
        (
            "WASHINGTON (AP) \u2014 The Senate passed the bill late Thursday, Chuck Schumer said.",
            "The Senate",
        ),
    ],
)
def test_datelines_stay_out_of_lede_statements(lede, statement):
    assert _quotes(lede)[0].text.startswith(statement)


def test_told_object_is_not_part_of_the_clause():
    text = "Air Force Secretary Deborah Lee James told the committee that the first aircraft would be late."
    assert _quotes(text)[0].text == "the first aircraft would be late"


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        (
            '"We are seeing many hospitalizations," said Dr. Jane Doe, an epidemiologist at Johns Hopkins.',
            "Jane Doe",
            "epidemiologist at Johns Hopkins",
        ),
        (
            '"This is a company in transition," said Dan Ives, an analyst at Wedbush.',
            "Dan Ives",
            "analyst at Wedbush",
        ),
        (
            "Researchers found that vaccinated people were half as likely to be hospitalized.",
            "Researchers",
            None,
        ),
        (
            "A senior source in the opposition said on condition of anonymity that talks had stalled.",
            None,
            None,
        ),
    ],
)
def test_roles_and_sources(text, speaker, role):
    (quote,) = _quotes(text)
    if speaker:
        assert quote.speaker.name == speaker
    else:
        assert quote.speaker.anonymous
    if role:
        assert quote.speaker.role == role


def test_lede_description_does_not_take_a_person_holding_another_office():
    text = (
        "Two people were shot near the stadium on Saturday, a police spokesman said.\n\n"
        '"We will find whoever did this," Mayor Brandon Johnson said.'
    )
    quotes = _quotes(text)
    assert quotes[0].speaker.name == "police spokesman" and quotes[0].speaker.anonymous
    assert quotes[1].speaker.name == "Brandon Johnson"


@pytest.mark.parametrize(
    ("pronoun", "speaker"),
    [("he", "Robert Smith"), ("she", "Lisa Jones"), ("He", "Robert Smith"), ("She", "Lisa Jones")],
)
def test_he_and_she_go_to_the_person_they_fit(pronoun, speaker):
    text = (
        "Robert Smith said the budget would pass.\n\n"
        "Lisa Jones said it would fail.\n\n"
        f"The vote is set for Friday, {pronoun} said."
    )
    assert _quotes(text)[-1].speaker.name == speaker


def test_honorifics_and_role_words_give_the_fit():
    text = (
        "Ms. Alvarez, the city's spokeswoman, said the budget would pass.\n\n"
        "Councilman Pat Morgan said it would fail.\n\n"
        "The vote is set for Friday, she said."
    )
    assert _quotes(text)[-1].speaker.name.endswith("Alvarez")


def test_role_of_a_surname_comes_from_the_full_name_printed_elsewhere():
    text = (
        "SACRAMENTO (AP) \u2014 Gov. Gavin Newsom signed a climate bill on Tuesday.\n\n"
        '"We will not wait for Washington," Newsom told supporters.'
    )
    speaker = _quotes(text)[0].speaker
    assert (speaker.name, speaker.role) == ("Gavin Newsom", "Gov.")


def test_clause_openers_are_not_descriptors():
    mention = parse_mention("when Defense Ministry Deputy Head Anatoly Antonov", 0)
    assert mention is None or mention.role != "when Defense Ministry Deputy Head"


def test_long_relative_appositive_after_a_name():
    text = (
        "John Smith, who served as the state's top election official for more than a decade before "
        "retiring last year, said the new rules were confusing."
    )
    (quote,) = _quotes(text)
    assert (quote.text, quote.speaker.name) == ("the new rules were confusing", "John Smith")


@pytest.mark.parametrize(
    ("phrase", "name", "role"),
    [
        (
            "Harris County flood control manager Dana Whitfield",
            "Dana Whitfield",
            "Harris County flood control manager",
        ),
        ("KHOU meteorologist Brian Sato", "Brian Sato", "KHOU meteorologist"),
        ("Point guard Maya Chen", "Maya Chen", "Point guard"),
    ],
)
def test_descriptors_between_a_body_and_a_name(phrase, name, role):
    mention = parse_mention(phrase, 0)
    assert (mention.kind, mention.name, mention.role) == ("name", name, role)


@pytest.mark.parametrize(
    "phrase",
    [
        "Texas (AP) Tropical Storm Alma made landfall near Port Lavaca",
        "Galveston, on Friday morning with gusts of 70 mph, the National Weather Service",
    ],
)
def test_clauses_are_not_names_with_descriptors(phrase):
    mention = parse_mention(phrase, 0)
    assert mention is None or mention.kind != "name"


def test_names_inside_quote_marks_do_not_speak():
    text = (
        "Tessa Grant, a baker in Dayton, runs a weekly show for bakers.\n\n"
        "She hosts a show for bakers, \u201cThe Rising Crust,\u201d and says flour prices come up "
        "every week.\n\n"
        "\u201cEveryone is worried about the harvest,\u201d she says."
    )
    quotes = _quotes(text)
    assert [q.speaker.name for q in quotes] == ["Tessa Grant", "Tessa Grant"]
    assert quotes[0].text == "flour prices come up every week"


def test_inverted_speaker_before_a_subordinate_phrase():
    text = '"We had no choice," said council member Rosa Diaz before casting her vote.'
    assert _quotes(text)[0].speaker.name == "Rosa Diaz"


def test_surname_opening_the_previous_sentence_is_he():
    text = (
        "Former treasurer Walter Brandt pleaded guilty in March.\n\n"
        "Prosecutor Jane Ocampo said the losses reached $4 million.\n\n"
        "Brandt, wearing a gray suit, apologized to the court. \u201cI was wrong,\u201d he said."
    )
    assert _quotes(text)[-1].speaker.name == "Walter Brandt"


def test_names_inside_the_previous_statement_are_not_she():
    text = (
        "Democrat Carla Moreno and Republican Ben Hale met in a debate on Tuesday.\n\n"
        "Moreno said Hale had taken money from oil companies.\n\n"
        "\u201cHe can call it whatever he wants,\u201d she said."
    )
    assert _quotes(text)[-1].speaker.name == "Carla Moreno"


def test_reply_verb_and_colon_lead_in_name_the_subject():
    text = (
        "Republican Dan Pryor and Democrat Lena Ortiz met for their only debate on Thursday.\n\n"
        "Ortiz shot back that Pryor had skipped most budget hearings.\n\n"
        "\u201cHe can say what he likes,\u201d she said.\n\n"
        "Pryor would not rule out a veto. "
        "Ortiz seized on it: \u201cThat is a veto threat, plain and simple.\u201d"
    )
    quotes = _quotes(text)
    assert [(q.text, q.speaker.name) for q in quotes] == [
        ("Pryor had skipped most budget hearings", "Lena Ortiz"),
        ("He can say what he likes", "Lena Ortiz"),
        ("That is a veto threat, plain and simple.", "Lena Ortiz"),
    ]


def test_quote_alone_in_its_paragraph_takes_the_subject_not_the_object():
    text = (
        "Coach Tara Lund and guard Mia Park spoke after the game on Saturday.\n\n"
        "After the loss, Lund criticized the referees for letting Park get fouled all night.\n\n"
        "\u201cWe deserved a fair whistle and we did not get one.\u201d"
    )
    assert _quotes(text)[-1].speaker.name == "Tara Lund"


def test_next_paragraph_pointing_back_names_the_speaker():
    text = (
        "Guard Mia Park scored 30 points and coach Tara Lund won her 300th game.\n\n"
        "\u201cWe stopped guessing on defense. Park did the rest.\u201d\n\n"
        "That was Lund's summary of the night, delivered with a shrug."
    )
    assert _quotes(text)[0].speaker.name == "Tara Lund"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Quarterback Dante Miles threw for 300 yards.\n\n\u201cWe kept swinging,\u201d Miles said.",
            "Dante Miles",
        ),
        ("Goalkeeper Ana Ruiz made nine saves.\n\nRuiz said the defense had bailed her out.", "Ana Ruiz"),
    ],
)
def test_capitalised_role_opening_a_sentence_is_not_a_first_name(text, speaker):
    assert _quotes(text)[-1].speaker.name == speaker


def test_possessive_description_is_not_the_possessor():
    text = "Sen. Ann Smith denied the charges on Monday.\n\nSmith's lawyer said his client was innocent."
    speaker = _quotes(text)[-1].speaker
    assert speaker.name == "Smith's lawyer"


def test_she_is_never_a_group():
    text = (
        "Mayor Dana Cole said the city was ready for the outbreak.\n\n"
        "State health officials said Thursday that three more people had died.\n\n"
        "She later told reporters she regretted the delay in testing."
    )
    assert _quotes(text)[-1].speaker.name == "Dana Cole"


def test_party_and_age_descriptions_point_back_to_the_person():
    text = (
        "Rep. Jenna Ford, a Texas Republican, won her primary on Tuesday.\n\n"
        "\u201cWe ran on results,\u201d the Texas Republican said at her victory party.\n\n"
        "The 42-year-old said she would focus on border security in her second term.\n\n"
        "Her opponent, Democrat Luis Paz, conceded late Tuesday.\n\n"
        "\u201cThe voters spoke, and I respect that,\u201d the Democrat said."
    )
    assert [(q.speaker.name, q.speaker.mention) for q in _quotes(text)] == [
        ("Jenna Ford", "the Texas Republican"),
        ("Jenna Ford", "The 42-year-old"),
        ("Luis Paz", "the Democrat"),
    ]


def test_a_dateline_is_no_person_a_description_points_back_to():
    text = "Tue Nov 22, 2016 4:15PM\n\nIran's oil minister says no deal has been reached on output."
    assert _quotes(text)[0].speaker.name == "Iran's oil minister"


def test_asides_between_the_speaker_and_the_cue():
    text = (
        "Mayor Jane Cole, in a statement, said the city would appeal the ruling.\n\n"
        "Cole, for her part, said the ruling ignored the city's budget crisis.\n\n"
        "The city's attorney, meanwhile, argued that the judge had overstepped.\n\n"
        "Some residents, however, welcomed the decision, saying the city had ignored them for years."
    )
    assert [(q.text, q.speaker.name) for q in _quotes(text)] == [
        ("the city would appeal the ruling", "Jane Cole"),
        ("the ruling ignored the city's budget crisis", "Jane Cole"),
        ("the judge had overstepped", "city's attorney"),
        ("the city had ignored them for years", "Some residents"),
    ]


def test_numbered_body_with_a_relative_clause_speaks():
    text = (
        "Steelworkers Local 1010, which represents about 900 of the laid-off workers, said it would seek "
        "extended health coverage."
    )
    (quote,) = _quotes(text)
    assert (quote.text, quote.speaker.name) == (
        "it would seek extended health coverage",
        "Steelworkers Local 1010",
    )


@pytest.mark.parametrize(
    ("phrase", "name", "role"),
    [
        ("Sgt. Omar Diallo of the county sheriff's office", "Omar Diallo", "Sgt., county sheriff's office"),
        ("Priya Nair of the Brookings Institution", "Priya Nair", "Brookings Institution"),
    ],
)
def test_a_person_of_the_body_they_speak_for(phrase, name, role):
    mention = parse_mention(phrase, 0)
    assert (mention.kind, mention.name, mention.role) == ("name", name, role)


@pytest.mark.parametrize("phrase", ["Bank of the West", "American Federation of the Blind"])
def test_a_body_named_with_of_the_stays_a_body(phrase):
    assert parse_mention(phrase, 0).kind == "org"


@pytest.mark.parametrize(
    ("phrase", "name"),
    [("Outside, Lena Ortiz, a bus driver", "Lena Ortiz"), ("Afterward, Coach Ray Dunn", "Ray Dunn")],
)
def test_a_fronted_scene_adverb_is_no_name(phrase, name):
    assert parse_mention(phrase, 0).name == name


@pytest.mark.parametrize("noun", ["singer", "actor", "rapper", "athlete", "lobbyist", "entrepreneur"])
def test_trades_of_public_life_are_people(noun):
    mention = parse_mention(f"the {noun}", 0)
    assert mention is not None and mention.kind == "description"
