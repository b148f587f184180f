"""Who a description points at, read from the article text: offices, bodies, roles that serve someone."""

from __future__ import annotations

import pytest

from service.extraction.speakers.descriptions import Person, body_in_text, office_in_text, role_head, serves
from service.extraction.speakers.mentions import parse_mention


def _described(text: str, words: str):
    return parse_mention(words, text.rindex(words))


@pytest.mark.parametrize(
    "lede",
    [
        "Prime Minister Theresa Hale opened the debate.",
        "Theresa Hale, the prime minister, opened the debate.",
        "Theresa Hale became prime minister in 2019.",
        "Theresa Hale, Britain's prime minister, opened the debate.",
    ],
)
def test_office_in_text_finds_the_holder(lede):
    text = f'{lede}\n\n"We will build more homes," the prime minister said.'
    assert office_in_text(_described(text, "the prime minister"), text) == "Theresa Hale"


def test_office_in_text_leaves_two_holders_open():
    text = (
        "Theresa Hale became prime minister in 2019. Tom Reed was prime minister before her.\n\n"
        '"We will build more homes," the prime minister said.'
    )
    assert office_in_text(_described(text, "the prime minister"), text) is None


def test_office_in_text_needs_an_office():
    text = 'Theresa Hale spoke first.\n\n"We will build," the official said.'
    assert office_in_text(_described(text, "the official"), text) is None


def test_body_in_text_finds_the_named_party_before_the_mention():
    text = "The Harbour Independence Party won four seats. Later the party said it was pleased."
    assert body_in_text("party", text, text.index("the party")) == "Harbour Independence Party"
    assert body_in_text("party", text, 0) is None
    assert body_in_text("ministry", text, len(text)) is None  # only loose nouns such as party, group


def test_a_role_that_serves_the_one_described():
    aide = Person("Ann Cole", "minister's aide")
    assert role_head(aide.role) == "aide"
    assert serves(parse_mention("the minister", 0), aide)
    assert not serves(parse_mention("the aide", 0), aide)
