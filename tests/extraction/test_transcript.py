"""Transcript turns: labelled speakers' words are statements, hosts' and reporters' are narration."""

from __future__ import annotations

import pytest

from service.extraction import extract
from service.extraction.layout.clean import Block
from service.extraction.layout.spans import paragraphs
from service.extraction.layout.transcript import read_transcript

RADIO = """Dockworkers weigh a strike as talks stall

MARY KELSO, HOST:

Contract talks at East Coast ports broke off again this week. Reporter Tom Alvarez went to Baltimore.

TOM ALVAREZ, BYLINE: The gates at Seagirt open at dawn. Crane operator Luis Paredes has worked here 19 years.

LUIS PAREDES: Automation is the whole fight. They bring in the machines, and the jobs don't come back.

ALVAREZ: Paredes says the union would accept a raise below inflation if the automation clause holds.

PAREDES: I'm not greedy. I want my son to have this job.

ALVAREZ: The shipping lines' group, the Maritime Alliance, declined an interview.

SEN. JUDITH OKAFOR (D-MD): A strike in January would cost this state's economy a billion dollars a week.

KELSO: That's Tom Alvarez in Baltimore.
"""


def _turns(text: str):
    return read_transcript(text, paragraphs(text, [Block(0, len(text), "body")]))[1]


def test_interviewees_turns_are_their_statements():
    turns = _turns(RADIO)
    assert [t.mention.name for t in turns] == ["Luis Paredes", "Luis Paredes", "Judith Okafor"]
    assert RADIO[turns[0].start : turns[0].end].startswith("Automation is the whole fight.")
    assert RADIO[turns[1].start : turns[1].end] == "I'm not greedy. I want my son to have this job."


def test_extract_speaker_and_narrators_reported_speech():
    quotes = extract(RADIO).quotes
    by_text = {q.text: q for q in quotes}
    assert by_text["I'm not greedy. I want my son to have this job."].speaker.name == "Luis Paredes"
    assert by_text["I'm not greedy. I want my son to have this job."].kind == "direct"
    reported = [q for q in quotes if q.text.startswith("the union would accept")]
    assert reported and reported[0].speaker.name == "Luis Paredes"
    assert not any(q.text.startswith(("Contract talks", "The gates", "That's Tom")) for q in quotes)


@pytest.mark.parametrize(
    "text",
    [
        "UPDATE: This story was updated.\n\nEDITOR'S NOTE: Names were changed.\n\nCORRECTION: A date.\n",
        "WASHINGTON: Lawmakers met on Tuesday.\n\nThe talks went on.\n",
        "JANE DOE: one line only.\n\nJOHN ROE: and a second.\n",  # two turns are not yet a transcript
        "A: Yes.\n\nQ: Why?\n\nA: Because.\n",
    ],
)
def test_notes_headings_and_short_runs_are_no_transcript(text):
    assert _turns(text) == []


def test_unidentified_speakers_are_anonymous():
    text = (
        "ANA RUIZ, HOST: Voters in Maricopa County lined up early.\n\n"
        "UNIDENTIFIED PERSON #1: I've been waiting two hours and I'm not leaving.\n\n"
        "RUIZ: Officials said lines should ease by noon.\n\n"
        "UNIDENTIFIED PERSON #2: It's the same every year and nobody fixes it.\n"
    )
    turns = _turns(text)
    assert len(turns) == 2 and all(t.mention.anonymous for t in turns)


def test_labels_are_cut_from_the_paragraphs():
    paras = paragraphs(RADIO, [Block(0, len(RADIO), "body")])
    unlabelled, _ = read_transcript(RADIO, paras)
    starts = [RADIO[p.start : p.end].split(":")[0] for p in unlabelled]
    assert "ALVAREZ" not in starts and "TOM ALVAREZ, BYLINE" not in starts
    assert any(RADIO[p.start :].startswith("Paredes says") for p in unlabelled)


INTERVIEW = """Retiring fire chief Omar Castillo on staffing, wildfire season and what he would change

Omar Castillo retires Friday after 31 years with the department. Castillo spoke with the Ledger on Tuesday.

Q: What worries you most about this summer?

A: The fuel on the hills. We had two wet winters and now it's all dry grass.

Q: What would you change?

A: Pay for rural volunteers. We lose them to the cities every year.
"""


def test_printed_interview_answers_are_the_interviewees():
    quotes = extract(INTERVIEW).quotes
    answers = [q for q in quotes if q.text.startswith(("The fuel", "Pay for"))]
    assert len(answers) == 2 and all(q.speaker.name == "Omar Castillo" for q in answers)
    assert not any(q.text.startswith(("What worries", "What would")) for q in quotes)


def test_interview_without_a_named_interviewee_gives_no_turns():
    text = "Readers asked.\n\nQ: Why?\n\nA: Because the rules changed.\n\nQ: When?\n\nA: In March.\n"
    assert _turns(text) == []


def test_game_story_and_explainer_section_labels_are_no_speakers():
    text = (
        "The Owls won 3-1 on Saturday.\n\n"
        "THE TAKEAWAY: The defense held again.\n\n"
        "KEY MOMENT: A goal-line stand in the third.\n\n"
        "KEY STAT: Four sacks.\n\n"
        "UP NEXT: At Dayton on Friday.\n\n"
        "WHY IT MATTERS: The league title is within reach.\n"
    )
    assert _turns(text) == []
