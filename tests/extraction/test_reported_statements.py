"""Reported speech read sentence by sentence (reported_statements.py), on sentences written for the tests."""

from __future__ import annotations

import pytest

from service.extraction import extract


def _statements(body: str) -> list[tuple[str, str, str | None]]:
    text = "Harbour vote delayed\n\nThe ferry board met on Monday.\n\n" + body + "\n"
    return [(q.kind, q.text, q.speaker.name) for q in extract(text).quotes]


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
