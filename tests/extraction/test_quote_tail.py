"""A quote whose sentence goes on with the rest of the speaker's clause is one mixed statement (issue 13)."""

from __future__ import annotations

import pytest

from service.extraction.layout.clean import Block
from service.extraction.layout.spans import paragraphs
from service.extraction.statements import find_quotes


def _quotes(text: str):
    blocks = [Block(p.start, p.end, "body") for p in paragraphs(text, [Block(0, len(text), "body")])]
    return find_quotes(text, blocks, None)


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (  # the attribution closes the sentence after the writer's words
            "\u201cWe are thrilled\u201d about the ruling, said Dana Reyes, director of the Harbour Trust.",
            "\u201cWe are thrilled\u201d about the ruling",
            "Dana Reyes",
        ),
        (
            '"The levy will fail" if the council keeps cutting, Councillor Ana Ortiz said on Monday.',
            '"The levy will fail" if the council keeps cutting',
            "Ana Ortiz",
        ),
        (  # a comma inside the writer's words: the attribution is read at the comma that starts it
            '"Nobody told us" about the closure, the flooding or the repairs, Tom Hale said.',
            '"Nobody told us" about the closure, the flooding or the repairs',
            "Tom Hale",
        ),
        (  # a verb of saying leads straight into the quote and the clause goes on after it
            "Mayor Tom Hale said \u201cthe pier will reopen\u201d by the end of the summer.",
            "\u201cthe pier will reopen\u201d by the end of the summer",
            "Tom Hale",
        ),
        (
            'Still, Hale acknowledged, "we will need more money" if the storms keep coming.',
            '"we will need more money" if the storms keep coming',
            "Hale",
        ),
        (
            "Ana Ortiz, the treasurer, says that \u201cthe books balance\u201d despite the lost rent.",
            "\u201cthe books balance\u201d despite the lost rent",
            "Ana Ortiz",
        ),
    ],
)
def test_quote_and_the_words_that_finish_its_clause_are_one_statement(text, words, speaker):
    (quote,) = _quotes(text)
    assert text[quote.start : quote.end] == words
    assert quote.kind == "mixed"
    assert quote.speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # the sentence goes on with the writer's narration, not the speaker's clause
        ('Mayor Tom Hale said "the pier will reopen" and then left for the airport.', "the pier will reopen"),
        (
            'Mayor Tom Hale said "the pier will reopen" before anyone asked about money.',
            "the pier will reopen",
        ),
        # a second attribution after the quote: not one clause
        ('Mayor Tom Hale said "the pier will reopen" soon, his deputy told reporters.', None),
    ],
)
def test_narration_after_the_quote_is_not_part_of_the_statement(text, words):
    quotes = _quotes(text)
    if words is not None:
        assert [text[q.start : q.end] for q in quotes if q.kind == "direct"] == [words]
    narration = ("airport", "anyone", "told reporters")
    assert not any(phrase in q.text for q in quotes for phrase in narration)


def test_a_quote_that_is_its_own_sentence_is_unchanged():
    text = '"The pier will reopen in June," Mayor Tom Hale said.'
    (quote,) = _quotes(text)
    assert quote.kind == "direct" and quote.text == "The pier will reopen in June"


@pytest.mark.parametrize(
    "text",
    [
        # a relative clause's verb describes its noun, and a title after "wrote" names a work
        "\u201cThe vote was close,\u201d said Mara Quint, a lecturer at the Harbour College who wrote"
        " \u201cTidal Lines,\u201d a study of river trade.",
        "\u201cThe vote was close,\u201d said Mara Quint, a lecturer who wrote"
        " \u201cTidal Lines\u201d in 2019.",
    ],
)
def test_a_relative_clause_after_the_speaker_states_nothing(text):
    quotes = _quotes(text)
    assert [(q.text, q.speaker.name) for q in quotes] == [("The vote was close", "Mara Quint")]


def test_a_chant_or_a_line_written_out_is_still_a_statement():
    text = (
        "Protesters shouted \u201cShame!\u201d as Hale arrived."
        " Hale wrote \u201cResign now\u201d on the board."
    )
    said = [q.text for q in _quotes(text)]
    assert said[0] == "Shame!" and len(said) == 2 and "Resign now" in said[1]
