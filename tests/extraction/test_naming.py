"""A view stated by naming something in quoted words (naming.py), on sentences written for the tests."""

from __future__ import annotations

import pytest
from body_statements import headed_statements as _statements


@pytest.mark.parametrize(
    ("body", "statement", "speaker"),
    [
        (
            "Auditor Kim Paek called the harbour accounts \u201claughable.\u201d",
            "the harbour accounts \u201claughable.\u201d",
            "Kim Paek",
        ),
        (
            "Councillor Ana Ruiz described the new ferry timetable as largely \u201cunworkable.\u201d",
            "the new ferry timetable as largely \u201cunworkable.\u201d",
            "Ana Ruiz",
        ),
        (
            # The clause goes on after the quote, up to the comma that ends it.
            "Tomas Ekberg called the pier deal \u201ca step forward\u201d for the island's fishermen, "
            "praising the board.",
            "the pier deal \u201ca step forward\u201d for the island's fishermen",
            "Tomas Ekberg",
        ),
        (
            # A second quote joined by "and" is part of the same naming.
            'Mayor Ines Carvalho called the protesters "a danger to the town" and "cowards" without proof.',
            'the protesters "a danger to the town" and "cowards" without proof',
            "Ines Carvalho",
        ),
    ],
)
def test_the_thing_named_and_its_quoted_name_are_one_statement(body, statement, speaker):
    assert _statements(body) == [("mixed", statement, speaker)]


def test_a_relative_pronoun_stands_for_the_thing_named():
    body = "The harbour levy, which Mayor Ines Carvalho called \u201ca tax on work,\u201d passed on Monday."
    assert _statements(body) == [
        ("mixed", "which Mayor Ines Carvalho called \u201ca tax on work,\u201d", "Ines Carvalho")
    ]


def test_the_naming_and_a_statement_joined_after_it_are_two_statements():
    body = (
        'Paul Hale called the ruling "an insult to every fisherman," and said the council would appeal soon.'
    )
    assert _statements(body) == [
        ("mixed", 'the ruling "an insult to every fisherman,"', "Paul Hale"),
        ("indirect", "the council would appeal soon", "Paul Hale"),
    ]


def test_a_scare_quote_inside_the_sentence_stays_no_statement():
    # Two quoted words mid-sentence are the writer's borrowing; only the reported clause is a statement.
    body = 'Paul Hale called the ruling "judicial overreach" and said the council would appeal soon.'
    assert _statements(body) == [("indirect", "the council would appeal soon", "Paul Hale")]


@pytest.mark.parametrize(
    "body",
    [
        'Her campaign calls the platform "Harbour First" in every leaflet.',  # a title, not a view
        'The levy has been called "a tax on work" by its critics.',  # passive: no one on record
        'Dana Ruiz never called the levy "a tax on work" in public.',  # negated
    ],
)
def test_names_without_a_speaker_naming_them_are_not_views(body):
    assert all(kind != "mixed" for kind, _, _ in _statements(body))


def test_a_call_for_something_is_a_demand_not_a_naming():
    body = 'Paul Hale called for "a full inquiry" into the pier.'
    assert _statements(body) == [("mixed", '"a full inquiry" into the pier', "Paul Hale")]
