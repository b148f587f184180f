"""Quantity parsing: numerals, words, ranges, bounds, vague amounts; what is not a quantity."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.text.numbers import parse_quantities, respell_quantities

INF = None


@pytest.mark.parametrize(
    ("text", "kind", "low", "high", "counts"),
    [
        ("40,000 fighters", "exact", 40_000, 40_000, "fighters"),
        ("40 000 fighters", "exact", 40_000, 40_000, "fighters"),
        ("40\u00a0000 fighters", "exact", 40_000, 40_000, "fighters"),
        ("40k fighters", "exact", 40_000, 40_000, "fighters"),
        ("forty thousand fighters", "exact", 40_000, 40_000, "fighters"),
        ("1.5 million refugees", "exact", 1_500_000, 1_500_000, "refugees"),
        ("two hundred and six people", "exact", 206, 206, "people"),
        ("twenty-five soldiers", "exact", 25, 25, "soldiers"),
        ("25-30 thousand mercenaries", "range", 25_000, 30_000, "mercenaries"),
        ("25,000-30,000 mercenaries", "range", 25_000, 30_000, "mercenaries"),
        ("25-30,000 mercenaries", "range", 25_000, 30_000, "mercenaries"),
        ("25–30,000 mercenaries", "range", 25_000, 30_000, "mercenaries"),
        ("between 25,000 and 30,000 mercenaries", "range", 25_000, 30_000, "mercenaries"),
        ("from 2 to 3 million people", "range", 2_000_000, 3_000_000, "people"),
        ("more than 3,200 Russian citizens", "lower_bound", 3_200, INF, "citizens"),
        ("over 100 countries", "lower_bound", 100, INF, "countries"),
        ("in excess of 40,000 fighters", "lower_bound", 40_000, INF, "fighters"),
        ("an excess of 40,000 total foreign fighters", "lower_bound", 40_000, INF, "fighters"),
        ("at least 17 militants", "lower_bound", 17, INF, "militants"),
        ("40,000-plus fighters", "lower_bound", 40_000, INF, "fighters"),
        ("5,000 or more troops", "lower_bound", 5_000, INF, "troops"),
        ("up to 600 militants", "upper_bound", 0, 600, "militants"),
        ("fewer than 15,000 Islamic State extremists", "upper_bound", 0, 15_000, "extremists"),
        ("as many as 5,000 people", "upper_bound", 0, 5_000, "people"),
        ("about 200 Russian militants", "approximate", 200, 200, "militants"),
        ("some 40,000 foreigners", "approximate", 40_000, 40_000, "foreigners"),
        ("around 300 fighters", "approximate", 300, 300, "fighters"),
        ("hundreds of foreign militants", "vague", 200, 999, "militants"),
        ("tens of thousands of people", "vague", 20_000, 99_999, "people"),
        ("dozens of civilians", "vague", 24, 99, "civilians"),
        ("several hundred troops", "vague", 300, 900, "troops"),
        ("thousands of refugees", "vague", 2_000, 9_999, "refugees"),
        ("half a million people", "exact", 500_000, 500_000, "people"),
        ("a quarter of a million people", "exact", 250_000, 250_000, "people"),
        ("two dozen soldiers", "exact", 24, 24, "soldiers"),
        ("two-thirds of voters", "approximate", 200 / 3, 200 / 3, None),
        ("more than half of the fighters", "lower_bound", 50, INF, None),
    ],
)
def test_parses_quantity(text, kind, low, high, counts):
    (q,) = parse_quantities(text)
    assert (q.kind, q.low, q.high, q.counts) == (kind, low, high, counts)
    assert text.startswith(q.text) or q.text in text


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("unemployment rose 12.5 percent", 12.5, "percent"),
        ("turnout was 64%", 64, "percent"),
        ("it grew 3 per cent", 3, "percent"),
        ("the fund holds $1.5bn", 1.5e9, "USD"),
        ("a €2 million grant", 2e6, "EUR"),
    ],
)
def test_units(text, value, unit):
    (q,) = parse_quantities(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "in 2014 the talks began",
        "the 3rd meeting of defence chiefs",
        "on June 2, 2016",
        "on 2 June 2016",
        "Fri Jul 12, 2013 16:48:58",
        "S-300 missiles",
        "the COVID-19 pandemic",
        "UN Resolution 2254",
        "the 1990s",
        "2014-2015 season",
        "at 10 a.m.",
        "the 21st century",
        "the 2015 report",
        "a 25-year-old man",
        "in the first half of 2015",
    ],
)
def test_not_quantities(text):
    assert parse_quantities(text) == []


def test_year_is_a_count_when_it_counts_things():
    (q,) = parse_quantities("2000 troops arrived")
    assert (q.value, q.counts) == (2000, "troops")


def test_offsets_point_into_the_text():
    text = "Today some 25-30,000 foreign terrorist mercenaries and over 100 countries"
    for q in parse_quantities(text):
        assert text[q.start : q.end] == q.text


def test_of_constructions_share_what_they_count():
    assert [q.counts for q in parse_quantities("25 of Afghanistan's 34 provinces")] == ["provinces"] * 2
    assert [q.counts for q in parse_quantities("25 Afghan provinces out of 34")] == ["provinces"] * 2


def canonical_text(text):
    return respell_quantities(text)[0]


def test_respelling_writes_one_spelling_per_meaning():
    assert canonical_text("some 25-30,000 mercenaries") == canonical_text("some 25-30 thousand mercenaries")
    assert canonical_text("more than 40k") == canonical_text("over 40,000")
    assert respell_quantities("more than 40k and about 5%")[1] == (">40000", "~5%")


def _commas(n: int) -> str:
    return f"{n:,}"


def _spaces(n: int) -> str:
    return f"{n:,}".replace(",", " ")


@given(st.integers(min_value=1000, max_value=999_999_999), st.sampled_from([_commas, _spaces]))
def test_formatted_integers_parse_back(n, fmt):
    (q,) = parse_quantities(f"officials counted {fmt(n)} fighters")
    assert (q.value, q.kind, q.counts) == (n, "exact", "fighters")


@given(st.integers(min_value=1, max_value=999))
def test_k_suffix_parses_back(n):
    (q,) = parse_quantities(f"about {n}k people")
    assert math.isclose(q.value, n * 1000) and q.approximate


@given(st.integers(min_value=1, max_value=998), st.integers(min_value=1, max_value=999))
def test_ranges_with_shared_thousands(a, gap):
    b = min(a + gap, 999)
    if b == a:
        return
    spellings = [f"{a}-{b} thousand", f"{a},000-{b},000", f"{a} to {b} thousand"]
    parsed = [parse_quantities(f"some {s} fighters")[0] for s in spellings]
    assert {(q.low, q.high) for q in parsed} == {(a * 1000, b * 1000)}


@given(st.text(max_size=80))
def test_parsing_never_fails_and_offsets_hold(text):
    for q in parse_quantities(text):
        assert 0 <= q.start <= q.end <= len(text)
        assert q.low is None or q.high is None or q.low <= q.high


@pytest.mark.parametrize(
    "text, kind, low, high",
    [("all over 55 or so", "lower_bound", 55, None), ("up to 40 or so", "upper_bound", 0.0, 40)],
)
def test_a_bound_said_roughly_stays_a_bound(text, kind, low, high):
    (q,) = parse_quantities(text)
    assert (q.kind, q.low, q.high, q.value, q.approximate) == (kind, low, high, 55 if low else 40, True)
