"""Words passed on: "Tass quoted X as saying", "Y said X had told her ..." are X's (articles of our own)."""

from __future__ import annotations

import pytest
from body_statements import body_statements as _statements
from body_statements import one_statement as _one

from service.extraction.speakers.names import gender


@pytest.mark.parametrize(
    "lead",
    [
        "Interfax news agency quoted Deputy Foreign Minister Pavel Orlov as saying that",
        "The Nikkei business daily quoted Pavel Orlov as saying",
        "State television quoted Orlov, the deputy foreign minister, as saying",
    ],
)
def test_a_paper_quoting_someone_as_saying_passes_on_their_words(lead):
    text = (
        "Moscow reacted angrily on Friday after Britain expelled four of its diplomats.\n\n"
        "Deputy Foreign Minister Pavel Orlov had warned of a response last week.\n\n"
        f"{lead} Moscow would respond in kind to the expulsions."
    )
    quote = _one(text, "Moscow would respond in kind")
    assert quote.kind == "indirect"
    assert quote.speaker.name == "Pavel Orlov"


def test_a_quote_a_paper_passes_on_is_the_quoted_persons():
    text = (
        "MOSCOW (Reuters) - Russia reacted angrily on Friday.\n\n"
        'Interfax quoted Deputy Foreign Minister Pavel Orlov as saying: "The answer will be symmetrical."'
    )
    assert _one(text, "The answer will be symmetrical").speaker.name == "Pavel Orlov"


@pytest.mark.parametrize(
    ("sentence", "said", "speaker"),
    [
        (
            "Herder Lekishon Lemayian said the local chief, Samuel Lenaola, had told villagers that the "
            "water trucks would arrive by the weekend.",
            "the water trucks would arrive",
            "Samuel Lenaola",
        ),
        (
            "Mr Penrose said the scheme's engineer, Tom Vine, had assured him that the bridge over the canal "
            "was the easy part.",
            "the bridge over the canal",
            "Tom Vine",
        ),
    ],
)
def test_words_passed_on_after_an_appositive_name_are_that_persons(sentence, said, speaker):
    text = f"The water ran out in March.\n\n{sentence}"
    quote = _one(text, said)
    assert quote.speaker.name == speaker


def test_his_wife_is_a_woman_and_passes_on_his_words():
    text = (
        "Four fishermen were rescued on Thursday night.\n\n"
        "The trawler's skipper, Danny Rowe, 38, said he had been convinced the boat would be lost.\n\n"
        "His wife, Kerry Rowe, said he had rung her from the wheelhouse and told her: \"If we don't make it, "
        'tell the kids I love them." She said she had not slept since.'
    )
    assert _one(text, "If we don't make it").speaker.name == "Danny Rowe"
    assert _one(text, "she had not slept since").speaker.name == "Kerry Rowe"


def test_a_possessive_opening_a_role_says_nothing_of_the_persons_gender():
    assert gender("His wife", "Kerry") == "f"
    assert gender("Her neighbour", None) is None
    assert gender("the mayor who made his name in court", None) == "m"


def test_a_speaker_who_goes_on_to_say_keeps_the_quote():
    text = (
        "Trump spoke in Ohio on Friday.\n\n"
        'Trump said Brooklyn was his answer, but went on to say, "There are places in America that are '
        'among the most dangerous in the world."'
    )
    found = [q for q in _statements(text) if "There are places in America" in q.text]
    assert [q.speaker.name for q in found] == ["Trump"]
