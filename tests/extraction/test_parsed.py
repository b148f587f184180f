"""Reported speech the patterns leave to the parse: each class with a sentence of our own."""

from __future__ import annotations

import pytest
from body_statements import body_statements as _statements

CASES = [
    # (sentence, statement, speaker name, cue)
    (
        "The ferry union called for a special auditor to oversee an inquiry into the harbour contracts.",
        "a special auditor to oversee an inquiry into the harbour contracts",
        "ferry union",
        "called for",
    ),
    (
        "Councilwoman Ada Brandt denied any role in the collapse of the pier, and said she would cooperate.",
        "any role in the collapse of the pier",
        "Ada Brandt",
        "denied",
    ),
    (
        "Leading Republican consultants say the governor's lead is slipping in the suburbs.",
        "the governor's lead is slipping in the suburbs",
        "Leading Republican consultants",
        "say",
    ),
    (
        "Mr. Hale's longtime allies say he has no plans to run for the seat again.",
        "he has no plans to run for the seat again",
        "Mr. Hale's longtime allies",
        "say",
    ),
    (
        "The filing said the developer had missed three payments to the county.",
        "the developer had missed three payments to the county",
        "filing",
        "said",
    ),
    (
        "Councilwoman Ada Brandt has denied the allegations against her office.",
        "the allegations against her office",
        "Ada Brandt",
        "denied",
    ),
    (
        "Mayor Lena Ortiz urged the council to postpone the vote on the harbor plan.",
        "the council to postpone the vote on the harbor plan",
        "Lena Ortiz",
        "urged",
    ),
    (
        "The nurses' union called for an independent review of staffing at the clinic.",
        "an independent review of staffing at the clinic",
        "nurses' union",
        "called for",
    ),
    (
        "The treasurer, who said the fund was solvent, resigned on Tuesday.",
        "the fund was solvent",
        "treasurer",
        "said",
    ),
    (
        "Senator Paul Okafor criticized the budget and said it would starve rural schools.",
        "it would starve rural schools",
        "Paul Okafor",
        "said",
    ),
    (
        "A reporter asked whether the county would refund the fees it had collected.",
        "whether the county would refund the fees it had collected",
        "reporter",
        "asked",
    ),
    (
        "The agency's auditors had said 900 memos held secret material, but most were merely routine.",
        "900 memos held secret material, but most were merely routine",
        "agency's auditors",
        "said",
    ),
    (
        "Those polled say tighter rules would curb fraud, though they blame lax audits for the losses.",
        "tighter rules would curb fraud, though they blame lax audits for the losses",
        None,
        "say",
    ),
    (
        "Voss has said she does not plan to hold a mock hearing \u2014 and thinks her aide could stand in.",
        "she does not plan to hold a mock hearing",
        "Voss",
        "said",
    ),
]


@pytest.mark.parametrize(("sentence", "statement", "speaker", "cue"), CASES, ids=[c[1][:30] for c in CASES])
def test_reported_speech_read_off_the_parse(sentence, statement, speaker, cue):
    found = {q.text: q for q in _statements(sentence)}
    assert statement in found, list(found)
    quote = found[statement]
    assert quote.cue == cue
    assert sentence[quote.start : quote.end] == statement
    if speaker is not None:
        assert quote.speaker.name == speaker


def test_a_relative_clause_statement_beside_the_main_one():
    text = "Barkley, who said he usually votes for the incumbent, said one candidate he likes is Mayor Ruiz."
    found = {q.text: q.speaker.name for q in _statements(text)}
    assert found["he usually votes for the incumbent"] == "Barkley"
    assert found["one candidate he likes is Mayor Ruiz"] == "Barkley"


@pytest.mark.parametrize(
    "sentence",
    [
        "She did not say whether the pier would reopen before the summer season.",
        "A caller reported that a bicycle was taken from a garage on Elm Street.",
        "In lieu of flowers, the family asks that donations be made to the school band.",
        "The dispute has hurt hundreds of families since it began, and 75 claims remain open.",
        "The board was told that the audit had found no missing funds at all.",
        # A speech verb inside a quoted title is the title's, not a cue of the reporter's sentence.
        'Dana Ruiz\' commentary, "Lena, tell your harbour story," is very thoughtful.',
        # The parse may take a finite verb with no subject for the clause of "says".
        "Everything Ruiz says is a lie unless proven otherwise.",
    ],
)
def test_no_statement_where_nothing_was_stated(sentence):
    assert _statements(sentence) == []


