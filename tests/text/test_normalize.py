"""The shared normaliser: one form per number, case and quote marks ignored, stable under repetition."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.text.normalize import STOP_WORDS, content_terms, normalize, stem, term_spans


@pytest.mark.parametrize("form", ["40,000", "40 000", "40k", "40K", "forty thousand", "40 thousand", "40000"])
def test_number_forms_become_one(form):
    assert normalize(f"over {form} fighters") == "over 40000 fighters"


@pytest.mark.parametrize(
    "form",
    ["25-30 thousand", "25-30,000", "25,000-30,000", "25 to 30 thousand", "25,000 to 30,000", "25–30 000"],
)
def test_ranges_become_one(form):
    assert normalize(f"some {form} mercenaries") == "some 25000 to 30000 mercenaries"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$5bn in aid", "5000000000 dollars in aid"),
        ("1.5 million people", "1500000 people"),
        ("12% of voters", "12 percent of voters"),
        ("3.5 per cent", "3.5 percent"),
        ("twenty-five provinces", "25 provinces"),
        ("a million refugees", "1000000 refugees"),
        ("no one knows", "no one knows"),  # "one" alone is not a number
        ("330m tall", "330 m tall"),  # metres, not millions, without a currency sign
        ("in 2014, 200 people", "in 2014 200 people"),  # a year then a count, not 2,014,200
        ("twenty-five [thousand] men", "25000 men"),  # numbers meeting once the brackets are gone
    ],
)
def test_number_styles(text, expected):
    assert normalize(text) == expected


def test_brackets_quotes_and_possessives():
    text = "Russia’s “moderate” rebels [in Syria] don't"
    assert normalize(text) == "russia moderate rebels in syria dont"
    assert normalize(text) == normalize('RUSSIA\'S "moderate" rebels in Syria don’t')


def test_links_dropped_and_hashtags_split():
    text = "Read this https://t.co/AbC123 #StopTheSteal #COVID19 @realDonaldTrump"
    assert normalize(text) == "read this stop the steal covid 19 realdonaldtrump"


def test_content_terms_drop_stop_words_and_stem():
    assert content_terms("The fighters were fighting for the caliphate") == ["fighter", "fight", "caliph"]
    assert content_terms("He said that it is") == []
    assert stem("negotiations") == stem("negotiate")


@given(st.text(max_size=200))
def test_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


ascii_text = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=120)


@given(ascii_text.filter(lambda t: "#" not in t))  # hashtags split on case on purpose, see below
def test_case_insensitive(text):
    assert normalize(text.upper()) == normalize(text.lower()) == normalize(text)


@given(ascii_text, st.sampled_from(["‘’", "“”", "«»", "„“"]))
def test_quote_mark_insensitive(text, marks):
    curly = text.replace("'", "’") if marks == "‘’" else text.replace('"', marks[0])
    assert normalize(curly) == normalize(text)


@given(st.integers(1, 999), st.sampled_from(["{:,}", "{} {:03d}", "{}k", "{} thousand"]))
def test_thousands_property(thousands, style):
    value = thousands * 1000
    if style == "{} {:03d}":
        printed = style.format(thousands, 0)
    elif style == "{:,}":
        printed = style.format(value)
    else:
        printed = style.format(thousands)
    assert normalize(f"about {printed} troops") == f"about {value} troops"


@given(st.text(max_size=150))
def test_term_spans_offsets_are_valid(text):
    for term, start, end in term_spans(text):
        assert 0 <= start < end <= len(text)
        assert term and term not in STOP_WORDS


news_words = st.sampled_from(
    [
        "Russia's",
        "fighters",
        "said",
        "the",
        "[in",
        "Syria]",
        "“moderate”",
        "40,000",
        "25-30 thousand",
        "$5bn",
    ]
    + [
        "12%",
        "twenty-five",
        "don't",
        "U.S.",
        "al-Baghdadi",
        "3.5",
        "1.5 million",
        "of",
        "Fighting",
        "S-300",
        "(IS)",
    ]
)


@given(st.lists(news_words, max_size=25), st.sampled_from([" ", "  ", " \n"]))
def test_term_spans_cover_the_same_terms(words, glue):
    text = glue.join(words)
    assert sorted(t for t, _, _ in term_spans(text)) == sorted(content_terms(text))
