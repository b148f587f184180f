"""Tests for the lead's occasion: the event's day, and the undated statements made on it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.extraction import extract
from service.extraction.dating.occasion import lead_occasion
from service.extraction.layout.clean import split_blocks

FIXTURES = Path(__file__).parents[1] / "fixtures" / "articles"
PUB = "2024-06-06T18:00"  # a Thursday


def occasion_of(lead: str, published: str | None = PUB) -> str | None:
    """The occasion of a story with this lead under a headline."""
    text = f"Council acts on budget\n\n{lead}\n\nThe rest of the story follows here, with details.\n"
    return lead_occasion(text, split_blocks(text), published)


@pytest.mark.parametrize(
    ("lead", "day"),
    [
        (
            "The city council voted 6-2 Tuesday night to borrow $18 million for a new garage downtown.",
            "2024-06-04",
        ),
        (
            "A federal judge on Wednesday blocked a state law that would have required age checks online.",
            "2024-06-05",
        ),
        (
            "SPRINGDALE, Ark. (AP) — State health officials said Thursday that the outbreak had grown.",
            "2024-06-06",
        ),
        (
            "On Monday, the governor signed a bill that lawmakers had debated for months in the capital.",
            "2024-06-03",
        ),
        (
            "For 30 minutes on Saturday, nothing went right for the home team. Then the rookie took over.",
            "2024-06-01",
        ),
        (
            "A man who robbed four pharmacies since March was arrested Monday afternoon at his apartment.",
            "2024-06-03",
        ),
        # A relative clause's day is background; the main verb's day is the event.
        (
            "A law that took effect on Monday was blocked by a federal judge Wednesday in a short order.",
            "2024-06-05",
        ),
    ],
)
def test_the_first_day_attached_to_a_verb_of_the_lead_is_the_occasion(lead, day):
    assert occasion_of(lead) == day


@pytest.mark.parametrize(
    "lead",
    [
        "The council will vote Tuesday on a plan to borrow $18 million for a new garage downtown.",
        "The board is scheduled to meet on Monday to decide whether to close three elementary schools.",
        "On Friday, the board will decide whether to close three elementary schools in the district.",
        "Fans packed the stadium for “Monday Night Football,” the league's most watched game of the week.",
        "A law that took effect Monday has left parents confused about what their children can post online.",
        "Prices have climbed for months, and economists expect the trend to continue into the fall.",
        "The governor, who took office in January, has spent the year fighting with the legislature here.",
        "Officials have not set a date, and the deadline passed until Friday without any word from them.",
    ],
)
def test_no_occasion_from_future_relative_quoted_or_missing_days(lead):
    assert occasion_of(lead) is None


def test_no_occasion_without_a_publication_date_for_relative_days():
    lead = "The city council voted 6-2 Tuesday night to borrow $18 million for a new garage downtown."
    assert occasion_of(lead, None) is None


def test_the_lead_is_at_most_the_first_two_substantial_paragraphs():
    text = "Council acts on budget\n\n"
    text += "The council met for hours and heard from dozens of residents about the garage.\n\n"
    text += "Merchants have argued about parking downtown for more than a decade in this city.\n\n"
    text += "The vote came on Tuesday after a long debate about the cost of the project.\n"
    assert lead_occasion(text, split_blocks(text), PUB) is None


@pytest.fixture(scope="module")
def station_quotes():
    text = (FIXTURES / "page_station_scraped.txt").read_text(encoding="utf-8")
    return extract(text).quotes


@pytest.mark.parametrize(
    ("opening", "said_on"),
    [
        ("Our downtown businesses", "2025-03-03"),  # undated, about the event: the occasion
        ("the city had not studied", "2025-03-03"),  # "who voted against the plan" is no time of its own
        ("the garage would crowd out", None),  # "had said": background, not the event's day
        ("the bond payments", "2025-02"),  # "told the council last month": its own time wins
        ("he had lost customers", "2025-03-03"),  # "who opened ... in 2012", "last summer": not when he spoke
        ("Construction is expected", "2025-03-03"),
    ],
)
def test_undated_statements_take_the_occasion_unless_placed_elsewhere(station_quotes, opening, said_on):
    quote = next(q for q in station_quotes if q.text.startswith(opening))
    assert quote.said_on == said_on


def test_a_duplicated_quote_paragraph_gives_one_statement(station_quotes):
    assert sum(q.text.startswith("Our downtown businesses") for q in station_quotes) == 1


def test_the_second_piece_of_a_split_quote_is_part_of_the_first(station_quotes):
    (quote,) = [q for q in station_quotes if q.text.startswith("Our downtown businesses")]
    assert quote.text.endswith("Tonight we finally delivered.") and len(quote.parts) == 2


def article(*paragraphs: str) -> str:
    """A dated story whose lead dates its event on Tuesday 2024-06-04."""
    lead = "SPRINGDALE, Ark. (AP) — The city council voted 6-2 on Tuesday night to borrow $18 million."
    return "\n\n".join(["Council approves garage", "June 6, 2024", lead, *paragraphs]) + "\n"


@pytest.mark.parametrize(
    ("paragraph", "said_on"),
    [
        ("Mayor Ann Cole said the garage would open in 2026.", "2024-06-04"),
        ("Mayor Ann Cole had said the garage would open in 2026.", None),
        ("Mayor Ann Cole has long argued that the garage would pay for itself.", None),
        ("Mayor Ann Cole previously said the garage would pay for itself.", None),
        ("In the past, Mayor Ann Cole said the garage would pay for itself.", None),
        ("Mayor Ann Cole said last week that the garage would pay for itself.", None),
        ("Mayor Ann Cole said in 2019 that the garage would pay for itself.", "2019"),
        ("Mayor Ann Cole says the garage will pay for itself.", None),  # present tense: a feature's now
        ("Mayor Ann Cole said she had opposed last year's plan.", "2024-06-04"),  # content's time
    ],
)
def test_backgrounded_or_otherwise_timed_statements_keep_their_own_date(paragraph, said_on):
    quotes = extract(article(paragraph)).quotes
    assert [q.said_on for q in quotes] == [said_on], quotes


def test_a_day_named_in_the_sentence_dates_a_quoted_fragment():
    text = article(
        'Cole spoke after a fiery debate Monday night, calling the plan "a gift to every driver in town."'
    )
    quotes = extract(text).quotes
    assert quotes and quotes[0].said_on == "2024-06-03"


def test_a_time_inside_another_statement_of_the_sentence_does_not_date_this_one():
    text = article(
        '"This is a good day for the town," Mayor Ann Cole told reporters after the vote, '
        "adding that work would begin on Friday."
    )
    quotes = extract(text).quotes
    assert quotes[0].text.startswith("This is a good day")
    assert quotes[0].said_on == "2024-06-04"


@given(
    st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)),
    st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
    st.sampled_from(
        ["voted {} night to", "ruled on {} that", "said {} that", "was arrested {} afternoon and"]
    ),
)
def test_a_weekday_occasion_is_within_the_week_before_publication(published, weekday, phrase):
    lead = f"The county board {phrase.format(weekday)} the plan would go ahead despite objections."
    day = occasion_of(lead, published.isoformat())
    assert day is not None
    found = dt.date.fromisoformat(day)
    assert 0 <= (published - found).days < 7
    assert found.strftime("%A") == weekday