def test_mid_sentence_tag_keeps_the_whole_sentence():
    text = (
        'Dana Reyes runs the port authority. "We will not be rushed," Reyes said.\n\n'
        "The delay, she argued, was the board's fault and not the contractor's."
    )
    quotes = _statements(text)
    tagged = [q for q in quotes if q.cue == "argued"]
    assert (
        tagged and tagged[0].text == "The delay, she argued, was the board's fault and not the contractor's"
    )
    assert tagged[0].speaker.name == "Dana Reyes"


@pytest.mark.parametrize(
    ("sentence", "statement", "source"),
    [
        (
            "Ruiz leads Vance by 271 pledged delegates according to a count by The Associated Press, "
            "but the senator has vowed to fight on.",
            "Ruiz leads Vance by 271 pledged delegates",
            "count by The Associated Press",
        ),
        (
            "At the start of the race, Vance drew just 2% support, compared with 20% for Ruiz, "
            "according to polls at the time.",
            "Vance drew just 2% support, compared with 20% for Ruiz",
            "polls at the time",
        ),
        (
            "The county plan would raise only $1.1 million over the next decade, according to the "
            "Budget Center - half a percent of its spending.",
            "The county plan would raise only $1.1 million over the next decade",
            "Budget Center",
        ),
        (
            "(According to the city police department, it does not track scooter violations separately.)",
            "it does not track scooter violations separately",
            "city police department",
        ),
    ],
)
def test_according_to_documents_and_glossed_sources(sentence, statement, source):
    found = {q.text.rstrip(".)"): q for q in _statements(sentence)}
    assert statement in found, list(found)
    assert found[statement].cue == "according to"
    assert found[statement].speaker.name == source


@pytest.mark.parametrize(
    "sentence",
    [
        "The death toll has reached 400, according to U.N. estimates.",
        "The work was finished according to plan, with the last beams set in March.",
    ],
)
def test_according_to_data_or_manner_is_no_statement(sentence):
    assert _statements(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "statement", "speaker", "cue"),
    [
        (
            "Senator Ada Quill called the levy a tax on the poor.",
            "the levy a tax on the poor",
            "Ada Quill",
            "called",
        ),
        (
            "Councilman Eli Ward branded the plan a giveaway to developers.",
            "the plan a giveaway to developers",
            "Eli Ward",
            "branded",
        ),
        (
            "After the flood, Mayor Dana Reyes called for the harbor master to resign.",
            "the harbor master to resign",
            "Dana Reyes",
            "called for",
        ),
        (
            "Regional leaders called on the port authority to reopen the north pier.",
            "the port authority to reopen the north pier",
            "Regional leaders",
            "called on",
        ),
        (
            "The county auditor noted the absence of receipts for the harbor repairs.",
            "the absence of receipts for the harbor repairs",
            "county auditor",
            "noted",
        ),
        (
            "Mayor Tom Hale described the levy as a fair price for a safer harbor.",
            "the levy as a fair price for a safer harbor",
            "Tom Hale",
            "described",
        ),
        (
            "The fire was what investigators called a deliberate act of arson.",
            "what investigators called a deliberate act of arson",
            "investigators",
            "called",
        ),
        (
            "Councilwoman Ada Quill attacked what she described as a rushed and secretive budget.",
            "what she described as a rushed and secretive budget",
            "Ada Quill",
            "described",
        ),
        (
            "The governor has asked county leaders to reopen the shelters by Friday.",
            "county leaders to reopen the shelters by Friday",
            "governor",
            "asked",
        ),
        (
            "The mayor had been asked by the ethics committee to hand over the files.",
            "to hand over the files",
            "ethics committee",
            "asked",
        ),
        (
            "About four in 10 said they were angry with the way the state is run.",
            "they were angry with the way the state is run",
            "About four in 10",
            "said",
        ),
        (
            "The mayor, in an interview on Friday, barely dwelled on her rivals, saying that she was "
            "already looking ahead to the fall.",
            "she was already looking ahead to the fall",
            "mayor",
            "saying",
        ),
    ],
)
def test_naming_verbs_requests_and_group_subjects(sentence, statement, speaker, cue):
    found = {q.text: q for q in _statements(sentence)}
    hit = next((q for text, q in found.items() if text.startswith(statement)), None)
    assert hit is not None, list(found)
    assert hit.cue == cue
    assert hit.speaker.name == speaker


