"""Reported speech read sentence by sentence (reported_statements.py), on sentences written for the tests."""

from __future__ import annotations

import pytest
from body_statements import headed_statements as _statements

from service.extraction import extract


@pytest.mark.parametrize(
    ("body", "statement", "speaker"),
    [
        (
            "The new timetable is \u201ca gift to commuters,\u201d Dana Ruiz said.",
            "The new timetable is \u201ca gift to commuters,\u201d",
            "Dana Ruiz",
        ),
        (
            'Right now, the crews are "working around the clock to fix the pier," said Tomas Ekberg.',
            'Right now, the crews are "working around the clock to fix the pier,"',
            "Tomas Ekberg",
        ),
        (
            "The levy, raised in 1998, \u201cpays for every lifeboat we have,\u201d said Ines Carvalho.",
            "The levy, raised in 1998, \u201cpays for every lifeboat we have,\u201d",
            "Ines Carvalho",
        ),
    ],
)
def test_a_quote_that_finishes_the_reporters_sentence_is_one_mixed_statement(body, statement, speaker):
    assert _statements(body) == [("mixed", statement, speaker)]


@pytest.mark.parametrize(
    "body",
    [
        # A question put to the speaker is the reporter's, and the quote is a sentence of its own.
        "Asked about the fares, \u201cwe will hold them for a year,\u201d Dana Ruiz said.",
        # A scene before a quote that is a whole sentence.
        "At the quay on Friday, \u201cWe will hold the fares for a year,\u201d Dana Ruiz said.",
        # A colon introduces the quote; the words before it are the reporter's.
        "The message was blunt: \u201cwe will hold the fares for a year,\u201d Dana Ruiz said.",
    ],
)
def test_a_quote_after_the_reporters_own_words_stays_a_direct_quote(body):
    assert all(kind != "mixed" for kind, _, _ in _statements(body))


def test_a_mixed_statement_keeps_the_speaker_and_date_of_its_quote():
    text = (
        "Harbour vote delayed\n\nThe ferry board met on Monday.\n\n"
        "The repairs are \u201cmonths behind schedule,\u201d Dana Ruiz said on Tuesday.\n"
    )
    (quote,) = extract(text, title=None).quotes
    assert quote.kind == "mixed" and quote.speaker.name == "Dana Ruiz" and quote.cue == "said"
    assert text[quote.start : quote.end] == quote.text


@pytest.mark.parametrize(
    "body",
    [
        "Asked whether he would back the harbour levy, Paul Hale said the dispute was over.",
        "Paul Hale, asked about his earlier criticism of the levy, said the dispute was over.",
    ],
)
def test_a_question_put_to_the_speaker_is_no_ones_statement(body):
    # The asker is not named, and a reporter's question is not what anyone stated; "asked about" after a
    # comma is said of who was asked, never by them.
    assert _statements(body) == [("indirect", "the dispute was over", "Paul Hale")]


def test_a_question_whose_asker_is_named_is_theirs():
    statements = _statements("Dana Ruiz asked whether the council had read the engineers' report.")
    assert statements == [("indirect", "whether the council had read the engineers' report", "Dana Ruiz")]


def test_a_sentence_with_a_quote_is_parsed_around_it_not_inside_it():
    body = (
        "“We will not give up the pier,” said Ines Carvalho, the harbour master, who also warned "
        "that the winter timetable would be cut."
    )
    assert _statements(body) == [
        ("direct", "We will not give up the pier", "Ines Carvalho"),
        ("indirect", "the winter timetable would be cut", "Ines Carvalho"),
    ]


def test_a_sentence_goes_on_after_its_quote_to_report_more():
    body = (
        "Citing “duties at home,” the spokeswoman for the ferry line, Ana Lisboa, told the Ledger "
        "that the company would skip the regatta."
    )
    assert ("indirect", "the company would skip the regatta", "Ana Lisboa") in _statements(body)


def test_what_happens_while_a_quote_is_said_is_no_statement():
    body = "\u201cWe are not leaving the island,\u201d Dana Ruiz said as the wind howled in the harbour."
    assert _statements(body) == [("direct", "We are not leaving the island", "Dana Ruiz")]


@pytest.mark.parametrize(
    ("body", "statement"),
    [
        (
            "Ines Carvalho has said that \u201ca steady hand\u201d can calm the harbour board.",
            "\u201ca steady hand\u201d can calm the harbour board",
        ),
        (
            "Tomas Ekberg says that \u201cfor all practical purposes, there is no exit\u201d for the mayor.",
            "\u201cfor all practical purposes, there is no exit\u201d for the mayor",
        ),
    ],
)
def test_a_quote_that_opens_a_that_clause_going_on_is_one_mixed_statement(body, statement):
    assert [(kind, text) for kind, text, _ in _statements(body)] == [("mixed", statement)]


@pytest.mark.parametrize(
    "body",
    [
        # The quote closes the clause; what follows is the reporter's.
        "Dana Ruiz said that \u201cthe pier is safe,\u201d adding that repairs would start in June.",
        # Nothing follows the quote.
        "Dana Ruiz said that \u201cthe pier is safe for every ferry.\u201d",
    ],
)
def test_a_quote_that_ends_its_that_clause_stays_direct(body):
    assert _statements(body)[0][0] == "direct"


@pytest.mark.parametrize(
    ("body", "statement"),
    [
        (
            "It is an unlikely scenario; the mayor's aides say the crossings will resume later this week.",
            "the crossings will resume later this week",
        ),
        (
            "The vote set off a row: Councillors said they are sure the board mishandled the audit.",
            "they are sure the board mishandled the audit",
        ),
    ],
)
def test_a_clause_after_a_semicolon_or_colon_is_read_alone(body, statement):
    assert [text for _, text, _ in _statements(body)] == [statement]


def test_a_semicolon_without_a_cue_after_it_stays_inside_the_statement():
    body = "Dana Ruiz said the pier was closed; the ferry, however, still ran twice a day."
    assert [text for _, text, _ in _statements(body)] == [
        "the pier was closed; the ferry, however, still ran twice a day"
    ]


@pytest.mark.parametrize(
    ("body", "statement", "speaker"),
    [
        # A manner or time adverb between the speaker and the cue.
        (
            "Dana O'Neill frequently notes that she was the first to publish the harbour accounts.",
            "she was the first to publish the harbour accounts",
            "Dana O'Neill",
        ),
        # A title after a hyphenated prefix ends no sentence: the clause runs on past "then-Gov."
        (
            "Paul Hale argued that the gap between Dana Ruiz and then-Gov. Ines Carvalho was narrow.",
            "the gap between Dana Ruiz and then-Gov. Ines Carvalho was narrow",
            "Paul Hale",
        ),
    ],
)
def test_adverbs_before_the_cue_and_hyphenated_titles(body, statement, speaker):
    assert ("indirect", statement, speaker) in _statements(body)