@pytest.mark.parametrize(
    "sentence",
    [
        "Asked whether the pier would reopen, the mayor smiled and walked on.",
        "The two officials asked not to be named because the talks are private.",
        "A resident of Elm Lane called police to report a man carrying a ladder.",
        "The county would also lose road money, a provision critics dubbed the density rule.",
        "In her memoir, the former mayor described the harbor as a lost cause.",  # a work's content
        "The mayor called on Tuesday night to thank the crews.",  # a time, not whom she called on
    ],
)
def test_questions_requests_and_gaps_that_state_nothing(sentence):
    cues = ("asked", "Asked", "called", "called on", "dubbed", "described")
    assert all(q.cue not in cues for q in _statements(sentence))


@pytest.mark.parametrize(
    ("sentence", "statement", "speaker"),
    [
        # The subject before the tag: the whole sentence is the statement.
        (
            "Mayor Ruiz, officials said, has grown wary of the second bid for the harbour contract.",
            "Mayor Ruiz, officials said, has grown wary of the second bid for the harbour contract",
            "officials",
        ),
        # An opener before the tag is the reporter's scene; the clause after it is the statement.
        (
            "In the end, Ms. Okafor said, ferry riders nearly always end up paying the higher fare.",
            "ferry riders nearly always end up paying the higher fare",
            "Okafor",
        ),
    ],
)
def test_a_tag_before_the_sentences_verb_is_read_around(sentence, statement, speaker):
    found = {q.text: q.speaker.name for q in _statements(sentence)}
    assert statement in found, list(found)
    assert speaker in (found[statement] or "")


def test_a_clause_whose_subject_the_parse_hung_on_the_cue_is_still_the_clause():
    # "about half of ..." is parsed as the cue's own phrase, which leaves "reflected" with no subject.
    clause = "about half of the higher deficit in its forecast reflected lost ferry fares"
    found = {q.text: q.speaker.name for q in _statements(f"The harbour board said {clause}.")}
    assert found == {clause: "harbour board"}


@pytest.mark.parametrize(
    ("sentence", "statement", "speaker"),
    [
        (
            "The airstrikes, which Paris and London said have weakened the group, ended in March.",
            "which Paris and London said have weakened the group",
            "Paris and London",
        ),
        (
            "The new ferry rules, which port officials said will take effect in May, drew few complaints.",
            "which port officials said will take effect in May",
            "port officials",
        ),
        # A conjunct with a subject of its own is not what the speakers said.
        (
            "The council chose a loan, a plan that supporters said was overdue and critics called a burden.",
            "that supporters said was overdue",
            "supporters",
        ),
    ],
)
def test_a_relative_pronoun_that_is_what_was_said_opens_the_statement(sentence, statement, speaker):
    found = {q.text: q.speaker.name for q in _statements(sentence)}
    assert statement in found, list(found)
    assert speaker in (found[statement] or "")


@pytest.mark.parametrize(
    "sentence",
    [
        "The levy that Dana Ruiz described in her speech was repealed in May.",  # no clause said of it
        "The pier that Ruiz said the council approved will open in June.",  # the clause has its own subject
    ],
)
def test_a_relative_clause_with_nothing_said_of_its_pronoun_states_nothing(sentence):
    assert not [q for q in _statements(sentence) if q.text.startswith("that")]


def test_an_infinitive_of_purpose_shares_its_heads_speaker():
    sentence = "Dana Ruiz, who chairs the board, wrote on Friday to say she had never backed the toll."
    found = {q.text: q.speaker.name for q in _statements(sentence)}
    assert found.get("she had never backed the toll") == "Dana Ruiz", found
